import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import type { GatewayError } from '../../errors/gateway-error.ts';
import { problemBody } from '../../errors/problem.ts';
import type { PolicyDefinition, PolicyDeps, PolicyInstance, RequestContext } from '../../pipeline/types.ts';
import { StoreUnavailableError } from '../../stores/errors.ts';
import { createLocalStore } from '../../stores/local/index.ts';
import type { StateStore } from '../../stores/types.ts';
import { authenticate, runReportOnly } from '../auth-requirement/test-support.ts';
import {
  applyDefaults,
  type FakeDeps,
  type FakeRequestInit,
  fakeDeps,
  fakeRequestContext,
  runRequest,
  runResponse,
  schemaFixtureSuite,
  toResponseContext,
} from '../testing.ts';
import { ceilSeconds, policyHeader, rateLimitHeader, sfString } from './headers.ts';
import { compileKey, hashKey } from './keys.ts';
import { createRateLimit, policy, type RateLimitInternals } from './policy.ts';

const T0 = 1_700_000_000_000;

/** A fake clock shared by a local store and the policy's wall clock. */
interface Clock {
  t: number;
  now: () => number;
  advance(ms: number): void;
}
function fakeClock(): Clock {
  const c: Clock = {
    t: T0,
    now: () => c.t,
    advance(ms: number) {
      c.t += ms;
    },
  };
  return c;
}

const OPS = new Set([
  'now',
  'gcra',
  'slidingWindow',
  'incr',
  'count',
  'markIfAbsent',
  'markTtl',
  'mark',
  'delete',
  'acquire',
  'release',
]);

/** Control over a wrapped store: fail like an unreachable back end, answer asynchronously, record calls. */
interface StoreControl {
  failing: boolean;
  async: boolean;
  calls: string[];
  keys: string[];
}

/** Wraps a store: every operation is recorded; `failing` makes it throw/reject StoreUnavailableError. */
function controlled(inner: StateStore): { store: StateStore; ctl: StoreControl } {
  const ctl: StoreControl = { failing: false, async: false, calls: [], keys: [] };
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'healthy') return () => !ctl.failing;
      if (prop === 'kind') return ctl.async ? 'redis' : 'local';
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function') return v;
      if (typeof prop === 'string' && OPS.has(prop)) {
        return (...args: unknown[]) => {
          ctl.calls.push(prop);
          if (typeof args[0] === 'string') ctl.keys.push(args[0]);
          if (ctl.failing) {
            const err = new StoreUnavailableError('store down');
            if (ctl.async) return Promise.reject(err);
            throw err;
          }
          const r = (v as (...a: unknown[]) => unknown).apply(target, args);
          return ctl.async ? Promise.resolve(r) : r;
        };
      }
      return (v as (...a: unknown[]) => unknown).bind(target);
    },
  });
  return { store, ctl };
}

interface Setup {
  clock: Clock;
  ctl: StoreControl;
  store: StateStore;
  deps: FakeDeps & { store: StateStore };
  instance: PolicyInstance;
}

function setup(
  config: Record<string, unknown>,
  opts: {
    clock?: Clock;
    mode?: 'enforce' | 'report-only';
    realClock?: boolean;
    internals?: RateLimitInternals;
    scope?: string;
  } = {},
): Setup {
  const clock = opts.clock ?? fakeClock();
  const inner = createLocalStore({ capacity: 1024, clock: opts.realClock ? undefined : clock.now });
  const { store, ctl } = controlled(inner);
  const deps = {
    ...fakeDeps(opts.scope ?? 'rate-limit@route:test-route'),
    store,
    mode: opts.mode ?? 'enforce',
  };
  const internals: RateLimitInternals = { now: opts.realClock ? Date.now : clock.now, ...opts.internals };
  const instance = createRateLimit(applyDefaults(policy, config), deps, internals);
  return { clock, ctl, store, deps, instance };
}

interface Result {
  status: number;
  error: GatewayError | undefined;
  headers: Record<string, string | string[]>;
  ctx: RequestContext;
}

/** One request through onRequest and (when it passed) onResponse. */
async function send(s: Setup, init: FakeRequestInit = {}): Promise<Result> {
  const ctx = fakeRequestContext(init);
  const { error } = await runRequest(s.instance, ctx);
  const res = toResponseContext(ctx, { status: error ? error.status : 200, local: error !== undefined });
  if (error?.headers) for (const [k, v] of Object.entries(error.headers)) res.responseHeaders[k] = v;
  await runResponse(s.instance, res);
  return { status: res.status, error, headers: res.responseHeaders, ctx };
}

