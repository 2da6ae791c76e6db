import { type Static, Type } from '@sinclair/typebox';
import { DEFAULT_JSON_LIMITS } from '../../payload/json.ts';
import { MEDIA_RANGE_PATTERN } from '../request-size-limit/schema.ts';

/** Media ranges whose bodies `json-threat-protection` inspects by default. */
export const DEFAULT_JSON_CONTENT_TYPES: readonly string[] = ['application/json', 'application/*+json'];

const d = DEFAULT_JSON_LIMITS;

function limit(def: number, max: number, description: string) {
  return Type.Integer({ minimum: 1, maximum: max, default: def, description });
}

/** Config of the `json-threat-protection` policy. */
export const JsonThreatProtectionSchema = Type.Object(
  {
    content_types: Type.Array(Type.String({ pattern: MEDIA_RANGE_PATTERN, maxLength: 255 }), {
      default: [...DEFAULT_JSON_CONTENT_TYPES],
      minItems: 1,
      maxItems: 64,
      description:
        'Media ranges (`type/subtype`, `type/*`, `type/*+suffix`; parameters ignored) whose bodies are validated. Bodies of other media types stream through unchecked: pair with `request-size-limit.allowed_content_types` to refuse them.',
    }),
    max_depth: limit(
      d.maxDepth,
      10_000,
      'Deepest nesting of objects and arrays (the outermost container is depth 1). Default 32.',
    ),
    max_object_entries: limit(
      d.maxObjectEntries,
      1_000_000,
      'Most entries (keys) in one object. Default 1000.',
    ),
    max_array_length: limit(d.maxArrayLength, 10_000_000, 'Most elements in one array. Default 10000.'),
    max_string_length: limit(
      d.maxStringLength,
      1_073_741_824,
      'Longest string value, in characters after unescaping (an escape sequence counts as one). Default 65536.',
    ),
    max_key_length: limit(
      d.maxKeyLength,
      1_048_576,
      'Longest object key, in characters after unescaping. Default 256.',
    ),
    max_number_length: limit(
      d.maxNumberLength,
      4096,
      'Longest number literal, in characters (`-1.5e10` is 7). Default 64.',
    ),
    max_size: limit(
      d.maxSize,
      1_073_741_824,
      'Largest body, in bytes; also how much is buffered while validating. A larger Content-Length is refused (413) before reading. Default 1 MiB.',
    ),
    duplicate_keys: Type.Union([Type.Literal('reject'), Type.Literal('allow')], {
      default: 'reject',
      description:
        '`reject` refuses objects that repeat a key (compared after unescaping), which parsers resolve differently (first wins vs last wins). Keeping the keys of open objects costs memory bounded by `max_size`.',
    }),
    proto_keys: Type.Union([Type.Literal('reject'), Type.Literal('allow')], {
      default: 'reject',
      description:
        '`reject` refuses the keys `__proto__`, `constructor` and `prototype` (compared after unescaping, so `"__pro\\u0074o__"` is caught): prototype-pollution payloads for JavaScript upstreams.',
    }),
    bom: Type.Union([Type.Literal('accept'), Type.Literal('reject')], {
      default: 'accept',
      description:
        'A leading UTF-8 byte order mark: `accept` skips it while validating (it is still forwarded, RFC 8259 lets parsers ignore it), `reject` refuses the body.',
    }),
  },
  {
    additionalProperties: false,
    description:
      'Validates JSON request bodies while they stream in (well-formedness, UTF-8, structural limits, duplicate and prototype keys) and forwards them unchanged.',
  },
);

/** Validated `json-threat-protection` config (defaults applied). */
export type JsonThreatProtectionConfig = Static<typeof JsonThreatProtectionSchema>;
