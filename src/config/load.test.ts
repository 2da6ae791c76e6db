// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings test literal ${VAR} references.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Type } from '@sinclair/typebox';
import { testSchema } from '../../test/fixtures/config/schema.ts';
import { type ConfigError, formatConfigErrors } from './errors.ts';
import {
  getConfigValidator,
  type LoadOptions,
  type LoadResult,
  loadConfigFile,
  loadConfigText,
  MAX_CONFIG_BYTES,
} from './load.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/config/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);
const schema = testSchema();

function load(name: string, opts: Partial<LoadOptions> = {}): LoadResult {
  return loadConfigFile(fixture(name), schema, { env: {}, ...opts });
}

function errorsOf(res: LoadResult): ConfigError[] {
  assert.equal(res.ok, false, 'expected the load to fail');
  return res.ok ? [] : res.errors;
}

function loaded(res: LoadResult): { value: unknown; secrets: Set<string> } {
  if (!res.ok) assert.fail(`expected success, got:\n${formatConfigErrors(res.errors)}`);
  return res;
}

/** `line:column path: message` lines, without the file name. */
function brief(errors: readonly ConfigError[]): string[] {
  return errors.map((e) => `${e.line}:${e.column} ${e.path}${e.path === '' ? '' : ': '}${e.message}`);
}

const MINIMAL =
  'listen:\n  port: 8080\nroutes:\n  - name: a\n    upstream:\n      url: http://127.0.0.1:9000\n';

describe('loadConfigFile: valid documents', () => {
  it('loads, resolves aliases and file: secrets, and fills schema defaults', () => {
    const res = loaded(load('valid.yaml'));
    assert.deepEqual(res.value, {
      listen: { port: 8080, host: '127.0.0.1' },
      logLevel: 'info',
      debug: false,
      routes: [
        {
          name: 'orders',
          methods: ['GET'],
          retries: 0,
          upstream: { url: 'http://127.0.0.1:9000', timeoutMs: 30000 },
          auth: { type: 'jwt', secret: 'jwt-secret-value-123' },
        },
        {
          name: 'users',
          methods: ['GET', 'POST'],
          retries: 0,
          upstream: { url: 'http://127.0.0.1:9001', timeoutMs: 5000 },
        },
        {
          name: 'users-v2',
          methods: ['GET'],
          retries: 0,
          upstream: { url: 'http://127.0.0.1:9001', timeoutMs: 5000 },
        },
      ],
    });
    assert.deepEqual([...res.secrets], ['jwt-secret-value-123']);
  });

  it('expands aliases into independent copies (defaults on one use do not leak to another)', () => {
    const text = `${MINIMAL}  - name: b\n    upstream: &up\n      url: http://x.test/\n  - name: c\n    upstream: *up\n`;
    const res = loaded(loadConfigText(text, 'a.yaml', schema, { env: {} }));
    const routes = (res.value as { routes: Array<{ upstream: object }> }).routes;
    assert.notEqual(routes[1]!.upstream, routes[2]!.upstream);
    assert.deepEqual(routes[1]!.upstream, routes[2]!.upstream);
  });

  it('locates pointers in the source for later semantic errors', () => {
    const res = load('valid.yaml');
    assert.ok(res.ok);
    assert.deepEqual(res.locate('/routes/1/upstream/url'), { line: 14, column: 12 });
    assert.deepEqual(res.locate('/routes/1'), { line: 11, column: 5 });
    // Only present through an alias: the alias's own position.
    assert.deepEqual(res.locate('/routes/2/upstream'), { line: 17, column: 15 });
    // Filled in by a default: the nearest located ancestor (its key).
    assert.deepEqual(res.locate('/routes/0/upstream/timeoutMs'), { line: 6, column: 5 });
  });

  it('compiles the schema once per schema object', () => {
    assert.equal(getConfigValidator(schema), getConfigValidator(schema));
    assert.notEqual(getConfigValidator(schema), getConfigValidator(testSchema()));
  });

  it('rejects an invalid schema with a TypeError', () => {
    assert.throws(() => loadConfigText('a: 1\n', 'a.yaml', { type: 'nope' }, { env: {} }), TypeError);
  });
});

