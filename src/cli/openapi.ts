/**
 * `gatehouse openapi …`: OpenAPI tooling.
 *
 *   gatehouse openapi import SPEC [--upstream-url URL] [--upstream NAME] [--port N] [--lax]
 *
 * prints a complete gateway config equivalent to the spec: one route per operation (path template, method),
 * each with the `openapi` policy enforcing the spec, plus `scopes` and `rate-limit` from the operation's
 * `x-gatehouse-scopes` (or OAuth `security` scopes) and `x-gatehouse-rate-limit`, and the upstream from
 * `x-gatehouse-upstream`.
 */
import { relative, resolve } from 'node:path';
import { stringify } from 'yaml';
import { type CompiledOperation, compileSpec } from '../openapi/compile.ts';

const USAGE = `Usage:
  gatehouse openapi import SPEC [--upstream-url URL] [--upstream NAME] [--port N] [--lax]

  Prints a gateway config (YAML) with one route per operation of the OpenAPI 3.0/3.1 document SPEC,
  each enforcing the spec with the openapi policy (strict, unknown query parameters refused; --lax turns
  both off). Operation extensions: x-gatehouse-scopes (scopes policy; otherwise the OAuth scopes of
  "security"), x-gatehouse-rate-limit ({ limit, period } or a rate-limit policy config),
  x-gatehouse-upstream (upstream name).

  --upstream-url  origin of the upstream (default: the first absolute http(s) server URL of the spec,
                  else http://127.0.0.1:8080)
  --upstream      upstream name when the spec has no x-gatehouse-upstream (default: api)
  --port          listener port (default: 8080)
`;

/** What a CLI command produced. */
export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

function usage(message: string): CommandResult {
  return { code: 2, stdout: '', stderr: `gatehouse openapi: ${message}\n\n${USAGE}` };
}

function routeName(op: CompiledOperation, used: Set<string>): string {
  let base = (op.operationId ?? `${op.method.toLowerCase()}${op.template}`)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  if (base === '') base = op.method.toLowerCase();
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
  used.add(name);
  return name;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Gateway route path for an OpenAPI template under a base path (`{x}` whole segments, else a regex route). */
export function routePath(base: string, template: string): string {
  const full = `${base}${template === '/' && base !== '' ? '' : template}` || '/';
  const segments = full.split('/');
  const partial = segments.some((s) => s.includes('{') && !/^\{[^{}]+\}$/.test(s));
  if (!partial) return full;
  const re = segments.map((s) => escapeRegex(s).replace(/\\\{[^{}]+\\\}/g, '[^/]+')).join('/');
  return `~^${re}$`;
}

/**
 * Builds the gateway config for a spec (as a plain object).
 *
 * @example
 * const config = importSpec('api/openapi.yaml', { upstreamUrl: 'http://10.0.0.5:8080' });
 */
export function importSpec(
  file: string,
  opts: { upstreamUrl?: string; upstream?: string; port?: number; lax?: boolean; specPath?: string } = {},
): Record<string, unknown> {
  const api = compileSpec(file, { responses: false });
  const doc = api.spec.doc;
  const servers = Array.isArray(doc.servers) ? (doc.servers as { url?: unknown }[]) : [];
  let origin = opts.upstreamUrl;
  if (origin === undefined) {
    for (const s of servers) {
      if (typeof s.url === 'string' && /^https?:\/\/[^{}]+$/.test(s.url)) {
        origin = new URL(s.url).origin;
        break;
      }
    }
  }
  origin ??= 'http://127.0.0.1:8080';
  const defaultUpstream = opts.upstream ?? 'api';
  const upstreams = new Set<string>();
  const used = new Set<string>();
  const base = api.basePaths[0] ?? '';
  const specPath = opts.specPath ?? resolve(file);
  const routes = api.operations.map((op) => {
    const upstream = op.extensions.upstream ?? defaultUpstream;
    if (!NAME_RE.test(upstream))
      throw new TypeError(`openapi: invalid upstream name ${JSON.stringify(upstream)}`);
    upstreams.add(upstream);
    const policies: Record<string, unknown> = {
      openapi: {
        spec: specPath,
        ...(base === '' ? {} : { base_path: base }),
        strict: opts.lax !== true,
        reject_unknown_query_params: opts.lax !== true,
      },
    };
    const scopes = op.extensions.scopes ?? op.securityScopes;
    if (scopes.length > 0) policies.scopes = { required: [...scopes] };
    const rl = op.extensions.rateLimit;
    if (rl !== undefined) {
      policies['rate-limit'] = 'limits' in rl ? rl : { limits: [rl] };
    }
    const methods =
      op.method === 'GET' && !api.operations.some((o) => o.template === op.template && o.method === 'HEAD')
        ? ['GET', 'HEAD']
        : [op.method];
    return {
      name: routeName(op, used),
      paths: [routePath(base, op.template)],
      methods,
      upstream,
      policies,
    };
  });
  return {
    gatehouse: 1,
    listeners: [{ name: 'public', host: '0.0.0.0', port: opts.port ?? 8080 }],
    upstreams: [...upstreams].map((name) => ({ name, targets: [{ url: origin }] })),
    routes,
  };
}

/**
 * CLI entry for `gatehouse openapi …` (wired into src/cli/main.ts by the caller). Never writes to the process
 * streams itself: the caller prints `stdout`/`stderr` and exits with `code` (0 ok, 1 spec error, 2 usage).
 *
 * @example
 * const r = await openapiCommand(['import', 'api/openapi.yaml']);
 * process.stdout.write(r.stdout); process.stderr.write(r.stderr); process.exitCode = r.code;
 */
export async function openapiCommand(args: readonly string[]): Promise<CommandResult> {
  const [sub, ...rest] = args;
  if (sub === undefined || sub === 'help' || sub === '--help')
    return {
      code: sub === undefined ? 2 : 0,
      stdout: sub === undefined ? '' : USAGE,
      stderr: sub === undefined ? USAGE : '',
    };
  if (sub !== 'import') return usage(`unknown command ${JSON.stringify(sub)}`);
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  let lax = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--lax') lax = true;
    else if (a.startsWith('--')) {
      const name = a.slice(2);
      if (!['upstream-url', 'upstream', 'port'].includes(name)) return usage(`unknown option ${a}`);
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) return usage(`option ${a} needs a value`);
      flags[name] = v;
    } else positional.push(a);
  }
  if (positional.length !== 1) return usage('expected exactly one spec file');
  const url = flags['upstream-url'];
  if (url !== undefined && !/^https?:\/\/[^/?#]+$/.test(url))
    return usage('--upstream-url must be an http(s) origin');
  const port = flags.port === undefined ? undefined : Number(flags.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535))
    return usage('--port must be 0-65535');
  const up = flags.upstream;
  if (up !== undefined && !NAME_RE.test(up)) return usage('--upstream must be a valid upstream name');
  const file = positional[0]!;
  let config: Record<string, unknown>;
  try {
    config = importSpec(file, { upstreamUrl: url, upstream: up, port, lax, specPath: resolve(file) });
  } catch (err) {
    if (err instanceof TypeError)
      return { code: 1, stdout: '', stderr: `gatehouse openapi: ${err.message}\n` };
    throw err;
  }
  const header = `# Generated by \`gatehouse openapi import ${relative(process.cwd(), resolve(file)) || file}\`.\n# One route per operation; the openapi policy enforces the spec on each.\n`;
  return { code: 0, stdout: header + stringify(config, { lineWidth: 0 }), stderr: '' };
}
