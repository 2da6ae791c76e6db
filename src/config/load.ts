import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type YAMLError,
  type Node as YamlNode,
} from 'yaml';
import {
  type ConfigError,
  describeAjvErrors,
  formatPath,
  type PathSegment,
  parsePointer,
  sortConfigErrors,
  toPointer,
} from './errors.ts';
import {
  createSchemaNavigator,
  MAX_SECRET_FILE_BYTES,
  type SchemaNavigator,
  type SchemaNode,
  type SubstitutionContext,
  substituteScalar,
} from './substitute.ts';

/** Largest configuration document accepted, in bytes (4 MiB). */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/** Most YAML alias nodes (`*name`) one document may contain. */
export const MAX_ALIASES = 100;
/** Most nodes that alias expansion may add to the value (guards against "billion laughs"). */
export const MAX_ALIAS_EXPANSION = 10_000;
/** Deepest nesting of mappings and lists accepted. */
export const MAX_DEPTH = 64;
/** Most schema (Ajv) errors examined per load; bounds the work on pathological documents. */
export const MAX_SCHEMA_ERRORS = 5_000;
/** Most errors returned by one load; the rest are summarised in a final entry. */
export const MAX_REPORTED_ERRORS = 200;

/** Options for loadConfigText and loadConfigFile. */
export interface LoadOptions {
  /** Environment used for `${VAR}` substitution (pass `process.env` explicitly). */
  env: Record<string, string | undefined>;
  /** Reads a file as UTF-8 text; defaults to a bounded, regular-files-only reader. */
  readFile?: (path: string) => string;
  /** Directory for relative `file:` references; defaults to the config file's directory. */
  baseDir?: string;
}

/**
 * The outcome of loading a configuration. On success `value` is the validated value with
 * schema defaults filled in (not frozen: normalise, then deepFreeze), and `secrets` holds every
 * resolved secret value so loggers can redact them.
 */
export type LoadResult =
  | {
      ok: true;
      value: unknown;
      secrets: Set<string>;
      /**
       * Source position of the value at an RFC 6901 pointer (the nearest located ancestor for
       * pointers that only exist through defaults; 0/0 is never returned for a parsed document),
       * so later semantic checks can report `file:line:column` too.
       */
      locate(pointer: string): { line: number; column: number };
    }
  | { ok: false; errors: ConfigError[] };

const kValidators = new WeakMap<object, ValidateFunction>();

/**
 * Returns the Ajv validator for `schema`, compiling it once per schema object
 * (`allErrors`, `useDefaults`, no type coercion, ajv-formats formats).
 * Throws a TypeError when the schema itself is invalid.
 *
 * @example
 * const validate = getConfigValidator(GatewaySchema);
 */
export function getConfigValidator(schema: TSchema | object): ValidateFunction {
  let validate = kValidators.get(schema);
  if (validate) return validate;
  const ajv = newAjv();
  // Each policy's schema is compiled the first time a config uses that policy (a config that uses three
  // policies never pays for the code of the other twenty): the policies object keeps its property names
  // (unknown policy names are still errors), each value is checked by a lazily compiled validator.
  const lazy = lazyPolicies(schema, ajv);
  let inner: ValidateFunction;
  try {
    inner = ajv.compile(lazy ?? schema);
  } catch (err) {
    throw new TypeError(`invalid configuration schema: ${(err as Error).message}`, { cause: err });
  }
  if (lazy === undefined) validate = inner;
  else {
    const wrapped = ((data: unknown) => {
      const ok = inner(data);
      wrapped.errors =
        inner.errors?.map((e) => {
          const o = (e as unknown as Record<symbol, Partial<ErrorObject> | undefined>)[kOriginal];
          return o === undefined ? e : { ...e, ...o };
        }) ?? null;
      return ok;
    }) as ValidateFunction;
    validate = wrapped;
  }
  kValidators.set(schema, validate);
  return validate;
}

