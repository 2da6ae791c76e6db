/**
 * libinjection-equivalent SQL injection detector (`@detectSQLi`).
 *
 * A TypeScript port of the algorithm of libinjection's libinjection_sqli.c (BSD 3-Clause, Copyright
 * 2012-2016 Nick Galbreath), as of version 3.9.2, the one bundled with libmodsecurity 3.0.9 that ModSecurity
 * runs the CRS with (differentially tested against it, see detect.test.ts): a tokenizer driven by a per-byte dispatch
 * table, a folding pass that reduces the token stream to at most five tokens, a fingerprint made of
 * their type codes, a lookup in libinjection's fingerprint set (sqli-data.ts) and the false-positive
 * whitelist. The input is tested as-is, then as if it followed a single quote, then a double quote,
 * each optionally re-parsed with MySQL comment rules, exactly as `libinjection_is_sqli` does.
 *
 * Input is a byte string (one char per byte, codes 0-255), like every WAF value.
 */
import { FINGERPRINTS, KEYWORDS } from './sqli-data.ts';

/** Result of {@link detectSQLi}: `fingerprint` is libinjection's, set when `match` is true. */
export interface SqliResult {
  match: boolean;
  fingerprint?: string;
}

const FLAG_QUOTE_NONE = 1;
const FLAG_QUOTE_SINGLE = 2;
const FLAG_QUOTE_DOUBLE = 4;
const FLAG_SQL_ANSI = 8;
const FLAG_SQL_MYSQL = 16;

const TOKEN_SIZE = 32;
const MAX_TOKENS = 5;

const T_NONE = '';
const T_KEYWORD = 'k';
const T_UNION = 'U';
const T_GROUP = 'B';
const T_EXPRESSION = 'E';
const T_SQLTYPE = 't';
const T_FUNCTION = 'f';
const T_BAREWORD = 'n';
const T_NUMBER = '1';
const T_VARIABLE = 'v';
const T_STRING = 's';
const T_OPERATOR = 'o';
const T_LOGIC_OPERATOR = '&';
const T_COMMENT = 'c';
const T_COLLATE = 'A';
const T_LEFTPARENS = '(';
const T_RIGHTPARENS = ')';
const T_LEFTBRACE = '{';
const T_RIGHTBRACE = '}';
const T_DOT = '.';
const T_COMMA = ',';
const T_COLON = ':';
const T_SEMICOLON = ';';
const T_TSQL = 'T';
const T_UNKNOWN = '?';
const T_EVIL = 'X';
const T_BACKSLASH = '\\';

const KEYWORD_MAP: ReadonlyMap<string, string> = new Map(
  KEYWORDS.split('\n').map((line) => {
    const tab = line.lastIndexOf('\t');
    return [line.slice(0, tab), line.slice(tab + 1)] as const;
  }),
);
const FINGERPRINT_SET: ReadonlySet<string> = new Set(FINGERPRINTS.split(' ').filter((f) => f.length > 0));

/**
 * ASCII-only upper-casing (libinjection's `cstrcasecmp` folds only a-z; other bytes stay as they are), without a
 * regex or an allocation when there is nothing to fold.
 *
 * @example upper('union ſelect µ') // 'UNION ſELECT µ'
 */
export function upper(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) break;
    i++;
  }
  if (i === n) return s;
  let ascii = true;
  for (let j = 0; j < n; j++) {
    if (s.charCodeAt(j) >= 0x80) {
      ascii = false;
      break;
    }
  }
  // On ASCII, String#toUpperCase folds exactly a-z; beyond ASCII it would fold more (µ, ß, à…), so fold by hand.
  if (ascii) return s.toUpperCase();
  let out = s.slice(0, i);
  for (let j = i; j < n; j++) {
    const c = s.charCodeAt(j);
    out += String.fromCharCode(c >= 0x61 && c <= 0x7a ? c - 0x20 : c);
  }
  return out;
}

/**
 * {@link KEYWORD_MAP} by the ASCII lower-case form of its keys that hold no lower-case letter (all of them): for a
 * word without upper-case letters or non-ASCII characters, `KEYWORD_MAP.get(upper(word))` is `KEYWORD_LOWER.get(word)`
 * (lower-casing is one-to-one on such keys and undoes {@link upper}), without building the upper-case copy.
 */
const KEYWORD_LOWER: ReadonlyMap<string, string> = new Map(
  [...KEYWORD_MAP].filter(([k]) => upper(k) === k).map(([k, v]) => [k.toLowerCase(), v] as const),
);

/**
 * The keyword type of a word (`KEYWORD_MAP.get(upper(word))`), or '' when it is none.
 * @example lookupWord('Union') // 'U'
 */
export function lookupWord(word: string): string {
  let lower = false;
  let upperCase = false;
  let ascii = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) lower = true;
    else if (c >= 0x41 && c <= 0x5a) upperCase = true;
    else if (c >= 0x80) ascii = false;
  }
  // No a-z: upper(word) is word itself.
  if (!lower) return KEYWORD_MAP.get(word) ?? T_NONE;
  if (!upperCase && ascii) return KEYWORD_LOWER.get(word) ?? T_NONE;
  return KEYWORD_MAP.get(upper(word)) ?? T_NONE;
}

