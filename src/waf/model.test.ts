import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compileMacro, parseActions, parseOperator, parseVariables, splitActions } from './model.ts';

test('variables: selectors, regex keys, exclusions, counts, quoted keys, XML xpath', () => {
  const vs = parseVariables(
    "ARGS:Foo|ARGS:/^(a|b)$/|!ARGS:bar|&ARGS|REQUEST_HEADERS:User-Agent|TX:x|XML:/*|!REQUEST_COOKIES:'/__utm'",
  );
  assert.deepEqual(
    vs.map((v) => [v.collection, v.key, v.keyRegex, v.exclude, v.count]),
    [
      ['ARGS', 'foo', null, false, false],
      ['ARGS', '', '^(a|b)$', false, false],
      ['ARGS', 'bar', null, true, false],
      ['ARGS', '', null, false, true],
      ['REQUEST_HEADERS', 'user-agent', null, false, false],
      ['TX', 'x', null, false, false],
      ['XML', '/*', null, false, false],
      ['REQUEST_COOKIES', '/__utm', null, true, false],
    ],
  );
  assert.throws(() => parseVariables('ARGS:/abc'), /unterminated/);
  assert.throws(() => parseVariables('AR GS'), /invalid variable/);
});

test('operators: negation, default @rx, empty argument', () => {
  assert.deepEqual(parseOperator('!@rx ^a b$'), { name: 'rx', negated: true, argument: '^a b$' });
  assert.deepEqual(parseOperator('^abc'), { name: 'rx', negated: false, argument: '^abc' });
  assert.deepEqual(parseOperator('@unconditionalMatch'), {
    name: 'unconditionalMatch',
    negated: false,
    argument: '',
  });
  assert.deepEqual(parseOperator('@eq 0'), { name: 'eq', negated: false, argument: '0' });
});

test("action splitting honours single quotes and \\' escapes", () => {
  assert.deepEqual(splitActions("id:1, msg:'a, b \\'c\\'',pass"), [
    { name: 'id', value: '1' },
    { name: 'msg', value: "a, b 'c'" },
    { name: 'pass', value: null },
  ]);
});

test('actions are typed', () => {
  const a = parseActions(
    "id:942100,phase:2,block,capture,t:lowercase,t:none,t:urlDecodeUni,t:lowercase,msg:'SQLi %{MATCHED_VAR_NAME}'," +
      "logdata:'Matched Data: %{TX.0}',tag:'attack-sqli',tag:'OWASP_CRS',severity:'CRITICAL',ver:'OWASP_CRS/4.28.0'," +
      "setvar:'tx.inbound_anomaly_score_pl1=+%{tx.critical_anomaly_score}',setvar:tx.a-=2,setvar:tx.b+=3,setvar:!tx.c," +
      'setvar:tx.d,skipAfter:END,ctl:ruleRemoveTargetById=942100;ARGS:pw,multiMatch,nolog,auditlog,status:418,chain,' +
      'initcol:ip=%{remote_addr},expirevar:ip.x=60',
  );
  assert.equal(a.id, 942100);
  assert.equal(a.phase, 2);
  assert.equal(a.disruptive, 'block');
  assert.equal(a.capture, true);
  assert.deepEqual(a.transforms, ['urlDecodeUni', 'lowercase']);
  assert.equal(a.transformsReset, true);
  assert.equal(a.msg?.source, 'SQLi %{MATCHED_VAR_NAME}');
  assert.deepEqual(a.tags, ['attack-sqli', 'OWASP_CRS']);
  assert.equal(a.severity, 2);
  assert.equal(a.ver, 'OWASP_CRS/4.28.0');
  assert.deepEqual(
    a.setvars.map((s) => [s.collection, s.key.source, s.op, s.value.source]),
    [
      ['TX', 'inbound_anomaly_score_pl1', 'add', '%{tx.critical_anomaly_score}'],
      ['TX', 'a', 'sub', '2'],
      ['TX', 'b', 'add', '3'],
      ['TX', 'c', 'delete', ''],
      ['TX', 'd', 'set', '1'],
    ],
  );
  assert.equal(a.skipAfter, 'END');
  assert.deepEqual(a.ctls, [{ option: 'ruleRemoveTargetById', value: '942100;ARGS:pw' }]);
  assert.equal(a.multiMatch, true);
  assert.equal(a.log, false);
  assert.equal(a.auditlog, true);
  assert.equal(a.status, 418);
  assert.equal(a.chain, true);
  assert.equal(a.initcol[0]?.collection, 'IP');
  assert.deepEqual(a.expirevars, [{ name: 'ip.x', seconds: '60' }]);
});

test('invalid actions fail', () => {
  assert.throws(() => parseActions('id:abc'), /invalid id/);
  assert.throws(() => parseActions('phase:9'), /invalid phase/);
  assert.throws(() => parseActions('frobnicate'), /unknown action/);
  assert.throws(() => parseActions("msg:'open"), /unterminated/);
  assert.throws(() => parseActions('severity:LOUD'), /invalid severity/);
});

test('macros compile into parts and references', () => {
  const m = compileMacro('a %{tx.Foo} b %{MATCHED_VAR}');
  assert.deepEqual(m.parts, ['a ', ' b ', '']);
  assert.deepEqual(m.refs, [
    { collection: 'TX', key: 'foo' },
    { collection: 'MATCHED_VAR', key: '' },
  ]);
  assert.deepEqual(compileMacro('plain').parts, ['plain']);
});
