import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseXmlBody } from './xml.ts';

const ok = (xml: string) => {
  const r = parseXmlBody(xml);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r;
};
const err = (xml: string, re: RegExp) => {
  const r = parseXmlBody(xml);
  assert.equal(r.ok, false, xml);
  if (!r.ok) assert.match(r.error, re, xml);
};

describe('parseXmlBody', () => {
  it('yields the root text content and every attribute value', () => {
    const r = ok(
      '<?xml version="1.0"?>\n<!-- c --><xml a="1" b=\'x&amp;y\'><e  k = "v">one</e> <f/><g><![CDATA[<b>raw</b>]]></g>two<?pi x?></xml>\n',
    );
    assert.equal(r.text, 'one <b>raw</b>two');
    assert.deepEqual(r.attributes, ['1', 'x&y', 'v']);
  });

  it('decodes predefined entities and character references to UTF-8 bytes', () => {
    const r = ok('<a t="&#x27;&#39;">&lt;script&gt; &quot;&apos; &#233;&#x1F600;</a>');
    assert.equal(r.text, `<script> "' ${Buffer.from('é😀', 'utf8').toString('latin1')}`);
    assert.deepEqual(r.attributes, ["''"]);
  });

  it('never expands entities and never fetches: a DOCTYPE is skipped, unknown entities are errors', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    err(xxe, /entity 'x' not defined/);
    const laughs =
      '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>';
    err(laughs, /entity 'b' not defined/);
    const r = ok('<!DOCTYPE r [<!ELEMENT r (#PCDATA)> <!-- ] > -->]><r>plain</r>');
    assert.equal(r.text, 'plain');
  });

  it('rejects malformed documents as REQBODY_ERROR material', () => {
    err('', /no root element/);
    err('just text', /content outside the root/);
    err('<a>', /not closed/);
    err('<a></b>', /does not match/);
    err('<a></a><b></b>', /extra content/);
    err('<a x="1" x="2"/>', /duplicate attribute/);
    err('<a x=1/>', /quoted attribute value/);
    err('<a x="<"/>', /'<' in attribute value/);
    err('<a>&amp</a>', /malformed entity/);
    err('<a>&#0;</a>', /invalid character reference/);
    err('<a><!ENTITY x "y"></a>', /markup declaration/);
    err('<a>\xff\xfe</a>', /not valid UTF-8/);
    ok('<?xml version="1.0" encoding="ISO-8859-1"?><a>\xe9</a>');
  });

  it('bounds depth and nodes', () => {
    const deep = `${'<a>'.repeat(300)}${'</a>'.repeat(300)}`;
    err(deep, /nesting deeper than 256/);
    assert.ok(parseXmlBody(deep, { maxDepth: 400 }).ok);
    const many = parseXmlBody(`<r>${'<a/>'.repeat(20)}</r>`, { maxNodes: 10 });
    assert.equal(many.ok, false);
  });

  it('runs in linear time on hostile input', () => {
    for (const evil of [
      `<a ${'b="x" '.repeat(1)}>${'&'.repeat(200_000)}`,
      `<a${' x="1"'.repeat(1)} ${'y'.repeat(200_000)}`,
      `<a b="${'<'.repeat(200_000)}`,
      `<r>${'<a x="1"/>'.repeat(20_000)}</r>`,
      `<!DOCTYPE r [${'['.repeat(200_000)}`,
    ]) {
      const t0 = performance.now();
      parseXmlBody(evil);
      assert.ok(performance.now() - t0 < 1500, evil.slice(0, 20));
    }
  });
});
