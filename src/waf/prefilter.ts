/**
 * Literal prefilters for `@rx`: from the regex's syntax tree (RE2JS' own parser and simplifier, so the tree is the
 * one that is matched), a boolean formula over literal substrings that every match must contain, e.g.
 * `(?i)union\s+select` → `"union" AND "select"`. All literals of a ruleset go into one Aho-Corasick automaton; per
 * (transformed) value one pass finds which literals occur, and a rule whose formula is false skips its regex.
 *
 * Exactness: a formula is only ever weakened (a part that cannot be expressed becomes "true"), never strengthened,
 * so a skipped regex can never have matched. Comparisons are case-insensitive on both sides: literals are folded
 * to lower-case ASCII and so is the input, so the formula also holds for case-sensitive patterns. Literals only
 * hold ASCII; a non-ASCII character in a pattern ends a literal. Unicode simple case folding maps exactly two
 * non-ASCII characters onto ASCII letters (U+017F ſ ↔ s, U+212A K ↔ k): the input folding maps them too.
 */
import { RE2JS, RE2Set } from 're2js';

/** A prefilter formula: a literal index, AND / OR of formulas, or `true` (no constraint). */
export type Formula =
  | true
  | number
  | { readonly and: readonly Formula[] }
  | { readonly or: readonly Formula[] };

/** Largest exact-string set kept while combining (beyond it, the set becomes an OR of its strings). */
const MAX_EXACT = 16;

// Regexp.Op of re2js (createEnum order in its build); checked at load by {@link opCodes}.
interface ReNode {
  readonly op: number;
  readonly flags: number;
  readonly subs: readonly ReNode[];
  readonly runes: Int32Array | readonly number[];
  readonly min: number;
  readonly max: number;
}

const OP_NAMES = [
  'NO_MATCH',
  'EMPTY_MATCH',
  'LITERAL',
  'CHAR_CLASS',
  'ANY_CHAR_NOT_NL',
  'ANY_CHAR',
  'BEGIN_LINE',
  'END_LINE',
  'BEGIN_TEXT',
  'END_TEXT',
  'WORD_BOUNDARY',
  'NO_WORD_BOUNDARY',
  'CAPTURE',
  'STAR',
  'PLUS',
  'QUEST',
  'REPEAT',
  'CONCAT',
  'ALTERNATE',
  'PLB',
  'NLB',
] as const;
const OP: Record<(typeof OP_NAMES)[number], number> = Object.fromEntries(
  OP_NAMES.map((n, i) => [n, i]),
) as Record<(typeof OP_NAMES)[number], number>;

/** Folds one code point as the input is folded: ASCII lower-case; ſ → s, K (Kelvin) → k; -1 for anything else. */
function foldRune(r: number): number {
  if (r >= 65 && r <= 90) return r + 32;
  if (r < 128) return r;
  if (r === 0x17f) return 115;
  if (r === 0x212a) return 107;
  return -1;
}

interface Info {
  /** The node matches exactly (folded) strings of this set, or null when unknown. */
  exact: Set<string> | null;
  /** When not exact: what every match contains. */
  match: FormulaS;
}

/** A formula over literal strings (while compiling); {@link LiteralTable.intern} turns it into a {@link Formula}. */
export type FormulaS = true | string | { and: FormulaS[] } | { or: FormulaS[] };

function and(parts: FormulaS[]): FormulaS {
  const out: FormulaS[] = [];
  for (const p of parts) {
    if (p === true) continue;
    if (typeof p === 'object' && 'and' in p) out.push(...p.and);
    else out.push(p);
  }
  if (out.length === 0) return true;
  if (out.length === 1) return out[0] as FormulaS;
  return { and: out };
}

function or(parts: FormulaS[]): FormulaS {
  const out: FormulaS[] = [];
  for (const p of parts) {
    if (p === true) return true;
    if (typeof p === 'object' && 'or' in p) out.push(...p.or);
    else out.push(p);
  }
  if (out.length === 0) return true;
  if (out.length === 1) return out[0] as FormulaS;
  return { or: out };
}

function exactToFormula(set: Set<string>): FormulaS {
  if (set.has('') || set.size === 0) return true;
  return or([...set]);
}

function toFormula(i: Info): FormulaS {
  return i.exact !== null ? exactToFormula(i.exact) : i.match;
}

const ANY: Info = { exact: null, match: true };
const emptyWidth = (): Info => ({ exact: new Set(['']), match: true });

