/**
 * The cleartext HTTP/1.1 fast path (src/server/fast-h1.ts) attacked and checked for parity with node:http
 * through the real gateway: raw sockets write exact bytes; every case asserts the answer AND what the upstream
 * saw (never a smuggled request). Requests the fast path does not serve itself are handed to node:http at a
 * message boundary, so "as before" means the answer protocol.test.ts expects from node's parser.
 */
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { startGateway, startUpstream, type TestGateway, type TestUpstream } from '../helpers/gateway.ts';

let up: TestUpstream;
let raw: net.Server;
let rawBytes = '';
let deadPort: number;
let gw: TestGateway;
/** Upstream responses that ended with the gateway's connection closing first (aborted upstream requests). */
const upstreamAborted: string[] = [];

const HUGE = Buffer.alloc(2 * 1024 * 1024);
for (let i = 0; i < HUGE.length; i++) HUGE[i] = 97 + ((i * 31 + (i >> 12)) % 26);

function upstreamHandler(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '';
  if (url.startsWith('/api/slow')) {
    const ms = Number(new URL(url, 'http://x').searchParams.get('ms') ?? '1500');
    const t = setTimeout(() => res.end(`slow ${url}`), ms);
    res.on('close', () => {
      clearTimeout(t);
      if (!res.writableFinished) upstreamAborted.push(url);
    });
    return;
  }
  if (url.startsWith('/api/s204')) {
    res.writeHead(204, { etag: '"x"' });
    res.end();
    return;
  }
  if (url.startsWith('/api/s304')) {
    res.writeHead(304, { etag: '"x"' });
    res.end();
    return;
  }
  if (url.startsWith('/api/nocl')) {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('abc');
    setTimeout(() => res.end('defgh'), 20);
    return;
  }
  if (url.startsWith('/api/huge')) {
    // 2 MiB in 64 KiB writes, with or without Content-Length.
    const withLength = url.includes('cl=1');
    res.writeHead(200, withLength ? { 'content-length': HUGE.length } : {});
    let i = 0;
    const pump = () => {
      while (i < HUGE.length) {
        const part = HUGE.subarray(i, i + 65_536);
        i += part.length;
        if (!res.write(part)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
    return;
  }
  const body = JSON.stringify({ path: url });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function config(upstreamUrl: string, rawUrl: string, deadUrl: string): string {
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn, access_log: false }
limits:
  max_header_bytes: 4096
  max_header_count: 20
  headers_timeout_ms: 600
  request_timeout_ms: 1500
  keep_alive_timeout_ms: 500
  max_requests_per_connection: 4
listeners:
  - name: main
    host: 127.0.0.1
    port: 0
upstreams:
  - name: backend
    targets: [{ url: "${upstreamUrl}" }]
  - name: rawup
    targets: [{ url: "${rawUrl}" }]
  - name: dead
    targets: [{ url: "${deadUrl}" }]
routes:
  - name: api
    paths: ["/api/*"]
    upstream: backend
  - name: raw
    paths: ["/raw/*"]
    upstream: rawup
  - name: dead
    paths: ["/dead/*"]
    upstream: dead
`;
}

before(async () => {
  up = await startUpstream(upstreamHandler);
  // An upstream writing exact response bytes (response splitting attempts).
  raw = net.createServer((s) => {
    s.on('data', () => {
      s.end(rawBytes);
    });
    s.on('error', () => {});
  });
  await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
  const d = net.createServer();
  await new Promise<void>((r) => d.listen(0, '127.0.0.1', r));
  deadPort = (d.address() as net.AddressInfo).port;
  await new Promise<void>((r) => d.close(() => r()));
  gw = await startGateway(
    config(
      up.url,
      `http://127.0.0.1:${(raw.address() as net.AddressInfo).port}`,
      `http://127.0.0.1:${deadPort}`,
    ),
  );
});
after(async () => {
  await gw.close();
  await up.close();
  await new Promise<void>((r) => raw.close(() => r()));
});

/** A raw client connection that collects what the gateway sends. */
class Client {
  readonly sock: net.Socket;
  data = '';
  closed = false;
  readonly #waiters = new Set<() => void>();

  constructor(port: number) {
    this.sock = net.connect(port, '127.0.0.1');
    this.sock.on('data', (d: Buffer) => {
      this.data += d.toString('latin1');
      this.#wake();
    });
    this.sock.on('error', () => {});
    this.sock.on('close', () => {
      this.closed = true;
      this.#wake();
    });
  }

  #wake(): void {
    for (const w of this.#waiters) w();
  }

  static async open(port = gw.port): Promise<Client> {
    const c = new Client(port);
    await new Promise<void>((resolve, reject) => {
      c.sock.once('connect', resolve);
      c.sock.once('error', reject);
    });
    return c;
  }

  write(b: string | Buffer): void {
    this.sock.write(typeof b === 'string' ? Buffer.from(b, 'latin1') : b);
  }

  /** Resolves when `pred` holds (or the connection closed, or `ms` passed); returns the data so far. */
  until(pred: (c: Client) => boolean, ms = 3000): Promise<string> {
    return new Promise((resolve) => {
      const check = () => {
        if (pred(this) || this.closed) {
          clearTimeout(timer);
          this.#waiters.delete(check);
          resolve(this.data);
        }
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        resolve(this.data);
      }, ms);
      this.#waiters.add(check);
      check();
    });
  }

  /** Waits for `n` complete responses (parsed with the given request methods). */
  async responses(n: number, methods: string[] = [], ms = 3000): Promise<Resp[]> {
    await this.until((c) => parseResponses(c.data, methods).length >= n, ms);
    return parseResponses(this.data, methods);
  }

  async waitClosed(ms = 3000): Promise<boolean> {
    await this.until((c) => c.closed, ms);
    return this.closed;
  }

  destroy(): void {
    this.sock.destroy();
  }
}

