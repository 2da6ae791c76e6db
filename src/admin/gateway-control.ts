/**
 * Adapters from one in-process {@link Gateway} to the admin server options: config control (read,
 * check, apply through `Gateway.reload(checked)`) and upstream health.
 */
import { renameSync, writeFileSync } from 'node:fs';
import type { GatewayConfig } from '../runtime/build.ts';
import {
  type Checked,
  checkConfig,
  configDigest,
  type Gateway,
  type ReloadResult,
  readConfig,
} from '../runtime/gateway.ts';
import type { AdminConfigControl, RunningConfig } from './server.ts';

/** The config file's text, or undefined when it cannot be read now. */
function tryRead(path: string): string | undefined {
  const r = readConfig(path);
  return r.ok ? r.text : undefined;
}

/** Options of {@link gatewayConfigControl}. */
export interface GatewayControlOptions {
  /** The config file the gateway was started from. */
  readonly path: string;
  readonly env: Record<string, string | undefined>;
  /** The text the gateway was started with (default: read `path` now). */
  readonly text?: string;
  /**
   * Write an applied config back to `path` (atomically: temp file + rename), so a restart or a
   * SIGHUP keeps it. Default true.
   */
  readonly persist?: boolean;
}

/**
 * Config control for one Gateway in this thread. The running text is tracked; when the gateway was
 * reloaded from the file meanwhile (its digest changed), the file is read again.
 *
 * @example
 * createAdminServer({ ..., config: gatewayConfigControl(gw, { path, env: process.env }) });
 */
export function gatewayConfigControl(gw: Gateway, opts: GatewayControlOptions): AdminConfigControl {
  const read = () => {
    const r = readConfig(opts.path);
    if (!r.ok) throw new Error(r.errors[0]?.message ?? 'cannot read the configuration file');
    return r.text;
  };
  let text = opts.text ?? read();
  let digest = configDigest(text);
  /** The gateway digest the file was last read for without matching (read once per digest). */
  let missed: string | undefined;
  const persist = opts.persist !== false;
  return {
    path: opts.path,
    running(): RunningConfig {
      if (gw.digest !== digest && gw.digest !== missed) {
        const now = tryRead(opts.path);
        if (now !== undefined && configDigest(now) === gw.digest) {
          text = now;
          digest = gw.digest;
        } else missed = gw.digest;
      }
      return {
        text: gw.digest === digest ? text : undefined,
        digest: gw.digest,
        config: gw.config as unknown as RunningConfig['config'],
        secrets: gw.secrets,
      };
    },
    check: (candidate) => checkConfig(opts.path, candidate, opts.env),
    async apply(checked: Checked, candidate: string) {
      const r = await gw.reload(checked);
      if (!r.ok) return r;
      text = candidate;
      digest = checked.digest;
      if (persist) {
        const tmp = `${opts.path}.admin-tmp`;
        writeFileSync(tmp, candidate, { mode: 0o600 });
        renameSync(tmp, opts.path);
      }
      return r;
    },
  };
}

/**
 * Health of every upstream of the gateway's current runtime, as `GET /upstreams` rows.
 *
 * @example
 * createAdminServer({ ..., upstreams: gatewayUpstreams(gw) });
 */
export function gatewayUpstreams(gw: Gateway): () => Array<{ name: string; targets: unknown[] }> {
  return () => [...gw.ref.current.upstreams].map(([name, u]) => ({ name, targets: u.health() }));
}

function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.admin-tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
}

/** Options of {@link fileConfigControl}. */
export interface FileControlOptions {
  /** The config file the gateway serves from. */
  readonly path: string;
  readonly env: Record<string, string | undefined>;
  /** The config serving now: its digest, validated value and secret values. */
  applied(): { digest: string; config: GatewayConfig; secrets: ReadonlySet<string> };
  /** Re-reads the file and applies it everywhere (e.g. `Served.reload` of runtime/serve.ts). */
  reload(): Promise<ReloadResult>;
}

/**
 * Config control through the config file, for `serve` (one thread or N workers): `apply` writes
 * the checked text to the file atomically and runs the normal reload, which checks it again and
 * hands it to every worker. When the reload fails, or applied other content (the file changed
 * meanwhile), the previous text is written back, so the file matches what serves.
 *
 * @example
 * config: fileConfigControl({ path, env, applied: () => core.appliedConfig(), reload: served.reload })
 */
export function fileConfigControl(opts: FileControlOptions): AdminConfigControl {
  const read = () => {
    const r = readConfig(opts.path);
    if (!r.ok) throw new Error(r.errors[0]?.message ?? 'cannot read the configuration file');
    return r.text;
  };
  let text = read();
  let textDigest = configDigest(text);
  let missed: string | undefined;
  return {
    path: opts.path,
    running(): RunningConfig {
      const a = opts.applied();
      if (textDigest !== a.digest && a.digest !== missed) {
        const now = tryRead(opts.path);
        if (now !== undefined && configDigest(now) === a.digest) {
          text = now;
          textDigest = a.digest;
        } else missed = a.digest;
      }
      return {
        text: textDigest === a.digest ? text : undefined,
        digest: a.digest,
        config: a.config as unknown as RunningConfig['config'],
        secrets: a.secrets,
      };
    },
    check: (candidate) => checkConfig(opts.path, candidate, opts.env),
    async apply(checked: Checked, candidate: string): Promise<ReloadResult> {
      const previous = read();
      writeAtomic(opts.path, candidate);
      const r = await opts.reload();
      if (r.ok && r.config_sha256 === checked.digest) {
        text = candidate;
        textDigest = checked.digest;
        return r;
      }
      writeAtomic(opts.path, previous);
      if (r.ok) {
        // Something else was applied (the file changed under us): put the previous text back in force.
        await opts.reload();
        return {
          ok: false,
          errors: [
            {
              file: opts.path,
              line: 0,
              column: 0,
              path: '',
              pointer: '',
              message: 'the configuration file changed while applying; nothing was changed',
            },
          ],
          config_sha256: r.config_sha256,
        };
      }
      return r;
    },
  };
}
