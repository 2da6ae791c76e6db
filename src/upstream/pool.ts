import { isIP } from 'node:net';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { Logger } from 'pino';
import { buildConnector, Client, type Dispatcher, Pool } from 'undici';
import { H1Pool } from './h1pool.ts';
import type { ProxyPool } from './target.ts';
import type { UpstreamSpec } from './types.ts';

type ServernameOptions = Dispatcher.DispatchOptions & { servername?: string };

/**
 * A `Client` whose requests all carry one fixed `servername`.
 *
 * undici derives a request's `servername` from its `Host` header, and when it changes the connection is
 * torn down and re-established with the new name used for SNI and certificate verification. A proxy
 * that forwards the client's `Host` would let clients choose the name the upstream certificate is
 * checked against and churn connections. Pinning it keeps both under the operator's control; the
 * connector then sends the configured SNI whatever value arrives here.
 */
class PinnedServernameClient extends Client {
  readonly #servername: string;

  constructor(origin: URL | string, options: Client.Options, servername: string) {
    super(origin, options);
    this.#servername = servername;
  }

  override dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    if ((opts as ServernameOptions).servername === this.#servername) return super.dispatch(opts, handler);
    const pinned: ServernameOptions = { ...opts, servername: this.#servername };
    return super.dispatch(pinned, handler);
  }
}

/** Builds the connection machinery of an upstream's targets (one TLS context shared by all of them). */
export interface Transport {
  /**
   * The proxy pool of a target: the gateway's own HTTP/1.1 client (src/upstream/h1pool.ts), or undici when the
   * upstream offers HTTP/2 (`http2: true`); WebSocket upgrades go through undici either way.
   */
  createPool(url: URL): ProxyPool;
  /** An undici pool for a target (HTTP/2 upstreams, WebSocket upgrades). */
  createUndiciPool(url: URL): Pool;
  /** The single-connection client used by active health checks of a target. */
  createHealthClient(url: URL, timeoutMs: number): Client;
}

function bareHostname(url: URL): string {
  const h = url.hostname;
  return h.startsWith('[') ? h.slice(1, -1) : h;
}

/**
 * Creates the transport of an upstream: validates and compiles its TLS settings once (a bad PEM,
 * a key that does not match its certificate or an unsupported version throws a `TypeError` now, not on
 * the first request), and logs a warning when certificate verification is disabled.
 *
 * For `https` targets the SNI / verification name is `tls.servername`, else the target's DNS name,
 * else none (IP literal: the certificate must carry that IP in its subjectAltName).
 *
 * @example
 * const transport = createTransport(spec, logger);
 * const pool = transport.createPool(new URL('https://10.0.0.5:8443'));
 */
export function createTransport(spec: Readonly<UpstreamSpec>, logger: Logger): Transport {
  const tls = spec.tls;
  const rejectUnauthorized = tls?.reject_unauthorized ?? true;
  let secureContext: SecureContext | undefined;
  if (spec.targets.some((t) => t.url.startsWith('https:'))) {
    try {
      secureContext = createSecureContext({
        ca: tls?.ca,
        cert: tls?.cert,
        key: tls?.key,
        minVersion: tls?.min_version,
      });
    } catch (err) {
      const reason = (err as { code?: string }).code ?? 'unreadable PEM material';
      throw new TypeError(`upstream "${spec.name}": tls is invalid (${reason})`);
    }
    if (!rejectUnauthorized) {
      logger.warn(
        { upstream: spec.name },
        'upstream TLS certificate verification is disabled (tls.reject_unauthorized: false); traffic can be intercepted',
      );
    }
  }

  const tlsConnector = (url: URL, timeout: number): buildConnector.connector => {
    const host = bareHostname(url);
    const sni = tls?.servername ?? (isIP(host) === 0 ? host : undefined);
    const base = buildConnector({ secureContext, rejectUnauthorized, timeout, allowH2: spec.http2 === true });
    return (opts, callback) => base({ ...opts, servername: sni }, callback);
  };
  const pinFor = (url: URL): string => tls?.servername ?? bareHostname(url);
  const ka = spec.keepalive_timeout_ms;

  return {
    createPool(url: URL): ProxyPool {
      const undiciPool = (): Pool => this.createUndiciPool(url);
      if (spec.http2 === true) return undiciPool();
      const https = url.protocol === 'https:';
      return new H1Pool(url, {
        connections: spec.connections,
        keepAliveTimeout: ka,
        headersTimeout: spec.timeouts.header_ms,
        bodyTimeout: spec.timeouts.body_ms,
        connectTimeout: spec.timeouts.connect_ms,
        tls: https
          ? {
              secureContext,
              rejectUnauthorized,
              servername: tls?.servername ?? (isIP(bareHostname(url)) === 0 ? bareHostname(url) : undefined),
            }
          : undefined,
        fallback: undiciPool,
      }) as unknown as ProxyPool;
    },

    createUndiciPool(url: URL): Pool {
      const common = {
        connections: spec.connections,
        pipelining: 1,
        keepAliveTimeout: ka,
        keepAliveMaxTimeout: ka,
        headersTimeout: spec.timeouts.header_ms,
        bodyTimeout: spec.timeouts.body_ms,
      };
      if (url.protocol !== 'https:') {
        return new Pool(url.origin, { ...common, connect: { timeout: spec.timeouts.connect_ms } });
      }
      const pin = pinFor(url);
      return new Pool(url.origin, {
        ...common,
        allowH2: spec.http2 === true,
        connect: tlsConnector(url, spec.timeouts.connect_ms),
        factory: (origin: URL, opts: object) =>
          new PinnedServernameClient(origin, opts as Client.Options, pin),
      });
    },

    createHealthClient(url: URL, timeoutMs: number): Client {
      const connectTimeout = Math.min(spec.timeouts.connect_ms, timeoutMs);
      const common = { pipelining: 1, headersTimeout: timeoutMs, bodyTimeout: timeoutMs };
      if (url.protocol !== 'https:') {
        return new Client(url.origin, { ...common, connect: { timeout: connectTimeout } });
      }
      return new PinnedServernameClient(
        url.origin,
        { ...common, connect: tlsConnector(url, connectTimeout) },
        pinFor(url),
      );
    },
  };
}
