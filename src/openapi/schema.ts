/**
 * OpenAPI Schema Objects → JSON Schema for Ajv, once per spec load.
 *
 * - `$ref`s are resolved through {@link SpecDocuments}; every referenced schema is translated once per
 *   direction and registered in Ajv under an internal id, so recursive schemas work.
 * - 3.0: `nullable` becomes a `null` type, boolean `exclusiveMinimum/Maximum` become numbers, `$ref` siblings
 *   are ignored (as 3.0 says).
 * - Direction: in requests a `readOnly` property must be absent, in responses a `writeOnly` one; either way it
 *   is no longer `required`.
 * - `discriminator` with `oneOf`/`anyOf` dispatches on the property (explicit `mapping` or schema names) so a
 *   failure points into the selected variant only.
 * - Patterns run on RE2JS (linear time), see ./regexp.ts.
 */
import type { AnySchema, ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import type { OpenApiVersion, SpecDocuments } from './load.ts';
import { compilePattern, re2Engine } from './regexp.ts';

/** Keyword replacing `uniqueItems: true`: linear (hash of a canonical form) instead of Ajv's pairwise O(n²). */
export const KW_UNIQUE = 'x-gatehouse-unique-items';

/** Canonical JSON (object keys sorted), so equal values serialize equally. */
function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'undefined';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const keys = Object.keys(v).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((v as Obj)[k])}`).join(',')}}`;
}

