import { screenshot, startPlaygroundSession, typeMessage, type PlaygroundSession } from '../support/playground-session';

// A person in the Microsoft 365 Agents Playground (headless Chromium) talks to the real bot.
describe('Playground: a newcomer says hello', () => {
  let session: PlaygroundSession;

  beforeAll(async () => {
    session = await startPlaygroundSession();
  }, 90000);
  afterAll(async () => {
    await session?.stop();
  });

  it('gets a Dutch card that explains what the bot does and how to report', async () => {
    const { page } = session;
    await typeMessage(page, 'hallo');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'meld incident' }).last();
    await card.waitFor({ timeout: 30000 });
    await screenshot(page, 'help-card');
    const text = await card.innerText();
    expect(text).toMatch(/Weerbaar Bestuur/);
    expect(text).toMatch(/112/);
    expect(text).toMatch(/meld incident/);
  }, 60000);
});
