/**
 * SecLang transformations (`t:` actions), byte-for-byte faithful to ModSecurity v3.
 *
 * Representation: every input and output is a JS string holding BYTES, one char per byte with char
 * codes 0–255 ("binary"/latin1 string). The engine converts request data with
 * `buffer.toString('latin1')`, and `Buffer.from(s, 'latin1')` gives the bytes back. ModSecurity works on
 * bytes (C `unsigned char`), so the character classes used here are those of the C locale: `isspace` is
 * space, \t, \n, \v, \f, \r; `isxdigit`/`isalnum`/`tolower` are ASCII-only.
 *
 * Each function follows the algorithm of the matching file in ModSecurity's
 * `src/actions/transformations/`, including its quirks (noted where they are surprising).
 */
import { createHash } from 'node:crypto';
import { UNICODE_BEST_FIT_20127 } from './unicode-map.ts';

/** A transformation: byte string in, byte string out. */
export type Transform = (input: string) => string;

const isHex = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isODigit = (c: number): boolean => c >= 0x30 && c <= 0x37;
const isAlnum = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/** ModSecurity's `x2c`: two hex digits to a byte, with its unchecked (mod 256) arithmetic. */
function x2c(a: number, b: number): number {
  let d = a >= 0x41 ? (a & 0xdf) - 0x41 + 10 : a - 0x30;
  d = (d * 16) & 0xff;
  d += b >= 0x41 ? (b & 0xdf) - 0x41 + 10 : b - 0x30;
  return d & 0xff;
}

/** ModSecurity's `xsingle2c`: one hex digit to a byte. */
function xsingle2c(a: number): number {
  return (a >= 0x41 ? (a & 0xdf) - 0x41 + 10 : a - 0x30) & 0xff;
}

/** Byte array → byte string, in chunks to stay clear of argument-count limits. */
function fromBytes(bytes: ArrayLike<number>, length: number = bytes.length): string {
  let out = '';
  for (let i = 0; i < length; i += 8192) {
    const end = Math.min(length, i + 8192);
    const part: number[] = [];
    for (let k = i; k < end; k++) part.push((bytes[k] as number) & 0xff);
    out += String.fromCharCode(...part);
  }
  return out;
}

/** Byte string → byte array with a trailing NUL (C strings read one past the end). */
function toBytes(s: string, extra = 1): Uint8Array {
  const b = new Uint8Array(s.length + extra);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

/** `strtol(digits, NULL, base)` cast to `unsigned char`: overflow saturates to LONG_MAX (low byte 0xFF). */
function strtolByte(digits: string, base: 10 | 16): number {
  const v = BigInt(base === 16 ? `0x${digits}` : digits);
  if (v > 0x7fffffffffffffffn) return 0xff;
  return Number(v & 0xffn);
}

/** `urlDecode`: %XX (valid hex only) and `+` → space; invalid escapes are kept as they are. */
export function urlDecode(input: string): string {
  const s = input;
  const n = s.length;
  let out = '';
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      if (i + 2 < n) {
        const c1 = s.charCodeAt(i + 1);
        const c2 = s.charCodeAt(i + 2);
        if (isHex(c1) && isHex(c2)) {
          out += String.fromCharCode(x2c(c1, c2));
          i += 3;
          continue;
        }
      }
      out += '%';
      i++;
    } else {
      out += c === 0x2b ? ' ' : s[i];
      i++;
    }
  }
  return out;
}

/**
 * Builds `urlDecodeUni` for a given Unicode map (`null`: no `SecUnicodeMapFile` loaded).
 * `%uXXXX` becomes the mapped byte; without a mapping, the low byte, plus 0x20 for full-width ASCII
 * (U+FF01–U+FF5E).
 */
