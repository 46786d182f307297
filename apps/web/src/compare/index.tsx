/** @module compare — the Compare view (default export, lazy-loaded by App) and the upload button the benchmark view uses. */

export { default } from './ComparePage.js';
export { UploadButton } from './UploadButton.js';
