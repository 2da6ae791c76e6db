/**
 * multipart/form-data request body processor, with the strictness flags ModSecurity (msc_multipart) and Coraza
 * expose as `MULTIPART_*` variables.
 *
 * Behaviour (ModSecurity v2/v3 semantics, written from their documentation and observed behaviour):
 * - The boundary comes from the request Content-Type: the `boundary` parameter (case-insensitive name) after
 *   `multipart/form-data`. Whitespace around `=` or after the value sets `boundaryWhitespace`; a quoted value sets
 *   `boundaryQuoted`; characters other than RFC 2046 `bchars`, an empty or over-long value, an unterminated quote
 *   or a second `boundary` parameter are errors; no `;` before the parameter sets `missingSemicolon`.
 * - The body is read line by line (`\n`). A line `--boundary` (optionally followed by spaces or tabs, RFC 2046
 *   transport padding) opens a part, `--boundary--` ends the body. A line that starts with `--boundary` and
 *   continues with anything else is data and sets `unmatchedBoundary`. A line ending without `\r` on a boundary
 *   or header line sets `lfLine`.
 * - Part headers run to the first empty line. A header line starting with a space or tab continues the previous
 *   header (`headerFolding`; before any header it sets `invalidHeaderFolding` and is an error). A header without
 *   `:`, with an invalid name, a duplicate header, a header line over `maxHeaderLine` bytes or more than
 *   `maxHeadersPerPart` headers are errors.
 * - `Content-Disposition` must be `form-data` with `name` and optionally `filename` parameters (other parameters
 *   set `invalidPart`). Quoted values honour `\"` and `\\`; any other backslash escape is kept verbatim and sets
 *   `invalidQuoting`, as does a value that starts with a single quote. A missing header, a missing `name`, a
 *   missing `;` between parameters or a duplicated parameter are errors.
 * - A part with a `filename` parameter is a file: `files` gets its field name, file name and size; other parts
 *   become arguments (`ARGS_POST`), and so does a file part whose file name is empty (backends that read it as
 *   a form value). Every header of every part is recorded as `"Name: value"` under the part's
 *   name (`MULTIPART_PART_HEADERS`). The line ending before a boundary belongs to the delimiter.
 * - Bytes before the first boundary set `dataBefore` (a preamble of empty lines is allowed); non-blank bytes after
 *   the final boundary set `dataAfter`. No final boundary is an error (parts read so far are still reported so
 *   that rules see them). More than `maxFiles` file parts sets `fileLimitExceeded`; more than `maxParts` parts is
 *   an error.
 *
 * Memory: the input is already bounded by the caller (the policy's `max_body_bytes`); values are slices of it and
 * no part is copied more than once. Input and output are byte strings (one char per byte, latin1).
 */

/** Limits of {@link parseMultipartBody}. */
export interface MultipartLimits {
  /** Most parts accepted (ModSecurity `SecArgumentsLimit` for the argument parts). Default 1000. */
  readonly maxParts?: number;
  /** File parts beyond this set `fileLimitExceeded` (ModSecurity `SecUploadFileLimit`). Default 100. */
  readonly maxFiles?: number;
  /** Longest part header line in bytes. Default 4096. */
  readonly maxHeaderLine?: number;
  /** Most headers in one part. Default 64. */
  readonly maxHeadersPerPart?: number;
  /**
   * A view of the argument parts (name, value) that the engine inspects as `ARGS_POST` instead of the parts as
   * parsed (the API profile's value view); the parser itself ignores it. Default: the parts as parsed.
   */
  readonly expand?: (args: readonly (readonly [string, string])[]) => readonly (readonly [string, string])[];
}

/** The strictness flags, each a `MULTIPART_*` variable. */
export interface MultipartFlags {
  boundaryQuoted: boolean;
  boundaryWhitespace: boolean;
  dataBefore: boolean;
  dataAfter: boolean;
  headerFolding: boolean;
  lfLine: boolean;
  missingSemicolon: boolean;
  invalidQuoting: boolean;
  invalidPart: boolean;
  invalidHeaderFolding: boolean;
  fileLimitExceeded: boolean;
  unmatchedBoundary: boolean;
}

/** One uploaded file part. */
export interface MultipartFile {
  /** The form field name (`FILES_NAMES`). */
  readonly name: string;
  /** The `filename` parameter (`FILES`). */
  readonly filename: string;
  /** Size of the content in bytes (`FILES_SIZES`). */
  readonly size: number;
  /** The content (`FILES_TMP_CONTENT`; a slice of the body, not a copy). */
  readonly content: string;
}

