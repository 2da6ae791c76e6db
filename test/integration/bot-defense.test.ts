/**
 * bot-defense through the real gateway: proof of work end to end with the client code from
 * docs/bot-defense.md (issue, solve, pass, replay refused, too-easy and tampered challenges
 * refused), credential stuffing driven from one address (blocked, and the upstream never sees the
 * blocked requests), and JA4 fingerprints of real TLS clients computed by the gateway.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { clientHelloExtent, ja4, parseClientHello } from '../../src/bot/ja4.ts';
import { leadingZeroBits, solvePow } from '../../src/bot/pow.ts';
import {
  proxyConfig,
  startGateway,
  startUpstream,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';

const SECRET = 'bot-defense-test-secret-0123456789abcdef';
const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bot-it-'));

/** The JS client example of docs/bot-defense.md, loaded as a module. */
async function docsClient(): Promise<{
  solveChallenge(challenge: string, difficulty: number): Promise<number>;
  fetchWithPow(url: string, init?: RequestInit): Promise<Response>;
}> {
  const md = readFileSync(new URL('../../docs/bot-defense.md', import.meta.url), 'utf8');
  const code = /```js\n([\s\S]*?)```/.exec(md)?.[1];
  assert.ok(code, 'docs/bot-defense.md has a js example');
  const file = join(dir, 'client.mjs');
  writeFileSync(file, code);
  return import(pathToFileURL(file).href);
}

function events(tg: TestGateway, type: string): Array<Record<string, unknown>> {
  return tg.logs.filter((l) => l['event.action'] === type);
}

