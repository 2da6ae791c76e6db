import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseSecLang, parseSecLangFile, SecLangParseError, splitArgs } from './index.ts';

const CRS = join(import.meta.dirname, '../../../../shared/crs/v4.28.0');

test('line continuations, comments and blank lines', () => {
  const ds = parseSecLang(
    '# comment\n\nSecRule ARGS "@rx a" \\\n    "id:1,\\\n    phase:2,\\\n    pass"\n  # indented comment\nSecMarker END\n',
    'x.conf',
  );
  assert.equal(ds.length, 2);
  assert.deepEqual(ds[0]?.args, ['ARGS', '@rx a', 'id:1,    phase:2,    pass']);
  assert.equal(ds[0]?.line, 3);
  assert.equal(ds[1]?.name, 'SecMarker');
  assert.equal(ds[1]?.line, 8);
});

test('double quotes unescape only \\" and keep other backslashes', () => {
  assert.deepEqual(splitArgs('SecRule ARGS "@rx \\"a\\s\\\\b" "id:1"', 'f', 1), [
    'SecRule',
    'ARGS',
    '@rx "a\\s\\\\b',
    'id:1',
  ]);
  assert.deepEqual(splitArgs("SecMarker 'END-X'", 'f', 1), ['SecMarker', 'END-X']);
});

test('errors name the file and line', () => {
  assert.throws(
    () => parseSecLang('SecRule ARGS "@rx a" "id:1"\n\nSecBogus x\n', 'rules/a.conf'),
    (e: unknown) =>
      e instanceof SecLangParseError &&
      e.file === 'rules/a.conf' &&
      e.line === 3 &&
      /SecBogus/.test(e.message),
  );
  assert.throws(() => parseSecLang('SecRule ARGS "@rx a', 'b.conf'), /b\.conf:1: unterminated/);
  assert.throws(() => parseSecLang('SecMarker', 'c.conf'), /c\.conf:1: SecMarker takes 1/);
});

test('harmless directives are accepted and ignored; unknown ones are rejected', () => {
  const ds = parseSecLang(
    'SecComponentSignature "x"\nSecCollectionTimeout 600\nSecRequestBodyAccess On\n',
    'i.conf',
  );
  assert.equal(ds.length, 0);
  assert.throws(() => parseSecLang('SecFooBar 1', 'i.conf'), /unknown directive SecFooBar/);
});

test('Include with globs, relative to the including file, sorted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seclang-'));
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'main.conf'), 'SecMarker A\nInclude rules/*.conf\nInclude other.conf\n');
  writeFileSync(join(dir, 'rules', 'b.conf'), 'SecMarker B2\n');
  writeFileSync(join(dir, 'rules', 'a.conf'), 'SecMarker B1\n');
  writeFileSync(join(dir, 'rules', 'skip.data'), 'x\n');
  writeFileSync(join(dir, 'other.conf'), 'SecMarker C\n');
  const ds = parseSecLangFile(join(dir, 'main.conf'));
  assert.deepEqual(
    ds.map((d) => d.args[0]),
    ['A', 'B1', 'B2', 'C'],
  );
  assert.equal(ds[1]?.file, join(dir, 'rules', 'a.conf'));
  writeFileSync(join(dir, 'loop.conf'), 'Include loop.conf\n');
  assert.throws(() => parseSecLangFile(join(dir, 'loop.conf')), /nesting too deep/);
  writeFileSync(join(dir, 'missing.conf'), 'Include nope.conf\n');
  assert.throws(
    () => parseSecLangFile(join(dir, 'missing.conf')),
    /missing\.conf:1: cannot read included file/,
  );
});

test('parses every CRS v4.28.0 rule file and the setup example', () => {
  const files = [
    join(CRS, 'crs-setup.conf.example'),
    ...readdirSync(join(CRS, 'rules'))
      .filter((f) => f.endsWith('.conf'))
      .sort()
      .map((f) => join(CRS, 'rules', f)),
  ];
  const ds = files.flatMap((f) => parseSecLangFile(f));
  const count = (n: string) => ds.filter((d) => d.name === n).length;
  assert.equal(count('SecRule'), 695);
  assert.equal(count('SecAction'), 8);
  assert.equal(count('SecDefaultAction'), 5);
  assert.equal(count('SecMarker'), 30);
  assert.equal(count('SecRuleUpdateTargetById'), 55);
});
