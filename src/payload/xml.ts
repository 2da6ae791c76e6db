/**
 * An incremental, byte-level XML 1.0 well-formedness checker with limits, fed chunk by chunk. It refuses any
 * document type declaration (so no internal subset, no entity definitions, no external entities and no
 * fetches can ever exist), allows only the five predefined entities and valid character references, and
 * stops at the first byte that crosses a limit. Unless allowed by {@link XmlAllowances}, it also refuses what
 * makes a parser fetch or include other resources: elements in the XInclude namespace (2001 or 2003),
 * `schemaLocation` / `noNamespaceSchemaLocation` attributes in the XML Schema instance namespace, and the
 * `xml-stylesheet` processing instruction. Namespace prefixes are resolved as a namespace-aware parser does
 * (declarations on the element itself and its ancestors, default namespace, undeclaration, character
 * references in the namespace name), case-exactly. Memory: one open-element name per nesting level, the
 * attribute names of the element being read, and the in-scope bindings of prefixes to those two namespaces.
 *
 * Encodings: the markup must be ASCII-compatible; a declared encoding other than UTF-8, US-ASCII or
 * ISO-8859-1 is refused (`encoding`), and UTF-16/UTF-32 bodies fail as malformed. Bytes of 0x80 and above
 * are accepted as name and text characters without checking their UTF-8 form.
 *
 * @example
 * const s = createXmlScanner(DEFAULT_XML_LIMITS);
 * s.write(Buffer.from('<a x="1">hi</a>'));
 * s.end(); // null: well-formed
 */
import type { PayloadScanner, Violation } from './types.ts';

/** Limits of {@link createXmlScanner}. */
export interface XmlLimits {
  /** Deepest element nesting (the root element is depth 1). */
  readonly maxDepth: number;
  /** Most attributes on one element (namespace declarations included). */
  readonly maxAttributes: number;
  /** Most namespace declarations (`xmlns`, `xmlns:*`) on one element. */
  readonly maxNamespaceDeclarations: number;
  /** Longest element, attribute, processing-instruction or entity name, in bytes. */
  readonly maxNameLength: number;
  /** Longest attribute value, in bytes (a reference counts as one). */
  readonly maxAttributeValueLength: number;
  /** Longest text node (character data and CDATA between two tags), comment or processing instruction, in bytes. */
  readonly maxTextLength: number;
  /** Largest document, in bytes. */
  readonly maxSize: number;
}

/** Which ways of reaching external resources {@link createXmlScanner} lets through (all refused by default). */
export interface XmlAllowances {
  /** Allow elements in the XInclude namespaces (`http://www.w3.org/2001/XInclude`, `…/2003/XInclude`). */
  readonly allowXInclude: boolean;
  /** Allow `xsi:schemaLocation` and `xsi:noNamespaceSchemaLocation` (any prefix bound to the XSI namespace). */
  readonly allowSchemaLocation: boolean;
  /** Allow the `<?xml-stylesheet …?>` processing instruction. */
  readonly allowStylesheetPi: boolean;
}

/** Secure defaults: refuse XInclude, schema location hints and `xml-stylesheet`. */
export const DEFAULT_XML_ALLOWANCES: XmlAllowances = Object.freeze({
  allowXInclude: false,
  allowSchemaLocation: false,
  allowStylesheetPi: false,
});

/** Secure defaults, also the policy's schema defaults. */
export const DEFAULT_XML_LIMITS: XmlLimits = Object.freeze({
  maxDepth: 32,
  maxAttributes: 32,
  maxNamespaceDeclarations: 16,
  maxNameLength: 256,
  maxAttributeValueLength: 8192,
  maxTextLength: 65_536,
  maxSize: 1_048_576,
});

