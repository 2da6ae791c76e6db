/**
 * libinjection-equivalent XSS detector (`@detectXSS`).
 *
 * A TypeScript port of libinjection's libinjection_html5.c (an HTML5 tokenizer state machine, with
 * the IE quirks libinjection models) and libinjection_xss.c (black lists of tags, attributes and URL
 * schemes), libinjection 3.9.2 as bundled with libmodsecurity 3.0.9 (the CRS reference; differentially tested
 * against it, see detect.test.ts), BSD 3-Clause, Copyright 2012-2016 Nick Galbreath.
 * The input is tokenized five times, starting in the data state and in each attribute-value state,
 * as `libinjection_xss` does.
 *
 * Input is a byte string (one char per byte, codes 0-255).
 */

const DATA_TEXT = 0;
const TAG_NAME_OPEN = 1;
const TAG_NAME_CLOSE = 2;
const TAG_NAME_SELFCLOSE = 3;
const TAG_CLOSE = 5;
const ATTR_NAME = 6;
const ATTR_VALUE = 7;
const TAG_COMMENT = 8;
const DOCTYPE = 9;

const EOF = -1;

type State = (h: H5) => boolean;

/** The HTML5 tokenizer state (libinjection's h5_state_t). */
class H5 {
  readonly s: string;
  readonly len: number;
  pos = 0;
  isClose = false;
  state: State;
  tokenStart = 0;
  tokenLen = 0;
  tokenType = DATA_TEXT;

  constructor(s: string, state: State) {
    this.s = s;
    this.len = s.length;
    this.state = state;
  }

  code(i: number): number {
    return i < this.len ? this.s.charCodeAt(i) : 0;
  }

  set(start: number, len: number, type: number): void {
    this.tokenStart = start;
    this.tokenLen = len;
    this.tokenType = type;
  }
}

/** `strchr(" \t\n\v\f\r", ch)`: NUL matches too. */
const isWhite = (c: number): boolean => c === 0 || c === 0x20 || (c >= 0x09 && c <= 0x0d);
const isAlpha = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

function skipWhite(h: H5): number {
  while (h.pos < h.len) {
    const c = h.s.charCodeAt(h.pos);
    if (c === 0 || c === 0x20 || (c >= 0x09 && c <= 0x0d)) h.pos += 1;
    else return c === 0xff ? EOF : c; // signed char: 0xFF is indistinguishable from EOF (-1)
  }
  return EOF;
}

const stateEof: State = () => false;

const stateData: State = (h) => {
  if (h.len < h.pos) return false;
  const idx = h.s.indexOf('<', h.pos);
  if (idx === -1) {
    h.set(h.pos, h.len - h.pos, DATA_TEXT);
    h.state = stateEof;
    return h.tokenLen !== 0;
  }
  h.set(h.pos, idx - h.pos, DATA_TEXT);
  h.pos = idx + 1;
  h.state = stateTagOpen;
  if (h.tokenLen === 0) return stateTagOpen(h);
  return true;
};

const stateTagOpen: State = (h) => {
  if (h.pos >= h.len) return false;
  const c = h.s.charCodeAt(h.pos);
  if (c === 0x21) {
    h.pos += 1;
    return stateMarkupDeclarationOpen(h);
  }
  if (c === 0x2f) {
    h.pos += 1;
    h.isClose = true;
    return stateEndTagOpen(h);
  }
  if (c === 0x3f) {
    h.pos += 1;
    return stateBogusComment(h);
  }
  if (c === 0x25) {
    h.pos += 1;
    return stateBogusComment2(h);
  }
  if (isAlpha(c) || c === 0) return stateTagName(h);
  if (h.pos === 0) return stateData(h);
  h.set(h.pos - 1, 1, DATA_TEXT);
  h.state = stateData;
  return true;
};

