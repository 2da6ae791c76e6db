import { createPayloadGuard } from '../../payload/guard.ts';
import { createXmlScanner, type XmlAllowances, type XmlLimits } from '../../payload/xml.ts';
import { definePolicy, type PolicyDeps, type RequestContext } from '../../pipeline/types.ts';
import { type XmlThreatProtectionConfig, XmlThreatProtectionSchema } from './schema.ts';

/**
 * `xml-threat-protection`: validates XML request bodies (selected by media type) with the streaming scanner
 * of src/payload/xml.ts while buffering them up to `max_size`. Any `<!DOCTYPE` is refused, so billion-laughs
 * (entity expansion) and XXE (external entities, `SYSTEM "file:///…"`) payloads never reach the upstream's
 * parser; only the five predefined entities and character references are allowed. XInclude elements,
 * `xsi:schemaLocation` / `xsi:noNamespaceSchemaLocation` and `<?xml-stylesheet?>` (other ways to make a parser
 * fetch or include resources) are refused too unless `allow_xinclude`, `allow_schema_location` or
 * `allow_stylesheet_pi` is set. Violations answer RFC 9457 problem+json (400, or 413 for size; reason
 * `xml:<limit>` such as `xml:dtd`, `xml:xinclude`, `xml:schema_location`, `xml:stylesheet`, `xml:depth`) and
 * emit a `payload_rejected` security event; valid bodies are forwarded byte for byte.
 *
 * @example
 * xml-threat-protection:
 *   max_depth: 24
 *   max_attributes: 16
 *   content_types: [application/xml, text/xml, application/soap+xml]
 */
export const policy = definePolicy({
  name: 'xml-threat-protection',
  order: 410,
  phases: ['request'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Validates XML bodies while streaming: no DTD/entities (billion laughs, XXE), XInclude, schema locations or xml-stylesheet, depth, attributes, namespaces, name/text length, size.',
  supportsMode: true,
  schema: XmlThreatProtectionSchema,
  create(config: XmlThreatProtectionConfig, deps: PolicyDeps) {
    const limits: XmlLimits = Object.freeze({
      maxDepth: config.max_depth,
      maxAttributes: config.max_attributes,
      maxNamespaceDeclarations: config.max_namespace_declarations,
      maxNameLength: config.max_name_length,
      maxAttributeValueLength: config.max_attribute_value_length,
      maxTextLength: config.max_text_length,
      maxSize: config.max_size,
    });
    const allow: XmlAllowances = Object.freeze({
      allowXInclude: config.allow_xinclude,
      allowSchemaLocation: config.allow_schema_location,
      allowStylesheetPi: config.allow_stylesheet_pi,
    });
    let guard: (ctx: RequestContext) => Promise<undefined>;
    try {
      guard = createPayloadGuard({
        policy: 'xml-threat-protection',
        prefix: 'xml',
        contentTypes: config.content_types,
        maxSize: config.max_size,
        scanner: () => createXmlScanner(limits, allow),
        deps,
      });
    } catch (err) {
      throw new TypeError(`xml-threat-protection: content_types: ${(err as Error).message}`);
    }
    return Object.freeze({
      onRequest(ctx: RequestContext): Promise<undefined> {
        return guard(ctx);
      },
    });
  },
});
