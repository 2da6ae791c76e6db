/**
 * Admin API authentication and authorization: bearer tokens kept as SHA-256 digests and compared in
 * constant time, three roles, an optional address allowlist, and a one-time token when none is
 * configured (loopback only).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type CidrSet, compileCidrSet } from '../lib/ip.ts';

/** Roles, weakest first. */
export type AdminRole = 'viewer' | 'operator' | 'admin';

const RANK: Record<AdminRole, number> = { viewer: 0, operator: 1, admin: 2 };

/** True when `have` includes everything `need` may do. */
export function roleAllows(have: AdminRole, need: AdminRole): boolean {
  return RANK[have] >= RANK[need];
}

/** One `admin.tokens[]` entry as validated by the config schema. */
export interface AdminTokenConfig {
  readonly id: string;
  readonly role: AdminRole;
  /** `sha256:<hex>` of the token. */
  readonly hash?: string | undefined;
  /** The token itself (resolved from `file:` / `${ENV}`). */
  readonly token?: string | undefined;
}

/** The `admin` section fields authentication reads. */
export interface AdminAccessConfig {
  readonly host?: string;
  readonly tokens?: readonly AdminTokenConfig[];
  readonly allow?: readonly string[];
  /** Wrong tokens per address and minute before a lockout (default {@link LOCKOUT_FAILURES}; 0 = off). */
  readonly lockout_failures?: number;
}

/** Who made a request. */
export interface AdminPrincipal {
  readonly id: string;
  readonly role: AdminRole;
}

/** A compiled token table. */
export interface AdminAccess {
  /** The principal owning `Authorization` (`Bearer <token>`), or undefined. Constant time over all tokens. */
  authenticate(authorization: string | undefined): AdminPrincipal | undefined;
  /** True when `ip` may call the authenticated API (always true without an allowlist). */
  allowed(ip: string): boolean;
  /** Ids and roles of the tokens (no digests). */
  list(): ReadonlyArray<AdminPrincipal & { source: 'config' | 'generated' }>;
  /** Configured token count (the generated one not included). */
  readonly configured: number;
}

const HASH_RE = /^sha256:[0-9a-f]{64}$/;
const BEARER_RE = /^Bearer +([\x21-\x7e]{1,512})$/;

/** `sha256:<hex>` of a token, the form `admin.tokens[].hash` takes. */
export function hashAdminToken(token: string): string {
  return `sha256:${createHash('sha256').update(token, 'utf8').digest('hex')}`;
}

/** A fresh random admin token (256 bits, base64url, `gha_` prefix). */
export function generateAdminToken(): string {
  return `gha_${randomBytes(32).toString('base64url')}`;
}

/** True for an address only this host can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

/**
 * Problems of an `admin` section that the schema cannot express, as `admin.<path>: message` strings
 * (the form `referenceProblems` returns, so the loader can position them): a token with neither or
 * both of `hash`/`token`, duplicate ids or digests, a bad allowlist entry, and an admin listener
 * bound beyond loopback without any configured token.
 *
 * @example
 * adminConfigProblems({ host: '0.0.0.0', tokens: [] }); // ['admin.tokens: a token is required …']
 */
export function adminConfigProblems(admin: AdminAccessConfig & { enabled?: boolean }): string[] {
  const out: string[] = [];
  const tokens = admin.tokens ?? [];
  const ids = new Set<string>();
  const digests = new Set<string>();
  tokens.forEach((t, i) => {
    const where = `admin.tokens[${i}]`;
    if ((t.hash === undefined) === (t.token === undefined)) {
      out.push(`${where}: give exactly one of "hash" or "token"`);
      return;
    }
    if (ids.has(t.id)) out.push(`${where}.id: duplicate admin token id "${t.id}"`);
    ids.add(t.id);
    const d = t.hash ?? hashAdminToken(t.token!);
    if (t.hash !== undefined && !HASH_RE.test(t.hash)) out.push(`${where}.hash: must be sha256:<64 hex>`);
    if (t.token !== undefined && t.token.length < 16)
      out.push(`${where}.token: must be at least 16 characters`);
    if (digests.has(d)) out.push(`${where}: the same token is configured twice`);
    digests.add(d);
  });
  (admin.allow ?? []).forEach((c, i) => {
    try {
      compileCidrSet([c]);
    } catch (err) {
      out.push(`admin.allow[${i}]: ${(err as Error).message}`);
    }
  });
  if (admin.enabled !== false && tokens.length === 0 && !isLoopbackHost(admin.host ?? '127.0.0.1')) {
    out.push(
      `admin.tokens: a token is required when the admin listener binds "${admin.host}" (beyond loopback); add admin.tokens or bind 127.0.0.1`,
    );
  }
  return out;
}

interface Entry {
  readonly digest: Buffer;
  readonly principal: AdminPrincipal;
  readonly source: 'config' | 'generated';
}

function digestOf(hash: string): Buffer {
  return Buffer.from(hash.slice(7), 'hex');
}

/**
 * Compiles the token table. `generated` (a token made at start when none is configured) is used only
 * while `config.tokens` is empty. `revoked` token ids never authenticate. Throws a TypeError for
 * the problems {@link adminConfigProblems} lists.
 */
