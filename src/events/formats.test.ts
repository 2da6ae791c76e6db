import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { normalise } from './event.ts';
import {
  cefHeader,
  cefValue,
  formatEvent,
  formatLine,
  ocsfClass,
  PRODUCT_VERSION,
  toCef,
  toEcs,
  toOcsf,
} from './formats.ts';
import { compileMasker } from './mask.ts';
import { octetFrame, otlpLogRecord, syslogMessage } from './sinks.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON documents, asserted field by field
type Json = any;

const T = Date.UTC(2026, 10, 28, 12, 0, 0, 123);
const auth = normalise(
  'authentication_failure',
  {
    'event.reason': 'expired',
    'client.ip': '203.0.113.9',
    'http.request.id': 'r-1',
    'gatehouse.route': 'orders',
    'gatehouse.auth.method': 'jwt-auth',
  },
  T,
);
const waf = normalise(
  'waf_block',
  { request_id: 'r-2', route: 'api', decision: 'block', family: 'sqli', method: 'post', status: 403 },
  T,
);
const anomaly = normalise(
  'anomaly_detected',
  { 'event.reason': 'error_ratio_spike', 'gatehouse.route': 'api' },
  T,
);

describe('ECS', () => {
  test('nested ECS document with the normalised fields', () => {
    const d = toEcs(auth) as Json;
    assert.equal(d['@timestamp'], '2026-11-28T12:00:00.123Z');
    assert.equal(d.ecs.version, '8.11.0');
    assert.deepEqual(d.event.category, ['authentication']);
    assert.equal(d.event.action, 'authentication_failure');
    assert.equal(d.event.reason, 'expired');
    assert.equal(d.event.outcome, 'failure');
    assert.equal(d.event.kind, 'alert');
    assert.equal(d.client.ip, '203.0.113.9');
    assert.equal(d.source.ip, '203.0.113.9');
    assert.equal(d.http.request.id, 'r-1');
    assert.equal(d.gatehouse.route, 'orders');
    assert.deepEqual((toEcs(waf) as Json).event.type, ['denied']);
  });
});

describe('OCSF', () => {
  test('class by category', () => {
    assert.equal(ocsfClass('authentication'), 3002);
    assert.equal(ocsfClass('waf'), 4002);
    assert.equal(ocsfClass('rate_limit'), 4002);
    assert.equal(ocsfClass('anomaly'), 6003);
    assert.equal(ocsfClass('config'), 6003);
  });

  test('Authentication 3002: Logon failure with user, src_endpoint and metadata', () => {
    const o = toOcsf(auth) as Json;
    assert.equal(o.class_uid, 3002);
    assert.equal(o.category_uid, 3);
    assert.equal(o.activity_id, 1);
    assert.equal(o.type_uid, 300201);
    assert.equal(o.severity_id, 3);
    assert.equal(o.status_id, 2);
    assert.equal(o.time, T);
    assert.equal(o.src_endpoint.ip, '203.0.113.9');
    assert.ok(o.user);
    assert.equal(o.metadata.product.name, 'Gatehouse');
    assert.equal(o.metadata.product.vendor_name, 'Gatehouse');
    assert.equal(o.metadata.product.version, PRODUCT_VERSION);
    assert.equal(o.metadata.version, '1.3.0');
    assert.equal(o.http_request.uid, 'r-1');
  });

  test('HTTP Activity 4002: method → activity, type_uid = class*100+activity, blocked disposition', () => {
    const o = toOcsf(waf) as Json;
    assert.equal(o.class_uid, 4002);
    assert.equal(o.category_uid, 4);
    assert.equal(o.activity_id, 6);
    assert.equal(o.type_uid, 400206);
    assert.equal(o.severity_id, 4);
    assert.equal(o.disposition_id, 2);
    assert.equal(o.action_id, 2);
    assert.equal(o.http_request.http_method, 'POST');
    assert.equal(o.http_response.code, 403);
    const detect = toOcsf(normalise('waf_detect', { decision: 'would-block', route: 'api' })) as Json;
    assert.equal(detect.activity_id, 99);
    assert.equal(detect.type_uid, 400299);
    assert.equal(detect.disposition_id, 15);
  });

  test('API Activity 6003 for anomalies', () => {
    const o = toOcsf(anomaly) as Json;
    assert.equal(o.class_uid, 6003);
    assert.equal(o.category_uid, 6);
    assert.equal(o.type_uid, 600399);
    assert.equal(o.api.operation, 'anomaly_detected');
    assert.ok(o.actor);
  });
});

