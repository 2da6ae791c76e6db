/**
 * Certificate-bound access tokens (RFC 8705 §3) through a real HTTPS listener: the local identity
 * provider mints tokens whose `cnf["x5t#S256"]` names a client certificate, and `sender-constraint`
 * compares it with the verified mTLS client certificate of the connection.
 *
 * This listener does not request client certificates (the `client_auth` listener option is not wired
 * into src/server yet), so the connection never has a verified certificate: these tests cover the
 * refusals over real TLS. The positive path (matching certificate) and the wrong-certificate path are
 * covered with fake contexts in src/policies/sender-constraint/policy.test.ts until then.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Agent, request } from 'undici';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';
import { type LocalIdp, startIdp } from '../helpers/idp.ts';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-certbound-'));
const file = (name: string) => join(dir, name);
let idp: LocalIdp;
let up: TestUpstream;
let gw: TestGateway;
let agent: Agent;
let clientThumbprint: string;

/** A self-signed EC P-256 certificate made with the openssl CLI. */
function selfSigned(name: string, cn: string): void {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.crt`,
      '-days',
      '1',
      '-subj',
      `/CN=${cn}`,
      '-addext',
      `subjectAltName=DNS:${cn}`,
    ],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 },
  );
}

before(async () => {
  selfSigned('server', 'gw.test');
  selfSigned('client', 'client.test');
  clientThumbprint = createHash('sha256')
    .update(new X509Certificate(readFileSync(file('client.crt'))).raw)
    .digest('base64url');
  idp = await startIdp();
  up = await startUpstream();
  const jwt = `jwt-auth:
        issuers:
          - issuer: "${idp.issuer}"
            audiences: [orders]
            algorithms: [RS256]
            jwks_uri: "${idp.jwksUri}"
            allow_http: true`;
  gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
listeners:
  - name: main
    host: 127.0.0.1
    port: 0
    tls:
      certificates:
        - { cert: "${file('server.crt')}", key: "${file('server.key')}" }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: bound
    paths: ["/bound/*"]
    upstream: backend
    policies:
      ${jwt}
      sender-constraint: {}
  - name: required
    paths: ["/required/*"]
    upstream: backend
    policies:
      ${jwt}
      sender-constraint:
        certificate_bound: { required: true }
`);
  agent = new Agent({
    connect: {
      ca: readFileSync(file('server.crt'), 'utf8'),
      servername: 'gw.test',
      cert: readFileSync(file('client.crt'), 'utf8'),
      key: readFileSync(file('client.key'), 'utf8'),
    },
  });
});

after(async () => {
  await agent?.close();
  await gw?.close();
  await up?.close();
  await idp?.close();
});

