import { setTimeout as sleep } from 'node:timers/promises';
import { odata, type TableClient, type TableEntity, type TableEntityResult } from '@azure/data-tables';
import type { z } from 'zod';
import {
  AlreadyExistsError,
  ConcurrencyError,
  CorruptDocumentError,
  DocumentTooLargeError,
  InvalidDocumentError,
  InvalidKeyError,
  NotFoundError,
  statusCodeOf,
  StorageError,
  type StorageLocation,
} from './errors';

/** A value of a flat, filterable column stored beside the document. */
export type IndexValue = string | number | boolean | Date | null | undefined;
/** Flat filterable columns (e.g. status, organisationId); null/undefined columns are left out. */
export type IndexColumns = Readonly<Record<string, IndexValue>>;

/** A document as read from the table. */
export interface StoredDocument<T> {
  partitionKey: string;
  rowKey: string;
  value: T;
  etag: string;
}

/** Options of a DocumentTable. */
export interface DocumentTableOptions<T> {
  /** Derives the index columns from the document on every write, so they never go stale. */
  index?: (value: T) => IndexColumns;
  /**
   * Keeps up to this many parsed documents by row and ETag: a read that returns an unchanged row skips
   * JSON parsing and validation. Only for documents treated as immutable values.
   */
  keepParsed?: number;
}

/** Options of DocumentTable.update. */
export interface UpdateOptions {
  /** How many times to retry after an ETag conflict (default 5). */
  retries?: number;
}

// A string property holds at most 64 KiB, i.e. 32K UTF-16 code units; stay a little below.
const CHUNK_CHARS = 32_000;
// Entities are limited to 1 MiB; keep a margin for the system properties and rounding.
const MAX_ENTITY_BYTES = 1_000_000;
const MAX_KEY_CHARS = 512;
const PARTS_PROPERTY = 'JsonParts';
const CHUNK_PROPERTY = /^Json\d+$/;
// Compared case-insensitively: the SDK maps partitionKey/rowKey itself, and a near-miss is a bug.
const RESERVED_PROPERTIES = new Set(['partitionkey', 'rowkey', 'timestamp', 'etag', PARTS_PROPERTY.toLowerCase()]);
const RESERVED_CHUNK_PROPERTY = /^json\d+$/i;
const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;
// Characters the Table service forbids in keys, plus control characters.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_KEY_CHARS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;

type Row = Record<string, unknown>;

/**
 * One table of JSON documents validated by a zod schema, with ETag optimistic concurrency.
 * The document lives in string columns Json0..JsonN (JsonParts says how many); index columns sit
 * beside it for server-side filtering.
 */
export class DocumentTable<T> {
  private readonly parsed = new Map<string, { etag: string; value: T; index: Row }>();

  constructor(
    private readonly client: TableClient,
    private readonly schema: z.ZodType<T, z.ZodTypeDef, unknown>,
    private readonly options: DocumentTableOptions<T> = {},
  ) {}

  /** The physical table name. */
  get tableName(): string {
    return this.client.tableName;
  }

  /** Reads and validates one document; undefined when the row does not exist. */
  async get(partitionKey: string, rowKey: string): Promise<{ value: T; etag: string } | undefined> {
    const row = await this.readRow(partitionKey, rowKey);
    return row === undefined ? undefined : { value: row.value, etag: row.etag };
  }

  /** Like get, with the flat columns stored beside the document. */
  async getWithColumns(partitionKey: string, rowKey: string): Promise<{ value: T; etag: string; columns: Readonly<Row> } | undefined> {
    const row = await this.readRow(partitionKey, rowKey);
    return row === undefined ? undefined : { value: row.value, etag: row.etag, columns: row.index };
  }

  /**
   * The validated table entity of a document, for a write the caller makes itself (an entity-group
   * transaction). `columns` go beside the index columns.
   */
  entityOf(partitionKey: string, rowKey: string, value: T, columns: IndexColumns = {}): TableEntity<Row> {
    return this.toEntity(partitionKey, rowKey, value, { ...(this.options.index?.(value) ?? {}), ...columns }).entity;
  }

