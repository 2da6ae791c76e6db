import { type Static, Type } from '@sinclair/typebox';
import { DEFAULT_XML_LIMITS } from '../../payload/xml.ts';
import { MEDIA_RANGE_PATTERN } from '../request-size-limit/schema.ts';

/** Media ranges whose bodies `xml-threat-protection` inspects by default. */
export const DEFAULT_XML_CONTENT_TYPES: readonly string[] = [
  'application/xml',
  'text/xml',
  'application/*+xml',
];

const d = DEFAULT_XML_LIMITS;

function limit(def: number, max: number, description: string) {
  return Type.Integer({ minimum: 1, maximum: max, default: def, description });
}

/** Config of the `xml-threat-protection` policy. */
export const XmlThreatProtectionSchema = Type.Object(
  {
    content_types: Type.Array(Type.String({ pattern: MEDIA_RANGE_PATTERN, maxLength: 255 }), {
      default: [...DEFAULT_XML_CONTENT_TYPES],
      minItems: 1,
      maxItems: 64,
      description:
        'Media ranges (`type/subtype`, `type/*`, `type/*+suffix`; parameters ignored) whose bodies are validated. Bodies of other media types stream through unchecked: pair with `request-size-limit.allowed_content_types` to refuse them.',
    }),
    max_depth: limit(
      d.maxDepth,
      10_000,
      'Deepest element nesting (the root element is depth 1). Default 32.',
    ),
    max_attributes: limit(
      d.maxAttributes,
      10_000,
      'Most attributes on one element, namespace declarations included. Default 32.',
    ),
    max_namespace_declarations: limit(
      d.maxNamespaceDeclarations,
      10_000,
      'Most namespace declarations (`xmlns`, `xmlns:prefix`) on one element. Default 16.',
    ),
    max_name_length: limit(
      d.maxNameLength,
      65_536,
      'Longest element, attribute, processing-instruction or entity name, in bytes. Default 256.',
    ),
    max_attribute_value_length: limit(
      d.maxAttributeValueLength,
      1_073_741_824,
      'Longest attribute value, in bytes (a reference counts as one). Default 8192.',
    ),
    max_text_length: limit(
      d.maxTextLength,
      1_073_741_824,
      'Longest text node (character data and CDATA between two tags), comment or processing instruction, in bytes. Default 65536.',
    ),
    allow_xinclude: Type.Boolean({
      default: false,
      description:
        'Let through elements in the XInclude namespaces (`http://www.w3.org/2001/XInclude`, `http://www.w3.org/2003/XInclude`, any prefix or as default namespace), which make an XInclude-aware parser read files or URLs (`<xi:include href="file:///etc/passwd"/>`). Default false: refused with 400 (`xml:xinclude`).',
    }),
    allow_schema_location: Type.Boolean({
      default: false,
      description:
        'Let through `schemaLocation` / `noNamespaceSchemaLocation` attributes in the XML Schema instance namespace (`http://www.w3.org/2001/XMLSchema-instance`, any prefix), which can make a validating parser fetch schemas. Default false: refused with 400 (`xml:schema_location`).',
    }),
    allow_stylesheet_pi: Type.Boolean({
      default: false,
      description:
        'Let through the `<?xml-stylesheet …?>` processing instruction, which can make a consumer fetch and run an XSLT stylesheet. Default false: refused with 400 (`xml:stylesheet`).',
    }),
    max_size: limit(
      d.maxSize,
      1_073_741_824,
      'Largest body, in bytes; also how much is buffered while validating. A larger Content-Length is refused (413) before reading. Default 1 MiB.',
    ),
  },
  {
    additionalProperties: false,
    description:
      'Validates XML request bodies while they stream in: no DTD (so no entity expansion or external entities), no XInclude, schema location hints or xml-stylesheet (unless allowed), well-formedness and structural limits; forwards them unchanged.',
  },
);

/** Validated `xml-threat-protection` config (defaults applied). */
export type XmlThreatProtectionConfig = Static<typeof XmlThreatProtectionSchema>;
