/**
 * IP address parsing, normalisation and CIDR sets.
 *
 * Everything here is strict: IPv4 is dotted-quad decimal only (no octal-looking leading zeros, no
 * shorthand like `127.1`), IPv6 follows RFC 4291 text forms (including an embedded IPv4 tail). The
 * per-request path (`CidrSet.contains`) parses without allocating and answers with a binary search
 * over merged ranges.
 *
 * IPv4-mapped IPv6 addresses (`::ffff:a.b.c.d`) are treated as the IPv4 address they carry, on both
 * sides: a `10.0.0.0/8` entry matches `::ffff:10.1.2.3`, and a `::ffff:10.0.0.0/104` entry matches
 * `10.1.2.3`.
 *
 * @example
 * const internal = compileCidrSet(['10.0.0.0/8', '192.168.1.7', 'fd00::/8']);
 * internal.contains('::ffff:10.1.2.3'); // true
 * normalizeIp('[FE80::0:1%eth0]'); // 'fe80::1'
 */

/** A parsed address: 4 bytes for IPv4, 16 for IPv6 (network order). */
export interface ParsedIp {
  readonly version: 4 | 6;
  readonly bytes: Uint8Array;
}

/** A compiled set of addresses and CIDR blocks (IPv4 and IPv6). */
export interface CidrSet {
  /** Number of entries the set was compiled from. */
  readonly size: number;
  /**
   * True when `ip` is a valid address inside the set. Invalid input is never contained.
   * Accepts the same forms as {@link parseIp} (brackets and zone ids are ignored).
   */
  contains(ip: string): boolean;
}

// Scratch state of the scanner. Scanning is synchronous, so module-level buffers are safe and
// keep the hot path allocation-free.
const groups = new Uint16Array(8);
const words = new Uint32Array(4);
let scannedV4 = 0;

const COLON = 58;
const DOT = 46;
const PERCENT = 37;

/** Parses a dotted-quad in s[start, end). Returns the address as an unsigned 32-bit number, or -1. */
function parseV4(s: string, start: number, end: number): number {
  let value = 0;
  let octets = 0;
  let i = start;
  for (;;) {
    if (i >= end) return -1;
    const first = s.charCodeAt(i) - 48;
    if (first < 0 || first > 9) return -1;
    let octet = first;
    i++;
    if (first !== 0) {
      for (let k = 0; k < 2 && i < end; k++) {
        const d = s.charCodeAt(i) - 48;
        if (d < 0 || d > 9) break;
        octet = octet * 10 + d;
        i++;
      }
      if (octet > 255) return -1;
    }
    value = value * 256 + octet;
    octets++;
    if (octets === 4) return i === end ? value : -1;
    if (i >= end || s.charCodeAt(i) !== DOT) return -1;
    i++;
  }
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** Parses an IPv6 address in s[start, end) into `groups`. */
function parseV6(s: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 2 || length > 45) return false;
  let i = start;
  let g = 0;
  let compress = -1;
  if (s.charCodeAt(i) === COLON) {
    if (s.charCodeAt(i + 1) !== COLON) return false;
    compress = 0;
    i += 2;
  }
  while (i < end) {
    if (g === 8) return false;
    const groupStart = i;
    let value = 0;
    let digits = 0;
    while (i < end && digits < 5) {
      const h = hexValue(s.charCodeAt(i));
      if (h < 0) break;
      value = value * 16 + h;
      digits++;
      i++;
    }
    if (digits === 0 || digits > 4) return false;
    if (i < end && s.charCodeAt(i) === DOT) {
      if (g > 6) return false;
      const v4 = parseV4(s, groupStart, end);
      if (v4 < 0) return false;
      groups[g++] = v4 >>> 16;
      groups[g++] = v4 & 0xffff;
      i = end;
      break;
    }
    groups[g++] = value;
    if (i === end) break;
    if (s.charCodeAt(i) !== COLON) return false;
    i++;
    if (i === end) return false;
    if (s.charCodeAt(i) === COLON) {
      if (compress >= 0) return false;
      compress = g;
      i++;
    }
  }
  if (compress < 0) return g === 8;
  if (g === 8) return false;
  const tail = g - compress;
  for (let k = 1; k <= tail; k++) groups[8 - k] = groups[g - k]!;
  for (let k = compress; k < 8 - tail; k++) groups[k] = 0;
  return true;
}

/**
 * Scans an address. Returns 4 (value in `scannedV4`), 6 (value in `groups`/`words`) or 0 when invalid.
 * `lenient` accepts `[addr]` and a `%zone` suffix on IPv6. `unmap` turns IPv4-mapped IPv6 into 4.
 */
