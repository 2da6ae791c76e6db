/**
 * Rule model: typed variables, operators, actions and macro templates parsed from SecLang arguments.
 */

/** A compiled `%{...}` macro string: literal parts interleaved with variable references. */
export interface Macro {
  readonly source: string;
  /** Literal text pieces; `refs[i]` sits between `parts[i]` and `parts[i + 1]`. */
  readonly parts: readonly string[];
  /** Referenced variables as `{ collection, key }` (collection upper-case, key lower-case or ''). */
  readonly refs: readonly { readonly collection: string; readonly key: string }[];
}

/** Compiles a macro string such as `%{tx.foo}` or `%{MATCHED_VAR}` into a template. */
export function compileMacro(source: string): Macro {
  const parts: string[] = [];
  const refs: { collection: string; key: string }[] = [];
  const re = /%\{([^}]+)\}/g;
  let last = 0;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    parts.push(source.slice(last, m.index));
    const ref = m[1] as string;
    const dot = ref.indexOf('.');
    refs.push(
      dot === -1
        ? { collection: ref.toUpperCase(), key: '' }
        : { collection: ref.slice(0, dot).toUpperCase(), key: ref.slice(dot + 1).toLowerCase() },
    );
    last = m.index + m[0].length;
  }
  parts.push(source.slice(last));
  return { source, parts, refs };
}

/** True when the macro has no references (its value is its only literal part). */
export function isConstantMacro(m: Macro): boolean {
  return m.refs.length === 0;
}

/** A variable selector: `ARGS`, `ARGS:foo`, `ARGS:/re/`, `!ARGS:foo`, `&ARGS`. */
export interface Variable {
  readonly collection: string;
  /** Key for `COLL:key` (lower-cased for comparison), '' when absent. */
  readonly key: string;
  /** Regex source for `COLL:/re/` selectors. */
  readonly keyRegex: string | null;
  readonly exclude: boolean;
  readonly count: boolean;
}

/** Splits `A|B:/x|y/|!C:'q'` into variable tokens, keeping regex and quoted selectors intact. */
function splitVariables(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '|') {
      out.push(cur);
      cur = '';
      i++;
      continue;
    }
    if ((c === '/' || c === "'") && cur.endsWith(':') && !/^[!&]*XML:$/i.test(cur)) {
      const close = c;
      cur += c;
      i++;
      while (i < text.length && text[i] !== close) {
        if (text[i] === '\\' && i + 1 < text.length) {
          cur += text[i] + (text[i + 1] as string);
          i += 2;
          continue;
        }
        cur += text[i];
        i++;
      }
      if (i >= text.length) throw new Error(`unterminated ${close} in variable list: ${text}`);
      cur += close;
      i++;
      continue;
    }
    cur += c;
    i++;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** Parses a SecRule variable list into typed variables. */
export function parseVariables(text: string): Variable[] {
  return splitVariables(text).map((tok) => {
    let t = tok;
    let exclude = false;
    let count = false;
    if (t.startsWith('!')) {
      exclude = true;
      t = t.slice(1);
    }
    if (t.startsWith('&')) {
      count = true;
      t = t.slice(1);
    }
    const colon = t.indexOf(':');
    const collection = (colon === -1 ? t : t.slice(0, colon)).toUpperCase();
    if (!/^[A-Z_0-9]+$/.test(collection)) throw new Error(`invalid variable name: ${tok}`);
    let key = colon === -1 ? '' : t.slice(colon + 1);
    let keyRegex: string | null = null;
    if (key.length >= 2 && key.startsWith('/') && key.endsWith('/') && collection !== 'XML') {
      keyRegex = key.slice(1, -1);
      key = '';
    } else if (key.length >= 2 && key.startsWith("'") && key.endsWith("'")) {
      key = key.slice(1, -1);
    }
    return { collection, key: collection === 'XML' ? key : key.toLowerCase(), keyRegex, exclude, count };
  });
}

/** A rule operator such as `!@rx foo`. */
export interface Operator {
  readonly name: string;
  readonly negated: boolean;
  readonly argument: string;
}

/** Parses an operator string; a missing `@name` means `@rx`. */
export function parseOperator(text: string): Operator {
  let t = text;
  let negated = false;
  if (t.startsWith('!')) {
    negated = true;
    t = t.slice(1);
  }
  if (!t.startsWith('@')) return { name: 'rx', negated, argument: t };
  const m = /^@([A-Za-z0-9]+)(?:[ \t]+|$)/.exec(t);
  if (m === null) throw new Error(`invalid operator: ${text}`);
  return { name: m[1] as string, negated, argument: t.slice(m[0].length) };
}

