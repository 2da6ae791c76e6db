import { isAbsolute, resolve as resolvePath } from 'node:path';

/** A JSON Schema node as seen by the loader (any object; booleans are valid schemas too). */
export type SchemaNode = Record<string, unknown>;

/** Largest secret file the loader will use, in bytes. */
export const MAX_SECRET_FILE_BYTES = 1024 * 1024;

/**
 * Resolves `$ref`s against one root schema: local JSON pointers (`#/$defs/x`) and `$id`s
 * declared anywhere inside the root (`Upstream`, `Upstream#/properties/url`).
 *
 * @example
 * const refs = createRefResolver(schema);
 * const target = refs.resolve('#/$defs/Upstream');
 */
export interface RefResolver {
  /** The referenced schema, or `undefined` when it is not inside the root. */
  resolve(ref: string): SchemaNode | undefined;
  /** Follows `$ref` chains from `node` and returns the final schema (`undefined` for unresolvable or cyclic chains). */
  deref(node: unknown): SchemaNode | undefined;
}

/** Creates a RefResolver for `root` (see RefResolver). */
export function createRefResolver(root: unknown): RefResolver {
  const ids = new Map<string, unknown>();
  const seen = new Set<unknown>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const n = stack.pop();
    if (n === null || typeof n !== 'object' || seen.has(n)) continue;
    seen.add(n);
    const id = (n as SchemaNode).$id;
    if (typeof id === 'string' && !ids.has(id)) ids.set(id, n);
    for (const v of Object.values(n)) if (v !== null && typeof v === 'object') stack.push(v);
  }
  const walkPointer = (base: unknown, fragment: string): unknown => {
    let cur = base;
    if (fragment === '' || fragment === '/') return cur;
    for (const raw of fragment.slice(1).split('/')) {
      const seg = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
      if (cur === null || typeof cur !== 'object') return undefined;
      cur = (cur as Record<string, unknown>)[seg];
    }
    return cur;
  };
  const resolve = (ref: string): SchemaNode | undefined => {
    const hash = ref.indexOf('#');
    const base = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    const doc = base === '' ? root : ids.get(base);
    if (doc === undefined) return undefined;
    const target =
      fragment.startsWith('/') || fragment === '' ? walkPointer(doc, fragment) : ids.get(fragment);
    return asSchema(target);
  };
  const deref = (node: unknown): SchemaNode | undefined => {
    let cur = asSchema(node);
    const visited = new Set<unknown>();
    while (cur && typeof cur.$ref === 'string') {
      if (visited.has(cur)) return undefined; // a $ref cycle with no schema at its end
      visited.add(cur);
      cur = resolve(cur.$ref);
    }
    return cur;
  };
  return { resolve, deref };
}

function asSchema(v: unknown): SchemaNode | undefined {
  if (v === true) return {};
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  return v as SchemaNode;
}

/**
 * Answers "which subschemas apply at this location?" for a generic JSON Schema, following
 * `properties`, `patternProperties`, `additionalProperties`, `items`/`prefixItems`, `$ref`
 * and the branches of `allOf`/`anyOf`/`oneOf`/`then`/`else`. The answer over-approximates
 * (every union branch counts), which is what substitution needs: a field is secret if any
 * applicable schema says `x-secret: true`.
 *
 * @example
 * const nav = createSchemaNavigator(schema);
 * const here = nav.child(nav.child(nav.root(), 'upstream'), 'url');
 */
export interface SchemaNavigator {
  /** The schemas that apply to the document root. */
  root(): readonly SchemaNode[];
  /** The schemas that apply to member `key` (object key or array index) of a value. */
  child(candidates: readonly SchemaNode[], key: string | number): readonly SchemaNode[];
  /** Whether any applicable schema is marked `"x-secret": true`. */
  isSecret(candidates: readonly SchemaNode[]): boolean;
  /**
   * The non-string scalar types a whole `${VAR}` may be coerced to here, in preference order,
   * or `[]` when the location accepts strings (or is unconstrained).
   */
  coercionTargets(candidates: readonly SchemaNode[]): ReadonlyArray<'integer' | 'number' | 'boolean'>;
}

