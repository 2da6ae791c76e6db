/**
 * Route path patterns: parsing, validation and the escape aliases of reserved characters.
 * Everything here runs once, when the router is compiled.
 */
import { isPathError, normalizeTarget } from '../lib/path.ts';

/** One parsed path pattern. */
export type ParsedPattern =
  | {
      readonly kind: 'exact';
      readonly source: string;
      /** The path itself (canonical form). */
      readonly path: string;
    }
  | {
      readonly kind: 'param';
      readonly source: string;
      /** Segments after the leading `/`; `null` marks a parameter. */
      readonly segments: readonly (string | null)[];
      readonly paramNames: readonly string[];
    }
  | {
      readonly kind: 'prefix';
      readonly source: string;
      /** Literal prefix without the final `/*` (`''` for `/*`). */
      readonly literal: string;
    }
  | {
      readonly kind: 'regex';
      readonly source: string;
      /** Full-match regex (`^(?:…)$`, flag `u`). */
      readonly regex: RegExp;
    };

/** Reserved pchars that upstreams commonly percent-decode before routing: sub-delims, `:` and `@`. */
const ALIASED = "!$&'()*+,;=:@";
/** Upper bound on spellings generated for one pattern (2^8). */
const MAX_ALIAS_BITS = 8;

const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Permissive options: a pattern only has to be canonical; which characters a listener accepts is the
 * listener's own setting.
 */
const PATTERN_NORMALIZE = {
  allowEncodedSlash: true,
  allowBackslash: true,
  allowSemicolon: true,
  mergeSlashes: false,
} as const;

/**
 * Parses one path pattern. Throws an `Error` whose message explains the problem (the caller adds the
 * route name and rethrows as `TypeError`).
 *
 * Syntax: `/users` exact; `/users/{id}` parameter (whole segment); `/static/*` prefix; `~regex` regex
 * (full match, `u` flag, named groups become params).
 *
 * @example
 * parsePattern('/users/{id}'); // { kind: 'param', segments: ['users', null], paramNames: ['id'], … }
 */
export function parsePattern(source: string): ParsedPattern {
  if (typeof source !== 'string' || source.length === 0)
    throw new Error('path pattern must be a non-empty string');
  if (source.charCodeAt(0) === 0x7e) return parseRegex(source);
  if (source.charCodeAt(0) !== 0x2f) throw new Error(`path pattern "${source}" must start with "/" or "~"`);

  if (source.endsWith('/*')) {
    const literal = source.slice(0, -2);
    if (literal.includes('{') || literal.includes('}')) {
      throw new Error(`prefix pattern "${source}" must be literal (no parameters)`);
    }
    if (literal.endsWith('/')) throw new Error(`prefix pattern "${source}" has an empty segment before "/*"`);
    checkCanonical(source, literal === '' ? '/' : literal);
    return { kind: 'prefix', source, literal };
  }

  const segments: (string | null)[] = [];
  const paramNames: string[] = [];
  const probe: string[] = [];
  const raw = source.slice(1).split('/');
  for (let i = 0; i < raw.length; i++) {
    const seg = raw[i] as string;
    if (seg.startsWith('{') && seg.endsWith('}')) {
      const name = seg.slice(1, -1);
      if (!PARAM_NAME.test(name) || name === '__proto__') {
        throw new Error(`parameter "${seg}" in "${source}" needs a name matching [A-Za-z_][A-Za-z0-9_]*`);
      }
      if (paramNames.includes(name)) throw new Error(`parameter "${name}" appears twice in "${source}"`);
      paramNames.push(name);
      segments.push(null);
      probe.push('p');
    } else {
      if (seg.includes('{') || seg.includes('}')) {
        throw new Error(`"${source}": a parameter must be a whole segment, like /{name}`);
      }
      if (seg === '' && i !== raw.length - 1) throw new Error(`"${source}" has an empty segment ("//")`);
      segments.push(seg);
      probe.push(seg);
    }
  }
  checkCanonical(source, '/' + probe.join('/'));
  if (paramNames.length === 0) return { kind: 'exact', source, path: source };
  return { kind: 'param', source, segments, paramNames };
}