const stateEndTagOpen: State = (h) => {
  if (h.pos >= h.len) return false;
  const c = h.s.charCodeAt(h.pos);
  if (c === 0x3e) return stateData(h);
  if (isAlpha(c)) return stateTagName(h);
  h.isClose = false;
  return stateBogusComment(h);
};

const stateTagNameClose: State = (h) => {
  h.isClose = false;
  h.set(h.pos, 1, TAG_NAME_CLOSE);
  h.pos += 1;
  h.state = h.pos < h.len ? stateData : stateEof;
  return true;
};

const stateTagName: State = (h) => {
  let pos = h.pos;
  while (pos < h.len) {
    const c = h.s.charCodeAt(pos);
    if (c === 0) {
      pos += 1;
    } else if (isWhite(c)) {
      h.set(h.pos, pos - h.pos, TAG_NAME_OPEN);
      h.pos = pos + 1;
      h.state = stateBeforeAttributeName;
      return true;
    } else if (c === 0x2f) {
      h.set(h.pos, pos - h.pos, TAG_NAME_OPEN);
      h.pos = pos + 1;
      h.state = stateSelfClosingStartTag;
      return true;
    } else if (c === 0x3e) {
      h.tokenStart = h.pos;
      h.tokenLen = pos - h.pos;
      if (h.isClose) {
        h.pos = pos + 1;
        h.isClose = false;
        h.tokenType = TAG_CLOSE;
        h.state = stateData;
      } else {
        h.pos = pos;
        h.tokenType = TAG_NAME_OPEN;
        h.state = stateTagNameClose;
      }
      return true;
    } else {
      pos += 1;
    }
  }
  h.set(h.pos, h.len - h.pos, TAG_NAME_OPEN);
  h.state = stateEof;
  return true;
};

const stateBeforeAttributeName: State = (h) => {
  const c = skipWhite(h);
  if (c === EOF) return false;
  if (c === 0x2f) {
    h.pos += 1;
    return stateSelfClosingStartTag(h);
  }
  if (c === 0x3e) {
    h.state = stateData;
    h.set(h.pos, 1, TAG_NAME_CLOSE);
    h.pos += 1;
    return true;
  }
  return stateAttributeName(h);
};

const stateAttributeName: State = (h) => {
  let pos = h.pos + 1;
  while (pos < h.len) {
    const c = h.s.charCodeAt(pos);
    if (isWhite(c)) {
      h.set(h.pos, pos - h.pos, ATTR_NAME);
      h.state = stateAfterAttributeName;
      h.pos = pos + 1;
      return true;
    }
    if (c === 0x2f) {
      h.set(h.pos, pos - h.pos, ATTR_NAME);
      h.state = stateSelfClosingStartTag;
      h.pos = pos + 1;
      return true;
    }
    if (c === 0x3d) {
      h.set(h.pos, pos - h.pos, ATTR_NAME);
      h.state = stateBeforeAttributeValue;
      h.pos = pos + 1;
      return true;
    }
    if (c === 0x3e) {
      h.set(h.pos, pos - h.pos, ATTR_NAME);
      h.state = stateTagNameClose;
      h.pos = pos;
      return true;
    }
    pos += 1;
  }
  h.set(h.pos, h.len - h.pos, ATTR_NAME);
  h.state = stateEof;
  h.pos = h.len;
  return true;
};

const stateAfterAttributeName: State = (h) => {
  const c = skipWhite(h);
  if (c === EOF) return false;
  if (c === 0x2f) {
    h.pos += 1;
    return stateSelfClosingStartTag(h);
  }
  if (c === 0x3d) {
    h.pos += 1;
    return stateBeforeAttributeValue(h);
  }
  if (c === 0x3e) return stateTagNameClose(h);
  return stateAttributeName(h);
};

const stateBeforeAttributeValue: State = (h) => {
  const c = skipWhite(h);
  if (c === EOF) {
    h.state = stateEof;
    return false;
  }
  if (c === 0x22) return stateAttributeValueDoubleQuote(h);
  if (c === 0x27) return stateAttributeValueSingleQuote(h);
  if (c === 0x60) return stateAttributeValueBackQuote(h);
  return stateAttributeValueNoQuote(h);
};

