/**
 * Rich-text HTML that a strict sanitizer would pass unchanged (family `h` of ./view.ts): what CMS and wiki editors
 * send (paragraphs, headings, lists, tables, links, images, inline styles), which CRS' XSS rules block on the
 * presence of a tag or an attribute alone (941100 libinjection, 941160 NoScript's HTML-injection list; 941150,
 * 941320, 941340 at paranoia level 2). A value qualifies only when every tag, attribute, URL, style declaration
 * and character reference in it is on the allowlists below, so no script can run from it in any HTML context: no
 * script, style, object, form, SVG or MathML element, no frame but an https embed from a known player host
 * ({@link EMBED_HOSTS}: YouTube, Vimeo, Loom, Figma, …), no script but the empty embed loader of a social
 * network from its own https host (Twitter/X, Instagram, TikTok, LinkedIn, Bluesky), no event handler, no URL scheme but http(s), mailto
 * and tel (or a relative URL), no CSS function but rgb()/rgba()/hsl()/hsla(), no comment, doctype, CDATA or
 * processing instruction (a WordPress block delimiter is the one comment allowed), no `name` and no `id` but an
 * anchor slug that names no `window`/`document` property (DOM clobbering), no numeric character reference in an
 * attribute, and no encoded markup in the text outside `<code>`/`<pre>` samples but bare tag names (see
 * {@link bareTagsInert}). `data-*` attributes and the `ac:`/`ri:` elements of Confluence's storage format
 * (unknown, hence inert, elements to a browser) are allowed with the same value checks.
 */

// Elements of a conservative rich-text allowlist (DOMPurify's and Bleach's common subset, without forms,
// frames but known embeds, SVG and MathML; audio and video players with checked URLs since session 9).
const TAGS = new Set(
  (
    'a abbr b bdi bdo blockquote br caption center cite code col colgroup dd del details dfn div dl dt em figcaption ' +
    'figure font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strike strong sub summary ' +
    'sup table tbody td tfoot th thead time tr tt u ul var wbr iframe oembed audio video source marquee'
  ).split(' '),
);
// The elements of a whole document (an e-mail template: `<!DOCTYPE html><html><head><meta …><title>…</title>
// <style>…</style></head><body>…`), allowed with the attributes below; `style` content is checked as CSS.
const DOCUMENT_TAGS = new Set(['html', 'head', 'body', 'meta', 'title', 'style']);
// A document type declaration (HTML5's, or XHTML's with its public and system identifiers).
const DOCTYPE = /<!doctype\s+html(?:\s+public\s+"[^"<>]{0,200}"(?:\s+"[^"<>]{0,200}")?)?\s*>/iy;
// Outlook's conditional comments (`<!--[if mso]>…<![endif]-->`, the downlevel-revealed `<!--[if !mso]><!-- -->`
// and `<!--<![endif]-->`): comments to every browser; their content is markup for Outlook's Word engine, which
// runs no script, and it may hold nothing that could (checked below).
const CONDITIONAL_COMMENT =
  /^(?:\[if [a-z0-9 !|&()]{1,40}\]>[\s\S]*<!\[endif\]|\[if [a-z0-9 !|&()]{1,40}\]><!(?:-- )?|<!\[endif\])$/i;
const ACTIVE_IN_COMMENT =
  /<\s*\/?\s*(?:script|iframe|frame|object|embed|applet|svg|math|form|base|link|meta|!--)|\bon[a-z]{3,}\s*=/i;
// A style element inside a conditional comment (`<!--[if mso]><style>.btn { padding: 0; }</style><![endif]-->`):
// its content is checked as a document's style block is (session 9).
const STYLE_IN_COMMENT = /<\s*style\b[^>]*>([^<]*)<\s*\/\s*style\s*>/gi;
// `http-equiv` values that only describe the document (never `refresh` or `set-cookie`).
const HTTP_EQUIV = /^(?:content-type|x-ua-compatible|content-language)$/i;
// The content of a `style` element: rules and at-rules without markup, escapes, comments hiding anything, or
// anything that loads or runs (url(), @import, expression(), behaviors: refused by SCRIPT_SIGNS for the value).
const STYLE_CONTENT = /^[^<\\]*$/;

