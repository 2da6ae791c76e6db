import type { HeaderMap } from '../pipeline/types.ts';
import { aliasSpellings, decodeAliased, type ParsedPattern, parsePattern } from './pattern.ts';
import type { RouteMatch, Router, RouteSpec } from './types.ts';

type Result<T> = RouteMatch<T>;

const EMPTY_PARAMS: Readonly<Record<string, string>> = Object.freeze({});
const NOT_FOUND = Object.freeze({ kind: 'not-found' as const });

const METHOD = /^[A-Z0-9!#$%&'*+.^_`|~-]+$/;
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const HOST = /^(?:\*\.)?[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$|^\[[0-9a-f:.]+\]$/;

// FNV-1a over UTF-16 code units, masked to stay a small integer (a V8 Smi) so Map lookups never box.
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const HASH_MASK = 0x3fffffff;

interface HeaderCondition {
  readonly name: string;
  readonly values: readonly string[];
}

/** The parts of a route that do not depend on the path pattern. */
interface RouteBase<T> {
  readonly route: RouteSpec<T>;
  readonly index: number;
  readonly methods: ReadonlySet<string> | null;
  readonly methodList: readonly string[];
  readonly headers: readonly HeaderCondition[] | null;
  readonly headerKey: string;
}

/** One route reachable through one spelling of one of its path patterns. */
class Candidate<T> {
  readonly base: RouteBase<T>;
  readonly route: RouteSpec<T>;
  readonly methods: ReadonlySet<string> | null;
  readonly headers: readonly HeaderCondition[] | null;
  /** The pattern as written (reported as `matchedPath`). */
  readonly pattern: string;
  /** The spelling registered (differs from `pattern` for reserved-character aliases). */
  readonly spelling: string;
  readonly paramNames: readonly string[];
  /** Precomputed frozen result for exact and prefix routes; null when params must be captured. */
  readonly fixed: Result<T> | null;

  constructor(
    base: RouteBase<T>,
    pattern: string,
    spelling: string,
    paramNames: readonly string[],
    prefix: string | undefined,
  ) {
    this.base = base;
    this.route = base.route;
    this.methods = base.methods;
    this.headers = base.headers;
    this.pattern = pattern;
    this.spelling = spelling;
    this.paramNames = paramNames;
    this.fixed =
      paramNames.length === 0
        ? Object.freeze({
            kind: 'match',
            route: base.route,
            params: EMPTY_PARAMS,
            matchedPath: pattern,
            prefix,
          })
        : null;
  }
}

/** Routes sharing one host table and one path (same spelling, or same parameter shape). */
class Group<T> {
  readonly candidates: Candidate<T>[] = [];
  /** 405 answer precomputed when no candidate has header conditions. */
  notAllowed: Result<T> | null = null;

  add(c: Candidate<T>, hostLabel: string): void {
    for (const e of this.candidates) {
      if (e.base.headerKey !== c.base.headerKey || !methodsOverlap(e.base, c.base)) continue;
      const what = e.spelling === c.spelling ? `"${c.pattern}"` : `"${c.pattern}" (spelled "${c.spelling}")`;
      const other = e.route === c.route ? 'itself' : `route "${e.route.name}"`;
      throw new TypeError(
        `route "${c.route.name}": path ${what} on ${hostLabel} duplicates "${e.pattern}" of ${other} ` +
          '(same methods and header conditions)',
      );
    }
    this.candidates.push(c);
  }

  finish(): void {
    // Header conditions first (more conditions first), then method-specific before any-method, then
    // declaration order.
    this.candidates.sort(
      (a, b) =>
        (b.headers?.length ?? 0) - (a.headers?.length ?? 0) ||
        (a.methods === null ? 1 : 0) - (b.methods === null ? 1 : 0) ||
        a.base.index - b.base.index,
    );
    if (this.candidates.every((c) => c.headers === null)) {
      this.notAllowed = Object.freeze({ kind: 'method-not-allowed', allow: Object.freeze(this.allowed({})) });
    }
  }

  /** Sorted union of the methods of the candidates whose header conditions hold. */
  allowed(headers: HeaderMap): string[] {
    const set = new Set<string>();
    for (const c of this.candidates) {
      if (c.headers !== null && !headersMatch(c.headers, headers)) continue;
      for (const m of c.base.methodList) set.add(m);
    }
    return [...set].sort();
  }
}

function methodsOverlap(a: RouteBase<unknown>, b: RouteBase<unknown>): boolean {
  if (a.methods === null || b.methods === null) return a.methods === b.methods;
  for (const m of a.methods) if (b.methods.has(m)) return true;
  return false;
}

function headersMatch(conds: readonly HeaderCondition[], headers: HeaderMap): boolean {
  for (let i = 0; i < conds.length; i++) {
    const cond = conds[i]!;
    const v = headers[cond.name];
    if (v === undefined) return false;
    if (typeof v === 'string') {
      if (!cond.values.includes(v)) return false;
    } else {
      let any = false;
      for (let k = 0; k < v.length && !any; k++) any = cond.values.includes(v[k]!);
      if (!any) return false;
    }
  }
  return true;
}

/**
 * Picks the first candidate whose headers and method accept the request. Returns null when no candidate's
 * header conditions hold (matching continues with less specific paths), and a 405 when some do but none
 * accepts the method (matching stops: a method never falls through to a less specific route).
 */
function select<T>(g: Group<T>, method: string, headers: HeaderMap): Candidate<T> | Result<T> | null {
  const cs = g.candidates;
  let eligible = false;
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c.headers !== null && !headersMatch(c.headers, headers)) continue;
    if (c.methods === null || c.methods.has(method)) return c;
    eligible = true;
  }
  if (!eligible) return null;
  return g.notAllowed ?? { kind: 'method-not-allowed', allow: g.allowed(headers) };
}