async function statuses(s: Setup, n: number, init: FakeRequestInit = {}): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await send(s, init)).status);
  return out;
}

const alice = { consumer: { id: 'alice', groups: [] as string[] } };

/** The fixture suite runs `create` with deps that carry a store (the policy needs one). */
const withStore: PolicyDefinition = {
  ...policy,
  create: (config, deps) =>
    policy.create(config as never, { ...deps, store: createLocalStore({ capacity: 16 }) }),
};
schemaFixtureSuite(withStore, new URL('./fixtures/', import.meta.url));

describe('rate-limit: header fields (draft-ietf-httpapi-ratelimit-headers-11)', () => {
  test('RateLimit-Policy: String items with q and w (seconds, at least 1), burst as a vendor parameter', () => {
    assert.equal(
      policyHeader([{ name: 'default', quota: 100, windowMs: 60_000, burst: 0 }]),
      '"default";q=100;w=60',
    );
    assert.equal(
      policyHeader([
        { name: 'permin', quota: 50, windowMs: 60_000, burst: 0 },
        { name: 'perhr', quota: 1000, windowMs: 3_600_000, burst: 0 },
      ]),
      '"permin";q=50;w=60, "perhr";q=1000;w=3600',
    );
    assert.equal(
      policyHeader([{ name: 'fast', quota: 5, windowMs: 250, burst: 3 }]),
      '"fast";q=5;w=1;gatehouse-burst=3',
    );
  });

  test('RateLimit: r and t (seconds rounded up), Retry-After arithmetic', () => {
    assert.equal(
      rateLimitHeader([{ label: '"default"', remaining: 42, resetMs: 9_500 }]),
      '"default";r=42;t=10',
    );
    assert.equal(
      rateLimitHeader([
        { label: '"a"', remaining: 0, resetMs: 1 },
        { label: '"b"', remaining: 7.9, resetMs: 0 },
      ]),
      '"a";r=0;t=1, "b";r=7;t=0',
    );
    assert.equal(ceilSeconds(1000), 1);
    assert.equal(ceilSeconds(1000.5), 2);
    assert.equal(ceilSeconds(0), 0);
    assert.equal(ceilSeconds(Number.POSITIVE_INFINITY), 999_999_999_999_999);
    assert.equal(sfString('a"b\\c'), '"a\\"b\\\\c"');
    assert.throws(() => sfString('é'), TypeError);
  });
});

