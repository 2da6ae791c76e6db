import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AuditLog, canonicalJson, GENESIS_HASH, toOcsf, verifyAuditLog } from './log.ts';

function freshLog(n: number): { file: string; log: AuditLog } {
  const file = join(mkdtempSync(join(tmpdir(), 'gatehouse-audit-')), 'audit.jsonl');
  let t = Date.parse('2026-01-01T00:00:00Z');
  const log = new AuditLog({ file, clock: () => (t += 1000) });
  for (let i = 0; i < n; i++) {
    log.append({
      actor: `t${i}`,
      role: 'admin',
      action: i % 2 ? 'key.revoke' : 'config.apply',
      target: `key:k${i}`,
      outcome: 'success',
      status: 200,
      sourceIp: '127.0.0.1',
      requestId: `r${i}`,
      before: 'aaaa',
      after: 'bbbb',
    });
  }
  return { file, log };
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

describe('audit log', () => {
  it('chains entries: prev is the previous hash and the log verifies', () => {
    const { file, log } = freshLog(4);
    const ls = lines(file).map((l) => JSON.parse(l) as { prev: string; hash: string; seq: number });
    assert.equal(ls[0]!.prev, GENESIS_HASH);
    for (let i = 1; i < ls.length; i++) assert.equal(ls[i]!.prev, ls[i - 1]!.hash);
    assert.deepEqual(verifyAuditLog(file), { ok: true, entries: 4, head: log.head() });
    assert.equal(log.recent()[0]!.seq, 4);
  });

  it('continues the chain of an existing file after a restart', () => {
    const { file, log } = freshLog(2);
    const again = new AuditLog({ file });
    assert.deepEqual(again.head(), log.head());
    again.append({ actor: 'x', action: 'ban.lift', target: 'ban:1.2.3.4', outcome: 'denied' });
    assert.equal(verifyAuditLog(file).ok, true);
  });

  it('recent() after a restart still lists the earlier entries of the file (a valid chain only)', () => {
    const { file, log } = freshLog(5);
    const again = new AuditLog({ file, recentMax: 3 });
    assert.deepEqual(
      again.recent().map((e) => e.seq),
      [5, 4, 3],
    );
    assert.deepEqual(again.recent()[0], log.recent()[0]);
    const all = new AuditLog({ file });
    assert.deepEqual(
      all.recent().map((e) => e.seq),
      [5, 4, 3, 2, 1],
    );
    // A broken link hides what lies before it from recent() (verify reports it).
    const ls = lines(file);
    writeFileSync(file, `${[ls[0], ls[1]!.replace('"t1"', '"tX"'), ls[2], ls[3], ls[4]].join('\n')}\n`);
    assert.deepEqual(
      new AuditLog({ file }).recent().map((e) => e.seq),
      [5, 4, 3],
    );
  });

  it('detects an edited line (content or re-serialised)', () => {
    const { file } = freshLog(4);
    const ls = lines(file);
    writeFileSync(
      file,
      `${[ls[0], ls[1]!.replace('"outcome":"success"', '"outcome":"failure"'), ls[2], ls[3]].join('\n')}\n`,
    );
    const r = verifyAuditLog(file);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.line, 2);
    const { file: f2 } = freshLog(3);
    const l2 = lines(f2);
    writeFileSync(
      f2,
      `${[l2[0], JSON.stringify(JSON.parse(l2[1]!), null, 0).replace('{', '{ '), l2[2]].join('\n')}\n`,
    );
    const r2 = verifyAuditLog(f2);
    assert.equal(!r2.ok && r2.line, 2);
  });

  it('detects a deleted line, an inserted line and reordered lines', () => {
    const del = freshLog(4);
    const d = lines(del.file);
    writeFileSync(del.file, `${[d[0], d[2], d[3]].join('\n')}\n`);
    const rd = verifyAuditLog(del.file);
    assert.equal(!rd.ok && rd.line, 2);

    const ins = freshLog(3);
    const i = lines(ins.file);
    const forged = JSON.parse(i[1]!) as Record<string, unknown>;
    forged.actor = 'mallory';
    writeFileSync(ins.file, `${[i[0], i[1], canonicalJson(forged), i[2]].join('\n')}\n`);
    const ri = verifyAuditLog(ins.file);
    assert.equal(!ri.ok && ri.line, 3);

    const ord = freshLog(4);
    const o = lines(ord.file);
    writeFileSync(ord.file, `${[o[0], o[2], o[1], o[3]].join('\n')}\n`);
    const ro = verifyAuditLog(ord.file);
    assert.equal(!ro.ok && ro.line, 2);
  });

  it('detects lines cut off the end through the head sidecar', () => {
    const { file } = freshLog(3);
    const ls = lines(file);
    writeFileSync(file, `${[ls[0], ls[1]].join('\n')}\n`);
    const r = verifyAuditLog(file);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.line, 3);
    assert.match(!r.ok ? r.reason : '', /cut off/);
  });

  it('refuses to continue a log cut short behind its head, so a restart cannot hide the cut', () => {
    const { file } = freshLog(3);
    const ls = lines(file);
    writeFileSync(file, `${[ls[0], ls[1]].join('\n')}\n`);
    assert.throws(() => new AuditLog({ file }), /head records entry 3/);
    // Emptied entirely: the same.
    writeFileSync(file, '');
    assert.throws(() => new AuditLog({ file }), /head records entry 3/);
    // The cut is still reported by verify (nothing was appended over it).
    assert.equal(verifyAuditLog(file).ok, false);
  });

  it('a head one entry behind (crash between append and head update) is repaired on open', () => {
    const { file } = freshLog(3);
    const ls = lines(file).map((l) => JSON.parse(l) as { seq: number; hash: string });
    writeFileSync(`${file}.head`, `${JSON.stringify({ seq: 2, hash: ls[1]!.hash })}\n`);
    const again = new AuditLog({ file });
    assert.deepEqual(again.head(), { seq: 3, hash: ls[2]!.hash });
    assert.equal(verifyAuditLog(file).ok, true);
    again.append({ actor: 'x', action: 'ban.lift', target: 'ban:1', outcome: 'success' });
    assert.equal(verifyAuditLog(file).ok, true);
  });

  it('an unreadable head sidecar is reported, not ignored', () => {
    const { file } = freshLog(2);
    writeFileSync(`${file}.head`, 'garbage\n');
    const r = verifyAuditLog(file);
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.reason : '', /head/);
    assert.throws(() => new AuditLog({ file }), /head/);
  });

  it('refuses to continue a log whose last line was tampered with', () => {
    const { file } = freshLog(2);
    const ls = lines(file);
    writeFileSync(file, `${ls[0]}\n${ls[1]!.replace('t1', 'tX')}\n`);
    assert.throws(() => new AuditLog({ file }), /does not match its hash/);
    // A last line too long to read back is refused too, not taken for an empty log.
    writeFileSync(file, `${ls[0]}\n${'x'.repeat(1024 * 1024 + 10)}\n`);
    assert.throws(() => new AuditLog({ file }), /longer than 1 MiB/);
  });

  it('renders an OCSF API Activity event', () => {
    const { log } = freshLog(1);
    const e = log.recent()[0]!;
    const o = toOcsf(e);
    assert.equal(o.class_uid, 6003);
    assert.equal(o.category_uid, 6);
    assert.equal(o.activity_id, 3);
    assert.equal(o.type_uid, 600303);
    assert.equal(o.status_id, 1);
    assert.deepEqual(o.src_endpoint, { ip: '127.0.0.1' });
    assert.deepEqual((o.actor as { user: { uid: string } }).user.uid, 't0');
    assert.equal(o.time, Date.parse(e.time));
    const denied = toOcsf({ ...e, action: 'key.revoke', outcome: 'denied' });
    assert.equal(denied.activity_id, 4);
    assert.equal(denied.status_id, 2);
  });
});
