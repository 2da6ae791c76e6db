/**
 * The local store: the contract suite (fake and real clock), exactness across 4 worker threads
 * hammering the same keys at once, cross-thread publish/subscribe, fail-closed when the table is
 * full, lock take-over from a dead holder, and a model-based property test of the table.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import fc from 'fast-check';
import { runStoreContract } from '../../src/stores/contract.ts';
import { StoreFullError } from '../../src/stores/errors.ts';
import { attachLocalStore, createLocalStore, type LocalStoreHandle } from '../../src/stores/local/index.ts';
import { K_MARK, SharedTable } from '../../src/stores/local/table.ts';

let fakeNow = 1_750_000_000_000;
runStoreContract(
  'local (fake clock)',
  async () => createLocalStore({ capacity: 1024, clock: () => fakeNow }),
  {
    fakeClock: true,
    advance: async (ms) => {
      fakeNow += ms;
    },
  },
);

runStoreContract('local (real clock)', async () => createLocalStore({ capacity: 1024 }), {
  fakeClock: false,
  advance: (ms) => sleep(ms),
});

const STORE_MODULE = new URL('../../src/stores/local/index.ts', import.meta.url).href;

/**
 * Four worker threads, started once (loading TypeScript modules takes a while) and reused. Each
 * run attaches to a store handle, waits on a shared start flag so that all threads hammer at the
 * same moment, and evaluates `body`: the source of a function `(store, data, index) => result`.
 */
class Workers {
  readonly #workers: Worker[];
  #seq = 0;

  constructor(n: number) {
    const code = `
const { workerData, parentPort } = require('node:worker_threads');
const stores = new Map();
parentPort.on('message', async (job) => {
  try {
    const { attachLocalStore } = await import(workerData.url);
    let store = stores.get(job.handle.id);
    if (!store) stores.set(job.handle.id, (store = attachLocalStore(job.handle)));
    Atomics.add(job.start, 1, 1);
    Atomics.notify(job.start, 1);
    while (Atomics.load(job.start, 0) === 0) Atomics.wait(job.start, 0, 0, 50);
    const body = (0, eval)(job.body);
    const result = await body(store, job.data, workerData.index);
    parentPort.postMessage({ id: job.id, result });
  } catch (err) {
    parentPort.postMessage({ id: job.id, error: String((err && err.stack) || err) });
  }
});`;
    this.#workers = Array.from(
      { length: n },
      (_, index) => new Worker(code, { eval: true, workerData: { url: STORE_MODULE, index } }),
    );
  }

  async run<T>(handle: LocalStoreHandle, body: string, data: unknown = null): Promise<T[]> {
    const id = this.#seq++;
    const start = new Int32Array(new SharedArrayBuffer(8));
    const results = this.#workers.map(
      (w) =>
        new Promise<T>((resolve, reject) => {
          const onMessage = (m: { id: number; result: T; error?: string }): void => {
            if (m.id !== id) return;
            w.off('message', onMessage);
            w.off('error', reject);
            if (m.error !== undefined) reject(new Error(m.error));
            else resolve(m.result);
          };
          w.on('message', onMessage);
          w.once('error', reject);
          w.postMessage({ id, handle, body, data, start });
        }),
    );
    const deadline = Date.now() + 20_000;
    while (Atomics.load(start, 1) < this.#workers.length) {
      if (Date.now() > deadline) throw new Error('workers did not start');
      await sleep(2);
    }
    Atomics.store(start, 0, 1);
    Atomics.notify(start, 0);
    return Promise.all(results);
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