/** Where a lazily validated policy's error keeps the fields Ajv overwrites. */
const kOriginal = Symbol('original');

/** The Ajv options every config validator uses. */
function newAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    useDefaults: true,
    coerceTypes: false,
    verbose: true,
    // Small referenced schemas are inlined (precise error attribution); the large policies schema is not
    // (it is referenced four times: compiling it once keeps the heap small).
    inlineRefs: 64,
    code: { optimize: false },
  });
  // ajv-formats is CommonJS: its plugin is both module.exports and module.exports.default.
  ajvFormats.default(ajv);
  return ajv;
}

/**
 * For a gateway schema (`$defs.policies` marked `x-policy-key`): a copy whose policy schemas are
 * replaced by `{ type: 'object', 'x-lazy-policy': name }`, with that keyword registered on `ajv`; it
 * validates the value with the policy's own validator, compiled on first use and kept, and reports its
 * errors at their full path. Undefined for other schemas.
 */
function lazyPolicies(schema: object, ajv: Ajv): object | undefined {
  const defs = (schema as { $defs?: Record<string, unknown> }).$defs;
  const policies = defs?.policies as
    | { properties?: Record<string, object>; 'x-policy-key'?: string }
    | undefined;
  if (policies?.properties === undefined || policies['x-policy-key'] === undefined) return undefined;
  const full = policies.properties;
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (name: string): ValidateFunction => {
    let v = compiled.get(name);
    if (v === undefined) {
      v = newAjv().compile(full[name]!);
      compiled.set(name, v);
    }
    return v;
  };
  type LazyCheck = ((
    name: string,
    data: unknown,
    parent: unknown,
    cxt?: { instancePath: string },
  ) => boolean) & {
    errors?: unknown[];
  };
  const check: LazyCheck = (name, data, _parent, cxt) => {
    const v = validatorFor(name);
    if (v(data)) return true;
    const at = cxt?.instancePath ?? '';
    // Ajv overwrites schemaPath, schema and data of a keyword's errors (verbose mode): keep the
    // originals aside; the wrapper below puts them back.
    check.errors = (v.errors ?? []).map((e) => ({
      ...e,
      instancePath: at + e.instancePath,
      [kOriginal]: { schemaPath: e.schemaPath, schema: e.schema, data: e.data },
    }));
    return false;
  };
  ajv.addKeyword({
    keyword: 'x-lazy-policy',
    schemaType: 'string',
    errors: 'full',
    validate: check as never,
  });
  const stubs: Record<string, object> = {};
  for (const name of Object.keys(full)) stubs[name] = { type: 'object', 'x-lazy-policy': name };
  return { ...schema, $defs: { ...defs, policies: { ...policies, properties: stubs } } };
}

class FileTooLarge extends Error {
  readonly code = 'EFBIG';
}

/**
 * Reads at most `max` bytes of a regular file as strict UTF-8. Throws (with a `code`) when the
 * file is missing, not a regular file, larger than `max` or not valid UTF-8.
 */
function readBoundedText(path: string, max: number): string {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
    if (st.size > max) throw new FileTooLarge(`larger than ${max} bytes`);
    const buf = Buffer.allocUnsafe(Math.min(st.size, max) + 1);
    let len = 0;
    while (len < buf.length) {
      const n = readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) break;
      len += n;
    }
    if (len > max) throw new FileTooLarge(`larger than ${max} bytes`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, len));
    } catch {
      throw Object.assign(new Error('not valid UTF-8'), { code: 'not valid UTF-8' });
    }
  } finally {
    closeSync(fd);
  }
}

function defaultSecretReader(path: string): string {
  try {
    return readBoundedText(path, MAX_SECRET_FILE_BYTES);
  } catch (err) {
    if (err instanceof FileTooLarge)
      throw Object.assign(new Error(err.message), { code: 'larger than 1 MiB' });
    throw err;
  }
}

