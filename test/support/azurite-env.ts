import { randomBytes } from 'node:crypto';

/** Name of the variable through which global-setup hands its Azurite to the test workers. */
export const TEST_STORAGE_ENV = 'TEST_STORAGE_CONNECTION_STRING';

/** The connection string of the shared in-memory Azurite started by test/support/global-setup.ts. */
export function testConnectionString(): string {
  const value = process.env[TEST_STORAGE_ENV];
  if (!value) {
    throw new Error(`${TEST_STORAGE_ENV} is not set: run the tests through jest (its globalSetup starts Azurite).`);
  }
  return value;
}

/**
 * A fresh alphanumeric table prefix, e.g. `tdocs3f9a1c2e04`: call it once per test file (or per
 * test) so files never share tables. At most 20 characters, as TABLE_PREFIX allows; the label
 * (first 9 letters/digits kept) only helps when reading Azurite's data.
 */
export function testTablePrefix(label = ''): string {
  const readable = label.replace(/[^A-Za-z0-9]/g, '').slice(0, 9);
  return `t${readable}${randomBytes(5).toString('hex')}`;
}
