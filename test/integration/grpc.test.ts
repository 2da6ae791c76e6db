/**
 * gRPC-style unary calls through an HTTP/2 (TLS, ALPN h2) gateway listener: `TE: trailers` reaches
 * the upstream, the length-prefixed message streams both ways, and the upstream's trailers
 * (`grpc-status`, `grpc-message`) reach the client, with framing/auth fields in trailers dropped.
 *
 * The first upstream speaks HTTP/1.1 with chunked trailers; the last suite calls an HTTP/2-only
 * upstream (`upstreams[].http2: true`, ALPN h2), as a real gRPC server is.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startGateway, type TestGateway } from '../helpers/gateway.ts';

const dir = mkdtempSync(join(tmpdir(), 'gatehouse-grpc-'));

/** One gRPC length-prefixed message: 1-byte compressed flag, 4-byte big-endian length, payload. */
function grpcFrame(payload: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(payload.length, 1);
  return Buffer.concat([head, payload]);
}

function readGrpcFrame(buf: Buffer): Buffer {
  assert.ok(buf.length >= 5, 'a whole gRPC frame');
  assert.equal(buf[0], 0);
  const len = buf.readUInt32BE(1);
  assert.equal(buf.length, 5 + len);
  return buf.subarray(5);
}

let upstream: http.Server;
let upstreamUrl: string;
const seen: IncomingHttpHeaders[] = [];
let tg: TestGateway;

before(async () => {
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
  upstream = http.createServer((req, res) => {
    seen.push(req.headers);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const msg = readGrpcFrame(Buffer.concat(chunks));
      // Chunked (no Content-Length), so HTTP/1.1 can carry the trailers.
      res.writeHead(200, { 'content-type': 'application/grpc', trailer: 'grpc-status, grpc-message' });
      if (req.url === '/echo.Echo/Fail') {
        res.addTrailers({ 'grpc-status': '5', 'grpc-message': 'not%20found' });
        res.end();
        return;
      }
      res.write(grpcFrame(Buffer.from(msg.toString().toUpperCase())));
      res.addTrailers({
        'grpc-status': '0',
        'grpc-message': '',
        'x-trailer-meta': 'kept',
        'set-cookie': 'sid=evil',
        authorization: 'Bearer upstream-secret',
      });
      res.end();
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
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
  - name: grpc
    targets: [{ url: "${upstreamUrl}" }]
routes:
  - name: grpc
    paths: ["/echo.Echo/*"]
    methods: [POST]
    upstream: grpc
`);
});

after(async () => {
  await tg?.close();
  upstream?.closeAllConnections();
  await new Promise<void>((r) => (upstream ? upstream.close(() => r()) : r()));
  rmSync(dir, { recursive: true, force: true });
});

interface Call {
  headers: http2.IncomingHttpHeaders;
  body: Buffer;
  trailers: http2.IncomingHttpHeaders | undefined;
}

function unary(path: string, message: string, contentType = 'application/grpc'): Promise<Call> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(`https://localhost:${tg.port}`, {
      ca: readFileSync(join(dir, 'c.pem')),
    });
    session.on('error', reject);
    const stream = session.request({
      ':method': 'POST',
      ':path': path,
      'content-type': contentType,
      te: 'trailers',
    });
    let headers: http2.IncomingHttpHeaders = {};
    let trailers: http2.IncomingHttpHeaders | undefined;
    const chunks: Buffer[] = [];
    stream.on('response', (h) => {
      headers = h;
    });
    stream.on('trailers', (t) => {
      trailers = t;
    });
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      session.close();
      resolve({ headers, body: Buffer.concat(chunks), trailers });
    });
    stream.on('error', reject);
    stream.setTimeout(3000, () => {
      session.destroy();
      reject(new Error('call timed out'));
    });
    stream.end(grpcFrame(Buffer.from(message)));
  });
}

