import { randomBytes, randomUUID } from 'crypto';
import { ClientSecretCredential } from '@azure/identity';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import * as path from 'path';
import { loadConfig, type AppConfig } from './config/env';
import { loadDirectory, REPO_ROOT, SAMPLE_DIRECTORY_PATH } from './config/load-directory';
import { workingDayCalendar } from './config/decree-days';
import { createLogger, type Logger } from './app/logger';
import { installProcessGuards } from './app/process-guards';
import { startAzuriteProcess, type AzuriteProcessHandle } from './storage/azurite-process';
import { checkStorageHealth, createTableClientFactory } from './storage/table-clients';
import { TableConversationStore } from './storage/conversation.repository';
import { TableDraftRepository } from './storage/draft.repository';
import { TableProfileRepository } from './storage/profile.repository';
import { TableCaseHistoryRepository } from './storage/case-history.repository';
import { TableCaseRepository } from './storage/case.repository';
import { TableCounterRepository } from './storage/counter.repository';
import { EvidenceBlobStore } from './storage/blob-store';
import { IntakeService } from './app/intake.service';
import { EvidenceService } from './app/evidence.service';
import { systemClock } from './app/system-clock';
import { CaseHandlingService } from './app/case-handling.service';
import { ReminderService } from './app/reminder.service';
import { TablePostedCardRepository } from './storage/posted-card.repository';
import { TableReminderRepository } from './storage/reminder.repository';
import { ConversationPacer, PacedDelivery, ReminderSweeper, realTimer, type Timer } from './scheduler/reminder-sweeper';
import { ProactiveMessenger } from './teams/proactive-messenger';
import { RoutingRepairJob } from './scheduler/routing-repair';
import { OutboxWorker } from './scheduler/outbox-worker';
import { OutboxService } from './app/outbox.service';
import { CaseEffectRunner } from './app/case-effect-runner';
import { Recidive } from './app/recidive';
import { TableOutboxRepository } from './storage/outbox.repository';
import { TablePerpetratorIndex } from './storage/perpetrator-index.repository';
import { notingPlannedMeetings } from './app/planned-meetings';
import { TeamsCaseNotifier } from './teams/case/case-notifier';
import { TeamsDeliveryFailureRecorder, TeamsReminderSender } from './teams/reminder-sender';
import { LOCAL_BOT_ID } from './local/playground';
import type { Clock } from './domain/clock';
import { closeServer, createHttpServer, listen } from './http/server';
import { createBotAdapter } from './teams/bot-adapter';
import { createActivityHandler } from './teams/activity-handler';
import { BotFrameworkSigningKeys, DEFAULT_SIGNING_KEY_OPTIONS, type SigningKeyOptions } from './teams/auth/signing-keys';
import { shareSigningKeysWithSdk } from './teams/auth/sdk-key-cache';
import { createTeamsApp } from './teams/teams-app';
import { CardRenderer } from './teams/cards/card-renderer';
import type { CalendarGateway } from './app/calendar-ports';
import { MeetingService } from './app/meeting.service';
import { TableMeetingRepository } from './storage/meeting-plan.repository';
import { GraphCalendarGateway } from './graph/calendar.gateway';
import { calendarModeFromConfig, createGraphClient, defaultScope, type CalendarMode } from './graph/graph-client';
import { icsFile } from './graph/ics';
import { figuresRegistrationKeeper, RetentionService, type PurgeReport } from './app/retention.service';
import { TableRetentionRepository } from './storage/retention.repository';
import { RetentionJob } from './scheduler/retention-job';
import { OwnDataService } from './app/own-data.service';
import type { FileDelivery } from './app/file-delivery-ports';
import { INVOKE_CALENDAR_RETRY } from './teams/meeting/meeting-actions';
import { FiguresService } from './app/figures.service';
import { TableFiguresRepository } from './storage/figures.repository';
import { FiguresExportService } from './app/figures-export.service';
import { PoliceFormService } from './app/police-form.service';
import { renderPoliceFormPdf } from './reports/police-form-pdf';
import { FileDeliveryService } from './app/file-delivery.service';
import { TableDownloadRepository } from './storage/download.repository';
import { ExpiredFilesJob } from './scheduler/expired-files-job';
import { renderFiguresChart } from './reports/figures-chart';
import { registrationCsv, registrationCsvFileName } from './reports/registration-csv';

