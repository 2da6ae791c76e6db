import { GatewayError } from '../../errors/gateway-error.ts';
import { authFailure, authzDenied } from '../../identity/errors.ts';
import { repeatsKey } from '../../lib/json-duplicate-keys.ts';
import {
  type CompiledApi,
  type CompiledMedia,
  type CompiledOperation,
  compileSpecCached,
  mediaTypeOf,
  pickMedia,
  safeSegment,
  type ValidationIssue,
} from '../../openapi/compile.ts';
import { recordShadow } from '../../openapi/inventory.ts';
import { checkResponseHead, filterResponseBody, responseMediaFor } from '../../openapi/response.ts';
import { validateBody, validateParams } from '../../openapi/validate.ts';
import { requestMayHaveBody } from '../../pipeline/body.ts';
import {
  definePolicy,
  type HookResult,
  type PolicyDeps,
  type PolicyInstance,
  type RequestContext,
  type ResponseContext,
} from '../../pipeline/types.ts';
import { authenticatedSuccesses } from '../auth-requirement/results.ts';
import { BUFFERED_BODY_KEY, readBodyPrefix } from '../waf/body.ts';
import { compileMultipart, type MultipartMedia, validateMultipart } from './multipart.ts';
import { type OpenApiConfig, OpenApiSchema } from './schema.ts';

const NAME = 'openapi';

/** `ctx.state` key under which the request phase leaves the matched operation for the response phase. */
export const OPERATION_STATE_KEY = 'openapi';

/**
 * `ctx.state` key of a {@link ResponseBodyFilter} installed by a response hook. The proxy (src/pipeline/proxy.ts)
 * and local replies (src/pipeline/respond.ts) would buffer the response body up to `maxBytes`, call `apply`
 * and send what it returns (or the GatewayError it throws) instead of streaming the body through.
 */
export const RESPONSE_BODY_FILTER_KEY = 'responseBodyFilter';

/** A response body transformation requested by a response-phase hook (see {@link RESPONSE_BODY_FILTER_KEY}). */
export interface ResponseBodyFilter {
  /** Largest body buffered; a larger body is passed on (`onOversize: 'pass'`) or refused with 502. */
  readonly maxBytes: number;
  readonly onOversize: 'pass' | 'error';
  /** Returns the body to send (Content-Length recomputed) or throws a GatewayError (answered instead). */
  apply(body: Buffer): Buffer;
}

interface OperationState {
  readonly op: CompiledOperation;
}

/**
 * Deepest JSON nesting the response allowlist filters (src/openapi/strip.ts stops descending below it): with
 * the allowlist on, deeper response bodies are refused rather than passed through partly unfiltered.
 */
const ALLOWLIST_MAX_DEPTH = 64;

function invalidRequest(issues: readonly ValidationIssue[]): GatewayError {
  return new GatewayError('GW_BAD_REQUEST', {
    reason: 'openapi:invalid_request',
    detail: `The request does not match the API specification (${issues.length} issue${issues.length === 1 ? '' : 's'}; see errors).`,
    extensions: { errors: issues.map((i) => ({ pointer: i.pointer, keyword: i.keyword })) },
  });
}

const hasBody = requestMayHaveBody;

/** Per-instance runtime, built once by `create()`. */
interface Runtime {
  readonly api: CompiledApi;
  readonly config: OpenApiConfig;
  readonly deps: PolicyDeps;
  /** Per operation (with `enforce_scopes`): the scopes required and the RFC 6750 challenge. */
  readonly scopes: ReadonlyMap<
    CompiledOperation,
    { readonly required: readonly string[]; readonly challenge: string }
  >;
  /** True when responses are validated or filtered (the response hook is installed). */
  readonly responses: boolean;
  /** Per operation: its `multipart/form-data` request body (declared with a schema), compiled. */
  readonly multipart: ReadonlyMap<CompiledOperation, MultipartMedia>;
}

