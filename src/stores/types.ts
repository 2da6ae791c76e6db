/**
 * State stores: the one interface behind which limits, bans, replay caches and failure counters
 * keep their state. `local` is exact across every worker thread of one process (shared memory);
 * `redis` is exact across nodes (atomic server-side scripts, one clock: Redis TIME).
 * Local operations return plain values (synchronous); Redis ones return promises — callers use
 * `MaybePromise` and only await when they must.
 */
export type MaybePromise<T> = T | Promise<T>;

/** Result of a GCRA (token bucket semantics) decision. */
export interface GcraResult {
  readonly allowed: boolean;
  /** Requests still allowed right now (after this one if allowed). */
  readonly remaining: number;
  /** When denied: ms until the request would be allowed. 0 when allowed. */
  readonly retryAfterMs: number;
  /** ms until the bucket is completely full again. */
  readonly resetMs: number;
}

/** Result of a sliding-window decision. */
export interface WindowResult {
  readonly allowed: boolean;
  /** Weighted count in the window including this request if allowed. */
  readonly count: number;
  readonly remaining: number;
  readonly retryAfterMs: number;
  readonly resetMs: number;
}

export interface GcraLimit {
  /** Requests allowed per period (sustained rate = limit / periodMs). */
  readonly limit: number;
  readonly periodMs: number;
  /** Extra requests allowed in a burst above the sustained rate (0 = none). */
  readonly burst: number;
}

export interface WindowLimit {
  readonly limit: number;
  readonly windowMs: number;
}

export interface StateStore {
  readonly kind: 'local' | 'redis';
  /** Milliseconds from the store's single clock (Redis TIME for redis). */
  now(): MaybePromise<number>;
  /** Atomically decides and, when allowed, consumes `cost` (default 1). `cost: 0` peeks. */
  gcra(key: string, limit: GcraLimit, cost?: number): MaybePromise<GcraResult>;
  /** Atomically decides on a sliding window (previous + current fixed windows, weighted). */
  slidingWindow(key: string, limit: WindowLimit, cost?: number): MaybePromise<WindowResult>;
  /** Adds `by` to a counter; the TTL is set when the counter is created. Returns the new value. */
  incr(key: string, by: number, ttlMs: number): MaybePromise<number>;
  /** Current counter value (0 when absent or expired). */
  count(key: string): MaybePromise<number>;
  /** Marks `key` for `ttlMs` if it is not marked; true when this call marked it (replay detection). */
  markIfAbsent(key: string, ttlMs: number): MaybePromise<boolean>;
  /** Remaining ms of a mark (0 when absent): bans, blocks. */
  markTtl(key: string): MaybePromise<number>;
  /** Sets or extends a mark to `ttlMs`. */
  mark(key: string, ttlMs: number): MaybePromise<void>;
  /** Removes a counter or a mark. */
  delete(key: string): MaybePromise<void>;
  /** Takes one of `max` concurrent slots; false when all are taken. Slots expire after ttlMs (crash safety). */
  acquire(key: string, max: number, ttlMs: number): MaybePromise<boolean>;
  release(key: string): MaybePromise<void>;
  /** Fire-and-forget notification to every worker/node (revocations, config). */
  publish(channel: string, message: string): MaybePromise<void>;
  /** Returns an unsubscribe function. */
  subscribe(channel: string, fn: (message: string) => void): () => void;
  /** Health of the back end: false while Redis is unreachable. */
  healthy(): boolean;
  close(): Promise<void>;
}
