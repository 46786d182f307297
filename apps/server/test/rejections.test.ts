/** Every way an upload or request is refused, with the status and error code each gets, on both databases. */
import type { ResultDocument } from '@cliffbench/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Db } from '../src/db/db.js';
import { MAX_UPLOAD_BYTES } from '../src/routes/results-routes.js';
import {
  type Backend,
  backends,
  type ErrorBody,
  openedBackend,
  post,
  storedRows,
  testApp,
} from './backends.js';
import { ramSection, resultDocument } from './documents.js';

const rtx3060 = { deviceId: 'geforce-rtx-3060-12gb', name: 'RTX 3060' };
/** A unified-memory device: its RAM figures are held to its memory bandwidth (68.25 GB/s). */
const appleM1 = { deviceId: 'apple-m1-8c-16gb', name: 'MacBook Air' };

/** A copy of the document with its first GEMV measurement changed. */
function withMeasurement(
  doc: ResultDocument,
  patch: Partial<ResultDocument['measurements'][number]>,
): ResultDocument {
  const [first, ...rest] = doc.measurements;
  return {
    ...doc,
    measurements: [{ ...(first as ResultDocument['measurements'][number]), ...patch }, ...rest],
  };
}

/** Documents that are valid JSON and schema-valid but implausible, with the path the error must name. */
const implausible: readonly { what: string; doc: () => unknown; path: string }[] = [
  {
    what: 'a median that is not the median of its samples',
    doc: () => {
      const m = resultDocument().measurements[0];
      if (!m) throw new Error('no measurement');
      return withMeasurement(resultDocument(), {
        medianSeconds: m.medianSeconds * 2,
        bandwidthGBs: m.bandwidthGBs / 2,
      });
    },
    path: 'measurements.0.medianSeconds',
  },
  {
    what: 'a bandwidth that is not bytes ÷ median',
    doc: () =>
      withMeasurement(resultDocument(), {
        bandwidthGBs: (resultDocument().measurements[0]?.bandwidthGBs ?? 1) * 1.01,
      }),
    path: 'measurements.0.bandwidthGBs',
  },
  {
    what: 'a fitted bandwidth far above the claimed device spec',
    doc: () => ({
      ...resultDocument({ claimedDevice: rtx3060 }),
      fits: [{ format: 'q4_0', bandwidthGBs: 5000, launchSeconds: 1e-5, r2: 0.99, points: 3 }],
    }),
    path: 'fits.0.bandwidthGBs',
  },
  {
    what: 'a measured memory bandwidth far above the claimed device spec',
    doc: () => resultDocument({ claimedDevice: rtx3060, bandwidthGBs: 3000 }),
    path: 'fits.0.bandwidthGBs',
  },
  {
    what: 'a bandwidth beyond any memory in the catalog, with no device claimed',
    doc: () => resultDocument({ bandwidthGBs: 20_000 }),
    path: 'fits.0.bandwidthGBs',
  },
  {
    what: 'a sweep bandwidth that is not working set ÷ median',
    doc: () => {
      const doc = resultDocument();
      const [first, ...rest] = doc.sweep;
      return { ...doc, sweep: [{ ...first, bandwidthGBs: (first?.bandwidthGBs ?? 1) * 2 }, ...rest] };
    },
    path: 'sweep.0.bandwidthGBs',
  },
  {
    what: 'an upload bandwidth that is not bytes ÷ median',
    doc: () => {
      const doc = resultDocument({ uploadGBs: 12 });
      return { ...doc, upload: { ...doc.upload, bandwidthGBs: 24 } };
    },
    path: 'upload.bandwidthGBs',
  },
  {
    what: "an upload faster than the claimed card's PCIe link",
    doc: () => resultDocument({ claimedDevice: rtx3060, uploadGBs: 100 }),
    path: 'upload.bandwidthGBs',
  },
  {
    what: 'a fit over more sizes than were measured',
    doc: () => {
      const doc = resultDocument();
      return { ...doc, fits: doc.fits.map((f) => ({ ...f, points: 9 })) };
    },
    path: 'fits.0.points',
  },
  {
    what: 'a RAM round whose bytes are not threads × bytes per worker × repetitions',
    doc: () => {
      const ram = ramSection(50);
      const [first, ...rest] = ram.threadSweep;
      const bytesPerRound = (first?.bytesPerRound ?? 0) * 2;
      const forged = {
        ...first,
        bytesPerRound,
        bandwidthGBs: bytesPerRound / (first?.medianSeconds ?? 1) / 1e9,
      };
      return resultDocument({ ram: { ...ram, threadSweep: [forged, ...rest] } as typeof ram });
    },
    path: 'ram.threadSweep.0.bytesPerRound',
  },
  {
    what: 'a RAM median that is not the median of its samples',
    doc: () => {
      const ram = ramSection(50);
      const [first, ...rest] = ram.threadSweep;
      const forged = { ...first, samplesSeconds: first?.samplesSeconds.map((s: number) => s * 3) };
      return resultDocument({ ram: { ...ram, threadSweep: [forged, ...rest] } as typeof ram });
    },
    path: 'ram.threadSweep.0.medianSeconds',
  },
  {
    what: 'a best RAM read that is not the fastest read measured',
    doc: () => {
      const ram = ramSection(50);
      return resultDocument({ ram: { ...ram, bestReadGBs: ram.bestReadGBs * 2 } });
    },
    path: 'ram.bestReadGBs',
  },
  {
    what: "RAM reads faster than the claimed unified-memory device's memory",
    doc: () => resultDocument({ bandwidthGBs: 60, claimedDevice: appleM1, ram: ramSection(200) }),
    path: 'ram.threadSweep.2.bandwidthGBs',
  },
  {
    what: 'an unknown catalog device id',
    doc: () => resultDocument({ claimedDevice: { deviceId: 'no-such-gpu', name: 'x' } }),
    path: 'claimedDevice.deviceId',
  },
  {
    what: 'a NUL character in a device name',
    doc: () => resultDocument({ claimedDevice: { name: 'evil\u0000gpu' } }),
    path: 'claimedDevice.name',
  },
  {
    what: 'an unpaired surrogate in text',
    doc: () => ({ ...resultDocument(), features: ['ok', 'bad\ud800'] }),
    path: 'features.1',
  },
];

