import { isIP } from 'node:net';
import type {
  ActiveHealthSpec,
  BalancerKind,
  CircuitBreakerSpec,
  HashOnSpec,
  PassiveHealthSpec,
  RetrySpec,
  TargetSpec,
  TimeoutsSpec,
  UpstreamSpec,
  UpstreamSpecInput,
  UpstreamTlsSpec,
} from './types.ts';

/** Largest number of targets in one upstream. */
export const MAX_TARGETS = 1024;
/** Largest target weight. */
export const MAX_WEIGHT = 1000;

/** Defaults applied by `resolveUpstreamSpec`. */
export const UPSTREAM_DEFAULTS = Object.freeze({
  weight: 100,
  balancer: 'round-robin' as BalancerKind,
  connections: 128,
  keepalive_timeout_ms: 60_000,
  timeouts: Object.freeze({ connect_ms: 5_000, header_ms: 30_000, body_ms: 30_000 }),
  active: Object.freeze({
    path: '/',
    interval_ms: 10_000,
    timeout_ms: 2_000,
    healthy_threshold: 2,
    unhealthy_threshold: 3,
    expected_statuses: Object.freeze([200]),
  }),
  passive: Object.freeze({ consecutive_failures: 5, base_ejection_ms: 10_000, max_ejection_ms: 300_000 }),
  circuit_breaker: Object.freeze({
    failure_ratio: 0.5,
    min_requests: 20,
    window_ms: 10_000,
    open_ms: 30_000,
    half_open_requests: 3,
  }),
  retries: Object.freeze({
    attempts: 1,
    budget_ratio: 0.2,
    min_retries_per_second: 3,
    statuses: Object.freeze([502, 503, 504]),
  }),
});

const BALANCERS: ReadonlySet<string> = new Set([
  'round-robin',
  'weighted',
  'least-connections',
  'consistent-hash',
  'ewma',
]);
const HASH_SOURCES: ReadonlySet<string> = new Set(['header', 'cookie', 'ip', 'consumer']);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;
const DNS_NAME =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const PATH = /^\/[\x21-\x7e]*$/;
const HOUR = 3_600_000;

type Obj = Record<string, unknown>;

class SpecReader {
  readonly upstream: string;

  constructor(upstream: string) {
    this.upstream = upstream;
  }

  fail(field: string, message: string): never {
    throw new TypeError(`upstream "${this.upstream}": ${field} ${message}`);
  }

  object(field: string, v: unknown): Obj | undefined {
    if (v === undefined) return undefined;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) this.fail(field, 'must be an object');
    return v as Obj;
  }

  int(field: string, v: unknown, def: number, min: number, max: number): number {
    if (v === undefined) return def;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.fail(field, `must be an integer from ${min} to ${max}`);
    }
    return v;
  }

  num(field: string, v: unknown, def: number, min: number, max: number, minExclusive = false): number {
    if (v === undefined) return def;
    if (typeof v !== 'number' || !Number.isFinite(v) || v > max || (minExclusive ? v <= min : v < min)) {
      this.fail(
        field,
        `must be a number ${minExclusive ? 'above' : 'from'} ${min} ${minExclusive ? 'up to' : 'to'} ${max}`,
      );
    }
    return v;
  }

  bool(field: string, v: unknown, def: boolean): boolean {
    if (v === undefined) return def;
    if (typeof v !== 'boolean') this.fail(field, 'must be a boolean');
    return v;
  }

  statuses(field: string, v: unknown, def: readonly number[]): number[] {
    if (v === undefined) return def.slice();
    if (!Array.isArray(v) || v.length === 0 || v.length > 100) this.fail(field, 'must be a non-empty array');
    return v.map((s, i) => this.int(`${field}[${i}]`, s, 0, 100, 599));
  }

  pem(field: string, v: unknown): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || !v.includes('-----BEGIN ')) this.fail(field, 'must be a PEM string');
    return v;
  }

  known(field: string, o: Obj, keys: readonly string[]): void {
    for (const k of Object.keys(o)) if (!keys.includes(k)) this.fail(`${field}.${k}`, 'is not a known field');
  }
}

