import type { Dispatcher } from 'undici';
import type { CircuitBreaker } from './circuit-breaker.ts';

/**
 * What a target's connection pool offers: undici's dispatch contract (the proxy's handler), `close` (drained on
 * reload), a buffered `request` for tools and tests, and connection counts. Implemented by the gateway's
 * HTTP/1.1 pool (src/upstream/h1pool.ts) and by undici's `Pool` (HTTP/2 upstreams).
 */
export interface ProxyPool {
  dispatch(opts: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean;
  close(): Promise<void>;
  request(opts: {
    method: Dispatcher.HttpMethod;
    path: string;
    headers?: Record<string, string>;
  }): Promise<{ statusCode: number; body: { text(): Promise<string> } }>;
  readonly stats: { readonly connected: number };
}

/** Time constant of the latency EWMA and of its idle decay (Finagle's default). */
export const EWMA_DECAY_MS = 10_000;

/** Cost of a target that has requests in flight but no latency sample yet (keeps new targets from a stampede). */
const EWMA_PENALTY = 1e12;

/** Construction parameters of a `Target` (internal to the upstream module). */
export interface TargetInit {
  url: URL;
  pool: ProxyPool;
  weight: number;
  index: number;
  breaker: CircuitBreaker | undefined;
}

/**
 * One backend origin of an upstream, with its connection pool and its live state.
 * Callers read `url`, `origin`, `pool`, `weight` and `inflight`; the other fields are the upstream's
 * bookkeeping and must only be changed through `Upstream.onStart`/`onEnd`.
 *
 * @example
 * const t = upstream.pick(input);
 * if (t) { upstream.onStart(t); t.pool.dispatch(opts, handler); }
 */
export class Target {
  readonly url: URL;
  /** `scheme://host[:port]`, the identity of the target in logs, metrics and admin output. */
  readonly origin: string;
  readonly pool: ProxyPool;
  readonly weight: number;
  /** Position in `Upstream.targets`. */
  readonly index: number;
  /** Requests dispatched and not yet ended. */
  inflight = 0;

  // Active health checks.
  activeHealthy = true;
  activeSuccesses = 0;
  activeFailures = 0;

  // Passive health (outlier ejection).
  consecutiveFailures = 0;
  /** Ejections without an intervening success: the backoff exponent. */
  ejections = 0;
  ejectedUntil = 0;
  ejectionTimer: NodeJS.Timeout | undefined = undefined;
  /** Last `healthy` value announced through `onHealthChange`. */
  reportedHealthy = true;

  readonly breaker: CircuitBreaker | undefined;

  // Peak EWMA latency (ms) and the time of its last sample.
  ewma = 0;
  ewmaStamp = 0;

  // Balancer scratch state.
  currentWeight = 0;
  heapIndex = -1;
  deadline = 0;
  visitMark = 0;

  constructor(init: TargetInit) {
    this.url = init.url;
    this.origin = init.url.origin;
    this.pool = init.pool;
    this.weight = init.weight;
    this.index = init.index;
    this.breaker = init.breaker;
  }

  /** Healthy for balancing purposes: active checks pass and not passively ejected at `now`. */
  isHealthy(now: number): boolean {
    return this.activeHealthy && this.ejectedUntil <= now;
  }

  /** May receive a new request at `now`: healthy and its circuit admits requests. */
  isAvailable(now: number): boolean {
    return (
      this.activeHealthy &&
      this.ejectedUntil <= now &&
      (this.breaker === undefined || this.breaker.allowsRequest(now))
    );
  }

  /** Adds a latency sample to the peak EWMA (a sample above the average replaces it). */
  observeLatency(ms: number, now: number): void {
    if (ms >= this.ewma) {
      this.ewma = ms;
    } else {
      const w = Math.exp(-Math.max(now - this.ewmaStamp, 0) / EWMA_DECAY_MS);
      this.ewma = this.ewma * w + ms * (1 - w);
    }
    this.ewmaStamp = now;
  }

  /** EWMA balancing cost: idle-decayed latency × (inflight + 1). */
  cost(now: number): number {
    const decayed =
      this.ewma === 0 ? 0 : this.ewma * Math.exp(-Math.max(now - this.ewmaStamp, 0) / EWMA_DECAY_MS);
    if (decayed === 0 && this.inflight > 0) return EWMA_PENALTY + this.inflight;
    return decayed * (this.inflight + 1);
  }
}
