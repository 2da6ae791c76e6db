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
          'Variables to stop inspecting for the selected rules (`ARGS:password`, `REQUEST_COOKIES:/^sess/`, `ARGS_POST:json.html`). Without targets the selected rules are removed entirely. In the API profile an argument named exactly also covers its prose form (`gatehouse.prose.<families>:<name>`); a `/regex/` target does not.',
      }),
    ),
  },
  {
    additionalProperties: false,
    description:
      'One exclusion, applied when the ruleset is compiled: `rule_ids`/`tags` alone remove rules (SecRuleRemoveById/ByTag); with `targets` they only stop those rules from inspecting the targets (SecRuleUpdateTargetById/ByTag with `!target`).',
  },
);

/** Field paths of `exclude_fields`: dotted, optional `body.` prefix, `[]` for array elements, `*` for any member. */
export const FIELD_PATH_PATTERN =
  '^(?:[A-Za-z0-9_$-]+|\\*)(?:\\[\\])?(?:\\.(?:[A-Za-z0-9_$-]+|\\*)(?:\\[\\])?)*$';

const DecodeNested = Type.Object(
  {
    max_depth: Type.Integer({
      minimum: 0,
      maximum: 8,
      default: 3,
      description:
        'Most nested decodings of one JSON string value (JSON, percent-encoding, base64; base64 of JSON = 2). 0 turns nested decoding off.',
    }),
    max_decoded_bytes: Type.Integer({
      minimum: 0,
      maximum: 16 * 1024 * 1024,
      default: 262144,
      description:
        'Most decoded bytes added per request; beyond it the request scores as an attack (rule 90104), so padding cannot hide a payload.',
    }),
    max_extra_args: Type.Integer({
      minimum: 0,
      maximum: 10000,
      default: 500,
      description: 'Most extra arguments added by decoding per request (same rule when exceeded).',
    }),
  },
  {
    additionalProperties: false,
    default: { max_depth: 3, max_decoded_bytes: 262144, max_extra_args: 500 },
    description:
      'API profile: JSON string values holding JSON, percent-encoding or base64 are decoded and the decoded content inspected as extra arguments (`<name>.decoded-json.<path>`, `<name>.decoded-url`, `<name>.decoded-base64`).',
  },
);

/** Config of the `waf` policy. */
export const WafSchema = Type.Object(
  {
    profile: Type.Union([Type.Literal('api'), Type.Literal('crs')], {
      default: 'api',
      description:
        '`api` (default): tuned for JSON APIs — REST methods and the JSON family of content types (`application/*+json`, merge-patch, json-patch, `application/graphql`, NDJSON) allowed and parsed, `Expect` not a restricted header, GraphQL documents inspected literal by literal, nested JSON/URL/base64 decoded, NoSQL-operator, template-injection, SSRF and prototype-pollution rules added, JSON string values and query parameters inspected in a canonical Unicode form with natural-language values exempted from the few CRS rules that fire on words alone (renamed `gatehouse.prose.<families>:<name>` in events), `exclude_fields` honoured. `crs`: plain CRS behaviour.',
    }),
    exclude_fields: Type.Array(Type.String({ pattern: FIELD_PATH_PATTERN, maxLength: 300 }), {
      default: [],
      maxItems: 200,
      description:
        'API profile: JSON body fields (and everything below or decoded from them) the attack rules (tags `attack-*`) do not inspect, for rich-text and code fields: `body.description`, `comments[].text`, `variables.input.body` (dotted from the JSON root; `[]` = any array element, `*` = any member).',
    }),
    decode_nested: DecodeNested,
    response_content_types: Type.Array(Type.String({ pattern: MEDIA_RANGE_PATTERN, maxLength: 255 }), {
      default: [],
      maxItems: 64,
      description:
        'Response media types whose bodies run through the response rules (CRS 95x data leakages, phase 3 and 4). Empty (default): responses are not inspected. Compressed responses are not inspected.',
    }),
    response_max_bytes: Type.Integer({
      minimum: 1,
      maximum: 64 * 1024 * 1024,
      default: 1048576,
      description: 'Largest response body buffered for inspection, in bytes.',
    }),
    response_oversize: Type.Union([Type.Literal('pass'), Type.Literal('error')], {
      default: 'pass',
      description:
        'For response bodies larger than `response_max_bytes`: `pass` (sent uninspected) or `error` (502 problem).',
    }),
    outbound_threshold: Type.Integer({
      minimum: 1,
      maximum: 10000,
      default: 4,
      description:
        'CRS outbound anomaly score threshold: a response scoring at least this much is replaced by a 502 problem.',
    }),
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
        'Media types whose bodies are buffered and inspected (`type/subtype`, `type/*`, `type/*+suffix`); other bodies stream through uninspected. The API profile also always inspects JSON (`application/json`, `*+json`, NDJSON, `application/graphql`), `text/plain` and `multipart/related`; a body without a Content-Type is always read (CRS 920640 refuses it).',
    }),
  },
  {
    additionalProperties: false,
    description: 'OWASP CRS compatible web application firewall (SecLang rules, anomaly scoring).',
  },
);

/** Validated `waf` config (defaults applied). */
export type WafConfig = Static<typeof WafSchema>;
