/**
 * Response checks against a compiled operation: the status and media type must be declared, a JSON body must
 * match its schema (`writeOnly` members refused), and the property allowlist removes undeclared members.
 */
import type { CompiledApi, CompiledMedia, CompiledOperation, ValidationIssue } from './compile.ts';
import { issuesOf, mediaTypeOf, pickMedia } from './compile.ts';
import { stripUndeclared } from './strip.ts';
import { DEFAULT_MAX_JSON_DEPTH, jsonDepthExceeds, safeValidate } from './validate.ts';

/** Declared media types for a status: exact code, then `2XX`-style range, then `default`. */
export function responseMediaFor(
  op: CompiledOperation,
  status: number,
): readonly CompiledMedia[] | undefined {
  return (
    op.responses.get(String(status)) ??
    op.responses.get(`${Math.floor(status / 100)}XX`) ??
    op.responses.get('DEFAULT')
  );
}

/** What {@link checkResponseHead} found. */
export interface HeadCheck {
  readonly issues: ValidationIssue[];
  /** The declared JSON media whose body can be validated/filtered, when any. */
  readonly media: CompiledMedia | undefined;
}

/** Checks the status and Content-Type of a response (what is known before the body). */
export function checkResponseHead(
  op: CompiledOperation,
  status: number,
  contentType: string | string[] | undefined,
  hasBody: boolean,
): HeadCheck {
  const declared = responseMediaFor(op, status);
  if (declared === undefined)
    return { issues: [{ pointer: '/status', keyword: 'undeclared' }], media: undefined };
  if (!hasBody || declared.length === 0) return { issues: [], media: undefined };
  const media = pickMedia(declared, mediaTypeOf(Array.isArray(contentType) ? contentType[0] : contentType));
  if (media === undefined)
    return { issues: [{ pointer: '/header/content-type', keyword: 'undeclared' }], media: undefined };
  return { issues: [], media: media.kind === 'json' ? media : undefined };
}

/** Result of {@link filterResponseBody}. */
export interface BodyFilterResult {
  /** The body to send: the original when nothing was removed, else the re-serialized JSON. */
  readonly body: Buffer;
  readonly issues: ValidationIssue[];
  /** Members removed by the allowlist. */
  readonly stripped: number;
}

/**
 * Validates a JSON response body against `media` and, when `strip` is set, removes undeclared members.
 *
 * @example
 * const r = filterResponseBody(api, media, upstreamBody, { validate: true, strip: true });
 */
export function filterResponseBody(
  api: CompiledApi,
  media: CompiledMedia,
  body: Buffer,
  opts: { readonly validate: boolean; readonly strip: boolean; readonly maxDepth?: number },
): BodyFilterResult {
  let value: unknown;
  const text = body.toString('utf8');
  if (jsonDepthExceeds(text, opts.maxDepth ?? DEFAULT_MAX_JSON_DEPTH)) {
    return { body, issues: [{ pointer: '/body', keyword: 'depth' }], stripped: 0 };
  }
  try {
    value = JSON.parse(text);
  } catch {
    return { body, issues: [{ pointer: '/body', keyword: 'syntax' }], stripped: 0 };
  }
  const issues: ValidationIssue[] = [];
  if (opts.validate && media.validate !== undefined) {
    const ok = safeValidate(media.validate, value);
    if (ok === 'depth') issues.push({ pointer: '/body', keyword: 'depth' });
    else if (!ok) issues.push(...issuesOf(media.validate.errors, '/body'));
  }
  if (!opts.strip || media.schema === undefined) return { body, issues, stripped: 0 };
  const stripped = stripUndeclared(value, media.schema, (id) => api.compiler.lookup(id));
  return { body: stripped === 0 ? body : Buffer.from(JSON.stringify(value)), issues, stripped };
}
