import { rmSync } from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { silentLogger } from '../app/logger';
import { loadConfig } from '../config/env';
import { REPO_ROOT } from '../config/load-directory';
import { CHROMIUM_ARGS, freePort } from '../local/headless-browser';
import { startPlayground, waitForPlayground, type PlaygroundHandle } from '../local/playground';
import { playgroundConfigFor } from '../local/playground-user';
import { startBot, type RunningBot } from '../main';

/**
 * `npm run screenshots`: drives the real bot in the Microsoft 365 Agents Playground with headless
 * Chromium, as a person would, and saves the main cards as PNGs in docs/screenshots/ for the README:
 * an intake question, the summary, the confirmation (as Sanne, the wethouder), the case card as the
 * handler sees it (as Peter, after the restart `npm start -- --as peter` makes), and the figures card
 * (as Ahmed, the coordinator VPT) when the bot answers "cijfers" with one. Fresh storage every run
 * (.data/screenshots), nothing reaches beyond this machine. Run it again after a card changes.
 */

const OUT = path.join(REPO_ROOT, 'docs', 'screenshots');
const DATA = path.join(REPO_ROOT, '.data', 'screenshots');
const WAIT_MS = 20000;
/** Sanne's answers to the intake, in order (her office is known, so the "who" question is skipped). */
const ANSWERS = [
  'gisteren 21:30',
  'bij de ingang van het stadhuis',
  'Een man schreeuwde dat hij me zou opwachten na de raadsvergadering.',
  '4',
  'bedreiging',
  'Karel Klaassen, man met een rode jas',
  'geen',
  'klaar',
  'geen',
  'nee',
  'ja',
  'ja',
  'geen',
];

/** The newest card in the open chat that contains this text. */
function card(page: Page, text: string | RegExp): Locator {
  return page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
}

async function say(page: Page, text: string): Promise<void> {
  const box = page.locator('div[contenteditable=true]').first();
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

async function press(page: Page, cardText: string | RegExp, button: string): Promise<void> {
  const target = card(page, cardText);
  await waitFor(page, target, `a card with "${String(cardText)}"`);
  await target.locator('button', { hasText: button }).first().click();
}

/** Waits for a card; on a timeout saves what the page showed, so a changed card is quick to find. */
async function waitFor(page: Page, target: Locator, what: string): Promise<void> {
  try {
    await target.waitFor({ timeout: WAIT_MS });
  } catch {
    const debug = path.join(DATA, 'failed.png');
    await page.screenshot({ path: debug }).catch(() => undefined);
    throw new Error(`Waited ${WAIT_MS / 1000} s for ${what}; the page as it was is in ${path.relative(REPO_ROOT, debug)}.`);
  }
}

/** Saves one card as a PNG (the card only, not the page). */
async function save(page: Page, target: Locator, name: string): Promise<void> {
  await waitFor(page, target, name);
  // The chat pane scrolls inside the page: a card taller than the viewport would be cut (blank above,
  // the Playground's bar across it). The page grows to hold the whole card, then scrolls it into view.
  const box = await target.boundingBox();
  const viewport = page.viewportSize();
  if (box && viewport && box.height + 400 > viewport.height) await page.setViewportSize({ width: viewport.width, height: Math.ceil(box.height) + 600 });
  await target.scrollIntoViewIfNeeded();
  // Images (the figures chart) load after the card appears.
  await page.waitForTimeout(500);
  const file = path.join(OUT, `${name}.png`);
  await target.screenshot({ path: file });
  console.info(`  ${path.relative(REPO_ROOT, file)}`);
}

/** The Playground as `who` in front of the running bot, with a fresh page; the open cases' cards posted again. */
async function playgroundAs(bot: RunningBot, port: number, who: string | undefined, browser: Browser): Promise<{ playground: PlaygroundHandle; page: Page }> {
  const tenant = playgroundConfigFor(who, DATA);
  const playground = startPlayground({ botPort: bot.port, port, configPath: tenant.configPath, logFile: path.join(DATA, `playground-${who ?? 'sanne'}.log`) });
  await waitForPlayground(playground.url, 60000);
  await bot.repostOpenCaseCards();
  const page = await browser.newPage({ locale: 'nl-NL', viewport: { width: 1400, height: 2400 }, deviceScaleFactor: 1 });
  await page.goto(playground.url);
  return { playground, page };
}

async function main(): Promise<void> {
  rmSync(DATA, { recursive: true, force: true });
  const port = await freePort();
  const config = loadConfig({
    ...process.env,
    LOCAL_MODE: 'true',
    PORT: '0',
    STORAGE_CONNECTION_STRING: '',
    AZURITE_LOCATION: path.join(DATA, 'azurite'),
    AZURITE_TABLE_PORT: '0',
    AZURITE_BLOB_PORT: '0',
    PLAYGROUND_PORT: String(port),
    CONNECTOR_SERVICE_URL: `http://localhost:${port}/_connector`,
  });
  const bot = await startBot(config, { logger: silentLogger });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  let playground: PlaygroundHandle | undefined;
  try {
    console.info('Schermafdrukken in docs/screenshots/:');
    // Sanne reports.
    let page: Page;
    ({ playground, page } = await playgroundAs(bot, port, undefined, browser));
    await say(page, 'meld incident');
    await save(page, card(page, /Stap 1 van \d+/), 'intake');
    await press(page, /Stap 1 van \d+/, 'Ja, ik ben veilig');
    for (const [index, answer] of ANSWERS.entries()) {
      await waitFor(page, card(page, new RegExp(`Stap ${index + 2} van \\d+`)), `intake step ${index + 2}`);
      await say(page, answer);
    }
    await save(page, card(page, 'Verstuur melding'), 'intake-summary');
    await press(page, 'Verstuur melding', 'Verstuur melding');
    // The confirmation (its progress card follows a moment later: both carry the case number).
    const confirmation = card(page, /Meldingsnummer/);
    await save(page, confirmation, 'confirmation');
    const caseNumber = /WB-\d{4}-\d{5}/.exec(await confirmation.innerText())![0];
    await bot.outbox.settle();
    await page.close();
    await playground.stop();

    // Peter, the handler, opens the case from the channel.
    ({ playground, page } = await playgroundAs(bot, port, 'peter', browser));
    // The channel in the Playground's side bar (a tree item named "<team> - <channel>").
    await page.getByRole('treeitem', { name: /Meldingen gemeentesecretaris/ }).first().click();
    await press(page, caseNumber, 'Zaak openen');
    await save(page, card(page, new RegExp(`${caseNumber}[\\s\\S]*Neem in behandeling`)), 'case-card');
    await page.close();
    await playground.stop();

    // Ahmed, the coordinator VPT, asks for the figures (only once the bot has a "cijfers" command).
    ({ playground, page } = await playgroundAs(bot, port, 'ahmed', browser));
    await say(page, 'cijfers');
    const figures = card(page, /Laatste 12 maanden/);
    try {
      await figures.waitFor({ timeout: 10000 });
      await save(page, figures, 'figures');
    } catch {
      console.info('  figures.png overgeslagen: de bot antwoordde op "cijfers" niet met het cijferkaartje.');
    }
  } finally {
    await browser.close().catch(() => undefined);
    await playground?.stop();
    await bot.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