describe('rate-limit: GCRA and sliding window', () => {
  test('GCRA: limit passes, then 429 with Retry-After, RateLimit headers and a problem body', async () => {
    const s = setup({ key: 'consumer', limits: [{ limit: 3, period: '1s' }] });
    const first = await send(s, alice);
    assert.equal(first.status, 200);
    assert.equal(first.headers['ratelimit-policy'], '"default";q=3;w=1');
    assert.equal(first.headers.ratelimit, '"default";r=2;t=1');
    assert.deepEqual(await statuses(s, 2, alice), [200, 200]);
    const denied = await send(s, alice);
    assert.equal(denied.status, 429);
    const err = denied.error!;
    assert.equal(err.code, 'GW_RATE_LIMITED');
    assert.equal(err.reason, 'rate_limited');
    assert.equal(err.headers?.['retry-after'], '1');
    assert.equal(err.headers?.ratelimit, '"default";r=0;t=1');
    assert.equal(err.headers?.['ratelimit-policy'], '"default";q=3;w=1');
    const body = JSON.parse(problemBody(err, 'req-1'));
    assert.equal(body.status, 429);
    assert.equal(body.code, 'GW_RATE_LIMITED');
    assert.deepEqual(body['violated-policies'], ['default']);
    assert.equal(body.instance, 'urn:gatehouse:request:req-1');
    s.clock.advance(333);
    assert.equal((await send(s, alice)).status, 429, 'one emission interval is 333.3 ms');
    s.clock.advance(1);
    assert.equal((await send(s, alice)).status, 200);
    assert.deepEqual(denied.ctx.decisions, []);
  });

  test('GCRA burst: limit + burst at once, then the sustained rate', async () => {
    const s = setup({ limits: [{ limit: 2, period: '1s', burst: 3 }] });
    assert.deepEqual(await statuses(s, 6, alice), [200, 200, 200, 200, 200, 429]);
    s.clock.advance(500);
    assert.deepEqual(await statuses(s, 2, alice), [200, 429]);
  });

  test('sliding window: at most limit in a window; the previous window is weighted by its overlap', async () => {
    const s = setup({ limits: [{ algorithm: 'sliding-window', limit: 4, period_ms: 10_000 }] });
    // Start at a window boundary of the store clock.
    s.clock.advance(10_000 - (s.clock.t % 10_000));
    assert.deepEqual(await statuses(s, 5, alice), [200, 200, 200, 200, 429]);
    const denied = await send(s, alice);
    assert.equal(
      denied.error?.headers?.['retry-after'],
      '13',
      'the window is full until 2.5 s into the next one',
    );
    s.clock.advance(10_000); // next window: previous = 4, weight 1 → full
    assert.equal((await send(s, alice)).status, 429);
    s.clock.advance(2_500); // weight 0.75 → 3 counted, one more fits
    assert.deepEqual(await statuses(s, 2, alice), [200, 429]);
    assert.equal(
      (await send(s, alice)).headers['ratelimit-policy'],
      '"default";q=4;w=10',
      'headers on a refusal too',
    );
  });

  test('several limits: all must allow; a refusal by one consumes nothing from the others', async () => {
    const s = setup({
      limits: [
        { name: 'burst', limit: 2, period: '1s' },
        { name: 'minute', algorithm: 'sliding-window', limit: 3, period: '1m' },
      ],
    });
    s.clock.advance(60_000 - (s.clock.t % 60_000));
    assert.deepEqual(await statuses(s, 2, alice), [200, 200]);
    for (let i = 0; i < 20; i++) {
      const r = await send(s, alice);
      assert.equal(r.status, 429);
      assert.deepEqual(r.error?.extensions?.['violated-policies'], ['burst']);
    }
    s.clock.advance(1000);
    const third = await send(s, alice);
    assert.equal(third.status, 200, 'the 20 refusals did not count against "minute"');
    assert.equal(third.headers.ratelimit, '"burst";r=1;t=1, "minute";r=0;t=119');
    assert.equal(third.headers['ratelimit-policy'], '"burst";q=2;w=1, "minute";q=3;w=60');
    const fourth = await send(s, alice);
    assert.equal(fourth.status, 429);
    assert.deepEqual(fourth.error?.extensions?.['violated-policies'], ['minute']);
    assert.ok(Number(fourth.error?.headers?.['retry-after']) > 50);
  });

  test('keys and counters are separate per key', async () => {
    const s = setup({ key: 'consumer', limits: [{ limit: 1, period: '1m' }] });
    assert.equal((await send(s, alice)).status, 200);
    assert.equal((await send(s, alice)).status, 429);
    assert.equal((await send(s, { consumer: { id: 'bob', groups: [] } })).status, 200);
  });

  test('instances count separately unless they share a bucket', async () => {
    const clock = fakeClock();
    const store = createLocalStore({ capacity: 1024, clock: clock.now });
    const make = (scope: string, bucket?: string) =>
      createRateLimit(
        applyDefaults(policy, { limits: [{ limit: 1, period: '1m' }], ...(bucket ? { bucket } : {}) }),
        { ...fakeDeps(scope), store },
        { now: clock.now },
      );
    const a = make('rate-limit@route:a');
    const b = make('rate-limit@route:b');
    assert.equal((await runRequest(a, fakeRequestContext(alice))).error, undefined);
    assert.equal(
      (await runRequest(b, fakeRequestContext(alice))).error,
      undefined,
      'route b counts on its own',
    );
    const c = make('rate-limit@route:c', 'orders');
    const d = make('rate-limit@route:d', 'orders');
    assert.equal((await runRequest(c, fakeRequestContext(alice))).error, undefined);
    assert.equal(
      (await runRequest(d, fakeRequestContext(alice))).error?.status,
      429,
      'same bucket, same counter',
    );
  });
});

