import assert from 'node:assert/strict';
import { BlockList, isIP } from 'node:net';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { compileCidrSet, normalizeIp, parseIp } from './ip.ts';

const v4Arb = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.'));
const v6GroupsArb = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 });

/** Renders 8 groups in a random (but valid) textual style: padding, case, compression. */
function renderV6(groups: number[], pad: boolean, upper: boolean, compressAt: number): string {
  let parts = groups.map((g) => {
    let s = g.toString(16);
    if (pad) s = s.padStart(4, '0');
    return upper ? s.toUpperCase() : s;
  });
  if (compressAt >= 0 && groups[compressAt] === 0) {
    let end = compressAt;
    while (end < 8 && groups[end] === 0) end++;
    const head = parts.slice(0, compressAt).join(':');
    const tail = parts.slice(end).join(':');
    return `${head}::${tail}`;
  }
  parts = parts.slice();
  return parts.join(':');
}

describe('parseIp', () => {
  test('parses IPv4 and IPv6 into bytes', () => {
    assert.deepEqual(parseIp('10.0.0.1'), { version: 4, bytes: Uint8Array.of(10, 0, 0, 1) });
    assert.deepEqual(parseIp('255.255.255.255')?.bytes, Uint8Array.of(255, 255, 255, 255));
    const v6 = parseIp('2001:db8::1');
    assert.equal(v6?.version, 6);
    assert.deepEqual(v6?.bytes, Uint8Array.of(0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));
    assert.deepEqual(parseIp('::')?.bytes, new Uint8Array(16));
    assert.equal(parseIp('::ffff:1.2.3.4')?.version, 6, 'mapped stays v6 in parseIp');
    assert.deepEqual(parseIp('[::1]')?.bytes, parseIp('::1')?.bytes);
    assert.deepEqual(parseIp('fe80::1%eth0')?.bytes, parseIp('fe80::1')?.bytes);
  });

  test('rejects malformed and ambiguous input', () => {
    const bad = [
      '',
      ' 1.2.3.4',
      '1.2.3.4 ',
      '1.2.3',
      '1.2.3.4.5',
      '01.2.3.4',
      '1.2.3.04',
      '256.1.1.1',
      '1.2.3.-1',
      '0x7f.0.0.1',
      '127.1',
      '1..2.3',
      '1.2.3.4/32',
      ':',
      ':::',
      '1:2:3:4:5:6:7:8:9',
      '1::2::3',
      '12345::',
      '1:2:3:4:5:6:7:8::',
      '1:',
      ':1',
      '1:2:3:4:5:6:7:1.2.3.4',
      '::1.2.3',
      '::ffff:01.2.3.4',
      '::g',
      '[::1',
      '::1]',
      'fe80::1%',
      'fe80::1%a b',
      '1.2.3.4%eth0',
      `${'1:'.repeat(40)}1`,
      'a'.repeat(10_000),
    ];
    for (const s of bad) assert.equal(parseIp(s), undefined, s);
    assert.equal(parseIp(42 as unknown as string), undefined);
  });

  test('agrees with node:net isIP on random IPv4 and IPv6 text', () => {
    fc.assert(
      fc.property(v4Arb, (s) => {
        const p = parseIp(s);
        assert.equal(p?.version, 4);
        assert.equal([...p!.bytes].join('.'), s);
      }),
    );
    fc.assert(
      fc.property(
        v6GroupsArb,
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: -1, max: 7 }),
        (g, pad, up, at) => {
          const text = renderV6(g, pad, up, at);
          assert.equal(isIP(text), 6, text);
          const p = parseIp(text);
          assert.equal(p?.version, 6, text);
          const back: number[] = [];
          for (let i = 0; i < 8; i++) back.push(p!.bytes[i * 2]! * 256 + p!.bytes[i * 2 + 1]!);
          assert.deepEqual(back, g);
        },
      ),
    );
  });

  test('random junk is accepted only when node:net also accepts it', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.%[]x '.split('')) }), (s) => {
        if (parseIp(s) !== undefined && !s.startsWith('[')) assert.notEqual(isIP(s), 0, s);
      }),
      { numRuns: 20000 },
    );
  });
});

