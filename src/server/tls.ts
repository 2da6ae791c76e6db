import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createSecureContext, type SecureContext } from 'node:tls';

export interface TlsCertConfig {
  cert: string;
  key: string;
  passphrase?: string | undefined;
  server_names: string[];
}
export interface ListenerTlsConfig {
  certificates: TlsCertConfig[];
  min_version: 'TLSv1.2' | 'TLSv1.3';
  ciphers: string;
  http2: boolean;
  reload_interval_ms: number;
}

/**
 * Refuses cipher lists that include suites without forward secrecy (static RSA), CBC-mode suites,
 * SHA-1 MACs or anything not AEAD. TLS 1.3 suites are set separately by OpenSSL and are all AEAD.
 */
export function checkCiphers(list: string): void {
  for (const c of list.split(':')) {
    const name = c.trim();
    if (!name) continue;
    if (/^[!+-]/.test(name))
      throw new TypeError(`tls.ciphers: cipher list operators are not accepted ("${name}")`);
    const fs = name.startsWith('ECDHE-') || name.startsWith('DHE-') || name.startsWith('TLS_');
    const aead = /GCM|CHACHA20-POLY1305|CCM/.test(name);
    if (!fs) throw new TypeError(`tls.ciphers: "${name}" has no forward secrecy (static RSA key exchange)`);
    if (!aead || /CBC|SHA$|-SHA1?$|RC4|3DES|NULL|EXPORT|MD5/.test(name)) {
      throw new TypeError(
        `tls.ciphers: "${name}" is not an AEAD suite (CBC/SHA-1/legacy suites are refused)`,
      );
    }
  }
}

interface Loaded {
  names: string[];
  context: SecureContext;
  files: Array<{ path: string; mtimeMs: number }>;
}

function namesOf(certPem: string): string[] {
  const x = new X509Certificate(certPem);
  const out: string[] = [];
  const san = x.subjectAltName ?? '';
  for (const part of san.split(/,\s*/)) if (part.startsWith('DNS:')) out.push(part.slice(4).toLowerCase());
  if (out.length === 0) {
    const cn = /CN=([^\n,]+)/.exec(x.subject);
    if (cn) out.push(cn[1]!.toLowerCase());
  }
  return out;
}

/**
 * Holds the listener's certificates: selects one by SNI (exact, then wildcard, then the first
 * certificate as default) and reloads them from disk when their files change.
 */
export class CertificateStore {
  #cfg: ListenerTlsConfig;
  #loaded: Loaded[] = [];
  #exact = new Map<string, SecureContext>();
  #wild = new Map<string, SecureContext>();
  #onChange: ((ctx: SecureContext) => void) | undefined;

  constructor(cfg: ListenerTlsConfig) {
    checkCiphers(cfg.ciphers);
    this.#cfg = cfg;
    this.#load();
  }

  /** Options shared by every context: versions, ciphers, curves. */
  baseOptions() {
    return {
      minVersion: this.#cfg.min_version,
      maxVersion: 'TLSv1.3' as const,
      ciphers: this.#cfg.ciphers,
      honorCipherOrder: true,
      ecdhCurve: 'X25519:P-256:P-384',
    };
  }

  #load(): void {
    const loaded: Loaded[] = [];
    for (const c of this.#cfg.certificates) {
      const cert = readFileSync(c.cert, 'utf8');
      const key = readFileSync(c.key, 'utf8');
      const context = createSecureContext({ cert, key, passphrase: c.passphrase, ...this.baseOptions() });
      const names = c.server_names.length ? c.server_names.map((n) => n.toLowerCase()) : namesOf(cert);
      loaded.push({
        names,
        context,
        files: [c.cert, c.key].map((p) => ({ path: p, mtimeMs: statSync(p).mtimeMs })),
      });
    }
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

  get defaultContext(): SecureContext {
    return this.#loaded[0]!.context;
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

  sniCallback = (servername: string, cb: (err: Error | null, ctx?: SecureContext) => void): void => {
    cb(null, this.select(servername));
  };

  /** True when any certificate or key file changed on disk since it was loaded. */
  changedOnDisk(): boolean {
    for (const l of this.#loaded) {
      for (const f of l.files) {
        try {
          if (statSync(f.path).mtimeMs !== f.mtimeMs) return true;
        } catch {
          return false;
        }
      }
    }
    return false;
  }

  /** Reloads from disk; keeps the old certificates if the new ones do not load. */
  reload(): void {
    this.#load();
    this.#onChange?.(this.defaultContext);
  }

  onChange(fn: (ctx: SecureContext) => void): void {
    this.#onChange = fn;
  }
}
