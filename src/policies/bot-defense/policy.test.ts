import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { solvePow } from '../../bot/pow.ts';
import { recordFailure } from '../../identity/consumer.ts';
import type { LogContext, PolicyInstance, RequestContext } from '../../pipeline/types.ts';
import { createLocalStore } from '../../stores/local/store.ts';
import type { StateStore } from '../../stores/types.ts';
import {
  fakeDeps,
  fakeRequestContext,
  instantiate,
  runRequest,
  schemaFixtureSuite,
  toResponseContext,
} from '../testing.ts';
import { policy, SCORE_HEADER } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

const SECRET = 'x'.repeat(32);
const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** Runs onRequest then onUpstream; returns the thrown error, if any. */
async function run(inst: PolicyInstance, ctx: RequestContext) {
  const r = await runRequest(inst, ctx);
  if (r.error) return r.error;
  try {
    await inst.onUpstream?.(ctx);
  } catch (err) {
    return err as import('../../errors/gateway-error.ts').GatewayError;
  }
  return undefined;
}

function asLog(ctx: RequestContext, status: number): LogContext {
  return Object.assign(ctx, {
    status,
    bytesIn: 0,
    bytesOut: 0,
    durationMs: 1,
    upstreamMs: undefined,
    error: undefined,
    target: undefined,
  }) as LogContext;
}

