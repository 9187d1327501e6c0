import { createWriteStream, type WriteStream } from 'node:fs';
import { IncomingMessage } from 'node:http';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import TableConfiguration from 'azurite/dist/src/table/TableConfiguration';
import TableServer from 'azurite/dist/src/table/TableServer';
import BlobConfiguration from 'azurite/dist/src/blob/BlobConfiguration';
import BlobServer from 'azurite/dist/src/blob/BlobServer';
import { MemoryExtentChunkStore } from 'azurite/dist/src/common/persistence/MemoryExtentStore';

/** Azurite's well-known development account (public, documented by Microsoft; not a secret). */
export const DEV_ACCOUNT_NAME = 'devstoreaccount1';
/** The well-known key of the development account. */
export const DEV_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
/** Where local runs keep Azurite's data (git-ignored). */
export const DEFAULT_LOCAL_AZURITE_LOCATION = '.data/azurite';

// Same file names as the azurite CLI uses, so `azurite --location .data/azurite` reads the same data.
const TABLE_DB_FILE = '__azurite_db_table__.json';
const BLOB_DB_FILE = '__azurite_db_blob__.json';
const BLOB_EXTENT_DB_FILE = '__azurite_db_blob_extent__.json';
const BLOB_EXTENT_FOLDER = '__blobstorage__';
const KEEP_ALIVE_SECONDS = 5;
const IN_MEMORY_BLOB_LIMIT_BYTES = 512 * 1024 * 1024;

/** How to start Azurite in this process. */
export interface AzuriteOptions {
  /** Interface to listen on; defaults to 127.0.0.1 (never expose the emulator). */
  host?: string;
  /** Table service port; 0 (the default) picks a free one. */
  tablePort?: number;
  /** Blob service port; 0 (the default) picks a free one. */
  blobPort?: number;
  /** Folder for persistence (created if missing); omit to keep everything in memory. */
  location?: string;
  /** Write an access log to `<location>/access.log`; requires `location`. Never to stdout. */
  accessLog?: boolean;
}

/** A running in-process Azurite (Table + Blob). */
export interface AzuriteHandle {
  tableEndpoint: string;
  blobEndpoint: string;
  tablePort: number;
  blobPort: number;
  /** devstoreaccount1 connection string with explicit TableEndpoint/BlobEndpoint for the actual ports. */
  connectionString: string;
  /** Folder holding the data, or undefined when in memory. */
  location: string | undefined;
  /** Milliseconds from call to both services listening. */
  startMs: number;
  /** Stops both services; with a location, data is flushed to disk first. */
  stop(): Promise<void>;
}

/**
 * restify adds a `query()` method to Node's `http.IncomingMessage.prototype` for the whole process.
 * Azurite's Express app then takes `req.query` as already parsed and skips the query string, and
 * its blob service answers 400 to container requests (`?restype=container`). Refused loudly here
 * rather than failing as intermittent 400s.
 */
function refuseRestifyProcess(): void {
  if ('query' in IncomingMessage.prototype) {
    throw new Error(
      'Azurite cannot run in a process that loaded restify (it patches http.IncomingMessage, and Azurite\'s blob service then answers 400): start it with startAzuriteProcess.',
    );
  }
}

/** Builds the devstoreaccount1 connection string for explicit endpoints. */
export function devConnectionString(tableEndpoint: string, blobEndpoint: string): string {
  return [
    'DefaultEndpointsProtocol=http',
    `AccountName=${DEV_ACCOUNT_NAME}`,
    `AccountKey=${DEV_ACCOUNT_KEY}`,
    `TableEndpoint=${tableEndpoint}`,
    `BlobEndpoint=${blobEndpoint}`,
  ].join(';');
}

/**
 * Starts Azurite's Table and Blob services in this process (no telemetry, no debug log). Never in
 * a process that loaded restify (the bot's): see `refuseRestifyProcess`. The bot starts Azurite
 * in its own process (azurite-process.ts), and so do the tests (test/support/global-setup.ts).
 */
export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteHandle> {
  refuseRestifyProcess();
  const started = performance.now();
  const host = options.host ?? '127.0.0.1';
  const location = options.location === undefined ? undefined : resolve(options.location);
  if (options.accessLog && location === undefined) {
    throw new Error('startAzurite: accessLog needs a location (it is never written to stdout).');
  }
  if (location !== undefined) await mkdir(location, { recursive: true });

  const inMemory = location === undefined;
  // In memory, Loki still wants a file name; point it at a folder that never exists so nothing loads.
  const dbFolder = location ?? join(tmpdir(), `azurite-memory-${randomUUID()}`);
  const accessLogStream: WriteStream | undefined =
    options.accessLog && location !== undefined
      ? createWriteStream(join(location, 'access.log'), { flags: 'a' })
      : undefined;
  const accessLogEnabled = accessLogStream !== undefined;

  const tableServer = new TableServer(
    new TableConfiguration(
      host,
      options.tablePort ?? 0,
      KEEP_ALIVE_SECONDS,
      join(dbFolder, TABLE_DB_FILE),
      false, // debug log
      accessLogEnabled,
      accessLogStream,
      undefined, // debug log file
      true, // loose
      true, // skip API version check
      '',
      '',
      '',
      undefined, // oauth
      false, // disableProductStyleUrl
      inMemory,
    ),
  );
  const blobServer = new BlobServer(
    new BlobConfiguration(
      host,
      options.blobPort ?? 0,
      KEEP_ALIVE_SECONDS,
      join(dbFolder, BLOB_DB_FILE),
      join(dbFolder, BLOB_EXTENT_DB_FILE),
      [{ locationId: 'Default', locationPath: join(dbFolder, BLOB_EXTENT_FOLDER), maxConcurrency: 50 }],
      accessLogEnabled,
      accessLogStream,
      false, // debug log
      undefined, // debug log file
      true, // loose
      true, // skip API version check
      '',
      '',
      '',
      undefined, // oauth
      false, // disableProductStyleUrl
      inMemory,
      // A store per instance: Azurite's default shared store would mix blobs of two in-memory instances.
      inMemory ? new MemoryExtentChunkStore(IN_MEMORY_BLOB_LIMIT_BYTES) : undefined,
    ),
  );

  await tableServer.start();
  try {
    await blobServer.start();
  } catch (err) {
    await tableServer.close();
    accessLogStream?.end();
    throw err;
  }

  const tablePort = portOf(tableServer.getHttpServerAddress());
  const blobPort = portOf(blobServer.getHttpServerAddress());
  const tableEndpoint = `http://${host}:${tablePort}/${DEV_ACCOUNT_NAME}`;
  const blobEndpoint = `http://${host}:${blobPort}/${DEV_ACCOUNT_NAME}`;
  let stopping: Promise<void> | undefined;

  return {
    tableEndpoint,
    blobEndpoint,
    tablePort,
    blobPort,
    connectionString: devConnectionString(tableEndpoint, blobEndpoint),
    location,
    startMs: Math.round(performance.now() - started),
    stop: () => {
      // Idempotent: a second stop() (e.g. teardown after a failed test) waits for the first.
      stopping ??= (async () => {
        await Promise.all([tableServer.close(), blobServer.close()]);
        if (accessLogStream !== undefined) {
          await new Promise<void>((done) => accessLogStream.end(done));
        }
      })();
      return stopping;
    },
  };
}

function portOf(address: string): number {
  const port = Number(new URL(address).port);
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`Azurite reported no usable port in "${address}".`);
  }
  return port;
}
