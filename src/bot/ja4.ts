import { createHash } from 'node:crypto';

/** Largest TLS handshake message (ClientHello) the gateway reads for fingerprinting. */
export const MAX_CLIENT_HELLO_BYTES = 16 * 1024;

/** The fields of a TLS ClientHello that JA4 looks at (GREASE values included, in wire order). */
export interface ClientHello {
  /** `legacy_version` of the ClientHello (e.g. 0x0303). */
  readonly legacyVersion: number;
  readonly ciphers: readonly number[];
  /** Extension types in the order they were sent. */
  readonly extensions: readonly number[];
  /** Values of the supported_versions extension (0x002b), empty when absent. */
  readonly supportedVersions: readonly number[];
  /** Protocol names of the ALPN extension (0x0010), in order. */
  readonly alpn: readonly string[];
  /** Signature algorithms (extension 0x000d), in order. */
  readonly signatureAlgorithms: readonly number[];
  /** The server_name host, when the SNI extension carries one. */
  readonly serverName: string | undefined;
}

/** True for the RFC 8701 GREASE values (0x0a0a, 0x1a1a, … 0xfafa). */
export function isGrease(v: number): boolean {
  return (v & 0x0f0f) === 0x0a0a && v >> 8 === (v & 0xff);
}

/**
 * How many bytes of TLS records carry the complete ClientHello handshake message, given the first
 * bytes of a connection.
 * - `{ need: n }`: at least `n` bytes are needed to tell (read more).
 * - `{ done: n }`: the ClientHello is complete within the first `n` bytes.
 * - `{ invalid: reason }`: not a TLS ClientHello (or larger than {@link MAX_CLIENT_HELLO_BYTES}).
 *
 * @example
 * const s = clientHelloExtent(firstBytes); // { need: 5 } | { done: 517 } | { invalid: 'not_tls' }
 */
export function clientHelloExtent(buf: Buffer): { need: number } | { done: number } | { invalid: string } {
  let off = 0;
  let handshake = 0;
  let total = -1;
  while (true) {
    if (buf.length < off + 5) return { need: off + 5 };
    if (buf[off] !== 0x16) return { invalid: off === 0 ? 'not_tls' : 'interleaved_record' };
    if (buf[off + 1] !== 0x03) return { invalid: 'bad_record_version' };
    const len = buf.readUInt16BE(off + 3);
    if (len === 0 || len > 16_384) return { invalid: 'bad_record_length' };
    const end = off + 5 + len;
    // Records framing a ClientHello never add up to much more than the message itself.
    if (end > MAX_CLIENT_HELLO_BYTES + 1024) return { invalid: 'client_hello_too_large' };
    if (total < 0 && off === 0 && len >= 4 && buf.length >= 9) {
      // The usual case: the handshake header is in the first record; refuse oversize early.
      if (buf[5] !== 0x01) return { invalid: 'not_client_hello' };
      total = 4 + buf.readUIntBE(6, 3);
      if (total > MAX_CLIENT_HELLO_BYTES) return { invalid: 'client_hello_too_large' };
    }
    if (buf.length < end) return { need: end };
    handshake += len;
    if (total < 0 && handshake >= 4) {
      const hs = handshakeBytes(buf, end);
      if (hs[0] !== 0x01) return { invalid: 'not_client_hello' };
      total = 4 + hs.readUIntBE(1, 3);
      if (total > MAX_CLIENT_HELLO_BYTES) return { invalid: 'client_hello_too_large' };
    }
    if (total >= 0 && handshake >= total) return { done: end };
    off = end;
  }
}

