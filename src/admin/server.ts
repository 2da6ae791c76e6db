import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer, Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { TLSSocket } from 'node:tls';
import type { Logger } from 'pino';
import { type AuditEntry, type AuditInput, AuditLog, toOcsf } from '../audit/log.ts';
import { securityDiff } from '../config/audit.ts';
import type { ConfigError } from '../config/errors.ts';
import { handleDashboard } from '../dashboard/index.ts';
import type { TrafficStats } from '../dashboard/stats.ts';
import { GatewayError } from '../errors/gateway-error.ts';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../errors/problem.ts';
import { type ApiKeyRecord, apiKeyStatus, type CredentialStore } from '../identity/credentials/types.ts';
import { DEFAULT_API_KEY_PREFIX, generateApiKey, isValidApiKeyPrefix } from '../identity/keys.ts';
import { type Checked, type CheckResult, configDigest, type ReloadResult } from '../runtime/gateway.ts';
import { CertificateStore, type ListenerTlsConfig } from '../server/tls.ts';
import {
  type AdminAccess,
  type AdminAccessConfig,
  AdminLockout,
  type AdminPrincipal,
  type AdminRole,
  adminConfigProblems,
  compileAdminAccess,
  generateAdminToken,
  hashAdminToken,
  isLoopbackHost,
  LOCKOUT_FAILURES,
  roleAllows,
} from './auth.ts';
import {
  type ConsumerInput,
  consumerInputProblem,
  deleteConsumerYaml,
  diffConfig,
  redactConfig,
  upsertConsumerYaml,
} from './config-tools.ts';
import { ConfigHistory, type ConfigVersion } from './history.ts';

/** The config running now, as the admin API sees it. */
export interface RunningConfig {
  /**
   * The YAML text applied, or undefined when it is not known (the file changed again after it was
   * loaded): consumer edits then need a full config apply first.
   */
  readonly text: string | undefined;
  /** configDigest of `text`. */
  readonly digest: string;
  /** The validated config (with its `admin` and `consumers` sections). */
  readonly config: {
    readonly admin?: AdminAccessConfig & {
      state_dir?: string;
      history?: number;
      metrics_auth?: boolean;
      tls?: ListenerTlsConfig | undefined;
    };
    readonly consumers?: ReadonlyArray<{
      readonly id: string;
      readonly groups?: readonly string[];
      readonly metadata?: Readonly<Record<string, string>>;
      readonly policies?: unknown;
      readonly api_keys?: ReadonlyArray<{
        readonly id: string;
        readonly expires_at?: string | undefined;
        readonly not_before?: string | undefined;
        readonly revoked?: boolean | undefined;
      }>;
    }>;
  } & Record<string, unknown>;
  /** Resolved secret values (redacted from every answer). */
  readonly secrets: ReadonlySet<string>;
}

/**
 * How the admin API reads, checks and applies configuration. `apply` must be atomic: on failure the
 * running config keeps serving. See `gatewayConfigControl` (admin/gateway-control.ts) for one
 * in-process Gateway.
 */
export interface AdminConfigControl {
  /** Config file path (named in error positions). */
  readonly path: string;
  /** The config serving now. */
  running(): RunningConfig;
  /** Every check a start does (schema, references, TLS files, a dry build), positioned. */
  check(text: string): CheckResult;
  /** Swaps in a config already checked; `text` is what was checked. */
  apply(checked: Checked, text: string): Promise<ReloadResult>;
}

/** Filter of `GET /events`. */
export interface AdminEventFilter {
  /** Only events of this type (e.g. `auth.failed`). */
  readonly type?: string | undefined;
  /** Only events of this category (e.g. `anomaly`, as the dashboard asks). */
  readonly category?: string | undefined;
  /** Only events at or after this time (ms since the epoch). */
  readonly since?: number | undefined;
  /** Most events wanted (1-1000). */
  readonly limit: number;
}

/** A security event as `GET /events` shows it (ECS-style keys, nothing secret). */
export type AdminSecurityEvent = Readonly<Record<string, unknown>>;

/** An active ban (brute-force / abuse policies). */
export interface AdminBan {
  /** The banned key (client ip, consumer id, credential id…), as `DELETE /bans/{key}` takes it. */
  readonly key: string;
  readonly [field: string]: unknown;
}

/** Ban listing and lifting, wired by the caller to the policies. */
export interface AdminBans {
  list(): Promise<readonly AdminBan[]>;
  /** Lifts a ban; false when there is no such ban. */
  lift(key: string): Promise<boolean>;
}

/** Quota usage listing, wired by the caller to the quota policy. */
export interface AdminQuotas {
  /** Usage rows (e.g. `{ key, consumer, used, limit, resets_at }`), optionally for one consumer. */
  list(filter: { consumer?: string | undefined }): Promise<readonly Readonly<Record<string, unknown>>[]>;
}

