import { personalMessage, postActivity, type BotUnderTest } from './bot-under-test';

/** One thing the bot sent: a text or an Adaptive Card. */
export interface BotReply {
  text?: string;
  card?: Record<string, unknown>;
}

type Person = { id: string; name: string; aadObjectId: string };

/** Collects every TextBlock/FactSet/choice text of a card: what a user reads. */
export function cardText(node: unknown): string {
  if (Array.isArray(node)) return node.map(cardText).join('\n');
  if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    const own = ['text', 'title', 'value', 'placeholder', 'label'].map((k) => (typeof record[k] === 'string' ? (record[k] as string) : '')).filter(Boolean);
    return [...own, ...Object.entries(record).filter(([k]) => k !== 'data').map(([, v]) => cardText(v))].filter(Boolean).join('\n');
  }
  return '';
}

/** Every Action.Submit of a card with its title and data. */
export function cardActions(card: unknown): { title: string; data: Record<string, unknown> }[] {
  const found: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Submit') found.push({ title: String(record.title ?? ''), data: (record.data ?? {}) as Record<string, unknown> });
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** Every input of a card with its id and type. */
export function cardInputs(card: unknown): { id: string; type: string; choices?: { title: string; value: string }[] }[] {
  const found: { id: string; type: string; choices?: { title: string; value: string }[] }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Input.')) {
        found.push({ id: String(record.id), type: record.type, choices: record.choices as { title: string; value: string }[] | undefined });
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/**
 * A person in a 1:1 chat with the real bot over HTTP: each call posts one activity and returns
 * what the bot sent back through the Bot Connector stand-in during that turn.
 */
export class Chat {
  private seen: number;

  constructor(
    /** A bot in its own process has no `settle`: its chat tests send nothing through the outbox. */
    private readonly harness: Pick<BotUnderTest, 'baseUrl' | 'connector'> & Partial<Pick<BotUnderTest, 'settle'>>,
    readonly person: Person,
  ) {
    // Only what the bot sends from now on belongs to this chat's answers.
    this.seen = harness.connector.sentActivities().length;
  }

  /** Types a message. */
  say(text: string): Promise<BotReply[]> {
    return this.post(personalMessage(this.person, text, this.harness.connector.url));
  }

  /** Presses an Action.Submit button: Teams sends a message whose value is the data plus the inputs. */
  click(data: Record<string, unknown>, inputs: Record<string, unknown> = {}): Promise<BotReply[]> {
    return this.post(personalMessage(this.person, '', this.harness.connector.url, { text: undefined, value: { ...data, ...inputs } }));
  }

  /** Sends files as Teams does in a personal chat (file download info with a pre-authenticated URL). */
  sendFiles(files: { name: string; downloadUrl: string; fileType: string }[]): Promise<BotReply[]> {
    const attachments = files.map((f) => ({
      contentType: 'application/vnd.microsoft.teams.file.download.info',
      name: f.name,
      content: { downloadUrl: f.downloadUrl, uniqueId: f.name, fileType: f.fileType },
    }));
    return this.post(personalMessage(this.person, '', this.harness.connector.url, { text: undefined, attachments }));
  }

  /** The last card the bot sent in this chat. */
  lastCard(replies: BotReply[]): Record<string, unknown> {
    const card = [...replies].reverse().find((r) => r.card)?.card;
    if (!card) throw new Error(`expected a card, got: ${JSON.stringify(replies.map((r) => r.text))}`);
    return card;
  }

  private async post(activity: Record<string, unknown>): Promise<BotReply[]> {
    const response = await postActivity(this.harness.baseUrl, activity);
    if (response.status !== 200) throw new Error(`bot answered HTTP ${response.status}`);
    // What the turn caused for this chat (e.g. the progress card after "Verstuur") follows through the outbox.
    await this.harness.settle?.();
    const sent = this.harness.connector.sentActivities();
    const mine = sent.slice(this.seen).filter((a) => (a.conversation as { id?: string } | undefined)?.id === `a:personal-${this.person.id}`);
    this.seen = sent.length;
    return mine.map((a) => {
        const attachments = (a.attachments ?? []) as { contentType: string; content: Record<string, unknown> }[];
        const card = attachments.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
        return card ? { card } : { text: String(a.text ?? '') };
    });
  }
}
