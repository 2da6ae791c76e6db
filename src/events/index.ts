/**
 * Security events: the bus (normalise, recent buffer, fan-out), formats (ECS, OCSF, CEF), masking,
 * sinks (file, syslog TCP/TLS, HTTP/HEC, OTLP) and the `events` config schema.
 *
 * @example
 * import { createEventBus, EventsSchema } from '../events/index.ts';
 * const bus = createEventBus(config.events, { logger, metrics });
 * const deps = { event: bus.emit }; // what policies call
 */
export type { EventBus, EventBusDeps, EventBusStats, RecentFilter } from './bus.ts';
export { createEventBus, resolveEventsConfig, startSink } from './bus.ts';
export type { SecurityEvent } from './event.ts';
export { normalise, SEVERITY_RANK } from './event.ts';
export { formatEvent, formatLine, toCef, toEcs, toOcsf } from './formats.ts';
export type { Masker } from './mask.ts';
export { compileMasker, MASKED } from './mask.ts';
export type { SinkStats } from './queue.ts';
export type {
  EventCategory,
  EventFormat,
  EventSeverity,
  EventsConfig,
  MaskConfig,
  ResolvedEventsConfig,
  SinkConfig,
} from './schema.ts';
export {
  EVENT_CATEGORIES,
  EventsSchema,
  resolveSink,
  SEVERITIES,
  SinkSchema,
  WebhookSchema,
} from './schema.ts';
