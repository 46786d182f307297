/**
 * Several GPUs, `-ts` and concurrent streams on the estimate view, in Chromium against the real server: Gemma 4
 * 31B Q4_K_M spills off one RTX 3060 12GB and fits on two (one memory bar per GPU); `-ts 5,4` moves weights
 * from the second card to the first; a vision projector joins GPU 0's runtime, or leaves it when kept in RAM;
 * four llama-server slots (each its own sliding-window cache) push part of it back to RAM and draw decode against
 * streams with its table; the share link reproduces all of it. Every figure compared is read from the page.
 */
import { expect, type Locator, type Page, test } from '@playwright/test';
import { figureOf } from './figures.js';
import { shot } from './screenshots.js';
import { enterSeedScenario } from './seed-inputs.js';

/** A figure from a memory bar's accessible text ("GPU 0 memory: 10.9 of 12.0 GiB: weights 9.0, KV cache …"). */
async function barFigure(bar: Locator, what: 'used' | 'of' | 'weights' | 'buffers'): Promise<number> {
  const label = (await bar.getAttribute('aria-label')) ?? '';
  const m = /: ([\d.]+) of ([\d.]+) GiB.*?weights ([\d.]+)(?:.*?buffers & runtime ([\d.]+))?/.exec(label);
  const k = { used: 1, of: 2, weights: 3, buffers: 4 }[what];
  return Number.parseFloat(m?.[k] ?? 'NaN');
}

/** Per-stream and all-streams tok/s in the concurrency table's row for `streams`. */
async function streamsRow(
  page: Page,
  streams: number,
): Promise<{ each: number; all: number; eachText: string }> {
  const row = page
    .getByTestId('chart-concurrency')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: String(streams), exact: true }) });
  const cells = row.getByRole('cell');
  const eachText = (await cells.nth(0).textContent()) ?? '';
  return {
    each: Number.parseFloat(eachText),
    all: Number.parseFloat((await cells.nth(1).textContent()) ?? ''),
    eachText,
  };
}

