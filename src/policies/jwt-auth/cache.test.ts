import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type VerifiedToken, VerifiedTokenCache } from './cache.ts';

function entry(notAfter: number): VerifiedToken {
  return {
    issuerIndex: 0,
    notAfter,
    lateReason: 'expired',
    notBefore: 0,
    consumerId: 'a',
    synthetic: { id: 'a', groups: [], metadata: {} },
    success: {
      method: 'jwt-auth',
      credentialId: 'a',
      claims: {},
      scopes: [],
      acr: undefined,
      amr: [],
      authTime: undefined,
    },
    forward: [],
    size: 100,
  };
}

test('stores verified tokens and forgets them on clear()', () => {
  const c = new VerifiedTokenCache(10, 1 << 20);
  const now = Date.now() / 1000;
  c.set('t1', entry(now + 60), now, c.generation);
  assert.equal(c.get('t1')?.consumerId, 'a');
  c.clear();
  assert.equal(c.get('t1'), undefined);
});

test('a verification that started before a clear() is not inserted', () => {
  const c = new VerifiedTokenCache(10, 1 << 20);
  const now = Date.now() / 1000;
  const gen = c.generation;
  c.clear();
  c.set('t1', entry(now + 60), now, gen);
  assert.equal(c.get('t1'), undefined);
});

test('tokens already past their time bound are not inserted; entries expire at it', async () => {
  const c = new VerifiedTokenCache(10, 1 << 20);
  const now = Date.now() / 1000;
  c.set('late', entry(now - 1), now, c.generation);
  assert.equal(c.get('late'), undefined);
  c.set('soon', entry(now + 0.05), now, c.generation);
  assert.ok(c.get('soon'));
  await new Promise((r) => setTimeout(r, 120));
  assert.equal(c.get('soon'), undefined);
});

test('bounded by entries and by bytes; max_entries 0 disables', () => {
  const now = Date.now() / 1000;
  const c = new VerifiedTokenCache(2, 1 << 20);
  for (const t of ['a', 'b', 'c']) c.set(t, entry(now + 60), now, c.generation);
  assert.equal(c.size, 2);
  assert.equal(c.get('a'), undefined, 'least recently used evicted');
  const small = new VerifiedTokenCache(1000, 1000);
  for (let i = 0; i < 50; i++) small.set(`token-${i}`, entry(now + 60), now, small.generation);
  assert.ok(small.size <= 10, `${small.size} entries in 1000 bytes`);
  const off = new VerifiedTokenCache(0, 1 << 20);
  off.set('a', entry(now + 60), now, off.generation);
  assert.equal(off.get('a'), undefined);
});
