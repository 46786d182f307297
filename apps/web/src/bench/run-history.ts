/**
 * @module bench/run-history — benchmark results kept in this browser (IndexedDB, via idb): the user's own runs
 * and result files imported from other machines, to compare locally. Every record is validated with core's
 * schema on the way in and on the way out; a store that cannot open (private mode) behaves as empty.
 */
import { type ResultDocument, ResultDocumentSchema } from '@cliffbench/core';
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

/** A result kept in the browser. */
export interface SavedResult {
  readonly id: number;
  readonly doc: ResultDocument;
  /** `run` here, or `import`ed from a file. */
  readonly origin: 'run' | 'import';
  /** The imported file's name. */
  readonly fileName?: string;
  /** When it was kept, ISO 8601. */
  readonly savedAt: string;
}

interface HistoryDb extends DBSchema {
  results: { key: number; value: Omit<SavedResult, 'id'> & { id?: number } };
}

const DB_NAME = 'cliffbench';
const VERSION = 2;
/** Oldest results are dropped past this many. */
const MAX_KEPT = 100;

let opening: Promise<IDBPDatabase<HistoryDb>> | undefined;
function db(): Promise<IDBPDatabase<HistoryDb>> {
  opening ??= openDB<HistoryDb>(DB_NAME, VERSION, {
    upgrade(d) {
      for (const name of [...d.objectStoreNames]) d.deleteObjectStore(name);
      d.createObjectStore('results', { keyPath: 'id', autoIncrement: true });
    },
  });
  return opening;
}

/** Keeps `doc`; resolves to its record. */
export async function saveResult(
  doc: ResultDocument,
  origin: SavedResult['origin'],
  fileName?: string,
): Promise<SavedResult | undefined> {
  try {
    const d = await db();
    const record = {
      doc,
      origin,
      savedAt: new Date().toISOString(),
      ...(fileName === undefined ? {} : { fileName }),
    };
    const id = await d.add('results', record);
    const keys = await d.getAllKeys('results');
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_KEPT))) await d.delete('results', old);
    return { ...record, id };
  } catch {
    return undefined;
  }
}

/** Replaces a kept result's document (e.g. when a RAM section is added to it). */
export async function updateResult(id: number, doc: ResultDocument): Promise<void> {
  try {
    const d = await db();
    const record = await d.get('results', id);
    if (record !== undefined) await d.put('results', { ...record, doc, id });
  } catch {
    // Not kept: the page still shows it.
  }
}

/** Every kept result that is still valid, newest first. */
export async function listResults(): Promise<SavedResult[]> {
  try {
    const rows = await (await db()).getAll('results');
    return rows
      .flatMap((r) => {
        const parsed = ResultDocumentSchema.safeParse(r.doc);
        return parsed.success && r.id !== undefined ? [{ ...r, id: r.id, doc: parsed.data }] : [];
      })
      .sort((a, b) => b.doc.createdAt.localeCompare(a.doc.createdAt));
  } catch {
    return [];
  }
}

export async function deleteResult(id: number): Promise<void> {
  try {
    await (await db()).delete('results', id);
  } catch {
    // Nothing kept, nothing to delete.
  }
}
