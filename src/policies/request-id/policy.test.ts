import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { fakeRequestContext, instantiate, schemaFixtureSuite, toResponseContext } from '../testing.ts';
import {
  isValidRequestId,
  newSpanId,
  newTraceId,
  parseTraceparent,
  policy,
  type RequestIdState,
} from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TP_RE = /^00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-3]$/;
const VALID_TP = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

function run(config: unknown, headers: Record<string, string | string[]>) {
  const instance = instantiate(policy, config);
  const ctx = fakeRequestContext({ headers, id: 'pipeline-default-id' });
  const result = instance.onRequest!(ctx);
  assert.equal(result, undefined);
  return { instance, ctx, state: ctx.state['request-id'] as RequestIdState | undefined };
}

describe('request-id: the id', () => {
  test('generates a UUID when absent, sets ctx.id, forwards and echoes it', () => {
    const { instance, ctx } = run({}, {});
    assert.match(ctx.id, UUID_RE);
    assert.equal(ctx.upstreamHeaders['x-request-id'], ctx.id);
    const res = toResponseContext(ctx, { responseHeaders: { 'x-request-id': 'upstream-value' } });
    instance.onResponse!(res);
    assert.equal(res.responseHeaders['x-request-id'], ctx.id, 'the upstream cannot override the echoed id');
  });

  test('keeps a well-formed incoming id when trusted', () => {
    for (const id of ['abc', 'A.b_c:d-1', 'x'.repeat(128), '0', '01J9ZK8Q3V6Y7X2W1T0S9R8P7N']) {
      const { ctx } = run({}, { 'x-request-id': id });
      assert.equal(ctx.id, id);
      assert.equal(ctx.upstreamHeaders['x-request-id'], id);
    }
  });

  test('replaces malformed, oversized or duplicated incoming ids', () => {
    const hostile: (string | string[])[] = [
      '',
      'x'.repeat(129),
      'y'.repeat(100_000),
      'a b',
      'abc\r\nset-cookie: x=1',
      'abc\n',
      'abc\u0000',
      'id,other',
      'id1, id2',
      '<script>',
      '../../etc/passwd',
      'caf\u00e9',
      '\u{1F600}',
      '$' + '{jndi:ldap://x}',
      ['a', 'b'],
    ];
    for (const id of hostile) {
      const { ctx } = run({}, { 'x-request-id': id });
      assert.match(ctx.id, UUID_RE, JSON.stringify(id).slice(0, 40));
      assert.equal(ctx.upstreamHeaders['x-request-id'], ctx.id);
    }
  });

  test('trust_incoming false always generates', () => {
    const { ctx } = run({ trust_incoming: false }, { 'x-request-id': 'client-chosen' });
    assert.match(ctx.id, UUID_RE);
    assert.equal(ctx.upstreamHeaders['x-request-id'], ctx.id);
  });

  test('custom header name (any case in config, lower-case on the wire)', () => {
    const { instance, ctx } = run(
      { header: 'X-Correlation-ID' },
      { 'x-correlation-id': 'corr-1', 'x-request-id': 'other' },
    );
    assert.equal(ctx.id, 'corr-1');
    assert.equal(ctx.upstreamHeaders['x-correlation-id'], 'corr-1');
    assert.equal(ctx.upstreamHeaders['x-request-id'], 'other', 'the default header is left alone');
    const res = toResponseContext(ctx, { local: true, status: 403 });
    instance.onResponse!(res);
    assert.equal(res.responseHeaders['x-correlation-id'], 'corr-1');
  });

  test('echo false: no response hook', () => {
    const instance = instantiate(policy, { echo: false });
    assert.equal(instance.onResponse, undefined);
    assert.equal(typeof instance.onRequest, 'function');
    assert.ok(Object.isFrozen(instance));
  });

  test('isValidRequestId matches the documented grammar', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 140 }), (s) => {
        assert.equal(isValidRequestId(s), /^[A-Za-z0-9._:-]{1,128}$/.test(s));
      }),
    );
  });

  test('generated ids are unique', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(run({ trace_context: false }, {}).ctx.id);
    assert.equal(seen.size, 2000);
  });
});

