import type { TSchema } from '@sinclair/typebox';
import { createRefResolver, type RefResolver, type SchemaNode } from './substitute.ts';

/** Options for renderSchemaDocs. */
export interface SchemaDocsOptions {
  /** Document title (the `#` heading). */
  title: string;
  /**
   * Chapters, in order. `pointer` is an RFC 6901 pointer into the configuration (not the
   * schema): `''` for the top level, `/routes`, `/routes/-/upstream` (`-` or any index steps
   * into array items, `*` into map values). Objects below a section are rendered in it unless
   * another section claims them. Defaults to one section, "Top level", at `''`.
   */
  sections?: Array<{ pointer: string; heading: string }>;
}

interface Target {
  path: string;
  schema: SchemaNode;
  note: string;
}

const kIdent = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

function joinPath(base: string, name: string): string {
  if (!kIdent.test(name)) return `${base}[${JSON.stringify(name)}]`;
  return base === '' ? name : `${base}.${name}`;
}

function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replaceAll('|', '\\|').trim();
}

/** An inline code span (table cells escape `|` later, through cell()). */
function code(v: unknown): string {
  const s = typeof v === 'string' && v !== '' && v.trim() === v ? v : (JSON.stringify(v) ?? String(v));
  const fence = s.includes('`') ? '``' : '`';
  const pad = fence === '``' ? ' ' : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

function literalValues(s: SchemaNode, refs: RefResolver): unknown[] | undefined {
  if ('const' in s) return [s.const];
  if (Array.isArray(s.enum)) return s.enum;
  const branches = (Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined) as
    | unknown[]
    | undefined;
  if (!branches || branches.length === 0) return undefined;
  const out: unknown[] = [];
  for (const b of branches) {
    const d = refs.deref(b);
    const vals = d ? literalValues(d, refs) : undefined;
    if (!vals) return undefined;
    out.push(...vals);
  }
  return out;
}

function branchesOf(s: SchemaNode): unknown[] | undefined {
  if (Array.isArray(s.anyOf)) return s.anyOf;
  if (Array.isArray(s.oneOf)) return s.oneOf;
  return undefined;
}

/** Own and `allOf`-merged properties of an object schema, in schema order. */
function propertiesOf(
  s: SchemaNode,
  refs: RefResolver,
): { props: [string, unknown][]; required: Set<string> } {
  const props: [string, unknown][] = [];
  const required = new Set<string>();
  const seen = new Set<SchemaNode>();
  const add = (node: SchemaNode) => {
    if (seen.has(node)) return;
    seen.add(node);
    if (node.properties && typeof node.properties === 'object') {
      for (const [k, v] of Object.entries(node.properties as Record<string, unknown>)) {
        if (!props.some(([name]) => name === k)) props.push([k, v]);
      }
    }
    if (Array.isArray(node.required)) for (const r of node.required) required.add(String(r));
    if (Array.isArray(node.allOf)) {
      for (const b of node.allOf) {
        const d = refs.deref(b);
        if (d) add(d);
      }
    }
  };
  add(s);
  return { props, required };
}

function isObjectLike(s: SchemaNode, refs: RefResolver): boolean {
  return propertiesOf(s, refs).props.length > 0;
}

function mapValueSchema(s: SchemaNode): unknown {
  if (s.additionalProperties !== undefined && typeof s.additionalProperties === 'object') {
    return s.additionalProperties;
  }
  const pp = s.patternProperties as Record<string, unknown> | undefined;
  if (pp && typeof pp === 'object') {
    const values = Object.values(pp);
    if (values.length === 1) return values[0];
  }
  return undefined;
}

function itemsSchema(s: SchemaNode): unknown {
  return Array.isArray(s.items) ? undefined : s.items;
}

function typeLabel(node: unknown, refs: RefResolver, depth = 0): string {
  const s = refs.deref(node);
  if (!s || depth > 8) return 'any';
  const lits = literalValues(s, refs);
  if (lits) {
    const kinds = [...new Set(lits.map((v) => (v === null ? 'null' : typeof v)))];
    return kinds.join(' or ');
  }
  const branches = branchesOf(s);
  if (branches) {
    return [...new Set(branches.map((b) => typeLabel(b, refs, depth + 1)))].join(' or ');
  }
  const types = Array.isArray(s.type) ? s.type.map(String) : typeof s.type === 'string' ? [s.type] : [];
  if (types.length === 0) {
    if (isObjectLike(s, refs)) return 'object';
    if (Array.isArray(s.allOf) && s.allOf.length > 0) return typeLabel(s.allOf[0], refs, depth + 1);
    return 'any';
  }
  return types
    .map((t) => {
      if (t === 'array') {
        const items = itemsSchema(s);
        return items === undefined ? 'array' : `array of ${typeLabel(items, refs, depth + 1)}`;
      }
      if (t === 'object') {
        if (isObjectLike(s, refs)) return 'object';
        const value = mapValueSchema(s);
        return value === undefined ? 'object' : `map of ${typeLabel(value, refs, depth + 1)}`;
      }
      if (t === 'string' && typeof s.format === 'string') return `string (${s.format})`;
      return t;
    })
    .join(' or ');
}

function constraints(s: SchemaNode): string[] {
  const out: string[] = [];
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  const push = (k: string, text: (n: number) => string) => {
    const n = num(k);
    if (n !== undefined) out.push(text(n));
  };
  push('minimum', (n) => `>= ${n}`);
  push('exclusiveMinimum', (n) => `> ${n}`);
  push('maximum', (n) => `<= ${n}`);
  push('exclusiveMaximum', (n) => `< ${n}`);
  push('multipleOf', (n) => `multiple of ${n}`);
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  push('minLength', (n) => (n === 1 ? 'not empty' : `at least ${count(n, 'character', 'characters')}`));
  push('maxLength', (n) => `at most ${count(n, 'character', 'characters')}`);
  push('minItems', (n) => (n === 1 ? 'not empty' : `at least ${count(n, 'item', 'items')}`));
  push('maxItems', (n) => `at most ${count(n, 'item', 'items')}`);
  push('minProperties', (n) => (n === 1 ? 'not empty' : `at least ${count(n, 'key', 'keys')}`));
  push('maxProperties', (n) => `at most ${count(n, 'key', 'keys')}`);
  if (s.uniqueItems === true) out.push('items must be unique');
  if (typeof s.pattern === 'string') out.push(`matches ${code(s.pattern)}`);
  return out;
}

function describe(node: unknown, refs: RefResolver, seeAlso: string | undefined): string {
  const raw = (node ?? {}) as SchemaNode;
  const s = refs.deref(node) ?? {};
  const parts: string[] = [];
  if (raw['x-secret'] === true || s['x-secret'] === true) parts.push('Secret (file: reference recommended).');
  if (raw.deprecated === true || s.deprecated === true) parts.push('Deprecated.');
  const text = typeof raw.description === 'string' ? raw.description : s.description;
  if (typeof text === 'string' && text.trim() !== '') parts.push(text.trim());
  const lits = literalValues(s, refs);
  if (lits && lits.length === 1) parts.push(`Must be ${code(lits[0])}.`);
  else if (lits) parts.push(`One of: ${lits.map(code).join(', ')}.`);
  const c = constraints(s);
  const items = s.type === 'array' ? refs.deref(itemsSchema(s)) : undefined;
  if (items) {
    const itemLits = literalValues(items, refs);
    if (itemLits) c.push(`items one of: ${itemLits.map(code).join(', ')}`);
    c.push(...constraints(items).map((x) => `items ${x}`));
  }
  if (c.length > 0) parts.push(`Constraints: ${c.join('; ')}.`);
  if (seeAlso) parts.push(seeAlso);
  return cell(parts.join(' '));
}

/** The objects worth their own table under `path` (through arrays, maps and unions). */
function nestedTargets(path: string, node: unknown, refs: RefResolver, note = '', depth = 0): Target[] {
  const s = refs.deref(node);
  if (!s || depth > 8) return [];
  if (isObjectLike(s, refs)) return [{ path, schema: s, note }];
  const branches = branchesOf(s);
  if (branches) {
    const objs = branches
      .map((b) => refs.deref(b))
      .filter(
        (b): b is SchemaNode => b !== undefined && nestedTargets(path, b, refs, '', depth + 1).length > 0,
      );
    return objs.flatMap((b, i) =>
      nestedTargets(path, b, refs, objs.length > 1 ? variantNote(b, i, refs) : note, depth + 1),
    );
  }
  const items = itemsSchema(s);
  if (items !== undefined && (s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array')))) {
    return nestedTargets(`${path}[]`, items, refs, note, depth + 1);
  }
  const value = mapValueSchema(s);
  if (value !== undefined)
    return nestedTargets(path === '' ? '*' : `${path}.*`, value, refs, note, depth + 1);
  return [];
}

function variantNote(s: SchemaNode, index: number, refs: RefResolver): string {
  for (const [name, prop] of propertiesOf(s, refs).props) {
    const p = refs.deref(prop);
    const lits = p ? literalValues(p, refs) : undefined;
    if (lits && lits.length === 1) return `when \`${name}\` is ${code(lits[0])}`;
  }
  return `variant ${index + 1}`;
}

function resolveSection(
  root: unknown,
  pointer: string,
  refs: RefResolver,
): { path: string; schema: unknown } {
  let path = '';
  let cur: unknown = root;
  const segs =
    pointer === ''
      ? []
      : pointer
          .slice(1)
          .split('/')
          .map((x) => x.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (pointer !== '' && !pointer.startsWith('/'))
    throw new TypeError(`section pointer must start with "/": ${pointer}`);
  for (const seg of segs) {
    const next = step(cur, seg, refs);
    if (!next) throw new TypeError(`section pointer ${JSON.stringify(pointer)} does not exist in the schema`);
    cur = next.schema;
    path = next.kind === 'prop' ? joinPath(path, seg) : next.kind === 'item' ? `${path}[]` : `${path}.*`;
  }
  return { path: path === '.*' ? '*' : path, schema: cur };
}

function step(
  node: unknown,
  seg: string,
  refs: RefResolver,
): { kind: 'prop' | 'item' | 'map'; schema: unknown } | undefined {
  const s = refs.deref(node);
  if (!s) return undefined;
  const prop = propertiesOf(s, refs).props.find(([k]) => k === seg);
  if (prop) return { kind: 'prop', schema: prop[1] };
  const items = itemsSchema(s);
  if (items !== undefined && (seg === '-' || /^\d+$/.test(seg))) return { kind: 'item', schema: items };
  const value = mapValueSchema(s);
  if (value !== undefined && seg === '*') return { kind: 'map', schema: value };
  for (const b of branchesOf(s) ?? []) {
    const r = step(b, seg, refs);
    if (r) return r;
  }
  return undefined;
}

/**
 * Renders a Markdown configuration reference from a JSON Schema (TypeBox schemas included):
 * for every object, recursively, a table of field | type | default | description under a
 * heading naming its JSON path (`routes[].upstream`, `upstreams.*` for map values, with a
 * note per union variant). Required fields, enum values, constraints and `x-secret` fields
 * ("secret (file: reference recommended)") are marked. Output is deterministic: schema order,
 * no timestamps. Throws a TypeError when a section pointer does not exist in the schema.
 *
 * @example
 * const md = renderSchemaDocs(GatewaySchema, {
 *   title: 'Configuration reference',
 *   sections: [{ pointer: '', heading: 'Top level' }, { pointer: '/routes', heading: 'Routes' }],
 * });
 */
export function renderSchemaDocs(schema: TSchema | object, opts: SchemaDocsOptions): string {
  const refs = createRefResolver(schema);
  const sections = (opts.sections ?? [{ pointer: '', heading: 'Top level' }]).map((sec) => ({
    ...sec,
    ...resolveSection(schema, sec.pointer, refs),
  }));
  const claimed = new Map<string, string>();
  for (const sec of sections) if (!claimed.has(sec.path)) claimed.set(sec.path, sec.heading);

  const out: string[] = [
    `# ${opts.title}`,
    '',
    '<!-- Generated from the configuration schema. Do not edit by hand. -->',
  ];

  for (const sec of sections) {
    out.push('', `## ${sec.heading}`);
    const secSchema = refs.deref(sec.schema);
    const intro = (sec.schema as SchemaNode | undefined)?.description ?? secSchema?.description;
    if (typeof intro === 'string' && intro.trim() !== '') out.push('', intro.trim());
    const active = new Set<SchemaNode>();
    const emitted = new Set<string>();
    const renderTarget = (t: Target, top: boolean) => {
      if (active.has(t.schema)) return;
      active.add(t.schema);
      if (!top || t.path !== sec.path || t.note !== '') {
        out.push(
          '',
          `### \`${t.path === '' ? '(top level)' : t.path}\`${t.note === '' ? '' : ` (${t.note})`}`,
        );
        if (!top) {
          const d = t.schema.description;
          if (typeof d === 'string' && d.trim() !== '') out.push('', d.trim());
        }
      }
      const { props, required } = propertiesOf(t.schema, refs);
      out.push('', '| Field | Type | Default | Description |', '| --- | --- | --- | --- |');
      const children: Target[] = [];
      for (const [name, prop] of props) {
        const childPath = joinPath(t.path, name);
        const deref = refs.deref(prop);
        const def = (prop as SchemaNode | undefined)?.default ?? deref?.default;
        const nested = nestedTargets(childPath, prop, refs);
        const owner = [childPath, ...nested.map((n) => n.path)]
          .map((path) => claimed.get(path))
          .find((h) => h !== undefined && h !== sec.heading);
        const recursive = nested.some((n) => active.has(n.schema));
        const see = owner ? `See “${owner}”.` : recursive ? 'Recursive (see above).' : undefined;
        // A required field with a default is filled in by the loader, so it is optional to write.
        const field = `\`${name}\`${required.has(name) && def === undefined ? ' *(required)*' : ''}`;
        out.push(
          `| ${cell(field)} | ${cell(typeLabel(prop, refs))} | ${def === undefined ? '—' : cell(code(def))} | ${describe(prop, refs, see)} |`,
        );
        if (!owner) children.push(...nested.filter((n) => !active.has(n.schema)));
      }
      const extra = t.schema.additionalProperties;
      if (extra !== undefined && typeof extra === 'object' && extra !== null) {
        out.push(
          `| \`*\` (any other key) | ${cell(typeLabel(extra, refs))} | — | ${describe(extra, refs, undefined)} |`,
        );
      }
      for (const c of children) {
        const key = `${c.path}\0${c.note}`;
        if (emitted.has(key)) continue;
        emitted.add(key);
        renderTarget(c, false);
      }
      active.delete(t.schema);
    };
    const targets = nestedTargets(sec.path, sec.schema, refs);
    if (targets.length === 0) {
      out.push(
        '',
        '| Type | Default | Description |',
        '| --- | --- | --- |',
        `| ${cell(typeLabel(sec.schema, refs))} | ${secSchema?.default === undefined ? '—' : cell(code(secSchema.default))} | ${describe(sec.schema, refs, undefined)} |`,
      );
    }
    for (const t of targets) renderTarget(t, true);
  }
  return `${out.join('\n')}\n`;
}
