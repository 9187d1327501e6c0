/** What infra/main.bicep promises operators: secure storage, secrets in Key Vault, the bot's settings, Teams. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BicepNode, declarations, parseBicep, propertyAt, resourcesOfType, stringValue } from './bicep';

const root = parseBicep(readFileSync(join(__dirname, '..', '..', 'infra', 'main.bicep'), 'utf8'));

function only(azureType: string): BicepNode {
  const bodies = resourcesOfType(root, azureType);
  expect(bodies).toHaveLength(1);
  return bodies[0];
}

describe('infra/main.bicep', () => {
  it('describes every parameter, and marks the client secret as secure', () => {
    const params = declarations(root, 'parameter_declaration');
    expect(params.length).toBeGreaterThan(3);
    expect(params.filter((p) => !p.decorators.includes('description')).map((p) => p.name)).toEqual([]);
    expect(params.find((p) => p.name === 'microsoftAppPassword')?.decorators).toContain('secure');
  });

  it('creates a storage account that only speaks TLS 1.2 over HTTPS and never serves blobs publicly', () => {
    const storage = only('Microsoft.Storage/storageAccounts');
    expect(stringValue(propertyAt(storage, ['properties', 'minimumTlsVersion']))).toBe('TLS1_2');
    expect(propertyAt(storage, ['properties', 'supportsHttpsTrafficOnly'])?.text).toBe('true');
    expect(propertyAt(storage, ['properties', 'allowBlobPublicAccess'])?.text).toBe('false');
    const container = only('Microsoft.Storage/storageAccounts/blobServices/containers');
    expect(stringValue(propertyAt(container, ['properties', 'publicAccess']))).toBe('None');
  });

  it('runs the bot on Linux, Node 20, HTTPS only, with the environment variables the bot reads', () => {
    const site = only('Microsoft.Web/sites');
    expect(stringValue(propertyAt(site, ['properties', 'siteConfig', 'linuxFxVersion']))).toBe('NODE|20-lts');
    expect(propertyAt(site, ['properties', 'httpsOnly'])?.text).toBe('true');
    expect(propertyAt(site, ['properties', 'siteConfig', 'alwaysOn'])?.text).toBe('true');
    expect(stringValue(propertyAt(site, ['properties', 'siteConfig', 'healthCheckPath']))).toBe('/healthz');

    const settings = declarations(root, 'variable_declaration').find((v) => v.name === 'baseAppSettings')?.node.namedChildren[1];
    const byName = new Map((settings?.namedChildren ?? []).map((s) => [stringValue(propertyAt(s, ['name'])), propertyAt(s, ['value'])?.text ?? '']));
    expect([...byName.keys()]).toEqual(expect.arrayContaining([
      'MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'MicrosoftAppPassword', 'STORAGE_CONNECTION_STRING', 'GRAPH_BASE_URL', 'DIRECTORY_PATH',
    ]));
    expect(byName.get('MicrosoftAppType')).toBe("'SingleTenant'");
    // Secrets reach the app only as Key Vault references, never as values in the site's configuration.
    expect(byName.get('STORAGE_CONNECTION_STRING')).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{/);
    expect(byName.get('MicrosoftAppPassword')).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{/);
  });

  it('registers a single-tenant Azure Bot at the web app\'s /api/messages with the Teams channel on', () => {
    const bot = only('Microsoft.BotService/botServices');
    expect(stringValue(propertyAt(bot, ['properties', 'msaAppType']))).toBe('SingleTenant');
    expect(propertyAt(bot, ['properties', 'endpoint'])?.text).toMatch(/^'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'$/);
    const channel = only('Microsoft.BotService/botServices/channels');
    expect(stringValue(propertyAt(channel, ['properties', 'channelName']))).toBe('MsTeamsChannel');
    expect(propertyAt(channel, ['properties', 'properties', 'isEnabled'])?.text).toBe('true');
  });

  it('outputs no keys or secrets', () => {
    const outputs = declarations(root, 'output_declaration').map((o) => o.node.text);
    expect(outputs.length).toBeGreaterThan(0);
    expect(outputs.filter((text) => /listKeys|Password|secret|ConnectionString/i.test(text.split('=').slice(1).join('=')))).toEqual([]);
  });
});
