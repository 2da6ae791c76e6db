import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientCertificateOf } from '../identity/client-cert.ts';
import type { AuthFailure, AuthState, AuthSuccess, ClientCertificate } from '../identity/types.ts';
import type { TraceState } from '../telemetry/tracing.ts';
import type { Upstream } from '../upstream/index.ts';
import type { RequestStep, ResponseStep } from './runner.ts';
import type {
  HeaderMap,
  LogContext,
  PolicyDecision,
  RequestContext,
  ResponseContext,
  RouteInfo,
} from './types.ts';

/** Metric handle cached per compiled route (see telemetry/metrics.ts). */
export interface RouteMetricsLike {
  observe(method: string, status: number, durationSec: number, upstreamSec: number | undefined): void;
}

/** The compiled hooks of one policy chain, by phase, in order. */
export interface Chain {
  readonly requestSteps: readonly RequestStep[];
  readonly upstreamSteps: readonly ((ctx: RequestContext) => void | Promise<void>)[];
  readonly responseSteps: readonly ResponseStep[];
  readonly logSteps: readonly ((ctx: LogContext) => void)[];
  /** Counts `allow` for each request-phase policy of the chain (a request no policy refused). */
  readonly allowed?: readonly (() => void)[];
}

/**
 * Order below which consumer-specific chains take over: after the authentication band (700s)
 * and `auth-requirement` (690), which may assign the anonymous consumer.
 */
export const AUTHN_BAND_END = 680;

/** A route as compiled at config load: everything the request path needs, nothing to assemble per request. */
export interface CompiledRoute extends Chain {
  readonly info: RouteInfo;
  /**
   * Chains for consumers that carry their own policies (global < service < route < consumer).
   * Once authentication identified such a consumer, the rest of the request runs on its chain.
   */
  readonly consumerChains: ReadonlyMap<string, Chain> | undefined;
  /** Index in `requestSteps` of the first step below the authentication band. */
  readonly authnEnd: number;
  readonly upstream: Upstream | undefined;
  /** Base path of the service, prepended when forwarding ('' for none). */
  readonly servicePath: string;
  readonly stripPrefix: boolean;
  readonly rewrite: ((params: Readonly<Record<string, string>>) => string) | undefined;
  readonly preserveHost: boolean;
  readonly timeoutMs: number | undefined;
  /** Extra response headers (Deprecation, Sunset, Link), computed once. */
  readonly responseHeaders: readonly (readonly [string, string])[];
  readonly metrics: RouteMetricsLike;
  readonly retryStatuses: ReadonlySet<number> | undefined;
  readonly retryAttempts: number;
}

let seq = 0;
const idPrefix = `${process.pid.toString(36)}${Math.floor(Math.random() * 0xffffff).toString(36)}-`;

/** Default request id when no `request-id` policy runs: unique per process, cheap. */
export function nextRequestId(): string {
  seq = (seq + 1) | 0;
  return idPrefix + (seq >>> 0).toString(36);
}

/**
 * `ctx.auth` of one request: what authentication policies recorded, and the mTLS client certificate,
 * read from the socket on first use.
 *
 * A class, with `clientCertificate` a getter on the prototype, and never an object literal with a
 * `get` (or a per-object `Object.defineProperty` accessor): V8 allocates the AccessorPair of such an
 * accessor directly in the old generation, one per object, and it points at a getter closure that
 * holds the request. A dead old-generation object still acts as a root for young-generation
 * collections until the next mark-compact, so every request that touched `ctx.auth` (every
 * authenticated request) kept its whole object graph (IncomingMessage, parser state, headers,
 * socket buffers) alive through two scavenges: it was promoted, and the old generation filled with
 * dead requests between mark-compacts (80-100 MiB more peak memory in the `jwt-auth` benchmark).
 *
 * @example
 * const auth = new ExchangeAuth(req);
 * auth.successes.push(success);
 * auth.clientCertificate; // undefined without a verified mTLS certificate
 */
export class ExchangeAuth implements AuthState {
  readonly successes: AuthSuccess[] = [];
  readonly failures: AuthFailure[] = [];
  readonly #req: IncomingMessage;
  /** null until first read. */
  #cert: ClientCertificate | undefined | null = null;

  constructor(req: IncomingMessage) {
    this.#req = req;
  }