describe('CEF', () => {
  test('header and extension escaping', () => {
    assert.equal(cefHeader('a|b\\c\nd'), 'a\\|b\\\\c d');
    assert.equal(cefValue('a=b\\c|d\r\ne'), 'a\\=b\\\\c|d\\r\\ne');
  });

  test('one line, 7 unescaped header pipes, hostile values cannot inject fields or lines', () => {
    const ev = normalise('waf_block', {
      route: 'api|x=1\nCEF:0|evil',
      'event.reason': 'a=b src=6.6.6.6',
      request_id: 'r\\1',
    });
    const line = toCef(ev);
    assert.equal(line.includes('\n'), false);
    assert.equal(line.includes('\r'), false);
    // The header is the first 7 unescaped pipes; the extension may contain raw pipes (CEF spec).
    const header: string[] = [];
    let rest = line;
    for (let i = 0; i < 7; i++) {
      const m = /(?<!\\)\|/.exec(rest);
      assert.ok(m);
      header.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + 1);
    }
    header.push(rest);
    assert.deepEqual(header.slice(0, 7), [
      'CEF:0',
      'Gatehouse',
      'Gatehouse',
      PRODUCT_VERSION,
      'waf_block',
      'waf_block: a=b src=6.6.6.6',
      '8',
    ]);
    const ext = header[7] ?? '';
    // Every unescaped '=' starts a key: exactly our keys, no injected `src`.
    const keys = [...ext.matchAll(/(?:^| )([A-Za-z0-9]+)=(?<!\\=)/g)].map((m) => m[1]);
    assert.equal(keys.includes('src'), false);
    assert.match(ext, /reason=a\\=b src\\=6\.6\.6\.6/);
    assert.match(ext, /cs1=api\|x\\=1\\nCEF:0\|evil/);
    assert.match(ext, /cs3=r\\\\1/);
  });

  test('formatLine gives JSON for JSON formats and the CEF line for cef', () => {
    assert.equal(JSON.parse(formatLine(waf, 'json')).type, 'waf_block');
    assert.equal(JSON.parse(formatLine(waf, 'ocsf')).class_uid, 4002);
    assert.ok(formatLine(waf, 'cef').startsWith('CEF:0|'));
    assert.equal(typeof formatEvent(waf, 'ecs'), 'object');
  });
});

describe('syslog and OTLP encodings', () => {
  test('RFC 5424 header and RFC 6587 octet counting (bytes, not characters)', () => {
    const msg = syslogMessage(waf, 'body é', {
      facility: 10,
      hostname: 'gw 1',
      appName: 'gatehouse',
      procId: '42',
    });
    assert.equal(msg, '<83>1 2026-11-28T12:00:00.123Z gw_1 gatehouse 42 waf_block - body é');
    const frame = octetFrame(msg).toString('utf8');
    const sp = frame.indexOf(' ');
    assert.equal(Number(frame.slice(0, sp)), Buffer.byteLength(msg));
  });

  test('OTLP log record: nanosecond time as a string, severity number, body and attributes', () => {
    const r = otlpLogRecord(auth, 'ecs') as Json;
    assert.equal(r.timeUnixNano, `${BigInt(T) * 1_000_000n}`);
    assert.equal(r.severityNumber, 13);
    assert.equal(JSON.parse(r.body.stringValue)['event']['action'], 'authentication_failure');
    assert.ok(
      r.attributes.some((a: Json) => a.key === 'client.address' && a.value.stringValue === '203.0.113.9'),
    );
  });
});

describe('hostile fields (property)', () => {
  test('any type and fields: normalise never throws; CEF stays one line with 7 header pipes; JSON formats serialise', () => {
    const mask = compileMasker();
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.dictionary(
          fc.oneof(
            fc.constantFrom(
              'event.reason',
              'client.ip',
              'route',
              'request_id',
              'gatehouse.consumer.id',
              'method',
            ),
            fc.string({ maxLength: 20 }),
          ),
          fc.anything({ maxDepth: 3 }),
          { maxKeys: 12 },
        ),
        (type, fields) => {
          const ev = mask(normalise(type, fields));
          const cef = toCef(ev);
          assert.equal(/[\r\n]/.test(cef), false);
          // Count unescaped pipes with a real scanner: `\\|` is an escaped backslash then a separator.
          let pipes = 0;
          let i = 0;
          for (; i < cef.length && pipes < 7; i++) {
            if (cef[i] === '\\') i++;
            else if (cef[i] === '|') pipes++;
          }
          assert.equal(pipes, 7, cef);
          assert.ok(cef.startsWith('rt=', i), cef);
          for (const f of ['ecs', 'ocsf', 'json'] as const) JSON.parse(formatLine(ev, f));
          const msg = syslogMessage(ev, formatLine(ev, 'cef'), { facility: 10, hostname: 'h', appName: 'a' });
          const frame = octetFrame(msg);
          const sp = frame.indexOf(0x20);
          assert.equal(Number(frame.subarray(0, sp).toString()), frame.length - sp - 1);
        },
      ),
      {
        numRuns: 300,
        examples: [
          ['', { 'event.reason': '\\' }],
          ['a|b\\', { route: '\\|' }],
        ],
      },
    );
  });
});
