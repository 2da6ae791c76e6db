/**
 * Duplicate-key detection for JSON bodies that are about to be parsed with `JSON.parse` (which keeps the last
 * copy of a repeated member, while first-wins parsers upstream keep the first): a policy that validates the
 * parsed value must refuse such bodies, or it would check a value the upstream never uses.
 *
 * @example
 * repeatsKey('{"role":"user","r\\u006fle":"admin"}'); // true
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * True when some object of the JSON text `text` repeats a key (keys compared after unescaping, so
 * `"a"` and `"\u0061"` are the same key). Linear in the text; strings are skipped with `indexOf`. Meant for
 * text that is then parsed: on malformed JSON it returns a best-effort answer and never throws.
 *
 * @example
 * repeatsKey('{"a":{"b":1},"c":{"b":2}}'); // false: the same key in two objects
 */
export function repeatsKey(text: string): boolean {
  const stack: Array<Set<string> | null> = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Find the closing quote: the first one preceded by an even number of backslashes.
      let end = text.indexOf('"', i + 1);
      while (end !== -1) {
        let k = end - 1;
        while (text.charCodeAt(k) === BACKSLASH) k--;
        if ((end - 1 - k) % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) return false; // unterminated string: malformed, the parser refuses it
      const top = stack.length > 0 ? stack[stack.length - 1] : null;
      if (top !== null && top !== undefined) {
        let j = end + 1;
        while (j < n && isWs(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) === COLON) {
          const raw = text.slice(i + 1, end);
          let key = raw;
          if (raw.indexOf('\\') !== -1) {
            try {
              key = JSON.parse(`"${raw}"`) as string;
            } catch {
              return false; // a bad escape: malformed, the parser refuses it
            }
          }
          if (top.has(key)) return true;
          top.add(key);
        }
      }
      i = end + 1;
      continue;
    }
    if (c === OPEN_OBJECT) stack.push(new Set());
    else if (c === OPEN_ARRAY) stack.push(null);
    else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) stack.pop();
    i++;
  }
  return false;
}
