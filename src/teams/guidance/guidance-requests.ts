/**
 * What a person can ask for advice, by typing or with a card button, and how that is recognised.
 * The words are matched as whole messages (after normaliseCommandText), like the other commands.
 */
import { z } from 'zod';
import type { BehaviourLevel } from '../../domain/report';

/** One advice card to show. `reported`: opened from a report already sent, so no "meld" button. */
export type GuidanceRequest =
  | { kind: 'levels' }
  | { kind: 'level'; level: BehaviourLevel; reported: boolean }
  | { kind: 'prevention' };

/**
 * Asking how to respond. Answered always, also during an intake: none of these is a plausible answer
 * to an intake question. Bare "reageren" is left out: the measures proposal has a "Reageren" button,
 * and someone typing it means that.
 */
export const RESPOND_COMMANDS = [
  'hoe reageer ik',
  'hoe reageer je',
  'hoe moet ik reageren',
  'hoe kan ik reageren',
  'hoe reageren',
  'hoe te reageren',
  'wat moet ik doen',
  'wat kan ik doen',
];

/** Asking for the prevention advice; answered always, like RESPOND_COMMANDS. */
export const PREVENTION_COMMANDS = ['voorkomen', 'preventie', 'hoe voorkom ik', 'hoe voorkom ik dit', 'hoe voorkom ik het', 'hoe kan ik dit voorkomen', 'hoe voorkom je'];

/**
 * Words that ask for advice only when no intake is in progress: during an intake they may be the
 * answer ("advies" as a wish for aftercare), so the intake gets them first.
 */
export const IDLE_RESPOND_WORDS = ['advies', 'tips'];

/** The advice a typed (normalised) message asks for, if any. */
export function guidanceForCommand(command: string): GuidanceRequest | undefined {
  if (RESPOND_COMMANDS.includes(command)) return { kind: 'levels' };
  if (PREVENTION_COMMANDS.includes(command)) return { kind: 'prevention' };
  return undefined;
}

/** The advice a typed (normalised) message asks for when no intake is in progress. */
export function guidanceForIdleWord(command: string): GuidanceRequest | undefined {
  return IDLE_RESPOND_WORDS.includes(command) ? { kind: 'levels' } : undefined;
}

/** A level of the ladder in card data: a number 1–5 (a template may turn it into a string). */
export const behaviourLevelSchema = z.preprocess(
  (value) => (typeof value === 'string' && /^[1-5]$/.test(value) ? Number(value) : value),
  z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
);

/** The advice cards' buttons (Action.Submit data). Ids only; the cards hold no user data. */
export const GuidanceActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('guidance.levels') }),
  z.object({ action: z.literal('guidance.level'), level: behaviourLevelSchema, reported: z.boolean().optional() }),
  z.object({ action: z.literal('guidance.prevention') }),
]);

/** True for card data meant for the advice (its `action` starts with "guidance."). */
export function isGuidanceAction(value: unknown): boolean {
  const action = (value as { action?: unknown } | null)?.action;
  return typeof action === 'string' && action.startsWith('guidance.');
}

/** The advice a card button asks for; undefined when the data does not fit. */
export function guidanceForAction(value: unknown): GuidanceRequest | undefined {
  const parsed = GuidanceActionSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const action = parsed.data;
  switch (action.action) {
    case 'guidance.levels':
      return { kind: 'levels' };
    case 'guidance.level':
      return { kind: 'level', level: action.level, reported: action.reported ?? false };
    case 'guidance.prevention':
      return { kind: 'prevention' };
  }
}
