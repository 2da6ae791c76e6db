import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, mock, test } from 'node:test';
import fc from 'fast-check';
import { CompactSign, importPKCS8 } from 'jose';
import { GatewayError } from '../../errors/gateway-error.ts';
import type { Consumer } from '../../identity/types.ts';
import type { PolicyInstance, RequestContext } from '../../pipeline/types.ts';
import {
  applyDefaults,
  fakeDeps,
  fakeRequestContext,
  instantiate,
  runRequest,
  schemaFixtureSuite,
} from '../testing.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

const ISS = 'https://unit.issuer.test/';
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string;
const rsaPkcs8 = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ecPem = ec.publicKey.export({ format: 'pem', type: 'spki' }) as string;
const now = () => Math.floor(Date.now() / 1000);

async function sign(claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const key = await importPKCS8(rsaPkcs8, 'RS256');
  const body = { iss: ISS, aud: 'orders', sub: 'alice', iat: now(), exp: now() + 300, ...claims };
  for (const [k, v] of Object.entries(body)) if (v === undefined) delete body[k as keyof typeof body];
  return new CompactSign(new TextEncoder().encode(JSON.stringify(body)))
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...header })
    .sign(key);
}

function issuer(extra: Record<string, unknown> = {}) {
  return { issuer: ISS, audiences: ['orders'], algorithms: ['RS256'], keys: [rsaPem], ...extra };
}

const instances: PolicyInstance[] = [];
afterEach(async () => {
  for (const i of instances.splice(0)) await i.close?.();
});

function make(config: Record<string, unknown> = {}, consumers?: Map<string, Consumer>) {
  const deps = fakeDeps('jwt-auth@route:test');
  const withDirectory = consumers ? { ...deps, consumers: { get: (id: string) => consumers.get(id) } } : deps;
  const inst = instantiate(policy, { issuers: [issuer()], ...config }, withDirectory);
  instances.push(inst);
  return { inst, deps };
}

function ctxWith(token: string | undefined, headers: Record<string, string> = {}): RequestContext {
  return fakeRequestContext({
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
  });
}

function reasonOf(deps: ReturnType<typeof fakeDeps>): unknown {
  return deps.events.at(-1)?.fields['event.reason'];
}

describe('jwt-auth: create() refuses configurations that cannot be safe', () => {
  const bad: [string, Record<string, unknown>][] = [
    ['HS256 without a secret', { algorithms: ['HS256'], keys: [] }],
    ['a secret without an HS algorithm', { secret: 'x'.repeat(64) }],
    ['HS512 with a 32-byte secret', { algorithms: ['HS512'], keys: [], secret: 'x'.repeat(40) }],
    ['RS256 without any key source', { keys: [] }],
    ['public keys but only HS algorithms', { algorithms: ['HS256'], secret: 'x'.repeat(32) }],
    [
      'two key sources',
      { keys: [], jwks_uri: 'https://a.test/jwks', discovery: 'https://a.test/.well-known/x' },
    ],
    ['plain http without allow_http', { keys: [], jwks_uri: 'http://a.test/jwks' }],
    ['a key that fits no allowed algorithm', { keys: [ecPem] }],
    ['a private key PEM', { keys: [rsa.privateKey.export({ format: 'pem', type: 'pkcs8' })] }],
    ['a relative file: reference', { keys: ['file:keys/a.pem'] }],
    ['a missing file: reference', { keys: ['file:/nonexistent/gatehouse/a.pem'] }],
    ['a missing jwks_file', { keys: [], jwks_file: '/nonexistent/gatehouse/jwks.json' }],
    [
      'a weak RSA key',
      {
        keys: [
          generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({
            format: 'pem',
            type: 'spki',
          }),
        ],
      },
    ],
    ['garbage PEM', { keys: ['-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n'] }],
    ['forwarding a claim into a reserved header', { forward_claims: { sub: 'x-consumer-id' } }],
    ['forwarding a claim into Host', { forward_claims: { sub: 'host' } }],
    ['forwarding a claim into the token header', { forward_claims: { sub: 'authorization' } }],
  ];
  for (const [what, extra] of bad) {
    test(what, () => {
      const config = applyDefaults(policy, { issuers: [issuer(extra)] });
      assert.throws(() => policy.create(config, fakeDeps()), TypeError);
    });
  }
  test('duplicate issuers', () => {
    const config = applyDefaults(policy, { issuers: [issuer(), issuer()] });
    assert.throws(() => policy.create(config, fakeDeps()), /duplicate issuer/);
  });
  test('an empty issuer list (defaults applied by hand)', () => {
    assert.throws(
      () => policy.create({ ...applyDefaults(policy, { issuers: [issuer()] }), issuers: [] }, fakeDeps()),
      TypeError,
    );
  });
  test('a JWKS file that is not a JWKS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-jwt-unit-'));
    writeFileSync(join(dir, 'bad.json'), '{"nokeys": true}');
    const config = applyDefaults(policy, {
      issuers: [issuer({ keys: [], jwks_file: join(dir, 'bad.json') })],
    });
    assert.throws(() => policy.create(config, fakeDeps()), /no "keys" array/);
  });
  test('PEM and JWKS files through absolute paths are accepted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-jwt-unit-'));
    writeFileSync(join(dir, 'rsa.pem'), rsaPem);
    const { inst } = make({ issuers: [issuer({ keys: [`file:${join(dir, 'rsa.pem')}`] })] });
    const ctx = ctxWith(await sign({}));
    assert.equal((await runRequest(inst, ctx)).error, undefined);
  });
});

