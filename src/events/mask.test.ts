import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { generateApiKey } from '../identity/keys.ts';
import { normalise } from './event.ts';
import { compileMasker, compileStringMasker, luhn, MASKED } from './mask.ts';

const scrub = compileStringMasker();

/** Appends the Luhn check digit to a digit string. */
function withCheckDigit(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhn(body + d)) return body + d;
  throw new Error('unreachable');
}

describe('string masking', () => {
  test('emails keep only the domain', () => {
    assert.equal(
      scrub('login by alice.smith+x@example.co.uk failed'),
      'login by [MASKED:email]@example.co.uk failed',
    );
  });

  test('Luhn-valid card numbers with spaces or dashes keep the last 4; other digit runs stay', () => {
    assert.equal(scrub('pan 4111 1111 1111 1111 ok'), 'pan [MASKED:card:1111] ok');
    assert.equal(scrub('pan 5500-0000-0000-0004'), 'pan [MASKED:card:0004]');
    assert.equal(scrub('amex 378282246310005'), 'amex [MASKED:card:0005]');
    assert.equal(scrub('order 4111111111111112'), 'order 4111111111111112', 'fails Luhn');
    assert.equal(scrub('ts 1795910791902'), 'ts 1795910791902', 'a Luhn-invalid epoch stays');
    assert.equal(scrub('short 411111111111'), 'short 411111111111');
  });

  test('every generated Luhn-valid 13–19 digit number is masked (property)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 12, max: 18 })
          .chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })),
        fc.constantFrom('', ' ', '-'),
        (digits, sep) => {
          const pan = withCheckDigit(digits.join(''));
          const text = `x ${pan.replace(/(\d{4})(?=\d)/g, `$1${sep}`)} y`;
          const out = scrub(text);
          assert.ok(!out.includes(pan.slice(0, 8)), out);
          assert.ok(out.includes(`[MASKED:card:${pan.slice(-4)}]`), out);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('bearer tokens, basic credentials and JWTs', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl';
    assert.equal(scrub(`authorization: Bearer ${jwt}`), 'authorization: Bearer [MASKED:jwt]');
    assert.equal(scrub('Authorization: Bearer abc.DEF-123_~+/='), 'Authorization: Bearer [MASKED]');
    assert.equal(scrub('Basic dXNlcjpwYXNz'), 'Basic [MASKED]');
    assert.equal(scrub(`token in query ${jwt}`), 'token in query [MASKED:jwt]');
  });

  test('Gatehouse API keys (any prefix) and common vendor keys', () => {
    const k1 = generateApiKey().key;
    const k2 = generateApiKey('acme_live').key;
    assert.equal(scrub(`key ${k1} used`), 'key [MASKED:api_key] used');
    assert.equal(scrub(`x-api-key=${k2}`).includes(k2), false);
    assert.equal(scrub('stripe sk_live_4eC39HqLyjWDarjtT1zdp7dc'), 'stripe [MASKED:api_key]');
    assert.equal(scrub('AKIAIOSFODNN7EXAMPLE'), '[MASKED:api_key]');
  });

  test('password-like key=value and JSON pairs', () => {
    assert.equal(scrub('user=bob&password=hunter2&x=1'), `user=bob&password=${MASKED}&x=1`);
    assert.equal(scrub('{"client_secret":"s3cr3t","a":1}'), `{"client_secret":${MASKED},"a":1}`);
    assert.equal(scrub("api_key: 'abc'"), `api_key: ${MASKED}`);
    assert.equal(scrub('PWD=x'), `PWD=${MASKED}`);
  });

  test('each detector can be turned off; extra patterns apply', () => {
    const s = compileStringMasker({ emails: false, patterns: ['internal-\\d+'] });
    assert.equal(s('a@b.example internal-42'), `a@b.example ${MASKED}`);
    assert.throws(() => compileStringMasker({ patterns: ['('] }), TypeError);
  });
});

describe('event masking', () => {
  const ev = normalise('authentication_failure', {
    'event.reason': 'bad password for bob@example.com',
    'client.ip': '203.0.113.9',
    'gatehouse.consumer.id': 'carol@example.org',
    'http.request.id': 'r1',
    password: 'hunter2',
    nested: { headers: { authorization: 'Bearer zzz', cookie: 'sid=1' }, note: 'card 4111111111111111' },
    big: 4111111111111111,
    matches: [{ data: 'x' }],
  });

  test('scrubs every string, replaces secret-named fields whole, never mutates the input', () => {
    const before = JSON.stringify(ev);
    const m = compileMasker()(ev);
    assert.equal(JSON.stringify(ev), before);
    assert.equal(m.reason, 'bad password for [MASKED:email]@example.com');
    assert.equal(m.consumer, '[MASKED:email]@example.org');
    assert.equal(m.details.password, MASKED);
    assert.deepEqual(m.details.nested, {
      headers: { authorization: MASKED, cookie: MASKED },
      note: 'card [MASKED:card:1111]',
    });
    assert.equal(m.details.big, '[MASKED:card:1111]');
    assert.equal(m.client_ip, '203.0.113.9');
  });

  test('per-field actions: hash (stable, keyed), drop, keep', () => {
    const mask = compileMasker({
      hash_key: 'k'.repeat(32),
      fields: {
        client_ip: 'hash',
        'details.matches': 'drop',
        consumer: 'keep',
        'details.nested.note': 'keep',
      },
    });
    const a = mask(ev);
    const b = compileMasker({ hash_key: 'k'.repeat(32), fields: { client_ip: 'hash' } })(ev);
    const other = compileMasker({ hash_key: 'j'.repeat(32), fields: { client_ip: 'hash' } })(ev);
    assert.match(a.client_ip ?? '', /^h:[0-9a-f]{16}$/);
    assert.equal(a.client_ip, b.client_ip);
    assert.notEqual(a.client_ip, other.client_ip);
    assert.equal('matches' in a.details, false);
    assert.equal(a.consumer, 'carol@example.org');
    assert.equal((a.details.nested as { note: string }).note, 'card 4111111111111111');
  });

  test('disabled masking passes events through', () => {
    assert.equal(compileMasker({ enabled: false })(ev), ev);
  });
});
