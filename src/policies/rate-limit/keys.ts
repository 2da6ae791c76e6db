/**
 * Counting keys of `rate-limit`: compiled once from the `key` config into a function that reads the
 * key material of a request, and hashed before anything reaches the state store (key material can
 * be long, personal or attacker-chosen; the store sees 22 base64url characters of SHA-256).
 */
import { hash } from 'node:crypto';
import { celActivation, compileCel } from '../../identity/cel.ts';
import type { ConsumerDirectory } from '../../identity/types.ts';
import type { RequestContext } from '../../pipeline/types.ts';
import { clientKey } from '../brute-force/policy.ts';

/** Reads one component of the key; `undefined` when the request has no material for it. */
type Part = (ctx: RequestContext) => string | undefined;

/** Largest collection a CEL key expression may read from a request. */
const CEL_MAX_COLLECTION = 256;
/** Longest key material kept (longer values are hashed whole anyway; this bounds the hashing work). */
const MAX_PART_BYTES = 8192;

/** Options of {@link compileKey}. */
export interface KeyOptions {
  /** IPv6 addresses are reduced to this prefix length. */
  readonly ipv6Prefix: number;
  /** Consumer metadata for CEL expressions reading `consumer.metadata`. */
  readonly consumers?: ConsumerDirectory;
}

/**
 * A compiled key: `material(ctx)` is a string identifying what the request is counted against
 * (components labelled, so `header:x=a` never equals `claim:x=a`), or `undefined` when any
 * component is missing.
 */
export interface CompiledKey {
  readonly parts: readonly string[];
  material(ctx: RequestContext): string | undefined;
}

function headerPart(name: string): Part {
  return (ctx) => {
    const v = ctx.headers[name];
    if (v === undefined) return undefined;
    const s = Array.isArray(v) ? v.join(', ') : v;
    return s === '' ? undefined : s;
  };
}

/** A claim by name or dotted path (`org.id`), from the first authentication that carries it. */
function claimPart(path: string): Part {
  const steps = path.split('.');
  return (ctx) => {
    for (const s of ctx.auth.successes) {
      let v: unknown = s.claims;
      for (const step of steps) {
        if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.hasOwn(v, step)) {
          v = undefined;
          break;
        }
        v = (v as Record<string, unknown>)[step];
      }
      const str = scalar(v);
      if (str !== undefined) return str;
    }
    return undefined;
  };
}

/** Strings, numbers and booleans as key material; anything else is not a key. */
function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return undefined;
}

/**
 * A CEL expression whose value is the key. `compileCel` only accepts boolean expressions, or
 * `dyn` ones checked at run time: the expression is wrapped in `dyn(...)`, and its value (a string,
 * number or bool) becomes the key. An evaluation error (a missing header, a missing claim) means
 * "no key material".
 */
function celPart(source: string, opts: KeyOptions): Part {
  let compiled: ReturnType<typeof compileCel>;
  try {
    compiled = compileCel(`dyn(${source})`, 'key cel');
  } catch (err) {
    // Positions on the first line are 4 columns right of the user's text (the `dyn(` prefix).
    const msg = (err as Error).message.replace(/^key cel: 1:(\d+):/, (_m, c: string) => {
      return `key cel: 1:${Math.max(1, Number(c) - 4)}:`;
    });
    throw new TypeError(msg);
  }
  const activationOpts = { maxCollectionSize: CEL_MAX_COLLECTION, consumers: opts.consumers };
  return (ctx) => {
    try {
      return scalar(compiled.evaluate(celActivation(ctx, compiled.uses, activationOpts)));
    } catch {
      return undefined;
    }
  };
}

function compilePart(spec: string, opts: KeyOptions): Part {
  switch (spec) {
    case 'consumer':
      return (ctx) => ctx.consumer?.id;
    case 'credential':
      return (ctx) => {
        for (const s of ctx.auth.successes) {
          if (s.credentialId !== undefined && s.credentialId !== '') return `${s.method}\0${s.credentialId}`;
        }
        return undefined;
      };
    case 'ip':
      return (ctx) => clientKey(ctx.clientIp, opts.ipv6Prefix);
    case 'route':
      return (ctx) => ctx.route.name;
    case 'service':
      return (ctx) => ctx.route.service;
  }
  if (spec.startsWith('header:')) return headerPart(spec.slice(7).toLowerCase());
  if (spec.startsWith('claim:')) return claimPart(spec.slice(6));
  if (spec.startsWith('cel:')) return celPart(spec.slice(4), opts);
  throw new TypeError(`key: unknown component "${spec.slice(0, 40)}"`);
}

/**
 * Compiles the `key` config. Throws a TypeError for an unknown component or a CEL expression that
 * does not compile.
 *
 * @example
 * const key = compileKey(['consumer', 'route'], { ipv6Prefix: 64 });
 * key.material(ctx); // 'consumer=alice\0route=orders', or undefined for an anonymous request
 */
export function compileKey(spec: string | readonly string[], opts: KeyOptions): CompiledKey {
  const list = typeof spec === 'string' ? [spec] : [...spec];
  if (list.length === 0) throw new TypeError('key: needs at least one component');
  if (new Set(list).size !== list.length) throw new TypeError('key: a component is listed twice');
  const parts = list.map((s) => compilePart(s, opts));
  const labels = list.map((s) => (s.startsWith('cel:') ? 'cel' : s));
  if (parts.length === 1) {
    const only = parts[0]!;
    const label = labels[0]!;
    return Object.freeze({
      parts: Object.freeze(list),
      material(ctx: RequestContext): string | undefined {
        const v = only(ctx);
        return v === undefined ? undefined : `${label}=${clip(v)}`;
      },
    });
  }
  return Object.freeze({
    parts: Object.freeze(list),
    material(ctx: RequestContext): string | undefined {
      let out = '';
      for (let i = 0; i < parts.length; i++) {
        const v = parts[i]!(ctx);
        if (v === undefined) return undefined;
        out += `${i === 0 ? '' : '\0'}${labels[i]}=${clip(v)}`;
      }
      return out;
    },
  });
}

function clip(v: string): string {
  return v.length > MAX_PART_BYTES ? v.slice(0, MAX_PART_BYTES) : v;
}

/**
 * The store form of key material: base64url of SHA-256, 22 characters (132 bits).
 *
 * @example
 * hashKey('consumer=alice'); // 22 characters, never 'alice'
 */
export function hashKey(material: string): string {
  const hit = HASHED.get(material);
  if (hit !== undefined) return hit;
  const h = hash('sha256', material, 'base64url').slice(0, 22);
  // Bounded: short materials only (a consumer id, an address), oldest entry out first. A flood of fresh
  // keys costs one Map insert and delete per request next to the hash it has to compute anyway.
  if (material.length <= HASH_CACHE_MAX_CHARS) {
    if (HASHED.size >= HASH_CACHE_ENTRIES) HASHED.delete(HASHED.keys().next().value as string);
    HASHED.set(material, h);
  }
  return h;
}

/** Recently hashed key materials (the same consumers and addresses come back request after request). */
const HASHED = new Map<string, string>();
const HASH_CACHE_ENTRIES = 4096;
const HASH_CACHE_MAX_CHARS = 256;

/** Key material of the client address, used when the configured key is missing (`on_missing_key: ip`). */
export function ipMaterial(ctx: RequestContext, ipv6Prefix: number): string {
  return `ip=${clientKey(ctx.clientIp, ipv6Prefix)}`;
}
