/**
 * @module tune/CopyButton — copies a block of settings to the clipboard and says so for a moment.
 */
import { useSignal } from '@preact/signals';

/** How long "Copied" stays, ms. */
const CONFIRM_MS = 1500;

export interface CopyButtonProps {
  /** The text put on the clipboard. */
  readonly text: string;
  /** What is copied, for screen readers ("Copy llama-server command"). */
  readonly label: string;
}

export function CopyButton({ text, label }: CopyButtonProps) {
  const state = useSignal<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      state.value = 'copied';
    } catch {
      // Clipboard access needs a secure context and permission; the text stays selectable.
      state.value = 'failed';
    }
    setTimeout(() => {
      state.value = 'idle';
    }, CONFIRM_MS);
  };
  return (
    <button type="button" class="copy-button" aria-label={label} onClick={copy}>
      {state.value === 'copied' ? 'Copied' : state.value === 'failed' ? 'Select and copy' : 'Copy'}
    </button>
  );
}
