/**
 * CEL (Common Expression Language) for authorization rules, on `@marcbachmann/cel-js`.
 *
 * An expression is parsed and type-checked once, at config load ({@link compileCel}); a syntax or
 * type error is a `TypeError` whose message carries the `line:column` of the problem. Per request,
 * only the variables the expression reads are built ({@link celActivation}), and evaluation is a
 * walk over the pre-checked tree (a few microseconds).
 *
 * Variables:
 * - `request`: `method`, `path` (normalized), `query` (map of lists), `headers` (lower-case names,
 *   repeated fields joined with `, `), `host`, `ip` (client address), `params` (route path params).
 * - `consumer`: `{id, groups, metadata}` of the identified consumer, or `null`.
 * - `claims`: the verified token claims of every successful authentication, merged (the first
 *   method to provide a claim wins). Integral numbers are CEL `int`, other numbers `double`.
 * - `auth`: `methods`, `scopes`, `acr` (`''` when none), `amr`, `auth_time` (seconds, `0` when unknown).
 * - `now`: the current time (`google.protobuf.Timestamp`).
 *
 * Bounded cost: expressions are capped at parse time (1024 nodes, depth 32, literal lists/maps of
 * 256), comprehensions (`all`, `exists`, `exists_one`, `map`, `filter`) cannot be nested, and every
 * collection the request supplies is capped (`maxCollectionSize`, checked when the activation is
 * built), so an evaluation costs at most linear work in the expression size times that cap.
 * Functions whose cost the request could blow up are refused at compile time: `matches()` (the
 * library uses JavaScript's backtracking regular expressions, a ReDoS risk), `bytes.json()`,
 * `duration()` of anything but a literal, and `split()` inside a comprehension.
 *
 * @example
 * const rule = compileCel("request.method != 'PATCH' || request.params.id in claims.orders", 'allow');
 * const value = rule.evaluate(celActivation(ctx, rule.uses, { maxCollectionSize: 256 }));
 */
import { type ASTNode, Environment } from '@marcbachmann/cel-js';
import type { RequestContext } from '../pipeline/types.ts';
import type { ConsumerDirectory } from './types.ts';

/** Top-level variables an expression may read. */
export type CelVariable = 'request' | 'consumer' | 'claims' | 'auth' | 'now';

/** What an expression reads, so a request builds nothing else. */
export interface CelUses {
  readonly variables: ReadonlySet<CelVariable>;
  /** `request` fields read by name; `'*'` when the whole object is used. */
  readonly requestFields: ReadonlySet<string>;
}

/** A compiled expression. */
export interface CompiledCel {
  readonly source: string;
  readonly uses: CelUses;
  /** Evaluates against an activation. Throws {@link CelEvaluationError} on any evaluation error. */
  evaluate(activation: CelActivation): unknown;
}

/** The variables handed to an evaluation (only the used ones are set). */
export type CelActivation = Partial<Record<CelVariable, unknown>>;

/** Options of {@link celActivation}. */
export interface CelActivationOptions {
  /** Largest list or map a request may supply (headers, query, claims, groups…). */
  readonly maxCollectionSize: number;
  /** Looks up consumer metadata when no authentication result carries it. */
  readonly consumers?: ConsumerDirectory;
  /** Current time in ms since the epoch (default `Date.now()`). */
  readonly nowMs?: number;
}

/**
 * Evaluation failed: a missing field or key, a type mismatch, an overflow (`cel_error`), or the
 * request supplied a collection larger than allowed (`cel_input_too_large`). Callers fail closed.
 */
export class CelEvaluationError extends Error {
  readonly code: 'cel_error' | 'cel_input_too_large';
  constructor(code: 'cel_error' | 'cel_input_too_large', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CelEvaluationError';
    this.code = code;
  }
}

const VARIABLES: ReadonlySet<string> = new Set<CelVariable>(['request', 'consumer', 'claims', 'auth', 'now']);
const COMPREHENSIONS: ReadonlySet<string> = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);
/** Deepest nesting of claim objects/arrays accepted in an activation. */
const MAX_CLAIM_DEPTH = 16;

