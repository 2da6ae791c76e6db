import { readFileSync } from 'node:fs';
import { ECS_VERSION } from '../telemetry/logger.ts';
import type { SecurityEvent } from './event.ts';
import { SEVERITY_RANK } from './event.ts';
import type { EventCategory, EventFormat, EventSeverity } from './schema.ts';

/** Product version written into ECS/OCSF/CEF records (package.json, read once). */
export const PRODUCT_VERSION: string = (() => {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
})();

/** OCSF schema version the records follow. */
export const OCSF_VERSION = '1.3.0';

const epochMs = (ev: SecurityEvent): number => {
  const t = Date.parse(ev.time);
  return Number.isFinite(t) ? t : Date.now();
};

/** Whether the event records a refusal (block, deny, ban, failure) rather than a detection. */
export function isDenial(ev: SecurityEvent): boolean {
  const d = ev.details.decision;
  if (d === 'block') return true;
  if (d === 'would-block' || d === 'log') return false;
  return /fail|denied|deny|block|ban|exceeded|rejected|refused/.test(ev.type);
}

// ---- ECS ---------------------------------------------------------------------------------------

const ECS_CATEGORY: Readonly<Record<EventCategory, readonly string[]>> = {
  authentication: ['authentication'],
  authorization: ['iam', 'web'],
  rate_limit: ['web'],
  quota: ['web'],
  ban: ['network', 'web'],
  waf: ['intrusion_detection', 'web'],
  validation: ['web'],
  bot: ['intrusion_detection', 'web'],
  anomaly: ['threat'],
  config: ['configuration'],
  system: ['process'],
};

/** Numeric severity shared by ECS `event.severity` and CEF (0–10). */
const NUMERIC_SEVERITY: Readonly<Record<EventSeverity, number>> = {
  info: 1,
  low: 3,
  medium: 5,
  high: 8,
  critical: 10,
};

/**
 * ECS 8.x document (nested objects). Gateway-specific fields live under `gatehouse`.
 *
 * @example
 * toEcs(ev)['event']; // { kind: 'alert', category: ['authentication'], type: ['start'], outcome: 'failure', … }
 */
export function toEcs(ev: SecurityEvent): Record<string, unknown> {
  const denial = isDenial(ev);
  const type: string[] =
    ev.category === 'authentication'
      ? ['start']
      : ev.category === 'config'
        ? ['change']
        : ev.category === 'anomaly'
          ? ['indicator']
          : denial
            ? ['denied']
            : ['info'];
  const doc: Record<string, unknown> = {
    '@timestamp': ev.time,
    ecs: { version: ECS_VERSION },
    message: `${ev.type}: ${ev.reason}`,
    event: {
      id: ev.id,
      kind: ev.severity === 'info' ? 'event' : 'alert',
      category: ECS_CATEGORY[ev.category],
      type,
      action: ev.type,
      reason: ev.reason,
      severity: NUMERIC_SEVERITY[ev.severity],
      outcome: denial || ev.category === 'authentication' ? 'failure' : 'unknown',
      module: 'gatehouse',
      dataset: 'gatehouse.security',
      created: ev.time,
    },
    observer: { vendor: 'Gatehouse', product: 'Gatehouse', type: 'proxy', version: PRODUCT_VERSION },
    gatehouse: {
      category: ev.category,
      severity: ev.severity,
      ...(ev.route === undefined ? {} : { route: ev.route }),
      ...(ev.policy === undefined ? {} : { policy: ev.policy }),
      ...(ev.consumer === undefined ? {} : { consumer: { id: ev.consumer } }),
      details: ev.details,
    },
  };
  if (ev.client_ip !== undefined) {
    doc.client = { ip: ev.client_ip };
    doc.source = { ip: ev.client_ip };
  }
  if (ev.request_id !== undefined) doc.http = { request: { id: ev.request_id } };
  if (ev.consumer !== undefined) doc.user = { id: ev.consumer };
  return doc;
}

// ---- OCSF --------------------------------------------------------------------------------------

const OCSF_SEVERITY: Readonly<Record<EventSeverity, [number, string]>> = {
  info: [1, 'Informational'],
  low: [2, 'Low'],
  medium: [3, 'Medium'],
  high: [4, 'High'],
  critical: [5, 'Critical'],
};

