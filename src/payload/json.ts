/**
 * An incremental, byte-level JSON validator (RFC 8259, UTF-8) that enforces structural limits while the
 * body streams in: it never builds the document, keeps one small frame per nesting level (plus the set of
 * keys of each open object when duplicates are refused) and stops at the first byte that crosses a limit.
 *
 * @example
 * const s = createJsonScanner({ ...DEFAULT_JSON_LIMITS, maxDepth: 8 });
 * for (const chunk of chunks) if (s.write(chunk)) break;
 * const violation = s.end();
 */
import type { PayloadScanner, Violation } from './types.ts';

/** Limits and switches of {@link createJsonScanner}. */
export interface JsonLimits {
  /** Deepest nesting of objects/arrays (the top-level container is depth 1). */
  readonly maxDepth: number;
  /** Most entries in one object. */
  readonly maxObjectEntries: number;
  /** Most elements in one array. */
  readonly maxArrayLength: number;
  /** Longest string value, in characters after unescaping (an escape sequence counts as one). */
  readonly maxStringLength: number;
  /** Longest object key, in characters after unescaping. */
  readonly maxKeyLength: number;
  /** Longest number literal, in bytes (`-1.5e10` is 7). */
  readonly maxNumberLength: number;
  /** Largest document, in bytes (BOM included). */
  readonly maxSize: number;
  /** Refuse objects that repeat a key (compared after unescaping). */
  readonly rejectDuplicateKeys: boolean;
  /** Refuse the keys `__proto__`, `constructor` and `prototype` (compared after unescaping). */
  readonly rejectProtoKeys: boolean;
  /** `accept`: a leading UTF-8 BOM is skipped; `reject`: it is a violation (`bom`). */
  readonly bom: 'accept' | 'reject';
}

/** Secure defaults, also the policy's schema defaults. */
export const DEFAULT_JSON_LIMITS: JsonLimits = Object.freeze({
  maxDepth: 32,
  maxObjectEntries: 1000,
  maxArrayLength: 10_000,
  maxStringLength: 65_536,
  maxKeyLength: 256,
  maxNumberLength: 64,
  maxSize: 1_048_576,
  rejectDuplicateKeys: true,
  rejectProtoKeys: true,
  bom: 'accept',
});

const PROTO_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// Scanner states.
const S_BOM = 0; // start of the document: optional BOM, whitespace, then a value
const S_VALUE = 1; // a value is required (after ':' or ',' in an array)
const S_ARRAY_FIRST = 2; // after '[': a value or ']'
const S_OBJECT_FIRST = 3; // after '{': a key or '}'
const S_KEY = 4; // after ',' in an object: a key
const S_COLON = 5;
const S_AFTER = 6; // after a value inside a container: ',' or the closing bracket
const S_DONE = 7; // after the top-level value: whitespace only
const S_STRING = 8;
const S_ESCAPE = 9;
const S_UNICODE = 10;
const S_UTF8 = 11;
const S_N_MINUS = 12;
const S_N_ZERO = 13;
const S_N_INT = 14;
const S_N_DOT = 15;
const S_N_FRAC = 16;
const S_N_E = 17;
const S_N_ESIGN = 18;
const S_N_EXP = 19;
const S_LITERAL = 20;
const S_BOM2 = 21; // seen EF
const S_BOM3 = 22; // seen EF BB

const ARRAY = 0;
const OBJECT = 1;

const LIT_TRUE = [0x74, 0x72, 0x75, 0x65];
const LIT_FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65];
const LIT_NULL = [0x6e, 0x75, 0x6c, 0x6c];

const ESCAPES: Record<number, string> = {
  34: '"',
  92: '\\',
  47: '/',
  98: '\b',
  102: '\f',
  110: '\n',
  114: '\r',
  116: '\t',
};

function isWs(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  return -1;
}

class JsonScanner implements PayloadScanner {
  readonly #l: JsonLimits;
  #state = S_BOM;
  #offset = 0;
  #failed: Violation | null = null;
  // One entry per open container.
  readonly #kinds: number[] = [];
  readonly #counts: number[] = [];
  readonly #keys: Array<Set<string> | null> = [];
  // Current string.
  #isKey = false;
  #strLen = 0;
  #key = '';
  #hex = 0;
  #hexDigits = 0;
  #need = 0;
  #cp = 0;
  #lo = 0x80;
  #hi = 0xbf;
  // Current number / literal.
  #numLen = 0;
  #lit: number[] = LIT_TRUE;
  #litPos = 0;

