// The device's read ceiling. `main`: every thread XORs 16-byte words in a grid-stride loop (neighbouring
// threads read neighbouring words on every step), ACC loads in flight per iteration in independent
// accumulators, and writes one word, so no load can be optimised away and the XOR of all outputs equals
// the XOR of the buffer, which the CPU checks. `copy`, the cross-check: the same walk writing every word
// to a second buffer (read back through `main`).

struct Params {
  count: u32,  // vec4u words in the buffer
  stride: u32, // threads in the dispatch
}

@group(0) @binding(0) var<uniform> P: Params;
@group(0) @binding(1) var<storage, read> A: array<vec4u>;
@group(0) @binding(2) var<storage, read_write> Out: array<u32>;
@group(0) @binding(3) var<storage, read_write> B: array<vec4u>;

override WG: u32 = 64;
// Loads in flight per thread and iteration: 1, 2 or 4 (the branches fold away once the pipeline is made).
override ACC: u32 = 4;

@compute @workgroup_size(WG)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let s = P.stride;
  var a0 = vec4u(0u);
  var a1 = vec4u(0u);
  var a2 = vec4u(0u);
  var a3 = vec4u(0u);
  var i = gid.x;
  for (; i + (ACC - 1u) * s < P.count; i += ACC * s) {
    a0 ^= A[i];
    if (ACC >= 2u) {
      a1 ^= A[i + s];
    }
    if (ACC >= 4u) {
      a2 ^= A[i + 2u * s];
      a3 ^= A[i + 3u * s];
    }
  }
  for (; i < P.count; i += s) {
    a0 ^= A[i];
  }
  let acc = a0 ^ a1 ^ a2 ^ a3;
  Out[gid.x] = acc.x ^ acc.y ^ acc.z ^ acc.w;
}

@compute @workgroup_size(WG)
fn copy(@builtin(global_invocation_id) gid: vec3u) {
  let s = P.stride;
  var i = gid.x;
  for (; i + (ACC - 1u) * s < P.count; i += ACC * s) {
    B[i] = A[i];
    if (ACC >= 2u) {
      B[i + s] = A[i + s];
    }
    if (ACC >= 4u) {
      B[i + 2u * s] = A[i + 2u * s];
      B[i + 3u * s] = A[i + 3u * s];
    }
  }
  for (; i < P.count; i += s) {
    B[i] = A[i];
  }
}
