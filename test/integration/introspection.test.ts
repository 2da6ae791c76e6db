/**
 * oauth-introspection end to end: a real gateway in front of a recording upstream and the local
 * identity provider's RFC 7662 endpoint (test/helpers/idp.ts), which checks the gateway's client
 * credentials (client_secret_basic) on every call. Refusals are generic 401s whose reason is only in
 * the security event; nothing refused reaches the upstream; the endpoint's request count shows what
 * the cache saved.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { request } from 'undici';
import {
  type Recorded,
  startGateway,
  startUpstream,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';
import { type LocalIdp, startIdp } from '../helpers/idp.ts';

let idp: LocalIdp;
let downIdp: LocalIdp;
let up: TestUpstream;
let gw: TestGateway;
const now = () => Math.floor(Date.now() / 1000);
let seq = 0;
/** A fresh opaque token value (RFC 6750 b64token characters). */
const opaque = (label: string) => `op_${label}_${++seq}_${Math.random().toString(36).slice(2)}~+/=`;

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

/** An oauth-introspection block; the client secret comes from the environment unless `secret` is given. */
function introspection(endpoint: string, extra = '', secret?: string): string {
  return `oauth-introspection:
  endpoint: "${endpoint}"
  allow_http: true
  client_id: gateway
  client_secret: "${secret ?? `\${INTROSPECTION_SECRET}`}"
  timeout_ms: 1000
${extra
  .trim()
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => `  ${l}`)
  .join('\n')}`;
}