function cross(a: Set<string>, b: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

/** Node → its {@link Info}, without and with {@link splitConcat} (which looks at the same subtrees again). */
const infoCache = new WeakMap<ReNode, Info>();
const splitInfoCache = new WeakMap<ReNode, Info>();
/** Whether {@link info} applies {@link splitConcat} (only to rescue a formula that would be too weak). */
let splitting = false;

function info(re: ReNode): Info {
  const cache = splitting ? splitInfoCache : infoCache;
  let i = cache.get(re);
  if (i === undefined) {
    i = infoOf(re);
    cache.set(re, i);
  }
  return i;
}

/** The standard concatenation of parts: exact runs crossed (up to {@link MAX_EXACT} strings), ANDed otherwise. */
function concatInfos(infos: readonly Info[]): Info {
  const parts: FormulaS[] = [];
  let cur = new Set(['']);
  for (const c of infos) {
    if (c.exact !== null) {
      if (cur.size * c.exact.size <= MAX_EXACT) cur = cross(cur, c.exact);
      else {
        parts.push(exactToFormula(cur));
        cur = c.exact;
      }
    } else {
      parts.push(exactToFormula(cur));
      parts.push(c.match);
      cur = new Set(['']);
    }
  }
  if (parts.length === 0) return { exact: cur, match: true };
  parts.push(exactToFormula(cur));
  return { exact: null, match: and(parts) };
}

/**
 * A second necessary condition for a concatenation, for patterns that spell a word with optional noise between its
 * letters (`j[\t\n\r]*a…`, `(?:j|&#106;)(?:a|&#97;)…`, CRS' evasion-tolerant commands). Some parts are set
 * aside: a `x*`, `x?` or `x{0,n}`, and an alternation mixing exact and non-exact branches. Either every part set
 * aside took its plain form (the empty string; an exact branch), and then the text contains the concatenation of
 * the plain forms (`javascript`), or one of them did not, and then the text contains what that part's non-empty
 * (non-exact) matches contain. The OR of these holds for every match; null when no part can be set aside.
 */
function splitConcat(subs: readonly ReNode[]): FormulaS | null {
  const main: Info[] = [];
  const escapes: FormulaS[] = [];
  let split = false;
  for (let sub of subs) {
    while (sub.op === OP.CAPTURE && sub.subs[0] !== undefined) sub = sub.subs[0];
    const c = info(sub);
    if (c.exact !== null) {
      main.push(c);
      continue;
    }
    const child = sub.subs[0];
    if ((sub.op === OP.STAR || sub.op === OP.QUEST || (sub.op === OP.REPEAT && sub.min === 0)) && child) {
      // Plain form: empty. Otherwise a non-empty match of the child occurs.
      const x = info(child);
      if (x.exact === null) escapes.push(x.match);
      else for (const w of x.exact) if (w !== '') escapes.push(w);
      main.push(emptyWidth());
      split = true;
      continue;
    }
    if (sub.op === OP.ALTERNATE) {
      const alts = sub.subs.map(info);
      const plain = new Set<string>();
      for (const a of alts) if (a.exact !== null) for (const w of a.exact) plain.add(w);
      if (plain.size > 0 && plain.size <= MAX_EXACT) {
        for (const a of alts) if (a.exact === null) escapes.push(a.match);
        main.push({ exact: plain, match: true });
        split = true;
        continue;
      }
    }
    main.push(c);
  }
  if (!split) return null;
  return or([toFormula(concatInfos(main)), ...escapes]);
}

function infoOf(re: ReNode): Info {
  switch (re.op) {
    case OP.EMPTY_MATCH:
    case OP.BEGIN_LINE:
    case OP.END_LINE:
    case OP.BEGIN_TEXT:
    case OP.END_TEXT:
    case OP.WORD_BOUNDARY:
    case OP.NO_WORD_BOUNDARY:
    case OP.PLB:
    case OP.NLB:
      return emptyWidth();
    case OP.LITERAL: {
      // Split at characters that have no ASCII folding: the pieces must all occur.
      const pieces: string[] = [];
      let cur = '';
      let broken = false;
      for (const r of re.runes) {
        const f = foldRune(r);
        if (f === -1) {
          broken = true;
          if (cur !== '') pieces.push(cur);
          cur = '';
        } else cur += String.fromCharCode(f);
      }
      if (cur !== '') pieces.push(cur);
      if (!broken) return { exact: new Set([cur]), match: true };
      return { exact: null, match: and(pieces) };
    }
    case OP.CHAR_CLASS: {
      const set = new Set<string>();
      const runes = re.runes;
      for (let i = 0; i + 1 < runes.length; i += 2) {
        const lo = runes[i] as number;
        const hi = runes[i + 1] as number;
        if (hi - lo > 128) return ANY;
        for (let r = lo; r <= hi; r++) {
          const f = foldRune(r);
          if (f === -1) return ANY;
          set.add(String.fromCharCode(f));
          if (set.size > MAX_EXACT) return ANY;
        }
      }
      if (set.size === 0) return ANY;
      return { exact: set, match: true };
    }
    case OP.CAPTURE:
      return re.subs[0] === undefined ? ANY : info(re.subs[0]);
    case OP.QUEST: {
      const c = re.subs[0] === undefined ? ANY : info(re.subs[0]);
      if (c.exact !== null && c.exact.size < MAX_EXACT)
        return { exact: new Set([...c.exact, '']), match: true };
      return ANY;
    }
    case OP.PLUS: {
      const c = re.subs[0] === undefined ? ANY : info(re.subs[0]);
      return { exact: null, match: toFormula(c) };
    }
    case OP.REPEAT: {
      if (re.min < 1) return ANY;
      const c = re.subs[0] === undefined ? ANY : info(re.subs[0]);
      if (re.min === 1 && re.max === 1) return c;
      return { exact: null, match: toFormula(c) };
    }
    case OP.CONCAT: {
      const c = concatInfos(re.subs.map(info));
      if (c.exact !== null || !splitting) return c;
      const split = splitConcat(re.subs);
      return split === null ? c : { exact: null, match: and([c.match, split]) };
    }
    case OP.ALTERNATE: {
      const subs = re.subs.map(info);
      if (subs.every((s) => s.exact !== null)) {
        const u = new Set<string>();
        for (const s of subs) for (const x of s.exact as Set<string>) u.add(x);
        if (u.size <= MAX_EXACT) return { exact: u, match: true };
      }
      return { exact: null, match: or(subs.map(toFormula)) };
    }
    default:
      // NO_MATCH, ANY_CHAR, ANY_CHAR_NOT_NL, STAR and anything unknown: no constraint.
      return ANY;
  }
}

/** The prefilter formula over literal strings of a pattern compiled with `flags` (RE2JS public flags). */
export function literalFormula(pattern: string, flags: number = RE2JS.DOTALL): FormulaS {
  const set = new RE2Set(RE2Set.UNANCHORED, flags);
  set.add(pattern);
  const re = (set as unknown as { regexps: ReNode[] }).regexps[0];
  if (re === undefined) return true;
  const f = simplify(toFormula(info(re)));
  if (!isWeak(f)) return f;
  // Too weak to be worth checking: try again with the concatenation split (it makes formulas larger, so it is
  // kept for the patterns that need it, such as words spelled with optional noise between the letters).
  splitting = true;
  try {
    const g = simplify(toFormula(info(re)));
    return isWeak(g) ? f : g;
  } finally {
    splitting = false;
  }
}

/**
 * The prefilter formula of `@pm` (case-insensitive: ASCII letters folded, as src/waf/aho-corasick.ts does): some
 * phrase occurs. A phrase is folded like a pattern literal and split at every non-ASCII character (its ASCII
 * pieces must all occur), so the formula only ever lets more through than the phrase match itself.
 */
export function phraseFormula(phrases: readonly string[]): FormulaS {
  const alts: FormulaS[] = [];
  for (const p of phrases) {
    if (p === '') continue;
    const pieces: string[] = [];
    let cur = '';
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (c >= 128) {
        if (cur !== '') pieces.push(cur);
        cur = '';
      } else cur += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
    }
    if (cur !== '') pieces.push(cur);
    // A phrase with no ASCII piece gives no constraint: neither does the whole set.
    if (pieces.length === 0) return true;
    alts.push(and(pieces));
  }
  if (alts.length === 0) return true;
  return simplify(or(alts));
}

