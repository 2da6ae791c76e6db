import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  adminConfigProblems,
  compileAdminAccess,
  generateAdminToken,
  hashAdminToken,
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
