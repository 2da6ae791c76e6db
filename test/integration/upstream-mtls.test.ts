import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { TLSSocket } from 'node:tls';
import pino from 'pino';
import {
  classifyUpstreamError,
  createUpstream,
  type Upstream,
  type UpstreamSpecInput,
} from '../../src/upstream/index.ts';

const logger = pino({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'gatehouse-mtls-'));
const upstreams: Upstream[] = [];
let server: Server;
let origin = '';
let handled = 0;
let handshakes = 0;
const pem: Record<string, string> = {};

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
}

function ca(name: string): void {
  openssl(
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
    '-subj',
    `/CN=Gatehouse ${name}`,
    '-days',
    '1',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
}

function leaf(name: string, issuer: string, cn: string, ext: string): void {
  writeFileSync(join(dir, `${name}.ext`), ext);
  openssl(
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
  );
  openssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${issuer}.crt`,
    '-CAkey',
    `${issuer}.key`,
    '-set_serial',
    `0x${randomBytes(8).toString('hex')}`,
    '-days',
    '1',
    '-out',
    `${name}.crt`,
    '-extfile',
    `${name}.ext`,
  );
}

function read(name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

function upstream(tls: UpstreamSpecInput['tls'], extra: Partial<UpstreamSpecInput> = {}): Upstream {
  const up = createUpstream(
    {
      name: 'mtls',
      targets: [{ url: origin }],
      timeouts: { connect_ms: 2000, header_ms: 2000, body_ms: 2000 },
      tls,
      ...extra,
    },
    { logger },
  );
  upstreams.push(up);
  return up;
}

async function get(
  up: Upstream,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const res = await up.targets[0]!.pool.request({ method: 'GET', path: '/whoami', headers });
  return { status: res.statusCode, body: await res.body.text() };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  assert.fail('request should have failed');
}

before(() => {
  ca('ca');
  ca('wrong-ca');
  leaf(
    'server',
    'ca',
    'localhost',
    'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n',
  );
  leaf('client', 'ca', 'gatehouse-client', 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n');
  leaf('rogue-client', 'wrong-ca', 'rogue', 'extendedKeyUsage=clientAuth\nbasicConstraints=CA:FALSE\n');
  for (const name of [
    'ca.crt',
    'wrong-ca.crt',
    'server.crt',
    'server.key',
    'client.crt',
    'client.key',
    'rogue-client.crt',
    'rogue-client.key',
  ]) {
    pem[name] = read(name);
  }
});

before(async () => {
  server = createServer(
    {
      key: pem['server.key'],
      cert: pem['server.crt'],
      ca: pem['ca.crt'],
      requestCert: true,
      rejectUnauthorized: true,
    },
    (req, res) => {
      handled++;
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      // `servername` (the SNI received) is missing from @types/node's TLSSocket.
      const sni = (req.socket as TLSSocket & { servername?: string | false }).servername;
      res.end(`${peer.subject?.CN};${sni || '-'}`);
    },
  );
  server.on('secureConnection', () => handshakes++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await Promise.all(upstreams.map((u) => u.close()));
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('mTLS to an upstream', { timeout: 60_000 }, () => {
  test('succeeds with the client certificate and the right CA (IP SAN, no SNI)', async () => {
    const up = upstream({ ca: pem['ca.crt'], cert: pem['client.crt'], key: pem['client.key'] });
    const res = await get(up);
    assert.deepEqual(res, { status: 200, body: 'gatehouse-client;-' });
    assert.equal(up.spec.tls?.key, '[REDACTED]');
    assert.equal(up.spec.tls?.cert, pem['client.crt']);
  });

  // With TLS 1.3 the client finishes its handshake before the server checks the client certificate, so
  // the refusal reaches undici as the server closing the connection ('other side closed'), not as a
  // handshake error. What matters is that the request is refused before any handler runs.
  test('fails without a client certificate, before the server handles anything', async () => {
    const before = handled;
    const up = upstream({ ca: pem['ca.crt'] });
    const err = (await rejection(get(up))) as { code?: string };
    assert.ok(typeof err.code === 'string', 'a coded transport error');
    assert.equal(handled, before);
  });

  test('fails with a client certificate from a CA the server does not trust', async () => {
    const before = handled;
    const up = upstream({ ca: pem['ca.crt'], cert: pem['rogue-client.crt'], key: pem['rogue-client.key'] });
    const err = (await rejection(get(up))) as { code?: string };
    assert.ok(typeof err.code === 'string', 'a coded transport error');
    assert.equal(handled, before);
  });

  test('fails when the upstream certificate is not signed by the configured CA', async () => {
    const before = handled;
    const up = upstream({ ca: pem['wrong-ca.crt'], cert: pem['client.crt'], key: pem['client.key'] });
    const err = (await rejection(get(up))) as { code?: string };
    // Node's server sends its CA along with the leaf, hence "self-signed in chain" rather than "unable to verify".
    assert.ok(
      err.code === 'SELF_SIGNED_CERT_IN_CHAIN' || err.code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
      String(err.code),
    );
    assert.equal(classifyUpstreamError(err), 'connect');
    assert.equal(handled, before);
  });

  test('fails against the system roots when no CA is configured', async () => {
    const up = upstream({ cert: pem['client.crt'], key: pem['client.key'] });
    const err = await rejection(get(up));
    assert.equal(classifyUpstreamError(err), 'connect');
  });

  test('tls.servername sets SNI and the verified name', async () => {
    const good = upstream({
      ca: pem['ca.crt'],
      cert: pem['client.crt'],
      key: pem['client.key'],
      servername: 'localhost',
    });
    assert.deepEqual(await get(good), { status: 200, body: 'gatehouse-client;localhost' });
    const bad = upstream({
      ca: pem['ca.crt'],
      cert: pem['client.crt'],
      key: pem['client.key'],
      servername: 'api.example',
    });
    const err = (await rejection(get(bad))) as { code?: string };
    assert.equal(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
  });

  test('a forwarded Host header changes neither SNI nor the verified name', async () => {
    // Left alone, undici would derive SNI and the verified name from the Host header (and reconnect
    // whenever it changes): 'evil.example' would fail verification against the IP-only certificate.
    const up = upstream({ ca: pem['ca.crt'], cert: pem['client.crt'], key: pem['client.key'] });
    assert.deepEqual(await get(up), { status: 200, body: 'gatehouse-client;-' });
    await new Promise((r) => setTimeout(r, 20)); // let the connection go back to the pool
    const connections = handshakes;
    for (const host of ['evil.example', 'other.example', 'localhost']) {
      assert.deepEqual(await get(up, { host }), { status: 200, body: 'gatehouse-client;-' });
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(handshakes, connections, 'the connection was reused across Host values');
  });

  test('min_version is enforced', async () => {
    const old = createServer(
      {
        key: pem['server.key'],
        cert: pem['server.crt'],
        maxVersion: 'TLSv1.2',
      },
      (_req, res) => res.end('ok'),
    );
    old.listen(0, '127.0.0.1');
    await once(old, 'listening');
    try {
      const url = `https://127.0.0.1:${(old.address() as AddressInfo).port}`;
      const mk = (min?: 'TLSv1.3') =>
        createUpstream(
          {
            name: 'tls-min',
            targets: [{ url }],
            tls: { ca: pem['ca.crt'], ...(min ? { min_version: min } : {}) },
          },
          { logger },
        );
      const ok = mk();
      const strict = mk('TLSv1.3');
      upstreams.push(ok, strict);
      const res = await ok.targets[0]!.pool.request({ method: 'GET', path: '/' });
      assert.equal(await res.body.text(), 'ok');
      const err = await rejection(strict.targets[0]!.pool.request({ method: 'GET', path: '/' }));
      assert.equal(classifyUpstreamError(err), 'connect');
      await ok.close();
      await strict.close();
    } finally {
      old.closeAllConnections();
      await new Promise((r) => old.close(r));
    }
  });

  test('active health checks use the same TLS settings', async () => {
    const active = {
      path: '/whoami',
      interval_ms: 50,
      timeout_ms: 1000,
      healthy_threshold: 1,
      unhealthy_threshold: 1,
    };
    const withCert = upstream(
      { ca: pem['ca.crt'], cert: pem['client.crt'], key: pem['client.key'] },
      { health_checks: { active } },
    );
    const withoutCert = upstream({ ca: pem['ca.crt'] }, { health_checks: { active } });
    const before = handled;
    withCert.start();
    withoutCert.start();
    const deadline = Date.now() + 5000;
    while (withoutCert.health()[0]!.healthy || handled < before + 2) {
      assert.ok(Date.now() < deadline, 'probes ran');
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal(withCert.health()[0]!.healthy, true);
    assert.equal(withoutCert.health()[0]!.healthy, false);
  });

  test('rejects mismatched key material at creation', () => {
    assert.throws(
      () => upstream({ ca: pem['ca.crt'], cert: pem['client.crt'], key: pem['rogue-client.key'] }),
      /^TypeError: upstream "mtls": tls is invalid \(ERR_OSSL_/,
    );
  });
});
