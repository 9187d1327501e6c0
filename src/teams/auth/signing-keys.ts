import { createPublicKey, type KeyObject } from 'node:crypto';
import { AuthenticationConstants } from 'botframework-connector';
import { z } from 'zod';
import { errorFields, type Logger } from '../../app/logger';

/**
 * The Bot Framework's token signing keys, from its OpenID metadata. Fetched with a timeout,
 * validated, cached for a day, then refreshed in the background and kept when a refresh fails; an
 * unknown key id triggers at most one refresh per few minutes. Only when no key was ever loaded and the metadata cannot be reached
 * does a caller get SigningKeysUnavailableError (HTTP 503): then a token can be neither accepted
 * nor refused.
 */

/** Where the Bot Connector service publishes its OpenID metadata (public cloud). */
export const BOT_FRAMEWORK_OPENID_METADATA_URL = AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;

/** One RSA signing key and the channels it is endorsed for (e.g. `msteams`). */
export interface SigningKey {
  readonly kid: string;
  readonly key: KeyObject;
  readonly endorsements: readonly string[];
}

/** No key is known yet and the metadata cannot be fetched right now. */
export class SigningKeysUnavailableError extends Error {
  override readonly name = 'SigningKeysUnavailableError';
  constructor(readonly retryAfterSeconds: number) {
    super('Bot Framework signing keys are unavailable');
  }
}

export interface SigningKeyOptions {
  metadataUrl: string;
  /** Per HTTP request (metadata, then keys). */
  timeoutMs: number;
  /** How long loaded keys are used before a refresh (the SDK uses 24 hours). */
  maxAgeMs: number;
  /** An unknown key id refreshes the keys at most this often (key rotation), so forged ids cannot hammer the metadata. */
  unknownKeyRefreshMs: number;
  /** After a failed fetch with nothing cached, callers get 503 for this long without a new attempt. */
  failureBackoffMs: number;
  logger: Logger;
  now?: () => number;
}

export const DEFAULT_SIGNING_KEY_OPTIONS = {
  metadataUrl: BOT_FRAMEWORK_OPENID_METADATA_URL,
  timeoutMs: 5000,
  maxAgeMs: 24 * 60 * 60 * 1000,
  unknownKeyRefreshMs: 5 * 60 * 1000,
  failureBackoffMs: 15 * 1000,
} as const;

const HttpsUrl = z.string().url().refine((value) => value.startsWith('https://'), 'https only');
const OpenIdMetadata = z.object({ jwks_uri: HttpsUrl }).passthrough();
const JsonWebKeySet = z.object({
  keys: z.array(
    z.object({ kty: z.string(), kid: z.string().min(1), n: z.string().optional(), e: z.string().optional(), endorsements: z.array(z.string()).optional() }).passthrough(),
  ),
});

export class BotFrameworkSigningKeys {
  private keys: Map<string, SigningKey> | undefined;
  private loadedAt = 0;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private lastFailureAt = Number.NEGATIVE_INFINITY;
  private refreshing: Promise<boolean> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: SigningKeyOptions) {
    this.now = options.now ?? Date.now;
  }

  get metadataUrl(): string {
    return this.options.metadataUrl;
  }

  /**
   * The key with this id, undefined when the Bot Framework does not publish it (the token is then
   * refused), or SigningKeysUnavailableError when no keys could ever be loaded.
   */
  async keyFor(kid: string): Promise<SigningKey | undefined> {
    const now = this.now();
    const sinceAttempt = now - this.lastAttemptAt;
    if (!this.keys) {
      if (now - this.lastFailureAt < this.options.failureBackoffMs) throw this.unavailable();
      if (!(await this.refresh())) throw this.unavailable();
    } else if (!this.keys.has(kid) && sinceAttempt > this.options.unknownKeyRefreshMs) {
      await this.refresh(); // perhaps a key that was just rotated in
    } else if (now - this.loadedAt > this.options.maxAgeMs && sinceAttempt > this.options.failureBackoffMs) {
      void this.refresh(); // in the background: the old keys serve meanwhile, and stay if it fails
    }
    return this.keys?.get(kid);
  }

  /** One fetch at a time; true when fresh keys were loaded. */
  private refresh(): Promise<boolean> {
    this.refreshing ??= this.load().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async load(): Promise<boolean> {
    this.lastAttemptAt = this.now();
    try {
      const metadata = OpenIdMetadata.parse(await this.getJson(this.options.metadataUrl));
      const keySet = JsonWebKeySet.parse(await this.getJson(metadata.jwks_uri));
      const keys = new Map<string, SigningKey>();
      for (const jwk of keySet.keys) {
        if (jwk.kty !== 'RSA' || !jwk.n || !jwk.e) continue;
        keys.set(jwk.kid, { kid: jwk.kid, key: createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' }), endorsements: jwk.endorsements ?? [] });
      }
      if (keys.size === 0) throw new Error('no RSA keys in the key set');
      this.keys = keys;
      this.loadedAt = this.now();
      this.options.logger.info('auth.signing_keys_loaded', { count: keys.size });
      return true;
    } catch (error) {
      this.lastFailureAt = this.now();
      this.options.logger.warn('auth.signing_keys_unavailable', { ...errorFields(error), detail: this.keys ? 'keeping the keys loaded earlier' : 'no keys loaded yet' });
      return false;
    }
  }

  private async getJson(url: string): Promise<unknown> {
    const response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs), redirect: 'error', headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  }

  private unavailable(): SigningKeysUnavailableError {
    return new SigningKeysUnavailableError(Math.ceil(this.options.failureBackoffMs / 1000));
  }
}
