/**
 * Fuzzing through the real gateway: hostile request lines, paths, headers and body framing written as
 * raw bytes on a socket (fast-check 4, a fixed seed by default; FUZZ_SEED=<n> runs another seed,
 * FUZZ_SEED=<n> FUZZ_PATH=<path> with --test-name-pattern=<property> replays the counterexample a failure
 * printed, FUZZ_RUNS=<n> changes the number of runs). Every case is checked against properties that must
 * hold whatever the input:
 *
 * - the gateway answers or closes the connection within 2 s (it never hangs, never crashes);
 * - every response the gateway generates itself with a 4xx/5xx status is `application/problem+json`
 *   whose `status` equals the HTTP status, with no stack frames, file paths or internal addresses;
 * - hostile input never makes the gateway fail with a 5xx in front of a healthy upstream;
 * - the upstream only ever receives canonical paths (`normalizeTarget(url)` returns `url` unchanged);
 * - the upstream never receives hop-by-hop headers, headers the client named in `Connection`,
 *   `Expect`, client-supplied identity headers (`x-consumer-*`, `x-authenticated-*`, `x-credential-*`,
 *   `x-gatehouse-*`) or client-supplied forwarding headers;
 * - the upstream never receives a request the gateway did not parse and forward itself (no smuggling):
 *   each upstream request carries exactly one gateway-issued request id, ids are never reused, and no
 *   client request reaches the upstream twice.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { after, before, describe, it, type TestContext } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { normalizeTarget } from '../../src/lib/path.ts';
import { sendRaw, type WireResponse } from '../golden/wire.ts';
import { startGateway, type TestGateway } from '../helpers/gateway.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 0x6a7e_f00d);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
/** A request must be answered, or its connection closed, within this time. */
const ANSWER_MS = 2000;

// ---------------------------------------------------------------- the upstream

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly rawHeaders: readonly string[];
  readonly caseId: string | undefined;
}

const seen: Seen[] = [];
let upstreamPort = 0;

function startRecordingUpstream(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rawCase = req.headers['x-case'];
    seen.push({
      method: req.method!,
      url: req.url!,
      rawHeaders: req.rawHeaders,
      caseId: typeof rawCase === 'string' ? rawCase : undefined,
    });
    req.on('error', () => {});
    if (req.url!.includes('/early')) {
      // Answers before reading the body: the gateway must keep both connections' framing straight.
      res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': '1' });
      res.end('{"early":true}');
      req.resume();
      return;
    }
    req.on('data', () => {});
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-upstream': '1' });
      res.end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 10_000;
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function fuzzConfig(upstreamUrl: string): string {
  return `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn, access_log: false }
limits:
  max_header_bytes: 8192
  max_header_count: 40
  max_url_bytes: 2048
  max_body_bytes: 4096
  headers_timeout_ms: 250
  request_timeout_ms: 400
  keep_alive_timeout_ms: 500
listeners:
  - { name: main, host: 127.0.0.1, port: 0 }
upstreams:
  - name: backend
    targets: [{ url: "${upstreamUrl}" }]
services:
  - { name: svc, upstream: backend, path: /base }
policies:
  request-id: { trust_incoming: false }
routes:
  - name: api
    service: svc
    paths: ["/api/*"]
    strip_prefix: true
    methods: [GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS]
    policies:
      cors: { allow_origins: ["https://app.example.com"], allow_headers: [x-fuzz-a] }
  - name: users
    upstream: backend
    paths: ["/users/{id}/items"]
    rewrite: /v2/users/{id}
  - name: mock
    paths: ["/mock/*"]
    policies:
      mock-response: { echo: true }
  - name: private
    upstream: backend
    paths: ["/private/*"]
    policies:
      ip-restriction: { deny: ["127.0.0.0/8"] }
  - name: rest
    upstream: backend
    paths: ["/*"]
`;
}

// ---------------------------------------------------------------- generators
// Every generated part is a "binary string": one char per byte (latin1), so raw bytes survive.

const latin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const hex2 = (b: number) => b.toString(16).padStart(2, '0');
const pctEncode = (s: string, upper: boolean) =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${upper ? hex2(b).toUpperCase() : hex2(b)}`).join('');
const bytes = (max: number) =>
  fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a).toString('latin1'));
const unicode = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 });
const token = fc.stringMatching(/^[A-Za-z0-9!#$&'*+.^_`|~-]{1,12}$/);

