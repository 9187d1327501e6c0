import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor';
import type { BotFrameworkSigningKeys } from './signing-keys';

/**
 * botframework-connector keeps one OpenID metadata object per metadata URL in a static map on
 * JwtTokenExtractor and fetches keys without a timeout. Putting ours in that map first makes the
 * SDK's own token check use our cache (timeout, validation, 503 when unreachable) instead.
 * The map is process-wide: in a process with several adapters the last one created serves it.
 */
export function shareSigningKeysWithSdk(keys: BotFrameworkSigningKeys): void {
  const cache = (JwtTokenExtractor as unknown as { openIdMetadataCache?: unknown }).openIdMetadataCache;
  if (!(cache instanceof Map)) {
    // Fail at start-up rather than silently letting the SDK fetch keys its own way.
    throw new Error('botframework-connector no longer has JwtTokenExtractor.openIdMetadataCache: review src/teams/auth/sdk-key-cache.ts');
  }
  cache.set(keys.metadataUrl, {
    getKey: async (kid: string) => {
      const key = await keys.keyFor(kid);
      return key ? { key: key.key.export({ type: 'spki', format: 'pem' }).toString(), endorsements: [...key.endorsements] } : null;
    },
  });
}