export function createUrlDecodeUni(map: Int16Array | null): Transform {
  return (input: string): string => {
    const s = input;
    const n = s.length;
    let out = '';
    let i = 0;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c !== 0x25) {
        out += c === 0x2b ? ' ' : s[i];
        i++;
        continue;
      }
      const u = i + 1 < n ? s.charCodeAt(i + 1) : -1;
      if (u === 0x75 || u === 0x55) {
        if (
          i + 5 < n &&
          isHex(s.charCodeAt(i + 2)) &&
          isHex(s.charCodeAt(i + 3)) &&
          isHex(s.charCodeAt(i + 4)) &&
          isHex(s.charCodeAt(i + 5))
        ) {
          const code = Number.parseInt(s.slice(i + 2, i + 6), 16);
          const mapped = map ? (map[code] ?? -1) : -1;
          if (mapped !== -1) {
            out += String.fromCharCode(mapped);
          } else {
            const low = x2c(s.charCodeAt(i + 4), s.charCodeAt(i + 5));
            const fullWidth = (s.charCodeAt(i + 2) | 0x20) === 0x66 && (s.charCodeAt(i + 3) | 0x20) === 0x66;
            out += String.fromCharCode(low > 0 && low < 0x5f && fullWidth ? low + 0x20 : low);
          }
          i += 6;
        } else {
          out += s.slice(i, i + 2);
          i += 2;
        }
      } else if (i + 2 < n && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) {
        out += String.fromCharCode(x2c(s.charCodeAt(i + 1), s.charCodeAt(i + 2)));
        i += 3;
      } else {
        out += '%';
        i++;
      }
    }
    return out;
  };
}

/** `urlDecodeUni` with no Unicode map loaded (ModSecurity's own test suite setting). */
export const urlDecodeUniRaw: Transform = createUrlDecodeUni(null);

/** `urlDecodeUni` with the codepage 20127 best-fit map, as CRS deployments configure it. */
export const urlDecodeUni: Transform = createUrlDecodeUni(UNICODE_BEST_FIT_20127);

