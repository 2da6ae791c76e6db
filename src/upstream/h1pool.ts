import net from 'node:net';
import type { Readable } from 'node:stream';
import tls, { type SecureContext } from 'node:tls';

/**
 * A lean HTTP/1.1 client connection pool for proxying: keep-alive connections to one origin, one request at a
 * time per connection (no pipelining), a strict response parser, and undici's dispatch-handler contract
 * (`onConnect`/`onHeaders`/`onData`/`onComplete`/`onError`, `false` = pause) so the proxy's handler works
 * with either. It exists because undici's general-purpose machinery (its request object, WASM llhttp, the
 * handler wrappers) cost about as much CPU per proxied request as the rest of the gateway together; this client
 * does only what a reverse proxy needs.
 *
 * The response parser is strict on purpose (response splitting and desync defence): status line
 * `HTTP/1.x DDD`, CRLF line ends only, header names are tokens, no obsolete line folding, no control characters
 * in values, at most `maxHeaderSize` bytes of head, `Content-Length` and `Transfer-Encoding` never together,
 * conflicting `Content-Length` values refused, `Transfer-Encoding` other than `chunked` refused, chunk sizes in
 * hex with a bounded line. Anything else fails the exchange (502 through the proxy) and the connection is
 * never reused.
 *
 * Errors carry undici's codes (`UND_ERR_CONNECT_TIMEOUT`, `UND_ERR_HEADERS_TIMEOUT`, `UND_ERR_BODY_TIMEOUT`,
 * `UND_ERR_SOCKET`, …) so the classification of failures (src/upstream/classify.ts) is shared.
 *
 * @example
 * const pool = new H1Pool(new URL('http://127.0.0.1:8080'), { connections: 64, keepAliveTimeout: 60_000,
 *   headersTimeout: 30_000, bodyTimeout: 30_000, connectTimeout: 5_000 });
 * pool.dispatch({ method: 'GET', path: '/', headers: {}, body: null }, handler);
 */

/** What a proxy dispatch carries. Header values must not hold CR, LF or NUL (checked; refused otherwise). */
export interface H1DispatchOptions {
  readonly method: string;
  readonly path: string;
  readonly headers?: Readonly<Record<string, string | readonly string[] | undefined>> | null;
  readonly body?: Buffer | Readable | AsyncIterable<Buffer> | null;
  /** Overrides the pool's headers timeout for this request (ms, 0 = none). */
  readonly headersTimeout?: number;
}

/** undici's (legacy) dispatch handler contract, as the proxy implements it. */
export interface H1Handler {
  onConnect?(abort: (err?: Error) => void): void;
  onHeaders?(statusCode: number, rawHeaders: string[], resume: () => void, statusText: string): boolean;
  onData?(chunk: Buffer): boolean;
  onComplete?(trailers: string[] | null): void;
  onError?(err: Error): void;
}

/** Pool settings (times in ms). */
export interface H1PoolOptions {
  readonly connections: number;
  readonly keepAliveTimeout: number;
  readonly headersTimeout: number;
  readonly bodyTimeout: number;
  readonly connectTimeout: number;
  /** For https origins: the TLS context and the name sent as SNI and checked against the certificate. */
  readonly tls?: {
    readonly secureContext: SecureContext | undefined;
    readonly rejectUnauthorized: boolean;
    readonly servername: string | undefined;
  };
  /** Largest response head accepted, in bytes (default 16 KiB, like Node's). */
  readonly maxHeaderSize?: number;
  /** Builds the general-purpose pool used for what this one does not do (`upgrade` requests: WebSocket). */
  readonly fallback?: () => FallbackPool;
}

/** The part of undici's Pool the fallback needs. */
export interface FallbackPool {
  dispatch(opts: object, handler: object): boolean;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

/** An error of the upstream exchange, with an undici-compatible `code`. */
export class UpstreamClientError extends Error {
  readonly code: string;
  constructor(code: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'UpstreamClientError';
    this.code = code;
  }
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Strips optional whitespace (SP, HTAB) at both ends, nothing else (JS trim() would also take VT, FF, NBSP). */
function owsTrim(v: string): string {
  let a = 0;
  let b = v.length;
  while (a < b && (v.charCodeAt(a) === 32 || v.charCodeAt(a) === 9)) a++;
  while (b > a && (v.charCodeAt(b - 1) === 32 || v.charCodeAt(b - 1) === 9)) b--;
  return a === 0 && b === v.length ? v : v.slice(a, b);
}
const BAD_VALUE = /[\0-\x08\x0a-\x1f\x7f]/;
const BAD_REQ_VALUE = /[\0\r\n]/;
const BAD_PATH = /[^\x21-\x7e\x80-\xff]/;
/** Methods safe to send again (RFC 9110 §9.2.2): only these are replayed after a stale keep-alive connection. */
const IDEMPOTENT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);
const CRLF2 = Buffer.from('\r\n\r\n');
const LAST_CHUNK = Buffer.from('0\r\n\r\n');
const CRLF = Buffer.from('\r\n');
const MAX_CHUNK_LINE = 4096;
/**
 * Cleartext upstream sockets read into this one buffer (net's `onread`), shared by every connection of every
 * pool of the thread: reads are delivered one at a time, and each is copied out (`Buffer.from`, from the
 * small-buffer pool for short reads) before the callback returns. That skips a new ArrayBuffer per read and the
 * Readable stream's push/emit machinery, on every response.
 */
const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);
const SWEEP_MS = 100;

