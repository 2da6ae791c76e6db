import { GatewayError, toGatewayError } from '../errors/gateway-error.ts';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../errors/problem.ts';
import type { Runtime } from '../runtime/types.ts';
import type { Exchange } from './context.ts';
import { runResponseSteps } from './runner.ts';
import type { LocalReply } from './types.ts';

/** True when the request may still have unread body bytes (then the connection is not reused). */
export function hasUnreadBody(ex: Exchange): boolean {
  const req = ex.req;
  if (req.complete) return false;
  const h = req.headers;
  if (h['transfer-encoding'] !== undefined) return true;
  const cl = h['content-length'];
  return cl !== undefined && cl !== '0';
}

function finishLocal(ex: Exchange, body: string | Buffer | undefined, close: boolean): void {
  const res = ex.res;
  if (res.headersSent || res.destroyed) {
    res.destroy();
    return;
  }
  const headers = ex.responseHeaders;
  if (close && ex.req.httpVersionMajor < 2) headers.connection = 'close';
  const len = body === undefined ? 0 : typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  headers['content-length'] = String(len);
  try {
    res.writeHead(ex.status, headers);
  } catch {
    // A policy produced an invalid header: never let it crash or leak; answer a bare 500.
    res.removeHeader('content-length');
    res.writeHead(
      500,
      ex.req.httpVersionMajor < 2
        ? { 'content-type': PROBLEM_CONTENT_TYPE, connection: 'close' }
        : { 'content-type': PROBLEM_CONTENT_TYPE },
    );
    res.end();
    return;
  }
  ex.bytesOut = len;
  if (ex.method === 'HEAD' || body === undefined) res.end();
  else res.end(body);
  if (close) res.once('finish', () => ex.req.socket?.destroySoon?.());
}

function addCommon(ex: Exchange, rt: Runtime, headers: Record<string, string | string[]>): void {
  const extra = ex.compiled.responseHeaders;
  for (let i = 0; i < extra.length; i++) headers[extra[i]![0]] = extra[i]![1];
  if (rt.via) headers.via = '1.1 gatehouse';
  if (rt.serverHeader) headers.server = 'gatehouse';
}

/** Answers with a local reply (mock, CORS preflight), through the response phase. */
export function sendLocalReply(ex: Exchange, rt: Runtime, reply: LocalReply): void {
  ex.local = true;
  ex.status = reply.status;
  const headers: Record<string, string | string[]> = {};
  if (reply.headers) for (const k in reply.headers) headers[k.toLowerCase()] = reply.headers[k]!;
  addCommon(ex, rt, headers);
  ex.responseHeaders = headers;
  const close = hasUnreadBody(ex);
  runResponseSteps(ex.chain.responseSteps, ex, 0, (err) => {
    if (err) return sendError(ex, rt, toGatewayError(err), true);
    finishLocal(ex, reply.body, close);
  });
}

/**
 * Answers with an RFC 9457 problem. `skipPolicies` avoids running response hooks twice when a
 * response hook itself failed.
 */
export function sendError(ex: Exchange, rt: Runtime, err: GatewayError, skipPolicies = false): void {
  ex.local = true;
  ex.error = err;
  if (err.code === 'GW_INTERNAL')
    rt.logger.error({ err: err.cause ?? err, 'http.request.id': ex.id }, 'internal error');
  if (ex.res.headersSent) {
    ex.status = ex.status || err.status;
    ex.res.destroy();
    return;
  }
  ex.status = err.status;
  const headers: Record<string, string | string[]> = {
    'content-type': PROBLEM_CONTENT_TYPE,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (err.headers) for (const k in err.headers) headers[k.toLowerCase()] = err.headers[k]!;
  addCommon(ex, rt, headers);
  ex.responseHeaders = headers;
  const body = problemBody(err, ex.id);
  const close = hasUnreadBody(ex) || err.status === 408 || err.status === 413 || err.status === 431;
  if (skipPolicies || ex.chain.responseSteps.length === 0) return finishLocal(ex, body, close);
  runResponseSteps(ex.chain.responseSteps, ex, 0, (hookErr) => {
    if (hookErr) {
      rt.logger.error(
        { err: hookErr, 'http.request.id': ex.id },
        'response policy failed on an error response',
      );
      ex.responseHeaders = headers;
    }
    finishLocal(ex, body, close);
  });
}

export { GatewayError };
