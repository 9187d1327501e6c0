import { TableCaseRepository } from '../../src/storage/case.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString } from '../support/azurite-env';
import { SAMPLE_PEOPLE } from '../support/bot-under-test';
import { answerStep, card, clickOn, playgroundForSuite, screenshot, typeMessage } from '../support/playground-session';

// Issue 3, "done when": a person in the Playground reports an incident from "meld incident" to a
// case number without reading documentation, and Table Storage holds the case with every answer.
describe('Playground: Sanne (wethouder) reports an incident', () => {
  const session = playgroundForSuite();

  it('goes from "meld incident" to a case number, with buttons and typed answers', async () => {
    const { page } = session();
    await typeMessage(page, 'meld incident');
    await clickOn(page, 'Stap 1 van 14', 'Ja, ik ben veilig');
    await answerStep(page, 2, 'gisteren 21:30');
    await answerStep(page, 3, 'bij de ingang van het stadhuis');
    await answerStep(page, 4, 'Een man schreeuwde dat hij me zou opwachten na de raadsvergadering.');
    await clickOn(page, 'Stap 5 van 14', 'Bedreiging');
    await answerStep(page, 6, 'bedreiging, intimidatie');
    await answerStep(page, 7, 'onbekend, man met een rode jas, kenteken 12-ABC-3');
    await answerStep(page, 8, 'de bode');
    await answerStep(page, 9, 'klaar');
    await answerStep(page, 10, 'geen');
    await answerStep(page, 11, 'nee');
    await answerStep(page, 12, 'ja');
    await answerStep(page, 13, 'ja');
    await answerStep(page, 14, 'graag een gesprek');
    await clickOn(page, 'Verstuur melding', 'Verstuur melding');
    const confirmation = card(page, /WB-\d{4}-\d{5}/);
    await confirmation.waitFor({ timeout: 20000 });
    await screenshot(page, 'intake-submitted');
    const shown = await confirmation.innerText();
    expect(shown).toMatch(/gemeentesecretaris/i);
    expect(shown).toMatch(/088 5543 288/);
    const caseNumber = /WB-\d{4}-\d{5}/.exec(shown)![0];

    const cases = new TableCaseRepository(createTableClientFactory(testConnectionString(), session().harness.tablePrefix).client('Cases'));
    const [stored] = await cases.listByOfficeHolder(SAMPLE_PEOPLE.sanne.aadObjectId);
    expect(stored).toMatchObject({
      caseNumber,
      organisationId: 'gemeente-utrecht',
      officeHolder: { role: 'wethouder', name: 'Sanne de Vries' },
      report: {
        place: { mode: 'offline', location: 'bij de ingang van het stadhuis' },
        description: 'Een man schreeuwde dat hij me zou opwachten na de raadsvergadering.',
        level: 4,
        kinds: expect.arrayContaining(['bedreiging', 'intimidatie']),
        perpetrator: expect.objectContaining({ known: false, licencePlate: '12-ABC-3' }),
        witnesses: 'de bode',
        criminalOffenceSuspected: 'yes',
        feltHindered: true,
        aftercareWishes: 'graag een gesprek',
      },
    });
  }, 120000);
});