describe('local store across 4 worker threads', () => {
  let workers: Workers;
  before(() => {
    workers = new Workers(4);
  });
  after(() => workers.close());

  it('20,000 concurrent attempts against a limit of 1000 allow exactly 1000 (gcra and sliding window)', async () => {
    const store = createLocalStore();
    // Periods long enough that nothing refills while the test runs: GCRA refills one request
    // every periodMs/limit, so over a 60 s period the count would legitimately exceed 1000 by
    // one per 60 ms elapsed. The window of 10 days avoids crossing a window boundary.
    const counts = await workers.run<{ gcra: number; win: number }>(
      store.handle,
      `(store) => {
        let gcra = 0, win = 0;
        for (let i = 0; i < 5000; i++) {
          if (store.gcra('rl:hot', { limit: 1000, periodMs: 864e6, burst: 0 }).allowed) gcra++;
          if (store.slidingWindow('rl:hot', { limit: 1000, windowMs: 864e6 }).allowed) win++;
        }
        return { gcra, win };
      }`,
    );
    assert.equal(
      counts.reduce((a, c) => a + c.gcra, 0),
      1000,
      `gcra per worker: ${counts.map((c) => c.gcra)}`,
    );
    assert.equal(
      counts.reduce((a, c) => a + c.win, 0),
      1000,
      `window per worker: ${counts.map((c) => c.win)}`,
    );
    assert.equal(store.gcra('rl:hot', { limit: 1000, periodMs: 864e6, burst: 0 }, 0).remaining, 0);
    assert.equal(store.stats().lockSteals, 0);
  });

  it('with a 60 s period the count is 1000 plus exactly what refilled while the test ran', async () => {
    const store = createLocalStore();
    const lim = { limit: 1000, periodMs: 60_000, burst: 0 };
    const t0 = store.now();
    const counts = await workers.run<number>(
      store.handle,
      `(store) => {
        let n = 0;
        for (let i = 0; i < 5000; i++) if (store.gcra('rl:60s', { limit: 1000, periodMs: 60000, burst: 0 }).allowed) n++;
        return n;
      }`,
    );
    const elapsed = store.now() - t0;
    const total = counts.reduce((a, c) => a + c, 0);
    // The first request starts the bucket; one more request fits every 60 ms after it.
    assert.ok(total >= 1000 && total <= 1000 + Math.floor(elapsed / 60), `${total} allowed in ${elapsed} ms`);
    const left = store.gcra('rl:60s', lim, 0);
    assert.ok(left.remaining <= Math.ceil((store.now() - t0) / 60), `${left.remaining} left`);
  });

  it('first touches of many new keys from all threads at once: each key gets exactly its limit', async () => {
    const store = createLocalStore({ capacity: 4096 });
    const perKey = await workers.run<number[]>(
      store.handle,
      `(store) => {
        const out = new Array(600).fill(0);
        for (let round = 0; round < 5; round++)
          for (let k = 0; k < 600; k++)
            if (store.gcra('new:' + k, { limit: 3, periodMs: 864e6, burst: 0 }).allowed) out[k]++;
        return out;
      }`,
    );
    for (let k = 0; k < 600; k++) {
      const sum = perKey.reduce((a, w) => a + w[k]!, 0);
      assert.equal(sum, 3, `key new:${k} allowed ${sum} times`);
    }
  });

  it('counters add up, each nonce is won once, and concurrency slots never exceed max', async () => {
    const store = createLocalStore();
    const inUse = new Int32Array(new SharedArrayBuffer(8));
    const results = await workers.run<{ wins: number; acquired: number }>(
      store.handle,
      `(store, inUse) => {
        let wins = 0, acquired = 0;
        for (let i = 0; i < 5000; i++) store.incr('ctr', 1, 864e6);
        for (let i = 0; i < 2000; i++) if (store.markIfAbsent('nonce:' + i, 864e6)) wins++;
        for (let i = 0; i < 3000; i++) {
          if (!store.acquire('sem', 3, 864e6)) continue;
          acquired++;
          const now = Atomics.add(inUse, 0, 1) + 1;
          if (now > Atomics.load(inUse, 1)) Atomics.store(inUse, 1, now);
          for (let j = 0; j < 20; j++) Math.sqrt(j);
          Atomics.sub(inUse, 0, 1);
          store.release('sem');
        }
        return { wins, acquired };
      }`,
      inUse,
    );
    assert.equal(store.count('ctr'), 20_000);
    assert.equal(
      results.reduce((a, r) => a + r.wins, 0),
      2000,
    );
    assert.ok(results.reduce((a, r) => a + r.acquired, 0) > 0);
    assert.ok(Atomics.load(inUse, 1) <= 3, `peak concurrency ${Atomics.load(inUse, 1)}`);
    assert.equal(store.acquire('sem', 3, 1000), true, 'every slot was given back');
    assert.equal(store.acquire('sem', 3, 1000), true);
    assert.equal(store.acquire('sem', 3, 1000), true);
    assert.equal(store.acquire('sem', 3, 1000), false);
  });

  it('publish reaches subscribers in other threads, and theirs reach this one', async () => {
    const store = createLocalStore();
    const replies: string[] = [];
    const unsub = store.subscribe('pong', (m) => replies.push(m));
    const sender = (async () => {
      for (let i = 0; replies.length < 4 && i < 400; i++) {
        store.publish('ping', `ping ${i}`);
        await sleep(10);
      }
    })();
    const got = await workers.run<string>(
      store.handle,
      `(store, _data, index) => new Promise((resolve) => {
        const off = store.subscribe('ping', (m) => {
          off();
          store.publish('pong', 'worker ' + index + ' got ' + m.split(' ')[0]);
          resolve(m);
        });
      })`,
    );
    await sender;
    for (let i = 0; replies.length < 4 && i < 200; i++) await sleep(10);
    unsub();
    await store.close();
    assert.equal(got.length, 4);
    assert.deepEqual(
      replies.sort(),
      [0, 1, 2, 3].map((i) => `worker ${i} got ping`),
    );
  });

  it('two stores never hear each other', async () => {
    const a = createLocalStore({ capacity: 16 });
    const b = createLocalStore({ capacity: 16 });
    const heardA: string[] = [];
    const heardB: string[] = [];
    a.subscribe('c', (m) => heardA.push(m));
    b.subscribe('c', (m) => heardB.push(m));
    a.publish('c', 'for a');
    for (let i = 0; heardA.length === 0 && i < 200; i++) await sleep(5);
    await sleep(20);
    assert.deepEqual(heardA, ['for a']);
    assert.deepEqual(heardB, []);
    await a.close();
    await b.close();
  });
});

