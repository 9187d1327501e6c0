/**
 * The seam between the HTTP front door (src/http) and the bot (src/teams): an activity that
 * passed the body guard and the shape check goes in, an HTTP status (and for invokes a body)
 * comes out. Kept free of SDK types so either side can change alone.
 */

/** The fields every checked activity has; the rest passes through as sent. */
export interface CheckedActivityFields {
  type: string;
  id: string;
  channelId: string;
  serviceUrl: string;
}

/** A checked activity and the Authorization header it came with. */
export interface ActivityRequest {
  activity: CheckedActivityFields & Record<string, unknown>;
  authorization: string | undefined;
}

/**
 * What became of an activity: an HTTP status, for invokes a body (the invoke response), and for
 * 503 how long to wait. Error statuses carry no body; the front door sends a neutral one.
 */
export interface ActivityOutcome {
  status: number;
  body?: unknown;
  retryAfterSeconds?: number;
}

/** Authenticates one activity and runs it through the bot; classifies every error into a status. */
export type ActivityHandler = (request: ActivityRequest) => Promise<ActivityOutcome>;
