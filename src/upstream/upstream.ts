import type { Logger } from 'pino';
import { ActiveHealthChecker } from './active-health.ts';
import { type Balancer, createBalancer } from './balancers.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import { createTransport } from './pool.ts';
import { RetryBudget } from './retry-budget.ts';
import { deepFreeze, resolveUpstreamSpec } from './spec.ts';
import { Target } from './target.ts';
import type {
  ActiveHealthSpec,
  CircuitState,
  EndOutcome,
  PassiveHealthSpec,
  PickInput,
  TargetHealth,
  Upstream,
  UpstreamDeps,
  UpstreamSpec,
  UpstreamSpecInput,
} from './types.ts';

/** Largest backoff exponent (2^30 × base is far beyond any allowed max anyway). */
const MAX_EJECTION_EXPONENT = 30;

const TIME_ORIGIN = performance.timeOrigin;
const monotonicEpochNow = (): number => TIME_ORIGIN + performance.now();

class UpstreamImpl implements Upstream {
  readonly name: string;
  readonly targets: readonly Target[];
  readonly spec: Readonly<UpstreamSpec>;
  readonly #balancer: Balancer;
  readonly #budget: RetryBudget | undefined;
  readonly #passive: Readonly<PassiveHealthSpec> | undefined;
  readonly #active: Readonly<ActiveHealthSpec> | undefined;
  readonly #checker: ActiveHealthChecker | undefined;
  readonly #now: () => number;
  readonly #log: Logger;
  readonly #onHealthChange: ((target: string, healthy: boolean) => void) | undefined;
  /** Latency recorded for connect/timeout/reset failures that failed faster than this (EWMA penalty). */
  readonly #failurePenaltyMs: number;
  #started = false;
  #closing: Promise<void> | undefined;

