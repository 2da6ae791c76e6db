/**
 * The `redis` credential store, for clusters of gateways: records live in Redis hashes keyed by the
 * key's hash, and every write is published on a channel so each node drops its cached entry at once
 * (a revocation reaches every node within milliseconds; the cache TTL is only the backstop).
 *
 * Layout (one hash tag, so a record and its indexes sit in one cluster slot and the write scripts are
 * atomic):
 * - `<prefix>{creds}:k:<hex>`: HASH `id c h ca [ea nb ra gu]` (id, consumer, hash, created, expires,
 *   not-before, revoked, grace-until; times in ms since the epoch),
 * - `<prefix>{creds}:id:<id>`: STRING, the hash of key `id`,
 * - `<prefix>{creds}:c:<consumer>`: SET of the consumer's key ids.
 * Channel: `<prefix>credentials`, message `{"o": origin, "h": hash}`.
 *
 * Lookups are cached only while the subscription is live: when the subscriber connection drops, the
 * cache is cleared and bypassed until it is subscribed again, so a missed notification can never keep
 * a revoked key alive.
 */
import { randomUUID } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';
import { StoreUnavailableError } from '../../stores/errors.ts';
import { RecordCache } from './cache.ts';
import type { CredentialLogger } from './embedded-store.ts';
import { rotateKey } from './rotate.ts';
import {
  type ApiKeyRecord,
  type CredentialChange,
  type CredentialStore,
  isKeyHash,
  normalizeRecord,
  type RotatedKey,
  type RotateOptions,
  validateRecord,
} from './types.ts';

/** Options of {@link openRedisCredentialStore} (the `state.redis` config plus cache settings). */
export interface RedisStoreOptions {
  /** `redis://[user:pass@]host:port/db` (single node or primary). */
  readonly url?: string | undefined;
  /** Redis Cluster seed nodes (instead of `url`). */
  readonly nodes?: ReadonlyArray<{ readonly host: string; readonly port: number }> | undefined;
  /** Password for cluster nodes. */
  readonly password?: string | undefined;
  /** Prefix of every key and of the channel (default `gh:`). */
  readonly keyPrefix?: string;
  /** A command not answered within this time fails (default 200 ms). */
  readonly commandTimeoutMs?: number;
  readonly logger?: CredentialLogger | undefined;
  /** Most cached lookups (default 10,000). */
  readonly cacheMax?: number;
  /** Longest time a cached lookup is trusted without a notification (default 30 s). */
  readonly cacheTtlMs?: number;
  /** Wall clock for createdAt/revokedAt (tests). */
  readonly clock?: () => number;
}

type Client = Redis | Cluster;

const PUT_SCRIPT = `
local cur = redis.call('GET', KEYS[2])
if cur and cur ~= ARGV[3] then return redis.error_reply('GH_ID_TAKEN') end
local rid = redis.call('HGET', KEYS[1], 'id')
if rid and rid ~= ARGV[1] then return redis.error_reply('GH_HASH_TAKEN') end
local rc = redis.call('HGET', KEYS[1], 'c')
if rc and rc ~= ARGV[2] then return redis.error_reply('GH_CONSUMER') end
local ra = redis.call('HGET', KEYS[1], 'ra')
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'c', ARGV[2], 'h', ARGV[3], 'ca', ARGV[4])
local nra = ARGV[7]
if ra and (nra == '' or tonumber(ra) < tonumber(nra)) then nra = ra end
if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'ea', ARGV[5]) end
if ARGV[6] ~= '' then redis.call('HSET', KEYS[1], 'nb', ARGV[6]) end
if nra ~= '' then redis.call('HSET', KEYS[1], 'ra', nra) end
if ARGV[8] ~= '' then redis.call('HSET', KEYS[1], 'gu', ARGV[8]) end
redis.call('SET', KEYS[2], ARGV[3])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
`;

const REVOKE_SCRIPT = `
if redis.call('HGET', KEYS[1], 'id') ~= ARGV[1] then return 0 end
local ra = redis.call('HGET', KEYS[1], 'ra')
if (not ra) or tonumber(ra) > tonumber(ARGV[2]) then redis.call('HSET', KEYS[1], 'ra', ARGV[2]) end
return 1
`;

function num(v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}

function fromHash(h: Record<string, string>): ApiKeyRecord | undefined {
  if (h.id === undefined || h.c === undefined || h.h === undefined) return undefined;
  return normalizeRecord({
    id: h.id,
    consumerId: h.c,
    hash: h.h,
    createdAt: num(h.ca) ?? 0,
    expiresAt: num(h.ea),
    notBefore: num(h.nb),
    revokedAt: num(h.ra),
    graceUntil: num(h.gu),
  });
}

function unavailable(err: unknown): StoreUnavailableError {
  return new StoreUnavailableError(
    `credential store (redis) unavailable: ${(err as Error)?.message ?? err}`,
    {
      cause: err,
    },
  );
}

