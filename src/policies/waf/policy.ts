import { Readable } from 'node:stream';
import { GatewayError } from '../../errors/gateway-error.ts';
import { requestMayHaveBody } from '../../pipeline/body.ts';
import {
  definePolicy,
  type PolicyDeps,
  type RequestContext,
  type ResponseContext,
} from '../../pipeline/types.ts';
import type { Intervention, MatchEvent, Ruleset, Transaction } from '../../waf/engine.ts';
import { parseUrlEncoded } from '../../waf/engine.ts';
import {
  DEFAULT_EXPAND_OPTIONS,
  formBodyView,
  graphqlGetQuery,
  queryArgsView,
} from '../../waf/profile/expand.ts';
import { PROFILE_FAMILIES } from '../../waf/profile/rules.ts';
import { BUFFERED_BODY_KEY, readBodyPrefix } from './body.ts';
import { BUILTIN_IDS, loadWafRuleset } from './ruleset.ts';
import { type WafConfig, WafSchema } from './schema.ts';

/** Rule family of a CRS rule id (by its file number), used in reasons (`waf:sqli`) and metrics. */
export function ruleFamily(id: number): string {
  if (id === BUILTIN_IDS.bodyError || id === BUILTIN_IDS.multipartStrict) return 'reqbody-error';
  const profile = PROFILE_FAMILIES[id];
  if (profile !== undefined) return profile;
  const file = Math.floor(id / 1000);
  switch (file) {
    case 911:
      return 'method-enforcement';
    case 913:
      return 'scanner';
    case 920:
      return 'protocol-enforcement';
    case 921:
      return 'protocol-attack';
    case 922:
      return 'multipart';
    case 930:
      return 'lfi';
    case 931:
      return 'rfi';
    case 932:
      return 'rce';
    case 933:
      return 'php';
    case 934:
      return 'generic';
    case 941:
      return 'xss';
    case 942:
      return 'sqli';
    case 943:
      return 'session-fixation';
    case 944:
      return 'java';
    case 950:
    case 951:
    case 952:
    case 953:
    case 954:
    case 956:
      return 'data-leakage';
    case 955:
      return 'web-shell';
    case 949:
    case 959:
    case 980:
      return 'anomaly';
    default:
      return id >= 900000 && id < 1000000 ? 'crs' : 'custom';
  }
}

/**
 * `ctx.state` key of the response body filter read by the proxy (`RESPONSE_BODY_FILTER_KEY` in
 * src/pipeline/proxy.ts; repeated here, as in the openapi policy, to keep policies free of proxy imports).
 */
const RESPONSE_BODY_FILTER_KEY = 'responseBodyFilter';

/** `ctx.state` key of the request's WAF transaction, carried to the response phase. */
export const WAF_TX_KEY = 'waf.tx';

/** The proxy's response body filter (see {@link RESPONSE_BODY_FILTER_KEY}). */
interface BodyFilter {
  readonly maxBytes: number;
  readonly onOversize: 'pass' | 'error';
  apply(body: Buffer): Buffer;
}

const SENSITIVE = /authorization|cookie|passw|secret|token|api[-_]?key|session|credential/i;
const MAX_DATA = 64;

/** Matched data for an event: at most 64 characters, and `[redacted]` for sensitive variables. */
export function redactMatch(varName: string, value: string): string {
  if (SENSITIVE.test(varName)) return '[redacted]';
  return value.length > MAX_DATA ? `${value.slice(0, MAX_DATA)}…` : value;
}

