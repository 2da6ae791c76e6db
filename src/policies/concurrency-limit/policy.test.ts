import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LogContext, PolicyDefinition, PolicyInstance, RequestContext } from '../../pipeline/types.ts';
import type { StateStore } from '../../stores/types.ts';
import { runReportOnly } from '../auth-requirement/test-support.ts';
import { asyncStore, failingStore, type TestClock, testStore } from '../quota/test-support.ts';
import { fakeDeps, fakeRequestContext, instantiate, runRequest, schemaFixtureSuite } from '../testing.ts';
import { concurrencyKey, policy } from './policy.ts';

const withStore: PolicyDefinition = {
  ...policy,
  create: (config, deps) => policy.create(config as never, { ...deps, store: testStore({ now: 0 }) }),
};
schemaFixtureSuite(withStore, new URL('./fixtures/', import.meta.url));

interface Setup {
  instance: PolicyInstance;
  store: StateStore;
  clock: TestClock;
}

function setup(
  config: Record<string, unknown>,
  store?: StateStore,
  clock: TestClock = { now: 1_700_000_000_000 },
): Setup {
  const s = store ?? testStore(clock);
  return {
    instance: instantiate(policy, config, { ...fakeDeps('concurrency-limit@route:uploads'), store: s }),
    store: s,
    clock,
  };
}

function asConsumer(id: string): RequestContext {
  const ctx = fakeRequestContext();
  ctx.consumer = { id, groups: [] };
  return ctx;
}

/** The log phase, as the pipeline runs it once the response is over. */
function finish(s: Setup, ctx: RequestContext): void {
  s.instance.onLog!(ctx as LogContext);
}

