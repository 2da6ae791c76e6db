import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { GraphQLGuardError, safeEcho } from './errors.ts';
import { bracketNesting } from './lexical.ts';
import { DEFAULT_ROOT_TYPES, type SchemaIndex } from './schema-index.ts';

/** Parser bounds, applied before and while parsing. */
export interface ParseLimits {
  /** Most lexical tokens in one document (graphql-js `maxLexicalTokens`). */
  readonly maxTokens: number;
  /** Deepest `{ ( [` nesting, measured by a flat scan before parsing (protects the recursive parser). */
  readonly maxNesting: number;
}

/**
 * Parses a GraphQL document under a token limit and a bracket-nesting limit. Throws a
 * {@link GraphQLGuardError} (`GATEHOUSE_NESTING_LIMIT`, `GATEHOUSE_TOKEN_LIMIT` or `GATEHOUSE_PARSE_ERROR`)
 * whose message never echoes the document.
 *
 * @example
 * const doc = parseDocument('{ me { id } }', { maxTokens: 10000, maxNesting: 64 });
 */
export function parseDocument(source: string, limits: ParseLimits): DocumentNode {
  if (bracketNesting(source, limits.maxNesting) > limits.maxNesting) {
    throw new GraphQLGuardError(
      'GATEHOUSE_NESTING_LIMIT',
      `The document nests brackets deeper than ${limits.maxNesting} levels.`,
      { limit: limits.maxNesting },
    );
  }
  try {
    return parse(source, { maxLexicalTokens: limits.maxTokens, noLocation: true });
  } catch (err) {
    if (err instanceof GraphQLError && /more than \d+ tokens/.test(err.message)) {
      throw new GraphQLGuardError(
        'GATEHOUSE_TOKEN_LIMIT',
        `The document has more than ${limits.maxTokens} tokens.`,
        { limit: limits.maxTokens },
      );
    }
    // Syntax errors name what was found at the error position: keep only graphql-js' short description.
    const msg = err instanceof GraphQLError ? err.message.split('\n')[0] : 'Unparsable document.';
    throw new GraphQLGuardError('GATEHOUSE_PARSE_ERROR', safeEcho(msg ?? 'Syntax error.').slice(0, 120));
  }
}

/**
 * The documented cost model. A field costs `weight + children`, multiplied by its list size:
 * `cost(field) = size × (weight(field) + Σ cost(child))`. `weight` is `fieldCosts['Type.field']`, else
 * `fieldCosts['*.field']`, else `defaultFieldCost` (`__typename` weighs 0). `size` is the largest value of
 * a list-size argument (`first`/`last`/`limit`, literal or variable, variables resolved from the request, then
 * from the variable's default), else `defaultListSize` when such an argument is present but not a
 * non-negative integer, or when the schema says the field returns a list; otherwise 1. Fragments are expanded.
 */
export interface CostModel {
  readonly defaultListSize: number;
  readonly listSizeArguments: ReadonlySet<string>;
  readonly defaultFieldCost: number;
  /** Weights by `Type.field` or `*.field`. */
  readonly fieldCosts: ReadonlyMap<string, number>;
}

/** What {@link analyzeDocument} needs besides the document. */
export interface AnalyzeOptions {
  /** The request's `operationName` (required when the document holds several operations). */
  readonly operationName?: string | null | undefined;
  /** The request's `variables` (used to resolve list-size arguments). */
  readonly variables?: Readonly<Record<string, unknown>> | null | undefined;
  /** Type information: nested `Type.field` keys only resolve with a schema. */
  readonly schema?: SchemaIndex | undefined;
  readonly cost: CostModel;
  /** Field-authorization rule keys (`Type.field` / `*.field`) to look for (a Set or a Map's keys). */
  readonly protectedFields: { has(key: string): boolean };
}