describe('jwt-auth: what a success records', () => {
  test('consumer, credential id (jti, else sub), claims, scopes, acr, amr, auth_time', async () => {
    const { inst } = make();
    const token = await sign({
      jti: 'tok-1',
      scope: 'a b  c',
      acr: 'urn:mace:incommon:iap:silver',
      amr: ['pwd', 'otp', 3],
      auth_time: 1_700_000_000,
    });
    const ctx = ctxWith(token);
    assert.equal((await runRequest(inst, ctx)).error, undefined);
    const s = ctx.auth.successes[0]!;
    assert.equal(s.method, 'jwt-auth');
    assert.deepEqual(s.consumer, { id: 'alice', groups: [], metadata: {} }, 'synthetic consumer');
    assert.equal(s.credentialId, 'tok-1');
    assert.deepEqual(s.scopes, ['a', 'b', 'c']);
    assert.equal(s.acr, 'urn:mace:incommon:iap:silver');
    assert.deepEqual(s.amr, ['pwd', 'otp']);
    assert.equal(s.authTime, 1_700_000_000);
    assert.equal(s.claims?.jti, 'tok-1');
    assert.ok(Object.isFrozen(s.claims));
    assert.deepEqual(ctx.consumer, { id: 'alice', groups: [] });
    assert.equal(ctx.upstreamHeaders['x-consumer-id'], 'alice');
    assert.equal(ctx.upstreamHeaders['x-credential-id'], 'tok-1');
    assert.equal(ctx.upstreamHeaders.authorization, undefined, 'hidden from the upstream');
  });

  test('scp as an array; credential id falls back to sub', async () => {
    const { inst } = make();
    const ctx = ctxWith(await sign({ scp: ['read', 'write', 7] }));
    assert.equal((await runRequest(inst, ctx)).error, undefined);
    assert.deepEqual(ctx.auth.successes[0]!.scopes, ['read', 'write']);
    assert.equal(ctx.auth.successes[0]!.credentialId, 'alice');
  });

  test('a consumer the directory knows is used with its groups', async () => {
    const known: Consumer = { id: 'alice', groups: ['admins', 'ops'], metadata: { team: 'core' } };
    const { inst } = make({}, new Map([['alice', known]]));
    const ctx = ctxWith(await sign({}));
    assert.equal((await runRequest(inst, ctx)).error, undefined);
    assert.equal(ctx.auth.successes[0]!.consumer, known);
    assert.equal(ctx.upstreamHeaders['x-consumer-groups'], 'admins,ops');
  });

  test('numeric consumer claims are accepted as text; objects and unsafe strings are missing_claim', async () => {
    const { inst, deps } = make({ issuers: [issuer({ consumer_claim: 'uid' })] });
    const ok = ctxWith(await sign({ uid: 12345 }));
    assert.equal((await runRequest(inst, ok)).error, undefined);
    assert.equal(ok.consumer?.id, '12345');
    for (const uid of [{ a: 1 }, ' padded', 'x'.repeat(300), 'tab\there', 'é', 1.5, true]) {
      const ctx = ctxWith(await sign({ uid }));
      assert.equal((await runRequest(inst, ctx)).error?.status, 401, JSON.stringify(uid));
      assert.equal(reasonOf(deps), 'missing_claim');
    }
  });

  test('forwarded claims: scalars and arrays as text; objects, non-ASCII and overlong values dropped', async () => {
    const { inst } = make({
      issuers: [
        issuer({ forward_claims: { a: 'x-a', b: 'x-b', c: 'x-c', d: 'x-d', e: 'x-e', f: 'x-f', g: 'x-g' } }),
      ],
    });
    const ctx = ctxWith(
      await sign({
        a: 'text',
        b: 42,
        c: ['r1', 'r2', true],
        d: { nested: 1 },
        e: 'José',
        f: 'y'.repeat(3000),
      }),
      {
        'x-g': 'client-sent',
      },
    );
    assert.equal((await runRequest(inst, ctx)).error, undefined);
    const h = ctx.upstreamHeaders;
    assert.equal(h['x-a'], 'text');
    assert.equal(h['x-b'], '42');
    assert.equal(h['x-c'], 'r1,r2,true');
    assert.equal(h['x-d'], undefined);
    assert.equal(h['x-e'], undefined);
    assert.equal(h['x-f'], undefined);
    assert.equal(
      h['x-g'],
      undefined,
      'the client-sent header of a forwarded name is removed even when the claim is absent',
    );
  });
});

