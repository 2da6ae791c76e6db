import { type Static, Type } from '@sinclair/typebox';
import { TOKEN_PATTERN } from '../headers/hygiene.ts';

const Token = Type.String({ pattern: TOKEN_PATTERN, maxLength: 128 });

/** Config of the `cors` policy. */
export const CorsSchema = Type.Object(
  {
    allow_origins: Type.Array(Type.String({ minLength: 1, maxLength: 512 }), {
      default: [],
      maxItems: 1000,
      description:
        'Allowed origins: exact (`https://app.example.com`), any subdomain (`https://*.example.com`), `*` for any origin (not with credentials, never `null`), or `null` for opaque origins (avoid).',
    }),
    allow_origin_patterns: Type.Array(Type.String({ minLength: 1, maxLength: 512 }), {
      default: [],
      maxItems: 100,
      description:
        'Regular expressions an origin must match in full (they are anchored for you); escape dots, e.g. `https://app-[a-z0-9]+\\.example\\.com`.',
    }),
    allow_methods: Type.Array(Token, {
      default: ['GET', 'HEAD', 'POST'],
      maxItems: 64,
      description: 'Methods a preflight may ask for; `*` allows any (the requested one is echoed).',
    }),
    allow_headers: Type.Array(Token, {
      default: [],
      maxItems: 256,
      description: 'Request headers a preflight may ask for; `*` allows any (the requested ones are echoed).',
    }),
    expose_headers: Type.Array(Token, {
      default: [],
      maxItems: 256,
      description:
        'Response headers scripts may read (`Access-Control-Expose-Headers`). `*` only without credentials.',
    }),
    allow_credentials: Type.Boolean({
      default: false,
      description:
        'Send `Access-Control-Allow-Credentials: true` (cookies, HTTP auth). Not allowed with origin `*`.',
    }),
    max_age: Type.Integer({
      minimum: 0,
      maximum: 86_400,
      default: 600,
      description: 'Seconds a browser may cache a preflight answer (`Access-Control-Max-Age`).',
    }),
    allow_private_network: Type.Boolean({
      default: false,
      description:
        'Answer `Access-Control-Allow-Private-Network: true` to preflights from public sites asking to reach this (private) network.',
    }),
  },
  {
    additionalProperties: false,
    description:
      'Cross-origin resource sharing: answers preflights and adds CORS headers for allowed origins. Upstream CORS headers are replaced.',
  },
);

/** Validated `cors` config (defaults applied). */
export type CorsConfig = Static<typeof CorsSchema>;
