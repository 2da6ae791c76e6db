/**
 * WebSocket (RFC 6455) through the real gateway to a real node:http upgrade upstream with a
 * minimal frame echo: echo (text, binary, 1 MiB), policies on the handshake (key-auth: the
 * upstream never sees a refused upgrade), opt-in per route, strict handshake validation, a
 * wrong Sec-WebSocket-Accept from the upstream (502, never a 101), non-101 answers relayed,
 * closing together and the idle timeout.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingMessage } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Agent } from 'undici';
import { generateApiKey } from '../../src/identity/keys.ts';
import { websocketAccept } from '../../src/pipeline/upgrade.ts';
import { startGateway, type TestGateway } from '../helpers/gateway.ts';

const alice = generateApiKey();

/** Encodes one unmasked (server) frame. */
function frame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  let head: Buffer;
  if (len < 126) head = Buffer.from([0x80 | opcode, len]);
  else if (len < 65536) {
    head = Buffer.alloc(4);
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else {
    head = Buffer.alloc(10);
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

/** Minimal frame reader for masked client frames (whole frames only; enough for an echo). */
function readFrames(sock: net.Socket, onFrame: (opcode: number, payload: Buffer) => void): void {
  let buf = Buffer.alloc(0);
  sock.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (buf.length < 2) return;
      const opcode = buf[0]! & 0x0f;
      const masked = (buf[1]! & 0x80) !== 0;
      let len = buf[1]! & 0x7f;
      let off = 2;
      if (len === 126) {
        if (buf.length < 4) return;
        len = buf.readUInt16BE(2);
        off = 4;
      } else if (len === 127) {
        if (buf.length < 10) return;
        len = Number(buf.readBigUInt64BE(2));
        off = 10;
      }
      const maskLen = masked ? 4 : 0;
      if (buf.length < off + maskLen + len) return;
      const mask = buf.subarray(off, off + maskLen);
      const payload = Buffer.from(buf.subarray(off + maskLen, off + maskLen + len));
      if (masked) for (let i = 0; i < payload.length; i++) payload[i] = payload[i]! ^ mask[i & 3]!;
      buf = buf.subarray(off + maskLen + len);
      onFrame(opcode, payload);
    }
  });
}

interface WsUpstream {
  url: string;
  /** Upgrade requests seen (path and headers). */
  seen: Array<{ url: string; headers: http.IncomingHttpHeaders }>;
  /** Sockets of established tunnels, upstream side. */
  sockets: net.Socket[];
  /** Plain (non-upgrade) requests seen. */
  plain: string[];
  close(): Promise<void>;
}