describe('bot-defense policy', () => {
  test('UA scoring by category: scanner blocked, curl tagged, unknown client untouched', async () => {
    const deps = fakeDeps();
    const inst = instantiate(policy, { pow: { secret: SECRET } }, deps);
    const scanner = await run(inst, fakeRequestContext({ headers: { 'user-agent': 'sqlmap/1.7.2' } }));
    assert.equal(scanner?.status, 403);
    assert.equal(scanner?.reason, 'bot_block');
    assert.equal(deps.events.at(-1)?.type, 'bot_block');
    const curl = fakeRequestContext({ headers: { 'user-agent': 'curl/8.5.0' }, clientIp: '198.51.100.2' });
    assert.equal(await run(inst, curl), undefined);
    assert.equal(curl.upstreamHeaders[SCORE_HEADER], '25');
    const app = fakeRequestContext({
      headers: { 'user-agent': 'AcmeApp/1.0', [SCORE_HEADER]: '0' },
      clientIp: '198.51.100.3',
    });
    assert.equal(await run(inst, app), undefined);
    assert.equal(app.upstreamHeaders[SCORE_HEADER], undefined, 'a spoofed score header is removed');
  });

  test('weights are configurable: curl weighted 0 is not tagged; extra user agents count', async () => {
    const inst = instantiate(policy, {
      weights: { tool: 0 },
      extra_user_agents: [{ name: 'acme', kind: 'scanner', match: 'acme-scan' }],
    });
    const curl = fakeRequestContext({ headers: { 'user-agent': 'curl/8.5.0' } });
    assert.equal(await run(inst, curl), undefined);
    assert.equal(curl.upstreamHeaders[SCORE_HEADER], undefined);
    assert.equal(
      (await run(inst, fakeRequestContext({ headers: { 'user-agent': 'acme-scan/2' } })))?.status,
      403,
    );
  });

  test('a fake Chrome (requests-style header set) is challenged; with a solution it passes and earns a pass', async () => {
    const inst = instantiate(policy, {
      pow: { secret: SECRET, difficulty: 6 },
      thresholds: { challenge: 45 },
    });
    const headers = { 'user-agent': CHROME, 'accept-encoding': 'gzip', accept: '*/*' };
    const err = await run(inst, fakeRequestContext({ headers, secure: true }));
    assert.equal(err?.status, 429);
    const challenge = err?.headers?.['x-gatehouse-pow-challenge'];
    assert.ok(challenge);
    const ctx = fakeRequestContext({
      headers: { ...headers, 'x-gatehouse-pow': `${challenge}:${solvePow(challenge, 6)}` },
      secure: true,
    });
    assert.equal(await run(inst, ctx), undefined);
    const res = toResponseContext(ctx);
    inst.onResponse?.(res);
    assert.match(String(res.responseHeaders['x-gatehouse-pass']), /^p1\./);
  });

  test('a pass is bound to the difficulty: one earned on an easier instance (same secret) is refused', async () => {
    const easy = instantiate(policy, {
      pow: { secret: SECRET, difficulty: 4 },
      thresholds: { challenge: 45 },
    });
    const hard = instantiate(policy, {
      pow: { secret: SECRET, difficulty: 12 },
      thresholds: { challenge: 45 },
    });
    const headers = { 'user-agent': CHROME, 'accept-encoding': 'gzip', accept: '*/*' };
    const err = await run(easy, fakeRequestContext({ headers, secure: true }));
    const challenge = String(err?.headers?.['x-gatehouse-pow-challenge']);
    const ctx = fakeRequestContext({
      headers: { ...headers, 'x-gatehouse-pow': `${challenge}:${solvePow(challenge, 4)}` },
      secure: true,
    });
    assert.equal(await run(easy, ctx), undefined);
    const res = toResponseContext(ctx);
    easy.onResponse?.(res);
    const pass = String(res.responseHeaders['x-gatehouse-pass']);
    const withPass = () =>
      fakeRequestContext({ headers: { ...headers, 'x-gatehouse-pass': pass }, secure: true });
    assert.equal(await run(easy, withPass()), undefined);
    assert.equal((await run(hard, withPass()))?.status, 429);
  });

  test('with a state store, a solution is spent once across worker threads (two instances, one store)', async () => {
    const store = createLocalStore({ capacity: 1024 });
    try {
      const config = { pow: { secret: SECRET, difficulty: 6, pass_ttl_s: 0 }, thresholds: { challenge: 45 } };
      const workerA = instantiate(policy, config, { ...fakeDeps(), store });
      const workerB = instantiate(policy, config, { ...fakeDeps(), store });
      const headers = { 'user-agent': CHROME, 'accept-encoding': 'gzip', accept: '*/*' };
      const err = await run(workerA, fakeRequestContext({ headers, secure: true }));
      const challenge = err?.headers?.['x-gatehouse-pow-challenge'];
      assert.ok(challenge);
      const solved = { ...headers, 'x-gatehouse-pow': `${challenge}:${solvePow(challenge, 6)}` };
      assert.equal(await run(workerA, fakeRequestContext({ headers: solved, secure: true })), undefined);
      const depsB = { ...fakeDeps(), store };
      const replayB = instantiate(policy, config, depsB);
      for (const inst of [workerA, workerB, replayB]) {
        const replay = await run(inst, fakeRequestContext({ headers: solved, secure: true }));
        assert.equal(replay?.status, 429, 'the same solution on another worker is refused');
      }
      assert.equal(depsB.events.at(-1)?.fields['event.reason'], 'replayed');
    } finally {
      await store.close();
    }
  });

  test('a failing state store fails closed: the solution is not accepted, a new challenge is issued', async () => {
    // Only the replay mark fails (the credential-stuffing flag lookup answers "not flagged").
    const broken = {
      markIfAbsent: () => Promise.reject(new Error('redis down')),
      markTtl: () => Promise.resolve(0),
    } as unknown as StateStore;
    const inst = instantiate(
      policy,
      { pow: { secret: SECRET, difficulty: 6 }, thresholds: { challenge: 45 } },
      { ...fakeDeps(), store: broken },
    );
    const headers = { 'user-agent': CHROME, 'accept-encoding': 'gzip', accept: '*/*' };
    const err = await run(inst, fakeRequestContext({ headers, secure: true }));
    const challenge = err?.headers?.['x-gatehouse-pow-challenge'];
    assert.ok(challenge);
    const solved = { ...headers, 'x-gatehouse-pow': `${challenge}:${solvePow(challenge, 6)}` };
    // A second instance (events are de-duplicated per client within one instance).
    const deps2 = { ...fakeDeps(), store: broken };
    const inst2 = instantiate(
      policy,
      { pow: { secret: SECRET, difficulty: 6 }, thresholds: { challenge: 45 } },
      deps2,
    );
    const again = await run(inst2, fakeRequestContext({ headers: solved, secure: true }));
    assert.equal(again?.status, 429);
    assert.notEqual(again?.headers?.['x-gatehouse-pow-challenge'], challenge, 'a new challenge');
    assert.equal(deps2.events.at(-1)?.fields['event.reason'], 'replay_store_unavailable');
  });

  test('verified CIDRs skip everything; verified groups skip the challenge', async () => {
    const inst = instantiate(policy, {
      pow: { secret: SECRET },
      verified: { cidrs: ['203.0.113.0/24'], groups: ['partners'] },
    });
    assert.equal(await run(inst, fakeRequestContext({ headers: { 'user-agent': 'sqlmap' } })), undefined);
    const partner = fakeRequestContext({
      headers: { 'user-agent': 'python-requests/2', accept: '*/*' },
      clientIp: '198.51.100.9',
      consumer: { id: 'p', groups: ['partners'] },
    });
    // python-requests (30) + …: tagged threshold reached but the partner is exempt from tag/challenge.
    const inst2 = instantiate(policy, {
      pow: { secret: SECRET },
      thresholds: { challenge: 30 },
      verified: { groups: ['partners'] },
    });
    assert.equal(await run(inst2, partner), undefined);
    const stranger = fakeRequestContext({
      headers: { 'user-agent': 'python-requests/2' },
      clientIp: '198.51.100.10',
    });
    assert.equal((await run(inst2, stranger))?.status, 429);
  });

  test('no PoW secret: the challenge threshold blocks instead', async () => {
    const inst = instantiate(policy, { thresholds: { challenge: 20 } });
    assert.equal((await run(inst, fakeRequestContext({ headers: { 'user-agent': 'curl/8' } })))?.status, 403);
  });

  test('report-only never enforces', async () => {
    const deps = { ...fakeDeps(), mode: 'report-only' as const };
    const inst = instantiate(policy, { pow: { secret: SECRET } }, deps);
    const ctx = fakeRequestContext({ headers: { 'user-agent': 'sqlmap' } });
    assert.equal(await run(inst, ctx), undefined);
    assert.equal(ctx.decisions[0]?.action, 'would-deny');
  });

  test('credential stuffing from auth failures: many identities from one client → blocked', async () => {
    const deps = fakeDeps();
    const inst = instantiate(policy, { credential_stuffing: { identities_per_client: 3 } }, deps);
    for (const id of ['k1', 'k2', 'k3']) {
      const ctx = fakeRequestContext({ headers: { 'user-agent': 'AcmeApp/1' } });
      assert.equal(await run(inst, ctx), undefined);
      recordFailure(ctx, { method: 'key-auth', reason: 'unknown_key', credentialId: id });
      inst.onLog?.(asLog(ctx, 401));
    }
    assert.equal(deps.events.filter((e) => e.type === 'credential_stuffing').length, 1);
    assert.equal(
      (await run(inst, fakeRequestContext({ headers: { 'user-agent': 'AcmeApp/1' } })))?.status,
      403,
    );
  });

  test('one identity failing from many clients flags those clients', async () => {
    const inst = instantiate(policy, { credential_stuffing: { clients_per_identity: 3 } });
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      const ctx = fakeRequestContext({ clientIp: ip, headers: { 'user-agent': 'AcmeApp/1' } });
      await run(inst, ctx);
      recordFailure(ctx, { method: 'key-auth', reason: 'bad_secret', credentialId: 'alice' });
      inst.onLog?.(asLog(ctx, 401));
    }
    assert.equal(
      (
        await run(
          inst,
          fakeRequestContext({ clientIp: '198.51.100.3', headers: { 'user-agent': 'AcmeApp/1' } }),
        )
      )?.status,
      403,
    );
    assert.equal(
      await run(
        inst,
        fakeRequestContext({ clientIp: '198.51.100.1', headers: { 'user-agent': 'AcmeApp/1' } }),
      ),
      undefined,
    );
  });

  describe('credential stuffing in the shared state store', () => {
    const APP = { 'user-agent': 'AcmeApp/1' };
    /** One failed key-auth authentication of `id` from `ip`, through onRequest and onLog. */
    async function failOn(inst: PolicyInstance, id: string, ip = '203.0.113.20') {
      const ctx = fakeRequestContext({ headers: APP, clientIp: ip });
      const err = await run(inst, ctx);
      if (err) return err;
      recordFailure(ctx, { method: 'key-auth', reason: 'unknown_key', credentialId: id });
      await inst.onLog?.(asLog(ctx, 401));
      return undefined;
    }

    test('two instances (two workers) sharing one store: flagged at exactly N distinct identities, on both', async () => {
      const store = createLocalStore({ capacity: 1024 });
      try {
        const config = { credential_stuffing: { identities_per_client: 4 } };
        const depsA = { ...fakeDeps(), store };
        const workers = [
          instantiate(policy, config, depsA),
          instantiate(policy, config, { ...fakeDeps(), store }),
        ];
        for (let i = 0; i < 3; i++) assert.equal(await failOn(workers[i % 2]!, `user${i}`), undefined);
        // The same identities again, on the other worker: not new.
        for (let i = 0; i < 3; i++) assert.equal(await failOn(workers[(i + 1) % 2]!, `user${i}`), undefined);
        assert.equal(depsA.events.filter((e) => e.type === 'credential_stuffing').length, 0);
        assert.equal(await failOn(workers[1]!, 'user3'), undefined, 'the N-th failure itself is answered');
        for (const w of workers) {
          const err = await run(w, fakeRequestContext({ headers: APP, clientIp: '203.0.113.20' }));
          assert.equal(err?.status, 403, 'blocked on both workers');
          assert.equal(err?.reason, 'bot_block');
        }
        assert.equal(
          await run(workers[0]!, fakeRequestContext({ headers: APP, clientIp: '203.0.113.21' })),
          undefined,
          'another client is not',
        );
        // Another instance (another route) keeps its own counts.
        const other = instantiate(policy, config, { ...fakeDeps('bot-defense@route:other'), store });
        assert.equal(
          await run(other, fakeRequestContext({ headers: APP, clientIp: '203.0.113.20' })),
          undefined,
        );
      } finally {
        await store.close();
      }
    });

    test('the event reports the shared count; identities are hashed in the store keys', async () => {
      const keys: string[] = [];
      const store = createLocalStore({ capacity: 1024 });
      const spy = new Proxy(store, {
        get(target, prop, receiver) {
          const v = Reflect.get(target, prop, receiver);
          if (typeof v !== 'function') return v;
          return (...args: unknown[]) => {
            if (typeof args[0] === 'string') keys.push(args[0]);
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      try {
        const config = { credential_stuffing: { identities_per_client: 3 } };
        const deps = { ...fakeDeps(), store: spy };
        const a = instantiate(policy, config, deps);
        const b = instantiate(policy, config, { ...fakeDeps(), store: spy });
        assert.equal(await failOn(a, 'alice@example.com'), undefined);
        assert.equal(await failOn(b, 'bob@example.com'), undefined);
        assert.equal(await failOn(a, 'carol@example.com'), undefined);
        const ev = deps.events.filter((e) => e.type === 'credential_stuffing');
        assert.equal(ev.length, 1);
        assert.equal(ev[0]?.fields['gatehouse.bot.identities'], 3);
        assert.equal(ev[0]?.fields['event.reason'], 'many_identities_per_client');
        assert.ok(keys.length > 0);
        for (const k of keys) assert.doesNotMatch(k, /alice|bob|carol|example/);
      } finally {
        await store.close();
      }
    });

    test('flag lookup fails: 503 by default, allowed with on_store_error: allow, never enforced in report-only', async () => {
      const broken = {
        markTtl: () => Promise.reject(new Error('redis down')),
        markIfAbsent: () => Promise.reject(new Error('redis down')),
      } as unknown as StateStore;
      const deny = instantiate(policy, {}, { ...fakeDeps(), store: broken });
      const err = await run(deny, fakeRequestContext({ headers: APP }));
      assert.equal(err?.status, 503);
      assert.equal(err?.reason, 'store_unavailable');
      assert.equal(err?.headers?.['retry-after'], '1');
      const allow = instantiate(
        policy,
        { credential_stuffing: { on_store_error: 'allow' } },
        { ...fakeDeps(), store: broken },
      );
      assert.equal(await run(allow, fakeRequestContext({ headers: APP })), undefined);
      const reportOnly = instantiate(
        policy,
        {},
        { ...fakeDeps(), store: broken, mode: 'report-only' as const },
      );
      const ctx = fakeRequestContext({ headers: APP });
      assert.equal(await run(reportOnly, ctx), undefined);
      assert.deepEqual(
        ctx.decisions.map((d) => [d.action, d.reason]),
        [['would-deny', 'store_unavailable']],
      );
      // A synchronous store failure (local table full) is handled the same way.
      const full = {
        markTtl: () => {
          throw new Error('table full');
        },
      } as unknown as StateStore;
      assert.equal((await run(instantiate(policy, {}, { ...fakeDeps(), store: full }), ctx))?.status, 503);
      // Weight 0: the flag is never looked up.
      const off = instantiate(
        policy,
        { weights: { credential_stuffing: 0 } },
        { ...fakeDeps(), store: full },
      );
      assert.equal(await run(off, fakeRequestContext({ headers: APP })), undefined);
    });

    test('failures the store cannot record are counted in the worker memory', async () => {
      const store = createLocalStore({ capacity: 1024 });
      try {
        // Lookups work, counting fails: detection degrades to this worker's own failures.
        const countingFails = new Proxy(store, {
          get(target, prop, receiver) {
            if (prop === 'markIfAbsent') return () => Promise.reject(new Error('redis down'));
            const v = Reflect.get(target, prop, receiver);
            return typeof v === 'function' ? v.bind(target) : v;
          },
        });
        const deps = { ...fakeDeps(), store: countingFails };
        const inst = instantiate(policy, { credential_stuffing: { identities_per_client: 3 } }, deps);
        for (const id of ['k1', 'k2', 'k3']) assert.equal(await failOn(inst, id), undefined);
        assert.equal(deps.events.filter((e) => e.type === 'credential_stuffing').length, 1);
        assert.equal(
          (await run(inst, fakeRequestContext({ headers: APP, clientIp: '203.0.113.20' })))?.status,
          403,
        );
      } finally {
        await store.close();
      }
    });
  });

  test('high request rate and path enumeration add to the score', async () => {
    const inst = instantiate(policy, {
      behaviour: { max_requests: 5, min_requests_for_entropy: 5 },
      thresholds: { tag: 30 },
    });
    let last: RequestContext | undefined;
    for (let i = 0; i < 7; i++) {
      last = fakeRequestContext({ path: `/users/${i}`, headers: { 'user-agent': 'AcmeApp/1' } });
      await run(inst, last);
    }
    assert.equal(last!.upstreamHeaders[SCORE_HEADER], '70');
  });

  test('throttle delays the request; a client that goes away ends the wait with a 408', async () => {
    const inst = instantiate(policy, {
      thresholds: { tag: 10, challenge: 900, throttle: 20, block: 1000 },
      throttle_delay_ms: 60,
    });
    const t0 = performance.now();
    const ctx = fakeRequestContext({ headers: { 'user-agent': 'curl/8' } });
    assert.equal(await run(inst, ctx), undefined);
    assert.ok(performance.now() - t0 >= 55, 'delayed');
    assert.ok(ctx.decisions.some((d) => d.reason === 'bot_throttle'));
    const ac = new AbortController();
    const gone = fakeRequestContext({ headers: { 'user-agent': 'curl/8' }, signal: ac.signal });
    const pending = run(inst, gone);
    ac.abort();
    assert.equal((await pending)?.status, 408);
  });

  test('inconsistent thresholds are refused at construction', () => {
    assert.throws(() => instantiate(policy, { thresholds: { tag: 60, challenge: 50 } }), TypeError);
    assert.throws(() => instantiate(policy, { pow: { secret: 'short' } }), TypeError);
  });
});
