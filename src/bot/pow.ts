import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * Stateless proof-of-work challenges (hashcash style) and the short-lived pass a solved challenge
 * earns.
 *
 * A challenge is `v1.<expiry unix s>.<difficulty>.<nonce>.<mac>`; `mac` is
 * HMAC-SHA256(secret, `pow|v1|<client ip>|<expiry>|<difficulty>|<nonce>`) in base64url, so the
 * client address is bound without being shown. A solution is a decimal `counter` such that
 * sha256(challenge + counter) starts with `difficulty` zero bits. A pass is
 * `p1.<expiry>.<mac>` with HMAC over `pass|p1|<client ip>|<expiry>`.
 */

/** Why a presented solution or pass was refused. */
export type PowRefusal =
  | 'malformed'
  | 'bad_mac'
  | 'expired'
  | 'too_easy'
  | 'not_solved'
  | 'replayed'
  | 'replay_store_full'
  | 'replay_store_unavailable';

/** Options of {@link createPow}. */
export interface PowOptions {
  /** HMAC key, at least 32 bytes. */
  secret: string;
  /** Leading zero bits a solution needs (1–32). */
  difficulty: number;
  /** Lifetime of a challenge, seconds. */
  challengeTtlS: number;
  /** Lifetime of the pass a solution earns, seconds (0: single-use solutions, no pass). */
  passTtlS: number;
  /** Most solved challenges remembered (replay protection) at once. */
  maxRemembered: number;
  /** Clock (ms), for tests. */
  now?: () => number;
}

