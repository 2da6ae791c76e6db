import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { ClientCertificate } from './types.ts';

function sanList(san: string | undefined, prefix: string): string[] {
  if (!san) return [];
  const out: string[] = [];
  for (const part of san.split(/,\s*/)) if (part.startsWith(prefix)) out.push(part.slice(prefix.length));
  return out;
}

function dn(o: Record<string, string | string[]> | undefined): string {
  if (!o) return '';
  return Object.entries(o)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

/**
 * The client certificate of a TLS connection, only when the handshake verified it against the
 * listener's CA bundle (`socket.authorized`). Computed once per connection and cached on it.
 */
export function clientCertificateOf(req: IncomingMessage): ClientCertificate | undefined {
  const sock = req.socket as TLSSocket & { [kCert]?: ClientCertificate | null };
  if (!sock || typeof sock.getPeerCertificate !== 'function') return undefined;
  const cached = sock[kCert];
  if (cached !== undefined) return cached ?? undefined;
  if (!sock.authorized) {
    sock[kCert] = null;
    return undefined;
  }
  const c = sock.getPeerCertificate(false);
  if (!c || !c.raw) {
    sock[kCert] = null;
    return undefined;
  }
  const uris = sanList(c.subjectaltname, 'URI:');
  const cert: ClientCertificate = Object.freeze({
    raw: c.raw,
    x5tS256: createHash('sha256').update(c.raw).digest('base64url'),
    subject: dn(c.subject as unknown as Record<string, string>),
    issuer: dn(c.issuer as unknown as Record<string, string>),
    serialNumber: c.serialNumber,
    validFrom: c.valid_from,
    validTo: c.valid_to,
    dns: sanList(c.subjectaltname, 'DNS:'),
    uris,
    emails: sanList(c.subjectaltname, 'email:'),
    spiffeId: uris.find((u) => u.startsWith('spiffe://')),
  });
  sock[kCert] = cert;
  return cert;
}

const kCert = Symbol('gatehouse.clientCert');