function parseTarget(r: SpecReader, raw: unknown, i: number): TargetSpec {
  const field = `targets[${i}]`;
  const o = r.object(field, raw) ?? r.fail(field, 'must be an object');
  r.known(field, o, ['url', 'weight']);
  if (typeof o['url'] !== 'string') r.fail(`${field}.url`, 'must be a string');
  let url: URL;
  try {
    url = new URL(o['url']);
  } catch {
    return r.fail(`${field}.url`, 'is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') r.fail(`${field}.url`, 'must use http or https');
  if (url.username !== '' || url.password !== '' || o['url'].includes('@'))
    r.fail(`${field}.url`, 'must not contain userinfo');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    r.fail(`${field}.url`, 'must be an origin (no path, query or fragment)');
  }
  if (o['url'].includes('?') || o['url'].includes('#') || /^[a-z]+:\/\/[^/]*\/./i.test(o['url'])) {
    r.fail(`${field}.url`, 'must be an origin (no path, query or fragment)');
  }
  if (url.hostname === '') r.fail(`${field}.url`, 'must have a host');
  return {
    url: url.origin,
    weight: r.int(`${field}.weight`, o['weight'], UPSTREAM_DEFAULTS.weight, 1, MAX_WEIGHT),
  };
}

function parseHashOn(r: SpecReader, raw: unknown): HashOnSpec | undefined {
  const o = r.object('hash_on', raw);
  if (o === undefined) return undefined;
  r.known('hash_on', o, ['source', 'name']);
  const source = o['source'];
  if (typeof source !== 'string' || !HASH_SOURCES.has(source)) {
    r.fail('hash_on.source', 'must be one of header, cookie, ip, consumer');
  }
  const s = source as HashOnSpec['source'];
  if (s === 'header' || s === 'cookie') {
    const name = o['name'];
    if (typeof name !== 'string' || !TOKEN.test(name) || name.length > 256) {
      r.fail('hash_on.name', `must be a valid ${s} name`);
    }
    return { source: s, name: s === 'header' ? name.toLowerCase() : name };
  }
  if (o['name'] !== undefined) r.fail('hash_on.name', `is only allowed for header and cookie sources`);
  return { source: s };
}

function parseTimeouts(r: SpecReader, raw: unknown): TimeoutsSpec {
  const o = r.object('timeouts', raw) ?? {};
  r.known('timeouts', o, ['connect_ms', 'header_ms', 'body_ms']);
  const d = UPSTREAM_DEFAULTS.timeouts;
  return {
    connect_ms: r.int('timeouts.connect_ms', o['connect_ms'], d.connect_ms, 1, HOUR),
    header_ms: r.int('timeouts.header_ms', o['header_ms'], d.header_ms, 1, HOUR),
    body_ms: r.int('timeouts.body_ms', o['body_ms'], d.body_ms, 1, HOUR),
  };
}

function parseTls(r: SpecReader, raw: unknown): UpstreamTlsSpec | undefined {
  const o = r.object('tls', raw);
  if (o === undefined) return undefined;
  r.known('tls', o, ['ca', 'cert', 'key', 'servername', 'reject_unauthorized', 'min_version']);
  const tls: UpstreamTlsSpec = {
    reject_unauthorized: r.bool('tls.reject_unauthorized', o['reject_unauthorized'], true),
  };
  const ca = r.pem('tls.ca', o['ca']);
  const cert = r.pem('tls.cert', o['cert']);
  const key = r.pem('tls.key', o['key']);
  if ((cert === undefined) !== (key === undefined)) r.fail('tls.cert', 'and tls.key must be set together');
  if (ca !== undefined) tls.ca = ca;
  if (cert !== undefined) tls.cert = cert;
  if (key !== undefined) tls.key = key;
  const servername = o['servername'];
  if (servername !== undefined) {
    if (typeof servername !== 'string' || !DNS_NAME.test(servername) || isIP(servername) !== 0) {
      r.fail('tls.servername', 'must be a DNS name (SNI cannot carry an IP address)');
    }
    tls.servername = servername;
  }
  const minVersion = o['min_version'];
  if (minVersion !== undefined) {
    if (minVersion !== 'TLSv1.2' && minVersion !== 'TLSv1.3')
      r.fail('tls.min_version', 'must be TLSv1.2 or TLSv1.3');
    tls.min_version = minVersion;
  }
  return tls;
}

