const FNV_OFFSET_32 = 0x811c9dc5;
const FNV_PRIME_32 = 0x01000193;

/**
 * murmur3's 32-bit finaliser: spreads FNV-1a's weak low-entropy output over all 32 bits.
 *
 * @example
 * fmix32(1); // 1364076727
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * FNV-1a over the UTF-16 code units of `s[start, end)`, finalised with `fmix32`.
 * Allocation-free; returns an unsigned 32-bit integer, identical across processes.
 *
 * @example
 * hash32('user-42') === hash32('id=user-42', 3); // true
 */
export function hash32(s: string, start = 0, end = s.length): number {
  let h = FNV_OFFSET_32;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME_32);
  }
  return fmix32(h);
}

function hashCookieIn(header: string, name: string): number {
  const n = header.length;
  const nameLen = name.length;
  let i = 0;
  while (i < n) {
    let c = header.charCodeAt(i);
    while (i < n && (c === 32 || c === 9)) c = header.charCodeAt(++i);
    let semi = header.indexOf(';', i);
    if (semi === -1) semi = n;
    if (semi - i > nameLen && header.charCodeAt(i + nameLen) === 61 && header.startsWith(name, i)) {
      let vs = i + nameLen + 1;
      let ve = semi;
      while (ve > vs && (header.charCodeAt(ve - 1) === 32 || header.charCodeAt(ve - 1) === 9)) ve--;
      if (ve - vs >= 2 && header.charCodeAt(vs) === 34 && header.charCodeAt(ve - 1) === 34) {
        vs++;
        ve--;
      }
      return ve > vs ? hash32(header, vs, ve) : -1;
    }
    i = semi + 1;
  }
  return -1;
}

/**
 * Hashes the value of cookie `name` in a `Cookie` header (string or per-line array) without
 * allocating. Returns -1 when the cookie is absent or empty. Surrounding double quotes are ignored.
 *
 * @example
 * hashCookie('a=1; session=abc', 'session') === hash32('abc'); // true
 */
export function hashCookie(header: string | string[] | undefined, name: string): number {
  if (typeof header === 'string') return hashCookieIn(header, name);
  if (header === undefined) return -1;
  for (let i = 0; i < header.length; i++) {
    const h = hashCookieIn(header[i]!, name);
    if (h !== -1) return h;
  }
  return -1;
}
