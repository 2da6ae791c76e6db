import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { attachQuotaPersistence, readSnapshot, threadFile } from './persist.ts';
import { asyncStore, type TestClock, testStore } from './test-support.ts';

const root = mkdtempSync(join(tmpdir(), 'gatehouse-quota-persist-'));
after(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A fresh directory and snapshot path per test. */
function fresh(): { dir: string; path: string } {
  const dir = join(root, `t${++n}`);
  return { dir, path: join(dir, 'state', 'quota.json') };
}

/** A logger that records what it was told. */
function recorder() {
  const lines: { level: string; msg: string; obj: object }[] = [];
  const rec = (level: string) => (obj: object, msg: string) => lines.push({ level, msg, obj });
  return { lines, logger: { info: rec('info'), warn: rec('warn'), error: rec('error') } };
}

const T0 = Date.UTC(2026, 10, 28, 12);
const DAY = 86_400_000;

describe('quota persistence (local store)', () => {
  test('a snapshot written at release is restored into a fresh store (a restart), 0600 in a 0700 directory', () => {
    const { path } = fresh();
    const clock: TestClock = { now: T0 };
    const before = testStore(clock);
    const opts = {
      path,
      intervalMs: 60_000,
      maxKeys: 100,
      logger: pino({ level: 'silent' }),
      clock: () => clock.now,
    };
    const p = attachQuotaPersistence(before, opts);
    before.incr('quota:global:2026-11-28:c:alice', 7, DAY);
    p.track('quota:global:2026-11-28:c:alice', T0 + DAY);
    before.incr('quota:global:2026-11-28:c:bob', 2, DAY);
    p.track('quota:global:2026-11-28:c:bob', T0 + DAY);
    p.release();
    assert.equal(p.file, path, 'the main thread writes the path itself');
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.equal(statSync(join(path, '..')).mode & 0o777, 0o700);
    assert.deepEqual(
      readSnapshot(path).sort((a, b) => a[0].localeCompare(b[0])),
      [
        ['quota:global:2026-11-28:c:alice', 7, T0 + DAY],
        ['quota:global:2026-11-28:c:bob', 2, T0 + DAY],
      ],
    );

    clock.now += 1000;
    const after = testStore(clock);
    const q = attachQuotaPersistence(after, opts);
    assert.equal(after.count('quota:global:2026-11-28:c:alice'), 7);
    assert.equal(after.count('quota:global:2026-11-28:c:bob'), 2);
    // The restored counters keep their original end of life.
    clock.now = T0 + DAY;
    assert.equal(after.count('quota:global:2026-11-28:c:alice'), 0);
    q.release();
  });

  test('restore happens once per process: a second attach (reload, another worker) does not add again', () => {
    const { path } = fresh();
    const clock: TestClock = { now: T0 };
    const logger = pino({ level: 'silent' });
    const opts = { path, intervalMs: 60_000, maxKeys: 100, logger, clock: () => clock.now };
    const s1 = testStore(clock);
    const p1 = attachQuotaPersistence(s1, opts);
    s1.incr('quota:b:2026-11-28:c:a', 5, DAY);
    p1.track('quota:b:2026-11-28:c:a', T0 + DAY);
    p1.release();

    const s2 = testStore(clock);
    const a = attachQuotaPersistence(s2, opts);
    const b = attachQuotaPersistence(s2, opts);
    assert.equal(s2.count('quota:b:2026-11-28:c:a'), 5);
    a.release();
    b.release();
    // Even after every handle was released (config reloads), a new one does not restore again.
    const c = attachQuotaPersistence(s2, opts);
    assert.equal(s2.count('quota:b:2026-11-28:c:a'), 5);
    c.release();
    // …and the keys restored are still written (the key set outlives the handles).
    assert.deepEqual(readSnapshot(path), [['quota:b:2026-11-28:c:a', 5, T0 + DAY]]);
  });

  test('while another thread restores, restored() is a promise that settles once it is done', async () => {
    const { path } = fresh();
    const clock: TestClock = { now: T0 };
    const s = testStore(clock);
    const abs = resolve(path);
    // Another thread won the restore and has not finished.
    s.markIfAbsent(`quota:restoring:${abs}`, DAY);
    const p = attachQuotaPersistence(s, {
      path,
      intervalMs: 60_000,
      maxKeys: 10,
      logger: pino({ level: 'silent' }),
      clock: () => clock.now,
    });
    const pending = p.restored();
    assert.ok(pending instanceof Promise);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await sleep(20);
    assert.equal(settled, false, 'still waiting');
    s.mark(`quota:restored:${abs}`, DAY);
    await pending;
    assert.equal(p.restored(), undefined, 'done: no more waiting');
    p.release();
    // The thread that restores itself never waits.
    const { path: other } = fresh();
    const q = attachQuotaPersistence(testStore(clock), {
      path: other,
      intervalMs: 60_000,
      maxKeys: 10,
      logger: pino({ level: 'silent' }),
    });
    assert.equal(q.restored(), undefined);
    q.release();
  });

  test('files of several threads are merged (largest value per key) and folded into one', () => {
    const { dir, path } = fresh();
    const clock: TestClock = { now: T0 };
    const logger = pino({ level: 'silent' });
    const s = testStore(clock);
    const p = attachQuotaPersistence(s, {
      path,
      intervalMs: 60_000,
      maxKeys: 100,
      logger,
      clock: () => clock.now,
    });
    p.release();
    const snap = (counters: [string, number, number][]) =>
      JSON.stringify({ v: 1, written_at: new Date(T0).toISOString(), counters });
    writeFileSync(threadFile(path, 1), snap([['quota:x:2026-11-28:c:a', 10, T0 + DAY]]), { mode: 0o600 });
    writeFileSync(
      threadFile(path, 2),
      snap([
        ['quota:x:2026-11-28:c:a', 12, T0 + DAY],
        ['quota:x:2026-11-28:c:b', 3, T0 + DAY],
        ['quota:x:2026-11-27:c:a', 99, T0 - 1], // a period that is over
      ]),
      { mode: 0o600 },
    );
    writeFileSync(join(dir, 'state', 'quota.json.unrelated'), 'not ours');

    const restarted = testStore(clock);
    const q = attachQuotaPersistence(restarted, {
      path,
      intervalMs: 60_000,
      maxKeys: 100,
      logger,
      clock: () => clock.now,
    });
    assert.equal(restarted.count('quota:x:2026-11-28:c:a'), 12);
    assert.equal(restarted.count('quota:x:2026-11-28:c:b'), 3);
    assert.equal(restarted.count('quota:x:2026-11-27:c:a'), 0);
    assert.deepEqual(readdirSync(join(dir, 'state')).sort(), ['quota.json', 'quota.json.unrelated']);
    assert.equal(readSnapshot(path).length, 2);
    q.release();
  });

  test('a snapshot holding anything but quota counters is refused whole and set aside', () => {
    const { path } = fresh();
    const clock: TestClock = { now: T0 };
    const { lines, logger } = recorder();
    const s0 = testStore(clock);
    attachQuotaPersistence(s0, {
      path,
      intervalMs: 60_000,
      maxKeys: 10,
      logger,
      clock: () => clock.now,
    }).release();
    writeFileSync(
      path,
      JSON.stringify({
        v: 1,
        written_at: '',
        counters: [
          ['quota:g:2026-11-28:c:a', 4, T0 + DAY],
          ['bf:f:ip:10.0.0.1', 1000, T0 + DAY],
        ],
      }),
    );
    const s = testStore(clock);
    attachQuotaPersistence(s, {
      path,
      intervalMs: 60_000,
      maxKeys: 10,
      logger,
      clock: () => clock.now,
    }).release();
    assert.equal(s.count('bf:f:ip:10.0.0.1'), 0, 'a snapshot cannot touch other policies’ state');
    assert.equal(s.count('quota:g:2026-11-28:c:a'), 0);
    assert.ok(existsSync(`${path}.corrupt`));
    assert.ok(lines.some((l) => l.level === 'error' && /unreadable usage snapshot/.test(l.msg)));

    for (const bad of ['{', 'null', '{"v":2,"counters":[]}', '{"v":1,"counters":[["quota:a",-1,1]]}']) {
      writeFileSync(path, bad);
      assert.throws(() => readSnapshot(path));
    }
  });

  test('snapshots are written every interval while counts change', async () => {
    const { path } = fresh();
    const s = testStore({ now: Date.now() });
    const p = attachQuotaPersistence(s, {
      path,
      intervalMs: 100,
      maxKeys: 10,
      logger: pino({ level: 'silent' }),
    });
    try {
      const exp = Date.now() + DAY;
      s.incr('quota:g:d:c:a', 3, DAY);
      p.track('quota:g:d:c:a', exp);
      const deadline = Date.now() + 3000;
      while (!existsSync(path) || readSnapshot(path)[0]?.[1] !== 3) {
        assert.ok(Date.now() < deadline, 'a snapshot within 3 s');
        await sleep(25);
      }
      s.incr('quota:g:d:c:a', 1, DAY);
      p.track('quota:g:d:c:a', exp);
      while (readSnapshot(path)[0]?.[1] !== 4) {
        assert.ok(Date.now() < deadline, 'the next snapshot within 3 s');
        await sleep(25);
      }
      const st = statSync(path);
      assert.equal(st.mode & 0o777, 0o600);
      assert.match(readFileSync(path, 'utf8'), /^\{"v":1,/);
    } finally {
      p.release();
    }
  });

  test('at most maxKeys keys are tracked (warned once); expired ones make room', () => {
    const { path } = fresh();
    const clock: TestClock = { now: T0 };
    const { lines, logger } = recorder();
    const s = testStore(clock);
    const p = attachQuotaPersistence(s, {
      path,
      intervalMs: 60_000,
      maxKeys: 2,
      logger,
      clock: () => clock.now,
    });
    for (const k of ['a', 'b', 'c', 'd']) {
      s.incr(`quota:g:d:${k}`, 1, 1000);
      p.track(`quota:g:d:${k}`, T0 + 1000);
    }
    assert.equal(lines.filter((l) => l.level === 'warn').length, 1);
    p.flush();
    assert.deepEqual(
      readSnapshot(path).map((e) => e[0]),
      ['quota:g:d:a', 'quota:g:d:b'],
    );
    clock.now += 1000;
    s.incr('quota:g:e:x', 1, 1000);
    p.track('quota:g:e:x', clock.now + 1000);
    p.flush();
    assert.deepEqual(
      readSnapshot(path).map((e) => e[0]),
      ['quota:g:e:x'],
    );
    p.release();
  });

  test('only for the local store; the interval is checked', () => {
    const { path } = fresh();
    const logger = pino({ level: 'silent' });
    assert.throws(
      () =>
        attachQuotaPersistence(asyncStore(testStore({ now: T0 })), {
          path,
          intervalMs: 1000,
          maxKeys: 1,
          logger,
        }),
      TypeError,
    );
    assert.throws(
      () => attachQuotaPersistence(testStore({ now: T0 }), { path, intervalMs: 5, maxKeys: 1, logger }),
      TypeError,
    );
  });

  test('a write failure is logged, not thrown', () => {
    const { lines, logger } = recorder();
    // The parent of the snapshot is a file: mkdir and the write fail.
    const blocker = join(root, 'blocker');
    writeFileSync(blocker, 'x');
    const p = attachQuotaPersistence(testStore({ now: T0 }), {
      path: join(blocker, 'quota.json'),
      intervalMs: 60_000,
      maxKeys: 1,
      logger,
    });
    p.flush();
    p.release();
    assert.ok(lines.some((l) => l.level === 'error' && /could not write/.test(l.msg)));
  });
});
