import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { isPathError, normalizeTarget } from '../lib/path.ts';
import type { HeaderMap } from '../pipeline/types.ts';
import { compileRouter, type RouteMatch, type RouteSpec } from './index.ts';
import { aliasSpellings, decodeAliased } from './pattern.ts';
import { hashOf, reverseHashOf } from './router.ts';

type Spec = RouteSpec<string>;

function route(name: string, paths: string[], extra: Partial<Spec> = {}): Spec {
  return { name, paths, data: name, ...extra };
}

/** Name of the matched route, or the kind (plus Allow list) of a miss. */
function hit(m: RouteMatch<string>): string {
  if (m.kind === 'match') return m.route.name;
  if (m.kind === 'method-not-allowed') return `405 ${m.allow.join(',')}`;
  return '404';
}

function matcher(routes: Spec[]) {
  const router = compileRouter(routes);
  return {
    router,
    name: (path: string, opts: { method?: string; host?: string; headers?: HeaderMap } = {}) =>
      hit(router.match(opts.method ?? 'GET', opts.host ?? 'example.org', path, opts.headers ?? {})),
    get: (path: string, opts: { method?: string; host?: string; headers?: HeaderMap } = {}) => {
      const m = router.match(opts.method ?? 'GET', opts.host ?? 'example.org', path, opts.headers ?? {});
      assert.equal(m.kind, 'match', `${path} did not match`);
      return m as Extract<RouteMatch<string>, { kind: 'match' }>;
    },
  };
}

describe('path precedence within a host', () => {
  const m = matcher([
    route('regex', ['~/users/[a-z]+']),
    route('prefix', ['/users/*']),
    route('param', ['/users/{id}']),
    route('exact', ['/users/me']),
    route('root-prefix', ['/*']),
  ]);

  test('exact > param > prefix > regex', () => {
    assert.equal(m.name('/users/me'), 'exact');
    assert.equal(m.name('/users/42'), 'param');
    assert.equal(m.name('/users/42/x'), 'prefix');
    assert.equal(m.name('/users'), 'prefix');
    assert.equal(m.name('/other'), 'root-prefix');
  });

  test('regex routes come after every prefix route of the same host tier', () => {
    const r = matcher([route('regex', ['~/v[0-9]+/items']), route('all', ['/*'])]);
    assert.equal(r.name('/v1/items'), 'all');
    const only = matcher([route('regex', ['~/v[0-9]+/items'])]);
    assert.equal(only.name('/v1/items'), 'regex');
  });

  test('a static segment beats a parameter at each level, with backtracking', () => {
    const r = matcher([
      route('a', ['/{org}/repos/{repo}']),
      route('b', ['/users/{id}']),
      route('c', ['/users/{id}/posts']),
      route('d', ['/{x}/{y}/posts']),
      route('e', ['/users/new/posts']),
    ]);
    assert.equal(r.name('/users/7'), 'b');
    assert.equal(r.name('/users/7/posts'), 'c');
    assert.equal(r.name('/users/new/posts'), 'e');
    // 'users' leads to a dead end for /users/repos/x, so the walk backtracks to the {org} branch.
    assert.equal(r.name('/users/repos/x'), 'a');
    assert.equal(r.name('/acme/repos/x'), 'a');
    assert.equal(r.name('/acme/z/posts'), 'd');
    assert.equal(r.name('/acme'), '404');
  });

  test('longest prefix wins, on segment boundaries only', () => {
    const r = matcher([
      route('static', ['/static/*']),
      route('deep', ['/static/img/*']),
      route('root', ['/*']),
    ]);
    assert.equal(r.name('/static'), 'static');
    assert.equal(r.name('/static/'), 'static');
    assert.equal(r.name('/static/x/y'), 'static');
    assert.equal(r.name('/static/img'), 'deep');
    assert.equal(r.name('/static/img/a.png'), 'deep');
    assert.equal(r.name('/static/imgs'), 'static');
    assert.equal(r.name('/staticfoo'), 'root');
    assert.equal(r.name('/stati'), 'root');
    assert.equal(r.name('/'), 'root');
    const noRoot = matcher([route('static', ['/static/*'])]);
    assert.equal(noRoot.name('/staticfoo'), '404');
    assert.equal(noRoot.name('/'), '404');
  });

  test('prefix reports the literal prefix consumed', () => {
    const r = matcher([route('static', ['/static/*']), route('root', ['/*']), route('ex', ['/e'])]);
    assert.equal(r.get('/static/x').prefix, '/static');
    assert.equal(r.get('/static').prefix, '/static');
    assert.equal(r.get('/zzz').prefix, '');
    assert.equal(r.get('/e').prefix, undefined);
    assert.equal(r.get('/static/x').matchedPath, '/static/*');
  });

  test('trailing slash is significant for exact and param routes', () => {
    const r = matcher([route('a', ['/users']), route('b', ['/users/{id}/']), route('c', ['/'])]);
    assert.equal(r.name('/users'), 'a');
    assert.equal(r.name('/users/'), '404');
    assert.equal(r.name('/users/1/'), 'b');
    assert.equal(r.name('/users/1'), '404');
    assert.equal(r.name('/'), 'c');
  });

  test('paths are case-sensitive', () => {
    const r = matcher([route('Admin', ['/Admin']), route('adm', ['/ADM/*']), route('p', ['/X/{id}'])]);
    assert.equal(r.name('/admin'), '404');
    assert.equal(r.name('/Admin'), 'Admin');
    assert.equal(r.name('/adm/x'), '404');
    assert.equal(r.name('/x/1'), '404');
  });

  test('a path that is not origin-form never matches', () => {
    const r = matcher([route('all', ['/*']), route('re', ['~.*'])]);
    assert.equal(r.name('*'), '404');
    assert.equal(r.name(''), '404');
  });
});

