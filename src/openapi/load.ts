/**
 * Loads an OpenAPI 3.0 / 3.1 document (YAML or JSON) and resolves `$ref`s: local pointers and relative files next
 * to the spec. Remote refs (`http:`, `https:`, any URI scheme) and paths escaping the spec's directory are refused
 * with a TypeError when the spec loads, never at request time.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** Largest spec file read (bytes). */
export const MAX_SPEC_FILE_BYTES = 16 * 1024 * 1024;
/** Most files one spec may pull in through `$ref`. */
export const MAX_SPEC_FILES = 256;
/** Longest `$ref` chain followed before the spec is refused as cyclic. */
const MAX_REF_HOPS = 64;

/** OpenAPI major.minor versions understood here. */
export type OpenApiVersion = '3.0' | '3.1';

/** A value found by following a `$ref`, with where it was found (refs inside it resolve against `file`). */
export interface Resolved {
  readonly value: unknown;
  readonly file: string;
  /** `file#pointer`, unique per target: used to name compiled schemas. */
  readonly key: string;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function unescapePointer(seg: string): string {
  return seg.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** Follows an RFC 6901 JSON pointer (already URI-decoded) inside `doc`; undefined when missing. */
export function followPointer(doc: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return pointer === '' ? doc : isObject(doc) ? doc[''] : undefined;
  if (!pointer.startsWith('/')) return undefined;
  let cur: unknown = doc;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = unescapePointer(raw);
    if (Array.isArray(cur)) {
      if (!/^(?:0|[1-9][0-9]*)$/.test(seg)) return undefined;
      cur = cur[Number(seg)];
    } else if (isObject(cur)) {
      if (!Object.hasOwn(cur, seg)) return undefined;
      cur = cur[seg];
    } else return undefined;
  }
  return cur;
}

/**
 * The documents of one spec: the entry file and every file reached through `$ref`, parsed once.
 *
 * @example
 * const spec = loadSpec('api/openapi.yaml');
 * const op = spec.deref(spec.doc.paths['/pets'].get.parameters[0], spec.file);
 */
export class SpecDocuments {
  /** Absolute, real path of the entry file. */
  readonly file: string;
  /** Directory no `$ref` may leave. */
  readonly root: string;
  readonly #docs = new Map<string, unknown>();

  constructor(file: string) {
    let real: string;
    try {
      real = realpathSync(resolve(file));
    } catch (err) {
      throw new TypeError(`openapi: cannot read spec ${JSON.stringify(file)}: ${(err as Error).message}`);
    }
    this.file = real;
    this.root = dirname(real);
  }

