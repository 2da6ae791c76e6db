/**
 * Bounded config version history, kept in memory and in `<state_dir>/config-history/` (one
 * `v<version>.yaml` per version, 0600, plus `index.json`), so a rollback works after a restart.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One applied config version. */
export interface ConfigVersion {
  /** 1, 2, 3… never reused. */
  readonly version: number;
  /** configDigest of the text. */
  readonly digest: string;
  /** RFC 3339 time it was recorded. */
  readonly at: string;
  /** Token id that applied it (`file` for a file reload, `start` for the startup config). */
  readonly actor: string;
  /** `apply`, `rollback`, `start`, `reload`, `consumer.put`… */
  readonly reason: string;
}

interface Stored extends ConfigVersion {
  readonly text: string;
}

const INDEX = 'index.json';

function writeAtomic(file: string, data: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  renameSync(tmp, file);
}

/**
 * The version history. `record` adds a version unless its digest equals the newest one, and drops
 * the oldest beyond `max`.
 *
 * @example
 * const h = new ConfigHistory({ dir: '.gatehouse/admin/config-history', max: 20 });
 * h.record(text, digest, 'ops', 'apply');
 */
export class ConfigHistory {
  readonly dir: string;
  readonly #max: number;
  readonly #clock: () => number;
  #versions: Stored[] = [];

  constructor(opts: { dir: string; max: number; clock?: () => number }) {
    if (!Number.isSafeInteger(opts.max) || opts.max < 1) throw new TypeError('history max must be >= 1');
    this.dir = resolve(opts.dir);
    this.#max = opts.max;
    this.#clock = opts.clock ?? Date.now;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    let index: ConfigVersion[] = [];
    try {
      index = JSON.parse(readFileSync(join(this.dir, INDEX), 'utf8')) as ConfigVersion[];
    } catch {
      index = [];
    }
    for (const v of Array.isArray(index) ? index : []) {
      try {
        const text = readFileSync(join(this.dir, `v${v.version}.yaml`), 'utf8');
        this.#versions.push({ ...v, text });
      } catch {
        // A version whose file is gone cannot be rolled back to: left out.
      }
    }
  }

  /** Versions, oldest first (without text). */
  list(): ConfigVersion[] {
    return this.#versions.map(({ text: _t, ...v }) => v);
  }

  /** The newest version, if any. */
  latest(): (ConfigVersion & { text: string }) | undefined {
    return this.#versions.at(-1);
  }

  /** A version with its text. */
  get(version: number): (ConfigVersion & { text: string }) | undefined {
    return this.#versions.find((v) => v.version === version);
  }

  /** The version before the newest one. */
  previous(): (ConfigVersion & { text: string }) | undefined {
    return this.#versions.at(-2);
  }

  /** Records a version (no-op when the newest has the same digest) and returns the newest. */
  record(text: string, digest: string, actor: string, reason: string): ConfigVersion {
    const last = this.#versions.at(-1);
    if (last !== undefined && last.digest === digest) return last;
    const v: Stored = {
      version: (last?.version ?? 0) + 1,
      digest,
      at: new Date(this.#clock()).toISOString(),
      actor,
      reason,
      text,
    };
    writeAtomic(join(this.dir, `v${v.version}.yaml`), text);
    this.#versions.push(v);
    while (this.#versions.length > this.#max) {
      const old = this.#versions.shift()!;
      rmSync(join(this.dir, `v${old.version}.yaml`), { force: true });
    }
    writeAtomic(join(this.dir, INDEX), `${JSON.stringify(this.list())}\n`);
    return v;
  }
}
