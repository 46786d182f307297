/** @module run/browser-of — the browser's name and major version from its user-agent string, for the document. */

/** Tokens in the order they must be tried: Edge and Opera also say "Chrome", Chrome also says "Safari". */
const BROWSERS: readonly [name: string, pattern: RegExp][] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\bOPR\/(\d+)/],
  ['Firefox', /\bFirefox\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)[\d.]* (?:Mobile\/\S+ )?Safari\//],
];

/** e.g. "Chrome 138"; undefined when the user agent names none of the browsers above. */
export function browserOf(userAgent: string): string | undefined {
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) return `${name} ${match[1]}`;
  }
  return undefined;
}
