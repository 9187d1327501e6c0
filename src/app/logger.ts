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
  /** Ties the lines of one request together: the activity id (an opaque id, never user text). */
  correlationId?: string;
  /** Stack frames of an error without its message, which may quote user input (see errorFields). */
  stack?: string;
}

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** `text`: one readable line per event for a person at a terminal; `json`: one JSON object per line for a log collector. */
export type LogFormat = 'text' | 'json';

type Level = 'info' | 'warn' | 'error';

/** Where lines go; console by default (info to stdout, warn and error to stderr). */
export interface LogSink {
  info(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** A logger writing one line per event in the given format. */
export function createLogger(format: LogFormat, sink: LogSink = console, now: () => Date = () => new Date()): Logger {
  const write = (level: Level) => (event: string, fields: LogFields = {}) => {
    sink[level](format === 'json' ? jsonLine(level, event, fields, now()) : textLine(level, event, fields, now()));
  };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** For tests and tools that want silence. */
export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

const MAX_FRAMES = 12;

/**
 * What may be logged about an error: its name and where it happened. The message is left out on
 * purpose: SDK and runtime errors quote input ("Unexpected token … in JSON", a value that failed).
 */
export function errorFields(error: unknown): { code: string; stack?: string } {
  if (!(error instanceof Error)) return { code: typeof error };
  const root = `${process.cwd()}/`;
  const frames = (error.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, MAX_FRAMES)
    .map((line) => line.split(root).join(''));
  return frames.length > 0 ? { code: error.name, stack: frames.join(' | ') } : { code: error.name };
}

function jsonLine(level: Level, event: string, fields: LogFields, time: Date): string {
  return JSON.stringify({ time: time.toISOString(), level, event, ...fields });
}

function textLine(level: Level, event: string, fields: LogFields, time: Date): string {
  const clock = time.toISOString().slice(11, 19);
  const pairs = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'string' && /^[\w.:/@-]+$/.test(value) ? value : JSON.stringify(value)}`);
  return [clock, level.toUpperCase().padEnd(5), event, ...pairs].join(' ');
}