/** A compiled proof-of-work issuer and verifier. */
export interface Pow {
  readonly difficulty: number;
  /** A fresh challenge bound to `ip`. */
  issue(ip: string): { challenge: string; expiresAt: number };
  /** Verifies `<challenge>:<counter>` for `ip`; a success is remembered and never accepted again. */
  verify(header: string, ip: string): { ok: true } | { ok: false; reason: PowRefusal };
  /**
   * Everything {@link Pow.verify} checks but replay: on success, the challenge's nonce and how long it stays
   * valid, for a replay check in a shared store (`markIfAbsent`), so a solution cannot be spent once per
   * worker thread or node.
   */
  check(
    header: string,
    ip: string,
  ): { ok: true; nonce: string; ttlMs: number } | { ok: false; reason: PowRefusal };
  /** A pass for `ip` (empty string when passes are off). */
  pass(ip: string): string;
  /** True when `token` is an unexpired pass issued to `ip`. */
  checkPass(token: string, ip: string): boolean;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Number of leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let n = 0;
  for (const byte of digest) {
    if (byte === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(byte) - 24;
  }
  return n;
}

/**
 * Brute-forces a counter for a challenge (what a client does; used by tests and tools).
 *
 * @example
 * const counter = solvePow(challenge, 16); // send `X-Gatehouse-PoW: ${challenge}:${counter}`
 */
export function solvePow(challenge: string, difficulty: number, maxTries = 2 ** 32): number {
  for (let c = 0; c < maxTries; c++) {
    if (
      leadingZeroBits(
        createHash('sha256')
          .update(challenge + c)
          .digest(),
      ) >= difficulty
    )
      return c;
  }
  throw new RangeError('no solution found');
}

/**
 * Builds the issuer/verifier. Throws TypeError for a short secret or an impossible difficulty.
 *
 * @example
 * const pow = createPow({ secret, difficulty: 18, challengeTtlS: 120, passTtlS: 300, maxRemembered: 100_000 });
 * const { challenge } = pow.issue('203.0.113.7');
 */
export function createPow(opts: PowOptions): Pow {
  if (Buffer.byteLength(opts.secret) < 32)
    throw new TypeError('proof-of-work secret must be at least 32 bytes');
  if (!Number.isInteger(opts.difficulty) || opts.difficulty < 1 || opts.difficulty > 32) {
    throw new TypeError('proof-of-work difficulty must be an integer from 1 to 32');
  }
  const secret = Buffer.from(opts.secret);
  const now = opts.now ?? Date.now;
  const used = new LRUCache<string, true>({ max: opts.maxRemembered, ttl: 1000, ttlAutopurge: false });
  const mac = (s: string): string => createHmac('sha256', secret).update(s).digest('base64url');
  const macEqual = (a: string, b: string): boolean => {
    const x = Buffer.from(a);
    const y = Buffer.from(b);
    return x.length === y.length && timingSafeEqual(x, y);
  };

  const check = (header: string, ip: string) => {
    if (header.length > 256) return { ok: false, reason: 'malformed' } as const;
    const colon = header.lastIndexOf(':');
    const challenge = header.slice(0, colon);
    const counter = header.slice(colon + 1);
    if (colon < 0 || !/^[0-9]{1,16}$/.test(counter)) return { ok: false, reason: 'malformed' } as const;
    const parts = challenge.split('.');
    if (parts.length !== 5 || parts[0] !== 'v1') return { ok: false, reason: 'malformed' } as const;
    const [, exp, diff, nonce, tag] = parts as [string, string, string, string, string];
    if (
      !/^[0-9]{1,12}$/.test(exp) ||
      !/^[0-9]{1,2}$/.test(diff) ||
      !B64URL.test(nonce) ||
      !B64URL.test(tag)
    ) {
      return { ok: false, reason: 'malformed' } as const;
    }
    const body = `v1.${exp}.${diff}.${nonce}`;
    if (!macEqual(tag, mac(`pow|${body}|${ip}`))) return { ok: false, reason: 'bad_mac' } as const;
    const expiresAt = Number(exp);
    const left = expiresAt * 1000 - now();
    if (left <= 0) return { ok: false, reason: 'expired' } as const;
    const difficulty = Number(diff);
    if (difficulty < opts.difficulty) return { ok: false, reason: 'too_easy' } as const;
    if (
      leadingZeroBits(
        createHash('sha256')
          .update(challenge + counter)
          .digest(),
      ) < difficulty
    ) {
      return { ok: false, reason: 'not_solved' } as const;
    }
    return { ok: true, nonce, ttlMs: left + 1000 } as const;
  };

  return Object.freeze({
    difficulty: opts.difficulty,
    issue(ip: string) {
      const expiresAt = Math.floor(now() / 1000) + opts.challengeTtlS;
      const nonce = randomBytes(12).toString('base64url');
      const body = `v1.${expiresAt}.${opts.difficulty}.${nonce}`;
      return { challenge: `${body}.${mac(`pow|${body}|${ip}`)}`, expiresAt };
    },
    check,
    verify(header: string, ip: string) {
      const v = check(header, ip);
      if (!v.ok) return v;
      const nonce = v.nonce;
      if (used.has(nonce)) return { ok: false, reason: 'replayed' } as const;
      if (used.size >= opts.maxRemembered) {
        used.purgeStale();
        // Forgetting an unexpired challenge would allow its replay: refuse instead (fail closed).
        if (used.size >= opts.maxRemembered) return { ok: false, reason: 'replay_store_full' } as const;
      }
      used.set(nonce, true, { ttl: v.ttlMs });
      return { ok: true } as const;
    },
    pass(ip: string): string {
      if (opts.passTtlS <= 0) return '';
      const exp = Math.floor(now() / 1000) + opts.passTtlS;
      return `p1.${exp}.${mac(`pass|p1|${ip}|${exp}`)}`;
    },
    checkPass(token: string, ip: string): boolean {
      if (opts.passTtlS <= 0 || token.length > 128) return false;
      const parts = token.split('.');
      if (parts.length !== 3 || parts[0] !== 'p1' || !/^[0-9]{1,12}$/.test(parts[1]!)) return false;
      if (!macEqual(parts[2]!, mac(`pass|p1|${ip}|${parts[1]}`))) return false;
      return Number(parts[1]) * 1000 > now();
    },
  });
}