interface Edge<T> {
  readonly seg: string;
  readonly node: Node<T>;
  readonly next: Edge<T> | null;
}

/** A segment-trie node (parameter trie and prefix trie). */
class Node<T> {
  /** Static children keyed by segment hash; collisions chain through `next`. */
  statics: Map<number, Edge<T>> | null = null;
  param: Node<T> | null = null;
  group: Group<T> | null = null;
  /** Prefix trie: nearest ancestor that has a group. */
  up: Node<T> | null = null;

  child(seg: string): Node<T> {
    const h = hashOf(seg);
    this.statics ??= new Map();
    const head = this.statics.get(h) ?? null;
    for (let e = head; e !== null; e = e.next) if (e.seg === seg) return e.node;
    const node = new Node<T>();
    this.statics.set(h, { seg, node, next: head });
    return node;
  }

  paramChild(): Node<T> {
    this.param ??= new Node<T>();
    return this.param;
  }
}

/** Hash of a path segment as the tries key it (exported for tests that need colliding segments). */
export function hashOf(seg: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < seg.length; i++) h = Math.imul(h ^ seg.charCodeAt(i), FNV_PRIME);
  return h & HASH_MASK;
}

function findChild<T>(
  statics: Map<number, Edge<T>>,
  path: string,
  start: number,
  end: number,
  h: number,
): Node<T> | null {
  for (let e = statics.get(h & HASH_MASK) ?? null; e !== null; e = e.next) {
    if (e.seg.length === end - start && path.startsWith(e.seg, start)) return e.node;
  }
  return null;
}

/**
 * Depth-first walk of the parameter trie. `pos` is the index of the `/` opening the next segment (or the
 * path length). Static children are tried before the parameter child; parameter bounds go to `scratch`.
 */
