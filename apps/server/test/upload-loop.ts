/** Uploads distinct documents to a running server from a few concurrent clients, remembering what was acknowledged. */
import { isDeepStrictEqual } from 'node:util';
import { resultDocument } from './documents.js';

export interface UploadLoop {
  /** Result id → document number, for every upload answered 2xx so far. */
  readonly acknowledged: Map<string, number>;
  /** Stops the clients and waits for them; `failures` counts uploads whose connection died unanswered. */
  stop(): Promise<{ acknowledged: Map<string, number>; failures: number }>;
}

/** Starts `concurrency` clients uploading `resultDocument({ n })` for n = offset, offset + 1, … */
export function uploadLoop(base: string, offset: number, concurrency = 4): UploadLoop {
  const acknowledged = new Map<string, number>();
  let failures = 0;
  let running = true;
  let next = 0;
  const client = async () => {
    while (running) {
      const n = offset + next++;
      try {
        const res = await fetch(`${base}/api/results`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(resultDocument({ n })),
        });
        if (res.status >= 200 && res.status < 300) {
          acknowledged.set(((await res.json()) as { id: string }).id, n);
        }
      } catch {
        failures++; // the connection died with the process: not acknowledged, so no promise was made
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  };
  const clients = Array.from({ length: concurrency }, client);
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await Promise.all(clients);
      return { acknowledged, failures };
    },
  };
}

/** The acknowledged ids the server at `base` does not return with the document that was uploaded. */
export async function missingUploads(base: string, acknowledged: Map<string, number>): Promise<string[]> {
  const missing: string[] = [];
  for (const [id, n] of acknowledged) {
    const res = await fetch(`${base}/api/results/${id}`);
    const stored: unknown = res.status === 200 ? await res.json() : undefined;
    if (!isDeepStrictEqual(stored, resultDocument({ n }))) missing.push(id);
  }
  return missing;
}
