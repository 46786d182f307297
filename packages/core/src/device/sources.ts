/**
 * @module device/sources — the URLs behind the catalog's numbers, keyed so that rows can cite them briefly.
 * Vendor pages first, then third-party cross-checks; test/fixtures/hardware.csv holds the same rows with these
 * sources in its `source` column.
 */

export const sourceUrls = {
  adaWp: 'https://images.nvidia.com/aem-dam/Solutions/geforce/ada/nvidia-ada-gpu-architecture.pdf',
  aiwikiMi300x: 'https://aiwiki.ai/wiki/amd_instinct_mi300x',
  amdCpu: 'https://www.amd.com/en/products/specifications/processors.html',
  amdGfx: 'https://www.amd.com/en/products/specifications/graphics.html',
  amdInst: 'https://www.amd.com/en/products/accelerators/instinct.html',
  ampereWp: 'https://www.nvidia.com/content/PDF/nvidia-ampere-ga-102-gpu-architecture-whitepaper-v2.pdf',
  appleSpecs: 'https://support.apple.com/en-us/docs/mac',
  blackwWp:
    'https://images.nvidia.com/aem-dam/Solutions/geforce/blackwell/nvidia-rtx-blackwell-gpu-architecture.pdf',
  chipvs5060ti: 'https://chipversus.com/hardware/gpu/geforce-rtx-5060-ti-16gb',
  colibri537: 'https://github.com/JustVugg/colibri/issues/537',
  cputron3060: 'https://cputronic.com/en/gpu/nvidia-geforce-rtx-3060-8-gb',
  cputron4060ti: 'https://cputronic.com/gpu/nvidia-geforce-rtx-4060-ti-16-gb',
  cputronM5Max: 'https://cputronic.com/cpu/apple-m5-max-32-core-gpu',
  exoSpark: 'https://huggingface.co/blog/exolabs/the-dgx-spark-handbook',
  fabGist: 'https://gist.github.com/FabricatiDiem/fe0667aff7dc529a9b439112194f34b6',
  fpsb4060: 'https://fpsbench.com/compare/gpu/nvidia-geforce-rtx-4060-vs-nvidia-t600',
  fpsbB580: 'https://fpsbench.com/compare/gpu/intel-arc-b580-vs-intel-hd-graphics-p4600',
  gamebast: 'https://gamebastion.com/n/nvidia-geforce-rtx-4070-rtx-4060-rtx-4050/267887',
  gearshifft82: 'https://github.com/mpicbg-scicomp/gearshifft/pull/82',
  geektopia:
    'https://geektopia.es/es/technology/2023/11/13/noticias/nvidia-anuncia-la-aceleradora-h200-tiene-141-gb-de-hbm3e.html',
  grokL4: 'https://grokipedia.com/page/NVIDIA_L4_vs_L40S',
  guru3d: 'https://guru3d.com/review/g-skill-tridentz-royal-ddr4-3200-mhz-review/page-10',
  h100Brief: 'https://manuals.plus/m/56b0c3ef7d0a1c470c0af8f05a0bd1f29a778007472ba941201fbbb185c9bccd',
  helixer22: 'https://github.com/usadellab/Helixer/issues/22',
  hfGb10: 'https://huggingface.co/hardware/gb10',
  hfGpuSpec: 'https://huggingface.co/datasets/ohdoking/gpu_spec',
  hfjs: 'https://github.com/huggingface/huggingface.js/blob/main/packages/tasks/src/hardware.ts',
  hfjs1937: 'https://github.com/huggingface/huggingface.js/pull/1937',
  hmc9070: 'https://hmc-tech.com/gpu/amd-radeon-rx-9070-xt-vs-amd-radeon-rx-7900-xtx',
  hmcB580: 'https://hmc-tech.com/gpu/intel-arc-b580-vs-intel-arc-a580',
  hmcM4Max: 'https://hmc-tech.com/gpu/apple-32-core-m4-max-vs-apple-40-core-m3-max',
  hmcM5: 'https://hmc-tech.com/gpu/apple-10-core-m4-fl-vs-apple-10-core-m5-fl',
  hmcPro5000: 'https://hmc-tech.com/gpus/nvidia-geforce-rtx-4090-vs-nvidia-rtx-pro-5000-blackwell',
  hothw9060: 'https://hothardware.com/reviews/gigabyte-radeon-rx-9600-xt-gpu-review',
  hwcorner: 'https://hardware-corner.net/rtx-5090-vs-rtx-pro-6000-spec-comparison-20250321',
  intelArc: 'https://www.intel.com/content/www/us/en/products/details/discrete-gpus/arc.html',
  jedec: 'https://www.jedec.org/standards-documents',
  klockwood: 'https://glennklockwood.com/garden/processors/h100',
  llama1642: 'https://github.com/ggml-org/llama.cpp/pull/1642',
  llmfit703: 'https://github.com/AlexsJones/llmfit/pull/703',
  macobsM5:
    'https://www.macobserver.com/news/apples-new-m5-chip-lands-with-4x-ai-gpu-boost-faster-neural-engine-and-higher-memory-bandwidth/',
  macrumM5:
    'https://www.macrumors.com/2026/03/03/apple-unveils-macbook-pro-with-m5-pro-and-m5-max-chips-with-neural-accelerators/',
  memtest557: 'https://github.com/memtest86plus/memtest86plus/issues/557',
  mplay9070: 'https://multiplayer.it/notizie/amd-radeon-rx-9070-xt-rx-9070-specifiche.html',
  mulletL40: 'https://www.mullet.se/product.html?product_id=355414',
  nbcM4Max:
    'http://www.notebookcheck.net/Apple-M4-Max-official-with-incremental-upgrades-over-the-M3-Max.911098.0.html',
  neowin50L:
    'https://www.neowin.net/news/rtx-50-powered-laptops-promise-double-the-performance-and-40-better-battery-life/',
  nv20: 'https://www.nvidia.com/en-us/geforce/20-series/',
  nv30: 'https://www.nvidia.com/en-us/geforce/graphics-cards/30-series/',
  nv30L: 'https://www.nvidia.com/en-us/geforce/laptops/30-series/',
  nv40: 'https://www.nvidia.com/en-us/geforce/graphics-cards/40-series/',
  nv40L: 'https://www.nvidia.com/en-us/geforce/laptops/40-series/',
  nv50: 'https://www.nvidia.com/en-us/geforce/graphics-cards/50-series/',
  nv50L: 'https://www.nvidia.com/en-us/geforce/laptops/50-series/',
  nvbw15: 'https://github.com/NVIDIA/nvbandwidth/issues/15',
  nvbw24: 'https://github.com/NVIDIA/nvbandwidth/issues/24',
  nvbw42: 'https://github.com/NVIDIA/nvbandwidth/issues/42',
  nvDc: 'https://www.nvidia.com/en-us/data-center/',
  nvWs: 'https://www.nvidia.com/en-us/design-visualization/',
  pcieTest3: 'https://github.com/procrastineto/GPU-PCIe-Test/issues/3',
  pcisig: 'https://pcisig.com/specifications',
  pcpartdb: 'https://pcpartdb.com/gpus/view/nvidia-geforce-rtx-3060-12-gb-ga104',
  pcspec5060: 'https://pcspecchart.com/pc_parts/gpu/74',
  purepc:
    'https://www.purepc.pl/nvidia-geforce-rtx-4070-laptop-gpu-ma-dosc-rozczarowujace-osiagi-w-pierwszych-testach-wydajnosci',
  spher5090: 'https://www.spheron.network/blog/nvidia-rtx-5090-specs/',
  spherGh200: 'https://spheron.network/blog/nvidia-gh200-guide',
  svetArc: 'https://www.svethardware.cz/intel-zverejnil-oficialni-specifikace-grafickych-karet-arc/58344',
  svetStrix:
    'https://www.svethardware.cz/amd-predstavuje-ryzen-ai-max-strix-halo-s-az-16-jadry-a-gpu-se-40-cu/61477',
  tinygrad29: 'https://github.com/tinygrad/open-gpu-kernel-modules/issues/29',
  tps1: 'https://github.com/adiudiuu/tps/issues/1',
  tpu: 'https://www.techpowerup.com/gpu-specs/',
  tpuForum: 'https://techpowerup.com/forums/posts/5471408',
  tt50: 'https://www.tweaktown.com/news/102469/nvidia-geforce-rtx-50-series-specs-pricing-and-performance-plan-that-upgrade-today/index.html',
  tt9060:
    'https://www.tweaktown.com/news/105296/amd-confirms-radeon-rx-9060-xt-8gb-and-16gb-models-coming/index.html',
  turingWp:
    'https://images.nvidia.com/aem-dam/en-zz/Solutions/design-visualization/technologies/turing-architecture/NVIDIA-Turing-Architecture-Whitepaper.pdf',
  vassvik: 'https://gist.github.com/vassvik/300a9b921f69a58ff2f422ae8f010c43',
  winston: 'https://github.com/winston-zhang-orz/gpu-specs (specs.md)',
} as const;

export type SourceKey = keyof typeof sourceUrls;

/** The URLs of `keys`, joined with " ; " as the `source` field carries them. */
export function cite(keys: readonly SourceKey[]): string {
  return keys.map((key) => sourceUrls[key]).join(' ; ');
}
