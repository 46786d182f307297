/**
 * Published sizes of real model files, for checking size predictions. Each row names its source.
 * Validation rows: the distinct (model, quant, weightsBytes) rows of test/fixtures/validation-public.jsonl
 * (llama-bench "size" = tensor bytes, printed in GiB to 2 decimals, so ±0.005 GiB).
 * Gemma 4 rows: file sizes on disk of the ggml-org and google GGUFs, from their Hugging Face file listings.
 */

/** A validation row: a Hugging Face config, a quant, and the tensor bytes llama-bench reported. */
export interface PublishedTensorBytes {
  readonly ids: readonly string[];
  readonly label: string;
  readonly hfConfig: Readonly<Record<string, unknown>>;
  readonly quant: string;
  readonly weightsBytes: number;
  readonly source: string;
  /** Why the row cannot be matched by the standard llama-quantize recipe, if it cannot. */
  readonly caveat?: string;
}

const alternating = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 'sliding_attention' : 'full_attention'));

export const publishedTensorBytes: readonly PublishedTensorBytes[] = [
  {
    ids: ['gt000', 'gt001', 'gt003', 'gt004', 'gt007'],
    label: 'LLaMA 2 7B',
    hfConfig: {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: 4096,
      intermediate_size: 11008,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      vocab_size: 32000,
      max_position_embeddings: 4096,
      tie_word_embeddings: false,
    },
    quant: 'Q4_0',
    weightsBytes: 3822520893,
    source:
      'https://github.com/ggml-org/llama.cpp/discussions/4167 (values as transcribed in third-party notes)',
  },
  {
    ids: ['gt002', 'gt005', 'gt009', 'gt013', 'gt023'],
    label: 'LLaMA 2 7B',
    hfConfig: {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: 4096,
      intermediate_size: 11008,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      vocab_size: 32000,
      max_position_embeddings: 4096,
      tie_word_embeddings: false,
    },
    quant: 'Q8_0',
    weightsBytes: 7161857966,
    source:
      'https://github.com/ggml-org/llama.cpp/discussions/4167 (values as transcribed in third-party notes)',
  },
  {
    ids: ['gt006', 'gt010', 'gt014', 'gt024', 'gt029'],
    label: 'LLaMA 2 7B',
    hfConfig: {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: 4096,
      intermediate_size: 11008,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 32,
      vocab_size: 32000,
      max_position_embeddings: 4096,
      tie_word_embeddings: false,
    },
    quant: 'F16',
    weightsBytes: 13475459891,
    source:
      'https://github.com/ggml-org/llama.cpp/discussions/4167 (values as transcribed in third-party notes)',
  },
  {
    ids: ['gt103', 'gt104', 'gt105', 'gt106', 'gt107'],
    label: 'LLaMA 3 8B',
    hfConfig: {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      vocab_size: 128256,
      max_position_embeddings: 131072,
      tie_word_embeddings: false,
    },
    quant: 'Q4_K_M',
    weightsBytes: 4917737553,
    source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference README.md',
  },
  {
    ids: ['gt110', 'gt111', 'gt112', 'gt115', 'gt118'],
    label: 'LLaMA 3 8B',
    hfConfig: {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: 4096,
      intermediate_size: 14336,
      num_hidden_layers: 32,
      num_attention_heads: 32,
      num_key_value_heads: 8,
      vocab_size: 128256,
      max_position_embeddings: 131072,
      tie_word_embeddings: false,
    },
    quant: 'F16',
    weightsBytes: 16063177687,
    source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference README.md',
  },
  {
    ids: ['gt116', 'gt119', 'gt123'],
    label: 'LLaMA 3 70B',
    hfConfig: {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: 8192,
      intermediate_size: 28672,
      num_hidden_layers: 80,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      vocab_size: 128256,
      max_position_embeddings: 131072,
      tie_word_embeddings: false,
    },
    quant: 'Q4_K_M',
    weightsBytes: 42509438812,
    source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference README.md',
  },
  {
    ids: ['gt120'],
    label: 'LLaMA 3 70B',
    hfConfig: {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: 8192,
      intermediate_size: 28672,
      num_hidden_layers: 80,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      vocab_size: 128256,
      max_position_embeddings: 131072,
      tie_word_embeddings: false,
    },
    quant: 'F16',
    weightsBytes: 141111150510,
    source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference README.md',
  },
  {
    ids: ['gt130', 'gt145', 'gt146', 'gt152', 'gt156'],
    label: 'LLaMA 2 13B',
    hfConfig: {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: 5120,
      intermediate_size: 13824,
      num_hidden_layers: 40,
      num_attention_heads: 40,
      num_key_value_heads: 40,
      vocab_size: 32000,
      max_position_embeddings: 4096,
      tie_word_embeddings: false,
    },
    quant: 'Q4_0',
    weightsBytes: 7237019893,
    source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference README.md',
  },
  {
    ids: ['gt131', 'gt134', 'gt136', 'gt138', 'gt149'],
    label: 'LLaMA 2 70B',
    hfConfig: {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: 8192,
      intermediate_size: 28672,
      num_hidden_layers: 80,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      vocab_size: 32000,
      max_position_embeddings: 4096,
      tie_word_embeddings: false,
    },
    quant: 'Q4_0',
    weightsBytes: 36367635578,
    source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference README.md',
    caveat:
      'the README lists 36.37 "GB" copied from llama-bench, which prints GiB; the transcription divided by 1.0737 once more. 36.37 GiB = 39,051,679,498 B is the tensor size',
  },
  {
    ids: ['gt148', 'gt150'],
    label: 'LLaMA 2 13B',
    hfConfig: {
      model_type: 'llama',
      architectures: ['LlamaForCausalLM'],
      hidden_size: 5120,
      intermediate_size: 13824,
      num_hidden_layers: 40,
      num_attention_heads: 40,
      num_key_value_heads: 40,
      vocab_size: 32000,
      max_position_embeddings: 4096,
      tie_word_embeddings: false,
    },
    quant: 'F16',
    weightsBytes: 26038239232,
    source: 'https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference README.md',
  },
  {
    ids: ['gt158', 'gt163', 'gt165', 'gt171', 'gt173'],
    label: 'gpt-oss 20B',
    hfConfig: {
      model_type: 'gpt_oss',
      architectures: ['GptOssForCausalLM'],
      hidden_size: 2880,
      intermediate_size: 2880,
      num_local_experts: 32,
      num_experts_per_tok: 4,
      num_hidden_layers: 24,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      head_dim: 64,
      sliding_window: 128,
      vocab_size: 201088,
      max_position_embeddings: 131072,
      tie_word_embeddings: false,
      layer_types: alternating(24),
    },
    quant: 'MXFP4',
    weightsBytes: 12101070356,
    source: 'https://github.com/ggml-org/llama.cpp/blob/master/benches/dgx-spark.md (build 2f68ce7cf / 6918)',
  },
  {
    ids: ['gt159', 'gt166', 'gt189', 'gt190', 'gt191'],
    label: 'gpt-oss 120B',
    hfConfig: {
      model_type: 'gpt_oss',
      architectures: ['GptOssForCausalLM'],
      hidden_size: 2880,
      intermediate_size: 2880,
      num_local_experts: 128,
      num_experts_per_tok: 4,
      num_hidden_layers: 36,
      num_attention_heads: 64,
      num_key_value_heads: 8,
      head_dim: 64,
      sliding_window: 128,
      vocab_size: 201088,
      max_position_embeddings: 131072,
      tie_word_embeddings: false,
      layer_types: alternating(36),
    },
    quant: 'MXFP4',
    weightsBytes: 63372242452,
    source: 'https://github.com/ggml-org/llama.cpp/blob/master/benches/dgx-spark.md (build 2f68ce7cf / 6918)',
  },
  {
    ids: ['gt160', 'gt167'],
    label: 'Qwen3-Coder 30B-A3B',
    hfConfig: {
      model_type: 'qwen3_moe',
      architectures: ['Qwen3MoeForCausalLM'],
      hidden_size: 2048,
      intermediate_size: 6144,
      moe_intermediate_size: 768,
      num_experts: 128,
      num_experts_per_tok: 8,
      num_hidden_layers: 48,
      num_attention_heads: 32,
      num_key_value_heads: 4,
      head_dim: 128,
      vocab_size: 151936,
      max_position_embeddings: 40960,
      tie_word_embeddings: false,
    },
    quant: 'Q8_0',
    weightsBytes: 32480690176,
    source: 'https://github.com/ggml-org/llama.cpp/blob/master/benches/dgx-spark.md (build 2f68ce7cf / 6918)',
  },
  {
    ids: ['gt161', 'gt164', 'gt168', 'gt172'],
    label: 'Qwen2.5-Coder 7B',
    hfConfig: {
      model_type: 'qwen2',
      architectures: ['Qwen2ForCausalLM'],
      hidden_size: 3584,
      intermediate_size: 18944,
      num_hidden_layers: 28,
      num_attention_heads: 28,
      num_key_value_heads: 4,
      vocab_size: 152064,
      max_position_embeddings: 32768,
      tie_word_embeddings: false,
    },
    quant: 'Q8_0',
    weightsBytes: 8096013352,
    source: 'https://github.com/ggml-org/llama.cpp/blob/master/benches/dgx-spark.md (build 2f68ce7cf / 6918)',
  },
  {
    ids: ['gt162', 'gt169'],
    label: 'Gemma 3 4B (QAT)',
    hfConfig: {
      model_type: 'gemma3_text',
      architectures: ['Gemma3ForCausalLM'],
      hidden_size: 2560,
      intermediate_size: 10240,
      num_hidden_layers: 34,
      num_attention_heads: 8,
      num_key_value_heads: 4,
      head_dim: 256,
      sliding_window: 1024,
      sliding_window_pattern: 6,
      vocab_size: 262208,
      max_position_embeddings: 131072,
      tie_word_embeddings: true,
    },
    quant: 'Q4_0',
    weightsBytes: 2523293286,
    source: 'https://github.com/ggml-org/llama.cpp/blob/master/benches/dgx-spark.md (build 2f68ce7cf / 6918)',
    caveat:
      'ggml-org/gemma-3-4b-it-qat-GGUF keeps token_embd at Q8_0; llama-quantize Q4_0 gives a tied embedding Q6_K (--token-embedding-type q8_0 reproduces the file)',
  },
];

