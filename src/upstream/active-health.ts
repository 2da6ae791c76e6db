import type { Client } from 'undici';
import type { Target } from './target.ts';
import type { ActiveHealthSpec } from './types.ts';

/** Bytes of a probe response body read before the connection is dropped. */
const PROBE_BODY_LIMIT = 64 * 1024;

/** Result of one probe: `reason` is a short machine-friendly cause for logs (`status 500`, `UND_ERR_CONNECT_TIMEOUT`). */
export type ProbeListener = (target: Target, ok: boolean, reason: string) => void;

/**
 * Probes every target with `GET <path>` on its own single-connection client (never the proxy pool).
 * Each target runs its own chain: probe, wait `interval_ms`, probe again, so probes never overlap.
 * The first probes start right away. Every timer is unref'd, each probe has a hard `timeout_ms`
 * deadline, and `stop()` aborts probes in flight and closes the clients.
 *
 * @example
 * const checker = new ActiveHealthChecker(targets, spec, (t) => transport.createHealthClient(t.url, spec.timeout_ms), onProbe);
 * checker.start();
 * await checker.stop();
 */
export class ActiveHealthChecker {
  readonly #targets: readonly Target[];
  readonly #spec: Readonly<ActiveHealthSpec>;
  readonly #clients: Client[];
  readonly #listener: ProbeListener;
  readonly #timers: Array<NodeJS.Timeout | undefined>;
  readonly #inflight = new Set<AbortController>();
  readonly #expected: ReadonlySet<number>;
  readonly #headers: Record<string, string>;
  #state: 'idle' | 'running' | 'stopped' = 'idle';
  readonly #probes = new Set<Promise<void>>();

  constructor(
    targets: readonly Target[],
    spec: Readonly<ActiveHealthSpec>,
    createClient: (t: Target) => Client,
    listener: ProbeListener,
  ) {
    this.#targets = targets;
    this.#spec = spec;
    this.#clients = targets.map(createClient);
    this.#listener = listener;
    this.#timers = targets.map(() => undefined);
    this.#expected = new Set(spec.expected_statuses);
    this.#headers = { 'user-agent': 'gatehouse-health-check' };
    if (spec.host !== undefined) this.#headers['host'] = spec.host;
  }

  /** Starts probing (idempotent; ignored after `stop`). */
  start(): void {
    if (this.#state !== 'idle') return;
    this.#state = 'running';
    for (let i = 0; i < this.#targets.length; i++) this.#schedule(i, 0);
  }

  /** Stops probing, aborts probes in flight and closes the probe clients (idempotent). */
  async stop(): Promise<void> {
    if (this.#state === 'stopped') return;
    this.#state = 'stopped';
    for (const timer of this.#timers) if (timer !== undefined) clearTimeout(timer);
    for (const ac of this.#inflight) ac.abort(new Error('health checker stopped'));
    await Promise.allSettled([...this.#probes]);
    await Promise.allSettled(this.#clients.map((c) => c.destroy()));
  }

  #schedule(i: number, delay: number): void {
    if (this.#state !== 'running') return;
    const timer = setTimeout(() => {
      this.#timers[i] = undefined;
      // #run cannot reject (probe errors are results and the listener is the upstream's guarded one).
      const p = this.#run(i).finally(() => this.#probes.delete(p));
      this.#probes.add(p);
    }, delay);
    timer.unref();
    this.#timers[i] = timer;
  }

  async #run(i: number): Promise<void> {
    const target = this.#targets[i]!;
    const [ok, reason] = await this.#probe(this.#clients[i]!);
    if (this.#state !== 'running') return;
    try {
      this.#listener(target, ok, reason);
    } finally {
      this.#schedule(i, this.#spec.interval_ms);
    }
  }

  async #probe(client: Client): Promise<[boolean, string]> {
    const ac = new AbortController();
    const deadline = setTimeout(() => ac.abort(new Error('health check timed out')), this.#spec.timeout_ms);
    deadline.unref();
    this.#inflight.add(ac);
    try {
      const res = await client.request({
        method: 'GET',
        path: this.#spec.path,
        headers: this.#headers,
        signal: ac.signal,
        reset: true,
      });
      await res.body.dump({ limit: PROBE_BODY_LIMIT }).catch(() => undefined);
      const ok = this.#expected.has(res.statusCode);
      return [ok, `status ${res.statusCode}`];
    } catch (err) {
      const e = err as { code?: unknown; name?: unknown };
      const reason = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : 'error';
      return [false, ac.signal.aborted ? 'timeout' : reason];
    } finally {
      clearTimeout(deadline);
      this.#inflight.delete(ac);
    }
  }
}