function walk<T>(
  node: Node<T>,
  path: string,
  pos: number,
  n: number,
  method: string,
  headers: HeaderMap,
  scratch: Int32Array,
): Result<T> | null {
  const len = path.length;
  if (pos === len) {
    if (node.group === null) return null;
    const c = select(node.group, method, headers);
    if (!(c instanceof Candidate)) return c;
    const params: Record<string, string> = {};
    const names = c.paramNames;
    for (let k = 0; k < names.length; k++) params[names[k]!] = path.slice(scratch[2 * k], scratch[2 * k + 1]);
    return { kind: 'match', route: c.route, params, matchedPath: c.pattern, prefix: undefined };
  }
  const start = pos + 1;
  let end = start;
  let h = FNV_OFFSET;
  for (; end < len; end++) {
    const ch = path.charCodeAt(end);
    if (ch === 0x2f) break;
    h = Math.imul(h ^ ch, FNV_PRIME);
  }
  if (node.statics !== null) {
    const child = findChild(node.statics, path, start, end, h);
    if (child !== null) {
      const r = walk(child, path, end, n, method, headers, scratch);
      if (r !== null) return r;
    }
  }
  if (node.param !== null && end > start) {
    scratch[2 * n] = start;
    scratch[2 * n + 1] = end;
    return walk(node.param, path, end, n + 1, method, headers, scratch);
  }
  return null;
}

interface RegexEntry<T> {
  readonly source: string;
  readonly regex: RegExp;
  readonly group: Group<T>;
}

/** All routes of one host (exact host, one wildcard suffix, or any host). */
class HostTable<T> {
  readonly label: string;
  readonly exact = new Map<string, Group<T>>();
  trie: Node<T> | null = null;
  prefixRoot: Node<T> | null = null;
  readonly regex: RegexEntry<T>[] = [];
  readonly groups: Group<T>[] = [];

  constructor(label: string) {
    this.label = label;
  }

  #group(holder: { group: Group<T> | null }): Group<T> {
    if (holder.group === null) {
      holder.group = new Group<T>();
      this.groups.push(holder.group);
    }
    return holder.group;
  }

  add(parsed: ParsedPattern, c: Candidate<T>): void {
    switch (parsed.kind) {
      case 'exact': {
        let g = this.exact.get(c.spelling);
        if (g === undefined) {
          g = new Group<T>();
          this.exact.set(c.spelling, g);
          this.groups.push(g);
        }
        g.add(c, this.label);
        return;
      }
      case 'param': {
        let node = (this.trie ??= new Node<T>());
        for (const seg of c.spelling.slice(1).split('/')) {
          node = seg.startsWith('{') ? node.paramChild() : node.child(seg);
        }
        this.#group(node).add(c, this.label);
        return;
      }
      case 'prefix': {
        let node = (this.prefixRoot ??= new Node<T>());
        if (c.spelling !== '') for (const seg of c.spelling.slice(1).split('/')) node = node.child(seg);
        this.#group(node).add(c, this.label);
        return;
      }
      case 'regex': {
        let entry = this.regex.find((e) => e.source === parsed.source);
        if (entry === undefined) {
          entry = { source: parsed.source, regex: parsed.regex, group: new Group<T>() };
          this.regex.push(entry);
          this.groups.push(entry.group);
        }
        entry.group.add(c, this.label);
        return;
      }
    }
  }

  finish(): void {
    for (const g of this.groups) g.finish();
    if (this.prefixRoot !== null) linkUp(this.prefixRoot, null);
  }

  match(method: string, path: string, headers: HeaderMap, scratch: Int32Array): Result<T> | null {
    const g = this.exact.get(path);
    if (g !== undefined) {
      const c = select(g, method, headers);
      if (c !== null) return c instanceof Candidate ? c.fixed! : c;
    }
    if (this.trie !== null) {
      const r = walk(this.trie, path, 0, 0, method, headers, scratch);
      if (r !== null) return r;
    }
    if (this.prefixRoot !== null) {
      const r = this.#matchPrefix(this.prefixRoot, method, path, headers);
      if (r !== null) return r;
    }
    if (this.regex.length !== 0) return this.#matchRegex(method, path, headers);
    return null;
  }

  /** Longest prefix first, then shorter ones (via `up`) when header conditions rule a group out. */
  #matchPrefix(root: Node<T>, method: string, path: string, headers: HeaderMap): Result<T> | null {
    const len = path.length;
    let node = root;
    let best = root.group !== null ? root : null;
    let pos = 0;
    while (pos < len && node.statics !== null) {
      const start = pos + 1;
      let end = start;
      let h = FNV_OFFSET;
      for (; end < len; end++) {
        const ch = path.charCodeAt(end);
        if (ch === 0x2f) break;
        h = Math.imul(h ^ ch, FNV_PRIME);
      }
      const child = findChild(node.statics, path, start, end, h);
      if (child === null) break;
      node = child;
      if (node.group !== null) best = node;
      pos = end;
    }
    for (let b = best; b !== null; b = b.up) {
      const c = select(b.group!, method, headers);
      if (c !== null) return c instanceof Candidate ? c.fixed! : c;
    }
    return null;
  }

  /** Declaration order. Also tried on the path with reserved-character escapes decoded (see pattern.ts). */
  #matchRegex(method: string, path: string, headers: HeaderMap): Result<T> | null {
    let decoded: string | undefined;
    for (const e of this.regex) {
      let m = e.regex.exec(path);
      if (m === null && path.includes('%')) {
        decoded ??= decodeAliased(path);
        if (decoded !== path) m = e.regex.exec(decoded);
      }
      if (m === null) continue;
      const c = select(e.group, method, headers);
      if (c === null) continue;
      if (!(c instanceof Candidate)) return c;
      const params: Record<string, string> = {};
      if (m.groups !== undefined) {
        for (const k of Object.keys(m.groups)) {
          const v = m.groups[k];
          if (v !== undefined) params[k] = v;
        }
      }
      return { kind: 'match', route: c.route, params, matchedPath: c.pattern, prefix: undefined };
    }
    return null;
  }
}

