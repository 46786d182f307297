import { describe, expect, it } from 'vitest';
import { cli } from '../../test/cli.js';
import { ram, versionOne } from '../../test/result-fixtures.js';

const seed = ['-m', 'gemma-4-31b', '-q', 'Q4_K_M', '-d', 'rtx 3060 12gb', '--ram', '32'];

describe('cliffbench estimate', () => {
  it('prints the headline, regime, decode with its band, memory bars and advice for people', async () => {
    const { code, out } = await cli(['estimate', ...seed]);
    expect(code).toBe(0);
    expect(out).toMatch(
      /Verdict\s+Does not fit in GPU memory — \d+ of 60 layers on the GPU, the rest in system RAM\n/,
    );
    expect(out).toMatch(/Regime\s+partial-offload \(layers split GPU \/ CPU\)/);
    expect(out).toMatch(/Decode\s+[\d.]+ tok\/s\s+\(band [\d.]+–[\d.]+\)/);
    expect(out).toMatch(/GPU memory\s+\[█+░*\]/);
    expect(out).toMatch(/What you can change/);
  });

  it('says an explicit -ngl past the fit does not fit, and where it was put', async () => {
    const { out } = await cli([
      'estimate',
      ...seed,
      '-q',
      'Q8_0',
      '--gpu-layers',
      '999',
      '--offload',
      'layers',
    ]);
    expect(out).toMatch(
      /Verdict\s+Does not fit with these settings — all 60 layers on the GPU as set need more than the GPU memory holds/,
    );
    expect(out).toMatch(/At most \d+ layers fit/);
  });

  it('draws unified memory as one pool with the GPU limit marked, not GPU memory beside RAM', async () => {
    const { out } = await cli(['estimate', '-m', 'gemma-4-31b', '-q', 'Q8_0', '-d', 'm3 max 64gb']);
    expect(out).toMatch(
      /Unified memory\s+\[█+▓░+│░+▒+\]\s+33\.8 of 60\.0 GiB available \(64\.0 less 4\.0 for the OS\).*GPU limit 48\.0 GiB/,
    );
    expect(out).not.toMatch(/GPU memory|System RAM/);
  });

  it('prints the detailed estimate as JSON with --json', async () => {
    const { out } = await cli(['estimate', ...seed, '--json']);
    const e = JSON.parse(out);
    expect(e.regime).toBe('partial-offload');
    expect(e.placement.totalLayers).toBe(60);
    expect(e.band.low).toBeLessThan(e.decodeTokensPerSecond);
    expect(e.breakdown.tiers).toHaveLength(5);
  });

  it('calibrates with a result file and a measured RAM figure, and says so in the basis', async () => {
    const result = JSON.stringify({ ...versionOne, schemaVersion: 2, ram });
    const spec = JSON.parse((await cli(['estimate', ...seed, '--json'])).out);
    const file = JSON.parse(
      (await cli(['estimate', ...seed, '--calibration', 'r.json', '--json'], { 'r.json': result })).out,
    );
    expect(file.breakdown.bandwidths.gpuEffectiveGBs).toBe(268);
    expect(file.basis).toMatch(/measured RAM bandwidth 41\.0 GB\/s/);
    expect(file.basis).toMatch(/RAM read 41\.0 GB\/s \(4 workers\)/);
    const ramOnly = JSON.parse((await cli(['estimate', ...seed, '--measured-ram', '20', '--json'])).out);
    expect(ramOnly.basis).toMatch(/measured RAM bandwidth 20\.0 GB\/s/);
    expect(ramOnly.decodeTokensPerSecond).toBeLessThan(spec.decodeTokensPerSecond);
  });

  it('says what a calibration file must be when it is not one', async () => {
    const notJson = await cli(['estimate', ...seed, '--calibration', 'x.json'], { 'x.json': '{oops' });
    expect(notJson.code).toBe(1);
    expect(notJson.err).toMatch(/--calibration x\.json: not a readable JSON file.*cliffbench benchmark/);
    const wrong = await cli(['estimate', ...seed, '--calibration', 'y.json'], {
      'y.json': '{"schemaVersion":9}',
    });
    expect(wrong.err).toMatch(/not a cliffbench result document of schemaVersion 1 or 2/);
    const ramWord = await cli(['estimate', ...seed, '--measured-ram', 'fast']);
    expect(ramWord.err).toMatch(/--measured-ram must be a positive number of GB\/s, got "fast"/);
  });

  it('takes explicit device numbers instead of a name', async () => {
    const { out } = await cli([
      'estimate',
      '-m',
      'llama-3-8b',
      '--bandwidth',
      '360',
      '--memory',
      '12',
      '--kind',
      'discrete',
      '--json',
    ]);
    const e = JSON.parse(out);
    expect(e.regime).toBe('gpu');
    expect(e.breakdown.bandwidths.gpuGBs).toBe(360);
  });

  it('answers a batch line by line, in order, with an error line for a bad scenario', async () => {
    const batch = [
      JSON.stringify({ id: 'a', model: 'gemma-4-e4b', quant: 'Q4_K_M', device: 'rtx 3060 12gb' }),
      '',
      JSON.stringify({ id: 'b', model: 'no-such-model', quant: 'Q4_K_M', device: 'rtx 3060 12gb' }),
      '{not json',
      JSON.stringify({
        id: 'c',
        model: 'gemma-4-26b-a4b',
        quant: 'Q4_K_M',
        device: 'rtx 3060 12gb',
        measured: { x: 1 },
      }),
    ].join('\n');
    const { code, out } = await cli(['estimate', '--batch', 'in.jsonl'], { 'in.jsonl': batch });
    expect(code).toBe(0);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', undefined, 'c']);
    expect(lines[0].regime).toBe('gpu');
    expect(lines[1].error).toMatch(/no-such-model/);
    expect(lines[2].error).toMatch(/line 4: not valid JSON/);
    expect(lines[3].regime).toBe('experts-on-cpu');
  });

  it('exits 1 with a message naming what is accepted for an unknown device', async () => {
    const { code, err } = await cli(['estimate', '-m', 'llama-3-8b', '-d', 'rtx 9999']);
    expect(code).toBe(1);
    expect(err).toMatch(/No device matches "rtx 9999"/);
  });

  it('exits 2 for an unknown flag or command', async () => {
    expect((await cli(['estimate', '--colour'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });
});

describe('cliffbench curve, models, devices, quants', () => {
  it('prints a curve as JSON with --json', async () => {
    const { code, out } = await cli(['curve', ...seed, '--axis', 'gpu-layers', '--json']);
    expect(code).toBe(0);
    const curve = JSON.parse(out);
    expect(curve.axis).toBe('gpuLayers');
    expect(curve.points.length).toBeGreaterThan(10);
    expect(curve.points[0]).toHaveProperty('decodeTokensPerSecond');
    expect(curve.device).toBe('GeForce RTX 3060 12GB');
  });

  it('prints a curve as CSV with a header row', async () => {
    const { out } = await cli(['curve', ...seed, '--axis', 'gpu-layers', '--csv']);
    const [header, ...rows] = out.trim().split('\n');
    expect(header).toBe('gpuLayers,decode_tps,band_low,band_high,fits,regime,device_gib,host_gib');
    expect(rows).toHaveLength(61);
  });

  it('lists the catalogs', async () => {
    expect((await cli(['models'])).out).toMatch(/gemma-4-26b-a4b\s+Gemma 4 26B A4B/);
    expect((await cli(['devices', 'rtx 3060'])).out).toMatch(
      /GeForce RTX 3060 12GB\s+discrete\s+12 GB\s+360 GB\/s/,
    );
    expect((await cli(['quants'])).out).toMatch(/Q4_K_M/);
  });

  it('has help for every command', async () => {
    for (const command of ['estimate', 'curve', 'models', 'devices', 'quants']) {
      const { code, out } = await cli([command, '--help']);
      expect(code, command).toBe(0);
      expect(out, command).toMatch(new RegExp(`Usage: cliffbench ${command}`));
    }
  });
});