/** True when `buf` holds an LF not preceded by CR at or after `from` (a bare LF line end). */
function hasBareLf(buf: Buffer, from: number): boolean {
  for (let i = buf.indexOf(10, from); i >= 0; i = buf.indexOf(10, i + 1)) {
    if (i === 0 || buf[i - 1] !== 13) return true;
  }
  return false;
}

/** The Content-Length a caller gave for a streamed body (any header-name case), or -1. */
function streamLength(h: H1DispatchOptions['headers']): number {
  if (!h) return -1;
  for (const k in h) {
    if (k.length === 14 && k.toLowerCase() === 'content-length') return Number(h[k]);
  }
  return -1;
}

// Response body framing.
const B_NONE = 0;
const B_LENGTH = 1;
const B_CHUNKED = 2;
const B_CLOSE = 3;
// Chunked sub-states.
const C_SIZE = 0;
const C_DATA = 1;
const C_DATA_CRLF = 2;
const C_TRAILERS = 3;

/** Swallows late errors of a body stream the pool no longer reads. */
function noop(): void {}

interface Pending {
  readonly opts: H1DispatchOptions;
  readonly handler: H1Handler;
  /** The connection carrying it now (changes when a stale keep-alive connection forces a replay). */
  conn: Conn | null;
}

/** One upstream connection and the exchange it carries. */
class Conn {
  readonly pool: H1Pool;
  readonly socket: net.Socket;
  connected = false;
  reused = false;
  /** Requests completed on this connection (for the stale keep-alive retry). */
  served = 0;
  dead = false;
  idleDeadline = 0;
  // Exchange.
  req: Pending | null = null;
  deadline = 0;
  deadlineCode = '';
  headersTimeout = 0;
  gotBytes = false;
  bodyDone = true;
  reusable = true;
  errored = false;
  head: Buffer | null = null;
  status = 0;
  framing = B_NONE;
  remaining = 0;
  chunkState = C_SIZE;
  chunkLine = '';
  /** Bytes of trailer section seen (bounded by maxHeaderSize, like the head). */
  trailerBytes = 0;
  trailers: string[] | null = null;
  paused = false;
  pendingData: Buffer | null = null;
  stopBody: (() => void) | null = null;
  connectTimer: NodeJS.Timeout | null = null;
  /** How long it may idle: the pool's keep-alive time unless the upstream announced less. */
  idleKeep: number;

  constructor(pool: H1Pool, socket: net.Socket, idleKeep: number) {
    this.pool = pool;
    this.socket = socket;
    this.idleKeep = idleKeep;
  }
}

/**
 * Keep-alive HTTP/1.1 connection pool for one origin. See the module comment.
 */
export class H1Pool {
  readonly url: URL;
  readonly #opts: H1PoolOptions;
  readonly #host: string;
  readonly #port: number;
  readonly #hostHeader: string;
  readonly #maxHeader: number;
  #idle: Conn[] = [];
  #all = new Set<Conn>();
  #queue: Pending[] = [];
  #closed = false;
  #closeWaiters: (() => void)[] = [];
  #sweeper: NodeJS.Timeout | null = null;
  #fallback: FallbackPool | null = null;

  constructor(url: URL, opts: H1PoolOptions) {
    this.url = url;
    this.#opts = opts;
    const h = url.hostname;
    this.#host = h.startsWith('[') ? h.slice(1, -1) : h;
    this.#port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    this.#hostHeader = url.host;
    this.#maxHeader = opts.maxHeaderSize ?? 16_384;
  }