/** Schema violations with the path the error must name. */
const invalid: readonly { what: string; doc: () => unknown; path: string }[] = [
  {
    what: 'a wrong schema version',
    doc: () => ({ ...resultDocument(), schemaVersion: 99 }),
    path: 'schemaVersion',
  },
  { what: 'a missing field', doc: () => ({ ...resultDocument(), adapter: undefined }), path: 'adapter' },
  { what: 'an unknown field', doc: () => ({ ...resultDocument(), extra: 1 }), path: '(root)' },
  {
    what: 'a negative time',
    doc: () => withMeasurement(resultDocument(), { medianSeconds: -1 }),
    path: 'measurements.0.medianSeconds',
  },
  {
    what: 'a number too large to be finite',
    doc: () => JSON.stringify(resultDocument()).replace('"durationSeconds":12', '"durationSeconds":1e999'),
    path: 'durationSeconds',
  },
  {
    what: 'an over-long device name',
    doc: () => resultDocument({ claimedDevice: { name: 'x'.repeat(201) } }),
    path: 'claimedDevice.name',
  },
  { what: 'no measurements', doc: () => ({ ...resultDocument(), measurements: [] }), path: 'measurements' },
  { what: 'an array instead of a document', doc: () => [resultDocument()], path: '(root)' },
];

