import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * The `events` config section: where security events go, in which format, how they are masked
 * and how much may queue up. The lead composes {@link EventsSchema} into src/config/schema.ts.
 */

/** Event categories every event is filed under. */
export const EVENT_CATEGORIES = [
  'authentication',
  'authorization',
  'rate_limit',
  'quota',
  'ban',
  'waf',
  'validation',
  'bot',
  'anomaly',
  'config',
  'system',
] as const;

/** Severities in ascending order. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;

const Category = Type.Union(
  EVENT_CATEGORIES.map((c) => Type.Literal(c)),
  { description: 'An event category.' },
);
const Severity = Type.Union(
  SEVERITIES.map((s) => Type.Literal(s)),
  { description: 'An event severity.' },
);

/** What to do with one field of an event before it leaves the process. */
export const FieldActionSchema = Type.Union(
  [Type.Literal('mask'), Type.Literal('hash'), Type.Literal('drop'), Type.Literal('keep')],
  {
    description:
      '`mask`: scrub emails, card numbers, bearer tokens/JWTs, API keys and passwords inside the value (default for every string); `hash`: replace by a keyed HMAC-SHA256 prefix (stable, not reversible); `drop`: remove the field; `keep`: send unchanged.',
  },
);

/** Masking options (bus-wide default, overridable per sink). */
export const MaskSchema = Type.Object(
  {
    enabled: Type.Boolean({
      default: true,
      description:
        'Scrub secrets and personal data from every string field. Turn off only for a trusted local sink.',
    }),
    emails: Type.Boolean({ default: true, description: 'Mask e-mail addresses (keeps the domain).' }),
    cards: Type.Boolean({
      default: true,
      description:
        'Mask payment card numbers: Luhn-valid runs of 13–19 digits, spaces or dashes allowed (keeps the last 4).',
    }),
    tokens: Type.Boolean({ default: true, description: 'Mask `Bearer`/`Basic` credentials and JWTs.' }),
    api_keys: Type.Boolean({
      default: true,
      description: 'Mask Gatehouse API keys (`gh_…_…`) and common vendor key shapes.',
    }),
    passwords: Type.Boolean({
      default: true,
      description:
        'Mask values of `password=`, `secret:`, `token=`, `api_key=`… pairs, and fields whose name says secret.',
    }),
    patterns: Type.Array(Type.String({ minLength: 1, maxLength: 512 }), {
      default: [],
      maxItems: 32,
      description: 'Extra regular expressions (JavaScript syntax) whose matches are masked.',
    }),
    fields: Type.Record(Type.String({ minLength: 1, maxLength: 128 }), FieldActionSchema, {
      default: {},
      description:
        'Per-field actions by event path, e.g. `{ client_ip: hash, consumer: keep, "details.matches": drop }`. Paths name SecurityEvent fields (`reason`, `consumer`, `client_ip`, `route`, `request_id`, `policy`, `details.<key>`).',
    }),
    hash_key: Type.Optional(
      Type.String({
        minLength: 16,
        description:
          'HMAC key for `hash` fields. Without it a random per-process key is used (hashes change on restart).',
        'x-secret': true,
      }),
    ),
  },
  {
    additionalProperties: false,
    default: {},
    description: 'Masking applied before an event leaves the process.',
  },
);

const FORMAT_DESCRIPTION =
  '`ecs`: Elastic Common Schema JSON; `ocsf`: OCSF 1.3 (HTTP Activity 4002, Authentication 3002, API Activity 6003 by category); `cef`: ArcSight CEF:0 line; `json`: the native SecurityEvent.';

const formatWithDefault = (def: 'ecs' | 'cef', description = FORMAT_DESCRIPTION) =>
  Type.Union([Type.Literal('ecs'), Type.Literal('ocsf'), Type.Literal('cef'), Type.Literal('json')], {
    default: def,
    description,
  });

/** Output format of a sink. */
export const FormatSchema = formatWithDefault('ecs');

const Retry = Type.Object(
  {
    base_ms: Type.Integer({
      minimum: 1,
      maximum: 60_000,
      default: 200,
      description: 'First back-off delay.',
    }),
    max_ms: Type.Integer({
      minimum: 1,
      maximum: 600_000,
      default: 30_000,
      description: 'Largest back-off delay.',
    }),
    max_attempts: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      default: 0,
      description:
        'Attempts per batch before it is dropped (counted). 0 retries until the receiver is back; the queue bound still caps memory.',
    }),
  },
  {
    additionalProperties: false,
    default: {},
    description: 'Exponential back-off with full jitter between failed deliveries.',
  },
);