function attributeValueQuote(h: H5, q: string): boolean {
  if (h.pos > 0) h.pos += 1;
  const idx = h.pos <= h.len ? h.s.indexOf(q, h.pos) : -1;
  if (idx === -1) {
    h.set(h.pos, h.len - h.pos, ATTR_VALUE);
    h.state = stateEof;
  } else {
    h.set(h.pos, idx - h.pos, ATTR_VALUE);
    h.state = stateAfterAttributeValueQuoted;
    h.pos += h.tokenLen + 1;
  }
  return true;
}

const stateAttributeValueDoubleQuote: State = (h) => attributeValueQuote(h, '"');
const stateAttributeValueSingleQuote: State = (h) => attributeValueQuote(h, "'");
const stateAttributeValueBackQuote: State = (h) => attributeValueQuote(h, '`');

const stateAttributeValueNoQuote: State = (h) => {
  let pos = h.pos;
  while (pos < h.len) {
    const c = h.s.charCodeAt(pos);
    if (isWhite(c)) {
      h.set(h.pos, pos - h.pos, ATTR_VALUE);
      h.pos = pos + 1;
      h.state = stateBeforeAttributeName;
      return true;
    }
    if (c === 0x3e) {
      h.set(h.pos, pos - h.pos, ATTR_VALUE);
      h.pos = pos;
      h.state = stateTagNameClose;
      return true;
    }
    pos += 1;
  }
  h.state = stateEof;
  h.set(h.pos, h.len - h.pos, ATTR_VALUE);
  return true;
};

const stateAfterAttributeValueQuoted: State = (h) => {
  if (h.pos >= h.len) return false;
  const c = h.s.charCodeAt(h.pos);
  if (isWhite(c)) {
    h.pos += 1;
    return stateBeforeAttributeName(h);
  }
  if (c === 0x2f) {
    h.pos += 1;
    return stateSelfClosingStartTag(h);
  }
  if (c === 0x3e) {
    h.set(h.pos, 1, TAG_NAME_CLOSE);
    h.pos += 1;
    h.state = stateData;
    return true;
  }
  return stateBeforeAttributeName(h);
};

const stateSelfClosingStartTag: State = (h) => {
  if (h.pos >= h.len) return false;
  if (h.s.charCodeAt(h.pos) === 0x3e) {
    if (h.pos <= 0) return false;
    h.set(h.pos - 1, 2, TAG_NAME_SELFCLOSE);
    h.state = stateData;
    h.pos += 1;
    return true;
  }
  return stateBeforeAttributeName(h);
};

const stateBogusComment: State = (h) => {
  const idx = h.s.indexOf('>', h.pos);
  if (idx === -1) {
    h.set(h.pos, h.len - h.pos, TAG_COMMENT);
    h.pos = h.len;
    h.state = stateEof;
  } else {
    h.set(h.pos, idx - h.pos, TAG_COMMENT);
    h.pos = idx + 1;
    h.state = stateData;
  }
  return true;
};

const stateBogusComment2: State = (h) => {
  let pos = h.pos;
  for (;;) {
    const idx = h.s.indexOf('%', pos);
    if (idx === -1 || idx + 1 >= h.len) {
      h.set(h.pos, h.len - h.pos, TAG_COMMENT);
      h.pos = h.len;
      h.state = stateEof;
      return true;
    }
    if (h.s.charCodeAt(idx + 1) !== 0x3e) {
      pos = idx + 1;
      continue;
    }
    h.set(h.pos, idx - h.pos, TAG_COMMENT);
    h.pos = idx + 2;
    h.state = stateData;
    return true;
  }
};

