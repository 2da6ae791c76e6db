/**
 * SecLang (ModSecurity configuration language) parser: turns rule files into a flat list of directives.
 *
 * Handles line continuations (`\` at end of line), comments, ModSecurity quoting (double-quoted arguments
 * where only `\"` is unescaped, like Apache's `ap_getword_conf`), and `Include` with globs resolved relative
 * to the including file. Every error names the file and line.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';

/** One directive with its raw (unquoted) arguments and its source location. */
export interface Directive {
  readonly name: string;
  readonly args: readonly string[];
  readonly file: string;
  readonly line: number;
}

/** A parse error that carries the file and line where it happened. */
export class SecLangParseError extends Error {
  readonly file: string;
  readonly line: number;
  /** Builds an error whose message is prefixed with `file:line`. */
  constructor(message: string, file: string, line: number) {
    super(`${file}:${line}: ${message}`);
    this.name = 'SecLangParseError';
    this.file = file;
    this.line = line;
  }
}

/** Directives the parser knows; any other name is an error. Values: allowed argument counts [min, max]. */
export const KNOWN_DIRECTIVES: Readonly<Record<string, readonly [number, number]>> = {
  SecRule: [2, 3],
  SecAction: [1, 1],
  SecMarker: [1, 1],
  SecDefaultAction: [1, 1],
  SecRuleRemoveById: [1, 64],
  SecRuleRemoveByTag: [1, 64],
  SecRuleRemoveByMsg: [1, 64],
  SecRuleUpdateTargetById: [2, 3],
  SecRuleUpdateTargetByTag: [2, 3],
  SecRuleUpdateActionById: [2, 2],
  SecRuleEngine: [1, 1],
  Include: [1, 1],
};

/**
 * Directives accepted and deliberately ignored: they configure logging, storage or server features that the
 * gateway handles elsewhere (audit log, persistent collections, body limits set by the `waf` policy).
 */
export const IGNORED_DIRECTIVES: ReadonlySet<string> = new Set([
  'SecComponentSignature',
  'SecCollectionTimeout',
  'SecRequestBodyAccess',
  'SecResponseBodyAccess',
  'SecRequestBodyLimit',
  'SecRequestBodyNoFilesLimit',
  'SecRequestBodyInMemoryLimit',
  'SecRequestBodyLimitAction',
  'SecResponseBodyLimit',
  'SecResponseBodyLimitAction',
  'SecResponseBodyMimeType',
  'SecResponseBodyMimeTypesClear',
  'SecAuditEngine',
  'SecAuditLog',
  'SecAuditLogParts',
  'SecAuditLogType',
  'SecAuditLogFormat',
  'SecAuditLogRelevantStatus',
  'SecAuditLogStorageDir',
  'SecAuditLogDirMode',
  'SecAuditLogFileMode',
  'SecDebugLog',
  'SecDebugLogLevel',
  'SecTmpDir',
  'SecDataDir',
  'SecUploadDir',
  'SecUploadKeepFiles',
  'SecUploadFileMode',
  'SecUploadFileLimit',
  'SecArgumentSeparator',
  'SecArgumentsLimit',
  'SecCookieFormat',
  'SecUnicodeMapFile',
  'SecStatusEngine',
  'SecPcreMatchLimit',
  'SecPcreMatchLimitRecursion',
  'SecGeoLookupDb',
  'SecHashEngine',
  'SecTmpSaveUploadedFiles',
  'SecServerSignature',
  'SecWebAppId',
]);

interface LogicalLine {
  readonly text: string;
  readonly line: number;
}

/** Joins `\`-continued physical lines into logical lines, dropping blank lines and comments. */
function logicalLines(text: string): LogicalLine[] {
  const physical = text.split(/\r?\n/);
  const out: LogicalLine[] = [];
  let buf = '';
  let start = 0;
  let open = false;
  for (let i = 0; i < physical.length; i++) {
    const raw = physical[i] ?? '';
    if (!open) {
      const trimmed = raw.trimStart();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      start = i + 1;
      buf = '';
    }
    const stripped = raw.replace(/[ \t]+$/, '');
    if (stripped.endsWith('\\')) {
      buf += stripped.slice(0, -1);
      open = true;
      continue;
    }
    buf += raw;
    open = false;
    out.push({ text: buf, line: start });
  }
  if (open) out.push({ text: buf, line: start });
  return out;
}

