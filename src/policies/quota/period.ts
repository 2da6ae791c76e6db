/**
 * Quota periods in a time zone: a day runs from local midnight to the next local midnight, a month
 * from local midnight of its first day to local midnight of the next month's first day, in the
 * configured IANA zone (`Intl.DateTimeFormat`, the tz database Node ships).
 *
 * Precisely, the period of local date D starts at the first instant whose local date is D or
 * later. So a day that loses an hour to daylight saving time is 23 hours long, one that gains an
 * hour is 25 hours long, and where the clocks jump over midnight (America/Santiago in September:
 * 00:00 becomes 01:00) the day starts at the jump. Boundaries are computed once per period (a few
 * dozen `formatToParts` calls) and cached; a request only compares two numbers.
 */

/** `day` or `month`. */
export type PeriodKind = 'day' | 'month';

/** One quota period. */
export interface Period {
  /** `YYYY-MM-DD` (day) or `YYYY-MM` (month), in the period's time zone. */
  readonly id: string;
  /** First instant of the period (ms since the Unix epoch). */
  readonly startMs: number;
  /** First instant of the next period (ms since the Unix epoch). */
  readonly endMs: number;
}

const HOUR = 3_600_000;
/** Local time is never more than this far from UTC (UTC-12 … UTC+14, with room to spare). */
const SPAN = 26 * HOUR;

/**
 * Throws a TypeError unless `timeZone` is a time zone this Node knows; returns its canonical name.
 *
 * @example
 * checkTimeZone('europe/paris'); // 'Europe/Paris'
 */
export function checkTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new TypeError(`unknown time zone "${timeZone}"`);
  }
}

/**
 * Computes and caches the periods of one kind in one time zone.
 *
 * @example
 * const days = new PeriodClock('day', 'America/New_York');
 * days.at(Date.UTC(2026, 2, 8, 12)); // { id: '2026-03-08', startMs: …05:00Z, endMs: …04:00Z next day } (23 h)
 */
export class PeriodClock {
  readonly kind: PeriodKind;
  readonly timeZone: string;
  readonly #fmt: Intl.DateTimeFormat;
  #cached: Period | undefined;

  /** Throws a TypeError for an unknown time zone. */
  constructor(kind: PeriodKind, timeZone: string) {
    if (kind !== 'day' && kind !== 'month') throw new TypeError('period must be "day" or "month"');
    this.kind = kind;
    this.timeZone = checkTimeZone(timeZone);
    this.#fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: this.timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    this.#cached = undefined;
  }

  /** The period containing `nowMs` (cached until it ends). */
  at(nowMs: number): Period {
    const c = this.#cached;
    if (c !== undefined && nowMs >= c.startMs && nowMs < c.endMs) return c;
    const p = this.#compute(nowMs);
    this.#cached = p;
    return p;
  }

  /** Local calendar date of an instant, as numbers. */
  #local(t: number): { y: number; m: number; d: number } {
    let y = 0;
    let m = 0;
    let d = 0;
    for (const part of this.#fmt.formatToParts(t)) {
      if (part.type === 'year') y = Number(part.value);
      else if (part.type === 'month') m = Number(part.value);
      else if (part.type === 'day') d = Number(part.value);
    }
    return { y, m, d };
  }

  /** Local date of `t` as a sortable number (yyyymmdd). */
  #ordinal(t: number): number {
    const { y, m, d } = this.#local(t);
    return y * 10_000 + m * 100 + d;
  }

  /** First instant whose local date is (y, m, d) or later. */
  #startOf(y: number, m: number, d: number): number {
    const target = y * 10_000 + m * 100 + d;
    const utcMidnight = Date.UTC(y, m - 1, d);
    // Binary search over [lo, hi): the local date at lo is before the target, at hi it is not.
    let lo = utcMidnight - SPAN;
    let hi = utcMidnight + SPAN;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.#ordinal(mid) >= target) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  /** (y, m, d) of the first day of the period after the one starting on the given local date. */
  #next(y: number, m: number, d: number): [number, number, number] {
    const t = this.kind === 'day' ? new Date(Date.UTC(y, m - 1, d + 1)) : new Date(Date.UTC(y, m, 1));
    return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  }

  /** (y, m, d) of the first day of the period before. */
  #previous(y: number, m: number, d: number): [number, number, number] {
    const t = this.kind === 'day' ? new Date(Date.UTC(y, m - 1, d - 1)) : new Date(Date.UTC(y, m - 2, 1));
    return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  }

  #compute(nowMs: number): Period {
    const local = this.#local(nowMs);
    let first: [number, number, number] =
      this.kind === 'day' ? [local.y, local.m, local.d] : [local.y, local.m, 1];
    // The local date of an instant and the period boundaries agree except where the clocks go
    // back across midnight; step to the period whose [start, end) holds `nowMs`.
    for (let i = 0; i < 4; i++) {
      const start = this.#startOf(...first);
      const nextFirst = this.#next(...first);
      const end = this.#startOf(...nextFirst);
      if (nowMs < start) {
        first = this.#previous(...first);
        continue;
      }
      if (nowMs >= end) {
        first = nextFirst;
        continue;
      }
      return Object.freeze({ id: periodId(this.kind, first), startMs: start, endMs: end });
    }
    throw new RangeError(
      `no ${this.kind} period found for ${new Date(nowMs).toISOString()} in ${this.timeZone}`,
    );
  }
}

function periodId(kind: PeriodKind, [y, m, d]: [number, number, number]): string {
  const ym = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  return kind === 'month' ? ym : `${ym}-${String(d).padStart(2, '0')}`;
}
