import { type Static, Type } from '@sinclair/typebox';
import { BUCKET_PATTERN } from '../quota/schema.ts';
import { Ipv6PrefixSchema, KeySchema, MissingKeySchema } from '../quota/subject.ts';

/** Config of the `concurrency-limit` policy. */
export const ConcurrencyLimitSchema = Type.Object(
  {
    max: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 10,
      description:
        'Most requests in flight at once per key (across every worker, and every node with Redis).',
    }),
    key: KeySchema(
      'What the limit applies to: `consumer`, `credential`, `ip`, `route`, `service`, `all` (every request this policy sees) or `header:<name>`.',
      'consumer',
    ),
    on_missing_key: MissingKeySchema,
    ipv6_prefix: Ipv6PrefixSchema,
    status: Type.Union([Type.Literal(429), Type.Literal(503)], {
      default: 429,
      description:
        'Answer when every slot is taken: 429 (`GW_RATE_LIMITED`, the client is over its share) or 503 (`GW_OVERLOADED`, the protected resource is full).',
    }),
    retry_after_s: Type.Integer({
      minimum: 1,
      maximum: 3600,
      default: 1,
      description: '`Retry-After` sent with a refusal (seconds).',
    }),
    slot_ttl_s: Type.Integer({
      minimum: 1,
      maximum: 86_400,
      default: 300,
      description:
        'A slot not given back within this time frees itself (crash safety: a node that dies holding slots). Set it above the longest request the route allows.',
    }),
    bucket: Type.Optional(
      Type.String({
        pattern: BUCKET_PATTERN,
        description:
          'Name of the slot counters. Policies with the same bucket share slots; default: where the policy is configured (`global`, `service:<name>`, `route:<name>`, `consumer:<id>`).',
      }),
    ),
    on_store_error: Type.Union([Type.Literal('deny'), Type.Literal('allow')], {
      default: 'deny',
      description:
        'When the state store cannot answer: `deny` (503, fail closed) or `allow` (let the request through unlimited).',
    }),
  },
  {
    additionalProperties: false,
    description:
      'Caps the requests in flight per consumer, credential, client address, route or header value.',
  },
);

/** Validated `concurrency-limit` config (defaults applied). */
export type ConcurrencyLimitConfig = Static<typeof ConcurrencyLimitSchema>;