describe('jwt-auth: verified-token cache', () => {
  test('a repeated token is answered synchronously from the cache; a failing one never is', async () => {
    const { inst } = make();
    const token = await sign({});
    const first = inst.onRequest!(ctxWith(token));
    assert.ok(first instanceof Promise, 'first use verifies the signature (async)');
    await first;
    const ctx = ctxWith(token);
    assert.equal(inst.onRequest!(ctx), undefined, 'second use is a cache hit (sync)');
    assert.equal(ctx.consumer?.id, 'alice');

    const forged = `${token.slice(0, -6)}AAAAAA`;
    for (let i = 0; i < 2; i++) {
      const r = inst.onRequest!(ctxWith(forged));
      assert.ok(r instanceof Promise, 'a failing token is verified again each time');
      await assert.rejects(r as Promise<unknown>, { status: 401 });
    }
  });

  test('a cache hit re-checks exp against the current time', async (t) => {
    const { inst, deps } = make({ issuers: [issuer({ leeway_s: 0 })] });
    const token = await sign({ exp: now() + 60 });
    await runRequest(inst, ctxWith(token));
    assert.equal(inst.onRequest!(ctxWith(token)), undefined);
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() + 61_000 });
    assert.throws(() => inst.onRequest!(ctxWith(token)), { status: 401 });
    assert.equal(reasonOf(deps), 'expired');
  });

  test('a cache hit re-checks max_token_age_s', async (t) => {
    const { inst, deps } = make({ issuers: [issuer({ leeway_s: 0, max_token_age_s: 30 })] });
    const token = await sign({});
    await runRequest(inst, ctxWith(token));
    t.mock.timers.enable({ apis: ['Date'], now: Date.now() + 31_000 });
    assert.throws(() => inst.onRequest!(ctxWith(token)), { status: 401 });
    assert.equal(reasonOf(deps), 'too_old');
  });

  test('max_entries 0 disables the cache', async () => {
    const { inst } = make({ cache: { max_entries: 0 } });
    const token = await sign({});
    await runRequest(inst, ctxWith(token));
    assert.ok(inst.onRequest!(ctxWith(token)) instanceof Promise);
  });
});

