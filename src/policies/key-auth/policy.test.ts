import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import { GatewayError } from '../../errors/gateway-error.ts';
import {
  type ApiKeyRecord,
  type CredentialSource,
  credentialsFor,
} from '../../identity/credentials/index.ts';
import { createConsumerDirectory } from '../../identity/directory.ts';
import { generateApiKey, keyIdOf } from '../../identity/keys.ts';
import type { PolicyDeps } from '../../pipeline/types.ts';
import { StoreUnavailableError } from '../../stores/errors.ts';
import {
  type FakeDeps,
  type FakeRequestInit,
  fakeDeps,
  fakeRequestContext,
  instantiate,
  runRequest,
  schemaFixtureSuite,
} from '../testing.ts';
import { policy, removeQueryParam } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

const root = mkdtempSync(join(tmpdir(), 'gatehouse-key-auth-'));
after(() => rmSync(root, { recursive: true, force: true }));

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

const alice = generateApiKey();
const bob = generateApiKey('gh_live');
const expired = generateApiKey();
const future = generateApiKey();
const revoked = generateApiKey();
const orphan = generateApiKey();
const stranger = generateApiKey(); // well-formed, valid checksum, never stored

const consumersConfig = [
  {
    id: 'alice',
    groups: ['staff', 'admins'],
    metadata: {},
    api_keys: [
      { id: 'alice-1', hash: alice.hash, revoked: false },
      { id: 'alice-old', hash: expired.hash, expires_at: iso(Date.now() - HOUR), revoked: false },
      { id: 'alice-next', hash: future.hash, not_before: iso(Date.now() + HOUR), revoked: false },
      { id: 'alice-lost', hash: revoked.hash, revoked: true },
    ],
  },
  { id: 'bob', groups: [], metadata: {}, api_keys: [{ id: 'bob-1', hash: bob.hash, revoked: false }] },
  { id: 'guest', groups: ['public'], metadata: {}, api_keys: [] },
];
const consumers = createConsumerDirectory(consumersConfig);
const credentials = credentialsFor({
  consumers: [...consumersConfig, { id: 'ghost', api_keys: [{ id: 'ghost-1', hash: orphan.hash }] }],
  credentials: { store: 'none', path: '' },
});

function deps(extra: Partial<PolicyDeps> & { credentials?: CredentialSource } = {}): FakeDeps {
  return Object.assign(fakeDeps('key-auth@route:test-route'), { consumers, credentials, ...extra });
}

async function run(config: unknown, init: FakeRequestInit, d: FakeDeps = deps()) {
  const ctx = fakeRequestContext(init);
  const outcome = await runRequest(instantiate(policy, config, d), ctx);
  assert.equal(outcome.reply, undefined);
  return { error: outcome.error, ctx, events: d.events };
}

/** Asserts a generic 401 with the given logged reason, and that nothing of the key leaked. */
function assertDenied(
  r: Awaited<ReturnType<typeof run>>,
  reason: string,
  key: string | undefined,
  credentialId?: string,
) {
  assert.equal(r.error?.code, 'GW_UNAUTHORIZED', `expected a 401 for ${reason}`);
  assert.equal(r.error?.status, 401);
  assert.equal(r.error?.reason, `key-auth:${reason}`);
  assert.equal(r.error?.detail, undefined, 'the client sees no reason');
  assert.equal(r.ctx.consumer, undefined);
  assert.equal(r.ctx.auth.failures.at(-1)?.reason, reason);
  assert.equal(r.ctx.auth.failures.at(-1)?.credentialId, credentialId);
  const ev = r.events.at(-1);
  assert.equal(ev?.type, 'authentication_failure');
  assert.equal(ev?.fields['event.reason'], reason);
  assert.equal(ev?.fields['gatehouse.auth.credential_id'], credentialId);
  if (key !== undefined) {
    const all = JSON.stringify({
      events: r.events,
      failures: r.ctx.auth.failures,
      err: r.error,
      msg: r.error?.message,
    });
    assert.ok(!all.includes(key), 'the key leaked into an event or error');
    assert.ok(!all.includes(key.slice(3, 35)), 'the random part leaked');
  }
}

