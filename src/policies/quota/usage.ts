/**
 * Reading quota usage outside a request (the admin API): the same key layout and period
 * arithmetic the `quota` policy counts with.
 */
import type { StateStore } from '../../stores/types.ts';
import { PeriodClock, type PeriodKind } from './period.ts';
import { QUOTA_KEY_PREFIX } from './persist.ts';

/**
 * Store key of one quota counter: `quota:<bucket>:<period id>:<subject>`.
 *
 * @example
 * quotaKey('global', '2026-11-28', 'c:alice'); // 'quota:global:2026-11-28:c:alice'
 */
export function quotaKey(bucket: string, periodId: string, subject: string): string {
  return `${QUOTA_KEY_PREFIX}${bucket}:${periodId}:${subject}`;
}

/** What to read with {@link readQuotaUsage}. */
export interface QuotaUsageQuery {
  /** Counter bucket: the policy's `bucket`, or where it is configured (`global`, `route:<name>`, …). */
  readonly bucket: string;
  /** Subject (see `subject.ts`: `consumerSubject('alice')` → `c:alice`, `ipSubject(…)`, …). */
  readonly subject: string;
  /** Default `day`. */
  readonly period?: PeriodKind;
  /** IANA time zone of the policy (default `UTC`). */
  readonly time_zone?: string;
  /** The allowance, to compute `remaining` (optional). */
  readonly limit?: number;
  /** Any instant inside the period to read (ms since the epoch); default now. */
  readonly at?: number;
}

/** Usage of one key in one period. */
export interface QuotaUsage {
  readonly key: string;
  readonly period: PeriodKind;
  readonly period_id: string;
  readonly used: number;
  /** Present when the query gave `limit`. */
  readonly limit?: number;
  /** `max(0, limit - used)`, present when the query gave `limit`. */
  readonly remaining?: number;
  /** Start of the period (ISO 8601, UTC). */
  readonly period_start: string;
  /** When the allowance resets: the start of the next period (ISO 8601, UTC). */
  readonly reset_at: string;
}

/**
 * Reads how much of a quota a subject used in the period containing `at` (default: now). Works
 * with either store; throws (rejects with) a `StoreError` when the store cannot answer and a
 * TypeError for an unknown time zone. With the local store, a process restores persisted usage
 * before it counts its first request: a reader that may run earlier calls `restoreQuotaUsage`
 * (persist.ts) first.
 *
 * @example
 * const u = await readQuotaUsage(store, { bucket: 'global', subject: consumerSubject('alice'), period: 'month', time_zone: 'Europe/Paris', limit: 100_000 });
 * // { key, period: 'month', period_id: '2026-11', used: 1234, limit: 100000, remaining: 98766, period_start, reset_at }
 */
export async function readQuotaUsage(store: StateStore, q: QuotaUsageQuery): Promise<QuotaUsage> {
  const kind = q.period ?? 'day';
  const clock = new PeriodClock(kind, q.time_zone ?? 'UTC');
  const p = clock.at(q.at ?? Date.now());
  const key = quotaKey(q.bucket, p.id, q.subject);
  const used = await store.count(key);
  const base = {
    key,
    period: kind,
    period_id: p.id,
    used,
    period_start: new Date(p.startMs).toISOString(),
    reset_at: new Date(p.endMs).toISOString(),
  };
  if (q.limit === undefined) return base;
  return { ...base, limit: q.limit, remaining: Math.max(0, q.limit - used) };
}