/** `lowercase`: ASCII A–Z only (C locale `tolower`). */
export function lowercase(input: string): string {
  return input.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * `htmlEntityDecode`: `&#DDD;`, `&#xHH;` (semicolon optional, value truncated to one byte) and the
 * named entities quot, amp, lt, gt, nbsp (case-insensitive, semicolon optional). Anything else is
 * copied unchanged.
 */
export function htmlEntityDecode(input: string): string {
  const s = input;
  const n = s.length;
  let out = '';
  let i = 0;
  while (i < n) {
    let copy = 1;
    if (s.charCodeAt(i) === 0x26 && i + 1 < n) {
      let j = i + 1;
      if (s.charCodeAt(j) === 0x23) {
        copy++;
        if (j + 1 < n) {
          j++;
          const isHexEntity = s.charCodeAt(j) === 0x78 || s.charCodeAt(j) === 0x58;
          let ok = true;
          if (isHexEntity) {
            copy++;
            if (j + 1 < n) j++;
            else ok = false;
          }
          if (ok) {
            const k = j;
            const test = isHexEntity ? isHex : isDigit;
            while (j < n && test(s.charCodeAt(j))) j++;
            if (j > k) {
              out += String.fromCharCode(strtolByte(s.slice(k, j), isHexEntity ? 16 : 10));
              i = j < n && s.charCodeAt(j) === 0x3b ? j + 1 : j;
              continue;
            }
          }
        }
      } else {
        const k = j;
        while (j < n && isAlnum(s.charCodeAt(j))) j++;
        if (j > k) {
          const name = s.slice(k, j).toLowerCase();
          const value =
            name === 'quot'
              ? '"'
              : name === 'amp'
                ? '&'
                : name === 'lt'
                  ? '<'
                  : name === 'gt'
                    ? '>'
                    : name === 'nbsp'
                      ? '\xa0'
                      : null;
          if (value !== null) {
            out += value;
            i = j < n && s.charCodeAt(j) === 0x3b ? j + 1 : j;
            continue;
          }
          copy = j - k + 1;
        }
      }
    }
    out += s.slice(i, i + copy);
    i += copy;
  }
  return out;
}

/**
 * `jsDecode`: \uHHHH (low byte only, +0x20 for full-width ASCII), \xHH, \OOO (octal, at most one
 * byte), \a \b \f \n \r \t \v, and `\C` → `C` for any other character.
 */
export function jsDecode(input: string): string {
  const s = input;
  const n = s.length;
  let out = '';
  let i = 0;
  const at = (k: number): number => (k < n ? s.charCodeAt(k) : 0);
  while (i < n) {
    if (s.charCodeAt(i) !== 0x5c) {
      out += s[i];
      i++;
      continue;
    }
    if (
      i + 5 < n &&
      at(i + 1) === 0x75 &&
      isHex(at(i + 2)) &&
      isHex(at(i + 3)) &&
      isHex(at(i + 4)) &&
      isHex(at(i + 5))
    ) {
      let d = x2c(at(i + 4), at(i + 5));
      if (d > 0 && d < 0x5f && (at(i + 2) | 0x20) === 0x66 && (at(i + 3) | 0x20) === 0x66) d += 0x20;
      out += String.fromCharCode(d);
      i += 6;
    } else if (i + 3 < n && at(i + 1) === 0x78 && isHex(at(i + 2)) && isHex(at(i + 3))) {
      out += String.fromCharCode(x2c(at(i + 2), at(i + 3)));
      i += 4;
    } else if (i + 1 < n && isODigit(at(i + 1))) {
      let j = 0;
      let buf = '';
      while (i + 1 + j < n && j < 3) {
        buf += s[i + 1 + j];
        j++;
        if (!isODigit(at(i + 1 + j))) break;
      }
      if (j === 3 && buf.charCodeAt(0) > 0x33) {
        j = 2;
        buf = buf.slice(0, 2);
      }
      out += String.fromCharCode(Number.parseInt(buf, 8) & 0xff);
      i += 1 + j;
    } else if (i + 1 < n) {
      const c = s[i + 1] as string;
      out += JS_SIMPLE_ESCAPES[c] ?? c;
      i += 2;
    } else {
      out += s.slice(i);
      i = n;
    }
  }
  return out;
}

const JS_SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/**
 * `cssDecode`: CSS 2 escapes — `\` + 1–6 hex digits (last two used, +0x20 for full-width ASCII when the
 * value could be U+FF01–U+FF5E; one following whitespace swallowed), `\` + newline removed, `\C` → `C`,
 * a trailing lone `\` removed.
 */
export function cssDecode(input: string): string {
  const s = input;
  const n = s.length;
  const at = (k: number): number => (k >= 0 && k < n ? s.charCodeAt(k) : 0);
  let out = '';
  let i = 0;
  while (i < n) {
    if (s.charCodeAt(i) !== 0x5c) {
      out += s[i];
      i++;
      continue;
    }
    if (i + 1 >= n) {
      i++;
      continue;
    }
    i++;
    let j = 0;
    while (j < 6 && i + j < n && isHex(at(i + j))) j++;
    if (j > 0) {
      let d: number;
      let fullcheck = false;
      if (j === 1) d = xsingle2c(at(i));
      else {
        d = x2c(at(i + j - 2), at(i + j - 1));
        if (j === 4) fullcheck = true;
        else if (j === 5) fullcheck = at(i) === 0x30;
        else if (j === 6) fullcheck = at(i) === 0x30 && at(i + 1) === 0x30;
      }
      if (
        fullcheck &&
        d > 0 &&
        d < 0x5f &&
        (at(i + j - 3) | 0x20) === 0x66 &&
        (at(i + j - 4) | 0x20) === 0x66
      ) {
        d += 0x20;
      }
      out += String.fromCharCode(d);
      if (i + j < n && isSpace(at(i + j))) j++;
      i += j;
    } else if (at(i) === 0x0a) {
      i++;
    } else {
      out += s[i];
      i++;
    }
  }
  return out;
}

function hexString(d: number): string {
  return d.toString(16).padStart(4, '0');
}

/**
 * `utf8toUnicode`: valid UTF-8 multi-byte sequences become `%uXXXX` (lowercase hex, at least four
 * digits). Emulates ModSecurity's buffer handling: an invalid lead byte is dropped, overlong and
 * surrogate sequences get the lead byte appended after the `%u` form, and NUL bytes are dropped.
 */
export function utf8toUnicode(input: string): string {
  const inLen = input.length + 1; // ModSecurity passes size()+1 and so also processes the terminator.
  const src = toBytes(input, 4);
  const data: number[] = [];
  let p = 0;
  const put = (c: number): void => {
    data[p++] = c & 0xff;
  };
  const putStr = (str: string): void => {
    for (let k = 0; k < str.length; k++) put(str.charCodeAt(k));
  };
  let i = 0;
  while (i < inLen) {
    let unicodeLen = 0;
    let d = 0;
    const c = src[i] as number;
    const b1 = src[i + 1] as number;
    const b2 = src[i + 2] as number;
    const b3 = src[i + 3] as number;
    if ((c & 0x80) === 0) {
      if (c === 0 && inLen > i + 1) data[p] = x2c(0, b1);
      else put(c);
    } else if ((c & 0xe0) === 0xc0) {
      if (inLen < 2 || (b1 & 0xc0) !== 0x80) unicodeLen = -1;
      else {
        unicodeLen = 2;
        d = ((c & 0x1f) << 6) | (b1 & 0x3f);
        putStr(`%u${hexString(d)}`);
      }
    } else if ((c & 0xf0) === 0xe0) {
      if (inLen < 3 || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) unicodeLen = -1;
      else {
        unicodeLen = 3;
        d = ((c & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
        putStr(`%u${hexString(d)}`);
      }
    } else if ((c & 0xf8) === 0xf0) {
      if (c >= 0xf5) put(c);
      if (inLen < 4 || (b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80 || (b3 & 0xc0) !== 0x80) unicodeLen = -1;
      else {
        unicodeLen = 4;
        d = ((c & 0x07) << 18) | ((b1 & 0x3f) << 12) | ((b2 & 0x3f) << 6) | (b3 & 0x3f);
        putStr(`%u${hexString(d)}`);
      }
    } else {
      put(c);
    }
    if (d >= 0xd800 && d <= 0xdfff) put(c);
    if (
      (unicodeLen === 4 && d < 0x10000) ||
      (unicodeLen === 3 && d < 0x800) ||
      (unicodeLen === 2 && d < 0x80)
    ) {
      put(c);
    }
    i += unicodeLen > 0 ? unicodeLen : 1;
  }
  let end = 0;
  while (end < p && data[end] !== 0 && data[end] !== undefined) end++;
  return fromBytes(data, end);
}

/** `removeNulls`: drops NUL bytes. */
export function removeNulls(input: string): string {
  return input.replaceAll('\0', '');
}

/** `replaceNulls`: NUL bytes become spaces. */
export function replaceNulls(input: string): string {
  return input.replaceAll('\0', ' ');
}

/** `removeWhitespace`: drops C-locale whitespace and NBSP (0xA0). */
export function removeWhitespace(input: string): string {
  return input.replace(/[\t\n\v\f\r \xa0]+/g, '');
}

/** `compressWhitespace`: each run of C-locale whitespace becomes one space. */
export function compressWhitespace(input: string): string {
  return input.replace(/[\t\n\v\f\r ]+/g, ' ');
}

/**
 * `replaceComments`: each C-style comment becomes one space; an unterminated comment also becomes one
 * space (at the end).
 */
export function replaceComments(input: string): string {
  const s = input;
  const n = s.length;
  let out = '';
  let i = 0;
  let inComment = false;
  while (i < n) {
    if (!inComment) {
      if (s.charCodeAt(i) === 0x2f && i + 1 < n && s.charCodeAt(i + 1) === 0x2a) {
        inComment = true;
        i += 2;
      } else {
        out += s[i];
        i++;
      }
    } else if (s.charCodeAt(i) === 0x2a && i + 1 < n && s.charCodeAt(i + 1) === 0x2f) {
      inComment = false;
      i += 2;
      out += ' ';
    } else {
      i++;
    }
  }
  return inComment ? `${out} ` : out;
}

/**
 * `removeComments`: removes `/* *\/` and `<!-- -->` comments (an unterminated one becomes a single
 * trailing space) and truncates the value at the first `--` or `#` outside a comment.
 */
export function removeComments(input: string): string {
  const n = input.length;
  const b = toBytes(input);
  let i = 0;
  let j = 0;
  let inComment = false;
  while (i < n) {
    if (!inComment) {
      if (b[i] === 0x2f && i + 1 < n && b[i + 1] === 0x2a) {
        inComment = true;
        i += 2;
      } else if (b[i] === 0x3c && i + 3 < n && b[i + 1] === 0x21 && b[i + 2] === 0x2d && b[i + 3] === 0x2d) {
        inComment = true;
        i += 4;
      } else if ((b[i] === 0x2d && i + 1 < n && b[i + 1] === 0x2d) || b[i] === 0x23) {
        break;
      } else {
        b[j++] = b[i++] as number;
      }
    } else if (b[i] === 0x2a && i + 1 < n && b[i + 1] === 0x2f) {
      inComment = false;
      i += 2;
    } else if (b[i] === 0x2d && i + 2 < n && b[i + 1] === 0x2d && b[i + 2] === 0x3e) {
      inComment = false;
      i += 3;
    } else {
      i++;
    }
  }
  if (inComment) b[j++] = 0x20;
  return fromBytes(b, j);
}

/** `removeCommentsChar`: deletes the comment markers `/*`, `*\/`, `<!--`, `-->`, `--` and `#`. */
export function removeCommentsChar(input: string): string {
  let out = '';
  let i = 0;
  const s = input;
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === '/' && s[i + 1] === '*') i += 2;
    else if (c === '*' && s[i + 1] === '/') i += 2;
    else if (c === '<' && s.startsWith('!--', i + 1)) i += 4;
    else if (c === '-' && s[i + 1] === '-' && s[i + 2] === '>') i += 3;
    else if (c === '-' && s[i + 1] === '-') i += 2;
    else if (c === '#') i += 1;
    else {
      out += c;
      i++;
    }
  }
  return out;
}

/**
 * `cmdLine`: deletes `"` `'` `\` `^`; turns runs of space , ; \t \r \n into one space; deletes a space
 * before `/` or `(`; lowercases ASCII.
 */
export function cmdLine(input: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i] as string;
    switch (c) {
      case '"':
      case "'":
      case '\\':
      case '^':
        break;
      case ' ':
      case ',':
      case ';':
      case '\t':
      case '\r':
      case '\n':
        if (!space) {
          out += ' ';
          space = true;
        }
        break;
      case '/':
      case '(':
        if (space) out = out.slice(0, -1);
        space = false;
        out += c;
        break;
      default:
        out += c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
        space = false;
    }
  }
  return out;
}

