import { EventEmitter } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type net from 'node:net';
import { Readable } from 'node:stream';

/**
 * A fast path for the plainest HTTP/1.1 requests on cleartext listeners, in front of node:http.
 *
 * node:http's IncomingMessage/ServerResponse streams cost about as much CPU per proxied request as the rest of
 * the gateway. Most API traffic is simple: a complete `GET`/`HEAD`/`DELETE`/`OPTIONS` head, HTTP/1.1, no body.
 * This module parses such heads itself and hands the pipeline light request/response objects with the subset of
 * the node:http API the pipeline uses. Everything else is handed to node:http's own connection handling at a
 * message boundary, with the bytes not yet parsed, so the battle-tested parser sees every unusual request:
 * a head split across reads (slowloris), a body (`Content-Length`, `Transfer-Encoding`), `Expect`, `Upgrade`,
 * a repeated header (node's merge rules), obsolete line folding, a control character, HTTP/1.0, an absolute-form
 * or asterisk target, more header bytes or fields than allowed. Once handed over, the connection stays with
 * node:http.
 *
 * The accepted subset is strictly narrower than what node:http accepts, so a request this path serves is one node
 * would have parsed the same way: request line `METHOD SP origin-form SP HTTP/1.1`, header names are tokens,
 * values hold only HTAB, visible ASCII, SP and obs-text, CRLF line ends only, exactly one Host.
 */

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Strips optional whitespace (SP, HTAB) at both ends, nothing else (JS trim() would also take VT, FF, NBSP). */
function owsTrim(v: string): string {
  let a = 0;
  let b = v.length;
  while (a < b && (v.charCodeAt(a) === 32 || v.charCodeAt(a) === 9)) a++;
  while (b > a && (v.charCodeAt(b - 1) === 32 || v.charCodeAt(b - 1) === 9)) b--;
  return a === 0 && b === v.length ? v : v.slice(a, b);
}
/** Field values node accepts and we pass on: HTAB, SP, VCHAR, obs-text. */
const BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
/** Request targets served here: origin-form, visible ASCII only (the pipeline's path hygiene runs next). */
const ORIGIN_FORM = /^\/[\x21-\x7e]*$/;
const HEAD_END = Buffer.from('\r\n\r\n');
const SIMPLE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);
/** Headers that make a request not simple (framing, protocol switches, expectations). */
const NOT_SIMPLE: ReadonlySet<string> = new Set(['transfer-encoding', 'upgrade', 'expect', 'te']);
/** Methods served here with a body: exactly one Content-Length of plain decimal digits (no chunked uploads). */
const BODY_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CONTENT_LENGTH = /^[0-9]{1,15}$/;

/** What the fast path needs from its listener. */
export interface FastPathOptions {
  /** The request handler (the one node:http would call). */
  onRequest(req: IncomingMessage, res: ServerResponse): void;
  limits(): {
    maxHeaderBytes: number;
    maxHeaderCount: number;
    headersTimeoutMs: number;
    keepAliveTimeoutMs: number;
    maxRequestsPerConnection: number;
    requestTimeoutMs: number;
  };
}

/** The fast path of one listener. */
export interface FastPath {
  /** The 'connection' listener that replaces node:http's. */
  onConnection(socket: net.Socket): void;
  /** Closes every connection of the fast path that has no request in flight. */
  closeIdle(): void;
}

let dateCache = '';
let dateAt = 0;
function httpDate(): string {
  const now = Date.now();
  if (now - dateAt >= 1000) {
    dateAt = now - (now % 1000);
    dateCache = new Date(dateAt).toUTCString();
  }
  return dateCache;
}

