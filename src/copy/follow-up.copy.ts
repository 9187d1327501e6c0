import type { PoliceJudgement, PoliceReportKind, RestrictionsClosingDecision } from '../domain/follow-up-terms';
import type { SevenW } from '../domain/seven-ws';

/** The 7 W's as the handler's form and the police information form ask them. */
export const SEVEN_W_LABELS: Readonly<Record<SevenW, { readonly label: string; readonly question: string }>> = {
  wie: { label: 'Wie', question: 'Wie deed het, wie was erbij (pleger, getuigen)?' },
  wat: { label: 'Wat', question: 'Wat is er gebeurd?' },
  waar: { label: 'Waar', question: 'Waar gebeurde het (plaats of kanaal)?' },
  waarmee: { label: 'Waarmee', question: 'Waarmee (wapen, voorwerp, middel, bericht)?' },
  opWelkeWijze: { label: 'Op welke wijze', question: 'Hoe ging het in zijn werk?' },
  wanneer: { label: 'Wanneer', question: 'Datum en tijd van het incident.' },
  waarom: { label: 'Waarom', question: 'Wat was voor zover bekend de aanleiding?' },
};

/** The two choices when a case with running restrictions is closed. */
export const RESTRICTIONS_CLOSING_LABELS: Readonly<Record<RestrictionsClosingDecision, string>> = {
  endNow: 'De beperkende maatregelen eindigen nu (het herstelgesprek vervalt)',
  keepRunning: 'De beperkende maatregelen lopen door (de herinnering voor het herstelgesprek blijft)',
};

/** A melding or an aangifte at the police, as the handler records it. */
export const POLICE_REPORT_KIND_LABELS: Readonly<Record<PoliceReportKind, string>> = { melding: 'Melding', aangifte: 'Aangifte' };

/** The police's judgement of the facts, as the handler records it. */
export const POLICE_JUDGEMENT_LABELS: Readonly<Record<PoliceJudgement, string>> = {
  punishable: 'Strafbaar',
  notPunishable: 'Niet strafbaar',
  unknown: 'Onbekend',
};