function tidyWriteError(err: unknown, rec: ApiKeyRecord): Error {
  const msg = (err as Error)?.message ?? '';
  if (msg.includes('GH_ID_TAKEN')) return new Error(`API key id "${rec.id}" is already in use`);
  if (msg.includes('GH_HASH_TAKEN')) return new Error('this key is already stored under another id');
  if (msg.includes('GH_CONSUMER')) return new Error(`API key "${rec.id}" belongs to another consumer`);
  return unavailable(err);
}

/**
 * Creates a Redis credential store. Connections are opened on first use (so validating a config
 * does not connect). Throws a TypeError for options that cannot work.
 *
 * @example
 * const store = openRedisCredentialStore({ url: 'redis://10.0.0.5:6379/0', keyPrefix: 'gh:' });
 * await store.revoke('k_1f0c9a2b3c4d5e6f'); // every node refuses the key within milliseconds
 */
export function openRedisCredentialStore(opts: RedisStoreOptions): RedisCredentialStore {
  return new RedisCredentialStore(opts);
}

/** See {@link openRedisCredentialStore}. */
export class RedisCredentialStore implements CredentialStore {
  readonly kind = 'redis' as const;
  readonly #client: Client;
  readonly #sub: Client;
  readonly #prefix: string;
  readonly #channel: string;
  readonly #cache: RecordCache;
  readonly #listeners = new Set<(change: CredentialChange) => void>();
  readonly #origin = randomUUID();
  readonly #logger: CredentialLogger | undefined;
  readonly #clock: () => number;
  #subStarted = false;
  #subscribed = false;
  #closed = false;

