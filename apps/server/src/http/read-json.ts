/**
 * @module http/read-json — reads a request body as JSON under a byte limit enforced while the body streams in
 * (a declared Content-Length over the limit is refused before reading; a chunked body is cut off as soon as it
 * passes the limit). Only a body sent as `application/json` is read: `text/plain`,
 * `application/x-www-form-urlencoded` and `multipart/form-data` are the types any web page may POST across
 * origins without a CORS preflight, so accepting them would let any page make its visitors' browsers upload.
 */
import type { Context } from 'hono';
import { ApiError } from './api-error.js';

/** The one media type a JSON body may be sent as (RFC 8259: UTF-8, so a charset parameter may only say so). */
const JSON_MEDIA_TYPE = 'application/json';

/** Whether a Content-Type header is `application/json`, bare or with `charset=utf-8` (any case, quoted or not). */
function isJsonContentType(header: string): boolean {
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== JSON_MEDIA_TYPE) return false;
  return parameters.every((parameter) => {
    const [name = '', value = ''] = parameter.split('=').map((part) => part.trim());
    return name === '' || (name === 'charset' && value.replace(/^"(.*)"$/, '$1') === 'utf-8');
  });
}

/** Refuses, with 415, a body not sent as `application/json` (before reading any of it). */
function requireJsonContentType(c: Context): void {
  const sent = c.req.header('content-type');
  if (sent !== undefined && isJsonContentType(sent)) return;
  throw new ApiError(
    415,
    'unsupported-media-type',
    `The body must be sent as Content-Type: ${JSON_MEDIA_TYPE} (optionally with charset=utf-8); ` +
      `this request sent ${sent === undefined ? 'no Content-Type' : JSON.stringify(sent.slice(0, 200))}.`,
    { sent: sent?.slice(0, 200) ?? null, accepted: [JSON_MEDIA_TYPE, `${JSON_MEDIA_TYPE}; charset=utf-8`] },
  );
}

export async function readJsonBody(c: Context, maxBytes: number): Promise<unknown> {
  requireJsonContentType(c);
  const tooLarge = () =>
    new ApiError(413, 'too-large', `The body is larger than ${maxBytes} bytes, the most accepted.`, {
      maxBytes,
    });
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge();
  const stream = c.req.raw.body;
  if (!stream)
    throw new ApiError(400, 'malformed-json', 'The body is empty; send a cliffbench result document.');
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
  try {
    return JSON.parse(text);
  } catch (error) {
    const where = error instanceof SyntaxError ? `: ${error.message.slice(0, 200)}` : '';
    throw new ApiError(
      400,
      'malformed-json',
      `The body is not valid JSON${where}. Send a cliffbench result document.`,
    );
  }
}