describe('key-auth: success', () => {
  test('a valid key in X-API-Key identifies the consumer; the key is not forwarded', async () => {
    const r = await run({}, { headers: { 'X-API-Key': alice.key, 'x-other': '1' } });
    assert.equal(r.error, undefined);
    assert.deepEqual(r.ctx.consumer, { id: 'alice', groups: ['staff', 'admins'] });
    assert.equal(r.ctx.upstreamHeaders['x-consumer-id'], 'alice');
    assert.equal(r.ctx.upstreamHeaders['x-consumer-groups'], 'staff,admins');
    assert.equal(r.ctx.upstreamHeaders['x-credential-id'], 'alice-1');
    assert.equal(r.ctx.upstreamHeaders['x-authenticated-method'], 'key-auth');
    assert.equal(r.ctx.upstreamHeaders['x-api-key'], undefined);
    assert.equal(r.ctx.upstreamHeaders['x-other'], '1');
    assert.equal(r.ctx.auth.successes[0]?.credentialId, 'alice-1');
    assert.equal(r.events.length, 0);
  });

  test('a custom header name matches case-insensitively', async () => {
    const r = await run({ header: 'X-Gateway-Key' }, { headers: { 'x-GATEWAY-key': bob.key } });
    assert.equal(r.error, undefined);
    assert.equal(r.ctx.consumer?.id, 'bob');
    assert.equal(r.ctx.upstreamHeaders['x-gateway-key'], undefined);
  });

  test('hide_credentials: false forwards the key header', async () => {
    const r = await run({ hide_credentials: false }, { headers: { 'x-api-key': alice.key } });
    assert.equal(r.error, undefined);
    assert.equal(r.ctx.upstreamHeaders['x-api-key'], alice.key);
  });

  test('Authorization: Bearer <key> works and is removed upstream', async () => {
    for (const auth of [`Bearer ${alice.key}`, `bearer ${alice.key}`, `BEARER  ${alice.key}`]) {
      const r = await run({}, { headers: { authorization: auth } });
      assert.equal(r.error, undefined, auth);
      assert.equal(r.ctx.consumer?.id, 'alice');
      assert.equal(r.ctx.upstreamHeaders.authorization, undefined);
    }
  });

  test('bearer tokens that are not API keys are left alone (for jwt-auth), and bearer: false ignores keys', async () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln';
    const r = await run({ optional: true }, { headers: { authorization: `Bearer ${jwt}` } });
    assert.equal(r.error, undefined);
    assert.equal(r.ctx.upstreamHeaders.authorization, `Bearer ${jwt}`);
    assert.equal(r.ctx.auth.failures[0]?.reason, 'missing');
    assertDenied(
      await run({ bearer: false }, { headers: { authorization: `Bearer ${alice.key}` } }),
      'missing',
      alice.key,
    );
    const basic = await run(
      {},
      { headers: { authorization: `Basic ${Buffer.from(`u:${alice.key}`).toString('base64')}` } },
    );
    assertDenied(basic, 'missing', alice.key);
  });

  test('WWW-Authenticate: a bare challenge when missing, invalid_token otherwise', async () => {
    const missing = await run({}, {});
    assert.equal(missing.error?.headers?.['www-authenticate'], 'Bearer realm="gatehouse"');
    const bad = await run({}, { headers: { 'x-api-key': stranger.key } });
    assert.equal(bad.error?.headers?.['www-authenticate'], 'Bearer realm="gatehouse", error="invalid_token"');
    const noBearer = await run({ bearer: false }, {});
    assert.equal(noBearer.error?.headers?.['www-authenticate'], 'ApiKey realm="gatehouse"');
  });
});

