/**
 * @module app — the HTTP API and the static web app, as a Hono app that tests call with `app.request()`.
 * Every error is `{ error: { code, message, details? } }` with a 4xx status; user text only ever leaves as JSON.
 */
import { ResultDocumentSchema } from '@cliffbench/core';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { implausibilities } from './plausibility.js';
import { createRateLimiter, type RateLimitOptions } from './rate-limit.js';
import type { ResultsStore } from './results-store.js';

/** A full benchmark run's document is ~10–200 KB; 1 MiB leaves a wide margin. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  readonly store: ResultsStore;
  /** Client key for rate limiting (the peer address); used in memory only, never stored. */
  readonly clientKey?: (c: Context) => string;
  readonly rateLimit?: RateLimitOptions;
  /** Serves the built web app (mounted by main.ts). */
  readonly mountStatic?: (app: Hono) => void;
}

const fail = (status: ContentfulStatusCode, code: string, message: string, details?: unknown) =>
  Response.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status });

export function createApp(options: AppOptions): Hono {
  const { store } = options;
  const app = new Hono();
  const limiter = createRateLimiter(options.rateLimit);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'no-referrer',
    }),
  );
  app.use('/api/*', async (c, next) => {
    const key = options.clientKey?.(c) ?? 'local';
    const wait = limiter.take(key, c.req.method === 'GET' ? 1 : 5);
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait)));
      return fail(429, 'rate-limited', `Too many requests; try again in ${Math.ceil(wait)} s.`);
    }
    return next();
  });

  app.get('/healthz', async (c) => c.json({ ok: true, results: await store.count() }));

  app.post(
    '/api/results',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () =>
        fail(413, 'too-large', `The document is larger than ${MAX_BODY_BYTES} bytes, the most accepted.`),
    }),
    async (c) => {
      let json: unknown;
      try {
        json = JSON.parse(await c.req.text());
      } catch {
        return fail(400, 'malformed-json', 'The body is not valid JSON; send a cliffbench result document.');
      }
      const parsed = ResultDocumentSchema.safeParse(json);
      if (!parsed.success) {
        const details = parsed.error.issues
          .slice(0, 20)
          .map((i) => ({ path: i.path.join('.'), message: i.message }));
        const first = details[0];
        return fail(
          422,
          'invalid-document',
          `Not a valid result document: ${first?.path || '(root)'}: ${first?.message}.`,
          details,
        );
      }
      const problems = implausibilities(parsed.data);
      if (problems.length > 0)
        return fail(422, 'implausible', `Implausible figures: ${problems[0]}.`, problems);
      const put = await store.put(parsed.data);
      const body = {
        id: put.id,
        url: `/api/results/${put.id}`,
        ...(put.deleteToken ? { deleteToken: put.deleteToken } : {}),
      };
      return c.json(body, put.created ? 201 : 200);
    },
  );

  app.get('/api/results/:id', async (c) => {
    const doc = await store.get(c.req.param('id'));
    return doc ? c.json(doc) : fail(404, 'not-found', 'No result with this id.');
  });

  app.get('/api/results', async (c) => {
    const limit = Number(c.req.query('limit') ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      return fail(400, 'invalid-query', 'limit must be an integer from 1 to 100.');
    const q = (k: string) => c.req.query(k)?.slice(0, 200) || undefined;
    const cursor = q('cursor');
    const device = q('device');
    const vendor = q('vendor');
    const browser = q('browser');
    return c.json(
      await store.list({
        limit,
        ...(cursor ? { cursor } : {}),
        ...(device ? { device } : {}),
        ...(vendor ? { vendor } : {}),
        ...(browser ? { browser } : {}),
      }),
    );
  });

  app.delete('/api/results/:id', async (c) => {
    const token = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) return fail(401, 'no-token', 'Send the delete token as "Authorization: Bearer <token>".');
    const outcome = await store.delete(c.req.param('id'), token);
    if (outcome === 'missing') return fail(404, 'not-found', 'No result with this id.');
    if (outcome === 'forbidden')
      return fail(403, 'wrong-token', 'The delete token does not match this result.');
    return c.body(null, 204);
  });

  app.get('/api/devices', async (c) => c.json({ devices: await store.devices() }));
  app.all('/api/*', () => fail(404, 'not-found', 'No such API route.'));
  options.mountStatic?.(app);
  return app;
}
