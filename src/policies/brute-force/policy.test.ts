import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { recordFailure } from '../../identity/consumer.ts';
import type { MaybePromise, PolicyDefinition, PolicyDeps, PolicyInstance } from '../../pipeline/types.ts';
import { StoreUnavailableError } from '../../stores/errors.ts';
import type { GcraResult, StateStore, WindowResult } from '../../stores/types.ts';
import { runReportOnly } from '../auth-requirement/test-support.ts';
import {
  type FakeDeps,
  fakeDeps,
  fakeRequestContext,
  instantiate,
  runRequest,
  schemaFixtureSuite,
  toResponseContext,
} from '../testing.ts';
import { credentialGate, GATE_STATE_KEY } from './gate.ts';
import { clientKey, policy } from './policy.ts';

/**
 * An in-memory state store with an injected clock, for the operations brute-force uses (counters
 * with a fixed TTL from creation, marks that only extend). `async` makes every answer a promise;
 * `failing` makes every operation fail like an unreachable back end.
 */
class FakeStore implements StateStore {
  readonly kind = 'local' as const;
  clock = 1_700_000_000_000;
  async = false;
  failing = false;
  readonly counters = new Map<string, { value: number; expires: number }>();
  readonly marks = new Map<string, number>();

  #answer<T>(fn: () => T): MaybePromise<T> {
    if (this.failing) {
      const err = new StoreUnavailableError('store down');
      if (this.async) return Promise.reject(err);
      throw err;
    }
    const v = fn();
    return this.async ? Promise.resolve(v) : v;
  }
  advance(ms: number): void {
    this.clock += ms;
  }
  now(): MaybePromise<number> {
    return this.#answer(() => this.clock);
  }
  incr(key: string, by: number, ttlMs: number): MaybePromise<number> {
    return this.#answer(() => {
      const c = this.counters.get(key);
      if (c === undefined || c.expires <= this.clock) {
        this.counters.set(key, { value: by, expires: this.clock + ttlMs });
        return by;
      }
      c.value += by;
      return c.value;
    });
  }
  count(key: string): MaybePromise<number> {
    return this.#answer(() => {
      const c = this.counters.get(key);
      return c === undefined || c.expires <= this.clock ? 0 : c.value;
    });
  }
  markIfAbsent(key: string, ttlMs: number): MaybePromise<boolean> {
    return this.#answer(() => {
      const m = this.marks.get(key);
      if (m !== undefined && m > this.clock) return false;
      this.marks.set(key, this.clock + ttlMs);
      return true;
    });
  }
  markTtl(key: string): MaybePromise<number> {
    return this.#answer(() => Math.max(0, (this.marks.get(key) ?? 0) - this.clock));
  }
  mark(key: string, ttlMs: number): MaybePromise<void> {
    return this.#answer(() => {
      this.marks.set(key, Math.max(this.marks.get(key) ?? 0, this.clock + ttlMs));
    });
  }
  delete(key: string): MaybePromise<void> {
    return this.#answer(() => {
      this.counters.delete(key);
      this.marks.delete(key);
    });
  }
  gcra(): MaybePromise<GcraResult> {
    throw new Error('FakeStore: gcra is not used by brute-force');
  }
  slidingWindow(): MaybePromise<WindowResult> {
    throw new Error('FakeStore: slidingWindow is not used by brute-force');
  }
  acquire(): MaybePromise<boolean> {
    throw new Error('FakeStore: acquire is not used by brute-force');
  }
  release(): MaybePromise<void> {
    throw new Error('FakeStore: release is not used by brute-force');
  }
  publish(): MaybePromise<void> {
    throw new Error('FakeStore: publish is not used by brute-force');
  }
  subscribe(): () => void {
    throw new Error('FakeStore: subscribe is not used by brute-force');
  }
  healthy(): boolean {
    return !this.failing;
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The fixture suite runs `create` with deps that carry a store (the policy needs one). */
const withStore: PolicyDefinition = {
  ...policy,
  create: (config, deps) => policy.create(config as never, { ...deps, store: new FakeStore() }),
};
schemaFixtureSuite(withStore, new URL('./fixtures/', import.meta.url));

interface Setup {
  store: FakeStore;
  deps: FakeDeps & { store: StateStore };
  instance: PolicyInstance;
}

function setup(config: Record<string, unknown> = {}, store = new FakeStore()): Setup {
  const deps = { ...fakeDeps('brute-force@route:test-route'), store };
  return { store, deps, instance: instantiate(policy, config, deps) };
}

/** One request answered 401 after the given failures, counted in the response phase. */
async function failedAuth(
  s: Setup,
  ip: string,
  failures: Array<[method: string, reason: string, credentialId?: string]> = [['key-auth', 'unknown', 'k_1']],
  opts: { status?: number; local?: boolean } = {},
): Promise<void> {
  const ctx = fakeRequestContext({ clientIp: ip });
  for (const [method, reason, credentialId] of failures) recordFailure(ctx, { method, reason, credentialId });
  const res = toResponseContext(ctx, { status: opts.status ?? 401, local: opts.local ?? true });
  await s.instance.onResponse?.(res);
}

async function check(s: Setup, ip: string) {
  return runRequest(s.instance, fakeRequestContext({ clientIp: ip }));
}

const SECOND = 1000;

describe('brute-force: client addresses', () => {
  test('max_failures within the window blocks the address with 429 + Retry-After, then it expires', async () => {
    const s = setup({ max_failures: 3 });
    for (let i = 0; i < 2; i++) await failedAuth(s, '198.51.100.1', [['key-auth', 'unknown', `k_${i}`]]);
    assert.equal((await check(s, '198.51.100.1')).error, undefined, 'below the threshold');
    await failedAuth(s, '198.51.100.1', [['jwt-auth', 'bad_signature', undefined]]);
    const { error } = await check(s, '198.51.100.1');
    assert.equal(error?.code, 'GW_RATE_LIMITED');
    assert.equal(error?.status, 429);
    assert.equal(error?.reason, 'auth_blocked');
    assert.equal(error?.headers?.['retry-after'], '60');
    assert.equal(error?.detail, undefined);
    assert.equal((await check(s, '198.51.100.2')).error, undefined, 'other addresses are not affected');
    const started = s.deps.events.find((e) => e.type === 'auth_block_started');
    assert.equal(started?.fields['event.reason'], 'too_many_failures');
    assert.equal(started?.fields['gatehouse.block.duration_s'], 60);
    const blocked = s.deps.events.find((e) => e.type === 'auth_blocked');
    assert.equal(blocked?.fields['client.ip'], '198.51.100.1');
    assert.equal(blocked?.fields['gatehouse.retry_after_s'], 60);

    s.store.advance(59 * SECOND);
    assert.equal((await check(s, '198.51.100.1')).error?.headers?.['retry-after'], '1');
    s.store.advance(SECOND);
    assert.equal((await check(s, '198.51.100.1')).error, undefined, 'block over');
  });

  test('failures outside the window do not add up', async () => {
    const s = setup({ max_failures: 3, window_s: 60 });
    await failedAuth(s, '198.51.100.1');
    await failedAuth(s, '198.51.100.1');
    s.store.advance(60 * SECOND);
    await failedAuth(s, '198.51.100.1');
    await failedAuth(s, '198.51.100.1');
    assert.equal((await check(s, '198.51.100.1')).error, undefined);
  });

  test('exponential back-off: each repeated block doubles, up to max_block_s', async () => {
    const s = setup({ max_failures: 2, base_block_s: 60, max_block_s: 300, max_distinct_credentials: 0 });
    const expected = [60, 120, 240, 300, 300];
    for (const seconds of expected) {
      await failedAuth(s, '203.0.113.5');
      await failedAuth(s, '203.0.113.5');
      assert.equal((await check(s, '203.0.113.5')).error?.headers?.['retry-after'], String(seconds));
      s.store.advance(seconds * SECOND);
      assert.equal((await check(s, '203.0.113.5')).error, undefined);
    }
    const levels = s.deps.events
      .filter((e) => e.type === 'auth_block_started' && e.fields['gatehouse.block.subject'] === 'ip')
      .map((e) => e.fields['gatehouse.block.level']);
    assert.deepEqual(levels, [1, 2, 3, 4, 5]);
  });

  test('decay: the doubling level expires decay_s after the first block of a series', async () => {
    const s = setup({
      max_failures: 1,
      base_block_s: 10,
      max_block_s: 1000,
      decay_s: 100,
      max_distinct_credentials: 0,
    });
    await failedAuth(s, '203.0.113.6');
    assert.equal((await check(s, '203.0.113.6')).error?.headers?.['retry-after'], '10');
    s.store.advance(10 * SECOND);
    await failedAuth(s, '203.0.113.6');
    assert.equal((await check(s, '203.0.113.6')).error?.headers?.['retry-after'], '20');
    s.store.advance(90 * SECOND); // 100 s after the first block: the level is gone
    await failedAuth(s, '203.0.113.6');
    assert.equal((await check(s, '203.0.113.6')).error?.headers?.['retry-after'], '10');
  });

  test('IPv6 clients are counted per /64 (configurable); IPv4-mapped IPv6 counts as IPv4', async () => {
    const s = setup({ max_failures: 2 });
    await failedAuth(s, '2001:db8:1:2::1');
    await failedAuth(s, '2001:db8:1:2:ffff::9');
    assert.equal((await check(s, '2001:db8:1:2::abcd')).error?.status, 429);
    assert.equal((await check(s, '2001:db8:1:3::1')).error, undefined);
    await failedAuth(s, '::ffff:192.0.2.1');
    await failedAuth(s, '192.0.2.1');
    assert.equal((await check(s, '192.0.2.1')).error?.status, 429);

    assert.equal(clientKey('2001:db8:1:2:3:4:5:6', 64), '20010db800010002/64');
    assert.equal(clientKey('2001:db8:1:2:3:4:5:ff06', 60), '20010db800010000/60');
    assert.equal(clientKey('2001:db8:1:2f:3:4:5:6', 60), '20010db800010020/60');
    assert.equal(clientKey('2001:DB8::1', 128), '2001:db8::1');
    assert.equal(clientKey('::ffff:10.0.0.1', 64), '10.0.0.1');
    assert.equal(clientKey('not an ip', 64), 'invalid');
  });

  test('only credential failures on 401 answers count', async () => {
    const s = setup({ max_failures: 1, max_distinct_credentials: 0 });
    const ip = '198.51.100.7';
    await failedAuth(s, ip, [['key-auth', 'missing']]);
    await failedAuth(s, ip, [['key-auth', 'store_unavailable']]);
    await failedAuth(s, ip, [['acl', 'no_consumer']]);
    await failedAuth(s, ip, [['auth-requirement', 'no_valid_credentials']]);
    await failedAuth(s, ip, [['key-auth', 'unknown', 'k']], { status: 200 }); // another method succeeded
    await failedAuth(s, ip, [['key-auth', 'unknown', 'k']], { status: 403 });
    await failedAuth(s, ip, [], { status: 401, local: false }); // upstream 401, not counted by default
    assert.equal((await check(s, ip)).error, undefined);
    assert.equal(s.store.counters.size, 0, 'nothing was even written');
  });

  test('count_upstream_401: an upstream 401 (a login endpoint) counts for the address', async () => {
    const s = setup({ max_failures: 2, count_upstream_401: true });
    await failedAuth(s, '198.51.100.8', [], { local: false });
    await failedAuth(s, '198.51.100.8', [], { local: false });
    assert.equal((await check(s, '198.51.100.8')).error?.status, 429);
  });

  test('refusal events are throttled per subject', async () => {
    const s = setup({ max_failures: 1 });
    await failedAuth(s, '198.51.100.9');
    for (let i = 0; i < 5; i++) assert.equal((await check(s, '198.51.100.9')).error?.status, 429);
    assert.equal(s.deps.events.filter((e) => e.type === 'auth_blocked').length, 1);
  });
});

describe('brute-force: credentials', () => {
  test('max_failures for one credential id from many addresses blocks that credential (through the gate)', async () => {
    const s = setup({ max_failures: 3, max_failures_per_ip: 100 });
    for (let i = 1; i <= 3; i++) await failedAuth(s, `192.0.2.${i}`, [['key-auth', 'unknown', 'k_victim']]);
    const ctx = fakeRequestContext({ clientIp: '192.0.2.99' });
    assert.equal(
      (await runRequest(s.instance, ctx)).error,
      undefined,
      'the new address itself is not blocked',
    );
    const gate = credentialGate(ctx);
    assert.ok(gate, 'the gate is published in ctx.state');
    assert.equal(ctx.state[GATE_STATE_KEY], gate);
    assert.throws(
      () => gate.check(ctx, 'key-auth', 'k_victim'),
      (e: unknown) =>
        (e as { code?: string }).code === 'GW_RATE_LIMITED' &&
        (e as { reason?: string }).reason === 'credential_blocked' &&
        (e as { headers?: Record<string, string> }).headers?.['retry-after'] === '60',
    );
    assert.equal(gate.check(ctx, 'key-auth', 'k_other'), undefined);
    assert.equal(gate.check(ctx, 'jwt-auth', 'k_victim'), undefined, 'credential ids are per method');
    assert.equal(s.deps.events.at(-1)?.fields['event.reason'], 'credential_blocked');
    assert.equal(credentialGate(fakeRequestContext()), undefined);
  });

  test('credential ids never reach the store keys', async () => {
    const s = setup({ max_failures: 1 });
    await failedAuth(s, '192.0.2.1', [['basic-auth', 'bad_password', 'alice@example.com']]);
    for (const key of [...s.store.counters.keys(), ...s.store.marks.keys()]) {
      assert.doesNotMatch(key, /alice/);
    }
  });

  test('credential stuffing: distinct credential ids failing from one address block it', async () => {
    const s = setup({ max_failures: 5, max_failures_per_ip: 1000, max_distinct_credentials: 4 });
    const ip = '203.0.113.50';
    for (let i = 0; i < 3; i++) await failedAuth(s, ip, [['key-auth', 'unknown', `user${i}`]]);
    // Repeating an id already seen is not a new distinct credential.
    for (let i = 0; i < 3; i++) await failedAuth(s, ip, [['key-auth', 'unknown', 'user0']]);
    assert.equal((await check(s, ip)).error, undefined);
    await failedAuth(s, ip, [['key-auth', 'unknown', 'user3']]);
    assert.equal((await check(s, ip)).error?.reason, 'auth_blocked');
    const started = s.deps.events.find((e) => e.type === 'auth_block_started');
    assert.equal(started?.fields['event.reason'], 'credential_stuffing');
  });
});

describe('brute-force: state store', () => {
  test('a synchronous store keeps the request hook synchronous', () => {
    const s = setup();
    const r = s.instance.onRequest?.(fakeRequestContext());
    assert.equal(r, undefined);
  });

  test('an asynchronous store works the same', async () => {
    const store = new FakeStore();
    store.async = true;
    const s = setup({ max_failures: 2 }, store);
    await failedAuth(s, '198.51.100.1');
    await failedAuth(s, '198.51.100.1');
    const pending = s.instance.onRequest?.(fakeRequestContext({ clientIp: '198.51.100.1' }));
    assert.ok(pending instanceof Promise);
    await assert.rejects(pending, { code: 'GW_RATE_LIMITED' });
    assert.equal((await check(s, '198.51.100.1')).error?.status, 429);
    assert.equal((await check(s, '198.51.100.3')).error, undefined);
  });

  for (const mode of ['sync', 'async'] as const) {
    test(`store failure (${mode}): on_store_error deny answers 503, allow lets through, counting never throws`, async () => {
      const store = new FakeStore();
      store.async = mode === 'async';
      const deny = setup({}, store);
      const allow = setup({ on_store_error: 'allow' }, store);
      store.failing = true;
      const { error } = await check(deny, '198.51.100.1');
      assert.equal(error?.code, 'GW_NOT_READY');
      assert.equal(error?.status, 503);
      assert.equal(error?.reason, 'store_unavailable');
      assert.equal((await check(allow, '198.51.100.1')).error, undefined);
      await failedAuth(deny, '198.51.100.1'); // resolves, does not reject
      const ctx = fakeRequestContext();
      await runRequest(allow.instance, ctx);
      assert.equal(await credentialGate(ctx)?.check(ctx, 'key-auth', 'k'), undefined);
    });
  }

  test('report-only: a blocked address is a would-deny 429 and the request continues', async () => {
    const s = setup({ max_failures: 1 });
    await failedAuth(s, '198.51.100.1');
    const { error, decisions } = await runReportOnly(
      s.instance,
      fakeRequestContext({ clientIp: '198.51.100.1' }),
      'brute-force',
    );
    assert.equal(error, null);
    assert.deepEqual(decisions, [
      { policy: 'brute-force', action: 'would-deny', reason: 'auth_blocked', status: 429 },
    ]);
  });

  test('create() needs a store and a sane block range; the instance is frozen', () => {
    assert.throws(() => policy.create({} as never, fakeDeps() as PolicyDeps), /needs the state store/);
    assert.throws(() => setup({ base_block_s: 600, max_block_s: 60 }), /max_block_s/);
    const { instance } = setup();
    assert.ok(Object.isFrozen(instance));
    assert.deepEqual(Object.keys(instance), ['onRequest', 'onResponse']);
  });
});
