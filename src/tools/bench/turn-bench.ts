import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { channelCardAction, personalConversationId, personalMessage, post, type BenchChannel, type BenchPerson } from './activities';
import { probeFiles } from './bot-probe';
import { startFloorBot, startRealBot, type BotProcess } from './bot-processes';
import { BenchConnector } from './connector-stand-in';
import { summariseCpuProfile } from './profile-summary';
import { summariseRequests, type Phase } from './request-summary';
import { formatTable, type BurstSeries, type LatencySeries } from './stats';

/**
 * `npm run bench`, part two: chat turns and card actions of the real bot against the floor of the
 * stack (a bare botbuilder bot, src/tools/bench/floor-bot.ts), measured from outside over HTTP in
 * one run. Both bots are their own processes and reply to one local Bot Connector stand-in.
 * Each measured request to the bot is paired with the same kind of request to the floor bot,
 * right after it, so both see the same load on the machine.
 */

/** Samples per scenario, after warm-up; `--quick` divides them by four. */
export interface TurnBenchOptions {
  quick?: boolean;
  /**
   * Profile the bot (CPU and outgoing requests) into this folder: window 1 during the measured
   * intake turns, window 2 during the card actions.
   */
  probeDirectory?: string;
}

const INTAKE_WALKS = { warmUp: 4, measured: 20 };
const REFRESHES = { warmUp: 30, measured: 300 };
const TICKS = { warmUp: 20, measured: 200 };
const BURSTS = { warmUp: 5, measured: 40, size: 16 };

/** The sample directory's handler desk of the municipality of Utrecht (src/local/sample-directory.json). */
const HANDLER: BenchPerson = { id: 'user-peter', name: 'Peter Jansen', aadObjectId: '7f3c1a20-4b5d-4e6f-8a9b-000000000001' };
const DESK: BenchChannel = { teamId: '19:weerbaar-bestuur-utrecht@thread.tacv2', channelId: '19:meldingen-gemeentesecretaris@thread.tacv2' };

/** Typed answers a reporter gives; a known perpetrator (by licence plate) makes the repeat lookup run, as in real cases. */
const TYPED_ANSWERS: Readonly<Record<string, string>> = {
  when: 'gisteren 21:30',
  where: 'bij de ingang van het gemeentehuis',
  what: 'Een man schreeuwde dat hij me na de vergadering zou opwachten en kwam dreigend op me af.',
  kinds: 'bedreiging, intimidatie',
  perpetrator: 'man met een groene jas, reed weg in een auto met kenteken 12-ABC-3',
  witnesses: 'de bode en twee raadsleden',
  evidence: 'klaar',
  injury: 'geen',
  damage: 'nee',
  criminalOffence: 'ja',
  hindrance: 'ja',
  aftercare: 'graag een gesprek met de vertrouwenspersoon',
};

