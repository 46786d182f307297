/**
 * @module App — the page shell: header, the three views as hash links (`#estimate`, `#bench`, `#compare`) so a
 * view survives reloads and can be shared, and the theme choice. The Benchmark and Compare views load on
 * first visit and stay mounted, so a running benchmark continues while the user reads the estimates it is
 * calibrating.
 */
import { useSignal } from '@preact/signals';
import { lazy, Suspense } from 'preact/compat';
import { useEffect } from 'preact/hooks';
import { EstimateView } from './estimate/EstimateView.js';
import { THEME_CHOICES, theme } from './state/theme.js';

const BenchView = lazy(() => import('./bench/BenchView.js'));
const ComparePage = lazy(() => import('./compare/index.js'));

type View = 'estimate' | 'bench' | 'compare';

const viewOf = (hash: string): View =>
  hash.startsWith('#bench') ? 'bench' : hash.startsWith('#compare') ? 'compare' : 'estimate';

const VIEWS: readonly { readonly id: View; readonly label: string }[] = [
  { id: 'estimate', label: 'Estimate' },
  { id: 'bench', label: 'Benchmark' },
  { id: 'compare', label: 'Compare' },
];

function ThemePicker() {
  return (
    <fieldset class="theme-picker">
      <legend class="visually-hidden">Theme</legend>
      {THEME_CHOICES.map((t) => (
        <label key={t}>
          <input
            type="radio"
            name="theme"
            value={t}
            checked={theme.value === t}
            onChange={() => {
              theme.value = t;
            }}
          />
          <span class="theme-label">{t}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function App() {
  const view = useSignal<View>(viewOf(location.hash));
  const visited = useSignal<ReadonlySet<View>>(new Set([view.value]));
  const compareIds = useSignal(/^#compare=(.+)$/.exec(location.hash)?.[1]);
  useEffect(() => {
    const onHash = () => {
      view.value = viewOf(location.hash);
      visited.value = new Set([...visited.value, view.value]);
      const ids = /^#compare=(.+)$/.exec(location.hash)?.[1];
      if (ids !== undefined) compareIds.value = ids;
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site">
        <div class="brand">
          <img class="logo" src="/favicon.svg" alt="" width="32" height="32" />
          <div>
            <p class="name">cliffbench</p>
            <p class="tagline">
              How fast will this LLM decode on my machine, and where does it fall off the VRAM cliff?
            </p>
          </div>
        </div>
        <nav aria-label="Views">
          {VIEWS.map((v) => (
            <a key={v.id} href={`#${v.id}`} aria-current={view.value === v.id ? 'page' : undefined}>
              {v.label}
            </a>
          ))}
        </nav>
        <ThemePicker />
      </header>
      <main id="main" tabindex={-1}>
        <div hidden={view.value !== 'estimate'}>
          <EstimateView />
        </div>
        {visited.value.has('bench') ? (
          <div hidden={view.value !== 'bench'}>
            <Suspense fallback={<p class="card">Loading the benchmark…</p>}>
              <BenchView />
            </Suspense>
          </div>
        ) : null}
        {visited.value.has('compare') ? (
          <div hidden={view.value !== 'compare'}>
            <Suspense fallback={<p class="card">Loading comparisons…</p>}>
              <ComparePage initial={compareIds.value} />
            </Suspense>
          </div>
        ) : null}
      </main>
      <footer class="site">
        Estimates come from an analytic model of llama.cpp (weights tensor by tensor, KV cache, placement,
        bandwidth per memory tier) with bands from published measurements; the Benchmark tab measures your own
        GPU. Nothing you pick or drop leaves this browser unless you upload a benchmark result.
      </footer>
    </>
  );
}
