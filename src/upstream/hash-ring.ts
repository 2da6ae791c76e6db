import { hash32 } from './hash.ts';

/** Virtual nodes per 100 units of weight (so a default-weight target has 160, as in ketama). */
export const VNODES_PER_100_WEIGHT = 160;

/**
 * A consistent-hash ring with virtual nodes. Each target gets `max(1, round(160 × weight / 100))`
 * points at `hash32(origin + '#' + i)`, so a target's points depend only on its own origin and weight:
 * adding or removing a target moves only the keys that land on its points (about 1/n of them).
 *
 * @example
 * const ring = new HashRing([{ origin: 'http://a:80', weight: 100 }]);
 * ring.owners[ring.find(hash32('user-1'))]; // 0
 */
export class HashRing {
  /** Point hashes, ascending. */
  readonly points: Uint32Array;
  /** `owners[i]` is the index of the target owning `points[i]`. */
  readonly owners: Uint32Array;

  constructor(targets: ReadonlyArray<{ origin: string; weight: number }>) {
    let size = 0;
    const counts: number[] = [];
    for (const t of targets) {
      const c = Math.max(1, Math.round((VNODES_PER_100_WEIGHT * t.weight) / 100));
      counts.push(c);
      size += c;
    }
    // hash × 2^16 + owner fits in a double exactly (48 bits) and sorts by hash, then owner.
    const keys = new Float64Array(size);
    let k = 0;
    for (let owner = 0; owner < targets.length; owner++) {
      const origin = targets[owner]!.origin;
      for (let i = 0; i < counts[owner]!; i++) keys[k++] = hash32(`${origin}#${i}`) * 65536 + owner;
    }
    keys.sort();
    this.points = new Uint32Array(size);
    this.owners = new Uint32Array(size);
    for (let i = 0; i < size; i++) {
      const key = keys[i]!;
      const owner = key % 65536;
      this.owners[i] = owner;
      this.points[i] = (key - owner) / 65536;
    }
  }

  /** Index of the first point at or after `hash`, wrapping to 0 (binary search, O(log points)). */
  find(hash: number): number {
    const p = this.points;
    let lo = 0;
    let hi = p.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (p[mid]! < hash) lo = mid + 1;
      else hi = mid;
    }
    return lo === p.length ? 0 : lo;
  }
}