/** `cstrcasecmp(UPPER, s, len) == 0`: equal ignoring ASCII case. */
function eqi(upperWord: string, s: string): boolean {
  return upperWord.length === s.length && upper(s) === upperWord;
}

interface Token {
  type: string;
  pos: number;
  len: number;
  val: string;
  strOpen: string;
  strClose: string;
  count: number;
}

function newTokens(): Token[] {
  const v: Token[] = [];
  for (let i = 0; i < MAX_TOKENS + 3; i++) v.push(newToken());
  return v;
}

const newToken = (): Token => ({
  type: T_NONE,
  pos: 0,
  len: 0,
  val: '',
  strOpen: '',
  strClose: '',
  count: 0,
});

function stClear(t: Token): void {
  t.type = T_NONE;
  t.pos = 0;
  t.len = 0;
  t.val = '';
  t.strOpen = '';
  t.strClose = '';
  t.count = 0;
}

function stCopy(dst: Token, src: Token): void {
  dst.type = src.type;
  dst.pos = src.pos;
  dst.len = src.len;
  dst.val = src.val;
  dst.strOpen = src.strOpen;
  dst.strClose = src.strClose;
  dst.count = src.count;
}

function stAssign(t: Token, type: string, pos: number, len: number, value: string): void {
  const last = len < TOKEN_SIZE ? len : TOKEN_SIZE - 1;
  t.type = type;
  t.pos = pos;
  t.len = last;
  t.val = value.slice(0, last);
}

function stAssignChar(t: Token, type: string, pos: number, value: string): void {
  t.type = type;
  t.pos = pos;
  t.len = 1;
  t.val = value;
}

function isUnaryOp(t: Token): boolean {
  if (t.type !== T_OPERATOR) return false;
  switch (t.len) {
    case 1:
      return t.val === '+' || t.val === '-' || t.val === '!' || t.val === '~';
    case 2:
      return t.val === '!!';
    case 3:
      return eqi('NOT', t.val);
    default:
      return false;
  }
}

function isArithmeticOp(t: Token): boolean {
  return t.type === T_OPERATOR && t.len === 1 && '*/-+%'.includes(t.val);
}

/** C `strchr(set, c) != NULL`: the terminating NUL always matches. */
const inSet = (set: string, c: string): boolean => c === '\0' || set.includes(c);
const WHITE = ' \t\n\v\f\r\xa0';
const isWhite = (c: string | undefined): boolean => c !== undefined && inSet(WHITE, c);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function strlenspn(s: string, from: number, to: number, accept: string): number {
  let i = from;
  while (i < to && inSet(accept, s[i] as string)) i++;
  return i - from;
}

function strlencspn(s: string, from: number, to: number, reject: string): number {
  let i = from;
  while (i < to && !inSet(reject, s[i] as string)) i++;
  return i - from;
}

/** `strlencspn` reject set of parseWord as a byte table (NUL included, as {@link inSet}). */
const WORD_STOP = new Uint8Array(256);
for (const ch of '\0 []{}<>:\\?=@!#~+-*/&|^%(),\';\t\n\v\f\r"\xa0') WORD_STOP[ch.charCodeAt(0)] = 1;

/** First index >= from (pair fully inside [from, from+len)) of c0 followed by c1, or -1. */
function memchr2(s: string, from: number, len: number, c0: string, c1: string): number {
  if (len < 2) return -1;
  const last = from + len - 1;
  for (let i = from; i < last; i++) if (s[i] === c0 && s[i + 1] === c1) return i;
  return -1;
}

/** 256-entry dispatch: parser per leading byte (libinjection's char_parse_map). */
const CHAR_MAP =
  'wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwosh$1oscco1c-n/nnnnnnnnnnocooo?@WbWWeWWWWWWWWNWWqWWWuWWxWW[\\?1W`WbWWeWWWWWWWWNWWqWWWuWWxWWcoc1w' +
  'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWwWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW';

class SqliState {
  s: string;
  slen: number;
  flags = 0;
  pos = 0;
  current: Token;
  readonly tokenvec: Token[] = newTokens();
  fingerprint = '';
  statsCommentDdx = 0;
  statsCommentHash = 0;
  statsTokens = 0;

  constructor(s: string) {
    this.s = s;
    this.slen = s.length;
    this.current = this.tokenvec[0] as Token;
  }

  /** Points the (reused) state at another input; every other field is set by {@link SqliState.reset}. */
  load(s: string): this {
    this.s = s;
    this.slen = s.length;
    return this;
  }

  reset(flags: number): void {
    this.flags = flags === 0 ? FLAG_QUOTE_NONE | FLAG_SQL_ANSI : flags;
    this.pos = 0;
    for (const t of this.tokenvec) stClear(t);
    this.current = this.tokenvec[0] as Token;
    this.fingerprint = '';
    this.statsCommentDdx = 0;
    this.statsCommentHash = 0;
    this.statsTokens = 0;
  }

  // ---- parsers: each returns the new position ----

  parseWhite(): number {
    return this.pos + 1;
  }

  parseOperator1(): number {
    stAssignChar(this.current, T_OPERATOR, this.pos, this.s[this.pos] as string);
    return this.pos + 1;
  }

