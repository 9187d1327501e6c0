import { z } from 'zod';

/** An http(s) URL, or nothing: an empty value (as in .env.example) counts as not set. */
const optionalHttpUrl = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z
    .string()
    .url()
    .refine((value) => /^https?:\/\//i.test(value), 'moet met http:// of https:// beginnen')
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
);

/** Read once at start-up; every variable is documented in .env.example. */
const EnvSchema = z
  .object({
    /** `true` only on a developer's machine (`npm start` sets it): no Bot Framework auth, 127.0.0.1 only. */
    LOCAL_MODE: z.enum(['true', 'false', '']).default('false').transform((v) => v === 'true'),
    /** `text` (one readable line per event) or `json` (one JSON object per line); default text locally, json deployed. */
    LOG_FORMAT: z.enum(['text', 'json', '']).optional().transform((v) => (v ? v : undefined)),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    MicrosoftAppId: z.string().trim().optional(),
    MicrosoftAppPassword: z.string().optional(),
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
    MicrosoftAppTenantId: z.string().trim().optional(),
    STORAGE_CONNECTION_STRING: z.string().trim().optional(),
    TABLE_PREFIX: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9]{0,19}$/, 'alleen letters en cijfers, beginnend met een letter, maximaal 20 tekens')
      .default('wb'),
    AZURITE_LOCATION: z.string().default('.data/azurite'),
    AZURITE_TABLE_PORT: z.coerce.number().int().min(0).max(65535).default(10002),
    AZURITE_BLOB_PORT: z.coerce.number().int().min(0).max(65535).default(10000),
    DIRECTORY_PATH: z.string().optional(),
    /** A JSON file of royal-decree days (art. 3 lid 3 Algemene termijnenwet); empty: the shipped src/config/decree-days.json. */
    DECREE_DAYS_PATH: z.string().trim().optional(),
    GRAPH_BASE_URL: z.string().url().default('https://graph.microsoft.com/v1.0'),
    /** App registration for calendar calls; each defaults to the bot's own (MicrosoftAppTenantId/Id/Password). */
    GRAPH_TENANT_ID: z.string().trim().optional(),
    GRAPH_CLIENT_ID: z.string().trim().optional(),
    GRAPH_CLIENT_SECRET: z.string().optional(),
    /** Entra ID sign-in host for the calendar token, e.g. https://login.microsoftonline.us; default the public cloud. */
    GRAPH_AUTHORITY_HOST: optionalHttpUrl,
    /** Where people's browsers reach this bot (the .ics links); default http://127.0.0.1:<PORT>. */
    PUBLIC_BASE_URL: optionalHttpUrl,
    /** Bot Connector URL for proactive messages when no conversation reference is stored yet. */
    CONNECTOR_SERVICE_URL: z.string().url().optional(),
    /** How often the reminder sweeper looks for due reminders. */
    REMINDER_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
    /** A "hoe gaat het?" message to the office holder a week after the report. */
    AFTERCARE_CHECK_IN: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
    /** How long a download link in the 1:1 chat works (exports, police forms), in minutes. */
    FILE_LINK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
    /** Days a closed case is kept before it is reduced to its anonymous registration row (README "Privacy"). */
    RETENTION_DAYS_AFTER_CLOSING: z.coerce.number().int().min(30).max(3650).default(730),
    /** Secret for the keyed hash (HMAC-SHA-256) of perpetrator names and plates; required outside local mode. */
    PERPETRATOR_KEY: z.string().optional(),
  })
  .transform((env) => ({
    ...env,
    // An empty value (as in .env.example) counts as not set.
    MicrosoftAppId: env.MicrosoftAppId ? env.MicrosoftAppId : undefined,
    STORAGE_CONNECTION_STRING: env.STORAGE_CONNECTION_STRING ? env.STORAGE_CONNECTION_STRING : undefined,
    DECREE_DAYS_PATH: env.DECREE_DAYS_PATH ? env.DECREE_DAYS_PATH : undefined,
    GRAPH_TENANT_ID: env.GRAPH_TENANT_ID ? env.GRAPH_TENANT_ID : undefined,
    GRAPH_CLIENT_ID: env.GRAPH_CLIENT_ID ? env.GRAPH_CLIENT_ID : undefined,
    GRAPH_CLIENT_SECRET: env.GRAPH_CLIENT_SECRET ? env.GRAPH_CLIENT_SECRET : undefined,
    DIRECTORY_PATH: env.DIRECTORY_PATH ? env.DIRECTORY_PATH : undefined,
    PERPETRATOR_KEY: env.PERPETRATOR_KEY ? env.PERPETRATOR_KEY : undefined,
  }));

/**
 * The fixed key local mode uses for the perpetrator hash: a developer's data is no secret. Never used
 * outside local mode (loadConfig refuses to start without PERPETRATOR_KEY there).
 */
