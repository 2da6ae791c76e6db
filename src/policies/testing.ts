/**
 * Test helpers for policies: fake request/response contexts with sensible defaults, fake deps,
 * schema-default application (the same Ajv options the config loader uses) and a fixture suite.
 * Only test files import this module.
 *
 * @example
 * const instance = instantiate(policy, { max_bytes: 10 });
 * const ctx = fakeRequestContext({ method: 'POST', headers: { 'content-length': '11' } });
 * const outcome = await runRequest(instance, ctx);
 * assert.equal(outcome.error?.code, 'GW_PAYLOAD_TOO_LARGE');
 */
import { readdirSync, readFileSync } from 'node:fs';
import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { test } from 'node:test';
import type { Static, TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject } from 'ajv';
import { pino } from 'pino';
import { parse as parseYaml } from 'yaml';
import { GatewayError } from '../errors/gateway-error.ts';
import type {
  HeaderMap,
  LocalReply,
  PolicyDecision,
  PolicyDefinition,
  PolicyDeps,
  PolicyInstance,
  RequestContext,
  ResponseContext,
  RouteInfo,
} from '../pipeline/types.ts';

/** Everything a fake request may override; all fields are optional. */
export interface FakeRequestInit {
  id?: string;
  method?: string;
  /** Path without the query (default `/`). */
  path?: string;
  /** Raw query without `?` (default ''). */
  query?: string;
  /** Default `gateway.test`. Also used as the `host` header unless `headers.host` is given. */
  host?: string;
  /** Header names in any case; they are lower-cased like Node does. */
  headers?: Record<string, string | string[] | undefined>;
  clientIp?: string;
  peerIp?: string;
  secure?: boolean;
  route?: Partial<RouteInfo>;
  params?: Record<string, string>;
  /** Default: a copy of the incoming headers (minus undefined values). */
  upstreamHeaders?: Record<string, string | string[]>;
  /** Default: `path` plus `?query` when the query is not empty. */
  upstreamPath?: string;
  state?: Record<string, unknown>;
  signal?: AbortSignal;
  consumer?: { id: string; groups: readonly string[] };
  /** Default 10 MiB (a typical listener limit). */
  maxBodyBytes?: number;
  /** A verified mTLS client certificate (default none). */
  clientCertificate?: import('../identity/types.ts').ClientCertificate;
  /** Body the fake `req` stream yields (default: ends immediately). */
  body?: string | Buffer;
}

/** Extra fields for a response-phase context. */
export interface FakeResponseInit {
  status?: number;
  responseHeaders?: Record<string, string | string[]>;
  local?: boolean;
}

/** Default listener body limit used by fake contexts. */
export const FAKE_LISTENER_MAX_BODY = 10 * 1024 * 1024;

function lowerHeaders(input: Record<string, string | string[] | undefined>): HeaderMap {
  const out: HeaderMap = {};
  for (const [k, v] of Object.entries(input)) out[k.toLowerCase()] = v;
  return out;
}

function fakeReq(
  method: string,
  url: string,
  headers: HeaderMap,
  body: string | Buffer | undefined,
): IncomingMessage {
  const req = new IncomingMessage(new Socket());
  req.method = method;
  req.url = url;
  req.httpVersion = '1.1';
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  req.headers = headers as IncomingMessage['headers'];
  const raw: string[] = [];
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) raw.push(k, one);
  }
  req.rawHeaders = raw;
  if (body !== undefined && body.length > 0) req.push(body);
  req.push(null);
  return req;
}

/**
 * Builds a complete, typed {@link RequestContext} for unit tests.
 *
 * @example
 * const ctx = fakeRequestContext({ method: 'OPTIONS', headers: { Origin: 'https://app.test' } });
 */
