/**
 * go-ftw CRS regression suite against the Gatehouse WAF engine, without HTTP: test loading, request building,
 * evaluation. Shared by the CLI (bench/waf/crs-regression.ts), its worker (ftw-worker.ts) and the test
 * test/integration/waf-crs-regression.test.ts.
 *
 * Each test stage's request is built as go-ftw sends it (from `method`/`uri`/`version`/`headers`/`data`, or the
 * raw `encoded_request`), phases 1 and 2 run with the CRS test settings (rule 900005 of the CRS regression README:
 * paranoia level 4, detection-only, `tx.arg_length=400`, ...) plus ModSecurity's recommended body-processor rules
 * (200000 XML, 200001 JSON), and a stage passes when every `expect_ids` rule fired and no `no_expect_ids` rule did.
 * RESPONSE-* tests run phases 3 and 4 too, on the response the test backend would send ({@link
 * simulatedResponse}). Out of scope (counted): 980xxx (logging phase) and tests that check only the HTTP status the
 * web server answers or a log regex.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DETECTORS } from '../../src/policies/waf/ruleset.ts';
import { compileRuleset, type RequestInput, type ResponseInput, type Ruleset } from '../../src/waf/engine.ts';
import { type Directive, parseSecLang, parseSecLangFile } from '../../src/waf/parser/index.ts';
import { TRANSFORMS } from '../../src/waf/transform/index.ts';

/** Rule 900005 of the CRS regression README, and ModSecurity's recommended JSON body processor rule 200001. */
export const TEST_SETTINGS = `
SecAction "id:900005,phase:1,nolog,pass,t:none,ctl:ruleEngine=DetectionOnly,ctl:ruleRemoveById=910000,\
setvar:tx.blocking_paranoia_level=4,setvar:tx.crs_validate_utf8_encoding=1,setvar:tx.arg_name_length=100,\
setvar:tx.arg_length=400,setvar:tx.total_arg_length=64000,setvar:tx.max_num_args=255,\
setvar:tx.max_file_size=64100,setvar:tx.combined_file_sizes=65535"
SecRule REQUEST_HEADERS:Content-Type "@rx ^application/json" \
  "id:200001,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=JSON"
SecRule REQUEST_HEADERS:Content-Type "@rx ^(?:application(?:/soap\\+|/)|text/)xml" \
  "id:200000,phase:1,t:none,t:lowercase,pass,nolog,ctl:requestBodyProcessor=XML"
`;