  /** Reads an entity the caller fetched itself (e.g. from a partition query that also returns other kinds of row). */
  fromTableEntity(entity: TableEntityResult<Row>): StoredDocument<T> & { columns: Readonly<Row> } {
    const partitionKey = entity.partitionKey ?? '';
    const rowKey = entity.rowKey ?? '';
    const { value, index } = this.fromEntity(entity, partitionKey, rowKey);
    return { partitionKey, rowKey, value, etag: entity.etag, columns: index };
  }

  /** Inserts a new document; returns its ETag. Throws AlreadyExistsError if the row exists. */
  async create(partitionKey: string, rowKey: string, value: T, index?: IndexColumns): Promise<string> {
    const { entity } = this.toEntity(partitionKey, rowKey, value, index);
    try {
      const response = await this.client.createEntity(entity);
      return requireEtag(response.etag, this.where(partitionKey, rowKey));
    } catch (err) {
      if (statusCodeOf(err) === 409) throw new AlreadyExistsError(this.where(partitionKey, rowKey), { cause: err });
      throw err;
    }
  }

  /**
   * Replaces a document if it still has `etag`; returns the new ETag.
   * Throws ConcurrencyError if someone else changed it, NotFoundError if it is gone.
   */
  async replace(partitionKey: string, rowKey: string, value: T, etag: string, index?: IndexColumns): Promise<string> {
    return this.replaceEntity(this.toEntity(partitionKey, rowKey, value, index).entity, etag);
  }

