/**
 * The case's history as people read it: "Geschiedenis" on the handler's card (who by name, when, what
 * kind of change — never the free text of a change), and the line a handler reads after losing a race
 * ("Peter Jansen heeft net maatregelen voorgesteld.").
 */
import type { CaseHistoryRecord } from '../../app/case-history';
import { isConsequenceEvent, MEETING_KIND_LABELS, type Case } from '../../domain/case';
import { SEVEN_W_LABELS } from '../../copy/police-form.copy';
import { toCardText } from '../cards/escape';
import { HISTORY_MAX } from './case-card-contract';
import { shortDateTime } from './case-view-parts';


/** What happened, as a title ("Maatregelen voorgesteld") and after "heeft net" ("maatregelen voorgesteld"). */
function describe(record: CaseHistoryRecord): { title: string; did: string } {
  switch (record.type) {
    case 'caseSubmitted': return { title: 'Gemeld', did: 'het incident gemeld' };
    case 'caseTaken': return { title: 'In behandeling genomen', did: 'de zaak in behandeling genomen' };
    case 'measuresProposed': return { title: record.round > 1 ? `Maatregelen opnieuw voorgesteld (voorstel ${record.round})` : 'Maatregelen voorgesteld', did: 'maatregelen voorgesteld' };
    case 'proposalSentBack': return { title: 'Voorstel teruggestuurd', did: 'het voorstel teruggestuurd' };
    case 'measuresAgreed': return { title: 'Akkoord met de maatregelen', did: 'ingestemd met de maatregelen' };
    case 'measuresApproved': return { title: 'Maatregelen vastgesteld', did: 'de maatregelen vastgesteld' };
    case 'checklistStepTicked': return { title: `Stap ${record.step} van het stappenplan afgevinkt`, did: `stap ${record.step} van het stappenplan afgevinkt` };
    case 'checklistStepUnticked': return { title: `Stap ${record.step} van het stappenplan weer opengezet`, did: `stap ${record.step} van het stappenplan weer opengezet` };
    case 'policeFormCompleted': {
      const ws = record.ws.map((w) => SEVEN_W_LABELS[w].label.toLowerCase()).join(', ');
      return { title: `Feiten voor de politie aangevuld (${ws})`, did: 'de feiten voor de politie aangevuld' };
    }
    case 'labourInspectorateWarned': return { title: 'Arbeidsinspectie gewaarschuwd', did: 'vastgelegd dat de Arbeidsinspectie is gewaarschuwd' };
    case 'meetingPlanned': return { title: `${MEETING_KIND_LABELS[record.meetingKind]} gepland`, did: `een ${MEETING_KIND_LABELS[record.meetingKind].toLowerCase()} gepland` };
    case 'meetingHeld': return { title: `${MEETING_KIND_LABELS[record.meetingKind]} gevoerd`, did: `een gevoerd ${MEETING_KIND_LABELS[record.meetingKind].toLowerCase()} vastgelegd` };
    case 'responseRecorded': return record.responseKind === 'given'
      ? { title: 'Reactie richting de pleger vastgelegd', did: 'de reactie richting de pleger vastgelegd' }
      : { title: 'Vastgelegd dat geen reactie mogelijk was', did: 'vastgelegd dat geen reactie richting de pleger mogelijk was' };
    case 'taskCompleted': return { title: 'Taak afgerond', did: 'een taak afgerond' };
    case 'caseClosed': return { title: 'Zaak afgesloten', did: 'de zaak afgesloten' };
    case 'policeReportRecorded': return { title: 'Melding of aangifte vastgelegd', did: 'de melding of aangifte vastgelegd' };
    case 'restrictionsAdjusted': return { title: 'Beperkende maatregelen verlengd of aangepast', did: 'de beperkende maatregelen verlengd of aangepast' };
    case 'restrictionsConfirmed': return { title: 'Schriftelijke bevestiging aan de pleger vastgelegd', did: 'de schriftelijke bevestiging aan de pleger vastgelegd' };
    case 'meetingReportRecorded': return { title: 'Verslag van het incidentgesprek vastgelegd', did: 'het verslag van het incidentgesprek vastgelegd' };
    case 'informedPersonAdded': return { title: 'Iemand geïnformeerd', did: 'iemand geïnformeerd' };
    case 'informedPersonRemoved': return { title: 'Iemand van de geïnformeerden verwijderd', did: 'iemand van de geïnformeerden verwijderd' };
    case 'coordinatorInvolved': return { title: 'Coördinator VPT betrokken', did: 'de coördinator VPT betrokken' };
    case 'perpetratorMatchDecided': {
      // A rejected match names no case: that other case is none of this one's business (need-to-know).
      if (record.decision === 'rejected') return { title: 'Overeenkomst met een andere zaak afgewezen', did: 'een mogelijke overeenkomst met een andere zaak afgewezen' };
      const other = toCardText(record.otherCaseNumber, 40);
      return { title: `Zelfde pleger als in zaak ${other} bevestigd`, did: `bevestigd dat zaak ${other} over dezelfde pleger gaat` };
    }
    default: return { title: 'Gewijzigd', did: 'de zaak gewijzigd' };
  }
}

/** Who did it, by name: the office holder by the name on the case, a handler by the directory; escaped. */
export function personName(c: Case, aadObjectId: string, nameOf: (aadObjectId: string) => string | undefined, maxLength: number): string {
  const name = aadObjectId === c.officeHolder.aadObjectId ? c.officeHolder.name : nameOf(aadObjectId);
  const shown = toCardText(name?.trim(), maxLength);
  if (shown !== '') return shown;
  return aadObjectId === c.officeHolder.aadObjectId ? 'De betrokkene' : 'Een afhandelaar';
}

/**
 * What the loser of a race reads: who got there first and what they did. Undefined when the newest
 * change is the reader's own (a double click): then the fresh card says enough.
 */
export function colleagueNotice(c: Case, last: CaseHistoryRecord | undefined, actorAadObjectId: string, nameOf: (aadObjectId: string) => string | undefined, now: Date): string | undefined {
  if (last === undefined || last.byAadObjectId === actorAadObjectId) return undefined;
  const recent = now.getTime() - last.at.getTime() < 15 * 60_000;
  const when = recent ? 'net' : `op ${shortDateTime(last.at)}`;
  return `${personName(c, last.byAadObjectId, nameOf, 100)} heeft ${when} ${describe(last).did}. Dit is de actuele stand van de zaak.`;
}

/** "Geschiedenis": one line per change, newest first, at most HISTORY_MAX, with how many earlier ones are left out. */
export function historyLines(c: Case, records: readonly CaseHistoryRecord[], nameOf: (aadObjectId: string) => string | undefined, nameMax: number): { history: string[]; historyOmittedText: string; total: number } {
  const changes = records.filter((r) => !isConsequenceEvent(r.type)).reverse();
  const shown = changes.slice(0, HISTORY_MAX);
  const omitted = changes.length - shown.length;
  return {
    history: shown.map((r) => `${shortDateTime(r.at)} · ${describe(r).title} · ${personName(c, r.byAadObjectId, nameOf, nameMax)}`),
    historyOmittedText: omitted === 0 ? '' : `en ${omitted === 1 ? '1 eerdere wijziging' : `${omitted} eerdere wijzigingen`}`,
    total: changes.length,
  };
}
