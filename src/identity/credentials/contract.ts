/**
 * The contract every writable credential store passes (embedded here, redis in
 * test/integration/key-auth-redis.test.ts). `open` returns two instances over the same data (two
 * threads, two nodes) so invalidation between instances is tested too. Only test files import this.
 *
 * @example
 * credentialStoreContract('embedded', async () => { const a = open(p), b = open(p); return { a, b, cleanup } });
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateApiKey } from '../keys.ts';
import { type ApiKeyRecord, apiKeyStatus, type CredentialStore } from './types.ts';

/** Two instances of one store plus how to dispose of them. */
export interface ContractPair {
  a: CredentialStore;
  b: CredentialStore;
  cleanup(): Promise<void>;
}

let seq = 0;
/** A fresh record (and its key) for `consumerId`. */
export function newRecord(
  consumerId: string,
  extra: Partial<ApiKeyRecord> = {},
): { key: string; rec: ApiKeyRecord } {
  const g = generateApiKey();
  seq++;
  return {
    key: g.key,
    rec: { id: `t${seq}-${g.lookupId}`, consumerId, hash: g.hash, createdAt: Date.now() + seq, ...extra },
  };
}

/** Polls `fn` until it returns true or `ms` pass; returns the elapsed ms, or -1 on timeout. */
export async function within(ms: number, fn: () => Promise<boolean> | boolean): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < ms) {
    if (await fn()) return performance.now() - start;
    await new Promise((r) => setTimeout(r, 2));
  }
  return (await fn()) ? performance.now() - start : -1;
}

