import type { Logger } from 'pino';
import type { Target } from './target.ts';

/** Load-balancing algorithm of an upstream. */
export type BalancerKind = 'round-robin' | 'weighted' | 'least-connections' | 'consistent-hash' | 'ewma';

/** One backend origin of an upstream (scheme, host and port only). */
export interface TargetSpec {
  /** Origin such as `https://10.0.0.5:8443`. No path, query, fragment or userinfo. */
  url: string;
  /** Relative weight, integer 1–1000. Default 100. */
  weight: number;
}

/** Where the consistent-hash balancer takes its key from. */
export interface HashOnSpec {
  source: 'header' | 'cookie' | 'ip' | 'consumer';
  /** Header or cookie name; required for `header` and `cookie`, rejected otherwise. */
  name?: string;
}

/** Timeouts applied by the per-target pools. */
export interface TimeoutsSpec {
  /** TCP + TLS connection establishment. Default 5000. */
  connect_ms: number;
  /** Time to receive the complete response head. Default 30000. */
  header_ms: number;
  /** Idle time allowed between two body chunks. Default 30000. */
  body_ms: number;
}

/** TLS settings for `https` targets. Setting `tls` requires every target to use `https`. */
export interface UpstreamTlsSpec {
  /** PEM CA bundle that replaces the system roots for this upstream. */
  ca?: string;
  /** PEM client certificate (mTLS); requires `key`. */
  cert?: string;
  /** PEM private key of the client certificate (secret); requires `cert`. */
  key?: string;
  /** SNI and certificate-identity name. Default: the target host when it is a DNS name, none for IP literals. */
  servername?: string;
  /** Verify the upstream certificate. Default true; `false` is logged as a warning at creation. */
  reject_unauthorized: boolean;
  /** Lowest TLS version offered. Default: Node's (TLSv1.2). */
  min_version?: 'TLSv1.2' | 'TLSv1.3';
}

/** Active (probing) health check settings. */
export interface ActiveHealthSpec {
  /** Request path (absolute, may carry a query). Default `/`. */
  path: string;
  /** Time between the end of a check and the start of the next one. Default 10000. */
  interval_ms: number;
  /** Whole-check deadline (connect, head and body). Default 2000. */
  timeout_ms: number;
  /** Consecutive passing checks that bring an unhealthy target back. Default 2. */
  healthy_threshold: number;
  /** Consecutive failing checks that mark a healthy target down. Default 3. */
  unhealthy_threshold: number;
  /** Statuses that count as a pass. Default `[200]`. */
  expected_statuses: number[];
  /** `Host` header sent with the probe. Default: the target's host. */
  host?: string;
}

/** Passive health (outlier ejection) settings. */
export interface PassiveHealthSpec {
  /** Consecutive failed requests that eject a target. Default 5. */
  consecutive_failures: number;
  /** First ejection length; doubles on each ejection without an intervening success. Default 10000. */
  base_ejection_ms: number;
  /** Ceiling of the ejection length. Default 300000. */
  max_ejection_ms: number;
}

/** Per-target circuit breaker settings. */
export interface CircuitBreakerSpec {
  /** Failure ratio over the window that opens the circuit, in (0, 1]. Default 0.5. */
  failure_ratio: number;
  /** Requests the window must hold before the ratio is considered. Default 20. */
  min_requests: number;
  /** Rolling window length (10 buckets). Default 10000. */
  window_ms: number;
  /** How long the circuit stays open before probing. Default 30000. */
  open_ms: number;
  /** Probe requests admitted when half-open; all must succeed to close. Default 3. */
  half_open_requests: number;
}

/** Retry policy and budget of an upstream. */
export interface RetrySpec {
  /** Retries after the first attempt (1 = one retry). Default 1. */
  attempts: number;
  /** Retries may add at most this fraction to the requests seen over the budget window. Default 0.2. */
  budget_ratio: number;
  /** Retries always allowed per second regardless of the ratio. Default 3. */
  min_retries_per_second: number;
  /** Response statuses the proxy may retry on. Default `[502, 503, 504]`. */
  statuses: number[];
}

