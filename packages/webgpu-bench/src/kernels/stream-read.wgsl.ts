/**
 * @module kernels/stream-read.wgsl — the device's read ceiling: every thread XORs 16-byte words in a
 * grid-stride loop and writes one word, so nothing can be optimised away and the XOR of the outputs equals
 * the XOR of the buffer (checked on the CPU).
 */

/** WGSL source of the streaming-read kernel with `workgroupSize` threads per workgroup. */
export function streamReadWGSL(workgroupSize: number): string {
  return /* wgsl */ `
struct Params { count: u32, stride: u32 };
@group(0) @binding(0) var<storage, read> A: array<vec4u>;
@group(0) @binding(1) var<storage, read_write> Out: array<u32>;
@group(0) @binding(2) var<uniform> P: Params;
@compute @workgroup_size(${workgroupSize})
fn main(@builtin(global_invocation_id) gid: vec3u) {
  var acc = vec4u(0u);
  for (var i = gid.x; i < P.count; i += P.stride) { acc ^= A[i]; }
  Out[gid.x] = acc.x ^ acc.y ^ acc.z ^ acc.w;
}`;
}