/** Conjuncts kept per AND by {@link simplify}. */
const MAX_CONJUNCTS = 2;

/**
 * How selective a formula is: a longer literal is rarer; a common character (see {@link COMMON}) filters nothing.
 * OR is as weak as its weakest member, AND as strong as its strongest.
 */
function strength(f: FormulaS): number {
  if (f === true) return 0;
  if (typeof f === 'string') return f.length > 1 ? f.length : COMMON.has(f) ? 0 : 1.5;
  if ('and' in f) return Math.max(...f.and.map(strength));
  return Math.min(...f.or.map(strength));
}

/**
 * Keeps the {@link MAX_CONJUNCTS} strongest conjuncts of every AND (dropping a conjunct only weakens the formula,
 * so it stays exact), which makes the formulas of CRS' evasion-tolerant patterns (a word spelled letter by
 * letter with optional quotes between) small enough to be worth checking.
 */
export function simplify(f: FormulaS): FormulaS {
  if (f === true || typeof f === 'string') return f;
  if ('or' in f) return or(f.or.map(simplify));
  const parts = f.and.map(simplify).filter((x) => x !== true);
  if (parts.length <= MAX_CONJUNCTS) return and(parts);
  const ranked = parts.map((x) => ({ x, s: strength(x) })).sort((p, q) => q.s - p.s);
  return and(ranked.slice(0, MAX_CONJUNCTS).map((r) => r.x));
}

