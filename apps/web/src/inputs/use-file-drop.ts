/**
 * @module inputs/use-file-drop — a file dropped anywhere on the window while `host` is shown becomes the model
 * (window-level listeners, so the whole page is the drop target); `dragging` drives the drop overlay.
 */
import { type Signal, useSignal } from '@preact/signals';
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import { loadModelFile } from './ModelFileInput.js';

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
      const file = e.dataTransfer?.files[0];
      if (file !== undefined) void loadModelFile(file);
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
