/**
 * Audit of issue 6, bot-defense proof of work: a pass earned by solving an easy challenge must not skip the
 * challenge of a route that demands more work (same secret on both routes), and a challenge solved twice with
 * two different counters is still spent once.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { leadingZeroBits, solvePow } from '../../src/bot/pow.ts';
import {
  proxyConfig,
  startGateway,
  startUpstream,
  type TestGateway,
  type TestUpstream,
} from '../helpers/gateway.ts';

const SECRET = 'audit6-bot-defense-secret-0123456789abcdef';

describe('audit6: proof-of-work passes and replays', { timeout: 30_000 }, () => {
  let up: TestUpstream;
  let tg: TestGateway;
  const policy = (difficulty: number) =>
    `bot-defense: { pow: { secret: "${SECRET}", difficulty: ${difficulty} }, thresholds: { tag: 10, challenge: 20, throttle: 900, block: 1000 } }`;
  before(async () => {
    up = await startUpstream();
    tg = await startGateway(`${proxyConfig(up.url).replace(/routes:\n[\s\S]*$/, '')}routes:
  - name: hard
    paths: ["/hard/*"]
    upstream: backend
    policies:
      ${policy(16)}
  - name: api
    paths: ["/*"]
    upstream: backend
    policies:
      ${policy(8)}
`);
  });
  after(async () => {
    await tg?.close();
    await up?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${tg.url}${path}`, { headers: { 'user-agent': 'curl/8.5.0', ...headers } });

  test('a pass earned on an easy route does not skip the challenge of a harder route', async () => {
    const res = await get('/api/a');
    assert.equal(res.status, 429);
    const challenge = res.headers.get('x-gatehouse-pow-challenge')!;
    await res.body?.cancel();
    const ok = await get('/api/a', { 'x-gatehouse-pow': `${challenge}:${solvePow(challenge, 8)}` });
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
    const pass = ok.headers.get('x-gatehouse-pass')!;
    assert.ok(pass);
    const before = up.requests.length;
    // The pass is good where it was earned …
    const again = await get('/api/b', { 'x-gatehouse-pass': pass });
    assert.equal(again.status, 200);
    await again.body?.cancel();
    // … but not on the route that asks for 16 bits of work.
    const hard = await get('/hard/x', { 'x-gatehouse-pass': pass });
    assert.equal(hard.status, 429, 'the easy pass skipped the hard challenge');
    await hard.body?.cancel();
    assert.equal(up.requests.length, before + 1);
  });

  test('a second, different solution of a spent challenge is refused as a replay', async () => {
    const res = await get('/api/c');
    const challenge = res.headers.get('x-gatehouse-pow-challenge')!;
    await res.body?.cancel();
    const first = solvePow(challenge, 8);
    let second = first + 1;
    while (
      leadingZeroBits(
        createHash('sha256')
          .update(challenge + second)
          .digest(),
      ) < 8
    )
      second++;
    const ok = await get('/api/c', { 'x-gatehouse-pow': `${challenge}:${first}` });
    assert.equal(ok.status, 200);
    await ok.body?.cancel();
    for (const counter of [String(second)]) {
      const r = await get('/api/c', { 'x-gatehouse-pow': `${challenge}:${counter}` });
      assert.equal(r.status, 429, counter);
      assert.equal(((await r.json()) as { refused?: string }).refused, 'replayed');
    }
  });
});
