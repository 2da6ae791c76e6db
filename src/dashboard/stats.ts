import { GatewayError } from '../errors/gateway-error.ts';
import type { LogContext } from '../pipeline/types.ts';

/** Seconds of per-second history kept (10 minutes). */
export const WINDOW_SECONDS = 600;

/** One finished request, as the log phase sees it. */
export interface TrafficSample {
  /** Route name (`'-'` or similar for unrouted requests). */
  route: string;
  /** Authenticated consumer id, when there is one. */
  consumer?: string | undefined;
  clientIp: string;
  status: number;
  durationMs: number;
  bytesIn: number;
  bytesOut: number;
  /** Why the gateway refused the request, e.g. `auth`, `rate_limit`, `waf:sqli`, `validation`, `bot`. */
  blockReason?: string | undefined;
}

/** Options of {@link TrafficStats}. */
export interface TrafficStatsOptions {
  /** Entries kept per top-N table (consumers, client IPs, routes). Default 64, at most 1024. */
  topCapacity?: number;
  /** Distinct block reasons tracked; further ones count as `other`. Default 32, at most 256. */
  maxReasons?: number;
  /** Clock in milliseconds (tests). Default `Date.now`. */
  now?: () => number;
}

/** One row of a top-N table (space-saving estimate: `count - error <= true count <= count`). */
export interface TopEntry {
  key: string;
  count: number;
  /** Of `count`, requests the gateway refused. */
  blocked: number;
  /** Maximum over-estimation of `count` (non-zero only after the table was full). */
  error: number;
}

/** The JSON the dashboard polls (`GET /stats`). Series are aligned with `series.t` (epoch seconds). */
export interface StatsSnapshot {
  now: number;
  window_seconds: number;
  /** Since process start (or the stats object's creation). */
  totals: { requests: number; blocked: number; started_at: number };
  /** Complete seconds after `since`, oldest first, at most {@link WINDOW_SECONDS}. */
  series: {
    t: number[];
    requests: number[];
    blocked: number[];
    /** Per status class: `1xx` … `5xx`, and `other` (no valid status, e.g. client gone). */
    status: Record<StatusClass, number[]>;
    /** Latency percentiles in milliseconds; `null` for a second without requests. */
    p50: Array<number | null>;
    p95: Array<number | null>;
    p99: Array<number | null>;
    bytes_in: number[];
    bytes_out: number[];
  };
  /** Over the whole window (last {@link WINDOW_SECONDS} seconds, current one included). */
  window: {
    requests: number;
    blocked: number;
    status: Record<StatusClass, number>;
    latency_ms: { p50: number | null; p95: number | null; p99: number | null };
    blocks_by_reason: Array<{ reason: string; count: number }>;
  };
  /** Heaviest hitters over the last 5–10 minutes. */
  top: { consumers: TopEntry[]; client_ips: TopEntry[]; routes: TopEntry[] };
}

/** Status class names used in snapshots. */
export type StatusClass = '1xx' | '2xx' | '3xx' | '4xx' | '5xx' | 'other';
const CLASSES: readonly StatusClass[] = ['other', '1xx', '2xx', '3xx', '4xx', '5xx'];
const NCLASS = CLASSES.length;

// Latency histogram: bucket 0 holds < 0.1 ms, bucket i (1..) holds [0.1·g^(i-1), 0.1·g^i) ms with
// g = 1.25 (≤ 12% relative error at the geometric midpoint), the last bucket everything above ~65 s.
const HIST_BASE_MS = 0.1;
const HIST_GROWTH = 1.25;
const NBUCKET = 62;
const LOG_GROWTH = Math.log(HIST_GROWTH);
const BUCKET_MID: Float64Array = (() => {
  const mid = new Float64Array(NBUCKET);
  mid[0] = HIST_BASE_MS / 2;
  for (let i = 1; i < NBUCKET; i++) {
    mid[i] = HIST_BASE_MS * HIST_GROWTH ** (i - 1) * Math.sqrt(HIST_GROWTH);
  }
  return mid;
})();

function bucketOf(ms: number): number {
  if (!(ms >= HIST_BASE_MS)) return 0; // also NaN and negatives
  const i = 1 + Math.floor(Math.log(ms / HIST_BASE_MS) / LOG_GROWTH);
  return i >= NBUCKET ? NBUCKET - 1 : i;
}

