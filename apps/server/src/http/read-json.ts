/**
 * @module http/read-json — reads a request body as JSON under a byte limit enforced while the body streams in
 * (a declared Content-Length over the limit is refused before reading; a chunked body is cut off as soon as it
 * passes the limit).
 */
import type { Context } from 'hono';
import { ApiError } from './api-error.js';

export async function readJsonBody(c: Context, maxBytes: number): Promise<unknown> {
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
