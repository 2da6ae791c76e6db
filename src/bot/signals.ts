import { LRUCache } from 'lru-cache';
import { claimedBrowser } from './user-agents.ts';

/**
 * Header-set and header-order anomalies of a request whose User-Agent claims a mainstream
 * browser: browsers always send Accept, Accept-Language and Accept-Encoding, send Accept before
 * Accept-Encoding, and (Chrome, over https) send Sec-Fetch-Mode. Non-browser user agents get no
 * anomalies here (they are scored by the user-agent list).
 *
 * @example
 * headerAnomalies('Mozilla/5.0 … Chrome/120.0 …', ['Host', 'x', 'User-Agent', '…'], true); // ['missing_accept_language', …]
 */
export function headerAnomalies(
  userAgent: string | undefined,
  rawHeaders: readonly string[],
  secure: boolean,
): string[] {
  const browser = claimedBrowser(userAgent);
  if (browser === undefined) return [];
  const order: string[] = [];
  for (let i = 0; i < rawHeaders.length && i < 400; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (!name.startsWith(':')) order.push(name);
  }
  const out: string[] = [];
  const accept = order.indexOf('accept');
  const encoding = order.indexOf('accept-encoding');
  if (accept < 0) out.push('missing_accept');
  if (order.indexOf('accept-language') < 0) out.push('missing_accept_language');
  if (encoding < 0) out.push('missing_accept_encoding');
  if (accept >= 0 && encoding >= 0 && encoding < accept) out.push('header_order');
  if (browser === 'chrome' && secure && order.indexOf('sec-fetch-mode') < 0) out.push('missing_sec_fetch');
  return out;
}

/** What {@link BehaviourTracker.record} reports about a client's recent requests. */
export interface Behaviour {
  /** Requests within the window (this one included). */
  readonly count: number;
  /** Normalised Shannon entropy (0–1) of the recent paths; `undefined` until enough requests. */
  readonly pathEntropy: number | undefined;
}

/** Options of {@link BehaviourTracker}. */
export interface BehaviourOptions {
  windowMs: number;
  /** Most requests remembered per client (bounds memory and the rate that can be seen). */
  maxPerClient: number;
  /** Most clients tracked (least recently seen are forgotten). */
  maxClients: number;
  /** Requests needed before the path entropy is computed. */
  minForEntropy: number;
}

interface ClientRecord {
  times: number[];
  paths: string[];
}

/**
 * Per-client sliding window of request times and paths, in memory, bounded by an LRU of clients
 * and a cap per client. Entropy near 1 over many requests means every request asks for a
 * different path (enumeration, scraping); API clients repeat a few paths.
 *
 * @example
 * const t = new BehaviourTracker({ windowMs: 10_000, maxPerClient: 200, maxClients: 10_000, minForEntropy: 20 });
 * t.record('203.0.113.7', '/users/1', Date.now()); // { count: 1, pathEntropy: undefined }
 */
export class BehaviourTracker {
  readonly #opts: BehaviourOptions;
  readonly #clients: LRUCache<string, ClientRecord>;

  constructor(opts: BehaviourOptions) {
    this.#opts = opts;
    this.#clients = new LRUCache({ max: opts.maxClients });
  }

  /** Records one request and returns the client's window. */
  record(client: string, path: string, now: number): Behaviour {
    let rec = this.#clients.get(client);
    if (rec === undefined) {
      rec = { times: [], paths: [] };
      this.#clients.set(client, rec);
    }
    const from = now - this.#opts.windowMs;
    let drop = 0;
    while (drop < rec.times.length && rec.times[drop]! <= from) drop++;
    if (rec.times.length - drop >= this.#opts.maxPerClient)
      drop = rec.times.length - this.#opts.maxPerClient + 1;
    if (drop > 0) {
      rec.times.splice(0, drop);
      rec.paths.splice(0, drop);
    }
    rec.times.push(now);
    rec.paths.push(path.length > 256 ? path.slice(0, 256) : path);
    const n = rec.paths.length;
    return {
      count: n,
      pathEntropy: n >= this.#opts.minForEntropy ? normalisedEntropy(rec.paths) : undefined,
    };
  }
}

/** Shannon entropy of the values' distribution divided by its maximum (log2 n); 0 for fewer than 2. */
export function normalisedEntropy(values: readonly string[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / n;
    h -= p * Math.log2(p);
  }
  return h / Math.log2(n);
}

/** Options of {@link StuffingTracker}. */
export interface StuffingOptions {
  windowMs: number;
  /** Distinct identities failing from one client that flag the client. */
  identitiesPerClient: number;
  /** Distinct clients failing on one identity that flag the identity (and every client failing on it). */
  clientsPerIdentity: number;
  maxEntries: number;
}

/** A credential-stuffing verdict for one failed authentication. */
export interface StuffingVerdict {
  /** The client tried too many identities. */
  readonly manyIdentities: boolean;
  /** The identity is being tried from too many clients. */
  readonly manyClients: boolean;
  readonly identities: number;
  readonly clients: number;
}

/**
 * Tracks failed authentications in memory (bounded LRUs, entries expire after the window): the
 * distinct identities failing per client and the distinct clients failing per identity.
 *
 * @example
 * const s = new StuffingTracker({ windowMs: 600_000, identitiesPerClient: 10, clientsPerIdentity: 20, maxEntries: 10_000 });
 * s.fail('203.0.113.7', 'h(alice)', Date.now());
 */
export class StuffingTracker {
  readonly #opts: StuffingOptions;
  readonly #byClient: LRUCache<string, Map<string, number>>;
  readonly #byIdentity: LRUCache<string, Map<string, number>>;
  /** Clients flagged until (ms). */
  readonly #flagged: LRUCache<string, number>;

  constructor(opts: StuffingOptions) {
    this.#opts = opts;
    this.#byClient = new LRUCache({ max: opts.maxEntries });
    this.#byIdentity = new LRUCache({ max: opts.maxEntries });
    this.#flagged = new LRUCache({ max: opts.maxEntries });
  }

  /** Records one failure of `identity` from `client`. */
  fail(client: string, identity: string, now: number): StuffingVerdict {
    const identities = this.#add(this.#byClient, client, identity, now, this.#opts.identitiesPerClient * 2);
    const clients = this.#add(this.#byIdentity, identity, client, now, this.#opts.clientsPerIdentity * 2);
    const manyIdentities = identities >= this.#opts.identitiesPerClient;
    const manyClients = clients >= this.#opts.clientsPerIdentity;
    if (manyIdentities || manyClients) this.#flagged.set(client, now + this.#opts.windowMs);
    return { manyIdentities, manyClients, identities, clients };
  }

  /** True while a client is flagged (for the window after its last flagged failure). */
  flagged(client: string, now: number): boolean {
    const until = this.#flagged.get(client);
    return until !== undefined && until > now;
  }

  #add(
    cache: LRUCache<string, Map<string, number>>,
    key: string,
    member: string,
    now: number,
    cap: number,
  ): number {
    let m = cache.get(key);
    if (m === undefined) {
      m = new Map();
      cache.set(key, m);
    }
    const from = now - this.#opts.windowMs;
    for (const [k, t] of m) if (t <= from) m.delete(k);
    m.delete(member);
    m.set(member, now);
    // Bounded per key: the oldest members go first (enough are kept to reach the threshold).
    while (m.size > cap) m.delete(m.keys().next().value!);
    return m.size;
  }
}
