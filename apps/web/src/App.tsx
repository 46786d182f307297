/**
 * @module App — the page: Estimate (works without WebGPU) and Benchmark (loaded only when opened).
 * Tabs are links (#bench) so the view survives reloads and can be shared.
 */
import { useSignal } from '@preact/signals';
import { lazy, Suspense } from 'preact/compat';
import { useEffect } from 'preact/hooks';
import { EstimateView } from './estimate/EstimateView.js';

const BenchView = lazy(() => import('./bench/BenchView.js'));
const ComparePage = lazy(() => import('./compare/ComparePage.js'));

type View = 'estimate' | 'bench' | 'compare';
const viewOf = (hash: string): View =>
  hash.startsWith('#bench') ? 'bench' : hash.startsWith('#compare') ? 'compare' : 'estimate';

export function App() {
  const view = useSignal<View>(viewOf(location.hash));
  const theme = useSignal<'auto' | 'light' | 'dark'>(
    (localStorage.getItem('theme') as 'light' | 'dark' | null) ?? 'auto',
  );
  useEffect(() => {
    const onHash = () => (view.value = viewOf(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    if (theme.value === 'auto') {
      delete document.documentElement.dataset.theme;
      localStorage.removeItem('theme');
    } else {
      document.documentElement.dataset.theme = theme.value;
      localStorage.setItem('theme', theme.value);
    }
  }, [theme.value]);
  return (
    <>
      <header>
        <h1>cliffbench</h1>
        <p class="tagline">How fast will this LLM decode on my machine — and where is the VRAM cliff?</p>
        <nav aria-label="Views">
          <a
            href={`${location.search}#estimate`}
            aria-current={view.value === 'estimate' ? 'page' : undefined}
          >
            Estimate
          </a>
          <a href={`${location.search}#bench`} aria-current={view.value === 'bench' ? 'page' : undefined}>
            Benchmark
          </a>
          <a href={`${location.search}#compare`} aria-current={view.value === 'compare' ? 'page' : undefined}>
            Compare
          </a>
          <label class="theme">
            Theme
            <select
              value={theme.value}
              onChange={(e) => (theme.value = e.currentTarget.value as typeof theme.value)}
            >
              <option value="auto">system</option>
              <option value="light">light</option>
              <option value="dark">dark</option>
            </select>
          </label>
        </nav>
      </header>
      <main>
        {view.value === 'bench' ? (
          <Suspense fallback={<p>Loading the benchmark…</p>}>
            <BenchView />
          </Suspense>
        ) : null}
        {view.value === 'compare' ? (
          <Suspense fallback={<p>Loading…</p>}>
            <ComparePage initial={/^#compare=(.+)$/.exec(location.hash)?.[1]} />
          </Suspense>
        ) : null}
        <div hidden={view.value !== 'estimate'}>
          <EstimateView />
        </div>
      </main>
    </>
  );
}
