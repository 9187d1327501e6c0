import type { EvidenceFile } from '../domain/report';
import type { EvidenceStore } from './ports';

/** Largest evidence file accepted from the chat (a voicemail or a phone video fits). */
export const MAX_EVIDENCE_BYTES = 25 * 1024 * 1024;

/** A file as it arrived in the chat, before it is stored. */
export interface IncomingFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Copies evidence into blob storage under ids we choose (never the user's file name) and records
 * its SHA-256, so the handler can later show the file is unchanged.
 */
export class EvidenceService {
  constructor(
    private readonly blobs: EvidenceStore,
    private readonly newId: () => string,
  ) {}

  async store(draftId: string, files: IncomingFile[]): Promise<EvidenceFile[]> {
    const stored: EvidenceFile[] = [];
    for (const file of files) {
      const blob = await this.blobs.put(`${draftId}/${this.newId()}`, file.bytes, file.contentType);
      stored.push({
        fileName: cleanFileName(file.fileName),
        contentType: file.contentType,
        sizeBytes: blob.sizeBytes,
        sha256: blob.sha256,
        blobName: blob.blobName,
      });
    }
    return stored;
  }
}

/** File names are user input: keep them readable but short and free of control characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.normalize('NFC').replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').replace(/[\\/]/g, '_').trim();
  return (cleaned || 'bestand').slice(0, 200);
}
