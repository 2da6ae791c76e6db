/**
 * State stores: the one interface behind which limits, bans, replay caches and failure counters
 * keep their state. `local` is exact across every worker thread of one process (shared memory);
 * `redis` is exact across nodes (atomic server-side scripts, one clock: Redis TIME).
 * Local operations return plain values (synchronous); Redis ones return promises — callers use
 * `MaybePromise` and only await when they must.
 *
 * Keys: every operation family keeps its own state under a key — `gcra`, `slidingWindow`,
 * `incr`/`count`, `markIfAbsent`/`mark`/`markTtl` and `acquire`/`release` are five separate
 * namespaces, so `incr('x')` never disturbs `gcra('x')`. `delete(key)` clears the key in all five.
 * Keys must be non-empty strings; callers put a prefix per policy (`rl:consumer:alice`).
 *
 * Failures: operations throw (or reject with) a `StoreError` — `StoreUnavailableError` when the back
 * end is unreachable, `StoreFullError` when the local table has no room for a new key. A store never
 * answers "allowed" when it could not decide; the caller picks fail-closed or fail-open.
 */
export type MaybePromise<T> = T | Promise<T>;

/** Result of a GCRA (token bucket semantics) decision. */
export interface GcraResult {
  readonly allowed: boolean;
  /** Requests of cost 1 still allowed right now (after this one if allowed). */
  readonly remaining: number;
  /**
   * When denied: ms until this request (same cost) would be allowed; 0 when allowed.
   * `Infinity` when the cost exceeds the bucket's capacity (it can never be allowed).
   */
  readonly retryAfterMs: number;
  /** ms until the bucket is completely full again (0 when it is full). */
  readonly resetMs: number;
}

/** Result of a sliding-window decision. */
export interface WindowResult {
  readonly allowed: boolean;
  /** Weighted count in the window, including this request if allowed. */
  readonly count: number;
  /** Requests of cost 1 still allowed right now: `floor(limit - count)`, at least 0. */
  readonly remaining: number;
  /** When denied: ms until this request (same cost) would be allowed; 0 when allowed; `Infinity` when cost > limit. */
  readonly retryAfterMs: number;
  /** ms until the weighted count is back to 0 if no further request is counted. */
  readonly resetMs: number;
}

/**
 * A GCRA limit (the generic cell rate algorithm, equivalent to a token bucket).
 *
 * Precisely: the emission interval is `T = periodMs / limit` and the bucket's capacity is
 * `limit + burst`. From an idle key, `limit + burst` requests of cost 1 pass at once; after that one
 * request passes every `T` ms. A request of cost `c` passes when `c` more requests fit, i.e. when
 * `max(TAT, now) + c·T - now <= (limit + burst)·T` (TAT: the theoretical arrival time); it then
 * moves TAT to `max(TAT, now) + c·T`.
 *
 * Example: `{ limit: 10, periodMs: 1000, burst: 0 }` — 10 immediate requests pass, the 11th is denied
 * with `retryAfterMs` = 100, and the key is back to a full bucket 1 s after the first request.
 */
export interface GcraLimit {
  /** Requests allowed per period (sustained rate = limit / periodMs). A positive integer. */
  readonly limit: number;
  /** Period in ms, > 0. */
  readonly periodMs: number;
  /** Extra requests allowed in a burst above `limit` (0 = none). A non-negative integer. */
  readonly burst: number;
}

/**
 * A sliding-window limit: fixed windows of `windowMs` aligned on multiples of `windowMs` since the
 * Unix epoch; the count is `prev·(1 - elapsed/windowMs) + cur` (the previous window's count weighted
 * by how much of it still overlaps the sliding window). A request of cost `c` is denied when
 * `count + c > limit`.
 */
export interface WindowLimit {
  /** Maximum weighted count per window. A positive integer. */
  readonly limit: number;
  /** Window length in ms, > 0. */
  readonly windowMs: number;
}

/**
 * The store every policy with shared state uses.
 *
 * Costs: `cost` defaults to 1 and must be a finite number >= 0. `cost: 0` peeks: nothing is consumed
 * or created, and the result describes a request of cost 1 (`allowed` says whether one would pass
 * now, `retryAfterMs` when it would).
 *
 * TTLs are in ms, finite and > 0 (Redis rounds them up to whole ms).
 */
export interface StateStore {
  readonly kind: 'local' | 'redis';
  /** Milliseconds since the Unix epoch from the store's single clock (Redis TIME for redis). */
  now(): MaybePromise<number>;
  /** Atomically decides and, when allowed, consumes `cost` (default 1). `cost: 0` peeks. */
  gcra(key: string, limit: GcraLimit, cost?: number): MaybePromise<GcraResult>;
  /** Atomically decides on a sliding window (previous + current fixed windows, weighted). `cost: 0` peeks. */
  slidingWindow(key: string, limit: WindowLimit, cost?: number): MaybePromise<WindowResult>;
  /**
   * Adds `by` (a finite number) to a counter; the TTL is set when the counter is created and is not
   * extended by later increments (a fixed window that starts at the first increment). Returns the new value.
   */
  incr(key: string, by: number, ttlMs: number): MaybePromise<number>;
  /** Current counter value (0 when absent or expired). */
  count(key: string): MaybePromise<number>;
  /** Marks `key` for `ttlMs` if it is not marked; true when this call marked it (replay detection). */
  markIfAbsent(key: string, ttlMs: number): MaybePromise<boolean>;
  /** Remaining ms of a mark (0 when absent): bans, blocks. */
  markTtl(key: string): MaybePromise<number>;
  /**
   * Marks `key` until at least `now + ttlMs`: sets a new mark or extends an existing one, never
   * shortens it (a short ban cannot cut a longer one short; use `delete` to lift a mark).
   */
  mark(key: string, ttlMs: number): MaybePromise<void>;
  /** Removes everything stored under `key` (counter, mark, limiter state, concurrency slots). */
  delete(key: string): MaybePromise<void>;
  /**
   * Takes one of `max` (a positive integer) concurrent slots; false when all are taken. Slots expire
   * after `ttlMs` (crash safety): in `redis` each slot expires `ttlMs` after it was taken; in `local`
   * (where a crash takes the whole table with it) the slots of a key expire together `ttlMs` after
   * the most recent acquire. Pair every successful acquire with exactly one `release`.
   */
  acquire(key: string, max: number, ttlMs: number): MaybePromise<boolean>;
  /** Gives back one slot taken with `acquire`; a no-op when the key holds none. */
  release(key: string): MaybePromise<void>;
  /**
   * Fire-and-forget notification to every subscriber of `channel` in every worker/node, this one
   * included (revocations, config). Delivery is asynchronous and at most once.
   */
  publish(channel: string, message: string): MaybePromise<void>;
  /** Returns an unsubscribe function. A throwing subscriber is reported, never propagated. */
  subscribe(channel: string, fn: (message: string) => void): () => void;
  /** Health of the back end: false while Redis is unreachable or not answering. */
  healthy(): boolean;
  /** Releases this store's connections/channels in this thread. */
  close(): Promise<void>;
}

/** The subset of a pino logger the stores use to report connection changes and subscriber faults. */
export interface StoreLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}
