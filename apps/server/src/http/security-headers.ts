/**
 * @module http/security-headers — CSP the built page satisfies (scripts and workers from this origin only,
 * blob: workers, inline styles for Preact style props, data:/blob: images for chart exports), no framing,
 * no MIME sniffing, no referrer. `'wasm-unsafe-eval'` lets the RAM benchmark (@cliffbench/host-bench) compile
 * its WebAssembly kernels; it allows WebAssembly compilation only, not `eval` of JavaScript
 * (https://www.w3.org/TR/CSP3/#grammardef-wasm-unsafe-eval). COOP `same-origin` with COEP `require-corp` makes
 * the page cross-origin isolated, which browsers require before they hand out SharedArrayBuffer
 * (https://developer.mozilla.org/en-US/docs/Web/API/Window/crossOriginIsolated): the RAM benchmark's workers
 * then start each round at an Atomics barrier instead of a message. Everything the page loads is same-origin;
 * it fetches from one other place, the Hugging Face Hub (GGUF headers by Range, CORS mode, which COEP allows).
 */
import { secureHeaders } from 'hono/secure-headers';

export const securityHeaders = () =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
      workerSrc: ["'self'", 'blob:'],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      // The page reads GGUF headers from the Hugging Face Hub by HTTP Range (CORS; large files redirect to
      // its *.hf.co CDN hosts, and CSP applies to redirect targets too).
      connectSrc: ["'self'", 'https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      frameAncestors: ["'none'"],
    },
    crossOriginOpenerPolicy: 'same-origin',
    crossOriginEmbedderPolicy: 'require-corp',
    xFrameOptions: 'DENY',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'no-referrer',
  });