describe('concurrency-limit', () => {
  test('at most max in flight per key; a finished request gives its slot back', async () => {
    const s = setup({ max: 2 });
    const a = asConsumer('alice');
    const b = asConsumer('alice');
    assert.equal((await runRequest(s.instance, a)).error, undefined);
    assert.equal((await runRequest(s.instance, b)).error, undefined);
    const c = asConsumer('alice');
    const refused = (await runRequest(s.instance, c)).error;
    assert.equal(refused?.status, 429);
    assert.equal(refused?.code, 'GW_RATE_LIMITED');
    assert.equal(refused?.reason, 'concurrency_limited');
    assert.deepEqual(refused?.headers, { 'retry-after': '1' });
    // A refused request holds nothing: its log phase gives nothing back.
    finish(s, c);
    assert.equal((await runRequest(s.instance, asConsumer('alice'))).error?.status, 429);
    // Another consumer is not affected.
    assert.equal((await runRequest(s.instance, asConsumer('bob'))).error, undefined);
    finish(s, a);
    const d = asConsumer('alice');
    assert.equal((await runRequest(s.instance, d)).error, undefined);
    assert.equal((await runRequest(s.instance, asConsumer('alice'))).error?.status, 429);
  });

  test('the log phase gives back exactly once, even if called again', async () => {
    const s = setup({ max: 2 });
    const a = asConsumer('alice');
    const b = asConsumer('alice');
    await runRequest(s.instance, a);
    await runRequest(s.instance, b);
    finish(s, a);
    finish(s, a);
    finish(s, a);
    // b still holds its slot: only one more fits.
    assert.equal((await runRequest(s.instance, asConsumer('alice'))).error, undefined);
    assert.equal((await runRequest(s.instance, asConsumer('alice'))).error?.status, 429);
  });

  test('status: 503 answers GW_OVERLOADED with the configured Retry-After', async () => {
    const s = setup({ max: 1, key: 'route', status: 503, retry_after_s: 7 });
    await runRequest(s.instance, fakeRequestContext());
    const err = (await runRequest(s.instance, fakeRequestContext({ clientIp: '198.51.100.1' }))).error;
    assert.equal(err?.status, 503);
    assert.equal(err?.code, 'GW_OVERLOADED');
    assert.equal(err?.headers?.['retry-after'], '7');
  });

  test('keys: all, ip (anonymous fallback), on_missing_key: skip', async () => {
    const all = setup({ max: 1, key: 'all' });
    await runRequest(all.instance, fakeRequestContext({ clientIp: '10.0.0.1' }));
    assert.equal(
      (await runRequest(all.instance, fakeRequestContext({ clientIp: '10.0.0.2' }))).error?.status,
      429,
    );

    const byConsumer = setup({ max: 1 });
    await runRequest(byConsumer.instance, fakeRequestContext({ clientIp: '10.0.0.1' }));
    assert.equal(
      (await runRequest(byConsumer.instance, fakeRequestContext({ clientIp: '10.0.0.1' }))).error?.status,
      429,
    );
    assert.equal(
      (await runRequest(byConsumer.instance, fakeRequestContext({ clientIp: '10.0.0.2' }))).error,
      undefined,
    );

    const open = setup({ max: 1, on_missing_key: 'skip' });
    for (let i = 0; i < 3; i++) {
      const ctx = fakeRequestContext();
      assert.equal((await runRequest(open.instance, ctx)).error, undefined);
      assert.equal(ctx.state['concurrency-limit'], undefined);
    }
  });

  test('a slot never given back frees itself after slot_ttl_s', async () => {
    const clock = { now: 1_700_000_000_000 };
    const s = setup({ max: 1, slot_ttl_s: 30 }, undefined, clock);
    await runRequest(s.instance, asConsumer('alice'));
    assert.equal((await runRequest(s.instance, asConsumer('alice'))).error?.status, 429);
    clock.now += 30_000;
    assert.equal((await runRequest(s.instance, asConsumer('alice'))).error, undefined);
    assert.equal(
      await s.store.count(concurrencyKey('route:uploads', 'c:alice')),
      0,
      'slots are not counters',
    );
  });

  test('asynchronous store: a request that ended while acquire was pending gives the late slot straight back', async () => {
    const inner = testStore({ now: Date.now() });
    const s = setup({ max: 1 }, asyncStore(inner, 20));
    const ctx = asConsumer('alice');
    const pending = s.instance.onRequest!(ctx);
    assert.ok(pending instanceof Promise);
    // The client goes away: the log phase runs before the store answered.
    finish(s, ctx);
    await pending;
    await new Promise((r) => setTimeout(r, 50)); // the release is asynchronous too
    assert.equal(inner.acquire('cl:route:uploads:c:alice', 1, 1000), true, 'the slot was given back');
    inner.release('cl:route:uploads:c:alice');

    const ok = asConsumer('alice');
    await runRequest(s.instance, ok);
    assert.equal((await runRequest(s.instance, asConsumer('alice'))).error?.status, 429);
    finish(s, ok);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal((await runRequest(s.instance, asConsumer('alice'))).error, undefined);
  });

  test('store failures: 503 by default, through with on_store_error: allow; a failed release is only logged', async () => {
    for (const async of [false, true]) {
      const closed = setup({ max: 1 }, failingStore(async));
      const err = (await runRequest(closed.instance, asConsumer('alice'))).error;
      assert.equal(err?.code, 'GW_NOT_READY');
      const open = setup({ max: 1, on_store_error: 'allow' }, failingStore(async));
      assert.equal((await runRequest(open.instance, asConsumer('alice'))).error, undefined);
    }
    // Acquire works, release fails: the log hook must not throw.
    const inner = testStore({ now: Date.now() });
    const flaky: StateStore = Object.assign(Object.create(null), inner, {
      kind: 'local',
      acquire: (k: string, m: number, t: number) => inner.acquire(k, m, t),
      release: () => {
        throw new Error('boom');
      },
      count: (k: string) => inner.count(k),
    });
    const s = setup({ max: 1 }, flaky);
    const ctx = asConsumer('alice');
    await runRequest(s.instance, ctx);
    assert.doesNotThrow(() => finish(s, ctx));
  });

  test('report-only: a full key is a would-deny and the request continues without a slot', async () => {
    const s = setup({ max: 1 });
    await runRequest(s.instance, asConsumer('alice'));
    const ctx = asConsumer('alice');
    const { error, decisions } = await runReportOnly(s.instance, ctx);
    assert.equal(error, null);
    assert.deepEqual(
      decisions.map((d) => [d.action, d.reason]),
      [['would-deny', 'concurrency_limited']],
    );
    finish(s, ctx);
    assert.equal(
      (await runRequest(s.instance, asConsumer('alice'))).error?.status,
      429,
      'the held slot stays held',
    );
  });

  test('needs the state store', () => {
    assert.throws(() => instantiate(policy, {}, fakeDeps()), /needs the state store/);
  });
});
