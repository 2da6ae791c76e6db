import type { IncomingMessage, ServerResponse } from 'node:http';
import { GatewayError } from '../errors/gateway-error.ts';
import { forwardedNode, upstreamRequestHeaders } from '../lib/headers.ts';
import { normalizeIp } from '../lib/ip.ts';
import { normalizeTarget } from '../lib/path.ts';
import type { ListenerLimits, Runtime, RuntimeRef } from '../runtime/types.ts';
import { AUTHN_BAND_END, Exchange, nextRequestId } from './context.ts';
import { forward } from './proxy.ts';
import { sendError, sendLocalReply } from './respond.ts';
import { type Branch, runRequestSteps } from './runner.ts';
import type { UpgradeHooks } from './upgrade.ts';

const EMPTY_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Scans raw header names once for fields whose duplicates make a request ambiguous
 * (two Hosts, two Content-Lengths, two Authorizations…). Node keeps only the first of several of
 * these, which would let the gateway and the upstream disagree about the request.
 */
function duplicateSingleton(raw: string[]): string | undefined {
  let seen = 0;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!;
    let bit = 0;
    switch (name.length) {
      case 4:
        if (name.toLowerCase() === 'host') bit = 1;
        break;
      case 13:
        if (name.toLowerCase() === 'authorization') bit = 2;
        break;
      case 14:
        if (name.toLowerCase() === 'content-length') bit = 4;
        break;
      case 12:
        if (name.toLowerCase() === 'content-type') bit = 8;
        break;
      case 17:
        if (name.toLowerCase() === 'transfer-encoding') bit = 16;
        break;
      case 19:
        if (name.toLowerCase() === 'proxy-authorization') bit = 32;
        break;
      default:
        continue;
    }
    if (bit === 0) continue;
    if (seen & bit) return name.toLowerCase();
    seen |= bit;
  }
  return undefined;
}

/** Lower-case host without port; undefined when malformed. */
export function parseHostHeader(value: string): string | undefined {
  let end = value.length;
  if (value.charCodeAt(0) === 91 /* [ */) {
    const close = value.indexOf(']');
    if (close < 0) return undefined;
    const rest = value.slice(close + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return undefined;
    const v6 = value.slice(1, close).toLowerCase();
    return /^[0-9a-f:.]+$/.test(v6) ? v6 : undefined;
  }
  const colon = value.indexOf(':');
  if (colon >= 0) {
    const port = value.slice(colon + 1);
    if (!/^\d{1,5}$/.test(port)) return undefined;
    end = colon;
  }
  if (end === 0 || end > 253) return undefined;
  let lower = false;
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 95) continue;
    if (c >= 65 && c <= 90) {
      lower = true;
      continue;
    }
    return undefined;
  }
  const host = end === value.length ? value : value.slice(0, end);
  return lower ? host.toLowerCase() : host;
}

/** Client address: the peer, or, behind trusted proxies, the first untrusted hop of X-Forwarded-For. */
function resolveClientIp(rt: Runtime, peer: string, xff: string | string[] | undefined): string {
  const trusted = rt.trustedProxies;
  if (!trusted || xff === undefined || !trusted.contains(peer)) return peer;
  const hops = (Array.isArray(xff) ? xff.join(',') : xff).split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const ip = normalizeIp(hops[i]!.trim());
    if (ip === undefined) return peer;
    if (!trusted.contains(ip)) return ip;
  }
  return peer;
}

function reject(
  rt: Runtime,
  req: IncomingMessage,
  res: ServerResponse,
  limits: ListenerLimits,
  secure: boolean,
  err: GatewayError,
  /** Where the request was headed, once known (404/405 after normalization): shown in the access log. */
  at?: { path: string; query: string; host: string },
): void {
  rt.counters.rejected(err.reason);
  const peer = normalizeIp(req.socket.remoteAddress ?? '') ?? '';
  const ex = new Exchange(
    req,
    res,
    rt.unrouted,
    req.method ?? '',
    at?.path ?? '',
    at?.query ?? '',
    at?.host ?? '',
    peer,
    peer,
    secure,
    EMPTY_PARAMS,
    undefined,
    performance.now(),
    limits.maxBodyBytes,
  );
  ex.id = nextRequestId();
  track(ex, rt);
  if (rt.tracer !== undefined) rt.tracer.begin(ex, req.headers);
  const steps = rt.unrouted.requestSteps;
  if (steps.length === 0) return sendError(ex, rt, err);
  runRequestSteps(steps, ex, 0, () => sendError(ex, rt, err));
}

