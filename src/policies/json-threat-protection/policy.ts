import { createPayloadGuard } from '../../payload/guard.ts';
import { createJsonScanner, type JsonLimits } from '../../payload/json.ts';
import { definePolicy, type PolicyDeps, type RequestContext } from '../../pipeline/types.ts';
import { type JsonThreatProtectionConfig, JsonThreatProtectionSchema } from './schema.ts';

/**
 * `json-threat-protection`: validates JSON request bodies (selected by media type) with the streaming scanner
 * of src/payload/json.ts while buffering them up to `max_size`, refuses the first violation with RFC 9457
 * problem+json (400, or 413 for size; reason `json:<limit>` such as `json:depth`, `json:duplicate_key`,
 * `json:syntax`) and a `payload_rejected` security event, and forwards valid bodies byte for byte. A
 * 100,000-deep array is refused at byte 33 without reading the rest.
 *
 * @example
 * json-threat-protection:
 *   max_depth: 16
 *   max_string_length: 8192
 *   content_types: [application/json, application/*+json]
 */
export const policy = definePolicy({
  name: 'json-threat-protection',
  order: 410,
  phases: ['request'],
  status: 'beta',
  posture: 'hardened',
  description:
    'Validates JSON bodies while streaming: depth, entries, array/string/key/number length, size, duplicate and __proto__ keys.',
  supportsMode: true,
  schema: JsonThreatProtectionSchema,
  create(config: JsonThreatProtectionConfig, deps: PolicyDeps) {
    const limits: JsonLimits = Object.freeze({
      maxDepth: config.max_depth,
      maxObjectEntries: config.max_object_entries,
      maxArrayLength: config.max_array_length,
      maxStringLength: config.max_string_length,
      maxKeyLength: config.max_key_length,
      maxNumberLength: config.max_number_length,
      maxSize: config.max_size,
      rejectDuplicateKeys: config.duplicate_keys === 'reject',
      rejectProtoKeys: config.proto_keys === 'reject',
      bom: config.bom,
    });
    let guard: (ctx: RequestContext) => Promise<undefined>;
    try {
      guard = createPayloadGuard({
        policy: 'json-threat-protection',
        prefix: 'json',
        contentTypes: config.content_types,
        maxSize: config.max_size,
        scanner: () => createJsonScanner(limits),
        deps,
      });
    } catch (err) {
      throw new TypeError(`json-threat-protection: content_types: ${(err as Error).message}`);
    }
    return Object.freeze({
      onRequest(ctx: RequestContext): Promise<undefined> {
        return guard(ctx);
      },
    });
  },
});
