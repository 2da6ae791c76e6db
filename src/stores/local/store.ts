/**
 * The `local` state store: exact across every worker thread of one process.
 *
 * State lives in one `SharedArrayBuffer` (see `table.ts`) that every thread maps; a decision is a
 * hash, a probe, a per-slot lock, a read-modify-write of a few float64s and an unlock — no message
 * passing. Time is `performance.timeOrigin + performance.now()`: the process's monotonic clock,
 * which Node gives the same origin in every worker thread.
 *
 * @example
 * // main thread
 * const store = createLocalStore({ capacity: 1 << 17 });
 * new Worker(file, { workerData: { store: store.handle } });
 * // worker
 * const store = attachLocalStore(workerData.store);
 * const r = store.gcra('rl:consumer:alice', { limit: 100, periodMs: 60_000, burst: 0 });
 */
import { randomUUID } from 'node:crypto';
import { BroadcastChannel } from 'node:worker_threads';
import {
  checkBy,
  checkCost,
  checkGcraLimit,
  checkKey,
  checkMax,
  checkTtl,
  checkWindowLimit,
  gcraDecide,
  windowDecide,
} from '../algorithms.ts';
import type { GcraLimit, GcraResult, StateStore, StoreLogger, WindowLimit, WindowResult } from '../types.ts';
import {
  allocateTable,
  K_COUNTER,
  K_GCRA,
  K_MARK,
  K_SEMAPHORE,
  K_WINDOW,
  MAX_CAPACITY,
  MIN_CAPACITY,
  SharedTable,
} from './table.ts';

/**
 * What another thread needs to attach to a local store: structured-cloneable, so it can travel in
 * `workerData` or `postMessage` (the buffer is shared, not copied).
 */
export interface LocalStoreHandle {
  readonly type: 'gatehouse-local-store';
  /** Names this store's broadcast channels, so two stores never hear each other. */
  readonly id: string;
  readonly buffer: SharedArrayBuffer;
}

/** Options of {@link createLocalStore}. */
export interface LocalStoreOptions {
  /** Slots in the table, a power of two in [16, 4,194,304]. Default 65,536 (3 MiB). */
  capacity?: number;
  /** Slots probed from a key's home slot before an insert gives up with StoreFullError. Default min(capacity, 256). */
  maxProbe?: number;
  /** A lock held longer than this is taken over (its holder is presumed dead). Default 1000 ms. */
  lockStealMs?: number;
}

/** Per-thread options of a local store view. */
export interface LocalAttachOptions {
  /**
   * The clock, ms since the Unix epoch. Tests only: every thread using the store must read the
   * same clock, and the default one already is.
   */
  clock?: () => number;
  /** Receives subscriber exceptions (default: a process warning). */
  logger?: StoreLogger;
}

/** A local store plus what the owner can hand out and inspect. */
export interface LocalStore extends StateStore {
  readonly kind: 'local';
  /** Pass to other threads, then `attachLocalStore(handle)` there. */
  readonly handle: LocalStoreHandle;
  /** Table size and failure counters (shared by all threads). */
  stats(): { capacity: number; fullErrors: number; lockSteals: number };
  now(): number;
  gcra(key: string, limit: GcraLimit, cost?: number): GcraResult;
  slidingWindow(key: string, limit: WindowLimit, cost?: number): WindowResult;
  incr(key: string, by: number, ttlMs: number): number;
  count(key: string): number;
  markIfAbsent(key: string, ttlMs: number): boolean;
  markTtl(key: string): number;
  mark(key: string, ttlMs: number): void;
  delete(key: string): void;
  acquire(key: string, max: number, ttlMs: number): boolean;
  release(key: string): void;
  publish(channel: string, message: string): void;
}

/** `performance.timeOrigin + performance.now()`, with the origin (constant, but a slow getter) read once. */
function processClock(): () => number {
  const origin = performance.timeOrigin;
  return () => origin + performance.now();
}

/**
 * Creates a local store (allocating its shared table) usable in this thread; hand `store.handle`
 * to other threads. Throws a TypeError on bad options.
 *
 * @example
 * const store = createLocalStore(); // 65,536 slots
 */
export function createLocalStore(opts: LocalStoreOptions & LocalAttachOptions = {}): LocalStore {
  const capacity = opts.capacity ?? 65_536;
  if (
    !Number.isInteger(capacity) ||
    capacity < MIN_CAPACITY ||
    capacity > MAX_CAPACITY ||
    (capacity & (capacity - 1)) !== 0
  ) {
    throw new TypeError(`capacity must be a power of two in [${MIN_CAPACITY}, ${MAX_CAPACITY}]`);
  }
  const maxProbe = opts.maxProbe ?? Math.min(capacity, 256);
  if (!Number.isInteger(maxProbe) || maxProbe < 1 || maxProbe > capacity) {
    throw new TypeError('maxProbe must be an integer in [1, capacity]');
  }
  const lockStealMs = opts.lockStealMs ?? 1000;
  if (!Number.isInteger(lockStealMs) || lockStealMs < 10 || lockStealMs > 60_000) {
    throw new TypeError('lockStealMs must be an integer in [10, 60000]');
  }
  const buffer = allocateTable({ capacity, maxProbe, lockStealMs });
  const handle: LocalStoreHandle = Object.freeze({ type: 'gatehouse-local-store', id: randomUUID(), buffer });
  return new LocalStateStore(handle, opts);
}

