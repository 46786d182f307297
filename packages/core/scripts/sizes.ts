/**
 * Prints predicted vs published model sizes: every validation row with a `weightsBytes` (tensor bytes as
 * llama-bench reports them), the published Gemma 4 GGUF files, and a size ladder per quant mix.
 * Architectures come from the test fixtures (llama.cpp tensor layouts).
 * Usage: npm run sizes -w @cliffbench/core
 */
import { findQuant, ggufFileBytes, quantizeTensors, type TensorSpec, weightBreakdown } from '../src/index.js';
import type { ModelArchitecture } from '../src/model/architecture.js';
import { publishedGemma4Files, publishedTensorBytes } from '../test/published-sizes.js';
import {
  fixtureArch,
  fixtureFromHfConfig,
  fixtureTensors,
  gemma4Fixture,
  gemma4Shapes,
} from '../test/weights-fixtures.js';

const GiB = 2 ** 30;
const pct = (predicted: number, real: number): string => `${((predicted / real - 1) * 100).toFixed(2)}%`;
const gib = (bytes: number): string => (bytes / GiB).toFixed(3);

function tensorBytes(tensors: TensorSpec[], arch: ModelArchitecture, quant: string, embd?: string): number {
  const options = embd ? { tokenEmbeddingType: embd } : {};
  return weightBreakdown(quantizeTensors(tensors, findQuant(quant), arch, options), arch).totalBytes;
}

console.log('Validation rows: tensor bytes (llama-bench prints GiB to 2 decimals, so +-0.005 GiB)');
console.log(`${'rows'.padEnd(36)}${'model'.padEnd(22)}${'quant'.padEnd(8)}  real GiB  pred GiB   error`);
let worst = 0;
for (const row of publishedTensorBytes) {
  const shape = fixtureFromHfConfig(row.hfConfig);
  const predicted = tensorBytes(fixtureTensors(shape), fixtureArch(shape), row.quant);
  if (!row.caveat) worst = Math.max(worst, Math.abs(predicted / row.weightsBytes - 1));
  console.log(
    `${row.ids.join(',').slice(0, 35).padEnd(36)}${row.label.padEnd(22)}${row.quant.padEnd(8)}` +
      `${gib(row.weightsBytes).padStart(10)}${gib(predicted).padStart(10)}${pct(predicted, row.weightsBytes).padStart(8)}` +
      (row.caveat ? `  * ${row.caveat}` : ''),
  );
}
console.log(`max |error| over rows without a caveat (*): ${(worst * 100).toFixed(2)}%`);

console.log('\nGemma 4 GGUF files on disk: tensor bytes + header, metadata, alignment');
let worstFile = 0;
for (const f of publishedGemma4Files) {
  const { tensors, arch } = gemma4Fixture({
    ...gemma4Shapes[f.model]!,
    keepSharedKv: f.source.includes('ggml-org'),
  });
  const predicted = ggufFileBytes(quantizeTensors(tensors, findQuant(f.quant), arch), arch);
  worstFile = Math.max(worstFile, Math.abs(predicted / f.fileBytes - 1));
  console.log(
    `${f.model.padEnd(18)}${f.quant.padEnd(8)}${(f.fileBytes / 1e9).toFixed(3).padStart(8)} GB` +
      `${(predicted / 1e9).toFixed(3).padStart(9)} GB${pct(predicted, f.fileBytes).padStart(8)}`,
  );
}
console.log(`max |error| over Gemma 4 files: ${(worstFile * 100).toFixed(2)}%`);

const ladder = [
  'Q2_K',
  'Q3_K_M',
  'Q4_0',
  'Q4_K_M',
  'Q5_K_M',
  'Q6_K',
  'Q8_0',
  'F16',
  'MXFP4',
  'MLX 4-bit',
  'MLX 8-bit',
];
console.log(`\nTensor GiB per mix\n${''.padEnd(18)}${ladder.map((q) => q.padStart(10)).join('')}`);
for (const [id, shape] of Object.entries(gemma4Shapes)) {
  const { tensors, arch } = gemma4Fixture(shape);
  console.log(
    `${id.padEnd(18)}${ladder.map((q) => gib(tensorBytes(tensors, arch, q)).padStart(10)).join('')}`,
  );
}