describe('local store: table limits', () => {
  it('fails closed with StoreFullError when no slot is free, and reuses expired slots', () => {
    let now = 1_750_000_000_000;
    const store = createLocalStore({ capacity: 16, clock: () => now });
    for (let i = 0; i < 16; i++) store.mark(`ban:${i}`, 1000);
    assert.throws(() => store.gcra('one-more', { limit: 5, periodMs: 1000, burst: 0 }), StoreFullError);
    assert.throws(() => store.incr('one-more', 1, 1000), StoreFullError);
    assert.throws(() => store.markIfAbsent('one-more', 1000), StoreFullError);
    assert.throws(() => store.acquire('one-more', 1, 1000), StoreFullError);
    assert.throws(() => store.slidingWindow('one-more', { limit: 1, windowMs: 1000 }), StoreFullError);
    assert.equal(store.stats().fullErrors, 5);
    // Reads and peeks of absent keys need no slot.
    assert.equal(store.count('one-more'), 0);
    assert.equal(store.markTtl('one-more'), 0);
    assert.equal(store.gcra('one-more', { limit: 5, periodMs: 1000, burst: 0 }, 0).remaining, 5);
    store.release('one-more');
    store.delete('one-more');
    // Existing keys keep working.
    assert.ok(store.markTtl('ban:3') > 0);
    store.delete('ban:3');
    assert.equal(store.incr('one-more', 1, 1000), 1, 'a deleted slot is reused');
    now += 1001;
    for (let i = 0; i < 15; i++) assert.equal(store.markIfAbsent(`new:${i}`, 1000), true);
    assert.equal(store.count('one-more'), 0);
  });

  it('rejects bad options and handles with TypeError', () => {
    for (const capacity of [0, 8, 100, 1.5, 1 << 23]) {
      assert.throws(() => createLocalStore({ capacity }), TypeError, String(capacity));
    }
    assert.throws(() => createLocalStore({ capacity: 16, maxProbe: 17 }), TypeError);
    assert.throws(() => createLocalStore({ lockStealMs: 1 }), TypeError);
    assert.throws(() => attachLocalStore({} as LocalStoreHandle), TypeError);
    assert.throws(
      () =>
        attachLocalStore({
          type: 'gatehouse-local-store',
          id: 'x',
          buffer: new SharedArrayBuffer(1024),
        }),
      TypeError,
    );
    assert.throws(
      () =>
        attachLocalStore({
          type: 'gatehouse-local-store',
          id: 'x',
          buffer: new ArrayBuffer(64) as unknown as SharedArrayBuffer,
        }),
      TypeError,
    );
  });

  it('takes over a lock whose holder died mid-section, after lockStealMs', () => {
    const store = createLocalStore({ capacity: 16, lockStealMs: 50 });
    store.mark('k', 10_000);
    // A "thread" that locked the slot and never unlocked it.
    const table = new SharedTable(store.handle.buffer);
    table.find(K_MARK, 'k', false, store.now());
    const t0 = performance.now();
    store.mark('k', 20_000);
    const waited = performance.now() - t0;
    assert.ok(waited >= 45 && waited < 1000, `waited ${waited} ms`);
    assert.equal(store.stats().lockSteals, 1);
    assert.ok(store.markTtl('k') > 10_000);
  });
});

