// The device's read ceiling: every thread XORs 16-byte words in a grid-stride loop (neighbouring threads
// read neighbouring words on every step) and writes one word, so the loads cannot be optimised away and
// the XOR of all outputs equals the XOR of the buffer, which the CPU checks.

struct Params {
  count: u32,  // vec4u words in the buffer
  stride: u32, // threads in the dispatch
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> A: array<vec4u>;
@group(0) @binding(2) var<storage, read_write> Out: array<u32>;

override WG: u32 = 256;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  var acc = vec4u(0u);
  for (var i = gid.x; i < P.count; i += P.stride) {
    acc ^= A[i];
  }
  Out[gid.x] = acc.x ^ acc.y ^ acc.z ^ acc.w;
}
