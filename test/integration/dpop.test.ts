/**
 * DPoP (RFC 9449) end to end: the local identity provider mints access tokens bound to a client key
 * (`cnf.jkt`, JWTs through jwt-auth and opaque tokens through oauth-introspection), the client sends
 * `Authorization: DPoP <token>` with a proof JWT, and `sender-constraint` checks the proof. Every
 * attack is a generic 401 with a DPoP challenge whose reason is only in the security event, and never
 * reaches the recording upstream.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import {
  type DpopClient,
  dpopClient,
  type ProofInit,
} from '../../src/policies/sender-constraint/test-support.ts';
import {
  type Recorded,
  rawRequest,
  startGateway,
  startUpstream,
  statuses,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';
import { type LocalIdp, startIdp } from '../helpers/idp.ts';

let idp: LocalIdp;
let up: TestUpstream;
let gw: TestGateway;
let client: DpopClient;
let attacker: DpopClient;
/** An access token (JWT) bound to `client`'s key. */
let bound: string;
/** An access token (JWT) without `cnf`. */
let unbound: string;
/** An opaque token bound to `client`'s key (introspection answers cnf.jkt). */
const opaqueBound = 'opaque-dpop-bound-token-0123456789';

function route(name: string, path: string, policies: string): string {
  return `  - name: ${name}
    paths: ["${path}"]
    upstream: backend
    policies:
${policies
  .trim()
  .split('\n')
  .map((l) => `      ${l}`)
  .join('\n')}
`;
}

before(async () => {
  idp = await startIdp();
  idp.registerClient('gateway', 'gw-introspection-secret');
  up = await startUpstream();
  client = await dpopClient('ES256');
  attacker = await dpopClient('ES256');
  bound = await idp.sign({ sub: 'alice', aud: 'orders', cnf: { jkt: client.jkt } }, { typ: 'at+jwt' });
  unbound = await idp.sign({ sub: 'bob', aud: 'orders' }, { typ: 'at+jwt' });
  idp.registerOpaque(opaqueBound, { sub: 'carol', cnf: { jkt: client.jkt } });
  const jwt = `jwt-auth:
  issuers:
    - issuer: "${idp.issuer}"
      audiences: [orders]
      algorithms: [RS256]
      discovery: "${idp.discoveryUrl}"
      allow_http: true
      typ: at+jwt`;
  const yaml = `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
${route('dpop', '/dpop/*', `${jwt}\nsender-constraint: {}`)}
${route('required', '/required/*', `${jwt}\nsender-constraint:\n  dpop: { required: true }`)}
${route('nonce', '/nonce/*', `${jwt}\nsender-constraint:\n  dpop: { nonce: true }`)}
${route(
  'opaque',
  '/opaque/*',
  `oauth-introspection:
  endpoint: "${idp.introspectionUrl}"
  allow_http: true
  client_id: gateway
  client_secret: gw-introspection-secret
sender-constraint: {}`,
)}
`;
  gw = await startGateway(yaml);
});

after(async () => {
  await gw?.close();
  await up?.close();
  await idp?.close();
});

interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  reason: string | undefined;
  forwarded: Recorded[];
}

interface CallInit {
  method?: string;
  token?: string;
  scheme?: string;
  proof?: string;
  /** Query string (with `?`) appended to the request, not to the proof's htu. */
  query?: string;
}

async function call(path: string, init: CallInit = {}): Promise<CallResult> {
  const seen = up.requests.length;
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.authorization = `${init.scheme ?? 'DPoP'} ${init.token}`;
  if (init.proof !== undefined) headers.dpop = init.proof;
  const res = await request(`${gw.url}${path}${init.query ?? ''}`, { method: init.method ?? 'GET', headers });
  const body = await res.body.text();
  let reason: string | undefined;
  if (res.statusCode === 401) {
    const id = String(JSON.parse(body).instance ?? '')
      .split(':')
      .pop();
    const ev = gw.logs.find(
      (l) => l['event.action'] === 'authentication_failure' && l['http.request.id'] === id,
    );
    reason = ev?.['event.reason'] as string | undefined;
  }
  return { status: res.statusCode, headers: res.headers, body, reason, forwarded: up.requests.slice(seen) };
}

/** A proof for `GET <gateway>/<path>` bound to `token`, with overrides. */
function proofFor(path: string, token: string, over: Partial<ProofInit> = {}, who = client): Promise<string> {
  return who.proof({ htm: 'GET', htu: `${gw.url}${path}`, accessToken: token, ...over });
}