export async function runTurnBench(options: TurnBenchOptions = {}): Promise<string> {
  const scale = (n: number) => (options.quick ? Math.max(2, Math.ceil(n / 4)) : n);
  const connector = new BenchConnector();
  await connector.start();
  let floor: BotProcess | undefined;
  let bot: BotProcess | undefined;
  try {
    floor = await startFloorBot();
    bot = await startRealBot(connector.url, options.probeDirectory);
    const probe = options.probeDirectory === undefined ? undefined : new Probe(bot, options.probeDirectory);
    const run = new Scenarios(connector, floor.baseUrl, bot.baseUrl);

    // Stretches of measured samples, for the request trace.
    const phases: Phase[] = [];
    const phase = async (what: string, actions: () => number, work: () => Promise<void>) => {
      const start = performance.timeOrigin + performance.now();
      await work();
      phases.push({ what, start, end: performance.timeOrigin + performance.now(), actions: actions() });
    };

    const intake: LatencySeries = { what: 'intake turn', floor: [], bot: [], goals: { p50: 2, p95: 3 } };
    const caseIds: string[] = [];
    for (let walk = 0; walk < scale(INTAKE_WALKS.warmUp); walk++) caseIds.push(await run.intakeWalk(undefined, true));
    await probe?.open();
    await phase(intake.what, () => intake.bot.length, async () => {
      for (let walk = 0; walk < scale(INTAKE_WALKS.measured); walk++) await run.intakeWalk(intake, false);
    });
    await probe?.close();

    await probe?.open();
    const refresh: LatencySeries = { what: 'case card refresh', floor: [], bot: [], goals: { p95: 3 } };
    for (let i = 0; i < scale(REFRESHES.warmUp); i++) await run.refresh(caseIds[0]);
    await phase(refresh.what, () => refresh.bot.length, async () => {
      for (let i = 0; i < scale(REFRESHES.measured); i++) await run.refresh(caseIds[0], refresh);
    });

    const tick: LatencySeries = { what: 'checklist tick', floor: [], bot: [], goals: { p95: 3 } };
    await run.take(caseIds[0]);
    for (let i = 0; i < scale(TICKS.warmUp); i++) await run.tick(caseIds[0], i);
    await phase(tick.what, () => tick.bot.length, async () => {
      for (let i = 0; i < scale(TICKS.measured); i++) await run.tick(caseIds[0], i, tick);
    });

    const burst: BurstSeries = { what: `${BURSTS.size} concurrent refreshes`, size: BURSTS.size, floor: [], bot: [], goal: 0.5 };
    for (let i = 0; i < scale(BURSTS.warmUp); i++) await run.burst(caseIds[0], BURSTS.size);
    await phase(`refresh in a burst of ${BURSTS.size}`, () => burst.bot.length * BURSTS.size, async () => {
      for (let i = 0; i < scale(BURSTS.measured); i++) await run.burst(caseIds[0], BURSTS.size, burst);
    });

    await probe?.close();

    const report = [
      `Chat turns and card actions against the floor (a bare botbuilder bot), one run on this machine${probe ? ' — PROFILED: times inflated' : ''}`,
      formatTable([intake, refresh, tick], [burst]),
    ];
    if (probe) {
      const connectorPort = Number(new URL(connector.url).port);
      const [intakeWindow, cardWindow] = [probeFiles(probe.directory, 1), probeFiles(probe.directory, 2)];
      report.push(
        '',
        'Outgoing requests of the bot per action (Table Storage by table, Bot Connector):',
        summariseRequests(intakeWindow.requestTrace, phases.slice(0, 1), connectorPort),
        summariseRequests(cardWindow.requestTrace, phases.slice(1), connectorPort),
        '',
        `CPU profile of the bot during the card actions (${cardWindow.cpuProfile}):`,
        summariseCpuProfile(cardWindow.cpuProfile),
        '',
        `CPU profile of the bot during the intake turns (${intakeWindow.cpuProfile}):`,
        summariseCpuProfile(intakeWindow.cpuProfile, 10),
      );
    }
    return report.join('\n');
  } finally {
    await bot?.stop();
    await floor?.stop();
    await connector.stop();
  }
}

/** Opens and closes the windows of bot-probe.ts in the bot process. */
class Probe {
  private windows = 0;

  constructor(
    private readonly bot: BotProcess,
    readonly directory: string,
  ) {
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
  }

  async open(): Promise<void> {
    this.bot.signal('SIGUSR2');
    // The signal is handled between two requests; give it a moment before measuring.
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  /** Closes the window and waits until the bot has written its files (the profile last). */
  async close(): Promise<void> {
    this.windows += 1;
    const { cpuProfile } = probeFiles(this.directory, this.windows);
    this.bot.signal('SIGUSR2');
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (existsSync(cpuProfile)) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the bot wrote no CPU profile');
  }
}

/** The requests of each scenario, each timed against the floor bot right after the real one. */
class Scenarios {
  constructor(
    private readonly connector: BenchConnector,
    private readonly floorUrl: string,
    private readonly botUrl: string,
  ) {}

  /** A new reporter walks the intake to the summary; each turn is a sample. Returns the case id when `submit`. */
  async intakeWalk(series: LatencySeries | undefined, submit: boolean): Promise<string> {
    const reporter: BenchPerson = { id: `user-bench-${randomUUID()}`, name: 'Melder Bench', aadObjectId: randomUUID() };
    let content: { text: string } | { value: Record<string, unknown> } = { text: 'meld incident' };
    let previous: string | undefined;
    for (let turn = 0; turn < 30; turn++) {
      await this.timedPair(series, personalMessage(reporter, this.connector.url, content), personalMessage(reporter, this.connector.url, content));
      const card = this.connector.lastCard(personalConversationId(reporter));
      const step = submitData(card, 'intake.answer')?.step as string | undefined;
      if (step === undefined) {
        const submitButton = submitData(card, 'intake.submit');
        if (!submitButton) throw new Error('the intake ended without a summary card');
        if (!submit) return '';
        await this.ok(this.botUrl, personalMessage(reporter, this.connector.url, { value: submitButton }));
        return String(submitButton.draftId);
      }
      if (step === previous) throw new Error(`the bot refused the benchmark's answer for "${step}"`);
      previous = step;
      content = answerFor(step);
    }
    throw new Error('the intake did not reach the summary');
  }

