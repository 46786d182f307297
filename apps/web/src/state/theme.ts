/**
 * @module state/theme — light, dark or the system's choice; the choice is kept in localStorage, the theme in
 * effect (the system's resolved through `prefers-color-scheme`) is set as `data-theme` on <html>, which is all
 * the stylesheet keys on, and `themeVersion` ticks whenever the colours in effect change (canvas charts read
 * their colours from CSS custom properties and redraw then).
 */
import { effect, signal } from '@preact/signals';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

const KEY = 'cliffbench-theme';

function stored(): ThemeChoice {
  try {
    const v = globalThis.localStorage?.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : 'system';
  } catch {
    return 'system';
  }
}

export const theme = signal<ThemeChoice>(stored());
/** Increments when the effective colours change. */
export const themeVersion = signal(0);

if (globalThis.document !== undefined) {
  const systemDark = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  const apply = (choice: ThemeChoice): void => {
    const system = systemDark?.matches === true ? 'dark' : 'light';
    document.documentElement.dataset.theme = choice === 'system' ? system : choice;
    themeVersion.value = themeVersion.peek() + 1;
  };
  effect(() => {
    const choice = theme.value;
    apply(choice);
    try {
      if (choice === 'system') localStorage.removeItem(KEY);
      else localStorage.setItem(KEY, choice);
    } catch {
      // Storage disabled (private mode): the choice lasts for this page only.
    }
  });
  systemDark?.addEventListener('change', () => {
    if (theme.peek() === 'system') apply('system');
  });
}

/** The value of a CSS custom property on <html>, e.g. `cssColor('--accent')`. */
export function cssColor(name: string, fallback = '#888'): string {
  if (globalThis.document === undefined) return fallback;
  const v = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return v === '' ? fallback : v;
}
