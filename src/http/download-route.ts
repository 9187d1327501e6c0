import type { OfferedFile } from '../app/file-delivery-ports';
import type { Logger } from '../app/logger';
import { sendAttachment, sendPlainText } from './file-response';
import type { Response } from './restify';

/**
 * GET /download/:token — a file offered to one person in their 1:1 chat (an export, a police form,
 * their own data). The token is the only key, so it never appears in a log line; an unknown and an
 * expired link get the same neutral answer.
 */
export interface DownloadSource {
  /** The file while the link works; undefined for an unknown or expired token. */
  open(token: string): Promise<OfferedFile | undefined>;
}

/** What the path segment may look like before we look it up at all (base64url, 256 bits is 43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

export const DOWNLOAD_GONE = 'Deze downloadlink werkt niet (meer). Vraag het bestand opnieuw op in je chat met de bot.';

export async function serveDownload(res: Response, token: string, source: DownloadSource, logger: Logger): Promise<void> {
  const file = TOKEN.test(token)
    ? await source.open(token).catch((error: unknown) => {
        logger.error('download.failed', { code: (error as Error)?.name ?? 'unknown' });
        return null;
      })
    : undefined;
  if (file === null) {
    sendPlainText(res, 500, 'Het bestand kon nu niet worden opgehaald. Probeer het over een moment opnieuw.');
    return;
  }
  if (file === undefined) {
    logger.info('download.not_found');
    sendPlainText(res, 404, DOWNLOAD_GONE);
    return;
  }
  sendAttachment(res, file);
  logger.info('download.served', { code: file.kind });
}