function linkUp<T>(node: Node<T>, up: Node<T> | null): void {
  node.up = up;
  const below = node.group !== null ? node : up;
  if (node.statics === null) return;
  for (const head of node.statics.values()) {
    for (let e: Edge<T> | null = head; e !== null; e = e.next) linkUp(e.node, below);
  }
}

interface WildEdge<T> {
  /** The suffix with its leading dot, e.g. `.example.com`. */
  readonly suffix: string;
  readonly table: HostTable<T>;
  readonly next: WildEdge<T> | null;
}

/**
 * FNV-1a of `s` read from its last character to its first, so host suffixes hash in one backward pass
 * (exported for tests that need colliding suffixes).
 */
export function reverseHashOf(s: string): number {
  let h = FNV_OFFSET;
  for (let i = s.length - 1; i >= 0; i--) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h & HASH_MASK;
}

class CompiledRouter<T> implements Router<T> {
  readonly #exactHosts: Map<string, HostTable<T>>;
  /** Wildcard tables keyed by the reverse hash of their suffix. */
  readonly #wildcards: Map<number, WildEdge<T>>;
  /** Most dots in a wildcard suffix: hosts are only scanned back that far. 0 when there are no wildcards. */
  readonly #wildDepth: number;
  /** Per dot found (right to left): its index and the reverse hash of the suffix starting there. */
  readonly #wildMarks: Int32Array;
  readonly #any: HostTable<T> | null;
  readonly #scratch: Int32Array;

  constructor(
    exactHosts: Map<string, HostTable<T>>,
    wildcards: Map<string, HostTable<T>>,
    any: HostTable<T> | null,
    maxParams: number,
  ) {
    this.#exactHosts = exactHosts;
    this.#wildcards = new Map();
    let depth = 0;
    for (const [suffix, table] of wildcards) {
      const h = reverseHashOf(suffix);
      this.#wildcards.set(h, { suffix, table, next: this.#wildcards.get(h) ?? null });
      depth = Math.max(depth, suffix.split('.').length - 1);
    }
    this.#wildDepth = depth;
    this.#wildMarks = new Int32Array(2 * depth);
    this.#any = any;
    this.#scratch = new Int32Array(2 * maxParams);
  }

  match(method: string, host: string, path: string, headers: HeaderMap): Result<T> {
    if (path.charCodeAt(0) !== 0x2f) return NOT_FOUND;
    const scratch = this.#scratch;
    const exact = this.#exactHosts.get(host);
    if (exact !== undefined) {
      const r = exact.match(method, path, headers, scratch);
      if (r !== null) return r;
    }
    if (this.#wildDepth !== 0) {
      const r = this.#matchWildcards(method, host, path, headers, scratch);
      if (r !== null) return r;
    }
    if (this.#any !== null) {
      const r = this.#any.match(method, path, headers, scratch);
      if (r !== null) return r;
    }
    return NOT_FOUND;
  }

