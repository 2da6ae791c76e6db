import { readFileSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import net from 'node:net';
import { hostname as osHostname } from 'node:os';
import tls from 'node:tls';
import { Agent, request } from 'undici';
import type { SecurityEvent } from './event.ts';
import { formatEvent, formatLine, syslogSeverity } from './formats.ts';
import type { Masker } from './mask.ts';
import { PermanentDeliveryError, type Transport } from './queue.ts';
import type { SinkConfig } from './schema.ts';

type FileSink = Extract<SinkConfig, { type: 'file' }>;
type SyslogSink = Extract<SinkConfig, { type: 'syslog' }>;
type HttpSink = Extract<SinkConfig, { type: 'http' }>;
type OtlpSink = Extract<SinkConfig, { type: 'otlp' }>;
type TlsOptions = HttpSink['tls'];

/** A transport plus how a batch of events becomes what it sends. */
export interface BuiltSink<P> {
  readonly transport: Transport<P>;
  readonly prepare: (events: SecurityEvent[]) => P;
}

/** TLS material read once when the sink starts (file paths in the config). */
interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
  passphrase?: string;
  servername?: string;
  rejectUnauthorized: boolean;
}

/** Reads the PEM files a sink's `tls` names; a missing file is a `TypeError` at load, not a delivery error. */
export function loadTls(t: TlsOptions, sink: string): TlsMaterial {
  const read = (what: string, path: string | undefined): Buffer | undefined => {
    if (path === undefined) return undefined;
    try {
      return readFileSync(path);
    } catch (err) {
      throw new TypeError(
        `events sink ${JSON.stringify(sink)}: cannot read tls.${what} ${JSON.stringify(path)}`,
        {
          cause: err,
        },
      );
    }
  };
  const m: TlsMaterial = { rejectUnauthorized: t.reject_unauthorized };
  const ca = read('ca', t.ca);
  const cert = read('cert', t.cert);
  const key = read('key', t.key);
  if (ca !== undefined) m.ca = ca;
  if (cert !== undefined) m.cert = cert;
  if (key !== undefined) m.key = key;
  if (t.passphrase !== undefined) m.passphrase = t.passphrase;
  if (t.servername !== undefined) m.servername = t.servername;
  return m;
}

const abortError = (signal: AbortSignal): Error =>
  signal.reason instanceof Error ? signal.reason : new Error('delivery aborted');

// ---- file / stdout ---------------------------------------------------------------------------

/**
 * JSON lines (or CEF lines) appended to a file, or written to stdout/stderr.
 *
 * @example
 * fileSink({ type: 'file', path: '/var/log/gatehouse/security.jsonl', format: 'ecs', … }, mask)
 */
export function fileSink(cfg: FileSink, mask: Masker): BuiltSink<string> {
  let handle: FileHandle | undefined;
  const stream = cfg.path === 'stdout' ? process.stdout : cfg.path === 'stderr' ? process.stderr : undefined;
  return {
    prepare: (events) => {
      let out = '';
      for (const ev of events) out += `${formatLine(mask(ev), cfg.format)}\n`;
      return out;
    },
    transport: {
      async send(text, signal) {
        if (signal.aborted) throw abortError(signal);
        if (stream !== undefined) {
          await new Promise<void>((resolve, reject) => {
            stream.write(text, (err) => (err ? reject(err) : resolve()));
          });
          return;
        }
        try {
          handle ??= await open(cfg.path, 'a', 0o600);
          await handle.appendFile(text, 'utf8');
        } catch (err) {
          const h = handle;
          handle = undefined;
          await h?.close().catch(() => undefined);
          throw err;
        }
      },
      async close() {
        const h = handle;
        handle = undefined;
        await h?.close();
      },
    },
  };
}

// ---- syslog ----------------------------------------------------------------------------------

const PRINTABLE = /[^!-~]/g;
const nil = (v: string, max: number): string => {
  const s = v.replace(PRINTABLE, '_').slice(0, max);
  return s === '' ? '-' : s;
};

/** One RFC 5424 message (no framing). MSGID is the event type; the MSG is the formatted event. */
export function syslogMessage(
  ev: SecurityEvent,
  body: string,
  opts: { facility: number; hostname: string; appName: string; procId?: string },
): string {
  const pri = opts.facility * 8 + syslogSeverity(ev.severity);
  return `<${pri}>1 ${ev.time} ${nil(opts.hostname, 255)} ${nil(opts.appName, 48)} ${nil(
    opts.procId ?? String(process.pid),
    128,
  )} ${nil(ev.type, 32)} - ${body}`;
}

/** RFC 6587 octet-counting frame: `<byte length> <message>`. */
export function octetFrame(message: string): Buffer {
  const msg = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from(`${msg.length} `, 'ascii'), msg]);
}

