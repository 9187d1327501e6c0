import type { CancelReason, PlannedReminder, RecipientKind, ReminderKind, ReminderTopic } from '../domain/reminders';

/**
 * Ports of the reminder use cases (issue 6). Storage implements ReminderStore; the Teams adapter
 * implements ReminderSender and DeliveryFailureRecorder; src/scheduler supplies ReminderDelivery.
 */

/** Life cycle of a reminder row: pending → leased → sent | failed | pending again (retry); or cancelled / superseded. */
export type ReminderStatus = 'pending' | 'leased' | 'sent' | 'failed' | 'cancelled' | 'superseded';

/** Why a reminder could not be delivered. */
export type DeliveryFailureReason =
  /** Teams refused for good: bot removed, user blocked it, conversation gone. */
  | 'permanent'
  /** Transient errors until the attempts ran out. */
  | 'transient'
  /** The directory names nobody to send it to (no desk for the handler role). */
  | 'noRecipient'
  /** Claimed too often without an outcome (e.g. the process died while sending each time). */
  | 'attemptsExhausted';

/** A reminder as stored, with its delivery state. */
export interface StoredReminder extends PlannedReminder {
  readonly status: ReminderStatus;
  /** Send attempts so far (a claim counts as one). */
  readonly attempts: number;
  /** Not to be tried before this (sendAt, or later after a 429 or a transient error). */
  readonly nextAttemptAt: Date;
  readonly plannedAt: Date;
  readonly leaseUntil?: Date;
  readonly leaseOwner?: string;
  readonly sentAt?: Date;
  /** Sent noticeably later than `sendAt` (e.g. after downtime). */
  readonly late?: boolean;
  readonly failedAt?: Date;
  readonly failureReason?: DeliveryFailureReason;
  readonly cancelledAt?: Date;
  readonly cancelReason?: CancelReason;
  /** The reminder of the same deadline that was sent instead of this one. */
  readonly supersededBy?: string;
}

/** A row read by a sweep: the reminder plus what is needed to change it safely. */
export interface ReminderRow {
  readonly reminder: StoredReminder;
  /** Start of the due-time bucket the row lives in; the sweep watermark never passes an unfinished row's bucket. */
  readonly bucketStart: Date;
  /** Opaque storage position (the partition key). */
  readonly position: string;
  /** Opaque concurrency token (the ETag). */
  readonly version: string;
}

/** How a claimed reminder ended (or paused). */
export type ReminderCompletion =
  | { readonly status: 'sent'; readonly late: boolean; readonly attempts: number }
  | { readonly status: 'failed'; readonly reason: DeliveryFailureReason; readonly attempts: number }
  | { readonly status: 'cancelled'; readonly reason: CancelReason }
  | { readonly status: 'superseded'; readonly by: string };

/** What scheduling one planned reminder did. */
export type ScheduleResult = 'created' | 'unchanged' | 'rescheduled' | 'reactivated';

/** What bringing a case's reminders in line with its plan did. */
export interface RescheduleCounts {
  created: number;
  rescheduled: number;
  cancelled: number;
}