  /**
   * Read-modify-write with ETag, retried on conflict. `mutate` may run more than once, so it must
   * be free of side effects. Throws NotFoundError if the row does not exist, ConcurrencyError when
   * the retries run out.
   */
  async update(
    partitionKey: string,
    rowKey: string,
    mutate: (current: T) => T | Promise<T>,
    options: UpdateOptions = {},
  ): Promise<{ value: T; etag: string }> {
    const retries = options.retries ?? 5;
    for (let attempt = 0; ; attempt++) {
      const current = await this.readRow(partitionKey, rowKey);
      if (current === undefined) throw new NotFoundError(this.where(partitionKey, rowKey));
      const next = await mutate(current.value);
      // Without an index function, keep the row's index columns rather than dropping them.
      const index = this.options.index ? undefined : current.index;
      const { entity, value } = this.toEntity(partitionKey, rowKey, next, index);
      try {
        return { value, etag: await this.replaceEntity(entity, current.etag) };
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || attempt >= retries) throw err;
        await sleep(backoffMs(attempt));
      }
    }
  }

  /** All documents of one partition, optionally narrowed by an OData filter on index columns. */
  async *listPartition(partitionKey: string, options: { filter?: string } = {}): AsyncGenerator<StoredDocument<T>> {
    this.checkKey(partitionKey, 'partition key', { partitionKey });
    const byPartition = odata`PartitionKey eq ${partitionKey}`;
    yield* this.query(options.filter ? `${byPartition} and (${options.filter})` : byPartition);
  }

  /** Documents across partitions matching an OData filter (build it with `odata` from @azure/data-tables). */
  async *query(filter: string): AsyncGenerator<StoredDocument<T>> {
    for await (const entity of this.client.listEntities<Row>({ queryOptions: { filter } })) {
      const partitionKey = entity.partitionKey ?? '';
      const rowKey = entity.rowKey ?? '';
      const { value } = this.fromEntity(entity, partitionKey, rowKey);
      yield { partitionKey, rowKey, value, etag: entity.etag };
    }
  }

  /**
   * Deletes a document, only if it still has `etag` when one is given.
   * Returns false if it did not exist; throws ConcurrencyError if it changed.
   */
  async delete(partitionKey: string, rowKey: string, etag?: string): Promise<boolean> {
    const where = this.where(partitionKey, rowKey);
    this.checkKeys(partitionKey, rowKey);
    try {
      await this.client.deleteEntity(partitionKey, rowKey, { etag: etag ?? '*' });
      return true;
    } catch (err) {
      const status = statusCodeOf(err);
      if (status === 404) return false;
      if (status === 412) throw new ConcurrencyError(where, { cause: err });
      throw err;
    }
  }

  private async readRow(
    partitionKey: string,
    rowKey: string,
  ): Promise<{ value: T; etag: string; index: Row } | undefined> {
    this.checkKeys(partitionKey, rowKey);
    let entity: TableEntityResult<Row>;
    try {
      entity = await this.client.getEntity<Row>(partitionKey, rowKey);
    } catch (err) {
      if (statusCodeOf(err) === 404) return undefined;
      throw err;
    }
    return { ...this.parseKept(entity, partitionKey, rowKey), etag: entity.etag };
  }

  /** fromEntity, skipped when the same row with the same ETag was parsed before (see keepParsed). */
  private parseKept(entity: TableEntityResult<Row>, partitionKey: string, rowKey: string): { value: T; index: Row } {
    const max = this.options.keepParsed ?? 0;
    if (max === 0) return this.fromEntity(entity, partitionKey, rowKey);
    const key = `${partitionKey}\n${rowKey}`;
    const kept = this.parsed.get(key);
    if (kept !== undefined && kept.etag === entity.etag) return kept;
    const read = this.fromEntity(entity, partitionKey, rowKey);
    if (this.parsed.size >= max) this.parsed.delete(this.parsed.keys().next().value as string);
    this.parsed.set(key, { etag: entity.etag, ...read });
    return read;
  }

  private async replaceEntity(entity: TableEntity<Row>, etag: string): Promise<string> {
    const where = this.where(entity.partitionKey, entity.rowKey);
    try {
      const response = await this.client.updateEntity(entity, 'Replace', { etag });
      return requireEtag(response.etag, where);
    } catch (err) {
      const status = statusCodeOf(err);
      // The SDK leaves err.code undefined for this; the status is the reliable signal.
      if (status === 412) throw new ConcurrencyError(where, { cause: err });
      if (status === 404) throw new NotFoundError(where, { cause: err });
      throw err;
    }
  }

  private toEntity(
    partitionKey: string,
    rowKey: string,
    value: T,
    explicitIndex?: IndexColumns | Row,
  ): { entity: TableEntity<Row>; value: T } {
    const where = this.where(partitionKey, rowKey);
    this.checkKeys(partitionKey, rowKey);
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw new InvalidDocumentError(where, describeIssues(parsed.error));
    const json: string | undefined = JSON.stringify(parsed.data);
    if (json === undefined) throw new InvalidDocumentError(where, ['(root): not representable as JSON']);
    // Validate what a later read will see, so a document that cannot round-trip (e.g. a Date in a
    // z.date() field) is refused now instead of becoming a corrupt row.
    const reparsed = this.schema.safeParse(JSON.parse(json));
    if (!reparsed.success) {
      const issues = describeIssues(reparsed.error).map((issue) => `after JSON round-trip: ${issue}`);
      throw new InvalidDocumentError(where, issues);
    }

    const index = explicitIndex ?? this.options.index?.(parsed.data) ?? {};
    const entity: TableEntity<Row> = { partitionKey, rowKey };
    for (const [name, indexValue] of Object.entries(index)) {
      if (indexValue === null || indexValue === undefined) continue;
      if (!PROPERTY_NAME.test(name) || RESERVED_PROPERTIES.has(name.toLowerCase()) || RESERVED_CHUNK_PROPERTY.test(name)) {
        throw new InvalidKeyError(where, `"${name}" cannot be used as an index column`);
      }
      entity[name] = indexValue;
    }
    const chunks = splitChunks(asciiJson(json));
    entity[PARTS_PROPERTY] = chunks.length;
    chunks.forEach((chunk, i) => {
      entity[`Json${i}`] = chunk;
    });
    const bytes = estimateEntityBytes(entity);
    if (bytes > MAX_ENTITY_BYTES) throw new DocumentTooLargeError(where, bytes, MAX_ENTITY_BYTES);
    return { entity, value: parsed.data };
  }

  private fromEntity(entity: Row, partitionKey: string, rowKey: string): { value: T; index: Row } {
    const where = this.where(partitionKey, rowKey);
    const parts = entity[PARTS_PROPERTY];
    if (typeof parts !== 'number' || !Number.isInteger(parts) || parts < 1) {
      throw new CorruptDocumentError(where, [`${PARTS_PROPERTY} missing or not a positive integer`]);
    }
    let json = '';
    for (let i = 0; i < parts; i++) {
      const chunk = entity[`Json${i}`];
      if (typeof chunk !== 'string') throw new CorruptDocumentError(where, [`Json${i} missing`]);
      json += chunk;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(json);
    } catch {
      // The parser's message quotes the text, which may be personal data: leave it out.
      throw new CorruptDocumentError(where, ['stored JSON does not parse']);
    }
    const parsed = this.schema.safeParse(raw);
    if (!parsed.success) throw new CorruptDocumentError(where, describeIssues(parsed.error));

    const index: Row = {};
    for (const [name, indexValue] of Object.entries(entity)) {
      const system = ['partitionKey', 'rowKey', 'timestamp', 'etag', PARTS_PROPERTY].includes(name);
      if (!system && !CHUNK_PROPERTY.test(name) && !name.startsWith('odata.')) index[name] = indexValue;
    }
    return { value: parsed.data, index };
  }

  private checkKeys(partitionKey: string, rowKey: string): void {
    this.checkKey(partitionKey, 'partition key', { partitionKey, rowKey });
    this.checkKey(rowKey, 'row key', { partitionKey, rowKey });
  }

  private checkKey(key: string, what: string, keys: Omit<StorageLocation, 'table'>): void {
    const where = { table: this.tableName, ...keys };
    if (key.length === 0 || key.length > MAX_KEY_CHARS) {
      throw new InvalidKeyError(where, `${what} must have 1-${MAX_KEY_CHARS} characters`);
    }
    if (FORBIDDEN_KEY_CHARS.test(key)) {
      throw new InvalidKeyError(where, `${what} contains / \\ # ? or a control character`);
    }
  }

  private where(partitionKey: string, rowKey: string): StorageLocation {
    return { table: this.tableName, partitionKey, rowKey };
  }
}