/** ModSecurity's `normalize_path_inplace`, over a byte array. */
function normalizePathImpl(input: string, win: boolean): string {
  const len = input.length;
  if (len <= 0) return '';
  const b = toBytes(input);
  const SLASH = 0x2f;
  const BSLASH = 0x5c;
  const DOT = 0x2e;
  let src = 0;
  let dst = 0;
  const end = len - 1;
  let ldst = 1;
  let hitroot = false;
  let done = false;
  const relative = !(b[0] === SLASH || (win && b[0] === BSLASH));
  const trailing = b[end] === SLASH || (win && b[end] === BSLASH);

  while (!done && src <= end && dst <= end) {
    if (win) {
      if (b[src] === BSLASH) b[src] = SLASH;
      if (src < end && b[src + 1] === BSLASH) b[src + 1] = SLASH;
    }
    let skipToCopy = false;
    let skipCopy = false;
    if (src === end) done = true;
    else if (b[src + 1] !== SLASH) skipToCopy = true;

    if (!skipToCopy) {
      if (src !== end && b[src] === SLASH) {
        // empty segment: the copy step collapses it
      } else if (b[src] === DOT) {
        if (dst > 0 && b[dst - 1] === DOT) {
          if (relative && (hitroot || dst - 2 <= 0)) {
            hitroot = true;
          } else {
            dst -= 3;
            while (dst > 0 && b[dst] !== SLASH) dst--;
            if (dst <= 0) {
              hitroot = true;
              dst = 0;
              if (!relative && src === end) dst++;
            }
            if (done) skipCopy = true;
            else src++;
          }
        } else if (dst === 0) {
          if (done) skipCopy = true;
          else src++;
        } else if (b[dst - 1] === SLASH) {
          if (done) skipCopy = true;
          else {
            dst--;
            src++;
          }
        }
      } else if (dst > 0) {
        hitroot = false;
      }
    }

    if (!skipCopy) {
      let copyByte = true;
      if (b[src] === SLASH) {
        while (src < end && (b[src + 1] === SLASH || (win && b[src + 1] === BSLASH))) src++;
        if (relative && dst === 0) {
          src++;
          copyByte = false;
        }
      }
      if (copyByte) b[dst++] = b[src++] as number;
    }
    ldst = dst;
  }
  if (!trailing && dst > 0 && b[dst - 1] === SLASH) {
    ldst--;
    dst--;
  }
  return fromBytes(b, ldst);
}

