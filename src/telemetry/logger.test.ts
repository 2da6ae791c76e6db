import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { GatewayError } from '../errors/gateway-error.ts';
import {
  buildSecretScrubber,
  closeLogger,
  createLogger,
  ECS_VERSION,
  REDACTED,
  serializeError,
} from './logger.ts';

type Line = Record<string, unknown>;

/** A destination stream that keeps every written line, parsed. */
function capture(): { stream: { write(s: string): void }; lines: Line[]; raw: string[] } {
  const lines: Line[] = [];
  const raw: string[] = [];
  return {
    lines,
    raw,
    stream: {
      write(s: string) {
        raw.push(s);
        lines.push(JSON.parse(s) as Line);
      },
    },
  };
}

function dig(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const tmp = mkdtempSync(join(tmpdir(), 'gatehouse-logger-'));
after(() => rmSync(tmp, { recursive: true, force: true }));
const loggerUrl = new URL('./logger.ts', import.meta.url).href;

describe('createLogger: ECS shape', () => {
  it('writes ECS base fields, ISO @timestamp, string log.level and message, without pid/hostname', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', stream: out.stream });
    logger.info({ a: 1 }, 'hello');
    logger.debug('not written at info');
    assert.equal(out.lines.length, 1);
    const line = out.lines[0]!;
    assert.equal(line['log.level'], 'info');
    assert.equal(line['ecs.version'], ECS_VERSION);
    assert.equal(dig(line, 'service.name'), 'gatehouse');
    assert.equal(line.message, 'hello');
    assert.equal(line.a, 1);
    assert.match(String(line['@timestamp']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    for (const noisy of ['pid', 'hostname', 'time', 'level', 'msg', 'process', 'host']) {
      assert.equal(noisy in line, false, `${noisy} should be absent`);
    }
  });

  it('adds process.pid and host.hostname only when asked', () => {
    const out = capture();
    createLogger({ level: 'info', stream: out.stream, processFields: true }).info('x');
    assert.equal(dig(out.lines[0], 'process.pid'), process.pid);
    assert.equal(typeof dig(out.lines[0], 'host.hostname'), 'string');
  });

  it('serializes errors to ECS error.* with the cause chain in stack_trace', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', stream: out.stream });
    const inner = new TypeError('inner detail');
    logger.error(new GatewayError('GW_INTERNAL', { cause: inner }));
    const line = out.lines[0]!;
    assert.equal(dig(line, 'error.type'), 'GatewayError');
    assert.equal(dig(line, 'error.code'), 'GW_INTERNAL');
    assert.equal(line.message, 'Internal gateway error');
    assert.match(String(dig(line, 'error.stack_trace')), /Caused by: TypeError: inner detail/);
  });

  it('leaves non-Error values under error untouched', () => {
    assert.deepEqual(serializeError({ code: 'GW_X' }), { code: 'GW_X' });
    const s = serializeError(new Error('top', { cause: 'a string' })) as Record<string, string>;
    assert.match(s.stack_trace!, /Caused by: a string/);
  });

  it('rejects bad options with TypeError at construction', () => {
    assert.throws(() => createLogger({ level: 'loud' }), TypeError);
    assert.throws(
      () => createLogger({ level: 'info', stream: capture().stream, redactPaths: ['a..b['] }),
      TypeError,
    );
    assert.throws(
      () => createLogger({ level: 'info', destination: join(tmp, 'missing-dir', 'x.log') }),
      TypeError,
    );
    assert.throws(() => createLogger({ level: 'info', destination: '' }), TypeError);
  });
});

describe('createLogger: redaction', () => {
  it('redacts credential headers by path, request and response', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', stream: out.stream });
    logger.info({
      http: {
        request: {
          headers: {
            authorization: 'Bearer abc',
            cookie: 'sid=1',
            'x-api-key': 'k-123',
            'proxy-authorization': 'Basic Zm9v',
            accept: 'text/html',
          },
        },
        response: { headers: { 'set-cookie': ['a=1', 'b=2'], 'content-type': 'text/html' } },
      },
    });
    const line = out.lines[0]!;
    for (const h of ['authorization', 'cookie', 'x-api-key', 'proxy-authorization']) {
      assert.equal(dig(line, `http.request.headers.${h}`), REDACTED, h);
    }
    assert.equal(dig(line, 'http.request.headers.accept'), 'text/html');
    assert.equal(dig(line, 'http.response.headers.set-cookie'), REDACTED);
    assert.equal(dig(line, 'http.response.headers.content-type'), 'text/html');
    for (const secret of ['abc', 'sid=1', 'k-123', 'Zm9v', 'a=1'])
      assert.equal(out.raw[0]!.includes(secret), false);
  });

  it('redacts header names case-insensitively, configured extra headers, and child bindings', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', stream: out.stream, redactHeaders: ['X-Tenant-Key'] });
    const request = { headers: { Authorization: 'Basic abc', 'x-tenant-key': 'tk', accept: '*/*' } };
    const obj = { http: { request } };
    logger.info(obj);
    assert.equal(dig(out.lines[0], 'http.request.headers.Authorization'), REDACTED);
    assert.equal(dig(out.lines[0], 'http.request.headers.x-tenant-key'), REDACTED);
    assert.equal(dig(out.lines[0], 'http.request.headers.accept'), '*/*');
    assert.equal(request.headers.Authorization, 'Basic abc', 'the caller object is not mutated');
    logger
      .child({ a: 1 })
      .child({ http: { response: { headers: { 'set-cookie': 'sid=9' } } } })
      .info('child');
    assert.equal(dig(out.lines[1], 'http.response.headers.set-cookie'), REDACTED);
    assert.equal(out.raw[1]!.includes('sid=9'), false);
  });

  it('redacts configured extra paths', () => {
    const out = capture();
    const logger = createLogger({
      level: 'info',
      stream: out.stream,
      redactPaths: ['tenant.token', 'http.request.headers["x-tenant-key"]'],
    });
    logger.info({
      tenant: { token: 't0k', id: 'a' },
      http: { request: { headers: { 'x-tenant-key': 'v' } } },
    });
    assert.equal(dig(out.lines[0], 'tenant.token'), REDACTED);
    assert.equal(dig(out.lines[0], 'tenant.id'), 'a');
    assert.equal(dig(out.lines[0], 'http.request.headers.x-tenant-key'), REDACTED);
  });

  it('replaces configured secret values anywhere in the line', () => {
    const out = capture();
    const secret = 'sk_live_9f8e7d6c5b4a';
    const logger = createLogger({ level: 'info', stream: out.stream, secrets: [secret] });
    logger.info({ upstream: { note: `auth=${secret}` }, list: [secret] }, `connecting with ${secret} now`);
    const line = out.lines[0]!;
    assert.equal(line.message, `connecting with ${REDACTED} now`);
    assert.equal(dig(line, 'upstream.note'), `auth=${REDACTED}`);
    assert.deepEqual(line.list, [REDACTED]);
    assert.equal(out.raw[0]!.includes(secret), false);
  });

  it('catches JSON-escaped, double-escaped and percent-encoded forms and keeps the line valid JSON', () => {
    const out = capture();
    const secret = 'p"a\\ss w/rd+1';
    const logger = createLogger({
      level: 'info',
      stream: out.stream,
      secrets: new Set([secret, 'other-secret']),
    });
    logger.info(
      { body: JSON.stringify({ password: secret }), query: `pw=${encodeURIComponent(secret)}` },
      secret,
    );
    const line = out.lines[0]!; // parses: still valid JSON
    assert.equal(line.message, REDACTED);
    assert.equal(line.body, `{"password":"${REDACTED}"}`);
    assert.equal(line.query, `pw=${REDACTED}`);
    assert.equal(out.raw[0]!.includes('a\\\\ss'), false);
  });

  it('skips secrets too short to redact by value and says so without revealing them', () => {
    const out = capture();
    const logger = createLogger({ level: 'info', stream: out.stream, secrets: ['abc', ''] });
    assert.equal(out.lines.length, 1);
    assert.equal(dig(out.lines[0], 'gatehouse.secrets_not_value_redacted'), 1);
    assert.equal(out.raw[0]!.includes('abc'), false);
    logger.info('abcdef');
    assert.equal(out.lines[1]!.message, 'abcdef');
  });

  it('installs no scrubber when there are no secrets', () => {
    assert.equal(buildSecretScrubber(undefined), undefined);
    assert.equal(buildSecretScrubber([]), undefined);
    const one = buildSecretScrubber(['s3cret!']);
    assert.ok(one);
    assert.equal(one.scrub('x s3cret! y s3cret!'), `x ${REDACTED} y ${REDACTED}`);
    assert.equal(one.scrub('nothing here'), 'nothing here');
  });
});

