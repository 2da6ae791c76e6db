/**
 * Listener client certificates (`client_auth`) against hostile chains, over real TLS: a revoked client
 * certificate (PEM CRL) is refused in the handshake, and a chain deeper than `verify_depth` is cut
 * after it, both without the upstream seeing a request; the same certificates are accepted where the
 * listener's rules allow them (positive controls).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { connect } from 'node:tls';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-client-chain-'));
const file = (name: string) => join(dir, name);
const openssl = (args: string[]) =>
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

function selfSignedCa(name: string, cn: string): void {
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
    `/CN=${cn}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
    '-addext',
    `subjectAltName=DNS:${cn}`,
  ]);
}

/** A certificate for `cn` signed by `issuer` through `openssl ca` (so it can be revoked), optionally a CA. */
function issue(name: string, cn: string, issuer: string, isCa = false): void {
  openssl(['req', ...EC, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`]);
  writeFileSync(
    file(`${name}.ext`),
    isCa
      ? 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n'
      : 'basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n',
  );
  openssl([
    'ca',
    '-batch',
    '-config',
    `${issuer}.cnf`,
    '-cert',
    `${issuer}.crt`,
    '-keyfile',
    `${issuer}.key`,
    '-in',
    `${name}.csr`,
    '-out',
    `${name}.crt`,
    '-days',
    '1',
    '-extfile',
    `${name}.ext`,
    '-notext',
  ]);
}

function caDatabase(name: string): void {
  writeFileSync(file(`${name}.index`), '');
  writeFileSync(file(`${name}.serial`), name === 'root' ? '1000\n' : '2000\n');
  writeFileSync(
    file(`${name}.cnf`),
    `[ca]\ndefault_ca = d\n[d]\ndir = .\ndatabase = ${name}.index\nserial = ${name}.serial\nnew_certs_dir = .\ndefault_md = sha256\ndefault_crl_days = 1\npolicy = p\n[p]\ncommonName = supplied\n`,
  );
}

let up: TestUpstream;
let gw: TestGateway;

before(async () => {
  openssl([
    'req',
    '-x509',
    ...EC,
    '-keyout',
    'server.key',
    '-out',
    'server.crt',
    '-days',
    '2',
    '-subj',
    '/CN=gw.test',
    '-addext',
    'subjectAltName=DNS:gw.test',
  ]);
  selfSignedCa('root', 'root-ca.test');
  caDatabase('root');
  issue('inter', 'intermediate-ca.test', 'root', true);
  caDatabase('inter');
  issue('good', 'good.client', 'root');
  issue('revoked', 'revoked.client', 'root');
  issue('deep', 'deep.client', 'inter');
  openssl([
    'ca',
    '-config',
    'root.cnf',
    '-cert',
    'root.crt',
    '-keyfile',
    'root.key',
    '-revoke',
    'revoked.crt',
  ]);
  openssl([
    'ca',
    '-config',
    'root.cnf',
    '-cert',
    'root.crt',
    '-keyfile',
    'root.key',
    '-gencrl',
    '-out',
    'root.crl',
  ]);
  writeFileSync(
    file('deep-chain.crt'),
    readFileSync(file('deep.crt'), 'utf8') + readFileSync(file('inter.crt'), 'utf8'),
  );
  up = await startUpstream();
  const tls = (extra: string) => `
    tls:
      certificates:
        - { cert: "${file('server.crt')}", key: "${file('server.key')}" }
      client_auth:
        ca: ["${file('root.crt')}"]
        mode: require
${extra}`;
  gw = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
listeners:
  - name: crl
    host: 127.0.0.1
    port: 0${tls(`        crl: ["${file('root.crl')}"]`)}
  - name: shallow
    host: 127.0.0.1
    port: 0${tls('        verify_depth: 0')}
  - name: deep
    host: 127.0.0.1
    port: 0${tls('        verify_depth: 1')}
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: all
    paths: ["/*"]
    upstream: backend
`);
});

after(async () => {
  await gw?.close();
  await up?.close();
  if (!process.env.KEEP_CERTS) rmSync(dir, { recursive: true, force: true });
});

/** One HTTPS GET with a client certificate; resolves with the status line or the connection error. */
function get(listener: string, client: string, certFile = `${client}.crt`): Promise<string> {
  return new Promise((resolve) => {
    const sock = connect({
      host: '127.0.0.1',
      port: gw.ports[listener]!,
      servername: 'gw.test',
      ca: readFileSync(file('server.crt')),
      cert: readFileSync(file(certFile)),
      key: readFileSync(file(`${client}.key`)),
    });
    let data = '';
    const done = (v: string) => {
      sock.destroy();
      resolve(v);
    };
    sock.setTimeout(5000, () => done('timeout'));
    sock.on('secureConnect', () =>
      sock.write('GET /x HTTP/1.1\r\nhost: gw.test\r\nconnection: close\r\n\r\n'),
    );
    sock.on('data', (d) => {
      data += d.toString('latin1');
    });
    sock.on('end', () => done(data.split('\r\n')[0] || 'closed'));
    sock.on('close', () => done(data.split('\r\n')[0] || 'closed'));
    sock.on('error', (e: NodeJS.ErrnoException) => done(`error:${e.code ?? e.message}`));
  });
}

describe('client_auth: CRL and verify_depth', () => {
  test('a certificate the CRL does not list is accepted; a revoked one is refused before any request', async () => {
    assert.equal(await get('crl', 'good'), 'HTTP/1.1 200 OK');
    const seen = up.requests.length;
    const r = await get('crl', 'revoked');
    assert.notEqual(r, 'HTTP/1.1 200 OK');
    assert.match(r, /^(error:|closed)/);
    assert.equal(up.requests.length, seen, 'the upstream never saw the revoked client');
  });

  test('without the CRL the revoked certificate is a valid one (control)', async () => {
    assert.equal(await get('shallow', 'revoked'), 'HTTP/1.1 200 OK');
  });

  test('verify_depth 0 refuses a client behind an intermediate CA; verify_depth 1 accepts it', async () => {
    assert.equal(await get('shallow', 'good'), 'HTTP/1.1 200 OK');
    const seen = up.requests.length;
    const r = await get('shallow', 'deep', 'deep-chain.crt');
    assert.notEqual(r, 'HTTP/1.1 200 OK');
    assert.equal(up.requests.length, seen, 'the upstream never saw the too-deep chain');
    assert.equal(await get('deep', 'deep', 'deep-chain.crt'), 'HTTP/1.1 200 OK');
  });
});
