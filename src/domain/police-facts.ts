import { caseEvent, changeOf, unchanged, type CaseChange } from './case-events';
import { actorOf, type Case } from './case-model';
import { commandRefusal } from './case-preconditions';
import { cleanText, throwIf } from './case-rules';
import { eventBase } from './case-transition';
import { SEVEN_W_MAX_LENGTH, SEVEN_WS, type PoliceFormCompletions, type SevenW } from './seven-ws';

/**
 * A handler completes the 7 W's the report lacks (checklist step 2, "verzamel zoveel mogelijk feiten"):
 * the form sends every W, so an emptied field removes that completion. Only the W's that changed are
 * named in the event; the texts stay in the case. Nothing changed: no event.
 */
export function completePoliceForm(c: Case, completions: PoliceFormCompletions, by: string, now: Date): CaseChange {
  throwIf(commandRefusal(c, 'completePoliceForm', actorOf(c, by)));
  const before = c.policeFormCompletions ?? {};
  const next: Partial<Record<SevenW, string>> = {};
  for (const w of SEVEN_WS) {
    const text = cleanText(completions[w], SEVEN_W_MAX_LENGTH);
    if (text !== undefined) next[w] = text;
  }
  const changed = SEVEN_WS.filter((w) => before[w] !== next[w]);
  if (changed.length === 0) return unchanged(c);
  const { policeFormCompletions: _old, ...rest } = c;
  const after: Case = Object.keys(next).length === 0 ? rest : { ...rest, policeFormCompletions: next };
  const base = eventBase(c, by, now);
  return changeOf(c, after, base, [caseEvent(base, 'policeFormCompleted', { ws: changed })]);
}