async function startWsUpstream(): Promise<WsUpstream> {
  const seen: WsUpstream['seen'] = [];
  const sockets: net.Socket[] = [];
  const plain: string[] = [];
  const server = http.createServer((req, res) => {
    plain.push(req.url ?? '');
    res.end('plain');
  });
  server.on('upgrade', (req: IncomingMessage, socket: net.Socket, head: Buffer) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const key = String(req.headers['sec-websocket-key']);
    const url = req.url ?? '';
    if (url.endsWith('/forbidden')) {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\ncontent-length: 6\r\n\r\nnope!\n');
      return;
    }
    const accept = url.endsWith('/badaccept')
      ? websocketAccept('AAAAAAAAAAAAAAAAAAAAAA==')
      : websocketAccept(key);
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: Upgrade\r\nsec-websocket-accept: ${accept}\r\n\r\n`,
    );
    sockets.push(socket);
    socket.on('error', () => socket.destroy());
    // As a real server does: the peer's FIN ends this side too.
    socket.on('end', () => socket.end());
    if (head.length > 0) socket.unshift(head);
    readFrames(socket, (opcode, payload) => {
      if (opcode === 1 || opcode === 2) socket.write(frame(opcode, payload));
      else if (opcode === 9) socket.write(frame(10, payload));
      else if (opcode === 8) {
        socket.end(frame(8, payload.subarray(0, 2)));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    sockets,
    plain,
    close: () =>
      new Promise((r) => {
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

function config(upstreamUrl: string): string {
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: info, access_log: true }
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${upstreamUrl}" }]
routes:
  - name: ws
    paths: ["/ws/*"]
    upstream: backend
    websocket: true
  - name: ws-secure
    paths: ["/secure/*"]
    upstream: backend
    websocket: true
    policies:
      key-auth: {}
  - name: ws-idle
    paths: ["/idle/*"]
    upstream: backend
    websocket: true
    websocket_idle_timeout_ms: 1000
  - name: plain
    paths: ["/plain/*"]
    upstream: backend
consumers:
  - id: alice
    api_keys:
      - { id: alice-1, hash: "${alice.hash}" }
`;
}

/** A raw handshake: resolves with the response head (and the socket, still open). */
function rawUpgrade(
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<{ head: string; status: number; body: string; socket: net.Socket }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let lines = `GET ${path} HTTP/1.1\r\nhost: example.test\r\n`;
    for (const [k, v] of Object.entries(headers)) lines += `${k}: ${v}\r\n`;
    socket.write(`${lines}\r\n`);
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer: ${buf.toString('latin1')}`));
    }, 3000);
    const settle = (final: boolean) => {
      const text = buf.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = text.slice(0, end);
      const status = Number(head.slice(9, 12));
      if (status === 101 || final) {
        clearTimeout(timer);
        socket.removeAllListeners('data');
        resolve({ head, status, body: text.slice(end + 4), socket });
      }
    };
    socket.on('data', (c: Buffer) => {
      buf = Buffer.concat([buf, c]);
      settle(false);
    });
    socket.on('end', () => settle(true));
    socket.on('close', () => settle(true));
    socket.on('error', () => {});
  });
}

function wsHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    connection: 'Upgrade',
    upgrade: 'websocket',
    'sec-websocket-version': '13',
    'sec-websocket-key': randomBytes(16).toString('base64'),
    ...extra,
  };
}

/** Opens a WebSocket through the gateway with Node's global client. */
function openWs(url: string, headers?: Record<string, string>, dispatcher?: Agent): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new (WebSocket as unknown as new (u: string, o?: unknown) => WebSocket)(url, {
      headers,
      dispatcher,
    });
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => resolve(ws);
    ws.onerror = () => reject(new Error('websocket failed'));
  });
}

function nextMessage(ws: WebSocket): Promise<string | ArrayBuffer> {
  return new Promise((resolve, reject) => {
    ws.onmessage = (e) => resolve(e.data as string | ArrayBuffer);
    ws.onclose = () => reject(new Error('closed before a message'));
  });
}

function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (cond()) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error('condition not met in time'));
      setTimeout(tick, 20);
    };
    tick();
  });
}

let up: WsUpstream;
let tg: TestGateway;

before(async () => {
  up = await startWsUpstream();
  tg = await startGateway(config(up.url));
});
after(async () => {
  await tg?.close();
  await up?.close();
});

describe('websocket tunnel', () => {
  test('echoes text, binary and a 1 MiB message through the gateway', async () => {
    const ws = await openWs(`ws://127.0.0.1:${tg.port}/ws/echo`);
    try {
      let m = nextMessage(ws);
      ws.send('hello gatehouse');
      assert.equal(await m, 'hello gatehouse');
      const bin = randomBytes(300);
      m = nextMessage(ws);
      ws.send(bin);
      assert.deepEqual(Buffer.from((await m) as ArrayBuffer), bin);
      const big = randomBytes(1024 * 1024);
      m = nextMessage(ws);
      ws.send(big);
      assert.ok(Buffer.from((await m) as ArrayBuffer).equals(big));
    } finally {
      ws.close();
    }
    const seen = up.seen.at(-1)!;
    assert.equal(seen.url, '/ws/echo');
    assert.equal(seen.headers['x-forwarded-for'], '127.0.0.1');
    assert.equal(seen.headers['sec-websocket-version'], '13');
    // One access-log line per tunnel, with its bytes, once it closed.
    await waitFor(() => tg.logs.some((l) => JSON.stringify(l).includes('"status_code":101')));
    const line = JSON.stringify(tg.logs.find((l) => JSON.stringify(l).includes('"status_code":101')));
    const bytes = [...line.matchAll(/"bytes":(\d+)/g)].map((m) => Number(m[1]));
    assert.ok(bytes.length === 2 && bytes.every((b) => b > 1024 * 1024), line);
  });

  test('key-auth applies to the handshake: 401 without a key, and the upstream never sees it', async () => {
    const before = up.seen.length;
    const r = await rawUpgrade(tg.port, '/secure/echo', wsHeaders());
    r.socket.destroy();
    assert.equal(r.status, 401);
    assert.match(r.head, /application\/problem\+json/);
    assert.match(r.head, /connection: close/i);
    const bad = await rawUpgrade(tg.port, '/secure/echo', wsHeaders({ 'x-api-key': 'gh_wrong_key' }));
    bad.socket.destroy();
    assert.equal(bad.status, 401);
    assert.equal(up.seen.length, before);
    // Positive control: with the key, the tunnel opens and the key-auth header is the route's.
    const ws = await openWs(`ws://127.0.0.1:${tg.port}/secure/echo`, { 'x-api-key': alice.key });
    const m = nextMessage(ws);
    ws.send('authed');
    assert.equal(await m, 'authed');
    ws.close();
    assert.equal(up.seen.length, before + 1);
  });

  test('a route without websocket: true refuses the upgrade (501)', async () => {
    const before = up.seen.length;
    const r = await rawUpgrade(tg.port, '/plain/echo', wsHeaders());
    r.socket.destroy();
    assert.equal(r.status, 501);
    assert.equal(up.seen.length, before);
    assert.equal(up.plain.length, 0);
  });

  test('an upgrade pipelined behind a pending request cannot crash the gateway; it is never tunnelled', async () => {
    const before = up.seen.length;
    for (const first of [
      // A chunked POST goes to node:http (not the fast path), which raises the upgrade while it is pending.
      'POST /plain/a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'GET /plain/a HTTP/1.1\r\nHost: x\r\n\r\n',
    ]) {
      const socket = net.connect(tg.port, '127.0.0.1');
      socket.on('error', () => {});
      await new Promise<void>((r) => socket.once('connect', () => r()));
      const h = wsHeaders();
      socket.write(
        `${first}GET /ws/echo HTTP/1.1\r\nHost: x\r\n${Object.entries(h)
          .map(([k, v]) => `${k}: ${v}\r\n`)
          .join('')}\r\n`,
      );
      let got = '';
      socket.on('data', (d: Buffer) => {
        got += d.toString('latin1');
      });
      await new Promise<void>((r) => {
        socket.once('close', () => r());
        setTimeout(() => {
          socket.destroy();
          r();
        }, 3000);
      });
      if (first.startsWith('POST')) {
        // node:http raises the upgrade while the POST's answer is still pending: refused, connection closed.
        assert.doesNotMatch(got, / 101 /, 'no switch to WebSocket while another answer is pending');
      } else {
        // The simple GET is answered first, then the upgrade is handled in order.
        assert.match(got, /^HTTP\/1\.1 200 [\s\S]*HTTP\/1\.1 101 /, got);
      }
    }
    // Still alive and serving.
    const r = await rawUpgrade(tg.port, '/ws/echo', wsHeaders());
    r.socket.destroy();
    assert.equal(r.status, 101);
    assert.equal(up.seen.length, before + 2, 'the in-order upgrade and the proper handshake, nothing else');
  });

  test('malformed handshakes are refused with 400 and never reach the upstream', async () => {
    const before = up.seen.length;
    const cases: Array<Record<string, string>> = [
      (() => {
        const h = wsHeaders();
        delete (h as Record<string, string | undefined>)['sec-websocket-key'];
        return h;
      })(),
      wsHeaders({ 'sec-websocket-version': '8' }),
      wsHeaders({ 'sec-websocket-key': 'c2hvcnQ=' }),
      wsHeaders({ 'sec-websocket-key': randomBytes(17).toString('base64') }),
      wsHeaders({ 'content-length': '5' }),
    ];
    for (const h of cases) {
      const r = await rawUpgrade(tg.port, '/ws/echo', h);
      r.socket.destroy();
      assert.equal(r.status, 400, JSON.stringify(h));
    }
    const v8 = await rawUpgrade(tg.port, '/ws/echo', wsHeaders({ 'sec-websocket-version': '8' }));
    v8.socket.destroy();
    assert.match(v8.head, /sec-websocket-version: 13/i);
    // Another protocol than websocket is not tunnelled at all.
    const h2c = await rawUpgrade(tg.port, '/ws/echo', wsHeaders({ upgrade: 'h2c' }));
    h2c.socket.destroy();
    assert.equal(h2c.status, 501);
    assert.equal(up.seen.length, before);
  });

  test('an upstream 101 with a wrong Sec-WebSocket-Accept is refused: 502, never a 101', async () => {
    const before = up.sockets.length;
    const r = await rawUpgrade(tg.port, '/ws/badaccept', wsHeaders());
    assert.equal(r.status, 502);
    assert.doesNotMatch(r.head + r.body, /101|sec-websocket-accept/i);
    assert.match(r.body, /GW_UPSTREAM_ERROR/);
    r.socket.destroy();
    // The upstream side was closed too.
    assert.equal(up.sockets.length, before + 1);
    const s = up.sockets.at(-1)!;
    await waitFor(() => s.destroyed || s.closed);
  });

  test('a non-101 upstream answer is relayed and the connection closed', async () => {
    const r = await rawUpgrade(tg.port, '/ws/forbidden', wsHeaders());
    r.socket.destroy();
    assert.equal(r.status, 403);
    assert.equal(r.body, 'nope!\n');
  });

  test('the client going away closes the upstream side', async () => {
    const key = randomBytes(16).toString('base64');
    const r = await rawUpgrade(tg.port, '/ws/echo', wsHeaders({ 'sec-websocket-key': key }));
    assert.equal(r.status, 101);
    assert.match(
      r.head,
      new RegExp(`sec-websocket-accept: ${websocketAccept(key).replace(/[+/]/g, '\\$&')}`, 'i'),
    );
    await waitFor(() => up.sockets.length > 0);
    const s = up.sockets.at(-1)!;
    assert.equal(s.closed, false);
    r.socket.destroy();
    await waitFor(() => s.closed);
  });

  test('an idle tunnel is closed on both sides after websocket_idle_timeout_ms', async () => {
    const ws = await openWs(`ws://127.0.0.1:${tg.port}/idle/echo`);
    const s = up.sockets.at(-1)!;
    const t0 = Date.now();
    const closed = new Promise<void>((resolve) => {
      ws.onclose = () => resolve();
    });
    await closed;
    const elapsed = Date.now() - t0;
    assert.ok(elapsed >= 800 && elapsed < 2500, `closed after ${elapsed} ms`);
    await waitFor(() => s.closed);
  });
});

describe('websocket over TLS', () => {
  test('wss through an HTTP/2-enabled TLS listener (HTTP/1.1 upgrade on ALPN http/1.1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-wss-'));
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
        'k.pem',
        '-out',
        'c.pem',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
      ],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 },
    );
    const tls = await startGateway(`gatehouse: 1
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
  - name: ws
    paths: ["/ws/*"]
    upstream: backend
    websocket: true
`);
    const agent = new Agent({ connect: { ca: readFileSync(join(dir, 'c.pem')) } });
    try {
      const ws = await openWs(`wss://localhost:${tls.port}/ws/echo`, undefined, agent);
      const m = nextMessage(ws);
      ws.send('over tls');
      assert.equal(await m, 'over tls');
      const seen = up.seen.at(-1)!;
      assert.equal(seen.headers['x-forwarded-proto'], 'https');
      ws.close();
    } finally {
      await agent.close();
      await tls.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