/** The family a decision is attributed to: the most frequent family among the logged attack rules. */
function dominantFamily(matches: readonly MatchEvent[], intervention: Intervention | null): string {
  const counts = new Map<string, number>();
  for (const m of matches) {
    if (!m.log) continue;
    const f = ruleFamily(m.id);
    if (f === 'anomaly' || f === 'crs') continue;
    counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  let best = '';
  let bestN = 0;
  for (const [f, n] of counts) {
    if (n > bestN) {
      best = f;
      bestN = n;
    }
  }
  if (best !== '') return best;
  return intervention === null ? 'anomaly' : ruleFamily(intervention.ruleId);
}

/** Media type of a Content-Type value, lower-case without parameters, or '' when malformed. */
function mediaType(value: string): string {
  const semi = value.indexOf(';');
  const mt = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
  const slash = mt.indexOf('/');
  return slash <= 0 || slash === mt.length - 1 ? '' : mt;
}

/** Compiles `inspect_content_types` into a predicate on media types (exact, `type/*`, `type/*+suffix`). */
function contentTypeMatcher(ranges: readonly string[]): (mt: string) => boolean {
  const exact = new Set<string>();
  const types = new Set<string>();
  const suffixes = new Set<string>();
  for (const r of ranges) {
    const l = r.toLowerCase();
    const slash = l.indexOf('/');
    if (l.endsWith('/*')) types.add(l.slice(0, slash));
    else if (l[slash + 1] === '*') suffixes.add(l.slice(0, slash + 1) + l.slice(slash + 2));
    else exact.add(l);
  }
  return (mt) => {
    if (mt === '') return false;
    if (exact.has(mt)) return true;
    const slash = mt.indexOf('/');
    if (types.has(mt.slice(0, slash))) return true;
    const plus = mt.lastIndexOf('+');
    return plus > slash && suffixes.has(mt.slice(0, slash + 1) + mt.slice(plus));
  };
}

function headerPairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  let authority: string | undefined;
  let host = false;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i] as string;
    // HTTP/2 pseudo-headers are not request headers: the method, target and scheme are REQUEST_LINE's, and
    // `:authority` is the Host (as nginx and Envoy hand them to ModSecurity and Coraza).
    if (name.charCodeAt(0) === 0x3a /* : */) {
      if (name === ':authority') authority = raw[i + 1] as string;
      continue;
    }
    if (!host && name.length === 4 && name.toLowerCase() === 'host') host = true;
    out.push([name, raw[i + 1] as string]);
  }
  if (authority !== undefined && !host) out.unshift(['Host', authority]);
  return out;
}

/**
 * API profile: a `text/plain` body, which the rules would otherwise not read although backends do (session 8,
 * found by an evasion audit): `JSON.parse(body)` in Django, Flask's `get_json(force=True)` or Go's
 * `json.NewDecoder` read it whatever its type. It is inspected as JSON (profile rule 90016 selects the JSON
 * processor) when it parses as JSON, otherwise as one text value (`json.text`). (`multipart/related`, a form
 * to Spring's multipart resolver, gets the multipart processor from rule 90017.)
 */
function apiBodyAs(mt: string, body: string): string {
  if (mt !== 'text/plain') return body;
  const text = Buffer.from(body, 'latin1').toString('utf8');
  const first = text.trimStart().charCodeAt(0);
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) {
    try {
      JSON.parse(text);
      return body;
    } catch {
      // Not JSON: one text value.
    }
  }
  return Buffer.from(JSON.stringify({ text }), 'utf8').toString('latin1');
}

/** The engine-only header that shows a Basic credential's user name to the header rules (90132 and others). */
export const BASIC_USER_HEADER = 'X-Gatehouse-Basic-User';

/**
 * API profile: the user name of `Authorization: Basic …`, decoded, as an extra header of the engine's copy (never
 * forwarded): PHP's `PHP_AUTH_USER`, Flask's `request.authorization.username` and Express' `basic-auth` hand it
 * to the application, which may paste it into a query (session 8 audit: `admin' OR '1'='1'--` in base64 passed).
 * The password is not shown (it is hashed, not queried, and random passwords would read as anything).
 */