describe('normalizeIp', () => {
  test('canonical forms', () => {
    assert.equal(normalizeIp('::FFFF:1.2.3.4'), '1.2.3.4');
    assert.equal(normalizeIp('::ffff:7f00:1'), '127.0.0.1');
    assert.equal(normalizeIp('[2001:DB8:0:0:0:0:0:1%en0]'), '2001:db8::1');
    assert.equal(normalizeIp('2001:0db8:0000:0000:0001:0000:0000:0001'), '2001:db8::1:0:0:1');
    assert.equal(normalizeIp('1:0:2:3:4:5:6:7'), '1:0:2:3:4:5:6:7', 'a single zero group is not compressed');
    assert.equal(normalizeIp('0:0:0:0:0:0:0:0'), '::');
    assert.equal(normalizeIp('::1'), '::1');
    assert.equal(normalizeIp('1::'), '1::');
    assert.equal(normalizeIp('::1.2.3.4'), '::102:304', 'IPv4-compatible is not IPv4-mapped');
    assert.equal(normalizeIp('10.0.0.1'), '10.0.0.1');
    assert.equal(normalizeIp('not-an-ip'), undefined);
    assert.equal(normalizeIp('[10.0.0.1]'), undefined);
  });

  test('matches the WHATWG URL serialiser for any non-mapped IPv6', () => {
    fc.assert(
      fc.property(
        v6GroupsArb,
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: -1, max: 7 }),
        (g, pad, up, at) => {
          fc.pre(!(g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff));
          const text = renderV6(g, pad, up, at);
          assert.equal(`[${normalizeIp(text)}]`, new URL(`http://[${text}]/`).hostname);
        },
      ),
    );
  });
});

function oracle(list: string[]): BlockList {
  const bl = new BlockList();
  for (const e of list) {
    const [a, p] = e.split('/');
    const type = a!.includes(':') ? 'ipv6' : 'ipv4';
    if (p === undefined) bl.addAddress(a!, type);
    else bl.addSubnet(a!, Number(p), type);
  }
  return bl;
}

