/**
 * CRS regression runner (go-ftw format) against the Gatehouse WAF engine, without HTTP.
 *
 * Reads ../shared/crs/v4.28.0/tests/regression/tests/**\/*.yaml, builds each test stage's request (from
 * `method`/`uri`/`version`/`headers`/`data`, or the raw `encoded_request`), runs phases 1 and 2 with the CRS test
 * settings (rule 900005 of the CRS regression README: paranoia level 4, detection-only, `tx.arg_length=400`, ...)
 * and passes a stage when every `expect_ids` rule fired and no `no_expect_ids` rule did.
 *
 * Out of scope (counted): the RESPONSE-* suites (phases 3/4), stages that check only the HTTP status the web
 * server answers or a log regex.
 *
 * Usage: node bench/waf/crs-regression.ts [--crs ../shared/crs/v4.28.0] [--filter 942] [--verbose]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { DETECTORS } from '../../src/policies/waf/ruleset.ts';
import { compileRuleset, type RequestInput } from '../../src/waf/engine.ts';
import { type Directive, parseSecLang, parseSecLangFile } from '../../src/waf/parser/index.ts';
import { TRANSFORMS } from '../../src/waf/transform/index.ts';

const { values: opts } = parseArgs({
  options: {
    crs: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/crs/v4.28.0') },
    filter: { type: 'string', default: '' },
    verbose: { type: 'boolean', default: false },
  },
});
const CRS = opts.crs as string;

/** Rule 900005 of the CRS regression README, and ModSecurity's recommended JSON body processor rule 200001. */
const TEST_SETTINGS = `
SecAction "id:900005,phase:1,nolog,pass,t:none,ctl:ruleEngine=DetectionOnly,ctl:ruleRemoveById=910000,\
setvar:tx.blocking_paranoia_level=4,setvar:tx.crs_validate_utf8_encoding=1,setvar:tx.arg_name_length=100,\
setvar:tx.arg_length=400,setvar:tx.total_arg_length=64000,setvar:tx.max_num_args=255,\
setvar:tx.max_file_size=64100,setvar:tx.combined_file_sizes=65535"
SecRule REQUEST_HEADERS:Content-Type "@rx ^application/json" \
  "id:200001,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=JSON"
`;

interface Stage {
  input: {
    method?: string;
    uri?: string;
    version?: string;
    headers?: Record<string, string | number>;
    data?: string;
    encoded_request?: string;
    autocomplete_headers?: boolean;
  };
  output: {
    status?: number | number[];
    log?: { expect_ids?: number[]; no_expect_ids?: number[]; match_regex?: string; no_match_regex?: string };
    expect_ids?: number[];
    no_expect_ids?: number[];
  };
}
interface TestFile {
  rule_id: number;
  tests: { test_id: number; desc?: string; stages: Stage[] }[];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.name.endsWith('.yaml') || e.name.endsWith('.yml')) out.push(p);
  }
  return out.sort();
}

/** Removes chunked transfer coding (as the web server would before ModSecurity sees the body). */
function dechunk(body: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const eol = body.indexOf('\r\n', i);
    if (eol === -1) return out;
    const size = Number.parseInt(body.slice(i, eol).split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size === 0) return out;
    out += body.slice(eol + 2, eol + 2 + size);
    i = eol + 2 + size + 2;
  }
}

function fromRaw(encoded: string): RequestInput {
  const raw = Buffer.from(encoded.replace(/\s+/g, ''), 'base64').toString('latin1');
  const sep = raw.indexOf('\r\n\r\n');
  const head = sep === -1 ? raw : raw.slice(0, sep);
  let body = sep === -1 ? '' : raw.slice(sep + 4);
  const lines = head.split(/\r?\n/);
  const reqLine = (lines.shift() ?? '').split(' ');
  const headers: [string, string][] = [];
  for (const l of lines) {
    const c = l.indexOf(':');
    if (c > 0) headers.push([l.slice(0, c), l.slice(c + 1).trim()]);
  }
  if (headers.some(([k, v]) => k.toLowerCase() === 'transfer-encoding' && /chunked/i.test(v)))
    body = dechunk(body);
  return {
    method: reqLine[0] ?? 'GET',
    uri: reqLine[1] ?? '/',
    protocol: reqLine[2] ?? 'HTTP/1.1',
    headers,
    body,
    remoteAddr: '127.0.0.1',
  };
}

