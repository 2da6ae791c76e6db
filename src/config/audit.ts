/**
 * Security audit of a gateway configuration (`gatehouse audit --config FILE`): flags insecure settings,
 * each mapped to the OWASP API Security Top 10 (2023) with a severity, a JSON path and, when the file is
 * at hand, its line. `securityDiff` compares two configs and names the changes that weaken security
 * (`gatehouse config diff`). Both are pure functions of validated configs: no I/O besides the raw text
 * given for positions and inline-secret detection.
 */
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

/** Ordered severities; `--fail-on` compares against this order. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One audit finding. */
export interface Finding {
  /** Stable check id, e.g. `route-without-authentication`. */
  readonly id: string;
  readonly severity: Severity;
  /** OWASP API Security Top 10 (2023) category, e.g. `API2:2023 Broken Authentication`. */
  readonly owasp: string;
  /** JSON path of the offending setting, e.g. `routes[2].policies.cors`. */
  readonly path: string;
  readonly message: string;
  /** 1-based line in the file, when the raw text was given and the path exists there. */
  line?: number;
}

const API2 = 'API2:2023 Broken Authentication';
const API4 = 'API4:2023 Unrestricted Resource Consumption';
const API5 = 'API5:2023 Broken Function Level Authorization';
const API8 = 'API8:2023 Security Misconfiguration';
const API10 = 'API10:2023 Unsafe Consumption of APIs';

