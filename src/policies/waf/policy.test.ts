import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  applyDefaults,
  fakeDeps,
  fakeRequestContext,
  instantiate,
  runRequest,
  runResponse,
  schemaFixtureSuite,
  toResponseContext,
} from '../testing.ts';
import { engineUri, policy, redactMatch, ruleFamily } from './policy.ts';
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
      jsonPost('x=evil', { 'content-type': 'application/octet-stream' }),
    );
    assert.equal(error, undefined);
    assert.equal(ctx.state.body, undefined);
  });

  test('API profile: a text/plain body is read as JSON, or as one text value (session 8)', async () => {
    for (const body of ['{"q":"evil"}', 'this is evil text']) {
      const { error } = await run({ custom_rules: custom }, jsonPost(body, { 'content-type': 'text/plain' }));
      assert.equal(error?.status, 403, body);
    }
    const { error } = await run(
      { custom_rules: custom },
      jsonPost('{"q":"fine"}', { 'content-type': 'text/plain;charset=UTF-8' }),
    );
    assert.equal(error, undefined);
  });

  test('a body without a Content-Type is read (CRS 920640 needs its length)', async () => {
    const init = jsonPost('{"q":"evil"}', {});
    const headers: Record<string, string | string[] | undefined> = { ...init?.headers };
    delete headers['content-type'];
    const { ctx } = await run({ custom_rules: custom }, { ...init, headers });
    assert.ok(ctx.state.body !== undefined);
  });
});

