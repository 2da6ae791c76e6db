import { hash32, hashCookie } from './hash.ts';
import { HashRing } from './hash-ring.ts';
import type { Target } from './target.ts';
import type { BalancerKind, HashOnSpec, PickInput } from './types.ts';

/**
 * A load-balancing algorithm over a fixed target list. `pick` never returns a target that is
 * unavailable at `now` or equal to `skip`; it returns `undefined` when no target qualifies.
 */
export interface Balancer {
  pick(input: PickInput, now: number, skip: Target | undefined): Target | undefined;
  /** Called after `inflight` was incremented. */
  started(t: Target): void;
  /** Called after `inflight` was decremented. */
  ended(t: Target): void;
}

/** Largest precomputed smooth-weighted schedule (slots); longer cycles fall back to the live O(n) algorithm. */
export const MAX_WEIGHTED_SCHEDULE = 65_536;

/**
 * Plain rotation ignoring weights, from a random starting point. O(1) and allocation-free while the
 * next target is available; skipping unavailable targets is O(n) at worst.
 *
 * @example
 * new RoundRobinBalancer(targets, Math.random).pick(input, now, undefined);
 */
export class RoundRobinBalancer implements Balancer {
  readonly #targets: readonly Target[];
  #next: number;

  constructor(targets: readonly Target[], random: () => number) {
    this.#targets = targets;
    this.#next = Math.floor(random() * targets.length) % targets.length;
  }

  pick(_input: PickInput, now: number, skip: Target | undefined): Target | undefined {
    const ts = this.#targets;
    const n = ts.length;
    let i = this.#next;
    for (let k = 0; k < n; k++) {
      const t = ts[i]!;
      i = i + 1 === n ? 0 : i + 1;
      if (t !== skip && t.isAvailable(now)) {
        this.#next = i;
        return t;
      }
    }
    return undefined;
  }

  started(): void {}
  ended(): void {}
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * nginx's smooth weighted round-robin. The whole cycle (Σweight / gcd slots) is precomputed when it
 * is short enough, making `pick` O(1) with no allocation. When the scheduled target is unavailable,
 * that slot is handed out by the live SWRR algorithm over the available targets (O(n)), which keeps
 * the ratios among the remaining targets equal to their weights.
 *
 * @example
 * new WeightedBalancer(targets, Math.random).pick(input, now, undefined);
 */
export class WeightedBalancer implements Balancer {
  readonly #targets: readonly Target[];
  readonly #schedule: Uint32Array | undefined;
  #pos: number;

  constructor(targets: readonly Target[], random: () => number) {
    this.#targets = targets;
    let g = 0;
    let sum = 0;
    for (const t of targets) {
      g = gcd(t.weight, g);
      sum += t.weight;
    }
    const cycle = sum / g;
    if (cycle <= MAX_WEIGHTED_SCHEDULE && cycle * targets.length <= 16 * MAX_WEIGHTED_SCHEDULE) {
      const schedule = new Uint32Array(cycle);
      const current = new Float64Array(targets.length);
      for (let s = 0; s < cycle; s++) {
        let best = 0;
        for (let i = 0; i < targets.length; i++) {
          current[i] = current[i]! + targets[i]!.weight;
          if (current[i]! > current[best]!) best = i;
        }
        current[best] = current[best]! - sum;
        schedule[s] = best;
      }
      this.#schedule = schedule;
      this.#pos = Math.floor(random() * cycle) % cycle;
    } else {
      this.#schedule = undefined;
      this.#pos = 0;
    }
  }

  pick(_input: PickInput, now: number, skip: Target | undefined): Target | undefined {
    const s = this.#schedule;
    if (s !== undefined) {
      const t = this.#targets[s[this.#pos]!]!;
      this.#pos = this.#pos + 1 === s.length ? 0 : this.#pos + 1;
      if (t !== skip && t.isAvailable(now)) return t;
    }
    return this.#live(now, skip);
  }

