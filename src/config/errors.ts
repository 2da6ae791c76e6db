import type { ErrorObject } from 'ajv';

/**
 * One problem found while loading a configuration file, with its source position.
 *
 * `line` and `column` are 1-based; both are 0 for problems that concern the whole file
 * (unreadable, too large, not UTF-8). `path` is a human JSON path (`routes[3].upstream.url`,
 * empty for the document root) and `pointer` the same location as an RFC 6901 JSON pointer.
 *
 * @example
 * const err: ConfigError = {
 *   file: 'gateway.yaml', line: 12, column: 7,
 *   path: 'routes[3].upstream.url', pointer: '/routes/3/upstream/url', message: 'must be a URL',
 * };
 */
export interface ConfigError {
  file: string;
  line: number;
  column: number;
  path: string;
  pointer: string;
  message: string;
}

/** A path segment: a number is an array index, a string an object key. */
export type PathSegment = string | number;

/**
 * Formats errors one per line as `file:line:column path: message` (the path part is left out
 * for the document root, the position for whole-file errors).
 *
 * @example
 * formatConfigErrors(errors);
 * // examples/x.yaml:12:7 routes[3].upstream.url: must be a URL
 */
export function formatConfigErrors(errors: readonly ConfigError[]): string {
  return errors
    .map((e) => {
      const where = e.line > 0 ? `${e.file}:${e.line}:${e.column}` : `${e.file}:`;
      return e.path === '' ? `${where} ${e.message}` : `${where} ${e.path}: ${e.message}`;
    })
    .join('\n');
}

/**
 * Builds an RFC 6901 JSON pointer from path segments.
 *
 * @example
 * toPointer(['routes', 0, 'a/b']); // '/routes/0/a~1b'
 */
export function toPointer(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) out += '/' + String(s).replaceAll('~', '~0').replaceAll('/', '~1');
  return out;
}

/**
 * Splits an RFC 6901 JSON pointer into unescaped segments (`''` gives `[]`).
 *
 * @example
 * parsePointer('/routes/0/a~1b'); // ['routes', '0', 'a/b']
 */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

const kPlainKey = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * Formats path segments as a human JSON path: `routes[3].upstream.url`, `headers["x y"]`.
 *
 * @example
 * formatPath(['routes', 3, 'upstream', 'url']); // 'routes[3].upstream.url'
 */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (kPlainKey.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}

/**
 * Removes duplicate errors (same file, pointer, position and message) and sorts by file, line,
 * column, then path.
 *
 * @example
 * const clean = sortConfigErrors([...yamlErrors, ...schemaErrors]);
 */
