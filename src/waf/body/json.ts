/**
 * JSON request body processor: flattens a JSON document into `ARGS_POST` name/value pairs.
 *
 * Naming follows Coraza v3 (`internal/bodyprocessors/json.go`, `readItems`), which CRS' regression suite is run
 * against and which matches ModSecurity v3's dotted form:
 * - the root is `json`; object members append `.key`; array elements append `.index` (`json.items.0`);
 * - every non-empty array also yields one argument named after the array whose value is its length
 *   (`json.items` = `3`);
 * - strings are unescaped (`\u0027` → `'`), `null` becomes the empty string, booleans are `true`/`false`, numbers
 *   are printed as JavaScript prints them (`30`; Coraza keeps the raw text, so `1.0` there is `1` here);
 *   empty objects and arrays yield nothing; a top-level scalar is one argument named `json`.
 *
 * Unlike Coraza (gjson is lenient), malformed JSON, invalid UTF-8, a repeated member name, nesting deeper than
 * `maxDepth` or more than `maxArgs` arguments are errors, as ModSecurity reports them in `REQBODY_ERROR` / `REQBODY_ERROR_MSG`.
 * Input and output are byte strings (one char per byte, latin1), the engine's contract.
 */

import { repeatsKey } from '../../lib/json-duplicate-keys.ts';

/** Limits for {@link parseJsonBody}. */
export interface JsonBodyLimits {
  /** Deepest nesting of objects/arrays accepted (ModSecurity `SecRequestBodyJsonDepthLimit`). Default 512. */
  readonly maxDepth?: number;
  /** Most arguments produced (ModSecurity `SecArgumentsLimit`). Default 1000. */
  readonly maxArgs?: number;
  /**
   * Post-processing of the flattened arguments (the WAF API profile's GraphQL and nested-encoding expansion,
   * src/waf/profile/expand.ts). Runs after the limits were checked; it must bound what it adds itself. `keys`:
   * every distinct object member name as sent (byte strings), which the dotted argument names cannot tell apart
   * from nesting (`{"a.b": 1}` and `{"a": {"b": 1}}` are both `json.a.b`).
   */
  readonly expand?: (
    args: readonly (readonly [string, string])[],
    keys: ReadonlySet<string>,
  ) => readonly (readonly [string, string])[];
  /**
   * Whether `REQUEST_BODY` also holds a body the JSON processor parsed (default true, as ModSecurity). False in the
   * WAF API profile: every value and name is then inspected through the argument views (decoded, expanded,
   * prose-classified, `exclude_fields` applied) and not a second time as raw JSON text, where none of those views
   * apply; a body that does not parse keeps `REQUEST_BODY`.
   */
  readonly rawBody?: boolean;
}

/** Result of {@link parseJsonBody}: the flattened arguments, or an error message (REQBODY_ERROR_MSG). */
export type JsonBodyResult =
  | { readonly ok: true; readonly args: readonly (readonly [string, string])[] }
  | { readonly ok: false; readonly error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function toBytes(s: string): string {
  // ASCII fast path: most names and values need no re-encoding.
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) return Buffer.from(s, 'utf8').toString('latin1');
  }
  return s;
}

/** Deepest bracket nesting outside strings, stopping early once `limit` is exceeded. */
function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

class TooManyArgs extends Error {}

/**
 * Parses a JSON request body (byte string) and flattens it into arguments named as Coraza/ModSecurity do.
 *
 * @example
 * parseJsonBody('{"data":{"name":"John","age":30},"items":[1,2]}');
 * // { ok: true, args: [['json.data.name','John'], ['json.data.age','30'], ['json.items.0','1'],
 * //                    ['json.items.1','2'], ['json.items','2']] }
 */
export function parseJsonBody(body: string, limits: JsonBodyLimits = {}): JsonBodyResult {
  const maxDepth = limits.maxDepth ?? 512;
  const maxArgs = limits.maxArgs ?? 1000;
  let text: string;
  try {
    text = utf8.decode(Buffer.from(body, 'latin1'));
  } catch {
    return { ok: false, error: 'JSON parsing error: invalid UTF-8' };
  }
  if (nestingDepth(text, maxDepth) > maxDepth) {
    return { ok: false, error: `JSON parsing error: nesting deeper than ${maxDepth}` };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `JSON parsing error: ${(err as Error).message}` };
  }
  // A repeated member name: JSON.parse keeps the last copy, first-wins parsers upstream (gjson, jsonparser,
  // RapidJSON) the first, so the value inspected might not be the one used. Refused, as a body the processor
  // cannot read (REQBODY_ERROR: CRS 200002 blocks it).
  if (doc !== null && typeof doc === 'object' && repeatsKey(text))
    return { ok: false, error: 'JSON parsing error: duplicate member name' };
  const args: [string, string][] = [];
  const push = (k: string, v: string): void => {
    if (args.length >= maxArgs) throw new TooManyArgs();
    args.push([k, v]);
  };
  // Member names as sent, collected only for the expansion (the profile's raw-key view).
  const keys = limits.expand === undefined ? null : new Set<string>();
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) visit(value[i], `${key}.${i}`);
      if (value.length > 0) push(key, String(value.length));
    } else {
      for (const k of Object.keys(value as object)) {
        const b = toBytes(k);
        if (keys !== null) {
          keys.add(b);
          // Empty members make no argument, but each distinct name may be shown by the raw-key view: bounded too.
          if (keys.size > maxArgs) throw new TooManyArgs();
        }
        visit((value as Record<string, unknown>)[k], `${key}.${b}`);
      }
    }
  };
  const visit = (value: unknown, key: string): void => {
    if (value === null) push(key, '');
    else if (typeof value === 'object') walk(value, key);
    else if (typeof value === 'string') push(key, toBytes(value));
    else push(key, String(value));
  };
  try {
    if (doc !== null && typeof doc === 'object') walk(doc, 'json');
    else visit(doc, 'json');
  } catch (err) {
    if (err instanceof TooManyArgs)
      return { ok: false, error: `JSON parsing error: more than ${maxArgs} arguments` };
    throw err;
  }
  return { ok: true, args: limits.expand === undefined || keys === null ? args : limits.expand(args, keys) };
}
