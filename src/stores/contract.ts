/**
 * The store contract suite: the same node:test tests of every operation's semantics, run against
 * each back end (`test/integration/stores-*.test.ts`). A store passes when it behaves as `types.ts`
 * documents, whatever it is built on.
 *
 * With a fake clock (`fakeClock: true`, the local store) time assertions are exact; with real time
 * (Redis, whose only clock is its own TIME) they hold within `toleranceMs` and the periods are short.
 *
 * @example
 * runStoreContract('redis', async () => createRedisStore({ url }), {
 *   fakeClock: false, advance: (ms) => sleep(ms), periodMs: 300,
 * });
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { StateStore, WindowResult } from './types.ts';

/** How the suite drives time for one back end. */
export interface StoreContractOptions {
  /** Moves the store's clock forward by `ms` (fake clock) or waits `ms` (real time). */
  advance(ms: number): Promise<void>;
  /** True when `advance` moves a fake clock: time assertions are then exact. */
  fakeClock: boolean;
  /** Base period of the time-dependent tests, ms. Default 1000 with a fake clock, 300 otherwise. */
  periodMs?: number;
  /** Slack on real-time assertions, ms. Default 0 with a fake clock, 60 otherwise. */
  toleranceMs?: number;
}

/**
 * Registers the contract tests for one store under `describe(name)`. `makeStore` runs once before
 * the tests and the store is closed after them; every test uses keys of its own.
 */
