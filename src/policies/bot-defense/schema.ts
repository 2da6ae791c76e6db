import { type Static, Type } from '@sinclair/typebox';

const Weight = (def: number, description: string) =>
  Type.Integer({ minimum: 0, maximum: 1000, default: def, description });
const Threshold = (def: number, description: string) =>
  Type.Integer({ minimum: 1, maximum: 1000, default: def, description });

const JA4_PATTERN = '^[tqd][0-9a-z]{2}[di][0-9]{4}[0-9a-z]{2}_[0-9a-f]{12}_[0-9a-f]{12}$';

/** Config of the `bot-defense` policy. */
export const BotDefenseSchema = Type.Object(
  {
    thresholds: Type.Object(
      {
        tag: Threshold(
          20,
          'Score from which the request is tagged (`X-Gatehouse-Bot-Score` upstream, `bot_tag` event).',
        ),
        challenge: Threshold(50, 'Score from which a proof-of-work solution (or a pass) is required.'),
        throttle: Threshold(70, 'Score from which the request is delayed by `throttle_delay_ms`.'),
        block: Threshold(100, 'Score from which the request is refused with 403.'),
      },
      {
        additionalProperties: false,
        default: {},
        description: 'Actions by client score (each applies independently).',
      },
    ),
    weights: Type.Object(
      {
        scanner: Weight(
          100,
          'User-Agent of an attack tool or vulnerability scanner (sqlmap, nikto, nuclei…).',
        ),
        headless: Weight(60, 'User-Agent of a headless or automated browser.'),
        library: Weight(
          30,
          'User-Agent of an HTTP client library (python-requests, Go-http-client, scrapy…).',
        ),
        tool: Weight(25, 'User-Agent of a command-line tool (curl, wget, httpie…).'),
        crawler: Weight(20, 'Self-declared crawler or bot User-Agent.'),
        empty: Weight(40, 'No User-Agent at all.'),
        header_anomaly: Weight(
          15,
          'Per header-set/order anomaly of a request claiming to be a browser (missing Accept/Accept-Language/Accept-Encoding, Accept-Encoding before Accept, Chrome without Sec-Fetch-*).',
        ),
        high_rate: Weight(40, 'More than `behaviour.max_requests` requests within `behaviour.window_s`.'),
        path_enumeration: Weight(30, 'Recent path entropy at or above `behaviour.max_path_entropy`.'),
        credential_stuffing: Weight(100, 'The client is flagged for credential stuffing.'),
        ja4_deny: Weight(100, 'The TLS fingerprint is on `ja4.deny`.'),
      },
      { additionalProperties: false, default: {}, description: 'Score added by each signal.' },
    ),
    extra_user_agents: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 64, description: 'Name shown in events.' }),
          kind: Type.Union(
            [
              Type.Literal('scanner'),
              Type.Literal('headless'),
              Type.Literal('library'),
              Type.Literal('tool'),
              Type.Literal('crawler'),
            ],
            { description: 'Category (selects the weight).' },
          ),
          match: Type.String({
            minLength: 1,
            maxLength: 200,
            description: 'Case-insensitive substring of the User-Agent (a leading `^` makes it a prefix).',
          }),
        },
        { additionalProperties: false, description: 'One extra automation User-Agent.' },
      ),
      {
        default: [],
        maxItems: 1000,
        description: 'Automation user agents in addition to the built-in list (checked first).',
      },
    ),
    behaviour: Type.Object(
      {
        window_s: Type.Integer({
          minimum: 1,
          maximum: 3600,
          default: 10,
          description: 'Sliding window for rate and path entropy, seconds.',
        }),
        max_requests: Type.Integer({
          minimum: 1,
          maximum: 100_000,
          default: 50,
          description: 'Requests per client within the window above which `high_rate` applies.',
        }),
        max_path_entropy: Type.Number({
          minimum: 0,
          maximum: 1,
          default: 0.95,
          description:
            'Normalised path entropy (1 = every path distinct) at or above which `path_enumeration` applies.',
        }),
        min_requests_for_entropy: Type.Integer({
          minimum: 2,
          maximum: 10_000,
          default: 20,
          description: 'Requests in the window before path entropy is judged.',
        }),
        max_clients: Type.Integer({
          minimum: 1,
          maximum: 10_000_000,
          default: 50_000,
          description: 'Most clients tracked in memory (least recently seen are forgotten).',
        }),
      },
      {
        additionalProperties: false,
        default: {},
        description: 'Per-client request behaviour (in memory, per worker).',
      },
    ),
    credential_stuffing: Type.Object(
      {
        window_s: Type.Integer({
          minimum: 1,
          maximum: 86_400,
          default: 600,
          description: 'Counting window, seconds; a flagged client stays flagged this long.',
        }),
        identities_per_client: Type.Integer({
          minimum: 2,
          maximum: 100_000,
          default: 10,
          description: 'Distinct identities failing authentication from one client that flag it.',
        }),
        clients_per_identity: Type.Integer({
          minimum: 2,
          maximum: 100_000,
          default: 20,
          description:
            'Distinct clients failing on one identity that flag each of them (from that failure on).',
        }),
        identity_header: Type.String({
          default: '',
          maxLength: 100,
          pattern: '^([a-z0-9-]+)?$',
          description:
            "For upstream 401 answers (e.g. a login endpoint behind the gateway): request header naming the identity tried. Empty: only the gateway's own authentication failures count.",
        }),
        max_entries: Type.Integer({
          minimum: 1,
          maximum: 10_000_000,
          default: 50_000,
          description:
            'Most clients and identities tracked in worker memory (without a state store, or for failures the store could not record).',
        }),
        on_store_error: Type.Union([Type.Literal('deny'), Type.Literal('allow')], {
          default: 'deny',
          description:
            "When the state store cannot say whether a client is flagged: `deny` answers 503 (fail closed), `allow` goes on with this worker's memory only. Failures the store could not record are counted in worker memory either way.",
        }),
      },
      {
        additionalProperties: false,
        default: {},
        description:
          'Credential-stuffing detection from failed authentications (log phase; counted in the shared state store, exact across workers and nodes).',
      },
    ),
    pow: Type.Object(
      {
        secret: Type.String({
          default: '',
          maxLength: 1024,
          'x-secret': true,
          description:
            'HMAC-SHA256 key for challenges and passes (at least 32 bytes; use a secret reference). Required when `thresholds.challenge` can be reached; empty turns challenges into blocks.',
        }),
        difficulty: Type.Integer({
          minimum: 1,
          maximum: 32,
          default: 16,
          description: 'Leading zero bits of sha256(challenge + counter) required.',
        }),
        challenge_ttl_s: Type.Integer({
          minimum: 5,
          maximum: 3600,
          default: 120,
          description: 'Lifetime of a challenge, seconds.',
        }),
        pass_ttl_s: Type.Integer({
          minimum: 0,
          maximum: 86_400,
          default: 300,
          description:
            'Lifetime of the `X-Gatehouse-Pass` a solution earns, seconds (0: every request needs a fresh solution).',
        }),
        max_remembered: Type.Integer({
          minimum: 1,
          maximum: 10_000_000,
          default: 100_000,
          description:
            'Solved challenges remembered until they expire (replay protection); when full, new solutions are refused.',
        }),
      },
      { additionalProperties: false, default: {}, description: 'Proof-of-work challenge.' },
    ),
    throttle_delay_ms: Type.Integer({
      minimum: 0,
      maximum: 30_000,
      default: 2000,
      description: 'Delay added at the `throttle` threshold.',
    }),
    verified: Type.Object(
      {
        groups: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
          default: [],
          maxItems: 1000,
          description:
            'Consumer groups that skip tag, challenge and throttle (known only after authentication; blocks apply before it).',
        }),
        cidrs: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
          default: [],
          maxItems: 10_000,
          description: 'Client address ranges that skip the policy entirely.',
        }),
        ja4: Type.Array(Type.String({ pattern: JA4_PATTERN }), {
          default: [],
          maxItems: 10_000,
          description: 'JA4 fingerprints that skip the policy entirely.',
        }),
      },
      { additionalProperties: false, default: {}, description: 'Clients exempt from bot defense.' },
    ),
    ja4: Type.Object(
      {
        deny: Type.Array(Type.String({ pattern: JA4_PATTERN }), {
          default: [],
          maxItems: 10_000,
          description: 'JA4 fingerprints that add `weights.ja4_deny`.',
        }),
      },
      {
        additionalProperties: false,
        default: {},
        description: 'TLS fingerprint lists (JA4 is known on TLS listeners only).',
      },
    ),
    ipv6_prefix: Type.Integer({
      minimum: 32,
      maximum: 128,
      default: 64,
      description: 'IPv6 clients are tracked per prefix of this length.',
    }),
  },
  { additionalProperties: false },
);

/** The `bot-defense` config after defaults. */
export type BotDefenseConfig = Static<typeof BotDefenseSchema>;
