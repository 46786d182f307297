/**
 * Published GGUF file sizes of every quant family the estimator models: llama-quantize's K, IQ and legacy mixes
 * as imatrix quantisers publish them (bartowski, Unsloth), and Unsloth Dynamic (`UD-…`) files. Sizes are the
 * Hugging Face Hub's byte sizes of each file at a pinned repository revision (the `tree/<revision>` URL in each
 * source), as the Hub API reported them to github.com/aflin/rampart-langtools (rampart-models.js, generated
 * with pinned revisions; versions d4784bdc5f53032ff7c8e664d5e1335549c1451d and an earlier one for the two
 * unsloth Qwen3 repositories), except where a row says otherwise. They include the GGUF header and
 * metadata; compare with ggufFileBytes(). Text-only files (vision projectors are separate files).
 */
import { MISTRAL_SMALL_31_TEXT } from './family-headers.js';

/** Where a listing comes from; all of these files were made with an importance matrix. */
export interface QuantSizeSource {
  readonly url: string;
  /** The quantiser used an importance matrix (both bartowski and Unsloth do; their headers say so). */
  readonly imatrix: boolean;
}

/** One published file: a catalog model id or a Hugging Face config, a quant name, its size on disk. */
export interface PublishedQuantFile {
  readonly model?: string;
  readonly hfConfig?: Readonly<Record<string, unknown>>;
  readonly quant: string;
  readonly fileBytes: number;
  readonly source: QuantSizeSource;
}

const hub = (repo: string, revision: string): QuantSizeSource => ({
  url: `https://huggingface.co/${repo}/tree/${revision}`,
  imatrix: true,
});

const UNSLOTH_QWEN3_30B = hub('unsloth/Qwen3-30B-A3B-GGUF', 'd5b1d57bd0b504ac62ae6c725904e96ef228dc74');
const UNSLOTH_QWEN3_32B = hub('unsloth/Qwen3-32B-GGUF', '931c84066f88693a02ab8de820cfcd066d913241');
const UNSLOTH_QWEN3_CODER = hub(
  'unsloth/Qwen3-Coder-30B-A3B-Instruct-GGUF',
  'b17cb02dd882d5b6ab62fc777ad2995f19668350',
);
// DeepSeek-R1-0528-Qwen3-8B is Qwen3-8B's architecture and tokenizer size (its config.json).
const UNSLOTH_R1_QWEN3_8B = hub(
  'unsloth/DeepSeek-R1-0528-Qwen3-8B-GGUF',
  'eb48357c179d34dbf515983f798dfb8752a0f261',
);
const UNSLOTH_LLAMA32_3B = hub(
  'unsloth/Llama-3.2-3B-Instruct-GGUF',
  'e7d0997e49c9cb00d88b4c1a6a16aa894b0bbc31',
);
const UNSLOTH_QWEN3_06B = hub('unsloth/Qwen3-0.6B-GGUF', '50968a4468ef4233ed78cd7c3de230dd1d61a56b');
const UNSLOTH_GEMMA3_270M = hub('unsloth/gemma-3-270m-it-GGUF', 'c90975dbd40c0c7b275fefaae758c3415c906238');
const BARTOWSKI_LLAMA31_8B = hub(
  'bartowski/Meta-Llama-3.1-8B-Instruct-GGUF',
  'bf5b95e96dac0462e2a09145ec66cae9a3f12067',
);
const BARTOWSKI_MISTRAL_7B = hub(
  'bartowski/Mistral-7B-Instruct-v0.3-GGUF',
  '61fd4167fff3ab01ee1cfe0da183fa27a944db48',
);
const BARTOWSKI_QWEN25_32B = hub(
  'bartowski/Qwen2.5-32B-Instruct-GGUF',
  '2116cbb385b8ce3a4d28cf3bf1cd2039a55821a6',
);
// File sizes on disk (`stat -c %s`) of UD files downloaded in May 2025, listed in a public NixOS configuration.
const PHILPAX: QuantSizeSource = {
  url: 'https://github.com/philpax/nixos-configuration/blob/bc454bfa2797e9136f8c2acc06080fc6abe63184/nixos/ai/large-model-proxy-config.nix',
  imatrix: true,
};