function uniqueItems(_schema: boolean, data: unknown): boolean {
  if (!Array.isArray(data)) return true;
  const seen = new Set<string>();
  for (const item of data) {
    const key = canonical(item);
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/** Request (client → API) or response (API → client). */
export type Direction = 'req' | 'res';

/** Keyword marking a property that must be absent (readOnly in requests). */
export const KW_READ_ONLY = 'x-gatehouse-read-only';
/** Keyword marking a property that must be absent (writeOnly in responses). */
export const KW_WRITE_ONLY = 'x-gatehouse-write-only';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const SCHEMA_KEYS = [
  'items',
  'additionalProperties',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedItems',
  'unevaluatedProperties',
  'additionalItems',
] as const;
const SCHEMA_ARRAYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas'] as const;
/** Annotations and OpenAPI-only keywords that Ajv does not need. */
const DROP = new Set([
  'example',
  'examples',
  'xml',
  'externalDocs',
  'deprecated',
  'discriminator',
  'nullable',
  'readOnly',
  'writeOnly',
  '$id',
  '$schema',
  '$anchor',
  '$comment',
  '$defs',
  'definitions',
  'description',
  'title',
]);

function newAjv(version: OpenApiVersion, coerce: boolean): Ajv {
  const opts = {
    allErrors: true,
    strict: false,
    logger: false as const,
    coerceTypes: coerce ? ('array' as const) : false,
    useDefaults: false,
    validateFormats: true,
    code: { regExp: re2Engine, optimize: 1 },
  };
  const ajv = version === '3.1' ? new Ajv2020(opts) : new Ajv(opts);
  ajvFormats.default(ajv);
  const int = (bits: number) => (v: number) =>
    Number.isInteger(v) && v >= -(2 ** (bits - 1)) && v <= 2 ** (bits - 1) - 1;
  ajv.addFormat('int32', { type: 'number', validate: int(32) });
  ajv.addFormat('int64', { type: 'number', validate: (v: number) => Number.isInteger(v) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('byte', { type: 'string', validate: (s: string) => s.length % 4 === 0 && isBase64(s) });
  ajv.addFormat('binary', { type: 'string', validate: () => true });
  ajv.addFormat('password', { type: 'string', validate: () => true });
  ajv.addKeyword({ keyword: KW_READ_ONLY, schemaType: 'boolean', validate: () => false, errors: false });
  ajv.addKeyword({ keyword: KW_UNIQUE, schemaType: 'boolean', validate: uniqueItems, errors: false });
  ajv.addKeyword({ keyword: KW_WRITE_ONLY, schemaType: 'boolean', validate: () => false, errors: false });
  return ajv;
}

function isBase64(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!ok && !(c === 61 && i >= s.length - 2)) return false;
  }
  return true;
}

/**
 * Translates the schemas of one spec and compiles validators. One instance per spec load; the per-request
 * work is the compiled Ajv functions only.
 *
 * @example
 * const sc = new SchemaCompiler(spec.docs, spec.version);
 * const validate = sc.compile(sc.translate(schema, spec.file, 'req'), false);
 */
export class SchemaCompiler {
  readonly docs: SpecDocuments;
  readonly version: OpenApiVersion;
  /** Validators without coercion (JSON bodies, responses). */
  readonly ajv: Ajv;
  /** Validators coercing strings to the declared types (parameters, form bodies). */
  readonly ajvCoerce: Ajv;
  /** Translated referenced schemas by internal id. */
  readonly registry = new Map<string, Obj | boolean>();
  readonly #ids = new Map<string, string>();
  #pending: { id: string; value: unknown; file: string; dir: Direction }[] = [];
  #added = 0;
  readonly #registryOrder: string[] = [];

  constructor(docs: SpecDocuments, version: OpenApiVersion) {
    this.docs = docs;
    this.version = version;
    this.ajv = newAjv(version, false);
    this.ajvCoerce = newAjv(version, true);
  }

  /** Internal id of a referenced schema for a direction, queueing its translation on first use. */
  refId(ref: string, file: string, dir: Direction): string {
    const r = this.docs.resolveRef(ref, file);
    const key = `${dir}|${r.key}`;
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = `gatehouse:${dir}:${this.#ids.size}`;
      this.#ids.set(key, id);
      this.#pending.push({ id, value: r.value, file: r.file, dir });
    }
    return id;
  }

  /** Translates one OpenAPI schema (found in `file`) to JSON Schema for `dir`. */
  translate(schema: unknown, file: string, dir: Direction): Obj | boolean {
    const out = this.#translate(schema, file, dir, 0);
    this.#drain();
    return out;
  }

  #drain(): void {
    while (this.#pending.length > 0) {
      const p = this.#pending.shift()!;
      const t = this.#translate(p.value, p.file, p.dir, 0);
      this.registry.set(p.id, t);
      this.#registryOrder.push(p.id);
    }
  }

  /** The flag (`readOnly`/`writeOnly`) of a property schema, following `$ref`s. */
  #flag(schema: unknown, file: string, name: 'readOnly' | 'writeOnly'): boolean {
    let cur = schema;
    let at = file;
    for (let i = 0; i < 32 && isObject(cur); i++) {
      if (cur[name] === true) return true;
      if (typeof cur.$ref !== 'string') return false;
      const r = this.docs.resolveRef(cur.$ref, at);
      cur = r.value;
      at = r.file;
    }
    return false;
  }

  #translate(schema: unknown, file: string, dir: Direction, depth: number): Obj | boolean {
    if (typeof schema === 'boolean') return schema;
    if (!isObject(schema)) throw new TypeError('openapi: a schema must be an object');
    if (depth > 128) throw new TypeError('openapi: schema nested too deeply');
    if (typeof schema.$ref === 'string') {
      const ref = { $ref: this.refId(schema.$ref, file, dir) };
      if (this.version === '3.0') return ref;
      const rest = { ...schema };
      delete rest.$ref;
      const siblings = this.#translate(rest, file, dir, depth + 1);
      return isObject(siblings) && Object.keys(siblings).length > 0 ? { allOf: [ref, siblings] } : ref;
    }
    const disc = schema.discriminator;
    if (isObject(disc) && typeof disc.propertyName === 'string') {
      const variants = (schema.oneOf ?? schema.anyOf) as unknown;
      if (Array.isArray(variants) && variants.length > 0)
        return this.#discriminated(schema, file, dir, depth);
    }
    const out: Obj = {};
    for (const [k, v] of Object.entries(schema)) {
      if (DROP.has(k) || k.startsWith('x-')) continue;
      if ((SCHEMA_KEYS as readonly string[]).includes(k)) {
        out[k] =
          Array.isArray(v) && k === 'items'
            ? v.map((s) => this.#translate(s, file, dir, depth + 1))
            : this.#translate(v, file, dir, depth + 1);
      } else if ((SCHEMA_ARRAYS as readonly string[]).includes(k)) {
        if (!Array.isArray(v)) throw new TypeError(`openapi: "${k}" must be an array`);
        out[k] = v.map((s) => this.#translate(s, file, dir, depth + 1));
      } else if ((SCHEMA_MAPS as readonly string[]).includes(k)) {
        if (!isObject(v)) throw new TypeError(`openapi: "${k}" must be an object`);
        const m: Obj = {};
        for (const [name, s] of Object.entries(v)) {
          if (k === 'patternProperties') compilePattern(name);
          m[name] = this.#translate(s, file, dir, depth + 1);
        }
        out[k] = m;
      } else if (k === 'pattern') {
        if (typeof v !== 'string') throw new TypeError('openapi: "pattern" must be a string');
        compilePattern(v);
        out[k] = v;
      } else if (k === 'uniqueItems') {
        if (v === true) out[KW_UNIQUE] = true;
      } else out[k] = v;
    }
    // Direction: readOnly properties are forbidden in requests, writeOnly in responses.
    if (isObject(out.properties) && isObject(schema.properties)) {
      const flag = dir === 'req' ? 'readOnly' : 'writeOnly';
      const kw = dir === 'req' ? KW_READ_ONLY : KW_WRITE_ONLY;
      const forbidden: string[] = [];
      for (const [name, s] of Object.entries(schema.properties)) {
        if (this.#flag(s, file, flag)) {
          (out.properties as Obj)[name] = { [kw]: true };
          forbidden.push(name);
        }
      }
      if (forbidden.length > 0 && Array.isArray(out.required)) {
        out.required = (out.required as unknown[]).filter((n) => !forbidden.includes(n as string));
      }
    }
    if (this.version === '3.0') {
      for (const [bound, flag] of [
        ['minimum', 'exclusiveMinimum'],
        ['maximum', 'exclusiveMaximum'],
      ] as const) {
        if (out[flag] === true && typeof out[bound] === 'number') {
          out[flag] = out[bound];
          delete out[bound];
        } else if (typeof out[flag] === 'boolean') delete out[flag];
      }
      if (schema.nullable === true) {
        if (typeof out.type === 'string') {
          out.type = [out.type, 'null'];
          if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
        } else if (out.type === undefined) {
          return { anyOf: [out, { type: 'null' }] };
        }
      }
    }
    return out;
  }

  /** `discriminator` + `oneOf`/`anyOf`: dispatch on the property value to the mapped schema. */
  #discriminated(schema: Obj, file: string, dir: Direction, depth: number): Obj {
    const disc = schema.discriminator as Obj;
    const prop = disc.propertyName as string;
    const variants = (schema.oneOf ?? schema.anyOf) as unknown[];
    const mapping = new Map<string, string>();
    if (isObject(disc.mapping)) {
      for (const [k, target] of Object.entries(disc.mapping)) {
        if (typeof target !== 'string') throw new TypeError('openapi: discriminator mapping values are refs');
        const ref = target.includes('#') || target.includes('/') ? target : `#/components/schemas/${target}`;
        mapping.set(k, ref);
      }
    }
    for (const v of variants) {
      if (!isObject(v) || typeof v.$ref !== 'string') {
        if (mapping.size === 0) throw new TypeError('openapi: discriminator variants must be $refs');
        continue;
      }
      const name = v.$ref.slice(v.$ref.lastIndexOf('/') + 1);
      if (![...mapping.values()].includes(v.$ref) && !mapping.has(name)) mapping.set(name, v.$ref);
    }
    const rest: Obj = { ...schema };
    delete rest.oneOf;
    delete rest.anyOf;
    delete rest.discriminator;
    const base = this.#translate(rest, file, dir, depth + 1);
    const keys = [...mapping.keys()];
    const allOf: unknown[] = [base, { required: [prop], properties: { [prop]: { enum: keys } } }];
    for (const [k, ref] of mapping) {
      // JSON Schema's `if`/`then` (a plain object with a `then` member is intended here).
      const branch: Obj = { if: { required: [prop], properties: { [prop]: { const: k } } } };
      branch['then'] = { $ref: this.refId(ref, file, dir) };
      allOf.push(branch);
    }
    return { allOf };
  }

  #sync(): void {
    for (; this.#added < this.#registryOrder.length; this.#added++) {
      const id = this.#registryOrder[this.#added]!;
      const s = this.registry.get(id)!;
      const body = typeof s === 'boolean' ? (s ? {} : { not: {} }) : s;
      this.ajv.addSchema({ ...body, $id: id } as AnySchema);
      this.ajvCoerce.addSchema({ ...body, $id: id } as AnySchema);
    }
  }

  /** Compiles a translated schema. Throws TypeError (config error) for what Ajv or RE2 refuse. */
  compile(schema: Obj | boolean, coerce: boolean): ValidateFunction {
    this.#sync();
    try {
      return (coerce ? this.ajvCoerce : this.ajv).compile(schema as AnySchema);
    } catch (err) {
      throw new TypeError(`openapi: ${(err as Error).message}`, { cause: err });
    }
  }

  /** A registered schema by internal id (for the response allowlist). */
  lookup(id: string): Obj | boolean | undefined {
    return this.registry.get(id);
  }
}