describe('hosts', () => {
  const m = matcher([
    route('any', ['/x', '/only-any']),
    route('wild', ['/x'], { hosts: ['*.example.com'] }),
    route('wild-long', ['/x'], { hosts: ['*.api.example.com'] }),
    route('exact', ['/x'], { hosts: ['API.Example.com'] }),
    route('exact-only', ['/e'], { hosts: ['a.example.com'] }),
  ]);

  test('exact host > longest wildcard suffix > shorter wildcard > any host', () => {
    assert.equal(m.name('/x', { host: 'api.example.com' }), 'exact');
    assert.equal(m.name('/x', { host: 'v1.api.example.com' }), 'wild-long');
    assert.equal(m.name('/x', { host: 'a.b.v1.api.example.com' }), 'wild-long');
    assert.equal(m.name('/x', { host: 'www.example.com' }), 'wild');
    assert.equal(m.name('/x', { host: 'example.com' }), 'any');
    assert.equal(m.name('/x', { host: 'example.org' }), 'any');
    assert.equal(m.name('/x', { host: '' }), 'any');
  });

  test('wildcards match any depth of labels, whatever the other wildcard depths', () => {
    const r = matcher([
      route('short', ['/x'], { hosts: ['*.example.com'] }),
      route('deep', ['/x'], { hosts: ['*.a.b.c.example.com'] }),
    ]);
    assert.equal(r.name('/x', { host: 'q.w.e.r.t.y.example.com' }), 'short');
    assert.equal(r.name('/x', { host: 'x.y.b.c.example.com' }), 'short');
    assert.equal(r.name('/x', { host: 'x.a.b.c.example.com' }), 'deep');
    assert.equal(r.name('/x', { host: 'a.b.c.example.com' }), 'short');
    assert.equal(r.name('/x', { host: 'example.com' }), '404');
    assert.equal(r.name('/x', { host: 'xexample.com' }), '404');
  });

  test('wildcards need one or more non-empty labels', () => {
    assert.equal(m.name('/x', { host: '.example.com' }), 'any');
    assert.equal(m.name('/x', { host: 'a..example.com' }), 'any');
    assert.equal(m.name('/x', { host: 'notexample.com' }), 'any');
  });

  test('host patterns are case-insensitive (request hosts arrive lower-case)', () => {
    assert.equal(m.name('/x', { host: 'api.example.com' }), 'exact'); // declared as API.Example.com
    // The caller lower-cases; a host that is not lower-case is treated like any unknown host.
    assert.equal(m.name('/x', { host: 'API.EXAMPLE.COM' }), 'any');
  });

  test('a host tier without a matching path falls through to the next tier', () => {
    assert.equal(m.name('/only-any', { host: 'api.example.com' }), 'any');
    assert.equal(m.name('/e', { host: 'a.example.com' }), 'exact-only');
    assert.equal(m.name('/e', { host: 'b.example.com' }), '404');
  });

  test('absent or empty hosts mean any host; IPv6 literals are accepted', () => {
    const r = matcher([route('a', ['/a'], { hosts: [] }), route('v6', ['/v6'], { hosts: ['[::1]'] })]);
    assert.equal(r.name('/a', { host: 'whatever' }), 'a');
    assert.equal(r.name('/v6', { host: '[::1]' }), 'v6');
    assert.equal(r.name('/v6', { host: 'localhost' }), '404');
  });
});

