import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pino from 'pino';
import { MAX_WEIGHTED_SCHEDULE } from './balancers.ts';
import { hash32 } from './hash.ts';
import type { Target } from './target.ts';
import type { BalancerKind, PickInput, Upstream, UpstreamSpecInput } from './types.ts';
import { createUpstream } from './upstream.ts';

const logger = pino({ level: 'silent' });
const open: Upstream[] = [];
after(() => Promise.all(open.map((u) => u.close())));

/** A deterministic PRNG (mulberry32) so distributions are reproducible. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Clock {
  now: number;
}

function make(
  balancer: BalancerKind,
  weights: number[],
  extra: Partial<UpstreamSpecInput> = {},
  clock: Clock = { now: 1_000_000 },
): Upstream {
  const up = createUpstream(
    {
      name: `test-${balancer}`,
      balancer,
      targets: weights.map((weight, i) => ({ url: `http://127.0.0.1:${10_000 + i}`, weight })),
      ...extra,
    },
    { logger, now: () => clock.now, random: seeded(42) },
  );
  open.push(up);
  return up;
}

const input: PickInput = { clientIp: '192.0.2.1', headers: {} };

function counts(up: Upstream, picks: number, pickInput: PickInput = input): number[] {
  const c = up.targets.map(() => 0);
  for (let i = 0; i < picks; i++) {
    const t = up.pick(pickInput);
    assert.ok(t, 'pick returned a target');
    c[t.index]!++;
  }
  return c;
}

/** Ejects a target through the public API: enough consecutive failures with passive checks on. */
function eject(up: Upstream, t: Target): void {
  const n = up.spec.health_checks?.passive?.consecutive_failures ?? 0;
  assert.ok(n > 0, 'passive health checks configured');
  for (let i = 0; i < n; i++) {
    up.onStart(t);
    up.onEnd(t, { ok: false, latencyMs: 1, kind: 'connect' });
  }
  assert.equal(up.health()[t.index]!.healthy, false);
}

const passive = { health_checks: { passive: { consecutive_failures: 1 } } };

describe('round-robin', () => {
  test('rotates evenly and ignores weights', () => {
    const up = make('round-robin', [100, 500, 1]);
    assert.deepEqual(counts(up, 3000), [1000, 1000, 1000]);
  });

  test('skips unavailable targets and keeps rotating over the rest', () => {
    const up = make('round-robin', [100, 100, 100], passive);
    eject(up, up.targets[1]!);
    assert.deepEqual(counts(up, 1000), [500, 0, 500]);
  });

  test('returns undefined when every target is ejected', () => {
    const up = make('round-robin', [100, 100], passive);
    eject(up, up.targets[0]!);
    eject(up, up.targets[1]!);
    assert.equal(up.pick(input), undefined);
  });
});

describe('weighted (smooth weighted round-robin)', () => {
  test('produces the nginx sequence for 5:1:1', () => {
    const up = make('weighted', [5, 1, 1]);
    const first = up.pick(input)!;
    // Align on the start of the cycle whatever the random offset was.
    const seq = [first.index];
    for (let i = 0; i < 13; i++) seq.push(up.pick(input)!.index);
    const cycle = [0, 0, 1, 0, 2, 0, 0];
    const rotations = cycle.map((_, r) => [...cycle.slice(r), ...cycle.slice(0, r)]);
    assert.ok(
      rotations.some((rot) => seq.join() === [...rot, ...rot].join()),
      `sequence ${seq.join()} is a rotation of ${cycle.join()}`,
    );
  });

  test('honours weight ratios exactly over whole cycles', () => {
    const up = make('weighted', [100, 200, 300, 400]);
    assert.deepEqual(counts(up, 10 * 10_000), [10_000, 20_000, 30_000, 40_000]);
  });

  test('keeps the ratio among the remaining targets when one is ejected', () => {
    const up = make('weighted', [100, 300, 600], passive);
    eject(up, up.targets[2]!);
    const c = counts(up, 40_000);
    assert.equal(c[2], 0);
    const ratio = c[1]! / c[0]!;
    assert.ok(Math.abs(ratio - 3) < 0.05, `ratio ${ratio} ≈ 3`);
  });

  test('falls back to the live algorithm for cycles too long to precompute', () => {
    // Coprime weights make the cycle Σw long: 1000 × 70 targets > MAX_WEIGHTED_SCHEDULE.
    const weights = Array.from({ length: 70 }, (_, i): number => (i === 0 ? 999 : 1000));
    assert.ok(weights.reduce((a, b) => a + b) > MAX_WEIGHTED_SCHEDULE);
    const up = make('weighted', weights);
    const c = counts(up, 69_999);
    assert.equal(c[0], 999);
    for (let i = 1; i < 70; i++) assert.equal(c[i], 1000);
  });
});