describe('rate-limit: keys', () => {
  test('anonymous requests fall back to the client address (default), per address', async () => {
    const s = setup({ key: 'consumer', limits: [{ limit: 2, period: '1m' }] });
    assert.deepEqual(await statuses(s, 3, { clientIp: '198.51.100.1' }), [200, 200, 429]);
    assert.equal((await send(s, { clientIp: '198.51.100.2' })).status, 200);
    assert.equal(
      (await send(s, { ...alice, clientIp: '198.51.100.1' })).status,
      200,
      'alice has her own key',
    );
  });

  test('on_missing_key: shared puts every anonymous request in one bucket; skip does not limit them', async () => {
    const shared = setup({ key: 'consumer', on_missing_key: 'shared', limits: [{ limit: 2, period: '1m' }] });
    assert.equal((await send(shared, { clientIp: '198.51.100.1' })).status, 200);
    assert.equal((await send(shared, { clientIp: '198.51.100.2' })).status, 200);
    assert.equal((await send(shared, { clientIp: '198.51.100.3' })).status, 429);
    const skip = setup({ key: 'consumer', on_missing_key: 'skip', limits: [{ limit: 1, period: '1m' }] });
    assert.deepEqual(await statuses(skip, 5), [200, 200, 200, 200, 200]);
    const none = await send(skip);
    assert.equal(none.headers.ratelimit, undefined, 'no headers for an unlimited request');
    assert.deepEqual(await statuses(skip, 2, alice), [200, 429]);
  });

  test('ip: IPv6 clients are counted per /64 by default; IPv4-mapped addresses as IPv4', async () => {
    const s = setup({ key: 'ip', limits: [{ limit: 2, period: '1m' }] });
    assert.equal((await send(s, { clientIp: '2001:db8:1:2::1' })).status, 200);
    assert.equal((await send(s, { clientIp: '2001:db8:1:2:ffff::9' })).status, 200);
    assert.equal((await send(s, { clientIp: '2001:db8:1:2::abcd' })).status, 429);
    assert.equal((await send(s, { clientIp: '2001:db8:1:3::1' })).status, 200);
    assert.equal((await send(s, { clientIp: '::ffff:192.0.2.1' })).status, 200);
    assert.equal((await send(s, { clientIp: '192.0.2.1' })).status, 200);
    assert.equal((await send(s, { clientIp: '192.0.2.1' })).status, 429);
  });

  test('header, claim, credential, route, service and a combined key', () => {
    const ctx = fakeRequestContext({
      headers: { 'X-Client': 'c-1', 'x-multi': ['a', 'b'] },
      route: { name: 'orders', service: 'shop' },
    });
    authenticate(ctx, { method: 'jwt-auth', credentialId: 'kid-1', claims: { org: { id: 'acme' }, n: 7 } });
    const m = (spec: string | string[]) => compileKey(spec, { ipv6Prefix: 64 }).material(ctx);
    assert.equal(m('header:X-Client'), 'header:X-Client=c-1');
    assert.equal(m('header:x-multi'), 'header:x-multi=a, b');
    assert.equal(m('header:x-absent'), undefined);
    assert.equal(m('claim:org.id'), 'claim:org.id=acme');
    assert.equal(m('claim:n'), 'claim:n=7');
    assert.equal(m('claim:org'), undefined, 'an object is not a key');
    assert.equal(m('claim:missing'), undefined);
    assert.equal(m('credential'), 'credential=jwt-auth\0kid-1');
    assert.equal(m('route'), 'route=orders');
    assert.equal(m('service'), 'service=shop');
    assert.equal(m('ip'), 'ip=203.0.113.10');
    assert.equal(m(['route', 'header:x-client']), 'route=orders\0header:x-client=c-1');
    assert.equal(m(['route', 'consumer']), undefined, 'one missing component: no key');
    const noService = { ...ctx, route: { name: 'r', service: undefined, upstream: undefined } };
    assert.equal(compileKey('service', { ipv6Prefix: 64 }).material(noService), undefined);
  });

  test('cel: the value of the expression is the key; an evaluation error means no key', () => {
    const key = compileKey("cel:request.headers['x-tenant'] + '/' + request.method", { ipv6Prefix: 64 });
    assert.equal(key.material(fakeRequestContext({ headers: { 'x-tenant': 'acme' } })), 'cel=acme/GET');
    assert.equal(key.material(fakeRequestContext()), undefined, 'missing header');
    const n = compileKey('cel:size(request.path)', { ipv6Prefix: 64 });
    assert.equal(n.material(fakeRequestContext({ path: '/abc' })), 'cel=4');
    assert.throws(() => compileKey('cel:request.method ==', { ipv6Prefix: 64 }), /key cel: 1:\d+:/);
    assert.throws(() => compileKey("cel:request.path.matches('a+')", { ipv6Prefix: 64 }), /matches/);
    assert.throws(() => compileKey(['ip', 'ip'], { ipv6Prefix: 64 }), /twice/);
  });

  test('key material never reaches the store: only a 22-character hash', async () => {
    const s = setup({ key: 'header:x-api-user', limits: [{ limit: 5, period: '1m' }], ban: {} });
    await send(s, { headers: { 'x-api-user': 'alice@example.com' } });
    assert.ok(s.ctl.keys.length > 0);
    for (const k of s.ctl.keys) {
      assert.doesNotMatch(k, /alice|example/);
      assert.match(k, /^rl:[A-Za-z0-9_-]{11}:[!A-Za-z0-9_.-]+:[A-Za-z0-9_-]{22}$/);
    }
    assert.equal(hashKey('x').length, 22);
  });

  test('hashKey: the cached hash equals the SHA-256 prefix, for short and long materials, past the cache size', () => {
    const ref = (m: string) => createHash('sha256').update(m).digest('base64url').slice(0, 22);
    const long = `consumer=${'x'.repeat(300)}`;
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5000; i++) {
        const m = `consumer=user-${i}`;
        if (i % 97 === 0) assert.equal(hashKey(m), ref(m), m);
        else hashKey(m);
      }
      assert.equal(hashKey(long), ref(long));
      assert.equal(hashKey('consumer=é'), ref('consumer=é'));
    }
    assert.notEqual(hashKey('consumer=a'), hashKey('consumer=b'));
  });
});