/**
 * A ruleset-wide literal table: formulas are interned against it, then {@link LiteralTable.freeze} builds the
 * automaton. One table per compiled ruleset.
 */
export class LiteralTable {
  private readonly ids = new Map<string, number>();
  private automaton: LiteralAutomaton | null = null;

  /** Number of distinct literals. */
  get size(): number {
    return this.ids.size;
  }

  /** Interns the literals of a formula; returns the formula over literal indexes. */
  intern(f: FormulaS): Formula {
    if (f === true) return true;
    if (typeof f === 'string') {
      let id = this.ids.get(f);
      if (id === undefined) {
        if (this.automaton !== null) throw new Error('literal table is frozen');
        id = this.ids.size;
        this.ids.set(f, id);
      }
      return id;
    }
    if ('and' in f) return { and: f.and.map((x) => this.intern(x)) };
    return { or: f.or.map((x) => this.intern(x)) };
  }

  /** Builds the automaton (idempotent); no literal can be added afterwards. */
  freeze(): LiteralAutomaton {
    if (this.automaton === null) this.automaton = new LiteralAutomaton([...this.ids.keys()]);
    return this.automaton;
  }
}

/**
 * The literals occurring in one value: which ASCII characters (single-character literals, as four 32-bit masks over
 * the folded codes 0–127) and which longer literals (their indexes, in order of first occurrence; null when none).
 * Small and allocation-light on purpose: a value is scanned once per distinct transformation result.
 */
export interface Presence {
  readonly m0: number;
  readonly m1: number;
  readonly m2: number;
  readonly m3: number;
  /** Some character is beyond ASCII (code 128 or more, before folding; ſ and K count too). */
  readonly hi: boolean;
  /**
   * The ASCII characters as they are (not folded), as four 32-bit masks over the codes 0–127: what the engine
   * tests transformations' change triggers against (src/waf/transform/index.ts `changeTriggers`).
   */
  readonly r0: number;
  readonly r1: number;
  readonly r2: number;
  readonly r3: number;
  readonly lits: readonly number[] | null;
  /** Unique per presence made by one automaton (see {@link LiteralAutomaton.load}); 0 when made elsewhere. */
  readonly uid?: number;
}

/** Scans (and unions) counted before the automaton's stamp tables are cleared ({@link LiteralAutomaton.nextScan}). */
const SCAN_LIMIT = 0x3fffffff;

/** Bits of A–Z in the mask of codes 64–95 (and of a–z in that of 96–127). */
const UPPER_BITS = 0x07fffffe;

/** Alphabet classes: 0..127 folded ASCII, 128 = any other character. */
const ALPHA = 129;

/**
 * A deterministic Aho-Corasick automaton over folded ASCII literals; {@link LiteralAutomaton.scan} returns the
 * {@link Presence} of a value. Single-character literals are answered by the character masks, not the automaton.
 * The transition table is dense over the character classes the literals use (class 0: every other character).
 */
