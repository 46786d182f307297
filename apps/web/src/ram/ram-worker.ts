/** @module ram/ram-worker — one RAM benchmark Worker: the package's worker body on this Worker's scope. */
import { serveRamWorkerOn } from '@cliffbench/host-bench';

serveRamWorkerOn(self);