/** `normalizePath` (alias `normalisePath`): collapses `//`, removes `./` and resolves `../` segments. */
export function normalizePath(input: string): string {
  return normalizePathImpl(input, false);
}

/** `normalizePathWin` (alias `normalisePathWin`): `normalizePath` after turning `\` into `/`. */
export function normalizePathWin(input: string): string {
  return normalizePathImpl(input, true);
}

/**
 * `escapeSeqDecode`: ANSI C escapes \a \b \f \n \r \t \v \\ \? \' \" \xHH and \OOO (1–3 octal digits,
 * truncated to one byte); for an unrecognised escape the backslash is dropped.
 */
export function escapeSeqDecode(input: string): string {
  const s = input;
  const n = s.length;
  const at = (k: number): number => (k < n ? s.charCodeAt(k) : 0);
  let out = '';
  let i = 0;
  while (i < n) {
    if (s.charCodeAt(i) !== 0x5c || i + 1 >= n) {
      out += s[i];
      i++;
      continue;
    }
    let c = ANSI_ESCAPES[s[i + 1] as string] ?? -1;
    if (c !== -1) i += 2;
    else if (at(i + 1) === 0x78 || at(i + 1) === 0x58) {
      if (i + 3 < n && isHex(at(i + 2)) && isHex(at(i + 3))) {
        c = x2c(at(i + 2), at(i + 3));
        i += 4;
      }
    } else if (isODigit(at(i + 1))) {
      let j = 0;
      let buf = '';
      while (i + 1 + j < n && j < 3) {
        buf += s[i + 1 + j];
        j++;
        if (!isODigit(at(i + 1 + j))) break;
      }
      c = Number.parseInt(buf, 8);
      i += 1 + j;
    }
    if (c === -1) {
      out += s[i + 1];
      i += 2;
    } else {
      out += String.fromCharCode(c & 0xff);
    }
  }
  return out;
}