describe('key-auth: refusals (reason logged, generic 401 sent)', () => {
  test('missing', async () => {
    assertDenied(await run({}, {}), 'missing', undefined);
    assertDenied(await run({}, { headers: { 'x-api-key-2': alice.key } }), 'missing', alice.key);
  });

  test('malformed: altered case, truncation, garbage, empty', async () => {
    const flipped = alice.key.replace(/[a-z]/, (c) => c.toUpperCase());
    for (const k of [
      flipped,
      alice.key.slice(0, -1),
      `${alice.key}x`,
      'hunter2',
      '',
      `gh_${'A'.repeat(32)}_000000`,
    ]) {
      assertDenied(await run({}, { headers: { 'x-api-key': k } }), 'malformed', k === '' ? undefined : k);
    }
  });

  test('unknown: well-formed keys nobody issued carry a hash-derived id, never the key', async () => {
    assertDenied(
      await run({}, { headers: { 'x-api-key': stranger.key } }),
      'unknown',
      stranger.key,
      keyIdOf(stranger.hash),
    );
  });

  test('revoked, expired, not yet valid, consumer gone', async () => {
    assertDenied(
      await run({}, { headers: { 'x-api-key': revoked.key } }),
      'revoked',
      revoked.key,
      'alice-lost',
    );
    assertDenied(
      await run({}, { headers: { 'x-api-key': expired.key } }),
      'expired',
      expired.key,
      'alice-old',
    );
    assertDenied(
      await run({}, { headers: { 'x-api-key': future.key } }),
      'not_yet_valid',
      future.key,
      'alice-next',
    );
    assertDenied(
      await run({}, { headers: { 'x-api-key': orphan.key } }),
      'unknown_consumer',
      orphan.key,
      'ghost-1',
    );
  });

  test('ambiguous: several keys, or one key in several places', async () => {
    const cases: FakeRequestInit[] = [
      { headers: { 'x-api-key': alice.key, authorization: `Bearer ${bob.key}` } },
      { headers: { 'x-api-key': alice.key, authorization: `Bearer ${alice.key}` } },
      { headers: { 'x-api-key': `${alice.key}, ${bob.key}` } },
      { headers: { 'x-api-key': [alice.key, alice.key] } },
      { headers: { 'x-api-key': alice.key }, query: `api_key=${alice.key}` },
      { query: `api_key=${alice.key}&API_KEY=${bob.key}` },
      { query: `api_key=${alice.key}&api_key=${alice.key}` },
    ];
    for (const init of cases) {
      assertDenied(await run({ query_param: 'api_key' }, init), 'ambiguous', undefined);
    }
  });

  test('the hash stored for a record is compared with the computed one (a store answering wrongly is refused)', async () => {
    const lying: CredentialSource = {
      find: () => ({ id: 'x', consumerId: 'alice', hash: alice.hash, createdAt: 0 }),
    };
    const r = await run({}, { headers: { 'x-api-key': bob.key } }, deps({ credentials: lying }));
    assertDenied(r, 'unknown', bob.key, keyIdOf(bob.hash));
  });

  test('without any credential store every key is unknown', async () => {
    const d = fakeDeps();
    const r = await run({}, { headers: { 'x-api-key': alice.key } }, d);
    assertDenied(r, 'unknown', alice.key, keyIdOf(alice.hash));
  });
});

describe('key-auth: query parameter', () => {
  test('refused unless the route opts in (and then left alone)', async () => {
    const r = await run({}, { path: '/x', query: `api_key=${alice.key}` });
    assertDenied(r, 'missing', alice.key);
  });

  test('when opted in: accepted, removed from the upstream path in every spelling, other parameters kept', async () => {
    for (const q of [
      `api_key=${alice.key}`,
      `API_KEY=${alice.key}`,
      `api%5Fkey=${alice.key}`,
      `Api_Key=${alice.key}`,
    ]) {
      const r = await run({ query_param: 'api_key' }, { path: '/orders', query: `a=1&${q}&b=2` });
      assert.equal(r.error, undefined, q);
      assert.equal(r.ctx.consumer?.id, 'alice');
      assert.equal(r.ctx.upstreamPath, '/orders?a=1&b=2');
    }
    const only = await run({ query_param: 'api_key' }, { path: '/orders', query: `api_key=${alice.key}` });
    assert.equal(only.ctx.upstreamPath, '/orders');
  });

  test('removed before forwarding even when the key is refused (optional mode lets the request through)', async () => {
    const r = await run(
      { query_param: 'key', optional: true },
      { path: '/p', query: `key=${stranger.key}&z=1` },
    );
    assert.equal(r.error, undefined);
    assert.equal(r.ctx.upstreamPath, '/p?z=1');
    assert.equal(r.ctx.auth.failures[0]?.reason, 'unknown');
  });

  test('names outside the always-redacted list are refused at load', () => {
    assert.throws(
      () =>
        policy.create(
          {
            header: 'x-api-key',
            bearer: true,
            hide_credentials: true,
            optional: false,
            query_param: 'k' as never,
          },
          deps(),
        ),
      TypeError,
    );
  });

  test('removeQueryParam', () => {
    assert.equal(removeQueryParam('/a', 'key'), '/a');
    assert.equal(removeQueryParam('/a?key=1', 'key'), '/a');
    assert.equal(removeQueryParam('/a?key', 'key'), '/a');
    assert.equal(removeQueryParam('/a?x=1&KEY=2&k%65y=3&keys=4', 'key'), '/a?x=1&keys=4');
  });
});