/** Segments that are odd but acceptable: they must come out canonical on the other side. */
const TRICKY_SEGMENTS = [
  '.',
  '..',
  '...',
  '%2e',
  '%2E',
  '%2e%2e',
  '.%2E',
  '%2E.',
  '%2e%2e%2e',
  '%252e%252e',
  '%252f',
  '@',
  ':',
  '%40',
  '%3A',
  '%3a',
  '*',
  '+',
  '~',
  '%7e',
  '%7E',
  '%41',
  '%5F',
  '%2D',
  "!$&'()*+,=",
  '%21%24',
  '%25',
  'admin',
  'private',
  'api',
  'mock',
  'users',
  'items',
  'base',
  'smuggled',
] as const;

/** Segments the gateway must refuse (400), whatever surrounds them. */
const INVALID_SEGMENTS = [
  '%2f',
  '%2F',
  '%5c',
  '%5C',
  '\\',
  '%00',
  '%',
  '%2',
  '%zz',
  '%C0%AE',
  '%c0%ae',
  '%E0%80%AE',
  '%ED%A0%80',
  '%F4%90%80%80',
  '%FF',
  ';',
  ';jsessionid=1',
  '%3b',
  '#',
  '#frag',
  ' ',
  '"',
  '<',
  '`',
  '{',
  '|',
] as const;

const segment = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9._~-]{1,8}$/) },
  { weight: 6, arbitrary: fc.constantFrom(...TRICKY_SEGMENTS) },
  { weight: 3, arbitrary: fc.tuple(unicode, fc.boolean()).map(([s, up]) => pctEncode(s, up)) },
  { weight: 1, arbitrary: fc.constantFrom(...INVALID_SEGMENTS) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      unicode.map(latin1),
      bytes(4),
      fc
        .array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 })
        .map((a) => a.map((b) => `%${hex2(b)}`).join('')),
    ),
  },
);