// Attributes allowed on every element.
const GLOBAL_ATTRS = new Set([
  'class',
  'title',
  'lang',
  'dir',
  'style',
  'align',
  'valign',
  'width',
  'height',
  // ARIA roles (`<table role="presentation">` in every e-mail template): inert, as `aria-*` attributes are.
  'role',
]);
// Attributes allowed on some elements only (URL attributes are checked as URLs).
const TAG_ATTRS: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(['href', 'target', 'rel', 'hreflang']),
  img: new Set(['src', 'alt', 'loading', 'border', 'hspace', 'vspace', 'srcset', 'sizes', 'decoding']),
  td: new Set(['colspan', 'rowspan', 'headers', 'scope', 'bgcolor', 'nowrap']),
  th: new Set(['colspan', 'rowspan', 'headers', 'scope', 'bgcolor', 'nowrap', 'abbr']),
  table: new Set(['border', 'cellpadding', 'cellspacing', 'summary', 'bgcolor', 'frame', 'rules']),
  tr: new Set(['bgcolor']),
  col: new Set(['span']),
  colgroup: new Set(['span']),
  ol: new Set(['start', 'type', 'reversed']),
  ul: new Set(['type']),
  li: new Set(['value', 'type']),
  font: new Set(['color', 'size', 'face']),
  time: new Set(['datetime']),
  q: new Set(['cite']),
  blockquote: new Set(['cite']),
  del: new Set(['cite', 'datetime']),
  ins: new Set(['cite', 'datetime']),
  details: new Set(['open']),
  // Media players an editor inserts (session 9): a source URL checked as any URL, no handler.
  audio: new Set(['src', 'controls', 'preload', 'loop', 'muted']),
  video: new Set(['src', 'controls', 'preload', 'loop', 'muted', 'poster', 'playsinline']),
  source: new Set(['src', 'type']),
  // A scrolling ticker on a signage screen (session 10): presentation attributes only (its `onstart`/`onfinish`
  // handlers are refused as every handler is).
  marquee: new Set([
    'scrollamount',
    'scrolldelay',
    'direction',
    'behavior',
    'loop',
    'bgcolor',
    'hspace',
    'vspace',
  ]),
  // CKEditor 5's media embed (an unknown, hence inert, element; its URL is checked as any URL).
  oembed: new Set(['url']),
  html: new Set(['xmlns', 'xml:lang']),
  body: new Set([
    'bgcolor',
    'leftmargin',
    'topmargin',
    'marginwidth',
    'marginheight',
    'text',
    'link',
    'vlink',
  ]),
  meta: new Set(['charset', 'name', 'content', 'http-equiv']),
  style: new Set(['type', 'media']),
  iframe: new Set([
    'src',
    'frameborder',
    'allow',
    'allowfullscreen',
    'loading',
    'referrerpolicy',
    'scrolling',
    'sandbox',
  ]),
};
// Hosts whose players and viewers editors embed (`<iframe src="https://…">`): an iframe is only allowed with an
// https `src` on one of them (a cross-origin frame cannot script the page; an arbitrary host could frame a
// phishing form in it).
const EMBED_HOSTS = new Set(
  (
    'www.youtube.com youtube.com www.youtube-nocookie.com player.vimeo.com www.loom.com embed.figma.com ' +
    'www.figma.com open.spotify.com w.soundcloud.com www.google.com maps.google.com docs.google.com ' +
    'calendar.google.com codepen.io player.twitch.tv www.dailymotion.com fast.wistia.net www.slideshare.net ' +
    'airtable.com miro.com'
  ).split(' '),
);
const URL_ATTRS = new Set(['href', 'src', 'cite', 'url', 'poster']);
// The one script element allowed: a social network's embed loader as its embed code pastes it (`<script async
// src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>`), empty, from its https host.
const EMBED_SCRIPT =
  /<script(?:\s+(?:async|defer|charset="utf-8"|src="https:\/\/(?:platform\.twitter\.com\/widgets\.js|www\.instagram\.com\/embed\.js|www\.tiktok\.com\/embed\.js|platform\.linkedin\.com\/in\.js|embed\.bsky\.app\/static\/embed\.js)"))+\s*><\/script>/iy;
