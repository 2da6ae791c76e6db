import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import { Readable } from 'node:stream';
import { afterEach, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import tls from 'node:tls';
import { type H1DispatchOptions, type H1Handler, H1Pool, type H1PoolOptions } from './h1pool.ts';

// ---- loopback upstreams ---------------------------------------------------------------------------

/** One request as the raw upstream parsed it. */
interface SReq {
  readonly method: string;
  readonly path: string;
  readonly version: string;
  /** Header lines as sent: [name, value] in order. */
  readonly lines: [string, string][];
  readonly body: Buffer;
  /** Request head and body bytes exactly as received. */
  readonly raw: Buffer;
  /** Index of the upstream connection (0 = first accepted). */
  readonly conn: number;
  /** Index of the request on its connection. */
  readonly n: number;
}

interface Upstream {
  readonly port: number;
  readonly url: URL;
  /** Connections accepted so far. */
  conns: number;
  /** Connections open now / the most ever open at once. */
  open: number;
  maxOpen: number;
  /** Bytes received over all connections. */
  bytes: number;
  readonly sockets: net.Socket[];
  readonly requests: SReq[];
  close(): Promise<void>;
}

type OnRequest = (req: SReq, sock: net.Socket, up: Upstream) => void;

const servers: { close(): Promise<void> }[] = [];
const pools: H1Pool[] = [];
afterEach(async () => {
  const p = pools.splice(0);
  await Promise.all(p.map((x) => x.destroy()));
  const s = servers.splice(0);
  await Promise.all(s.map((x) => x.close()));
});

/** Decodes a chunked body from `buf`; null while incomplete. Tolerant: this is the test's upstream. */
function dechunk(buf: Buffer): { body: Buffer; used: number } | null {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const nl = buf.indexOf('\r\n', pos);
    if (nl < 0) return null;
    const hex = buf.toString('latin1', pos, nl).split(';')[0]!;
    if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Error('bad chunk size from the client');
    const size = Number.parseInt(hex, 16);
    pos = nl + 2;
    if (size === 0) {
      if (buf.length < pos + 2) return null;
      if (buf[pos] === 13 && buf[pos + 1] === 10) return { body: Buffer.concat(parts), used: pos + 2 };
      const end = buf.indexOf('\r\n\r\n', pos);
      if (end < 0) return null;
      return { body: Buffer.concat(parts), used: end + 4 };
    }
    if (buf.length < pos + size + 2) return null;
    parts.push(buf.subarray(pos, pos + size));
    pos += size + 2;
  }
}

