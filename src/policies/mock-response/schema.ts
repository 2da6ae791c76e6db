import { type Static, Type } from '@sinclair/typebox';
import { MAX_HEADER_NAME, MAX_HEADER_VALUE, SAFE_VALUE_PATTERN, TOKEN_PATTERN } from '../headers/hygiene.ts';

/** Headers echoed by default: nothing that carries credentials or internal addresses. */
export const DEFAULT_ECHO_HEADERS = [
  'accept',
  'content-type',
  'content-length',
  'user-agent',
  'x-request-id',
  'traceparent',
] as const;

/** Config of the `mock-response` policy. */
export const MockResponseSchema = Type.Object(
  {
    status: Type.Integer({
      minimum: 200,
      maximum: 599,
      default: 200,
      description: 'Status of the reply.',
    }),
    headers: Type.Record(
      Type.String({ pattern: TOKEN_PATTERN, maxLength: MAX_HEADER_NAME }),
      Type.String({ pattern: SAFE_VALUE_PATTERN, maxLength: MAX_HEADER_VALUE }),
      {
        default: {},
        additionalProperties: false,
        description:
          'Headers of the reply. Content-Length and hop-by-hop headers are set by the gateway and refused here.',
      },
    ),
    body: Type.String({
      default: '',
      maxLength: 1_048_576,
      description:
        'Text body of the reply (`text/plain; charset=utf-8` unless a content-type header is configured).',
    }),
    json: Type.Optional(
      Type.Unknown({
        description:
          'Any JSON value sent as the body (`application/json`), serialized once at load. Exclusive with `body` and `echo`; absent by default.',
      }),
    ),
    echo: Type.Boolean({
      default: false,
      description:
        'Reply with a JSON description of the request as it would go upstream: method, path, query, selected headers, route and request id. The request body is never read.',
    }),
    echo_headers: Type.Array(Type.String({ pattern: TOKEN_PATTERN, maxLength: MAX_HEADER_NAME }), {
      default: [...DEFAULT_ECHO_HEADERS],
      maxItems: 64,
      description:
        'Request headers included in an echo. Authorization, Proxy-Authorization, Cookie and X-Api-Key are refused.',
    }),
  },
  {
    additionalProperties: false,
    description:
      'Answers locally with a fixed reply, a JSON value or an echo of the request (the built-in demo upstream).',
  },
);

/** Validated `mock-response` config (defaults applied). */
export type MockResponseConfig = Static<typeof MockResponseSchema>;
