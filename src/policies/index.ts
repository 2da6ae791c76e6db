/**
 * The built-in policies, in no particular order (the pipeline sorts by `order`, then name).
 *
 * @example
 * const byName = new Map(builtinPolicies.map((p) => [p.name, p]));
 */
import { policy as cors } from './cors/policy.ts';
import { policy as headers } from './headers/policy.ts';
import { policy as ipRestriction } from './ip-restriction/policy.ts';
import { policy as mockResponse } from './mock-response/policy.ts';
import { policy as requestId } from './request-id/policy.ts';
import { policy as requestSizeLimit } from './request-size-limit/policy.ts';

export const builtinPolicies = [
  requestId,
  cors,
  ipRestriction,
  requestSizeLimit,
  headers,
  mockResponse,
] as const;