describe('rate-limit: plans', () => {
  const config = {
    key: 'consumer',
    limits: [{ limit: 1, period: '1m' }],
    plans: [
      { name: 'silver', groups: ['silver', 'shared'], limits: [{ limit: 2, period: '1m' }] },
      { name: 'gold', groups: ['gold', 'shared'], limits: [{ name: 'gold', limit: 3, period: '1m' }] },
      { name: 'vip', consumers: ['vip'], limits: [{ limit: 4, period: '1m' }] },
      { name: 'internal', consumers: ['batch'], limits: [] },
    ],
  };
  const as = (id: string, groups: string[] = []) => ({ consumer: { id, groups } });

  test('a consumer id wins, then the first plan (in order) with one of the groups, else the limits', async () => {
    const s = setup(config);
    assert.deepEqual(await statuses(s, 2, as('plain')), [200, 429]);
    assert.deepEqual(await statuses(s, 3, as('s1', ['silver'])), [200, 200, 429]);
    assert.deepEqual(await statuses(s, 4, as('g1', ['gold'])), [200, 200, 200, 429]);
    assert.deepEqual(
      await statuses(s, 3, as('both', ['gold', 'shared'])),
      [200, 200, 429],
      'silver comes first',
    );
    assert.deepEqual(await statuses(s, 5, as('vip', ['silver'])), [200, 200, 200, 200, 429]);
    const gold = await send(s, as('g2', ['gold']));
    assert.equal(gold.headers['ratelimit-policy'], '"gold";q=3;w=60');
  });

  test('a plan with no limits leaves its consumers unlimited (and without headers)', async () => {
    const s = setup(config);
    assert.deepEqual(await statuses(s, 10, as('batch')), new Array(10).fill(200));
    assert.equal((await send(s, as('batch'))).headers['ratelimit-policy'], undefined);
    assert.deepEqual(s.ctl.calls, []);
  });
});

