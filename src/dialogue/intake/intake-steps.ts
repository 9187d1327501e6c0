import type { StepRegistry } from './step-definition';
import { safetyStep } from './steps/safety.step';
import { whoStep } from './steps/who.step';
import { whenStep } from './steps/when.step';
import { whereStep } from './steps/where.step';
import { whatStep } from './steps/what.step';
import { levelStep } from './steps/level.step';
import { kindsStep } from './steps/kinds.step';
import { perpetratorStep } from './steps/perpetrator.step';
import { witnessesStep } from './steps/witnesses.step';
import { evidenceStep } from './steps/evidence.step';
import { injuryStep } from './steps/injury.step';
import { damageStep } from './steps/damage.step';
import { criminalOffenceStep } from './steps/criminal-offence.step';
import { hindranceStep } from './steps/hindrance.step';
import { aftercareStep } from './steps/aftercare.step';

/**
 * Every question of the intake, by step id: one file per question in steps/, each saying how it is
 * asked (Dutch text, card form), how a typed answer and the form are read, and how the answer
 * reads back in the summary.
 */
export const INTAKE_STEPS: StepRegistry = {
  safety: safetyStep,
  who: whoStep,
  when: whenStep,
  where: whereStep,
  what: whatStep,
  level: levelStep,
  kinds: kindsStep,
  perpetrator: perpetratorStep,
  witnesses: witnessesStep,
  evidence: evidenceStep,
  injury: injuryStep,
  damage: damageStep,
  criminalOffence: criminalOffenceStep,
  hindrance: hindranceStep,
  aftercare: aftercareStep,
};
