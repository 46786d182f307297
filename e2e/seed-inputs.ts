/** The seed's story typed into the estimate view: Gemma 4 31B Q4_K_M on an RTX 3060 12GB, 32 GB of RAM, 8k context. */
import type { Page } from '@playwright/test';

export async function enterSeedScenario(page: Page): Promise<void> {
  await page.getByLabel('Model', { exact: true }).selectOption('gemma-4-31b');
  await page.getByLabel('Quantisation').selectOption('Q4_K_M');
  const device = page.getByRole('combobox', { name: 'GPU or Apple chip' });
  await device.fill('rtx 3060 12');
  await page.getByRole('option', { name: /GeForce RTX 3060 12GB/ }).click();
  await page.getByLabel('System RAM (GB)').fill('32');
  await page.getByLabel('System RAM (GB)').press('Tab');
  await page.getByLabel('Context length (tokens)').selectOption('8192');
}
