import type { AzuriteHandle } from '../../src/storage/azurite';
import { TEST_STORAGE_ENV } from './azurite-env';
import { AZURITE_HANDLE_KEY } from './global-setup';

/** Stops the Azurite that global-setup started. */
export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as Record<string, unknown>;
  const azurite = globals[AZURITE_HANDLE_KEY] as AzuriteHandle | undefined;
  delete globals[AZURITE_HANDLE_KEY];
  delete process.env[TEST_STORAGE_ENV];
  await azurite?.stop();
}