describe('compileCidrSet', () => {
  test('single addresses and CIDR edges /0 /32 /128', () => {
    const set = compileCidrSet(['192.0.2.7', '198.51.100.0/24', '2001:db8::/32', '::1/128']);
    assert.equal(set.size, 4);
    assert.ok(set.contains('192.0.2.7'));
    assert.ok(!set.contains('192.0.2.6'));
    assert.ok(!set.contains('192.0.2.8'));
    assert.ok(set.contains('198.51.100.0'));
    assert.ok(set.contains('198.51.100.255'));
    assert.ok(!set.contains('198.51.101.0'));
    assert.ok(!set.contains('198.51.99.255'));
    assert.ok(set.contains('2001:db8:ffff:ffff:ffff:ffff:ffff:ffff'));
    assert.ok(!set.contains('2001:db9::'));
    assert.ok(set.contains('::1'));
    assert.ok(set.contains('[::1]'));
    assert.ok(!set.contains('::2'));
    assert.ok(!set.contains('::'));

    const one = compileCidrSet(['10.9.8.7/32']);
    assert.ok(one.contains('10.9.8.7'));
    assert.ok(!one.contains('10.9.8.6'));

    const all4 = compileCidrSet(['0.0.0.0/0']);
    assert.ok(all4.contains('0.0.0.0'));
    assert.ok(all4.contains('255.255.255.255'));
    assert.ok(all4.contains('::ffff:8.8.8.8'));
    assert.ok(!all4.contains('::1'), 'IPv4 /0 does not cover native IPv6');

    const all6 = compileCidrSet(['::/0']);
    assert.ok(all6.contains('::'));
    assert.ok(all6.contains('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'));
    assert.ok(all6.contains('8.8.8.8'), '::/0 includes the IPv4-mapped block');
  });

  test('IPv4-mapped addresses match on both sides', () => {
    const v4rules = compileCidrSet(['10.0.0.0/8']);
    assert.ok(v4rules.contains('::ffff:10.1.2.3'));
    assert.ok(v4rules.contains('::FFFF:a01:203'));
    assert.ok(v4rules.contains('[::ffff:10.1.2.3]'));
    assert.ok(!v4rules.contains('::ffff:11.1.2.3'));
    assert.ok(!v4rules.contains('::10.1.2.3'), 'IPv4-compatible is a different address');

    const v6rules = compileCidrSet(['::ffff:10.0.0.0/104', '::ffff:192.0.2.1']);
    assert.ok(v6rules.contains('10.200.0.1'));
    assert.ok(v6rules.contains('::ffff:10.200.0.1'));
    assert.ok(v6rules.contains('192.0.2.1'));
    assert.ok(!v6rules.contains('192.0.2.2'));
    assert.ok(!v6rules.contains('11.0.0.1'));

    const wide = compileCidrSet(['::ffff:0:0/96']);
    assert.ok(wide.contains('1.2.3.4'));
    assert.ok(!wide.contains('::1'));
  });

  test('host bits are masked, overlaps merged, zone ids ignored on lookup', () => {
    const set = compileCidrSet(['10.1.2.3/8', '10.0.0.0/16', '11.0.0.0/8', 'fe80::1/10']);
    assert.ok(set.contains('10.255.255.255'));
    assert.ok(set.contains('11.255.0.0'));
    assert.ok(!set.contains('12.0.0.0'));
    assert.ok(!set.contains('9.255.255.255'));
    assert.ok(set.contains('fe80::abcd%eth0'));
    assert.ok(!set.contains('fec0::1'));
  });

  test('invalid lookups are never contained', () => {
    const set = compileCidrSet(['0.0.0.0/0', '::/0']);
    for (const s of ['', 'localhost', '1.2.3.4:80', '01.2.3.4', '1.2.3.4\r\n', '::ffff:1.2.3.4.5']) {
      assert.equal(set.contains(s), false, s);
    }
    assert.equal(set.contains(undefined as unknown as string), false);
    assert.equal(compileCidrSet([]).contains('1.2.3.4'), false);
  });

  test('throws a TypeError naming the bad entry', () => {
    const bad = [
      '10.0.0.0/33',
      '::/129',
      '10.0.0.0/',
      '/8',
      '10.0.0.0/08',
      '10.0.0.0/8/8',
      '10.0.0.0/-1',
      '10.0.0.0/ 8',
      'fe80::1%eth0',
      '[::1]',
      ' 10.0.0.1',
      '10.0.0.256',
      '',
      'example.com',
    ];
    for (const entry of bad) {
      assert.throws(
        () => compileCidrSet(['10.0.0.0/8', entry]),
        (err: unknown) => err instanceof TypeError && err.message.includes(JSON.stringify(entry)),
        entry,
      );
    }
    assert.throws(() => compileCidrSet([42 as unknown as string]), TypeError);
    assert.throws(() => compileCidrSet('10.0.0.0/8' as unknown as string[]), TypeError);
  });

  test('agrees with node:net BlockList on random IPv4 sets', () => {
    const cidr4 = fc.tuple(v4Arb, fc.option(fc.integer({ min: 0, max: 32 }), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(cidr4, { maxLength: 12 }), fc.array(v4Arb, { maxLength: 20 }), (rules, probes) => {
        const list = rules.map(([a, p]) => (p === undefined ? a : `${a}/${p}`));
        const mine = compileCidrSet(list);
        const bl = oracle(list);
        for (const ip of [...probes, ...rules.map(([a]) => a)]) {
          assert.equal(mine.contains(ip), bl.check(ip, 'ipv4'), `${ip} in ${list.join(',')}`);
          assert.equal(mine.contains(`::ffff:${ip}`), bl.check(ip, 'ipv4'));
        }
      }),
      { numRuns: 300 },
    );
  });

  test('agrees with node:net BlockList on random IPv6 sets', () => {
    const v6 = v6GroupsArb.map((g) => renderV6(g, false, false, -1));
    // Bias addresses into a small space so that rules and probes overlap.
    const near = fc
      .tuple(fc.constantFrom('2001:db8', 'fe80:0', '0:0'), fc.nat(3), fc.nat(0xffff))
      .map(([p, a, b]) => `${p}:${a}::${b.toString(16)}`);
    const addr = fc.oneof(v6, near);
    const cidr6 = fc.tuple(addr, fc.option(fc.integer({ min: 0, max: 128 }), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(cidr6, { maxLength: 10 }), fc.array(addr, { maxLength: 20 }), (rules, probes) => {
        const list = rules.map(([a, p]) => (p === undefined ? a : `${a}/${p}`));
        const mine = compileCidrSet(list);
        const bl = oracle(list);
        for (const ip of [...probes, ...rules.map(([a]) => a)]) {
          assert.equal(mine.contains(ip), bl.check(ip, 'ipv6'), `${ip} in ${list.join(',')}`);
        }
      }),
      { numRuns: 300 },
    );
  });
});
