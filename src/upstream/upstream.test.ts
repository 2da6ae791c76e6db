import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import pino from 'pino';
import { classifyUpstreamError } from './classify.ts';
import type { Target } from './target.ts';
import type { EndOutcome, PickInput, Upstream, UpstreamSpecInput } from './types.ts';
import { createUpstream } from './upstream.ts';

interface LogLine {
  level: number;
  msg: string;
  [k: string]: unknown;
}

function capture(): { logger: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (s: string) => lines.push(JSON.parse(s) as LogLine) });
  return { logger, lines };
}

const open: Upstream[] = [];
after(() => Promise.all(open.map((u) => u.close())));

function make(
  extra: Partial<UpstreamSpecInput>,
  clock: { now: number },
  onHealthChange?: (target: string, healthy: boolean) => void,
  targets = 2,
) {
  const { logger, lines } = capture();
  const up = createUpstream(
    {
      name: 'svc',
      targets: Array.from({ length: targets }, (_, i) => ({ url: `http://127.0.0.1:${20_000 + i}` })),
      ...extra,
    },
    { logger, now: () => clock.now, ...(onHealthChange ? { onHealthChange } : {}) },
  );
  open.push(up);
  return { up, lines };
}

const input: PickInput = { clientIp: '192.0.2.1', headers: {} };
const fail: EndOutcome = { ok: false, latencyMs: 3, kind: 'connect' };
const okOutcome: EndOutcome = { ok: true, status: 200, latencyMs: 3 };

function attempt(up: Upstream, t: Target, outcome: EndOutcome): void {
  up.onStart(t);
  up.onEnd(t, outcome);
}

describe('passive health (ejection with exponential backoff)', () => {
  const passive = { consecutive_failures: 3, base_ejection_ms: 1000, max_ejection_ms: 3000 };

  test('ejects after consecutive failures, reinstates after the ejection time, doubles up to the max', () => {
    const clock = { now: 100_000 };
    const changes: Array<[string, boolean]> = [];
    const { up, lines } = make({ health_checks: { passive } }, clock, (t, h) => changes.push([t, h]));
    const [a, b] = up.targets as [Target, Target];

    attempt(up, a, fail);
    attempt(up, a, fail);
    assert.equal(up.health()[0]!.healthy, true, 'two failures are not enough');
    attempt(up, a, fail);
    let h = up.health()[0]!;
    assert.equal(h.healthy, false);
    assert.equal(h.ejectedUntil, 101_000);
    assert.deepEqual(changes, [[a.origin, false]]);
    for (let i = 0; i < 10; i++) assert.equal(up.pick(input), b);

    clock.now = 101_000;
    assert.equal(up.health()[0]!.healthy, true, 'reinstated when the ejection ends');
    assert.deepEqual(changes.at(-1), [a.origin, true]);
    assert.equal(up.health()[0]!.ejectedUntil, undefined);

    // Still failing without a success in between: 2 s, then 3 s (capped), then 3 s.
    for (const expected of [2000, 3000, 3000]) {
      for (let i = 0; i < 3; i++) attempt(up, a, fail);
      h = up.health()[0]!;
      assert.equal(h.ejectedUntil, clock.now + expected);
      clock.now += expected;
    }

    // A success resets both the failure count and the backoff.
    attempt(up, a, okOutcome);
    for (let i = 0; i < 3; i++) attempt(up, a, fail);
    assert.equal(up.health()[0]!.ejectedUntil, clock.now + 1000);

    const warn = lines.find((l) => l.msg === 'upstream target unhealthy');
    assert.ok(warn);
    assert.equal(warn.upstream, 'svc');
    assert.equal(warn.target, a.origin);
    assert.match(String(warn.cause), /ejected for 1000 ms after 3 consecutive failures/);
  });

  test('a success between failures resets the count', () => {
    const clock = { now: 0 };
    const { up } = make({ health_checks: { passive } }, clock);
    const a = up.targets[0]!;
    for (let i = 0; i < 10; i++) {
      attempt(up, a, fail);
      attempt(up, a, fail);
      attempt(up, a, okOutcome);
    }
    assert.equal(up.health()[0]!.healthy, true);
  });

  test('failures of requests in flight during the ejection do not extend it', () => {
    const clock = { now: 0 };
    const { up } = make({ health_checks: { passive } }, clock);
    const a = up.targets[0]!;
    for (let i = 0; i < 5; i++) up.onStart(a);
    for (let i = 0; i < 5; i++) up.onEnd(a, fail);
    assert.equal(up.health()[0]!.ejectedUntil, 1000);
    clock.now = 1000;
    for (let i = 0; i < 3; i++) attempt(up, a, fail);
    assert.equal(up.health()[0]!.ejectedUntil, 1000 + 2000, 'second ejection, not a third');
  });

  test('every target may be ejected: pick returns undefined and it is not a circuit problem', () => {
    const clock = { now: 0 };
    const { up } = make({ health_checks: { passive } }, clock);
    for (const t of up.targets) for (let i = 0; i < 3; i++) attempt(up, t, fail);
    assert.equal(up.pick(input), undefined);
    assert.equal(up.circuitOpen(), false);
    clock.now = 1000;
    assert.ok(up.pick(input));
  });

  test('without passive settings failures never eject', () => {
    const clock = { now: 0 };
    const { up } = make({}, clock);
    for (let i = 0; i < 100; i++) attempt(up, up.targets[0]!, fail);
    assert.equal(up.health()[0]!.healthy, true);
  });

  test('the reinstatement is announced by a timer too', async () => {
    let now = Date.now();
    const changes: boolean[] = [];
    const { up } = make(
      { health_checks: { passive: { consecutive_failures: 1, base_ejection_ms: 20 } } },
      {
        get now() {
          return now;
        },
      },
      (_t, h) => changes.push(h),
    );
    attempt(up, up.targets[0]!, fail);
    assert.deepEqual(changes, [false]);
    now += 20;
    await new Promise((r) => setTimeout(r, 60));
    assert.deepEqual(changes, [false, true]);
  });

  test('a throwing onHealthChange listener is logged, not propagated', () => {
    const clock = { now: 0 };
    const { up, lines } = make({ health_checks: { passive: { consecutive_failures: 1 } } }, clock, () => {
      throw new Error('listener bug');
    });
    attempt(up, up.targets[0]!, fail);
    assert.ok(lines.some((l) => l.msg === 'onHealthChange listener threw'));
  });
});

