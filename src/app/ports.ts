/**
 * Ports the use cases need from the outside world; adapters implement them and are wired in
 * src/main.ts. Kept free of SDK types so the Teams adapter can be replaced without touching them.
 */

/** Where a proactive message can be delivered later (stored as opaque JSON by the Teams adapter). */
export interface ConversationStore {
  /** Saves or replaces the reference under a key such as `user:<aadObjectId>` or `channel:<channelId>`. */
  save(key: string, reference: Record<string, unknown>): Promise<void>;
  get(key: string): Promise<Record<string, unknown> | undefined>;
}

/** Whether storage answers; used by GET /healthz. */
export interface HealthProbe {
  check(): Promise<{ ok: boolean; detail?: string }>;
}