/** Result of {@link parseMultipartBody}. */
export interface MultipartResult {
  /** The first error (REQBODY_ERROR_MSG), or null. */
  readonly error: string | null;
  readonly flags: MultipartFlags;
  /** Non-file parts as name/value pairs (ARGS_POST). */
  readonly args: readonly (readonly [string, string])[];
  readonly files: readonly MultipartFile[];
  /** `[partName, "Header-Name: value"]` for every header of every part (MULTIPART_PART_HEADERS). */
  readonly partHeaders: readonly (readonly [string, string])[];
}

/** True when `MULTIPART_STRICT_ERROR` is 1: an error or any flag except `unmatchedBoundary` (as ModSecurity). */
export function multipartStrictError(r: MultipartResult): boolean {
  const f = r.flags;
  return (
    r.error !== null ||
    f.boundaryQuoted ||
    f.boundaryWhitespace ||
    f.dataBefore ||
    f.dataAfter ||
    f.headerFolding ||
    f.lfLine ||
    f.missingSemicolon ||
    f.invalidQuoting ||
    f.invalidPart ||
    f.invalidHeaderFolding ||
    f.fileLimitExceeded
  );
}

function newFlags(): MultipartFlags {
  return {
    boundaryQuoted: false,
    boundaryWhitespace: false,
    dataBefore: false,
    dataAfter: false,
    headerFolding: false,
    lfLine: false,
    missingSemicolon: false,
    invalidQuoting: false,
    invalidPart: false,
    invalidHeaderFolding: false,
    fileLimitExceeded: false,
    unmatchedBoundary: false,
  };
}

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t';
/** RFC 2046 bcharsnospace plus space (not last). */
const BCHARS = /^[0-9A-Za-z'()+_,\-./:=? ]*[0-9A-Za-z'()+_,\-./:=?]$/;
const MAX_BOUNDARY = 200;
/** RFC 7230 token characters, for part header names. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Extracts the boundary from a Content-Type value; sets boundary flags; returns an error message on failure. */
export function parseBoundary(contentType: string, flags: MultipartFlags): string | { error: string } {
  const lower = contentType.toLowerCase();
  // `multipart/related` too (the API profile hands it to this processor: Spring reads it as a form).
  const type = lower.startsWith('multipart/form-data') ? 19 : lower.startsWith('multipart/related') ? 17 : 0;
  if (type === 0) return { error: 'Multipart: not multipart/form-data' };
  const at = lower.indexOf('boundary', type);
  if (at === -1) return { error: 'Multipart: boundary not found in Content-Type' };
  // Only whitespace and `;` may come before the boundary, or other `name=value` parameters (`; charset=x;`).
  const before = contentType.slice(type, at);
  if (/^[ \t]*$/.test(before)) flags.missingSemicolon = true;
  else if (!/^[ \t]*(?:;[ \t]*[^;=\s"]+[ \t]*=[ \t]*(?:"[^"]*"|[^;\s"]*)[ \t]*)*;[ \t]*$/.test(before))
    return { error: 'Multipart: invalid boundary in Content-Type (malformed)' };
  let p = at + 8;
  while (isWs(contentType[p])) {
    flags.boundaryWhitespace = true;
    p++;
  }
  if (contentType[p] !== '=')
    return { error: 'Multipart: invalid boundary in Content-Type (parameter name)' };
  p++;
  while (isWs(contentType[p])) {
    flags.boundaryWhitespace = true;
    p++;
  }
  let value: string;
  if (contentType[p] === '"') {
    flags.boundaryQuoted = true;
    const end = contentType.indexOf('"', p + 1);
    if (end === -1) return { error: 'Multipart: invalid boundary in Content-Type (quote)' };
    value = contentType.slice(p + 1, end);
    p = end + 1;
  } else {
    let end = p;
    while (end < contentType.length && contentType[end] !== ';') end++;
    value = contentType.slice(p, end);
    const trimmed = value.replace(/[ \t]+$/, '');
    if (trimmed.length !== value.length) flags.boundaryWhitespace = true;
    value = trimmed;
    p = end;
  }
  const rest = contentType.slice(p);
  if (/[;\s]boundary\s*=/i.test(rest))
    return { error: 'Multipart: multiple boundary parameters in Content-Type' };
  if (rest !== '' && !/^\s*(;.*)?$/s.test(rest))
    return { error: 'Multipart: invalid boundary in Content-Type (trailing characters)' };
  if (value.length === 0 || value.length > MAX_BOUNDARY || !BCHARS.test(value))
    return { error: 'Multipart: invalid boundary in Content-Type (characters)' };
  return value;
}

interface Disposition {
  name?: string;
  filename?: string;
}

/** Parses a Content-Disposition part header value; returns an error message on failure. */
function parseDisposition(v: string, flags: MultipartFlags): Disposition | string {
  if (!/^form-data/i.test(v)) return 'Multipart: invalid Content-Disposition header (not form-data)';
  const out: Disposition = {};
  let p = 9;
  const n = v.length;
  for (;;) {
    while (p < n && isWs(v[p])) p++;
    if (p >= n) break;
    if (v[p] !== ';') return 'Multipart: invalid Content-Disposition header (expected semicolon)';
    p++;
    while (p < n && isWs(v[p])) p++;
    if (p >= n) break;
    const eq = v.indexOf('=', p);
    if (eq === -1) return 'Multipart: invalid Content-Disposition header (parameter without value)';
    const pname = v.slice(p, eq).trim().toLowerCase();
    p = eq + 1;
    while (p < n && isWs(v[p])) p++;
    let value = '';
    if (v[p] === '"') {
      p++;
      let closed = false;
      while (p < n) {
        const c = v[p] as string;
        if (c === '\\' && p + 1 < n) {
          const d = v[p + 1] as string;
          if (d === '"' || d === '\\') value += d;
          else {
            flags.invalidQuoting = true;
            value += c + d;
          }
          p += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          p++;
          break;
        }
        value += c;
        p++;
      }
      if (!closed) return 'Multipart: invalid Content-Disposition header (unterminated quote)';
    } else {
      if (v[p] === "'") flags.invalidQuoting = true;
      const start = p;
      while (p < n && v[p] !== ';') p++;
      value = v.slice(start, p).replace(/[ \t]+$/, '');
      if (value.includes('"')) flags.invalidQuoting = true;
    }
    if (pname === 'name' || pname === 'filename') {
      if (out[pname] !== undefined) return `Multipart: duplicate Content-Disposition parameter ${pname}`;
      out[pname] = value;
    } else flags.invalidPart = true;
  }
  if (out.name === undefined) return 'Multipart: Content-Disposition header missing name field';
  return out;
}

interface Part {
  headers: [string, string][];
  /** Offset of the first data byte, -1 while headers are read. */
  dataStart: number;
}

/**
 * Parses a multipart/form-data body. Never throws: malformed input yields `error` (REQBODY_ERROR) and flags.
 *
 * @example
 * const r = parseMultipartBody('multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n');
 * r.args; // [['a', '1']]
 */
export function parseMultipartBody(
  contentType: string,
  body: string,
  limits: MultipartLimits = {},
): MultipartResult {
  const maxParts = limits.maxParts ?? 1000;
  const maxFiles = limits.maxFiles ?? 100;
  const maxHeaderLine = limits.maxHeaderLine ?? 4096;
  const maxHeaders = limits.maxHeadersPerPart ?? 64;
  const flags = newFlags();
  const args: [string, string][] = [];
  const files: MultipartFile[] = [];
  const partHeaders: [string, string][] = [];
  let error: string | null = null;
  const result = (): MultipartResult => ({ error, flags, args, files, partHeaders });
  const boundary = parseBoundary(contentType, flags);
  if (typeof boundary !== 'string') {
    error = boundary.error;
    return result();
  }
  const delim = `--${boundary}`;
  // 0: preamble, 1: part headers, 2: part data, 3: after the final boundary.
  let state = 0;
  let part: Part | null = null;
  let parts = 0;
  let seenBoundary = false;
  const fail = (msg: string): void => {
    if (error === null) error = msg;
  };

  /** Ends the current part; `end` is the offset where its data ends (before the delimiter's line ending). */
  const finishPart = (end: number): void => {
    const cur = part;
    part = null;
    if (cur === null) return;
    if (cur.dataStart === -1) {
      flags.invalidPart = true;
      fail('Multipart: part headers not terminated by an empty line');
      return;
    }
    const disp = cur.headers.find(([k]) => k.toLowerCase() === 'content-disposition');
    if (disp === undefined) {
      fail('Multipart: part missing Content-Disposition header');
      return;
    }
    const d = parseDisposition(disp[1], flags);
    if (typeof d === 'string') {
      fail(d);
      return;
    }
    const name = d.name as string;
    for (const [k, v] of cur.headers) partHeaders.push([name, `${k}: ${v}`]);
    const data = body.slice(cur.dataStart, Math.max(end, cur.dataStart));
    // An empty `filename=""` is no file to Go's mime/multipart or ASP.NET Core, which hand its content to the
    // application as a form value: it is inspected as a value (ARGS_POST) and still listed as a file.
    if (d.filename !== undefined) {
      files.push({ name, filename: d.filename, size: data.length, content: data });
      if (files.length > maxFiles) flags.fileLimitExceeded = true;
    }
    if (d.filename === undefined || d.filename === '') args.push([name, data]);
  };

  let pos = 0;
  const n = body.length;
  while (pos < n && error === null) {
    const nl = body.indexOf('\n', pos);
    const lineEnd = nl === -1 ? n : nl;
    const next = nl === -1 ? n : nl + 1;
    const cr = lineEnd > pos && body.charCodeAt(lineEnd - 1) === 13;
    const contentEnd = cr ? lineEnd - 1 : lineEnd;
    const lf = nl !== -1 && !cr;
    // Boundary line?
    let kind: 'none' | 'part' | 'final' = 'none';
    if (body.startsWith(delim, pos) && state !== 3) {
      let q = pos + delim.length;
      let final = false;
      if (body.startsWith('--', q) && q + 2 <= contentEnd) {
        final = true;
        q += 2;
      }
      while (q < contentEnd && isWs(body[q])) q++;
      if (q === contentEnd) kind = final ? 'final' : 'part';
      else flags.unmatchedBoundary = true;
    }
    if (kind !== 'none') {
      if (lf) flags.lfLine = true;
      if (state === 2 || state === 1) {
        // The line ending before the delimiter belongs to it (RFC 2046).
        let end = pos;
        if (end > 0 && body.charCodeAt(end - 1) === 10) {
          end--;
          if (end > 0 && body.charCodeAt(end - 1) === 13) end--;
          else flags.lfLine = true;
        }
        finishPart(end);
      }
      seenBoundary = true;
      if (kind === 'final') state = 3;
      else {
        parts++;
        if (parts > maxParts) {
          fail(`Multipart: more than ${maxParts} parts`);
          break;
        }
        part = { headers: [], dataStart: -1 };
        state = 1;
      }
      pos = next;
      continue;
    }
    if (state === 0) {
      if (contentEnd > pos) flags.dataBefore = true;
    } else if (state === 3) {
      if (/[^\s]/.test(body.slice(pos, lineEnd))) flags.dataAfter = true;
    } else if (state === 1) {
      const cur = part as Part;
      if (lf) flags.lfLine = true;
      if (contentEnd - pos > maxHeaderLine) fail(`Multipart: part header line over ${maxHeaderLine} bytes`);
      else if (contentEnd === pos) {
        cur.dataStart = next;
        state = 2;
      } else if (isWs(body[pos])) {
        const prev = cur.headers[cur.headers.length - 1];
        if (prev === undefined) {
          flags.invalidHeaderFolding = true;
          fail('Multipart: invalid part header (folding before any header)');
        } else {
          flags.headerFolding = true;
          prev[1] = `${prev[1]} ${body.slice(pos, contentEnd).trim()}`;
          if (prev[1].length > maxHeaderLine) fail(`Multipart: part header line over ${maxHeaderLine} bytes`);
        }
      } else {
        const line = body.slice(pos, contentEnd);
        const colon = line.indexOf(':');
        if (colon === -1) fail('Multipart: invalid part header (colon missing)');
        else {
          const name = line.slice(0, colon);
          if (!TOKEN.test(name)) fail('Multipart: invalid part header (header name invalid)');
          else if (cur.headers.some(([k]) => k.toLowerCase() === name.toLowerCase()))
            fail(`Multipart: duplicate part header ${name}`);
          else if (cur.headers.length >= maxHeaders) fail(`Multipart: more than ${maxHeaders} part headers`);
          else cur.headers.push([name, line.slice(colon + 1).replace(/^[ \t]+/, '')]);
        }
      }
    }
    // state 2: data lines are sliced from the body when the part ends.
    pos = next;
  }
  if (error === null && state !== 3) {
    if (!seenBoundary) fail('Multipart: no boundary found in the body');
    else {
      finishPart(n);
      fail('Multipart: final boundary missing');
    }
  }
  return result();
}