function basicUserHeader(headers: [string, string][]): void {
  const auth = headers.find(([k]) => k.length === 13 && k.toLowerCase() === 'authorization');
  const m = auth === undefined ? null : /^basic[ \t]+([A-Za-z0-9+/]+={0,2})[ \t]*$/i.exec(auth[1]);
  if (m === null) return;
  const decoded = Buffer.from(m[1] as string, 'base64').toString('latin1');
  const colon = decoded.indexOf(':');
  const user = colon === -1 ? decoded : decoded.slice(0, colon);
  if (user !== '') headers.push([BASIC_USER_HEADER, user]);
}

/** Request bodies the API profile always inspects, whatever `inspect_content_types` says. */
const API_BODY_TYPES = [
  'text/plain',
  'multipart/related',
  'application/json',
  'application/*+json',
  'application/graphql',
  'application/x-ndjson',
  'application/jsonl',
  'application/*+ndjson',
];

/** Per-instance runtime, built once by `create()`. */
interface WafRuntime {
  readonly rs: Ruleset;
  readonly config: WafConfig;
  readonly deps: PolicyDeps;
  readonly inspectable: (mt: string) => boolean;
  /** Response media types inspected (phases 3 and 4); null when response inspection is off. */
  readonly responseInspectable: ((mt: string) => boolean) | null;
}

function report(
  rt: WafRuntime,
  ctx: RequestContext,
  tx: Transaction,
  intervention: Intervention | null,
): void {
  const logged = tx.matches.filter((m) => m.log);
  if (logged.length === 0 && intervention === null) return;
  const family = dominantFamily(tx.matches, intervention);
  const score = Number(tx.getTx('blocking_inbound_anomaly_score') ?? 0);
  const detectionOnly = tx.mode === 'DetectionOnly';
  const wouldBlock = intervention !== null || (detectionOnly && score >= rt.config.inbound_threshold);
  const enforce = rt.deps.mode === 'enforce' && !detectionOnly && intervention !== null;
  const decision = enforce ? 'block' : wouldBlock ? 'would-block' : 'log';
  rt.deps.event(enforce ? 'waf_block' : 'waf_detect', {
    request_id: ctx.id,
    route: ctx.route.name,
    decision,
    family,
    anomaly_score: score,
    threshold: rt.config.inbound_threshold,
    paranoia_level: rt.config.paranoia_level,
    rule_ids: [...new Set(logged.map((m) => m.id))],
    matches: logged.slice(0, 32).map((m) => ({
      id: m.id,
      msg: m.msg,
      severity: m.severity,
      variable: m.matchedVar,
      data: redactMatch(m.matchedVar, m.matchedValue),
    })),
    ...(intervention === null ? {} : { intervention_rule: intervention.ruleId, status: intervention.status }),
  });
  if (!enforce && wouldBlock && detectionOnly) {
    ctx.decisions.push({ policy: 'waf', action: 'would-deny', reason: `waf:${family}`, status: 403 });
  } else if (!wouldBlock) {
    ctx.decisions.push({ policy: 'waf', action: 'tag', reason: `waf:${family}` });
  }
}

function block(rt: WafRuntime, tx: Transaction, intervention: Intervention): GatewayError {
  const family = dominantFamily(tx.matches, intervention);
  if (intervention.status === 400) {
    return new GatewayError('GW_BAD_REQUEST', {
      reason: `waf:${family}`,
      detail: 'The request body could not be parsed.',
    });
  }
  return new GatewayError('GW_FORBIDDEN', {
    status: intervention.status === 403 ? rt.config.status : intervention.status,
    reason: `waf:${family}`,
    detail: 'The request was blocked by the web application firewall.',
  });
}