  parseOther(): number {
    stAssignChar(this.current, T_UNKNOWN, this.pos, this.s[this.pos] as string);
    return this.pos + 1;
  }

  parseChar(): number {
    const c = this.s[this.pos] as string;
    stAssignChar(this.current, c, this.pos, c);
    return this.pos + 1;
  }

  parseEolComment(): number {
    const { s, slen, pos } = this;
    const end = s.indexOf('\n', pos);
    if (end === -1) {
      stAssign(this.current, T_COMMENT, pos, slen - pos, s.slice(pos));
      return slen;
    }
    stAssign(this.current, T_COMMENT, pos, end - pos, s.slice(pos, end));
    return end + 1;
  }

  parseHash(): number {
    this.statsCommentHash += 1;
    if (this.flags & FLAG_SQL_MYSQL) {
      this.statsCommentHash += 1;
      return this.parseEolComment();
    }
    stAssignChar(this.current, T_OPERATOR, this.pos, '#');
    return this.pos + 1;
  }

  parseDash(): number {
    const { s, slen, pos } = this;
    if (pos + 2 < slen && s[pos + 1] === '-' && isWhite(s[pos + 2])) return this.parseEolComment();
    if (pos + 2 === slen && s[pos + 1] === '-') return this.parseEolComment();
    if (pos + 1 < slen && s[pos + 1] === '-' && this.flags & FLAG_SQL_ANSI) {
      this.statsCommentDdx += 1;
      return this.parseEolComment();
    }
    stAssignChar(this.current, T_OPERATOR, pos, '-');
    return pos + 1;
  }

  parseSlash(): number {
    const { s, slen, pos } = this;
    if (pos + 1 === slen || s[pos + 1] !== '*') return this.parseOperator1();
    const ptr = memchr2(s, pos + 2, slen - (pos + 2), '*', '/');
    const clen = ptr === -1 ? slen - pos : ptr + 2 - pos;
    let ctype = T_COMMENT;
    if (ptr !== -1 && memchr2(s, pos + 2, ptr - (pos + 1), '/', '*') !== -1) ctype = T_EVIL;
    else if (pos + 2 < slen && s[pos + 2] === '!') ctype = T_EVIL; // MySQL /*! comment
    stAssign(this.current, ctype, pos, clen, s.slice(pos, pos + clen));
    return pos + clen;
  }

  parseBackslash(): number {
    const { s, slen, pos } = this;
    if (pos + 1 < slen && s[pos + 1] === 'N') {
      stAssign(this.current, T_NUMBER, pos, 2, s.slice(pos, pos + 2));
      return pos + 2;
    }
    stAssignChar(this.current, T_BACKSLASH, pos, s[pos] as string);
    return pos + 1;
  }

  parseOperator2(): number {
    const { s, slen, pos } = this;
    if (pos + 1 >= slen) return this.parseOperator1();
    if (pos + 2 < slen && s[pos] === '<' && s[pos + 1] === '=' && s[pos + 2] === '>') {
      stAssign(this.current, T_OPERATOR, pos, 3, '<=>');
      return pos + 3;
    }
    const two = s.slice(pos, pos + 2);
    const ch = lookupWord(two);
    if (ch !== T_NONE) {
      stAssign(this.current, ch, pos, 2, two);
      return pos + 2;
    }
    if (s[pos] === ':') {
      stAssign(this.current, T_COLON, pos, 1, ':');
      return pos + 1;
    }
    return this.parseOperator1();
  }

  /** Shared string scanner; `offset` skips an opening quote (0 when the quote is simulated). */
  parseStringCore(pos: number, delim: string, offset: number): number {
    const { s, slen } = this;
    const st = this.current;
    const start = pos + offset;
    let q = s.indexOf(delim, start);
    st.strOpen = offset > 0 ? delim : '';
    for (;;) {
      if (q === -1 || q >= slen) {
        stAssign(st, T_STRING, start, slen - start, s.slice(start));
        st.strClose = '';
        return slen;
      }
      let k = q - 1;
      while (k >= start && s[k] === '\\') k--;
      if ((q - 1 - k) & 1) {
        q = s.indexOf(delim, q + 1);
        continue;
      }
      if (q + 1 < slen && s[q + 1] === s[q]) {
        q = s.indexOf(delim, q + 2);
        continue;
      }
      stAssign(st, T_STRING, start, q - start, s.slice(start, q));
      st.strClose = delim;
      return q + 1;
    }
  }

  parseString(): number {
    return this.parseStringCore(this.pos, this.s[this.pos] as string, 1);
  }

  parseEstring(): number {
    const { s, slen, pos } = this;
    if (pos + 2 >= slen || s[pos + 1] !== "'") return this.parseWord();
    return this.parseStringCore(pos, "'", 2);
  }

  parseUstring(): number {
    const { s, slen, pos } = this;
    if (pos + 2 < slen && s[pos + 1] === '&' && s[pos + 2] === "'") {
      this.pos += 2;
      const next = this.parseString();
      this.current.strOpen = 'u';
      if (this.current.strClose === "'") this.current.strClose = 'u';
      return next;
    }
    return this.parseWord();
  }

