import { readFileSync } from 'node:fs';
import type { TracedRequest } from './bot-probe';

/** A stretch of the benchmark in which the bot handled `actions` requests of one kind. */
export interface Phase {
  what: string;
  start: number;
  end: number;
  actions: number;
}

/**
 * The bot's outgoing requests (from bot-probe.ts) per action of each phase, by what they were:
 * a Table Storage operation per table, or a Bot Connector call. Shows where a card action waits.
 */
export function summariseRequests(traceFile: string, phases: readonly Phase[], connectorPort: number): string {
  const trace = JSON.parse(readFileSync(traceFile, 'utf8')) as TracedRequest[];
  const lines: string[] = [];
  for (const phase of phases) {
    const inPhase = trace.filter((r) => r.start >= phase.start && r.start < phase.end);
    const byLabel = new Map<string, { count: number; ms: number }>();
    for (const request of inPhase) {
      const label = labelOf(request, connectorPort);
      const entry = byLabel.get(label) ?? { count: 0, ms: 0 };
      entry.count += 1;
      entry.ms += request.end - request.start;
      byLabel.set(label, entry);
    }
    const totalMs = inPhase.reduce((sum, r) => sum + (r.end - r.start), 0);
    lines.push(`${phase.what}: ${(inPhase.length / phase.actions).toFixed(1)} requests per action, ${(totalMs / phase.actions).toFixed(1)} ms of request time per action`);
    for (const [label, { count, ms }] of [...byLabel.entries()].sort((a, b) => b[1].ms - a[1].ms)) {
      lines.push(`    ${(count / phase.actions).toFixed(2).padStart(6)} × ${(ms / count).toFixed(1).padStart(5)} ms  ${label}`);
    }
  }
  return lines.join('\n');
}

/** "Cases read", "Reminders query", "connector send activity", … */
export function labelOf(request: Pick<TracedRequest, 'method' | 'port' | 'path'>, connectorPort: number): string {
  const path = decodeURIComponent(request.path);
  if (request.port === connectorPort) {
    if (/^\/v3\/conversations\/?$/.test(path)) return 'connector create conversation';
    if (/\/activities\/[^/]+$/.test(path) && request.method === 'PUT') return 'connector update activity';
    if (/\/activities/.test(path)) return 'connector send activity';
    return `connector ${request.method} ${path.split('?')[0]}`;
  }
  if (/^\/[^/]+\/\$batch/.test(path)) return 'table batch';
  const table = /^\/[^/]+\/bench([A-Za-z0-9]+)(.*)$/.exec(path);
  if (!table) return `other ${request.method}`;
  const [, name, rest] = table;
  const operation =
    request.method === 'GET' ? (rest.startsWith('(PartitionKey') ? 'read' : 'query')
    : request.method === 'POST' ? 'insert'
    : request.method === 'DELETE' ? 'delete'
    : 'write';
  return `${name} ${operation}`;
}