/** Logical table names; the physical names get TABLE_PREFIX in front. */
export const TABLES = ['ConversationRefs', 'Drafts', 'Profiles', 'Cases', 'Counters', 'CardRefs', 'Reminders', 'Meetings', 'Outbox', 'PerpetratorIndex', 'Figures', 'Downloads', 'Retention'] as const;

/** Blob container for evidence copied out of the chat. */
export const EVIDENCE_CONTAINER = 'evidence';
/** The first background retry of a calendar call Graph refused as busy: after that the outbox's back-off applies. */
export const MEETING_RETRY_DELAY_MS = 30_000;
/** Blob container for files offered in the 1:1 chat through a short-lived link (exports, police forms). */
export const DOWNLOADS_CONTAINER = 'downloads';

/** Where the bot keeps its data, for the start-up banner (never the connection string itself). */
export type StorageDescription = { kind: 'embedded-azurite'; location: string } | { kind: 'connection-string'; endpoint: string };

/** A running bot: its port and a way to stop everything it started. */
export interface RunningBot {
  port: number;
  localMode: boolean;
  storage: StorageDescription;
  /** For tests and tools: sweep due reminders now. */
  reminders: ReminderService;
  /** For tests and tools: route cases whose card never reached the desk. */
  routingRepair: RoutingRepairJob;
  /** For tests and tools: the files offered for download (delete the expired ones now). */
  files: FileDeliveryService;
  /** For tests and tools: count the cases stored before the figures existed (once per table). */
  figuresBackfill(): Promise<number>;
  /** For tests and tools: wait until this instance has carried out what it wrote; run the recovery pass now. */
  outbox: { settle(): Promise<void>; recover(): Promise<number> };
  /**
   * Local mode (`npm start`): posts the card of every open case to its desk channel again, because the
   * Playground keeps chats in memory and forgets them on a restart. Returns how many were posted.
   */
  repostOpenCaseCards(): Promise<number>;
  /** For tests and tools: the daily purge now (once per UTC day across instances). */
  retention: { runDaily(): Promise<PurgeReport> };
  stop(): Promise<void>;
}

/** Seams for tests: a logger, a fixed clock, a fake timer, no background sweeping, quicker key fetch timeouts. */
export interface StartOptions {
  logger?: Logger;
  clock?: Clock;
  timer?: Timer;
  sweepReminders?: boolean;
  /** False: effects are written but this instance never carries them out (a test's instance that dies right after its write). */
  drainOutbox?: boolean;
  signingKeys?: Partial<Pick<SigningKeyOptions, 'timeoutMs' | 'failureBackoffMs'>>;
  /** Hands files to the person who asked ("mijn gegevens"); tests pass an in-memory one. */
  fileDelivery?: FileDelivery;
}

/**
 * Composition root: reads configuration, starts Azurite in local mode when no storage is
 * configured, wires the adapters around the core and starts listening. Everything it starts,
 * `stop()` stops.
 */