describe('loadConfigFile: validation errors', () => {
  it('reports every schema error with file, line, column, path and pointer, sorted by line', () => {
    const file = fixture('invalid.yaml');
    const errors = errorsOf(load('invalid.yaml'));
    assert.equal(
      formatConfigErrors(errors),
      [
        `${file}:2:9 listen.port: must be an integer, got a string`,
        `${file}:3:3 listen.hots: unknown key "hots"`,
        `${file}:4:11 logLevel: must be one of: debug, info, warn`,
        `${file}:5:8 debug: must be a boolean (true or false), got a string`,
        `${file}:7:5 routes[0]: missing required field "upstream"`,
        `${file}:7:11 routes[0].name: must match the pattern ^[a-z0-9-]+$`,
        `${file}:8:5 routes[0].upsteam: unknown key "upsteam" (did you mean "upstream"?)`,
        `${file}:11:14 routes[1].methods: must not contain duplicates (items 0 and 1 are identical)`,
        `${file}:13:12 routes[1].upstream.url: must be a URL`,
        `${file}:14:18 routes[1].upstream.timeoutMs: must be >= 1`,
        `${file}:15:14 routes[1].retries: must be <= 5`,
        `${file}:20:13 routes[2].auth.type: must be one of: jwt, basic`,
        `${file}:26:14 routes[3].auth.users: must not be empty`,
      ].join('\n'),
    );
    const unknown = errors.find((e) => e.message.startsWith('unknown key "upsteam"'));
    assert.deepEqual(unknown, {
      file,
      line: 8,
      column: 5,
      path: 'routes[0].upsteam',
      pointer: '/routes/0/upsteam',
      message: 'unknown key "upsteam" (did you mean "upstream"?)',
    });
    const required = errors.find((e) => e.message.startsWith('missing required'));
    assert.equal(required?.pointer, '/routes/0');
  });

  it('points required-field errors at the key of the object missing the field', () => {
    const text = 'listen:\n  host: 0.0.0.0\nroutes:\n  - name: a\n    upstream:\n      timeoutMs: 5\n';
    assert.deepEqual(brief(errorsOf(loadConfigText(text, 'r.yaml', schema, { env: {} }))), [
      '1:1 listen: missing required field "port"',
      '5:5 routes[0].upstream: missing required field "url"',
    ]);
  });

  it('points errors on an empty value at its key', () => {
    const text = 'listen:\nroutes:\n  - name: a\n    upstream:\n      url: http://x.test/\n';
    assert.deepEqual(brief(errorsOf(loadConfigText(text, 'e.yaml', schema, { env: {} }))), [
      '1:1 listen: must be an object, got null',
    ]);
  });

  it('reports an unknown top-level key and a root of the wrong type', () => {
    const res = loadConfigText(`${MINIMAL}extra: 1\n`, 'k.yaml', schema, { env: {} });
    assert.deepEqual(brief(errorsOf(res)), ['7:1 extra: unknown key "extra"']);
    assert.deepEqual(brief(errorsOf(loadConfigText('- a\n', 's.yaml', schema, { env: {} }))), [
      '1:1 must be an object, got a list',
    ]);
  });

  it('quotes keys that are not identifiers and explains merge keys', () => {
    const text = `${MINIMAL}"a b": 1\n<<: {x: 1}\n`;
    const errors = errorsOf(loadConfigText(text, 'q.yaml', schema, { env: {} }));
    assert.deepEqual(brief(errors), [
      '7:1 ["a b"]: unknown key "a b"',
      '8:1 ["<<"]: unknown key "<<" (YAML merge keys are not supported)',
    ]);
    assert.equal(errors[0]!.pointer, '/a b');
  });

  it('does not let a __proto__ key reach the prototype', () => {
    const text = `${MINIMAL}__proto__:\n  polluted: true\n`;
    const errors = errorsOf(loadConfigText(text, 'p.yaml', schema, { env: {} }));
    assert.deepEqual(brief(errors), ['7:1 __proto__: unknown key "__proto__"']);
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  });

  it('reports an empty document', () => {
    assert.deepEqual(brief(errorsOf(loadConfigText('# nothing\n', 'n.yaml', schema, { env: {} }))), [
      '1:1 configuration is empty',
    ]);
  });

  it('refuses non-finite and imprecise numbers', () => {
    const text =
      'listen:\n  port: .inf\nroutes:\n  - name: a\n    retries: 12345678901234567890\n    upstream:\n      url: http://x.test/\n';
    assert.deepEqual(brief(errorsOf(loadConfigText(text, 'n.yaml', schema, { env: {} }))), [
      '2:9 listen.port: must be a finite number (.inf and .nan are not allowed)',
      '5:14 routes[0].retries: number is too large to be represented exactly',
    ]);
  });

  it('caps the number of reported errors', () => {
    let text = MINIMAL;
    for (let i = 0; i < 300; i++) text += `k${i}: 1\n`;
    const errors = errorsOf(loadConfigText(text, 'c.yaml', schema, { env: {} }));
    assert.equal(errors.length, 201);
    assert.equal(errors.at(-1)!.message, '100 more errors not shown');
  });
});

