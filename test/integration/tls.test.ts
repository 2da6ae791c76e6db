/**
 * HTTPS listeners end to end: a real gateway on port 0, certificates made by the `openssl` CLI at
 * test time, and real TLS clients (node:tls, node:http2, undici, `openssl s_client`).
 *
 * Every refusal is paired with a control: the same client configuration completes its handshake
 * against a deliberately permissive node:tls server, so a "refused" result proves the gateway
 * refused it, not that the client could not speak the protocol or suite.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import tls, { type ConnectionOptions, type PeerCertificate, type TLSSocket } from 'node:tls';
import { Agent, request } from 'undici';
import {
  rawRequest,
  startGateway,
  startUpstream,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-tls-'));
const path = (name: string) => join(dir, name);
const pem: Record<string, string> = {};
let up: TestUpstream;
/** Deliberately permissive server (TLS 1.0+, every suite, SECLEVEL 0) for the controls. */
let control: tls.Server;
let controlPort = 0;
const controlSockets = new Set<net.Socket>();
let opensslOldProtocols = false;

// ---------------------------------------------------------------------------------------------
// Certificates

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
}

/** A leaf signed by the test CA: RSA 2048 or ECDSA P-256, with a fixed serial and one DNS SAN. */
function leaf(name: string, dns: string, kind: 'rsa' | 'ec', serial: string): void {
  const keyArgs =
    kind === 'rsa' ? ['-newkey', 'rsa:2048'] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1'];
  openssl(
    'req',
    ...keyArgs,
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.csr`,
    '-subj',
    `/CN=${dns}`,
  );
  writeFileSync(
    path(`${name}.ext`),
    `subjectAltName=DNS:${dns}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n`,
  );
  openssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-set_serial',
    serial,
    '-days',
    '1',
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.crt`,
  );
  pem[`${name}.crt`] = readFileSync(path(`${name}.crt`), 'utf8');
  pem[`${name}.key`] = readFileSync(path(`${name}.key`), 'utf8');
}

/** Replaces a file in one step (a reader never sees it half-written). */
function replace(file: string, content: string): void {
  writeFileSync(`${file}.tmp`, content);
  renameSync(`${file}.tmp`, file);
}

// ---------------------------------------------------------------------------------------------
// Clients

type Handshake =
  | {
      ok: true;
      protocol: string | null;
      cipher: string;
      cert: PeerCertificate;
      alpn: string | false | null;
      authorized: boolean;
    }
  | { ok: false; error: Error & { code?: string } };

/** One TLS handshake with node:tls; the socket is closed right after. */
function handshake(port: number, opts: ConnectionOptions = {}): Promise<Handshake> {
  return new Promise((resolve) => {
    const s = tls.connect({
      host: '127.0.0.1',
      port,
      ca: pem['ca.crt'],
      rejectUnauthorized: false,
      ...opts,
    });
    const timer = setTimeout(() => {
      s.destroy();
      resolve({ ok: false, error: new Error('handshake timed out') });
    }, 5000);
    s.once('secureConnect', () => {
      clearTimeout(timer);
      resolve({
        ok: true,
        protocol: s.getProtocol(),
        cipher: s.getCipher().name,
        cert: s.getPeerCertificate(),
        alpn: s.alpnProtocol,
        authorized: s.authorized,
      });
      s.destroy();
    });
    s.once('error', (error) => {
      clearTimeout(timer);
      s.destroy();
      resolve({ ok: false, error });
    });
  });
}

function assertOk(h: Handshake, what: string): asserts h is Extract<Handshake, { ok: true }> {
  if (!h.ok) assert.fail(`${what}: handshake failed: ${h.error.message}`);
}

/** A refused handshake: the server answered with a TLS alert (not a timeout or a reset). */
function assertRefused(h: Handshake, what: string, alert: RegExp): void {
  assert.equal(h.ok, false, `${what}: the handshake should have been refused`);
  if (!h.ok) assert.match(`${h.error.code} ${h.error.message}`, alert, what);
}

interface SClient {
  code: number | null;
  /** stdout and stderr together. */
  output: string;
  protocol: string | undefined;
  cipher: string | undefined;
  /** "CN = a.example.test" */
  peer: string | undefined;
}

/**
 * `openssl s_client -brief` (asynchronous: the gateway runs in this process). stdin is closed at
 * once, so the client disconnects right after the handshake.
 */
function sClient(port: number, args: string[]): Promise<SClient> {
  return new Promise((resolve) => {
    const p = spawn('openssl', ['s_client', '-brief', '-connect', `127.0.0.1:${port}`, ...args]);
    let output = '';
    p.stdout.on('data', (d) => {
      output += d;
    });
    p.stderr.on('data', (d) => {
      output += d;
    });
    p.stdin.end();
    const timer = setTimeout(() => p.kill('SIGKILL'), 10_000);
    p.on('close', (code) => {
      clearTimeout(timer);
      resolve({
        code,
        output,
        protocol: /^Protocol version: (\S+)/m.exec(output)?.[1],
        cipher: /^Ciphersuite: (\S+)/m.exec(output)?.[1],
        peer: /^Peer certificate: (.+)$/m.exec(output)?.[1],
      });
    });
  });
}

