import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { GatewayError } from '../errors/gateway-error.ts';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../errors/problem.ts';

/** Options of {@link createAdminServer}. */
export interface AdminServerOptions {
  /** Address to bind. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** Port to bind; 0 picks a free one. */
  port: number;
  /** Renders the Prometheus exposition (e.g. `metrics.exposition()` or an aggregate over workers). */
  metrics: () => Promise<{ contentType: string; body: string }>;
  /** True when the gateway can take traffic (config loaded, listeners up). */
  ready: () => boolean;
  /** When given, `GET /status` answers its JSON. The value must already be redacted. */
  status?: () => unknown;
  logger: Logger;
  /**
   * When set, `/metrics` and `/status` require `Authorization: Bearer <token>` (compared in constant time).
   * `/healthz` and `/readyz` stay open for probes.
   */
  token?: string;
  /** Time allowed to receive the request head. Default 5000 ms. */
  headersTimeoutMs?: number;
  /** Concurrent connections accepted. Default 64. */
  maxConnections?: number;
}

/** A started-on-demand admin listener. */
export interface AdminServer {
  /** Binds the listener; resolves with the actual port. */
  listen(): Promise<{ port: number }>;
  /** Stops accepting, lets in-flight requests finish (at most 1 s), then resolves. */
  close(): Promise<void>;
}

const ALLOW = 'GET, HEAD';
const JSON_TYPE = 'application/json; charset=utf-8';
const HEALTH_BODY = '{"status":"ok"}';
const READY_BODY = '{"status":"ready"}';
const MAX_HEADER_BYTES = 8192;

type Endpoint = 'healthz' | 'readyz' | 'metrics' | 'status';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  head: boolean,
  extra?: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  if (extra) for (const k of Object.keys(extra)) headers[k.toLowerCase()] = extra[k]!;
  res.writeHead(status, headers);
  if (head) res.end();
  else res.end(body);
}

function sendProblem(res: ServerResponse, err: GatewayError, head: boolean, close: boolean): void {
  const extra: Record<string, string> = { ...err.headers };
  if (close) extra.connection = 'close';
  send(res, err.status, PROBLEM_CONTENT_TYPE, problemBody(err, undefined), head, extra);
}

/**
 * Creates the admin listener (node:http, loopback by default): `GET /healthz` (process alive),
 * `GET /readyz` (200 when ready, else 503 problem+json), `GET /metrics` (Prometheus text) and, when a
 * `status` callback is given, `GET /status`. Other paths answer 404, other methods 405 with `Allow`, and any
 * request body 413. Bad options throw TypeError here, not at listen time.
 *
 * @example
 * const admin = createAdminServer({ port: 9901, metrics: () => metrics.exposition(), ready: () => runtime !== undefined, logger });
 * const { port } = await admin.listen();
 */