/** The request object handed to the pipeline: an ended, empty body stream plus node:http's fields. */
class FastRequest extends Readable {
  method: string;
  url: string;
  headers: Record<string, string>;
  rawHeaders: string[];
  readonly httpVersion = '1.1';
  readonly httpVersionMajor = 1;
  readonly httpVersionMinor = 1;
  readonly socket: net.Socket;
  readonly connection: net.Socket;
  complete: boolean;
  aborted = false;
  /** Set while the body streams in: the connection to ask for more when the consumer wants it. */
  feeder: FastConn | null = null;
  readonly trailers: Record<string, string> = {};
  readonly rawTrailers: string[] = [];

  constructor(
    socket: net.Socket,
    method: string,
    url: string,
    headers: Record<string, string>,
    raw: string[],
    hasBody: boolean,
  ) {
    super();
    this.socket = socket;
    this.connection = socket;
    this.method = method;
    this.url = url;
    this.headers = headers;
    this.rawHeaders = raw;
    this.complete = !hasBody;
    if (!hasBody) this.push(null);
  }

  override _read(): void {
    this.feeder?.bodyWanted(this);
  }
}

/** The response object handed to the pipeline: the node:http ServerResponse subset the gateway uses. */
class FastResponse extends EventEmitter {
  readonly conn: FastConn;
  readonly req: FastRequest;
  statusCode = 200;
  statusMessage = '';
  headersSent = false;
  writableEnded = false;
  writableFinished = false;
  finished = false;
  shouldKeepAlive: boolean;
  sendDate = true;
  #destroyed = false;
  #head = '';
  #headFlushed = false;
  #chunked = false;
  #noBody = false;
  #closeAfter = false;
  #trailers: Record<string, string> | null = null;
  #closed = false;

  constructor(conn: FastConn, req: FastRequest, keepAlive: boolean) {
    super();
    this.conn = conn;
    this.req = req;
    this.shouldKeepAlive = keepAlive;
  }

  get destroyed(): boolean {
    const s = this.conn.socket;
    return this.#destroyed || s.destroyed || !s.writable;
  }

  get socket(): net.Socket {
    return this.conn.socket;
  }

  get writable(): boolean {
    return !this.writableEnded && !this.destroyed;
  }

