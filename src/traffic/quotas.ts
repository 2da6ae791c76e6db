/**
 * The quota allowances a config declares (every `quota` policy, global, per service, route or consumer),
 * with the bucket each counts in — the same naming as the policy (`bucket`, else where it is attached) —
 * so the admin API can read usage (`GET /quotas`) from the state store without the policy instances.
 */
import type { QuotaUsage } from '../policies/quota/policy.ts';
import { consumerSubject } from '../policies/quota/subject.ts';
import { readQuotaUsage } from '../policies/quota/usage.ts';
import type { StateStore } from '../stores/types.ts';

/** One allowance of a config. */
export interface QuotaAllowance {
  readonly bucket: string;
  readonly period: 'day' | 'month';
  readonly time_zone: string;
  /** What the allowance counts against (`consumer`, `ip`, `header:<name>`, …). */
  readonly key: string;
  readonly limit: number;
  readonly group_limits: Readonly<Record<string, number>>;
}

interface QuotaCfg {
  limit: number;
  period?: 'day' | 'month';
  time_zone?: string;
  key?: string;
  bucket?: string;
  group_limits?: Record<string, number>;
}
type Policies = Record<string, unknown> | undefined;

/** Every quota policy of a (validated) config. */
export function quotaAllowancesOf(config: unknown): QuotaAllowance[] {
  const c = config as {
    policies?: Policies;
    services?: Array<{ name: string; policies?: Policies }>;
    routes?: Array<{ name: string; policies?: Policies }>;
    consumers?: Array<{ id: string; policies?: Policies }>;
  };
  const out = new Map<string, QuotaAllowance>();
  const add = (policies: Policies, scope: string) => {
    const q = policies?.quota as QuotaCfg | undefined;
    if (q === undefined || typeof q.limit !== 'number') return;
    const a: QuotaAllowance = {
      bucket: q.bucket ?? scope,
      period: q.period ?? 'day',
      time_zone: q.time_zone ?? 'UTC',
      key: q.key ?? 'consumer',
      limit: q.limit,
      group_limits: q.group_limits ?? {},
    };
    out.set(`${a.bucket}|${a.period}`, a);
  };
  add(c.policies, 'global');
  for (const s of c.services ?? []) add(s.policies, `service:${s.name}`);
  for (const r of c.routes ?? []) add(r.policies, `route:${r.name}`);
  for (const k of c.consumers ?? []) add(k.policies, `consumer:${k.id}`);
  return [...out.values()];
}

/** The limit that applies to a consumer: the largest of its groups' limits, else the default. */
export function limitFor(a: QuotaAllowance, groups: readonly string[]): number {
  let best: number | undefined;
  for (const g of groups) {
    const l = a.group_limits[g];
    if (l !== undefined && (best === undefined || l > best)) best = l;
  }
  return best ?? a.limit;
}

/**
 * Usage of every consumer-keyed allowance for the given consumers (all of the config's when none is named).
 *
 * @example
 * await quotaUsage(store, config, 'alice') // [{ bucket: 'route:orders', consumer: 'alice', used: 12, limit: 1000, … }]
 */
export async function quotaUsage(
  store: StateStore,
  config: unknown,
  consumer: string | undefined,
): Promise<Array<QuotaUsage & { bucket: string; consumer: string }>> {
  const consumers = (
    (config as { consumers?: Array<{ id: string; groups?: string[] }> }).consumers ?? []
  ).filter((k) => consumer === undefined || k.id === consumer);
  const rows: Array<QuotaUsage & { bucket: string; consumer: string }> = [];
  for (const a of quotaAllowancesOf(config)) {
    if (a.key !== 'consumer') continue;
    for (const k of consumers) {
      const u = await readQuotaUsage(store, {
        bucket: a.bucket,
        subject: consumerSubject(k.id),
        period: a.period,
        time_zone: a.time_zone,
        limit: limitFor(a, k.groups ?? []),
      });
      rows.push({ ...u, bucket: a.bucket, consumer: k.id });
    }
  }
  return rows;
}