const common = {
  name: Type.String({
    pattern: '^[a-z][a-z0-9_-]{0,62}$',
    description: 'Sink name (metrics label `sink`, admin stats). Unique.',
  }),
  queue_size: Type.Integer({
    minimum: 1,
    maximum: 1_000_000,
    default: 10_000,
    description: 'Events held while the receiver is slow or down; beyond it events are dropped and counted.',
  }),
  overflow: Type.Union([Type.Literal('drop_oldest'), Type.Literal('drop_newest')], {
    default: 'drop_oldest',
    description: 'Which event is dropped when the queue is full.',
  }),
  batch_size: Type.Integer({
    minimum: 1,
    maximum: 10_000,
    default: 500,
    description: 'Most events per delivery.',
  }),
  flush_interval_ms: Type.Integer({
    minimum: 0,
    maximum: 60_000,
    default: 1000,
    description: 'Longest time an event waits for its batch to fill.',
  }),
  timeout_ms: Type.Integer({
    minimum: 10,
    maximum: 300_000,
    default: 10_000,
    description: 'Time allowed for one delivery (connect + write + response).',
  }),
  retry: Retry,
  filter: Type.Object(
    {
      categories: Type.Optional(
        Type.Array(Category, { maxItems: 16, description: 'Only these categories.' }),
      ),
      types: Type.Optional(
        Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
          maxItems: 256,
          description: 'Only these event types.',
        }),
      ),
      min_severity: Type.Optional(Severity),
    },
    {
      additionalProperties: false,
      default: {},
      description: 'Which events this sink receives (default: all).',
    },
  ),
  mask: Type.Optional(
    Type.Object(MaskSchema.properties, {
      additionalProperties: false,
      description: 'Masking for this sink only; replaces the section-wide `mask` when given.',
    }),
  ),
};

