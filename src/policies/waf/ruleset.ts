import { createHash } from 'node:crypto';
import { globSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectSQLi } from '../../waf/detect/sqli.ts';
import { detectXSS } from '../../waf/detect/xss.ts';
import { compileRuleset, type EngineMode, type Ruleset } from '../../waf/engine.ts';
import { type Directive, parseSecLang, parseSecLangFile } from '../../waf/parser/index.ts';
import {
  DECODE_LIMIT_ARG,
  expandApiArgs,
  fieldExclusionRegexes,
  multipartArgsView,
} from '../../waf/profile/expand.ts';
import {
  apiProfileRules,
  codeExclusionDirectives,
  codeExclusionIdDirectives,
  PROSE_NAME_REGEX,
  proseExclusionDirectives,
} from '../../waf/profile/rules.ts';
import { TRANSFORMS } from '../../waf/transform/index.ts';
import type { WafConfig } from './schema.ts';

/** Ids of the directives the policy adds around the user's rules (ModSecurity's local-use range). */
export const BUILTIN_IDS = {
  settings: 90001,
  jsonProcessor: 90002,
  bodyError: 90003,
  xmlProcessor: 90004,
  multipartStrict: 90005,
} as const;

/** `@detectSQLi` / `@detectXSS`: the libinjection ports in src/waf/detect/. */
export const DETECTORS = {
  sqli: (input: string): string | null => {
    const r = detectSQLi(input);
    return r.match ? (r.fingerprint ?? 'sqli') : null;
  },
  xss: (input: string): string | null => (detectXSS(input) ? 'xss' : null),
};

