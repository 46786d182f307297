import { loadValidationRows, resolveRows, predictRows } from '../scripts/validation.js';
const preds = predictRows(resolveRows(loadValidationRows())).filter(p => p.prefillMeasured);
preds.sort((a,b)=>Math.abs(b.prefillPredicted!/b.prefillMeasured!-1)-Math.abs(a.prefillPredicted!/a.prefillMeasured!-1));
for (const p of preds.slice(0,25)) console.log(p.id, p.backend, p.regime, p.prefillPredicted!.toFixed(0), p.prefillMeasured, ((p.prefillPredicted!/p.prefillMeasured!-1)*100).toFixed(0)+'%', p.label);
