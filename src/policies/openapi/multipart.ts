/**
 * `multipart/form-data` request bodies for the `openapi` policy (OpenAPI 3.x "Encoding Object" semantics).
 *
 * Parsing reuses the WAF's multipart body processor (src/waf/body/multipart.ts), so the WAF and this policy
 * read the same parts from the same bytes. Only bodies that processor accepts without any strictness flag are
 * taken (RFC 7578: boundary from Content-Type, CRLF line endings, `Content-Disposition: form-data; name=…`
 * on every part, no header folding, no boundary-like line inside a part, no data around the delimiters); the
 * one flag tolerated is a quoted boundary, which RFC 2046 allows. For such a body every line that starts with
 * the delimiter is one, so splitting it at `CRLF--boundary` yields exactly the parts the processor saw; the
 * header section of each part is read by the same processor again to get its name, file-ness and headers.
 *
 * The value validated is an object with one member per part name (a repeated name, or a property declared as
 * an array, becomes an array):
 * - a part with a `filename`, or whose property schema is a binary string (`format: binary` or
 *   `contentMediaType`), is a file: its bytes as a string (one char per byte), never coerced;
 * - a part whose Content-Type is `application/json` (or `+json`) is parsed as JSON (duplicate keys and
 *   nesting deeper than the limit refused), never coerced;
 * - other parts are UTF-8 text, coerced to the declared types as urlencoded form fields are.
 * Text and JSON parts must be UTF-8 (a `charset` parameter or `_charset_` field naming another charset is
 * refused), and a `Content-Transfer-Encoding` other than 7bit/8bit/binary makes the body malformed, so the
 * upstream cannot decode other characters than the ones validated.
 * An `encoding.<property>.contentType` restricts the Content-Type of that property's parts (a part without
 * Content-Type is `text/plain`, RFC 7578 §4.4); defaults are not enforced.
 */