export function sortConfigErrors(errors: readonly ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  const out: ConfigError[] = [];
  for (const e of errors) {
    const key = `${e.file}\0${e.line}\0${e.column}\0${e.pointer}\0${e.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out.sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      cmp(a.path, b.path) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A validation problem in schema terms, before it is given a file position.
 * `at` says which source position to use: the value at `pointer`, the key naming it, or the
 * position of the object that is missing a field.
 */
export interface SchemaIssue {
  pointer: string;
  at: 'value' | 'key' | 'container';
  message: string;
}

const kFormatMessages: Record<string, string> = {
  uri: 'must be a URL',
  url: 'must be a URL',
  'uri-reference': 'must be a URI reference',
  'uri-template': 'must be a URI template',
  hostname: 'must be a hostname',
  ipv4: 'must be an IPv4 address',
  ipv6: 'must be an IPv6 address',
  'date-time': 'must be an RFC 3339 date-time (e.g. 2025-01-31T12:00:00Z)',
  date: 'must be a date (YYYY-MM-DD)',
  time: 'must be a time (HH:MM:SS with a time zone)',
  duration: 'must be an ISO 8601 duration',
  email: 'must be an email address',
  uuid: 'must be a UUID',
  regex: 'must be a valid regular expression',
  'json-pointer': 'must be a JSON pointer',
  byte: 'must be base64-encoded',
};

const kTypeNames: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean (true or false)',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** Describes a value's YAML/JSON kind for messages (never the value itself). */
function describeKind(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  if (typeof v === 'string') return 'a string';
  return 'an object';
}

function typeList(t: unknown): string[] {
  if (Array.isArray(t)) return t.map(String);
  return String(t).split(',');
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function listValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function literal(v: unknown): string {
  return JSON.stringify(v) ?? String(v);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Damerau-free Levenshtein distance, bounded to short keys. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 64 || b.length > 64) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub));
    }
    prev = cur;
  }
  return prev[b.length] ?? 99;
}

function suggestion(key: string, parentSchema: unknown): string {
  if (key === '<<') return ' (YAML merge keys are not supported)';
  const props = (parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  if (!props || typeof props !== 'object') return '';
  let best = '';
  let bestD = Math.max(1, Math.min(2, Math.floor(key.length / 3)));
  for (const name of Object.keys(props)) {
    const d = distance(key.toLowerCase(), name.toLowerCase());
    if (d <= bestD && name !== key) {
      if (d < bestD || best === '') best = name;
      bestD = d;
    }
  }
  return best === '' ? '' : ` (did you mean "${best}"?)`;
}

/** Rewrites one Ajv error into a short human message. */
function messageFor(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'type':
      return `must be ${joinOr(typeList(p.type).map((t) => kTypeNames[t] ?? t))}, got ${describeKind(e.data)}`;
    case 'enum':
      return `must be one of: ${((p.allowedValues as unknown[]) ?? []).map(listValue).join(', ')}`;
    case 'const':
      return `must be ${literal(p.allowedValue)}`;
    case 'format':
      return kFormatMessages[String(p.format)] ?? `must be a valid ${String(p.format)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(p.comparison)} ${String(p.limit)}`;
    case 'multipleOf':
      return `must be a multiple of ${String(p.multipleOf)}`;
    case 'minLength':
      return p.limit === 1
        ? 'must not be empty'
        : `must be at least ${plural(Number(p.limit), 'character', 'characters')} long`;
    case 'maxLength':
      return `must be at most ${plural(Number(p.limit), 'character', 'characters')} long`;
    case 'pattern':
      return `must match the pattern ${String(p.pattern)}`;
    case 'minItems':
      return p.limit === 1
        ? 'must not be empty'
        : `must have at least ${plural(Number(p.limit), 'item', 'items')}`;
    case 'maxItems':
      return `must have at most ${plural(Number(p.limit), 'item', 'items')}`;
    case 'minProperties':
      return p.limit === 1
        ? 'must not be empty'
        : `must have at least ${plural(Number(p.limit), 'key', 'keys')}`;
    case 'maxProperties':
      return `must have at most ${plural(Number(p.limit), 'key', 'keys')}`;
    case 'uniqueItems':
      return `must not contain duplicates (items ${Math.min(Number(p.i), Number(p.j))} and ${Math.max(Number(p.i), Number(p.j))} are identical)`;
    case 'required':
      return `missing required field "${String(p.missingProperty)}"`;
    case 'dependentRequired':
    case 'dependencies':
      return `missing field "${String(p.missingProperty)}" (required when "${String(p.property)}" is set)`;
    case 'not':
      return 'is not allowed here';
    case 'false schema':
      return 'is not allowed';
    case 'contains':
      return 'must contain at least one valid item';
    case 'unevaluatedItems':
    case 'additionalItems':
      return `must have at most ${plural(Number(p.limit), 'item', 'items')}`;
    case 'anyOf':
    case 'oneOf':
      return 'does not match any of the allowed forms';
    default:
      return e.message ?? 'is invalid';
  }
}

interface WorkError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  data?: unknown;
  schema?: unknown;
  parentSchema?: unknown;
  message?: string;
  /** Pre-built message (synthetic errors from union collapsing). */
  text?: string;
}

function within(path: string, base: string): boolean {
  return path === base || path.startsWith(base + '/');
}

function isDirectChild(path: string, base: string): boolean {
  return path.startsWith(base + '/') && !path.slice(base.length + 1).includes('/');
}

/** The alternatives one failed union branch would have accepted at the union's own location. */
function branchAlternatives(errs: readonly WorkError[]): { literals: unknown[]; types: string[] } {
  const literals: unknown[] = [];
  const types: string[] = [];
  const lit = errs.filter((e) => e.keyword === 'const' || e.keyword === 'enum');
  if (lit.length > 0) {
    for (const e of lit) {
      if (e.keyword === 'const') literals.push(e.params.allowedValue);
      else literals.push(...((e.params.allowedValues as unknown[]) ?? []));
    }
  } else {
    for (const e of errs) if (e.keyword === 'type') types.push(...typeList(e.params.type));
  }
  return { literals, types };
}

function alternativesMessage(literals: unknown[], types: string[], data: unknown): string {
  const uniqLit = [...new Map(literals.map((v) => [JSON.stringify(v), v])).values()];
  const uniqTypes = [...new Set(types)].map((t) => kTypeNames[t] ?? t);
  if (uniqTypes.length === 0) {
    if (uniqLit.length === 1) return `must be ${literal(uniqLit[0])}`;
    return `must be one of: ${uniqLit.map(listValue).join(', ')}`;
  }
  const parts = [...uniqTypes];
  if (uniqLit.length === 1) parts.push(literal(uniqLit[0]));
  else if (uniqLit.length > 1) parts.push(`one of: ${uniqLit.map(listValue).join(', ')}`);
  return `must be ${joinOr(parts)}, got ${describeKind(data)}`;
}

/** Picks the errors to report for one failed `anyOf`/`oneOf` (see describeAjvErrors). */
function collapseUnion(c: WorkError, block: WorkError[]): WorkError[] {
  if (c.keyword === 'oneOf' && Array.isArray(c.params.passingSchemas)) {
    const which = (c.params.passingSchemas as number[]).map((i) => i + 1).join(' and ');
    return [{ ...c, text: `is ambiguous: matches more than one of the allowed forms (${which})` }];
  }
  const branches = Array.isArray(c.schema) ? (c.schema as unknown[]) : [];
  const prefixes = branches.map((b, i) => {
    const own = [`${c.schemaPath}/${i}/`];
    const ref = (b as { $ref?: unknown } | null)?.$ref;
    if (typeof ref === 'string') own.push(ref.endsWith('/') ? ref : `${ref}/`);
    return own;
  });
  const groups = branches.map((): WorkError[] => []);
  let current = -1;
  for (const e of block) {
    const idx = prefixes.findIndex((ps) => ps.some((p) => e.schemaPath.startsWith(p)));
    if (idx >= 0) current = idx;
    if (current < 0) return [...block]; // cannot attribute: report as they are
    groups[current]?.push(e);
  }
  const failed = groups.map((errs, i) => ({ errs, i })).filter((g) => g.errs.length > 0);
  if (failed.length === 0) return [c];

  const nodeOnly = (errs: WorkError[]) =>
    errs.every((e) => e.instancePath === c.instancePath && ['type', 'const', 'enum'].includes(e.keyword));
  if (failed.every((g) => nodeOnly(g.errs))) {
    const literals: unknown[] = [];
    const types: string[] = [];
    for (const g of failed) {
      const a = branchAlternatives(g.errs);
      literals.push(...a.literals);
      types.push(...a.types);
    }
    return [{ ...c, text: alternativesMessage(literals, types, c.data) }];
  }

  // A discriminator: every branch rejects the same direct child with const/enum.
  const discr = (errs: WorkError[]) =>
    errs.filter(
      (e) => (e.keyword === 'const' || e.keyword === 'enum') && isDirectChild(e.instancePath, c.instancePath),
    );
  const first = discr(failed[0]?.errs ?? [])[0];
  if (
    first &&
    failed.every((g) => discr(g.errs).some((e) => e.instancePath === first.instancePath)) &&
    failed.length === branches.length
  ) {
    const literals: unknown[] = [];
    for (const g of failed) {
      literals.push(
        ...branchAlternatives(discr(g.errs).filter((e) => e.instancePath === first.instancePath)).literals,
      );
    }
    return [{ ...first, text: alternativesMessage(literals, [], undefined) }];
  }

  const rank = (errs: WorkError[]) => (nodeOnly(errs) ? 3 : discr(errs).length > 0 ? 2 : 1);
  let best = failed[0]!;
  for (const g of failed.slice(1)) {
    const r = rank(g.errs) - rank(best.errs) || g.errs.length - best.errs.length;
    if (r < 0) best = g;
  }
  return best.errs;
}

/**
 * Turns Ajv errors (produced with `allErrors` and `verbose`) into human issues: the common
 * keywords are rewritten (`must be a URL`, `must be one of: a, b`, `unknown key "x"`), a failed
 * `anyOf`/`oneOf` reports the most specific branch (or one combined "must be X or Y" message
 * when every branch fails on the value's type or literal), `if` wrappers are dropped and
 * duplicates removed.
 *
 * @example
 * if (!validate(value)) issues = describeAjvErrors(validate.errors ?? []);
 */
export function describeAjvErrors(errors: readonly ErrorObject[]): SchemaIssue[] {
  const out: WorkError[] = [];
  for (const raw of errors) {
    const e = raw as unknown as WorkError;
    if (e.keyword === 'if') continue;
    if (e.keyword === 'contains') {
      // The per-item failures only say why each item is not the wanted one: noise.
      while (out.length > 0 && out.at(-1)!.schemaPath.startsWith(e.schemaPath + '/')) out.pop();
    }
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf') {
      out.push(e);
      continue;
    }
    const parentPath = e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'));
    let start = out.length;
    while (start > 0) {
      const prev = out[start - 1]!;
      if (!within(prev.instancePath, e.instancePath)) break;
      const own = prev.schemaPath.startsWith(e.schemaPath + '/');
      if (!own && prev.schemaPath.startsWith(parentPath + '/')) break;
      start--;
    }
    const block = out.splice(start);
    out.push(...collapseUnion(e, block));
  }

  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  const propertyNameErrors = new Set<string>();
  for (const e of out) {
    let issue: SchemaIssue;
    const propertyName = (e as { propertyName?: unknown }).propertyName;
    if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const key = String(e.params.additionalProperty ?? e.params.unevaluatedProperty);
      issue = {
        pointer: `${e.instancePath}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        at: 'key',
        message: `unknown key ${JSON.stringify(key)}${suggestion(key, e.parentSchema)}`,
      };
    } else if (
      e.keyword === 'required' ||
      e.keyword === 'dependentRequired' ||
      e.keyword === 'dependencies'
    ) {
      issue = { pointer: e.instancePath, at: 'container', message: e.text ?? messageFor(e as ErrorObject) };
    } else if (typeof propertyName === 'string' || e.keyword === 'propertyNames') {
      const key = typeof propertyName === 'string' ? propertyName : String(e.params.propertyName);
      if (e.keyword === 'propertyNames' && propertyNameErrors.has(`${e.instancePath}\0${key}`)) continue;
      propertyNameErrors.add(`${e.instancePath}\0${key}`);
      const detail =
        e.keyword === 'propertyNames' ? 'is not allowed' : (e.text ?? messageFor(e as ErrorObject));
      issue = {
        pointer: `${e.instancePath}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        at: 'key',
        message: `key ${JSON.stringify(key)} ${detail}`,
      };
    } else {
      issue = { pointer: e.instancePath, at: 'value', message: e.text ?? messageFor(e as ErrorObject) };
    }
    const k = `${issue.pointer}\0${issue.message}`;
    if (seen.has(k)) continue;
    seen.add(k);
    issues.push(issue);
  }
  return issues;
}
