/**
 * Compiled limits of `rate-limit` and the store-level decision for a set of them.
 *
 * Several limits are checked together and a request is counted only when every limit allows it:
 * with one limit the decision is one atomic store operation; with several, every limit is first
 * peeked (`cost: 0`, nothing consumed) and, when all would pass, each is consumed atomically. The
 * consume step re-decides each limit atomically, so no limit ever admits more than its quota; when
 * another request took the last unit between the peek and the consume of one limit, the request is
 * refused and the units it already took from the other limits stay consumed (the error is on the
 * strict side: at most one unit per such race, never an extra admission).
 */
import { checkGcraLimit, checkWindowLimit } from '../../stores/algorithms.ts';
import type { GcraLimit, MaybePromise, StateStore, WindowLimit } from '../../stores/types.ts';
import { policyHeader, sfString } from './headers.ts';
import { type LimitConfig, PERIODS } from './schema.ts';

/** One limit, ready for the store. */
export interface CompiledLimit {
  readonly name: string;
  /** `name` as a Structured Field String. */
  readonly label: string;
  readonly algorithm: 'gcra' | 'sliding-window';
  readonly gcra: GcraLimit | undefined;
  readonly window: WindowLimit | undefined;
  /** Requests that fit at once: `limit + burst` (GCRA) or `limit` (window). */
  readonly capacity: number;
}

/** The limits that apply to a request, with their precomputed `RateLimit-Policy` value. */
export interface LimitSet {
  readonly limits: readonly CompiledLimit[];
  readonly policyHeader: string;
  /** The same limits scaled by the local fallback share. */
  readonly fallback: { readonly limits: readonly CompiledLimit[]; readonly policyHeader: string };
}

/** The state of one limit after a decision. */
export interface LimitState {
  readonly allowed: boolean;
  readonly remaining: number;
  readonly retryAfterMs: number;
  readonly resetMs: number;
}

/** A decision over a set of limits. */
export interface Outcome {
  readonly allowed: boolean;
  readonly states: readonly LimitState[];
}

function isThenable<T>(v: MaybePromise<T>): v is Promise<T> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

/** `fn(v)` now when `v` is a value, after it resolves when it is a promise. */
export function chain<T, R>(v: MaybePromise<T>, fn: (t: T) => MaybePromise<R>): MaybePromise<R> {
  return isThenable(v) ? v.then(fn) : fn(v);
}

/**
 * Calls `fn`; routes a synchronous throw or a rejection to `fail` and a value to `ok`. Errors thrown
 * by `ok` are not caught.
 */
export function attempt<T, R>(
  fn: () => MaybePromise<T>,
  ok: (t: T) => MaybePromise<R>,
  fail: (err: unknown) => MaybePromise<R>,
): MaybePromise<R> {
  let v: MaybePromise<T>;
  try {
    v = fn();
  } catch (err) {
    return fail(err);
  }
  return isThenable(v) ? v.then(ok, fail) : ok(v);
}

function all<T>(list: MaybePromise<T>[]): MaybePromise<T[]> {
  for (const v of list) if (isThenable(v)) return Promise.all(list);
  return list as T[];
}

function periodLabel(c: LimitConfig): string {
  return c.period_ms === undefined ? c.period : `${c.period_ms}ms`;
}

/**
 * Compiles one list of limits (and its fallback-scaled twin). Throws a TypeError for duplicate
 * names, a burst on a sliding window, or a rate above what the store supports.
 *
 * @example
 * compileLimits([{ algorithm: 'gcra', limit: 10, period: '1s', burst: 0 }], 1, 'limits');
 */
export function compileLimits(list: readonly LimitConfig[], share: number, where: string): LimitSet {
  const names = new Set<string>();
  const build = (c: LimitConfig, i: number, scale: number): CompiledLimit => {
    const name = c.name ?? (list.length === 1 ? 'default' : `${c.limit}-per-${periodLabel(c)}`);
    const periodMs = c.period_ms ?? PERIODS[c.period];
    const limit = Math.max(1, Math.floor(c.limit * scale + 1e-9));
    const burst = Math.floor(c.burst * scale + 1e-9);
    if (c.algorithm === 'sliding-window') {
      if (c.burst !== 0) throw new TypeError(`${where}[${i}]: "burst" applies to gcra only`);
      const window: WindowLimit = Object.freeze({ limit, windowMs: periodMs });
      checkWindowLimit(window);
      return Object.freeze({
        name,
        label: sfString(name),
        algorithm: 'sliding-window',
        gcra: undefined,
        window,
        capacity: limit,
      });
    }
    const gcra: GcraLimit = Object.freeze({ limit, periodMs, burst });
    try {
      checkGcraLimit(gcra);
    } catch {
      throw new TypeError(`${where}[${i}]: more than 100 requests per ms cannot be limited`);
    }
    return Object.freeze({
      name,
      label: sfString(name),
      algorithm: 'gcra',
      gcra,
      window: undefined,
      capacity: limit + burst,
    });
  };
  const limits = list.map((c, i) => {
    const l = build(c, i, 1);
    if (names.has(l.name)) throw new TypeError(`${where}[${i}]: duplicate limit name "${l.name}"`);
    names.add(l.name);
    return l;
  });
  const fallback = list.map((c, i) => build(c, i, share));
  const header = (ls: readonly CompiledLimit[]) =>
    policyHeader(
      ls.map((l) => ({
        name: l.name,
        quota: l.gcra ? l.gcra.limit : l.window!.limit,
        windowMs: l.gcra ? l.gcra.periodMs : l.window!.windowMs,
        burst: l.gcra ? l.gcra.burst : 0,
      })),
    );
  return Object.freeze({
    limits: Object.freeze(limits),
    policyHeader: header(limits),
    fallback: Object.freeze({ limits: Object.freeze(fallback), policyHeader: header(fallback) }),
  });
}

/** One atomic store decision for one limit (`cost: 0` peeks). */
function decideOne(store: StateStore, l: CompiledLimit, key: string, cost: number): MaybePromise<LimitState> {
  return l.gcra ? store.gcra(key, l.gcra, cost) : store.slidingWindow(key, l.window!, cost);
}

/**
 * Decides a request of cost 1 against every limit of `limits`, each under the store key
 * `keyOf(limit)`; see the module comment for the exactness argument. Synchronous with a synchronous
 * store. Store errors propagate (thrown or rejected).
 *
 * @example
 * const o = decide(store, set.limits, (l) => `rl:ns:${l.name}:${hash}`);
 */
export function decide(
  store: StateStore,
  limits: readonly CompiledLimit[],
  keyOf: (l: CompiledLimit) => string,
  cost = 1,
): MaybePromise<Outcome> {
  if (limits.length === 1) {
    return chain(decideOne(store, limits[0]!, keyOf(limits[0]!), cost), (s) => ({
      allowed: s.allowed,
      states: [s],
    }));
  }
  const keys = limits.map(keyOf);
  return chain(
    all(limits.map((l, i) => decideOne(store, l, keys[i]!, 0))),
    (peeks): MaybePromise<Outcome> => {
      for (const p of peeks) if (!p.allowed) return { allowed: false, states: peeks };
      return chain(all(limits.map((l, i) => decideOne(store, l, keys[i]!, cost))), (states) => {
        let allowed = true;
        for (const s of states) if (!s.allowed) allowed = false;
        return { allowed, states };
      });
    },
  );
}