  constructor(limits: JsonLimits) {
    this.#l = limits;
  }

  get bytes(): number {
    return this.#offset;
  }

  write(chunk: Uint8Array): Violation | null {
    if (this.#failed !== null) return this.#failed;
    const room = this.#l.maxSize - this.#offset;
    const n = chunk.length <= room ? chunk.length : Math.max(room, 0);
    const maxString = this.#l.maxStringLength;
    for (let i = 0; i < n; ) {
      if (this.#state === S_STRING && !this.#isKey) {
        // Fast path: a run of plain printable ASCII inside a string value, up to the length limit.
        const stop = Math.min(n, i + maxString - this.#strLen);
        let j = i;
        while (j < stop) {
          const b = chunk[j] as number;
          if (b < 0x20 || b >= 0x80 || b === 0x22 || b === 0x5c) break;
          j++;
        }
        this.#strLen += j - i;
        this.#offset += j - i;
        i = j;
        if (i >= n) break;
      }
      const v = this.#step(chunk[i] as number);
      if (v === 1) {
        i++;
        this.#offset++;
      } else if (v === 0) {
        // The byte ended a number: process it again in the new state.
      } else {
        return this.#failed;
      }
    }
    if (n < chunk.length) {
      return this.#fail('size', this.#l.maxSize, `The JSON document exceeds ${this.#l.maxSize} bytes.`);
    }
    return null;
  }

  end(): Violation | null {
    if (this.#failed !== null) return this.#failed;
    const s = this.#state;
    if (s === S_DONE) return null;
    if (this.#kinds.length === 0 && (s === S_N_ZERO || s === S_N_INT || s === S_N_FRAC || s === S_N_EXP)) {
      return null;
    }
    return this.#syntax(
      s === S_BOM || (s === S_VALUE && this.#kinds.length === 0)
        ? 'The JSON document is empty.'
        : 'The JSON document ends before it is complete.',
    );
  }

  #fail(code: string, limit: number | undefined, detail: string): Violation {
    this.#failed = Object.freeze({ code, limit, offset: this.#offset, detail });
    return this.#failed;
  }

  #syntax(detail = 'The body is not well-formed JSON.'): Violation {
    return this.#fail('syntax', undefined, detail);
  }

  /** Processes one byte: 1 consumed, 0 not consumed (re-run in the new state), -1 violation. */
  #step(b: number): number {
    switch (this.#state) {
      case S_STRING:
        return this.#stringByte(b);
      case S_BOM:
        if (b === 0xef) {
          if (this.#l.bom === 'reject') {
            this.#fail('bom', undefined, 'A byte order mark is not allowed in JSON bodies.');
            return -1;
          }
          this.#state = S_BOM2;
          return 1;
        }
        if (isWs(b)) {
          this.#state = S_VALUE;
          return 1;
        }
        return this.#startValue(b);
      case S_BOM2:
        if (b !== 0xbb) return this.#bad();
        this.#state = S_BOM3;
        return 1;
      case S_BOM3:
        if (b !== 0xbf) return this.#bad();
        this.#state = S_VALUE;
        return 1;
      case S_VALUE:
        if (isWs(b)) return 1;
        return this.#startValue(b);
      case S_ARRAY_FIRST:
        if (isWs(b)) return 1;
        if (b === 0x5d) return this.#close();
        return this.#startValue(b);
      case S_OBJECT_FIRST:
        if (isWs(b)) return 1;
        if (b === 0x7d) return this.#close();
        return this.#startKey(b);
      case S_KEY:
        if (isWs(b)) return 1;
        return this.#startKey(b);
      case S_COLON:
        if (isWs(b)) return 1;
        if (b !== 0x3a) return this.#bad();
        this.#state = S_VALUE;
        return 1;
      case S_AFTER: {
        if (isWs(b)) return 1;
        const kind = this.#kinds[this.#kinds.length - 1];
        if (b === 0x2c) {
          this.#state = kind === ARRAY ? S_VALUE : S_KEY;
          return 1;
        }
        if (b === 0x5d && kind === ARRAY) return this.#close();
        if (b === 0x7d && kind === OBJECT) return this.#close();
        return this.#bad();
      }
      case S_DONE:
        if (isWs(b)) return 1;
        return this.#bad();
      case S_ESCAPE:
        return this.#escapeByte(b);
      case S_UNICODE: {
        const h = hexValue(b);
        if (h < 0) return this.#bad();
        this.#hex = (this.#hex << 4) | h;
        if (++this.#hexDigits === 4) {
          this.#state = S_STRING;
          return this.#char(this.#hex);
        }
        return 1;
      }
      case S_UTF8:
        if (b < this.#lo || b > this.#hi) return this.#bad();
        this.#cp = (this.#cp << 6) | (b & 0x3f);
        this.#lo = 0x80;
        this.#hi = 0xbf;
        if (--this.#need === 0) {
          this.#state = S_STRING;
          if (this.#isKey) this.#key += String.fromCodePoint(this.#cp);
        }
        return 1;
      case S_LITERAL:
        if (b !== this.#lit[this.#litPos]) return this.#bad();
        if (++this.#litPos === this.#lit.length) this.#valueDone();
        return 1;
      default:
        return this.#numberByte(b);
    }
  }

  #bad(): number {
    this.#syntax();
    return -1;
  }

  /** A value starts at byte `b` (state is S_VALUE, S_ARRAY_FIRST or S_BOM). */
  #startValue(b: number): number {
    const depth = this.#kinds.length;
    if (depth > 0 && this.#kinds[depth - 1] === ARRAY) {
      const c = (this.#counts[depth - 1] as number) + 1;
      this.#counts[depth - 1] = c;
      if (c > this.#l.maxArrayLength) {
        this.#fail(
          'array',
          this.#l.maxArrayLength,
          `A JSON array has more than ${this.#l.maxArrayLength} elements.`,
        );
        return -1;
      }
    }
    switch (b) {
      case 0x7b: // {
      case 0x5b: // [
        if (depth + 1 > this.#l.maxDepth) {
          this.#fail(
            'depth',
            this.#l.maxDepth,
            `The JSON document is nested deeper than ${this.#l.maxDepth}.`,
          );
          return -1;
        }
        this.#kinds.push(b === 0x7b ? OBJECT : ARRAY);
        this.#counts.push(0);
        this.#keys.push(b === 0x7b && this.#l.rejectDuplicateKeys ? new Set() : null);
        this.#state = b === 0x7b ? S_OBJECT_FIRST : S_ARRAY_FIRST;
        return 1;
      case 0x22:
        this.#isKey = false;
        this.#strLen = 0;
        this.#state = S_STRING;
        return 1;
      case 0x74:
        return this.#literal(LIT_TRUE);
      case 0x66:
        return this.#literal(LIT_FALSE);
      case 0x6e:
        return this.#literal(LIT_NULL);
      case 0x2d:
        this.#numLen = 0;
        this.#state = S_N_MINUS;
        return this.#numChar();
      default:
        if (b >= 0x30 && b <= 0x39) {
          this.#numLen = 0;
          this.#state = b === 0x30 ? S_N_ZERO : S_N_INT;
          return this.#numChar();
        }
        return this.#bad();
    }
  }

  #literal(lit: number[]): number {
    this.#lit = lit;
    this.#litPos = 1;
    this.#state = S_LITERAL;
    return 1;
  }

