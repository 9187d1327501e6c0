/**
 * Case cards as rendered for one stored version of a case, one kind of viewer and one minute, kept
 * briefly: when many people open the same card at once (Teams refreshes it for each of them), it is
 * rendered once. The key names everything the card depends on; a card that depends on more (a notice,
 * planned meetings read from elsewhere) is not kept.
 */
export class RenderedCaseCards {
  private readonly kept = new Map<string, object>();

  constructor(private readonly max = 200) {}

  /** The card for `key`, rendered with `render` when not kept (or when there is no key). */
  async get(key: string | undefined, render: () => Promise<object> | object): Promise<object> {
    if (key === undefined) return render();
    const kept = this.kept.get(key);
    if (kept !== undefined) return kept;
    const card = await render();
    if (this.kept.size >= this.max) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(key, card);
    return card;
  }
}

/** The key of a case card: case, stored version, who looks, and the minute (deadline texts count down in minutes). */
export function renderedCardKey(caseId: string, version: string, viewer: string, now: Date): string {
  return `${caseId}|${version}|${viewer}|${Math.floor(now.getTime() / 60_000)}`;
}