export function createAdminServer(opts: AdminServerOptions): AdminServer {
  const host = opts.host ?? '127.0.0.1';
  const headersTimeout = opts.headersTimeoutMs ?? 5000;
  const maxConnections = opts.maxConnections ?? 64;
  if (typeof host !== 'string' || host.length === 0)
    throw new TypeError('admin host must be a non-empty string');
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new TypeError('admin port must be an integer between 0 and 65535');
  }
  if (!Number.isInteger(headersTimeout) || headersTimeout < 10) {
    throw new TypeError('admin headersTimeoutMs must be an integer >= 10');
  }
  if (!Number.isInteger(maxConnections) || maxConnections < 1) {
    throw new TypeError('admin maxConnections must be a positive integer');
  }
  if (typeof opts.metrics !== 'function' || typeof opts.ready !== 'function') {
    throw new TypeError('admin server needs metrics() and ready() callbacks');
  }
  if (opts.token !== undefined && (typeof opts.token !== 'string' || opts.token.length < 16)) {
    throw new TypeError('admin token must be a string of at least 16 characters');
  }
  const { logger, status } = opts;
  const tokenDigest = opts.token === undefined ? undefined : digest(`Bearer ${opts.token}`);

  const endpoints = new Map<string, Endpoint>([
    ['/healthz', 'healthz'],
    ['/readyz', 'readyz'],
    ['/metrics', 'metrics'],
  ]);
  if (status !== undefined) endpoints.set('/status', 'status');

  function authorized(req: IncomingMessage): boolean {
    if (tokenDigest === undefined) return true;
    const header = req.headers.authorization;
    if (typeof header !== 'string') return false;
    return timingSafeEqual(digest(header), tokenDigest);
  }

  function internal(res: ServerResponse, head: boolean, err: unknown, what: string): void {
    logger.error({ error: err, gatehouse: { admin: what } }, `admin ${what} failed`);
    sendProblem(res, new GatewayError('GW_INTERNAL', { cause: err, reason: 'admin_internal' }), head, false);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const method = req.method ?? 'GET';
    const head = method === 'HEAD';
    const cl = req.headers['content-length'];
    const hasBody = (cl !== undefined && cl !== '0') || req.headers['transfer-encoding'] !== undefined;

    const endpoint = endpoints.get(path);
    if (endpoint === undefined) {
      sendProblem(
        res,
        new GatewayError('GW_NOT_FOUND', { detail: 'No admin endpoint at this path.' }),
        head,
        hasBody,
      );
      return;
    }
    if (method !== 'GET' && !head) {
      sendProblem(
        res,
        new GatewayError('GW_METHOD_NOT_ALLOWED', { headers: { allow: ALLOW } }),
        false,
        hasBody,
      );
      return;
    }
    if (hasBody) {
      const err = new GatewayError('GW_PAYLOAD_TOO_LARGE', { detail: 'Admin requests take no body.' });
      sendProblem(res, err, head, true);
      return;
    }

    switch (endpoint) {
      case 'healthz':
        send(res, 200, JSON_TYPE, HEALTH_BODY, head);
        return;
      case 'readyz': {
        let ok = false;
        try {
          ok = opts.ready() === true;
        } catch (err) {
          logger.error({ error: err }, 'admin readiness check threw');
        }
        if (ok) send(res, 200, JSON_TYPE, READY_BODY, head);
        else {
          const err = new GatewayError('GW_OVERLOADED', {
            detail: 'The gateway is not ready to take traffic.',
            reason: 'not_ready',
          });
          sendProblem(res, err, head, false);
        }
        return;
      }
      case 'metrics':
      case 'status': {
        if (!authorized(req)) {
          const err = new GatewayError('GW_UNAUTHORIZED', {
            headers: { 'www-authenticate': 'Bearer realm="gatehouse-admin"' },
          });
          sendProblem(res, err, head, false);
          return;
        }
        if (endpoint === 'metrics') {
          let out: { contentType: string; body: string };
          try {
            out = await opts.metrics();
          } catch (err) {
            internal(res, head, err, 'metrics');
            return;
          }
          send(res, 200, out.contentType, out.body, head);
          return;
        }
        let body: string;
        try {
          body = JSON.stringify(status!()) ?? 'null';
        } catch (err) {
          internal(res, head, err, 'status');
          return;
        }
        send(res, 200, JSON_TYPE, body, head);
        return;
      }
    }
  }

  const server = createServer(
    {
      headersTimeout,
      requestTimeout: headersTimeout * 2,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))),
      keepAliveTimeout: 5000,
      maxHeaderSize: MAX_HEADER_BYTES,
    },
    (req, res) => {
      handle(req, res).catch((err: unknown) => internal(res, req.method === 'HEAD', err, 'request'));
    },
  );
  server.maxConnections = maxConnections;
  server.maxRequestsPerSocket = 1000;

  let listening = false;

  return {
    listen() {
      if (listening) return Promise.reject(new Error('admin server is already listening'));
      return new Promise((resolve, reject) => {
        const onError = (err: Error) => reject(err);
        server.once('error', onError);
        server.listen(opts.port, host, () => {
          server.off('error', onError);
          server.on('error', (err) => logger.error({ error: err }, 'admin listener error'));
          listening = true;
          const port = (server.address() as AddressInfo).port;
          if (!isLoopback(host) && tokenDigest === undefined) {
            logger.warn(
              { gatehouse: { admin: { host, port } } },
              'admin listener is reachable beyond loopback without a token',
            );
          }
          logger.info({ gatehouse: { admin: { host, port } } }, 'admin listener started');
          resolve({ port });
        });
      });
    },
    close() {
      if (!listening) return Promise.resolve();
      listening = false;
      return new Promise((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 1000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
    },
  };
}