  /**
   * One backward pass over the host hashes every suffix that starts at a dot with a non-empty label in
   * front (no slicing); the suffixes are then tried from the longest to the shortest.
   */
  #matchWildcards(
    method: string,
    host: string,
    path: string,
    headers: HeaderMap,
    scratch: Int32Array,
  ): Result<T> | null {
    const marks = this.#wildMarks;
    const depth = this.#wildDepth;
    const len = host.length;
    let count = 0;
    let h = FNV_OFFSET;
    for (let i = len - 1; i > 0 && count < depth; i--) {
      const ch = host.charCodeAt(i);
      h = Math.imul(h ^ ch, FNV_PRIME);
      if (ch !== 0x2e || host.charCodeAt(i - 1) === 0x2e) continue;
      marks[2 * count] = i;
      marks[2 * count + 1] = h & HASH_MASK;
      count++;
    }
    for (let k = count - 1; k >= 0; k--) {
      const start = marks[2 * k] as number;
      for (let e = this.#wildcards.get(marks[2 * k + 1] as number) ?? null; e !== null; e = e.next) {
        if (e.suffix.length !== len - start || !host.endsWith(e.suffix)) continue;
        const r = e.table.match(method, path, headers, scratch);
        if (r !== null) return r;
        break;
      }
    }
    return null;
  }
}

function compileBase<T>(route: RouteSpec<T>, index: number, fail: (msg: string) => TypeError): RouteBase<T> {
  let methods: Set<string> | null = null;
  if (route.methods !== undefined) {
    if (!Array.isArray(route.methods)) throw fail('methods must be an array');
    for (const m of route.methods) {
      if (typeof m !== 'string' || !METHOD.test(m))
        throw fail(`method "${String(m)}" must be an upper-case token`);
    }
    if (route.methods.length > 0) methods = new Set(route.methods);
  }
  let headers: HeaderCondition[] | null = null;
  if (route.headers !== undefined) {
    if (route.headers === null || typeof route.headers !== 'object' || Array.isArray(route.headers)) {
      throw fail('headers must be an object');
    }
    headers = [];
    for (const [name, value] of Object.entries(route.headers)) {
      if (!HEADER_NAME.test(name)) throw fail(`header name "${name}" must be a lower-case token`);
      const values = typeof value === 'string' ? [value] : value;
      if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== 'string')) {
        throw fail(`header "${name}" needs a string or a non-empty array of strings`);
      }
      headers.push({ name, values: [...new Set(values)].sort() });
    }
    headers.sort((a, b) => (a.name < b.name ? -1 : 1));
    if (headers.length === 0) headers = null;
  }
  return {
    route,
    index,
    methods,
    methodList: methods === null ? [] : [...methods].sort(),
    headers,
    headerKey: headers === null ? '' : JSON.stringify(headers),
  };
}

/** Host keys of a route: `=host` exact, `*suffix` wildcard (suffix starts with '.'), or null for any. */
function compileHosts(hosts: unknown, fail: (msg: string) => TypeError): (string | null)[] {
  if (hosts === undefined) return [null];
  if (!Array.isArray(hosts)) throw fail('hosts must be an array');
  if (hosts.length === 0) return [null];
  return hosts.map((h: unknown) => {
    if (typeof h !== 'string') throw fail('hosts must be strings');
    const host = h.toLowerCase();
    if (host === '*') throw fail('host "*" is not allowed; omit hosts to match any host');
    if (!HOST.test(host)) throw fail(`host "${h}" is not a valid host name or "*.suffix" wildcard`);
    return host.startsWith('*.') ? '*' + host.slice(1) : '=' + host;
  });
}

