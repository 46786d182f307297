/**
 * Models read where they live, in Chromium against the built app: a Hugging Face repository pasted on the page is
 * listed (GGUF models only, split parts as one entry) and the picked file's header is read by HTTP Range from a
 * local server that plays the Hub (packages/core/test/range-server.ts: files are headers followed by gigabytes
 * of declared zeros, never materialised; the Hub endpoint is set in "Hub settings"). The estimate is the
 * catalog model's, the bytes fetched are counted, and the page says 404, gated (401) and no-Range in one line
 * each; a split GGUF picked from disk (all parts at once) is estimated with its incomplete-data warning.
 *
 * The page's Content-Security-Policy allows fetches to its own origin only (connect-src 'self',
 * apps/server/src/http/security-headers.ts), so this spec bypasses CSP to reach the local Hub; the real Hub
 * needs connect-src to name it.
 */
import { expect, test } from '@playwright/test';
import { ggufFixture, splitGgufFixture } from '../packages/core/test/gguf-files.js';
import { type RangeServer, startRangeServer } from '../packages/core/test/range-server.js';

test.use({ bypassCSP: true });

const MiB = 2 ** 20;
let hub: RangeServer;
const q4 = ggufFixture('gemma-4-31b', 'Q4_K_M');
const q8 = splitGgufFixture('gemma-4-31b', 'Q8_0', 3);

test.beforeAll(async () => {
  hub = await startRangeServer();
  hub.files.set('acme/gemma-4-31b-GGUF/gemma-4-31b-Q4_K_M.gguf', q4);
  hub.files.set('acme/gemma-4-31b-GGUF/mmproj-F16.gguf', ggufFixture('llama-2-7b'));
  q8.forEach((part, i) => {
    hub.files.set(`acme/gemma-4-31b-GGUF/Q8_0/gemma-4-31b-Q8_0-0000${i + 1}-of-00003.gguf`, part);
  });
  hub.files.set('gated/llama-GGUF/llama-2-7b-Q4_K_M.gguf', ggufFixture('llama-2-7b'));
});
test.afterAll(() => hub.close());

test('a Hugging Face repository pasted on the page is listed, and the picked file is estimated from a few MB of header', async ({
  page,
}) => {
  await page.goto('/?model=gemma-4-31b&quant=Q4_K_M&device=geforce-rtx-3060-12gb&ram=32&ctx=8192');
  const catalogDecode = await page.getByTestId('decode').textContent();

  await page.getByText('Hub settings', { exact: true }).click();
  await page.getByTestId('hub-endpoint').fill(hub.url);
  await page.getByTestId('hub-endpoint').press('Tab');

  await page.getByTestId('remote-model').fill('acme/gemma-4-31b-GGUF');
  await page.getByTestId('remote-model-read').click();
  const files = page.getByTestId('remote-model-files');
  await expect(files.getByRole('option')).toHaveText([
    'gemma-4-31b-Q4_K_M.gguf · 18.7 GB',
    `Q8_0/gemma-4-31b-Q8_0 (3 parts) · ${(q8.reduce((a, p) => a + p.size, 0) / 1e9).toFixed(1)} GB`,
  ]);
  await expect(files).toHaveValue('0');
  hub.log.length = 0;
  await page.getByTestId('remote-model-use').click();
  const note = page.getByTestId('model-file-note');
  await expect(note).toContainText(
    'Using acme/gemma-4-31b-GGUF/gemma-4-31b-Q4_K_M.gguf: Gemma 4 31B · Q4_K_M · 18.7 GB',
  );
  await expect(note).toContainText('MB fetched by HTTP Range');
  // The header's tensors are exactly the catalog's Q4_K_M mix: the same estimate.
  await expect(page.getByTestId('decode')).toHaveText(catalogDecode ?? '');
  await expect(page.getByTestId('model-file-warning')).toHaveCount(0);
  const fetched = hub.log.filter((r) => r.method === 'GET').reduce((a, r) => a + r.bytes, 0);
  console.info(`page read of an ${q4.size}-byte file: ${fetched} bytes in ${hub.log.length} request(s)`);
  expect(fetched).toBeLessThanOrEqual(4 * MiB);
  expect(hub.log.filter((r) => r.method === 'GET').every((r) => r.status === 302 || r.status === 206)).toBe(
    true,
  );

  // The share link names the file read (src=): opened again, the page fetches the header again, showing the same
  // model and figures; the rest of the state comes with it.
  await expect(page).toHaveURL(/[?&]src=/);
  const link = page.url();
  expect(new URL(link).searchParams.get('src')).toBe(
    `${hub.url}/acme/gemma-4-31b-GGUF/resolve/main/gemma-4-31b-Q4_K_M.gguf`,
  );
  await expect(note).toContainText('In the share link.');
  const noteText = (await note.textContent()) ?? '';
  const figures = await Promise.all(
    ['decode', 'prefill', 'ttft'].map(async (id) => (await page.getByTestId(id).textContent()) ?? ''),
  );
  const shared = await page.context().newPage();
  await shared.goto(link);
  await expect(shared.getByTestId('model-file-note')).toHaveText(noteText);
  for (const [i, id] of ['decode', 'prefill', 'ttft'].entries())
    await expect(shared.getByTestId(id)).toHaveText(figures[i] ?? '');
  await expect(shared).toHaveURL(link);
  await shared.close();

  // The split entry: every part's header.
  await files.selectOption({ index: 1 });
  await page.getByTestId('remote-model-use').click();
  await expect(note).toContainText('Q8_0/gemma-4-31b-Q8_0-00001-of-00003.gguf: Gemma 4 31B · Q8_0');
  await expect(note).toContainText('3 parts');

  // owner/repo:QUANT is read at once.
  await page.getByTestId('remote-model').fill('acme/gemma-4-31b-GGUF:Q4_K_M');
  await page.getByTestId('remote-model').press('Enter');
  await expect(note).toContainText('gemma-4-31b-Q4_K_M.gguf: Gemma 4 31B · Q4_K_M');
});

