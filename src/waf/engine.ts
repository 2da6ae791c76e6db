/**
 * WAF engine core: compiles SecLang directives once into per-phase rule lists, then evaluates a
 * {@link Transaction} per request (phase 1 request headers, phase 2 request body).
 *
 * Request data are byte strings: one JS char per byte (latin1), as ModSecurity sees them.
 */
import { dirname } from 'node:path';
import { RE2JS } from 're2js';
import { type JsonBodyLimits, parseJsonBody } from './body/json.ts';
import { type MultipartLimits, multipartStrictError, parseMultipartBody } from './body/multipart.ts';
import { parseXmlBody, type XmlBodyLimits } from './body/xml.ts';
import {
  type Actions,
  compileMacro as compileMacroInline,
  type Disruptive,
  type Macro,
  METADATA_ACTIONS,
  type Operator,
  parseActions,
  parseOperator,
  parseVariables,
  splitActions,
  type Variable,
} from './model.ts';
import {
  compileOperator,
  type Detector,
  MACRO_OPERATORS,
  type OperatorFn,
  type OpMatch,
  operatorPhrases,
  operatorPrefilter,
} from './operators.ts';
import type { Directive } from './parser/index.ts';
import {
  compileFormula,
  type Formula,
  type FormulaFn,
  foldLiterals,
  isWeak,
  LiteralTable,
  literalFormula,
  type Presence,
  phraseFormula,
  textFormula,
} from './prefilter.ts';
import { type ChangeTriggers, changeTriggers, isAsciiLowercase } from './transform/index.ts';

/** A transformation function (`t:xxx`), applied to byte strings. */
export type Transform = (input: string) => string;

/** Engine mode, as `SecRuleEngine` / `ctl:ruleEngine`. */
export type EngineMode = 'On' | 'DetectionOnly' | 'Off';

/** Options for {@link compileRuleset}. */
export interface EngineOptions {
  /** Transformation registry, normally `TRANSFORMS` from src/waf/transform/ (names are case-insensitive). */
  readonly transforms: Readonly<Record<string, Transform>>;
  readonly detectors?: { readonly sqli?: Detector; readonly xss?: Detector };
  /** Make `@detectSQLi`/`@detectXSS` never match when their detector is missing (default: fail to compile). */
  readonly allowMissingDetectors?: boolean;
  /** Initial engine mode (default `On`); `SecRuleEngine` in the rules overrides it. */
  readonly mode?: EngineMode;
  /** Limits of the JSON body processor (nesting depth, number of arguments). */
  readonly json?: JsonBodyLimits;
  /** Limits of the multipart body processor (parts, files, part headers). */
  readonly multipart?: MultipartLimits;
  /** Limits of the XML body processor (depth, nodes). */
  readonly xml?: XmlBodyLimits;
  /**
   * Per-request shortcuts (all on by default). Each one only skips work whose result is known; turning it off must
   * not change any result, which the equivalence tests check by comparing both ways.
   */
  readonly shortcuts?: Partial<Shortcuts>;
}

/** See {@link EngineOptions.shortcuts}. */
export interface Shortcuts {
  /** Skip a collection, or blocks of 16 of its values, whose united prefilter literals fail a rule's prefilter. */
  readonly summaries: boolean;
  /** Within one rule evaluation, skip a value already found not to match (as the value of another entry). */
  readonly dedupe: boolean;
  /** Give the `@pm` rules of the request phases a literal prefilter (some phrase's ASCII pieces must occur). */
  readonly pmPrefilter: boolean;
  /**
   * Give `@validateUtf8Encoding` and `@validateByteRange` a prefilter on the characters a value holds
   * (src/waf/operators.ts `operatorPrefilter`), so that block summaries can skip collections of plain ASCII.
   */
  readonly operatorPrefilter: boolean;
  /**
   * Skip a transformation on a value that holds none of the characters that could make it change anything
   * (src/waf/transform/index.ts `changeTriggers`, known for the registry's functions), read off the value's
   * literal scan instead of calling it.
   */
  readonly transformTriggers: boolean;
}

/** A transformation kind's {@link ChangeTriggers} as masks over raw ASCII codes (as {@link Presence} `r0`–`r3`). */
interface TriggerMasks {
  readonly r0: number;
  readonly r1: number;
  readonly r2: number;
  readonly r3: number;
  readonly hi: boolean;
}

/** The masks of a transformation's change triggers, or null when it has none (it must always be called). */
function triggerMasks(fn: Transform): TriggerMasks | null {
  const t: ChangeTriggers | undefined = changeTriggers(fn);
  if (t === undefined) return null;
  const m = [0, 0, 0, 0];
  for (let i = 0; i < t.chars.length; i++) {
    const c = t.chars.charCodeAt(i);
    if (c >= 128) throw new Error(`change trigger beyond ASCII: ${c}`);
    m[c >>> 5] = (m[c >>> 5] as number) | (1 << (c & 31));
  }
  const [r0, r1, r2, r3] = m as [number, number, number, number];
  return { r0, r1, r2, r3, hi: t.hi };
}

/** A compiled rule (a chain link when `next` is set on its predecessor). */
export interface CompiledRule {
  readonly id: number;
  /** The id as text (`skipAfter` may name a rule id). */
  readonly idText: string;
  readonly phase: number;
  readonly file: string;
  readonly line: number;
  variables: Variable[];
  /** True when some variable is an exclusion (`!ARGS:x`); kept in sync by target updates. */
  hasExclusions: boolean;
  /** Collections named by the rule's exclusions (`!ARGS:x` → `ARGS`); kept in sync by target updates. */
  excludedCols: Set<string>;
  /** The variables that are not exclusions, with facts about their collections; kept in sync by target updates. */
  targets: readonly Target[];
  readonly operator: Operator;
  /** The operator argument as a macro, when it holds `%{...}` and the operator expands macros; else null. */
  readonly argMacro: Macro | null;
  readonly op: OperatorFn;
  readonly actions: Actions;
  readonly disruptive: Disruptive;
  /** Status for deny/drop/redirect: the rule's `status`, else the phase default's, else 403. */
  readonly status: number;
  readonly transforms: readonly { readonly name: string; readonly fn: Transform }[];
  /** Ruleset-wide ids of each transformation prefix (`urlDecodeUni,lowercase,`): block-summary slots. */
  readonly transformIds: readonly number[];
  /** Ruleset-wide id of each transformation's kind (lower-cased name): slots of the per-value result caches. */
  readonly transformKinds: readonly number[];
  /** The rule's key regexes (`ARGS:/re/`), compiled with their literal filters. */
  readonly keyRegexes: Map<string, KeySelector>;
  /**
   * Run setvars once per matched variable rather than once per rule: true when a setvar names its target with
   * a macro (CRS 922150 counts multipart Content-Types into `tx.multipart_headers_content_types_%{counter}`;
   * 920450 records every header name as `tx.header_name_920450_%{tx.0}`).
   */
  readonly perMatch: boolean;
  /**
   * `@rx`, and `@pm` of the request phases: literals every match contains (src/waf/prefilter.ts), over the
   * ruleset's literal table; `true` when the pattern (or phrase list) gives none. A value whose literals make it false cannot match, so the regex is skipped.
   */
  readonly prefilter: Formula;
  /** {@link CompiledRule.prefilter} compiled, or null when there is none (or it would filter almost nothing). */
  prefilterFn: FormulaFn | null;
  /** Memoize the operator per distinct value within a transaction (`@detectSQLi`, `@detectXSS`: pure and costly). */
  readonly memoize: boolean;
  next: CompiledRule | null;
}

type PhaseEntry =
  | { readonly kind: 'rule'; readonly rule: CompiledRule }
  | { readonly kind: 'marker'; readonly name: string };

/** A compiled, immutable ruleset. */
export interface Ruleset {
  readonly phases: readonly (readonly PhaseEntry[])[];
  readonly ruleCount: number;
  readonly mode: EngineMode;
  /** Limits of the JSON body processor, from {@link EngineOptions.json}. */
  readonly jsonLimits: JsonBodyLimits;
  /** Limits of the multipart body processor, from {@link EngineOptions.multipart}. */
  readonly multipartLimits: MultipartLimits;
  /** Limits of the XML body processor, from {@link EngineOptions.xml}. */
  readonly xmlLimits: XmlBodyLimits;
  /** Finds the prefilter literals occurring in a value (one automaton over all prefilter literals of the ruleset). */
  readonly literals: {
    scan(input: string): Presence;
    union(list: readonly Presence[], start: number, end: number): Presence;
    lowerCased(p: Presence): Presence;
  };
  /** Number of distinct transformation prefixes (block-summary slots). */
  readonly transformPrefixes: number;
  /** Number of transformation kinds (slots of the per-value transformation caches). */
  readonly transformKinds: number;
  /** Per transformation kind: the masks of its change triggers, or null ({@link Shortcuts.transformTriggers}). */
  readonly kindTriggers: readonly (TriggerMasks | null)[];
  /**
   * Per transformation kind: it is the registry's ASCII `lowercase`, whose result's literal scan follows from its
   * input's ({@link Shortcuts.transformTriggers}).
   */
  readonly kindLowercase: readonly boolean[];
  /** The per-request shortcuts in use ({@link EngineOptions.shortcuts}). */
  readonly shortcuts: Shortcuts;
  /** Starts a transaction for one request. */
  newTransaction(request: RequestInput): Transaction;
}

