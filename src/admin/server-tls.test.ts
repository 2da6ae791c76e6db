/**
 * The admin listener over TLS with client certificates (admin.tls.client_auth): the API needs a
 * certificate from the configured CA and a token; probes do not need the certificate in `request`
 * mode; `require` mode refuses the handshake.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { connect as tlsConnect } from 'node:tls';
import { createLogger } from '../telemetry/logger.ts';
import { hashAdminToken } from './auth.ts';
import { createAdminServer } from './server.ts';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-admin-tls-'));
const f = (n: string) => join(dir, n);
const openssl = (args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function ca(name: string): void {
  openssl([
    'req',
    '-x509',
    ...EC,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.crt`,
    '-days',
    '2',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
}

function leaf(name: string, issuer: string, ext: string): void {
  openssl(['req', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
  writeFileSync(f(`${name}.ext`), ext);
  openssl([
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${issuer}.crt`,
    '-CAkey',
    `${issuer}.key`,
    '-CAcreateserial',
    '-out',
    `${name}.crt`,
    '-days',
    '1',
    '-extfile',
    `${name}.ext`,
  ]);
}

const TOKEN = 'tls-admin-token-0123456789abcdef';
const logger = createLogger({ level: 'silent' });

function get(
  port: number,
  path: string,
  client?: string,
  token?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        servername: 'localhost',
        ca: readFileSync(f('server-ca.crt')),
        ...(client ? { cert: readFileSync(f(`${client}.crt`)), key: readFileSync(f(`${client}.key`)) } : {}),
        headers: token ? { authorization: `Bearer ${token}` } : {},
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.setTimeout(5000, () => req.destroy(new Error('client timeout')));
    req.on('error', reject);
    req.end();
  });
}

function serialOf(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = tlsConnect(
      { host: '127.0.0.1', port, servername: 'localhost', ca: readFileSync(f('server-ca.crt')) },
      () => {
        const serial = sock.getPeerCertificate().serialNumber;
        sock.destroy();
        resolve(serial);
      },
    );
    sock.setTimeout(5000, () => sock.destroy(new Error('handshake timeout')));
    sock.once('error', reject);
  });
}

function server(mode: 'request' | 'require') {
  return createAdminServer({
    port: 0,
    logger,
    metrics: async () => ({ contentType: 'text/plain', body: '' }),
    ready: () => true,
    access: { tokens: [{ id: 'root', role: 'admin', hash: hashAdminToken(TOKEN) }] },
    tls: {
      certificates: [{ cert: f('server.crt'), key: f('server.key'), server_names: [] }],
      min_version: 'TLSv1.2',
      ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256',
      http2: false,
      reload_interval_ms: 0,
      client_auth: { ca: [f('client-ca.crt')], mode, verify_depth: 0, crl: [] },
    },
  });
}

describe('admin server: TLS and client certificates', () => {
  before(() => {
    ca('server-ca');
    ca('client-ca');
    ca('rogue-ca');
    leaf('server', 'server-ca', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    leaf('good', 'client-ca', 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n');
    leaf('rogue', 'rogue-ca', 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n');
  });

  it('request mode: the API needs a certificate from the CA and a token; probes need neither', async () => {
    const admin = server('request');
    const { port } = await admin.listen();
    try {
      assert.equal((await get(port, '/healthz')).status, 200);
      const noCert = await get(port, '/status', undefined, TOKEN);
      assert.equal(noCert.status, 403);
      assert.match(noCert.body, /client certificate/);
      assert.equal((await get(port, '/status', 'rogue', TOKEN)).status, 403, 'a foreign CA is not enough');
      assert.equal((await get(port, '/status', 'good')).status, 401, 'a certificate is not a token');
      assert.equal((await get(port, '/status', 'good', TOKEN)).status, 200);
    } finally {
      await admin.close();
    }
  });

  it('a certificate replaced on disk reaches new handshakes without a restart', async () => {
    copyFileSync(f('server.crt'), f('live.crt'));
    copyFileSync(f('server.key'), f('live.key'));
    const admin = createAdminServer({
      port: 0,
      logger,
      metrics: async () => ({ contentType: 'text/plain', body: '' }),
      ready: () => true,
      access: { tokens: [{ id: 'root', role: 'admin', hash: hashAdminToken(TOKEN) }] },
      tls: {
        certificates: [{ cert: f('live.crt'), key: f('live.key'), server_names: [] }],
        min_version: 'TLSv1.2',
        ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256',
        http2: false,
        reload_interval_ms: 100,
      },
    });
    const { port } = await admin.listen();
    try {
      const before = await serialOf(port);
      leaf(
        'server2',
        'server-ca',
        'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n',
      );
      // Key first, then the certificate (as a renewal tool writes them); the store only swaps a matching pair.
      copyFileSync(f('server2.key'), f('live.key'));
      copyFileSync(f('server2.crt'), f('live.crt'));
      const want = new X509Certificate(readFileSync(f('server2.crt'))).serialNumber;
      assert.notEqual(want, before);
      const deadline = Date.now() + 5000;
      let now = before;
      while (now !== want && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        now = await serialOf(port);
      }
      assert.equal(now, want, 'the new certificate is served');
      assert.equal((await get(port, '/healthz')).status, 200);
    } finally {
      await admin.close();
    }
  });

  it('require mode: no certificate or a foreign one fails the handshake', async () => {
    const admin = server('require');
    const { port } = await admin.listen();
    try {
      await assert.rejects(get(port, '/healthz'));
      await assert.rejects(get(port, '/status', 'rogue', TOKEN));
      assert.equal((await get(port, '/status', 'good', TOKEN)).status, 200);
    } finally {
      await admin.close();
    }
  });
});