test('Gemma 4 31B fits on two RTX 3060 12GB, -ts and four streams move its memory, and the share link keeps it all', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await enterSeedScenario(page);

  // One card: part of the model in RAM, one GPU bar.
  await expect(page.getByTestId('fit-status')).toHaveText('Does not fit in GPU memory');
  await expect(page.getByTestId('regime')).toHaveAttribute('data-regime', 'partial-offload');
  await expect(page.getByTestId('memory-bar')).toHaveAttribute('aria-label', /^GPU memory: /);
  await expect(page.getByTestId('memory-bar-gpu-1')).toHaveCount(0);
  const oneCard = await figureOf(page, 'decode');

  // A second RTX 3060: two GPU bars, everything on the GPUs, faster than with one.
  await page.getByRole('button', { name: 'Add a GPU' }).click();
  await expect(page.getByRole('combobox', { name: 'GPU 2' })).toHaveValue(/3060/);
  const gpu0 = page.getByTestId('memory-bar');
  const gpu1 = page.getByTestId('memory-bar-gpu-1');
  await expect(gpu0).toHaveAttribute('aria-label', /^GPU 0 memory: /);
  await expect(gpu1).toHaveAttribute('aria-label', /^GPU 1 memory: /);
  await expect(page.getByTestId('memory-bar-ram')).toBeVisible();
  await expect(page.getByTestId('fit-status')).toHaveText('Fits in GPU memory');
  await expect(page.getByTestId('regime')).toHaveAttribute('data-regime', 'gpu');
  const twoCards = await figureOf(page, 'decode');
  expect(twoCards).toBeGreaterThan(oneCard);
  for (const bar of [gpu0, gpu1])
    expect(await barFigure(bar, 'used')).toBeLessThanOrEqual(await barFigure(bar, 'of'));
  const even = { first: await barFigure(gpu0, 'weights'), second: await barFigure(gpu1, 'weights') };

  // -ts 5,4: more of the weights on GPU 0, less on GPU 1, still all on the GPUs at the same speed.
  const split = page.getByLabel('Proportions per GPU (-ts)');
  await split.fill('5,4');
  await split.press('Tab');
  await expect.poll(() => barFigure(gpu0, 'weights')).toBeGreaterThan(even.first);
  expect(await barFigure(gpu1, 'weights')).toBeLessThan(even.second);
  await expect(page.getByTestId('fit-status')).toHaveText('Fits in GPU memory');
  expect(await figureOf(page, 'decode')).toBe(twoCards);
  await expect(page).toHaveURL(/[?&]ts=5%2C4(&|$)/);
  // A split that names the wrong number of GPUs is refused with what is accepted.
  await split.fill('3,1,1');
  await split.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: 'give 2 proportions' })).toBeVisible();
  await split.fill('5,4');
  await split.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: 'give 2 proportions' })).toHaveCount(0);

  // A vision projector: on the GPU it sits with GPU 0's runtime; in RAM (--no-mmproj-offload) it leaves it.
  // From the keyboard: Enter opens the section, Space toggles the checkbox, arrows move a select.
  await page.getByText('Concurrent streams, vision projector').focus();
  await page.keyboard.press('Enter');
  const runtime = await barFigure(gpu0, 'buffers');
  const projector = page.getByLabel('Vision projector (mmproj) size');
  await projector.fill('860 MB');
  await projector.press('Tab');
  await expect.poll(() => barFigure(gpu0, 'buffers')).toBeGreaterThan(runtime);
  // 860 MB is 0.80 GiB; each figure is rounded to 0.1 GiB.
  expect(Math.abs((await barFigure(gpu0, 'buffers')) - runtime - 860e6 / 2 ** 30)).toBeLessThanOrEqual(0.11);
  await page.getByRole('checkbox', { name: /Projector on the GPU/ }).focus();
  await page.keyboard.press('Space');
  await expect.poll(() => barFigure(gpu0, 'buffers')).toBe(runtime);
  await expect(page).toHaveURL(/[?&]mmproj=860000000&mmcpu=1(&|$)/);

  // Four llama-server slots: each keeps its own sliding-window cache, so part of the model moves back to RAM,
  // and decode against streams appears with its table.
  const ramBefore = await barFigure(page.getByTestId('memory-bar-ram'), 'used');
  const streams = page.getByRole('spinbutton', { name: 'Concurrent streams' });
  await streams.fill('4');
  await streams.press('Tab');
  const chart = page.getByTestId('chart-concurrency');
  await expect(chart).toBeVisible();
  await expect(page.getByTestId('fit-status')).toHaveText('Does not fit in GPU memory');
  await expect.poll(() => barFigure(page.getByTestId('memory-bar-ram'), 'used')).toBeGreaterThan(ramBefore);
  await expect(chart.locator('.chart-summary')).toContainText(/part of it moves to system RAM/);
  await chart.getByText('Data as a table').click();
  await expect(chart.locator('tbody tr')).toHaveCount(10);
  const one = await streamsRow(page, 1);
  const four = await streamsRow(page, 4);
  // One stream is the one-stream estimate (everything on the GPUs); four share each step.
  expect(one.each).toBeCloseTo(twoCards, 1);
  expect(one.all).toBe(one.each);
  expect(four.each).toBeLessThan(one.each);
  expect(four.all / four.each).toBeCloseTo(4, 1);
  const summary = (await chart.locator('.chart-summary').textContent()) ?? '';
  expect(summary).toContain(`With 4 streams each gets ${four.eachText} tok/s`);
  await expect(page.getByTestId('decode-per-stream')).toHaveText(`${four.eachText} tok/s`);
  expect(await figureOf(page, 'decode-aggregate')).toBe(four.all);
  await page.screenshot({ path: shot('estimate-two-3060-streams.png'), fullPage: true });

  // Ollama's rule: every request keeps the whole context, so each stream's context is four times llama-server's.
  const contextEach = async (): Promise<string> =>
    /\(([\d.,k]+) context each\)/.exec((await chart.locator('.chart-summary').textContent()) ?? '')?.[1] ??
    '';
  const kib = (t: string): number => Number.parseFloat(t) * (t.endsWith('k') ? 1024 : 1) || Number.NaN;
  const sharedContext = kib(await contextEach());
  await page.getByLabel('Server', { exact: true }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/[?&]rt=ollama(&|$)/);
  await expect.poll(async () => kib(await contextEach())).toBe(4 * sharedContext);
  await expect(page.getByRole('checkbox', { name: /--kv-unified/ })).toBeDisabled();
  const ollama = await streamsRow(page, 4);
  expect(ollama.each).toBeLessThanOrEqual(four.each);
  const ollamaSummary = (await chart.locator('.chart-summary').textContent()) ?? '';

  // The best-settings card names the split it picked for the two cards, as its llama-server command uses it.
  const picked = page.getByTestId('tuned-split').first();
  await expect(picked).toContainText(/^-sm (layer|row|tensor) /);
  const flags = /^(-sm \w+)(?: (-ts [\d.,]+))?/.exec((await picked.textContent()) ?? '');
  const serve = page.locator('.best-settings pre').first();
  await expect(serve).toContainText(flags?.[1] ?? 'no -sm');
  if (flags?.[2] !== undefined) await expect(serve).toContainText(flags[2]);
  else await expect(serve).not.toContainText('-ts ');

  // The share link: the same GPUs, split, streams, verdict and curve.
  const link = new URL(page.url());
  expect(Object.fromEntries(link.searchParams)).toMatchObject({
    gpu: 'geforce-rtx-3060-12gb',
    ts: '5,4',
    np: '4',
  });
  const fresh = await browser.newContext();
  const shared = await fresh.newPage();
  await shared.goto(link.toString());
  await expect(shared.getByTestId('fit-status')).toHaveText('Does not fit in GPU memory');
  await expect(shared.getByTestId('memory-bar-gpu-1')).toHaveAttribute(
    'aria-label',
    (await gpu1.getAttribute('aria-label')) ?? '',
  );
  await expect(shared.getByTestId('decode')).toHaveText(
    (await page.getByTestId('decode').textContent()) ?? '',
  );
  await expect(shared.getByLabel('Proportions per GPU (-ts)')).toHaveValue('5,4');
  await expect(shared.getByRole('spinbutton', { name: 'Concurrent streams' })).toHaveValue('4');
  await expect(shared.getByLabel('Vision projector (mmproj) size')).toHaveValue('860 MB');
  await expect(shared.getByRole('checkbox', { name: /Projector on the GPU/ })).not.toBeChecked();
  await expect(shared.getByLabel('Server', { exact: true })).toHaveValue('ollama');
  await expect(shared.getByTestId('chart-concurrency').locator('.chart-summary')).toHaveText(ollamaSummary);
  await fresh.close();
});
