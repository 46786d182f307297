// y = W·x with W in GGUF Q4_0 (ggml block_q4_0: f16 scale d, 16 bytes of nibbles; w = d·(q − 8)).
// The 16 nibble bytes of each block are in W, the f16 scales two per word in S: 18 bytes per 32 weights,
// exactly GGUF's, with every load 4-byte aligned. Byte j holds weight j (low nibble) and j + 16 (high).
// Each thread walks one block per step for ROWS rows at once (x loaded once, reused per row); neighbouring
// threads read neighbouring blocks, so a workgroup's loads are contiguous. A tree in workgroup memory sums.

struct Params {
  rows: u32,         // rows in this binding's slice of the matrix
  blocksPerRow: u32, // 32-weight blocks per row
  yOffset: u32,      // index in Y of the slice's first row
  gridX: u32,        // workgroups along x (the grid is 2-D when a dimension would exceed its limit)
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> X: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> Y: array<f32>;
@group(0) @binding(3) var<storage, read> W: array<vec4u>;
@group(0) @binding(4) var<storage, read> S: array<u32>;

override WG: u32 = 64;  // threads per workgroup, a power of two
override ROWS: u32 = 1; // rows per workgroup, 1 to 4 (one lane of the vec4 accumulator each)

var<workgroup> partial: array<vec4f, WG>;

const LOW = vec4u(0u, 8u, 16u, 24u);
const HIGH = vec4u(4u, 12u, 20u, 28u);

fn nibbles(word: u32, shifts: vec4u) -> vec4f {
  return vec4f((vec4u(word) >> shifts) & vec4u(15u)) - 8.0;
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let row0 = (wid.x + wid.y * P.gridX) * ROWS;
  var acc = vec4f(0.0);
  for (var b = lid; b < P.blocksPerRow; b += WG) {
    let xb = 8u * b;
    let x0 = X[xb];
    let x1 = X[xb + 1u];
    let x2 = X[xb + 2u];
    let x3 = X[xb + 3u];
    let x4 = X[xb + 4u];
    let x5 = X[xb + 5u];
    let x6 = X[xb + 6u];
    let x7 = X[xb + 7u];
    for (var r = 0u; r < ROWS; r++) {
      let blk = min(row0 + r, P.rows - 1u) * P.blocksPerRow + b;
      let q = W[blk];
      let d = unpack2x16float(S[blk >> 1u])[blk & 1u];
      let lo = dot(nibbles(q.x, LOW), x0) + dot(nibbles(q.y, LOW), x1)
             + dot(nibbles(q.z, LOW), x2) + dot(nibbles(q.w, LOW), x3);
      let hi = dot(nibbles(q.x, HIGH), x4) + dot(nibbles(q.y, HIGH), x5)
             + dot(nibbles(q.z, HIGH), x6) + dot(nibbles(q.w, HIGH), x7);
      acc[r] += d * (lo + hi);
    }
  }
  partial[lid] = acc;
  workgroupBarrier();
  for (var step = WG / 2u; step > 0u; step >>= 1u) {
    if (lid < step) {
      partial[lid] += partial[lid + step];
    }
    workgroupBarrier();
  }
  if (lid < ROWS && row0 + lid < P.rows) {
    Y[P.yOffset + row0 + lid] = partial[0][lid];
  }
}