export function compileAdminAccess(
  config: AdminAccessConfig,
  extra: { generated?: AdminPrincipal & { hash: string }; revoked?: ReadonlySet<string> } = {},
): AdminAccess {
  const problems = adminConfigProblems(config);
  if (problems.length > 0) throw new TypeError(problems[0]);
  const revoked = extra.revoked ?? new Set<string>();
  const entries: Entry[] = [];
  for (const t of config.tokens ?? []) {
    if (revoked.has(t.id)) continue;
    entries.push({
      digest: digestOf(t.hash ?? hashAdminToken(t.token!)),
      principal: Object.freeze({ id: t.id, role: t.role }),
      source: 'config',
    });
  }
  const configured = (config.tokens ?? []).length;
  if (configured === 0 && extra.generated !== undefined && !revoked.has(extra.generated.id)) {
    const g = extra.generated;
    entries.push({
      digest: digestOf(g.hash),
      principal: Object.freeze({ id: g.id, role: g.role }),
      source: 'generated',
    });
  }
  const allow: CidrSet | undefined =
    config.allow && config.allow.length > 0 ? compileCidrSet(config.allow) : undefined;
  return {
    configured,
    authenticate(authorization) {
      if (typeof authorization !== 'string') return undefined;
      const m = BEARER_RE.exec(authorization);
      if (!m) return undefined;
      const presented = createHash('sha256').update(m[1]!, 'utf8').digest();
      let found: AdminPrincipal | undefined;
      // Every entry is compared, whatever matched: the time taken does not depend on which one did.
      for (const e of entries) {
        if (timingSafeEqual(presented, e.digest) && found === undefined) found = e.principal;
      }
      return found;
    },
    allowed: (ip) => allow === undefined || allow.contains(ip),
    list: () => entries.map((e) => ({ ...e.principal, source: e.source })),
  };
}

/** Default of `admin.lockout_failures`: wrong tokens from one address within {@link LOCKOUT_WINDOW_MS} that lock it out. */
export const LOCKOUT_FAILURES = 10;
/** Window in which failures are counted. */
export const LOCKOUT_WINDOW_MS = 60_000;
/** First lockout; each further one from the same address doubles, up to {@link LOCKOUT_MAX_MS}. */
export const LOCKOUT_BASE_MS = 60_000;
/** Longest lockout. */
export const LOCKOUT_MAX_MS = 3_600_000;
/** Addresses tracked at most (oldest forgotten first), so a spray from many addresses cannot exhaust memory. */
const LOCKOUT_TRACKED = 10_000;

interface LockoutEntry {
  failures: number;
  windowStart: number;
  lockedUntil: number;
  /** Lockouts so far (the backoff exponent); forgotten after a quiet period of LOCKOUT_MAX_MS. */
  strikes: number;
  lastFailure: number;
}

/**
 * Brute-force protection of the admin API: an address that presents {@link LOCKOUT_FAILURES} wrong tokens
 * within {@link LOCKOUT_WINDOW_MS} is locked out (every authenticated request answered 429 with
 * `Retry-After`, even with a valid token, so a guess cannot be confirmed during the lockout) for
 * {@link LOCKOUT_BASE_MS}, doubling per repeat up to {@link LOCKOUT_MAX_MS}. A success clears the failure
 * count but not a running lockout. Requests without any token are not failures (probes, the dashboard's
 * first load).
 *
 * @example
 * const lock = new AdminLockout();
 * if (lock.retryAfterS(ip) > 0) return tooMany();
 * const p = access.authenticate(auth);
 * if (!p) lock.fail(ip); else lock.succeed(ip);
 */
export class AdminLockout {
  readonly #entries = new Map<string, LockoutEntry>();
  readonly #now: () => number;
  readonly #limit: () => number;

  /** `limit`: failures that start a lockout (read on each failure, so a reload applies; 0 disables). */
  constructor(limit: () => number = () => LOCKOUT_FAILURES, now: () => number = Date.now) {
    this.#limit = limit;
    this.#now = now;
  }

  /** Seconds until `ip` may try again (0 when it is not locked out). */
  retryAfterS(ip: string): number {
    const e = this.#entries.get(ip);
    if (e === undefined) return 0;
    const left = e.lockedUntil - this.#now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** Records a wrong token; returns the lockout in seconds it started (0 when none started). */
  fail(ip: string): number {
    const now = this.#now();
    let e = this.#entries.get(ip);
    if (e !== undefined && now - e.lastFailure > LOCKOUT_MAX_MS && e.lockedUntil <= now) {
      this.#entries.delete(ip);
      e = undefined;
    }
    if (e === undefined) {
      if (this.#entries.size >= LOCKOUT_TRACKED) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
      e = { failures: 0, windowStart: now, lockedUntil: 0, strikes: 0, lastFailure: now };
    } else {
      this.#entries.delete(ip); // re-insert: most recent last
    }
    this.#entries.set(ip, e);
    e.lastFailure = now;
    if (now - e.windowStart > LOCKOUT_WINDOW_MS) {
      e.windowStart = now;
      e.failures = 0;
    }
    e.failures++;
    const limit = this.#limit();
    if (limit <= 0 || e.failures < limit || e.lockedUntil > now) return 0;
    const ms = Math.min(LOCKOUT_BASE_MS * 2 ** e.strikes, LOCKOUT_MAX_MS);
    e.strikes++;
    e.failures = 0;
    e.windowStart = now;
    e.lockedUntil = now + ms;
    return Math.ceil(ms / 1000);
  }

  /** Records a valid token: the failure count starts over (a running lockout stays). */
  succeed(ip: string): void {
    const e = this.#entries.get(ip);
    if (e !== undefined) e.failures = 0;
  }
}