/** Go's url.QueryEscape on UTF-8 bytes: unreserved characters kept, space as `+`, the rest `%XX`. */
function goQueryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (b === 0x20) out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Go's url.QueryUnescape, or null when it fails (bad `%` escape). */
function goQueryUnescape(s: string): string | null {
  if (/%(?![0-9A-Fa-f]{2})/.test(s)) return null;
  return s
    .replace(/\+/g, ' ')
    .replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

/**
 * The request go-ftw would send (coreruleset/go-ftw ftwhttp/request.go `BuildRequest`): with data and
 * autocomplete, Content-Type defaults to application/x-www-form-urlencoded and unescaped `key=value` pairs are
 * query-escaped; multipart bodies get CRLF line ends; Content-Length is added for data or POST/PUT/PATCH/DELETE.
 */
function toRequest(input: Stage['input']): RequestInput {
  if (input.encoded_request !== undefined && input.encoded_request !== '')
    return fromRaw(input.encoded_request);
  const headers: [string, string][] = Object.entries(input.headers ?? {}).map(([k, v]) => [k, String(v)]);
  const has = (name: string) => headers.find(([k]) => k.toLowerCase() === name.toLowerCase());
  const method = input.method ?? 'GET';
  const auto = input.autocomplete_headers !== false;
  let data = input.data === undefined || input.data === null ? '' : String(input.data);
  if (data !== '' && auto) {
    if (has('Content-Type') === undefined)
      headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
    if (has('Content-Type')?.[1] === 'application/x-www-form-urlencoded' && goQueryUnescape(data) === data) {
      data = data
        .split('&')
        .map((tok) => {
          const eq = tok.indexOf('=');
          return eq === -1
            ? goQueryEscape(tok)
            : `${goQueryEscape(tok.slice(0, eq))}=${goQueryEscape(tok.slice(eq + 1))}`;
        })
        .join('&');
    }
  }
  if ((has('Content-Type')?.[1] ?? '').startsWith('multipart/form-data;')) data = data.replace(/\n/g, '\r\n');
  // go-ftw sends `data` as UTF-8; the engine sees bytes.
  const body = Buffer.from(data, 'utf8').toString('latin1');
  if (auto) {
    if (has('Connection') === undefined) headers.push(['Connection', 'close']);
    if ((body.length > 0 || /^POST|PUT|PATCH|DELETE$/.test(method)) && has('Content-Length') === undefined) {
      headers.push(['Content-Length', String(body.length)]);
    }
  }
  return {
    method,
    uri: input.uri ?? '/',
    protocol: input.version ?? 'HTTP/1.1',
    headers,
    body,
    remoteAddr: '127.0.0.1',
  };
}

const t0 = performance.now();
const directives: Directive[] = [
  ...parseSecLangFile(join(CRS, 'crs-setup.conf.example')),
  ...parseSecLang(TEST_SETTINGS, 'crs-regression-settings'),
  ...readdirSync(join(CRS, 'rules'))
    .filter((f) => f.endsWith('.conf'))
    .sort()
    .flatMap((f) => parseSecLangFile(join(CRS, 'rules', f))),
];
const rs = compileRuleset(directives, { transforms: TRANSFORMS, detectors: DETECTORS });
const compileMs = performance.now() - t0;

let total = 0;
let passed = 0;
let outOfScopeResponse = 0;
let outOfScopeStatus = 0;
let errors = 0;
let needsXml = 0;
let needsMultipart = 0;
const failures = new Map<number, string[]>();
const t1 = performance.now();
const cpu0 = process.cpuUsage();
for (const file of walk(join(CRS, 'tests/regression/tests'))) {
  const doc = parseYaml(readFileSync(file, 'utf8')) as TestFile | null;
  if (doc === null || !Array.isArray(doc.tests)) continue;
  if (opts.filter !== '' && !String(doc.rule_id).startsWith(opts.filter as string)) continue;
  const response = file.includes('/RESPONSE-');
  for (const t of doc.tests) {
    if (response) {
      outOfScopeResponse++;
      continue;
    }
    const checks = t.stages.map((s) => {
      const log = s.output.log ?? {};
      return {
        expect: log.expect_ids ?? s.output.expect_ids ?? [],
        noExpect: log.no_expect_ids ?? s.output.no_expect_ids ?? [],
      };
    });
    if (checks.every((c) => c.expect.length === 0 && c.noExpect.length === 0)) {
      outOfScopeStatus++;
      continue;
    }
    total++;
    const reasons: string[] = [];
    t.stages.forEach((s, i) => {
      const c = checks[i] as { expect: number[]; noExpect: number[] };
      try {
        const tx = rs.newTransaction(toRequest(s.input));
        tx.processRequestHeaders();
        tx.processRequestBody();
        const fired = new Set(tx.matches.map((m) => m.id));
        const missing = c.expect.filter((id) => !fired.has(id));
        const extra = c.noExpect.filter((id) => fired.has(id));
        if (missing.length > 0) reasons.push(`expected ${missing.join(',')} did not fire`);
        if (extra.length > 0) reasons.push(`${extra.join(',')} fired but must not`);
      } catch (err) {
        errors++;
        reasons.push(`error: ${(err as Error).message}`);
      }
    });
    const ct = String(
      Object.entries(t.stages[0]?.input.headers ?? {}).find(
        ([k]) => k.toLowerCase() === 'content-type',
      )?.[1] ?? '',
    ).toLowerCase();
    if (reasons.length > 0 && /xml/.test(ct)) reasons.push('(XML body processor not implemented)');
    else if (reasons.length > 0 && ct.startsWith('multipart/'))
      reasons.push('(multipart body processor not implemented)');
    if (reasons.length > 0 && /xml/.test(ct)) needsXml++;
    else if (reasons.length > 0 && ct.startsWith('multipart/')) needsMultipart++;
    if (reasons.length === 0) passed++;
    else {
      const list = failures.get(doc.rule_id) ?? [];
      list.push(`${doc.rule_id}-${t.test_id}: ${reasons.join('; ')}`);
      failures.set(doc.rule_id, list);
    }
  }
}
const runMs = performance.now() - t1;
const cpu = process.cpuUsage(cpu0);

process.stdout.write(`CRS regression (engine, PL4, detection-only) — ${CRS}\n`);
process.stdout.write(`compile: ${compileMs.toFixed(0)} ms; run: ${(runMs / 1000).toFixed(1)} s wall, `);
process.stdout.write(`${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU\n`);
process.stdout.write(
  `in scope: ${total} tests, passed ${passed} (${((passed / Math.max(total, 1)) * 100).toFixed(2)} %), ` +
    `failed ${total - passed}${errors > 0 ? ` (${errors} stage errors)` : ''}\n`,
);
process.stdout.write(
  `out of scope: ${outOfScopeResponse} response-phase tests, ${outOfScopeStatus} tests checking only status/log regex\n`,
);
process.stdout.write(
  `failures with an XML body: ${needsXml} (no XML processor yet); with a multipart body: ${needsMultipart} ` +
    `(no multipart processor yet); pass rate without them: ` +
    `${((passed / Math.max(total - needsXml - needsMultipart, 1)) * 100).toFixed(2)} %\n`,
);
const byRule = [...failures.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
process.stdout.write(`failures by rule (${byRule.length} rules):\n`);
for (const [rule, list] of byRule) {
  process.stdout.write(`  ${rule}: ${list.length}\n`);
  if (opts.verbose) for (const l of list) process.stdout.write(`    ${l}\n`);
}