  #live(now: number, skip: Target | undefined): Target | undefined {
    const ts = this.#targets;
    let total = 0;
    let best: Target | undefined;
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      if (t === skip || !t.isAvailable(now)) continue;
      t.currentWeight += t.weight;
      total += t.weight;
      if (best === undefined || t.currentWeight > best.currentWeight) best = t;
    }
    if (best !== undefined) best.currentWeight -= total;
    return best;
  }

  started(): void {}
  ended(): void {}
}

/**
 * Weighted least-connections (nginx semantics: lowest `inflight / weight`), kept in a binary min-heap
 * updated on `started`/`ended` (O(log n)); `pick` reads the root (O(1)). Ties are broken by a weighted
 * virtual deadline so that sequential traffic, where every target sits at 0, still spreads in
 * proportion to the weights. When the root is unavailable, `pick` scans the rest (O(n)).
 *
 * @example
 * new LeastConnectionsBalancer(targets).pick(input, now, undefined);
 */
export class LeastConnectionsBalancer implements Balancer {
  readonly #heap: Target[];
  #vtime = 0;

  constructor(targets: readonly Target[]) {
    this.#heap = targets.slice();
    for (let i = 0; i < this.#heap.length; i++) {
      const t = this.#heap[i]!;
      t.heapIndex = i;
      t.deadline = 0;
    }
  }

  pick(_input: PickInput, now: number, skip: Target | undefined): Target | undefined {
    const h = this.#heap;
    const root = h[0]!;
    if (root !== skip && root.isAvailable(now)) return root;
    let best: Target | undefined;
    for (let i = 1; i < h.length; i++) {
      const t = h[i]!;
      if (t === skip || (best !== undefined && !less(t, best)) || !t.isAvailable(now)) continue;
      best = t;
    }
    return best;
  }

  started(t: Target): void {
    const start = Math.max(t.deadline, this.#vtime);
    this.#vtime = start;
    t.deadline = start + 1 / t.weight;
    this.#fix(t.heapIndex);
  }

  ended(t: Target): void {
    this.#fix(t.heapIndex);
  }

  #fix(i: number): void {
    const h = this.#heap;
    const t = h[i]!;
    while (i > 0) {
      const parentIndex = (i - 1) >> 1;
      const parent = h[parentIndex]!;
      if (!less(t, parent)) break;
      h[i] = parent;
      parent.heapIndex = i;
      i = parentIndex;
    }
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      let c = l;
      if (r < h.length && less(h[r]!, h[l]!)) c = r;
      const child = h[c]!;
      if (!less(child, t)) break;
      h[i] = child;
      child.heapIndex = i;
      i = c;
    }
    h[i] = t;
    t.heapIndex = i;
  }
}

function less(a: Target, b: Target): boolean {
  const l = a.inflight * b.weight;
  const r = b.inflight * a.weight;
  if (l !== r) return l < r;
  if (a.deadline !== b.deadline) return a.deadline < b.deadline;
  return a.index < b.index;
}

/**
 * Power of two random choices over `Target.cost` (idle-decayed peak EWMA latency × (inflight + 1)).
 * O(1); when neither candidate is available, scans for the cheapest available target (O(n)).
 *
 * @example
 * new EwmaBalancer(targets, Math.random).pick(input, now, undefined);
 */
export class EwmaBalancer implements Balancer {
  readonly #targets: readonly Target[];
  readonly #random: () => number;

  constructor(targets: readonly Target[], random: () => number) {
    this.#targets = targets;
    this.#random = random;
  }