/**
 * Attaches to a local store created in another thread. Throws a TypeError when `handle` is not one.
 *
 * @example
 * const store = attachLocalStore(workerData.store);
 */
export function attachLocalStore(handle: LocalStoreHandle, opts: LocalAttachOptions = {}): LocalStore {
  if (
    handle === null ||
    typeof handle !== 'object' ||
    handle.type !== 'gatehouse-local-store' ||
    typeof handle.id !== 'string'
  ) {
    throw new TypeError('not a local store handle');
  }
  return new LocalStateStore(handle, opts);
}

/** One thread's view of a local store. */
class LocalStateStore implements LocalStore {
  readonly kind = 'local' as const;
  readonly handle: LocalStoreHandle;
  readonly #t: SharedTable;
  readonly #clock: () => number;
  readonly #logger: StoreLogger | undefined;
  readonly #subs = new Map<string, { ch: BroadcastChannel; fns: Set<(m: string) => void> }>();
  readonly #senders = new Map<string, BroadcastChannel>();
  #closed = false;

  constructor(handle: LocalStoreHandle, opts: LocalAttachOptions) {
    this.#t = new SharedTable(handle.buffer);
    this.handle = handle;
    this.#clock = opts.clock ?? processClock();
    this.#logger = opts.logger;
  }

