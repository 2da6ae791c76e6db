/**
 * A small, real identity provider for tests: a node:http server on a free loopback port with OIDC
 * discovery, a rotatable JWKS, RFC 7662 token introspection (client_secret_basic) and token minting
 * with jose. It counts the requests it serves so tests can assert on refetch behaviour.
 *
 * @example
 * const idp = await startIdp();
 * const token = await idp.sign({ sub: 'alice', aud: 'orders' });           // RS256, current key
 * const es = await idp.sign({ sub: 'bob', aud: 'orders' }, { alg: 'ES256' });
 * const kid = await idp.rotate();                                          // publish a new RS256 key
 * idp.retire(oldKid);                                                      // stop publishing a key
 * idp.registerClient('gateway', 's3cret'); idp.registerOpaque('opaque-1', { sub: 'carol', exp });
 * await idp.close();
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type net from 'node:net';
import { CompactSign, exportJWK, exportSPKI, generateKeyPair, type JWK } from 'jose';

/** Algorithms the IdP can mint. */
export type IdpAlg = 'RS256' | 'PS256' | 'ES256' | 'EdDSA' | 'HS256';

/** One signing key of the IdP. */
export interface IdpKey {
  readonly kid: string;
  readonly alg: IdpAlg;
  readonly privateKey: CryptoKeyLike;
  readonly publicKey: CryptoKeyLike;
  /** Public JWK as published (kid, alg, use). */
  readonly jwk: JWK;
}

type CryptoKeyLike = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** Options of {@link LocalIdp.sign}. */
export interface SignOptions {
  /** Default RS256 (or the algorithm of `kid`'s key). */
  alg?: IdpAlg;
  /** Key id to sign with (default: the newest key of `alg`). Also the `kid` header unless `header.kid` is set. */
  kid?: string;
  /** `typ` header (default `JWT`; `null` omits it). */
  typ?: string | null;
  /** Extra or overriding protected-header members (`jku`, `x5u`, `jwk`, `crit`, a different `kid`, …). */
  header?: Record<string, unknown>;
  /** Sign with this key instead of one of the IdP's (an attacker's key, or raw bytes for HS*). */
  key?: CryptoKeyLike | Uint8Array;
  /** Extension names to accept when signing with `crit`. */
  crit?: string[];
  /** Do not add default claims (`iss`, `iat`, `exp`). */
  bare?: boolean;
}

/** A running local identity provider. */
export interface LocalIdp {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** `iss` of minted tokens (default: `url`). */
  readonly issuer: string;
  readonly jwksUri: string;
  readonly discoveryUrl: string;
  readonly introspectionUrl: string;
  /** The HS256 shared secret (UTF-8, more than 48 bytes). */
  readonly hsSecret: string;
  /** Requests served per path. */
  readonly hits: Record<string, number>;
  /** GET /jwks requests served so far. */
  readonly jwksFetches: number;
  /** When set, /jwks answers this status (e.g. 503) instead of the keys. */
  jwksStatus: number | undefined;
  /** Keys by kid (published or not). */
  readonly keys: ReadonlyMap<string, IdpKey>;
  /** The published JWKS document. */
  jwks(): { keys: JWK[] };
  /** Mints a signed compact JWS with these claims. `undefined` claim values are dropped. */
  sign(claims: Record<string, unknown>, opts?: SignOptions): Promise<string>;
  /** Creates and publishes a new key; returns its kid. `publish: false` keeps it private (not in the JWKS). */
  rotate(alg?: IdpAlg, opts?: { publish?: boolean; kid?: string }): Promise<string>;
  /** Publishes a key created with `publish: false`. */
  publish(kid: string): void;
  /** Stops publishing a key (it can still sign). */
  retire(kid: string): void;
  /** SPKI PEM of a key's public half. */
  publicPem(kid: string): Promise<string>;
  /** Registers a confidential client allowed to call /introspect. */
  registerClient(id: string, secret: string): void;
  /** Registers an opaque token; /introspect answers `{ active: true, ...claims }` for it. */
  registerOpaque(token: string, claims: Record<string, unknown>): void;
  /** Makes an opaque token inactive. */
  revokeOpaque(token: string): void;
  close(): Promise<void>;
}

const b64json = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/**
 * A compact JWS built by hand (no signing): for `alg: none` and other tokens no library would mint.
 *
 * @example
 * unsignedToken({ alg: 'nOnE', typ: 'JWT' }, { iss, sub: 'x' }); // 'eyJ….eyJ….'
 */
export function unsignedToken(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  signature = '',
): string {
  return `${b64json(header)}.${b64json(claims)}.${signature}`;
}

function readBody(req: IncomingMessage, limit = 65_536): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

