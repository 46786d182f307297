/**
 * @module estimate/Verdict — the answer at a glance: core's headline (does it fit in GPU memory, does it run,
 * how — as the CLI says it), the regime in words, decode tokens/s, prefill and time to first token each with
 * its band (and, with several streams, each stream's and all of them together), the memory bars with the memory
 * band, and the advice. With measured figures for this device, each number shows the spec-sheet estimate and the
 * calibrated one side by side. With images in the prompt: the prompt tokens they bring and each image's encode
 * time (both inside prefill and time to first token), and what those leave out.
 */
import { type DetailedEstimate, headlineOf, regimeText } from '@cliffbench/core';
import type { ComponentChildren } from 'preact';
import { band, gib, seconds, sig3 } from '../format.js';
import type { PromptTokens } from './compute.js';
import { MemoryBar } from './MemoryBar.js';

function Figure(props: {
  readonly label: string;
  readonly testId: string;
  readonly spec: ComponentChildren;
  readonly measured?: ComponentChildren;
  readonly unit?: string;
}) {
  return (
    <div class="figure">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>
        {props.spec}
        {props.unit === undefined ? null : <span class="unit"> {props.unit}</span>}
      </dd>
      {props.measured === undefined ? null : (
        <dd class="measured" data-testid={`${props.testId}-calibrated`}>
          <span class="basis-tag">measured</span> {props.measured}
          {props.unit === undefined ? null : <span class="unit"> {props.unit}</span>}
        </dd>
      )}
    </div>
  );
}

/** The figures at a glance, each shown for the spec-sheet estimate and, when there is one, the calibrated one. */
const FIGURES: readonly {
  readonly label: string;
  readonly testId: string;
  readonly unit?: string;
  readonly show: (e: DetailedEstimate) => string;
}[] = [
  { label: 'Decode', testId: 'decode', unit: 'tok/s', show: (e) => sig3(e.decodeTokensPerSecond) },
  { label: 'Decode band', testId: 'decode-band', unit: 'tok/s', show: (e) => band(e.band) },
  { label: 'Prefill', testId: 'prefill', unit: 'tok/s', show: (e) => sig3(e.prefillTokensPerSecond) },
  { label: 'Prefill band', testId: 'prefill-band', unit: 'tok/s', show: (e) => band(e.prefillBand) },
  { label: 'Time to first token', testId: 'ttft', show: (e) => seconds(e.timeToFirstTokenSeconds) },
  {
    label: 'Time to first token band',
    testId: 'ttft-band',
    show: (e) => `${seconds(e.timeToFirstTokenBand.low)}–${seconds(e.timeToFirstTokenBand.high)}`,
  },
];

/** "512 text tokens + 2 images × 280 tokens", or undefined without images. */
function promptParts(p: PromptTokens): string | undefined {
  if (p.images === 0 || p.tokensPerImage === undefined) return undefined;
  const text = p.tokens - p.images * p.tokensPerImage;
  return `${text.toLocaleString('en')} text tokens + ${p.images} image${p.images === 1 ? '' : 's'} × ${p.tokensPerImage} tokens`;
}

/** The encode time of one image ("22.1 ms"), or a word when none is counted. */
const encodeTime = (e: DetailedEstimate): string =>
  e.imageEncode === undefined ? 'none counted' : seconds(e.imageEncode.secondsPerImage);

/**
 * What the image figures leave out (docs/design.md §2.6.1): the encoder's compute buffer, the image files'
 * decoding and resizing on the CPU; a dynamic-resolution projector's image is taken at its most tokens.
 */
const IMAGES_NOT_COUNTED =
  'Images are counted at the most tokens their projector gives one (a smaller image gives fewer), and their ' +
  'encode time is added to the time to first token. Not counted: the encoder’s compute buffer, and decoding ' +
  'and resizing the image files on the CPU.';

