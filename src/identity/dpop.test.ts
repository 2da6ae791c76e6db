import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { dpopClient } from '../policies/sender-constraint/test-support.ts';
import { fakeRequestContext } from '../policies/testing.ts';
import {
  accessTokenHash,
  DPOP_ALGORITHMS,
  type DpopExpectations,
  DpopNonces,
  dpopReplayKey,
  normaliseOrigin,
  parseHtu,
  presentedToken,
  publicProofJwk,
  ReplayCache,
  recordPresentedToken,
  splitAuthorization,
  verifyDpopProof,
} from './dpop.ts';

const HTU = 'https://api.test/orders/1';
const now = () => Math.floor(Date.now() / 1000);

function expect(over: Partial<DpopExpectations> = {}): DpopExpectations {
  return {
    method: 'GET',
    htu: (u) => u === HTU,
    accessToken: 'tok',
    jkt: undefined,
    algorithms: new Set(DPOP_ALGORITHMS),
    nowS: Date.now() / 1000,
    maxAgeS: 60,
    leewayS: 5,
    nonce: undefined,
    maxBytes: 8192,
    ...over,
  };
}

describe('splitAuthorization', () => {
  test('Bearer and DPoP, any case, several spaces', () => {
    assert.deepEqual(splitAuthorization('Bearer abc'), { scheme: 'bearer', token: 'abc' });
    assert.deepEqual(splitAuthorization('bEaReR   abc'), { scheme: 'bearer', token: 'abc' });
    assert.deepEqual(splitAuthorization('DPoP abc'), { scheme: 'dpop', token: 'abc' });
    assert.deepEqual(splitAuthorization('dpop abc'), { scheme: 'dpop', token: 'abc' });
  });
  test('other schemes and bare schemes are not credentials', () => {
    for (const v of [
      'Basic Zm9v',
      'Bearer',
      'Bearer ',
      'DPoP ',
      'DPoPabc',
      'Bearerabc',
      'abc',
      '',
      'Bearer\tabc',
    ]) {
      assert.equal(splitAuthorization(v), undefined, v);
    }
  });
});

test('recordPresentedToken keeps one entry per method', () => {
  const ctx = fakeRequestContext();
  recordPresentedToken(ctx, 'jwt-auth', 'a', 'bearer');
  recordPresentedToken(ctx, 'oauth-introspection', 'b', 'dpop');
  recordPresentedToken(ctx, 'jwt-auth', 'c', 'dpop');
  assert.deepEqual(presentedToken(ctx, 'jwt-auth'), { method: 'jwt-auth', token: 'c', scheme: 'dpop' });
  assert.equal(presentedToken(ctx, 'oauth-introspection')?.token, 'b');
  assert.equal(presentedToken(ctx, 'key-auth'), undefined);
  assert.equal((ctx.state['access-token'] as unknown[]).length, 2);
});

test('ath and replay keys (RFC 9449 §7.1 example)', () => {
  assert.equal(
    accessTokenHash('Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU'),
    'fUHyO2r2Z3DZ53EsNrWBb0xWXoaNy59IiKCAqksmQEo',
  );
  assert.equal(dpopReplayKey('x'), `dpop:jti:${createHash('sha256').update('x').digest('base64url')}`);
});