test('the page says 404, gated and no-Range in one line, and reads a gated model once given a token', async ({
  page,
}) => {
  await page.addInitScript(`localStorage.setItem('cliffbench.hubEndpoint', ${JSON.stringify(hub.url)})`);
  await page.goto('/?model=gemma-4-31b&quant=Q4_K_M&device=geforce-rtx-3060-12gb&ram=32&ctx=8192');
  const remote = page.getByTestId('remote-model');
  const error = page.getByTestId('model-file-error');

  await remote.fill('acme/nothing-GGUF');
  await remote.press('Enter');
  await expect(error).toHaveText(
    'The model repository acme/nothing-GGUF was not found (HTTP 404 RepoNotFound): check the repository and file name.',
  );

  hub.options.token = 'hf_e2e';
  await remote.fill('gated/llama-GGUF:Q4_K_M');
  await remote.press('Enter');
  await expect(error).toHaveText(
    "The model repository gated/llama-GGUF needs a token (HTTP 401 GatedRepo): the repository is gated or private (or does not exist). Paste a Hugging Face access token under “Hub settings” whose account has accepted the model's terms.",
  );
  await page.getByText('Hub settings', { exact: true }).click();
  await page.getByTestId('hub-token').fill('hf_e2e');
  await page.getByTestId('hub-token').press('Tab');
  await remote.press('Enter');
  await expect(page.getByTestId('model-file-note')).toContainText(
    'gated/llama-GGUF/llama-2-7b-Q4_K_M.gguf: Llama 2 7B',
  );
  await expect(error).toHaveCount(0);
  delete hub.options.token;

  hub.options.noRange = true;
  hub.log.length = 0;
  await remote.fill(`${hub.url}/acme/gemma-4-31b-GGUF/resolve/main/gemma-4-31b-Q4_K_M.gguf`);
  await remote.press('Enter');
  await expect(error).toContainText(
    'answered a Range request with the whole 18.7 GB file (HTTP 200, not 206 Partial Content): the server does not serve byte ranges',
  );
  hub.options.noRange = false;
  await page.waitForTimeout(200);
  console.info(`no-Range server: ${hub.bytesSent()} bytes written before the page hung up`);
  expect(hub.bytesSent()).toBeLessThan(64 * MiB);
});

test('a share link whose remote model cannot be read says so and keeps the rest of its state; other schemes are ignored', async ({
  page,
}) => {
  const rest = 'model=gemma-4-31b&quant=Q4_K_M&device=geforce-rtx-3060-12gb&ram=48&ctx=16384&img=1';
  await page.goto(`/?${rest}&src=${encodeURIComponent(`${hub.url}/acme/gone-GGUF/resolve/main/gone.gguf`)}`);
  await expect(page.getByTestId('model-file-error')).toContainText('404');
  await expect(page.getByTestId('remote-model')).toHaveValue(
    `${hub.url}/acme/gone-GGUF/resolve/main/gone.gguf`,
  );
  await expect(page.getByTestId('model-file-note')).toHaveCount(0);
  await expect(page.getByTestId('decode')).toHaveText(/\d/);
  await expect(page.getByLabel('System RAM (GB)')).toHaveValue('48');
  await expect(page).toHaveURL(new RegExp(`\\?${rest.replace(/[.?]/g, '\\$&')}$`));

  await page.goto(`/?${rest}&src=${encodeURIComponent('file:///etc/passwd')}`);
  await expect(page.getByTestId('decode')).toHaveText(/\d/);
  await expect(page.getByTestId('remote-model')).toHaveValue('');
  await expect(page.getByTestId('model-file-error')).toHaveCount(0);
  await expect(page).not.toHaveURL(/[?&]src=/);
});

test('every part of a split GGUF picked at once is one model, estimated with a warning when its data is missing', async ({
  page,
}) => {
  await page.goto('/?model=gemma-4-31b&quant=Q4_K_M&device=geforce-rtx-3060-12gb&ram=32&ctx=8192');
  await page.getByTestId('model-file').setInputFiles(
    q8.map((part, i) => ({
      name: `gemma-4-31b-Q8_0-0000${i + 1}-of-00003.gguf`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(part.bytes),
    })),
  );
  await expect(page.getByTestId('model-file-note')).toContainText(
    'Using gemma-4-31b-Q8_0-00001-of-00003.gguf: Gemma 4 31B · Q8_0',
  );
  await expect(page.getByTestId('model-file-note')).toContainText('3 parts');
  await expect(page.getByTestId('model-file-warning')).toContainText(
    'Parts 1, 2 and 3 of 3 (gemma-4-31b-Q8_0-00001-of-00003.gguf, gemma-4-31b-Q8_0-00002-of-00003.gguf, gemma-4-31b-Q8_0-00003-of-00003.gguf) have',
  );
  await expect(page.getByTestId('decode')).toHaveText(/\d/);

  await page.getByTestId('model-file').setInputFiles({
    name: 'gemma-4-31b-Q8_0-00002-of-00003.gguf',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from(q8[1]?.bytes ?? []),
  });
  await expect(page.getByTestId('model-file-error')).toContainText(
    'gemma-4-31b-Q8_0-00002-of-00003.gguf is part 2 of a GGUF split into 3 files',
  );
});
