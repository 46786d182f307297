/**
 * @module compare/ComparePage — the Compare view: browse uploaded results, pick several, see them side by
 * side, and the device leaderboard. The picked ids and the list's filters live in the URL's hash
 * (compare-url.ts), so a comparison is a link: opening it fetches the picked results by id; picking and
 * removing add history entries (Back undoes them), filter changes replace the current one. App's `initial`
 * prop (the text after `#compare=`) is not needed: the view reads the whole hash itself.
 */
import { useSignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import './compare.css';
import { ApiRequestError, fetchResult, isAbort } from './api.js';
import {
  type BrowseFilters,
  type CompareSelection,
  EMPTY_SELECTION,
  isCompareHash,
  MAX_PICKED,
  type Rejected,
  selectionFromUrl,
  urlOfSelection,
} from './compare-url.js';
import { Leaderboard } from './Leaderboard.js';
import { ResultsBrowser } from './ResultsBrowser.js';
import { type Picked, SideBySide } from './SideBySide.js';
import { SpeedLeaderboard } from './SpeedLeaderboard.js';

/** A picked id's document, or why it could not be had. */
type Loaded = { readonly doc: Picked['doc'] } | { readonly error: string };

/** What the user reads when a picked result cannot be shown. */
function loadError(id: string, e: unknown): string {
  if (e instanceof ApiRequestError && e.status === 404) {
    return `No result with id ${id}: it was deleted, or the link is mistyped.`;
  }
  if (e instanceof Error && e.name === 'ZodError') {
    return `Result ${id} is not a result document this page can read.`;
  }
  return `Result ${id} could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
}

/** The full address of a comparison, for sharing (the estimate inputs in the query are left out). */
const linkOf = (s: CompareSelection) => `${location.origin}${location.pathname}${urlOfSelection(s)}`;

function CopyLink(props: { link: string }) {
  const status = useSignal('');
  const field = useRef<HTMLInputElement>(null);
  // A new link has not been copied yet.
  useEffect(() => {
    status.value = '';
  }, [props.link]);
  const copy = async () => {
    try {
      const clipboard = navigator.clipboard as Clipboard | undefined;
      if (!clipboard?.writeText) throw new Error('no clipboard');
      await clipboard.writeText(props.link);
      status.value = 'Link copied';
    } catch {
      // No clipboard (an insecure page, an old browser) or permission refused: select the link to copy by hand.
      field.current?.focus();
      field.current?.select();
      status.value =
        'Copying is not available here: the link is selected, copy it with Ctrl+C (⌘C on a Mac).';
    }
  };
  return (
    <div class="share-link">
      <label>
        Link to this comparison
        <input
          ref={field}
          type="text"
          readOnly
          value={props.link}
          onFocus={(e) => e.currentTarget.select()}
          data-testid="compare-link"
        />
      </label>
      <button type="button" onClick={() => void copy()} data-testid="copy-link">
        Copy link
      </button>
      <span role="status" class="note" data-testid="copy-status">
        {status.value}
      </span>
    </div>
  );
}

export default function ComparePage(_props: { initial?: string | undefined }) {
  const [opened] = useState(() => selectionFromUrl(location.hash));
  const selection = useSignal<CompareSelection>(opened ?? EMPTY_SELECTION);
  /** What the opened link held that is not a result id (cleared once the user changes the selection). */
  const rejected = useSignal<readonly Rejected[]>(opened?.rejected ?? []);
  const loaded = useSignal<ReadonlyMap<string, Loaded>>(new Map());

  /** Shows `next` and writes it to the URL: a new history entry (`push`) or in place of this one. */
  const commit = (next: CompareSelection, mode: 'push' | 'replace') => {
    selection.value = next;
    if (!isCompareHash(location.hash)) return;
    const hash = urlOfSelection(next);
    if (hash === location.hash) return;
    if (mode === 'push') history.pushState(null, '', hash);
    else history.replaceState(history.state, '', hash);
  };

  // URL → view: Back, Forward and links. The bare `#compare` of the navigation keeps what is shown.
  useEffect(() => {
    const onNavigate = () => {
      if (!isCompareHash(location.hash)) return; // another view: this one keeps its state, hidden
      const parsed = selectionFromUrl(location.hash);
      if (parsed) {
        selection.value = { ids: parsed.ids, filters: parsed.filters };
        rejected.value = parsed.rejected;
      }
      commit(selection.value, 'replace'); // the canonical form, without what was rejected
    };
    onNavigate();
    addEventListener('popstate', onNavigate);
    addEventListener('hashchange', onNavigate);
    return () => {
      removeEventListener('popstate', onNavigate);
      removeEventListener('hashchange', onNavigate);
    };
  }, []);

  // Fetch the picked results not fetched yet; a change of selection aborts what the previous one asked for.
  const ids = selection.value.ids;
  useEffect(() => {
    const request = new AbortController();
    const store = (id: string, entry: Loaded) => {
      if (!request.signal.aborted) loaded.value = new Map(loaded.value).set(id, entry);
    };
    for (const id of ids) {
      if (loaded.value.has(id)) continue;
      fetchResult(id, { signal: request.signal }).then(
        (doc) => store(id, { doc }),
        (e: unknown) => {
          if (!isAbort(e)) store(id, { error: loadError(id, e) });
        },
      );
    }
    return () => request.abort();
  }, [ids.join(',')]);

  const pick = (id: string) => {
    if (ids.includes(id)) return;
    rejected.value = [];
    commit({ ...selection.value, ids: [...ids, id].slice(-MAX_PICKED) }, 'push');
  };
  const remove = (id: string) => {
    rejected.value = [];
    commit({ ...selection.value, ids: ids.filter((x) => x !== id) }, 'push');
  };
  const setFilters = (filters: BrowseFilters) => commit({ ...selection.value, filters }, 'replace');

  const picked: Picked[] = [];
  const failed: { id: string; error: string }[] = [];
  let pending = 0;
  for (const id of ids) {
    const entry = loaded.value.get(id);
    if (entry === undefined) pending += 1;
    else if ('doc' in entry) picked.push({ id, doc: entry.doc });
    else failed.push({ id, error: entry.error });
  }

  return (
    <div class="compare" data-testid="compare">
      <h2>Compare devices</h2>
      <CopyLink link={linkOf(selection.value)} />
      {rejected.value.length > 0 || failed.length > 0 ? (
        <div role="alert" class="error" data-testid="compare-errors">
          <ul>
            {rejected.value.length > 0 ? (
              <li>
                Left out of this link:{' '}
                {rejected.value.map((r, i) => (
                  <span key={`${i}-${r.value}`}>
                    {i > 0 ? '; ' : ''}“{r.value}” ({r.reason})
                  </span>
                ))}
                .
              </li>
            ) : null}
            {failed.map((f) => (
              <li key={f.id}>
                {f.error}{' '}
                <button type="button" class="link" onClick={() => remove(f.id)}>
                  remove
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {pending > 0 ? (
        <p role="status">
          Loading {pending} result{pending === 1 ? '' : 's'}…
        </p>
      ) : null}
      {picked.length > 0 ? (
        <SideBySide picked={picked} onRemove={remove} />
      ) : pending === 0 ? (
        <p>Pick results below to compare them side by side.</p>
      ) : null}
      <ResultsBrowser picked={ids} onPick={pick} filters={selection.value.filters} onFilters={setFilters} />
      <Leaderboard />
      <SpeedLeaderboard />
    </div>
  );
}