const query = fc.oneof(
  { weight: 6, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.stringMatching(/^\?[A-Za-z0-9=&%._~/?:@!$'()*+,;-]{0,16}$/) },
  { weight: 1, arbitrary: bytes(8).map((b) => `?${b}`) },
  { weight: 1, arbitrary: fc.constantFrom('?', '??', '?a=%00', '?a=1#x', '?a b', '?\u00e9', '?../..') },
);

/** Request targets: origin-form paths built from hostile segments, plus absolute-form and oddities. */
const target = fc
  .tuple(
    fc.constantFrom('/', '/', '/', '/api/', '/users/', '/mock/', '/private/', '//', '/api/../', ''),
    fc.array(segment, { maxLength: 6 }),
    fc.array(fc.constantFrom('/', '/', '/', '//', '/./', '/../'), { minLength: 8, maxLength: 8 }),
    fc.constantFrom('', '', '/', '/items', '/..', '/.'),
    query,
    fc.oneof(
      { weight: 8, arbitrary: fc.constant('') },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'http://gateway.test',
          'HTTP://GATEWAY.TEST',
          'https://gateway.test',
          'http://gateway.test:80',
          'http://other.example',
          'http://user@gateway.test',
        ),
      },
    ),
  )
  .map(([prefix, segs, seps, tail, q, abs]) => {
    let p = prefix;
    segs.forEach((s, i) => {
      p += i === 0 ? s : seps[i]! + s;
    });
    return abs + p + tail + q;
  });

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const method = fc.oneof(
  { weight: 16, arbitrary: fc.constantFrom(...METHODS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('CONNECT', 'TRACE', 'TRACK', 'get', 'Get', 'PROPFIND', 'PURGE', 'M-SEARCH'),
  },
  { weight: 1, arbitrary: token },
  { weight: 1, arbitrary: bytes(6) },
);
const version = fc.oneof(
  { weight: 24, arbitrary: fc.constant('HTTP/1.1') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/0.9', 'http/1.1', 'HTTP/1.10', 'HTTP/1', ''),
  },
  { weight: 1, arbitrary: bytes(6) },
);
const eol = fc.oneof(
  { weight: 40, arbitrary: fc.constant('\r\n') },
  { weight: 1, arbitrary: fc.constantFrom('\n', '\r', '\r\r\n', '\n\r') },
);

const HOSTILE_NAMES = [
  'connection',
  'Connection',
  'keep-alive',
  'te',
  'TE',
  'trailer',
  'transfer-encoding',
  'Transfer-Encoding',
  'upgrade',
  'proxy-authorization',
  'proxy-connection',
  'proxy-authenticate',
  'http2-settings',
  'expect',
  'x-consumer-id',
  'X-Consumer-Username',
  'x-consumer-groups',
  'x-authenticated-userid',
  'X-Authenticated-Scope',
  'x-credential-identifier',
  'x-gatehouse-internal',
  'x-forwarded-for',
  'X-Forwarded-Host',
  'x-forwarded-proto',
  'x-forwarded-port',
  'x-real-ip',
  'forwarded',
  'via',
  'x-request-id',
  'traceparent',
  'tracestate',
  'authorization',
  'content-type',
  'content-length',
  'host',
  'origin',
  'access-control-request-method',
  'access-control-request-headers',
  'cookie',
  'x-fuzz-a',
  'x-fuzz-b',
] as const;

const headerName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
  { weight: 4, arbitrary: token.map((t) => `x-${t}`) },
  {
    weight: 1,
    arbitrary: fc.oneof(
      bytes(8),
      fc.constantFrom(
        'x a',
        'x:a',
        'x\u0000a',
        'x\ra',
        'x\na',
        ' x',
        'x ',
        '\u00e9',
        '',
        ':authority',
        ':path',
      ),
    ),
  },
);

const headerValue = fc.oneof(
  { weight: 8, arbitrary: fc.stringMatching(/^[\x20-\x7e]{0,24}$/) },
  {
    weight: 8,
    arbitrary: fc.constantFrom(
      'close',
      'keep-alive',
      'upgrade',
      'x-fuzz-a',
      'close, x-fuzz-b',
      'keep-alive, x-fuzz-a, x-fuzz-b',
      'te, x-consumer-id',
      'x-request-id',
      'traceparent, tracestate',
      'content-length',
      'chunked',
      '100-continue',
      'websocket',
      'h2c',
      'trailers',
      '10.0.0.1',
      '127.0.0.1, 10.0.0.1',
      'for=10.0.0.1;host=evil',
      'Basic Zm9vOmJhcg==',
      'https://app.example.com',
      'https://evil.example.com',
      'null',
      'POST',
      'x-fuzz-a, x-fuzz-b',
      '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
      'vendor=abc',
      'admin',
      '5',
      '0',
    ),
  },
  { weight: 1, arbitrary: fc.oneof(bytes(12), unicode.map(latin1)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'a\r\nX-Injected: 1',
      'a\nX-Injected: 1',
      'a\rb',
      'a\u0000b',
      'a\r\n b',
      'a\r\n\tb',
      'a\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n',
      '\u00ff\u00fe',
      ' ',
      '\t',
    ),
  },
);

const headerSep = fc.oneof(
  { weight: 24, arbitrary: fc.constant(': ') },
  { weight: 1, arbitrary: fc.constantFrom(':', ' : ', ':\t', ':  ', ' :', '\t:') },
);
const hostHeaders = fc.oneof(
  { weight: 10, arbitrary: fc.constant([['Host', 'gateway.test']] as Array<[string, string]>) },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('x', 'gateway.test:8080', '127.0.0.1', '[::1]:80', 'a_b.test', 'GATEWAY.TEST')
      .map((h) => [['Host', h]] as Array<[string, string]>),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Array<[string, string]>>(
      [],
      [
        ['Host', 'a'],
        ['Host', 'b'],
      ],
      [['Host', '']],
      [['Host', 'a b']],
      [['Host', 'evil.test@gateway.test']],
      [['Host', 'x:99999999']],
      [['Host', '[::1']],
    ),
  },
  { weight: 1, arbitrary: bytes(10).map((h) => [['Host', h]] as Array<[string, string]>) },
);

/** A request head plus body bytes, rendered to the wire by {@link render}. */
interface Case {
  method: string;
  target: string;
  version: string;
  eol: string;
  host: Array<[string, string]>;
  headers: Array<[string, string, string]>;
  framing: Framing;
}