export function runStoreContract(
  name: string,
  makeStore: () => Promise<StateStore>,
  opts: StoreContractOptions,
): void {
  const P = opts.periodMs ?? (opts.fakeClock ? 1000 : 300);
  const tol = opts.toleranceMs ?? (opts.fakeClock ? 0 : 60);
  /** Real time only: a little extra wait so a timer that fires early never lands before the boundary. */
  const slack = opts.fakeClock ? 0 : 5;
  const run = randomUUID().slice(0, 8);
  let store: StateStore;
  let seq = 0;
  const key = (label: string): string => `ct:${run}:${label}:${seq++}`;

  const near = (actual: number, expected: number, what: string, extra = 0): void => {
    const d = tol + extra + (opts.fakeClock ? 1e-6 : 0);
    assert.ok(
      actual >= expected - d && actual <= expected + d,
      `${what}: expected ${expected} ± ${d}, got ${actual}`,
    );
  };

  /**
   * Advances to just after the start of the next fixed window of `w` ms — with real time, only when
   * less than `room` ms are left in the current one (long windows would mean long waits).
   */
  const toWindowStart = async (w: number, room = w): Promise<void> => {
    const now = await store.now();
    const left = w - (now % w);
    if (opts.fakeClock || left < room) await opts.advance(left + slack);
  };

  describe(`store contract: ${name}`, () => {
    before(async () => {
      store = await makeStore();
    });
    after(async () => {
      await store.close();
    });

    it('now() reads the store clock in ms since the epoch', async () => {
      const a = await store.now();
      assert.ok(Number.isFinite(a));
      if (!opts.fakeClock) assert.ok(Math.abs(a - Date.now()) < 1000, `store clock ${a} vs ${Date.now()}`);
      await opts.advance(20);
      const b = await store.now();
      assert.ok(b >= a + 20 - 1, `clock moved ${b - a} ms, expected 20`);
      assert.equal(store.healthy(), true);
    });

    describe('gcra', () => {
      it('lets `limit` requests pass from idle and denies the next for one emission interval', async () => {
        const k = key('gcra-basic');
        const lim = { limit: 10, periodMs: P, burst: 0 };
        // Issued together (one pipeline for Redis), so no time passes for a refill in between.
        const results = await Promise.all(Array.from({ length: 11 }, () => store.gcra(k, lim)));
        for (let i = 0; i < 10; i++) {
          const r = results[i]!;
          assert.equal(r.allowed, true, `request ${i + 1}`);
          assert.equal(r.remaining, 9 - i);
          assert.equal(r.retryAfterMs, 0);
          near(r.resetMs, (i + 1) * (P / 10), `resetMs after ${i + 1}`);
        }
        const denied = results[10]!;
        assert.equal(denied.allowed, false);
        assert.equal(denied.remaining, 0);
        near(denied.retryAfterMs, P / 10, 'retryAfterMs of the 11th');
        near(denied.resetMs, P, 'resetMs when denied');
      });

      it('burst adds capacity above the limit', async () => {
        const k = key('gcra-burst');
        const lim = { limit: 5, periodMs: P * 10, burst: 3 };
        const results = await Promise.all(Array.from({ length: 12 }, () => store.gcra(k, lim)));
        assert.equal(results.filter((r) => r.allowed).length, 8);
      });

      it('refills one request per emission interval; denied requests consume nothing', async () => {
        const k = key('gcra-refill');
        const lim = { limit: 4, periodMs: P, burst: 0 };
        const first = await Promise.all(Array.from({ length: 10 }, () => store.gcra(k, lim)));
        assert.deepEqual(
          first.map((r) => r.allowed),
          [true, true, true, true, false, false, false, false, false, false],
        );
        const last = first[9]!;
        await opts.advance(last.retryAfterMs + slack);
        const again = await store.gcra(k, lim);
        assert.equal(again.allowed, true, 'allowed once retryAfterMs has passed');
        // remaining and resetMs describe the same bucket: remaining = floor(4 - resetMs / T).
        assert.equal(again.remaining, Math.max(0, Math.floor(4 - again.resetMs / (P / 4) + 1e-9)));
        if (opts.fakeClock) assert.equal((await store.gcra(k, lim)).allowed, false, 'and only one');
        const peek = await store.gcra(k, lim, 0);
        await opts.advance(peek.resetMs + slack);
        const full = await store.gcra(k, lim, 0);
        assert.equal(full.allowed, true);
        assert.equal(full.remaining, 4, 'full again after resetMs');
        assert.equal(full.resetMs, 0);
      });

      it('cost consumes several requests; cost 0 peeks; cost above capacity is never allowed', async () => {
        const k = key('gcra-cost');
        // A long period: nothing refills between the steps, even on a slow machine.
        const lim = { limit: 5, periodMs: P * 10, burst: 0 };
        const idle = await store.gcra(k, lim, 0);
        assert.deepEqual(idle, { allowed: true, remaining: 5, retryAfterMs: 0, resetMs: 0 });
        const a = await store.gcra(k, lim, 3);
        assert.equal(a.allowed, true);
        assert.equal(a.remaining, 2);
        const b = await store.gcra(k, lim, 3);
        assert.equal(b.allowed, false);
        assert.equal(b.remaining, 2);
        // One request is missing: retry = resetMs - 2·T (T = P·2), at most T (less as time passes).
        const T = (P * 10) / 5;
        assert.ok(Math.abs(b.retryAfterMs - (b.resetMs - 2 * T)) < 1e-3, 'retry and reset agree');
        near(b.retryAfterMs, T, 'retry for the one missing request', opts.fakeClock ? 0 : T / 2);
        const p1 = await store.gcra(k, lim, 0);
        const p2 = await store.gcra(k, lim, 0);
        assert.equal(p1.allowed, true);
        assert.equal(p1.remaining, 2);
        assert.equal(p2.remaining, 2, 'peeking consumed nothing');
        const huge = await store.gcra(k, lim, 6);
        assert.equal(huge.allowed, false);
        assert.equal(huge.retryAfterMs, Number.POSITIVE_INFINITY);
        assert.equal((await store.gcra(k, lim, 2)).allowed, true, 'the two remaining are still there');
        const empty = await store.gcra(k, lim, 0);
        assert.equal(empty.allowed, false, 'peek reports that a request of cost 1 would be denied');
        assert.ok(
          Math.abs(empty.retryAfterMs - (empty.resetMs - 4 * T)) < 1e-3,
          'peek: retry and reset agree',
        );
        near(empty.retryAfterMs, T, 'peek retryAfterMs', opts.fakeClock ? 0 : T / 2);
      });

      it('keeps keys independent', async () => {
        const a = key('gcra-a');
        const b = key('gcra-b');
        const lim = { limit: 2, periodMs: P * 10, burst: 0 };
        await store.gcra(a, lim);
        await store.gcra(a, lim);
        assert.equal((await store.gcra(a, lim)).allowed, false);
        assert.equal((await store.gcra(b, lim)).remaining, 1);
      });

      it('decides concurrent requests exactly', async () => {
        const k = key('gcra-concurrent');
        const lim = { limit: 20, periodMs: P * 100, burst: 0 };
        const results = await Promise.all(Array.from({ length: 60 }, () => store.gcra(k, lim)));
        assert.equal(results.filter((r) => r.allowed).length, 20);
      });
    });

    describe('slidingWindow', () => {
      it('counts the current window and weights the previous one', async () => {
        const w = P;
        const lim = { limit: 5, windowMs: w };
        // Six requests at the start of a window (issued together). With real time, a batch that
        // happens to straddle a window boundary is retried on a fresh key.
        let k = '';
        let idx = 0;
        let denied: WindowResult | undefined;
        for (let attempt = 0; denied === undefined && attempt < 3; attempt++) {
          k = key('win');
          await toWindowStart(w);
          const before = await store.now();
          const rs = await Promise.all(Array.from({ length: 6 }, () => store.slidingWindow(k, lim)));
          const after = await store.now();
          if (Math.floor(before / w) !== Math.floor(after / w)) continue;
          idx = Math.floor(before / w);
          rs.slice(0, 5).forEach((r, i) => {
            assert.equal(r.allowed, true);
            assert.equal(r.count, i + 1);
            assert.equal(r.remaining, 4 - i);
          });
          denied = rs[5]!;
          // prev = 0, cur = 5: the 6th waits for the next window, then until 5·(1 - e/w) <= 4 (e = w/5).
          const elapsed = 2 * w - denied.resetMs;
          assert.ok(
            elapsed >= (before % w) - 1e-3 && elapsed <= (after % w) + 1e-3,
            `resetMs ${denied.resetMs} vs clock`,
          );
          assert.ok(
            Math.abs(denied.retryAfterMs - (w - elapsed + w / 5)) < 1e-3,
            'retry into the next window',
          );
          if (opts.fakeClock) near(denied.retryAfterMs, w + w / 5, 'retryAfterMs at the window start');
        }
        assert.ok(denied, 'a batch fit in one window');
        assert.equal(denied.allowed, false);
        assert.equal(denied.count, 5);
        /** The count the key must show at time t: 5 in its window, decaying through the next. */
        const expected = (t: number): number => {
          const i = Math.floor(t / w);
          return i === idx ? 5 : i === idx + 1 ? 5 * (1 - (t % w) / w) : 0;
        };
        /** Peeks and checks the weighted count against the clock read just before and after. */
        const peekAndCheck = async (what: string): Promise<WindowResult> => {
          const before = await store.now();
          const r = await store.slidingWindow(k, lim, 0);
          const after = await store.now();
          assert.ok(
            r.count >= expected(after) - 1e-4 && r.count <= expected(before) + 1e-4,
            `${what}: count ${r.count} outside [${expected(after)}, ${expected(before)}]`,
          );
          if (Math.abs(r.count - 4) > 1e-4)
            assert.equal(r.allowed, r.count < 4, `${what}: allowed agrees with count`);
          return r;
        };
        await toWindowStart(w);
        const start = await peekAndCheck('next window start');
        if (opts.fakeClock)
          assert.equal(start.allowed, false, 'the previous window weighs fully at its start');
        await opts.advance(w / 2);
        await peekAndCheck('half-way');
        if (opts.fakeClock) {
          // 5 · 1/2 = 2.5: two more fit (3.5, 4.5), a third would make 5.5.
          let allowed = 0;
          for (let i = 0; i < 4; i++) if ((await store.slidingWindow(k, lim)).allowed) allowed++;
          assert.equal(allowed, 2);
        } else {
          let r = await store.slidingWindow(k, lim);
          for (let i = 0; r.allowed && i < 10; i++) {
            assert.ok(r.count <= 5 + 1e-9);
            r = await store.slidingWindow(k, lim);
          }
          assert.equal(r.allowed, false);
          assert.ok(r.count + 1 > 5, `denied at count ${r.count}`);
        }
        await opts.advance(2 * w);
        const fresh = await store.slidingWindow(k, lim);
        assert.equal(fresh.allowed, true);
        assert.equal(fresh.count, 1, 'two windows later the key is fresh');
      });

      it('retryAfterMs is honest', async () => {
        const k = key('win-retry');
        const lim = { limit: 3, windowMs: P };
        let r = await store.slidingWindow(k, lim);
        while (r.allowed) r = await store.slidingWindow(k, lim);
        await opts.advance(r.retryAfterMs + slack);
        assert.equal((await store.slidingWindow(k, lim)).allowed, true);
      });

      it('cost 0 peeks; cost above the limit is never allowed', async () => {
        const k = key('win-cost');
        const lim = { limit: 4, windowMs: P * 10 };
        await toWindowStart(P * 10, 300);
        assert.deepEqual(await store.slidingWindow(k, lim, 0), {
          allowed: true,
          count: 0,
          remaining: 4,
          retryAfterMs: 0,
          resetMs: 0,
        });
        assert.equal((await store.slidingWindow(k, lim, 3)).count, 3);
        assert.equal((await store.slidingWindow(k, lim, 0)).count, 3);
        assert.equal((await store.slidingWindow(k, lim, 2)).allowed, false);
        const huge = await store.slidingWindow(k, lim, 5);
        assert.equal(huge.allowed, false);
        assert.equal(huge.retryAfterMs, Number.POSITIVE_INFINITY);
        assert.equal((await store.slidingWindow(k, lim, 1)).remaining, 0);
      });

      it('decides concurrent requests exactly', async () => {
        const k = key('win-concurrent');
        const lim = { limit: 15, windowMs: P * 100 };
        await toWindowStart(P * 100, 300);
        const results = await Promise.all(Array.from({ length: 40 }, () => store.slidingWindow(k, lim)));
        assert.equal(results.filter((r) => r.allowed).length, 15);
      });
    });

    describe('counters', () => {
      it('incr returns the running sum; the TTL starts at creation and is not extended', async () => {
        const k = key('ctr');
        const ttl = P;
        assert.equal(await store.count(k), 0);
        const created = await store.now();
        assert.equal(await store.incr(k, 1, ttl), 1);
        const createdBy = await store.now();
        assert.deepEqual(
          await Promise.all([store.incr(k, 2, ttl), store.incr(k, 0.5, ttl), store.count(k)]),
          [3, 3.5, 3.5],
        );
        await opts.advance(ttl * 0.6);
        const before = await store.now();
        const v = await store.incr(k, 1, ttl);
        // With real time the wait may overshoot: judge by the store clock when the counter expired.
        if (before < created + ttl) {
          assert.equal(v, 4.5, 'still the same counter before its TTL');
          await opts.advance(Math.max(0, createdBy + ttl - (await store.now())) + tol + slack);
          assert.equal(await store.count(k), 0, 'expired ttlMs after creation, not after the last incr');
        } else {
          assert.ok(v === 1 || v === 4.5);
        }
        assert.ok((await store.incr(key('ctr-new'), 2, ttl)) === 2);
        if (opts.fakeClock) assert.equal(await store.incr(k, 2, ttl), 2, 'a new counter starts after expiry');
      });

      it('concurrent increments add up exactly', async () => {
        const k = key('ctr-concurrent');
        await Promise.all(Array.from({ length: 50 }, () => store.incr(k, 1, P * 100)));
        assert.equal(await store.count(k), 50);
      });
    });

    describe('marks', () => {
      it('markIfAbsent marks once per TTL (replay detection)', async () => {
        const k = key('nonce');
        assert.deepEqual(
          await Promise.all([
            store.markIfAbsent(k, P),
            store.markIfAbsent(k, P),
            store.markIfAbsent(k, P * 100),
          ]),
          [true, false, false],
        );
        await opts.advance(P + tol + slack);
        assert.equal(await store.markIfAbsent(k, P), true, 'free again after the TTL');
      });

      it('exactly one of many concurrent markIfAbsent calls wins', async () => {
        const k = key('nonce-race');
        const r = await Promise.all(Array.from({ length: 30 }, () => store.markIfAbsent(k, P * 100)));
        assert.equal(r.filter(Boolean).length, 1);
      });

      it('mark sets or extends, never shortens; markTtl reads it; delete lifts it', async () => {
        const k = key('ban');
        assert.equal(await store.markTtl(k), 0);
        /** Marks (or not), then checks markTtl against the local time the two calls took. */
        const check = async (mark: number | undefined, expected: number, what: string): Promise<void> => {
          const t0 = performance.now();
          if (mark !== undefined) await store.mark(k, mark);
          const left = await store.markTtl(k);
          const took = performance.now() - t0;
          assert.ok(
            left <= expected && left >= expected - took - 2,
            `${what}: ${left} ms left, expected ${expected}`,
          );
        };
        await check(20 * P, 20 * P, 'ttl after mark');
        const t0 = performance.now();
        await store.mark(k, P);
        const left = await store.markTtl(k);
        assert.ok(
          left > 20 * P - (performance.now() - t0) - 100,
          `a shorter mark does not shorten (${left})`,
        );
        await check(30 * P, 30 * P, 'a longer mark extends');
        await store.delete(k);
        assert.equal(await store.markTtl(k), 0);
        assert.equal(await store.markIfAbsent(k, P), true);
        await opts.advance(P + tol + slack);
        assert.equal(await store.markTtl(k), 0, 'expired');
      });
    });

    describe('concurrency slots', () => {
      it('acquire takes up to max slots; release gives one back and never goes below zero', async () => {
        const k = key('sem');
        assert.equal(await store.acquire(k, 2, P * 100), true);
        assert.equal(await store.acquire(k, 2, P * 100), true);
        assert.equal(await store.acquire(k, 2, P * 100), false);
        await store.release(k);
        assert.equal(await store.acquire(k, 2, P * 100), true);
        assert.equal(await store.acquire(k, 2, P * 100), false);
        await store.release(k);
        await store.release(k);
        await store.release(k);
        await store.release(k);
        assert.equal(await store.acquire(k, 1, P * 100), true);
        assert.equal(await store.acquire(k, 1, P * 100), false, 'extra releases did not create slots');
        await store.release(key('sem-absent'));
      });

      it('slots expire after ttlMs (crash safety)', async () => {
        const k = key('sem-ttl');
        assert.deepEqual(await Promise.all([store.acquire(k, 1, P), store.acquire(k, 1, P)]), [true, false]);
        await opts.advance(P + tol + slack);
        assert.equal(await store.acquire(k, 1, P), true);
      });

      it('concurrent acquires never exceed max', async () => {
        const k = key('sem-race');
        const r = await Promise.all(Array.from({ length: 30 }, () => store.acquire(k, 7, P * 100)));
        assert.equal(r.filter(Boolean).length, 7);
      });
    });

    describe('keys', () => {
      it('each operation family has its own namespace; delete clears them all', async () => {
        const k = key('ns');
        const g = { limit: 1, periodMs: P * 100, burst: 0 };
        const w = { limit: 1, windowMs: P * 100 };
        assert.equal((await store.gcra(k, g)).allowed, true);
        assert.equal((await store.slidingWindow(k, w)).allowed, true);
        assert.equal(await store.incr(k, 5, P * 100), 5);
        assert.equal(await store.markIfAbsent(k, P * 100), true);
        assert.equal(await store.acquire(k, 1, P * 100), true);
        assert.equal((await store.gcra(k, g)).allowed, false);
        assert.equal((await store.slidingWindow(k, w)).allowed, false);
        assert.equal(await store.count(k), 5);
        assert.equal(await store.acquire(k, 1, P * 100), false);
        await store.delete(k);
        assert.equal((await store.gcra(k, g)).allowed, true);
        assert.equal((await store.slidingWindow(k, w)).allowed, true);
        assert.equal(await store.count(k), 0);
        assert.equal(await store.markTtl(k), 0);
        assert.equal(await store.acquire(k, 1, P * 100), true);
        await store.delete(key('never-used'));
      });

      it('keys with braces, percent signs, colons and non-ASCII text stay distinct', async () => {
        const base = key('odd');
        const names = [
          `${base}}`,
          `${base}%7D`,
          `${base}{x}`,
          `${base}:x`,
          `${base}:x:`,
          `${base}é`,
          `${base}e\u0301`,
          `{${base}}`,
          `}${base}`,
        ];
        for (const [i, n] of names.entries()) assert.equal(await store.incr(n, i + 1, P * 100), i + 1);
        for (const [i, n] of names.entries()) assert.equal(await store.count(n), i + 1, n);
      });

      it('rejects bad arguments with TypeError', async () => {
        const k = key('bad');
        const bad: Array<() => unknown> = [
          () => store.gcra('', { limit: 1, periodMs: 1, burst: 0 }),
          () => store.gcra(k, { limit: 0, periodMs: 1000, burst: 0 }),
          () => store.gcra(k, { limit: 1.5, periodMs: 1000, burst: 0 }),
          () => store.gcra(k, { limit: 1, periodMs: 0, burst: 0 }),
          () => store.gcra(k, { limit: 1, periodMs: 1000, burst: -1 }),
          () => store.gcra(k, { limit: 1, periodMs: 1000, burst: 0 }, -1),
          () => store.gcra(k, { limit: 1, periodMs: 1000, burst: 0 }, Number.NaN),
          () => store.slidingWindow(k, { limit: 1, windowMs: Number.POSITIVE_INFINITY }),
          () => store.slidingWindow(k, { limit: -1, windowMs: 1000 }),
          () => store.incr(k, Number.NaN, 1000),
          () => store.incr(k, 1, 0),
          () => store.markIfAbsent(k, -5),
          () => store.mark(k, Number.POSITIVE_INFINITY),
          () => store.acquire(k, 0, 1000),
          () => store.count(undefined as unknown as string),
        ];
        for (const [i, f] of bad.entries()) {
          await assert.rejects(async () => f(), TypeError, `case ${i}`);
        }
      });
    });

    describe('publish/subscribe', () => {
      it('delivers to subscribers of the channel only, and stops after unsubscribe', async () => {
        const ch = `ch-${run}-${seq++}`;
        const other = `ch-${run}-${seq++}`;
        const got: string[] = [];
        const gotOther: string[] = [];
        const gotThrowing: string[] = [];
        const unsub = store.subscribe(ch, (m) => got.push(m));
        const unsubOther = store.subscribe(other, (m) => gotOther.push(m));
        const unsubThrowing = store.subscribe(ch, (m) => {
          gotThrowing.push(m);
          throw new Error('subscriber bug');
        });
        try {
          // Subscriptions may take a moment to reach the back end: publish until one arrives.
          const sent = new Set<string>();
          for (let i = 0; got.length === 0 && i < 100; i++) {
            const m = `hello ${i} ✓`;
            sent.add(m);
            await store.publish(ch, m);
            await sleep(20);
          }
          assert.ok(got.length > 0, 'a message arrived');
          assert.ok(
            got.every((m) => sent.has(m)),
            'only what was sent',
          );
          assert.ok(gotThrowing.length > 0, 'the throwing subscriber was called too');
          assert.equal(gotOther.length, 0, 'other channels hear nothing');
          unsub();
          unsubThrowing();
          const before = got.length;
          await store.publish(ch, 'after unsubscribe');
          await store.publish(other, 'for the other channel');
          for (let i = 0; gotOther.length === 0 && i < 100; i++) await sleep(10);
          assert.deepEqual(gotOther, ['for the other channel']);
          assert.equal(got.length, before, 'nothing after unsubscribe');
        } finally {
          unsubOther();
        }
      });
    });
  });
}
