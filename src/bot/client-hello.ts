import type { Server, Socket } from 'node:net';
import { clientHelloExtent, ja4, MAX_CLIENT_HELLO_BYTES, parseClientHello } from './ja4.ts';

/** Raw ClientHello records per accepted TCP socket (kept as bytes; JA4 is computed on first use). */
const helloBytes = new WeakMap<object, Buffer>();
/** JA4 per TCP socket, filled lazily by {@link ja4OfSocket}. */
const ja4Cache = new WeakMap<object, string>();

/** Options of {@link captureClientHellos}. */
export interface CaptureOptions {
  /** A client must have sent its whole ClientHello within this many milliseconds. */
  timeoutMs: number;
  /** Called with `tls_handshake` when a connection is refused (oversized ClientHello, timeout), as the TLS layer reports its refusals. */
  onRefused(reason: string): void;
}

/**
 * Makes a TLS server (https, http2 secure, tls) read each connection's ClientHello before TLS
 * starts: the server's own `connection` listeners (present when this is called) are replaced by
 * one that reads the first TLS records until the ClientHello is complete, keeps a copy for
 * {@link ja4OfSocket}, pushes the bytes back (`socket.unshift`) and then hands the socket to the
 * TLS layer (which feeds already-buffered data to its handle). Bounded: a ClientHello larger than
 * {@link MAX_CLIENT_HELLO_BYTES} or not complete within `timeoutMs` closes the connection; bytes
 * that are not TLS are handed over untouched (the TLS layer refuses them as before).
 *
 * @example
 * const server = https.createServer(opts, handler);
 * captureClientHellos(server, { timeoutMs: 10_000, onRefused: (r) => metrics.rejected(r) });
 */
export function captureClientHellos(server: Server, opts: CaptureOptions): void {
  const original = server.listeners('connection') as Array<(socket: Socket) => void>;
  server.removeAllListeners('connection');
  server.on('connection', (socket: Socket) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onError = () => socket.destroy();
    const finish = () => {
      settled = true;
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const refuse = (reason: string) => {
      finish();
      opts.onRefused(reason);
      socket.destroy();
    };
    const handOff = (data: Buffer) => {
      finish();
      socket.pause();
      if (data.length > 0) socket.unshift(data);
      if (socket.destroyed) return;
      for (const l of original) l.call(server, socket);
    };
    const onData = (d: Buffer) => {
      if (settled) return;
      chunks.push(d);
      size += d.length;
      const all = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      chunks.length = 0;
      chunks.push(all);
      const ext = clientHelloExtent(all);
      if ('need' in ext) return;
      if ('invalid' in ext) {
        if (ext.invalid === 'client_hello_too_large') refuse('tls_handshake');
        else handOff(all);
        return;
      }
      helloBytes.set(socket, Buffer.from(all.subarray(0, ext.done)));
      handOff(all);
    };
    const onClose = () => finish();
    const timer = setTimeout(() => refuse('tls_handshake'), opts.timeoutMs);
    timer.unref();
    socket.on('error', onError);
    socket.on('close', onClose);
    socket.on('data', onData);
  });
}

/** The TCP socket under a TLSSocket or an HTTP/2 socket proxy (Node keeps it as `_parent`). */
function candidates(socket: object | undefined | null): object[] {
  const out: object[] = [];
  let s: unknown = socket;
  for (let i = 0; i < 3 && s !== null && typeof s === 'object'; i++) {
    out.push(s);
    s = (s as { _parent?: unknown })._parent;
  }
  return out;
}

/**
 * The ClientHello records captured for a socket (the TCP socket, its TLSSocket, or the HTTP/2
 * session socket proxy), when the listener captures them.
 *
 * @example
 * const bytes = clientHelloOf(req.socket);
 */
export function clientHelloOf(socket: object | undefined | null): Buffer | undefined {
  for (const s of candidates(socket)) {
    const b = helloBytes.get(s);
    if (b !== undefined) return b;
  }
  return undefined;
}

/**
 * JA4 fingerprint of the connection a socket belongs to, computed on first use and cached;
 * `undefined` for plain-HTTP connections and unparseable ClientHellos.
 *
 * @example
 * const fp = ja4OfSocket(ctx.req.socket); // 't13d1312h2_…'
 */
export function ja4OfSocket(socket: object | undefined | null): string | undefined {
  for (const s of candidates(socket)) {
    const cached = ja4Cache.get(s);
    if (cached !== undefined) return cached === '' ? undefined : cached;
    const b = helloBytes.get(s);
    if (b === undefined) continue;
    const hello = parseClientHello(b);
    const fp = hello === undefined ? '' : ja4(hello);
    ja4Cache.set(s, fp);
    return fp === '' ? undefined : fp;
  }
  return undefined;
}