const GLOB_CHARS = /[*?[{]/;

/** Rule files named by one `include` entry: a file, a directory (its `*.conf`, sorted) or a glob (sorted). */
export function expandInclude(entry: string, cwd: string = process.cwd()): string[] {
  if (GLOB_CHARS.test(entry)) {
    const files = globSync(entry, { cwd }).map((f) => resolve(cwd, f));
    if (files.length === 0) throw new TypeError(`waf: rules.include: ${entry} matches no file`);
    return files.sort();
  }
  const path = resolve(cwd, entry);
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch {
    throw new TypeError(`waf: rules.include: ${entry} does not exist`);
  }
  if (!st.isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => f.endsWith('.conf'))
    .sort()
    .map((f) => join(path, f));
}

function escapeRegex(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

const ARG_TARGET = /^(ARGS|ARGS_GET|ARGS_POST|ARGS_NAMES|ARGS_GET_NAMES|ARGS_POST_NAMES):(.+)$/i;

/**
 * The negated form of one `exclusions[].targets` entry (`ARGS:json.note` → `!ARGS:json.note`). In the API
 * profile an argument named exactly (not `/regex/`) is also excluded under its prose name
 * (`gatehouse.prose.<families>:json.note`, src/waf/profile/view.ts), so that an exclusion keeps covering the
 * field whatever its value reads like.
 * @example
 * exclusionTargets('ARGS:json.note', true); // '!ARGS:json.note|!ARGS:/^gatehouse[.]prose[.][a-z]*:json\\.note$/'
 */
export function exclusionTargets(target: string, api: boolean): string {
  const m = ARG_TARGET.exec(target);
  if (!api || m === null) return `!${target}`;
  let key = m[2] as string;
  if (key.length >= 2 && key.startsWith('/') && key.endsWith('/')) return `!${target}`;
  if (key.length >= 2 && key.startsWith("'") && key.endsWith("'")) key = key.slice(1, -1);
  const re = `${PROSE_NAME_REGEX}[a-z]*:${escapeRegex(key).replace(/\//g, '\\/')}$`;
  return `!${target}|!${m[1]}:/${re}/`;
}

function directive(name: string, args: string[], file: string, line = 1): Directive {
  return { name, args, file, line };
}

/**
 * The full directive list for a config: setup file, the policy's settings (paranoia level, threshold, JSON body
 * and XML body processors), the included rule files, custom rules, the body-error and strict-multipart rules and the exclusions (which must come last:
 * SecRuleRemoveBy and SecRuleUpdateTargetBy directives only affect rules loaded before them).
 */
export function wafDirectives(config: WafConfig, cwd: string = process.cwd()): Directive[] {
  const out: Directive[] = [];
  if (config.rules.setup !== '') {
    const setup = resolve(cwd, config.rules.setup);
    out.push(...parseSecLangFile(setup));
  }
  const pl = config.paranoia_level;
  const api = config.profile === 'api';
  // The API profile also parses GraphQL documents and NDJSON as JSON (the policy hands them to the engine as
  // `{"query": …}` and `[…]`).
  const jsonTypes = api
    ? '(?:(?:[a-z0-9!#$&^_.-]+\\+)?json|graphql|x-ndjson|jsonl|[a-z0-9!#$&^_.-]+\\+ndjson)'
    : '(?:[a-z0-9!#$&^_.-]+\\+)?json';
  out.push(
    ...parseSecLang(
      [
        `SecAction "id:${BUILTIN_IDS.settings},phase:1,pass,nolog,setvar:tx.blocking_paranoia_level=${pl},` +
          `setvar:tx.detection_paranoia_level=${pl},setvar:tx.inbound_anomaly_score_threshold=${config.inbound_threshold},` +
          `setvar:tx.outbound_anomaly_score_threshold=${config.outbound_threshold}"`,
        `SecRule REQUEST_HEADERS:Content-Type "@rx ^application/${jsonTypes}(?:\\s*;.*)?$" ` +
          `"id:${BUILTIN_IDS.jsonProcessor},phase:1,pass,nolog,t:none,t:lowercase,ctl:requestBodyProcessor=JSON"`,
        `SecRule REQUEST_HEADERS:Content-Type "@rx ^(?:application/(?:[a-z0-9!#$&^_.-]+\\+)?xml|text/xml)(?:\\s*;.*)?$" ` +
          `"id:${BUILTIN_IDS.xmlProcessor},phase:1,pass,nolog,t:none,t:lowercase,ctl:requestBodyProcessor=XML"`,
      ].join('\n'),
      'waf:settings',
    ),
  );
  if (api) out.push(...parseSecLang(apiProfileRules(DECODE_LIMIT_ARG), 'waf:api-profile'));
  for (const entry of config.rules.include) {
    for (const file of expandInclude(entry, cwd)) out.push(...parseSecLangFile(file));
  }
  config.custom_rules.forEach((text, i) => {
    out.push(...parseSecLang(text, `waf:custom_rules[${i}]`));
  });
  out.push(
    ...parseSecLang(
      `SecRule REQBODY_ERROR "!@eq 0" "id:${BUILTIN_IDS.bodyError},phase:2,deny,status:400,log,` +
        `msg:'Failed to parse request body',logdata:'%{REQBODY_ERROR_MSG}',tag:'gatehouse/reqbody-error'"\n` +
        // ModSecurity's recommended 200003/200004: a multipart body that only a lenient parser would read the
        // same way as the application is refused (quoted or padded boundary, LF lines, folding, bad quoting...).
        `SecRule MULTIPART_STRICT_ERROR|MULTIPART_UNMATCHED_BOUNDARY "!@eq 0" "id:${BUILTIN_IDS.multipartStrict},` +
        `phase:2,deny,status:400,log,msg:'Multipart request body failed strict validation',` +
        `tag:'gatehouse/reqbody-error'"`,
      'waf:settings',
    ),
  );
  if (api) {
    // The prose exemptions and the rules kept off JSON values: target exclusions, nothing per request.
    for (const [id, targets] of proseExclusionDirectives())
      out.push(directive('SecRuleUpdateTargetById', [id, targets], 'waf:api-profile'));
    for (const [tag, targets] of codeExclusionDirectives())
      out.push(directive('SecRuleUpdateTargetByTag', [tag, targets], 'waf:api-profile'));
    for (const [id, targets] of codeExclusionIdDirectives())
      out.push(directive('SecRuleUpdateTargetById', [id, targets], 'waf:api-profile'));
  }
  if (api && config.exclude_fields.length > 0) {
    // One alternation (the target parser keeps `|` inside `/…/`): one regex run per argument and rule.
    const re = fieldExclusionRegexes(config.exclude_fields)
      .map((r) => `(?:${r})`)
      .join('|');
    const targets = `!ARGS:/${re}/|!ARGS_POST:/${re}/`;
    out.push(directive('SecRuleUpdateTargetByTag', ['^attack-', targets], 'waf:exclude_fields'));
  }
  config.exclusions.forEach((ex, i) => {
    const file = `waf:exclusions[${i}]`;
    const ids = (ex.rule_ids ?? []).map(String);
    const tags = (ex.tags ?? []).map((t) => `^${escapeRegex(t)}$`);
    const targets = ex.targets ?? [];
    if (ids.length === 0 && tags.length === 0) {
      throw new TypeError(`waf: exclusions[${i}] needs rule_ids or tags`);
    }
    if (targets.length === 0) {
      if (ids.length > 0) out.push(directive('SecRuleRemoveById', ids, file));
      for (const t of tags) out.push(directive('SecRuleRemoveByTag', [t], file));
      return;
    }
    const negated = targets.map((t) => exclusionTargets(t, api)).join('|');
    for (const id of ids) out.push(directive('SecRuleUpdateTargetById', [id, negated], file));
    for (const t of tags) out.push(directive('SecRuleUpdateTargetByTag', [t, negated], file));
  });
  return out;
}

const MODES: Record<string, EngineMode> = { on: 'On', 'detection-only': 'DetectionOnly', off: 'Off' };
const MAX_CACHED = 16;
const cache = new Map<string, Ruleset>();

/** sha256 of the directives (names and arguments, in order) and the engine mode. */
export function rulesetDigest(directives: readonly Directive[], mode: EngineMode): string {
  const h = createHash('sha256');
  h.update(mode);
  for (const d of directives) {
    h.update('\0D');
    h.update(d.name);
    for (const a of d.args) {
      h.update('\0');
      h.update(a);
    }
  }
  return h.digest('hex');
}

/**
 * Loads and compiles the ruleset of a config, once: compiled rulesets are cached by the digest of their
 * directives, so routes (and reloads) with the same rules share one compiled set. Rule files are re-read on each
 * call (cheap), so edited files on disk produce a new digest and a fresh compile.
 * @throws TypeError for a missing file, a parse error or a rule that does not compile (naming file:line).
 */
export function loadWafRuleset(config: WafConfig, cwd: string = process.cwd()): Ruleset {
  const mode = MODES[config.engine] ?? 'On';
  let directives: Directive[];
  try {
    directives = wafDirectives(config, cwd);
  } catch (err) {
    if (err instanceof TypeError) throw err;
    throw new TypeError(`waf: ${(err as Error).message}`, { cause: err });
  }
  const expand =
    config.profile === 'api'
      ? {
          graphql: true,
          maxDepth: config.decode_nested.max_depth,
          maxDecodedBytes: config.decode_nested.max_decoded_bytes,
          maxExtraArgs: config.decode_nested.max_extra_args,
        }
      : null;
  const digest = `${rulesetDigest(directives, mode)}:${JSON.stringify(expand)}`;
  const hit = cache.get(digest);
  if (hit !== undefined) return hit;
  let rs: Ruleset;
  try {
    rs = compileRuleset(directives, {
      transforms: TRANSFORMS,
      detectors: DETECTORS,
      mode,
      ...(expand === null
        ? {}
        : {
            json: { expand: (args, keys) => expandApiArgs(args, expand, keys), rawBody: false },
            multipart: { expand: (args) => multipartArgsView(args, expand) },
          }),
    });
  } catch (err) {
    throw new TypeError(`waf: ${(err as Error).message}`, { cause: err });
  }
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(digest, rs);
  return rs;
}
