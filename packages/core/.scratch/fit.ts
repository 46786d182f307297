import { runFit } from '../scripts/fit-backends.js';
import { loadValidationRows, resolveRows, predictRows, summarize } from '../scripts/validation.js';
import { fixtureOptions } from './fixture-models.js';
const rows = resolveRows(loadValidationRows(), fixtureOptions);
// set weightsBytes scaling is applied only without tensors; emulate by... 
runFit(rows);
