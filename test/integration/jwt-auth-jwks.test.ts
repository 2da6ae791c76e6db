/**
 * jwt-auth key life cycle through the real gateway and the local IdP: rotation picked up within the
 * cooldown, a random-kid flood bounded by the cooldown, retired keys that stop validating (cached
 * tokens included) within one refresh, an unavailable JWKS, a discovery document naming another
 * issuer, and a local JWKS file that changes.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generateKeyPair } from 'jose';
import { request } from 'undici';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';
import { type LocalIdp, startIdp } from '../helpers/idp.ts';

let up: TestUpstream;
const open: Array<{ close(): Promise<void> }> = [];

before(async () => {
  up = await startUpstream();
});
after(async () => {
  for (const o of open.reverse()) await o.close();
  await up.close();
});

function gatewayYaml(policy: string): string {
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: false }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: all
    paths: ["/*"]
    upstream: backend
    policies:
      jwt-auth:
${policy
  .trim()
  .split('\n')
  .map((l) => `        ${l}`)
  .join('\n')}
`;
}

async function gateway(policy: string): Promise<TestGateway> {
  const gw = await startGateway(gatewayYaml(policy));
  open.push(gw);
  return gw;
}

async function idpStarted(opts: { issuer?: string } = {}): Promise<LocalIdp> {
  const idp = await startIdp(opts);
  open.push(idp);
  return idp;
}

async function status(
  gw: TestGateway,
  token: string,
): Promise<{ status: number; reason: string | undefined }> {
  const res = await request(`${gw.url}/x`, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.body.text();
  if (res.statusCode !== 401) return { status: res.statusCode, reason: undefined };
  const id = String(JSON.parse(body).instance).split(':').pop();
  const ev = gw.logs.find(
    (l) => l['event.action'] === 'authentication_failure' && l['http.request.id'] === id,
  );
  return { status: res.statusCode, reason: ev?.['event.reason'] as string | undefined };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const claims = { sub: 'alice', aud: 'orders' };

function issuerYaml(idp: LocalIdp, extra = ''): string {
  return `  - issuer: "${idp.issuer}"
    audiences: [orders]
    algorithms: [RS256]
    jwks_uri: "${idp.jwksUri}"
    allow_http: true
${extra}`;
}

describe('jwt-auth: JWKS life cycle', () => {
  it('a rotated key is picked up after publication within the cooldown (about 2 s)', async () => {
    const idp = await idpStarted();
    const gw = await gateway(`issuers:\n${issuerYaml(idp)}`);
    assert.equal((await status(gw, await idp.sign(claims))).status, 200);
    // An unknown kid refetches now, so the next unknown kid falls inside the cooldown window.
    assert.equal(
      (await status(gw, await idp.sign(claims, { header: { kid: 'nope' } }))).reason,
      'unknown_kid',
    );
    const rotatedAt = Date.now();
    const kid = await idp.rotate('RS256');
    const fresh = await idp.sign(claims, { kid });
    const first = await status(gw, fresh);
    assert.equal(first.status, 401, 'within the cooldown the new key is not fetched yet');
    assert.equal(first.reason, 'unknown_kid');
    let ok = false;
    while (Date.now() - rotatedAt < 4000) {
      if ((await status(gw, fresh)).status === 200) {
        ok = true;
        break;
      }
      await sleep(100);
    }
    const took = Date.now() - rotatedAt;
    assert.ok(ok, 'the new key was never accepted');
    assert.ok(took <= 2700, `took ${took} ms`);
  });

  it('a flood of random kids causes at most ceil(duration / cooldown) + 1 JWKS fetches', async () => {
    const idp = await idpStarted();
    const cooldown = 500;
    const gw = await gateway(`jwks_cooldown_ms: ${cooldown}\nissuers:\n${issuerYaml(idp)}`);
    const good = await idp.sign(claims);
    assert.equal((await status(gw, good)).status, 200);
    const attacker = await generateKeyPair('RS256', { extractable: true });
    const forged = await Promise.all(
      Array.from({ length: 64 }, () =>
        idp.sign(claims, { key: attacker.privateKey, header: { kid: randomUUID() } }),
      ),
    );
    const fetchesBefore = idp.jwksFetches;
    const durationMs = 2500;
    const start = Date.now();
    let sent = 0;
    const reasons = new Map<string, number>();
    const worker = async (w: number) => {
      let i = w;
      while (Date.now() - start < durationMs) {
        const r = await status(gw, forged[i++ % forged.length]!);
        sent++;
        reasons.set(String(r.reason), (reasons.get(String(r.reason)) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
    const elapsed = Date.now() - start;
    const fetches = idp.jwksFetches - fetchesBefore;
    assert.ok(sent > 50, `only ${sent} requests sent`);
    assert.deepEqual([...reasons.keys()], ['unknown_kid'], JSON.stringify([...reasons]));
    assert.ok(fetches >= 1, 'an unknown kid does trigger a refetch');
    assert.ok(
      fetches <= Math.ceil(elapsed / cooldown) + 1,
      `${fetches} fetches in ${elapsed} ms for ${sent} requests`,
    );
    assert.equal(
      (await status(gw, good)).status,
      200,
      'legitimate tokens still work during and after the flood',
    );
  });

  it('a retired key stops validating within one refresh, even for a token that was cached', async () => {
    const idp = await idpStarted();
    const gw = await gateway(`jwks_refresh_s: 1\nissuers:\n${issuerYaml(idp)}`);
    const kid = await idp.rotate('RS256');
    const token = await idp.sign(claims, { kid });
    // First use fetches the JWKS (kid unknown before the rotation was fetched) and caches the token.
    let first = await status(gw, token);
    for (let i = 0; first.status !== 200 && i < 30; i++) {
      await sleep(100);
      first = await status(gw, token);
    }
    assert.equal(first.status, 200);
    assert.equal((await status(gw, token)).status, 200);
    idp.retire(kid);
    const retiredAt = Date.now();
    let last = 200;
    let reason: string | undefined;
    while (Date.now() - retiredAt < 4000) {
      ({ status: last, reason } = await status(gw, token));
      if (last === 401) break;
      await sleep(100);
    }
    assert.equal(last, 401, 'the retired key still validates');
    assert.equal(reason, 'unknown_kid');
    assert.ok(Date.now() - retiredAt <= 2500, `took ${Date.now() - retiredAt} ms`);
    assert.equal((await status(gw, await idp.sign(claims))).status, 200, 'the other keys still work');
  });

  it('an unavailable JWKS is jwks_unavailable; the issuer recovers once the JWKS answers again', async () => {
    const idp = await idpStarted();
    idp.jwksStatus = 503;
    const gw = await gateway(`jwks_cooldown_ms: 200\njwks_refresh_s: 1\nissuers:\n${issuerYaml(idp)}`);
    const token = await idp.sign(claims);
    const down = await status(gw, token);
    assert.equal(down.status, 401);
    assert.equal(down.reason, 'jwks_unavailable');
    idp.jwksStatus = undefined;
    await sleep(250);
    assert.equal((await status(gw, token)).status, 200);
    // A failing refresh keeps the last good keys.
    idp.jwksStatus = 500;
    await sleep(1300);
    assert.equal((await status(gw, await idp.sign({ ...claims, jti: 'after-failed-refresh' }))).status, 200);
  });

  it('a discovery document that names another issuer is not trusted', async () => {
    const idp = await idpStarted({ issuer: 'https://someone-else.example/' });
    const gw = await gateway(`issuers:
  - issuer: "${idp.url}"
    audiences: [orders]
    algorithms: [RS256]
    discovery: "${idp.discoveryUrl}"
    allow_http: true`);
    const r = await status(gw, await idp.sign({ ...claims, iss: idp.url }));
    assert.equal(r.status, 401);
    assert.equal(r.reason, 'jwks_unavailable');
    assert.equal(idp.jwksFetches, 0, 'the JWKS of a mismatching discovery document is never fetched');
  });

  it('discovery: the jwks_uri it names is used', async () => {
    const idp = await idpStarted();
    const gw = await gateway(`issuers:
  - issuer: "${idp.issuer}"
    audiences: [orders]
    algorithms: [RS256, ES256, EdDSA]
    discovery: "${idp.discoveryUrl}"
    allow_http: true`);
    assert.equal((await status(gw, await idp.sign(claims, { alg: 'EdDSA' }))).status, 200);
    assert.equal(idp.hits['/.well-known/openid-configuration'], 1);
    assert.equal(idp.jwksFetches, 1);
  });

  it('jwks_file: read at load, re-read on refresh; a removed key stops validating', async () => {
    const idp = await idpStarted();
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-jwks-'));
    const file = join(dir, 'jwks.json');
    const write = (doc: unknown) => {
      writeFileSync(`${file}.tmp`, JSON.stringify(doc));
      renameSync(`${file}.tmp`, file);
    };
    write(idp.jwks());
    const gw = await gateway(`jwks_refresh_s: 1
issuers:
  - issuer: "${idp.issuer}"
    audiences: [orders]
    algorithms: [RS256]
    jwks_file: "${file}"`);
    const oldToken = await idp.sign(claims);
    assert.equal((await status(gw, oldToken)).status, 200);
    const kid = await idp.rotate('RS256');
    write({ keys: [idp.keys.get(kid)!.jwk] });
    await sleep(1500);
    assert.equal((await status(gw, await idp.sign(claims, { kid }))).status, 200);
    const r = await status(gw, oldToken);
    assert.equal(r.status, 401, 'the cached token of the removed key is refused');
    assert.equal(r.reason, 'unknown_kid');
  });
});

describe('local IdP (test/helpers/idp.ts): introspection for the other identity tests', () => {
  const introspect = async (idp: LocalIdp, token: string, auth?: string) => {
    const res = await request(idp.introspectionUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(auth === undefined ? {} : { authorization: auth }),
      },
      body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
    });
    return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
  };
  const basic = (id: string, secret: string) =>
    `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

  it('RFC 7662: client authentication, active and inactive tokens, discovery metadata', async () => {
    const idp = await idpStarted();
    idp.registerClient('gateway', 's3cret:with/odd chars');
    const exp = Math.floor(Date.now() / 1000) + 60;
    idp.registerOpaque('opaque-1', { sub: 'carol', scope: 'orders:read', exp });
    idp.registerOpaque('opaque-old', { sub: 'dave', exp: 1 });
    assert.equal((await introspect(idp, 'opaque-1')).status, 401);
    assert.equal((await introspect(idp, 'opaque-1', basic('gateway', 'wrong'))).status, 401);
    const auth = basic('gateway', 's3cret:with/odd chars');
    const ok = await introspect(idp, 'opaque-1', auth);
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body, {
      active: true,
      iss: idp.issuer,
      client_id: 'gateway',
      sub: 'carol',
      scope: 'orders:read',
      exp,
    });
    assert.deepEqual((await introspect(idp, 'unknown', auth)).body, { active: false });
    assert.deepEqual((await introspect(idp, 'opaque-old', auth)).body, { active: false });
    idp.revokeOpaque('opaque-1');
    assert.deepEqual((await introspect(idp, 'opaque-1', auth)).body, { active: false });
    assert.equal(idp.hits['/introspect'], 6);
    const meta = (await (await request(idp.discoveryUrl)).body.json()) as Record<string, unknown>;
    assert.equal(meta.introspection_endpoint, idp.introspectionUrl);
    assert.equal(meta.jwks_uri, idp.jwksUri);
  });
});
