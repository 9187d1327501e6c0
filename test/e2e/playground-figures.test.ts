import { card, playgroundForSuite, screenshot, typeMessage } from '../support/playground-session';

// Issue 11, "done when": the coordinator VPT (Ahmed, from the sample directory, signed in to the
// Playground) types "cijfers" and sees the province's figures card with its chart and its table.
describe('Playground: the coordinator VPT asks for the figures', () => {
  const session = playgroundForSuite({ as: 'ahmed' });

  it('types "cijfers" and gets the card with a chart image and the table', async () => {
    const { page } = session();
    await typeMessage(page, 'cijfers');
    const figures = card(page, /Trend: /);
    await figures.waitFor({ timeout: 30000 });
    await figures.scrollIntoViewIfNeeded();
    await screenshot(page, 'figures-card-coordinator');
    const text = await figures.innerText();
    expect(text).toMatch(/provincie/i);
    const chart = figures.locator('img[src^="data:image/png;base64,"]');
    expect(await chart.count()).toBe(1);
    expect(await chart.getAttribute('alt')).toMatch(/Staafdiagram/);
    // The chart is drawn: the browser decoded a real image of the card's width.
    expect(await chart.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(200);
    expect(await figures.locator('button', { hasText: 'CSV laatste 12 maanden' }).count()).toBe(1);
    expect(await figures.locator('button', { hasText: /^CSV heel \d{4}$/ }).count()).toBe(1);
  }, 60000);
});