describe('rate-limit: graduated responses', () => {
  test('warn_at: a rate_limit_warning decision and event (once per key per 10 s), no refusal', async () => {
    const s = setup({ limits: [{ limit: 10, period: '1m' }], warn_at: 0.8 });
    for (let i = 0; i < 7; i++) assert.equal((await send(s, alice)).ctx.decisions.length, 0);
    const eighth = await send(s, alice);
    assert.equal(eighth.status, 200);
    assert.deepEqual(eighth.ctx.decisions, [
      { policy: 'rate-limit', action: 'tag', reason: 'rate_limit_warning' },
    ]);
    const ninth = await send(s, alice);
    assert.equal(ninth.ctx.decisions[0]?.reason, 'rate_limit_warning');
    const warnings = s.deps.events.filter((e) => e.type === 'rate_limit_warning');
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]?.fields['gatehouse.rate_limit.limit'], 'default');
    assert.equal(warnings[0]?.fields['gatehouse.rate_limit.remaining'], 2);
    s.clock.advance(10_000);
    await send(s, alice);
    assert.equal(s.deps.events.filter((e) => e.type === 'rate_limit_warning').length, 2);
  });

  test('throttle: a short wait is a delay instead of a refusal; a full queue is refused', async () => {
    const s = setup(
      { limits: [{ limit: 2, period_ms: 200 }], throttle: { max_delay_ms: 400, max_queued: 1 } },
      { realClock: true },
    );
    assert.deepEqual(await statuses(s, 2, alice), [200, 200]);
    const start = performance.now();
    const [a, b] = await Promise.all([send(s, alice), send(s, alice)]);
    const took = performance.now() - start;
    assert.equal(a.status, 200, 'delayed about 100 ms, then allowed');
    assert.deepEqual(a.ctx.decisions, [
      { policy: 'rate-limit', action: 'tag', reason: 'rate_limit_delayed' },
    ]);
    assert.equal(b.status, 429, 'the queue holds one request');
    assert.ok(took >= 90, `took ${took} ms`);
  });

  test('throttle: a wait longer than max_delay_ms is refused at once', async () => {
    const s = setup(
      { limits: [{ limit: 1, period: '1s' }], throttle: { max_delay_ms: 400, max_queued: 10 } },
      { realClock: true },
    );
    assert.equal((await send(s, alice)).status, 200);
    const t = performance.now();
    const r = await send(s, alice);
    assert.equal(r.status, 429);
    assert.equal(r.error?.headers?.['retry-after'], '1');
    assert.deepEqual(r.ctx.decisions, []);
    assert.ok(performance.now() - t < 300, 'not delayed');
  });

  test('throttle: a client that goes away while delayed is refused and frees its slot', async () => {
    const s = setup(
      { limits: [{ limit: 1, period: '1s' }], throttle: { max_delay_ms: 5000, max_queued: 1 } },
      {
        realClock: true,
      },
    );
    assert.equal((await send(s, alice)).status, 200);
    const ac = new AbortController();
    const pending = send(s, { ...alice, signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    const t = performance.now();
    assert.equal((await pending).status, 429);
    assert.ok(performance.now() - t < 500);
  });

  test('ban: repeated refusals ban the key with escalating duration; banned requests skip the limiter', async () => {
    const s = setup({
      limits: [{ limit: 1, period: '1s' }],
      ban: { after_violations: 3, within_s: 60, base_s: 10, max_s: 40, decay_s: 1000 },
    });
    const expected = [10, 20, 40, 40];
    for (const [n, seconds] of expected.entries()) {
      assert.equal((await send(s, alice)).status, 200, `round ${n}`);
      assert.equal((await send(s, alice)).error?.reason, 'rate_limited');
      assert.equal((await send(s, alice)).error?.reason, 'rate_limited');
      const third = await send(s, alice);
      assert.equal(third.error?.reason, 'rate_limit_banned', 'the third violation places the ban');
      assert.equal(third.error?.headers?.['retry-after'], String(seconds));
      s.ctl.calls.length = 0;
      const during = await send(s, alice);
      assert.equal(during.status, 429);
      assert.equal(during.error?.reason, 'rate_limit_banned');
      assert.deepEqual(s.ctl.calls, [], 'answered from the worker ban cache');
      s.clock.advance(1000);
      s.ctl.calls.length = 0;
      assert.equal((await send(s, alice)).error?.reason, 'rate_limit_banned');
      assert.deepEqual(s.ctl.calls, ['markTtl'], 'the store says banned; the limiter is not touched');
      assert.equal((await send(s, alice)).error?.headers?.['retry-after'], String(seconds - 1));
      s.clock.advance(seconds * 1000);
    }
    const bansPlaced = s.deps.events.filter((e) => e.type === 'rate_limit_ban');
    assert.deepEqual(
      bansPlaced.map((e) => [e.fields['gatehouse.ban.level'], e.fields['gatehouse.ban.duration_s']]),
      [
        [1, 10],
        [2, 20],
        [3, 40],
        [4, 40],
      ],
    );
    assert.equal((await send(s, { consumer: { id: 'bob', groups: [] } })).status, 200, 'bob is not banned');
  });

  test('ban decay: the level expires decay_s after the first ban; violations outside within_s do not add up', async () => {
    const s = setup({
      limits: [{ limit: 1, period: '1m' }],
      ban: { after_violations: 2, within_s: 10, base_s: 5, max_s: 100, decay_s: 60 },
    });
    await send(s, alice);
    await send(s, alice); // violation 1
    s.clock.advance(10_000);
    assert.equal(
      (await send(s, alice)).error?.reason,
      'rate_limited',
      'violation 1 expired: this is a new 1',
    );
    assert.equal((await send(s, alice)).error?.headers?.['retry-after'], '5', 'level 1');
    s.clock.advance(5000);
    await send(s, alice);
    assert.equal((await send(s, alice)).error?.headers?.['retry-after'], '10', 'level 2');
    s.clock.advance(60_000);
    assert.equal((await send(s, alice)).status, 200, 'one request per minute is allowed again');
    assert.equal((await send(s, alice)).error?.reason, 'rate_limited');
    assert.equal((await send(s, alice)).error?.headers?.['retry-after'], '5', 'decayed back to level 1');
  });

  test('report-only: refusals are would-deny decisions, requests are never delayed, no headers', async () => {
    const s = setup(
      { limits: [{ limit: 1, period: '1m' }], throttle: { max_delay_ms: 30_000 } },
      { mode: 'report-only' },
    );
    assert.equal((await send(s, alice)).headers.ratelimit, undefined);
    const t = performance.now();
    const { error, decisions } = await runReportOnly(s.instance, fakeRequestContext(alice), 'rate-limit');
    assert.ok(performance.now() - t < 500, 'not delayed');
    assert.equal(error, null);
    assert.deepEqual(decisions, [
      { policy: 'rate-limit', action: 'would-deny', reason: 'rate_limited', status: 429 },
    ]);
  });
});

