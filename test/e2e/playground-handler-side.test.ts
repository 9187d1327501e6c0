import { card, reportSampleThreat, screenshot, startPlaygroundSession, type PlaygroundSession } from '../support/playground-session';

// Issue 14, point 12: the README's "Trying the handler side". Sanne reports; everything stops; it
// starts again as Peter (`npm start -- --as peter` does exactly this: the same storage, the Playground
// with Peter signed in). The Playground forgot its chats, so the bot posts the open case's card in the
// desk channel again, and Peter opens it in the browser and sees the handler's view with its buttons.
describe('Playground: restart as the handler and find the case in the channel', () => {
  let session: PlaygroundSession | undefined;

  afterAll(async () => {
    await session?.stop();
  });

  it('Sanne reports, the Playground restarts as Peter, and Peter opens the case from the channel', async () => {
    session = await startPlaygroundSession();
    const { tablePrefix } = session.harness;
    const port = Number(new URL(session.playground.url).port);
    let page = session.page;
    const caseNumber = await reportSampleThreat(page);
    await session.harness.settle();
    await session.stop();

    // The restart, as `npm start -- --as peter`: same storage, Peter signed in.
    session = await startPlaygroundSession({ as: 'peter', tablePrefix, port });
    page = session.page;
    expect(await session.harness.bot.repostOpenCaseCards()).toBe(1);
    const config = (await (await fetch(`${session.playground.url}/_internal/v1/config`)).json()) as { currentUser?: { name?: string } };
    expect(JSON.stringify(config)).toContain('Peter Jansen');

    await page.getByText('Meldingen gemeentesecretaris').first().click();
    const posted = card(page, caseNumber);
    await posted.waitFor({ timeout: 20000 });
    expect(await posted.innerText()).not.toContain('rode jas');
    await posted.locator('button', { hasText: 'Zaak openen' }).first().click();
    // Peter is a handler of this desk: the bot answers him with the full case card and its primary action.
    const full = card(page, new RegExp(`${caseNumber}[\\s\\S]*Neem in behandeling`));
    await full.waitFor({ timeout: 20000 });
    // The report and the perpetrator are folded (issue 14 point 7): one click unfolds them.
    expect(await full.innerText()).not.toContain('rode jas');
    await full.locator('button', { hasText: 'Melding en pleger' }).first().click();
    expect(await full.innerText()).toContain('rode jas');
    await screenshot(page, 'handler-side-after-restart');
  }, 180000);
});
