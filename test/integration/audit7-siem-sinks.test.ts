/**
 * Issue 7 audit, SIEM sinks: the syslog-over-TLS receiver going down and coming back (no loss within
 * the queue bound; beyond it, delivered + dropped = emitted and the drop counter says so), and masking
 * of every secret kind (email, Luhn card number, JWT / bearer token, API key, password) in the file
 * sink, in ECS and CEF. The other sinks' outages and masking are in siem-sinks.test.ts.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type net from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import tls from 'node:tls';
import pino from 'pino';
import { Registry } from 'prom-client';
import { createEventBus, type EventBus } from '../../src/events/bus.ts';
import { generateApiKey } from '../../src/identity/keys.ts';

const logger = pino({ level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'gh-audit7-siem-'));
let cert = '';
let key = '';

const API_KEY = generateApiKey().key;
const JWT =
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZUBleGFtcGxlLmNvbSJ9.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const CARDS = ['4111 1111 1111 1111', '5500-0000-0000-0004', '378282246310005'];
const SECRETS = ['alice@example.com', ...CARDS, JWT, API_KEY, 'hunter2', 'zzzBearerSecretzzz'];

function emitDirty(bus: EventBus, n: number, tag: string): void {
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      bus.emit('authentication_failure', {
        'event.reason': `bad password for alice@example.com (${tag}${i})`,
        'client.ip': '203.0.113.9',
        'http.request.id': `${tag}${i}`,
        'gatehouse.route': 'orders',
        'gatehouse.auth.credential_id': API_KEY,
        token: JWT,
      });
    } else {
      bus.emit('waf_block', {
        request_id: `${tag}${i}`,
        route: 'api',
        decision: 'block',
        family: 'sqli',
        matches: [
          { id: 942100, data: `card=${CARDS[i % 3]}&password=hunter2` },
          { id: 1, data: `Authorization: Bearer zzzBearerSecretzzz ${JWT}` },
        ],
      });
    }
  }
}

function assertMasked(raw: string, where: string): void {
  for (const s of SECRETS) assert.equal(raw.includes(s), false, `${where} leaked ${s}`);
  assert.match(raw, /MASKED/, `${where} shows masking`);
}

const until = async (cond: () => boolean, ms: number, what: string): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** RFC 6587 octet-counted frames. */
class OctetParser {
  #buf = Buffer.alloc(0);
  readonly messages: string[] = [];
  errors = 0;
  push(chunk: Buffer): void {
    this.#buf = Buffer.concat([this.#buf, chunk]);
    for (;;) {
      const sp = this.#buf.indexOf(0x20);
      if (sp < 0) return;
      const lenText = this.#buf.subarray(0, sp).toString('ascii');
      if (!/^[1-9][0-9]{0,8}$/.test(lenText)) {
        this.errors++;
        this.#buf = Buffer.alloc(0);
        return;
      }
      const len = Number(lenText);
      if (this.#buf.length < sp + 1 + len) return;
      this.messages.push(this.#buf.subarray(sp + 1, sp + 1 + len).toString('utf8'));
      this.#buf = this.#buf.subarray(sp + 1 + len);
    }
  }
}

/** A TLS syslog receiver that can stop and start again on the same port; one parser per connection. */
async function tlsReceiver() {
  const messages: string[] = [];
  let errors = 0;
  const sockets = new Set<net.Socket>();
  let server: tls.Server | undefined;
  let port = 0;
  const start = async (): Promise<void> => {
    server = tls.createServer({ cert, key }, (s) => {
      sockets.add(s);
      const p = new OctetParser();
      s.on('data', (c: Buffer) => {
        const before = p.messages.length;
        p.push(c);
        messages.push(...p.messages.slice(before));
        errors += p.errors;
        p.errors = 0;
      });
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server?.once('error', reject);
      server?.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  };
  await start();
  return {
    get port() {
      return port;
    },
    messages,
    errors: () => errors,
    start,
    async stop() {
      const s = server;
      server = undefined;
      for (const c of sockets) c.destroy();
      await new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));
    },
  };
}

const fast = {
  flush_interval_ms: 10,
  retry: { base_ms: 20, max_ms: 100, max_attempts: 0 },
  timeout_ms: 2000,
};

describe('issue 7 audit: SIEM sinks', { timeout: 60_000 }, () => {
  before(() => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        'server.key',
        '-out',
        'server.pem',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
      ],
      { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 },
    );
    cert = readFileSync(join(dir, 'server.pem'), 'utf8');
    key = readFileSync(join(dir, 'server.key'), 'utf8');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('syslog over TLS, receiver down and back: no loss within the bound, the rest counted as dropped', async () => {
    const rx = await tlsReceiver();
    const registry = new Registry();
    const bus = createEventBus(
      {
        sinks: [
          {
            type: 'syslog',
            name: 'tls-flaky',
            transport: 'tls',
            host: '127.0.0.1',
            port: rx.port,
            tls: { ca: join(dir, 'server.pem') },
            format: 'ecs',
            queue_size: 50,
            ...fast,
          },
        ],
      },
      { logger, metrics: registry },
    );
    const sink = () => bus.stats().sinks[0]!;
    try {
      emitDirty(bus, 10, 'before');
      await until(() => rx.messages.length === 10, 10_000, 'first 10');
      await rx.stop();
      await new Promise((r) => setTimeout(r, 100)); // the client sees the connection go
      emitDirty(bus, 30, 'outage');
      await until(() => sink().failures >= 1, 10_000, 'a failed attempt');
      await rx.start();
      await until(() => rx.messages.length === 40, 10_000, 'all 40 after recovery');
      assert.equal(sink().dropped, 0, 'no loss within the queue bound');
      const ids = rx.messages.map((m) => /(before|outage)\d+/.exec(m)?.[0]);
      assert.equal(new Set(ids).size, 40, 'each event exactly once');

      await rx.stop();
      await new Promise((r) => setTimeout(r, 100));
      emitDirty(bus, 120, 'flood');
      await until(() => sink().dropped > 0, 10_000, 'drops');
      await rx.start();
      await until(() => rx.messages.length - 40 + sink().dropped === 120, 10_000, 'the queue drained');
      assert.equal(sink().queued, 0);
      assert.equal(rx.messages.length - 40, 120 - sink().dropped);
      assert.ok(rx.messages.length - 40 >= 50, 'at least the queue bound arrived');
      assert.match(
        await registry.metrics(),
        new RegExp(
          `gatehouse_security_events_dropped_total\\{sink="tls-flaky",reason="queue_full"\\} ${sink().dropped}`,
        ),
      );
      assert.equal(rx.errors(), 0);
      for (const m of rx.messages) assert.match(m, /^<\d+>1 \S+ \S+ gatehouse \d+ \S+ - \{/);
      assertMasked(rx.messages.join('\n'), 'syslog/tls');
    } finally {
      await bus.close();
      await rx.stop();
    }
  });

  test('file sink masks every secret kind, in ECS and in CEF', async () => {
    const ecs = join(dir, 'security.jsonl');
    const cef = join(dir, 'security.cef');
    const bus = createEventBus(
      {
        sinks: [
          { type: 'file', name: 'ecs', path: ecs, format: 'ecs', flush_interval_ms: 10 },
          { type: 'file', name: 'cef', path: cef, format: 'cef', flush_interval_ms: 10 },
        ],
      },
      { logger },
    );
    emitDirty(bus, 12, 'f');
    await bus.close();
    const ecsText = readFileSync(ecs, 'utf8');
    const cefText = readFileSync(cef, 'utf8');
    assert.equal(ecsText.trim().split('\n').length, 12);
    assert.equal(cefText.trim().split('\n').length, 12);
    assertMasked(ecsText, 'file/ecs');
    assertMasked(cefText, 'file/cef');
    // Card numbers keep their last four digits only.
    assert.match(ecsText, /1111/);
    assert.ok(!/4111[ -]?1111/.test(ecsText + cefText));
  });
});
