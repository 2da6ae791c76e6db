/**
 * The `redis` state store: exact across gateway nodes.
 *
 * - One round trip per decision: every decision is one Lua script (`scripts.ts`, EVALSHA, loaded by
 *   ioredis on first use per connection) or one plain command; concurrent calls are sent as one
 *   pipeline per event-loop tick (ioredis auto-pipelining).
 * - One clock: scripts read `TIME` on the server; the gateway's clock is never used.
 * - Cluster-safe keys: `<prefix>{<key>}:<family>` — the braces are a hash tag, so every state of a
 *   key lives in one slot (multi-key `DEL` works) and different keys spread over the masters.
 * - Fails fast: no offline queue, no retries of a command, a command timeout (200 ms by default).
 *   While Redis is down every operation rejects with `StoreUnavailableError` at once; the client
 *   reconnects in the background with exponential back-off capped at 2 s. The caller chooses
 *   fail-closed or fail-open.
 *
 * @example
 * const store = createRedisStore({ url: 'redis://127.0.0.1:6380', keyPrefix: 'gh:' });
 * await store.ready();
 * const r = await store.gcra('rl:consumer:alice', { limit: 100, periodMs: 60_000, burst: 10 });
 */
import { randomUUID } from 'node:crypto';
import { Cluster, type ClusterOptions, Redis, type RedisOptions, ReplyError } from 'ioredis';
import {
  checkBy,
  checkCost,
  checkGcraLimit,
  checkKey,
  checkMax,
  checkTtl,
  checkWindowLimit,
} from '../algorithms.ts';
import { StoreError, StoreUnavailableError } from '../errors.ts';
import type { GcraLimit, GcraResult, StateStore, StoreLogger, WindowLimit, WindowResult } from '../types.ts';
import { ACQUIRE_LUA, GCRA_LUA, INCR_LUA, MARK_LUA, RELEASE_LUA, WINDOW_LUA } from './scripts.ts';

/** Options of {@link createRedisStore}. Give exactly one of `url` and `nodes`. */
export interface RedisStoreOptions {
  /** A standalone server: `redis://[user:password@]host:port[/db]` or `rediss://` for TLS. */
  url?: string;
  /** Seed nodes of a Redis Cluster. */
  nodes?: ReadonlyArray<{ host: string; port: number }>;
  /** Prepended to every key and channel; no braces. Default `gh:`. */
  keyPrefix?: string;
  /** TCP connect timeout, ms. Default 1000. */
  connectTimeoutMs?: number;
  /** A command without a reply after this long rejects, ms. Default 200. */
  commandTimeoutMs?: number;
  /** Cap of the reconnect back-off, ms. Default 2000. */
  maxReconnectDelayMs?: number;
  /** Connection state changes (info/warn) and subscriber faults. Never given credentials. */
  logger?: StoreLogger;
  /** Extra ioredis options (TLS, username/password for cluster nodes, …); ours win on conflict. */
  redisOptions?: RedisOptions;
}