/** Starts a local IdP on 127.0.0.1 with one RS256, one ES256 and one EdDSA key published. */
export async function startIdp(opts: { issuer?: string } = {}): Promise<LocalIdp> {
  const keys = new Map<string, IdpKey>();
  const published = new Set<string>();
  const clients = new Map<string, string>();
  const opaque = new Map<string, Record<string, unknown>>();
  const hits: Record<string, number> = {};
  const hsSecret = 'idp-test-hmac-secret-0123456789abcdef0123456789ab';
  let seq = 0;
  let jwksStatus: number | undefined;

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    hits[path] = (hits[path] ?? 0) + 1;
    void handle(req, res, path).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error' });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  const issuer = opts.issuer ?? url;

  async function handle(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method === 'GET' && path === '/.well-known/openid-configuration') {
      return sendJson(res, 200, {
        issuer,
        jwks_uri: `${url}/jwks`,
        introspection_endpoint: `${url}/introspect`,
        introspection_endpoint_auth_methods_supported: ['client_secret_basic'],
        id_token_signing_alg_values_supported: ['RS256', 'PS256', 'ES256', 'EdDSA'],
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
      });
    }
    if (req.method === 'GET' && path === '/jwks') {
      if (jwksStatus !== undefined) return sendJson(res, jwksStatus, { error: 'unavailable' });
      return sendJson(res, 200, idp.jwks(), { 'content-type': 'application/jwk-set+json' });
    }
    if (req.method === 'POST' && path === '/introspect') {
      const client = basicClient(req.headers.authorization);
      if (!client || clients.get(client.id) !== client.secret) {
        await readBody(req).catch(() => '');
        return sendJson(res, 401, { error: 'invalid_client' }, { 'www-authenticate': 'Basic realm="idp"' });
      }
      const form = new URLSearchParams(await readBody(req));
      const token = form.get('token');
      if (token === null) return sendJson(res, 400, { error: 'invalid_request' });
      const claims = opaque.get(token);
      const exp = claims?.exp;
      const live = claims !== undefined && (typeof exp !== 'number' || exp > Date.now() / 1000);
      return sendJson(
        res,
        200,
        live ? { active: true, iss: issuer, client_id: client.id, ...claims } : { active: false },
      );
    }
    sendJson(res, 404, { error: 'not_found' });
  }

  function basicClient(h: string | undefined): { id: string; secret: string } | undefined {
    if (typeof h !== 'string' || !/^basic /i.test(h)) return undefined;
    const decoded = Buffer.from(h.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    try {
      // RFC 6749 §2.3.1: id and secret are form-urlencoded before Basic encoding.
      return {
        id: decodeURIComponent(decoded.slice(0, colon).replaceAll('+', ' ')),
        secret: decodeURIComponent(decoded.slice(colon + 1).replaceAll('+', ' ')),
      };
    } catch {
      return undefined;
    }
  }

  async function newKey(alg: IdpAlg, kid: string): Promise<IdpKey> {
    if (alg === 'HS256') throw new TypeError('HS256 uses the shared secret (hsSecret), not a published key');
    const pair = await generateKeyPair(
      alg,
      alg === 'EdDSA' ? { crv: 'Ed25519', extractable: true } : { extractable: true },
    );
    const jwk = { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' };
    return { kid, alg, privateKey: pair.privateKey, publicKey: pair.publicKey, jwk };
  }

  function newest(alg: IdpAlg): IdpKey {
    let found: IdpKey | undefined;
    for (const k of keys.values()) if (k.alg === alg && published.has(k.kid)) found = k;
    if (!found) throw new Error(`no published ${alg} key`);
    return found;
  }

  const idp: LocalIdp = {
    url,
    issuer,
    jwksUri: `${url}/jwks`,
    discoveryUrl: `${url}/.well-known/openid-configuration`,
    introspectionUrl: `${url}/introspect`,
    hsSecret,
    hits,
    get jwksFetches() {
      return hits['/jwks'] ?? 0;
    },
    get jwksStatus() {
      return jwksStatus;
    },
    set jwksStatus(v: number | undefined) {
      jwksStatus = v;
    },
    keys,
    jwks: () => ({ keys: [...published].map((kid) => keys.get(kid)!.jwk) }),
    async sign(claims, o = {}) {
      const chosen = o.kid !== undefined ? keys.get(o.kid) : undefined;
      if (o.kid !== undefined && !chosen && o.key === undefined) throw new Error(`unknown kid ${o.kid}`);
      const alg: IdpAlg = o.alg ?? chosen?.alg ?? 'RS256';
      const signer =
        o.key ?? (alg === 'HS256' ? new TextEncoder().encode(hsSecret) : (chosen ?? newest(alg)).privateKey);
      const kid = o.kid ?? (o.key === undefined && alg !== 'HS256' ? newest(alg).kid : undefined);
      const now = Math.floor(Date.now() / 1000);
      const body: Record<string, unknown> = o.bare ? {} : { iss: issuer, iat: now, exp: now + 300 };
      for (const [k, v] of Object.entries(claims)) {
        if (v === undefined) delete body[k];
        else body[k] = v;
      }
      const header: Record<string, unknown> = { alg };
      if (o.typ !== null) header.typ = o.typ ?? 'JWT';
      if (kid !== undefined) header.kid = kid;
      Object.assign(header, o.header ?? {});
      const jws = new CompactSign(new TextEncoder().encode(JSON.stringify(body))).setProtectedHeader(
        header as { alg: string },
      );
      const critOpts = o.crit ? { crit: Object.fromEntries(o.crit.map((c) => [c, true])) } : undefined;
      return jws.sign(signer, critOpts);
    },
    async rotate(alg = 'RS256', o = {}) {
      const kid = o.kid ?? `${alg.toLowerCase()}-${++seq}-${Date.now().toString(36)}`;
      keys.set(kid, await newKey(alg, kid));
      if (o.publish !== false) published.add(kid);
      return kid;
    },
    publish(kid) {
      if (!keys.has(kid)) throw new Error(`unknown kid ${kid}`);
      published.add(kid);
    },
    retire(kid) {
      published.delete(kid);
    },
    async publicPem(kid) {
      const k = keys.get(kid);
      if (!k) throw new Error(`unknown kid ${kid}`);
      return exportSPKI(k.publicKey);
    },
    registerClient(id, secret) {
      clients.set(id, secret);
    },
    registerOpaque(token, claims) {
      opaque.set(token, { ...claims });
    },
    revokeOpaque(token) {
      opaque.delete(token);
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) await idp.rotate(alg);
  return idp;
}
