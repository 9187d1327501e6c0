import { randomUUID } from 'node:crypto';
import { OwnDataService } from '../../src/app/own-data.service';
import { startIntake } from '../../src/domain/intake';
import { TableCaseRepository } from '../../src/storage/case.repository';
import { TableConversationStore } from '../../src/storage/conversation.repository';
import { TableDraftRepository } from '../../src/storage/draft.repository';
import { TableProfileRepository } from '../../src/storage/profile.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString, testTablePrefix } from '../support/azurite-env';
import { InMemoryFileDelivery } from '../support/in-memory-file-delivery';
import { ManualClock } from '../support/manual-clock';
import { submitted } from '../support/registration-cases';

const ME = 'aad-office-holder-me';
const OTHER = 'aad-office-holder-other';

describe('own data ("mijn gegevens"): every planted value of the person, nothing of anyone else', () => {
  const tables = createTableClientFactory(testConnectionString(), testTablePrefix('owndata'));
  const clock = new ManualClock(new Date('2026-11-30T10:00:00Z'));
  const files = new InMemoryFileDelivery(clock);
  let service: OwnDataService;

  beforeAll(async () => {
    await tables.ensureTables(['Cases', 'Drafts', 'Profiles', 'ConversationRefs']);
    const cases = new TableCaseRepository(tables.client('Cases'));
    const drafts = new TableDraftRepository(tables.client('Drafts'));
    const profiles = new TableProfileRepository(tables.client('Profiles'));
    const conversations = new TableConversationStore(tables.client('ConversationRefs'));
    service = new OwnDataService({ sources: { cases, drafts, profiles, conversations }, files, clock });

    const plant = async (aadObjectId: string, marker: string, n: number) => {
      const c = submitted({ id: `case-${marker}`, caseNumber: `WB-2026-0000${n}`, registeredAt: new Date('2026-11-02T09:00:00Z'), report: { description: `Dreigbrief met ${marker}-wat`, perpetrator: { known: true, type: 'persoon', name: `${marker}-pleger` } } });
      await cases.create({ ...c, officeHolder: { ...c.officeHolder, aadObjectId, name: `${marker}-naam` } });
      const draft = startIntake({ id: randomUUID(), officeHolder: { aadObjectId, name: `${marker}-concept-naam` } }, clock.now());
      await drafts.save({ ...draft, answers: { ...draft.answers, what: { description: `${marker}-concept-tekst` } } });
      await profiles.save(aadObjectId, { role: n === 1 ? 'wethouder' : 'burgemeester', organisationId: n === 1 ? 'gemeente-zeist' : 'gemeente-houten' });
      await conversations.save(`user:${aadObjectId}`, { conversation: { id: `${marker}-conversation-id` }, serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    };
    await plant(ME, 'mijn', 1);
    await plant(OTHER, 'ander', 2);
  });

  it('hands the requester one JSON file with their report, draft, profile and conversation reference, and none of the other person', async () => {
    const { hasDraft, offer } = await service.exportFor(ME);
    expect(hasDraft).toBe(true);
    expect(files.offered).toHaveLength(1);
    const [delivered] = files.offered;
    expect(delivered!.requesterAadObjectId).toBe(ME);
    expect(delivered!.offer).toEqual(offer);
    expect(delivered!.file).toMatchObject({ kind: 'own-data', contentType: 'application/json; charset=utf-8', fileName: 'mijn-gegevens-2026-11-30.json' });
    const text = delivered!.file.content.toString('utf8');
    const data = JSON.parse(text) as Record<string, unknown>;
    for (const planted of ['mijn-naam', 'Dreigbrief met mijn-wat', 'mijn-pleger', 'WB-2026-00001', 'mijn-concept-naam', 'mijn-concept-tekst', 'gemeente-zeist', 'mijn-conversation-id']) {
      expect(text).toContain(planted);
    }
    expect(text).not.toMatch(/ander|WB-2026-00002|gemeente-houten|aad-office-holder-other/);
    expect(data).toMatchObject({ aadObjectId: ME, profile: { role: 'wethouder', organisationId: 'gemeente-zeist' } });
  });

  it('a person with nothing stored gets an empty export, not someone else\'s', async () => {
    const { hasDraft } = await service.exportFor('aad-nobody');
    expect(hasDraft).toBe(false);
    const data = JSON.parse(files.offered.at(-1)!.file.content.toString('utf8')) as Record<string, unknown>;
    expect(data).toMatchObject({ reports: [], draft: null, profile: null, conversationReferences: [] });
  });
});
