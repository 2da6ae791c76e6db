import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Violation } from './types.ts';
import {
  createXmlScanner,
  DEFAULT_XML_ALLOWANCES,
  DEFAULT_XML_LIMITS,
  type XmlAllowances,
  type XmlLimits,
} from './xml.ts';

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

describe('xml scanner: external resources (XInclude, schema locations, xml-stylesheet)', () => {
  const XI = 'http://www.w3.org/2001/XInclude';
  const XI2003 = 'http://www.w3.org/2003/XInclude';
  const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

  function codeWith(doc: string, allow: Partial<XmlAllowances>, splits: number[] = []): string | null {
    const s = createXmlScanner(DEFAULT_XML_LIMITS, { ...DEFAULT_XML_ALLOWANCES, ...allow });
    const buf = Buffer.from(doc);
    let from = 0;
    for (const at of [...splits, buf.length]) {
      const v = s.write(buf.subarray(from, at));
      if (v !== null) return v.code;
      from = at;
    }
    return s.end()?.code ?? null;
  }

  test('XInclude elements are refused whatever the prefix, scope or namespace year', () => {
    for (const doc of [
      `<xi:include href="file:///etc/passwd" xmlns:xi="${XI}"/>`,
      `<r xmlns:xi="${XI}"><a><xi:include href="file:///etc/passwd" parse="text"/></a></r>`,
      `<r xmlns:inc="${XI2003}"><inc:include href="http://127.0.0.1:9/x"/></r>`,
      `<r><include xmlns="${XI}" href="file:///etc/passwd"/></r>`,
      `<r xmlns="${XI}"/>`,
      `<r xmlns:xi="${XI}"><xi:fallback/></r>`,
      `<r xmlns:xi="urn:other"><a xmlns:xi="${XI}"><xi:include href="x"/></a></r>`,
      `<r xmlns:xi='http://www.w3.org/2001/X&#73;nclude'><xi:include href="x"/></r>`,
      `<r xmlns:xi="http://www.w3.org/2001/XInclude"><b xmlns:xi="urn:x"/><xi:include href="x"></xi:include></r>`,
    ]) {
      assert.equal(codeWith(doc, {}), 'xinclude', doc);
    }
  });

  test('the XInclude namespace is matched exactly and scoped like a namespace-aware parser', () => {
    for (const doc of [
      `<r xmlns:xi="${XI}"><a xmlns:xi="urn:other"><xi:include href="x"/></a></r>`,
      `<r xmlns="${XI}.x"/>`,
      '<r xmlns:xi="http://www.w3.org/2001/xinclude"><xi:include href="x"/></r>',
      `<r><a xmlns:xi="${XI}"/><xi:include href="x" xmlns:xi="urn:o"/></r>`,
      `<r xmlns:xi="urn:o"><a xmlns:xi="${XI}"></a><xi:include href="x"/></r>`,
      `<r><o:a xmlns="${XI}" xmlns:o="urn:o"><o:b></o:b></o:a><c/></r>`,
      `<o:r xmlns:o="urn:o" xmlns="${XI}"><o:a xmlns=""><b/></o:a></o:r>`,
      `<r xmlns:xi="${XI}"><a/></r>`,
      `<r xi:href="x" xmlns:xi="urn:o"/>`,
      '<include href="file:///etc/passwd"/>',
    ]) {
      assert.equal(codeWith(doc, {}), null, doc);
    }
    // The same document without the `xmlns=""` undeclaration puts <b> in the XInclude namespace.
    assert.equal(codeWith(`<o:r xmlns:o="urn:o" xmlns="${XI}"><o:a><b/></o:a></o:r>`, {}), 'xinclude');
  });

  test('xsi:schemaLocation and xsi:noNamespaceSchemaLocation are refused, any prefix', () => {
    for (const doc of [
      `<r xmlns:xsi="${XSI}" xsi:schemaLocation="urn:r http://127.0.0.1:9/r.xsd"/>`,
      `<r xsi:noNamespaceSchemaLocation="file:///etc/passwd" xmlns:xsi="${XSI}"/>`,
      `<r xmlns:s="${XSI}"><a><b s:schemaLocation="urn:b http://evil.test/b.xsd"/></a></r>`,
      `<r xmlns:xsi="urn:o"><a xmlns:xsi="${XSI}" xsi:noNamespaceSchemaLocation="x.xsd"/></r>`,
    ]) {
      assert.equal(codeWith(doc, {}), 'schema_location', doc);
    }
    for (const doc of [
      `<r xmlns:xsi="${XSI}" xsi:type="t" xsi:nil="true"/>`,
      '<r xmlns:xsi="urn:other" xsi:schemaLocation="urn:r r.xsd"/>',
      `<r xmlns:xsi="${XSI}"><a xmlns:xsi="urn:o" xsi:schemaLocation="x"/></r>`,
      `<r xmlns="${XSI}" schemaLocation="x"/>`,
      '<r schemaLocation="x" noNamespaceSchemaLocation="y"/>',
      `<r xmlns:xsi="${XSI}" xsi:SchemaLocation="x"/>`,
    ]) {
      assert.equal(codeWith(doc, {}), null, doc);
    }
  });

  test('the xml-stylesheet processing instruction is refused in the prolog and anywhere else', () => {
    for (const doc of [
      '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="http://127.0.0.1:9/x.xsl"?><r/>',
      '<?xml-stylesheet href="file:///etc/passwd"?><r/>',
      '<r><?xml-stylesheet href="x.xsl"?></r>',
      '<r/><?xml-stylesheet?>',
    ]) {
      assert.equal(codeWith(doc, {}), 'stylesheet', doc);
    }
    for (const doc of [
      '<?xml-stylesheets x?><r/>',
      '<?stylesheet href="x"?><r/>',
      '<r><?pi xml-stylesheet?></r>',
    ]) {
      assert.equal(codeWith(doc, {}), null, doc);
    }
  });

  test('each refusal can be switched off on its own', () => {
    const xi = `<r xmlns:xi="${XI}"><xi:include href="x"/></r>`;
    const xsd = `<r xmlns:xsi="${XSI}" xsi:schemaLocation="urn:r r.xsd"/>`;
    const pi = '<?xml-stylesheet href="x.xsl"?><r/>';
    assert.equal(codeWith(xi, { allowXInclude: true }), null);
    assert.equal(codeWith(xsd, { allowXInclude: true }), 'schema_location');
    assert.equal(codeWith(xsd, { allowSchemaLocation: true }), null);
    assert.equal(codeWith(pi, { allowSchemaLocation: true }), 'stylesheet');
    assert.equal(codeWith(pi, { allowStylesheetPi: true }), null);
    assert.equal(codeWith(xi, { allowStylesheetPi: true }), 'xinclude');
    // The default of createXmlScanner is to refuse.
    assert.equal(createXmlScanner(DEFAULT_XML_LIMITS).write(Buffer.from(pi))?.code, 'stylesheet');
  });

  test('details are clear and echo nothing from the document', () => {
    const s = createXmlScanner(DEFAULT_XML_LIMITS);
    const v = s.write(Buffer.from(`<xi:include href="file:///etc/passwd" xmlns:xi="${XI}"/>`));
    assert.match(v?.detail ?? '', /XInclude/);
    assert.doesNotMatch(v?.detail ?? '', /passwd|xi:/);
    const w = createXmlScanner(DEFAULT_XML_LIMITS).write(
      Buffer.from(`<r xmlns:q="${XSI}" q:schemaLocation="urn:r http://evil.test/secret.xsd"/>`),
    );
    assert.match(w?.detail ?? '', /schemaLocation/);
    assert.doesNotMatch(w?.detail ?? '', /evil|secret|q:/);
    const p = createXmlScanner(DEFAULT_XML_LIMITS).write(
      Buffer.from('<?xml-stylesheet href="evil.xsl"?><r/>'),
    );
    assert.match(p?.detail ?? '', /xml-stylesheet/);
    assert.doesNotMatch(p?.detail ?? '', /evil/);
  });

  test('refused at the same offset whatever the chunk split', () => {
    for (const doc of [
      `<r xmlns:xi='http://www.w3.org/2001/X&#x49;nclude'><a><xi:include href="x"/></a></r>`,
      `<r xmlns:xsi="${XSI}"><a xsi:noNamespaceSchemaLocation="x.xsd"/></r>`,
      '<?xml version="1.0"?>\n<?xml-stylesheet href="x.xsl"?><r/>',
    ]) {
      const whole = createXmlScanner(DEFAULT_XML_LIMITS).write(Buffer.from(doc));
      assert.notEqual(whole, null, doc);
      for (let i = 0; i <= doc.length; i++) {
        assert.equal(codeWith(doc, {}, [i]), whole?.code, `${doc} split at ${i}`);
        const s = createXmlScanner(DEFAULT_XML_LIMITS);
        const v = s.write(Buffer.from(doc.slice(0, i))) ?? s.write(Buffer.from(doc.slice(i)));
        assert.equal(v?.offset, whole?.offset, `${doc} split at ${i}`);
      }
    }
  });

  test('a benign namespaced document with an XML declaration and other PIs still passes', () => {
    const doc = `<?xml version="1.0" encoding="UTF-8"?>\n<?app-hint x?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns="urn:x"><soap:Body><m:Get xmlns:m="urn:m" m:id="1" href="file:///x"/></soap:Body></soap:Envelope>`;
    assert.equal(codeWith(doc, {}), null);
    for (let i = 0; i <= doc.length; i++) assert.equal(codeWith(doc, {}, [i]), null, `split at ${i}`);
  });
});
