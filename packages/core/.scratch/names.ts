import { models, findDevice } from '../src/index.js';
console.log(models.map(m => m.id).join(' '));
for (const d of ['rtx 3060 12gb','rtx 4090','rtx 5090','M3 Max 40-core 64GB','M2 Ultra 76-core 192GB','M1 8GB','rx 7900 xtx','DGX Spark','arc b580','M4 Pro 24GB']) { try { const x = findDevice(d); console.log(d, '->', x.name, x.kind, x.memoryGB); } catch (e) { console.log(d, 'ERR', (e as Error).message.slice(0,120)); } }
