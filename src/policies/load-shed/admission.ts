/**
 * Graduated admission per priority class, driven by one overload signal (event-loop lag, or a
 * route's upstream latency).
 *
 * Each class has an admitted fraction, 1 when healthy. On every update:
 * - signal above the class's threshold: the fraction halves (below 5 % it drops to 0);
 * - signal below `threshold × recoverRatio`, and the last decrease at least `holdMs` ago: the
 *   fraction grows by 0.1 (up to 1);
 * - in between: unchanged.
 * The band between the two thresholds and the hold time are the hysteresis: admission does not
 * flap between all and nothing, it settles where the signal stays under the threshold. Lower
 * classes have lower thresholds, so they are shed first; a class is never admitted more than the
 * class above it. A class with no threshold (`Infinity`) is never shed.
 */

/** Priority classes, lowest first (their index is the class number). */
export const PRIORITY_CLASSES = ['low', 'normal', 'high', 'critical'] as const;
/** A priority class name. */
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

/** Multiplicative decrease per update while over the threshold. */
const DECREASE = 0.5;
/** Additive increase per update once recovered. */
const INCREASE = 0.1;
/** A fraction below this is rounded down to 0 (shed everything). */
const FLOOR = 0.05;

/** Tuning of an {@link Admission}. */
export interface AdmissionOptions {
  /** Admission grows again only below `threshold × recoverRatio` (0 < ratio < 1). */
  readonly recoverRatio: number;
  /** Minimum ms between a decrease and the next increase. */
  readonly holdMs: number;
}

/**
 * Admitted fractions of the four classes for one signal.
 *
 * @example
 * const a = new Admission([50, 100, 250, Infinity], { recoverRatio: 0.5, holdMs: 1000 });
 * a.update(120, performance.now()); // low and normal halve
 * a.admits(0); // true about half of the time
 * a.admits(3); // always true (critical has no threshold)
 */
export class Admission {
  /** Admitted fraction per class (index = class number). */
  readonly fraction: Float64Array;
  readonly #thresholds: readonly number[];
  readonly #recover: readonly number[];
  readonly #holdMs: number;
  readonly #lastDecrease: Float64Array;
  readonly #before = new Float64Array(PRIORITY_CLASSES.length);

  /** `thresholds`: one per class, lowest class first; `Infinity` = never shed. Throws a TypeError on bad input. */
  constructor(thresholds: readonly number[], opts: AdmissionOptions) {
    if (thresholds.length !== PRIORITY_CLASSES.length || thresholds.some((t) => !(t > 0))) {
      throw new TypeError('one positive threshold per priority class is needed');
    }
    if (!(opts.recoverRatio > 0 && opts.recoverRatio < 1))
      throw new TypeError('recoverRatio must be in (0, 1)');
    if (!(opts.holdMs >= 0)) throw new TypeError('holdMs must be >= 0');
    this.fraction = new Float64Array(PRIORITY_CLASSES.length).fill(1);
    this.#thresholds = [...thresholds];
    this.#recover = thresholds.map((t) => t * opts.recoverRatio);
    this.#holdMs = opts.holdMs;
    this.#lastDecrease = new Float64Array(PRIORITY_CLASSES.length).fill(Number.NEGATIVE_INFINITY);
  }

  /** Applies one reading of the signal at time `now` (ms, any monotonic clock). Returns true if a fraction changed. */
  update(signal: number, now: number): boolean {
    const f = this.fraction;
    const before = this.#before;
    before.set(f);
    for (let c = 0; c < f.length; c++) {
      const a = f[c]!;
      if (signal > this.#thresholds[c]!) {
        if (a > 0) {
          const next = a * DECREASE;
          f[c] = next < FLOOR ? 0 : next;
        }
        this.#lastDecrease[c] = now;
      } else if (a < 1 && signal < this.#recover[c]! && now - this.#lastDecrease[c]! >= this.#holdMs) {
        f[c] = Math.min(1, a + INCREASE);
      }
    }
    for (let c = f.length - 2; c >= 0; c--) if (f[c]! > f[c + 1]!) f[c] = f[c + 1]!;
    for (let c = 0; c < f.length; c++) if (f[c] !== before[c]) return true;
    return false;
  }

  /** Whether to admit one request of class `c` now: always at fraction 1, never at 0, else at random with that probability. */
  admits(c: number): boolean {
    const a = this.fraction[c]!;
    return a >= 1 || (a > 0 && Math.random() < a);
  }

  /** True while some class is not fully admitted. */
  shedding(): boolean {
    return this.fraction[0]! < 1;
  }
}