/** The Redis store, plus a way to wait for the first connection. */
export interface RedisStore extends StateStore {
  readonly kind: 'redis';
  /** Resolves once connected; rejects with StoreUnavailableError after `timeoutMs` (default 5000). */
  ready(timeoutMs?: number): Promise<void>;
  now(): Promise<number>;
  gcra(key: string, limit: GcraLimit, cost?: number): Promise<GcraResult>;
  slidingWindow(key: string, limit: WindowLimit, cost?: number): Promise<WindowResult>;
  incr(key: string, by: number, ttlMs: number): Promise<number>;
  count(key: string): Promise<number>;
  markIfAbsent(key: string, ttlMs: number): Promise<boolean>;
  markTtl(key: string): Promise<number>;
  mark(key: string, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
  acquire(key: string, max: number, ttlMs: number): Promise<boolean>;
  release(key: string): Promise<void>;
  publish(channel: string, message: string): Promise<void>;
}

/** The script commands defined on the client. */
interface ScriptCommands {
  ghGcra(key: string, T: string, cap: string, cost: string): Promise<[number, number, string, string]>;
  ghWindow(
    key: string,
    w: string,
    limit: string,
    cost: string,
  ): Promise<[number, number, string, string, string]>;
  ghIncr(key: string, by: string, ttl: string): Promise<string>;
  ghMark(key: string, ttl: string): Promise<number>;
  ghAcquire(key: string, max: string, ttl: string, id: string): Promise<number>;
  ghRelease(key: string): Promise<number>;
}

/** Both client kinds share the command API; typed as `Redis` for precise command signatures. */
type Client = Redis & ScriptCommands;

/**
 * Replies that mean "cannot decide right now" even though some Redis answered: a cluster slot whose
 * master is down ends in MOVED/ASK once the redirections are used up, then CLUSTERDOWN.
 */
const TRANSIENT = /^(CLUSTERDOWN|TRYAGAIN|LOADING|MASTERDOWN|BUSY|READONLY|MOVED|ASK)\b/;
/** Consecutive command timeouts after which `healthy()` reports false. */
const TIMEOUT_STREAK = 3;
const FAMILIES = ['g', 'w', 'c', 'm', 's'] as const;

/**
 * Creates a Redis store and starts connecting in the background. Throws a TypeError on bad options.
 *
 * @example
 * const store = createRedisStore({ nodes: [{ host: '10.0.0.5', port: 6379 }] }); // a cluster
 */
export function createRedisStore(opts: RedisStoreOptions): RedisStore {
  return new RedisStateStore(opts);
}

class RedisStateStore implements RedisStore {
  readonly kind = 'redis' as const;
  readonly #client: Client;
  readonly #makeSubscriber: () => Redis | Cluster;
  #subscriber: Redis | Cluster | undefined;
  readonly #subs = new Map<string, Set<(m: string) => void>>();
  readonly #prefix: string;
  readonly #logger: StoreLogger | undefined;
  readonly #leasePrefix = `${randomUUID()}:`;
  #leaseSeq = 0;
  #timeouts = 0;
  #wasReady = false;
  #reportedDown = false;
  #closed = false;

