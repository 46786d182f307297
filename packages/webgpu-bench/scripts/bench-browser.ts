/**
 * `npm run bench:browser -w @cliffbench/webgpu-bench -- [--device NAME] [--quick] [--swiftshader] [--url URL]
 * [--json FILE] [--timeout SECONDS]`: the page's own benchmark, end to end, in headless Chromium on the
 * machine's GPU through its Vulkan driver. Starts the built server (`npm run build` first) on a free port with
 * a throwaway database unless --url names a running one, opens the Benchmark view, runs the full plan (or
 * --quick), downloads the result document as a visitor would and prints, per format and shape, measured GB/s,
 * ÷ the tuned streaming ceiling and ÷ the spec sheet of --device (a catalog name, e.g. "h100 pcie"), and the
 * wall time. Refuses to report a software adapter as a GPU: --swiftshader runs on SwiftShader on purpose
 * (how it is tested without a GPU). CHROMIUM_PATH overrides /usr/bin/chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Device, findDevice, parseResultDocument } from '@cliffbench/core';
import { chromium } from 'playwright-core';
import { formatResult } from './format-result.js';

const { values } = parseArgs({
  options: {
    device: { type: 'string' },
    quick: { type: 'boolean' },
    swiftshader: { type: 'boolean' },
    url: { type: 'string' },
    json: { type: 'string' },
    timeout: { type: 'string', default: '540' },
  },
});

/**
 * Chromium on Linux reaches a GPU's WebGPU adapter through Vulkan; in headless mode ANGLE must use Vulkan
 * too and no window surface exists (developer.chrome.com/blog/supercharge-web-ai-testing).
 */
const GPU_FLAGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-angle=vulkan',
  '--disable-vulkan-surface',
  '--ignore-gpu-blocklist',
];
const SWIFTSHADER_FLAGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

const repo = new URL('../../../', import.meta.url).pathname;
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const device: Device | undefined = values.device === undefined ? undefined : findDevice(values.device);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** The built server on a free port with a throwaway database; resolves once /healthz answers. */
async function startServer(): Promise<{ url: string; stop: () => void }> {
  const main = join(repo, 'apps/server/dist/main.js');
  if (!existsSync(main))
    throw new Error(`${main} is missing: run \`npm run build\` at the repository root first.`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cliffbench-bench-'));
  const child: ChildProcess = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { url, stop };
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error('the server did not answer /healthz within 20 s');
}

const server = values.url === undefined ? await startServer() : { url: values.url, stop: () => undefined };
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', ...(values.swiftshader ? SWIFTSHADER_FLAGS : GPU_FLAGS)],
});
try {
  const page = await browser.newPage({ acceptDownloads: true });
  await page.goto(`${server.url}/#bench`);
  const probe = page.getByTestId('probe');
  await probe.or(page.getByTestId('bench-error')).first().waitFor({ timeout: 60_000 });
  const adapter = (await probe.textContent({ timeout: 1000 }).catch(() => null)) ?? '';
  if (adapter === '')
    throw new Error(
      `no WebGPU adapter in ${await browser.version()}: ${await page.getByTestId('bench-error').textContent()}`,
    );
  if (!values.swiftshader && /swiftshader/i.test(adapter))
    throw new Error(
      'Chromium fell back to SwiftShader, not the GPU: is the vendor Vulkan driver installed (vulkaninfo --summary lists the GPU; NVIDIA needs its ICD, e.g. nvidia_icd.json from libnvidia-gl)? Pass --swiftshader to run in software on purpose.',
    );
  console.log(`${await browser.version()} · ${adapter.replace(/\s+/g, ' ').trim().slice(0, 300)}`);
  if (!values.quick) await page.getByLabel(/^full/).check();
  await page.getByTestId('run').click();
  const deadline = Date.now() + Number(values.timeout) * 1000;
  const result = page.getByTestId('bench-result');
  const failed = page.getByTestId('run-error');
  let shown = '';
  while (!(await result.isVisible()) && Date.now() < deadline) {
    if (await failed.isVisible()) throw new Error(`the run failed: ${await failed.textContent()}`);
    const phase = (
      (await page
        .getByTestId('phase')
        .textContent()
        .catch(() => '')) ?? ''
    )
      .split(' · ')
      .slice(0, 2)
      .join(' · ');
    if (phase !== shown) {
      shown = phase;
      process.stderr.write(`[${elapsed()}] ${phase}\n`);
    }
    await page.waitForTimeout(1000);
  }
  if (!(await result.isVisible())) throw new Error(`no result within ${values.timeout} s`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const doc = parseResultDocument(JSON.parse(readFileSync(await download.path(), 'utf8')));
  console.log(formatResult(doc, device?.bandwidthGBs).join('\n'));
  if (device) console.log(`Spec: ${device.name}, ${device.bandwidthGBs} GB/s`);
  console.log(`Wall time ${elapsed()} (browser start, page, run, download)`);
  if (values.json) writeFileSync(values.json, `${JSON.stringify(doc, null, 2)}\n`);
} finally {
  await browser.close();
  server.stop();
}
