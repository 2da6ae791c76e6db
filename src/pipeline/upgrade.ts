import { createHash } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import type { Dispatcher } from 'undici';
import { GatewayError } from '../errors/gateway-error.ts';
import { connectionTokens, RESPONSE_DROP } from '../lib/headers.ts';
import type { Runtime } from '../runtime/types.ts';
import { classifyUpstreamError, type Target } from '../upstream/index.ts';
import type { Exchange } from './context.ts';
import { sendError } from './respond.ts';

/** RFC 6455 §1.3: appended to the client's key before hashing into `Sec-WebSocket-Accept`. */
const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Tunnel idle time when the route sets no `websocket_idle_timeout_ms`: one hour. */
export const DEFAULT_WS_IDLE_TIMEOUT_MS = 3_600_000;

/** Time a tunnel may stay half-closed (one side sent its FIN) before both sides are closed. */
const HALF_CLOSE_GRACE_MS = 1000;

/** A 16-byte value in base64: 22 characters and `==` (RFC 6455 §4.1, item 7). */
const KEY_RE = /^[A-Za-z0-9+/]{21}[AQgw]==$/;

/**
 * What an HTTP/1.1 `Upgrade` request needs from the request pipeline. `check` runs once the route
 * matched, before any policy; `connect` replaces forwarding once the request (and upstream) phases
 * passed, so authentication, limits and IP rules apply to the handshake exactly as to any request.
 */
export interface UpgradeHooks {
  /** A refusal (route not opted in, malformed handshake), or undefined to go on. */
  check(ex: Exchange, rt: Runtime): GatewayError | undefined;
  /** Opens the upstream side of the tunnel (or answers the failure) instead of forwarding. */
  connect(ex: Exchange, rt: Runtime): void;
}

/** The request handler built by `createRequestHandler`, with its upgrade parameter. */
export type UpgradeAwareHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  expectContinue: boolean,
  upgrade: UpgradeHooks | undefined,
) => void;

/** Per-route WebSocket settings, read from the route config once per loaded config. */
interface WsRoute {
  readonly enabled: boolean;
  readonly idleMs: number;
}

const routeCache = new WeakMap<object, ReadonlyMap<string, WsRoute>>();

function wsRoutes(rt: Runtime): ReadonlyMap<string, WsRoute> {
  const cfg = rt.config;
  let m = routeCache.get(cfg);
  if (m !== undefined) return m;
  const out = new Map<string, WsRoute>();
  const routes = (cfg.routes ?? []) as ReadonlyArray<Record<string, unknown>>;
  for (const r of routes) {
    const idle = r.websocket_idle_timeout_ms;
    out.set(String(r.name), {
      enabled: r.websocket === true,
      idleMs: typeof idle === 'number' ? idle : DEFAULT_WS_IDLE_TIMEOUT_MS,
    });
  }
  routeCache.set(cfg, out);
  m = out;
  return m;
}

/** `Sec-WebSocket-Accept` for a client key (RFC 6455 §4.2.2). */
export function websocketAccept(key: string): string {
  return createHash('sha1')
    .update(key + WS_GUID)
    .digest('base64');
}

/** True when a comma-separated header value lists `token` (case-insensitive). */
function hasToken(value: string | string[] | undefined, token: string): boolean {
  if (value === undefined) return false;
  const v = Array.isArray(value) ? value.join(',') : value;
  for (const t of v.split(',')) if (t.trim().toLowerCase() === token) return true;
  return false;
}

function badHandshake(detail: string, headers?: Record<string, string>): GatewayError {
  return new GatewayError('GW_BAD_REQUEST', { reason: 'bad_websocket_handshake', detail, headers });
}

/**
 * Validates a client's opening handshake strictly (RFC 6455 §4.1–4.2): HTTP/1.1, GET, no body,
 * `Upgrade: websocket`, `Sec-WebSocket-Version: 13`, a single base64 key of 16 bytes.
 * Returns a refusal, or undefined when the handshake is well-formed.
 *
 * @example
 * checkWebSocketHandshake(req); // GatewayError GW_BAD_REQUEST when Sec-WebSocket-Key is missing
 */