/** Durable reminder rows; every change of a row is conditional on its version (ETag). */
export interface ReminderStore {
  /** Every reminder ever planned for a case (any status). */
  listForCase(caseId: string): Promise<StoredReminder[]>;
  /** Creates the row for a planned reminder unless one with the same id and moment exists; a moved moment replaces a pending row. */
  schedule(planned: PlannedReminder, now: Date): Promise<ScheduleResult>;
  /** Cancels a reminder by id if it is still pending; false when it is not (already sent, leased or gone). */
  cancel(id: string, now: Date, reason: CancelReason): Promise<boolean>;
  /**
   * Brings a case's rows in line with `plan` at once: what `schedule` does for each planned reminder,
   * and cancels (for `reasonToCancel`) the pending rows the plan no longer holds.
   */
  reschedule(caseId: string, plan: readonly PlannedReminder[], now: Date, reasonToCancel: (r: StoredReminder) => CancelReason): Promise<RescheduleCounts>;
  /** Unfinished rows (pending or leased) from the sweep watermark (minus a look-back) up to `now`, without reading later buckets. */
  findDue(now: Date): Promise<ReminderRow[]>;
  /** Leases a row for `leaseMs` (attempts + 1); undefined when someone else changed or claimed it first. */
  claim(row: ReminderRow, now: Date, lease: { readonly ms: number; readonly owner: string }): Promise<ReminderRow | undefined>;
  /** Ends a claimed row; false when the lease was lost (someone else reclaimed it after it expired). */
  complete(row: ReminderRow, completion: ReminderCompletion, now: Date): Promise<boolean>;
  /** Puts a claimed row back to pending, to be tried again from `nextAttemptAt`. */
  release(row: ReminderRow, nextAttemptAt: Date, attempts: number): Promise<boolean>;
  /** Records that no unfinished row lies before `upTo`; the next sweep starts there. */
  saveWatermark(upTo: Date): Promise<void>;
}

/** Where a reminder goes in Teams: a handler desk's channel, or a person's 1:1 chat with the bot. */
export type ReminderTarget =
  | { readonly kind: 'channel'; readonly teamId: string; readonly channelId: string; readonly mentionAadObjectId?: string }
  | { readonly kind: 'user'; readonly aadObjectId: string };

/** One message to send. */
export interface ReminderMessage {
  readonly reminderId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly kind: ReminderKind;
  readonly topic: ReminderTopic;
  readonly recipient: RecipientKind;
  readonly target: ReminderTarget;
  /** Same key as the ConversationStore (`channel:<channelId>`, `user:<aadObjectId>`); pacing counts per key. */
  readonly conversationKey: string;
  /** Dutch, plain text with line breaks. */
  readonly text: string;
  readonly late: boolean;
}

/** 'sent'; a 429 with its Retry-After; a transient error (5xx, timeout, 412/502/504); or a permanent refusal (403/404). */
export type SendResult = 'sent' | { readonly retryAfterMs: number } | 'transient' | 'permanent';

/** Sends one proactive message; classifies failures instead of throwing (a throw counts as transient). */
export interface ReminderSender {
  send(message: ReminderMessage): Promise<SendResult>;
}

/** How delivering one claimed reminder ended, after pacing and in-process retries. */
export type DeliveryOutcome =
  | { readonly kind: 'sent'; readonly attempts: number }
  | { readonly kind: 'failed'; readonly reason: 'permanent' | 'transient'; readonly attempts: number }
  /** Not done within the lease: put the row back, to be tried from `at`. */
  | { readonly kind: 'retryLater'; readonly at: Date; readonly attempts: number };

/** The claim under which a reminder is delivered. */
export interface DeliveryClaim {
  /** Attempts so far, this one included. */
  readonly attempts: number;
  /** Give up (failed, 'transient') once this many attempts failed transiently. */
  readonly maxAttempts: number;
  /** Retries must finish before this, or be handed back with retryLater. */
  readonly leaseUntil: Date;
}

/** Delivers one claimed reminder politely (pacing, 429, retries); see src/scheduler/reminder-sweeper.ts. */
export interface ReminderDelivery {
  deliver(message: ReminderMessage, claim: DeliveryClaim): Promise<DeliveryOutcome>;
}

/** A reminder that could not be delivered, as the case shows it. No message text (it may hold personal data). */
export interface DeliveryFailure {
  readonly reminderId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly kind: ReminderKind;
  readonly topic: ReminderTopic;
  readonly recipient: RecipientKind;
  readonly reason: DeliveryFailureReason;
  readonly attempts: number;
  readonly at: Date;
}

/** Reports undeliverable reminders so the case can show them. */
export interface DeliveryFailureRecorder {
  record(failure: DeliveryFailure): Promise<void>;
}
