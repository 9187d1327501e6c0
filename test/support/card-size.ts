/**
 * How big a rendered card looks before anything is unfolded: the elements and buttons a person sees,
 * and a rough height in pixels (Teams' default text sizes, about 70 characters per line at the width
 * of a channel card). A yardstick for "compact", not a renderer: it counts what a reader scrolls past.
 */
import type { Json } from './card-reading';

export interface CardSize {
  /** Body elements shown without unfolding anything (containers not counted, their items are). */
  elements: number;
  /** Buttons shown without unfolding anything. */
  buttons: number;
  /** Rough height in px. */
  approxHeightPx: number;
}

const CHARS_PER_LINE = 70;
const LINE_PX: Record<string, number> = { Small: 16, Default: 20, Medium: 24, Large: 30, ExtraLarge: 40 };

function lines(text: string): number {
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / CHARS_PER_LINE)), 0);
}

/** Measures what is visible before unfolding: skips `isVisible: false` and the cards inside Action.ShowCard. */
export function visibleCardSize(card: Json): CardSize {
  const size: CardSize = { elements: 0, buttons: 0, approxHeightPx: 0 };
  const actions = (list: unknown): void => {
    if (!Array.isArray(list) || list.length === 0) return;
    size.buttons += list.length;
    size.elements += 1;
    // Teams wraps buttons about three to a row.
    size.approxHeightPx += Math.ceil(list.length / 3) * 40;
  };
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const node = value as Json;
    if (node.isVisible === false) return;
    size.approxHeightPx += node.separator === true ? 16 : node.spacing === 'None' ? 0 : 8;
    switch (node.type) {
      case 'TextBlock':
        size.elements += 1;
        size.approxHeightPx += lines(String(node.text ?? '')) * (LINE_PX[String(node.size ?? 'Default')] ?? 20);
        return;
      case 'FactSet':
        for (const fact of (node.facts as { title: string; value: string }[]) ?? []) {
          size.elements += 1;
          size.approxHeightPx += Math.max(1, Math.ceil(fact.value.length / (CHARS_PER_LINE / 2))) * 20;
        }
        return;
      case 'ActionSet':
        actions(node.actions);
        return;
      case 'Input.Toggle':
        size.elements += 1;
        size.approxHeightPx += lines(String(node.title ?? '')) * 20 + 8;
        return;
      default:
        if (typeof node.type === 'string' && node.type.startsWith('Input.')) {
          size.elements += 1;
          size.approxHeightPx += 60;
          return;
        }
        if (node.type === 'ColumnSet') return visit(node.columns);
        visit(node.items);
    }
  };
  visit(card.body);
  actions(card.actions);
  return size;
}