export function fakeRequestContext(init: FakeRequestInit = {}): RequestContext {
  const method = init.method ?? 'GET';
  const path = init.path ?? '/';
  const query = init.query ?? '';
  const host = init.host ?? 'gateway.test';
  const headers = lowerHeaders({ host, ...(init.headers ?? {}) });
  const upstreamHeaders: Record<string, string | string[]> = {};
  if (init.upstreamHeaders !== undefined) {
    Object.assign(upstreamHeaders, init.upstreamHeaders);
  } else {
    for (const [k, v] of Object.entries(headers)) if (v !== undefined) upstreamHeaders[k] = v;
  }
  const target = query === '' ? path : `${path}?${query}`;
  return {
    id: init.id ?? 'test-request-id',
    req: fakeReq(method, target, headers, init.body),
    method,
    path,
    query,
    host,
    clientIp: init.clientIp ?? '203.0.113.10',
    peerIp: init.peerIp ?? init.clientIp ?? '203.0.113.10',
    secure: init.secure ?? false,
    headers,
    route: Object.freeze({
      name: init.route?.name ?? 'test-route',
      service: init.route?.service ?? 'test-service',
      upstream: init.route?.upstream ?? 'test-upstream',
    }),
    params: Object.freeze({ ...(init.params ?? {}) }),
    upstreamHeaders,
    upstreamPath: init.upstreamPath ?? target,
    start: performance.now(),
    state: init.state ?? {},
    decisions: [] as PolicyDecision[],
    signal: init.signal ?? new AbortController().signal,
    consumer: init.consumer,
    maxBodyBytes: init.maxBodyBytes ?? FAKE_LISTENER_MAX_BODY,
    auth: { successes: [], failures: [], clientCertificate: init.clientCertificate },
  };
}

/**
 * Moves a request context into the response phase (same object, like the pipeline does).
 * Defaults: status 200, no response headers, `local: false`.
 */
export function toResponseContext(ctx: RequestContext, init: FakeResponseInit = {}): ResponseContext {
  const res = ctx as ResponseContext;
  Object.defineProperty(res, 'local', { value: init.local ?? false, enumerable: true, configurable: true });
  res.status = init.status ?? 200;
  res.responseHeaders = { ...(init.responseHeaders ?? {}) };
  return res;
}

/** Builds a complete, typed {@link ResponseContext} for unit tests. */
export function fakeResponseContext(init: FakeRequestInit & FakeResponseInit = {}): ResponseContext {
  return toResponseContext(fakeRequestContext(init), init);
}

/** A recorded `deps.event(...)` call. */
export interface RecordedEvent {
  type: string;
  fields: Record<string, unknown>;
}

/** {@link PolicyDeps} that records events and logs nowhere. */
export interface FakeDeps extends PolicyDeps {
  readonly events: RecordedEvent[];
}

/** Fake policy deps: a silent pino logger and an in-memory event list. */
export function fakeDeps(scope = 'test@route:test-route'): FakeDeps {
  const events: RecordedEvent[] = [];
  return {
    logger: pino({ level: 'silent' }),
    scope,
    mode: 'enforce',
    event: (type, fields) => {
      events.push({ type, fields });
    },
    events,
  };
}

const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false });

/** Formats Ajv errors as `pointer message` lines. */
export function formatAjvErrors(errors: readonly ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .map((e) => {
      const extra = (e.params as { additionalProperty?: string }).additionalProperty;
      return `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${extra === undefined ? '' : ` (${extra})`}`;
    })
    .join('; ');
}

/** Result of validating one config value against a schema. */
export interface SchemaCheck<T> {
  valid: boolean;
  /** The input with defaults applied (a deep copy of what was passed). */
  value: T;
  errors: string;
}

/** Validates `input` (deep-copied) against `schema` with Ajv 8 (allErrors, useDefaults, strict:false). */
export function checkSchema<S extends TSchema>(schema: S, input: unknown): SchemaCheck<Static<S>> {
  const validate = ajv.compile(schema);
  const value = structuredClone(input ?? {});
  const valid = validate(value);
  return { valid, value: value as Static<S>, errors: valid ? '' : formatAjvErrors(validate.errors) };
}

/** Applies schema defaults to `input` and validates it; throws TypeError with every error. */
export function applyDefaults<S extends TSchema>(def: PolicyDefinition<S>, input: unknown = {}): Static<S> {
  const check = checkSchema(def.schema, input);
  if (!check.valid) throw new TypeError(`${def.name}: invalid config: ${check.errors}`);
  return deepFreeze(check.value);
}

