import type { Response } from './restify';

/**
 * Sending a file that is meant for one person (an .ics with names and addresses, an export, a
 * police form): as an attachment under its own name, never cached, never sniffed as something else,
 * and without a referrer that would carry the link's token on to another site.
 */
export function sendAttachment(res: Response, file: { fileName: string; contentType: string; content: Buffer }): void {
  // sendRaw: our bytes as they are, and restify knows the response is sent.
  res.sendRaw(200, file.content, {
    'Content-Type': file.contentType,
    // ASCII file name plus the RFC 5987 form, so every browser saves it under that name.
    'Content-Disposition': `attachment; filename="${asciiFileName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'Content-Length': String(file.content.length),
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
}

/** A short Dutch text answer (an unknown link, a failure), not cached either. */
export function sendPlainText(res: Response, status: number, text: string): void {
  const body = Buffer.from(text, 'utf8');
  res.sendRaw(status, body, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(body.length),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
}

function asciiFileName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_');
}
