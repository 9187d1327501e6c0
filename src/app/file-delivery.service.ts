import { createHash } from 'node:crypto';
import type { Clock } from '../domain/clock';
import type { FileDelivery, FileOffer, OfferedFile } from './file-delivery-ports';
import type { Logger } from './logger';

/** How long a download link works unless configured otherwise (FILE_LINK_MINUTES). */
export const DEFAULT_FILE_LINK_MINUTES = 15;

/** A file kept for download: everything but its bytes. `key` is the SHA-256 of the link's token, never the token. */
export interface StoredDownload {
  readonly key: string;
  readonly requesterAadObjectId: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly kind: OfferedFile['kind'];
  readonly expiresAt: Date;
}

/** Where offered files wait for their download (storage/download.repository.ts: Blob + Table). */
export interface DownloadStore {
  put(download: StoredDownload, content: Buffer): Promise<void>;
  /** The file under this key with its bytes; undefined when unknown (or its bytes are gone). */
  get(key: string): Promise<(StoredDownload & { content: Buffer }) | undefined>;
  /** Files whose link expired at or before `now` (without their bytes). */
  listExpired(now: Date): Promise<StoredDownload[]>;
  /** Removes the bytes and the row; removing what is gone already is no error. */
  remove(key: string): Promise<void>;
}

/** The key a token is stored under: a storage read shows digests, never a working link. */
export function downloadKey(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Hands files to the one person who asked, through a short-lived link: the file is stored under the
 * SHA-256 of a random 256-bit token, the token goes only into the link in that person's 1:1 chat,
 * and the link stops working after `lifetimeMs` (the background job then deletes the file). Why
 * short: the link is the only key — anyone it reaches can open it — and the files hold figures or
 * case details; a quarter of an hour is enough to click it, and little time for it to travel.
 */
export class FileDeliveryService implements FileDelivery {
  constructor(
    private readonly deps: {
      store: DownloadStore;
      clock: Clock;
      /** An unguessable token (256 random bits, base64url). */
      newToken: () => string;
      /** The link for a token (PUBLIC_BASE_URL/download/<token>). */
      urlFor: (token: string) => string;
      lifetimeMs: number;
      logger: Logger;
    },
  ) {}

  async offer(file: OfferedFile, requesterAadObjectId: string): Promise<FileOffer> {
    const token = this.deps.newToken();
    const expiresAt = new Date(this.deps.clock.now().getTime() + this.deps.lifetimeMs);
    const stored: StoredDownload = { key: downloadKey(token), requesterAadObjectId, fileName: file.fileName, contentType: file.contentType, kind: file.kind, expiresAt };
    await this.deps.store.put(stored, file.content);
    // The kind only: never the token, the requester or the file name.
    this.deps.logger.info('file.offered', { code: file.kind });
    return { url: this.deps.urlFor(token), expiresAt };
  }

  /** The file behind a link's token while the link works; undefined for an unknown or expired one. */
  async open(token: string): Promise<OfferedFile | undefined> {
    const found = await this.deps.store.get(downloadKey(token));
    if (found === undefined || found.expiresAt.getTime() <= this.deps.clock.now().getTime()) return undefined;
    return { fileName: found.fileName, contentType: found.contentType, content: found.content, kind: found.kind };
  }

  /** Deletes the files whose link expired; returns how many. Safe to run in several instances at once. */
  async removeExpired(): Promise<number> {
    const expired = await this.deps.store.listExpired(this.deps.clock.now());
    for (const download of expired) await this.deps.store.remove(download.key);
    if (expired.length > 0) this.deps.logger.info('file.expired_removed', { count: expired.length });
    return expired.length;
  }
}
