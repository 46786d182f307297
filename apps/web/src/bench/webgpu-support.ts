/**
 * @module bench/webgpu-support — why this browser cannot run the WebGPU benchmark, in words the user can act
 * on: not a secure context, no `navigator.gpu` (which browser, which flag), or no adapter (blocklisted driver,
 * GPU disabled). Pure: the caller passes what the browser reports.
 */

/** What the page knows about the browser before probing. */
export interface BrowserFacts {
  readonly isSecureContext: boolean;
  readonly hasNavigatorGpu: boolean;
  readonly userAgent: string;
}

/** Why WebGPU is unavailable, and what to do. */
export interface Unavailable {
  readonly reason: 'insecure-context' | 'no-webgpu' | 'no-adapter' | 'failed';
  readonly title: string;
  readonly message: string;
  /** What to try, most useful first. */
  readonly fixes: readonly string[];
}

interface BrowserHint {
  readonly match: RegExp;
  readonly name: string;
  readonly fix: string;
  readonly source: string;
}

/** Per-browser advice; first match wins (Edge and Chrome both say "Chrome", so Edge comes first). */
const BROWSER_HINTS: readonly BrowserHint[] = [
  {
    match: /Firefox\//,
    name: 'Firefox',
    fix: 'Firefox has WebGPU on Windows since version 141; on macOS and Linux set dom.webgpu.enabled in about:config, or use Chrome.',
    source: 'https://developer.mozilla.org/en-US/docs/Web/API/WebGPU_API#browser_compatibility',
  },
  {
    match: /Edg\//,
    name: 'Edge',
    fix: 'Edge has WebGPU since version 113: update Edge, and check edge://gpu — a blocklisted driver turns it off.',
    source: 'https://developer.chrome.com/blog/webgpu-release',
  },
  {
    match: /Linux.*Chrom(e|ium)\//,
    name: 'Chrome on Linux',
    fix: 'Chrome on Linux may still need chrome://flags/#enable-unsafe-webgpu (and Vulkan drivers); chrome://gpu says whether WebGPU is on.',
    source: 'https://developer.chrome.com/docs/web-platform/webgpu/troubleshooting-tips',
  },
  {
    match: /Chrom(e|ium)\//,
    name: 'Chrome',
    fix: 'Chrome has WebGPU since version 113: update Chrome, and check chrome://gpu — a blocklisted driver turns it off.',
    source: 'https://developer.chrome.com/blog/webgpu-release',
  },
  {
    match: /Version\/[\d.]+.*Safari\//,
    name: 'Safari',
    fix: 'Safari has WebGPU from Safari 26; in older versions turn it on under Develop → Feature Flags → WebGPU.',
    source:
      'https://webkit.org/blog/16993/news-from-wwdc25-web-technology-coming-this-fall-in-safari-26-beta/',
  },
];

const KEEP_ESTIMATING =
  'The estimates keep working on spec-sheet figures; the benchmark only makes them match your machine.';

/** Why the benchmark cannot run before probing, or undefined when it can try. */
export function unavailableBeforeProbe(f: BrowserFacts): Unavailable | undefined {
  if (!f.isSecureContext) {
    return {
      reason: 'insecure-context',
      title: 'WebGPU needs a secure context',
      message: `Browsers expose WebGPU only to pages served over https:// or from localhost; this page was opened some other way. ${KEEP_ESTIMATING}`,
      fixes: ['Open the page over https://, or as http://localhost (or 127.0.0.1) when you run it yourself.'],
    };
  }
  if (!f.hasNavigatorGpu) {
    const hint = BROWSER_HINTS.find((h) => h.match.test(f.userAgent));
    return {
      reason: 'no-webgpu',
      title: 'This browser does not offer WebGPU',
      message: `${hint === undefined ? 'This browser' : hint.name} has no navigator.gpu: WebGPU is missing or switched off. ${KEEP_ESTIMATING}`,
      fixes: [
        ...(hint === undefined ? [] : [hint.fix]),
        'Or use a current Chrome, Edge or Safari 26+ on a machine with a GPU driver they support.',
      ],
    };
  }
  return undefined;
}

/**
 * The explanation for an error the probe or a run reported (a CliffbenchError's `code` crosses the Worker).
 * @param userAgent adds the browser's own switch to the fixes when given.
 */
export function unavailableFromError(e: unknown, userAgent = ''): Unavailable {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : String(e);
  if (code === 'no-adapter') {
    const hint = BROWSER_HINTS.find((h) => h.match.test(userAgent));
    return {
      reason: 'no-adapter',
      title: 'No GPU adapter is available to WebGPU',
      message: `${message} ${KEEP_ESTIMATING}`,
      fixes: [
        'Check chrome://gpu (or edge://gpu): WebGPU switched off, a blocklisted driver or disabled hardware acceleration hides the GPU.',
        ...(hint === undefined ? [] : [hint.fix]),
        'Update the GPU driver, then restart the browser.',
      ],
    };
  }
  if (code === 'no-webgpu') {
    return {
      reason: 'no-webgpu',
      title: 'This browser does not offer WebGPU',
      message: `${message} ${KEEP_ESTIMATING}`,
      fixes: [],
    };
  }
  return {
    reason: 'failed',
    title: 'The GPU could not be probed',
    message: `${message} ${KEEP_ESTIMATING}`,
    fixes: [],
  };
}
