/**
 * The Redis store against a real 3-master Redis Cluster started by the test: the contract suite,
 * keys spread over every master while each key's states share one slot, and exactness and
 * publish/subscribe across several store instances.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { runStoreContract } from '../../src/stores/contract.ts';
import { StoreUnavailableError } from '../../src/stores/errors.ts';
import { createRedisStore } from '../../src/stores/redis/index.ts';
import { startRedisCluster, type TestRedisCluster } from '../helpers/redis.ts';

/**
 * Semantics tests run beside other suites on shared CI machines: a generous command timeout keeps a
 * busy CPU from turning into a spurious StoreUnavailableError. The fault tests use the real defaults.
 */
const SLOW_MACHINE_TIMEOUT_MS = 2000;

let cluster: TestRedisCluster;
before(async () => {
  cluster = await startRedisCluster();
});
after(async () => {
  await cluster?.stop();
});

runStoreContract(
  'redis cluster',
  async () => {
    const store = createRedisStore({ nodes: cluster.nodes, commandTimeoutMs: SLOW_MACHINE_TIMEOUT_MS });
    await store.ready();
    return store;
  },
  { fakeClock: false, advance: (ms) => sleep(ms) },
);

describe('redis cluster: keys and nodes', () => {
  it("spreads keys over all three masters; a key's states share one slot", async () => {
    const store = createRedisStore({
      nodes: cluster.nodes,
      keyPrefix: 'cl:',
      commandTimeoutMs: SLOW_MACHINE_TIMEOUT_MS,
    });
    await store.ready();
    const raws = cluster.nodes.map((n) => new Redis({ host: n.host, port: n.port, lazyConnect: true }));
    try {
      await Promise.all(raws.map((r) => r.connect()));
      for (let i = 0; i < 60; i++) {
        const k = `consumer:${i}`;
        await store.gcra(k, { limit: 5, periodMs: 60_000, burst: 0 });
        await store.incr(k, 1, 60_000);
        await store.mark(k, 60_000);
      }
      const perNode = await Promise.all(raws.map((r) => r.keys('cl:*')));
      for (const [i, keys] of perNode.entries()) assert.ok(keys.length > 0, `master ${i} holds no key`);
      assert.equal(
        perNode.reduce((a, k) => a + k.length, 0),
        180,
      );
      for (const keys of perNode) {
        for (const k of keys) {
          const tag = k.slice(0, k.lastIndexOf(':'));
          for (const family of ['g', 'c', 'm'])
            assert.ok(keys.includes(`${tag}:${family}`), `${tag}:${family}`);
        }
      }
      for (let i = 0; i < 60; i++) await store.delete(`consumer:${i}`);
      const left = await Promise.all(raws.map((r) => r.keys('cl:*')));
      assert.deepEqual(left.flat(), []);
    } finally {
      await store.close();
      for (const r of raws) r.disconnect();
    }
  });

  it('three store instances share exact limits and hear each other', async () => {
    const stores = await Promise.all(
      [0, 1, 2].map(async () => {
        const s = createRedisStore({ nodes: cluster.nodes, commandTimeoutMs: SLOW_MACHINE_TIMEOUT_MS });
        await s.ready();
        return s;
      }),
    );
    try {
      const lim = { limit: 250, periodMs: 864e6, burst: 0 };
      const results = await Promise.all(
        stores.flatMap((s) => Array.from({ length: 300 }, (_, i) => s.gcra(`exact:${i % 2}`, lim))),
      );
      assert.equal(results.filter((r) => r.allowed).length, 500);
      const got: string[] = [];
      const unsub = stores[1]!.subscribe('config', (m) => got.push(m));
      for (let i = 0; got.length === 0 && i < 100; i++) {
        await stores[2]!.publish('config', 'reload');
        await sleep(20);
      }
      unsub();
      assert.ok(got.includes('reload'));
      assert.equal(stores[0]!.healthy(), true);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  // Last: it takes a master down for good.
  it('a dead master: its keys reject fast with StoreUnavailableError, the other keys keep working', async () => {
    const store = createRedisStore({ nodes: cluster.nodes, keyPrefix: 'dead:' });
    await store.ready();
    const raw = new Redis({ ...cluster.nodes[0]!, lazyConnect: true });
    try {
      await raw.connect();
      const lim = { limit: 100, periodMs: 60_000, burst: 0 };
      const keys = Array.from({ length: 30 }, (_, i) => `k${i}`);
      for (const k of keys) await store.gcra(k, lim);
      const onFirst = new Set((await raw.keys('dead:*')).map((k) => k.slice(6, k.lastIndexOf('}'))));
      raw.disconnect();
      assert.ok(onFirst.size > 0 && onFirst.size < keys.length);
      await cluster.kill(0);
      for (let round = 0; round < 2; round++) {
        const outcomes = await Promise.all(
          keys.map(async (k) => {
            const t0 = performance.now();
            try {
              await store.gcra(k, lim);
              return { k, ms: performance.now() - t0, error: undefined };
            } catch (error) {
              return { k, ms: performance.now() - t0, error };
            }
          }),
        );
        for (const o of outcomes) {
          assert.ok(o.ms < 500, `${o.k} settled after ${o.ms} ms`);
          if (onFirst.has(o.k))
            assert.ok(o.error instanceof StoreUnavailableError, `${o.k}: ${String(o.error)}`);
          else assert.equal(o.error, undefined, `${o.k} lives on a healthy master`);
        }
        await sleep(100);
      }
    } finally {
      raw.disconnect();
      await store.close();
    }
  });
});
