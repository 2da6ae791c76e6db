/**
 * Aho-Corasick multi-pattern matcher for `@pm` / `@pmFromFile`, case-insensitive like ModSecurity
 * (patterns and input are compared after ASCII lower-casing).
 */

/** A compiled phrase set; `search` returns the first phrase found in the input, or null. */
export interface PhraseMatcher {
  readonly size: number;
  search(input: string): string | null;
}

function lowerAscii(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/**
 * Builds an Aho-Corasick automaton over the phrases (empty phrases are ignored).
 * @example compilePhrases(['union select', 'sleep(']).search('1 UNION SELECT 2') // 'union select'
 */
export function compilePhrases(phrases: readonly string[]): PhraseMatcher {
  const gotos: Map<number, number>[] = [new Map()];
  const fail: number[] = [0];
  const out: (string | null)[] = [null];
  let size = 0;
  for (const raw of phrases) {
    if (raw === '') continue;
    const p = lowerAscii(raw);
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let next = gotos[s]?.get(c);
      if (next === undefined) {
        next = gotos.length;
        gotos.push(new Map());
        fail.push(0);
        out.push(null);
        gotos[s]?.set(c, next);
      }
      s = next;
    }
    if (out[s] === null) size++;
    out[s] = raw;
  }
  // Breadth-first failure links; `out` inherits the failure state's output so a hit is seen at once.
  const queue: number[] = [];
  for (const next of gotos[0]?.values() ?? []) queue.push(next);
  for (let qi = 0; qi < queue.length; qi++) {
    const r = queue[qi] as number;
    for (const [c, u] of gotos[r] ?? []) {
      queue.push(u);
      let f = fail[r] as number;
      while (f !== 0 && !gotos[f]?.has(c)) f = fail[f] as number;
      const target = gotos[f]?.get(c);
      fail[u] = target !== undefined && target !== u ? target : 0;
      if (out[u] === null) out[u] = out[fail[u] as number] ?? null;
    }
  }
  // Dense transition table over the character classes the phrases use (class 0: any other character), so a
  // search is one table lookup per input character; it follows exactly the goto/failure walk above.
  const classOf = new Int32Array(256);
  const bigClass = new Map<number, number>();
  let classes = 1;
  for (const g of gotos) {
    for (const c of g.keys()) {
      if (c < 256) {
        if (classOf[c] === 0) classOf[c] = classes++;
      } else if (!bigClass.has(c)) bigClass.set(c, classes++);
    }
  }
  const width = classes;
  const delta = new Int32Array(gotos.length * width);
  const charsOfClass: number[] = new Array(width).fill(-1);
  for (let c = 0; c < 256; c++) if (classOf[c] !== 0) charsOfClass[classOf[c] as number] = c;
  for (const [c, k] of bigClass) charsOfClass[k] = c;
  const order = [0, ...queue];
  for (const st of order) {
    const g = gotos[st] as Map<number, number>;
    const f = fail[st] as number;
    for (let k = 1; k < width; k++) {
      const t = g.get(charsOfClass[k] as number);
      delta[st * width + k] = t !== undefined ? t : st === 0 ? 0 : (delta[f * width + k] as number);
    }
    // Class 0 never has a goto edge: back to the root.
  }
  return {
    size,
    search(input: string): string | null {
      let s = 0;
      for (let i = 0; i < input.length; i++) {
        let c = input.charCodeAt(i);
        if (c >= 65 && c <= 90) c += 32;
        const k = c < 256 ? (classOf[c] as number) : (bigClass.get(c) ?? 0);
        s = delta[s * width + k] as number;
        const hit = out[s];
        if (hit !== null && hit !== undefined) return hit;
      }
      return null;
    },
  };
}