const stateMarkupDeclarationOpen: State = (h) => {
  const remaining = h.len - h.pos;
  const seven = h.s.slice(h.pos, h.pos + 7);
  if (remaining >= 7 && seven.toUpperCase() === 'DOCTYPE' && /^[A-Za-z]{7}$/.test(seven))
    return stateDoctype(h);
  if (remaining >= 7 && seven === '[CDATA[') {
    h.pos += 7;
    return stateCdata(h);
  }
  if (remaining >= 2 && h.s[h.pos] === '-' && h.s[h.pos + 1] === '-') {
    h.pos += 2;
    return stateComment(h);
  }
  return stateBogusComment(h);
};

const stateComment: State = (h) => {
  let pos = h.pos;
  const end = h.len;
  const toEof = (): boolean => {
    h.state = stateEof;
    h.set(h.pos, h.len - h.pos, TAG_COMMENT);
    return true;
  };
  for (;;) {
    const idx = h.s.indexOf('-', pos);
    if (idx === -1 || idx > h.len - 3) return toEof();
    let offset = 1;
    while (idx + offset < end && h.s.charCodeAt(idx + offset) === 0) offset += 1;
    if (idx + offset === end) return toEof();
    let c = h.s.charCodeAt(idx + offset);
    if (c !== 0x2d && c !== 0x21) {
      pos = idx + 1;
      continue;
    }
    offset += 1;
    if (idx + offset === end) return toEof();
    c = h.s.charCodeAt(idx + offset);
    if (c !== 0x3e) {
      pos = idx + 1;
      continue;
    }
    offset += 1;
    h.set(h.pos, idx - h.pos, TAG_COMMENT);
    h.pos = idx + offset;
    h.state = stateData;
    return true;
  }
};

const stateCdata: State = (h) => {
  let pos = h.pos;
  for (;;) {
    const idx = h.s.indexOf(']', pos);
    if (idx === -1 || idx > h.len - 3) {
      h.state = stateEof;
      h.set(h.pos, h.len - h.pos, DATA_TEXT);
      return true;
    }
    if (h.s.charCodeAt(idx + 1) === 0x5d && h.s.charCodeAt(idx + 2) === 0x3e) {
      h.state = stateData;
      h.set(h.pos, idx - h.pos, DATA_TEXT);
      h.pos = idx + 3;
      return true;
    }
    pos = idx + 1;
  }
};

const stateDoctype: State = (h) => {
  h.tokenStart = h.pos;
  h.tokenType = DOCTYPE;
  const idx = h.s.indexOf('>', h.pos);
  if (idx === -1) {
    h.state = stateEof;
    h.tokenLen = h.len - h.pos;
  } else {
    h.state = stateData;
    h.tokenLen = idx - h.pos;
    h.pos = idx + 1;
  }
  return true;
};

// ---- black lists (libinjection_xss.c) ----

const ATTR_NONE = 0;
const ATTR_BLACK = 1;
const ATTR_URL = 2;
const ATTR_STYLE = 3;
const ATTR_INDIRECT = 4;

const BLACK_ATTRS: ReadonlyMap<string, number> = new Map([
  ['ACTION', ATTR_URL],
  ['ATTRIBUTENAME', ATTR_INDIRECT],
  ['BY', ATTR_URL],
  ['BACKGROUND', ATTR_URL],
  ['DATAFORMATAS', ATTR_BLACK],
  ['DATASRC', ATTR_BLACK],
  ['DYNSRC', ATTR_URL],
  ['FILTER', ATTR_STYLE],
  ['FORMACTION', ATTR_URL],
  ['FOLDER', ATTR_URL],
  ['FROM', ATTR_URL],
  ['HANDLER', ATTR_URL],
  ['HREF', ATTR_URL],
  ['LOWSRC', ATTR_URL],
  ['POSTER', ATTR_URL],
  ['SRC', ATTR_URL],
  ['STYLE', ATTR_STYLE],
  ['TO', ATTR_URL],
  ['VALUES', ATTR_URL],
  ['XLINK:HREF', ATTR_URL],
]);