/** Options of {@link createAdminServer}. */
export interface AdminServerOptions {
  /** Address to bind. Default `127.0.0.1` (loopback only). */
  host?: string;
  /** Port to bind; 0 picks a free one. */
  port: number;
  /** Renders the Prometheus exposition (e.g. `metrics.exposition()` or an aggregate over workers). */
  metrics: () => Promise<{ contentType: string; body: string }>;
  /** True when the gateway can take traffic (config loaded, listeners up). */
  ready: () => boolean;
  /** `GET /status` answers its JSON (plus the config version). The value must already be redacted. */
  status?: () => unknown;
  logger: Logger;
  /**
   * Legacy single token (before `admin.tokens`): accepted as token id `token` with role `viewer`, and
   * it makes `/metrics` require a token as it did.
   */
  token?: string;
  /**
   * The `admin` section (tokens, allow, state_dir, history, metrics_auth) when there is no `config`
   * control (with one, the running config's `admin` section is used and follows reloads).
   */
  access?: AdminAccessConfig & { metrics_auth?: boolean; tls?: ListenerTlsConfig | undefined };
  /**
   * TLS for the admin listener (default: the running config's `admin.tls`). With `client_auth`, every
   * authenticated endpoint also needs a verified client certificate; probes and dashboard assets do
   * not (unless `mode: require` refuses the handshake itself). Read at start: changing it needs a restart.
   */
  tls?: ListenerTlsConfig;
  /** Directory of the audit log, config history and revoked token ids (default `admin.state_dir`). */
  stateDir?: string;
  /** Config read/check/apply; enables /config*, /consumers*. */
  config?: AdminConfigControl;
  /** Writable credential store (embedded or redis); enables key create/rotate/revoke. */
  credentials?: CredentialStore;
  /** Upstream health rows for `GET /upstreams`. */
  upstreams?: () => readonly unknown[];
  /** Recent security events for `GET /events`. */
  recentEvents?: (
    filter: AdminEventFilter,
  ) => readonly AdminSecurityEvent[] | Promise<readonly AdminSecurityEvent[]>;
  /** Bans for `GET /bans` and `DELETE /bans/{key}`. */
  bans?: AdminBans;
  /** Quota usage for `GET /quotas`. */
  quotas?: AdminQuotas;
  /** Called with every audit entry once it is appended (e.g. to emit it as a security event). */
  onAudit?: (entry: AuditEntry) => void;
  /** Called when an address is locked out after too many wrong admin tokens (seconds of the lockout). */
  onLockout?: (ip: string, seconds: number) => void;
  /** Discovered shadow APIs for `GET /shadow-apis` (paginated as `{data, next}`). */
  shadowApis?: () => readonly unknown[] | Promise<readonly unknown[]>;
  /**
   * Serves the dashboard (src/dashboard): `GET /dashboard` and its static assets (unauthenticated; the
   * page signs in with an admin token and calls this API with `Authorization: Bearer`) and the live
   * traffic JSON `GET /stats` (viewer role). Off when not given.
   */
  dashboard?: { readonly stats: TrafficStats };
  /** Where the one-time generated token is printed (default: stderr). */
  printToken?: (line: string) => void;
  /** Time allowed to receive the request head. Default 5000 ms. */
  headersTimeoutMs?: number;
  /** Concurrent connections accepted. Default 64. */
  maxConnections?: number;
  /** Wall clock (tests). */
  clock?: () => number;
}

/** A started-on-demand admin listener. */
export interface AdminServer {
  /** Binds the listener; resolves with the actual port. */
  listen(): Promise<{ port: number }>;
  /** Stops accepting, lets in-flight requests finish (at most 1 s), then resolves. */
  close(): Promise<void>;
  /** The audit log (undefined without a state directory), for the caller's own entries. */
  readonly audit: AuditLog | undefined;
  /**
   * Records the running config in the history (and audits it as `config.reload` by `system`) when it
   * changed outside the admin API (file watch, SIGHUP). Also done lazily on every admin request.
   */
  syncConfig(): void;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HEALTH_BODY = '{"status":"ok"}';
const READY_BODY = '{"status":"ready"}';
const MAX_HEADER_BYTES = 8192;
const MAX_JSON_BODY = 64 * 1024;
const MAX_CONFIG_BODY = 4 * 1024 * 1024;
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;
const DEFAULT_GRACE_S = 86_400;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CONSUMER_RE = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$/;
const GENERATED_ID = 'generated';
/** `admin` fields read once at start (a change is applied but needs a restart). */
const RESTART_FIELDS = ['enabled', 'host', 'port', 'tls', 'state_dir', 'history'] as const;

/** What a handler answers. */
interface Reply {
  status: number;
  body?: unknown;
  /** Audit fields (mutations). */
  audit?: Partial<AuditInput>;
}

interface Call {
  req: IncomingMessage;
  params: string[];
  query: URLSearchParams;
  principal: AdminPrincipal;
  requestId: string;
  ip: string;
  body: Buffer | undefined;
}

interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Segments; `*` matches one segment (a parameter). */
  path: string[];
  role: AdminRole;
  /** Audit action name for mutations. */
  action?: string;
  /** Largest body accepted (0 = none). */
  body: number;
  handle(c: Call): Promise<Reply>;
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  head: boolean,
  extra?: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  };
  if (extra) for (const k of Object.keys(extra)) headers[k.toLowerCase()] = extra[k]!;
  res.writeHead(status, headers);
  if (head) res.end();
  else res.end(body);
}

function sendProblem(
  res: ServerResponse,
  err: GatewayError,
  head: boolean,
  close: boolean,
  requestId?: string,
): void {
  const extra: Record<string, string> = { ...err.headers };
  if (close) extra.connection = 'close';
  if (requestId) extra['x-request-id'] = requestId;
  send(res, err.status, PROBLEM_CONTENT_TYPE, problemBody(err, requestId), head, extra);
}

function bad(detail: string, extensions?: Record<string, unknown>): GatewayError {
  return new GatewayError('GW_BAD_REQUEST', { detail, extensions, reason: 'admin_bad_request' });
}

function notFound(detail: string): GatewayError {
  return new GatewayError('GW_NOT_FOUND', { detail, reason: 'admin_not_found' });
}

function positioned(errors: readonly ConfigError[]): Array<Omit<ConfigError, 'file'>> {
  return errors.map((e) => ({
    line: e.line,
    column: e.column,
    path: e.path,
    pointer: e.pointer,
    message: e.message,
  }));
}

function iso(t: number | undefined): string | undefined {
  return t === undefined ? undefined : new Date(t).toISOString();
}

/** A key as the admin API shows it: never the key, nor its hash. */
function keyView(rec: ApiKeyRecord, source: 'config' | 'store', now: number): Record<string, unknown> {
  return {
    id: rec.id,
    consumer: rec.consumerId,
    source,
    status: apiKeyStatus(rec, now),
    created_at: source === 'config' ? undefined : iso(rec.createdAt),
    expires_at: iso(rec.expiresAt),
    not_before: iso(rec.notBefore),
    revoked_at: source === 'config' ? undefined : iso(rec.revokedAt),
    grace_until: iso(rec.graceUntil),
  };
}

function parsePage(query: URLSearchParams): { size: number; offset: number } {
  const num = (name: string, dflt: number, min: number, max: number): number => {
    const raw = query.get(name);
    if (raw === null) return dflt;
    if (!/^\d{1,9}$/.test(raw)) throw bad(`?${name} must be a non-negative integer`);
    const n = Number(raw);
    if (n < min || n > max) throw bad(`?${name} must be between ${min} and ${max}`);
    return n;
  };
  return { size: num('size', DEFAULT_PAGE, 1, MAX_PAGE), offset: num('offset', 0, 0, 1e9) };
}