interface Framing {
  readonly kind: string;
  readonly headers: Array<[string, string]>;
  readonly body: string;
}

/** Placeholder replaced by the case id (padded to the same width) when the request is rendered. */
const CASE_MARK = '########';
/** A request that, if body bytes were taken for framing, would reach the upstream (tagged with its case). */
const EMBEDDED = `GET /smuggled HTTP/1.1\r\nHost: gateway.test\r\nx-embedded: ${CASE_MARK}\r\n\r\n`;

const bodyBytes = fc.oneof(
  { weight: 3, arbitrary: bytes(64) },
  { weight: 2, arbitrary: fc.constant(EMBEDDED) },
  { weight: 1, arbitrary: fc.constant(`0\r\n\r\n${EMBEDDED}`) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z]{0,5000}$/) },
);

const chunkExt = fc.constantFrom('', '', '', ';a=b', ';a="b"', '; a', ';\u0000', ';a=b\r\n');
const chunkedBody = (parts: string[], ext: string, trailer: string) =>
  parts.map((p) => `${p.length.toString(16)}${ext}\r\n${p}\r\n`).join('') + `0\r\n${trailer}\r\n`;

const framing: fc.Arbitrary<Framing> = fc.oneof(
  { weight: 3, arbitrary: fc.constant<Framing>({ kind: 'none', headers: [], body: '' }) },
  {
    weight: 4,
    arbitrary: bodyBytes.map(
      (b): Framing => ({
        kind: 'cl',
        headers: [['Content-Length', String(b.length)]],
        body: b,
      }),
    ),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.array(bodyBytes, { minLength: 1, maxLength: 3 }), chunkExt, fc.constantFrom('', 'X-T: 1\r\n'))
      .map(
        ([parts, ext, tr]): Framing => ({
          // An extension with NUL or a line break breaks the framing: not a valid chunked body any more.
          kind: /[\0\r\n]/.test(ext) ? 'chunked-bad-extension' : 'chunked',
          headers: [['Transfer-Encoding', 'chunked']],
          body: chunkedBody(
            parts.filter((p) => p.length > 0),
            ext,
            tr,
          ),
        }),
      ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(bodyBytes, fc.integer({ min: 1, max: 40 })).map(
      ([b, short]): Framing => ({
        kind: 'cl-short',
        headers: [['Content-Length', String(Math.max(0, b.length - short))]],
        body: b,
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(bodyBytes, fc.integer({ min: 1, max: 40 })).map(
      ([b, extra]): Framing => ({
        kind: 'cl-long',
        headers: [['Content-Length', String(b.length + extra)]],
        body: b,
      }),
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        bodyBytes,
        fc.constantFrom(
          '+5',
          '5, 5',
          '0x5',
          '-1',
          ' 5',
          '5 ',
          '05',
          '99999999999999999999',
          '1e3',
          '',
          '5\u0000',
        ),
      )
      .map(([b, cl]): Framing => ({ kind: 'cl-malformed', headers: [['Content-Length', cl]], body: b })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        bodyBytes,
        fc.constantFrom(
          'chunked, identity',
          'identity, chunked',
          ' chunked',
          'Chunked',
          'xchunked',
          'chunked\u000b',
          'gzip, chunked',
          'chunked, chunked',
          '"chunked"',
          'identity',
        ),
      )
      .map(
        ([b, te]): Framing => ({
          kind: 'te-obfuscated',
          headers: [['Transfer-Encoding', te]],
          body: chunkedBody(
            [b].filter((p) => p.length > 0),
            '',
            '',
          ),
        }),
      ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        bodyBytes,
        fc.constantFrom(
          'zz\r\n',
          '-1\r\n',
          '0x5\r\n',
          'ffffffffffffffffffff\r\n',
          '5\n',
          '5\r\nabc\r\n',
          '5 \r\n',
          '',
        ),
      )
      .map(
        ([b, bad]): Framing => ({
          kind: 'chunked-malformed',
          headers: [['Transfer-Encoding', 'chunked']],
          body: `${bad}${b}\r\n0\r\n\r\n`,
        }),
      ),
  },
  {
    weight: 2,
    arbitrary: bodyBytes.map(
      (b): Framing => ({
        kind: 'cl-and-te',
        headers: [
          ['Content-Length', String(b.length)],
          ['Transfer-Encoding', 'chunked'],
        ],
        body: b,
      }),
    ),
  },
  {
    weight: 1,
    arbitrary: bodyBytes.map(
      (b): Framing => ({
        kind: 'cl-twice',
        headers: [
          ['Content-Length', String(b.length)],
          ['content-length', String(b.length)],
        ],
        body: b,
      }),
    ),
  },
);

const hostileHeaders = fc.array(fc.tuple(headerName, headerSep, headerValue), { maxLength: 5 });
const plainHeaders = fc.array(
  fc.tuple(
    fc.constantFrom('accept', 'user-agent', 'x-fuzz-a', 'content-type', 'origin'),
    fc.constant(': '),
    fc.stringMatching(/^[\x21-\x7e]{1,16}$/),
  ),
  { maxLength: 3 },
);

/** P1: hostile heads (method, target, version, line endings, header names, values and separators). */
const headCase: fc.Arbitrary<Case> = fc.record({
  method,
  target: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('/api/x', '/a', '/users/1/items') }, target),
  version,
  eol,
  host: hostHeaders,
  headers: hostileHeaders,
  framing: fc.oneof(
    { weight: 3, arbitrary: fc.constant<Framing>({ kind: 'none', headers: [], body: '' }) },
    {
      weight: 1,
      arbitrary: fc.constant<Framing>({ kind: 'cl', headers: [['Content-Length', '5']], body: 'hello' }),
    },
  ),
});

/** P2: hostile paths in otherwise well-formed requests. */
const pathCase: fc.Arbitrary<Case> = fc.record({
  method: fc.constantFrom('GET', 'GET', 'GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS'),
  target,
  version: fc.constant('HTTP/1.1'),
  eol: fc.constant('\r\n'),
  host: fc.constant([['Host', 'gateway.test']] as Array<[string, string]>),
  headers: plainHeaders,
  framing: fc.constant<Framing>({ kind: 'none', headers: [], body: '' }),
});

/** P3: bodies with random framing (valid, short, long, malformed, ambiguous). */
const bodyCase: fc.Arbitrary<Case> = fc.record({
  method: fc.constantFrom('POST', 'PUT', 'PATCH', 'GET', 'DELETE', 'OPTIONS'),
  target: fc.constantFrom(
    '/api/upload',
    '/upload',
    '/early',
    '/api/early',
    '/users/7/items',
    '/mock/x',
    '/private/x',
  ),
  version: fc.constantFrom('HTTP/1.1', 'HTTP/1.1', 'HTTP/1.1', 'HTTP/1.0'),
  eol: fc.constant('\r\n'),
  host: fc.constant([['Host', 'gateway.test']] as Array<[string, string]>),
  headers: fc.oneof({ weight: 3, arbitrary: plainHeaders }, { weight: 1, arbitrary: hostileHeaders }),
  framing,
});

let caseSeq = 0;
/** Statuses seen (or `closed`), per property, reported as a diagnostic to show what the runs covered. */
const outcomes = new Map<string, number>();

/** The request as bytes; `x-case` tags it so the upstream's view can be attributed. */
function render(c: Case, id: string): Buffer {
  let s = `${c.method} ${c.target}${c.version === '' ? '' : ` ${c.version}`}${c.eol}`;
  for (const [n, v] of c.host) s += `${n}: ${v}${c.eol}`;
  s += `x-case: ${id}${c.eol}`;
  for (const [n, sep, v] of c.headers) s += `${n}${sep}${v}${c.eol}`;
  for (const [n, v] of c.framing.headers) s += `${n}: ${v}${c.eol}`;
  s += c.eol + c.framing.body.replaceAll(CASE_MARK, id.padEnd(CASE_MARK.length, '_'));
  return Buffer.from(s, 'latin1');
}

/**
 * True when the request's framing leaves no room for interpretation: CRLF lines, a well-formed head,
 * no body or exactly one correct Content-Length or chunked body, and no hostile header that could
 * change the framing. Body bytes of such a request must never be parsed as a request.
 */
function unambiguous(c: Case): boolean {
  if (!['none', 'cl', 'chunked'].includes(c.framing.kind) || c.eol !== '\r\n') return false;
  if (c.version !== 'HTTP/1.1' && c.version !== 'HTTP/1.0') return false;
  if (!/^[A-Z]+$/.test(c.method) || !/^[\x21-\x7e]+$/.test(c.target)) return false;
  for (const [n, sep, v] of [...c.host.map(([n, v]) => [n, ': ', v] as const), ...c.headers]) {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(n) || sep !== ': ' || /[\r\n\0]/.test(v)) return false;
    const l = n.toLowerCase();
    if (l === 'content-length' || l === 'transfer-encoding') return false;
  }
  return true;
}