const HTTP_ACTIVITY: Readonly<Record<string, [number, string]>> = {
  CONNECT: [1, 'Connect'],
  DELETE: [2, 'Delete'],
  GET: [3, 'Get'],
  HEAD: [4, 'Head'],
  OPTIONS: [5, 'Options'],
  POST: [6, 'Post'],
  PUT: [7, 'Put'],
  TRACE: [8, 'Trace'],
};

/** OCSF class chosen for a category. */
export function ocsfClass(category: EventCategory): 3002 | 4002 | 6003 {
  if (category === 'authentication') return 3002;
  if (category === 'anomaly' || category === 'config' || category === 'system') return 6003;
  return 4002;
}

/**
 * OCSF 1.3 event: Authentication (3002) for authentication, API Activity (6003) for anomaly,
 * config and system events, HTTP Activity (4002) for everything decided on an HTTP request.
 * `type_uid` is `class_uid * 100 + activity_id`; gateway fields OCSF has no place for go to `unmapped`.
 *
 * @example
 * toOcsf(ev); // { class_uid: 3002, category_uid: 3, activity_id: 1, type_uid: 300201, severity_id: 3, … }
 */
export function toOcsf(ev: SecurityEvent): Record<string, unknown> {
  const classUid = ocsfClass(ev.category);
  const [severityId, severity] = OCSF_SEVERITY[ev.severity];
  const denial = isDenial(ev);
  const base: Record<string, unknown> = {
    time: epochMs(ev),
    time_dt: ev.time,
    severity_id: severityId,
    severity,
    message: `${ev.type}: ${ev.reason}`,
    metadata: {
      version: OCSF_VERSION,
      uid: ev.id,
      event_code: ev.type,
      log_name: 'security',
      labels: [ev.category],
      product: { name: 'Gatehouse', vendor_name: 'Gatehouse', version: PRODUCT_VERSION },
    },
    src_endpoint: ev.client_ip === undefined ? {} : { ip: ev.client_ip },
    unmapped: {
      category: ev.category,
      reason: ev.reason,
      ...(ev.route === undefined ? {} : { route: ev.route }),
      ...(ev.policy === undefined ? {} : { policy: ev.policy }),
      details: ev.details,
    },
  };
  const user = ev.consumer === undefined ? undefined : { uid: ev.consumer, type_id: 99, type: 'Consumer' };
  const actor = user === undefined ? { app_name: 'gatehouse' } : { user, app_name: 'gatehouse' };
  const request: Record<string, unknown> = {};
  if (ev.request_id !== undefined) request.uid = ev.request_id;
  const method = typeof ev.details.method === 'string' ? ev.details.method.toUpperCase() : undefined;
  if (method !== undefined) request.http_method = method;

  if (classUid === 3002) {
    const failed = ev.type.includes('fail') || denial;
    const authDetails = ev.details as Record<string, unknown>;
    const credential = authDetails['auth.credential_id'];
    return {
      ...base,
      class_uid: 3002,
      class_name: 'Authentication',
      category_uid: 3,
      category_name: 'Identity & Access Management',
      activity_id: 1,
      activity_name: 'Logon',
      type_uid: 300201,
      type_name: 'Authentication: Logon',
      status_id: failed ? 2 : 1,
      status: failed ? 'Failure' : 'Success',
      status_detail: ev.reason,
      user:
        user ??
        (typeof credential === 'string' ? { uid: credential, type_id: 0 } : { type_id: 0, type: 'Unknown' }),
      ...(typeof authDetails['auth.method'] === 'string'
        ? { auth_protocol: authDetails['auth.method'], auth_protocol_id: 99 }
        : {}),
      ...(ev.route === undefined ? {} : { service: { name: ev.route } }),
      ...(Object.keys(request).length > 0 ? { http_request: request } : {}),
      actor,
    };
  }
  if (classUid === 6003) {
    return {
      ...base,
      class_uid: 6003,
      class_name: 'API Activity',
      category_uid: 6,
      category_name: 'Application Activity',
      activity_id: 99,
      activity_name: 'Other',
      type_uid: 600399,
      type_name: 'API Activity: Other',
      status_id: 99,
      status: 'Other',
      status_detail: ev.reason,
      actor,
      api: {
        operation: ev.type,
        service: { name: ev.route ?? 'gatehouse' },
        ...(ev.request_id === undefined ? {} : { request: { uid: ev.request_id } }),
      },
      ...(Object.keys(request).length > 0 ? { http_request: request } : {}),
    };
  }
  const [activityId, activityName] = (method !== undefined ? HTTP_ACTIVITY[method] : undefined) ?? [
    99,
    'Other',
  ];
  const status = typeof ev.details.status === 'number' ? ev.details.status : undefined;
  return {
    ...base,
    class_uid: 4002,
    class_name: 'HTTP Activity',
    category_uid: 4,
    category_name: 'Network Activity',
    activity_id: activityId,
    activity_name: activityName,
    type_uid: 4002 * 100 + activityId,
    type_name: `HTTP Activity: ${activityName}`,
    action_id: denial ? 2 : 1,
    action: denial ? 'Denied' : 'Allowed',
    disposition_id: denial ? 2 : 15,
    disposition: denial ? 'Blocked' : 'Detected',
    status_id: denial ? 2 : 99,
    status: denial ? 'Failure' : 'Other',
    status_detail: ev.reason,
    http_request: request,
    ...(status === undefined ? {} : { http_response: { code: status }, http_status: status }),
    dst_endpoint: ev.route === undefined ? {} : { svc_name: ev.route },
    actor,
  };
}

