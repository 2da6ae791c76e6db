/**
 * The HTTP side of token introspection (RFC 7662 §2): one POST per token, client authentication per
 * RFC 6749 §2.3.1, bounded in time and size, never following redirects. Anything other than a 200
 * JSON object within the limits is an {@link IntrospectionError}; the caller fails closed.
 */
import { Agent, request } from 'undici';

/** The endpoint could not give a usable answer (network, timeout, status, size, not JSON). */
export class IntrospectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IntrospectionError';
  }
}

/** A parsed introspection answer. */
export interface IntrospectionResponse {
  readonly body: Record<string, unknown>;
  /** Size of the JSON text in bytes. */
  readonly bytes: number;
}

/** Settings of an {@link IntrospectionClient}. */
export interface IntrospectionClientOptions {
  readonly endpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly clientAuth: 'client_secret_basic' | 'client_secret_post';
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
}

/** `application/x-www-form-urlencoded` encoding of one value (what RFC 6749 §2.3.1 asks for in Basic too). */
export function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/**
 * Calls an introspection endpoint. The client credentials are encoded once; the agent keeps a few
 * connections alive to the endpoint.
 *
 * @example
 * const client = new IntrospectionClient({ endpoint, clientId: 'gw', clientSecret, clientAuth: 'client_secret_basic', timeoutMs: 2000, maxResponseBytes: 65536 });
 * const { body } = await client.introspect(token); // { active: true, sub: 'alice', … }
 */
export class IntrospectionClient {
  readonly #o: IntrospectionClientOptions;
  readonly #agent: Agent;
  readonly #headers: Record<string, string>;
  readonly #bodySuffix: string;

  constructor(o: IntrospectionClientOptions) {
    this.#o = o;
    this.#agent = new Agent({
      connections: 16,
      connect: { timeout: o.timeoutMs },
      headersTimeout: o.timeoutMs,
      bodyTimeout: o.timeoutMs,
      keepAliveTimeout: 30_000,
    });
    this.#headers = {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    };
    if (o.clientAuth === 'client_secret_basic') {
      const basic = Buffer.from(`${formEncode(o.clientId)}:${formEncode(o.clientSecret)}`, 'utf8');
      this.#headers.authorization = `Basic ${basic.toString('base64')}`;
      this.#bodySuffix = '&token_type_hint=access_token';
    } else {
      this.#bodySuffix = `&token_type_hint=access_token&client_id=${formEncode(o.clientId)}&client_secret=${formEncode(o.clientSecret)}`;
    }
  }

  /** POSTs `token=…&token_type_hint=access_token` and returns the parsed JSON object and its size. */
  async introspect(token: string): Promise<IntrospectionResponse> {
    const o = this.#o;
    let res: Awaited<ReturnType<typeof request>>;
    try {
      res = await request(o.endpoint, {
        method: 'POST',
        headers: this.#headers,
        body: `token=${formEncode(token)}${this.#bodySuffix}`,
        dispatcher: this.#agent,
        headersTimeout: o.timeoutMs,
        bodyTimeout: o.timeoutMs,
        signal: AbortSignal.timeout(o.timeoutMs),
      });
    } catch (err) {
      throw new IntrospectionError(`request failed: ${(err as Error).message}`, { cause: err });
    }
    try {
      if (res.statusCode !== 200) throw new IntrospectionError(`endpoint answered ${res.statusCode}`);
      const type = res.headers['content-type'];
      if (typeof type !== 'string' || !/^application\/json\s*(?:;|$)/i.test(type)) {
        throw new IntrospectionError('endpoint answered with a content type other than application/json');
      }
      const declared = Number(res.headers['content-length']);
      if (declared > o.maxResponseBytes) {
        throw new IntrospectionError(`response larger than ${o.maxResponseBytes} bytes`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > o.maxResponseBytes)
          throw new IntrospectionError(`response larger than ${o.maxResponseBytes} bytes`);
        chunks.push(chunk as Buffer);
      }
      let value: unknown;
      try {
        value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        throw new IntrospectionError('response is not JSON');
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new IntrospectionError('response is not a JSON object');
      }
      return { body: value as Record<string, unknown>, bytes: size };
    } catch (err) {
      if (!res.body.destroyed) {
        res.body.on('error', () => undefined);
        res.body.destroy();
      }
      if (err instanceof IntrospectionError) throw err;
      throw new IntrospectionError(`reading the response failed: ${(err as Error).message}`, { cause: err });
    }
  }

  /** Closes the connections to the endpoint. */
  close(): Promise<void> {
    return this.#agent.close();
  }
}