  /** Builds the head (not written until the first write or end, so head and body leave together). */
  writeHead(status: number, a?: unknown, b?: unknown): this {
    if (this.headersSent)
      throw Object.assign(new Error('Cannot write headers after they are sent'), {
        code: 'ERR_HTTP_HEADERS_SENT',
      });
    const headers = (typeof a === 'string' ? b : a) as
      | Record<string, string | number | readonly string[] | undefined>
      | undefined;
    if (!Number.isInteger(status) || status < 100 || status > 999) {
      throw Object.assign(new RangeError(`Invalid status code: ${status}`), {
        code: 'ERR_HTTP_INVALID_STATUS_CODE',
      });
    }
    const reason = typeof a === 'string' ? a : (http.STATUS_CODES[status] ?? 'unknown');
    if (BAD_VALUE.test(reason))
      throw Object.assign(new TypeError('Invalid character in statusMessage'), { code: 'ERR_INVALID_CHAR' });
    let out = `HTTP/1.1 ${status} ${reason}\r\n`;
    let hasLength = false;
    let hasDate = false;
    let te = false;
    let connection: string | undefined;
    if (headers) {
      for (const k in headers) {
        const v = headers[k];
        if (v === undefined) continue;
        if (!TOKEN.test(k))
          throw Object.assign(new TypeError(`Header name must be a valid HTTP token ["${k}"]`), {
            code: 'ERR_INVALID_HTTP_TOKEN',
          });
        const n = k.length;
        let lk = '';
        if (n === 14 || n === 17 || n === 10 || n === 4) lk = k.toLowerCase();
        if (Array.isArray(v)) {
          for (const x of v) {
            const s = String(x);
            if (BAD_VALUE.test(s))
              throw Object.assign(new TypeError(`Invalid character in header content ["${k}"]`), {
                code: 'ERR_INVALID_CHAR',
              });
            out += `${k}: ${s}\r\n`;
          }
        } else {
          const s = typeof v === 'string' ? v : String(v);
          if (BAD_VALUE.test(s))
            throw Object.assign(new TypeError(`Invalid character in header content ["${k}"]`), {
              code: 'ERR_INVALID_CHAR',
            });
          out += `${k}: ${s}\r\n`;
          if (lk === 'connection') connection = s.toLowerCase();
        }
        if (lk === 'content-length') hasLength = true;
        else if (lk === 'date') hasDate = true;
        else if (lk === 'transfer-encoding') te = true;
      }
    }
    this.statusCode = status;
    this.#noBody =
      this.req.method === 'HEAD' || status === 204 || status === 304 || (status >= 100 && status < 200);
    if (connection !== undefined && /(?:^|,)\s*close\s*(?:,|$)/.test(connection)) this.#closeAfter = true;
    if (!this.shouldKeepAlive) this.#closeAfter = true;
    if (this.sendDate && !hasDate) out += `Date: ${httpDate()}\r\n`;
    if (connection === undefined) {
      if (this.#closeAfter) out += 'Connection: close\r\n';
      else {
        // As node:http words it: the configured maximum, when there is one.
        const max = this.conn.path.opts.limits().maxRequestsPerConnection;
        out += `Connection: keep-alive\r\nKeep-Alive: timeout=${Math.floor(this.conn.keepAliveMs() / 1000)}${max > 0 ? `, max=${max}` : ''}\r\n`;
      }
    }
    if (!this.#noBody && !hasLength) {
      if (te)
        this.#chunked = true; // the caller framed it; only chunked is ever set by the gateway
      else {
        this.#chunked = true;
        out += 'Transfer-Encoding: chunked\r\n';
      }
    }
    this.#head = `${out}\r\n`;
    this.headersSent = true;
    return this;
  }

  /** The head with node's defaults, for a response ended without writeHead. */
  #ensureHead(): void {
    if (!this.headersSent) this.writeHead(this.statusCode);
  }