/** Percentile `q` (0..1) of a histogram slice, rounded to 0.01 ms; null when empty. */
function percentile(
  hist: Uint32Array | Float64Array,
  offset: number,
  total: number,
  q: number,
): number | null {
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let b = 0; b < NBUCKET; b++) {
    seen += hist[offset + b]!;
    if (seen >= rank) return Math.round(BUCKET_MID[b]! * 100) / 100;
  }
  return Math.round(BUCKET_MID[NBUCKET - 1]! * 100) / 100;
}

const MAX_KEY_CHARS = 128;

/**
 * A bounded heavy-hitter counter (Metwally's space-saving algorithm over a min-heap): `capacity`
 * keys at most, O(log capacity) per increment, no allocation per call once full. A key absent from
 * the table evicts the current minimum and inherits its count as `error`, so a flood of distinct
 * keys (spoofed IPs) cannot grow memory and cannot push out a genuinely heavy key.
 *
 * @example
 * const top = new SpaceSaving(64);
 * top.add('203.0.113.9', true);
 * top.top(10); // [{ key: '203.0.113.9', count: 1, blocked: 1, error: 0 }]
 */
export class SpaceSaving {
  readonly capacity: number;
  /** Slot → key; slots never move, only the heap of slot numbers does. */
  #keys: string[] = [];
  #counts: Float64Array;
  #errors: Float64Array;
  #blocked: Float64Array;
  /** Min-heap of slots by count. */
  #heap: Int32Array;
  /** Slot → its index in the heap. */
  #where: Int32Array;
  #slotOf = new Map<string, number>();

  /** @param capacity keys kept (1..1024). */
  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 1024) {
      throw new TypeError('SpaceSaving capacity must be an integer between 1 and 1024');
    }
    this.capacity = capacity;
    this.#counts = new Float64Array(capacity);
    this.#errors = new Float64Array(capacity);
    this.#blocked = new Float64Array(capacity);
    this.#heap = new Int32Array(capacity);
    this.#where = new Int32Array(capacity);
  }

  /** Number of keys held. */
  get size(): number {
    return this.#keys.length;
  }

  /** Counts one occurrence of `key` (truncated to 128 characters). */
  add(key: string, blocked: boolean): void {
    if (key.length > MAX_KEY_CHARS) key = key.slice(0, MAX_KEY_CHARS);
    let slot = this.#slotOf.get(key);
    if (slot === undefined) {
      const n = this.#keys.length;
      if (n < this.capacity) {
        slot = n;
        this.#keys.push(key);
        this.#counts[slot] = 0;
        this.#errors[slot] = 0;
        this.#blocked[slot] = 0;
        this.#heap[n] = slot;
        this.#where[slot] = n;
        this.#siftUp(n);
      } else {
        // Evict the minimum; the newcomer inherits its count as the over-estimation bound.
        slot = this.#heap[0]!;
        this.#slotOf.delete(this.#keys[slot]!);
        this.#keys[slot] = key;
        this.#errors[slot] = this.#counts[slot]!;
        this.#blocked[slot] = 0;
      }
      this.#slotOf.set(key, slot);
    }
    this.#counts[slot]! += 1;
    if (blocked) this.#blocked[slot]! += 1;
    this.#siftDown(this.#where[slot]!);
  }

  /** The `n` largest entries, largest first (ties by key). */
  top(n: number): TopEntry[] {
    const out: TopEntry[] = [];
    for (let i = 0; i < this.#keys.length; i++) {
      out.push({
        key: this.#keys[i]!,
        count: this.#counts[i]!,
        blocked: this.#blocked[i]!,
        error: this.#errors[i]!,
      });
    }
    out.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return out.slice(0, n);
  }

  /** Forgets every key. */
  clear(): void {
    this.#keys.length = 0;
    this.#slotOf.clear();
  }

  #swap(a: number, b: number): void {
    const sa = this.#heap[a]!;
    const sb = this.#heap[b]!;
    this.#heap[a] = sb;
    this.#heap[b] = sa;
    this.#where[sb] = a;
    this.#where[sa] = b;
  }

  #siftUp(i: number): void {
    const c = this.#counts;
    const h = this.#heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (c[h[p]!]! <= c[h[i]!]!) return;
      this.#swap(i, p);
      i = p;
    }
  }

  #siftDown(i: number): void {
    const c = this.#counts;
    const h = this.#heap;
    const n = this.#keys.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const r = l + 1;
      const m = r < n && c[h[r]!]! < c[h[l]!]! ? r : l;
      if (c[h[i]!]! <= c[h[m]!]!) return;
      this.#swap(i, m);
      i = m;
    }
  }
}

