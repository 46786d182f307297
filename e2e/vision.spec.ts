/**
 * Images in the prompt on the estimate view, in Chromium against the real server: Gemma 4 31B Q4_K_M on an RTX
 * 4090 with two images and no projector size typed uses the published gemma4v projector (the hint names it and
 * its tokens per image): the prompt grows by 2 × those tokens, the time to first token grows (each image's
 * encode time is shown), GPU memory grows by the projector, and the share link (img=2) reproduces it all. A
 * model cliffbench knows no projector for says a size is needed, in the images field, without a crash. Every
 * figure compared is read from the page.
 */
import { expect, type Locator, test } from '@playwright/test';
import { figureOf } from './figures.js';

/** Buffers & runtime, GiB, from the GPU memory bar's accessible text. */
async function buffersGiB(bar: Locator): Promise<number> {
  const label = (await bar.getAttribute('aria-label')) ?? '';
  return Number.parseFloat(/buffers & runtime ([\d.]+)/.exec(label)?.[1] ?? 'NaN');
}

/** "1,072 tokens" → 1072. */
async function promptTokens(prompt: Locator): Promise<number> {
  return Number(
    (/^([\d,]+) tokens/.exec((await prompt.textContent()) ?? '')?.[1] ?? 'NaN').replace(/,/g, ''),
  );
}

const START = '/?model=gemma-4-31b&quant=Q4_K_M&device=geforce-rtx-4090&ram=64&ctx=8192';

test('two images on Gemma 4 31B use the published projector: more prompt tokens, a later first token, more GPU memory, kept by the share link', async ({
  page,
  browser,
}) => {
  await page.goto(START);
  await page.getByText('Concurrent streams, vision projector').click();
  const prompt = page.getByTestId('prompt-tokens');
  await expect(prompt).toHaveText(/^[\d,]+ tokens$/);
  const textTokens = await promptTokens(prompt);
  const ttft = await figureOf(page, 'ttft');
  const ttftUnit = (await page.getByTestId('ttft').textContent())?.includes(' ms') ? 1e-3 : 1;
  const bar = page.getByTestId('memory-bar');
  const buffers = await buffersGiB(bar);

  const hint = page.getByTestId('images-hint');
  await expect(hint).toContainText('uses the published 1.20 GB gemma4v projector, 280 tokens an image');
  const perImage = Number(/(\d+) tokens an image/.exec((await hint.textContent()) ?? '')?.[1]);
  const projectorGB = Number(/published ([\d.]+) GB/.exec((await hint.textContent()) ?? '')?.[1]);

  const images = page.getByRole('spinbutton', { name: 'Images in the prompt' });
  await images.fill('2');
  await images.press('Tab');
  await expect(page.getByTestId('image-encode')).toContainText(/ms an image × 2, GPU$/);
  await expect(prompt).toHaveText(`${(textTokens + 2 * perImage).toLocaleString('en')} tokens`);
  await expect(page.getByTestId('images-basis')).toContainText(
    `Prompt: ${textTokens} text tokens + 2 images × ${perImage} tokens.`,
  );
  expect(await promptTokens(prompt)).toBe(textTokens + 2 * perImage);
  const encodeMs = await figureOf(page, 'image-encode');
  const ttftWithImages = await figureOf(page, 'ttft');
  const ttftWithImagesUnit = (await page.getByTestId('ttft').textContent())?.includes(' ms') ? 1e-3 : 1;
  // The first token waits for two encodes on top of a longer prefill.
  expect(ttftWithImages * ttftWithImagesUnit).toBeGreaterThan(ttft * ttftUnit + (2 * encodeMs) / 1e3);
  // The projector sits with the runtime on the GPU: 1.20 GB is 1.12 GiB, each figure rounded to 0.1 GiB.
  expect(Math.abs((await buffersGiB(bar)) - buffers - (projectorGB * 1e9) / 2 ** 30)).toBeLessThanOrEqual(
    0.11,
  );
  await expect(page.getByTestId('images-basis')).toContainText('Not counted');
  await expect(page).toHaveURL(/[?&]img=2(&|$)/);
  console.info(
    `Gemma 4 31B Q4_K_M, RTX 4090: prompt ${textTokens} → ${await promptTokens(prompt)} tokens, ` +
      `TTFT ${await page.getByTestId('ttft').textContent()} (was ${ttft}${ttftUnit === 1 ? ' s' : ' ms'}), ` +
      `encode ${await page.getByTestId('image-encode').textContent()}, buffers ${buffers} → ${await buffersGiB(bar)} GiB`,
  );

  // The share link keeps the images: the same figures in a fresh browser.
  const fresh = await browser.newContext();
  const shared = await fresh.newPage();
  await shared.goto(page.url());
  await expect(shared.getByTestId('prompt-tokens')).toHaveText((await prompt.textContent()) ?? '');
  await expect(shared.getByTestId('ttft')).toHaveText((await page.getByTestId('ttft').textContent()) ?? '');
  await expect(shared.getByTestId('memory-bar')).toHaveAttribute(
    'aria-label',
    (await bar.getAttribute('aria-label')) ?? '',
  );
  await shared.getByText('Concurrent streams, vision projector').click();
  await expect(shared.getByRole('spinbutton', { name: 'Images in the prompt' })).toHaveValue('2');
  await fresh.close();

  // "Use the published projector" types its size: the same estimate, now with the size in the link.
  const ttftText = (await page.getByTestId('ttft').textContent()) ?? '';
  await page.getByRole('button', { name: /Use the published projector/ }).click();
  await expect(page.getByLabel('Vision projector (mmproj) size')).toHaveValue(/^1[12]\d\d(\.\d)? MB$/);
  await expect(page).toHaveURL(/[?&]mmproj=\d{10}(&|$)/);
  await expect(page.getByTestId('ttft')).toHaveText(ttftText);
  await expect(page.getByTestId('images-hint')).toContainText(`${perImage} tokens an image`);
});

test('images for a model without a known projector say a size is needed, and the page keeps working', async ({
  page,
}) => {
  await page.goto('/?model=llama-3.1-8b&quant=Q4_K_M&device=geforce-rtx-4090&ram=64&ctx=8192&img=1');
  await page.getByText('Concurrent streams, vision projector').click();
  await expect(page.getByTestId('images-error')).toContainText(
    '1 image needs a vision projector, and cliffbench knows none for Llama',
  );
  const images = page.getByRole('spinbutton', { name: 'Images in the prompt' });
  await expect(images).toHaveAttribute('aria-invalid', 'true');
  await images.fill('0');
  await images.press('Tab');
  await expect(page.getByTestId('images-error')).toHaveCount(0);
  await expect(page.getByTestId('decode')).toHaveText(/\d/);
  await expect(page).not.toHaveURL(/[?&]img=/);
});
