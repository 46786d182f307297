// y = W·x with W in GGUF Q8_0 (ggml block_q8_0: f16 scale d, 32 signed bytes; w = d·q).
// The 32 quant bytes of each block are in W (two vec4u), the f16 scales two per word in S: 34 bytes per
// 32 weights, exactly GGUF's. Same walk and reduction as gemv-q4_0.wgsl.

struct Params {
  rows: u32,
  blocksPerRow: u32,
  yOffset: u32,
  gridX: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> X: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> Y: array<f32>;
@group(0) @binding(3) var<storage, read> W: array<vec4u>;
@group(0) @binding(4) var<storage, read> S: array<u32>;

override WG: u32 = 64;
override ROWS: u32 = 1;

var<workgroup> partial: array<vec4f, WG>;

// The four signed bytes of a word, sign-extended by an arithmetic right shift.
fn bytes(word: u32) -> vec4f {
  return vec4f((vec4i(bitcast<i32>(word)) << vec4u(24u, 16u, 8u, 0u)) >> vec4u(24u));
}

fn half(q: vec4u, x: array<vec4f, 4>) -> f32 {
  return dot(bytes(q.x), x[0]) + dot(bytes(q.y), x[1]) + dot(bytes(q.z), x[2]) + dot(bytes(q.w), x[3]);
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let row0 = (wid.x + wid.y * P.gridX) * ROWS;
  var acc = vec4f(0.0);
  for (var b = lid; b < P.blocksPerRow; b += WG) {
    let xb = 8u * b;
    let xa = array<vec4f, 4>(X[xb], X[xb + 1u], X[xb + 2u], X[xb + 3u]);
    let xc = array<vec4f, 4>(X[xb + 4u], X[xb + 5u], X[xb + 6u], X[xb + 7u]);
    for (var r = 0u; r < ROWS; r++) {
      let blk = min(row0 + r, P.rows - 1u) * P.blocksPerRow + b;
      let d = unpack2x16float(S[blk >> 1u])[blk & 1u];
      acc[r] += d * (half(W[2u * blk], xa) + half(W[2u * blk + 1u], xc));
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
