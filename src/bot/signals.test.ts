import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { BehaviourTracker, headerAnomalies, normalisedEntropy, StuffingTracker } from './signals.ts';
import { AUTOMATION_AGENTS, claimedBrowser, compileAgentMatcher } from './user-agents.ts';

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

describe('user-agent list', () => {
  const m = compileAgentMatcher([{ name: 'acme', kind: 'crawler', match: 'acme-fetch' }]);
  for (const [ua, name, kind] of [
    ['curl/8.5.0', 'curl', 'tool'],
    ['python-requests/2.31.0', 'python-requests', 'library'],
    ['Go-http-client/1.1', 'go-http-client', 'library'],
    ['Scrapy/2.11.0 (+https://scrapy.org)', 'scrapy', 'library'],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36',
      'headless-chrome',
      'headless',
    ],
    ['sqlmap/1.7.2#stable (https://sqlmap.org)', 'sqlmap', 'scanner'],
    ['Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000001)', 'nikto', 'scanner'],
    ['acme-fetch/1.0', 'acme', 'crawler'],
    ['', 'empty', 'empty'],
  ] as const) {
    test(`${JSON.stringify(ua)} → ${name}`, () => {
      const a = m.match(ua);
      assert.equal(a?.name, name);
      assert.equal(a?.kind, kind);
    });
  }
  test('browsers and unknown clients are not matched; undefined UA is empty', () => {
    assert.equal(m.match(CHROME), undefined);
    assert.equal(m.match(FIREFOX), undefined);
    assert.equal(m.match('MyCompanyApp/3.2 (iOS 17)'), undefined);
    assert.equal(m.match(undefined)?.kind, 'empty');
    assert.equal(m.match('Mozilla/5.0 curl/8'), undefined, 'curl is a prefix match');
  });
  test('the list has unique names', () => {
    assert.equal(new Set(AUTOMATION_AGENTS.map((a) => a.name)).size, AUTOMATION_AGENTS.length);
  });
  test('claimed browser', () => {
    assert.equal(claimedBrowser(CHROME), 'chrome');
    assert.equal(claimedBrowser(FIREFOX), 'firefox');
    assert.equal(claimedBrowser('curl/8'), undefined);
  });
});

describe('header fingerprint', () => {
  const chromeHeaders = [
    'Host',
    'a',
    'Connection',
    'keep-alive',
    'sec-ch-ua',
    'x',
    'User-Agent',
    CHROME,
    'Accept',
    '*/*',
    'Sec-Fetch-Mode',
    'navigate',
    'Accept-Encoding',
    'gzip',
    'Accept-Language',
    'en',
  ];
  test('a real browser header set has no anomalies', () => {
    assert.deepEqual(headerAnomalies(CHROME, chromeHeaders, true), []);
  });
  test('python-requests claiming to be Chrome is caught by header set and order', () => {
    const raw = [
      'Host',
      'a',
      'User-Agent',
      CHROME,
      'Accept-Encoding',
      'gzip, deflate',
      'Accept',
      '*/*',
      'Connection',
      'keep-alive',
    ];
    assert.deepEqual(headerAnomalies(CHROME, raw, true).sort(), [
      'header_order',
      'missing_accept_language',
      'missing_sec_fetch',
    ]);
  });
  test('non-browser user agents are not judged here', () => {
    assert.deepEqual(headerAnomalies('curl/8', ['Host', 'a'], false), []);
  });
});

describe('behaviour', () => {
  test('rate within a sliding window, bounded per client', () => {
    const t = new BehaviourTracker({ windowMs: 1000, maxPerClient: 5, maxClients: 10, minForEntropy: 3 });
    for (let i = 0; i < 4; i++) t.record('c', '/a', 100 + i);
    assert.equal(t.record('c', '/a', 200).count, 5);
    assert.equal(t.record('c', '/a', 300).count, 5, 'capped');
    assert.equal(t.record('c', '/a', 1250).count, 2, 'old requests left the window');
  });
  test('path entropy: repeated paths low, enumeration high', () => {
    assert.ok(normalisedEntropy(Array(20).fill('/orders')) === 0);
    assert.ok(normalisedEntropy(Array.from({ length: 20 }, (_, i) => `/users/${i}`)) > 0.99);
    const t = new BehaviourTracker({
      windowMs: 10_000,
      maxPerClient: 100,
      maxClients: 10,
      minForEntropy: 10,
    });
    let b: ReturnType<BehaviourTracker['record']> | undefined;
    for (let i = 0; i < 10; i++) b = t.record('e', `/u/${i}`, 1000 + i);
    assert.ok(b!.pathEntropy! > 0.99);
  });
  test('the client LRU is bounded', () => {
    const t = new BehaviourTracker({ windowMs: 10_000, maxPerClient: 100, maxClients: 2, minForEntropy: 10 });
    t.record('a', '/', 1);
    t.record('a', '/', 2);
    t.record('b', '/', 3);
    t.record('c', '/', 4);
    assert.equal(t.record('a', '/', 5).count, 1, 'a was forgotten');
  });
});

describe('credential stuffing', () => {
  test('many identities from one client flag it; many clients on one identity flag them', () => {
    const s = new StuffingTracker({
      windowMs: 1000,
      identitiesPerClient: 3,
      clientsPerIdentity: 3,
      maxEntries: 100,
    });
    s.fail('c1', 'alice', 0);
    s.fail('c1', 'alice', 1);
    assert.equal(s.fail('c1', 'bob', 2).manyIdentities, false);
    assert.equal(s.fail('c1', 'carol', 3).manyIdentities, true);
    assert.ok(s.flagged('c1', 10));
    assert.ok(!s.flagged('c1', 1004));
    s.fail('x1', 'dave', 0);
    s.fail('x2', 'dave', 0);
    assert.ok(!s.flagged('x2', 1));
    assert.equal(s.fail('x3', 'dave', 0).manyClients, true);
    assert.ok(s.flagged('x3', 1));
  });
  test('failures older than the window do not count', () => {
    const s = new StuffingTracker({
      windowMs: 100,
      identitiesPerClient: 2,
      clientsPerIdentity: 99,
      maxEntries: 100,
    });
    s.fail('c', 'a', 0);
    assert.equal(s.fail('c', 'b', 500).manyIdentities, false);
  });
});
