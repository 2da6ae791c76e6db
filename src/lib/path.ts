/**
 * Request-target normalization: the one place that turns a raw origin-form request-target into the
 * canonical path the router matches and the upstream receives.
 *
 * Canonical form (what {@link normalizeTarget} returns):
 * - starts with `/`; only RFC 3986 pchars, `/` and `%XX` escapes;
 * - escapes of unreserved characters (`A-Z a-z 0-9 - . _ ~`) are decoded, every other escape is kept with
 *   upper-case hex (`%2a` → `%2A`, `%c3%a9` → `%C3%A9`);
 * - no `.`/`..` segments (RFC 3986 §5.2.4, applied after decoding `%2E`), no empty segments when
 *   `mergeSlashes` is on; a trailing slash is preserved.
 *
 * Escapes are decoded exactly once: `%252e` stays `%252e` (the upstream sees `%2e`, a literal three-character
 * segment, never `.`). The function is idempotent: feeding its path back returns the same path.
 *
 * Note on reserved characters: `%40` and `@` (likewise every sub-delim and `:`) stay distinct here, as
 * RFC 3986 says they are not equivalent. Upstreams that decode before routing would treat them alike, so
 * the router registers both spellings of such characters in route patterns (see src/router/pattern.ts).
 */

/** Options for {@link normalizeTarget}. Every option defaults to the strict choice. */
export interface PathOptions {
  /**
   * Accept `%2F` (kept encoded). Off by default: an upstream that decodes it would see a different
   * segment structure than the router did.
   */
  allowEncodedSlash?: boolean;
  /**
   * Accept `%5C` (kept encoded). Off by default: some upstreams treat `\` as `/`. A raw `\` is never
   * accepted, since it is not a URI character.
   */
  allowBackslash?: boolean;
  /**
   * Accept `;` and `%3B` in the path (`%3B` stays encoded). Off by default: servlet containers strip
   * `;params` from segments, so `/admin;x` would reach them as `/admin`.
   */
  allowSemicolon?: boolean;
  /** Collapse runs of `/` into one (default true). */
  mergeSlashes?: boolean;
}

/** A normalized request-target. */
export interface NormalizedTarget {
  /** Canonical path, always starting with `/`. */
  readonly path: string;
  /** Raw query without the leading `?` (`''` when absent). */
  readonly query: string;
}

/** Machine-readable reasons a request-target is rejected. */
export type PathErrorReason =
  | 'not_origin_form'
  | 'fragment'
  | 'bad_char'
  | 'bad_percent'
  | 'encoded_nul'
  | 'encoded_slash'
  | 'encoded_backslash'
  | 'semicolon'
  | 'bad_utf8'
  | 'bad_query';

/** Why a request-target was rejected. `detail` is safe to show to clients (it never echoes the input). */
export interface PathError {
  readonly error: PathErrorReason;
  readonly detail: string;
}

// Character classes of the path part.
const C_BAD = 0;
const C_OK = 1;
const C_SLASH = 2;
const C_PCT = 3;
const C_DOT = 4;
const C_SEMI = 5;
const C_QMARK = 6;
const C_HASH = 7;

const PATH_CLASS = new Uint8Array(128);
/** 1 for unreserved ASCII bytes (decoded when percent-encoded). */
const UNRESERVED = new Uint8Array(128);
/** Hex digit value, -1 otherwise. */
const HEX_VALUE = new Int8Array(128).fill(-1);
/** `%XX` with upper-case hex for every byte. */
const ESCAPE: string[] = [];

for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9\-_~]/.test(ch)) {
    PATH_CLASS[c] = C_OK;
    UNRESERVED[c] = 1;
  } else if ("!$&'()*+,=:@".includes(ch)) {
    PATH_CLASS[c] = C_OK;
  }
  if (/[0-9]/.test(ch)) HEX_VALUE[c] = c - 48;
  else if (/[A-F]/.test(ch)) HEX_VALUE[c] = c - 55;
  else if (/[a-f]/.test(ch)) HEX_VALUE[c] = c - 87;
}
UNRESERVED[0x2e] = 1;
PATH_CLASS[0x2e] = C_DOT;
PATH_CLASS[0x2f] = C_SLASH;
PATH_CLASS[0x25] = C_PCT;
PATH_CLASS[0x3b] = C_SEMI;
PATH_CLASS[0x3f] = C_QMARK;
PATH_CLASS[0x23] = C_HASH;
for (let b = 0; b < 256; b++) ESCAPE.push('%' + b.toString(16).toUpperCase().padStart(2, '0'));