describe('params', () => {
  test('named params capture raw (still percent-encoded) segments', () => {
    const r = matcher([route('p', ['/orgs/{org}/repos/{repo}']), route('one', ['/u/{id}'])]);
    assert.deepEqual(r.get('/orgs/acme/repos/caf%C3%A9%20x').params, { org: 'acme', repo: 'caf%C3%A9%20x' });
    assert.deepEqual(r.get('/u/%2A').params, { id: '%2A' });
    assert.equal(r.get('/u/1').matchedPath, '/u/{id}');
  });

  test('a param is exactly one non-empty segment', () => {
    const r = matcher([route('p', ['/u/{id}'])]);
    assert.equal(r.name('/u/'), '404');
    assert.equal(r.name('/u'), '404');
    assert.equal(r.name('/u/a/b'), '404');
  });

  test('routes with the same shape may name params differently per method', () => {
    const r = matcher([
      route('get', ['/u/{id}'], { methods: ['GET'] }),
      route('put', ['/u/{userId}'], { methods: ['PUT'] }),
    ]);
    assert.deepEqual(r.get('/u/1').params, { id: '1' });
    assert.deepEqual(r.get('/u/1', { method: 'PUT' }).params, { userId: '1' });
  });

  test('static matches share a frozen result; param results are fresh', () => {
    const r = matcher([route('s', ['/s']), route('p', ['/p/{id}'])]);
    const a = r.get('/s');
    assert.equal(a, r.get('/s'));
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.params));
    assert.notEqual(r.get('/p/1'), r.get('/p/1'));
  });
});

describe('regex routes', () => {
  test('full match with the u flag; named groups become params', () => {
    const r = matcher([
      route('items', ['~^/v(?<version>[0-9]+)/items$']),
      route('letters', ['~/w/(?<word>\\p{L}+)']),
      route('opt', ['~/o(?<tail>/x)?']),
    ]);
    assert.deepEqual(r.get('/v12/items').params, { version: '12' });
    assert.equal(r.get('/v12/items').matchedPath, '~^/v(?<version>[0-9]+)/items$');
    assert.equal(r.name('/v12/items/more'), '404');
    assert.equal(r.name('/x/w/abc'), '404'); // implicitly anchored
    assert.deepEqual(r.get('/w/abc').params, { word: 'abc' });
    assert.deepEqual(r.get('/o').params, {});
    assert.deepEqual(r.get('/o/x').params, { tail: '/x' });
  });

  test('declaration order among regex routes', () => {
    const r = matcher([route('first', ['~/a/.*']), route('second', ['~/a/b'])]);
    assert.equal(r.name('/a/b'), 'first');
  });

  test('regexes also see reserved-character escapes decoded', () => {
    const r = matcher([route('at', ['~/@(?<user>[a-z]+)'])]);
    assert.deepEqual(r.get('/@bob').params, { user: 'bob' });
    assert.deepEqual(r.get('/%40bob').params, { user: 'bob' });
  });
});

