import type { AzuriteHandle } from '../../src/storage/azurite';
import { startAzuriteProcess } from '../../src/storage/azurite-process';
import { TEST_STORAGE_ENV } from './azurite-env';

/** Where global-teardown finds the handle: jest runs setup and teardown in the same context. */
export const AZURITE_HANDLE_KEY = '__weerbaarTestAzurite';

/**
 * Starts one in-memory Azurite (tables + blobs) on free ports for the whole jest run, in its own
 * process: with two cores or fewer, or a single test file, jest runs the tests in its own process,
 * where the bot under test loads restify, and Azurite cannot serve blobs beside restify (see
 * src/storage/azurite.ts). Runs the compiled child: `npm run build` first (`npm test` does).
 */
export default async function globalSetup(): Promise<void> {
  const azurite: AzuriteHandle = await startAzuriteProcess({ tablePort: 0, blobPort: 0 });
  (globalThis as Record<string, unknown>)[AZURITE_HANDLE_KEY] = azurite;
  // Workers start after this and inherit the environment.
  process.env[TEST_STORAGE_ENV] = azurite.connectionString;
}
