/**
 * Parameter serialization (OpenAPI `style`/`explode`) → values for validation. Pure functions: strings in,
 * strings / arrays / objects of strings out; the compiled Ajv validator coerces them to the declared types.
 */

/** The shape a parameter's schema declares, which decides how its serialization is split. */
export type ParamKind = 'primitive' | 'array' | 'object';

/** A compiled parameter description (what the parser needs). */
export interface ParamSpec {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly style: string;
  readonly explode: boolean;
  readonly kind: ParamKind;
  /** Declared property names of an object parameter (form/explode claims these query names). */
  readonly properties: readonly string[];
  /** `content: application/json` parameter: the value is JSON. */
  readonly json: boolean;
}

/** Default style per location (OpenAPI 3 §4.8.12.4). */
export function defaultStyle(location: ParamSpec['in']): string {
  return location === 'query' || location === 'cookie' ? 'form' : 'simple';
}

/** Thrown for a value that cannot be decoded (bad percent-encoding, bad JSON); maps to a 400. */
export class ParamDecodeError extends Error {
  readonly keyword: string;
  constructor(keyword: string) {
    super(keyword);
    this.keyword = keyword;
  }
}

/** Percent-decodes a query component (`+` is a space). */
export function decodeQueryComponent(s: string): string {
  const t = s.includes('+') ? s.replaceAll('+', ' ') : s;
  if (!t.includes('%')) return t;
  try {
    return decodeURIComponent(t);
  } catch {
    throw new ParamDecodeError('encoding');
  }
}

/** Percent-decodes a path segment. */
export function decodePathComponent(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    throw new ParamDecodeError('encoding');
  }
}

/** Splits a raw query string into decoded `[name, value]` pairs, bounded to `maxPairs`. */
export function parseQuery(raw: string, maxPairs = 1000): [string, string][] {
  const out: [string, string][] = [];
  if (raw === '') return out;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    if (out.length >= maxPairs) throw new ParamDecodeError('maxParameters');
    const eq = part.indexOf('=');
    const name = decodeQueryComponent(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : decodeQueryComponent(part.slice(eq + 1));
    out.push([name, value]);
  }
  return out;
}

/** Cookie header → `[name, value]` pairs (RFC 6265 `; ` separated, values not decoded beyond %XX). */
export function parseCookies(header: string | string[] | undefined): [string, string][] {
  const out: [string, string][] = [];
  if (header === undefined) return out;
  const all = Array.isArray(header) ? header.join('; ') : header;
  for (const part of all.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    out.push([name, decodePathComponent(value)]);
  }
  return out;
}

function pairsToObject(parts: readonly string[]): Record<string, string> {
  const obj: Record<string, string> = Object.create(null);
  for (let i = 0; i + 1 < parts.length; i += 2) obj[parts[i]!] = parts[i + 1]!;
  return { ...obj };
}