/** Starts a gateway that must be refused; returns the error (closes it if it started after all). */
async function startRefused(
  yaml: string,
): Promise<Error & { errors?: Array<{ path: string; message: string }> }> {
  let tg: TestGateway;
  try {
    tg = await startGateway(yaml);
  } catch (err) {
    return err as Error;
  }
  await tg.close();
  assert.fail('the gateway started with an invalid TLS configuration');
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`timed out waiting for ${what}`);
}

async function rejected(tg: TestGateway, reason: string): Promise<number> {
  const { body } = await tg.metrics.exposition();
  const m = new RegExp(`^gatehouse_http_rejected_total\\{reason="${reason}"\\} (\\d+)`, 'm').exec(body);
  return m ? Number(m[1]) : 0;
}

/** Opens a TCP connection (no TLS) and reports how long until the gateway closed it. */
function silentConnection(port: number, maxMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const s = net.connect(port, '127.0.0.1');
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error(`connection still open after ${maxMs} ms`));
    }, maxMs);
    s.resume();
    s.on('error', () => {});
    s.on('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - t0);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Gateway configs

interface TlsOpts {
  certs?: Array<[string, string]>;
  tls?: string;
  limits?: string;
}

function gatewayConfig(o: TlsOpts = {}): string {
  const certs = (
    o.certs ?? [
      [path('a.crt'), path('a.key')],
      [path('b.crt'), path('b.key')],
    ]
  )
    .map(([c, k]) => `        - { cert: "${c}", key: "${k}" }`)
    .join('\n');
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: false }
limits: { headers_timeout_ms: 1000${o.limits ?? ''} }
listeners:
  - name: main
    host: 127.0.0.1
    port: 0
    tls:
${o.tls ?? ''}
      certificates:
${certs}
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: all
    paths: ["/*"]
    upstream: backend
`;
}

before(async () => {
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-subj',
    '/CN=Gatehouse Test CA',
    '-days',
    '1',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
  pem['ca.crt'] = readFileSync(path('ca.crt'), 'utf8');
  leaf('a', 'a.example.test', 'rsa', '0x0A01');
  leaf('b', '*.b.example.test', 'ec', '0x0B01');
  leaf('a2', 'a.example.test', 'rsa', '0x0A02');
  leaf('a3', 'a.example.test', 'ec', '0x0A03');
  const help = spawnSync('openssl', ['s_client', '-help'], { encoding: 'utf8', timeout: 10_000 });
  opensslOldProtocols = /^\s*-tls1\s/m.test(`${help.stdout}${help.stderr}`);
  up = await startUpstream((req, res, body) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ method: req.method, url: req.url, bytes: body.length }));
  });
  control = tls.createServer({
    cert: pem['a.crt'],
    key: pem['a.key'],
    minVersion: 'TLSv1',
    ciphers: 'ALL@SECLEVEL=0',
  });
  control.on('connection', (s) => {
    controlSockets.add(s);
    s.once('close', () => controlSockets.delete(s));
  });
  control.on('secureConnection', (s) => s.end());
  control.on('tlsClientError', (_err, s) => s.destroy());
  await new Promise<void>((r) => control.listen(0, '127.0.0.1', r));
  controlPort = (control.address() as AddressInfo).port;
});

after(async () => {
  await up.close();
  for (const s of controlSockets) s.destroy();
  await new Promise<void>((r) => control.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

describe('TLS listener: protocol versions and cipher suites', () => {
  let tg: TestGateway;
  let tg13: TestGateway;
  before(async () => {
    tg = await startGateway(gatewayConfig());
    tg13 = await startGateway(gatewayConfig({ tls: '      min_version: TLSv1.3' }));
  });
  after(async () => {
    await tg.close();
    await tg13.close();
  });

  for (const [version, label] of [
    ['TLSv1', 'TLS 1.0'],
    ['TLSv1.1', 'TLS 1.1'],
  ] as const) {
    it(`refuses ${label} (node:tls client)`, async () => {
      const opts: ConnectionOptions = {
        minVersion: version,
        maxVersion: version,
        ciphers: 'DEFAULT@SECLEVEL=0',
        servername: 'a.example.test',
      };
      const ctl = await handshake(controlPort, opts);
      assertOk(ctl, `control ${label}`);
      assert.equal(ctl.protocol, version);
      assertRefused(await handshake(tg.port, opts), label, /PROTOCOL_VERSION|protocol version/i);
    });
  }

  it('refuses TLS 1.0 and 1.1 (openssl s_client -tls1 / -tls1_1, where the local OpenSSL has them)', async (t) => {
    if (!opensslOldProtocols) {
      t.diagnostic('openssl s_client has no -tls1 option here; covered by the node:tls cases');
      return;
    }
    for (const [flag, version] of [
      ['-tls1', /^TLSv1(\.0)?$/],
      ['-tls1_1', /^TLSv1\.1$/],
    ] as const) {
      const args = [flag, '-cipher', 'DEFAULT@SECLEVEL=0', '-servername', 'a.example.test'];
      const ctl = await sClient(controlPort, args);
      assert.equal(ctl.code, 0, `control ${flag}: ${ctl.output}`);
      assert.match(String(ctl.protocol), version);
      const r = await sClient(tg.port, args);
      assert.notEqual(r.code, 0, `${flag} should be refused`);
      assert.match(r.output, /alert protocol version|no protocols available|unsupported protocol/i);
      assert.equal(r.cipher, undefined, `no cipher for ${flag}`);
    }
  });

  it('accepts TLS 1.2 and TLS 1.3 (node:tls and openssl s_client)', async () => {
    const h12 = await handshake(tg.port, { maxVersion: 'TLSv1.2', servername: 'a.example.test' });
    assertOk(h12, 'TLS 1.2');
    assert.equal(h12.protocol, 'TLSv1.2');
    assert.equal(h12.authorized, true);
    assert.match(h12.cipher, /^ECDHE-(RSA|ECDSA)-(AES(128|256)-GCM-SHA(256|384)|CHACHA20-POLY1305)$/);
    const h13 = await handshake(tg.port, { minVersion: 'TLSv1.3', servername: 'a.example.test' });
    assertOk(h13, 'TLS 1.3');
    assert.equal(h13.protocol, 'TLSv1.3');
    for (const [flag, version] of [
      ['-tls1_2', 'TLSv1.2'],
      ['-tls1_3', 'TLSv1.3'],
    ] as const) {
      const r = await sClient(tg.port, [flag, '-servername', 'a.example.test']);
      assert.equal(r.code, 0, `${flag}: ${r.output}`);
      assert.equal(r.protocol, version);
    }
  });

  it('min_version: TLSv1.3 refuses TLS 1.2 and accepts 1.3', async () => {
    const ctl = await handshake(controlPort, { maxVersion: 'TLSv1.2' });
    assertOk(ctl, 'control TLS 1.2');
    assertRefused(
      await handshake(tg13.port, { maxVersion: 'TLSv1.2', servername: 'a.example.test' }),
      'TLS 1.2 against min_version TLSv1.3',
      /PROTOCOL_VERSION|protocol version/i,
    );
    const h13 = await handshake(tg13.port, { servername: 'a.example.test' });
    assertOk(h13, 'TLS 1.3');
    assert.equal(h13.protocol, 'TLSv1.3');
    const r = await sClient(tg13.port, ['-tls1_2', '-servername', 'a.example.test']);
    assert.notEqual(r.code, 0);
  });

  for (const suite of ['AES128-GCM-SHA256', 'AES256-SHA', 'ECDHE-RSA-AES128-SHA']) {
    it(`refuses ${suite} in a TLS 1.2 handshake (node:tls and openssl s_client)`, async () => {
      const opts: ConnectionOptions = {
        maxVersion: 'TLSv1.2',
        ciphers: `${suite}:@SECLEVEL=0`,
        servername: 'a.example.test',
      };
      const ctl = await handshake(controlPort, opts);
      assertOk(ctl, `control ${suite}`);
      assert.equal(ctl.cipher, suite);
      assertRefused(await handshake(tg.port, opts), suite, /HANDSHAKE_FAILURE|handshake failure|no cipher/i);
      const args = ['-tls1_2', '-cipher', `${suite}:@SECLEVEL=0`, '-servername', 'a.example.test'];
      const ctlCli = await sClient(controlPort, args);
      assert.equal(ctlCli.code, 0, `control s_client ${suite}: ${ctlCli.output}`);
      assert.equal(ctlCli.cipher, suite);
      const r = await sClient(tg.port, args);
      assert.notEqual(r.code, 0, `s_client ${suite} should be refused`);
      assert.match(r.output, /handshake failure/i);
    });
  }

  it('negotiates ECDHE-RSA-AES128-GCM-SHA256 (RSA certificate) and ECDHE-ECDSA-AES256-GCM-SHA384 (ECDSA)', async () => {
    const rsa = await handshake(tg.port, {
      maxVersion: 'TLSv1.2',
      ciphers: 'ECDHE-RSA-AES128-GCM-SHA256',
      servername: 'a.example.test',
    });
    assertOk(rsa, 'ECDHE-RSA-AES128-GCM-SHA256');
    assert.equal(rsa.cipher, 'ECDHE-RSA-AES128-GCM-SHA256');
    const ec = await handshake(tg.port, {
      maxVersion: 'TLSv1.2',
      ciphers: 'ECDHE-ECDSA-AES256-GCM-SHA384',
      servername: 'api.b.example.test',
    });
    assertOk(ec, 'ECDHE-ECDSA-AES256-GCM-SHA384');
    assert.equal(ec.cipher, 'ECDHE-ECDSA-AES256-GCM-SHA384');
    const r = await sClient(tg.port, [
      '-tls1_2',
      '-cipher',
      'ECDHE-RSA-AES128-GCM-SHA256',
      '-servername',
      'a.example.test',
    ]);
    assert.equal(r.code, 0, r.output);
    assert.equal(r.cipher, 'ECDHE-RSA-AES128-GCM-SHA256');
  });
});

describe('TLS listener: cipher lists in the config', () => {
  const refused: Array<[string, string]> = [
    ['AES128-GCM-SHA256', 'AES128-GCM-SHA256'],
    ['AES256-SHA', 'AES256-SHA'],
    ['ECDHE-RSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA'],
    ['ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA', 'AES256-SHA'],
    // OpenSSL also splits on commas and spaces: a static-RSA suite must not hide behind them.
    ['ECDHE-RSA-AES128-GCM-SHA256,AES128-GCM-SHA256', 'AES128-GCM-SHA256'],
    ['ECDHE-RSA-AES128-GCM-SHA256 ALL', 'ALL'],
    ['ECDHE-RSA-AES128-GCM-SHA256:kRSA', 'kRSA'],
    ['DEFAULT@SECLEVEL=0', 'DEFAULT@SECLEVEL=0'],
    ['ECDHE-RSA-NOPE-GCM-SHA256', 'ECDHE-RSA-NOPE-GCM-SHA256'],
    ['ECDHE-PSK-CHACHA20-POLY1305', 'ECDHE-PSK-CHACHA20-POLY1305'],
    ['', 'empty'],
  ];
  for (const [list, named] of refused) {
    it(`ciphers "${list}" is a config error naming ${named}`, async () => {
      const err = await startRefused(gatewayConfig({ tls: `      ciphers: "${list}"` }));
      assert.equal(err.name, 'ConfigLoadError', `${err.name}: ${err.message}`);
      const text = (err.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('\n');
      assert.ok(text.includes(named), text);
      assert.match(text, /listeners/);
    });
  }

  it('accepts a list of forward-secret AEAD suites, separated by commas and spaces as well', async () => {
    const tg = await startGateway(
      gatewayConfig({ tls: '      ciphers: "ECDHE-RSA-CHACHA20-POLY1305, ECDHE-ECDSA-AES128-GCM-SHA256"' }),
    );
    try {
      const h = await handshake(tg.port, { maxVersion: 'TLSv1.2', servername: 'a.example.test' });
      assertOk(h, 'TLS 1.2');
      assert.equal(h.cipher, 'ECDHE-RSA-CHACHA20-POLY1305');
    } finally {
      await tg.close();
    }
  });

  it('a key that does not match its certificate, or a missing file, is a config error naming the file', async () => {
    // RSA certificate with an ECDSA key, and the reverse: OpenSSL alone would accept both.
    for (const [cert, key] of [
      ['a.crt', 'b.key'],
      ['b.crt', 'a.key'],
      ['a.crt', 'a2.key'],
    ] as const) {
      const err = await startRefused(gatewayConfig({ certs: [[path(cert), path(key)]] }));
      assert.equal(err.name, 'ConfigLoadError', `${cert}+${key}: ${err.message}`);
      const text = JSON.stringify(err.errors);
      assert.ok(text.includes(path(cert)) && text.includes('does not match'), text);
    }
    const err = await startRefused(gatewayConfig({ certs: [[path('missing.crt'), path('a.key')]] }));
    assert.equal(err.name, 'ConfigLoadError');
    assert.ok(JSON.stringify(err.errors).includes('missing.crt'), JSON.stringify(err.errors));
  });
});

describe('TLS listener: SNI across several certificates', () => {
  let tg: TestGateway;
  before(async () => {
    tg = await startGateway(gatewayConfig());
  });
  after(() => tg.close());

  it('serves the RSA certificate for a.example.test', async () => {
    const h = await handshake(tg.port, { servername: 'a.example.test' });
    assertOk(h, 'a.example.test');
    assert.equal(h.cert.subject.CN, 'a.example.test');
    assert.equal(h.cert.subjectaltname, 'DNS:a.example.test');
    assert.equal(h.cert.bits, 2048);
    assert.equal(h.authorized, true);
  });

  it('serves the ECDSA wildcard certificate for names under b.example.test (any case)', async () => {
    for (const name of ['api.b.example.test', 'WWW.B.Example.Test']) {
      const h = await handshake(tg.port, { servername: name });
      assertOk(h, name);
      assert.equal(h.cert.subject.CN, '*.b.example.test', name);
      assert.equal(h.cert.subjectaltname, 'DNS:*.b.example.test');
      assert.equal(h.cert.asn1Curve, 'prime256v1');
      assert.equal(h.authorized, true, name);
    }
    const r = await sClient(tg.port, ['-servername', 'api.b.example.test']);
    assert.equal(r.code, 0, r.output);
    assert.match(String(r.peer), /CN\s*=\s*\*\.b\.example\.test/);
  });

  it('serves the first (default) certificate for unknown names, no SNI, and names the wildcard does not cover', async () => {
    for (const name of ['unknown.example.test', 'b.example.test', 'deep.api.b.example.test', undefined]) {
      const h = await handshake(tg.port, name === undefined ? {} : { servername: name });
      assertOk(h, String(name));
      assert.equal(h.cert.subject.CN, 'a.example.test', String(name));
      assert.equal(h.cert.serialNumber, '0A01', String(name));
    }
  });
});

describe('TLS listener: HTTP/1.1 requests (fast path for simple heads, node:http for the rest)', () => {
  let tg: TestGateway;
  before(async () => {
    tg = await startGateway(gatewayConfig());
  });
  after(() => tg.close());

  /** Writes `bytes` in one TLS write and collects everything until the server closes or `ms` pass. */
  function exchange(bytes: string, ms = 1500): Promise<string> {
    return new Promise((resolve, reject) => {
      const s = tls.connect({
        port: tg.port,
        host: '127.0.0.1',
        servername: 'a.example.test',
        ca: pem['ca.crt'],
      });
      let got = '';
      const done = () => {
        clearTimeout(timer);
        s.destroy();
        resolve(got);
      };
      const timer = setTimeout(done, ms);
      s.on('secureConnect', () => s.write(bytes));
      s.on('data', (d: Buffer) => {
        got += d.toString('latin1');
      });
      s.on('close', done);
      s.on('error', (err) => (got === '' ? reject(err) : done()));
    });
  }

  it('pipelined: a simple GET, then a POST with a body, both answered in order', async () => {
    const got = await exchange(
      'GET /p1 HTTP/1.1\r\nHost: a.example.test\r\n\r\n' +
        'POST /p2 HTTP/1.1\r\nHost: a.example.test\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello',
    );
    const answers = got.match(/HTTP\/1\.1 \d{3}/g) ?? [];
    assert.deepEqual(answers, ['HTTP/1.1 200', 'HTTP/1.1 200'], got);
    assert.match(got, /"url":"\/p1"[\s\S]*"method":"POST","url":"\/p2","bytes":5/);
  });

  it('pipelined: a simple GET, then a smuggling attempt (CL + TE): 200, then 400, never forwarded', async () => {
    const seen = up.requests.length;
    const got = await exchange(
      'GET /s1 HTTP/1.1\r\nHost: a.example.test\r\n\r\n' +
        'POST /s2 HTTP/1.1\r\nHost: a.example.test\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /s3 HTTP/1.1\r\nHost: a.example.test\r\n\r\n',
    );
    const answers = got.match(/HTTP\/1\.1 \d{3}/g) ?? [];
    assert.deepEqual(answers, ['HTTP/1.1 200', 'HTTP/1.1 400'], got);
    assert.deepEqual(
      up.requests.slice(seen).map((r) => r.url),
      ['/s1'],
      'only the simple GET reached the upstream',
    );
  });
});

describe('TLS listener: certificates reloaded from disk', () => {
  let tg: TestGateway;
  const liveCert = path('live.crt');
  const liveKey = path('live.key');
  const reloadConfig = (ciphers = '') =>
    gatewayConfig({
      certs: [[liveCert, liveKey]],
      tls: `      reload_interval_ms: 200${ciphers ? `\n      ciphers: "${ciphers}"` : ''}`,
    });
  before(async () => {
    writeFileSync(liveCert, pem['a.crt']!);
    writeFileSync(liveKey, pem['a.key']!);
    tg = await startGateway(reloadConfig());
  });
  after(() => tg.close());

  const serial = async (servername?: string): Promise<string> => {
    const h = await handshake(tg.port, servername === undefined ? {} : { servername });
    assertOk(h, `handshake (${servername})`);
    return h.cert.serialNumber;
  };
  const failures = () =>
    tg.logs.filter((l) => l.message === 'TLS certificate reload failed; keeping the old ones').length;

  it('new handshakes get the replaced certificate; the server and open connections keep running', async () => {
    assert.equal(await serial('a.example.test'), '0A01');
    assert.equal(await serial(), '0A01');
    const port = tg.port;
    // A connection opened before the swap.
    const old = tls.connect({ host: '127.0.0.1', port, servername: 'a.example.test', ca: pem['ca.crt'] });
    await new Promise<void>((resolve, reject) => {
      old.once('secureConnect', () => resolve());
      old.once('error', reject);
    });
    replace(liveKey, pem['a2.key']!);
    replace(liveCert, pem['a2.crt']!);
    await waitFor('the SNI certificate to change', async () => (await serial('a.example.test')) === '0A02');
    await waitFor('the default certificate to change', async () => (await serial()) === '0A02');
    assert.equal(Object.values(tg.gw.ports())[0], port, 'same listener, same port');
    assert.ok(tg.logs.some((l) => l.message === 'TLS certificates reloaded from disk'));
    // The old connection still works, with the certificate it was opened with.
    assert.equal((old as TLSSocket).getPeerCertificate().serialNumber, '0A01');
    const answer = await new Promise<string>((resolve, reject) => {
      let out = '';
      old.on('data', (d) => {
        out += d;
        if (out.includes('\r\n\r\n') && out.includes('"method"')) resolve(out);
      });
      old.once('error', reject);
      old.write('GET /after-reload HTTP/1.1\r\nHost: a.example.test\r\n\r\n');
    });
    old.destroy();
    assert.match(answer, /^HTTP\/1\.1 200 /);
  });

  it('a broken replacement keeps the old certificate and is logged once; a good one is then picked up', async () => {
    assert.equal(await serial('a.example.test'), '0A02');
    const before = failures();
    replace(liveCert, '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n');
    await waitFor('the failure to be logged', () => failures() === before + 1);
    await new Promise((r) => setTimeout(r, 1000)); // five more intervals: no retry of the same files
    assert.equal(failures(), before + 1, 'the same broken files are not retried every interval');
    const logged = tg.logs
      .filter((l) => l.message === 'TLS certificate reload failed; keeping the old ones')
      .at(-1);
    assert.match(String(logged?.err), /live\.crt/);
    assert.equal(await serial('a.example.test'), '0A02');
    assert.equal(await serial(), '0A02');
    // A certificate that does not match the key on disk is refused the same way.
    replace(liveCert, pem['b.crt']!);
    await waitFor('the mismatch to be logged', () => failures() === before + 2);
    assert.equal(await serial('a.example.test'), '0A02');
    // An ECDSA replacement with its key.
    replace(liveKey, pem['a3.key']!);
    replace(liveCert, pem['a3.crt']!);
    await waitFor('the new certificate', async () => (await serial('a.example.test')) === '0A03');
    const h = await handshake(tg.port, { servername: 'a.example.test' });
    assertOk(h, 'after reload');
    assert.equal(h.cert.asn1Curve, 'prime256v1');
    assert.equal(h.authorized, true);
  });

  it('a config reload with a bad cipher list is refused and the listener keeps serving', async () => {
    const port = tg.port;
    const res = await tg.reconfigure(reloadConfig('ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA'));
    assert.equal(res.ok, false);
    if (!res.ok)
      assert.ok(
        res.errors.some((e) => e.message.includes('AES256-SHA')),
        JSON.stringify(res.errors),
      );
    const h = await handshake(port, { servername: 'a.example.test' });
    assertOk(h, 'after the refused reload');
    assert.equal(h.cert.serialNumber, '0A03');
    assert.equal(Object.values(tg.gw.ports())[0], port);
  });
});

describe('TLS listener: HTTP/2 via ALPN', () => {
  let tg: TestGateway;
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);
  before(async () => {
    process.on('warning', onWarning);
    tg = await startGateway(
      gatewayConfig({
        tls: '      http2: true',
        limits: ', keep_alive_timeout_ms: 1500, request_timeout_ms: 1000, max_body_bytes: 1000',
      }),
    );
  });
  after(async () => {
    process.off('warning', onWarning);
    await tg.close();
  });

  const connect = (servername = 'a.example.test') =>
    http2.connect(`https://127.0.0.1:${tg.port}`, { ca: pem['ca.crt'], servername });

  interface H2Response {
    status: number;
    headers: http2.IncomingHttpHeaders;
    body: string;
  }
  function h2request(
    session: http2.ClientHttp2Session,
    headers: http2.OutgoingHttpHeaders,
    body?: string,
  ): Promise<H2Response> {
    return new Promise((resolve, reject) => {
      const r = session.request(headers, { endStream: body === undefined });
      let status = 0;
      let got: http2.IncomingHttpHeaders = {};
      let text = '';
      r.on('response', (h) => {
        status = Number(h[':status']);
        got = h;
      });
      r.setEncoding('utf8');
      r.on('data', (d) => {
        text += d;
      });
      r.on('end', () => resolve({ status, headers: got, body: text }));
      r.on('error', reject);
      if (body !== undefined) r.end(body);
    });
  }

  it('an h2 client gets the upstream answer; pseudo-headers never reach the upstream', async () => {
    const session = connect();
    try {
      const before = up.requests.length;
      const res = await h2request(session, {
        ':method': 'GET',
        ':path': '/h2/hello?x=1',
        ':authority': 'a.example.test',
        'x-custom': 'kept',
      });
      assert.equal(session.alpnProtocol, 'h2');
      assert.equal(res.status, 200);
      assert.deepEqual(JSON.parse(res.body), { method: 'GET', url: '/h2/hello?x=1', bytes: 0 });
      const seen = up.requests[before]!;
      assert.deepEqual(
        Object.keys(seen.headers).filter((k) => k.startsWith(':')),
        [],
      );
      for (let i = 0; i < seen.rawHeaders.length; i += 2) assert.ok(!seen.rawHeaders[i]!.startsWith(':'));
      assert.equal(seen.headers['x-custom'], 'kept');
      assert.equal(seen.headers['x-forwarded-host'], 'a.example.test');
      assert.equal(seen.headers['x-forwarded-proto'], 'https');
      assert.equal(seen.headers.host, `127.0.0.1:${up.port}`);
      assert.equal(res.headers.connection, undefined);
      // A body with Content-Length is streamed up.
      const post = await h2request(
        session,
        { ':method': 'POST', ':path': '/h2/upload', 'content-length': '11' },
        'hello world',
      );
      assert.equal(post.status, 200);
      assert.equal(JSON.parse(post.body).bytes, 11);
    } finally {
      session.close();
    }
  });

  it('the wildcard ECDSA certificate is served with h2 negotiated', async () => {
    const session = connect('api.b.example.test');
    try {
      const res = await h2request(session, { ':path': '/sni', ':authority': 'api.b.example.test' });
      assert.equal(res.status, 200);
      const sock = session.socket as TLSSocket;
      assert.equal(sock.getPeerCertificate().subject.CN, '*.b.example.test');
      assert.equal(session.alpnProtocol, 'h2');
    } finally {
      session.close();
    }
  });

  it('an HTTP/1.1 client (undici) on the same listener still works', async () => {
    const agent = new Agent({ connect: { ca: pem['ca.crt'], servername: 'a.example.test' } });
    try {
      const res = await request(`https://127.0.0.1:${tg.port}/h1/hello`, { dispatcher: agent });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(await res.body.json(), { method: 'GET', url: '/h1/hello', bytes: 0 });
      const alpn = await handshake(tg.port, { servername: 'a.example.test', ALPNProtocols: ['http/1.1'] });
      assertOk(alpn, 'ALPN http/1.1');
      assert.equal(alpn.alpn, 'http/1.1');
    } finally {
      await agent.close();
    }
  });

  it('error answers over h2 are problem+json without a connection header; the session survives', async () => {
    const session = connect();
    try {
      const cases: Array<[http2.OutgoingHttpHeaders, string | undefined, number]> = [
        [{ ':method': 'TRACE', ':path': '/x' }, undefined, 405],
        [{ ':method': 'POST', ':path': '/big', 'content-length': '5000' }, 'x'.repeat(5000), 413],
        [{ ':method': 'GET', ':path': '/a/%2e%2e/%2fetc' }, undefined, 400],
      ];
      for (const [headers, body, status] of cases) {
        const res = await h2request(session, headers, body);
        assert.equal(res.status, status, JSON.stringify(headers));
        assert.equal(res.headers['content-type'], 'application/problem+json');
        assert.equal(res.headers.connection, undefined);
        assert.equal(JSON.parse(res.body).status, status);
      }
      const ok = await h2request(session, { ':path': '/still-open' });
      assert.equal(ok.status, 200);
      assert.equal(session.destroyed, false);
      assert.deepEqual(
        warnings.map((w) => `${w.name}: ${w.message}`),
        [],
        'no connection header was written to an h2 response',
      );
    } finally {
      session.close();
    }
  });

  it('an h2 CONNECT is answered 405 problem+json (not a raw HTTP/1.1 text body)', async () => {
    const session = connect();
    try {
      const res = await new Promise<H2Response>((resolve, reject) => {
        const r = session.request({ ':method': 'CONNECT', ':authority': 'internal.example:443' });
        let status = 0;
        let headers: http2.IncomingHttpHeaders = {};
        let body = '';
        r.on('response', (h) => {
          status = Number(h[':status']);
          headers = h;
        });
        r.setEncoding('utf8');
        r.on('data', (d) => {
          body += d;
        });
        r.on('end', () => resolve({ status, headers, body }));
        r.on('close', () => resolve({ status, headers, body }));
        r.on('error', reject);
      });
      assert.equal(res.status, 405);
      assert.equal(res.headers['content-type'], 'application/problem+json');
      assert.equal(JSON.parse(res.body).code, 'GW_METHOD_NOT_ALLOWED');
    } finally {
      session.close();
    }
  });

  it('request_timeout_ms applies to h2 bodies (slow POST): 408, and the session survives', async () => {
    const session = connect();
    try {
      const before = up.requests.length;
      const t0 = Date.now();
      const res = await new Promise<H2Response>((resolve, reject) => {
        const r = session.request({ ':method': 'POST', ':path': '/slow', 'content-length': '100' });
        let status = 0;
        let headers: http2.IncomingHttpHeaders = {};
        let body = '';
        const drip = setInterval(() => {
          if (!r.destroyed && !r.writableEnded) r.write('x');
        }, 100);
        r.on('response', (h) => {
          // A client that got its answer stops sending (it would otherwise keep the stream open).
          clearInterval(drip);
          status = Number(h[':status']);
          headers = h;
        });
        r.setEncoding('utf8');
        r.on('data', (d) => {
          body += d;
        });
        r.on('end', () => r.close());
        r.on('close', () => {
          clearInterval(drip);
          resolve({ status, headers, body });
        });
        r.on('error', (e) => {
          clearInterval(drip);
          if (status) resolve({ status, headers, body });
          else reject(e);
        });
      });
      const elapsed = Date.now() - t0;
      assert.equal(res.status, 408);
      assert.equal(JSON.parse(res.body).code, 'GW_REQUEST_TIMEOUT');
      assert.ok(elapsed >= 900 && elapsed < 3000, `answered after ${elapsed} ms`);
      assert.equal(up.requests.length, before, 'the upstream never got a complete request');
      assert.ok((await rejected(tg, 'request_timeout')) >= 1);
      const ok = await h2request(session, { ':path': '/after-slow' });
      assert.equal(ok.status, 200);
    } finally {
      session.close();
    }
  });

  it('an idle h2 session is closed (GOAWAY) after keep_alive_timeout_ms', async () => {
    const session = connect();
    const t0 = Date.now();
    let goaway = -1;
    session.on('goaway', (code) => {
      goaway = code;
    });
    const res = await h2request(session, { ':path': '/then-idle' });
    assert.equal(res.status, 200);
    await waitFor('the session to be closed', () => session.closed || session.destroyed, 5000);
    const elapsed = Date.now() - t0;
    assert.equal(goaway, http2.constants.NGHTTP2_NO_ERROR);
    assert.ok(elapsed >= 1400 && elapsed < 4000, `closed after ${elapsed} ms`);
    session.destroy();
  });

  it('a slow HTTP/1.1 head on the h2 listener is cut off after headers_timeout_ms (408)', async () => {
    const t0 = Date.now();
    const out = await new Promise<string>((resolve, reject) => {
      const s = tls.connect({
        host: '127.0.0.1',
        port: tg.port,
        servername: 'a.example.test',
        ca: pem['ca.crt'],
        ALPNProtocols: ['http/1.1'],
      });
      let text = '';
      s.on('secureConnect', () => s.write('GET /slowloris HTTP/1.1\r\nHost: a.example.test\r\n'));
      s.on('data', (d) => {
        text += d;
      });
      s.on('close', () => resolve(text));
      s.on('error', reject);
      setTimeout(() => s.destroy(), 5000);
    });
    const elapsed = Date.now() - t0;
    assert.match(out, /^HTTP\/1\.1 408 /);
    assert.ok(elapsed < 3000, `closed after ${elapsed} ms`);
  });

  it('closing the gateway sends GOAWAY to open h2 sessions instead of waiting for the deadline', async () => {
    const gw2 = await startGateway(
      gatewayConfig({ tls: '      http2: true', limits: ', keep_alive_timeout_ms: 30000' }),
    );
    const session = http2.connect(`https://127.0.0.1:${gw2.port}`, {
      ca: pem['ca.crt'],
      servername: 'a.example.test',
    });
    const res = await h2request(session, { ':path': '/before-close' });
    assert.equal(res.status, 200);
    const t0 = Date.now();
    await gw2.close(); // deadline 2000 ms
    const elapsed = Date.now() - t0;
    assert.ok(elapsed < 1000, `close took ${elapsed} ms`);
    await waitFor('the client session to close', () => session.closed || session.destroyed, 2000);
    session.destroy();
  });
});

