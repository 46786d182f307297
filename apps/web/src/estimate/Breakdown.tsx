/**
 * @module estimate/Breakdown — where each token's time goes (bytes and seconds per memory tier, the fixed
 * cost) and the basis of the estimate: which weights, which bandwidths, spec or measured, and the band's source.
 */
import type { DetailedEstimate, TierTime } from '@cliffbench/core';
import { gbPerSec, seconds, sig3 } from '../format.js';

/** What each memory tier is, for the table; unified memory is one pool that both the GPU and the CPU read. */
const TIER_LABELS: Readonly<Record<TierTime['tier'], string>> = {
  gpu: 'GPU memory',
  cpu: 'system RAM, read by the CPU',
  pcie: 'system RAM, read by the GPU over PCIe',
  'over-limit': 'unified memory past the GPU limit',
  disk: 'disk',
};
const UNIFIED_TIER_LABELS: Readonly<Partial<Record<TierTime['tier'], string>>> = {
  gpu: 'unified memory, read by the GPU',
  cpu: 'unified memory, read by the CPU',
};

const tierLabel = (e: DetailedEstimate, tier: TierTime['tier']): string =>
  (e.breakdown.memory.layout === 'unified' ? UNIFIED_TIER_LABELS[tier] : undefined) ?? TIER_LABELS[tier];

function TierTable(props: { readonly e: DetailedEstimate; readonly caption: string }) {
  const d = props.e.breakdown.decode;
  const tiers = d.tiers.filter((t) => t.weightBytes + t.kvBytes > 0);
  return (
    <div class="table-scroll">
      <table class="tiers">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Read from</th>
            <th scope="col">Weights</th>
            <th scope="col">KV cache</th>
            <th scope="col">Rate</th>
            <th scope="col">Time</th>
          </tr>
        </thead>
        <tbody>
          {tiers.map((t) => (
            <tr key={t.tier}>
              <th scope="row">{tierLabel(props.e, t.tier)}</th>
              <td class="num">{sig3(t.weightBytes / 1e9)} GB</td>
              <td class="num">{sig3(t.kvBytes / 1e9)} GB</td>
              <td class="num">{gbPerSec(t.bytesPerSecond / 1e9)}</td>
              <td class="num">{seconds(t.seconds)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">fixed cost (launches, sync, sampling)</th>
            <td />
            <td />
            <td />
            <td class="num">{seconds(d.t0Seconds)}</td>
          </tr>
          <tr class="total">
            <th scope="row">per token</th>
            <td class="num">{sig3(d.weightBytes / 1e9)} GB</td>
            <td class="num">{sig3(d.kvBytes / 1e9)} GB</td>
            <td />
            <td class="num">{seconds(d.secondsPerToken)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function Breakdown(props: {
  readonly e: DetailedEstimate;
  readonly calibrated?: DetailedEstimate | undefined;
}) {
  const { e, calibrated: c } = props;
  return (
    <details class="breakdown card">
      <summary>Where the time goes, and what the estimate rests on</summary>
      <div class="tier-tables">
        <TierTable e={e} caption="Per generated token, spec-sheet figures" />
        {c === undefined ? null : <TierTable e={c} caption="Per generated token, your measured figures" />}
      </div>
      <p class="basis" data-testid="basis">
        <strong>Basis:</strong> {e.basis}
      </p>
      {c === undefined ? null : (
        <p class="basis" data-testid="basis-calibrated">
          <strong>Calibrated basis:</strong> {c.basis}
        </p>
      )}
    </details>
  );
}
