/**
 * @module model/catalog-gemma — Gemma 4 (E2B, E4B, 12B Unified, 26B A4B, 31B) and Gemma 3 (1B, 4B, 12B, 27B)
 * as the config.json fields they publish. Gemma 4: the config.json of each google/gemma-4-*-it repository on
 * huggingface.co, Hugging Face transformers' gemma4 and gemma4_unified configuration and weight-conversion code,
 * and Google's Gemma 4 model card (ai.google.dev/gemma/docs/core/model_card_4); each entry's `source` names
 * its own. Gemma 3: the google/gemma-3-*-it config.json files and the Gemma 3 technical report.
 */
import { type CatalogEntry, everyNthFull } from './catalog-entry.js';

const GEMMA4_SOURCE =
  'huggingface/transformers src/transformers/models/gemma4/convert_gemma4_weights.py (_VARIANTS) and configuration_gemma4.py; Gemma 4 model card (ai.google.dev/gemma/docs/core/model_card_4)';
const gemma4 = (c: Record<string, unknown>) => ({
  model_type: 'gemma4_text',
  vocab_size: 262144,
  head_dim: 256,
  global_head_dim: 512,
  tie_word_embeddings: true,
  ...c,
});

const GEMMA3_SOURCE =
  'Gemma 3 config.json files (huggingface.co/google/gemma-3-{1b,4b,12b,27b}-it); Gemma 3 technical report (arXiv 2503.19786)';
/** Gemma 3 4B-27B: 128K context by linear RoPE scaling × 8 of the global layers (config.json rope_scaling). */
const gemma3 = (c: Record<string, unknown>) => ({
  model_type: 'gemma3_text',
  head_dim: 256,
  sliding_window_pattern: 6,
  tie_word_embeddings: true,
  max_position_embeddings: 131072,
  vocab_size: 262208,
  rope_scaling: { rope_type: 'linear', factor: 8 },
  ...c,
});

export const GEMMA_ENTRIES: readonly CatalogEntry[] = [
  {
    id: 'gemma-4-e2b',
    name: 'Gemma 4 E2B',
    source: GEMMA4_SOURCE,
    config: gemma4({
      hidden_size: 1536,
      num_hidden_layers: 35,
      intermediate_size: 6144,
      use_double_wide_mlp: true,
      num_attention_heads: 8,
      num_key_value_heads: 1,
      num_global_key_value_heads: 1,
      layer_types: everyNthFull(35, 5),
      sliding_window: 512,
      num_kv_shared_layers: 20,
      hidden_size_per_layer_input: 256,
      max_position_embeddings: 131072,
    }),
  },
  {
    id: 'gemma-4-e4b',
    name: 'Gemma 4 E4B',
    source: GEMMA4_SOURCE,
    config: gemma4({
      hidden_size: 2560,
      num_hidden_layers: 42,
      intermediate_size: 10240,
      num_attention_heads: 8,
      num_key_value_heads: 2,
      num_global_key_value_heads: 2,
      layer_types: everyNthFull(42, 6),
      sliding_window: 512,
      num_kv_shared_layers: 18,
      hidden_size_per_layer_input: 256,
      max_position_embeddings: 131072,
    }),
  },
  {
    id: 'gemma-4-12b',
    name: 'Gemma 4 12B (Unified)',
    source:
      'huggingface/transformers src/transformers/models/gemma4_unified/convert_gemma4_unified_weights.py and configuration_gemma4_unified.py',
    config: gemma4({
      model_type: 'gemma4_unified_text',
      hidden_size: 3840,
      num_hidden_layers: 48,
      intermediate_size: 15360,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      num_global_key_value_heads: 1,
      attention_k_eq_v: true,
      layer_types: everyNthFull(48, 6),
      sliding_window: 1024,
      max_position_embeddings: 262144,
    }),
  },
  {
    id: 'gemma-4-26b-a4b',
    name: 'Gemma 4 26B A4B (MoE)',
    source: `${GEMMA4_SOURCE}; MoE table "8 active / 128 total and 1 shared" (huggingface.co/google/gemma-4-26B-A4B-it)`,
    config: gemma4({
      hidden_size: 2816,
      num_hidden_layers: 30,
      intermediate_size: 2112,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      num_global_key_value_heads: 2,
      attention_k_eq_v: true,
      layer_types: everyNthFull(30, 6),
      sliding_window: 1024,
      enable_moe_block: true,
      num_experts: 128,
      top_k_experts: 8,
      moe_intermediate_size: 704,
      max_position_embeddings: 262144,
    }),
  },
  {
    id: 'gemma-4-31b',
    name: 'Gemma 4 31B',
    source: GEMMA4_SOURCE,
    config: gemma4({
      hidden_size: 5376,
      num_hidden_layers: 60,
      intermediate_size: 21504,
      num_attention_heads: 32,
      num_key_value_heads: 16,
      num_global_key_value_heads: 4,
      attention_k_eq_v: true,
      layer_types: everyNthFull(60, 6),
      sliding_window: 1024,
      max_position_embeddings: 262144,
    }),
  },
  {
    id: 'gemma-3-1b',
    name: 'Gemma 3 1B',
    source: GEMMA3_SOURCE,
    config: gemma3({
      hidden_size: 1152,
      num_hidden_layers: 26,
      intermediate_size: 6912,
      num_attention_heads: 4,
      num_key_value_heads: 1,
      sliding_window: 512,
      vocab_size: 262144,
      max_position_embeddings: 32768,
      rope_scaling: null,
    }),
  },
  {
    id: 'gemma-3-4b',
    name: 'Gemma 3 4B',
    source: GEMMA3_SOURCE,
    config: gemma3({
      hidden_size: 2560,
      num_hidden_layers: 34,
      intermediate_size: 10240,
      num_attention_heads: 8,
      num_key_value_heads: 4,
      sliding_window: 1024,
    }),
  },
  {
    id: 'gemma-3-12b',
    name: 'Gemma 3 12B',
    source: GEMMA3_SOURCE,
    config: gemma3({
      hidden_size: 3840,
      num_hidden_layers: 48,
      intermediate_size: 15360,
      num_attention_heads: 16,
      num_key_value_heads: 8,
      sliding_window: 1024,
    }),
  },
  {
    id: 'gemma-3-27b',
    name: 'Gemma 3 27B',
    source: GEMMA3_SOURCE,
    config: gemma3({
      hidden_size: 5376,
      num_hidden_layers: 62,
      intermediate_size: 21504,
      num_attention_heads: 32,
      num_key_value_heads: 16,
      head_dim: 128,
      sliding_window: 1024,
    }),
  },
];