/** Header names the client listed in its Connection header(s), lower-case. */
function nominated(c: Case): Set<string> {
  const out = new Set<string>();
  for (const [n, , v] of c.headers) {
    if (n.toLowerCase() !== 'connection') continue;
    for (const t of v.split(',')) {
      const k = t.trim().toLowerCase();
      if (k !== '' && k !== 'close' && k !== 'keep-alive') out.add(k);
    }
  }
  return out;
}

// ---------------------------------------------------------------- properties

const HOP_BY_HOP = new Set([
  'keep-alive',
  'te',
  'trailer',
  'upgrade',
  'proxy-authorization',
  'proxy-connection',
  'proxy-authenticate',
  'http2-settings',
  'expect',
]);
const IDENTITY_PREFIXES = ['x-consumer-', 'x-authenticated-', 'x-credential-', 'x-gatehouse-'];
/** Headers the gateway (or undici's framing) sets itself, so a client naming them in Connection is moot. */
const GATEWAY_SET = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-real-ip',
  'forwarded',
  'via',
  'x-request-id',
  'traceparent',
]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Cases by id, so a violation found later (an upstream request) can name the request that caused it. */
const sentCases = new Map<string, { c: Case; wire: string }>();
const issuedIds = new Set<string>();
let cursor = 0;

