import assert from 'node:assert/strict';
import { once } from 'node:events';
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { after, describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import type { StateStore } from '../../stores/types.ts';
import { credentialStoreContract, newRecord, within } from './contract.ts';
import { openEmbeddedCredentialStore } from './embedded-store.ts';
import { apiKeyStatus } from './types.ts';

const root = mkdtempSync(join(tmpdir(), 'gatehouse-creds-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dbPath = () => join(root, `d${++n}`, 'sub', 'credentials.db');

credentialStoreContract('embedded (two instances, one file)', async () => {
  const path = dbPath();
  const a = openEmbeddedCredentialStore({ path });
  const b = openEmbeddedCredentialStore({ path });
  return {
    a,
    b,
    cleanup: async () => {
      await a.close();
      await b.close();
    },
  };
});

/** A tiny in-memory StateStore: only publish/subscribe matter here (asynchronous, to every subscriber). */
function fakeStateStore(): StateStore & { published: Array<[string, string]> } {
  const subs = new Map<string, Set<(m: string) => void>>();
  const published: Array<[string, string]> = [];
  const unsupported = () => {
    throw new Error('not used');
  };
  return {
    kind: 'local',
    published,
    now: () => Date.now(),
    gcra: unsupported,
    slidingWindow: unsupported,
    incr: unsupported,
    count: unsupported,
    markIfAbsent: unsupported,
    markTtl: unsupported,
    mark: unsupported,
    delete: unsupported,
    acquire: unsupported,
    release: unsupported,
    publish(channel, message) {
      published.push([channel, message]);
      for (const fn of subs.get(channel) ?? []) queueMicrotask(() => fn(message));
    },
    subscribe(channel, fn) {
      let set = subs.get(channel);
      if (!set) subs.set(channel, (set = new Set()));
      set.add(fn);
      return () => set.delete(fn);
    },
    healthy: () => true,
    close: async () => {},
  };
}

describe('embedded credential store', () => {
  test('creates the directory 0700 and the file 0600; tightens a file others can read', async () => {
    const path = dbPath();
    const s = openEmbeddedCredentialStore({ path });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(statSync(join(path, '..')).mode & 0o777, 0o700);
    await s.close();
    chmodSync(path, 0o644);
    const warnings: string[] = [];
    const s2 = openEmbeddedCredentialStore({
      path,
      logger: { info() {}, warn: (_o, m) => warnings.push(m) },
    });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(warnings.length, 1);
    await s2.close();
  });

  test('survives a restart (close and reopen the file)', async () => {
    const path = dbPath();
    const s = openEmbeddedCredentialStore({ path });
    const { rec } = newRecord('alice', { expiresAt: Date.now() + 3_600_000 });
    s.put(rec);
    await s.close();
    const s2 = openEmbeddedCredentialStore({ path });
    assert.deepEqual(s2.find(rec.hash), rec);
    await s2.close();
  });

  test('refuses a path that is not a credential database', async () => {
    const dir = join(root, `x${++n}`);
    assert.throws(() => openEmbeddedCredentialStore({ path: '' }), TypeError);
    assert.throws(() => openEmbeddedCredentialStore({ path: ':memory:' }), TypeError);
    const s = openEmbeddedCredentialStore({ path: join(dir, 'f.db') });
    await s.close();
    assert.throws(() => openEmbeddedCredentialStore({ path: join(dir, 'f.db', 'inside.db') }), TypeError);
  });

  test('lookups are cached; a write in the same thread invalidates before it returns', async () => {
    const path = dbPath();
    const a = openEmbeddedCredentialStore({ path });
    const b = openEmbeddedCredentialStore({ path, pollMs: 3_600_000 });
    const { rec } = newRecord('alice');
    a.put(rec);
    assert.equal(apiKeyStatus(b.find(rec.hash)!, Date.now()), 'ok');
    assert.equal(b.cacheSize, 1);
    a.revoke(rec.id);
    // Synchronously: no await between the revocation and the lookup.
    assert.equal(apiKeyStatus(b.find(rec.hash)!, Date.now()), 'revoked');
    await a.close();
    await b.close();
  });

  test('a change by another connection (another process) is seen within pollMs', async () => {
    const path = dbPath();
    const s = openEmbeddedCredentialStore({ path, pollMs: 100 });
    const { rec } = newRecord('alice');
    s.put(rec);
    assert.equal(apiKeyStatus(s.find(rec.hash)!, Date.now()), 'ok');
    const raw = new DatabaseSync(s.path);
    raw.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ?').run(Date.now(), rec.id);
    raw.close();
    const ms = await within(1000, () => apiKeyStatus(s.find(rec.hash)!, Date.now()) === 'revoked');
    assert.ok(ms >= 0 && ms < 1000, `seen after ${ms} ms`);
    await s.close();
  });

  test('with a StateStore, writes publish on its "credentials" channel and messages invalidate', async () => {
    const path = dbPath();
    const bus = fakeStateStore();
    const s = openEmbeddedCredentialStore({ path, store: bus, pollMs: 3_600_000 });
    const { rec } = newRecord('alice');
    s.put(rec);
    assert.equal(bus.published.length, 1);
    assert.equal(bus.published[0]![0], 'credentials');
    assert.ok(!bus.published[0]![1].includes('"k_'), 'the message carries the hash, nothing else secret-ish');
    s.find(rec.hash);
    assert.equal(s.cacheSize, 1);
    // Another thread's write arrives as a message (simulated: change the row behind the cache, then publish).
    const raw = new DatabaseSync(s.path);
    raw.prepare('UPDATE api_keys SET revoked_at = ? WHERE id = ?').run(1, rec.id);
    raw.close();
    assert.equal(apiKeyStatus(s.find(rec.hash)!, Date.now()), 'ok', 'still cached (poll disabled)');
    bus.publish('credentials', JSON.stringify({ o: 'other-thread', p: s.path, h: rec.hash }));
    await new Promise((r) => setImmediate(r));
    assert.equal(apiKeyStatus(s.find(rec.hash)!, Date.now()), 'revoked');
    // Messages about another database file are ignored.
    s.find(rec.hash);
    const before = s.cacheSize;
    bus.publish('credentials', JSON.stringify({ o: 'x', p: '/elsewhere.db', h: rec.hash }));
    bus.publish('credentials', 'not json');
    await new Promise((r) => setImmediate(r));
    assert.equal(s.cacheSize, before);
    await s.close();
  });

  test('across worker threads (BroadcastChannel fallback): a revocation reaches a cached lookup within 1 s', async () => {
    const path = dbPath();
    const main = openEmbeddedCredentialStore({ path });
    const { rec } = newRecord('alice');
    main.put(rec);
    const worker = new Worker(new URL('./fixtures/lookup-worker.ts', import.meta.url), {
      workerData: { path },
    });
    try {
      await once(worker, 'message');
      const ask = async () => {
        worker.postMessage({ op: 'find', hash: rec.hash });
        const [m] = await once(worker, 'message');
        return m as { status: string; cached: number };
      };
      assert.deepEqual(await ask(), { status: 'ok', cached: 1 });
      assert.deepEqual(await ask(), { status: 'ok', cached: 1 });
      main.revoke(rec.id);
      const ms = await within(1000, async () => (await ask()).status === 'revoked');
      assert.ok(ms >= 0, 'worker still accepts the revoked key after 1 s');
      worker.postMessage({ op: 'close' });
      await once(worker, 'message');
    } finally {
      await worker.terminate();
      await main.close();
    }
  });

  test('closed stores refuse calls', async () => {
    const s = openEmbeddedCredentialStore({ path: dbPath() });
    await s.close();
    await s.close();
    assert.throws(() => s.find(newRecord('a').rec.hash), /closed/);
  });
});