  /** Connection counts (tests and status output). */
  get stats(): { connected: number; free: number; pending: number } {
    return { connected: this.#all.size, free: this.#idle.length, pending: this.#queue.length };
  }

  /**
   * Starts one exchange; the handler gets exactly one of `onComplete` / `onError` (after `onConnect`).
   * Returns false when the request had to wait for a free connection.
   */
  dispatch(opts: H1DispatchOptions, handler: H1Handler): boolean {
    if ((opts as { upgrade?: unknown }).upgrade != null) {
      const make = this.#opts.fallback;
      if (make === undefined || this.#closed) {
        handler.onError?.(
          new UpstreamClientError('UND_ERR_INVALID_ARG', 'upgrade requests are not supported here'),
        );
        return false;
      }
      this.#fallback ??= make();
      return this.#fallback.dispatch(opts, handler);
    }
    if (this.#closed) {
      handler.onError?.(new UpstreamClientError('UND_ERR_CLOSED', 'the upstream pool is closed'));
      return false;
    }
    const p: Pending = { opts, handler, conn: null };
    const idle = this.#idle.pop();
    if (idle !== undefined) {
      this.#start(idle, p);
      return true;
    }
    if (this.#all.size < this.#opts.connections) {
      this.#start(this.#connect(), p);
      return true;
    }
    this.#queue.push(p);
    return false;
  }

  /**
   * Convenience for callers outside the proxy path (tests, tools): one buffered request.
   *
   * @example
   * const res = await pool.request({ method: 'GET', path: '/' }); // { statusCode, headers, body: { text() } }
   */
  request(opts: Omit<H1DispatchOptions, 'path'> & { path: string }): Promise<{
    statusCode: number;
    headers: Record<string, string>;
    body: { text(): Promise<string> };
  }> {
    return new Promise((resolve, reject) => {
      let statusCode = 0;
      const headers: Record<string, string> = {};
      const chunks: Buffer[] = [];
      this.dispatch(
        { body: null, ...opts },
        {
          onHeaders(status, raw) {
            if (status < 200) return true;
            statusCode = status;
            for (let i = 0; i < raw.length; i += 2) headers[raw[i]!.toLowerCase()] = raw[i + 1]!;
            return true;
          },
          onData(c) {
            chunks.push(c);
            return true;
          },
          onComplete() {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ statusCode, headers, body: { text: () => Promise.resolve(text) } });
          },
          onError: reject,
        },
      );
    });
  }

  /** Stops taking requests; resolves once every started or queued exchange has ended, idle sockets closed. */
  close(): Promise<void> {
    this.#closed = true;
    if (this.#fallback !== null) {
      const f = this.#fallback;
      return Promise.all([f.close(), this.#closeOwn()]).then(() => undefined);
    }
    return this.#closeOwn();
  }

  #closeOwn(): Promise<void> {
    for (const c of this.#idle) this.#kill(c);
    this.#idle = [];
    if (this.#all.size === 0 && this.#queue.length === 0) {
      this.#stopSweeper();
      return Promise.resolve();
    }
    return new Promise((r) => this.#closeWaiters.push(r));
  }

  /** Closes everything now; exchanges in flight fail with `UND_ERR_DESTROYED`. */
  destroy(): Promise<void> {
    this.#closed = true;
    void this.#fallback?.destroy();
    const q = this.#queue;
    this.#queue = [];
    for (const p of q)
      p.handler.onError?.(new UpstreamClientError('UND_ERR_DESTROYED', 'the pool was destroyed'));
    for (const c of [...this.#all])
      this.#fail(c, new UpstreamClientError('UND_ERR_DESTROYED', 'the pool was destroyed'));
    this.#stopSweeper();
    this.#notifyClosed();
    return Promise.resolve();
  }

  // ---- connections ------------------------------------------------------------------------------

  #connect(): Conn {
    const o = this.#opts;
    let socket: net.Socket;
    if (o.tls !== undefined) {
      socket = tls.connect({
        host: this.#host,
        port: this.#port,
        servername: o.tls.servername,
        secureContext: o.tls.secureContext,
        rejectUnauthorized: o.tls.rejectUnauthorized,
        ALPNProtocols: ['http/1.1'],
      });
    } else {
      socket = net.connect({
        host: this.#host,
        port: this.#port,
        onread: {
          buffer: READ_BUFFER,
          callback: (n: number, b: Buffer) => {
            this.#onData(c, Buffer.from(b.subarray(0, n)));
            return !c.paused;
          },
        },
      });
    }
    socket.setNoDelay(true);
    const c = new Conn(this, socket, o.keepAliveTimeout);
    this.#all.add(c);
    this.#ensureSweeper();
    c.connectTimer = setTimeout(() => {
      c.connectTimer = null;
      this.#fail(c, new UpstreamClientError('UND_ERR_CONNECT_TIMEOUT', 'connect timeout'));
    }, o.connectTimeout);
    const onConnected = () => {
      if (c.connectTimer !== null) clearTimeout(c.connectTimer);
      c.connectTimer = null;
      c.connected = true;
      if (c.req !== null) this.#send(c);
    };
    socket.once(o.tls !== undefined ? 'secureConnect' : 'connect', onConnected);
    if (o.tls !== undefined) socket.on('data', (d: Buffer) => this.#onData(c, d));
    socket.on('end', () => this.#onEnd(c));
    socket.on('error', (err) => this.#fail(c, this.#socketError(c, err)));
    socket.on('close', () => this.#onClose(c));
    return c;
  }

  #socketError(c: Conn, err: Error & { code?: string }): Error {
    if (!c.connected) return err; // ECONNREFUSED, TLS verification … keep their codes (classified as connect)
    return new UpstreamClientError('UND_ERR_SOCKET', err.message, err);
  }

  #kill(c: Conn): void {
    if (c.dead) return;
    c.dead = true;
    this.#all.delete(c);
    if (c.connectTimer !== null) clearTimeout(c.connectTimer);
    c.stopBody?.();
    c.stopBody = null;
    c.socket.destroy();
  }

  #release(c: Conn): void {
    c.req = null;
    c.head = null;
    c.pendingData = null;
    c.served++;
    if (!c.reusable || c.dead) {
      this.#kill(c);
      this.#next();
      this.#maybeClosed();
      return;
    }
    // Requests queued before close() still run.
    const p = this.#queue.shift();
    if (p !== undefined) {
      this.#start(c, p);
      return;
    }
    if (this.#closed) {
      this.#kill(c);
      this.#maybeClosed();
      return;
    }
    c.idleDeadline = Date.now() + c.idleKeep;
    this.#idle.push(c);
    this.#maybeClosed();
  }

  /** A connection slot freed: start the oldest waiting request on a new connection. */
  #next(): void {
    if (this.#queue.length === 0) return;
    if (this.#all.size >= this.#opts.connections) return;
    const p = this.#queue.shift()!;
    this.#start(this.#connect(), p);
  }

  #maybeClosed(): void {
    if (!this.#closed) return;
    for (const c of this.#idle) this.#kill(c);
    this.#idle = [];
    if (this.#all.size === 0 && this.#queue.length === 0) {
      this.#stopSweeper();
      this.#notifyClosed();
    }
  }

  #notifyClosed(): void {
    const w = this.#closeWaiters;
    this.#closeWaiters = [];
    for (const r of w) r();
  }

  #ensureSweeper(): void {
    if (this.#sweeper !== null) return;
    this.#sweeper = setInterval(() => this.#sweep(), SWEEP_MS);
    this.#sweeper.unref();
  }

  #stopSweeper(): void {
    if (this.#sweeper === null) return;
    clearInterval(this.#sweeper);
    this.#sweeper = null;
  }

  #sweep(): void {
    const now = Date.now();
    for (const c of this.#all) {
      if (c.req !== null) {
        if (c.deadline > 0 && now >= c.deadline && !c.paused) {
          const code = c.deadlineCode;
          this.#fail(
            c,
            new UpstreamClientError(
              code,
              code === 'UND_ERR_HEADERS_TIMEOUT' ? 'upstream headers timeout' : 'upstream body timeout',
            ),
          );
        }
      } else if (c.idleDeadline > 0 && now >= c.idleDeadline) {
        const i = this.#idle.indexOf(c);
        if (i >= 0) this.#idle.splice(i, 1);
        this.#kill(c);
      }
    }
    if (this.#all.size === 0) this.#stopSweeper();
  }

  // ---- one exchange -----------------------------------------------------------------------------

  #start(c: Conn, p: Pending): void {
    c.req = p;
    p.conn = c;
    c.reused = c.served > 0;
    c.gotBytes = false;
    c.errored = false;
    c.reusable = true;
    c.status = 0;
    c.framing = B_NONE;
    c.trailers = null;
    c.trailerBytes = 0;
    c.paused = false;
    c.deadline = 0;
    c.idleDeadline = 0;
    c.headersTimeout = p.opts.headersTimeout ?? this.#opts.headersTimeout;
    const abort = (err?: Error) => {
      const cur = p.conn;
      if (cur === null || cur.req !== p || cur.errored) return;
      this.#fail(cur, err ?? new UpstreamClientError('UND_ERR_ABORTED', 'request aborted'));
    };
    p.handler.onConnect?.(abort);
    if (c.req !== p) return; // aborted inside onConnect
    if (c.connected) this.#send(c);
  }

  /** Writes the request head and body. */
  #send(c: Conn): void {
    const p = c.req!;
    const o = p.opts;
    const body = o.body ?? null;
    let head: string;
    try {
      head = this.#head(o, body);
    } catch (err) {
      this.#fail(c, err as Error);
      return;
    }
    const s = c.socket;
    if (body === null) {
      c.bodyDone = true;
      s.write(head, 'latin1');
      this.#armHeaders(c);
      return;
    }
    if (Buffer.isBuffer(body)) {
      c.bodyDone = true;
      s.cork();
      s.write(head, 'latin1');
      if (body.length > 0) s.write(body);
      s.uncork();
      this.#armHeaders(c);
      return;
    }
    c.bodyDone = false;
    const expected = streamLength(o.headers);
    if (typeof (body as Readable).on === 'function' && typeof (body as Readable).pause === 'function') {
      // Head and the body bytes already buffered (a small body that arrived with the request head) leave in
      // one write.
      s.cork();
      s.write(head, 'latin1');
      this.#pipeReadable(c, body as Readable, expected);
      s.uncork();
    } else {
      s.write(head, 'latin1');
      void this.#pipeIterable(c, body as AsyncIterable<Buffer>, expected);
    }
  }

  #head(o: H1DispatchOptions, body: unknown): string {
    if (!TOKEN.test(o.method)) throw new UpstreamClientError('UND_ERR_INVALID_ARG', 'invalid method');
    if (o.path.length === 0 || BAD_PATH.test(o.path)) {
      throw new UpstreamClientError('UND_ERR_INVALID_ARG', 'invalid request path');
    }
    let out = `${o.method} ${o.path} HTTP/1.1\r\n`;
    let host = false;
    let hasCl = false;
    const h = o.headers;
    if (h) {
      for (const k in h) {
        const v = h[k];
        if (v === undefined) continue;
        const lk =
          k.length === 14 || k.length === 17 || k.length === 4 || k.length === 10 ? k.toLowerCase() : '';
        if (lk === 'transfer-encoding' || lk === 'connection') continue;
        if (lk === 'content-length') {
          if (Buffer.isBuffer(body) || body === null) continue;
          // Framing of a streamed body: exactly one decimal value, or the body would be misframed upstream.
          if (hasCl || typeof v !== 'string' || !/^\d{1,15}$/.test(v)) {
            throw new UpstreamClientError('UND_ERR_INVALID_ARG', 'invalid content-length header');
          }
          hasCl = true;
        }
        if (lk === 'host') {
          if (host) continue; // one Host only, whatever the key's case
          host = true;
        }
        if (!TOKEN.test(k)) throw new UpstreamClientError('UND_ERR_INVALID_ARG', `invalid header name ${k}`);
        if (typeof v === 'string') {
          if (BAD_REQ_VALUE.test(v))
            throw new UpstreamClientError('UND_ERR_INVALID_ARG', `invalid ${k} header`);
          out += `${k}: ${v}\r\n`;
        } else {
          for (const x of v) {
            if (BAD_REQ_VALUE.test(x))
              throw new UpstreamClientError('UND_ERR_INVALID_ARG', `invalid ${k} header`);
            out += `${k}: ${x}\r\n`;
          }
        }
      }
    }
    if (!host) out += `host: ${this.#hostHeader}\r\n`;
    if (Buffer.isBuffer(body)) out += `content-length: ${body.length}\r\n`;
    else if (body === null) {
      if (o.method === 'POST' || o.method === 'PUT' || o.method === 'PATCH') out += 'content-length: 0\r\n';
    } else if (!hasCl) out += 'transfer-encoding: chunked\r\n';
    return `${out}\r\n`;
  }

  #armHeaders(c: Conn): void {
    c.deadlineCode = 'UND_ERR_HEADERS_TIMEOUT';
    c.deadline = c.headersTimeout > 0 ? Date.now() + c.headersTimeout : 0;
  }

  #pipeReadable(c: Conn, body: Readable, expected: number): void {
    const p = c.req!;
    const s = c.socket;
    const chunked = expected < 0;
    let sent = 0;
    let waitingDrain = false;
    const onDrain = () => {
      waitingDrain = false;
      body.resume();
    };
    const cleanup = () => {
      body.off('data', onData);
      body.off('end', onEnd);
      body.off('error', onError);
      s.off('drain', onDrain);
      // The stream may still fail later (client gone): never as an unhandled 'error'.
      body.on('error', noop);
    };
    const onData = (chunk: Buffer) => {
      sent += chunk.length;
      if (!chunked && sent > expected) {
        cleanup();
        this.#failIf(
          c,
          p,
          new UpstreamClientError('UND_ERR_REQ_CONTENT_LENGTH_MISMATCH', 'request body too long'),
        );
        return;
      }
      let ok: boolean;
      if (chunked) {
        if (chunk.length === 0) return;
        s.cork();
        s.write(`${chunk.length.toString(16)}\r\n`, 'latin1');
        s.write(chunk);
        ok = s.write(CRLF);
        s.uncork();
      } else ok = s.write(chunk);
      if (!ok) {
        waitingDrain = true;
        body.pause();
        s.once('drain', onDrain);
      }
    };
    const onEnd = () => {
      cleanup();
      c.stopBody = null;
      if (!chunked && sent !== expected) {
        this.#failIf(
          c,
          p,
          new UpstreamClientError('UND_ERR_REQ_CONTENT_LENGTH_MISMATCH', 'request body too short'),
        );
        return;
      }
      if (chunked) s.write(LAST_CHUNK);
      this.#bodySent(c, p);
    };
    const onError = (err: Error) => {
      cleanup();
      c.stopBody = null;
      this.#failIf(c, p, err);
    };
    c.stopBody = cleanup;
    // What the stream holds already is written now (corked with the head by #send), not a tick later.
    while (!waitingDrain && c.req === p && !body.destroyed && body.readableLength > 0) {
      const chunk = body.read() as Buffer | null;
      if (chunk === null) break;
      onData(chunk);
    }
    if (c.req !== p || c.stopBody !== cleanup) return; // failed on those bytes (body too long)
    body.on('data', onData);
    body.once('end', onEnd);
    body.once('error', onError);
    if (!waitingDrain && body.isPaused?.()) body.resume();
  }

  async #pipeIterable(c: Conn, body: AsyncIterable<Buffer>, expected: number): Promise<void> {
    const p = c.req!;
    const s = c.socket;
    const chunked = expected < 0;
    let sent = 0;
    let stopped = false;
    c.stopBody = () => {
      stopped = true;
    };
    try {
      for await (const raw of body) {
        if (stopped || c.req !== p) return;
        const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw as Uint8Array);
        sent += chunk.length;
        if (!chunked && sent > expected) {
          throw new UpstreamClientError('UND_ERR_REQ_CONTENT_LENGTH_MISMATCH', 'request body too long');
        }
        let ok: boolean;
        if (chunked) {
          if (chunk.length === 0) continue;
          s.cork();
          s.write(`${chunk.length.toString(16)}\r\n`, 'latin1');
          s.write(chunk);
          ok = s.write(CRLF);
          s.uncork();
        } else ok = s.write(chunk);
        if (!ok) {
          await new Promise<void>((r) => {
            const done = () => {
              s.off('drain', done);
              s.off('close', done);
              r();
            };
            s.on('drain', done);
            s.on('close', done);
          });
        }
      }
      if (stopped || c.req !== p) return;
      if (!chunked && sent !== expected) {
        throw new UpstreamClientError('UND_ERR_REQ_CONTENT_LENGTH_MISMATCH', 'request body too short');
      }
      if (chunked) s.write(LAST_CHUNK);
      c.stopBody = null;
      this.#bodySent(c, p);
    } catch (err) {
      c.stopBody = null;
      if (!stopped) this.#failIf(c, p, err as Error);
    }
  }

  #bodySent(c: Conn, p: Pending): void {
    if (c.req !== p) return;
    c.bodyDone = true;
    if (c.status === 0) this.#armHeaders(c);
  }

  /** Fails the exchange only if `p` is still the one on `c`. */
  #failIf(c: Conn, p: Pending, err: Error): void {
    if (c.req === p && !c.errored) this.#fail(c, err);
  }

  /** Ends the exchange with an error (the connection is never reused) or drops a broken idle connection. */
  #fail(c: Conn, err: Error): void {
    const p = c.req;
    if (p === null || c.errored) {
      if (p === null) {
        const i = this.#idle.indexOf(c);
        if (i >= 0) this.#idle.splice(i, 1);
        this.#kill(c);
        this.#next();
        this.#maybeClosed();
      }
      return;
    }
    // A kept-alive connection the upstream closed while idle: nothing of the response arrived. The upstream most
    // likely closed it before reading the request, but it may have read it and failed: replay once on a fresh
    // connection only for an idempotent method whose body can be sent again.
    const stale =
      c.reused &&
      !c.gotBytes &&
      (err as { code?: string }).code === 'UND_ERR_SOCKET' &&
      IDEMPOTENT.has(p.opts.method) &&
      (p.opts.body == null || Buffer.isBuffer(p.opts.body));
    c.errored = true;
    c.reusable = false;
    this.#kill(c);
    c.req = null;
    if (stale) {
      c.errored = false;
      const fresh = this.#connect();
      fresh.req = p;
      p.conn = fresh;
      fresh.headersTimeout = p.opts.headersTimeout ?? this.#opts.headersTimeout;
      this.#maybeClosed();
      return;
    }
    try {
      p.handler.onError?.(err);
    } finally {
      this.#next();
      this.#maybeClosed();
    }
  }

  #onEnd(c: Conn): void {
    if (c.req !== null && c.framing === B_CLOSE && c.status !== 0) {
      c.reusable = false;
      this.#complete(c);
      return;
    }
    if (c.req !== null) this.#fail(c, new UpstreamClientError('UND_ERR_SOCKET', 'other side closed'));
    else this.#fail(c, new UpstreamClientError('UND_ERR_SOCKET', 'other side closed'));
  }

  #onClose(c: Conn): void {
    if (c.req !== null && !c.errored) {
      if (c.framing === B_CLOSE && c.status !== 0) {
        c.reusable = false;
        this.#complete(c);
        return;
      }
      this.#fail(c, new UpstreamClientError('UND_ERR_SOCKET', 'other side closed'));
      return;
    }
    if (!c.dead) {
      const i = this.#idle.indexOf(c);
      if (i >= 0) this.#idle.splice(i, 1);
      c.dead = true;
      this.#all.delete(c);
      this.#next();
      this.#maybeClosed();
    }
  }

  #onData(c: Conn, d: Buffer): void {
    if (c.req === null || c.errored) {
      // Bytes on an idle connection: the upstream is out of step; never reuse it.
      this.#fail(c, new UpstreamClientError('UND_ERR_SOCKET', 'unexpected data on an idle connection'));
      return;
    }
    c.gotBytes = true;
    if (c.paused) {
      c.pendingData = c.pendingData === null ? d : Buffer.concat([c.pendingData, d]);
      return;
    }
    this.#parse(c, d);
  }

  #parse(c: Conn, d: Buffer): void {
    let buf = d;
    while (buf.length > 0) {
      const p = c.req;
      if (p === null || c.errored) return;
      if (c.status === 0) {
        // Response head.
        let start = 0;
        if (c.head !== null) {
          start = Math.max(0, c.head.length - 3);
          buf = Buffer.concat([c.head, buf]);
          c.head = null;
        }
        const end = buf.indexOf(CRLF2, start);
        if (end < 0) {
          if (hasBareLf(buf, start)) {
            this.#fail(
              c,
              new UpstreamClientError('HPE_INVALID_RESPONSE', 'invalid upstream response: bare LF'),
            );
            return;
          }
          if (buf.length > this.#maxHeader) {
            this.#fail(
              c,
              new UpstreamClientError('UND_ERR_HEADERS_OVERFLOW', 'upstream response head too large'),
            );
            return;
          }
          c.head = buf;
          return;
        }
        if (end + 4 > this.#maxHeader) {
          this.#fail(
            c,
            new UpstreamClientError('UND_ERR_HEADERS_OVERFLOW', 'upstream response head too large'),
          );
          return;
        }
        const rest = buf.subarray(end + 4);
        if (!this.#onHead(c, buf.toString('latin1', 0, end))) return;
        buf = rest;
        if (c.req !== p) return;
        if (c.status === 0) continue; // 1xx skipped
        if (c.paused) {
          c.pendingData = buf; // completion (no body) waits for resume too
          return;
        }
        if (c.framing === B_NONE) {
          if (buf.length > 0) c.reusable = false;
          this.#complete(c);
          return;
        }
        continue;
      }
      buf = this.#body(c, buf);
      if (c.paused && buf.length > 0) {
        c.pendingData = buf;
        return;
      }
    }
  }

  /** Parses the head; false when the exchange failed. Sets status/framing, calls onHeaders. */
  #onHead(c: Conn, text: string): boolean {
    const bad = (why: string) => {
      this.#fail(c, new UpstreamClientError('HPE_INVALID_RESPONSE', `invalid upstream response: ${why}`));
      return false;
    };
    const lines = text.split('\r\n');
    const sl = lines[0]!;
    if (
      sl.length < 12 ||
      !sl.startsWith('HTTP/1.') ||
      (sl.charCodeAt(7) !== 49 && sl.charCodeAt(7) !== 48) ||
      sl.charCodeAt(8) !== 32 ||
      (sl.length > 12 && sl.charCodeAt(12) !== 32)
    ) {
      return bad('status line');
    }
    const status = Number(sl.slice(9, 12));
    if (!/^[1-9]\d\d$/.test(sl.slice(9, 12))) return bad('status code');
    if (sl.length > 13 && BAD_VALUE.test(sl)) return bad('status line');
    const http10 = sl.charCodeAt(7) === 48;
    const raw: string[] = [];
    let cl = -1;
    let chunked = false;
    let te = false;
    let close = http10;
    let keepAliveMs = -1;
    for (let i = 1; i < lines.length; i++) {
      const l = lines[i]!;
      const colon = l.indexOf(':');
      if (colon <= 0) return bad('header line');
      const name = l.slice(0, colon);
      if (!TOKEN.test(name)) return bad('header name');
      const value = owsTrim(l.slice(colon + 1));
      if (BAD_VALUE.test(value)) return bad('header value');
      const n = name.length;
      if (n === 14 || n === 17 || n === 10) {
        const lk = name.toLowerCase();
        if (lk === 'content-length') {
          for (const part of value.split(',')) {
            const t = owsTrim(part);
            if (!/^\d{1,15}$/.test(t)) return bad('content-length');
            const v = Number(t);
            if (cl >= 0 && cl !== v) return bad('conflicting content-length');
            cl = v;
          }
        } else if (lk === 'transfer-encoding') {
          te = true;
          const codings = value.toLowerCase().split(',');
          if (codings.length !== 1 || owsTrim(codings[0]!) !== 'chunked' || chunked) {
            return bad('transfer-encoding');
          }
          chunked = true;
        } else if (lk === 'connection') {
          const v = value.toLowerCase();
          if (/(?:^|,)\s*close\s*(?:,|$)/.test(v)) close = true;
          else if (http10 && /(?:^|,)\s*keep-alive\s*(?:,|$)/.test(v)) close = false;
        } else if (lk === 'keep-alive') {
          const m = /timeout\s*=\s*(\d+)/i.exec(value);
          if (m) keepAliveMs = Number(m[1]) * 1000;
        }
      }
      raw.push(name, value);
    }
    if (te && cl >= 0) return bad('both content-length and transfer-encoding');
    if (status < 200) {
      if (status === 101) return bad('unexpected 101');
      // 1xx (100 Continue, 103 Early Hints): skipped; the final response follows.
      return true;
    }
    const p = c.req!;
    c.status = status;
    c.deadline = 0;
    if (close) c.reusable = false;
    if (keepAliveMs >= 0) {
      // The upstream announced how long it keeps the connection: stop reusing it a second early.
      c.idleKeep = Math.min(this.#opts.keepAliveTimeout, Math.max(0, keepAliveMs - 1000));
      if (c.idleKeep === 0) c.reusable = false;
    }
    if (p.opts.method === 'HEAD' || status === 204 || status === 304) c.framing = B_NONE;
    else if (chunked) {
      c.framing = B_CHUNKED;
      c.chunkState = C_SIZE;
      c.chunkLine = '';
    } else if (cl >= 0) {
      c.framing = cl === 0 ? B_NONE : B_LENGTH;
      c.remaining = cl;
    } else {
      c.framing = B_CLOSE;
      c.reusable = false;
    }
    if (!c.bodyDone) {
      // Answered before the request body was sent (e.g. 413): stop sending and never reuse.
      c.reusable = false;
      c.stopBody?.();
      c.stopBody = null;
    }
    this.#armBody(c);
    const statusText = sl.length > 13 ? sl.slice(13) : '';
    const resume = () => this.#resume(c, p);
    let cont: boolean;
    try {
      cont = p.handler.onHeaders?.(status, raw, resume, statusText) ?? true;
    } catch (err) {
      this.#fail(c, err as Error);
      return false;
    }
    if (cont === false && c.req === p) this.#pause(c);
    return true;
  }

  #armBody(c: Conn): void {
    c.deadlineCode = 'UND_ERR_BODY_TIMEOUT';
    const t = this.#opts.bodyTimeout;
    c.deadline = t > 0 ? Date.now() + t : 0;
  }

  #pause(c: Conn): void {
    c.paused = true;
    c.socket.pause();
  }

  #resume(c: Conn, p: Pending): void {
    if (c.req !== p || !c.paused) return;
    c.paused = false;
    this.#armBody(c);
    const pending = c.pendingData;
    c.pendingData = null;
    if (c.framing === B_NONE || (c.framing === B_LENGTH && c.remaining === 0)) {
      if (pending !== null && pending.length > 0) c.reusable = false;
      c.socket.resume();
      this.#complete(c);
      return;
    }
    if (pending !== null && pending.length > 0) this.#parse(c, pending);
    // Also when the exchange completed on the pending bytes: the connection (idle or carrying the next
    // exchange) must read again.
    if (!c.paused) c.socket.resume();
  }

  /** Consumes body bytes; returns what is left of `buf` (non-empty only when paused or done). */
  #body(c: Conn, buf: Buffer): Buffer {
    const p = c.req!;
    if (this.#opts.bodyTimeout > 0) c.deadline = Date.now() + this.#opts.bodyTimeout;
    switch (c.framing) {
      case B_LENGTH: {
        const n = Math.min(c.remaining, buf.length);
        const part = n === buf.length ? buf : buf.subarray(0, n);
        c.remaining -= n;
        const rest = buf.subarray(n);
        if (!this.#deliver(c, p, part)) return c.req === p ? rest : Buffer.alloc(0);
        if (c.remaining === 0) {
          if (rest.length > 0) c.reusable = false;
          this.#complete(c);
          return Buffer.alloc(0);
        }
        return rest;
      }
      case B_CLOSE:
        this.#deliver(c, p, buf);
        return Buffer.alloc(0);
      case B_CHUNKED:
        return this.#chunked(c, p, buf);
      default:
        return Buffer.alloc(0);
    }
  }

  /** Hands a body chunk to the handler; false when it asked to pause (or the exchange ended). */
  #deliver(c: Conn, p: Pending, chunk: Buffer): boolean {
    if (chunk.length === 0) return true;
    let cont: boolean;
    try {
      cont = p.handler.onData?.(chunk) ?? true;
    } catch (err) {
      this.#fail(c, err as Error);
      return false;
    }
    if (c.req !== p) return false;
    if (cont === false) {
      this.#pause(c);
      return false;
    }
    return true;
  }

  #chunked(c: Conn, p: Pending, buf: Buffer): Buffer {
    let i = 0;
    const bad = (why: string) => {
      this.#fail(c, new UpstreamClientError('HPE_INVALID_CHUNK_SIZE', `invalid chunked response: ${why}`));
      return Buffer.alloc(0);
    };
    while (i < buf.length) {
      if (c.req !== p) return Buffer.alloc(0);
      switch (c.chunkState) {
        case C_SIZE:
        case C_TRAILERS: {
          const nl = buf.indexOf(10, i);
          const take = nl < 0 ? buf.length : nl + 1;
          c.chunkLine += buf.toString('latin1', i, take);
          i = take;
          if (c.chunkLine.length > MAX_CHUNK_LINE) return bad('line too long');
          if (nl < 0) return Buffer.alloc(0);
          const line = c.chunkLine;
          c.chunkLine = '';
          if (line.length < 2 || line.charCodeAt(line.length - 2) !== 13) return bad('bare LF');
          const body = line.slice(0, -2);
          if (c.chunkState === C_SIZE) {
            const semi = body.indexOf(';');
            const hex = semi < 0 ? body : body.slice(0, semi);
            if (!/^[0-9a-fA-F]{1,13}$/.test(hex)) return bad('chunk size');
            if (semi >= 0 && BAD_VALUE.test(body.slice(semi))) return bad('chunk extension');
            const size = Number.parseInt(hex, 16);
            if (size === 0) c.chunkState = C_TRAILERS;
            else {
              c.remaining = size;
              c.chunkState = C_DATA;
            }
          } else {
            if (body.length === 0) {
              if (i < buf.length) c.reusable = false;
              this.#complete(c);
              return Buffer.alloc(0);
            }
            const colon = body.indexOf(':');
            if (colon <= 0 || !TOKEN.test(body.slice(0, colon))) return bad('trailer line');
            const value = owsTrim(body.slice(colon + 1));
            if (BAD_VALUE.test(value)) return bad('trailer value');
            if (c.trailers === null) c.trailers = [];
            c.trailerBytes += line.length;
            if (c.trailers.length > 200 || c.trailerBytes > this.#maxHeader) return bad('trailers too large');
            c.trailers.push(body.slice(0, colon), value);
          }
          break;
        }
        case C_DATA: {
          const n = Math.min(c.remaining, buf.length - i);
          const part = buf.subarray(i, i + n);
          i += n;
          c.remaining -= n;
          if (c.remaining === 0) c.chunkState = C_DATA_CRLF;
          if (!this.#deliver(c, p, part)) return c.req === p ? buf.subarray(i) : Buffer.alloc(0);
          break;
        }
        case C_DATA_CRLF: {
          // Exactly CRLF after the data.
          const ch = buf[i]!;
          if (c.chunkLine.length === 0) {
            if (ch !== 13) return bad('missing CRLF after chunk data');
            c.chunkLine = '\r';
          } else {
            if (ch !== 10) return bad('missing CRLF after chunk data');
            c.chunkLine = '';
            c.chunkState = C_SIZE;
          }
          i++;
          break;
        }
      }
    }
    return Buffer.alloc(0);
  }

  #complete(c: Conn): void {
    const p = c.req!;
    const trailers = c.trailers;
    c.deadline = 0;
    c.req = null;
    p.conn = null;
    if (!c.bodyDone) c.reusable = false;
    try {
      p.handler.onComplete?.(trailers);
    } finally {
      this.#release(c);
    }
  }
}