export function checkWebSocketHandshake(req: IncomingMessage): GatewayError | undefined {
  const h = req.headers;
  if (req.httpVersionMajor !== 1 || req.httpVersionMinor !== 1) {
    return badHandshake('WebSocket handshakes must use HTTP/1.1.');
  }
  if (req.method !== 'GET') return badHandshake('WebSocket handshakes must use GET.');
  if (
    h['transfer-encoding'] !== undefined ||
    (h['content-length'] !== undefined && h['content-length'] !== '0')
  ) {
    return badHandshake('A WebSocket handshake carries no body.');
  }
  if (!hasToken(h.connection, 'upgrade')) return badHandshake('Connection must list "upgrade".');
  if (h['sec-websocket-version'] !== '13') {
    return badHandshake('Only WebSocket version 13 is supported.', { 'sec-websocket-version': '13' });
  }
  const key = h['sec-websocket-key'];
  if (typeof key !== 'string' || !KEY_RE.test(key)) {
    return badHandshake('Sec-WebSocket-Key must be a base64-encoded 16-byte value.');
  }
  return undefined;
}

/** Copies a response head's fields the client may see (no hop-by-hop, no disclosure). */
function relayHeaders(rawHeaders: Buffer[] | string[] | null): Record<string, string | string[]> {
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
  return headers;
}

/**
 * Dispatches the handshake to one target (undici, so the upstream's TLS, SNI pinning, connect and
 * header timeouts and head-size limit apply) and turns a verified 101 into a tunnel; any other
 * answer is relayed and the connection closed.
 */
class WsUpstreamHandler {
  readonly ex: Exchange;
  readonly rt: Runtime;
  readonly target: Target;
  readonly socket: Duplex;
  readonly head: Buffer;
  readonly idleMs: number;
  readonly key: string;
  readonly t0: number;
  abortFn: ((err?: Error) => void) | null = null;
  resumeFn: (() => void) | null = null;
  settled = false;
  finished = false;

  constructor(ex: Exchange, rt: Runtime, target: Target, socket: Duplex, head: Buffer, idleMs: number) {
    this.ex = ex;
    this.rt = rt;
    this.target = target;
    this.socket = socket;
    this.head = head;
    this.idleMs = idleMs;
    this.key = ex.headers['sec-websocket-key'] as string;
    this.t0 = performance.now();
    ex.upstreamStart = this.t0;
  }

  settle(ok: boolean, kind: 'status' | 'connect' | 'timeout' | 'reset' | 'cancelled', status?: number): void {
    if (this.settled) return;
    this.settled = true;
    this.ex.upstreamMs = performance.now() - this.t0;
    this.ex.compiled.upstream!.onEnd(this.target, { ok, kind, status, latencyMs: this.ex.upstreamMs });
  }

  onConnect(abort: (err?: Error) => void): void {
    this.abortFn = abort;
    if (this.socket.destroyed) abort(new Error('client closed'));
  }

