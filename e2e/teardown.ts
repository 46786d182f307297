import { rmSync } from 'node:fs';

/** Removes the run's embedded database (playwright.config.ts made it). */
export default function teardown(): void {
  const dir = process.env.E2E_DATA_DIR;
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}
