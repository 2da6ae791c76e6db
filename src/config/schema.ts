import { type TObject, type TSchema, Type } from '@sinclair/typebox';
import { AnomalySchema } from '../anomaly/schema.ts';
import { EventsSchema } from '../events/schema.ts';
import type { PolicyDefinition } from '../pipeline/types.ts';

/**
 * The Gatehouse configuration schema, written once here. The TS types, the Ajv validator,
 * `schema/gatehouse.schema.json` and `docs/reference/configuration.md` all derive from it.
 */

const Duration = (def: number, description: string, min = 0) =>
  Type.Integer({ minimum: min, maximum: 86_400_000, default: def, description });

export const LimitsSchema = Type.Object(
  {
    max_header_bytes: Type.Integer({
      minimum: 1024,
      maximum: 1_048_576,
      default: 16_384,
      description: 'Largest request head (request line + headers) in bytes. Larger heads get 431.',
    }),
    max_header_count: Type.Integer({
      minimum: 8,
      maximum: 1000,
      default: 100,
      description: 'Most header fields in one request. More get 431.',
    }),
    max_url_bytes: Type.Integer({
      minimum: 64,
      maximum: 65_536,
      default: 8192,
      description: 'Longest request target (path + query). Longer get 414.',
    }),
    max_body_bytes: Type.Integer({
      minimum: 0,
      maximum: 1_099_511_627_776,
      default: 10_485_760,
      description:
        'Largest request body. Checked against Content-Length before reading (413, also instead of 100 Continue) and enforced while streaming chunked bodies.',
    }),
    headers_timeout_ms: Duration(
      10_000,
      'Time allowed to receive the complete request head (slowloris defence).',
      100,
    ),
    request_timeout_ms: Duration(
      60_000,
      'Time allowed to receive the complete request including body (slow-POST defence). 0 disables.',
    ),
    keep_alive_timeout_ms: Duration(5_000, 'Idle time before a keep-alive client connection is closed.', 100),
    max_connections: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 10_000,
      description: 'Most concurrent connections on this listener (per worker).',
    }),
    max_connections_per_ip: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 256,
      description: 'Most concurrent connections from one client address on this listener (per worker).',
    }),
    max_requests_per_connection: Type.Integer({
      minimum: 0,
      maximum: 100_000_000,
      default: 0,
      description: 'Close a keep-alive connection after this many requests. 0 = unlimited.',
    }),
  },
  { additionalProperties: false, description: 'Connection, header and body limits.' },
);

export const PathSchema = Type.Object(
  {
    allow_encoded_slash: Type.Boolean({
      default: false,
      description: 'Accept %2F in paths (otherwise 400). Enabling it weakens path-based access rules.',
    }),
    allow_backslash: Type.Boolean({
      default: false,
      description: 'Accept \\ and %5C in paths (otherwise 400).',
    }),
    allow_semicolon: Type.Boolean({
      default: false,
      description: 'Accept ";" path parameters (otherwise 400). Servlet containers treat them specially.',
    }),
    merge_slashes: Type.Boolean({ default: true, description: 'Collapse "//" into "/" before matching.' }),
  },
  { additionalProperties: false, description: 'Path normalization, applied once before matching.' },
);

const TlsCertSchema = Type.Object(
  {
    cert: Type.String({ description: 'PEM certificate chain file path.', minLength: 1 }),
    key: Type.String({ description: 'PEM private key file path.', minLength: 1 }),
    passphrase: Type.Optional(Type.String({ description: 'Key passphrase.', 'x-secret': true })),
    server_names: Type.Array(Type.String({ minLength: 1 }), {
      default: [],
      description:
        'SNI names this certificate serves (exact or "*.example.com"). Empty = taken from the certificate. The first certificate is the default.',
    }),
  },
  { additionalProperties: false },
);

