import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deepFreeze, resolveUpstreamSpec, UPSTREAM_DEFAULTS } from './spec.ts';
import type { UpstreamSpecInput } from './types.ts';

const base: UpstreamSpecInput = { name: 'api', targets: [{ url: 'http://127.0.0.1:8080' }] };

function rejects(patch: Record<string, unknown>, message: RegExp): void {
  assert.throws(
    () => resolveUpstreamSpec({ ...base, ...patch } as UpstreamSpecInput),
    (err: unknown) => {
      assert.ok(err instanceof TypeError, 'TypeError');
      assert.match(err.message, message);
      return true;
    },
  );
}

describe('resolveUpstreamSpec', () => {
  test('applies defaults', () => {
    const spec = resolveUpstreamSpec(base);
    assert.deepEqual(spec, {
      name: 'api',
      targets: [{ url: 'http://127.0.0.1:8080', weight: 100 }],
      balancer: 'round-robin',
      connections: 128,
      http2: false,
      keepalive_timeout_ms: 60_000,
      timeouts: { connect_ms: 5000, header_ms: 30_000, body_ms: 30_000 },
    });
    const full = resolveUpstreamSpec({
      ...base,
      health_checks: { active: {}, passive: {} },
      circuit_breaker: {},
      retries: {},
    });
    assert.deepEqual(full.health_checks?.active, { ...UPSTREAM_DEFAULTS.active, expected_statuses: [200] });
    assert.deepEqual(full.health_checks?.passive, UPSTREAM_DEFAULTS.passive);
    assert.deepEqual(full.circuit_breaker, UPSTREAM_DEFAULTS.circuit_breaker);
    assert.deepEqual(full.retries, { ...UPSTREAM_DEFAULTS.retries, statuses: [502, 503, 504] });
  });

  test('accepts a full spec unchanged and normalises origins and header names', () => {
    const spec = resolveUpstreamSpec({
      name: 'full',
      targets: [
        { url: 'HTTPS://Example.COM:443/', weight: 5 },
        { url: 'https://[::1]:8443', weight: 1000 },
      ],
      balancer: 'consistent-hash',
      hash_on: { source: 'header', name: 'X-Tenant' },
      connections: 4,
      keepalive_timeout_ms: 1000,
      timeouts: { connect_ms: 1, header_ms: 2, body_ms: 3 },
      tls: { reject_unauthorized: true, servername: 'api.internal', min_version: 'TLSv1.3' },
    });
    assert.deepEqual(
      spec.targets.map((t) => t.url),
      ['https://example.com', 'https://[::1]:8443'],
    );
    assert.deepEqual(spec.hash_on, { source: 'header', name: 'x-tenant' });
    assert.equal(spec.tls?.min_version, 'TLSv1.3');
  });

  test('names the upstream and the field in every error', () => {
    assert.throws(() => resolveUpstreamSpec({ ...base, name: '' }), /^TypeError: upstream: name/);
    rejects({ targets: [] }, /^upstream "api": targets must be a non-empty array/);
    rejects({ targets: [{ url: 'nope' }] }, /targets\[0\]\.url is not a valid URL/);
    rejects({ targets: [{ url: 'ftp://h' }] }, /targets\[0\]\.url must use http or https/);
    rejects({ targets: [{ url: 'http://u:p@h' }] }, /targets\[0\]\.url must not contain userinfo/);
    rejects({ targets: [{ url: 'http://@h' }] }, /userinfo/);
    rejects({ targets: [{ url: 'http://h/api' }] }, /targets\[0\]\.url must be an origin/);
    rejects({ targets: [{ url: 'http://h/?x=1' }] }, /must be an origin/);
    rejects({ targets: [{ url: 'http://h?' }] }, /must be an origin/);
    rejects({ targets: [{ url: 'http://h#f' }] }, /must be an origin/);
    rejects(
      { targets: [{ url: 'http://h', weight: 0 }] },
      /targets\[0\]\.weight must be an integer from 1 to 1000/,
    );
    rejects({ targets: [{ url: 'http://h', weight: 1.5 }] }, /weight/);
    rejects(
      { targets: [{ url: 'http://h' }, { url: 'http://h:80/' }] },
      /targets\[1\]\.url duplicates http:\/\/h/,
    );
    rejects({ targets: [{ url: 'http://h', extra: 1 }] }, /targets\[0\]\.extra is not a known field/);
    rejects({ balancer: 'random' }, /balancer must be one of/);
    rejects({ balancer: 'consistent-hash' }, /hash_on is required by consistent-hash/);
    rejects({ hash_on: { source: 'ip' } }, /hash_on is only used by consistent-hash/);
    rejects(
      { balancer: 'consistent-hash', hash_on: { source: 'header' } },
      /hash_on\.name must be a valid header name/,
    );
    rejects(
      { balancer: 'consistent-hash', hash_on: { source: 'ip', name: 'x' } },
      /hash_on\.name is only allowed/,
    );
    rejects({ connections: 0 }, /connections must be an integer/);
    rejects({ timeouts: { header_ms: 0 } }, /timeouts\.header_ms/);
    rejects({ timeouts: { connect_ms: '5' } }, /timeouts\.connect_ms/);
    rejects({ tls: {} }, /targets\[0\]\.url must use https because tls is set/);
    rejects({ nope: true }, /spec\.nope is not a known field/);
  });

  test('validates tls, health checks, circuit breaker and retries', () => {
    const https = { targets: [{ url: 'https://h' }] };
    rejects(
      { ...https, tls: { cert: '-----BEGIN CERTIFICATE-----' } },
      /tls\.cert and tls\.key must be set together/,
    );
    rejects({ ...https, tls: { ca: 'not pem' } }, /tls\.ca must be a PEM string/);
    rejects({ ...https, tls: { servername: '10.0.0.1' } }, /tls\.servername must be a DNS name/);
    rejects({ ...https, tls: { servername: 'a b' } }, /tls\.servername/);
    rejects({ ...https, tls: { min_version: 'TLSv1' } }, /tls\.min_version/);
    rejects({ ...https, tls: { reject_unauthorized: 'no' } }, /tls\.reject_unauthorized must be a boolean/);
    rejects({ health_checks: { active: { path: 'health' } } }, /health_checks\.active\.path/);
    rejects({ health_checks: { active: { path: '/a b' } } }, /health_checks\.active\.path/);
    rejects({ health_checks: { active: { interval_ms: 1 } } }, /health_checks\.active\.interval_ms/);
    rejects(
      { health_checks: { active: { expected_statuses: [] } } },
      /expected_statuses must be a non-empty array/,
    );
    rejects({ health_checks: { active: { expected_statuses: [99] } } }, /expected_statuses\[0\]/);
    rejects({ health_checks: { active: { host: 'a\r\nb' } } }, /health_checks\.active\.host/);
    rejects({ health_checks: { passive: { base_ejection_ms: 10, max_ejection_ms: 5 } } }, /max_ejection_ms/);
    rejects({ health_checks: { other: {} } }, /health_checks\.other is not a known field/);
    rejects(
      { circuit_breaker: { failure_ratio: 0 } },
      /circuit_breaker\.failure_ratio must be a number above 0/,
    );
    rejects({ circuit_breaker: { failure_ratio: 1.1 } }, /failure_ratio/);
    rejects({ retries: { attempts: 11 } }, /retries\.attempts/);
    rejects({ retries: { budget_ratio: -0.1 } }, /retries\.budget_ratio/);
    rejects({ retries: { statuses: [600] } }, /retries\.statuses\[0\]/);
  });

  test('deepFreeze freezes nested data', () => {
    const spec = deepFreeze(resolveUpstreamSpec(base));
    assert.throws(() => {
      (spec.targets as Array<{ url: string }>).push({ url: 'x' });
    }, TypeError);
    assert.ok(Object.isFrozen(spec.timeouts));
  });
});
