import { randomUUID } from 'crypto';
import type { TableClient } from '@azure/data-tables';
import { TableCaseHistoryRepository } from '../../src/storage/case-history.repository';
import { TableCaseRepository } from '../../src/storage/case.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import type { OfficeHolderRole } from '../../src/domain/roles';
import { testConnectionString } from '../support/azurite-env';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardText } from '../support/chat-driver';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';
import type { ConnectorCall } from '../support/connector-stand-in';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const guid = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const person = (n: number, name: string) => ({ id: `user-${n}`, name, aadObjectId: guid(n) });

const PEOPLE = {
  provinciesecretaris: person(101, 'Provinciesecretaris'),
  statengriffier: person(102, 'Statengriffier'),
  cdk: person(111, 'Commissaris'),
  gemeentesecretaris: person(201, 'Gemeentesecretaris'),
  griffier: person(202, 'Griffier'),
  burgemeester: person(211, 'Burgemeester'),
  secretarisDirecteur: person(301, 'Secretaris-directeur'),
  secretarisAb: person(302, 'Secretaris AB'),
  dijkgraaf: person(311, 'Dijkgraaf'),
};

const DESK_CHANNELS: Record<string, CardLocation & { kind: 'channel' }> = {
  provinciesecretaris: { kind: 'channel', teamId: '19:provincie@thread.tacv2', channelId: '19:provinciesecretaris@thread.tacv2' },
  statengriffier: { kind: 'channel', teamId: '19:provincie@thread.tacv2', channelId: '19:statengriffie@thread.tacv2' },
  gemeentesecretaris: { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' },
  griffier: { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:griffie@thread.tacv2' },
  secretarisDirecteur: { kind: 'channel', teamId: '19:hdsr@thread.tacv2', channelId: '19:secretaris-directeur@thread.tacv2' },
  secretaris: { kind: 'channel', teamId: '19:hdsr@thread.tacv2', channelId: '19:secretaris-ab@thread.tacv2' },
};

const DESCRIPTION = 'Een man schreeuwde dat hij me na de vergadering zou opwachten en kwam dreigend op me af.';

function adaptiveCardsIn(call: ConnectorCall): Record<string, unknown>[] {
  const attachments = (call.body.attachments ?? []) as { contentType: string; content: Record<string, unknown> }[];
  return attachments.filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content);
}

describe('case handling: routing, the case card and its actions', () => {
  let harness: BotUnderTest;
  let cases: TableCaseRepository;
  let casesClient: TableClient;

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY });
    casesClient = createTableClientFactory(testConnectionString(), harness.tablePrefix).client('Cases');
    cases = new TableCaseRepository(casesClient);
  });
  afterAll(() => harness.stop());

  async function report(role: OfficeHolderRole, organisationId: string, answers: Record<string, string> = {}) {
    const reporter = stranger(role);
    const chat = new Chat(harness, reporter);
    const before = harness.connector.calls.length;
    const { caseNumber, draftId } = await submitFromSummary(chat, await walkToSummary(chat, { role, organisationId }, answers));
    // The desk card, the notices and the progress card follow the reporter's answer through the outbox.
    await harness.settle();
    return { reporter, chat, caseNumber, caseId: draftId, calls: harness.connector.calls.slice(before) };
  }

  const act = (who: { id: string; name: string; aadObjectId: string }, verb: string, data: Record<string, unknown>, where: CardLocation) =>
    executeAction(harness.baseUrl, harness.connector.url, who, verb, data, where);

  const ROUTES: [OfficeHolderRole, string, keyof typeof DESK_CHANNELS, (typeof PEOPLE)[keyof typeof PEOPLE][]][] = [
    ['commissarisVanDeKoning', 'provincie-utrecht', 'provinciesecretaris', [PEOPLE.statengriffier]],
    ['gedeputeerde', 'provincie-utrecht', 'provinciesecretaris', [PEOPLE.cdk]],
    ['statenlid', 'provincie-utrecht', 'statengriffier', [PEOPLE.cdk]],
    ['burgemeester', 'gemeente-utrecht', 'gemeentesecretaris', [PEOPLE.cdk, PEOPLE.griffier]],
    ['wethouder', 'gemeente-utrecht', 'gemeentesecretaris', [PEOPLE.burgemeester]],
    ['gemeenteraadslid', 'gemeente-utrecht', 'griffier', [PEOPLE.burgemeester]],
    ['dijkgraaf', 'hdsr', 'secretarisDirecteur', [PEOPLE.secretarisAb, PEOPLE.cdk]],
    ['dagelijksBestuurslid', 'hdsr', 'secretarisDirecteur', [PEOPLE.dijkgraaf]],
    ['algemeenBestuurslid', 'hdsr', 'secretaris', [PEOPLE.dijkgraaf]],
  ];

  it.each(ROUTES)('a %s of %s lands in the %s channel and informs the right people, without details', async (role, organisationId, desk, informed) => {
    const { caseNumber, calls } = await report(role, organisationId);
    const channelPosts = calls.filter((c) => c.method === 'POST' && c.path.startsWith('/v3/conversations/19:') && c.path.endsWith('/activities'));
    expect(channelPosts.map((c) => c.path)).toEqual([`/v3/conversations/${DESK_CHANNELS[desk].channelId}/activities`]);
    expect(cardText(adaptiveCardsIn(channelPosts[0])[0])).toContain(caseNumber);
    // The post everyone in the channel sees holds no perpetrator or incident details.
    expect(JSON.stringify(channelPosts[0].body)).not.toContain('rode jas');
    expect(JSON.stringify(channelPosts[0].body)).not.toContain(DESCRIPTION);

    // 1:1 conversations the bot created, by person (over the whole run: a person is created once).
    const personOf = new Map(
      harness.connector.calls
        .filter((c) => c.method === 'POST' && /^\/v3\/conversations\/?$/.test(c.path))
        .map((c) => [c.response!.id, ((c.body.members as { id: string }[]) ?? [])[0]?.id]),
    );
    const notices = calls.filter((c) => /\/v3\/conversations\/conversation-\d+\/activities/.test(c.path));
    const noticed = notices.map((c) => personOf.get(c.path.split('/')[3]));
    expect(noticed.sort()).toEqual(informed.map((p) => p.aadObjectId).sort());
    for (const notice of notices) {
      const body = JSON.stringify(notice.body);
      expect(body).toContain(caseNumber);
      expect(body).not.toContain('rode jas');
      expect(body).not.toContain(DESCRIPTION);
      expect(body).not.toMatch(/letsel/i);
    }
  });

  it('a CdK report gives the handler a task to inform the Minister of BZK, not a message', async () => {
    const { caseId } = await report('commissarisVanDeKoning', 'provincie-utrecht');
    const answer = await act(PEOPLE.provinciesecretaris, 'case.refresh', { caseId }, DESK_CHANNELS.provinciesecretaris);
    expect(cardText(answer.body.value)).toMatch(/Minister/);
    expect(JSON.stringify(answer.body.value)).toContain('case.completeTask');
  });

  it('a second report about the same perpetrator suggests the earlier case to the handler (recidive; confirming it: test/http/recidive.test.ts)', async () => {
    const perpetrator = { perpetrator: 'man met een groene jas, reed weg in een auto met kenteken 77-XYZ-7' };
    const first = await report('wethouder', 'gemeente-utrecht', perpetrator);
    const second = await report('gemeenteraadslid', 'gemeente-utrecht', perpetrator);
    const earlier = await act(PEOPLE.griffier, 'case.refresh', { caseId: second.caseId }, DESK_CHANNELS.griffier);
    expect(cardText(earlier.body.value)).toContain(`Mogelijk dezelfde pleger als in zaak ${first.caseNumber}`);
    // A match on the plate is a suggestion until a handler confirms it: no count yet.
    expect(cardText(earlier.body.value)).toMatch(/Geen bevestigde eerdere zaken met deze pleger/);
    const firstCard = await act(PEOPLE.gemeentesecretaris, 'case.refresh', { caseId: first.caseId }, DESK_CHANNELS.gemeentesecretaris);
    expect(cardText(firstCard.body.value)).toMatch(/Geen bevestigde eerdere zaken met deze pleger/);
  });

  describe('a wethouder\'s case from report to closure', () => {
    let caseId: string;
    let reporter: { id: string; name: string; aadObjectId: string };
    const desk = DESK_CHANNELS.gemeentesecretaris;
    const handler = PEOPLE.gemeentesecretaris;
    let personal: CardLocation;

    beforeAll(async () => {
      const r = await report('wethouder', 'gemeente-utrecht');
      caseId = r.caseId;
      reporter = r.reporter;
      personal = { kind: 'personal', conversationId: `a:personal-${reporter.id}` };
    });

    it('the office holder gets a progress card in the chat', async () => {
      const progress = harness.connector.calls.filter((c) => c.path === `/v3/conversations/a:personal-${reporter.id}/activities`);
      expect(progress.some((c) => cardText(adaptiveCardsIn(c)[0] ?? {}).match(/Gemeld|ontvangen|voortgang/i))).toBe(true);
    });

    it('the handler opens the card and sees the full case; a colleague of another desk sees only the status', async () => {
      const full = await act(handler, 'case.refresh', { caseId }, desk);
      expect(full.status).toBe(200);
      expect(full.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
      expect(cardText(full.body.value)).toContain('rode jas');
      const other = await act(PEOPLE.griffier, 'case.refresh', { caseId }, desk);
      expect(cardText(other.body.value)).not.toContain('rode jas');
      expect(cardText(other.body.value)).toMatch(/geen afhandelaar/);
    });

    it('refuses every action from someone who is not a handler of this desk, and changes nothing', async () => {
      for (const outsider of [PEOPLE.griffier, PEOPLE.provinciesecretaris, PEOPLE.burgemeester, person(999, 'Onbekende')]) {
        const answer = await act(outsider, 'case.take', { caseId }, desk);
        expect(answer.status).toBe(200);
        expect(cardText(answer.body.value)).toMatch(/Alleen de afhandelaars/);
      }
      const office = await act(reporter, 'case.take', { caseId }, personal);
      expect(cardText(office.body.value)).toMatch(/Alleen de afhandelaars/);
      expect((await cases.get(caseId))!.case.status).toBe('submitted');
    });

    it('answers a forged case id, an invalid payload and an unknown verb with a Dutch error card', async () => {
      const forged = await act(handler, 'case.take', { caseId: randomUUID() }, desk);
      expect(cardText(forged.body.value)).toMatch(/bestaat niet/);
      const garbage = await act(handler, 'case.take', { caseId: '../../etc' }, desk);
      expect(cardText(garbage.body.value)).toMatch(/bestaat niet/);
      const unknown = await act(handler, 'case.delete', { caseId }, desk);
      expect(cardText(unknown.body.value)).toMatch(/niet meer ondersteund/);
      expect(unknown.body.statusCode).toBe(200);
    });

    it('the handler takes the case; a second press on the stale card is refused politely', async () => {
      const taken = await act(handler, 'case.take', { caseId }, desk);
      expect(cardText(taken.body.value)).toMatch(/In behandeling/);
      const again = await act(handler, 'case.take', { caseId }, desk);
      expect(again.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardText(again.body.value)).toMatch(/In behandeling/);
      const stored = (await cases.get(caseId))!.case;
      expect(stored.status).toBe('inProgress');
      expect(stored.handler?.aadObjectId).toBe(handler.aadObjectId);
      expect(stored.statusHistory.filter((s) => s.status === 'inProgress')).toHaveLength(1);
    });

    it('the office holder is told, once, by name and role, who took the case; the progress card names them too', async () => {
      await harness.settle();
      const toReporter = harness.connector.calls.filter((c) => c.method === 'POST' && c.path === `/v3/conversations/a:personal-${reporter.id}/activities`);
      const told = toReporter.filter((c) => /in behandeling genomen/.test(String(c.body.text ?? '')));
      expect(told).toHaveLength(1);
      expect(String(told[0].body.text)).toMatch(/^Peter Jansen, gemeentesecretaris van Utrecht, heeft je melding WB-\d{4}-\d{5} in behandeling genomen\./);
      const progress = await act(reporter, 'case.refresh', { caseId }, personal);
      expect(cardText(progress.body.value)).toContain('Peter Jansen, gemeentesecretaris van Utrecht');
      expect(cardText(progress.body.value)).not.toContain('Je krijgt bericht zodra dat gebeurt');
    });

    it('an invalid measures payload is refused with a clear message', async () => {
      const answer = await act(handler, 'case.proposeMeasures', { caseId, measures: 'launchMissiles' }, desk);
      expect(cardText(answer.body.value)).toMatch(/Kies minstens één maatregel|niet verwerken/);
      expect((await cases.get(caseId))!.case.status).toBe('inProgress');
    });

    it('the handler proposes measures; the office holder receives the proposal in the 1:1 chat', async () => {
      const before = harness.connector.calls.length;
      const proposed = await act(handler, 'case.proposeMeasures', { caseId, measures: 'combinedMeeting,aftercare', measureDescription: 'Gesprek met de pleger over zijn gedrag.' }, desk);
      expect(cardText(proposed.body.value)).toMatch(/Maatregelen voorgesteld/);
      await harness.settle();
      const toReporter = harness.connector.calls.slice(before).filter((c) => c.path === `/v3/conversations/a:personal-${reporter.id}/activities`);
      const proposal = toReporter.map((c) => adaptiveCardsIn(c)[0]).find((card) => card && /voorstel/i.test(cardText(card)));
      expect(proposal).toBeDefined();
      expect(JSON.stringify(proposal)).toContain('case.agreeMeasures');
    });

    it('an answer from an older proposal card does not count for a newer proposal', async () => {
      const stale = await act(reporter, 'case.agreeMeasures', { caseId, round: 99 }, personal);
      expect(cardText(stale.body.value)).toMatch(/vervangen door een nieuw voorstel/);
      expect((await cases.get(caseId))!.case.status).toBe('measuresProposed');
    });

    it('only the office holder can agree; the handler cannot agree for them', async () => {
      const byHandler = await act(handler, 'case.agreeMeasures', { caseId }, desk);
      expect(cardText(byHandler.body.value)).toMatch(/Alleen de betrokkene/);
      const agreed = await act(reporter, 'case.agreeMeasures', { caseId, round: 1, comment: 'Akkoord, graag snel.' }, personal);
      expect(cardText(agreed.body.value)).toMatch(/Akkoord|akkoord/);
      expect((await cases.get(caseId))!.case.status).toBe('measuresAgreed');
    });

    it('two handlers approving at the same moment: one approval lands, the other sees the fresh card; the office holder hears it once', async () => {
      const before = harness.connector.calls.length;
      const answers = await Promise.all([act(handler, 'case.approveMeasures', { caseId }, desk), act(handler, 'case.approveMeasures', { caseId }, desk)]);
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(cardText(answer.body.value)).toMatch(/Maatregelen vastgesteld/);
      }
      const stored = (await cases.get(caseId))!.case;
      expect(stored.status).toBe('measuresApproved');
      expect(stored.statusHistory.filter((s) => s.status === 'measuresApproved')).toHaveLength(1);
      expect(stored.goalReachedAt.measures).toBeDefined();
      // Nothing of the losing attempt was written, so nothing of it is sent: one "vastgesteld" message.
      await harness.settle();
      const told = harness.connector.calls.slice(before).filter((c) => c.path === `/v3/conversations/a:personal-${reporter.id}/activities` && c.method === 'POST');
      expect(told.filter((c) => /zijn vastgesteld/.test(String(c.body.text ?? '')))).toHaveLength(1);
      const history = await new TableCaseHistoryRepository(casesClient).list(caseId);
      expect(history.filter((r) => r.type === 'measuresApproved')).toHaveLength(1);
    });

    it('ticks police checklist steps (criminal offence suspected) and records the police appointment', async () => {
      const ticked = await act(handler, 'case.tickChecklistStep', { caseId, step: 3 }, desk);
      expect(ticked.body.type).toBe('application/vnd.microsoft.card.adaptive');
      const bad = await act(handler, 'case.tickChecklistStep', { caseId, step: 12 }, desk);
      expect(cardText(bad.body.value)).toMatch(/niet verwerken/);
      const stored = (await cases.get(caseId))!.case;
      expect(stored.goalReachedAt.policeAppointment).toBeDefined();
    });

    it('cannot close without a response to the perpetrator and an evaluation; then closes and tells the office holder', async () => {
      const early = await act(handler, 'case.close', { caseId, riskAssessment: 'laag' }, desk);
      expect((await cases.get(caseId))!.case.status).toBe('measuresApproved');
      expect(cardText(early.body.value)).toMatch(/reactie|pleger|evaluatie/i);
      await act(handler, 'case.recordResponse', { caseId, responseKind: 'given', responseSummary: 'Incidentgesprek gevoerd; contactafspraken gemaakt.' }, desk);
      const before = harness.connector.calls.length;
      const closed = await act(
        handler,
        'case.close',
        { caseId, riskAssessment: 'Laag risico op herhaling.', causeAnalysis: 'Onvrede over een besluit.', trendAnalysis: 'Eerste incident.', improvements: 'Beveiliging bij de ingang.' },
        desk,
      );
      expect(cardText(closed.body.value)).toMatch(/Afgesloten/);
      expect((await cases.get(caseId))!.case.status).toBe('closed');
      await harness.settle();
      const told = harness.connector.calls.slice(before).filter((c) => c.path === `/v3/conversations/a:personal-${reporter.id}/activities`);
      expect(told.some((c) => /afgesloten/.test(String(c.body.text ?? '')))).toBe(true);
    });
  });
});
