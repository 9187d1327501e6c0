import type { FileDelivery, FileOffer, OfferedFile } from '../../src/app/file-delivery-ports';
import type { Clock } from '../../src/domain/clock';

/** Our own FileDelivery port kept in memory: tests read what was offered, to whom. */
export class InMemoryFileDelivery implements FileDelivery {
  readonly offered: { file: OfferedFile; requesterAadObjectId: string; offer: FileOffer }[] = [];

  constructor(private readonly clock: Clock) {}

  async offer(file: OfferedFile, requesterAadObjectId: string): Promise<FileOffer> {
    const offer = { url: `http://127.0.0.1/download/test-${this.offered.length + 1}`, expiresAt: new Date(this.clock.now().getTime() + 15 * 60_000) };
    this.offered.push({ file, requesterAadObjectId, offer });
    return offer;
  }
}
