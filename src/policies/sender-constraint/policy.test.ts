import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { DpopNonces, presentedToken, recordPresentedToken, type TokenScheme } from '../../identity/dpop.ts';
import type { ClientCertificate } from '../../identity/types.ts';
import type { PolicyDeps, PolicyInstance, RequestContext } from '../../pipeline/types.ts';
import { StoreUnavailableError } from '../../stores/errors.ts';
import { createLocalStore } from '../../stores/local/index.ts';
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
import { policy } from './policy.ts';
import { dpopClient } from './test-support.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln';
const HTU = 'http://gateway.test/orders/1';

function cert(der: string): ClientCertificate {
  const raw = Buffer.from(der);
  return {
    raw,
    x5tS256: createHash('sha256').update(raw).digest('base64url'),
    subject: 'CN=client',
    issuer: 'CN=ca',
    serialNumber: '01',
    validFrom: '',
    validTo: '',
    dns: [],
    uris: [],
    emails: [],
    spiffeId: undefined,
  };
}

interface Req {
  claims?: Record<string, unknown>;
  scheme?: TokenScheme;
  proof?: string | string[];
  method?: string;
  path?: string;
  query?: string;
  host?: string;
  secure?: boolean;
  clientCertificate?: ClientCertificate;
  /** Do not record a success at all. */
  anonymous?: boolean;
}

function ctxFor(r: Req = {}): RequestContext {
  const scheme = r.scheme ?? 'dpop';
  const ctx = fakeRequestContext({
    method: r.method ?? 'GET',
    path: r.path ?? '/orders/1',
    query: r.query ?? '',
    host: r.host ?? 'gateway.test',
    secure: r.secure ?? false,
    clientCertificate: r.clientCertificate,
    headers: {
      authorization: `${scheme === 'dpop' ? 'DPoP' : 'Bearer'} ${TOKEN}`,
      ...(r.proof === undefined ? {} : { dpop: r.proof }),
    },
  });
  if (!r.anonymous) {
    recordPresentedToken(ctx, 'jwt-auth', TOKEN, scheme);
    authenticate(ctx, { method: 'jwt-auth', credentialId: 'tok-1', claims: { sub: 'alice', ...r.claims } });
  }
  return ctx;
}

function make(config: Record<string, unknown> = {}, deps: Partial<PolicyDeps> = {}) {
  const d = { ...fakeDeps('sender-constraint@route:test'), ...deps };
  return { inst: instantiate(policy, config, d), deps: d };
}

async function refused(
  inst: PolicyInstance,
  ctx: RequestContext,
  reason: string,
  deps: ReturnType<typeof fakeDeps>,
) {
  const out = await runRequest(inst, ctx);
  assert.equal(out.error?.status, 401, `expected 401 for ${reason}, got ${out.error?.status ?? 'pass'}`);
  assert.equal(out.error.reason, `sender-constraint:${reason}`);
  assert.equal(deps.events.at(-1)?.fields['event.reason'], reason);
  assert.equal(out.error.detail, undefined, 'generic message');
  return out.error;
}