describe('least-connections', () => {
  test('picks the target with the fewest requests in flight', () => {
    const up = make('least-connections', [100, 100, 100]);
    const [a, b, c] = up.targets as [Target, Target, Target];
    up.onStart(a);
    up.onStart(a);
    up.onStart(b);
    assert.equal(up.pick(input), c);
    up.onStart(c);
    up.onStart(c);
    assert.equal(up.pick(input), b);
    up.onEnd(a, { ok: true, latencyMs: 1 });
    up.onEnd(a, { ok: true, latencyMs: 1 });
    assert.equal(up.pick(input), a);
  });

  test('compares inflight / weight', () => {
    const up = make('least-connections', [100, 300]);
    const [a, b] = up.targets as [Target, Target];
    up.onStart(a); // 1/100
    up.onStart(b);
    up.onStart(b); // 2/300 < 1/100
    assert.equal(up.pick(input), b);
    up.onStart(b); // 3/300 = 1/100 tie: deadline decides, both still eligible
    up.onStart(b); // 4/300 > 1/100
    assert.equal(up.pick(input), a);
  });

  test('spreads sequential traffic (all idle) in proportion to weights', () => {
    const up = make('least-connections', [100, 200, 100]);
    const c = up.targets.map(() => 0);
    for (let i = 0; i < 4000; i++) {
      const t = up.pick(input)!;
      up.onStart(t);
      up.onEnd(t, { ok: true, latencyMs: 1 });
      c[t.index]!++;
    }
    assert.deepEqual(c, [1000, 2000, 1000]);
  });

  test('balances concurrent load and skips unavailable targets', () => {
    const up = make('least-connections', [100, 100, 100, 100], passive);
    eject(up, up.targets[0]!);
    const started: Target[] = [];
    for (let i = 0; i < 300; i++) {
      const t = up.pick(input)!;
      up.onStart(t);
      started.push(t);
    }
    assert.deepEqual(
      up.targets.map((t) => t.inflight),
      [0, 100, 100, 100],
    );
    for (const t of started) up.onEnd(t, { ok: true, latencyMs: 1 });
    assert.deepEqual(
      up.targets.map((t) => t.inflight),
      [0, 0, 0, 0],
    );
  });
});

