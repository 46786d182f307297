/** The module Worker of `bench:ram:browser`. */
import { serveRamWorkerOn } from '../../src/index.js';

serveRamWorkerOn(self);
