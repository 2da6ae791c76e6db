/**
 * XML request body processor: a small non-validating, well-formedness-checking parser that yields what CRS reads
 * through the `XML` collection, without ever expanding entities or fetching anything.
 *
 * - `XML:/*` (the XPath of the root element): one value, the concatenated text content of the root element (text
 *   and CDATA of every descendant, whitespace included), which is what ModSecurity's `xmlNodeGetContent` returns.
 * - `XML://@*` (every attribute): one value per attribute, in document order.
 *
 * Safety: a `<!DOCTYPE>` (with its internal subset) is skipped, never interpreted; only the five predefined
 * entities and character references are decoded; any other entity reference is an error (no expansion at all,
 * so no "billion laughs" and no external entity fetch). Nesting deeper than `maxDepth` and more than `maxNodes`
 * elements and attributes are errors. The output is never larger than the input.
 *
 * Errors (malformed XML, invalid UTF-8 when the document is UTF-8, limits) are reported like ModSecurity's XML
 * processor does: the engine sets `REQBODY_ERROR` to 1 and `REQBODY_ERROR_MSG` to the message.
 * Input and output are byte strings (one char per byte, latin1); character references are emitted as UTF-8 bytes.
 */

/** Limits of {@link parseXmlBody}. */
export interface XmlBodyLimits {
  /** Deepest element nesting. Default 256. */
  readonly maxDepth?: number;
  /** Most elements plus attributes. Default 100000. */
  readonly maxNodes?: number;
}

/** Result of {@link parseXmlBody}. */
export type XmlBodyResult =
  | { readonly ok: true; readonly text: string; readonly attributes: readonly string[] }
  | { readonly ok: false; readonly error: string };

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const utf8 = new TextDecoder('utf-8', { fatal: true });
const NAME_START = /[A-Za-z_:\x80-\xff]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\x80-\xff]/;

class XmlError extends Error {}

function codePointBytes(cp: number): string {
  return Buffer.from(String.fromCodePoint(cp), 'utf8').toString('latin1');
}

/**
 * Parses an XML document (byte string).
 *
 * @example
 * parseXmlBody('<a x="1">hi<b>there</b></a>'); // { ok: true, text: 'hithere', attributes: ['1'] }
 */
// Declared encodings whose ASCII range is ASCII, byte for byte (UTF-8, US-ASCII, ISO-8859-x, Windows-125x).
const ASCII_COMPATIBLE =
  /^(?:utf-?8|us-ascii|ascii|iso-8859-(?:[1-9]|1[0-5])|iso8859-(?:[1-9]|1[0-5])|latin-?1|windows-125[0-8]|cp125[0-8])$/;

