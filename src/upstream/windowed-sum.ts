/**
 * A sum over a rolling time window, kept in fixed buckets (no allocation after construction).
 * The window covers between `buckets - 1` and `buckets` bucket lengths of history.
 * A clock that goes backwards keeps writing into the current bucket.
 *
 * @example
 * const w = new WindowedSum(10_000);
 * w.add(1, now); w.total(now + 11_000); // 0
 */
export class WindowedSum {
  readonly #buckets: Float64Array;
  readonly #bucketMs: number;
  #epoch = Number.NEGATIVE_INFINITY;
  #head = 0;

  constructor(windowMs: number, buckets = 10) {
    if (!(windowMs > 0) || !Number.isInteger(buckets) || buckets < 1) {
      throw new TypeError('WindowedSum: windowMs must be > 0 and buckets a positive integer');
    }
    this.#buckets = new Float64Array(buckets);
    this.#bucketMs = windowMs / buckets;
  }

  /** Adds `value` (may be negative) at time `now`. */
  add(value: number, now: number): void {
    this.#advance(now);
    const b = this.#buckets;
    b[this.#head] = b[this.#head]! + value;
  }

  /** The sum of the values added within the window ending at `now`. */
  total(now: number): number {
    this.#advance(now);
    const b = this.#buckets;
    let s = 0;
    for (let i = 0; i < b.length; i++) s += b[i]!;
    return s;
  }

  /** Forgets everything. */
  reset(): void {
    this.#buckets.fill(0);
  }

  #advance(now: number): void {
    const epoch = Math.floor(now / this.#bucketMs);
    const steps = epoch - this.#epoch;
    if (steps <= 0) return;
    const b = this.#buckets;
    if (steps >= b.length) {
      b.fill(0);
    } else {
      let head = this.#head;
      for (let k = 0; k < steps; k++) {
        head = head + 1 === b.length ? 0 : head + 1;
        b[head] = 0;
      }
      this.#head = head;
    }
    this.#epoch = epoch;
  }
}