const S_START = 0; // very first byte: optional BOM, then markup
const S_BOM2 = 1;
const S_BOM3 = 2;
const S_TEXT = 3; // character data (or whitespace in the prolog/epilog)
const S_LT = 4; // after '<'
const S_BANG = 5; // after '<!'
const S_COMMENT_OPEN = 6; // after '<!-'
const S_COMMENT = 7;
const S_COMMENT_DASH = 8; // seen '-'
const S_COMMENT_DASH2 = 9; // seen '--': only '>' may follow
const S_CDATA_OPEN = 10; // matching 'CDATA['
const S_CDATA = 11;
const S_PI_TARGET = 12;
const S_PI_BODY = 13;
const S_PI_Q = 14; // seen '?' in a PI
const S_START_NAME = 15;
const S_IN_TAG = 16; // inside a start tag, after the name or an attribute
const S_ATTR_NAME = 17;
const S_ATTR_EQ = 18;
const S_ATTR_QUOTE = 19;
const S_ATTR_VALUE = 20;
const S_EMPTY_CLOSE = 21; // seen '/' in a start tag
const S_END_NAME = 22;
const S_END_WS = 23;
const S_REF = 24; // after '&'
const S_ENTITY = 25;
const S_CHARREF = 26; // after '&#'
const S_CHARREF_DIGITS = 27;