/** Measurements of the selected operation, fragments expanded. */
export interface OperationAnalysis {
  readonly operation: 'query' | 'mutation' | 'subscription';
  readonly operationName: string | undefined;
  /** Deepest field nesting (`{ me { id } }` is 2). */
  readonly depth: number;
  /** Aliased fields. */
  readonly aliases: number;
  /** Fields selected at the root of the operation. */
  readonly rootFields: number;
  /** Most directives on a single field, fragment or operation. */
  readonly maxDirectives: number;
  /** Cost per the {@link CostModel} (may be `Infinity` for absurd multipliers). */
  readonly cost: number;
  /** True when `__schema` or `__type` is selected. */
  readonly introspection: boolean;
  /** Protected field keys (from `protectedFields`) that the operation selects, sorted. */
  readonly protectedFields: readonly string[];
}

interface Summary {
  depth: number;
  aliases: number;
  width: number;
  directives: number;
  cost: number;
  introspection: boolean;
  hits: Set<string>;
}

const INTROSPECTION_FIELDS: ReadonlySet<string> = new Set(['__schema', '__type']);

/**
 * Longest chain of fragments spreading fragments. Lexical nesting does not bound it (each fragment is
 * defined at the top level), and the analysis recurses along it.
 */
export const MAX_FRAGMENT_CHAIN = 500;

function empty(): Summary {
  return { depth: 0, aliases: 0, width: 0, directives: 0, cost: 0, introspection: false, hits: new Set() };
}

function mergeInto(into: Summary, s: Summary): void {
  if (s.depth > into.depth) into.depth = s.depth;
  into.aliases += s.aliases;
  into.width += s.width;
  if (s.directives > into.directives) into.directives = s.directives;
  into.cost += s.cost;
  if (s.introspection) into.introspection = true;
  for (const h of s.hits) into.hits.add(h);
}

/** A single pass over the executable definitions, memoising fragment summaries (linear in document size). */
class Analyzer {
  readonly #fragments: Map<string, FragmentDefinitionNode>;
  readonly #memo = new Map<string, Summary>();
  readonly #inProgress = new Set<string>();
  readonly #opts: AnalyzeOptions;
  readonly #variables: Readonly<Record<string, unknown>>;
  readonly #defaults = new Map<string, ValueNode>();

  constructor(fragments: Map<string, FragmentDefinitionNode>, opts: AnalyzeOptions) {
    this.#fragments = fragments;
    this.#opts = opts;
    const v = opts.variables;
    this.#variables = v !== null && typeof v === 'object' && !Array.isArray(v) ? v : {};
  }

  useOperation(op: OperationDefinitionNode): void {
    this.#defaults.clear();
    for (const d of op.variableDefinitions ?? []) {
      if (d.defaultValue !== undefined) this.#defaults.set(d.variable.name.value, d.defaultValue);
    }
  }

  fragment(name: string): Summary {
    const memo = this.#memo.get(name);
    if (memo !== undefined) return memo;
    if (this.#inProgress.has(name)) {
      throw new GraphQLGuardError('GATEHOUSE_FRAGMENT_CYCLE', `Fragment "${safeEcho(name)}" spreads itself.`);
    }
    const def = this.#fragments.get(name);
    if (def === undefined) {
      throw new GraphQLGuardError('GATEHOUSE_UNKNOWN_FRAGMENT', `Unknown fragment "${safeEcho(name)}".`);
    }
    if (this.#inProgress.size >= MAX_FRAGMENT_CHAIN) {
      throw new GraphQLGuardError(
        'GATEHOUSE_NESTING_LIMIT',
        `Fragments spread fragments more than ${MAX_FRAGMENT_CHAIN} levels deep.`,
        { limit: MAX_FRAGMENT_CHAIN },
      );
    }
    this.#inProgress.add(name);
    const s = this.selectionSet(def.selectionSet, def.typeCondition.name.value);
    s.directives = Math.max(s.directives, def.directives?.length ?? 0);
    this.#inProgress.delete(name);
    this.#memo.set(name, s);
    return s;
  }