describe('bot-defense: proof of work', () => {
  let up: TestUpstream;
  let tg: TestGateway;
  const policy = (difficulty: number) =>
    `bot-defense: { pow: { secret: "${SECRET}", difficulty: ${difficulty} }, thresholds: { tag: 10, challenge: 20, throttle: 900, block: 1000 } }`;
  before(async () => {
    up = await startUpstream();
    tg = await startGateway(`${proxyConfig(up.url).replace(/routes:\n[\s\S]*$/, '')}routes:
  - name: hard
    paths: ["/hard/*"]
    upstream: backend
    policies:
      ${policy(14)}
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      ${policy(10)}
`);
  });
  after(async () => {
    await tg.close();
    await up.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${tg.url}${path}`, { headers: { 'user-agent': 'curl/8.5.0', ...headers } });

  test('a scored client gets a 429 challenge; the documented client solves it and gets a pass', async () => {
    const res = await get('/api/a');
    assert.equal(res.status, 429);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    const challenge = res.headers.get('x-gatehouse-pow-challenge');
    const body = (await res.json()) as Record<string, unknown>;
    assert.ok(challenge);
    assert.equal(body.challenge, challenge);
    assert.equal(body.difficulty, 10);
    assert.equal(up.requests.length, 0, 'the upstream never saw the challenged request');
    assert.equal(events(tg, 'bot_challenge').length >= 1, true);

    const client = await docsClient();
    const counter = await client.solveChallenge(challenge, 10);
    const ok = await get('/api/a', { 'x-gatehouse-pow': `${challenge}:${counter}` });
    assert.equal(ok.status, 200);
    const pass = ok.headers.get('x-gatehouse-pass');
    assert.ok(pass);
    assert.equal(up.requests.length, 1);
    const seen = up.requests[0]!.headers;
    assert.equal(seen['x-gatehouse-bot-score'], '25');
    assert.equal(seen['x-gatehouse-pow'], undefined, 'the solution is not forwarded');

    // Replay of the same solution: refused.
    const replay = await get('/api/b', { 'x-gatehouse-pow': `${challenge}:${counter}` });
    assert.equal(replay.status, 429);
    assert.equal(((await replay.json()) as { refused?: string }).refused, 'replayed');
    // The pass works without a new challenge, and only with the pass itself.
    assert.equal((await get('/api/c', { 'x-gatehouse-pass': pass })).status, 200);
    assert.equal((await get('/api/c', { 'x-gatehouse-pass': `${pass}x` })).status, 429);
    assert.equal(up.requests.length, 2);

    // fetchWithPow does the whole dance by itself.
    const auto = await client.fetchWithPow(`${tg.url}/api/d`, { headers: { 'user-agent': 'curl/8.5.0' } });
    assert.equal(auto.status, 200);
  });

  test('a challenge of a lower difficulty, a wrong counter and a tampered challenge are refused', async () => {
    const before = up.requests.length;
    const easy = (await get('/api/e')).headers.get('x-gatehouse-pow-challenge')!;
    const refused = async (path: string, value: string) => {
      const r = await get(path, { 'x-gatehouse-pow': value });
      assert.equal(r.status, 429, value);
      return ((await r.json()) as { refused?: string }).refused;
    };
    assert.equal(await refused('/hard/x', `${easy}:${solvePow(easy, 10)}`), 'too_easy');
    let wrong = 0;
    while (
      leadingZeroBits(
        createHash('sha256')
          .update(easy + wrong)
          .digest(),
      ) >= 10
    )
      wrong++;
    assert.equal(await refused('/api/e', `${easy}:${wrong}`), 'not_solved');
    const tampered = easy.replace('.10.', '.14.');
    assert.equal(await refused('/hard/x', `${tampered}:${solvePow(tampered, 14)}`), 'bad_mac');
    assert.equal(await refused('/api/e', 'garbage'), 'malformed');
    assert.equal(up.requests.length, before, 'nothing refused reached the upstream');
  });

  test('clients below the thresholds pass untouched, and a spoofed score header is dropped', async () => {
    const before = up.requests.length;
    const res = await get('/api/plain', {
      'user-agent': 'AcmeMobile/3.1 (iOS 17)',
      'x-gatehouse-bot-score': '0',
    });
    assert.equal(res.status, 200);
    assert.equal(up.requests[before]!.headers['x-gatehouse-bot-score'], undefined);
  });
});

describe('bot-defense: credential stuffing', () => {
  let up: TestUpstream;
  let tg: TestGateway;
  before(async () => {
    up = await startUpstream((_req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end('{"error":"bad credentials"}');
    });
    tg = await startGateway(
      proxyConfig(up.url).replace(
        'upstream: backend\n',
        'upstream: backend\n    policies:\n      bot-defense: { credential_stuffing: { identities_per_client: 5, identity_header: authorization } }\n',
      ),
    );
  });
  after(async () => {
    await tg.close();
    await up.close();
  });

  test('many user names failing from one address → blocked; the upstream never sees the blocked requests', async () => {
    const login = (user: string) =>
      fetch(`${tg.url}/login`, {
        method: 'POST',
        headers: {
          'user-agent': 'AcmeMobile/3.1',
          authorization: `Basic ${Buffer.from(`${user}:guess`).toString('base64')}`,
        },
      });
    // The same user failing repeatedly is not stuffing.
    for (let i = 0; i < 3; i++) assert.equal((await login('alice')).status, 401);
    for (const u of ['bob', 'carol', 'dave']) assert.equal((await login(u)).status, 401);
    assert.equal(up.requests.length, 6);
    assert.equal(events(tg, 'credential_stuffing').length, 0);
    assert.equal(
      (await login('erin')).status,
      401,
      'the fifth identity is still answered (and flags the client)',
    );
    assert.equal(events(tg, 'credential_stuffing').length, 1);
    assert.equal(up.requests.length, 7);
    for (const u of ['frank', 'alice', 'grace']) {
      const r = await login(u);
      assert.equal(r.status, 403);
      assert.match(r.headers.get('content-type') ?? '', /problem\+json/);
    }
    assert.equal(up.requests.length, 7, 'no blocked request reached the upstream');
    const block = events(tg, 'bot_block')[0]!;
    assert.deepEqual(block['gatehouse.bot.signals'], ['credential_stuffing']);
    assert.ok(!tg.logText().includes('grace'), 'user names never reach the logs');
  });
});

// ---------------------------------------------------------------------------------------------
// JA4 over TLS listeners

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
}

type Client = (port: number) => Promise<number>;
type TlsOpts = https.RequestOptions & { ALPNProtocols?: string[] };

const TLS12: TlsOpts = {
  maxVersion: 'TLSv1.2',
  ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384',
};

/** An https/1.1 request with the given TLS options; resolves with the status. */
function h1(tlsOpts: TlsOpts): Client {
  return (port) =>
    new Promise((resolve, reject) => {
      const req = https.request(
        {
          host: '127.0.0.1',
          port,
          path: '/x',
          rejectUnauthorized: false,
          agent: false,
          headers: { 'user-agent': 'sqlmap/1.7' },
          ...tlsOpts,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        },
      );
      req.on('error', reject);
      req.end();
    });
}

/** An HTTP/2 request (ALPN h2); resolves with the status. */
const h2: Client = (port) =>
  new Promise((resolve, reject) => {
    const session = http2.connect(`https://127.0.0.1:${port}`, { rejectUnauthorized: false });
    session.on('error', reject);
    const req = session.request({ ':path': '/x', 'user-agent': 'sqlmap/1.7' });
    req.on('response', (h) => {
      req.resume();
      req.on('end', () => {
        session.close();
        resolve(Number(h[':status']));
      });
    });
    req.on('error', reject);
    req.end();
  });

/**
 * `openssl s_client` sending one HTTP/1.1 request (sqlmap UA); resolves with the status it read
 * back (0 when none).
 */
const opensslClient: Client = (port) =>
  new Promise((resolve) => {
    const p = spawn(
      'openssl',
      ['s_client', '-quiet', '-connect', `127.0.0.1:${port}`, '-servername', 'api.test', '-alpn', 'http/1.1'],
      { stdio: ['pipe', 'pipe', 'ignore'] },
    );
    let out = '';
    const timer = setTimeout(() => p.kill(), 5000);
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString('latin1');
    });
    p.on('error', () => {});
    p.stdin.on('error', () => {});
    p.on('close', () => {
      clearTimeout(timer);
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(out)?.[1] ?? 0));
    });
    p.stdin.end('GET /x HTTP/1.1\r\nHost: api.test\r\nUser-Agent: sqlmap/1.7\r\nConnection: close\r\n\r\n');
  });