describe('publicProofJwk', () => {
  test('RFC 7638 §3.1 example key reduces to its required members and hashes to the known thumbprint', async () => {
    const { calculateJwkThumbprint } = await import('jose');
    const jwk = {
      kty: 'RSA',
      n: '0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw',
      e: 'AQAB',
      alg: 'RS256',
      kid: '2011-04-29',
    };
    const pub = publicProofJwk(jwk, 'RS256');
    assert.deepEqual(pub, { kty: 'RSA', n: jwk.n, e: 'AQAB' });
    assert.equal(
      await calculateJwkThumbprint(pub as never, 'sha256'),
      'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs',
    );
  });
  test('private members, wrong key types and sizes are refused', async () => {
    const c = await dpopClient('ES256');
    assert.equal(publicProofJwk(c.privateJwk, 'ES256'), 'private_jwk');
    assert.equal(publicProofJwk({ ...c.jwk, k: 'AAAA' }, 'ES256'), 'private_jwk');
    assert.equal(publicProofJwk(c.jwk, 'RS256'), 'bad_jwk');
    assert.equal(publicProofJwk(c.jwk, 'EdDSA'), 'bad_jwk');
    assert.equal(publicProofJwk({ ...c.jwk, crv: 'P-384' }, 'ES256'), 'bad_jwk');
    assert.equal(publicProofJwk({ ...c.jwk, x: 'AAAA' }, 'ES256'), 'bad_jwk');
    assert.equal(publicProofJwk({ ...c.jwk, alg: 'ES384' }, 'ES256'), 'bad_jwk');
    assert.equal(publicProofJwk({ ...c.jwk, use: 'enc' }, 'ES256'), 'bad_jwk');
    assert.equal(publicProofJwk({ kty: 'oct', k: 'c2VjcmV0' }, 'ES256'), 'private_jwk');
    assert.equal(publicProofJwk('jwk', 'ES256'), 'bad_jwk');
    assert.equal(publicProofJwk([c.jwk], 'ES256'), 'bad_jwk');
    assert.equal(publicProofJwk(null, 'ES256'), 'bad_jwk');
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    assert.equal(publicProofJwk(small.publicKey.export({ format: 'jwk' }), 'RS256'), 'bad_jwk');
  });
});

describe('verifyDpopProof', () => {
  for (const alg of DPOP_ALGORITHMS) {
    test(`a valid ${alg} proof passes and yields jti and jkt`, async () => {
      const c = await dpopClient(alg);
      const proof = await c.proof({ htm: 'GET', htu: HTU, accessToken: 'tok', jti: 'j-1' });
      const r = await verifyDpopProof(proof, expect({ jkt: c.jkt }));
      assert.ok(r.ok, JSON.stringify(r));
      assert.equal(r.proof.jti, 'j-1');
      assert.equal(r.proof.jkt, c.jkt);
    });
  }

  test('each broken member gets its reason', async () => {
    const c = await dpopClient();
    const other = await dpopClient();
    const base = { htm: 'GET', htu: HTU, accessToken: 'tok' };
    const cases: Array<[string, Promise<string> | string, Partial<DpopExpectations>?]> = [
      ['malformed', 'not.a-jwt'],
      ['malformed', 'a.b'],
      ['too_large', 'x'.repeat(9000)],
      ['bad_typ', c.proof({ ...base, header: { typ: 'JWT' } })],
      ['bad_typ', c.proof({ ...base, header: { typ: undefined } })],
      ['alg_not_allowed', c.proof({ ...base }), { algorithms: new Set(['RS256']) }],
      ['malformed', c.proof({ ...base, header: { crit: ['urn:x'], 'urn:x': 1 }, crit: ['urn:x'] })],
      ['private_jwk', c.proof({ ...base, header: { jwk: c.privateJwk } })],
      ['bad_jwk', c.proof({ ...base, header: { jwk: undefined } })],
      ['missing_claim', c.proof({ ...base, jti: '' })],
      ['missing_claim', c.proof({ ...base, claims: { jti: undefined } })],
      ['missing_claim', c.proof({ ...base, claims: { htu: undefined } })],
      ['missing_claim', c.proof({ ...base, claims: { iat: '1' } })],
      ['missing_claim', c.proof({ ...base, accessToken: undefined })],
      ['bad_htm', c.proof({ ...base, htm: 'POST' })],
      ['bad_htm', c.proof({ ...base, htm: 'get' })],
      ['bad_htu', c.proof({ ...base, htu: 'https://api.test/orders/2' })],
      ['stale', c.proof({ ...base, iat: now() - 120 })],
      ['future', c.proof({ ...base, iat: now() + 60 })],
      ['bad_ath', c.proof({ ...base, accessToken: 'other' })],
      ['key_mismatch', other.proof(base), { jkt: c.jkt }],
      ['bad_signature', c.proof({ ...base, signWith: other.keys.privateKey })],
      ['nonce', c.proof(base), { nonce: () => false }],
      ['nonce', c.proof({ ...base, nonce: 'n-1' }), { nonce: (n) => n === 'n-2' }],
    ];
    for (const [reason, proof, over] of cases) {
      const r = await verifyDpopProof(await proof, expect({ jkt: undefined, ...over }));
      assert.equal(r.ok ? 'ok' : r.reason, reason, `${reason} ${JSON.stringify(over ?? {})}`);
    }
    const stripped = (await c.proof(base)).replace(/\.[^.]+$/, '.');
    assert.deepEqual(await verifyDpopProof(stripped, expect()), { ok: false, reason: 'bad_signature' });
    const ok = await verifyDpopProof(
      await c.proof({ ...base, nonce: 'n-2' }),
      expect({ nonce: (n) => n === 'n-2' }),
    );
    assert.ok(ok.ok);
  });

  test('HS256 and none are never accepted, whatever the allowlist says', async () => {
    const c = await dpopClient();
    const hs = await c.proof({
      htm: 'GET',
      htu: HTU,
      accessToken: 'tok',
      header: { alg: 'HS256' },
      signWith: randomBytes(32),
    });
    const r = await verifyDpopProof(
      hs,
      expect({ algorithms: new Set(['HS256', 'none', ...DPOP_ALGORITHMS]) }),
    );
    assert.equal(r.ok, false);
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const none = `${enc({ typ: 'dpop+jwt', alg: 'none', jwk: c.jwk })}.${enc({ jti: 'x', htm: 'GET', htu: HTU, iat: now() })}.`;
    assert.equal((await verifyDpopProof(none, expect())).ok, false);
  });
});

