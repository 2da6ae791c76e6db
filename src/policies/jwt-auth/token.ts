/**
 * Strict parsing of a compact JWS before any key is looked at, and the claim checks that do not
 * need the signature. Everything here is synchronous and bounded by the token size limit.
 */

/** Failure reasons of `jwt-auth` (also the `event.reason` of security events). */
export type JwtFailureReason =
  | 'missing'
  | 'malformed'
  | 'too_large'
  | 'alg_not_allowed'
  | 'unknown_issuer'
  | 'unknown_kid'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'bad_audience'
  | 'bad_typ'
  | 'bad_crit'
  | 'too_old'
  | 'lifetime_too_long'
  | 'missing_claim'
  | 'jwks_unavailable';

/** A compact JWS split and decoded, not yet verified. */
export interface ParsedJws {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
  /** The encoded signature segment (may be empty: a stripped signature). */
  readonly signature: string;
}

const SEGMENT = /^[A-Za-z0-9_-]*$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeJsonObject(segment: string): Record<string, unknown> | undefined {
  if (segment.length === 0 || segment.length % 4 === 1 || !SEGMENT.test(segment)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(Buffer.from(segment, 'base64url')));
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

/**
 * Splits a compact JWS into exactly three base64url segments and decodes header and payload as JSON
 * objects (strict UTF-8). Returns undefined for anything else: 2 or 4 segments, characters outside
 * base64url, impossible lengths, invalid UTF-8, JSON that is not an object.
 *
 * @example
 * parseCompactJws('eyJhbGciOiJSUzI1NiJ9.e30.c2ln')?.header.alg; // 'RS256'
 */
export function parseCompactJws(token: string): ParsedJws | undefined {
  const a = token.indexOf('.');
  if (a <= 0) return undefined;
  const b = token.indexOf('.', a + 1);
  if (b < 0 || token.indexOf('.', b + 1) !== -1) return undefined;
  const header = decodeJsonObject(token.slice(0, a));
  if (!header) return undefined;
  const payload = decodeJsonObject(token.slice(a + 1, b));
  if (!payload) return undefined;
  const signature = token.slice(b + 1);
  if (signature.length % 4 === 1 || !SEGMENT.test(signature)) return undefined;
  return { header, payload, signature };
}

/** Normalises a `typ` value for comparison (RFC 7515 §4.1.9: case-insensitive, `application/` optional). */
export function normaliseTyp(typ: string): string {
  const t = typ.toLowerCase();
  return t.startsWith('application/') ? t.slice(12) : t;
}

/**
 * Checks the `crit` header: absent, or a non-empty array of distinct names that are all `accepted`
 * and present in the header. Returns false when the token must be refused.
 */
export function critAcceptable(
  header: Readonly<Record<string, unknown>>,
  accepted: ReadonlySet<string>,
): boolean {
  const crit = header.crit;
  if (crit === undefined) return true;
  if (!Array.isArray(crit) || crit.length === 0 || crit.length > 16) return false;
  const seen = new Set<string>();
  for (const name of crit) {
    if (typeof name !== 'string' || !accepted.has(name) || seen.has(name) || !Object.hasOwn(header, name))
      return false;
    seen.add(name);
  }
  return true;
}

/** The numeric date claims of a payload, validated (finite numbers) or a failure. */
export interface TimeClaims {
  exp: number | undefined;
  nbf: number | undefined;
  iat: number | undefined;
}

/** Reads `exp`/`nbf`/`iat`; returns undefined when one is present but not a finite number. */
export function timeClaims(payload: Readonly<Record<string, unknown>>): TimeClaims | undefined {
  const out: TimeClaims = { exp: undefined, nbf: undefined, iat: undefined };
  for (const k of ['exp', 'nbf', 'iat'] as const) {
    const v = payload[k];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
    out[k] = v;
  }
  return out;
}

/** Whether `aud` (a string or an array of strings) names one of `accepted`. */
export function audienceMatches(aud: unknown, accepted: ReadonlySet<string>): boolean {
  if (typeof aud === 'string') return accepted.has(aud);
  if (!Array.isArray(aud) || aud.length > 256) return false;
  for (const a of aud) if (typeof a === 'string' && accepted.has(a)) return true;
  return false;
}

const PRINTABLE = /^[\x20-\x7e]*$/;

/**
 * A claim value as a header value: strings, numbers and booleans as text, arrays of those joined by
 * `,`. Undefined (not forwarded) for objects, non-printable or non-ASCII characters (CR/LF/NUL can
 * never reach a header) and values longer than `maxLength`.
 */
export function claimHeaderValue(value: unknown, maxLength: number): string | undefined {
  let s: string;
  if (typeof value === 'string') s = value;
  else if (typeof value === 'number' || typeof value === 'boolean') s = String(value);
  else if (Array.isArray(value) && value.length <= 256) {
    const parts: string[] = [];
    for (const v of value) {
      if (typeof v === 'string') parts.push(v);
      else if (typeof v === 'number' || typeof v === 'boolean') parts.push(String(v));
      else return undefined;
    }
    s = parts.join(',');
  } else return undefined;
  if (s.length > maxLength || !PRINTABLE.test(s)) return undefined;
  return s;
}

/** Space-separated `scope` (RFC 8693/9068) or `scp` (array or string) as a list. */
export function scopesOf(payload: Readonly<Record<string, unknown>>): string[] {
  const scope = payload.scope;
  if (typeof scope === 'string') return scope.split(' ').filter((s) => s.length > 0);
  const scp = payload.scp;
  if (typeof scp === 'string') return scp.split(' ').filter((s) => s.length > 0);
  if (Array.isArray(scp)) return scp.filter((s): s is string => typeof s === 'string' && s.length > 0);
  return [];
}

/** Deep-freezes a decoded (JSON) value. */
export function freezeJson<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeJson(v);
  }
  return value;
}
