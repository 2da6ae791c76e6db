/**
 * Two independent 32-bit hashes of a key, computed in one pass over its UTF-16 code units:
 * FNV-1a (over the code units' two bytes) and a MurmurHash3-style mix (over pairs of code units),
 * each seeded from a per-table random seed and finished with an avalanche step.
 *
 * Together they form the 64-bit identity of a key in the local table: two distinct keys are
 * confused only when both hashes agree — for well-mixed hashes about 2^-64 per pair, so with
 * n keys alive at once the chance that any two collide is about n²/2^65
 * (65,536 keys: ~1.2·10^-10; 1,000,000 keys: ~2.7·10^-8).
 *
 * Neither hash is a cryptographic MAC. The random per-table seeds keep untrusted keys from being
 * chosen to collide with a victim's key or to pile into one probe chain (hash flooding): the
 * attacker would need the seeds, which never leave the process.
 */

/** Second hash of the last {@link hashKey} call (read right after it; single-threaded per isolate). */
export let lastH2 = 0;

/**
 * Hashes `kind` (an operation family, 1..255) and `key`; returns the first hash and leaves the
 * second in {@link lastH2}.
 *
 * @example
 * const h1 = hashKey(1, 'rl:alice', seed1, seed2); const h2 = lastH2;
 */
export function hashKey(kind: number, key: string, seed1: number, seed2: number): number {
  let f = (0x811c9dc5 ^ seed1 ^ kind) | 0;
  let m = (seed2 ^ Math.imul(kind, 0x9e3779b1)) | 0;
  const len = key.length;
  let i = 0;
  for (; i + 1 < len; i += 2) {
    const a = key.charCodeAt(i);
    const b = key.charCodeAt(i + 1);
    f = Math.imul(f ^ (a & 0xff), 0x01000193);
    f = Math.imul(f ^ (a >>> 8), 0x01000193);
    f = Math.imul(f ^ (b & 0xff), 0x01000193);
    f = Math.imul(f ^ (b >>> 8), 0x01000193);
    let k = Math.imul(a | (b << 16), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    m ^= k;
    m = (m << 13) | (m >>> 19);
    m = (Math.imul(m, 5) + 0xe6546b64) | 0;
  }
  if (i < len) {
    const a = key.charCodeAt(i);
    f = Math.imul(f ^ (a & 0xff), 0x01000193);
    f = Math.imul(f ^ (a >>> 8), 0x01000193);
    let k = Math.imul(a, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    m ^= k;
  }
  m ^= len;
  lastH2 = fmix(m);
  return fmix(f ^ Math.imul(len, 0x85ebca6b));
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