  parseQstringCore(offset: number): number {
    const { s, slen } = this;
    const pos = this.pos + offset;
    if (pos >= slen || (s[pos] !== 'q' && s[pos] !== 'Q') || pos + 2 >= slen || s[pos + 1] !== "'") {
      return this.parseWord();
    }
    let ch = s[pos + 2] as string;
    const code = ch.charCodeAt(0);
    if (code < 33 || code > 127) return this.parseWord(); // signed char: bytes >= 0x80 are negative
    ch = ch === '(' ? ')' : ch === '[' ? ']' : ch === '{' ? '}' : ch === '<' ? '>' : ch;
    const end = memchr2(s, pos + 3, slen - pos - 3, ch, "'");
    if (end === -1) {
      stAssign(this.current, T_STRING, pos + 3, slen - pos - 3, s.slice(pos + 3));
      this.current.strOpen = 'q';
      this.current.strClose = '';
      return slen;
    }
    stAssign(this.current, T_STRING, pos + 3, end - pos - 3, s.slice(pos + 3, end));
    this.current.strOpen = 'q';
    this.current.strClose = 'q';
    return end + 2;
  }

  parseQstring(): number {
    return this.parseQstringCore(0);
  }

  parseNqstring(): number {
    const { s, slen, pos } = this;
    if (pos + 2 < slen && s[pos + 1] === "'") return this.parseEstring();
    return this.parseQstringCore(1);
  }

  parseBinOrHexString(digits: string): number {
    const { s, slen, pos } = this;
    if (pos + 2 >= slen || s[pos + 1] !== "'") return this.parseWord();
    const wlen = strlenspn(s, pos + 2, slen, digits);
    if (pos + 2 + wlen >= slen || s[pos + 2 + wlen] !== "'") return this.parseWord();
    stAssign(this.current, T_NUMBER, pos, wlen + 3, s.slice(pos, pos + wlen + 3));
    return pos + 2 + wlen + 1;
  }

  /** MS SQL Server bracket words (`[column name]`), in every mode. */
  parseBword(): number {
    const { s, slen, pos } = this;
    const end = s.indexOf(']', pos);
    if (end === -1) {
      stAssign(this.current, T_BAREWORD, pos, slen - pos, s.slice(pos));
      return slen;
    }
    stAssign(this.current, T_BAREWORD, pos, end - pos + 1, s.slice(pos, end + 1));
    return end + 1;
  }

  parseWord(): number {
    const { s, slen, pos } = this;
    let end = pos;
    while (end < slen) {
      const c = s.charCodeAt(end);
      if (c < 256 && WORD_STOP[c] === 1) break;
      end++;
    }
    const wlen = end - pos;
    const cur = this.current;
    stAssign(cur, T_BAREWORD, pos, wlen, s.slice(pos, pos + wlen));
    for (let i = 0; i < cur.len; i++) {
      const d = cur.val[i];
      if (d === '.' || d === '`') {
        const ch = lookupWord(cur.val.slice(0, i));
        if (ch !== T_NONE && ch !== T_BAREWORD) {
          stClear(cur);
          stAssign(cur, ch, pos, i, s.slice(pos, pos + i));
          return pos + i;
        }
      }
    }
    if (wlen < TOKEN_SIZE) {
      const ch = lookupWord(cur.val);
      cur.type = ch === T_NONE ? T_BAREWORD : ch;
    }
    return pos + wlen;
  }

  parseTick(): number {
    const next = this.parseStringCore(this.pos, '`', 1);
    const ch = lookupWord(this.current.val);
    this.current.type = ch === T_FUNCTION ? T_FUNCTION : T_BAREWORD;
    return next;
  }

  parseVar(): number {
    const { s, slen } = this;
    let pos = this.pos + 1;
    if (pos < slen && s[pos] === '@') {
      pos += 1;
      this.current.count = 2;
    } else {
      this.current.count = 1;
    }
    if (pos < slen) {
      if (s[pos] === '`') {
        this.pos = pos;
        const next = this.parseTick();
        this.current.type = T_VARIABLE;
        return next;
      }
      if (s[pos] === "'" || s[pos] === '"') {
        this.pos = pos;
        const next = this.parseString();
        this.current.type = T_VARIABLE;
        return next;
      }
    }
    const xlen = strlencspn(s, pos, slen, " <>:\\?=@!#~+-*/&|^%(),';\t\n\v\f\r'`\"");
    stAssign(this.current, T_VARIABLE, pos, xlen, s.slice(pos, pos + xlen));
    return pos + xlen;
  }

