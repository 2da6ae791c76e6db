/**
 * The WAF API profile's argument expansion (issue 5, "API profile"), applied to the arguments the JSON body
 * processor (src/waf/body/json.ts) produced:
 * - **GraphQL**: a GraphQL-over-HTTP request (`{"query": "...", "variables": {...}, "operationName": ...}`, or a
 *   batch of them) has its `query` argument replaced by one argument per string literal
 *   (`json.query.string.N`, block strings too) and per comment (`json.query.comment.N`), so that SQLi/XSS/RCE
 *   rules see each literal separately and never the document's syntax as a whole; the variables already are
 *   separate arguments. A `query` that does not parse as GraphQL stays one argument (inspected as a whole).
 * - **Nested encodings**: a string value that holds JSON, percent-encoding or base64 (of printable UTF-8) is
 *   decoded and the decoded content added as extra arguments with derived names (`<name>.decoded-json.<path>`,
 *   `<name>.decoded-url`, `<name>.decoded-base64`), recursively up to `maxDepth` decodings, within a budget of
 *   decoded bytes and extra arguments. When the budget runs out an argument named {@link DECODE_LIMIT_ARG} is
 *   added (the profile scores it, so padding a request with decodable values cannot hide a payload).
 * - **Value view** (./view.ts): every string value is shown to the engine in its Unicode canonical form (or, for
 *   an inline binary image, as a short summary), and natural-language values are renamed
 *   `gatehouse.prose.<families>:<name>` so that the profile can exempt them from the few rules that fire on words
 *   alone when they lack the syntax of that family's exploits.
 * - **Query strings** ({@link queryArgsView}): the same canonical form and prose renaming for the parameters of
 *   a request target (GraphQL over GET has its own rewrite, {@link graphqlGetQuery}).
 *
 * Names and values are byte strings (one char per byte, latin1), the engine's contract.
 */

import { isUtf8 } from 'node:buffer';
import { Kind, Lexer, parse, Source, type Token, TokenKind } from 'graphql';
import { repeatsKey } from '../../lib/json-duplicate-keys.ts';
import { decodeFormComponent } from '../engine.ts';
import {
  CODE_FAMILY,
  codeField,
  FENCED_CODE_SUFFIX,
  fileObjects,
  htmlCode,
  markdownFences,
  markdownField,
} from './code.ts';
import { sanitizedHtml } from './html.ts';
import {
  canonicalText,
  familiesThatMayFire,
  bytesToText as fromBytes,
  inertToken,
  inlineImageSummary,
  markdownCodeText,
  mayNameOsFile,
  PROSE_PREFIX,
  proseWaivers,
  QUERY_FAMILIES,
  QUERY_MIN_WORDS,
  textToBytes as toBytes,
} from './view.ts';

/** Options of {@link expandApiArgs}. */
export interface ApiExpandOptions {
  /** Replace the `query` of GraphQL-over-HTTP bodies by its string literals and comments. */
  readonly graphql: boolean;
  /** Most nested decodings of one value (JSON in base64 in JSON = 2). 0 disables nested decoding. */
  readonly maxDepth: number;
  /** Most decoded bytes added per request. */
  readonly maxDecodedBytes: number;
  /** Most extra arguments added per request. */
  readonly maxExtraArgs: number;
  /** Most lexical tokens of a GraphQL document parsed (larger: kept as one argument). */
  readonly maxGraphqlTokens?: number;
  /**
   * Rename natural-language values to `gatehouse.prose.<families>:<name>` so that the profile exempts them from
   * the rules that fire on words alone (src/waf/profile/view.ts). Default true; off for GraphQL over GET.
   */
  readonly proseView?: boolean;
}

/** Default expansion options of the API profile. */
export const DEFAULT_EXPAND_OPTIONS: ApiExpandOptions = {
  graphql: true,
  maxDepth: 3,
  maxDecodedBytes: 256 * 1024,
  maxExtraArgs: 500,
  maxGraphqlTokens: 20_000,
};

/** Name of the argument added when the decoding budget ran out (value: what ran out). */
export const DECODE_LIMIT_ARG = 'gatehouse.decode-limit';

type Arg = readonly [string, string];

const GRAPHQL_KEYS = new Set(['query', 'variables', 'operationName', 'extensions']);
const utf8 = new TextDecoder('utf-8', { fatal: true });
/** `json.query` → root `json`; `json.3.query` → root `json.3` (batched requests); else null. */
function graphqlRoot(name: string): string | null {
  if (!name.endsWith('.query')) return null;
  const m = /^(json(?:\.\d+)?)\.query$/.exec(name);
  return m === null ? null : (m[1] as string);
}