describe('rate-limit: state store failures', () => {
  for (const asyncStore of [false, true]) {
    const kind = asyncStore ? 'async' : 'sync';

    test(`fail-closed (${kind}): 503 store_unavailable, one event and log per outage, recovery`, async () => {
      const s = setup({ limits: [{ limit: 5, period: '1m' }] });
      s.ctl.async = asyncStore;
      assert.equal((await send(s, alice)).status, 200);
      s.ctl.failing = true;
      const r = await send(s, alice);
      assert.equal(r.status, 503);
      assert.equal(r.error?.code, 'GW_NOT_READY');
      assert.equal(r.error?.reason, 'store_unavailable');
      assert.equal(r.error?.headers?.['retry-after'], '1');
      assert.deepEqual(r.ctx.decisions, [
        { policy: 'rate-limit', action: 'tag', reason: 'store_unavailable' },
      ]);
      assert.equal((await send(s, alice)).status, 503);
      assert.equal(s.deps.events.filter((e) => e.type === 'rate_limit_store_unavailable').length, 1);
      s.ctl.failing = false;
      const back = await send(s, alice);
      assert.equal(back.status, 200);
      assert.equal(back.headers.ratelimit, '"default";r=3;t=24', 'the store kept its count');
      assert.equal(s.deps.events.filter((e) => e.type === 'rate_limit_store_recovered').length, 1);
    });

    test(`fail-open (${kind}): requests pass, tagged store_unavailable, policy header only`, async () => {
      const s = setup({ limits: [{ limit: 1, period: '1m' }], on_store_error: 'fail-open' });
      s.ctl.async = asyncStore;
      s.ctl.failing = true;
      for (let i = 0; i < 3; i++) {
        const r = await send(s, alice);
        assert.equal(r.status, 200);
        assert.equal(r.ctx.decisions[0]?.reason, 'store_unavailable');
        assert.equal(r.headers['ratelimit-policy'], '"default";q=1;w=60');
        assert.equal(r.headers.ratelimit, undefined);
      }
      s.ctl.failing = false;
      assert.deepEqual(await statuses(s, 2, alice), [200, 429]);
    });

    test(`local-fallback (${kind}): limits scaled to the node's share in a local table, then back`, async () => {
      const clock = fakeClock();
      const fallbackStore = createLocalStore({ capacity: 64, clock: clock.now });
      const s = setup(
        {
          limits: [{ limit: 10, period: '1m' }],
          on_store_error: 'local-fallback',
          expected_nodes: 3,
          ban: { after_violations: 100 },
        },
        { clock, internals: { fallbackStore } },
      );
      s.ctl.async = asyncStore;
      assert.deepEqual(await statuses(s, 2, alice), [200, 200]);
      s.ctl.failing = true;
      const results = [];
      for (let i = 0; i < 5; i++) results.push(await send(s, alice));
      assert.deepEqual(
        results.map((r) => r.status),
        [200, 200, 200, 429, 429],
        'floor(10 / 3) = 3 in the fallback table',
      );
      assert.equal(results[0]?.headers['ratelimit-policy'], '"default";q=3;w=60');
      assert.equal(results[0]?.ctx.decisions[0]?.reason, 'store_unavailable');
      assert.equal(results[3]?.error?.reason, 'rate_limited');
      s.ctl.failing = false;
      const back = await send(s, alice);
      assert.equal(back.status, 200);
      assert.equal(back.headers.ratelimit, '"default";r=7;t=18', 'the store again, with its own count');
    });
  }

  test('while the store reports itself unhealthy, only one request per 250 ms probes it', async () => {
    const s = setup({ limits: [{ limit: 100, period: '1m' }], on_store_error: 'fail-open' });
    s.ctl.async = true;
    s.ctl.failing = true;
    for (let i = 0; i < 10; i++) await send(s, alice);
    assert.equal(s.ctl.calls.length, 1, 'the first failure, then skipped');
    s.clock.advance(250);
    for (let i = 0; i < 10; i++) await send(s, alice);
    assert.equal(s.ctl.calls.length, 2, 'one probe');
    s.ctl.failing = false;
    for (let i = 0; i < 3; i++) assert.equal((await send(s, alice)).ctx.decisions.length, 0);
    assert.equal(s.ctl.calls.length, 5, 'healthy again: every request decides on the store');
  });

  test('a fallback table that fails too (full) fails closed', async () => {
    const full = createLocalStore({ capacity: 16, maxProbe: 1 });
    const s = setup(
      { limits: [{ limit: 10, period: '1m' }], on_store_error: 'local-fallback' },
      {
        internals: { fallbackStore: full },
      },
    );
    s.ctl.failing = true;
    const codes = new Set<string | undefined>();
    for (let i = 0; i < 40; i++)
      codes.add((await send(s, { consumer: { id: `c${i}`, groups: [] } })).error?.code);
    assert.ok(codes.has('GW_NOT_READY'), 'some key found no slot');
    assert.ok(codes.has(undefined), 'others were limited locally');
  });
});