  write(
    chunk: string | Buffer | Uint8Array,
    encoding?: BufferEncoding | (() => void),
    cb?: () => void,
  ): boolean {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (this.writableEnded || this.destroyed) return false;
    this.#ensureHead();
    const s = this.conn.socket;
    let body: Buffer | null = null;
    if (!this.#noBody) {
      body =
        typeof chunk === 'string'
          ? Buffer.from(chunk, encoding ?? 'utf8')
          : Buffer.isBuffer(chunk)
            ? chunk
            : Buffer.from(chunk);
    }
    let ok: boolean;
    s.cork();
    if (!this.#headFlushed) {
      this.#headFlushed = true;
      s.write(this.#head, 'latin1');
    }
    if (body === null || body.length === 0) ok = s.writableLength < s.writableHighWaterMark;
    else if (this.#chunked) {
      s.write(`${body.length.toString(16)}\r\n`, 'latin1');
      s.write(body);
      ok = s.write('\r\n', 'latin1', cb);
      cb = undefined;
    } else {
      ok = s.write(body, cb);
      cb = undefined;
    }
    s.uncork();
    if (cb) process.nextTick(cb);
    if (!ok) s.once('drain', () => this.emit('drain'));
    return ok;
  }

  end(
    chunk?: string | Buffer | Uint8Array | (() => void),
    encoding?: BufferEncoding | (() => void),
    cb?: () => void,
  ): this {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
    }
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (this.writableEnded) return this;
    if (this.destroyed) {
      this.writableEnded = true;
      return this;
    }
    this.#ensureHead();
    const s = this.conn.socket;
    // Everything still to send, as one write whose callback marks the response finished.
    let out = '';
    const parts: Buffer[] = [];
    if (!this.#headFlushed) {
      this.#headFlushed = true;
      out = this.#head;
    }
    if (chunk !== undefined && !this.#noBody) {
      const body =
        typeof chunk === 'string'
          ? Buffer.from(chunk, encoding ?? 'utf8')
          : Buffer.isBuffer(chunk)
            ? chunk
            : Buffer.from(chunk);
      if (body.length > 0) {
        if (this.#chunked) {
          out += `${body.length.toString(16)}\r\n`;
          parts.push(Buffer.from(out, 'latin1'), body);
          out = '\r\n';
        } else {
          if (out !== '') parts.push(Buffer.from(out, 'latin1'));
          parts.push(body);
          out = '';
        }
      }
    }
    if (this.#chunked && !this.#noBody) {
      out += '0\r\n';
      if (this.#trailers !== null) for (const k in this.#trailers) out += `${k}: ${this.#trailers[k]}\r\n`;
      out += '\r\n';
    }
    if (out !== '') parts.push(Buffer.from(out, 'latin1'));
    this.writableEnded = true;
    this.finished = true;
    const done = (err?: Error | null) => {
      if (!err) this.#onFlushed(cb);
    };
    if (parts.length === 0) process.nextTick(done);
    else if (parts.length === 1) s.write(parts[0]!, done);
    else s.write(Buffer.concat(parts), done);
    return this;
  }

  #onFlushed(cb?: () => void): void {
    this.writableFinished = true;
    cb?.();
    this.emit('finish');
    this.conn.responseDone(this, this.#closeAfter);
    this.emitClose();
  }

  /** 'close', once: after 'finish', or when the connection goes away first. */
  emitClose(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.emit('close');
  }

  addTrailers(t: Record<string, string>): void {
    for (const k in t) {
      if (!TOKEN.test(k) || BAD_VALUE.test(String(t[k])))
        throw Object.assign(new TypeError('Invalid trailer'), { code: 'ERR_INVALID_CHAR' });
    }
    this.#trailers = { ...(this.#trailers ?? {}), ...t };
  }

  writeContinue(): void {
    // Requests with `Expect` never take this path.
  }

  removeHeader(_name: string): void {
    // Headers are only ever given to writeHead here; nothing is stored to remove.
  }

  setHeader(_name: string, _value: unknown): this {
    return this;
  }

  getHeader(_name: string): undefined {
    return undefined;
  }

  destroy(_err?: Error): this {
    if (this.#destroyed) return this;
    this.#destroyed = true;
    this.conn.socket.destroy();
    return this;
  }
}

/** One connection served by the fast path (until it is handed to node:http). */
class FastConn {
  readonly socket: net.Socket;
  readonly path: FastPathImpl;
  pending: Buffer | null = null;
  current: FastResponse | null = null;
  served = 0;
  handedOff = false;
  gotBytes = false;
  /** The request whose body is streaming in, and how many of its bytes are still to come. */
  body: FastRequest | null = null;
  bodyLeft = 0;
  bodyTimer: NodeJS.Timeout | null = null;
  readonly onData: (d: Buffer) => void;
  /** This connection's 'timeout' listener (a lookup among all connections would cost O(n) per timeout). */
  readonly onTimeout: () => void;

  constructor(socket: net.Socket, path: FastPathImpl) {
    this.socket = socket;
    this.path = path;
    this.onData = (d: Buffer) => this.#onData(d);
    this.onTimeout = () => path.timedOut(this);
  }

  keepAliveMs(): number {
    return this.path.opts.limits().keepAliveTimeoutMs;
  }

  #onData(d: Buffer): void {
    this.gotBytes = true;
    if (this.body !== null) {
      this.#feed(d);
      return;
    }
    if (this.current !== null || this.pending !== null) {
      // A request is in flight (pipelining): keep the bytes, read no more until it is answered.
      this.pending = this.pending === null ? d : Buffer.concat([this.pending, d]);
      this.socket.pause();
      return;
    }
    this.process(d);
  }

  /** Serves the head at the start of `buf`, or hands the connection over. */
  process(buf: Buffer): void {
    const limits = this.path.opts.limits();
    const end = buf.indexOf(HEAD_END);
    if (end < 0 || end + 4 > limits.maxHeaderBytes) {
      this.handOff(buf);
      return;
    }
    const parsed = parseSimpleHead(buf.toString('latin1', 0, end), limits.maxHeaderCount);
    if (parsed === null) {
      this.handOff(buf);
      return;
    }
    const rest = end + 4 < buf.length ? buf.subarray(end + 4) : null;
    this.served++;
    const max = limits.maxRequestsPerConnection;
    const keepAlive = !parsed.close && !(max > 0 && this.served >= max);
    const hasBody = parsed.bodyLength > 0;
    const req = new FastRequest(this.socket, parsed.method, parsed.url, parsed.headers, parsed.raw, hasBody);
    const res = new FastResponse(this, req, keepAlive);
    this.current = res;
    this.socket.setTimeout(0);
    if (hasBody) {
      this.body = req;
      this.bodyLeft = parsed.bodyLength;
      req.feeder = this;
      if (limits.requestTimeoutMs > 0) {
        // node:http's request timeout (slow POST): the whole body must arrive in time.
        this.bodyTimer = setTimeout(() => this.#bodyTimedOut(), limits.requestTimeoutMs);
        this.bodyTimer.unref();
      }
      if (rest !== null) this.#feed(rest);
    } else {
      this.pending = rest;
      if (rest !== null) this.socket.pause();
    }
    this.path.opts.onRequest(req as unknown as IncomingMessage, res as unknown as ServerResponse);
  }

  /** Body bytes for the streaming request; what follows its end is kept for the next request. */
  #feed(d: Buffer): void {
    const req = this.body!;
    const n = Math.min(this.bodyLeft, d.length);
    this.bodyLeft -= n;
    let more = true;
    if (n > 0) more = req.push(n === d.length ? d : d.subarray(0, n));
    if (this.bodyLeft === 0) {
      this.#bodyDone();
      if (n < d.length) {
        this.pending = this.pending === null ? d.subarray(n) : Buffer.concat([this.pending, d.subarray(n)]);
        this.socket.pause();
      }
      return;
    }
    if (!more) this.socket.pause();
  }

  #bodyDone(): void {
    const req = this.body!;
    this.body = null;
    req.feeder = null;
    req.complete = true;
    if (this.bodyTimer !== null) clearTimeout(this.bodyTimer);
    this.bodyTimer = null;
    req.push(null);
  }

