;; ram-kernels.wat — host-memory read and copy kernels of the RAM bandwidth benchmark (WebAssembly SIMD).
;; Compiled by scripts/build-wasm.ts (wabt) into ram-kernels.wasm.gen.ts. The memory is imported so the
;; worker allocates it itself and can shrink the buffer when the allocation fails.
(module
  (import "env" "memory" (memory 1))

  ;; read(ptr, bytes, reps) -> i32: the wrapping sum of every little-endian u32 word of [ptr, ptr + bytes),
  ;; accumulated `reps` times. Eight independent v128 accumulators (128 bytes per iteration) keep enough
  ;; loads in flight that memory, not the add chain, sets the pace. `bytes` must be a multiple of 16.
  (func (export "read") (param $ptr i32) (param $bytes i32) (param $reps i32) (result i32)
    (local $p i32) (local $end i32) (local $blockEnd i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128)
    (local.set $end (i32.add (local.get $ptr) (local.get $bytes)))
    (local.set $blockEnd (i32.add (local.get $ptr) (i32.and (local.get $bytes) (i32.const -128))))
    (block $done
      (br_if $done (i32.eqz (local.get $reps)))
      (loop $rep
        (local.set $p (local.get $ptr))
        (block $blocksDone
          (br_if $blocksDone (i32.ge_u (local.get $p) (local.get $blockEnd)))
          (loop $block
            (local.set $a0 (i32x4.add (local.get $a0) (v128.load offset=0 (local.get $p))))
            (local.set $a1 (i32x4.add (local.get $a1) (v128.load offset=16 (local.get $p))))
            (local.set $a2 (i32x4.add (local.get $a2) (v128.load offset=32 (local.get $p))))
            (local.set $a3 (i32x4.add (local.get $a3) (v128.load offset=48 (local.get $p))))
            (local.set $a4 (i32x4.add (local.get $a4) (v128.load offset=64 (local.get $p))))
            (local.set $a5 (i32x4.add (local.get $a5) (v128.load offset=80 (local.get $p))))
            (local.set $a6 (i32x4.add (local.get $a6) (v128.load offset=96 (local.get $p))))
            (local.set $a7 (i32x4.add (local.get $a7) (v128.load offset=112 (local.get $p))))
            (local.set $p (i32.add (local.get $p) (i32.const 128)))
            (br_if $block (i32.lt_u (local.get $p) (local.get $blockEnd)))))
        (block $tailDone
          (br_if $tailDone (i32.ge_u (local.get $p) (local.get $end)))
          (loop $tail
            (local.set $a0 (i32x4.add (local.get $a0) (v128.load (local.get $p))))
            (local.set $p (i32.add (local.get $p) (i32.const 16)))
            (br_if $tail (i32.lt_u (local.get $p) (local.get $end)))))
        (br_if $rep (local.tee $reps (i32.sub (local.get $reps) (i32.const 1))))))
    (local.set $a0
      (i32x4.add
        (i32x4.add (i32x4.add (local.get $a0) (local.get $a1)) (i32x4.add (local.get $a2) (local.get $a3)))
        (i32x4.add (i32x4.add (local.get $a4) (local.get $a5)) (i32x4.add (local.get $a6) (local.get $a7)))))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $a0)) (i32x4.extract_lane 1 (local.get $a0)))
      (i32.add (i32x4.extract_lane 2 (local.get $a0)) (i32x4.extract_lane 3 (local.get $a0)))))

  ;; copy(dst, src, bytes, reps): copies [src, src + bytes) to [dst, dst + bytes) `reps` times with v128
  ;; loads and stores, 64 bytes per iteration. The ranges must not overlap; `bytes` must be a multiple of 16.
  (func (export "copy") (param $dst i32) (param $src i32) (param $bytes i32) (param $reps i32)
    (local $i i32) (local $blockEnd i32)
    (local.set $blockEnd (i32.and (local.get $bytes) (i32.const -64)))
    (block $done
      (br_if $done (i32.eqz (local.get $reps)))
      (loop $rep
        (local.set $i (i32.const 0))
        (block $blocksDone
          (br_if $blocksDone (i32.ge_u (local.get $i) (local.get $blockEnd)))
          (loop $block
            (v128.store offset=0 (i32.add (local.get $dst) (local.get $i))
              (v128.load offset=0 (i32.add (local.get $src) (local.get $i))))
            (v128.store offset=16 (i32.add (local.get $dst) (local.get $i))
              (v128.load offset=16 (i32.add (local.get $src) (local.get $i))))
            (v128.store offset=32 (i32.add (local.get $dst) (local.get $i))
              (v128.load offset=32 (i32.add (local.get $src) (local.get $i))))
            (v128.store offset=48 (i32.add (local.get $dst) (local.get $i))
              (v128.load offset=48 (i32.add (local.get $src) (local.get $i))))
            (local.set $i (i32.add (local.get $i) (i32.const 64)))
            (br_if $block (i32.lt_u (local.get $i) (local.get $blockEnd)))))
        (block $tailDone
          (br_if $tailDone (i32.ge_u (local.get $i) (local.get $bytes)))
          (loop $tail
            (v128.store (i32.add (local.get $dst) (local.get $i))
              (v128.load (i32.add (local.get $src) (local.get $i))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br_if $tail (i32.lt_u (local.get $i) (local.get $bytes)))))
        (br_if $rep (local.tee $reps (i32.sub (local.get $reps) (i32.const 1)))))))
)