function scan(s: string, lenient: boolean, unmap: boolean): 0 | 4 | 6 {
  let start = 0;
  let end = s.length;
  if (end === 0 || end > 64) return 0;
  const colon = s.indexOf(':');
  if (colon === -1) {
    const v = parseV4(s, 0, end);
    if (v < 0) return 0;
    scannedV4 = v;
    return 4;
  }
  if (lenient) {
    if (s.charCodeAt(0) === 91 /* [ */) {
      if (s.charCodeAt(end - 1) !== 93 /* ] */) return 0;
      start = 1;
      end -= 1;
    }
    const zone = s.indexOf('%', start);
    if (zone !== -1 && zone < end) {
      if (zone === end - 1) return 0;
      for (let i = zone + 1; i < end; i++) {
        const c = s.charCodeAt(i);
        if (c <= 32 || c >= 127 || c === 91 || c === 93 || c === PERCENT) return 0;
      }
      end = zone;
    }
  }
  if (!parseV6(s, start, end)) return 0;
  if (
    unmap &&
    groups[0] === 0 &&
    groups[1] === 0 &&
    groups[2] === 0 &&
    groups[3] === 0 &&
    groups[4] === 0 &&
    groups[5] === 0xffff
  ) {
    scannedV4 = groups[6]! * 65536 + groups[7]!;
    return 4;
  }
  words[0] = groups[0]! * 65536 + groups[1]!;
  words[1] = groups[2]! * 65536 + groups[3]!;
  words[2] = groups[4]! * 65536 + groups[5]!;
  words[3] = groups[6]! * 65536 + groups[7]!;
  return 6;
}

/**
 * Parses an IPv4 or IPv6 address. Brackets (`[::1]`) and an IPv6 zone id (`fe80::1%eth0`) are
 * accepted and dropped. IPv4-mapped IPv6 stays version 6 here; use {@link normalizeIp} to unmap.
 *
 * @example
 * parseIp('10.0.0.1'); // { version: 4, bytes: Uint8Array [10, 0, 0, 1] }
 * parseIp('010.0.0.1'); // undefined (leading zeros are ambiguous)
 */
export function parseIp(s: string): ParsedIp | undefined {
  if (typeof s !== 'string') return undefined;
  const kind = scan(s, true, false);
  if (kind === 0) return undefined;
  if (kind === 4) {
    const v = scannedV4;
    return { version: 4, bytes: Uint8Array.of(v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255) };
  }
  const bytes = new Uint8Array(16);
  for (let i = 0; i < 8; i++) {
    bytes[i * 2] = groups[i]! >>> 8;
    bytes[i * 2 + 1] = groups[i]! & 255;
  }
  return { version: 6, bytes };
}

/**
 * True when `s` is an IPv4 or IPv6 address in any form {@link parseIp} accepts. Allocation-free.
 *
 * @example
 * isIp('::1'); // true
 * isIp('localhost'); // false
 */
export function isIp(s: string): boolean {
  return typeof s === 'string' && scan(s, true, false) !== 0;
}

function formatV4(v: number): string {
  return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

/** RFC 5952 text of the address currently in `groups`. */
function formatV6(): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += '::';
      i += bestLength - 1;
      continue;
    }
    if (out !== '' && !out.endsWith(':')) out += ':';
    out += groups[i]!.toString(16);
  }
  return out;
}

/**
 * Canonical text form of an address, or `undefined` when it is not one: IPv4-mapped IPv6 becomes
 * IPv4, IPv6 is lower-case RFC 5952 (`2001:db8::1`), brackets and zone ids are removed.
 *
 * @example
 * normalizeIp('::FFFF:1.2.3.4'); // '1.2.3.4'
 * normalizeIp('[2001:DB8:0:0:0:0:0:1%en0]'); // '2001:db8::1'
 */
export function normalizeIp(s: string): string | undefined {
  if (typeof s !== 'string') return undefined;
  const kind = scan(s, true, true);
  if (kind === 0) return undefined;
  return kind === 4 ? formatV4(scannedV4) : formatV6();
}

const MAPPED_START = 0xffff_0000_0000n;
const MAPPED_END = 0xffff_ffff_ffffn;
const ALL_V6 = (1n << 128n) - 1n;

interface Range {
  start: bigint;
  end: bigint;
}

function mergeRanges(ranges: Range[]): Range[] {
  ranges.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && r.start <= last.end + 1n) {
      if (r.end > last.end) last.end = r.end;
    } else {
      merged.push({ start: r.start, end: r.end });
    }
  }
  return merged;
}

function groupsToBigInt(): bigint {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 16n) | BigInt(groups[i]!);
  return v;
}

const PREFIX_RE = /^(?:0|[1-9][0-9]{0,2})$/;

function badEntry(entry: unknown, why: string): TypeError {
  return new TypeError(`Invalid IP/CIDR entry ${JSON.stringify(entry)}: ${why}`);
}