describe('local store: model-based property', () => {
  it('matches a plain Map model under random operations, expiry and slot reuse', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const op = fc.oneof(
      fc.record({
        t: fc.constant('incr' as const),
        k: fc.constantFrom(...keys),
        by: fc.integer({ min: -3, max: 9 }),
      }),
      fc.record({ t: fc.constant('count' as const), k: fc.constantFrom(...keys) }),
      fc.record({ t: fc.constant('markIfAbsent' as const), k: fc.constantFrom(...keys) }),
      fc.record({
        t: fc.constant('mark' as const),
        k: fc.constantFrom(...keys),
        ttl: fc.integer({ min: 1, max: 300 }),
      }),
      fc.record({ t: fc.constant('markTtl' as const), k: fc.constantFrom(...keys) }),
      fc.record({ t: fc.constant('acquire' as const), k: fc.constantFrom(...keys) }),
      fc.record({ t: fc.constant('release' as const), k: fc.constantFrom(...keys) }),
      fc.record({ t: fc.constant('delete' as const), k: fc.constantFrom(...keys) }),
      fc.record({ t: fc.constant('tick' as const), ms: fc.integer({ min: 1, max: 150 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        let now = 1_750_000_000_000;
        // 64 slots for up to 8 keys × 3 families: enough that the table never fills, small enough
        // that probe chains overlap and expired slots get reclaimed by other keys.
        const store = createLocalStore({ capacity: 64, clock: () => now });
        const counters = new Map<string, { v: number; exp: number }>();
        const marks = new Map<string, number>();
        const sems = new Map<string, { n: number; exp: number }>();
        const TTL = 100;
        for (const o of ops) {
          switch (o.t) {
            case 'tick':
              now += o.ms;
              break;
            case 'incr': {
              const c = counters.get(o.k);
              const live = c && c.exp > now ? c : { v: 0, exp: now + TTL };
              live.v += o.by;
              counters.set(o.k, live);
              assert.equal(store.incr(o.k, o.by, TTL), live.v);
              break;
            }
            case 'count': {
              const c = counters.get(o.k);
              assert.equal(store.count(o.k), c && c.exp > now ? c.v : 0);
              break;
            }
            case 'markIfAbsent': {
              const exp = marks.get(o.k) ?? 0;
              const fresh = exp <= now;
              if (fresh) marks.set(o.k, now + TTL);
              assert.equal(store.markIfAbsent(o.k, TTL), fresh);
              break;
            }
            case 'mark': {
              const exp = marks.get(o.k) ?? 0;
              marks.set(o.k, Math.max(exp, now + o.ttl));
              store.mark(o.k, o.ttl);
              break;
            }
            case 'markTtl': {
              const exp = marks.get(o.k) ?? 0;
              assert.equal(store.markTtl(o.k), Math.max(0, exp - now));
              break;
            }
            case 'acquire': {
              const s = sems.get(o.k);
              const live = s && s.exp > now ? s : { n: 0, exp: 0 };
              const ok = live.n < 2;
              if (ok) {
                live.n++;
                live.exp = Math.max(live.exp, now + TTL);
                sems.set(o.k, live);
              }
              assert.equal(store.acquire(o.k, 2, TTL), ok);
              break;
            }
            case 'release': {
              const s = sems.get(o.k);
              if (s && s.exp > now && s.n > 0) {
                s.n--;
                if (s.n === 0) s.exp = 0;
              }
              store.release(o.k);
              break;
            }
            case 'delete':
              counters.delete(o.k);
              marks.delete(o.k);
              sems.delete(o.k);
              store.delete(o.k);
              break;
          }
        }
        assert.equal(store.stats().fullErrors, 0);
      }),
      { numRuns: 200 },
    );
  });
});
