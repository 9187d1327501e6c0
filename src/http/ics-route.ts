import type { Logger } from '../app/logger';
import { sendAttachment, sendPlainText } from './file-response';
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
    sendPlainText(res, 500, 'Het agendabestand kon niet worden gemaakt. Probeer het later opnieuw.');
    return;
  }
  if (file === undefined) {
    logger.info('ics.not_found');
    sendPlainText(res, 404, 'Dit agendabestand bestaat niet (meer).');
    return;
  }
  sendAttachment(res, { fileName: file.fileName, contentType: file.contentType, content: Buffer.from(file.content, 'utf8') });
  logger.info('ics.served');
}