function fileError(file: string, message: string): LoadResult {
  return { ok: false, errors: [{ file, line: 0, column: 0, path: '', pointer: '', message }] };
}

/** Thrown inside the walk to stop at a resource limit. */
class Abort {
  readonly error: ConfigError;
  constructor(error: ConfigError) {
    this.error = error;
  }
}

interface Position {
  /** Offset of the value node. */
  value: number;
  /** The value has no source text (an empty `key:`), so point at the key instead. */
  empty: boolean;
  /** Offset of the key naming this value, when it is a mapping entry. */
  key: number | undefined;
}

function yamlMessage(e: YAMLError): string {
  const first = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
  switch (e.code) {
    case 'MULTIPLE_DOCS':
      return 'only one YAML document is allowed (found a second document)';
    case 'TAG_RESOLVE_FAILED':
      return `unsupported tag ${first.replace(/^Unresolved tag: /, '')} (custom and YAML 1.1 tags are not allowed)`;
    case 'NON_STRING_KEY':
      return 'mapping keys must be strings';
    case 'DUPLICATE_KEY':
      return 'duplicate key';
    default:
      return first;
  }
}

function finish(file: string, errors: ConfigError[]): LoadResult {
  const sorted = sortConfigErrors(errors);
  if (sorted.length > MAX_REPORTED_ERRORS) {
    const more = sorted.length - MAX_REPORTED_ERRORS;
    sorted.length = MAX_REPORTED_ERRORS;
    sorted.push({
      file,
      line: 0,
      column: 0,
      path: '',
      pointer: '',
      message: `${more} more errors not shown`,
    });
  }
  return { ok: false, errors: sorted };
}

/**
 * Loads a configuration from YAML text: safe parse (YAML 1.2 core schema only, no custom or
 * YAML 1.1 tags, no merge keys, one document, at most 4 MiB, unique keys, at most 100 aliases
 * with bounded expansion), then `${VAR}`/`file:` substitution on string scalars, then Ajv
 * validation against `schema` with defaults filled in. Every problem is reported with its
 * file, line, column, human path and JSON pointer; nothing stops at the first error.
 *
 * Substitution produces strings, and numeric/boolean fields must be literal, except that a
 * scalar that is exactly one `${VAR}` (or `${VAR:-default}`) in a field whose schema wants an
 * integer, number or boolean (and not a string) is converted strictly. Keys are never
 * substituted. `file:` references are only honoured in fields marked `"x-secret": true`.
 *
 * Duplicate keys and alias limits are checked by the loader itself in linear time (the `yaml`
 * package's own `uniqueKeys` and `maxAliasCount` checks are quadratic on large documents).
 *
 * @example
 * const res = loadConfigText(text, 'gateway.yaml', GatewaySchema, { env: process.env });
 * if (!res.ok) console.error(formatConfigErrors(res.errors));
 */
