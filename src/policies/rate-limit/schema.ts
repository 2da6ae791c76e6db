import { type Static, Type } from '@sinclair/typebox';

/** Periods by name, in ms. */
export const PERIODS = { '1s': 1000, '1m': 60_000, '1h': 3_600_000, '1d': 86_400_000 } as const;

/** Longest `period_ms`: 31 days. */
export const MAX_PERIOD_MS = 31 * 86_400_000;

const LimitName = Type.String({
  pattern: '^[A-Za-z0-9_.-]{1,64}$',
  description:
    'Name of the limit in the `RateLimit-Policy` / `RateLimit` headers and the problem body (`violated-policies`). Limits with the same name share their counters across plans. Default: `default` for a single limit, else `<limit>-per-<period>`.',
});

/** One limit: `limit` requests per `period`. */
export const LimitSchema = Type.Object(
  {
    name: Type.Optional(LimitName),
    algorithm: Type.Union([Type.Literal('gcra'), Type.Literal('sliding-window')], {
      default: 'gcra',
      description:
        '`gcra`: token bucket semantics (`limit + burst` at once from idle, then one request every `period / limit`). `sliding-window`: at most `limit` in any window of `period` (previous fixed window weighted by its overlap).',
    }),
    limit: Type.Integer({
      minimum: 1,
      maximum: 1_000_000_000,
      default: 100,
      description: 'Requests allowed per period.',
    }),
    period: Type.Union([Type.Literal('1s'), Type.Literal('1m'), Type.Literal('1h'), Type.Literal('1d')], {
      default: '1m',
      description: 'Length of the period. `period_ms`, when set, takes precedence.',
    }),
    period_ms: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_PERIOD_MS,
        description: 'Length of the period in milliseconds (overrides `period`).',
      }),
    ),
    burst: Type.Integer({
      minimum: 0,
      maximum: 1_000_000_000,
      default: 0,
      description: 'GCRA only: extra requests allowed in a burst above `limit`.',
    }),
  },
  { additionalProperties: false, description: 'A limit: `limit` requests per period.' },
);

/** A key component: where the counting key comes from. */
export const KEY_PATTERN =
  "^(?:consumer|credential|ip|route|service|header:[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}|claim:[A-Za-z0-9_.:/-]{1,128}|cel:[\\s\\S]{1,2048})$";

const KeyPart = Type.String({
  pattern: KEY_PATTERN,
  description:
    '`consumer`, `credential` (method + credential id), `ip` (client address after trusted-proxy resolution; IPv6 per `ipv6_prefix`), `route`, `service`, `header:<name>`, `claim:<name>` (verified token claim, dotted path allowed) or `cel:<expression>` (a CEL expression whose value is the key).',
});

const Limits = (description: string, minItems: number) =>
  Type.Array(LimitSchema, { minItems, maxItems: 8, description });