const BLACK_TAGS: ReadonlySet<string> = new Set(
  'APPLET BASE COMMENT EMBED FRAME FRAMESET HANDLER IFRAME IMPORT ISINDEX LINK LISTENER META NOSCRIPT OBJECT SCRIPT STYLE VMLFRAME XML XSS'.split(
    ' ',
  ),
);

/** Upper-cases ASCII and drops NULs (`cstrcasecmp_with_null` compares this way). */
function normalize(s: string): string {
  return s.replaceAll('\0', '').replace(/[a-z]+/g, (m) => m.toUpperCase());
}

function isBlackTag(s: string): boolean {
  if (s.length < 3) return false;
  if (BLACK_TAGS.has(normalize(s))) return true;
  const p = s.slice(0, 3).toUpperCase();
  return p === 'SVG' || p === 'XSL';
}

function isBlackAttr(input: string, start: number, len: number): number {
  if (len < 2) return ATTR_NONE;
  const s = input.slice(start, start + len);
  if (len >= 5) {
    // Any `on*` name of five bytes or more is a JavaScript event handler (no list of event names).
    if ((s[0] === 'o' || s[0] === 'O') && (s[1] === 'n' || s[1] === 'N')) return ATTR_BLACK;
    const five = s.slice(0, 5);
    if (!five.includes('\0') && (upperAscii(five) === 'XMLNS' || upperAscii(five) === 'XLINK'))
      return ATTR_BLACK;
  }
  return BLACK_ATTRS.get(normalize(s)) ?? ATTR_NONE;
}

function upperAscii(s: string): string {
  return s.replace(/[a-z]+/g, (m) => m.toUpperCase());
}

const hexVal = (c: number): number =>
  c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : 256;

/** libinjection's html_decode_char_at over input[at .. at+len); returns [value, consumed]. */
function htmlDecodeCharAt(input: string, at: number, len: number): [number, number] {
  const code = (i: number): number => (at + i < input.length ? input.charCodeAt(at + i) : 0);
  if (len === 0) return [-1, 0];
  if (code(0) !== 0x26 || len < 2) return [code(0), 1];
  if (code(1) !== 0x23) return [0x26, 1];
  if (code(2) === 0x78 || code(2) === 0x58) {
    let ch = hexVal(code(3));
    if (ch === 256) return [0x26, 1];
    let val = ch;
    let i = 4;
    while (i < len) {
      const c = code(i);
      if (c === 0x3b) return [val, i + 1];
      ch = hexVal(c);
      if (ch === 256) return [val, i];
      val = val * 16 + ch;
      if (val > 0x1000ff) return [0x26, 1];
      i++;
    }
    return [val, i];
  }
  let c = code(2);
  if (c < 0x30 || c > 0x39) return [0x26, 1];
  let val = c - 0x30;
  let i = 3;
  while (i < len) {
    c = code(i);
    if (c === 0x3b) return [val, i + 1];
    if (c < 0x30 || c > 0x39) return [val, i];
    val = val * 10 + (c - 0x30);
    if (val > 0x1000ff) return [0x26, 1];
    i++;
  }
  return [val, i];
}

/** Does the HTML-encoded input[at .. at+n) start with `prefix` (upper case), ignoring NUL and \n? */
function htmlencodeStartsWith(prefix: string, input: string, at: number, n: number): boolean {
  let a = 0;
  let first = true;
  let pos = at;
  let left = n;
  while (left > 0) {
    if (a === prefix.length) return true;
    const [value, consumed] = htmlDecodeCharAt(input, pos, left);
    pos += consumed;
    left -= consumed;
    let cb = value;
    if (first && cb <= 32) continue;
    first = false;
    if (cb === 0 || cb === 10) continue;
    if (cb >= 0x61 && cb <= 0x7a) cb -= 0x20;
    if (prefix.charCodeAt(a) !== (cb & 0xff)) return false;
    a++;
  }
  return a === prefix.length;
}

