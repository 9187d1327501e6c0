import { TableCaseRepository } from '../../src/storage/case.repository';
import { TablePostedCardRepository } from '../../src/storage/posted-card.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString } from '../support/azurite-env';
import { SAMPLE_PEOPLE } from '../support/bot-under-test';
import { card, clickOn, playgroundForSuite, reportSampleThreat, screenshot, typeMessage } from '../support/playground-session';

const DESK_CHANNEL = '19:meldingen-gemeentesecretaris@thread.tacv2';

// Issue 4, "done when": a wethouder's report appears in the gemeentesecretaris channel; the handler
// takes it and proposes measures; the wethouder agrees in their chat; the handler approves; every view
// shows the new state. Sanne (wethouder) uses the Playground's UI; Peter (gemeentesecretaris) presses
// the card buttons through the Playground's own invoke endpoint, as the Playground has one signed-in user.
describe('Playground: from report to approved measures', () => {
  const session = playgroundForSuite();

  /** Peter presses an Action.Execute button on the case card in the channel. */
  async function peterPresses(verb: string, data: Record<string, unknown>, messageId: string): Promise<Record<string, unknown>> {
    const response = await fetch(`${session().playground.url}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        from: { id: SAMPLE_PEOPLE.peter.id },
        conversation: { id: `${DESK_CHANNEL};messageid=${messageId}` },
        replyToId: messageId,
      }),
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`Playground invoke answered ${response.status}: ${body.slice(0, 300)}`);
    return JSON.parse(body) as Record<string, unknown>;
  }

  it('runs the whole handling flow and every view follows', async () => {
    const { page } = session();
    const caseNumber = await reportSampleThreat(page);

    // Issue 15: the confirmation opens the advice for the level she chose (4, a threat).
    // The confirmation (the progress card follows it, a moment later, through the outbox).
    await clickOn(page, 'Advies bij dit gedrag', 'Advies bij dit gedrag');
    const advice = card(page, 'Je hebt dit al gemeld.');
    await advice.waitFor({ timeout: 20000 });
    expect(await advice.innerText()).toMatch(/Iemand bedreigt of intimideert je/);
    await advice.scrollIntoViewIfNeeded();
    await screenshot(page, 'guidance-level-after-report');

    // The case card is in the gemeentesecretaris channel, showing no details to the whole channel.
    await page.getByText('Meldingen gemeentesecretaris').first().click();
    const channelCard = card(page, caseNumber);
    await channelCard.waitFor({ timeout: 20000 });
    expect(await channelCard.innerText()).not.toContain('rode jas');
    await channelCard.scrollIntoViewIfNeeded();
    await screenshot(page, 'case-in-channel');

    const tables = createTableClientFactory(testConnectionString(), session().harness.tablePrefix);
    const [stored] = await new TableCaseRepository(tables.client('Cases')).listByOfficeHolder(SAMPLE_PEOPLE.sanne.aadObjectId);
    const posted = await new TablePostedCardRepository(tables.client('CardRefs')).get(stored.id, 'desk');
    expect(posted?.conversationId).toBe(DESK_CHANNEL);

    // Peter takes the case and proposes measures.
    const taken = await peterPresses('case.take', { caseId: stored.id }, posted!.activityId);
    expect(JSON.stringify(taken)).toMatch(/In behandeling/);
    const proposed = await peterPresses('case.proposeMeasures', { caseId: stored.id, measures: 'combinedMeeting,aftercare' }, posted!.activityId);
    expect(JSON.stringify(proposed)).toMatch(/Maatregelen voorgesteld/);

    // Sanne sees the proposal in her chat. Issue 14.2: "mijn meldingen" names the handler, says what
    // waits for her and opens the same proposal again (its Akkoord is tested over HTTP in my-cases).
    await page.getByText('Personal Chat').first().click();
    // Proposal cards are those with an "Akkoord" button (the progress card mentions the proposal too).
    const proposalCards = page.locator('.ac-adaptiveCard').filter({ has: page.getByRole('button', { name: 'Akkoord', exact: true }) });
    await proposalCards.first().waitFor({ timeout: 20000 });
    await typeMessage(page, 'mijn meldingen');
    const list = card(page, 'Voortgang bekijken');
    await list.waitFor({ timeout: 20000 });
    expect((await list.innerText()).replace(/\s+/g, ' ')).toMatch(/Peter Jansen, gemeentesecretaris van Utrecht.*Er ligt een voorstel voor je klaar/);
    await list.locator('button', { hasText: 'Voorstel bekijken' }).first().click();
    await proposalCards.nth(1).waitFor({ timeout: 20000 });
    expect(await proposalCards.nth(1).innerText()).toMatch(/Voorstel voor maatregelen[\s\S]*Gecombineerd incident- en herstelgesprek/);
    await screenshot(page, 'my-cases-proposal');
    // She agrees on the proposal the bot sent her first.
    await proposalCards.first().locator('button', { hasText: 'Akkoord' }).first().click();
    await card(page, /Akkoord betrokkene|Je hebt ingestemd|akkoord/i).waitFor({ timeout: 20000 });

    // Peter approves; Sanne's progress card and the channel card show the new state.
    const approved = await peterPresses('case.approveMeasures', { caseId: stored.id }, posted!.activityId);
    expect(JSON.stringify(approved)).toMatch(/Maatregelen vastgesteld/);
    await page.getByText(/maatregelen bij je melding .* zijn vastgesteld/i).first().waitFor({ timeout: 20000 });
    // Both cards in her chat (progress and the answered proposal) now show the approved state.
    await page.locator('.ac-adaptiveCard', { hasText: /Akkoord betrokkene/ }).first().waitFor({ state: 'detached', timeout: 20000 });
    await card(page, /Maatregelen vastgesteld/).waitFor({ timeout: 20000 });
    await screenshot(page, 'measures-approved-chat');
    await page.getByText('Meldingen gemeentesecretaris').first().click();
    await card(page, new RegExp(`${caseNumber}[\\s\\S]*Maatregelen vastgesteld`)).waitFor({ timeout: 20000 });
    await screenshot(page, 'measures-approved-channel');

    // Issue 5: Peter plans the incidentgesprek from the case card; calendar integration is off
    // locally, so the meeting is recorded and offered as an .ics file.
    const form = await peterPresses('case.planMeeting', { caseId: stored.id }, posted!.activityId);
    const formCard = (form as { value: Record<string, unknown> }).value;

    const slotInput = JSON.stringify(formCard).match(/"id":"slot"[^\]]*?"value":"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})"/);
    expect(slotInput).not.toBeNull(); // free slots before the deadline are proposed
    const book = JSON.stringify(formCard).match(/"verb":"meeting\.book","data":\{"caseId":"[^"]+","meetingId":"([^"]+)"/);
    expect(book).not.toBeNull();
    const booked = await peterPresses(
      'meeting.book',
      { caseId: stored.id, meetingId: book![1], kind: 'incidentMeeting', slot: slotInput![1], durationMinutes: '60', online: 'false', location: 'Stadhuis, kamer 2.14', inviteOfficeHolder: 'true' },
      posted!.activityId,
    );
    const bookedText = JSON.stringify(booked);

    expect(bookedText).toMatch(/Incidentgesprek/);
    const icsLink = bookedText.match(/"url":"(http:\/\/[^"]+\/ics\/[^"]+)"/);
    expect(icsLink).not.toBeNull();
    const ics = await fetch(icsLink![1]);
    expect(ics.headers.get('content-type')).toMatch(/text\/calendar/);
    const calendar = await ics.text();
    expect(calendar).toMatch(/SUMMARY:Gesprek WB-\d{4}-\d{5}/);
    expect(calendar).not.toContain('rode jas');
    const reopened = JSON.stringify(await peterPresses('case.refresh', { caseId: stored.id }, posted!.activityId));
    expect(reopened).toMatch(/Stadhuis, kamer 2\.14|Incidentgesprek/);
  }, 150000);
});