const ANSI_ESCAPES: Record<string, number> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 0x5c,
  '?': 0x3f,
  "'": 0x27,
  '"': 0x22,
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int16Array(256).fill(-1);
for (let k = 0; k < 64; k++) B64_VALUE[B64.charCodeAt(k)] = k;

/**
 * `base64Decode`: strict RFC 4648 decoding as mbedTLS does it (ModSecurity v3 uses
 * `mbedtls_base64_decode`): the input ends at the first NUL; spaces at line ends and CR/LF are skipped;
 * any other invalid character, misplaced `=` or impossible length yields an empty result.
 */
export function base64Decode(input: string): string {
  const nul = input.indexOf('\0');
  const s = nul === -1 ? input : input.slice(0, nul);
  const slen = s.length;
  const digits: number[] = [];
  let equals = 0;
  let n = 0;
  for (let i = 0; i < slen; i++) {
    let spaces = false;
    while (i < slen && s.charCodeAt(i) === 0x20) {
      i++;
      spaces = true;
    }
    if (i === slen) break;
    const c = s.charCodeAt(i);
    if (slen - i >= 2 && c === 0x0d && s.charCodeAt(i + 1) === 0x0a) continue;
    if (c === 0x0a) continue;
    if (spaces) return '';
    if (c === 0x3d) {
      if (++equals > 2) return '';
    } else {
      if (equals !== 0) return '';
      const v = c < 256 ? (B64_VALUE[c] as number) : -1;
      if (v < 0) return '';
      digits.push(v);
    }
    n++;
  }
  if ((n - equals) % 4 === 1) return '';
  if (equals !== 0 && n % 4 !== 0) return '';
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const v of digits) {
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 0xff);
    }
  }
  return out;
}

/**
 * `base64DecodeExt`: ModSecurity's forgiving decoder: characters outside the alphabet (which also
 * accepts `-` and `_`) are skipped, `=` is skipped, and a lone trailing 6-bit group or a `=` in the
 * second position of a quantum empties the result.
 */
export function base64DecodeExt(input: string): string {
  const n = input.length;
  const src = toBytes(input);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  let ch = 0;
  for (let p = 0; p < n; p++) {
    ch = src[p] as number;
    if (ch === 0x3d) {
      if (src[p + 1] !== 0x3d && i % 4 === 1) return '';
      continue;
    }
    const v = B64_EXT_VALUE[ch] as number;
    if (v < 0) continue;
    switch (i % 4) {
      case 0:
        out[j] = (v << 2) & 0xff;
        break;
      case 1:
        out[j] = ((out[j] ?? 0) | (v >> 4)) & 0xff;
        j++;
        out[j] = ((v & 0x0f) << 4) & 0xff;
        break;
      case 2:
        out[j] = ((out[j] ?? 0) | (v >> 2)) & 0xff;
        j++;
        out[j] = ((v & 0x03) << 6) & 0xff;
        break;
      default:
        out[j] = ((out[j] ?? 0) | v) & 0xff;
        j++;
    }
    i++;
  }
  if (ch === 0x3d && i % 4 === 1) return '';
  return fromBytes(out, j);
}

const B64_EXT_VALUE = new Int16Array(256).fill(-1);
for (let k = 0; k < 64; k++) B64_EXT_VALUE[B64.charCodeAt(k)] = k;
B64_EXT_VALUE[0x2d] = 62; // '-'
B64_EXT_VALUE[0x5f] = 63; // '_'