describe('ewma (power of two choices)', () => {
  test('sends most traffic to the faster target', () => {
    const clock = { now: 1_000_000 };
    const up = make('ewma', [100, 100, 100], {}, clock);
    const latency = [50, 5, 50];
    const c = up.targets.map(() => 0);
    for (let i = 0; i < 3000; i++) {
      clock.now += 1;
      const t = up.pick(input)!;
      up.onStart(t);
      up.onEnd(t, { ok: true, latencyMs: latency[t.index]! });
      c[t.index]!++;
    }
    assert.ok(c[1]! > 0.6 * 3000, `fast target got ${c[1]} of 3000`);
  });

  test('penalises in-flight requests and decays idle latency', () => {
    const clock = { now: 1_000_000 };
    const up = make('ewma', [100, 100], {}, clock);
    const [a, b] = up.targets as [Target, Target];
    up.onStart(a);
    up.onEnd(a, { ok: true, latencyMs: 1000 });
    up.onStart(b);
    up.onEnd(b, { ok: true, latencyMs: 10 });
    assert.equal(up.pick(input), b);
    // After a long idle period a's cost decays below b's (kept busy).
    clock.now += 120_000;
    up.onStart(b);
    up.onEnd(b, { ok: true, latencyMs: 10 });
    for (let i = 0; i < 20; i++) up.onStart(b);
    assert.ok(a.cost(clock.now) < b.cost(clock.now));
    assert.equal(up.pick(input), a);
  });

  test('a target with requests in flight and no sample yet is avoided', () => {
    const up = make('ewma', [100, 100]);
    const [a, b] = up.targets as [Target, Target];
    up.onStart(b);
    up.onEnd(b, { ok: true, latencyMs: 200 });
    up.onStart(a);
    assert.equal(up.pick(input), b);
  });

  test('transport failures are charged at least the connect timeout', () => {
    const up = make('ewma', [100, 100], { timeouts: { connect_ms: 700 } });
    const [a] = up.targets as [Target, Target];
    up.onStart(a);
    up.onEnd(a, { ok: false, latencyMs: 2, kind: 'connect' });
    assert.equal(a.ewma, 700);
  });

  test('falls back to a scan when both random candidates are unavailable', () => {
    const up = make('ewma', [100, 100, 100, 100], passive);
    for (const i of [0, 1, 2]) eject(up, up.targets[i]!);
    for (let i = 0; i < 50; i++) assert.equal(up.pick(input), up.targets[3]);
  });
});

