import { VERTROUWENSLIJN } from '../../domain/support-lines';

/** A phone number as a card shows it: non-breaking spaces, so the number never wraps across two lines. */
export function unbreakablePhone(phone: string): string {
  return phone.replace(/ /g, '\u00A0');
}

/** The Vertrouwenslijn's number on the help, safety and advice cards. */
export const CONFIDENTIAL_PHONE_ON_CARD = unbreakablePhone(VERTROUWENSLIJN.phone);
