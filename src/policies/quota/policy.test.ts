import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { PolicyDefinition, PolicyDeps, PolicyInstance, RequestContext } from '../../pipeline/types.ts';
import type { StateStore } from '../../stores/types.ts';
import { authenticate, runReportOnly } from '../auth-requirement/test-support.ts';
import {
  fakeDeps,
  fakeRequestContext,
  instantiate,
  runRequest,
  runResponse,
  schemaFixtureSuite,
  toResponseContext,
} from '../testing.ts';
import { restoreQuotaUsage } from './persist.ts';
import { policy, RETAIN_MS, readQuotaUsage } from './policy.ts';
import { consumerSubject, headerSubject, ipSubject } from './subject.ts';
import { asyncStore, failingStore, type TestClock, testStore } from './test-support.ts';

/** The fixture suite creates instances with a (Redis-like) store, so nothing is persisted. */
const withStore: PolicyDefinition = {
  ...policy,
  create: (config, deps) =>
    policy.create(config as never, { ...deps, store: asyncStore(testStore({ now: 0 })) }),
};
schemaFixtureSuite(withStore, new URL('./fixtures/', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-quota-unit-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const NOON = Date.UTC(2026, 10, 28, 12);

interface Setup {
  instance: PolicyInstance;
  store: StateStore;
  clock: TestClock;
}

function setup(
  config: Record<string, unknown>,
  opts: { store?: StateStore; clock?: TestClock; deps?: Partial<PolicyDeps> } = {},
): Setup {
  const clock = opts.clock ?? { now: NOON };
  const store = opts.store ?? testStore(clock);
  const deps = { ...fakeDeps('quota@route:orders'), store, ...opts.deps };
  const instance = instantiate(policy, { persist: false, ...config }, deps);
  return { instance, store, clock };
}

function asConsumer(
  id: string,
  groups: string[] = [],
  init: Parameters<typeof fakeRequestContext>[0] = {},
): RequestContext {
  const ctx = fakeRequestContext(init);
  ctx.consumer = { id, groups };
  return ctx;
}

/** Runs the request and response phases; returns status, headers and the error. */
async function call(s: Setup, ctx: RequestContext) {
  const out = await runRequest(s.instance, ctx);
  const res = toResponseContext(ctx, { status: out.error?.status ?? 200 });
  if (out.error?.headers) Object.assign(res.responseHeaders, out.error.headers);
  await runResponse(s.instance, res);
  return { status: res.status, headers: res.responseHeaders, error: out.error };
}

describe('quota', () => {
  test('counts per consumer; the request over the limit gets 429 quota_exhausted with Retry-After to midnight', async () => {
    const s = setup({ limit: 3 });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await call(s, asConsumer('alice'));
      assert.equal(r.status, 200);
      seen.push(String(r.headers['x-quota-remaining']));
      assert.equal(r.headers['x-quota-limit'], '3');
      assert.equal(r.headers['x-quota-reset'], String(12 * 3600));
    }
    assert.deepEqual(seen, ['2', '1', '0']);
    const over = await call(s, asConsumer('alice'));
    assert.equal(over.status, 429);
    assert.equal(over.error?.code, 'GW_RATE_LIMITED');
    assert.equal(over.error?.reason, 'quota_exhausted');
    assert.equal(over.error?.detail, 'The daily quota is used up.');
    assert.equal(over.headers['retry-after'], String(12 * 3600));
    assert.equal(over.headers['x-quota-remaining'], '0');
    // Another consumer has its own allowance.
    assert.equal((await call(s, asConsumer('bob'))).status, 200);
  });

  test('refused requests are not counted: usage stays at the limit', async () => {
    const s = setup({ limit: 2 });
    for (let i = 0; i < 10; i++) await call(s, asConsumer('alice'));
    const u = await readQuotaUsage(s.store, {
      bucket: 'route:orders',
      subject: consumerSubject('alice'),
      limit: 2,
      at: s.clock.now,
    });
    assert.equal(u.used, 2);
    assert.equal(u.remaining, 0);
    assert.equal(u.period_id, '2026-11-28');
    assert.equal(u.key, 'quota:route:orders:2026-11-28:c:alice');
    assert.equal(u.reset_at, '2026-11-29T00:00:00.000Z');
  });

  test('a new period starts from zero, exactly at midnight in the configured time zone', async () => {
    const clock = { now: Date.UTC(2026, 10, 28, 14, 59, 59) }; // 23:59:59 in Tokyo
    const s = setup({ limit: 1, time_zone: 'Asia/Tokyo' }, { clock });
    assert.equal((await call(s, asConsumer('alice'))).status, 200);
    const over = await call(s, asConsumer('alice'));
    assert.equal(over.status, 429);
    assert.equal(over.headers['retry-after'], '1');
    clock.now += 1000; // 00:00:00 JST
    const next = await call(s, asConsumer('alice'));
    assert.equal(next.status, 200);
    assert.equal(next.headers['x-quota-reset'], String(24 * 3600));
  });

  test('monthly: resets on the first, detail says monthly', async () => {
    const clock = { now: Date.UTC(2026, 10, 30, 23) };
    const s = setup({ limit: 1, period: 'month' }, { clock });
    await call(s, asConsumer('alice'));
    const over = await call(s, asConsumer('alice'));
    assert.equal(over.error?.detail, 'The monthly quota is used up.');
    assert.equal(over.headers['retry-after'], '3600');
    clock.now = Date.UTC(2026, 11, 1);
    assert.equal((await call(s, asConsumer('alice'))).status, 200);
  });

  test('counters expire an hour after their period', async () => {
    const s = setup({ limit: 5 });
    await call(s, asConsumer('alice'));
    const q = { bucket: 'route:orders', subject: consumerSubject('alice'), at: NOON };
    s.clock.now = Date.UTC(2026, 10, 29) + RETAIN_MS - 1;
    assert.equal((await readQuotaUsage(s.store, q)).used, 1, 'still readable just after the period');
    s.clock.now += 1;
    assert.equal((await readQuotaUsage(s.store, q)).used, 0);
  });

  test('group_limits: the largest allowance among the consumer’s listed groups', async () => {
    const s = setup({ limit: 1, group_limits: { gold: 3, silver: 2, banned: 0 } });
    const statuses = async (groups: string[], id: string) => {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) out.push((await call(s, asConsumer(id, groups))).status);
      return out;
    };
    assert.deepEqual(await statuses(['silver', 'gold'], 'g'), [200, 200, 200, 429]);
    assert.deepEqual(await statuses(['silver'], 's'), [200, 200, 429, 429]);
    assert.deepEqual(await statuses(['other'], 'o'), [200, 429, 429, 429]);
    assert.deepEqual(await statuses(['banned'], 'b'), [429, 429, 429, 429]);
  });

  test('keys: anonymous requests count against the client address by default; skip, deny, shared', async () => {
    const s = setup({ limit: 1 });
    assert.equal((await call(s, fakeRequestContext({ clientIp: '2001:db8::1' }))).status, 200);
    // Same /64: same subject.
    assert.equal((await call(s, fakeRequestContext({ clientIp: '2001:db8::2' }))).status, 429);
    assert.equal((await call(s, fakeRequestContext({ clientIp: '2001:db8:0:1::2' }))).status, 200);

    const open = setup({ limit: 1, on_missing_key: 'skip' });
    for (let i = 0; i < 3; i++) assert.equal((await call(open, fakeRequestContext())).status, 200);
    assert.deepEqual(
      (await call(open, fakeRequestContext())).headers['x-quota-limit'],
      undefined,
      'uncounted requests get no quota headers',
    );

    const closed = setup({ limit: 1, on_missing_key: 'deny' });
    const r = await call(closed, fakeRequestContext());
    assert.equal(r.status, 403);
    assert.equal(r.error?.reason, 'no_limit_key');

    const shared = setup({ limit: 1, on_missing_key: 'shared' });
    assert.equal((await call(shared, fakeRequestContext({ clientIp: '10.0.0.1' }))).status, 200);
    assert.equal((await call(shared, fakeRequestContext({ clientIp: '10.0.0.2' }))).status, 429);
    assert.equal((await call(shared, asConsumer('alice'))).status, 200);
  });

  test('key: header:<name> and credential; subjects are digests, never the raw value', async () => {
    const s = setup({ limit: 1, key: 'header:X-Tenant' });
    const t = (v: string) => fakeRequestContext({ headers: { 'x-tenant': v } });
    assert.equal((await call(s, t('acme'))).status, 200);
    assert.equal((await call(s, t('acme'))).status, 429);
    assert.equal((await call(s, t('globex'))).status, 200);
    const u = await readQuotaUsage(s.store, {
      bucket: 'route:orders',
      subject: headerSubject('acme'),
      at: NOON,
    });
    assert.equal(u.used, 1);
    assert.doesNotMatch(u.key, /acme/);

    const c = setup({ limit: 1, key: 'credential' });
    const withKey = (id: string) => {
      const ctx = fakeRequestContext();
      authenticate(ctx, { method: 'key-auth', credentialId: id, consumer: { id: 'alice' } });
      return ctx;
    };
    assert.equal((await call(c, withKey('alice-1'))).status, 200);
    assert.equal((await call(c, withKey('alice-1'))).status, 429);
    assert.equal((await call(c, withKey('alice-2'))).status, 200, 'each credential has its own allowance');
  });

  test('bucket: policies with the same bucket share usage; by default each place counts apart', async () => {
    const clock = { now: NOON };
    const store = testStore(clock);
    const a = setup({ limit: 2, bucket: 'shared' }, { store, clock, deps: { scope: 'quota@route:a' } });
    const b = setup({ limit: 2, bucket: 'shared' }, { store, clock, deps: { scope: 'quota@route:b' } });
    assert.equal((await call(a, asConsumer('alice'))).status, 200);
    assert.equal((await call(b, asConsumer('alice'))).status, 200);
    assert.equal((await call(a, asConsumer('alice'))).status, 429);
    const c = setup({ limit: 2 }, { store, clock, deps: { scope: 'quota@route:c' } });
    assert.equal((await call(c, asConsumer('alice'))).status, 200);
  });

  test('a store answering through promises (Redis) gives the same decisions', async () => {
    const s = setup({ limit: 2 }, { store: asyncStore(testStore({ now: Date.now() })) });
    const r1 = s.instance.onRequest!(asConsumer('alice'));
    assert.ok(r1 instanceof Promise, 'asynchronous with an asynchronous store');
    await r1;
    assert.equal((await call(s, asConsumer('alice'))).status, 200);
    const over = await call(s, asConsumer('alice'));
    assert.equal(over.status, 429);
    assert.equal(over.error?.reason, 'quota_exhausted');
  });

  test('the local store decides synchronously (no promise on the request path)', () => {
    const s = setup({ limit: 1 });
    assert.equal(s.instance.onRequest!(asConsumer('alice')), undefined);
    assert.throws(() => s.instance.onRequest!(asConsumer('alice')), { code: 'GW_RATE_LIMITED' });
  });

  test('store failures fail closed (503) unless on_store_error: allow', async () => {
    for (const async of [false, true]) {
      const closed = setup({ limit: 1 }, { store: failingStore(async) });
      const r = await call(closed, asConsumer('alice'));
      assert.equal(r.status, 503);
      assert.equal(r.error?.code, 'GW_NOT_READY');
      assert.equal(r.headers['retry-after'], '1');
      const open = setup({ limit: 1, on_store_error: 'allow' }, { store: failingStore(async) });
      assert.equal((await call(open, asConsumer('alice'))).status, 200);
    }
  });

  test('report-only: the refusal becomes a would-deny decision and the request continues', async () => {
    const s = setup({ limit: 1 });
    await call(s, asConsumer('alice'));
    const { error, decisions } = await runReportOnly(s.instance, asConsumer('alice'));
    assert.equal(error, null);
    assert.deepEqual(
      decisions.map((d) => [d.action, d.reason, d.status]),
      [['would-deny', 'quota_exhausted', 429]],
    );
  });

  test('headers: false sends no quota headers (and has no response hook)', async () => {
    const s = setup({ limit: 1, headers: false });
    assert.equal(s.instance.onResponse, undefined);
    const r = await call(s, asConsumer('alice'));
    assert.equal(r.headers['x-quota-limit'], undefined);
    const over = await call(s, asConsumer('alice'));
    assert.deepEqual(Object.keys(over.headers), ['retry-after']);
  });

  test('usage survives a restart of a local-store gateway (snapshot at close, restore at start)', async () => {
    const path = join(dir, 'restart', 'quota.json');
    const clock = { now: NOON };
    const first = setup({ limit: 3, persist: true, persist_path: path }, { clock });
    await call(first, asConsumer('alice'));
    await call(first, asConsumer('alice'));
    await first.instance.close?.();

    // A restart: a brand-new (empty) local store, a new policy instance.
    const second = setup({ limit: 3, persist: true, persist_path: path }, { clock });
    assert.equal((await call(second, asConsumer('alice'))).headers['x-quota-remaining'], '0');
    assert.equal((await call(second, asConsumer('alice'))).status, 429);
    await second.instance.close?.();
  });

  test('an instance created and retired without serving (a config check) neither restores nor writes', async () => {
    const path = join(dir, 'dry', 'quota.json');
    const clock = { now: NOON };
    const live = setup({ limit: 3, persist: true, persist_path: path }, { clock });
    await call(live, asConsumer('alice'));
    await live.instance.close?.();
    const written = readFileSync(path, 'utf8');

    // The dry build: its own throwaway store, created and closed at once.
    const dry = setup({ limit: 3, persist: true, persist_path: path }, { clock });
    await dry.instance.close?.();
    assert.equal(readFileSync(path, 'utf8'), written, 'the snapshot is untouched');
    assert.equal(await dry.store.count('quota:route:orders:2026-11-28:c:alice'), 0, 'nothing restored');

    // The real start restores before its first count.
    const real = setup({ limit: 3, persist: true, persist_path: path }, { clock });
    assert.equal((await call(real, asConsumer('alice'))).headers['x-quota-remaining'], '1');
    await real.instance.close?.();
  });

  test('restoreQuotaUsage: a reader gets restored usage before any request was counted', async () => {
    const path = join(dir, 'reader', 'quota.json');
    const clock = { now: NOON };
    const before = setup({ limit: 3, persist: true, persist_path: path }, { clock });
    await call(before, asConsumer('alice'));
    await call(before, asConsumer('alice'));
    await before.instance.close?.();
    const store = testStore(clock);
    const q = { bucket: 'route:orders', subject: consumerSubject('alice'), at: NOON };
    assert.equal((await readQuotaUsage(store, q)).used, 0);
    restoreQuotaUsage(store, path, fakeDeps().logger);
    assert.equal((await readQuotaUsage(store, q)).used, 2);
    // A policy instance starting afterwards does not add them again.
    const after = setup({ limit: 3, persist: true, persist_path: path }, { clock, store });
    assert.equal((await call(after, asConsumer('alice'))).headers['x-quota-remaining'], '0');
    await after.instance.close?.();
  });

  test('bad options are TypeErrors at creation: unknown zone, no store', () => {
    assert.throws(() => setup({ time_zone: 'Mars/Olympus_Mons' }), /unknown time zone/);
    assert.throws(() => instantiate(policy, { persist: false }, fakeDeps()), /needs the state store/);
  });

  test('subjects: consumer ids verbatim when plain, digested otherwise; IPv4-mapped IPv6 is IPv4', () => {
    assert.equal(consumerSubject('alice@example.org'), 'c:alice@example.org');
    assert.match(consumerSubject('a b'), /^c#[A-Za-z0-9_-]{22}$/);
    assert.equal(ipSubject('::ffff:10.0.0.1', 64), 'ip:10.0.0.1');
    assert.equal(ipSubject('2001:db8:1:2:3:4:5:6', 48), 'ip:20010db80001/48');
    assert.equal(ipSubject('2001:db8:1:2:3:4:5:6', 52), 'ip:20010db8000100/52');
    assert.equal(ipSubject('2001:db8::1', 128), 'ip:20010db8000000000000000000000001');
    assert.equal(ipSubject('garbage', 64), 'ip:invalid');
  });
});