/** JA4 of a client, computed from its ClientHello captured by a raw TCP server (not the gateway). */
async function expectedJa4(client: Client): Promise<string> {
  let done!: (s: string) => void;
  const got = new Promise<string>((r) => {
    done = r;
  });
  const server = net.createServer((sock) => {
    let buf = Buffer.alloc(0);
    sock.on('error', () => {});
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const ext = clientHelloExtent(buf);
      if ('done' in ext) {
        done(ja4(parseClientHello(buf.subarray(0, ext.done))!));
        sock.destroy();
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  client((server.address() as net.AddressInfo).port).catch(() => {});
  try {
    return await got;
  } finally {
    server.close();
  }
}

describe('bot-defense: JA4 on TLS listeners', () => {
  let up: TestUpstream;
  let tg: TestGateway;
  let allowed: string;
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
      'k.pem',
      '-out',
      'c.pem',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
    );
    allowed = await expectedJa4(h1(TLS12));
    up = await startUpstream();
    tg = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: false }
listeners:
  - name: main
    host: 127.0.0.1
    port: 0
    tls:
      http2: true
      certificates:
        - { cert: "${join(dir, 'c.pem')}", key: "${join(dir, 'k.pem')}" }
upstreams:
  - name: backend
    targets: [{ url: "${up.url}" }]
routes:
  - name: all
    paths: ["/*"]
    upstream: backend
    policies:
      bot-defense: { verified: { ja4: ["${allowed}"] } }
`);
  });
  after(async () => {
    await tg?.close();
    await up?.close();
  });

  test('the gateway computes the same JA4 as the client side: the allow-listed client passes, others are blocked', async () => {
    const others = [
      await expectedJa4(h1({ ALPNProtocols: ['http/1.1'] })),
      await expectedJa4(h2),
      await expectedJa4(opensslClient),
    ];
    assert.equal(new Set([allowed, ...others]).size, 4, `${allowed} ${others.join(' ')}`);
    assert.equal(await h1(TLS12)(tg.port), 200, 'the verified JA4 skips the policy (sqlmap UA)');
    assert.equal(up.requests.length, 1);
    assert.equal(await h1({ ALPNProtocols: ['http/1.1'] })(tg.port), 403);
    assert.equal(await h2(tg.port), 403);
    assert.equal(await opensslClient(tg.port), 403);
    assert.equal(up.requests.length, 1, 'blocked clients never reached the upstream');
    const seen = events(tg, 'bot_block').map((e) => e['tls.client.ja4']);
    assert.deepEqual(
      seen,
      others,
      'the gateway reports the JA4 computed independently (node HTTP/1.1, node HTTP/2, openssl)',
    );
  });

  test('an oversized ClientHello is refused without breaking the listener', async () => {
    const status = await new Promise<string>((resolve) => {
      const s = net.connect(tg.port, '127.0.0.1', () => {
        s.write(Buffer.from([0x16, 3, 1, 0x40, 0, 1, 0x01, 0x00, 0x00]));
      });
      s.on('error', () => resolve('error'));
      s.on('close', () => resolve('closed'));
    });
    assert.equal(status, 'closed');
    assert.equal(await h1(TLS12)(tg.port), 200);
  });
});
