/**
 * @module inputs/DeviceCombobox — device search as you type, as an ARIA 1.2 combobox: the text box filters
 * core's catalog (`searchDevices`), arrow keys move through the list, Enter picks, Escape restores; leaving the
 * box with a new query picks its best match. Each option shows memory and bandwidth, so similar cards differ.
 */
import { type Device, findDevice, searchDevices } from '@cliffbench/core';
import { useSignal } from '@preact/signals';
import { useRef } from 'preact/hooks';
import { sig3 } from '../format.js';

export interface DeviceComboboxProps {
  /** The element id (the label's `for`). */
  readonly id: string;
  /** Current device: an id or a name core resolves. */
  readonly value: string;
  /** Called with the chosen device. */
  readonly onPick: (device: Device) => void;
  /** Visible results. @default 12 */
  readonly limit?: number;
  readonly describedBy?: string;
}

/** The device `value` names, if it names exactly one. */
export function deviceOf(value: string): Device | undefined {
  try {
    return findDevice(value);
  } catch {
    return undefined;
  }
}

export function deviceDetail(d: Device): string {
  const memory =
    d.memoryGB === undefined ? 'no VRAM' : `${d.memoryGB} GB${d.kind === 'unified' ? ' unified' : ''}`;
  return `${memory} · ${sig3(d.bandwidthGBs)} GB/s`;
}

export function DeviceCombobox({ id, value, onPick, limit = 12, describedBy }: DeviceComboboxProps) {
  const current = deviceOf(value);
  const shown = current?.name ?? value;
  const query = useSignal<string | undefined>(undefined);
  const open = useSignal(false);
  const active = useSignal(0);
  const input = useRef<HTMLInputElement>(null);
  const text = query.value ?? shown;
  const results = open.value ? searchDevices(text, limit) : [];
  const listId = `${id}-list`;

  const pick = (d: Device | undefined) => {
    query.value = undefined;
    open.value = false;
    if (d !== undefined && d.id !== current?.id) onPick(d);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open.value) {
        open.value = true;
        active.value = 0;
        return;
      }
      const n = results.length;
      if (n > 0) active.value = (active.value + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
    } else if (e.key === 'Enter') {
      if (open.value && results.length > 0) {
        e.preventDefault();
        pick(results[active.value] ?? results[0]);
      }
    } else if (e.key === 'Escape') {
      if (open.value || query.value !== undefined) e.preventDefault();
      query.value = undefined;
      open.value = false;
    }
  };
  const onBlur = () => {
    // A query typed and left: take its best match, or go back to the current device.
    const typed = query.value;
    if (typed !== undefined && typed.trim() !== '' && typed !== shown) pick(searchDevices(typed, 1)[0]);
    else pick(undefined);
  };

  return (
    <div class="combobox">
      <input
        ref={input}
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open.value && results.length > 0}
        aria-controls={listId}
        aria-activedescendant={open.value && results.length > 0 ? `${listId}-${active.value}` : undefined}
        aria-describedby={describedBy}
        value={text}
        onFocus={(e) => e.currentTarget.select()}
        onInput={(e) => {
          query.value = e.currentTarget.value;
          open.value = true;
          active.value = 0;
        }}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
      <div
        id={listId}
        role="listbox"
        aria-label="Matching devices"
        hidden={!open.value || results.length === 0}
      >
        {results.map((d, i) => (
          <div
            key={d.id}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === active.value}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(d);
              input.current?.blur();
            }}
          >
            <span>{d.name}</span> <small>{deviceDetail(d)}</small>
          </div>
        ))}
      </div>
    </div>
  );
}
