/**
 * @module inputs/QuantOptions — the quant mixes as `<option>`s grouped the way people look for them: the
 * files llama-quantize makes (largest first), Unsloth Dynamic files, MLX. One list for every quant select.
 */
import { type QuantMix, quantMixes } from '@cliffbench/core';

/** Group label of a mix; the groups appear in this table's order. */
const GROUPS: readonly { readonly label: string; readonly has: (q: QuantMix) => boolean }[] = [
  { label: 'llama.cpp (llama-quantize)', has: (q) => q.format === 'gguf' && !q.name.startsWith('UD-') },
  { label: 'Unsloth Dynamic', has: (q) => q.name.startsWith('UD-') },
  { label: 'MLX', has: (q) => q.format === 'mlx' },
];

/** The mixes of each group, in core's order (largest first). */
export const quantGroups = GROUPS.map((g) => ({ label: g.label, mixes: quantMixes.filter(g.has) }));

export function QuantOptions() {
  return (
    <>
      {quantGroups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.mixes.map((q) => (
            <option key={q.name} value={q.name}>
              {q.name}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