/** Length of one top-N generation; a snapshot merges the current and the previous one. */
const TOP_GENERATION_SECONDS = 300;
const OTHER_REASON = 'other';

/**
 * Live traffic aggregates for the dashboard, fed once per finished request. Keeps per-second ring
 * buffers over the last 10 minutes (requests, blocks, status classes, bytes, a 62-bucket latency
 * histogram per second), blocks per reason, and bounded top-N tables of consumers, client IPs and
 * routes. Memory is fixed at construction (about 200 KiB plus the top-N keys); `record` does no
 * allocation beyond a new top-N key.
 *
 * @example
 * const stats = new TrafficStats();
 * stats.record({ route: 'orders', clientIp: '192.0.2.1', status: 401, durationMs: 1.2, bytesIn: 0, bytesOut: 120, blockReason: 'auth' });
 * stats.snapshot(); // { series: { t: […], requests: […], … }, window: { blocks_by_reason: [{ reason: 'auth', count: 1 }] }, … }
 */
export class TrafficStats {
  readonly #now: () => number;
  readonly #maxReasons: number;
  readonly #topCapacity: number;
  readonly #slotSec = new Float64Array(WINDOW_SECONDS).fill(-1);
  readonly #requests = new Uint32Array(WINDOW_SECONDS);
  readonly #blocked = new Uint32Array(WINDOW_SECONDS);
  readonly #status = new Uint32Array(WINDOW_SECONDS * NCLASS);
  readonly #bytesIn = new Float64Array(WINDOW_SECONDS);
  readonly #bytesOut = new Float64Array(WINDOW_SECONDS);
  readonly #hist = new Uint32Array(WINDOW_SECONDS * NBUCKET);
  readonly #reasons = new Map<string, Uint32Array>();
  #topGen = -1;
  #consumers: [SpaceSaving, SpaceSaving];
  #ips: [SpaceSaving, SpaceSaving];
  #routes: [SpaceSaving, SpaceSaving];
  #totalRequests = 0;
  #totalBlocked = 0;
  readonly #startedAt: number;

  /** @throws TypeError on bad options. */
  constructor(opts: TrafficStatsOptions = {}) {
    const cap = opts.topCapacity ?? 64;
    const maxReasons = opts.maxReasons ?? 32;
    if (!Number.isInteger(cap) || cap < 1 || cap > 1024) {
      throw new TypeError('topCapacity must be an integer between 1 and 1024');
    }
    if (!Number.isInteger(maxReasons) || maxReasons < 1 || maxReasons > 256) {
      throw new TypeError('maxReasons must be an integer between 1 and 256');
    }
    if (opts.now !== undefined && typeof opts.now !== 'function')
      throw new TypeError('now must be a function');
    this.#now = opts.now ?? Date.now;
    this.#maxReasons = maxReasons;
    this.#topCapacity = cap;
    const pair = (): [SpaceSaving, SpaceSaving] => [new SpaceSaving(cap), new SpaceSaving(cap)];
    this.#consumers = pair();
    this.#ips = pair();
    this.#routes = pair();
    this.#startedAt = Math.floor(this.#now() / 1000);
  }