export class LiteralAutomaton {
  /** Transitions (state × class → state): 16-bit while the states fit, as they do for CRS. */
  private readonly delta: Uint16Array | Int32Array;
  /** Folded code (0–128) → character class. */
  private readonly classOf: Int32Array;
  /** Raw code (0–255) → the character class of its folded code. */
  private readonly rawClass: Int32Array;
  /** Number of character classes (row width of {@link LiteralAutomaton.delta}). */
  private readonly width: number;
  /**
   * Indexes of the longer literals ending at each state (own and through suffix links), state after state: those
   * of state `s` are `outIds[outAt[s]..outAt[s + 1])`.
   */
  private readonly outIds: Int32Array;
  private readonly outAt: Int32Array;
  /** Per state: 1 when {@link LiteralAutomaton.out} has literals (a byte per state: the scan's cheap test). */
  private readonly hasOut: Uint8Array;
  /** Per state: scan number that last recorded its literals. */
  private readonly done: Int32Array;
  /** Per literal: its character code when it is one character long, else -1. */
  readonly single: Int32Array;
  /** Per literal: scan number that last recorded it (de-duplicates `lits` without a set). */
  private readonly seen: Int32Array;
  /** Number of the current scan or union (for {@link LiteralAutomaton.seen} and {@link LiteralAutomaton.done}). */
  private scans = 0;
  /** Last presence uid handed out (never reused: a float counter, exact far beyond any process lifetime). */
  private uids = 0;
  /** Per literal: uid of the last presence {@link LiteralAutomaton.load} marked it for. */
  private readonly marked: Float64Array;
  private loaded = 0;

  /** Builds the automaton over the literals (index = position in the array). */
  constructor(literals: readonly string[]) {
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    this.single = new Int32Array(literals.length).fill(-1);
    this.seen = new Int32Array(literals.length);
    this.marked = new Float64Array(literals.length);
    literals.forEach((lit, id) => {
      if (lit.length === 1) {
        this.single[id] = lit.charCodeAt(0);
        return;
      }
      let s = 0;
      for (let i = 0; i < lit.length; i++) {
        const c = lit.charCodeAt(i);
        const m = children[s] as Map<number, number>;
        let t = m.get(c);
        if (t === undefined) {
          t = children.length;
          children.push(new Map());
          own.push([]);
          m.set(c, t);
        }
        s = t;
      }
      (own[s] as number[]).push(id);
    });
    const n = children.length;
    // Character classes: one per folded code some literal uses, class 0 for all others (no literal goes on).
    const classOf = new Int32Array(ALPHA);
    const codes: number[] = [];
    for (const m of children) {
      for (const c of m.keys()) {
        if (classOf[c] === 0) {
          codes.push(c);
          classOf[c] = codes.length;
        }
      }
    }
    const width = codes.length + 1;
    const delta = n <= 0xffff ? new Uint16Array(n * width) : new Int32Array(n * width);
    const fail = new Int32Array(n);
    const outs: number[][] = own.map((o) => [...o]);
    const queue: number[] = [];
    for (const c of codes) {
      const t = (children[0] as Map<number, number>).get(c);
      if (t !== undefined) {
        delta[classOf[c] as number] = t;
        fail[t] = 0;
        queue.push(t);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi] as number;
      const f = fail[s] as number;
      (outs[s] as number[]).push(...(outs[f] as number[]));
      const m = children[s] as Map<number, number>;
      for (const c of codes) {
        const k = classOf[c] as number;
        const t = m.get(c);
        if (t !== undefined) {
          fail[t] = delta[f * width + k] as number;
          delta[s * width + k] = t;
          queue.push(t);
        } else delta[s * width + k] = delta[f * width + k] as number;
      }
    }
    // Renumber the states breadth-first (the root, then every state of depth 1, 2, ...): the shallow states, where
    // a scan of ordinary text spends nearly all its steps, then share a few cache lines of the (megabytes large)
    // transition table instead of being spread over it in insertion order.
    const order = [0, ...queue];
    const renum = new Int32Array(n);
    for (let i = 0; i < n; i++) renum[order[i] as number] = i;
    const moved = n <= 0xffff ? new Uint16Array(n * width) : new Int32Array(n * width);
    for (let i = 0; i < n; i++) {
      const from = (order[i] as number) * width;
      for (let k = 0; k < width; k++) moved[i * width + k] = renum[delta[from + k] as number] as number;
    }
    this.delta = moved;
    this.classOf = classOf;
    // Raw code 0–255 → class of its folded code (A–Z as a–z, 128–255 as 128).
    this.rawClass = new Int32Array(256);
    for (let c = 0; c < 256; c++) {
      this.rawClass[c] = classOf[c >= 128 ? 128 : c >= 65 && c <= 90 ? c + 32 : c] as number;
    }
    this.width = width;
    const lists = order.map((s) => [...new Set(outs[s] as number[])]);
    this.outAt = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.outAt[i + 1] = (this.outAt[i] as number) + (lists[i] as number[]).length;
    this.outIds = Int32Array.from(lists.flat());
    this.hasOut = Uint8Array.from(lists, (o) => (o.length === 0 ? 0 : 1));
    this.done = new Int32Array(n);
  }

