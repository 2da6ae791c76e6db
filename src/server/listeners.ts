import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import type { Server } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { ERROR_CATALOGUE, type ErrorCode } from '../errors/catalogue.ts';
import { GatewayError } from '../errors/gateway-error.ts';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../errors/problem.ts';
import { normalizeIp } from '../lib/ip.ts';
import { createRequestHandler } from '../pipeline/handler.ts';
import type { ListenerLimits, RuntimeRef } from '../runtime/types.ts';
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
  const body = problemBody(err, undefined);
  const status = ERROR_CATALOGUE[code].status;
  return (
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\n` +
    `content-type: ${PROBLEM_CONTENT_TYPE}\r\ncache-control: no-store\r\nconnection: close\r\n` +
    `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
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
  readonly sockets = new Set<Duplex>();

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
    const onRequest = (req: IncomingMessage, res: ServerResponse) => handler(req, res, false);
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
      this.certs = new CertificateStore(cfg.tls);
      const tlsOpts = {
        ...this.certs.baseOptions(),
        SNICallback: this.certs.sniCallback,
        cert: undefined,
        key: undefined,
      };
      // The default context comes from the store; SNI picks others.
      if (cfg.tls.http2) {
        const s = http2.createSecureServer({
          ...tlsOpts,
          allowHTTP1: true,
          maxSessionMemory: 10,
          settings: { maxHeaderListSize: limits.maxHeaderBytes, maxConcurrentStreams: 100 },
          maxHeaderListPairs: limits.maxHeaderCount + 4,
        });
        s.on('request', onRequest as never);
        server = s;
      } else {
        server = https.createServer({ ...serverOpts, ...tlsOpts }, onRequest);
      }
      const store = this.certs;
      (server as https.Server).setSecureContext({
        ...store.baseOptions(),
        ...secureContextMaterial(cfg.tls),
      });
      store.onChange(() => {
        (server as https.Server).setSecureContext({
          ...store.baseOptions(),
          ...secureContextMaterial(cfg.tls!),
        });
      });
      if (cfg.tls.reload_interval_ms > 0) {
        this.#certTimer = setInterval(() => {
          try {
            if (store.changedOnDisk()) {
              store.reload();
              logger.info({ listener: cfg.name }, 'TLS certificates reloaded from disk');
            }
          } catch (err) {
            logger.error(
              { listener: cfg.name, err: (err as Error).message },
              'TLS certificate reload failed; keeping the old ones',
            );
          }
        }, cfg.tls.reload_interval_ms);
        this.#certTimer.unref();
      }
      server.on('tlsClientError', (_err: Error, socket: Duplex) => {
        events.rejected('tls_handshake');
        socket.destroy();
      });
    } else {
      this.certs = undefined;
      server = http.createServer(serverOpts, onRequest);
    }
    this.server = server;
    this.apply(limits);
    const hs = server as http.Server;
    hs.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => handler(req, res, true));
    hs.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
      res.writeHead(417, { 'content-type': PROBLEM_CONTENT_TYPE, connection: 'close' });
      res.end();
    });
    hs.on('connect', (_req: IncomingMessage, socket: Duplex) => {
      events.rejected('method_forbidden');
      socket.end(rawProblem('GW_METHOD_NOT_ALLOWED', 'method_forbidden', 'CONNECT is not accepted.'));
    });
    hs.on('upgrade', (_req: IncomingMessage, socket: Duplex) => {
      events.rejected('upgrade_not_supported');
      socket.end(
        rawProblem(
          'GW_NOT_IMPLEMENTED',
          'upgrade_not_supported',
          'Protocol upgrades are not supported on this route.',
        ),
      );
    });
    hs.on('clientError', (err: Error & { code?: string }, socket: Duplex) => {
      const code = err.code ?? '';
      if (code === 'ECONNRESET' || code === 'EPIPE' || !socket.writable) {
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
    server.on('connection', (socket: import('node:net').Socket) => {
      const ip = normalizeIp(socket.remoteAddress ?? '') ?? '';
      const n = (this.perIp.get(ip) ?? 0) + 1;
      if (n > this.limits.maxConnectionsPerIp) {
        events.rejected('too_many_connections_per_ip');
        socket.destroy();
        return;
      }
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
    });
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

  /** Stops accepting; idle keep-alive connections close now, busy ones after their response. */
  close(deadlineMs: number): Promise<void> {
    if (this.#certTimer) clearInterval(this.#certTimer);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        for (const s of this.sockets) s.destroy();
        resolve();
      }, deadlineMs);
      timer.unref();
      this.server.close(() => {
        clearTimeout(timer);
        resolve();
      });
      (this.server as http.Server).closeIdleConnections?.();
      // Busy keep-alive connections: ask them to close after the current response.
      const idleSweep = setInterval(() => (this.server as http.Server).closeIdleConnections?.(), 100);
      idleSweep.unref();
      this.server.once('close', () => clearInterval(idleSweep));
    });
  }
}

function secureContextMaterial(tls: ListenerTlsConfig) {
  // Re-read the default certificate so setSecureContext uses the current files.
  const c = tls.certificates[0]!;
  return {
    cert: readFile(c.cert),
    key: readFile(c.key),
    passphrase: c.passphrase,
  };
}

import { readFileSync } from 'node:fs';

function readFile(p: string): string {
  return readFileSync(p, 'utf8');
}

/** Key that decides whether a listener can be updated in place or must be reopened. */
function identity(cfg: ListenerConfig, limits: ListenerLimits): string {
  return JSON.stringify([cfg.host, cfg.port, cfg.tls ?? null, limits.maxHeaderBytes]);
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

  async apply(
    listeners: readonly ListenerConfig[],
    limits: ReadonlyMap<string, ListenerLimits>,
    fixedPorts?: Record<string, number>,
  ): Promise<void> {
    const wanted = new Set(listeners.map((l) => l.name));
    const retiring: Promise<void>[] = [];
    for (const cfg0 of listeners) {
      const cfg =
        fixedPorts?.[cfg0.name] !== undefined && cfg0.port === 0
          ? { ...cfg0, port: fixedPorts[cfg0.name]! }
          : cfg0;
      const lim = limits.get(cfg.name)!;
      const id = identity(cfg, lim);
      const have = this.#open.get(cfg.name);
      if (have && have.id === id) {
        have.l.apply(lim);
        continue;
      }
      const l = new OpenListener(cfg, this.#ref, lim, this.#events, this.#logger);
      const reuse = this.#reusePort && have !== undefined && have.l.cfg.port === cfg.port && cfg.port !== 0;
      const port = await l.listen(this.#reusePort || reuse);
      this.#logger.info(
        { listener: cfg.name, host: cfg.host, port, tls: cfg.tls !== undefined },
        'listening',
      );
      this.#open.set(cfg.name, { l, id, port });
      if (have) retiring.push(have.l.close(30_000));
    }
    for (const [name, o] of this.#open) {
      if (!wanted.has(name)) {
        this.#open.delete(name);
        retiring.push(o.l.close(30_000));
      }
    }
    await Promise.all(retiring);
  }

  /** Graceful stop: stop accepting, let in-flight requests finish within the deadline. */
  async close(deadlineMs: number): Promise<void> {
    const all = [...this.#open.values()].map((o) => o.l.close(deadlineMs));
    this.#open.clear();
    await Promise.all(all);
  }
}
