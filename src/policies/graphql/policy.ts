import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { errorBody, type GraphQLGuardCode, GraphQLGuardError, safeEcho } from '../../graphql/errors.ts';
import { type Caller, checkGraphQL, type GuardSettings } from '../../graphql/guard.ts';
import { DocumentCache, loadPersistedDocuments } from '../../graphql/persisted.ts';
import {
  GRAPHQL_DOCUMENT_TYPE,
  GRAPHQL_JSON_TYPES,
  type GraphQLHttpRequest,
  requestFromQueryString,
  requestsFromBody,
} from '../../graphql/request.ts';
import { buildSchemaIndex, DEFAULT_ROOT_TYPES, type SchemaIndex } from '../../graphql/schema-index.ts';
import { repeatsKey } from '../../lib/json-duplicate-keys.ts';
import { definePolicy, type LocalReply, type PolicyDeps, type RequestContext } from '../../pipeline/types.ts';
import { authenticatedSuccesses } from '../auth-requirement/results.ts';
import { BUFFERED_BODY_KEY, readBodyPrefix } from '../waf/body.ts';
import { type GraphQLConfig, GraphQLSchema } from './schema.ts';

const NAME = 'graphql';

/**
 * Refuses a JSON body in which an object repeats a key (compared after unescaping). JSON parsers disagree on
 * which of two `"query"` (or `"variables"` members) wins, so the guard could measure one document while a
 * first-wins upstream runs the other.
 */
function refuseDuplicateKeys(body: Buffer): void {
  if (repeatsKey(body.toString('utf8'))) {
    throw new GraphQLGuardError('GATEHOUSE_BAD_REQUEST', 'The JSON body repeats a key.');
  }
}
/** Characters cached per APQ entry on average (bounds the cache's memory with `cache_entries`). */
const CACHE_CHARS_PER_ENTRY = 4096;

