/**
 * @module compare/ComparePage — the Compare view: browse uploaded results, pick several, see them side by
 * side, and the device leaderboard. `initial` (from `#compare=<id>[,<id>…]`) preselects results.
 */
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import './compare.css';
import { fetchResult } from './api.js';
import { Leaderboard } from './Leaderboard.js';
import { ResultsBrowser } from './ResultsBrowser.js';
import { type Picked, SideBySide } from './SideBySide.js';

/** Results compared at once, at most. */
const MAX_PICKED = 6;

export default function ComparePage(props: { initial?: string | undefined }) {
  const picked = useSignal<Picked[]>([]);
  const error = useSignal<string | undefined>(undefined);

  const pick = async (id: string) => {
    if (picked.value.some((p) => p.id === id)) return;
    try {
      const doc = await fetchResult(id);
      picked.value = [...picked.value, { id, doc }].slice(-MAX_PICKED);
      error.value = undefined;
    } catch (e) {
      error.value = `Result ${id} could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  useEffect(() => {
    for (const id of (props.initial ?? '').split(',').filter(Boolean)) void pick(decodeURIComponent(id));
  }, [props.initial]);

  return (
    <div class="compare" data-testid="compare">
      <h2>Compare devices</h2>
      {error.value ? (
        <p role="alert" class="error">
          {error.value}
        </p>
      ) : null}
      {picked.value.length > 0 ? (
        <SideBySide
          picked={picked.value}
          onRemove={(id) => (picked.value = picked.value.filter((p) => p.id !== id))}
        />
      ) : (
        <p>Pick results below to compare them side by side.</p>
      )}
      <ResultsBrowser picked={picked.value.map((p) => p.id)} onPick={(id) => void pick(id)} />
      <Leaderboard />
    </div>
  );
}