  parseMoney(): number {
    const { s, slen, pos } = this;
    if (pos + 1 === slen) {
      stAssignChar(this.current, T_BAREWORD, pos, '$');
      return slen;
    }
    let xlen = strlenspn(s, pos + 1, slen, '0123456789.,');
    if (xlen === 0) {
      if (s[pos + 1] === '$') {
        const end = memchr2(s, pos + 2, slen - pos - 2, '$', '$');
        if (end === -1) {
          stAssign(this.current, T_STRING, pos + 2, slen - (pos + 2), s.slice(pos + 2));
          this.current.strOpen = '$';
          this.current.strClose = '';
          return slen;
        }
        stAssign(this.current, T_STRING, pos + 2, end - (pos + 2), s.slice(pos + 2, end));
        this.current.strOpen = '$';
        this.current.strClose = '$';
        return end + 2;
      }
      xlen = strlenspn(s, pos + 1, slen, 'abcdefghjiklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ');
      if (xlen === 0 || pos + xlen + 1 === slen || s[pos + xlen + 1] !== '$') {
        stAssignChar(this.current, T_BAREWORD, pos, '$');
        return pos + 1;
      }
      const tag = s.slice(pos, pos + xlen + 2);
      const end = s.indexOf(tag, pos + xlen + 2);
      if (end === -1) {
        stAssign(this.current, T_STRING, pos + xlen + 2, slen - pos - xlen - 2, s.slice(pos + xlen + 2));
        this.current.strOpen = '$';
        this.current.strClose = '';
        return slen;
      }
      stAssign(this.current, T_STRING, pos + xlen + 2, end - (pos + xlen + 2), s.slice(pos + xlen + 2, end));
      this.current.strOpen = '$';
      this.current.strClose = '$';
      return end + xlen + 2;
    }
    if (xlen === 1 && s[pos + 1] === '.') return this.parseWord();
    stAssign(this.current, T_NUMBER, pos, 1 + xlen, s.slice(pos, pos + 1 + xlen));
    return pos + 1 + xlen;
  }

  parseNumber(): number {
    const { s, slen } = this;
    let pos = this.pos;
    if (s[pos] === '0' && pos + 1 < slen) {
      const x = s[pos + 1];
      const digits = x === 'X' || x === 'x' ? '0123456789ABCDEFabcdef' : x === 'B' || x === 'b' ? '01' : '';
      if (digits) {
        const xlen = strlenspn(s, pos + 2, slen, digits);
        if (xlen === 0) {
          stAssign(this.current, T_BAREWORD, pos, 2, s.slice(pos, pos + 2));
          return pos + 2;
        }
        stAssign(this.current, T_NUMBER, pos, 2 + xlen, s.slice(pos, pos + 2 + xlen));
        return pos + 2 + xlen;
      }
    }
    const start = pos;
    while (pos < slen && isDigit(s[pos])) pos++;
    if (pos < slen && s[pos] === '.') {
      pos++;
      while (pos < slen && isDigit(s[pos])) pos++;
      if (pos - start === 1) {
        stAssignChar(this.current, T_DOT, start, '.');
        return pos;
      }
    }
    let haveE = false;
    let haveExp = false;
    if (pos < slen && (s[pos] === 'E' || s[pos] === 'e')) {
      haveE = true;
      pos++;
      if (pos < slen && (s[pos] === '+' || s[pos] === '-')) pos++;
      while (pos < slen && isDigit(s[pos])) {
        haveExp = true;
        pos++;
      }
    }
    if (pos < slen && (s[pos] === 'd' || s[pos] === 'D' || s[pos] === 'f' || s[pos] === 'F')) {
      if (pos + 1 === slen) pos++;
      else if (isWhite(s[pos + 1]) || s[pos + 1] === ';') pos++;
      else if (s[pos + 1] === 'u' || s[pos + 1] === 'U') pos++;
    }
    // "1234.e", "10.10E", "1e": an exponent marker without digits makes the whole run a word, not a number.
    stAssign(
      this.current,
      haveE && !haveExp ? T_BAREWORD : T_NUMBER,
      start,
      pos - start,
      s.slice(start, pos),
    );
    return pos;
  }

  dispatch(): number {
    switch (CHAR_MAP[this.s.charCodeAt(this.pos) & 0xff]) {
      case 'w':
        return this.parseWhite();
      case 'o':
        return this.parseOperator2();
      case 's':
        return this.parseString();
      case 'h':
        return this.parseHash();
      case '$':
        return this.parseMoney();
      case '1':
        return this.parseOperator1();
      case 'c':
        return this.parseChar();
      case '-':
        return this.parseDash();
      case 'n':
        return this.parseNumber();
      case '/':
        return this.parseSlash();
      case '?':
        return this.parseOther();
      case '@':
        return this.parseVar();
      case 'b':
        return this.parseBinOrHexString('01');
      case 'x':
        return this.parseBinOrHexString('0123456789ABCDEFabcdef');
      case 'e':
        return this.parseEstring();
      case 'N':
        return this.parseNqstring();
      case 'q':
        return this.parseQstring();
      case 'u':
        return this.parseUstring();
      case '[':
        return this.parseBword();
      case '\\':
        return this.parseBackslash();
      case '`':
        return this.parseTick();
      default:
        return this.parseWord();
    }
  }

  /** Reads the next token into `current`; false at end of input. */
  tokenize(): boolean {
    if (this.slen === 0) return false;
    stClear(this.current);
    if (this.pos === 0 && this.flags & (FLAG_QUOTE_SINGLE | FLAG_QUOTE_DOUBLE)) {
      this.pos = this.parseStringCore(0, this.flags & FLAG_QUOTE_SINGLE ? "'" : '"', 0);
      this.statsTokens += 1;
      return true;
    }
    while (this.pos < this.slen) {
      this.pos = this.dispatch();
      if (this.current.type !== T_NONE) {
        this.statsTokens += 1;
        return true;
      }
    }
    return false;
  }