const AUTH_POLICIES = ['key-auth', 'jwt-auth', 'mtls-auth', 'oauth-introspection'] as const;
const RATE_POLICIES = ['rate-limit', 'brute-force', 'quota', 'bot-defense'] as const;
/** Paths that take credentials: the endpoints credential stuffing and brute force go after. */
const AUTH_ENDPOINT =
  /(^|\/)(login|log-in|signin|sign-in|token|oauth|auth|authenticate|session|password|reset)(\/|$|\*|\{)/i;
/** Paths that usually carry administrative functions. */
const ADMIN_ENDPOINT = /(^|\/)(admin|internal|management|manage|actuator|debug)(\/|$|\*|\{)/i;
/** Setting names whose values are secrets when written inline in the file. */
const SECRET_NAMES = new Set([
  'secret',
  'client_secret',
  'password',
  'passphrase',
  'token',
  'api_key',
  'private_key',
  'hec_token',
  'authorization',
]);

type Policies = Record<string, Record<string, unknown> | undefined>;
interface Loose {
  policies?: Policies;
  listeners?: Array<{ name: string; host: string; tls?: { min_version?: string; client_auth?: unknown } }>;
  admin?: { enabled?: boolean; host?: string; tokens?: unknown[]; allow?: string[] };
  trusted_proxies?: string[];
  services?: Array<{ name: string; url?: string; upstream?: string; policies?: Policies }>;
  upstreams?: Array<{ name: string; targets?: Array<{ url: string }>; tls?: unknown }>;
  routes?: Array<{
    name: string;
    paths: string[];
    methods?: string[];
    service?: string;
    policies?: Policies;
  }>;
  consumers?: Array<{ id: string }>;
}

const isLoopback = (host: string | undefined) =>
  host === undefined || host === 'localhost' || host === '::1' || /^127\./.test(host);

/**
 * The policies in force on a route: global, then its service's, then its own (later ones override).
 */
function effective(c: Loose, route: NonNullable<Loose['routes']>[number]): Policies {
  const svc = route.service === undefined ? undefined : c.services?.find((s) => s.name === route.service);
  return { ...(c.policies ?? {}), ...(svc?.policies ?? {}), ...(route.policies ?? {}) };
}

function enforcing(p: Record<string, unknown> | undefined): boolean {
  return p !== undefined && p.enabled !== false && p.mode !== 'report-only';
}

/**
 * Audits a validated configuration. `raw` (the file's text) adds line numbers and finds secrets
 * written inline instead of as `file:` or `${VAR}` references.
 *
 * @example
 * const findings = auditConfig(loaded.config, readFileSync('gatehouse.yaml', 'utf8'));
 * const worst = findings.reduce((m, f) => Math.max(m, severityRank(f.severity)), 0);
 */
export function auditConfig(config: unknown, raw?: string): Finding[] {
  const c = config as Loose;
  const out: Finding[] = [];
  const add = (id: string, severity: Severity, owasp: string, path: string, message: string) =>
    out.push({ id, severity, owasp, path, message });

  // Listeners and transport.
  (c.listeners ?? []).forEach((l, i) => {
    if (!l.tls && !isLoopback(l.host)) {
      add(
        'listener-plaintext',
        'medium',
        API8,
        `listeners[${i}]`,
        `listener "${l.name}" accepts plain HTTP on ${l.host}: credentials and tokens cross the network in clear (terminate TLS here or in front)`,
      );
    }
  });
  const admin = c.admin;
  if (admin?.enabled !== false) {
    const tokens = Array.isArray(admin?.tokens) ? admin.tokens.length : 0;
    if (!isLoopback(admin?.host)) {
      add(
        'admin-exposed',
        tokens === 0 ? 'critical' : 'high',
        API8,
        'admin.host',
        `the admin API listens on ${admin?.host}, beyond loopback${tokens === 0 ? ' and without admin tokens' : ''}; keep it on loopback or a management network with an IP allowlist`,
      );
      if (!admin?.allow || admin.allow.length === 0) {
        add('admin-no-allowlist', 'medium', API8, 'admin', 'the exposed admin API has no IP allowlist');
      }
    }
  }
  (c.trusted_proxies ?? []).forEach((p, i) => {
    if (p === '0.0.0.0/0' || p === '::/0' || p === '*') {
      add(
        'trusted-proxies-any',
        'high',
        API8,
        `trusted_proxies[${i}]`,
        'every address is a trusted proxy: any client can forge X-Forwarded-For and dodge IP rules and rate limits',
      );
    }
  });
  (c.upstreams ?? []).forEach((u, i) => {
    (u.targets ?? []).forEach((t, j) => {
      let url: URL | undefined;
      try {
        url = new URL(t.url);
      } catch {
        return;
      }
      if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
        add(
          'upstream-plaintext',
          'low',
          API10,
          `upstreams[${i}].targets[${j}].url`,
          `upstream "${u.name}" is reached over plain HTTP at ${url.host}: identity headers and bodies cross the network in clear`,
        );
      }
    });
  });

  // Global policies with their own problems.
  const checkPolicies = (policies: Policies | undefined, at: string) => {
    if (!policies) return;
    const cors = policies.cors;
    if (cors && cors.allow_credentials === true) {
      const origins = (cors.allow_origins as string[] | undefined) ?? [];
      if (origins.some((o) => o === '*' || o.includes('*'))) {
        add(
          'cors-credentials-wildcard',
          'high',
          API8,
          `${at}.cors`,
          'CORS allows credentials for wildcard origins: any matching site can read authenticated responses',
        );
      }
    }
    const jwt = policies['jwt-auth'];
    if (jwt) {
      ((jwt.issuers as Array<Record<string, unknown>> | undefined) ?? []).forEach((iss, k) => {
        const aud = iss.audiences as unknown[] | undefined;
        if (!aud || aud.length === 0) {
          add(
            'jwt-without-audience',
            'high',
            API2,
            `${at}.jwt-auth.issuers[${k}].audiences`,
            `issuer ${String(iss.issuer)} has no audience: a token minted for any other API of that issuer is accepted here`,
          );
        }
        const required = (iss.required_claims as string[] | undefined) ?? ['exp'];
        if (!required.includes('exp')) {
          add(
            'jwt-exp-optional',
            'medium',
            API2,
            `${at}.jwt-auth.issuers[${k}].required_claims`,
            `tokens of ${String(iss.issuer)} without "exp" are accepted: they never expire`,
          );
        }
        if (iss.allow_http === true) {
          add(
            'jwt-jwks-http',
            'medium',
            API2,
            `${at}.jwt-auth.issuers[${k}].allow_http`,
            `keys of ${String(iss.issuer)} are fetched over plain HTTP: a network attacker can substitute them`,
          );
        }
      });
    }
    const ka = policies['key-auth'];
    if (ka?.query_param !== undefined) {
      add(
        'api-key-in-query',
        'low',
        API2,
        `${at}.key-auth.query_param`,
        'API keys accepted in the query string end up in browser history, proxies and referrers',
      );
    }
    const waf = policies.waf;
    if (waf && (waf.engine === 'detection-only' || waf.mode === 'report-only')) {
      add(
        'waf-detection-only',
        'medium',
        API8,
        `${at}.waf`,
        'the WAF only detects: attacks reach the upstream',
      );
    }
    for (const name of AUTH_POLICIES) {
      const p = policies[name];
      if (p && p.mode === 'report-only') {
        add(
          'auth-report-only',
          'high',
          API2,
          `${at}.${name}.mode`,
          `${name} is in report-only mode: unauthenticated requests reach the upstream`,
        );
      }
    }
    const oi = policies['oauth-introspection'];
    if (oi && typeof oi.endpoint === 'string' && oi.endpoint.startsWith('http:')) {
      add(
        'introspection-http',
        'high',
        API2,
        `${at}.oauth-introspection.endpoint`,
        'tokens and the client secret are sent to the introspection endpoint in clear',
      );
    }
  };
  checkPolicies(c.policies, 'policies');
  (c.services ?? []).forEach((s, i) => {
    checkPolicies(s.policies, `services[${i}].policies`);
  });

  // Routes.
  (c.routes ?? []).forEach((r, i) => {
    checkPolicies(r.policies, `routes[${i}].policies`);
    const p = effective(c, r);
    const authed = AUTH_POLICIES.some((n) => enforcing(p[n]) && p[n]?.optional !== true);
    const mocked = p['mock-response'] !== undefined;
    if (!authed && !mocked) {
      const adminish = r.paths.some((x) => ADMIN_ENDPOINT.test(x));
      add(
        adminish ? 'admin-route-without-authentication' : 'route-without-authentication',
        adminish ? 'critical' : 'medium',
        adminish ? API5 : API2,
        `routes[${i}]`,
        `route "${r.name}" (${r.paths.join(', ')}) has no enforcing authentication policy`,
      );
    }
    const limited = RATE_POLICIES.some((n) => enforcing(p[n]));
    if (r.paths.some((x) => AUTH_ENDPOINT.test(x)) && !limited) {
      add(
        'auth-endpoint-without-rate-limit',
        'high',
        API4,
        `routes[${i}]`,
        `route "${r.name}" looks like an authentication endpoint and has no rate-limit or brute-force policy: credential stuffing runs at full speed`,
      );
    } else if (!limited && p['concurrency-limit'] === undefined) {
      add('route-without-rate-limit', 'low', API4, `routes[${i}]`, `route "${r.name}" has no rate limit`);
    }
  });

  if (raw !== undefined) {
    const located = locateAll(raw, out);
    located.push(...inlineSecrets(raw));
    return located;
  }
  return out;
}

/** Numeric rank of a severity (info 0 … critical 4). */
export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

function pathSegments(path: string): Array<string | number> {
  const segs: Array<string | number> = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) segs.push(Number(m[2]));
    else segs.push(m[1]!);
  }
  return segs;
}