describe('methods', () => {
  const m = matcher([
    route('get', ['/r'], { methods: ['GET', 'HEAD'] }),
    route('post', ['/r'], { methods: ['POST'] }),
    route('admin', ['/admin/*'], { methods: ['GET'] }),
    route('catch-all', ['/*']),
    route('any', ['/any']),
    route('specific', ['/any'], { methods: ['DELETE'] }),
  ]);

  test('405 with the sorted union of allowed methods', () => {
    assert.equal(m.name('/r'), 'get');
    assert.equal(m.name('/r', { method: 'POST' }), 'post');
    assert.equal(m.name('/r', { method: 'DELETE' }), '405 GET,HEAD,POST');
    const res = m.router.match('PATCH', 'h', '/r', {});
    assert.deepEqual(res, { kind: 'method-not-allowed', allow: ['GET', 'HEAD', 'POST'] });
  });

  test('a method mismatch never falls through to a less specific route', () => {
    assert.equal(m.name('/admin/users', { method: 'POST' }), '405 GET');
    assert.equal(m.name('/admin', { method: 'DELETE' }), '405 GET');
    assert.equal(m.name('/elsewhere', { method: 'POST' }), 'catch-all');
  });

  test('method-specific routes beat any-method routes with the same path', () => {
    assert.equal(m.name('/any', { method: 'DELETE' }), 'specific');
    assert.equal(m.name('/any', { method: 'GET' }), 'any');
  });

  test('methods are case-sensitive', () => {
    assert.equal(m.name('/r', { method: 'get' }), '405 GET,HEAD,POST');
  });

  test('405 across param routes and regex routes', () => {
    const r = matcher([
      route('p', ['/u/{id}'], { methods: ['PUT'] }),
      route('re', ['~/re/[0-9]+'], { methods: ['GET'] }),
    ]);
    assert.equal(r.name('/u/1'), '405 PUT');
    assert.equal(r.name('/re/1', { method: 'POST' }), '405 GET');
  });
});

describe('header conditions', () => {
  const m = matcher([
    route('plain', ['/api/*']),
    route('canary', ['/api/*'], { headers: { 'x-canary': ['1', 'yes'] } }),
    route('v2-json', ['/api/*'], { headers: { 'x-version': '2', accept: 'application/json' } }),
    route('exact-hdr', ['/api/users'], { headers: { 'x-canary': '1' }, methods: ['GET'] }),
  ]);

  test('routes with header conditions beat those without; more conditions first', () => {
    assert.equal(m.name('/api/x'), 'plain');
    assert.equal(m.name('/api/x', { headers: { 'x-canary': 'yes' } }), 'canary');
    assert.equal(m.name('/api/x', { headers: { 'x-canary': 'no' } }), 'plain');
    assert.equal(m.name('/api/x', { headers: { 'x-version': '2' } }), 'plain');
    const both = { 'x-version': '2', accept: 'application/json', 'x-canary': '1' };
    assert.equal(m.name('/api/x', { headers: both }), 'v2-json');
  });

  test('array header values match if any value is accepted', () => {
    assert.equal(m.name('/api/x', { headers: { 'x-canary': ['no', '1'] } }), 'canary');
    assert.equal(m.name('/api/x', { headers: { 'x-canary': ['no'] } }), 'plain');
  });

  test('a failed header condition falls through to a less specific path', () => {
    assert.equal(m.name('/api/users', { headers: { 'x-canary': '1' } }), 'exact-hdr');
    assert.equal(m.name('/api/users'), 'plain');
  });

  test('a failed header condition on a longer prefix falls back to shorter prefixes', () => {
    const r = matcher([
      route('root', ['/*'], { headers: { 'x-a': '1' } }),
      route('api', ['/api/*']),
      route('v2', ['/api/v2/*'], { headers: { 'x-v2': '1' } }),
      route('v2-beta', ['/api/v2/beta/*'], { headers: { 'x-beta': '1' } }),
    ]);
    assert.equal(r.name('/api/v2/beta/x', { headers: { 'x-beta': '1' } }), 'v2-beta');
    assert.equal(r.name('/api/v2/beta/x', { headers: { 'x-v2': '1' } }), 'v2');
    assert.equal(r.name('/api/v2/beta/x'), 'api');
    assert.equal(r.name('/other', { headers: { 'x-a': '1' } }), 'root');
    assert.equal(r.name('/other'), '404');
  });

  test('the Allow list only counts routes whose header conditions hold', () => {
    const r = matcher([
      route('a', ['/h'], { methods: ['GET'], headers: { 'x-k': 'a' } }),
      route('b', ['/h'], { methods: ['PUT'] }),
    ]);
    assert.equal(r.name('/h', { method: 'POST' }), '405 PUT');
    assert.equal(r.name('/h', { method: 'POST', headers: { 'x-k': 'a' } }), '405 GET,PUT');
    assert.equal(r.name('/h', { headers: { 'x-k': 'a' } }), 'a');
  });

  test('same path and method with different header conditions is not a duplicate', () => {
    assert.doesNotThrow(() =>
      compileRouter([
        route('a', ['/h'], { headers: { 'x-k': 'a' } }),
        route('b', ['/h'], { headers: { 'x-k': 'b' } }),
        route('c', ['/h']),
      ]),
    );
  });
});

