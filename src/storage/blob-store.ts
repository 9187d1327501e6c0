import { createHash } from 'node:crypto';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { AlreadyExistsError, IntegrityError, InvalidKeyError, statusCodeOf } from './errors';

// Caller-chosen ids only (e.g. `<caseId>/<attachmentId>`): a reporter's file name never becomes
// part of a blob name, so it cannot leak into URLs or logs or escape the container layout.
const BLOB_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,127}){0,4}$/;
const CONTAINER_NAME = /^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/;
const SHA256_METADATA = 'sha256';

/** What was stored. */
export interface StoredBlob {
  blobName: string;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
  sizeBytes: number;
}

/** A blob read back, checked against the SHA-256 recorded at write time. */
export interface FetchedBlob extends StoredBlob {
  bytes: Buffer;
  contentType: string;
}

/** Write-once store for files in one blob container: evidence (screenshots, documents), files offered for download. */
export class EvidenceBlobStore {
  private readonly container: ContainerClient;
  private containerReady: Promise<unknown> | undefined;

  constructor(connectionString: string, containerName: string) {
    const where = { container: containerName };
    if (!CONTAINER_NAME.test(containerName)) throw new InvalidKeyError(where, 'invalid container name');
    this.container = BlobServiceClient.fromConnectionString(connectionString).getContainerClient(containerName);
  }

  /** Stores bytes under a caller-provided id; refuses to overwrite (evidence is never replaced). */
  async put(name: string, bytes: Uint8Array, contentType: string): Promise<StoredBlob> {
    this.checkName(name);
    await this.ensureContainer();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    try {
      await this.container.getBlockBlobClient(name).uploadData(bytes, {
        blobHTTPHeaders: { blobContentType: contentType },
        metadata: { [SHA256_METADATA]: sha256 },
        conditions: { ifNoneMatch: '*' },
      });
    } catch (err) {
      const status = statusCodeOf(err);
      if (status === 409 || status === 412) {
        throw new AlreadyExistsError(this.where(name), { cause: err });
      }
      throw err;
    }
    return { blobName: name, sha256, sizeBytes: bytes.byteLength };
  }

  /** Reads a blob; undefined if absent. Throws IntegrityError if the bytes no longer match. */
  async get(name: string): Promise<FetchedBlob | undefined> {
    this.checkName(name);
    const blob = this.container.getBlockBlobClient(name);
    let bytes: Buffer;
    let contentType: string;
    let recorded: string | undefined;
    try {
      // One request: body, content type and metadata come from the same version of the blob.
      const response = await blob.download(0);
      bytes = await readAll(response.readableStreamBody);
      contentType = response.contentType ?? 'application/octet-stream';
      recorded = response.metadata?.[SHA256_METADATA];
    } catch (err) {
      if (statusCodeOf(err) === 404) return undefined;
      throw err;
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (recorded !== undefined && recorded !== sha256) throw new IntegrityError(this.where(name));
    return { blobName: name, sha256, sizeBytes: bytes.byteLength, bytes, contentType };
  }

  /** Deletes a blob (retention); false when it was not there (deleted before, or never stored). */
  async delete(name: string): Promise<boolean> {
    this.checkName(name);
    try {
      const response = await this.container.getBlockBlobClient(name).deleteIfExists({ deleteSnapshots: 'include' });
      return response.succeeded;
    } catch (err) {
      // No container yet: nothing was ever stored.
      if (statusCodeOf(err) === 404) return false;
      throw err;
    }
  }

  private ensureContainer(): Promise<unknown> {
    // Once per instance; on failure, forget it so the next put tries again.
    this.containerReady ??= this.container.createIfNotExists().catch((err: unknown) => {
      this.containerReady = undefined;
      throw err;
    });
    return this.containerReady;
  }

  private checkName(name: string): void {
    if (!BLOB_NAME.test(name)) {
      // The rejected name is left out of the error: it may be a reporter's file name.
      throw new InvalidKeyError(
        { container: this.container.containerName },
        'blob name must be built from ids (letters, digits, . _ -, up to 5 segments)',
      );
    }
  }

  private where(name: string): { container: string; blobName: string } {
    return { container: this.container.containerName, blobName: name };
  }
}

async function readAll(stream: NodeJS.ReadableStream | undefined): Promise<Buffer> {
  if (stream === undefined) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
