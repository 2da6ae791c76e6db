/**
 * The bans this thread placed (rate-limit bans, brute-force blocks), so the admin API and the dashboard
 * can list them and an operator can lift one. A policy records each ban it places with a `lift`
 * function that removes it from the state store and from the policy's own cache; the registry only
 * remembers and forgets. Bounded: past `MAX_BANS` entries, the ones that end first are dropped from the
 * list (the bans themselves stay in force in the store until they expire).
 */
import type { MaybePromise } from '../pipeline/types.ts';

/** A ban as the admin API shows it. */
export interface BanEntry {
  /** Stable id: `<policy>:<scope>:<key hash>`. */
  readonly id: string;
  readonly policy: string;
  /** Where the policy is attached (`global`, `route:orders`, …). */
  readonly scope: string;
  /** What is banned: `ip`, `credential` or `key` (a rate-limit key). */
  readonly subject: string;
  readonly client_ip?: string;
  readonly consumer?: string;
  readonly route?: string;
  readonly level?: number;
  /** Epoch ms when the ban was placed and when it ends. */
  readonly since: number;
  readonly until: number;
}

const MAX_BANS = 10_000;

/** Process-wide (per thread) list of active bans with their lift functions. */
export class BanRegistry {
  readonly #entries = new Map<string, { entry: BanEntry; lift: () => MaybePromise<void> }>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** Records a ban (replacing an earlier one with the same id). */
  record(entry: BanEntry, lift: () => MaybePromise<void>): void {
    this.#entries.delete(entry.id);
    if (this.#entries.size >= MAX_BANS) this.#prune(true);
    this.#entries.set(entry.id, { entry, lift });
  }

  /** Active bans, the longest-running first. */
  list(): BanEntry[] {
    this.#prune(false);
    return [...this.#entries.values()].map((e) => e.entry).sort((a, b) => a.since - b.since);
  }

  /** Lifts a ban; false when no active ban has this id. */
  async lift(id: string): Promise<boolean> {
    this.#prune(false);
    const e = this.#entries.get(id);
    if (e === undefined) return false;
    await e.lift();
    this.#entries.delete(id);
    return true;
  }

  /** Forgets a ban that ended or was lifted elsewhere. */
  forget(id: string): void {
    this.#entries.delete(id);
  }

  #prune(full: boolean): void {
    const t = this.#now();
    for (const [id, e] of this.#entries) if (e.entry.until <= t) this.#entries.delete(id);
    if (full && this.#entries.size >= MAX_BANS) {
      const soonest = [...this.#entries.values()].sort((a, b) => a.entry.until - b.entry.until);
      for (const e of soonest.slice(0, Math.ceil(MAX_BANS / 10))) this.#entries.delete(e.entry.id);
    }
  }
}

/** The registry of this thread. */
export const banRegistry = new BanRegistry();
