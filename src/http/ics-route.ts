import type { Logger } from '../app/logger';
import type { Response } from './restify';

/**
 * GET /ics/:token — the .ics file of a meeting planned while calendar integration is off. The
 * token is random and unguessable (the link is the only key), so it never appears in a log line;
 * neither does anything from the file (names, addresses, places).
 */

/** An .ics file ready to serve. */
export interface IcsDownload {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: string;
}

/** Where the route finds the file for a token; undefined for an unknown token. */
export interface IcsFileSource {
  fileFor(token: string): Promise<IcsDownload | undefined>;
}

/** What the path segment may look like before we look it up at all. */
const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

/** Serves GET /ics/:token (the router matched the path and decoded the token). */
export async function serveIcsFile(res: Response, token: string, source: IcsFileSource, logger: Logger): Promise<void> {
  const file = TOKEN.test(token) ? await source.fileFor(token).catch((error: unknown) => {
    logger.error('ics.failed', { code: (error as Error)?.name ?? 'unknown' });
    return null;
  }) : undefined;
  if (file === null) {
    sendText(res, 500, 'Het agendabestand kon niet worden gemaakt. Probeer het later opnieuw.');
    return;
  }
  if (file === undefined) {
    logger.info('ics.not_found');
    sendText(res, 404, 'Dit agendabestand bestaat niet (meer).');
    return;
  }
  const body = Buffer.from(file.content, 'utf8');
  // sendRaw: our bytes as they are, and restify knows the response is sent.
  res.sendRaw(200, body, {
    'Content-Type': file.contentType,
    // ASCII file name (case number only) plus the RFC 5987 form, so every browser saves it under that name.
    'Content-Disposition': `attachment; filename="${asciiFileName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Content-Length': String(body.length),
    // The file holds names and addresses: no shared caches, no content sniffing, no referrer with the token.
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  logger.info('ics.served');
}

function sendText(res: Response, status: number, text: string): void {
  const body = Buffer.from(text, 'utf8');
  res.sendRaw(status, body, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'no-store' });
}

function asciiFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}
