import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defaultValidationPath,
  fixtureValidationPath,
  loadValidationRows,
  type ValidationRow,
} from '../../scripts/validation.js';
import { fixtureModel } from '../../test/tune-machines.js';
import { publishedExpertRuns, publishedScenario } from '../../test/tune-published.js';
import { fixtureArch, fixtureFromHfConfig, fixtureTensors } from '../../test/weights-fixtures.js';
import { estimateDetailed, findQuant, quantizeTensors, tuneSettings } from '../index.js';

/** The project's accuracy target for a single row: the p90 of |predicted/measured − 1| (issue 2). */
const P90_TARGET = 0.35;

const validationPath = existsSync(fixtureValidationPath) ? fixtureValidationPath : defaultValidationPath();
const expertRows = existsSync(validationPath)
  ? loadValidationRows(validationPath).filter((r) => r.scenario.offload === 'experts')
  : [];

function resolveRow(row: ValidationRow) {
  const model = row.scenario.model;
  if (typeof model === 'string') throw new Error(`row ${row.id}: catalog models are not expected here`);
  const shape = fixtureFromHfConfig(model.hfConfig);
  const arch = fixtureArch(shape);
  return {
    model: arch,
    tensors: quantizeTensors(fixtureTensors(shape), findQuant(row.scenario.quant), arch),
  };
}

describe('experts-in-RAM estimates against public measurements', () => {
  it('has the validation rows with offload "experts"', () => {
    expect(expertRows.length).toBeGreaterThanOrEqual(1);
  });

  it.each(expertRows.map((r) => [r.id, r] as const))(
    'predicts validation row %s within the project p90 error',
    (_id, row) => {
      const d = estimateDetailed(row.scenario, resolveRow(row));
      expect(d.regime).toBe('experts-on-cpu');
      expect(Math.abs(d.decodeTokensPerSecond / row.measured.decodeTokensPerSecond - 1)).toBeLessThanOrEqual(
        P90_TARGET,
      );
    },
  );

  it.each(publishedExpertRuns.map((r) => [r.id, r] as const))(
    'predicts the published --n-cpu-moe run %s within the project p90 error',
    (_id, run) => {
      const { input, options } = publishedScenario(run);
      const d = estimateDetailed(input, options);
      expect(d.fits).toBe(true);
      expect(Math.abs(d.decodeTokensPerSecond / run.decodeTokensPerSecond - 1)).toBeLessThanOrEqual(
        P90_TARGET,
      );
    },
  );

  it.each(publishedExpertRuns.filter((r) => r.contextRange !== undefined).map((r) => [r.id, r] as const))(
    'brackets the hand-found setting of %s between its picks for the shortest and longest plausible context',
    (_id, run) => {
      const [shortest, longest] = run.contextRange ?? [0, 0];
      const pick = (contextTokens: number): number => {
        const result = tuneSettings(
          {
            ...run.input,
            contextTokens,
            minContextTokens: contextTokens,
            kvCacheTypes: ['f16'],
            alternatives: false,
          },
          fixtureModel(run.model, run.quant),
        );
        return result.configurations[0]?.settings.cpuMoeLayers ?? Number.NaN;
      };
      expect(pick(shortest)).toBeLessThanOrEqual(run.cpuMoeLayers);
      expect(pick(longest)).toBeGreaterThanOrEqual(run.cpuMoeLayers);
    },
  );
});