describe('waf: helpers', () => {
  test('ruleFamily maps CRS files', () => {
    assert.equal(ruleFamily(942100), 'sqli');
    assert.equal(ruleFamily(941110), 'xss');
    assert.equal(ruleFamily(932160), 'rce');
    assert.equal(ruleFamily(949110), 'anomaly');
    assert.equal(ruleFamily(1234), 'custom');
    assert.equal(ruleFamily(90100), 'nosql');
    assert.equal(ruleFamily(951110), 'data-leakage');
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

describe('waf: API profile (default) vs crs', () => {
  const api = { rules: crs };
  const plain = { rules: crs, profile: 'crs' };
  const ua = { 'user-agent': 'curl/8.5.0', accept: 'application/json' };
  const send = (method: string, body: string, ct: string, extra: Record<string, string> = {}): Init => ({
    method,
    path: '/api/v1/orders/42',
    headers: { ...ua, 'content-type': ct, 'content-length': String(Buffer.byteLength(body)), ...extra },
    body,
  });

  test('REST methods and the JSON family of content types are allowed (CRS refuses them)', async () => {
    const patch = send('PATCH', '{"status":"shipped","note":null}', 'application/merge-patch+json');
    assert.equal((await run(api, patch)).error, undefined);
    assert.equal((await run(plain, patch)).error?.reason, 'waf:method-enforcement');
    const jp = send('PATCH', '[{"op":"replace","path":"/a","value":1}]', 'application/json-patch+json');
    assert.equal((await run(api, jp)).error, undefined);
    const custom = send('PUT', '{"a":1}', 'application/vnd.acme.order.v2+json');
    assert.equal((await run(api, custom)).error, undefined);
    assert.equal(
      (await run(api, { method: 'DELETE', path: '/api/v1/orders/42', headers: ua })).error,
      undefined,
    );
  });

  test('Expect: 100-continue is not a restricted header in the API profile', async () => {
    const init = send('POST', '{"a":"b"}', 'application/json', { expect: '100-continue' });
    assert.equal((await run(api, init)).error, undefined);
    assert.equal((await run(plain, init)).error?.reason, 'waf:protocol-enforcement');
  });

  test('a profile setting the user already set in the setup (allowed_methods) is left alone', async () => {
    const custom = ['SecAction "id:900200,phase:1,pass,nolog,setvar:\'tx.allowed_methods=GET POST\'"'];
    const { error } = await run(
      { ...api, custom_rules: custom },
      { method: 'DELETE', path: '/x', headers: ua },
    );
    // custom_rules load after the CRS: 901 already set the profile's value, so DELETE passes; the setup file
    // (loaded first) is where a user narrows it, as with CRS itself.
    assert.equal(error, undefined);
  });

  test('GraphQL: prose in literals passes; SQLi in a variable or a literal is blocked', async () => {
    const q = 'query S($t: String!) { search(q: $t, note: "the select committee") { id } }';
    const clean = JSON.stringify({ query: q, variables: { t: 'union of workers' }, operationName: 'S' });
    assert.equal((await run(api, send('POST', clean, 'application/json'))).error, undefined);
    const inVar = JSON.stringify({ query: q, variables: { t: "1' UNION SELECT password FROM users--" } });
    assert.equal((await run(api, send('POST', inVar, 'application/json'))).error?.reason, 'waf:sqli');
    const inLit = JSON.stringify({ query: "{ search(q: \"1' OR '1'='1\") { id } }" });
    assert.equal((await run(api, send('POST', inLit, 'application/json'))).error?.reason, 'waf:sqli');
  });

  test('GraphQL over GET: literals and variables are inspected separately; the upstream target is unchanged', async () => {
    const doc = 'query S($t: String!) { search(q: $t, note: "the select committee") { id } }';
    const query = (t: string): string =>
      `query=${encodeURIComponent(doc)}&variables=${encodeURIComponent(JSON.stringify({ t }))}&operationName=S`;
    const ok = await run(api, { path: '/graphql', query: query('union of workers'), headers: ua });
    assert.equal(ok.error, undefined);
    assert.equal(ok.ctx.req.url, `/graphql?${query('union of workers')}`);
    const evil = await run(api, {
      path: '/graphql',
      query: query("1' UNION SELECT password FROM users--"),
      headers: ua,
    });
    assert.equal(evil.error?.reason, 'waf:sqli');
    const ev = evil.events.find((e) => e.type === 'waf_block');
    const vars = (ev?.fields.matches as { variable: string }[]).map((m) => m.variable);
    assert.ok(vars.includes('ARGS:variables.t'), JSON.stringify(vars));
    assert.ok(!vars.includes('ARGS:query'), JSON.stringify(vars));
  });

  test('query strings get the value view in the engine; the upstream target is unchanged', async () => {
    const cfg = applyDefaults(policy, {});
    const crsCfg = applyDefaults(policy, { profile: 'crs' });
    const url = '/api/search?q=alert()+in+the+docs&page=2';
    assert.equal(engineUri(cfg, url), '/api/search?gatehouse.prose.x:q=alert()+in+the+docs&page=2');
    assert.equal(engineUri(crsCfg, url), url);
    for (const same of ['/api/search', '/api/search?page=2&sort=asc', '/a?'])
      assert.equal(engineUri(cfg, same), same);
    assert.equal(
      engineUri(cfg, '/a?gatehouse.prose.x:q=alert()+in+the+docs'),
      '/a?gatehouse.forged:gatehouse.prose.x:q=alert()+in+the+docs',
    );
    const ok = await run(api, { path: '/api/search', query: 'q=alert()+in+the+docs&page=2', headers: ua });
    assert.equal(ok.error, undefined);
    assert.equal(ok.ctx.req.url, url);
  });

  test('application/graphql bodies are parsed as GraphQL; the upstream gets the original bytes', async () => {
    const doc =
      '# members: select only the fields we render\nquery { members(where: "union of workers") { name } }';
    const { error, ctx } = await run(api, send('POST', doc, 'application/graphql'));
    assert.equal(error, undefined);
    assert.equal((await collect(ctx.state.body)).toString(), doc);
    const evil = '{ members(where: "<script>alert(1)</script>") { name } }';
    assert.equal((await run(api, send('POST', evil, 'application/graphql'))).error?.reason, 'waf:xss');
  });

  test('NDJSON: every line is inspected; a malformed line is a 400', async () => {
    const ok = '{"event":"click","path":"/a"}\n{"event":"view","path":"/b"}\n';
    assert.equal((await run(api, send('POST', ok, 'application/x-ndjson'))).error, undefined);
    const bad = '{"event":"click"}\n{"event":"<script>alert(1)</script>"}\n';
    assert.equal((await run(api, send('POST', bad, 'application/x-ndjson'))).error?.reason, 'waf:xss');
    const broken = '{"event":"click"}\n{"event":\n';
    assert.equal((await run(api, send('POST', broken, 'application/x-ndjson'))).error?.status, 400);
  });

  test('JSON, base64 and double percent-encoding inside strings are decoded and inspected', async () => {
    const b64 = Buffer.from(JSON.stringify({ q: "1' UNION SELECT password FROM users--" })).toString(
      'base64',
    );
    const body = JSON.stringify({ data: b64 });
    const r = await run(api, send('POST', body, 'application/json'));
    assert.equal(r.error?.reason, 'waf:sqli');
    const ev = r.events.find((e) => e.type === 'waf_block');
    assert.ok(
      (ev?.fields.matches as { variable: string }[]).some((m) =>
        m.variable.startsWith('ARGS:json.data.decoded-base64'),
      ),
      JSON.stringify(ev),
    );
    assert.equal((await run(plain, send('POST', body, 'application/json'))).error, undefined);
    const dbl = JSON.stringify({ next: encodeURIComponent(encodeURIComponent('../../../../etc/passwd')) });
    assert.equal((await run(api, send('POST', dbl, 'application/json'))).error?.reason, 'waf:lfi');
  });

  test('NoSQL operators, prototype pollution, template injection and SSRF are blocked by family', async () => {
    const cases: [unknown, string][] = [
      [{ username: 'admin', password: { $ne: null } }, 'waf:nosql'],
      [{ user: { settings: JSON.parse('{"__proto__":{"isAdmin":true}}') } }, 'waf:prototype-pollution'],
      [{ name: '{{7*7}}' }, 'waf:template'],
      [{ avatar_url: 'http://169.254.169.254/latest/meta-data/' }, 'waf:ssrf'],
    ];
    for (const [doc, reason] of cases) {
      const body = JSON.stringify(doc);
      assert.equal((await run(api, send('POST', body, 'application/json'))).error?.reason, reason, body);
    }
    const clean = JSON.stringify({
      greeting: 'Hello {{first_name}}',
      site: 'https://example.com/a',
      $schema: 'x',
    });
    assert.equal((await run(api, send('POST', clean, 'application/json'))).error, undefined);
  });

  test('exclude_fields removes rich-text and code fields (and their decodings) from the attack rules only', async () => {
    const html = '<p>Read <a href="https://example.com/x" onclick="track()">this</a></p><script>x()</script>';
    const body = JSON.stringify({ body: { html }, comments: [{ text: 'rm -rf / ; cat /etc/passwd' }] });
    const cfg = { ...api, exclude_fields: ['body.body.html', 'comments[].text'] };
    assert.ok((await run(api, send('POST', body, 'application/json'))).error);
    assert.equal((await run(cfg, send('POST', body, 'application/json'))).error, undefined);
    const other = JSON.stringify({ body: { html, title: '<script>alert(1)</script>' } });
    assert.equal((await run(cfg, send('POST', other, 'application/json'))).error?.reason, 'waf:xss');
    assert.throws(() => instantiate(policy, { ...cfg, exclude_fields: ['a..b'] }));
  });
});

describe('waf: response phase', () => {
  const cfg = { rules: crs, response_content_types: ['application/json', 'text/html'] };

  async function respond(
    config: unknown,
    body: string,
    ct = 'application/json',
    mode: 'enforce' | 'report-only' = 'enforce',
  ) {
    const deps = { ...fakeDeps('waf@route:test'), mode };
    const instance = instantiate(policy, config, deps);
    const ctx = fakeRequestContext({
      path: '/api/items/1',
      headers: { 'user-agent': 'curl/8.5.0', accept: '*/*' },
    });
    const { error } = await runRequest(instance, ctx);
    assert.equal(error, undefined);
    const rctx = toResponseContext(ctx, {
      status: 200,
      responseHeaders: { 'content-type': ct, 'content-length': String(body.length) },
    });
    await runResponse(instance, rctx);
    const filter = rctx.state.responseBodyFilter as
      | { apply(b: Buffer): Buffer; maxBytes: number }
      | undefined;
    return { filter, rctx, events: deps.events };
  }

  test('off by default: no response hook', () => {
    const inst = instantiate(policy, { rules: crs });
    assert.equal(inst.onResponse, undefined);
  });

  test('a leaked SQL error is replaced by a 502 problem (CRS 951); a normal body passes byte-identical', async () => {
    const leak = JSON.stringify({
      error:
        "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ''' at line 1",
    });
    const { filter, events } = await respond(cfg, leak);
    assert.ok(filter);
    assert.equal(filter.maxBytes, 1048576);
    assert.throws(
      () => filter.apply(Buffer.from(leak)),
      (err: unknown) => {
        const e = err as { status: number; reason: string };
        assert.equal(e.status, 502);
        assert.match(e.reason, /^waf:/);
        return true;
      },
    );
    const ev = events.find((e) => e.type === 'waf_block' && e.fields.direction === 'outbound');
    assert.ok(ev, JSON.stringify(events));
    assert.ok((ev.fields.rule_ids as number[]).some((id) => id >= 951000 && id < 952000));
    const normal = Buffer.from(JSON.stringify({ id: 1, name: 'select committee', items: [1, 2] }));
    const again = await respond(cfg, normal.toString());
    assert.equal(again.filter?.apply(normal), normal);
  });

  test('other content types are not inspected; report-only logs but passes', async () => {
    const leak =
      'java.lang.NullPointerException\n\tat com.acme.Foo.bar(Foo.java:42)\n\tat java.lang.Thread.run';
    assert.equal((await respond(cfg, leak, 'image/png')).filter, undefined);
    const ro = await respond(cfg, leak, 'text/html', 'report-only');
    assert.ok(ro.filter);
    assert.equal(ro.filter.apply(Buffer.from(leak)).toString(), leak);
    assert.ok(
      ro.events.some((e) => e.fields.direction === 'outbound' && e.fields.decision === 'would-block'),
    );
  });
});