  /** The verified mTLS client certificate of the connection, if any (computed once). */
  get clientCertificate(): ClientCertificate | undefined {
    if (this.#cert === null) this.#cert = clientCertificateOf(this.#req);
    return this.#cert;
  }
}

/**
 * The per-request object. One class for all phases so the object keeps one shape;
 * the phase-specific interfaces restrict what each hook may touch at compile time.
 */
export class Exchange implements RequestContext, ResponseContext, LogContext {
  id: string;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly host: string;
  readonly clientIp: string;
  readonly peerIp: string;
  readonly secure: boolean;
  readonly headers: HeaderMap;
  readonly route: RouteInfo;
  readonly params: Readonly<Record<string, string>>;
  upstreamHeaders: Record<string, string | string[]>;
  upstreamPath: string;
  readonly start: number;
  readonly state: Record<string, unknown>;
  readonly decisions: PolicyDecision[];
  consumer: { id: string; groups: readonly string[] } | undefined;
  maxBodyBytes: number;
  status: number;
  responseHeaders: Record<string, string | string[]>;
  local: boolean;
  bytesIn: number;
  bytesOut: number;
  durationMs: number;
  upstreamMs: number | undefined;
  /** performance.now() when the first upstream attempt started (tracing). */
  upstreamStart: number | undefined;
  /** Trace ids of this request when tracing is on. */
  trace: TraceState | undefined;
  error: Error | undefined;
  target: string | undefined;
  readonly compiled: CompiledRoute;
  /** The chain in force: the route's, or a consumer's after authentication. */
  chain: Chain;
  readonly prefix: string | undefined;
  expectContinue: boolean;
  /** The upstream exchange in flight, so a client disconnect can abort it. */
  inFlight: { abort(): void } | undefined;
  #abort: AbortController | undefined;
  #auth: AuthState | undefined;

  constructor(
    req: IncomingMessage,
    res: ServerResponse,
    compiled: CompiledRoute,
    method: string,
    path: string,
    query: string,
    host: string,
    clientIp: string,
    peerIp: string,
    secure: boolean,
    params: Readonly<Record<string, string>>,
    prefix: string | undefined,
    start: number,
    maxBodyBytes: number,
  ) {
    this.id = '';
    this.req = req;
    this.res = res;
    this.method = method;
    this.path = path;
    this.query = query;
    this.host = host;
    this.clientIp = clientIp;
    this.peerIp = peerIp;
    this.secure = secure;
    this.headers = req.headers;
    this.route = compiled.info;
    this.params = params;
    this.upstreamHeaders = {};
    this.upstreamPath = '';
    this.start = start;
    this.state = {};
    this.decisions = [];
    this.consumer = undefined;
    this.maxBodyBytes = maxBodyBytes;
    this.status = 0;
    this.responseHeaders = {};
    this.local = false;
    this.bytesIn = 0;
    this.bytesOut = 0;
    this.durationMs = 0;
    this.upstreamMs = undefined;
    this.upstreamStart = undefined;
    this.trace = undefined;
    this.error = undefined;
    this.target = undefined;
    this.compiled = compiled;
    this.chain = compiled;
    this.prefix = prefix;
    this.expectContinue = false;
    this.inFlight = undefined;
    this.#abort = undefined;
    this.#auth = undefined;
  }

  /** Answers `Expect: 100-continue` once, for a policy about to read the body (the proxy then won't). */
  sendContinue(): void {
    if (!this.expectContinue) return;
    this.expectContinue = false;
    if (!this.res.headersSent && !this.res.destroyed) this.res.writeContinue();
  }

  /** Created on first use: unauthenticated routes never pay for it. */
  get auth(): AuthState {
    if (!this.#auth) this.#auth = new ExchangeAuth(this.req);
    return this.#auth;
  }

  /** Created on first use: most requests never need one. */
  get signal(): AbortSignal {
    if (!this.#abort) {
      this.#abort = new AbortController();
      if (this.req.destroyed) this.#abort.abort();
    }
    return this.#abort.signal;
  }

  /** Aborts the signal, if anyone asked for it. */
  abort(reason?: unknown): void {
    if (this.#abort && !this.#abort.signal.aborted) this.#abort.abort(reason);
  }
}
