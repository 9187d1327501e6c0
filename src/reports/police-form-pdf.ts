import PDFDocument from 'pdfkit';
import { STILL_TO_COMPLETE, type PoliceForm } from '../copy/police-form.copy';
import { FONT_FILES } from './fonts';

/**
 * The police information form as a PDF (A4), drawn with pdfkit. DejaVu Sans is embedded (subset)
 * so every character of a report prints, not only those of PDF's standard fonts; hashes are set in
 * DejaVu Sans Mono so each fits on one line.
 */

const MARGIN = 50;
const ACCENT = '#1f5a96';
const WARNING = '#a4262c';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** Renders the form; resolves with the PDF bytes. */
export function renderPoliceFormPdf(form: PoliceForm, options: { creationDate?: Date } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // The case number only: the title bar of a PDF viewer is no place for a name.
    info: { Title: `Informatie voor de politie — ${form.caseNumber}`, Author: 'Weerbaar Bestuur', Subject: 'Melding of aangifte', ...(options.creationDate ? { CreationDate: options.creationDate } : {}) },
    lang: 'nl-NL',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT_FILES.regular);
  doc.registerFont('bold', FONT_FILES.bold);
  doc.registerFont('mono', FONT_FILES.mono);
  const width = doc.page.width - 2 * MARGIN;

  const heading = (text: string): void => {
    doc.moveDown(0.8).font('bold').fontSize(12).fillColor(ACCENT).text(text, { width }).moveDown(0.2).fillColor('black');
  };
  const line = (label: string, value: string): void => {
    doc.font('bold').fontSize(10).text(`${label}: `, { continued: true }).font('regular').text(value, { width });
  };

  doc.font('bold').fontSize(18).fillColor(ACCENT).text('Informatie voor de politie', { width });
  doc.font('regular').fontSize(10).fillColor('black').text(`Zaak ${form.caseNumber} · Weerbaar Bestuur · opgesteld ${form.preparedAt}`, { width });
  doc.font('regular').fontSize(9).fillColor('#555').text('Vertrouwelijk. Voor de politie, bij een melding of aangifte door de afhandelaar namens de organisatie.', { width }).fillColor('black');

  heading('Betrokkene (slachtoffer)');
  line('Naam', form.victim.name);
  line('Functie', `${form.victim.role}, ${form.victim.organisation}`);
  if (form.contactAddress !== undefined) line('Adres voor contact', `${form.contactAddress} (adres van ${form.victim.organisation})`);
  else doc.font('bold').fontSize(10).fillColor(WARNING).text(`Adres voor contact: ${STILL_TO_COMPLETE} — het adres van ${form.victim.organisation}, nooit het woonadres.`, { width }).fillColor('black');
  doc.moveDown(0.3).font('regular').fontSize(10).text(form.privacyStatement, { width });

  heading('Publieke taak');
  doc.font('regular').fontSize(10).text(form.publicTaskStatement, { width });

  heading("De 7 W's");
  for (const field of form.fields) {
    doc.moveDown(0.3).font('bold').fontSize(11).text(field.label, { width });
    doc.font('regular').fontSize(8).fillColor('#555').text(field.question, { width }).fillColor('black');
    if (field.missing) {
      doc.font('bold').fontSize(10).fillColor(WARNING).text(`${STILL_TO_COMPLETE} (stap 2 van het stappenplan)`, { width }).fillColor('black');
    } else {
      doc.font('regular').fontSize(10).text(field.text ?? '', { width });
      if (field.addressWarning) doc.font('bold').fontSize(9).fillColor(WARNING).text('Controleer: deze tekst lijkt een adres te bevatten. Geef nooit het woonadres op.', { width }).fillColor('black');
    }
  }

  heading('Bewijs');
  if (form.evidence.length === 0) doc.font('regular').fontSize(10).text('Geen bestanden bij de melding.', { width });
  form.evidence.forEach((file, index) => {
    doc.moveDown(0.2).font('bold').fontSize(10).text(`${index + 1}. ${file.fileName}`, { width });
    doc.font('regular').fontSize(9).text(`${file.contentType}, ${formatBytes(file.sizeBytes)}`, { width });
    doc.font('regular').fontSize(9).text('SHA-256:', { continued: true }).font('mono').text(` ${file.sha256}`, { width });
  });
  if (form.originalsKeptAt !== undefined) doc.moveDown(0.3).font('regular').fontSize(10).text(`Originelen bewaard: ${form.originalsKeptAt}`, { width });
  doc.moveDown(0.3).font('regular').fontSize(8).fillColor('#555').text('De SHA-256 is de vingerafdruk van het bestand zoals het is ontvangen: een gewijzigd bestand heeft een andere.', { width });
  doc.end();
  return done;
}
