/**
 * Redis killed (SIGKILL) in the middle of a load test and restarted: the test-sized version of
 * bench/accuracy/faults.ts. One gateway node (2 workers) guards three routes with a Redis-backed
 * `rate-limit`, one per `on_store_error` mode, all under load at once. Checked: the node does not
 * crash, no request hangs (each answered within the command timeout plus a margin), each mode shows
 * its declared behaviour while Redis is down, and normal answers return within 2 s of Redis
 * accepting connections again.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type FaultReport, runFaults } from '../../bench/accuracy/faults.ts';

/** Answer-time margin above the command timeout, for a loaded CI machine. */
const MARGIN_MS = 1500;
/** Recovery: Redis back → normal answers (the store's reconnect back-off is capped at 2 s). */
const RECOVERY_MS = 2000;

test(
  'redis killed mid-load and restarted: declared failure modes, no hang, recovery within 2 s',
  { timeout: 180_000 },
  async () => {
    const r: FaultReport = await runFaults({
      beforeMs: 1500,
      downMs: 2000,
      afterMs: 3500,
      commandTimeoutMs: 200,
    });
    const detail = (m: FaultReport['modes'][number]) =>
      JSON.stringify({
        mode: m.mode,
        during: m.duringOutage,
        recoveryMs: m.recoveryMs,
        max: m.load.maxLatencyMs,
      });
    assert.ok(r.aliveAfter, 'the node still answers after the run');
    for (const m of r.modes) {
      assert.equal(m.load.errors, 0, `${m.mode}: ${m.load.firstErrors.join('; ')}`);
      assert.ok(
        m.load.maxLatencyMs < r.commandTimeoutMs + MARGIN_MS,
        `${m.mode}: a request hung: ${detail(m)}`,
      );
      assert.ok(m.detectMs !== undefined, `${m.mode}: never degraded: ${detail(m)}`);
      assert.ok(m.recoveryMs <= RECOVERY_MS, `${m.mode}: slow recovery: ${detail(m)}`);
      const degraded = Object.entries(m.duringOutage).filter(([k]) => k.startsWith('degraded'));
      assert.ok(degraded.length > 0, detail(m));
    }
    const [closed, open, fallback] = r.modes;
    assert.ok((closed!.duringOutage['degraded:503'] ?? 0) > 0, `fail-closed answers 503: ${detail(closed!)}`);
    assert.equal(closed!.duringOutage['degraded:200'], undefined, detail(closed!));
    assert.ok(
      (open!.duringOutage['degraded:200'] ?? 0) > 0,
      `fail-open lets requests through: ${detail(open!)}`,
    );
    assert.equal(open!.duringOutage['degraded:503'], undefined, detail(open!));
    assert.ok(
      (fallback!.duringOutage['degraded:200'] ?? 0) > 0,
      `local-fallback serves: ${detail(fallback!)}`,
    );
    assert.ok(
      (fallback!.duringOutage['degraded:429'] ?? 0) > 0,
      `local-fallback limits at the scaled limit (10/s per worker table): ${detail(fallback!)}`,
    );
    // Two worker tables of 10/s each (each starting with a full bucket of 10) bound what the node admitted.
    const bound = 2 * (10 + 10 * fallback!.degradedSpanS) + 2;
    assert.ok(
      fallback!.degradedAdmitted <= bound,
      `${fallback!.degradedAdmitted} > ${bound}: ${detail(fallback!)}`,
    );
  },
);