/** Freezes a value and everything reachable from it (the config loader hands policies frozen config). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * Validates `input` (defaults applied) and creates the policy instance, as a config load would.
 *
 * @example
 * const instance = instantiate(policy, { allow: ['10.0.0.0/8'] });
 */
export function instantiate<S extends TSchema>(
  def: PolicyDefinition<S>,
  input: unknown = {},
  deps: PolicyDeps = fakeDeps(`${def.name}@route:test-route`),
): PolicyInstance {
  return def.create(applyDefaults(def, input), deps);
}

/** What a request-phase hook did. */
export interface RequestOutcome {
  reply: LocalReply | undefined;
  error: GatewayError | undefined;
}

/** Runs `onRequest` (if any), capturing a returned LocalReply or a thrown GatewayError. */
export async function runRequest(instance: PolicyInstance, ctx: RequestContext): Promise<RequestOutcome> {
  try {
    const result = await instance.onRequest?.(ctx);
    return { reply: result ?? undefined, error: undefined };
  } catch (err) {
    if (err instanceof GatewayError) return { reply: undefined, error: err };
    throw err;
  }
}

/** Runs `onResponse` (if any). */
export async function runResponse(instance: PolicyInstance, ctx: ResponseContext): Promise<void> {
  await instance.onResponse?.(ctx);
}

/** A fixture file loaded from a policy's `fixtures/` folder. */
export interface SchemaFixture {
  file: string;
  expectValid: boolean;
  data: unknown;
}

/** Loads `valid-*.yaml` and `invalid-*.yaml` from `dir` (sorted by name). */
export function loadFixtures(dir: URL): SchemaFixture[] {
  return readdirSync(dir)
    .filter((f) => /^(?:in)?valid-.*\.ya?ml$/.test(f))
    .sort()
    .map((file) => ({
      file,
      expectValid: file.startsWith('valid-'),
      data: parseYaml(readFileSync(new URL(file, dir), 'utf8')) ?? {},
    }));
}

/**
 * Registers node:test cases checking every fixture in `dir` against the policy schema: valid
 * fixtures must pass (and, with defaults applied, be accepted by `create`), invalid ones must fail.
 * Also checks that every schema property has a description.
 */
export function schemaFixtureSuite<S extends TSchema>(def: PolicyDefinition<S>, dir: URL): void {
  const fixtures = loadFixtures(dir);
  test(`${def.name}: has valid and invalid fixtures`, () => {
    if (!fixtures.some((f) => f.expectValid) || !fixtures.some((f) => !f.expectValid)) {
      throw new Error(`expected valid-*.yaml and invalid-*.yaml fixtures in ${dir.pathname}`);
    }
  });
  for (const fixture of fixtures) {
    test(`${def.name}: fixture ${fixture.file} is ${fixture.expectValid ? 'valid' : 'invalid'}`, () => {
      const check = checkSchema(def.schema, fixture.data);
      if (check.valid !== fixture.expectValid) {
        throw new Error(
          `${fixture.file}: expected ${fixture.expectValid ? 'valid' : 'invalid'}, got ${check.valid ? 'valid' : check.errors}`,
        );
      }
      if (check.valid) def.create(deepFreeze(check.value), fakeDeps());
    });
  }
  test(`${def.name}: every schema property has a description and required ones a default`, () => {
    const missing: string[] = [];
    walkSchema(def.schema as unknown as Record<string, unknown>, '', missing);
    if (missing.length > 0) throw new Error(missing.join('; '));
    if ((def.schema as { additionalProperties?: unknown }).additionalProperties !== false) {
      throw new Error('top-level schema must set additionalProperties: false');
    }
  });
}

function walkSchema(schema: Record<string, unknown>, pointer: string, missing: string[]): void {
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (props === undefined) return;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  for (const [key, sub] of Object.entries(props)) {
    const at = `${pointer}/${key}`;
    if (typeof sub.description !== 'string' || sub.description === '')
      missing.push(`${at} has no description`);
    if (required.has(key) && !('default' in sub)) missing.push(`${at} is required but has no default`);
    walkSchema(sub, at, missing);
  }
}
