import { dirname, join } from 'node:path';

/**
 * DejaVu Sans, shipped by the npm package dejavu-fonts-ttf (free license: Bitstream Vera derivative,
 * see node_modules/dejavu-fonts-ttf/LICENSE), so charts and PDFs render the same on any machine,
 * without system fonts. It covers every Latin accent (ë, é, ĳ) and more.
 */
const FONT_DIRECTORY = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FILES = {
  regular: join(FONT_DIRECTORY, 'DejaVuSans.ttf'),
  bold: join(FONT_DIRECTORY, 'DejaVuSans-Bold.ttf'),
  mono: join(FONT_DIRECTORY, 'DejaVuSansMono.ttf'),
} as const;

/** The family name inside those files, for SVG text. */
export const FONT_FAMILY = 'DejaVu Sans';
