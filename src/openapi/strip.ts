/**
 * The response property allowlist: removes from a parsed JSON response every object member the spec does not
 * declare, so undeclared fields (internal ids, debug data, a field added upstream by mistake) never leave.
 *
 * For an object value, the members kept are the union of `properties` over every schema that applies to it
 * (the schema itself and its `allOf`/`anyOf`/`oneOf`/`if`/`then`/`else` members, through `$ref`s); members
 * matching `patternProperties` are kept; others are kept only where a schema allows them explicitly
 * (`additionalProperties: true` or a schema). An object schema that declares neither `properties` nor
 * `patternProperties` nor `additionalProperties` is free-form and kept as is. `writeOnly` members are removed.
 */
import { compilePattern } from './regexp.ts';
import { KW_WRITE_ONLY } from './schema.ts';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Looks a registered (translated) schema up by its internal id. */
export type SchemaLookup = (id: string) => Obj | boolean | undefined;

const MAX_DEPTH = 64;

/** Collects the schemas that apply to one value: `schema` and its applicators, refs followed. */
function views(schema: unknown, lookup: SchemaLookup, out: Obj[], depth: number): void {
  if (!isObject(schema) || depth > MAX_DEPTH) return;
  if (typeof schema.$ref === 'string') views(lookup(schema.$ref), lookup, out, depth + 1);
  out.push(schema);
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    const arr = schema[k];
    if (Array.isArray(arr)) for (const s of arr) views(s, lookup, out, depth + 1);
  }
  for (const k of ['if', 'then', 'else'] as const) views(schema[k], lookup, out, depth + 1);
}

/**
 * Removes undeclared members from `data` (in place) according to `schema` (a translated schema). Returns the
 * number of members removed.
 *
 * @example
 * const removed = stripUndeclared(body, compiledResponseSchema, (id) => compiler.lookup(id));
 */
export function stripUndeclared(data: unknown, schema: unknown, lookup: SchemaLookup): number {
  return strip(data, [schema], lookup, 0);
}

function strip(data: unknown, schemas: readonly unknown[], lookup: SchemaLookup, depth: number): number {
  if (data === null || typeof data !== 'object' || depth > MAX_DEPTH) return 0;
  const vs: Obj[] = [];
  for (const s of schemas) views(s, lookup, vs, 0);
  let removed = 0;
  if (Array.isArray(data)) {
    const items: unknown[] = [];
    const prefix: unknown[][] = [];
    for (const v of vs) {
      if (Array.isArray(v.prefixItems)) {
        for (let i = 0; i < v.prefixItems.length; i++) (prefix[i] ??= []).push(v.prefixItems[i]);
      }
      if (Array.isArray(v.items))
        for (let i = 0; i < v.items.length; i++) (prefix[i] ??= []).push(v.items[i]);
      else if (v.items !== undefined) items.push(v.items);
    }
    for (let i = 0; i < data.length; i++) {
      const list = [...(prefix[i] ?? []), ...items];
      if (list.length > 0) removed += strip(data[i], list, lookup, depth + 1);
    }
    return removed;
  }
  const obj = data as Obj;
  const declared = new Map<string, unknown[]>();
  const patterns: [string, unknown][] = [];
  const additional: unknown[] = [];
  let constrained = false;
  let keepAll = false;
  const forbidden = new Set<string>();
  for (const v of vs) {
    if (isObject(v.properties)) {
      constrained = true;
      for (const [k, s] of Object.entries(v.properties)) {
        if (isObject(s) && s[KW_WRITE_ONLY] === true) forbidden.add(k);
        else {
          let list = declared.get(k);
          if (list === undefined) declared.set(k, (list = []));
          list.push(s);
        }
      }
    }
    if (isObject(v.patternProperties)) {
      constrained = true;
      for (const [p, s] of Object.entries(v.patternProperties)) patterns.push([p, s]);
    }
    if (v.additionalProperties !== undefined) {
      constrained = true;
      if (v.additionalProperties === true) keepAll = true;
      else if (isObject(v.additionalProperties)) additional.push(v.additionalProperties);
    }
  }
  if (!constrained) return 0;
  for (const key of Object.keys(obj)) {
    if (forbidden.has(key) && !declared.has(key)) {
      delete obj[key];
      removed++;
      continue;
    }
    const own = declared.get(key);
    const matched: unknown[] = own ? [...own] : [];
    for (const [p, s] of patterns) if (compilePattern(p).test(key)) matched.push(s);
    if (matched.length === 0) {
      if (additional.length > 0) matched.push(...additional);
      else if (!keepAll) {
        delete obj[key];
        removed++;
        continue;
      }
    }
    if (matched.length > 0) removed += strip(obj[key], matched, lookup, depth + 1);
  }
  return removed;
}