  async refresh(caseId: string, series?: LatencySeries): Promise<void> {
    const body = await this.timedPair(series, this.action('case.refresh', { caseId }), this.action('case.refresh', { caseId }));
    if (!series && !JSON.stringify(body).includes('case.refresh')) throw new Error('the refresh did not answer with the case card');
  }

  async take(caseId: string): Promise<void> {
    await this.ok(this.botUrl, this.action('case.take', { caseId }));
  }

  /** Ticks police checklist step 1, or unticks it on odd rounds: a write each time. */
  async tick(caseId: string, round: number, series?: LatencySeries): Promise<void> {
    const verb = round % 2 === 0 ? 'case.tickChecklistStep' : 'case.untickChecklistStep';
    const body = await this.timedPair(series, this.action(verb, { caseId, step: 1 }), this.action(verb, { caseId, step: 1 }));
    // The compact card counts the ticked steps in the checklist section's title.
    if (!series && JSON.stringify(body).includes('1 van 9 gedaan') !== (round % 2 === 0)) throw new Error(`${verb} did not change the checklist`);
  }

  /**
   * `size` refreshes of one case card at once, as when that many people open the channel (Teams
   * refreshes the card for each of them); the wall time of the burst is the sample.
   */
  async burst(caseId: string, size: number, series?: BurstSeries): Promise<void> {
    const fire = async (url: string) => {
      const started = performance.now();
      await Promise.all(Array.from({ length: size }, () => this.ok(url, this.action('case.refresh', { caseId }))));
      return performance.now() - started;
    };
    const botMs = await fire(this.botUrl);
    const floorMs = await fire(this.floorUrl);
    series?.bot.push(botMs);
    series?.floor.push(floorMs);
  }

  /** An action on the case card of `data.caseId`, in the desk's channel. */
  private action(verb: string, data: { caseId: string } & Record<string, unknown>): Record<string, unknown> {
    return channelCardAction(HANDLER, this.connector.url, DESK, `card-${data.caseId}`, verb, data);
  }

  /** The bot's request, then the floor's; records both durations. Returns the bot's answer body. */
  private async timedPair(series: { floor: number[]; bot: number[] } | undefined, toBot: Record<string, unknown>, toFloor: Record<string, unknown>): Promise<unknown> {
    let started = performance.now();
    const body = await this.ok(this.botUrl, toBot);
    const botMs = performance.now() - started;
    started = performance.now();
    await this.ok(this.floorUrl, toFloor);
    const floorMs = performance.now() - started;
    series?.bot.push(botMs);
    series?.floor.push(floorMs);
    return body;
  }

  private async ok(url: string, activity: Record<string, unknown>): Promise<unknown> {
    const answer = await post(url, activity);
    if (answer.status !== 200) throw new Error(`${url} answered HTTP ${answer.status}`);
    return answer.body;
  }
}

/** The data of the card's Action.Submit whose `action` is `action`. */
function submitData(card: unknown, action: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    const data = record.data as Record<string, unknown> | undefined;
    if (record.type === 'Action.Submit' && data?.action === action) found = data;
    else Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

/** What the reporter answers to `step`: a button for safety, office and level, typed text otherwise. */
function answerFor(step: string): { text: string } | { value: Record<string, unknown> } {
  if (step === 'safety') return { value: { action: 'intake.answer', step, value: 'safe' } };
  if (step === 'who') return { value: { action: 'intake.answer', step, role: 'wethouder', organisationId: 'gemeente-utrecht' } };
  if (step === 'level') return { value: { action: 'intake.answer', step, value: '4' } };
  const text = TYPED_ANSWERS[step];
  if (text === undefined) throw new Error(`the benchmark has no answer for intake step "${step}"`);
  return { text };
}