describe('circuit breaker through the upstream', () => {
  const circuit_breaker = {
    failure_ratio: 0.5,
    min_requests: 4,
    window_ms: 10_000,
    open_ms: 5000,
    half_open_requests: 1,
  };

  test('an open circuit removes the target from rotation, then probes it', () => {
    const clock = { now: 0 };
    const { up, lines } = make({ circuit_breaker }, clock);
    const [a, b] = up.targets as [Target, Target];
    for (let i = 0; i < 4; i++) attempt(up, a, { ok: false, status: 503, latencyMs: 1, kind: 'status' });
    assert.equal(up.circuitOpen(a), true);
    assert.equal(up.circuitOpen(b), false);
    assert.equal(up.circuitOpen(), false, 'b still serves');
    assert.deepEqual(
      up.health().map((h) => [h.circuit, h.healthy]),
      [
        ['open', true],
        ['closed', true],
      ],
    );
    for (let i = 0; i < 10; i++) assert.equal(up.pick(input), b);
    assert.ok(lines.some((l) => l.msg === 'upstream circuit opened' && l.target === a.origin));

    clock.now = 5000;
    const picks = new Set<Target>();
    for (let i = 0; i < 4; i++) picks.add(up.pick(input)!);
    assert.ok(picks.has(a), 'half-open target is offered again');
    up.onStart(a); // the single probe
    for (let i = 0; i < 10; i++) assert.equal(up.pick(input), b, 'no second probe');
    assert.equal(up.circuitOpen(a), true);
    up.onEnd(a, okOutcome);
    assert.equal(up.health()[0]!.circuit, 'closed');
  });

  test('circuitOpen() is true when open circuits are the only reason pick fails', () => {
    const clock = { now: 0 };
    const { up } = make({ circuit_breaker }, clock);
    for (const t of up.targets) for (let i = 0; i < 4; i++) attempt(up, t, fail);
    assert.equal(up.pick(input), undefined);
    assert.equal(up.circuitOpen(), true);
  });

  test('a cancelled probe frees the half-open slot and counts for nothing', () => {
    const clock = { now: 0 };
    const { up } = make(
      { circuit_breaker, health_checks: { passive: { consecutive_failures: 1 } } },
      clock,
      undefined,
      1,
    );
    const a = up.targets[0]!;
    for (let i = 0; i < 4; i++) attempt(up, a, { ok: false, latencyMs: 1, kind: 'status', status: 500 });
    clock.now = 1_000_000;
    assert.equal(up.pick(input), a);
    up.onStart(a);
    assert.equal(up.pick(input), undefined);
    up.onEnd(a, { ok: false, latencyMs: 1, kind: 'cancelled' });
    assert.equal(a.inflight, 0);
    assert.equal(up.health()[0]!.healthy, true, 'a cancellation is not a failure');
    assert.equal(up.pick(input), a);
  });
});

