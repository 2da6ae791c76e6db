import { type Static, Type } from '@sinclair/typebox';

const ClassName = Type.Union(
  [Type.Literal('low'), Type.Literal('normal'), Type.Literal('high'), Type.Literal('critical')],
  { description: 'A priority class: `low` is shed first, `critical` last (by default never).' },
);

const Thresholds = (
  defaults: { low: number; normal: number; high: number; critical: number },
  what: string,
  max: number,
) =>
  Type.Object(
    {
      low: Type.Integer({
        minimum: 0,
        maximum: max,
        default: defaults.low,
        description: `${what} above which \`low\` is shed (0: never).`,
      }),
      normal: Type.Integer({
        minimum: 0,
        maximum: max,
        default: defaults.normal,
        description: `${what} above which \`normal\` is shed (0: never).`,
      }),
      high: Type.Integer({
        minimum: 0,
        maximum: max,
        default: defaults.high,
        description: `${what} above which \`high\` is shed (0: never).`,
      }),
      critical: Type.Integer({
        minimum: 0,
        maximum: max,
        default: defaults.critical,
        description: `${what} above which \`critical\` is shed (0: never).`,
      }),
    },
    {
      additionalProperties: false,
      default: {},
      description: `${what} thresholds per priority class (ms). A higher class needs a threshold at least as high as the class below.`,
    },
  );

/** Config of the `load-shed` policy. */
export const LoadShedSchema = Type.Object(
  {
    priority: Type.Union(
      [Type.Literal('low'), Type.Literal('normal'), Type.Literal('high'), Type.Literal('critical')],
      {
        default: 'normal',
        description:
          'Priority class of the requests this policy sees (set it per route): `low`, `normal`, `high` or `critical`.',
      },
    ),
    consumer_priority: Type.Record(
      Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$' }),
      ClassName,
      {
        default: {},
        description:
          'Classes per consumer group, e.g. `{ partners: critical, free: low }`: an authenticated consumer in a listed group gets the highest listed class of its groups instead of `priority`. Consumers are known only after authentication: before it, a request is judged by the highest class it could get; the consumer class is checked again right before the upstream call.',
      },
    ),
    event_loop_lag_ms: Thresholds(
      { low: 50, normal: 100, high: 250, critical: 0 },
      'Event-loop lag of the worker',
      60_000,
    ),
    upstream_latency_ms: Thresholds(
      { low: 0, normal: 0, high: 0, critical: 0 },
      "Moving average of the route's upstream latency (time to response head)",
      600_000,
    ),
    recover_ratio: Type.Number({
      exclusiveMinimum: 0,
      exclusiveMaximum: 1,
      default: 0.5,
      description:
        'Hysteresis: a shed class is admitted more again only once the signal is below its threshold times this ratio.',
    }),
    hold_ms: Type.Integer({
      minimum: 0,
      maximum: 600_000,
      default: 1000,
      description: 'Hysteresis: after shedding more, wait at least this long before admitting more again.',
    }),
    retry_after_s: Type.Integer({
      minimum: 1,
      maximum: 3600,
      default: 2,
      description: '`Retry-After` sent with a shed request (seconds).',
    }),
  },
  {
    additionalProperties: false,
    description:
      'Sheds requests by priority class (503 + Retry-After) when the event loop lags or the upstream slows down, before the gateway falls over.',
  },
);

/** Validated `load-shed` config (defaults applied). */
export type LoadShedConfig = Static<typeof LoadShedSchema>;