  /**
   * The union of `list[start..end)`: every character and literal occurring in at least one of them. Formulas are
   * monotone (AND/OR of "occurs", never "does not occur"), so a formula false on the union is false on each
   * member: one check rules out a whole block of values.
   */
  union(list: readonly Presence[], start: number, end: number): Presence {
    const seen = this.seen;
    const stamp = this.nextScan();
    let m0 = 0;
    let m1 = 0;
    let m2 = 0;
    let m3 = 0;
    let hi = false;
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    let lits: number[] | null = null;
    for (let i = start; i < end; i++) {
      const p = list[i] as Presence;
      m0 |= p.m0;
      m1 |= p.m1;
      m2 |= p.m2;
      m3 |= p.m3;
      if (p.hi) hi = true;
      r0 |= p.r0;
      r1 |= p.r1;
      r2 |= p.r2;
      r3 |= p.r3;
      const l = p.lits;
      if (l === null) continue;
      for (let k = 0; k < l.length; k++) {
        const id = l[k] as number;
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        if (lits === null) lits = [id];
        else lits.push(id);
      }
    }
    return { m0, m1, m2, m3, hi, r0, r1, r2, r3, lits, uid: ++this.uids };
  }

  /**
   * The presence of `p`'s text after ASCII lower-casing (A–Z → a–z, nothing else), without scanning it: the folded
   * characters and literals are those of `p` (the scan folds case itself), and the raw upper-case letters become
   * lower-case ones.
   */
  lowerCased(p: Presence): Presence {
    return {
      m0: p.m0,
      m1: p.m1,
      m2: p.m2,
      m3: p.m3,
      hi: p.hi,
      r0: p.r0,
      r1: p.r1,
      r2: p.r2 & ~UPPER_BITS,
      r3: p.r3 | (p.r2 & UPPER_BITS),
      lits: p.lits,
      uid: ++this.uids,
    };
  }

  /**
   * The number of a new scan or union. The per-literal and per-state stamps live in 32-bit tables and only matter
   * within one call, so before the count leaves that range the tables are cleared and counting starts again (a
   * stamp that wrapped around would never equal its table entry again).
   */
  private nextScan(): number {
    if (this.scans >= SCAN_LIMIT) {
      this.seen.fill(0);
      this.done.fill(0);
      this.scans = 0;
    }
    return ++this.scans;
  }

  /**
   * Marks a presence's longer literals in a table indexed by literal (once per presence in a row) and returns the
   * table: literal `id` occurs when `table[id] === p.uid`. For long literal lists (block unions) that makes each
   * membership test one load instead of a search of the list.
   */
  load(p: Presence): Float64Array {
    const m = this.marked;
    const u = p.uid ?? 0;
    if (this.loaded !== u && u !== 0) {
      const l = p.lits;
      if (l !== null) for (let i = 0; i < l.length; i++) m[l[i] as number] = u;
      this.loaded = u;
    }
    return m;
  }

  /** The literals occurring in `input` (case-insensitively, see the module comment). */
  scan(input: string): Presence {
    const delta = this.delta;
    const classOf = this.classOf;
    const rawClass = this.rawClass;
    const width = this.width;
    const outIds = this.outIds;
    const outAt = this.outAt;
    const hasOut = this.hasOut;
    const done = this.done;
    const seen = this.seen;
    const stamp = this.nextScan();
    // The raw characters are recorded; the folded masks are derived from them at the end.
    let r0 = 0;
    let r1 = 0;
    let r2 = 0;
    let r3 = 0;
    let hi = false;
    // ſ and K fold onto s and k.
    let sk = 0;
    let lits: number[] | null = null;
    let s = 0;
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      let k: number;
      if (c < 128) {
        if (c < 64) {
          if (c < 32) r0 |= 1 << c;
          else r1 |= 1 << (c - 32);
        } else if (c < 96) r2 |= 1 << (c - 64);
        else r3 |= 1 << (c - 96);
        k = rawClass[c] as number;
      } else {
        hi = true;
        if (c < 256) k = rawClass[c] as number;
        else if (c === 0x17f) {
          sk |= 1 << (115 - 96);
          k = classOf[115] as number;
        } else if (c === 0x212a) {
          sk |= 1 << (107 - 96);
          k = classOf[107] as number;
        } else k = classOf[128] as number;
      }
      s = delta[s * width + k] as number;
      // A state's literals are recorded once per scan (ordinary text passes the same few states again and again).
      if (hasOut[s] === 0 || done[s] === stamp) continue;
      done[s] = stamp;
      const end = outAt[s + 1] as number;
      for (let k = outAt[s] as number; k < end; k++) {
        const id = outIds[k] as number;
        if (seen[id] === stamp) continue;
        seen[id] = stamp;
        if (lits === null) lits = [id];
        else lits.push(id);
      }
    }
    // Folding: A–Z (codes 65–90, bits 1–26 of r2) onto a–z (codes 97–122, the same bits of r3).
    return {
      m0: r0,
      m1: r1,
      m2: r2 & ~UPPER_BITS,
      m3: r3 | (r2 & UPPER_BITS) | sk,
      hi,
      r0,
      r1,
      r2,
      r3,
      lits,
      uid: ++this.uids,
    };
  }
}

