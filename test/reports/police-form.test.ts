import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policeFormFields, SEVEN_W_LABELS, SEVEN_WS } from '../../src/copy/police-form.copy';
import { renderPoliceFormPdf } from '../../src/reports/police-form-pdf';
import { submitted } from '../support/registration-cases';

const NOW = new Date('2026-11-30T10:00:00Z');
const HASH_A = '3f9a1c2e04b5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f';
const HASH_B = 'a'.repeat(63) + 'b';

const fullCase = () =>
  submitted({
    registeredAt: new Date('2026-11-30T09:00:00Z'),
    caseNumber: 'WB-2026-00042',
    report: {
      incidentAt: '2026-11-29T19:30:00Z',
      place: { mode: 'offline', location: 'Raadhuisplein, na de raadsvergadering' },
      description: 'Een man riep dat hij wist waar ik woon. Zoë en René hoorden het.',
      perpetrator: { known: true, type: 'persoon', name: 'Jan Pietersen', characteristics: 'Groene jas, ongeveer 40 jaar', licencePlate: '12-ABC-3' },
      witnesses: 'Zoë Jansen (griffie)',
      motive: 'Boos over het besluit over zijn vergunning',
      criminalOffenceSuspected: 'yes',
      evidence: {
        files: [
          { fileName: 'dreigmail.eml', contentType: 'message/rfc822', sizeBytes: 20480, sha256: HASH_A, blobName: 'evidence/1' },
          { fileName: 'foto-auto.jpg', contentType: 'image/jpeg', sizeBytes: 2_500_000, sha256: HASH_B, blobName: 'evidence/2' },
        ],
        keptOriginals: 'Kluis van de griffie',
      },
    },
  });

/** The PDF's text, read back with pdf.js in a child process. */
function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'police-form-')), 'form.pdf');
  writeFileSync(file, pdf);
  const pages = JSON.parse(execFileSync(process.execPath, [join(__dirname, '..', 'support', 'pdf-text.mjs'), file], { encoding: 'utf8' })) as string[];
  return pages.join('\n');
}

describe('policeFormFields', () => {
  it('fills the 7 W’s the report answers and marks the rest to complete', () => {
    const form = policeFormFields(fullCase(), {}, { now: NOW, organisationAddress: 'Stadsplateau 1, 3521 AZ Utrecht' });
    const byW = Object.fromEntries(form.fields.map((f) => [f.w, f]));
    expect(form.fields.map((f) => f.w)).toEqual([...SEVEN_WS]);
    expect(byW.wie.text).toContain('Pleger: Jan Pietersen (persoon)');
    expect(byW.wie.text).toContain('Kenteken: 12-ABC-3');
    expect(byW.wie.text).toContain('Getuigen: Zoë Jansen (griffie)');
    expect(byW.wat.text).toContain('Een man riep dat hij wist waar ik woon.');
    expect(byW.waar.text).toBe('Raadhuisplein, na de raadsvergadering');
    expect(byW.wanneer.text).toBe('zondag 29 november 2026 om 20:30');
    expect(byW.waarom.text).toBe('Boos over het besluit over zijn vergunning');
    expect([byW.waarmee.missing, byW.opWelkeWijze.missing]).toEqual([true, true]);
    expect(form.contactAddress).toBe('Stadsplateau 1, 3521 AZ Utrecht');
    expect(form.publicTaskStatement).toBe('Sanne de Vries is wethouder van Gemeente Utrecht en heeft een publieke taak. Het incident houdt verband met die taak. Neem dit op in de melding of aangifte.');
  });

  it('takes the handler’s completions from checklist step 2, beside what the report says', () => {
    const form = policeFormFields(fullCase(), { waarmee: 'Met woorden; geen wapen gezien.', waarom: 'Hij noemde ook de bouwvergunning.', wie: '  ' }, { now: NOW });
    const byW = Object.fromEntries(form.fields.map((f) => [f.w, f]));
    expect(byW.waarmee).toMatchObject({ text: 'Met woorden; geen wapen gezien.', missing: false });
    expect(byW.waarom.text).toBe('Boos over het besluit over zijn vergunning\nAanvulling afhandelaar: Hij noemde ook de bouwvergunning.');
    expect(byW.wie.text).not.toContain('Aanvulling');
    expect(form.contactAddress).toBeUndefined();
  });

  it('leaves "wie" to complete for an unknown perpetrator without witnesses, and flags an address in a field', () => {
    const c = submitted({ registeredAt: NOW, report: { place: { mode: 'offline', location: 'Thuis, Kerkstraat 12, 3511 AB Utrecht' } } });
    const byW = Object.fromEntries(policeFormFields(c, {}, { now: NOW }).fields.map((f) => [f.w, f]));
    expect(byW.wie.missing).toBe(true);
    expect(byW.waar.addressWarning).toBe(true);
  });
});

describe('police form PDF', () => {
  it('shows the case number, the 7 W’s, the evidence hashes and the public task, with Dutch characters intact', async () => {
    const pdf = await renderPoliceFormPdf(policeFormFields(fullCase(), {}, { now: NOW, organisationAddress: 'Stadsplateau 1, 3521 AZ Utrecht' }));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Informatie voor de politie');
    expect(text).toContain('Zaak WB-2026-00042');
    for (const w of SEVEN_WS) expect(text).toContain(SEVEN_W_LABELS[w].label);
    expect(text).toContain('Jan Pietersen');
    expect(text).toContain('Zoë en René hoorden het.');
    expect(text).toContain('zondag 29 november 2026 om 20:30');
    expect(text.match(/Nog aanvullen/g)).toHaveLength(2); // waarmee, op welke wijze
    expect(text).toContain(HASH_A);
    expect(text).toContain(HASH_B);
    expect(text).toContain('dreigmail.eml');
    expect(text).toContain('2,4 MB');
    expect(text).toContain('heeft een publieke taak');
    expect(text).toContain('Stadsplateau 1, 3521 AZ Utrecht');
    expect(text).toContain('Geef nooit het woonadres van de betrokkene op.');
  });

  it('marks a missing organisation address instead of leaving it out', async () => {
    const text = pdfText(await renderPoliceFormPdf(policeFormFields(fullCase(), {}, { now: NOW })));
    expect(text).toContain('Adres voor contact: Nog aanvullen');
  });
});
