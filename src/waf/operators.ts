/**
 * Operators (`@rx`, `@pm`, `@eq`, ...). Each is compiled once per rule into a function of the
 * (already macro-expanded when needed) argument and the transformed input value.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RE2JS } from 're2js';
import { compileCidrSet } from '../lib/ip.ts';
import { compilePhrases } from './aho-corasick.ts';
import type { Operator } from './model.ts';
import type { FormulaFn, Presence } from './prefilter.ts';

/** A libinjection-style detector: returns a fingerprint when the input is an attack, otherwise null. */
export type Detector = (input: string) => string | null;

/** Result of a successful operator match: captured groups (index 0 = whole match) when any. */
export interface OpMatch {
  readonly captures: readonly string[];
}

/** A compiled operator; `arg` is the expanded argument for macro-bearing operators. */
export type OperatorFn = (input: string, arg: string) => OpMatch | null;

/** Operator compilation context. */
export interface OperatorContext {
  /** Directory of the rule file, for `@pmFromFile` / `@ipMatchFromFile`. */
  readonly baseDir: string;
  readonly detectors: { readonly sqli?: Detector; readonly xss?: Detector };
  /** When true, a missing detector makes `@detectSQLi`/`@detectXSS` never match instead of failing. */
  readonly allowMissingDetectors: boolean;
  /**
   * False when nobody reads the match's capture groups (a rule without the `capture` action): `@rx` then answers
   * from RE2JS' DFA alone, without the capture-tracking engines. Default true.
   */
  readonly captures?: boolean;
}

const EMPTY: OpMatch = { captures: [] };

/**
 * Compiles an RE2 pattern. ModSecurity compiles `@rx` with PCRE_DOTALL, so `.` matches newlines here too.
 * @throws Error with the RE2 message when the pattern is not RE2-compatible.
 */
export function compileRx(pattern: string): RE2JS {
  return RE2JS.compile(pattern, RE2JS.DOTALL);
}

/**
 * Budget of RE2JS' lazy DFA state cache per `@rx`, in RE2JS' own size estimate (its default is 8 MiB per
 * regex, which over the ~300 CRS patterns would let hostile input grow the process by gigabytes). When the cache
 * is full RE2JS clears it and goes on, and falls back to its NFA when it keeps thrashing: slower, never wrong.
 */
export const DFA_BUDGET = 1 << 19;

/** Caps the DFA cache of a compiled regex at {@link DFA_BUDGET} (no-op if RE2JS' internals differ). */
export function limitDfa(re: RE2JS): void {
  const inner = (re as unknown as { re2Input?: { dfa?: unknown } }).re2Input;
  const dfa = inner?.dfa as { maxMem?: unknown; stateBudget?: unknown; memBudget?: unknown } | undefined;
  if (dfa === undefined || typeof dfa.memBudget !== 'number' || typeof dfa.stateBudget !== 'number') return;
  dfa.maxMem = DFA_BUDGET;
  dfa.stateBudget = DFA_BUDGET;
  dfa.memBudget = DFA_BUDGET;
}

/** Converts ModSecurity's C-like integer parsing (`atoi`): leading integer or 0. */
export function toInt(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m === null ? 0 : Number.parseInt(m[1] as string, 10);
}

function readDataFile(baseDir: string, names: string): string[] {
  const lines: string[] = [];
  for (const name of names.split(/\s+/).filter(Boolean)) {
    const text = readFileSync(resolve(baseDir, name), 'utf8');
    for (const l of text.split(/\r?\n/)) {
      const t = l.trim();
      if (t === '' || t.startsWith('#')) continue;
      lines.push(t);
    }
  }
  return lines;
}

/**
 * The phrases of `@pm` (its argument, split on whitespace) or `@pmf`/`@pmFromFile` (the data files, relative to
 * `baseDir`); null for any other operator.
 * @example operatorPhrases({ name: 'pm', argument: 'a b', negated: false }, '.') // ['a', 'b']
 */
export function operatorPhrases(op: Operator, baseDir: string): string[] | null {
  if (op.name === 'pm') return op.argument.split(/\s+/).filter(Boolean);
  if (op.name === 'pmf' || op.name === 'pmFromFile') return readDataFile(baseDir, op.argument);
  return null;
}

function parseRanges(arg: string): Uint8Array {
  const ok = new Uint8Array(256);
  for (const part of arg
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (m === null) throw new Error(`invalid byte range: ${part}`);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (lo > 255 || hi > 255 || lo > hi) throw new Error(`invalid byte range: ${part}`);
    for (let b = lo; b <= hi; b++) ok[b] = 1;
  }
  return ok;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** True when `s` has a `%` not followed by two hex digits (ModSecurity `@validateUrlEncoding`). */
export function hasInvalidUrlEncoding(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== 37) continue;
    if (i + 2 >= s.length || !isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) return true;
    i += 2;
  }
  return false;
}

/** True when the byte string `s` (one char per byte) is not valid UTF-8 (overlongs and surrogates rejected). */
export function hasInvalidUtf8(s: string): boolean {
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return true;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
      cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = c & 0x07;
    } else return true;
    if (i + need >= n) return true;
    for (let k = 1; k <= need; k++) {
      const d = s.charCodeAt(i + k);
      if (Number.isNaN(d) || (d & 0xc0) !== 0x80) return true;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return true;
    i += need + 1;
  }
  return false;
}