/** The one environment (instantiating one is expensive); expressions only read from it. */
const env = new Environment({
  unlistedVariablesAreDyn: false,
  homogeneousAggregateLiterals: true,
  enableOptionalTypes: false,
  limits: { maxAstNodes: 1024, maxDepth: 32, maxListElements: 256, maxMapEntries: 256, maxCallArguments: 8 },
})
  .registerVariable('request', {
    schema: {
      method: 'string',
      path: 'string',
      query: 'map<string, list<string>>',
      headers: 'map<string, string>',
      host: 'string',
      ip: 'string',
      params: 'map<string, string>',
    },
    description: 'The request: method, path, query, headers, host, ip, params.',
  })
  .registerVariable('consumer', 'dyn', {
    description: 'The identified consumer {id, groups, metadata}, or null.',
  })
  .registerVariable('claims', 'map', { description: 'Verified token claims, merged.' })
  .registerVariable('auth', {
    schema: {
      methods: 'list<string>',
      scopes: 'list<string>',
      acr: 'string',
      amr: 'list<string>',
      auth_time: 'int',
    },
    description: 'Authentication results: methods, scopes, acr, amr, auth_time.',
  })
  .registerVariable('now', 'google.protobuf.Timestamp', { description: 'The current time.' });

/** 1-based `line:column` of a character offset. */
function position(source: string, offset: number | undefined): string {
  const at = Math.max(0, Math.min(offset ?? 0, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${at - lineStart + 1}`;
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl === -1 ? message : message.slice(0, nl);
}

interface CelErrorLike {
  readonly summary?: string;
  readonly message: string;
  readonly range?: { readonly start: number };
}

function compileError(label: string, source: string, err: CelErrorLike): TypeError {
  const what = err.summary ?? firstLine(err.message);
  return new TypeError(`${label}: ${position(source, err.range?.start)}: ${what}`);
}

function isNode(v: unknown): v is ASTNode {
  return v !== null && typeof v === 'object' && typeof (v as { op?: unknown }).op === 'string';
}

/** Children of a node, in source order, whatever its shape. */
function children(node: ASTNode): ASTNode[] {
  const out: ASTNode[] = [];
  const visit = (v: unknown): void => {
    if (isNode(v)) out.push(v);
    else if (Array.isArray(v)) for (const x of v) visit(x);
  };
  visit(node.args);
  return out;
}

interface WalkState {
  readonly source: string;
  readonly label: string;
  readonly variables: Set<CelVariable>;
  readonly requestFields: Set<string>;
}

function refuse(s: WalkState, node: ASTNode, why: string): never {
  throw new TypeError(`${s.label}: ${position(s.source, node.start)}: ${why}`);
}

/**
 * Walks the checked tree: records the variables and request fields read, and refuses constructs
 * whose cost a request could make super-linear. `inComprehension` is true inside the range or the
 * body of a comprehension; `inBody` inside a body (where another comprehension would nest).
 */
function walk(s: WalkState, node: ASTNode, inComprehension: boolean, inBody: boolean): void {
  switch (node.op) {
    case 'id': {
      const name = node.args;
      if (VARIABLES.has(name)) {
        s.variables.add(name as CelVariable);
        if (name === 'request') s.requestFields.add('*');
      }
      return;
    }
    case '.':
    case '.?': {
      const [target, field] = node.args;
      if (target.op === 'id' && target.args === 'request') {
        s.variables.add('request');
        s.requestFields.add(field);
        return;
      }
      walk(s, target, inComprehension, inBody);
      return;
    }
    case 'call': {
      const [name, args] = node.args;
      if (name === 'duration' && !(args.length === 1 && args[0]?.op === 'value')) {
        refuse(s, node, 'duration() only accepts a literal string here');
      }
      for (const a of args) walk(s, a, inComprehension, inBody);
      return;
    }
    case 'rcall': {
      const [name, receiver, args] = node.args;
      if (name === 'matches') {
        refuse(
          s,
          node,
          'matches() is not available (the CEL library uses backtracking regular expressions); use startsWith(), endsWith() or contains()',
        );
      }
      if (name === 'json')
        refuse(s, node, 'json() is not available (it builds unbounded values from request data)');
      if (name === 'split' && inComprehension)
        refuse(s, node, 'split() cannot be used inside a comprehension');
      if (COMPREHENSIONS.has(name) && args.length >= 2) {
        if (inBody) refuse(s, node, `comprehensions cannot be nested (${name} inside another comprehension)`);
        walk(s, receiver, true, false);
        for (const a of args) walk(s, a, true, true);
        return;
      }
      walk(s, receiver, inComprehension, inBody);
      for (const a of args) walk(s, a, inComprehension, inBody);
      return;
    }
    default:
      for (const c of children(node)) walk(s, c, inComprehension, inBody);
  }
}

/**
 * Parses, type-checks and vets an expression once. The result must be a `bool` (or `dyn`, checked
 * at evaluation). Throws a `TypeError` like `allow: 1:27: Unexpected token: EOF`.
 *
 * @example
 * compileCel("claims.sub == request.params.owner", 'allow');
 * compileCel("request.method == 'GET' &&", 'deny'); // TypeError: deny: 1:27: Unexpected token: EOF
 */
export function compileCel(source: string, label: string): CompiledCel {
  if (typeof source !== 'string' || source.trim() === '') {
    throw new TypeError(`${label}: the expression is empty`);
  }
  let program: ReturnType<Environment['parse']>;
  try {
    program = env.parse(source);
  } catch (err) {
    throw compileError(label, source, err as CelErrorLike);
  }
  const checked = program.check();
  if (!checked.valid) throw compileError(label, source, checked.error as CelErrorLike);
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    throw new TypeError(`${label}: 1:1: the expression must evaluate to a bool, not ${checked.type}`);
  }
  const state: WalkState = { source, label, variables: new Set(), requestFields: new Set() };
  walk(state, program.ast, false, false);
  const uses: CelUses = Object.freeze({ variables: state.variables, requestFields: state.requestFields });
  return Object.freeze({
    source,
    uses,
    evaluate(activation: CelActivation): unknown {
      try {
        return program(activation);
      } catch (err) {
        const e = err as CelErrorLike & { code?: string };
        throw new CelEvaluationError(
          'cel_error',
          `${e.code ?? 'error'}: ${firstLine(e.message).slice(0, 200)}`,
          {
            cause: err,
          },
        );
      }
    },
  });
}

/** Union of what several expressions read. */
export function mergeUses(list: readonly CelUses[]): CelUses {
  const variables = new Set<CelVariable>();
  const requestFields = new Set<string>();
  for (const u of list) {
    for (const v of u.variables) variables.add(v);
    for (const f of u.requestFields) requestFields.add(f);
  }
  return Object.freeze({ variables, requestFields });
}

function tooLarge(what: string, max: number): CelEvaluationError {
  return new CelEvaluationError('cel_input_too_large', `${what} has more than ${max} entries`);
}

function headerMap(ctx: RequestContext, max: number): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  let n = 0;
  for (const name in ctx.headers) {
    const v = ctx.headers[name];
    if (v === undefined) continue;
    if (++n > max) throw tooLarge('request.headers', max);
    out[name] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function queryMap(ctx: RequestContext, max: number): Record<string, string[]> {
  const out: Record<string, string[]> = Object.create(null);
  if (ctx.query === '') return out;
  let n = 0;
  for (const [k, v] of new URLSearchParams(ctx.query)) {
    if (++n > max) throw tooLarge('request.query', max);
    const list = out[k];
    if (list === undefined) out[k] = [v];
    else list.push(v);
  }
  return out;
}

/** JSON claim values as CEL values: integral numbers become `int`, objects null-prototype maps. */
function claimValue(v: unknown, max: number, depth: number): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isSafeInteger(v) ? BigInt(v) : v;
  if (typeof v === 'bigint') return v;
  if (depth >= MAX_CLAIM_DEPTH)
    throw new CelEvaluationError('cel_input_too_large', 'claims are nested too deeply');
  if (Array.isArray(v)) {
    if (v.length > max) throw tooLarge('a claim list', max);
    return v.map((x) => claimValue(x, max, depth + 1));
  }
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    if (keys.length > max) throw tooLarge('a claim object', max);
    const out: Record<string, unknown> = Object.create(null);
    for (const k of keys) out[k] = claimValue((v as Record<string, unknown>)[k], max, depth + 1);
    return out;
  }
  return null;
}

function mergedClaims(ctx: RequestContext, max: number): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  let n = 0;
  for (const s of ctx.auth.successes) {
    if (s.claims === undefined) continue;
    for (const k of Object.keys(s.claims)) {
      if (k in out) continue;
      if (++n > max) throw tooLarge('claims', max);
      out[k] = claimValue(s.claims[k], max, 1);
    }
  }
  return out;
}

function consumerValue(ctx: RequestContext, opts: CelActivationOptions): unknown {
  const c = ctx.consumer;
  if (c === undefined) return null;
  if (c.groups.length > opts.maxCollectionSize) throw tooLarge('consumer.groups', opts.maxCollectionSize);
  let metadata: Readonly<Record<string, string>> | undefined;
  for (const s of ctx.auth.successes) {
    if (s.consumer?.id === c.id) {
      metadata = s.consumer.metadata;
      break;
    }
  }
  metadata ??= opts.consumers?.get(c.id)?.metadata;
  const meta: Record<string, string> = Object.create(null);
  if (metadata !== undefined) {
    const keys = Object.keys(metadata);
    if (keys.length > opts.maxCollectionSize) throw tooLarge('consumer.metadata', opts.maxCollectionSize);
    for (const k of keys) meta[k] = metadata[k]!;
  }
  return { id: c.id, groups: [...c.groups], metadata: meta };
}

function authValue(ctx: RequestContext, max: number): unknown {
  const methods: string[] = [];
  const scopes = new Set<string>();
  const amr = new Set<string>();
  let acr: string | undefined;
  let authTime = 0;
  for (const s of ctx.auth.successes) {
    methods.push(s.method);
    for (const x of s.scopes) scopes.add(x);
    for (const x of s.amr) amr.add(x);
    acr ??= s.acr;
    if (s.authTime !== undefined && Number.isSafeInteger(s.authTime) && s.authTime > authTime)
      authTime = s.authTime;
  }
  if (scopes.size > max) throw tooLarge('auth.scopes', max);
  if (amr.size > max) throw tooLarge('auth.amr', max);
  return { methods, scopes: [...scopes], acr: acr ?? '', amr: [...amr], auth_time: BigInt(authTime) };
}

/**
 * Builds the variables an expression reads from a request. Throws {@link CelEvaluationError}
 * (`cel_input_too_large`) when the request supplies a collection above `maxCollectionSize`.
 *
 * @example
 * const activation = celActivation(ctx, rule.uses, { maxCollectionSize: 256 });
 */
export function celActivation(ctx: RequestContext, uses: CelUses, opts: CelActivationOptions): CelActivation {
  const act: CelActivation = {};
  const max = opts.maxCollectionSize;
  const vars = uses.variables;
  if (vars.has('request')) {
    const f = uses.requestFields;
    const all = f.has('*');
    const request: Record<string, unknown> = {
      method: ctx.method,
      path: ctx.path,
      host: ctx.host,
      ip: ctx.clientIp,
      params: ctx.params,
    };
    if (all || f.has('headers')) request.headers = headerMap(ctx, max);
    if (all || f.has('query')) request.query = queryMap(ctx, max);
    act.request = request;
  }
  if (vars.has('consumer')) act.consumer = consumerValue(ctx, opts);
  if (vars.has('claims')) act.claims = mergedClaims(ctx, max);
  if (vars.has('auth')) act.auth = authValue(ctx, max);
  if (vars.has('now')) act.now = new Date(opts.nowMs ?? Date.now());
  return act;
}