function describeCase(caseId: string | undefined): string {
  const s = caseId === undefined ? undefined : sentCases.get(caseId);
  return s ? `\nrequest on the wire: ${JSON.stringify(s.wire)}` : '';
}

/** Checks every upstream request recorded since the last call. */
function checkUpstreamSide(): void {
  while (cursor < seen.length) {
    const r = seen[cursor++]!;
    const where = `upstream got ${r.method} ${JSON.stringify(r.url)}${describeCase(r.caseId)}`;
    const names: string[] = [];
    const values = new Map<string, string[]>();
    for (let i = 0; i < r.rawHeaders.length; i += 2) {
      const n = r.rawHeaders[i]!.toLowerCase();
      names.push(n);
      values.set(n, [...(values.get(n) ?? []), r.rawHeaders[i + 1]!]);
    }
    const one = (n: string) => values.get(n)?.[0];

    // No smuggling: exactly one id, issued by the gateway (a UUID: trust_incoming is off), never reused.
    const ids = values.get('x-request-id') ?? [];
    assert.equal(
      ids.length,
      1,
      `exactly one x-request-id (a request the gateway did not forward?): ${where}`,
    );
    assert.match(ids[0]!, UUID, `the request id is gateway-issued: ${where}`);
    assert.ok(!issuedIds.has(ids[0]!), `a request id reached the upstream twice: ${where}`);
    issuedIds.add(ids[0]!);
    const embedded = one('x-embedded');
    if (embedded !== undefined) {
      // The gateway parsed it as a request of its own (it has an id): fine when the client's framing
      // really ended before it (a short Content-Length, an injected head), never when it was unambiguous.
      const origin = embedded.replace(/_+$/, '');
      const c = sentCases.get(origin)?.c;
      assert.ok(c, `an embedded request of an unknown case reached the upstream: ${where}`);
      assert.ok(!unambiguous(c), `body bytes were taken for a request: ${where}${describeCase(origin)}`);
    }

    // Canonical path: what the router matched is what the upstream gets, and it is a fixed point.
    const norm = normalizeTarget(r.url);
    assert.ok(!('error' in norm), `the upstream path is not acceptable to normalizeTarget: ${where}`);
    const again = norm.query === '' ? norm.path : `${norm.path}?${norm.query}`;
    assert.equal(again, r.url, `the upstream path is not canonical: ${where}`);

    // Header hygiene.
    for (const n of names) {
      assert.ok(!HOP_BY_HOP.has(n), `hop-by-hop header ${n} forwarded: ${where}`);
      assert.ok(!IDENTITY_PREFIXES.some((p) => n.startsWith(p)), `identity header ${n} forwarded: ${where}`);
      assert.ok(!n.startsWith(':'), `pseudo-header ${n} forwarded: ${where}`);
    }
    const conn = values.get('connection');
    if (conn) assert.ok(conn.length === 1 && /^(keep-alive|close)$/i.test(conn[0]!), `connection: ${where}`);
    const te = values.get('transfer-encoding');
    if (te) {
      assert.deepEqual(te, ['chunked'], `transfer-encoding is undici's own framing only: ${where}`);
      assert.equal(one('content-length'), undefined, `chunked with content-length: ${where}`);
    }
    assert.ok((values.get('content-length') ?? []).length <= 1, `content-length repeated: ${where}`);
    assert.equal(one('host'), `127.0.0.1:${upstreamPort}`, `host is the target's: ${where}`);
    assert.deepEqual(values.get('x-forwarded-for'), ['127.0.0.1'], `x-forwarded-for is the peer: ${where}`);
    assert.deepEqual(values.get('x-real-ip'), ['127.0.0.1'], `x-real-ip is the peer: ${where}`);
    assert.deepEqual(values.get('x-forwarded-proto'), ['http'], `x-forwarded-proto: ${where}`);
    assert.equal((values.get('forwarded') ?? []).length, 1, `one forwarded header: ${where}`);
    assert.match(one('forwarded')!, /^for=127\.0\.0\.1;host="[^"]*";proto=http$/, `forwarded: ${where}`);
    const sent = r.caseId === undefined ? undefined : sentCases.get(r.caseId);
    if (sent) {
      for (const n of nominated(sent.c)) {
        if (GATEWAY_SET.has(n)) continue;
        assert.ok(!values.has(n), `${n} was named in Connection but forwarded: ${where}`);
      }
    }
  }
}

