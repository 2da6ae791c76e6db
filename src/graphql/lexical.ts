/**
 * Pre-parse check of bracket nesting. graphql-js parses recursively: a document nested a few thousand levels
 * deep overflows the stack before the token limit triggers, so the nesting is measured with a flat scan
 * (skipping strings, block strings and comments) before the parser ever sees the text.
 */

/**
 * Deepest nesting of `{`, `(` and `[` in a GraphQL source, or `Infinity` as soon as it exceeds `max`
 * (the scan stops early). Brackets inside strings, block strings and comments do not count.
 *
 * @example
 * bracketNesting('{ a { b(x: [1]) } }', 100); // 3
 */
export function bracketNesting(source: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  const n = source.length;
  let i = 0;
  while (i < n) {
    const c = source.charCodeAt(i);
    if (c === 0x23 /* # */) {
      while (i < n && source.charCodeAt(i) !== 0x0a && source.charCodeAt(i) !== 0x0d) i++;
      continue;
    }
    if (c === 0x22 /* " */) {
      if (source.startsWith('"""', i)) {
        i += 3;
        for (;;) {
          const end = source.indexOf('"""', i);
          if (end === -1) return deepest;
          if (source.charCodeAt(end - 1) === 0x5c /* \ */) {
            i = end + 3;
            continue;
          }
          i = end + 3;
          break;
        }
        continue;
      }
      i++;
      while (i < n) {
        const d = source.charCodeAt(i);
        if (d === 0x5c) i += 2;
        else if (d === 0x22 || d === 0x0a || d === 0x0d) break;
        else i++;
      }
      i++;
      continue;
    }
    if (c === 0x7b || c === 0x28 || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return Number.POSITIVE_INFINITY;
      }
    } else if (c === 0x7d || c === 0x29 || c === 0x5d) {
      if (depth > 0) depth--;
    }
    i++;
  }
  return deepest;
}