  onUpgrade(statusCode: number, rawHeaders: Buffer[] | string[] | null, up: Duplex): void {
    const ex = this.ex;
    this.finished = true;
    ex.inFlight = undefined;
    const headers = relayHeaders(rawHeaders);
    const accept = headers['sec-websocket-accept'];
    let upgradeOk = false;
    if (rawHeaders) {
      for (let i = 0; i < rawHeaders.length; i += 2) {
        if (
          rawHeaders[i]!.toString().toLowerCase() === 'upgrade' &&
          hasToken(rawHeaders[i + 1]!.toString(), 'websocket')
        )
          upgradeOk = true;
      }
    }
    if (statusCode !== 101 || !upgradeOk || accept !== websocketAccept(this.key)) {
      // A 101 the client did not ask for (wrong Accept) would let the upstream desync the
      // connection: both sides are closed, the client gets a 502 and never a 101.
      up.destroy();
      this.settle(false, 'status', statusCode);
      this.rt.logger.warn(
        { 'http.request.id': ex.id, 'gatehouse.route': ex.route.name, target: this.target.origin },
        'upstream answered the WebSocket handshake with a bad 101',
      );
      sendError(
        ex,
        this.rt,
        new GatewayError('GW_UPSTREAM_ERROR', {
          reason: 'bad_websocket_accept',
          detail: 'The upstream did not complete the WebSocket handshake correctly.',
        }),
        true,
      );
      return;
    }
    this.settle(true, 'status', 101);
    const client = this.socket as net.Socket;
    if (client.destroyed) {
      up.destroy();
      return;
    }
    ex.status = 101;
    ex.responseHeaders = headers;
    let out = 'HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\n';
    for (const k in headers) {
      const v = headers[k]!;
      if (Array.isArray(v)) for (const x of v) out += `${k}: ${x}\r\n`;
      else out += `${k}: ${v}\r\n`;
    }
    client.write(`${out}\r\n`);
    tunnel(ex, client, up as net.Socket, this.head, this.idleMs);
  }

  onHeaders(statusCode: number, rawHeaders: Buffer[] | string[] | null, resume: () => void): boolean {
    if (statusCode < 200) return true;
    const ex = this.ex;
    this.resumeFn = resume;
    this.settle(statusCode < 500, 'status', statusCode);
    ex.status = statusCode;
    const headers = relayHeaders(rawHeaders);
    if (this.rt.serverHeader) headers.server = 'gatehouse';
    ex.responseHeaders = headers;
    if (ex.res.destroyed) return true;
    try {
      ex.res.writeHead(statusCode, headers);
    } catch (err) {
      this.abort();
      sendError(
        ex,
        this.rt,
        new GatewayError('GW_UPSTREAM_ERROR', { cause: err, reason: 'bad_upstream_header' }),
        true,
      );
    }
    return true;
  }

  onData(chunk: Buffer): boolean {
    const res = this.ex.res;
    if (!res.headersSent || res.destroyed) return true;
    this.ex.bytesOut += chunk.length;
    if (res.write(chunk)) return true;
    res.once('drain', this.resumeFn!);
    return false;
  }

  onComplete(): void {
    this.finished = true;
    if (this.ex.res.headersSent) this.ex.res.end();
  }

  onError(err: Error & { code?: string }): void {
    const ex = this.ex;
    const ours = err instanceof GatewayError || this.socket.destroyed;
    this.settle(false, ours ? 'cancelled' : classifyUpstreamError(err));
    this.finished = true;
    if (this.socket.destroyed) return;
    const code = err.code ?? '';
    const timeout = code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT';
    sendError(
      ex,
      this.rt,
      new GatewayError(timeout ? 'GW_UPSTREAM_TIMEOUT' : 'GW_UPSTREAM_ERROR', {
        cause: err,
        reason: timeout ? 'upstream_timeout' : 'upstream_error',
      }),
      true,
    );
  }

  abort(): void {
    if (this.finished) return;
    this.finished = true;
    this.abortFn?.(new Error('aborted by gateway'));
  }
}

/**
 * Pipes the two sockets both ways with byte counts, an idle timeout (no traffic either way) and
 * both sides closed together.
 */