const INTERNAL = [/\n\s+at /, /\bat [\w.<>]+ \(/, /node:internal/, /\/work\//, /file:\/\//, /localhost/i];

function checkResponse(resp: WireResponse, c: Case, wire: string): void {
  const where = `status ${resp.status} for ${JSON.stringify(wire)}`;
  const fromUpstream = resp.header('x-upstream') === '1';
  const text = resp.body.toString('latin1');
  assert.equal(resp.header('x-powered-by'), undefined, where);
  if (fromUpstream || resp.status < 400) return;
  // A gateway-generated error: nothing internal in it (local replies such as echoes reflect the client).
  const heads = resp.headers.map(([k, v]) => `${k}: ${v}`).join('\n');
  for (const re of INTERNAL) {
    assert.doesNotMatch(text, re, `error body leaks internals: ${where}`);
    assert.doesNotMatch(heads, re, `error headers leak internals: ${where}`);
  }
  assert.ok(!text.includes(`127.0.0.1:${upstreamPort}`), `error leaks the upstream address: ${where}`);
  const host = hostname();
  if (host.length >= 4) assert.ok(!text.includes(host), `error leaks the host name: ${where}`);
  assert.ok(resp.status < 500, `hostile input made the gateway answer ${resp.status}: ${where}\n${text}`);
  assert.equal(resp.header('content-type'), 'application/problem+json', `problem content type: ${where}`);
  if (c.method === 'HEAD' && resp.body.length === 0) return;
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(text) as Record<string, unknown>;
  } catch {
    assert.fail(`problem body is not JSON: ${where}: ${JSON.stringify(text)}`);
  }
  assert.equal(problem.status, resp.status, `problem status equals the HTTP status: ${where}`);
  assert.match(
    String(problem.type),
    /^https:\/\/gatehouse\.dev\/errors\/gw-[a-z-]+$/,
    `problem type: ${where}`,
  );
  assert.match(String(problem.code), /^GW_[A-Z_]+$/, `problem code: ${where}`);
  assert.equal(typeof problem.title, 'string', `problem title: ${where}`);
}

/** `status` or `status:reason-of-a-gateway-error`, for the coverage summary. */
function outcomeOf(resp: WireResponse): string {
  if (resp.status < 400 || resp.header('x-upstream') === '1') return String(resp.status);
  const m = /"detail":"([^"]{0,40})/.exec(resp.body.toString('latin1'));
  return m ? `${resp.status}(${m[1]})` : String(resp.status);
}