  stats(): { capacity: number; fullErrors: number; lockSteals: number } {
    return { capacity: this.#t.capacity, fullErrors: this.#t.fullErrors, lockSteals: this.#t.lockSteals };
  }

  now(): number {
    return this.#clock();
  }

  gcra(key: string, limit: GcraLimit, cost = 1): GcraResult {
    checkKey(key);
    checkGcraLimit(limit);
    checkCost(cost);
    const T = limit.periodMs / limit.limit;
    const cap = limit.limit + limit.burst;
    const now = this.#clock();
    const n = now / T;
    const t = this.#t;
    const s = t.find(K_GCRA, key, cost > 0, now);
    if (s < 0) return gcraDecide(n, n, cap, cost, T);
    const f64 = t.f64;
    const f = s * 4;
    try {
      let tat = n;
      if (f64[f]! > now) {
        const storedT = f64[f + 2]!;
        const stored = storedT === T ? f64[f + 1]! : (f64[f + 1]! * storedT) / T;
        if (stored > tat) tat = stored;
      }
      const r = gcraDecide(tat, n, cap, cost, T);
      if (r.allowed && cost > 0) {
        const next = tat + cost;
        f64[f + 1] = next;
        f64[f + 2] = T;
        f64[f] = now + (next - n) * T;
      }
      return r;
    } finally {
      t.unlock(s);
    }
  }

  slidingWindow(key: string, limit: WindowLimit, cost = 1): WindowResult {
    checkKey(key);
    checkWindowLimit(limit);
    checkCost(cost);
    const w = limit.windowMs;
    const now = this.#clock();
    const idx = Math.floor(now / w);
    const elapsed = now - idx * w;
    const t = this.#t;
    const s = t.find(K_WINDOW, key, cost > 0, now);
    if (s < 0) return windowDecide(0, 0, elapsed, w, limit.limit, cost);
    const f64 = t.f64;
    const f = s * 4;
    try {
      let prev = 0;
      let cur = 0;
      if (f64[f]! > now) {
        const storedIdx = f64[f + 1]!;
        if (storedIdx === idx) {
          prev = f64[f + 2]!;
          cur = f64[f + 3]!;
        } else if (storedIdx === idx - 1) {
          prev = f64[f + 3]!;
        }
      }
      const r = windowDecide(prev, cur, elapsed, w, limit.limit, cost);
      if (r.allowed && cost > 0) {
        f64[f + 1] = idx;
        f64[f + 2] = prev;
        f64[f + 3] = cur + cost;
        f64[f] = (idx + 2) * w;
      }
      return r;
    } finally {
      t.unlock(s);
    }
  }

  incr(key: string, by: number, ttlMs: number): number {
    checkKey(key);
    checkBy(by);
    checkTtl(ttlMs);
    const now = this.#clock();
    const t = this.#t;
    const s = t.find(K_COUNTER, key, true, now);
    const f64 = t.f64;
    const f = s * 4;
    try {
      if (f64[f]! <= now) {
        f64[f + 1] = 0;
        f64[f] = now + ttlMs;
      }
      const v = f64[f + 1]! + by;
      f64[f + 1] = v;
      return v;
    } finally {
      t.unlock(s);
    }
  }

  count(key: string): number {
    checkKey(key);
    const now = this.#clock();
    const t = this.#t;
    const s = t.find(K_COUNTER, key, false, now);
    if (s < 0) return 0;
    const v = t.f64[s * 4]! > now ? t.f64[s * 4 + 1]! : 0;
    t.unlock(s);
    return v;
  }

  markIfAbsent(key: string, ttlMs: number): boolean {
    checkKey(key);
    checkTtl(ttlMs);
    const now = this.#clock();
    const t = this.#t;
    const s = t.find(K_MARK, key, true, now);
    const f = s * 4;
    const fresh = t.f64[f]! <= now;
    if (fresh) t.f64[f] = now + ttlMs;
    t.unlock(s);
    return fresh;
  }

  markTtl(key: string): number {
    checkKey(key);
    const now = this.#clock();
    const t = this.#t;
    const s = t.find(K_MARK, key, false, now);
    if (s < 0) return 0;
    const left = t.f64[s * 4]! - now;
    t.unlock(s);
    return left > 0 ? left : 0;
  }

  mark(key: string, ttlMs: number): void {
    checkKey(key);
    checkTtl(ttlMs);
    const now = this.#clock();
    const t = this.#t;
    const s = t.find(K_MARK, key, true, now);
    const f = s * 4;
    if (t.f64[f]! < now + ttlMs) t.f64[f] = now + ttlMs;
    t.unlock(s);
  }

  delete(key: string): void {
    checkKey(key);
    const now = this.#clock();
    const t = this.#t;
    for (const kind of KINDS) {
      const s = t.find(kind, key, false, now);
      if (s < 0) continue;
      t.f64[s * 4] = 0;
      t.unlock(s);
    }
  }

  acquire(key: string, max: number, ttlMs: number): boolean {
    checkKey(key);
    checkMax(max);
    checkTtl(ttlMs);
    const now = this.#clock();
    const t = this.#t;
    const s = t.find(K_SEMAPHORE, key, true, now);
    const f64 = t.f64;
    const f = s * 4;
    try {
      const alive = f64[f]! > now;
      const held = alive ? f64[f + 1]! : 0;
      if (held >= max) return false;
      f64[f + 1] = held + 1;
      if (!alive || f64[f]! < now + ttlMs) f64[f] = now + ttlMs;
      return true;
    } finally {
      t.unlock(s);
    }
  }

  release(key: string): void {
    checkKey(key);
    const now = this.#clock();
    const t = this.#t;
    const s = t.find(K_SEMAPHORE, key, false, now);
    if (s < 0) return;
    const f = s * 4;
    if (t.f64[f]! > now && t.f64[f + 1]! > 0) {
      const held = t.f64[f + 1]! - 1;
      t.f64[f + 1] = held;
      if (held === 0) t.f64[f] = 0;
    }
    t.unlock(s);
  }

  publish(channel: string, message: string): void {
    if (typeof channel !== 'string' || typeof message !== 'string') {
      throw new TypeError('channel and message must be strings');
    }
    if (this.#closed) return;
    const name = this.#channelName(channel);
    let ch = this.#senders.get(name);
    if (ch === undefined) {
      ch = new BroadcastChannel(name);
      ch.unref();
      this.#senders.set(name, ch);
    }
    // A BroadcastChannel does not deliver to itself; this thread's subscribers listen on another
    // instance of the same name, so they receive it like every other thread's.
    ch.postMessage(message);
  }

  subscribe(channel: string, fn: (message: string) => void): () => void {
    if (typeof channel !== 'string' || typeof fn !== 'function') {
      throw new TypeError('subscribe(channel: string, fn: function)');
    }
    if (this.#closed) return noop;
    const name = this.#channelName(channel);
    let sub = this.#subs.get(name);
    if (sub === undefined) {
      const ch = new BroadcastChannel(name);
      const fns = new Set<(m: string) => void>();
      ch.onmessage = (ev) => {
        const data = (ev as MessageEvent).data;
        if (typeof data !== 'string') return;
        for (const f of fns) {
          try {
            f(data);
          } catch (err) {
            this.#reportSubscriberError(channel, err);
          }
        }
      };
      ch.unref();
      sub = { ch, fns };
      this.#subs.set(name, sub);
    }
    const entry = sub;
    // A wrapper, so the same function subscribed twice is two subscriptions.
    const wrapped = (m: string): void => fn(m);
    entry.fns.add(wrapped);
    return () => {
      entry.fns.delete(wrapped);
      if (entry.fns.size === 0 && this.#subs.get(name) === entry) {
        this.#subs.delete(name);
        entry.ch.close();
      }
    };
  }

  healthy(): boolean {
    return true;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const { ch } of this.#subs.values()) ch.close();
    for (const ch of this.#senders.values()) ch.close();
    this.#subs.clear();
    this.#senders.clear();
  }

  #channelName(channel: string): string {
    return `gatehouse:store:${this.handle.id}:${channel}`;
  }

  #reportSubscriberError(channel: string, err: unknown): void {
    if (this.#logger) this.#logger.warn({ err, channel }, 'store subscriber threw');
    else process.emitWarning(`store subscriber for channel ${channel} threw: ${String(err)}`);
  }
}

const KINDS = [K_GCRA, K_WINDOW, K_COUNTER, K_MARK, K_SEMAPHORE] as const;

function noop(): void {}
