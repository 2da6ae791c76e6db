import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { ja4OfSocket } from '../../bot/client-hello.ts';
import { createPow, type Pow } from '../../bot/pow.ts';
import {
  BehaviourTracker,
  headerAnomalies,
  StuffingTracker,
  type StuffingVerdict,
} from '../../bot/signals.ts';
import { compileAgentMatcher } from '../../bot/user-agents.ts';
import { GatewayError } from '../../errors/gateway-error.ts';
import { compileCidrSet } from '../../lib/ip.ts';
import {
  definePolicy,
  type LogContext,
  type PolicyDeps,
  type RequestContext,
  type ResponseContext,
} from '../../pipeline/types.ts';
import type { MaybePromise } from '../../stores/types.ts';
import { anomalyActions } from '../../traffic/anomaly-actions.ts';
import { isCredentialFailure } from '../auth-requirement/results.ts';
import { clientKey } from '../brute-force/policy.ts';
import { type BotDefenseConfig, BotDefenseSchema } from './schema.ts';
import { createSharedStuffing } from './shared-stuffing.ts';

const NAME = 'bot-defense';
/** Request header carrying a proof-of-work solution: `<challenge>:<counter>`. */
export const POW_HEADER = 'x-gatehouse-pow';
/** Header carrying a fresh challenge on a 429 answer. */
export const CHALLENGE_HEADER = 'x-gatehouse-pow-challenge';
/** Response header with the pass a solution earned; clients send it back as a request header. */
export const PASS_HEADER = 'x-gatehouse-pass';
/** Header with the client's score, added to the upstream request from the `tag` threshold. */
export const SCORE_HEADER = 'x-gatehouse-bot-score';
/** One event per client and type at most this often (per worker). */
const EVENT_INTERVAL_MS = 10_000;
const MAX_IDENTITIES_PER_REQUEST = 8;

function isThenable<T>(v: MaybePromise<T>): v is Promise<T> {
  return v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';
}

/** What onRequest found, for the later phases of the same request. */
interface BotState {
  readonly key: string;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly ja4: string | undefined;
  pass: string | undefined;
}

/** JA4 of the TLS connection a request came on (HTTP/1.1 and HTTP/2), when the listener captured it. */
function ja4OfRequest(req: IncomingMessage): string | undefined {
  const direct = ja4OfSocket(req.socket);
  if (direct !== undefined) return direct;
  const session = (req as { stream?: { session?: { socket?: object } } }).stream?.session;
  return session?.socket === undefined ? undefined : ja4OfSocket(session.socket);
}

