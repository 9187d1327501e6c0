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
    PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  })
  .transform((env) => ({
    ...env,
    // An empty MicrosoftAppId (as in .env.example) means local mode, like an absent one.
    MicrosoftAppId: env.MicrosoftAppId ? env.MicrosoftAppId : undefined,
    STORAGE_CONNECTION_STRING: env.STORAGE_CONNECTION_STRING ? env.STORAGE_CONNECTION_STRING : undefined,
    DECREE_DAYS_PATH: env.DECREE_DAYS_PATH ? env.DECREE_DAYS_PATH : undefined,
    GRAPH_TENANT_ID: env.GRAPH_TENANT_ID ? env.GRAPH_TENANT_ID : undefined,
    GRAPH_CLIENT_ID: env.GRAPH_CLIENT_ID ? env.GRAPH_CLIENT_ID : undefined,
    GRAPH_CLIENT_SECRET: env.GRAPH_CLIENT_SECRET ? env.GRAPH_CLIENT_SECRET : undefined,
  }));

export type AppConfig = z.infer<typeof EnvSchema> & {
  readonly CONNECTOR_SERVICE_URL: string;
  /** True when no MicrosoftAppId is set: no Bot Framework auth, for the Playground only. */
  readonly localMode: boolean;
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
  const config = parsed.data;
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
  const localMode = !config.MicrosoftAppId;
  const connectorServiceUrl =
    config.CONNECTOR_SERVICE_URL ?? (localMode ? `http://localhost:${config.PLAYGROUND_PORT}/_connector` : 'https://smba.trafficmanager.net/teams/');
  return { ...config, CONNECTOR_SERVICE_URL: connectorServiceUrl, localMode };
}