/** `hexEncode`: each byte as two lowercase hex digits. */
export function hexEncode(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i++) out += (input.charCodeAt(i) & 0xff).toString(16).padStart(2, '0');
  return out;
}

/** `hexDecode`: consecutive pairs through `x2c` (no validation, a trailing odd digit is dropped). */
export function hexDecode(input: string): string {
  let out = '';
  for (let i = 0; i + 2 <= input.length; i += 2) {
    out += String.fromCharCode(x2c(input.charCodeAt(i), input.charCodeAt(i + 1)));
  }
  return out;
}

/** `sha1`: the raw 20-byte digest. */
export function sha1(input: string): string {
  return createHash('sha1').update(Buffer.from(input, 'latin1')).digest().toString('latin1');
}

/** `md5`: the raw 16-byte digest. */
export function md5(input: string): string {
  return createHash('md5').update(Buffer.from(input, 'latin1')).digest().toString('latin1');
}

/** `length`: the byte length in decimal. */
export function length(input: string): string {
  return String(input.length);
}

/** `none`: identity (in a rule it also clears the inherited transformations; the engine handles that). */
export function none(input: string): string {
  return input;
}

/** `trimLeft`: removes leading C-locale whitespace. */
export function trimLeft(input: string): string {
  return input.replace(/^[\t\n\v\f\r ]+/, '');
}

/** `trimRight`: removes trailing C-locale whitespace. */
export function trimRight(input: string): string {
  return input.replace(/[\t\n\v\f\r ]+$/, '');
}

/** `trim`: both ends. */
export function trim(input: string): string {
  return trimRight(trimLeft(input));
}