describe('htu parsing', () => {
  test('origins are normalised (case, default port) and refuse user info', () => {
    assert.equal(normaliseOrigin('https', 'API.Test:443'), 'https://api.test');
    assert.equal(normaliseOrigin('http', 'api.test:8080'), 'http://api.test:8080');
    assert.equal(normaliseOrigin('http', '[::1]:80'), 'http://[::1]');
    assert.equal(normaliseOrigin('http', 'user@api.test'), undefined);
    assert.equal(normaliseOrigin('http', 'api.test/x'), undefined);
    assert.deepEqual(parseHtu('HTTPS://API.test:443/a/./b?q=1#f'), {
      origin: 'https://api.test',
      path: '/a/b',
    });
    assert.equal(parseHtu('ftp://api.test/'), undefined);
    assert.equal(parseHtu('https://u:p@api.test/'), undefined);
    assert.equal(parseHtu('/relative'), undefined);
  });
});

describe('DpopNonces', () => {
  const secret = randomBytes(32);
  test('current and previous windows are valid, older ones and other secrets are not', () => {
    const n = new DpopNonces(secret, 60_000);
    const t0 = 1_700_000_000_000;
    const a = n.current(t0);
    assert.equal(n.current(t0 + 1), a, 'one nonce per window');
    assert.ok(n.valid(a, t0));
    assert.ok(n.valid(a, t0 + 60_000));
    assert.equal(n.valid(a, t0 + 120_000), false);
    assert.equal(n.valid(n.current(t0 + 60_000), t0), false, 'a nonce from the future');
    assert.equal(new DpopNonces(randomBytes(32), 60_000).valid(a, t0), false);
    const tampered = (a[0] === 'A' ? 'B' : 'A') + a.slice(1);
    assert.equal(n.valid(tampered, t0), false);
    assert.equal(n.valid(`${a}A`, t0), false);
    assert.equal(n.valid('', t0), false);
    assert.equal(n.valid('!'.repeat(a.length), t0), false);
  });
  test('refuses short secrets and windows', () => {
    assert.throws(() => new DpopNonces(randomBytes(16), 60_000), TypeError);
    assert.throws(() => new DpopNonces(secret, 10), TypeError);
  });
});

describe('ReplayCache', () => {
  test('marks once per TTL, refuses when full instead of forgetting, reclaims expired keys', () => {
    const c = new ReplayCache(2);
    assert.equal(c.markIfAbsent('a', 1000, 0), true);
    assert.equal(c.markIfAbsent('a', 1000, 500), false);
    assert.equal(c.markIfAbsent('b', 1000, 600), true);
    assert.equal(c.markIfAbsent('c', 1000, 700), 'full');
    assert.equal(c.markIfAbsent('a', 1000, 700), false, 'a is still remembered');
    assert.equal(c.markIfAbsent('c', 1000, 1000), true, 'a expired and was reclaimed');
    assert.equal(c.markIfAbsent('a', 1000, 1001), 'full');
    assert.equal(c.size(5000), 0);
    assert.equal(c.markIfAbsent('a', 1000, 5000), true);
    assert.throws(() => new ReplayCache(0), TypeError);
  });
});