function checkCanonical(source: string, probe: string): void {
  if (probe.includes('*')) {
    throw new Error(`"${source}": "*" is only allowed as a final "/*" (write a literal asterisk as %2A)`);
  }
  if (probe.includes('//')) throw new Error(`"${source}" has an empty segment ("//")`);
  const r = normalizeTarget(probe, PATTERN_NORMALIZE);
  if (isPathError(r)) throw new Error(`path pattern "${source}" is invalid: ${r.detail}`);
  if (r.query !== '' || probe.includes('?')) throw new Error(`path pattern "${source}" must not contain "?"`);
  if (r.path !== probe) {
    throw new Error(
      `path pattern "${source}" is not in normalized form and could never match (canonical: "${r.path}")`,
    );
  }
}

function parseRegex(source: string): ParsedPattern {
  const body = source.slice(1);
  if (body.length === 0) throw new Error('regex pattern "~" is empty');
  let regex: RegExp;
  try {
    regex = new RegExp(`^(?:${body})$`, 'u');
  } catch (err) {
    throw new Error(`regex pattern "${source}" does not compile: ${(err as Error).message}`);
  }
  // Named groups are copied into a plain params object, where `__proto__` would set the prototype.
  if (body.includes('(?<__proto__>')) {
    throw new Error(`regex pattern "${source}" uses the reserved group name __proto__`);
  }
  return { kind: 'regex', source, regex };
}

/**
 * Every spelling of a canonical literal path in which each aliased reserved character (sub-delims, `:`,
 * `@`) appears either raw or as its upper-case `%XX` escape. The input is returned first.
 *
 * The normalizer keeps `%40` and `@` distinct, but an upstream that decodes before routing does not, so
 * a route for `/@admin/*` must also catch `/%40admin/x` or that request would fall through to a less
 * protected route and still reach the upstream as `/@admin/x`.
 *
 * @example
 * aliasSpellings('/a@b'); // ['/a@b', '/a%40b']
 */
export function aliasSpellings(literal: string): string[] {
  // Split into fixed text and toggleable characters.
  const parts: string[] = [];
  const toggles: [string, string][] = [];
  let fixed = '';
  for (let i = 0; i < literal.length; i++) {
    const ch = literal[i] as string;
    let rawForm: string | undefined;
    if (ALIASED.includes(ch)) {
      rawForm = ch;
    } else if (ch === '%' && i + 2 < literal.length) {
      const decoded = String.fromCharCode(Number.parseInt(literal.slice(i + 1, i + 3), 16));
      if (ALIASED.includes(decoded)) {
        rawForm = decoded;
        i += 2;
      }
    }
    if (rawForm === undefined) {
      fixed += ch;
      continue;
    }
    parts.push(fixed);
    fixed = '';
    toggles.push([
      ch === '%' ? literal.slice(i - 2, i + 1) : rawForm,
      ch === '%' ? rawForm : escapeOf(rawForm),
    ]);
  }
  parts.push(fixed);
  if (toggles.length > MAX_ALIAS_BITS) {
    throw new Error(
      `"${literal}" has ${toggles.length} reserved characters (${ALIASED}); at most ${MAX_ALIAS_BITS} are supported`,
    );
  }
  const out: string[] = [];
  for (let mask = 0; mask < 1 << toggles.length; mask++) {
    let s = parts[0] as string;
    for (let k = 0; k < toggles.length; k++) {
      const pair = toggles[k] as [string, string];
      s += (mask & (1 << k) ? pair[1] : pair[0]) + (parts[k + 1] as string);
    }
    out.push(s);
  }
  return out;
}

function escapeOf(ch: string): string {
  return '%' + ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
}

/**
 * Decodes the escapes of aliased reserved characters (`%40` → `@`), leaving every other byte alone.
 * Used to give regex routes the same view as the aliased literal routes.
 *
 * @example
 * decodeAliased('/%40me/%2F'); // '/@me/%2F'
 */
export function decodeAliased(path: string): string {
  let i = path.indexOf('%');
  if (i === -1) return path;
  let out = '';
  let last = 0;
  for (; i !== -1; i = path.indexOf('%', i + 1)) {
    const ch = String.fromCharCode(Number.parseInt(path.slice(i + 1, i + 3), 16));
    if (!ALIASED.includes(ch)) continue;
    out += path.slice(last, i) + ch;
    last = i + 3;
  }
  return out + path.slice(last);
}
