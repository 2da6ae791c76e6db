/**
 * Test helpers for DPoP (unit and integration tests): a client key pair that mints proof JWTs the way
 * an RFC 9449 client does, with every member overridable so tests can build broken proofs. Only test
 * files import this module.
 *
 * @example
 * const client = await dpopClient();
 * const proof = await client.proof({ htm: 'GET', htu: 'http://127.0.0.1:8080/orders', accessToken });
 * // Authorization: DPoP <accessToken>, DPoP: <proof>; the token carries cnf: { jkt: client.jkt }
 */
import { randomUUID } from 'node:crypto';
import { CompactSign, calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import { accessTokenHash } from '../../identity/dpop.ts';

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;

/** What a test may set on one proof. `undefined` members of `claims`/`header` are removed. */
export interface ProofInit {
  htm: string;
  htu: string;
  /** Adds `ath` for this token. */
  accessToken?: string;
  nonce?: string;
  /** Seconds since the epoch (default now). */
  iat?: number;
  /** Default a random UUID. */
  jti?: string;
  /** Extra or overriding claims. */
  claims?: Record<string, unknown>;
  /** Extra or overriding protected-header members (`typ`, `alg`, `jwk`, …). */
  header?: Record<string, unknown>;
  /** Extension names jose should accept in `crit` while signing. */
  crit?: string[];
  /** Sign with this key instead of the client's (the header still names the client's `jwk`). */
  signWith?: KeyPair['privateKey'] | Uint8Array;
}

/** A DPoP client: its key, thumbprint and a proof minter. */
export interface DpopClient {
  readonly alg: 'ES256' | 'RS256' | 'PS256' | 'EdDSA';
  readonly keys: KeyPair;
  /** Public JWK (as sent in the `jwk` header). */
  readonly jwk: JWK;
  /** Private JWK (to build a proof that leaks it). */
  readonly privateJwk: JWK;
  /** RFC 7638 SHA-256 thumbprint: the `cnf.jkt` of tokens bound to this key. */
  readonly jkt: string;
  proof(init: ProofInit): Promise<string>;
}

/** Creates a DPoP client with a fresh key pair. */
export async function dpopClient(alg: DpopClient['alg'] = 'ES256'): Promise<DpopClient> {
  const keys = await generateKeyPair(
    alg,
    alg === 'EdDSA' ? { crv: 'Ed25519', extractable: true } : { extractable: true },
  );
  const jwk = await exportJWK(keys.publicKey);
  const privateJwk = await exportJWK(keys.privateKey);
  const jkt = await calculateJwkThumbprint(jwk, 'sha256');
  return {
    alg,
    keys,
    jwk,
    privateJwk,
    jkt,
    async proof(init: ProofInit): Promise<string> {
      const claims: Record<string, unknown> = {
        jti: init.jti ?? randomUUID(),
        htm: init.htm,
        htu: init.htu,
        iat: init.iat ?? Math.floor(Date.now() / 1000),
      };
      if (init.accessToken !== undefined) claims.ath = accessTokenHash(init.accessToken);
      if (init.nonce !== undefined) claims.nonce = init.nonce;
      for (const [k, v] of Object.entries(init.claims ?? {})) {
        if (v === undefined) delete claims[k];
        else claims[k] = v;
      }
      const header: Record<string, unknown> = { typ: 'dpop+jwt', alg, jwk };
      for (const [k, v] of Object.entries(init.header ?? {})) {
        if (v === undefined) delete header[k];
        else header[k] = v;
      }
      return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
        .setProtectedHeader(header as { alg: string })
        .sign(
          init.signWith ?? keys.privateKey,
          init.crit ? { crit: Object.fromEntries(init.crit.map((c) => [c, true])) } : undefined,
        );
    },
  };
}