  selectionSet(set: SelectionSetNode, parent: string | undefined): Summary {
    const out = empty();
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        mergeInto(out, this.field(sel, parent));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const s = this.selectionSet(sel.selectionSet, sel.typeCondition?.name.value ?? parent);
        mergeInto(out, s);
        if ((sel.directives?.length ?? 0) > out.directives) out.directives = sel.directives?.length ?? 0;
      } else {
        mergeInto(out, this.fragment(sel.name.value));
        if ((sel.directives?.length ?? 0) > out.directives) out.directives = sel.directives?.length ?? 0;
      }
    }
    return out;
  }

  field(node: FieldNode, parent: string | undefined): Summary {
    const name = node.name.value;
    const info = parent === undefined ? undefined : this.#opts.schema?.field(parent, name);
    const child =
      node.selectionSet === undefined ? empty() : this.selectionSet(node.selectionSet, info?.type);
    const s = child;
    s.depth = child.depth + 1;
    s.width = 1;
    if (node.alias !== undefined) s.aliases += 1;
    if ((node.directives?.length ?? 0) > s.directives) s.directives = node.directives?.length ?? 0;
    if (INTROSPECTION_FIELDS.has(name)) s.introspection = true;
    const typed = parent === undefined ? undefined : `${parent}.${name}`;
    const wild = `*.${name}`;
    const rules = this.#opts.protectedFields;
    if (typed !== undefined && rules.has(typed)) s.hits.add(typed);
    if (rules.has(wild)) s.hits.add(wild);
    const model = this.#opts.cost;
    const weight =
      (typed === undefined ? undefined : model.fieldCosts.get(typed)) ??
      model.fieldCosts.get(wild) ??
      (name === '__typename' ? 0 : model.defaultFieldCost);
    const size = this.listSize(node, info?.list === true);
    // 0 × Infinity would be NaN, and NaN compares false against every limit.
    s.cost = size === 0 ? 0 : size * (weight + child.cost);
    return s;
  }

  listSize(node: FieldNode, schemaList: boolean): number {
    const model = this.#opts.cost;
    let size: number | undefined;
    let sized = false;
    for (const arg of node.arguments ?? []) {
      if (!model.listSizeArguments.has(arg.name.value)) continue;
      sized = true;
      const v = this.intValue(arg.value);
      if (v !== undefined && (size === undefined || v > size)) size = v;
    }
    if (size !== undefined) return size;
    return sized || schemaList ? model.defaultListSize : 1;
  }

  /** A non-negative integer (or Infinity when too large) from a literal or a variable (request value, then default). */
  intValue(value: ValueNode): number | undefined {
    let raw: unknown;
    if (value.kind === Kind.INT) raw = Number(value.value);
    else if (value.kind === Kind.VARIABLE) {
      const name = value.name.value;
      if (Object.hasOwn(this.#variables, name)) raw = this.#variables[name];
      else {
        const d = this.#defaults.get(name);
        if (d?.kind === Kind.INT) raw = Number(d.value);
      }
    }
    if (typeof raw !== 'number' || !(raw >= 0)) return undefined;
    // Beyond double precision (`first: 99…9`, JSON `1e400`): unbounded, so any cost limit refuses it.
    if (!Number.isFinite(raw) || raw > Number.MAX_SAFE_INTEGER) return Number.POSITIVE_INFINITY;
    return Number.isInteger(raw) ? raw : undefined;
  }
}

/**
 * Selects the operation (by `operationName`, or the only one) and measures it with fragments expanded. Every
 * fragment of the document is checked for cycles and unknown spreads, but only the selected operation is
 * measured. Throws {@link GraphQLGuardError} for documents the guard cannot measure (no/ambiguous operation,
 * type-system definitions, duplicate names, unknown fragments, fragment cycles).
 *
 * @example
 * const a = analyzeDocument(parse('{ a: me { id } b: me { id } }'), { cost, protectedFields: new Set() });
 * a.aliases; // 2
 */
export function analyzeDocument(doc: DocumentNode, opts: AnalyzeOptions): OperationAnalysis {
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  const opNames = new Set<string>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) {
      const name = def.name.value;
      if (fragments.has(name)) {
        throw new GraphQLGuardError(
          'GATEHOUSE_INVALID_DOCUMENT',
          `Fragment "${safeEcho(name)}" is defined twice.`,
        );
      }
      fragments.set(name, def);
    } else if (def.kind === Kind.OPERATION_DEFINITION) {
      const name = def.name?.value;
      if (name !== undefined) {
        if (opNames.has(name)) {
          throw new GraphQLGuardError(
            'GATEHOUSE_INVALID_DOCUMENT',
            `Operation "${safeEcho(name)}" is defined twice.`,
          );
        }
        opNames.add(name);
      }
      operations.push(def);
    } else {
      throw new GraphQLGuardError('GATEHOUSE_INVALID_DOCUMENT', 'Only executable definitions are accepted.');
    }
  }
  const op = selectOperation(operations, opts.operationName);
  const analyzer = new Analyzer(fragments, opts);
  analyzer.useOperation(op);
  for (const name of fragments.keys()) analyzer.fragment(name);
  const roots = opts.schema?.roots ?? DEFAULT_ROOT_TYPES;
  const s = analyzer.selectionSet(op.selectionSet, roots[op.operation]);
  return Object.freeze({
    operation: op.operation,
    operationName: op.name?.value,
    depth: s.depth,
    aliases: s.aliases,
    rootFields: s.width,
    maxDirectives: Math.max(s.directives, op.directives?.length ?? 0),
    cost: s.cost,
    introspection: s.introspection,
    protectedFields: [...s.hits].sort(),
  });
}