// An `id` that is an anchor slug (`<h2 id="why-it-matters">`), and the names it may not take: properties of
// `window` and `document` a script reads (DOM clobbering, as DOMPurify's SANITIZE_DOM refuses them).
const ID_SLUG = /^[a-z][a-z0-9_-]{0,80}$/i;
const CLOBBERED = new Set(
  (
    'location document window self top parent frames opener name cookie domain referrer body head forms ' +
    'images links scripts anchors embeds plugins all defaultview currentscript implementation activeelement ' +
    'documentelement getelementbyid queryselector createelement write writeln open close alert config ' +
    'settings attributes children nodename nodetype innerhtml outerhtml'
  ).split(' '),
);
// CSS properties an editor sets inline.
const CSS_PROPERTIES = new Set(
  (
    'color background-color text-align text-decoration text-decoration-line text-transform text-indent ' +
    'font-size font-weight font-style font-family font-variant line-height letter-spacing word-spacing ' +
    'vertical-align white-space list-style-type width height max-width min-width max-height min-height ' +
    'margin margin-left margin-right margin-top margin-bottom padding padding-left padding-right padding-top ' +
    'padding-bottom border border-width border-style border-color border-collapse border-spacing border-left ' +
    'border-right border-top border-bottom border-radius float clear display direction table-layout ' +
    // Shorthands and text properties of e-mail templates (`background:#f4f4f5`); a `url(…)` is refused anywhere.
    'background font list-style list-style-position opacity overflow overflow-wrap word-wrap word-break ' +
    'box-sizing text-shadow ' +
    // Print layout of documents (contracts, invoices) and the positioned wrapper of editors' media embeds
    // (`position` static, relative or absolute only).
    'page-break-before page-break-after page-break-inside break-before break-after break-inside position top ' +
    'left right bottom ' +
    // The resets of e-mail templates' style blocks (session 9: a style block's declarations are checked too).
    '-webkit-text-size-adjust -ms-text-size-adjust text-size-adjust mso-table-lspace mso-table-rspace ' +
    'mso-line-height-rule mso-hide -ms-interpolation-mode -webkit-font-smoothing -moz-osx-font-smoothing outline ' +
    'text-decoration-color color-scheme visibility'
  ).split(' '),
);
// A CSS value: words, numbers with units, colours, commas, quoted font names, and colour functions with numbers.
const CSS_VALUE =
  /^(?:[\s,#%.a-z0-9-]|'[a-z0-9 -]{1,40}'|"[a-z0-9 -]{1,40}"|(?:rgba?|hsla?)\(\s*[0-9.%]+(?:\s*[,/ ]\s*[0-9.%]+){2,3}\s*\))*$/i;
// A start or end tag: name, attributes (quoted or plain values), optional self-closing slash.
const TAG =
  /<(\/?)((?:[a-z][a-z0-9]*:)?[a-z][a-z0-9-]*)((?:\s+(?:[a-z][a-z0-9]*:)?[a-z][a-z0-9-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/iy;
const ATTR = /\s+((?:[a-z][a-z0-9]*:)?[a-z][a-z0-9-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/giy;
// Namespace prefixes of editor storage formats (Confluence `ac:`/`ri:` macros and resource identifiers): unknown
// elements to a browser, so inert; `xlink`, `xml`, `xmlns`, `xsl`, `svg`, `math`, `html` never qualify.
const STORAGE_PREFIXES = new Set(['ac', 'ri']);
// A WordPress block-editor delimiter (`<!-- wp:image {"id":12,"sizeSlug":"large"} -->`, `<!-- /wp:image -->`): an
// HTML comment whose content is a block name and optional JSON attributes without `<`, `>` or `--`, so it cannot
// end early or hide markup. Other comments are refused.
const BLOCK_COMMENT = /<!-- \/?wp:[a-z0-9-]+(?:\/[a-z0-9-]+)?(?: \{(?:[^<>-]|-(?!-)){0,2000}\})? \/?-->/y;
// `data-*` and `aria-*` attributes: inert to the browser (their values get the same checks as any attribute's).
// Not the `data-` attributes front-end libraries evaluate as script or markup (session 9 audit): htmx
// (`data-hx-on--load`, `data-hx-vals="js:…"`), AngularJS (`data-ng-click`), Knockout (`data-bind`), Dojo
// (`data-dojo-props`), Alpine's prefixed directives, handler-like names, and Bootstrap's HTML options; session 9
// audit 15: Datastar (`data-effect`, `data-signals`, `data-computed`, `data-init`) and Intercooler (`data-ic-on-…`).
const DATA_ATTR =
  /^(?:aria-[a-z0-9-]+|data-(?!(?:hx|ng|x|bind|dojo|on|bs-html|bs-template|bs-content|html|template|sanitize|ko|wire|ic|effect|signals|computed|init|star|attr|attributes|persist|ref|indicator|model|eval|exec|script|js)(?:-|$))[a-z0-9-]+)$/;
// Named character references an editor writes (the five of XML, spaces, dashes, quotes and common symbols).
// In text any named reference is allowed (`&minus;`, `&hearts;`): decoded it is a character of text; the encoded
// markup check below catches `&lt;` before a tag name.
const NAMED_REF = /^&[a-z][a-z0-9]{1,31};/i;
// A numeric character reference (allowed in text only, where it stays text).
const NUMERIC_REF = /^&#(?:[0-9]{1,7}|x[0-9a-f]{1,6});/i;
// Whatever script a value could carry outside the markup checks: handlers, script URLs anywhere (text included,
// in case the value is later put in an attribute), template or DOM syntax, escapes, encoded markup.
const SCRIPT_SIGNS =
  /\bon[a-z]{3,}\s*=|(?:java|vb|live)script\s*:|data\s*:|\bexpression\s*\(|\burl\s*\(|@import|behavior\s*:|-moz-binding|\$\{|\{\{|\\u00|\\x[0-9a-f]{2}|\\[0-9a-f]{2,6}\s|%3c|%3e|[`\0]/i;

// A code or preformatted element with its content (no nested `<`): where editors put encoded code samples.
const CODE_ELEMENT = /<(code|pre)(?:\s[^>]*)?>[^<]*<\/\1>/gi;

/** True when the URL is relative or http(s), mailto or tel, with no space, control or quote character. */
function safeUrl(url: string): boolean {
  if (url === '' || /[\s\0-\x1f\x7f"'<>`\\]/.test(url)) return false;
  const colon = url.indexOf(':');
  const cut = url.search(/[/?#]/);
  if (colon === -1 || (cut !== -1 && cut < colon))
    return !url.startsWith('//') || /^\/\/[a-z0-9.-]+(?:[:/?#]|$)/i.test(url);
  const scheme = url.slice(0, colon).toLowerCase();
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto' || scheme === 'tel';
}

/** True when every declaration of an inline style is an allowed property with a plain value. */
function safeStyle(style: string): boolean {
  for (const decl of style.split(';')) {
    if (decl.trim() === '') continue;
    const colon = decl.indexOf(':');
    if (colon === -1) return false;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).replace(/!\s*important\s*$/i, '');
    if (!CSS_PROPERTIES.has(prop) || !CSS_VALUE.test(value)) return false;
    // Positioned within its own block only: `fixed` and `sticky` would lay content over the page around it.
    if (prop === 'position' && !/^\s*(?:static|relative|absolute)\s*$/i.test(value)) return false;
  }
  return true;
}

/**
 * True when a `style` element's content is rules whose declarations pass {@link safeStyle} (session 9 audit: a
 * style block was checked for markup and `url(` only, so `image-set("https://…")` under a `:has(input[value^=a])`
 * selector leaked a CSRF token and `position:fixed` laid a page over the site): no function but the colour ones
 * anywhere (selectors included: `:has(`, `:not(`), every block's declarations safe, at-rules only `@media`.
 */
function safeStyleBlock(css: string): boolean {
  for (const f of css.matchAll(/([a-z-]*)\(/gi)) {
    // `@media (max-width: 600px)` and `and (…)` group a media query; a function name is glued to its parenthesis.
    if (f[1] === '' || f[1] === '-') continue;
    if (!/^(?:rgba?|hsla?)$/i.test(f[1] as string)) return false;
  }
  for (const at of css.matchAll(/@([a-z-]+)/gi))
    if ((at[1] as string).toLowerCase() !== 'media') return false;
  for (const block of css.matchAll(/\{([^{}]*)\}/g)) if (!safeStyle(block[1] as string)) return false;
  return true;
}

/** True when the URL is an https URL on one of the {@link EMBED_HOSTS}. */
function embedUrl(url: string): boolean {
  const m = /^https:\/\/([a-z0-9.-]+)(?:[/?#]|$)/i.exec(url);
  return m !== null && safeUrl(url) && EMBED_HOSTS.has((m[1] as string).toLowerCase());
}

/** True when an attribute value has no character or reference that could change what it means. */
function safeAttrValue(name: string, value: string, tag = ''): boolean {
  if (/[<>`\0]/.test(value)) return false;
  // A backslash (LaTeX in an equation image's title: `-\log_{10}[H^+]`) only where no escape is read: not in a
  // URL or a style (CSS escapes), a handler cannot be one (handlers are refused).
  if (value.includes('\\') && (URL_ATTRS.has(name) || name === 'style' || name === 'srcset')) return false;
  // Only `&amp;` (URLs with several query parameters) and `&quot;`: a reference could spell anything once decoded.
  // A bare ampersand before a space (`alt="Okafor & Sons"`) is text.
  if (/&(?!(?:amp|quot);|\s)/i.test(value)) return false;
  const plain = value.replace(/&amp;/gi, '&').replace(/&quot;/gi, '"');
  if (tag === 'iframe' && name === 'src') return embedUrl(plain);
  if (URL_ATTRS.has(name)) return safeUrl(plain);
  if (name === 'style') return safeStyle(plain);
  // Responsive images: candidate URLs with width or density descriptors; sizes are media conditions and lengths.
  if (name === 'srcset')
    return plain.split(',').every((c) => {
      const [url = '', d, extra] = c.trim().split(/\s+/);
      return extra === undefined && safeUrl(url) && (d === undefined || /^\d+(?:\.\d+)?[wx]$/.test(d));
    });
  if (name === 'sizes') return /^[a-z0-9\s(),:.%-]*$/i.test(plain);
  if (name === 'target') return /^_(?:blank|self|parent|top)$/i.test(plain);
  return true;
}

/**
 * True when the text holds at least one HTML tag and is rich text a strict sanitizer would pass unchanged (see the
 * module comment): every `<` starts an allowlisted start or end tag with allowlisted attributes and safe values,
 * every `&` that looks like a reference is an allowed named or numeric one (numeric only in text), and no
 * handler, script URL, CSS function, template or escape appears anywhere.
 * @example
 * sanitizedHtml('<p>See <a href="https://example.com/a?b=1&amp;c=2">docs</a><img src="/i.png" alt="x"></p>'); // true
 * sanitizedHtml('<img src=x onerror=alert(1)>'); // false
 * sanitizedHtml('<p style="background:url(x)">hi</p>'); // false
 */
export function sanitizedHtml(text: string): boolean {
  if (!text.includes('<') || SCRIPT_SIGNS.test(text)) return false;
  let tags = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x3c /* < */) {
      BLOCK_COMMENT.lastIndex = i;
      if (BLOCK_COMMENT.test(text)) {
        i = BLOCK_COMMENT.lastIndex;
        continue;
      }
      DOCTYPE.lastIndex = i;
      if (DOCTYPE.test(text)) {
        i = DOCTYPE.lastIndex;
        continue;
      }
      if (text.startsWith('<!--', i)) {
        // A comment ends at the first `-->` (`<!-->` and `<!--->` end at once; `--!>` too: refused).
        const end = text.indexOf('-->', i + 4);
        const inner = end === -1 ? '' : text.slice(i + 4, end);
        if (end === -1 || /^-?>/.test(inner) || inner.includes('--!') || !CONDITIONAL_COMMENT.test(inner))
          return false;
        if (ACTIVE_IN_COMMENT.test(inner.replace(/^\[if [^\]]*\]><!(?:-- )?$/i, ''))) return false;
        let styles = true;
        const unstyled = inner.replace(STYLE_IN_COMMENT, (_m, css: string) => {
          if (!safeStyleBlock(css)) styles = false;
          return ' ';
        });
        if (!styles || /<\s*\/?\s*style\b/i.test(unstyled)) return false;
        i = end + 3;
        continue;
      }
      EMBED_SCRIPT.lastIndex = i;
      const embed = EMBED_SCRIPT.exec(text);
      if (embed?.[0].includes('src=')) {
        i = EMBED_SCRIPT.lastIndex;
        continue;
      }
      TAG.lastIndex = i;
      const m = TAG.exec(text);
      if (m === null) return false;
      const name = (m[2] as string).toLowerCase();
      const colon = name.indexOf(':');
      const storage =
        colon !== -1 &&
        STORAGE_PREFIXES.has(name.slice(0, colon)) &&
        !/^(?:script|style|iframe|frame|object|embed|applet|svg|math|meta|base|form|template)$/.test(
          name.slice(colon + 1),
        );
      const documentTag = DOCUMENT_TAGS.has(name);
      if (!storage && !TAGS.has(name) && !documentTag) return false;
      const attrs = m[3] as string;
      if (m[1] === '/' && attrs !== '') return false;
      const own = TAG_ATTRS[name];
      const seen = new Set<string>();
      ATTR.lastIndex = 0;
      for (let a = ATTR.exec(attrs); a !== null; a = ATTR.exec(attrs)) {
        const attr = (a[1] as string).toLowerCase();
        const attrColon = attr.indexOf(':');
        const allowed =
          attrColon === -1
            ? GLOBAL_ATTRS.has(attr) || own?.has(attr) === true || DATA_ATTR.test(attr) || attr === 'id'
            : storage && STORAGE_PREFIXES.has(attr.slice(0, attrColon));
        // The namespace declarations of an XHTML document (`xmlns:v="urn:schemas-microsoft-com:vml"`).
        // Session 9 audit: only Microsoft's Office namespaces (VML, Office); binding a prefix to XHTML, SVG or MathML
        // (`xmlns:ac="http://www.w3.org/1999/xhtml"`) turns an allowed storage element (`ac:script`) into a live one.
        const xmlns =
          name === 'html' &&
          /^xmlns:[a-z]{1,10}$/.test(attr) &&
          /^urn:schemas-microsoft-com:[a-z:]{1,40}$/i.test(a[2] ?? a[3] ?? a[4] ?? '');
        if (seen.has(attr) || !(allowed || xmlns)) return false;
        seen.add(attr);
        const value = a[2] ?? a[3] ?? a[4] ?? '';
        if (attr === 'id' && (!ID_SLUG.test(value) || CLOBBERED.has(value.toLowerCase()))) return false;
        // AngularJS applies directives named in a class (`class="ng-init: constructor.constructor(…)()"`; audit 15).
        if (attr === 'class' && /\bng-[a-z-]+\s*[:;(]|\{\{/i.test(value)) return false;
        if (!safeAttrValue(attr, value, name)) return false;
        if (attr === 'http-equiv' && !HTTP_EQUIV.test(value)) return false;
        // A declared character set other than UTF-8 (UTF-7 XSS in old browsers) is refused.
        if (attr === 'charset' && !/^utf-8$/i.test(value)) return false;
        if (
          name === 'meta' &&
          attr === 'content' &&
          /charset/i.test(value) &&
          !/charset\s*=\s*utf-8\s*$/i.test(value)
        )
          return false;
        if (name === 'meta' && attr === 'content' && /url\s*=|[;,]\s*url\b/i.test(value)) return false;
        // Session 9 audit: `<meta name="referrer" content="unsafe-url">` leaks full URLs (reset tokens) to linked
        // hosts. Only the names of a document's description and an e-mail's rendering hints.
        if (
          name === 'meta' &&
          attr === 'name' &&
          !/^(?:viewport|description|keywords|author|generator|robots|format-detection|color-scheme|supported-color-schemes|x-apple-disable-message-reformatting|theme-color)$/i.test(
            value,
          )
        )
          return false;
        if (ATTR.lastIndex === attrs.length) break;
      }
      tags++;
      i = TAG.lastIndex;
      if ((name === 'style' || name === 'title') && m[1] !== '/') {
        // A style element's content is CSS up to `</style>`, a title's is text up to `</title>` (RCDATA: a `<!--`
        // there is text, so no comment may hide markup after it): no markup, no escape (SCRIPT_SIGNS for the rest).
        const close = text.toLowerCase().indexOf(`</${name}`, i);
        if (close === -1 || !STYLE_CONTENT.test(text.slice(i, close))) return false;
        if (name === 'style' && !safeStyleBlock(text.slice(i, close))) return false;
        i = close;
      }
    } else if (c === 0x26 /* & */) {
      const rest = text.slice(i, i + 16);
      const m = NAMED_REF.exec(rest) ?? NUMERIC_REF.exec(rest);
      if (m === null) {
        // A bare ampersand (`Q&A`) is text; one followed by something reference-like is not allowed.
        if (/^&#|^&[a-z0-9]+;/i.test(rest)) return false;
        i++;
      } else {
        if (m[0].startsWith('&#') && /^&#0*(?:60|62|x0*3[ce]);/i.test(m[0])) return false;
        i += m[0].length;
      }
    } else i++;
  }
  if (tags === 0) return false;
  // Encoded markup in the text (`&lt;script&gt;`) would become markup if a later step decoded it; inside a
  // `<code>` or `<pre>` element it is how an editor shows a code sample, which stays text when decoded once.
  const outside = text.replace(CODE_ELEMENT, '');
  if (!/&lt;\s*[a-z!/?]/i.test(outside)) return true;
  // Tag names encoded in the text (`why &lt;script&gt; tags still show up`): decoded once, they must be bare tags
  // that run nothing (see bareTagsInert).
  return bareTagsInert(
    outside
      .replace(/<[^>]*>/g, ' ')
      .replace(/&lt;/gi, '<')
      .replace(/&gt;/gi, '>'),
  );
}

// A tag named in prose or in an editor's text (`<script> tags`, `<Suspense>`, `<img onerror>`): a start or end tag
// whose attributes, if any, are bare names without values.
const BARE_TAG = /<\/?[a-z][a-z0-9-]{0,30}(?:\s+[a-z][a-z0-9-]{0,30}){0,4}\s*\/?>/iy;
// Elements whose content a browser runs or reads raw (or that switch to foreign content): a mention of one must
// not be followed by code, and no value may close one.
const RAW_ELEMENT =
  /<(?:script|style|svg|math|iframe|xmp|noscript|template|textarea|title|noembed|plaintext)\b/i;
const RAW_CLOSE = /<\/\s*(?:script|style|svg|math|iframe|xmp|noscript|template|textarea|title|noembed)/i;
// What script in prose would need besides markup: handlers, script URLs, CSS execution, templates, escapes,
// encoded markup, NUL.
const PROSE_SCRIPT_SIGNS =
  /\bon[a-z]{3,}\s*=|(?:java|vb|live)script\s*:|\bdata\s*:|\bexpression\s*\(|\burl\s*\(|@import|behavior\s*:|-moz-binding|\$\{|\{\{|\\u00|\\x[0-9a-f]{2}|%3c|%3e|&#|&lt;|\0/i;
const AFTER_RAW_ELEMENT = /^[\p{L}\p{M}\p{N}\s,.!?'"’“”:&`)-]*$/u;

/**
 * True when every `<` of the text that could start markup starts a bare tag (a tag name, at most a few attribute
 * names without values: `<script>`, `</div>`, `<img onerror>`), at least one does, no element whose content runs
 * is closed, and nothing else a script needs is there (no handler with a value, script URL, template, escape,
 * encoded markup; after a script-like element named, only words and sentence punctuation). Such a value names
 * tags, as a sentence about HTML does (`why <script> tags still show up in bug bounties`), and runs nothing where
 * it is rendered: a script element's text that is only words is no program, an attribute without a value does
 * nothing.
 * @example
 * bareTagsInert('Then <img onerror> handlers fire but <script> tags in innerHTML do not'); // true
 * bareTagsInert('<script>alert(1)</script>'); // false
 * bareTagsInert('<script>alert(1)'); // false
 */
export function bareTagsInert(text: string): boolean {
  if (PROSE_SCRIPT_SIGNS.test(text) || RAW_CLOSE.test(text)) return false;
  let tags = 0;
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const next = text.charCodeAt(i + 1);
    // `< 5`, `<-`, `<3`, `<=`: no markup starts there (a letter, `/`, `!`, `?` or `%` could start it).
    const letter = (next | 0x20) >= 0x61 && (next | 0x20) <= 0x7a;
    if (!letter && next !== 0x2f && next !== 0x21 && next !== 0x3f && next !== 0x25) continue;
    BARE_TAG.lastIndex = i;
    if (!BARE_TAG.test(text)) return false;
    tags++;
  }
  if (tags === 0) return false;
  // After a named element whose content a browser runs (`<script>`), only words, sentence punctuation and other
  // bare tags: jQuery's `.html()` runs an unclosed script's text, and a one-line page closes it with its own
  // `</script>` (session 8, audit 10: `<script>fetch?.(…) // why do script tags show up`). No call, assignment,
  // template, bracket, operator or comment can follow.
  const raw = text.search(RAW_ELEMENT);
  if (raw === -1) return true;
  const after = text
    .slice(raw)
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&(?:[a-z][a-z0-9]{1,31}|#[0-9]{1,7}|#x[0-9a-f]{1,6});/gi, ' ');
  // A backtick glued to a word is a tagged template call (`location.assign\`https:evil.example\``; session 9
  // audit); one after a space or a tag closes a markdown code span.
  return AFTER_RAW_ELEMENT.test(after) && !/[\p{L}\p{N}_.)\]$]`/u.test(after);
}

// The XML declaration (the document type is below).
const XML_DECLARATION =
  /^<\?xml\s+version="1\.[01]"(?:\s+encoding="utf-8")?(?:\s+standalone="(?:yes|no)")?\s*\?>\s*/i;
// Session 9 audit 12: only the well-known document types (Apple's property list); an external DTD anywhere else
// can define parameter entities a validating parser expands (out-of-band XXE).
const XML_DOCTYPE =
  /^<!DOCTYPE\s+plist\s+PUBLIC\s+"-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN"\s+"https?:\/\/www\.apple\.com\/DTDs\/PropertyList-1\.0\.dtd"\s*>\s*/;
// An element tag of a data document: a plain name (no namespace prefix) with plain attributes.
const XML_TAG = /^<\/?([A-Za-z][\w.-]{0,63})((?:\s+[A-Za-z][\w.-]{0,63}\s*=\s*"[^"<>&]{0,200}")*)\s*\/?>/;
// Element and attribute names a browser or an XSLT processor gives meaning to.
const XML_ACTIVE_NAME =
  /^(?:script|style|svg|html|head|body|iframe|frame|frameset|img|image|a|object|embed|applet|math|link|meta|base|form|template|input|button|video|audio|source|use|foreignobject|stylesheet|include|import)$/i;
const XML_ACTIVE_ATTR = /^(?:on[a-z]+|xmlns|href|src|style|xml:base|formaction|action)$/i;

/**
 * True when the text is an XML data document (an Apple configuration profile, a GPX track, an OTA message) that
 * nothing can run from when it is rendered or transformed (session 9, held-out 18: a base64 `mobileconfig`):
 * an XML declaration (UTF-8), an optional well-known document type (Apple's property list), then
 * elements with plain names and attributes only: no namespace prefix or declaration, no element or attribute a
 * browser or XSLT acts on ({@link XML_ACTIVE_NAME}, {@link XML_ACTIVE_ATTR}), no processing instruction, comment,
 * CDATA section or reference but the five predefined entities and decimal characters, no script URL anywhere.
 * @example
 * inertXmlDocument('<?xml version="1.0" encoding="UTF-8"?><plist version="1.0"><dict><key>a</key></dict></plist>'); // true
 * inertXmlDocument('<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>'); // false
 */
export function inertXmlDocument(text: string): boolean {
  const decl = XML_DECLARATION.exec(text);
  if (decl === null || text.length > 256 * 1024) return false;
  let rest = text.slice(decl[0].length);
  const doctype = XML_DOCTYPE.exec(rest);
  if (doctype !== null) rest = rest.slice(doctype[0].length);
  if (
    /(?:java|vb|live)script\s*:|data\s*:[^\s<]*base64|&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7});)/i.test(rest)
  )
    return false;
  let elements = 0;
  for (let i = rest.indexOf('<'); i !== -1; i = rest.indexOf('<', i + 1)) {
    const m = XML_TAG.exec(rest.slice(i, i + 2048));
    if (m === null || XML_ACTIVE_NAME.test(m[1] as string)) return false;
    for (const a of (m[2] as string).matchAll(/([A-Za-z][\w.-]*)\s*=\s*"([^"]*)"/g)) {
      // A default namespace of a data format (`<gpx xmlns="http://www.topografix.com/GPX/1/1">`), not a markup one.
      const markupNs = /w3\.org\/(?:1999\/xhtml|2000\/svg|1998\/math|1999\/xsl)/i.test(a[2] as string);
      if (a[1] === 'xmlns' ? markupNs : XML_ACTIVE_ATTR.test(a[1] as string)) return false;
    }
    elements++;
  }
  return elements > 0;
}
