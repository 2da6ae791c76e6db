import { type Static, Type } from '@sinclair/typebox';

/** `type/subtype`, `type/*` or `type/*+suffix`, token characters only. */
export const MEDIA_RANGE_PATTERN =
  "^[!#$%&'+.^_`|~0-9A-Za-z-]+/(?:\\*|\\*\\+[!#$%&'.^_`|~0-9A-Za-z-]+|[!#$%&'+.^_`|~0-9A-Za-z-]+)$";

/** Config of the `request-size-limit` policy. */
export const RequestSizeLimitSchema = Type.Object(
  {
    max_bytes: Type.Integer({
      minimum: 0,
      maximum: 2 ** 40,
      default: 1_048_576,
      description:
        'Largest request body in bytes. A larger Content-Length is refused before the body is read; chunked bodies are cut off while streaming.',
    }),
    require_content_length: Type.Boolean({
      default: false,
      description: 'Refuse (411) requests that send a body without Content-Length (chunked transfer coding).',
    }),
    allowed_content_types: Type.Array(Type.String({ pattern: MEDIA_RANGE_PATTERN, maxLength: 255 }), {
      default: [],
      maxItems: 64,
      description:
        'When not empty, requests with a body must have one of these media types (`application/json`, `text/*`, `application/*+json`); parameters such as charset are ignored. Others get 415.',
    }),
  },
  {
    additionalProperties: false,
    description: 'Caps the request body size and optionally restricts its media type.',
  },
);

/** Validated `request-size-limit` config (defaults applied). */
export type RequestSizeLimitConfig = Static<typeof RequestSizeLimitSchema>;