  /** Absolute paths of every file read so far (the entry file and the files reached through `$ref`). */
  files(): string[] {
    return [...this.#docs.keys()];
  }

  /** The parsed document of an absolute file path (read and parsed on first use). */
  document(file: string): unknown {
    const cached = this.#docs.get(file);
    if (cached !== undefined) return cached;
    if (this.#docs.size >= MAX_SPEC_FILES)
      throw new TypeError(`openapi: more than ${MAX_SPEC_FILES} spec files`);
    const shown = relative(this.root, file) || file;
    let size: number;
    try {
      size = statSync(file).size;
    } catch (err) {
      throw new TypeError(`openapi: cannot read ${JSON.stringify(shown)}: ${(err as Error).message}`);
    }
    if (size > MAX_SPEC_FILE_BYTES) {
      throw new TypeError(`openapi: ${JSON.stringify(shown)} is larger than ${MAX_SPEC_FILE_BYTES} bytes`);
    }
    let doc: unknown;
    try {
      // YAML 1.2 is a superset of JSON; aliases are bounded against billion-laughs documents.
      doc = parseYaml(readFileSync(file, 'utf8'), { maxAliasCount: 1000, uniqueKeys: true });
    } catch (err) {
      throw new TypeError(
        `openapi: ${JSON.stringify(shown)} is not valid YAML/JSON: ${(err as Error).message}`,
      );
    }
    this.#docs.set(file, doc ?? null);
    return doc ?? null;
  }

  /** Resolves a `$ref` string found in `fromFile`. Throws TypeError for remote or escaping refs. */
  resolveRef(ref: string, fromFile: string): Resolved {
    if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref) || ref.startsWith('//')) {
      throw new TypeError(
        `openapi: remote $ref ${JSON.stringify(ref.slice(0, 200))} refused (local files only)`,
      );
    }
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    let pointer: string;
    try {
      pointer = hash === -1 ? '' : decodeURIComponent(ref.slice(hash + 1));
    } catch {
      throw new TypeError(`openapi: malformed $ref ${JSON.stringify(ref.slice(0, 200))}`);
    }
    let file = fromFile;
    if (filePart !== '') {
      let decoded: string;
      try {
        decoded = decodeURIComponent(filePart);
      } catch {
        throw new TypeError(`openapi: malformed $ref ${JSON.stringify(ref.slice(0, 200))}`);
      }
      const abs = resolve(dirname(fromFile), decoded);
      let real: string;
      try {
        real = realpathSync(abs);
      } catch {
        throw new TypeError(`openapi: $ref ${JSON.stringify(ref.slice(0, 200))}: file not found`);
      }
      const rel = relative(this.root, real);
      if (isAbsolute(decoded) || rel.startsWith('..') || isAbsolute(rel)) {
        throw new TypeError(
          `openapi: $ref ${JSON.stringify(ref.slice(0, 200))} leaves the spec directory (refused)`,
        );
      }
      file = real;
    }
    const value = followPointer(this.document(file), pointer);
    if (value === undefined) {
      throw new TypeError(
        `openapi: $ref ${JSON.stringify(ref.slice(0, 200))} (from ${relative(this.root, fromFile) || fromFile}) points nowhere`,
      );
    }
    return { value, file, key: `${file}#${pointer}` };
  }

  /**
   * Follows `$ref` chains on a non-schema object (parameter, request body, response, path item, header) until
   * a value without `$ref`. Throws TypeError on cycles.
   */
  deref(value: unknown, file: string): { value: unknown; file: string } {
    let cur = value;
    let at = file;
    for (let hops = 0; isObject(cur) && typeof cur.$ref === 'string'; hops++) {
      if (hops >= MAX_REF_HOPS) throw new TypeError('openapi: $ref cycle');
      const r = this.resolveRef(cur.$ref, at);
      cur = r.value;
      at = r.file;
    }
    return { value: cur, file: at };
  }
}

/** A loaded spec: its documents, the root document and its OpenAPI version. */
export interface LoadedSpec {
  readonly docs: SpecDocuments;
  readonly doc: Record<string, unknown>;
  readonly file: string;
  readonly version: OpenApiVersion;
}

/**
 * Reads an OpenAPI 3.0.x or 3.1.x document. Throws TypeError (a config error) for anything else.
 *
 * @example
 * const spec = loadSpec('src/openapi/fixtures/petstore.yaml'); // spec.version === '3.0'
 */
export function loadSpec(file: string): LoadedSpec {
  const docs = new SpecDocuments(file);
  const doc = docs.document(docs.file);
  if (!isObject(doc)) throw new TypeError('openapi: the spec is not an object');
  const v = doc.openapi;
  if (typeof v !== 'string' || !/^3\.[01]\.\d+(?:-[0-9A-Za-z.-]+)?$/.test(v)) {
    throw new TypeError(
      `openapi: unsupported "openapi" version ${JSON.stringify(v)} (3.0.x and 3.1.x are supported)`,
    );
  }
  if (doc.paths !== undefined && !isObject(doc.paths))
    throw new TypeError('openapi: "paths" must be an object');
  return { docs, doc, file: docs.file, version: v.startsWith('3.0') ? '3.0' : '3.1' };
}