/** Creates a SchemaNavigator for `root` (see SchemaNavigator). */
export function createSchemaNavigator(root: unknown): SchemaNavigator {
  const refs = createRefResolver(root);
  const regexCache = new Map<string, RegExp | null>();
  const regex = (src: string): RegExp | null => {
    let re = regexCache.get(src);
    if (re === undefined) {
      try {
        re = new RegExp(src, 'u');
      } catch {
        re = null;
      }
      regexCache.set(src, re);
    }
    return re;
  };
  const expandCache = new WeakMap<SchemaNode, SchemaNode[]>();
  const expand = (node: unknown): SchemaNode[] => {
    const start = asSchema(node);
    if (!start) return [];
    const cached = expandCache.get(start);
    if (cached) return cached;
    const out: SchemaNode[] = [];
    const seen = new Set<SchemaNode>();
    const stack: unknown[] = [start];
    while (stack.length > 0) {
      const s = asSchema(stack.pop());
      if (!s || seen.has(s)) continue;
      seen.add(s);
      out.push(s);
      if (typeof s.$ref === 'string') stack.push(refs.resolve(s.$ref));
      for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
        const list = s[k];
        if (Array.isArray(list)) for (let i = list.length - 1; i >= 0; i--) stack.push(list[i]);
      }
      if (s.then !== undefined) stack.push(s.then);
      if (s.else !== undefined) stack.push(s.else);
    }
    expandCache.set(start, out);
    return out;
  };
  const rootCandidates = expand(root);
  return {
    root: () => rootCandidates,
    child(candidates, key) {
      const out: SchemaNode[] = [];
      for (const s of candidates) {
        if (typeof key === 'number') {
          const prefix = Array.isArray(s.prefixItems)
            ? s.prefixItems
            : Array.isArray(s.items)
              ? s.items
              : null;
          if (prefix) {
            if (key < prefix.length) out.push(...expand(prefix[key]));
            else if (Array.isArray(s.items)) out.push(...expand(s.additionalItems));
            else out.push(...expand(s.items));
          } else out.push(...expand(s.items));
          continue;
        }
        let matched = false;
        const props = s.properties as Record<string, unknown> | undefined;
        if (props && typeof props === 'object' && Object.hasOwn(props, key)) {
          out.push(...expand(props[key]));
          matched = true;
        }
        const patterns = s.patternProperties as Record<string, unknown> | undefined;
        if (patterns && typeof patterns === 'object') {
          for (const [src, sub] of Object.entries(patterns)) {
            if (regex(src)?.test(key)) {
              out.push(...expand(sub));
              matched = true;
            }
          }
        }
        if (!matched) out.push(...expand(s.additionalProperties));
      }
      return out;
    },
    isSecret: (candidates) => candidates.some((s) => s['x-secret'] === true),
    coercionTargets(candidates) {
      const types = new Set<string>();
      let constrained = false;
      for (const s of candidates) {
        const t = s.type;
        if (typeof t === 'string') types.add(t);
        else if (Array.isArray(t)) for (const x of t) types.add(String(x));
        else continue;
        constrained = true;
      }
      if (!constrained || types.has('string')) return [];
      const out: Array<'integer' | 'number' | 'boolean'> = [];
      if (types.has('integer')) out.push('integer');
      if (types.has('number')) out.push('number');
      if (types.has('boolean')) out.push('boolean');
      return out;
    },
  };
}

/** Where and how a string scalar is being substituted. */
export interface SubstitutionField {
  /** The field's schema has `"x-secret": true`. */
  secret: boolean;
  /** Scalar types a whole-scalar `${VAR}` is coerced to (see SchemaNavigator.coercionTargets). */
  coerce: ReadonlyArray<'integer' | 'number' | 'boolean'>;
}

/** Environment and file access used by substitution. */
export interface SubstitutionContext {
  env: Record<string, string | undefined>;
  /** Reads a secret file as UTF-8 text; throws when unreadable. */
  readFile: (path: string) => string;
  /** Directory that relative `file:` references are resolved against. */
  baseDir: string;
}

/** The result of substituting one scalar. `secrets` lists values loggers must redact. */
export type SubstitutionResult =
  | { ok: true; value: string | number | boolean; secrets: string[] }
  | { ok: false; message: string };

const kVarName = /^([A-Za-z_][A-Za-z0-9_]*)(?::-([\s\S]*))?$/;
const kWholeRef = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?::-[^}]*)?\}$/;
const kInteger = /^-?\d+$/;
const kNumber = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Expands `${VAR}`, `${VAR:-default}` (default when unset or empty) and the `$${` escape in
 * one string. Unset variables without a default are errors. Returns the env values used so
 * secret fields can report them.
 *
 * @example
 * expandEnv('http://${HOST:-localhost}:8080', { env: {} }); // { ok: true, value: 'http://localhost:8080', used: [] }
 */
