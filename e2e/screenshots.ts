/** Where the e2e tests save screenshots of each view (e2e/screenshots/, not committed), to look at. */
import { fileURLToPath } from 'node:url';

export const shot = (name: string): string =>
  fileURLToPath(new URL(`./screenshots/${name}`, import.meta.url));