/**
 * A prefilter for the byte-validation operators, over a value's {@link Presence} (which ASCII characters it holds,
 * as they are, and whether it holds any character beyond ASCII): false only when the operator cannot match. Null
 * for other operators. As for `@rx` prefilters, it is about the operator's own result: under
 * `!@validateByteRange` a value it rules out is a match.
 * - `@validateUtf8Encoding`: ASCII alone is valid UTF-8, so only a value with a character beyond ASCII can fail.
 * - `@validateByteRange`: a value matches when it holds a character outside the ranges: an ASCII character outside
 *   them, or any character beyond ASCII (the presence does not tell 0x80–0xFF from wider characters, which are
 *   always outside).
 * Both are monotone (a value with more characters passes at least as often), as block summaries require.
 * @example operatorPrefilter(parseOperator('@validateByteRange 1-255')) // passes a value holding NUL or beyond-ASCII
 */
export function operatorPrefilter(op: Operator): FormulaFn | null {
  if (op.name === 'validateUtf8Encoding') return (p: Presence) => p.hi;
  if (op.name !== 'validateByteRange') return null;
  const ok = parseRanges(op.argument);
  const bad = [0, 0, 0, 0];
  for (let c = 0; c < 128; c++) if (ok[c] === 0) bad[c >>> 5] = (bad[c >>> 5] as number) | (1 << (c & 31));
  const [b0, b1, b2, b3] = bad as [number, number, number, number];
  return (p: Presence) => p.hi || ((p.r0 & b0) | (p.r1 & b1) | (p.r2 & b2) | (p.r3 & b3)) !== 0;
}

/** Operators whose argument may hold `%{...}` macros, expanded per transaction. */
export const MACRO_OPERATORS: ReadonlySet<string> = new Set([
  'streq',
  'eq',
  'ge',
  'gt',
  'lt',
  'le',
  'within',
  'contains',
  'beginsWith',
  'endsWith',
]);

/**
 * Compiles an operator once. Throws (with the cause) on unknown operators, bad patterns or unreadable files.
 */
export function compileOperator(op: Operator, ctx: OperatorContext): OperatorFn {
  switch (op.name) {
    case 'rx': {
      const re = compileRx(op.argument);
      limitDfa(re);
      if (ctx.captures === false) return (input) => (re.test(input) ? EMPTY : null);
      return (input) => {
        // test() asks for no capture groups, so RE2JS answers from its (lazily built, cached) DFA; only a match
        // pays for the capture-tracking engines.
        if (!re.test(input)) return null;
        const m = re.matcher(input);
        if (!m.find()) return null;
        const captures: string[] = [];
        const n = Math.min(m.groupCount(), 9);
        for (let g = 0; g <= n; g++) captures.push(m.group(g) ?? '');
        return { captures };
      };
    }
    case 'pm':
    case 'pmf':
    case 'pmFromFile': {
      const phrases = operatorPhrases(op, ctx.baseDir) as string[];
      const ac = compilePhrases(phrases);
      return (input) => {
        const hit = ac.search(input);
        return hit === null ? null : { captures: [hit] };
      };
    }
    case 'streq':
      return (input, arg) => (input === arg ? EMPTY : null);
    case 'contains':
      return (input, arg) => (input.includes(arg) ? { captures: [arg] } : null);
    case 'beginsWith':
      return (input, arg) => (input.startsWith(arg) ? { captures: [arg] } : null);
    case 'endsWith':
      return (input, arg) => (input.endsWith(arg) ? { captures: [arg] } : null);
    case 'within':
      return (input, arg) => (arg.includes(input) ? { captures: [input] } : null);
    case 'eq':
      return (input, arg) => (toInt(input) === toInt(arg) ? EMPTY : null);
    case 'ge':
      return (input, arg) => (toInt(input) >= toInt(arg) ? EMPTY : null);
    case 'gt':
      return (input, arg) => (toInt(input) > toInt(arg) ? EMPTY : null);
    case 'lt':
      return (input, arg) => (toInt(input) < toInt(arg) ? EMPTY : null);
    case 'le':
      return (input, arg) => (toInt(input) <= toInt(arg) ? EMPTY : null);
    case 'ipMatch':
    case 'ipMatchF':
    case 'ipMatchFromFile': {
      const list =
        op.name === 'ipMatch'
          ? op.argument
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean)
          : readDataFile(ctx.baseDir, op.argument);
      const set = compileCidrSet(list);
      return (input) => (set.contains(input.trim()) ? EMPTY : null);
    }
    case 'validateByteRange': {
      const ok = parseRanges(op.argument);
      return (input) => {
        for (let i = 0; i < input.length; i++) {
          const c = input.charCodeAt(i);
          if (c > 255 || ok[c] === 0) return { captures: [input[i] as string] };
        }
        return null;
      };
    }
    case 'validateUrlEncoding':
      return (input) => (hasInvalidUrlEncoding(input) ? EMPTY : null);
    case 'validateUtf8Encoding':
      return (input) => (hasInvalidUtf8(input) ? EMPTY : null);
    case 'unconditionalMatch':
      return () => EMPTY;
    case 'noMatch':
      return () => null;
    case 'detectSQLi':
    case 'detectXSS': {
      const det = op.name === 'detectSQLi' ? ctx.detectors.sqli : ctx.detectors.xss;
      if (det === undefined) {
        if (ctx.allowMissingDetectors) return () => null;
        throw new Error(
          `@${op.name} needs a detector (pass detectors.${op.name === 'detectSQLi' ? 'sqli' : 'xss'})`,
        );
      }
      return (input) => {
        const fp = det(input);
        return fp === null ? null : { captures: [fp] };
      };
    }
    default:
      throw new Error(`unknown operator @${op.name}`);
  }
}
