// y = W·x with W in IEEE binary16, 8 weights per vec4u. The weights are unpacked with the core builtin
// unpack2x16float (so the kernel compiles with or without the shader-f16 feature) and summed in f32.
// Same walk and reduction as gemv-q4_0.wgsl.

struct Params {
  rows: u32,
  blocksPerRow: u32, // 8-weight groups per row
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
    let x0 = X[2u * b];
    let x1 = X[2u * b + 1u];
    for (var r = 0u; r < ROWS; r++) {
      let q = W[min(row0 + r, P.rows - 1u) * P.blocksPerRow + b];
      let w0 = vec4f(unpack2x16float(q.x), unpack2x16float(q.y));
      let w1 = vec4f(unpack2x16float(q.z), unpack2x16float(q.w));
      acc[r] += dot(w0, x0) + dot(w1, x1);
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