// ---- CEF ---------------------------------------------------------------------------------------

/** CEF header field: `\` and `|` escaped; line breaks become spaces (they are illegal in the header). */
export function cefHeader(v: string): string {
  return v.replace(/[\\|]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

/** CEF extension value: `\`, `=` escaped, CR/LF as `\r` / `\n`. */
export function cefValue(v: string): string {
  return v
    .replace(/[\\=]/g, (c) => `\\${c}`)
    .replace(/\r/g, '\\r')
    .replace(/\n/g, '\\n');
}

/**
 * One ArcSight CEF:0 line (no trailing newline).
 *
 * @example
 * toCef(ev); // 'CEF:0|Gatehouse|Gatehouse|0.1.0|waf_block|waf_block: sqli|8|rt=… src=203.0.113.9 …'
 */
export function toCef(ev: SecurityEvent): string {
  const ext: [string, string | undefined][] = [
    ['rt', String(epochMs(ev))],
    ['externalId', ev.id],
    ['cat', ev.category],
    ['act', isDenial(ev) ? 'blocked' : 'detected'],
    ['reason', ev.reason],
    ['src', ev.client_ip],
    ['suser', ev.consumer],
    ['requestMethod', typeof ev.details.method === 'string' ? ev.details.method : undefined],
    ['cs1Label', ev.route === undefined ? undefined : 'route'],
    ['cs1', ev.route],
    ['cs2Label', ev.policy === undefined ? undefined : 'policy'],
    ['cs2', ev.policy],
    ['cs3Label', ev.request_id === undefined ? undefined : 'requestId'],
    ['cs3', ev.request_id],
    ['cs4Label', 'details'],
    ['cs4', JSON.stringify(ev.details)],
  ];
  const parts: string[] = [];
  for (const [k, v] of ext) if (v !== undefined) parts.push(`${k}=${cefValue(v)}`);
  return `CEF:0|Gatehouse|Gatehouse|${cefHeader(PRODUCT_VERSION)}|${cefHeader(ev.type)}|${cefHeader(
    `${ev.type}: ${ev.reason}`.slice(0, 512),
  )}|${NUMERIC_SEVERITY[ev.severity]}|${parts.join(' ')}`;
}

/** Formats an (already masked) event: an object for JSON formats, a string for CEF. */
export function formatEvent(ev: SecurityEvent, format: EventFormat): Record<string, unknown> | string {
  switch (format) {
    case 'ecs':
      return toEcs(ev);
    case 'ocsf':
      return toOcsf(ev);
    case 'cef':
      return toCef(ev);
    default:
      return ev as unknown as Record<string, unknown>;
  }
}

/** Formats to one line of text (JSON or CEF). */
export function formatLine(ev: SecurityEvent, format: EventFormat): string {
  const f = formatEvent(ev, format);
  return typeof f === 'string' ? f : JSON.stringify(f);
}

/** Syslog severity (RFC 5424 numbers) for an event severity. */
export function syslogSeverity(s: EventSeverity): number {
  return [6, 5, 4, 3, 2][SEVERITY_RANK[s]] ?? 6;
}
