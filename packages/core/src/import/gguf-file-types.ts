/**
 * @module import/gguf-file-types — `general.file_type` (llama.cpp `enum llama_ftype`, include/llama.h) as the
 * quant names people use. The mixes the estimator models come from the quant table; the rest are named only.
 */
import { quantMixByFileType } from '../quant/quant-mixes.js';

/** llama_ftype values without a modelled mix (include/llama.h; tools/quantize/quantize.cpp QUANT_OPTIONS). */
const OTHER_FILE_TYPES: Readonly<Record<number, string>> = {
  19: 'IQ2_XXS',
  20: 'IQ2_XS',
  21: 'Q2_K_S',
  22: 'IQ3_XS',
  23: 'IQ3_XXS',
  24: 'IQ1_S',
  25: 'IQ4_NL',
  26: 'IQ3_S',
  27: 'IQ3_M',
  28: 'IQ2_S',
  29: 'IQ2_M',
  30: 'IQ4_XS',
  31: 'IQ1_M',
  36: 'TQ1_0',
  37: 'TQ2_0',
};

/** The quant name of a GGUF `general.file_type`, or undefined when the value is unknown. */
export function fileTypeName(fileType: number): string | undefined {
  return quantMixByFileType(fileType)?.name ?? OTHER_FILE_TYPES[fileType];
}
