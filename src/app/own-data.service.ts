import { OWN_DATA_EXPLANATION } from '../copy/own-data.copy';
import type { Case } from '../domain/case';
import type { Clock } from '../domain/clock';
import type { FileDelivery, FileOffer } from './file-delivery-ports';
import type { ConversationStore, DraftStore, ProfileStore } from './ports';

/** The stores an own-data request reads, each only by the requester's own Entra object id. */
export interface OwnDataSources {
  cases: { listByOfficeHolder(aadObjectId: string): Promise<Case[]> };
  drafts: Pick<DraftStore, 'get'>;
  profiles: Pick<ProfileStore, 'get'>;
  conversations: Pick<ConversationStore, 'get'>;
}

/** What the export file holds (AVG art. 15: inzage; art. 20: in a machine-readable form). */
export interface OwnDataExport {
  readonly exportedAt: string;
  readonly aadObjectId: string;
  readonly explanation: string;
  readonly reports: readonly Case[];
  readonly draft: unknown;
  readonly profile: unknown;
  readonly conversationReferences: readonly unknown[];
}

/**
 * "mijn gegevens": everything stored about the office holder who asks, as one JSON file handed over
 * through FileDelivery, and whether they have a draft they can delete. Only the caller's own object id
 * is ever used as a key, so nobody can ask for someone else's data.
 */
export class OwnDataService {
  constructor(private readonly deps: { sources: OwnDataSources; files: FileDelivery; clock: Clock }) {}

  /** Collects the caller's data; the file's name holds no personal data. */
  async collect(aadObjectId: string): Promise<OwnDataExport> {
    const { sources } = this.deps;
    const [reports, draft, profile, userReference] = await Promise.all([
      sources.cases.listByOfficeHolder(aadObjectId),
      sources.drafts.get(aadObjectId, { fresh: true }),
      sources.profiles.get(aadObjectId),
      sources.conversations.get(`user:${aadObjectId}`),
    ]);
    return {
      exportedAt: this.deps.clock.now().toISOString(),
      aadObjectId,
      explanation: OWN_DATA_EXPLANATION,
      reports,
      draft: draft ? { draft: draft.draft, ...(draft.submittedCase ? { submittedCase: draft.submittedCase } : {}) } : null,
      profile: profile ?? null,
      conversationReferences: userReference ? [userReference] : [],
    };
  }

  /** The export as a file for the caller, and whether they have a draft (to offer "Verwijderen"). */
  async exportFor(aadObjectId: string): Promise<{ offer: FileOffer; hasDraft: boolean }> {
    const data = await this.collect(aadObjectId);
    const day = data.exportedAt.slice(0, 10);
    const offer = await this.deps.files.offer(
      { fileName: `mijn-gegevens-${day}.json`, contentType: 'application/json; charset=utf-8', content: Buffer.from(JSON.stringify(data, null, 2), 'utf8'), kind: 'own-data' },
      aadObjectId,
    );
    return { offer, hasDraft: data.draft !== null };
  }
}
