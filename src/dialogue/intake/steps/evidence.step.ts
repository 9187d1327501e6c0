import { TEXT_LIMITS } from '../../../domain/report';
import { MAX_EVIDENCE_FILES, type IntakeAnswer, type IntakeAnswers } from '../../../domain/intake';
import { foldWords, isSkipText, chatText, CHOICE_TEXT_MAX } from '../answer-reading';
import { formText, readForm } from '../form-reading';
import { accepted, type StepDefinition } from '../step-definition';

/** The intake question "evidence": asked, read from chat and form, and read back. */

const DONE_WORDS = new Set(['klaar', 'ik ben klaar', 'dat was het', 'dat is alles', 'verder', 'ga verder', 'door', 'volgende', 'klaar ermee', 'gedaan']);

function existingEvidence(answers: IntakeAnswers): IntakeAnswer<'evidence'> {
  return answers.evidence ?? { files: [], done: false };
}

export const evidenceStep: StepDefinition<'evidence'> = {
  id: 'evidence',
  optional: true,
  summaryLabel: 'Bewijs',
  addressFields: ['keptOriginals'],
  question: ({ answers }) => {
    const count = answers.evidence?.files.length ?? 0;
    const added = count === 0 ? '' : ` Je hebt ${count === 1 ? '1 bestand' : `${count} bestanden`} toegevoegd.`;
    return {
      title: 'Bewijs',
      text: 'Heb je brieven, e-mails, voicemails, berichten of foto\'s? Stuur ze als bijlage in deze chat. '
        + `Bewaar altijd de originelen: de melding krijgt een kopie.${added}`,
      help: `Typ "klaar" als je alles hebt gestuurd, of "geen" als je niets hebt. Je kunt maximaal ${MAX_EVIDENCE_FILES} bestanden toevoegen.`,
      kind: 'files',
      fields: [{
        id: 'keptOriginals', label: 'Waar bewaar je de originelen? (optioneel)', kind: 'longText', required: false, maxLength: TEXT_LIMITS.medium,
        value: answers.evidence?.keptOriginals,
      }],
    };
  },
  fromText(text, { answers }) {
    const evidence = existingEvidence(answers);
    if (text.length <= CHOICE_TEXT_MAX && (DONE_WORDS.has(foldWords(text)) || isSkipText(text))) return accepted({ ...evidence, done: true });
    // Anything else answers "where are the originals kept?".
    const typed = chatText(text, TEXT_LIMITS.medium);
    return typed.ok ? accepted({ ...evidence, keptOriginals: typed.value, done: true }) : typed;
  },
  fromForm(values, { answers }) {
    // The card's only button is "Klaar": a submitted form always moves on.
    const form = readForm({ keptOriginals: formText('Waar je de originelen bewaart', TEXT_LIMITS.medium, false) }, values);
    if (!form.ok) return form;
    const { files } = existingEvidence(answers);
    const { keptOriginals } = form.data;
    return accepted(keptOriginals === undefined ? { files, done: true } : { files, keptOriginals, done: true });
  },
  skipped: ({ answers }) => ({ ...existingEvidence(answers), done: true }),
  describe: (value) => {
    const files = value.files.length === 0
      ? 'Geen bestanden'
      : `${value.files.length === 1 ? '1 bestand' : `${value.files.length} bestanden`}: ${value.files.map((f) => f.fileName).join(', ')}`;
    return value.keptOriginals === undefined ? files : `${files}\nOriginelen: ${value.keptOriginals}`;
  },
};