/** A `setvar` action: `=`, `+=`, `-=`, `=+` (treated as `+=`), `=-` and deletion `!tx.x`. */
export interface SetVar {
  readonly collection: string;
  readonly key: Macro;
  readonly op: 'set' | 'add' | 'sub' | 'delete';
  readonly value: Macro;
}

/** A `ctl` action with its option and raw value. */
export interface Ctl {
  readonly option: string;
  readonly value: string;
}

/** A disruptive action; `block` resolves to the phase default (from `SecDefaultAction`) at compile time. */
export type Disruptive = 'pass' | 'deny' | 'block' | 'allow' | 'drop' | 'redirect';

/** All actions of a rule, typed. */
export interface Actions {
  id?: number;
  phase?: number;
  msg?: Macro;
  logdata?: Macro;
  tags: string[];
  severity?: number;
  ver?: string;
  rev?: string;
  maturity?: string;
  accuracy?: string;
  disruptive?: Disruptive;
  status?: number;
  chain: boolean;
  capture: boolean;
  multiMatch: boolean;
  /** Transformations in order; `t:none` clears the list (and inherited defaults). */
  transforms: string[];
  /** True when the rule itself says `t:none` (so default transformations are not inherited). */
  transformsReset: boolean;
  setvars: SetVar[];
  ctls: Ctl[];
  skipAfter?: string;
  skip?: number;
  log?: boolean;
  auditlog?: boolean;
  initcol: { collection: string; key: Macro }[];
  expirevars: { name: string; seconds: string }[];
}

const SEVERITIES: Record<string, number> = {
  EMERGENCY: 0,
  ALERT: 1,
  CRITICAL: 2,
  ERROR: 3,
  WARNING: 4,
  NOTICE: 5,
  INFO: 6,
  DEBUG: 7,
};

/** Splits an action list on commas outside single quotes, unescaping `\'` inside quotes. */
export function splitActions(text: string): { name: string; value: string | null }[] {
  const out: { name: string; value: string | null }[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === ',')) i++;
    if (i >= n) break;
    let name = '';
    while (i < n && text[i] !== ':' && text[i] !== ',') name += text[i++];
    name = name.trim();
    let value: string | null = null;
    if (text[i] === ':') {
      i++;
      while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
      if (text[i] === "'") {
        i++;
        value = '';
        let closed = false;
        while (i < n) {
          if (text[i] === '\\' && text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          if (text[i] === "'") {
            closed = true;
            i++;
            break;
          }
          value += text[i++];
        }
        if (!closed) throw new Error(`unterminated quote in action ${name}`);
      } else {
        value = '';
        while (i < n && text[i] !== ',') value += text[i++];
        value = value.trim();
      }
    }
    out.push({ name, value });
  }
  return out;
}

function parseSetVar(v: string): SetVar {
  let t = v;
  if (t.startsWith('!')) {
    t = t.slice(1);
    const dot = t.indexOf('.');
    if (dot === -1) throw new Error(`invalid setvar: ${v}`);
    return {
      collection: t.slice(0, dot).toUpperCase(),
      key: compileMacro(t.slice(dot + 1)),
      op: 'delete',
      value: compileMacro(''),
    };
  }
  const m = /^([^.=+-]+)\.([^=+-]*?)(\+=|-=|=\+|=-|=)(.*)$/s.exec(t);
  let collection: string;
  let key: string;
  let op: SetVar['op'];
  let value: string;
  if (m === null) {
    const dot = t.indexOf('.');
    if (dot === -1) throw new Error(`invalid setvar: ${v}`);
    collection = t.slice(0, dot);
    key = t.slice(dot + 1);
    op = 'set';
    value = '1';
  } else {
    collection = m[1] as string;
    key = m[2] as string;
    const o = m[3] as string;
    op = o === '+=' || o === '=+' ? 'add' : o === '-=' || o === '=-' ? 'sub' : 'set';
    value = m[4] as string;
  }
  return { collection: collection.toUpperCase(), key: compileMacro(key), op, value: compileMacro(value) };
}

/** Metadata actions that `SecDefaultAction` cannot set (ModSecurity rejects them there). */
export const METADATA_ACTIONS: ReadonlySet<string> = new Set([
  'id',
  'msg',
  'tag',
  'rev',
  'ver',
  'severity',
  'logdata',
  'maturity',
  'accuracy',
]);