  constructor(spec: UpstreamSpec, deps: UpstreamDeps) {
    deepFreeze(spec);
    this.name = spec.name;
    this.#now = deps.now ?? monotonicEpochNow;
    this.#log = deps.logger.child({ upstream: spec.name });
    this.#onHealthChange = deps.onHealthChange;
    this.#passive = spec.health_checks?.passive;
    this.#active = spec.health_checks?.active;
    this.#failurePenaltyMs = spec.timeouts.connect_ms;
    const random = deps.random ?? Math.random;

    const visible = structuredClone(spec);
    if (visible.tls?.key !== undefined) visible.tls.key = '[REDACTED]';
    this.spec = deepFreeze(visible);

    const transport = createTransport(spec, deps.logger);
    const cb = spec.circuit_breaker;
    this.targets = Object.freeze(
      spec.targets.map((ts, index) => {
        const url = new URL(ts.url);
        const breaker =
          cb === undefined
            ? undefined
            : new CircuitBreaker(cb, (from, to) => this.#onCircuit(url.origin, from, to));
        return new Target({ url, pool: transport.createPool(url), weight: ts.weight, index, breaker });
      }),
    );
    this.#balancer = createBalancer(spec.balancer, this.targets, spec.hash_on, random);
    this.#budget =
      spec.retries !== undefined && spec.retries.attempts > 0 ? new RetryBudget(spec.retries) : undefined;
    const active = this.#active;
    this.#checker =
      active === undefined
        ? undefined
        : new ActiveHealthChecker(
            this.targets,
            active,
            (t) => transport.createHealthClient(t.url, active.timeout_ms),
            (t, ok, reason) => this.#onProbe(t, ok, reason),
          );
  }

  pick(input: PickInput): Target | undefined {
    const now = this.#now();
    const skip = input.exclude;
    const t = this.#balancer.pick(input, now, skip);
    if (t !== undefined || skip === undefined) return t;
    return skip.isAvailable(now) ? skip : undefined;
  }

  onStart(t: Target): void {
    t.inflight++;
    t.breaker?.onStart();
    this.#budget?.recordAttempt(this.#now());
    this.#balancer.started(t);
  }

  onEnd(t: Target, outcome: EndOutcome): void {
    if (t.inflight > 0) t.inflight--;
    this.#balancer.ended(t);
    if (outcome.kind === 'cancelled') {
      t.breaker?.onCancel();
      return;
    }
    const now = this.#now();
    t.breaker?.onEnd(outcome.ok, now);
    if (outcome.ok) {
      t.observeLatency(outcome.latencyMs, now);
      if (t.ejectedUntil <= now) {
        t.consecutiveFailures = 0;
        t.ejections = 0;
      }
      return;
    }
    const transport = outcome.kind !== undefined && outcome.kind !== 'status';
    t.observeLatency(
      transport ? Math.max(outcome.latencyMs, this.#failurePenaltyMs) : outcome.latencyMs,
      now,
    );
    this.#passiveFailure(t, now);
  }

  canRetry(): boolean {
    return this.#budget?.tryRetry(this.#now()) ?? false;
  }

  circuitOpen(t?: Target): boolean {
    const now = this.#now();
    if (t !== undefined) return t.breaker !== undefined && !t.breaker.allowsRequest(now);
    let blocked = false;
    for (const x of this.targets) {
      if (!x.isHealthy(now)) continue;
      if (x.breaker === undefined || x.breaker.allowsRequest(now)) return false;
      blocked = true;
    }
    return blocked;
  }

  health(): TargetHealth[] {
    const now = this.#now();
    return this.targets.map((t) => {
      this.#refresh(t, now, 'ejection expired');
      const row: TargetHealth = {
        url: t.origin,
        healthy: t.isHealthy(now),
        circuit: t.breaker?.state(now) ?? 'closed',
        inflight: t.inflight,
      };
      if (t.ejectedUntil > now) row.ejectedUntil = t.ejectedUntil;
      return row;
    });
  }

  start(): void {
    if (this.#started || this.#closing !== undefined) return;
    this.#started = true;
    this.#checker?.start();
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    for (const t of this.targets) {
      if (t.ejectionTimer !== undefined) clearTimeout(t.ejectionTimer);
      t.ejectionTimer = undefined;
    }
    await this.#checker?.stop();
    await Promise.all(this.targets.map((t) => t.pool.close()));
  }

  #passiveFailure(t: Target, now: number): void {
    const p = this.#passive;
    // Failures of requests that were already in flight when the target got ejected do not count twice.
    if (p === undefined || t.ejectedUntil > now) return;
    if (++t.consecutiveFailures < p.consecutive_failures) return;
    const duration = Math.min(p.base_ejection_ms * 2 ** t.ejections, p.max_ejection_ms);
    t.ejections = Math.min(t.ejections + 1, MAX_EJECTION_EXPONENT);
    t.consecutiveFailures = 0;
    t.ejectedUntil = now + duration;
    if (this.#closing === undefined) {
      if (t.ejectionTimer !== undefined) clearTimeout(t.ejectionTimer);
      // Announces the reinstatement; availability itself is decided from the clock, timer or not.
      t.ejectionTimer = setTimeout(() => {
        t.ejectionTimer = undefined;
        this.#refresh(t, this.#now(), 'ejection expired');
      }, duration + 1);
      t.ejectionTimer.unref();
    }
    this.#refresh(t, now, `ejected for ${duration} ms after ${p.consecutive_failures} consecutive failures`);
  }

  #onProbe(t: Target, ok: boolean, reason: string): void {
    const a = this.#active!;
    if (ok) {
      t.activeFailures = 0;
      if (!t.activeHealthy && ++t.activeSuccesses >= a.healthy_threshold) {
        t.activeHealthy = true;
        t.activeSuccesses = 0;
      }
    } else {
      t.activeSuccesses = 0;
      if (t.activeHealthy && ++t.activeFailures >= a.unhealthy_threshold) {
        t.activeHealthy = false;
        t.activeFailures = 0;
      }
      this.#log.debug({ target: t.origin, reason }, 'upstream health check failed');
    }
    this.#refresh(t, this.#now(), `active health check: ${reason}`);
  }

  /** Announces a change of `healthy` (once per flip) to the log and `onHealthChange`. */
  #refresh(t: Target, now: number, cause: string): void {
    const healthy = t.isHealthy(now);
    if (healthy === t.reportedHealthy) return;
    t.reportedHealthy = healthy;
    if (healthy) this.#log.info({ target: t.origin, cause }, 'upstream target healthy');
    else this.#log.warn({ target: t.origin, cause }, 'upstream target unhealthy');
    if (this.#onHealthChange === undefined) return;
    try {
      this.#onHealthChange(t.origin, healthy);
    } catch (err) {
      this.#log.error({ err }, 'onHealthChange listener threw');
    }
  }

  #onCircuit(origin: string, from: CircuitState, to: CircuitState): void {
    if (to === 'open') this.#log.warn({ target: origin, from }, 'upstream circuit opened');
    else this.#log.info({ target: origin, from, to }, 'upstream circuit state changed');
  }
}

/**
 * Validates `spec` (see `resolveUpstreamSpec`), builds one undici `Pool` per target and returns the
 * upstream. Nothing connects and no timer runs until `start()` or the first dispatch.
 *
 * Health: a target is healthy while its active checks pass (targets start healthy) and it is not
 * passively ejected. Passive ejection may take out every target, as Envoy does with
 * `max_ejection_percent: 100` and no panic threshold: `pick` then returns `undefined` and the proxy
 * answers 503 rather than sending traffic to targets known to fail; ejections expire on their own.
 *
 * @example
 * const up = createUpstream({ name: 'api', targets: [{ url: 'http://127.0.0.1:8080' }] }, { logger });
 * up.start();
 * const t = up.pick({ clientIp: '10.0.0.1', headers: {} });
 */
export function createUpstream(spec: UpstreamSpecInput, deps: UpstreamDeps): Upstream {
  return new UpstreamImpl(resolveUpstreamSpec(spec), deps);
}
