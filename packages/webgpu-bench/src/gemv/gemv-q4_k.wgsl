// y = W·x with W in GGUF Q4_K super-blocks, kept byte for byte as ggml's block_q4_K (144 bytes per 256
// weights): vec4u 0 holds f16 d and dmin and 12 bytes of 6-bit sub-block scales and mins (packed as
// ggml's get_scale_min_k4 reads them), vec4u 1..8 hold 128 nibble bytes. A work unit is one 64-weight
// chunk: 32 bytes whose low nibbles are sub-block 2c and high nibbles sub-block 2c + 1; w = d·sc·q − dmin·m.
// Same walk and reduction as gemv-q4_0.wgsl, over 4 units per super-block.

struct Params {
  rows: u32,
  blocksPerRow: u32, // 256-weight super-blocks per row
  yOffset: u32,
  gridX: u32,
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> X: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> Y: array<f32>;
@group(0) @binding(3) var<storage, read> W: array<vec4u>;

override WG: u32 = 64;
override ROWS: u32 = 1;

var<workgroup> partial: array<vec4f, WG>;

const LOW = vec4u(0u, 8u, 16u, 24u);
const HIGH = vec4u(4u, 12u, 20u, 28u);

fn nibbles(word: u32, shifts: vec4u) -> vec4f {
  return vec4f((vec4u(word) >> shifts) & vec4u(15u));
}

// Byte i (0..11) of the packed scales, which start at the header's second word.
fn scaleByte(h: vec4u, i: u32) -> u32 {
  return (h[1u + i / 4u] >> (8u * (i % 4u))) & 0xffu;
}

// ggml get_scale_min_k4: the 6-bit scale and min of sub-block j (0..7).
fn scaleMin(h: vec4u, j: u32) -> vec2f {
  if (j < 4u) {
    return vec2f(f32(scaleByte(h, j) & 63u), f32(scaleByte(h, j + 4u) & 63u));
  }
  let sc = (scaleByte(h, j + 4u) & 0xfu) | ((scaleByte(h, j - 4u) >> 6u) << 4u);
  let m = (scaleByte(h, j + 4u) >> 4u) | ((scaleByte(h, j) >> 6u) << 4u);
  return vec2f(f32(sc), f32(m));
}

fn chunkDot(qa: vec4u, qb: vec4u, shifts: vec4u, x: array<vec4f, 8>) -> vec2f {
  let q = dot(nibbles(qa.x, shifts), x[0]) + dot(nibbles(qa.y, shifts), x[1])
        + dot(nibbles(qa.z, shifts), x[2]) + dot(nibbles(qa.w, shifts), x[3])
        + dot(nibbles(qb.x, shifts), x[4]) + dot(nibbles(qb.y, shifts), x[5])
        + dot(nibbles(qb.z, shifts), x[6]) + dot(nibbles(qb.w, shifts), x[7]);
  let one = vec4f(1.0);
  let sum = dot(x[0] + x[1] + x[2] + x[3], one) + dot(x[4] + x[5] + x[6] + x[7], one);
  return vec2f(q, sum);
}

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let row0 = (wid.x + wid.y * P.gridX) * ROWS;
  let units = 4u * P.blocksPerRow;
  var acc = vec4f(0.0);
  for (var u = lid; u < units; u += WG) {
    let b = u / 4u;
    let c = u % 4u;
    let xb = 64u * b + 16u * c;
    let xl = array<vec4f, 8>(X[xb], X[xb + 1u], X[xb + 2u], X[xb + 3u],
                             X[xb + 4u], X[xb + 5u], X[xb + 6u], X[xb + 7u]);
    let xh = array<vec4f, 8>(X[xb + 8u], X[xb + 9u], X[xb + 10u], X[xb + 11u],
                             X[xb + 12u], X[xb + 13u], X[xb + 14u], X[xb + 15u]);
    for (var r = 0u; r < ROWS; r++) {
      let base = 9u * (min(row0 + r, P.rows - 1u) * P.blocksPerRow + b);
      let h = W[base];
      let dm = unpack2x16float(h.x);
      let qa = W[base + 1u + 2u * c];
      let qb = W[base + 2u + 2u * c];
      let s1 = scaleMin(h, 2u * c);
      let s2 = scaleMin(h, 2u * c + 1u);
      let lo = chunkDot(qa, qb, LOW, xl);
      let hi = chunkDot(qa, qb, HIGH, xh);
      acc[r] += dm.x * (s1.x * lo.x + s2.x * hi.x) - dm.y * (s1.y * lo.y + s2.y * hi.y);
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
