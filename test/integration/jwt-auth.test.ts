/**
 * jwt-auth end to end: a real gateway in front of a recording upstream, a local identity provider
 * (discovery + JWKS, test/helpers/idp.ts) and an attacker's key server. Every attack must be refused
 * with a generic 401 (the reason only in the security event) and must never reach the upstream;
 * every positive control must reach it with the gateway-set identity headers and without the token.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { request } from 'undici';
import {
  type Recorded,
  rawRequest,
  startGateway,
  startUpstream,
  statuses,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';
import { type LocalIdp, startIdp, unsignedToken } from '../helpers/idp.ts';

let idp: LocalIdp;
let up: TestUpstream;
let gw: TestGateway;
let attacker: { url: string; hits: number; close(): Promise<void> };
let otherKey: Awaited<ReturnType<typeof generateKeyPair>>;
let attackerKey: Awaited<ReturnType<typeof generateKeyPair>>;
let rsKid: string;
let esKid: string;

const STATIC_ISS = 'https://static.issuer.test/';
const now = () => Math.floor(Date.now() / 1000);

function route(name: string, path: string, policy: string, mode = ''): string {
  return `  - name: ${name}
    paths: ["${path}"]
    upstream: backend
    policies:
      jwt-auth:
${mode ? `        mode: ${mode}\n` : ''}${policy
  .trim()
  .split('\n')
  .map((l) => `        ${l}`)
  .join('\n')}
`;
}

async function config(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-jwt-'));
  const otherPemFile = join(dir, 'other.pem');
  writeFileSync(otherPemFile, await exportSPKI(otherKey.publicKey));
  const rsPem = JSON.stringify(await idp.publicPem(rsKid));
  const esJwk = JSON.stringify(idp.keys.get(esKid)!.jwk);
  const idpIssuer = `
- issuer: "${idp.issuer}"
  audiences: [orders]
  algorithms: [RS256, ES256, EdDSA]
  discovery: "${idp.discoveryUrl}"
  allow_http: true
  forward_claims: { sub: x-auth-subject, scope: x-auth-scope }`;
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
${route('rs', '/rs/*', `issuers:${idpIssuer}`)}
${route(
  'typ',
  '/typ/*',
  `issuers:
  - issuer: "${idp.issuer}"
    audiences: [orders]
    algorithms: [RS256]
    jwks_uri: "${idp.jwksUri}"
    allow_http: true
    typ: at+jwt`,
)}
${route(
  'hs',
  '/hs/*',
  `issuers:
  - issuer: "${idp.issuer}"
    audiences: [orders]
    algorithms: [RS256, HS256]
    jwks_uri: "${idp.jwksUri}"
    allow_http: true
    secret: "${idp.hsSecret}"`,
)}
${route(
  'static',
  '/static/*',
  `issuers:
  - issuer: "${STATIC_ISS}"
    audiences: [orders]
    algorithms: [RS256, ES256]
    keys:
      - ${rsPem}
      - ${esJwk}
    forward_claims: { sub: x-auth-subject }`,
)}
${route(
  'multi',
  '/multi/*',
  `issuers:${idpIssuer.replaceAll('\n', '\n  ')}
  - issuer: "${STATIC_ISS}"
    audiences: [orders]
    algorithms: [RS256]
    keys: ["file:${otherPemFile}"]`,
)}
${route(
  'crit',
  '/crit/*',
  `issuers:
  - issuer: "${idp.issuer}"
    audiences: [orders]
    algorithms: [RS256]
    jwks_uri: "${idp.jwksUri}"
    allow_http: true
    crit: ["urn:example:bound"]`,
)}
${route(
  'age',
  '/age/*',
  `issuers:
  - issuer: "${idp.issuer}"
    audiences: [orders]
    algorithms: [RS256]
    jwks_uri: "${idp.jwksUri}"
    allow_http: true
    required_claims: [exp, iat]
    max_token_age_s: 600
    max_lifetime_s: 3600`,
)}
${route(
  'short',
  '/short/*',
  `issuers:
  - issuer: "${idp.issuer}"
    audiences: [orders]
    algorithms: [RS256]
    jwks_uri: "${idp.jwksUri}"
    allow_http: true
    leeway_s: 0`,
)}
${route(
  'client',
  '/client/*',
  `header: x-jwt
hide_credentials: false
issuers:
  - issuer: "${idp.issuer}"
    audiences: [orders]
    algorithms: [RS256]
    jwks_uri: "${idp.jwksUri}"
    allow_http: true
    consumer_claim: client_id
    forward_claims: { client_id: x-auth-client }`,
)}
${route('optional', '/optional/*', `optional: true\nissuers:${idpIssuer}`)}
${route('report', '/report/*', `issuers:${idpIssuer}`, 'report-only')}
`;
}

before(async () => {
  idp = await startIdp();
  rsKid = [...idp.keys.values()].find((k) => k.alg === 'RS256')!.kid;
  esKid = [...idp.keys.values()].find((k) => k.alg === 'ES256')!.kid;
  otherKey = await generateKeyPair('RS256', { extractable: true });
  attackerKey = await generateKeyPair('RS256', { extractable: true });
  const attackerJwk = { ...(await exportJWK(attackerKey.publicKey)), kid: 'attacker', alg: 'RS256' };
  let hits = 0;
  const srv = http.createServer((_req, res) => {
    hits++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [attackerJwk] }));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  attacker = {
    url: `http://127.0.0.1:${(srv.address() as net.AddressInfo).port}`,
    get hits() {
      return hits;
    },
    close: () =>
      new Promise<void>((r) => {
        srv.closeAllConnections();
        srv.close(() => r());
      }),
  };
  up = await startUpstream();
  gw = await startGateway(await config());
});

after(async () => {
  await gw?.close();
  await up?.close();
  await idp?.close();
  await attacker?.close();
});

interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** `event.reason` of the authentication_failure event of this request, if any. */
  reason: string | undefined;
  /** What reached the upstream because of this call. */
  forwarded: Recorded[];
}