/** Splits a logical line into the directive name and its arguments, honouring double and single quotes. */
export function splitArgs(text: string, file: string, line: number): string[] {
  const words: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= n) break;
    const q = text[i];
    if (q === '"' || q === "'") {
      i++;
      const pieces: string[] = [];
      let from = i;
      let closed = false;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 92 && text[i + 1] === q) {
          pieces.push(text.slice(from, i), q);
          i += 2;
          from = i;
          continue;
        }
        if (text[i] === q) {
          pieces.push(text.slice(from, i));
          closed = true;
          i++;
          break;
        }
        i++;
      }
      if (!closed) throw new SecLangParseError(`unterminated ${q} quote`, file, line);
      words.push(pieces.join(''));
    } else {
      const from = i;
      while (i < n && text[i] !== ' ' && text[i] !== '\t') i++;
      words.push(text.slice(from, i));
    }
  }
  return words;
}

function globToRegExp(pattern: string): RegExp {
  let re = '^';
  for (const c of pattern) {
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`${re}$`);
}

/** Expands an Include path (globs allowed in the file name part) relative to the including file. */
function expandInclude(arg: string, fromFile: string, line: number): string[] {
  const full = isAbsolute(arg) ? arg : resolve(dirname(fromFile), arg);
  const dir = dirname(full);
  const base = basename(full);
  if (!/[*?]/.test(base)) return [full];
  if (/[*?]/.test(dir))
    throw new SecLangParseError('globs are only supported in the file name of Include', fromFile, line);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (err) {
    throw new SecLangParseError(
      `Include directory not readable: ${dir} (${(err as Error).message})`,
      fromFile,
      line,
    );
  }
  const re = globToRegExp(base);
  return entries
    .filter((e) => re.test(e))
    .sort()
    .map((e) => join(dir, e))
    .filter((p) => statSync(p).isFile());
}

/** Options for {@link parseSecLang}. */
export interface ParseOptions {
  /** Reads an included file; defaults to UTF-8 from disk. */
  readonly readFile?: (path: string) => string;
  /** Maximum Include nesting depth (default 16). */
  readonly maxIncludeDepth?: number;
}

/**
 * Parses SecLang text into directives, following `Include`s.
 * @example parseSecLang('SecRule ARGS "@rx a" "id:1,phase:2,deny"', 'inline.conf')
 */
export function parseSecLang(text: string, file: string, options: ParseOptions = {}, depth = 0): Directive[] {
  const readFile = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  const maxDepth = options.maxIncludeDepth ?? 16;
  const out: Directive[] = [];
  for (const ll of logicalLines(text)) {
    const words = splitArgs(ll.text, file, ll.line);
    const name = words[0];
    if (name === undefined) continue;
    const args = words.slice(1);
    if (IGNORED_DIRECTIVES.has(name)) continue;
    const arity = KNOWN_DIRECTIVES[name];
    if (arity === undefined) throw new SecLangParseError(`unknown directive ${name}`, file, ll.line);
    if (args.length < arity[0] || args.length > arity[1]) {
      throw new SecLangParseError(
        `${name} takes ${arity[0] === arity[1] ? arity[0] : `${arity[0]}-${arity[1]}`} argument(s), got ${args.length}`,
        file,
        ll.line,
      );
    }
    if (name === 'Include') {
      if (depth >= maxDepth) throw new SecLangParseError('Include nesting too deep', file, ll.line);
      for (const inc of expandInclude(args[0] as string, file, ll.line)) {
        let content: string;
        try {
          content = readFile(inc);
        } catch (err) {
          throw new SecLangParseError(
            `cannot read included file ${inc}: ${(err as Error).message}`,
            file,
            ll.line,
          );
        }
        out.push(...parseSecLang(content, inc, options, depth + 1));
      }
      continue;
    }
    out.push({ name, args, file, line: ll.line });
  }
  return out;
}

/** Reads and parses one SecLang file (and its Includes) from disk. */
export function parseSecLangFile(path: string, options: ParseOptions = {}): Directive[] {
  const abs = resolve(path);
  const readFile = options.readFile ?? ((p: string) => readFileSync(p, 'utf8'));
  return parseSecLang(readFile(abs), abs, options);
}