export const LOCAL_PERPETRATOR_KEY = 'local-development-perpetrator-key-not-secret';

export type AppConfig = Omit<z.infer<typeof EnvSchema>, 'LOCAL_MODE' | 'LOG_FORMAT' | 'PERPETRATOR_KEY'> & {
  /** The perpetrator hash key: PERPETRATOR_KEY, or the fixed development key in local mode. */
  readonly PERPETRATOR_KEY: string;
  readonly CONNECTOR_SERVICE_URL: string;
  /** LOCAL_MODE=true: no Bot Framework auth, listening on 127.0.0.1 only, embedded Azurite and sample directory. */
  readonly localMode: boolean;
  /** Where the HTTP server listens: loopback in local mode, every interface when deployed. */
  readonly listenHost: '127.0.0.1' | '0.0.0.0';
  readonly logFormat: 'text' | 'json';
};

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {}

/** Validates the environment; never logs values (they may be secrets). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  const { LOCAL_MODE: localMode, LOG_FORMAT, ...config } = parsed.data;
  const missing = localMode ? [] : requiredWhenDeployed(config);
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration (not in local mode):\n  - ${missing.join('\n  - ')}`);
  }
  if (localMode && config.MicrosoftAppId) {
    throw new ConfigError(
      'Invalid configuration:\n  - LOCAL_MODE=true has no Bot Framework authentication, so MicrosoftAppId must be empty (unset it, or unset LOCAL_MODE to run authenticated)',
    );
  }
  if (config.MicrosoftAppId && config.MicrosoftAppType !== 'UserAssignedMSI' && !config.MicrosoftAppPassword) {
    throw new ConfigError('Invalid configuration:\n  - MicrosoftAppPassword: required when MicrosoftAppId is set');
  }
  if (config.MicrosoftAppId && config.MicrosoftAppType !== 'MultiTenant' && !config.MicrosoftAppTenantId) {
    throw new ConfigError('Invalid configuration:\n  - MicrosoftAppTenantId: required for a single-tenant or MSI bot');
  }
  const graphOverride = config.GRAPH_TENANT_ID ?? config.GRAPH_CLIENT_ID ?? config.GRAPH_CLIENT_SECRET;
  if (graphOverride !== undefined) {
    const missing = [
      ['GRAPH_TENANT_ID', config.GRAPH_TENANT_ID ?? config.MicrosoftAppTenantId],
      ['GRAPH_CLIENT_ID', config.GRAPH_CLIENT_ID ?? config.MicrosoftAppId],
      ['GRAPH_CLIENT_SECRET', config.GRAPH_CLIENT_SECRET ?? config.MicrosoftAppPassword],
    ].filter(([, value]) => !value);
    if (missing.length > 0) {
      throw new ConfigError(`Invalid configuration:\n  - ${missing.map(([name]) => `${name}: required when another GRAPH_* credential is set (no bot credential to fall back on)`).join('\n  - ')}`);
    }
  }
  const connectorServiceUrl =
    config.CONNECTOR_SERVICE_URL ?? (localMode ? `http://localhost:${config.PLAYGROUND_PORT}/_connector` : 'https://smba.trafficmanager.net/teams/');
  return {
    ...config,
    PERPETRATOR_KEY: config.PERPETRATOR_KEY ?? LOCAL_PERPETRATOR_KEY,
    CONNECTOR_SERVICE_URL: connectorServiceUrl,
    localMode,
    listenHost: localMode ? '127.0.0.1' : '0.0.0.0',
    // A person reads the terminal locally; a log collector reads JSON when deployed.
    logFormat: LOG_FORMAT ?? (localMode ? 'text' : 'json'),
  };
}

/** Outside local mode nothing falls back to a local default: each missing setting is named. */
function requiredWhenDeployed(config: { MicrosoftAppId?: string; STORAGE_CONNECTION_STRING?: string; DIRECTORY_PATH?: string; PERPETRATOR_KEY?: string }): string[] {
  const problems: string[] = [];
  if (!config.PERPETRATOR_KEY || config.PERPETRATOR_KEY.length < 32) {
    problems.push('PERPETRATOR_KEY: required, at least 32 characters (the key of the hash under which perpetrators are compared)');
  }
  if (!config.MicrosoftAppId) problems.push('MicrosoftAppId: required (the bot refuses unauthenticated requests outside local mode)');
  if (!config.STORAGE_CONNECTION_STRING) problems.push('STORAGE_CONNECTION_STRING: required (the embedded Azurite is for local mode only)');
  if (!config.DIRECTORY_PATH) problems.push('DIRECTORY_PATH: required (the sample directory is for local mode only)');
  if (problems.length > 0) problems.push('LOCAL_MODE: set LOCAL_MODE=true only on a developer machine (`npm start` does)');
  return problems;
}