/** Registers the contract tests for one back end. */
export function credentialStoreContract(name: string, open: () => Promise<ContractPair>): void {
  describe(`credential store contract: ${name}`, () => {
    let pair: ContractPair;
    before(async () => {
      pair = await open();
    });
    after(async () => {
      await pair.cleanup();
    });

    test('put then find/get/list; unknown hashes are undefined', async () => {
      const { a, b } = pair;
      const { rec } = newRecord('alice', { expiresAt: Date.now() + 60_000 });
      await a.put(rec);
      assert.deepEqual(await a.find(rec.hash), rec);
      assert.deepEqual(await b.find(rec.hash), rec);
      assert.deepEqual(await b.get(rec.id), rec);
      assert.ok((await a.list('alice')).some((r) => r.id === rec.id));
      assert.equal(await a.find(generateApiKey().hash), undefined);
      assert.equal(await a.find('sha256:nothex'), undefined);
      assert.equal(await a.get('no-such-id'), undefined);
      assert.deepEqual(await a.list('nobody'), []);
    });

    test('list is per consumer, oldest first', async () => {
      const { a } = pair;
      const r1 = newRecord('lister', { createdAt: 1000 }).rec;
      const r2 = newRecord('lister', { createdAt: 500 }).rec;
      const other = newRecord('other-lister').rec;
      await a.put(r1);
      await a.put(r2);
      await a.put(other);
      assert.deepEqual(
        (await a.list('lister')).map((r) => r.id),
        [r2.id, r1.id],
      );
    });

    test('invalid records are refused with a TypeError', async () => {
      const { a } = pair;
      const { rec } = newRecord('alice');
      for (const bad of [
        { ...rec, hash: 'md5:abc' },
        { ...rec, hash: rec.hash.toUpperCase() },
        { ...rec, id: '' },
        { ...rec, id: 'has space' },
        { ...rec, consumerId: '' },
        { ...rec, createdAt: -1 },
        { ...rec, expiresAt: 1.5 },
      ]) {
        await assert.rejects(async () => a.put(bad as ApiKeyRecord), TypeError, JSON.stringify(bad));
      }
    });

    test('an id belongs to one key, a key to one id and one consumer', async () => {
      const { a } = pair;
      const { rec } = newRecord('alice');
      await a.put(rec);
      const other = newRecord('alice').rec;
      await assert.rejects(async () => a.put({ ...other, id: rec.id }), /already in use/);
      await assert.rejects(async () => a.put({ ...rec, id: `${rec.id}-x` }), /already stored/);
      await assert.rejects(async () => a.put({ ...rec, consumerId: 'mallory' }), /another consumer/);
      assert.equal((await a.find(rec.hash))?.consumerId, 'alice');
    });

    test('put updates validity times but never un-revokes', async () => {
      const { a, b } = pair;
      const { rec } = newRecord('alice');
      await a.put(rec);
      await a.put({ ...rec, expiresAt: 123 });
      assert.equal((await b.get(rec.id))?.expiresAt, 123);
      assert.equal(await a.revoke(rec.id, 5000), true);
      await a.put({ ...rec, revokedAt: undefined });
      assert.equal((await a.get(rec.id))?.revokedAt, 5000);
      await a.put({ ...rec, revokedAt: 4000 });
      assert.equal((await a.get(rec.id))?.revokedAt, 4000);
    });

    test('revoke: now by default, earlier wins, unknown ids are false', async () => {
      const { a } = pair;
      const { rec } = newRecord('alice');
      await a.put(rec);
      const before = Date.now();
      assert.equal(await a.revoke(rec.id), true);
      const got = await a.get(rec.id);
      assert.ok(got?.revokedAt !== undefined && got.revokedAt >= before && got.revokedAt <= Date.now());
      const earlier = got.revokedAt - 1000;
      await a.revoke(rec.id, earlier);
      assert.equal((await a.get(rec.id))?.revokedAt, earlier);
      await a.revoke(rec.id, earlier + 5000);
      assert.equal((await a.get(rec.id))?.revokedAt, earlier, 'a later revocation does not move it');
      assert.equal(await a.revoke('no-such-id'), false);
      const future = newRecord('alice').rec;
      await a.put(future);
      await a.revoke(future.id, Date.now() + 60_000);
      assert.equal(apiKeyStatus((await a.get(future.id))!, Date.now()), 'ok', 'scheduled revocation');
    });

    test('a revocation on one instance reaches a cached lookup on the other within 1 s', async () => {
      const { a, b } = pair;
      const { rec } = newRecord('alice');
      await a.put(rec);
      // Warm b's cache (twice: the second answer comes from the cache where there is one).
      assert.equal(apiKeyStatus((await b.find(rec.hash))!, Date.now()), 'ok');
      assert.equal(apiKeyStatus((await b.find(rec.hash))!, Date.now()), 'ok');
      await a.revoke(rec.id);
      const ms = await within(1000, async () => {
        const r = await b.find(rec.hash);
        return r !== undefined && apiKeyStatus(r, Date.now()) === 'revoked';
      });
      assert.ok(ms >= 0, 'revocation not seen within 1 s');
    });

    test('a key created on one instance is found on the other even after a negative lookup', async () => {
      const { a, b } = pair;
      const { rec } = newRecord('alice');
      assert.equal(await b.find(rec.hash), undefined);
      assert.equal(await b.find(rec.hash), undefined);
      await a.put(rec);
      const ms = await within(1000, async () => (await b.find(rec.hash)) !== undefined);
      assert.ok(ms >= 0, 'new key not seen within 1 s');
    });

    test('onChange reports own and remote writes', async () => {
      const { a, b } = pair;
      const seenA: string[] = [];
      const seenB: string[] = [];
      const offA = a.onChange((c) => seenA.push(c.hash));
      const offB = b.onChange((c) => seenB.push(c.hash));
      const { rec } = newRecord('alice');
      await a.put(rec);
      assert.ok(seenA.includes(rec.hash));
      assert.ok((await within(1000, () => seenB.includes(rec.hash))) >= 0);
      offA();
      offB();
      const n = seenA.length;
      await a.revoke(rec.id);
      assert.equal(seenA.length, n, 'unsubscribed');
    });

    test('rotate: both keys work during the grace window, then only the new one', async () => {
      const { a, b } = pair;
      const { rec } = newRecord('rotator');
      await a.put(rec);
      const t0 = Date.now();
      const { key, record } = await a.rotate(rec.id, 60_000, { prefix: 'gh_live' });
      assert.ok(key.startsWith('gh_live_'));
      assert.equal(record.consumerId, 'rotator');
      assert.notEqual(record.hash, rec.hash);
      const old = await b.get(rec.id);
      assert.ok(
        old?.graceUntil !== undefined &&
          old.graceUntil >= t0 + 60_000 &&
          old.graceUntil <= Date.now() + 60_000,
      );
      assert.equal(apiKeyStatus(old, Date.now()), 'ok');
      assert.equal(apiKeyStatus(old, old.graceUntil), 'expired');
      assert.equal(apiKeyStatus((await b.find(record.hash))!, old.graceUntil + 1), 'ok');
      // A second rotation never extends the old key's window.
      await a.rotate(rec.id, 120_000);
      assert.equal((await a.get(rec.id))?.graceUntil, old.graceUntil);
      await assert.rejects(() => a.rotate('no-such-id', 1000), /no API key/);
      await a.revoke(rec.id);
      await assert.rejects(() => a.rotate(rec.id, 1000), /revoked/);
      await assert.rejects(() => a.rotate(record.id, -1), TypeError);
    });
  });
}
