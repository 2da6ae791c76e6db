/**
 * The built-in policies, in no particular order (the pipeline sorts by `order`, then name).
 *
 * @example
 * const byName = new Map(builtinPolicies.map((p) => [p.name, p]));
 */
import { policy as acl } from './acl/policy.ts';
import { policy as authRequirement } from './auth-requirement/policy.ts';
import { policy as botDefense } from './bot-defense/policy.ts';
import { policy as bruteForce } from './brute-force/policy.ts';
import { policy as cel } from './cel/policy.ts';
import { policy as concurrencyLimit } from './concurrency-limit/policy.ts';
import { policy as cors } from './cors/policy.ts';
import { policy as graphql } from './graphql/policy.ts';
import { policy as headers } from './headers/policy.ts';
import { policy as ipRestriction } from './ip-restriction/policy.ts';
import { policy as jsonThreatProtection } from './json-threat-protection/policy.ts';
import { policy as jwtAuth } from './jwt-auth/policy.ts';
import { policy as keyAuth } from './key-auth/policy.ts';
import { policy as loadShed } from './load-shed/policy.ts';
import { policy as mockResponse } from './mock-response/policy.ts';
import { policy as mtlsAuth } from './mtls-auth/policy.ts';
import { policy as oauthIntrospection } from './oauth-introspection/policy.ts';
import { policy as openapi } from './openapi/policy.ts';
import { policy as quota } from './quota/policy.ts';
import { policy as rateLimit } from './rate-limit/policy.ts';
import { policy as requestId } from './request-id/policy.ts';
import { policy as requestSizeLimit } from './request-size-limit/policy.ts';
import { policy as scopes } from './scopes/policy.ts';
import { policy as senderConstraint } from './sender-constraint/policy.ts';
import { policy as stepUp } from './step-up/policy.ts';
import { policy as waf } from './waf/policy.ts';
import { policy as xmlThreatProtection } from './xml-threat-protection/policy.ts';

export const builtinPolicies = [
  requestId,
  cors,
  ipRestriction,
  requestSizeLimit,
  headers,
  mockResponse,
  keyAuth,
  mtlsAuth,
  jwtAuth,
  authRequirement,
  acl,
  scopes,
  cel,
  stepUp,
  bruteForce,
  botDefense,
  oauthIntrospection,
  senderConstraint,
  rateLimit,
  quota,
  concurrencyLimit,
  loadShed,
  waf,
  graphql,
  jsonThreatProtection,
  xmlThreatProtection,
  openapi,
] as const;
