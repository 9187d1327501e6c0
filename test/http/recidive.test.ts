/**
 * Recidive end to end through the HTTP endpoint (issue 10 point 7): the perpetrator named in the chat
 * intake becomes a matching key; the handler confirms or rejects a suggested match; a match across
 * organisations is a count for the handler and a short notice to the coordinator VPT, sent through the
 * Bot Connector stand-in (a local HTTP server at the connector boundary).
 */
import type { OfficeHolderRole } from '../../src/domain/roles';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-under-test';
import { Chat, cardText } from '../support/chat-driver';
import { executeAction, type CardLocation } from '../support/invoke';
import { stranger, submitFromSummary, walkToSummary } from '../support/intake-walk';

const DIRECTORY = 'test/fixtures/directory.three-organisations.json';
const guid = (n: number) => `aaaaaaaa-0000-4000-8000-${String(n).padStart(12, '0')}`;
const person = (n: number, name: string) => ({ id: `user-${n}`, name, aadObjectId: guid(n) });
const GEMEENTESECRETARIS = person(201, 'Peter Jansen');
const GRIFFIER = person(202, 'Griffier');
const SECRETARIS_DIRECTEUR = person(301, 'Secretaris-directeur');
const COORDINATOR = guid(900);
const DESKS = {
  gemeentesecretaris: { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:gemeentesecretaris@thread.tacv2' },
  griffier: { kind: 'channel', teamId: '19:utrecht@thread.tacv2', channelId: '19:griffie@thread.tacv2' },
  secretarisDirecteur: { kind: 'channel', teamId: '19:hdsr@thread.tacv2', channelId: '19:secretaris-directeur@thread.tacv2' },
} satisfies Record<string, CardLocation>;

type Json = Record<string, unknown>;

/** Every Action.Execute on a card, with its verb and data. */
function executes(card: unknown): { title: string; verb: string; data: Json }[] {
  const found: { title: string; verb: string; data: Json }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Json;
      if (record.type === 'Action.Execute') found.push({ title: String(record.title), verb: String(record.verb), data: record.data as Json });
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('recidive: the perpetrator named in the chat, matched, confirmed or rejected, and counted across organisations', () => {
  let harness: BotUnderTest;

  beforeAll(async () => {
    harness = await startBotUnderTest({ DIRECTORY_PATH: DIRECTORY });
  });
  afterAll(() => harness.stop());

  async function report(role: OfficeHolderRole, organisationId: string, perpetrator: string) {
    const reporter = stranger(role);
    const chat = new Chat(harness, reporter);
    const { caseNumber, draftId } = await submitFromSummary(chat, await walkToSummary(chat, { role, organisationId }, { perpetrator }));
    await harness.settle();
    return { caseNumber, caseId: draftId, reporter };
  }

  const act = (who: typeof GRIFFIER, verb: string, data: Json, where: CardLocation) => executeAction(harness.baseUrl, harness.connector.url, who, verb, data, where);
  const open = async (who: typeof GRIFFIER, caseId: string, where: CardLocation) => (await act(who, 'case.refresh', { caseId }, where)).body.value;

  /** The texts the bot sent the coordinator VPT in their 1:1 chat so far. */
  function coordinatorMessages(): string[] {
    const conversations = harness.connector.calls
      .filter((c) => c.method === 'POST' && /^\/v3\/conversations\/?$/.test(c.path) && ((c.body.members as { id: string }[] | undefined) ?? [])[0]?.id === COORDINATOR)
      .map((c) => String(c.response!.id));
    return harness.connector.calls
      .filter((c) => c.method === 'POST' && conversations.some((id) => c.path === `/v3/conversations/${id}/activities`))
      .map((c) => String(c.body.text ?? ''));
  }

  it('two reports naming the same person in one organisation: a suggestion, confirmed by a handler of the case, builds the dossier; elsewhere is a count and a notice', async () => {
    const first = await report('wethouder', 'gemeente-utrecht', 'Karel Klaassen, man van rond de 50 met een pet');
    const second = await report('gemeenteraadslid', 'gemeente-utrecht', 'hij heet Karel Klaassen en stond bij de ingang');
    // Nothing across organisations yet: the coordinator hears nothing.
    expect(coordinatorMessages()).toEqual([]);

    const suggested = await open(GRIFFIER, second.caseId, DESKS.griffier);
    expect(cardText(suggested)).toContain(`Mogelijk dezelfde pleger als in zaak ${first.caseNumber}`);
    expect(cardText(suggested)).not.toContain('Niet na te gaan');
    const confirm = executes(suggested).find((a) => a.verb === 'recidive.confirm');
    expect(confirm?.data).toEqual({ caseId: second.caseId, matchCaseId: first.caseId });
    // The earlier case's handler sees the same suggestion from the other side.
    expect(cardText(await open(GEMEENTESECRETARIS, first.caseId, DESKS.gemeentesecretaris))).toContain(`Mogelijk dezelfde pleger als in zaak ${second.caseNumber}`);

    // A handler of another desk cannot decide on this case, whatever the card data says: nothing is stored.
    const refused = await act(GEMEENTESECRETARIS, 'recidive.confirm', confirm!.data, DESKS.gemeentesecretaris);
    expect(cardText(refused.body.value)).toContain('Alleen de afhandelaars van deze zaak');
    expect(cardText(refused.body.value)).not.toContain(first.caseNumber);
    // Forged data (not a uuid, or the case itself) is refused with a clear message.
    expect(cardText((await act(GRIFFIER, 'recidive.confirm', { caseId: second.caseId, matchCaseId: second.caseId }, DESKS.griffier)).body.value)).toContain('bestaat niet (meer)');
    expect(cardText(await open(GRIFFIER, second.caseId, DESKS.griffier))).toContain(`Mogelijk dezelfde pleger als in zaak ${first.caseNumber}`);

    const confirmed = await act(GRIFFIER, 'recidive.confirm', confirm!.data, DESKS.griffier);
    const text = cardText(confirmed.body.value);
    expect(text).toContain('Vastgelegd: dezelfde pleger');
    expect(text).toContain('Recidive: deze pleger komt voor in 1 eerdere zaak bij Gemeente Utrecht.');
    expect(text).toContain(`Dossier van deze pleger: ook in zaak ${first.caseNumber}.`);
    expect(text).not.toContain('Mogelijk dezelfde pleger');
    // The history keeps who decided, on this case only.
    expect(text).toContain(`Zelfde pleger als in zaak ${first.caseNumber} bevestigd · Griffier`);
    expect(cardText(await open(GEMEENTESECRETARIS, first.caseId, DESKS.gemeentesecretaris))).not.toContain('bevestigd · Griffier');
    // The office holder never hears of it: not when an answer of theirs comes too late and the bot
    // says who moved the case on (here an answer to a proposal that was never made).
    const late = await act(second.reporter, 'case.agreeMeasures', { caseId: second.caseId }, { kind: 'personal', conversationId: `a:personal-${second.reporter.id}` });
    expect(late.status).toBe(200);
    expect(cardText(late.body.value)).not.toContain(first.caseNumber);
    expect(cardText(late.body.value)).not.toMatch(/pleger gaat|overeenkomst|Griffier/);
    // Once taken, the measures suggestion takes the confirmed recidive into account.
    expect(cardText((await act(GRIFFIER, 'case.take', { caseId: second.caseId }, DESKS.griffier)).body.value)).toContain('en recidive (zwaarder dan een waarschuwing)');
    // The same on a later refresh, and the first case's dossier names the second.
    expect(cardText(await open(GRIFFIER, second.caseId, DESKS.griffier))).toContain(`Dossier van deze pleger: ook in zaak ${first.caseNumber}.`);
    expect(cardText(await open(GEMEENTESECRETARIS, first.caseId, DESKS.gemeentesecretaris))).toContain(`Dossier van deze pleger: ook in zaak ${second.caseNumber}.`);

    // Another organisation: a report naming the same person.
    const elsewhere = await report('dijkgraaf', 'hdsr', 'Karel Klaassen');
    const theirs = cardText(await open(SECRETARIS_DIRECTEUR, elsewhere.caseId, DESKS.secretarisDirecteur));
    expect(theirs).toContain('Deze pleger komt in 2 zaken elders in de provincie voor.');
    // No case number, no organisation, nothing of Utrecht's cases on the water board's card.
    expect(theirs).not.toContain(first.caseNumber);
    expect(theirs).not.toContain(second.caseNumber);
    expect(theirs).not.toContain('Utrecht');
    expect(theirs).not.toContain('Mogelijk dezelfde pleger');
    expect(cardText(await open(GRIFFIER, second.caseId, DESKS.griffier))).toContain('Deze pleger komt in 1 zaak elders in de provincie voor.');

    // The coordinator VPT: one short notice, organisations and a count, no names, no case numbers.
    const notices = coordinatorMessages();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('een nieuwe melding bij Hoogheemraadschap De Stichtse Rijnlanden gaat over dezelfde pleger als 2 zaken bij Gemeente Utrecht.');
    for (const secret of ['Klaassen', 'Karel', 'pet', first.caseNumber, second.caseNumber, elsewhere.caseNumber]) expect(notices[0]).not.toContain(secret);
    await harness.settle();
    expect(coordinatorMessages()).toHaveLength(1);
  });

  it('a rejected match is not suggested again, on either case', async () => {
    const first = await report('wethouder', 'gemeente-utrecht', '@stadsboos op Instagram');
    const second = await report('wethouder', 'gemeente-utrecht', 'onbekend, account @StadsBoos (instagram)');
    // The same handle on another platform may be someone else: no suggestion for it.
    const otherPlatform = await report('wethouder', 'gemeente-utrecht', '@stadsboos op TikTok');

    const card = await open(GEMEENTESECRETARIS, second.caseId, DESKS.gemeentesecretaris);
    expect(cardText(card)).toContain(`Mogelijk dezelfde pleger als in zaak ${first.caseNumber}`);
    expect(cardText(card)).not.toContain(otherPlatform.caseNumber);
    const reject = executes(card).find((a) => a.verb === 'recidive.reject');
    const rejected = await act(GEMEENTESECRETARIS, 'recidive.reject', reject!.data, DESKS.gemeentesecretaris);
    expect(cardText(rejected.body.value)).toContain('Deze overeenkomst wordt niet opnieuw voorgesteld.');
    expect(cardText(rejected.body.value)).not.toContain(first.caseNumber);
    expect(cardText(rejected.body.value)).toContain('Overeenkomst met een andere zaak afgewezen · Peter Jansen');

    expect(cardText(await open(GEMEENTESECRETARIS, second.caseId, DESKS.gemeentesecretaris))).not.toContain('Mogelijk dezelfde pleger');
    expect(cardText(await open(GEMEENTESECRETARIS, first.caseId, DESKS.gemeentesecretaris))).not.toContain('Mogelijk dezelfde pleger');
    expect(cardText(await open(GEMEENTESECRETARIS, first.caseId, DESKS.gemeentesecretaris))).toContain('Geen bevestigde eerdere zaken met deze pleger');
    // Pressing an old "Zelfde pleger" button afterwards changes nothing.
    const late = await act(GEMEENTESECRETARIS, 'recidive.confirm', reject!.data, DESKS.gemeentesecretaris);
    expect(cardText(late.body.value)).toContain('al besloten');
    expect(cardText(await open(GEMEENTESECRETARIS, second.caseId, DESKS.gemeentesecretaris))).not.toContain('Dossier');
  });
});