/**
 * Parses a rule's action string into typed actions.
 * @example parseActions("id:1,phase:2,t:none,t:lowercase,setvar:'tx.score=+5',deny")
 */
export function parseActions(text: string): Actions {
  const a: Actions = {
    tags: [],
    chain: false,
    capture: false,
    multiMatch: false,
    transforms: [],
    transformsReset: false,
    setvars: [],
    ctls: [],
    initcol: [],
    expirevars: [],
  };
  for (const { name, value } of splitActions(text)) {
    const need = (): string => {
      if (value === null) throw new Error(`action ${name} needs a value`);
      return value;
    };
    switch (name) {
      case 'id': {
        const id = Number(need());
        if (!Number.isInteger(id) || id <= 0) throw new Error(`invalid id: ${value}`);
        a.id = id;
        break;
      }
      case 'phase': {
        const v = need();
        const p = v === 'request' ? 2 : v === 'response' ? 4 : v === 'logging' ? 5 : Number(v);
        if (!Number.isInteger(p) || p < 1 || p > 5) throw new Error(`invalid phase: ${v}`);
        a.phase = p;
        break;
      }
      case 'msg':
        a.msg = compileMacro(need());
        break;
      case 'logdata':
        a.logdata = compileMacro(need());
        break;
      case 'tag':
        a.tags.push(need());
        break;
      case 'severity': {
        const v = need();
        const s = /^\d+$/.test(v) ? Number(v) : SEVERITIES[v.toUpperCase()];
        if (s === undefined || s > 7) throw new Error(`invalid severity: ${v}`);
        a.severity = s;
        break;
      }
      case 'ver':
        a.ver = need();
        break;
      case 'rev':
        a.rev = need();
        break;
      case 'maturity':
        a.maturity = need();
        break;
      case 'accuracy':
        a.accuracy = need();
        break;
      case 'pass':
      case 'deny':
      case 'block':
      case 'allow':
      case 'drop':
        a.disruptive = name;
        break;
      case 'redirect':
        a.disruptive = 'redirect';
        break;
      case 'status': {
        const s = Number(need());
        if (!Number.isInteger(s) || s < 100 || s > 599) throw new Error(`invalid status: ${value}`);
        a.status = s;
        break;
      }
      case 'chain':
        a.chain = true;
        break;
      case 'capture':
        a.capture = true;
        break;
      case 'multiMatch':
        a.multiMatch = true;
        break;
      case 't': {
        const v = need();
        if (v.toLowerCase() === 'none') {
          a.transforms = [];
          a.transformsReset = true;
        } else a.transforms.push(v);
        break;
      }
      case 'setvar':
        a.setvars.push(parseSetVar(need()));
        break;
      case 'ctl': {
        const v = need();
        const eq = v.indexOf('=');
        if (eq === -1) throw new Error(`invalid ctl: ${v}`);
        a.ctls.push({ option: v.slice(0, eq).trim(), value: v.slice(eq + 1).trim() });
        break;
      }
      case 'skipAfter':
        a.skipAfter = need();
        break;
      case 'skip': {
        const s = Number(need());
        if (!Number.isInteger(s) || s < 1) throw new Error(`invalid skip: ${value}`);
        a.skip = s;
        break;
      }
      case 'log':
        a.log = true;
        break;
      case 'nolog':
        a.log = false;
        break;
      case 'auditlog':
        a.auditlog = true;
        break;
      case 'noauditlog':
        a.auditlog = false;
        break;
      case 'initcol': {
        const v = need();
        const eq = v.indexOf('=');
        if (eq === -1) throw new Error(`invalid initcol: ${v}`);
        a.initcol.push({ collection: v.slice(0, eq).toUpperCase(), key: compileMacro(v.slice(eq + 1)) });
        break;
      }
      case 'expirevar': {
        const v = need();
        const eq = v.indexOf('=');
        a.expirevars.push({
          name: eq === -1 ? v : v.slice(0, eq),
          seconds: eq === -1 ? '' : v.slice(eq + 1),
        });
        break;
      }
      case 'sanitiseArg':
      case 'sanitiseMatched':
      case 'sanitiseMatchedBytes':
      case 'sanitiseRequestHeader':
      case 'sanitiseResponseHeader':
      case 'setenv':
      case 'setuid':
      case 'setsid':
      case 'exec':
      case 'append':
      case 'prepend':
      case 'xmlns':
        // Audit-log and Apache-specific actions; recorded nowhere, accepted so third-party rules load.
        break;
      default:
        throw new Error(`unknown action: ${name}`);
    }
  }
  return a;
}
