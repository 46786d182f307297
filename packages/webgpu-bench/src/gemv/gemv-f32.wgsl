// y = W·x with W in f32, 4 weights per vec4u (bit patterns). The fallback dense format where the device
// has no shader-f16. Same walk and reduction as gemv-q4_0.wgsl.

struct Params {
  rows: u32,
  blocksPerRow: u32, // 4-weight groups per row
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

@compute @workgroup_size(WG)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_index) lid: u32) {
  let row0 = (wid.x + wid.y * P.gridX) * ROWS;
  var acc = vec4f(0.0);
  for (var b = lid; b < P.blocksPerRow; b += WG) {
    let x = X[b];
    for (var r = 0u; r < ROWS; r++) {
      acc[r] += dot(bitcast<vec4f>(W[min(row0 + r, P.rows - 1u) * P.blocksPerRow + b]), x);
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
