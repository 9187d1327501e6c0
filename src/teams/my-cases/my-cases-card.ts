/**
 * "mijn meldingen": the view-model for cards/my-cases.json. Per case the incident date, who handles
 * it (name and role once taken), the status in plain words and the next step, with buttons to open
 * a pending proposal and the progress card. The buttons carry the case id only; the server checks
 * that the caller is the case's office holder before it shows anything (my-cases-routes.ts).
 */
import { allowedCommands, type Case } from '../../domain/case';
import { formatDutchDate } from '../../copy/dates.copy';
import { toCardText } from '../cards/escape';
import { capitalisedDesk, handlerDesk, sentBackComment, takenByText } from '../case/case-cards';
import { MY_CASE_STATUS_TEXT, MY_CASES_TEXT, myCaseNextStep } from '../../copy/my-cases.copy';

/** The newest this many cases are listed, so the card stays within Teams' size limit. */
export const MY_CASES_MAX = 20;

/** Button data of the card (Action.Submit in the 1:1 chat). */
export const MY_CASES_ACTIONS = { openProposal: 'myCases.openProposal', openProgress: 'myCases.openProgress' } as const;

/** One case on the card. */
export interface MyCaseViewModel {
  caseId: string;
  caseNumber: string;
  /** The day of the incident, "maandag 30 november 2026". */
  incidentOn: string;
  /** "Peter Jansen, gemeentesecretaris van Utrecht", or the desk while nobody took it. */
  handler: string;
  status: string;
  nextStep: string;
  /** True while a proposal waits for the office holder's answer: shows "Voorstel bekijken". */
  proposalOpen: boolean;
}

/** Data bound to cards/my-cases.json. */
export interface MyCasesViewModel {
  intro: string;
  cases: MyCaseViewModel[];
  /** Older cases left off the card. */
  omitted: number;
  omittedText: string;
}

/** The office holder's own cases, newest first; `handlerNameOf` gives the name of whoever took a case. */
export function myCasesViewModel(cases: readonly Case[], handlerNameOf: (c: Case) => string | undefined = () => undefined): MyCasesViewModel {
  const newest = [...cases].sort((a, b) => b.registeredAt.getTime() - a.registeredAt.getTime());
  const shown = newest.slice(0, MY_CASES_MAX);
  const omitted = newest.length - shown.length;
  return {
    intro: cases.length === 1 ? MY_CASES_TEXT.one : MY_CASES_TEXT.many(cases.length),
    cases: shown.map((c) => myCaseViewModel(c, handlerNameOf(c))),
    omitted,
    omittedText: omitted === 0 ? '' : MY_CASES_TEXT.omitted(MY_CASES_MAX, omitted),
  };
}

function myCaseViewModel(c: Case, handlerName: string | undefined): MyCaseViewModel {
  const takenBy = takenByText(c, handlerName);
  const allowed = allowedCommands(c, 'officeHolder');
  return {
    caseId: c.id,
    caseNumber: toCardText(c.caseNumber, 40),
    incidentOn: formatDutchDate(new Date(c.report.incidentAt)),
    handler: takenBy ?? (c.handler === undefined ? `${capitalisedDesk(c)} (${MY_CASES_TEXT.notTakenYet.toLowerCase()})` : capitalisedDesk(c)),
    status: MY_CASE_STATUS_TEXT[c.status],
    nextStep: myCaseNextStep(c.status, handlerDesk(c), sentBackComment(c) !== undefined),
    proposalOpen: allowed.has('agreeMeasures') && allowed.has('sendBackMeasures'),
  };
}