async function call(path: string, token?: string, headers: Record<string, string> = {}): Promise<CallResult> {
  const seen = up.requests.length;
  const res = await request(`${gw.url}${path}`, {
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...headers },
  });
  const body = await res.body.text();
  let reason: string | undefined;
  if (res.statusCode === 401 || res.statusCode === 200) {
    let id: string | undefined;
    try {
      id = String(JSON.parse(body).instance ?? '')
        .split(':')
        .pop();
    } catch {
      id = undefined;
    }
    const ev = gw.logs.find(
      (l) =>
        l['event.action'] === 'authentication_failure' && id !== undefined && l['http.request.id'] === id,
    );
    reason = ev?.['event.reason'] as string | undefined;
  }
  return { status: res.statusCode, headers: res.headers, body, reason, forwarded: up.requests.slice(seen) };
}

async function refused(
  path: string,
  token: string | undefined,
  reason: string,
  headers: Record<string, string> = {},
) {
  const r = await call(path, token, headers);
  assert.equal(r.status, 401, `${path} ${reason}: expected 401, got ${r.status} ${r.body}`);
  assert.equal(r.reason, reason, `${path}: reason`);
  assert.equal(r.forwarded.length, 0, `${path} ${reason}: reached the upstream`);
  assert.match(String(r.headers['www-authenticate']), /^Bearer realm="gatehouse"/);
  assert.equal(r.headers['content-type'], 'application/problem+json');
  assert.ok(!r.body.includes(reason), 'the reason is never shown to the client');
  return r;
}

async function accepted(path: string, token: string, headers: Record<string, string> = {}) {
  const r = await call(path, token, headers);
  assert.equal(r.status, 200, `${path}: expected 200, got ${r.status} ${r.body} (${r.reason})`);
  assert.equal(r.forwarded.length, 1);
  return { ...r, seen: r.forwarded[0]! };
}

