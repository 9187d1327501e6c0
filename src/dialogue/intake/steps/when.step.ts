import { DateTime } from 'luxon';
import { z } from 'zod';
import type { IntakeAnswer } from '../../../domain/intake';
import { INCIDENT_ZONE, parseIncidentTime } from '../parse-when';
import { choiceText } from '../answer-reading';
import { readForm } from '../form-reading';
import { failure, accepted, type StepDefinition, type StepOutcome } from '../step-definition';

/** The intake question "when": asked, read from chat and form, and read back. */

type When = IntakeAnswer<'when'>;

function whenFromParser(text: string, now: Date): StepOutcome<When> {
  const parsed = parseIncidentTime(text, now);
  if (!parsed.ok) return failure(parsed.message);
  return accepted({ at: parsed.at.toISOString(), timeKnown: parsed.timeKnown, approximate: parsed.approximate, display: parsed.display });
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^\d{2}:\d{2}(?::\d{2})?$/;

export const whenStep: StepDefinition<'when'> = {
  id: 'when',
  optional: false,
  summaryLabel: 'Wanneer',
  addressFields: [],
  question: ({ answers, ctx }) => {
    const local = answers.when === undefined ? undefined : DateTime.fromISO(answers.when.at, { zone: INCIDENT_ZONE });
    const example = DateTime.fromJSDate(ctx.now, { zone: INCIDENT_ZONE }).minus({ days: 7 }).toFormat('d-M-yyyy');
    return {
      title: 'Wanneer',
      text: 'Wanneer gebeurde het?',
      help: 'Typ bijvoorbeeld "gisteren 21:30", of kies een datum en tijd. Weet je de tijd niet precies? Een schatting is goed.',
      examples: ['net', 'vanochtend', 'gisteren 21:30', `${example} 09:30`],
      kind: 'form',
      fields: [
        { id: 'date', label: 'Datum', kind: 'date', required: true, value: local?.toFormat('yyyy-MM-dd') },
        { id: 'time', label: 'Tijd (als je die weet)', kind: 'time', required: false, value: answers.when?.timeKnown ? local?.toFormat('HH:mm') : undefined },
      ],
    };
  },
  fromText(text, { ctx }) {
    const typed = choiceText(text);
    if (typed === undefined) return failure('Typ alleen wanneer het gebeurde, bijvoorbeeld "gisteren 21:30".');
    return whenFromParser(typed, ctx.now);
  },
  fromForm(values, { ctx }) {
    const form = readForm({
      date: z.unknown().transform((raw, zctx) => {
        if (typeof raw === 'string' && DATE_RE.test(raw.trim())) return raw.trim();
        zctx.addIssue({ code: 'custom', message: 'Kies een datum (dag, maand en jaar).' });
        return z.NEVER;
      }),
      time: z.unknown().transform((raw, zctx) => {
        if (raw === undefined || raw === null || raw === '') return undefined;
        if (typeof raw === 'string' && TIME_RE.test(raw.trim())) return raw.trim();
        zctx.addIssue({ code: 'custom', message: 'Geef de tijd als uren:minuten, bijvoorbeeld 21:30, of laat de tijd leeg.' });
        return z.NEVER;
      }),
    }, values);
    if (!form.ok) return form;
    // The same parser as typed text: same zone, same future and age limits, same messages.
    const { date, time } = form.data;
    return whenFromParser(time === undefined ? date : `${date} ${time}`, ctx.now);
  },
  describe: (value) => (value.timeKnown ? value.display : `${value.display} (tijdstip onbekend)`),
};
