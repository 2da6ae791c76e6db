import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  applyDefaults,
  fakeDeps,
  fakeRequestContext,
  instantiate,
  runRequest,
  schemaFixtureSuite,
} from '../testing.ts';
import { policy, redactMatch, ruleFamily } from './policy.ts';
import { loadWafRuleset } from './ruleset.ts';
import { WafSchema } from './schema.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

const CRS = join(import.meta.dirname, '../../../../shared/crs/v4.28.0');
const crs = { setup: join(CRS, 'crs-setup.conf.example'), include: [join(CRS, 'rules')] };

type Init = Parameters<typeof fakeRequestContext>[0];

async function run(config: unknown, init: Init, mode: 'enforce' | 'report-only' = 'enforce') {
  const deps = { ...fakeDeps('waf@route:test'), mode };
  const events = (deps as ReturnType<typeof fakeDeps>).events;
  const instance = instantiate(policy, config, deps);
  const ctx = fakeRequestContext({
    headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0', accept: 'application/json' },
    ...init,
  });
  const outcome = await runRequest(instance, ctx);
  return { ...outcome, ctx, events };
}

function jsonPost(body: string, extra: Record<string, string> = {}): Init {
  return {
    method: 'POST',
    path: '/api/items',
    headers: {
      'user-agent': 'Mozilla/5.0',
      accept: 'application/json',
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      ...extra,
    },
    body,
  };
}

async function collect(body: unknown): Promise<Buffer> {
  if (Buffer.isBuffer(body)) return body;
  const parts: Buffer[] = [];
  for await (const c of body as AsyncIterable<Buffer>) parts.push(c);
  return Buffer.concat(parts);
}

describe('waf: CRS at PL1', () => {
  test('SQLi in the query is blocked with 403 waf:sqli and a waf_block event', async () => {
    const { error, events } = await run(
      { rules: crs },
      { path: '/search', query: `q=${encodeURIComponent("1' OR '1'='1")}` },
    );
    assert.equal(error?.code, 'GW_FORBIDDEN');
    assert.equal(error?.status, 403);
    assert.equal(error?.reason, 'waf:sqli');
    const ev = events.find((e) => e.type === 'waf_block');
    assert.ok(ev, JSON.stringify(events));
    assert.equal(ev.fields.decision, 'block');
    assert.ok((ev.fields.rule_ids as number[]).includes(942100));
    assert.ok((ev.fields.anomaly_score as number) >= 5);
    const m = (ev.fields.matches as { variable: string; data: string }[]).find(
      (x) => x.variable === 'ARGS:q',
    );
    assert.ok(m, 'matched variable name reported');
  });

  test('SQLi inside a JSON body is blocked and the body is kept for the proxy', async () => {
    const body = JSON.stringify({ user: { name: 'x', filter: '1 UNION SELECT password FROM users--' } });
    const { error, ctx, events } = await run({ rules: crs }, jsonPost(body));
    assert.equal(error?.reason, 'waf:sqli');
    const ev = events.find((e) => e.type === 'waf_block');
    assert.ok(
      (ev?.fields.matches as { variable: string }[]).some((x) => x.variable === 'ARGS:json.user.filter'),
    );
    assert.equal((await collect(ctx.state.body)).toString(), body);
  });

  test('XSS in a nested JSON array element is blocked', async () => {
    const body = JSON.stringify({ items: [{ note: '<script>alert(1)</script>' }] });
    const { error } = await run(
      { rules: crs },
      jsonPost(body, { 'content-type': 'application/vnd.api+json' }),
    );
    assert.equal(error?.reason, 'waf:xss');
  });

  test('a benign JSON POST passes, logs nothing, and its body is handed to the proxy intact', async () => {
    const body = JSON.stringify({
      title: 'Quarterly report',
      tags: ['finance', 'q3'],
      count: 3,
      draft: false,
    });
    const { error, ctx, events } = await run({ rules: crs }, jsonPost(body));
    assert.equal(error, undefined);
    assert.deepEqual(events, []);
    assert.ok(Buffer.isBuffer(ctx.state.body));
    assert.equal((ctx.state.body as Buffer).toString(), body);
  });

  test('malformed JSON is a 400 (REQBODY_ERROR, rule 90003)', async () => {
    const { error, events } = await run({ rules: crs }, jsonPost('{"a": '));
    assert.equal(error?.code, 'GW_BAD_REQUEST');
    assert.equal(error?.reason, 'waf:reqbody-error');
    assert.ok((events[0]?.fields.rule_ids as number[]).includes(90003));
  });

  test('detection-only passes the attack and reports a would-block waf_detect event', async () => {
    const { error, ctx, events } = await run(
      { rules: crs, engine: 'detection-only' },
      { query: `q=${encodeURIComponent('<script>alert(1)</script>')}` },
    );
    assert.equal(error, undefined);
    assert.equal(events[0]?.type, 'waf_detect');
    assert.equal(events[0]?.fields.decision, 'would-block');
    assert.deepEqual(ctx.decisions.at(-1), {
      policy: 'waf',
      action: 'would-deny',
      reason: 'waf:xss',
      status: 403,
    });
  });

  test('report-only mode: the hook throws (the runner swallows it) and the event says would-block', async () => {
    const { error, events } = await run(
      { rules: crs },
      { query: `q=${encodeURIComponent('<script>alert(1)</script>')}` },
      'report-only',
    );
    assert.equal(error?.code, 'GW_FORBIDDEN');
    assert.equal(events[0]?.type, 'waf_detect');
    assert.equal(events[0]?.fields.decision, 'would-block');
  });

  test('paranoia_level 2 enables PL2 rules', async () => {
    const query = `c=${encodeURIComponent("a'b'c'd'e'f'")}`;
    const pl1 = await run({ rules: crs, engine: 'detection-only' }, { query });
    const pl2 = await run({ rules: crs, engine: 'detection-only', paranoia_level: 2 }, { query });
    const ids = (r: typeof pl1) => (r.events[0]?.fields.rule_ids as number[] | undefined) ?? [];
    assert.ok(!ids(pl1).includes(932240));
    assert.ok(ids(pl2).includes(932240), ids(pl2).join(','));
  });

  test('the compiled ruleset is cached by config digest', () => {
    const a = loadWafRuleset(applyDefaults(policy, { rules: crs }));
    const b = loadWafRuleset(applyDefaults(policy, { rules: crs }));
    const c = loadWafRuleset(applyDefaults(policy, { rules: crs, paranoia_level: 3 }));
    assert.equal(a, b);
    assert.notEqual(a, c);
  });
});