function checkScopes(rt: Runtime, ctx: RequestContext, op: CompiledOperation): void {
  const need = rt.scopes.get(op);
  if (need === undefined) return;
  const successes = authenticatedSuccesses(ctx);
  if (successes.length === 0) throw authFailure(ctx, rt.deps, NAME, 'unauthenticated', { missing: true });
  const have = new Set<string>();
  for (const s of successes) for (const scope of s.scopes) have.add(scope);
  for (const s of need.required) {
    if (!have.has(s))
      throw authzDenied(ctx, rt.deps, NAME, 'insufficient_scope', { 'www-authenticate': need.challenge });
  }
}

function report(
  rt: Runtime,
  ctx: RequestContext,
  type: string,
  reason: string,
  extra: Record<string, unknown>,
): void {
  rt.deps.event(type, {
    'event.reason': reason,
    'gatehouse.policy': NAME,
    'client.ip': ctx.clientIp,
    'http.request.id': ctx.id,
    'gatehouse.route': ctx.route.name,
    ...(ctx.consumer ? { 'gatehouse.consumer.id': ctx.consumer.id } : {}),
    ...extra,
  });
}

function fail(rt: Runtime, ctx: RequestContext, op: CompiledOperation, issues: ValidationIssue[]): never {
  report(rt, ctx, 'openapi_request_invalid', 'invalid_request', {
    'gatehouse.openapi.operation': op.operationId ?? `${op.method} ${op.template}`,
    'gatehouse.openapi.errors': issues,
    decision: rt.deps.mode === 'enforce' ? 'deny' : 'would-deny',
  });
  throw invalidRequest(issues);
}

function onRequest(rt: Runtime, ctx: RequestContext): HookResult | Promise<HookResult> {
  const { api, config, deps } = rt;
  const m = api.match(ctx.method, ctx.path);
  if (m.kind === 'no-path') {
    recordShadow(deps.scope, 'path', ctx.method, ctx.path);
    if (!config.strict) return undefined;
    throw new GatewayError('GW_NOT_FOUND', {
      reason: 'openapi:unknown_operation',
      detail: 'The API specification declares no such path.',
    });
  }
  if (m.kind === 'no-method') {
    recordShadow(deps.scope, 'method', ctx.method, m.template);
    if (!config.strict) return undefined;
    throw new GatewayError('GW_METHOD_NOT_ALLOWED', {
      reason: 'openapi:unknown_operation',
      detail: 'The API specification declares no such method for this path.',
      headers: { allow: m.allow.join(', ') },
    });
  }
  const op = m.op;
  ctx.state[OPERATION_STATE_KEY] = { op } satisfies OperationState;
  // Responses are checked on their bytes: ask the upstream not to compress them (a client's
  // `Accept-Encoding: gzip` would otherwise turn the allowlist and validation off).
  if (rt.responses) ctx.upstreamHeaders['accept-encoding'] = 'identity';
  if (rt.scopes.size > 0) checkScopes(rt, ctx, op);
  const params = validateParams(op, m.segments, ctx.query, ctx.headers);
  const issues = params.issues;
  for (const name of params.unknownQuery) {
    recordShadow(deps.scope, 'query-param', ctx.method, op.template, name);
    if (config.reject_unknown_query_params) issues.push({ pointer: `/query/${name}`, keyword: 'undeclared' });
  }
  if (!config.validate_request_body) {
    if (issues.length > 0) fail(rt, ctx, op, issues);
    return undefined;
  }
  const withBody = hasBody(ctx);
  const mt = mediaTypeOf(ctx.headers['content-type']);
  if (!withBody) {
    const r = validateBody(op, mt, undefined);
    if (r.kind === 'invalid') issues.push(...r.issues);
    if (issues.length > 0) fail(rt, ctx, op, issues);
    return undefined;
  }
  const media = op.body === undefined ? undefined : pickMedia(op.body.media, mt);
  if (media === undefined) {
    report(rt, ctx, 'openapi_request_invalid', 'unsupported_media_type', {
      'gatehouse.openapi.operation': op.operationId ?? `${op.method} ${op.template}`,
    });
    throw new GatewayError('GW_UNSUPPORTED_MEDIA_TYPE', {
      reason: 'openapi:unsupported_media_type',
      detail:
        op.body === undefined
          ? 'This operation takes no request body.'
          : `Accepted content types: ${op.body.media.map((x) => x.range).join(', ')}.`,
    });
  }
  if (issues.length > 0) fail(rt, ctx, op, issues);
  if (media.range === 'multipart/form-data') {
    const multipart = rt.multipart.get(op);
    if (multipart !== undefined) return readAndValidateMultipart(rt, ctx, op, mt, multipart);
  }
  if (media.validate === undefined) return undefined;
  return readAndValidate(rt, ctx, op, mt, media.kind === 'json');
}

