import { caseEvent, changeOf, unchanged, type CaseChange } from './case-events';
import { actorOf, type Case } from './case-model';
import { commandRefusal } from './case-preconditions';
import { reachGoal, throwIf, withoutGoal } from './case-rules';
import { eventBase } from './case-transition';
import { DomainError } from './errors';

/** The steps of the "stappenplan melding en aangifte" (domain.md), done by the handler, never by the office holder. */
export const POLICE_CHECKLIST_STEPS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export type PoliceChecklistStep = (typeof POLICE_CHECKLIST_STEPS)[number];

export const POLICE_CHECKLIST_LABELS: Readonly<Record<PoliceChecklistStep, string>> = {
  1: 'Meld het incident intern',
  2: 'Verzamel zoveel mogelijk feiten: wie, wat, waar, waarmee, op welke wijze, wanneer en waarom',
  3: 'Maak een afspraak met de politie',
  4: 'Doe een melding of aangifte bij de politie',
  5: 'Bescherm privégegevens (geef nooit het woonadres op)',
  6: 'Meld dat de betrokkene een publieke taak heeft',
  7: 'Controleer de melding of aangifte',
  8: 'Volg de melding of aangifte op (een melding gaat in het politiedossier, een aangifte naar de officier van justitie)',
  9: 'Zorg voor nazorg vanuit de organisatie',
};

/** Ticking this step reaches the goal of the police appointment deadline. */
export const POLICE_APPOINTMENT_STEP: PoliceChecklistStep = 3;
/** The melding or aangifte itself. */
export const POLICE_REPORT_STEP: PoliceChecklistStep = 4;
/** The steps the office holder's progress follows (appointment made, report filed); the rest is the handler's working list. */
export const OFFICE_HOLDER_VISIBLE_STEPS: readonly PoliceChecklistStep[] = [POLICE_APPOINTMENT_STEP, POLICE_REPORT_STEP];

export interface ChecklistTick {
  readonly step: PoliceChecklistStep;
  readonly at: Date;
  readonly byAadObjectId: string;
}

/** The checklist of a case: present when a police appointment is needed; ticks sorted by step. */
export interface PoliceChecklist {
  readonly ticks: readonly ChecklistTick[];
}

/** One row as a card shows it. */
export interface ChecklistItem {
  readonly step: PoliceChecklistStep;
  readonly label: string;
  readonly done?: { readonly at: Date; readonly byAadObjectId: string };
}

/** True for 1..9; card data is untrusted. */
export function isPoliceChecklistStep(value: unknown): value is PoliceChecklistStep {
  return typeof value === 'number' && (POLICE_CHECKLIST_STEPS as readonly number[]).includes(value);
}

/** The nine steps with their state, or undefined when the case has no checklist. */
export function policeChecklistItems(c: Case): ChecklistItem[] | undefined {
  const checklist = c.policeChecklist;
  if (checklist === undefined) {
    return undefined;
  }
  return POLICE_CHECKLIST_STEPS.map((step): ChecklistItem => {
    const tick = checklist.ticks.find((t) => t.step === step);
    return tick === undefined
      ? { step, label: POLICE_CHECKLIST_LABELS[step] }
      : { step, label: POLICE_CHECKLIST_LABELS[step], done: { at: tick.at, byAadObjectId: tick.byAadObjectId } };
  });
}

function checklistOf(c: Case, step: number): PoliceChecklist {
  if (!isPoliceChecklistStep(step)) {
    throw new DomainError('CASE.CHECKLIST_STEP_UNKNOWN', { detail: `step ${String(step)}` });
  }
  // commandRefusal already refused a case without a checklist.
  return c.policeChecklist ?? { ticks: [] };
}

/**
 * A handler ticks a step; ticking a ticked step changes nothing (two handlers clicking the same
 * card button record the first). Step 3 reaches the police appointment goal.
 */
export function tickChecklistStep(c: Case, step: PoliceChecklistStep, handlerAadObjectId: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'tickChecklistStep', actorOf(c, handlerAadObjectId)));
  const checklist = checklistOf(c, step);
  if (checklist.ticks.some((t) => t.step === step)) {
    return unchanged(c);
  }
  const ticks = [...checklist.ticks, { step, at: now, byAadObjectId: handlerAadObjectId }].sort((a, b) => a.step - b.step);
  const ticked: Case = { ...c, policeChecklist: { ticks } };
  const base = eventBase(c, handlerAadObjectId, now);
  return changeOf(c, step === POLICE_APPOINTMENT_STEP ? reachGoal(ticked, 'policeAppointment', now) : ticked, base, [caseEvent(base, 'checklistStepTicked', { step })]);
}

/**
 * A handler unticks a step. Allowed because a mis-click on a card must be correctable: a checklist
 * that cannot be corrected would claim the police were contacted when they were not. Unticking
 * step 3 clears the police appointment goal, so its reminders resume. Unticking an open step changes nothing.
 */
export function untickChecklistStep(c: Case, step: PoliceChecklistStep, handlerAadObjectId: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'untickChecklistStep', actorOf(c, handlerAadObjectId)));
  const checklist = checklistOf(c, step);
  if (!checklist.ticks.some((t) => t.step === step)) {
    return unchanged(c);
  }
  const unticked: Case = { ...c, policeChecklist: { ticks: checklist.ticks.filter((t) => t.step !== step) } };
  const base = eventBase(c, handlerAadObjectId, now);
  return changeOf(c, step === POLICE_APPOINTMENT_STEP ? withoutGoal(unticked, 'policeAppointment') : unticked, base, [caseEvent(base, 'checklistStepUnticked', { step })]);
}

/**
 * The checklist form (one toggle per step, one "Opslaan"): ticks the steps in `ticked` that are open
 * and unticks the done steps not in it, each through tickChecklistStep / untickChecklistStep, so every
 * step is refused or recorded exactly as by its own button. Saving the form unchanged changes nothing.
 */
export function setChecklistSteps(c: Case, ticked: readonly PoliceChecklistStep[], handlerAadObjectId: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'setChecklist', actorOf(c, handlerAadObjectId)));
  const wanted = new Set<number>(ticked);
  let current = c;
  const events: CaseChange['events'][number][] = [];
  for (const step of POLICE_CHECKLIST_STEPS) {
    const done = (current.policeChecklist?.ticks ?? []).some((t) => t.step === step);
    if (done === wanted.has(step)) continue;
    const change = done ? untickChecklistStep(current, step, handlerAadObjectId, now) : tickChecklistStep(current, step, handlerAadObjectId, now);
    current = change.case;
    events.push(...change.events);
  }
  return events.length === 0 ? unchanged(c) : { case: current, events };
}