const claims = (extra: Record<string, unknown> = {}) => ({ sub: 'alice', aud: 'orders', ...extra });
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const segments = (t: string) => t.split('.') as [string, string, string];

describe('jwt-auth: positive controls', () => {
  it('RS256, ES256 and EdDSA tokens reach the upstream with identity headers and without the token', async () => {
    for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
      const token = await idp.sign(claims({ scope: 'orders:read orders:write', jti: `j-${alg}` }), { alg });
      const { seen } = await accepted('/rs/orders', token);
      assert.equal(seen.headers.authorization, undefined, alg);
      assert.equal(seen.headers['x-auth-subject'], 'alice');
      assert.equal(seen.headers['x-auth-scope'], 'orders:read orders:write');
      assert.equal(seen.headers['x-consumer-id'], 'alice');
      assert.equal(seen.headers['x-authenticated-method'], 'jwt-auth');
      assert.equal(seen.headers['x-credential-id'], `j-${alg}`);
      assert.ok(
        !seen.rawHeaders.some((h) => h.includes(segments(token)[2])),
        'no trace of the token upstream',
      );
    }
  });

  it('the same token twice (second from the cache) is accepted both times', async () => {
    const token = await idp.sign(claims());
    await accepted('/rs/a', token);
    await accepted('/rs/b', token);
  });

  it('aud as an array containing an accepted audience is accepted', async () => {
    await accepted('/rs/x', await idp.sign(claims({ aud: ['billing', 'orders'] })));
  });

  it("static PEM and static JWK keys verify their issuer's tokens", async () => {
    const rs = await idp.sign(claims({ iss: STATIC_ISS }), { alg: 'RS256' });
    assert.equal((await accepted('/static/x', rs)).seen.headers['x-auth-subject'], 'alice');
    await accepted('/static/x', await idp.sign(claims({ iss: STATIC_ISS }), { alg: 'ES256' }));
  });

  it('typ at+jwt is required where configured; application/ prefix and case are ignored', async () => {
    await accepted('/typ/x', await idp.sign(claims(), { typ: 'at+jwt' }));
    await accepted('/typ/x', await idp.sign(claims(), { typ: 'application/AT+JWT' }));
    await refused('/typ/x', await idp.sign(claims(), { typ: 'JWT' }), 'bad_typ');
    await refused('/typ/x', await idp.sign(claims(), { typ: null }), 'bad_typ');
    await refused('/typ/x', await idp.sign(claims(), { typ: 'dpop+jwt' }), 'bad_typ');
  });

  it('a custom header and consumer_claim client_id; hide_credentials false forwards the token', async () => {
    const token = await idp.sign({ client_id: 'svc-billing', aud: 'orders' });
    const r = await call('/client/x', undefined, { 'x-jwt': token });
    assert.equal(r.status, 200, r.body);
    const seen = r.forwarded[0]!;
    assert.equal(seen.headers['x-consumer-id'], 'svc-billing');
    assert.equal(seen.headers['x-auth-client'], 'svc-billing');
    assert.equal(seen.headers['x-jwt'], token, 'hide_credentials: false keeps the header');
    await refused('/client/x', undefined, 'missing_claim', { 'x-jwt': await idp.sign(claims()) });
  });

  it('a verified payload is still not trusted blindly for headers: CR/LF in sub is refused, in a forwarded claim dropped', async () => {
    await refused('/rs/x', await idp.sign(claims({ sub: 'alice\r\nx-admin: 1' })), 'missing_claim');
    const { seen } = await accepted('/rs/x', await idp.sign(claims({ scope: 'a\r\nx-admin: 1' })));
    assert.equal(seen.headers['x-auth-scope'], undefined);
    assert.equal(seen.headers['x-admin'], undefined);
  });
});