export function loadConfigText(
  text: string,
  file: string,
  schema: TSchema | object,
  opts: LoadOptions,
): LoadResult {
  if (text.length > MAX_CONFIG_BYTES || Buffer.byteLength(text, 'utf8') > MAX_CONFIG_BYTES) {
    return fileError(file, `configuration is larger than ${MAX_CONFIG_BYTES} bytes (4 MiB)`);
  }
  const validate = getConfigValidator(schema);
  const lc = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, {
      prettyErrors: true,
      uniqueKeys: false,
      strict: true,
      merge: false,
      schema: 'core',
      customTags: [],
      resolveKnownTags: false,
      stringKeys: true,
      version: '1.2',
      logLevel: 'error',
      lineCounter: lc,
    });
  } catch (err) {
    if (err instanceof RangeError) return fileError(file, 'YAML nesting is too deep');
    throw err;
  }

  const errorAt = (offset: number, segments: readonly PathSegment[], message: string): ConfigError => {
    const { line, col } = lc.linePos(offset);
    return { file, line, column: col, path: formatPath(segments), pointer: toPointer(segments), message };
  };

  const yamlIssues = [...doc.errors, ...doc.warnings];
  if (yamlIssues.length > 0) {
    return finish(
      file,
      yamlIssues.map((e) => errorAt(e.pos[0], [], yamlMessage(e))),
    );
  }
  if (doc.contents === null) {
    return finish(file, [errorAt(0, [], 'configuration is empty')]);
  }

  // Resolve aliases in one linear pass: an alias refers to the last anchor of that name before it.
  const anchors = new Map<string, YamlNode>();
  const aliasTargets = new Map<YamlNode, YamlNode | undefined>();
  const aliasErrors: ConfigError[] = [];
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        if (aliasTargets.size >= MAX_ALIASES) {
          const at = node.range?.[0] ?? 0;
          aliasErrors.push(errorAt(at, [], `too many YAML aliases (at most ${MAX_ALIASES} are allowed)`));
          return visit.BREAK;
        }
        aliasTargets.set(node, anchors.get(node.source));
      } else if (node.anchor) {
        anchors.set(node.anchor, node);
      }
      return undefined;
    },
  });
  if (aliasErrors.length > 0) return finish(file, aliasErrors);

  const nav: SchemaNavigator = createSchemaNavigator(schema);
  const ctx: SubstitutionContext = {
    env: opts.env,
    readFile: opts.readFile ?? defaultSecretReader,
    baseDir: opts.baseDir ?? dirname(resolve(file)),
  };
  const errors: ConfigError[] = [];
  const failedPointers = new Set<string>();
  const secrets = new Set<string>();
  const active = new Set<YamlNode>();
  let expansion = 0;
  let aliasSite: { offset: number; path: PathLink | undefined } | undefined;
  const noSchemas: readonly SchemaNode[] = [];
  const childCands = (cands: readonly SchemaNode[], key: string | number) =>
    cands.length === 0 ? noSchemas : nav.child(cands, key);

  const fail = (path: PathLink | undefined) => failedPointers.add(toPointer(segsOf(path)));

  /**
   * Builds the plain value from the YAML AST, substituting string scalars. Positions are not
   * recorded here (that would double the memory of large documents): nodeAt() finds them again
   * from a pointer when an error needs one.
   */
  const walk = (
    node: unknown,
    path: PathLink | undefined,
    cands: readonly SchemaNode[],
    depth: number,
    key: number | undefined,
    inAlias: boolean,
  ): unknown => {
    const start = (node as YamlNode | null)?.range?.[0] ?? key ?? 0;
    if (depth > MAX_DEPTH)
      throw new Abort(errorAt(start, segsOf(path), `nesting is deeper than ${MAX_DEPTH} levels`));
    if (inAlias && ++expansion > MAX_ALIAS_EXPANSION) {
      const site = aliasSite ?? { offset: start, path };
      throw new Abort(
        errorAt(
          site.offset,
          segsOf(site.path),
          'YAML aliases expand to too many nodes (possible "billion laughs" attack)',
        ),
      );
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      const target = aliasTargets.get(node);
      if (!target) {
        errors.push(
          errorAt(start, segsOf(path), `unknown alias *${node.source} (anchors must be defined before use)`),
        );
        fail(path);
        return null;
      }
      if (active.has(target)) {
        errors.push(errorAt(start, segsOf(path), `alias *${node.source} refers to a node that contains it`));
        fail(path);
        return null;
      }
      if (inAlias) return walk(target, path, cands, depth, key, true);
      // Remember the outermost alias being expanded: that is where a size error is reported.
      aliasSite = { offset: start, path };
      const value = walk(target, path, cands, depth, key, true);
      aliasSite = undefined;
      return value;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'string') {
        const res = substituteScalar(
          v,
          { secret: nav.isSecret(cands), coerce: nav.coercionTargets(cands) },
          ctx,
        );
        if (!res.ok) {
          errors.push(errorAt(start, segsOf(path), res.message));
          fail(path);
          return v;
        }
        for (const s of res.secrets) secrets.add(s);
        return res.value;
      }
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) {
          errors.push(
            errorAt(start, segsOf(path), 'must be a finite number (.inf and .nan are not allowed)'),
          );
          fail(path);
        } else if (Number.isInteger(v) && !Number.isSafeInteger(v)) {
          errors.push(errorAt(start, segsOf(path), 'number is too large to be represented exactly'));
          fail(path);
        }
        return v;
      }
      if (v === null || v === undefined || typeof v === 'boolean') return v ?? null;
      errors.push(errorAt(start, segsOf(path), 'unsupported scalar value'));
      fail(path);
      return null;
    }
    if (isMap(node)) {
      active.add(node);
      const obj: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const pair of node.items) {
        const k = pair.key as YamlNode | null;
        if (!isScalar(k) || k.value === null || k.value === undefined) {
          const at = (k as YamlNode | null)?.range?.[0] ?? start;
          errors.push(errorAt(at, segsOf(path), 'mapping keys must be plain strings'));
          fail(path);
          continue;
        }
        const name = String(k.value);
        const keyAt = k.range?.[0] ?? start;
        const childPath: PathLink = { parent: path, seg: name };
        if (seen.has(name)) {
          errors.push(errorAt(keyAt, segsOf(childPath), `duplicate key ${JSON.stringify(name)}`));
          continue;
        }
        seen.add(name);
        const value = walk(pair.value, childPath, childCands(cands, name), depth + 1, keyAt, inAlias);
        if (name === '__proto__') {
          Object.defineProperty(obj, name, { value, enumerable: true, writable: true, configurable: true });
        } else obj[name] = value;
      }
      active.delete(node);
      return obj;
    }
    if (isSeq(node)) {
      active.add(node);
      const arr: unknown[] = [];
      node.items.forEach((item, i) => {
        arr.push(walk(item, { parent: path, seg: i }, childCands(cands, i), depth + 1, undefined, inAlias));
      });
      active.delete(node);
      return arr;
    }
    errors.push(errorAt(start, segsOf(path), 'unsupported YAML node'));
    fail(path);
    return null;
  };

  let value: unknown;
  try {
    value = walk(doc.contents, undefined, nav.root(), 0, undefined, false);
  } catch (err) {
    if (err instanceof Abort) return finish(file, [...errors, err.error]);
    throw err;
  }

  const root = doc.contents;
  const keyIndexes = new WeakMap<object, Map<string, { key: number; value: unknown }>>();
  /** First occurrence of each key of a mapping (later duplicates were reported and dropped). */
  const keyIndex = (map: { items: Array<{ key: unknown; value: unknown }> }) => {
    let idx = keyIndexes.get(map);
    if (!idx) {
      idx = new Map();
      for (const pair of map.items) {
        const k = pair.key as YamlNode | null;
        if (!isScalar(k) || k.value === null || k.value === undefined) continue;
        const name = String(k.value);
        if (!idx.has(name)) idx.set(name, { key: k.range?.[0] ?? 0, value: pair.value });
      }
      keyIndexes.set(map, idx);
    }
    return idx;
  };
  /** Where the value at `pointer` is in the source, following aliases like walk() does. */
  const nodeAt = (pointer: string): { pos: Position; exact: boolean } => {
    let node: unknown = root;
    let pos: Position = { value: root.range?.[0] ?? 0, empty: false, key: undefined };
    for (const seg of parsePointer(pointer)) {
      const n = isAlias(node) ? aliasTargets.get(node) : node;
      let child: unknown;
      let key: number | undefined;
      if (isMap(n)) {
        const hit = keyIndex(n).get(seg);
        if (!hit) return { pos, exact: false };
        child = hit.value;
        key = hit.key;
      } else if (isSeq(n) && /^(?:0|[1-9]\d*)$/.test(seg) && Number(seg) < n.items.length) {
        child = n.items[Number(seg)];
      } else {
        return { pos, exact: false };
      }
      const range = (child as YamlNode | null)?.range;
      pos = { value: range?.[0] ?? key ?? pos.value, empty: !range || range[0] === range[1], key };
      node = child;
    }
    return { pos, exact: true };
  };
  /** Source offset for a pointer: `at` picks the value, its key, or (for `container`) the key if any. */
  const offsetOf = (pointer: string, at: 'value' | 'key' | 'container'): number => {
    const { pos: p, exact } = nodeAt(pointer);
    if (!exact || at !== 'value') return p.key ?? p.value;
    return p.empty && p.key !== undefined ? p.key : p.value;
  };

  if (!validate(value)) {
    // Values that already failed substitution would only add noise; skip them and their members.
    const suppressed = (p: string) => {
      for (let cut = p.length; cut >= 0; cut = p.lastIndexOf('/', cut - 1)) {
        if (failedPointers.has(p.slice(0, cut))) return true;
        if (cut === 0) break;
      }
      return false;
    };
    const all = validate.errors ?? [];
    if (all.length > MAX_SCHEMA_ERRORS) {
      errors.push({
        file,
        line: 0,
        column: 0,
        path: '',
        pointer: '',
        message: `the schema reported ${all.length} errors; only the first ${MAX_SCHEMA_ERRORS} were examined`,
      });
    }
    for (const issue of describeAjvErrors(all.slice(0, MAX_SCHEMA_ERRORS))) {
      if (suppressed(issue.pointer)) continue;
      const segs = typedSegments(value, parsePointer(issue.pointer));
      errors.push(errorAt(offsetOf(issue.pointer, issue.at), segs, issue.message));
    }
  }
  if (errors.length > 0) return finish(file, errors);
  return {
    ok: true,
    value,
    secrets,
    locate(pointer: string) {
      const { line, col } = lc.linePos(offsetOf(pointer, 'value'));
      return { line, column: col };
    },
  };
}

