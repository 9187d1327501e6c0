import { ClientSecretCredential, type TokenCredential } from '@azure/identity';
import {
  AuthenticationHandler,
  Client,
  HTTPMessageHandler,
  TelemetryHandler,
  type AuthenticationProvider,
} from '@microsoft/microsoft-graph-client';
import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';
import type { AppConfig } from '../config/env';
import { TOKEN_REJECTED, TOKEN_UNAVAILABLE } from './graph-errors';

/**
 * Builds the Microsoft Graph client for app-only calls (client credentials). Node 20's global fetch
 * is enough: the SDK only checks that `fetch` exists, so no isomorphic-fetch polyfill is needed.
 */

/** Hosts of Microsoft Graph in the public and national clouds; the token scope follows the host. */
const GRAPH_HOSTS = new Set([
  'graph.microsoft.com',
  'graph.microsoft.us',
  'dod-graph.microsoft.us',
  'microsoftgraph.chinacloudapi.cn',
  'canary.graph.microsoft.com',
]);

export interface GraphCredentials {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
}

export interface GraphClientOptions {
  /** GRAPH_BASE_URL, e.g. https://graph.microsoft.com/v1.0; the last path segment is the API version. */
  readonly baseUrl: string;
  /** Real app-only sign-in; ignored when `authProvider` is given. */
  readonly credentials?: GraphCredentials;
  /** Tests inject a fixed token here so no identity endpoint is called. */
  readonly authProvider?: AuthenticationProvider;
  /** Default: `<graph host>/.default`. */
  readonly scopes?: readonly string[];
}

/** Splits GRAPH_BASE_URL into the SDK's baseUrl and version ("https://host/prefix" + "v1.0"). */
export function splitBaseUrl(baseUrl: string): { host: string; version: string; hostname: string } {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:') {
    // The SDK attaches the bearer token only to https URLs; over http every call would be anonymous.
    throw new Error('GRAPH_BASE_URL must use https');
  }
  const segments = url.pathname.split('/').filter((s) => s !== '');
  const version = segments.pop();
  if (version === undefined) {
    throw new Error('GRAPH_BASE_URL must end with the API version, e.g. https://graph.microsoft.com/v1.0');
  }
  const prefix = segments.length > 0 ? `/${segments.join('/')}` : '';
  return { host: `${url.origin}${prefix}`, version, hostname: url.hostname };
}

/** The `.default` scope for the Graph host in use (public cloud for unknown hosts such as a proxy). */
export function defaultScope(baseUrl: string): string {
  const { hostname } = splitBaseUrl(baseUrl);
  return `https://${GRAPH_HOSTS.has(hostname) ? hostname : 'graph.microsoft.com'}/.default`;
}

/** OAuth error codes (RFC 6749 §5.2) and Entra's AADSTS numbers: Entra answered and said no. */
const ENTRA_REFUSAL = /\b(invalid_client|unauthorized_client|invalid_grant|invalid_request|invalid_scope|AADSTS\d+)\b/;

function tokenFailure(error: unknown): Error {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  const message = error instanceof Error ? error.message : String(error);
  // A wrong tenant, app id or secret: retrying will not help. Anything else (network_error…) may pass.
  // @azure/identity 4 reports a refused secret as AuthenticationRequiredError without a status code.
  const rejected = (typeof status === 'number' && status >= 400 && status < 500) || ENTRA_REFUSAL.test(message);
  const failure = new Error(rejected ? 'token request rejected' : 'token request failed', { cause: error });
  failure.name = rejected ? TOKEN_REJECTED : TOKEN_UNAVAILABLE;
  return failure;
}

/** Marks token failures so graph-errors.ts can tell "wrong secret" from "Entra unreachable". */
function labelledTokenFailures(provider: AuthenticationProvider): AuthenticationProvider {
  return {
    getAccessToken: async (options) => {
      try {
        return await provider.getAccessToken(options);
      } catch (error) {
        throw tokenFailure(error);
      }
    },
  };
}

/** A Graph client for app-only calls with the given base URL. Retries are ours (graph-errors.ts), not the SDK's. */
export function createGraphClient(options: GraphClientOptions): Client {
  const { host, version, hostname } = splitBaseUrl(options.baseUrl);
  let provider = options.authProvider;
  if (provider === undefined) {
    if (options.credentials === undefined) {
      throw new Error('createGraphClient needs credentials or an authProvider');
    }
    const { tenantId, clientId, clientSecret } = options.credentials;
    const credential: TokenCredential = new ClientSecretCredential(tenantId, clientId, clientSecret);
    provider = new TokenCredentialAuthenticationProvider(credential, { scopes: [...(options.scopes ?? [defaultScope(options.baseUrl)])] });
  }
  // No RetryHandler: it would retry with its own timer, unseen by our Retry-After budget and the idempotent create.
  return Client.initWithMiddleware({
    baseUrl: host,
    defaultVersion: version,
    // Without this the SDK drops the Authorization header for hosts it does not know (a proxy, a test double).
    customHosts: new Set([hostname]),
    middleware: [new AuthenticationHandler(labelledTokenFailures(provider)), new TelemetryHandler(), new HTTPMessageHandler()],
  });
}

/** Whether the calendar runs through Graph or falls back to .ics files, and why. */
export type CalendarMode =
  | { readonly mode: 'graph'; readonly baseUrl: string; readonly credentials: GraphCredentials }
  | { readonly mode: 'ics'; readonly reason: string };

/**
 * Graph uses the bot's own single-tenant app registration (MicrosoftAppId/Password/TenantId).
 * Local mode, a multi-tenant bot without a tenant id, or a managed identity fall back to .ics.
 */
export function calendarModeFromConfig(
  config: Pick<AppConfig, 'localMode' | 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppTenantId' | 'MicrosoftAppType' | 'GRAPH_BASE_URL'>,
): CalendarMode {
  if (config.localMode || !config.MicrosoftAppId) {
    return { mode: 'ics', reason: 'local mode: no MicrosoftAppId' };
  }
  if (config.MicrosoftAppType === 'UserAssignedMSI') {
    return { mode: 'ics', reason: 'managed identity is not supported for the calendar yet' };
  }
  if (!config.MicrosoftAppTenantId || !config.MicrosoftAppPassword) {
    return { mode: 'ics', reason: 'app-only Graph calls need MicrosoftAppTenantId and MicrosoftAppPassword' };
  }
  return {
    mode: 'graph',
    baseUrl: config.GRAPH_BASE_URL,
    credentials: { tenantId: config.MicrosoftAppTenantId, clientId: config.MicrosoftAppId, clientSecret: config.MicrosoftAppPassword },
  };
}
