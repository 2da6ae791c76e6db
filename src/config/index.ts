import type { PolicyDefinition } from '../pipeline/types.ts';
import type { GatewayConfig } from '../runtime/build.ts';
import type { ConfigError } from './errors.ts';
import { deepFreeze } from './freeze.ts';
import { loadConfigFile, loadConfigText } from './load.ts';
import { buildConfigSchema } from './schema.ts';

export interface LoadedConfig {
  readonly config: GatewayConfig;
  readonly secrets: Set<string>;
  /** Turns a build-time message such as `routes.orders.service: …` into a positioned error. */
  locateMessage(message: string): ConfigError;
}

const schemaCache = new WeakMap<readonly PolicyDefinition[], ReturnType<typeof buildConfigSchema>>();

/** The composed schema for a set of policies (cached). */
export function configSchema(policies: readonly PolicyDefinition[]) {
  let s = schemaCache.get(policies);
  if (!s) {
    s = buildConfigSchema(policies);
    schemaCache.set(policies, s);
  }
  return s;
}

const ENTITY_LISTS = ['routes', 'services', 'upstreams', 'consumers', 'listeners'] as const;

/**
 * Reads, substitutes, validates and freezes the gateway config. Semantic checks that need the
 * whole config (references between entities) happen in buildRuntime and come back through
 * `locateMessage` with a position.
 */
export function loadGatewayConfig(
  file: string,
  env: Record<string, string | undefined>,
  policies: readonly PolicyDefinition[],
): { ok: true; value: LoadedConfig } | { ok: false; errors: ConfigError[] } {
  return finish(loadConfigFile(file, configSchema(policies), { env }), file);
}

export function loadGatewayConfigText(
  text: string,
  file: string,
  env: Record<string, string | undefined>,
  policies: readonly PolicyDefinition[],
): { ok: true; value: LoadedConfig } | { ok: false; errors: ConfigError[] } {
  return finish(loadConfigText(text, file, configSchema(policies), { env }), file);
}

function finish(
  res: ReturnType<typeof loadConfigText>,
  file: string,
): { ok: true; value: LoadedConfig } | { ok: false; errors: ConfigError[] } {
  if (!res.ok) return { ok: false, errors: res.errors };
  const config = deepFreeze(res.value) as GatewayConfig;
  const locate = res.locate;
  return {
    ok: true,
    value: {
      config,
      secrets: res.secrets,
      locateMessage(message: string): ConfigError {
        // "routes.orders.service: no service named x" → /routes/<index>/service
        const m = /^([a-z_]+)\.([^.:\s]+)((?:\.[A-Za-z0-9_-]+)*): (.*)$/s.exec(message);
        let pointer = '';
        let path = '';
        let msg = message;
        if (m && (ENTITY_LISTS as readonly string[]).includes(m[1]!)) {
          const list =
            (config as unknown as Record<string, Array<{ name?: string; id?: string }>>)[m[1]!] ?? [];
          const idx = list.findIndex((e) => e.name === m[2] || e.id === m[2]);
          if (idx >= 0) {
            const rest = m[3] ? m[3].slice(1).split('.') : [];
            pointer = `/${m[1]}/${idx}${rest.map((r) => `/${r}`).join('')}`;
            path = `${m[1]}[${idx}]${rest.map((r) => (/^[a-z_]+$/.test(r) ? `.${r}` : `["${r}"]`)).join('')}`;
            msg = m[4]!;
          }
        } else {
          const g = /^([a-z_]+): (.*)$/s.exec(message);
          if (g) {
            pointer = `/${g[1]}`;
            path = g[1]!;
            msg = g[2]!;
          }
        }
        const pos = locate(pointer);
        return { file, line: pos.line, column: pos.column, path, pointer, message: msg };
      },
    },
  };
}