/** The string literals and comments of a GraphQL document, or null when it is not one. */
function graphqlPieces(text: string, maxTokens: number): { strings: string[]; comments: string[] } | null {
  try {
    // Executable documents only: a type-system document (`union X = …`, `schema {…}`) is not a request.
    const doc = parse(text, { maxTokens, noLocation: true });
    if (
      !doc.definitions.every(
        (d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION,
      )
    )
      return null;
  } catch {
    return null;
  }
  const strings: string[] = [];
  const comments: string[] = [];
  const lexer = new Lexer(new Source(text));
  let t: Token | null = lexer.token;
  // Lexer.advance() skips comments but links them into the token list: walk `next` from the start.
  for (let n = 0; n <= maxTokens * 2; n++) {
    if (t === null) break;
    if (t.kind === TokenKind.EOF) break;
    if (t.next === null) lexer.advance();
    if (t.kind === TokenKind.STRING || t.kind === TokenKind.BLOCK_STRING) strings.push(t.value);
    else if (t.kind === TokenKind.COMMENT) comments.push(t.value);
    t = t.next;
  }
  return { strings, comments };
}

/** Replaces GraphQL documents among the args by their literals and comments (see the module comment). */
function expandGraphql(args: readonly Arg[], maxTokens: number): Arg[] {
  const roots = new Set<string>();
  for (const [name] of args) {
    const r = graphqlRoot(name);
    if (r !== null) roots.add(r);
  }
  if (roots.size === 0) return args as Arg[];
  // Only GraphQL-over-HTTP shaped objects: every member of the root is query/variables/operationName/extensions.
  for (const [name] of args) {
    for (const r of roots) {
      if (!name.startsWith(`${r}.`)) continue;
      const rest = name.slice(r.length + 1);
      const dot = rest.indexOf('.');
      const key = dot === -1 ? rest : rest.slice(0, dot);
      if (!GRAPHQL_KEYS.has(key)) roots.delete(r);
    }
  }
  if (roots.size === 0) return args as Arg[];
  const out: Arg[] = [];
  for (const a of args) {
    const r = graphqlRoot(a[0]);
    const text = r !== null && roots.has(r) ? fromBytes(a[1]) : null;
    const pieces = text === null ? null : graphqlPieces(text, maxTokens);
    if (pieces === null) {
      out.push(a);
      continue;
    }
    pieces.strings.forEach((s, i) => {
      out.push([`${a[0]}.string.${i}`, toBytes(s)]);
    });
    pieces.comments.forEach((s, i) => {
      out.push([`${a[0]}.comment.${i}`, toBytes(s)]);
    });
  }
  return out;
}

const PCT = /%[0-9A-Fa-f]{2}/;
// The values of an HTML element's URL attributes, where percent-encoding is the URL's own syntax.
const URL_ATTRIBUTE_VALUES = /\s(?:href|src|cite|url|srcset)\s*=\s*(?:"[^"]{0,4000}"|'[^']{0,4000}')/gi;

/**
 * True when a value is rich text a strict sanitizer passes unchanged (./html.ts) whose percent-escapes are all in
 * URL attribute values (`<a href="mailto:a@b.example?subject=Press%20inquiry">`): the URL's own encoding, which a
 * browser sends to the server the link names and no application decodes into the markup.
 */
function percentOnlyInHtmlUrls(value: string): boolean {
  if (!value.includes('<') || PCT.test(value.replace(URL_ATTRIBUTE_VALUES, ' '))) return false;
  const text = fromBytes(value);
  return text !== null && sanitizedHtml(text);
}
const DATA_BASE64 = /^data:[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+(?:;[a-z0-9_.-]+=[a-z0-9_.-]+)*;base64,/i;
const B64 = /^[A-Za-z0-9+/_-]{8,}={0,2}$/;

// A member that holds an OAuth redirect URI (`redirect_uris`, `redirectUri`, `post_logout_redirect_uris`).
// Session 9 audit: those names only (`sector_identifier_redirect_uri` is a URL the server fetches).
const REDIRECT_URI_MEMBER = /(?:^|\.)(?:post_?logout_?)?redirect_?ur[il]s?(?:\.[0-9]+)?$/i;

// An http(s) URL whose host is `localhost`, `127.0.0.1`, `[::1]` or a DNS name (no numeric, hex or octal IP
// forms, no link-local metadata address: those are SSRF probes, not a developer's callback).
// A DNS name has a dot (session 9 audit: `http://instance-data/…` is EC2's metadata alias), and the port is no
// well-known internal service's (Docker 2375/2376, Consul 8500, etcd 2379, kubelet 10250, Redis, Elasticsearch, …).
const REDIRECT_URI_VALUE =
  /^https?:\/\/(?:localhost|127\.0\.0\.1|\[::1\]|(?!0x)[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)(?::(?!(?:2375|2376|2379|2380|4001|5984|6379|8500|8501|9200|9300|10250|10255|11211|27017|15672|8086|9000|9090|5601)(?![0-9]))[0-9]{1,5})?(?:[/?#][^\s<>"'`\\]*)?$/i;
const REDIRECT_URI_PROBE = /metadata|meta-data|instance-data|computemetadata|169\.254\.|100\.100\.100\.200/i;

/**
 * True when the argument is an http(s) URL in an OAuth redirect-URI member (family `r`, 90102; session 8): a
 * client registration's `https://localhost:3000/callback` is where a browser is sent back, never a URL the
 * server fetches (a webhook or import URL keeps the rule).
 */
function redirectUri(name: string, value: string): boolean {
  return REDIRECT_URI_MEMBER.test(name) && REDIRECT_URI_VALUE.test(value) && !REDIRECT_URI_PROBE.test(value);
}

// A one-segment glob (`staging/*`) in a member named for a scope or pattern (`environment_scope`, `path_pattern`):
// a glob where it is expected. Elsewhere `id/*` is a column name and an unterminated comment (session 9 audit 13),
// so ./view.ts gives family g to globs of two segments or more only.
// Not a word SQL reads as a column of credentials or users (`password/*`, `users/*`; audit 14): the member name
// is the client's choice, so the value itself must not be a useful truncation either.
const SCOPE_GLOB =
  /^(?!(?:id|uid|user|users|username|password|passwd|pass|pwd|email|owner|owner_id|tenant|tenant_id|account|role|admin|is_admin|token|secret|rowid|_rowid_|oid|ctid|rownum)\/)[A-Za-z][\w.-]{0,63}\/\*{1,2}$/i;
const SCOPE_MEMBER =
  /(?:scope|pattern|glob|prefix|paths?|include|exclude|match|branch(?:es)?|ref)s?(?:\.[0-9]+)?$/i;

/** True when the argument is a one-segment glob in a scope- or pattern-named member (family g). */
function scopeGlob(name: string, value: string): boolean {
  return SCOPE_GLOB.test(value) && SCOPE_MEMBER.test(name);
}

/** Percent-decodes a byte string (bytes stay bytes; `+` is kept). */
function percentDecode(s: string): string {
  const d = s.replace(PCT_ESCAPE, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  if (isUtf8(Buffer.from(d, 'latin1'))) return d;
  // Escapes of bytes that make no UTF-8 character are left as written (session 10: `(s%86400)/3600` in a widget's
  // script, `%%CLICK_URL%%` macros in an ad creative): decoded, they are no text an application could have meant,
  // and CRS 920250 would read the stray bytes as an encoding attack. A run of escapes is decoded when it is UTF-8.
  return s.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = run.replace(PCT_ESCAPE, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
    if (isUtf8(Buffer.from(bytes, 'latin1'))) return bytes;
    return run.replace(/%([0-7][0-9A-Fa-f])/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  });
}
const PCT_ESCAPE = /%([0-9A-Fa-f]{2})/g;

// Characters lenient base64 decoders skip (Node's Buffer, Python's b64decode without validate, PHP's
// base64_decode, Java's MIME decoder): a few of them inside a token do not stop a backend from decoding it.
const B64_JUNK = /[.\s%!*~:;,]/g;

/**
 * Base64 (standard or URL-safe) of mostly printable UTF-8 text → that text as a byte string, else null. Up to
 * four characters a lenient decoder skips (`JyBV.TklP…`) are skipped here too (session 8 audit).
 */
function base64Text(s: string): string | null {
  let t = s.replace(/[\r\n]/g, '');
  if (!B64.test(t)) {
    const junk = t.match(B64_JUNK);
    if (junk === null || junk.length > 4 || t.length < 16) return null;
    t = t.replace(B64_JUNK, '');
    if (t.length < 16 || !B64.test(t) || !/[A-Z]/.test(t) || !/[a-z]/.test(t)) return null;
  }
  const unpadded = t.replace(/=+$/, '');
  if (unpadded.length % 4 === 1) return null;
  const buf = Buffer.from(unpadded, 'base64');
  // Checked before decoding: most base64-looking words (`sku-1000`) decode to invalid UTF-8, and a throwing
  // decoder costs far more than the check.
  if (buf.length < 4 || !isUtf8(buf)) return null;
  const text = utf8.decode(buf);
  let printable = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    // Form feed and vertical tab are whitespace to SQL and shells (`'\fUNION\fSELECT`).
    if (c >= 0x20 ? c !== 0x7f : c >= 9 && c <= 13) printable++;
  }
  // Text: valid UTF-8 with a few other control bytes (padding bytes cannot hide a payload); a short token (an id
  // that happens to be base64-shaped) only when nearly all of it is printable.
  return printable >= text.length * (text.length < 24 ? 0.95 : 0.75) ? buf.toString('latin1') : null;
}

/**
 * Flattens a decoded JSON value into (name, byte string) leaves, as the JSON body processor names them;
 * `canonical`: string leaves in their canonical form (see view.ts).
 */
function flattenJson(
  value: unknown,
  name: string,
  out: Arg[],
  canonical = false,
  keys: Set<string> | null = null,
): void {
  if (value === null) out.push([name, '']);
  else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      flattenJson(v, `${name}.${i}`, out, canonical, keys);
    });
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const b = toBytes(k);
      keys?.add(b);
      flattenJson(v, `${name}.${b}`, out, canonical, keys);
    }
  } else if (typeof value === 'string') {
    const b = toBytes(value);
    out.push([name, canonical ? canonicalView(b) : b]);
  } else out.push([name, String(value)]);
}

/** What the engine sees of one string value: an inline image's summary, else the value's canonical form. */
function canonicalView(value: string): string {
  return inlineImageSummary(value) ?? canonicalText(value);
}

/** Mutable decoding budget of one request. */
interface Budget {
  bytes: number;
  args: number;
  exhausted: string | null;
}

function spend(budget: Budget, produced: readonly Arg[]): boolean {
  let bytes = 0;
  for (const [k, v] of produced) bytes += k.length + v.length;
  if (budget.bytes < bytes) budget.exhausted = 'bytes';
  else if (budget.args < produced.length) budget.exhausted = 'args';
  if (budget.exhausted !== null) return false;
  budget.bytes -= bytes;
  budget.args -= produced.length;
  return true;
}

// A base64 SAML message (`SAMLResponse`, `SAMLRequest`: the root element in a SAML namespace declared on it): the
// markup is the protocol's, read by its library after the signature check, not a page. Shown to the engine as a
// summary unless it holds what an XML parser or a browser would act on (a DOCTYPE or entity, a processing
// instruction other than the declaration, script, a handler, a script URL).
const SIGNED_XML =
  /^\s*(?:<\?xml[^<>]{0,100}\?>\s*)?<[A-Za-z][\w.-]*:[A-Za-z][\w.-]*\s[^<>]*xmlns:[A-Za-z][\w.-]*="urn:oasis:names:tc:SAML:/;
const XML_ACTIVE = /<!|<\?(?!xml\s)|<script|\bon[a-z]{3,}\s*=|javascript\s*:|\$\{|\{\{/i;
const SIGNED_XML_SUMMARY = 'saml-message';

/**
 * Decodes one value (JSON, then percent-encoding, then base64), appending derived args; recursive. `keys`: where
 * the member names of decoded JSON documents are collected (null: not collected).
 */
function decodeValue(
  name: string,
  value: string,
  depth: number,
  budget: Budget,
  out: Arg[],
  keys: Set<string> | null,
): void {
  if (budget.exhausted !== null || value.length < 4) return;
  if (depth <= 0) {
    // Still base64 of text at the last level (session 8 audit: four layers of base64 went uninspected): the
    // request holds more nesting than the profile decodes, as a budget running out does.
    if (value.length >= 8 && base64Text(value) !== null) budget.exhausted = 'depth';
    return;
  }
  const produced: Arg[] = [];
  const trimmed = value.trim();
  const c0 = trimmed.charCodeAt(0);
  if ((c0 === 0x7b || c0 === 0x5b) && trimmed.length >= 2) {
    const text = fromBytes(trimmed);
    if (text !== null) {
      try {
        const doc: unknown = JSON.parse(text);
        if (doc !== null && typeof doc === 'object')
          flattenJson(doc, `${name}.decoded-json`, produced, true, keys);
      } catch {
        // Not JSON: other decodings may still apply.
      }
    }
  }
  if (produced.length === 0 && PCT.test(value) && !percentOnlyInHtmlUrls(value)) {
    const d = percentDecode(value);
    if (d !== value) produced.push([`${name}.decoded-url`, canonicalText(d)]);
  }
  if (produced.length === 0) {
    // `data:<type>;base64,<payload>` (a payload that is text; binary images were summarised before).
    const prefix = DATA_BASE64.exec(value);
    const d = base64Text(prefix === null ? value : value.slice(prefix[0].length));
    if (d !== null)
      produced.push([
        `${name}.decoded-base64`,
        SIGNED_XML.test(d) && !XML_ACTIVE.test(d) ? SIGNED_XML_SUMMARY : canonicalText(d),
      ]);
  }
  if (produced.length === 0 || !spend(budget, produced)) return;
  for (const a of produced) {
    out.push(a);
    decodeValue(a[0], a[1], depth - 1, budget, out, keys);
  }
}

/**
 * The API profile's view of a JSON body's arguments: GraphQL documents replaced by their literals and comments,
 * then nested JSON / percent-encoding / base64 decoded into extra arguments (see the module comment). With `keys`
 * (the body's member names as sent, src/waf/body/json.ts), also the raw-key view ({@link jsonKeyArgs}) of those
 * names and of the names in decoded JSON documents.
 *
 * @example
 * expandApiArgs([['json.q', 'eyJhIjoiMSIgT1IgMT0xIn0=']], DEFAULT_EXPAND_OPTIONS);
 * // [['json.q', 'eyJh…'], ['json.q.decoded-base64', '{"a":"1" OR 1=1"}'], …]
 * expandApiArgs([['json.web.config', '1']], DEFAULT_EXPAND_OPTIONS, new Set(['web.config']));
 * // [['json.web.config', '1'], ['gatehouse.json-key:web.config', '']]
 */
export function expandApiArgs(
  args: readonly Arg[],
  options: ApiExpandOptions = DEFAULT_EXPAND_OPTIONS,
  keys?: ReadonlySet<string>,
): Arg[] {
  const allKeys = keys === undefined ? null : new Set(keys);
  const base = (options.graphql ? expandGraphql(args, options.maxGraphqlTokens ?? 20_000) : args).map(
    ([k, v]): Arg => [k, canonicalView(v)],
  );
  let out: Arg[] = base;
  const files = fileObjects(base);
  if (options.maxDepth > 0) {
    const budget: Budget = { bytes: options.maxDecodedBytes, args: options.maxExtraArgs, exhausted: null };
    out = [];
    for (const a of base) {
      out.push(a);
      // A program is not an encoding of anything (`%%sh`, `printf("%d")`): its text is inspected as code.
      if (!codeField(a[0], a[1], files)) decodeValue(a[0], a[1], options.maxDepth, budget, out, allKeys);
    }
    if (budget.exhausted !== null) out.push([DECODE_LIMIT_ARG, budget.exhausted]);
  }
  if (allKeys !== null) out.push(...jsonKeyArgs(allKeys));
  out.push(...prototypePathArgs(base));
  if (options.proseView === false) return out;
  // Classified once per distinct value: documents repeat values (line items, tags).
  const seen = new Map<string, string>();
  const classify = (v: string): string => {
    let families = seen.get(v);
    if (families === undefined) {
      families = proseWaivers(v);
      seen.set(v, families);
    }
    return families;
  };
  return out.flatMap((a): Arg[] => {
    if (!a[0].startsWith('json')) return [a];
    // A markdown document with fenced code blocks or rich text with code samples: its prose, then each block
    // (./code.ts).
    const md = codeField(a[0], a[1], files)
      ? { prose: '', blocks: [a[1]] }
      : (markdownFences(a[1], markdownField(a[0])) ?? htmlCode(a[1]));
    if (md === null) return proseArgs(a);
    const res = proseArgs([a[0], md.prose]);
    const name = `${PROSE_PREFIX}${CODE_FAMILY.letter}:${a[0]}${FENCED_CODE_SUFFIX}`;
    for (const code of md.blocks) res.push([name, code]);
    return res;
  });

  function proseArgs(a: Arg): Arg[] {
    const v = a[1];
    let families = classify(v);
    if (redirectUri(a[0], v)) families = [...`${families}r`].sort().join('');
    if (scopeGlob(a[0], v) && !families.includes('g')) families = [...`${families}g`].sort().join('');
    if (families === '') return [a];
    const renamed: Arg = [`${PROSE_PREFIX}${families}:${a[0]}`, v];
    if (!families.includes('c')) return [renamed];
    // Family `c`: the value with the opening delimiters of its markdown code spans as spaces, inspected by the
    // command-word rules (and by every rule the value itself is not exempted from: it has the same families but
    // `c`, since it only lacks some backticks).
    const code = markdownCodeText(fromBytes(v) ?? '');
    if (code === null) return [renamed];
    const f = families.replace('c', '');
    const name = `${a[0]}${MARKDOWN_TEXT_SUFFIX}`;
    return [renamed, [f === '' ? name : `${PROSE_PREFIX}${f}:${name}`, toBytes(code)]];
  }
}

/**
 * Arrays of strings that spell a path through a prototype (`"path": ["constructor", "prototype", "isAdmin"]`,
 * `["__proto__", "x"]`: what lodash's `set(obj, path, value)` and its kin walk), joined with dots from that element
 * on as an extra argument `<array>.path-joined`, which the prototype-pollution rules read as they read a dotted
 * path string (session 10, blind corpus 29).
 * @example
 * prototypePathArgs([['json.path.0', 'constructor'], ['json.path.1', 'prototype'], ['json.path.2', 'isAdmin']]);
 * // [['json.path.path-joined', 'constructor.prototype.isAdmin']]
 */
export function prototypePathArgs(args: readonly Arg[]): Arg[] {
  if (!args.some(([, v]) => v === '__proto__' || v === 'constructor')) return [];
  // The JSON processor also names an array itself (`path` = its length): such names are containers, not elements.
  // Only a number can be a length (a member named `path.1.x` must not hide the element `path.1`; audit 19).
  const parents = new Set<string>();
  for (const [k] of args) {
    const dot = k.lastIndexOf('.');
    if (dot > 0) parents.add(k.slice(0, dot));
  }
  // A number under a parent name may be the array's length: that value is dropped, the name's other values kept
  // (a member `path.1: 7` beside `path.1.x` must not drop the element `prototype`; audit 21).
  const isLength = (k: string, v: string): boolean => parents.has(k) && /^[0-9]{1,9}$/.test(v);
  // A one-element array is its element to a path walker (`[["constructor"], ["prototype"], "x"]`: `String(["a"])`
  // is `a`; session 10 audit 18): `path.0.0` counts as `path.0`.
  // Every value a name takes (a member literally named `path.1` must not hide the element; audit 20).
  const byName = new Map<string, string[]>();
  for (const [k, v] of args) {
    if (isLength(k, v)) continue;
    const name = k.replace(/(\.[0-9]{1,6})(?:\.0)+$/, '$1');
    const values = byName.get(name);
    if (values === undefined) byName.set(name, [v]);
    else values.push(v);
  }
  const out: Arg[] = [];
  for (const [k, values] of byName) {
    const v = values.includes('__proto__')
      ? '__proto__'
      : values.includes('constructor')
        ? 'constructor'
        : null;
    if (v === null) continue;
    const m = /^(.*)\.([0-9]{1,6})$/.exec(k);
    if (m === null) continue;
    const parent = m[1] as string;
    const parts = [v];
    for (let index = Number(m[2]) + 1; parts.length < 16; index++) {
      const next = byName.get(`${parent}.${index}`);
      if (next === undefined) break;
      parts.push(next.includes('prototype') ? 'prototype' : (next[0] as string));
    }
    if (v === '__proto__' || parts[1] === 'prototype') out.push([`${parent}.path-joined`, parts.join('.')]);
  }
  return out;
}

/**
 * Prefix of the raw-key view's argument names (`gatehouse.json-key:<member name as sent>`, value empty): see
 * {@link jsonKeyArgs}. JSON bodies cannot forge it (their names start with `json`), a query string cannot
 * (`queryArgsView` renames the `gatehouse.` namespace), other bodies are scored by rule 90106; and a forged one
 * would only add an argument name to inspect.
 */
export const JSON_KEY_PREFIX = 'gatehouse.json-key:';

/**
 * RE2 regex (for `!ARGS_NAMES:/…/`) of the JSON argument names whose dotted form CRS 930120 (OS file names) does
 * not inspect in the API profile: `json` followed by segments that are each non-empty and only ASCII letters,
 * digits, `_` and `-` (prose and derived names included). The body processor joins member names with dots
 * (`{"coverage": 87}` is `json.coverage`), and 930120's list holds dot-files (`.coverage`, `.credentials`,
 * `.vscode`) and dotted names (`web.config`, `boot.ini`): a dotted name made of such plain segments would match
 * where no member name is a file name. Such a name cannot be a path outside the working directory or an encoding
 * of one either (no slash, backslash, `%`, `:`, NUL, `..` or byte above 0x7F), whoever sent it (a query parameter
 * `json.x` is exempted alike). A member name that is not plain (`.env`, `.git/config`, `../../etc/passwd`,
 * `/etc/shadow`, `.ssh/id_rsa`: an empty segment or a slash) leaves the whole name inspected; a plain one that
 * could still name a file (`web.config`, `wp-config.php`) is shown by {@link jsonKeyArgs}.
 */
export const JSON_PLAIN_NAME_REGEX = '^(?:gatehouse[.]prose[.][a-z]*:)?json(?:[.][A-Za-z0-9_-]+)+$';

// A member name whose own segments are plain (so that the dotted names holding it can be exempted).
const PLAIN_KEY = /^[A-Za-z0-9_-]+(?:[.][A-Za-z0-9_-]+)*$/;

// A member name that is an identifier (`user_id`, `Content-Type`, `x.y`): any other (spaces, quotes, operators,
// markup) is shown as sent too, with nothing before it (an argument of that name and an empty value), so that
// a prose value renamed by the value view cannot take its member name's inspection with it
// (`{"-1 OR 1=1": "a long sentence"}`). Such a name cannot pass for a name the gateway makes (those are
// identifiers: `json.…`, `gatehouse.…` without spaces or markup), and its empty value has nothing to exempt.
const IDENTIFIER_KEY = /^[A-Za-z0-9_$@.:-]*$/;
// A query-operator member name (`$nin`, `$where`): shown even when the member holds nothing (`{"$nin": []}` makes
// no argument of its own, and an empty `$nin` matches every document).
const OPERATOR_KEY = /^\$[A-Za-z]{1,20}$/;

/**
 * The raw-key view of a JSON document's member names: one argument `gatehouse.json-key:<name>` (empty value) per
 * distinct name that is plain (its dotted names may be exempted from 930120, {@link JSON_PLAIN_NAME_REGEX}) and
 * could name an OS file at all (a `.`, or one of the five names without, see `mayNameOsFile`), so that 930120
 * still sees the name as sent (`{"web.config": 1}`) without the dots the body processor adds between names
 * (`{"coverage": 1}` is not shown: no dot of its own), and every query-operator name (`$nin`), which 90100 reads;
 * a name that is no identifier (spaces, quotes, markup, operators) becomes an argument of that name itself.
 * @example
 * jsonKeyArgs(new Set(['coverage', 'web.config', '.env'])); // [['gatehouse.json-key:web.config', '']]
 */
export function jsonKeyArgs(keys: ReadonlySet<string>): Arg[] {
  const out: Arg[] = [];
  for (const k of keys)
    if (!IDENTIFIER_KEY.test(k)) out.push([k, '']);
    else if ((PLAIN_KEY.test(k) && mayNameOsFile(k)) || OPERATOR_KEY.test(k))
      out.push([`${JSON_KEY_PREFIX}${k}`, '']);
  return out;
}

/**
 * Suffix of the extra argument that holds a prose value with the opening delimiters of its markdown code spans as
 * spaces (`json.message.markdown-text`; family `c` of ./view.ts).
 */
export const MARKDOWN_TEXT_SUFFIX = '.markdown-text';

const FIELD_SEGMENT = /^(?:[A-Za-z0-9_$-]+|\*)(?:\[\])?$/;

/**
 * Regexes (RE2 syntax, for `!ARGS:/…/`; one per path, anchored, free of `|` so they can be combined) matching
 * the argument names of the given field paths and everything below or derived from them. Paths are dotted from
 * the JSON root, with an optional leading `body.`, `[]` after a segment for any array element and `*` for any one
 * member: `body.description`, `comments[].text`, `variables.input.body`.
 * @throws TypeError for a path outside that grammar.
 * @example
 * fieldExclusionRegexes(['comments[].text']);
 * // ['^(?:gatehouse[.]prose[.][a-z]*:)?json[.]comments[.][0-9]+[.]text(?:[.].*)?$']
 */
export function fieldExclusionRegexes(paths: readonly string[]): string[] {
  return paths.map((p) => {
    const segs = (p.startsWith('body.') ? p.slice(5) : p).split('.');
    const parts: string[] = ['json'];
    for (const s of segs) {
      if (!FIELD_SEGMENT.test(s)) throw new TypeError(`waf: exclude_fields: invalid field path ${p}`);
      const arr = s.endsWith('[]');
      const key = arr ? s.slice(0, -2) : s;
      parts.push(key === '*' ? '[^.]+' : key.replace(/[$]/g, '[$]'));
      if (arr) parts.push('[0-9]+');
    }
    // Prose values are renamed `gatehouse.prose.<families>:json.…` (view.ts): the same field.
    return `^(?:gatehouse[.]prose[.][a-z]*:)?${parts.join('[.]')}(?:[.].*)?$`;
  });
}

/** Percent-encodes a byte string for a query string (every byte outside the unreserved set). */
function percentEncodeBytes(s: string): string {
  return s.replace(
    /[^A-Za-z0-9_.~-]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/**
 * GraphQL over GET (`?query=…&variables=…&operationName=…`): the query string the engine inspects instead, with
 * `query` replaced by `query.string.N` / `query.comment.N` and a JSON `variables` flattened to `variables.<path>`
 * (then nested decoding, as for bodies); a persisted query (`variables` and `extensions`, no `query`) likewise.
 * `pairs` are the decoded query-string pairs (byte strings). Returns null when the query string is not a GraphQL
 * request (other parameters, or a `query` that is not an executable GraphQL document), so that it is inspected
 * unchanged.
 *
 * @example
 * graphqlGetQuery([['query', '{ a(x: "hi") }']]); // 'query.string.0=hi'
 */
export function graphqlGetQuery(
  pairs: readonly (readonly [string, string])[],
  options: ApiExpandOptions = DEFAULT_EXPAND_OPTIONS,
): string | null {
  // A persisted query (Apollo's automatic persisted queries: `operationName`, `variables` and an `extensions` hash,
  // no document; session 10) is GraphQL-over-GET as much as one that sends its document.
  const has = (name: string): boolean => pairs.some(([k]) => k === name);
  if (!(has('query') || (has('variables') && has('extensions')))) return null;
  if (!pairs.every(([k]) => GRAPHQL_KEYS.has(k))) return null;
  const doc: Record<string, unknown> = {};
  for (const [k, v] of pairs) {
    if (k in doc) return null;
    const text = fromBytes(v);
    if (text === null) return null;
    let value: unknown = text;
    // Variables that repeat a member (`{"q":"' UNION …","q":"x"}`: JSON.parse keeps the last, first-wins
    // parsers the first) are inspected as the text they are.
    if ((k === 'variables' || k === 'extensions') && !repeatsKey(text)) {
      try {
        value = JSON.parse(text);
      } catch {
        value = text;
      }
    }
    doc[k] = value;
  }
  const flat: Arg[] = [];
  flattenJson(doc, 'json', flat);
  const expanded = expandApiArgs(flat, options);
  if (expanded.some(([k]) => k === 'json.query')) return null;
  // `json.x` → `x`; the decode-limit flag keeps its name (the profile's rules score it). A variable that reads as
  // prose (session 9: a comment or a search phrase sent over GET) keeps the families a query parameter may carry
  // (90105 scores any other `gatehouse.` name in a query string), judged as a JSON value is; a fenced block keeps
  // every rule (`k` is no query family).
  return expanded.map(([k, v]) => `${percentEncodeBytes(getName(k))}=${percentEncodeBytes(v)}`).join('&');
}

/** A GraphQL-over-GET argument's name in the engine's query string (see {@link graphqlGetQuery}). */
function getName(k: string): string {
  if (k === DECODE_LIMIT_ARG) return k;
  if (!k.startsWith(PROSE_PREFIX)) return k.slice(5);
  const colon = k.indexOf(':');
  const families = [...k.slice(PROSE_PREFIX.length, colon)]
    .filter((f) => QUERY_FAMILIES.includes(f))
    .join('');
  const name = k.slice(colon + 1 + 5);
  return families === '' ? name : `${PROSE_PREFIX}${families}:${name}`;
}

/** Prefix the query view gives a client's parameter name in the reserved `gatehouse.` namespace. */
export const FORGED_PREFIX = 'gatehouse.forged:';

const RESERVED = 'gatehouse.';
/**
 * Prefix the query view gives a client's parameter named like a JSON body value (`json.…`, any case): the
 * profile's exclusions for JSON values (`!ARGS:/^json[.]/`) must not reach a query parameter that only
 * borrows the name.
 */
export const QUERY_JSON_PREFIX = 'query:';
const JSON_NAME = /^json[.]/i;

/** A raw query part with a `json.…` name renamed (see {@link QUERY_JSON_PREFIX}). */
function unJson(part: string, decodedName: string): string {
  return JSON_NAME.test(decodedName) ? QUERY_JSON_PREFIX + part : part;
}
// A `%` that does not start a valid escape: kept literal by the decoder, so the raw value is not re-encoded.
const BAD_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/** Percent-encodes what a query value cannot hold literally (`%&+=#`, space, controls, bytes ≥ 0x80). */
function encodeQueryValue(s: string): string {
  return s.replace(
    /[%&+=#\x00-\x20\x7f-\xff]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** The prose families of a query value, among those whose rule could fire on it at all. */
function queryWaivers(view: string): string {
  // A short path glob or date range (`name=AHU-1/*`; session 9) is judged too: family g alone.
  if (view.length < 12) return inertToken(view) ? 'g' : '';
  const may = familiesThatMayFire(view);
  if (may === '') return '';
  let out = '';
  for (const f of proseWaivers(view, QUERY_MIN_WORDS)) if (may.includes(f)) out += f;
  return out;
}

/**
 * API profile: the query string the engine inspects instead of `query` (the raw query string, without `?`) for a
 * request that is not GraphQL over GET; the upstream still gets the original target. Every parameter is
 * treated as a JSON string value is (./view.ts):
 * - its value is shown in its canonical form (re-encoded; a value with an invalid `%` escape is left as it is,
 *   so the URL-encoding rules still see it);
 * - a value that reads as prose (at least {@link QUERY_MIN_WORDS} words: search phrases are short) is renamed
 *   `gatehouse.prose.<families>:<name>`, which the profile exempts from that family's word-only rules; only the
 *   families whose rule could fire on the value at all are named ({@link familiesThatMayFire}), and a value with
 *   none keeps its name (`q=garden+lantern` stays as it is);
 * - a value holding JSON, percent-encoding (left after the form decoding: double encoding) or base64 is decoded
 *   as a JSON body value is (up to `options`' depth and budget) into extra parameters `<name>.decoded-…` appended
 *   to the query string (a spent budget appends the decode-limit parameter, which the profile refuses).
 * When a client parameter name is itself in the reserved `gatehouse.` namespace (decoded, any case), nothing is
 * classified and every such name is renamed `gatehouse.forged:<name>`: it can no longer pass for a prose name,
 * and the profile's reserved-name rule (90105) still refuses it. A name that reads like a JSON body value
 * (`json.…`, decoded, any case) is shown as `query:<name>`, so no exclusion meant for JSON values applies to it. Parts keep their order and their raw bytes
 * otherwise; a query string that needs no change is returned as it is (same string).
 *
 * @example
 * queryArgsView('q=alert()+in+the+docs&page=2'); // 'gatehouse.prose.x:q=alert()+in+the+docs&page=2'
 * queryArgsView('gatehouse.prose.l:f=/etc/passwd'); // 'gatehouse.forged:gatehouse.prose.l:f=/etc/passwd'
 */
export function queryArgsView(query: string, options: ApiExpandOptions = DEFAULT_EXPAND_OPTIONS): string {
  if (query === '') return query;
  const parts = query.split('&');
  const names = parts.map((p) => {
    const eq = p.indexOf('=');
    return decodeFormComponent(eq === -1 ? p : p.slice(0, eq));
  });
  if (names.some((n) => n.slice(0, RESERVED.length).toLowerCase() === RESERVED)) {
    return parts
      .map((p, i) =>
        (names[i] as string).slice(0, RESERVED.length).toLowerCase() === RESERVED
          ? FORGED_PREFIX + p
          : unJson(p, names[i] as string),
      )
      .join('&');
  }
  let changed = false;
  const budget: Budget = {
    bytes: options.maxDecodedBytes,
    args: options.maxExtraArgs,
    exhausted: null,
  };
  const decoded: string[] = [];
  const out = parts.map((p0, i) => {
    const p = unJson(p0, names[i] as string);
    if (p !== p0) changed = true;
    const eq = p.indexOf('=');
    if (eq === -1) return p;
    const rawValue = p.slice(eq + 1);
    const value = decodeFormComponent(rawValue);
    const view = BAD_ESCAPE.test(rawValue) ? value : canonicalView(value);
    // Nested encodings (JSON, percent-encoding left after the form decoding, base64: a pagination cursor, a
    // filter object), as for JSON body values: extra parameters `<name>.decoded-…`, each judged as prose too.
    const extra: Arg[] = [];
    decodeValue(decodeFormComponent(p.slice(0, eq)), view, options.maxDepth, budget, extra, null);
    for (const [k, v] of extra) {
      const f = queryWaivers(v);
      decoded.push(`${encodeQueryValue(f === '' ? k : `${PROSE_PREFIX}${f}:${k}`)}=${encodeQueryValue(v)}`);
    }
    const families = queryWaivers(view);
    if (view === value && families === '') return p;
    changed = true;
    const name = families === '' ? p.slice(0, eq) : `${PROSE_PREFIX}${families}:${p.slice(0, eq)}`;
    return `${name}=${view === value ? rawValue : encodeQueryValue(view)}`;
  });
  if (budget.exhausted !== null) decoded.push(`${DECODE_LIMIT_ARG}=${budget.exhausted}`);
  if (decoded.length > 0) return [...out, ...decoded].join('&');
  return changed ? out.join('&') : query;
}

/**
 * API profile: the URL-encoded form body the engine parses instead of the one sent (the upstream still gets the
 * original bytes). A form field is treated as a JSON string value is: canonical form; nested JSON, leftover
 * percent-encoding and base64 decoded into extra fields `<name>.decoded-…`; code (fenced blocks and spans of
 * markdown, `<pre>`/`<code>` samples of rich text, a program in a field named for code: ./code.ts) cut out into
 * extra fields `gatehouse.prose.k:<name>.fenced-code`; and the rest renamed `gatehouse.prose.<families>:<name>`
 * when it reads as prose or rich text (./view.ts, four words as for JSON values). Client names in the reserved
 * namespace are renamed `gatehouse.forged:<name>` and nothing is classified (90106 refuses them). A body that
 * needs no change is returned as it is (same string).
 * @example
 * formBodyView('body=%2B1%2C+but+note+that+%60xargs+-r%60+is+a+GNU+extension.&fkey=40fa');
 * // 'body=%2B1%2C+but+note+that+…&fkey=40fa&gatehouse.prose.k:body.fenced-code=xargs%20-r'
 */
export function formBodyView(body: string, options: ApiExpandOptions = DEFAULT_EXPAND_OPTIONS): string {
  if (body === '') return body;
  const parts = body.split('&');
  const names = parts.map((p) => {
    const eq = p.indexOf('=');
    return decodeFormComponent(eq === -1 ? p : p.slice(0, eq));
  });
  if (names.some((n) => n.slice(0, RESERVED.length).toLowerCase() === RESERVED)) {
    return parts
      .map((p, i) =>
        (names[i] as string).slice(0, RESERVED.length).toLowerCase() === RESERVED ? FORGED_PREFIX + p : p,
      )
      .join('&');
  }
  let changed = false;
  const budget: Budget = { bytes: options.maxDecodedBytes, args: options.maxExtraArgs, exhausted: null };
  const extra: Arg[] = [];
  const field = ([k, v]: Arg): string => `${encodeQueryValue(k)}=${encodeQueryValue(v)}`;
  const out = parts.map((p, i) => {
    const eq = p.indexOf('=');
    if (eq === -1) return p;
    const name = names[i] as string;
    const rawValue = p.slice(eq + 1);
    const value = decodeFormComponent(rawValue);
    const view = BAD_ESCAPE.test(rawValue) ? value : canonicalView(value);
    const { text, families } = fieldView(name, view, options, budget, extra);
    if (text === value && families === '') return p;
    changed = true;
    const rawName = p.slice(0, eq);
    return `${families === '' ? rawName : `${PROSE_PREFIX}${families}:${rawName}`}=${text === value ? rawValue : encodeQueryValue(text)}`;
  });
  if (budget.exhausted !== null) extra.push([DECODE_LIMIT_ARG, budget.exhausted]);
  if (extra.length > 0) return [...out, ...extra.map(field)].join('&');
  return changed ? out.join('&') : body;
}

/**
 * One form field (name and canonical value) through the value view shared by URL-encoded and multipart forms:
 * nested encodings decoded and code cut out into extra fields (pushed to `extra`); returns the text left for the
 * field and its prose families ('' when it reads as no prose).
 */
function fieldView(
  name: string,
  view: string,
  options: ApiExpandOptions,
  budget: Budget,
  extra: Arg[],
): { text: string; families: string } {
  const decoded: Arg[] = [];
  decodeValue(name, view, options.maxDepth, budget, decoded, null);
  for (const [k, v] of decoded) {
    const f = proseWaivers(v);
    extra.push([f === '' ? k : `${PROSE_PREFIX}${f}:${k}`, v]);
  }
  const md = codeField(name, view)
    ? { prose: '', blocks: [view] }
    : (markdownFences(view, markdownField(name)) ?? htmlCode(view));
  const text = md === null ? view : md.prose;
  if (md !== null)
    for (const b of md.blocks)
      extra.push([`${PROSE_PREFIX}${CODE_FAMILY.letter}:${name}${FENCED_CODE_SUFFIX}`, b]);
  return { text, families: proseWaivers(text) };
}

/**
 * API profile: the argument parts of a multipart/form-data body (name and value bytes, as the body processor
 * parsed them) as the engine inspects them (`ARGS_POST`): each through the same value view as a URL-encoded form
 * field ({@link formBodyView}). File parts are not arguments and are untouched; the strictness flags come from
 * the body as sent. Client names in the reserved namespace are renamed `gatehouse.forged:<name>` and nothing is
 * classified (90106 refuses them).
 * @example
 * multipartArgsView([['format', 'csv;delimiter=";";decimal=","'], ['note', 'Please import the March statements']]);
 * // [['format', 'csv;delimiter=";";decimal=","'], ['gatehouse.prose.clpqsx:note', 'Please import …']]
 */
export function multipartArgsView(
  args: readonly (readonly [string, string])[],
  options: ApiExpandOptions = DEFAULT_EXPAND_OPTIONS,
): Arg[] {
  if (args.some(([k]) => k.slice(0, RESERVED.length).toLowerCase() === RESERVED))
    return args.map(
      ([k, v]): Arg => [k.slice(0, RESERVED.length).toLowerCase() === RESERVED ? FORGED_PREFIX + k : k, v],
    );
  const budget: Budget = { bytes: options.maxDecodedBytes, args: options.maxExtraArgs, exhausted: null };
  const extra: Arg[] = [];
  const out = args.map(([name, value]): Arg => {
    const { text, families } = fieldView(name, canonicalView(value), options, budget, extra);
    return [families === '' ? name : `${PROSE_PREFIX}${families}:${name}`, text];
  });
  if (budget.exhausted !== null) extra.push([DECODE_LIMIT_ARG, budget.exhausted]);
  return [...out, ...extra];
}