describe('rate-limit: instance and options', () => {
  test('a synchronous store keeps the request hook synchronous', () => {
    const s = setup({
      limits: [
        { limit: 1, period: '1m' },
        { limit: 5, period: '1h' },
      ],
      ban: {},
      warn_at: 0.5,
    });
    assert.equal(s.instance.onRequest?.(fakeRequestContext(alice)), undefined);
    assert.throws(() => s.instance.onRequest?.(fakeRequestContext(alice)), { code: 'GW_RATE_LIMITED' });
  });

  test('create() refuses what cannot work; the instance is frozen', () => {
    const deps = { ...fakeDeps(), store: createLocalStore({ capacity: 16 }) };
    const make = (c: Record<string, unknown>) => createRateLimit(applyDefaults(policy, c), deps);
    assert.throws(
      () => policy.create(applyDefaults(policy, {}), fakeDeps() as PolicyDeps),
      /needs the state store/,
    );
    assert.throws(() => make({ limits: [{ algorithm: 'sliding-window', limit: 1, burst: 2 }] }), /gcra only/);
    assert.throws(
      () =>
        make({
          limits: [
            { name: 'a', limit: 1 },
            { name: 'a', limit: 2, period: '1h' },
          ],
        }),
      /duplicate/,
    );
    assert.throws(
      () =>
        make({
          limits: [
            { limit: 10, period: '1h' },
            { limit: 10, period: '1h' },
          ],
        }),
      /duplicate/,
    );
    assert.throws(() => make({ limits: [{ limit: 1_000_000_000, period: '1s' }] }), /100 requests per ms/);
    assert.throws(() => make({ ban: { base_s: 100, max_s: 10 } }), /max_s/);
    assert.throws(() => make({ plans: [{ limits: [] }] }), /no consumer and no group/);
    assert.throws(() => make({ key: 'cel:request.nope' }), /key cel/);
    const instance = make({});
    assert.ok(Object.isFrozen(instance));
    assert.deepEqual(Object.keys(instance), ['onRequest', 'onResponse', 'close']);
  });

  test('default names: "default" for one limit, "<limit>-per-<period>" for several', async () => {
    const s = setup({
      limits: [
        { limit: 5, period: '1s' },
        { limit: 100, period_ms: 90_000 },
      ],
    });
    assert.equal(
      (await send(s, alice)).headers['ratelimit-policy'],
      '"5-per-1s";q=5;w=1, "100-per-90000ms";q=100;w=90',
    );
  });
});