function firstHeader(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** The identity named by a request header (for Basic credentials: the user name). */
function identityFrom(value: string | undefined, header: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (header === 'authorization') {
    const m = /^basic\s+([A-Za-z0-9+/=]{1,2048})$/i.exec(value.trim());
    if (m === null) return undefined;
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon <= 0 ? undefined : decoded.slice(0, colon);
  }
  return value.slice(0, 512);
}

/** Hashed identity (the tracker never keeps user names or key ids themselves). */
function identityKey(method: string, id: string): string {
  return createHash('sha256').update(method).update('\0').update(id).digest('base64url').slice(0, 22);
}

/**
 * `bot-defense` (order 780, before authentication): scores each client from automation signals
 * and acts by thresholds.
 *
 * Signals: a maintained list of automation user agents (weights per category), header-set/order
 * anomalies of requests claiming to be browsers, per-client request rate and path entropy
 * (sliding window, bounded LRU), credential stuffing seen in the log phase (many identities failing
 * from one client, one identity failing from many clients) and a JA4 TLS fingerprint deny list.
 * Actions: `tag` (score header upstream + `bot_tag` event), `challenge` (proof of work, 429 with a
 * signed challenge; a solution earns a short-lived `X-Gatehouse-Pass`), `throttle` (delay) and
 * `block` (403, before authentication). Verified address ranges and JA4 fingerprints skip the
 * policy; verified consumer groups skip tag, challenge and throttle.
 *
 * With the state store (the gateway always has one), credential stuffing is counted and flagged
 * there ({@link createSharedStuffing}): exact across worker threads, and across nodes with Redis,
 * per policy instance (attach it globally to share it across routes). Every request then reads
 * its client's flag (one store operation); when that fails, `credential_stuffing.on_store_error`
 * decides: `deny` (default) answers 503, `allow` goes on with this worker's memory. Request rate
 * and path entropy stay in memory, per worker.
 *
 * @example
 * bot-defense:
 *   pow: { secret: "${secret:BOT_POW_SECRET}", difficulty: 18 }
 *   thresholds: { tag: 20, challenge: 50, throttle: 70, block: 100 }
 *   credential_stuffing: { identities_per_client: 10, identity_header: authorization }
 */
export const policy = definePolicy({
  name: NAME,
  order: 780,
  phases: ['request', 'upstream', 'response', 'log'],
  status: 'experimental',
  posture: 'hardened',
  description:
    'Scores clients from automation signals (user agent, header fingerprint, rate, path entropy, credential stuffing, JA4) and tags, challenges (proof of work), throttles or blocks them.',
  supportsMode: true,
  schema: BotDefenseSchema,
  create(config: BotDefenseConfig, deps: PolicyDeps) {
    const t = config.thresholds;
    if (!(t.tag <= t.challenge && t.challenge <= t.block && t.throttle <= t.block)) {
      throw new TypeError(
        'bot-defense: thresholds must satisfy tag <= challenge <= block and throttle <= block',
      );
    }
    let pow: Pow | undefined;
    if (config.pow.secret !== '') {
      pow = createPow({
        secret: config.pow.secret,
        difficulty: config.pow.difficulty,
        challengeTtlS: config.pow.challenge_ttl_s,
        passTtlS: config.pow.pass_ttl_s,
        maxRemembered: config.pow.max_remembered,
      });
    }
    /**
     * Whom a pass is issued to: the client address and the difficulty it solved, so a pass earned on an
     * easier route (same secret) does not skip the challenge of a harder one.
     */
    const passSubject = (ip: string): string => `${ip}|d${config.pow.difficulty}`;
    const enforce = deps.mode === 'enforce';
    /**
     * Shared state store for proof-of-work replay and credential stuffing (else in-process memory, one
     * worker thread only).
     */
    const store = deps.store;
    const w = config.weights;
    const agents = compileAgentMatcher(config.extra_user_agents);
    const verifiedCidrs = compileCidrSet(config.verified.cidrs);
    const verifiedJa4 = new Set(config.verified.ja4);
    const verifiedGroups = new Set(config.verified.groups);
    const denyJa4 = new Set(config.ja4.deny);
    const behaviour = new BehaviourTracker({
      windowMs: config.behaviour.window_s * 1000,
      maxPerClient: config.behaviour.max_requests + 1,
      maxClients: config.behaviour.max_clients,
      minForEntropy: config.behaviour.min_requests_for_entropy,
    });
    const cs = config.credential_stuffing;
    const stuffing = new StuffingTracker({
      windowMs: cs.window_s * 1000,
      identitiesPerClient: cs.identities_per_client,
      clientsPerIdentity: cs.clients_per_identity,
      maxEntries: cs.max_entries,
    });
    const shared =
      store === undefined
        ? undefined
        : createSharedStuffing(store, {
            scope: deps.scope,
            windowMs: cs.window_s * 1000,
            identitiesPerClient: cs.identities_per_client,
            clientsPerIdentity: cs.clients_per_identity,
          });
    const stuffingFailOpen = cs.on_store_error === 'allow';
    const lastEvent = new Map<string, number>();
    let lastStoreWarning = 0;
    /** Logs a store failure at most once per interval (per worker): it can fail on every request. */
    const storeWarning = (err: unknown, msg: string): void => {
      const now = Date.now();
      if (now - lastStoreWarning < EVENT_INTERVAL_MS) return;
      lastStoreWarning = now;
      deps.logger.warn({ err: (err as Error)?.message }, msg);
    };
    /** The flag lookup failed: 503 with `on_store_error: deny` (a decision only in report-only), else not flagged. */
    const flagLookupFailed = (ctx: RequestContext, err: unknown): false => {
      storeWarning(err, 'bot-defense: state store failed (credential-stuffing flag)');
      if (stuffingFailOpen) return false;
      ctx.decisions.push({
        policy: NAME,
        action: enforce ? 'deny' : 'would-deny',
        reason: 'store_unavailable',
        status: 503,
      });
      if (!enforce) return false;
      throw new GatewayError('GW_NOT_READY', {
        reason: 'store_unavailable',
        headers: { 'retry-after': '1' },
        cause: err,
      });
    };

    const fields = (ctx: Readonly<RequestContext>, st: BotState | undefined): Record<string, unknown> => ({
      'client.ip': ctx.clientIp,
      'http.request.id': ctx.id,
      'gatehouse.route': ctx.route.name,
      'gatehouse.policy': NAME,
      ...(st === undefined
        ? {}
        : { 'gatehouse.bot.score': st.score, 'gatehouse.bot.signals': st.reasons, 'tls.client.ja4': st.ja4 }),
    });
    /** Emits at most one event per type, client and TLS fingerprint per interval. */
    const event = (type: string, key: string, f: Record<string, unknown>): void => {
      const k = `${type}|${key}|${String(f['tls.client.ja4'] ?? '')}`;
      const now = Date.now();
      const last = lastEvent.get(k);
      if (last !== undefined && now - last < EVENT_INTERVAL_MS) return;
      if (lastEvent.size >= 4096) lastEvent.clear();
      lastEvent.set(k, now);
      deps.event(type, f);
    };

    const challenge = (ctx: RequestContext, st: BotState, refused: string | undefined): never => {
      const issued = pow!.issue(ctx.clientIp);
      event('bot_challenge', st.key, { ...fields(ctx, st), 'event.reason': refused ?? 'challenge_issued' });
      throw new GatewayError('GW_RATE_LIMITED', {
        reason: 'bot_challenge',
        detail: `Solve the proof-of-work challenge and send it in the ${POW_HEADER} header.`,
        headers: { [CHALLENGE_HEADER]: issued.challenge, 'cache-control': 'no-store' },
        extensions: {
          challenge: issued.challenge,
          difficulty: pow!.difficulty,
          algorithm: 'sha256(challenge + counter) with `difficulty` leading zero bits',
          header: POW_HEADER,
          expires_at: issued.expiresAt,
          ...(refused === undefined ? {} : { refused }),
        },
      });
    };

    return Object.freeze({
      onRequest(ctx: RequestContext): MaybePromise<void> {
        delete ctx.upstreamHeaders[SCORE_HEADER];
        delete ctx.upstreamHeaders[POW_HEADER];
        delete ctx.upstreamHeaders[PASS_HEADER];
        if (verifiedCidrs.size > 0 && verifiedCidrs.contains(ctx.clientIp)) return;
        const fp = ctx.secure ? ja4OfRequest(ctx.req) : undefined;
        if (fp !== undefined && verifiedJa4.has(fp)) return;
        const key = clientKey(ctx.clientIp, config.ipv6_prefix);
        const now = Date.now();
        const reasons: string[] = [];
        let score = 0;
        const ua = firstHeader(ctx.headers['user-agent']);
        const agent = agents.match(ua);
        if (agent !== undefined && w[agent.kind] > 0) {
          score += w[agent.kind];
          reasons.push(`ua:${agent.name}`);
        }
        if (w.header_anomaly > 0) {
          for (const a of headerAnomalies(ua, ctx.req.rawHeaders ?? [], ctx.secure)) {
            score += w.header_anomaly;
            reasons.push(`headers:${a}`);
          }
        }
        const b = behaviour.record(key, ctx.path, now);
        if (b.count > config.behaviour.max_requests && w.high_rate > 0) {
          score += w.high_rate;
          reasons.push('high_rate');
        }
        if (
          b.pathEntropy !== undefined &&
          b.pathEntropy >= config.behaviour.max_path_entropy &&
          w.path_enumeration > 0
        ) {
          score += w.path_enumeration;
          reasons.push('path_enumeration');
        }
        const decide = (flagged: boolean): void => {
          if (flagged) {
            score += w.credential_stuffing;
            reasons.push('credential_stuffing');
          }
          if (fp !== undefined && denyJa4.has(fp)) {
            score += w.ja4_deny;
            reasons.push('ja4_deny');
          }
          const st: BotState = { key, score: Math.min(score, 1000), reasons, ja4: fp, pass: undefined };
          ctx.state[NAME] = st;
          if (st.score >= t.block) {
            ctx.decisions.push({
              policy: NAME,
              action: enforce ? 'deny' : 'would-deny',
              reason: 'bot_block',
              status: 403,
            });
            event('bot_block', key, { ...fields(ctx, st), 'event.reason': 'score_block' });
            if (enforce) {
              throw new GatewayError('GW_FORBIDDEN', {
                reason: 'bot_block',
                detail: 'The request was refused as automated abuse.',
              });
            }
          }
        };
        // Flagged in this worker's memory (no store, or failures the store could not record), else in the store.
        if (w.credential_stuffing === 0) return decide(false);
        if (stuffing.flagged(key, now)) return decide(true);
        if (shared === undefined) return decide(false);
        let ttl: MaybePromise<number>;
        try {
          ttl = shared.flaggedMs(key);
        } catch (err) {
          return decide(flagLookupFailed(ctx, err));
        }
        if (isThenable(ttl)) {
          return ttl.then(
            (ms) => decide(ms > 0),
            (err: unknown) => decide(flagLookupFailed(ctx, err)),
          );
        }
        return decide(ttl > 0);
      },

      async onUpstream(ctx: RequestContext): Promise<void> {
        let st = ctx.state[NAME] as BotState | undefined;
        // The anomaly detector asked to challenge this route or consumer for a while.
        if (
          st !== undefined &&
          st.score < t.challenge &&
          anomalyActions.challenged(ctx.route.name, ctx.consumer?.id)
        ) {
          st = { ...st, score: t.challenge, reasons: [...st.reasons, 'anomaly'] };
          ctx.state[NAME] = st;
        }
        if (st === undefined || st.score < t.tag) return;
        if (verifiedGroups.size > 0 && ctx.consumer?.groups.some((g) => verifiedGroups.has(g))) return;
        ctx.upstreamHeaders[SCORE_HEADER] = String(st.score);
        ctx.decisions.push({ policy: NAME, action: 'tag', reason: 'bot_score' });
        event('bot_tag', st.key, { ...fields(ctx, st), 'event.reason': 'score_tag' });
        if (st.score >= t.challenge && enforce) {
          if (pow === undefined) {
            event('bot_block', st.key, { ...fields(ctx, st), 'event.reason': 'challenge_unavailable' });
            throw new GatewayError('GW_FORBIDDEN', {
              reason: 'bot_block',
              detail: 'The request was refused as automated abuse.',
            });
          }
          const pass = firstHeader(ctx.headers[PASS_HEADER]);
          if (pass === undefined || !pow.checkPass(pass, passSubject(ctx.clientIp))) {
            const solution = firstHeader(ctx.headers[POW_HEADER]);
            if (solution === undefined) challenge(ctx, st, undefined);
            if (store === undefined) {
              const v = pow.verify(solution!, ctx.clientIp);
              if (!v.ok) challenge(ctx, st, v.reason);
            } else {
              // Replay protection in the shared store: a solution is spent once across every worker and node.
              const v = pow.check(solution!, ctx.clientIp);
              if (!v.ok) return challenge(ctx, st, v.reason);
              let fresh: boolean;
              try {
                fresh = await store.markIfAbsent(`bot:pow:${v.nonce}`, v.ttlMs);
              } catch (err) {
                deps.logger.warn(
                  { err: (err as Error).message },
                  'bot-defense: state store failed (proof-of-work replay check); challenging again',
                );
                return challenge(ctx, st, 'replay_store_unavailable');
              }
              if (!fresh) return challenge(ctx, st, 'replayed');
            }
            st.pass = pow.pass(passSubject(ctx.clientIp));
          }
        }
        if (st.score >= t.throttle && enforce && config.throttle_delay_ms > 0) {
          ctx.decisions.push({ policy: NAME, action: 'tag', reason: 'bot_throttle' });
          try {
            await sleep(config.throttle_delay_ms, undefined, { signal: ctx.signal });
          } catch {
            throw new GatewayError('GW_REQUEST_TIMEOUT', { reason: 'client_gone' });
          }
        }
      },

      onResponse(ctx: ResponseContext): void {
        const st = ctx.state[NAME] as BotState | undefined;
        if (st?.pass) ctx.responseHeaders[PASS_HEADER] = st.pass;
      },

      onLog(ctx: LogContext): Promise<void> | undefined {
        if (ctx.status !== 401) return undefined;
        const identities: string[] = [];
        for (const f of ctx.auth.failures) {
          if (!isCredentialFailure(f) || f.credentialId === undefined || f.credentialId === '') continue;
          if (identities.length < MAX_IDENTITIES_PER_REQUEST)
            identities.push(identityKey(f.method, f.credentialId));
        }
        if (identities.length === 0 && cs.identity_header !== '' && !(ctx as { local?: boolean }).local) {
          const id = identityFrom(firstHeader(ctx.headers[cs.identity_header]), cs.identity_header);
          if (id !== undefined) identities.push(identityKey('upstream', id));
        }
        if (identities.length === 0) return undefined;
        const st = ctx.state[NAME] as BotState | undefined;
        const key = st?.key ?? clientKey(ctx.clientIp, config.ipv6_prefix);
        const now = Date.now();
        const report = (v: StuffingVerdict): void => {
          if (!v.manyIdentities && !v.manyClients) return;
          event('credential_stuffing', key, {
            ...fields(ctx, st),
            'event.reason': v.manyIdentities ? 'many_identities_per_client' : 'many_clients_per_identity',
            'gatehouse.bot.identities': v.identities,
            'gatehouse.bot.clients': v.clients,
          });
        };
        if (shared === undefined) {
          for (const id of identities) report(stuffing.fail(key, id, now));
          return undefined;
        }
        // Counted in the shared store; a failure it cannot record is counted in this worker's memory.
        return Promise.all(
          identities.map((id) =>
            shared.fail(key, id, now).then(report, (err: unknown) => {
              storeWarning(
                err,
                'bot-defense: state store failed (credential-stuffing count); counted per worker',
              );
              report(stuffing.fail(key, id, now));
            }),
          ),
        ).then(
          () => undefined,
          (err: unknown) => deps.logger.warn({ err }, 'bot-defense: credential-stuffing report failed'),
        );
      },
    });
  },
});