  /** The consumer of the body wants more: read from the socket again. */
  bodyWanted(req: FastRequest): void {
    if (this.body === req && !this.socket.destroyed) this.socket.resume();
  }

  #bodyTimedOut(): void {
    this.bodyTimer = null;
    if (this.body === null) return;
    const s = this.socket;
    if (this.current?.headersSent) {
      s.destroy();
      return;
    }
    // The same answer node:http gives (the listener's clientError handler: 408 problem, connection closed).
    this.path.server.emit(
      'clientError',
      Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }),
      s,
    );
    if (!s.destroyed) s.destroy();
  }

  /** The connection closed: a body still streaming in is cut off (the consumer sees an error, as with node). */
  closed(): void {
    if (this.bodyTimer !== null) clearTimeout(this.bodyTimer);
    this.bodyTimer = null;
    const req = this.body;
    if (req === null) return;
    this.body = null;
    req.feeder = null;
    req.aborted = true;
    req.emit('aborted');
    // As node's IncomingMessage: the error reaches only a consumer listening for it, never as an uncaught one.
    if (req.listenerCount('error') > 0)
      req.destroy(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
    else req.destroy();
  }

  /** The response was flushed: next request, keep-alive wait, or close. */
  responseDone(res: FastResponse, close: boolean): void {
    if (this.current !== res) return;
    this.current = null;
    const s = this.socket;
    // Answered before its body was read (e.g. 401, 413): the rest of the body cannot be told from a next
    // request without reading it; the connection is closed instead.
    if (close || this.path.closing || this.body !== null) {
      s.end();
      s.destroySoon?.();
      return;
    }
    const p = this.pending;
    this.pending = null;
    if (p !== null) {
      s.resume();
      this.process(p);
      return;
    }
    // node:http keeps an idle connection open `keepAliveTimeoutBuffer` past the advertised timeout, so that a
    // client reusing it just before the advertised deadline does not race the close.
    const buffer = (this.path.server as { keepAliveTimeoutBuffer?: number }).keepAliveTimeoutBuffer ?? 0;
    s.setTimeout(this.keepAliveMs() + buffer);
    if (s.isPaused()) s.resume();
  }

  /** Gives the connection to node:http with the bytes not yet parsed. */
  handOff(buf: Buffer | null): void {
    if (this.handedOff) return;
    this.handedOff = true;
    const s = this.socket;
    s.removeListener('data', this.onData);
    s.setTimeout(0);
    s.removeListener('timeout', this.onTimeout);
    this.path.conns.delete(this);
    // node:http counts requests per connection from zero: it is told how many were served here.
    if (this.served > 0) this.path.servedBefore.set(s, this.served);
    this.path.nodeConnection(s);
    // node:http reads from the handle from now on; the bytes already read are parsed first, now.
    if (buf !== null && buf.length > 0) s.emit('data', buf);
    if (s.isPaused()) s.resume();
  }
}

