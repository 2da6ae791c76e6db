/**
 * Config helpers of the admin API: redaction of secret values, a structural diff of two configs, and
 * comment-preserving edits of the consumers list in the YAML text.
 */
import { isMap, isSeq, parseDocument } from 'yaml';

/** What replaces a secret value in admin output. */
export const REDACTED = '[REDACTED]';

/**
 * A deep copy of `value` in which every string equal to, or containing, one of `secrets` is replaced
 * by `[REDACTED]`; admin token digests (`admin.tokens[].hash`) are redacted too.
 *
 * @example
 * redactConfig({ redis: { password: 's3cret' } }, new Set(['s3cret'])); // { redis: { password: '[REDACTED]' } }
 */
export function redactConfig(value: unknown, secrets: ReadonlySet<string> | readonly string[]): unknown {
  const list = [...secrets].filter((s) => s.length > 0);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return list.some((s) => v.includes(s)) ? REDACTED : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  const out = walk(value);
  const admin = (out as { admin?: { tokens?: Array<Record<string, unknown>> } } | null)?.admin;
  if (admin?.tokens) {
    for (const t of admin.tokens) {
      if (t.hash !== undefined) t.hash = REDACTED;
      if (t.token !== undefined) t.token = REDACTED;
    }
  }
  return out;
}

/** One difference between two configs. `path` is a JSON pointer. */
export interface ConfigChange {
  readonly op: 'add' | 'remove' | 'replace';
  readonly path: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

function esc(k: string): string {
  return k.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * The differences between two (redacted) configs as JSON-pointer changes, at most `max` (default
 * 500). Arrays of named entities (`name` or `id`) are compared by that key, so inserting a route
 * does not show every later route as changed.
 *
 * @example
 * diffConfig({ a: 1 }, { a: 2 }); // [{ op: 'replace', path: '/a', before: 1, after: 2 }]
 */
export function diffConfig(before: unknown, after: unknown, max = 500): ConfigChange[] {
  const out: ConfigChange[] = [];
  const push = (c: ConfigChange) => {
    if (out.length < max) out.push(c);
  };
  const keyOf = (x: unknown): string | undefined => {
    if (x === null || typeof x !== 'object' || Array.isArray(x)) return undefined;
    const o = x as Record<string, unknown>;
    if (typeof o.name === 'string') return o.name;
    if (typeof o.id === 'string') return o.id;
    return undefined;
  };
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (out.length >= max) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      const keysA = a.map(keyOf);
      const keysB = b.map(keyOf);
      if (keysA.every((k) => k !== undefined) && keysB.every((k) => k !== undefined)) {
        const mapB = new Map(b.map((x, i) => [keysB[i]!, x]));
        const mapA = new Map(a.map((x, i) => [keysA[i]!, x]));
        for (const [k, x] of mapA) {
          if (!mapB.has(k)) push({ op: 'remove', path: `${path}/${esc(k)}`, before: x });
          else walk(x, mapB.get(k), `${path}/${esc(k)}`);
        }
        for (const [k, x] of mapB) if (!mapA.has(k)) push({ op: 'add', path: `${path}/${esc(k)}`, after: x });
        return;
      }
      const n = Math.max(a.length, b.length);
      for (let i = 0; i < n; i++) {
        if (i >= a.length) push({ op: 'add', path: `${path}/${i}`, after: b[i] });
        else if (i >= b.length) push({ op: 'remove', path: `${path}/${i}`, before: a[i] });
        else walk(a[i], b[i], `${path}/${i}`);
      }
      return;
    }
    const objA = a !== null && typeof a === 'object' && !Array.isArray(a);
    const objB = b !== null && typeof b === 'object' && !Array.isArray(b);
    if (objA && objB) {
      const ra = a as Record<string, unknown>;
      const rb = b as Record<string, unknown>;
      for (const k of Object.keys(ra)) {
        if (!(k in rb)) push({ op: 'remove', path: `${path}/${esc(k)}`, before: ra[k] });
        else walk(ra[k], rb[k], `${path}/${esc(k)}`);
      }
      for (const k of Object.keys(rb))
        if (!(k in ra)) push({ op: 'add', path: `${path}/${esc(k)}`, after: rb[k] });
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b))
      push({ op: 'replace', path: path || '/', before: a, after: b });
  };
  walk(before, after, '');
  return out;
}

/** A consumer as PUT through the admin API. */
export interface ConsumerInput {
  readonly groups?: readonly string[];
  readonly metadata?: Readonly<Record<string, string>>;
  readonly policies?: Readonly<Record<string, unknown>>;
  readonly api_keys?: ReadonlyArray<Record<string, unknown>>;
}

/** Output options that keep hand-written flow collections as they were. */
const YAML_OUT = { lineWidth: 0, flowCollectionPadding: false } as const;

const CONSUMER_FIELDS = new Set(['id', 'groups', 'metadata', 'policies', 'api_keys']);

/**
 * Checks the JSON body of `PUT /consumers/{id}`; returns a message for the first problem (the full
 * check is the config validation the edited text then goes through).
 */
export function consumerInputProblem(id: string, body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return 'the body must be a JSON object';
  for (const k of Object.keys(body)) if (!CONSUMER_FIELDS.has(k)) return `unknown field "${k}"`;
  const b = body as Record<string, unknown>;
  if (b.id !== undefined && b.id !== id) return 'the body id differs from the path id';
  return undefined;
}

/**
 * The config text with consumer `id` inserted or replaced (comments and the rest of the document
 * kept). A replaced consumer keeps its `api_keys` when the input has none.
 *
 * @example
 * upsertConsumerYaml(text, 'alice', { groups: ['ops'] });
 */
export function upsertConsumerYaml(
  text: string,
  id: string,
  input: ConsumerInput,
): { text: string; created: boolean } {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new TypeError('the running config text does not parse');
  let seq = doc.get('consumers');
  if (!isSeq(seq)) {
    doc.set('consumers', doc.createNode([]));
    seq = doc.get('consumers');
  }
  if (!isSeq(seq)) throw new TypeError('consumers is not a list');
  const items = seq.items;
  const at = items.findIndex((n) => isMap(n) && n.get('id') === id);
  const value: Record<string, unknown> = { id };
  if (input.groups !== undefined) value.groups = input.groups;
  if (input.metadata !== undefined) value.metadata = input.metadata;
  if (input.policies !== undefined) value.policies = input.policies;
  if (input.api_keys !== undefined) value.api_keys = input.api_keys;
  else if (at >= 0) {
    const old = (items[at] as { get(k: string, keep: true): unknown }).get('api_keys', true);
    if (old !== undefined) value.api_keys = (old as { toJSON(): unknown }).toJSON();
  }
  const node = doc.createNode(value);
  if (at >= 0) items[at] = node;
  else items.push(node);
  return { text: doc.toString(YAML_OUT), created: at < 0 };
}

/** The config text without consumer `id`; undefined when there is no such consumer. */
export function deleteConsumerYaml(text: string, id: string): string | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new TypeError('the running config text does not parse');
  const seq = doc.get('consumers');
  if (!isSeq(seq)) return undefined;
  const at = seq.items.findIndex((n) => isMap(n) && n.get('id') === id);
  if (at < 0) return undefined;
  seq.items.splice(at, 1);
  return doc.toString(YAML_OUT);
}
