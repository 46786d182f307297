/** Reading the page's figures in the e2e tests. */
import type { Page } from '@playwright/test';

/** The first number in the text of the element with `testId` ("measured 2.51 tok/s" → 2.51; NaN if none). */
export const figureOf = async (page: Page, testId: string): Promise<number> =>
  Number.parseFloat(
    /[\d.]+/.exec((await page.getByTestId(testId).first().textContent()) ?? '')?.[0] ?? 'NaN',
  );
