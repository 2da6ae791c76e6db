import { definePolicy, type PolicyInstance } from '../../pipeline/types.ts';
import {
  assertHeaderName,
  assertHeaderValue,
  assertWritableHeaderName,
  PROTECTED_HEADERS,
} from './hygiene.ts';
import { type HeadersConfig, HeadersSchema } from './schema.ts';

type HeaderBag = Record<string, string | string[]>;
type Side = HeadersConfig['request'];

/** Compiled operations for one side (request or response). */
interface CompiledOps {
  readonly removeExact: readonly string[];
  readonly removePrefixes: readonly string[];
  readonly rename: readonly (readonly [string, string])[];
  readonly set: readonly (readonly [string, string])[];
  readonly add: readonly (readonly [string, string])[];
}

function compilePairs(
  record: Record<string, string>,
  where: string,
  checkValue: boolean,
): (readonly [string, string])[] {
  const seen = new Set<string>();
  const out: (readonly [string, string])[] = [];
  for (const [rawName, rawValue] of Object.entries(record)) {
    const name = assertWritableHeaderName(rawName, where);
    if (seen.has(name)) throw new TypeError(`${where}: header ${JSON.stringify(name)} is listed twice`);
    seen.add(name);
    const value = checkValue
      ? assertHeaderValue(rawValue, `${where}[${JSON.stringify(name)}]`)
      : assertWritableHeaderName(rawValue, `${where}[${JSON.stringify(name)}]`);
    out.push(Object.freeze([name, value] as const));
  }
  return out;
}

function compileSide(side: Side, label: string): CompiledOps {
  const removeExact: string[] = [];
  const removePrefixes: string[] = [];
  for (const entry of side.remove) {
    if (typeof entry === 'string' && entry.indexOf('*') !== entry.length - 1 && entry.includes('*')) {
      throw new TypeError(`${label}.remove: ${JSON.stringify(entry)} may only use "*" at the end`);
    }
    if (typeof entry === 'string' && entry.endsWith('*')) {
      const prefix = entry.slice(0, -1);
      if (prefix === '') throw new TypeError(`${label}.remove: a bare "*" would remove every header`);
      // Protected headers that happen to share the prefix are skipped at run time.
      removePrefixes.push(assertHeaderName(prefix, `${label}.remove`));
    } else {
      removeExact.push(assertWritableHeaderName(entry, `${label}.remove`));
    }
  }
  const rename = compilePairs(side.rename, `${label}.rename`, false);
  const sources = new Set(rename.map(([from]) => from));
  for (const [from, to] of rename) {
    if (from === to) throw new TypeError(`${label}.rename: ${JSON.stringify(from)} is renamed to itself`);
    if (sources.has(to)) {
      throw new TypeError(`${label}.rename: ${JSON.stringify(to)} is both a rename source and a target`);
    }
  }
  const set = compilePairs(side.set, `${label}.set`, true);
  const add = compilePairs(side.add, `${label}.add`, true);
  const setNames = new Set(set.map(([n]) => n));
  for (const [name] of add) {
    if (setNames.has(name)) throw new TypeError(`${label}: ${JSON.stringify(name)} is in both add and set`);
  }
  return Object.freeze({
    removeExact: Object.freeze(removeExact),
    removePrefixes: Object.freeze(removePrefixes),
    rename: Object.freeze(rename),
    set: Object.freeze(set),
    add: Object.freeze(add),
  });
}

function isEmpty(ops: CompiledOps): boolean {
  return (
    ops.removeExact.length +
      ops.removePrefixes.length +
      ops.rename.length +
      ops.set.length +
      ops.add.length ===
    0
  );
}

/** Applies compiled operations to a header bag in place: remove, rename, set, add. */
function apply(ops: CompiledOps, headers: HeaderBag): void {
  for (const name of ops.removeExact) delete headers[name];
  if (ops.removePrefixes.length > 0) {
    for (const key of Object.keys(headers)) {
      if (PROTECTED_HEADERS.has(key)) continue;
      for (const prefix of ops.removePrefixes) {
        if (key.startsWith(prefix)) {
          delete headers[key];
          break;
        }
      }
    }
  }
  for (const [from, to] of ops.rename) {
    const value = headers[from];
    if (value === undefined) continue;
    delete headers[from];
    headers[to] = value;
  }
  for (const [name, value] of ops.set) headers[name] = value;
  for (const [name, value] of ops.add) if (headers[name] === undefined) headers[name] = value;
}

/**
 * `headers`: adds, sets, removes (with `prefix-*` wildcards) and renames headers on the request sent
 * upstream and on the response sent to the client. Names and values are validated at config load:
 * invalid tokens, CR/LF/NUL, hop-by-hop headers, `host` and `content-length` are refused.
 *
 * @example
 * headers:
 *   request:
 *     set: { x-env: prod }
 *     remove: [x-internal-*]
 *   response:
 *     add: { x-content-type-options: nosniff }
 *     remove: [server, x-powered-by]
 */
export const policy = definePolicy({
  name: 'headers',
  order: 300,
  phases: ['request', 'response'],
  status: 'stable',
  posture: 'hardened',
  description: 'Adds, sets, removes and renames request and response headers.',
  supportsMode: false,
  schema: HeadersSchema,
  create(config: HeadersConfig) {
    const request = compileSide(config.request, 'headers: request');
    const response = compileSide(config.response, 'headers: response');
    if (isEmpty(request) && isEmpty(response)) {
      throw new TypeError('headers: configure at least one request or response operation');
    }
    const instance: PolicyInstance = {};
    if (!isEmpty(request)) {
      instance.onRequest = (ctx) => {
        apply(request, ctx.upstreamHeaders);
      };
    }
    if (!isEmpty(response)) {
      instance.onResponse = (ctx) => {
        apply(response, ctx.responseHeaders);
      };
    }
    return Object.freeze(instance);
  },
});