/**
 * Accounting once the response is done: log hooks, metrics, access log, in-flight count. One
 * `close` listener per request (a response always emits it, finished or not); a close before the
 * response finished also aborts the upstream exchange.
 */
function track(ex: Exchange, rt: Runtime): void {
  rt.inflight++;
  ex.res.once('close', () => {
    if (!ex.res.writableFinished) ex.inFlight?.abort();
    rt.inflight--;
    ex.durationMs = performance.now() - ex.start;
    if (ex.status === 0) ex.status = ex.res.headersSent ? ex.res.statusCode : 499;
    const c = ex.compiled;
    const d = ex.decisions;
    let refused = false;
    for (let i = 0; i < d.length; i++) {
      const x = d[i]!;
      rt.counters.decision(x.policy, x.action, x.reason);
      if (x.action === 'deny' || x.action === 'reply') refused = true;
    }
    const allowed = ex.chain.allowed;
    if (!refused && allowed !== undefined) for (let i = 0; i < allowed.length; i++) allowed[i]!();
    if (rt.counters.consumer !== undefined && ex.consumer !== undefined) {
      rt.counters.consumer(ex.consumer.id, ex.status);
    }
    c.metrics.observe(
      ex.method,
      ex.status,
      ex.durationMs / 1000,
      ex.upstreamMs === undefined ? undefined : ex.upstreamMs / 1000,
    );
    const logs = ex.chain.logSteps;
    for (let i = 0; i < logs.length; i++) {
      try {
        logs[i]!(ex);
      } catch (err) {
        rt.logger.error({ err }, 'log-phase policy failed');
      }
    }
    if (rt.accessLog) rt.accessLog(ex);
    if (rt.observe !== undefined) rt.observe(ex);
    if (rt.tracer !== undefined) rt.tracer.end(ex);
  });
}

/**
 * Builds the request listener for one listener. Everything that depends on config is read from
 * `ref.current` once at the start of a request, so a reload never changes a request mid-way.
 */
