import { AuthenticationConstants } from 'botframework-connector';
import jwt from 'jsonwebtoken';
import { SigningKeysUnavailableError, type BotFrameworkSigningKeys } from './signing-keys';

/**
 * Checks the Bot Framework token of an incoming activity before the SDK sees it, following
 * "Authentication with the Bot Connector API" (connector to bot): a Bearer JWT issued by
 * https://api.botframework.com for our app id, unexpired (5 minutes of clock skew), signed with an
 * RS256/384/512 key from the OpenID metadata that is endorsed for the activity's channel, and
 * naming the activity's serviceUrl. The SDK checks the same token again afterwards; checking here
 * first lets us answer 401 or 503 precisely and keeps the SDK's console output about bad tokens
 * (which prints keys and error objects) from ever running.
 *
 * Only the Bot Connector service talks to this bot: Emulator and skill tokens are refused.
 */

export type TokenCheck =
  | { ok: true }
  | { ok: false; status: 401; reason: string }
  | { ok: false; status: 503; reason: string; retryAfterSeconds: number };

const ISSUER = AuthenticationConstants.ToBotFromChannelTokenIssuer;
const ALGORITHMS: jwt.Algorithm[] = ['RS256', 'RS384', 'RS512'];
const CLOCK_SKEW_SECONDS = 5 * 60;
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

export interface ChannelTokenExpectations {
  appId: string;
  keys: BotFrameworkSigningKeys;
}

export async function checkChannelToken(
  authorization: string | undefined,
  activity: { channelId: string; serviceUrl: string },
  expected: ChannelTokenExpectations,
): Promise<TokenCheck> {
  const token = BEARER.exec(authorization?.trim() ?? '')?.[1];
  if (!token) return refused('no_bearer_token');
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload !== 'object') return refused('not_a_jwt');
  if (!ALGORITHMS.includes(decoded.header.alg as jwt.Algorithm)) return refused('algorithm');
  if (typeof decoded.header.kid !== 'string') return refused('no_key_id');
  // Issuer before any key lookup: a token that is not even claiming to be ours never causes a fetch.
  if (decoded.payload.iss !== ISSUER) return refused('issuer');

  let key;
  try {
    key = await expected.keys.keyFor(decoded.header.kid);
  } catch (error) {
    if (error instanceof SigningKeysUnavailableError) {
      return { ok: false, status: 503, reason: 'signing_keys_unavailable', retryAfterSeconds: error.retryAfterSeconds };
    }
    throw error;
  }
  if (!key) return refused('unknown_key');

  let claims: jwt.JwtPayload;
  try {
    const verified = jwt.verify(token, key.key, { algorithms: ALGORITHMS, issuer: ISSUER, audience: expected.appId, clockTolerance: CLOCK_SKEW_SECONDS });
    if (typeof verified !== 'object') return refused('invalid_token');
    claims = verified;
  } catch (error) {
    return refused(error instanceof jwt.TokenExpiredError ? 'expired' : error instanceof jwt.NotBeforeError ? 'not_yet_valid' : 'invalid_token');
  }
  if (key.endorsements.length > 0 && !key.endorsements.includes(activity.channelId)) return refused('endorsement');
  if (claims[AuthenticationConstants.ServiceUrlClaim] !== activity.serviceUrl) return refused('service_url');
  return { ok: true };
}

function refused(reason: string): TokenCheck {
  return { ok: false, status: 401, reason };
}
