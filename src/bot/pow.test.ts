import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import { createPow, leadingZeroBits, solvePow } from './pow.ts';

const SECRET = 's'.repeat(32);
const make = (o: Partial<Parameters<typeof createPow>[0]> = {}) =>
  createPow({ secret: SECRET, difficulty: 10, challengeTtlS: 60, passTtlS: 300, maxRemembered: 100, ...o });

/** A counter whose hash has fewer than `bits` leading zero bits (a wrong answer). */
function wrongCounter(challenge: string, bits: number): number {
  for (let c = 0; ; c++) {
    if (
      leadingZeroBits(
        createHash('sha256')
          .update(challenge + c)
          .digest(),
      ) < bits
    )
      return c;
  }
}

describe('proof of work', () => {
  test('leading zero bits', () => {
    assert.equal(leadingZeroBits(Buffer.from([0, 0, 0x80])), 16);
    assert.equal(leadingZeroBits(Buffer.from([0x0f])), 4);
    assert.equal(leadingZeroBits(Buffer.from([0, 0])), 16);
  });

  test('a solved challenge passes once; replay, wrong answers, other IPs and tampering are refused', () => {
    const pow = make();
    const { challenge } = pow.issue('203.0.113.7');
    const counter = solvePow(challenge, 10);
    assert.deepEqual(pow.verify(`${challenge}:${wrongCounter(challenge, 10)}`, '203.0.113.7'), {
      ok: false,
      reason: 'not_solved',
    });
    assert.deepEqual(pow.verify(`${challenge}:${counter}`, '198.51.100.1'), { ok: false, reason: 'bad_mac' });
    const tampered = challenge.replace('.10.', '.11.');
    assert.deepEqual(pow.verify(`${tampered}:${counter}`, '203.0.113.7'), { ok: false, reason: 'bad_mac' });
    assert.deepEqual(pow.verify(`${challenge}:${counter}`, '203.0.113.7'), { ok: true });
    assert.deepEqual(pow.verify(`${challenge}:${counter}`, '203.0.113.7'), { ok: false, reason: 'replayed' });
    for (const junk of [
      '',
      ':',
      'x:1',
      `${challenge}:`,
      `${challenge}:-1`,
      `${challenge}:1e3`,
      'v1.a.b.c.d:1',
    ]) {
      assert.equal(pow.verify(junk, '203.0.113.7').ok, false, junk);
    }
  });

  test('expired challenges and challenges of a lower difficulty are refused', () => {
    let now = 1_000_000_000_000;
    const pow = make({ now: () => now });
    const { challenge } = pow.issue('203.0.113.7');
    const counter = solvePow(challenge, 10);
    now += 61_000;
    assert.deepEqual(pow.verify(`${challenge}:${counter}`, '203.0.113.7'), { ok: false, reason: 'expired' });
    const easy = make({ difficulty: 4 }).issue('203.0.113.7').challenge;
    assert.deepEqual(
      make({ difficulty: 12 }).verify(`${easy}:${solvePow(easy, 4)}`, '203.0.113.7').ok,
      false,
    );
    const hard = make({ difficulty: 12 });
    assert.deepEqual(hard.verify(`${easy}:${solvePow(easy, 4)}`, '203.0.113.7'), {
      ok: false,
      reason: 'too_easy',
    });
  });

  test('the replay memory is bounded and fails closed when full of live challenges', () => {
    const pow = make({ maxRemembered: 2, difficulty: 1 });
    const solve = () => {
      const { challenge } = pow.issue('10.0.0.1');
      return pow.verify(`${challenge}:${solvePow(challenge, 1)}`, '10.0.0.1');
    };
    assert.equal(solve().ok, true);
    assert.equal(solve().ok, true);
    assert.deepEqual(solve(), { ok: false, reason: 'replay_store_full' });
  });

  test('passes: bound to the IP, expire, tamper-proof; off with pass_ttl 0', () => {
    let now = 1_000_000_000_000;
    const pow = make({ now: () => now });
    const p = pow.pass('203.0.113.7');
    assert.ok(pow.checkPass(p, '203.0.113.7'));
    assert.ok(!pow.checkPass(p, '203.0.113.8'));
    assert.ok(
      !pow.checkPass(
        p.replace(/\.(\d+)\./, (_, n) => `.${Number(n) + 1000}.`),
        '203.0.113.7',
      ),
    );
    now += 301_000;
    assert.ok(!pow.checkPass(p, '203.0.113.7'));
    const none = make({ passTtlS: 0 });
    assert.equal(none.pass('1.2.3.4'), '');
    assert.ok(!none.checkPass('', '1.2.3.4'));
  });

  test('bad options throw TypeError', () => {
    assert.throws(() => make({ secret: 'short' }), TypeError);
    assert.throws(() => make({ difficulty: 0 }), TypeError);
    assert.throws(() => make({ difficulty: 33 }), TypeError);
  });
});