/** Media type of a Content-Type value, lower-case without parameters. */
function mediaType(value: string | string[] | undefined): string {
  if (typeof value !== 'string') return '';
  const semi = value.indexOf(';');
  return (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
}

/** Rejects nested `Type.field` keys when no schema can type nested fields (they would never match). */
function checkKeys(keys: Iterable<string>, schema: SchemaIndex | undefined, what: string): void {
  if (schema !== undefined) return;
  const roots = new Set(Object.values(DEFAULT_ROOT_TYPES));
  for (const key of keys) {
    const type = key.slice(0, key.indexOf('.'));
    if (type !== '*' && !roots.has(type)) {
      throw new TypeError(
        `graphql: ${what} key "${key}" names a nested type: set schema_file, or use "*.${key.slice(type.length + 1)}"`,
      );
    }
  }
}

/** Compiles the validated config into guard settings (reads the schema and persisted query files). */
export function compileGraphQLSettings(config: GraphQLConfig): GuardSettings {
  let schema: SchemaIndex | undefined;
  if (config.schema_file !== '') {
    let sdl: string;
    try {
      sdl = readFileSync(config.schema_file, 'utf8');
    } catch {
      throw new TypeError(`graphql: schema_file ${config.schema_file} cannot be read`);
    }
    schema = buildSchemaIndex(sdl);
  }
  checkKeys(Object.keys(config.field_auth), schema, 'field_auth');
  checkKeys(Object.keys(config.cost.field_costs), schema, 'cost.field_costs');
  const pq = config.persisted_queries;
  const documents = loadPersistedDocuments(pq.paths);
  if (pq.allowlist && pq.hashes.length === 0 && documents.size === 0) {
    throw new TypeError('graphql: persisted_queries.allowlist needs hashes or paths');
  }
  return Object.freeze({
    parse: Object.freeze({ maxTokens: config.max_tokens, maxNesting: config.max_nesting }),
    limits: Object.freeze({
      maxDepth: config.max_depth,
      maxAliases: config.max_aliases,
      maxRootFields: config.max_root_fields,
      maxDirectives: config.max_directives,
      maxCost: config.max_cost,
    }),
    cost: Object.freeze({
      defaultListSize: config.cost.default_list_size,
      listSizeArguments: new Set(config.cost.list_size_arguments),
      defaultFieldCost: config.cost.default_field_cost,
      fieldCosts: new Map(Object.entries(config.cost.field_costs)),
    }),
    schema,
    introspection: Object.freeze({
      consumers: new Set(config.introspection.allow_consumers),
      groups: new Set(config.introspection.allow_groups),
    }),
    fieldScopes: new Map(Object.entries(config.field_auth)),
    persisted: Object.freeze({
      allowlist: pq.allowlist,
      hashes: new Set(pq.hashes.map((h) => h.toLowerCase())),
      documents,
      cache: new DocumentCache(pq.cache_entries, pq.cache_entries * CACHE_CHARS_PER_ENTRY),
    }),
  });
}

/** The consumer, groups and scopes of the request, from identity policies earlier in the chain. */
function callerOf(ctx: RequestContext): Caller {
  const successes = authenticatedSuccesses(ctx);
  const scopes = new Set<string>();
  for (const s of successes) for (const scope of s.scopes) scopes.add(scope);
  return {
    authenticated: successes.length > 0,
    consumerId: ctx.consumer?.id,
    groups: ctx.consumer?.groups ?? [],
    scopes,
  };
}

/** Reads the body (or what an earlier policy buffered) up to the limit and hands it back to the proxy. */
async function readBody(ctx: RequestContext, limit: number): Promise<Buffer> {
  const cl = ctx.headers['content-length'];
  if (typeof cl === 'string' && /^[0-9]+$/.test(cl) && Number(cl) > limit) throw tooLarge(limit);
  const held = ctx.state[BUFFERED_BODY_KEY] as Buffer | AsyncIterable<Buffer> | undefined;
  if (Buffer.isBuffer(held)) {
    if (held.length > limit) throw tooLarge(limit);
    return held;
  }
  if (held === undefined) ctx.sendContinue?.();
  const source = (held ?? ctx.req) as unknown as Readable;
  const prefix = await readBodyPrefix(source, limit, ctx.maxBodyBytes);
  ctx.state[BUFFERED_BODY_KEY] = prefix.forward;
  if (prefix.oversize) throw tooLarge(limit);
  return prefix.inspected;
}

function tooLarge(limit: number): GraphQLGuardError {
  return new GraphQLGuardError(
    'GATEHOUSE_BODY_TOO_LARGE',
    `The request body exceeds ${limit} bytes.`,
    { limit },
    413,
  );
}

/** GraphQL request parameters, refused in the URL of a POST (the upstream might read them instead of the body). */
const URL_PARAMS = ['query', 'variables', 'operationName', 'extensions'] as const;

/** The GraphQL request(s) of an HTTP request, or undefined for requests the guard lets through (OPTIONS). */
async function extract(config: GraphQLConfig, ctx: RequestContext): Promise<GraphQLHttpRequest | undefined> {
  const m = ctx.method;
  if (m === 'OPTIONS') return undefined;
  if ((m === 'GET' || m === 'HEAD') && config.allow_get) return requestFromQueryString(ctx.query);
  if (m !== 'POST') {
    throw new GraphQLGuardError(
      'GATEHOUSE_METHOD_NOT_ALLOWED',
      `GraphQL requests use ${config.allow_get ? 'GET or POST' : 'POST'}.`,
      {},
      405,
    );
  }
  // Some servers (express-graphql, graphql-http) prefer URL parameters over the body: refuse both at once.
  const url = new URLSearchParams(ctx.query);
  for (const name of URL_PARAMS) {
    if (url.has(name)) {
      throw new GraphQLGuardError(
        'GATEHOUSE_BAD_REQUEST',
        'GraphQL parameters are not accepted in the URL of a POST request.',
      );
    }
  }
  const type = mediaType(ctx.headers['content-type']);
  if (!GRAPHQL_JSON_TYPES.has(type) && type !== GRAPHQL_DOCUMENT_TYPE) {
    throw new GraphQLGuardError(
      'GATEHOUSE_UNSUPPORTED_MEDIA_TYPE',
      'GraphQL POST bodies must be application/json or application/graphql.',
      {},
      415,
    );
  }
  const body = await readBody(ctx, config.max_body_bytes);
  if (type !== GRAPHQL_DOCUMENT_TYPE) refuseDuplicateKeys(body);
  return requestsFromBody(type, body, config.max_batch);
}

const RESPONSE_TYPE = 'application/graphql-response+json';

function reply(ctx: RequestContext, err: GraphQLGuardError, allowGet: boolean): LocalReply {
  const accept = ctx.headers.accept;
  const wantsGraphQL = (Array.isArray(accept) ? accept.join(',') : (accept ?? '')).includes(RESPONSE_TYPE);
  const headers: Record<string, string> = {
    'content-type': `${wantsGraphQL ? RESPONSE_TYPE : 'application/json'}; charset=utf-8`,
    'cache-control':
      err.code === 'PERSISTED_QUERY_NOT_FOUND' ? 'private, no-cache, must-revalidate' : 'no-store',
  };
  if (err.status === 405)
    headers.allow = allowGet && err.code !== 'GATEHOUSE_MUTATION_OVER_GET' ? 'GET, POST' : 'POST';
  return { status: err.status, headers, body: errorBody(err) };
}

/** `event.reason` values, lower-case without the prefix (`depth_limit`, `introspection_disabled`, …). */
function reasonOf(code: GraphQLGuardCode): string {
  return code.replace(/^GATEHOUSE_/, '').toLowerCase();
}

function refuse(
  ctx: RequestContext,
  deps: PolicyDeps,
  config: GraphQLConfig,
  err: GraphQLGuardError,
): LocalReply | undefined {
  const reason = `graphql:${reasonOf(err.code)}`;
  const reportOnly = deps.mode === 'report-only';
  // A cache miss of automatic persisted queries is protocol, not an attack: no security event.
  if (err.code !== 'PERSISTED_QUERY_NOT_FOUND') {
    deps.event('graphql_rejected', {
      'event.reason': reasonOf(err.code),
      'event.outcome': reportOnly ? 'would-deny' : 'deny',
      'gatehouse.policy': NAME,
      'client.ip': ctx.clientIp,
      'http.request.id': ctx.id,
      'gatehouse.route': ctx.route.name,
      ...(ctx.consumer ? { 'gatehouse.consumer.id': ctx.consumer.id } : {}),
      'gatehouse.graphql.code': err.code,
      'http.response.status_code': err.status,
      ...Object.fromEntries(
        Object.entries(err.extensions).map(([k, v]) => [
          `gatehouse.graphql.${k}`,
          typeof v === 'string' ? safeEcho(v) : v,
        ]),
      ),
    });
  }
  const protocol = err.code === 'PERSISTED_QUERY_NOT_FOUND';
  if (reportOnly) {
    if (!protocol) ctx.decisions.push({ policy: NAME, action: 'would-deny', reason, status: err.status });
    return undefined;
  }
  ctx.decisions.push({ policy: NAME, action: protocol ? 'reply' : 'deny', reason, status: err.status });
  return reply(ctx, err, config.allow_get);
}

/**
 * `graphql`: a GraphQL guard in front of a GraphQL upstream. It reads GET parameters or a bounded POST body
 * (JSON object, JSON batch array or `application/graphql`, handed back to the proxy unchanged), parses with a
 * token and nesting limit, selects the operation (`operationName`) and measures it with fragments expanded
 * (cycles refused): depth, aliases, root fields, directives, cost (list sizes from `first`/`last`/`limit`,
 * variables resolved). Introspection is refused except for configured consumers/groups, field keys can require
 * scopes, and an allowlist of persisted queries (SHA-256, Apollo APQ compatible) can be enforced. Refusals are
 * GraphQL errors (`{"errors":[{"message","extensions":{"code":"GATEHOUSE_…"}}]}`, 400/403/405/413/415) and
 * `graphql_rejected` events.
 *
 * @example
 * graphql:
 *   max_depth: 10
 *   max_cost: 5000
 *   introspection: { allow_groups: [admins] }
 *   field_auth: { Mutation.deleteUser: [users:admin] }
 */
export const policy = definePolicy({
  name: NAME,
  order: 390,
  phases: ['request'],
  status: 'experimental',
  posture: 'hardened',
  description:
    'GraphQL guard: token/depth/alias/cost/batch limits, introspection control, persisted-query allowlist, field scopes.',
  supportsMode: true,
  schema: GraphQLSchema,
  create(config: GraphQLConfig, deps: PolicyDeps) {
    const settings = compileGraphQLSettings(config);
    return Object.freeze({
      async onRequest(ctx: RequestContext): Promise<LocalReply | undefined> {
        try {
          const http = await extract(config, ctx);
          if (http === undefined) return undefined;
          const result = checkGraphQL(
            settings,
            http,
            callerOf(ctx),
            ctx.method === 'HEAD' ? 'GET' : ctx.method,
          );
          ctx.state[NAME] = {
            operations: result.operations.map((a) =>
              a === undefined
                ? { persisted: true }
                : {
                    type: a.operation,
                    name: a.operationName === undefined ? undefined : safeEcho(a.operationName),
                    cost: a.cost,
                  },
            ),
            cost: result.totalCost,
          };
          return undefined;
        } catch (err) {
          if (err instanceof GraphQLGuardError) return refuse(ctx, deps, config, err);
          throw err;
        }
      },
    });
  },
});