import type { ValidateFunction } from 'ajv';
import { repeatsKey } from '../../lib/json-duplicate-keys.ts';
import {
  type CompiledApi,
  type CompiledOperation,
  issuesOf,
  MAX_ISSUES,
  mediaTypeOf,
  safeSegment,
  type ValidationIssue,
} from '../../openapi/compile.ts';
import { jsonDepthExceeds, safeValidate } from '../../openapi/validate.ts';
import {
  type MultipartFlags,
  type MultipartLimits,
  parseBoundary,
  parseMultipartBody,
} from '../../waf/body/multipart.ts';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Limits applied to every multipart body (beyond the policy's `max_body_bytes`). */
export const MULTIPART_LIMITS: Required<Omit<MultipartLimits, 'expand'>> = Object.freeze({
  maxParts: 1000,
  maxFiles: 100,
  maxHeaderLine: 4096,
  maxHeadersPerPart: 16,
});

/** How the parts named after one declared property are read. */
interface PartSpec {
  /** The property is an array: its parts always collect into an array. */
  readonly array: boolean;
  /** The property (or its items) is a binary string: its parts are files. */
  readonly file: boolean;
}

/** A compiled `multipart/form-data` request media type. */
export interface MultipartMedia {
  /** Validator without coercion (files and JSON parts are already typed). */
  readonly validate: ValidateFunction;
  /** The same schema with coercion, for text parts. */
  readonly coerce: ValidateFunction;
  readonly properties: ReadonlyMap<string, PartSpec>;
  /** `encoding.<name>.contentType`: the media ranges a part of that name may declare (lower case). */
  readonly contentTypes: ReadonlyMap<string, readonly string[]>;
}

/** Outcome of {@link validateMultipart}. */
export type MultipartOutcome =
  | { readonly kind: 'ok' }
  | { readonly kind: 'invalid'; readonly issues: ValidationIssue[] }
  /** The body is not well-formed multipart/form-data; `reason` is safe to show (no body bytes). */
  | { readonly kind: 'malformed'; readonly reason: string }
  /** A part's Content-Type is not allowed by `encoding.<name>.contentType`. */
  | { readonly kind: 'part-media-type'; readonly name: string; readonly allowed: readonly string[] };

const MEDIA_RANGE = /^(?:\*\/\*|[a-z0-9!#$&^_.+-]+\/(?:\*|[a-z0-9!#$&^_.+-]+))$/;

/** Follows `$ref`s of a schema (bounded); returns the schema found and the file it lives in. */
function resolveSchema(api: CompiledApi, schema: unknown, file: string): { value: unknown; file: string } {
  let cur = schema;
  let at = file;
  for (let i = 0; i < 32 && isObject(cur) && typeof cur.$ref === 'string'; i++) {
    const r = api.spec.docs.resolveRef(cur.$ref, at);
    cur = r.value;
    at = r.file;
  }
  return { value: cur, file: at };
}

/** Top-level property schemas of an object schema, through `$ref`s and `allOf` (first declaration wins). */
function collectProperties(
  api: CompiledApi,
  schema: unknown,
  file: string,
  out: Map<string, { schema: unknown; file: string }>,
  depth: number,
): void {
  if (depth > 16) return;
  const r = resolveSchema(api, schema, file);
  if (!isObject(r.value)) return;
  if (isObject(r.value.properties)) {
    for (const [name, s] of Object.entries(r.value.properties))
      if (!out.has(name)) out.set(name, { schema: s, file: r.file });
  }
  if (Array.isArray(r.value.allOf))
    for (const s of r.value.allOf) collectProperties(api, s, r.file, out, depth + 1);
}

function typeOf(s: Obj): unknown {
  return Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
}

function isBinary(s: unknown): boolean {
  if (!isObject(s)) return false;
  const t = typeOf(s);
  return (
    (t === undefined || t === 'string') && (s.format === 'binary' || typeof s.contentMediaType === 'string')
  );
}

function partSpecOf(api: CompiledApi, schema: unknown, file: string): PartSpec {
  const r = resolveSchema(api, schema, file);
  if (!isObject(r.value)) return { array: false, file: false };
  if (typeOf(r.value) === 'array') {
    const items = resolveSchema(api, r.value.items, r.file).value;
    return { array: true, file: isBinary(items) };
  }
  return { array: false, file: isBinary(r.value) };
}

function encodingOf(media: Obj, where: string): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  if (media.encoding === undefined) return out;
  if (!isObject(media.encoding)) throw new TypeError(`openapi: "encoding" must be an object (${where})`);
  for (const [name, enc] of Object.entries(media.encoding)) {
    if (!isObject(enc)) throw new TypeError(`openapi: encoding ${JSON.stringify(name)} must be an object`);
    if (enc.contentType === undefined) continue;
    if (typeof enc.contentType !== 'string')
      throw new TypeError(`openapi: encoding ${JSON.stringify(name)} contentType must be a string`);
    const ranges = enc.contentType.split(',').map((r) => r.split(';')[0]!.trim().toLowerCase());
    for (const r of ranges) {
      if (!MEDIA_RANGE.test(r))
        throw new TypeError(
          `openapi: encoding ${JSON.stringify(name)} contentType ${JSON.stringify(r.slice(0, 100))} is not a media range`,
        );
    }
    out.set(name, ranges);
  }
  return out;
}

const kCompiled = new WeakMap<CompiledApi, ReadonlyMap<CompiledOperation, MultipartMedia>>();

/**
 * Compiles the `multipart/form-data` request media types (with a schema) of every operation of `api`. Runs
 * at config load; cached per compiled spec. Throws TypeError for what cannot work (a bad `encoding`).
 *
 * @example
 * const multipart = compileMultipart(api);
 * const media = multipart.get(op); // undefined: the operation takes no schema-described multipart body
 */
export function compileMultipart(api: CompiledApi): ReadonlyMap<CompiledOperation, MultipartMedia> {
  const cached = kCompiled.get(api);
  if (cached !== undefined) return cached;
  const out = new Map<CompiledOperation, MultipartMedia>();
  const { docs, doc, file: specFile } = api.spec;
  const paths = isObject(doc.paths) ? doc.paths : {};
  for (const op of api.operations) {
    if (op.body === undefined || !op.body.media.some((m) => m.range === 'multipart/form-data')) continue;
    const item = docs.deref(paths[op.template], specFile);
    if (!isObject(item.value)) continue;
    const rawOp = item.value[op.method.toLowerCase()];
    if (!isObject(rawOp)) continue;
    const rb = docs.deref(rawOp.requestBody, item.file);
    if (!isObject(rb.value) || !isObject(rb.value.content)) continue;
    const entry = Object.entries(rb.value.content).find(
      ([range]) => range.split(';')[0]!.trim().toLowerCase() === 'multipart/form-data',
    );
    const media = entry?.[1];
    if (!isObject(media) || media.schema === undefined) continue;
    const where = `${op.method} ${op.template}`;
    try {
      const translated = api.compiler.translate(media.schema, rb.file, 'req');
      const props = new Map<string, { schema: unknown; file: string }>();
      collectProperties(api, media.schema, rb.file, props, 0);
      const properties = new Map<string, PartSpec>();
      for (const [name, p] of props) properties.set(name, partSpecOf(api, p.schema, p.file));
      out.set(op, {
        validate: api.compiler.compile(translated, false),
        coerce: api.compiler.compile(translated, true),
        properties,
        contentTypes: encodingOf(media, where),
      });
    } catch (err) {
      if (err instanceof TypeError) throw new TypeError(`${err.message} (in ${where})`, { cause: err });
      throw err;
    }
  }
  kCompiled.set(api, out);
  return out;
}

const FLAG_REASONS: ReadonlyArray<readonly [keyof MultipartFlags, string]> = [
  ['boundaryWhitespace', 'whitespace around the boundary parameter'],
  ['missingSemicolon', 'no ";" before the boundary parameter'],
  ['dataBefore', 'data before the first boundary'],
  ['dataAfter', 'data after the closing boundary'],
  ['lfLine', 'a line not ended by CRLF'],
  ['headerFolding', 'a folded part header'],
  ['invalidHeaderFolding', 'a folded part header'],
  ['invalidQuoting', 'invalid quoting in Content-Disposition'],
  ['invalidPart', 'a Content-Disposition parameter other than name and filename'],
  ['unmatchedBoundary', 'a line inside a part starts with the boundary'],
  ['fileLimitExceeded', `more than ${MULTIPART_LIMITS.maxFiles} file parts`],
];

/** The processor's error message without its prefix and without client-chosen text. */
function reasonOf(error: string): string {
  const msg = error.replace(/^Multipart: /, '');
  return msg.startsWith('duplicate part header') ? 'duplicate part header' : msg;
}

/** One part: name, whether it is a file, its Content-Type header (if any) and its data (latin1). */
interface Part {
  readonly name: string;
  readonly file: boolean;
  readonly contentType: string | undefined;
  readonly data: string;
}

/**
 * Splits a body the processor accepted strictly into parts. Returns a reason when the split does not agree
 * with the processor (never expected; refused rather than trusted).
 */
function splitParts(contentType: string, text: string, boundary: string, expected: number): Part[] | string {
  const delim = `--${boundary}`;
  let p = 0;
  // A preamble of empty lines is allowed (the processor flags anything else).
  while (!text.startsWith(delim, p)) {
    const nl = text.indexOf('\n', p);
    if (nl === -1) return 'no boundary found in the body';
    p = nl + 1;
  }
  const parts: Part[] = [];
  for (;;) {
    p += delim.length;
    if (text.startsWith('--', p)) break;
    const eol = text.indexOf('\r\n', p);
    if (eol === -1) return 'final boundary missing';
    const start = eol + 2;
    const next = text.indexOf(`\r\n${delim}`, start);
    if (next === -1) return 'final boundary missing';
    const segment = text.slice(start, next);
    let headerBlock: string;
    let data: string;
    const blank = segment.indexOf('\r\n\r\n');
    if (blank !== -1) {
      headerBlock = segment.slice(0, blank);
      data = segment.slice(blank + 4);
    } else if (segment.endsWith('\r\n')) {
      // Headers only: the empty line that ends them is also the delimiter's CRLF.
      headerBlock = segment.slice(0, -2);
      data = '';
    } else return 'part headers not terminated by an empty line';
    const one = parseMultipartBody(
      contentType,
      `${delim}\r\n${headerBlock}\r\n\r\n\r\n${delim}--\r\n`,
      MULTIPART_LIMITS,
    );
    const arg = one.args[0];
    const file = one.files[0];
    const name = arg?.[0] ?? file?.name;
    if (one.error !== null || name === undefined || one.args.length + one.files.length !== 1)
      return 'inconsistent part';
    let partType: string | undefined;
    for (const [, h] of one.partHeaders) {
      const colon = h.indexOf(':');
      const header = h.slice(0, colon).toLowerCase();
      const value = h.slice(colon + 2);
      if (header === 'content-type') partType = value;
      // RFC 7578 §4.7: deprecated; a parser that decodes it would use other bytes than the ones validated.
      else if (header === 'content-transfer-encoding' && !/^(?:7bit|8bit|binary)[ \t]*$/i.test(value))
        return 'Content-Transfer-Encoding other than 7bit, 8bit or binary';
    }
    parts.push({ name, file: file !== undefined, contentType: partType, data });
    p = next + 2;
  }
  return parts.length === expected ? parts : 'inconsistent part count';
}

/** Parses a multipart body strictly into parts, or returns why it is malformed. */
function parseParts(contentType: string, body: Buffer): Part[] | { readonly malformed: string } {
  const text = body.toString('latin1');
  const r = parseMultipartBody(contentType, text, MULTIPART_LIMITS);
  if (r.error !== null) return { malformed: reasonOf(r.error) };
  for (const [flag, reason] of FLAG_REASONS) if (r.flags[flag]) return { malformed: reason };
  const boundary = parseBoundary(contentType, { ...r.flags });
  if (typeof boundary !== 'string') return { malformed: reasonOf(boundary.error) };
  const parts = splitParts(contentType, text, boundary, r.args.length + r.files.length);
  return typeof parts === 'string' ? { malformed: parts } : parts;
}

function allows(ranges: readonly string[], mt: string): boolean {
  if (mt === '') return false;
  const type = mt.slice(0, mt.indexOf('/'));
  return ranges.some((r) => r === mt || r === '*/*' || r === `${type}/*`);
}

function isJsonType(mt: string): boolean {
  return mt === 'application/json' || /^[a-z0-9.-]+\/[a-z0-9.-]+\+json$/.test(mt);
}

function define(obj: Obj, k: string, v: unknown): void {
  Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A part's value: `text` ones are coerced to the declared type, the others are validated as they are. */
interface Value {
  readonly value: unknown;
  readonly text: boolean;
}

/**
 * Validates a `multipart/form-data` body (`contentType` is the request's Content-Type header) against the
 * compiled media. Never throws on hostile input; issues carry pointers and keywords, never values.
 *
 * @example
 * const r = validateMultipart(media, 'multipart/form-data; boundary=x', body, 64);
 * if (r.kind === 'invalid') fail(r.issues);
 */
export function validateMultipart(
  media: MultipartMedia,
  contentType: string,
  body: Buffer,
  maxDepth: number,
): MultipartOutcome {
  const parsed = parseParts(contentType, body);
  if (!Array.isArray(parsed)) return { kind: 'malformed', reason: parsed.malformed };
  const byName = new Map<string, Value[]>();
  const issues: ValidationIssue[] = [];
  for (const part of parsed) {
    const pointer = `/body/${safeSegment(part.name)}`;
    const allowed = media.contentTypes.get(part.name);
    const mt = part.contentType === undefined ? 'text/plain' : mediaTypeOf(part.contentType);
    if (allowed !== undefined && !allows(allowed, mt))
      return { kind: 'part-media-type', name: part.name, allowed };
    const spec = media.properties.get(part.name);
    let v: Value;
    if (part.file || spec?.file === true) v = { value: part.data, text: false };
    else {
      let s: string;
      try {
        s = utf8.decode(Buffer.from(part.data, 'latin1'));
      } catch {
        issues.push({ pointer, keyword: 'encoding' });
        continue;
      }
      // Text is read as UTF-8: a part (or the form, `_charset_`) declaring another charset is refused, as an
      // upstream decoding it would see other characters than the ones validated.
      const charset =
        part.name === '_charset_'
          ? s.trim()
          : /;[ \t]*charset[ \t]*=[ \t]*"?([^";\s]*)/i.exec(part.contentType ?? '')?.[1];
      if (charset !== undefined && !/^(?:utf-8|us-ascii)$/i.test(charset)) {
        issues.push({ pointer, keyword: 'encoding' });
        continue;
      }
      if (isJsonType(mt)) {
        if (jsonDepthExceeds(s, maxDepth)) {
          issues.push({ pointer, keyword: 'depth' });
          continue;
        }
        // JSON.parse keeps the last copy of a repeated member, first-wins upstreams the first: refuse both.
        if (repeatsKey(s)) {
          issues.push({ pointer, keyword: 'duplicateKey' });
          continue;
        }
        try {
          v = { value: JSON.parse(s), text: false };
        } catch {
          issues.push({ pointer, keyword: 'syntax' });
          continue;
        }
      } else v = { value: s, text: true };
    }
    const list = byName.get(part.name);
    if (list === undefined) byName.set(part.name, [v]);
    else list.push(v);
  }
  if (issues.length > 0) return { kind: 'invalid', issues: issues.slice(0, MAX_ISSUES) };
  // Text parts are coerced (as urlencoded fields are) in a first pass over the text-only members; files and
  // JSON values are then validated as they are.
  const value: Obj = {};
  const textOnly: Obj = {};
  let allText = true;
  for (const [name, list] of byName) {
    const array = list.length > 1 || media.properties.get(name)?.array === true;
    const v = array ? list.map((x) => x.value) : list[0]!.value;
    define(value, name, v);
    if (list.every((x) => x.text)) define(textOnly, name, v);
    else allText = false;
  }
  if (allText) {
    const ok = safeValidate(media.coerce, value);
    if (ok === 'depth') return { kind: 'invalid', issues: [{ pointer: '/body', keyword: 'depth' }] };
    return ok ? { kind: 'ok' } : { kind: 'invalid', issues: issuesOf(media.coerce.errors, '/body') };
  }
  if (safeValidate(media.coerce, textOnly) === 'depth')
    return { kind: 'invalid', issues: [{ pointer: '/body', keyword: 'depth' }] };
  for (const name of Object.keys(textOnly)) define(value, name, textOnly[name]);
  const ok = safeValidate(media.validate, value);
  if (ok === 'depth') return { kind: 'invalid', issues: [{ pointer: '/body', keyword: 'depth' }] };
  return ok ? { kind: 'ok' } : { kind: 'invalid', issues: issuesOf(media.validate.errors, '/body') };
}
