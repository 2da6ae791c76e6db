import { WindowedSum } from './windowed-sum.ts';

/** Length of the window over which the retry budget balances retries against requests. */
export const RETRY_BUDGET_WINDOW_MS = 10_000;

/**
 * Finagle-style retry budget: a token bucket whose balance over a rolling window is
 * `min_retries_per_second × window + budget_ratio × attempts − retries`.
 *
 * Every dispatched attempt deposits `budget_ratio` (`recordAttempt`). A retry needs a balance of at
 * least 1 and withdraws `1 + budget_ratio`: the extra `budget_ratio` cancels the deposit the retry's own
 * attempt will make, so retries never fund further retries and over the window
 * retries ≤ budget_ratio × first attempts + min_retries_per_second × window seconds.
 *
 * @example
 * const budget = new RetryBudget({ budget_ratio: 0.2, min_retries_per_second: 3 });
 * budget.recordAttempt(now);
 * if (budget.tryRetry(now)) { ... }
 */
export class RetryBudget {
  readonly #ratio: number;
  readonly #reserve: number;
  readonly #balance: WindowedSum;

  constructor(
    spec: { budget_ratio: number; min_retries_per_second: number },
    windowMs = RETRY_BUDGET_WINDOW_MS,
  ) {
    this.#ratio = spec.budget_ratio;
    this.#reserve = (spec.min_retries_per_second * windowMs) / 1000;
    this.#balance = new WindowedSum(windowMs);
  }

  /** Deposits the share of one dispatched attempt. */
  recordAttempt(now: number): void {
    if (this.#ratio > 0) this.#balance.add(this.#ratio, now);
  }

  /** Withdraws one retry if the budget allows it. */
  tryRetry(now: number): boolean {
    // The epsilon absorbs float drift of fractional deposits (5 × 0.2 must buy one retry).
    if (this.#reserve + this.#balance.total(now) < 1 - 1e-9) return false;
    this.#balance.add(-(1 + this.#ratio), now);
    return true;
  }
}
