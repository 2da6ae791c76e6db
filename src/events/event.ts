import { randomBytes } from 'node:crypto';
import type { EventCategory, EventSeverity } from './schema.ts';

/**
 * One security event, normalised from whatever field style the emitter used (ECS-style dotted
 * keys such as `client.ip`, or the WAF's snake case such as `request_id`).
 *
 * @example
 * { id: '3f…', time: '2026-11-28T23:00:00.000Z', type: 'authentication_failure',
 *   category: 'authentication', reason: 'expired', severity: 'medium', client_ip: '203.0.113.9',
 *   route: 'orders', request_id: 'r-1', policy: 'jwt-auth', details: { 'auth.method': 'jwt-auth' } }
 */
export interface SecurityEvent {
  /** Unique id: a random per-process prefix and a counter (`<16 hex>-<base36>`), sortable within a process. */
  readonly id: string;
  /** ISO 8601 UTC time of emission. */
  readonly time: string;
  /** Stable machine name: lower-case `[a-z0-9_.]`, at most 64 characters. */
  readonly type: string;
  readonly category: EventCategory;
  /** Short machine reason (`expired`, `sqli`, `ip_blocked`…); the type when none was given. */
  readonly reason: string;
  readonly severity: EventSeverity;
  readonly consumer?: string;
  readonly client_ip?: string;
  readonly route?: string;
  readonly request_id?: string;
  readonly policy?: string;
  /** Every other field, `gatehouse.` prefix removed, bounded in size and depth. */
  readonly details: Record<string, unknown>;
}

/** Numeric rank of each severity (info 0 … critical 4). */
export const SEVERITY_RANK: Readonly<Record<EventSeverity, number>> = Object.freeze({
  info: 0,
  low: 1,
  medium: 2,
  high: 3,
  critical: 4,
});

interface TypeInfo {
  readonly category: EventCategory;
  readonly severity: EventSeverity;
  readonly policy?: string;
}

/** Known event types emitted by the built-in policies. */
const KNOWN: Readonly<Record<string, TypeInfo>> = {
  authentication_failure: { category: 'authentication', severity: 'medium' },
  authorization_denied: { category: 'authorization', severity: 'medium' },
  auth_blocked: { category: 'ban', severity: 'medium', policy: 'brute-force' },
  auth_block_started: { category: 'ban', severity: 'high', policy: 'brute-force' },
  waf_block: { category: 'waf', severity: 'high', policy: 'waf' },
  waf_detect: { category: 'waf', severity: 'medium', policy: 'waf' },
  rate_limit_ban: { category: 'ban', severity: 'high', policy: 'rate-limit' },
  rate_limit_warning: { category: 'rate_limit', severity: 'low', policy: 'rate-limit' },
  rate_limit_exceeded: { category: 'rate_limit', severity: 'low', policy: 'rate-limit' },
  rate_limit_store_unavailable: { category: 'system', severity: 'high', policy: 'rate-limit' },
  rate_limit_store_recovered: { category: 'system', severity: 'info', policy: 'rate-limit' },
  anomaly_detected: { category: 'anomaly', severity: 'medium' },
  openapi_request_invalid: { category: 'validation', severity: 'low', policy: 'openapi' },
  openapi_response_invalid: { category: 'validation', severity: 'medium', policy: 'openapi' },
  payload_rejected: { category: 'validation', severity: 'medium' },
  graphql_rejected: { category: 'validation', severity: 'medium', policy: 'graphql' },
  credential_stuffing: { category: 'bot', severity: 'high', policy: 'bot-defense' },
  config_reloaded: { category: 'config', severity: 'info' },
  config_rejected: { category: 'config', severity: 'medium' },
};

/** Category by type prefix, for types not listed in {@link KNOWN}. */
const PREFIXES: readonly (readonly [string, EventCategory])[] = [
  ['authentication', 'authentication'],
  ['authn', 'authentication'],
  ['auth_', 'authentication'],
  ['authorization', 'authorization'],
  ['authz', 'authorization'],
  ['ip', 'authorization'],
  ['access', 'authorization'],
  ['rate_limit', 'rate_limit'],
  ['quota', 'quota'],
  ['ban', 'ban'],
  ['waf', 'waf'],
  ['validation', 'validation'],
  ['schema', 'validation'],
  ['request_validation', 'validation'],
  ['openapi', 'validation'],
  ['payload', 'validation'],
  ['graphql', 'validation'],
  ['credential_stuffing', 'bot'],
  ['bot', 'bot'],
  ['anomaly', 'anomaly'],
  ['config', 'config'],
];

const DEFAULT_SEVERITY: Readonly<Record<EventCategory, EventSeverity>> = {
  authentication: 'medium',
  authorization: 'medium',
  rate_limit: 'low',
  quota: 'low',
  ban: 'high',
  waf: 'high',
  validation: 'low',
  bot: 'medium',
  anomaly: 'medium',
  config: 'info',
  system: 'low',
};

/** Aliases per normalised field, in both styles. */
const ALIASES = {
  reason: ['event.reason', 'reason'],
  consumer: ['gatehouse.consumer.id', 'consumer.id', 'consumer', 'consumer_id'],
  client_ip: ['client.ip', 'source.ip', 'client_ip', 'ip'],
  route: ['gatehouse.route', 'route'],
  request_id: ['http.request.id', 'request_id'],
  policy: ['gatehouse.policy', 'policy'],
  severity: ['event.severity', 'severity'],
  category: ['event.category', 'category'],
} as const;
const CONSUMED = new Set<string>(Object.values(ALIASES).flat());