  mergeWords(a: Token, b: Token): boolean {
    const okA = 'kno' + 'UfETt';
    if (!okA.includes(a.type) || a.type === T_NONE) return false;
    if (!(okA + '&').includes(b.type) || b.type === T_NONE) return false;
    const sz3 = a.len + b.len + 1;
    if (sz3 >= TOKEN_SIZE) return false;
    const merged = `${a.val} ${b.val}`;
    const ch = lookupWord(merged);
    if (ch === T_NONE) return false;
    stAssign(a, ch, a.pos, sz3, merged);
    return true;
  }

  /** libinjection_sqli_fold: returns the number of tokens in the fingerprint. */
  fold(): number {
    const tv = this.tokenvec;
    const t = (i: number): Token => tv[i] as Token;
    const lastComment = newToken();
    let pos = 0;
    let left = 0;
    let more = true;

    this.current = t(0);
    while (more) {
      more = this.tokenize();
      const c = this.current;
      if (!(c.type === T_COMMENT || c.type === T_LEFTPARENS || c.type === T_SQLTYPE || isUnaryOp(c))) break;
    }
    if (!more) return 0;
    pos += 1;

    for (;;) {
      if (pos >= MAX_TOKENS) {
        const a = t(0).type;
        const b = t(1).type;
        const c = t(2).type;
        const d = t(3).type;
        const e = t(4).type;
        if (
          (a === T_NUMBER &&
            (b === T_OPERATOR || b === T_COMMA) &&
            c === T_LEFTPARENS &&
            d === T_NUMBER &&
            e === T_RIGHTPARENS) ||
          (a === T_BAREWORD &&
            b === T_OPERATOR &&
            c === T_LEFTPARENS &&
            (d === T_BAREWORD || d === T_NUMBER) &&
            e === T_RIGHTPARENS) ||
          (a === T_NUMBER && b === T_RIGHTPARENS && c === T_COMMA && d === T_LEFTPARENS && e === T_NUMBER) ||
          (a === T_BAREWORD &&
            b === T_RIGHTPARENS &&
            c === T_OPERATOR &&
            d === T_LEFTPARENS &&
            e === T_BAREWORD)
        ) {
          if (pos > MAX_TOKENS) {
            stCopy(t(1), t(MAX_TOKENS));
            pos = 2;
            left = 0;
          } else {
            pos = 1;
            left = 0;
          }
        }
      }

      if (!more || left >= MAX_TOKENS) {
        left = pos;
        break;
      }

      while (more && pos <= MAX_TOKENS && pos - left < 2) {
        this.current = t(pos);
        more = this.tokenize();
        if (more) {
          if (this.current.type === T_COMMENT) stCopy(lastComment, this.current);
          else {
            lastComment.type = T_NONE;
            pos += 1;
          }
        }
      }
      if (pos - left < 2) {
        left = pos;
        continue;
      }

      const L = t(left);
      const R = t(left + 1);
      if (L.type === T_STRING && R.type === T_STRING) {
        pos -= 1;
        continue;
      }
      if (L.type === T_SEMICOLON && R.type === T_SEMICOLON) {
        pos -= 1;
        continue;
      }
      if ((L.type === T_OPERATOR || L.type === T_LOGIC_OPERATOR) && (isUnaryOp(R) || R.type === T_SQLTYPE)) {
        pos -= 1;
        left = 0;
        continue;
      }
      if (L.type === T_LEFTPARENS && isUnaryOp(R)) {
        pos -= 1;
        if (left > 0) left -= 1;
        continue;
      }
      if (this.mergeWords(L, R)) {
        pos -= 1;
        if (left > 0) left -= 1;
        continue;
      }
      if (
        L.type === T_SEMICOLON &&
        R.type === T_FUNCTION &&
        (R.val[0] === 'I' || R.val[0] === 'i') &&
        (R.val[1] === 'F' || R.val[1] === 'f')
      ) {
        R.type = T_TSQL;
        continue;
      }
      if (
        (L.type === T_BAREWORD || L.type === T_VARIABLE) &&
        R.type === T_LEFTPARENS &&
        [
          'USER_ID',
          'USER_NAME',
          'DATABASE',
          'PASSWORD',
          'USER',
          'CURRENT_USER',
          'CURRENT_DATE',
          'CURRENT_TIME',
          'CURRENT_TIMESTAMP',
          'LOCALTIME',
          'LOCALTIMESTAMP',
        ].some((w) => eqi(w, L.val))
      ) {
        L.type = T_FUNCTION;
        continue;
      }
      if (L.type === T_KEYWORD && (eqi('IN', L.val) || eqi('NOT IN', L.val))) {
        L.type = R.type === T_LEFTPARENS ? T_OPERATOR : T_BAREWORD;
        continue;
      }
      if (L.type === T_OPERATOR && (eqi('LIKE', L.val) || eqi('NOT LIKE', L.val))) {
        if (R.type === T_LEFTPARENS) L.type = T_FUNCTION;
      } else if (L.type === T_SQLTYPE && 'n1t(fvs'.includes(R.type) && R.type !== T_NONE) {
        stCopy(L, R);
        pos -= 1;
        left = 0;
        continue;
      } else if (L.type === T_COLLATE && R.type === T_BAREWORD) {
        // C `strchr(val, '_')`: the value is a C string, so the search stops at an embedded NUL.
        const nul = R.val.indexOf('\0');
        if ((nul === -1 ? R.val : R.val.slice(0, nul)).includes('_')) {
          R.type = T_SQLTYPE;
          left = 0;
        }
      } else if (L.type === T_BACKSLASH) {
        if (isArithmeticOp(R)) L.type = T_NUMBER;
        else {
          stCopy(L, R);
          pos -= 1;
        }
        left = 0;
        continue;
      } else if (L.type === T_LEFTPARENS && R.type === T_LEFTPARENS) {
        pos -= 1;
        left = 0;
        continue;
      } else if (L.type === T_RIGHTPARENS && R.type === T_RIGHTPARENS) {
        pos -= 1;
        left = 0;
        continue;
      } else if (L.type === T_LEFTBRACE && R.type === T_BAREWORD) {
        if (R.len === 0) {
          R.type = T_EVIL;
          return left + 2;
        }
        left = 0;
        pos -= 2;
        continue;
      } else if (R.type === T_RIGHTBRACE) {
        pos -= 1;
        left = 0;
        continue;
      }

      while (more && pos <= MAX_TOKENS && pos - left < 3) {
        this.current = t(pos);
        more = this.tokenize();
        if (more) {
          if (this.current.type === T_COMMENT) stCopy(lastComment, this.current);
          else {
            lastComment.type = T_NONE;
            pos += 1;
          }
        }
      }
      if (pos - left < 3) {
        left = pos;
        continue;
      }

      const A = t(left);
      const B = t(left + 1);
      const C = t(left + 2);
      if (A.type === T_NUMBER && B.type === T_OPERATOR && C.type === T_NUMBER) {
        pos -= 2;
        left = 0;
        continue;
      }
      if (A.type === T_OPERATOR && B.type !== T_LEFTPARENS && C.type === T_OPERATOR) {
        left = 0;
        pos -= 2;
        continue;
      }
      if (A.type === T_LOGIC_OPERATOR && C.type === T_LOGIC_OPERATOR) {
        pos -= 2;
        left = 0;
        continue;
      }
      if (
        A.type === T_VARIABLE &&
        B.type === T_OPERATOR &&
        (C.type === T_VARIABLE || C.type === T_NUMBER || C.type === T_BAREWORD)
      ) {
        pos -= 2;
        left = 0;
        continue;
      }
      if (
        (A.type === T_BAREWORD || A.type === T_NUMBER) &&
        B.type === T_OPERATOR &&
        (C.type === T_NUMBER || C.type === T_BAREWORD)
      ) {
        pos -= 2;
        left = 0;
        continue;
      }
      if (
        (A.type === T_BAREWORD || A.type === T_NUMBER || A.type === T_VARIABLE || A.type === T_STRING) &&
        B.type === T_OPERATOR &&
        B.val === '::' &&
        C.type === T_SQLTYPE
      ) {
        pos -= 2;
        left = 0;
        continue;
      }
      const nsv = (x: string): boolean =>
        x === T_BAREWORD || x === T_NUMBER || x === T_STRING || x === T_VARIABLE;
      if (nsv(A.type) && B.type === T_COMMA && nsv(C.type)) {
        pos -= 2;
        left = 0;
        continue;
      }
      if (
        (A.type === T_EXPRESSION || A.type === T_GROUP || A.type === T_COMMA) &&
        isUnaryOp(B) &&
        C.type === T_LEFTPARENS
      ) {
        stCopy(B, C);
        pos -= 1;
        left = 0;
        continue;
      }
      if (
        (A.type === T_KEYWORD || A.type === T_EXPRESSION || A.type === T_GROUP) &&
        isUnaryOp(B) &&
        (nsv(C.type) || C.type === T_FUNCTION)
      ) {
        stCopy(B, C);
        pos -= 1;
        left = 0;
        continue;
      }
      if (A.type === T_COMMA && isUnaryOp(B) && nsv(C.type)) {
        stCopy(B, C);
        left = 0;
        pos -= 3;
        continue;
      }
      if (A.type === T_COMMA && isUnaryOp(B) && C.type === T_FUNCTION) {
        stCopy(B, C);
        pos -= 1;
        left = 0;
        continue;
      }
      if (A.type === T_BAREWORD && B.type === T_DOT && C.type === T_BAREWORD) {
        pos -= 2;
        left = 0;
        continue;
      }
      if (A.type === T_EXPRESSION && B.type === T_DOT && C.type === T_BAREWORD) {
        stCopy(B, C);
        pos -= 1;
        left = 0;
        continue;
      }
      if (A.type === T_FUNCTION && B.type === T_LEFTPARENS && C.type !== T_RIGHTPARENS) {
        if (eqi('USER', A.val)) A.type = T_BAREWORD;
      }
      left += 1;
    }

    if (left < MAX_TOKENS && lastComment.type === T_COMMENT) {
      stCopy(t(left), lastComment);
      left += 1;
    }
    if (left > MAX_TOKENS) left = MAX_TOKENS;
    return left;
  }

