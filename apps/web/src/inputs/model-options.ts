/**
 * @module inputs/model-options — the model list for the picker: Gemma 4 first, then the other families in
 * catalog order, as option groups.
 */
import { type ModelArchitecture, models } from '@cliffbench/core';

export interface ModelGroup {
  readonly label: string;
  readonly models: readonly ModelArchitecture[];
}

/** Display names of model families. */
const FAMILY_LABELS: Readonly<Record<string, string>> = {
  'gemma-4': 'Gemma 4',
  'gemma-3': 'Gemma 3',
  'llama-2': 'Llama 2',
  'llama-3': 'Llama 3',
  mistral: 'Mistral',
  'qwen2.5': 'Qwen2.5',
  qwen3: 'Qwen3',
  'gpt-oss': 'gpt-oss',
};

/** The catalog grouped by family, Gemma 4 first. */
export function modelGroups(catalog: readonly ModelArchitecture[] = models): ModelGroup[] {
  const families = [...new Set(catalog.map((m) => m.family))];
  families.sort((a, b) => Number(b === 'gemma-4') - Number(a === 'gemma-4'));
  return families.map((f) => ({
    label: FAMILY_LABELS[f] ?? f,
    models: catalog.filter((m) => m.family === f),
  }));
}
