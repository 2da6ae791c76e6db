import type { HeaderMap } from '../pipeline/types.ts';

/**
 * One route as the router sees it.
 *
 * @example
 * const spec: RouteSpec<string> = {
 *   name: 'orders', hosts: ['api.example.com'], paths: ['/orders/{id}'], methods: ['GET'], data: 'orders-svc',
 * };
 */
export interface RouteSpec<T> {
  /** Route name, used in error messages. */
  name: string;
  /**
   * Exact hosts (`api.example.com`) or wildcards (`*.example.com`, one or more labels). Case-insensitive.
   * Absent or empty: any host.
   */
  hosts?: string[];
  /**
   * Path patterns, matched against the normalized path (src/lib/path.ts), case-sensitively:
   * `/users` exact; `/users/{id}` one non-empty segment; `/static/*` prefix on a segment boundary
   * (matches `/static`, `/static/`, `/static/x/y`); `~^/v[0-9]+/items$` regex (full match, `u` flag,
   * named groups become params). Literal patterns must be in normalized form.
   */
  paths: string[];
  /** Upper-case method names. Absent or empty: any method. */
  methods?: string[];
  /** Lower-case header name → accepted exact values (any of them). All listed headers must match. */
  headers?: Record<string, string | string[]>;
  /** Opaque payload handed back on a match (e.g. the compiled policy chain and upstream). */
  data: T;
}

/** Outcome of {@link Router.match}. Match results may be shared and frozen: never mutate them. */
export type RouteMatch<T> =
  | {
      readonly kind: 'match';
      /** The spec object given to `compileRouter`. */
      readonly route: RouteSpec<T>;
      /** Named parameters: raw (still percent-encoded) segments, or regex named groups. */
      readonly params: Readonly<Record<string, string>>;
      /** The path pattern that matched, as written in the spec. */
      readonly matchedPath: string;
      /** For prefix routes, the literal prefix of the request path consumed (`/static`); else undefined. */
      readonly prefix: string | undefined;
    }
  | { readonly kind: 'method-not-allowed'; readonly allow: readonly string[] }
  | { readonly kind: 'not-found' };

/** A compiled route table. */
export interface Router<T> {
  /**
   * Finds the route for a request.
   *
   * @param method Request method (case-sensitive, as sent).
   * @param host Host without port, already lower-case (the server normalizes it; an upper-case host only
   *   matches any-host routes, exactly like an unknown host would).
   * @param path Path already normalized by `normalizeTarget`.
   * @param headers Request headers with lower-case names, as Node parses them.
   */
  match(method: string, host: string, path: string, headers: HeaderMap): RouteMatch<T>;
}
