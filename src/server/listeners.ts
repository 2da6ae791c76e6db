import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import type net from 'node:net';
import type { Server } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { captureClientHellos } from '../bot/client-hello.ts';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors/catalogue.ts';
import { GatewayError } from '../errors/gateway-error.ts';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../errors/problem.ts';
import { normalizeIp } from '../lib/ip.ts';
import { nextRequestId } from '../pipeline/context.ts';
import { createRequestHandler } from '../pipeline/handler.ts';
import { createUpgradeListener } from '../pipeline/upgrade.ts';
import type { ListenerLimits, RuntimeRef } from '../runtime/types.ts';
import { type FastPath, installFastPath } from './fast-h1.ts';
import { CertificateStore, type ListenerTlsConfig } from './tls.ts';

export interface ListenerConfig {
  name: string;
  host: string;
  port: number;
  tls?: ListenerTlsConfig | undefined;
}

/** Hooks the listener layer reports to (metrics). */
export interface ListenerEvents {
  connectionOpened(listener: string): void;
  connectionClosed(listener: string): void;
  rejected(reason: string): void;
}

/** A raw HTTP/1.1 error answer for requests Node's parser refused (no route, no context yet). */
function rawProblem(code: ErrorCode, reason: string, detail?: string): string {
  const err = new GatewayError(code, { reason, detail });
  // No request was parsed, yet the answer carries an id like every other problem, so a client's report
  // of it can be found in the gateway's events.
  const id = nextRequestId();
  const body = problemBody(err, id);
  const status = ERROR_CATALOGUE[code].status;
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
    `content-type: ${PROBLEM_CONTENT_TYPE}\r\ncache-control: no-store\r\nconnection: close\r\n` +
    `x-request-id: ${id}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}

const PARSER_ERRORS: Record<string, [ErrorCode, string, string]> = {
  HPE_HEADER_OVERFLOW: ['GW_HEADERS_TOO_LARGE', 'header_overflow', 'The request head is too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [
    'GW_REQUEST_TIMEOUT',
    'request_timeout',
    'The request was not received in time.',
  ],
  HPE_UNEXPECTED_CONTENT_LENGTH: [
    'GW_AMBIGUOUS_FRAMING',
    'ambiguous_framing',
    'Content-Length together with Transfer-Encoding, or repeated.',
  ],
  HPE_INVALID_TRANSFER_ENCODING: [
    'GW_AMBIGUOUS_FRAMING',
    'bad_transfer_encoding',
    'Malformed Transfer-Encoding.',
  ],
  HPE_INVALID_CONTENT_LENGTH: ['GW_AMBIGUOUS_FRAMING', 'bad_content_length', 'Malformed Content-Length.'],
  HPE_INVALID_CHUNK_SIZE: ['GW_AMBIGUOUS_FRAMING', 'bad_chunk', 'Malformed chunked body.'],
};

/** One open listener (server) with its per-client connection accounting. */
class OpenListener {
  readonly cfg: ListenerConfig;
  readonly server: Server;
  readonly certs: CertificateStore | undefined;
  readonly perIp = new Map<string, number>();
  limits: ListenerLimits;
  #certTimer: NodeJS.Timeout | undefined;
  #closing = false;
  /** Connections accepted so far (to tell when the accept queue has been drained). */
  #accepted = 0;
  #closed: Promise<void> | undefined;
  /** Brings the close deadline forward (a shutdown while this listener is being retired). */
  #hurry: ((deadlineMs: number) => void) | undefined;
  readonly sockets = new Set<Duplex>();
  /** Open HTTP/2 sessions (closed with GOAWAY on shutdown, so their streams can finish). */
  readonly sessions = new Set<http2.ServerHttp2Session>();
  /** Cleartext listeners: the fast path for simple HTTP/1.1 requests (src/server/fast-h1.ts). */
  readonly fast: FastPath | undefined;

  constructor(
    cfg: ListenerConfig,
    ref: RuntimeRef,
    limits: ListenerLimits,
    events: ListenerEvents,
    logger: Logger,
  ) {
    this.cfg = cfg;
    this.limits = limits;
    const secure = cfg.tls !== undefined;
    const handler = createRequestHandler(ref, cfg.name, secure);
    // A listener being retired (reopened by a reload, or removed) answers the requests still
    // arriving on its keep-alive connections with `Connection: close`, so clients move to the new
    // socket without ever sending on a connection the gateway is closing.
    const onRequest = (req: IncomingMessage, res: ServerResponse) => {
      if (this.#closing) res.shouldKeepAlive = false;
      handler(req, res, false);
    };
    const serverOpts = {
      maxHeaderSize: limits.maxHeaderBytes,
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: limits.headersTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      requireHostHeader: false, // checked by the handler, answered as problem+json
      joinDuplicateHeaders: false,
      insecureHTTPParser: false,
      connectionsCheckingInterval: Math.min(1000, Math.max(100, Math.floor(limits.headersTimeoutMs / 4))),
    };
    let server: Server;
    if (cfg.tls) {
      const store = new CertificateStore(cfg.tls);
      this.certs = store;
      const tlsOpts = {
        ...store.baseOptions(),
        ...store.defaultMaterial,
        SNICallback: store.sniCallback,
        ...store.clientAuthOptions(),
        // A client that connects and never completes the handshake holds a socket as long as
        // one that never sends its head: the same bound applies.
        handshakeTimeout: limits.headersTimeoutMs,
      };
      if (cfg.tls.http2) {
        const s = http2.createSecureServer({
          ...tlsOpts,
          allowHTTP1: true,
          maxSessionMemory: 10,
          settings: { maxHeaderListSize: limits.maxHeaderBytes, maxConcurrentStreams: 100 },
          maxHeaderListPairs: limits.maxHeaderCount + 4,
        });
        // HTTP/1.1 connections on this server go through node:http's parser, which reads these
        // from the server object (createSecureServer does not take them as options).
        Object.assign(s, {
          maxHeaderSize: limits.maxHeaderBytes,
          insecureHTTPParser: false,
          requireHostHeader: false,
          joinDuplicateHeaders: false,
          connectionsCheckingInterval: serverOpts.connectionsCheckingInterval,
        });
        s.on('request', ((req: http2.Http2ServerRequest, res: http2.Http2ServerResponse) => {
          if (req.httpVersionMajor === 2) this.#streamDeadline(req, res, events);
          onRequest(req as unknown as IncomingMessage, res as unknown as ServerResponse);
        }) as never);
        s.on('session', (session: http2.ServerHttp2Session) => this.#trackSession(session));
        server = s;
      } else {
        server = https.createServer({ ...serverOpts, ...tlsOpts }, onRequest);
      }
      // Each connection's ClientHello is kept (bounded, timed) for the bot-defense JA4 fingerprint.
      captureClientHellos(server, {
        timeoutMs: limits.headersTimeoutMs,
        onRefused: (r) => events.rejected(r),
      });
      const secureServer = server as https.Server;
      const depth = store.verifyDepth;
      if (depth !== undefined) {
        // Node has no verify-depth option: a verified chain longer than allowed is cut after the handshake.
        secureServer.on('secureConnection', (sock: import('node:tls').TLSSocket) => {
          if (!sock.authorized) return;
          if (depth === 0) {
            // Exact: the client certificate must be signed by a listed CA itself.
            const leaf = sock.getPeerX509Certificate();
            if (leaf !== undefined && !store.issuedByTrustedCa(leaf)) {
              events.rejected('client_cert_depth');
              sock.destroy();
            }
            return;
          }
          // Deeper limits count the verified chain as far as Node exposes it (leaf, intermediates…, CA).
          let n = 0;
          let c = sock.getPeerCertificate(true) as import('node:tls').DetailedPeerCertificate | undefined;
          const seen = new Set<string>();
          while (c?.raw && !seen.has(c.fingerprint256)) {
            seen.add(c.fingerprint256);
            n++;
            if (c.issuerCertificate === c) break;
            c = c.issuerCertificate;
          }
          if (n - 2 > depth) {
            events.rejected('client_cert_depth');
            sock.destroy();
          }
        });
      }
      store.onChange((material) => secureServer.setSecureContext({ ...store.baseOptions(), ...material }));
      if (cfg.tls.reload_interval_ms > 0) {
        this.#certTimer = setInterval(() => {
          if (!store.changedOnDisk()) return;
          try {
            store.reload();
            logger.info({ listener: cfg.name }, 'TLS certificates reloaded from disk');
          } catch (err) {
            logger.error(
              { listener: cfg.name, err: (err as Error).message },
              'TLS certificate reload failed; keeping the old ones',
            );
          }
        }, cfg.tls.reload_interval_ms);
        this.#certTimer.unref();
      }
      server.on('tlsClientError', (err: Error & { code?: string }, socket: Duplex) => {
        // A client that went away mid-handshake was not refused; anything else (bad version or
        // suite, not TLS at all, handshake timeout) was.
        if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') events.rejected('tls_handshake');
        socket.destroy();
      });
    } else {
      this.certs = undefined;
      server = http.createServer(serverOpts, onRequest);
    }
    // The fast path serves simple HTTP/1.1 requests on cleartext and HTTPS listeners; HTTP/2-enabled listeners
    // (ALPN, node's own session handling) keep node's path for everything.
    if (!cfg.tls) {
      this.fast = installFastPath(server as http.Server, { onRequest, limits: () => this.limits });
    } else if (!cfg.tls.http2) {
      const fast = installFastPath(
        server as http.Server,
        { onRequest, limits: () => this.limits },
        'secureConnection',
      );
      this.fast = fast;
      server.prependListener('secureConnection', (s: net.Socket) => fast.onConnection(s));
    } else this.fast = undefined;
    this.server = server;
    this.apply(limits);
    const hs = server as http.Server;
    hs.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
      if (req.httpVersionMajor === 2)
        this.#streamDeadline(req as never as http2.Http2ServerRequest, res as never, events);
      else if (this.#closing) res.shouldKeepAlive = false;
      handler(req, res, true);
    });
    hs.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
      events.rejected('expectation_failed');
      const body = problemBody(
        new GatewayError('GW_EXPECTATION_FAILED', {
          reason: 'expectation_failed',
          detail: 'Only "Expect: 100-continue" is supported.',
        }),
        undefined,
      );
      const headers: Record<string, string> = {
        'content-type': PROBLEM_CONTENT_TYPE,
        'cache-control': 'no-store',
        'content-length': String(Buffer.byteLength(body)),
      };
      // HTTP/2 has no Connection header (Node drops it with a process warning).
      if (req.httpVersionMajor < 2) headers.connection = 'close';
      res.writeHead(417, headers);
      res.end(body);
    });
    hs.on('connect', (req: IncomingMessage, second: Duplex | ServerResponse) => {
      // An HTTP/2 CONNECT stream arrives as (request, response), not (request, socket): it goes
      // through the request handler, which refuses CONNECT with a problem+json 405.
      if (second instanceof http2.Http2ServerResponse) return handler(req, second as ServerResponse, false);
      events.rejected('method_forbidden');
      (second as Duplex).end(
        rawProblem('GW_METHOD_NOT_ALLOWED', 'method_forbidden', 'CONNECT is not accepted.'),
      );
    });
    // WebSocket upgrades run through the same pipeline as any request (hygiene, routing, the
    // route's policies) and are tunnelled only on routes with `websocket: true`.
    const onUpgrade = createUpgradeListener(handler);
    hs.on('upgrade', onUpgrade);
    hs.on('clientError', (err: Error & { code?: string }, socket: Duplex) => {
      const code = err.code ?? '';
      // A response already started on this connection (a pipelined request before the bad one): writing a
      // problem now would corrupt it; like node:http's default, just close.
      const started = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage
        ?.headersSent;
      if (code === 'ECONNRESET' || code === 'EPIPE' || !socket.writable || started === true) {
        socket.destroy();
        return;
      }
      const mapped = PARSER_ERRORS[code];
      const [ecode, reason, detail] = mapped ?? [
        'GW_BAD_REQUEST',
        'malformed_request',
        'The request could not be parsed.',
      ];
      events.rejected(reason);
      socket.end(rawProblem(ecode, reason, detail));
      (socket as Duplex & { destroySoon?: () => void }).destroySoon?.();
    });
    const listenerName = cfg.name;
    server.on('connection', (socket: net.Socket) => {
      const ip = normalizeIp(socket.remoteAddress ?? '') ?? '';
      const n = (this.perIp.get(ip) ?? 0) + 1;
      if (n > this.limits.maxConnectionsPerIp) {
        events.rejected('too_many_connections_per_ip');
        socket.destroy();
        return;
      }
      this.#accepted++;
      this.perIp.set(ip, n);
      this.sockets.add(socket);
      events.connectionOpened(listenerName);
      socket.once('close', () => {
        this.sockets.delete(socket);
        const c = (this.perIp.get(ip) ?? 1) - 1;
        if (c <= 0) this.perIp.delete(ip);
        else this.perIp.set(ip, c);
        events.connectionClosed(listenerName);
      });
      if (!cfg.tls) this.fast?.onConnection(socket);
    });
  }

  /**
   * An HTTP/2 session has no keep-alive timer of node:http's kind: one that stays silent for
   * `keep_alive_timeout_ms` is closed with GOAWAY (streams still open may finish).
   */
  #trackSession(session: http2.ServerHttp2Session): void {
    this.sessions.add(session);
    session.once('close', () => this.sessions.delete(session));
    session.setTimeout(this.limits.keepAliveTimeoutMs, () => session.close());
    if (this.#closing) session.close();
  }

  /**
   * `request_timeout_ms` for an HTTP/2 request with a body (node:http enforces it for HTTP/1.1
   * only): a body not fully received in time is answered 408 (or the stream is reset when the
   * response has started) and the stream is closed, as for a slow POST over HTTP/1.1.
   */
  #streamDeadline(
    req: http2.Http2ServerRequest,
    res: http2.Http2ServerResponse,
    events: ListenerEvents,
  ): void {
    const ms = this.limits.requestTimeoutMs;
    const stream = req.stream;
    if (ms <= 0 || stream.endAfterHeaders) return;
    const timer = setTimeout(() => {
      if (stream.destroyed || stream.closed) return;
      events.rejected('request_timeout');
      if (res.headersSent) {
        stream.close(http2.constants.NGHTTP2_CANCEL);
        return;
      }
      const body = problemBody(
        new GatewayError('GW_REQUEST_TIMEOUT', {
          reason: 'request_timeout',
          detail: 'The request was not received in time.',
        }),
        undefined,
      );
      res.writeHead(408, {
        'content-type': PROBLEM_CONTENT_TYPE,
        'cache-control': 'no-store',
        'content-length': String(Buffer.byteLength(body)),
      });
      res.end(body);
      // RST_STREAM(NO_ERROR) once the answer is out: the client stops sending (RFC 9113 §8.1).
      stream.close(http2.constants.NGHTTP2_NO_ERROR);
    }, ms);
    timer.unref();
    const clear = () => clearTimeout(timer);
    stream.once('end', clear);
    stream.once('close', clear);
  }

  /** Applies limits that can change without reopening the socket. */
  apply(limits: ListenerLimits): void {
    this.limits = limits;
    const s = this.server as http.Server;
    s.maxConnections = limits.maxConnections;
    if ('headersTimeout' in s) {
      s.headersTimeout = limits.headersTimeoutMs;
      s.requestTimeout = limits.requestTimeoutMs;
      s.keepAliveTimeout = limits.keepAliveTimeoutMs;
      s.maxHeadersCount = limits.maxHeaderCount + 1;
      s.maxRequestsPerSocket = limits.maxRequestsPerConnection;
    }
  }

  listen(reusePort: boolean): Promise<number> {
    return new Promise((resolve, reject) => {
      const onErr = (err: Error) => reject(err);
      this.server.once('error', onErr);
      this.server.listen({ host: this.cfg.host, port: this.cfg.port, reusePort, backlog: 2048 }, () => {
        this.server.off('error', onErr);
        const addr = this.server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : this.cfg.port);
      });
    });
  }

  /**
   * Stops accepting. Requests still arriving on open keep-alive connections are answered with
   * `Connection: close`; idle connections are closed after `idleGraceMs` (0 = now, as at shutdown;
   * a retired listener waits a little, so that busy clients leave on a `Connection: close` instead of
   * racing a close); whatever is left at `deadlineMs` is destroyed.
   */
  close(deadlineMs: number, idleGraceMs = 0): Promise<void> {
    if (this.#closed) {
      this.#hurry?.(deadlineMs);
      return this.#closed;
    }
    if (this.#certTimer) clearInterval(this.#certTimer);
    this.#closing = true;
    for (const session of this.sessions) session.close();
    const server = this.server as http.Server;
    this.#closed = new Promise((resolve) => {
      let sweep: NodeJS.Timeout | undefined;
      const sweepIdle = () => {
        server.closeIdleConnections?.();
        this.fast?.closeIdle();
      };
      const startSweeping = () => {
        if (sweep) return;
        sweepIdle();
        sweep = setInterval(sweepIdle, 100);
        sweep.unref();
      };
      const destroyAll = () => {
        for (const s of this.sockets) s.destroy();
        resolve();
      };
      const grace = idleGraceMs > 0 ? setTimeout(startSweeping, idleGraceMs) : undefined;
      grace?.unref();
      let deadlineAt = Date.now() + deadlineMs;
      let deadline = setTimeout(destroyAll, deadlineMs);
      deadline.unref();
      this.#hurry = (ms) => {
        clearTimeout(grace);
        startSweeping();
        if (Date.now() + ms >= deadlineAt) return;
        clearTimeout(deadline);
        deadlineAt = Date.now() + ms;
        deadline = setTimeout(destroyAll, ms);
        deadline.unref();
      };
      const onClosed = () => {
        clearTimeout(deadline);
        clearTimeout(grace);
        clearInterval(sweep);
        resolve();
      };
      const stopAccepting = () => {
        // node:http's close() also closes every idle keep-alive connection at once; during a
        // grace they stay open, so that method is shadowed for this one call.
        const own = server as unknown as Record<string, unknown>;
        if (grace) own.closeIdleConnections = () => {};
        server.close(onClosed);
        if (grace) delete own.closeIdleConnections;
      };
      // Closing a listening socket resets the connections still waiting in its accept queue, and
      // they pile up while the event loop is busy (libuv may accept only a few per turn). Keep
      // accepting until two whole loop turns bring none (bounded); they are then served, with
      // `Connection: close`. Two immediates make a turn: the first may run before the next poll.
      const drain = (turns: number, quiet: number) => {
        const seen = this.#accepted;
        setImmediate(() =>
          setImmediate(() => {
            const q = this.#accepted === seen ? quiet + 1 : 0;
            if (q >= 2 || turns <= 0) stopAccepting();
            else drain(turns - 1, q);
          }),
        );
      };
      drain(MAX_DRAIN_TURNS, 0);
      if (!grace) startSweeping();
    });
    return this.#closed;
  }
}

/** Most event-loop turns a closing listener spends accepting connections already queued. */
const MAX_DRAIN_TURNS = 200;

/**
 * How long a retired listener leaves its idle keep-alive connections open: long enough for busy
 * clients to send their next request there and be told `Connection: close`.
 */
const RETIRE_IDLE_GRACE_MS = 1000;

/** Key that decides whether a listener can be updated in place or must be reopened. */
function identity(cfg: ListenerConfig, limits: ListenerLimits): string {
  // The TLS handshake timeout is fixed when the server is created.
  const handshake = cfg.tls ? limits.headersTimeoutMs : 0;
  return JSON.stringify([cfg.host, cfg.port, cfg.tls ?? null, limits.maxHeaderBytes, handshake]);
}

/**
 * The process's listeners. `apply()` makes them match a config: unchanged listeners are updated in
 * place (limits), changed ones are reopened (with SO_REUSEPORT the new socket binds before the old
 * one closes, so no connection is refused), removed ones are closed gracefully.
 */
export class ListenerSet {
  readonly #open = new Map<string, { l: OpenListener; id: string; port: number }>();
  readonly #ref: RuntimeRef;
  readonly #events: ListenerEvents;
  readonly #logger: Logger;
  readonly #reusePort: boolean;
  /** Listeners replaced or removed by a reload, still finishing their connections. */
  readonly #retiring = new Set<OpenListener>();

  constructor(ref: RuntimeRef, events: ListenerEvents, logger: Logger, reusePort: boolean) {
    this.#ref = ref;
    this.#events = events;
    this.#logger = logger;
    this.#reusePort = reusePort;
  }

  /** Bound ports by listener name (useful with port 0). */
  ports(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [name, o] of this.#open) out[name] = o.port;
    return out;
  }

  /**
   * Makes the open listeners match `listeners`. All or nothing: every listener to (re)open is built
   * first (certificates, keys and cipher lists are checked there) and bound next; if either step
   * fails, what was built is closed again, the error is thrown and the running listeners are left
   * exactly as they were. Replaced and removed listeners stop accepting at once and finish their
   * connections in the background; this waits at most for their idle grace, not for their longest
   * request.
   */
  async apply(
    listeners: readonly ListenerConfig[],
    limits: ReadonlyMap<string, ListenerLimits>,
    fixedPorts?: Record<string, number>,
  ): Promise<void> {
    const wanted = new Set(listeners.map((l) => l.name));
    const inPlace: Array<[OpenListener, ListenerLimits]> = [];
    const fresh: Array<{ cfg: ListenerConfig; id: string; l: OpenListener; port: number }> = [];
    try {
      for (const cfg0 of listeners) {
        const cfg =
          fixedPorts?.[cfg0.name] !== undefined && cfg0.port === 0
            ? { ...cfg0, port: fixedPorts[cfg0.name]! }
            : cfg0;
        const lim = limits.get(cfg.name)!;
        const id = identity(cfg, lim);
        const have = this.#open.get(cfg.name);
        if (have && have.id === id) inPlace.push([have.l, lim]);
        else
          fresh.push({
            cfg,
            id,
            l: new OpenListener(cfg, this.#ref, lim, this.#events, this.#logger),
            port: 0,
          });
      }
      // With SO_REUSEPORT a reopened listener binds its port before the old one stops accepting.
      for (const f of fresh) f.port = await f.l.listen(this.#reusePort);
    } catch (err) {
      await Promise.all(fresh.map((f) => f.l.close(0)));
      throw err;
    }
    const retiring: Promise<void>[] = [];
    for (const [l, lim] of inPlace) l.apply(lim);
    for (const f of fresh) {
      this.#logger.info(
        { listener: f.cfg.name, host: f.cfg.host, port: f.port, tls: f.cfg.tls !== undefined },
        'listening',
      );
      const have = this.#open.get(f.cfg.name);
      // Keyed by the bound port: a port-0 listener comes back on the next reload with its actual
      // port (fixedPorts), and must then compare equal instead of being reopened every time.
      const lim = limits.get(f.cfg.name)!;
      const id = f.cfg.port === 0 ? identity({ ...f.cfg, port: f.port }, lim) : f.id;
      this.#open.set(f.cfg.name, { l: f.l, id, port: f.port });
      if (have) retiring.push(this.#retire(have.l));
    }
    for (const [name, o] of this.#open) {
      if (!wanted.has(name)) {
        this.#open.delete(name);
        retiring.push(this.#retire(o.l));
      }
    }
    // Wait for the retired listeners' idle grace (their clients' reconnections then land on the new
    // sockets), not for their longest request: a closing SO_REUSEPORT socket resets the connections
    // in its accept queue, so the listener opened now must not be replaced again while it is still
    // absorbing that wave, and a reload must not wait for a 30-second request either.
    if (retiring.length > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(retiring),
        new Promise((r) => {
          timer = setTimeout(r, RETIRE_IDLE_GRACE_MS + 100);
        }),
      ]);
      clearTimeout(timer);
    }
  }

  #retire(l: OpenListener): Promise<void> {
    this.#retiring.add(l);
    const closed = l.close(30_000, RETIRE_IDLE_GRACE_MS).then(() => {
      this.#retiring.delete(l);
    });
    return closed;
  }

  /** Graceful stop: stop accepting, let in-flight requests finish within the deadline. */
  async close(deadlineMs: number): Promise<void> {
    const all = [...this.#open.values()].map((o) => o.l.close(deadlineMs));
    // Listeners still retiring after a reload: their deadline is brought forward to this one.
    for (const l of this.#retiring) all.push(l.close(deadlineMs));
    this.#open.clear();
    await Promise.all(all);
  }
}