/** The request as the engine sees it. Header values and body are byte strings. */
export interface RequestInput {
  readonly method: string;
  /** Raw request target, e.g. `/a/b?x=1`. */
  readonly uri: string;
  readonly protocol?: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body?: string;
  readonly remoteAddr?: string;
  readonly id?: string;
}

/** The upstream's response as the engine sees it (phases 3 and 4). Header values are byte strings. */
export interface ResponseInput {
  readonly status: number;
  /** e.g. `HTTP/1.1`. */
  readonly protocol?: string;
  readonly headers: readonly (readonly [string, string])[];
}

/** A rule match recorded by the transaction. */
export interface MatchEvent {
  readonly id: number;
  readonly phase: number;
  readonly msg: string;
  readonly logdata: string;
  readonly severity: number | undefined;
  readonly tags: readonly string[];
  readonly matchedVar: string;
  readonly matchedValue: string;
  readonly log: boolean;
}

/** A disruptive decision. */
export interface Intervention {
  readonly action: Disruptive;
  readonly status: number;
  readonly ruleId: number;
}

interface Entry {
  readonly key: string;
  readonly lkey: string;
  value: string;
  /** Captures (TX.0–TX.9) of the match that produced this hit, for per-match setvars. */
  captures?: readonly (string | undefined)[];
  /** The named view of this entry (`ARGS:id`), made once, and the collection it was made for. */
  view?: Entry;
  viewCol?: string;
  /** The shared caches of this (source) entry's value, once looked up. */
  vi?: ValueInfo;
}

/**
 * What a transaction knows about one distinct value, shared by every entry holding it (transformations, literal
 * scans and operators are pure functions of the value, so equal values share their results).
 */
interface ValueInfo {
  readonly value: string;
  /** Bit k: transformation kind k (k < 31) leaves the value as it is (most do, and this allocates nothing). */
  same: number;
  /** The records of the results of the other transformations, by transformation kind. */
  next?: (ValueInfo | undefined)[];
  /** Prefilter literals of the value. */
  present?: Presence;
  /** The rule evaluation ({@link Transaction} stamp) that last found this value not to match. */
  miss: number;
}

const NO_ENTRIES: readonly Entry[] = [];

/** Entries per block of a {@link Summary} (a power of two). */
const BLOCK_SHIFT = 4;
const BLOCK = 1 << BLOCK_SHIFT;
/** Smallest collection worth a {@link Summary}. */
const SUMMARY_MIN = 2;

/**
 * A collection's values after one transformation chain ({@link ValueInfo} records, by entry) and, once a
 * prefiltered rule asks, their prefilter literals united over the whole collection and per block.
 */
interface Summary {
  /** Number of entries summarised (collections only grow, between phases). */
  readonly n: number;
  readonly ends: readonly ValueInfo[];
  total: Presence | null;
  blocks: readonly Presence[] | null;
  /** The summary after one more transformation, by transformation kind (see {@link Transaction.summary}). */
  next: (Summary | undefined)[] | null;
}

