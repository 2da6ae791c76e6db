/**
 * Header-name and header-value checks shared by policies that write headers from config
 * (`headers`, `mock-response`, `request-id`). All checks run at config load and throw TypeError.
 *
 * @example
 * const name = assertWritableHeaderName('X-Env', 'headers: request.set'); // 'x-env'
 * assertHeaderValue('prod', 'headers: request.set["x-env"]');
 */

/** RFC 9110 `token` (the grammar of a field name), as a JSON-Schema pattern string. */
export const TOKEN_PATTERN = "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$";

/** RFC 9110 `token`. */
export const TOKEN_RE: RegExp = new RegExp(TOKEN_PATTERN);

/** JSON-Schema pattern refusing CR, LF and NUL in a header value (the full check runs in create). */
export const SAFE_VALUE_PATTERN = '^[^\\r\\n\\u0000]*$';

/**
 * Headers that configuration may never add, set, rename or remove: hop-by-hop headers and the ones
 * that carry message framing or routing (`host`, `content-length`).
 */
export const PROTECTED_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'te',
  'upgrade',
  'proxy-connection',
  'trailer',
  'host',
  'content-length',
]);

/** Longest header name accepted from config. */
export const MAX_HEADER_NAME = 256;
/** Longest header value accepted from config. */
export const MAX_HEADER_VALUE = 8192;

/** Validates a header name (RFC 9110 token) and returns it lower-cased. */
export function assertHeaderName(name: unknown, where: string): string {
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    name.length > MAX_HEADER_NAME ||
    !TOKEN_RE.test(name)
  ) {
    throw new TypeError(`${where}: ${JSON.stringify(name)} is not a valid header name`);
  }
  return name.toLowerCase();
}

/** Validates a header name and refuses hop-by-hop, `host` and `content-length`. Returns it lower-cased. */
export function assertWritableHeaderName(name: unknown, where: string): string {
  const lower = assertHeaderName(name, where);
  if (PROTECTED_HEADERS.has(lower)) {
    throw new TypeError(
      `${where}: header ${JSON.stringify(lower)} is hop-by-hop or framing and cannot be configured`,
    );
  }
  return lower;
}

/**
 * Validates a header value: no CR, LF or NUL (header injection), no other control characters except
 * HTAB, nothing above U+00FF (Node would throw mid-request), no leading/trailing whitespace, bounded length.
 */
export function assertHeaderValue(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new TypeError(`${where}: header value must be a string`);
  if (value.length > MAX_HEADER_VALUE) {
    throw new TypeError(`${where}: header value is longer than ${MAX_HEADER_VALUE} characters`);
  }
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 13 || c === 10 || c === 0) throw new TypeError(`${where}: header value contains CR, LF or NUL`);
    if ((c < 32 && c !== 9) || c === 127 || c > 255) {
      throw new TypeError(`${where}: header value contains an invalid character at index ${i}`);
    }
  }
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first === 32 || first === 9 || last === 32 || last === 9)
    throw new TypeError(`${where}: header value has leading or trailing whitespace`);
  return value;
}