  /** libinjection_sqli_fingerprint. */
  fingerprintFor(flags: number): string {
    this.reset(flags);
    const tlen = this.fold();
    const last = this.tokenvec[tlen - 1];
    if (
      tlen > 2 &&
      last &&
      last.type === T_BAREWORD &&
      last.strOpen === '`' &&
      last.len === 0 &&
      last.strClose === ''
    ) {
      last.type = T_COMMENT;
    }
    let fp = '';
    for (let i = 0; i < tlen; i++) fp += (this.tokenvec[i] as Token).type;
    if (fp.includes(T_EVIL)) {
      fp = T_EVIL;
      const first = this.tokenvec[0] as Token;
      stClear(first);
      first.type = T_EVIL;
      first.val = T_EVIL;
      (this.tokenvec[1] as Token).type = T_NONE;
    }
    this.fingerprint = fp;
    return fp;
  }

  blacklist(): boolean {
    return this.fingerprint.length >= 1 && FINGERPRINT_SET.has(upper(this.fingerprint));
  }

  notWhitelist(): boolean {
    const fp = this.fingerprint;
    const tlen = fp.length;
    const tv = this.tokenvec as [Token, Token, Token, ...Token[]];
    if (tlen > 1 && fp[tlen - 1] === T_COMMENT && this.s.includes('sp_password')) return true;
    if (tlen === 2) {
      if (fp[1] === T_UNION) return this.statsTokens !== 2;
      if (tv[1].val[0] === '#') return false;
      if (tv[0].type === T_BAREWORD && tv[1].type === T_COMMENT && tv[1].val[0] !== '/') return false;
      if (tv[0].type === T_NUMBER && tv[1].type === T_COMMENT && tv[1].val[0] === '/') return true;
      if (tv[0].type === T_NUMBER && tv[1].type === T_COMMENT) {
        if (this.statsTokens > 2) return true;
        const code = this.s.charCodeAt(tv[0].len);
        const ch = Number.isNaN(code) ? 0 : code;
        if (ch <= 32 || ch >= 128) return true; // C: signed char <= 32
        if (ch === 0x2f && this.s[tv[0].len + 1] === '*') return true;
        if (ch === 0x2d && this.s[tv[0].len + 1] === '-') return true;
        return false;
      }
      if (tv[1].len > 2 && tv[1].val[0] === '-') return false;
    } else if (tlen === 3) {
      if (fp === 'sos' || fp === 's&s') {
        if (tv[0].strOpen === '' && tv[2].strClose === '' && tv[0].strClose === tv[2].strOpen) return true;
        return false;
      }
      if (fp === 's&n' || fp === 'n&1' || fp === '1&1' || fp === '1&v' || fp === '1&s') {
        if (this.statsTokens === 3) return false;
      } else if (tv[1].type === T_KEYWORD) {
        if (tv[1].len < 5 || upper(tv[1].val.slice(0, 4)) !== 'INTO') return false;
      }
    }
    return true;
  }