describe('createLogger: destinations', () => {
  it('writes asynchronously to a file and flushes on closeLogger', async () => {
    const file = join(tmp, 'async.log');
    const logger = createLogger({ level: 'info', destination: file, secrets: ['hunter2-secret'] });
    logger.info('first hunter2-secret');
    logger.info('second');
    await closeLogger(logger);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    assert.deepEqual(
      lines.map((l) => l.message),
      [`first ${REDACTED}`, 'second'],
    );
  });

  it('writes synchronously when sync is true', async () => {
    const file = join(tmp, 'sync.log');
    const logger = createLogger({ level: 'info', destination: file, sync: true });
    logger.info('now');
    assert.match(readFileSync(file, 'utf8'), /"message":"now"/);
    await closeLogger(logger);
  });

  it('flushes periodically so quiet periods do not hold lines back', async () => {
    const file = join(tmp, 'periodic.log');
    const logger = createLogger({ level: 'info', destination: file, flushIntervalMs: 20 });
    logger.info('lonely line');
    const deadline = Date.now() + 3000;
    while (!readFileSync(file, 'utf8').includes('lonely line') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.match(readFileSync(file, 'utf8'), /"message":"lonely line"/);
    await closeLogger(logger);
  });

  it('drops whole lines instead of buffering without bound, and says so on stderr', () => {
    const file = join(tmp, 'bounded.log');
    const script = `
      import { createLogger } from ${JSON.stringify(loggerUrl)};
      const logger = createLogger({ level: 'info', destination: ${JSON.stringify(file)}, maxBufferBytes: 65536 });
      const pad = 'x'.repeat(1000);
      for (let i = 0; i < 2000; i++) logger.info({ i, pad });
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 10_000 });
    assert.equal(r.status, 0, String(r.stderr));
    assert.match(String(r.stderr), /log lines dropped/);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    assert.ok(lines.length > 0 && lines.length < 2000, `${lines.length} lines`);
    for (const line of lines) assert.equal((JSON.parse(line) as Line).pad, 'x'.repeat(1000));
  });

  it('rejects bad destination limits before opening anything', () => {
    const file = join(tmp, 'never.log');
    assert.throws(() => createLogger({ level: 'info', destination: file, maxBufferBytes: 10 }), TypeError);
    assert.throws(() => createLogger({ level: 'info', destination: file, flushIntervalMs: 0 }), TypeError);
    assert.throws(() => readFileSync(file), { code: 'ENOENT' });
  });

  it('flushes buffered lines on process exit', () => {
    const file = join(tmp, 'exit.log');
    const script = `
      import { createLogger } from ${JSON.stringify(loggerUrl)};
      const logger = createLogger({ level: 'info', destination: ${JSON.stringify(file)} });
      logger.info('before exit');
      process.exit(0);
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 10_000 });
    assert.equal(r.status, 0, String(r.stderr));
    assert.match(readFileSync(file, 'utf8'), /"message":"before exit"/);
  });

  it('flushes buffered lines when a worker thread exits', () => {
    const file = join(tmp, 'worker-exit.log');
    const worker = `
      import { createLogger } from ${JSON.stringify(loggerUrl)};
      const logger = createLogger({ level: 'info', destination: ${JSON.stringify(file)} });
      logger.info('from worker');
      process.exit(0);
    `;
    const script = `
      import { Worker } from 'node:worker_threads';
      const w = new Worker(new URL('data:text/javascript,' + encodeURIComponent(${JSON.stringify(worker)})));
      w.on('exit', (code) => process.exit(code));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 10_000 });
    assert.equal(r.status, 0, String(r.stderr));
    assert.match(readFileSync(file, 'utf8'), /"message":"from worker"/);
  });
});