/** With several streams: what each gets and all of them together (core's `parallel`), as `FIGURES`. */
const STREAM_FIGURES: readonly {
  readonly label: (streams: number) => string;
  readonly testId: string;
  readonly show: (p: NonNullable<DetailedEstimate['parallel']>) => string;
}[] = [
  {
    label: (n) => `Each of ${n} streams`,
    testId: 'decode-per-stream',
    show: (p) => sig3(p.perStreamTokensPerSecond),
  },
  {
    label: (n) => `All ${n} streams`,
    testId: 'decode-aggregate',
    show: (p) => sig3(p.aggregateTokensPerSecond),
  },
];

/** The memory figures' band: GPU memory (when a GPU holds anything) and system RAM. */
function memoryBandText(e: DetailedEstimate): string {
  const range = (b: { readonly low: number; readonly high: number }): string =>
    b.high - b.low < 2 ** 20 ? gib(b.low) : `${gib(b.low).replace(' GiB', '')}–${gib(b.high)}`;
  const { deviceBytes, hostBytes } = e.memoryBand;
  return [
    ...(e.memory.deviceBytes > 0 ? [`GPU memory ${range(deviceBytes)}`] : []),
    `system RAM ${range(hostBytes)}`,
  ].join(' · ');
}

export function Verdict(props: {
  readonly e: DetailedEstimate;
  readonly calibrated?: DetailedEstimate | undefined;
  /** The prompt the prefill and time-to-first-token figures count. */
  readonly prompt: PromptTokens;
}) {
  const { e, calibrated: c, prompt } = props;
  const h = headlineOf(e);
  const regime = regimeText[e.regime];
  const adviceText = new Set(e.advice.map((a) => a.message));
  const notes = e.warnings.filter((w) => !adviceText.has(w));
  const streams = e.parallel;
  return (
    <section class="verdict card" aria-labelledby="verdict-title">
      <h2 id="verdict-title" class={`verdict-title ${h.tone}`}>
        <span data-testid="fit-status">{h.verdict}</span>
        <span class="placement"> — {h.how}</span>
      </h2>
      <p class="regime-line">
        <span class="regime-name" data-testid="regime" data-regime={e.regime}>
          {regime.name}
        </span>{' '}
        {regime.explanation}
      </p>
      <dl class="figures">
        {FIGURES.map((f) => (
          <Figure
            key={f.testId}
            label={f.label}
            testId={f.testId}
            unit={f.unit}
            spec={f.show(e)}
            measured={c === undefined ? undefined : f.show(c)}
          />
        ))}
        {streams === undefined
          ? null
          : STREAM_FIGURES.map((f) => (
              <Figure
                key={f.testId}
                label={f.label(streams.streams)}
                testId={f.testId}
                unit="tok/s"
                spec={f.show(streams)}
                measured={c?.parallel === undefined ? undefined : f.show(c.parallel)}
              />
            ))}
        <Figure
          label="Prompt"
          testId="prompt-tokens"
          spec={prompt.tokens.toLocaleString('en')}
          unit="tokens"
        />
        {prompt.images === 0 ? null : (
          <Figure
            label="Image encoding"
            testId="image-encode"
            spec={encodeTime(e)}
            measured={c === undefined ? undefined : encodeTime(c)}
            unit={
              e.imageEncode === undefined
                ? undefined
                : `an image × ${e.imageEncode.images}, ${e.imageEncode.onGpu ? 'GPU' : 'CPU'}`
            }
          />
        )}
      </dl>
      {prompt.images === 0 ? null : (
        <p class="memory-band" data-testid="images-basis">
          Prompt: {promptParts(prompt)}. {IMAGES_NOT_COUNTED}
        </p>
      )}
      <MemoryBar e={e} />
      <p class="memory-band" data-testid="memory-band">
        Memory band: {memoryBandText(e)}
      </p>
      {e.advice.length > 0 ? (
        <div class="advice">
          <h3>What you can change</h3>
          <ul>
            {e.advice.map((a) => (
              <li key={a.kind}>{a.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {notes.length > 0 ? (
        <ul class="notes">
          {notes.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