async function refused(
  path: string,
  init: CallInit,
  reason: string,
  error = 'invalid_dpop_proof',
): Promise<CallResult> {
  const r = await call(path, init);
  assert.equal(r.status, 401, `${path} ${reason}: expected 401, got ${r.status} ${r.body}`);
  assert.equal(r.reason, reason, `${path}: reason`);
  assert.equal(r.forwarded.length, 0, `${path} ${reason}: reached the upstream`);
  assert.match(
    String(r.headers['www-authenticate']),
    new RegExp(`^DPoP realm="gatehouse", error="${error}"`),
  );
  assert.equal(r.headers['content-type'], 'application/problem+json');
  assert.ok(!r.body.includes(reason), 'the reason is never shown to the client');
  return r;
}

describe('DPoP through the gateway', () => {
  it('a valid proof passes; the upstream sees neither the token nor the proof', async () => {
    const r = await call('/dpop/orders', { token: bound, proof: await proofFor('/dpop/orders', bound) });
    assert.equal(r.status, 200, r.body);
    const h = r.forwarded[0]!.headers;
    assert.equal(h['x-consumer-id'], 'alice');
    assert.equal(h.authorization, undefined);
    assert.equal(h.dpop, undefined);
  });

  it('query strings are not part of htu; POST proofs name POST', async () => {
    const q = await call('/dpop/orders', {
      token: bound,
      proof: await proofFor('/dpop/orders', bound),
      query: '?page=2',
    });
    assert.equal(q.status, 200, q.body);
    const p = await call('/dpop/orders', {
      method: 'POST',
      token: bound,
      proof: await proofFor('/dpop/orders', bound, { htm: 'POST' }),
    });
    assert.equal(p.status, 200, p.body);
  });

  it('a replayed proof (same jti) is refused', async () => {
    const proof = await proofFor('/dpop/replay', bound);
    assert.equal((await call('/dpop/replay', { token: bound, proof })).status, 200);
    await refused('/dpop/replay', { token: bound, proof }, 'dpop_replay');
    const sameJti = await proofFor('/dpop/replay', bound, {
      jti: JSON.parse(Buffer.from(proof.split('.')[1]!, 'base64url').toString()).jti,
    });
    await refused('/dpop/replay', { token: bound, proof: sameJti }, 'dpop_replay');
  });

  it('wrong htu (path, host, scheme) and wrong htm are refused', async () => {
    await refused('/dpop/a', { token: bound, proof: await proofFor('/dpop/b', bound) }, 'dpop_bad_htu');
    const otherHost = await client.proof({ htm: 'GET', htu: 'http://evil.test/dpop/a', accessToken: bound });
    await refused('/dpop/a', { token: bound, proof: otherHost }, 'dpop_bad_htu');
    const https = await client.proof({
      htm: 'GET',
      htu: `${gw.url.replace('http:', 'https:')}/dpop/a`,
      accessToken: bound,
    });
    await refused('/dpop/a', { token: bound, proof: https }, 'dpop_bad_htu');
    await refused(
      '/dpop/a',
      { method: 'DELETE', token: bound, proof: await proofFor('/dpop/a', bound) },
      'dpop_bad_htm',
    );
  });

  it('a stale or future iat is refused', async () => {
    const t = Math.floor(Date.now() / 1000);
    await refused(
      '/dpop/a',
      { token: bound, proof: await proofFor('/dpop/a', bound, { iat: t - 600 }) },
      'dpop_stale',
    );
    await refused(
      '/dpop/a',
      { token: bound, proof: await proofFor('/dpop/a', bound, { iat: t + 600 }) },
      'dpop_future',
    );
  });

  it('an ath for another token is refused', async () => {
    await refused('/dpop/a', { token: bound, proof: await proofFor('/dpop/a', unbound) }, 'dpop_bad_ath');
    await refused(
      '/dpop/a',
      { token: bound, proof: await proofFor('/dpop/a', bound, { accessToken: undefined }) },
      'dpop_missing_claim',
    );
  });

  it("a proof by another key than the token's cnf.jkt is refused (a stolen token is useless)", async () => {
    const stolen = await proofFor('/dpop/a', bound, {}, attacker);
    await refused('/dpop/a', { token: bound, proof: stolen }, 'dpop_key_mismatch');
    // The attacker's key in the header, signed with the client's key: still the attacker's thumbprint.
    const mixed = await proofFor('/dpop/a', bound, { header: { jwk: attacker.jwk } });
    await refused('/dpop/a', { token: bound, proof: mixed }, 'dpop_key_mismatch');
    // The client's public key in the header, signed by the attacker: the signature fails.
    const forged = await proofFor('/dpop/a', bound, { signWith: attacker.keys.privateKey });
    await refused('/dpop/a', { token: bound, proof: forged }, 'dpop_bad_signature');
  });

  it('a proof carrying a private key, an HS256 proof, alg none and a wrong typ are refused', async () => {
    await refused(
      '/dpop/a',
      { token: bound, proof: await proofFor('/dpop/a', bound, { header: { jwk: client.privateJwk } }) },
      'dpop_private_jwk',
    );
    const hs = await proofFor('/dpop/a', bound, { header: { alg: 'HS256' }, signWith: randomBytes(32) });
    await refused('/dpop/a', { token: bound, proof: hs }, 'dpop_alg_not_allowed');
    const [h, p] = (await proofFor('/dpop/a', bound)).split('.');
    const header = JSON.parse(Buffer.from(h!, 'base64url').toString());
    const none = `${Buffer.from(JSON.stringify({ ...header, alg: 'none' })).toString('base64url')}.${p}.`;
    await refused('/dpop/a', { token: bound, proof: none }, 'dpop_alg_not_allowed');
    await refused(
      '/dpop/a',
      { token: bound, proof: await proofFor('/dpop/a', bound, { header: { typ: 'JWT' } }) },
      'dpop_bad_typ',
    );
  });

  it('a bound token without a proof, or with two proofs, is refused', async () => {
    await refused('/dpop/a', { token: bound }, 'dpop_proof_missing');
    const seen = up.requests.length;
    const one = await proofFor('/dpop/a', bound);
    const two = await proofFor('/dpop/a', bound);
    const raw = await rawRequest(
      gw.port,
      `GET /dpop/a HTTP/1.1\r\nHost: ${new URL(gw.url).host}\r\nAuthorization: DPoP ${bound}\r\nDPoP: ${one}\r\nDPoP: ${two}\r\nConnection: close\r\n\r\n`,
    );
    assert.deepEqual(statuses(raw), [401]);
    assert.match(raw, /error="invalid_dpop_proof"/);
    assert.equal(up.requests.length, seen);
    assert.ok(gw.logs.some((l) => l['event.reason'] === 'dpop_malformed'));
  });

  it('a bound token presented as a Bearer token is refused (downgrade), even with a valid proof', async () => {
    const r = await refused(
      '/dpop/a',
      { token: bound, scheme: 'Bearer', proof: await proofFor('/dpop/a', bound) },
      'dpop_downgrade',
      'invalid_token',
    );
    assert.match(String(r.headers['www-authenticate']), /algs="ES256 RS256 PS256 EdDSA"/);
  });

  it('unbound tokens: Bearer passes unless DPoP is required; the DPoP scheme needs a bound token', async () => {
    assert.equal((await call('/dpop/a', { token: unbound, scheme: 'Bearer' })).status, 200);
    await refused('/required/a', { token: unbound, scheme: 'Bearer' }, 'token_not_bound', 'invalid_token');
    await refused(
      '/dpop/a',
      { token: unbound, proof: await proofFor('/dpop/a', unbound) },
      'token_not_bound',
      'invalid_token',
    );
    const ok = await call('/required/a', { token: bound, proof: await proofFor('/required/a', bound) });
    assert.equal(ok.status, 200, ok.body);
  });

  it('nonce flow: use_dpop_nonce with a DPoP-Nonce, the retry with the nonce passes and gets the nonce again', async () => {
    const first = await refused(
      '/nonce/a',
      { token: bound, proof: await proofFor('/nonce/a', bound) },
      'dpop_nonce',
      'use_dpop_nonce',
    );
    const nonce = first.headers['dpop-nonce'];
    assert.equal(typeof nonce, 'string');
    const forged = await proofFor('/nonce/a', bound, { nonce: 'A'.repeat(35) });
    await refused('/nonce/a', { token: bound, proof: forged }, 'dpop_nonce', 'use_dpop_nonce');
    const retry = await call('/nonce/a', {
      token: bound,
      proof: await proofFor('/nonce/a', bound, { nonce: nonce as string }),
    });
    assert.equal(retry.status, 200, retry.body);
    assert.equal(retry.headers['dpop-nonce'], nonce);
    assert.equal(retry.forwarded.length, 1);
  });

  it('opaque tokens: introspection answers cnf.jkt and the same checks apply', async () => {
    const ok = await call('/opaque/a', {
      token: opaqueBound,
      proof: await proofFor('/opaque/a', opaqueBound),
    });
    assert.equal(ok.status, 200, ok.body);
    assert.equal(ok.forwarded[0]!.headers['x-consumer-id'], 'carol');
    await refused('/opaque/a', { token: opaqueBound, scheme: 'Bearer' }, 'dpop_downgrade', 'invalid_token');
    await refused(
      '/opaque/a',
      { token: opaqueBound, proof: await proofFor('/opaque/a', opaqueBound, {}, attacker) },
      'dpop_key_mismatch',
    );
  });
});