describe('jwt-auth: identity headers and credentials', () => {
  const spoofed = {
    'x-consumer-id': 'admin',
    'x-consumer-groups': 'admins',
    'x-credential-id': 'forged',
    'x-authenticated-method': 'mtls-auth',
    'x-auth-subject': 'admin',
    'x-auth-scope': 'everything',
  };

  it('client-sent identity headers never reach the upstream with a valid token', async () => {
    const { seen } = await accepted('/rs/x', await idp.sign(claims({ scope: undefined })), spoofed);
    assert.equal(seen.headers['x-consumer-id'], 'alice');
    assert.equal(seen.headers['x-consumer-groups'], undefined);
    assert.equal(seen.headers['x-credential-id'], 'alice');
    assert.equal(seen.headers['x-authenticated-method'], 'jwt-auth');
    assert.equal(seen.headers['x-auth-subject'], 'alice');
    assert.equal(seen.headers['x-auth-scope'], undefined, 'the token has no scope: the spoofed one is gone');
  });

  it('nor on an optional route without a token (anonymous passes, spoofed headers removed)', async () => {
    const r = await call('/optional/x', undefined, spoofed);
    assert.equal(r.status, 200);
    const seen = r.forwarded[0]!;
    for (const h of Object.keys(spoofed)) assert.equal(seen.headers[h], undefined, h);
  });

  it('optional: an invalid token is recorded, not denied, and neither the token nor an identity is forwarded', async () => {
    const bad = `${(await idp.sign(claims())).slice(0, -4)}AAAA`;
    const r = await call('/optional/x', bad, spoofed);
    assert.equal(r.status, 200);
    const seen = r.forwarded[0]!;
    assert.equal(seen.headers.authorization, undefined);
    assert.equal(seen.headers['x-consumer-id'], undefined);
    assert.equal(seen.headers['x-auth-subject'], undefined);
    assert.ok(
      gw.logs.some(
        (l) => l['event.action'] === 'authentication_failure' && l['event.reason'] === 'bad_signature',
      ),
    );
  });

  it('report-only: a bad token is logged as would-deny and passes', async () => {
    const r = await call('/report/x', await idp.sign(claims({ aud: 'other' })));
    assert.equal(r.status, 200);
    assert.equal(r.forwarded[0]!.headers['x-consumer-id'], undefined);
    const access = gw.logs.filter((l) => JSON.stringify(l).includes('would-deny'));
    assert.ok(access.length > 0, 'a would-deny decision is logged');
  });

  it('missing token and other schemes: 401 with a bare Bearer challenge', async () => {
    const r = await refused('/rs/x', undefined, 'missing');
    assert.equal(r.headers['www-authenticate'], 'Bearer realm="gatehouse"');
    await refused('/rs/x', undefined, 'missing', { authorization: 'Basic YWxpY2U6cGFzcw==' });
    await refused('/rs/x', undefined, 'missing', { authorization: 'Bearer' });
  });

  it('duplicate Authorization headers are refused with 400 before any policy', async () => {
    const token = await idp.sign(claims());
    const seen = up.requests.length;
    const raw = await rawRequest(
      gw.port,
      `GET /rs/x HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\nAuthorization: Bearer forged\r\nConnection: close\r\n\r\n`,
    );
    assert.equal(statuses(raw)[0], 400);
    assert.equal(up.requests.length, seen);
  });
});