interface SimpleHead {
  method: string;
  url: string;
  headers: Record<string, string>;
  raw: string[];
  close: boolean;
  /** Content-Length of a body request (0: no body). */
  bodyLength: number;
}

/** Parses a head of the simple subset, or returns null (the request goes to node:http). */
function parseSimpleHead(text: string, maxHeaders: number): SimpleHead | null {
  const lines = text.split('\r\n');
  const rl = lines[0]!;
  const sp1 = rl.indexOf(' ');
  if (sp1 < 1) return null;
  const method = rl.slice(0, sp1);
  const withBody = BODY_METHODS.has(method);
  if (!withBody && !SIMPLE_METHODS.has(method)) return null;
  const sp2 = rl.indexOf(' ', sp1 + 1);
  if (sp2 < 0 || rl.length !== sp2 + 9 || !rl.endsWith(' HTTP/1.1')) return null;
  const url = rl.slice(sp1 + 1, sp2);
  if (!ORIGIN_FORM.test(url)) return null;
  if (lines.length - 1 > maxHeaders) return null;
  const headers: Record<string, string> = {};
  const raw: string[] = [];
  let close = false;
  let host = false;
  let bodyLength = -1;
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    const colon = l.indexOf(':');
    if (colon <= 0) return null;
    const name = l.slice(0, colon);
    if (!TOKEN.test(name)) return null;
    const value = owsTrim(l.slice(colon + 1));
    if (BAD_VALUE.test(value)) return null;
    const lk = name.toLowerCase();
    if (headers[lk] !== undefined || NOT_SIMPLE.has(lk)) return null; // node:http's merge rules apply
    if (lk === 'connection') {
      const v = value.toLowerCase();
      if (/(?:^|,)\s*close\s*(?:,|$)/.test(v)) close = true;
      if (/(?:^|,)\s*upgrade\s*(?:,|$)/.test(v)) return null;
    } else if (lk === 'host') host = true;
    else if (lk === 'content-length') {
      if (!withBody || !CONTENT_LENGTH.test(value)) return null;
      bodyLength = Number(value);
    }
    headers[lk] = value;
    raw.push(name, value);
  }
  if (!host) return null;
  // A body method without Content-Length, or a bodiless method with one: node:http's rules apply.
  if (withBody !== bodyLength >= 0) return null;
  return { method, url, headers, raw, close, bodyLength: Math.max(bodyLength, 0) };
}