function parseActive(r: SpecReader, raw: unknown): ActiveHealthSpec | undefined {
  const f = 'health_checks.active';
  const o = r.object(f, raw);
  if (o === undefined) return undefined;
  r.known(f, o, [
    'path',
    'interval_ms',
    'timeout_ms',
    'healthy_threshold',
    'unhealthy_threshold',
    'expected_statuses',
    'host',
  ]);
  const d = UPSTREAM_DEFAULTS.active;
  const path = o['path'] ?? d.path;
  if (typeof path !== 'string' || path.length > 2048 || !PATH.test(path)) {
    r.fail(`${f}.path`, 'must be an absolute path without spaces or control characters');
  }
  const active: ActiveHealthSpec = {
    path,
    interval_ms: r.int(`${f}.interval_ms`, o['interval_ms'], d.interval_ms, 50, HOUR),
    timeout_ms: r.int(`${f}.timeout_ms`, o['timeout_ms'], d.timeout_ms, 1, HOUR),
    healthy_threshold: r.int(`${f}.healthy_threshold`, o['healthy_threshold'], d.healthy_threshold, 1, 1000),
    unhealthy_threshold: r.int(
      `${f}.unhealthy_threshold`,
      o['unhealthy_threshold'],
      d.unhealthy_threshold,
      1,
      1000,
    ),
    expected_statuses: r.statuses(`${f}.expected_statuses`, o['expected_statuses'], d.expected_statuses),
  };
  const host = o['host'];
  if (host !== undefined) {
    if (typeof host !== 'string' || host.length > 261 || !HOST.test(host))
      r.fail(`${f}.host`, 'must be a host[:port]');
    active.host = host;
  }
  return active;
}

function parsePassive(r: SpecReader, raw: unknown): PassiveHealthSpec | undefined {
  const f = 'health_checks.passive';
  const o = r.object(f, raw);
  if (o === undefined) return undefined;
  r.known(f, o, ['consecutive_failures', 'base_ejection_ms', 'max_ejection_ms']);
  const d = UPSTREAM_DEFAULTS.passive;
  const base = r.int(`${f}.base_ejection_ms`, o['base_ejection_ms'], d.base_ejection_ms, 1, 24 * HOUR);
  const max = r.int(
    `${f}.max_ejection_ms`,
    o['max_ejection_ms'],
    Math.max(d.max_ejection_ms, base),
    base,
    24 * HOUR,
  );
  return {
    consecutive_failures: r.int(
      `${f}.consecutive_failures`,
      o['consecutive_failures'],
      d.consecutive_failures,
      1,
      1000,
    ),
    base_ejection_ms: base,
    max_ejection_ms: max,
  };
}

function parseCircuitBreaker(r: SpecReader, raw: unknown): CircuitBreakerSpec | undefined {
  const f = 'circuit_breaker';
  const o = r.object(f, raw);
  if (o === undefined) return undefined;
  r.known(f, o, ['failure_ratio', 'min_requests', 'window_ms', 'open_ms', 'half_open_requests']);
  const d = UPSTREAM_DEFAULTS.circuit_breaker;
  return {
    failure_ratio: r.num(`${f}.failure_ratio`, o['failure_ratio'], d.failure_ratio, 0, 1, true),
    min_requests: r.int(`${f}.min_requests`, o['min_requests'], d.min_requests, 1, 1_000_000),
    window_ms: r.int(`${f}.window_ms`, o['window_ms'], d.window_ms, 100, HOUR),
    open_ms: r.int(`${f}.open_ms`, o['open_ms'], d.open_ms, 1, 24 * HOUR),
    half_open_requests: r.int(
      `${f}.half_open_requests`,
      o['half_open_requests'],
      d.half_open_requests,
      1,
      1000,
    ),
  };
}

function parseRetries(r: SpecReader, raw: unknown): RetrySpec | undefined {
  const f = 'retries';
  const o = r.object(f, raw);
  if (o === undefined) return undefined;
  r.known(f, o, ['attempts', 'budget_ratio', 'min_retries_per_second', 'statuses']);
  const d = UPSTREAM_DEFAULTS.retries;
  return {
    attempts: r.int(`${f}.attempts`, o['attempts'], d.attempts, 0, 10),
    budget_ratio: r.num(`${f}.budget_ratio`, o['budget_ratio'], d.budget_ratio, 0, 1),
    min_retries_per_second: r.num(
      `${f}.min_retries_per_second`,
      o['min_retries_per_second'],
      d.min_retries_per_second,
      0,
      10_000,
    ),
    statuses: r.statuses(`${f}.statuses`, o['statuses'], d.statuses),
  };
}