describe('loadConfigFile: anyOf/oneOf branch selection', () => {
  const load1 = (auth: string) =>
    brief(
      errorsOf(
        loadConfigText(
          `listen: {port: 1}\nroutes:\n  - name: a\n    upstream: {url: "http://x.test/"}\n    auth: ${auth}\n`,
          'u.yaml',
          schema,
          { env: {} },
        ),
      ),
    );

  it('reports the branch the discriminator selects, not every branch', () => {
    assert.deepEqual(load1('{type: jwt, secret: short}'), [
      '5:31 routes[0].auth.secret: must be at least 8 characters long',
    ]);
    assert.deepEqual(load1('{type: basic, users: [a], extra: 1}'), [
      '5:37 routes[0].auth.extra: unknown key "extra"',
    ]);
  });

  it('names the allowed discriminator values when none matches', () => {
    assert.deepEqual(load1('{type: oauth}'), ['5:18 routes[0].auth.type: must be one of: jwt, basic']);
  });

  it('summarises when every branch fails on the value type', () => {
    assert.deepEqual(load1('basic'), ['5:11 routes[0].auth: must be an object, got a string']);
  });

  it('combines literal and type alternatives', () => {
    const s = Type.Object({ mode: Type.Union([Type.Literal('auto'), Type.Integer({ minimum: 1 })]) });
    const one = (v: string) => brief(errorsOf(loadConfigText(`mode: ${v}\n`, 'm.yaml', s, { env: {} })));
    assert.deepEqual(one('manual'), ['1:7 mode: must be an integer or "auto", got a string']);
    assert.deepEqual(one('0'), ['1:7 mode: must be >= 1']);
  });

  it('reports a oneOf that matches more than one branch', () => {
    const s = { type: 'object', properties: { v: { oneOf: [{ type: 'integer' }, { type: 'number' }] } } };
    assert.deepEqual(brief(errorsOf(loadConfigText('v: 3\n', 'o.yaml', s, { env: {} }))), [
      '1:4 v: is ambiguous: matches more than one of the allowed forms (1 and 2)',
    ]);
  });

  it('attributes errors from $ref branches', () => {
    const s = {
      type: 'object',
      $defs: {
        Up: {
          type: 'object',
          properties: { url: { type: 'string', format: 'uri' } },
          required: ['url'],
          additionalProperties: false,
        },
      },
      properties: { up: { anyOf: [{ $ref: '#/$defs/Up' }, { type: 'null' }] } },
    };
    assert.deepEqual(brief(errorsOf(loadConfigText('up:\n  url: nope\n', 'r.yaml', s, { env: {} }))), [
      '2:8 up.url: must be a URL',
    ]);
  });
});

