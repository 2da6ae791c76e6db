import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fmix32, hash32, hashCookie } from './hash.ts';
import { HashRing } from './hash-ring.ts';

describe('hash32', () => {
  test('is FNV-1a 32 finalised with fmix32', () => {
    // FNV-1a('a') = 0xe40c292c (published test vector).
    assert.equal(hash32('a'), fmix32(0xe40c292c));
    assert.equal(hash32(''), fmix32(0x811c9dc5));
    assert.equal(hash32('xabcx', 1, 4), hash32('abc'));
  });

  test('spreads sequential keys over the 32-bit space', () => {
    const buckets = new Array(16).fill(0);
    for (let i = 0; i < 16_000; i++) buckets[hash32(`key-${i}`) >>> 28]++;
    for (const n of buckets) assert.ok(n > 800 && n < 1200, `bucket holds ${n}`);
  });
});

describe('hashCookie', () => {
  test('finds a cookie by exact name', () => {
    assert.equal(hashCookie('a=1; session=abc; b=2', 'session'), hash32('abc'));
    assert.equal(hashCookie('session=abc', 'session'), hash32('abc'));
    assert.equal(hashCookie('xsession=zzz;session=abc', 'session'), hash32('abc'));
    assert.equal(hashCookie('  session="abc"  ', 'session'), hash32('abc'));
    assert.equal(hashCookie(['a=1', 'session=abc'], 'session'), hash32('abc'));
  });

  test('returns -1 when absent or empty', () => {
    assert.equal(hashCookie(undefined, 's'), -1);
    assert.equal(hashCookie('', 's'), -1);
    assert.equal(hashCookie('s=', 's'), -1);
    assert.equal(hashCookie('s=""', 's'), -1);
    assert.equal(hashCookie('ss=1; s', 's'), -1);
    assert.equal(hashCookie(['a=1'], 's'), -1);
  });
});

describe('HashRing', () => {
  test('places 160 points per 100 weight and finds the successor point', () => {
    const ring = new HashRing([
      { origin: 'http://a', weight: 100 },
      { origin: 'http://b', weight: 50 },
      { origin: 'http://c', weight: 1 },
    ]);
    assert.equal(ring.points.length, 160 + 80 + 2);
    for (let i = 1; i < ring.points.length; i++) assert.ok(ring.points[i - 1]! <= ring.points[i]!);
    const first = ring.points[0]!;
    assert.equal(ring.find(0), 0);
    assert.equal(ring.find(first), 0);
    assert.equal(ring.find(first + 1), 1);
    assert.equal(ring.find(0xffffffff), ring.points.at(-1) === 0xffffffff ? ring.points.length - 1 : 0);
  });
});