/**
 * Validates an upstream spec and applies every default. Throws a `TypeError` naming the upstream and
 * the field (`upstream "api": targets[1].url must be an origin ...`). Unknown fields are rejected.
 * Targets must be bare origins; when `tls` is set every target must be `https`, so a TLS setting can
 * never be silently ignored.
 *
 * @example
 * resolveUpstreamSpec({ name: 'api', targets: [{ url: 'http://127.0.0.1:8080' }] }).connections; // 128
 */
export function resolveUpstreamSpec(input: UpstreamSpecInput): UpstreamSpec {
  if (input === null || typeof input !== 'object') throw new TypeError('upstream: spec must be an object');
  const raw = input as unknown as Obj;
  const name = raw['name'];
  if (typeof name !== 'string' || name.length === 0 || name.length > 128 || /[\x00-\x1f\x7f"]/.test(name)) {
    throw new TypeError('upstream: name must be a non-empty string of at most 128 printable characters');
  }
  const r: SpecReader = new SpecReader(name);
  r.known('spec', raw, [
    'name',
    'targets',
    'balancer',
    'hash_on',
    'connections',
    'keepalive_timeout_ms',
    'http2',
    'timeouts',
    'tls',
    'health_checks',
    'circuit_breaker',
    'retries',
  ]);
  const rawTargets = raw['targets'];
  if (!Array.isArray(rawTargets) || rawTargets.length === 0) r.fail('targets', 'must be a non-empty array');
  if (rawTargets.length > MAX_TARGETS) r.fail('targets', `must have at most ${MAX_TARGETS} entries`);
  const targets = rawTargets.map((t, i) => parseTarget(r, t, i));
  const seen = new Set<string>();
  targets.forEach((t, i) => {
    if (seen.has(t.url)) r.fail(`targets[${i}].url`, `duplicates ${t.url}`);
    seen.add(t.url);
  });

  const balancer = raw['balancer'] ?? UPSTREAM_DEFAULTS.balancer;
  if (typeof balancer !== 'string' || !BALANCERS.has(balancer)) {
    r.fail('balancer', `must be one of ${[...BALANCERS].join(', ')}`);
  }
  const hashOn = parseHashOn(r, raw['hash_on']);
  if (balancer === 'consistent-hash' && hashOn === undefined)
    r.fail('hash_on', 'is required by consistent-hash');
  if (balancer !== 'consistent-hash' && hashOn !== undefined)
    r.fail('hash_on', 'is only used by consistent-hash');

  const tls = parseTls(r, raw['tls']);
  if (tls !== undefined) {
    targets.forEach((t, i) => {
      if (!t.url.startsWith('https:')) r.fail(`targets[${i}].url`, 'must use https because tls is set');
    });
  }

  const hc = r.object('health_checks', raw['health_checks']);
  if (hc !== undefined) r.known('health_checks', hc, ['active', 'passive']);
  const active = parseActive(r, hc?.['active']);
  const passive = parsePassive(r, hc?.['passive']);
  const circuitBreaker = parseCircuitBreaker(r, raw['circuit_breaker']);
  const retries = parseRetries(r, raw['retries']);

  const spec: UpstreamSpec = {
    name,
    targets,
    balancer: balancer as BalancerKind,
    connections: r.int('connections', raw['connections'], UPSTREAM_DEFAULTS.connections, 1, 65_536),
    http2: r.bool('http2', raw['http2'], false),
    keepalive_timeout_ms: r.int(
      'keepalive_timeout_ms',
      raw['keepalive_timeout_ms'],
      UPSTREAM_DEFAULTS.keepalive_timeout_ms,
      1,
      HOUR,
    ),
    timeouts: parseTimeouts(r, raw['timeouts']),
  };
  if (hashOn !== undefined) spec.hash_on = hashOn;
  if (tls !== undefined) spec.tls = tls;
  if (active !== undefined || passive !== undefined) {
    spec.health_checks = {};
    if (active !== undefined) spec.health_checks.active = active;
    if (passive !== undefined) spec.health_checks.passive = passive;
  }
  if (circuitBreaker !== undefined) spec.circuit_breaker = circuitBreaker;
  if (retries !== undefined) spec.retries = retries;
  return spec;
}

/**
 * Deep-freezes a plain data structure in place and returns it.
 *
 * @example
 * deepFreeze({ a: [1] }).a.push(2); // throws
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
