import { Resvg } from '@resvg/resvg-js';
import sharp from 'sharp';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ShownMonth } from '../copy/figure-view.copy';
import { shownCountText } from '../domain/registration/suppression';
import { FONT_FAMILY, FONT_FILES } from './fonts';
import type { ChartImage } from '../app/figures-ports';

/**
 * The chart of reports per month, drawn on the server without a browser: a Vega-Lite spec compiled
 * to Vega, rendered to SVG by Vega's headless view, and rasterised to PNG by resvg with the shipped
 * font, then reduced to a palette PNG by sharp. A month whose count is hidden (suppression.ts) gets no bar, only its "< 5" or "≥ 5" label:
 * a bar would show the number.
 */


const RECENT = 'Laatste 12 maanden';
const PREVIOUS = '12 maanden daarvoor';

function chartSpec(months: readonly ShownMonth[], size: { width: number; height: number }): TopLevelSpec {
  const values = months.map((m) => ({
    maand: m.label,
    aantal: m.shown.kind === 'exact' ? m.shown.value : null,
    label: m.shown.kind === 'exact' ? null : shownCountText(m.shown),
    periode: m.recent ? RECENT : PREVIOUS,
  }));
  // The domain fixes the order: a layer without a month's bar must not move that month to the end.
  const x = { field: 'maand', type: 'ordinal', sort: null, title: null, scale: { domain: months.map((m) => m.label) }, axis: { labelAngle: -45, labelFontSize: 10 } } as const;
  return {
    width: size.width,
    height: size.height,
    background: 'white',
    config: { font: FONT_FAMILY, view: { stroke: null }, axis: { grid: false, domainColor: '#888', tickColor: '#888' } },
    title: { text: 'Meldingen per maand', anchor: 'start', fontSize: 13 },
    data: { values },
    layer: [
      {
        mark: { type: 'bar', tooltip: false },
        transform: [{ filter: 'datum.aantal != null' }],
        encoding: {
          x,
          y: { field: 'aantal', type: 'quantitative', title: 'Aantal', axis: { tickMinStep: 1, format: 'd' } },
          color: {
            field: 'periode', type: 'nominal', title: null,
            scale: { domain: [PREVIOUS, RECENT], range: ['#9db7d5', '#1f5a96'] },
            legend: { orient: 'top', direction: 'horizontal', labelFontSize: 11, labelLimit: 300 },
          },
        },
      },
      {
        mark: { type: 'text', dy: -6, fontSize: 10, color: '#444' },
        transform: [{ filter: 'datum.aantal != null' }],
        encoding: { x, y: { field: 'aantal', type: 'quantitative' }, text: { field: 'aantal', type: 'quantitative' } },
      },
      {
        mark: { type: 'text', dy: -6, fontSize: 10, color: '#444' },
        transform: [{ filter: 'datum.label != null' }],
        encoding: { x, y: { datum: 0 }, text: { field: 'label', type: 'nominal' } },
      },
    ],
  } as TopLevelSpec;
}

function altText(months: readonly ShownMonth[]): string {
  const recent = months.filter((m) => m.recent);
  return `Staafdiagram van de meldingen per maand, ${months[0].label} tot en met ${months[months.length - 1].label}. `
    + `Laatste maanden: ${recent.slice(-3).map((m) => `${m.label} ${m.text}`).join(', ')}. De tabel hieronder heeft alle aantallen.`;
}

/** Draws the months (12 or 24, oldest first) as a PNG bar chart. */
export async function renderFiguresChart(months: readonly ShownMonth[], options: { width?: number; height?: number } = {}): Promise<ChartImage> {
  if (months.length === 0) throw new RangeError('no months to draw');
  const spec = compile(chartSpec(months, { width: options.width ?? 520, height: options.height ?? 170 })).spec;
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const rgba = new Resvg(svg, { font: { fontFiles: [FONT_FILES.regular, FONT_FILES.bold], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } }).render().asPng();
    // A 32-colour palette keeps the anti-aliased text and cuts the PNG to about a quarter, so the
    // image fits inside a Teams card (28 KB for the whole card) as a data URI.
    const png = await sharp(rgba).png({ palette: true, colors: 32, compressionLevel: 9, effort: 10 }).toBuffer();
    return { png, dataUri: `data:image/png;base64,${png.toString('base64')}`, altText: altText(months) };
  } finally {
    view.finalize();
  }
}
