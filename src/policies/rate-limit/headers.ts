/**
 * The IETF RateLimit header fields, as defined by draft-ietf-httpapi-ratelimit-headers-11
 * (May 2026, the current draft; its field syntax is unchanged since -09):
 *
 * - `RateLimit-Policy`: a Structured Fields List of quota policies, each item a String (the policy
 *   name) with `q` (quota, Integer), `w` (window in seconds, Integer > 0) and optional parameters;
 *   implementation parameters carry a vendor prefix (`gatehouse-burst`).
 *   `RateLimit-Policy: "default";q=100;w=60`
 * - `RateLimit`: a List of service limits, each item the policy name with `r` (available quota,
 *   Integer >= 0) and `t` (effective window, seconds, Integer >= 0).
 *   `RateLimit: "default";r=42;t=10`
 *
 * Partition keys (`pk`) are not sent: the key is hashed precisely so that it is not disclosed.
 */

/** What a limit advertises in `RateLimit-Policy`. */
export interface PolicyItem {
  readonly name: string;
  readonly quota: number;
  readonly windowMs: number;
  readonly burst: number;
}

/** The current state of one limit for `RateLimit`. */
export interface ServiceLimitItem {
  /** The policy name as a Structured Field String (see {@link sfString}), quoted once at config load. */
  readonly label: string;
  readonly remaining: number;
  /** Seconds (rounded up from ms) of the effective window. */
  readonly resetMs: number;
}

/** Largest Integer a Structured Field can carry (15 digits). */
const SF_MAX_INTEGER = 999_999_999_999_999;

/**
 * A Structured Field String (printable ASCII; `"` and `\\` escaped). Throws a TypeError otherwise.
 *
 * @example
 * sfString('default'); // '"default"'
 */
export function sfString(s: string): string {
  if (!/^[\x20-\x7e]*$/.test(s)) throw new TypeError(`not a Structured Field string: ${JSON.stringify(s)}`);
  return `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function sfInteger(n: number): number {
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.min(Math.floor(n), SF_MAX_INTEGER);
}

/** Seconds, rounded up, for ms durations (`w`, `t`, `Retry-After`). */
export function ceilSeconds(ms: number): number {
  if (!Number.isFinite(ms)) return SF_MAX_INTEGER;
  return sfInteger(Math.ceil(ms / 1000 - 1e-9));
}

/**
 * The `RateLimit-Policy` value of a set of limits (computed once per config load).
 *
 * @example
 * policyHeader([{ name: 'default', quota: 100, windowMs: 60_000, burst: 0 }]); // '"default";q=100;w=60'
 */
export function policyHeader(items: readonly PolicyItem[]): string {
  return items
    .map((i) => {
      let s = `${sfString(i.name)};q=${sfInteger(i.quota)};w=${Math.max(1, ceilSeconds(i.windowMs))}`;
      if (i.burst > 0) s += `;gatehouse-burst=${sfInteger(i.burst)}`;
      return s;
    })
    .join(', ');
}

/**
 * The `RateLimit` value of the limits' current state.
 *
 * @example
 * rateLimitHeader([{ label: '"default"', remaining: 42, resetMs: 9_500 }]); // '"default";r=42;t=10'
 */
export function rateLimitHeader(items: readonly ServiceLimitItem[]): string {
  let out = '';
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (i > 0) out += ', ';
    out += `${it.label};r=${sfInteger(it.remaining)};t=${ceilSeconds(it.resetMs)}`;
  }
  return out;
}
