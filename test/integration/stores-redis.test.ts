/**
 * The Redis store against a real redis-server started by the test on a free port: the contract
 * suite, exactness across several store instances (gateway nodes), key layout, and faults — a
 * crash (SIGKILL) mid-traffic, a restart on the same port, a frozen server (SIGSTOP), and no server
 * at all at startup.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { runStoreContract } from '../../src/stores/contract.ts';
import { StoreUnavailableError } from '../../src/stores/errors.ts';
import { createLocalStore } from '../../src/stores/local/index.ts';
import { createRedisStore } from '../../src/stores/redis/index.ts';
import { argvClock, GCRA_LUA, WINDOW_LUA } from '../../src/stores/redis/scripts.ts';
import type { StoreLogger } from '../../src/stores/types.ts';
import { startRedis, type TestRedis } from '../helpers/redis.ts';

/**
 * Semantics tests run beside other suites on shared CI machines: a generous command timeout keeps a
 * busy CPU from turning into a spurious StoreUnavailableError. The fault tests use the real defaults.
 */
const SLOW_MACHINE_TIMEOUT_MS = 2000;

let redis: TestRedis;
before(async () => {
  redis = await startRedis();
});
after(async () => {
  await redis?.stop();
});

runStoreContract(
  'redis',
  async () => {
    const store = createRedisStore({ url: redis.url, commandTimeoutMs: SLOW_MACHINE_TIMEOUT_MS });
    await store.ready();
    return store;
  },
  { fakeClock: false, advance: (ms) => sleep(ms) },
);

/** Resolves with how long `p` took to settle and how it settled. */
async function timed<T>(p: Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const t0 = performance.now();
  try {
    const value = await p;
    return { ms: performance.now() - t0, value };
  } catch (error) {
    return { ms: performance.now() - t0, error };
  }
}

async function until(what: string, test: () => boolean, timeoutMs: number): Promise<number> {
  const t0 = performance.now();
  while (!test()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`${what} not within ${timeoutMs} ms`);
    await sleep(10);
  }
  return performance.now() - t0;
}