function selectOperation(
  operations: readonly OperationDefinitionNode[],
  operationName: string | null | undefined,
): OperationDefinitionNode {
  if (typeof operationName === 'string' && operationName !== '') {
    const op = operations.find((o) => o.name?.value === operationName);
    if (op === undefined) {
      throw new GraphQLGuardError(
        'GATEHOUSE_OPERATION_NOT_FOUND',
        'The requested operation is not in the document.',
      );
    }
    return op;
  }
  const only = operations[0];
  if (only === undefined) {
    throw new GraphQLGuardError('GATEHOUSE_OPERATION_NOT_FOUND', 'The document contains no operation.');
  }
  if (operations.length > 1) {
    throw new GraphQLGuardError(
      'GATEHOUSE_OPERATION_NOT_FOUND',
      'The document contains several operations: operationName is required.',
    );
  }
  return only;
}

/** The limits {@link enforceLimits} applies to an {@link OperationAnalysis}. */
export interface OperationLimits {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxRootFields: number;
  readonly maxDirectives: number;
  readonly maxCost: number;
}

/**
 * Throws the first exceeded limit as a {@link GraphQLGuardError} (`limit` and `actual` in extensions).
 *
 * @example
 * enforceLimits(analysis, { maxDepth: 10, maxAliases: 30, maxRootFields: 20, maxDirectives: 10, maxCost: 5000 });
 */
export function enforceLimits(a: OperationAnalysis, l: OperationLimits): void {
  const check = (code: GraphQLGuardError['code'], what: string, actual: number, limit: number): void => {
    if (!(actual <= limit)) {
      const shown = Number.isFinite(actual) ? actual : 'unbounded';
      throw new GraphQLGuardError(code, `${what} ${shown} exceeds the limit of ${limit}.`, {
        limit,
        actual: Number.isFinite(actual) && actual <= Number.MAX_SAFE_INTEGER ? actual : null,
      });
    }
  };
  check('GATEHOUSE_DEPTH_LIMIT', 'Query depth', a.depth, l.maxDepth);
  check('GATEHOUSE_ALIAS_LIMIT', 'Alias count', a.aliases, l.maxAliases);
  check('GATEHOUSE_ROOT_FIELD_LIMIT', 'Root field count', a.rootFields, l.maxRootFields);
  check('GATEHOUSE_DIRECTIVE_LIMIT', 'Directive count', a.maxDirectives, l.maxDirectives);
  check('GATEHOUSE_COST_LIMIT', 'Query cost', a.cost, l.maxCost);
}
