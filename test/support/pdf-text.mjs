// Prints the text of a PDF as JSON (one string per page): `node test/support/pdf-text.mjs file.pdf`.
// pdf.js ships as ES modules only, which jest's CommonJS runtime cannot load, so tests run this in a child process.
import { readFileSync } from 'node:fs';
import process from 'node:process';

const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
const data = new Uint8Array(readFileSync(process.argv[2]));
const document = await pdfjs.getDocument({ data, useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= document.numPages; n++) {
  const content = await (await document.getPage(n)).getTextContent();
  pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
}
process.stdout.write(JSON.stringify(pages));