/** `urlEncode`: space → `+`; `*`, digits and ASCII letters kept; everything else `%xx` (lowercase). */
export function urlEncode(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i) & 0xff;
    if (c === 0x20) out += '+';
    else if (c === 0x2a || isAlnum(c)) out += input[i];
    else out += `%${c.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/**
 * Per transformation: a pattern that every input the transformation would change contains. An input without it is
 * returned as it is (the same string), without the per-character rebuild; `FAST_PATHS` below wraps the registry
 * entries with this check. `transform/index.test.ts` checks each wrapper against the full function.
 */
export const UNCHANGED_UNLESS: Readonly<Record<string, RegExp>> = Object.freeze({
  urlDecodeUni: /[%+]/,
  urlDecode: /[%+]/,
  lowercase: /[A-Z]/,
  htmlEntityDecode: /&/,
  jsDecode: /\\/,
  cssDecode: /\\/,
  escapeSeqDecode: /\\/,
  // NUL and every byte of a multi-byte sequence (or an invalid one) are rewritten; plain ASCII is copied.
  utf8toUnicode: /[^\x01-\x7f]/,
  removeNulls: /\0/,
  replaceNulls: /\0/,
  removeWhitespace: /[\t\n\v\f\r \xa0]/,
  compressWhitespace: /[\t\n\v\f\r]| {2}/,
  replaceComments: /\/\*/,
  removeCommentsChar: /\/\*|\*\/|--|#/,
  // These three work on a byte array (toBytes keeps the low byte): a character above 0xFF is rewritten too.
  removeComments: /\/\*|<!--|--|#|[^\x00-\xff]/,
  cmdLine: /[A-Z"'\\^,;\t\r\n]| {2}| [/(]/,
  // Without a separator only a value ending in `.` can change (`.`, `..`).
  normalizePath: /\/|\.$|[^\x00-\xff]/,
  normalizePathWin: /[/\\]|\.$|[^\x00-\xff]/,
});

/**
 * Characters of which every text an {@link UNCHANGED_UNLESS} pattern matches holds at least one (`hi`: or any
 * character beyond ASCII): an input holding none of them is returned unchanged. A caller that already knows which
 * characters a value holds (the engine's literal scan) can skip the call and the pattern test altogether.
 */
export interface ChangeTriggers {
  /** ASCII characters (exact, not case-folded). */
  readonly chars: string;
  /** Any character at or above U+0080 may change the input too. */
  readonly hi: boolean;
}

/** {@link ChangeTriggers} per name of {@link UNCHANGED_UNLESS}, read off its pattern (index.test.ts checks them). */
export const CHANGE_TRIGGERS: Readonly<Record<string, ChangeTriggers>> = Object.freeze({
  urlDecodeUni: { chars: '%+', hi: false },
  urlDecode: { chars: '%+', hi: false },
  lowercase: { chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', hi: false },
  htmlEntityDecode: { chars: '&', hi: false },
  jsDecode: { chars: '\\', hi: false },
  cssDecode: { chars: '\\', hi: false },
  escapeSeqDecode: { chars: '\\', hi: false },
  utf8toUnicode: { chars: '\0', hi: true },
  removeNulls: { chars: '\0', hi: false },
  replaceNulls: { chars: '\0', hi: false },
  removeWhitespace: { chars: '\t\n\v\f\r ', hi: true },
  compressWhitespace: { chars: '\t\n\v\f\r ', hi: false },
  // `/*` always holds a `*`; so do `*/`, and `--` a `-`.
  replaceComments: { chars: '*', hi: false },
  removeCommentsChar: { chars: '*-#', hi: false },
  removeComments: { chars: '*-#', hi: true },
  cmdLine: { chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ"\'\\^,;\t\r\n ', hi: false },
  normalizePath: { chars: '/.', hi: true },
  normalizePathWin: { chars: '/\\.', hi: true },
});

/** The registry entries that have {@link ChangeTriggers}, with them. */
const TRIGGERS = new WeakMap<Transform, ChangeTriggers>();

/**
 * The {@link ChangeTriggers} of a transformation function, when it is a {@link TRANSFORMS} entry with a shortcut
 * (undefined for any other function, which must then always be called).
 * @example changeTriggers(TRANSFORMS.lowercase) // { chars: 'AB…Z', hi: false }
 */
export function changeTriggers(fn: Transform): ChangeTriggers | undefined {
  return TRIGGERS.get(fn);
}

/**
 * True for this module's `lowercase` (the function or its registry entry): it maps A–Z to a–z and changes nothing
 * else, so a case-insensitive literal scan of its output equals that of its input.
 * @example isAsciiLowercase(TRANSFORMS.lowercase) // true
 */
export function isAsciiLowercase(fn: Transform): boolean {
  return fn === lowercase || fn === TRANSFORMS.lowercase;
}

/** Wraps `fn` so that an input without `changes` is returned at once. */
function unchangedUnless(fn: Transform, changes: RegExp): Transform {
  return (input: string): string => (changes.test(input) ? fn(input) : input);
}

/** The transformations with an {@link UNCHANGED_UNLESS} shortcut, by SecLang name. */
function fast(name: string, fn: Transform): Transform {
  const re = UNCHANGED_UNLESS[name];
  if (re === undefined) return fn;
  const wrapped = unchangedUnless(fn, re);
  const t = CHANGE_TRIGGERS[name];
  if (t !== undefined) TRIGGERS.set(wrapped, t);
  return wrapped;
}

/** All transformations by SecLang name (both `normalizePath` and `normalisePath` spellings). */
export const TRANSFORMS: Record<string, Transform> = Object.freeze({
  urlDecodeUni: fast('urlDecodeUni', urlDecodeUni),
  urlDecode: fast('urlDecode', urlDecode),
  lowercase: fast('lowercase', lowercase),
  htmlEntityDecode: fast('htmlEntityDecode', htmlEntityDecode),
  jsDecode: fast('jsDecode', jsDecode),
  cssDecode: fast('cssDecode', cssDecode),
  utf8toUnicode: fast('utf8toUnicode', utf8toUnicode),
  removeNulls: fast('removeNulls', removeNulls),
  removeWhitespace: fast('removeWhitespace', removeWhitespace),
  compressWhitespace: fast('compressWhitespace', compressWhitespace),
  replaceComments: fast('replaceComments', replaceComments),
  removeCommentsChar: fast('removeCommentsChar', removeCommentsChar),
  removeComments: fast('removeComments', removeComments),
  cmdLine: fast('cmdLine', cmdLine),
  normalizePath: fast('normalizePath', normalizePath),
  normalisePath: fast('normalizePath', normalizePath),
  normalizePathWin: fast('normalizePathWin', normalizePathWin),
  normalisePathWin: fast('normalizePathWin', normalizePathWin),
  escapeSeqDecode: fast('escapeSeqDecode', escapeSeqDecode),
  base64Decode,
  base64DecodeExt,
  hexEncode,
  hexDecode,
  sha1,
  md5,
  length,
  none,
  trim,
  trimLeft,
  trimRight,
  replaceNulls: fast('replaceNulls', replaceNulls),
  urlEncode,
});