describe('request-id: W3C trace context', () => {
  test('continues a valid traceparent with a new span id, keeps tracestate and flags', () => {
    const { ctx, state } = run(
      {},
      { traceparent: VALID_TP, tracestate: 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7' },
    );
    const tp = ctx.upstreamHeaders.traceparent as string;
    assert.match(tp, TP_RE);
    const [, traceId, spanId, flags] = tp.split('-');
    assert.equal(traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.notEqual(spanId, '00f067aa0ba902b7', 'the gateway hop gets its own span id');
    assert.equal(flags, '01');
    assert.equal(ctx.upstreamHeaders.tracestate, 'congo=t61rcWkgMzE,rojo=00f067aa0ba902b7');
    assert.deepEqual(state, {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      spanId,
      parentSpanId: '00f067aa0ba902b7',
      sampled: true,
    });
  });

  test('starts a new trace when absent and drops tracestate', () => {
    const { ctx, state } = run({}, { tracestate: 'rojo=00f067aa0ba902b7' });
    const tp = ctx.upstreamHeaders.traceparent as string;
    assert.match(tp, TP_RE);
    assert.ok(tp.endsWith('-00'), 'new traces are not sampled by default');
    assert.equal(ctx.upstreamHeaders.tracestate, undefined);
    assert.equal(state?.parentSpanId, undefined);
    assert.equal(state?.sampled, false);
    assert.equal(tp, `00-${state?.traceId}-${state?.spanId}-00`);
  });

  test('replaces hostile or malformed traceparents (and drops tracestate)', () => {
    const bad: (string | string[])[] = [
      '00-00000000000000000000000000000000-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01',
      '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01',
      'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1',
      '00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736x00f067aa0ba902b7-01',
      '0-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      'zz-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g',
      `${VALID_TP}, ${VALID_TP}`,
      `${VALID_TP}\r\n`,
      ` ${VALID_TP}`,
      `01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01${'x'.repeat(10)}`,
      `00-${'a'.repeat(100_000)}`,
      '',
      [VALID_TP, VALID_TP],
    ];
    for (const tp of bad) {
      const { ctx, state } = run({}, { traceparent: tp, tracestate: 'a=b' });
      const out = ctx.upstreamHeaders.traceparent as string;
      assert.match(out, TP_RE);
      assert.notEqual(state?.traceId, '4bf92f3577b34da6a3ce929d0e0e4736', JSON.stringify(tp).slice(0, 60));
      assert.equal(state?.parentSpanId, undefined);
      assert.equal(ctx.upstreamHeaders.tracestate, undefined);
    }
  });

  test('a future version is parsed by its 00 prefix and propagated as version 00', () => {
    const { ctx, state } = run(
      {},
      { traceparent: '01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-03-future' },
    );
    assert.equal(state?.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.match(
      ctx.upstreamHeaders.traceparent as string,
      /^00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-03$/,
    );
  });

  test('unknown flag bits are not propagated', () => {
    const { ctx } = run({}, { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-ff' });
    assert.ok((ctx.upstreamHeaders.traceparent as string).endsWith('-03'));
  });

  test('oversized or non-printable tracestate is dropped even with a valid traceparent', () => {
    for (const ts of ['a=b'.repeat(200), 'a=\u00e9', ['a=b', 'c=d'] as unknown as string]) {
      const { ctx, state } = run({}, { traceparent: VALID_TP, tracestate: ts });
      assert.equal(state?.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
      assert.equal(ctx.upstreamHeaders.tracestate, undefined);
    }
  });

  test('trust_incoming_trace false always starts a new trace', () => {
    const { ctx, state } = run({ trust_incoming_trace: false }, { traceparent: VALID_TP, tracestate: 'a=b' });
    assert.notEqual(state?.traceId, '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(ctx.upstreamHeaders.tracestate, undefined);
  });

  test('sample_new_traces sets the sampled flag on new traces only', () => {
    assert.ok(
      (run({ sample_new_traces: true }, {}).ctx.upstreamHeaders.traceparent as string).endsWith('-01'),
    );
    const continued = run(
      { sample_new_traces: true },
      { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00' },
    );
    assert.ok((continued.ctx.upstreamHeaders.traceparent as string).endsWith('-00'));
  });

  test('trace_context false leaves traceparent alone and stores no state', () => {
    const { ctx, state } = run({ trace_context: false }, { traceparent: 'garbage', tracestate: 'a=b' });
    assert.equal(ctx.upstreamHeaders.traceparent, 'garbage');
    assert.equal(ctx.upstreamHeaders.tracestate, 'a=b');
    assert.equal(state, undefined);
  });

  test('parseTraceparent never accepts what the spec forbids (property)', () => {
    const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-fA-F]{${n}}$`));
    fc.assert(
      fc.property(
        hex(2),
        hex(32),
        hex(16),
        hex(2),
        fc.option(fc.string({ maxLength: 8 })),
        (v, t, p, f, rest) => {
          const s = `${v}-${t}-${p}-${f}${rest ?? ''}`;
          const parsed = parseTraceparent(s);
          const lower = s === s.toLowerCase();
          const ok =
            lower &&
            /^[0-9a-f]{2}$/.test(v) &&
            v !== 'ff' &&
            !/^0+$/.test(t) &&
            !/^0+$/.test(p) &&
            (rest === null || rest === ''
              ? true
              : v !== '00' && rest.startsWith('-') && !/[\r\n\u2028\u2029]/.test(rest));
          assert.equal(parsed !== undefined, ok, s);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('generated trace and span ids are well-formed and distinct', () => {
    const spans = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const s = newSpanId();
      assert.match(s, /^[0-9a-f]{16}$/);
      assert.notEqual(s, '0'.repeat(16));
      spans.add(s);
    }
    assert.equal(spans.size, 5000);
    assert.match(newTraceId(), /^[0-9a-f]{32}$/);
  });
});

describe('request-id: create() refuses unsafe header names', () => {
  const base = {
    trust_incoming: true,
    echo: true,
    trace_context: true,
    trust_incoming_trace: true,
    sample_new_traces: false,
  };
  for (const header of [
    'host',
    'Content-Length',
    'connection',
    'traceparent',
    'tracestate',
    'x id',
    'x-id\r\n',
    '',
  ]) {
    test(JSON.stringify(header), () => {
      assert.throws(() => policy.create({ ...base, header }, undefined as never), TypeError);
    });
  }
});
