/** Router public API: compile route specs once, match each request cheaply. */
export { compileRouter } from './router.ts';
export type { RouteMatch, Router, RouteSpec } from './types.ts';