  constructor(opts: RedisStoreOptions) {
    if ((opts.url === undefined) === (opts.nodes === undefined || opts.nodes.length === 0)) {
      throw new TypeError('credentials.store redis: state.redis needs exactly one of "url" or "nodes"');
    }
    const timeout = opts.commandTimeoutMs ?? 200;
    if (!Number.isSafeInteger(timeout) || timeout < 1)
      throw new TypeError('commandTimeoutMs must be a positive integer');
    this.#prefix = opts.keyPrefix ?? 'gh:';
    this.#channel = `${this.#prefix}credentials`;
    this.#logger = opts.logger;
    this.#clock = opts.clock ?? Date.now;
    this.#cache = new RecordCache({ max: opts.cacheMax, ttlMs: opts.cacheTtlMs ?? 30_000 });
    const common = {
      lazyConnect: true,
      commandTimeout: timeout,
      maxRetriesPerRequest: 1,
      autoResubscribe: false,
      retryStrategy: (times: number) => Math.min(50 * 2 ** Math.min(times, 6), 2000),
    };
    if (opts.url !== undefined) {
      if (!/^rediss?:\/\//.test(opts.url))
        throw new TypeError('state.redis.url must start with redis:// or rediss://');
      this.#client = new Redis(opts.url, common);
      this.#sub = new Redis(opts.url, { ...common, commandTimeout: undefined });
    } else {
      const nodes = opts.nodes!.map((n) => ({ host: n.host, port: n.port }));
      const redisOptions = { ...common, password: opts.password };
      this.#client = new Cluster(nodes, { lazyConnect: true, redisOptions });
      this.#sub = new Cluster(nodes, {
        lazyConnect: true,
        redisOptions: { ...redisOptions, commandTimeout: undefined },
      });
    }
    this.#client.on('error', (err: Error) =>
      this.#logger?.warn({ err: { message: err.message } }, 'credential store redis error'),
    );
    this.#sub.on('error', (err: Error) =>
      this.#logger?.warn({ err: { message: err.message } }, 'credential store redis subscriber error'),
    );
    this.#client.defineCommand('ghCredPut', { numberOfKeys: 3, lua: PUT_SCRIPT });
    this.#client.defineCommand('ghCredRevoke', { numberOfKeys: 1, lua: REVOKE_SCRIPT });
  }

  #key(kind: 'k' | 'id' | 'c', name: string): string {
    return `${this.#prefix}{creds}:${kind}:${name}`;
  }

  /** Starts the invalidation subscription (once). Cached answers are used only while it is live. */
  #startSubscriber(): void {
    if (this.#subStarted || this.#closed) return;
    this.#subStarted = true;
    const sub = this.#sub;
    sub.on('ready', () => {
      sub.subscribe(this.#channel).then(
        () => {
          if (this.#closed) return;
          this.#cache.clear();
          this.#subscribed = true;
        },
        (err: Error) =>
          this.#logger?.warn({ err: { message: err.message } }, 'credential invalidation subscribe failed'),
      );
    });
    const down = () => {
      if (this.#subscribed)
        this.#logger?.warn({}, 'credential invalidation channel lost; cache bypassed until it is back');
      this.#subscribed = false;
      this.#cache.clear();
    };
    sub.on('close', down);
    sub.on('end', down);
    sub.on('message', (channel: string, message: string) => {
      if (channel !== this.#channel) return;
      let m: { o?: unknown; h?: unknown };
      try {
        m = JSON.parse(message) as typeof m;
      } catch {
        return;
      }
      if (typeof m.h === 'string') this.#invalidate(m.h);
    });
    sub.connect().catch(() => {
      // Reconnection is handled by the retry strategy; 'ready' subscribes.
    });
  }

  /** True once the invalidation subscription is live (answers are cached only then). */
  get subscribed(): boolean {
    return this.#subscribed;
  }

  /** Resolves once the invalidation subscription is live, or after `timeoutMs` with false. */
  async ready(timeoutMs = 2000): Promise<boolean> {
    this.#startSubscriber();
    const end = performance.now() + timeoutMs;
    while (!this.#subscribed && !this.#closed && performance.now() < end) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.#subscribed;
  }

  #invalidate(hash: string): void {
    this.#cache.invalidate(hash);
    for (const fn of this.#listeners) {
      try {
        fn({ hash });
      } catch (err) {
        this.#logger?.warn({ err }, 'credential change listener threw');
      }
    }
  }

  async #changed(hash: string): Promise<void> {
    this.#invalidate(hash);
    try {
      await this.#client.publish(this.#channel, JSON.stringify({ o: this.#origin, h: hash }));
    } catch (err) {
      throw unavailable(err);
    }
  }

  #checkOpen(): void {
    if (this.#closed) throw new Error('credential store is closed');
  }

  async find(hash: string): Promise<ApiKeyRecord | undefined> {
    this.#checkOpen();
    if (!isKeyHash(hash)) return undefined;
    this.#startSubscriber();
    const useCache = this.#subscribed;
    if (useCache) {
      const hit = this.#cache.get(hash);
      if (hit) return hit.rec;
    }
    const gen = this.#cache.generation;
    let h: Record<string, string>;
    try {
      h = await this.#client.hgetall(this.#key('k', hash.slice(7)));
    } catch (err) {
      throw unavailable(err);
    }
    const rec = fromHash(h);
    if (useCache && this.#subscribed) this.#cache.set(hash, rec, gen);
    return rec;
  }

  async get(id: string): Promise<ApiKeyRecord | undefined> {
    this.#checkOpen();
    let hash: string | null;
    try {
      hash = await this.#client.get(this.#key('id', id));
    } catch (err) {
      throw unavailable(err);
    }
    if (hash === null || !isKeyHash(hash)) return undefined;
    let h: Record<string, string>;
    try {
      h = await this.#client.hgetall(this.#key('k', hash.slice(7)));
    } catch (err) {
      throw unavailable(err);
    }
    return fromHash(h);
  }

  async list(consumerId: string): Promise<ApiKeyRecord[]> {
    this.#checkOpen();
    let ids: string[];
    try {
      ids = await this.#client.smembers(this.#key('c', consumerId));
    } catch (err) {
      throw unavailable(err);
    }
    const out: ApiKeyRecord[] = [];
    for (const id of ids) {
      const rec = await this.get(id);
      if (rec && rec.consumerId === consumerId) out.push(rec);
    }
    return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async put(input: ApiKeyRecord): Promise<void> {
    this.#checkOpen();
    const rec = validateRecord(input);
    this.#startSubscriber();
    const s = (v: number | undefined) => (v === undefined ? '' : String(v));
    try {
      await (this.#client as unknown as { ghCredPut(...a: string[]): Promise<number> }).ghCredPut(
        this.#key('k', rec.hash.slice(7)),
        this.#key('id', rec.id),
        this.#key('c', rec.consumerId),
        rec.id,
        rec.consumerId,
        rec.hash,
        String(rec.createdAt),
        s(rec.expiresAt),
        s(rec.notBefore),
        s(rec.revokedAt),
        s(rec.graceUntil),
      );
    } catch (err) {
      throw tidyWriteError(err, rec);
    }
    await this.#changed(rec.hash);
  }

  async revoke(id: string, at?: number): Promise<boolean> {
    this.#checkOpen();
    const when = at ?? this.#clock();
    if (!Number.isSafeInteger(when) || when < 0) throw new TypeError('revoke: at must be ms since the epoch');
    let hash: string | null;
    try {
      hash = await this.#client.get(this.#key('id', id));
    } catch (err) {
      throw unavailable(err);
    }
    if (hash === null || !isKeyHash(hash)) return false;
    let n: number;
    try {
      n = await (this.#client as unknown as { ghCredRevoke(...a: string[]): Promise<number> }).ghCredRevoke(
        this.#key('k', hash.slice(7)),
        id,
        String(when),
      );
    } catch (err) {
      throw unavailable(err);
    }
    if (n !== 1) return false;
    await this.#changed(hash);
    return true;
  }

  rotate(id: string, graceMs: number, opts: RotateOptions = {}): Promise<RotatedKey> {
    return rotateKey(this, id, graceMs, opts, this.#clock());
  }

  onChange(fn: (change: CredentialChange) => void): () => void {
    this.#startSubscriber();
    const wrapped = (c: CredentialChange) => fn(c);
    this.#listeners.add(wrapped);
    return () => this.#listeners.delete(wrapped);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#subscribed = false;
    this.#listeners.clear();
    this.#cache.clear();
    const quit = async (c: Client) => {
      try {
        if (c.status === 'ready') await c.quit();
        else c.disconnect();
      } catch {
        c.disconnect();
      }
    };
    await Promise.all([quit(this.#client), quit(this.#sub)]);
  }
}
