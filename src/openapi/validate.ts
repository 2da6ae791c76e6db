/**
 * Per-request validation against a compiled operation: parameters (path, query, header, cookie) and bodies
 * (JSON, `application/x-www-form-urlencoded`). Pure: inputs are strings and buffers, outputs are issues
 * (JSON pointer + keyword, never a value).
 */
import type { CompiledMedia, CompiledOperation, ValidationIssue } from './compile.ts';
import { issuesOf, MAX_ISSUES, pickMedia, safeSegment } from './compile.ts';
import {
  DEFAULT_MAX_JSON_DEPTH,
  extractCookies,
  extractQuery,
  jsonDepthExceeds,
  ParamDecodeError,
  parseQuery,
  parseSimple,
} from './params.ts';

/** Result of validating the parameters of a request. */
export interface ParamsResult {
  readonly issues: ValidationIssue[];
  /** Names of query parameters the operation does not declare (sanitized: unsafe names become `*`). */
  readonly unknownQuery: string[];
}

function define(obj: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/**
 * Validates path, query, header and cookie parameters of a request for `op`.
 *
 * @example
 * const r = validateParams(op, { petId: '12' }, 'limit=10', ctx.headers);
 * if (r.issues.length > 0) throw problem(r.issues);
 */
export function validateParams(
  op: CompiledOperation,
  segments: Readonly<Record<string, string>>,
  query: string,
  headers: Readonly<Record<string, string | string[] | undefined>>,
): ParamsResult {
  const issues: ValidationIssue[] = [];
  const data: Record<string, Record<string, unknown>> = { path: {}, query: {}, header: {}, cookie: {} };
  const guard = (pointer: string, fn: () => void) => {
    try {
      fn();
    } catch (err) {
      if (!(err instanceof ParamDecodeError)) throw err;
      issues.push({ pointer, keyword: err.keyword });
    }
  };
  for (const p of op.pathParams) {
    const raw = segments[p.name];
    if (raw !== undefined)
      guard(`/path/${safeSegment(p.name)}`, () => define(data.path!, p.name, parseSimple(p, raw, true)));
  }
  let unknownQuery: string[] = [];
  guard('/query', () => {
    const pairs = parseQuery(query);
    const { values, claimed } = extractQuery(op.queryParams, pairs);
    data.query = values;
    const unknown = new Set<string>();
    pairs.forEach(([n], i) => {
      if (!claimed.has(i)) unknown.add(safeSegment(n));
    });
    unknownQuery = [...unknown];
  });
  for (const p of op.headerParams) {
    const v = headers[p.name];
    if (v === undefined) continue;
    const raw = Array.isArray(v) ? v.join(',') : v;
    guard(`/header/${safeSegment(p.name)}`, () => define(data.header!, p.name, parseSimple(p, raw, false)));
  }
  guard('/cookie', () => {
    data.cookie = extractCookies(op.cookieParams, headers.cookie);
  });
  if (issues.length === 0 && !op.validateParams(data)) issues.push(...issuesOf(op.validateParams.errors, ''));
  return { issues: issues.slice(0, MAX_ISSUES), unknownQuery };
}

/** Outcome of validating a body. */
export type BodyResult =
  | { readonly kind: 'ok'; readonly media: CompiledMedia | undefined }
  | { readonly kind: 'unsupported-media-type' }
  | { readonly kind: 'invalid'; readonly issues: ValidationIssue[] };

/** Parses an urlencoded form into an object: repeated fields (and fields declared as arrays) become arrays. */
export function parseForm(text: string, arrayFields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of parseQuery(text, 10_000)) {
    const prev = Object.hasOwn(out, name) ? out[name] : undefined;
    if (prev === undefined) define(out, name, arrayFields.has(name) ? [value] : value);
    else define(out, name, Array.isArray(prev) ? [...prev, value] : [prev, value]);
  }
  return out;
}

export { DEFAULT_MAX_JSON_DEPTH, jsonDepthExceeds };

/** Runs a validator, turning a stack overflow on hostile nesting into a `depth` failure. */
export function safeValidate(validate: (v: unknown) => boolean, value: unknown): boolean | 'depth' {
  try {
    return validate(value);
  } catch (err) {
    if (err instanceof RangeError) return 'depth';
    throw err;
  }
}

/**
 * Validates a request body of media type `mt` (lower-case, no parameters; '' when absent) against `op`.
 * `body` is undefined when the request has no body.
 */
export function validateBody(
  op: CompiledOperation,
  mt: string,
  body: Buffer | undefined,
  maxDepth = DEFAULT_MAX_JSON_DEPTH,
): BodyResult {
  const declared = op.body;
  if (body === undefined || body.length === 0) {
    if (declared?.required === true)
      return { kind: 'invalid', issues: [{ pointer: '/body', keyword: 'required' }] };
    return { kind: 'ok', media: undefined };
  }
  if (declared === undefined) return { kind: 'unsupported-media-type' };
  const media = pickMedia(declared.media, mt);
  if (media === undefined) return { kind: 'unsupported-media-type' };
  if (media.validate === undefined) return { kind: 'ok', media };
  let value: unknown;
  if (media.kind === 'json') {
    const text = body.toString('utf8');
    if (jsonDepthExceeds(text, maxDepth))
      return { kind: 'invalid', issues: [{ pointer: '/body', keyword: 'depth' }] };
    try {
      value = JSON.parse(text);
    } catch {
      return { kind: 'invalid', issues: [{ pointer: '/body', keyword: 'syntax' }] };
    }
  } else {
    try {
      value = parseForm(body.toString('utf8'), media.arrayFields);
    } catch (err) {
      if (err instanceof ParamDecodeError)
        return { kind: 'invalid', issues: [{ pointer: '/body', keyword: err.keyword }] };
      throw err;
    }
  }
  const ok = safeValidate(media.validate, value);
  if (ok === 'depth') return { kind: 'invalid', issues: [{ pointer: '/body', keyword: 'depth' }] };
  if (ok) return { kind: 'ok', media };
  return { kind: 'invalid', issues: issuesOf(media.validate.errors, '/body') };
}
