/**
 * Identity: who is calling. Authentication policies (key-auth, jwt-auth, oauth-introspection,
 * mtls-auth) record what they established in `ctx.auth`; authorization policies (acl, scopes,
 * cel, step-up, auth-requirement) read it. A consumer found by any method becomes `ctx.consumer`
 * and is passed upstream in gateway-set headers (client-supplied ones are always stripped first).
 */

/** A known API client, from the config (`consumers`) or the credential store. */
export interface Consumer {
  readonly id: string;
  readonly groups: readonly string[];
  readonly metadata: Readonly<Record<string, string>>;
}

/** The verified client certificate of a mutual-TLS connection. */
export interface ClientCertificate {
  /** DER bytes. */
  readonly raw: Buffer;
  /** base64url(SHA-256(DER)): RFC 8705 `x5t#S256`. */
  readonly x5tS256: string;
  readonly subject: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** SAN entries by type. */
  readonly dns: readonly string[];
  readonly uris: readonly string[];
  readonly emails: readonly string[];
  /** `spiffe://…` URI SAN, when present. */
  readonly spiffeId: string | undefined;
}

/** One successful authentication. */
export interface AuthSuccess {
  /** Policy name, e.g. `jwt-auth`. */
  readonly method: string;
  readonly consumer: Consumer | undefined;
  /** Credential id (API key id, JWT `jti`/`sub`, certificate serial): never the secret. */
  readonly credentialId: string | undefined;
  /** Verified token claims (JWT, introspection), when any. */
  readonly claims: Readonly<Record<string, unknown>> | undefined;
  readonly scopes: readonly string[];
  /** Authentication context class (OIDC `acr`), methods (`amr`) and time (`auth_time`, seconds). */
  readonly acr: string | undefined;
  readonly amr: readonly string[];
  readonly authTime: number | undefined;
}

/** One failed authentication attempt, with a reason code for logs and metrics. */
export interface AuthFailure {
  readonly method: string;
  /** Stable reason: `missing`, `malformed`, `expired`, `bad_signature`, `unknown_kid`, `alg_not_allowed`, `revoked`, … */
  readonly reason: string;
  /** Credential identifier attempted (key prefix, `sub`, certificate serial) for brute-force counting. */
  readonly credentialId: string | undefined;
}

/** Per-request authentication state (`ctx.auth`). */
export interface AuthState {
  readonly successes: AuthSuccess[];
  readonly failures: AuthFailure[];
  /** The mTLS client certificate, when the connection presented a verified one. */
  readonly clientCertificate: ClientCertificate | undefined;
}

/** Upstream headers the gateway sets for an identified consumer. */
export const CONSUMER_HEADERS = {
  id: 'x-consumer-id',
  groups: 'x-consumer-groups',
  credential: 'x-credential-id',
  method: 'x-authenticated-method',
  anonymous: 'x-anonymous-consumer',
} as const;

/** Looks up consumers by id (config consumers plus store-managed ones). */
export interface ConsumerDirectory {
  get(id: string): Consumer | undefined;
}