/**
 * Escapes every non-ASCII character as \uXXXX (still valid JSON). Chunks then never split a
 * surrogate pair, and Azurite, which decodes request bodies per 64 KiB network chunk and so
 * garbles multi-byte UTF-8 characters on a chunk edge, stores large documents intact.
 */
function asciiJson(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Splits ASCII text into property-sized chunks. */
function splitChunks(text: string): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += CHUNK_CHARS) chunks.push(text.slice(start, start + CHUNK_CHARS));
  return chunks;
}

/** Entity size as the Table service counts it (strings are UTF-16). */
function estimateEntityBytes(entity: Row): number {
  let bytes = 4;
  for (const [name, value] of Object.entries(entity)) {
    if (name === 'partitionKey' || name === 'rowKey') {
      bytes += 2 * String(value).length;
      continue;
    }
    bytes += 8 + 2 * name.length;
    if (typeof value === 'string') bytes += 4 + 2 * value.length;
    else if (typeof value === 'boolean') bytes += 1;
    else bytes += 8;
  }
  return bytes;
}

/** Paths and codes of zod issues; messages are left out because some quote the offending value. */
function describeIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`);
}

function requireEtag(etag: string | undefined, where: StorageLocation): string {
  if (etag === undefined) throw new StorageError('STORAGE.NO_ETAG', 'The service returned no ETag', where);
  return etag;
}

function backoffMs(attempt: number): number {
  // Jitter spreads competing writers apart so one of them wins the next round.
  return Math.random() * Math.min(200, 10 * 2 ** attempt);
}
