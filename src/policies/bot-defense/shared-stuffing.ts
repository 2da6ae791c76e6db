import type { StuffingVerdict } from '../../bot/signals.ts';
import type { MaybePromise, StateStore } from '../../stores/types.ts';

/** Options of {@link createSharedStuffing}. */
export interface SharedStuffingOptions {
  /** Namespace of the keys: the policy instance's scope (`bot-defense@route:login`), the same in every worker and node. */
  readonly scope: string;
  /** Length of one counting bucket, ms (`credential_stuffing.window_s`). */
  readonly windowMs: number;
  /** Distinct identities failing from one client that flag the client. */
  readonly identitiesPerClient: number;
  /** Distinct clients failing on one identity that flag each client failing on it. */
  readonly clientsPerIdentity: number;
}

/** Credential-stuffing counters kept in the shared state store (exact across workers and nodes). */
export interface SharedStuffing {
  /**
   * Records one failure of `identity` (already hashed) from `client` at `now` (ms) and flags the
   * client in the store when a threshold is reached. Rejects with the store's error.
   */
  fail(client: string, identity: string, now: number): Promise<StuffingVerdict>;
  /** Remaining ms of the client's flag (0: not flagged). Throws or rejects with the store's error. */
  flaggedMs(client: string): MaybePromise<number>;
}

const PREFIX = 'bot:cs:';

/** Runs a store operation as a promise (a synchronous throw of the local store becomes a rejection). */
function op<T>(f: () => MaybePromise<T>): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * Counts distinct identities failing per client and distinct clients failing per identity in the
 * state store, with existing primitives only (`markIfAbsent`, `markTtl`, `incr`, `count`, `mark`).
 *
 * Time is cut into buckets of `windowMs` aligned on the Unix epoch (`b = floor(now / windowMs)`).
 * A failure marks its (client, identity) pair in bucket `b`; a pair that is new in the bucket
 * increments, for the client and for the identity, `c` (distinct in bucket `b`) and — when the pair
 * was not marked in bucket `b - 1` — `n` (distinct in `b` but not in `b - 1`). The count judged is
 * `c[b - 1] + n[b]`: exactly the distinct members that failed in the previous or the current bucket,
 * so any run of N distinct failures within `windowMs` reaches N at its N-th failure, and nothing
 * older than `2 · windowMs` is counted. A flagged client is marked for `windowMs` from its last
 * flagged failure (`mark` extends, never shortens). Buckets follow the gateway's clock (keep nodes
 * in NTP sync). Keys carry the policy instance's scope and the window length: every worker and node
running the same instance shares them, other instances (other routes) never mix with them.
 *
 * Cost per failure: 4 store operations, then 2 to 4, then 1 when flagged (each round issued at once).
 *
 * @example
 * const s = createSharedStuffing(store, {
 *   scope: 'bot-defense@route:login', windowMs: 600_000, identitiesPerClient: 10, clientsPerIdentity: 20,
 * });
 * const v = await s.fail('203.0.113.7', 'h(alice)', Date.now()); // v.identities, v.manyIdentities
 */
export function createSharedStuffing(store: StateStore, opts: SharedStuffingOptions): SharedStuffing {
  const w = opts.windowMs;
  if (!(Number.isInteger(w) && w > 0))
    throw new TypeError('bot-defense: windowMs must be a positive integer');
  const ns = `${PREFIX}${opts.scope}:${w}:`;
  const flagKey = (client: string): string => `${ns}f:${client}`;

  return Object.freeze({
    async fail(client: string, identity: string, now: number): Promise<StuffingVerdict> {
      const b = Math.floor(now / w);
      const pair = (bucket: number): string => `${ns}p:${bucket}:${client}|${identity}`;
      const ci = (kind: 'c' | 'n', bucket: number): string => `${ns}ci${kind}:${bucket}:${client}`;
      const ic = (kind: 'c' | 'n', bucket: number): string => `${ns}ic${kind}:${bucket}:${identity}`;
      // Lifetimes: the pair mark and `c` are read again during the next bucket; `n` only in this one.
      const untilNextEnd = Math.max(1, (b + 2) * w - now);
      const untilEnd = Math.max(1, (b + 1) * w - now);
      const [fresh, inPrevious, ciPrev, icPrev] = await Promise.all([
        op(() => store.markIfAbsent(pair(b), untilNextEnd)),
        op(() => store.markTtl(pair(b - 1))),
        op(() => store.count(ci('c', b - 1))),
        op(() => store.count(ic('c', b - 1))),
      ]);
      const newInWindow = fresh && !(inPrevious > 0);
      const [ciNew, icNew] = await Promise.all([
        op(() => (newInWindow ? store.incr(ci('n', b), 1, untilEnd) : store.count(ci('n', b)))),
        op(() => (newInWindow ? store.incr(ic('n', b), 1, untilEnd) : store.count(ic('n', b)))),
        fresh ? op(() => store.incr(ci('c', b), 1, untilNextEnd)) : undefined,
        fresh ? op(() => store.incr(ic('c', b), 1, untilNextEnd)) : undefined,
      ]);
      const identities = ciPrev + ciNew;
      const clients = icPrev + icNew;
      const manyIdentities = identities >= opts.identitiesPerClient;
      const manyClients = clients >= opts.clientsPerIdentity;
      if (manyIdentities || manyClients) await store.mark(flagKey(client), w);
      return { manyIdentities, manyClients, identities, clients };
    },

    flaggedMs(client: string): MaybePromise<number> {
      return store.markTtl(flagKey(client));
    },
  });
}
