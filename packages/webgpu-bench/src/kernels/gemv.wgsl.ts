/**
 * @module kernels/gemv.wgsl — y = W·x for one weight layout (see formats.ts), specialised at run time for
 * the workgroup size and rows per workgroup the tuner picks. Each thread walks a row's work units
 * (a block, or a 64-weight chunk of a Q4_K super-block) with a stride of the workgroup size, so neighbouring
 * threads read neighbouring bytes; a tree reduction in workgroup memory sums each row.
 */
import type { WeightFormat } from '@cliffbench/core';

export interface GemvShape {
  /** Threads per workgroup (a power of two). */
  readonly workgroupSize: number;
  /** Rows each workgroup computes. */
  readonly rowsPerWorkgroup: number;
}

/** Work units per block: Q4_K's 256-weight super-block is split into four 64-weight chunks. */
export const unitsPerBlock = (format: WeightFormat): number => (format === 'q4_k' ? 4 : 1);

const UNIT_DOT: Readonly<Record<WeightFormat, string>> = {
  f32: /* wgsl */ `
fn unitDot(row: u32, u: u32) -> f32 {
  let w = (row * P.blocksPerRow + u) * 4u;
  let x = u * 4u;
  return bitcast<f32>(W[w]) * X[x] + bitcast<f32>(W[w + 1u]) * X[x + 1u]
       + bitcast<f32>(W[w + 2u]) * X[x + 2u] + bitcast<f32>(W[w + 3u]) * X[x + 3u];
}`,
  f16: /* wgsl */ `
fn unitDot(row: u32, u: u32) -> f32 {
  let w = (row * P.blocksPerRow + u) * 4u;
  let x = u * 8u;
  var s = 0.0;
  for (var i = 0u; i < 4u; i++) {
    let h = unpack2x16float(W[w + i]);
    s += h.x * X[x + 2u * i] + h.y * X[x + 2u * i + 1u];
  }
  return s;
}`,
  q8_0: /* wgsl */ `
fn unitDot(row: u32, u: u32) -> f32 {
  let blk = row * P.blocksPerRow + u;
  let w = blk * 8u;
  let x = u * 32u;
  let d = unpack2x16float(S[blk >> 1u])[blk & 1u];
  var s = 0.0;
  for (var i = 0u; i < 8u; i++) {
    let word = bitcast<i32>(W[w + i]);
    for (var k = 0u; k < 4u; k++) {
      s += f32(extractBits(word, 8u * k, 8u)) * X[x + 4u * i + k];
    }
  }
  return s * d;
}`,
  q4_0: /* wgsl */ `
fn unitDot(row: u32, u: u32) -> f32 {
  let blk = row * P.blocksPerRow + u;
  let w = blk * 4u;
  let x = u * 32u;
  let d = unpack2x16float(S[blk >> 1u])[blk & 1u];
  var s = 0.0;
  for (var i = 0u; i < 4u; i++) {
    let word = W[w + i];
    for (var k = 0u; k < 4u; k++) {
      let b = (word >> (8u * k)) & 0xffu;
      let j = 4u * i + k;
      s += (f32(b & 0xfu) - 8.0) * X[x + j] + (f32(b >> 4u) - 8.0) * X[x + j + 16u];
    }
  }
  return s * d;
}`,
  q4_k: /* wgsl */ `
fn qbyte(base: u32, i: u32) -> u32 {
  return (W[base + 1u + i / 4u] >> (8u * (i % 4u))) & 0xffu;
}
fn scaleMin(base: u32, j: u32) -> vec2u {
  if (j < 4u) {
    return vec2u(qbyte(base, j) & 63u, qbyte(base, j + 4u) & 63u);
  }
  return vec2u((qbyte(base, j + 4u) & 0xfu) | ((qbyte(base, j - 4u) >> 6u) << 4u),
               (qbyte(base, j + 4u) >> 4u) | ((qbyte(base, j) >> 6u) << 4u));
}
fn unitDot(row: u32, u: u32) -> f32 {
  let block = u / 4u;
  let chunk = u % 4u;
  let base = (row * P.blocksPerRow + block) * 36u;
  let dd = unpack2x16float(W[base]);
  let sm1 = scaleMin(base, 2u * chunk);
  let sm2 = scaleMin(base, 2u * chunk + 1u);
  let d1 = dd.x * f32(sm1.x);
  let m1 = dd.y * f32(sm1.y);
  let d2 = dd.x * f32(sm2.x);
  let m2 = dd.y * f32(sm2.y);
  let x0 = block * 256u + chunk * 64u;
  var s = 0.0;
  for (var i = 0u; i < 8u; i++) {
    let word = W[base + 4u + chunk * 8u + i];
    for (var k = 0u; k < 4u; k++) {
      let b = (word >> (8u * k)) & 0xffu;
      let l = 4u * i + k;
      s += (d1 * f32(b & 0xfu) - m1) * X[x0 + l] + (d2 * f32(b >> 4u) - m2) * X[x0 + 32u + l];
    }
  }
  return s;
}`,
};

/** Whether the layout has a second (scale) array bound at binding 4. */
export const hasScaleBinding = (format: WeightFormat): boolean => format === 'q8_0' || format === 'q4_0';

/** WGSL source of the GEMV kernel for `format` and `shape`. */
export function gemvWGSL(format: WeightFormat, shape: GemvShape): string {
  const { workgroupSize: WG, rowsPerWorkgroup: R } = shape;
  return /* wgsl */ `
struct Params { rows: u32, blocksPerRow: u32, rowOffset: u32, gridX: u32 };
@group(0) @binding(0) var<storage, read> W: array<u32>;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read_write> Y: array<f32>;
@group(0) @binding(3) var<uniform> P: Params;
${hasScaleBinding(format) ? '@group(0) @binding(4) var<storage, read> S: array<u32>;' : ''}
const WG = ${WG}u;
const R = ${R}u;
var<workgroup> partial: array<f32, ${WG * R}>;
${UNIT_DOT[format]}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let row0 = (wid.x + wid.y * P.gridX) * R;
  let units = P.blocksPerRow * ${unitsPerBlock(format)}u;
  for (var r = 0u; r < R; r++) {
    var s = 0.0;
    let row = row0 + r;
    if (row < P.rows) {
      for (var u = lid; u < units; u += WG) { s += unitDot(row, u); }
    }
    partial[r * WG + lid] = s;
  }
  workgroupBarrier();
  for (var step = WG / 2u; step > 0u; step >>= 1u) {
    if (lid < step) {
      for (var r = 0u; r < R; r++) { partial[r * WG + lid] += partial[r * WG + lid + step]; }
    }
    workgroupBarrier();
  }
  if (lid < R && row0 + lid < P.rows) {
    Y[P.rowOffset + row0 + lid] = partial[lid * WG];
  }
}`;
}
