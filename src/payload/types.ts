/**
 * Shared types of the streaming payload scanners (src/payload/json.ts, src/payload/xml.ts).
 *
 * @example
 * const v: Violation | null = scanner.write(chunk) ?? scanner.end();
 */

/** Why a scanner refused a document. `size` maps to 413, everything else to 400. */
export interface Violation {
  /** Short code, e.g. `depth`, `string`, `syntax`, `dtd`; policies prefix it (`json:depth`). */
  readonly code: string;
  /** The configured limit that was crossed, when the violation is about a limit. */
  readonly limit: number | undefined;
  /** Byte offset (from the start of the body) of the byte that triggered the violation. */
  readonly offset: number;
  /** Safe client-facing text: names the limit, never echoes document content. */
  readonly detail: string;
}

/**
 * An incremental validator fed a body chunk by chunk. After the first violation every further call
 * returns that same violation.
 */
export interface PayloadScanner {
  /** Scans the next chunk; returns the first violation found, else null. */
  write(chunk: Uint8Array): Violation | null;
  /** Signals the end of the body; returns a violation when the document is incomplete. */
  end(): Violation | null;
  /** Bytes scanned so far. */
  readonly bytes: number;
}
