import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { GatewayError } from '../errors/gateway-error.ts';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../errors/problem.ts';
import type { TrafficStats } from './stats.ts';

export { blockReasonOf, recordLog, type StatsSnapshot, type TrafficSample, TrafficStats } from './stats.ts';

/** Admin roles, weakest first (`operator` can also change state, e.g. lift bans). */
export type AdminRole = 'viewer' | 'operator' | 'admin';

/** What {@link handleDashboard} needs from the admin listener. */
export interface DashboardContext {
  /** The process' traffic aggregates, served as `GET /stats`. */
  readonly stats: TrafficStats;
  /**
   * Checks the request's admin credentials for `role`. Returning false makes the dashboard answer
   * 401 (unless the callback already answered, e.g. with its own 403).
   */
  readonly authorize: (req: IncomingMessage, role: AdminRole) => boolean | Promise<boolean>;
  /** Where unexpected failures (unreadable asset, snapshot error) are logged. */
  readonly logger?: Pick<Logger, 'error'>;
}

/** Content-Security-Policy of every dashboard response: no inline script or style, same origin only. */
export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': DASHBOARD_CSP,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
});

const JSON_TYPE = 'application/json; charset=utf-8';

interface Asset {
  readonly type: string;
  /** File resolved at first use. */
  readonly file: () => string;
}

function assetDir(): string {
  // From src/dashboard/ the assets sit beside this module; a build (dist/dashboard/) has no copy of
  // them, so fall back to the source tree, which ships with the package.
  const local = fileURLToPath(new URL('./assets/', import.meta.url));
  if (existsSync(local)) return local;
  return fileURLToPath(new URL('../../src/dashboard/assets/', import.meta.url));
}

const requireFromHere = createRequire(import.meta.url);

const ASSETS: ReadonlyMap<string, Asset> = new Map<string, Asset>([
  ['/dashboard', { type: 'text/html; charset=utf-8', file: () => `${assetDir()}index.html` }],
  ['/dashboard/', { type: 'text/html; charset=utf-8', file: () => `${assetDir()}index.html` }],
  ['/dashboard/app.js', { type: 'text/javascript; charset=utf-8', file: () => `${assetDir()}app.js` }],
  ['/dashboard/app.css', { type: 'text/css; charset=utf-8', file: () => `${assetDir()}app.css` }],
  [
    '/dashboard/uplot.js',
    {
      type: 'text/javascript; charset=utf-8',
      file: () => requireFromHere.resolve('uplot/dist/uPlot.iife.min.js'),
    },
  ],
  [
    '/dashboard/uplot.css',
    { type: 'text/css; charset=utf-8', file: () => requireFromHere.resolve('uplot/dist/uPlot.min.css') },
  ],
]);

const cache = new Map<string, Buffer>();

function assetBody(path: string, asset: Asset): Buffer {
  let body = cache.get(path);
  if (body === undefined) {
    body = readFileSync(asset.file());
    cache.set(path, body);
  }
  return body;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  head: boolean,
  cacheControl: string,
  extra?: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': cacheControl,
  };
  if (extra) for (const k of Object.keys(extra)) headers[k.toLowerCase()] = extra[k]!;
  res.writeHead(status, headers);
  if (head) res.end();
  else res.end(body);
}

function sendProblem(
  res: ServerResponse,
  err: GatewayError,
  head: boolean,
  logger?: Pick<Logger, 'error'>,
): void {
  if (err.code === 'GW_INTERNAL')
    logger?.error({ error: err.cause, gatehouse: { admin: err.reason } }, 'dashboard failed');
  send(res, err.status, PROBLEM_CONTENT_TYPE, problemBody(err, undefined), head, 'no-store', err.headers);
}

