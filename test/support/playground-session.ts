import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, freePort } from '../../src/local/headless-browser';

export { CHROMIUM_ARGS, freePort };
import { startPlayground, waitForPlayground, type PlaygroundHandle } from '../../src/local/playground';
import { playgroundConfigFor } from '../../src/local/playground-user';
import { REPO_ROOT } from '../../src/config/load-directory';
import { startBotUnderTest, type BotUnderTest } from './bot-under-test';


/** The real bot, the real Playground in front of it, and headless Chromium on the Playground. */
export interface PlaygroundSession {
  harness: BotUnderTest;
  playground: PlaygroundHandle;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
}

/**
 * `as`: another person signed in (as `npm start -- --as peter` does); `tablePrefix` and `port`: the
 * storage and Playground port of an earlier session, to restart as `npm start` would.
 */
export interface PlaygroundSessionOptions {
  as?: string;
  tablePrefix?: string;
  port?: number;
}

export async function startPlaygroundSession(options: PlaygroundSessionOptions = {}): Promise<PlaygroundSession> {
  const port = options.port ?? (await freePort());
  // The bot replies through the Playground's mocked connector, which the activities name.
  const harness = await startBotUnderTest({ CONNECTOR_SERVICE_URL: `http://localhost:${port}/_connector`, ...(options.tablePrefix ? { TABLE_PREFIX: options.tablePrefix } : {}) });
  const tenant = playgroundConfigFor(options.as, path.join(REPO_ROOT, '.data', 'e2e'));
  const playground = startPlayground({
    botPort: harness.bot.port,
    port,
    logFile: path.join(REPO_ROOT, '.data', 'e2e', `playground-${port}.log`),
    configPath: tenant.configPath,
  });
  try {
    await waitForPlayground(playground.url, 60000);
  } catch (error) {
    await playground.stop();
    await harness.stop();
    throw error;
  }
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ locale: 'nl-NL', viewport: { width: 1400, height: 900 } });
  try {
    // The Playground's first page load compiles a large bundle: slow on a busy two-core machine.
    await page.goto(playground.url, { timeout: 90_000 });
  } catch (error) {
    await browser.close().catch(() => undefined);
    await playground.stop();
    await harness.stop();
    throw error;
  }
  return {
    harness,
    playground,
    browser,
    page,
    stop: async () => {
      await browser.close().catch(() => undefined);
      await playground.stop();
      await harness.stop();
    },
  };
}

/** Types a message into the chat box as a person would. */
export async function typeMessage(page: Page, text: string): Promise<void> {
  const box = page.locator('div[contenteditable=true]').first();
  await box.click();
  await box.fill(text);
  await box.press('Enter');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(REPO_ROOT, '.data', 'e2e', `${name}.png`) });
}

/** The newest card in the chat that contains this text. */
export function card(page: Page, text: string | RegExp) {
  return page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
}

/** Presses a button on the newest card that contains the text. */
export async function clickOn(page: Page, cardText: string | RegExp, button: string): Promise<void> {
  const target = card(page, cardText);
  await target.waitFor({ timeout: 20000 });
  await target.locator('button', { hasText: button }).first().click();
}

/** Waits for intake question `step` (of 14: Sanne's office is known) and answers it by typing. */
export async function answerStep(page: Page, step: number, text: string): Promise<void> {
  await card(page, new RegExp(`Stap ${step} van 14`)).waitFor({ timeout: 20000 });
  await typeMessage(page, text);
}

/**
 * One Playground (with its bot and browser) for a describe block: started before its tests, stopped
 * after them. Read the running session inside a test: `const { page } = session();`.
 */
export function playgroundForSuite(options: PlaygroundSessionOptions = {}): () => PlaygroundSession {
  let session: PlaygroundSession | undefined;
  beforeAll(async () => {
    session = await startPlaygroundSession(options);
  }, 180000);
  afterAll(async () => {
    await session?.stop();
  });
  return () => {
    if (session === undefined) throw new Error('The Playground session did not start (see beforeAll).');
    return session;
  };
}

/**
 * Sanne reports the sample threat by typing every answer (14 questions, level 4, "bedreiging", an
 * unknown man in a red coat) and sends it; resolves with the case number the confirmation shows.
 */
export async function reportSampleThreat(page: Page): Promise<string> {
  await typeMessage(page, 'meld incident');
  await clickOn(page, 'Stap 1 van 14', 'Ja, ik ben veilig');
  for (const [step, text] of [
    [2, 'gisteren 21:30'], [3, 'bij de ingang van het stadhuis'], [4, 'Een man schreeuwde dat hij me zou opwachten.'], [5, '4'],
    [6, 'bedreiging'], [7, 'onbekend, man met een rode jas'], [8, 'geen'], [9, 'klaar'], [10, 'geen'], [11, 'nee'], [12, 'ja'], [13, 'ja'], [14, 'geen'],
  ] as const) {
    await answerStep(page, step, text);
  }
  await clickOn(page, 'Verstuur melding', 'Verstuur melding');
  await card(page, /WB-\d{4}-\d{5}/).waitFor({ timeout: 20000 });
  return /WB-\d{4}-\d{5}/.exec(await card(page, /WB-\d{4}-\d{5}/).innerText())![0];
}