describe.each(backends)('refusals on $name', (backend: Backend) => {
  const t = openedBackend(backend);
  const count = () => storedRows(t.db);

  it.each(['', '{', '{"schemaVersion": 1,', 'nul', "{'single': 1}", '\u00ff\u00fe'])(
    'refuses malformed JSON %j with 400',
    async (body) => {
      const res = await post(t.app, body || ' ');
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.code).toBe('malformed-json');
    },
  );

  it.each(invalid)('refuses $what with 422 naming the path', async ({ doc, path }) => {
    const res = await post(t.app, doc());
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('invalid-document');
    expect(error.details?.map((d) => d.path)).toContain(path);
    expect(error.message).toContain(error.details?.[0]?.path);
  });

  it.each(implausible)('refuses $what with 422 naming the path', async ({ doc, path }) => {
    const res = await post(t.app, doc());
    expect(res.status).toBe(422);
    const { error } = (await res.json()) as ErrorBody;
    expect(error.code).toBe('implausible');
    expect(error.details?.map((d) => d.path)).toContain(path);
  });

  it('refuses a body whose declared length is over the limit before reading it', async () => {
    const res = await t.app.request('/api/results', {
      method: 'POST',
      body: 'x'.repeat(MAX_UPLOAD_BYTES + 1),
      headers: { 'content-type': 'application/json', 'content-length': String(MAX_UPLOAD_BYTES + 1) },
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as ErrorBody).error.code).toBe('too-large');
  });

  it('stops reading a streamed body as soon as it passes the limit', async () => {
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await t.app.request('/api/results', {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'application/json' },
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(MAX_UPLOAD_BYTES + 4 * chunk.byteLength);
  });

  it('accepts figures up to 1.5× the claimed device and a RAM section within its limits', async () => {
    const fast = resultDocument({
      n: 9,
      bandwidthGBs: 360 * 1.45,
      claimedDevice: rtx3060,
      uploadGBs: 25,
      ram: ramSection(60),
    });
    expect((await post(t.app, fast)).status).toBe(201);
    const mac = resultDocument({ n: 10, claimedDevice: appleM1, bandwidthGBs: 60, ram: ramSection(60) });
    expect((await post(t.app, mac)).status).toBe(201);
  });

  it('accepts a full-size run well inside the limit', async () => {
    const doc = resultDocument({ n: 7 });
    const base = doc.measurements[1];
    if (!base) throw new Error('no measurement');
    const many = {
      ...doc,
      measurements: Array.from({ length: 300 }, (_, i) => ({ ...base, label: `gemv ${i}` })),
    };
    expect(JSON.stringify(many).length).toBeLessThan(MAX_UPLOAD_BYTES / 4);
    expect((await post(t.app, many)).status).toBe(201);
  });

  it('answers unknown results and routes with 404 JSON', async () => {
    for (const path of ['/api/results/AAAAAAAAAAAAAAAA', '/api/results/%3Cscript%3E', '/api/nothing']) {
      const res = await t.app.request(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as ErrorBody).error.code).toBe('not-found');
    }
  });

  it('writes nothing for any refused upload', async () => {
    const before = await count();
    for (const { doc } of [...invalid, ...implausible]) await post(t.app, doc());
    expect(await count()).toBe(before);
  });
});

describe('rate limiting and headers', () => {
  let db: Db;
  beforeAll(async () => {
    db = await backends[0]!.open();
  });
  afterAll(async () => db.close());

  it('answers 429 with Retry-After once a client spends its bucket, and keeps other clients apart', async () => {
    const app = createApp({
      db,
      rateLimit: { burst: 3, perSecond: 0.5 },
      clientKey: (c) => c.req.header('x-test-client') ?? '',
    });
    const get = (client: string) => app.request('/api/devices', { headers: { 'x-test-client': client } });
    for (let i = 0; i < 3; i++) expect((await get('a')).status).toBe(200);
    const limited = await get('a');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(2);
    expect(((await limited.json()) as ErrorBody).error.code).toBe('rate-limited');
    expect((await get('b')).status).toBe(200);
  });

  it('sends the content security policy and hardening headers on every response', async () => {
    const app = testApp(db);
    for (const path of ['/api/devices', '/api/results/AAAAAAAAAAAAAAAA', '/healthz']) {
      const h = (await app.request(path)).headers;
      const csp = h.get('content-security-policy') ?? '';
      for (const directive of [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "worker-src 'self' blob:",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "connect-src 'self' https://huggingface.co https://*.huggingface.co https://*.hf.co",
        "frame-ancestors 'none'",
      ]) {
        expect(csp, path).toContain(directive);
      }
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('referrer-policy')).toBe('no-referrer');
      // Cross-origin isolation, so the RAM benchmark may use SharedArrayBuffer.
      expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(h.get('cross-origin-embedder-policy')).toBe('require-corp');
    }
  });
});
