/**
 * The advice cards: the choice of level ("hoe reageer ik?"), one card per level of the ik–jullie–jij
 * ladder, and prevention. Typed view-models for cards/guidance-*.json; the words are in
 * src/copy/guidance.copy.ts, the layout in the templates.
 */
import { BEHAVIOUR_LEVELS, type BehaviourLevel } from '../../domain/report';
import { CONFIDENTIAL_PHONE_ON_CARD } from '../cards/support-line-text';
import type { CardRenderer } from '../cards/card-renderer';
import type { OutgoingMessage } from '../intake/intake-cards';
import { ADVICE_SHARED, LEVEL_ADVICE, LEVEL_CHOICE, PREVENTION } from '../../copy/guidance.copy';
import type { GuidanceRequest } from './guidance-requests';

/** Template names (files in cards/) of the advice. */
export const GUIDANCE_CARD_NAMES = {
  levels: 'guidance-levels',
  level: 'guidance-level',
  prevention: 'guidance-prevention',
} as const;

/** Data bound to cards/guidance-levels.json. */
export interface GuidanceLevelsViewModel {
  title: string;
  emergency: string;
  intro: string;
  /** Mildest first, as on the ladder. */
  levels: { level: BehaviourLevel; choice: string; recognise: string }[];
}

/** The choice of level: five buttons in plain words, 112 on top. */
export function guidanceLevelsViewModel(): GuidanceLevelsViewModel {
  return {
    title: LEVEL_CHOICE.title,
    emergency: ADVICE_SHARED.emergencyShort,
    intro: LEVEL_CHOICE.intro,
    levels: BEHAVIOUR_LEVELS.map(({ level }) => ({ level, choice: LEVEL_ADVICE[level].choice, recognise: LEVEL_ADVICE[level].recognise })),
  };
}

/** Data bound to cards/guidance-level.json. */
export interface GuidanceLevelViewModel {
  level: BehaviourLevel;
  title: string;
  ladder: string;
  /** Level 5: 112 opens the card. */
  safetyFirst: boolean;
  emergency: string;
  steps: { text: string }[];
  why: string;
  nextStep: string;
  /** Opened from a report already sent: "Mijn meldingen" instead of "Meld dit incident". */
  reported: boolean;
  confidentialLine: string;
  confidentialPhone: string;
}

/** The advice for one level: what to do now, why, and the next step. */
export function guidanceLevelViewModel(level: BehaviourLevel, options: { reported?: boolean } = {}): GuidanceLevelViewModel {
  const advice = LEVEL_ADVICE[level];
  const reported = options.reported ?? false;
  return {
    level,
    title: advice.choice,
    ladder: advice.ladder,
    safetyFirst: advice.safetyFirst,
    emergency: ADVICE_SHARED.emergency,
    steps: advice.now.map((text) => ({ text })),
    why: advice.why,
    nextStep: reported ? ADVICE_SHARED.alreadyReported : advice.report,
    reported,
    confidentialLine: ADVICE_SHARED.confidentialLine,
    confidentialPhone: CONFIDENTIAL_PHONE_ON_CARD,
  };
}

/** Data bound to cards/guidance-prevention.json. */
export interface GuidancePreventionViewModel {
  title: string;
  intro: string;
  yourself: { text: string }[];
  organisation: { text: string }[];
  support: string;
}

/** Prevention: for the office holder, and what to ask of the organisation. */
export function guidancePreventionViewModel(): GuidancePreventionViewModel {
  return {
    title: PREVENTION.title,
    intro: PREVENTION.intro,
    yourself: PREVENTION.yourself.map((text) => ({ text })),
    organisation: PREVENTION.organisation.map((text) => ({ text })),
    support: PREVENTION.support,
  };
}

/** The chat message for one advice request. */
export function renderGuidance(request: GuidanceRequest, renderer: CardRenderer): OutgoingMessage {
  switch (request.kind) {
    case 'levels':
      return { card: renderer.render(GUIDANCE_CARD_NAMES.levels, guidanceLevelsViewModel()), summary: 'Hoe reageer je? Kies wat er gebeurt.' };
    case 'level':
      return {
        card: renderer.render(GUIDANCE_CARD_NAMES.level, guidanceLevelViewModel(request.level, { reported: request.reported })),
        summary: `Advies: ${LEVEL_ADVICE[request.level].choice.toLowerCase()}`,
      };
    case 'prevention':
      return { card: renderer.render(GUIDANCE_CARD_NAMES.prevention, guidancePreventionViewModel()), summary: 'Voorkomen: wat je zelf doet en wat je vraagt van je organisatie.' };
  }
}
