import { type Static, Type } from '@sinclair/typebox';
import { TOKEN_PATTERN } from '../headers/hygiene.ts';

/** Config of the `request-id` policy. */
export const RequestIdSchema = Type.Object(
  {
    header: Type.String({
      pattern: TOKEN_PATTERN,
      maxLength: 64,
      default: 'x-request-id',
      description: 'Header that carries the request id (read from the client, sent upstream, echoed back).',
    }),
    trust_incoming: Type.Boolean({
      default: true,
      description:
        'Reuse the client-supplied id when it is 1-128 characters of [A-Za-z0-9._:-]; a malformed one is always replaced.',
    }),
    echo: Type.Boolean({
      default: true,
      description: 'Set the request id header on every response (upstream, local and error responses).',
    }),
    trace_context: Type.Boolean({
      default: true,
      description:
        'Handle W3C Trace Context: continue a valid `traceparent` with a new span id for the gateway hop, or start a new trace.',
    }),
    trust_incoming_trace: Type.Boolean({
      default: true,
      description:
        'Continue a valid incoming trace; when false every request starts a new trace and `tracestate` is dropped.',
    }),
    sample_new_traces: Type.Boolean({
      default: false,
      description: 'Set the sampled flag on traces the gateway starts (incoming traces keep their own flag).',
    }),
  },
  {
    additionalProperties: false,
    description: 'Assigns or propagates a request id and W3C trace context.',
  },
);

/** Validated `request-id` config (defaults applied). */
export type RequestIdConfig = Static<typeof RequestIdSchema>;
