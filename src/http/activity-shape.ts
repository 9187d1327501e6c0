import { z } from 'zod';

/**
 * The shape of a Bot Framework activity as this bot reads it, checked before the SDK sees it:
 * the SDK answers some malformed activities with HTTP 500 and its own error text, and our routes
 * read these fields without re-checking their types. Unknown fields pass through untouched.
 */

/** Ids are opaque printable ASCII (`29:1a…`, `19:…@thread.tacv2;messageid=…`, GUIDs): no spaces, no control characters. */
const Id = z.string().min(1).max(1024).regex(/^[\x21-\x7e]+$/);
/** Entra object ids and tenant ids are GUIDs; they become storage keys, so nothing else gets through. */
const Guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
/** Team and channel ids (`19:…@thread.tacv2`) become storage keys too, hence the tighter length. */
const ShortId = Id.max(200);
const Label = z.string().max(1024);
const OptionalLabel = Label.nullish();

const ChannelAccount = z
  .object({ id: Id, name: OptionalLabel, aadObjectId: Guid.nullish(), role: z.string().max(64).nullish() })
  .passthrough();

const ConversationAccount = z
  .object({
    id: Id,
    name: OptionalLabel,
    conversationType: z.string().max(64).nullish(),
    tenantId: Guid.nullish(),
    isGroup: z.boolean().nullish(),
  })
  .passthrough();

const Attachment = z
  .object({ contentType: z.string().min(1).max(256), contentUrl: z.string().max(8192).nullish(), name: OptionalLabel })
  .passthrough();

/** A mention must say who is mentioned: the SDK reads `mentioned.id` of every mention. */
const Entity = z
  .object({ type: z.string().min(1).max(128), mentioned: ChannelAccount.optional(), text: z.string().max(4096).nullish() })
  .passthrough()
  .refine((entity) => entity.type !== 'mention' || entity.mentioned !== undefined, 'a mention names who is mentioned');

const ChannelData = z
  .object({
    tenant: z.object({ id: Guid }).passthrough().nullish(),
    channel: z.object({ id: ShortId, name: OptionalLabel }).passthrough().nullish(),
    team: z.object({ id: ShortId, name: OptionalLabel, aadGroupId: Guid.nullish() }).passthrough().nullish(),
    eventType: z.string().max(128).nullish(),
  })
  .passthrough();

/** `adaptiveCard/action` invokes carry the pressed action; the card routes read its verb and data. */
const CardActionValue = z
  .object({ action: z.object({ type: z.string().max(64), verb: z.string().max(256).nullish(), data: z.unknown() }).passthrough() })
  .passthrough();

const ActivityFields = z
  .object({
    type: z.string().regex(/^[A-Za-z]{1,64}$/),
    id: Id,
    channelId: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
    serviceUrl: z.string().min(1).max(2048),
    from: ChannelAccount,
    recipient: ChannelAccount,
    conversation: ConversationAccount,
    timestamp: z.string().max(64).nullish(),
    localTimestamp: z.string().max(64).nullish(),
    localTimezone: z.string().max(128).nullish(),
    text: z.string().max(100_000).nullish(),
    textFormat: z.string().max(32).nullish(),
    locale: z.string().max(64).nullish(),
    name: z.string().max(256).nullish(),
    action: z.string().max(64).nullish(),
    replyToId: Id.nullish(),
    value: z.unknown(),
    attachments: z.array(Attachment).max(64).nullish(),
    entities: z.array(Entity).max(64).nullish(),
    channelData: ChannelData.nullish(),
    membersAdded: z.array(ChannelAccount).max(512).nullish(),
    membersRemoved: z.array(ChannelAccount).max(512).nullish(),
    // Replies travel through the Bot Connector, never back in the HTTP answer (expectReplies is for skills).
    deliveryMode: z.string().max(32).refine((mode) => mode !== 'expectReplies', 'replies are not returned in the HTTP answer').nullish(),
  })
  .passthrough()
  .superRefine((activity, context) => {
    if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action' && !CardActionValue.safeParse(activity.value).success) {
      context.addIssue({ code: z.ZodIssueCode.custom, path: ['value'], message: 'an adaptiveCard/action invoke carries its action' });
    }
  });

/** A checked activity: the fields above have the types the SDK and our routes expect. */
export type CheckedActivity = z.infer<typeof ActivityFields>;

export type ActivityCheck = { ok: true; activity: CheckedActivity } | { ok: false; field: string };

/** Where the bot may send its replies: https always; plain http to this machine in local mode only. */
export function serviceUrlAllowed(value: string, localMode: boolean): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return localMode && url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** Checks an activity; on failure names the first offending field (a path, never its value). */
export function checkActivity(body: unknown, options: { localMode: boolean }): ActivityCheck {
  const parsed = ActivityFields.safeParse(body);
  if (!parsed.success) return { ok: false, field: parsed.error.issues[0]?.path.join('.') || 'body' };
  if (!serviceUrlAllowed(parsed.data.serviceUrl, options.localMode)) return { ok: false, field: 'serviceUrl' };
  return { ok: true, activity: parsed.data };
}
