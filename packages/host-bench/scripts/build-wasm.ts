/**
 * `npm run build:wasm -w @cliffbench/host-bench`: compiles src/kernels/ram-kernels.wat and writes
 * src/kernels/ram-kernels.wasm.gen.ts (runs before `build`; a test fails when the committed file is stale).
 */
import { writeFileSync } from 'node:fs';
import { compileRamKernels, generatedPath, renderGeneratedModule } from './compile-wat.js';

const bytes = await compileRamKernels();
writeFileSync(generatedPath, renderGeneratedModule(bytes));
console.log(`ram-kernels.wasm: ${bytes.length} bytes → ${generatedPath}`);