export async function startBot(config: AppConfig = loadConfig(), options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config.logFormat);
  // loadConfig already refused a deployment without DIRECTORY_PATH or STORAGE_CONNECTION_STRING.
  if (!config.localMode && !config.DIRECTORY_PATH) throw new Error('DIRECTORY_PATH is required outside local mode.');
  const directory = loadDirectory(config.DIRECTORY_PATH ? path.resolve(config.DIRECTORY_PATH) : SAMPLE_DIRECTORY_PATH);
  // Read and checked before anything starts: a bad decree file stops start-up with its problems.
  const workingDays = workingDayCalendar(config.DECREE_DAYS_PATH);

  let azurite: AzuriteProcessHandle | undefined;
  const azuriteLocation = path.resolve(REPO_ROOT, config.AZURITE_LOCATION);
  let connectionString = config.STORAGE_CONNECTION_STRING;
  if (!connectionString) {
    if (!config.localMode) throw new Error('STORAGE_CONNECTION_STRING is required outside local mode.');
    const started = Date.now();
    // Its own process: restify (this process's HTTP server) patches Node's http module, which Azurite cannot run beside.
    azurite = await startAzuriteProcess({
      location: azuriteLocation,
      tablePort: config.AZURITE_TABLE_PORT,
      blobPort: config.AZURITE_BLOB_PORT,
    });
    connectionString = azurite.connectionString;
    logger.info('storage.azurite_started', { durationMs: Date.now() - started, detail: `own process ${azurite.pid}` });
  }

  const tables = createTableClientFactory(connectionString, config.TABLE_PREFIX);
  await tables.ensureTables(TABLES);

  const clock = options.clock ?? systemClock;
  const cards = new CardRenderer(path.join(REPO_ROOT, 'cards'));
  const conversations = new TableConversationStore(tables.client('ConversationRefs'));
  const outbox = new TableOutboxRepository(tables.client('Cases'), tables.client('Outbox'));
  const cases = new TableCaseRepository(tables.client('Cases'), outbox);
  const perpetrators = new TablePerpetratorIndex(tables.client('PerpetratorIndex'), config.PERPETRATOR_KEY);
  // Rows filed before the index kept case numbers: the case number is read from the case.
  const recidive = new Recidive(perpetrators, async (caseId) => (await cases.get(caseId))?.case.caseNumber);
  const caseNumbers = new TableCounterRepository(tables.client('Counters'));

  const adapter = createBotAdapter(config, logger);
  const messenger = new ProactiveMessenger({
    adapter,
    conversations,
    botAppId: config.MicrosoftAppId ?? '',
    botId: config.MicrosoftAppId ? `28:${config.MicrosoftAppId}` : LOCAL_BOT_ID,
    tenantId: directory.tenantId,
    defaultServiceUrl: config.CONNECTOR_SERVICE_URL,
    memberIdFor: (aadObjectId) => directory.teamsUserIdOf(aadObjectId) ?? aadObjectId,
  });

  const reminders = new ReminderService({
    store: new TableReminderRepository(tables.client('Reminders')),
    cases,
    directory,
    delivery: new PacedDelivery({ sender: new TeamsReminderSender(messenger, (id) => directory.nameOf(id)), pacer: new ConversationPacer(clock), clock, timer: options.timer ?? realTimer, logger }),
    failures: new TeamsDeliveryFailureRecorder({ messenger, directory, cases, logger }),
    clock,
    workingDays,
    logger,
    options: { aftercareCheckIn: config.AFTERCARE_CHECK_IN },
  });
  const timer = options.timer ?? realTimer;
  const notifier = new TeamsCaseNotifier({ messenger, cards, directory, postedCards: new TablePostedCardRepository(tables.client('CardRefs')), clock });
  const figures = new FiguresService({ store: new TableFiguresRepository(tables.client('Figures')), directory, clock });
  const figuresBackfill = () => figures.backfill(cases.listAllWithRevision(), (c) => recidive.withCount(c));
  // The meeting planner is made below and retries its calendar calls through this outbox: the runner finds it then.
  const later: { meetings?: MeetingService } = {};
  const outboxService = new OutboxService({ store: outbox, runner: new CaseEffectRunner({ notifier, scheduler: reminders, recidive, figures, meetings: () => later.meetings }), clock, logger });
  const outboxWorker = new OutboxWorker({ drainer: outboxService, timer, logger }, { drainOnWake: options.drainOutbox ?? true });
  const caseHandling = new CaseHandlingService({ cases, history: new TableCaseHistoryRepository(tables.client('Cases')), directory, recidive, outbox, worker: outboxWorker, notifier, clock, workingDays, logger });
  const drafts = new TableDraftRepository(tables.client('Drafts'));
  const profiles = new TableProfileRepository(tables.client('Profiles'));
  const intake = new IntakeService({
    drafts,
    profiles,
    cases,
    caseNumbers: { next: (year) => caseNumbers.nextSequence(`case-${year}`) },
    directory,
    clock,
    workingDays,
    newId: randomUUID,
    registration: caseHandling,
    logger,
  });

  const meetings = new MeetingService({
    cases,
    meetings: notingPlannedMeetings(new TableMeetingRepository(tables.client('Meetings')), (caseId, kind, by) => caseHandling.notePlannedMeeting(caseId, kind, by)),
    directory,
    ...optionalCalendar(createCalendarGateway(config, logger)),
    clock,
    workingDays,
    newId: randomUUID,
    newToken: () => randomBytes(32).toString('base64url'),
    logger,
    retryInBackground: async (caseId, meetingId) => {
      await outbox.add(caseId, [{ kind: 'syncMeetingCalendar', meetingId }], new Date(clock.now().getTime() + MEETING_RETRY_DELAY_MS));
    },
  });
  later.meetings = meetings;
  // Known once the server listens (PORT=0 picks a port); the links are only made after that.
  let publicBaseUrl = config.PUBLIC_BASE_URL;
  const icsUrl = (token: string): string => `${publicBaseUrl ?? `http://127.0.0.1:${config.PORT}`}/ics/${token}`;
  const files = new FileDeliveryService({
    store: new TableDownloadRepository(tables.client('Downloads'), new EvidenceBlobStore(connectionString, DOWNLOADS_CONTAINER)),
    clock,
    newToken: () => randomBytes(32).toString('base64url'),
    urlFor: (token) => `${publicBaseUrl ?? `http://127.0.0.1:${config.PORT}`}/download/${token}`,
    lifetimeMs: config.FILE_LINK_MINUTES * 60_000,
    logger,
  });
  const figureExports = new FiguresExportService({ figures, writer: { csv: registrationCsv, fileName: registrationCsvFileName }, delivery: files, clock });

  // Issue 12: retention (daily purge after RETENTION_DAYS_AFTER_CLOSING, once confirmed by the coordinator VPT).
  const evidenceBlobs = new EvidenceBlobStore(connectionString, EVIDENCE_CONTAINER);
  const retention = new RetentionService({
    store: new TableRetentionRepository(tables.client('Retention'), {
      cases: tables.client('Cases'),
      meetings: tables.client('Meetings'),
      cardRefs: tables.client('CardRefs'),
      drafts: tables.client('Drafts'),
    }),
    evidence: evidenceBlobs,
    perpetrators,
    registrations: figuresRegistrationKeeper(figures),
    countEarlier: (c) => recidive.countEarlier(c),
    coordinatorAadObjectId: () => directory.coordinatorVpt.aadObjectId,
    retentionDays: config.RETENTION_DAYS_AFTER_CLOSING,
    clock,
    logger,
    owner: `bot-${randomUUID()}`,
  });
  const retentionJob = new RetentionJob({ runDaily: () => retention.runDaily(), timer: options.timer ?? realTimer, logger });

  // "mijn gegevens": the office holder's own data as a file through the short-lived link (tests may pass another FileDelivery).
  const ownData = new OwnDataService({ sources: { cases, drafts, profiles, conversations }, files: options.fileDelivery ?? files, clock });

  const app = createTeamsApp({
    adapter,
    cards,
    conversations,
    directory,
    intake,
    caseHandling,
    evidence: new EvidenceService(evidenceBlobs, randomUUID),
    clock,
    ...(config.MicrosoftAppId ? { botAppId: config.MicrosoftAppId } : {}),
    meetings: { service: meetings, icsUrl },
    figures: { figures, exports: figureExports, drawChart: (months) => renderFiguresChart(months) },
    policeForms: new PoliceFormService({ cases, directory, renderPdf: (form) => renderPoliceFormPdf(form), delivery: files, clock }),
    directMessages: messenger,
    privacy: { retention, ownData },
    logger,
  });

  const sweeper = new ReminderSweeper({ service: reminders, clock, timer, logger }, { intervalMs: config.REMINDER_SWEEP_INTERVAL_MS });
  const routingRepair = new RoutingRepairJob({ repair: (graceMs) => caseHandling.repairRouting(graceMs), timer, logger });
  const expiredFiles = new ExpiredFilesJob({ removeExpired: () => files.removeExpired(), timer, logger });
  if (options.sweepReminders ?? true) {
    sweeper.start();
    routingRepair.start();
    expiredFiles.start();
    outboxWorker.start();
    retentionJob.start();
    // Cases stored before the perpetrator index existed are filed once, in the background.
    perpetrators.backfill(tables.client('Cases')).catch((error: Error) => logger.error('recidive.backfill_failed', { detail: error.name }));
    // Cases stored before the figures were kept are counted once; safe beside other instances doing the same.
    figuresBackfill()
      .then((count) => count > 0 && logger.info('figures.backfilled', { count }))
      .catch((error: Error) => logger.error('figures.backfill_failed', { detail: error.name }));
  }

  const storageConnection = connectionString;
  const server = createHttpServer({
    handleActivity: createActivityHandler({ adapter, app, logger, ...signingKeysFor(config, options, logger) }),
    localMode: config.localMode,
    health: { check: () => checkStorageHealth(storageConnection) },
    icsFiles: {
      fileFor: async (token) => {
        const source = await meetings.icsSource(token);
        return source && icsFile(source.plan, source.caseNumber, source.organiser, clock.now());
      },
    },
    downloads: files,
    logger,
  });
  const port = await listen(server, config.PORT, config.listenHost).catch(async (error: unknown) => {
    await sweeper.stop();
    await routingRepair.stop();
    await expiredFiles.stop();
    await outboxWorker.stop();
    await retentionJob.stop();
    await azurite?.stop();
    throw error;
  });
  publicBaseUrl ??= `http://127.0.0.1:${port}`;
  logger.info('bot.listening', { detail: config.localMode ? `local mode on ${config.listenHost}, no Bot Framework auth` : `authenticated mode on ${config.listenHost}`, port });

  return {
    port,
    localMode: config.localMode,
    storage: azurite ? { kind: 'embedded-azurite', location: azuriteLocation } : { kind: 'connection-string', endpoint: storageEndpoint(connectionString) },
    reminders,
    routingRepair,
    figuresBackfill,
    files,
    outbox: { settle: () => outboxWorker.idle(), recover: () => outboxWorker.recoverNow() },
    retention: { runDaily: () => retention.runDaily() },
    repostOpenCaseCards: async () => {
      if (!config.localMode) throw new Error('repostOpenCaseCards is for local mode only');
      let posted = 0;
      for (const c of await cases.listOpen()) {
        try {
          await notifier.postCaseCard(await recidive.withCount(c));
          posted += 1;
        } catch (error) {
          logger.warn('local.repost_failed', { caseId: c.id, code: (error as Error).name });
        }
      }
      return posted;
    },
    stop: async () => {
      await sweeper.stop();
      await routingRepair.stop();
      await expiredFiles.stop();
      await retentionJob.stop();
      await closeServer(server);
      // What this instance wrote is carried out before it stops (or left to the others' recovery).
      await outboxWorker.stop();
      if (azurite) await azurite.stop();
    },
  };
}