/** Whether two summaries' record lists are the same records in the same order. */
function sameRecords(a: readonly ValueInfo[], b: readonly ValueInfo[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function ruleCompileError(d: Directive, err: unknown): Error {
  return new Error(`${d.file}:${d.line}: ${(err as Error).message}`, { cause: err });
}

function parseIdList(args: readonly string[]): ((id: number) => boolean)[] {
  const out: ((id: number) => boolean)[] = [];
  for (const a of args
    .join(' ')
    .split(/[\s,]+/)
    .filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(a);
    if (m === null) throw new Error(`invalid rule id or range: ${a}`);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    out.push((id) => id >= lo && id <= hi);
  }
  return out;
}

/**
 * Compiles directives (from the parser) into a ruleset: rules per phase in order, chains linked,
 * markers for skipAfter, `SecDefaultAction` per phase, removals and target updates applied at load.
 * @throws Error naming file:line for any invalid rule.
 */
export function compileRuleset(directives: readonly Directive[], options: EngineOptions): Ruleset {
  const phases: PhaseEntry[][] = [[], [], [], [], [], []];
  const defaults = new Map<number, Actions>();
  const all: CompiledRule[] = [];
  let mode: EngineMode = options.mode ?? 'On';
  let chainTail: CompiledRule | null = null;
  let chainHead: CompiledRule | null = null;
  // Transformation names are case-insensitive in SecLang (CRS writes both base64Decode and base64decode).
  const transformsByName = new Map<string, Transform>();
  const literalTable = new LiteralTable();
  const shortcuts: Shortcuts = Object.freeze({
    summaries: true,
    dedupe: true,
    pmPrefilter: true,
    operatorPrefilter: true,
    transformTriggers: true,
    ...options.shortcuts,
  });
  const prefixIds = new Map<string, number>();
  const kindIds = new Map<string, number>();
  for (const [k, fn] of Object.entries(options.transforms)) transformsByName.set(k.toLowerCase(), fn);
  const removeRules = (pred: (r: CompiledRule) => boolean): void => {
    for (let p = 1; p <= 5; p++) {
      phases[p] = (phases[p] as PhaseEntry[]).filter((e) => e.kind !== 'rule' || !pred(e.rule));
    }
    for (let i = all.length - 1; i >= 0; i--) if (pred(all[i] as CompiledRule)) all.splice(i, 1);
  };
  for (const d of directives) {
    try {
      switch (d.name) {
        case 'SecRuleEngine': {
          const m = parseMode(d.args[0] as string);
          if (m === null) throw new Error(`invalid SecRuleEngine value ${d.args[0]}`);
          mode = m;
          break;
        }
        case 'SecDefaultAction': {
          const text = d.args[0] as string;
          for (const a of splitActions(text)) {
            if (METADATA_ACTIONS.has(a.name)) throw new Error(`SecDefaultAction cannot set ${a.name}`);
          }
          const acts = parseActions(text);
          if (acts.phase === undefined) throw new Error('SecDefaultAction needs a phase');
          defaults.set(acts.phase, acts);
          break;
        }
        case 'SecMarker':
          if (chainTail !== null) throw new Error('SecMarker inside a chain');
          for (let p = 1; p <= 5; p++)
            (phases[p] as PhaseEntry[]).push({ kind: 'marker', name: d.args[0] as string });
          break;
        case 'SecRule':
        case 'SecAction': {
          const isAction = d.name === 'SecAction';
          const varText = isAction ? 'REQUEST_URI' : (d.args[0] as string);
          const opText = isAction ? '@unconditionalMatch' : (d.args[1] as string);
          const actText = isAction ? (d.args[0] as string) : (d.args[2] ?? '');
          const actions = parseActions(actText);
          for (const sv of actions.setvars) {
            if (sv.collection !== 'TX') {
              throw new Error(
                `setvar on ${sv.collection} needs persistent collections, which are not supported`,
              );
            }
          }
          const inChain = chainTail !== null;
          const phase = inChain ? (chainHead as CompiledRule).phase : (actions.phase ?? 2);
          const def = defaults.get(phase);
          if (!inChain && actions.id === undefined) throw new Error('rule has no id');
          const transformNames = [
            ...(actions.transformsReset || def === undefined ? [] : def.transforms),
            ...actions.transforms,
          ];
          const transforms = transformNames.map((name) => {
            const fn = transformsByName.get(name.toLowerCase());
            if (fn === undefined) throw new Error(`unknown transformation t:${name}`);
            return { name, fn };
          });
          let disruptive: Disruptive = actions.disruptive ?? def?.disruptive ?? 'pass';
          if (disruptive === 'block') disruptive = def?.disruptive ?? 'pass';
          if (disruptive === 'block') disruptive = 'deny';
          const operator = parseOperator(opText);
          const op = compileOperator(operator, {
            baseDir: dirname(d.file),
            detectors: options.detectors ?? {},
            allowMissingDetectors: options.allowMissingDetectors ?? false,
            // Captures (TX.0–TX.9) are only read for rules with the `capture` action.
            captures: actions.capture,
          });
          const variables = isAction ? [] : checkVariables(parseVariables(varText));
          // A prefilter that nearly every value passes costs more than it saves: none then.
          // `@pm` of the request phases too (many values each); the response phases' phrase lists (error pages,
          // 70 KB) would triple the automaton for one value per response.
          const phrases =
            phase <= 2 && shortcuts.pmPrefilter ? operatorPhrases(operator, dirname(d.file)) : null;
          const literals =
            operator.name === 'rx'
              ? literalFormula(operator.argument)
              : phrases !== null
                ? phraseFormula(phrases)
                : true;
          const prefilter = isWeak(literals) ? true : literalTable.intern(literals);
          const rule: CompiledRule = {
            id: inChain ? (chainHead as CompiledRule).id : (actions.id as number),
            idText: String(inChain ? (chainHead as CompiledRule).id : (actions.id as number)),
            phase,
            file: d.file,
            line: d.line,
            variables,
            hasExclusions: variables.some((v) => v.exclude),
            excludedCols: new Set(variables.filter((v) => v.exclude).map((v) => v.collection)),
            targets: [],
            operator,
            argMacro:
              MACRO_OPERATORS.has(operator.name) && operator.argument.includes('%{')
                ? compileMacroCached(operator.argument)
                : null,
            op,
            actions,
            disruptive,
            status: actions.status ?? def?.status ?? 403,
            transforms,
            transformKinds: transforms.map((t) => {
              const key = t.name.toLowerCase();
              let id = kindIds.get(key);
              if (id === undefined) {
                id = kindIds.size;
                kindIds.set(key, id);
              }
              return id;
            }),
            transformIds: transforms.map((_, i) => {
              const key = transforms
                .slice(0, i + 1)
                .map((t) => `${t.name.toLowerCase()},`)
                .join('');
              let id = prefixIds.get(key);
              if (id === undefined) {
                id = prefixIds.size;
                prefixIds.set(key, id);
              }
              return id;
            }),
            keyRegexes: new Map(),
            perMatch: actions.setvars.some((sv) => sv.key.refs.length > 0),
            prefilter,
            prefilterFn: null,
            memoize: operator.name === 'detectSQLi' || operator.name === 'detectXSS',
            next: null,
          };
          compileKeyRegexes(rule);
          precompileCtlKeys(actions);
          if (chainTail !== null) chainTail.next = rule;
          else {
            chainHead = rule;
            all.push(rule);
            (phases[phase] as PhaseEntry[]).push({ kind: 'rule', rule });
          }
          chainTail = actions.chain ? rule : null;
          if (!actions.chain) chainHead = null;
          break;
        }
        case 'SecRuleRemoveById': {
          const preds = parseIdList(d.args);
          removeRules((r) => preds.some((p) => p(r.id)));
          break;
        }
        case 'SecRuleRemoveByTag': {
          const re = RE2JS.compile(d.args[0] as string);
          removeRules((r) => r.actions.tags.some((t) => re.matcher(t).find()));
          break;
        }
        case 'SecRuleRemoveByMsg': {
          const re = RE2JS.compile(d.args[0] as string);
          removeRules((r) => re.matcher(r.actions.msg?.source ?? '').find());
          break;
        }
        case 'SecRuleUpdateTargetById':
        case 'SecRuleUpdateTargetByTag': {
          const extra = checkVariables(parseVariables(d.args[1] as string));
          const select: (r: CompiledRule) => boolean =
            d.name === 'SecRuleUpdateTargetById'
              ? (
                  (preds) => (r: CompiledRule) =>
                    preds.some((p) => p(r.id))
                )(parseIdList([d.args[0] as string]))
              : (
                  (re) => (r: CompiledRule) =>
                    r.actions.tags.some((t) => re.matcher(t).find())
                )(RE2JS.compile(d.args[0] as string));
          for (const r of all) {
            if (!select(r)) continue;
            if (d.args[2] !== undefined) {
              const replaced = parseVariables(d.args[2]);
              const idx = r.variables.findIndex((v) =>
                replaced.some(
                  (x) => x.collection === v.collection && x.key === v.key && x.keyRegex === v.keyRegex,
                ),
              );
              if (idx !== -1) r.variables.splice(idx, 1);
            }
            r.variables = [...r.variables, ...extra];
            r.hasExclusions = r.variables.some((v) => v.exclude);
            r.excludedCols = new Set(r.variables.filter((v) => v.exclude).map((v) => v.collection));
            compileKeyRegexes(r);
          }
          break;
        }
        case 'SecRuleUpdateActionById':
          throw new Error('SecRuleUpdateActionById is not supported');
        default:
          throw new Error(`unsupported directive ${d.name}`);
      }
    } catch (err) {
      throw ruleCompileError(d, err);
    }
  }
  if (chainTail !== null) throw new Error('ruleset ends inside a chain');
  // All @rx literals are known: build the automaton, then compile each rule's prefilter against it.
  const literals = literalTable.freeze();
  for (const head of all) {
    for (let r: CompiledRule | null = head; r !== null; r = r.next) {
      if (r.prefilter !== true) r.prefilterFn = compileFormula(r.prefilter, literals.single, literals);
      else if (shortcuts.operatorPrefilter) r.prefilterFn = operatorPrefilter(r.operator);
    }
  }
  const frozenPhases = phases.map((p) => Object.freeze(p));
  const ruleset: Ruleset = {
    phases: frozenPhases,
    ruleCount: frozenPhases.reduce((n, p) => n + p.filter((e) => e.kind === 'rule').length, 0),
    mode,
    jsonLimits: Object.freeze({ ...options.json }),
    multipartLimits: Object.freeze({ ...options.multipart }),
    xmlLimits: Object.freeze({ ...options.xml }),
    literals,
    transformPrefixes: prefixIds.size,
    transformKinds: kindIds.size,
    kindTriggers: [...kindIds].map(([name]) => {
      const fn = transformsByName.get(name);
      return fn === undefined || !shortcuts.transformTriggers ? null : triggerMasks(fn);
    }),
    kindLowercase: [...kindIds].map(([name]) => {
      const fn = transformsByName.get(name);
      return fn !== undefined && shortcuts.transformTriggers && isAsciiLowercase(fn);
    }),
    shortcuts,
    newTransaction(request) {
      return new Transaction(ruleset, request);
    },
  };
  return Object.freeze(ruleset);
}

/** Parses `On`/`Off`/`DetectionOnly` (case-insensitive); null when invalid. */
function parseMode(v: string): EngineMode | null {
  const l = v.toLowerCase();
  return l === 'on' ? 'On' : l === 'off' ? 'Off' : l === 'detectiononly' ? 'DetectionOnly' : null;
}

/** XPath expressions the XML collection answers (what CRS uses); others fail at load. */
const XML_PATHS = new Set(['', '/*', '//@*']);

function checkVariables(vars: Variable[]): Variable[] {
  for (const v of vars) {
    if (!isKnownCollection(v.collection)) throw new Error(`unknown variable ${v.collection}`);
    if (v.collection === 'XML' && !XML_PATHS.has(v.key))
      throw new Error(`unsupported XPath XML:${v.key} (supported: XML:/*, XML://@*)`);
  }
  return vars;
}

/** A rule variable (not an exclusion) and what evaluation needs to know about it, worked out at load. */
interface Target {
  readonly v: Variable;
  readonly col: string;
  /** No key selection: the whole collection. */
  readonly all: boolean;
  readonly scalar: boolean;
  /** TX and MATCHED_*: values change during the transaction, so they are not cached. */
  readonly dynamic: boolean;
  /** MATCHED_VARS(_NAMES): entries are the earlier hits, already named. */
  readonly passThrough: boolean;
  /** The rule excludes some entries of this collection. */
  readonly excludedCol: boolean;
}

/** Compiles the key regexes of a rule's variables and derives its {@link CompiledRule.targets}. */
function compileKeyRegexes(rule: CompiledRule): void {
  rule.targets = rule.variables
    .filter((v) => !v.exclude)
    .map((v) => ({
      v,
      col: v.collection,
      all: v.key === '' && v.keyRegex === null,
      scalar: SCALARS.has(v.collection),
      dynamic: v.collection === 'TX' || v.collection.startsWith('MATCHED'),
      passThrough: v.collection === 'MATCHED_VARS' || v.collection === 'MATCHED_VARS_NAMES',
      excludedCol: rule.excludedCols.has(v.collection),
    }));
  for (const v of rule.variables) {
    if (v.keyRegex !== null && !rule.keyRegexes.has(v.keyRegex)) {
      rule.keyRegexes.set(v.keyRegex, compileKeySelector(v.keyRegex));
    }
  }
}

/** A key regex (`ARGS:/re/`, case-insensitive) and a literal filter its matches pass (null: none). */
interface KeySelector {
  readonly re: RE2JS;
  readonly filter: ((folded: string) => boolean) | null;
}

const keySelectorCache = new Map<string, KeySelector>();

/** Compiles, at load, the key regexes that a rule's literal `ctl:ruleRemoveTarget*=id;ARGS:/re/` will name. */
function precompileCtlKeys(actions: Actions): void {
  for (const c of actions.ctls) {
    if (c.option !== 'ruleRemoveTargetById' && c.option !== 'ruleRemoveTargetByTag') continue;
    const semi = c.value.indexOf(';');
    if (semi === -1 || c.value.includes('%{')) continue;
    try {
      for (const v of parseVariables(c.value.slice(semi + 1)))
        if (v.keyRegex !== null) compileKeySelector(v.keyRegex);
    } catch {
      // A malformed target fails when the ctl runs, as before.
    }
  }
}

/**
 * Compiles a key regex once per process (the patterns come from rule files and policy config, not from requests),
 * with the literals every key it matches contains (src/waf/prefilter.ts; folded on both sides).
 */
function compileKeySelector(pattern: string): KeySelector {
  let k = keySelectorCache.get(pattern);
  if (k === undefined) {
    k = {
      re: RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE),
      filter: textFormula(literalFormula(pattern, RE2JS.CASE_INSENSITIVE)),
    };
    keySelectorCache.set(pattern, k);
  }
  return k;
}

/** Splits `a=1&b=2` into decoded pairs (`+` is a space, `%xx` a byte). */
export function parseUrlEncoded(s: string): [string, string][] {
  const out: [string, string][] = [];
  if (s === '') return out;
  for (const part of s.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const k = eq === -1 ? part : part.slice(0, eq);
    const v = eq === -1 ? '' : part.slice(eq + 1);
    out.push([decodeFormComponent(k), decodeFormComponent(v)]);
  }
  return out;
}

/** Decodes `+` and valid `%xx` escapes into a byte string; invalid escapes stay literal. */
export function decodeFormComponent(s: string): string {
  if (!s.includes('%') && !s.includes('+')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '+') out += ' ';
    else if (c === '%' && i + 2 < s.length && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out += String.fromCharCode(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out += c;
  }
  return out;
}

const SCALARS = new Set([
  'REQUEST_URI',
  'REQUEST_URI_RAW',
  'REQUEST_FILENAME',
  'REQUEST_BASENAME',
  'REQUEST_LINE',
  'REQUEST_METHOD',
  'REQUEST_PROTOCOL',
  'QUERY_STRING',
  'REQUEST_BODY',
  'REQUEST_BODY_LENGTH',
  'REQBODY_PROCESSOR',
  'REQBODY_ERROR',
  'REQBODY_ERROR_MSG',
  'REQBODY_PROCESSOR_ERROR',
  'REQBODY_PROCESSOR_ERROR_MSG',
  'REMOTE_ADDR',
  'UNIQUE_ID',
  'ARGS_COMBINED_SIZE',
  'FILES_COMBINED_SIZE',
  'MATCHED_VAR',
  'MATCHED_VAR_NAME',
  'RESPONSE_STATUS',
  'RESPONSE_BODY',
  'RESPONSE_PROTOCOL',
  'RESPONSE_CONTENT_TYPE',
  'RESPONSE_CONTENT_LENGTH',
  'MULTIPART_STRICT_ERROR',
  'MULTIPART_UNMATCHED_BOUNDARY',
  'MULTIPART_BOUNDARY_QUOTED',
  'MULTIPART_BOUNDARY_WHITESPACE',
  'MULTIPART_DATA_AFTER',
  'MULTIPART_DATA_BEFORE',
  'MULTIPART_HEADER_FOLDING',
  'MULTIPART_LF_LINE',
  'MULTIPART_MISSING_SEMICOLON',
  'MULTIPART_INVALID_QUOTING',
  'MULTIPART_INVALID_PART',
  'MULTIPART_INVALID_HEADER_FOLDING',
  'MULTIPART_FILE_LIMIT_EXCEEDED',
  'INBOUND_DATA_ERROR',
  'OUTBOUND_DATA_ERROR',
  'DURATION',
  'AUTH_TYPE',
  'REMOTE_USER',
  'SERVER_NAME',
  'SERVER_PORT',
  'REMOTE_PORT',
  'FULL_REQUEST',
  'FULL_REQUEST_LENGTH',
  'STATUS_LINE',
]);

/** Multi-valued collections the engine knows; unknown variable names fail at compile time. */
const MULTI = new Set([
  'ARGS',
  'ARGS_NAMES',
  'ARGS_GET',
  'ARGS_GET_NAMES',
  'ARGS_POST',
  'ARGS_POST_NAMES',
  'REQUEST_HEADERS',
  'REQUEST_HEADERS_NAMES',
  'REQUEST_COOKIES',
  'REQUEST_COOKIES_NAMES',
  'FILES',
  'FILES_NAMES',
  'FILES_SIZES',
  'FILES_TMPNAMES',
  'FILES_TMP_CONTENT',
  'MULTIPART_PART_HEADERS',
  'XML',
  'TX',
  'MATCHED_VARS',
  'MATCHED_VARS_NAMES',
  'RESPONSE_HEADERS',
  'RESPONSE_HEADERS_NAMES',
  'ENV',
  'RULE',
  'IP',
  'SESSION',
  'GLOBAL',
  'RESOURCE',
  'USER',
  'GEO',
]);

/** True when the engine knows the collection or scalar variable name. */
export function isKnownCollection(name: string): boolean {
  return SCALARS.has(name) || MULTI.has(name);
}

/** One request's evaluation state. Not reusable across requests. */
export class Transaction {
  readonly ruleset: Ruleset;
  readonly matches: MatchEvent[] = [];
  mode: EngineMode;
  intervention: Intervention | null = null;
  private readonly cols = new Map<string, Entry[]>();
  private readonly tx = new Map<string, Entry>();
  private readonly removedIds: ((id: number) => boolean)[] = [];
  private readonly removedTags: string[] = [];
  private readonly removedTargets: { readonly pred: (r: CompiledRule) => boolean; readonly v: Variable }[] =
    [];
  private matchedVars: Entry[] = [];
  private matchedVar: Entry = { key: '', lkey: '', value: '' };
  private allowed = false;
  private forceBodyVariable = false;
  private readonly request: RequestInput;

  /** Creates a transaction and fills the request-line, header and query collections. */
  constructor(ruleset: Ruleset, request: RequestInput) {
    this.ruleset = ruleset;
    this.mode = ruleset.mode;
    this.request = request;
    const q = request.uri.indexOf('?');
    const path = q === -1 ? request.uri : request.uri.slice(0, q);
    const query = q === -1 ? '' : request.uri.slice(q + 1);
    const protocol = request.protocol ?? 'HTTP/1.1';
    this.setScalar('REQUEST_METHOD', request.method);
    this.setScalar('REQUEST_PROTOCOL', protocol);
    this.setScalar('REQUEST_URI_RAW', request.uri);
    this.setScalar('REQUEST_URI', request.uri);
    this.setScalar('REQUEST_LINE', `${request.method} ${request.uri} ${protocol}`);
    this.setScalar('QUERY_STRING', query);
    const filename = decodeFormComponent(path.replace(/\+/g, '%2B'));
    this.setScalar('REQUEST_FILENAME', filename);
    this.setScalar('REQUEST_BASENAME', filename.slice(filename.lastIndexOf('/') + 1));
    this.setScalar('REMOTE_ADDR', request.remoteAddr ?? '');
    this.setScalar('UNIQUE_ID', request.id ?? '');
    this.setScalar('REQUEST_BODY_LENGTH', '0');
    for (const [k, v] of parseUrlEncoded(query)) this.addArg('GET', k, v);
    for (const [name, value] of request.headers) {
      this.add('REQUEST_HEADERS', name, value);
      this.add('REQUEST_HEADERS_NAMES', name, name);
      if (name.toLowerCase() === 'cookie') {
        for (const c of value.split(';')) {
          const t = c.trim();
          if (t === '') continue;
          const eq = t.indexOf('=');
          const k = eq === -1 ? t : t.slice(0, eq);
          this.add('REQUEST_COOKIES', k, eq === -1 ? '' : t.slice(eq + 1));
          this.add('REQUEST_COOKIES_NAMES', k, k);
        }
      }
    }
    const ct = this.first('REQUEST_HEADERS', 'content-type').toLowerCase();
    if (ct.startsWith('application/x-www-form-urlencoded')) this.setScalar('REQBODY_PROCESSOR', 'URLENCODED');
    else if (ct.startsWith('multipart/form-data')) this.setScalar('REQBODY_PROCESSOR', 'MULTIPART');
    this.updateCombinedSize();
  }

  private list(col: string): Entry[] {
    let l = this.cols.get(col);
    if (l === undefined) {
      l = [];
      this.cols.set(col, l);
    }
    return l;
  }

  private add(col: string, key: string, value: string): void {
    this.list(col).push({ key, lkey: key.toLowerCase(), value });
  }

  private setScalar(col: string, value: string): void {
    this.cols.set(col, [{ key: '', lkey: '', value }]);
  }

  private first(col: string, lkey: string): string {
    if (col === 'TX') return this.tx.get(lkey)?.value ?? '';
    for (const e of this.cols.get(col) ?? []) if (lkey === '' || e.lkey === lkey) return e.value;
    return '';
  }

  private addArg(kind: 'GET' | 'POST', k: string, v: string): void {
    this.add('ARGS', k, v);
    this.add('ARGS_NAMES', k, k);
    this.add(`ARGS_${kind}`, k, v);
    this.add(`ARGS_${kind}_NAMES`, k, k);
  }

  private updateCombinedSize(): void {
    let n = 0;
    for (const e of this.cols.get('ARGS') ?? []) n += e.key.length + e.value.length;
    this.setScalar('ARGS_COMBINED_SIZE', String(n));
  }

  /** Reads a TX variable (lower-case name), or undefined. */
  getTx(name: string): string | undefined {
    return this.tx.get(name.toLowerCase())?.value;
  }

  /** Sets a TX variable before evaluation (e.g. paranoia level overrides). */
  setTx(name: string, value: string): void {
    this.tx.set(name.toLowerCase(), { key: name.toLowerCase(), lkey: name.toLowerCase(), value });
  }

  /**
   * Fills `RESPONSE_STATUS`, `RESPONSE_PROTOCOL`, `RESPONSE_HEADERS(_NAMES)`, `RESPONSE_CONTENT_TYPE` and
   * `RESPONSE_CONTENT_LENGTH`, then evaluates phase 3 (response headers). Returns the intervention, if any.
   */
  processResponseHeaders(response: ResponseInput): Intervention | null {
    this.setScalar('RESPONSE_STATUS', String(response.status));
    this.setScalar('RESPONSE_PROTOCOL', response.protocol ?? 'HTTP/1.1');
    for (const [name, value] of response.headers) {
      this.add('RESPONSE_HEADERS', name, value);
      this.add('RESPONSE_HEADERS_NAMES', name, name);
      const l = name.toLowerCase();
      if (l === 'content-type') this.setScalar('RESPONSE_CONTENT_TYPE', value);
      else if (l === 'content-length') this.setScalar('RESPONSE_CONTENT_LENGTH', value);
    }
    return this.runPhase(3);
  }

  /**
   * Sets `RESPONSE_BODY` (byte string; the caller decides which content types and how many bytes are inspected,
   * as ModSecurity's `SecResponseBodyMimeType` / `SecResponseBodyLimit`) and evaluates phase 4.
   */
  processResponseBody(body: string): Intervention | null {
    this.setScalar('RESPONSE_BODY', body);
    return this.runPhase(4);
  }

  /** Evaluates phase 1 (request headers). Returns the intervention, if any. */
  processRequestHeaders(): Intervention | null {
    return this.runPhase(1);
  }

  /**
   * Fills the body collections and evaluates phase 2. By `REQBODY_PROCESSOR`: `URLENCODED` (set from the
   * Content-Type) and `JSON` (src/waf/body/json.ts) become ARGS_POST; `MULTIPART` (from the Content-Type,
   * src/waf/body/multipart.ts) fills ARGS_POST, FILES, FILES_NAMES, FILES_SIZES, FILES_TMP_CONTENT, FILES_COMBINED_SIZE,
   * MULTIPART_PART_HEADERS and the `MULTIPART_*` flags; `XML` (set by `ctl:requestBodyProcessor=XML`,
   * src/waf/body/xml.ts) fills `XML:/*` and `XML://@*`. A body the processor rejects sets `REQBODY_ERROR` to 1 and
   * `REQBODY_ERROR_MSG`, as ModSecurity does; otherwise `REQBODY_ERROR` is 0. `REQUEST_BODY` holds the raw body
   * except under the XML and MULTIPART processors (as in ModSecurity, whose CRS tests expect element names and
   * part headers to be seen only through their collections), unless `ctl:forceRequestBodyVariable=On`.
   */
  processRequestBody(): Intervention | null {
    const body = this.request.body ?? '';
    this.setScalar('REQUEST_BODY_LENGTH', String(body.length));
    this.setScalar('REQBODY_ERROR', '0');
    this.setScalar('REQBODY_PROCESSOR_ERROR', '0');
    const proc = this.first('REQBODY_PROCESSOR', '');
    const structured = proc === 'XML' || proc === 'MULTIPART';
    // A parsed JSON body is left out of REQUEST_BODY when the JSON options say so (set again below if it fails).
    const viewsOnly = proc === 'JSON' && this.ruleset.jsonLimits.rawBody === false && !this.forceBodyVariable;
    if ((body !== '' && !structured && !viewsOnly) || proc === 'URLENCODED' || this.forceBodyVariable)
      this.setScalar('REQUEST_BODY', body);
    let error: string | null = null;
    if (proc === 'URLENCODED') for (const [k, v] of parseUrlEncoded(body)) this.addArg('POST', k, v);
    else if (proc === 'JSON' && body !== '') {
      const r = parseJsonBody(body, this.ruleset.jsonLimits);
      if (r.ok) for (const [k, v] of r.args) this.addArg('POST', k, v);
      else {
        error = r.error;
        if (viewsOnly) this.setScalar('REQUEST_BODY', body);
      }
    } else if (proc === 'MULTIPART') error = this.processMultipart(body);
    else if (proc === 'XML' && body !== '') {
      const r = parseXmlBody(body, this.ruleset.xmlLimits);
      if (r.ok) {
        this.add('XML', '/*', r.text);
        for (const a of r.attributes) this.add('XML', '//@*', a);
      } else error = r.error;
    }
    if (error !== null) {
      this.setScalar('REQBODY_ERROR', '1');
      this.setScalar('REQBODY_ERROR_MSG', error);
      this.setScalar('REQBODY_PROCESSOR_ERROR', '1');
      this.setScalar('REQBODY_PROCESSOR_ERROR_MSG', error);
    }
    this.updateCombinedSize();
    return this.runPhase(2);
  }

  /** Runs the multipart processor and fills its collections; returns the error message, if any. */
  private processMultipart(body: string): string | null {
    const r = parseMultipartBody(
      this.first('REQUEST_HEADERS', 'content-type'),
      body,
      this.ruleset.multipartLimits,
    );
    const expand = this.ruleset.multipartLimits.expand;
    for (const [k, v] of expand === undefined ? r.args : expand(r.args)) this.addArg('POST', k, v);
    let combined = 0;
    for (const f of r.files) {
      this.add('FILES', f.name, f.filename);
      this.add('FILES_NAMES', f.name, f.name);
      this.add('FILES_SIZES', f.name, String(f.size));
      this.add('FILES_TMP_CONTENT', f.name, f.content);
      combined += f.size;
    }
    this.setScalar('FILES_COMBINED_SIZE', String(combined));
    for (const [k, v] of r.partHeaders) this.add('MULTIPART_PART_HEADERS', k, v);
    const f = r.flags;
    const flag = (name: string, on: boolean): void => this.setScalar(name, on ? '1' : '0');
    flag('MULTIPART_STRICT_ERROR', multipartStrictError(r));
    flag('MULTIPART_UNMATCHED_BOUNDARY', f.unmatchedBoundary);
    flag('MULTIPART_BOUNDARY_QUOTED', f.boundaryQuoted);
    flag('MULTIPART_BOUNDARY_WHITESPACE', f.boundaryWhitespace);
    flag('MULTIPART_DATA_BEFORE', f.dataBefore);
    flag('MULTIPART_DATA_AFTER', f.dataAfter);
    flag('MULTIPART_HEADER_FOLDING', f.headerFolding);
    flag('MULTIPART_LF_LINE', f.lfLine);
    flag('MULTIPART_MISSING_SEMICOLON', f.missingSemicolon);
    flag('MULTIPART_INVALID_QUOTING', f.invalidQuoting);
    flag('MULTIPART_INVALID_PART', f.invalidPart);
    flag('MULTIPART_INVALID_HEADER_FOLDING', f.invalidHeaderFolding);
    flag('MULTIPART_FILE_LIMIT_EXCEEDED', f.fileLimitExceeded);
    return r.error;
  }

  private runPhase(phase: number): Intervention | null {
    if (this.intervention !== null || this.allowed || this.mode === 'Off') return this.intervention;
    const entries = this.ruleset.phases[phase] ?? [];
    let skipTo: string | null = null;
    let skipN = 0;
    for (const e of entries) {
      if (e.kind === 'marker') {
        if (skipTo !== null && e.name === skipTo) skipTo = null;
        continue;
      }
      if (skipTo !== null) {
        if (e.rule.idText === skipTo) skipTo = null;
        continue;
      }
      if (skipN > 0) {
        skipN--;
        continue;
      }
      const r = e.rule;
      if (this.isRemoved(r)) continue;
      if (!this.evalChain(r, r)) continue;
      if (r.actions.skipAfter !== undefined) skipTo = r.actions.skipAfter;
      if (r.actions.skip !== undefined) skipN = r.actions.skip;
      // ctl:ruleEngine may have switched the engine off while the chain ran.
      if ((this.mode as EngineMode) === 'Off') break;
      if (r.disruptive === 'allow') {
        this.allowed = true;
        break;
      }
      if (r.disruptive === 'deny' || r.disruptive === 'drop' || r.disruptive === 'redirect') {
        if (this.mode === 'On') {
          this.intervention = { action: r.disruptive, status: r.status, ruleId: r.id };
          break;
        }
      }
    }
    return this.intervention;
  }

  private isRemoved(r: CompiledRule): boolean {
    for (let i = 0; i < this.removedIds.length; i++)
      if ((this.removedIds[i] as (id: number) => boolean)(r.id)) return true;
    return this.removedTags.length > 0 && r.actions.tags.some((t) => this.removedTags.includes(t));
  }

  /** Evaluates one chain link and, when it matches, the rest of the chain; runs actions on full match. */
  private evalChain(head: CompiledRule, rule: CompiledRule): boolean {
    const hits = this.evalRule(head, rule);
    if (hits.length === 0) return false;
    this.matchedVars = hits;
    const last = hits[hits.length - 1] as Entry;
    this.matchedVar = last;
    if (rule.next !== null) {
      // As ModSecurity, a link's setvars run as soon as it matches, whatever the rest of the chain does
      // (CRS 922100 sets tx.922100_charset in the chain starter and tests it in the next link).
      this.setvarsForHits(head, rule, hits);
      if (!this.evalChain(head, rule.next)) return false;
    } else this.setvarsForHits(head, rule, hits);
    // Chain fully matched: run this link's other non-disruptive actions (innermost link first, like ModSecurity).
    this.matchedVar = last;
    this.runActions(head, rule, last);
    return true;
  }

  private excluded(head: CompiledRule, rule: CompiledRule, col: string, e: Entry): boolean {
    if (rule.hasExclusions) {
      for (const v of rule.variables) {
        if (v.exclude && v.collection === col && this.keyMatches(rule, v, e)) return true;
      }
    }
    for (const t of this.removedTargets) {
      if (t.v.collection === col && t.pred(head) && this.keyMatches(rule, t.v, e)) return true;
    }
    return false;
  }

  private readonly keyMemo = new Map<KeySelector, Map<string, boolean>>();
  private readonly keySelectors = new Map<string, KeySelector>();

  /**
   * The selector of a key regex met at run time (a `ctl:ruleRemoveTarget*` target): compiled once per
   * transaction, or taken from the process-wide cache when the rules named it at load.
   */
  private keySelector(pattern: string): KeySelector {
    let k = keySelectorCache.get(pattern) ?? this.keySelectors.get(pattern);
    if (k === undefined) {
      k = { re: RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE), filter: null };
      this.keySelectors.set(pattern, k);
    }
    return k;
  }

  /** True when a `ctl:ruleRemoveTarget*` of this transaction names the collection for the rule. */
  private removesFrom(head: CompiledRule, col: string): boolean {
    for (const t of this.removedTargets) if (t.v.collection === col && t.pred(head)) return true;
    return false;
  }

  /** Entries of a variable's collection (before key selection and exclusions). */
  private entriesOf(head: CompiledRule, v: Variable): readonly Entry[] {
    const col = v.collection;
    if (col === 'TX') {
      if (v.key !== '') {
        const one = this.tx.get(v.key);
        return one === undefined ? NO_ENTRIES : [one];
      }
      return [...this.tx.values()];
    }
    if (col === 'MATCHED_VARS') return this.matchedVars;
    if (col === 'MATCHED_VARS_NAMES')
      return this.matchedVars.map((m) => ({ key: m.key, lkey: m.lkey, value: m.key }));
    if (col === 'MATCHED_VAR') return [{ key: '', lkey: '', value: this.matchedVar.value }];
    if (col === 'MATCHED_VAR_NAME') return [{ key: '', lkey: '', value: this.matchedVar.key }];
    if (col === 'RULE') return [{ key: 'id', lkey: 'id', value: String(head.id) }];
    return this.cols.get(col) ?? NO_ENTRIES;
  }

  /** Returns a stable entry carrying the full variable name (`ARGS:id`, or `col` for a scalar) and sharing the value. */
  private named(e: Entry, col: string, scalar: boolean): Entry {
    const v = e.view;
    if (v !== undefined && e.viewCol === col) return v;
    const name = scalar && e.key === '' ? col : `${col}:${e.key}`;
    const n: Entry = { key: name, lkey: name.toLowerCase(), value: e.value };
    e.view = n;
    e.viewCol = col;
    return n;
  }

  private keyMatches(rule: CompiledRule, v: Variable, e: Entry): boolean {
    if (v.keyRegex !== null) {
      const sel = rule.keyRegexes.get(v.keyRegex) ?? this.keySelector(v.keyRegex);
      // A key without the regex's literals cannot match; the others are tested once per transaction.
      if (sel.filter !== null && !sel.filter(foldLiterals(e.key))) return false;
      let memo = this.keyMemo.get(sel);
      if (memo === undefined) {
        memo = new Map();
        this.keyMemo.set(sel, memo);
      }
      let r = memo.get(e.key);
      if (r === undefined) {
        r = sel.re.test(e.key);
        memo.set(e.key, r);
      }
      return r;
    }
    if (v.key === '') return true;
    return v.collection === 'XML' ? e.key === v.key : e.lkey === v.key;
  }

  /**
   * Runs the operator on one (transformed) value; on a match records captures and the hit. The `@rx` prefilter
   * skips the regex when the value lacks the literals every match contains; `present` is the value's literal set
   * when the caller has it cached.
   */
  private visit(
    rule: CompiledRule,
    e: Entry,
    value: string,
    arg: string,
    hits: Entry[],
    present: Presence | undefined,
    passed = false,
  ): boolean {
    const pf = rule.prefilterFn;
    let m: OpMatch | null;
    if (pf !== null && !passed && !pf(present ?? this.presence(value))) m = null;
    else if (rule.memoize) {
      // A costly pure operator (the libinjection detectors): once per distinct value in the transaction.
      let memo = this.opMemo.get(rule);
      if (memo === undefined) {
        memo = new Map();
        this.opMemo.set(rule, memo);
      }
      const hit = memo.get(value);
      if (hit !== undefined) m = hit;
      else {
        m = rule.op(value, arg);
        memo.set(value, m);
      }
    } else m = rule.op(value, arg);
    const matched = rule.operator.negated ? m === null : m !== null;
    if (!matched) return false;
    if (rule.actions.capture && m !== null && m.captures.length > 0) {
      for (let i = 0; i < 10; i++) {
        const c = m.captures[i];
        if (c !== undefined) this.setTx(String(i), c);
        else this.tx.delete(String(i));
      }
    }
    // The full variable name (`ARGS:id`) is only built for a hit.
    const n = this.namePass ? e : this.named(e, this.nameCol, this.nameScalar);
    hits.push(
      rule.perMatch && rule.actions.capture && m !== null
        ? { key: n.key, lkey: n.lkey, value, captures: m.captures }
        : { key: n.key, lkey: n.lkey, value },
    );
    return true;
  }

  /**
   * Applies the rule's transformations and runs the operator on the final value, or on every distinct intermediate
   * value under multiMatch until one matches. With `vi` (the value's shared record) every step goes through the
   * per-value caches: each (value, transformation) pair is computed once per transaction whatever the rule or the
   * chain, and each value is scanned for prefilter literals once. `end` is the record after the whole chain when
   * the caller has it. Returns whether the target matched.
   */
  private evalTarget(
    rule: CompiledRule,
    e: Entry,
    vi: ValueInfo | undefined,
    arg: string,
    hits: Entry[],
    end?: ValueInfo,
    passed = false,
  ): boolean {
    const ts = rule.transforms;
    if (!rule.actions.multiMatch || ts.length === 0) {
      if (vi !== undefined) {
        const last = end ?? this.chainEnd(rule, vi);
        const present = rule.prefilterFn === null || passed ? undefined : this.presentOf(last);
        return this.visit(rule, e, last.value, arg, hits, present, passed);
      }
      let value = e.value;
      for (let i = 0; i < ts.length; i++) value = (ts[i] as { fn: Transform }).fn(value);
      return this.visit(rule, e, value, arg, hits, undefined);
    }
    let value = e.value;
    let cur = vi;
    if (this.visit(rule, e, value, arg, hits, undefined)) return true;
    for (let i = 0; i < ts.length; i++) {
      let next: string;
      if (cur !== undefined) {
        cur = this.step(rule, cur, i);
        next = cur.value;
      } else next = (ts[i] as { fn: Transform }).fn(value);
      if (next !== value && this.visit(rule, e, next, arg, hits, undefined)) return true;
      value = next;
    }
    return false;
  }

  /** The record of a value after transformation `i` of the rule's chain (computed once per value and kind). */
  private step(rule: CompiledRule, vi: ValueInfo, i: number): ValueInfo {
    const k = rule.transformKinds[i] as number;
    if (k < 31 && (vi.same & (1 << k)) !== 0) return vi;
    let next = vi.next;
    let r = next === undefined ? undefined : next[k];
    if (r !== undefined) return r;
    const t = this.ruleset.kindTriggers[k];
    const p = vi.present;
    if (t != null && p !== undefined && k < 31) {
      // The value's characters (from its literal scan, when it has had one) hold no trigger.
      if (((p.r0 & t.r0) | (p.r1 & t.r1) | (p.r2 & t.r2) | (p.r3 & t.r3)) === 0 && !(t.hi && p.hi)) {
        vi.same |= 1 << k;
        return vi;
      }
    }
    const out = (rule.transforms[i] as { fn: Transform }).fn(vi.value);
    if (out === vi.value && k < 31) {
      vi.same |= 1 << k;
      return vi;
    }
    r = out === vi.value ? vi : this.intern(out);
    if (r !== vi && r.present === undefined && p !== undefined && this.ruleset.kindLowercase[k] === true) {
      // Lower-casing keeps the case-folded literals: derived from the input's scan (a 16 KiB body is not scanned
      // twice).
      r.present = this.ruleset.literals.lowerCased(p);
    }
    if (next === undefined) {
      next = new Array<ValueInfo | undefined>(this.ruleset.transformKinds);
      vi.next = next;
    }
    next[k] = r;
    return r;
  }

  /** The record of a value after the rule's whole transformation chain. */
  private chainEnd(rule: CompiledRule, vi: ValueInfo): ValueInfo {
    let r = vi;
    for (let i = 0; i < rule.transforms.length; i++) r = this.step(rule, r, i);
    return r;
  }

  /** A value's prefilter literals, scanned once per transaction. */
  private presentOf(vi: ValueInfo): Presence {
    let p = vi.present;
    if (p === undefined) {
      p = this.scan(vi.value);
      vi.present = p;
    }
    return p;
  }

  /**
   * The record of every entry of a collection after the first `len` transformations of the rule's chain; computed
   * once per (collection, chain prefix) in the transaction, each from the one of the prefix a step shorter (the
   * prefilter part on first use by {@link Transaction.united}).
   */
  private summary(entries: readonly Entry[], rule: CompiledRule, len: number): Summary {
    let per = this.summaries.get(entries);
    if (per === undefined) {
      per = [];
      this.summaries.set(entries, per);
    }
    const slot = len === 0 ? 0 : (rule.transformIds[len - 1] as number) + 1;
    const n = entries.length;
    const had = per[slot];
    if (had !== undefined && had.n === n) return had;
    if (len === 0) {
      const ends = new Array<ValueInfo>(n);
      for (let i = 0; i < n; i++) {
        const e = entries[i] as Entry;
        ends[i] = e.vi ?? this.valueInfo(e);
      }
      return this.share(per, slot, ends);
    }
    const prev = this.summary(entries, rule, len - 1);
    // A step's result depends on the records and the transformation kind alone: chains that reach the same
    // summary and go on with the same kind (`t:none,t:urlDecodeUni` and `t:urlDecodeUni`) reach the same one.
    const k = rule.transformKinds[len - 1] as number;
    let next = prev.next;
    if (next === null) {
      next = [];
      prev.next = next;
    }
    const known = next[k];
    if (known !== undefined && known.n === n) {
      per[slot] = known;
      return known;
    }
    const t = this.ruleset.kindTriggers[k];
    if (t != null) {
      // No value of the collection holds a character that could make this transformation change it: the step
      // leaves every value as it is, known from the united scan without visiting the values.
      this.united(prev);
      const p = prev.total as Presence;
      if (((p.r0 & t.r0) | (p.r1 & t.r1) | (p.r2 & t.r2) | (p.r3 & t.r3)) === 0 && !(t.hi && p.hi)) {
        per[slot] = prev;
        next[k] = prev;
        return prev;
      }
    }
    const from = prev.ends;
    const ends = new Array<ValueInfo>(n);
    let same = true;
    for (let i = 0; i < n; i++) {
      const r = this.step(rule, from[i] as ValueInfo, len - 1);
      ends[i] = r;
      if (r !== from[i]) same = false;
    }
    // The step left every value as it was (`t:lowercase` on lower-case values): the prefix's summary.
    const s = same ? prev : this.share(per, -1, ends);
    per[slot] = s;
    next[k] = s;
    return s;
  }

  /**
   * The summary of `ends` stored at `slot` (unless -1): an existing one of the collection when its records are the
   * same (`t:urlDecodeUni` and `t:urlDecode` without escapes; the literal unions depend on the records alone),
   * else a new one.
   */
  private share(per: (Summary | undefined)[], slot: number, ends: ValueInfo[]): Summary {
    const n = ends.length;
    const tried: Summary[] = [];
    let s: Summary | undefined;
    for (let j = 0; j < per.length && s === undefined; j++) {
      const o = per[j];
      if (o === undefined || o.n !== n || tried.includes(o)) continue;
      if (sameRecords(o.ends, ends)) s = o;
      else tried.push(o);
    }
    if (s === undefined) s = { n, ends, total: null, blocks: null, next: null };
    if (slot >= 0) per[slot] = s;
    return s;
  }

  /**
   * The distinct summaries of a collection after every prefix of the rule's chain (the empty one included): the
   * values a multiMatch rule runs its operator on. A step that changes no value shares its prefix's summary, which
   * is listed once.
   */
  private prefixSummaries(entries: readonly Entry[], rule: CompiledRule): Summary[] {
    const out: Summary[] = [];
    for (let len = 0; len <= rule.transforms.length; len++) {
      const s = this.summary(entries, rule, len);
      if (!out.includes(s)) out.push(s);
    }
    return out;
  }

  /**
   * True when the prefilter passes on the united literals of some summary: over the whole collection (`block`
   * -1) or over one block. False means no value of the collection (block) has an intermediate result that can
   * match (formulas are monotone).
   */
  private anyPasses(steps: readonly Summary[], pf: FormulaFn, block: number): boolean {
    for (let k = 0; k < steps.length; k++) {
      const s = steps[k] as Summary;
      this.united(s);
      const p = block < 0 ? s.total : (s.blocks as readonly Presence[])[block];
      if (pf(p as Presence)) return true;
    }
    return false;
  }

  /** True when the prefilter passes on the literals of entry `i` after some prefix of the chain. */
  private anyValuePasses(steps: readonly Summary[], pf: FormulaFn, i: number): boolean {
    for (let k = 0; k < steps.length; k++) {
      if (pf(this.presentOf((steps[k] as Summary).ends[i] as ValueInfo))) return true;
    }
    return false;
  }

  /**
   * Fills a summary's prefilter literals, united per block of {@link BLOCK} entries and over the whole collection.
   */
  private united(s: Summary): void {
    if (s.total !== null) return;
    const n = s.n;
    const ps = new Array<Presence>(BLOCK);
    const lit = this.ruleset.literals;
    const blocks = new Array<Presence>((n + BLOCK - 1) >>> BLOCK_SHIFT);
    for (let b = 0; b < blocks.length; b++) {
      const from = b << BLOCK_SHIFT;
      const to = Math.min(n, from + BLOCK);
      for (let i = from; i < to; i++) ps[i - from] = this.presentOf(s.ends[i] as ValueInfo);
      blocks[b] = lit.union(ps, 0, to - from);
    }
    s.blocks = blocks;
    s.total = lit.union(blocks, 0, blocks.length);
  }

  private evalRule(head: CompiledRule, rule: CompiledRule): Entry[] {
    const hits: Entry[] = [];
    const arg = rule.argMacro === null ? rule.operator.argument : this.expand(rule.argMacro, head);
    const vars = rule.variables;
    this.namePass = true;
    if (vars.length === 0) {
      this.evalTarget(rule, { key: '', lkey: '', value: '' }, undefined, arg, hits);
      return hits;
    }
    // A value found not to match earlier in this evaluation cannot match as another entry either (same operator,
    // argument and transformations): skipped.
    const stamp = ++this.stamp;
    const dedupe = this.ruleset.shortcuts.dedupe;
    const removed = this.removedTargets.length > 0;
    const hasExclusions = rule.hasExclusions || removed;
    const targets = rule.targets;
    for (let ti = 0; ti < targets.length; ti++) {
      const { v, col, all, scalar, dynamic, passThrough, excludedCol } = targets[ti] as Target;
      const entries = this.entriesOf(head, v);
      if (entries.length === 0 && !v.count) continue;
      if (v.count) {
        let n = 0;
        for (const e of entries) {
          if ((all || this.keyMatches(rule, v, e)) && !(hasExclusions && this.excluded(head, rule, col, e)))
            n++;
        }
        const e = { key: `&${col}${v.key ? `:${v.key}` : ''}`, lkey: '', value: String(n) };
        this.namePass = true;
        this.evalTarget(rule, e, undefined, arg, hits);
        continue;
      }
      const colExclusions = excludedCol || (removed && this.removesFrom(head, col));
      // Fast path: a value whose cached literals fail the prefilter is skipped before any other work.
      const pf = rule.prefilterFn;
      const ts = rule.transforms;
      // (Not for `!@rx`: there a value the prefilter rules out is a match.)
      const fast = pf !== null && !dynamic && !rule.actions.multiMatch && !rule.operator.negated;
      // multiMatch: the operator runs on the value after each step of the chain, so a value can only match when
      // one of its intermediate results passes the prefilter.
      const multi = pf !== null && !dynamic && rule.actions.multiMatch && !rule.operator.negated;
      // A whole collection: skip it, or blocks of it, when the union of its values' literals fails the prefilter
      // (formulas are monotone, so then every value fails it).
      let blocks: readonly Presence[] | null = null;
      // The chain's results for a whole collection, shared by the rules with the same chain.
      let ends: readonly ValueInfo[] | null = null;
      // multiMatch: the distinct summaries of every prefix of the chain (the values the operator may see).
      let steps: readonly Summary[] | null = null;
      if (all && !dynamic && entries.length >= SUMMARY_MIN && this.ruleset.shortcuts.summaries) {
        const sum = this.summary(entries, rule, ts.length);
        ends = sum.ends;
        if (fast) {
          this.united(sum);
          if (!(pf as FormulaFn)(sum.total as Presence)) continue;
          if (entries.length > BLOCK) blocks = sum.blocks;
        } else if (multi) {
          steps = this.prefixSummaries(entries, rule);
          if (!this.anyPasses(steps, pf as FormulaFn, -1)) continue;
        }
      }
      for (let i = 0; i < entries.length; i++) {
        if (
          blocks !== null &&
          (i & (BLOCK - 1)) === 0 &&
          !(pf as FormulaFn)(blocks[i >>> BLOCK_SHIFT] as Presence)
        ) {
          i += BLOCK - 1;
          continue;
        }
        if (steps !== null) {
          // multiMatch: skip a block, then a value, when no intermediate result passes the prefilter.
          if (
            entries.length > BLOCK &&
            (i & (BLOCK - 1)) === 0 &&
            !this.anyPasses(steps, pf as FormulaFn, i >>> BLOCK_SHIFT)
          ) {
            i += BLOCK - 1;
            continue;
          }
          if (!this.anyValuePasses(steps, pf as FormulaFn, i)) continue;
        }
        const e = entries[i] as Entry;
        let cacheable = !dynamic;
        if (passThrough) {
          const k = e.key;
          cacheable = !k.startsWith('TX:') && !k.startsWith('&') && !k.startsWith('MATCHED');
        }
        const vi = cacheable ? (e.vi ?? this.valueInfo(e)) : undefined;
        if (vi !== undefined && dedupe && vi.miss === stamp) continue;
        if (!all && !this.keyMatches(rule, v, e)) continue;
        if (colExclusions && this.excluded(head, rule, col, e)) continue;
        let end: ValueInfo | undefined = ends === null ? undefined : ends[i];
        // `passed`: the prefilter was checked here (on the value after the chain), visit need not again.
        const passed = fast && vi !== undefined;
        if (passed) {
          if (end === undefined) end = this.chainEnd(rule, vi);
          if (!(pf as FormulaFn)(this.presentOf(end))) {
            vi.miss = stamp;
            continue;
          }
        }
        this.namePass = passThrough;
        this.nameCol = col;
        this.nameScalar = scalar;
        if (!this.evalTarget(rule, e, vi, arg, hits, end, passed) && vi !== undefined) vi.miss = stamp;
      }
    }
    return hits;
  }

  /** How {@link Transaction.visit} names a hit: as it is (`namePass`), or as `nameCol:key` (a scalar: `nameCol`). */
  private namePass = true;
  private nameCol = '';
  private nameScalar = false;
  /** Shared caches per distinct value ({@link ValueInfo}). */
  private readonly values = new Map<string, ValueInfo>();
  /** Counts rule evaluations (see {@link ValueInfo.miss}). */
  private stamp = 0;

  /** The shared record of a (source) entry's value, looked up once per entry. */
  private valueInfo(e: Entry): ValueInfo {
    const vi = this.intern(e.value);
    e.vi = vi;
    return vi;
  }

  /** The record of a value (one per distinct string in the transaction). */
  private intern(value: string): ValueInfo {
    let vi = this.values.get(value);
    if (vi === undefined) {
      vi = { value, miss: 0, same: 0 };
      this.values.set(value, vi);
    }
    return vi;
  }
  /** Block summaries per collection list, by transformation-chain slot (last prefix id + 1; 0 = untransformed). */
  private readonly summaries = new Map<readonly Entry[], (Summary | undefined)[]>();
  private readonly opMemo = new Map<CompiledRule, Map<string, OpMatch | null>>();

  /** Scans a value for the prefilter literals. */
  private scan(value: string): Presence {
    return this.ruleset.literals.scan(value);
  }

  /** The prefilter literals occurring in a value, computed once per distinct value in the transaction. */
  private presence(value: string): Presence {
    return this.presentOf(this.intern(value));
  }

  /** Expands a macro against the transaction state. */
  expand(m: Macro, rule?: CompiledRule): string {
    if (m.refs.length === 0) return m.parts[0] ?? '';
    let s = m.parts[0] ?? '';
    for (let i = 0; i < m.refs.length; i++) {
      const r = m.refs[i] as { collection: string; key: string };
      let v: string;
      if (r.collection === 'MATCHED_VAR') v = this.matchedVar.value;
      else if (r.collection === 'MATCHED_VAR_NAME') v = this.matchedVar.key;
      else if (r.collection === 'RULE') {
        v =
          r.key === 'id'
            ? String(rule?.id ?? '')
            : r.key === 'msg' && rule?.actions.msg
              ? this.expand(rule.actions.msg)
              : '';
      } else v = this.first(r.collection, r.key);
      s += v + (m.parts[i + 1] ?? '');
    }
    return s;
  }

  private applyCaptures(h: Entry): void {
    if (h.captures === undefined) return;
    for (let i = 0; i < 10; i++) {
      const c = h.captures[i];
      if (c !== undefined) this.setTx(String(i), c);
      else this.tx.delete(String(i));
    }
  }

  /** Runs a link's setvars: once (MATCHED_VAR = the last hit), or once per hit for {@link CompiledRule.perMatch}. */
  private setvarsForHits(head: CompiledRule, rule: CompiledRule, hits: readonly Entry[]): void {
    const last = hits[hits.length - 1] as Entry;
    if (rule.perMatch && hits.length > 1) {
      for (let i = 0; i < hits.length - 1; i++) {
        const h = hits[i] as Entry;
        this.matchedVar = h;
        this.applyCaptures(h);
        this.runSetvars(head, rule);
      }
      this.applyCaptures(last);
    }
    this.matchedVar = last;
    this.runSetvars(head, rule);
  }

  private runActions(head: CompiledRule, rule: CompiledRule, last: Entry): void {
    const a = rule.actions;
    for (const c of a.ctls) this.applyCtl(c.option, this.expand(compileMacroCached(c.value), head));
    if (rule === head) {
      this.matches.push({
        id: head.id,
        phase: head.phase,
        msg: a.msg ? this.expand(a.msg, head) : '',
        logdata: a.logdata ? this.expand(a.logdata, head) : '',
        severity: a.severity,
        tags: a.tags,
        matchedVar: last.key,
        matchedValue: last.value,
        log: a.log !== false,
      });
    }
  }

  private runSetvars(head: CompiledRule, rule: CompiledRule): void {
    for (const sv of rule.actions.setvars) {
      const key = this.expand(sv.key, head).toLowerCase();
      if (sv.op === 'delete') {
        this.tx.delete(key);
        continue;
      }
      const val = this.expand(sv.value, head);
      if (sv.op === 'set') this.setTx(key, val);
      else {
        const cur = toIntLoose(this.tx.get(key)?.value ?? '0');
        this.setTx(key, String(sv.op === 'add' ? cur + toIntLoose(val) : cur - toIntLoose(val)));
      }
    }
  }

  private applyCtl(option: string, value: string): void {
    switch (option) {
      case 'ruleRemoveById':
        this.removedIds.push(...parseIdList([value]));
        break;
      case 'ruleRemoveByTag':
        this.removedTags.push(value);
        break;
      case 'ruleRemoveTargetById':
      case 'ruleRemoveTargetByTag': {
        const semi = value.indexOf(';');
        if (semi === -1) return;
        const sel = value.slice(0, semi);
        const pred: (r: CompiledRule) => boolean =
          option === 'ruleRemoveTargetById'
            ? (
                (ps) => (r: CompiledRule) =>
                  ps.some((p) => p(r.id))
              )(parseIdList([sel]))
            : (r) => r.actions.tags.includes(sel);
        for (const v of parseVariables(value.slice(semi + 1))) this.removedTargets.push({ pred, v });
        break;
      }
      case 'ruleEngine':
        this.mode = parseMode(value) ?? this.mode;
        break;
      case 'requestBodyProcessor':
        this.setScalar('REQBODY_PROCESSOR', value.toUpperCase());
        break;
      case 'forceRequestBodyVariable':
        this.forceBodyVariable = value.toLowerCase() === 'on';
        break;
      default:
        // auditEngine, auditLogParts, forceRequestBodyVariable, requestBodyAccess: logging/body options the
        // gateway controls through the policy config.
        break;
    }
  }
}

function toIntLoose(s: string): number {
  const n = Number.parseInt(s, 10);
  return Number.isNaN(n) ? 0 : n;
}

const macroCache = new Map<string, Macro>();
function compileMacroCached(s: string): Macro {
  let m = macroCache.get(s);
  if (m === undefined) {
    m = compileMacroInline(s);
    macroCache.set(s, m);
  }
  return m;
}