/** Concatenated handshake-layer payload of the TLS records in `buf[0, end)` (records assumed complete). */
function handshakeBytes(buf: Buffer, end: number): Buffer {
  const parts: Buffer[] = [];
  let off = 0;
  while (off + 5 <= end) {
    const len = buf.readUInt16BE(off + 3);
    parts.push(buf.subarray(off + 5, Math.min(off + 5 + len, end)));
    off += 5 + len;
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}

/** A bounds-checked reader over a buffer; every read past the end throws a RangeError. */
class Reader {
  readonly buf: Buffer;
  off: number;
  readonly end: number;
  constructor(buf: Buffer, off = 0, end = buf.length) {
    this.buf = buf;
    this.off = off;
    this.end = end;
  }
  need(n: number): void {
    if (this.off + n > this.end) throw new RangeError('truncated ClientHello');
  }
  u8(): number {
    this.need(1);
    return this.buf[this.off++]!;
  }
  u16(): number {
    this.need(2);
    const v = this.buf.readUInt16BE(this.off);
    this.off += 2;
    return v;
  }
  u24(): number {
    this.need(3);
    const v = this.buf.readUIntBE(this.off, 3);
    this.off += 3;
    return v;
  }
  /** A sub-reader over the next `n` bytes (and skips them here). */
  sub(n: number): Reader {
    this.need(n);
    const r = new Reader(this.buf, this.off, this.off + n);
    this.off += n;
    return r;
  }
  get left(): number {
    return this.end - this.off;
  }
}

/**
 * Parses the ClientHello out of the first TLS records of a connection (as delimited by
 * {@link clientHelloExtent}). Returns `undefined` for anything that is not a well-formed ClientHello.
 *
 * @example
 * const hello = parseClientHello(recordBytes);
 * if (hello) console.log(ja4(hello));
 */
export function parseClientHello(records: Buffer): ClientHello | undefined {
  try {
    const ext = clientHelloExtent(records);
    if (!('done' in ext)) return undefined;
    const hs = new Reader(handshakeBytes(records, ext.done));
    if (hs.u8() !== 0x01) return undefined;
    const body = hs.sub(hs.u24());
    const legacyVersion = body.u16();
    body.sub(32); // random
    body.sub(body.u8()); // legacy_session_id
    const cs = body.sub(body.u16());
    const ciphers: number[] = [];
    while (cs.left >= 2) ciphers.push(cs.u16());
    body.sub(body.u8()); // compression methods
    const extensions: number[] = [];
    const supportedVersions: number[] = [];
    const alpn: string[] = [];
    const signatureAlgorithms: number[] = [];
    let serverName: string | undefined;
    if (body.left >= 2) {
      const exts = body.sub(body.u16());
      while (exts.left >= 4) {
        const type = exts.u16();
        const data = exts.sub(exts.u16());
        extensions.push(type);
        if (type === 0x0000 && data.left >= 2) {
          const list = data.sub(data.u16());
          while (list.left >= 3) {
            const nameType = list.u8();
            const name = list.sub(list.u16());
            if (nameType === 0 && serverName === undefined) {
              serverName = name.buf.toString('latin1', name.off, name.end);
            }
          }
        } else if (type === 0x0010 && data.left >= 2) {
          const list = data.sub(data.u16());
          while (list.left >= 1) {
            const p = list.sub(list.u8());
            alpn.push(p.buf.toString('latin1', p.off, p.end));
          }
        } else if (type === 0x000d && data.left >= 2) {
          const list = data.sub(data.u16());
          while (list.left >= 2) signatureAlgorithms.push(list.u16());
        } else if (type === 0x002b && data.left >= 1) {
          const list = data.sub(data.u8());
          while (list.left >= 2) supportedVersions.push(list.u16());
        }
      }
    }
    return { legacyVersion, ciphers, extensions, supportedVersions, alpn, signatureAlgorithms, serverName };
  } catch {
    return undefined;
  }
}

const VERSION_CODES: ReadonlyMap<number, string> = new Map([
  [0x0304, '13'],
  [0x0303, '12'],
  [0x0302, '11'],
  [0x0301, '10'],
  [0x0300, 's3'],
  [0x0002, 's2'],
  [0xfeff, 'd1'],
  [0xfefd, 'd2'],
  [0xfefc, 'd3'],
]);

const hex4 = (v: number): string => v.toString(16).padStart(4, '0');
const two = (n: number): string => String(Math.min(n, 99)).padStart(2, '0');
const ALNUM = /^[0-9A-Za-z]$/;

/** sha256 truncated to 12 hex characters; `000000000000` for an empty input list. */
function hash12(s: string): string {
  return s === '' ? '000000000000' : createHash('sha256').update(s).digest('hex').slice(0, 12);
}

/** The ALPN part of JA4_a: first and last character of the first value (hex digits for non-alphanumerics). */
function alpnCode(first: string | undefined): string {
  if (first === undefined || first === '') return '00';
  const a = first[0]!;
  const z = first[first.length - 1]!;
  if (ALNUM.test(a) && ALNUM.test(z)) return a + z;
  const h = Buffer.from(first, 'latin1').toString('hex');
  return h[0]! + h[h.length - 1]!;
}

/**
 * The raw (unhashed) JA4 parts: `[ja4_a, sorted cipher list, sorted extension list + '_' + signature algorithms]`.
 *
 * @example
 * ja4Parts(hello); // ['t13d1516h2', '002f,0035,…', '0005,000a,…_0403,0804,…']
 */
export function ja4Parts(hello: ClientHello, protocol: 't' | 'q' | 'd' = 't'): [string, string, string] {
  const ciphers = hello.ciphers.filter((c) => !isGrease(c));
  const extensions = hello.extensions.filter((e) => !isGrease(e));
  const versions = hello.supportedVersions.filter((v) => !isGrease(v));
  const version = versions.length > 0 ? Math.max(...versions) : hello.legacyVersion;
  const a =
    protocol +
    (VERSION_CODES.get(version) ?? '00') +
    (extensions.includes(0x0000) ? 'd' : 'i') +
    two(ciphers.length) +
    two(extensions.length) +
    alpnCode(hello.alpn[0]);
  const b = ciphers.map(hex4).sort().join(',');
  const exts = extensions
    .filter((e) => e !== 0x0000 && e !== 0x0010)
    .map(hex4)
    .sort()
    .join(',');
  const sigs = hello.signatureAlgorithms.filter((s) => !isGrease(s)).map(hex4);
  const c = sigs.length > 0 && exts !== '' ? `${exts}_${sigs.join(',')}` : exts;
  return [a, b, c];
}

/**
 * The JA4 TLS client fingerprint (FoxIO spec), e.g. `t13d1516h2_8daaf6152771_e5627efa2ab1`.
 *
 * @example
 * const fp = ja4(parseClientHello(bytes)!);
 */
export function ja4(hello: ClientHello, protocol: 't' | 'q' | 'd' = 't'): string {
  const [a, b, c] = ja4Parts(hello, protocol);
  return `${a}_${hash12(b)}_${hash12(c)}`;
}