const Headers = Type.Record(
  Type.String({ pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$" }),
  Type.String({ maxLength: 8192, 'x-secret': true }),
  {
    default: {},
    description:
      'Extra request headers (http, otlp), e.g. `authorization: file:/run/secrets/hec-authorization` (a file holding `Splunk <token>`). Values are secrets: use `file:` or environment references.',
  },
);

const Tls = Type.Object(
  {
    ca: Type.Optional(
      Type.String({ minLength: 1, description: 'PEM CA bundle file path trusted for the receiver.' }),
    ),
    cert: Type.Optional(
      Type.String({ minLength: 1, description: 'PEM client certificate file path (mutual TLS).' }),
    ),
    key: Type.Optional(Type.String({ minLength: 1, description: 'PEM client key file path (mutual TLS).' })),
    passphrase: Type.Optional(Type.String({ description: 'Client key passphrase.', 'x-secret': true })),
    servername: Type.Optional(
      Type.String({
        description: 'SNI and certificate name to check (default: the host when it is a name).',
      }),
    ),
    reject_unauthorized: Type.Boolean({
      default: true,
      description: 'Verify the receiver certificate. Leave true outside tests.',
    }),
  },
  { additionalProperties: false, default: {}, description: 'TLS client options (syslog `tls`, https URLs).' },
);

const fileProps = {
  path: Type.String({ minLength: 1, description: 'File to append to, or `stdout` / `stderr` (file).' }),
};

const syslogProps = {
  host: Type.String({ minLength: 1, description: 'Syslog receiver host (syslog).' }),
  port: Type.Integer({
    minimum: 1,
    maximum: 65_535,
    description: 'Receiver port, 6514 for TLS, 601 for TCP (syslog).',
  }),
  transport: Type.Union([Type.Literal('tcp'), Type.Literal('tls')], {
    default: 'tls',
    description: 'TCP (RFC 6587) or TLS (RFC 5425), both with octet counting (syslog; default tls).',
  }),
  tls: Tls,
  facility: Type.Integer({
    minimum: 0,
    maximum: 23,
    default: 10,
    description: 'Syslog facility number: 10 authpriv (default), 13 log audit, 16–23 local0–7 (syslog).',
  }),
  app_name: Type.String({
    pattern: '^[!-~]{1,48}$',
    default: 'gatehouse',
    description: 'RFC 5424 APP-NAME (syslog; default gatehouse).',
  }),
  hostname: Type.Optional(
    Type.String({
      pattern: '^[!-~]{1,255}$',
      description: 'RFC 5424 HOSTNAME (syslog; default os.hostname()).',
    }),
  ),
};

const httpProps = {
  url: Type.String({
    pattern: '^https?://',
    description:
      'Collector URL (http: e.g. https://splunk:8088/services/collector/event; otlp: `/v1/logs` is appended unless present).',
  }),
  mode: Type.Union([Type.Literal('json_array'), Type.Literal('hec'), Type.Literal('ndjson')], {
    default: 'json_array',
    description:
      '`json_array` (default): body is a JSON array of events; `hec`: Splunk HTTP Event Collector envelopes, newline-delimited; `ndjson`: one event per line (http).',
  }),
  headers: Headers,
  hec: Type.Object(
    {
      source: Type.String({ default: 'gatehouse', description: 'HEC `source`.' }),
      sourcetype: Type.String({ default: 'gatehouse:security', description: 'HEC `sourcetype`.' }),
      index: Type.Optional(Type.String({ description: 'HEC `index`.' })),
    },
    { additionalProperties: false, default: {}, description: 'HEC envelope fields (http, mode `hec`).' },
  ),
  tls: Tls,
};

const otlpProps = {
  url: httpProps.url,
  headers: Headers,
  resource: Type.Record(Type.String({ minLength: 1, maxLength: 128 }), Type.String({ maxLength: 1024 }), {
    default: {},
    description: 'Extra resource attributes; service.name defaults to `gatehouse` (otlp).',
  }),
  tls: Tls,
};

/** `type: file` after defaults: JSON lines appended to a file, or written to stdout/stderr. */
export const FileSinkSchema = Type.Object(
  { type: Type.Literal('file'), ...common, ...fileProps, format: formatWithDefault('ecs') },
  { additionalProperties: false, description: 'Append one event per line to a file or stdout.' },
);

/** `type: syslog` after defaults: RFC 5424 messages over TCP or TLS with RFC 6587 octet counting. */
export const SyslogSinkSchema = Type.Object(
  { type: Type.Literal('syslog'), ...common, ...syslogProps, format: formatWithDefault('cef') },
  { additionalProperties: false, description: 'Syslog over TCP/TLS.' },
);

/** `type: http` after defaults: batches POSTed as a JSON array, NDJSON or Splunk HEC events. */
export const HttpSinkSchema = Type.Object(
  { type: Type.Literal('http'), ...common, ...httpProps, format: formatWithDefault('ecs') },
  { additionalProperties: false, description: 'HTTP batch delivery (webhooks, Splunk HEC, log collectors).' },
);

/** `type: otlp` after defaults: OTLP/HTTP JSON logs (POST <url>/v1/logs). */
export const OtlpSinkSchema = Type.Object(
  {
    type: Type.Literal('otlp'),
    ...common,
    ...otlpProps,
    format: formatWithDefault(
      'ecs',
      'Format of the log record body (a JSON string; `cef` gives the CEF line).',
    ),
  },
  { additionalProperties: false, description: 'OpenTelemetry logs over OTLP/HTTP JSON.' },
);

/** One sink with every default applied, as the runtime uses it (discriminated by `type`). */
export const ResolvedSinkSchema = Type.Union([
  FileSinkSchema,
  SyslogSinkSchema,
  HttpSinkSchema,
  OtlpSinkSchema,
]);

/** A copy of a property schema without its `default` (type-specific fields are defaulted per type). */
function noDefault<T extends TSchema>(schema: T): T {
  const { default: _ignored, ...rest } = schema as T & { default?: unknown };
  return rest as T;
}

const REQUIRED_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  file: ['path'],
  syslog: ['host', 'port'],
  http: ['url'],
  otlp: ['url'],
};

/** Which types each type-specific field belongs to. */
const TYPE_ONLY: Readonly<Record<string, readonly string[]>> = {
  path: ['file'],
  host: ['syslog'],
  port: ['syslog'],
  transport: ['syslog'],
  facility: ['syslog'],
  app_name: ['syslog'],
  hostname: ['syslog'],
  url: ['http', 'otlp'],
  mode: ['http'],
  headers: ['http', 'otlp'],
  hec: ['http'],
  resource: ['otlp'],
  tls: ['syslog', 'http', 'otlp'],
};

/**
 * One sink as written in the config: a single object (no `anyOf`, so the loader's Ajv applies the
 * common defaults) whose type-specific fields are checked per `type` with `if`/`then`. Fields that
 * do not belong to the sink's type are refused. Type-specific defaults are applied by
 * {@link resolveSink} when the bus starts.
 */
export const SinkSchema = Type.Object(
  {
    type: Type.Union(
      [Type.Literal('file'), Type.Literal('syslog'), Type.Literal('http'), Type.Literal('otlp')],
      {
        description:
          '`file` (or stdout), `syslog` (TCP/TLS), `http` (JSON/HEC batches), `otlp` (OTLP/HTTP logs).',
      },
    ),
    ...common,
    format: Type.Optional(
      Type.Union([Type.Literal('ecs'), Type.Literal('ocsf'), Type.Literal('cef'), Type.Literal('json')], {
        description: `${FORMAT_DESCRIPTION} Default: \`cef\` for syslog, \`ecs\` otherwise.`,
      }),
    ),
    path: Type.Optional(fileProps.path),
    host: Type.Optional(syslogProps.host),
    port: Type.Optional(syslogProps.port),
    transport: Type.Optional(noDefault(syslogProps.transport)),
    facility: Type.Optional(noDefault(syslogProps.facility)),
    app_name: Type.Optional(noDefault(syslogProps.app_name)),
    hostname: syslogProps.hostname,
    url: Type.Optional(httpProps.url),
    mode: Type.Optional(noDefault(httpProps.mode)),
    headers: Type.Optional(noDefault(Headers)),
    hec: Type.Optional(noDefault(httpProps.hec)),
    resource: Type.Optional(noDefault(otlpProps.resource)),
    tls: Type.Optional(noDefault(Tls)),
  },
  {
    additionalProperties: false,
    description: 'A destination for security events, chosen by `type`.',
    allOf: Object.entries(REQUIRED_BY_TYPE).map(([type, required]) => ({
      if: { properties: { type: { const: type } }, required: ['type'] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema if/then keyword
      then: {
        required,
        not: {
          anyOf: Object.keys(TYPE_ONLY)
            .filter((k) => !(TYPE_ONLY[k] ?? []).includes(type))
            .map((k) => ({ required: [k] })),
        },
      },
    })),
  },
);

/** The `events` section. */
export const EventsSchema = Type.Object(
  {
    recent_size: Type.Integer({
      minimum: 0,
      maximum: 100_000,
      default: 1000,
      description: 'Recent events kept in memory for the admin API and dashboard (ring buffer).',
    }),
    mask: MaskSchema,
    sinks: Type.Array(SinkSchema, {
      default: [],
      maxItems: 16,
      description:
        'Where events are sent. Each sink has its own bounded queue, so a slow one never delays others.',
    }),
  },
  {
    additionalProperties: false,
    default: {},
    description: 'Security events: recent buffer, masking and SIEM sinks.',
  },
);

const { name: _name, filter: _filter, ...webhookCommon } = common;

/** Webhook options shared by alerting actions (an `http` sink without name, type and filter). */
export const WebhookSchema = Type.Object(
  { ...webhookCommon, ...httpProps, format: formatWithDefault('ecs') },
  {
    additionalProperties: false,
    description: 'POST events to a URL (same options as an `http` events sink).',
  },
);

/** The `events` section as written (after the loader's defaults). */
export type EventsConfig = Static<typeof EventsSchema>;
/** One sink as written. */
export type SinkInput = Static<typeof SinkSchema>;
/** One sink with every default applied. */
export type SinkConfig = Static<typeof ResolvedSinkSchema>;
/** The `events` section with every default applied, as the bus uses it. */
export type ResolvedEventsConfig = Omit<EventsConfig, 'sinks'> & { sinks: SinkConfig[] };
/** Masking config. */
export type MaskConfig = Static<typeof MaskSchema>;
/** Output format name. */
export type EventFormat = Static<typeof FormatSchema>;
/** An event category. */
export type EventCategory = (typeof EVENT_CATEGORIES)[number];
/** An event severity. */
export type EventSeverity = (typeof SEVERITIES)[number];

const PER_TYPE = {
  file: FileSinkSchema,
  syslog: SyslogSinkSchema,
  http: HttpSinkSchema,
  otlp: OtlpSinkSchema,
} as const;

/**
 * Checks one sink as written against its type (required fields present, no fields of another type)
 * and applies the type's defaults. Throws a `TypeError` naming the sink and the problem.
 *
 * @example
 * resolveSink({ type: 'syslog', name: 'siem', host: 'siem.local', port: 6514 }).format; // 'cef'
 */
export function resolveSink(input: unknown): SinkConfig {
  const raw = (input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const type = raw.type;
  const label = typeof raw.name === 'string' ? `sink ${JSON.stringify(raw.name)}` : 'sink';
  if (typeof type !== 'string' || !Object.hasOwn(PER_TYPE, type)) {
    throw new TypeError(`invalid events config: ${label}: type must be one of file, syslog, http, otlp`);
  }
  for (const k of REQUIRED_BY_TYPE[type] ?? []) {
    if (raw[k] === undefined)
      throw new TypeError(`invalid events config: ${label}: ${type} sinks need \`${k}\``);
  }
  for (const [k, types] of Object.entries(TYPE_ONLY)) {
    if (raw[k] !== undefined && !types.includes(type)) {
      throw new TypeError(`invalid events config: ${label}: \`${k}\` does not apply to ${type} sinks`);
    }
  }
  const schema = PER_TYPE[type as keyof typeof PER_TYPE];
  const value = Value.Default(schema, Value.Clone(raw));
  if (!Value.Check(schema, value)) {
    const errs = [...Value.Errors(schema, value)].slice(0, 5).map((e) => `${e.path || '/'}: ${e.message}`);
    throw new TypeError(`invalid events config: ${label}: ${errs.join('; ')}`);
  }
  return value as SinkConfig;
}