function isBlackUrl(input: string, start: number, len: number): boolean {
  let at = start;
  let n = len;
  while (n > 0) {
    const c = input.charCodeAt(at);
    if (c > 32 && c < 127) break;
    at++;
    n--;
  }
  return (
    htmlencodeStartsWith('DATA', input, at, n) ||
    htmlencodeStartsWith('VIEW-SOURCE', input, at, n) ||
    htmlencodeStartsWith('JAVA', input, at, n) ||
    htmlencodeStartsWith('VBSCRIPT', input, at, n)
  );
}

function isXssFrom(input: string, initial: State): boolean {
  const h = new H5(input, initial);
  let attr = ATTR_NONE;
  while (h.state(h)) {
    const { tokenType: type, tokenStart: start, tokenLen: len } = h;
    if (type !== ATTR_VALUE) attr = ATTR_NONE;
    if (type === DOCTYPE) return true;
    if (type === TAG_NAME_OPEN) {
      if (isBlackTag(input.slice(start, start + len))) return true;
    } else if (type === ATTR_NAME) {
      attr = isBlackAttr(input, start, len);
    } else if (type === ATTR_VALUE) {
      if (attr === ATTR_BLACK || attr === ATTR_STYLE) return true;
      if (attr === ATTR_URL && isBlackUrl(input, start, len)) return true;
      if (attr === ATTR_INDIRECT && isBlackAttr(input, start, len) !== ATTR_NONE) return true;
      attr = ATTR_NONE;
    } else if (type === TAG_COMMENT) {
      const tok = input.slice(start, start + len);
      if (tok.includes('`')) return true;
      if (len > 3) {
        const p = tok.slice(0, 3).toUpperCase();
        if (tok[0] === '[' && p === '[IF') return true;
        if (p === 'XML') return true;
      }
      if (len > 5) {
        const six = normalizeFirst(input, start, 6);
        if (six === 'IMPORT' || six === 'ENTITY') return true;
      }
    }
  }
  return false;
}

/** `cstrcasecmp_with_null(WORD, s, n)` view: n bytes, NULs dropped, upper-cased. */
function normalizeFirst(input: string, start: number, n: number): string {
  return normalize(input.slice(start, start + n));
}

/**
 * Detects cross-site scripting the way libinjection's `libinjection_xss` does.
 *
 * Shortcut (exact): an input with neither `<` nor `=` is never XSS, so the five tokenizer passes are skipped.
 * Every verdict of {@link isXssFrom} needs a DOCTYPE, TAG_NAME_OPEN or TAG_COMMENT token, or an ATTR_VALUE token
 * right after a black-listed ATTR_NAME token. The first three are only produced by states reached through
 * stateTagOpen, which only stateData enters, after finding a `<`. An ATTR_VALUE token that follows an ATTR_NAME
 * token comes from stateBeforeAttributeValue, which only stateAttributeName and stateAfterAttributeName enter, on
 * a `=`; the one other ATTR_VALUE token is the first token of a pass that starts in a quoted-value state, where no
 * ATTR_NAME precedes it. The property test in detect.test.ts compares with {@link detectXSSExhaustive}.
 *
 * @example detectXSS('<script>alert(1)</script>') // true
 */
export function detectXSS(input: string): boolean {
  if (input.indexOf('<') === -1 && input.indexOf('=') === -1) return false;
  return detectXSSExhaustive(input);
}

/**
 * {@link detectXSS} without its shortcut: always runs the five tokenizer passes (for the equivalence tests).
 *
 * @example detectXSSExhaustive('a onload=alert(1)') // true
 */
export function detectXSSExhaustive(input: string): boolean {
  return (
    isXssFrom(input, stateData) ||
    isXssFrom(input, stateBeforeAttributeName) ||
    isXssFrom(input, stateAttributeValueSingleQuote) ||
    isXssFrom(input, stateAttributeValueDoubleQuote) ||
    isXssFrom(input, stateAttributeValueBackQuote)
  );
}
