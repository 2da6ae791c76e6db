/**
 * A linear-time RegExp engine for Ajv (`code.regExp`): every `pattern` / `patternProperties` of a user spec is
 * compiled with RE2JS, so no input can make a validator backtrack (ReDoS). Patterns RE2 cannot compile
 * (backreferences, lookaround) are refused when the spec loads.
 */
import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js';
import { RE2JS } from 're2js';

/** Thrown (at load) for a pattern RE2 cannot compile; `message` names the pattern and the RE2 reason. */
export class PatternError extends TypeError {
  readonly pattern: string;
  constructor(pattern: string, reason: string) {
    super(`pattern ${JSON.stringify(pattern.slice(0, 200))} is not supported (RE2 syntax only): ${reason}`);
    this.name = 'PatternError';
    this.pattern = pattern;
  }
}

const cache = new Map<string, RE2JS>();

/**
 * Compiles `pattern` with RE2JS (cached). ECMA-262 `pattern` semantics: unanchored search.
 *
 * @example
 * compilePattern('^[a-z]+$').test('abc'); // true
 * @throws PatternError when RE2 cannot compile the pattern.
 */
export function compilePattern(pattern: string): RE2JS {
  let re = cache.get(pattern);
  if (re !== undefined) return re;
  try {
    re = RE2JS.compile(pattern);
  } catch (err) {
    throw new PatternError(pattern, err instanceof Error ? err.message : String(err));
  }
  if (cache.size < 10_000) cache.set(pattern, re);
  return re;
}

function re2RegExp(pattern: string, _flags: string): RegExpLike {
  const re = compilePattern(pattern);
  return { test: (s: string) => re.test(s), toString: () => pattern } as RegExpLike;
}

/**
 * The Ajv `code.regExp` option value backed by RE2JS.
 *
 * @example
 * new Ajv({ code: { regExp: re2Engine } });
 */
export const re2Engine: RegExpEngine = Object.assign(re2RegExp, { code: 're2Engine' });