/**
 * Compiles routes into a matcher whose cost for exact, parameter and prefix routes does not grow with
 * the number of routes: a hash map per exact host, a hash map of wildcard suffixes, and per host a hash
 * map of exact paths plus segment tries (hashed children) for parameter and prefix patterns. Regex
 * routes are tried one by one, in declaration order, after everything else.
 *
 * Precedence, first to last:
 * 1. Host: the exact host, then wildcard hosts from the longest suffix to the shortest, then any-host
 *    routes. A host tier is left only when none of its paths match.
 * 2. Path, within a host: exact path; parameterized (a static segment beats a parameter at each level,
 *    backtracking on dead ends); the longest prefix (on segment boundaries); regex (declaration order,
 *    full match).
 * 3. Among routes with the same path (same host tier): routes with header conditions first (more
 *    conditions first), then routes with a method list, then routes without, in declaration order.
 *    Routes whose header conditions fail are skipped, and matching goes on with less specific paths.
 * 4. Methods: if routes with that path accept the headers but none accepts the method, the answer is
 *    `method-not-allowed` with the sorted union of their methods. A method mismatch never falls through
 *    to a less specific route (so `POST /admin/x` cannot slip from `/admin/*` to a catch-all `/*`).
 *
 * Reserved characters (sub-delims, `:`, `@`) in literal patterns also match their `%XX` spelling, and
 * regex routes also see the path with those escapes decoded, because upstreams that decode before
 * routing treat them alike (see pattern.ts). Paths are case-sensitive; hosts are not.
 * The route specs must not be mutated after compiling.
 *
 * @throws TypeError naming the route for an invalid spec or pattern, or for two routes with the same
 * host, path, overlapping methods and the same header conditions.
 *
 * @example
 * const router = compileRouter([
 *   { name: 'user', hosts: ['api.example.com'], paths: ['/users/{id}'], methods: ['GET'], data: 1 },
 *   { name: 'assets', paths: ['/static/*'], data: 2 },
 * ]);
 * router.match('GET', 'api.example.com', '/users/42', {}); // { kind: 'match', params: { id: '42' }, … }
 */
export function compileRouter<T>(routes: readonly RouteSpec<T>[]): Router<T> {
  if (!Array.isArray(routes)) throw new TypeError('compileRouter: routes must be an array');
  const exactHosts = new Map<string, HostTable<T>>();
  const wildcards = new Map<string, HostTable<T>>();
  let any: HostTable<T> | null = null;
  const tables: HostTable<T>[] = [];
  let maxParams = 0;

  const tableFor = (key: string | null): HostTable<T> => {
    if (key === null) {
      if (any === null) tables.push((any = new HostTable<T>('any host')));
      return any;
    }
    const map = key.startsWith('*') ? wildcards : exactHosts;
    const k = key.slice(1);
    let t = map.get(k);
    if (t === undefined) {
      t = new HostTable<T>(key.startsWith('*') ? `host "*${k}"` : `host "${k}"`);
      map.set(k, t);
      tables.push(t);
    }
    return t;
  };

  routes.forEach((route, index) => {
    const named = route !== null && typeof route === 'object' && typeof route.name === 'string' && route.name;
    const fail = (msg: string) => new TypeError(`route "${named || `#${index}`}": ${msg}`);
    if (!named) throw fail('name must be a non-empty string');
    const base = compileBase<T>(route, index, fail);
    const hostKeys = compileHosts(route.hosts, fail);
    if (!Array.isArray(route.paths) || route.paths.length === 0)
      throw fail('paths must be a non-empty array');
    for (const source of route.paths) {
      let parsed: ParsedPattern;
      let spellings: string[];
      try {
        parsed = parsePattern(source);
        if (parsed.kind === 'regex') spellings = [source];
        else if (parsed.kind === 'prefix')
          spellings = parsed.literal === '' ? [''] : aliasSpellings(parsed.literal);
        else spellings = aliasSpellings(source);
      } catch (err) {
        throw fail((err as Error).message);
      }
      const names = parsed.kind === 'param' ? parsed.paramNames : [];
      maxParams = Math.max(maxParams, names.length);
      for (const spelling of spellings) {
        const prefix = parsed.kind === 'prefix' ? spelling : undefined;
        const c = new Candidate<T>(base, source, spelling, names, prefix);
        for (const key of hostKeys) tableFor(key).add(parsed, c);
      }
    }
  });

  for (const t of tables) t.finish();
  return new CompiledRouter(exactHosts, wildcards, any, maxParams);
}
