import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Type } from '@sinclair/typebox';
import { testSchema } from '../../test/fixtures/config/schema.ts';
import { renderSchemaDocs } from './docs.ts';

const golden = readFileSync(new URL('../../test/fixtures/config/reference.md', import.meta.url), 'utf8');

/** The table row for `field` in the section whose heading line is `heading`. */
function row(md: string, heading: string, field: string): string | undefined {
  const start = md.indexOf(`\n${heading}\n`);
  assert.ok(start >= 0, `heading ${heading} not found`);
  const next = md.indexOf('\n#', start + heading.length + 2);
  const body = md.slice(start, next < 0 ? undefined : next);
  return body.split('\n').find((l) => l.startsWith(`| \`${field}\``));
}

describe('renderSchemaDocs', () => {
  it('matches the reviewed reference for the test schema', () => {
    assert.equal(renderSchemaDocs(testSchema(), { title: 'Test configuration' }), golden);
  });

  it('is deterministic across renders and separately built but equal schemas', () => {
    const a = renderSchemaDocs(testSchema(), { title: 'T' });
    const b = renderSchemaDocs(testSchema(), { title: 'T' });
    const s = testSchema();
    assert.equal(a, b);
    assert.equal(renderSchemaDocs(s, { title: 'T' }), renderSchemaDocs(s, { title: 'T' }));
  });

  it('keeps schema order, marks secrets, enums, defaults and required fields', () => {
    const md = renderSchemaDocs(testSchema(), { title: 'T' });
    assert.equal(
      row(md, '## Top level', 'adminToken'),
      '| `adminToken` | string | — | Secret (file: reference recommended). Admin API bearer token. |',
    );
    assert.equal(
      row(md, '## Top level', 'logLevel'),
      '| `logLevel` | string | `info` | One of: `debug`, `info`, `warn`. |',
    );
    assert.equal(
      row(md, '### `listen`', 'port'),
      '| `port` *(required)* | integer | — | TCP port. Constraints: >= 1; <= 65535. |',
    );
    // Required in the schema but defaulted, so optional to write.
    assert.equal(row(md, '### `listen`', 'host'), '| `host` | string | `127.0.0.1` | Address to bind. |');
    const fields = md
      .split('\n## Top level\n')[1]!
      .split('\n###')[0]!
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => l.split('`')[1]);
    assert.deepEqual(fields, ['listen', 'logLevel', 'debug', 'adminToken', 'routes']);
    assert.ok(md.includes('### `routes[].auth` (when `type` is `jwt`)'));
    assert.ok(md.includes('### `routes[].auth` (when `type` is `basic`)'));
  });

  it('splits into sections by configuration pointer without repeating claimed objects', () => {
    const md = renderSchemaDocs(testSchema(), {
      title: 'T',
      sections: [
        { pointer: '', heading: 'Top level' },
        { pointer: '/routes', heading: 'Routes' },
        { pointer: '/routes/-/upstream', heading: 'Upstreams' },
      ],
    });
    assert.deepEqual(
      md.split('\n').filter((l) => l.startsWith('#')),
      [
        '# T',
        '## Top level',
        '### `listen`',
        '## Routes',
        '### `routes[]`',
        '### `routes[].auth` (when `type` is `jwt`)',
        '### `routes[].auth` (when `type` is `basic`)',
        '## Upstreams',
      ],
    );
    assert.match(row(md, '## Top level', 'routes') ?? '', /See “Routes”\. \|$/);
    assert.match(row(md, '### `routes[]`', 'upstream') ?? '', /See “Upstreams”\. \|$/);
    assert.ok(md.includes('## Upstreams\n\nWhere matched requests go.\n\n| Field |'));
  });

  it('refuses section pointers that are not in the schema', () => {
    assert.throws(
      () => renderSchemaDocs(testSchema(), { title: 'T', sections: [{ pointer: '/nope', heading: 'X' }] }),
      {
        name: 'TypeError',
        message: 'section pointer "/nope" does not exist in the schema',
      },
    );
    assert.throws(
      () => renderSchemaDocs(testSchema(), { title: 'T', sections: [{ pointer: 'routes', heading: 'X' }] }),
      TypeError,
    );
  });

  it('renders maps, scalar sections, $refs, recursion and escapes table cells', () => {
    const Node = Type.Recursive((self) =>
      Type.Object({ label: Type.String({ description: 'a | b\nc' }), children: Type.Array(self) }),
    );
    const schema = {
      type: 'object',
      $defs: { Target: Type.Object({ url: Type.String({ pattern: '^(http|https)://' }) }) },
      properties: {
        upstreams: Type.Record(Type.String(), Type.Object({ weight: Type.Integer({ default: 1 }) })),
        primary: { $ref: '#/$defs/Target' },
        tree: Node,
        level: Type.Union([Type.Literal('a'), Type.Literal('b')], { default: 'a' }),
        empty: Type.String({ default: '' }),
        extra: Type.Object({ known: Type.Boolean() }, { additionalProperties: Type.String() }),
      },
    };
    const md = renderSchemaDocs(schema, {
      title: 'Maps',
      sections: [
        { pointer: '', heading: 'All' },
        { pointer: '/level', heading: 'Level' },
      ],
    });
    assert.equal(row(md, '## All', 'upstreams'), '| `upstreams` | map of object | — |  |');
    assert.equal(row(md, '### `upstreams.*`', 'weight'), '| `weight` | integer | `1` |  |');
    assert.equal(
      row(md, '### `primary`', 'url'),
      '| `url` *(required)* | string | — | Constraints: matches `^(http\\|https)://`. |',
    );
    assert.equal(row(md, '### `tree`', 'label'), '| `label` *(required)* | string | — | a \\| b c |');
    assert.equal(
      row(md, '### `tree`', 'children'),
      '| `children` *(required)* | array of object | — | Recursive (see above). |',
    );
    assert.equal(row(md, '## All', 'empty'), '| `empty` | string | `""` |  |');
    assert.equal(row(md, '### `extra`', '*'), '| `*` (any other key) | string | — |  |');
    assert.ok(
      md.includes(
        '## Level\n\n| Type | Default | Description |\n| --- | --- | --- |\n| string | `a` | One of: `a`, `b`. |',
      ),
    );
    assert.ok(md.endsWith('\n') && !md.endsWith('\n\n'));
  });
});