describe('jwt-auth: algorithm attacks', () => {
  it('alg none in every casing is refused, with or without a signature segment', async () => {
    const real = segments(await idp.sign(claims()));
    for (const alg of ['none', 'None', 'NONE', 'nOnE', 'NoNe']) {
      const t = unsignedToken(
        { alg, typ: 'JWT', kid: rsKid },
        { iss: idp.issuer, exp: now() + 300, ...claims() },
      );
      await refused('/rs/x', t, 'alg_not_allowed');
      await refused('/rs/x', `${t}${real[2]}`, 'alg_not_allowed');
      const opt = await call('/optional/x', t);
      assert.equal(opt.status, 200, 'optional lets it pass anonymously');
      assert.equal(opt.reason, undefined);
      assert.equal(opt.forwarded[0]!.headers['x-consumer-id'], undefined, 'but never as a consumer');
    }
  });

  it('a stripped signature and a tampered payload are refused', async () => {
    const [h, p, s] = segments(await idp.sign(claims()));
    await refused('/rs/x', `${h}.${p}.`, 'bad_signature');
    const evil = b64(JSON.stringify({ iss: idp.issuer, aud: 'orders', sub: 'admin', exp: now() + 300 }));
    await refused('/rs/x', `${h}.${evil}.${s}`, 'bad_signature');
  });

  it('HS256 signed with the RSA public key PEM as the secret is refused', async () => {
    const pem = new TextEncoder().encode(await idp.publicPem(rsKid));
    const t = await idp.sign(claims(), { alg: 'HS256', key: pem, kid: rsKid });
    await refused('/rs/x', t, 'alg_not_allowed');
    // Where HS256 is allowed it is only ever checked with the configured secret, never with a public key.
    await refused('/hs/x', t, 'bad_signature');
    const noKid = await idp.sign(claims(), { alg: 'HS256', key: pem });
    await refused('/hs/x', noKid, 'bad_signature');
    // Positive control: the real shared secret works there.
    await accepted('/hs/x', await idp.sign(claims(), { alg: 'HS256' }));
  });

  it('an algorithm the issuer does not allow is refused even when correctly signed', async () => {
    const ps = await generateKeyPair('PS256', { extractable: true });
    await refused('/typ/x', await idp.sign(claims(), { alg: 'ES256', typ: 'at+jwt' }), 'alg_not_allowed');
    await refused(
      '/rs/x',
      await idp.sign(claims(), { alg: 'PS256', key: ps.privateKey, kid: rsKid }),
      'alg_not_allowed',
    );
  });

  it('ES256 signatures of zeros (psychic signatures) are refused', async () => {
    const [h, p] = segments(await idp.sign(claims(), { alg: 'ES256' }));
    await refused('/rs/x', `${h}.${p}.${b64(Buffer.alloc(64))}`, 'bad_signature');
    await refused('/rs/x', `${h}.${p}.${b64(Buffer.from('3006020100020100', 'hex'))}`, 'bad_signature');
    await refused('/rs/x', `${h}.${p}.${b64(Buffer.alloc(1))}`, 'bad_signature');
  });

  it('a key type that does not fit the alg is never used (ES256 token naming the RSA kid)', async () => {
    const t = await idp.sign(claims(), { alg: 'ES256', kid: esKid, header: { kid: rsKid } });
    await refused('/rs/x', t, 'bad_signature');
  });
});

