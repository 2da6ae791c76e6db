/**
 * Refusals of the GraphQL guard, rendered in the GraphQL error format
 * (`{"errors":[{"message":…,"extensions":{"code":"GATEHOUSE_…"}}]}`) rather than problem+json, so GraphQL
 * clients show them like any other GraphQL error.
 */

/** Every code the guard answers with (`extensions.code`). */
export type GraphQLGuardCode =
  | 'GATEHOUSE_BAD_REQUEST'
  | 'GATEHOUSE_METHOD_NOT_ALLOWED'
  | 'GATEHOUSE_UNSUPPORTED_MEDIA_TYPE'
  | 'GATEHOUSE_BODY_TOO_LARGE'
  | 'GATEHOUSE_PARSE_ERROR'
  | 'GATEHOUSE_TOKEN_LIMIT'
  | 'GATEHOUSE_NESTING_LIMIT'
  | 'GATEHOUSE_INVALID_DOCUMENT'
  | 'GATEHOUSE_OPERATION_NOT_FOUND'
  | 'GATEHOUSE_MUTATION_OVER_GET'
  | 'GATEHOUSE_UNKNOWN_FRAGMENT'
  | 'GATEHOUSE_FRAGMENT_CYCLE'
  | 'GATEHOUSE_DEPTH_LIMIT'
  | 'GATEHOUSE_ALIAS_LIMIT'
  | 'GATEHOUSE_ROOT_FIELD_LIMIT'
  | 'GATEHOUSE_DIRECTIVE_LIMIT'
  | 'GATEHOUSE_COST_LIMIT'
  | 'GATEHOUSE_BATCH_LIMIT'
  | 'GATEHOUSE_INTROSPECTION_DISABLED'
  | 'GATEHOUSE_FIELD_FORBIDDEN'
  | 'GATEHOUSE_PERSISTED_QUERY_NOT_ALLOWED'
  | 'GATEHOUSE_PERSISTED_QUERY_HASH_MISMATCH'
  | 'PERSISTED_QUERY_NOT_FOUND';

/**
 * One refusal: a code, an HTTP status and a safe message (never echoing more than a short, truncated piece of
 * the input). `extensions` carries extra safe members such as `limit` and `actual`.
 *
 * @example
 * throw new GraphQLGuardError('GATEHOUSE_DEPTH_LIMIT', 'Query depth 16 exceeds the limit of 15.', { limit: 15, actual: 16 });
 */
export class GraphQLGuardError extends Error {
  readonly code: GraphQLGuardCode;
  readonly status: number;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(
    code: GraphQLGuardCode,
    message: string,
    extensions: Record<string, unknown> = {},
    status = 400,
  ) {
    super(message);
    this.name = 'GraphQLGuardError';
    this.code = code;
    this.status = status;
    this.extensions = Object.freeze({ ...extensions });
  }
}

/** Largest piece of client input (a name) ever put into a message. */
const MAX_ECHO = 64;

/** Truncates client-supplied text before it goes into a message or an event. */
export function safeEcho(value: string): string {
  const clean = value.replace(/[^\x20-\x7E]/g, '?');
  return clean.length > MAX_ECHO ? `${clean.slice(0, MAX_ECHO)}…` : clean;
}

/**
 * The response body of a refusal: `{"errors":[{"message","extensions":{"code",…}}]}`.
 *
 * @example
 * const body = errorBody(new GraphQLGuardError('GATEHOUSE_COST_LIMIT', 'Too expensive.'));
 */
export function errorBody(err: GraphQLGuardError): string {
  return JSON.stringify({
    errors: [{ message: err.message, extensions: { code: err.code, ...err.extensions } }],
  });
}