describe('retry budget through the upstream', () => {
  test('canRetry() is false when retries are not configured or attempts is 0', () => {
    const clock = { now: 0 };
    assert.equal(make({}, clock).up.canRetry(), false);
    assert.equal(make({ retries: { attempts: 0 } }, clock).up.canRetry(), false);
  });

  test('each attempt deposits, each retry withdraws', () => {
    const clock = { now: 0 };
    const { up } = make({ retries: { budget_ratio: 0.5, min_retries_per_second: 0 } }, clock);
    assert.equal(up.canRetry(), false);
    const t = up.targets[0]!;
    attempt(up, t, okOutcome);
    attempt(up, t, okOutcome);
    assert.equal(up.canRetry(), true);
    attempt(up, t, okOutcome); // the retry's own attempt does not fund another retry
    assert.equal(up.canRetry(), false);
  });
});

describe('bookkeeping and lifecycle', () => {
  test('onStart/onEnd track inflight and never go negative', () => {
    const clock = { now: 0 };
    const { up } = make({}, clock);
    const t = up.targets[0]!;
    up.onStart(t);
    up.onStart(t);
    assert.equal(up.health()[0]!.inflight, 2);
    up.onEnd(t, okOutcome);
    up.onEnd(t, okOutcome);
    up.onEnd(t, okOutcome);
    assert.equal(t.inflight, 0);
  });

  test('rejects unreadable TLS material at creation and freezes the exposed spec', () => {
    const clock = { now: 0 };
    const { logger } = capture();
    assert.throws(
      () =>
        createUpstream(
          {
            name: 'bad-tls',
            targets: [{ url: 'https://127.0.0.1:1' }],
            tls: {
              cert: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
              key: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
            },
          },
          { logger, now: () => clock.now },
        ),
      /^TypeError: upstream "bad-tls": tls is invalid \(ERR_OSSL_/,
    );
    const { up } = make(
      { targets: [{ url: 'https://127.0.0.1:1' }], tls: { reject_unauthorized: true } },
      clock,
    );
    assert.ok(Object.isFrozen(up.spec.tls));
    assert.equal(up.spec.tls?.key, undefined);
  });

  test('warns at creation when certificate verification is disabled', () => {
    const clock = { now: 0 };
    const { lines } = make(
      { targets: [{ url: 'https://127.0.0.1:1' }], tls: { reject_unauthorized: false } },
      clock,
    );
    const warning = lines.find((l) => l.level === 40 && /verification is disabled/.test(l.msg));
    assert.ok(warning, 'warning logged');
    assert.equal(warning.upstream, 'svc');
  });

  test('close() is idempotent and start() after close is a no-op', async () => {
    const clock = { now: 0 };
    const { up } = make({ health_checks: { active: { interval_ms: 50 } } }, clock);
    const p1 = up.close();
    assert.equal(up.close(), p1);
    await p1;
    up.start();
    assert.deepEqual(
      up.health().map((h) => h.healthy),
      [true, true],
    );
  });
});

describe('classifyUpstreamError', () => {
  const err = (code: string, cause?: unknown) => Object.assign(new Error(code), { code, cause });
  test('maps undici and socket errors to onEnd kinds', () => {
    assert.equal(classifyUpstreamError(err('ECONNREFUSED')), 'connect');
    assert.equal(classifyUpstreamError(err('UND_ERR_CONNECT_TIMEOUT')), 'connect');
    assert.equal(classifyUpstreamError(err('UNABLE_TO_VERIFY_LEAF_SIGNATURE')), 'connect');
    assert.equal(classifyUpstreamError(err('ERR_TLS_CERT_ALTNAME_INVALID')), 'connect');
    assert.equal(classifyUpstreamError(err('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED')), 'connect');
    assert.equal(classifyUpstreamError(err('UND_ERR_HEADERS_TIMEOUT')), 'timeout');
    assert.equal(classifyUpstreamError(err('UND_ERR_BODY_TIMEOUT')), 'timeout');
    assert.equal(classifyUpstreamError(err('ECONNRESET')), 'reset');
    assert.equal(classifyUpstreamError(err('UND_ERR_SOCKET', err('ECONNREFUSED'))), 'connect');
    assert.equal(classifyUpstreamError(err('UND_ERR_SOCKET')), 'reset');
    assert.equal(classifyUpstreamError(new Error('plain')), 'reset');
    assert.equal(classifyUpstreamError(undefined), 'reset');
  });
});