async function call(path: string, token: string) {
  const seen = up.requests.length;
  const res = await request(`https://127.0.0.1:${gw.port}${path}`, {
    dispatcher: agent,
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await res.body.text();
  let reason: string | undefined;
  if (res.statusCode === 401) {
    const id = String(JSON.parse(body).instance ?? '')
      .split(':')
      .pop();
    reason = gw.logs.find(
      (l) => l['event.action'] === 'authentication_failure' && l['http.request.id'] === id,
    )?.['event.reason'] as string | undefined;
  }
  return { status: res.statusCode, headers: res.headers, body, reason, forwarded: up.requests.slice(seen) };
}

describe('certificate-bound tokens over HTTPS', () => {
  it('a bound token on a connection without a verified client certificate is refused', async () => {
    const token = await idp.sign({ sub: 'alice', aud: 'orders', cnf: { 'x5t#S256': clientThumbprint } });
    const r = await call('/bound/x', token);
    assert.equal(r.status, 401, r.body);
    assert.equal(r.reason, 'cert_required');
    assert.equal(r.forwarded.length, 0);
    assert.match(String(r.headers['www-authenticate']), /^Bearer realm="gatehouse", error="invalid_token"/);
  });

  it('a token with an unknown confirmation method is refused, not treated as a bearer token', async () => {
    const token = await idp.sign({ sub: 'alice', aud: 'orders', cnf: { jwk: { kty: 'EC' } } });
    const r = await call('/bound/x', token);
    assert.equal(r.status, 401);
    assert.equal(r.reason, 'unsupported_cnf');
    assert.equal(r.forwarded.length, 0);
  });

  it('unbound tokens pass unless the route requires certificate binding', async () => {
    const token = await idp.sign({ sub: 'bob', aud: 'orders' });
    const ok = await call('/bound/x', token);
    assert.equal(ok.status, 200, ok.body);
    assert.equal(ok.forwarded[0]!.headers['x-consumer-id'], 'bob');
    const r = await call('/required/x', token);
    assert.equal(r.status, 401);
    assert.equal(r.reason, 'token_not_bound');
    assert.equal(r.forwarded.length, 0);
  });
});

describe('listener client certificates (client_auth) with certificate-bound tokens and mtls-auth', () => {
  let gw2: TestGateway;
  let otherThumbprint: string;
  const agents: Agent[] = [];
  const agentWith = (name: string | undefined) => {
    const a = new Agent({
      connect: {
        ca: readFileSync(file('server.crt'), 'utf8'),
        servername: 'gw.test',
        ...(name
          ? {
              cert: readFileSync(file(`${name}.crt`), 'utf8'),
              key: readFileSync(file(`${name}.key`), 'utf8'),
            }
          : {}),
      },
    });
    agents.push(a);
    return a;
  };

  /** A client certificate signed by the test CA `ca` with the given validity (openssl ca). */
  function caSigned(name: string, cn: string, start: string, end: string): void {
    const run = (args: string[]) =>
      execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
    run([
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${cn}`,
    ]);
    run([
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.crt',
      '-keyfile',
      'ca.key',
      '-in',
      `${name}.csr`,
      '-out',
      `${name}.crt`,
      '-startdate',
      start,
      '-enddate',
      end,
      '-notext',
    ]);
  }

  before(async () => {
    selfSigned('other', 'other.test');
    selfSigned('ca', 'test-ca');
    writeFileSync(file('index.txt'), '');
    writeFileSync(file('serial'), '01\n');
    writeFileSync(
      file('ca.cnf'),
      '[ca]\ndefault_ca = d\n[d]\ndir = .\ndatabase = index.txt\nserial = serial\nnew_certs_dir = .\ndefault_md = sha256\npolicy = p\n[p]\ncommonName = supplied\n',
    );
    caSigned('expired', 'expired.test', '20200101000000Z', '20200102000000Z');
    caSigned('fresh', 'fresh.test', '20200101000000Z', '20991231000000Z');
    otherThumbprint = createHash('sha256')
      .update(new X509Certificate(readFileSync(file('other.crt'))).raw)
      .digest('base64url');
    gw2 = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
listeners:
  - name: mtls
    host: 127.0.0.1
    port: 0
    tls:
      certificates:
        - { cert: "${file('server.crt')}", key: "${file('server.key')}" }
      client_auth:
        ca: ["${file('client.crt')}", "${file('ca.crt')}"]
        mode: request
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: bound
    paths: ["/bound/*"]
    upstream: backend
    policies:
      jwt-auth:
        issuers:
          - issuer: "${idp.issuer}"
            audiences: [orders]
            algorithms: [RS256]
            jwks_uri: "${idp.jwksUri}"
            allow_http: true
      sender-constraint:
        certificate_bound: { required: true }
  - name: machine
    paths: ["/machine/*"]
    upstream: backend
    policies:
      mtls-auth: { consumer_from: subject_cn }
`);
  });
  after(async () => {
    for (const a of agents) await a.close();
    await gw2?.close();
  });

  async function call2(dispatcher: Agent, path: string, token?: string) {
    const seen = up.requests.length;
    const res = await request(`https://127.0.0.1:${gw2.port}${path}`, {
      dispatcher,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = await res.body.text();
    return { status: res.statusCode, body, forwarded: up.requests.slice(seen) };
  }

  it('a token bound to the presented, verified certificate passes', async () => {
    const token = await idp.sign({ sub: 'alice', aud: 'orders', cnf: { 'x5t#S256': clientThumbprint } });
    const r = await call2(agentWith('client'), '/bound/x', token);
    assert.equal(r.status, 200, r.body);
    assert.equal(r.forwarded[0]!.headers['x-consumer-id'], 'alice');
  });

  it('a token bound to another certificate is refused and never forwarded', async () => {
    const token = await idp.sign({ sub: 'alice', aud: 'orders', cnf: { 'x5t#S256': otherThumbprint } });
    const r = await call2(agentWith('client'), '/bound/x', token);
    assert.equal(r.status, 401, r.body);
    assert.equal(r.forwarded.length, 0);
  });

  it('a certificate from a CA the listener does not trust is not a verified certificate', async () => {
    const token = await idp.sign({ sub: 'alice', aud: 'orders', cnf: { 'x5t#S256': otherThumbprint } });
    const r = await call2(agentWith('other'), '/bound/x', token);
    assert.equal(r.status, 401, r.body);
    assert.equal(r.forwarded.length, 0);
    const m = await call2(agentWith('other'), '/machine/x');
    assert.equal(m.status, 401, m.body);
    assert.equal(m.forwarded.length, 0);
  });

  it('an expired certificate from a trusted CA is refused; a valid one from that CA passes', async () => {
    const expired = await call2(agentWith('expired'), '/machine/x');
    assert.equal(expired.status, 401, expired.body);
    assert.equal(expired.forwarded.length, 0);
    const fresh = await call2(agentWith('fresh'), '/machine/x');
    assert.equal(fresh.status, 200, fresh.body);
    assert.equal(fresh.forwarded[0]!.headers['x-consumer-id'], 'fresh.test');
  });

  it('mtls-auth maps the verified certificate to a consumer; no certificate is refused', async () => {
    const ok = await call2(agentWith('client'), '/machine/x');
    assert.equal(ok.status, 200, ok.body);
    assert.equal(ok.forwarded[0]!.headers['x-consumer-id'], 'client.test');
    const none = await call2(agentWith(undefined), '/machine/x');
    assert.equal(none.status, 401, none.body);
    assert.equal(none.forwarded.length, 0);
  });
});