describe('waf: custom rules, exclusions, modes', () => {
  const custom = [
    `SecRule ARGS "@contains evil" "id:1000,phase:2,deny,status:403,log,msg:'evil arg',tag:'app/evil'"`,
  ];

  test('custom rules deny', async () => {
    const { error, events } = await run({ custom_rules: custom }, { query: 'q=evil' });
    assert.equal(error?.reason, 'waf:custom');
    assert.deepEqual(events[0]?.fields.rule_ids, [1000]);
  });

  test('exclusion by id and target (SecRuleUpdateTargetById)', async () => {
    const config = { custom_rules: custom, exclusions: [{ rule_ids: [1000], targets: ['ARGS:password'] }] };
    assert.equal((await run(config, { query: 'password=evil' })).error, undefined);
    assert.equal((await run(config, { query: 'q=evil' })).error?.code, 'GW_FORBIDDEN');
  });

  test('exclusion by tag (exact) removes the rule; by id range too', async () => {
    assert.equal(
      (await run({ custom_rules: custom, exclusions: [{ tags: ['app/evil'] }] }, { query: 'q=evil' })).error,
      undefined,
    );
    assert.equal(
      (await run({ custom_rules: custom, exclusions: [{ tags: ['app'] }] }, { query: 'q=evil' })).error?.code,
      'GW_FORBIDDEN',
    );
    assert.equal(
      (await run({ custom_rules: custom, exclusions: [{ rule_ids: ['999-1001'] }] }, { query: 'q=evil' }))
        .error,
      undefined,
    );
  });

  test('an exclusion without rule_ids or tags, a missing file and a bad custom rule fail at create', () => {
    assert.throws(() => instantiate(policy, { exclusions: [{ targets: ['ARGS:x'] }] }), TypeError);
    assert.throws(() => instantiate(policy, { rules: { setup: '/nonexistent/crs-setup.conf' } }), TypeError);
    assert.throws(
      () => instantiate(policy, { rules: { include: ['/nonexistent/rules'] } }),
      /does not exist/,
    );
    assert.throws(() => instantiate(policy, { custom_rules: ['SecRule ARGS "@nope x" "id:1"'] }), TypeError);
  });

  test('engine off: no hooks at all', () => {
    assert.deepEqual(Object.keys(instantiate(policy, { engine: 'off', custom_rules: custom })), []);
  });

  test('custom status', async () => {
    const { error } = await run({ custom_rules: custom, status: 451 }, { query: 'q=evil' });
    assert.equal(error?.status, 451);
  });
});

