import { type Static, Type } from '@sinclair/typebox';

const Seconds = (def: number, max: number, description: string) =>
  Type.Integer({ minimum: 1, maximum: max, default: def, description });

/** Config of the `brute-force` policy. */
export const BruteForceSchema = Type.Object(
  {
    max_failures: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 10,
      description:
        'Failed authentications within `window_s` that block a credential (and, unless `max_failures_per_ip` is set, a client address).',
    }),
    max_failures_per_ip: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 1_000_000,
        description:
          'Failed authentications within `window_s` that block a client address (default: `max_failures`). Raise it for clients behind shared NAT; `max_distinct_credentials` still catches credential stuffing.',
      }),
    ),
    window_s: Seconds(300, 86_400, 'Counting window, starting at the first failure.'),
    max_distinct_credentials: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      default: 20,
      description:
        'Distinct credential ids failing from one client address within `window_s` that block that address (credential stuffing). 0 turns this off.',
    }),
    base_block_s: Seconds(60, 86_400, 'Length of a first block.'),
    max_block_s: Seconds(
      3600,
      604_800,
      'Longest block: each repeated block doubles the previous one up to this.',
    ),
    decay_s: Seconds(
      86_400,
      2_592_000,
      'The doubling level expires this long after the first block of a series; the next block starts again at `base_block_s`.',
    ),
    ipv6_prefix: Type.Integer({
      minimum: 32,
      maximum: 128,
      default: 64,
      description:
        'IPv6 clients are counted per prefix of this length (a client usually controls a whole /64).',
    }),
    count_upstream_401: Type.Boolean({
      default: false,
      description:
        'Also count 401 answers of the upstream (e.g. a login endpoint) as failures of the client address.',
    }),
    on_store_error: Type.Union([Type.Literal('deny'), Type.Literal('allow')], {
      default: 'deny',
      description:
        'When the state store cannot answer: `deny` (503, fail closed) or `allow` (let the request through).',
    }),
  },
  {
    additionalProperties: false,
    description:
      'Blocks client addresses and credentials after repeated failed authentications, with exponential back-off.',
  },
);

/** Validated `brute-force` config (defaults applied). */
export type BruteForceConfig = Static<typeof BruteForceSchema>;