/** A fully resolved upstream (every default applied). */
export interface UpstreamSpec {
  name: string;
  targets: TargetSpec[];
  balancer: BalancerKind;
  hash_on?: HashOnSpec;
  /** Maximum connections per target pool. Default 128. */
  connections: number;
  /** Idle keep-alive time of pooled connections (also caps the server's hint). Default 60000. */
  keepalive_timeout_ms: number;
  /** Offer HTTP/2 (ALPN h2) to https targets, e.g. for gRPC. Default false. */
  http2?: boolean;
  timeouts: TimeoutsSpec;
  tls?: UpstreamTlsSpec;
  health_checks?: { active?: ActiveHealthSpec; passive?: PassiveHealthSpec };
  circuit_breaker?: CircuitBreakerSpec;
  retries?: RetrySpec;
}

/**
 * What `createUpstream` accepts: an `UpstreamSpec` whose defaulted fields may be left out.
 * Every full `UpstreamSpec` is a valid input.
 */
export interface UpstreamSpecInput {
  name: string;
  targets: Array<{ url: string; weight?: number }>;
  balancer?: BalancerKind;
  hash_on?: HashOnSpec;
  connections?: number;
  keepalive_timeout_ms?: number;
  http2?: boolean;
  timeouts?: Partial<TimeoutsSpec>;
  tls?: Partial<UpstreamTlsSpec>;
  health_checks?: { active?: Partial<ActiveHealthSpec>; passive?: Partial<PassiveHealthSpec> };
  circuit_breaker?: Partial<CircuitBreakerSpec>;
  retries?: Partial<RetrySpec>;
}

/** Per-request input of `Upstream.pick`. */
export interface PickInput {
  clientIp: string;
  headers: Record<string, string | string[] | undefined>;
  consumerId?: string;
  /** Target to avoid (the one that just failed, on retry). Returned anyway if it is the only one available. */
  exclude?: Target;
}

/**
 * How an attempt ended, reported once per `onStart`.
 * - `ok: true`: the target answered acceptably (the proxy decides; see `onEnd`).
 * - `kind: 'cancelled'`: the downstream client went away or the gateway gave up for its own reasons;
 *   only bookkeeping is undone, nothing counts for or against the target (`ok` is ignored).
 */
export interface EndOutcome {
  ok: boolean;
  status?: number;
  latencyMs: number;
  kind?: 'connect' | 'timeout' | 'reset' | 'status' | 'cancelled';
}

/** Circuit breaker state of a target. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** One row of `Upstream.health()`. */
export interface TargetHealth {
  url: string;
  /** Active checks passing and not passively ejected. */
  healthy: boolean;
  /** Epoch milliseconds at which a passive ejection ends (present only while ejected). */
  ejectedUntil?: number;
  circuit: CircuitState;
  inflight: number;
}

/** Dependencies of `createUpstream`. */
export interface UpstreamDeps {
  logger: Logger;
  /** Called when a target's `healthy` flips (target origin, new state). Exceptions are logged and swallowed. */
  onHealthChange?: (target: string, healthy: boolean) => void;
  /** Clock in milliseconds. Default: monotonic clock aligned to the epoch. Tests inject a fake one. */
  now?: () => number;
  /** Uniform [0, 1) source for the randomised balancers. Default `Math.random`. */
  random?: () => number;
}

/** A named group of targets with balancing, health, circuit breaking and a retry budget. */
export interface Upstream {
  readonly name: string;
  readonly targets: readonly Target[];
  /** The resolved, frozen spec (with `tls.key` redacted). */
  readonly spec: Readonly<UpstreamSpec>;
  /** Chooses a target for one attempt; `undefined` when none is available (unhealthy, ejected or circuit open). */
  pick(input: PickInput): Target | undefined;
  /** Must be called synchronously after `pick` when the attempt is actually dispatched. */
  onStart(t: Target): void;
  /** Must be called exactly once per `onStart`. */
  onEnd(t: Target, outcome: EndOutcome): void;
  /** Retry budget check; when it answers true the retry is recorded (withdrawn). */
  canRetry(): boolean;
  /** With a target: its circuit refuses requests. Without: `pick` fails because of open circuits only. */
  circuitOpen(t?: Target): boolean;
  health(): TargetHealth[];
  /** Starts the active health checks (idempotent; timers are unref'd). */
  start(): void;
  /** Stops timers and checks, then closes the pools once their in-flight requests finish (idempotent). */
  close(): Promise<void>;
}
