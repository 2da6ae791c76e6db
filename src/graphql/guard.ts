import {
  analyzeDocument,
  type CostModel,
  enforceLimits,
  type OperationAnalysis,
  type OperationLimits,
  type ParseLimits,
  parseDocument,
} from './analyze.ts';
import { GraphQLGuardError } from './errors.ts';
import { type DocumentCache, documentHash } from './persisted.ts';
import type { GraphQLHttpRequest, GraphQLRequest } from './request.ts';
import type { SchemaIndex } from './schema-index.ts';

/** Everything the guard checks, compiled once per config load. */
export interface GuardSettings {
  readonly parse: ParseLimits;
  readonly limits: OperationLimits;
  readonly cost: CostModel;
  readonly schema: SchemaIndex | undefined;
  /** Consumers (ids) and groups allowed to run introspection. */
  readonly introspection: { readonly consumers: ReadonlySet<string>; readonly groups: ReadonlySet<string> };
  /** Field key (`Type.field` / `*.field`) → scopes that are all required to select it. */
  readonly fieldScopes: ReadonlyMap<string, readonly string[]>;
  /** Persisted queries: allowlist mode, inline hashes, documents loaded from files, the APQ cache. */
  readonly persisted: {
    readonly allowlist: boolean;
    readonly hashes: ReadonlySet<string>;
    readonly documents: ReadonlyMap<string, string>;
    readonly cache: DocumentCache;
  };
}

/** Who is calling, as far as the guard cares. */
export interface Caller {
  /** False for anonymous requests (no authentication, or only the anonymous fallback consumer). */
  readonly authenticated: boolean;
  readonly consumerId: string | undefined;
  readonly groups: readonly string[];
  /** Union of the scopes of every successful authentication. */
  readonly scopes: ReadonlySet<string>;
}

/** What a passing request contained (for logs). */
export interface GuardResult {
  /** One entry per request of the batch; undefined for trusted hash-only persisted queries (not measured). */
  readonly operations: readonly (OperationAnalysis | undefined)[];
  /** Sum of the costs of the measured operations. */
  readonly totalCost: number;
}

const TEXT_UNKNOWN = Symbol('text-unknown');

/** The text to measure for one request, `TEXT_UNKNOWN` for an allowlisted inline hash without text. */
function documentText(s: GuardSettings, r: GraphQLRequest): string | typeof TEXT_UNKNOWN {
  const pq = s.persisted;
  if (r.query !== undefined) {
    const hash = pq.allowlist || r.hash !== undefined ? documentHash(r.query) : undefined;
    if (r.hash !== undefined && r.hash !== hash) {
      throw new GraphQLGuardError(
        'GATEHOUSE_PERSISTED_QUERY_HASH_MISMATCH',
        'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query.',
      );
    }
    if (pq.allowlist && !pq.hashes.has(hash as string) && !pq.documents.has(hash as string)) {
      throw new GraphQLGuardError(
        'GATEHOUSE_PERSISTED_QUERY_NOT_ALLOWED',
        'This document is not in the persisted query allowlist.',
        {},
        403,
      );
    }
    return r.query;
  }
  const hash = r.hash as string;
  const known = pq.documents.get(hash);
  if (known !== undefined) return known;
  if (pq.allowlist) {
    if (!pq.hashes.has(hash)) {
      throw new GraphQLGuardError(
        'GATEHOUSE_PERSISTED_QUERY_NOT_ALLOWED',
        'This document is not in the persisted query allowlist.',
        {},
        403,
      );
    }
    return TEXT_UNKNOWN;
  }
  const cached = pq.cache.get(hash);
  if (cached !== undefined) return cached;
  // Apollo clients react to this exact message by resending the full query, which is then measured.
  throw new GraphQLGuardError('PERSISTED_QUERY_NOT_FOUND', 'PersistedQueryNotFound', {}, 200);
}