/**
 * Reads the request body up to `max_body_bytes` (413 beyond, declared or streamed) and hands it back to the
 * proxy through `ctx.state[BUFFERED_BODY_KEY]`; reuses a body an earlier policy buffered.
 */
async function readBody(rt: Runtime, ctx: RequestContext): Promise<Buffer> {
  const limit = rt.config.max_body_bytes;
  const tooLarge = () =>
    new GatewayError('GW_PAYLOAD_TOO_LARGE', {
      reason: 'openapi:body_too_large',
      detail: `Request bodies are validated up to ${limit} bytes.`,
    });
  const cl = ctx.headers['content-length'];
  if (typeof cl === 'string' && /^[0-9]+$/.test(cl) && Number(cl) > limit) throw tooLarge();
  const earlier = ctx.state[BUFFERED_BODY_KEY];
  if (Buffer.isBuffer(earlier)) {
    if (earlier.length > limit) throw tooLarge();
    return earlier;
  }
  // Answer `Expect: 100-continue` before waiting for a body nobody read yet.
  if (earlier === undefined) ctx.sendContinue?.();
  const source = earlier === undefined ? ctx.req : (earlier as AsyncIterable<Buffer>);
  const prefix = await readBodyPrefix(source as typeof ctx.req, limit, ctx.maxBodyBytes);
  ctx.state[BUFFERED_BODY_KEY] = prefix.forward;
  if (prefix.oversize) throw tooLarge();
  return prefix.inspected;
}

async function readAndValidate(
  rt: Runtime,
  ctx: RequestContext,
  op: CompiledOperation,
  mt: string,
  json: boolean,
): Promise<HookResult> {
  const body = await readBody(rt, ctx);
  // JSON.parse keeps the last copy of a repeated member, first-wins upstreams the first: refuse both.
  if (json && repeatsKey(body.toString('utf8')))
    fail(rt, ctx, op, [{ pointer: '/body', keyword: 'duplicateKey' }]);
  const r = validateBody(op, mt, body, rt.config.max_json_depth);
  if (r.kind === 'invalid') fail(rt, ctx, op, r.issues);
  return undefined;
}

async function readAndValidateMultipart(
  rt: Runtime,
  ctx: RequestContext,
  op: CompiledOperation,
  mt: string,
  media: MultipartMedia,
): Promise<HookResult> {
  const body = await readBody(rt, ctx);
  if (body.length === 0) {
    const r = validateBody(op, mt, undefined);
    if (r.kind === 'invalid') fail(rt, ctx, op, r.issues);
    return undefined;
  }
  const ct = ctx.headers['content-type'];
  const contentType = typeof ct === 'string' ? ct : '';
  const r = validateMultipart(media, contentType, body, rt.config.max_json_depth);
  if (r.kind === 'ok') return undefined;
  if (r.kind === 'invalid') fail(rt, ctx, op, r.issues);
  const operation = op.operationId ?? `${op.method} ${op.template}`;
  const decision = rt.deps.mode === 'enforce' ? 'deny' : 'would-deny';
  if (r.kind === 'malformed') {
    report(rt, ctx, 'openapi_request_invalid', 'invalid_multipart', {
      'gatehouse.openapi.operation': operation,
      decision,
    });
    throw new GatewayError('GW_BAD_REQUEST', {
      reason: 'openapi:invalid_multipart',
      detail: `The multipart/form-data body is malformed: ${r.reason}.`,
      extensions: { errors: [{ pointer: '/body', keyword: 'multipart' }] },
    });
  }
  // A part whose Content-Type its `encoding` does not allow: 415, as a wrong body content type.
  const pointer = `/body/${safeSegment(r.name)}`;
  report(rt, ctx, 'openapi_request_invalid', 'unsupported_media_type', {
    'gatehouse.openapi.operation': operation,
    'gatehouse.openapi.errors': [{ pointer, keyword: 'contentType' }],
    decision,
  });
  throw new GatewayError('GW_UNSUPPORTED_MEDIA_TYPE', {
    reason: 'openapi:unsupported_media_type',
    detail: `Accepted content types for part ${pointer}: ${r.allowed.join(', ')}.`,
    extensions: { errors: [{ pointer, keyword: 'contentType' }] },
  });
}

