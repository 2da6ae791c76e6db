/**
 * A raw HTTP/1.1 client for tests that must control every byte on the wire (duplicate headers,
 * unnormalized paths, CR/LF/NUL, broken framing) and parse what comes back without the leniency or
 * the checks of a real client. Used by the golden runner and the fuzz suite.
 */
import net from 'node:net';

/** One parsed response. Header names are lower-cased; values are latin1 (byte-for-byte). */
export interface WireResponse {
  readonly status: number;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
  /** The first value of a header (lower-case name), if present. */
  header(name: string): string | undefined;
  /** Every value of a header (lower-case name), in order. */
  headerAll(name: string): string[];
}

/** What came back on one connection. */
export interface WireResult {
  /** Final (non-1xx) responses, in order. */
  readonly responses: WireResponse[];
  /** Informational (1xx) status codes seen. */
  readonly informational: number[];
  /** The peer closed (or reset) the connection before the client gave up. */
  readonly closed: boolean;
  /** Neither enough responses nor a close arrived within the time limit. */
  readonly timedOut: boolean;
  /** Bytes after the last complete response (an incomplete or unparsable response). */
  readonly trailing: Buffer;
  /** Milliseconds from the last byte written to the outcome. */
  readonly elapsedMs: number;
  /** Everything received, latin1. */
  readonly raw: string;
}

/** Options of {@link sendRaw}. */
export interface SendOptions {
  /** Resolve once this many final responses were parsed (default 1). */
  readonly responses?: number;
  /** Give up after this many milliseconds without the responses or a close (default 2000). */
  readonly timeoutMs?: number;
  /** After the last expected response, keep reading this long for more (default 0). */
  readonly graceMs?: number;
  /** The request method, so responses to HEAD are framed without a body. */
  readonly method?: string;
}

function makeResponse(status: number, headers: Array<[string, string]>, body: Buffer): WireResponse {
  return {
    status,
    headers,
    body,
    header: (name) => headers.find(([k]) => k === name)?.[1],
    headerAll: (name) => headers.filter(([k]) => k === name).map(([, v]) => v),
  };
}

type Parsed =
  | { kind: 'response'; status: number; headers: Array<[string, string]>; body: Buffer; used: number }
  | { kind: 'incomplete' }
  | { kind: 'invalid' };

/** Decodes a chunked body starting at `from`; returns the body and the bytes used, or undefined. */
function parseChunked(buf: Buffer, from: number): { body: Buffer; end: number } | 'invalid' | undefined {
  const parts: Buffer[] = [];
  let pos = from;
  for (;;) {
    const eol = buf.indexOf('\r\n', pos);
    if (eol < 0) return undefined;
    const sizeText = buf.toString('latin1', pos, eol).split(';')[0]!.trim();
    if (!/^[0-9a-fA-F]{1,15}$/.test(sizeText)) return 'invalid';
    const size = Number.parseInt(sizeText, 16);
    pos = eol + 2;
    if (size === 0) {
      // trailer section up to an empty line
      for (;;) {
        const e = buf.indexOf('\r\n', pos);
        if (e < 0) return undefined;
        const empty = e === pos;
        pos = e + 2;
        if (empty) return { body: Buffer.concat(parts), end: pos };
      }
    }
    if (buf.length < pos + size + 2) return undefined;
    parts.push(buf.subarray(pos, pos + size));
    pos += size + 2;
  }
}

/**
 * Parses one response at the start of `buf`. `closed` says the connection ended (a body without
 * framing runs to the end). Responses to HEAD have no body, except the gateway's raw parser-error
 * answers (written before the method is known): a JSON body right after such a head is taken as its body.
 */