/** Config of the `rate-limit` policy. */
export const RateLimitSchema = Type.Object(
  {
    limits: Type.Array(LimitSchema, {
      minItems: 1,
      maxItems: 8,
      default: [{ limit: 100, period: '1m' }],
      description:
        'Limits checked together: a request passes only when every limit allows it, and only then is it counted against each.',
    }),
    key: Type.Union([KeyPart, Type.Array(KeyPart, { minItems: 1, maxItems: 4 })], {
      default: 'consumer',
      description:
        'What a request is counted against: one component or a list of them combined (e.g. `[consumer, route]`). Key material is hashed before it reaches the state store.',
    }),
    on_missing_key: Type.Union([Type.Literal('ip'), Type.Literal('shared'), Type.Literal('skip')], {
      default: 'ip',
      description:
        'When a request has no material for the key (e.g. `consumer` on an anonymous request): `ip` counts it against its client address, `shared` against one bucket shared by all such requests, `skip` does not limit it.',
    }),
    ipv6_prefix: Type.Integer({
      minimum: 32,
      maximum: 128,
      default: 64,
      description:
        'IPv6 clients are counted per prefix of this length (a client usually controls a whole /64).',
    }),
    plans: Type.Array(
      Type.Object(
        {
          name: Type.Optional(Type.String({ maxLength: 64, description: 'Label of the plan (logs only).' })),
          consumers: Type.Array(Type.String({ minLength: 1, maxLength: 256 }), {
            default: [],
            maxItems: 10_000,
            description: 'Consumer ids on this plan.',
          }),
          groups: Type.Array(Type.String({ minLength: 1, maxLength: 256 }), {
            default: [],
            maxItems: 1000,
            description: 'Consumer groups on this plan.',
          }),
          limits: Limits('Limits of this plan, replacing `limits`. An empty list means not limited.', 0),
        },
        { additionalProperties: false },
      ),
      {
        default: [],
        maxItems: 64,
        description:
          'Per consumer or consumer group overrides of `limits`. A plan naming the consumer id wins; otherwise the first plan (in order) with one of its groups.',
      },
    ),
    bucket: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_.:-]{1,128}$',
        description:
          'Counter namespace. Instances with the same bucket share counters; by default each place the policy is configured (global, a service, a route) counts on its own.',
      }),
    ),
    headers: Type.Boolean({
      default: true,
      description:
        'Send `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers-11) on responses. `Retry-After` is always sent on 429.',
    }),
    warn_at: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 1,
        description:
          'Fraction of a limit (e.g. 0.8) from which a passing request raises the `rate_limit_warning` security event (once per key per 10 s per worker) and a `rate_limit_warning` decision.',
      }),
    ),
    throttle: Type.Optional(
      Type.Object(
        {
          max_delay_ms: Type.Integer({
            minimum: 1,
            maximum: 30_000,
            default: 1000,
            description:
              'A request over the limit that would be allowed within this many ms (since it arrived) is delayed until then instead of being refused.',
          }),
          max_queued: Type.Integer({
            minimum: 1,
            maximum: 100_000,
            default: 100,
            description: 'Delayed requests held at once (per worker); beyond this, requests are refused.',
          }),
        },
        { additionalProperties: false, description: 'Delay instead of refusing when the wait is short.' },
      ),
    ),
    ban: Type.Optional(
      Type.Object(
        {
          after_violations: Type.Integer({
            minimum: 1,
            maximum: 1_000_000,
            default: 10,
            description: 'Refused requests within `within_s` that ban the key.',
          }),
          within_s: Type.Integer({
            minimum: 1,
            maximum: 86_400,
            default: 60,
            description: 'Window in which violations are counted (starts at the first one).',
          }),
          base_s: Type.Integer({
            minimum: 1,
            maximum: 86_400,
            default: 60,
            description: 'Length of a first ban.',
          }),
          max_s: Type.Integer({
            minimum: 1,
            maximum: 2_592_000,
            default: 3600,
            description: 'Longest ban: each repeated ban doubles the previous one up to this.',
          }),
          decay_s: Type.Integer({
            minimum: 1,
            maximum: 2_592_000,
            default: 86_400,
            description:
              'The doubling level expires this long after the first ban of a series; the next ban starts again at `base_s`.',
          }),
        },
        {
          additionalProperties: false,
          description: 'Temporary bans after repeated violations, with escalating duration that decays.',
        },
      ),
    ),
    on_store_error: Type.Union(
      [Type.Literal('fail-closed'), Type.Literal('fail-open'), Type.Literal('local-fallback')],
      {
        default: 'fail-closed',
        description:
          'When the state store cannot decide: `fail-closed` answers 503 (Retry-After: 1), `fail-open` lets requests through, `local-fallback` limits in this process with limits scaled by `local_fallback_share`. Every request retries the store, so the normal mode returns on its own.',
      },
    ),
    expected_nodes: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 1,
      description:
        'Gateway nodes sharing the store; sets the default `local_fallback_share` (1 / expected_nodes).',
    }),
    local_fallback_share: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 1,
        description:
          'Fraction of each limit one fallback table admits while the store is unavailable (default 1 / expected_nodes). The fallback table is per worker thread.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'Rate limits (GCRA or sliding window) per consumer, credential, client address, route, header, claim or CEL key, with plans, graduated responses and a declared store failure mode.',
  },
);

/** Validated `rate-limit` config (defaults applied). */
export type RateLimitConfig = Static<typeof RateLimitSchema>;

/** One validated limit. */
export type LimitConfig = Static<typeof LimitSchema>;