  #startKey(b: number): number {
    if (b !== 0x22) return this.#bad();
    const top = this.#kinds.length - 1;
    const c = (this.#counts[top] as number) + 1;
    this.#counts[top] = c;
    if (c > this.#l.maxObjectEntries) {
      this.#fail(
        'entries',
        this.#l.maxObjectEntries,
        `A JSON object has more than ${this.#l.maxObjectEntries} entries.`,
      );
      return -1;
    }
    this.#isKey = true;
    this.#strLen = 0;
    this.#key = '';
    this.#state = S_STRING;
    return 1;
  }

  #close(): number {
    this.#kinds.pop();
    this.#counts.pop();
    this.#keys.pop();
    this.#valueDone();
    return 1;
  }

  #valueDone(): void {
    this.#state = this.#kinds.length === 0 ? S_DONE : S_AFTER;
  }

  #keyDone(): number {
    const key = this.#key;
    if (this.#l.rejectProtoKeys && PROTO_KEYS.has(key)) {
      this.#fail(
        'proto_key',
        undefined,
        'The JSON document uses a forbidden object key (__proto__, constructor or prototype).',
      );
      return -1;
    }
    const set = this.#keys[this.#keys.length - 1];
    if (set !== undefined && set !== null) {
      if (set.has(key)) {
        this.#fail('duplicate_key', undefined, 'A JSON object repeats a key.');
        return -1;
      }
      set.add(key);
    }
    this.#key = '';
    this.#state = S_COLON;
    return 1;
  }

  /** Counts one character of the current string (code unit `unit` for keys). */
  #char(unit: number): number {
    const len = ++this.#strLen;
    if (this.#isKey) {
      if (len > this.#l.maxKeyLength) {
        this.#fail('key', this.#l.maxKeyLength, `A JSON object key is longer than ${this.#l.maxKeyLength}.`);
        return -1;
      }
      if (unit >= 0) this.#key += String.fromCharCode(unit);
    } else if (len > this.#l.maxStringLength) {
      this.#fail(
        'string',
        this.#l.maxStringLength,
        `A JSON string is longer than ${this.#l.maxStringLength} characters.`,
      );
      return -1;
    }
    return 1;
  }

  #stringByte(b: number): number {
    if (b === 0x22) {
      if (this.#isKey) return this.#keyDone();
      this.#valueDone();
      return 1;
    }
    if (b === 0x5c) {
      this.#state = S_ESCAPE;
      return 1;
    }
    if (b < 0x20) return this.#bad();
    if (b < 0x80) return this.#char(b);
    // UTF-8 lead byte: Unicode Table 3-7 (no overlongs, no surrogates, nothing above U+10FFFF).
    if (b >= 0xc2 && b <= 0xdf) {
      this.#need = 1;
      this.#cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      this.#need = 2;
      this.#cp = b & 0x0f;
      if (b === 0xe0) this.#lo = 0xa0;
      else if (b === 0xed) this.#hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      this.#need = 3;
      this.#cp = b & 0x07;
      if (b === 0xf0) this.#lo = 0x90;
      else if (b === 0xf4) this.#hi = 0x8f;
    } else {
      return this.#bad();
    }
    this.#state = S_UTF8;
    // The code point is appended to a key when its last byte arrives.
    return this.#char(-1);
  }

  #escapeByte(b: number): number {
    if (b === 0x75) {
      this.#hex = 0;
      this.#hexDigits = 0;
      this.#state = S_UNICODE;
      return 1;
    }
    const ch = ESCAPES[b];
    if (ch === undefined) return this.#bad();
    this.#state = S_STRING;
    return this.#char(ch.charCodeAt(0));
  }

  #numChar(): number {
    if (++this.#numLen > this.#l.maxNumberLength) {
      this.#fail(
        'number',
        this.#l.maxNumberLength,
        `A JSON number is longer than ${this.#l.maxNumberLength} characters.`,
      );
      return -1;
    }
    return 1;
  }

  #numberByte(b: number): number {
    const digit = b >= 0x30 && b <= 0x39;
    switch (this.#state) {
      case S_N_MINUS:
        if (!digit) return this.#bad();
        this.#state = b === 0x30 ? S_N_ZERO : S_N_INT;
        return this.#numChar();
      case S_N_ZERO:
      case S_N_INT:
        if (digit && this.#state === S_N_INT) return this.#numChar();
        if (digit) return this.#bad(); // leading zero
        if (b === 0x2e) {
          this.#state = S_N_DOT;
          return this.#numChar();
        }
        if (b === 0x65 || b === 0x45) {
          this.#state = S_N_E;
          return this.#numChar();
        }
        this.#valueDone();
        return 0;
      case S_N_DOT:
        if (!digit) return this.#bad();
        this.#state = S_N_FRAC;
        return this.#numChar();
      case S_N_FRAC:
        if (digit) return this.#numChar();
        if (b === 0x65 || b === 0x45) {
          this.#state = S_N_E;
          return this.#numChar();
        }
        this.#valueDone();
        return 0;
      case S_N_E:
        if (b === 0x2b || b === 0x2d) {
          this.#state = S_N_ESIGN;
          return this.#numChar();
        }
        if (!digit) return this.#bad();
        this.#state = S_N_EXP;
        return this.#numChar();
      case S_N_ESIGN:
        if (!digit) return this.#bad();
        this.#state = S_N_EXP;
        return this.#numChar();
      case S_N_EXP:
        if (digit) return this.#numChar();
        this.#valueDone();
        return 0;
      default:
        return this.#bad();
    }
  }
}

/**
 * Creates a streaming JSON validator with the given limits.
 *
 * @example
 * const s = createJsonScanner(DEFAULT_JSON_LIMITS);
 * s.write(Buffer.from('{"a":[1,2'));
 * s.write(Buffer.from(']}'));
 * s.end(); // null: valid
 */
export function createJsonScanner(limits: JsonLimits): PayloadScanner {
  return new JsonScanner(limits);
}
