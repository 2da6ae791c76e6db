import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkTimeZone, PeriodClock } from './period.ts';

const H = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('PeriodClock', () => {
  test('UTC day: midnight to midnight, id YYYY-MM-DD', () => {
    const p = new PeriodClock('day', 'UTC').at(Date.UTC(2026, 10, 28, 13, 5));
    assert.equal(p.id, '2026-11-28');
    assert.equal(iso(p.startMs), '2026-11-28T00:00:00.000Z');
    assert.equal(iso(p.endMs), '2026-11-29T00:00:00.000Z');
  });

  test('UTC month: first to first, id YYYY-MM; leap February; year end', () => {
    const m = new PeriodClock('month', 'UTC');
    const feb = m.at(Date.UTC(2028, 1, 29, 23, 59, 59, 999));
    assert.equal(feb.id, '2028-02');
    assert.equal(iso(feb.startMs), '2028-02-01T00:00:00.000Z');
    assert.equal(iso(feb.endMs), '2028-03-01T00:00:00.000Z');
    const dec = m.at(Date.UTC(2026, 11, 31, 12));
    assert.equal(dec.id, '2026-12');
    assert.equal(iso(dec.endMs), '2027-01-01T00:00:00.000Z');
  });

  test('boundaries are exact to the millisecond', () => {
    const d = new PeriodClock('day', 'Europe/Paris');
    const midnight = Date.UTC(2026, 10, 27, 23); // 2026-11-28 00:00 CET
    assert.equal(d.at(midnight - 1).id, '2026-11-27');
    assert.equal(d.at(midnight).id, '2026-11-28');
    assert.equal(d.at(midnight).startMs, midnight);
  });

  test('America/New_York: the spring-forward day is 23 h, the fall-back day 25 h', () => {
    const d = new PeriodClock('day', 'America/New_York');
    const spring = d.at(Date.UTC(2026, 2, 8, 12));
    assert.equal(spring.id, '2026-03-08');
    assert.equal(iso(spring.startMs), '2026-03-08T05:00:00.000Z');
    assert.equal(iso(spring.endMs), '2026-03-09T04:00:00.000Z');
    assert.equal(spring.endMs - spring.startMs, 23 * H);
    const fall = d.at(Date.UTC(2026, 10, 1, 12));
    assert.equal(fall.id, '2026-11-01');
    assert.equal(fall.endMs - fall.startMs, 25 * H);
    assert.equal(iso(fall.endMs), '2026-11-02T05:00:00.000Z');
  });

  test('Europe/Paris: October 2026 (DST ends inside) runs from 22:00Z to 23:00Z', () => {
    const p = new PeriodClock('month', 'Europe/Paris').at(Date.UTC(2026, 9, 15));
    assert.equal(p.id, '2026-10');
    assert.equal(iso(p.startMs), '2026-09-30T22:00:00.000Z');
    assert.equal(iso(p.endMs), '2026-10-31T23:00:00.000Z');
  });

  test('America/Santiago: where the clock jumps over midnight, the day starts at the jump', () => {
    const d = new PeriodClock('day', 'America/Santiago');
    // 2026-09-06 00:00 -04 does not exist: the clocks go from 23:59:59 to 01:00 -03.
    const p = d.at(Date.UTC(2026, 8, 6, 12));
    assert.equal(p.id, '2026-09-06');
    assert.equal(iso(p.startMs), '2026-09-06T04:00:00.000Z');
    assert.equal(iso(p.endMs), '2026-09-07T03:00:00.000Z');
    assert.equal(p.endMs - p.startMs, 23 * H);
    assert.equal(d.at(p.startMs - 1).id, '2026-09-05');
    // And the autumn day that repeats 23:00-24:00 is 25 h long.
    const autumn = d.at(Date.UTC(2026, 3, 4, 12));
    assert.equal(autumn.id, '2026-04-04');
    assert.equal(autumn.endMs - autumn.startMs, 25 * H);
  });

  test('fractional and far offsets: Asia/Kolkata (+05:30), Pacific/Kiritimati (+14), Pacific/Pago_Pago (-11)', () => {
    const k = new PeriodClock('day', 'Asia/Kolkata').at(Date.UTC(2026, 10, 28, 0));
    assert.equal(k.id, '2026-11-28');
    assert.equal(iso(k.startMs), '2026-11-27T18:30:00.000Z');
    const kir = new PeriodClock('day', 'Pacific/Kiritimati').at(Date.UTC(2026, 10, 28, 10));
    assert.equal(kir.id, '2026-11-29');
    assert.equal(iso(kir.startMs), '2026-11-28T10:00:00.000Z');
    const pago = new PeriodClock('day', 'Pacific/Pago_Pago').at(Date.UTC(2026, 10, 28, 10));
    assert.equal(pago.id, '2026-11-27');
    assert.equal(iso(pago.endMs), '2026-11-28T11:00:00.000Z');
  });

  test('the current period is cached; the next one is computed when it starts', () => {
    const d = new PeriodClock('day', 'UTC');
    const a = d.at(Date.UTC(2026, 0, 1, 1));
    assert.equal(d.at(Date.UTC(2026, 0, 1, 23)), a);
    const b = d.at(Date.UTC(2026, 0, 2));
    assert.notEqual(b, a);
    assert.equal(b.startMs, a.endMs);
  });

  test('property: every instant lies in its period, periods tile time, the local date matches the id', () => {
    const zones = [
      'UTC',
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'America/Santiago',
      'Asia/Tehran',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom('day' as const, 'month' as const),
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (zone, kind, t) => {
          const clock = new PeriodClock(kind, zone);
          const p = clock.at(t);
          assert.ok(p.startMs <= t && t < p.endMs);
          assert.equal(clock.at(p.endMs).startMs, p.endMs);
          assert.equal(new PeriodClock(kind, zone).at(p.startMs - 1).endMs, p.startMs);
          const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, dateStyle: 'short' }).format(t);
          assert.ok(local.startsWith(p.id), `${zone} ${iso(t)}: ${local} vs ${p.id}`);
          const len = p.endMs - p.startMs;
          if (kind === 'day') assert.ok(len >= 22 * H && len <= 26 * H, `day of ${len / H} h`);
          else assert.ok(len >= 27 * 24 * H && len <= 32 * 24 * H);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('unknown time zones and kinds are TypeErrors; names are canonicalised', () => {
    assert.throws(() => new PeriodClock('day', 'Mars/Olympus_Mons'), TypeError);
    assert.throws(() => new PeriodClock('week' as never, 'UTC'), TypeError);
    assert.equal(checkTimeZone('europe/paris'), 'Europe/Paris');
  });
});