function parseRaw(raw: string) {
  const lc = new LineCounter();
  const doc = parseDocument(raw, { lineCounter: lc, uniqueKeys: false, strict: false, logLevel: 'silent' });
  return { lc, doc };
}

function locateAll(raw: string, findings: Finding[]): Finding[] {
  let parsed: ReturnType<typeof parseRaw>;
  try {
    parsed = parseRaw(raw);
  } catch {
    return findings;
  }
  for (const f of findings) {
    const segs = pathSegments(f.path);
    // The deepest node that exists in the file (a default may not be written there).
    for (let n = segs.length; n > 0; n--) {
      const node = parsed.doc.getIn(segs.slice(0, n), true) as Node | undefined;
      if (node?.range) {
        f.line = parsed.lc.linePos(node.range[0]).line;
        break;
      }
    }
  }
  return findings;
}

/** Secrets written as literals (not `file:` or `${VAR}` references) in setting names that hold secrets. */
function inlineSecrets(raw: string): Finding[] {
  let parsed: ReturnType<typeof parseRaw>;
  try {
    parsed = parseRaw(raw);
  } catch {
    return [];
  }
  const out: Finding[] = [];
  const walk = (node: unknown, path: string) => {
    if (isMap(node)) {
      for (const item of node.items) {
        const key = isScalar(item.key) ? String(item.key.value) : '';
        const at = path === '' ? key : `${path}.${key}`;
        const v = item.value;
        if (SECRET_NAMES.has(key.toLowerCase()) && isScalar(v) && typeof v.value === 'string') {
          const s = v.value;
          if (s !== '' && !s.startsWith('file:') && !s.includes('${') && !s.startsWith('sha256:')) {
            out.push({
              id: 'inline-secret',
              severity: 'high',
              owasp: API8,
              path: at,
              message: `"${key}" is written inline in the file: use a file: reference or \${VAR} so the secret stays out of version control`,
              line: v.range ? parsed.lc.linePos(v.range[0]).line : undefined,
            });
          }
        }
        walk(v, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        walk(item, `${path}[${i}]`);
      });
    }
  };
  walk(parsed.doc.contents, '');
  return out;
}

