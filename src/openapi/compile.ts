/**
 * Compiles a loaded OpenAPI spec into what the request path needs: an operation matcher (server base paths +
 * path templates) and, per operation, one parameter validator, one validator per request media type and one
 * per response status/media type. Everything here runs once per config load.
 */
import { realpathSync, statSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { type LoadedSpec, loadSpec } from './load.ts';
import { defaultStyle, type ParamKind, type ParamSpec } from './params.ts';
import { KW_READ_ONLY, KW_UNIQUE, KW_WRITE_ONLY, SchemaCompiler } from './schema.ts';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** HTTP methods an OpenAPI path item may declare. */
export const OPENAPI_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** How a body of a media type is parsed and validated. */
export type MediaKind = 'json' | 'form' | 'other';

/** A declared media type with its compiled validator. */
export interface CompiledMedia {
  /** Media range as declared, lower-case (`application/json`, `application/*`, `*\/*`). */
  readonly range: string;
  readonly kind: MediaKind;
  readonly validate: ValidateFunction | undefined;
  /** The translated schema (responses: used by the property allowlist). */
  readonly schema: Obj | boolean | undefined;
  /** Form bodies: properties declared as arrays (repeated fields collect into arrays). */
  readonly arrayFields: ReadonlySet<string>;
}

/** The `x-gatehouse-*` extensions that apply to an operation (operation over path item over root). */
export interface GatehouseExtensions {
  readonly scopes: readonly string[] | undefined;
  readonly rateLimit: Obj | undefined;
  readonly upstream: string | undefined;
}

/** One compiled operation. */
export interface CompiledOperation {
  readonly method: string;
  readonly template: string;
  readonly operationId: string | undefined;
  readonly pathParams: readonly ParamSpec[];
  readonly queryParams: readonly ParamSpec[];
  readonly headerParams: readonly ParamSpec[];
  readonly cookieParams: readonly ParamSpec[];
  /** Validates `{ path, query, header, cookie }` (strings coerced to the declared types). */
  readonly validateParams: ValidateFunction;
  readonly body: { readonly required: boolean; readonly media: readonly CompiledMedia[] } | undefined;
  /** By status key: `200`, `2XX`, `default`. */
  readonly responses: ReadonlyMap<string, readonly CompiledMedia[]>;
  /** OAuth scopes from the operation's (or the root's) `security` requirements. */
  readonly securityScopes: readonly string[];
  readonly extensions: GatehouseExtensions;
}

/** Result of matching a request to an operation. */
export type OperationMatch =
  | {
      readonly kind: 'match';
      readonly op: CompiledOperation;
      readonly segments: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'no-path' }
  | { readonly kind: 'no-method'; readonly allow: readonly string[]; readonly template: string };

/** A compiled spec. */
export interface CompiledApi {
  readonly spec: LoadedSpec;
  readonly compiler: SchemaCompiler;
  readonly operations: readonly CompiledOperation[];
  readonly basePaths: readonly string[];
  /** Matches a method and a (gateway-normalized) path. */
  match(method: string, path: string): OperationMatch;
}

/** One failing location in a request or response: a JSON pointer and the failing keyword. Never a value. */
export interface ValidationIssue {
  readonly pointer: string;
  readonly keyword: string;
}

/** Most issues reported in one problem. */
export const MAX_ISSUES = 20;

const SAFE_SEGMENT = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * A pointer segment safe to show: declared names and indexes as they are; anything else (client-chosen map keys
 * that could carry a payload) becomes `*`.
 */
export function safeSegment(seg: string): string {
  return SAFE_SEGMENT.test(seg) ? seg.replaceAll('~', '~0') : '*';
}

function safePointer(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((s) => safeSegment(s.replaceAll('~1', '/').replaceAll('~0', '~')))
    .map((s) => `/${s}`)
    .join('');
}

/** Turns Ajv errors into issues (pointers prefixed with `prefix`, values never included). */
export function issuesOf(
  errors: readonly ErrorObject[] | null | undefined,
  prefix: string,
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    let pointer = prefix + safePointer(e.instancePath);
    let keyword = e.keyword;
    const p = e.params as {
      missingProperty?: string;
      additionalProperty?: string;
      unevaluatedProperty?: string;
    };
    if (keyword === 'required' && typeof p.missingProperty === 'string') {
      pointer += `/${safeSegment(p.missingProperty)}`;
    } else if (keyword === 'additionalProperties' && typeof p.additionalProperty === 'string') {
      pointer += `/${safeSegment(p.additionalProperty)}`;
    } else if (keyword === 'unevaluatedProperties' && typeof p.unevaluatedProperty === 'string') {
      pointer += `/${safeSegment(p.unevaluatedProperty)}`;
    } else if (keyword === KW_READ_ONLY) keyword = 'readOnly';
    else if (keyword === KW_WRITE_ONLY) keyword = 'writeOnly';
    else if (keyword === KW_UNIQUE) keyword = 'uniqueItems';
    else if (keyword === 'if') continue;
    const k = `${pointer} ${keyword}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ pointer: pointer === '' ? '/' : pointer, keyword });
    if (out.length >= MAX_ISSUES) break;
  }
  return out;
}

/** Media type of a Content-Type value, lower-case, without parameters ('' when malformed). */
export function mediaTypeOf(value: string | string[] | undefined): string {
  if (typeof value !== 'string') return '';
  const semi = value.indexOf(';');
  const mt = (semi === -1 ? value : value.slice(0, semi)).trim().toLowerCase();
  return /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(mt) ? mt : '';
}

/** Finds the declared media for a media type: exact, then `type/*`, then `*\/*`. */
export function pickMedia<T extends { readonly range: string }>(
  media: readonly T[],
  mt: string,
): T | undefined {
  if (mt === '') return undefined;
  const slash = mt.indexOf('/');
  return (
    media.find((m) => m.range === mt) ??
    media.find((m) => m.range === `${mt.slice(0, slash)}/*`) ??
    media.find((m) => m.range === '*/*')
  );
}

function kindOfMedia(range: string): MediaKind {
  const base = range.split(';')[0]!.trim();
  if (base === 'application/json' || /^[a-z0-9.-]+\/[a-z0-9.-]+\+json$/.test(base)) return 'json';
  if (base === 'application/x-www-form-urlencoded') return 'form';
  return 'other';
}

interface Segment {
  readonly literal: string | undefined;
  readonly name: string;
  readonly prefix: string;
  readonly suffix: string;
}

function compileTemplate(template: string): Segment[] {
  if (!template.startsWith('/'))
    throw new TypeError(`openapi: path ${JSON.stringify(template)} must start with /`);
  const segs = template === '/' ? [''] : template.slice(1).split('/');
  return segs.map((s) => {
    const open = s.indexOf('{');
    if (open === -1) return { literal: s, name: '', prefix: '', suffix: '' };
    const close = s.indexOf('}', open);
    if (close === -1 || s.indexOf('{', open + 1) !== -1) {
      throw new TypeError(`openapi: unsupported path template ${JSON.stringify(template)}`);
    }
    return {
      literal: undefined,
      name: s.slice(open + 1, close),
      prefix: s.slice(0, open),
      suffix: s.slice(close + 1),
    };
  });
}

function matchSegments(
  segs: readonly Segment[],
  parts: readonly string[],
): Record<string, string> | undefined {
  if (segs.length !== parts.length) return undefined;
  const out: Record<string, string> = {};
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    const p = parts[i]!;
    if (s.literal !== undefined) {
      if (s.literal !== p) return undefined;
      continue;
    }
    if (p.length < s.prefix.length + s.suffix.length + 1) return undefined;
    if (!p.startsWith(s.prefix) || !p.endsWith(s.suffix)) return undefined;
    Object.defineProperty(out, s.name, {
      value: p.slice(s.prefix.length, p.length - s.suffix.length),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Base paths of `servers` (variables replaced by their defaults); `['']` when none has a path. */
function basePathsOf(doc: Obj, override: string | undefined): string[] {
  if (override !== undefined) return [override.replace(/\/+$/, '')];
  const servers = Array.isArray(doc.servers) ? doc.servers : [];
  const out = new Set<string>();
  for (const s of servers) {
    if (!isObject(s) || typeof s.url !== 'string') continue;
    let url = s.url;
    if (isObject(s.variables)) {
      for (const [k, v] of Object.entries(s.variables)) {
        if (isObject(v) && typeof v.default === 'string') url = url.replaceAll(`{${k}}`, v.default);
      }
    }
    let path: string;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) path = new URL(url).pathname;
    else if (url.startsWith('//')) path = new URL(`http:${url}`).pathname;
    else path = url.startsWith('/') ? url : `/${url}`;
    out.add(path.replace(/\/+$/, ''));
  }
  return out.size === 0 ? [''] : [...out];
}

function stringList(v: unknown, what: string): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) {
    throw new TypeError(`openapi: ${what} must be a list of strings`);
  }
  return v as string[];
}

function extensionsOf(levels: readonly Obj[]): GatehouseExtensions {
  const pick = (k: string): unknown => {
    for (const l of levels) if (l[k] !== undefined) return l[k];
    return undefined;
  };
  const rl = pick('x-gatehouse-rate-limit');
  if (rl !== undefined && !isObject(rl))
    throw new TypeError('openapi: x-gatehouse-rate-limit must be an object');
  const up = pick('x-gatehouse-upstream');
  if (up !== undefined && typeof up !== 'string')
    throw new TypeError('openapi: x-gatehouse-upstream must be a string');
  return {
    scopes: stringList(pick('x-gatehouse-scopes'), 'x-gatehouse-scopes'),
    rateLimit: rl as Obj | undefined,
    upstream: up as string | undefined,
  };
}

function scopesOf(security: unknown): string[] {
  if (!Array.isArray(security)) return [];
  const out = new Set<string>();
  for (const req of security) {
    if (!isObject(req)) continue;
    for (const v of Object.values(req))
      if (Array.isArray(v)) for (const s of v) if (typeof s === 'string') out.add(s);
  }
  return [...out];
}

/** Options of {@link compileSpec}. */
export interface CompileOptions {
  /** Base path replacing the `servers` paths ('' for none). */
  readonly basePath?: string | undefined;
  /** Compile response validators (skip when responses are not validated). Default true. */
  readonly responses?: boolean;
}

/**
 * Loads and compiles a spec file. Throws TypeError with a readable message for anything that cannot work
 * (unsupported version, remote refs, patterns RE2 refuses, unsupported templates).
 *
 * @example
 * const api = compileSpec('api/openapi.yaml');
 * const m = api.match('GET', '/v1/pets/12');
 */
export function compileSpec(file: string, options: CompileOptions = {}): CompiledApi {
  const spec = loadSpec(file);
  const { docs, doc } = spec;
  const compiler = new SchemaCompiler(docs, spec.version);
  const operations: CompiledOperation[] = [];
  const byTemplate: {
    segs: Segment[];
    literals: number;
    template: string;
    ops: Map<string, CompiledOperation>;
  }[] = [];
  const paths = isObject(doc.paths) ? doc.paths : {};

  const paramKind = (schema: unknown, file: string): { kind: ParamKind; properties: string[] } => {
    let cur = schema;
    let at = file;
    for (let i = 0; i < 32 && isObject(cur); i++) {
      if (typeof cur.$ref === 'string') {
        const r = docs.resolveRef(cur.$ref, at);
        cur = r.value;
        at = r.file;
        continue;
      }
      let t = cur.type;
      if (Array.isArray(t)) t = t.find((x) => x !== 'null');
      if (t === 'array') return { kind: 'array', properties: [] };
      if (t === 'object' || isObject(cur.properties)) {
        return { kind: 'object', properties: isObject(cur.properties) ? Object.keys(cur.properties) : [] };
      }
      const sub = (cur.allOf ?? cur.oneOf ?? cur.anyOf) as unknown;
      if (Array.isArray(sub) && sub.length > 0) {
        cur = sub[0];
        continue;
      }
      break;
    }
    return { kind: 'primitive', properties: [] };
  };

  const compileMedia = (content: unknown, file: string, dir: 'req' | 'res'): CompiledMedia[] => {
    if (content === undefined) return [];
    if (!isObject(content)) throw new TypeError('openapi: "content" must be an object');
    const out: CompiledMedia[] = [];
    for (const [range, m] of Object.entries(content)) {
      const kind = kindOfMedia(range.toLowerCase());
      const media = isObject(m) ? m : {};
      let validate: ValidateFunction | undefined;
      let schema: Obj | boolean | undefined;
      const arrayFields = new Set<string>();
      if (media.schema !== undefined && kind !== 'other') {
        schema = compiler.translate(media.schema, file, dir);
        validate = compiler.compile(schema, kind === 'form');
        if (kind === 'form') {
          const d = docs.deref(media.schema, file);
          if (isObject(d.value) && isObject(d.value.properties)) {
            for (const [name, s] of Object.entries(d.value.properties)) {
              if (paramKind(s, d.file).kind === 'array') arrayFields.add(name);
            }
          }
        }
      }
      out.push({ range: range.split(';')[0]!.trim().toLowerCase(), kind, validate, schema, arrayFields });
    }
    return out;
  };

  for (const [template, rawItem] of Object.entries(paths)) {
    if (template.startsWith('x-')) continue;
    const item = docs.deref(rawItem, spec.file);
    if (!isObject(item.value))
      throw new TypeError(`openapi: path item ${JSON.stringify(template)} must be an object`);
    const pathItem = item.value;
    const segs = compileTemplate(template);
    const entry = {
      segs,
      literals: segs.filter((s) => s.literal !== undefined).length,
      template,
      ops: new Map<string, CompiledOperation>(),
    };
    byTemplate.push(entry);
    const itemParams = Array.isArray(pathItem.parameters) ? pathItem.parameters : [];
    for (const method of OPENAPI_METHODS) {
      const rawOp = pathItem[method];
      if (rawOp === undefined) continue;
      if (!isObject(rawOp)) throw new TypeError(`openapi: ${method} ${template} must be an object`);
      const where = `${method.toUpperCase()} ${template}`;
      try {
        const op = compileOperation(rawOp, method, template, itemParams, item.file, pathItem);
        entry.ops.set(method.toUpperCase(), op);
        operations.push(op);
      } catch (err) {
        if (err instanceof TypeError) throw new TypeError(`${err.message} (in ${where})`, { cause: err });
        throw err;
      }
    }
  }

  function compileOperation(
    rawOp: Obj,
    method: string,
    template: string,
    itemParams: unknown[],
    file: string,
    pathItem: Obj,
  ): CompiledOperation {
    const merged = new Map<string, { p: Obj; file: string }>();
    for (const list of [itemParams, Array.isArray(rawOp.parameters) ? rawOp.parameters : []]) {
      for (const raw of list) {
        const d = docs.deref(raw, file);
        if (!isObject(d.value)) throw new TypeError('openapi: a parameter must be an object');
        const p = d.value;
        if (typeof p.name !== 'string' || !['path', 'query', 'header', 'cookie'].includes(p.in as string)) {
          throw new TypeError('openapi: a parameter needs "name" and "in" (path, query, header, cookie)');
        }
        merged.set(`${p.in as string}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`, {
          p,
          file: d.file,
        });
      }
    }
    const groups: Record<ParamSpec['in'], ParamSpec[]> = { path: [], query: [], header: [], cookie: [] };
    const groupSchemas: Record<string, { properties: Obj; required: string[] }> = {
      path: { properties: {}, required: [] },
      query: { properties: {}, required: [] },
      header: { properties: {}, required: [] },
      cookie: { properties: {}, required: [] },
    };
    for (const { p, file: pf } of merged.values()) {
      const loc = p.in as ParamSpec['in'];
      let name = p.name as string;
      if (loc === 'header') {
        name = name.toLowerCase();
        if (name === 'accept' || name === 'content-type' || name === 'authorization') continue;
      }
      let schema: unknown = p.schema;
      let json = false;
      if (schema === undefined && isObject(p.content)) {
        const first = Object.entries(p.content)[0];
        if (first && isObject(first[1])) {
          schema = first[1].schema;
          json = kindOfMedia(first[0].toLowerCase()) === 'json';
        }
      }
      const { kind, properties } =
        schema === undefined ? { kind: 'primitive' as const, properties: [] } : paramKind(schema, pf);
      const style = typeof p.style === 'string' ? p.style : defaultStyle(loc);
      const allowed: Record<string, string[]> = {
        path: ['simple', 'label', 'matrix'],
        query: ['form', 'spaceDelimited', 'pipeDelimited', 'deepObject'],
        header: ['simple'],
        cookie: ['form'],
      };
      if (!allowed[loc]!.includes(style))
        throw new TypeError(`openapi: style ${style} is not valid for ${loc} parameters`);
      const explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
      groups[loc].push({ name, in: loc, style, explode, kind, properties, json });
      const g = groupSchemas[loc]!;
      g.properties[name] = schema === undefined ? {} : compiler.translate(schema, pf, 'req');
      if (p.required === true || loc === 'path') g.required.push(name);
    }
    const paramsSchema: Obj = { type: 'object', properties: {} };
    for (const [loc, g] of Object.entries(groupSchemas)) {
      (paramsSchema.properties as Obj)[loc] = {
        type: 'object',
        properties: g.properties,
        required: g.required,
      };
    }
    const validateParams = compiler.compile(paramsSchema, true);

    let body: CompiledOperation['body'];
    if (rawOp.requestBody !== undefined) {
      const rb = docs.deref(rawOp.requestBody, file);
      if (!isObject(rb.value)) throw new TypeError('openapi: requestBody must be an object');
      body = { required: rb.value.required === true, media: compileMedia(rb.value.content, rb.file, 'req') };
    }
    const responses = new Map<string, CompiledMedia[]>();
    if (options.responses !== false && isObject(rawOp.responses)) {
      for (const [status, raw] of Object.entries(rawOp.responses)) {
        if (status.startsWith('x-')) continue;
        const r = docs.deref(raw, file);
        if (!isObject(r.value)) throw new TypeError(`openapi: response ${status} must be an object`);
        responses.set(status.toUpperCase(), compileMedia(r.value.content, r.file, 'res'));
      }
    }
    return {
      method: method.toUpperCase(),
      template,
      operationId: typeof rawOp.operationId === 'string' ? rawOp.operationId : undefined,
      pathParams: groups.path,
      queryParams: groups.query,
      headerParams: groups.header,
      cookieParams: groups.cookie,
      validateParams,
      body,
      responses,
      securityScopes: scopesOf(rawOp.security ?? doc.security),
      extensions: extensionsOf([rawOp, pathItem, doc]),
    };
  }

  // Concrete paths before templated ones (OpenAPI: `/pets/mine` wins over `/pets/{id}`).
  byTemplate.sort((a, b) => b.literals - a.literals || a.template.localeCompare(b.template));
  const basePaths = basePathsOf(doc, options.basePath);

  return {
    spec,
    compiler,
    operations,
    basePaths,
    match(method: string, path: string): OperationMatch {
      for (const base of basePaths) {
        let rest: string;
        if (base === '') rest = path;
        else if (path === base) rest = '/';
        else if (path.startsWith(`${base}/`)) rest = path.slice(base.length);
        else continue;
        const parts = rest === '/' ? [''] : rest.slice(1).split('/');
        for (const t of byTemplate) {
          const segments = matchSegments(t.segs, parts);
          if (segments === undefined) continue;
          const op = t.ops.get(method) ?? (method === 'HEAD' ? t.ops.get('GET') : undefined);
          if (op !== undefined) return { kind: 'match', op, segments };
          return { kind: 'no-method', allow: [...t.ops.keys()], template: t.template };
        }
      }
      return { kind: 'no-path' };
    },
  };
}

const kCache = new Map<string, { api: CompiledApi; stamps: string }>();
const MAX_CACHED_SPECS = 32;

/** Size and modification time of every file of a spec ('' when one is gone). */
function stampsOf(files: readonly string[]): string {
  try {
    return files
      .map((f) => {
        const st = statSync(f);
        return `${f}:${st.size}:${st.mtimeMs}`;
      })
      .join('\u0000');
  } catch {
    return '';
  }
}

/**
 * {@link compileSpec} with a per-process cache keyed by the file's real path and the options, valid while the
 * spec and every file it references keep their size and modification time. Routes sharing one spec (e.g. a
 * config made by `gatehouse openapi import`) compile it once; a reload after any of its files changed compiles
 * it again.
 *
 * @example
 * const api = compileSpecCached('api/openapi.yaml', { basePath: '/v1' });
 */
export function compileSpecCached(file: string, options: CompileOptions = {}): CompiledApi {
  let key: string;
  try {
    key = `${realpathSync(file)}\u0000${options.basePath ?? '\u0001'}\u0000${options.responses !== false}`;
  } catch {
    return compileSpec(file, options);
  }
  const hit = kCache.get(key);
  if (hit !== undefined && hit.stamps !== '' && stampsOf(hit.api.spec.docs.files()) === hit.stamps)
    return hit.api;
  const api = compileSpec(file, options);
  kCache.delete(key);
  if (kCache.size >= MAX_CACHED_SPECS) kCache.delete(kCache.keys().next().value as string);
  kCache.set(key, { api, stamps: stampsOf(api.spec.docs.files()) });
  return api;
}