/** Parses `since` of `/stats?since=<epoch seconds>`; undefined when absent, NaN when malformed. */
function sinceParam(url: string): number | undefined {
  const q = url.indexOf('?');
  if (q === -1) return undefined;
  const params = new URLSearchParams(url.slice(q + 1));
  const raw = params.get('since');
  if (raw === null || raw === '') return undefined;
  return /^\d{1,12}$/.test(raw) ? Number(raw) : Number.NaN;
}

async function serveStats(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: DashboardContext,
  head: boolean,
  url: string,
): Promise<void> {
  let ok: boolean;
  try {
    ok = (await ctx.authorize(req, 'viewer')) === true;
  } catch {
    ok = false;
  }
  if (res.headersSent || res.destroyed) return;
  if (!ok) {
    const err = new GatewayError('GW_UNAUTHORIZED', {
      headers: { 'www-authenticate': 'Bearer realm="gatehouse-admin"' },
    });
    sendProblem(res, err, head);
    return;
  }
  const since = sinceParam(url);
  if (since !== undefined && Number.isNaN(since)) {
    sendProblem(res, new GatewayError('GW_BAD_REQUEST', { detail: '`since` must be epoch seconds.' }), head);
    return;
  }
  let body: string;
  try {
    body = JSON.stringify({ data: ctx.stats.snapshot(since), next: null });
  } catch (cause) {
    sendProblem(res, new GatewayError('GW_INTERNAL', { cause, reason: 'dashboard_stats' }), head, ctx.logger);
    return;
  }
  send(res, 200, JSON_TYPE, body, head, 'no-store');
}

/**
 * Serves the dashboard on the admin listener: the page (`GET /dashboard`), its assets
 * (`/dashboard/app.js`, `app.css`, `uplot.js`, `uplot.css`; uPlot is read from node_modules) and
 * the live traffic JSON `GET /stats?since=<epoch s>`, also at `/dashboard/stats` (needs the
 * `viewer` role through `ctx.authorize`). The static files hold no data, so they are public; every response carries a
 * strict CSP (no inline script), `X-Frame-Options: DENY` and `nosniff`; data is `no-store`.
 * Returns false, without touching `res`, for any other path so the caller can go on routing.
 *
 * @example
 * const server = createServer((req, res) => {
 *   if (handleDashboard(req, res, { stats, authorize: (r, role) => auth.check(r, role) })) return;
 *   // … other admin endpoints
 * });
 */
export function handleDashboard(req: IncomingMessage, res: ServerResponse, ctx: DashboardContext): boolean {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  // `/dashboard/stats` is the same resource for an admin listener that hands this handler only the
  // `/dashboard` subtree; the page tries `/stats` first.
  const isStats = path === '/stats' || path === '/dashboard/stats';
  const asset = ASSETS.get(path);
  if (!isStats && asset === undefined) return false;

  const method = req.method ?? 'GET';
  const head = method === 'HEAD';
  if (method !== 'GET' && !head) {
    sendProblem(res, new GatewayError('GW_METHOD_NOT_ALLOWED', { headers: { allow: 'GET, HEAD' } }), false);
    return true;
  }
  const cl = req.headers['content-length'];
  if ((cl !== undefined && cl !== '0') || req.headers['transfer-encoding'] !== undefined) {
    const err = new GatewayError('GW_PAYLOAD_TOO_LARGE', {
      detail: 'Dashboard requests take no body.',
      headers: { connection: 'close' },
    });
    sendProblem(res, err, head);
    return true;
  }

  if (isStats) {
    serveStats(req, res, ctx, head, url).catch((cause: unknown) =>
      sendProblem(
        res,
        new GatewayError('GW_INTERNAL', { cause, reason: 'dashboard_stats' }),
        head,
        ctx.logger,
      ),
    );
    return true;
  }
  let body: Buffer;
  try {
    body = assetBody(path, asset!);
  } catch (cause) {
    sendProblem(res, new GatewayError('GW_INTERNAL', { cause, reason: 'dashboard_asset' }), head, ctx.logger);
    return true;
  }
  send(res, 200, asset!.type, body, head, 'no-cache');
  return true;
}