/** One security-relevant change between two configs. */
export interface SecurityChange {
  readonly kind: 'weakens' | 'strengthens';
  readonly message: string;
  readonly path: string;
}

/**
 * The changes from `before` to `after` that weaken (or strengthen) security: a route that loses its
 * authentication, rate limit or WAF, a new finding of severity medium or above, a finding that went
 * away. Routes are matched by name.
 *
 * @example
 * securityDiff(oldConfig, newConfig) // [{ kind: 'weakens', message: 'route /admin loses authentication', … }]
 */
export function securityDiff(before: unknown, after: unknown): SecurityChange[] {
  const out: SecurityChange[] = [];
  const a = before as Loose;
  const b = after as Loose;
  const routesA = new Map((a.routes ?? []).map((r) => [r.name, r]));
  (b.routes ?? []).forEach((r, i) => {
    const old = routesA.get(r.name);
    if (!old) return;
    const pa = effective(a, old);
    const pb = effective(b, r);
    const label = `route ${r.paths[0] ?? r.name}`;
    const had = (p: Policies, names: readonly string[]) => names.filter((n) => enforcing(p[n]));
    const lost = (names: readonly string[]) => had(pa, names).filter((n) => !had(pb, names).includes(n));
    const gained = (names: readonly string[]) => had(pb, names).filter((n) => !had(pa, names).includes(n));
    const authA = had(pa, AUTH_POLICIES).length > 0;
    const authB = had(pb, AUTH_POLICIES).length > 0;
    if (authA && !authB) {
      out.push({ kind: 'weakens', path: `routes[${i}]`, message: `${label} loses authentication` });
    } else if (!authA && authB) {
      out.push({ kind: 'strengthens', path: `routes[${i}]`, message: `${label} gains authentication` });
    }
    for (const n of lost([...RATE_POLICIES, 'waf', 'acl', 'scopes', 'cel', 'ip-restriction', 'openapi'])) {
      out.push({ kind: 'weakens', path: `routes[${i}]`, message: `${label} loses ${n}` });
    }
    for (const n of gained([...RATE_POLICIES, 'waf', 'acl', 'scopes', 'cel', 'ip-restriction', 'openapi'])) {
      out.push({ kind: 'strengthens', path: `routes[${i}]`, message: `${label} gains ${n}` });
    }
  });
  const key = (f: Finding) => `${f.id}|${f.path}`;
  const fa = new Map(auditConfig(before).map((f) => [key(f), f]));
  const fb = new Map(auditConfig(after).map((f) => [key(f), f]));
  for (const [k, f] of fb) {
    if (
      !fa.has(k) &&
      severityRank(f.severity) >= severityRank('medium') &&
      !f.id.startsWith('route-without-auth')
    ) {
      out.push({ kind: 'weakens', path: f.path, message: `${f.message} [${f.severity}]` });
    }
  }
  for (const [k, f] of fa) {
    if (
      !fb.has(k) &&
      severityRank(f.severity) >= severityRank('medium') &&
      !f.id.startsWith('route-without-auth')
    ) {
      out.push({ kind: 'strengthens', path: f.path, message: `fixed: ${f.message}` });
    }
  }
  return out;
}

/** Human-readable report, worst first. */
export function formatFindings(file: string, findings: readonly Finding[]): string {
  if (findings.length === 0) return `${file}: no findings`;
  const sorted = [...findings].sort((x, y) => severityRank(y.severity) - severityRank(x.severity));
  const lines = sorted.map(
    (f) =>
      `${file}${f.line === undefined ? '' : `:${f.line}`}: ${f.severity.toUpperCase()} ${f.id} at ${f.path}: ${f.message} (${f.owasp})`,
  );
  const counts = SEVERITIES.slice()
    .reverse()
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return `${lines.join('\n')}\n${findings.length} finding${findings.length === 1 ? '' : 's'}: ${counts.join(', ')}`;
}
