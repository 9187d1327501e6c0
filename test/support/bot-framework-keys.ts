import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import nock from 'nock';

/**
 * A stand-in for the Bot Framework's token signing: an RSA key pair whose public half is served
 * as the Bot Connector's OpenID metadata and key set, at the real URLs botbuilder fetches
 * (https://login.botframework.com/v1/.well-known/openidconfiguration, then its jwks_uri), and
 * tokens shaped as the Bot Connector sends them (iss https://api.botframework.com, aud = app id,
 * serviceurl claim, RS256, kid).
 */
export const OPENID_HOST = 'https://login.botframework.com';
export const OPENID_PATH = '/v1/.well-known/openidconfiguration';
export const KEYS_PATH = '/v1/.well-known/keys';
export const CHANNEL_ISSUER = 'https://api.botframework.com';

export class BotFrameworkSigner {
  readonly kid: string;
  readonly publicKey: KeyObject;
  private readonly privateKey: KeyObject;

  constructor(kid = 'test-signing-key') {
    this.kid = kid;
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.publicKey = pair.publicKey;
    this.privateKey = pair.privateKey;
  }

  /** The key set document, as published at the jwks_uri. */
  keySet(endorsements: string[] = ['msteams']): { keys: Record<string, unknown>[] } {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return { keys: [{ kty: 'RSA', use: 'sig', kid: this.kid, n: jwk.n, e: jwk.e, endorsements }] };
  }

  /** Serves the metadata and key set `times` times (nock interceptors). */
  serve(times = 1, endorsements?: string[]): void {
    nock(OPENID_HOST)
      .get(OPENID_PATH)
      .times(times)
      .reply(200, { issuer: CHANNEL_ISSUER, jwks_uri: `${OPENID_HOST}${KEYS_PATH}`, id_token_signing_alg_values_supported: ['RS256'] });
    nock(OPENID_HOST).get(KEYS_PATH).times(times).reply(200, this.keySet(endorsements));
  }

  /** A token as the Bot Connector signs it; `claims` and `options` override the defaults. */
  token(appId: string, serviceUrl: string, claims: Record<string, unknown> = {}, options: jwt.SignOptions = {}): string {
    return jwt.sign({ iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, ...claims }, this.privateKey, {
      algorithm: 'RS256',
      keyid: this.kid,
      ...('exp' in claims ? {} : { expiresIn: '1h' }),
      notBefore: -60,
      ...options,
    });
  }
}
