/**
 * Best-fit Unicode → single-byte mapping used by `urlDecodeUni` for `%uXXXX` escapes.
 *
 * This is the codepage 20127 (US-ASCII) section of ModSecurity's `unicode.mapping` file, which the
 * recommended ModSecurity configuration (`SecUnicodeMapFile unicode.mapping 20127`) and the CRS
 * reference containers load. Data re-encoded from that file (ModSecurity, Apache-2.0) as runs: each
 * run starts at a code point and maps consecutive code points to the characters of its string.
 */
const RUNS: ReadonlyArray<readonly [number, string]> = [
  [0x00a0, ' !c'],
  [0x00a4, '$Y|'],
  [0x00a9, 'Ca<'],
  [0x00ad, '-R'],
  [0x00b2, '23'],
  [0x00b7, '.,1o>'],
  [0x00c0, 'AAAAAAACEEEEIIIIDNOOOOO'],
  [0x00d8, 'OUUUUY'],
  [0x00e0, 'aaaaaaaceeeeiiii'],
  [0x00f1, 'nooooo'],
  [0x00f8, 'ouuuuy'],
  [0x00ff, 'y'],
  [0x0100, 'AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi'],
  [0x0134, 'JjKk'],
  [0x0139, 'LlLlLl'],
  [0x0141, 'LlNnNnNn'],
  [0x014c, 'OoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyY'],
  [0x0179, 'Z'],
  [0x017b, 'ZzZz'],
  [0x0180, 'b'],
  [0x0189, 'D'],
  [0x0191, 'Ff'],
  [0x0197, 'I'],
  [0x019a, 'l'],
  [0x019f, 'OOo'],
  [0x01ab, 't'],
  [0x01ae, 'TUu'],
  [0x01b6, 'z'],
  [0x01cd, 'AaIiOoUuUuUuUuUu'],
  [0x01de, 'Aa'],
  [0x01e4, 'GgGgKkOoOo'],
  [0x01f0, 'j'],
  [0x0261, 'g'],
  [0x02b9, '\'"'],
  [0x02bc, "'"],
  [0x02c4, '^'],
  [0x02c6, '^'],
  [0x02c8, "'"],
  [0x02cb, '`'],
  [0x02cd, '_'],
  [0x02dc, '~'],
  [0x0300, '`'],
  [0x0302, '^~'],
  [0x030e, '"'],
  [0x0331, '__'],
  [0x2000, '       '],
  [0x2010, '--'],
  [0x2013, '--'],
  [0x2018, "'',"],
  [0x201c, '"""'],
  [0x2022, '.'],
  [0x2026, '.'],
  [0x2032, "'"],
  [0x2035, '`'],
  [0x2039, '<>'],
  [0x2122, 'T'],
  [0xff01, '!"#$%&\'()*+,-./0123456789:;<=>'],
  [0xff20, '@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~'],
];

function build(): Int16Array {
  const table = new Int16Array(0x10000).fill(-1);
  for (const [start, chars] of RUNS) {
    for (let k = 0; k < chars.length; k++) table[start + k] = chars.charCodeAt(k);
  }
  return table;
}

/** Code point (0–0xFFFF) → byte, or -1 when codepage 20127 has no best-fit mapping. */
export const UNICODE_BEST_FIT_20127: Int16Array = build();
