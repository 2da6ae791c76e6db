/**
 * Anomaly detection: per-route and per-consumer EWMA baselines raising `anomaly_detected` events.
 *
 * @example
 * import { AnomalySchema, createAnomalyDetector } from '../anomaly/index.ts';
 * const detector = createAnomalyDetector(config.anomaly, { emit: bus.emit, logger });
 */
export type { Anomaly, AnomalyDeps, AnomalyDetector, Baseline, TrafficSample } from './detector.ts';
export { createAnomalyDetector, resolveAnomalyConfig } from './detector.ts';
export type { AnomalyConfig, AnomalyMetric } from './schema.ts';
export { ANOMALY_METRICS, AnomalySchema } from './schema.ts';
