import { DateTime } from 'luxon';
import type { FileOffer } from '../../app/file-delivery-ports';
import { toCardText } from '../cards/escape';

/** View-model of cards/file-ready.json: a file for the person who asked, in their 1:1 chat. */
export interface FileReadyViewModel {
  /** What the file is, in a sentence made by the bot. */
  readonly what: string;
  readonly fileName: string;
  /** "1 december 2026 om 14:35". */
  readonly validUntil: string;
  /** "15 minuten". */
  readonly lifetime: string;
  readonly url: string;
}

/** Builds the card's data; the texts are the bot's own, escaped like any text that goes into a card. */
export function fileReadyViewModel(what: string, fileName: string, offer: FileOffer, now: Date): FileReadyViewModel {
  const until = DateTime.fromJSDate(offer.expiresAt, { zone: 'Europe/Amsterdam' }).setLocale('nl');
  const minutes = Math.max(1, Math.round((offer.expiresAt.getTime() - now.getTime()) / 60_000));
  return {
    what: toCardText(what, 500),
    fileName: toCardText(fileName, 200),
    validUntil: `${until.toFormat('d MMMM yyyy')} om ${until.toFormat('HH:mm')}`,
    lifetime: minutes === 1 ? '1 minuut' : `${minutes} minuten`,
    url: offer.url,
  };
}