function tunnel(ex: Exchange, client: net.Socket, up: net.Socket, head: Buffer, idleMs: number): void {
  let closed = false;
  const closeBoth = () => {
    if (closed) return;
    closed = true;
    client.destroy();
    up.destroy();
  };
  client.on('data', (c: Buffer) => {
    ex.bytesIn += c.length;
  });
  up.on('data', (c: Buffer) => {
    ex.bytesOut += c.length;
  });
  client.on('error', closeBoth);
  up.on('error', closeBoth);
  client.on('close', closeBoth);
  up.on('close', closeBoth);
  // A WebSocket has no use for a half-closed connection: once one side sent its FIN (relayed by the
  // pipe), the other gets a short grace to finish, then both are closed.
  let grace: NodeJS.Timeout | undefined;
  const onEnd = () => {
    if (grace !== undefined) return;
    grace = setTimeout(closeBoth, HALF_CLOSE_GRACE_MS);
    grace.unref();
  };
  client.on('end', onEnd);
  up.on('end', onEnd);
  client.on('close', () => clearTimeout(grace));
  client.on('timeout', closeBoth);
  up.on('timeout', closeBoth);
  client.setTimeout(idleMs);
  up.setTimeout(idleMs);
  if (head.length > 0) {
    ex.bytesIn += head.length;
    up.write(head);
  }
  client.pipe(up);
  up.pipe(client);
}

/**
 * Hooks for one `Upgrade` request arriving on `socket` (with the bytes already read after its
 * head). Only WebSocket upgrades on routes with `websocket: true` are accepted.
 */
export function websocketHooks(socket: Duplex, head: Buffer): UpgradeHooks {
  return {
    check(ex, rt) {
      if (!hasToken(ex.headers.upgrade, 'websocket')) {
        return new GatewayError('GW_NOT_IMPLEMENTED', {
          reason: 'upgrade_not_supported',
          detail: 'Only WebSocket upgrades are supported.',
        });
      }
      if (wsRoutes(rt).get(ex.route.name)?.enabled !== true) {
        return new GatewayError('GW_NOT_IMPLEMENTED', {
          reason: 'upgrade_not_supported',
          detail: 'WebSocket is not enabled on this route.',
        });
      }
      return checkWebSocketHandshake(ex.req);
    },
    connect(ex, rt) {
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
        exclude: undefined,
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
      const headers = ex.upstreamHeaders;
      // undici writes `connection: upgrade` and `upgrade: websocket` itself and refuses them here.
      delete headers.connection;
      delete headers.upgrade;
      delete headers['content-length'];
      if (route.preserveHost) headers.host = ex.headers.host as string;
      const idleMs = wsRoutes(rt).get(ex.route.name)?.idleMs ?? DEFAULT_WS_IDLE_TIMEOUT_MS;
      const handler = new WsUpstreamHandler(ex, rt, target, socket, head, idleMs);
      ex.inFlight = handler;
      upstream.onStart(target);
      target.pool.dispatch(
        {
          path: ex.upstreamPath,
          method: 'GET',
          headers,
          upgrade: 'websocket',
          headersTimeout: route.timeoutMs,
        },
        handler as unknown as Dispatcher.DispatchHandler,
      );
    },
  };
}

/**
 * The listener's `upgrade` event: the request runs through the same pipeline as any other
 * (hygiene, routing, policies), with error answers written by a ServerResponse bound to the socket
 * (`Connection: close`, the socket closed after the answer).
 */
export function createUpgradeListener(handler: UpgradeAwareHandler) {
  return function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // An upgrade pipelined behind a request whose answer is still being written: the socket already carries a
    // response, and assigning a second one throws inside node's parser (a crash from one write). A client that
    // pipelines an upgrade is not a WebSocket client: close the connection once that answer is out.
    const pending = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (pending) {
      socket.on('error', () => socket.destroy());
      pending.shouldKeepAlive = false;
      if (pending.writableFinished) socket.destroy();
      else {
        pending.once('finish', () => socket.destroy());
        pending.once('close', () => socket.destroy());
      }
      return;
    }
    const res = new http.ServerResponse(req);
    res.shouldKeepAlive = false;
    res.assignSocket(socket as net.Socket);
    res.once('finish', () => {
      socket.end();
      (socket as Duplex & { destroySoon?: () => void }).destroySoon?.();
    });
    socket.on('error', () => socket.destroy());
    handler(req, res, false, websocketHooks(socket, head));
  };
}
