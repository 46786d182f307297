/**
 * Playwright against the built app served by the real server (embedded PGlite in a fresh temp dir, on a free
 * port), in the system Chromium (Playwright cannot download browsers here): CHROMIUM_PATH overrides
 * /usr/bin/chromium. WebGPU runs on SwiftShader without a GPU (docs/webgpu-without-a-gpu.md).
 * The web server step builds everything first (turbo: cached when `npm test` just built it);
 * E2E_SKIP_BUILD=1 skips that, E2E_PORT picks the port.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/** A port nothing listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Playwright loads this file in the runner and again in each worker: the port travels in the environment. */
process.env.E2E_PORT ??= String(await freePort());
export const PORT = Number(process.env.E2E_PORT);
/** One embedded database per run, removed by teardown.ts. */
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'cliffbench-e2e-'));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const BASE_FLAGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];

const build = process.env.E2E_SKIP_BUILD === '1' ? '' : 'npm run build --silent && ';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 180_000,
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  globalTeardown: './teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    acceptDownloads: true,
    launchOptions: { executablePath: CHROMIUM, args: [...BASE_FLAGS, ...WEBGPU_FLAGS] },
  },
  webServer: {
    command: `cd .. && ${build}node apps/server/dist/main.js`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 600_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: process.env.E2E_DATA_DIR },
  },
});