  checkFingerprint(): boolean {
    return this.blacklist() && this.notWhitelist();
  }

  reparseAsMysql(): boolean {
    return this.statsCommentDdx > 0 || this.statsCommentHash > 0;
  }

  isSqli(): boolean {
    if (this.slen === 0) return false;
    this.fingerprintFor(FLAG_QUOTE_NONE | FLAG_SQL_ANSI);
    if (this.checkFingerprint()) return true;
    if (this.reparseAsMysql()) {
      this.fingerprintFor(FLAG_QUOTE_NONE | FLAG_SQL_MYSQL);
      if (this.checkFingerprint()) return true;
    }
    if (this.s.includes("'")) {
      this.fingerprintFor(FLAG_QUOTE_SINGLE | FLAG_SQL_ANSI);
      if (this.checkFingerprint()) return true;
      if (this.reparseAsMysql()) {
        this.fingerprintFor(FLAG_QUOTE_SINGLE | FLAG_SQL_MYSQL);
        if (this.checkFingerprint()) return true;
      }
    }
    if (this.s.includes('"')) {
      this.fingerprintFor(FLAG_QUOTE_DOUBLE | FLAG_SQL_MYSQL);
      if (this.checkFingerprint()) return true;
    }
    return false;
  }
}

const SHARED_STATE = new SqliState('');

/**
 * Detects SQL injection the way libinjection's `libinjection_sqli` does.
 *
 * @example detectSQLi("1' OR '1'='1") // { match: true, fingerprint: 's&sos' }
 */
export function detectSQLi(input: string): SqliResult {
  // One state (eight tokens) reused by every call: detection is synchronous and never re-entered.
  const state = SHARED_STATE.load(input);
  if (state.isSqli()) return { match: true, fingerprint: state.fingerprint };
  return { match: false };
}

/**
 * The fingerprint of `input` for one parsing context (libinjection_sqli_fingerprint), for tests and
 * diagnostics. `context` is the simulated opening quote: '' (none), "'" or '"'; `mysql` selects MySQL
 * comment rules.
 */
export function sqliFingerprint(input: string, context: '' | "'" | '"' = '', mysql = false): string {
  const state = new SqliState(input);
  const quote = context === "'" ? FLAG_QUOTE_SINGLE : context === '"' ? FLAG_QUOTE_DOUBLE : FLAG_QUOTE_NONE;
  return state.fingerprintFor(quote | (mysql ? FLAG_SQL_MYSQL : FLAG_SQL_ANSI));
}