/** Authenticated mode: the Bot Framework signing keys, shared with the SDK's own token check. */
function signingKeysFor(config: AppConfig, options: StartOptions, logger: Logger): { auth?: { appId: string; keys: BotFrameworkSigningKeys } } {
  if (config.localMode) return {};
  // loadConfig refuses this already; never fall back to unauthenticated outside local mode.
  if (!config.MicrosoftAppId) throw new Error('MicrosoftAppId is required outside local mode.');
  const keys = new BotFrameworkSigningKeys({ ...DEFAULT_SIGNING_KEY_OPTIONS, ...options.signingKeys, logger });
  shareSigningKeysWithSdk(keys);
  return { auth: { appId: config.MicrosoftAppId, keys } };
}

/** The storage endpoint named by a connection string (its host or account), without any key. */
export function storageEndpoint(connectionString: string): string {
  const parts = new Map(
    connectionString
      .split(';')
      .map((part) => part.split('='))
      .filter((pair) => pair.length >= 2)
      .map(([name, ...value]) => [name.trim().toLowerCase(), value.join('=').trim()] as const),
  );
  if (parts.get('usedevelopmentstorage') === 'true') return 'Azurite (UseDevelopmentStorage)';
  const endpoint = parts.get('tableendpoint') ?? parts.get('blobendpoint');
  if (endpoint) {
    try {
      return new URL(endpoint).host;
    } catch {
      // fall through to the account name
    }
  }
  return parts.get('accountname') ? `account ${parts.get('accountname')}` : 'Azure Storage';
}