describe('sender-constraint: certificate-bound tokens (RFC 8705)', () => {
  const good = cert('client-certificate-1');
  const other = cert('client-certificate-2');
  const bound = { cnf: { 'x5t#S256': good.x5tS256 } };

  test('the matching client certificate passes', async () => {
    const { inst } = make();
    const out = await runRequest(inst, ctxFor({ claims: bound, scheme: 'bearer', clientCertificate: good }));
    assert.equal(out.error, undefined);
  });
  test('no certificate, or another one, is refused with invalid_token', async () => {
    const { inst, deps } = make();
    const e1 = await refused(inst, ctxFor({ claims: bound, scheme: 'bearer' }), 'cert_required', deps);
    assert.match(e1.headers?.['www-authenticate'] ?? '', /^Bearer realm="gatehouse", error="invalid_token"/);
    await refused(
      inst,
      ctxFor({ claims: bound, scheme: 'bearer', clientCertificate: other }),
      'cert_binding_mismatch',
      deps,
    );
    await refused(
      inst,
      ctxFor({ claims: { cnf: { 'x5t#S256': 7 } }, scheme: 'bearer', clientCertificate: good }),
      'bad_cnf',
      deps,
    );
  });
  test('certificate_bound.required refuses unbound tokens; without it they pass', async () => {
    const strict = make({ certificate_bound: { required: true } });
    await refused(
      strict.inst,
      ctxFor({ scheme: 'bearer', clientCertificate: good }),
      'token_not_bound',
      strict.deps,
    );
    const lax = make();
    assert.equal(
      (await runRequest(lax.inst, ctxFor({ scheme: 'bearer', clientCertificate: good }))).error,
      undefined,
    );
  });
});

describe('sender-constraint: cnf handling', () => {
  test('unknown or malformed confirmation claims fail closed', async () => {
    const { inst, deps } = make();
    await refused(inst, ctxFor({ claims: { cnf: 'x' }, scheme: 'bearer' }), 'bad_cnf', deps);
    await refused(inst, ctxFor({ claims: { cnf: [] }, scheme: 'bearer' }), 'bad_cnf', deps);
    await refused(inst, ctxFor({ claims: { cnf: {} }, scheme: 'bearer' }), 'unsupported_cnf', deps);
    await refused(inst, ctxFor({ claims: { cnf: { jwk: {} } }, scheme: 'bearer' }), 'unsupported_cnf', deps);
    await refused(inst, ctxFor({ claims: { cnf: { jkt: 1 } } }), 'bad_cnf', deps);
  });
  test('requests without a token authentication pass untouched, but the DPoP header is not forwarded', async () => {
    const { inst } = make({ dpop: { required: true } });
    const ctx = ctxFor({ anonymous: true, proof: 'x.y.z' });
    assert.equal((await runRequest(inst, ctx)).error, undefined);
    assert.equal(ctx.upstreamHeaders.dpop, undefined);
    const keep = make({ dpop: { hide_proof: false } });
    const ctx2 = ctxFor({ anonymous: true, proof: 'x.y.z' });
    await runRequest(keep.inst, ctx2);
    assert.equal(ctx2.upstreamHeaders.dpop, 'x.y.z');
  });
  test('successes without claims (API keys) are not token authentications', async () => {
    const { inst } = make({ dpop: { required: true } });
    const ctx = fakeRequestContext();
    authenticate(ctx, { method: 'key-auth' });
    assert.equal((await runRequest(inst, ctx)).error, undefined);
  });
});