/** Runs phase 1, then (after buffering an inspectable body) phase 2, then reports and enforces. */
async function inspect(rt: WafRuntime, ctx: RequestContext): Promise<undefined> {
  const req = ctx.req;
  const mt = requestMediaType(ctx);
  const headers = headerPairs(req.rawHeaders);
  let body = await bodyFor(rt, ctx);
  if (rt.config.profile === 'api') {
    if (body !== '') body = apiBodyAs(mt, body);
    basicUserHeader(headers);
  }
  const tx = rt.rs.newTransaction({
    method: ctx.method,
    uri: engineUri(rt.config, req.url ?? '/'),
    protocol: `HTTP/${req.httpVersion}`,
    headers,
    remoteAddr: ctx.clientIp,
    id: ctx.id,
    body: engineBody(rt.config, mt, body),
  });
  const intervention = tx.processRequestHeaders() ?? tx.processRequestBody();
  report(rt, ctx, tx, intervention);
  if (intervention !== null && tx.mode === 'On') throw block(rt, tx, intervention);
  if (rt.responseInspectable !== null) ctx.state[WAF_TX_KEY] = tx;
  return undefined;
}

/**
 * API profile: the request target the engine inspects; the upstream still gets the original target. A
 * GraphQL-over-GET query string is replaced by the document's literals and comments and the flattened variables
 * (src/waf/profile/expand.ts `graphqlGetQuery`); any other query string gets the value view of JSON string values
 * (`queryArgsView`: canonical form, prose parameters renamed `gatehouse.prose.<families>:<name>`, client names
 * in the reserved namespace renamed `gatehouse.forged:<name>`). The `crs` profile and targets without a query
 * string are returned unchanged.
 */
export function engineUri(config: Pick<WafConfig, 'profile' | 'decode_nested'>, url: string): string {
  const q = url.indexOf('?');
  if (config.profile !== 'api' || q === -1) return url;
  const raw = url.slice(q + 1);
  if (url.includes('query=', q) || url.includes('extensions=', q)) {
    const query = graphqlGetQuery(parseUrlEncoded(raw), {
      ...DEFAULT_EXPAND_OPTIONS,
      maxDepth: config.decode_nested.max_depth,
      maxDecodedBytes: config.decode_nested.max_decoded_bytes,
      maxExtraArgs: config.decode_nested.max_extra_args,
    });
    if (query !== null) return `${url.slice(0, q)}?${query}`;
  }
  const view = queryArgsView(raw, {
    ...DEFAULT_EXPAND_OPTIONS,
    maxDepth: config.decode_nested.max_depth,
    maxDecodedBytes: config.decode_nested.max_decoded_bytes,
    maxExtraArgs: config.decode_nested.max_extra_args,
  });
  return view === raw ? url : `${url.slice(0, q)}?${view}`;
}

/**
 * API profile: the body the engine parses for GraphQL documents and NDJSON, as JSON (`{"query": doc}` and
 * `[line, …]`), and for URL-encoded forms the value view of JSON string values (`formBodyView`); the upstream
 * still gets the original bytes. Other bodies are returned unchanged.
 */
export function engineBody(
  config: Pick<WafConfig, 'profile' | 'decode_nested'>,
  mt: string,
  body: string,
): string {
  if (config.profile !== 'api' || body === '') return body;
  if (mt === 'application/x-www-form-urlencoded')
    return formBodyView(body, {
      ...DEFAULT_EXPAND_OPTIONS,
      maxDepth: config.decode_nested.max_depth,
      maxDecodedBytes: config.decode_nested.max_decoded_bytes,
      maxExtraArgs: config.decode_nested.max_extra_args,
    });
  if (mt === 'application/graphql') {
    const text = Buffer.from(body, 'latin1').toString('utf8');
    return Buffer.from(JSON.stringify({ query: text }), 'utf8').toString('latin1');
  }
  if (mt === 'application/x-ndjson' || mt === 'application/jsonl' || mt.endsWith('+ndjson')) {
    const lines = body.split('\n').filter((l) => l.trim() !== '');
    return `[${lines.join(',')}]`;
  }
  return body;
}