const DETAIL: Record<PathErrorReason, string> = {
  not_origin_form: 'The request-target must be an absolute path starting with "/".',
  fragment: 'The request-target must not contain "#".',
  bad_char: 'The path contains a character that is not allowed in a URI path.',
  bad_percent: 'The path contains a malformed percent-escape.',
  encoded_nul: 'The path contains an encoded NUL byte (%00).',
  encoded_slash: 'The path contains an encoded slash (%2F).',
  encoded_backslash: 'The path contains an encoded backslash (%5C).',
  semicolon: 'The path contains ";" or "%3B", which is not allowed.',
  bad_utf8: 'The percent-decoded path is not valid UTF-8.',
  bad_query: 'The query contains a control character, space or non-ASCII byte.',
};

const ERRORS = Object.fromEntries(
  (Object.keys(DETAIL) as PathErrorReason[]).map((k) => [k, Object.freeze({ error: k, detail: DETAIL[k] })]),
) as Record<PathErrorReason, PathError>;

/** Set by decodeEscapes when it decoded a %2E (synchronous, so a module variable is safe). */
let decodedDot = false;

/** True when `result` is a {@link PathError}. */
export function isPathError(result: NormalizedTarget | PathError): result is PathError {
  return (result as PathError).error !== undefined;
}

/**
 * Validates and normalizes an origin-form request-target (`/path?query`).
 *
 * A single `charCodeAt` scan validates every character. When the path has no `%`, no dot segment and no
 * `//` (most requests), it is returned as it came, without decoding or rebuilding; a path whose escapes
 * are already canonical (`%C3%A9`) is not copied either. Errors are shared frozen objects, so rejecting
 * allocates nothing.
 *
 * @example
 * normalizeTarget('/a/%7euser/../b%2a?x=1'); // { path: '/a/b%2A', query: 'x=1' }
 * normalizeTarget('/admin%2F..');            // { error: 'encoded_slash', detail: '…' }
 */
export function normalizeTarget(target: string, opts?: PathOptions): NormalizedTarget | PathError {
  const len = target.length;
  if (len === 0 || target.charCodeAt(0) !== 0x2f) return ERRORS.not_origin_form;
  const merge = opts?.mergeSlashes !== false;
  const allowSemicolon = opts?.allowSemicolon === true;

  let dirty = false;
  let hasPercent = false;
  let segStart = 1;
  let pathEnd = len;
  let i = 1;
  scan: while (i < len) {
    let c = target.charCodeAt(i);
    // Tight inner loop over ordinary pchars, the bulk of any path.
    while (c < 128 && PATH_CLASS[c] === C_OK) {
      if (++i === len) break scan;
      c = target.charCodeAt(i);
    }
    const t = c < 128 ? PATH_CLASS[c] : C_BAD;
    if (t === C_SLASH) {
      if (i === segStart ? merge : isDotSegment(target, segStart, i)) dirty = true;
      segStart = i + 1;
    } else if (t === C_PCT) {
      hasPercent = true;
    } else if (t === C_QMARK) {
      pathEnd = i;
      break;
    } else if (t === C_SEMI) {
      if (!allowSemicolon) return ERRORS.semicolon;
    } else if (t === C_HASH) {
      return ERRORS.fragment;
    } else if (t !== C_DOT) {
      return ERRORS.bad_char;
    }
    i++;
  }
  if (isDotSegment(target, segStart, pathEnd)) dirty = true;

  let query = '';
  if (pathEnd < len) {
    for (let j = pathEnd + 1; j < len; j++) {
      const c = target.charCodeAt(j);
      if (c <= 0x20 || c >= 0x7f) return ERRORS.bad_query;
      if (c === 0x23) return ERRORS.fragment;
    }
    query = target.slice(pathEnd + 1);
  }

  let path = pathEnd === len ? target : target.slice(0, pathEnd);
  if (!dirty && !hasPercent) return { path, query };

  if (hasPercent) {
    decodedDot = false;
    const decoded = decodeEscapes(path, opts);
    if (typeof decoded !== 'string') return decoded;
    path = decoded;
    // Decoding adds a dot segment only by turning %2E into '.'.
    if (!dirty && !decodedDot) return { path, query };
  }
  return { path: removeDotSegments(path, merge), query };
}

