import { type Static, Type } from '@sinclair/typebox';
import { MAX_HEADER_NAME, MAX_HEADER_VALUE, SAFE_VALUE_PATTERN, TOKEN_PATTERN } from './hygiene.ts';

const Name = Type.String({ pattern: TOKEN_PATTERN, maxLength: MAX_HEADER_NAME });
const Value = Type.String({ pattern: SAFE_VALUE_PATTERN, maxLength: MAX_HEADER_VALUE });
const RemoveEntry = Type.String({
  pattern: "^[!#$%&'+.^_`|~0-9A-Za-z-]+\\*?$",
  maxLength: MAX_HEADER_NAME,
  description:
    'A header name, or a prefix ending in `*` (e.g. `x-internal-*`); `*` is only allowed at the end.',
});

function operations(side: 'request' | 'response') {
  const target = side === 'request' ? 'the request sent upstream' : 'the response sent to the client';
  return Type.Object(
    {
      add: Type.Record(Name, Value, {
        default: {},
        additionalProperties: false,
        description: `Headers added to ${target} only when absent.`,
      }),
      set: Type.Record(Name, Value, {
        default: {},
        additionalProperties: false,
        description: `Headers set on ${target}, replacing any existing value.`,
      }),
      remove: Type.Array(RemoveEntry, {
        default: [],
        maxItems: 256,
        description: `Headers removed from ${target}. A trailing \`*\` removes every header with that prefix.`,
      }),
      rename: Type.Record(Name, Name, {
        default: {},
        additionalProperties: false,
        description: `Headers renamed on ${target} (\`from: to\`); the value moves and replaces any existing \`to\`.`,
      }),
    },
    {
      additionalProperties: false,
      default: {},
      description: `Changes to ${target}. Applied in the order remove, rename, set, add.`,
    },
  );
}

/** Config of the `headers` policy. */
export const HeadersSchema = Type.Object(
  {
    request: operations('request'),
    response: operations('response'),
  },
  {
    additionalProperties: false,
    description:
      'Adds, sets, removes and renames request and response headers. Hop-by-hop headers, host and content-length are refused.',
  },
);

/** Validated `headers` config (defaults applied). */
export type HeadersConfig = Static<typeof HeadersSchema>;