/**
 * Folds text as {@link LiteralAutomaton.scan} folds its input: ASCII lower-case, ſ → s, K (Kelvin) → k, and any
 * other character beyond ASCII → U+0080, which no literal holds.
 * @example foldLiterals('Header_ſ\u00e9') // 'header_s\u0080'
 */
export function foldLiterals(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) {
      plain = false;
      break;
    }
  }
  if (plain) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c < 128) out += s[i];
    else out += c === 0x17f ? 's' : c === 0x212a ? 'k' : '\u0080';
  }
  return out;
}

/**
 * A formula over literal strings as a predicate on text folded by {@link foldLiterals} (for short texts such as
 * variable names, where no automaton is needed); null when the formula is `true`.
 */
export function textFormula(f: FormulaS): ((folded: string) => boolean) | null {
  if (f === true) return null;
  const ev = (g: FormulaS, t: string): boolean => {
    if (g === true) return true;
    if (typeof g === 'string') return t.includes(g);
    if ('and' in g) return g.and.every((x) => ev(x, t));
    return g.or.some((x) => ev(x, t));
  };
  return (t) => ev(f, t);
}

/** Constant-time literal membership for presences of one automaton ({@link LiteralAutomaton.load}). */
export interface LiteralIndex {
  load(p: Presence): Float64Array;
}

/** A compiled formula: true when a value with these literals may match. */
export type FormulaFn = (p: Presence) => boolean;

/**
 * Single characters found in nearly every benign value (letters, digits, space and `.,-_:/`). A formula that holds
 * when only these are present filters almost nothing, so checking it costs more than the regex it would skip.
 */
const COMMON = new Set('abcdefghijklmnopqrstuvwxyz0123456789 .,-_:/'.split(''));

/**
 * True when the formula (over literal strings) still holds for a value that contains every {@link COMMON}
 * character and no longer literal: such a prefilter is not worth evaluating.
 */
export function isWeak(f: FormulaS): boolean {
  if (f === true) return true;
  if (typeof f === 'string') return f.length === 1 && COMMON.has(f);
  if ('and' in f) return f.and.every(isWeak);
  return f.or.some(isWeak);
}

/** Evaluates a formula against a value's literals (reference implementation of {@link compileFormula}). */
export function evalFormula(f: Formula, p: Presence, single: Int32Array): boolean {
  if (f === true) return true;
  if (typeof f === 'number') {
    const c = single[f] as number;
    if (c < 0) return p.lits?.includes(f) === true;
    const m = c < 32 ? p.m0 : c < 64 ? p.m1 : c < 96 ? p.m2 : p.m3;
    return (m & (1 << (c & 31))) !== 0;
  }
  if ('and' in f) return f.and.every((x) => evalFormula(x, p, single));
  return f.or.some((x) => evalFormula(x, p, single));
}

/**
 * Literals of which at least one occurs whenever the formula holds (`f` implies their OR), chosen to be rare: an
 * OR needs one of its members' sets, an AND any one member's, and the one taken is the one without common
 * characters (see {@link COMMON}) and with the fewest single characters, then the fewest literals. Null when there
 * is no such set without a common character (then it would filter almost nothing).
 */
