import type { Page } from 'playwright-core';
import { BEHAVIOUR_LEVELS } from '../../src/domain/report';
import { LEVEL_ADVICE } from '../../src/copy/guidance.copy';
import { card, clickOn, playgroundForSuite, screenshot, typeMessage } from '../support/playground-session';

const LEVEL_CHOICE = /Kies wat er het meest op lijkt/;

/** Waits for the n-th (0-based) card in the chat that contains this text. */
async function nthCard(page: Page, text: string | RegExp, n: number): Promise<void> {
  await page.locator('.ac-adaptiveCard').filter({ hasText: text }).nth(n).waitFor({ timeout: 20000 });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A person in the Microsoft 365 Agents Playground (headless Chromium) talks to the real bot: says
// hello, then (issue 15, "done when") finds each advice card from "help" by clicking. Sanne is a
// wethouder the directory knows, so her intake has 14 questions, 13 when the level was chosen on an
// advice card.
describe('Playground: a newcomer says hello and finds the advice', () => {
  const session = playgroundForSuite();

  it('gets a Dutch card that explains what the bot does and how to report', async () => {
    const { page } = session();
    await typeMessage(page, 'hallo');
    const helpCard = card(page, 'meld incident');
    await helpCard.waitFor({ timeout: 30000 });
    await screenshot(page, 'help-card');
    const text = await helpCard.innerText();
    expect(text).toMatch(/Weerbaar Bestuur/);
    expect(text).toMatch(/112/);
    expect(text).toMatch(/meld incident/);
  }, 60000);

  it('help → "Hoe reageer je?" → each level → its advice; help → "Voorkomen"', async () => {
    const { page } = session();
    await typeMessage(page, 'help');
    const help = card(page, 'Hoe reageer je?');
    await help.waitFor({ timeout: 30000 });
    await help.scrollIntoViewIfNeeded();
    await screenshot(page, 'help-card-advice');
    const helpText = await help.innerText();
    expect(helpText).toMatch(/Hallo Sanne,/);
    expect(helpText).not.toMatch(/Sanne de Vries/);
    // 112 and the report button come before the explanation.
    expect(helpText.indexOf('112')).toBeLessThan(helpText.indexOf('grensoverschrijdend'));
    expect(helpText.indexOf('Incident melden')).toBeLessThan(helpText.indexOf('grensoverschrijdend'));

    await clickOn(page, 'Hallo Sanne', 'Hoe reageer je?');
    const choice = card(page, LEVEL_CHOICE);
    await choice.waitFor({ timeout: 20000 });
    await choice.scrollIntoViewIfNeeded();
    await screenshot(page, 'guidance-levels');

    for (const { level } of BEHAVIOUR_LEVELS) {
      const advice = LEVEL_ADVICE[level];
      await clickOn(page, LEVEL_CHOICE, advice.choice);
      const levelCard = card(page, new RegExp(`${escapeRegExp(advice.choice)}[\\s\\S]*Wat doe je nu\\?`));
      await levelCard.waitFor({ timeout: 20000 });
      await levelCard.scrollIntoViewIfNeeded();
      await screenshot(page, `guidance-level-${level}`);
      const text = await levelCard.innerText();
      expect(text).toContain(advice.choice);
      expect(text).toContain(advice.why);
      expect(text).toContain('Meld dit incident');
      if (level === 5) expect(text.trim().startsWith('Ben je in gevaar of gewond? Bel nu 112.')).toBe(true);
      // Back to the choice, by clicking, for the next level.
      await levelCard.locator('button', { hasText: 'Ander gedrag kiezen' }).first().click();
      await nthCard(page, LEVEL_CHOICE, level);
    }

    await typeMessage(page, 'help');
    await nthCard(page, 'Hallo Sanne', 1);
    await clickOn(page, 'Hallo Sanne', 'Voorkomen');
    const prevention = card(page, 'Wat je vraagt van je organisatie');
    await prevention.waitFor({ timeout: 20000 });
    await prevention.scrollIntoViewIfNeeded();
    await screenshot(page, 'guidance-prevention');
    expect(await prevention.innerText()).toMatch(/Volg een training/);
  }, 150000);

  it('"Meld dit incident" starts the report with the chosen level filled in', async () => {
    // The whole walk to a case at each level is in test/http/guidance-conversation.test.ts; the
    // confirmation's "Advies bij dit gedrag" in playground-case-flow.test.ts.
    const { page } = session();
    const threat = LEVEL_ADVICE[4];
    await clickOn(page, LEVEL_CHOICE, threat.choice);
    await card(page, threat.why).waitFor({ timeout: 20000 });
    await clickOn(page, threat.why, 'Meld dit incident');
    await page.getByText('Soort gedrag: Bedreiging of intimidatie. Dat staat al ingevuld').first().waitFor({ timeout: 20000 });
    const first = card(page, 'Stap 1 van 13');
    await first.waitFor({ timeout: 20000 });
    expect(await first.innerText()).toMatch(/veilig/);
  }, 60000);

  it('in the handlers\' channel, help names the coordinator VPT from the directory', async () => {
    const { page } = session();
    await page.getByText('Meldingen gemeentesecretaris').first().click();
    const box = page.locator('div[contenteditable=true]').first();
    await box.click();
    await box.pressSequentially('@Weer');
    // The Playground's mention picker (a Fluent typeahead menu).
    await page.getByRole('listbox', { name: 'Typeahead menu' }).getByRole('menuitem').filter({ hasText: 'Weerbaar Bestuur' }).first().click();
    await box.pressSequentially(' help');
    await box.press('Enter');
    const channelHelp = card(page, /Dit is het kanaal van de gemeentesecretaris/);
    await channelHelp.waitFor({ timeout: 20000 });
    await channelHelp.scrollIntoViewIfNeeded();
    await screenshot(page, 'help-channel');
    const text = await channelHelp.innerText();
    expect(text).toMatch(/Hulp van de coördinator VPT/);
    expect(text).toMatch(/Ahmed El Amrani/);
    expect(text).toMatch(/ahmed\.elamrani@provincie-utrecht\.example/);
    expect(text).toMatch(/Mail de coördinator/);
  }, 60000);
});
