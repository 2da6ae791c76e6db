import { type Static, Type } from '@sinclair/typebox';

/** RFC 6749 NQSCHAR-like token for acr / amr values (no space, `"` or `\`). */
const Token = (description: string) =>
  Type.String({ pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$', maxLength: 256, description });

/** Config of the `step-up` policy. */
export const StepUpSchema = Type.Object(
  {
    acr_values: Type.Array(Token('An acceptable authentication context class (`acr`).'), {
      default: [],
      maxItems: 32,
      uniqueItems: true,
      description:
        'The token `acr` must be one of these (in order of preference, sent back in the challenge).',
    }),
    amr: Type.Array(Token('A required authentication method reference (`amr`), e.g. `mfa`, `hwk`.'), {
      default: [],
      maxItems: 32,
      uniqueItems: true,
      description: 'Every one of these must be in the token `amr`.',
    }),
    max_age_s: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 31_536_000,
        description: 'The user authentication (`auth_time`) must be at most this many seconds old.',
      }),
    ),
    require_mtls: Type.Boolean({
      default: false,
      description: 'Also require a verified mTLS client certificate on the connection.',
    }),
  },
  {
    additionalProperties: false,
    description: 'Requires a stronger authentication context and answers per RFC 9470 when it is missing.',
  },
);

/** Validated `step-up` config (defaults applied). */
export type StepUpConfig = Static<typeof StepUpSchema>;