export function necessaryLiterals(f: Formula, single: Int32Array): number[] | null {
  if (f === true) return null;
  if (typeof f === 'number') {
    const c = single[f] as number;
    return c >= 0 && c < 128 && COMMON.has(String.fromCharCode(c)) ? null : [f];
  }
  if ('or' in f) {
    const out = new Set<number>();
    for (const x of f.or) {
      const n = necessaryLiterals(x, single);
      if (n === null) return null;
      for (const id of n) out.add(id);
    }
    return [...out];
  }
  let best: number[] | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const x of f.and) {
    const n = necessaryLiterals(x, single);
    if (n === null) continue;
    let singles = 0;
    for (const id of n) if ((single[id] as number) >= 0) singles++;
    // Single characters are far more frequent than longer literals: they dominate the cost.
    const cost = singles * 1e6 + n.length;
    if (cost < bestCost) {
      best = n;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * Compiles a formula over literal indexes into a function of a value's {@link Presence}; `single` is
 * {@link LiteralAutomaton.single} of the same table. A nested formula (CRS' command-word lists give hundreds of
 * nested AND/OR nodes) first checks its {@link necessaryLiterals} as one flat OR, which answers most values with a
 * few bit tests; only values passing it walk the whole formula. The result is the same: that check only fails
 * when the formula is false.
 */
export function compileFormula(f: Formula, single: Int32Array, index?: LiteralIndex): FormulaFn {
  const full = compileNode(f, single, index);
  if (f === true || typeof f === 'number') return full;
  const flat = 'or' in f && f.or.every((x) => typeof x === 'number');
  if (flat) return full;
  const need = necessaryLiterals(f, single);
  if (need === null) return full;
  const quick = compileNode({ or: need }, single, index);
  return (p) => quick(p) && full(p);
}

/** {@link compileFormula} without the necessary-literal check (also used for every sub-formula). */
function compileNode(f: Formula, single: Int32Array, index?: LiteralIndex): FormulaFn {
  if (f === true) return () => true;
  if (typeof f === 'number') return compileNode({ or: [f] }, single, index);
  if ('and' in f) {
    const subs = f.and.map((x) => compileNode(x, single, index));
    if (subs.length === 2) {
      const [a, b] = subs as [FormulaFn, FormulaFn];
      return (p) => a(p) && b(p);
    }
    return (p) => {
      for (let i = 0; i < subs.length; i++) if (!(subs[i] as FormulaFn)(p)) return false;
      return true;
    };
  }
  // OR: single characters become masks, longer literals a set, other members stay functions.
  const masks = [0, 0, 0, 0];
  const multi = new Set<number>();
  const rest: FormulaFn[] = [];
  for (const x of f.or) {
    if (typeof x === 'number') {
      const c = single[x] as number;
      if (c < 0) multi.add(x);
      else masks[c >>> 5] = (masks[c >>> 5] as number) | (1 << (c & 31));
    } else rest.push(compileNode(x, single, index));
  }
  const [k0, k1, k2, k3] = masks as [number, number, number, number];
  const hasMask = (k0 | k1 | k2 | k3) !== 0;
  const ids = [...multi];
  // Few longer literals: look each up in the value's list; many: one bit test per literal of the value.
  const few = ids.length <= 3;
  let marks: Uint32Array | null = null;
  if (!few) {
    marks = new Uint32Array((Math.max(...ids) >>> 5) + 1);
    for (const id of ids) marks[id >>> 5] = (marks[id >>> 5] as number) | (1 << (id & 31));
  }
  return (p) => {
    if (hasMask && ((p.m0 & k0) | (p.m1 & k1) | (p.m2 & k2) | (p.m3 & k3)) !== 0) return true;
    const lits = p.lits;
    if (lits !== null && ids.length > 0) {
      if (index !== undefined && lits.length > 8 && ids.length < lits.length && p.uid !== undefined) {
        // A long list (a block union): mark it once, then one load per literal of the formula.
        const m = index.load(p);
        const u = p.uid;
        for (let i = 0; i < ids.length; i++) if (m[ids[i] as number] === u) return true;
      } else if (marks === null) {
        for (let i = 0; i < ids.length; i++) if (lits.includes(ids[i] as number)) return true;
      } else {
        for (let i = 0; i < lits.length; i++) {
          const id = lits[i] as number;
          if ((((marks[id >>> 5] ?? 0) >>> (id & 31)) & 1) !== 0) return true;
        }
      }
    }
    for (let i = 0; i < rest.length; i++) if ((rest[i] as FormulaFn)(p)) return true;
    return false;
  };
}