function onResponse(rt: Runtime, ctx: ResponseContext): void {
  const st = ctx.state[OPERATION_STATE_KEY] as OperationState | undefined;
  if (st === undefined || ctx.local) return;
  const { config } = rt;
  const validate = config.response_validation !== 'off';
  const enforce = config.response_validation === 'enforce' && rt.deps.mode === 'enforce';
  // With the allowlist, a body that cannot be filtered never leaves: it is refused (502) instead.
  const allowlist = config.response_allowlist;
  const allowlistEnforced = allowlist && rt.deps.mode === 'enforce';
  const bodyAllowed = ctx.method !== 'HEAD' && ctx.status !== 204 && ctx.status !== 304;
  const head = checkResponseHead(st.op, ctx.status, ctx.responseHeaders['content-type'], bodyAllowed);
  const operation = st.op.operationId ?? `${st.op.method} ${st.op.template}`;
  const invalid = (issues: ValidationIssue[], deny = enforce): GatewayError => {
    report(rt, ctx, 'openapi_response_invalid', 'invalid_response', {
      'gatehouse.openapi.operation': operation,
      'gatehouse.openapi.errors': issues,
      'http.response.status_code': ctx.status,
      decision: deny ? 'deny' : 'would-deny',
    });
    ctx.decisions.push({
      policy: NAME,
      action: deny ? 'deny' : 'would-deny',
      reason: 'openapi:invalid_response',
    });
    return new GatewayError('GW_UPSTREAM_ERROR', {
      reason: 'openapi:invalid_response',
      detail: 'The upstream response does not match the API specification.',
    });
  };
  const refuse = (err: GatewayError): void =>
    installFilter(ctx, config, () => {
      throw err;
    });
  if (head.issues.length > 0) {
    // Undeclared status or content type: nothing to filter the body against.
    const deny = enforce || (allowlistEnforced && bodyAllowed);
    if (validate || (allowlist && bodyAllowed)) {
      const err = invalid(head.issues, deny);
      if (deny) refuse(err);
    }
    return;
  }
  const media: CompiledMedia | undefined = head.media;
  if (media === undefined) {
    // A declared response without content: with the allowlist, a body the upstream adds anyway is refused.
    const declared = responseMediaFor(st.op, ctx.status);
    if (allowlist && bodyAllowed && declared !== undefined && declared.length === 0) {
      installFilter(ctx, config, (body) => {
        if (body.length === 0) return body;
        const err = invalid([{ pointer: '/body', keyword: 'undeclared' }], allowlistEnforced);
        if (allowlistEnforced) throw err;
        return body;
      });
    }
    return;
  }
  if (!(validate || allowlist)) return;
  const encoding = ctx.responseHeaders['content-encoding'];
  if (encoding !== undefined && encoding !== 'identity') {
    // A compressed body cannot be filtered (the upstream was asked for `identity`).
    if (allowlist) {
      const err = invalid(
        [{ pointer: '/header/content-encoding', keyword: 'undeclared' }],
        allowlistEnforced,
      );
      if (allowlistEnforced) refuse(err);
    }
    return;
  }
  const maxDepth = allowlist ? Math.min(config.max_json_depth, ALLOWLIST_MAX_DEPTH) : config.max_json_depth;
  installFilter(ctx, config, (body) => {
    const r = filterResponseBody(rt.api, media, body, { validate, strip: allowlist, maxDepth });
    if (r.issues.length > 0) {
      // `depth` and `syntax` at /body: the body was not parsed, so the allowlist could not remove anything.
      const unfiltered =
        allowlist &&
        r.issues.some((i) => i.pointer === '/body' && (i.keyword === 'depth' || i.keyword === 'syntax'));
      const deny = enforce || (allowlistEnforced && unfiltered);
      const err = invalid(r.issues, deny);
      if (deny) throw err;
    }
    return r.body;
  });
}