class FastPathImpl implements FastPath {
  readonly opts: FastPathOptions;
  readonly nodeConnection: (socket: net.Socket) => void;
  readonly server: http.Server;
  readonly conns = new Set<FastConn>();
  closing = false;
  /** Requests served by the fast path on connections handed to node:http (then counted on by node's requests). */
  readonly servedBefore = new WeakMap<net.Socket, number>();

  constructor(server: http.Server, opts: FastPathOptions, event: 'connection' | 'secureConnection') {
    this.server = server;
    this.opts = opts;
    const original = server.listeners(event)[0] as ((socket: net.Socket) => void) | undefined;
    if (original === undefined) throw new TypeError(`fast path: node:http ${event} listener not found`);
    server.removeListener(event, original);
    this.nodeConnection = (socket) => original.call(server, socket);
    // max_requests_per_connection over a hand-off: node:http's own count starts at zero on the connection it is
    // given, so requests it parses there are counted on from the fast path's (the request listener is wrapped).
    const onRequest = opts.onRequest;
    if (server.listeners('request').includes(onRequest)) {
      server.removeListener('request', onRequest);
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        const before = this.servedBefore.get(req.socket);
        if (before !== undefined) {
          const n = before + 1;
          this.servedBefore.set(req.socket, n);
          const max = this.opts.limits().maxRequestsPerConnection;
          if (max > 0 && n > max) {
            // node:http's answer to a request past the limit (its 'dropRequest').
            res.shouldKeepAlive = false;
            res.writeHead(503);
            res.end();
            return;
          }
          if (max > 0 && n === max) res.shouldKeepAlive = false;
        }
        onRequest(req, res);
      });
    }
  }

  /** A connection's socket timed out: nothing arrived in time, or an idle keep-alive connection. */
  timedOut(c: FastConn): void {
    const socket = c.socket;
    if (c.current !== null || c.handedOff) return;
    if (!c.gotBytes) {
      // Nothing arrived within the headers timeout: the same answer node:http gives.
      this.server.emit(
        'clientError',
        Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }),
        socket,
      );
      if (!socket.destroyed) socket.destroy();
      return;
    }
    socket.destroy(); // idle keep-alive connection
  }

  onConnection(socket: net.Socket): void {
    if (socket.destroyed) return;
    const c = new FastConn(socket, this);
    this.conns.add(c);
    socket.setNoDelay(true);
    socket.on('data', c.onData);
    socket.on('timeout', c.onTimeout);
    socket.setTimeout(this.opts.limits().headersTimeoutMs);
    socket.on('error', () => socket.destroy());
    // The client closed its side: like node:http (no half-open), the request in flight is abandoned and the
    // connection ends, which releases everything tied to it ('close' on the response).
    socket.on('end', () => {
      if (socket.writable) socket.end();
      socket.destroySoon?.();
    });
    socket.once('close', () => {
      this.conns.delete(c);
      c.closed();
      const res = c.current;
      c.current = null;
      res?.emitClose();
    });
  }

  closeIdle(): void {
    this.closing = true;
    for (const c of this.conns) if (c.current === null && !c.handedOff) c.socket.destroy();
  }
}

/**
 * Installs the fast path on a node:http server (cleartext: its 'connection' listener; node:https: its
 * 'secureConnection' listener, i.e. after the TLS handshake): node's listener is taken out and called only for
 * connections handed over. The caller routes connections to `onConnection` (cleartext: after its own accounting
 * listener; TLS: in the place of node's listener, first).
 *
 * @example
 * const fast = installFastPath(server, { onRequest, limits: () => current });
 * server.on('connection', (s) => { account(s); fast.onConnection(s); });
 */
export function installFastPath(
  server: http.Server,
  opts: FastPathOptions,
  event: 'connection' | 'secureConnection' = 'connection',
): FastPath {
  return new FastPathImpl(server, opts, event);
}