export const ListenerTlsSchema = Type.Object(
  {
    certificates: Type.Array(TlsCertSchema, { minItems: 1, description: 'Certificates selected by SNI.' }),
    min_version: Type.Union([Type.Literal('TLSv1.2'), Type.Literal('TLSv1.3')], {
      default: 'TLSv1.2',
      description: 'Lowest TLS version accepted. TLS 1.0/1.1 are never accepted.',
    }),
    ciphers: Type.String({
      default:
        'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305',
      description:
        'TLS 1.2 cipher suites (OpenSSL names). Only forward-secret AEAD suites are accepted; static-RSA and CBC suites are refused at load.',
    }),
    http2: Type.Boolean({
      default: false,
      description: 'Offer HTTP/2 via ALPN (h2), with HTTP/1.1 fallback.',
    }),
    reload_interval_ms: Duration(
      60_000,
      'How often certificate files are checked for changes and reloaded without restart. 0 disables.',
    ),
    client_auth: Type.Optional(
      Type.Object(
        {
          ca: Type.Array(Type.String({ minLength: 1 }), {
            minItems: 1,
            description: 'PEM files of the CAs that may sign client certificates.',
          }),
          mode: Type.Union([Type.Literal('request'), Type.Literal('require')], {
            default: 'request',
            description:
              'request: ask for a certificate and verify it when given (routes decide with mtls-auth); require: refuse the handshake without a valid one.',
          }),
          verify_depth: Type.Integer({
            minimum: 0,
            maximum: 10,
            default: 3,
            description:
              'Longest accepted chain of intermediates between the client certificate and a trusted CA. 0 (exact): the client certificate must be signed by a listed CA itself. Above 0 the verified chain is counted as far as Node exposes it, which for chains through intermediates is the leaf only: list the intermediates you accept as CAs, or use 0, where the depth matters.',
          }),
          crl: Type.Array(Type.String({ minLength: 1 }), {
            default: [],
            description: 'PEM CRL files; revoked client certificates are refused.',
          }),
        },
        { additionalProperties: false, description: 'Mutual TLS: client certificates.' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ListenerSchema = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,62}$', description: 'Unique listener name.' }),
    host: Type.String({ default: '0.0.0.0', description: 'Address to bind (IPv4, IPv6 or "::").' }),
    port: Type.Integer({ minimum: 0, maximum: 65_535, description: 'TCP port. 0 picks a free one.' }),
    tls: Type.Optional(ListenerTlsSchema),
    limits: Type.Optional(
      Type.Partial(LimitsSchema, {
        additionalProperties: false,
        description: 'Overrides of the global limits.',
      }),
    ),
  },
  { additionalProperties: false },
);

const UpstreamTlsSchema = Type.Object(
  {
    ca: Type.Optional(
      Type.String({ description: 'PEM CA bundle file that signs the targets (default: system roots).' }),
    ),
    cert: Type.Optional(Type.String({ description: 'Client certificate file for mTLS to the targets.' })),
    key: Type.Optional(Type.String({ description: 'Client key file for mTLS to the targets.' })),
    servername: Type.Optional(
      Type.String({ description: 'SNI / verification name (default: target host).' }),
    ),
    verify: Type.Boolean({
      default: true,
      description: 'Verify the target certificate. Disabling is logged as a warning.',
    }),
    min_version: Type.Union([Type.Literal('TLSv1.2'), Type.Literal('TLSv1.3')], {
      default: 'TLSv1.2',
      description: 'Lowest TLS version towards targets.',
    }),
  },
  { additionalProperties: false },
);

export const UpstreamSchema = Type.Object(
  {
    name: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$', description: 'Unique upstream name.' }),
    targets: Type.Array(
      Type.Object(
        {
          url: Type.String({
            format: 'uri',
            pattern: '^https?://',
            description: 'Target origin, http(s)://host:port.',
          }),
          weight: Type.Integer({
            minimum: 0,
            maximum: 10_000,
            default: 100,
            description: 'Relative weight.',
          }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, description: 'Servers behind this upstream.' },
    ),
    balancer: Type.Union(
      [
        Type.Literal('round-robin'),
        Type.Literal('weighted'),
        Type.Literal('least-connections'),
        Type.Literal('consistent-hash'),
        Type.Literal('ewma'),
      ],
      { default: 'round-robin', description: 'Load-balancing algorithm.' },
    ),
    hash_on: Type.Optional(
      Type.Object(
        {
          source: Type.Union(
            [Type.Literal('header'), Type.Literal('cookie'), Type.Literal('ip'), Type.Literal('consumer')],
            {
              description: 'What the consistent hash is computed on.',
            },
          ),
          name: Type.Optional(Type.String({ description: 'Header or cookie name.' })),
        },
        { additionalProperties: false },
      ),
    ),
    connections: Type.Integer({
      minimum: 1,
      maximum: 65_536,
      default: 128,
      description: 'Max connections per target.',
    }),
    keepalive_timeout_ms: Duration(60_000, 'Idle time before a pooled upstream connection is closed.'),
    http2: Type.Boolean({
      default: false,
      description:
        'Offer HTTP/2 (ALPN h2) to https targets (gRPC servers need it); HTTP/1.1 is used when the target declines. Cleartext h2c is not supported.',
    }),
    timeouts: Type.Object(
      {
        connect_ms: Duration(5_000, 'Connect (and TLS handshake) timeout.', 1),
        header_ms: Duration(30_000, 'Time to receive the response head.', 1),
        body_ms: Duration(30_000, 'Max idle time between response body chunks.', 1),
      },
      { additionalProperties: false, default: {} },
    ),
    tls: Type.Optional(UpstreamTlsSchema),
    health_checks: Type.Optional(
      Type.Object(
        {
          active: Type.Optional(
            Type.Object(
              {
                path: Type.String({ default: '/', pattern: '^/', description: 'Path probed with GET.' }),
                interval_ms: Duration(5_000, 'Probe interval.', 100),
                timeout_ms: Duration(2_000, 'Probe timeout.', 10),
                healthy_threshold: Type.Integer({
                  minimum: 1,
                  maximum: 100,
                  default: 2,
                  description: 'Successes to mark healthy.',
                }),
                unhealthy_threshold: Type.Integer({
                  minimum: 1,
                  maximum: 100,
                  default: 3,
                  description: 'Failures to mark unhealthy.',
                }),
                expected_statuses: Type.Array(Type.Integer({ minimum: 100, maximum: 599 }), {
                  default: [200, 204],
                  description: 'Statuses that count as healthy.',
                }),
                host: Type.Optional(Type.String({ description: 'Host header for probes.' })),
              },
              { additionalProperties: false },
            ),
          ),
          passive: Type.Optional(
            Type.Object(
              {
                consecutive_failures: Type.Integer({
                  minimum: 1,
                  maximum: 1000,
                  default: 5,
                  description: 'Failures in a row that eject a target.',
                }),
                base_ejection_ms: Duration(
                  10_000,
                  'First ejection time; doubles on each repeated ejection.',
                  1,
                ),
                max_ejection_ms: Duration(300_000, 'Longest ejection time.', 1),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    circuit_breaker: Type.Optional(
      Type.Object(
        {
          failure_ratio: Type.Number({
            minimum: 0.01,
            maximum: 1,
            default: 0.5,
            description: 'Failure ratio that opens the circuit.',
          }),
          min_requests: Type.Integer({
            minimum: 1,
            maximum: 1_000_000,
            default: 20,
            description: 'Requests in the window before the ratio counts.',
          }),
          window_ms: Duration(10_000, 'Rolling window.', 100),
          open_ms: Duration(30_000, 'Time the circuit stays open.', 1),
          half_open_requests: Type.Integer({
            minimum: 1,
            maximum: 1000,
            default: 3,
            description: 'Probe requests allowed when half-open.',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    retries: Type.Optional(
      Type.Object(
        {
          attempts: Type.Integer({
            minimum: 0,
            maximum: 5,
            default: 1,
            description: 'Retries after the first try (idempotent requests only).',
          }),
          budget_ratio: Type.Number({
            minimum: 0,
            maximum: 1,
            default: 0.2,
            description: 'Retries may add at most this share of requests.',
          }),
          min_retries_per_second: Type.Integer({
            minimum: 0,
            maximum: 10_000,
            default: 3,
            description: 'Retries always allowed per second.',
          }),
          statuses: Type.Array(Type.Integer({ minimum: 500, maximum: 599 }), {
            default: [502, 503, 504],
            description: 'Statuses that are retried.',
          }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

const PolicyNameKey = '^[a-z][a-z0-9-]*$';

export function policiesSchema(policies: readonly PolicyDefinition[]): TObject {
  const props: Record<string, TSchema> = {};
  for (const p of policies) {
    const base = p.schema as TObject;
    const schema = p.supportsMode
      ? Type.Object(
          {
            mode: Type.Union([Type.Literal('enforce'), Type.Literal('report-only')], {
              default: 'enforce',
              description:
                'enforce: act on decisions; report-only: evaluate, log and count, but let the request pass.',
            }),
            ...base.properties,
          },
          { additionalProperties: false, description: p.description },
        )
      : Type.Object(base.properties, { additionalProperties: false, description: p.description });
    props[p.name] = Type.Optional(schema);
  }
  return Type.Object(props, {
    additionalProperties: false,
    description:
      'Policies by name. Attached globally, per service, per route or per consumer; the most specific wins.',
    'x-policy-key': PolicyNameKey,
  });
}

export function buildConfigSchema(policies: readonly PolicyDefinition[]) {
  // Defined once under $defs and referenced four times (global, service, route, consumer), so the
  // validator compiles the policy schemas once instead of four times.
  const PoliciesDef = policiesSchema(policies);
  const Policies = Type.Unsafe<Record<string, Record<string, unknown> | undefined>>({
    $ref: '#/$defs/policies',
    description: PoliciesDef.description,
  });
  const Route = Type.Object(
    {
      name: Type.String({
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$',
        description: 'Unique route name (used in logs and metrics).',
      }),
      hosts: Type.Array(Type.String({ pattern: '^(\\*\\.)?[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$' }), {
        default: [],
        description: 'Hosts matched exactly or by "*.example.com" wildcard. Empty = any host.',
      }),
      paths: Type.Array(Type.String({ minLength: 1, pattern: '^(/|~)' }), {
        minItems: 1,
        description:
          'Paths: "/exact", "/users/{id}" (named segment), "/static/*" (prefix on a segment boundary), "~^/regex$".',
      }),
      methods: Type.Array(Type.String({ pattern: '^[A-Z]{1,20}$' }), {
        default: [],
        description: 'Allowed methods. Empty = any (except CONNECT and TRACE, always refused).',
      }),
      headers: Type.Record(Type.String({ pattern: '^[a-z0-9-]+$' }), Type.Array(Type.String()), {
        default: {},
        description: 'Header conditions: lower-case name → accepted values.',
      }),
      service: Type.Optional(Type.String({ description: 'Service this route sends to.' })),
      upstream: Type.Optional(
        Type.String({ description: 'Upstream (by name) this route sends to, when it has no service.' }),
      ),
      strip_prefix: Type.Boolean({
        default: false,
        description: 'Remove the matched prefix of a "/prefix/*" path before forwarding.',
      }),
      rewrite: Type.Optional(
        Type.String({
          pattern: '^/',
          description: 'Replace the matched path with this one; {param} placeholders are filled.',
        }),
      ),
      preserve_host: Type.Boolean({
        default: false,
        description: "Forward the client's Host instead of the target's.",
      }),
      timeout_ms: Type.Optional(Duration(30_000, 'Overrides the upstream header timeout for this route.', 1)),
      websocket: Type.Optional(
        Type.Boolean({
          description:
            'Accept WebSocket upgrades (RFC 6455) on this route and tunnel them to the upstream after the ' +
            "route's request policies passed (default false: an upgrade is answered 501). Other upgrade " +
            'protocols are always refused.',
        }),
      ),
      websocket_idle_timeout_ms: Type.Optional(
        Type.Integer({
          minimum: 1000,
          maximum: 86_400_000,
          description:
            'Time a WebSocket tunnel may stay without traffic in either direction before both sides are ' +
            'closed (default 3600000, one hour).',
        }),
      ),
      deprecated: Type.Optional(
        Type.Union([Type.String({ format: 'date-time' }), Type.String({ format: 'date' })], {
          description: 'Date the route was (or will be) deprecated: sends the RFC 9745 Deprecation header.',
        }),
      ),
      sunset: Type.Optional(
        Type.Union([Type.String({ format: 'date-time' }), Type.String({ format: 'date' })], {
          description: 'When the route goes away (RFC 8594 Sunset header).',
        }),
      ),
      deprecation_link: Type.Optional(
        Type.String({ format: 'uri', description: 'Link (rel="deprecation") to the migration docs.' }),
      ),
      policies: Type.Optional(Policies),
    },
    { additionalProperties: false },
  );
  const Service = Type.Object(
    {
      name: Type.String({
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$',
        description: 'Unique service name.',
      }),
      upstream: Type.Optional(Type.String({ description: 'Upstream by name.' })),
      url: Type.Optional(
        Type.String({
          format: 'uri',
          pattern: '^https?://',
          description: 'Shortcut: a single-target upstream (origin, optionally with a base path).',
        }),
      ),
      path: Type.String({
        default: '',
        pattern: '^(/.*)?$',
        description: 'Path prefix prepended when forwarding.',
      }),
      policies: Type.Optional(Policies),
    },
    { additionalProperties: false },
  );
  const Consumer = Type.Object(
    {
      id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{0,127}$', description: 'Unique consumer id.' }),
      groups: Type.Array(Type.String({ minLength: 1 }), { default: [], description: 'Groups / roles.' }),
      metadata: Type.Record(Type.String(), Type.String(), { default: {}, description: 'Free-form labels.' }),
      api_keys: Type.Array(
        Type.Object(
          {
            id: Type.String({
              pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
              description: 'Key id (shown in logs instead of the key).',
            }),
            hash: Type.String({
              pattern: '^sha256:[0-9a-f]{64}$',
              description:
                'SHA-256 of the key (`gatehouse keys generate` prints it). The key itself is never stored.',
            }),
            expires_at: Type.Optional(
              Type.String({ format: 'date-time', description: 'The key stops working at this time.' }),
            ),
            not_before: Type.Optional(
              Type.String({ format: 'date-time', description: 'The key starts working at this time.' }),
            ),
            revoked: Type.Boolean({ default: false, description: 'A revoked key never works.' }),
          },
          { additionalProperties: false },
        ),
        { default: [], description: 'API keys of this consumer, as hashes (GitOps credential store).' },
      ),
      policies: Type.Optional(Policies),
    },
    { additionalProperties: false },
  );
  return Type.Object(
    {
      gatehouse: Type.Literal(1, { description: 'Config format version.' }),
      workers: Type.Union([Type.Integer({ minimum: 1, maximum: 256 }), Type.Literal('auto')], {
        default: 'auto',
        description: 'Worker threads sharing the listeners. "auto" = CPU count.',
      }),
      shutdown_timeout_ms: Duration(
        30_000,
        'On SIGTERM, time allowed for in-flight requests before connections are cut.',
      ),
      listeners: Type.Array(ListenerSchema, { minItems: 1, description: 'Where clients connect.' }),
      admin: Type.Object(
        {
          enabled: Type.Boolean({ default: true, description: 'Open the admin listener.' }),
          host: Type.String({
            default: '127.0.0.1',
            description: 'Admin bind address (loopback by default).',
          }),
          port: Type.Integer({ minimum: 0, maximum: 65_535, default: 9901, description: 'Admin port.' }),
          tokens: Type.Array(
            Type.Object(
              {
                id: Type.String({
                  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
                  description: 'Token id, recorded in the audit log (never the token).',
                }),
                role: Type.Union([Type.Literal('viewer'), Type.Literal('operator'), Type.Literal('admin')], {
                  description: 'viewer: read; operator: read + bans and keys; admin: everything.',
                }),
                hash: Type.Optional(
                  Type.String({
                    pattern: '^sha256:[0-9a-f]{64}$',
                    description: 'SHA-256 of the token (`sha256:<hex>`). The token itself is not stored.',
                  }),
                ),
                token: Type.Optional(
                  Type.String({
                    minLength: 16,
                    'x-secret': true,
                    description:
                      'The token itself, usually a `file:/path` or environment reference (instead of `hash`).',
                  }),
                ),
              },
              { additionalProperties: false },
            ),
            {
              default: [],
              description:
                'Bearer tokens of the admin API. None: a one-time admin token is printed to stderr at start (loopback only).',
            },
          ),
          allow: Type.Array(Type.String(), {
            default: [],
            description: 'CIDRs allowed to call the authenticated admin API. Empty = any address.',
          }),
          state_dir: Type.String({
            default: '.gatehouse/admin',
            description: 'Directory of the audit log and the config version history.',
          }),
          history: Type.Integer({
            minimum: 1,
            maximum: 1000,
            default: 20,
            description: 'Config versions kept for rollback.',
          }),
          metrics_auth: Type.Boolean({
            default: false,
            description: 'Require an admin token (any role) for /metrics.',
          }),
          lockout_failures: Type.Integer({
            minimum: 0,
            maximum: 1000,
            default: 10,
            description:
              'Wrong admin tokens from one address within a minute that lock the address out of the authenticated API (60 s, doubling per repeat up to 1 h; even the right token is answered 429 meanwhile). 0 disables the lockout.',
          }),
          tls: Type.Optional(
            Type.Object(ListenerTlsSchema.properties, {
              additionalProperties: false,
              description:
                'Serve the admin API over TLS; with client_auth, the API (not the probes) also needs a client certificate signed by one of its CAs.',
            }),
          ),
        },
        {
          additionalProperties: false,
          default: {},
          description: 'Admin API: health, readiness, metrics and the authenticated management API.',
        },
      ),
      limits: Type.Object(LimitsSchema.properties, {
        additionalProperties: false,
        default: {},
        description: LimitsSchema.description,
      }),
      paths: Type.Object(PathSchema.properties, {
        additionalProperties: false,
        default: {},
        description: PathSchema.description,
      }),
      trusted_proxies: Type.Array(Type.String(), {
        default: [],
        description:
          'CIDRs of proxies whose X-Forwarded-For / Forwarded headers are believed. Empty = trust none.',
      }),
      strip_request_headers: Type.Array(Type.String({ pattern: '^[a-z0-9-]+\\*?$' }), {
        default: ['x-consumer-*', 'x-authenticated-*', 'x-credential-*', 'x-anonymous-*', 'x-gatehouse-*'],
        description:
          'Client-supplied headers always removed before forwarding (lower-case; trailing * = prefix).',
      }),
      server_header: Type.Boolean({
        default: false,
        description: 'Send "Server: gatehouse" (never with a version).',
      }),
      via: Type.Boolean({
        default: true,
        description: 'Add a Via header towards the upstream and the client.',
      }),
      logging: Type.Object(
        {
          level: Type.Union(
            ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
            { default: 'info', description: 'Log level.' },
          ),
          destination: Type.String({ default: 'stdout', description: '"stdout", "stderr" or a file path.' }),
          access_log: Type.Boolean({
            default: true,
            description: 'Write one JSON access-log line per request.',
          }),
          redact_query_params: Type.Array(Type.String(), {
            default: [
              'api_key',
              'apikey',
              'key',
              'token',
              'access_token',
              'id_token',
              'password',
              'secret',
              'signature',
              'sig',
              'code',
            ],
            description: 'Query parameters whose values are redacted in logs.',
          }),
          redact_headers: Type.Array(Type.String(), {
            default: ['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key'],
            description: 'Headers redacted in logs.',
          }),
        },
        { additionalProperties: false, default: {} },
      ),
      state: Type.Object(
        {
          backend: Type.Union([Type.Literal('local'), Type.Literal('redis')], {
            default: 'local',
            description: 'local: exact across the worker threads of this process; redis: exact across nodes.',
          }),
          local: Type.Object(
            {
              capacity: Type.Union(
                [1024, 4096, 16_384, 65_536, 262_144, 1_048_576, 4_194_304].map((n) => Type.Literal(n)),
                {
                  default: 65_536,
                  description: 'Keys the shared table holds (a power of two; 48 bytes each).',
                },
              ),
            },
            { additionalProperties: false, default: {} },
          ),
          redis: Type.Optional(
            Type.Object(
              {
                url: Type.Optional(
                  Type.String({
                    pattern: '^rediss?://',
                    description: 'redis://[user:pass@]host:port/db',
                    'x-secret': true,
                  }),
                ),
                nodes: Type.Optional(
                  Type.Array(
                    Type.Object(
                      { host: Type.String(), port: Type.Integer({ minimum: 1, maximum: 65_535 }) },
                      { additionalProperties: false },
                    ),
                    { minItems: 1, description: 'Redis Cluster seed nodes (instead of url).' },
                  ),
                ),
                password: Type.Optional(
                  Type.String({ description: 'Password (cluster mode).', 'x-secret': true }),
                ),
                key_prefix: Type.String({ default: 'gh:', description: 'Prefix of every key.' }),
                command_timeout_ms: Duration(200, 'Time after which a Redis command counts as failed.', 10),
              },
              { additionalProperties: false },
            ),
          ),
        },
        {
          additionalProperties: false,
          default: {},
          description: 'Where limits, bans, replay caches and failure counters live.',
        },
      ),
      credentials: Type.Object(
        {
          store: Type.Union([Type.Literal('embedded'), Type.Literal('redis'), Type.Literal('none')], {
            default: 'embedded',
            description:
              'Where credentials created through the admin API live (in addition to the ones in this file): embedded (a local database that survives restarts), redis (shared by every node), none.',
          }),
          path: Type.String({ default: '.gatehouse/credentials.db', description: 'Embedded store file.' }),
        },
        { additionalProperties: false, default: {} },
      ),
      metrics: Type.Object(
        {
          per_consumer: Type.Boolean({
            default: false,
            description:
              'Count requests per authenticated consumer (gatehouse_consumer_requests_total). Off by default: one series per consumer.',
          }),
          max_consumers: Type.Integer({
            minimum: 1,
            maximum: 10_000,
            default: 100,
            description:
              'Consumers that get their own series (per worker); the rest are counted under "other".',
          }),
        },
        {
          additionalProperties: false,
          default: {},
          description: 'Prometheus metrics options (cardinality guards).',
        },
      ),
      events: EventsSchema,
      anomaly: AnomalySchema,
      upstreams: Type.Array(UpstreamSchema, { default: [], description: 'Named groups of targets.' }),
      services: Type.Array(Service, { default: [], description: 'Logical APIs: an upstream plus policies.' }),
      routes: Type.Array(Route, { default: [], description: 'What requests match, and where they go.' }),
      consumers: Type.Array(Consumer, { default: [], description: 'Known API clients.' }),
      policies: Type.Optional(Policies),
    },
    {
      additionalProperties: false,
      $defs: { policies: PoliciesDef },
      $id: 'https://gatehouse.dev/schema/gatehouse.schema.json',
      title: 'Gatehouse configuration',
    },
  );
}