class CompiledCidrSet implements CidrSet {
  readonly size: number;
  readonly #v4Start: Uint32Array;
  readonly #v4End: Uint32Array;
  readonly #v6Start: Uint32Array;
  readonly #v6End: Uint32Array;
  readonly #v6Count: number;

  constructor(size: number, v4: Range[], v6: Range[]) {
    this.size = size;
    this.#v4Start = Uint32Array.from(v4, (r) => Number(r.start));
    this.#v4End = Uint32Array.from(v4, (r) => Number(r.end));
    this.#v6Count = v6.length;
    this.#v6Start = new Uint32Array(v6.length * 4);
    this.#v6End = new Uint32Array(v6.length * 4);
    v6.forEach((r, i) => {
      for (let w = 0; w < 4; w++) {
        const shift = BigInt(96 - w * 32);
        this.#v6Start[i * 4 + w] = Number((r.start >> shift) & 0xffff_ffffn);
        this.#v6End[i * 4 + w] = Number((r.end >> shift) & 0xffff_ffffn);
      }
    });
    Object.freeze(this);
  }

  contains(ip: string): boolean {
    if (typeof ip !== 'string') return false;
    const kind = scan(ip, true, true);
    if (kind === 4) return this.#has4(scannedV4);
    if (kind === 6) return this.#has6();
    return false;
  }

  #has4(ip: number): boolean {
    const starts = this.#v4Start;
    let lo = 0;
    let hi = starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= ip) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && ip <= this.#v4End[found]!;
  }

  /** Compares `words` with the 128-bit value at index i of `table`: -1, 0 or 1. */
  static #compare(table: Uint32Array, i: number): number {
    const base = i * 4;
    for (let w = 0; w < 4; w++) {
      const a = words[w]!;
      const b = table[base + w]!;
      if (a !== b) return a < b ? -1 : 1;
    }
    return 0;
  }

  #has6(): boolean {
    let lo = 0;
    let hi = this.#v6Count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (CompiledCidrSet.#compare(this.#v6Start, mid) >= 0) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && CompiledCidrSet.#compare(this.#v6End, found) <= 0;
  }
}

/**
 * Compiles addresses and CIDR blocks (IPv4 and IPv6) into a set with a fast `contains`.
 * Host bits below the prefix are ignored (`10.1.2.3/8` is `10.0.0.0/8`). Entries must be plain
 * addresses or `addr/prefix`: no brackets, zone ids or surrounding whitespace.
 *
 * @throws TypeError naming the first bad entry.
 * @example
 * const set = compileCidrSet(['127.0.0.0/8', '::1']);
 * set.contains('127.0.0.1'); // true
 * set.contains('::ffff:127.0.0.1'); // true
 */
export function compileCidrSet(list: readonly string[]): CidrSet {
  if (!Array.isArray(list)) throw new TypeError('compileCidrSet expects an array of strings');
  const v4: Range[] = [];
  const v6: Range[] = [];
  for (const entry of list) {
    if (typeof entry !== 'string') throw badEntry(entry, 'not a string');
    const slash = entry.indexOf('/');
    const addr = slash === -1 ? entry : entry.slice(0, slash);
    const kind = scan(addr, false, false);
    if (kind === 0) throw badEntry(entry, 'not an IPv4 or IPv6 address');
    const maxPrefix = kind === 4 ? 32 : 128;
    let prefix = maxPrefix;
    if (slash !== -1) {
      const p = entry.slice(slash + 1);
      if (!PREFIX_RE.test(p)) throw badEntry(entry, 'prefix length must be a decimal number');
      prefix = Number(p);
      if (prefix > maxPrefix) throw badEntry(entry, `prefix length must be at most ${maxPrefix}`);
    }
    if (kind === 4) {
      const hostBits = BigInt(32 - prefix);
      const start = (BigInt(scannedV4) >> hostBits) << hostBits;
      v4.push({ start, end: start | ((1n << hostBits) - 1n) });
      continue;
    }
    const hostBits = BigInt(128 - prefix);
    const start = (groupsToBigInt() >> hostBits) << hostBits;
    const end = (start | ((1n << hostBits) - 1n)) & ALL_V6;
    v6.push({ start, end });
    // The mapped block ::ffff:0:0/96 is looked up as IPv4; mirror any overlap into the IPv4 table.
    const lo = start > MAPPED_START ? start : MAPPED_START;
    const hi = end < MAPPED_END ? end : MAPPED_END;
    if (lo <= hi) v4.push({ start: lo - MAPPED_START, end: hi - MAPPED_START });
  }
  return new CompiledCidrSet(list.length, mergeRanges(v4), mergeRanges(v6));
}