before(async () => {
  idp = await startIdp();
  downIdp = await startIdp();
  idp.registerClient('gateway', 'gw-introspection-secret');
  downIdp.registerClient('gateway', 'gw-introspection-secret');
  up = await startUpstream();
  const downUrl = downIdp.introspectionUrl;
  await downIdp.close();
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
${route('intro', '/intro/*', introspection(idp.introspectionUrl, `audiences: [orders]\nissuer: "${idp.issuer}"`))}
${route('short', '/short/*', introspection(idp.introspectionUrl, 'cache_ttl_s: 1\nnegative_ttl_s: 1'))}
${route('post', '/post/*', introspection(idp.introspectionUrl, 'client_auth: client_secret_post'))}
${route('wrong-secret', '/wrong-secret/*', introspection(idp.introspectionUrl, '', 'not-the-secret'))}
${route('down', '/down/*', introspection(downUrl))}
`;
  gw = await startGateway(yaml, { INTROSPECTION_SECRET: 'gw-introspection-secret' });
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

async function call(path: string, token?: string, headers: Record<string, string> = {}): Promise<CallResult> {
  const seen = up.requests.length;
  const res = await request(`${gw.url}${path}`, {
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
  });
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

async function refused(path: string, token: string | undefined, reason: string): Promise<CallResult> {
  const r = await call(path, token);
  assert.equal(r.status, 401, `${path} ${reason}: expected 401, got ${r.status} ${r.body}`);
  assert.equal(r.reason, reason, `${path}: reason`);
  assert.equal(r.forwarded.length, 0, `${path} ${reason}: reached the upstream`);
  assert.match(String(r.headers['www-authenticate']), /^Bearer realm="gatehouse"/);
  assert.equal(r.headers['content-type'], 'application/problem+json');
  assert.ok(!r.body.includes(reason), 'the reason is never shown to the client');
  return r;
}

const introspections = () => idp.hits['/introspect'] ?? 0;

describe('oauth-introspection through the gateway', () => {
  it('an active opaque token reaches the upstream as its consumer, without the token', async () => {
    const token = opaque('alice');
    idp.registerOpaque(token, { sub: 'alice', aud: 'orders', scope: 'orders:read', exp: now() + 300 });
    const r = await call('/intro/orders', token, { 'x-consumer-id': 'admin' });
    assert.equal(r.status, 200, r.body);
    assert.equal(r.forwarded.length, 1);
    const h = r.forwarded[0]!.headers;
    assert.equal(h['x-consumer-id'], 'alice');
    assert.equal(h['x-authenticated-method'], 'oauth-introspection');
    assert.equal(h.authorization, undefined);
  });

  it("the DPoP scheme is accepted too (binding checks are sender-constraint's job, not attached here)", async () => {
    const token = opaque('dora');
    idp.registerOpaque(token, { sub: 'dora', aud: 'orders' });
    const res = await request(`${gw.url}/intro/x`, { headers: { authorization: `DPoP ${token}` } });
    await res.body.text();
    assert.equal(res.statusCode, 200);
  });

  it('an unknown, revoked or expired token is inactive', async () => {
    await refused('/intro/x', opaque('unknown'), 'inactive');
    const expired = opaque('expired');
    idp.registerOpaque(expired, { sub: 'old', aud: 'orders', exp: now() - 10 });
    await refused('/intro/x', expired, 'inactive');
  });

  it('wrong audience is refused', async () => {
    const token = opaque('aud');
    idp.registerOpaque(token, { sub: 'bob', aud: 'billing' });
    await refused('/intro/x', token, 'bad_audience');
  });

  it('an active result is cached: the endpoint is asked once', async () => {
    const token = opaque('cached');
    idp.registerOpaque(token, { sub: 'carol', aud: 'orders', exp: now() + 300 });
    const before = introspections();
    for (let i = 0; i < 5; i++) assert.equal((await call('/intro/c', token)).status, 200);
    assert.equal(introspections() - before, 1);
  });

  it('an inactive result is cached for negative_ttl_s', async () => {
    const token = opaque('negative');
    const before = introspections();
    for (let i = 0; i < 4; i++) await refused('/intro/n', token, 'inactive');
    assert.equal(introspections() - before, 1);
  });

  it('concurrent requests with one uncached token share one introspection call', async () => {
    const token = opaque('burst');
    idp.registerOpaque(token, { sub: 'dave', aud: 'orders' });
    const before = introspections();
    const results = await Promise.all(Array.from({ length: 10 }, () => call('/intro/b', token)));
    assert.ok(results.every((r) => r.status === 200));
    assert.equal(introspections() - before, 1);
  });

  it('a cached result never outlives the token exp, and a revocation is seen after cache_ttl_s', async () => {
    const shortLived = opaque('short');
    idp.registerOpaque(shortLived, { sub: 'erin', exp: now() + 2 });
    const revoked = opaque('revoked');
    idp.registerOpaque(revoked, { sub: 'frank', exp: now() + 300 });
    assert.equal((await call('/short/x', shortLived)).status, 200);
    assert.equal((await call('/short/x', revoked)).status, 200);
    idp.revokeOpaque(revoked);
    assert.equal((await call('/short/x', revoked)).status, 200, 'served from the cache until cache_ttl_s');
    await new Promise((r) => setTimeout(r, 2300));
    const before = introspections();
    await refused('/short/x', shortLived, 'inactive');
    await refused('/short/x', revoked, 'inactive');
    assert.equal(introspections() - before, 2);
  });

  it('client_secret_post is accepted only if the server takes it (the local IdP wants Basic): fail closed', async () => {
    const token = opaque('post');
    idp.registerOpaque(token, { sub: 'gina' });
    await refused('/post/x', token, 'introspection_unavailable');
  });

  it('the IdP checks the client credentials: a wrong secret means no token is accepted (fail closed)', async () => {
    const token = opaque('wrongsecret');
    idp.registerOpaque(token, { sub: 'hank' });
    await refused('/wrong-secret/x', token, 'introspection_unavailable');
    assert.equal((await call('/intro/x', token)).status, 401, 'bad_audience on the strict route');
    assert.ok(!gw.logText().includes('gw-introspection-secret'), 'the client secret is never logged');
    assert.ok(!gw.logText().includes(token), 'tokens are never logged');
  });

  it('an unreachable endpoint fails closed with 401 and an event, every time', async () => {
    const token = opaque('down');
    for (let i = 0; i < 2; i++) await refused('/down/x', token, 'introspection_unavailable');
    assert.ok(gw.logs.some((l) => String(l.message ?? '').includes('introspection endpoint failed')));
  });

  it('missing and malformed tokens never reach the endpoint', async () => {
    const before = introspections();
    await refused('/intro/x', undefined, 'missing');
    await refused('/intro/x', 'has space', 'malformed');
    await refused('/intro/x', 'a'.repeat(5000), 'too_large');
    const basic = await call('/intro/x', undefined, { authorization: 'Basic Zm9vOmJhcg==' });
    assert.equal(basic.status, 401);
    assert.equal(introspections(), before);
  });
});
