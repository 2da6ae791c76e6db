import { GraphQLGuardError } from './errors.ts';

/** One GraphQL request (an element of a batch, or the only one), shape-checked. */
export interface GraphQLRequest {
  /** The document text; undefined for hash-only persisted queries. */
  readonly query: string | undefined;
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  readonly operationName: string | undefined;
  /** `extensions.persistedQuery.sha256Hash` (lower-case hex), when given. */
  readonly hash: string | undefined;
}

/** The GraphQL requests carried by one HTTP request. */
export interface GraphQLHttpRequest {
  readonly requests: readonly GraphQLRequest[];
  /** True when the body was a JSON array (a batch), even of one element. */
  readonly batch: boolean;
}

/** Media types whose POST bodies the guard understands. */
export const GRAPHQL_JSON_TYPES: ReadonlySet<string> = new Set([
  'application/json',
  'application/graphql+json',
]);
/** The raw-document media type (`application/graphql`): the body is the query text. */
export const GRAPHQL_DOCUMENT_TYPE = 'application/graphql';

const HASH = /^[0-9a-fA-F]{64}$/;

function bad(message: string): GraphQLGuardError {
  return new GraphQLGuardError('GATEHOUSE_BAD_REQUEST', message);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function persistedHash(extensions: unknown): string | undefined {
  if (extensions === undefined || extensions === null) return undefined;
  if (!isPlainObject(extensions)) throw bad('"extensions" must be an object.');
  const pq = extensions.persistedQuery;
  if (pq === undefined || pq === null) return undefined;
  if (!isPlainObject(pq) || typeof pq.sha256Hash !== 'string' || !HASH.test(pq.sha256Hash)) {
    throw bad('"extensions.persistedQuery.sha256Hash" must be a SHA-256 hex digest.');
  }
  return pq.sha256Hash.toLowerCase();
}

/** Shape-checks one request object (`{query, variables, operationName, extensions}`). */
export function toGraphQLRequest(raw: unknown): GraphQLRequest {
  if (!isPlainObject(raw)) throw bad('A GraphQL request must be a JSON object.');
  const { query, variables, operationName, extensions } = raw;
  if (query !== undefined && query !== null && typeof query !== 'string')
    throw bad('"query" must be a string.');
  if (variables !== undefined && variables !== null && !isPlainObject(variables)) {
    throw bad('"variables" must be an object.');
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    throw bad('"operationName" must be a string.');
  }
  const hash = persistedHash(extensions);
  const q = typeof query === 'string' ? query : undefined;
  if (q === undefined && hash === undefined) throw bad('The request has no "query".');
  return Object.freeze({
    query: q,
    variables: isPlainObject(variables) ? variables : undefined,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    hash,
  });
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw bad(`${what} is not valid JSON.`);
  }
}

/**
 * The GraphQL request of a GET (`?query=&variables=&operationName=&extensions=`). Repeated parameters are
 * refused: the gateway and the upstream could otherwise read different values.
 *
 * @example
 * requestFromQueryString('query=%7Bme%7Bid%7D%7D'); // { requests: [{ query: '{me{id}}', … }], batch: false }
 */
export function requestFromQueryString(rawQuery: string): GraphQLHttpRequest {
  const params = new URLSearchParams(rawQuery);
  const one = (name: string): string | undefined => {
    const all = params.getAll(name);
    if (all.length > 1) throw bad(`The "${name}" parameter is repeated.`);
    return all[0];
  };
  const query = one('query');
  const variables = one('variables');
  const operationName = one('operationName');
  const extensions = one('extensions');
  const req = toGraphQLRequest({
    query,
    operationName,
    variables: variables === undefined || variables === '' ? undefined : parseJson(variables, '"variables"'),
    extensions:
      extensions === undefined || extensions === '' ? undefined : parseJson(extensions, '"extensions"'),
  });
  return Object.freeze({ requests: Object.freeze([req]), batch: false });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * The GraphQL request(s) of a POST body: a JSON object, a JSON array (a batch, at most `maxBatch` elements;
 * `0` refuses arrays) or an `application/graphql` document. Invalid UTF-8 is refused.
 *
 * @example
 * requestsFromBody('application/json', Buffer.from('[{"query":"{a}"},{"query":"{b}"}]'), 10).requests.length; // 2
 */
export function requestsFromBody(mediaType: string, body: Buffer, maxBatch: number): GraphQLHttpRequest {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw bad('The body is not valid UTF-8.');
  }
  if (mediaType === GRAPHQL_DOCUMENT_TYPE) {
    return Object.freeze({ requests: Object.freeze([toGraphQLRequest({ query: text })]), batch: false });
  }
  const parsed = parseJson(text, 'The body');
  if (!Array.isArray(parsed)) {
    return Object.freeze({ requests: Object.freeze([toGraphQLRequest(parsed)]), batch: false });
  }
  if (parsed.length > maxBatch) {
    throw new GraphQLGuardError(
      'GATEHOUSE_BATCH_LIMIT',
      maxBatch === 0
        ? 'Batched requests are not accepted.'
        : `Batch size ${parsed.length} exceeds the limit of ${maxBatch}.`,
      { limit: maxBatch, actual: parsed.length },
    );
  }
  if (parsed.length === 0) throw bad('The batch is empty.');
  return Object.freeze({ requests: Object.freeze(parsed.map(toGraphQLRequest)), batch: true });
}