function parseOne(buf: Buffer, closed: boolean, method: string | undefined): Parsed {
  const headEnd = buf.indexOf('\r\n\r\n');
  if (headEnd < 0) return closed && buf.length > 0 ? { kind: 'invalid' } : { kind: 'incomplete' };
  const lines = buf.toString('latin1', 0, headEnd).split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})(?: .*)?$/.exec(lines[0]!);
  if (!m) return { kind: 'invalid' };
  const status = Number(m[1]);
  const headers: Array<[string, string]> = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) return { kind: 'invalid' };
    headers.push([line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]);
  }
  const start = headEnd + 4;
  const get = (n: string) => headers.find(([k]) => k === n)?.[1];
  if (status < 200 || status === 204 || status === 304) {
    return { kind: 'response', status, headers, body: Buffer.alloc(0), used: start };
  }
  if (method === 'HEAD') {
    // Only a raw parser-error answer (written in one piece, JSON) has a body after a HEAD.
    const n = Number(get('content-length') ?? 0);
    if (buf[start] === 0x7b /* { */ && buf.length >= start + n) {
      return { kind: 'response', status, headers, body: buf.subarray(start, start + n), used: start + n };
    }
    return { kind: 'response', status, headers, body: Buffer.alloc(0), used: start };
  }
  const te = get('transfer-encoding');
  if (te !== undefined && /(^|,)\s*chunked\s*$/i.test(te)) {
    const r = parseChunked(buf, start);
    if (r === 'invalid') return { kind: 'invalid' };
    if (r === undefined) return closed ? { kind: 'invalid' } : { kind: 'incomplete' };
    return { kind: 'response', status, headers, body: r.body, used: r.end };
  }
  const cl = get('content-length');
  if (cl !== undefined) {
    if (!/^\d+$/.test(cl)) return { kind: 'invalid' };
    const n = Number(cl);
    if (buf.length < start + n) return closed ? { kind: 'invalid' } : { kind: 'incomplete' };
    return { kind: 'response', status, headers, body: buf.subarray(start, start + n), used: start + n };
  }
  if (!closed) return { kind: 'incomplete' };
  return { kind: 'response', status, headers, body: buf.subarray(start), used: buf.length };
}

/** Parses as many complete responses as `buf` holds. */
export function parseResponses(
  buf: Buffer,
  closed: boolean,
  method?: string,
): { responses: WireResponse[]; informational: number[]; trailing: Buffer } {
  const responses: WireResponse[] = [];
  const informational: number[] = [];
  let rest = buf;
  while (rest.length > 0) {
    const p = parseOne(rest, closed, method);
    if (p.kind !== 'response') break;
    if (p.status < 200) informational.push(p.status);
    else responses.push(makeResponse(p.status, p.headers, Buffer.from(p.body)));
    rest = rest.subarray(p.used);
  }
  return { responses, informational, trailing: Buffer.from(rest) };
}

/**
 * Writes `payload` on a fresh loopback connection and collects the responses. Resolves when the
 * expected number of responses arrived (plus `graceMs`), when the peer closes, or after `timeoutMs`.
 * Never rejects: a reset counts as a close.
 */
export function sendRaw(port: number, payload: Buffer | string, opts: SendOptions = {}): Promise<WireResult> {
  const want = opts.responses ?? 1;
  const timeoutMs = opts.timeoutMs ?? 2000;
  const grace = opts.graceMs ?? 0;
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1');
    sock.setNoDelay(true);
    const chunks: Buffer[] = [];
    let writtenAt = performance.now();
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;
    const finish = (closed: boolean, timedOut: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(graceTimer);
      const buf = Buffer.concat(chunks);
      const p = parseResponses(buf, closed, opts.method);
      sock.destroy();
      resolve({
        responses: p.responses,
        informational: p.informational,
        closed,
        timedOut,
        trailing: p.trailing,
        elapsedMs: performance.now() - writtenAt,
        raw: buf.toString('latin1'),
      });
    };
    const timer = setTimeout(() => finish(false, true), timeoutMs);
    sock.on('connect', () => {
      sock.write(payload, () => {
        writtenAt = performance.now();
      });
    });
    sock.on('data', (d: Buffer) => {
      chunks.push(d);
      if (graceTimer !== undefined) return;
      const p = parseResponses(Buffer.concat(chunks), false, opts.method);
      if (p.responses.length >= want) {
        if (grace <= 0) finish(false, false);
        else graceTimer = setTimeout(() => finish(false, false), grace);
      }
    });
    sock.on('end', () => finish(true, false));
    sock.on('close', () => finish(true, false));
    sock.on('error', () => finish(true, false));
  });
}