  /** Counts one finished request. Never throws on odd values (NaN durations count as < 0.1 ms). */
  record(s: TrafficSample): void {
    const sec = Math.floor(this.#now() / 1000);
    const slot = this.#slot(sec);
    this.#rotateTop(sec);
    const blocked = typeof s.blockReason === 'string' && s.blockReason.length > 0;
    this.#requests[slot]! += 1;
    this.#totalRequests++;
    const st = s.status;
    const cls = st >= 100 && st < 600 ? Math.floor(st / 100) : 0;
    this.#status[slot * NCLASS + cls]! += 1;
    if (s.bytesIn > 0) this.#bytesIn[slot]! += s.bytesIn;
    if (s.bytesOut > 0) this.#bytesOut[slot]! += s.bytesOut;
    this.#hist[slot * NBUCKET + bucketOf(s.durationMs)]! += 1;
    if (blocked) {
      this.#blocked[slot]! += 1;
      this.#totalBlocked++;
      this.#reasonRing(s.blockReason!)[slot]! += 1;
    }
    const g = (this.#topGen & 1) as 0 | 1;
    this.#routes[g].add(s.route, blocked);
    this.#ips[g].add(s.clientIp, blocked);
    if (typeof s.consumer === 'string' && s.consumer.length > 0) this.#consumers[g].add(s.consumer, blocked);
  }

  /**
   * The dashboard JSON. `sinceSec` (epoch seconds) limits the series to complete seconds after it,
   * so a poller can fetch only what is new; window totals and top-N are always whole.
   */
  snapshot(sinceSec?: number): StatsSnapshot {
    const nowSec = Math.floor(this.#now() / 1000);
    this.#rotateTop(nowSec);
    const first = Math.max(
      nowSec - WINDOW_SECONDS + 1,
      sinceSec !== undefined && Number.isFinite(sinceSec) ? Math.floor(sinceSec) + 1 : -Infinity,
    );
    const statusSeries = {} as Record<StatusClass, number[]>;
    for (const c of CLASSES) statusSeries[c] = [];
    const series: StatsSnapshot['series'] = {
      t: [],
      requests: [],
      blocked: [],
      status: statusSeries,
      p50: [],
      p95: [],
      p99: [],
      bytes_in: [],
      bytes_out: [],
    };
    for (let sec = first; sec < nowSec; sec++) {
      const slot = sec % WINDOW_SECONDS;
      const live = this.#slotSec[slot] === sec;
      const n = live ? this.#requests[slot]! : 0;
      series.t.push(sec);
      series.requests.push(n);
      series.blocked.push(live ? this.#blocked[slot]! : 0);
      for (let c = 0; c < NCLASS; c++)
        statusSeries[CLASSES[c]!].push(live ? this.#status[slot * NCLASS + c]! : 0);
      series.bytes_in.push(live ? this.#bytesIn[slot]! : 0);
      series.bytes_out.push(live ? this.#bytesOut[slot]! : 0);
      const off = slot * NBUCKET;
      series.p50.push(live ? percentile(this.#hist, off, n, 0.5) : null);
      series.p95.push(live ? percentile(this.#hist, off, n, 0.95) : null);
      series.p99.push(live ? percentile(this.#hist, off, n, 0.99) : null);
    }

    // Whole window, the current second included.
    const merged = new Float64Array(NBUCKET);
    const statusTotals = {} as Record<StatusClass, number>;
    for (const c of CLASSES) statusTotals[c] = 0;
    let requests = 0;
    let blocked = 0;
    const liveSlots: number[] = [];
    for (let sec = nowSec - WINDOW_SECONDS + 1; sec <= nowSec; sec++) {
      const slot = sec % WINDOW_SECONDS;
      if (this.#slotSec[slot] !== sec) continue;
      liveSlots.push(slot);
      requests += this.#requests[slot]!;
      blocked += this.#blocked[slot]!;
      for (let c = 0; c < NCLASS; c++) statusTotals[CLASSES[c]!] += this.#status[slot * NCLASS + c]!;
      const off = slot * NBUCKET;
      for (let b = 0; b < NBUCKET; b++) merged[b]! += this.#hist[off + b] ?? 0;
    }
    const byReason: Array<{ reason: string; count: number }> = [];
    for (const [reason, ring] of this.#reasons) {
      let count = 0;
      for (const slot of liveSlots) count += ring[slot]!;
      if (count > 0) byReason.push({ reason, count });
    }
    byReason.sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));

    return {
      now: nowSec,
      window_seconds: WINDOW_SECONDS,
      totals: { requests: this.#totalRequests, blocked: this.#totalBlocked, started_at: this.#startedAt },
      series,
      window: {
        requests,
        blocked,
        status: statusTotals,
        latency_ms: {
          p50: percentile(merged, 0, requests, 0.5),
          p95: percentile(merged, 0, requests, 0.95),
          p99: percentile(merged, 0, requests, 0.99),
        },
        blocks_by_reason: byReason,
      },
      top: {
        consumers: this.#mergedTop(this.#consumers, 10),
        client_ips: this.#mergedTop(this.#ips, 10),
        routes: this.#mergedTop(this.#routes, 10),
      },
    };
  }

  /** Ring slot for `sec`, cleared first when it still holds an older second. */
  #slot(sec: number): number {
    const slot = sec % WINDOW_SECONDS;
    if (this.#slotSec[slot] !== sec) {
      this.#slotSec[slot] = sec;
      this.#requests[slot] = 0;
      this.#blocked[slot] = 0;
      this.#bytesIn[slot] = 0;
      this.#bytesOut[slot] = 0;
      this.#status.fill(0, slot * NCLASS, slot * NCLASS + NCLASS);
      this.#hist.fill(0, slot * NBUCKET, slot * NBUCKET + NBUCKET);
      for (const ring of this.#reasons.values()) ring[slot] = 0;
    }
    return slot;
  }

  #reasonRing(reason: string): Uint32Array {
    let ring = this.#reasons.get(reason);
    if (ring !== undefined) return ring;
    const key = this.#reasons.size >= this.#maxReasons - 1 ? OTHER_REASON : reason.slice(0, MAX_KEY_CHARS);
    ring = this.#reasons.get(key);
    if (ring === undefined) {
      ring = new Uint32Array(WINDOW_SECONDS);
      this.#reasons.set(key, ring);
    }
    return ring;
  }

  #rotateTop(sec: number): void {
    const gen = Math.floor(sec / TOP_GENERATION_SECONDS);
    if (gen === this.#topGen) return;
    const g = (gen & 1) as 0 | 1;
    if (gen === this.#topGen + 1) {
      // The previous generation stays readable; the one before it is dropped.
      this.#consumers[g].clear();
      this.#ips[g].clear();
      this.#routes[g].clear();
    } else {
      for (const t of [this.#consumers, this.#ips, this.#routes]) {
        t[0].clear();
        t[1].clear();
      }
    }
    this.#topGen = gen;
  }

  #mergedTop(pair: [SpaceSaving, SpaceSaving], n: number): TopEntry[] {
    const acc = new Map<string, TopEntry>();
    for (const t of pair) {
      for (const e of t.top(this.#topCapacity)) {
        const seen = acc.get(e.key);
        if (seen === undefined) acc.set(e.key, { ...e });
        else {
          seen.count += e.count;
          seen.blocked += e.blocked;
          seen.error += e.error;
        }
      }
    }
    return [...acc.values()]
      .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .slice(0, n);
  }
}

const AUTH_CODES: ReadonlySet<string> = new Set(['GW_UNAUTHORIZED']);
const LIMIT_CODES: ReadonlySet<string> = new Set(['GW_RATE_LIMITED']);

/**
 * Why the gateway refused a request, for {@link TrafficStats}: `auth` (401), `rate_limit` (429),
 * `ban` (refused by a rate-limit ban), the WAF's own `waf:<family>` reason, otherwise the denying policy's reason (e.g. `ip_denied`,
 * `forbidden`, `validation`). Undefined for served requests and for errors that are not refusals
 * (404, upstream failures).
 *
 * @example
 * blockReasonOf(ctx) // 'auth' for a key-auth 401
 */
export function blockReasonOf(ctx: LogContext): string | undefined {
  let deny: { policy: string; reason?: string | undefined } | undefined;
  for (const d of ctx.decisions) {
    if (d.action === 'deny') {
      deny = d;
      break;
    }
  }
  const err = ctx.error;
  if (err instanceof GatewayError) {
    if (err.reason === 'rate_limit_banned') return 'ban';
    if (AUTH_CODES.has(err.code)) return 'auth';
    if (LIMIT_CODES.has(err.code)) return 'rate_limit';
    if (err.reason.startsWith('waf:')) return err.reason;
  }
  if (deny === undefined) return undefined;
  const reason = deny.reason;
  if (typeof reason === 'string' && reason.startsWith('waf:')) return reason;
  return typeof reason === 'string' && reason.length > 0 ? reason : deny.policy;
}

/**
 * Feeds {@link TrafficStats} from a log-phase context (the one-line wiring for the runtime's
 * access-log path). Never throws.
 *
 * @example
 * const log = (ctx: LogContext) => { recordLog(stats, ctx); accessLog(ctx); };
 */
export function recordLog(stats: TrafficStats, ctx: LogContext): void {
  try {
    stats.record({
      route: ctx.route.name,
      consumer: ctx.consumer?.id,
      clientIp: ctx.clientIp,
      status: ctx.status,
      durationMs: ctx.durationMs,
      bytesIn: ctx.bytesIn,
      bytesOut: ctx.bytesOut,
      blockReason: blockReasonOf(ctx),
    });
  } catch {
    // Statistics must never break the request path.
  }
}