function checkOne(s: GraphQLRequest, settings: GuardSettings, caller: Caller, method: string) {
  const text = documentText(settings, s);
  if (text === TEXT_UNKNOWN) {
    // Allowlisted by hash only: vetted by the operator, but field rules cannot be checked without the text.
    if (settings.fieldScopes.size > 0) {
      throw new GraphQLGuardError(
        'GATEHOUSE_PERSISTED_QUERY_NOT_ALLOWED',
        'The gateway does not know the text of this persisted query and cannot authorize its fields.',
        {},
        403,
      );
    }
    return undefined;
  }
  const doc = parseDocument(text, settings.parse);
  const a = analyzeDocument(doc, {
    operationName: s.operationName,
    variables: s.variables,
    schema: settings.schema,
    cost: settings.cost,
    protectedFields: settings.fieldScopes,
  });
  if (method === 'GET' && a.operation !== 'query') {
    throw new GraphQLGuardError(
      'GATEHOUSE_MUTATION_OVER_GET',
      `A ${a.operation} cannot be sent with GET; use POST.`,
      {},
      405,
    );
  }
  enforceLimits(a, settings.limits);
  if (s.query !== undefined && s.hash !== undefined) settings.persisted.cache.set(s.hash, s.query);
  if (a.introspection && !mayIntrospect(settings, caller)) {
    throw new GraphQLGuardError(
      'GATEHOUSE_INTROSPECTION_DISABLED',
      'Introspection is not allowed for this client.',
      {},
      403,
    );
  }
  for (const key of a.protectedFields) {
    const need = settings.fieldScopes.get(key) ?? [];
    if (!need.every((scope) => caller.scopes.has(scope))) {
      throw new GraphQLGuardError(
        'GATEHOUSE_FIELD_FORBIDDEN',
        `Not authorized to access ${key}.`,
        { field: key },
        403,
      );
    }
  }
  return a;
}

function mayIntrospect(s: GuardSettings, caller: Caller): boolean {
  if (!caller.authenticated || caller.consumerId === undefined) return false;
  if (s.introspection.consumers.has(caller.consumerId)) return true;
  return caller.groups.some((g) => s.introspection.groups.has(g));
}

/**
 * Checks every GraphQL request of an HTTP request: persisted-query rules, parse limits, operation limits,
 * GET-only-for-queries, introspection and field scopes; then the batch's total cost against `maxCost`.
 * Throws the first refusal as a {@link GraphQLGuardError} (with `batchIndex` for batches).
 *
 * @example
 * const result = checkGraphQL(settings, requestFromQueryString('query=%7Bme%7D'), caller, 'GET');
 */
export function checkGraphQL(
  settings: GuardSettings,
  http: GraphQLHttpRequest,
  caller: Caller,
  method: string,
): GuardResult {
  const operations: (OperationAnalysis | undefined)[] = [];
  let totalCost = 0;
  for (let i = 0; i < http.requests.length; i++) {
    const r = http.requests[i] as GraphQLRequest;
    let a: OperationAnalysis | undefined;
    try {
      a = checkOne(r, settings, caller, method);
    } catch (err) {
      if (!http.batch || !(err instanceof GraphQLGuardError)) throw err;
      throw new GraphQLGuardError(err.code, err.message, { ...err.extensions, batchIndex: i }, err.status);
    }
    operations.push(a);
    totalCost += a?.cost ?? 0;
  }
  if (http.batch && !(totalCost <= settings.limits.maxCost)) {
    throw new GraphQLGuardError(
      'GATEHOUSE_COST_LIMIT',
      `Total batch cost ${Number.isFinite(totalCost) ? totalCost : 'unbounded'} exceeds the limit of ${settings.limits.maxCost}.`,
      { limit: settings.limits.maxCost, actual: Number.isFinite(totalCost) ? totalCost : null },
    );
  }
  return Object.freeze({ operations: Object.freeze(operations), totalCost });
}
