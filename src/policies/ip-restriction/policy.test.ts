import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fakeRequestContext, instantiate, runRequest, schemaFixtureSuite } from '../testing.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

async function verdict(config: unknown, clientIp: string) {
  const { error, reply } = await runRequest(instantiate(policy, config), fakeRequestContext({ clientIp }));
  assert.equal(reply, undefined);
  return error;
}

describe('ip-restriction', () => {
  test('allow list: inside passes, outside is denied with GW_IP_DENIED 403 ip_denied', async () => {
    const config = { allow: ['10.0.0.0/8', '2001:db8::/32'] };
    assert.equal(await verdict(config, '10.1.2.3'), undefined);
    assert.equal(await verdict(config, '2001:db8::1'), undefined);
    const err = await verdict(config, '11.0.0.1');
    assert.equal(err?.code, 'GW_IP_DENIED');
    assert.equal(err?.status, 403);
    assert.equal(err?.reason, 'ip_denied');
    assert.equal(err?.detail, undefined, 'the client address is not echoed back');
    assert.equal((await verdict(config, '2001:db9::1'))?.code, 'GW_IP_DENIED');
  });

  test('deny wins over allow', async () => {
    const config = { allow: ['10.0.0.0/8'], deny: ['10.66.0.0/16'] };
    assert.equal(await verdict(config, '10.65.255.255'), undefined);
    assert.equal((await verdict(config, '10.66.0.1'))?.code, 'GW_IP_DENIED');
  });

  test('deny list only: everything else passes', async () => {
    const config = { deny: ['192.0.2.0/24', '::1'] };
    assert.equal(await verdict(config, '192.0.3.1'), undefined);
    assert.equal((await verdict(config, '192.0.2.99'))?.code, 'GW_IP_DENIED');
    assert.equal((await verdict(config, '::1'))?.code, 'GW_IP_DENIED');
    assert.equal((await verdict(config, '0:0:0:0:0:0:0:1'))?.code, 'GW_IP_DENIED', 'long form of ::1');
    assert.equal(await verdict(config, '::2'), undefined);
  });

  test('IPv4-mapped IPv6 client addresses match IPv4 entries (and the reverse)', async () => {
    assert.equal((await verdict({ deny: ['10.0.0.0/8'] }, '::ffff:10.0.0.1'))?.code, 'GW_IP_DENIED');
    assert.equal((await verdict({ deny: ['10.0.0.0/8'] }, '::FFFF:a00:1'))?.code, 'GW_IP_DENIED');
    assert.equal((await verdict({ deny: ['::ffff:10.0.0.0/104'] }, '10.9.9.9'))?.code, 'GW_IP_DENIED');
    assert.equal(await verdict({ allow: ['10.0.0.0/8'] }, '::ffff:10.0.0.1'), undefined);
    assert.equal((await verdict({ allow: ['10.0.0.0/8'] }, '::10.0.0.1'))?.code, 'GW_IP_DENIED');
  });

  test('CIDR edges: /0, /32, /128', async () => {
    assert.equal((await verdict({ deny: ['0.0.0.0/0'] }, '255.255.255.255'))?.code, 'GW_IP_DENIED');
    assert.equal(await verdict({ deny: ['0.0.0.0/0'] }, '2001:db8::1'), undefined);
    assert.equal((await verdict({ deny: ['::/0'] }, '2001:db8::1'))?.code, 'GW_IP_DENIED');
    assert.equal(await verdict({ allow: ['198.51.100.7/32'] }, '198.51.100.7'), undefined);
    assert.equal((await verdict({ allow: ['198.51.100.7/32'] }, '198.51.100.8'))?.code, 'GW_IP_DENIED');
    assert.equal(await verdict({ allow: ['2001:db8::7/128'] }, '2001:db8::7'), undefined);
    assert.equal((await verdict({ allow: ['2001:db8::7/128'] }, '2001:db8::8'))?.code, 'GW_IP_DENIED');
  });

  test('unparseable client addresses fail closed, with either list', async () => {
    for (const ip of ['', 'unknown', '1.2.3.4, 5.6.7.8', '10.0.0.1\r\n', '010.0.0.1', 'x'.repeat(5000)]) {
      assert.equal((await verdict({ deny: ['192.0.2.0/24'] }, ip))?.code, 'GW_IP_DENIED', ip);
      assert.equal((await verdict({ allow: ['0.0.0.0/0', '::/0'] }, ip))?.code, 'GW_IP_DENIED', ip);
    }
  });

  test('status 404 hides the endpoint as GW_NOT_FOUND but keeps reason ip_denied', async () => {
    const err = await verdict({ deny: ['10.0.0.0/8'], status: 404 }, '10.0.0.1');
    assert.equal(err?.code, 'GW_NOT_FOUND');
    assert.equal(err?.status, 404);
    assert.equal(err?.reason, 'ip_denied');
  });

  test('other status overrides keep GW_IP_DENIED', async () => {
    const err = await verdict({ deny: ['10.0.0.0/8'], status: 451 }, '10.0.0.1');
    assert.equal(err?.code, 'GW_IP_DENIED');
    assert.equal(err?.status, 451);
  });

  test('create() refuses bad entries (naming them) and an empty config', () => {
    assert.throws(
      () => instantiate(policy, { allow: ['10.0.0.0/33'] }),
      (e: unknown) => e instanceof TypeError && /allow/.test(e.message) && e.message.includes('10.0.0.0/33'),
    );
    assert.throws(
      () => instantiate(policy, { deny: ['10.0.0.0/8', 'fe80::1%eth0'] }),
      (e: unknown) => e instanceof TypeError && /deny/.test(e.message) && e.message.includes('fe80::1%eth0'),
    );
    assert.throws(() => instantiate(policy, { deny: ['example.com'] }), TypeError);
    assert.throws(() => instantiate(policy, {}), TypeError);
  });

  test('instance is frozen and only has a request hook', () => {
    const instance = instantiate(policy, { deny: ['10.0.0.0/8'] });
    assert.ok(Object.isFrozen(instance));
    assert.deepEqual(Object.keys(instance), ['onRequest']);
  });
});
