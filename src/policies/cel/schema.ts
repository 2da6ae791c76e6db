import { type Static, Type } from '@sinclair/typebox';

const Expression = (description: string) =>
  Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description }));

/** Config of the `cel` policy. */
export const CelSchema = Type.Object(
  {
    allow: Expression(
      'CEL expression that must evaluate to true for the request to pass, e.g. `claims.sub == request.params.owner`.',
    ),
    deny: Expression(
      'CEL expression that refuses the request when it evaluates to true. Deny wins over allow.',
    ),
    max_collection_size: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 256,
      description:
        'Largest list or map the request may supply to an expression (headers, query parameters, claim lists, groups); larger inputs are refused (cel_input_too_large).',
    }),
  },
  {
    additionalProperties: false,
    description:
      'Authorization rules in CEL over the request, the consumer, the token claims and the authentication results.',
  },
);

/** Validated `cel` config (defaults applied). */
export type CelConfig = Static<typeof CelSchema>;
