import { startAzurite, type AzuriteHandle } from '../../src/storage/azurite';
import { TEST_STORAGE_ENV } from './azurite-env';

/** Where global-teardown finds the handle: jest runs setup and teardown in the same context. */
export const AZURITE_HANDLE_KEY = '__weerbaarTestAzurite';

/** Starts one in-memory Azurite (tables + blobs) on free ports for the whole jest run. */
export default async function globalSetup(): Promise<void> {
  const azurite: AzuriteHandle = await startAzurite({ tablePort: 0, blobPort: 0 });
  (globalThis as Record<string, unknown>)[AZURITE_HANDLE_KEY] = azurite;
  // Workers start after this and inherit the environment.
  process.env[TEST_STORAGE_ENV] = azurite.connectionString;
}
