import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  AdminLockout,
  adminConfigProblems,
  compileAdminAccess,
  generateAdminToken,
  hashAdminToken,
  LOCKOUT_BASE_MS,
  LOCKOUT_FAILURES,
  LOCKOUT_MAX_MS,
  LOCKOUT_WINDOW_MS,
  roleAllows,
} from './auth.ts';

describe('admin auth', () => {
  const tokens = [
    { id: 'v', role: 'viewer' as const, hash: hashAdminToken('viewer-token-0123456789') },
    { id: 'a', role: 'admin' as const, token: 'admin-token-from-file-0123' },
  ];

  it('authenticates Bearer tokens by digest, hashed or given as a secret', () => {
    const access = compileAdminAccess({ tokens });
    assert.deepEqual(access.authenticate('Bearer viewer-token-0123456789'), { id: 'v', role: 'viewer' });
    assert.deepEqual(access.authenticate('Bearer admin-token-from-file-0123'), { id: 'a', role: 'admin' });
    for (const bad of [
      undefined,
      '',
      'Bearer',
      'Bearer ',
      'bearer viewer-token-0123456789',
      'Basic dmlld2VyLXRva2Vu',
      'Bearer viewer-token-0123456789x',
      'Bearer viewer-token-012345678',
      'Bearer viewer-token-0123456789 extra',
      `Bearer ${hashAdminToken('viewer-token-0123456789')}`,
    ]) {
      assert.equal(access.authenticate(bad), undefined, String(bad));
    }
    assert.equal(access.list().length, 2);
    assert.equal(JSON.stringify(access.list()).includes('sha256'), false);
  });

  it('revoked ids never authenticate; the generated token only works without configured tokens', () => {
    const g = generateAdminToken();
    assert.match(g, /^gha_[A-Za-z0-9_-]{43}$/);
    const generated = { id: 'generated', role: 'admin' as const, hash: hashAdminToken(g) };
    assert.deepEqual(compileAdminAccess({}, { generated }).authenticate(`Bearer ${g}`), {
      id: 'generated',
      role: 'admin',
    });
    assert.equal(compileAdminAccess({ tokens }, { generated }).authenticate(`Bearer ${g}`), undefined);
    const revoked = compileAdminAccess({ tokens }, { revoked: new Set(['v']) });
    assert.equal(revoked.authenticate('Bearer viewer-token-0123456789'), undefined);
  });

  it('roles nest: viewer < operator < admin', () => {
    assert.equal(roleAllows('admin', 'operator'), true);
    assert.equal(roleAllows('operator', 'operator'), true);
    assert.equal(roleAllows('operator', 'admin'), false);
    assert.equal(roleAllows('viewer', 'operator'), false);
  });

  it('allowlist: empty allows any address, otherwise only listed CIDRs', () => {
    assert.equal(compileAdminAccess({ tokens }).allowed('203.0.113.1'), true);
    const a = compileAdminAccess({ tokens, allow: ['10.0.0.0/8', '::1'] });
    assert.equal(a.allowed('10.2.3.4'), true);
    assert.equal(a.allowed('::1'), true);
    assert.equal(a.allowed('127.0.0.1'), false);
    assert.equal(a.allowed('not-an-ip'), false);
  });

  it('config problems: no token beyond loopback, both/neither of hash and token, duplicates, bad CIDRs', () => {
    assert.deepEqual(adminConfigProblems({ host: '127.0.0.1' }), []);
    assert.deepEqual(adminConfigProblems({ host: '::1' }), []);
    assert.match(adminConfigProblems({ host: '0.0.0.0' })[0]!, /^admin\.tokens: a token is required/);
    assert.deepEqual(adminConfigProblems({ host: '0.0.0.0', enabled: false } as never), []);
    assert.deepEqual(adminConfigProblems({ host: '0.0.0.0', tokens }), []);
    const both = adminConfigProblems({
      tokens: [{ id: 'x', role: 'admin', hash: tokens[0]!.hash, token: 'y'.repeat(16) }],
    });
    assert.match(both[0]!, /^admin\.tokens\[0\]: give exactly one/);
    const dup = adminConfigProblems({ tokens: [tokens[0]!, { ...tokens[0]!, role: 'admin' }] });
    assert.ok(dup.some((m) => m.includes('duplicate admin token id')));
    assert.ok(dup.some((m) => m.includes('configured twice')));
    assert.match(adminConfigProblems({ allow: ['10.0.0.0/40'] })[0]!, /^admin\.allow\[0\]/);
  });
});

describe('admin lockout (brute force)', () => {
  it('locks an address out after LOCKOUT_FAILURES wrong tokens in the window, with doubling durations', () => {
    let now = 1_000_000;
    const lock = new AdminLockout(undefined, () => now);
    for (let i = 1; i < LOCKOUT_FAILURES; i++) assert.equal(lock.fail('203.0.113.5'), 0);
    assert.equal(lock.retryAfterS('203.0.113.5'), 0);
    assert.equal(lock.fail('203.0.113.5'), LOCKOUT_BASE_MS / 1000);
    assert.equal(lock.retryAfterS('203.0.113.5'), LOCKOUT_BASE_MS / 1000);
    assert.equal(lock.retryAfterS('203.0.113.6'), 0, 'other addresses are not affected');
    // A valid token does not end a running lockout.
    lock.succeed('203.0.113.5');
    assert.ok(lock.retryAfterS('203.0.113.5') > 0);
    now += LOCKOUT_BASE_MS;
    assert.equal(lock.retryAfterS('203.0.113.5'), 0);
    for (let i = 1; i < LOCKOUT_FAILURES; i++) lock.fail('203.0.113.5');
    assert.equal(lock.fail('203.0.113.5'), (2 * LOCKOUT_BASE_MS) / 1000, 'the second lockout doubles');
    now += 3 * LOCKOUT_MAX_MS;
    for (let i = 1; i < LOCKOUT_FAILURES; i++) lock.fail('203.0.113.5');
    assert.equal(lock.fail('203.0.113.5'), LOCKOUT_BASE_MS / 1000, 'forgotten after a long quiet period');
  });

  it('failures spread beyond the window do not add up; a success resets the count', () => {
    let now = 0;
    const lock = new AdminLockout(undefined, () => now);
    for (let i = 0; i < 3 * LOCKOUT_FAILURES; i++) {
      now += LOCKOUT_WINDOW_MS / (LOCKOUT_FAILURES - 2);
      assert.equal(lock.fail('198.51.100.1'), 0);
    }
    for (let i = 1; i < LOCKOUT_FAILURES; i++) lock.fail('198.51.100.2');
    lock.succeed('198.51.100.2');
    assert.equal(lock.fail('198.51.100.2'), 0);
  });

  it('a limit of 0 disables the lockout', () => {
    const lock = new AdminLockout(
      () => 0,
      () => 0,
    );
    for (let i = 0; i < 100; i++) assert.equal(lock.fail('192.0.2.9'), 0);
    assert.equal(lock.retryAfterS('192.0.2.9'), 0);
  });

  it('tracks a bounded number of addresses', () => {
    const lock = new AdminLockout(undefined, () => 0);
    for (let i = 0; i < 20_000; i++) lock.fail(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    // Still works for a fresh address (the table evicts the oldest).
    for (let i = 1; i < LOCKOUT_FAILURES; i++) lock.fail('192.0.2.1');
    assert.ok(lock.fail('192.0.2.1') > 0);
  });
});