/**
 * RFC 5424 over TCP or TLS with octet counting, one persistent connection, reconnected on demand.
 * TCP syslog has no acknowledgements: bytes accepted by the kernel just before the receiver dies
 * can be lost without an error (RFC 6587 §3.4.1 limitation).
 */
export function syslogSink(cfg: SyslogSink, mask: Masker): BuiltSink<Buffer> {
  const hostname = cfg.hostname ?? osHostname();
  const material = loadTls(cfg.tls, cfg.name);
  let socket: net.Socket | undefined;

  const connect = (signal: AbortSignal): Promise<net.Socket> =>
    new Promise((resolve, reject) => {
      const s =
        cfg.transport === 'tls'
          ? tls.connect({
              ...material,
              host: cfg.host,
              port: cfg.port,
              servername: material.servername ?? (net.isIP(cfg.host) ? undefined : cfg.host),
              minVersion: 'TLSv1.2',
            })
          : net.connect({ host: cfg.host, port: cfg.port });
      const onAbort = (): void => {
        s.destroy();
        reject(abortError(signal));
      };
      const onError = (err: Error): void => {
        signal.removeEventListener('abort', onAbort);
        s.destroy();
        reject(err);
      };
      s.once('error', onError);
      signal.addEventListener('abort', onAbort, { once: true });
      s.once(cfg.transport === 'tls' ? 'secureConnect' : 'connect', () => {
        signal.removeEventListener('abort', onAbort);
        s.off('error', onError);
        s.setKeepAlive(true, 30_000);
        s.setNoDelay(true);
        const forget = (): void => {
          if (socket === s) socket = undefined;
          s.destroy();
        };
        s.on('error', forget);
        s.on('end', forget);
        s.on('close', forget);
        s.resume();
        resolve(s);
      });
    });

  return {
    prepare: (events) =>
      Buffer.concat(
        events.map((ev) => {
          const m = mask(ev);
          return octetFrame(
            syslogMessage(m, formatLine(m, cfg.format), {
              facility: cfg.facility,
              hostname,
              appName: cfg.app_name,
            }),
          );
        }),
      ),
    transport: {
      async send(frames, signal) {
        if (socket === undefined || socket.destroyed || !socket.writable) socket = await connect(signal);
        const s = socket;
        await new Promise<void>((resolve, reject) => {
          const fail = (err?: unknown): void => {
            cleanup();
            s.destroy();
            reject(err instanceof Error ? err : new Error('syslog connection closed'));
          };
          const onAbort = (): void => fail(abortError(signal));
          const onClose = (): void => fail();
          const cleanup = (): void => {
            signal.removeEventListener('abort', onAbort);
            s.off('close', onClose);
          };
          signal.addEventListener('abort', onAbort, { once: true });
          s.once('close', onClose);
          s.write(frames, (err) => {
            if (err) return fail(err);
            cleanup();
            resolve();
          });
        });
      },
      async close() {
        const s = socket;
        socket = undefined;
        if (s === undefined || s.destroyed) return;
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            s.destroy();
            resolve();
          }, 1000);
          s.end(() => {
            clearTimeout(t);
            s.destroy();
            resolve();
          });
        });
      },
    },
  };
}

// ---- HTTP ------------------------------------------------------------------------------------

function agentFor(t: TlsOptions, timeoutMs: number, sink: string): Agent {
  return new Agent({
    connections: 2,
    pipelining: 1,
    connectTimeout: timeoutMs,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: { ...loadTls(t, sink), minVersion: 'TLSv1.2' },
  });
}

/** Retries on 408, 425, 429 and 5xx; any other non-2xx is a permanent refusal. */
async function post(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
): Promise<void> {
  const res = await request(url, { method: 'POST', headers, body, signal, dispatcher: agent });
  await res.body.dump({ limit: 65_536 }).catch(() => undefined);
  const s = res.statusCode;
  if (s >= 200 && s < 300) return;
  const msg = `receiver answered HTTP ${s}`;
  if (s === 408 || s === 425 || s === 429 || s >= 500) throw new Error(msg);
  throw new PermanentDeliveryError(msg);
}

/**
 * HTTP batch sink: a JSON array, NDJSON, or Splunk HEC envelopes (newline-delimited) per POST.
 *
 * @example
 * httpSink({ type: 'http', url: 'https://splunk:8088/services/collector/event', mode: 'hec',
 *            headers: { authorization: 'Splunk <token>' }, … }, mask)
 */