interface Resp {
  status: number;
  headers: Record<string, string>;
  head: string;
  body: string;
}

/**
 * Parses complete HTTP/1.1 responses from a byte stream (Content-Length, chunked, no body for HEAD/204/304, or
 * up to the end when neither). `methods[i]` is the method of the i-th request ('GET' when not given).
 */
function parseResponses(data: string, methods: string[] = []): Resp[] {
  const out: Resp[] = [];
  let at = 0;
  while (at < data.length) {
    const end = data.indexOf('\r\n\r\n', at);
    if (end < 0) break;
    const head = data.slice(at, end);
    const lines = head.split('\r\n');
    const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]!);
    if (!m) break;
    const status = Number(m[1]);
    const headers: Record<string, string> = {};
    for (const l of lines.slice(1)) {
      const i = l.indexOf(':');
      const k = l.slice(0, i).toLowerCase();
      const v = l.slice(i + 1).trim();
      headers[k] = headers[k] === undefined ? v : `${headers[k]}, ${v}`;
    }
    let p = end + 4;
    let body = '';
    const method = methods[out.length] ?? 'GET';
    if (method === 'HEAD' || status === 204 || status === 304 || status < 200) {
      // no body
    } else if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      let complete = false;
      for (;;) {
        const le = data.indexOf('\r\n', p);
        if (le < 0) break;
        const size = Number.parseInt(data.slice(p, le), 16);
        if (Number.isNaN(size)) return out;
        if (size === 0) {
          const te = data.indexOf('\r\n\r\n', le);
          if (te < 0) break;
          p = te + 4;
          complete = true;
          break;
        }
        if (data.length < le + 2 + size + 2) break;
        body += data.slice(le + 2, le + 2 + size);
        p = le + 2 + size + 2;
      }
      if (!complete) break;
    } else if (headers['content-length'] !== undefined) {
      const n = Number(headers['content-length']);
      if (data.length < p + n) break;
      body = data.slice(p, p + n);
      p += n;
    } else {
      body = data.slice(p);
      p = data.length;
    }
    out.push({ status, headers, head, body });
    at = p;
  }
  return out;
}

/** Sends `payload` on a new connection and returns what came back once the gateway closed or went quiet. */
async function exchange(
  payload: string | Buffer,
  quietMs = 400,
  port = gw.port,
): Promise<{ data: string; closed: boolean }> {
  const c = await Client.open(port);
  c.write(payload);
  let last = -1;
  const start = Date.now();
  while (!c.closed && Date.now() - start < 4000) {
    if (c.data.length === last) break;
    last = c.data.length;
    await c.until((x) => x.data.length !== last, quietMs);
  }
  const closed = c.closed;
  c.destroy();
  return { data: c.data, closed };
}

function seen(): string[] {
  return up.requests.map((r) => `${r.method} ${r.url}`);
}

function isProblem(r: Resp | undefined, status: number, withId = true): void {
  assert.ok(r, 'a response');
  assert.equal(r.status, status, r.head);
  assert.match(r.headers['content-type'] ?? '', /application\/problem\+json/);
  const body = JSON.parse(r.body) as { status: number; instance?: string };
  assert.equal(body.status, status);
  if (withId) assert.match(body.instance ?? '', /^urn:gatehouse:request:/);
}