/**
 * Which app registration the calendar uses: GRAPH_TENANT_ID / GRAPH_CLIENT_ID / GRAPH_CLIENT_SECRET,
 * each defaulting to the bot's own; without any of them, the bot's registration decides (local
 * mode or a managed identity fall back to .ics).
 */
export function calendarSettings(config: AppConfig): CalendarMode {
  if (config.GRAPH_TENANT_ID === undefined && config.GRAPH_CLIENT_ID === undefined && config.GRAPH_CLIENT_SECRET === undefined) {
    return calendarModeFromConfig(config);
  }
  const tenantId = config.GRAPH_TENANT_ID ?? config.MicrosoftAppTenantId;
  const clientId = config.GRAPH_CLIENT_ID ?? config.MicrosoftAppId;
  const clientSecret = config.GRAPH_CLIENT_SECRET ?? config.MicrosoftAppPassword;
  if (!tenantId || !clientId || !clientSecret) return { mode: 'ics', reason: 'incomplete GRAPH_* credentials' };
  return { mode: 'graph', baseUrl: config.GRAPH_BASE_URL, credentials: { tenantId, clientId, clientSecret } };
}

/** The Microsoft Graph calendar, or undefined when calendar integration is off (the .ics fallback). */
function createCalendarGateway(config: AppConfig, logger: Logger): CalendarGateway | undefined {
  const settings = calendarSettings(config);
  if (settings.mode === 'ics') {
    logger.info('calendar.ics_fallback', { detail: settings.reason });
    return undefined;
  }
  const { tenantId, clientId, clientSecret } = settings.credentials;
  // A sovereign cloud or a stand-in signs in elsewhere; its metadata comes from that host itself.
  const client = config.GRAPH_AUTHORITY_HOST
    ? createGraphClient({
        baseUrl: settings.baseUrl,
        authProvider: new TokenCredentialAuthenticationProvider(
          new ClientSecretCredential(tenantId, clientId, clientSecret, { authorityHost: config.GRAPH_AUTHORITY_HOST, disableInstanceDiscovery: true }),
          { scopes: [defaultScope(settings.baseUrl)] },
        ),
      })
    : createGraphClient({ baseUrl: settings.baseUrl, credentials: settings.credentials });
  logger.info('calendar.graph', { detail: new URL(settings.baseUrl).host });
  return new GraphCalendarGateway({ client, retry: INVOKE_CALENDAR_RETRY, logger });
}

function optionalCalendar(calendar: CalendarGateway | undefined): { calendar?: CalendarGateway } {
  return calendar === undefined ? {} : { calendar };
}

/** Stops cleanly on Ctrl+C or a platform stop, so Azurite flushes its data to disk. */
export function stopOnSignals(bot: RunningBot, logger: Logger, extra: () => Promise<void> = async () => undefined): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('bot.stopping', { detail: signal });
    await extra().catch(() => undefined);
    await bot.stop().catch(() => undefined);
    logger.info('bot.stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** `node dist/src/main.js`: the deployed bot (or, with LOCAL_MODE=true, a local one without the Playground). */
if (require.main === module) {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const logger = createLogger(config.logFormat);
  installProcessGuards(logger);
  startBot(config, { logger })
    .then((bot) => stopOnSignals(bot, logger))
    .catch((error: Error) => {
      console.error(error.message);
      process.exit(1);
    });
}
