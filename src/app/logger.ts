/**
 * Structured logging that cannot carry personal data by accident: only an event name and a
 * small set of typed, non-personal fields (ids, codes, counts, durations).
 */
export interface LogFields {
  caseId?: string;
  caseNumber?: string;
  code?: string;
  status?: number;
  count?: number;
  durationMs?: number;
  port?: number;
  detail?: string;
}

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** JSON lines on stdout/stderr. */
export const consoleLogger: Logger = {
  info: (event, fields) => console.info(JSON.stringify({ level: 'info', event, ...fields })),
  warn: (event, fields) => console.warn(JSON.stringify({ level: 'warn', event, ...fields })),
  error: (event, fields) => console.error(JSON.stringify({ level: 'error', event, ...fields })),
};

/** For tests and tools that want silence. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
