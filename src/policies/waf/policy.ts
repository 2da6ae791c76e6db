import { Readable } from 'node:stream';
import { GatewayError } from '../../errors/gateway-error.ts';
import { definePolicy, type PolicyDeps, type RequestContext } from '../../pipeline/types.ts';
import type { Intervention, MatchEvent, Ruleset, Transaction } from '../../waf/engine.ts';
import { BUFFERED_BODY_KEY, readBodyPrefix } from './body.ts';
import { BUILTIN_IDS, loadWafRuleset } from './ruleset.ts';
import { type WafConfig, WafSchema } from './schema.ts';

/** Rule family of a CRS rule id (by its file number), used in reasons (`waf:sqli`) and metrics. */
export function ruleFamily(id: number): string {
  if (id === BUILTIN_IDS.bodyError || id === BUILTIN_IDS.multipartStrict) return 'reqbody-error';
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
    case 949:
    case 959:
    case 980:
      return 'anomaly';
    default:
      return id >= 900000 && id < 1000000 ? 'crs' : 'custom';
  }
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
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i] as string, raw[i + 1] as string]);
  return out;
}

/** Per-instance runtime, built once by `create()`. */
interface WafRuntime {
  readonly rs: Ruleset;
  readonly config: WafConfig;
  readonly deps: PolicyDeps;
  readonly inspectable: (mt: string) => boolean;
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
  const tx = rt.rs.newTransaction({
    method: ctx.method,
    uri: req.url ?? '/',
    protocol: `HTTP/${req.httpVersion}`,
    headers: headerPairs(req.rawHeaders),
    remoteAddr: ctx.clientIp,
    id: ctx.id,
    body: await bodyFor(rt, ctx),
  });
  const intervention = tx.processRequestHeaders() ?? tx.processRequestBody();
  report(rt, ctx, tx, intervention);
  if (intervention !== null && tx.mode === 'On') throw block(rt, tx, intervention);
  return undefined;
}

/** The body the WAF inspects (byte string), buffering it and handing it back to the proxy. */
async function bodyFor(rt: WafRuntime, ctx: RequestContext): Promise<string> {
  const h = ctx.headers;
  const cl = h['content-length'];
  const chunked = h['transfer-encoding'] !== undefined;
  if (!chunked && (cl === undefined || cl === '0')) return '';
  const ct = h['content-type'];
  if (!rt.inspectable(typeof ct === 'string' ? mediaType(ct) : '')) return '';
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
  phases: ['request'],
  status: 'experimental',
  posture: 'hardened',
  description:
    'OWASP CRS compatible web application firewall (SecLang rules, anomaly scoring, body inspection).',
  supportsMode: true,
  schema: WafSchema,
  create(config: WafConfig, deps: PolicyDeps) {
    if (config.engine === 'off') return Object.freeze({});
    const rt: WafRuntime = {
      rs: loadWafRuleset(config),
      config,
      deps,
      inspectable: contentTypeMatcher(config.inspect_content_types),
    };
    return Object.freeze({
      onRequest(ctx: RequestContext): Promise<undefined> {
        return inspect(rt, ctx);
      },
    });
  },
});