/** Outbound events and decisions for a response the rules matched. */
function reportResponse(
  rt: WafRuntime,
  ctx: ResponseContext,
  tx: Transaction,
  intervention: Intervention | null,
): void {
  const logged = tx.matches.filter((m) => m.log && m.phase >= 3);
  if (logged.length === 0 && intervention === null) return;
  const score = Number(tx.getTx('blocking_outbound_anomaly_score') ?? 0);
  const detectionOnly = tx.mode === 'DetectionOnly';
  const enforce = rt.deps.mode === 'enforce' && !detectionOnly && intervention !== null;
  const wouldBlock = intervention !== null || (detectionOnly && score >= rt.config.outbound_threshold);
  const family = dominantFamily(logged, intervention);
  rt.deps.event(enforce ? 'waf_block' : 'waf_detect', {
    request_id: ctx.id,
    route: ctx.route.name,
    direction: 'outbound',
    decision: enforce ? 'block' : wouldBlock ? 'would-block' : 'log',
    family,
    anomaly_score: score,
    threshold: rt.config.outbound_threshold,
    'http.response.status_code': ctx.status,
    rule_ids: [...new Set(logged.map((m) => m.id))],
    matches: logged.slice(0, 32).map((m) => ({
      id: m.id,
      msg: m.msg,
      severity: m.severity,
      variable: m.matchedVar,
      data: redactMatch(m.matchedVar, m.matchedValue),
    })),
  });
  ctx.decisions.push({
    policy: 'waf',
    action: enforce ? 'deny' : wouldBlock ? 'would-deny' : 'tag',
    reason: `waf:${family}`,
  });
}

/** The problem answered instead of a response the outbound rules block (never the upstream's body). */
function responseBlocked(family: string): GatewayError {
  return new GatewayError('GW_UPSTREAM_ERROR', {
    reason: `waf:${family}`,
    detail: 'The upstream response was blocked by the web application firewall.',
  });
}

/**
 * Response phase: for a listed response media type, runs phase 3 on the head and installs a body filter that
 * runs phase 4 on the buffered body; a blocking outbound anomaly replaces the response by a 502 problem.
 */
function inspectResponse(rt: WafRuntime, ctx: ResponseContext): void {
  const tx = ctx.state[WAF_TX_KEY] as Transaction | undefined;
  const match = rt.responseInspectable;
  if (tx === undefined || match === null || ctx.local) return;
  const ct = ctx.responseHeaders['content-type'];
  if (!match(mediaType(typeof ct === 'string' ? ct : ''))) return;
  const encoding = ctx.responseHeaders['content-encoding'];
  if (encoding !== undefined && encoding !== 'identity') return;
  // Header values are already byte strings (Node's parser and undici decode header bytes as latin1).
  const headers: [string, string][] = [];
  for (const [k, v] of Object.entries(ctx.responseHeaders)) {
    for (const one of Array.isArray(v) ? v : [v]) headers.push([k, one]);
  }
  const head = tx.processResponseHeaders({
    status: ctx.status,
    protocol: `HTTP/${ctx.req.httpVersion}`,
    headers,
  });
  const enforce = (i: Intervention | null): boolean =>
    i !== null && tx.mode === 'On' && rt.deps.mode === 'enforce';
  const filter: BodyFilter = {
    maxBytes: rt.config.response_max_bytes,
    onOversize: rt.config.response_oversize,
    apply(body: Buffer): Buffer {
      const intervention = head ?? tx.processResponseBody(body.toString('latin1'));
      reportResponse(rt, ctx, tx, intervention);
      if (enforce(intervention))
        throw responseBlocked(
          dominantFamily(
            tx.matches.filter((m) => m.phase >= 3),
            intervention,
          ),
        );
      return body;
    },
  };
  ctx.state[RESPONSE_BODY_FILTER_KEY] = filter;
}

function requestMediaType(ctx: RequestContext): string {
  const ct = ctx.headers['content-type'];
  return typeof ct === 'string' ? mediaType(ct) : '';
}

