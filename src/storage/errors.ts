// Storage errors carry a stable code and name the table and keys, never document content:
// messages end up in logs, and documents hold personal data.

/** Where in storage an error happened (table and keys, or container and blob name; no content). */
export interface StorageLocation {
  table?: string;
  partitionKey?: string;
  rowKey?: string;
  container?: string;
  blobName?: string;
}

/** Base class of all errors thrown by the storage adapters. */
export class StorageError extends Error {
  /** Stable machine-readable code, e.g. `STORAGE.CONFLICT`. */
  readonly code: string;
  /** Table/container and keys involved. */
  readonly where: StorageLocation;

  constructor(code: string, message: string, where: StorageLocation, options?: { cause?: unknown }) {
    super(`${message} (${describe(where)})`, options);
    this.name = new.target.name;
    this.code = code;
    this.where = { ...where };
  }
}

/** A create hit an existing row or blob (HTTP 409). */
export class AlreadyExistsError extends StorageError {
  constructor(where: StorageLocation, options?: { cause?: unknown }) {
    super('STORAGE.ALREADY_EXISTS', 'Already exists', where, options);
  }
}

/** The row changed since it was read: its ETag no longer matches (HTTP 412). */
export class ConcurrencyError extends StorageError {
  constructor(where: StorageLocation, options?: { cause?: unknown }) {
    super('STORAGE.CONFLICT', 'Changed by someone else since it was read', where, options);
  }
}

/** The row to update or replace does not exist. */
export class NotFoundError extends StorageError {
  constructor(where: StorageLocation, options?: { cause?: unknown }) {
    super('STORAGE.NOT_FOUND', 'Not found', where, options);
  }
}

/** A stored row cannot be read back as a valid document. */
export class CorruptDocumentError extends StorageError {
  /** Paths and zod issue codes only, never values. */
  readonly issues: readonly string[];

  constructor(where: StorageLocation, issues: readonly string[], options?: { cause?: unknown }) {
    super('STORAGE.CORRUPT', `Stored document is invalid: ${issues.join('; ')}`, where, options);
    this.issues = issues;
  }
}

/** A document failed validation before it was written. */
export class InvalidDocumentError extends StorageError {
  /** Paths and zod issue codes only, never values. */
  readonly issues: readonly string[];

  constructor(where: StorageLocation, issues: readonly string[]) {
    super('STORAGE.INVALID', `Document is invalid: ${issues.join('; ')}`, where);
    this.issues = issues;
  }
}

/** A document is too large for one table entity. */
export class DocumentTooLargeError extends StorageError {
  constructor(where: StorageLocation, bytes: number, maxBytes: number) {
    super('STORAGE.TOO_LARGE', `Row would take about ${bytes} bytes; at most ${maxBytes} fit`, where);
  }
}

/** A key, property or blob name that the service would reject or misread. */
export class InvalidKeyError extends StorageError {
  constructor(where: StorageLocation, reason: string) {
    super('STORAGE.INVALID_KEY', reason, where);
  }
}

/** Stored bytes no longer match the SHA-256 recorded when they were written. */
export class IntegrityError extends StorageError {
  constructor(where: StorageLocation) {
    super('STORAGE.INTEGRITY', 'Stored bytes do not match their recorded SHA-256', where);
  }
}

/** HTTP status of an Azure SDK error (RestError), if any. */
export function statusCodeOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'statusCode' in err) {
    const status = (err as { statusCode: unknown }).statusCode;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

function describe(where: StorageLocation): string {
  const parts: string[] = [];
  if (where.table !== undefined) parts.push(`table ${where.table}`);
  if (where.partitionKey !== undefined) parts.push(`partition "${where.partitionKey}"`);
  if (where.rowKey !== undefined) parts.push(`row "${where.rowKey}"`);
  if (where.container !== undefined) parts.push(`container ${where.container}`);
  if (where.blobName !== undefined) parts.push(`blob "${where.blobName}"`);
  return parts.join(', ');
}
