import { type Static, Type } from '@sinclair/typebox';
import { Ipv6PrefixSchema, KeySchema, MissingKeySchema } from './subject.ts';

/** A counter bucket name: letters, digits, `.`, `_`, `:`, `-`. */
export const BUCKET_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$';

/** Config of the `quota` policy. */
export const QuotaSchema = Type.Object(
  {
    limit: Type.Integer({
      minimum: 0,
      maximum: 1_000_000_000_000,
      default: 10_000,
      description: 'Requests allowed per period and key (0 refuses every request).',
    }),
    period: Type.Union([Type.Literal('day'), Type.Literal('month')], {
      default: 'day',
      description:
        'Allowance period: `day` (resets at local midnight) or `month` (resets at local midnight of the first day), in `time_zone`.',
    }),
    time_zone: Type.String({
      pattern: '^(?:UTC|[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+){1,2})$',
      maxLength: 64,
      default: 'UTC',
      description:
        'IANA time zone of the period boundaries (e.g. `Europe/Paris`). Days that daylight saving time makes 23 or 25 hours long are counted as one day.',
    }),
    key: KeySchema(
      'What the allowance is counted against: `consumer`, `credential`, `ip`, `route`, `service`, `all` or `header:<name>`.',
      'consumer',
    ),
    on_missing_key: MissingKeySchema,
    ipv6_prefix: Ipv6PrefixSchema,
    group_limits: Type.Record(
      Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$' }),
      Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
      {
        default: {},
        description:
          'Allowances per consumer group (plans), e.g. `{ gold: 1000000 }`; a consumer in several listed groups gets the largest. Others get `limit`.',
      },
    ),
    bucket: Type.Optional(
      Type.String({
        pattern: BUCKET_PATTERN,
        description:
          'Name of the usage counters. Quota policies with the same bucket share usage; default: where the policy is configured (`global`, `service:<name>`, `route:<name>`, `consumer:<id>`).',
      }),
    ),
    headers: Type.Boolean({
      default: true,
      description:
        'Send `X-Quota-Limit`, `X-Quota-Remaining` and `X-Quota-Reset` (seconds until the allowance resets) on responses.',
    }),
    on_store_error: Type.Union([Type.Literal('deny'), Type.Literal('allow')], {
      default: 'deny',
      description:
        'When the state store cannot answer: `deny` (503, fail closed) or `allow` (let the request through uncounted).',
    }),
    persist: Type.Boolean({
      default: true,
      description:
        'With the `local` state store: snapshot usage to `persist_path` so it survives a restart (at most `persist_interval_s` of counts are lost on a crash, none on a clean shutdown). Ignored with Redis.',
    }),
    persist_path: Type.String({
      minLength: 1,
      maxLength: 1024,
      default: '.gatehouse/quota.json',
      description:
        'Usage snapshot file (worker threads write `<path>.w<n>` beside it). Created 0600; one gateway process per path.',
    }),
    persist_interval_s: Type.Integer({
      minimum: 1,
      maximum: 3600,
      default: 5,
      description: 'Seconds between usage snapshots: the most usage a crash can forget.',
    }),
    persist_max_keys: Type.Integer({
      minimum: 1,
      maximum: 10_000_000,
      default: 100_000,
      description: 'Most quota keys one thread persists; keys beyond are still counted but not persisted.',
    }),
  },
  {
    additionalProperties: false,
    description:
      'Daily or monthly allowances per consumer (or credential, client address, header) that survive restarts.',
  },
);

/** Validated `quota` config (defaults applied). */
export type QuotaConfig = Static<typeof QuotaSchema>;
