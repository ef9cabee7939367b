import * as http from 'http';
import { isTooDeep } from '../../core/json/jsonDepth';
import { ApiError, invalidParameter } from '../services/apiError';

/**
 * The largest request body the emulator reads. OCI documents no request size for these APIs,
 * so this is a guess, generous beside their bodies; ONS's documented 64 KB per message is
 * checked on the message itself (checkMessage), with its own error.
 */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How much of a too-large body is read and dropped so the client sees the 413; past it the connection closes. */
const MAX_DRAIN_BYTES = 256 * 1024 * 1024;
/** How deep a JSON body may nest; OCI's request models are a few levels deep, this is a generous guess. */
const MAX_BODY_DEPTH = 32;

export const payloadTooLarge = () =>
  new ApiError(
    413,
    'PayloadTooLarge',
    `The request body is over ${MAX_BODY_BYTES} bytes, the most this emulator reads.`,
    { connection: 'close' },
  );

/**
 * The body of `req`, or a 413 ApiError once the whole body has arrived: a client still
 * sending would read a reset, not the answer, if the emulator stopped reading mid-body.
 */
export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => size > MAX_BODY_BYTES || declared > MAX_BODY_BYTES;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) {
        req.destroy();
      } else if (!tooLarge()) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => (tooLarge() ? reject(payloadTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
    req.on('close', () => reject(payloadTooLarge()));
  });
}

/** The JSON of a body, for methods that carry one; bad JSON or nesting past MAX_BODY_DEPTH is 400. */
export function parseJson(body: Buffer, method: string): unknown {
  if (method === 'GET' || method === 'DELETE' || body.length === 0) {
    return undefined;
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw invalidParameter('The request body is not valid JSON.');
  }
  if (isTooDeep(value, MAX_BODY_DEPTH)) {
    throw invalidParameter(`The request body nests deeper than ${MAX_BODY_DEPTH} levels.`);
  }
  return value;
}