/** Sends one case and checks both sides. */
async function runCase(c: Case): Promise<void> {
  const id = `c${++caseSeq}`;
  const payload = render(c, id);
  const wire = payload.toString('latin1');
  sentCases.set(id, { c, wire });
  const r = await sendRaw(gwHandle.port, payload, { method: c.method, timeoutMs: ANSWER_MS, graceMs: 15 });
  assert.ok(
    !r.timedOut,
    `no answer and no close within ${ANSWER_MS} ms for ${JSON.stringify(wire)}; got ${JSON.stringify(r.raw)}`,
  );
  if (r.responses.length === 0 && r.raw.length > 0) {
    assert.ok(r.trailing.length === r.raw.length, 'unparsed bytes are kept');
    assert.fail(`unparsable answer ${JSON.stringify(r.raw.slice(0, 300))} for ${JSON.stringify(wire)}`);
  }
  const key = r.responses.length === 0 ? 'closed' : r.responses.map(outcomeOf).join('+');
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  for (const resp of r.responses) checkResponse(resp, c, wire);
  checkUpstreamSide();
}

/** The same client request must never reach the upstream twice. */
function checkOncePerRequest(): void {
  const counts = new Map<string, number>();
  for (const r of seen) if (r.caseId !== undefined) counts.set(r.caseId, (counts.get(r.caseId) ?? 0) + 1);
  for (const [id, n] of counts) {
    assert.ok(n <= 1, `one client request reached the upstream ${n} times${describeCase(id)}`);
  }
}

let gwHandle: TestGateway;
let upstream: http.Server;

async function fuzz(t: TestContext, name: string, arb: fc.Arbitrary<Case>): Promise<void> {
  t.diagnostic(
    `${name}: seed ${SEED}, ${RUNS} runs (on failure: FUZZ_SEED=${SEED} FUZZ_PATH=<path printed>)`,
  );
  const forwardedBefore = seen.length;
  outcomes.clear();
  await fc.assert(
    fc.asyncProperty(arb, async (c) => {
      await runCase(c);
    }),
    {
      seed: SEED,
      numRuns: RUNS,
      interruptAfterTimeLimit: 90_000,
      ...(process.env.FUZZ_PATH ? { path: process.env.FUZZ_PATH } : {}),
    },
  );
  await sleep(50);
  checkUpstreamSide();
  checkOncePerRequest();
  const summary = [...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}×${n}`);
  t.diagnostic(
    `${name}: ${seen.length - forwardedBefore} requests reached the upstream; answers ${summary.join(' ')}`,
  );
}

describe('fuzzing the real gateway with hostile requests', { timeout: 300_000 }, () => {
  before(async () => {
    upstream = await startRecordingUpstream();
    upstreamPort = (upstream.address() as AddressInfo).port;
    gwHandle = await startGateway(fuzzConfig(`http://127.0.0.1:${upstreamPort}`));
  });
  after(async () => {
    await gwHandle?.close();
    upstream?.closeAllConnections();
    await new Promise<void>((r) => (upstream ? upstream.close(() => r()) : r()));
  });

  it('hostile request heads: methods, targets, versions, line endings, header names and values', async (t) => {
    await fuzz(t, 'heads', headCase);
  });

  it('hostile paths: dot segments, percent-encodings, unicode, raw bytes, absolute-form', async (t) => {
    await fuzz(t, 'paths', pathCase);
  });

  it('bodies with random framing: exact, short, long, chunked, malformed and ambiguous', async (t) => {
    await fuzz(t, 'bodies', bodyCase);
  });

  it('the gateway still serves normal traffic afterwards', async () => {
    const r = await sendRaw(
      gwHandle.port,
      'GET /api/ok HTTP/1.1\r\nHost: gateway.test\r\nx-case: final\r\n\r\n',
    );
    assert.equal(r.responses[0]?.status, 200, r.raw);
    await sleep(20);
    checkUpstreamSide();
    assert.equal(seen.at(-1)?.url, '/base/ok');
  });
});
