import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { loadConfig } from '../../src/config/env';
import { REPO_ROOT } from '../../src/config/load-directory';
import { ensureBuilt } from '../support/bot-process';

/** What a deployment sets (see the README's "Installing in a real Teams tenant"). */
const DEPLOYED = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa',
  STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
  DIRECTORY_PATH: 'src/local/sample-directory.json',
  PERPETRATOR_KEY: 'a-deployment-secret-of-at-least-32-characters',
};

describe('configuration from the environment', () => {
  it('runs in local mode on embedded defaults only when LOCAL_MODE=true, on the loopback interface', () => {
    const config = loadConfig({ LOCAL_MODE: 'true' });
    expect(config).toMatchObject({ PORT: 3978, localMode: true, listenHost: '127.0.0.1', logFormat: 'text', TABLE_PREFIX: 'wb', STORAGE_CONNECTION_STRING: undefined });
    expect(config.CONNECTOR_SERVICE_URL).toBe('http://localhost:56150/_connector');
  });

  it('does not infer local mode from a missing app id: nothing set means a deployment that lacks its settings', () => {
    expect(() => loadConfig({})).toThrow(/MicrosoftAppId[\s\S]*STORAGE_CONNECTION_STRING[\s\S]*DIRECTORY_PATH/);
    expect(() => loadConfig({ MicrosoftAppId: '', STORAGE_CONNECTION_STRING: '', DIRECTORY_PATH: '' })).toThrow(/MicrosoftAppId[\s\S]*STORAGE_CONNECTION_STRING[\s\S]*DIRECTORY_PATH/);
  });

  it('names exactly the deployment settings that are missing', () => {
    const { STORAGE_CONNECTION_STRING: _storage, ...withoutStorage } = DEPLOYED;
    let message = '';
    try {
      loadConfig(withoutStorage);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/STORAGE_CONNECTION_STRING: required/);
    expect(message).not.toMatch(/MicrosoftAppId: required|DIRECTORY_PATH: required/);
  });

  it('refuses to start outside local mode without a perpetrator key of at least 32 characters; local mode has a fixed development key', () => {
    const { PERPETRATOR_KEY: _key, ...withoutKey } = DEPLOYED;
    expect(() => loadConfig(withoutKey)).toThrow(/PERPETRATOR_KEY: required/);
    expect(() => loadConfig({ ...DEPLOYED, PERPETRATOR_KEY: 'short' })).toThrow(/PERPETRATOR_KEY: required/);
    expect(loadConfig(DEPLOYED).PERPETRATOR_KEY).toBe(DEPLOYED.PERPETRATOR_KEY);
    expect(loadConfig({ LOCAL_MODE: 'true' }).PERPETRATOR_KEY).toMatch(/local-development/);
  });

  it('keeps closed cases 730 days by default; the period is configurable within 30 to 3650 days', () => {
    expect(loadConfig(DEPLOYED).RETENTION_DAYS_AFTER_CLOSING).toBe(730);
    expect(loadConfig({ ...DEPLOYED, RETENTION_DAYS_AFTER_CLOSING: '365' }).RETENTION_DAYS_AFTER_CLOSING).toBe(365);
    expect(() => loadConfig({ ...DEPLOYED, RETENTION_DAYS_AFTER_CLOSING: '7' })).toThrow(/RETENTION_DAYS_AFTER_CLOSING/);
  });

  it('listens on every interface, authenticated and with JSON logs, when deployed', () => {
    expect(loadConfig(DEPLOYED)).toMatchObject({ localMode: false, listenHost: '0.0.0.0', logFormat: 'json' });
    expect(loadConfig({ ...DEPLOYED, LOG_FORMAT: 'text' }).logFormat).toBe('text');
  });

  it('refuses local mode together with an app id, instead of silently dropping authentication', () => {
    expect(() => loadConfig({ ...DEPLOYED, LOCAL_MODE: 'true' })).toThrow(/LOCAL_MODE=true[\s\S]*MicrosoftAppId must be empty/);
  });

  it('refuses a LOCAL_MODE that is neither true nor false', () => {
    expect(() => loadConfig({ LOCAL_MODE: 'yes' })).toThrow(/LOCAL_MODE/);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ LOCAL_MODE: 'true', PORT: 'abc', TABLE_PREFIX: 'wb-test' })).toThrow(/PORT[\s\S]*TABLE_PREFIX/);
  });

  it('requires a secret and a tenant with an app id', () => {
    const { MicrosoftAppPassword: _secret, MicrosoftAppTenantId: _tenant, ...identityOnly } = DEPLOYED;
    expect(() => loadConfig(identityOnly)).toThrow(/MicrosoftAppPassword/);
    expect(() => loadConfig({ ...identityOnly, MicrosoftAppPassword: 'x' })).toThrow(/MicrosoftAppTenantId/);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(path.join(__dirname, '..', '..', '.env.example'), 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Za-z_]+)=/gm)].map((m) => m[1]));
    const source = readFileSync(path.join(__dirname, '..', '..', 'src', 'config', 'env.ts'), 'utf8');
    const declared = [...source.matchAll(/^\s{4}([A-Za-z_]+): z\./gm)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(10);
    for (const name of declared) expect(documented).toContain(name);
  });
});

describe('the compiled bot (node dist/src/main.js) started as a deployment without its settings', () => {
  beforeAll(() => ensureBuilt(), 120000);

  it('refuses to start, names each missing setting, and never listens', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'src', 'main.js')], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/MicrosoftAppId: required/);
    expect(result.stderr).toMatch(/STORAGE_CONNECTION_STRING: required/);
    expect(result.stderr).toMatch(/DIRECTORY_PATH: required/);
    expect(result.stdout).not.toMatch(/bot\.listening/);
  });

  it('refuses to start when only the storage is missing, so it never falls back to an embedded Azurite', () => {
    const { STORAGE_CONNECTION_STRING: _storage, ...withoutStorage } = DEPLOYED;
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'src', 'main.js')], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', ...withoutStorage },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/STORAGE_CONNECTION_STRING: required/);
    expect(result.stdout).not.toMatch(/azurite/i);
  });
});