const MAX_TYPE = 64;
const MAX_STRING = 2048;
const MAX_KEYS = 64;
const MAX_ITEMS = 64;
const MAX_DEPTH = 4;

const cachedTypes = new Map<string, string>();

const ID_PREFIX = randomBytes(8).toString('hex');
let idCounter = 0;
let lastMs = Number.NaN;
let lastIso = '';

/** A new event id (cheaper than a UUID on the emit path, unique across processes by its random prefix). */
export function nextEventId(): string {
  idCounter = (idCounter + 1) % Number.MAX_SAFE_INTEGER;
  return `${ID_PREFIX}-${idCounter.toString(36).padStart(6, '0')}`;
}

/** ISO time of `ms`, cached for bursts within the same millisecond. */
function isoTime(ms: number): string {
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}

/** Turns any type string into the stable form: lower-case, `[a-z0-9_.]`, ≤ 64 characters. */
export function stableType(type: string): string {
  const hit = cachedTypes.get(type);
  if (hit !== undefined) return hit;
  let t = String(type)
    .toLowerCase()
    .replace(/[^a-z0-9_.]+/g, '_')
    .replace(/^[_.]+|[_.]+$/g, '')
    .slice(0, MAX_TYPE);
  if (t === '') t = 'unknown';
  if (cachedTypes.size < 1024) cachedTypes.set(type, t);
  return t;
}

/** Category and default severity of a (stable) type. */
export function classify(type: string): TypeInfo {
  const known = KNOWN[type];
  if (known !== undefined) return known;
  for (const [prefix, category] of PREFIXES) {
    if (type.startsWith(prefix)) return { category, severity: DEFAULT_SEVERITY[category] };
  }
  return { category: 'system', severity: DEFAULT_SEVERITY.system };
}

const CATEGORY_SET = new Set<string>(Object.keys(DEFAULT_SEVERITY));

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v.length > MAX_STRING ? v.slice(0, MAX_STRING) : v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

function pick(fields: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = str(fields[k]);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Copies a value with bounded depth, key count, array length and string length; drops functions. */
export function boundValue(v: unknown, depth = 0): unknown {
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.length > MAX_STRING ? `${v.slice(0, MAX_STRING)}…` : v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (v instanceof Error) return { name: v.name, message: boundValue(v.message, depth + 1) };
  if (typeof v !== 'object') return undefined;
  if (depth >= MAX_DEPTH) return '[…]';
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (let i = 0; i < v.length && i < MAX_ITEMS; i++) out.push(boundValue(v[i], depth + 1));
    return out;
  }
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const k in v) {
    if (!Object.hasOwn(v, k)) continue;
    if (n++ >= MAX_KEYS) break;
    const b = boundValue((v as Record<string, unknown>)[k], depth + 1);
    if (b !== undefined) out[k] = b;
  }
  return out;
}

/**
 * Normalises `deps.event(type, fields)` into a {@link SecurityEvent}. Both field styles map to the same
 * event; unknown fields go to `details` (a leading `gatehouse.` is removed). Never throws.
 *
 * @example
 * normalise('waf_block', { request_id: 'r1', route: 'api', family: 'sqli', rule_ids: [942100] });
 * // → { type: 'waf_block', category: 'waf', reason: 'sqli', request_id: 'r1', route: 'api', policy: 'waf', … }
 */
export function normalise(
  type: string,
  fields: Record<string, unknown> | undefined,
  now = Date.now(),
): SecurityEvent {
  const t = stableType(typeof type === 'string' ? type : String(type));
  const f: Record<string, unknown> = fields !== null && typeof fields === 'object' ? fields : {};
  const info = classify(t);
  const catField = pick(f, ALIASES.category);
  const category =
    catField !== undefined && CATEGORY_SET.has(catField) ? (catField as EventCategory) : info.category;
  const sevField = pick(f, ALIASES.severity);
  const severity =
    sevField !== undefined && Object.hasOwn(SEVERITY_RANK, sevField)
      ? (sevField as EventSeverity)
      : category === info.category
        ? info.severity
        : DEFAULT_SEVERITY[category];
  const details: Record<string, unknown> = {};
  let n = 0;
  for (const k in f) {
    if (!Object.hasOwn(f, k) || CONSUMED.has(k)) continue;
    if (n++ >= MAX_KEYS) break;
    const b = boundValue(f[k], 1);
    if (b !== undefined) details[k.startsWith('gatehouse.') ? k.slice(10) : k] = b;
  }
  const reason = pick(f, ALIASES.reason) ?? str(f.family) ?? str(f.decision) ?? t;
  const ev: {
    -readonly [K in keyof SecurityEvent]: SecurityEvent[K];
  } = {
    id: nextEventId(),
    time: isoTime(now),
    type: t,
    category,
    reason,
    severity,
    details,
  };
  const consumer = pick(f, ALIASES.consumer);
  if (consumer !== undefined) ev.consumer = consumer;
  const ip = pick(f, ALIASES.client_ip);
  if (ip !== undefined) ev.client_ip = ip;
  const route = pick(f, ALIASES.route);
  if (route !== undefined) ev.route = route;
  const rid = pick(f, ALIASES.request_id);
  if (rid !== undefined) ev.request_id = rid;
  const policy = pick(f, ALIASES.policy) ?? info.policy;
  if (policy !== undefined) ev.policy = policy;
  return ev;
}