function kvToObject(parts: readonly string[]): Record<string, string> {
  const obj: Record<string, string> = {};
  for (const p of parts) {
    const eq = p.indexOf('=');
    if (eq === -1) throw new ParamDecodeError('style');
    Object.defineProperty(obj, p.slice(0, eq), {
      value: p.slice(eq + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return obj;
}

/** Deepest JSON nesting validated; deeper documents are refused before validation (stack safety). */
export const DEFAULT_MAX_JSON_DEPTH = 64;

/**
 * True when the JSON text nests arrays/objects deeper than `max` (one linear scan, strings skipped). Run before
 * `JSON.parse` + validation so recursive schemas cannot exhaust the stack.
 */
export function jsonDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}

function parseJson(s: string): unknown {
  if (jsonDepthExceeds(s, DEFAULT_MAX_JSON_DEPTH)) throw new ParamDecodeError('depth');
  try {
    return JSON.parse(s);
  } catch {
    throw new ParamDecodeError('syntax');
  }
}

/**
 * Deserializes a `simple` / `label` / `matrix` value (path and header parameters). `raw` is already
 * percent-decoded for headers; path segments are decoded here per component.
 */
export function parseSimple(p: ParamSpec, raw: string, decode: boolean): unknown {
  const dec = decode ? decodePathComponent : (s: string) => s;
  if (p.json) return parseJson(dec(raw));
  let s = raw;
  let sep = ',';
  if (p.style === 'label') {
    if (!s.startsWith('.')) throw new ParamDecodeError('style');
    s = s.slice(1);
    if (p.explode) sep = '.';
  } else if (p.style === 'matrix') {
    const prefix = `;${p.name}=`;
    if (p.kind === 'object' && p.explode) {
      if (!s.startsWith(';')) throw new ParamDecodeError('style');
      return kvToObject(s.slice(1).split(';').map(dec));
    }
    if (p.kind === 'array' && p.explode) {
      const items = s.split(';').slice(1);
      return items.map((i) => {
        if (!i.startsWith(`${p.name}=`)) throw new ParamDecodeError('style');
        return dec(i.slice(p.name.length + 1));
      });
    }
    if (!s.startsWith(prefix)) throw new ParamDecodeError('style');
    s = s.slice(prefix.length);
  }
  if (p.kind === 'primitive') return dec(s);
  const parts = s === '' ? [] : s.split(sep).map(dec);
  if (p.kind === 'array') return parts;
  return p.explode ? kvToObject(parts) : pairsToObject(parts);
}

/** Sets `obj[path...] = value` for deepObject keys, bounded in depth. */
function setDeep(obj: Record<string, unknown>, path: readonly string[], value: string): void {
  let cur = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const k = path[i]!;
    const next = Object.hasOwn(cur, k) ? cur[k] : undefined;
    if (next === undefined || typeof next !== 'object' || next === null) {
      const created: Record<string, unknown> = {};
      Object.defineProperty(cur, k, { value: created, enumerable: true, writable: true, configurable: true });
      cur = created;
    } else cur = next as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  const prev = Object.hasOwn(cur, last) ? cur[last] : undefined;
  const v = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  Object.defineProperty(cur, last, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * Extracts the query parameters declared in `params` from decoded pairs. Returns the values by name and the
 * set of pair indexes claimed (pairs not claimed are undeclared parameters).
 */
export function extractQuery(
  params: readonly ParamSpec[],
  pairs: readonly [string, string][],
): { values: Record<string, unknown>; claimed: Set<number> } {
  const values: Record<string, unknown> = {};
  const claimed = new Set<number>();
  const set = (name: string, v: unknown) =>
    Object.defineProperty(values, name, { value: v, enumerable: true, writable: true, configurable: true });
  for (const p of params) {
    if (p.style === 'deepObject') {
      const obj: Record<string, unknown> = {};
      let found = false;
      const prefix = `${p.name}[`;
      pairs.forEach(([n, v], i) => {
        if (!n.startsWith(prefix) || !n.endsWith(']')) return;
        const path = n.slice(prefix.length, -1).split('][');
        if (path.length > 8 || path.some((s) => s === '' || s.includes('[') || s.includes(']'))) {
          throw new ParamDecodeError('style');
        }
        claimed.add(i);
        found = true;
        setDeep(obj, path, v);
      });
      if (found) set(p.name, obj);
      continue;
    }
    if (p.kind === 'object' && p.explode && !p.json) {
      const obj: Record<string, unknown> = {};
      let found = false;
      pairs.forEach(([n, v], i) => {
        if (!p.properties.includes(n)) return;
        claimed.add(i);
        found = true;
        setDeep(obj, [n], v);
      });
      if (found) set(p.name, obj);
      continue;
    }
    const mine: string[] = [];
    pairs.forEach(([n, v], i) => {
      if (n !== p.name) return;
      claimed.add(i);
      mine.push(v);
    });
    if (mine.length === 0) continue;
    if (p.json) {
      set(p.name, mine.length === 1 ? parseJson(mine[0]!) : mine.map(parseJson));
      continue;
    }
    if (p.kind === 'array') {
      if (p.explode) set(p.name, mine);
      else {
        const sep = p.style === 'spaceDelimited' ? ' ' : p.style === 'pipeDelimited' ? '|' : ',';
        set(
          p.name,
          mine.flatMap((m) => (m === '' ? [] : m.split(sep))),
        );
      }
    } else if (p.kind === 'object') {
      // form, explode=false: `name=k1,v1,k2,v2`
      if (mine.length > 1) throw new ParamDecodeError('style');
      set(p.name, pairsToObject(mine[0]!.split(',')));
    } else set(p.name, mine.length === 1 ? mine[0] : mine);
  }
  return { values, claimed };
}

/** Extracts cookie parameters (style form) from the Cookie header. */
export function extractCookies(
  params: readonly ParamSpec[],
  header: string | string[] | undefined,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (params.length === 0) return values;
  const pairs = parseCookies(header);
  for (const p of params) {
    const found = pairs.filter(([n]) => n === p.name).map(([, v]) => v);
    if (found.length === 0) continue;
    const v = found[0]!;
    let parsed: unknown;
    if (p.json) parsed = parseJson(v);
    else if (p.kind === 'array') parsed = v === '' ? [] : v.split(',');
    else if (p.kind === 'object') parsed = pairsToObject(v.split(','));
    else parsed = found.length === 1 ? v : found;
    Object.defineProperty(values, p.name, {
      value: parsed,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return values;
}
