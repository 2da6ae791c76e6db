import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createLocalStore } from '../../stores/local/store.ts';
import type { StateStore } from '../../stores/types.ts';
import { createSharedStuffing, type SharedStuffingOptions } from './shared-stuffing.ts';

const W = 60_000;
const store = createLocalStore({ capacity: 4096 });
after(() => store.close());

let scopes = 0;
/** Two counters over one store and one scope: what two worker threads running one instance are. */
function pair(opts: Partial<SharedStuffingOptions> = {}) {
  const o: SharedStuffingOptions = {
    scope: `bot-defense@route:t${scopes++}`,
    windowMs: W,
    identitiesPerClient: 4,
    clientsPerIdentity: 3,
    ...opts,
  };
  return [createSharedStuffing(store, o), createSharedStuffing(store, o)] as const;
}

/** A time in the middle of a bucket that starts at a multiple of W (near the real clock). */
const bucketStart = Math.floor(Date.now() / W) * W;

describe('shared credential-stuffing counters', () => {
  test('distinct identities from one client, alternating between two workers: flagged at exactly N', async () => {
    const [a, b] = pair();
    const now = bucketStart + W / 2;
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      const v = await (i % 2 === 0 ? a : b).fail('203.0.113.7', `id${i}`, now);
      seen.push(v.identities);
      assert.equal(v.manyIdentities, false);
      // Repeats of an identity already counted do not count again, on either worker.
      assert.equal((await (i % 2 === 0 ? b : a).fail('203.0.113.7', `id${i}`, now)).identities, i + 1);
    }
    assert.deepEqual(seen, [1, 2, 3]);
    assert.equal(await a.flaggedMs('203.0.113.7'), 0, 'N - 1 distinct identities do not flag');
    const v = await b.fail('203.0.113.7', 'id3', now);
    assert.deepEqual(v, { manyIdentities: true, manyClients: false, identities: 4, clients: 1 });
    for (const w of [a, b]) {
      const ms = await w.flaggedMs('203.0.113.7');
      assert.ok(ms > W - 1000 && ms <= W, `flagged for the window on both workers (${ms})`);
    }
    assert.equal(await a.flaggedMs('203.0.113.8'), 0, 'another client is not flagged');
  });

  test('one identity from many clients flags the client whose failure reaches the threshold, and later ones', async () => {
    const [a, b] = pair();
    const now = bucketStart + W / 2;
    assert.equal((await a.fail('198.51.100.1', 'alice', now)).clients, 1);
    assert.equal((await b.fail('198.51.100.2', 'alice', now)).clients, 2);
    const third = await a.fail('198.51.100.3', 'alice', now);
    assert.equal(third.manyClients, true);
    assert.equal(third.clients, 3);
    assert.equal(await b.flaggedMs('198.51.100.1'), 0, 'earlier clients stay unflagged');
    assert.ok((await b.flaggedMs('198.51.100.3')) > 0);
    // A client already counted that fails again on the identity is flagged from that failure on.
    assert.equal((await b.fail('198.51.100.1', 'alice', now)).manyClients, true);
    assert.ok((await a.flaggedMs('198.51.100.1')) > 0);
  });

  test('a run straddling a bucket boundary is flagged at exactly N; an identity in both buckets counts once', async () => {
    const [a, b] = pair();
    const late = bucketStart + W - 5;
    const early = bucketStart + W + 5;
    assert.equal((await a.fail('192.0.2.1', 'x1', late)).identities, 1);
    assert.equal((await b.fail('192.0.2.1', 'x2', late)).identities, 2);
    assert.equal((await a.fail('192.0.2.1', 'x1', early)).identities, 2, 'x1 again, in the next bucket');
    assert.equal((await b.fail('192.0.2.1', 'x2', early)).identities, 2);
    assert.equal((await a.fail('192.0.2.1', 'x3', early)).identities, 3);
    assert.equal(await a.flaggedMs('192.0.2.1'), 0);
    const v = await b.fail('192.0.2.1', 'x4', early);
    assert.equal(v.identities, 4);
    assert.equal(v.manyIdentities, true);
  });

  test('failures older than two windows are not counted', async () => {
    const [a] = pair({ identitiesPerClient: 3 });
    const t0 = bucketStart + 10;
    await a.fail('192.0.2.9', 'old1', t0);
    await a.fail('192.0.2.9', 'old2', t0);
    const later = t0 + 2 * W;
    const v = await a.fail('192.0.2.9', 'new1', later);
    assert.equal(v.identities, 1);
    assert.equal(v.manyIdentities, false);
    // One window later the previous bucket still counts.
    assert.equal((await a.fail('192.0.2.9', 'new2', later + W)).identities, 2);
  });

  test('instances with another scope or window do not mix', async () => {
    const [a] = pair({ scope: 'bot-defense@route:one' });
    const [other] = pair({ scope: 'bot-defense@route:two' });
    const [otherWindow] = pair({ scope: 'bot-defense@route:one', windowMs: W / 2 });
    const now = bucketStart + W / 2;
    for (const id of ['s1', 's2', 's3', 's4']) await a.fail('192.0.2.50', id, now);
    assert.ok((await a.flaggedMs('192.0.2.50')) > 0);
    assert.equal(await other.flaggedMs('192.0.2.50'), 0);
    assert.equal((await other.fail('192.0.2.50', 's1', now)).identities, 1);
    assert.equal((await otherWindow.fail('192.0.2.50', 's1', now)).identities, 1);
  });

  test('store failures propagate to the caller (the policy decides)', async () => {
    const broken = {
      markIfAbsent: () => Promise.reject(new Error('redis down')),
      markTtl: () => {
        throw new Error('store full');
      },
      count: () => 0,
    } as unknown as StateStore;
    const s = createSharedStuffing(broken, {
      scope: 'x',
      windowMs: W,
      identitiesPerClient: 2,
      clientsPerIdentity: 2,
    });
    await assert.rejects(s.fail('192.0.2.1', 'a', Date.now()));
    assert.throws(() => s.flaggedMs('192.0.2.1'), /store full/);
    assert.throws(
      () =>
        createSharedStuffing(store, {
          scope: 'x',
          windowMs: 0,
          identitiesPerClient: 2,
          clientsPerIdentity: 2,
        }),
      TypeError,
    );
  });
});