/** meta-llama/Llama-3.2-3B-Instruct config.json. */
const llama32_3b = {
  model_type: 'llama',
  hidden_size: 3072,
  intermediate_size: 8192,
  num_hidden_layers: 28,
  num_attention_heads: 24,
  num_key_value_heads: 8,
  head_dim: 128,
  vocab_size: 128256,
  max_position_embeddings: 131072,
  tie_word_embeddings: true,
};

/** Qwen/Qwen3-0.6B config.json. */
const qwen3_06b = {
  model_type: 'qwen3',
  hidden_size: 1024,
  intermediate_size: 3072,
  num_hidden_layers: 28,
  num_attention_heads: 16,
  num_key_value_heads: 8,
  head_dim: 128,
  vocab_size: 151936,
  max_position_embeddings: 40960,
  tie_word_embeddings: true,
};

/** Qwen/Qwen2.5-32B-Instruct config.json. */
const qwen25_32b = {
  model_type: 'qwen2',
  hidden_size: 5120,
  intermediate_size: 27648,
  num_hidden_layers: 64,
  num_attention_heads: 40,
  num_key_value_heads: 8,
  vocab_size: 152064,
  max_position_embeddings: 32768,
  tie_word_embeddings: false,
};

/** google/gemma-3-270m-it config.json: 640-wide rows, so most K/IQ types fall back to 32-wide ones. */
const gemma3_270m = {
  model_type: 'gemma3_text',
  hidden_size: 640,
  intermediate_size: 2048,
  num_hidden_layers: 18,
  num_attention_heads: 4,
  num_key_value_heads: 1,
  head_dim: 256,
  sliding_window: 512,
  sliding_window_pattern: 6,
  vocab_size: 262144,
  max_position_embeddings: 32768,
  tie_word_embeddings: true,
};

/** mistralai/Mistral-Small-3.1-24B-Instruct-2503's text model (converted as a llama model), untied. */
const mistralSmall31 = { ...MISTRAL_SMALL_31_TEXT, tie_word_embeddings: false };