function installFilter(ctx: ResponseContext, config: OpenApiConfig, apply: (body: Buffer) => Buffer): void {
  const filter: ResponseBodyFilter = {
    maxBytes: config.max_response_bytes,
    onOversize: config.response_validation === 'enforce' || config.response_allowlist ? 'error' : 'pass',
    apply,
  };
  ctx.state[RESPONSE_BODY_FILTER_KEY] = filter;
}

/**
 * `openapi`: enforces an OpenAPI 3.0/3.1 contract at the edge. The spec is loaded and every validator compiled
 * once per config load (Ajv, patterns on RE2JS). Requests are matched to an operation (server base path + path
 * templates); path, query (form, spaceDelimited, pipeDelimited, deepObject), header and cookie parameters and
 * JSON, urlencoded and multipart/form-data bodies (./multipart.ts: strict RFC 7578 parsing, files, JSON parts,
 * `encoding.contentType`) are validated; invalid requests get 400 problem+json with an `errors` list of JSON
 * pointers and keywords (never the offending values), undeclared content types 415 and, with `strict`,
 * undeclared operations 404/405. Responses can be checked (`response_validation`) and reduced to the declared
 * members (`response_allowlist`). Undeclared paths, methods and query parameters are counted in the shadow-API
 * inventory (`shadowInventory()` in src/openapi/inventory.ts).
 *
 * @example
 * openapi:
 *   spec: api/openapi.yaml
 *   strict: true
 *   reject_unknown_query_params: true
 *   response_validation: report-only
 */
export const policy = definePolicy({
  name: NAME,
  order: 420,
  phases: ['request', 'response'],
  status: 'experimental',
  posture: 'hardened',
  description:
    'Validates requests (and optionally responses) against an OpenAPI 3.0/3.1 spec; counts undeclared (shadow) API usage.',
  supportsMode: true,
  schema: OpenApiSchema,
  create(config: OpenApiConfig, deps: PolicyDeps): PolicyInstance {
    const api = compileSpecCached(config.spec, {
      basePath: config.base_path,
      responses: config.response_validation !== 'off' || config.response_allowlist,
    });
    const scopes = new Map<CompiledOperation, { required: readonly string[]; challenge: string }>();
    if (config.enforce_scopes) {
      for (const op of api.operations) {
        const required = op.extensions.scopes ?? op.securityScopes;
        if (required.length === 0) continue;
        for (const s of required) {
          if (!/^[\x21\x23-\x5B\x5D-\x7E]+$/.test(s))
            throw new TypeError(`openapi: invalid scope ${JSON.stringify(s)}`);
        }
        const challenge = `Bearer realm="gatehouse", error="insufficient_scope", scope="${required.join(' ')}"`;
        scopes.set(op, { required, challenge });
      }
    }
    const responses = config.response_validation !== 'off' || config.response_allowlist;
    const multipart = config.validate_request_body
      ? compileMultipart(api)
      : new Map<CompiledOperation, MultipartMedia>();
    const rt: Runtime = { api, config, deps, scopes, responses, multipart };
    return Object.freeze({
      onRequest: (ctx: RequestContext) => onRequest(rt, ctx),
      ...(responses ? { onResponse: (ctx: ResponseContext) => onResponse(rt, ctx) } : {}),
    });
  },
});
