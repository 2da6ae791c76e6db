import { type Static, Type } from '@sinclair/typebox';

/** `Type.field` or `*.field` (GraphQL names). */
export const FIELD_KEY_PATTERN = '^(?:[_A-Za-z][_0-9A-Za-z]*|\\*)\\.[_A-Za-z][_0-9A-Za-z]*$';

const Scope = Type.String({
  pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$',
  maxLength: 256,
  description: 'A scope (RFC 6749 scope-token), e.g. `billing:read`.',
});

const Name = Type.String({ minLength: 1, maxLength: 256, description: 'A consumer id or group name.' });

/** Config of the `graphql` policy. */
export const GraphQLSchema = Type.Object(
  {
    max_body_bytes: Type.Integer({
      minimum: 1024,
      maximum: 16 * 1024 * 1024,
      default: 1048576,
      description:
        'Largest POST body read and analysed, in bytes (buffered); larger bodies are refused (413).',
    }),
    allow_get: Type.Boolean({
      default: true,
      description:
        'Accept queries over GET (`?query=&variables=&operationName=`). Mutations are never accepted over GET.',
    }),
    max_tokens: Type.Integer({
      minimum: 10,
      maximum: 1000000,
      default: 10000,
      description: 'Most lexical tokens in one document; parsing stops at the limit.',
    }),
    max_nesting: Type.Integer({
      minimum: 2,
      maximum: 1000,
      default: 100,
      description:
        'Deepest nesting of `{ ( [` in a document, checked by a flat scan before parsing (protects the recursive parser).',
    }),
    max_depth: Type.Integer({
      minimum: 1,
      maximum: 1000,
      default: 15,
      description:
        'Deepest field nesting of the selected operation, fragments expanded (`{ me { id } }` is 2).',
    }),
    max_aliases: Type.Integer({
      minimum: 0,
      maximum: 100000,
      default: 30,
      description: 'Most aliased fields in the selected operation, fragments expanded.',
    }),
    max_root_fields: Type.Integer({
      minimum: 1,
      maximum: 100000,
      default: 20,
      description: 'Most fields selected at the root of the operation, fragments expanded.',
    }),
    max_directives: Type.Integer({
      minimum: 0,
      maximum: 1000,
      default: 10,
      description: 'Most directives on one field, fragment spread, inline fragment or operation.',
    }),
    max_batch: Type.Integer({
      minimum: 0,
      maximum: 1000,
      default: 10,
      description: 'Most operations in a batched (JSON array) request; 0 refuses batches.',
    }),
    max_cost: Type.Integer({
      minimum: 1,
      maximum: 1000000000,
      default: 10000,
      description:
        'Highest cost of one operation and of a whole batch (see `docs/security.md`, GraphQL, for the model).',
    }),
    cost: Type.Object(
      {
        default_field_cost: Type.Integer({
          minimum: 0,
          maximum: 1000000,
          default: 1,
          description: 'Weight of a field without an entry in `field_costs` (`__typename` weighs 0).',
        }),
        default_list_size: Type.Integer({
          minimum: 0,
          maximum: 1000000,
          default: 10,
          description:
            'Multiplier of a list field whose size argument is missing or not a literal/variable integer.',
        }),
        list_size_arguments: Type.Array(
          Type.String({ pattern: '^[_A-Za-z][_0-9A-Za-z]*$', maxLength: 128 }),
          {
            default: ['first', 'last', 'limit'],
            maxItems: 32,
            description: 'Arguments whose integer value multiplies the cost of the field (largest one wins).',
          },
        ),
        field_costs: Type.Record(
          Type.String({ pattern: FIELD_KEY_PATTERN }),
          Type.Integer({ minimum: 0, maximum: 1000000 }),
          {
            default: {},
            maxProperties: 10000,
            additionalProperties: false,
            description:
              'Weights by `Type.field` or `*.field` (e.g. `Query.search: 50`). Nested `Type.field` keys need `schema_file`.',
          },
        ),
      },
      {
        additionalProperties: false,
        default: {},
        description: 'The cost model: `cost(field) = size × (weight + cost of the sub-selection)`.',
      },
    ),
    schema_file: Type.String({
      default: '',
      maxLength: 4096,
      description:
        'Path of the upstream schema (SDL). Gives types to nested fields (for `Type.field` rules and costs) and marks list fields. Empty: only root fields and typed fragments are typed.',
    }),
    introspection: Type.Object(
      {
        allow_consumers: Type.Array(Name, {
          default: [],
          maxItems: 1000,
          description: 'Authenticated consumer ids allowed to query `__schema` / `__type`.',
        }),
        allow_groups: Type.Array(Name, {
          default: [],
          maxItems: 1000,
          description: 'Consumer groups allowed to query `__schema` / `__type`.',
        }),
      },
      {
        additionalProperties: false,
        default: {},
        description: 'Introspection is refused (403) for everyone else, including anonymous requests.',
      },
    ),
    field_auth: Type.Record(
      Type.String({ pattern: FIELD_KEY_PATTERN }),
      Type.Array(Scope, { minItems: 1, maxItems: 64, uniqueItems: true }),
      {
        default: {},
        maxProperties: 10000,
        additionalProperties: false,
        description:
          'Field key (`Query.users`, `Mutation.deleteUser`, `User.email`, `*.ssn`) → scopes that are all required to select it (403 otherwise). Nested `Type.field` keys need `schema_file`.',
      },
    ),
    persisted_queries: Type.Object(
      {
        allowlist: Type.Boolean({
          default: false,
          description:
            'Allowlist mode: only documents whose SHA-256 is in `hashes` or in the `paths` files are accepted.',
        }),
        hashes: Type.Array(Type.String({ pattern: '^[0-9a-fA-F]{64}$' }), {
          default: [],
          maxItems: 100000,
          description:
            'Allowed document hashes (SHA-256 hex of the query text, as Apollo APQ `sha256Hash`). Hash-only requests for these are passed unmeasured (refused when `field_auth` is set).',
        }),
        paths: Type.Array(Type.String({ minLength: 1, maxLength: 4096 }), {
          default: [],
          maxItems: 256,
          description:
            'Files or directories of allowed documents (`*.graphql`, `*.gql`, Apollo persisted-query manifests or `{hash: document}` maps in `*.json`), loaded at config load.',
        }),
        cache_entries: Type.Integer({
          minimum: 0,
          maximum: 100000,
          default: 1000,
          description:
            'Automatic persisted queries: documents remembered after a full, passing request with a hash, so later hash-only requests are measured. Unknown hash-only requests get `PersistedQueryNotFound`.',
        }),
      },
      {
        additionalProperties: false,
        default: {},
        description: 'Persisted queries (APQ) and allowlist mode.',
      },
    ),
  },
  {
    additionalProperties: false,
    description:
      'GraphQL guard: parse limits, depth/alias/cost/batch limits, introspection, persisted queries, field scopes.',
  },
);

/** Validated `graphql` config (defaults applied). */
export type GraphQLConfig = Static<typeof GraphQLSchema>;