describe('reserved-character aliases', () => {
  test('a literal pattern also matches the percent-encoded spelling of sub-delims, ":" and "@"', () => {
    const r = matcher([
      route('scoped', ['/@internal/*']),
      route('custom-method', ['/v1/{topic}/things:batchGet']),
      route('star', ['/a%2Ab']),
      route('all', ['/*']),
    ]);
    assert.equal(r.name('/@internal/x'), 'scoped');
    assert.equal(r.name('/%40internal/x'), 'scoped');
    assert.equal(r.get('/%40internal/x').prefix, '/%40internal');
    assert.equal(r.get('/%40internal/x').matchedPath, '/@internal/*');
    assert.equal(r.name('/v1/t/things:batchGet'), 'custom-method');
    assert.equal(r.name('/v1/t/things%3AbatchGet'), 'custom-method');
    assert.deepEqual(r.get('/v1/t%3A/things%3AbatchGet').params, { topic: 't%3A' });
    assert.equal(r.name('/a*b'), 'star');
    assert.equal(r.name('/a%2Ab'), 'star');
  });

  test('aliasSpellings and decodeAliased', () => {
    assert.deepEqual(aliasSpellings('/a@b'), ['/a@b', '/a%40b']);
    assert.deepEqual(aliasSpellings('/x%3Ay'), ['/x%3Ay', '/x:y']);
    assert.deepEqual(aliasSpellings('/plain/path'), ['/plain/path']);
    assert.equal(aliasSpellings('/:a:b:c').length, 8);
    assert.equal(decodeAliased('/%40me/%2F/%3A/%20'), '/@me/%2F/:/%20');
  });

  test('the router picks the same route whether reserved characters are escaped or not', () => {
    const routes = [
      route('at', ['/@x/*']),
      route('colon', ['/a:b']),
      route('param', ['/p/{id}/x=1']),
      route('eq', ['/p/q/x=1'], { methods: ['GET'] }),
      route('plus', ['/c+d/*'], { hosts: ['*.example.com'] }),
      route('all', ['/*']),
    ];
    const router = compileRouter(routes);
    const seg = fc.constantFrom('@x', 'a:b', 'p', 'q', 'x=1', 'c+d', 'y', 'id');
    const escapeSome = (s: string, mask: number) =>
      s.replace(/[@:=+]/g, (ch) =>
        (mask >>= 1) & 1 ? `%${ch.charCodeAt(0).toString(16).toUpperCase()}` : ch,
      );
    fc.assert(
      fc.property(
        fc.array(seg, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.boolean(),
        (segs, mask, wild) => {
          const plain = '/' + segs.join('/');
          const escaped = escapeSome(plain, mask);
          const host = wild ? 'www.example.com' : 'example.org';
          const a = router.match('GET', host, plain, {});
          const b = router.match('GET', host, escaped, {});
          assert.equal(hit(b), hit(a), `${escaped} vs ${plain}`);
          if (a.kind === 'match' && b.kind === 'match') assert.equal(b.matchedPath, a.matchedPath);
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('with the normalizer: a request never reaches an upstream as a path another route protects', () => {
    // An upstream that percent-decodes once and then routes: what it sees must match the same route.
    const router = compileRouter([
      route('admin', ['/admin/*'], { methods: ['GET'] }),
      route('at-admin', ['/@admin/*']),
      route('exact', ['/Secret']),
      route('public', ['/*']),
    ]);
    const piece = fc.constantFrom(
      'admin',
      '@admin',
      '%40admin',
      '%61dmin',
      'Secret',
      '%53ecret',
      '.',
      '..',
      '%2e',
      '%2E%2E',
      '',
      'x',
      'public',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (segs) => {
        const n = normalizeTarget('/' + segs.join('/'));
        if (isPathError(n)) return;
        const upstreamView = n.path
          .split('/')
          .map((s) => encodeURIComponent(decodeURIComponent(s)).replace(/%40/g, '@'))
          .join('/');
        const a = router.match('GET', 'h', n.path, {});
        const b = router.match('GET', 'h', upstreamView, {});
        assert.equal(hit(a), hit(b), `${n.path} vs ${upstreamView}`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('compile errors', () => {
  const bad: [string, Partial<Spec>, RegExp][] = [
    ['no-slash', { paths: ['users'] }, /must start with/],
    ['empty-paths', { paths: [] }, /paths must be a non-empty array/],
    ['empty-pattern', { paths: [''] }, /non-empty string/],
    ['double-slash', { paths: ['/a//b'] }, /empty segment/],
    ['prefix-double-slash', { paths: ['/a//b/*'] }, /empty segment/],
    ['prefix-trailing', { paths: ['/a//*'] }, /empty segment/],
    ['dot', { paths: ['/a/./b'] }, /normalized form/],
    ['dotdot', { paths: ['/a/../b'] }, /normalized form/],
    ['lower-hex', { paths: ['/caf%c3%a9'] }, /normalized form.*%C3%A9/],
    ['unreserved-escape', { paths: ['/%7Euser'] }, /normalized form.*\/~user/],
    ['bad-escape', { paths: ['/%zz'] }, /invalid/],
    ['bad-utf8', { paths: ['/%C0%AF'] }, /invalid/],
    ['space', { paths: ['/a b'] }, /invalid/],
    ['query', { paths: ['/a?b'] }, /"\?"/],
    ['partial-param', { paths: ['/files/{name}.txt'] }, /whole segment/],
    ['bad-param-name', { paths: ['/u/{1x}'] }, /needs a name/],
    ['empty-param', { paths: ['/u/{}'] }, /needs a name/],
    ['proto-param', { paths: ['/u/{__proto__}'] }, /needs a name/],
    ['dup-param', { paths: ['/u/{id}/{id}'] }, /appears twice/],
    ['prefix-param', { paths: ['/u/{id}/*'] }, /must be literal/],
    ['mid-star', { paths: ['/a/*/b'] }, /only allowed as a final/],
    ['glued-star', { paths: ['/static*'] }, /only allowed as a final/],
    ['bad-regex', { paths: ['~/a(['] }, /does not compile/],
    ['empty-regex', { paths: ['~'] }, /empty/],
    ['proto-group', { paths: ['~/(?<__proto__>x)'] }, /reserved group name/],
    ['too-many-aliases', { paths: ['/a:b:c:d:e:f:g:h:i:j'] }, /at most 8/],
    ['lower-method', { paths: ['/a'], methods: ['get'] }, /upper-case token/],
    ['methods-type', { paths: ['/a'], methods: 'GET' as unknown as string[] }, /methods must be an array/],
    ['star-host', { paths: ['/a'], hosts: ['*'] }, /omit hosts/],
    ['bad-host', { paths: ['/a'], hosts: ['a.*.com'] }, /not a valid host/],
    ['port-host', { paths: ['/a'], hosts: ['a.com:8080'] }, /not a valid host/],
    ['header-name', { paths: ['/a'], headers: { 'X-Up': '1' } }, /lower-case token/],
    ['header-value', { paths: ['/a'], headers: { 'x-up': [] } }, /non-empty array/],
    [
      'headers-type',
      { paths: ['/a'], headers: ['x'] as unknown as Record<string, string> },
      /must be an object/,
    ],
  ];
  for (const [name, extra, message] of bad) {
    test(`${name}: TypeError naming the route`, () => {
      assert.throws(
        () => compileRouter([route('ok', ['/fine']), { name, paths: ['/x'], data: name, ...extra }]),
        (e: unknown) =>
          e instanceof TypeError && e.message.startsWith(`route "${name}": `) && message.test(e.message),
      );
    });
  }

  test('a route without a name is reported by index', () => {
    assert.throws(
      () => compileRouter([route('ok', ['/a']), { name: '', paths: ['/b'], data: '' }]),
      /^TypeError: route "#1": name must be a non-empty string$/,
    );
  });

  test('duplicates: same host + path + method + headers', () => {
    const dup = (routes: Spec[], message: RegExp) =>
      assert.throws(
        () => compileRouter(routes),
        (e: unknown) => e instanceof TypeError && message.test(e.message),
      );
    dup(
      [route('a', ['/x']), route('b', ['/x'])],
      /^route "b": path "\/x" on any host duplicates "\/x" of route "a"/,
    );
    dup(
      [route('a', ['/x'], { methods: ['GET', 'PUT'] }), route('b', ['/x'], { methods: ['PUT'] })],
      /route "b"/,
    );
    dup([route('a', ['/u/{id}']), route('b', ['/u/{uid}'])], /route "b".*"\/u\/\{id\}" of route "a"/);
    dup([route('a', ['/s/*']), route('b', ['/s/*'])], /route "b"/);
    dup([route('a', ['~/r']), route('b', ['~/r'])], /route "b"/);
    dup([route('a', ['/x'], { hosts: ['a.com'] }), route('b', ['/x'], { hosts: ['A.com'] })], /host "a.com"/);
    dup(
      [route('a', ['/x'], { hosts: ['*.a.com'] }), route('b', ['/x'], { hosts: ['*.a.com'] })],
      /"\*.a.com"/,
    );
    dup([route('a', ['/x', '/x'])], /route "a".*of itself/);
    dup(
      [route('a', ['/a@b']), route('b', ['/a%40b'])],
      /route "b".*spelled "\/a@b"|route "b": path "\/a%40b"/,
    );
    dup(
      [
        route('a', ['/h'], { headers: { 'x-k': ['1', '2'] } }),
        route('b', ['/h'], { headers: { 'x-k': ['2', '1'] } }),
      ],
      /route "b"/,
    );
  });

  test('not duplicates: different hosts, methods, or any-method next to specific methods', () => {
    assert.doesNotThrow(() =>
      compileRouter([
        route('a', ['/x'], { hosts: ['a.com'] }),
        route('b', ['/x'], { hosts: ['b.com'] }),
        route('c', ['/x'], { methods: ['GET'] }),
        route('d', ['/x'], { methods: ['POST'] }),
        route('e', ['/x']),
        route('f', ['/x/*']),
        route('g', ['/x/{id}']),
      ]),
    );
  });

  test('empty methods and headers mean no condition', () => {
    const r = matcher([route('a', ['/a'], { methods: [], headers: {} })]);
    assert.equal(r.name('/a', { method: 'PURGE' }), 'a');
  });

  test('routes must be an array', () => {
    assert.throws(() => compileRouter(null as unknown as Spec[]), TypeError);
  });
});

describe('hash collisions', () => {
  /** Two distinct strings `make(i)` with the same hash (30-bit hashes collide after ~2^15 tries). */
  function collision(make: (i: number) => string, hash: (s: string) => number): [string, string] {
    const seen = new Map<number, string>();
    for (let i = 0; ; i++) {
      const s = make(i);
      const other = seen.get(hash(s));
      if (other !== undefined) return [other, s];
      seen.set(hash(s), s);
    }
  }

  test('segments with the same hash stay distinct in every trie and in the exact map', () => {
    const [a, b] = collision((i) => `s${i}`, hashOf);
    assert.equal(hashOf(a), hashOf(b));
    const r = matcher([
      route('pa', [`/${a}/{id}`]),
      route('pb', [`/${b}/{id}`]),
      route('xa', [`/x/${a}/*`]),
      route('xb', [`/x/${b}/*`]),
      route('ea', [`/${a}`]),
    ]);
    assert.equal(r.name(`/${a}/1`), 'pa');
    assert.equal(r.name(`/${b}/1`), 'pb');
    assert.equal(r.name(`/x/${a}/q`), 'xa');
    assert.equal(r.name(`/x/${b}/q`), 'xb');
    assert.equal(r.name(`/${a}`), 'ea');
    assert.equal(r.name(`/${b}`), '404');
  });

  test('wildcard suffixes with the same hash stay distinct', () => {
    const [a, b] = collision((i) => `.h${i}.test`, reverseHashOf);
    assert.equal(reverseHashOf(a), reverseHashOf(b));
    const r = matcher([route('a', ['/x'], { hosts: [`*${a}`] }), route('b', ['/x'], { hosts: [`*${b}`] })]);
    assert.equal(r.name('/x', { host: `w${a}` }), 'a');
    assert.equal(r.name('/x', { host: `w${b}` }), 'b');
  });
});

describe('scale', () => {
  test('10,000 routes compile and every one matches correctly', () => {
    const hosts = ['a.example.com', 'b.example.com', '*.wild.example.com', undefined];
    const routes: Spec[] = [];
    for (let i = 0; i < 10_000; i++) {
      const host = hosts[i % hosts.length];
      const kind = i % 3;
      const path = kind === 0 ? `/svc${i}/items` : kind === 1 ? `/svc${i}/items/{id}` : `/svc${i}/static/*`;
      routes.push(route(`r${i}`, [path], host === undefined ? {} : { hosts: [host] }));
    }
    const started = performance.now();
    const router = compileRouter(routes);
    const compileMs = performance.now() - started;
    assert.ok(compileMs < 5000, `compiling took ${compileMs} ms`);
    for (let i = 0; i < 10_000; i++) {
      const host = hosts[i % hosts.length];
      const reqHost = host === undefined ? 'other.test' : host.replace('*', 'x');
      const kind = i % 3;
      const path = kind === 0 ? `/svc${i}/items` : kind === 1 ? `/svc${i}/items/${i}` : `/svc${i}/static/a/b`;
      const m = router.match('GET', reqHost, path, {});
      assert.equal(hit(m), `r${i}`, path);
      if (m.kind === 'match' && kind === 1) assert.deepEqual(m.params, { id: String(i) });
      if (m.kind === 'match' && kind === 2) assert.equal(m.prefix, `/svc${i}/static`);
      // A near miss: the same path on a host the route does not serve.
      if (host !== undefined) assert.equal(hit(router.match('GET', 'nowhere.test', path, {})), '404');
    }
    assert.equal(hit(router.match('GET', 'a.example.com', '/svc10000/items', {})), '404');
  });
});