const CDATA = [0x43, 0x44, 0x41, 0x54, 0x41, 0x5b]; // CDATA[
const PREDEFINED: ReadonlySet<string> = new Set(['lt', 'gt', 'amp', 'quot', 'apos']);
const XML_DECL =
  /^\s+version\s*=\s*(["'])1\.[0-9]+\1(?:\s+encoding\s*=\s*(["'])([A-Za-z][A-Za-z0-9._-]*)\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\4)?\s*$/;
const ENCODINGS: ReadonlySet<string> = new Set([
  'utf-8',
  'utf8',
  'us-ascii',
  'ascii',
  'iso-8859-1',
  'latin1',
  'latin-1',
]);
const MAX_DECL = 256;

const NS_OTHER = 0;
const NS_XINCLUDE = 1;
const NS_XSI = 2;
const XINCLUDE_2001 = 'http://www.w3.org/2001/XInclude';
const XINCLUDE_2003 = 'http://www.w3.org/2003/XInclude';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
/** Longer namespace names cannot be one of the watched ones: stop collecting them. */
const MAX_NS_CAPTURE = 64;
const PREDEFINED_CHAR: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

function isWs(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function isNameStart(b: number): boolean {
  return (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || b === 0x5f || b === 0x3a || b >= 0x80;
}

function isNameChar(b: number): boolean {
  return isNameStart(b) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x2e;
}

/** Control characters XML 1.0 never allows (everything below 0x20 except tab, LF, CR). */
function isForbiddenControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d;
}

/** XML 1.0 `Char` production. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

class XmlScanner implements PayloadScanner {
  readonly #l: XmlLimits;
  #state = S_START;
  #offset = 0;
  #failed: Violation | null = null;
  readonly #stack: string[] = [];
  #rootSeen = false;
  #name = ''; // element name, PI target or end-tag name being read
  #nameLen = 0;
  #attrName = '';
  #refName = '';
  #textLen = 0;
  #brackets = 0; // consecutive ']' in text or CDATA
  #attrs = new Set<string>();
  #nsCount = 0;
  #quote = 0;
  #valueLen = 0;
  #spaced = false; // whitespace seen since the last attribute
  #refReturn = S_TEXT;
  #refHex = false;
  #refValue = 0;
  #refDigits = 0;
  #matchPos = 0;
  #atStart = false; // the current '<' is the first byte of the document (after a BOM)
  #declBody: string | null = null;
  #piLen = 0;
  readonly #allow: XmlAllowances;
  readonly #watchNs: boolean; // some namespace is refused, so namespace declarations are followed
  // Prefix ('' for the default namespace) → NS_* of its in-scope binding; absent means NS_OTHER.
  readonly #ns = new Map<string, number>();
  #hot = 0; // prefixes currently bound to a watched namespace
  // Bindings changed by open elements, to restore when each closes (parallel arrays).
  readonly #undoDepth: number[] = [];
  readonly #undoPrefix: string[] = [];
  readonly #undoPrev: number[] = [];
  // Declarations on the start tag being read that change a binding (parallel arrays).
  readonly #pendPrefix: string[] = [];
  readonly #pendClass: number[] = [];
  #nsValue: string | null = null; // namespace name being collected, null when not in an xmlns attribute
  #nsPrefix = '';
  #nsOver = false;

  constructor(limits: XmlLimits, allow: XmlAllowances) {
    this.#l = limits;
    this.#allow = allow;
    this.#watchNs = !allow.allowXInclude || !allow.allowSchemaLocation;
  }

  get bytes(): number {
    return this.#offset;
  }

  write(chunk: Uint8Array): Violation | null {
    if (this.#failed !== null) return this.#failed;
    const room = this.#l.maxSize - this.#offset;
    const n = chunk.length <= room ? chunk.length : Math.max(room, 0);
    const maxText = this.#l.maxTextLength;
    for (let i = 0; i < n; i++) {
      if (this.#state === S_TEXT && this.#stack.length > 0) {
        // Fast path: a run of plain character data, up to the length limit.
        const stop = Math.min(n, i + maxText - this.#textLen);
        let j = i;
        while (j < stop) {
          const b = chunk[j] as number;
          if (b === 0x3c || b === 0x26 || b === 0x5d || b === 0x3e || isForbiddenControl(b)) break;
          j++;
        }
        if (j > i) {
          this.#brackets = 0;
          this.#textLen += j - i;
          this.#offset += j - i;
          i = j;
          if (i >= n) break;
        }
      }
      if (!this.#step(chunk[i] as number)) return this.#failed;
      this.#offset++;
    }
    if (n < chunk.length) {
      return this.#fail('size', this.#l.maxSize, `The XML document exceeds ${this.#l.maxSize} bytes.`);
    }
    return null;
  }

  end(): Violation | null {
    if (this.#failed !== null) return this.#failed;
    if (this.#state === S_TEXT && this.#rootSeen && this.#stack.length === 0) return null;
    return this.#fail(
      'syntax',
      undefined,
      this.#rootSeen || this.#state !== S_START
        ? 'The XML document ends before it is complete.'
        : 'The XML document is empty.',
    );
  }

  #fail(code: string, limit: number | undefined, detail: string): Violation {
    this.#failed = Object.freeze({ code, limit, offset: this.#offset, detail });
    return this.#failed;
  }

  #bad(): false {
    this.#fail('syntax', undefined, 'The body is not well-formed XML.');
    return false;
  }

  #limit(code: string, limit: number, detail: string): false {
    this.#fail(code, limit, detail);
    return false;
  }

  #nameTooLong(): false {
    return this.#limit(
      'name',
      this.#l.maxNameLength,
      `An XML name is longer than ${this.#l.maxNameLength} bytes.`,
    );
  }

  /** Adds one byte to the element/PI/end-tag name; false when the name is too long. */
  #nameByte(b: number): boolean {
    if (++this.#nameLen > this.#l.maxNameLength) return this.#nameTooLong();
    this.#name += String.fromCharCode(b);
    return true;
  }

  #attrNameByte(b: number): boolean {
    if (this.#attrName.length >= this.#l.maxNameLength) return this.#nameTooLong();
    this.#attrName += String.fromCharCode(b);
    return true;
  }

  #refNameByte(b: number): boolean {
    if (this.#refName.length >= this.#l.maxNameLength) return this.#nameTooLong();
    this.#refName += String.fromCharCode(b);
    return true;
  }

  #beginName(b: number): boolean {
    this.#name = '';
    this.#nameLen = 0;
    return this.#nameByte(b);
  }

  /** Counts one byte of a text node, CDATA section, comment or PI. */
  #textByte(): boolean {
    return this.#textBytes(1);
  }

  #textBytes(n: number): boolean {
    this.#textLen += n;
    if (this.#textLen > this.#l.maxTextLength) {
      return this.#limit(
        'text',
        this.#l.maxTextLength,
        `An XML text node, comment or processing instruction is longer than ${this.#l.maxTextLength} bytes.`,
      );
    }
    return true;
  }

  #valueByte(): boolean {
    if (++this.#valueLen > this.#l.maxAttributeValueLength) {
      return this.#limit(
        'attribute_value',
        this.#l.maxAttributeValueLength,
        `An XML attribute value is longer than ${this.#l.maxAttributeValueLength} bytes.`,
      );
    }
    return true;
  }

  #step(b: number): boolean {
    switch (this.#state) {
      case S_TEXT:
        return this.#text(b);
      case S_ATTR_VALUE:
        return this.#attrValue(b);
      case S_START:
        if (b === 0xef) {
          this.#state = S_BOM2;
          return true;
        }
        this.#state = S_TEXT;
        if (b === 0x3c) this.#atStart = true;
        return this.#text(b);
      case S_BOM2:
        if (b !== 0xbb) return this.#bad();
        this.#state = S_BOM3;
        return true;
      case S_BOM3:
        if (b !== 0xbf) return this.#bad();
        this.#state = S_TEXT;
        this.#atStart = true;
        return true;
      case S_LT:
        return this.#afterLt(b);
      case S_BANG:
        if (b === 0x2d) {
          this.#state = S_COMMENT_OPEN;
          return true;
        }
        if (b === 0x5b && this.#stack.length > 0) {
          this.#matchPos = 1;
          this.#state = S_CDATA_OPEN;
          return true;
        }
        if (b === 0x44) {
          return this.#limit('dtd', 0, 'Document type declarations (DOCTYPE) are not allowed in XML bodies.');
        }
        return this.#bad();
      case S_COMMENT_OPEN:
        if (b !== 0x2d) return this.#bad();
        this.#textLen = 0;
        this.#state = S_COMMENT;
        return true;
      case S_COMMENT:
        if (isForbiddenControl(b)) return this.#bad();
        if (b === 0x2d) this.#state = S_COMMENT_DASH;
        return this.#textByte();
      case S_COMMENT_DASH:
        if (isForbiddenControl(b)) return this.#bad();
        this.#state = b === 0x2d ? S_COMMENT_DASH2 : S_COMMENT;
        return this.#textByte();
      case S_COMMENT_DASH2:
        if (b !== 0x3e) return this.#bad(); // '--' inside a comment
        this.#toText();
        return true;
      case S_CDATA_OPEN:
        if (b !== CDATA[this.#matchPos - 1]) return this.#bad();
        if (++this.#matchPos > CDATA.length) {
          this.#brackets = 0;
          this.#state = S_CDATA;
        }
        return true;
      case S_CDATA:
        if (isForbiddenControl(b)) return this.#bad();
        if (b === 0x5d) {
          this.#brackets++; // counted once we know it is content, not the terminator
          return true;
        }
        if (b === 0x3e && this.#brackets >= 2) {
          const extra = this.#brackets - 2;
          this.#brackets = 0;
          this.#state = S_TEXT; // CDATA continues the current text node
          return this.#textBytes(extra);
        }
        {
          const pending = this.#brackets;
          this.#brackets = 0;
          return this.#textBytes(pending + 1);
        }
      case S_PI_TARGET:
        if (isNameChar(b)) return this.#nameByte(b);
        return this.#endPiTarget(b);
      case S_PI_BODY:
      case S_PI_Q:
        return this.#piBody(b);
      case S_START_NAME:
        if (isNameChar(b)) return this.#nameByte(b);
        return this.#startNameDone(b);
      case S_IN_TAG:
        return this.#inTag(b);
      case S_ATTR_NAME:
        if (isNameChar(b)) return this.#attrNameByte(b);
        if (!this.#attrNameDone()) return false;
        if (isWs(b)) {
          this.#state = S_ATTR_EQ;
          return true;
        }
        if (b === 0x3d) {
          this.#state = S_ATTR_QUOTE;
          return true;
        }
        return this.#bad();
      case S_ATTR_EQ:
        if (isWs(b)) return true;
        if (b !== 0x3d) return this.#bad();
        this.#state = S_ATTR_QUOTE;
        return true;
      case S_ATTR_QUOTE:
        if (isWs(b)) return true;
        if (b !== 0x22 && b !== 0x27) return this.#bad();
        this.#quote = b;
        this.#valueLen = 0;
        this.#state = S_ATTR_VALUE;
        return true;
      case S_EMPTY_CLOSE: {
        if (b !== 0x3e) return this.#bad();
        const depth = this.#stack.length + 1;
        if (!this.#checkNamespaces(depth)) return false;
        this.#restoreNamespaces(depth);
        if (this.#stack.length === 0) this.#rootSeen = true;
        this.#toText();
        return true;
      }
      case S_END_NAME:
        if (isNameChar(b)) return this.#nameByte(b);
        if (this.#nameLen === 0) return this.#bad();
        if (isWs(b)) {
          this.#state = S_END_WS;
          return true;
        }
        return this.#endTag(b);
      case S_END_WS:
        if (isWs(b)) return true;
        return this.#endTag(b);
      case S_REF:
        if (b === 0x23) {
          this.#state = S_CHARREF;
          return true;
        }
        if (!isNameStart(b)) return this.#bad();
        this.#state = S_ENTITY;
        this.#refName = '';
        return this.#refNameByte(b);
      case S_ENTITY:
        if (isNameChar(b)) return this.#refNameByte(b);
        if (b !== 0x3b) return this.#bad();
        if (!PREDEFINED.has(this.#refName)) {
          return this.#limit(
            'entity',
            0,
            'Only the predefined XML entities (lt, gt, amp, quot, apos) and character references are allowed.',
          );
        }
        if (this.#refReturn === S_ATTR_VALUE) this.#nsChar(PREDEFINED_CHAR[this.#refName] as string);
        this.#state = this.#refReturn;
        return true;
      case S_CHARREF:
        this.#refValue = 0;
        this.#refDigits = 0;
        this.#state = S_CHARREF_DIGITS;
        if (b === 0x78) {
          this.#refHex = true;
          return true;
        }
        this.#refHex = false;
        return this.#charRefDigit(b);
      case S_CHARREF_DIGITS:
        return this.#charRefDigit(b);
      default:
        return this.#bad();
    }
  }

  #toText(): void {
    this.#textLen = 0;
    this.#brackets = 0;
    this.#state = S_TEXT;
  }

  #text(b: number): boolean {
    if (b === 0x3c) {
      this.#state = S_LT;
      return true;
    }
    this.#atStart = false;
    if (this.#stack.length === 0) {
      // Prolog and epilog: whitespace only.
      return isWs(b) ? true : this.#bad();
    }
    if (b === 0x26) {
      this.#refReturn = S_TEXT;
      this.#brackets = 0;
      this.#state = S_REF;
      return this.#textByte();
    }
    if (isForbiddenControl(b)) return this.#bad();
    if (b === 0x3e && this.#brackets >= 2) return this.#bad(); // ']]>' in character data
    this.#brackets = b === 0x5d ? this.#brackets + 1 : 0;
    return this.#textByte();
  }

  #afterLt(b: number): boolean {
    const atStart = this.#atStart;
    this.#atStart = false;
    if (b === 0x2f) {
      if (this.#stack.length === 0) return this.#bad();
      this.#name = '';
      this.#nameLen = 0;
      this.#state = S_END_NAME;
      return true;
    }
    if (b === 0x21) {
      this.#state = S_BANG;
      return true;
    }
    if (b === 0x3f) {
      this.#declBody = atStart ? '' : null;
      this.#name = '';
      this.#nameLen = 0;
      this.#state = S_PI_TARGET;
      return true;
    }
    if (!isNameStart(b)) return this.#bad();
    if (this.#stack.length === 0 && this.#rootSeen) return this.#bad(); // a second root element
    if (this.#stack.length + 1 > this.#l.maxDepth) {
      return this.#limit(
        'depth',
        this.#l.maxDepth,
        `The XML document is nested deeper than ${this.#l.maxDepth}.`,
      );
    }
    this.#attrs.clear();
    this.#nsCount = 0;
    this.#pendPrefix.length = 0;
    this.#pendClass.length = 0;
    this.#state = S_START_NAME;
    return this.#beginName(b);
  }

  #endPiTarget(b: number): boolean {
    if (this.#nameLen === 0) return this.#bad();
    if (this.#name === 'xml-stylesheet' && !this.#allow.allowStylesheetPi) {
      return this.#limit(
        'stylesheet',
        0,
        'The xml-stylesheet processing instruction (XSLT fetch and execution) is not allowed in XML bodies.',
      );
    }
    const isXml = this.#name.toLowerCase() === 'xml';
    if (isXml && this.#declBody === null) return this.#bad(); // the XML declaration only at the very start
    if (!isXml) this.#declBody = null;
    this.#textLen = 0;
    this.#piLen = 0;
    if (b === 0x3f) {
      this.#state = S_PI_Q;
      return true;
    }
    if (!isWs(b)) return this.#bad();
    this.#state = S_PI_BODY;
    return this.#piBody(b);
  }

  #piBody(b: number): boolean {
    if (isForbiddenControl(b)) return this.#bad();
    if (this.#state === S_PI_Q && b === 0x3e) {
      const decl = this.#declBody;
      if (decl !== null) {
        this.#declBody = null;
        const m = XML_DECL.exec(decl.slice(0, -1));
        if (m === null || this.#name !== 'xml') return this.#bad();
        const enc = m[3];
        if (enc !== undefined && !ENCODINGS.has(enc.toLowerCase())) {
          return this.#limit('encoding', 0, 'XML bodies must be encoded as UTF-8, US-ASCII or ISO-8859-1.');
        }
      }
      this.#toText();
      return true;
    }
    this.#state = b === 0x3f ? S_PI_Q : S_PI_BODY;
    if (this.#declBody !== null) {
      if (++this.#piLen > MAX_DECL) return this.#bad();
      this.#declBody += String.fromCharCode(b);
    }
    return this.#textByte();
  }

  #startNameDone(b: number): boolean {
    if (isWs(b)) {
      this.#spaced = true;
      this.#state = S_IN_TAG;
      return true;
    }
    if (b === 0x2f) {
      this.#state = S_EMPTY_CLOSE;
      return true;
    }
    if (b === 0x3e) return this.#openElement();
    return this.#bad();
  }

  #openElement(): boolean {
    if (!this.#checkNamespaces(this.#stack.length + 1)) return false;
    this.#stack.push(this.#name);
    this.#rootSeen = true;
    this.#toText();
    return true;
  }

  #inTag(b: number): boolean {
    if (isWs(b)) {
      this.#spaced = true;
      return true;
    }
    if (b === 0x2f) {
      this.#state = S_EMPTY_CLOSE;
      return true;
    }
    if (b === 0x3e) return this.#openElement();
    if (!isNameStart(b) || !this.#spaced) return this.#bad();
    if (this.#attrs.size + 1 > this.#l.maxAttributes) {
      return this.#limit(
        'attributes',
        this.#l.maxAttributes,
        `An XML element has more than ${this.#l.maxAttributes} attributes.`,
      );
    }
    this.#attrName = '';
    this.#state = S_ATTR_NAME;
    return this.#attrNameByte(b);
  }

  #attrNameDone(): boolean {
    const name = this.#attrName;
    if (this.#attrs.has(name)) return this.#bad(); // attributes must be unique
    this.#attrs.add(name);
    this.#nsValue = null;
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      if (++this.#nsCount > this.#l.maxNamespaceDeclarations) {
        return this.#limit(
          'namespaces',
          this.#l.maxNamespaceDeclarations,
          `An XML element declares more than ${this.#l.maxNamespaceDeclarations} namespaces.`,
        );
      }
      if (this.#watchNs) {
        this.#nsPrefix = name === 'xmlns' ? '' : name.slice(6);
        this.#nsValue = '';
        this.#nsOver = false;
      }
    }
    return true;
  }

  /** Adds characters (a byte, or a resolved reference) to the namespace name being collected, if any. */
  #nsChar(c: string): void {
    if (this.#nsValue === null) return;
    if (this.#nsValue.length + c.length > MAX_NS_CAPTURE) this.#nsOver = true;
    else this.#nsValue += c;
  }

  /** A namespace declaration's value is complete: remember it when it changes the prefix's binding. */
  #nsDeclDone(): void {
    const uri = this.#nsValue as string;
    this.#nsValue = null;
    let cls = NS_OTHER;
    if (!this.#nsOver) {
      if (!this.#allow.allowXInclude && (uri === XINCLUDE_2001 || uri === XINCLUDE_2003)) cls = NS_XINCLUDE;
      else if (!this.#allow.allowSchemaLocation && uri === XSI) cls = NS_XSI;
    }
    if (cls === (this.#ns.get(this.#nsPrefix) ?? NS_OTHER)) return;
    this.#pendPrefix.push(this.#nsPrefix);
    this.#pendClass.push(cls);
  }

  /**
   * At the end of a start tag at `depth`: applies its namespace declarations, then refuses an element in
   * the XInclude namespace or a schema location attribute in the XSI namespace.
   */
  #checkNamespaces(depth: number): boolean {
    for (let i = 0; i < this.#pendPrefix.length; i++) {
      const prefix = this.#pendPrefix[i] as string;
      const cls = this.#pendClass[i] as number;
      const prev = this.#ns.get(prefix) ?? NS_OTHER;
      this.#undoDepth.push(depth);
      this.#undoPrefix.push(prefix);
      this.#undoPrev.push(prev);
      this.#setBinding(prefix, prev, cls);
    }
    this.#pendPrefix.length = 0;
    this.#pendClass.length = 0;
    if (this.#hot === 0) return true;
    const name = this.#name;
    const colon = name.indexOf(':');
    if (this.#ns.get(colon === -1 ? '' : name.slice(0, colon)) === NS_XINCLUDE) {
      return this.#limit(
        'xinclude',
        0,
        'XInclude elements (external inclusion) are not allowed in XML bodies.',
      );
    }
    for (const attr of this.#attrs) {
      const c = attr.indexOf(':');
      if (c <= 0 || this.#ns.get(attr.slice(0, c)) !== NS_XSI) continue;
      const local = attr.slice(c + 1);
      if (local === 'schemaLocation' || local === 'noNamespaceSchemaLocation') {
        return this.#limit(
          'schema_location',
          0,
          'XML Schema location hints (xsi:schemaLocation, xsi:noNamespaceSchemaLocation) are not allowed in XML bodies.',
        );
      }
    }
    return true;
  }

  #setBinding(prefix: string, prev: number, cls: number): void {
    if (cls === NS_OTHER) this.#ns.delete(prefix);
    else this.#ns.set(prefix, cls);
    this.#hot += (cls !== NS_OTHER ? 1 : 0) - (prev !== NS_OTHER ? 1 : 0);
  }

  /** Restores the bindings changed by the element at `depth`, which is closing. */
  #restoreNamespaces(depth: number): void {
    let n = this.#undoDepth.length;
    while (n > 0 && (this.#undoDepth[n - 1] as number) >= depth) {
      n--;
      const prefix = this.#undoPrefix[n] as string;
      this.#setBinding(prefix, this.#ns.get(prefix) ?? NS_OTHER, this.#undoPrev[n] as number);
    }
    this.#undoDepth.length = n;
    this.#undoPrefix.length = n;
    this.#undoPrev.length = n;
  }

  #attrValue(b: number): boolean {
    if (b === this.#quote) {
      if (this.#nsValue !== null) this.#nsDeclDone();
      this.#spaced = false;
      this.#state = S_IN_TAG;
      return true;
    }
    if (b === 0x3c || isForbiddenControl(b)) return this.#bad();
    if (b === 0x26) {
      this.#refReturn = S_ATTR_VALUE;
      this.#state = S_REF;
      return this.#valueByte();
    }
    if (this.#nsValue !== null) this.#nsChar(isWs(b) ? ' ' : String.fromCharCode(b));
    return this.#valueByte();
  }

  #endTag(b: number): boolean {
    if (b !== 0x3e) return this.#bad();
    if (this.#stack.pop() !== this.#name) return this.#bad(); // mismatched end tag
    if (this.#undoDepth.length > 0) this.#restoreNamespaces(this.#stack.length + 1);
    this.#toText();
    return true;
  }

  #charRefDigit(b: number): boolean {
    if (b === 0x3b) {
      if (this.#refDigits === 0 || !isXmlChar(this.#refValue)) return this.#bad();
      if (this.#refReturn === S_ATTR_VALUE) this.#nsChar(String.fromCodePoint(this.#refValue));
      this.#state = this.#refReturn;
      return true;
    }
    let d = -1;
    if (b >= 0x30 && b <= 0x39) d = b - 0x30;
    else if (this.#refHex && b >= 0x61 && b <= 0x66) d = b - 0x57;
    else if (this.#refHex && b >= 0x41 && b <= 0x46) d = b - 0x37;
    if (d < 0) return this.#bad();
    this.#refValue = this.#refValue * (this.#refHex ? 16 : 10) + d;
    if (++this.#refDigits > 8 || this.#refValue > 0x10ffff) return this.#bad();
    return true;
  }
}

/**
 * Creates a streaming XML validator with the given limits; `allow` relaxes the refusal of external
 * resources (XInclude, schema location hints, `xml-stylesheet`), all refused by default.
 *
 * @example
 * const s = createXmlScanner(DEFAULT_XML_LIMITS);
 * s.write(Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'))?.code; // 'dtd'
 * createXmlScanner(DEFAULT_XML_LIMITS, { ...DEFAULT_XML_ALLOWANCES, allowXInclude: true });
 */
export function createXmlScanner(
  limits: XmlLimits,
  allow: XmlAllowances = DEFAULT_XML_ALLOWANCES,
): PayloadScanner {
  return new XmlScanner(limits, allow);
}
