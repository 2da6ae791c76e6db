import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashKey, lastH2 } from './hash.ts';

function both(kind: number, key: string, s1: number, s2: number): [number, number] {
  const h1 = hashKey(kind, key, s1, s2);
  return [h1, lastH2];
}

describe('local store key hash', () => {
  it('is deterministic for a seed pair and changes with either seed and with the kind', () => {
    const a = both(1, 'rl:consumer:alice', 11, 22);
    assert.deepEqual(both(1, 'rl:consumer:alice', 11, 22), a);
    const s1 = both(1, 'rl:consumer:alice', 12, 22);
    const s2 = both(1, 'rl:consumer:alice', 11, 23);
    const k = both(2, 'rl:consumer:alice', 11, 22);
    assert.notEqual(s1[0], a[0]);
    assert.notEqual(s2[1], a[1]);
    assert.notEqual(k[0], a[0]);
    assert.notEqual(k[1], a[1]);
  });

  it('has no 64-bit collision and few 32-bit ones over 200,000 similar keys', () => {
    const n = 200_000;
    const full = new Set<string>();
    const firsts = new Set<number>();
    const seconds = new Set<number>();
    for (let i = 0; i < n; i++) {
      // Similar keys: sequential addresses, odd and even lengths, a shared long prefix.
      const key = i % 2 ? `ip:10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` : `rl:consumer:${i}`;
      const [h1, h2] = both(3, key, 0x1234, -0x5678);
      full.add(`${h1}:${h2}`);
      firsts.add(h1);
      seconds.add(h2);
    }
    assert.equal(full.size, n, 'a 64-bit collision');
    // Expected 32-bit collisions for ideal hashes: n²/2^33 ≈ 4.7.
    assert.ok(n - firsts.size < 30, `${n - firsts.size} collisions of the first hash`);
    assert.ok(n - seconds.size < 30, `${n - seconds.size} collisions of the second hash`);
  });

  it('spreads home slots evenly (low bits of the first hash)', () => {
    const buckets = new Uint32Array(1024);
    const n = 200_000;
    for (let i = 0; i < n; i++) buckets[hashKey(1, `k${i}`, 7, 9) & 1023]!++;
    const mean = n / 1024;
    const max = Math.max(...buckets);
    const min = Math.min(...buckets);
    assert.ok(max < mean * 1.4 && min > mean * 0.6, `bucket sizes ${min}..${max}, mean ${mean}`);
  });

  it('handles empty, one-character and non-ASCII keys', () => {
    const seen = new Set<string>();
    for (const key of ['', 'a', 'b', 'ab', 'ba', 'é', 'e\u0301', '😀', '\u0000', '\u0000\u0000']) {
      const [h1, h2] = both(1, key, 1, 2);
      seen.add(`${h1}:${h2}`);
    }
    assert.equal(seen.size, 10);
  });
});