export function httpSink(cfg: HttpSink, mask: Masker): BuiltSink<string> {
  const agent = agentFor(cfg.tls, cfg.timeout_ms, cfg.name);
  const headers: Record<string, string> = {
    'content-type': cfg.mode === 'json_array' ? 'application/json' : 'application/x-ndjson',
    'user-agent': 'gatehouse-events',
    ...cfg.headers,
  };
  const host = osHostname();
  return {
    prepare: (events) => {
      if (cfg.mode === 'json_array')
        return JSON.stringify(events.map((ev) => formatEvent(mask(ev), cfg.format)));
      let out = '';
      for (const ev of events) {
        const m = mask(ev);
        if (cfg.mode === 'ndjson') {
          out += `${formatLine(m, cfg.format)}\n`;
          continue;
        }
        out += `${JSON.stringify({
          time: Date.parse(m.time) / 1000,
          host,
          source: cfg.hec.source,
          sourcetype: cfg.hec.sourcetype,
          ...(cfg.hec.index === undefined ? {} : { index: cfg.hec.index }),
          event: formatEvent(m, cfg.format),
        })}\n`;
      }
      return out;
    },
    transport: {
      send: (body, signal) => post(agent, cfg.url, headers, body, signal),
      close: () => agent.close(),
    },
  };
}

// ---- OTLP ------------------------------------------------------------------------------------

/** OTLP severity numbers (INFO 9, INFO2 10, WARN 13, ERROR 17, FATAL 21). */
const OTLP_SEVERITY = {
  info: [9, 'INFO'],
  low: [10, 'INFO2'],
  medium: [13, 'WARN'],
  high: [17, 'ERROR'],
  critical: [21, 'FATAL'],
} as const;

const attr = (key: string, value: string) => ({ key, value: { stringValue: value } });

/** One OTLP/JSON LogRecord for a (masked) event. */
export function otlpLogRecord(ev: SecurityEvent, format: SinkConfig['format']): Record<string, unknown> {
  const nanos = `${BigInt(Date.parse(ev.time)) * 1_000_000n}`;
  const [severityNumber, severityText] = OTLP_SEVERITY[ev.severity];
  const attributes = [
    attr('event.name', `gatehouse.security.${ev.type}`),
    attr('event.id', ev.id),
    attr('gatehouse.event.type', ev.type),
    attr('gatehouse.event.category', ev.category),
    attr('gatehouse.event.reason', ev.reason),
  ];
  if (ev.client_ip !== undefined) attributes.push(attr('client.address', ev.client_ip));
  if (ev.route !== undefined) attributes.push(attr('http.route', ev.route));
  if (ev.request_id !== undefined) attributes.push(attr('http.request.id', ev.request_id));
  if (ev.policy !== undefined) attributes.push(attr('gatehouse.policy', ev.policy));
  if (ev.consumer !== undefined) attributes.push(attr('gatehouse.consumer.id', ev.consumer));
  return {
    timeUnixNano: nanos,
    observedTimeUnixNano: nanos,
    severityNumber,
    severityText,
    eventName: `gatehouse.security.${ev.type}`,
    body: { stringValue: formatLine(ev, format) },
    attributes,
  };
}

/**
 * OTLP/HTTP JSON logs: POST `<url>/v1/logs` with `resourceLogs → scopeLogs → logRecords`.
 *
 * @example
 * otlpSink({ type: 'otlp', url: 'http://otel-collector:4318', … }, mask)
 */
export function otlpSink(cfg: OtlpSink, mask: Masker): BuiltSink<string> {
  const agent = agentFor(cfg.tls, cfg.timeout_ms, cfg.name);
  const url = /\/v1\/logs\/?$/.test(cfg.url) ? cfg.url : `${cfg.url.replace(/\/+$/, '')}/v1/logs`;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'gatehouse-events',
    ...cfg.headers,
  };
  const resource = {
    attributes: Object.entries({ 'service.name': 'gatehouse', ...cfg.resource }).map(([k, v]) => attr(k, v)),
  };
  return {
    prepare: (events) =>
      JSON.stringify({
        resourceLogs: [
          {
            resource,
            scopeLogs: [
              {
                scope: { name: 'gatehouse.security' },
                logRecords: events.map((ev) => otlpLogRecord(mask(ev), cfg.format)),
              },
            ],
          },
        ],
      }),
    transport: {
      send: (body, signal) => post(agent, url, headers, body, signal),
      close: () => agent.close(),
    },
  };
}

/** Builds the transport for any sink config. */
export function buildSink(cfg: SinkConfig, mask: Masker): BuiltSink<string> | BuiltSink<Buffer> {
  switch (cfg.type) {
    case 'file':
      return fileSink(cfg, mask);
    case 'syslog':
      return syslogSink(cfg, mask);
    case 'http':
      return httpSink(cfg, mask);
    case 'otlp':
      return otlpSink(cfg, mask);
  }
}