/** A raw TCP upstream: parses requests (Content-Length or chunked bodies) and lets the test write bytes. */
async function rawUpstream(onRequest: OnRequest, onConnection?: (sock: net.Socket, up: Upstream) => void) {
  const sockets: net.Socket[] = [];
  const server = net.createServer();
  const up: Upstream = {
    port: 0,
    url: new URL('http://127.0.0.1'),
    conns: 0,
    open: 0,
    maxOpen: 0,
    bytes: 0,
    sockets,
    requests: [],
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
  server.on('connection', (sock) => {
    const conn = up.conns++;
    up.open++;
    up.maxOpen = Math.max(up.maxOpen, up.open);
    sockets.push(sock);
    sock.setNoDelay(true);
    sock.on('error', () => {});
    sock.on('close', () => up.open--);
    let buf = Buffer.alloc(0);
    let n = 0;
    sock.on('data', (d: Buffer) => {
      up.bytes += d.length;
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const lines = buf.toString('latin1', 0, end).split('\r\n');
        const [method = '', path = '', version = ''] = lines[0]!.split(' ');
        const hl: [string, string][] = lines.slice(1).map((l) => {
          const i = l.indexOf(':');
          return [l.slice(0, i), l.slice(i + 1).trim()];
        });
        const cl = hl.find(([k]) => k.toLowerCase() === 'content-length');
        const chunked = hl.some(([k, v]) => k.toLowerCase() === 'transfer-encoding' && v === 'chunked');
        let body = Buffer.alloc(0);
        let used = end + 4;
        if (cl !== undefined && !/^\d+$/.test(cl[1])) {
          sock.destroy();
          return;
        }
        if (chunked) {
          let d2: ReturnType<typeof dechunk>;
          try {
            d2 = dechunk(buf.subarray(end + 4));
          } catch {
            sock.destroy();
            return;
          }
          if (d2 === null) return;
          body = Buffer.from(d2.body);
          used += d2.used;
        } else if (cl !== undefined) {
          const len = Number(cl[1]);
          if (buf.length < used + len) return;
          body = Buffer.from(buf.subarray(used, used + len));
          used += len;
        }
        const req: SReq = {
          method,
          path,
          version,
          lines: hl,
          body,
          raw: Buffer.from(buf.subarray(0, used)),
          conn,
          n: n++,
        };
        buf = buf.subarray(used);
        up.requests.push(req);
        onRequest(req, sock, up);
      }
    });
    onConnection?.(sock, up);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  (up as { port: number }).port = port;
  (up as { url: URL }).url = new URL(`http://127.0.0.1:${port}`);
  servers.push(up);
  return up;
}

/** An upstream answering every request with the same bytes. */
function fixed(bytes: string | Buffer) {
  return rawUpstream((_r, s) => {
    s.write(bytes);
  });
}

/** An upstream whose first request gets `bad` (connection left open), every later one a good answer. */
function hostile(bad: string | Buffer) {
  return rawUpstream((_r, s, up) => {
    if (up.requests.length === 1) s.write(bad);
    else s.write('HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\ngood');
  });
}

function ok(body: string, extra = ''): string {
  return `HTTP/1.1 200 OK\r\n${extra}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

async function httpUpstream(handler: http.RequestListener) {
  const server = http.createServer(handler);
  const sockets = new Set<net.Socket>();
  let conns = 0;
  server.on('connection', (s) => {
    conns++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as net.AddressInfo).port;
  const h = {
    url: new URL(`http://127.0.0.1:${port}`),
    get conns() {
      return conns;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
  servers.push(h);
  return h;
}

// ---- the pool and a recording handler -----------------------------------------------------------

const BASE: H1PoolOptions = {
  connections: 4,
  keepAliveTimeout: 5000,
  headersTimeout: 2000,
  bodyTimeout: 2000,
  connectTimeout: 1000,
};

function mkPool(url: URL, opts: Partial<H1PoolOptions> = {}): H1Pool {
  const p = new H1Pool(url, { ...BASE, ...opts });
  pools.push(p);
  return p;
}

type Err = Error & { code?: string };

interface Rec {
  /** Callback names in order: connect, headers, data, complete, error. */
  readonly events: string[];
  status: number;
  statusText: string;
  headers: string[];
  readonly chunks: Buffer[];
  trailers: string[] | null;
  error: Err | null;
  abort: (err?: Error) => void;
  resume: () => void;
  readonly done: Promise<void>;
  readonly handler: H1Handler;
  body(): string;
  terminals(): number;
}

interface Hooks {
  onConnect?(rec: Rec): void;
  onHeaders?(rec: Rec): boolean | undefined;
  onData?(chunk: Buffer, rec: Rec): boolean | undefined;
}

function recorder(hooks: Hooks = {}): Rec {
  let settle!: () => void;
  const done = new Promise<void>((r) => {
    settle = r;
  });
  const rec: Rec = {
    events: [],
    status: 0,
    statusText: '',
    headers: [],
    chunks: [],
    trailers: null,
    error: null,
    abort: () => {},
    resume: () => {},
    done,
    body: () => Buffer.concat(rec.chunks).toString('latin1'),
    terminals: () => rec.events.filter((e) => e === 'complete' || e === 'error').length,
    handler: {
      onConnect(abort) {
        rec.events.push('connect');
        rec.abort = abort;
        hooks.onConnect?.(rec);
      },
      onHeaders(status, raw, resume, statusText) {
        rec.events.push('headers');
        rec.status = status;
        rec.headers = raw;
        rec.resume = resume;
        rec.statusText = statusText;
        return hooks.onHeaders?.(rec) ?? true;
      },
      onData(chunk) {
        rec.events.push('data');
        rec.chunks.push(Buffer.from(chunk));
        return hooks.onData?.(chunk, rec) ?? true;
      },
      onComplete(trailers) {
        rec.events.push('complete');
        rec.trailers = trailers;
        settle();
      },
      onError(err) {
        rec.events.push('error');
        rec.error = err;
        settle();
      },
    },
  };
  return rec;
}

/** Waits for the exchange to end (bounded), then a little more to catch a second terminal callback. */
async function settled(rec: Rec, ms = 4000): Promise<Rec> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<never>((_r, reject) => {
    timer = setTimeout(
      () => reject(new Error(`exchange did not end within ${ms} ms: ${rec.events.join(',')}`)),
      ms,
    );
  });
  try {
    await Promise.race([rec.done, guard]);
  } finally {
    clearTimeout(timer);
  }
  await sleep(15);
  assert.equal(rec.terminals(), 1, `exactly one terminal callback: ${rec.events.join(',')}`);
  return rec;
}

function get(path = '/', extra: Partial<H1DispatchOptions> = {}): H1DispatchOptions {
  return { method: 'GET', path, headers: {}, body: null, ...extra };
}

async function run(pool: H1Pool, opts: H1DispatchOptions = get(), hooks: Hooks = {}, ms?: number) {
  const rec = recorder(hooks);
  pool.dispatch(opts, rec.handler);
  return settled(rec, ms);
}

async function until(cond: () => boolean, ms = 2000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** Asserts the exchange was refused before any response head reached the handler, and the pool recovers. */
async function assertRefused(bad: string | Buffer, code: string, opts: Partial<H1PoolOptions> = {}) {
  const up = await hostile(bad);
  const pool = mkPool(up.url, opts);
  const t0 = Date.now();
  const rec = await run(pool);
  assert.equal(rec.error?.code, code, `error code (${rec.error?.message})`);
  assert.ok(!rec.events.includes('headers'), 'no onHeaders for a refused head');
  assert.ok(Date.now() - t0 < 1000, 'refused by the parser, not by a timeout');
  // The connection is never reused: the next request gets its own answer on a fresh connection.
  const next = await run(pool);
  assert.equal(next.status, 200);
  assert.equal(next.body(), 'good');
  assert.equal(up.requests.at(-1)?.conn, 1, 'served on a new connection');
  assert.equal(up.conns, 2);
}

// ---- hostile upstream heads ---------------------------------------------------------------------

describe('hostile response heads are refused and the connection is never reused', () => {
  const S = 'HTTP/1.1 200 OK\r\n';
  const cases: [string, string][] = [
    ['Content-Length with Transfer-Encoding', `${S}Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n`],
    ['Transfer-Encoding then Content-Length', `${S}Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n`],
    ['Content-Length 5, 6', `${S}Content-Length: 5, 6\r\n\r\nhello!`],
    ['two different Content-Length headers', `${S}Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!`],
    ['non-numeric Content-Length', `${S}Content-Length: abc\r\n\r\n`],
    ['negative Content-Length', `${S}Content-Length: -1\r\n\r\n`],
    ['signed Content-Length', `${S}Content-Length: +5\r\n\r\nhello`],
    ['hex Content-Length', `${S}Content-Length: 0x5\r\n\r\nhello`],
    ['huge Content-Length', `${S}Content-Length: 99999999999999999999\r\n\r\n`],
    ['empty Content-Length', `${S}Content-Length: \r\n\r\n`],
    ['Content-Length with inner space', `${S}Content-Length: 1 2\r\n\r\n`],
    ['Transfer-Encoding gzip', `${S}Transfer-Encoding: gzip\r\n\r\n`],
    ['Transfer-Encoding chunked, gzip', `${S}Transfer-Encoding: chunked, gzip\r\n\r\n`],
    ['Transfer-Encoding gzip, chunked', `${S}Transfer-Encoding: gzip, chunked\r\n\r\n`],
    ['Transfer-Encoding xchunked', `${S}Transfer-Encoding: xchunked\r\n\r\n`],
    ['Transfer-Encoding identity', `${S}Transfer-Encoding: identity\r\n\r\n`],
    [
      'duplicated Transfer-Encoding headers',
      `${S}Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n`,
    ],
    ['obs-fold with a space', `${S}X-A: a\r\n folded\r\nContent-Length: 0\r\n\r\n`],
    ['obs-fold with a tab', `${S}X-A: a\r\n\tfolded\r\nContent-Length: 0\r\n\r\n`],
    ['bare LF line ends throughout', 'HTTP/1.1 200 OK\nContent-Length: 2\n\nhi'],
    ['a bare LF inside the header block', `${S}X-A: a\nContent-Length: 2\r\n\r\nhi`],
    ['a bare LF ending the status line', 'HTTP/1.1 200 OK\nX-Evil: 1\r\nContent-Length: 2\r\n\r\nhi'],
    ['a bare LF then CRLF ending the head', `${S}Content-Length: 2\n\r\nhi`],
    ['a CR inside the status line', 'HTTP/1.1 200 O\rK\r\nContent-Length: 2\r\n\r\nhi'],
    ['a NUL inside a header value', `${S}X-A: a\0b\r\nContent-Length: 0\r\n\r\n`],
    [
      'a vertical tab ending a header value (not whitespace in HTTP)',
      `${S}X-A: ab\v\r\nContent-Length: 0\r\n\r\n`,
    ],
    ['a form feed starting a header value', `${S}X-A: \fab\r\nContent-Length: 0\r\n\r\n`],
    ['a CR inside a header value', `${S}X-A: a\rb\r\nContent-Length: 0\r\n\r\n`],
    ['a DEL inside a header value', `${S}X-A: a\x7fb\r\nContent-Length: 0\r\n\r\n`],
    ['a header name with a space', `${S}X A: b\r\nContent-Length: 0\r\n\r\n`],
    ['whitespace before the colon', `${S}Content-Length : 5\r\n\r\nhello`],
    ['a non-token header name', `${S}X@A: b\r\nContent-Length: 0\r\n\r\n`],
    ['an empty header name', `${S}: b\r\nContent-Length: 0\r\n\r\n`],
    ['a header line without a colon', `${S}garbage\r\nContent-Length: 0\r\n\r\n`],
    ['HTTP/2.0 status line', 'HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n'],
    ['HTTP/1.2 status line', 'HTTP/1.2 200 OK\r\nContent-Length: 0\r\n\r\n'],
    ['lower-case protocol', 'http/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'],
    ['two-digit status', 'HTTP/1.1 20 OK\r\nContent-Length: 0\r\n\r\n'],
    ['four-digit status', 'HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n'],
    ['non-digit status', 'HTTP/1.1 2OO OK\r\nContent-Length: 0\r\n\r\n'],
    ['ICY status line', 'ICY 200 OK\r\nContent-Length: 0\r\n\r\n'],
    ['status 099', 'HTTP/1.1 099 Odd\r\nContent-Length: 0\r\n\r\n'],
    ['missing space after the version', 'HTTP/1.1200 OK\r\nContent-Length: 0\r\n\r\n'],
    ['missing space after the status', 'HTTP/1.1 200OK\r\nContent-Length: 0\r\n\r\n'],
    ['leading space before the status line', ' HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'],
    [
      '101 to a request that did not ask to upgrade',
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: x\r\n\r\n',
    ],
    [
      'a 1xx with a bad header',
      'HTTP/1.1 100 Continue\r\nX A: b\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n',
    ],
  ];
  for (const [name, bad] of cases) {
    test(name, () => assertRefused(bad, 'HPE_INVALID_RESPONSE'));
  }

  test('a head larger than maxHeaderSize (complete) is refused; one of exactly the limit is accepted', async () => {
    const head = (size: number) => {
      const start = 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\nX-Pad: ';
      return `${start}${'a'.repeat(size - start.length - 4)}\r\n\r\n`;
    };
    assert.equal(head(1024).length, 1024);
    await assertRefused(head(1025), 'UND_ERR_HEADERS_OVERFLOW', { maxHeaderSize: 1024 });
    const up = await fixed(head(1024));
    const rec = await run(mkPool(up.url, { maxHeaderSize: 1024 }));
    assert.equal(rec.status, 200);
  });

  test('an unterminated head growing past maxHeaderSize is refused without waiting for its end', async () => {
    await assertRefused(`HTTP/1.1 200 OK\r\nX-Pad: ${'a'.repeat(3000)}`, 'UND_ERR_HEADERS_OVERFLOW', {
      maxHeaderSize: 1024,
    });
  });

  test('the default maxHeaderSize is 16 KiB', async () => {
    await assertRefused(
      `HTTP/1.1 200 OK\r\nX-Pad: ${'a'.repeat(17_000)}\r\n\r\n`,
      'UND_ERR_HEADERS_OVERFLOW',
    );
  });

  test('a head split across many writes with a bare LF is refused before the head ends', async () => {
    const up = await rawUpstream((_r, s) => {
      s.write('HTTP/1.1 200 OK\r\n');
      setTimeout(() => s.write('X-A: 1\n'), 20);
      setTimeout(() => s.write('X-B: 2\n'), 40);
    });
    const t0 = Date.now();
    const rec = await run(mkPool(up.url, { headersTimeout: 3000 }));
    assert.equal(rec.error?.code, 'HPE_INVALID_RESPONSE');
    assert.ok(Date.now() - t0 < 1000);
  });
});

describe('hostile chunked bodies fail the exchange and the connection is never reused', () => {
  const cases: [string, string][] = [
    ['chunk size not hex', 'zz\r\nhello\r\n0\r\n\r\n'],
    ['chunk size with 0x', '0x5\r\nhello\r\n0\r\n\r\n'],
    ['negative chunk size', '-5\r\nhello\r\n0\r\n\r\n'],
    ['empty chunk size', '\r\nhello\r\n0\r\n\r\n'],
    ['space before the chunk size', ' 5\r\nhello\r\n0\r\n\r\n'],
    ['chunk size with 14 hex digits', '00000000000005\r\nhello\r\n0\r\n\r\n'],
    ['chunk size line too long', `5;${'e'.repeat(5000)}\r\nhello\r\n0\r\n\r\n`],
    ['bare LF after the chunk size', '5\nhello\r\n0\r\n\r\n'],
    ['NUL in a chunk extension', '5;a=\0\r\nhello\r\n0\r\n\r\n'],
    ['missing CRLF after the chunk data', '5\r\nhelloXY0\r\n\r\n'],
    ['bare LF after the chunk data', '5\r\nhello\n0\r\n\r\n'],
    ['CR without LF after the chunk data', '5\r\nhello\rX0\r\n\r\n'],
    ['chunk data longer than announced', '3\r\nhello\r\n0\r\n\r\n'],
    ['a trailer without a colon', '0\r\nbad trailer\r\n\r\n'],
    ['a trailer with a bare LF', '0\r\nX-T: a\n\r\n'],
    ['a trailer value with a NUL', '0\r\nX-T: a\0b\r\n\r\n'],
  ];
  for (const [name, body] of cases) {
    test(name, async () => {
      const up = await hostile(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n${body}`);
      const pool = mkPool(up.url);
      const rec = await run(pool);
      assert.equal(rec.error?.code, 'HPE_INVALID_CHUNK_SIZE', rec.error?.message);
      assert.ok(!rec.events.includes('complete'));
      const next = await run(pool);
      assert.equal(next.body(), 'good');
      assert.equal(up.conns, 2);
    });
  }

  test('a chunked body cut short by EOF is an error, not a short success', async () => {
    const up = await rawUpstream((_r, s) =>
      s.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel'),
    );
    const rec = await run(mkPool(up.url));
    assert.equal(rec.error?.code, 'UND_ERR_SOCKET');
  });

  test('a Content-Length body cut short by EOF is an error', async () => {
    const up = await rawUpstream((_r, s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello'));
    const rec = await run(mkPool(up.url));
    assert.equal(rec.error?.code, 'UND_ERR_SOCKET');
    assert.equal(rec.body(), 'hello');
  });
});

describe('response splitting: bytes after a response are never read as the next response', () => {
  const evil = 'HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nevil';
  const fresh = (r: SReq, s: net.Socket) => s.write(ok(`fresh:${r.path}`));

  test('extra bytes in the same write after a Content-Length body', async () => {
    const up = await rawUpstream((r, s, u) =>
      u.requests.length === 1 ? s.write(ok('hi') + evil) : fresh(r, s),
    );
    const pool = mkPool(up.url);
    const first = await run(pool);
    assert.equal(first.body(), 'hi');
    const second = await run(pool, get('/two'));
    assert.equal(second.body(), 'fresh:/two');
    assert.equal(up.conns, 2);
  });

  test('extra bytes after a chunked body', async () => {
    const up = await rawUpstream((r, s, u) =>
      u.requests.length === 1
        ? s.write(`HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n${evil}`)
        : fresh(r, s),
    );
    const pool = mkPool(up.url);
    assert.equal((await run(pool)).body(), 'hi');
    assert.equal((await run(pool, get('/two'))).body(), 'fresh:/two');
    assert.equal(up.conns, 2);
  });

  test('a body after a 204 (with Content-Length) and after a HEAD response', async () => {
    const up = await rawUpstream((r, s, u) => {
      if (u.requests.length === 1) s.write(`HTTP/1.1 204 No Content\r\nContent-Length: 4\r\n\r\n${evil}`);
      else if (u.requests.length === 3) s.write(`HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nbody${evil}`);
      else fresh(r, s);
    });
    const pool = mkPool(up.url);
    const a = await run(pool);
    assert.equal(a.status, 204);
    assert.equal(a.body(), '');
    assert.equal((await run(pool, get('/two'))).body(), 'fresh:/two');
    const h = await run(pool, get('/h', { method: 'HEAD' }));
    assert.equal(h.body(), '');
    assert.equal((await run(pool, get('/four'))).body(), 'fresh:/four');
    assert.equal(up.conns, 3);
  });

  test('extra bytes arriving later on the idle connection make the pool drop it', async () => {
    const up = await rawUpstream((r, s, u) => {
      if (u.requests.length === 1) {
        s.write(ok('hi'));
        setTimeout(() => s.write(evil), 30);
      } else fresh(r, s);
    });
    const pool = mkPool(up.url);
    assert.equal((await run(pool)).body(), 'hi');
    await until(() => pool.stats.connected === 0, 1000, 'the pool to drop the connection');
    assert.equal((await run(pool, get('/two'))).body(), 'fresh:/two');
    assert.equal(up.conns, 2);
  });
});

// ---- framing ------------------------------------------------------------------------------------

/** Writes `bytes` one byte per write, a few ms apart. */
async function dribble(s: net.Socket, bytes: string, gap = 1): Promise<void> {
  for (const b of Buffer.from(bytes, 'latin1')) {
    if (s.destroyed) return;
    s.write(Buffer.of(b));
    await sleep(gap);
  }
}

describe('response framing', () => {
  test('a Content-Length response written one byte at a time (head and body)', async () => {
    const up = await rawUpstream((_r, s) => void dribble(s, ok('hello, byte by byte', 'X-A: 1\r\n')));
    const pool = mkPool(up.url);
    const rec = await run(pool);
    assert.equal(rec.status, 200);
    assert.equal(rec.statusText, 'OK');
    assert.deepEqual(rec.headers, ['X-A', '1', 'Content-Length', '19']);
    assert.equal(rec.body(), 'hello, byte by byte');
    assert.ok(rec.chunks.length > 1, 'delivered in several pieces');
    assert.deepEqual(rec.events.slice(0, 2), ['connect', 'headers']);
    assert.equal(rec.events.at(-1), 'complete');
    // and the connection is kept
    await run(pool);
    assert.equal(up.conns, 1);
  });

  test('a chunked body with extensions and trailers, also written one byte at a time', async () => {
    const resp =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Sum\r\n\r\n' +
      '5;ext=1;q="a b"\r\nhello\r\nA\r\n, chunked!\r\n0;last\r\nX-Sum: abc\r\nX-Other: 2\r\n\r\n';
    for (const byByte of [false, true]) {
      const up = await rawUpstream((_r, s) => (byByte ? void dribble(s, resp) : s.write(resp)));
      const pool = mkPool(up.url);
      const rec = await run(pool);
      assert.equal(rec.body(), 'hello, chunked!');
      assert.deepEqual(rec.trailers, ['X-Sum', 'abc', 'X-Other', '2']);
      assert.equal((await run(pool)).body(), 'hello, chunked!');
      assert.equal(up.conns, 1, 'a complete chunked response keeps the connection');
    }
  });

  test('a chunked body without trailers completes with null trailers', async () => {
    const up = await fixed('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n');
    const rec = await run(mkPool(up.url));
    assert.equal(rec.body(), 'abc');
    assert.equal(rec.trailers, null);
  });

  test('a close-delimited body (no Content-Length, no Transfer-Encoding) completes on EOF', async () => {
    const up = await rawUpstream((r, s) => {
      s.write('HTTP/1.1 200 OK\r\nX-A: 1\r\n\r\nfirst part, ');
      setTimeout(() => s.end(`second part ${r.path}`), 30);
    });
    const pool = mkPool(up.url);
    const rec = await run(pool);
    assert.equal(rec.body(), 'first part, second part /');
    assert.equal(rec.events.at(-1), 'complete');
    assert.equal((await run(pool, get('/b'))).body(), 'first part, second part /b');
    assert.equal(up.conns, 2, 'never reused');
  });

  test('HTTP/1.0 close-delimited body', async () => {
    const up = await rawUpstream((_r, s) => s.end('HTTP/1.0 200 OK\r\n\r\nold school'));
    const rec = await run(mkPool(up.url));
    assert.equal(rec.body(), 'old school');
  });

  test('HEAD, 204 and 304 have no body even with a Content-Length, and the connection is kept', async () => {
    const up = await rawUpstream((r, s) => {
      if (r.path === '/204') s.write('HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n');
      else if (r.path === '/304') s.write('HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n');
      else if (r.method === 'HEAD') s.write('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n');
      else s.write(ok('after'));
    });
    const pool = mkPool(up.url);
    for (const o of [get('/head', { method: 'HEAD' }), get('/204'), get('/304')]) {
      const rec = await run(pool, o, {}, 1500);
      assert.equal(rec.events.at(-1), 'complete', o.path);
      assert.equal(rec.body(), '', o.path);
    }
    assert.equal((await run(pool)).body(), 'after');
    assert.equal(up.conns, 1);
  });

  test('a Content-Length: 0 response completes at once and keeps the connection', async () => {
    const up = await fixed('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n');
    const pool = mkPool(up.url);
    await run(pool, get(), {}, 1000);
    await run(pool, get(), {}, 1000);
    assert.equal(up.conns, 1);
  });

  test('1xx responses (100, 103) are skipped before the final response', async () => {
    const up = await rawUpstream((_r, s) => {
      s.write('HTTP/1.1 100 Continue\r\n\r\n');
      setTimeout(() => s.write('HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n'), 10);
      setTimeout(() => s.write(ok('final', 'X-F: 1\r\n')), 20);
    });
    const pool = mkPool(up.url);
    const rec = await run(pool);
    assert.equal(rec.status, 200);
    assert.deepEqual(rec.headers, ['X-F', '1', 'Content-Length', '5']);
    assert.equal(rec.events.filter((e) => e === 'headers').length, 1);
    assert.equal(rec.body(), 'final');
    const res = await pool.request({ method: 'GET', path: '/' });
    assert.equal(res.statusCode, 200);
    assert.equal(up.conns, 1);
  });

  test('1xx and the final response in one write', async () => {
    const up = await fixed(
      `HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: <a>\r\n\r\n${ok('x')}`,
    );
    const rec = await run(mkPool(up.url));
    assert.equal(rec.status, 200);
    assert.equal(rec.body(), 'x');
  });

  test('raw header names keep their case and order; repeated headers stay separate', async () => {
    const up = await fixed(
      'HTTP/1.1 201 Created\r\nSet-Cookie: a=1\r\nset-cookie: b=2\r\nX-Empty:\r\nContent-Length: 0\r\n\r\n',
    );
    const rec = await run(mkPool(up.url));
    assert.equal(rec.status, 201);
    assert.equal(rec.statusText, 'Created');
    assert.deepEqual(rec.headers, [
      'Set-Cookie',
      'a=1',
      'set-cookie',
      'b=2',
      'X-Empty',
      '',
      'Content-Length',
      '0',
    ]);
  });

  test('request() against a node:http upstream', async () => {
    const up = await httpUpstream((req, res) => {
      res.setHeader('x-method', req.method ?? '');
      res.end(`hello ${req.url}`);
    });
    const pool = mkPool(up.url);
    const res = await pool.request({ method: 'GET', path: '/x?y=1' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-method'], 'GET');
    assert.equal(await res.body.text(), 'hello /x?y=1');
    const chunked = await httpUpstream((_req, res) => {
      res.write('a');
      setTimeout(() => res.end('b'), 10);
    });
    const r2 = await mkPool(chunked.url).request({ method: 'GET', path: '/' });
    assert.equal(r2.headers['transfer-encoding'], 'chunked');
    assert.equal(await r2.body.text(), 'ab');
  });

  test('request() rejects with the exchange error', async () => {
    const up = await fixed('HTTP/1.1 200 OK\r\nContent-Length: 1, 2\r\n\r\n');
    await assert.rejects(mkPool(up.url).request({ method: 'GET', path: '/' }), {
      code: 'HPE_INVALID_RESPONSE',
    });
  });
});

// ---- keep-alive ---------------------------------------------------------------------------------

describe('keep-alive', () => {
  test('sequential requests reuse one connection (node:http upstream)', async () => {
    const up = await httpUpstream((req, res) => res.end(req.url));
    const pool = mkPool(up.url);
    for (let i = 0; i < 5; i++) assert.equal((await run(pool, get(`/${i}`))).body(), `/${i}`);
    assert.equal(up.conns, 1);
    assert.deepEqual(pool.stats, { connected: 1, free: 1, pending: 0 });
  });

  test('a Connection: close response is not reused', async () => {
    const up = await fixed(ok('x', 'Connection: close\r\n'));
    const pool = mkPool(up.url);
    await run(pool);
    await run(pool);
    assert.equal(up.conns, 2);
    await until(() => pool.stats.connected === 0, 500, 'the connection to be closed');
  });

  test('Connection: close among other tokens is honoured', async () => {
    const up = await fixed(ok('x', 'Connection: Keep-Alive, CLOSE\r\n'));
    const pool = mkPool(up.url);
    await run(pool);
    await run(pool);
    assert.equal(up.conns, 2);
  });

  test('an HTTP/1.0 response is not reused unless it says keep-alive', async () => {
    const plain = await fixed('HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx');
    const p1 = mkPool(plain.url);
    await run(p1);
    await run(p1);
    assert.equal(plain.conns, 2);
    const ka = await fixed('HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 1\r\n\r\nx');
    const p2 = mkPool(ka.url);
    await run(p2);
    await run(p2);
    assert.equal(ka.conns, 1);
  });

  test('Keep-Alive: timeout=1 is not reused; timeout=2 is dropped by the pool after about a second', async () => {
    const one = await fixed(ok('x', 'Keep-Alive: timeout=1\r\n'));
    const p1 = mkPool(one.url);
    await run(p1);
    await run(p1);
    assert.equal(one.conns, 2);

    const two = await fixed(ok('x', 'Keep-Alive: timeout=2, max=100\r\n'));
    const p2 = mkPool(two.url);
    await run(p2);
    await run(p2);
    assert.equal(two.conns, 1, 'reused within the announced time');
    assert.equal(p2.stats.connected, 1);
    const t0 = Date.now();
    await until(() => p2.stats.connected === 0, 2000, 'the pool to drop the idle connection');
    const waited = Date.now() - t0;
    assert.ok(waited >= 800 && waited < 1500, `dropped after ${waited} ms`);
    await until(() => two.open === 0, 500, 'the upstream to see the close');
  });

  test('the pool keepAliveTimeout closes idle connections', async () => {
    const up = await fixed(ok('x'));
    const pool = mkPool(up.url, { keepAliveTimeout: 200 });
    await run(pool);
    assert.equal(pool.stats.free, 1);
    await until(() => pool.stats.connected === 0, 1000, 'idle close');
    await until(() => up.open === 0, 500, 'the upstream to see the close');
    await run(pool);
    assert.equal(up.conns, 2);
  });

  test('an idle connection the upstream closed is dropped, and the next request uses a new one', async () => {
    const up = await rawUpstream((_r, s) => {
      s.write(ok('x'));
      setTimeout(() => s.end(), 20);
    });
    const pool = mkPool(up.url);
    await run(pool);
    await until(() => pool.stats.connected === 0, 1000, 'the pool to notice');
    assert.equal((await run(pool)).body(), 'x');
    assert.equal(up.conns, 2);
  });

  /** Upstream that answers the first request of a connection and drops the connection on the second. */
  function staleUpstream(how: 'end' | 'destroy') {
    return rawUpstream((r, s) => {
      if (r.n === 0) s.write(ok(`conn${r.conn}:${r.method}:${r.body.toString()}`));
      else if (how === 'end') s.end();
      else s.destroy();
    });
  }

  for (const how of ['end', 'destroy'] as const) {
    test(`a stale keep-alive connection (${how}) is replayed transparently for a GET`, async () => {
      const up = await staleUpstream(how);
      const pool = mkPool(up.url);
      assert.equal((await run(pool)).body(), 'conn0:GET:');
      const rec = await run(pool);
      assert.equal(rec.body(), 'conn1:GET:');
      assert.equal(rec.events.filter((e) => e === 'connect').length, 1, 'onConnect once');
      assert.equal(up.conns, 2);
      assert.equal(up.requests.length, 3);
    });
  }

  test('a stale connection is replayed for a Buffer body', async () => {
    const up = await staleUpstream('end');
    const pool = mkPool(up.url);
    await run(pool);
    const rec = await run(pool, { method: 'PUT', path: '/', headers: {}, body: Buffer.from('data') });
    assert.equal(rec.body(), 'conn1:PUT:data');
  });

  test('a stale connection is NOT replayed for a non-idempotent method, even with a Buffer body', async () => {
    const up = await staleUpstream('end');
    const pool = mkPool(up.url);
    await run(pool);
    const rec = await run(pool, { method: 'POST', path: '/', headers: {}, body: Buffer.from('pay 10') });
    assert.equal(rec.error?.code, 'UND_ERR_SOCKET');
    await sleep(50);
    assert.equal(up.conns, 1, 'no second connection: the POST was not sent again');
  });

  test('a stale connection is NOT replayed for a streamed body', async () => {
    const up = await staleUpstream('end');
    const pool = mkPool(up.url);
    await run(pool);
    const rec = await run(pool, {
      method: 'POST',
      path: '/',
      headers: {},
      body: Readable.from([Buffer.from('x')]),
    });
    assert.equal(rec.error?.code, 'UND_ERR_SOCKET');
    await sleep(50);
    assert.equal(up.conns, 1);
  });

  test('a stale connection is still replayed for an exchange in flight when close() is called', async () => {
    const up = await staleUpstream('end');
    const pool = mkPool(up.url);
    await run(pool);
    const rec = recorder();
    pool.dispatch(get(), rec.handler);
    const closing = pool.close();
    await settled(rec);
    assert.equal(rec.body(), 'conn1:GET:');
    await closing;
  });

  test('a fresh connection closed without an answer is not replayed', async () => {
    const up = await rawUpstream((_r, s) => s.destroy());
    const rec = await run(mkPool(up.url));
    assert.equal(rec.error?.code, 'UND_ERR_SOCKET');
    await sleep(50);
    assert.equal(up.conns, 1);
  });

  test('a reused connection closed after part of the answer is not replayed', async () => {
    const up = await rawUpstream((r, s) => {
      if (r.n === 0) s.write(ok('x'));
      else s.end('HTTP/1.1 200 OK\r\nContent-');
    });
    const pool = mkPool(up.url);
    await run(pool);
    const rec = await run(pool);
    assert.equal(rec.error?.code, 'UND_ERR_SOCKET');
    await sleep(50);
    assert.equal(up.conns, 1);
  });
});

// ---- limits and timeouts ------------------------------------------------------------------------

describe('limits and timeouts', () => {
  test('connections: 2 with 5 concurrent dispatches: at most 2 sockets, all 5 complete', async () => {
    const up = await rawUpstream((r, s) => {
      setTimeout(() => s.write(ok(r.path)), 40);
    });
    const pool = mkPool(up.url, { connections: 2 });
    const recs = Array.from({ length: 5 }, () => recorder());
    const started = recs.map((rec, i) => pool.dispatch(get(`/${i}`), rec.handler));
    assert.deepEqual(started, [true, true, false, false, false]);
    assert.equal(pool.stats.pending, 3);
    await Promise.all(recs.map((r) => settled(r)));
    assert.deepEqual(
      recs.map((r) => r.body()),
      ['/0', '/1', '/2', '/3', '/4'],
    );
    assert.equal(up.conns, 2);
    assert.ok(up.maxOpen <= 2);
    assert.deepEqual(pool.stats, { connected: 2, free: 2, pending: 0 });
  });

  test('headers timeout: the upstream never answers', async () => {
    const up = await rawUpstream(() => {});
    const t0 = Date.now();
    const rec = await run(mkPool(up.url, { headersTimeout: 300 }));
    const took = Date.now() - t0;
    assert.equal(rec.error?.code, 'UND_ERR_HEADERS_TIMEOUT');
    assert.ok(took >= 290 && took < 700, `took ${took} ms`);
    await until(() => up.open === 0, 500, 'the connection to be closed');
  });

  test('headers timeout per request overrides the pool', async () => {
    const up = await rawUpstream(() => {});
    const t0 = Date.now();
    const rec = await run(mkPool(up.url, { headersTimeout: 5000 }), get('/', { headersTimeout: 200 }));
    assert.equal(rec.error?.code, 'UND_ERR_HEADERS_TIMEOUT');
    assert.ok(Date.now() - t0 < 600);
  });

  test('a slowloris upstream dribbling a header byte every 50 ms still hits the headers timeout', async () => {
    const up = await rawUpstream(
      (_r, s) => void dribble(s, `HTTP/1.1 200 OK\r\nX-Slow: ${'z'.repeat(200)}\r\n\r\n`, 50),
    );
    const t0 = Date.now();
    const rec = await run(mkPool(up.url, { headersTimeout: 400 }));
    const took = Date.now() - t0;
    assert.equal(rec.error?.code, 'UND_ERR_HEADERS_TIMEOUT');
    assert.ok(!rec.events.includes('headers'));
    assert.ok(took >= 390 && took < 800, `took ${took} ms`);
  });

  test('endless 1xx responses do not extend the headers timeout', async () => {
    const up = await rawUpstream((_r, s) => {
      const t = setInterval(
        () => (s.destroyed ? clearInterval(t) : s.write('HTTP/1.1 100 Continue\r\n\r\n')),
        30,
      );
    });
    const rec = await run(mkPool(up.url, { headersTimeout: 300 }));
    assert.equal(rec.error?.code, 'UND_ERR_HEADERS_TIMEOUT');
  });

  test('headers timeout when part of the head arrived before a streamed request body ended', async () => {
    const up = await rawUpstream(
      () => {},
      (s) => {
        s.once('data', () => s.write('HTTP/1.1 2'));
      },
    );
    async function* body() {
      yield Buffer.from('a');
      await sleep(100);
      yield Buffer.from('b');
    }
    const t0 = Date.now();
    const rec = await run(mkPool(up.url, { headersTimeout: 300 }), {
      method: 'POST',
      path: '/',
      headers: {},
      body: body(),
    });
    assert.equal(rec.error?.code, 'UND_ERR_HEADERS_TIMEOUT');
    assert.ok(Date.now() - t0 < 1000);
  });

  test('body timeout: the upstream stalls mid-body', async () => {
    const up = await fixed('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello');
    const t0 = Date.now();
    const rec = await run(mkPool(up.url, { bodyTimeout: 300 }));
    const took = Date.now() - t0;
    assert.equal(rec.error?.code, 'UND_ERR_BODY_TIMEOUT');
    assert.equal(rec.status, 200);
    assert.equal(rec.body(), 'hello');
    assert.ok(took >= 290 && took < 700, `took ${took} ms`);
  });

  test('body timeout: a chunked body stalls between chunks', async () => {
    const up = await fixed('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n');
    const rec = await run(mkPool(up.url, { bodyTimeout: 250 }));
    assert.equal(rec.error?.code, 'UND_ERR_BODY_TIMEOUT');
  });

  test('the body timeout is an idle timeout: a slow but steady body completes', async () => {
    const up = await rawUpstream((_r, s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n');
      void dribble(s, '0123456789', 60);
    });
    const rec = await run(mkPool(up.url, { bodyTimeout: 250, headersTimeout: 5000 }));
    assert.equal(rec.body(), '0123456789');
  });

  test('connect timeout: TCP connects but the TLS handshake never completes', async () => {
    const up = await rawUpstream(() => {});
    const url = new URL(`https://127.0.0.1:${up.port}`);
    const pool = mkPool(url, {
      connectTimeout: 250,
      tls: { secureContext: tls.createSecureContext(), rejectUnauthorized: true, servername: 'localhost' },
    });
    const t0 = Date.now();
    const rec = await run(pool);
    const took = Date.now() - t0;
    assert.equal(rec.error?.code, 'UND_ERR_CONNECT_TIMEOUT');
    assert.ok(took >= 240 && took < 700, `took ${took} ms`);
    assert.equal(up.conns, 1);
    await until(() => up.open === 0, 500, 'the socket to be closed');
  });

  test('ECONNREFUSED keeps its code and frees the slot', async () => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1');
    await once(srv, 'listening');
    const port = (srv.address() as net.AddressInfo).port;
    await new Promise<void>((r) => srv.close(() => r()));
    const pool = mkPool(new URL(`http://127.0.0.1:${port}`), { connections: 1 });
    const a = recorder();
    const b = recorder();
    pool.dispatch(get(), a.handler);
    pool.dispatch(get(), b.handler);
    await settled(a);
    await settled(b);
    assert.equal(a.error?.code, 'ECONNREFUSED');
    assert.equal(b.error?.code, 'ECONNREFUSED');
    assert.deepEqual(pool.stats, { connected: 0, free: 0, pending: 0 });
  });
});

// ---- request side -------------------------------------------------------------------------------

describe('request side', () => {
  const echo = () =>
    rawUpstream((r, s) => {
      s.write(
        ok(
          JSON.stringify({ lines: r.lines, body: r.body.toString('latin1'), raw: r.raw.toString('latin1') }),
        ),
      );
    });
  type Echo = { lines: [string, string][]; body: string; raw: string };
  const parse = (rec: Rec) => JSON.parse(rec.body()) as Echo;
  const hdr = (e: Echo, name: string) => e.lines.filter(([k]) => k.toLowerCase() === name).map(([, v]) => v);

  const refused: [string, H1DispatchOptions][] = [
    ['CRLF in a header value', get('/', { headers: { 'x-a': 'a\r\nx-injected: 1' } })],
    ['LF in a header value', get('/', { headers: { 'x-a': 'a\nb' } })],
    ['CR in a header value', get('/', { headers: { 'x-a': 'a\rb' } })],
    ['NUL in a header value', get('/', { headers: { 'x-a': 'a\0b' } })],
    [
      'CRLF in one of several values',
      get('/', { headers: { 'x-a': ['ok', 'b\r\n\r\nGET /smuggled HTTP/1.1'] } }),
    ],
    ['CRLF in the host header', get('/', { headers: { host: 'a\r\nx: y' } })],
    ['a header name with a space', get('/', { headers: { 'x a': 'b' } })],
    ['a header name with CRLF', get('/', { headers: { 'x\r\ny': 'b' } })],
    ['an empty header name', get('/', { headers: { '': 'b' } })],
    ['a method with a space', get('/', { method: 'GET /x HTTP/1.1\r\n' })],
    ['an empty method', get('/', { method: '' })],
    ['a path with a space', get('/a b')],
    ['a path with CRLF', get('/a\r\nx: y')],
    ['a path with NUL', get('/a\0')],
    ['an empty path', get('')],
    ['a path with a character beyond latin1', get('/\u20ac')],
    [
      'a Content-Length that is not a number with a stream body',
      {
        method: 'POST',
        path: '/',
        headers: { 'content-length': '5, 5' },
        body: Readable.from([Buffer.from('hello')]),
      },
    ],
    [
      'two Content-Length headers (differing case) with a stream body',
      {
        method: 'POST',
        path: '/',
        headers: { 'content-length': '5', 'Content-Length': '3' },
        body: Readable.from([Buffer.from('hello')]),
      },
    ],
    [
      'a Content-Length array with a stream body',
      {
        method: 'POST',
        path: '/',
        headers: { 'content-length': ['5'] },
        body: Readable.from([Buffer.from('hello')]),
      },
    ],
  ];
  for (const [name, opts] of refused) {
    test(`refused before anything is written: ${name}`, async () => {
      const up = await echo();
      const rec = await run(mkPool(up.url), opts);
      assert.equal(rec.error?.code, 'UND_ERR_INVALID_ARG', rec.error?.message);
      await sleep(30);
      assert.equal(up.bytes, 0, 'the upstream saw no bytes');
    });
  }

  test('a Buffer body gets its own Content-Length; caller framing headers are dropped', async () => {
    const up = await echo();
    const rec = await run(mkPool(up.url), {
      method: 'POST',
      path: '/',
      headers: {
        'content-length': '999',
        'Transfer-Encoding': 'chunked',
        connection: 'keep-alive, x-secret',
        'x-a': 'b',
      },
      body: Buffer.from('hello'),
    });
    const e = parse(rec);
    assert.deepEqual(hdr(e, 'content-length'), ['5']);
    assert.deepEqual(hdr(e, 'transfer-encoding'), []);
    assert.deepEqual(hdr(e, 'connection'), []);
    assert.deepEqual(hdr(e, 'x-a'), ['b']);
    assert.equal(e.body, 'hello');
  });

  test('an empty Buffer body sends content-length: 0', async () => {
    const up = await echo();
    const e = parse(
      await run(mkPool(up.url), { method: 'PUT', path: '/', headers: {}, body: Buffer.alloc(0) }),
    );
    assert.deepEqual(hdr(e, 'content-length'), ['0']);
  });

  test('a Readable body with Content-Length is sent as is', async () => {
    const up = await echo();
    const e = parse(
      await run(mkPool(up.url), {
        method: 'POST',
        path: '/',
        headers: { 'content-length': '10' },
        body: Readable.from([Buffer.from('01234'), Buffer.from('56789')]),
      }),
    );
    assert.deepEqual(hdr(e, 'content-length'), ['10']);
    assert.deepEqual(hdr(e, 'transfer-encoding'), []);
    assert.equal(e.body, '0123456789');
  });

  test('a Content-Length header in any case frames a stream body by length, never as chunks', async () => {
    const up = await echo();
    const pool = mkPool(up.url);
    const e = parse(
      await run(pool, {
        method: 'POST',
        path: '/',
        headers: { 'Content-Length': '5' },
        body: Readable.from([Buffer.from('hello')]),
      }),
    );
    assert.deepEqual(hdr(e, 'content-length'), ['5']);
    assert.deepEqual(hdr(e, 'transfer-encoding'), []);
    assert.equal(e.body, 'hello');
    assert.ok(e.raw.endsWith('\r\n\r\nhello'), JSON.stringify(e.raw));
    // nothing was left behind to be read as another request
    await run(pool);
    await sleep(30);
    assert.equal(up.requests.length, 2);
    assert.equal(up.requests[1]!.method, 'GET');
  });

  for (const kind of ['Readable', 'async iterable'] as const) {
    const src = (parts: string[], gap = 0) =>
      kind === 'Readable'
        ? Readable.from(parts.map((p) => Buffer.from(p)))
        : (async function* () {
            for (const p of parts) {
              if (gap > 0) await sleep(gap);
              yield Buffer.from(p);
            }
          })();

    test(`${kind} body shorter than its Content-Length fails with UND_ERR_REQ_CONTENT_LENGTH_MISMATCH`, async () => {
      const up = await echo();
      const rec = await run(mkPool(up.url), {
        method: 'POST',
        path: '/',
        headers: { 'content-length': '10' },
        body: src(['abc', 'de']),
      });
      assert.equal(rec.error?.code, 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH');
      await until(() => up.open === 0, 500, 'the connection to be closed');
      assert.equal(up.requests.length, 0, 'the upstream never got a complete request');
    });

    test(`${kind} body longer than its Content-Length fails and no extra byte is sent`, async () => {
      const up = await rawUpstream(() => {});
      const rec = await run(mkPool(up.url), {
        method: 'POST',
        path: '/',
        headers: { 'content-length': '4' },
        body: src(['abc', 'def', 'GET /smuggled HTTP/1.1\r\n\r\n'], 5),
      });
      assert.equal(rec.error?.code, 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH');
      await until(() => up.open === 0, 500, 'the connection to be closed');
      assert.ok(up.requests.length <= 1);
      const head = up.requests[0]?.raw.toString('latin1') ?? '';
      assert.ok(!head.includes('smuggled'));
      assert.ok(up.bytes <= 200, `upstream got ${up.bytes} bytes`);
    });

    test(`${kind} body without Content-Length is sent chunked and arrives intact`, async () => {
      const up = await echo();
      const big = 'x'.repeat(100_000);
      const e = parse(
        await run(mkPool(up.url), {
          method: 'POST',
          path: '/',
          headers: {},
          body: src(['first,', '', big, ',last'], 2),
        }),
      );
      assert.deepEqual(hdr(e, 'transfer-encoding'), ['chunked']);
      assert.deepEqual(hdr(e, 'content-length'), []);
      assert.equal(e.body, `first,${big},last`);
    });
  }

  test('a node:http upstream reads a chunked request body', async () => {
    const up = await httpUpstream(async (req, res) => {
      let n = 0;
      for await (const c of req) n += (c as Buffer).length;
      res.end(`${req.headers['transfer-encoding']}:${n}`);
    });
    const body = Readable.from(
      (function* () {
        for (let i = 0; i < 50; i++) yield Buffer.alloc(1000, 97);
      })(),
    );
    const res = await mkPool(up.url).request({ method: 'POST', path: '/', body });
    assert.equal(await res.body.text(), 'chunked:50000');
  });

  test('POST/PUT/PATCH with a null body send content-length: 0; GET sends neither framing header', async () => {
    const up = await echo();
    const pool = mkPool(up.url);
    for (const method of ['POST', 'PUT', 'PATCH']) {
      const e = parse(await run(pool, { method, path: '/', headers: {}, body: null }));
      assert.deepEqual(hdr(e, 'content-length'), ['0'], method);
    }
    const g = parse(
      await run(pool, { method: 'GET', path: '/', headers: { 'content-length': '5' }, body: null }),
    );
    assert.deepEqual(hdr(g, 'content-length'), []);
    assert.deepEqual(hdr(g, 'transfer-encoding'), []);
  });

  test('host defaults to the target host:port; a given host header wins', async () => {
    const up = await echo();
    const pool = mkPool(up.url);
    const e1 = parse(await run(pool));
    assert.deepEqual(hdr(e1, 'host'), [`127.0.0.1:${up.port}`]);
    const e2 = parse(await run(pool, get('/', { headers: { Host: 'api.example' } })));
    assert.deepEqual(hdr(e2, 'host'), ['api.example']);
  });

  test('the request line and multi-value headers are written as given', async () => {
    const up = await echo();
    const rec = await run(mkPool(up.url), {
      method: 'OPTIONS',
      path: '/p?q=1&r=%20',
      headers: { accept: ['a/b', 'c/d'], 'x-tab': 'a\tb', 'x-undef': undefined },
      body: null,
    });
    const e = parse(rec);
    assert.ok(e.raw.startsWith('OPTIONS /p?q=1&r=%20 HTTP/1.1\r\n'));
    assert.deepEqual(hdr(e, 'accept'), ['a/b', 'c/d']);
    assert.deepEqual(hdr(e, 'x-tab'), ['a\tb']);
    assert.deepEqual(hdr(e, 'x-undef'), []);
  });

  test('an early answer (413) stops the streamed body and the connection is not reused', async () => {
    const up = await rawUpstream(
      (r, s) => s.write(ok(`n${r.n}c${r.conn}`)),
      (s, u) => {
        s.once('data', () => {
          if (u.conns === 1) s.write('HTTP/1.1 413 Payload Too Large\r\nContent-Length: 3\r\n\r\nbig');
        });
      },
    );
    let pulls = 0;
    async function* body() {
      for (let i = 0; i < 100; i++) {
        pulls++;
        await sleep(10);
        yield Buffer.from('x');
      }
    }
    const pool = mkPool(up.url);
    const rec = await run(pool, { method: 'POST', path: '/', headers: {}, body: body() });
    assert.equal(rec.status, 413);
    assert.equal(rec.body(), 'big');
    await sleep(50);
    assert.ok(pulls < 20, `body pulled ${pulls} times`);
    const next = await run(pool);
    assert.equal(next.body(), 'n0c1');
  });

  test('a body stream error fails the exchange with that error', async () => {
    const up = await echo();
    const body = new Readable({ read() {} });
    body.push('abc');
    setTimeout(() => body.destroy(new Error('client went away')), 20);
    const rec = await run(mkPool(up.url), { method: 'POST', path: '/', headers: {}, body });
    assert.equal(rec.error?.message, 'client went away');
  });
});

// ---- back-pressure ------------------------------------------------------------------------------

describe('back-pressure', () => {
  test('onData returning false pauses reading until resume(); the upstream writes stall', async () => {
    const total = 24 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 120);
    let written = 0;
    let server: net.Socket | null = null;
    const up = await rawUpstream((_r, s) => {
      server = s;
      s.write(`HTTP/1.1 200 OK\r\nContent-Length: ${total}\r\n\r\n`);
      const pump = () => {
        while (written < total) {
          written += chunk.length;
          if (!s.write(chunk)) {
            s.once('drain', pump);
            return;
          }
        }
      };
      pump();
    });
    let received = 0;
    let calls = 0;
    let pause = true;
    const rec = recorder();
    // Counts only (the chunks are not kept: 24 MiB go through).
    rec.handler.onData = (c) => {
      received += c.length;
      calls++;
      return !pause;
    };
    const pool = mkPool(up.url, { bodyTimeout: 200 });
    pool.dispatch(get(), rec.handler);
    await until(() => calls === 1, 2000, 'the first chunk');
    await sleep(300);
    assert.equal(calls, 1, 'nothing more delivered while paused');
    const w1 = written;
    await sleep(200);
    assert.equal(written, w1, 'the upstream stalled');
    assert.ok(written < total, 'the upstream could not write everything');
    assert.ok((server as net.Socket | null)!.writableLength > 0, 'the upstream socket has queued bytes');
    assert.ok(!rec.events.includes('error'), 'no body timeout while paused');
    pause = false;
    rec.resume();
    await settled(rec, 5000);
    assert.equal(rec.events.at(-1), 'complete');
    assert.equal(received, total);
  });

  test('completion waits for resume when the last Content-Length bytes were delivered while paused', async () => {
    const up = await fixed(ok('whole body'));
    const pool = mkPool(up.url);
    const rec = recorder({ onData: () => false });
    pool.dispatch(get(), rec.handler);
    await until(() => rec.events.includes('data'), 1000, 'data');
    await sleep(100);
    assert.ok(!rec.events.includes('complete'), 'not complete while paused');
    rec.resume();
    await settled(rec);
    assert.equal(rec.body(), 'whole body');
    const next = await run(pool, get(), {}, 1500);
    assert.equal(next.body(), 'whole body');
    assert.equal(up.conns, 1);
  });

  test('completion waits for resume when the last chunk was delivered while paused; the connection still reads the next response', async () => {
    const up = await fixed(
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nlast\r\n0\r\nX-T: 1\r\n\r\n',
    );
    const pool = mkPool(up.url);
    const rec = recorder({ onData: () => false });
    pool.dispatch(get(), rec.handler);
    await until(() => rec.events.includes('data'), 1000, 'data');
    await sleep(100);
    assert.ok(!rec.events.includes('complete'));
    rec.resume();
    await settled(rec);
    assert.deepEqual(rec.trailers, ['X-T', '1']);
    const next = await run(pool, get(), {}, 1500);
    assert.equal(next.body(), 'last');
    assert.equal(up.conns, 1);
  });

  test('pausing in onHeaders defers body and completion until resume (chunked, whole response in one write)', async () => {
    const up = await fixed('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n');
    const pool = mkPool(up.url);
    const rec = recorder({ onHeaders: () => false });
    pool.dispatch(get(), rec.handler);
    await until(() => rec.events.includes('headers'), 1000, 'headers');
    await sleep(100);
    assert.deepEqual(rec.events, ['connect', 'headers']);
    rec.resume();
    await settled(rec);
    assert.equal(rec.body(), 'abc');
    assert.equal((await run(pool, get(), {}, 1500)).body(), 'abc');
    assert.equal(up.conns, 1);
  });

  test('pausing in onHeaders of a 204 defers completion until resume', async () => {
    const up = await fixed('HTTP/1.1 204 No Content\r\n\r\n');
    const pool = mkPool(up.url);
    const rec = recorder({ onHeaders: () => false });
    pool.dispatch(get(), rec.handler);
    await until(() => rec.events.includes('headers'), 1000, 'headers');
    await sleep(50);
    assert.ok(!rec.events.includes('complete'));
    rec.resume();
    await settled(rec);
    await run(pool, get(), {}, 1500);
    assert.equal(up.conns, 1);
  });

  test('a paused handler is not hit by the body timeout', async () => {
    const up = await rawUpstream((_r, s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nabc');
      setTimeout(() => s.write('def'), 50);
    });
    const pool = mkPool(up.url, { bodyTimeout: 200 });
    const rec = recorder({ onData: () => false });
    pool.dispatch(get(), rec.handler);
    await until(() => rec.events.includes('data'), 1000, 'data');
    await sleep(500);
    assert.ok(!rec.events.includes('error'));
    rec.handler.onData = (c) => {
      rec.chunks.push(Buffer.from(c));
      return true;
    };
    rec.resume();
    await settled(rec);
    assert.equal(rec.body(), 'abcdef');
  });
  test('a close-delimited body paused when the upstream closed completes after resume', async () => {
    const up = await rawUpstream((_r, s) => {
      s.write('HTTP/1.1 200 OK\r\n\r\npart one,');
      setTimeout(() => s.end(' part two'), 50);
    });
    const pool = mkPool(up.url);
    let first = true;
    const rec = recorder({
      onData: () => {
        const cont = !first;
        first = false;
        return cont;
      },
    });
    pool.dispatch(get(), rec.handler);
    await until(() => up.open === 0, 1000, 'the upstream to close');
    await sleep(50);
    assert.deepEqual(rec.events, ['connect', 'headers', 'data'], 'nothing more while paused');
    rec.resume();
    await settled(rec);
    assert.equal(rec.events.at(-1), 'complete');
    assert.equal(rec.body(), 'part one, part two');
  });

  for (const kind of ['Readable', 'async iterable'] as const) {
    test(`${kind === 'Readable' ? 'a' : 'an'} ${kind} request body is read only as fast as the upstream takes it`, async () => {
      const up = await rawUpstream(
        () => {},
        (s) => s.pause(),
      );
      const piece = Buffer.alloc(64 * 1024, 97);
      const limit = 64 * 1024 * 1024;
      let pulled = 0;
      const body =
        kind === 'Readable'
          ? new Readable({
              read() {
                pulled += piece.length;
                this.push(pulled > limit ? null : piece);
              },
            })
          : (async function* () {
              while (pulled < limit) {
                pulled += piece.length;
                yield piece;
              }
            })();
      const pool = mkPool(up.url);
      const rec = recorder();
      pool.dispatch({ method: 'POST', path: '/', headers: {}, body }, rec.handler);
      await until(() => pulled > 0, 1000, 'the body to be read');
      await sleep(300);
      const p1 = pulled;
      await sleep(200);
      assert.equal(pulled, p1, 'the body is no longer read');
      assert.ok(pulled < 32 * 1024 * 1024, `pulled ${pulled} bytes`);
      rec.abort();
      await settled(rec);
      assert.equal(rec.error?.code, 'UND_ERR_ABORTED');
    });
  }
});

// ---- abort --------------------------------------------------------------------------------------

describe('abort()', () => {
  test('from onConnect: one onError, no bytes sent, the slot is freed for the next request', async () => {
    const up = await fixed(ok('x'));
    const pool = mkPool(up.url, { connections: 1 });
    const a = recorder({ onConnect: (r) => r.abort() });
    pool.dispatch(get(), a.handler);
    const b = await run(pool);
    await settled(a);
    assert.equal(a.error?.code, 'UND_ERR_ABORTED');
    assert.deepEqual(a.events, ['connect', 'error']);
    assert.equal(b.body(), 'x');
    assert.equal(up.requests.length, 1);
  });

  test('from onConnect with a reason: onError gets that error', async () => {
    const up = await fixed(ok('x'));
    const reason = new Error('client gone');
    const rec = await run(mkPool(up.url), get(), { onConnect: (r) => r.abort(reason) });
    assert.equal(rec.error, reason);
  });

  test('while waiting for headers: one onError, a queued request then runs', async () => {
    const up = await rawUpstream((r, s) => {
      if (r.path !== '/hang') s.write(ok(r.path));
    });
    const pool = mkPool(up.url, { connections: 1 });
    const a = recorder();
    const b = recorder();
    assert.equal(pool.dispatch(get('/hang'), a.handler), true);
    assert.equal(pool.dispatch(get('/b'), b.handler), false);
    await until(() => up.requests.length === 1, 1000, 'the first request');
    a.abort();
    a.abort(); // a second abort is a no-op
    await settled(a);
    assert.equal(a.error?.code, 'UND_ERR_ABORTED');
    await settled(b);
    assert.equal(b.body(), '/b');
    assert.equal(up.conns, 2, 'the aborted connection was not reused');
  });

  test('mid-body: one onError, no onComplete, a queued request then runs', async () => {
    const up = await rawUpstream((r, s) => {
      if (r.path === '/big') s.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfirst');
      else s.write(ok(r.path));
    });
    const pool = mkPool(up.url, { connections: 1 });
    const a = recorder({
      onData: (_c, r) => {
        r.abort();
        return true;
      },
    });
    const b = recorder();
    pool.dispatch(get('/big'), a.handler);
    pool.dispatch(get('/b'), b.handler);
    await settled(a);
    assert.deepEqual(a.events, ['connect', 'headers', 'data', 'error']);
    assert.equal(a.error?.code, 'UND_ERR_ABORTED');
    await settled(b);
    assert.equal(b.body(), '/b');
  });

  test('during onHeaders: one onError, no data delivered', async () => {
    const up = await fixed(ok('some body'));
    const rec = await run(mkPool(up.url), get(), {
      onHeaders: (r) => {
        r.abort();
        return true;
      },
    });
    assert.deepEqual(rec.events, ['connect', 'headers', 'error']);
  });

  test('after completion abort() is a no-op and the connection stays reusable', async () => {
    const up = await fixed(ok('x'));
    const pool = mkPool(up.url);
    const rec = await run(pool);
    rec.abort();
    await sleep(20);
    assert.equal(rec.terminals(), 1);
    await run(pool);
    assert.equal(up.conns, 1);
  });

  test('a handler throwing in onData fails the exchange once', async () => {
    const up = await fixed(ok('x'));
    const rec = await run(mkPool(up.url), get(), {
      onData: () => {
        throw new Error('handler bug');
      },
    });
    assert.equal(rec.error?.message, 'handler bug');
  });
});

// ---- close / destroy / fallback -----------------------------------------------------------------

describe('close(), destroy() and the fallback', () => {
  test('close() waits for the exchange in flight, then resolves; later dispatches fail with UND_ERR_CLOSED', async () => {
    const up = await rawUpstream((r, s) => {
      setTimeout(() => s.write(ok(r.path)), 150);
    });
    const pool = mkPool(up.url);
    const a = recorder();
    pool.dispatch(get('/a'), a.handler);
    await until(() => up.requests.length === 1, 1000, 'the request');
    let closed = false;
    const closing = pool.close().then(() => {
      closed = true;
    });
    await sleep(50);
    assert.equal(closed, false, 'still waiting for the exchange');
    await closing;
    assert.ok(a.events.includes('complete'), 'the exchange completed before close resolved');
    assert.equal(a.body(), '/a');
    const late = recorder();
    assert.equal(pool.dispatch(get(), late.handler), false);
    await settled(late);
    assert.equal(late.error?.code, 'UND_ERR_CLOSED');
    await until(() => up.open === 0, 500, 'the upstream to see the close');
    assert.equal(up.conns, 1);
  });

  test('close() also runs requests that were queued when it was called', async () => {
    const up = await rawUpstream((r, s) => {
      setTimeout(() => s.write(ok(r.path)), 30);
    });
    const pool = mkPool(up.url, { connections: 1 });
    const recs = [recorder(), recorder(), recorder()];
    for (const [i, r] of recs.entries()) pool.dispatch(get(`/${i}`), r.handler);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      pool.close(),
      new Promise((_r, rej) => {
        timer = setTimeout(() => rej(new Error('close() did not resolve')), 2000);
      }),
    ]);
    clearTimeout(timer);
    assert.deepEqual(
      recs.map((r) => r.body()),
      ['/0', '/1', '/2'],
    );
  });

  test('close() with only idle connections resolves at once and closes them', async () => {
    const up = await fixed(ok('x'));
    const pool = mkPool(up.url);
    await run(pool);
    await pool.close();
    await until(() => up.open === 0, 500, 'the upstream to see the close');
    assert.deepEqual(pool.stats, { connected: 0, free: 0, pending: 0 });
  });

  test('close() on an unused pool resolves', async () => {
    await mkPool(new URL('http://127.0.0.1:9')).close();
  });

  test('destroy() fails exchanges in flight and queued with UND_ERR_DESTROYED', async () => {
    const up = await rawUpstream(() => {});
    const pool = mkPool(up.url, { connections: 1 });
    const a = recorder();
    const b = recorder();
    pool.dispatch(get(), a.handler);
    pool.dispatch(get(), b.handler);
    await until(() => up.requests.length === 1, 1000, 'the request');
    await pool.destroy();
    await settled(a);
    await settled(b);
    assert.equal(a.error?.code, 'UND_ERR_DESTROYED');
    assert.equal(b.error?.code, 'UND_ERR_DESTROYED');
    await until(() => up.open === 0, 500, 'the upstream to see the close');
  });

  test('upgrade requests go to the fallback; without one they are refused', async () => {
    const up = await fixed(ok('x'));
    const none = mkPool(up.url);
    const r1 = recorder();
    none.dispatch({ ...get(), upgrade: 'websocket' } as H1DispatchOptions, r1.handler);
    await settled(r1);
    assert.equal(r1.error?.code, 'UND_ERR_INVALID_ARG');

    const seen: object[] = [];
    let made = 0;
    let closedFallback = false;
    const pool = mkPool(up.url, {
      fallback: () => {
        made++;
        return {
          dispatch(opts) {
            seen.push(opts);
            return true;
          },
          close: async () => {
            closedFallback = true;
          },
          destroy: async () => {},
        };
      },
    });
    const h = recorder();
    pool.dispatch({ ...get('/ws'), upgrade: 'websocket' } as H1DispatchOptions, h.handler);
    pool.dispatch({ ...get('/ws2'), upgrade: 'websocket' } as H1DispatchOptions, h.handler);
    assert.equal(made, 1);
    assert.equal(seen.length, 2);
    assert.equal(up.conns, 0);
    await pool.close();
    assert.equal(closedFallback, true);
  });
});