describe('jwt-auth: key selection attacks', () => {
  it('an unknown kid is refused; injected kids are only ever map keys', async () => {
    const fetches = idp.jwksFetches;
    for (const kid of [
      'no-such-key',
      '../../../../etc/passwd',
      "' OR '1'='1' --",
      '%00',
      'a\u0000b',
      `\${jndi:ldap://x}`,
    ]) {
      await refused('/rs/x', await idp.sign(claims(), { header: { kid } }), 'unknown_kid');
    }
    for (const kid of [42, { $ne: null }, ['a'], '', 'k'.repeat(300)]) {
      await refused('/rs/x', await idp.sign(claims(), { header: { kid } }), 'malformed');
    }
    assert.ok(idp.jwksFetches - fetches <= 1, 'one refetch at most (cooldown)');
    assert.deepEqual(
      Object.keys(idp.hits).filter((p) => p !== '/jwks' && !p.startsWith('/.well-known')),
      [],
      'the kid never reaches a URL',
    );
  });

  it("jku, x5u, x5c and embedded jwk pointing to an attacker's key are ignored", async () => {
    const attackerJwk = { ...(await exportJWK(attackerKey.publicKey)), alg: 'RS256' };
    const sign = (header: Record<string, unknown>) =>
      idp.sign(claims({ sub: 'admin' }), { key: attackerKey.privateKey, header });
    await refused('/rs/x', await sign({ kid: 'attacker', jku: `${attacker.url}/jwks` }), 'unknown_kid');
    await refused('/rs/x', await sign({ kid: rsKid, jku: `${attacker.url}/jwks` }), 'bad_signature');
    await refused('/rs/x', await sign({ kid: rsKid, x5u: `${attacker.url}/cert.pem` }), 'bad_signature');
    await refused(
      '/rs/x',
      await sign({ kid: rsKid, x5c: [b64('not really a certificate')] }),
      'bad_signature',
    );
    await refused('/rs/x', await sign({ kid: rsKid, jwk: attackerJwk }), 'bad_signature');
    await refused('/rs/x', await sign({ jwk: attackerJwk }), 'bad_signature');
    await refused(
      '/rs/x',
      await sign({ kid: 'attacker', jwk: { ...attackerJwk, kid: 'attacker' } }),
      'unknown_kid',
    );
    assert.equal(attacker.hits, 0, "the attacker's server was never contacted");
  });

  it("iss picks the issuer, but the token must verify with that issuer's keys", async () => {
    // Signed by the IdP, claiming the static issuer (whose only key is another key): refused.
    await refused('/multi/x', await idp.sign(claims({ iss: STATIC_ISS })), 'bad_signature');
    // Signed with the static issuer's key, claiming the IdP: the IdP has no such key.
    await refused(
      '/multi/x',
      await idp.sign(claims({ iss: idp.issuer }), { key: otherKey.privateKey, header: { kid: rsKid } }),
      'bad_signature',
    );
    // Positive controls: each issuer with its own key.
    await accepted('/multi/x', await idp.sign(claims()));
    await accepted('/multi/x', await idp.sign(claims({ iss: STATIC_ISS }), { key: otherKey.privateKey }));
  });
});

