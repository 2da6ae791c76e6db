import { type Static, Type } from '@sinclair/typebox';

/** Config of the `openapi` policy. */
export const OpenApiSchema = Type.Object(
  {
    spec: Type.String({
      minLength: 1,
      maxLength: 4096,
      default: 'openapi.yaml',
      description:
        'Path of the OpenAPI 3.0 or 3.1 document (YAML or JSON). Relative paths are resolved against the process working directory. `$ref`s may point into files next to it (never outside its directory, never http(s)).',
    }),
    base_path: Type.Optional(
      Type.String({
        pattern: '^(/[^/?#]+)*$',
        maxLength: 1024,
        description:
          'Base path the operations live under, replacing the paths of `servers` (e.g. `/v1`; "" for none). Default: taken from `servers`.',
      }),
    ),
    strict: Type.Boolean({
      default: false,
      description:
        'Refuse requests the spec does not declare: unknown paths get 404, undeclared methods 405 (with `Allow`). Otherwise they pass and are counted in the shadow-API inventory.',
    }),
    reject_unknown_query_params: Type.Boolean({
      default: false,
      description:
        'Refuse (400) query parameters the operation does not declare. Otherwise they are counted as shadow parameters.',
    }),
    enforce_scopes: Type.Boolean({
      default: false,
      description:
        'Require, per operation, the scopes of `x-gatehouse-scopes` (or else the OAuth scopes of its `security` requirement) from the credentials an earlier authentication policy verified: 401 without credentials, 403 `insufficient_scope` without the scopes. Checked before parameters and bodies.',
    }),
    validate_request_body: Type.Boolean({
      default: true,
      description:
        'Read request bodies (up to `max_body_bytes`) and validate JSON, urlencoded form and multipart/form-data bodies; enforce the declared content types (415). Multipart bodies are parsed strictly (RFC 7578: boundary required, CRLF lines, a named `Content-Disposition: form-data` per part, at most 1000 parts, 100 files and 16 headers of 4096 bytes per part; anything else is 400): each part becomes a member of the validated object (repeated names and array properties become arrays); files (a `filename`, or a `format: binary` / `contentMediaType` schema) validate as strings, `application/json` parts are parsed as JSON (duplicate keys refused), text parts are coerced like form fields. A part whose Content-Type its `encoding.contentType` does not allow gets 415.',
    }),
    max_body_bytes: Type.Integer({
      minimum: 0,
      maximum: 64 * 1024 * 1024,
      default: 1048576,
      description: 'Largest request body read for validation (buffered in memory); larger bodies get 413.',
    }),
    max_json_depth: Type.Integer({
      minimum: 1,
      maximum: 1000,
      default: 64,
      description:
        'Deepest nesting of arrays/objects in a JSON body (request or response) that is validated; deeper bodies are refused (400 `depth`) before parsing, so recursive schemas cannot exhaust the stack.',
    }),
    response_validation: Type.Union(
      [Type.Literal('off'), Type.Literal('report-only'), Type.Literal('enforce')],
      {
        default: 'off',
        description:
          '`report-only`: check responses (status, content type, JSON body) and report mismatches as `openapi_response_invalid` events; `enforce`: also replace an invalid response by 502.',
      },
    ),
    response_allowlist: Type.Boolean({
      default: false,
      description:
        'Remove from JSON responses every member the response schema does not declare (and `writeOnly` members), so undeclared fields never leave. Fails closed: a body that cannot be filtered (undeclared status or content type, a body on a response declared without content, compressed, malformed or nested deeper than 64) is replaced by 502. While responses are checked or filtered the upstream is asked for `Accept-Encoding: identity`.',
    }),
    max_response_bytes: Type.Integer({
      minimum: 0,
      maximum: 64 * 1024 * 1024,
      default: 1048576,
      description:
        'Largest response body buffered for validation or the allowlist; larger responses are refused (502) when enforcing, else passed unchecked.',
    }),
  },
  { additionalProperties: false },
);

/** Config of the `openapi` policy, defaults applied. */
export type OpenApiConfig = Static<typeof OpenApiSchema>;
