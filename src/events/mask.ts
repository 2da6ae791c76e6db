import { createHmac, randomBytes } from 'node:crypto';
import { API_KEY_SCANNER_PATTERN } from '../identity/keys.ts';
import type { SecurityEvent } from './event.ts';
import type { MaskConfig } from './schema.ts';

/** Replacement for a fully masked value. */
export const MASKED = '[MASKED]';

/** A compiled masker: returns a masked copy of an event (the input is never modified). */
export type Masker = (ev: SecurityEvent) => SecurityEvent;

/** Field names whose values are secret as a whole. */
const SECRET_NAME =
  /(?:^|[._-])(?:pass(?:word|wd)?|pwd|secret|token|authorization|cookie|set-cookie|api[_-]?key|private[_-]?key|credential|client[_-]?secret)$/i;

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@((?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24})\b/g;
/** 13–19 digits, single spaces or dashes allowed between digits. */
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
/** A credential after an auth scheme; 8+ characters so prose ("token in …") is left alone. */
const AUTH_SCHEME = /\b(Bearer|Basic|Digest|Token|ApiKey|DPoP)(\s+)[A-Za-z0-9\-._~+/]{8,}=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
/** Vendor key shapes seen in the wild besides Gatehouse keys. */
const VENDOR_KEYS =
  /\b(?:sk|pk|rk)_(?:live|test)_[0-9A-Za-z]{8,}\b|\bgh[pousr]_[0-9A-Za-z]{30,}\b|\bAKIA[0-9A-Z]{16}\b|\bxox[abpr]-[0-9A-Za-z-]{10,}\b/g;
const GATEHOUSE_KEY = new RegExp(API_KEY_SCANNER_PATTERN, 'g');
const PASSWORD_PAIR =
  /(["']?)\b(pass(?:word|wd)?|pwd|secret|client[_-]?secret|token|access[_-]?token|refresh[_-]?token|api[_-]?key|apikey)\1(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s&;,"'}]+)/gi;

/** Luhn check over a digit string. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The string scrubber alone (no per-field actions), as configured. */
export function compileStringMasker(cfg: Partial<MaskConfig> = {}): (s: string) => string {
  const on = (k: 'emails' | 'cards' | 'tokens' | 'api_keys' | 'passwords'): boolean => cfg[k] !== false;
  const extra = (cfg.patterns ?? []).map((p) => {
    try {
      return new RegExp(p, 'g');
    } catch (err) {
      throw new TypeError(`events mask pattern ${JSON.stringify(p)} is not a valid regular expression`, {
        cause: err,
      });
    }
  });
  return (input: string): string => {
    let s = input;
    // Cheap pre-checks keep the common case (short ids, reasons) allocation-free.
    if (on('passwords') && /[=:]/.test(s))
      s = s.replace(PASSWORD_PAIR, (_m, q, k, sep) => `${q}${k}${q}${sep}${MASKED}`);
    if (on('tokens')) {
      if (s.includes('eyJ')) s = s.replace(JWT, '[MASKED:jwt]');
      if (/\s/.test(s)) s = s.replace(AUTH_SCHEME, (_m, scheme, sp) => `${scheme}${sp}${MASKED}`);
    }
    if (on('api_keys') && s.length >= 20) {
      s = s.replace(GATEHOUSE_KEY, '[MASKED:api_key]').replace(VENDOR_KEYS, '[MASKED:api_key]');
    }
    if (on('emails') && s.includes('@')) s = s.replace(EMAIL, (_m, domain) => `[MASKED:email]@${domain}`);
    if (on('cards') && /\d{4}/.test(s)) {
      s = s.replace(CARD, (m) => {
        const digits = m.replace(/[ -]/g, '');
        if (digits.length < 13 || digits.length > 19 || !luhn(digits)) return m;
        return `[MASKED:card:${digits.slice(-4)}]`;
      });
    }
    for (const re of extra) s = s.replace(re, MASKED);
    return s;
  };
}

type Action = 'mask' | 'hash' | 'drop' | 'keep';

/**
 * Compiles masking options into a {@link Masker}. Every string (top-level fields, `reason`, nested
 * `details`) is scrubbed unless a per-field action says otherwise; fields whose name says secret
 * (`password`, `token`, `authorization`…) are replaced whole.
 *
 * @example
 * const mask = compileMasker({ fields: { client_ip: 'hash', 'details.matches': 'drop' } });
 * mask(event).client_ip; // 'h:5d41402abc4b2a76'
 */
export function compileMasker(cfg: Partial<MaskConfig> = {}): Masker {
  const fields = new Map<string, Action>(Object.entries(cfg.fields ?? {}));
  if (cfg.enabled === false && fields.size === 0) return (ev) => ev;
  const enabled = cfg.enabled !== false;
  const scrub = enabled ? compileStringMasker(cfg) : (s: string) => s;
  const key = cfg.hash_key !== undefined ? Buffer.from(cfg.hash_key, 'utf8') : randomBytes(32);
  const hash = (v: unknown): string =>
    `h:${createHmac('sha256', key)
      .update(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))
      .digest('hex')
      .slice(0, 16)}`;
  const passwords = enabled && cfg.passwords !== false;

  const walk = (v: unknown, path: string, name: string): unknown => {
    const action = fields.get(path);
    if (action === 'drop') return undefined;
    if (action === 'keep') return v;
    if (action === 'hash') return v === undefined ? v : hash(v);
    if (passwords && SECRET_NAME.test(name) && v !== null && v !== undefined && typeof v !== 'object')
      return MASKED;
    if (typeof v === 'string') return enabled ? scrub(v) : v;
    if (typeof v === 'number' && enabled && Math.abs(v) >= 1e12) {
      const m = scrub(String(v));
      return m === String(v) ? v : m;
    }
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map((x) => walk(x, path, name));
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const w = walk((v as Record<string, unknown>)[k], `${path}.${k}`, k);
      if (w !== undefined) out[k] = w;
    }
    return out;
  };

  const TOP = ['reason', 'consumer', 'client_ip', 'route', 'request_id', 'policy'] as const;
  return (ev: SecurityEvent): SecurityEvent => {
    const out: Record<string, unknown> = {
      id: ev.id,
      time: ev.time,
      type: ev.type,
      category: ev.category,
      severity: ev.severity,
    };
    for (const k of TOP) {
      const v = ev[k];
      if (v === undefined) continue;
      const w = walk(v, k, k);
      if (w !== undefined) out[k] = w;
      else if (k === 'reason') out[k] = MASKED;
    }
    const details: Record<string, unknown> = {};
    if (fields.get('details') !== 'drop') {
      for (const k of Object.keys(ev.details)) {
        const w = walk(ev.details[k], `details.${k}`, k);
        if (w !== undefined) details[k] = w;
      }
    }
    out.details = details;
    return out as unknown as SecurityEvent;
  };
}
