import type { RequestContext } from './types.ts';

/**
 * True when the request may carry a body: HTTP/1.1 says so with `Transfer-Encoding` or a non-zero
 * `Content-Length`; HTTP/2 needs neither, so there a stream that did not end with its headers may carry one
 * (a policy that skipped bodies without those headers would let an HTTP/2 client send any body uninspected).
 * @example
 * if (!requestMayHaveBody(ctx)) return undefined; // nothing to inspect
 */
export function requestMayHaveBody(ctx: RequestContext): boolean {
  const h = ctx.headers;
  if (h['transfer-encoding'] !== undefined) return true;
  const cl = h['content-length'];
  if (cl !== undefined) return cl !== '0';
  if (ctx.req.httpVersionMajor !== 2) return false;
  const stream = (ctx.req as unknown as { stream?: { endAfterHeaders?: boolean } }).stream;
  return stream === undefined || stream.endAfterHeaders !== true;
}
