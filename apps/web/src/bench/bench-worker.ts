/** The page's benchmark Worker: the package's comlink entry. */
import '@cliffbench/webgpu-bench/worker';