describe('jwt-auth: claims', () => {
  it('expired, not yet valid and issued in the future are refused', async () => {
    await refused('/rs/x', await idp.sign(claims({ iat: now() - 7200, exp: now() - 3600 })), 'expired');
    await refused('/rs/x', await idp.sign(claims({ nbf: now() + 3600 })), 'not_yet_valid');
    await refused('/rs/x', await idp.sign(claims({ iat: now() + 3600, exp: now() + 7200 })), 'not_yet_valid');
  });

  it('leeway: just expired within leeway passes where leeway is 30 s, not where it is 0', async () => {
    const t = await idp.sign(claims({ exp: now() - 5 }));
    await accepted('/rs/x', t);
    await refused('/short/x', t, 'expired');
  });

  it('missing exp, non-numeric dates, wrong or missing iss/aud are refused', async () => {
    await refused('/rs/x', await idp.sign(claims({ exp: undefined })), 'missing_claim');
    await refused('/rs/x', await idp.sign(claims({ exp: String(now() + 300) })), 'malformed');
    await refused('/rs/x', await idp.sign(claims({ nbf: null })), 'malformed');
    await refused('/rs/x', await idp.sign(claims({ iss: 'https://evil.example/' })), 'unknown_issuer');
    await refused('/rs/x', await idp.sign(claims({ iss: undefined })), 'unknown_issuer');
    await refused('/rs/x', await idp.sign(claims({ iss: [idp.issuer] })), 'unknown_issuer');
    await refused('/rs/x', await idp.sign(claims({ aud: 'billing' })), 'bad_audience');
    await refused('/rs/x', await idp.sign(claims({ aud: undefined })), 'bad_audience');
    await refused('/rs/x', await idp.sign(claims({ aud: ['billing', 7] })), 'bad_audience');
    await refused('/rs/x', await idp.sign(claims({ sub: undefined })), 'missing_claim');
  });

  it('max_token_age_s and max_lifetime_s', async () => {
    await accepted('/age/x', await idp.sign(claims({ iat: now() - 60, exp: now() + 600 })));
    await refused('/age/x', await idp.sign(claims({ iat: now() - 1200, exp: now() + 600 })), 'too_old');
    await refused('/age/x', await idp.sign(claims({ iat: now(), exp: now() + 7200 })), 'lifetime_too_long');
    await refused('/age/x', await idp.sign(claims({ iat: undefined })), 'missing_claim');
  });

  it('crit: only configured extensions, present in the header; b64 never', async () => {
    await accepted(
      '/crit/x',
      await idp.sign(claims(), {
        header: { crit: ['urn:example:bound'], 'urn:example:bound': true },
        crit: ['urn:example:bound'],
      }),
    );
    const unknown = await idp.sign(claims(), {
      header: { crit: ['urn:example:other'], 'urn:example:other': 1 },
      crit: ['urn:example:other'],
    });
    await refused('/crit/x', unknown, 'bad_crit');
    const bound = await idp.sign(claims(), {
      header: { crit: ['urn:example:bound'], 'urn:example:bound': true },
      crit: ['urn:example:bound'],
    });
    await refused('/rs/x', bound, 'bad_crit');
    const [, p, s] = segments(await idp.sign(claims()));
    const b64false = `${b64(JSON.stringify({ alg: 'RS256', kid: rsKid, b64: false, crit: ['b64'] }))}.${p}.${s}`;
    await refused('/crit/x', b64false, 'malformed');
    const emptyCrit = `${b64(JSON.stringify({ alg: 'RS256', kid: rsKid, crit: [] }))}.${p}.${s}`;
    await refused('/crit/x', emptyCrit, 'bad_crit');
  });

  it('cache hit still rejects after expiry', async () => {
    const t = await idp.sign(claims({ exp: now() + 2 }));
    await accepted('/short/x', t);
    await accepted('/short/y', t);
    await new Promise((r) => setTimeout(r, 2100 + (1000 - (Date.now() % 1000))));
    await refused('/short/x', t, 'expired');
  });
});

describe('jwt-auth: malformed and oversized tokens', () => {
  it('bad segments, bad base64, JSON garbage, 2 or 4 segments are refused as malformed', async () => {
    const [h, p, s] = segments(await idp.sign(claims()));
    const cases = [
      'abc',
      `${h}.${p}`,
      `${h}.${p}.${s}.${s}`,
      `${h}.${p}.${s}.`,
      `.${p}.${s}`,
      `${h}..${s}`,
      `${h}!.${p}.${s}`,
      `${h}.${p}.${s}*`,
      `${h}.${p}.${s}=`,
      `${h}=.${p}.${s}`,
      `${b64('{not json')}.${p}.${s}`,
      `${b64('[]')}.${p}.${s}`,
      `${b64('null')}.${p}.${s}`,
      `${h}.${b64('42')}.${s}`,
      `${h}.${b64('"a string"')}.${s}`,
      `${h}.${b64(Buffer.from([0xff, 0xfe, 0x7b, 0x7d]))}.${s}`,
      `${h}.${p}.A`,
      `${b64(JSON.stringify({ typ: 'JWT' }))}.${p}.${s}`,
      `${b64(JSON.stringify({ alg: 256 }))}.${p}.${s}`,
      `${h}.${p}.${s} trailing`,
      'eyJhbGciOiJSU0EtT0FFUCJ9.a.b.c.d',
    ];
    for (const t of cases) await refused('/rs/x', t, 'malformed');
  });

  it('a token over max_token_bytes is refused before parsing, even when validly signed', async () => {
    const big = await idp.sign(claims({ pad: 'x'.repeat(9000) }));
    assert.ok(big.length > 8192);
    await refused('/rs/x', big, 'too_large');
    await refused('/rs/x', `${'a'.repeat(9000)}.b.c`, 'too_large');
  });
});
