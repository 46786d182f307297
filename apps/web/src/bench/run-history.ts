/** @module bench/run-history — past benchmark runs kept in this browser (IndexedDB), validated on read. */
import { type ResultDocument, ResultDocumentSchema } from '@cliffbench/core';
import { openDB } from 'idb';

const db = () =>
  openDB('cliffbench', 1, {
    upgrade(d) {
      d.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
    },
  });

export async function saveRun(doc: ResultDocument): Promise<void> {
  await (await db()).add('runs', { doc });
}

export async function listRuns(): Promise<{ id: number; doc: ResultDocument }[]> {
  try {
    const rows = (await (await db()).getAll('runs')) as { id: number; doc: unknown }[];
    return rows.flatMap((r) => {
      const parsed = ResultDocumentSchema.safeParse(r.doc);
      return parsed.success ? [{ id: r.id, doc: parsed.data }] : [];
    });
  } catch {
    return [];
  }
}