export function createRequestHandler(ref: RuntimeRef, listenerName: string, secure: boolean) {
  const proto = secure ? 'https' : 'http';
  return function handle(
    req: IncomingMessage,
    res: ServerResponse,
    expectContinue = false,
    upgrade: UpgradeHooks | undefined = undefined,
  ): void {
    const rt = ref.current;
    const limits = rt.listenerLimits.get(listenerName)!;
    const method = req.method!;

    if (method === 'CONNECT' || method === 'TRACE' || method === 'TRACK') {
      return reject(
        rt,
        req,
        res,
        limits,
        secure,
        new GatewayError('GW_METHOD_NOT_ALLOWED', {
          reason: 'method_forbidden',
          detail: `${method} is not accepted.`,
        }),
      );
    }
    if (req.httpVersionMajor !== 1 && req.httpVersionMajor !== 2) {
      return reject(
        rt,
        req,
        res,
        limits,
        secure,
        new GatewayError('GW_BAD_REQUEST', {
          reason: 'bad_http_version',
          detail: 'Only HTTP/1.0, HTTP/1.1 and HTTP/2 are accepted.',
        }),
      );
    }
    const raw = req.rawHeaders;
    if (raw.length > limits.maxHeaderCount * 2) {
      return reject(
        rt,
        req,
        res,
        limits,
        secure,
        new GatewayError('GW_HEADERS_TOO_LARGE', {
          reason: 'too_many_headers',
          detail: `At most ${limits.maxHeaderCount} header fields are accepted.`,
        }),
      );
    }
    let target = req.url!;
    if (target.length > limits.maxUrlBytes) {
      return reject(
        rt,
        req,
        res,
        limits,
        secure,
        new GatewayError('GW_URI_TOO_LONG', {
          reason: 'uri_too_long',
          detail: `The request target exceeds ${limits.maxUrlBytes} bytes.`,
        }),
      );
    }
    const dup = duplicateSingleton(raw);
    if (dup !== undefined) {
      return reject(
        rt,
        req,
        res,
        limits,
        secure,
        new GatewayError('GW_AMBIGUOUS_FRAMING', {
          reason: 'duplicate_header',
          detail: `Duplicate ${dup} header.`,
        }),
      );
    }
    const authority = req.headers[':authority'] as string | undefined;
    if (
      authority !== undefined &&
      req.headers.host !== undefined &&
      authority.toLowerCase() !== req.headers.host.toLowerCase()
    ) {
      // RFC 9113 §8.3.1: :authority and Host must agree, or the request is malformed.
      return reject(
        rt,
        req,
        res,
        limits,
        secure,
        new GatewayError('GW_BAD_HOST', {
          reason: 'authority_mismatch',
          detail: ':authority and Host differ.',
        }),
      );
    }
    const hostHeader = authority ?? req.headers.host;
    if (hostHeader === undefined && req.httpVersionMinor === 1) {
      return reject(
        rt,
        req,
        res,
        limits,
        secure,
        new GatewayError('GW_BAD_HOST', {
          reason: 'missing_host',
          detail: 'HTTP/1.1 requests need a Host header.',
        }),
      );
    }
    if (target.charCodeAt(0) !== 47 /* / */) {
      // absolute-form is only accepted when it names the same authority as Host
      const m = /^https?:\/\/([^/?#]+)(.*)$/i.exec(target);
      if (!m || hostHeader === undefined || m[1]!.toLowerCase() !== hostHeader.toLowerCase()) {
        return reject(
          rt,
          req,
          res,
          limits,
          secure,
          new GatewayError('GW_BAD_REQUEST', {
            reason: 'bad_request_target',
            detail: 'The request target must be origin-form, or absolute-form naming the Host.',
          }),
        );
      }
      target = m[2] === '' ? '/' : m[2]!;
    }
    const host = hostHeader === undefined ? '' : parseHostHeader(hostHeader);
    if (host === undefined) {
      return reject(rt, req, res, limits, secure, new GatewayError('GW_BAD_HOST', { reason: 'bad_host' }));
    }
    const norm = normalizeTarget(target, rt.pathOptions);
    if ('error' in norm) {
      return reject(
        rt,
        req,
        res,
        limits,
        secure,
        new GatewayError('GW_BAD_PATH', { reason: norm.error, detail: norm.detail }),
      );
    }
    const path = norm.path;
    const m = rt.router.match(method, host, path, req.headers);
    if (m.kind !== 'match') {
      if (m.kind === 'method-not-allowed') {
        return reject(
          rt,
          req,
          res,
          limits,
          secure,
          new GatewayError('GW_METHOD_NOT_ALLOWED', {
            reason: 'method_not_allowed',
            headers: { allow: m.allow.join(', ') },
          }),
          { path, query: norm.query, host },
        );
      }
      return reject(rt, req, res, limits, secure, new GatewayError('GW_NOT_FOUND', { reason: 'no_route' }), {
        path,
        query: norm.query,
        host,
      });
    }
    const compiled = m.route.data;
    const peer = normalizeIp(req.socket.remoteAddress ?? '') ?? '';
    const xff = req.headers['x-forwarded-for'];
    const clientIp = resolveClientIp(rt, peer, xff);
    const ex = new Exchange(
      req,
      res,
      compiled,
      method,
      path,
      norm.query,
      host,
      clientIp,
      peer,
      secure,
      m.params,
      m.prefix,
      performance.now(),
      limits.maxBodyBytes,
    );
    ex.id = nextRequestId();
    ex.expectContinue = expectContinue;
    track(ex, rt);

    // The upstream request: hygiene first, then forwarding headers from the real peer.
    const up = upstreamRequestHeaders(req.headers, rt.stripHeaders);
    const trustedPeer = rt.trustedProxies?.contains(peer);
    const hostValue = hostHeader ?? '';
    if (trustedPeer) {
      up['x-forwarded-for'] =
        xff === undefined ? peer : `${Array.isArray(xff) ? xff.join(', ') : xff}, ${peer}`;
      const xfp = req.headers['x-forwarded-proto'];
      up['x-forwarded-proto'] = typeof xfp === 'string' && (xfp === 'http' || xfp === 'https') ? xfp : proto;
      const xfh = req.headers['x-forwarded-host'];
      up['x-forwarded-host'] =
        typeof xfh === 'string' && parseHostHeader(xfh) !== undefined ? xfh : hostValue;
      const fwd = req.headers.forwarded;
      const mine = `for=${forwardedNode(peer)};host="${hostValue}";proto=${proto}`;
      up.forwarded = typeof fwd === 'string' ? `${fwd}, ${mine}` : mine;
    } else {
      up['x-forwarded-for'] = peer;
      up['x-forwarded-proto'] = proto;
      up['x-forwarded-host'] = hostValue;
      up.forwarded = `for=${forwardedNode(peer)};host="${hostValue}";proto=${proto}`;
    }
    up['x-real-ip'] = clientIp;
    if (rt.via) {
      const via = req.headers.via;
      up.via = via === undefined ? '1.1 gatehouse' : `${via}, 1.1 gatehouse`;
    }
    if (rt.tracer !== undefined) {
      up.traceparent = rt.tracer.begin(ex, req.headers);
      if (ex.trace?.tracestate === undefined) delete up.tracestate;
    }
    ex.upstreamHeaders = up;
    let fwdPath: string;
    if (compiled.rewrite) fwdPath = compiled.rewrite(m.params);
    else if (compiled.stripPrefix && m.prefix !== undefined) {
      fwdPath = path.slice(m.prefix.length);
      if (fwdPath === '' || fwdPath.charCodeAt(0) !== 47) fwdPath = `/${fwdPath}`;
    } else fwdPath = path;
    if (compiled.servicePath !== '')
      fwdPath = fwdPath === '/' ? compiled.servicePath : compiled.servicePath + fwdPath;
    ex.upstreamPath = norm.query === '' ? fwdPath : `${fwdPath}?${norm.query}`;
    if (upgrade !== undefined) {
      const refused = upgrade.check(ex, rt);
      if (refused !== undefined) {
        rt.counters.rejected(refused.reason);
        return sendError(ex, rt, refused);
      }
    }

    runRequestSteps(
      compiled.requestSteps,
      ex,
      0,
      (err, reply) => {
        if (err) return sendError(ex, rt, err);
        if (reply) return sendLocalReply(ex, rt, reply);
        const cl = req.headers['content-length'];
        if (cl !== undefined && Number(cl) > ex.maxBodyBytes) {
          return sendError(
            ex,
            rt,
            new GatewayError('GW_PAYLOAD_TOO_LARGE', {
              reason: 'body_too_large',
              detail: `The request body exceeds ${ex.maxBodyBytes} bytes.`,
            }),
          );
        }
        const steps = ex.chain.upstreamSteps;
        if (steps.length > 0) return runUpstreamSteps(ex, rt, 0, upgrade);
        if (upgrade !== undefined) return upgrade.connect(ex, rt);
        forward(ex, rt, 0, undefined);
      },
      compiled.consumerChains === undefined ? undefined : consumerBranch(ex),
    );
  };
}

/** Switches to the consumer's chain once authentication identified a consumer with its own policies. */
function consumerBranch(ex: Exchange): Branch {
  const compiled = ex.compiled;
  return {
    at: compiled.authnEnd,
    take(ctx) {
      const id = ctx.consumer?.id;
      if (id === undefined) return undefined;
      const chain = compiled.consumerChains!.get(id);
      if (chain === undefined) return undefined;
      ex.chain = chain;
      let from = 0;
      while (from < chain.requestSteps.length && chain.requestSteps[from]!.order >= AUTHN_BAND_END) from++;
      return { steps: chain.requestSteps, from };
    },
  };
}

function runUpstreamSteps(ex: Exchange, rt: Runtime, i: number, upgrade: UpgradeHooks | undefined): void {
  const steps = ex.chain.upstreamSteps;
  for (; i < steps.length; i++) {
    let r: void | Promise<void>;
    try {
      r = steps[i]!(ex);
    } catch (err) {
      return sendError(
        ex,
        rt,
        err instanceof GatewayError ? err : new GatewayError('GW_INTERNAL', { cause: err }),
      );
    }
    if (r && typeof (r as Promise<void>).then === 'function') {
      const next = i + 1;
      (r as Promise<void>).then(
        () => runUpstreamSteps(ex, rt, next, upgrade),
        (err: unknown) =>
          sendError(
            ex,
            rt,
            err instanceof GatewayError ? err : new GatewayError('GW_INTERNAL', { cause: err }),
          ),
      );
      return;
    }
  }
  if (upgrade !== undefined) return upgrade.connect(ex, rt);
  forward(ex, rt, 0, undefined);
}
