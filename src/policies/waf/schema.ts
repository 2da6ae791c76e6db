import { type Static, Type } from '@sinclair/typebox';
import { MEDIA_RANGE_PATTERN } from '../request-size-limit/schema.ts';

/** Content types whose bodies the WAF inspects by default. */
export const DEFAULT_INSPECT_CONTENT_TYPES: readonly string[] = [
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/json',
  'application/*+json',
  'application/xml',
  'text/xml',
  'application/*+xml',
];

const Exclusion = Type.Object(
  {
    rule_ids: Type.Optional(
      Type.Array(
        Type.Union([Type.Integer({ minimum: 1 }), Type.String({ pattern: '^[0-9]+(?:-[0-9]+)?$' })]),
        {
          maxItems: 1000,
          description: 'Rule ids or id ranges (`942100`, `"942000-942999"`) the exclusion applies to.',
        },
      ),
    ),
    tags: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        maxItems: 100,
        description:
          'Rule tags (exact match, e.g. `attack-sqli`, `paranoia-level/2`) the exclusion applies to.',
      }),
    ),
    targets: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Za-z_]+(?::.+)?$', maxLength: 300 }), {
        maxItems: 100,
        description:
          'Variables to stop inspecting for the selected rules (`ARGS:password`, `REQUEST_COOKIES:/^sess/`, `ARGS_POST:json.html`). Without targets the selected rules are removed entirely.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'One exclusion, applied when the ruleset is compiled: `rule_ids`/`tags` alone remove rules (SecRuleRemoveById/ByTag); with `targets` they only stop those rules from inspecting the targets (SecRuleUpdateTargetById/ByTag with `!target`).',
  },
);

/** Config of the `waf` policy. */
export const WafSchema = Type.Object(
  {
    rules: Type.Object(
      {
        setup: Type.String({
          default: '',
          maxLength: 4096,
          description:
            'Path of the CRS setup file (`crs-setup.conf`), loaded first. Relative paths are resolved against the process working directory. Empty: none.',
        }),
        include: Type.Array(Type.String({ minLength: 1, maxLength: 4096 }), {
          default: [],
          maxItems: 256,
          description:
            'Rule files, directories (every `*.conf` inside, sorted by name) or glob patterns, loaded in the order given after the setup file. Relative paths are resolved against the process working directory.',
        }),
      },
      {
        additionalProperties: false,
        default: { setup: '', include: [] },
        description: 'Where the SecLang rules (e.g. the OWASP Core Rule Set) are loaded from. Never copied.',
      },
    ),
    paranoia_level: Type.Integer({
      minimum: 1,
      maximum: 4,
      default: 1,
      description: 'CRS paranoia level (sets both the blocking and the detection paranoia level).',
    }),
    inbound_threshold: Type.Integer({
      minimum: 1,
      maximum: 10000,
      default: 5,
      description: 'CRS inbound anomaly score threshold: a request scoring at least this much is blocked.',
    }),
    engine: Type.Union([Type.Literal('on'), Type.Literal('detection-only'), Type.Literal('off')], {
      default: 'on',
      description:
        '`on` blocks, `detection-only` evaluates every rule and logs (never blocks), `off` skips the WAF.',
    }),
    status: Type.Integer({
      minimum: 400,
      maximum: 599,
      default: 403,
      description: 'Status of the problem+json answer when a rule denies with the default status 403.',
    }),
    exclusions: Type.Array(Exclusion, {
      default: [],
      maxItems: 1000,
      description: 'Rule exclusions (by id, tag, and optionally target), applied at load.',
    }),
    custom_rules: Type.Array(Type.String({ minLength: 1, maxLength: 65536 }), {
      default: [],
      maxItems: 1000,
      description:
        'Extra SecLang directives (`SecRule ...`), loaded after the included rule files. Give them their own disruptive action (`deny`) or they only add to the anomaly score of later rules.',
    }),
    max_body_bytes: Type.Integer({
      minimum: 0,
      maximum: 64 * 1024 * 1024,
      default: 131072,
      description: 'Largest request body inspected, in bytes (buffered in memory while it is inspected).',
    }),
    body_limit_action: Type.Union([Type.Literal('reject'), Type.Literal('process-partial')], {
      default: 'reject',
      description:
        'For bodies larger than `max_body_bytes`: `reject` (413) or `process-partial` (inspect the first `max_body_bytes` and forward the whole body).',
    }),
    inspect_content_types: Type.Array(Type.String({ pattern: MEDIA_RANGE_PATTERN, maxLength: 255 }), {
      default: [...DEFAULT_INSPECT_CONTENT_TYPES],
      maxItems: 64,
      description:
        'Media types whose bodies are buffered and inspected (`type/subtype`, `type/*`, `type/*+suffix`); other bodies stream through uninspected.',
    }),
  },
  {
    additionalProperties: false,
    description: 'OWASP CRS compatible web application firewall (SecLang rules, anomaly scoring).',
  },
);

/** Validated `waf` config (defaults applied). */
export type WafConfig = Static<typeof WafSchema>;
