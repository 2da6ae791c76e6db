/**
 * Actions the anomaly detector can take on the traffic of a route or a consumer, for a while:
 * `tighten` (rate-limit policies charge each request `cost` units instead of 1, i.e. the limits shrink
 * by that factor) and `challenge` (bot-defense challenges every client it sees there, as if its score
 * reached the challenge threshold). Per thread; in worker mode the main thread broadcasts each action to
 * every worker. With nothing active the checks are two map-size reads.
 */

/** An action raised for an anomaly, as it travels between threads. */
export interface AnomalyAction {
  readonly kind: 'tighten' | 'challenge';
  readonly scope: 'route' | 'consumer';
  readonly key: string;
  /** Epoch ms when the action ends. */
  readonly until: number;
  /** For `tighten`: units charged per request (≥ 1). */
  readonly cost?: number;
}

/** Active anomaly actions of this thread. */
export class AnomalyActions {
  readonly #cost = new Map<string, { cost: number; until: number }>();
  readonly #challenge = new Map<string, number>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Applies an action (a later one for the same scope replaces the earlier). */
  apply(a: AnomalyAction): void {
    const k = `${a.scope}:${a.key}`;
    if (a.kind === 'tighten')
      this.#cost.set(k, { cost: Math.max(1, Math.ceil(a.cost ?? 2)), until: a.until });
    else this.#challenge.set(k, a.until);
  }

  /** Units a rate-limit policy charges for this request: 1 unless a tighten action is active. */
  costFor(route: string, consumer: string | undefined): number {
    if (this.#cost.size === 0) return 1;
    const t = this.#now();
    let cost = 1;
    for (const k of [`route:${route}`, consumer === undefined ? '' : `consumer:${consumer}`]) {
      const e = this.#cost.get(k);
      if (e === undefined) continue;
      if (e.until <= t) this.#cost.delete(k);
      else cost = Math.max(cost, e.cost);
    }
    return cost;
  }

  /** True when bot-defense must challenge requests of this route or consumer. */
  challenged(route: string, consumer: string | undefined): boolean {
    if (this.#challenge.size === 0) return false;
    const t = this.#now();
    for (const k of [`route:${route}`, consumer === undefined ? '' : `consumer:${consumer}`]) {
      const until = this.#challenge.get(k);
      if (until === undefined) continue;
      if (until <= t) this.#challenge.delete(k);
      else return true;
    }
    return false;
  }

  /** What is active now (admin API, tests). */
  active(): AnomalyAction[] {
    const t = this.#now();
    const out: AnomalyAction[] = [];
    for (const [k, e] of this.#cost) {
      if (e.until > t) out.push({ kind: 'tighten', ...split(k), until: e.until, cost: e.cost });
    }
    for (const [k, until] of this.#challenge) {
      if (until > t) out.push({ kind: 'challenge', ...split(k), until });
    }
    return out;
  }

  /** Forgets every action. */
  clear(): void {
    this.#cost.clear();
    this.#challenge.clear();
  }
}

function split(k: string): { scope: 'route' | 'consumer'; key: string } {
  const i = k.indexOf(':');
  return { scope: k.slice(0, i) as 'route' | 'consumer', key: k.slice(i + 1) };
}

/** The actions of this thread. */
export const anomalyActions = new AnomalyActions();