describe('TLS listener: hostile clients and the tls_handshake counter', () => {
  let tg: TestGateway;
  before(async () => {
    tg = await startGateway(gatewayConfig());
  });
  after(() => tg.close());

  const stillServes = async () => {
    const h = await handshake(tg.port, { servername: 'a.example.test' });
    assertOk(h, 'a normal handshake afterwards');
  };

  it('failed handshakes count gatehouse_http_rejected_total{reason="tls_handshake"}', async () => {
    const start = await rejected(tg, 'tls_handshake');
    assertRefused(
      await handshake(tg.port, {
        minVersion: 'TLSv1',
        maxVersion: 'TLSv1',
        ciphers: 'DEFAULT@SECLEVEL=0',
      }),
      'TLS 1.0',
      /PROTOCOL_VERSION|protocol version/i,
    );
    await waitFor(
      'one tls_handshake rejection',
      async () => (await rejected(tg, 'tls_handshake')) === start + 1,
    );
    assertRefused(
      await handshake(tg.port, { maxVersion: 'TLSv1.2', ciphers: 'AES256-SHA:@SECLEVEL=0' }),
      'AES256-SHA',
      /HANDSHAKE_FAILURE|handshake failure/i,
    );
    await waitFor(
      'two tls_handshake rejections',
      async () => (await rejected(tg, 'tls_handshake')) === start + 2,
    );
    // A successful handshake does not count.
    await stillServes();
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(await rejected(tg, 'tls_handshake'), start + 2);
  });

  it('plain HTTP and random bytes sent to the TLS port are refused without crashing the listener', async () => {
    const start = await rejected(tg, 'tls_handshake');
    const plain = await rawRequest(tg.port, 'GET / HTTP/1.1\r\nHost: a.example.test\r\n\r\n', 2000);
    assert.doesNotMatch(plain, /HTTP\/1\.1 200/);
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) & 0xff;
    const noise = await rawRequest(tg.port, bytes, 2000);
    assert.doesNotMatch(noise, /HTTP\/1\.1/);
    // A record header that claims a handshake but carries garbage.
    const fake = Buffer.concat([Buffer.from([0x16, 0x03, 0x01, 0x00, 0x20]), Buffer.alloc(32, 0xff)]);
    await rawRequest(tg.port, fake, 2000);
    await waitFor(
      'three tls_handshake rejections',
      async () => (await rejected(tg, 'tls_handshake')) >= start + 3,
    );
    await stillServes();
  });

  it('a client that connects and never sends a ClientHello is closed after headers_timeout_ms', async () => {
    const start = await rejected(tg, 'tls_handshake');
    const ms = await silentConnection(tg.port, 5000);
    assert.ok(ms >= 900 && ms < 3000, `closed after ${ms} ms`);
    await waitFor(
      'the timeout to be counted',
      async () => (await rejected(tg, 'tls_handshake')) === start + 1,
    );
    await stillServes();
  });
});
