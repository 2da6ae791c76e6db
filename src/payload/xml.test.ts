import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Violation } from './types.ts';
import { createXmlScanner, DEFAULT_XML_LIMITS, type XmlLimits } from './xml.ts';

function scan(
  doc: string | Buffer,
  limits: Partial<XmlLimits> = {},
  splits: number[] = [],
): Violation | null {
  const s = createXmlScanner({ ...DEFAULT_XML_LIMITS, ...limits });
  const buf = typeof doc === 'string' ? Buffer.from(doc) : doc;
  let from = 0;
  for (const at of [...splits, buf.length]) {
    const v = s.write(buf.subarray(from, at));
    if (v !== null) return v;
    from = at;
  }
  return s.end();
}

function code(doc: string | Buffer, limits: Partial<XmlLimits> = {}): string | null {
  return scan(doc, limits)?.code ?? null;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<lolz>&lol9;</lolz>`;
const XXE = '<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>';

describe('xml scanner: well-formedness', () => {
  test('accepts documents of many shapes', () => {
    for (const doc of [
      '<a/>',
      '<a></a>',
      '<a >text</a >',
      '<?xml version="1.0"?><a/>',
      "<?xml version='1.1' encoding='utf-8' standalone='yes' ?>\n<a/>\n",
      '\ufeff<?xml version="1.0" encoding="ISO-8859-1"?><a/>',
      '<!-- prolog comment --><?pi data?>\n<a/><!-- epilog --> <?after?>\n',
      '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns="urn:x"><soap:Body><m:Get xmlns:m="urn:m" m:id="1"/></soap:Body></soap:Envelope>',
      '<a x="1" y=\'&lt;&gt;&amp;&quot;&apos;&#65;&#x1F600;\' z = "a>b">&amp; &#x41; é 😀 ]] ] <![CDATA[<not a="tag"> & ]] ]]></a>',
      '<a>\t\r\n</a>',
      '<a><b><c/></b><b/></a>',
      '<_x.y-z:w/>',
      '<a><!----></a>',
    ]) {
      assert.equal(scan(doc), null, doc);
    }
  });

  test('refuses malformed documents', () => {
    for (const doc of [
      '',
      '   ',
      'text',
      '<a>',
      '<a></b>',
      '<a><b></a></b>',
      '</a>',
      '<a/><b/>',
      '<a/>text',
      'text<a/>',
      '<a x=1/>',
      '<a x="1"y="2"/>',
      '<a x="1" x="2"/>',
      '<a x="<"/>',
      '<a x="1/>',
      '<a x/>',
      '<1a/>',
      '< a/>',
      '<a>]]></a>',
      '<a>&#0;</a>',
      '<a>&#xD800;</a>',
      '<a>&#x110000;</a>',
      '<a>&#;</a>',
      '<a>&#x;</a>',
      '<a>& b</a>',
      '<a>&amp</a>',
      '<a>\u0001</a>',
      '<a x="\u0000"/>',
      '<a><!-- a -- b --></a>',
      '<a><!- x --></a>',
      '<![CDATA[x]]><a/>',
      '<a><![CDATX[x]]></a>',
      '<a><![CDATA[x]]</a>',
      ' <?xml version="1.0"?><a/>',
      '<a/><?xml version="1.0"?>',
      '<?XML version="1.0"?><a/>',
      '<?xml?><a/>',
      '<?xml encoding="UTF-8"?><a/>',
      '<?xml version="1.0" junk?><a/>',
      '<?xml version="1.0"?><?xml version="1.0"?><a/>',
      '<??><a/>',
      '<a></a',
      '<a/',
      Buffer.from('\ufeff<a/>', 'utf16le'),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<a/>', 'utf16le').swap16()]),
    ]) {
      assert.equal(code(doc), 'syntax', JSON.stringify(doc.toString()));
    }
  });

  test('arbitrary byte strings never crash the scanner and always get a decision', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(200), (bytes, at) => {
        const buf = Buffer.from(bytes);
        const split = Math.min(at, buf.length);
        const v = scan(buf, {}, [split]);
        const whole = scan(buf);
        assert.equal(v?.code, whole?.code);
        assert.equal(v?.offset, whole?.offset);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('xml scanner: DTDs and entities', () => {
  test('billion laughs is refused at the DOCTYPE, before any entity', () => {
    const v = scan(BILLION_LAUGHS);
    assert.equal(v?.code, 'dtd');
    assert.equal(v?.offset, BILLION_LAUGHS.indexOf('<!DOCTYPE') + 2);
  });

  test('XXE (external entity) is refused', () => {
    assert.equal(code(XXE), 'dtd');
    assert.equal(code('<!DOCTYPE foo SYSTEM "http://evil.test/x.dtd"><foo/>'), 'dtd');
    assert.equal(code('<a><!DOCTYPE a></a>'), 'dtd');
    assert.equal(code('<!doctype a><a/>'), 'syntax');
  });

  test('undefined entities (no DTD can define one) are refused in text and attributes', () => {
    assert.equal(code('<a>&xxe;</a>'), 'entity');
    assert.equal(code('<a x="&lol9;"/>'), 'entity');
    assert.equal(code('<a>&amp;&lt;&gt;&quot;&apos;</a>'), null);
  });

  test('encodings other than UTF-8 / US-ASCII / ISO-8859-1 are refused', () => {
    for (const enc of ['UTF-7', 'UTF-16', 'EBCDIC-US', 'utf-32']) {
      assert.equal(code(`<?xml version="1.0" encoding="${enc}"?><a/>`), 'encoding', enc);
    }
    for (const enc of ['UTF-8', 'utf-8', 'US-ASCII', 'iso-8859-1']) {
      assert.equal(code(`<?xml version="1.0" encoding="${enc}"?><a/>`), null, enc);
    }
  });
});

describe('xml scanner: limits', () => {
  test('depth', () => {
    assert.equal(code('<a><b><c/></b></a>', { maxDepth: 3 }), null);
    const v = scan('<a><b><c><d/></c></b></a>', { maxDepth: 3 });
    assert.equal(v?.code, 'depth');
    assert.equal(v?.limit, 3);
    const deep = createXmlScanner(DEFAULT_XML_LIMITS);
    assert.equal(deep.write(Buffer.from('<a>'.repeat(100_000)))?.code, 'depth');
    assert.equal(deep.bytes, 32 * 3 + 1);
  });

  test('attributes per element', () => {
    assert.equal(code('<a x="1" y="2"><b x="1" y="2"/></a>', { maxAttributes: 2 }), null);
    assert.equal(code('<a x="1" y="2" z="3"/>', { maxAttributes: 2 }), 'attributes');
  });

  test('namespace declarations per element', () => {
    assert.equal(
      code('<a xmlns="u" xmlns:b="v"><b:c xmlns:d="w" xmlns:e="x"/></a>', { maxNamespaceDeclarations: 2 }),
      null,
    );
    assert.equal(
      code('<a xmlns="u" xmlns:b="v" xmlns:c="w"/>', { maxNamespaceDeclarations: 2 }),
      'namespaces',
    );
  });

  test('name length (elements, end tags, attributes, PI targets, entity names)', () => {
    assert.equal(code('<abcd abcd="1"/>', { maxNameLength: 4 }), null);
    for (const doc of ['<abcde/>', '<a abcde="1"/>', '<?abcde x?><a/>', '<a>&abcde;</a>', '<a></abcde>']) {
      assert.equal(code(doc, { maxNameLength: 4 }), 'name', doc);
    }
  });

  test('attribute value length', () => {
    assert.equal(code('<a x="abcd"/>', { maxAttributeValueLength: 4 }), null);
    assert.equal(code('<a x="abcde"/>', { maxAttributeValueLength: 4 }), 'attribute_value');
  });

  test('text node length (character data plus CDATA between two tags), comments and PIs', () => {
    assert.equal(code('<a>abcd<b>abcd</b>abcd</a>', { maxTextLength: 4 }), null);
    assert.equal(code('<a>ab<![CDATA[cd]]></a>', { maxTextLength: 4 }), null);
    for (const doc of [
      '<a>abcde</a>',
      '<a>ab<![CDATA[cde]]></a>',
      '<a><!-- abc --></a>',
      '<a><?pi abcd?></a>',
    ]) {
      assert.equal(code(doc, { maxTextLength: 4 }), 'text', doc);
    }
  });

  test('size', () => {
    assert.equal(code('<a/>', { maxSize: 4 }), null);
    const v = scan('<a/> ', { maxSize: 4 });
    assert.equal(v?.code, 'size');
    assert.equal(v?.offset, 4);
  });

  test('details name the limit and never echo document content', () => {
    const v = scan('<secretname/>', { maxNameLength: 4 });
    assert.match(v?.detail ?? '', /longer than 4 bytes/);
    assert.doesNotMatch(v?.detail ?? '', /secret/);
    assert.doesNotMatch(scan(XXE)?.detail ?? '', /passwd|xxe/);
  });
});

describe('xml scanner: chunk boundaries', () => {
  const sample = Buffer.from(
    '\ufeff<?xml version="1.0" encoding="UTF-8"?><!-- c --><r xmlns:p="urn:p" p:a=\'1 &amp; &#x41;\'><p:b>é &lt; <![CDATA[ <x> ]] ]]></p:b><?pi d?><e/></r>\n',
  );

  test('the sample is valid however it is split in two, and byte by byte', () => {
    assert.equal(scan(sample), null);
    for (let i = 0; i <= sample.length; i++) assert.equal(scan(sample, {}, [i]), null, `split at ${i}`);
    const every = Array.from({ length: sample.length - 1 }, (_, i) => i + 1);
    assert.equal(scan(sample, {}, every), null);
  });

  test('the XXE payload is refused at the same offset whatever the split', () => {
    const bad = Buffer.from(XXE);
    const whole = scan(bad);
    for (let i = 0; i <= bad.length; i++) {
      const v = scan(bad, {}, [i]);
      assert.equal(v?.code, 'dtd', `split at ${i}`);
      assert.equal(v?.offset, whole?.offset, `split at ${i}`);
    }
  });
});
