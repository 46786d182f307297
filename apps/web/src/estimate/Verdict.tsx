/**
 * @module estimate/Verdict — the answer at a glance: does it fit, where the layers are, the regime in words,
 * decode tokens/s with its band, prefill, time to first token, the memory bar and the advice. With measured
 * figures for this device, each number shows the spec-sheet estimate and the calibrated one side by side.
 */
import type { DetailedEstimate } from '@cliffbench/core';
import type { ComponentChildren } from 'preact';
import { band, seconds, sig3 } from '../format.js';
import { MemoryBar } from './MemoryBar.js';
import { placementText, REGIMES, verdict } from './regimes.js';

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

export function Verdict(props: {
  readonly e: DetailedEstimate;
  readonly calibrated?: DetailedEstimate | undefined;
}) {
  const { e, calibrated: c } = props;
  const v = verdict(e);
  const regime = REGIMES[e.regime];
  const adviceText = new Set(e.advice.map((a) => a.message));
  const notes = e.warnings.filter((w) => !adviceText.has(w));
  return (
    <section class="verdict card" aria-labelledby="verdict-title">
      <h2 id="verdict-title" class={`verdict-title ${v.tone}`}>
        <span data-testid="fit-status">{v.text}</span>
        <span class="placement"> — {placementText(e)}</span>
      </h2>
      <p class="regime-line">
        <span class="regime-name" data-testid="regime" data-regime={e.regime}>
          {regime.name}
        </span>{' '}
        {regime.explanation}
      </p>
      <dl class="figures">
        <Figure
          label="Decode"
          testId="decode"
          unit="tok/s"
          spec={sig3(e.decodeTokensPerSecond)}
          measured={c === undefined ? undefined : sig3(c.decodeTokensPerSecond)}
        />
        <Figure
          label="Decode band"
          testId="decode-band"
          unit="tok/s"
          spec={band(e.band)}
          measured={c === undefined ? undefined : band(c.band)}
        />
        <Figure
          label="Prefill"
          testId="prefill"
          unit="tok/s"
          spec={sig3(e.prefillTokensPerSecond)}
          measured={c === undefined ? undefined : sig3(c.prefillTokensPerSecond)}
        />
        <Figure
          label="Time to first token"
          testId="ttft"
          spec={seconds(e.timeToFirstTokenSeconds)}
          measured={c === undefined ? undefined : seconds(c.timeToFirstTokenSeconds)}
        />
      </dl>
      <MemoryBar e={e} />
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