const SIMPLE = (path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: x\r\n${extra}\r\n`;

describe('pipelining', () => {
  it('three simple GETs in one write get three answers, in order', async () => {
    const n0 = up.requests.length;
    const c = await Client.open();
    c.write(SIMPLE('/api/p1') + SIMPLE('/api/p2') + SIMPLE('/api/p3'));
    const rs = await c.responses(3);
    c.destroy();
    assert.deepEqual(
      rs.map((r) => [r.status, JSON.parse(r.body).path]),
      [
        [200, '/api/p1'],
        [200, '/api/p2'],
        [200, '/api/p3'],
      ],
    );
    assert.deepEqual(seen().slice(n0), ['GET /api/p1', 'GET /api/p2', 'GET /api/p3']);
  });

  it('a simple GET then a POST with a body in the same write: both served, bodies intact', async () => {
    const n0 = up.requests.length;
    const c = await Client.open();
    c.write(
      `${SIMPLE('/api/g1')}POST /api/post HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello` +
        SIMPLE('/api/g2', 'Connection: close\r\n'),
    );
    const rs = await c.responses(3);
    assert.equal(await c.waitClosed(), true);
    assert.deepEqual(
      rs.map((r) => r.status),
      [200, 200, 200],
    );
    const got = up.requests.slice(n0);
    assert.deepEqual(
      got.map((r) => `${r.method} ${r.url} ${r.body.toString()}`),
      ['GET /api/g1 ', 'POST /api/post hello', 'GET /api/g2 '],
    );
  });

  it('a POST body arriving in later writes, while a fast-path request is in flight, reaches the upstream intact', async () => {
    const n0 = up.requests.length;
    const c = await Client.open();
    c.write(`${SIMPLE('/api/slow?ms=150&id=inflight')}POST /api/later HTTP/1.1\r\nHost: x\r\nContent-Le`);
    await sleep(40);
    c.write('ngth: 10\r\n\r\nhel');
    await sleep(40);
    c.write('lo');
    await sleep(150);
    c.write(`world${SIMPLE('/api/last', 'Connection: close\r\n')}`);
    const rs = await c.responses(3);
    assert.equal(await c.waitClosed(), true);
    assert.deepEqual(
      rs.map((r) => r.status),
      [200, 200, 200],
    );
    assert.deepEqual(
      up.requests.slice(n0).map((r) => `${r.method} ${r.url} ${r.body.toString()}`),
      ['GET /api/slow?ms=150&id=inflight ', 'POST /api/later helloworld', 'GET /api/last '],
    );
  });

  it('a large pipelined body behind a slow fast-path request is forwarded byte for byte', async () => {
    const n0 = up.requests.length;
    const body = Buffer.alloc(300_000);
    for (let i = 0; i < body.length; i++) body[i] = (i * 7 + (i >> 8)) & 0xff;
    const c = await Client.open();
    c.write(
      Buffer.concat([
        Buffer.from(
          `${SIMPLE('/api/slow?ms=200&id=big')}PUT /api/bigbody HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n`,
        ),
        body,
        Buffer.from(SIMPLE('/api/tail', 'Connection: close\r\n')),
      ]),
    );
    const rs = await c.responses(3, [], 5000);
    c.destroy();
    assert.deepEqual(
      rs.map((r) => r.status),
      [200, 200, 200],
    );
    const got = up.requests.slice(n0);
    assert.deepEqual(
      got.map((r) => `${r.method} ${r.url}`),
      ['GET /api/slow?ms=200&id=big', 'PUT /api/bigbody', 'GET /api/tail'],
    );
    assert.equal(got[1]!.body.length, body.length);
    assert.ok(got[1]!.body.equals(body), 'body bytes intact and in order');
  });

  it('a WebSocket upgrade pipelined after a simple GET gets the answer it gets alone (node:http)', async () => {
    const upgrade =
      'GET /api/ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n' +
      'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';
    const answers: Resp[] = [];
    for (const payload of [upgrade, SIMPLE('/api/slow?ms=100&id=before-ws') + upgrade]) {
      const n0 = up.requests.length;
      const c = await Client.open();
      c.write(payload);
      await c.waitClosed(2000);
      c.destroy();
      const rs = parseResponses(c.data);
      if (payload !== upgrade) {
        assert.equal(rs[0]?.status, 200);
        assert.deepEqual(seen().slice(n0), ['GET /api/slow?ms=100&id=before-ws']);
      } else assert.equal(up.requests.length, n0);
      const last = rs.at(-1)!;
      last.body = last.body.replace(/urn:gatehouse:request:[^"]+/, 'ID');
      delete last.headers.date;
      last.head = last.head.replace(/\r\ndate: [^\r]*/i, '');
      answers.push(last);
    }
    assert.equal(answers[0]!.status, 501, 'WebSocket is not enabled on the route');
    assert.deepEqual(answers[1], answers[0]);
  });

  const attacks: Array<[string, string]> = [
    [
      'Content-Length with Transfer-Encoding',
      'POST /api/a HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /api/smuggled HTTP/1.1\r\nHost: x\r\n\r\n',
    ],
    [
      'duplicate Content-Length',
      'POST /api/a HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nContent-Length: 44\r\n\r\nGET /api/smuggled HTTP/1.1\r\nHost: x\r\n\r\n',
    ],
    [
      'obs-fold Transfer-Encoding',
      'POST /api/a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\nGET /api/smuggled HTTP/1.1\r\nHost: x\r\n\r\n',
    ],
    ['bare LF', 'GET /api/a HTTP/1.1\nHost: x\n\nGET /api/smuggled HTTP/1.1\nHost: x\n\n'],
    ['obs-fold on a GET', 'GET /api/smuggled HTTP/1.1\r\nHost: x\r\nX-A: a\r\n b\r\n\r\n'],
    ['space before colon', 'GET /api/smuggled HTTP/1.1\r\nHost: x\r\nContent-Length : 5\r\n\r\nabcde'],
  ];
  for (const [name, attack] of attacks) {
    it(`a simple GET then ${name}: the second is refused with 400 as before, never forwarded`, async () => {
      const n0 = up.requests.length;
      const { data, closed } = await exchange(SIMPLE('/api/first') + attack);
      const rs = parseResponses(data);
      assert.equal(rs.length, 2, data.slice(0, 600));
      assert.equal(rs[0]!.status, 200);
      isProblem(rs[1], 400, false);
      assert.equal(closed, true, 'the connection is closed after a framing error');
      assert.deepEqual(seen().slice(n0), ['GET /api/first']);
      assert.ok(!seen().some((s) => s.includes('smuggled')));
    });
  }
});

describe('split heads, slowloris and idle connections', () => {
  it('a head written byte by byte is answered (through node:http)', async () => {
    const n0 = up.requests.length;
    const c = await Client.open();
    const head = SIMPLE('/api/split', 'Connection: close\r\n');
    for (const ch of head) {
      c.write(ch);
      await sleep(2);
    }
    const rs = await c.responses(1);
    c.destroy();
    assert.equal(rs[0]?.status, 200);
    assert.deepEqual(seen().slice(n0), ['GET /api/split']);
  });

  it('a head split mid-connection (after a fast-path request) is answered', async () => {
    const c = await Client.open();
    c.write(SIMPLE('/api/k1'));
    await c.responses(1);
    c.write('GET /api/k2 HTTP/1.1\r\nHo');
    await sleep(30);
    c.write('st: x\r\nX-Tail: 1\r\n\r\n');
    const rs = await c.responses(2);
    c.destroy();
    assert.deepEqual(
      rs.map((r) => JSON.parse(r.body).path),
      ['/api/k1', '/api/k2'],
    );
  });

  it('slowloris (header lines trickling in) gets 408 after headers_timeout_ms', async () => {
    const n0 = up.requests.length;
    const c = await Client.open();
    const start = Date.now();
    c.write('GET /api/slowloris HTTP/1.1\r\nHost: x\r\n');
    const iv = setInterval(() => c.write('X-A: b\r\n'), 100);
    await c.waitClosed(4000);
    clearInterval(iv);
    const took = Date.now() - start;
    assert.equal(c.closed, true);
    assert.ok(took < 2500, `closed after ${took} ms`);
    isProblem(parseResponses(c.data)[0], 408, false);
    assert.equal(up.requests.length, n0);
  });

  it('slowloris after a fast-path request (mid-connection hand-off) also gets 408', async () => {
    const n0 = up.requests.length;
    const c = await Client.open();
    c.write(SIMPLE('/api/sl0'));
    await c.responses(1);
    const start = Date.now();
    c.write('GET /api/slowloris2 HTTP/1.1\r\nHost: x\r\n');
    const iv = setInterval(() => c.write('X-A: b\r\n'), 100);
    await c.waitClosed(4000);
    clearInterval(iv);
    const took = Date.now() - start;
    assert.equal(c.closed, true);
    assert.ok(took < 2500, `closed after ${took} ms`);
    isProblem(parseResponses(c.data)[1], 408, false);
    assert.deepEqual(seen().slice(n0), ['GET /api/sl0']);
  });

  it('a connection that sends nothing gets the 408 problem, then is closed', async () => {
    const c = await Client.open();
    const start = Date.now();
    await c.waitClosed(4000);
    const took = Date.now() - start;
    assert.equal(c.closed, true);
    assert.ok(took >= 400 && took < 2500, `closed after ${took} ms`);
    isProblem(parseResponses(c.data)[0], 408, false);
  });
});

describe('keep-alive', () => {
  it('sequential requests share one connection', async () => {
    const c = await Client.open();
    for (let i = 1; i <= 3; i++) {
      c.write(SIMPLE(`/api/seq${i}`));
      const rs = await c.responses(i);
      assert.equal(rs[i - 1]?.status, 200);
      assert.equal(JSON.parse(rs[i - 1]!.body).path, `/api/seq${i}`);
      assert.equal(c.closed, false);
    }
    assert.match(parseResponses(c.data)[0]!.headers.connection ?? '', /keep-alive/i);
    c.destroy();
  });

  it('Connection: close is answered with Connection: close and the socket closes', async () => {
    const c = await Client.open();
    c.write(SIMPLE('/api/close', 'Connection: close\r\n'));
    const rs = await c.responses(1);
    assert.equal(rs[0]?.headers.connection, 'close');
    assert.equal(await c.waitClosed(1500), true);
  });

  it('requests pipelined after a Connection: close request are not served or forwarded', async () => {
    const n0 = up.requests.length;
    const c = await Client.open();
    c.write(SIMPLE('/api/c1', 'Connection: close\r\n') + SIMPLE('/api/c2'));
    assert.equal(await c.waitClosed(), true);
    const rs = parseResponses(c.data);
    assert.equal(rs.length, 1);
    assert.equal(rs[0]!.headers.connection, 'close');
    assert.deepEqual(seen().slice(n0), ['GET /api/c1']);
  });

  it('an idle keep-alive connection is closed as node:http closes it (keep_alive_timeout_ms + its buffer)', async () => {
    const idleFor = async (split: boolean): Promise<number> => {
      const c = await Client.open();
      const head = SIMPLE('/api/idle');
      if (split) {
        c.write(head.slice(0, 5));
        await sleep(20);
        c.write(head.slice(5));
      } else c.write(head);
      await c.responses(1);
      const start = Date.now();
      const before = c.data;
      assert.equal(await c.waitClosed(4000), true);
      assert.equal(c.data, before, 'nothing more was sent');
      return Date.now() - start;
    };
    const [fast, node] = await Promise.all([idleFor(false), idleFor(true)]);
    assert.ok(fast >= 450, `fast path closed after ${fast} ms`);
    assert.ok(Math.abs(fast - node) < 300, `fast path ${fast} ms, node:http ${node} ms`);
  });

  it('max_requests_per_connection closes the connection after the 4th response', async () => {
    const n0 = up.requests.length;
    const c = await Client.open();
    for (let i = 1; i <= 4; i++) {
      c.write(SIMPLE(`/api/max${i}`));
      await c.responses(i);
    }
    const rs = parseResponses(c.data);
    assert.equal(rs.length, 4);
    assert.equal(rs[3]!.headers.connection, 'close');
    assert.match(rs[2]!.headers.connection ?? '', /keep-alive/i);
    assert.equal(await c.waitClosed(1500), true);
    assert.equal(up.requests.length - n0, 4);
  });
  it('max_requests_per_connection counts the requests served before a hand-off to node:http', async () => {
    const n0 = up.requests.length;
    const c = await Client.open();
    for (let i = 1; i <= 6 && !c.closed; i++) {
      const head = SIMPLE(`/api/mix${i}`);
      if (i <= 2) c.write(head);
      else {
        // Split heads: node:http parses these.
        c.write(head.slice(0, 6));
        await sleep(15);
        c.write(head.slice(6));
      }
      await c.responses(i, [], 1500);
    }
    const rs = parseResponses(c.data);
    assert.equal(rs.length, 4, 'four answers, then the connection is closed');
    assert.equal(rs[3]!.headers.connection, 'close');
    assert.equal(await c.waitClosed(1500), true);
    assert.equal(up.requests.length - n0, 4);
  });

  it('pipelined requests past the limit after a hand-off are never forwarded', async () => {
    const n0 = up.requests.length;
    const c = await Client.open();
    for (let i = 1; i <= 3; i++) {
      c.write(SIMPLE(`/api/pm${i}`));
      await c.responses(i);
    }
    const rest = [4, 5, 6].map((i) => SIMPLE(`/api/pm${i}`)).join('');
    c.write(rest.slice(0, 6));
    await sleep(15);
    c.write(rest.slice(6));
    await c.waitClosed();
    const rs = parseResponses(c.data);
    assert.equal(rs[3]?.headers.connection, 'close');
    assert.deepEqual(
      seen().slice(n0),
      [1, 2, 3, 4].map((i) => `GET /api/pm${i}`),
    );
  });

  it('pipelined requests past max_requests_per_connection are never forwarded', async () => {
    const n0 = up.requests.length;
    const c = await Client.open();
    c.write([1, 2, 3, 4, 5, 6].map((i) => SIMPLE(`/api/pipemax${i}`)).join(''));
    await c.waitClosed();
    const rs = parseResponses(c.data);
    assert.deepEqual(
      rs.slice(0, 4).map((r) => r.status),
      [200, 200, 200, 200],
    );
    assert.equal(rs[3]!.headers.connection, 'close');
    assert.deepEqual(
      seen().slice(n0),
      [1, 2, 3, 4].map((i) => `GET /api/pipemax${i}`),
    );
  });
});

describe('response framing', () => {
  it('HEAD gets the GET headers with no body and the next pipelined request is parsed correctly', async () => {
    const c = await Client.open();
    c.write(`HEAD /api/len HTTP/1.1\r\nHost: x\r\n\r\n${SIMPLE('/api/len', 'Connection: close\r\n')}`);
    await c.waitClosed();
    const rs = parseResponses(c.data, ['HEAD', 'GET']);
    assert.equal(rs.length, 2, c.data);
    const getLen = String(Buffer.byteLength(JSON.stringify({ path: '/api/len' })));
    assert.equal(rs[0]!.headers['content-length'], getLen);
    assert.equal(rs[0]!.body, '');
    assert.equal(rs[1]!.headers['content-length'], getLen);
    assert.equal(JSON.parse(rs[1]!.body).path, '/api/len');
    assert.ok(c.data.endsWith('}'), 'nothing after the last body');
  });

  it('204 and 304 from the upstream carry no body (the connection stays in sync)', async () => {
    const c = await Client.open();
    c.write(SIMPLE('/api/s204') + SIMPLE('/api/s304') + SIMPLE('/api/after', 'Connection: close\r\n'));
    await c.waitClosed();
    const rs = parseResponses(c.data);
    assert.deepEqual(
      rs.map((r) => r.status),
      [204, 304, 200],
    );
    assert.equal(rs[0]!.headers['transfer-encoding'], undefined);
    assert.equal(rs[1]!.headers['transfer-encoding'], undefined);
    assert.equal(JSON.parse(rs[2]!.body).path, '/api/after');
  });

  it('an upstream response without Content-Length is sent chunked and decodes intact', async () => {
    const c = await Client.open();
    c.write(SIMPLE('/api/nocl') + SIMPLE('/api/after2'));
    const rs = await c.responses(2);
    c.destroy();
    assert.equal(rs[0]!.headers['transfer-encoding'], 'chunked');
    assert.equal(rs[0]!.body, 'abcdefgh');
    assert.equal(JSON.parse(rs[1]!.body).path, '/api/after2');
  });

  it('a large response to a slow reader streams intact, with and without Content-Length', async () => {
    for (const q of ['cl=1', 'cl=0']) {
      const c = await Client.open();
      c.sock.pause();
      c.write(SIMPLE(`/api/huge?${q}`) + SIMPLE('/api/afterhuge', 'Connection: close\r\n'));
      await sleep(300);
      c.sock.resume();
      await c.waitClosed(5000);
      const rs = parseResponses(c.data);
      assert.equal(rs.length, 2, q);
      assert.equal(rs[0]!.headers['transfer-encoding'], q === 'cl=1' ? undefined : 'chunked');
      assert.equal(rs[0]!.body.length, HUGE.length);
      assert.ok(Buffer.from(rs[0]!.body, 'latin1').equals(HUGE), 'body intact');
      assert.equal(JSON.parse(rs[1]!.body).path, '/api/afterhuge');
    }
  });

  it('response heads match node:http (names, values, framing) apart from the Date', async () => {
    async function heads(head: string, method: string): Promise<Array<Record<string, string>>> {
      const out: Array<Record<string, string>> = [];
      for (const split of [false, true]) {
        const c = await Client.open();
        if (split) {
          c.write(head.slice(0, 5));
          await sleep(20);
          c.write(head.slice(5));
        } else c.write(head);
        const rs = await c.responses(1, [method], 2000);
        c.destroy();
        const h: Record<string, string> = {
          ...rs[0]?.headers,
          status: String(rs[0]?.status),
          body: rs[0]?.body ?? '',
        };
        delete h.date;
        h.body = (rs[0]?.body ?? '').replace(/urn:gatehouse:request:[^"]+/, 'ID');
        out.push(h);
      }
      return out;
    }
    for (const [head, method] of [
      [SIMPLE('/api/rh'), 'GET'],
      [SIMPLE('/api/rh', 'Connection: close\r\n'), 'GET'],
      ['HEAD /api/rh HTTP/1.1\r\nHost: x\r\n\r\n', 'HEAD'],
      [SIMPLE('/api/nocl'), 'GET'],
      ['HEAD /api/nocl HTTP/1.1\r\nHost: x\r\n\r\n', 'HEAD'],
      [SIMPLE('/api/s204'), 'GET'],
      [SIMPLE('/api/s304'), 'GET'],
      [SIMPLE('/nothing'), 'GET'],
      [SIMPLE('/dead/x'), 'GET'],
    ] as const) {
      const [fast, node] = await heads(head, method);
      assert.deepEqual(fast, node, head);
    }
  });

  it('errors are RFC 9457 problems with the request id: 404, 502, 431', async () => {
    const c = await Client.open();
    c.write(SIMPLE('/nothing-here'));
    c.write(SIMPLE('/dead/x'));
    const rs = await c.responses(2, [], 5000);
    c.destroy();
    isProblem(rs[0], 404);
    isProblem(rs[1], 502);
    // 21 fields: node:http parses them (its cap is max_header_count + 1), the handler refuses with 431.
    const many = Array.from({ length: 20 }, (_, i) => `X-H${i}: ${i}\r\n`).join('');
    const n0 = up.requests.length;
    const r431 = parseResponses((await exchange(SIMPLE('/api/many', many))).data);
    isProblem(r431[0], 431);
    // More fields, or a head over max_header_bytes, are refused by node's parser: no request was parsed, the
    // answer still carries a fresh id (body `instance` and X-Request-Id).
    const more = Array.from({ length: 22 }, (_, i) => `X-H${i}: ${i}\r\n`).join('');
    const rMore = parseResponses((await exchange(SIMPLE('/api/more', more))).data)[0];
    isProblem(rMore, 431);
    const big = parseResponses((await exchange(SIMPLE('/api/big', `X-Big: ${'a'.repeat(5000)}\r\n`))).data);
    isProblem(big[0], 431);
    const ids = [rMore, big[0]].map((r) => r!.headers['x-request-id']);
    assert.ok(ids[0] && ids[1] && ids[0] !== ids[1], 'each refusal has its own id');
    assert.equal(
      (JSON.parse(big[0]!.body) as { instance: string }).instance,
      `urn:gatehouse:request:${ids[1]}`,
    );
    assert.equal(up.requests.length, n0);
  });

  it('a CR or LF in an upstream header value cannot split the response (502)', async () => {
    for (const bad of ['X-Bad: a\rSet-Cookie: evil=1', 'X-Bad: a\nSet-Cookie: evil=1']) {
      rawBytes = `HTTP/1.1 200 OK\r\n${bad}\r\nContent-Length: 2\r\n\r\nok`;
      const { data } = await exchange(SIMPLE('/raw/x', 'Connection: close\r\n'));
      const rs = parseResponses(data);
      isProblem(rs[0], 502);
      assert.doesNotMatch(data, /evil/);
    }
  });
});

describe('header handling parity with node:http', () => {
  /** What the upstream saw for one request, minus what differs per request. */
  function view(i: number): Record<string, unknown> {
    const r = up.requests[i]!;
    const h = { ...r.headers };
    delete h['x-request-id'];
    delete h.traceparent;
    return { method: r.method, url: r.url, headers: h };
  }

  it('the same head served by the fast path and by node:http reaches the upstream identically', async () => {
    const head =
      'GET /api/parity?q=1 HTTP/1.1\r\nHost: x\r\nX-MiXeD-Case: Value\r\nX-Pad:  \t padded \t \r\n' +
      'Accept: */*\r\nUser-Agent: t/1\r\nX-Obs: caf\xe9\r\nConnection: close\r\n\r\n';
    const n0 = up.requests.length;
    const fast = parseResponses((await exchange(head)).data);
    // Split in two writes: node:http parses it.
    const c = await Client.open();
    c.write(head.slice(0, 20));
    await sleep(30);
    c.write(head.slice(20));
    const slow = await c.responses(1);
    c.destroy();
    assert.equal(fast[0]?.status, 200);
    assert.equal(slow[0]?.status, 200);
    assert.equal(up.requests.length - n0, 2);
    assert.deepEqual(view(n0), view(n0 + 1));
    assert.equal(up.requests[n0]!.headers['x-pad'], 'padded');
    assert.equal(up.requests[n0]!.headers['x-obs'], 'caf\xe9');
  });

  /** Status and upstream view of `head` sent in one write (fast path) and in two writes (node:http). */
  async function both(head: string): Promise<Array<Record<string, unknown>>> {
    const out: Array<Record<string, unknown>> = [];
    for (const split of [false, true]) {
      const n0 = up.requests.length;
      const c = await Client.open();
      if (split) {
        c.write(head.slice(0, 5));
        await sleep(20);
        c.write(head.slice(5));
      } else c.write(head);
      const rs = await c.responses(1, [], 2000);
      // Whether the connection stays open: a keep-alive answer is followed by an idle connection.
      if (rs[0]?.headers.connection === 'close') await c.waitClosed(1000);
      else await c.until((x) => x.closed, 40);
      c.destroy();
      out.push({
        status: rs[0]?.status,
        connection: rs[0]?.headers.connection,
        closed: c.closed,
        saw: up.requests.length > n0 ? view(n0) : null,
      });
    }
    return out;
  }

  it('edge-case heads get the same answer and upstream request from the fast path as from node:http', async () => {
    const pad = (total: number) => {
      const base = 'GET /api/size HTTP/1.1\r\nHost: x\r\nX-Pad: \r\n\r\n';
      return base.replace('X-Pad: ', `X-Pad: ${'p'.repeat(total - base.length)}`);
    };
    const fields = (n: number) =>
      `GET /api/count HTTP/1.1\r\nHost: x\r\n${Array.from({ length: n - 1 }, (_, i) => `X-F${i}: v\r\n`).join('')}\r\n`;
    const heads = [
      pad(4000),
      pad(4095),
      pad(4096),
      pad(4097),
      fields(20),
      fields(21),
      fields(22),
      'GET /api/e HTTP/1.1\r\nHost: x\r\nX-Empty:\r\nX-Spaces:    \r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: X:80\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: \r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x y\r\n\r\n',
      'GET /api/e#frag HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/%2e%2e/x HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/a/../../etc HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET //api/e HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/e?q=%00&r=<> HTTP/1.1\r\nHost: x\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nConnection: keep-alive, Upgrade\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nX\x7f: 1\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nX-V: a\x7fb\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\n: novalue\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nAuthorization: a\r\nauthorization: b\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nX-Forwarded-Proto: https\r\nForwarded: for=1.2.3.4\r\n\r\n',
      'DELETE /api/e HTTP/1.1\r\nHost: x\r\n\r\n',
      'OPTIONS /api/e HTTP/1.1\r\nHost: x\r\nOrigin: http://o\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nProxy-Connection: keep-alive\r\nKeep-Alive: 300\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nConnection: x-close\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nConnection: CLOSE\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nConnection: foo ,close\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nConnection: close-ish\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nConnection: keep-alive,\tclose\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nConnection: "close"\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\nConnection: upgradex\r\n\r\n',
      'GET /api/e HTTP/1.1\r\nHost: x\r\n X-Lead: 1\r\n\r\n',
    ];
    for (const h of heads) {
      const [fast, node] = await both(h);
      assert.deepEqual(fast, node, JSON.stringify(h.slice(0, 120)));
    }
  });

  it('value edges node:http would not trim or would refuse are handed to node:http', async () => {
    // NBSP (0xA0) is not optional whitespace: node keeps it; VT and FF are refused.
    const n0 = up.requests.length;
    const { data } = await exchange(SIMPLE('/api/nbsp', 'X-Nb: v\xa0\r\nConnection: close\r\n'));
    assert.equal(parseResponses(data)[0]?.status, 200);
    assert.equal(up.requests[n0]!.headers['x-nb'], 'v\xa0');
    for (const ctl of ['\x0b', '\x0c']) {
      const n1 = up.requests.length;
      const r = parseResponses((await exchange(SIMPLE('/api/ctl', `X-C: ${ctl}v\r\n`))).data);
      isProblem(r[0], 400, false);
      assert.equal(up.requests.length, n1);
    }
  });

  it('duplicate Cookie and X-Forwarded-For go through node:http with its merge rules', async () => {
    const n0 = up.requests.length;
    const { data } = await exchange(
      SIMPLE(
        '/api/dup',
        'Cookie: a=1\r\nCookie: b=2\r\nX-Forwarded-For: 1.1.1.1\r\nX-Forwarded-For: 2.2.2.2\r\n',
      ),
    );
    assert.equal(parseResponses(data)[0]?.status, 200);
    const r = up.requests[n0]!;
    assert.equal(r.headers.cookie, 'a=1; b=2');
    assert.equal(r.headers['x-forwarded-for'], '127.0.0.1', 'client X-Forwarded-For is not trusted');
  });

  it('no Host and two Hosts are refused with 400 as before', async () => {
    const n0 = up.requests.length;
    for (const p of [
      'GET /api/nohost HTTP/1.1\r\n\r\n',
      'GET /api/twohosts HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n',
    ]) {
      isProblem(parseResponses((await exchange(p)).data)[0], 400);
    }
    assert.equal(up.requests.length, n0);
  });

  it('absolute-form, asterisk, HTTP/1.0, lowercase method and bodies behave as before', async () => {
    let n0 = up.requests.length;
    const abs = parseResponses((await exchange('GET http://x/api/abs?q=1 HTTP/1.1\r\nHost: x\r\n\r\n')).data);
    assert.equal(abs[0]?.status, 200);
    assert.equal(up.requests[n0]!.url, '/api/abs?q=1');
    n0 = up.requests.length;
    isProblem(parseResponses((await exchange('OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n')).data)[0], 400);
    isProblem(
      parseResponses((await exchange('get /api/lower HTTP/1.1\r\nHost: x\r\n\r\n')).data)[0],
      400,
      false,
    );
    assert.equal(up.requests.length, n0);
    const h10 = await exchange('GET /api/h10 HTTP/1.0\r\nHost: x\r\n\r\n');
    assert.equal(parseResponses(h10.data)[0]?.status, 200);
    assert.match(h10.data, /^HTTP\/1\.1 200/);
    assert.equal(h10.closed, true, 'HTTP/1.0 without keep-alive closes');
    n0 = up.requests.length;
    const del = await exchange('DELETE /api/del HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nxyz');
    assert.equal(parseResponses(del.data)[0]?.status, 200);
    assert.equal(up.requests[n0]!.body.toString(), 'xyz');
    const put = await exchange('PUT /api/put HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi');
    assert.equal(parseResponses(put.data)[0]?.status, 200);
    assert.equal(up.requests[n0 + 1]!.body.toString(), 'hi');
  });
});

describe('client disconnects', () => {
  it('a client closing mid-request aborts the upstream request; the gateway stays healthy', async () => {
    const c = await Client.open();
    c.write(SIMPLE('/api/slow?ms=1500&id=abort1'));
    await sleep(150);
    c.destroy();
    const start = Date.now();
    while (!upstreamAborted.some((u) => u.includes('abort1')) && Date.now() - start < 1200) await sleep(20);
    assert.ok(
      upstreamAborted.some((u) => u.includes('abort1')),
      'the upstream saw the request aborted',
    );
    const { data } = await exchange(SIMPLE('/api/healthy', 'Connection: close\r\n'));
    assert.equal(parseResponses(data)[0]?.status, 200);
  });

  it('a client half-close after a request behaves as with node:http', async () => {
    async function halfClose(split: boolean): Promise<{ statuses: number[]; aborted: boolean }> {
      const id = `hc${split ? 'node' : 'fast'}`;
      const c = await Client.open();
      const head = SIMPLE(`/api/slow?ms=200&id=${id}`);
      if (split) {
        c.write(head.slice(0, 10));
        await sleep(30);
        c.write(head.slice(10));
      } else c.write(head);
      await sleep(50);
      c.sock.end();
      await c.waitClosed(2000);
      await sleep(250);
      return {
        statuses: parseResponses(c.data).map((r) => r.status),
        aborted: upstreamAborted.some((u) => u.includes(id)),
      };
    }
    const fast = await halfClose(false);
    const node = await halfClose(true);
    assert.deepEqual(fast, node);
  });
});

describe('graceful shutdown', () => {
  it('a listener retired by a reload answers with Connection: close, then closes its idle connections', async () => {
    const cfg = config(up.url, up.url, up.url);
    const g = await startGateway(cfg);
    try {
      const busy = await Client.open(g.port);
      const idle = await Client.open(g.port);
      busy.write(SIMPLE('/api/r1'));
      idle.write(SIMPLE('/api/r2'));
      await busy.responses(1);
      await idle.responses(1);
      const reloading = g.reconfigure(cfg.replace('max_header_bytes: 4096', 'max_header_bytes: 4000'));
      await sleep(200);
      busy.write(SIMPLE('/api/r3'));
      const rs = await busy.responses(2);
      assert.equal(rs[1]?.status, 200);
      assert.equal(rs[1]?.headers.connection, 'close');
      assert.equal(await busy.waitClosed(1000), true);
      assert.equal(idle.closed, false, 'idle connections get a grace period');
      await reloading;
      assert.equal(await idle.waitClosed(1500), true, 'idle connection closed after the grace');
      const { data } = await exchange(SIMPLE('/api/r4', 'Connection: close\r\n'), 400, g.port);
      assert.equal(parseResponses(data)[0]?.status, 200);
    } finally {
      await g.close();
    }
  });

  it('closes an idle fast-path connection promptly and lets an in-flight request finish', async () => {
    const g = await startGateway(config(up.url, up.url, up.url));
    try {
      const idle = await Client.open(g.port);
      idle.write(SIMPLE('/api/before'));
      await idle.responses(1);
      const busy = await Client.open(g.port);
      busy.write(SIMPLE('/api/slow?ms=400&id=shutdown'));
      await sleep(50);
      const start = Date.now();
      const closing = g.close();
      assert.equal(await idle.waitClosed(1000), true, 'idle connection closed');
      assert.ok(Date.now() - start < 500, `idle closed after ${Date.now() - start} ms`);
      const rs = await busy.responses(1, [], 2000);
      assert.equal(rs[0]?.status, 200);
      assert.equal(rs[0]?.body, 'slow /api/slow?ms=400&id=shutdown');
      // As with node:http, the response already under way keeps its head; the connection is closed after it.
      assert.equal(await busy.waitClosed(1000), true);
      await closing;
    } finally {
      await g.close();
    }
  });
});

describe('request bodies with Content-Length on the fast path', () => {
  it('a body split over several writes arrives byte for byte; the connection is then reused', async () => {
    const c = await Client.open();
    const body = 'a'.repeat(3000) + 'b'.repeat(3000);
    c.write(
      `POST /api/up1 HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await sleep(50);
    c.write(body.slice(10, 4000));
    await sleep(50);
    c.write(body.slice(4000));
    await c.until((x) => parseResponses(x.data).length >= 1);
    c.write(SIMPLE('/api/after-body'));
    await c.until((x) => parseResponses(x.data).length >= 2);
    const rs = parseResponses(c.data);
    c.destroy();
    assert.deepEqual(
      rs.map((r) => r.status),
      [200, 200],
    );
    const rec = up.requests.find((r) => r.url === '/api/up1');
    assert.ok(rec);
    assert.equal(rec.body.toString('latin1'), body);
    assert.ok(seen().includes('GET /api/after-body'));
  });

  it('a POST and a GET pipelined in one write: both answered in order, the body intact', async () => {
    const r = await exchange(
      `PUT /api/put1 HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world${SIMPLE('/api/after-put')}`,
    );
    const rs = parseResponses(r.data);
    assert.deepEqual(
      rs.map((x) => x.status),
      [200, 200],
      r.data,
    );
    assert.match(rs[0]!.body, /put1/);
    assert.match(rs[1]!.body, /after-put/);
    assert.equal(up.requests.find((x) => x.url === '/api/put1')?.body.toString(), 'hello world');
  });

  it('an answer before the body was read closes the connection: a request hidden in the body is never parsed', async () => {
    const hidden = `GET /api/smuggled-in-body HTTP/1.1\r\nHost: x\r\n\r\n`;
    // No route for /nowhere: 404 without reading the body.
    const r = await exchange(
      `POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: ${hidden.length + 100}\r\n\r\n${hidden}`,
    );
    const rs = parseResponses(r.data);
    assert.equal(rs.length, 1, r.data);
    assert.equal(rs[0]!.status, 404);
    assert.equal(r.closed, true, 'the connection is closed, not reused');
    assert.ok(!seen().includes('GET /api/smuggled-in-body'), 'the hidden request never reached the upstream');
  });

  it('a body that stops arriving: 408 problem after request_timeout_ms, connection closed', async () => {
    const c = await Client.open();
    const t0 = Date.now();
    c.write(`POST /api/slow-body HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n0123456789`);
    await c.until((x) => x.closed, 4000);
    const ms = Date.now() - t0;
    const rs = parseResponses(c.data);
    c.destroy();
    assert.equal(c.closed, true);
    assert.ok(ms >= 1400 && ms < 3500, `closed after ${ms} ms`);
    if (rs.length > 0) assert.equal(rs[0]!.status, 408, c.data);
  });

  it('Content-Length forms other than plain digits go to node:http, which refuses them (400)', async () => {
    for (const [cl, expect] of [
      ['+5', 400],
      ['5, 5', 400],
      ['0x5', 400],
      [' 5', 200],
    ] as const) {
      const r = await exchange(
        `POST /api/cl HTTP/1.1\r\nHost: x\r\nContent-Length: ${cl}\r\nConnection: close\r\n\r\nhello`,
      );
      const rs = parseResponses(r.data);
      assert.equal(rs[0]?.status, expect, `Content-Length "${cl}": ${r.data}`);
    }
  });
});