describe('consistent-hash', () => {
  const keys = Array.from({ length: 10_000 }, (_, i) => `user-${i}`);
  const byHeader = (k: string): PickInput => ({ clientIp: '192.0.2.1', headers: { 'x-user': k } });

  function mapping(up: Upstream): string[] {
    return keys.map((k) => up.pick(byHeader(k))!.origin);
  }

  test('maps a key to the same target every time and spreads keys evenly', () => {
    const up = make('consistent-hash', [100, 100, 100, 100, 100], {
      hash_on: { source: 'header', name: 'X-User' },
    });
    const m1 = mapping(up);
    assert.deepEqual(mapping(up), m1);
    const per = new Map<string, number>();
    for (const o of m1) per.set(o, (per.get(o) ?? 0) + 1);
    assert.equal(per.size, 5);
    for (const [origin, n] of per) assert.ok(n > 1400 && n < 2600, `${origin} got ${n} of 10000`);
  });

  test('removing one of n targets moves only its keys (about 1/n)', () => {
    const hashOn = { source: 'header' as const, name: 'x-user' };
    const five = make('consistent-hash', [100, 100, 100, 100, 100], { hash_on: hashOn });
    const before = mapping(five);
    const removed = five.targets[2]!.origin;
    const four = createUpstream(
      {
        name: 'four',
        balancer: 'consistent-hash',
        hash_on: hashOn,
        targets: five.targets
          .filter((t) => t.origin !== removed)
          .map((t) => ({ url: t.origin, weight: 100 })),
      },
      { logger },
    );
    open.push(four);
    const after = mapping(four);
    let moved = 0;
    for (let i = 0; i < keys.length; i++) {
      if (before[i] === removed) {
        assert.notEqual(after[i], removed);
        moved++;
      } else {
        assert.equal(after[i], before[i], `key ${keys[i]} stayed on its target`);
      }
    }
    assert.ok(moved > 1400 && moved < 2600, `moved ${moved} of 10000 (~1/5)`);
  });

  test('an ejected target loses only its own keys, and gets them back on recovery', () => {
    const clock = { now: 1_000_000 };
    const up = make(
      'consistent-hash',
      [100, 100, 100],
      {
        hash_on: { source: 'header', name: 'x-user' },
        health_checks: { passive: { consecutive_failures: 1 } },
      },
      clock,
    );
    const before = mapping(up);
    const victim = up.targets[0]!;
    eject(up, victim);
    const during = mapping(up);
    for (let i = 0; i < keys.length; i++) {
      if (before[i] !== victim.origin) assert.equal(during[i], before[i]);
      else assert.notEqual(during[i], victim.origin);
    }
    clock.now += 10_001;
    assert.deepEqual(mapping(up), before);
  });

  test('weights scale the share of keys', () => {
    const up = make('consistent-hash', [100, 300], { hash_on: { source: 'ip' } });
    const c = [0, 0];
    for (let i = 0; i < 20_000; i++)
      c[up.pick({ clientIp: `10.0.${i >> 8}.${i & 255}`, headers: {} })!.index]!++;
    const share = c[1]! / 20_000;
    assert.ok(share > 0.68 && share < 0.82, `weight-300 target got ${share}`);
  });

  test('hashes cookies, client IPs and consumer ids', () => {
    const cookie = make('consistent-hash', [100, 100, 100, 100], {
      hash_on: { source: 'cookie', name: 'sid' },
    });
    const viaCookie = cookie.pick({ clientIp: '1.1.1.1', headers: { cookie: 'a=1; sid=abc; b=2' } });
    for (let i = 0; i < 10; i++) {
      assert.equal(
        cookie.pick({ clientIp: `2.2.2.${i}`, headers: { cookie: ['x=y', 'sid="abc"'] } }),
        viaCookie,
      );
    }
    const ip = make('consistent-hash', [100, 100, 100, 100], { hash_on: { source: 'ip' } });
    const viaIp = ip.pick({ clientIp: '203.0.113.9', headers: {} });
    for (let i = 0; i < 10; i++)
      assert.equal(ip.pick({ clientIp: '203.0.113.9', headers: { i: `${i}` } }), viaIp);
    const consumer = make('consistent-hash', [100, 100, 100, 100], { hash_on: { source: 'consumer' } });
    const viaConsumer = consumer.pick({ clientIp: '1.1.1.1', headers: {}, consumerId: 'acme' });
    for (let i = 0; i < 10; i++) {
      assert.equal(consumer.pick({ clientIp: `9.9.9.${i}`, headers: {}, consumerId: 'acme' }), viaConsumer);
    }
  });

  test('falls back to round-robin when the key is missing', () => {
    const up = make('consistent-hash', [100, 100, 100], { hash_on: { source: 'cookie', name: 'sid' } });
    for (const headers of [{}, { cookie: 'other=1' }, { cookie: 'sid=' }]) {
      assert.deepEqual(counts(up, 300, { clientIp: '1.1.1.1', headers }), [100, 100, 100]);
    }
    const byConsumer = make('consistent-hash', [100, 100], { hash_on: { source: 'consumer' } });
    assert.deepEqual(counts(byConsumer, 100), [50, 50]);
  });

  test('the ring key is the origin, so target order does not matter', () => {
    const a = make('consistent-hash', [100, 100, 100], { hash_on: { source: 'ip' } });
    const b = createUpstream(
      {
        name: 'reversed',
        balancer: 'consistent-hash',
        hash_on: { source: 'ip' },
        targets: [...a.targets].reverse().map((t) => ({ url: t.origin, weight: 100 })),
      },
      { logger },
    );
    open.push(b);
    for (let i = 0; i < 500; i++) {
      const ip = `198.51.100.${i % 256}`;
      assert.equal(
        a.pick({ clientIp: ip, headers: {} })!.origin,
        b.pick({ clientIp: ip, headers: {} })!.origin,
      );
    }
    assert.equal(typeof hash32(''), 'number');
  });
});

describe('exclude (retry on another target)', () => {
  test('avoids the excluded target but returns it when it is the only one left', () => {
    for (const kind of ['round-robin', 'weighted', 'least-connections', 'ewma'] as const) {
      const up = make(kind, [100, 100, 100], passive);
      const [a, b, c] = up.targets as [Target, Target, Target];
      for (let i = 0; i < 30; i++) assert.notEqual(up.pick({ ...input, exclude: a }), a, kind);
      eject(up, b);
      eject(up, c);
      assert.equal(up.pick({ ...input, exclude: a }), a, kind);
    }
    const ch = make('consistent-hash', [100, 100, 100], { hash_on: { source: 'ip' } });
    const first = ch.pick(input)!;
    const second = ch.pick({ ...input, exclude: first })!;
    assert.notEqual(second, first);
    assert.equal(ch.pick({ ...input, exclude: first }), second);
  });
});
