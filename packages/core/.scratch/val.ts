import { loadValidationRows, resolveRows, predictRows, summarize } from '../scripts/validation.js';
const preds = predictRows(resolveRows(loadValidationRows()));
for (const p of preds) console.log(p.id, p.backend, p.regime, p.predicted.toFixed(1), p.measured, (p.error*100).toFixed(1)+'%', p.label);
console.log(summarize(preds));