describe('sender-constraint: DPoP (RFC 9449)', () => {
  test('a valid proof passes; its replay is refused (in-process memory without a store)', async () => {
    const c = await dpopClient();
    const { inst, deps } = make();
    const proof = await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN });
    const claims = { cnf: { jkt: c.jkt } };
    assert.equal((await runRequest(inst, ctxFor({ claims, proof }))).error, undefined);
    const e = await refused(inst, ctxFor({ claims, proof }), 'dpop_replay', deps);
    assert.match(
      e.headers?.['www-authenticate'] ?? '',
      /^DPoP realm="gatehouse", error="invalid_dpop_proof"/,
    );
    assert.match(e.headers?.['www-authenticate'] ?? '', /algs="ES256 RS256 PS256 EdDSA"/);
  });

  test('the replay check uses the state store when there is one', async () => {
    const store = createLocalStore({ capacity: 1024 });
    try {
      const c = await dpopClient();
      const { inst, deps } = make({}, { store });
      const proof = await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN, jti: 'store-jti' });
      const claims = { cnf: { jkt: c.jkt } };
      assert.equal((await runRequest(inst, ctxFor({ claims, proof }))).error, undefined);
      // Another instance (another route, another worker) sharing the store sees the jti.
      const second = make({}, { store });
      await refused(second.inst, ctxFor({ claims, proof }), 'dpop_replay', second.deps);
      assert.equal(deps.events.length, 0);
    } finally {
      await store.close();
    }
  });

  test('a failing store answers 503 by default, or falls back to local memory', async () => {
    const broken = {
      markIfAbsent() {
        throw new StoreUnavailableError('down');
      },
    } as unknown as StateStore;
    const rejecting = {
      markIfAbsent: () => Promise.reject(new StoreUnavailableError('down')),
    } as unknown as StateStore;
    const c = await dpopClient();
    const claims = { cnf: { jkt: c.jkt } };
    for (const store of [broken, rejecting]) {
      const deny = make({}, { store });
      const out = await runRequest(
        deny.inst,
        ctxFor({ claims, proof: await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN }) }),
      );
      assert.equal(out.error?.status, 503);
      assert.equal(out.error?.reason, 'store_unavailable');
      const local = make({ dpop: { on_store_error: 'local' } }, { store });
      const proof = await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN });
      assert.equal((await runRequest(local.inst, ctxFor({ claims, proof }))).error, undefined);
      await refused(local.inst, ctxFor({ claims, proof }), 'dpop_replay', local.deps);
    }
  });

  test('a full in-process replay memory refuses new proofs instead of forgetting', async () => {
    const c = await dpopClient();
    const { inst } = make({ dpop: { replay_cache_max: 1000 } });
    const claims = { cnf: { jkt: c.jkt } };
    for (let i = 0; i < 1000; i++) {
      const proof = await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN, jti: `fill-${i}` });
      assert.equal((await runRequest(inst, ctxFor({ claims, proof }))).error, undefined);
    }
    const out = await runRequest(
      inst,
      ctxFor({ claims, proof: await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN }) }),
    );
    assert.equal(out.error?.status, 503);
    assert.equal(out.error?.reason, 'dpop_replay_cache_full');
  });

  test('broken proofs are refused with invalid_dpop_proof and a reason per check', async () => {
    const c = await dpopClient();
    const attacker = await dpopClient();
    const { inst, deps } = make();
    const claims = { cnf: { jkt: c.jkt } };
    const base = { htm: 'GET', htu: HTU, accessToken: TOKEN };
    const cases: Array<[string, Promise<string> | string | string[], Req?]> = [
      ['dpop_proof_missing', ''],
      ['dpop_malformed', ['a', 'b']],
      ['dpop_malformed', `${await c.proof(base)}, ${await c.proof(base)}`],
      ['dpop_bad_htu', c.proof({ ...base, htu: 'http://gateway.test/orders/2' })],
      ['dpop_bad_htu', c.proof({ ...base, htu: 'https://gateway.test/orders/1' })],
      ['dpop_bad_htu', c.proof({ ...base, htu: 'http://evil.test/orders/1' })],
      ['dpop_bad_htm', c.proof({ ...base, htm: 'POST' })],
      ['dpop_stale', c.proof({ ...base, iat: Math.floor(Date.now() / 1000) - 3600 })],
      ['dpop_bad_ath', c.proof({ ...base, accessToken: 'another-token' })],
      ['dpop_key_mismatch', attacker.proof(base)],
      ['dpop_private_jwk', c.proof({ ...base, header: { jwk: c.privateJwk } })],
      ['dpop_alg_not_allowed', c.proof({ ...base, header: { alg: 'HS256' }, signWith: randomBytes(32) })],
      ['dpop_bad_typ', c.proof({ ...base, header: { typ: 'at+jwt' } })],
      ['dpop_bad_signature', c.proof({ ...base, signWith: attacker.keys.privateKey })],
      ['dpop_too_large', 'a'.repeat(9000)],
    ];
    for (const [reason, proof] of cases) {
      const p = await proof;
      await refused(inst, ctxFor({ claims, proof: p }), reason, deps);
    }
    const missing = await refused(inst, ctxFor({ claims }), 'dpop_proof_missing', deps);
    assert.match(missing.headers?.['www-authenticate'] ?? '', /error="invalid_dpop_proof"/);
  });

  test('htu: query and fragment are ignored, the path is compared normalised, default ports dropped', async () => {
    const c = await dpopClient();
    const { inst } = make();
    const claims = { cnf: { jkt: c.jkt } };
    for (const htu of [
      'http://gateway.test/orders/1?x=1#f',
      'HTTP://GATEWAY.test:80/orders/1',
      'http://gateway.test/orders/./x/../1',
      'http://gateway.test/%6Frders/1',
    ]) {
      const proof = await c.proof({ htm: 'GET', htu, accessToken: TOKEN });
      const out = await runRequest(inst, ctxFor({ claims, proof, query: 'x=2' }));
      assert.equal(out.error, undefined, htu);
    }
    const tls = await c.proof({ htm: 'GET', htu: 'https://gateway.test/orders/1', accessToken: TOKEN });
    assert.equal((await runRequest(inst, ctxFor({ claims, proof: tls, secure: true }))).error, undefined);
    const port = await c.proof({ htm: 'GET', htu: 'http://gateway.test:8080/orders/1', accessToken: TOKEN });
    assert.equal(
      (await runRequest(inst, ctxFor({ claims, proof: port, host: 'gateway.test:8080' }))).error,
      undefined,
    );
  });

  test('htu_base: the public URL behind a proxy, with a path prefix', async () => {
    const c = await dpopClient();
    const { inst, deps } = make({ dpop: { htu_base: 'https://api.example.com/v1/' } });
    const claims = { cnf: { jkt: c.jkt } };
    const good = await c.proof({
      htm: 'GET',
      htu: 'https://api.example.com/v1/orders/1',
      accessToken: TOKEN,
    });
    assert.equal((await runRequest(inst, ctxFor({ claims, proof: good }))).error, undefined);
    const internal = await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN });
    await refused(inst, ctxFor({ claims, proof: internal }), 'dpop_bad_htu', deps);
    const noPrefix = await c.proof({
      htm: 'GET',
      htu: 'https://api.example.com/orders/1',
      accessToken: TOKEN,
    });
    await refused(inst, ctxFor({ claims, proof: noPrefix }), 'dpop_bad_htu', deps);
    assert.throws(() => make({ dpop: { htu_base: 'https://user:pw@api.example.com/' } }), TypeError);
    assert.throws(() => make({ dpop: { htu_base: 'https://api.example.com/a;b' } }), TypeError);
  });

  test('a bound token presented as a bearer token is a downgrade', async () => {
    const c = await dpopClient();
    const { inst, deps } = make();
    const proof = await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN });
    const e = await refused(
      inst,
      ctxFor({ claims: { cnf: { jkt: c.jkt } }, scheme: 'bearer', proof }),
      'dpop_downgrade',
      deps,
    );
    assert.match(e.headers?.['www-authenticate'] ?? '', /^DPoP realm="gatehouse", error="invalid_token"/);
  });

  test('DPoP scheme with an unbound token, and dpop.required with an unbound token, are refused', async () => {
    const c = await dpopClient();
    const proof = await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN });
    const lax = make();
    await refused(lax.inst, ctxFor({ proof }), 'token_not_bound', lax.deps);
    assert.equal((await runRequest(lax.inst, ctxFor({ scheme: 'bearer' }))).error, undefined);
    const strict = make({ dpop: { required: true } });
    await refused(strict.inst, ctxFor({ scheme: 'bearer' }), 'token_not_bound', strict.deps);
    await refused(
      strict.inst,
      ctxFor({ claims: { cnf: { 'x5t#S256': 'abc' } }, scheme: 'bearer', clientCertificate: cert('x') }),
      'cert_binding_mismatch',
      strict.deps,
    );
  });

  test('a bound token whose presentation was not recorded fails closed', async () => {
    const c = await dpopClient();
    const { inst, deps } = make();
    const ctx = fakeRequestContext({
      headers: { dpop: await c.proof({ htm: 'GET', htu: 'http://gateway.test/', accessToken: TOKEN }) },
    });
    authenticate(ctx, { method: 'oidc', claims: { cnf: { jkt: c.jkt } } });
    assert.equal(presentedToken(ctx, 'oidc'), undefined);
    await refused(inst, ctx, 'no_access_token', deps);
  });

  test('nonce flow: use_dpop_nonce with a fresh nonce, then the retry passes; responses carry the nonce', async () => {
    const secret = 'n'.repeat(32);
    const c = await dpopClient();
    const { inst, deps } = make({ dpop: { nonce: true, nonce_secret: secret } });
    const claims = { cnf: { jkt: c.jkt } };
    const first = await refused(
      inst,
      ctxFor({ claims, proof: await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN }) }),
      'dpop_nonce',
      deps,
    );
    assert.match(
      first.headers?.['www-authenticate'] ?? '',
      /^DPoP realm="gatehouse", error="use_dpop_nonce"/,
    );
    const nonce = first.headers?.['dpop-nonce'];
    assert.ok(nonce && new DpopNonces(Buffer.from(secret), 120_000).valid(nonce, Date.now()));
    await refused(
      inst,
      ctxFor({ claims, proof: await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN, nonce: 'forged' }) }),
      'dpop_nonce',
      deps,
    );
    const ctx = ctxFor({ claims, proof: await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN, nonce }) });
    assert.equal((await runRequest(inst, ctx)).error, undefined);
    const res = toResponseContext(ctx);
    await runResponse(inst, res);
    assert.equal(res.responseHeaders['dpop-nonce'], nonce);
    // A proof that is wrong otherwise is reported as such (and still gets a nonce to retry with).
    const bad = await refused(
      inst,
      ctxFor({ claims, proof: await c.proof({ htm: 'PUT', htu: HTU, accessToken: TOKEN }) }),
      'dpop_bad_htm',
      deps,
    );
    assert.match(bad.headers?.['www-authenticate'] ?? '', /error="invalid_dpop_proof"/);
    assert.equal(bad.headers?.['dpop-nonce'], nonce);
    // Without a DPoP request header the response gets no nonce.
    const plain = toResponseContext(fakeRequestContext());
    await runResponse(inst, plain);
    assert.equal(plain.responseHeaders['dpop-nonce'], undefined);
  });

  test('without nonce mode there is no response hook', () => {
    assert.equal(make().inst.onResponse, undefined);
    assert.equal(typeof make({ dpop: { nonce: true } }).inst.onResponse, 'function');
  });

  test('report-only records a would-deny and lets the request continue', async () => {
    const c = await dpopClient();
    const { inst } = make();
    const ctx = ctxFor({ claims: { cnf: { jkt: c.jkt } }, scheme: 'bearer' });
    const { error, decisions } = await runReportOnly(inst, ctx, 'sender-constraint');
    assert.equal(error, null);
    assert.deepEqual(
      decisions.map((d) => [d.action, d.reason]),
      [['would-deny', 'sender-constraint:dpop_downgrade']],
    );
  });

  test('the algorithm allowlist is configurable', async () => {
    const c = await dpopClient('PS256');
    const { inst, deps } = make({ dpop: { algorithms: ['ES256'] } });
    const proof = await c.proof({ htm: 'GET', htu: HTU, accessToken: TOKEN });
    await refused(inst, ctxFor({ claims: { cnf: { jkt: c.jkt } }, proof }), 'dpop_alg_not_allowed', deps);
    const all = make();
    assert.equal(
      (await runRequest(all.inst, ctxFor({ claims: { cnf: { jkt: c.jkt } }, proof }))).error,
      undefined,
    );
  });
});