/** True when `s[start, end)` is `.` or `..`. */
function isDotSegment(s: string, start: number, end: number): boolean {
  const n = end - start;
  if (n === 1) return s.charCodeAt(start) === 0x2e;
  return n === 2 && s.charCodeAt(start) === 0x2e && s.charCodeAt(start + 1) === 0x2e;
}

/**
 * Decodes escapes of unreserved bytes, upper-cases the others and checks the byte sequence is UTF-8
 * (no overlongs, surrogates or code points above U+10FFFF). Raw characters are known to be ASCII pchars.
 */
function decodeEscapes(p: string, opts: PathOptions | undefined): string | PathError {
  const len = p.length;
  let out = '';
  let last = 0;
  // UTF-8 state: continuation bytes still expected and the allowed range of the next one.
  let need = 0;
  let lo = 0x80;
  let hi = 0xbf;
  for (let i = 0; i < len; i++) {
    if (p.charCodeAt(i) !== 0x25) {
      if (need !== 0) return ERRORS.bad_utf8;
      continue;
    }
    const c1 = p.charCodeAt(i + 1);
    const c2 = p.charCodeAt(i + 2);
    const h1 = c1 < 128 ? (HEX_VALUE[c1] as number) : -1;
    const h2 = c2 < 128 ? (HEX_VALUE[c2] as number) : -1;
    if (h1 < 0 || h2 < 0) return ERRORS.bad_percent; // also covers NaN past the end
    const b = h1 * 16 + h2;
    // An escape that stays as it is (upper-case hex, not unreserved) is left in the raw run, uncopied.
    const upper = c1 < 0x61 && c2 < 0x61;
    if (need !== 0) {
      if (b < lo || b > hi) return ERRORS.bad_utf8;
      need--;
      lo = 0x80;
      hi = 0xbf;
      if (!upper) {
        out += p.slice(last, i) + ESCAPE[b];
        last = i + 3;
      }
      i += 2;
      continue;
    }
    if (b < 0x80) {
      if (UNRESERVED[b] === 1) {
        if (b === 0x2e) decodedDot = true;
        out += p.slice(last, i) + String.fromCharCode(b);
        last = i + 3;
        i += 2;
        continue;
      }
      if (b === 0) return ERRORS.encoded_nul;
      if (b === 0x2f && opts?.allowEncodedSlash !== true) return ERRORS.encoded_slash;
      if (b === 0x5c && opts?.allowBackslash !== true) return ERRORS.encoded_backslash;
      if (b === 0x3b && opts?.allowSemicolon !== true) return ERRORS.semicolon;
      if (!upper) {
        out += p.slice(last, i) + ESCAPE[b];
        last = i + 3;
      }
      i += 2;
      continue;
    }
    // Lead byte (Unicode Table 3-7, well-formed UTF-8 byte sequences).
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) {
      need = 2;
      lo = 0xa0;
    } else if ((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) need = 2;
    else if (b === 0xed) {
      need = 2;
      hi = 0x9f;
    } else if (b === 0xf0) {
      need = 3;
      lo = 0x90;
    } else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else if (b === 0xf4) {
      need = 3;
      hi = 0x8f;
    } else return ERRORS.bad_utf8;
    if (!upper) {
      out += p.slice(last, i) + ESCAPE[b];
      last = i + 3;
    }
    i += 2;
  }
  if (need !== 0) return ERRORS.bad_utf8;
  return last === 0 ? p : out + p.slice(last);
}

/**
 * RFC 3986 §5.2.4 on a path that starts with `/`, segment by segment; `..` above the root is dropped.
 * With `merge`, empty segments are dropped first (so `/a//../b` is `/b`, as nginx resolves it).
 * A final `.`, `..` or empty segment leaves a trailing slash.
 */
function removeDotSegments(p: string, merge: boolean): string {
  const segs = p.split('/');
  const out: string[] = [];
  const n = segs.length;
  let trailing = false;
  for (let i = 1; i < n; i++) {
    const seg = segs[i] as string;
    const isLast = i === n - 1;
    if (seg === '.' || seg === '..') {
      if (seg === '..') out.pop();
      if (isLast) trailing = true;
    } else if (seg === '') {
      if (isLast) trailing = true;
      else if (!merge) out.push('');
    } else {
      out.push(seg);
    }
  }
  if (out.length === 0) return '/';
  const joined = '/' + out.join('/');
  return trailing ? joined + '/' : joined;
}