describe('key-auth: optional and anonymous', () => {
  test('optional: missing records a failure without denying', async () => {
    const r = await run({ optional: true }, {});
    assert.equal(r.error, undefined);
    assert.equal(r.ctx.consumer, undefined);
    assert.deepEqual(r.ctx.auth.failures, [
      { method: 'key-auth', reason: 'missing', credentialId: undefined },
    ]);
  });

  test('optional: an invalid key is recorded (and evented) without denying, and is not anonymous', async () => {
    const r = await run({ optional: true, anonymous: 'guest' }, { headers: { 'x-api-key': revoked.key } });
    assert.equal(r.error, undefined);
    assert.equal(r.ctx.consumer, undefined);
    assert.equal(r.ctx.auth.failures[0]?.reason, 'revoked');
    assert.equal(r.events[0]?.fields['event.reason'], 'revoked');
    assert.equal(r.ctx.upstreamHeaders['x-api-key'], undefined);
  });

  test('anonymous: used only when no key is presented', async () => {
    const r = await run({ optional: true, anonymous: 'guest' }, {});
    assert.equal(r.error, undefined);
    assert.deepEqual(r.ctx.consumer, { id: 'guest', groups: ['public'] });
    assert.equal(r.ctx.upstreamHeaders['x-consumer-id'], 'guest');
    assert.equal(r.ctx.upstreamHeaders['x-anonymous-consumer'], 'true');
    assert.equal(r.ctx.auth.successes.length, 0, 'anonymous is not an authentication');
    const spoofed = await run({}, { headers: { 'x-api-key': alice.key, 'x-anonymous-consumer': 'false' } });
    assert.equal(
      spoofed.ctx.upstreamHeaders['x-anonymous-consumer'],
      undefined,
      'a client-sent value is dropped',
    );
    const known = await run({ optional: true, anonymous: 'guest' }, { consumer: { id: 'bob', groups: [] } });
    assert.equal(known.ctx.consumer?.id, 'bob', 'an earlier method wins');
  });

  test('config errors: anonymous without optional, unknown anonymous consumer, reserved headers', () => {
    const base = { header: 'x-api-key', bearer: true, hide_credentials: true, optional: false };
    assert.throws(() => policy.create({ ...base, anonymous: 'guest' }, deps()), /requires "optional: true"/);
    assert.throws(
      () => policy.create({ ...base, optional: true, anonymous: 'nobody' }, deps()),
      /not a known consumer/,
    );
    for (const h of ['Authorization', 'cookie', 'host', 'x-forwarded-for', 'content-length']) {
      assert.throws(() => policy.create({ ...base, header: h }, deps()), TypeError, h);
    }
  });
});

