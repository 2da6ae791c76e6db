/**
 * End-to-end: the real OWASP CRS v4.28.0 (read from ../shared, never copied) at paranoia level 1.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { detectSQLi } from './detect/sqli.ts';
import { detectXSS } from './detect/xss.ts';
import { compileRuleset, type RequestInput, type Ruleset } from './engine.ts';
import { parseOperator } from './model.ts';
import { compileRx } from './operators.ts';
import { type Directive, parseSecLangFile } from './parser/index.ts';
import { TRANSFORMS } from './transform/index.ts';

const CRS = join(import.meta.dirname, '../../../shared/crs/v4.28.0');

function crsDirectives(): Directive[] {
  const files = [
    join(CRS, 'crs-setup.conf.example'),
    ...readdirSync(join(CRS, 'rules'))
      .filter((f) => f.endsWith('.conf'))
      .sort()
      .map((f) => join(CRS, 'rules', f)),
  ];
  return files.flatMap((f) => parseSecLangFile(f));
}

const directives = crsDirectives();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
// @detectSQLi/@detectXSS: the libinjection ports in src/waf/detect/.
const detectors = {
  sqli: (input: string) => {
    const r = detectSQLi(input);
    return r.match ? (r.fingerprint ?? 'sqli') : null;
  },
  xss: (input: string) => (detectXSS(input) ? 'xss' : null),
};
const rs: Ruleset = compileRuleset(directives, { transforms: TRANSFORMS, detectors });
const compileMs = performance.now() - t0;
const compileCpuMs = (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000;

// The same rules with the setup's paranoia level raised to 2, as a user's crs-setup.conf would (rule 900000).
const rsPl2: Ruleset = compileRuleset(
  [
    {
      name: 'SecAction',
      args: ['id:900000,phase:1,pass,nolog,setvar:tx.blocking_paranoia_level=2'],
      file: 'pl2.conf',
      line: 1,
    },
    ...directives,
  ],
  { transforms: TRANSFORMS, detectors },
);

function evaluate(req: Partial<RequestInput>) {
  return evaluateAt(rs, req);
}

function evaluateAt(ruleset: Ruleset, req: Partial<RequestInput>) {
  const tx = ruleset.newTransaction({
    method: 'GET',
    uri: '/',
    protocol: 'HTTP/1.1',
    headers: [
      ['Host', 'example.com'],
      ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0'],
      ['Accept', 'text/html,application/xhtml+xml'],
    ],
    ...req,
  });
  const intervention = tx.processRequestHeaders() ?? tx.processRequestBody();
  return { tx, intervention, ids: new Set(tx.matches.map((m) => m.id)) };
}

test('every CRS @rx pattern compiles under RE2', () => {
  let n = 0;
  for (const d of directives) {
    if (d.name !== 'SecRule') continue;
    const op = parseOperator(d.args[1] as string);
    if (op.name !== 'rx') continue;
    assert.doesNotThrow(() => compileRx(op.argument), `${d.file}:${d.line}`);
    n++;
  }
  assert.equal(n, 318);
});

test('the full CRS compiles', () => {
  assert.equal(rs.ruleCount, 630);
  process.stdout.write(
    `# CRS compile: ${compileMs.toFixed(0)} ms wall, ${compileCpuMs.toFixed(0)} ms CPU for ${rs.ruleCount} rules\n`,
  );
});

test('SQLi in a query parameter reaches the inbound threshold at PL1 through @rx rules and is blocked', () => {
  const { tx, intervention, ids } = evaluate({
    uri: `/?id=${encodeURIComponent('1 UNION SELECT password FROM users--')}`,
  });
  assert.equal(tx.getTx('blocking_paranoia_level'), '1');
  for (const id of [942190, 942270, 942360]) assert.ok(ids.has(id), `${id} fired: ${[...ids].join(',')}`);
  assert.ok(Number(tx.getTx('blocking_inbound_anomaly_score')) >= 5);
  assert.ok(ids.has(949110));
  assert.deepEqual(intervention, { action: 'deny', status: 403, ruleId: 949110 });
});

test("classic 1' OR '1'='1: 942100 (@detectSQLi) blocks it at PL1; @rx rules 942130/942370 add to it at PL2", () => {
  const uri = `/?id=${encodeURIComponent("1' OR '1'='1")}`;
  const pl1 = evaluate({ uri });
  assert.ok(pl1.ids.has(942100), `fired: ${[...pl1.ids].join(',')}`);
  assert.ok(Number(pl1.tx.getTx('blocking_inbound_anomaly_score')) >= 5);
  assert.equal(pl1.intervention?.ruleId, 949110);
  const pl2 = evaluateAt(rsPl2, { uri });
  for (const id of [942130, 942370]) assert.ok(pl2.ids.has(id), `${id} fired: ${[...pl2.ids].join(',')}`);
  assert.ok(Number(pl2.tx.getTx('blocking_inbound_anomaly_score')) >= 5);
  assert.equal(pl2.intervention?.ruleId, 949110);
});

test('XSS in a query parameter reaches the inbound threshold and is blocked', () => {
  const { tx, intervention, ids } = evaluate({
    uri: `/?q=${encodeURIComponent('<script>alert(1)</script>')}`,
  });
  assert.ok(ids.has(941110), `fired: ${[...ids].join(',')}`);
  assert.ok(Number(tx.getTx('blocking_inbound_anomaly_score')) >= 5);
  assert.equal(intervention?.ruleId, 949110);
});

test('a benign request scores 0 and passes', () => {
  const { tx, intervention } = evaluate({ uri: '/products/42?sort=price&page=2' });
  assert.equal(intervention, null);
  assert.equal(tx.getTx('blocking_inbound_anomaly_score'), '0');
  assert.equal(tx.getTx('detection_inbound_anomaly_score'), '0');
  const fired = tx.matches.filter((m) => m.log).map((m) => m.id);
  assert.deepEqual(fired, []);
});

test('a benign url-encoded POST passes', () => {
  const { tx, intervention } = evaluate({
    method: 'POST',
    uri: '/login',
    headers: [
      ['Host', 'example.com'],
      ['User-Agent', 'Mozilla/5.0'],
      ['Accept', '*/*'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Content-Length', '27'],
    ],
    body: 'user=alice&remember=on&x=1',
  });
  assert.equal(intervention, null);
  assert.equal(tx.getTx('blocking_inbound_anomaly_score'), '0');
});