describe('waf: request bodies', () => {
  const custom = [`SecRule ARGS_POST "@contains evil" "id:1000,phase:2,deny,status:403,log,msg:'evil'"`];
  const big = (tail: string) => JSON.stringify({ pad: 'a'.repeat(200), tail });

  test('Content-Length over max_body_bytes with reject: 413 before reading', async () => {
    const { error, ctx } = await run({ custom_rules: custom, max_body_bytes: 100 }, jsonPost(big('ok')));
    assert.equal(error?.code, 'GW_PAYLOAD_TOO_LARGE');
    assert.equal(error?.reason, 'waf:body_too_large');
    assert.equal(ctx.state.body, undefined);
  });

  test('chunked body over max_body_bytes with reject: 413 after reading the limit', async () => {
    const init = jsonPost(big('ok'));
    const headers: Record<string, string | string[] | undefined> = {
      ...init?.headers,
      'transfer-encoding': 'chunked',
    };
    delete headers['content-length'];
    const { error } = await run({ custom_rules: custom, max_body_bytes: 100 }, { ...init, headers });
    assert.equal(error?.reason, 'waf:body_too_large');
  });

  test('process-partial inspects the first max_body_bytes and forwards the whole body', async () => {
    const config = { custom_rules: custom, max_body_bytes: 100, body_limit_action: 'process-partial' };
    const body = big('evil');
    const { error, ctx } = await run(
      config,
      jsonPost(body, { 'content-type': 'application/x-www-form-urlencoded' }),
    );
    assert.equal(error, undefined, 'the tail beyond the limit is not inspected');
    assert.equal((await collect(ctx.state.body)).toString(), body);
    const head = `x=evil&${'a'.repeat(300)}`;
    const r2 = await run(config, jsonPost(head, { 'content-type': 'application/x-www-form-urlencoded' }));
    assert.equal(r2.error?.code, 'GW_FORBIDDEN');
  });

  test('the request maxBodyBytes is still enforced while buffering', async () => {
    const body = `x=${'a'.repeat(500)}`;
    const init = jsonPost(body, { 'content-type': 'application/x-www-form-urlencoded' });
    const headers: Record<string, string | string[] | undefined> = {
      ...init?.headers,
      'transfer-encoding': 'chunked',
    };
    delete headers['content-length'];
    const { error } = await run({ custom_rules: custom }, { ...init, headers, maxBodyBytes: 100 });
    assert.equal(error?.reason, 'body_too_large');
  });

  test('bodies of other content types are not read', async () => {
    const { error, ctx } = await run(
      { custom_rules: custom },
      jsonPost('x=evil', { 'content-type': 'text/plain' }),
    );
    assert.equal(error, undefined);
    assert.equal(ctx.state.body, undefined);
  });
});

describe('waf: helpers', () => {
  test('ruleFamily maps CRS files', () => {
    assert.equal(ruleFamily(942100), 'sqli');
    assert.equal(ruleFamily(941110), 'xss');
    assert.equal(ruleFamily(932160), 'rce');
    assert.equal(ruleFamily(949110), 'anomaly');
    assert.equal(ruleFamily(1234), 'custom');
  });

  test('redactMatch truncates to 64 chars and hides sensitive variables', () => {
    assert.equal(redactMatch('ARGS:q', 'x'.repeat(100)), `${'x'.repeat(64)}…`);
    assert.equal(redactMatch('ARGS:password', "' or 1=1"), '[redacted]');
    assert.equal(redactMatch('REQUEST_HEADERS:Authorization', 'Bearer x'), '[redacted]');
    assert.equal(redactMatch('REQUEST_COOKIES:sid', 'x'), '[redacted]');
  });

  test('schema defaults', () => {
    const d = applyDefaults(policy, {});
    assert.equal(d.max_body_bytes, 131072);
    assert.equal(d.inbound_threshold, 5);
    assert.equal(d.engine, 'on');
    assert.ok(WafSchema.properties.inspect_content_types);
  });
});