describe('loadConfigFile: YAML safety', () => {
  it('reports duplicate keys at the repeated key', () => {
    const file = fixture('duplicate-keys.yaml');
    assert.deepEqual(errorsOf(load('duplicate-keys.yaml')), [
      {
        file,
        line: 7,
        column: 7,
        path: 'routes[0].upstream.url',
        pointer: '/routes/0/upstream/url',
        message: 'duplicate key "url"',
      },
      { file, line: 8, column: 1, path: 'listen', pointer: '/listen', message: 'duplicate key "listen"' },
    ]);
  });

  it('treats keys that only differ in YAML type as duplicates', () => {
    assert.deepEqual(brief(errorsOf(loadConfigText('1: a\n"1": b\n', 'd.yaml', {}, { env: {} }))), [
      '2:1 ["1"]: duplicate key "1"',
    ]);
  });

  it('refuses more than one document', () => {
    assert.deepEqual(brief(errorsOf(load('multi-doc.yaml'))), [
      '4:1 only one YAML document is allowed (found a second document)',
    ]);
  });

  it('reports YAML syntax errors with their position', () => {
    const errors = errorsOf(load('syntax-error.yaml'));
    assert.equal(errors.length, 1);
    assert.equal(errors[0]!.line, 6);
    assert.equal(errors[0]!.column, 1);
    assert.match(errors[0]!.message, /Flow map .* end with a \}/);
    assert.doesNotMatch(errors[0]!.message, /\n/);
  });

  it('refuses custom and YAML 1.1 tags', () => {
    assert.deepEqual(brief(errorsOf(load('custom-tag.yaml'))), [
      '2:9 unsupported tag tag:yaml.org,2002:binary (custom and YAML 1.1 tags are not allowed)',
      '6:12 unsupported tag !env (custom and YAML 1.1 tags are not allowed)',
    ]);
  });

  it('uses the YAML 1.2 core schema even when the document asks for 1.1', () => {
    const s = Type.Object({ a: Type.String(), b: Type.Integer() });
    const res = loaded(loadConfigText('%YAML 1.1\n---\na: yes\nb: 010\n', 'v.yaml', s, { env: {} }));
    assert.deepEqual(res.value, { a: 'yes', b: 10 });
  });

  it('refuses a billion-laughs document fast', () => {
    const started = performance.now();
    const errors = errorsOf(load('billion-laughs.yaml'));
    assert.ok(performance.now() - started < 2000, 'took too long');
    assert.deepEqual(brief(errors), [
      '5:8 e[0]: YAML aliases expand to too many nodes (possible "billion laughs" attack)',
    ]);
  });

  it('refuses more than 100 aliases', () => {
    let text = 'base: &b 1\nlist:\n';
    for (let i = 0; i < 101; i++) text += '  - *b\n';
    assert.deepEqual(brief(errorsOf(loadConfigText(text, 'a.yaml', {}, { env: {} }))), [
      '103:5 too many YAML aliases (at most 100 are allowed)',
    ]);
  });

  it('reports unknown and self-referencing aliases', () => {
    assert.deepEqual(
      brief(errorsOf(loadConfigText('a: *nope\nb: &x [1, *x]\n', 'a.yaml', {}, { env: {} }))),
      [
        '1:4 a: unknown alias *nope (anchors must be defined before use)',
        '2:11 b[1]: alias *x refers to a node that contains it',
      ],
    );
  });

  it('refuses documents over 4 MiB without parsing them', () => {
    const big = `a: "${'x'.repeat(MAX_CONFIG_BYTES)}"\n`;
    const started = performance.now();
    assert.deepEqual(errorsOf(loadConfigText(big, 'big.yaml', {}, { env: {} })), [
      {
        file: 'big.yaml',
        line: 0,
        column: 0,
        path: '',
        pointer: '',
        message: 'configuration is larger than 4194304 bytes (4 MiB)',
      },
    ]);
    assert.ok(performance.now() - started < 2000);
    // Multi-byte characters count as bytes.
    const wide = `a: "${'é'.repeat(MAX_CONFIG_BYTES / 2)}"\n`;
    assert.equal(errorsOf(loadConfigText(wide, 'wide.yaml', {}, { env: {} })).length, 1);
  });

  it('refuses files over 4 MiB, unreadable files and invalid UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-config-'));
    try {
      const big = join(dir, 'big.yaml');
      writeFileSync(big, Buffer.alloc(MAX_CONFIG_BYTES + 1, 0x20));
      assert.equal(
        formatConfigErrors(errorsOf(loadConfigFile(big, schema, { env: {} }))),
        `${big}: configuration is larger than 4194304 bytes (4 MiB)`,
      );
      const bad = join(dir, 'bad.yaml');
      writeFileSync(bad, Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]));
      assert.equal(
        formatConfigErrors(errorsOf(loadConfigFile(bad, schema, { env: {} }))),
        `${bad}: cannot read configuration file (not valid UTF-8)`,
      );
      const missing = join(dir, 'missing.yaml');
      assert.equal(
        formatConfigErrors(errorsOf(loadConfigFile(missing, schema, { env: {} }))),
        `${missing}: cannot read configuration file (ENOENT)`,
      );
      assert.equal(
        formatConfigErrors(errorsOf(loadConfigFile(dir, schema, { env: {} }))),
        `${dir}: cannot read configuration file (not a regular file)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses excessive nesting', () => {
    const deep = `${'['.repeat(70)}${']'.repeat(70)}\n`;
    assert.deepEqual(
      errorsOf(loadConfigText(deep, 'deep.yaml', {}, { env: {} })).map((e) => e.message),
      ['nesting is deeper than 64 levels'],
    );
    const deeper = `${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    assert.deepEqual(
      errorsOf(loadConfigText(deeper, 'deeper.yaml', {}, { env: {} })).map((e) => e.message),
      ['YAML nesting is too deep'],
    );
  });
});

