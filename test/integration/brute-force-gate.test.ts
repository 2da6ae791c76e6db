/**
 * brute-force's credential gate as the authentication methods use it, through the real gateway: a
 * credential that failed too often is refused with 429 even when it is presented correctly afterwards,
 * and the upstream never sees it; a DPoP-scheme token failure is answered with a DPoP challenge.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateApiKey } from '../../src/identity/keys.ts';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';
import { type LocalIdp, startIdp } from '../helpers/idp.ts';

const HOUR = 3_600_000;
const now = () => Math.floor(Date.now() / 1000);
const expiredKey = generateApiKey();
const goodKey = generateApiKey();

let idp: LocalIdp;
let up: TestUpstream;
let gw: TestGateway;

before(async () => {
  idp = await startIdp();
  up = await startUpstream();
  gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: jwt
    paths: ["/jwt/*"]
    upstream: backend
    policies:
      brute-force: { max_failures: 3, max_failures_per_ip: 1000, max_distinct_credentials: 1000 }
      jwt-auth:
        issuers:
          - issuer: "${idp.issuer}"
            audiences: [orders]
            algorithms: [RS256]
            jwks_uri: "${idp.jwksUri}"
            allow_http: true
  - name: keys
    paths: ["/*"]
    upstream: backend
    policies:
      brute-force: { max_failures: 3, max_failures_per_ip: 1000, max_distinct_credentials: 1000 }
      key-auth: {}
consumers:
  - id: carol
    api_keys:
      - { id: carol-old, hash: "${expiredKey.hash}", expires_at: "${new Date(Date.now() - HOUR).toISOString()}" }
      - { id: carol-new, hash: "${goodKey.hash}" }
  - id: alice
`);
});

after(async () => {
  await gw?.close();
  await up?.close();
  await idp?.close();
});

async function get(path: string, headers: Record<string, string>): Promise<Response> {
  const res = await fetch(`${gw.url}${path}`, { headers });
  await res.arrayBuffer();
  return res;
}

describe('brute-force gate in the authentication methods', () => {
  test('key-auth: an expired key that keeps failing is blocked as a credential (429), the good key still works', async () => {
    const before = up.requests.length;
    for (let i = 0; i < 3; i++) {
      const r = await get('/orders', { 'x-api-key': expiredKey.key });
      assert.equal(r.status, 401);
    }
    const blocked = await get('/orders', { 'x-api-key': expiredKey.key });
    assert.equal(blocked.status, 429);
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    assert.equal(up.requests.length, before, 'the upstream saw none of them');
    const ok = await get('/orders', { 'x-api-key': goodKey.key });
    assert.equal(ok.status, 200);
  });

  test('jwt-auth: after repeated failures of one subject, even a valid token for it gets 429 before the upstream', async () => {
    const base = { iss: idp.issuer, aud: 'orders', sub: 'mallory' };
    const expired = await idp.sign({ ...base, iat: now() - 7200, exp: now() - 3600 });
    for (let i = 0; i < 3; i++) {
      const r = await get('/jwt/orders', { authorization: `Bearer ${expired}` });
      assert.equal(r.status, 401);
    }
    const before = up.requests.length;
    const valid = await idp.sign({ ...base, iat: now(), exp: now() + 300 });
    const r = await get('/jwt/orders', { authorization: `Bearer ${valid}` });
    assert.equal(r.status, 429);
    assert.equal(up.requests.length, before);
    const other = await idp.sign({ ...base, sub: 'alice', iat: now(), exp: now() + 300 });
    assert.equal((await get('/jwt/orders', { authorization: `Bearer ${other}` })).status, 200);
  });

  test('jwt-auth: a failing token sent with the DPoP scheme is answered with a DPoP challenge', async () => {
    const bad = await idp.sign({ iss: idp.issuer, aud: 'other', sub: 'dave', exp: now() + 300 });
    const r = await get('/jwt/orders', { authorization: `DPoP ${bad}` });
    assert.equal(r.status, 401);
    assert.match(r.headers.get('www-authenticate') ?? '', /^DPoP realm="gatehouse", error="invalid_token"/);
    const b = await get('/jwt/orders', { authorization: `Bearer ${bad}` });
    assert.match(b.headers.get('www-authenticate') ?? '', /^Bearer /);
  });
});