  pick(_input: PickInput, now: number, skip: Target | undefined): Target | undefined {
    const ts = this.#targets;
    const n = ts.length;
    if (n === 1) {
      const t = ts[0]!;
      return t !== skip && t.isAvailable(now) ? t : undefined;
    }
    const a = Math.floor(this.#random() * n) % n;
    let b = Math.floor(this.#random() * (n - 1)) % (n - 1);
    if (b >= a) b++;
    const ta = ts[a]!;
    const tb = ts[b]!;
    const okA = ta !== skip && ta.isAvailable(now);
    const okB = tb !== skip && tb.isAvailable(now);
    if (okA && okB) return tb.cost(now) < ta.cost(now) ? tb : ta;
    if (okA) return ta;
    if (okB) return tb;
    let best: Target | undefined;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const t = ts[i]!;
      if (t === skip || !t.isAvailable(now)) continue;
      const c = t.cost(now);
      if (c < bestCost) {
        best = t;
        bestCost = c;
      }
    }
    return best;
  }

  started(): void {}
  ended(): void {}
}

const SOURCE_IP = 0;
const SOURCE_CONSUMER = 1;
const SOURCE_HEADER = 2;
const SOURCE_COOKIE = 3;

/**
 * Consistent hashing on a header, cookie, client IP or consumer id (`HashRing`, O(log points)).
 * Unavailable targets are skipped by walking the ring clockwise, so their keys spread over the
 * others and come back when they recover. Requests without a key use round-robin.
 *
 * @example
 * new ConsistentHashBalancer(targets, { source: 'header', name: 'x-user' }, Math.random);
 */
export class ConsistentHashBalancer implements Balancer {
  readonly #targets: readonly Target[];
  readonly #ring: HashRing;
  readonly #source: number;
  readonly #name: string;
  readonly #fallback: RoundRobinBalancer;
  #visit = 0;

  constructor(targets: readonly Target[], hashOn: HashOnSpec, random: () => number) {
    this.#targets = targets;
    this.#ring = new HashRing(targets);
    this.#source =
      hashOn.source === 'ip'
        ? SOURCE_IP
        : hashOn.source === 'consumer'
          ? SOURCE_CONSUMER
          : hashOn.source === 'header'
            ? SOURCE_HEADER
            : SOURCE_COOKIE;
    this.#name = hashOn.name ?? '';
    this.#fallback = new RoundRobinBalancer(targets, random);
  }

  /** Hash of the request's key, or -1 when the key is missing or empty. */
  keyHash(input: PickInput): number {
    switch (this.#source) {
      case SOURCE_IP:
        return input.clientIp ? hash32(input.clientIp) : -1;
      case SOURCE_CONSUMER:
        return input.consumerId ? hash32(input.consumerId) : -1;
      case SOURCE_HEADER: {
        const v = input.headers[this.#name];
        const s = typeof v === 'string' ? v : v?.[0];
        return s ? hash32(s) : -1;
      }
      default:
        return hashCookie(input.headers['cookie'], this.#name);
    }
  }

  pick(input: PickInput, now: number, skip: Target | undefined): Target | undefined {
    const h = this.keyHash(input);
    if (h === -1) return this.#fallback.pick(input, now, skip);
    const ring = this.#ring;
    const owners = ring.owners;
    const ts = this.#targets;
    const len = owners.length;
    // Stop once every distinct target has been looked at, however many points the walk crosses.
    const mark = ++this.#visit;
    let seen = 0;
    let i = ring.find(h);
    for (let k = 0; k < len && seen < ts.length; k++) {
      const t = ts[owners[i]!]!;
      if (t.visitMark !== mark) {
        t.visitMark = mark;
        seen++;
        if (t !== skip && t.isAvailable(now)) return t;
      }
      i = i + 1 === len ? 0 : i + 1;
    }
    return undefined;
  }

  started(): void {}
  ended(): void {}
}

/**
 * Builds the balancer named by `kind`.
 *
 * @example
 * createBalancer('weighted', targets, undefined, Math.random);
 */
export function createBalancer(
  kind: BalancerKind,
  targets: readonly Target[],
  hashOn: HashOnSpec | undefined,
  random: () => number,
): Balancer {
  switch (kind) {
    case 'round-robin':
      return new RoundRobinBalancer(targets, random);
    case 'weighted':
      return new WeightedBalancer(targets, random);
    case 'least-connections':
      return new LeastConnectionsBalancer(targets);
    case 'ewma':
      return new EwmaBalancer(targets, random);
    case 'consistent-hash':
      if (hashOn === undefined) throw new TypeError('consistent-hash requires hash_on');
      return new ConsistentHashBalancer(targets, hashOn, random);
  }
}
