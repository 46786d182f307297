/**
 * @module routes/results-routes — upload, fetch, list and delete result documents.
 *
 * POST /api/results: 201 `{ id, url, deleteToken }`; an identical document already stored: 200 `{ id, url }`.
 * Refusals: 415 a body not sent as application/json (a CORS-simple type any page could send), 400 malformed
 * JSON, 413 too large, 422 schema violations or implausible figures. DELETE reads no body and needs an
 * Authorization header, which no cross-origin page can send without a CORS preflight (and none is allowed).
 *
 * GET /api/results?browser= matches core's `browserName` of the value against the stored browser (core's
 * `resultBrowser`: the name without version), case-insensitively: `Chrome` and `chrome 138` find Chrome runs.
 */
import { randomBytes } from 'node:crypto';
import { browserName, RESULT_SCHEMA_VERSION, ResultDocumentSchema } from '@cliffbench/core';
import { type Context, Hono } from 'hono';
import { canonicalJson, sha256Hex } from '../canonical-json.js';
import { type Cursor, decodeCursor, SORT_KEYS, type SortKey } from '../cursor.js';
import { ApiError } from '../http/api-error.js';
import { readJsonBody } from '../http/read-json.js';
import { documentLlamaRunRows } from '../llama-run-rows.js';
import { implausibilities } from '../plausibility.js';
import { resultFacts } from '../result-facts.js';
import { RESULT_ID_PATTERN, type ResultsRepository } from '../results-repository.js';

/**
 * Largest accepted upload, bytes. A full run's document is ~50–150 KB (hundreds of measurements with tens
 * of samples each); 2 MiB leaves a wide margin. A document at every schema maximum (500 measurements × 1000
 * samples) would be ~10 MB and is refused: no real run comes near it.
 */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** Most summaries per page. */
const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;
/** Query-string filters are cut to this many characters. */
const MAX_FILTER_CHARS = 200;

const notFound = () => new ApiError(404, 'not-found', 'No result with this id.');

function parseDocument(json: unknown) {
  const parsed = ResultDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.slice(0, 20).map((issue) => ({
      path: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    }));
    const first = details[0];
    throw new ApiError(
      422,
      'invalid-document',
      `Not a cliffbench result document (schemaVersion 1 to ${RESULT_SCHEMA_VERSION}): ${first?.path}: ${first?.message}.`,
      details,
    );
  }
  const problems = implausibilities(parsed.data);
  const first = problems[0];
  if (first) {
    throw new ApiError(422, 'implausible', `Implausible figures: ${first.path}: ${first.message}.`, problems);
  }
  return parsed.data;
}

function listQuery(query: (key: string) => string | undefined) {
  const limitText = query('limit');
  const limit = limitText === undefined ? DEFAULT_PAGE_SIZE : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ApiError(400, 'invalid-query', `limit must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  const sort = (query('sort') ?? 'time') as SortKey;
  if (!SORT_KEYS.includes(sort)) {
    throw new ApiError(400, 'invalid-query', `sort must be one of: ${SORT_KEYS.join(', ')}.`);
  }
  const cursorText = query('cursor');
  let cursor: Cursor | undefined;
  if (cursorText !== undefined) {
    cursor = decodeCursor(cursorText, sort);
    if (!cursor) {
      throw new ApiError(
        400,
        'invalid-query',
        'cursor must be the nextCursor of a previous page with the same sort.',
      );
    }
  }
  const filter = (key: string) => query(key)?.slice(0, MAX_FILTER_CHARS) || undefined;
  const device = filter('device');
  const vendor = filter('vendor');
  const browserText = filter('browser');
  const browser = browserText === undefined ? undefined : browserName(browserText) || undefined;
  return {
    sort,
    limit,
    ...(cursor ? { cursor } : {}),
    ...(device ? { device } : {}),
    ...(vendor ? { vendor } : {}),
    ...(browser ? { browser } : {}),
  };
}

export function resultsRoutes(
  repo: ResultsRepository,
  sourceOf?: (c: Context) => Promise<string | undefined>,
): Hono {
  const routes = new Hono();

  routes.post('/', async (c) => {
    const doc = parseDocument(await readJsonBody(c, MAX_UPLOAD_BYTES));
    const deleteToken = randomBytes(24).toString('base64url');
    const { id, created } = await repo.insert({
      contentHash: sha256Hex(canonicalJson(doc)),
      deleteTokenHash: sha256Hex(deleteToken),
      facts: resultFacts(doc),
      documentJson: JSON.stringify(doc),
      sourceHash: (await sourceOf?.(c)) ?? null,
      llamaRuns: documentLlamaRunRows(doc),
    });
    const url = `/api/results/${id}`;
    return created ? c.json({ id, url, deleteToken }, 201) : c.json({ id, url }, 200);
  });

  routes.get('/', async (c) => c.json(await repo.list(listQuery((k) => c.req.query(k)))));

  routes.get('/:id', async (c) => {
    const id = c.req.param('id');
    const json = RESULT_ID_PATTERN.test(id) ? await repo.documentJson(id) : undefined;
    if (json === undefined) throw notFound();
    return c.body(json, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  routes.delete('/:id', async (c) => {
    const token = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(c.req.header('authorization') ?? '')?.[1];
    if (!token) {
      throw new ApiError(401, 'no-token', 'Send the delete token as "Authorization: Bearer <token>".');
    }
    const id = c.req.param('id');
    if (!RESULT_ID_PATTERN.test(id)) throw notFound();
    const outcome = await repo.deleteWithTokenHash(id, sha256Hex(token));
    if (outcome === 'missing') throw notFound();
    if (outcome === 'forbidden') {
      throw new ApiError(403, 'wrong-token', 'The delete token does not match this result.');
    }
    return c.body(null, 204);
  });

  return routes;
}