describe('redis store: several nodes', () => {
  it('three store instances (three gateway nodes) share one exact limit', async () => {
    const stores = await Promise.all(
      [0, 1, 2].map(async () => {
        const s = createRedisStore({ url: redis.url, commandTimeoutMs: SLOW_MACHINE_TIMEOUT_MS });
        await s.ready();
        return s;
      }),
    );
    try {
      const lim = { limit: 300, periodMs: 864e6, burst: 0 };
      const results = await Promise.all(
        stores.flatMap((s) => Array.from({ length: 400 }, () => s.gcra('nodes:exact', lim))),
      );
      assert.equal(results.filter((r) => r.allowed).length, 300);
      const wins = await Promise.all(stores.map((s) => s.markIfAbsent('nodes:nonce', 10_000)));
      assert.equal(wins.filter(Boolean).length, 1);
      const got: string[] = [];
      const unsub = stores[2]!.subscribe('revocations', (m) => got.push(m));
      for (let i = 0; got.length === 0 && i < 100; i++) {
        await stores[0]!.publish('revocations', 'key-123');
        await sleep(20);
      }
      unsub();
      assert.ok(got.includes('key-123'), 'node 0 reached node 2');
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('keeps each key in one hash tag with a TTL; braces and % in keys are escaped', async () => {
    const store = createRedisStore({
      url: redis.url,
      keyPrefix: 'lay:',
      commandTimeoutMs: SLOW_MACHINE_TIMEOUT_MS,
    });
    const raw = new Redis(redis.url, { lazyConnect: true });
    await raw.connect();
    try {
      await store.ready();
      await store.gcra('rl:alice', { limit: 5, periodMs: 60_000, burst: 0 });
      await store.slidingWindow('rl:alice', { limit: 5, windowMs: 60_000 });
      await store.incr('rl:alice', 1, 60_000);
      await store.mark('rl:alice', 60_000);
      await store.acquire('rl:alice', 2, 60_000);
      await store.incr('a}b%c', 1, 60_000);
      const keys = (await raw.keys('lay:*')).sort();
      assert.deepEqual(keys, [
        'lay:{a%7Db%25c}:c',
        'lay:{rl:alice}:c',
        'lay:{rl:alice}:g',
        'lay:{rl:alice}:m',
        'lay:{rl:alice}:s',
        'lay:{rl:alice}:w',
      ]);
      for (const k of keys) {
        const ttl = await raw.pttl(k);
        assert.ok(ttl > 0 && ttl <= 120_000, `${k} has ttl ${ttl}`);
      }
      await store.delete('rl:alice');
      assert.deepEqual(await raw.keys('lay:{rl:*'), []);
      assert.throws(() => createRedisStore({ url: redis.url, keyPrefix: 'a{b' }), TypeError);
    } finally {
      await store.close();
      raw.disconnect();
    }
  });
});

describe('redis scripts mirror algorithms.ts', () => {
  it('gcra and sliding window answer exactly like the local store for the same clock', async () => {
    const raw = new Redis(redis.url, { lazyConnect: true });
    await raw.connect();
    const gcraLua = argvClock(GCRA_LUA);
    const windowLua = argvClock(WINDOW_LUA);
    let run = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.record({
            limit: fc.integer({ min: 1, max: 10 }),
            // Periods of 10 s or more: every key Redis writes lives (in real time) far longer than
            // the test, so only the fake clock decides what has expired.
            periodMs: fc.integer({ min: 10_000, max: 100_000 }),
            burst: fc.integer({ min: 0, max: 5 }),
            start: fc.double({ min: 1.7e12, max: 1.8e12, noNaN: true }),
            steps: fc.array(
              fc.record({
                dt: fc.oneof(
                  fc.constant(0),
                  fc.integer({ min: 0, max: 30_000 }),
                  fc.double({ min: 0, max: 5_000, noNaN: true }),
                ),
                cost: fc.integer({ min: 0, max: 4 }),
              }),
              { minLength: 1, maxLength: 25 },
            ),
          }),
          async ({ limit, periodMs, burst, start, steps }) => {
            let now = start;
            const local = createLocalStore({ capacity: 16, clock: () => now });
            const id = `diff:${run++}`;
            const g = { limit, periodMs, burst };
            const w = { limit: limit + burst, windowMs: periodMs };
            for (const { dt, cost } of steps) {
              now += dt;
              const clock = String(now);
              const lg = local.gcra('k', g, cost);
              const [ga, gr, gretry, greset] = (await raw.eval(
                gcraLua,
                1,
                `${id}:g`,
                String(periodMs / limit),
                String(limit + burst),
                String(cost),
                clock,
              )) as [number, number, string, string];
              assert.deepEqual(
                {
                  allowed: ga === 1,
                  remaining: gr,
                  retryAfterMs: gretry === '-1' ? Number.POSITIVE_INFINITY : Number(gretry),
                  resetMs: Number(greset),
                },
                lg,
                `gcra at +${now - start} ms, cost ${cost}`,
              );
              const lw = local.slidingWindow('k', w, cost);
              const [wa, wr, wcount, wretry, wreset] = (await raw.eval(
                windowLua,
                1,
                `${id}:w`,
                String(periodMs),
                String(limit + burst),
                String(cost),
                clock,
              )) as [number, number, string, string, string];
              assert.deepEqual(
                {
                  allowed: wa === 1,
                  count: Number(wcount),
                  remaining: wr,
                  retryAfterMs: wretry === '-1' ? Number.POSITIVE_INFINITY : Number(wretry),
                  resetMs: Number(wreset),
                },
                lw,
                `window at +${now - start} ms, cost ${cost}`,
              );
            }
            await local.close();
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      raw.disconnect();
    }
  });
});

describe('redis store: faults', () => {
  it('with no server at startup: healthy() is false and operations reject at once', async () => {
    const store = createRedisStore({ url: 'redis://127.0.0.1:1', connectTimeoutMs: 200 });
    try {
      assert.equal(store.healthy(), false);
      const r = await timed(store.gcra('k', { limit: 1, periodMs: 1000, burst: 0 }));
      assert.ok(r.error instanceof StoreUnavailableError, String(r.error));
      assert.ok(r.ms < 50, `rejected after ${r.ms} ms`);
      await assert.rejects(store.ready(200), StoreUnavailableError);
      await assert.rejects(store.now(), StoreUnavailableError);
      await assert.rejects(store.publish('c', 'm'), StoreUnavailableError);
    } finally {
      await store.close();
    }
  });

  it('a crash mid-traffic: every operation settles within 500 ms, then the store recovers after a restart', async () => {
    const logs: Array<{ level: string; msg: string; obj: object }> = [];
    const logger: StoreLogger = {
      info: (obj, msg) => logs.push({ level: 'info', msg, obj }),
      warn: (obj, msg) => logs.push({ level: 'warn', msg, obj }),
    };
    const store = createRedisStore({ url: redis.url, logger });
    await store.ready();
    const lim = { limit: 50_000, periodMs: 1000, burst: 0 };
    try {
      // Traffic: a new decision every millisecond, each one timed.
      const settled: Array<Promise<{ ms: number; error?: unknown }>> = [];
      let stop = false;
      const traffic = (async () => {
        while (!stop) {
          settled.push(timed(Promise.resolve().then(() => store.gcra('fault:k', lim))));
          await sleep(1);
        }
      })();
      try {
        await sleep(50);
        await redis.kill();
        await until('healthy() false', () => !store.healthy(), 500);
        await sleep(300);
      } finally {
        stop = true;
        await traffic;
      }
      const outcomes = await Promise.all(settled);
      const failed = outcomes.filter((o) => o.error);
      assert.ok(
        outcomes.some((o) => !o.error),
        'some succeeded before the crash',
      );
      assert.ok(failed.length > 0, 'some failed after it');
      for (const o of failed) assert.ok(o.error instanceof StoreUnavailableError, String(o.error));
      const slowest = Math.max(...outcomes.map((o) => o.ms));
      assert.ok(slowest < 500, `slowest operation settled after ${slowest} ms`);
      const down = await timed(store.incr('fault:c', 1, 1000));
      assert.ok(down.error instanceof StoreUnavailableError);
      assert.ok(down.ms < 50, `rejected after ${down.ms} ms while down`);

      await redis.restart();
      const back = await until('healthy() true', () => store.healthy(), 2000);
      assert.ok(back < 2000);
      // The restarted server has no scripts loaded: they are sent again transparently.
      const r = await store.gcra('fault:k', { limit: 2, periodMs: 60_000, burst: 0 });
      assert.equal(r.allowed, true);
      assert.equal(r.remaining, 1, 'state is gone with the crashed server, decisions work again');
      assert.equal(await store.incr('fault:c', 1, 1000), 1);
      assert.deepEqual(
        logs.map((l) => `${l.level}:${l.msg}`),
        ['warn:redis store connection lost', 'info:redis store connected'],
        'one line per transition, not one per reconnect attempt',
      );
    } finally {
      await store.close();
    }
  });

  it('a frozen server: operations time out fast, healthy() turns false, and recover when it resumes', async () => {
    const store = createRedisStore({ url: redis.url, commandTimeoutMs: 150 });
    await store.ready();
    const lim = { limit: 100, periodMs: 60_000, burst: 0 };
    try {
      assert.equal((await store.gcra('frozen:k', lim)).allowed, true);
      redis.pause();
      const outcomes = await Promise.all(
        Array.from({ length: 3 }, async (_, i) => {
          await sleep(i * 20);
          return timed(store.gcra('frozen:k', lim));
        }),
      );
      for (const o of outcomes) {
        assert.ok(o.error instanceof StoreUnavailableError, String(o.error));
        assert.ok(o.ms < 500, `settled after ${o.ms} ms`);
      }
      assert.equal(store.healthy(), false, 'three timeouts in a row: unhealthy');
      redis.resume();
      let ok = false;
      for (let i = 0; !ok && i < 50; i++) {
        ok = (await timed(store.gcra('frozen:k', lim))).error === undefined;
        if (!ok) await sleep(20);
      }
      assert.ok(ok, 'decisions work again');
      assert.equal(store.healthy(), true);
    } finally {
      redis.resume();
      await store.close();
    }
  });

  it('rejects bad options with TypeError', () => {
    assert.throws(() => createRedisStore({}), TypeError);
    assert.throws(
      () => createRedisStore({ url: redis.url, nodes: [{ host: '127.0.0.1', port: 1 }] }),
      TypeError,
    );
    assert.throws(() => createRedisStore({ url: 'http://127.0.0.1:1' }), TypeError);
    assert.throws(() => createRedisStore({ nodes: [] }), TypeError);
    assert.throws(() => createRedisStore({ url: redis.url, commandTimeoutMs: 0 }), TypeError);
  });
});
