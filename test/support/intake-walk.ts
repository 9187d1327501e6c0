import { randomUUID } from 'crypto';
import type { OfficeHolderRole } from '../../src/domain/roles';
import { Chat, cardActions, cardText, type BotReply } from './chat-driver';

/** A reporter the directory does not know: the intake asks role and organisation. */
export function stranger(label: string) {
  const aadObjectId = randomUUID();
  return { id: `user-${label}-${aadObjectId.slice(0, 8)}`, name: `Melder ${label}`, aadObjectId };
}

export function texts(replies: BotReply[]): string {
  return replies.map((r) => r.text ?? cardText(r.card)).join('\n');
}

/** The step the last question card asks (from its buttons' data). */
export function askedStep(replies: BotReply[]): string | undefined {
  const card = [...replies].reverse().find((r) => r.card)?.card;
  return card ? (cardActions(card).find((a) => a.data.action === 'intake.answer')?.data.step as string | undefined) : undefined;
}

/** Typed answers a careful reporter gives; overrides per test. */
export const TYPED_ANSWERS: Readonly<Record<string, string>> = {
  when: 'gisteren 21:30',
  where: 'bij de ingang van het gemeentehuis',
  what: 'Een man schreeuwde dat hij me na de vergadering zou opwachten en kwam dreigend op me af.',
  kinds: 'bedreiging, intimidatie',
  perpetrator: 'onbekend, man van rond de 40 met een rode jas',
  witnesses: 'de bode en twee raadsleden',
  evidence: 'klaar',
  injury: 'geen',
  damage: 'nee',
  criminalOffence: 'ja',
  hindrance: 'ja',
  aftercare: 'graag een gesprek met de vertrouwenspersoon',
};

/** Runs the intake from "meld incident" to the summary, mixing buttons and typed answers. */
export async function walkToSummary(
  chat: Chat,
  office: { role: OfficeHolderRole; organisationId: string } | undefined,
  answers: Readonly<Record<string, string>> = {},
): Promise<BotReply[]> {
  return continueToSummary(chat, await chat.say('meld incident'), office, answers);
}

/** Answers the questions from `replies` (the bot's last answer) on until the summary; `asked` collects the steps asked. */
export async function continueToSummary(
  chat: Chat,
  replies: BotReply[],
  office: { role: OfficeHolderRole; organisationId: string } | undefined,
  answers: Readonly<Record<string, string>> = {},
  asked: string[] = [],
): Promise<BotReply[]> {
  const typed = { ...TYPED_ANSWERS, ...answers };
  for (let turn = 0; turn < 30; turn++) {
    const step = askedStep(replies);
    if (!step) return replies;
    asked.push(step);
    if (step === 'safety') replies = await chat.click({ action: 'intake.answer', step, value: 'safe' });
    else if (step === 'who') replies = await chat.click({ action: 'intake.answer', step }, { role: office!.role, organisationId: office!.organisationId });
    else if (step === 'level') replies = await chat.click({ action: 'intake.answer', step, value: typed.level ?? '4' });
    else replies = await chat.say(typed[step]);
    if (/⚠️/.test(texts(replies))) throw new Error(`answer for ${step} refused: ${texts(replies).slice(0, 200)}`);
  }
  throw new Error('the intake did not reach the summary');
}

/** Presses "Verstuur melding" on the summary card. */
export async function submitFromSummary(chat: Chat, summary: BotReply[]): Promise<{ replies: BotReply[]; caseNumber: string; draftId: string }> {
  const submit = cardActions(chat.lastCard(summary)).find((a) => a.data.action === 'intake.submit');
  if (!submit) throw new Error('no submit button on the summary');
  const replies = await chat.click(submit.data);
  const caseNumber = /WB-\d{4}-\d{5}/.exec(texts(replies))?.[0];
  if (!caseNumber) throw new Error(`no case number in: ${texts(replies).slice(0, 300)}`);
  return { replies, caseNumber, draftId: String(submit.data.draftId) };
}