export function expandEnv(
  raw: string,
  env: Record<string, string | undefined>,
): { ok: true; value: string; used: string[] } | { ok: false; message: string } {
  if (!raw.includes('$')) return { ok: true, value: raw, used: [] };
  let out = '';
  const used: string[] = [];
  let i = 0;
  while (i < raw.length) {
    const at = raw.indexOf('$', i);
    if (at < 0) {
      out += raw.slice(i);
      break;
    }
    out += raw.slice(i, at);
    if (raw.startsWith('$${', at)) {
      out += '${';
      i = at + 3;
      continue;
    }
    if (!raw.startsWith('${', at)) {
      out += '$';
      i = at + 1;
      continue;
    }
    const end = raw.indexOf('}', at + 2);
    if (end < 0) return { ok: false, message: 'unterminated "${" (write "$${" for a literal "${")' };
    const inner = raw.slice(at + 2, end);
    const m = kVarName.exec(inner);
    if (!m) {
      return {
        ok: false,
        message: `invalid variable reference "\${${inner.slice(0, 64)}}" (expected \${NAME} or \${NAME:-default})`,
      };
    }
    const name = m[1]!;
    // Own string properties only: `${toString}` must not reach Object.prototype.
    const own = Object.hasOwn(env, name) ? env[name] : undefined;
    const value = typeof own === 'string' ? own : undefined;
    if (m[2] !== undefined) {
      if (value === undefined || value === '') out += m[2];
      else {
        out += value;
        used.push(value);
      }
    } else if (value === undefined) {
      return { ok: false, message: `environment variable ${name} is not set` };
    } else {
      out += value;
      used.push(value);
    }
    i = end + 1;
  }
  return { ok: true, value: out, used };
}

function coerce(
  s: string,
  targets: ReadonlyArray<'integer' | 'number' | 'boolean'>,
): string | number | boolean | undefined {
  for (const t of targets) {
    if (t === 'integer' && kInteger.test(s)) {
      const n = Number(s);
      if (Number.isSafeInteger(n)) return n;
    } else if (t === 'number' && kNumber.test(s)) {
      const n = Number(s);
      if (Number.isFinite(n)) return n;
    } else if (t === 'boolean' && (s === 'true' || s === 'false')) return s === 'true';
  }
  return undefined;
}

const kTargetNames = { integer: 'an integer', number: 'a number', boolean: 'true or false' } as const;

/**
 * Substitutes one string scalar:
 * - `${VAR}`, `${VAR:-default}` and `$${` are expanded (see expandEnv);
 * - when the whole scalar is one `${VAR}` reference and the field wants an integer, number or
 *   boolean (and not a string), the result is converted strictly (`/^-?\d+$/`, decimal
 *   numbers, `true`/`false`) or reported as an error;
 * - in a secret field, a scalar `file:/abs/path` or `file:relative/path` (relative to
 *   `ctx.baseDir`, env references allowed in the path) is replaced by the file's content
 *   minus one trailing newline. Unreadable, empty or oversized files are errors; messages
 *   never contain file content or env values.
 *
 * @example
 * substituteScalar('${PORT}', { secret: false, coerce: ['integer'] }, ctx); // { ok: true, value: 8080, secrets: [] }
 */
export function substituteScalar(
  raw: string,
  field: SubstitutionField,
  ctx: SubstitutionContext,
): SubstitutionResult {
  if (field.secret && raw.startsWith('file:')) {
    const expanded = expandEnv(raw.slice(5), ctx.env);
    if (!expanded.ok) return expanded;
    const ref = expanded.value;
    if (ref === '') return { ok: false, message: 'empty "file:" reference' };
    const path = isAbsolute(ref) ? ref : resolvePath(ctx.baseDir, ref);
    let content: string;
    try {
      content = ctx.readFile(path);
    } catch (err) {
      const code = (err as { code?: unknown } | null)?.code;
      const why = typeof code === 'string' ? code : 'read failed';
      return { ok: false, message: `cannot read secret file ${JSON.stringify(path)} (${why})` };
    }
    if (Buffer.byteLength(content, 'utf8') > MAX_SECRET_FILE_BYTES) {
      return { ok: false, message: `secret file ${JSON.stringify(path)} is larger than 1 MiB` };
    }
    if (content.endsWith('\r\n')) content = content.slice(0, -2);
    else if (content.endsWith('\n')) content = content.slice(0, -1);
    if (content === '') return { ok: false, message: `secret file ${JSON.stringify(path)} is empty` };
    return { ok: true, value: content, secrets: [content] };
  }
  const expanded = expandEnv(raw, ctx.env);
  if (!expanded.ok) return expanded;
  const secrets = field.secret ? [...expanded.used, expanded.value].filter((s) => s !== '') : [];
  if (field.coerce.length > 0 && kWholeRef.test(raw)) {
    const v = coerce(expanded.value, field.coerce);
    if (v === undefined) {
      const name = raw.slice(2, raw.search(/[:}]/));
      return {
        ok: false,
        message: `\${${name}} must expand to ${field.coerce.map((t) => kTargetNames[t]).join(' or ')}`,
      };
    }
    return { ok: true, value: v, secrets: [] };
  }
  return { ok: true, value: expanded.value, secrets };
}