describe('jwt-auth: request handling', () => {
  test('optional: missing and invalid tokens are recorded, not denied', async () => {
    const { inst, deps } = make({ optional: true });
    const none = ctxWith(undefined);
    assert.equal((await runRequest(inst, none)).error, undefined);
    assert.deepEqual(none.auth.failures, [
      { method: 'jwt-auth', reason: 'missing', credentialId: undefined },
    ]);
    assert.equal(deps.events.length, 0, 'an absent optional credential is not a security event');
    const bad = ctxWith(`${(await sign({})).slice(0, -4)}AAAA`);
    assert.equal((await runRequest(inst, bad)).error, undefined);
    assert.equal(bad.auth.failures[0]?.reason, 'bad_signature');
    assert.equal(bad.consumer, undefined);
    assert.equal(deps.events.length, 1);
  });

  test('the Bearer scheme is case-insensitive; other headers take the bare token', async () => {
    const { inst } = make();
    const token = await sign({});
    for (const scheme of ['bearer', 'BEARER', 'Bearer  ']) {
      const ctx = fakeRequestContext({ headers: { authorization: `${scheme} ${token}` } });
      assert.equal((await runRequest(inst, ctx)).error, undefined, scheme);
    }
    const custom = make({ header: 'x-token' }).inst;
    for (const value of [token, `Bearer ${token}`]) {
      const ctx = fakeRequestContext({ headers: { 'x-token': value } });
      assert.equal((await runRequest(custom, ctx)).error, undefined);
      assert.equal(ctx.upstreamHeaders['x-token'], undefined);
    }
  });

  test('failure reasons reach the event stream with the client ip and route; the client sees a generic 401', async () => {
    const { inst, deps } = make();
    const r = await runRequest(inst, ctxWith(await sign({ aud: 'elsewhere' })));
    assert.equal(r.error?.status, 401);
    assert.equal(r.error?.reason, 'jwt-auth:bad_audience');
    assert.equal(r.error?.detail, undefined);
    assert.equal(r.error?.headers?.['www-authenticate'], 'Bearer realm="gatehouse", error="invalid_token"');
    const ev = deps.events.at(-1)!;
    assert.equal(ev.type, 'authentication_failure');
    assert.equal(ev.fields['event.reason'], 'bad_audience');
    assert.equal(ev.fields['client.ip'], '203.0.113.10');
    assert.equal(ev.fields['gatehouse.auth.credential_id'], 'alice');
  });

  test('a token without kid is tried against every compatible key of the issuer', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
      format: 'pem',
      type: 'spki',
    });
    const { inst } = make({ issuers: [issuer({ keys: [other, rsaPem] })] });
    assert.equal((await runRequest(inst, ctxWith(await sign({})))).error, undefined);
  });

  test('fuzz: hostile header values fail synchronously with a 401 GatewayError (no promise for garbage)', () => {
    const { inst } = make();
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{0,40}$/);
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.tuple(segment, segment, segment).map((p) => `Bearer ${p.join('.')}`),
      fc.array(segment, { maxLength: 6 }).map((p) => `Bearer ${p.join('.')}`),
      fc.string({ maxLength: 100 }).map((p) => `Bearer ${p}`),
      fc.jsonValue().map((v) => `Bearer ${Buffer.from(JSON.stringify(v)).toString('base64url')}.e30.c2ln`),
    );
    fc.assert(
      fc.property(value, (authorization) => {
        const ctx = fakeRequestContext({ headers: { authorization } });
        try {
          const r = inst.onRequest!(ctx);
          assert.fail(`accepted or went async: ${String(r)}`);
        } catch (err) {
          assert.ok(err instanceof GatewayError, String(err));
          assert.equal(err.status, 401);
        }
        assert.equal(ctx.upstreamHeaders['x-consumer-id'], undefined);
      }),
      { numRuns: 1500 },
    );
  });

  test('close() is idempotent and leaves no timers', async () => {
    const { inst } = make();
    await inst.close?.();
    await inst.close?.();
  });
});

afterEach(() => mock.timers.reset());