/** A path kept as a parent-linked list while walking (cheap to extend; materialised on error). */
interface PathLink {
  parent: PathLink | undefined;
  seg: PathSegment;
}

function segsOf(path: PathLink | undefined): PathSegment[] {
  const out: PathSegment[] = [];
  for (let p = path; p; p = p.parent) out.push(p.seg);
  return out.reverse();
}

/** Gives pointer segments their kinds (array index or key) by walking the value. */
function typedSegments(value: unknown, raw: readonly string[]): PathSegment[] {
  const out: PathSegment[] = [];
  let cur: unknown = value;
  for (const s of raw) {
    if (Array.isArray(cur) && /^(?:0|[1-9]\d*)$/.test(s)) {
      out.push(Number(s));
      cur = cur[Number(s)];
    } else {
      out.push(s);
      cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[s] : undefined;
    }
  }
  return out;
}

/**
 * Loads a configuration file (see loadConfigText). The file is read with a 4 MiB bound and
 * must be valid UTF-8; relative `file:` references resolve against its directory unless
 * `opts.baseDir` says otherwise. Errors name the file as `path` was given.
 *
 * @example
 * const res = loadConfigFile('examples/quickstart.yaml', GatewaySchema, { env: process.env });
 */
export function loadConfigFile(path: string, schema: TSchema | object, opts: LoadOptions): LoadResult {
  let text: string;
  try {
    text = opts.readFile ? opts.readFile(path) : readBoundedText(path, MAX_CONFIG_BYTES);
  } catch (err) {
    if (err instanceof FileTooLarge) {
      return fileError(path, `configuration is larger than ${MAX_CONFIG_BYTES} bytes (4 MiB)`);
    }
    const code = (err as { code?: unknown } | null)?.code;
    return fileError(
      path,
      `cannot read configuration file (${typeof code === 'string' ? code : 'read failed'})`,
    );
  }
  return loadConfigText(text, path, schema, { ...opts, baseDir: opts.baseDir ?? dirname(resolve(path)) });
}