/** `{data, next}` pagination: `next` is the path of the following page, or null. */
function page<T>(
  items: readonly T[],
  path: string,
  query: URLSearchParams,
): { data: T[]; next: string | null } {
  const { size, offset } = parsePage(query);
  const data = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { data, next: null };
  const q = new URLSearchParams(query);
  q.set('size', String(size));
  q.set('offset', String(offset + size));
  return { data, next: `${path}?${q.toString()}` };
}

function parseJson(body: Buffer | undefined, required: boolean): Record<string, unknown> {
  if (body === undefined || body.length === 0) {
    if (required) throw bad('a JSON body is required');
    return {};
  }
  let v: unknown;
  try {
    v = JSON.parse(body.toString('utf8'));
  } catch {
    throw bad('the body is not valid JSON');
  }
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw bad('the body must be a JSON object');
  return v as Record<string, unknown>;
}

function utf8(body: Buffer | undefined): string {
  if (body === undefined || body.length === 0) throw bad('the body must be the config YAML text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw bad('the body is not valid UTF-8');
  }
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const cl = req.headers['content-length'];
    if (cl !== undefined && Number(cl) > max) {
      reject(new GatewayError('GW_PAYLOAD_TOO_LARGE', { detail: `The body exceeds ${max} bytes.` }));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) {
        req.removeAllListeners('data');
        reject(new GatewayError('GW_PAYLOAD_TOO_LARGE', { detail: `The body exceeds ${max} bytes.` }));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function clientIp(req: IncomingMessage): string {
  const a = req.socket.remoteAddress ?? '';
  return a.startsWith('::ffff:') ? a.slice(7) : a;
}

/**
 * Creates the admin listener (node:http, loopback by default).
 *
 * Open endpoints: `GET /healthz`, `GET /readyz`, `GET /metrics` (unless `admin.metrics_auth` or the
 * legacy `token`), and the dashboard assets. Everything else needs `Authorization: Bearer <token>`
 * from an allowed address, and a role: viewer reads, operator also lifts bans and creates, rotates and
 * revokes keys, admin also changes config and tokens. Errors are RFC 9457 problems with the request
 * id; unknown paths 404, wrong methods 405 with `Allow`. Every mutation (and every role denial) is
 * appended to the hash-chained audit log in the state directory. Bad options throw TypeError here.
 *
 * Without any configured token a one-time admin token is generated and printed once (its hash is
 * kept in memory only); binding beyond loopback without a configured token is refused.
 *
 * @example
 * const admin = createAdminServer({ port: 9901, metrics: () => metrics.exposition(), ready: () => true, logger,
 *   config: gatewayConfigControl(gw, { path, env }), credentials });
 * const { port } = await admin.listen();
 */
export function createAdminServer(opts: AdminServerOptions): AdminServer {
  const host = opts.host ?? '127.0.0.1';
  const headersTimeout = opts.headersTimeoutMs ?? 5000;
  const maxConnections = opts.maxConnections ?? 64;
  const clock = opts.clock ?? Date.now;
  if (typeof host !== 'string' || host.length === 0)
    throw new TypeError('admin host must be a non-empty string');
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    throw new TypeError('admin port must be an integer between 0 and 65535');
  }
  if (!Number.isInteger(headersTimeout) || headersTimeout < 10) {
    throw new TypeError('admin headersTimeoutMs must be an integer >= 10');
  }
  if (!Number.isInteger(maxConnections) || maxConnections < 1) {
    throw new TypeError('admin maxConnections must be a positive integer');
  }
  if (typeof opts.metrics !== 'function' || typeof opts.ready !== 'function') {
    throw new TypeError('admin server needs metrics() and ready() callbacks');
  }
  if (opts.token !== undefined && (typeof opts.token !== 'string' || opts.token.length < 16)) {
    throw new TypeError('admin token must be a string of at least 16 characters');
  }
  const { logger, config: control, credentials } = opts;

  const settings = (): NonNullable<RunningConfig['config']['admin']> => {
    const base = control?.running().config.admin ?? opts.access ?? {};
    if (opts.token === undefined) return base;
    return { ...base, tokens: [...(base.tokens ?? []), { id: 'token', role: 'viewer', token: opts.token }] };
  };
  const initial = settings();
  const problems = adminConfigProblems({ ...initial, host });
  if (problems.length > 0) throw new TypeError(problems[0]);

  const tls = opts.tls ?? initial.tls;
  const certs = tls === undefined ? undefined : new CertificateStore(tls);
  const needClientCert = tls?.client_auth !== undefined;
  /** With client_auth: a verified client certificate (and, for verify_depth 0, one issued by a listed CA). */
  const clientCertOk = (req: IncomingMessage): boolean => {
    if (!needClientCert) return true;
    const sock = req.socket as TLSSocket;
    if (sock.authorized !== true) return false;
    if (certs!.verifyDepth === 0) {
      const leaf = sock.getPeerX509Certificate();
      return leaf !== undefined && certs!.issuedByTrustedCa(leaf);
    }
    return true;
  };

  const stateDirRaw = opts.stateDir ?? (control ? (initial.state_dir ?? '.gatehouse/admin') : undefined);
  const stateDir = stateDirRaw === undefined ? undefined : resolve(stateDirRaw);
  if (stateDir !== undefined) mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const audit =
    stateDir === undefined ? undefined : new AuditLog({ file: join(stateDir, 'audit.jsonl'), clock });
  const history =
    stateDir === undefined || control === undefined
      ? undefined
      : new ConfigHistory({ dir: join(stateDir, 'config-history'), max: initial.history ?? 20, clock });
  const revokedFile = stateDir === undefined ? undefined : join(stateDir, 'revoked-tokens.json');
  const revoked = new Set<string>();
  if (revokedFile !== undefined) {
    try {
      const ids = JSON.parse(readFileSync(revokedFile, 'utf8')) as unknown;
      if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string') revoked.add(id);
    } catch {
      // No revocations yet.
    }
  }

  // No default credential: without a configured token, one is made now and shown once.
  let generated: (AdminPrincipal & { hash: string }) | undefined;
  if ((initial.tokens ?? []).length === 0) {
    const token = generateAdminToken();
    generated = { id: GENERATED_ID, role: 'admin', hash: hashAdminToken(token) };
    const print = opts.printToken ?? ((line: string) => process.stderr.write(line));
    print(
      `gatehouse: no admin token is configured; this one-time admin token is valid until restart:\n  ${token}\n` +
        '  (configure admin.tokens to choose your own)\n',
    );
  }

  const lockout = new AdminLockout(() => settings().lockout_failures ?? LOCKOUT_FAILURES);
  /**
   * Token check with brute-force protection: the principal, the seconds left of a running lockout, or
   * undefined (no or wrong token; a wrong one counts towards a lockout of the address).
   */
  const login = (req: IncomingMessage, ip: string): AdminPrincipal | number | undefined => {
    const wait = lockout.retryAfterS(ip);
    if (wait > 0) return wait;
    const auth = req.headers.authorization;
    const p = currentAccess().authenticate(auth);
    if (p !== undefined) {
      lockout.succeed(ip);
      return p;
    }
    if (auth !== undefined) {
      const started = lockout.fail(ip);
      if (started > 0) {
        logger.warn(
          { 'client.ip': ip, 'event.reason': 'admin_locked_out', 'gatehouse.lockout_s': started },
          'admin: too many wrong tokens from this address; locked out',
        );
        opts.onLockout?.(ip, started);
      }
    }
    return undefined;
  };
  const lockedOut = (wait: number) =>
    new GatewayError('GW_RATE_LIMITED', {
      headers: { 'retry-after': String(wait) },
      reason: 'admin_locked_out',
      detail: 'Too many wrong admin tokens from this address; try again later.',
    });

  let accessFor: object | undefined;
  let access: AdminAccess = compileAdminAccess(initial, { generated, revoked });
  accessFor = control?.running().config.admin;
  const currentAccess = (): AdminAccess => {
    if (control === undefined) return access;
    const admin = control.running().config.admin;
    if (admin !== accessFor) {
      try {
        access = compileAdminAccess(settings(), { generated, revoked });
      } catch (err) {
        logger.error(
          { err: (err as Error).message },
          'admin: new admin section rejected; keeping the previous tokens',
        );
      }
      accessFor = admin;
    }
    return access;
  };
  const metricsAuth = (): boolean => opts.token !== undefined || settings().metrics_auth === true;

  const record = (input: AuditInput): AuditEntry | undefined => {
    if (audit === undefined) return undefined;
    try {
      const entry = audit.append(input);
      try {
        opts.onAudit?.(entry);
      } catch (err) {
        logger.warn({ err: (err as Error).message }, 'admin: the audit event hook threw');
      }
      return entry;
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'admin: could not append to the audit log');
      throw new GatewayError('GW_INTERNAL', {
        detail: 'The audit log is not writable.',
        reason: 'audit_failed',
      });
    }
  };

  const syncConfig = (): void => {
    if (control === undefined || history === undefined) return;
    const run = control.running();
    const latest = history.latest();
    if (latest?.digest === run.digest || run.text === undefined) return;
    history.record(
      run.text,
      run.digest,
      latest === undefined ? 'start' : 'file',
      latest === undefined ? 'start' : 'reload',
    );
    if (latest !== undefined) {
      record({
        actor: 'system',
        action: 'config.reload',
        target: 'config',
        outcome: 'success',
        before: latest.digest,
        after: run.digest,
      });
    }
  };
  syncConfig();

  const needControl = (): AdminConfigControl => {
    if (control === undefined)
      throw new GatewayError('GW_NOT_IMPLEMENTED', { detail: 'Config management is not enabled.' });
    return control;
  };
  const needStore = (): CredentialStore => {
    if (credentials === undefined || credentials.kind === 'config') {
      throw new GatewayError('GW_NOT_IMPLEMENTED', {
        detail: 'No writable credential store (credentials.store is none).',
      });
    }
    return credentials;
  };
  const versionOf = (digest: string): number | undefined =>
    history?.list().findLast((v) => v.digest === digest)?.version;

  /** Checks and applies a config text; records the version. Throws a 400 problem on any error. */
  const applyText = async (
    text: string,
    actor: AdminPrincipal,
    reason: string,
  ): Promise<{
    version: ConfigVersion | undefined;
    before: string;
    after: string;
    generation?: number;
    restartRequired: string[];
  }> => {
    const ctl = needControl();
    syncConfig();
    const before = ctl.running();
    const checked = ctl.check(text);
    if (!checked.ok) {
      throw bad('The configuration is invalid; the running configuration is unchanged.', {
        errors: positioned(checked.errors),
      });
    }
    const adminProblems = adminConfigProblems({ ...checked.value.config.admin, host });
    if (adminProblems.length > 0) {
      throw bad('The configuration is invalid; the running configuration is unchanged.', {
        errors: positioned(adminProblems.map((m) => checked.value.locateMessage(m))),
      });
    }
    const digest = configDigest(text);
    const result = await ctl.apply({ loaded: checked.value, digest }, text);
    if (!result.ok) {
      throw bad('The configuration could not be applied; the running configuration is unchanged.', {
        errors: positioned(result.errors),
      });
    }
    const version = history?.record(text, digest, actor.id, reason);
    // The admin listener itself is set up once: these fields take effect at the next start.
    const was = (before.config.admin ?? {}) as Record<string, unknown>;
    const now = (checked.value.config.admin ?? {}) as Record<string, unknown>;
    const restartRequired = RESTART_FIELDS.filter(
      (k) => JSON.stringify(was[k]) !== JSON.stringify(now[k]),
    ).map((k) => `admin.${k}`);
    return { version, before: before.digest, after: digest, generation: result.generation, restartRequired };
  };

  const running = () => needControl().running();
  const runningText = (): string => {
    const t = running().text;
    if (t === undefined) {
      throw bad(
        'The text of the running configuration is not known (its file changed after it was loaded); apply a full configuration first.',
      );
    }
    return t;
  };
  const consumersOf = () => running().config.consumers ?? [];

  const keysOf = async (consumerId: string): Promise<Record<string, unknown>[]> => {
    const now = clock();
    const out: Record<string, unknown>[] = [];
    const c = consumersOf().find((x) => x.id === consumerId);
    for (const k of c?.api_keys ?? []) {
      const rec: ApiKeyRecord = {
        id: k.id,
        consumerId,
        hash: '',
        createdAt: 0,
        expiresAt: k.expires_at ? Date.parse(k.expires_at) : undefined,
        notBefore: k.not_before ? Date.parse(k.not_before) : undefined,
        revokedAt: k.revoked ? 0 : undefined,
      };
      out.push(keyView(rec, 'config', now));
    }
    if (credentials !== undefined && credentials.kind !== 'config') {
      for (const rec of await credentials.list(consumerId)) out.push(keyView(rec, 'store', now));
    }
    return out;
  };

  const routes: Route[] = [];
  const add = (
    method: Route['method'],
    path: string,
    role: AdminRole,
    handle: Route['handle'],
    extra: { action?: string; body?: number } = {},
  ) => {
    routes.push({
      method,
      path: path.split('/').filter(Boolean),
      role,
      handle,
      action: extra.action,
      body: extra.body ?? 0,
    });
  };

  add('GET', '/status', 'viewer', async () => {
    const run = control?.running();
    const base = opts.status?.() ?? {};
    const extra = run ? { config_version: versionOf(run.digest) ?? null, config_digest: run.digest } : {};
    return { status: 200, body: { ...(base as object), ...extra } };
  });
  add('GET', '/config', 'viewer', async () => {
    const run = running();
    syncConfig();
    return {
      status: 200,
      body: {
        digest: run.digest,
        version: versionOf(run.digest) ?? null,
        config: redactConfig(run.config, run.secrets),
      },
    };
  });
  add(
    'POST',
    '/config/validate',
    'admin',
    async (c) => {
      const ctl = needControl();
      const text = utf8(c.body);
      const checked = ctl.check(text);
      if (!checked.ok) {
        throw bad('The configuration is invalid.', { errors: positioned(checked.errors) });
      }
      const adminProblems = adminConfigProblems({ ...checked.value.config.admin, host });
      if (adminProblems.length > 0) {
        throw bad('The configuration is invalid.', {
          errors: positioned(adminProblems.map((m) => checked.value.locateMessage(m))),
        });
      }
      const run = ctl.running();
      const secrets = new Set([...run.secrets, ...checked.value.secrets]);
      return {
        status: 200,
        body: {
          valid: true,
          digest: configDigest(text),
          running_digest: run.digest,
          changes: diffConfig(redactConfig(run.config, secrets), redactConfig(checked.value.config, secrets)),
          security: securityDiff(run.config, checked.value.config),
        },
      };
    },
    { body: MAX_CONFIG_BODY },
  );
  add(
    'POST',
    '/config',
    'admin',
    async (c) => {
      const r = await applyText(utf8(c.body), c.principal, 'apply');
      return {
        status: 200,
        body: {
          version: r.version?.version ?? null,
          digest: r.after,
          previous_digest: r.before,
          generation: r.generation,
          restart_required: r.restartRequired,
        },
        audit: { before: r.before, after: r.after },
      };
    },
    { action: 'config.apply', body: MAX_CONFIG_BODY },
  );
  add('GET', '/config/history', 'viewer', async (c) => {
    needControl();
    syncConfig();
    const list = [...(history?.list() ?? [])].reverse();
    return { status: 200, body: page(list, '/config/history', c.query) };
  });
  add(
    'POST',
    '/config/rollback',
    'admin',
    async (c) => {
      needControl();
      syncConfig();
      if (history === undefined)
        throw new GatewayError('GW_NOT_IMPLEMENTED', { detail: 'No config history.' });
      const b = parseJson(c.body, false);
      let target: (ConfigVersion & { text: string }) | undefined;
      if (b.version !== undefined) {
        if (!Number.isSafeInteger(b.version)) throw bad('version must be an integer');
        target = history.get(b.version as number);
        if (target === undefined) throw notFound(`No config version ${String(b.version)} in the history.`);
      } else {
        target = history.previous();
        if (target === undefined) throw bad('There is no previous config version to roll back to.');
      }
      const r = await applyText(target.text, c.principal, `rollback:v${target.version}`);
      return {
        status: 200,
        body: { version: r.version?.version ?? null, rolled_back_to: target.version, digest: r.after },
        audit: { before: r.before, after: r.after, target: `config:v${target.version}` },
      };
    },
    { action: 'config.rollback', body: MAX_JSON_BODY },
  );
  add('GET', '/consumers', 'viewer', async (c) => {
    const list = consumersOf().map((x) => ({
      id: x.id,
      groups: x.groups ?? [],
      metadata: x.metadata ?? {},
    }));
    return { status: 200, body: page(list, '/consumers', c.query) };
  });
  add('GET', '/consumers/*', 'viewer', async (c) => {
    const id = c.params[0]!;
    const run = running();
    const x = run.config.consumers?.find((k) => k.id === id);
    if (x === undefined) throw notFound(`No consumer "${id}".`);
    return {
      status: 200,
      body: {
        id: x.id,
        groups: x.groups ?? [],
        metadata: x.metadata ?? {},
        policies: redactConfig(x.policies ?? {}, run.secrets),
        keys: await keysOf(id),
      },
    };
  });
  add(
    'PUT',
    '/consumers/*',
    'admin',
    async (c) => {
      const id = c.params[0]!;
      if (!CONSUMER_RE.test(id)) throw bad('Invalid consumer id.');
      const b = parseJson(c.body, true);
      const problem = consumerInputProblem(id, b);
      if (problem) throw bad(problem);
      const { text, created } = upsertConsumerYaml(runningText(), id, b as ConsumerInput);
      const r = await applyText(text, c.principal, `consumer.put:${id}`);
      const x = running().config.consumers?.find((k) => k.id === id);
      return {
        status: created ? 201 : 200,
        body: {
          id,
          groups: x?.groups ?? [],
          metadata: x?.metadata ?? {},
          config_version: r.version?.version ?? null,
        },
        audit: { before: r.before, after: r.after },
      };
    },
    { action: 'consumer.put', body: MAX_JSON_BODY },
  );
  add(
    'DELETE',
    '/consumers/*',
    'admin',
    async (c) => {
      const id = c.params[0]!;
      const text = deleteConsumerYaml(runningText(), id);
      if (text === undefined) throw notFound(`No consumer "${id}".`);
      const r = await applyText(text, c.principal, `consumer.delete:${id}`);
      let revokedKeys = 0;
      if (credentials !== undefined && credentials.kind !== 'config') {
        for (const rec of await credentials.list(id)) {
          if (rec.revokedAt === undefined && (await credentials.revoke(rec.id))) revokedKeys++;
        }
      }
      return {
        status: 204,
        audit: { before: r.before, after: r.after, detail: `${revokedKeys} stored key(s) revoked` },
      };
    },
    { action: 'consumer.delete' },
  );
  add(
    'POST',
    '/consumers/*/keys',
    'operator',
    async (c) => {
      const store = needStore();
      const consumer = c.params[0]!;
      if (!consumersOf().some((x) => x.id === consumer)) throw notFound(`No consumer "${consumer}".`);
      const b = parseJson(c.body, false);
      const prefix = b.prefix ?? DEFAULT_API_KEY_PREFIX;
      if (typeof prefix !== 'string' || !isValidApiKeyPrefix(prefix)) throw bad('Invalid key prefix.');
      if (b.id !== undefined && (typeof b.id !== 'string' || !ID_RE.test(b.id))) throw bad('Invalid key id.');
      let expiresAt: number | undefined;
      if (b.expires_at !== undefined) {
        expiresAt = typeof b.expires_at === 'string' ? Date.parse(b.expires_at) : Number.NaN;
        if (!Number.isFinite(expiresAt) || expiresAt <= clock())
          throw bad('expires_at must be a future RFC 3339 time.');
      }
      const gen = generateApiKey(prefix);
      const id = (b.id as string | undefined) ?? gen.lookupId;
      if ((await store.get(id)) !== undefined) throw bad(`Key id "${id}" is already in use.`);
      const rec: ApiKeyRecord = { id, consumerId: consumer, hash: gen.hash, createdAt: clock(), expiresAt };
      await store.put(rec);
      return {
        status: 201,
        body: { key: gen.key, ...keyView(rec, 'store', clock()) },
        audit: { target: `key:${id}`, after: id, detail: `consumer ${consumer}` },
      };
    },
    { action: 'key.create', body: MAX_JSON_BODY },
  );
  add('GET', '/keys/*', 'viewer', async (c) => {
    const store = needStore();
    const rec = await store.get(c.params[0]!);
    if (rec === undefined) throw notFound(`No stored key "${c.params[0]}".`);
    return { status: 200, body: keyView(rec, 'store', clock()) };
  });
  add(
    'POST',
    '/keys/*/rotate',
    'operator',
    async (c) => {
      const store = needStore();
      const id = c.params[0]!;
      const b = parseJson(c.body, false);
      const grace = b.grace_seconds ?? DEFAULT_GRACE_S;
      if (!Number.isSafeInteger(grace) || (grace as number) < 0 || (grace as number) > 366 * 86_400) {
        throw bad('grace_seconds must be an integer from 0 to 31622400.');
      }
      const old = await store.get(id);
      if (old === undefined)
        throw notFound(`No stored key "${id}" (keys in the config file are rotated there).`);
      const status = apiKeyStatus(old, clock());
      if (status === 'revoked' || status === 'expired')
        throw bad(`Key "${id}" is ${status}; create a new key instead.`);
      const r = await store.rotate(id, (grace as number) * 1000);
      const after = await store.get(id);
      return {
        status: 201,
        body: {
          key: r.key,
          ...keyView(r.record, 'store', clock()),
          rotated: after ? keyView(after, 'store', clock()) : null,
        },
        audit: { before: id, after: r.record.id, detail: `grace ${String(grace)} s` },
      };
    },
    { action: 'key.rotate', body: MAX_JSON_BODY },
  );
  add(
    'DELETE',
    '/keys/*',
    'operator',
    async (c) => {
      const store = needStore();
      const id = c.params[0]!;
      if (!(await store.revoke(id, clock()))) throw notFound(`No stored key "${id}".`);
      return { status: 204, audit: { before: id } };
    },
    { action: 'key.revoke' },
  );
  add('GET', '/upstreams', 'viewer', async (c) => {
    if (opts.upstreams === undefined) throw new GatewayError('GW_NOT_IMPLEMENTED', { detail: 'Not wired.' });
    return { status: 200, body: page(opts.upstreams(), '/upstreams', c.query) };
  });
  add('GET', '/events', 'viewer', async (c) => {
    if (opts.recentEvents === undefined)
      throw new GatewayError('GW_NOT_IMPLEMENTED', { detail: 'Not wired.' });
    const { size } = parsePage(c.query);
    const sinceRaw = c.query.get('since');
    const since = sinceRaw === null ? undefined : Date.parse(sinceRaw);
    if (since !== undefined && !Number.isFinite(since)) throw bad('?since must be an RFC 3339 time');
    const events = await opts.recentEvents({
      type: c.query.get('type') ?? undefined,
      category: c.query.get('category') ?? undefined,
      since,
      limit: size,
    });
    return { status: 200, body: { data: events.slice(0, size), next: null } };
  });
  add('GET', '/bans', 'viewer', async (c) => {
    if (opts.bans === undefined) throw new GatewayError('GW_NOT_IMPLEMENTED', { detail: 'Not wired.' });
    return { status: 200, body: page(await opts.bans.list(), '/bans', c.query) };
  });
  add(
    'DELETE',
    '/bans/*',
    'operator',
    async (c) => {
      if (opts.bans === undefined) throw new GatewayError('GW_NOT_IMPLEMENTED', { detail: 'Not wired.' });
      if (!(await opts.bans.lift(c.params[0]!))) throw notFound('No such ban.');
      return { status: 204 };
    },
    { action: 'ban.lift' },
  );
  add('GET', '/quotas', 'viewer', async (c) => {
    if (opts.quotas === undefined) throw new GatewayError('GW_NOT_IMPLEMENTED', { detail: 'Not wired.' });
    const rows = await opts.quotas.list({ consumer: c.query.get('consumer') ?? undefined });
    return { status: 200, body: page(rows, '/quotas', c.query) };
  });
  add('GET', '/shadow-apis', 'viewer', async (c) => {
    if (opts.shadowApis === undefined) throw new GatewayError('GW_NOT_IMPLEMENTED', { detail: 'Not wired.' });
    return { status: 200, body: page(await opts.shadowApis(), '/shadow-apis', c.query) };
  });
  add('GET', '/audit', 'viewer', async (c) => {
    if (audit === undefined) throw new GatewayError('GW_NOT_IMPLEMENTED', { detail: 'No audit log.' });
    const ocsf = c.query.get('format') === 'ocsf';
    const list = audit.recent().map((e) => (ocsf ? toOcsf(e) : e));
    return { status: 200, body: { ...page(list, '/audit', c.query), head: audit.head() } };
  });
  add('GET', '/tokens', 'admin', async (c) => {
    const list = currentAccess()
      .list()
      .map((t) => ({ ...t, revoked: false }));
    for (const id of revoked) list.push({ id, role: 'viewer', source: 'config', revoked: true });
    return { status: 200, body: page(list, '/tokens', c.query) };
  });
  add(
    'DELETE',
    '/tokens/*',
    'admin',
    async (c) => {
      const id = c.params[0]!;
      const known = currentAccess()
        .list()
        .some((t) => t.id === id);
      if (!known) throw notFound(`No active admin token "${id}".`);
      revoked.add(id);
      if (revokedFile !== undefined) {
        writeFileSync(`${revokedFile}.tmp`, `${JSON.stringify([...revoked])}\n`, { mode: 0o600 });
        renameSync(`${revokedFile}.tmp`, revokedFile);
      }
      access = compileAdminAccess(settings(), { generated, revoked });
      accessFor = control?.running().config.admin;
      return { status: 204 };
    },
    { action: 'token.revoke' },
  );

  /** The routes whose path matches, and the parameters of the first. */
  const match = (segs: string[]): { hits: Route[]; params: string[] } => {
    const hits: Route[] = [];
    let params: string[] = [];
    for (const r of routes) {
      if (r.path.length !== segs.length) continue;
      const p: string[] = [];
      let ok = true;
      for (let i = 0; i < segs.length; i++) {
        if (r.path[i] === '*') p.push(segs[i]!);
        else if (r.path[i] !== segs[i]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (hits.length === 0) params = p;
      hits.push(r);
    }
    return { hits, params };
  };

  function internal(
    res: ServerResponse,
    head: boolean,
    err: unknown,
    what: string,
    requestId?: string,
  ): void {
    logger.error({ error: err, gatehouse: { admin: what } }, `admin ${what} failed`);
    sendProblem(
      res,
      new GatewayError('GW_INTERNAL', { cause: err, reason: 'admin_internal' }),
      head,
      false,
      requestId,
    );
  }

  /** The dashboard's check for `/stats`: allowlist, token and role, as for the API. */
  const dashboardCtx =
    opts.dashboard === undefined
      ? undefined
      : {
          stats: opts.dashboard.stats,
          logger,
          authorize: (req: IncomingMessage, role: AdminRole): boolean => {
            if (!clientCertOk(req)) return false;
            const a = currentAccess();
            const ip = clientIp(req);
            if (!a.allowed(ip)) return false;
            const p = login(req, ip);
            return typeof p === 'object' && roleAllows(p.role, role);
          },
        };

  let configLock: Promise<void> = Promise.resolve();

  const unauthorized = () =>
    new GatewayError('GW_UNAUTHORIZED', {
      headers: { 'www-authenticate': 'Bearer realm="gatehouse-admin"' },
      reason: 'admin_unauthorized',
    });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const method = req.method ?? 'GET';
    const head = method === 'HEAD';
    const cl = req.headers['content-length'];
    const hasBody = (cl !== undefined && cl !== '0') || req.headers['transfer-encoding'] !== undefined;
    const requestId = randomUUID();
    const ip = clientIp(req);

    if (path === '/healthz' || path === '/readyz' || path === '/metrics') {
      if (method !== 'GET' && !head) {
        sendProblem(
          res,
          new GatewayError('GW_METHOD_NOT_ALLOWED', { headers: { allow: 'GET, HEAD' } }),
          false,
          hasBody,
        );
        return;
      }
      if (hasBody) {
        const err = new GatewayError('GW_PAYLOAD_TOO_LARGE', { detail: 'This endpoint takes no body.' });
        sendProblem(res, err, head, true);
        return;
      }
      if (path === '/healthz') {
        send(res, 200, JSON_TYPE, HEALTH_BODY, head);
        return;
      }
      if (path === '/readyz') {
        let ok = false;
        try {
          ok = opts.ready() === true;
        } catch (err) {
          logger.error({ error: err }, 'admin readiness check threw');
        }
        if (ok) send(res, 200, JSON_TYPE, READY_BODY, head);
        else {
          const err = new GatewayError('GW_OVERLOADED', {
            detail: 'The gateway is not ready to take traffic.',
            reason: 'not_ready',
          });
          sendProblem(res, err, head, false);
        }
        return;
      }
      if (metricsAuth()) {
        const a = currentAccess();
        if (!a.allowed(ip) || !clientCertOk(req)) {
          sendProblem(
            res,
            new GatewayError('GW_IP_DENIED', { reason: 'admin_ip_denied' }),
            head,
            false,
            requestId,
          );
          return;
        }
        const p = login(req, ip);
        if (typeof p === 'number') {
          sendProblem(res, lockedOut(p), head, false, requestId);
          return;
        }
        if (p === undefined) {
          sendProblem(res, unauthorized(), head, false, requestId);
          return;
        }
      }
      let out: { contentType: string; body: string };
      try {
        out = await opts.metrics();
      } catch (err) {
        internal(res, head, err, 'metrics');
        return;
      }
      send(res, 200, out.contentType, out.body, head);
      return;
    }

    if (dashboardCtx !== undefined && handleDashboard(req, res, dashboardCtx)) return;

    let segs: string[];
    try {
      segs = path.slice(1).split('/').map(decodeURIComponent);
    } catch {
      sendProblem(res, bad('Malformed path.'), head, hasBody, requestId);
      return;
    }
    const { hits, params } = match(segs);
    if (hits.length === 0) {
      sendProblem(res, notFound('No admin endpoint at this path.'), head, hasBody, requestId);
      return;
    }
    const route = hits.find((r) => r.method === method || (head && r.method === 'GET'));
    if (route === undefined) {
      const allow = [
        ...new Set(hits.flatMap((r) => (r.method === 'GET' ? ['GET', 'HEAD'] : [r.method]))),
      ].join(', ');
      sendProblem(
        res,
        new GatewayError('GW_METHOD_NOT_ALLOWED', { headers: { allow } }),
        head,
        hasBody,
        requestId,
      );
      return;
    }
    if (!clientCertOk(req)) {
      const err = new GatewayError('GW_FORBIDDEN', {
        detail: 'A client certificate signed by an admin.tls.client_auth CA is required.',
        reason: 'admin_client_cert',
      });
      sendProblem(res, err, head, hasBody, requestId);
      return;
    }
    const a = currentAccess();
    if (!a.allowed(ip)) {
      logger.warn(
        { 'client.ip': ip, 'http.request.id': requestId, 'event.reason': 'admin_ip_denied' },
        'admin request from a non-allowed address',
      );
      sendProblem(
        res,
        new GatewayError('GW_IP_DENIED', { reason: 'admin_ip_denied' }),
        head,
        hasBody,
        requestId,
      );
      return;
    }
    const principal = login(req, ip);
    if (typeof principal === 'number') {
      sendProblem(res, lockedOut(principal), head, hasBody, requestId);
      return;
    }
    if (principal === undefined) {
      logger.warn(
        {
          'client.ip': ip,
          'http.request.id': requestId,
          'event.reason': req.headers.authorization ? 'admin_bad_token' : 'admin_no_token',
        },
        'admin request without a valid token',
      );
      sendProblem(res, unauthorized(), head, hasBody, requestId);
      return;
    }
    const target = route.action
      ? `${route.action.split('.')[0]}${params[0] === undefined ? '' : `:${params[0]}`}`
      : path;
    const base: AuditInput = {
      actor: principal.id,
      role: principal.role,
      action: route.action ?? `${method.toLowerCase()} ${route.path.join('/')}`,
      target,
      outcome: 'denied',
      sourceIp: ip,
      requestId,
    };
    if (!roleAllows(principal.role, route.role)) {
      record({ ...base, status: 403, detail: `needs role ${route.role}` });
      const err = new GatewayError('GW_FORBIDDEN', {
        detail: `This action needs the ${route.role} role.`,
        reason: 'admin_role',
      });
      sendProblem(res, err, head, hasBody, requestId);
      return;
    }
    let body: Buffer | undefined;
    if (hasBody) {
      if (route.body === 0) {
        const err = new GatewayError('GW_PAYLOAD_TOO_LARGE', { detail: 'This endpoint takes no body.' });
        sendProblem(res, err, head, true, requestId);
        return;
      }
      try {
        body = await readBody(req, route.body);
      } catch (err) {
        sendProblem(
          res,
          err instanceof GatewayError ? err : bad('Could not read the body.'),
          head,
          true,
          requestId,
        );
        return;
      }
    }
    if (route.method !== 'GET') syncConfig();
    let reply: Reply;
    try {
      const run = () =>
        route.handle({
          req,
          params,
          query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)),
          principal,
          requestId,
          ip,
          body,
        });
      // Config changes run one at a time: each reads the running text and must see the previous one's result.
      if (route.action?.startsWith('config.') || route.action?.startsWith('consumer.')) {
        const turn = configLock.then(run);
        configLock = turn.then(
          () => undefined,
          () => undefined,
        );
        reply = await turn;
      } else reply = await run();
    } catch (err) {
      const ge = err instanceof GatewayError ? err : undefined;
      if (route.action) {
        try {
          record({ ...base, outcome: 'failure', status: ge?.status ?? 500, detail: ge?.detail });
        } catch {
          // Reported below as the action's own failure.
        }
      }
      if (ge) sendProblem(res, ge, head, false, requestId);
      else internal(res, head, err, route.action ?? 'request', requestId);
      return;
    }
    if (route.action) {
      try {
        record({ ...base, ...reply.audit, outcome: 'success', status: reply.status });
      } catch (err) {
        sendProblem(res, err as GatewayError, head, false, requestId);
        return;
      }
      logger.info(
        {
          gatehouse: {
            admin: { action: route.action, actor: principal.id, target: reply.audit?.target ?? target },
          },
        },
        'admin action',
      );
    }
    if (reply.status === 204) {
      if (!res.headersSent) {
        res.writeHead(204, { 'cache-control': 'no-store', 'x-request-id': requestId });
        res.end();
      }
      return;
    }
    send(res, reply.status, JSON_TYPE, JSON.stringify(reply.body ?? null), head, {
      'x-request-id': requestId,
    });
  }

  const httpOptions = {
    headersTimeout,
    requestTimeout: Math.max(headersTimeout * 2, 30_000),
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersTimeout / 4))),
    keepAliveTimeout: 5000,
    maxHeaderSize: MAX_HEADER_BYTES,
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => internal(res, req.method === 'HEAD', err, 'request'));
  };
  const server =
    certs === undefined
      ? createServer(httpOptions, onRequest)
      : createHttpsServer(
          {
            ...httpOptions,
            ...certs.baseOptions(),
            ...certs.defaultMaterial,
            ...certs.clientAuthOptions(),
            SNICallback: (name, cb) => cb(null, certs.select(name)),
          },
          onRequest,
        );
  server.maxConnections = maxConnections;
  server.maxRequestsPerSocket = 1000;

  // Certificates replaced on disk reach new handshakes without a restart, as on the proxy listeners.
  let certTimer: NodeJS.Timeout | undefined;
  if (certs !== undefined && server instanceof HttpsServer) {
    certs.onChange((material) =>
      server.setSecureContext({ ...certs.baseOptions(), ...material, ...certs.clientAuthOptions() }),
    );
  }
  const startCertTimer = () => {
    if (certs === undefined || tls === undefined || tls.reload_interval_ms <= 0) return;
    certTimer = setInterval(() => {
      if (!certs.changedOnDisk()) return;
      try {
        certs.reload();
        logger.info(
          { gatehouse: { admin: { tls: 'reloaded' } } },
          'admin TLS certificates reloaded from disk',
        );
      } catch (err) {
        logger.error(
          { err: (err as Error).message },
          'admin TLS certificate reload failed; keeping the old ones',
        );
      }
    }, tls.reload_interval_ms);
    certTimer.unref();
  };

  let listening = false;

  return {
    audit,
    syncConfig,
    listen() {
      if (listening) return Promise.reject(new Error('admin server is already listening'));
      return new Promise((resolveListen, reject) => {
        const onError = (err: Error) => reject(err);
        server.once('error', onError);
        server.listen(opts.port, host, () => {
          server.off('error', onError);
          server.on('error', (err) => logger.error({ error: err }, 'admin listener error'));
          listening = true;
          startCertTimer();
          const port = (server.address() as AddressInfo).port;
          logger.info(
            {
              gatehouse: {
                admin: { host, port, loopback: isLoopbackHost(host), tokens: currentAccess().configured },
              },
            },
            'admin listener started',
          );
          resolveListen({ port });
        });
      });
    },
    close() {
      if (!listening) return Promise.resolve();
      listening = false;
      if (certTimer !== undefined) clearInterval(certTimer);
      certTimer = undefined;
      return new Promise((resolveClose) => {
        const force = setTimeout(() => server.closeAllConnections(), 1000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolveClose();
        });
        server.closeIdleConnections();
      });
    },
  };
}
