/**
 * Handing a file (an export, a police form, an own-data request) to the one person who asked for it.
 * Files never go to a channel: the bot answers in the 1:1 chat with a card whose button opens a link
 * with an unguessable, short-lived token. The adapter that keeps the file and serves the link lives
 * in storage/ and http/; use cases only see this port.
 */

/** A file ready to hand over; `fileName` is what the browser saves it as (no personal data in it). */
export interface OfferedFile {
  readonly fileName: string;
  /** e.g. 'text/csv; charset=utf-8', 'application/pdf', 'application/json' */
  readonly contentType: string;
  readonly content: Buffer;
  /** What kind of file, for logs and counts only (never a name or free text). */
  readonly kind: 'registration-csv' | 'police-form' | 'own-data' | 'figures-chart';
}

/** The link the requester gets, and until when it works. */
export interface FileOffer {
  readonly url: string;
  readonly expiresAt: Date;
}

export interface FileDelivery {
  /**
   * Stores the file for `requesterAadObjectId` (the Entra ID object id of the person who asked,
   * checked by the caller) and returns a link that works until `expiresAt`.
   */
  offer(file: OfferedFile, requesterAadObjectId: string): Promise<FileOffer>;
}