export interface Stage {
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
export interface TestFile {
  rule_id: number;
  tests: { test_id: number; desc?: string; stages: Stage[] }[];
}

export function walk(dir: string): string[] {
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
    // A request line without a version is HTTP/0.9.
    protocol: reqLine[2] ?? 'HTTP/0.9',
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
export function toRequest(input: Stage['input']): RequestInput {
  if (input.encoded_request !== undefined && input.encoded_request !== '')
    return fromRaw(input.encoded_request);
  // go-ftw writes the YAML strings as UTF-8 bytes; the engine sees bytes (one char per byte).
  const bytes = (v: string): string => Buffer.from(v, 'utf8').toString('latin1');
  const headers: [string, string][] = Object.entries(input.headers ?? {}).map(([k, v]) => [
    bytes(k),
    bytes(String(v)),
  ]);
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
    uri: bytes(input.uri ?? '/'),
    // go-ftw writes a request line without a version for an empty one: HTTP/0.9 (920430-5).
    protocol: input.version === '' ? 'HTTP/0.9' : (input.version ?? 'HTTP/1.1'),
    headers,
    body,
    remoteAddr: '127.0.0.1',
  };
}

/**
 * The response the CRS test backend (albedo) would send: `/reflect` answers with the `status`, `headers` and
 * `body` of the JSON request body (`text/plain` unless the headers say otherwise); other endpoints echo the
 * request body.
 */
export function simulatedResponse(input: Stage['input']): ResponseInput & { body: string } {
  const bytes = (v: string): string => Buffer.from(v, 'utf8').toString('latin1');
  const data = input.data === undefined || input.data === null ? '' : String(input.data);
  let j: { status?: number; headers?: Record<string, string>; body?: string; encodedBody?: string } = {};
  if ((input.uri ?? '').startsWith('/reflect')) {
    try {
      j = JSON.parse(data) as typeof j;
    } catch {
      j = {};
    }
  } else j = { body: data };
  const headers: [string, string][] = Object.entries(j.headers ?? {}).map(([k, v]) => [
    bytes(k),
    bytes(String(v)),
  ]);
  if (!headers.some(([k]) => k.toLowerCase() === 'content-type'))
    headers.push(['Content-Type', 'text/plain; charset=utf-8']);
  const body =
    j.encodedBody !== undefined
      ? Buffer.from(j.encodedBody, 'base64').toString('latin1')
      : bytes(j.body ?? '');
  return { status: j.status ?? 200, protocol: 'HTTP/1.1', headers, body };
}

/** Compiles crs-setup.conf.example, the test settings and every rules/*.conf of a CRS release directory. */
export function loadCrsRuleset(crs: string): Ruleset {
  const directives: Directive[] = [
    ...parseSecLangFile(join(crs, 'crs-setup.conf.example')),
    ...parseSecLang(TEST_SETTINGS, 'crs-regression-settings'),
    ...readdirSync(join(crs, 'rules'))
      .filter((f) => f.endsWith('.conf'))
      .sort()
      .flatMap((f) => parseSecLangFile(join(crs, 'rules', f))),
  ];
  return compileRuleset(directives, { transforms: TRANSFORMS, detectors: DETECTORS });
}

/** The test files of a CRS release directory, sorted. */
export function crsTestFiles(crs: string): string[] {
  return walk(join(crs, 'tests/regression/tests'));
}

/** One failed test: `ruleId-testId` and why. */
export interface FtwFailure {
  readonly rule: number;
  readonly test: string;
  readonly reasons: readonly string[];
}

/** Counts of one run (or shard). */
export interface FtwResult {
  total: number;
  passed: number;
  outOfScopeLogging: number;
  outOfScopeStatus: number;
  errors: number;
  failures: FtwFailure[];
}

/** Options of {@link runFtw}. */
export interface FtwOptions {
  /** Only rule ids starting with this prefix. */
  readonly filter?: string;
  /** Called for the stage of test `ruleId-testId` equal to this, with the request and the fired matches. */
  readonly trace?: string;
  readonly onTrace?: (
    request: RequestInput,
    matches: readonly { id: number; matchedVar: string; matchedValue: string }[],
  ) => void;
}

/** Runs the request-phase tests of the given files through a compiled ruleset. */
export function runFtw(rs: Ruleset, files: readonly string[], options: FtwOptions = {}): FtwResult {
  const res: FtwResult = {
    total: 0,
    passed: 0,
    outOfScopeLogging: 0,
    outOfScopeStatus: 0,
    errors: 0,
    failures: [],
  };
  const filter = options.filter ?? '';
  for (const file of files) {
    const doc = parseYaml(readFileSync(file, 'utf8')) as TestFile | null;
    if (doc === null || !Array.isArray(doc.tests)) continue;
    if (filter !== '' && !String(doc.rule_id).startsWith(filter)) continue;
    const response = file.includes('/RESPONSE-');
    // 980xxx (correlation) runs in the logging phase, which the engine does not have.
    const logging = String(doc.rule_id).startsWith('980');
    for (const t of doc.tests) {
      if (logging) {
        res.outOfScopeLogging++;
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
        res.outOfScopeStatus++;
        continue;
      }
      res.total++;
      const name = `${doc.rule_id}-${t.test_id}`;
      const reasons: string[] = [];
      t.stages.forEach((s, i) => {
        const c = checks[i] as { expect: number[]; noExpect: number[] };
        try {
          const req = toRequest(s.input);
          const tx = rs.newTransaction(req);
          tx.processRequestHeaders();
          tx.processRequestBody();
          if (response) {
            const r = simulatedResponse(s.input);
            tx.processResponseHeaders(r);
            tx.processResponseBody(r.body);
          }
          const fired = new Set(tx.matches.map((m) => m.id));
          if (options.trace === name) options.onTrace?.(req, tx.matches);
          const missing = c.expect.filter((id) => !fired.has(id));
          const extra = c.noExpect.filter((id) => fired.has(id));
          if (missing.length > 0) reasons.push(`expected ${missing.join(',')} did not fire`);
          if (extra.length > 0) reasons.push(`${extra.join(',')} fired but must not`);
        } catch (err) {
          res.errors++;
          reasons.push(`error: ${(err as Error).message}`);
        }
      });
      if (reasons.length === 0) res.passed++;
      else res.failures.push({ rule: doc.rule_id, test: name, reasons });
    }
  }
  return res;
}

/** Adds shard results together. */
export function mergeFtw(parts: readonly FtwResult[]): FtwResult {
  const out: FtwResult = {
    total: 0,
    passed: 0,
    outOfScopeLogging: 0,
    outOfScopeStatus: 0,
    errors: 0,
    failures: [],
  };
  for (const p of parts) {
    out.total += p.total;
    out.passed += p.passed;
    out.outOfScopeLogging += p.outOfScopeLogging;
    out.outOfScopeStatus += p.outOfScopeStatus;
    out.errors += p.errors;
    out.failures.push(...p.failures);
  }
  return out;
}

/**
 * Runs the suite in `workers` worker threads (each compiles the rules once and takes every n-th test file) and
 * merges their results.
 */
export async function runFtwParallel(crs: string, workers: number, filter = ''): Promise<FtwResult> {
  const { Worker } = await import('node:worker_threads');
  const runs = Array.from(
    { length: Math.max(1, workers) },
    (_, shard) =>
      new Promise<FtwResult>((resolvePromise, reject) => {
        const w = new Worker(new URL('./ftw-worker.ts', import.meta.url), {
          workerData: { crs, shard, shards: Math.max(1, workers), filter },
        });
        w.once('message', (r: FtwResult) => resolvePromise(r));
        w.once('error', reject);
        w.once('exit', (code) => {
          if (code !== 0) reject(new Error(`ftw worker ${shard} exited with ${code}`));
        });
      }),
  );
  return mergeFtw(await Promise.all(runs));
}