/** Every published file, by listing. */
export const publishedQuantFiles: readonly PublishedQuantFile[] = [
  { model: 'qwen3-30b-a3b', quant: 'IQ4_NL', fileBytes: 17_310_782_016, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'IQ4_XS', fileBytes: 16_378_073_664, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'Q2_K', fileBytes: 11_258_610_240, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'Q3_K_M', fileBytes: 14_711_847_488, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'Q3_K_S', fileBytes: 13_292_468_800, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'Q4_0', fileBytes: 17_379_988_032, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'Q4_1', fileBytes: 19_192_500_800, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'Q4_K_M', fileBytes: 18_556_686_912, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'Q4_K_S', fileBytes: 17_456_009_792, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'Q5_K_M', fileBytes: 21_725_581_888, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'Q5_K_S', fileBytes: 21_080_511_040, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'Q6_K', fileBytes: 25_092_532_800, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'Q8_0', fileBytes: 32_483_932_736, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'UD-IQ1_M', fileBytes: 9_666_859_584, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'UD-IQ1_S', fileBytes: 9_043_300_928, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'UD-IQ2_M', fileBytes: 10_865_578_560, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'UD-IQ2_XXS', fileBytes: 10_362_262_080, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'UD-IQ3_XXS', fileBytes: 12_888_085_056, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'UD-Q2_K_XL', fileBytes: 11_814_277_696, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'UD-Q3_K_XL', fileBytes: 13_833_048_640, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'UD-Q4_K_XL', fileBytes: 17_715_663_424, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'UD-Q5_K_XL', fileBytes: 21_740_302_912, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'UD-Q6_K_XL', fileBytes: 26_340_325_952, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-30b-a3b', quant: 'UD-Q8_K_XL', fileBytes: 35_989_944_896, source: UNSLOTH_QWEN3_30B },
  { model: 'qwen3-32b', quant: 'IQ4_NL', fileBytes: 18_679_495_328, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'IQ4_XS', fileBytes: 17_714_805_408, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'Q2_K', fileBytes: 12_344_652_448, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'Q3_K_M', fileBytes: 15_971_778_208, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'Q3_K_S', fileBytes: 14_389_739_168, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'Q4_0', fileBytes: 18_703_088_288, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'Q4_1', fileBytes: 20_636_523_168, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'Q4_K_M', fileBytes: 19_762_150_048, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'Q4_K_S', fileBytes: 18_771_245_728, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'Q5_K_M', fileBytes: 23_214_832_288, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'Q5_K_S', fileBytes: 22_635_494_048, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'Q6_K', fileBytes: 26_883_307_168, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'Q8_0', fileBytes: 34_817_719_968, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'UD-IQ1_M', fileBytes: 8_302_084_768, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'UD-IQ1_S', fileBytes: 7_738_884_768, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'UD-IQ2_M', fileBytes: 11_553_366_688, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'UD-IQ2_XXS', fileBytes: 9_277_096_608, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'UD-IQ3_XXS', fileBytes: 12_967_551_648, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'UD-Q2_K_XL', fileBytes: 12_797_352_608, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'UD-Q3_K_XL', fileBytes: 16_403_102_368, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'UD-Q4_K_XL', fileBytes: 20_021_713_568, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'UD-Q5_K_XL', fileBytes: 23_233_551_008, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'UD-Q6_K_XL', fileBytes: 28_961_586_848, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-32b', quant: 'UD-Q8_K_XL', fileBytes: 39_481_015_968, source: UNSLOTH_QWEN3_32B },
  { model: 'qwen3-coder-30b-a3b', quant: 'UD-IQ1_M', fileBytes: 9_627_540_640, source: UNSLOTH_QWEN3_CODER },
  { model: 'qwen3-coder-30b-a3b', quant: 'UD-IQ1_S', fileBytes: 8_914_328_736, source: UNSLOTH_QWEN3_CODER },
  { model: 'qwen3-coder-30b-a3b', quant: 'UD-IQ2_M', fileBytes: 10_837_007_520, source: UNSLOTH_QWEN3_CODER },
  {
    model: 'qwen3-coder-30b-a3b',
    quant: 'UD-IQ2_XXS',
    fileBytes: 10_333_691_040,
    source: UNSLOTH_QWEN3_CODER,
  },
  {
    model: 'qwen3-coder-30b-a3b',
    quant: 'UD-IQ3_XXS',
    fileBytes: 12_848_766_112,
    source: UNSLOTH_QWEN3_CODER,
  },
  {
    model: 'qwen3-coder-30b-a3b',
    quant: 'UD-Q2_K_XL',
    fileBytes: 11_788_590_240,
    source: UNSLOTH_QWEN3_CODER,
  },
  {
    model: 'qwen3-coder-30b-a3b',
    quant: 'UD-Q3_K_XL',
    fileBytes: 13_806_312_608,
    source: UNSLOTH_QWEN3_CODER,
  },
  {
    model: 'qwen3-coder-30b-a3b',
    quant: 'UD-Q4_K_XL',
    fileBytes: 17_665_334_432,
    source: UNSLOTH_QWEN3_CODER,
  },
  {
    model: 'qwen3-coder-30b-a3b',
    quant: 'UD-Q5_K_XL',
    fileBytes: 21_740_305_568,
    source: UNSLOTH_QWEN3_CODER,
  },
  {
    model: 'qwen3-coder-30b-a3b',
    quant: 'UD-Q6_K_XL',
    fileBytes: 26_340_328_608,
    source: UNSLOTH_QWEN3_CODER,
  },
  {
    model: 'qwen3-coder-30b-a3b',
    quant: 'UD-Q8_K_XL',
    fileBytes: 35_989_947_552,
    source: UNSLOTH_QWEN3_CODER,
  },
  { model: 'qwen3-8b', quant: 'IQ4_NL', fileBytes: 4_793_625_088, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'IQ4_XS', fileBytes: 4_581_288_448, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'Q2_K', fileBytes: 3_281_734_144, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'Q3_K_M', fileBytes: 4_124_162_560, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'Q3_K_S', fileBytes: 3_769_612_800, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'Q4_0', fileBytes: 4_787_333_632, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'Q4_1', fileBytes: 5_247_756_800, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'Q4_K_M', fileBytes: 5_027_785_216, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'Q4_K_S', fileBytes: 4_802_013_696, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'Q5_K_M', fileBytes: 5_851_113_984, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'Q5_K_S', fileBytes: 5_720_762_880, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'Q6_K', fileBytes: 6_725_900_800, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'Q8_0', fileBytes: 8_709_519_872, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'BF16', fileBytes: 16_388_045_056, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'UD-IQ1_M', fileBytes: 2_390_985_216, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'UD-IQ1_S', fileBytes: 2_268_695_040, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'UD-IQ2_M', fileBytes: 3_110_504_960, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'UD-IQ2_XXS', fileBytes: 2_601_683_456, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'UD-IQ3_XXS', fileBytes: 3_410_266_624, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'UD-Q2_K_XL', fileBytes: 3_501_976_064, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'UD-Q3_K_XL', fileBytes: 4_313_737_728, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'UD-Q4_K_XL', fileBytes: 5_122_746_880, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'UD-Q5_K_XL', fileBytes: 5_883_587_072, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'UD-Q6_K_XL', fileBytes: 7_490_550_272, source: UNSLOTH_R1_QWEN3_8B },
  { model: 'qwen3-8b', quant: 'UD-Q8_K_XL', fileBytes: 10_824_038_912, source: UNSLOTH_R1_QWEN3_8B },
  { hfConfig: llama32_3b, quant: 'BF16', fileBytes: 6_433_687_744, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'IQ4_NL', fileBytes: 1_917_190_592, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'IQ4_XS', fileBytes: 1_829_110_208, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'Q2_K', fileBytes: 1_363_935_680, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'Q3_K_M', fileBytes: 1_687_159_232, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'Q3_K_S', fileBytes: 1_542_848_960, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'Q4_0', fileBytes: 1_921_909_184, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'Q4_1', fileBytes: 2_093_351_360, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'Q4_K_M', fileBytes: 2_019_377_600, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'Q4_K_S', fileBytes: 1_928_200_640, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'Q5_K_M', fileBytes: 2_322_153_920, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'Q5_K_S', fileBytes: 2_269_512_128, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'Q6_K', fileBytes: 2_643_853_760, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'Q8_0', fileBytes: 3_421_898_816, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'UD-IQ1_M', fileBytes: 960_416_192, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'UD-IQ1_S', fileBytes: 912_345_536, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'UD-IQ2_M', fileBytes: 1_256_262_080, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'UD-IQ2_XXS', fileBytes: 1_046_579_648, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'UD-IQ3_XXS', fileBytes: 1_370_147_264, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'UD-Q2_K_XL', fileBytes: 1_403_380_160, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'UD-Q3_K_XL', fileBytes: 1_742_430_656, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'UD-Q4_K_XL', fileBytes: 2_060_886_464, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'UD-Q5_K_XL', fileBytes: 2_327_781_824, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'UD-Q6_K_XL', fileBytes: 2_967_833_024, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: llama32_3b, quant: 'UD-Q8_K_XL', fileBytes: 4_204_153_280, source: UNSLOTH_LLAMA32_3B },
  { hfConfig: qwen3_06b, quant: 'BF16', fileBytes: 1_198_182_848, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'IQ4_NL', fileBytes: 381_566_656, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'IQ4_XS', fileBytes: 367_804_096, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'Q2_K', fileBytes: 296_238_784, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'Q3_K_M', fileBytes: 347_127_488, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'Q3_K_S', fileBytes: 323_075_776, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'Q4_0', fileBytes: 382_156_480, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'Q4_1', fileBytes: 409_091_776, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'Q4_K_M', fileBytes: 396_705_472, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'Q4_K_S', fileBytes: 383_270_592, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'Q5_K_M', fileBytes: 444_415_680, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'Q5_K_S', fileBytes: 436_616_896, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'Q6_K', fileBytes: 495_107_776, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'Q8_0', fileBytes: 639_447_744, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'UD-IQ1_M', fileBytes: 220_754_624, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'UD-IQ1_S', fileBytes: 214_643_392, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'UD-IQ2_M', fileBytes: 268_702_400, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'UD-IQ2_XXS', fileBytes: 234_074_816, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'UD-IQ3_XXS', fileBytes: 282_088_128, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'UD-Q2_K_XL', fileBytes: 301_727_424, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'UD-Q3_K_XL', fileBytes: 356_622_016, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'UD-Q4_K_XL', fileBytes: 405_372_608, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'UD-Q5_K_XL', fileBytes: 446_381_760, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'UD-Q6_K_XL', fileBytes: 576_467_648, source: UNSLOTH_QWEN3_06B },
  { hfConfig: qwen3_06b, quant: 'UD-Q8_K_XL', fileBytes: 844_288_704, source: UNSLOTH_QWEN3_06B },
  { model: 'llama-3.1-8b', quant: 'IQ2_M', fileBytes: 2_948_285_856, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'IQ3_M', fileBytes: 3_784_828_320, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'IQ3_XS', fileBytes: 3_518_752_160, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'IQ4_NL', fileBytes: 4_677_993_888, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'IQ4_XS', fileBytes: 4_447_667_616, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'Q2_K', fileBytes: 3_179_136_416, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'Q3_K_L', fileBytes: 4_321_961_376, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'Q3_K_M', fileBytes: 4_018_922_912, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'Q3_K_S', fileBytes: 3_664_504_224, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'Q4_K_M', fileBytes: 4_920_739_232, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'Q4_K_S', fileBytes: 4_692_673_952, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'Q5_K_M', fileBytes: 5_732_992_416, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'Q5_K_S', fileBytes: 5_599_298_976, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'Q6_K', fileBytes: 6_596_011_424, source: BARTOWSKI_LLAMA31_8B },
  { model: 'llama-3.1-8b', quant: 'Q8_0', fileBytes: 8_540_775_840, source: BARTOWSKI_LLAMA31_8B },
  { model: 'mistral-7b', quant: 'IQ1_M', fileBytes: 1_757_663_456, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'IQ1_S', fileBytes: 1_615_319_264, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'IQ2_M', fileBytes: 2_504_249_568, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'IQ2_S', fileBytes: 2_314_457_312, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'IQ2_XS', fileBytes: 2_201_473_248, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'IQ2_XXS', fileBytes: 1_994_903_776, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'IQ3_M', fileBytes: 3_288_846_560, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'IQ3_S', fileBytes: 3_186_348_256, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'IQ3_XS', fileBytes: 3_022_770_400, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'IQ3_XXS', fileBytes: 2_830_880_992, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'IQ4_NL', fileBytes: 4_130_066_656, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'IQ4_XS', fileBytes: 3_911_962_848, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'Q2_K', fileBytes: 2_722_877_664, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'Q3_K_L', fileBytes: 3_825_979_616, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'Q3_K_M', fileBytes: 3_522_941_152, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'Q3_K_S', fileBytes: 3_168_522_464, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'Q4_K_M', fileBytes: 4_372_812_000, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'Q4_K_S', fileBytes: 4_144_746_720, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'Q5_K_M', fileBytes: 5_136_175_328, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'Q5_K_S', fileBytes: 5_002_481_888, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'Q6_K', fileBytes: 5_947_248_864, source: BARTOWSKI_MISTRAL_7B },
  { model: 'mistral-7b', quant: 'Q8_0', fileBytes: 7_702_565_088, source: BARTOWSKI_MISTRAL_7B },
  { hfConfig: qwen25_32b, quant: 'IQ2_M', fileBytes: 11_264_441_216, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'IQ2_S', fileBytes: 10_387_569_536, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'IQ2_XS', fileBytes: 9_957_550_976, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'IQ2_XXS', fileBytes: 9_028_250_496, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'IQ3_M', fileBytes: 14_810_123_136, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'IQ3_XS', fileBytes: 13_705_513_856, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'IQ4_XS', fileBytes: 17_693_154_176, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'Q2_K', fileBytes: 12_313_099_136, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'Q3_K_L', fileBytes: 17_247_079_296, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'Q3_K_M', fileBytes: 15_935_048_576, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'Q3_K_S', fileBytes: 14_392_331_136, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'Q4_0', fileBytes: 18_711_010_176, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'Q4_K_M', fileBytes: 19_851_336_576, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'Q4_K_S', fileBytes: 18_784_410_496, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'Q5_K_M', fileBytes: 23_262_157_696, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'Q5_K_S', fileBytes: 22_638_254_976, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'Q6_K', fileBytes: 26_886_155_136, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: qwen25_32b, quant: 'Q8_0', fileBytes: 34_820_885_376, source: BARTOWSKI_QWEN25_32B },
  { hfConfig: gemma3_270m, quant: 'F16', fileBytes: 542_835_488, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'IQ4_NL', fileBytes: 241_964_064, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'IQ4_XS', fileBytes: 240_858_144, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'Q2_K', fileBytes: 237_079_584, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'Q3_K_M', fileBytes: 241_964_064, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'Q3_K_S', fileBytes: 236_710_944, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'Q4_0', fileBytes: 241_574_944, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'Q4_1', fileBytes: 247_677_984, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'Q4_K_M', fileBytes: 253_115_424, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'Q4_K_S', fileBytes: 249_889_824, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'Q5_K_M', fileBytes: 260_027_424, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'Q5_K_S', fileBytes: 257_999_904, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'Q6_K', fileBytes: 282_975_264, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'Q8_0', fileBytes: 291_546_144, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'UD-IQ2_M', fileBytes: 182_787_104, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'UD-IQ2_XXS', fileBytes: 180_104_224, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'UD-IQ3_XXS', fileBytes: 184_517_664, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'UD-Q2_K_XL', fileBytes: 237_745_184, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'UD-Q3_K_XL', fileBytes: 242_619_424, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'UD-Q4_K_XL', fileBytes: 253_934_624, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'UD-Q5_K_XL', fileBytes: 260_027_424, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'UD-Q6_K_XL', fileBytes: 286_149_664, source: UNSLOTH_GEMMA3_270M },
  { hfConfig: gemma3_270m, quant: 'UD-Q8_K_XL', fileBytes: 471_104_544, source: UNSLOTH_GEMMA3_270M },
  { model: 'qwen3-8b', quant: 'UD-Q4_K_XL', fileBytes: 5_135_722_176, source: PHILPAX },
  { model: 'gemma-3-4b', quant: 'UD-Q4_K_XL', fileBytes: 2_544_288_896, source: PHILPAX },
  { model: 'gemma-3-27b', quant: 'UD-Q4_K_XL', fileBytes: 16_796_522_208, source: PHILPAX },
  { hfConfig: mistralSmall31, quant: 'UD-Q4_K_XL', fileBytes: 15_301_055_392, source: PHILPAX },
];

/**
 * Tensor bytes (GiB, llama-bench "size", printed to 2 decimals) of Llama-3.1-8B at every llama-quantize mix,
 * from llama.cpp tools/quantize/README.md
 * (https://github.com/ggml-org/llama.cpp/blob/311c2c9f0ebd6e08f5b20e8827c654cebb7a41d6/tools/quantize/README.md).
 */
export const llama31_8bReadmeGiB: Readonly<Record<string, number>> = {
  IQ1_S: 1.87,
  IQ1_M: 2.01,
  IQ2_XXS: 2.23,
  IQ2_XS: 2.42,
  IQ2_S: 2.56,
  IQ2_M: 2.74,
  IQ3_XXS: 3.04,
  IQ3_XS: 3.27,
  IQ3_S: 3.42,
  IQ3_M: 3.52,
  IQ4_XS: 4.17,
  IQ4_NL: 4.38,
  Q2_K_S: 2.78,
  Q2_K: 2.95,
  Q3_K_S: 3.41,
  Q3_K_L: 4.02,
  Q4_K_S: 4.36,
  Q4_K_M: 4.58,
  Q5_K_S: 5.21,
  Q5_K_M: 5.33,
  Q6_K: 6.14,
  Q8_0: 7.95,
  F16: 14.96,
};