  constructor(opts: RedisStoreOptions) {
    const prefix = opts.keyPrefix ?? 'gh:';
    if (typeof prefix !== 'string' || prefix.includes('{') || prefix.includes('}') || prefix.length > 64) {
      throw new TypeError('keyPrefix must be a string of at most 64 characters without braces');
    }
    if ((opts.url === undefined) === (opts.nodes === undefined)) {
      throw new TypeError('give exactly one of url (a server) and nodes (a cluster)');
    }
    if (opts.url !== undefined && (typeof opts.url !== 'string' || !/^rediss?:\/\//.test(opts.url))) {
      throw new TypeError('url must start with redis:// or rediss://');
    }
    if (
      opts.nodes !== undefined &&
      (!Array.isArray(opts.nodes) ||
        opts.nodes.length === 0 ||
        !opts.nodes.every((n) => typeof n.host === 'string' && Number.isInteger(n.port)))
    ) {
      throw new TypeError('nodes must be a non-empty array of { host, port }');
    }
    const connectTimeout = positiveInt(opts.connectTimeoutMs ?? 1000, 'connectTimeoutMs');
    const commandTimeout = positiveInt(opts.commandTimeoutMs ?? 200, 'commandTimeoutMs');
    const maxDelay = positiveInt(opts.maxReconnectDelayMs ?? 2000, 'maxReconnectDelayMs');
    this.#prefix = prefix;
    this.#logger = opts.logger;

    // Exponential back-off with jitter (so a fleet does not reconnect in lock step), capped.
    const retryStrategy = (times: number): number => {
      const base = Math.min(maxDelay, 50 * 2 ** Math.min(times - 1, 16));
      return Math.max(10, Math.round(base * (0.5 + Math.random() * 0.5)));
    };
    const failFast: RedisOptions = {
      ...opts.redisOptions,
      connectTimeout,
      commandTimeout,
      maxRetriesPerRequest: 0,
      autoResendUnfulfilledCommands: false,
      enableReadyCheck: true,
      lazyConnect: false,
    };
    // Subscriptions are not decisions: they may wait for a connection and are re-sent on reconnect.
    const patient: RedisOptions = {
      ...opts.redisOptions,
      connectTimeout,
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
      autoResubscribe: true,
      lazyConnect: false,
    };

    let client: Redis | Cluster;
    if (opts.url !== undefined) {
      const url = opts.url;
      client = new Redis(url, {
        ...failFast,
        enableOfflineQueue: false,
        enableAutoPipelining: true,
        retryStrategy,
      });
      this.#makeSubscriber = () => new Redis(url, { ...patient, retryStrategy });
    } else {
      const nodes = opts.nodes!.map((n) => ({ host: n.host, port: n.port }));
      const clusterOptions: ClusterOptions = {
        enableAutoPipelining: true,
        clusterRetryStrategy: retryStrategy,
        scaleReads: 'master',
        maxRedirections: 4,
        retryDelayOnFailover: 50,
        retryDelayOnClusterDown: 50,
        retryDelayOnTryAgain: 50,
        slotsRefreshTimeout: 1000,
      };
      // Node connections are created lazily by the cluster client and need their offline queue
      // for the first command; the cluster-level queue is off, and commands are never retried.
      const { enableOfflineQueue: _ignored, ...nodeOptions } = failFast;
      client = new Cluster(nodes, {
        ...clusterOptions,
        enableOfflineQueue: false,
        redisOptions: nodeOptions,
      });
      this.#makeSubscriber = () =>
        new Cluster(nodes, {
          ...clusterOptions,
          enableAutoPipelining: false,
          enableOfflineQueue: true,
          redisOptions: patient,
        });
    }
    client.defineCommand('ghGcra', { numberOfKeys: 1, lua: GCRA_LUA });
    client.defineCommand('ghWindow', { numberOfKeys: 1, lua: WINDOW_LUA });
    client.defineCommand('ghIncr', { numberOfKeys: 1, lua: INCR_LUA });
    client.defineCommand('ghMark', { numberOfKeys: 1, lua: MARK_LUA });
    client.defineCommand('ghAcquire', { numberOfKeys: 1, lua: ACQUIRE_LUA });
    client.defineCommand('ghRelease', { numberOfKeys: 1, lua: RELEASE_LUA });
    this.#client = client as unknown as Client;
    this.#watch(client, 'store');
  }

  ready(timeoutMs = 5000): Promise<void> {
    if (this.#client.status === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#client.off('ready', done);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#client.off('ready', done);
        reject(new StoreUnavailableError(`redis not ready after ${timeoutMs} ms`));
      }, timeoutMs);
      this.#client.on('ready', done);
    });
  }

  healthy(): boolean {
    return this.#client.status === 'ready' && this.#timeouts < TIMEOUT_STREAK;
  }

  now(): Promise<number> {
    if (this.#client.status !== 'ready') return this.#down();
    return this.#run(this.#client.time(), (t) => Number(t[0]) * 1000 + Number(t[1]) / 1000);
  }

  gcra(key: string, limit: GcraLimit, cost = 1): Promise<GcraResult> {
    checkKey(key);
    checkGcraLimit(limit);
    checkCost(cost);
    if (this.#client.status !== 'ready') return this.#down();
    const T = limit.periodMs / limit.limit;
    return this.#run(
      this.#client.ghGcra(this.#key(key, 'g'), String(T), String(limit.limit + limit.burst), String(cost)),
      (r) => ({
        allowed: r[0] === 1,
        remaining: r[1],
        retryAfterMs: r[2] === '-1' ? Number.POSITIVE_INFINITY : Number(r[2]),
        resetMs: Number(r[3]),
      }),
    );
  }

  slidingWindow(key: string, limit: WindowLimit, cost = 1): Promise<WindowResult> {
    checkKey(key);
    checkWindowLimit(limit);
    checkCost(cost);
    if (this.#client.status !== 'ready') return this.#down();
    return this.#run(
      this.#client.ghWindow(this.#key(key, 'w'), String(limit.windowMs), String(limit.limit), String(cost)),
      (r) => ({
        allowed: r[0] === 1,
        remaining: r[1],
        count: Number(r[2]),
        retryAfterMs: r[3] === '-1' ? Number.POSITIVE_INFINITY : Number(r[3]),
        resetMs: Number(r[4]),
      }),
    );
  }

  incr(key: string, by: number, ttlMs: number): Promise<number> {
    checkKey(key);
    checkBy(by);
    checkTtl(ttlMs);
    if (this.#client.status !== 'ready') return this.#down();
    return this.#run(this.#client.ghIncr(this.#key(key, 'c'), String(by), String(Math.ceil(ttlMs))), Number);
  }

  count(key: string): Promise<number> {
    checkKey(key);
    if (this.#client.status !== 'ready') return this.#down();
    return this.#run(this.#client.get(this.#key(key, 'c')), (v) => (v === null ? 0 : Number(v)));
  }

  markIfAbsent(key: string, ttlMs: number): Promise<boolean> {
    checkKey(key);
    checkTtl(ttlMs);
    if (this.#client.status !== 'ready') return this.#down();
    return this.#run(
      this.#client.set(this.#key(key, 'm'), '1', 'PX', Math.ceil(ttlMs), 'NX'),
      (r) => r === 'OK',
    );
  }

  markTtl(key: string): Promise<number> {
    checkKey(key);
    if (this.#client.status !== 'ready') return this.#down();
    return this.#run(this.#client.pttl(this.#key(key, 'm')), (t) =>
      t === -1 ? Number.POSITIVE_INFINITY : t > 0 ? t : 0,
    );
  }

  mark(key: string, ttlMs: number): Promise<void> {
    checkKey(key);
    checkTtl(ttlMs);
    if (this.#client.status !== 'ready') return this.#down();
    return this.#run(this.#client.ghMark(this.#key(key, 'm'), String(Math.ceil(ttlMs))), noop);
  }

  delete(key: string): Promise<void> {
    checkKey(key);
    if (this.#client.status !== 'ready') return this.#down();
    return this.#run(this.#client.del(...FAMILIES.map((f) => this.#key(key, f))), noop);
  }

  acquire(key: string, max: number, ttlMs: number): Promise<boolean> {
    checkKey(key);
    checkMax(max);
    checkTtl(ttlMs);
    if (this.#client.status !== 'ready') return this.#down();
    const lease = this.#leasePrefix + (this.#leaseSeq++).toString(36);
    return this.#run(
      this.#client.ghAcquire(this.#key(key, 's'), String(max), String(Math.ceil(ttlMs)), lease),
      (r) => r === 1,
    );
  }

  release(key: string): Promise<void> {
    checkKey(key);
    if (this.#client.status !== 'ready') return this.#down();
    return this.#run(this.#client.ghRelease(this.#key(key, 's')), noop);
  }

  publish(channel: string, message: string): Promise<void> {
    if (typeof channel !== 'string' || typeof message !== 'string') {
      throw new TypeError('channel and message must be strings');
    }
    if (this.#client.status !== 'ready') return this.#down();
    return this.#run(this.#client.publish(this.#prefix + 'ch:' + channel, message), noop);
  }

  subscribe(channel: string, fn: (message: string) => void): () => void {
    if (typeof channel !== 'string' || typeof fn !== 'function') {
      throw new TypeError('subscribe(channel: string, fn: function)');
    }
    if (this.#closed) return noop;
    const name = this.#prefix + 'ch:' + channel;
    const sub = this.#subscriberConnection();
    let fns = this.#subs.get(name);
    if (fns === undefined) {
      fns = new Set();
      this.#subs.set(name, fns);
      sub
        .subscribe(name)
        .catch((err: unknown) => this.#logger?.warn({ err, channel }, 'store subscribe failed'));
    }
    const set = fns;
    const wrapped = (m: string): void => fn(m);
    set.add(wrapped);
    return () => {
      set.delete(wrapped);
      if (set.size === 0 && this.#subs.get(name) === set) {
        this.#subs.delete(name);
        sub.unsubscribe(name).catch(noop);
      }
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#subs.clear();
    await Promise.all([shutdown(this.#client), this.#subscriber ? shutdown(this.#subscriber) : undefined]);
  }

  #subscriberConnection(): Redis | Cluster {
    if (this.#subscriber) return this.#subscriber;
    const sub = this.#makeSubscriber();
    sub.on('message', (name: string, message: string) => {
      const fns = this.#subs.get(name);
      if (!fns) return;
      for (const f of fns) {
        try {
          f(message);
        } catch (err) {
          if (this.#logger) this.#logger.warn({ err, channel: name }, 'store subscriber threw');
          else process.emitWarning(`store subscriber for channel ${name} threw: ${String(err)}`);
        }
      }
    });
    this.#watch(sub, 'subscriber');
    this.#subscriber = sub;
    return sub;
  }

  #key(key: string, family: string): string {
    // `}` ends a hash tag and `%` is the escape: both are escaped so the tag is exactly the key.
    const tag =
      key.includes('}') || key.includes('%') ? key.replaceAll('%', '%25').replaceAll('}', '%7D') : key;
    return `${this.#prefix}{${tag}}:${family}`;
  }

  #run<T, R>(p: Promise<T>, parse: (v: T) => R): Promise<R> {
    return p.then(
      (v) => {
        this.#timeouts = 0;
        return parse(v);
      },
      (err: unknown) => {
        throw this.#storeError(err);
      },
    );
  }

  #down(): Promise<never> {
    return Promise.reject(
      new StoreUnavailableError(
        this.#closed ? 'redis store closed' : `redis unavailable (connection ${this.#client.status})`,
      ),
    );
  }

  #storeError(err: unknown): StoreError {
    if (err instanceof StoreError) return err;
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ReplyError && !TRANSIENT.test(message)) {
      return new StoreError('STORE_ERROR', `redis error: ${message}`, { cause: err });
    }
    if (message.includes('timed out')) this.#timeouts++;
    return new StoreUnavailableError(`redis unavailable: ${message}`, { cause: err });
  }

  /** Logs connection changes once per transition (a reconnect loop would log every attempt). */
  #watch(conn: Redis | Cluster, role: 'store' | 'subscriber'): void {
    const down = (err?: Error): void => {
      if (role !== 'store' || this.#reportedDown || this.#closed) return;
      this.#reportedDown = true;
      const detail = err ? { err: { message: err.message } } : {};
      this.#logger?.warn(
        detail,
        this.#wasReady ? 'redis store connection lost' : 'redis store cannot connect',
      );
    };
    // Without an 'error' listener ioredis would crash the process on a connection error.
    conn.on('error', down);
    if (role !== 'store') return;
    conn.on('close', () => {
      if (this.#wasReady) down();
    });
    conn.on('ready', () => {
      this.#timeouts = 0;
      if (this.#reportedDown) this.#logger?.info({}, 'redis store connected');
      this.#wasReady = true;
      this.#reportedDown = false;
    });
  }
}

function positiveInt(v: number, name: string): number {
  if (!Number.isInteger(v) || v < 1 || v > 600_000)
    throw new TypeError(`${name} must be an integer in [1, 600000]`);
  return v;
}

function noop(): void {}

/** QUIT when connected (replies in flight still arrive), a plain disconnect otherwise. */
async function shutdown(conn: Redis | Cluster): Promise<void> {
  if (conn.status === 'ready') {
    try {
      await Promise.race([conn.quit(), new Promise((r) => setTimeout(r, 1000).unref())]);
    } catch {
      // fall through to disconnect
    }
  }
  conn.disconnect();
}
