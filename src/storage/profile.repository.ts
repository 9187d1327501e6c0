import type { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { OFFICE_HOLDER_ROLES } from '../domain/roles';
import type { KnownOffice, ProfileStore } from '../app/ports';
import { DocumentTable } from './document-table';

const profileSchema = z.object({ role: z.enum(OFFICE_HOLDER_ROLES), organisationId: z.string().min(1).max(100) });
const PARTITION = 'office';

/** The office each user gave in an intake, so it is asked only once (changeable in the next intake). */
export class TableProfileRepository implements ProfileStore {
  private readonly table: DocumentTable<KnownOffice>;

  constructor(client: TableClient) {
    this.table = new DocumentTable(client, profileSchema);
  }

  async get(aadObjectId: string): Promise<KnownOffice | undefined> {
    return (await this.table.get(PARTITION, aadObjectId))?.value;
  }

  async save(aadObjectId: string, office: KnownOffice): Promise<void> {
    const existing = await this.table.get(PARTITION, aadObjectId);
    if (!existing) {
      await this.table.create(PARTITION, aadObjectId, office).catch(async () => {
        await this.table.update(PARTITION, aadObjectId, () => office);
      });
      return;
    }
    await this.table.update(PARTITION, aadObjectId, () => office);
  }
}
