import assert from 'node:assert/strict';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, describe, test } from 'node:test';
import { presentedToken } from '../../identity/dpop.ts';
import type { Consumer } from '../../identity/types.ts';
import type { PolicyDeps, PolicyInstance } from '../../pipeline/types.ts';
import { fakeDeps, fakeRequestContext, instantiate, runRequest, schemaFixtureSuite } from '../testing.ts';
import { formEncode } from './client.ts';
import { policy } from './policy.ts';

schemaFixtureSuite(policy, new URL('./fixtures/', import.meta.url));

/** A stub authorization server: records requests, answers with the current handler. */
interface Seen {
  authorization: string | undefined;
  contentType: string | undefined;
  form: URLSearchParams;
}
let server: http.Server;
let endpoint: string;
let seen: Seen[] = [];
let handler: (form: URLSearchParams, res: ServerResponse, req: IncomingMessage) => void;
const now = () => Math.floor(Date.now() / 1000);

function json(res: ServerResponse, body: unknown, status = 200, type = 'application/json'): void {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

/** Active tokens of the stub: token → response members. */
const tokens = new Map<string, Record<string, unknown>>();
const defaultHandler = (form: URLSearchParams, res: ServerResponse) => {
  const claims = tokens.get(form.get('token') ?? '');
  json(res, claims ? { active: true, ...claims } : { active: false });
};

before(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      seen.push({ authorization: req.headers.authorization, contentType: req.headers['content-type'], form });
      handler(form, res, req);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/introspect`;
});
after(
  () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
);

const instances: PolicyInstance[] = [];
afterEach(async () => {
  for (const i of instances.splice(0)) await i.close?.();
  seen = [];
  tokens.clear();
  handler = defaultHandler;
});
handler = defaultHandler;

function make(config: Record<string, unknown> = {}, extra: Partial<PolicyDeps> = {}) {
  const deps = { ...fakeDeps('oauth-introspection@route:test'), ...extra };
  const inst = instantiate(
    policy,
    { endpoint, allow_http: true, client_id: 'gateway', client_secret: 'gw-secret', ...config },
    deps,
  );
  instances.push(inst);
  return { inst, deps };
}

function ctxWith(token: string | undefined, scheme = 'Bearer', headers: Record<string, string> = {}) {
  return fakeRequestContext({
    headers: { ...(token === undefined ? {} : { authorization: `${scheme} ${token}` }), ...headers },
  });
}

async function refused(
  inst: PolicyInstance,
  token: string | undefined,
  reason: string,
  deps: ReturnType<typeof fakeDeps>,
) {
  const ctx = ctxWith(token);
  const out = await runRequest(inst, ctx);
  assert.equal(out.error?.status, 401, `${reason}: expected 401`);
  assert.equal(out.error.reason, `oauth-introspection:${reason}`);
  assert.equal(deps.events.at(-1)?.fields['event.reason'], reason);
  assert.match(out.error.headers?.['www-authenticate'] ?? '', /^Bearer realm="gatehouse"/);
  return ctx;
}

describe('oauth-introspection: configuration', () => {
  test('plain HTTP needs allow_http; credentials never go in the URL', () => {
    assert.throws(() => make({ allow_http: false }), /https/);
    assert.throws(() => make({ endpoint: endpoint.replace('http://', 'http://u:p@') }), /client_id/);
  });
});

describe('oauth-introspection: verdicts', () => {
  test('an active token authenticates its consumer; the token is hidden from the upstream', async () => {
    tokens.set('tok-alice', {
      sub: 'alice',
      scope: 'orders:read orders:write',
      jti: 'j1',
      acr: 'mfa',
      amr: ['pwd'],
    });
    const alice: Consumer = { id: 'alice', groups: ['buyers'], metadata: {} };
    const { inst } = make({}, { consumers: { get: (id) => (id === 'alice' ? alice : undefined) } });
    const ctx = ctxWith('tok-alice');
    const out = await runRequest(inst, ctx);
    assert.equal(out.error, undefined);
    assert.deepEqual(ctx.consumer, { id: 'alice', groups: ['buyers'] });
    const s = ctx.auth.successes[0]!;
    assert.equal(s.method, 'oauth-introspection');
    assert.equal(s.credentialId, 'j1');
    assert.deepEqual(s.scopes, ['orders:read', 'orders:write']);
    assert.equal(s.acr, 'mfa');
    assert.deepEqual(s.amr, ['pwd']);
    assert.equal(s.claims?.sub, 'alice');
    assert.equal(ctx.upstreamHeaders.authorization, undefined);
    assert.equal(ctx.upstreamHeaders['x-consumer-id'], 'alice');
    assert.deepEqual(presentedToken(ctx, 'oauth-introspection'), {
      method: 'oauth-introspection',
      token: 'tok-alice',
      scheme: 'bearer',
    });
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.form.get('token'), 'tok-alice');
    assert.equal(seen[0]!.form.get('token_type_hint'), 'access_token');
    assert.equal(seen[0]!.contentType, 'application/x-www-form-urlencoded');
  });

  test('an unknown consumer gets a synthetic one; consumer_claim picks the member', async () => {
    tokens.set('tok-m2m', { client_id: 'billing-service', sub: 'ignored' });
    const { inst } = make({ consumer_claim: 'client_id' });
    const ctx = ctxWith('tok-m2m');
    assert.equal((await runRequest(inst, ctx)).error, undefined);
    assert.deepEqual(ctx.consumer, { id: 'billing-service', groups: [] });
  });

  test('inactive, expired, not yet valid, wrong issuer/audience and missing consumer claim are refused', async () => {
    tokens.set('tok-expired', { sub: 'a', exp: now() - 60 });
    tokens.set('tok-future', { sub: 'a', nbf: now() + 600 });
    tokens.set('tok-iss', { sub: 'a', iss: 'https://other/', aud: 'orders' });
    tokens.set('tok-aud', { sub: 'a', iss: 'https://idp/', aud: ['billing'] });
    tokens.set('tok-nosub', { iss: 'https://idp/', aud: 'orders' });
    tokens.set('tok-badsub', { sub: 'a\r\nb', iss: 'https://idp/', aud: 'orders' });
    const { inst, deps } = make();
    await refused(inst, 'tok-unknown', 'inactive', deps);
    await refused(inst, 'tok-expired', 'expired', deps);
    await refused(inst, 'tok-future', 'not_yet_valid', deps);
    const strict = make({ issuer: 'https://idp/', audiences: ['orders'] });
    await refused(strict.inst, 'tok-iss', 'bad_issuer', strict.deps);
    await refused(strict.inst, 'tok-aud', 'bad_audience', strict.deps);
    await refused(strict.inst, 'tok-nosub', 'missing_claim', strict.deps);
    await refused(strict.inst, 'tok-badsub', 'missing_claim', strict.deps);
  });

  test('`active` must be exactly true', async () => {
    const { inst, deps } = make();
    for (const active of ['true', 1, null]) {
      handler = (_f, res) => json(res, { active, sub: 'a' });
      await refused(inst, `tok-${String(active)}`, 'inactive', deps);
    }
  });

  test('missing, other schemes, malformed and oversized tokens never reach the endpoint', async () => {
    const { inst, deps } = make({ max_token_bytes: 64 });
    const m = await refused(inst, undefined, 'missing', deps);
    assert.match(String(m.auth.failures[0]?.reason), /missing/);
    const basic = await runRequest(
      inst,
      fakeRequestContext({ headers: { authorization: 'Basic Zm9vOmJhcg==' } }),
    );
    assert.equal(basic.error?.reason, 'oauth-introspection:missing');
    await refused(inst, 'bad token', 'malformed', deps);
    await refused(inst, 'tok"', 'malformed', deps);
    await refused(inst, 'a'.repeat(65), 'too_large', deps);
    await refused(inst, 'a'.repeat(200), 'too_large', deps);
    assert.equal(seen.length, 0);
  });

  test('the DPoP scheme and custom headers are accepted', async () => {
    tokens.set('tok-d', { sub: 'dora' });
    const { inst } = make();
    const ctx = ctxWith('tok-d', 'DPoP');
    assert.equal((await runRequest(inst, ctx)).error, undefined);
    assert.equal(presentedToken(ctx, 'oauth-introspection')?.scheme, 'dpop');
    const custom = make({ header: 'x-access-token', hide_credentials: false });
    const c2 = fakeRequestContext({ headers: { 'x-access-token': 'tok-d' } });
    assert.equal((await runRequest(custom.inst, c2)).error, undefined);
    assert.equal(presentedToken(c2, 'oauth-introspection')?.scheme, 'none');
    assert.equal(c2.upstreamHeaders['x-access-token'], 'tok-d');
  });

  test('optional: a missing or refused token is recorded, the request continues', async () => {
    const { inst } = make({ optional: true });
    const c1 = ctxWith(undefined);
    assert.equal((await runRequest(inst, c1)).error, undefined);
    assert.equal(c1.auth.failures[0]?.reason, 'missing');
    const c2 = ctxWith('tok-unknown');
    assert.equal((await runRequest(inst, c2)).error, undefined);
    assert.equal(c2.auth.failures[0]?.reason, 'inactive');
    assert.equal(c2.auth.successes.length, 0);
  });
});

describe('oauth-introspection: client authentication', () => {
  test('client_secret_basic form-encodes id and secret before Base64 (RFC 6749 §2.3.1)', async () => {
    const { inst } = make({ client_id: 'gw:1 é', client_secret: 'p@ss word+/=' });
    await runRequest(inst, ctxWith('tok-x'));
    const auth = seen[0]!.authorization!;
    const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
    assert.equal(decoded, `${formEncode('gw:1 é')}:${formEncode('p@ss word+/=')}`);
    assert.equal(decoded, 'gw%3A1+%C3%A9:p%40ss+word%2B%2F%3D');
    assert.equal(seen[0]!.form.get('client_secret'), null);
  });
  test('client_secret_post sends the credentials as form fields and no Authorization', async () => {
    const { inst } = make({ client_auth: 'client_secret_post' });
    await runRequest(inst, ctxWith('tok-x'));
    assert.equal(seen[0]!.authorization, undefined);
    assert.equal(seen[0]!.form.get('client_id'), 'gateway');
    assert.equal(seen[0]!.form.get('client_secret'), 'gw-secret');
    assert.equal(seen[0]!.form.get('token'), 'tok-x');
  });
  test('the client secret never appears in logs or events', async () => {
    const lines: string[] = [];
    const { pino } = await import('pino');
    const logger = pino({ level: 'debug' }, { write: (s: string) => lines.push(s) });
    handler = (_f, res) => json(res, { error: 'invalid_client' }, 401);
    const { inst, deps } = make({}, { logger });
    await runRequest(inst, ctxWith('tok-secret-123'));
    const text = lines.join('') + JSON.stringify(deps.events);
    assert.ok(!text.includes('gw-secret'));
    assert.ok(!text.includes('tok-secret-123'));
  });
});

describe('oauth-introspection: caching', () => {
  test('active and inactive results are cached by token hash', async () => {
    tokens.set('tok-c', { sub: 'c', exp: now() + 300 });
    const { inst } = make();
    for (let i = 0; i < 3; i++) assert.equal((await runRequest(inst, ctxWith('tok-c'))).error, undefined);
    for (let i = 0; i < 3; i++) assert.ok((await runRequest(inst, ctxWith('tok-gone'))).error);
    assert.equal(seen.length, 2);
  });
  test('caching can be turned off', async () => {
    tokens.set('tok-c', { sub: 'c' });
    const { inst } = make({ cache_ttl_s: 0, negative_ttl_s: 0 });
    await runRequest(inst, ctxWith('tok-c'));
    await runRequest(inst, ctxWith('tok-c'));
    await runRequest(inst, ctxWith('tok-gone'));
    await runRequest(inst, ctxWith('tok-gone'));
    assert.equal(seen.length, 4);
  });
  test('an active result is not reused past the token exp', async () => {
    tokens.set('tok-short', { sub: 's', exp: now() + 1 });
    const { inst, deps } = make({ leeway_s: 0 });
    assert.equal((await runRequest(inst, ctxWith('tok-short'))).error, undefined);
    await new Promise((r) => setTimeout(r, 2100));
    // The stub still says active (a lagging server): the gateway asked again and checked exp itself.
    await refused(inst, 'tok-short', 'expired', deps);
    assert.equal(seen.length, 2, 'the expired entry was not used; the endpoint was asked again');
  });
  test('concurrent requests for one uncached token share a single call', async () => {
    tokens.set('tok-p', { sub: 'p' });
    handler = (form, res) => setTimeout(() => defaultHandler(form, res), 100);
    const { inst } = make();
    const outs = await Promise.all(Array.from({ length: 20 }, () => runRequest(inst, ctxWith('tok-p'))));
    assert.ok(outs.every((o) => o.error === undefined));
    assert.equal(seen.length, 1);
  });
});

describe('oauth-introspection: endpoint failures fail closed', () => {
  const failures: Array<
    [string, (form: URLSearchParams, res: ServerResponse) => void, Record<string, unknown>?]
  > = [
    ['500', (_f, res) => json(res, { error: 'server_error' }, 500)],
    ['401 (bad client credentials)', (_f, res) => json(res, { error: 'invalid_client' }, 401)],
    [
      'not JSON',
      (_f, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"active": tru');
      },
    ],
    ['wrong content type', (_f, res) => json(res, { active: true, sub: 'a' }, 200, 'text/html')],
    ['a JSON array', (_f, res) => json(res, [{ active: true }])],
    ['non-numeric exp', (_f, res) => json(res, { active: true, sub: 'a', exp: 'tomorrow' })],
    [
      'oversized',
      (_f, res) => json(res, { active: true, sub: 'a', pad: 'x'.repeat(1000) }),
      { max_response_bytes: 256 },
    ],
    [
      'oversized, chunked',
      (_f, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"active":true,"sub":"a","pad":"');
        res.end(`${'x'.repeat(1000)}"}`);
      },
      { max_response_bytes: 256 },
    ],
    ['slow (timeout)', () => undefined, { timeout_ms: 200 }],
    [
      'redirect',
      (_f, res) => {
        res.writeHead(307, { location: '/elsewhere' });
        res.end();
      },
    ],
  ];
  for (const [name, h, config] of failures) {
    test(name, async () => {
      tokens.set('tok-f', { sub: 'f' });
      handler = h;
      const { inst, deps } = make({ ...config, optional: true });
      const t0 = performance.now();
      await refused(inst, 'tok-f', 'introspection_unavailable', deps);
      assert.ok(performance.now() - t0 < 2000);
      await refused(inst, 'tok-f', 'introspection_unavailable', deps);
      assert.equal(seen.length, 2, 'failures are not cached');
      assert.equal(deps.events.length, 2);
    });
  }
  test('unreachable endpoint', async () => {
    const { inst, deps } = make({ endpoint: 'http://127.0.0.1:9/introspect', timeout_ms: 500 });
    await refused(inst, 'tok-f', 'introspection_unavailable', deps);
  });
  test('max_in_flight: beyond it, uncached tokens fail closed at once', async () => {
    tokens.set('tok-1', { sub: '1' });
    tokens.set('tok-2', { sub: '2' });
    handler = (form, res) => setTimeout(() => defaultHandler(form, res), 200);
    const { inst, deps } = make({ max_in_flight: 1 });
    const first = runRequest(inst, ctxWith('tok-1'));
    await refused(inst, 'tok-2', 'introspection_unavailable', deps);
    assert.equal((await first).error, undefined);
    assert.equal(seen.length, 1);
  });
});
