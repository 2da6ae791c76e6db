/**
 * The delivery machinery shared by every sink: a bounded queue, batching, retries with exponential
 * back-off and jitter, and counters. `push` is O(1) and never waits for the receiver.
 */

/** A refusal that retrying cannot fix (e.g. HTTP 400/401/413): the batch is dropped and counted. */
export class PermanentDeliveryError extends Error {
  /** @param message why the receiver refused the batch */
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/** Fixed-capacity FIFO with O(1) push/shift. */
export class RingQueue<T> {
  readonly capacity: number;
  #items: (T | undefined)[];
  #head = 0;
  #size = 0;

  /** @param capacity most items held */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new TypeError('queue capacity must be a positive integer');
    this.capacity = capacity;
    this.#items = new Array<T | undefined>(Math.min(capacity, 1024));
  }

  /** Number of items held. */
  get length(): number {
    return this.#size;
  }

  /** Appends; false when full (nothing changed). */
  push(item: T): boolean {
    if (this.#size >= this.capacity) return false;
    if (this.#size === this.#items.length) this.#grow();
    this.#items[(this.#head + this.#size) % this.#items.length] = item;
    this.#size++;
    return true;
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.#size === 0) return undefined;
    const item = this.#items[this.#head];
    this.#items[this.#head] = undefined;
    this.#head = (this.#head + 1) % this.#items.length;
    this.#size--;
    return item;
  }

  /** Removes and returns up to `n` oldest items. */
  take(n: number): T[] {
    const out: T[] = [];
    while (out.length < n && this.#size > 0) out.push(this.shift() as T);
    return out;
  }

  /** Items from oldest to newest (a copy). */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.#size; i++) out.push(this.#items[(this.#head + i) % this.#items.length] as T);
    return out;
  }

  #grow(): void {
    const next = new Array<T | undefined>(Math.min(this.capacity, this.#items.length * 2));
    for (let i = 0; i < this.#size; i++) next[i] = this.#items[(this.#head + i) % this.#items.length];
    this.#items = next;
    this.#head = 0;
  }
}

/** Delivers one prepared batch; rejects to retry, or with {@link PermanentDeliveryError} to drop. */
export interface Transport<P> {
  send(batch: P, signal: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** Queue and retry settings of one sink. */
export interface RunnerOptions {
  readonly name: string;
  readonly type: string;
  readonly queueSize: number;
  readonly overflow: 'drop_oldest' | 'drop_newest';
  readonly batchSize: number;
  readonly flushIntervalMs: number;
  readonly timeoutMs: number;
  readonly retry: { readonly base_ms: number; readonly max_ms: number; readonly max_attempts: number };
  /** Called for every dropped event count, with why. */
  readonly onDrop?: (count: number, reason: DropReason) => void;
  /** Called on delivery failures and recoveries (state changes only). */
  readonly onState?: (state: 'failing' | 'recovered', err?: unknown) => void;
}

/** Why events were dropped. */
export type DropReason = 'queue_full' | 'rejected' | 'retries_exhausted' | 'closed';

/** Counters of one sink. */
export interface SinkStats {
  readonly name: string;
  readonly type: string;
  /** Events waiting in the queue. */
  readonly queued: number;
  /** Events in the batch being delivered (or waiting to be retried). */
  readonly in_flight: number;
  readonly delivered: number;
  readonly dropped: number;
  readonly dropped_by_reason: Readonly<Record<DropReason, number>>;
  /** Failed delivery attempts. */
  readonly failures: number;
  readonly last_error?: string;
  readonly last_error_at?: string;
}

/** A running sink: `push` enqueues, the runner delivers in the background. */
export interface SinkRunner<T> {
  readonly name: string;
  push(item: T): void;
  stats(): SinkStats;
  /** Stops accepting, tries to deliver what is queued within `graceMs`, counts the rest as dropped. */
  close(graceMs?: number): Promise<void>;
}

/** Back-off delay for the n-th retry (1-based): exponential, capped, "equal jitter" (half fixed, half random). */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(cap / 2 + random() * (cap / 2));
}

/**
 * Starts a sink runner around a transport. `prepare` (mask + format) runs once per batch, off the
 * emit path.
 *
 * @example
 * const r = createSinkRunner(opts, transport, (evs) => evs.map((e) => formatLine(mask(e), 'ecs')));
 * r.push(event); // O(1), never blocks
 */
export function createSinkRunner<T, P>(
  opts: RunnerOptions,
  transport: Transport<P>,
  prepare: (items: T[]) => P,
): SinkRunner<T> {
  const queue = new RingQueue<T>(opts.queueSize);
  const dropped: Record<DropReason, number> = { queue_full: 0, rejected: 0, retries_exhausted: 0, closed: 0 };
  let delivered = 0;
  let failures = 0;
  let lastError: string | undefined;
  let lastErrorAt: string | undefined;
  let inFlight = 0;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let immediate: NodeJS.Immediate | undefined;
  let closed = false;
  let failing = false;
  const stop = new AbortController();
  let wake: (() => void) | undefined;

  const drop = (n: number, reason: DropReason): void => {
    if (n <= 0) return;
    dropped[reason] += n;
    try {
      opts.onDrop?.(n, reason);
    } catch {
      // A metrics callback must not break delivery.
    }
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (stop.signal.aborted) return resolve();
      const t = setTimeout(done, ms);
      t.unref();
      function done(): void {
        clearTimeout(t);
        stop.signal.removeEventListener('abort', done);
        wake = undefined;
        resolve();
      }
      wake = done;
      stop.signal.addEventListener('abort', done, { once: true });
    });

  const deliver = async (items: T[]): Promise<void> => {
    let prepared: P;
    try {
      prepared = prepare(items);
    } catch (err) {
      lastError = err instanceof Error ? err.message : String(err);
      drop(items.length, 'rejected');
      return;
    }
    for (let attempt = 1; ; attempt++) {
      if (stop.signal.aborted) return drop(items.length, 'closed');
      const signal = AbortSignal.any([AbortSignal.timeout(opts.timeoutMs), stop.signal]);
      try {
        await transport.send(prepared, signal);
        delivered += items.length;
        if (failing) {
          failing = false;
          opts.onState?.('recovered');
        }
        return;
      } catch (err) {
        failures++;
        lastError = err instanceof Error ? err.message : String(err);
        lastErrorAt = new Date().toISOString();
        if (!failing) {
          failing = true;
          opts.onState?.('failing', err);
        }
        if (err instanceof PermanentDeliveryError) return drop(items.length, 'rejected');
        if (opts.retry.max_attempts > 0 && attempt >= opts.retry.max_attempts) {
          return drop(items.length, 'retries_exhausted');
        }
        if (stop.signal.aborted) return drop(items.length, 'closed');
        await sleep(backoffMs(attempt, opts.retry.base_ms, opts.retry.max_ms));
        if (stop.signal.aborted) return drop(items.length, 'closed');
      }
    }
  };

  const run = async (): Promise<void> => {
    running = true;
    try {
      while (queue.length > 0 && !stop.signal.aborted) {
        const items = queue.take(opts.batchSize);
        inFlight = items.length;
        await deliver(items);
        inFlight = 0;
        // A partial batch waits for the flush interval unless we are draining for close.
        if (!closed && queue.length > 0 && queue.length < opts.batchSize && opts.flushIntervalMs > 0) break;
      }
    } finally {
      inFlight = 0;
      running = false;
      if (queue.length > 0 && !stop.signal.aborted) schedule();
    }
  };

  const kick = (): void => {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    immediate = undefined;
    if (!running) void run();
  };

  function schedule(): void {
    if (running || immediate !== undefined) return;
    if (queue.length >= opts.batchSize || opts.flushIntervalMs === 0 || closed) {
      immediate = setImmediate(kick);
    } else if (timer === undefined) {
      timer = setTimeout(kick, opts.flushIntervalMs);
      timer.unref();
    }
  }

  return {
    name: opts.name,
    push(item: T): void {
      if (closed) return drop(1, 'closed');
      if (!queue.push(item)) {
        if (opts.overflow === 'drop_newest') return drop(1, 'queue_full');
        queue.shift();
        queue.push(item);
        drop(1, 'queue_full');
      }
      schedule();
    },
    stats(): SinkStats {
      let total = 0;
      for (const k in dropped) total += dropped[k as DropReason];
      return {
        name: opts.name,
        type: opts.type,
        queued: queue.length,
        in_flight: inFlight,
        delivered,
        dropped: total,
        dropped_by_reason: { ...dropped },
        failures,
        ...(lastError === undefined ? {} : { last_error: lastError }),
        ...(lastErrorAt === undefined ? {} : { last_error_at: lastErrorAt }),
      };
    },
    async close(graceMs = opts.timeoutMs): Promise<void> {
      if (closed) return;
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      const drained = new Promise<void>((resolve) => {
        const check = (): void => {
          if (queue.length === 0 && !running) return resolve();
          if (!running) void run();
          setTimeout(check, 10).unref();
        };
        check();
      });
      let deadline: NodeJS.Timeout | undefined;
      await Promise.race([
        drained,
        new Promise<void>((resolve) => {
          deadline = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(deadline);
      stop.abort();
      wake?.();
      if (immediate !== undefined) clearImmediate(immediate);
      // Let an aborted in-flight delivery settle and count itself.
      for (let i = 0; i < 100 && running; i++) await new Promise((r) => setTimeout(r, 5));
      drop(queue.take(queue.capacity).length, 'closed');
      await transport.close().catch(() => undefined);
    },
  };
}
