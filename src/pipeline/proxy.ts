import type { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { GatewayError, toGatewayError } from '../errors/gateway-error.ts';
import { connectionTokens, RESPONSE_DROP } from '../lib/headers.ts';
import type { Runtime } from '../runtime/types.ts';
import { classifyUpstreamError, type Target } from '../upstream/index.ts';
import type { Exchange } from './context.ts';
import { sendError } from './respond.ts';
import { runResponseSteps } from './runner.ts';

/**
 * `ctx.state` key under which a response-phase policy asks for the response body to be buffered (up to
 * `maxBytes`) and transformed before it is sent: the head is held, `apply` gets the whole body and returns what
 * to send (Content-Length recomputed), or throws a GatewayError that is answered instead.
 */
export const RESPONSE_BODY_FILTER_KEY = 'responseBodyFilter';

/** See {@link RESPONSE_BODY_FILTER_KEY}. */
export interface BodyFilter {
  readonly maxBytes: number;
  readonly onOversize: 'pass' | 'error';
  apply(body: Buffer): Buffer;
}

/** The part of Node's Http2ServerRequest the body check needs. */
interface H2Req {
  stream?: { endAfterHeaders?: boolean };
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Maps an undici / socket error to what the client sees. */
function upstreamError(err: Error & { code?: string }): GatewayError {
  if (err instanceof GatewayError) return err;
  switch (err.code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new GatewayError('GW_UPSTREAM_TIMEOUT', { cause: err, reason: 'upstream_timeout' });
    default:
      return new GatewayError('GW_UPSTREAM_ERROR', { cause: err, reason: 'upstream_error' });
  }
}

/** Request body with the per-request byte limit enforced while it streams (chunked uploads). */
async function* limitedBody(req: Readable, max: number, ex: Exchange): AsyncGenerator<Buffer> {
  let n = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    n += chunk.length;
    if (n > max) {
      throw new GatewayError('GW_PAYLOAD_TOO_LARGE', {
        detail: `The request body exceeds ${max} bytes.`,
        reason: 'body_too_large',
      });
    }
    ex.bytesIn = n;
    yield chunk;
  }
}

/**
 * Streams one request to a target and its response back to the client, with the response phase
 * run on the head before it is written. Uses undici's dispatcher handler API directly (no
 * intermediate streams) to keep the per-request cost low.
 */
class ProxyHandler implements Dispatcher.DispatchHandler {
  readonly ex: Exchange;
  readonly rt: Runtime;
  readonly target: Target;
  readonly attempt: number;
  readonly retriable: boolean;
  t0: number;
  abortFn: ((err?: Error) => void) | null;
  resumeFn: (() => void) | null;
  discarding: boolean;
  discardedStatus: number;
  done: boolean;
  settled: boolean;
  cancelled: boolean;
  headAt: number;
  /** A response-phase policy asked to transform the body (ctx.state.responseBodyFilter): buffered here. */
  filter: BodyFilter | null;
  held: Buffer[];
  heldBytes: number;
  headReady: boolean;

  constructor(ex: Exchange, rt: Runtime, target: Target, attempt: number, retriable: boolean) {
    this.ex = ex;
    this.rt = rt;
    this.target = target;
    this.attempt = attempt;
    this.retriable = retriable;
    this.t0 = performance.now();
    if (ex.upstreamStart === undefined) ex.upstreamStart = this.t0;
    this.abortFn = null;
    this.resumeFn = null;
    this.discarding = false;
    this.discardedStatus = 0;
    this.done = false;
    this.settled = false;
    this.cancelled = false;
    this.headAt = 0;
    this.filter = null;
    this.held = [];
    this.heldBytes = 0;
    this.headReady = false;
  }

  onConnect(abort: (err?: Error) => void): void {
    this.abortFn = abort;
    if (this.ex.res.destroyed) abort(new Error('client closed'));
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[] | string[] | null, resume: () => void): boolean {
    const ex = this.ex;
    if (statusCode < 200) return true;
    this.headAt = performance.now();
    const upstream = ex.compiled.upstream!;
    if (
      this.retriable &&
      ex.compiled.retryStatuses?.has(statusCode) &&
      this.attempt < ex.compiled.retryAttempts &&
      upstream.canRetry()
    ) {
      this.discarding = true;
      this.discardedStatus = statusCode;
      return true;
    }
    this.resumeFn = resume;
    ex.upstreamMs = this.headAt - this.t0;
    ex.status = statusCode;
    const headers: Record<string, string | string[]> = {};
    let connNamed: string[] | undefined;
    if (rawHeaders) {
      for (let i = 0; i < rawHeaders.length; i += 2) {
        const k = rawHeaders[i]!.toString().toLowerCase();
        const v = rawHeaders[i + 1]!.toString('latin1' as BufferEncoding);
        if (RESPONSE_DROP.has(k)) {
          if (k === 'connection') connNamed = connectionTokens(v);
          continue;
        }
        const prev = headers[k];
        if (prev === undefined) headers[k] = v;
        else if (Array.isArray(prev)) prev.push(v);
        else headers[k] = [prev, v];
      }
    }
    if (connNamed) for (const n of connNamed) delete headers[n];
    const extra = ex.compiled.responseHeaders;
    for (let i = 0; i < extra.length; i++) headers[extra[i]![0]] = extra[i]![1];
    if (this.rt.via) {
      const via = headers.via;
      headers.via = via === undefined ? '1.1 gatehouse' : `${via}, 1.1 gatehouse`;
    }
    if (this.rt.serverHeader) headers.server = 'gatehouse';
    ex.responseHeaders = headers;
    const steps = ex.chain.responseSteps;
    if (steps.length === 0) {
      this.startBody();
      return true;
    }
    let sync = true;
    let paused = false;
    runResponseSteps(steps, ex, 0, (err) => {
      if (err) {
        this.abort();
        sendError(
          ex,
          this.rt,
          new GatewayError('GW_INTERNAL', { cause: err, reason: 'response_policy' }),
          true,
        );
        return;
      }
      this.startBody();
      if (!sync && paused) resume();
    });
    sync = false;
    if (!this.headReady && !this.done) {
      paused = true;
      return false;
    }
    return true;
  }

  /** Writes the head now, or holds it when a body filter was requested (the head goes out with the body). */
  startBody(): void {
    this.headReady = true;
    const ex = this.ex;
    const f = ex.state[RESPONSE_BODY_FILTER_KEY] as BodyFilter | undefined;
    if (f !== undefined && ex.method !== 'HEAD' && ex.status !== 204 && ex.status !== 304) {
      this.filter = f;
      return;
    }
    this.writeHead();
  }

  /** Sends the held head and body unchanged and streams the rest (oversize body, filter gives up). */
  release(): void {
    this.filter = null;
    this.writeHead();
    const res = this.ex.res;
    for (const c of this.held) {
      this.ex.bytesOut += c.length;
      res.write(c);
    }
    this.held = [];
  }

  /** End of a held body: apply the filter and answer with its result (or its error). */
  finishFiltered(): void {
    const ex = this.ex;
    const f = this.filter!;
    this.filter = null;
    const body = Buffer.concat(this.held, this.heldBytes);
    this.held = [];
    let out: Buffer;
    try {
      out = f.apply(body);
    } catch (err) {
      sendError(ex, this.rt, toGatewayError(err), true);
      return;
    }
    const h = ex.responseHeaders;
    delete h['transfer-encoding'];
    if (out !== body) {
      delete h.etag;
      delete h['content-md5'];
      delete h.digest;
    }
    h['content-length'] = String(out.length);
    this.writeHead();
    if (ex.res.destroyed || !ex.res.headersSent) return;
    ex.bytesOut += out.length;
    ex.res.end(out);
  }

  writeHead(): void {
    const ex = this.ex;
    const res = ex.res;
    if (res.destroyed) return;
    try {
      res.writeHead(ex.status, ex.responseHeaders);
    } catch (err) {
      this.abort();
      sendError(
        ex,
        this.rt,
        new GatewayError('GW_UPSTREAM_ERROR', { cause: err, reason: 'bad_upstream_header' }),
        true,
      );
    }
  }

  onData(chunk: Buffer): boolean {
    if (this.discarding) return true;
    const ex = this.ex;
    const res = ex.res;
    const f = this.filter;
    if (f !== null) {
      this.heldBytes += chunk.length;
      this.held.push(chunk);
      if (this.heldBytes <= f.maxBytes) return true;
      if (f.onOversize === 'pass') {
        this.release();
        return true;
      }
      this.filter = null;
      this.held = [];
      this.abort();
      sendError(
        ex,
        this.rt,
        new GatewayError('GW_UPSTREAM_ERROR', {
          reason: 'response_too_large',
          detail: 'The upstream response is too large.',
        }),
        true,
      );
      return true;
    }
    if (!res.headersSent || res.destroyed) return true;
    ex.bytesOut += chunk.length;
    if (res.write(chunk)) return true;
    res.once('drain', this.resumeFn!);
    return false;
  }

  /** Exactly one per dispatch: reports the outcome to the upstream (balancer, health, breaker). */
  settle(outcome: {
    ok: boolean;
    status?: number;
    kind?: 'connect' | 'timeout' | 'reset' | 'status' | 'cancelled';
  }): void {
    if (this.settled) return;
    this.settled = true;
    const latencyMs = this.headAt > 0 ? this.headAt - this.t0 : performance.now() - this.t0;
    this.ex.compiled.upstream!.onEnd(this.target, { ...outcome, latencyMs });
  }

  onComplete(trailers?: Buffer[] | string[] | Record<string, string | string[]> | null): void {
    const ex = this.ex;
    const status = this.discarding ? this.discardedStatus : ex.status;
    this.settle({ ok: status < 500, status, kind: 'status' });
    if (this.discarding) {
      forward(ex, this.rt, this.attempt + 1, this.target);
      return;
    }
    this.done = true;
    if (this.filter !== null) {
      this.finishFiltered();
      return;
    }
    if (ex.res.headersSent) {
      if (trailers && (ex.req.httpVersionMajor === 2 || ex.upstreamHeaders.te === 'trailers')) {
        relayTrailers(ex, trailers);
      }
      ex.res.end();
    }
  }

  onError(err: Error & { code?: string }): void {
    const ex = this.ex;
    const upstream = ex.compiled.upstream!;
    // A body over the limit, or the client gone, is not the target's fault.
    const ours = err instanceof GatewayError || this.cancelled || ex.res.destroyed;
    const kind = ours ? 'cancelled' : classifyUpstreamError(err);
    this.settle({ ok: false, kind });
    if (ex.res.destroyed) return;
    if (
      !ours &&
      !ex.res.headersSent &&
      this.retriable &&
      this.attempt < ex.compiled.retryAttempts &&
      kind === 'connect' &&
      upstream.canRetry()
    ) {
      forward(ex, this.rt, this.attempt + 1, this.target);
      return;
    }
    this.done = true;
    sendError(ex, this.rt, upstreamError(err));
  }

  abort(): void {
    this.done = true;
    this.cancelled = true;
    this.abortFn?.(new Error('aborted by gateway'));
  }
}

/**
 * Trailer fields never relayed: framing, routing, authentication and hop-by-hop fields (RFC 9110
 * §6.5.1), which a recipient could otherwise merge into the head.
 */
const TRAILER_DROP: ReadonlySet<string> = new Set([
  ...RESPONSE_DROP,
  'content-length',
  'content-type',
  'content-encoding',
  'content-range',
  'host',
  'authorization',
  'set-cookie',
  'cache-control',
  'expires',
  'location',
  'www-authenticate',
]);

/**
 * Passes the upstream's trailers (gRPC's `grpc-status`/`grpc-message`) to the client: on HTTP/2
 * as a trailing HEADERS frame, on HTTP/1.1 (only for a gRPC request that sent `TE: trailers`) after
 * a chunked body (Node sends nothing for a body with a Content-Length). undici hands HTTP/1.1 trailers as raw name/value pairs and HTTP/2 ones
 * as an object.
 */
function relayTrailers(
  ex: Exchange,
  trailers: Buffer[] | string[] | Record<string, string | string[]>,
): void {
  const out: Record<string, string> = {};
  let n = 0;
  const add = (name: string, value: string) => {
    const k = name.toLowerCase();
    if (k.charCodeAt(0) === 58 /* : */ || TRAILER_DROP.has(k) || /[\r\n\0]/.test(value)) return;
    out[k] = out[k] === undefined ? value : `${out[k]}, ${value}`;
    n++;
  };
  if (Array.isArray(trailers)) {
    for (let i = 0; i + 1 < trailers.length; i += 2) {
      add(trailers[i]!.toString(), trailers[i + 1]!.toString('latin1' as BufferEncoding));
    }
  } else {
    for (const k in trailers) {
      const v = trailers[k];
      if (v === undefined) continue;
      if (Array.isArray(v)) for (const x of v) add(k, String(x));
      else add(k, String(v));
    }
  }
  if (n === 0) return;
  try {
    ex.res.addTrailers(out);
  } catch {
    // A field Node refuses (invalid token) is dropped with the rest rather than failing the response.
  }
}

/** `application/grpc`, `application/grpc+proto`, `application/grpc-web…` excluded (not HTTP/2 framed). */
function isGrpc(ct: string | string[] | undefined): boolean {
  return typeof ct === 'string' && /^application\/grpc(?:\+[a-z0-9._-]+)?\s*(?:;|$)/i.test(ct);
}

function listsTrailers(te: string | string[]): boolean {
  return /(?:^|,)\s*trailers\s*(?:,|$)/i.test(Array.isArray(te) ? te.join(',') : te);
}

/** Sends the exchange's request to a target of its route's upstream. */
export function forward(ex: Exchange, rt: Runtime, attempt: number, exclude: Target | undefined): void {
  const route = ex.compiled;
  const upstream = route.upstream;
  if (!upstream) {
    sendError(ex, rt, new GatewayError('GW_UPSTREAM_UNAVAILABLE', { reason: 'no_upstream' }));
    return;
  }
  const target = upstream.pick({
    clientIp: ex.clientIp,
    headers: ex.headers,
    consumerId: ex.consumer?.id,
    exclude,
  });
  if (!target) {
    const open = upstream.circuitOpen();
    sendError(
      ex,
      rt,
      new GatewayError(open ? 'GW_CIRCUIT_OPEN' : 'GW_UPSTREAM_UNAVAILABLE', {
        reason: open ? 'circuit_open' : 'no_healthy_target',
        headers: { 'retry-after': '1' },
      }),
    );
    return;
  }
  ex.target = target.origin;
  const req = ex.req;
  const h = ex.headers;
  let body: Readable | AsyncGenerator<Buffer> | AsyncIterable<Buffer> | Buffer | null = null;
  const te = h['transfer-encoding'];
  const cl = h['content-length'];
  // A request-phase policy that read the body (the `waf` policy) hands it back in `state.body`: the whole body
  // as a Buffer, or what it read followed by the rest of the stream (limits enforced by that policy).
  const buffered = ex.state.body as Buffer | AsyncIterable<Buffer> | undefined;
  if (buffered !== undefined) {
    body = buffered;
    if (Buffer.isBuffer(buffered)) ex.bytesIn = buffered.length;
    else if (cl !== undefined) ex.bytesIn = Number(cl);
  } else if (te !== undefined) body = limitedBody(req, ex.maxBodyBytes, ex);
  else if (
    req.httpVersionMajor === 2 &&
    cl === undefined &&
    !(req as unknown as H2Req).stream?.endAfterHeaders
  ) {
    // HTTP/2 needs no Content-Length: a body without one streams with the limit enforced.
    body = limitedBody(req, ex.maxBodyBytes, ex);
  } else if (cl !== undefined && cl !== '0') {
    body = req;
    ex.bytesIn = Number(cl);
  }
  const retriable = body === null && IDEMPOTENT.has(ex.method);
  if (attempt === 0 && ex.expectContinue && body !== null) ex.res.writeContinue();
  const headers = ex.upstreamHeaders;
  if (route.preserveHost) headers.host = h.host as string;
  // gRPC servers refuse a call without `TE: trailers` (the one TE value HTTP/2 allows): it is
  // forwarded for gRPC requests only, since the gateway relays their trailers. Any other TE stays
  // a stripped hop-by-hop field.
  const teh = h.te;
  if (teh !== undefined && isGrpc(h['content-type']) && listsTrailers(teh)) headers.te = 'trailers';
  const handler = new ProxyHandler(ex, rt, target, attempt, retriable);
  ex.inFlight = handler;
  upstream.onStart(target);
  target.pool.dispatch(
    {
      path: ex.upstreamPath,
      method: ex.method as Dispatcher.HttpMethod,
      headers,
      body: body as Readable | null,
      headersTimeout: route.timeoutMs,
    },
    handler as unknown as Dispatcher.DispatchHandler,
  );
}