describe('key-auth: persistent and asynchronous stores', () => {
  test('keys from the embedded store work (config keys are checked first)', async () => {
    const creds = credentialsFor(
      { consumers: consumersConfig, credentials: { store: 'embedded', path: join(root, 'a', 'c.db') } },
      {},
    );
    creds.open();
    const k = generateApiKey();
    creds.persistent()!.put({ id: 'bob-db', consumerId: 'bob', hash: k.hash, createdAt: Date.now() });
    const r = await run({}, { headers: { 'x-api-key': k.key } }, deps({ credentials: creds }));
    assert.equal(r.error, undefined);
    assert.equal(r.ctx.upstreamHeaders['x-credential-id'], 'bob-db');
    const c = await run({}, { headers: { 'x-api-key': alice.key } }, deps({ credentials: creds }));
    assert.equal(c.ctx.consumer?.id, 'alice');
    creds.persistent()!.revoke('bob-db');
    assertDenied(
      await run({}, { headers: { 'x-api-key': k.key } }, deps({ credentials: creds })),
      'revoked',
      k.key,
      'bob-db',
    );
    await creds.close();
  });

  test('an asynchronous store (redis) is awaited', async () => {
    const rec: ApiKeyRecord = { id: 'async-1', consumerId: 'bob', hash: bob.hash, createdAt: 0 };
    const asyncStore: CredentialSource = { find: async (h) => (h === bob.hash ? rec : undefined) };
    const ok = await run({}, { headers: { 'x-api-key': bob.key } }, deps({ credentials: asyncStore }));
    assert.equal(ok.error, undefined);
    assert.equal(ok.ctx.consumer?.id, 'bob');
    assertDenied(
      await run({}, { headers: { 'x-api-key': stranger.key } }, deps({ credentials: asyncStore })),
      'unknown',
      stranger.key,
      keyIdOf(stranger.hash),
    );
  });

  test('store failures fail closed with a 503, even when optional', async () => {
    const down: CredentialSource = {
      find: () => Promise.reject(new StoreUnavailableError('redis down')),
    };
    const throwing: CredentialSource = {
      find: () => {
        throw new Error('sqlite busy');
      },
    };
    for (const credentials of [down, throwing]) {
      for (const optional of [false, true]) {
        const r = await run({ optional }, { headers: { 'x-api-key': alice.key } }, deps({ credentials }));
        assert.equal(r.error?.code, 'GW_NOT_READY');
        assert.equal(r.error?.status, 503);
        assert.equal(r.error?.reason, 'key-auth:store_unavailable');
        assert.equal(r.ctx.consumer, undefined);
      }
    }
  });

  test('the store is opened at config load, so a bad path is a config error', async () => {
    const file = credentialsFor({
      consumers: [],
      credentials: { store: 'embedded', path: join(root, 'file') },
    });
    file.open(); // a regular file now sits where the next store wants a directory
    const blocked = credentialsFor({
      consumers: [],
      credentials: { store: 'embedded', path: join(root, 'file', 'x.db') },
    });
    const base = { header: 'x-api-key', bearer: true, hide_credentials: true, optional: false };
    assert.throws(
      () => policy.create(base, deps({ credentials: blocked })),
      /credentials\.path: cannot create/,
    );
    await file.close();
  });
});

describe('key-auth: hostile requests', () => {
  test('only a 401 or a pass; a pass always has a consumer; the key carriers never go upstream', () => {
    const instances = [
      { param: 'api_key', instance: instantiate(policy, { query_param: 'api_key' }, deps()) },
      {
        param: 'key',
        instance: instantiate(policy, { optional: true, anonymous: 'guest', query_param: 'key' }, deps()),
      },
    ];
    const keys = [alice.key, bob.key, revoked.key, stranger.key];
    const value = fc.oneof(
      fc.constantFrom(...keys),
      fc.constantFrom(...keys).map((k) => `Bearer ${k}`),
      fc.constantFrom(...keys).map((k) => k.replace(/[a-z]/, (c) => c.toUpperCase())),
      fc.string({ maxLength: 120 }),
      fc.constantFrom('', ' ', ',', 'Bearer', 'Bearer ', '%00', '\u0000'),
    );
    const name = fc.constantFrom(
      'x-api-key',
      'authorization',
      'x-consumer-id',
      'x-anonymous-consumer',
      'cookie',
    );
    const query = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom(...keys).map((k) => `api_key=${k}`),
      fc.constantFrom(...keys).map((k) => `a=1&KEY=${encodeURIComponent(k)}&api%5Fkey=%ZZ`),
    );
    fc.assert(
      fc.property(
        fc.dictionary(name, fc.oneof(value, fc.array(value, { maxLength: 3 }))),
        query,
        (headers, q) => {
          for (const { param, instance } of instances) {
            const ctx = fakeRequestContext({ headers, query: q, path: '/p' });
            try {
              assert.equal(instance.onRequest?.(ctx), undefined);
            } catch (err) {
              assert.ok(err instanceof GatewayError, String(err));
              assert.equal(err.status, 401);
              continue;
            }
            if (ctx.auth.successes.length > 0) assert.ok(ctx.consumer !== undefined);
            // Whatever happened, the configured carriers of a key are gone from the upstream request.
            assert.equal(ctx.upstreamHeaders['x-api-key'], undefined);
            assert.equal(removeQueryParam(ctx.upstreamPath, param), ctx.upstreamPath);
            const auth = ctx.upstreamHeaders.authorization;
            if (typeof auth === 'string') {
              const m = /^bearer +(\S+) *$/i.exec(auth);
              assert.ok(m === null || !keys.includes(m[1]!), 'a bearer key was forwarded');
            }
            if (ctx.consumer === undefined)
              assert.equal(ctx.upstreamHeaders['x-anonymous-consumer'], undefined);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
