import type { CircuitBreakerSpec, CircuitState } from './types.ts';
import { WindowedSum } from './windowed-sum.ts';

/** Receives every state change of a breaker (for logging). */
export type CircuitTransitionListener = (from: CircuitState, to: CircuitState) => void;

/**
 * Per-target circuit breaker.
 *
 * - closed → open: on a failure, when the rolling window holds at least `min_requests` outcomes and
 *   failures / outcomes ≥ `failure_ratio`.
 * - open → half-open: the first time the breaker is consulted after `open_ms`.
 * - half-open: admits up to `half_open_requests` probes (counted at `onStart`); the first failed probe
 *   re-opens the circuit for another `open_ms`, and once every admitted probe has succeeded the circuit
 *   closes with a fresh window. A cancelled probe frees its slot.
 * - Outcomes of requests started before the circuit opened are ignored while it is open, and in
 *   half-open only as many outcomes as there are probes in flight count (a late pre-open outcome
 *   arriving while probes are in flight can stand in for one of them; this is accepted imprecision).
 *
 * @example
 * const cb = new CircuitBreaker({ failure_ratio: 0.5, min_requests: 20, window_ms: 10_000, open_ms: 30_000, half_open_requests: 3 });
 * if (cb.allowsRequest(now)) { cb.onStart(); ...; cb.onEnd(ok, now); }
 */
export class CircuitBreaker {
  #state: CircuitState = 'closed';
  readonly #spec: Readonly<CircuitBreakerSpec>;
  readonly #requests: WindowedSum;
  readonly #failures: WindowedSum;
  readonly #listener: CircuitTransitionListener | undefined;
  #openUntil = 0;
  #probesAdmitted = 0;
  #probesInflight = 0;
  #probeSuccesses = 0;

  constructor(spec: Readonly<CircuitBreakerSpec>, listener?: CircuitTransitionListener) {
    this.#spec = spec;
    this.#requests = new WindowedSum(spec.window_ms);
    this.#failures = new WindowedSum(spec.window_ms);
    this.#listener = listener;
  }

  /** Current state at `now` (an expired open circuit reports, and becomes, half-open). */
  state(now: number): CircuitState {
    if (this.#state === 'open' && now >= this.#openUntil) this.#transition('half-open');
    return this.#state;
  }

  /** Whether a new request may go to the target at `now`. Does not reserve a probe slot. */
  allowsRequest(now: number): boolean {
    const s = this.#state;
    if (s === 'closed') return true;
    if (s === 'open') {
      if (now < this.#openUntil) return false;
      this.#transition('half-open');
    }
    return this.#probesAdmitted < this.#spec.half_open_requests;
  }

  /** Records that a request was dispatched (reserves a probe slot when half-open). */
  onStart(): void {
    if (this.#state === 'half-open') {
      this.#probesAdmitted++;
      this.#probesInflight++;
    }
  }

  /** Records the outcome of a request started with `onStart`. */
  onEnd(ok: boolean, now: number): void {
    const s = this.#state;
    if (s === 'closed') {
      this.#requests.add(1, now);
      if (ok) return;
      this.#failures.add(1, now);
      const total = this.#requests.total(now);
      if (total >= this.#spec.min_requests && this.#failures.total(now) / total >= this.#spec.failure_ratio) {
        this.#open(now);
      }
      return;
    }
    if (s === 'open' || this.#probesInflight === 0) return;
    this.#probesInflight--;
    if (!ok) {
      this.#open(now);
    } else if (++this.#probeSuccesses >= this.#spec.half_open_requests) {
      this.#requests.reset();
      this.#failures.reset();
      this.#transition('closed');
    }
  }

  /** Undoes `onStart` for a request that was abandoned without a verdict. */
  onCancel(): void {
    if (this.#state === 'half-open' && this.#probesInflight > 0) {
      this.#probesInflight--;
      this.#probesAdmitted--;
    }
  }

  #open(now: number): void {
    this.#openUntil = now + this.#spec.open_ms;
    this.#transition('open');
  }

  #transition(to: CircuitState): void {
    const from = this.#state;
    this.#state = to;
    this.#probesAdmitted = 0;
    this.#probesInflight = 0;
    this.#probeSuccesses = 0;
    if (from !== to) this.#listener?.(from, to);
  }
}