test('method enforcement (911100) fires for a disallowed method', () => {
  const { ids, intervention } = evaluate({ method: 'TRACE' });
  assert.ok(ids.has(911100));
  assert.equal(intervention?.ruleId, 949110);
});

test('paranoia level from the setup: PL2 rules stay quiet at PL1 and fire at PL2', () => {
  // 932240 (PL2, RCE evasion) matches quoted-word sequences.
  const uri = `/?c=${encodeURIComponent("a'b'c'd'e'f'")}`;
  const pl1 = evaluate({ uri });
  const pl2 = evaluateAt(rsPl2, { uri });
  assert.equal(pl2.tx.getTx('blocking_paranoia_level'), '2');
  assert.ok(pl1.ids.has(932013) && !pl1.ids.has(932240));
  assert.ok(pl2.ids.has(932240), `PL2 fired: ${[...pl2.ids].join(',')}`);
});

test('per-request evaluation time of a benign GET', () => {
  const n = 300;
  for (let i = 0; i < 200; i++) evaluate({ uri: `/products/${i}?sort=price` });
  const t = performance.now();
  const c = process.cpuUsage();
  for (let i = 0; i < n; i++) evaluate({ uri: `/products/${i}?sort=price&page=2` });
  const used = process.cpuUsage(c);
  const per = ((performance.now() - t) / n) * 1000;
  const cpuPer = (used.user + used.system) / n;
  process.stdout.write(
    `# benign GET (phases 1+2): ${per.toFixed(0)} µs wall, ${cpuPer.toFixed(0)} µs CPU per request\n`,
  );
  assert.ok(per < 20_000);
});

test('response phases: an SQL error leaking in the body reaches the outbound threshold (951/959)', () => {
  const leak = evaluate({ uri: '/items?id=1' });
  assert.equal(leak.intervention, null);
  assert.equal(
    leak.tx.processResponseHeaders({ status: 500, headers: [['Content-Type', 'text/html']] }),
    null,
  );
  const i = leak.tx.processResponseBody(
    '<html><body>Warning: mysql_fetch_array() expects parameter 1 to be resource; You have an error in your SQL syntax</body></html>',
  );
  const fired = new Set(leak.tx.matches.map((m) => m.id));
  assert.ok(
    [...fired].some((id) => id >= 951000 && id < 952000),
    [...fired].join(','),
  );
  assert.equal(i?.ruleId, 959100, 'outbound anomaly score blocks');
  const clean = evaluate({ uri: '/items?id=1' });
  clean.tx.processResponseHeaders({ status: 200, headers: [['Content-Type', 'text/html']] });
  assert.equal(clean.tx.processResponseBody('<html><body>Blue chair, 3 in stock</body></html>'), null);
  assert.ok(!clean.tx.matches.some((m) => m.id >= 950000 && m.id < 960000 && m.log));
});