/** The body the WAF inspects (byte string), buffering it and handing it back to the proxy. */
async function bodyFor(rt: WafRuntime, ctx: RequestContext): Promise<string> {
  const h = ctx.headers;
  const cl = h['content-length'];
  if (!requestMayHaveBody(ctx)) return '';
  // A body without a Content-Type is read too (as ModSecurity does): Go, Django and Flask decode it whatever the
  // header says, and CRS 920640 refuses a body without one, which it can only see when REQUEST_BODY_LENGTH is
  // its length (session 8, evasion audit).
  const mt = requestMediaType(ctx);
  if (mt !== '' && !rt.inspectable(mt)) return '';
  const limit = rt.config.max_body_bytes;
  const reject = rt.config.body_limit_action === 'reject';
  if (reject && typeof cl === 'string' && /^[0-9]+$/.test(cl) && Number(cl) > limit) {
    throw new GatewayError('GW_PAYLOAD_TOO_LARGE', {
      reason: 'waf:body_too_large',
      detail: `The WAF inspects request bodies up to ${limit} bytes.`,
    });
  }
  // A body an earlier policy buffered is read from where it left it; otherwise answer `Expect: 100-continue`
  // first, or the client would wait for the interim response while we wait for its body.
  const held = ctx.state[BUFFERED_BODY_KEY] as Buffer | AsyncIterable<Buffer> | undefined;
  if (held === undefined) ctx.sendContinue?.();
  const source = Buffer.isBuffer(held) ? Readable.from([held]) : (held ?? ctx.req);
  const prefix = await readBodyPrefix(source as Readable, limit, ctx.maxBodyBytes);
  ctx.state[BUFFERED_BODY_KEY] = prefix.forward;
  if (prefix.oversize && reject) {
    throw new GatewayError('GW_PAYLOAD_TOO_LARGE', {
      reason: 'waf:body_too_large',
      detail: `The WAF inspects request bodies up to ${limit} bytes.`,
    });
  }
  return prefix.inspected.toString('latin1');
}

/**
 * `waf`: an OWASP Core Rule Set v4 compatible web application firewall (src/waf/). The ruleset is loaded and
 * compiled once per distinct configuration; each request runs phase 1 (headers), buffers an inspectable body up
 * to `max_body_bytes` (handing it to the proxy through `ctx.state.body`), runs phase 2 and blocks with 403
 * problem+json (`GW_FORBIDDEN`, reason `waf:<family>`) when the anomaly score reaches the threshold. Every
 * logged match is reported as a `waf_block` (blocked) or `waf_detect` (passed) security event.
 *
 * @example
 * waf:
 *   rules:
 *     setup: /etc/gatehouse/crs/crs-setup.conf
 *     include: [/etc/gatehouse/crs/rules]
 *   paranoia_level: 2
 *   exclusions:
 *     - { rule_ids: [942100], targets: ['ARGS:password'] }
 */
export const policy = definePolicy({
  name: 'waf',
  order: 400,
  phases: ['request', 'response'],
  status: 'experimental',
  posture: 'hardened',
  description:
    'OWASP CRS compatible web application firewall (SecLang rules, anomaly scoring, body inspection).',
  supportsMode: true,
  schema: WafSchema,
  create(config: WafConfig, deps: PolicyDeps) {
    if (config.engine === 'off') return Object.freeze({});
    const inspectTypes =
      config.profile === 'api'
        ? [...config.inspect_content_types, ...API_BODY_TYPES]
        : config.inspect_content_types;
    const rt: WafRuntime = {
      rs: loadWafRuleset(config),
      config,
      deps,
      inspectable: contentTypeMatcher(inspectTypes),
      responseInspectable:
        config.response_content_types.length > 0 ? contentTypeMatcher(config.response_content_types) : null,
    };
    return Object.freeze({
      onRequest(ctx: RequestContext): Promise<undefined> {
        return inspect(rt, ctx);
      },
      ...(rt.responseInspectable === null
        ? {}
        : { onResponse: (ctx: ResponseContext): void => inspectResponse(rt, ctx) }),
    });
  },
});