/** A GGUF file size on disk (bytes) for a catalog model. */
export interface PublishedFileBytes {
  readonly model: string;
  readonly quant: string;
  readonly fileBytes: number;
  readonly source: string;
}

// weights-gemma4.test.ts tells ggml-org's files (they keep the KV-shared layers' k/v) by 'ggml-org' in source.
const G3 = 'huggingface.co/ggml-org/gemma-4-{E2B,E4B,26B-A4B,31B}-it-GGUF file listings';
const G5 =
  'huggingface.co/google/gemma-4-12B-it-qat-q4_0-gguf and google/gemma-4-E4B-it-qat-q4_0-gguf file listings';

/** Gemma 4 text-model GGUFs (mmproj excluded). */
export const publishedGemma4Files: readonly PublishedFileBytes[] = [
  { model: 'gemma-4-e2b', quant: 'Q8_0', fileBytes: 4_967_494_592, source: G3 },
  { model: 'gemma-4-e4b', quant: 'Q8_0', fileBytes: 8_031_240_160, source: G3 },
  { model: 'gemma-4-e4b', quant: 'Q4_K_M', fileBytes: 5_335_289_824, source: G3 },
  { model: 'gemma-4-26b-a4b', quant: 'Q8_0', fileBytes: 26_859_858_464, source: G3 },
  { model: 'gemma-4-26b-a4b', quant: 'Q4_K_M', fileBytes: 16_796_015_136, source: G3 },
  { model: 'gemma-4-31b', quant: 'Q8_0', fileBytes: 32_635_674_400, source: G3 },
  { model: 'gemma-4-31b', quant: 'Q4_K_M', fileBytes: 18_687_061_792, source: G3 },
  { model: 'gemma-4-12b', quant: 'Q4_0', fileBytes: 6_975_877_728, source: G5 },
  { model: 'gemma-4-e4b', quant: 'Q4_0', fileBytes: 5_154_941_280, source: G5 },
];