export function parseXmlBody(body: string, limits: XmlBodyLimits = {}): XmlBodyResult {
  const maxDepth = limits.maxDepth ?? 256;
  const maxNodes = limits.maxNodes ?? 100_000;
  const s = body;
  const n = s.length;
  let p = 0;
  let nodes = 0;
  let text = '';
  const attributes: string[] = [];

  const fail = (msg: string): never => {
    throw new XmlError(`XML parser error: ${msg} at offset ${p}`);
  };
  const skipWs = (): void => {
    while (p < n) {
      const c = s.charCodeAt(p);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) p++;
      else break;
    }
  };
  const name = (): string => {
    const start = p;
    if (p >= n || !NAME_START.test(s[p] as string)) fail('name expected');
    p++;
    while (p < n && NAME_CHAR.test(s[p] as string)) p++;
    return s.slice(start, p);
  };
  /** Decodes entity and character references in s[start, end). */
  const decode = (start: number, end: number): string => {
    let out = '';
    let last = start;
    for (let i = s.indexOf('&', start); i !== -1 && i < end; i = s.indexOf('&', i + 1)) {
      const window = s.slice(i, Math.min(end, i + 14)).indexOf(';');
      const semi = window === -1 ? -1 : i + window;
      if (semi === -1) {
        p = i;
        fail('malformed entity reference');
      }
      const ref = s.slice(i + 1, semi);
      let rep: string | undefined;
      if (ref.startsWith('#x') || ref.startsWith('#X')) {
        const cp = /^[0-9a-fA-F]+$/.test(ref.slice(2)) ? Number.parseInt(ref.slice(2), 16) : Number.NaN;
        if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff))
          fail('invalid character reference');
        rep = codePointBytes(cp);
      } else if (ref.startsWith('#')) {
        const cp = /^[0-9]+$/.test(ref.slice(1)) ? Number.parseInt(ref.slice(1), 10) : Number.NaN;
        if (!(cp > 0 && cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff))
          fail('invalid character reference');
        rep = codePointBytes(cp);
      } else {
        rep = PREDEFINED[ref];
        if (rep === undefined) {
          p = i;
          fail(`entity '${ref}' not defined (entities are never expanded)`);
        }
      }
      out += s.slice(last, i) + rep;
      last = semi + 1;
      i = semi;
    }
    return out + s.slice(last, end);
  };
  /** Skips `<!-- ... -->` or `<? ... ?>` starting at p; true when one was skipped. */
  const misc = (): boolean => {
    if (s.startsWith('<!--', p)) {
      const end = s.indexOf('-->', p + 4);
      if (end === -1) fail('unterminated comment');
      p = end + 3;
      return true;
    }
    if (s.startsWith('<?', p)) {
      const end = s.indexOf('?>', p + 2);
      if (end === -1) fail('unterminated processing instruction');
      p = end + 2;
      return true;
    }
    return false;
  };
  const doctype = (): void => {
    // Skipped, never interpreted: quoted strings and the bracketed internal subset are stepped over.
    p += 9;
    let depth = 0;
    while (p < n) {
      if (misc()) continue;
      const c = s[p] as string;
      if (c === '"' || c === "'") {
        const end = s.indexOf(c, p + 1);
        if (end === -1) fail('unterminated literal in DOCTYPE');
        p = end + 1;
        continue;
      }
      if (c === '[') depth++;
      else if (c === ']') depth--;
      else if (c === '>' && depth <= 0) {
        p++;
        return;
      }
      p++;
    }
    fail('unterminated DOCTYPE');
  };
  const element = (depth: number): void => {
    if (depth > maxDepth) fail(`nesting deeper than ${maxDepth}`);
    if (++nodes > maxNodes) fail(`more than ${maxNodes} nodes`);
    p++; // '<'
    const tag = name();
    const seen = new Set<string>();
    for (;;) {
      const before = p;
      skipWs();
      if (s.startsWith('/>', p)) {
        p += 2;
        return;
      }
      if (s[p] === '>') {
        p++;
        break;
      }
      if (p === before) fail('whitespace expected between attributes');
      const an = name();
      if (seen.has(an)) fail(`duplicate attribute ${an}`);
      seen.add(an);
      skipWs();
      if (s[p] !== '=') fail('= expected after attribute name');
      p++;
      skipWs();
      const q = s[p];
      if (q !== '"' && q !== "'") fail('quoted attribute value expected');
      const end = s.indexOf(q as string, p + 1);
      if (end === -1) fail('unterminated attribute value');
      if (s.slice(p + 1, end).includes('<')) fail("'<' in attribute value");
      if (++nodes > maxNodes) fail(`more than ${maxNodes} nodes`);
      attributes.push(decode(p + 1, end));
      p = end + 1;
    }
    // Content.
    for (;;) {
      const lt = s.indexOf('<', p);
      if (lt === -1) fail(`element ${tag} not closed`);
      if (lt > p) text += decode(p, lt);
      p = lt;
      if (s.startsWith('</', p)) {
        p += 2;
        const close = name();
        if (close !== tag) fail(`closing tag ${close} does not match ${tag}`);
        skipWs();
        if (s[p] !== '>') fail('> expected');
        p++;
        return;
      }
      if (s.startsWith('<![CDATA[', p)) {
        const end = s.indexOf(']]>', p + 9);
        if (end === -1) fail('unterminated CDATA section');
        text += s.slice(p + 9, end);
        p = end + 3;
        continue;
      }
      if (misc()) continue;
      if (s.startsWith('<!', p)) fail('markup declaration inside an element');
      element(depth + 1);
    }
  };

  try {
    if (s.startsWith('\xef\xbb\xbf')) p = 3;
    const decl = /^<\?xml[^?]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(s.slice(p, p + 200));
    const enc = decl?.[1]?.toLowerCase() ?? 'utf-8';
    // Only encodings in which every ASCII character is its own byte are inspected: in ISO-2022-JP, UTF-7,
    // UTF-16 or EBCDIC a backend's parser decodes bytes the rules never see as text (`ESC ( B` between the
    // letters of `${jndi:…}`), so such a document is refused as one the processor cannot read.
    if (!ASCII_COMPATIBLE.test(enc)) fail(`unsupported encoding ${enc}`);
    if (enc === 'utf-8' || enc === 'utf8') {
      try {
        utf8.decode(Buffer.from(s, 'latin1'));
      } catch {
        fail('input is not valid UTF-8');
      }
    }
    let root = false;
    for (;;) {
      skipWs();
      if (p >= n) break;
      if (misc()) continue;
      if (s.startsWith('<!DOCTYPE', p)) {
        if (root) fail('DOCTYPE after the root element');
        doctype();
        continue;
      }
      if (s[p] !== '<') fail('content outside the root element');
      if (root) fail('extra content after the root element');
      element(1);
      root = true;
    }
    if (!root) fail('no root element');
  } catch (err) {
    if (err instanceof XmlError) return { ok: false, error: err.message };
    throw err;
  }
  return { ok: true, text, attributes };
}