describe('gRPC unary over an HTTP/2 listener', () => {
  test('message and grpc-status trailers are relayed; TE: trailers reaches the upstream', async () => {
    const r = await unary('/echo.Echo/Say', 'hello grpc');
    assert.equal(r.headers[':status'], 200);
    assert.equal(r.headers['content-type'], 'application/grpc');
    assert.equal(readGrpcFrame(r.body).toString(), 'HELLO GRPC');
    assert.ok(r.trailers, 'trailers arrived');
    assert.equal(r.trailers['grpc-status'], '0');
    assert.equal(r.trailers['x-trailer-meta'], 'kept');
    // Fields that must not appear in trailers are dropped.
    assert.equal(r.trailers['set-cookie'], undefined);
    assert.equal(r.trailers.authorization, undefined);
    const h = seen.at(-1)!;
    assert.equal(h.te, 'trailers');
    assert.equal(h['content-type'], 'application/grpc');
  });

  test('an error status with grpc-message arrives in the trailers', async () => {
    const r = await unary('/echo.Echo/Fail', 'x');
    assert.equal(r.headers[':status'], 200);
    assert.equal(r.body.length, 0);
    assert.equal(r.trailers?.['grpc-status'], '5');
    assert.equal(r.trailers?.['grpc-message'], 'not%20found');
  });

  test('TE: trailers is forwarded for gRPC requests only', async () => {
    const r = await unary('/echo.Echo/Say', 'json', 'application/json');
    assert.equal(r.headers[':status'], 200);
    assert.equal(seen.at(-1)!.te, undefined);
  });

  test('an HTTP/1.1 client that did not send TE: trailers gets no trailers and no TE upstream', async () => {
    const { Agent, request } = await import('undici');
    const agent = new Agent({ connect: { ca: readFileSync(join(dir, 'c.pem')) } });
    try {
      const r = await request(`https://localhost:${tg.port}/echo.Echo/Say`, {
        method: 'POST',
        body: grpcFrame(Buffer.from('plain')),
        dispatcher: agent,
      });
      const body = Buffer.from(await r.body.arrayBuffer());
      assert.equal(r.statusCode, 200);
      assert.equal(readGrpcFrame(body).toString(), 'PLAIN');
      assert.deepEqual(r.trailers, {});
      assert.equal(seen.at(-1)!.te, undefined);
    } finally {
      await agent.close();
    }
  });
});

describe('gRPC to an HTTP/2-only upstream (upstreams[].http2)', () => {
  let h2up: http2.Http2SecureServer;
  let gw2: TestGateway;
  const h2seen: http2.IncomingHttpHeaders[] = [];

  before(async () => {
    h2up = http2.createSecureServer({
      cert: readFileSync(join(dir, 'c.pem')),
      key: readFileSync(join(dir, 'k.pem')),
      allowHTTP1: false,
    });
    h2up.on('stream', (stream, headers) => {
      h2seen.push(headers);
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const msg = readGrpcFrame(Buffer.concat(chunks));
        stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
        stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0', 'grpc-message': 'h2' }));
        stream.end(grpcFrame(Buffer.from(`h2:${msg.toString()}`)));
      });
    });
    await new Promise<void>((r) => h2up.listen(0, '127.0.0.1', r));
    const port = (h2up.address() as AddressInfo).port;
    gw2 = await startGateway(`gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn, access_log: false }
listeners:
  - name: main
    host: 127.0.0.1
    port: 0
    tls:
      http2: true
      certificates:
        - { cert: "${join(dir, 'c.pem')}", key: "${join(dir, 'k.pem')}" }
upstreams:
  - name: grpc
    http2: true
    targets: [{ url: "https://localhost:${port}" }]
    tls: { ca: "${join(dir, 'c.pem')}" }
routes:
  - name: grpc
    paths: ["/echo.Echo/*"]
    methods: [POST]
    upstream: grpc
`);
  });

  after(async () => {
    await gw2?.close();
    await new Promise<void>((r) => (h2up ? h2up.close(() => r()) : r()));
  });

  test('a unary call reaches an HTTP/2-only upstream; the message and grpc-status trailers come back', async () => {
    const session = http2.connect(`https://localhost:${gw2.port}`, { ca: readFileSync(join(dir, 'c.pem')) });
    try {
      const r = await new Promise<Call>((resolve, reject) => {
        const stream = session.request({
          ':method': 'POST',
          ':path': '/echo.Echo/Say',
          'content-type': 'application/grpc',
          te: 'trailers',
        });
        let headers: http2.IncomingHttpHeaders = {};
        let trailers: http2.IncomingHttpHeaders | undefined;
        const chunks: Buffer[] = [];
        stream.on('response', (h) => {
          headers = h;
        });
        stream.on('trailers', (t) => {
          trailers = t;
        });
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => resolve({ headers, body: Buffer.concat(chunks), trailers }));
        stream.on('error', reject);
        stream.setTimeout(5000, () => reject(new Error('call timed out')));
        stream.end(grpcFrame(Buffer.from('over h2')));
      });
      assert.equal(r.headers[':status'], 200);
      assert.equal(readGrpcFrame(r.body).toString(), 'h2:over h2');
      assert.equal(r.trailers?.['grpc-status'], '0');
      assert.equal(r.trailers?.['grpc-message'], 'h2');
      assert.equal(h2seen.at(-1)?.te, 'trailers');
      assert.equal(h2seen.at(-1)?.[':method'], 'POST');
    } finally {
      session.close();
    }
  });
});