describe('loadConfigFile: substitution', () => {
  const env = { PORT: '9090', ADMIN_TOKEN: 'tok-123', UPSTREAM_HOST: 'backend', DEBUG: '' };

  it('substitutes set, defaulted and empty variables, honours $${ and coerces whole references', () => {
    const res = loaded(load('env.yaml', { env }));
    assert.deepEqual(res.value, {
      listen: { host: '127.0.0.1', port: 9090 },
      debug: false,
      adminToken: 'Bearer tok-123',
      logLevel: 'info',
      routes: [
        {
          name: 'orders',
          description: 'costs $$5 and ${NOT_A_VAR} on any host',
          methods: ['GET'],
          retries: 0,
          upstream: { url: 'http://backend:9000', timeoutMs: 1500 },
        },
      ],
    });
    assert.deepEqual([...res.secrets].sort(), ['Bearer tok-123', 'tok-123']);
  });

  it('uses an empty value for ${VAR} but the default for ${VAR:-x}', () => {
    const res = loaded(load('env.yaml', { env: { ...env, HOST: '', ADMIN_TOKEN: '' } }));
    const v = res.value as { listen: { host: string }; adminToken: string };
    assert.equal(v.listen.host, '127.0.0.1');
    assert.equal(v.adminToken, 'Bearer ');
  });

  it('reports unset variables at the scalar, without piling schema errors on top', () => {
    const file = fixture('env.yaml');
    assert.equal(
      formatConfigErrors(errorsOf(load('env.yaml', { env: { ADMIN_TOKEN: 'x' } }))),
      [
        `${file}:3:9 listen.port: environment variable PORT is not set`,
        `${file}:10:12 routes[0].upstream.url: environment variable UPSTREAM_HOST is not set`,
      ].join('\n'),
    );
  });

  it('refuses a whole reference that does not convert to the field type', () => {
    const errors = errorsOf(load('env.yaml', { env: { ...env, PORT: '80a', DEBUG: 'yes' } }));
    assert.deepEqual(brief(errors), [
      '3:9 listen.port: ${PORT} must expand to an integer',
      '4:8 debug: ${DEBUG} must expand to true or false',
    ]);
    assert.ok(!formatConfigErrors(errors).includes('80a'), 'env values stay out of messages');
  });

  it('keeps partial references as strings (numeric fields must then be literal)', () => {
    const text = 'listen:\n  port: ${PORT}0\nroutes:\n  - name: a\n    upstream: {url: "http://x.test/"}\n';
    assert.deepEqual(brief(errorsOf(loadConfigText(text, 'p.yaml', schema, { env: { PORT: '80' } }))), [
      '2:9 listen.port: must be an integer, got a string',
    ]);
  });

  it('does not substitute inside string fields of unions that accept strings', () => {
    const s = Type.Object({ v: Type.Union([Type.String(), Type.Integer()]) });
    const res = loaded(loadConfigText('v: ${N}\n', 'u.yaml', s, { env: { N: '5' } }));
    assert.deepEqual(res.value, { v: '5' });
  });

  it('reports malformed references', () => {
    const s = Type.Object({ a: Type.String(), b: Type.String() });
    assert.deepEqual(brief(errorsOf(loadConfigText('a: ${A\nb: ${1B}\n', 'm.yaml', s, { env: {} }))), [
      '1:4 a: unterminated "${" (write "$${" for a literal "${")',
      '2:4 b: invalid variable reference "${1B}" (expected ${NAME} or ${NAME:-default})',
    ]);
  });

  it('reads file: secrets relative to the config file and reports them for redaction', () => {
    const res = loaded(load('valid.yaml'));
    const route = (res.value as { routes: Array<{ auth?: { secret: string } }> }).routes[0]!;
    assert.equal(route.auth?.secret, 'jwt-secret-value-123');
    assert.ok(res.secrets.has('jwt-secret-value-123'));
  });

  it('reports unreadable secret files at the scalar without reading anything into the message', () => {
    const file = fixture('secret-unreadable.yaml');
    assert.equal(
      formatConfigErrors(errorsOf(load('secret-unreadable.yaml'))),
      [
        `${file}:3:13 adminToken: cannot read secret file "/nonexistent/gatehouse/admin-token" (ENOENT)`,
        `${file}:10:15 routes[0].auth.secret: cannot read secret file "${join(FIXTURES, 'secrets/missing.txt')}" (ENOENT)`,
      ].join('\n'),
    );
  });

  it('never puts secret content in validation messages', () => {
    const text =
      'listen: {port: 1}\nroutes:\n  - name: a\n    upstream: {url: "http://x.test/"}\n    auth: {type: jwt, secret: "file:s.txt"}\n';
    const errors = errorsOf(
      loadConfigText(text, 'cfg/s.yaml', schema, {
        env: {},
        readFile: (p) => {
          assert.equal(p, join(process.cwd(), 'cfg', 's.txt'));
          return 'abc\n';
        },
      }),
    );
    assert.deepEqual(brief(errors), ['5:31 routes[0].auth.secret: must be at least 8 characters long']);
    assert.ok(!formatConfigErrors(errors).includes('abc'));
  });

  it('only honours file: in secret fields, with env references in the path', () => {
    const text = `${MINIMAL}    description: file:/etc/passwd\n    auth: {type: jwt, secret: "file:\${DIR}/k"}\n`;
    const res = loaded(
      loadConfigText(text, 'f.yaml', schema, {
        env: { DIR: '/run/secrets' },
        readFile: (p) => {
          assert.equal(p, '/run/secrets/k');
          return '0123456789\r\n';
        },
      }),
    );
    const route = (res.value as { routes: Array<{ description: string; auth: { secret: string } }> })
      .routes[0]!;
    assert.equal(route.description, 'file:/etc/passwd');
    assert.equal(route.auth.secret, '0123456789');
    assert.deepEqual([...res.secrets], ['0123456789']);
  });

  it('refuses empty and oversized secret files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gatehouse-secret-'));
    try {
      writeFileSync(join(dir, 'empty'), '\n');
      writeFileSync(join(dir, 'big'), Buffer.alloc(1024 * 1024 + 1, 0x61));
      const text =
        'listen: {port: 1}\nadminToken: file:empty\nroutes:\n  - name: a\n    upstream: {url: "http://x.test/"}\n    auth: {type: jwt, secret: "file:big"}\n';
      assert.deepEqual(brief(errorsOf(loadConfigText(text, join(dir, 'c.yaml'), schema, { env: {} }))), [
        `2:13 adminToken: secret file ${JSON.stringify(join(dir, 'empty'))} is empty`,
        `6:31 routes[0].auth.secret: cannot read secret file ${JSON.stringify(join(dir, 'big'))} (larger than 1 MiB)`,
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not substitute keys', () => {
    const res = loaded(loadConfigText('${K}: 1\n', 'k.yaml', {}, { env: { K: 'x' } }));
    assert.deepEqual(res.value, { '${K}': 1 });
  });
});
