import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fakeDeps, fakeRequestContext, instantiate, runRequest, schemaFixtureSuite } from '../testing.ts';
import { BUFFERED_BODY_KEY } from '../waf/body.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

function ctxWith(body: string, ct = 'application/xml') {
  return fakeRequestContext({
    method: 'POST',
    headers: { 'content-length': String(Buffer.byteLength(body)), 'content-type': ct },
    body,
  });
}

const XXE = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>';

describe('xml-threat-protection', () => {
  test('a valid body is handed to the proxy byte-identical', async () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<order id="7"><item sku="a&amp;b">é</item></order>\n';
    const ctx = ctxWith(body, 'text/xml; charset=utf-8');
    assert.equal((await runRequest(instantiate(policy, {}), ctx)).error, undefined);
    assert.deepEqual(ctx.state[BUFFERED_BODY_KEY], Buffer.from(body));
  });

  test('XXE is refused with 400 xml:dtd and a payload_rejected event that echoes nothing', async () => {
    const deps = fakeDeps();
    const { error } = await runRequest(instantiate(policy, {}, deps), ctxWith(XXE, 'application/soap+xml'));
    assert.equal(error?.code, 'GW_BAD_REQUEST');
    assert.equal(error?.reason, 'xml:dtd');
    assert.match(error?.detail ?? '', /DOCTYPE/);
    assert.doesNotMatch(error?.detail ?? '', /passwd|xxe/);
    assert.equal(deps.events[0]?.type, 'payload_rejected');
    assert.equal(deps.events[0]?.fields['event.reason'], 'xml:dtd');
    assert.equal(deps.events[0]?.fields['gatehouse.policy'], 'xml-threat-protection');
  });

  test('each limit maps to its reason', async () => {
    const cases: Array<[unknown, string, string]> = [
      [{ max_depth: 1 }, '<a><b/></a>', 'xml:depth'],
      [{ max_attributes: 1 }, '<a x="1" y="2"/>', 'xml:attributes'],
      [{ max_namespace_declarations: 1 }, '<a xmlns="u" xmlns:b="v"/>', 'xml:namespaces'],
      [{ max_name_length: 3 }, '<abcd/>', 'xml:name'],
      [{ max_attribute_value_length: 3 }, '<a x="abcd"/>', 'xml:attribute_value'],
      [{ max_text_length: 3 }, '<a>abcd</a>', 'xml:text'],
      [{}, '<a>&lol;</a>', 'xml:entity'],
      [{}, '<?xml version="1.0" encoding="UTF-7"?><a/>', 'xml:encoding'],
      [{}, '<a><b></a>', 'xml:syntax'],
    ];
    for (const [config, body, reason] of cases) {
      const { error } = await runRequest(instantiate(policy, config), ctxWith(body));
      assert.equal(error?.status, 400, reason);
      assert.equal(error?.reason, reason);
    }
    const big = await runRequest(instantiate(policy, { max_size: 10 }), ctxWith('<a>0123456789</a>'));
    assert.equal(big.error?.status, 413);
    assert.equal(big.error?.reason, 'xml:size');
  });

  test('XInclude, schema locations and xml-stylesheet are refused by default, each allowed by its switch', async () => {
    const cases: Array<[string, string, string]> = [
      [
        '<xi:include href="file:///etc/passwd" xmlns:xi="http://www.w3.org/2001/XInclude"/>',
        'xml:xinclude',
        'allow_xinclude',
      ],
      [
        '<r xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://evil.test/s.xsd"/>',
        'xml:schema_location',
        'allow_schema_location',
      ],
      [
        '<?xml-stylesheet type="text/xsl" href="http://evil.test/x.xsl"?><r/>',
        'xml:stylesheet',
        'allow_stylesheet_pi',
      ],
    ];
    for (const [body, reason, flag] of cases) {
      const deps = fakeDeps();
      const { error } = await runRequest(instantiate(policy, {}, deps), ctxWith(body));
      assert.equal(error?.status, 400, reason);
      assert.equal(error?.code, 'GW_BAD_REQUEST', reason);
      assert.equal(error?.reason, reason);
      assert.doesNotMatch(error?.detail ?? '', /passwd|evil/);
      assert.equal(deps.events[0]?.fields['event.reason'], reason);
      const ctx = ctxWith(body);
      assert.equal((await runRequest(instantiate(policy, { [flag]: true }), ctx)).error, undefined, flag);
      assert.deepEqual(ctx.state[BUFFERED_BODY_KEY], Buffer.from(body));
    }
  });

  test('only XML media types are inspected by default', async () => {
    const inst = instantiate(policy, {});
    for (const ct of [
      'application/xml',
      'text/xml',
      'application/atom+xml',
      'Application/XML; charset=utf-8',
    ]) {
      assert.equal((await runRequest(inst, ctxWith(XXE, ct))).error?.reason, 'xml:dtd', ct);
    }
    for (const ct of ['application/json', 'text/plain', 'application/xml-dtd', 'image/svg']) {
      assert.equal((await runRequest(inst, ctxWith(XXE, ct))).error, undefined, ct);
    }
  });

  test('report-only records would-deny and forwards the body', async () => {
    const deps = { ...fakeDeps(), mode: 'report-only' as const };
    const ctx = ctxWith(XXE);
    assert.equal((await runRequest(instantiate(policy, {}, deps), ctx)).error, undefined);
    assert.equal(ctx.decisions[0]?.action, 'would-deny');
    assert.equal(ctx.decisions[0]?.reason, 'xml:dtd');
    const parts: Buffer[] = [];
    for await (const c of ctx.state[BUFFERED_BODY_KEY] as AsyncIterable<Buffer>) parts.push(c);
    assert.equal(Buffer.concat(parts).toString(), XXE);
  });
});
