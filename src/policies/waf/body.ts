import type { Readable } from 'node:stream';
import { GatewayError } from '../../errors/gateway-error.ts';

/**
 * Key of `ctx.state` under which a request-phase policy that consumed the request body hands it back to the
 * proxy: a `Buffer` (the whole body) or an `AsyncIterable<Buffer>` (what was read, then the rest of the stream).
 * src/pipeline/proxy.ts `forward()` sends it upstream instead of `ctx.req`.
 */
export const BUFFERED_BODY_KEY = 'body';

/** What {@link readBodyPrefix} read. */
export interface BodyPrefix {
  /** Up to `limit` bytes from the start of the body: what the WAF inspects. */
  readonly inspected: Buffer;
  /** True when the body is longer than `limit`. */
  readonly oversize: boolean;
  /** The whole body to forward: a Buffer when it was read completely, else the read bytes then the rest. */
  readonly forward: Buffer | AsyncIterable<Buffer>;
}

function tooLarge(max: number): GatewayError {
  return new GatewayError('GW_PAYLOAD_TOO_LARGE', {
    detail: `The request body exceeds ${max} bytes.`,
    reason: 'body_too_large',
  });
}

/**
 * Reads the request body until it ends or more than `limit` bytes arrived, without consuming the rest.
 * `hardMax` (the request's `maxBodyBytes`) is enforced on everything read, here and while the rest streams.
 *
 * @example
 * const { inspected, oversize, forward } = await readBodyPrefix(ctx.req, 131072, ctx.maxBodyBytes);
 */
export async function readBodyPrefix(req: Readable, limit: number, hardMax: number): Promise<BodyPrefix> {
  const it = (req as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let n = 0;
  let done = false;
  try {
    while (n <= limit) {
      const r = await it.next();
      if (r.done === true) {
        done = true;
        break;
      }
      const chunk = typeof r.value === 'string' ? Buffer.from(r.value, 'latin1') : r.value;
      n += chunk.length;
      if (n > hardMax) throw tooLarge(hardMax);
      chunks.push(chunk);
    }
  } catch (err) {
    if (err instanceof GatewayError) throw err;
    throw new GatewayError('GW_BAD_REQUEST', { reason: 'body_read_error', cause: err });
  }
  const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, n);
  const oversize = n > limit;
  const inspected = oversize ? all.subarray(0, limit) : all;
  if (done) return { inspected, oversize, forward: all };
  async function* rest(): AsyncGenerator<Buffer> {
    yield all;
    let m = n;
    for (;;) {
      const r = await it.next();
      if (r.done === true) return;
      m += r.value.length;
      if (m > hardMax) throw tooLarge(hardMax);
      yield r.value;
    }
  }
  return { inspected, oversize, forward: rest() };
}
