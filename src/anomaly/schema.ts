import { type Static, Type } from '@sinclair/typebox';
import { WebhookSchema } from '../events/schema.ts';

/** Metrics the detector keeps a baseline for. */
export const ANOMALY_METRICS = [
  'request_rate',
  'error_ratio',
  'latency_ms',
  'payload_bytes',
  'auth_failures',
] as const;
/** One baseline metric name. */
export type AnomalyMetric = (typeof ANOMALY_METRICS)[number];

/** Default absolute stddev floors, in the metric's unit (keeps z finite on perfectly steady traffic). */
export const DEFAULT_MIN_STDDEV: Readonly<Record<AnomalyMetric, number>> = {
  request_rate: 0.05,
  error_ratio: 0.02,
  latency_ms: 5,
  payload_bytes: 64,
  auth_failures: 1,
};

const metric = (name: AnomalyMetric, what: string) =>
  Type.Object(
    {
      enabled: Type.Boolean({ default: true, description: `Watch ${what}.` }),
      direction: Type.Union([Type.Literal('up'), Type.Literal('both')], {
        default: 'up',
        description: '`up`: only rises are anomalies; `both`: falls too.',
      }),
      min_stddev: Type.Number({
        minimum: 0,
        default: DEFAULT_MIN_STDDEV[name],
        description: 'Smallest standard deviation used for the z-score, in the metric unit.',
      }),
    },
    { additionalProperties: false, default: {}, description: `Baseline of ${what}.` },
  );

/** The `anomaly` config section. */
export const AnomalySchema = Type.Object(
  {
    enabled: Type.Boolean({
      default: false,
      description: 'Learn traffic baselines and raise anomaly events.',
    }),
    bucket_ms: Type.Integer({
      minimum: 1000,
      maximum: 3_600_000,
      default: 60_000,
      description: 'Length of one time bucket; every metric is one sample per bucket.',
    }),
    alpha: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1,
      default: 0.1,
      description: 'EWMA weight of the newest bucket (0.1 ≈ the last 10–20 buckets).',
    }),
    z_threshold: Type.Number({
      minimum: 1,
      maximum: 100,
      default: 4,
      description: 'A bucket whose z-score exceeds this raises an anomaly.',
    }),
    warmup_buckets: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 10,
      description: 'Samples a baseline needs before it can raise anomalies.',
    }),
    min_requests: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 20,
      description: 'Requests a bucket needs before its error ratio, latency and payload size count.',
    }),
    min_stddev_ratio: Type.Number({
      minimum: 0,
      maximum: 10,
      default: 0.1,
      description: 'Smallest standard deviation as a fraction of the mean.',
    }),
    cooldown_buckets: Type.Integer({
      minimum: 0,
      maximum: 10_000,
      default: 5,
      description: 'Buckets during which the same metric of the same route/consumer is not reported again.',
    }),
    error_status_min: Type.Integer({
      minimum: 100,
      maximum: 599,
      default: 500,
      description: 'Responses with this status or higher count as errors.',
    }),
    max_keys: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 10_000,
      description: 'Most routes + consumers tracked; the least recently active are evicted beyond it.',
    }),
    idle_buckets: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      default: 1440,
      description: 'A route or consumer silent for this many buckets is forgotten.',
    }),
    per_consumer: Type.Boolean({
      default: true,
      description: 'Keep baselines per consumer as well as per route.',
    }),
    metrics: Type.Object(
      {
        request_rate: metric('request_rate', 'requests per second'),
        error_ratio: metric('error_ratio', 'the share of error responses'),
        latency_ms: metric('latency_ms', 'mean latency in milliseconds'),
        payload_bytes: metric('payload_bytes', 'mean request body size'),
        auth_failures: metric('auth_failures', 'authentication failures per bucket'),
      },
      { additionalProperties: false, default: {}, description: 'Per-metric settings.' },
    ),
    actions: Type.Object(
      {
        tighten_rate_limit: Type.Object(
          {
            enabled: Type.Boolean({
              default: false,
              description: 'Tighten rate limits where an anomaly rose.',
            }),
            cost: Type.Integer({
              minimum: 2,
              maximum: 100,
              default: 2,
              description:
                'Units each request is charged by the rate-limit policies of the route or consumer (2 halves the limits).',
            }),
            duration_s: Type.Integer({ minimum: 1, maximum: 86_400, default: 300, description: 'How long.' }),
          },
          { additionalProperties: false, default: {} },
        ),
        challenge: Type.Object(
          {
            enabled: Type.Boolean({
              default: false,
              description:
                'Make bot-defense challenge every client of the route or consumer (proof of work).',
            }),
            duration_s: Type.Integer({ minimum: 1, maximum: 86_400, default: 300, description: 'How long.' }),
          },
          { additionalProperties: false, default: {} },
        ),
        metrics: Type.Array(Type.Union(ANOMALY_METRICS.map((m) => Type.Literal(m))), {
          default: ['request_rate', 'error_ratio', 'auth_failures'],
          description: 'Anomalies (upward) of these metrics trigger the actions.',
        }),
      },
      {
        additionalProperties: false,
        default: {},
        description: 'What an upward anomaly does besides the event (and the webhook).',
      },
    ),
    webhook: Type.Optional(
      Type.Object(WebhookSchema.properties, {
        additionalProperties: false,
        description:
          'POST anomaly events to this URL (same options as an `http` events sink, without name and filter).',
      }),
    ),
  },
  {
    additionalProperties: false,
    default: {},
    description: 'Anomaly detection on per-route and per-consumer baselines.',
  },
);

/** Validated `anomaly` config. */
export type AnomalyConfig = Static<typeof AnomalySchema>;
