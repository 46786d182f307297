/**
 * @module inputs/use-file-drop — files dropped anywhere on the window while `host` is shown become the model
 * (a config.json, a .gguf, or every part of a split .gguf dropped together; window-level listeners, so the
 * whole page is the drop target); `dragging` drives the drop overlay.
 */
import { type Signal, useSignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { loadModelFiles } from './ModelFileInput.js';

const hasFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') === true;

/** Whether a file is being dragged over the window while `host` is visible. */
export function useFileDrop(host: RefObject<HTMLElement | null>): Signal<boolean> {
  const dragging = useSignal(false);
  useEffect(() => {
    const shown = () => host.current !== null && host.current.closest('[hidden]') === null;
    const over = (e: DragEvent) => {
      if (!hasFiles(e) || !shown()) return;
      e.preventDefault();
      dragging.value = true;
    };
    const leave = (e: DragEvent) => {
      // Leaving the window has no related target; moving between elements does.
      if (e.relatedTarget === null) dragging.value = false;
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !shown()) return;
      e.preventDefault();
      dragging.value = false;
      void loadModelFiles([...(e.dataTransfer?.files ?? [])]);
    };
    addEventListener('dragover', over);
    addEventListener('dragleave', leave);
    addEventListener('drop', drop);
    return () => {
      removeEventListener('dragover', over);
      removeEventListener('dragleave', leave);
      removeEventListener('drop', drop);
    };
  }, []);
  return dragging;
}
