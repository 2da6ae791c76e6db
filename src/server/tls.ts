import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createSecureContext, getCiphers, type SecureContext } from 'node:tls';

/** One certificate of a listener, as configured. */
function readPem(file: string, field: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new TypeError(
      `tls.${field}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

export interface TlsCertConfig {
  cert: string;
  key: string;
  passphrase?: string | undefined;
  server_names: string[];
}

/** A listener's `tls` block, as configured (defaults applied). */
export interface ListenerTlsConfig {
  certificates: TlsCertConfig[];
  min_version: 'TLSv1.2' | 'TLSv1.3';
  ciphers: string;
  http2: boolean;
  reload_interval_ms: number;
  client_auth?:
    | {
        ca: string[];
        mode: 'request' | 'require';
        verify_depth: number;
        crl: string[];
      }
    | undefined;
}

/** The PEM material of one certificate, as last loaded successfully. */
export interface CertificateMaterial {
  readonly cert: string;
  readonly key: string;
  readonly passphrase: string | undefined;
}

/** Single suite names this OpenSSL build knows (lower-case, as `tls.getCiphers()` lists them). */
const KNOWN_SUITES: ReadonlySet<string> = new Set(getCiphers());

/**
 * Checks a TLS 1.2 cipher list and returns it in canonical form (colon-separated). Every entry must
 * be one concrete suite name known to OpenSSL — aliases, keywords and operators (`ALL`, `DEFAULT`,
 * `kRSA`, `!aNULL`, `@SECLEVEL=0`) are refused because they can pull in suites nobody reviewed — and
 * that suite must have forward secrecy (ECDHE/DHE, or a TLS 1.3 suite) and be an AEAD (GCM,
 * ChaCha20-Poly1305, CCM with a full tag). PSK suites are refused. OpenSSL also accepts commas
 * and spaces as separators, so those split entries too. An empty list is refused (OpenSSL would
 * fall back to its defaults, which include static-RSA and CBC suites).
 *
 * @example checkCiphers('ECDHE-RSA-AES128-GCM-SHA256, ECDHE-RSA-CHACHA20-POLY1305')
 *   // 'ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305'
 * @throws TypeError naming the first refused entry.
 */
export function checkCiphers(list: string): string {
  const names = list.split(/[:,\s]+/).filter((n) => n !== '');
  if (names.length === 0) {
    throw new TypeError(
      'tls.ciphers: the list is empty (OpenSSL would use its defaults, which include static-RSA and CBC suites)',
    );
  }
  for (const name of names) {
    if (name !== name.toUpperCase() || !KNOWN_SUITES.has(name.toLowerCase())) {
      throw new TypeError(
        `tls.ciphers: "${name}" is not a single cipher suite name known to OpenSSL (aliases, keywords and operators are not accepted)`,
      );
    }
    if (name.includes('PSK')) throw new TypeError(`tls.ciphers: "${name}" is a pre-shared-key suite`);
    const fs = name.startsWith('ECDHE-') || name.startsWith('DHE-') || name.startsWith('TLS_');
    if (!fs) throw new TypeError(`tls.ciphers: "${name}" has no forward secrecy (static RSA key exchange)`);
    const aead = /GCM|CHACHA20-POLY1305|CHACHA20_POLY1305|CCM/.test(name) && !/CCM_?8/.test(name);
    if (!aead) {
      throw new TypeError(
        `tls.ciphers: "${name}" is not an AEAD suite (CBC/SHA-1/legacy suites are refused)`,
      );
    }
  }
  return names.join(':');
}

interface Loaded {
  names: string[];
  context: SecureContext;
  material: CertificateMaterial;
}

function namesOf(x: X509Certificate): string[] {
  const out: string[] = [];
  const san = x.subjectAltName ?? '';
  for (const part of san.split(/,\s*/)) if (part.startsWith('DNS:')) out.push(part.slice(4).toLowerCase());
  if (out.length === 0) {
    const cn = /CN=([^\n,]+)/.exec(x.subject);
    if (cn) out.push(cn[1]!.toLowerCase());
  }
  return out;
}

/** What identifies a file's content cheaply: a rename (new inode), a rewrite (mtime/size). */
function fileSignature(path: string): string {
  const s = statSync(path);
  return `${s.ino}:${s.size}:${s.mtimeMs}`;
}

/**
 * Holds the listener's certificates: selects one by SNI (exact, then wildcard, then the first
 * certificate as default) and reloads them from disk when their files change. Construction reads
 * and checks everything (files, key match, passphrase, cipher list) and throws a TypeError naming
 * the problem; it starts no timer, so it can also be used to validate a config.
 *
 * @example
 * const store = new CertificateStore(cfg.tls);
 * https.createServer({ ...store.baseOptions(), ...store.defaultMaterial, SNICallback: store.sniCallback });
 */
export class CertificateStore {
  readonly #cfg: ListenerTlsConfig;
  readonly #ciphers: string;
  #loaded: Loaded[] = [];
  #exact = new Map<string, SecureContext>();
  #wild = new Map<string, SecureContext>();
  /** File signatures at the last load attempt, successful or not (a broken file is tried once). */
  #seen = '';
  #onChange: ((material: CertificateMaterial) => void) | undefined;

  constructor(cfg: ListenerTlsConfig) {
    this.#ciphers = checkCiphers(cfg.ciphers);
    this.#cfg = cfg;
    this.#clientCa = cfg.client_auth?.ca.map((f) => readPem(f, 'client_auth.ca'));
    this.#crl = cfg.client_auth?.crl.map((f) => readPem(f, 'client_auth.crl'));
    this.#load();
  }

  readonly #clientCa: string[] | undefined;
  readonly #crl: string[] | undefined;

  /**
   * Options shared by every context: versions, ciphers, curves, and with client_auth the CAs
   * that may sign client certificates and the CRLs that revoke them (SNI contexts need them too).
   */
  baseOptions() {
    return {
      minVersion: this.#cfg.min_version,
      maxVersion: 'TLSv1.3' as const,
      ciphers: this.#ciphers,
      honorCipherOrder: true,
      ecdhCurve: 'X25519:P-256:P-384',
      ...(this.#clientCa ? { ca: this.#clientCa } : {}),
      ...(this.#crl?.length ? { crl: this.#crl } : {}),
    };
  }

  /** Server options for client certificates (none without client_auth). */
  clientAuthOptions(): { requestCert: boolean; rejectUnauthorized: boolean } {
    const ca = this.#cfg.client_auth;
    return ca
      ? { requestCert: true, rejectUnauthorized: ca.mode === 'require' }
      : { requestCert: false, rejectUnauthorized: false };
  }

  #caCerts: X509Certificate[] | undefined;

  /**
   * True when `leaf` is signed directly by one of the client_auth CAs (no intermediate between them).
   * Node exposes only the leaf of a client chain that went through intermediates, so this is how
   * `verify_depth: 0` is enforced exactly.
   */
  issuedByTrustedCa(leaf: X509Certificate): boolean {
    if (this.#caCerts === undefined) {
      this.#caCerts = [];
      for (const pem of this.#clientCa ?? []) {
        for (const m of pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)) {
          try {
            this.#caCerts.push(new X509Certificate(m[0]));
          } catch {
            // Not a certificate Node can parse: it cannot be the issuer either.
          }
        }
      }
    }
    return this.#caCerts.some((ca) => leaf.checkIssued(ca) && leaf.verify(ca.publicKey));
  }

  /** Longest accepted chain below the CA (client_auth.verify_depth), or undefined. */
  get verifyDepth(): number | undefined {
    return this.#cfg.client_auth?.verify_depth;
  }

  #signature(): string {
    const parts: string[] = [];
    for (const c of this.#cfg.certificates) parts.push(fileSignature(c.cert), fileSignature(c.key));
    return parts.join('|');
  }

  #load(): void {
    let sig = '';
    try {
      sig = this.#signature();
    } catch {
      // a missing file is reported by the read below
    }
    this.#seen = sig;
    const loaded: Loaded[] = [];
    this.#cfg.certificates.forEach((c, i) => {
      let cert: string;
      let key: string;
      let context: SecureContext;
      let x509: X509Certificate;
      try {
        cert = readFileSync(c.cert, 'utf8');
        key = readFileSync(c.key, 'utf8');
        x509 = new X509Certificate(cert);
        // OpenSSL keeps RSA and ECDSA pairs in separate slots, so an RSA certificate with an EC key
        // (or the reverse) loads without error and then fails every handshake: check the pair here.
        if (!x509.checkPrivateKey(createPrivateKey({ key, passphrase: c.passphrase }))) {
          throw new Error('the private key does not match the certificate');
        }
        context = createSecureContext({ cert, key, passphrase: c.passphrase, ...this.baseOptions() });
      } catch (err) {
        throw new TypeError(
          `tls.certificates: certificate ${i + 1} (cert ${c.cert}, key ${c.key}) cannot be loaded: ${(err as Error).message}`,
        );
      }
      const names = c.server_names.length ? c.server_names.map((n) => n.toLowerCase()) : namesOf(x509);
      loaded.push({ names, context, material: { cert, key, passphrase: c.passphrase } });
    });
    const exact = new Map<string, SecureContext>();
    const wild = new Map<string, SecureContext>();
    for (const l of loaded) {
      for (const n of l.names) {
        if (n.startsWith('*.')) {
          if (!wild.has(n.slice(1))) wild.set(n.slice(1), l.context);
        } else if (!exact.has(n)) exact.set(n, l.context);
      }
    }
    this.#loaded = loaded;
    this.#exact = exact;
    this.#wild = wild;
  }

  /** The context of the first (default) certificate. */
  get defaultContext(): SecureContext {
    return this.#loaded[0]!.context;
  }

  /** PEM material of the first certificate, for the server's own (non-SNI) context. */
  get defaultMaterial(): CertificateMaterial {
    return this.#loaded[0]!.material;
  }

  /** Context for an SNI name (undefined name = default certificate). */
  select(servername: string | undefined): SecureContext {
    if (servername) {
      const n = servername.toLowerCase();
      const e = this.#exact.get(n);
      if (e) return e;
      const dot = n.indexOf('.');
      if (dot > 0) {
        const w = this.#wild.get(n.slice(dot));
        if (w) return w;
      }
    }
    return this.defaultContext;
  }

  /** `SNICallback` for `tls.createServer`: always answers (unknown names get the default). */
  sniCallback = (servername: string, cb: (err: Error | null, ctx?: SecureContext) => void): void => {
    cb(null, this.select(servername));
  };

  /**
   * True when a certificate or key file changed on disk since the last load attempt. A file that
   * is missing right now (being replaced) is not a change yet.
   */
  changedOnDisk(): boolean {
    let sig: string;
    try {
      sig = this.#signature();
    } catch {
      return false;
    }
    return sig !== this.#seen;
  }

  /**
   * Reloads from disk. If the new files do not load (unreadable, not PEM, key not matching the
   * certificate, wrong passphrase), the old certificates stay in use and the TypeError is thrown;
   * the same files are not tried again until they change.
   */
  reload(): void {
    this.#load();
    this.#onChange?.(this.defaultMaterial);
  }

  /** Registers the callback run after a successful reload (the server updates its default context). */
  onChange(fn: (material: CertificateMaterial) => void): void {
    this.#onChange = fn;
  }
}
