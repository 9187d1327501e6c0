import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';
import { statusCodeOf } from './errors';

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9]{2,62}$/;
const ALPHANUMERIC = /^[A-Za-z0-9]*$/;
const DEV_STORAGE_TABLE_ENDPOINT = 'http://127.0.0.1:10002/devstoreaccount1';

/** Hands out TableClients for one storage account, all table names prefixed the same way. */
export interface TableClientFactory {
  /** The physical table name for a logical one, e.g. 'Cases' → 'wbCases'. */
  tableName(logicalName: string): string;
  /** A client for the table with this logical name (the table itself may not exist yet). */
  client(logicalName: string): TableClient;
  /** Creates the tables if missing; existing tables are left as they are. */
  ensureTables(logicalNames: readonly string[]): Promise<void>;
}

/** Result of the storage probe behind GET /healthz. */
export interface StorageHealth {
  ok: boolean;
  /** Short technical reason; no secrets, no personal data. */
  detail: string;
}

/** Creates a factory for tables named `prefix + logicalName` (prefix alphanumeric, may be empty). */
export function createTableClientFactory(connectionString: string, prefix: string): TableClientFactory {
  if (!ALPHANUMERIC.test(prefix)) {
    throw new Error(`Table prefix must be alphanumeric, got "${prefix}".`);
  }
  const options = clientOptions(connectionString);
  const tableName = (logicalName: string): string => {
    const name = `${prefix}${logicalName}`;
    if (!TABLE_NAME.test(name)) {
      throw new Error(`"${name}" is not a valid table name (a letter, then 2-62 letters or digits).`);
    }
    return name;
  };
  const client = (logicalName: string): TableClient =>
    TableClient.fromConnectionString(connectionString, tableName(logicalName), options);

  return {
    tableName,
    client,
    ensureTables: async (logicalNames) => {
      for (const logicalName of logicalNames) {
        try {
          await client(logicalName).createTable();
        } catch (err) {
          // The SDK swallows "TableAlreadyExists"; a 409 for a table being deleted is not fine, but a
          // plain 409 from a concurrent creator is.
          if (statusCodeOf(err) !== 409 || tableBeingDeleted(err)) throw err;
        }
      }
    },
  };
}

/** Probes the table service cheaply (list at most one table) within `timeoutMs`. */
export async function checkStorageHealth(
  connectionString: string,
  options: { timeoutMs?: number } = {},
): Promise<StorageHealth> {
  const timeoutMs = options.timeoutMs ?? 2000;
  try {
    const service = TableServiceClient.fromConnectionString(connectionString, {
      ...clientOptions(connectionString),
      // A health probe answers now; the SDK's default retries would outlast the caller's timeout.
      retryOptions: { maxRetries: 0 },
    });
    const started = Date.now();
    await service
      .listTables({ abortSignal: AbortSignal.timeout(timeoutMs) })
      .byPage({ maxPageSize: 1 })
      .next();
    return { ok: true, detail: `table service answered in ${Date.now() - started} ms` };
  } catch (err) {
    return { ok: false, detail: healthFailure(err, timeoutMs) };
  }
}

/** True for plain-http endpoints on this machine, the only ones allowed without TLS. */
export function isLocalHttpEndpoint(endpoint: string): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/** The table endpoint a connection string points at (as the SDK resolves it). */
export function tableEndpointOf(connectionString: string): string {
  const parts = parseConnectionString(connectionString);
  if (parts.get('usedevelopmentstorage')?.toLowerCase() === 'true') return DEV_STORAGE_TABLE_ENDPOINT;
  const explicit = parts.get('tableendpoint');
  if (explicit) return explicit;
  const protocol = parts.get('defaultendpointsprotocol') ?? 'https';
  const account = parts.get('accountname') ?? '';
  const suffix = parts.get('endpointsuffix') ?? 'core.windows.net';
  return `${protocol}://${account}.table.${suffix}`;
}

function clientOptions(connectionString: string): TableServiceClientOptions {
  return { allowInsecureConnection: isLocalHttpEndpoint(tableEndpointOf(connectionString)) };
}

function parseConnectionString(connectionString: string): Map<string, string> {
  const parts = new Map<string, string>();
  for (const segment of connectionString.split(';')) {
    const eq = segment.indexOf('=');
    if (eq <= 0) continue;
    parts.set(segment.slice(0, eq).trim().toLowerCase(), segment.slice(eq + 1).trim());
  }
  return parts;
}

function tableBeingDeleted(err: unknown): boolean {
  return odataCode(err) === 'TableBeingDeleted';
}

function odataCode(err: unknown): string | undefined {
  const details = (err as { details?: { odataError?: { code?: unknown } } } | undefined)?.details;
  const code = details?.odataError?.code;
  return typeof code === 'string' ? code : undefined;
}

function healthFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError')) {
    return `table service did not answer within ${timeoutMs} ms`;
  }
  const status = statusCodeOf(err);
  if (status !== undefined) return `table service answered HTTP ${status}${codeSuffix(err)}`;
  const code = (err as { code?: unknown } | undefined)?.code;
  return `table service unreachable${typeof code === 'string' ? ` (${code})` : ''}`;
}

function codeSuffix(err: unknown): string {
  const code = odataCode(err);
  return code === undefined ? '' : ` (${code})`;
}
