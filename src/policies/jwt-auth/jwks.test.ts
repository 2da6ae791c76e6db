import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, test } from 'node:test';
import { pino } from 'pino';
import { KeyEntry, KeySet, KeySource, parseJwks } from './jwks.ts';
import { JWS_ALGORITHMS } from './schema.ts';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey;
const ed = generateKeyPairSync('ed25519').publicKey;
const jwkOf = (k: typeof rsa) => k.export({ format: 'jwk' }) as Record<string, unknown>;
const supported = (e: KeyEntry) => JWS_ALGORITHMS.filter((a) => e.supports(a));

describe('KeyEntry: the key type is bound to the algorithm', () => {
  test('RSA ↔ RS*/PS*, P-256 ↔ ES256, P-384 ↔ ES384, Ed25519 ↔ EdDSA, a secret ↔ HS* only', () => {
    assert.deepEqual(supported(KeyEntry.fromPem(rsa.export({ format: 'pem', type: 'spki' }) as string)), [
      'RS256',
      'RS384',
      'RS512',
      'PS256',
      'PS384',
      'PS512',
    ]);
    assert.deepEqual(supported(KeyEntry.fromJwk(jwkOf(p256)) as KeyEntry), ['ES256']);
    assert.deepEqual(supported(KeyEntry.fromJwk(jwkOf(p384)) as KeyEntry), ['ES384']);
    assert.deepEqual(supported(KeyEntry.fromJwk(jwkOf(ed)) as KeyEntry), ['EdDSA']);
    assert.deepEqual(supported(KeyEntry.fromSecret('s'.repeat(32))), ['HS256', 'HS384', 'HS512']);
  });

  test('a JWK alg, use or key_ops narrows what it verifies', () => {
    assert.deepEqual(supported(KeyEntry.fromJwk({ ...jwkOf(rsa), alg: 'PS256' }) as KeyEntry), ['PS256']);
    assert.equal(typeof KeyEntry.fromJwk({ ...jwkOf(rsa), use: 'enc' }), 'string');
    assert.deepEqual(supported(KeyEntry.fromJwk({ ...jwkOf(rsa), key_ops: ['sign'] }) as KeyEntry), []);
  });

  test('private, symmetric, weak, unknown or broken JWKs are refused with a reason', () => {
    const priv = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    for (const bad of [
      priv,
      { kty: 'oct', k: 'c2VjcmV0' },
      weak,
      { kty: 'AKP', alg: 'ML-DSA-44', pub: 'AAAA' },
      { kty: 'EC', crv: 'secp256k1', x: 'AA', y: 'AA' },
      { kty: 'RSA', n: 'AA' },
      { ...jwkOf(rsa), alg: 'HS256' },
      { ...jwkOf(rsa), kid: 7 },
      { kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA' },
    ]) {
      assert.equal(
        typeof KeyEntry.fromJwk(bad as Record<string, unknown>),
        'string',
        JSON.stringify(bad).slice(0, 60),
      );
    }
    assert.throws(
      () =>
        KeyEntry.fromPem(
          generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
            format: 'pem',
            type: 'pkcs8',
          }) as string,
        ),
      TypeError,
    );
  });
});

describe('KeySet and parseJwks', () => {
  test('candidates by kid and alg; kid-less keys match any kid', () => {
    const a = KeyEntry.fromJwk({ ...jwkOf(rsa), kid: 'a' }) as KeyEntry;
    const b = KeyEntry.fromJwk({ ...jwkOf(p256), kid: 'b' }) as KeyEntry;
    const any = KeyEntry.fromSecret('s'.repeat(32));
    const set = new KeySet([a, b, any]);
    assert.deepEqual(set.candidates('a', 'RS256'), [a]);
    assert.deepEqual(set.candidates('a', 'ES256'), []);
    assert.deepEqual(set.candidates('b', 'ES256'), [b]);
    assert.deepEqual(set.candidates('zzz', 'HS256'), [any]);
    assert.deepEqual(set.candidates(undefined, 'RS256'), [a]);
    assert.equal(set.hasKid('a'), true);
    assert.equal(set.hasKid('__proto__'), false);
    assert.notEqual(set.fingerprint, new KeySet([a]).fingerprint);
    assert.equal(set.fingerprint, new KeySet([any, b, a]).fingerprint);
  });

  test('unusable keys are skipped, not fatal; a document without keys is', () => {
    const skipped: string[] = [];
    const out = parseJwks({ keys: [{ kty: 'oct', k: 'AA' }, 'x', { ...jwkOf(rsa), kid: 'ok' }] }, (r) =>
      skipped.push(r),
    );
    assert.equal(out.length, 1);
    assert.equal(skipped.length, 2);
    assert.throws(() => parseJwks({ keys: 'nope' }, () => undefined), TypeError);
    assert.throws(() => parseJwks([], () => undefined), TypeError);
  });
});

describe('KeySource', () => {
  const base = {
    issuer: 'i',
    staticKeys: [],
    allowHttp: false,
    refreshMs: 60_000,
    cooldownMs: 1000,
    timeoutMs: 500,
    logger: pino({ level: 'silent' }),
    onChange: () => undefined,
  };

  test('plain http is refused unless allow_http', () => {
    assert.throws(() => new KeySource({ ...base, jwksUri: 'http://idp.test/jwks' }), /HTTPS required/);
    new KeySource({ ...base, allowHttp: true, jwksUri: 'http://idp.test/jwks' }).close();
  });

  test('an unreachable JWKS leaves no keys, and the refetch is rate-limited', async () => {
    const src = new KeySource({ ...base, allowHttp: true, jwksUri: 'http://127.0.0.1:1/jwks' });
    await src.refetch();
    assert.equal(src.current, undefined);
    assert.equal(src.loads, 1);
    await src.refetch();
    assert.equal(src.loads, 1, 'inside the cooldown nothing is fetched');
    src.close();
  });
});
