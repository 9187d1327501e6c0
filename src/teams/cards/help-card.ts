/**
 * View-models for the help cards: cards/help.json (the office holder's 1:1 chat: 112 and
 * "Incident melden" first, then the advice) and cards/help-channel.json (a handlers' channel:
 * where reports arrive and what the coordinator VPT does for them).
 *
 * The guide's words in the templates (JSON has no comments, so they are listed here):
 * - help.json "Ben je in acuut gevaar? Bel eerst 112": ch. 4, "Fysiek geweld" (own safety first).
 * - help.json "We accepteren het niet, we melden het altijd en we reageren altijd richting de
 *   pleger" and "Meld dus ook als je er weinig last van had": ch. 2, Basisafspraak.
 * - help.json "Je afhandelaar regelt met jou de maatregelen, en zo nodig de aangifte": ch. 2
 *   (measures agreed with the office holder) and ch. 5 "Melden en registreren" (no aangifte yourself).
 * - help.json Vertrouwenslijn line: ch. 5, "Vertrouwenslijn en contact met beroepsorganisaties".
 * - help-channel.json "Zelf een incident melden doe je … in een 1-op-1-chat": ch. 2, the reporting line.
 * The coordinator texts of help-channel.json are in src/copy/guidance.copy.ts (COORDINATOR_SUPPORT).
 */
import type { Directory, DirectoryPerson } from '../../domain/directory';
import { findOrganisation } from '../../domain/organisations';
import { HANDLER_ROLE_LABELS, HANDLER_ROLES, type HandlerRole } from '../../domain/roles';
import { PERSONAL_COMMANDS } from '../commands';
import { COORDINATOR_SUPPORT } from '../../copy/guidance.copy';
import { toCardText } from './escape';
import { CONFIDENTIAL_PHONE_ON_CARD } from './support-line-text';

/** One command the user can type, as listed on the help card. */
export interface CardCommand {
  command: string;
  description: string;
}

/** Data bound to cards/help.json; build it with `helpCardViewModel` so user text is escaped. */
export interface HelpCardViewModel {
  /** "Hallo Sanne,": the given name (or the first name of the display name); absent when neither is known. */
  firstName?: string;
  commands: CardCommand[];
  /** The Vertrouwenslijn's number (src/domain/support-lines.ts). */
  confidentialPhone: string;
}

/** Builds the 1:1 help card's data; the display name comes from Teams, so it is escaped like any user text. */
export function helpCardViewModel(options: { userName?: string; givenName?: string; commands?: readonly CardCommand[] } = {}): HelpCardViewModel {
  const firstName = toCardText(greetingName(options), 100);
  return {
    ...(firstName ? { firstName } : {}),
    commands: (options.commands ?? PERSONAL_COMMANDS).map((c) => ({ command: toCardText(c.command), description: toCardText(c.description) })),
    confidentialPhone: CONFIDENTIAL_PHONE_ON_CARD,
  };
}

/** The name to greet with: the given name from Teams when known, else the first name read from the display name. */
function greetingName(options: { userName?: string; givenName?: string }): string | undefined {
  return options.givenName?.trim() || firstNameOf(options.userName);
}

/**
 * The first name in a Teams display name: "Sanne de Vries" → "Sanne", "Vries, Sanne de" → "Sanne".
 * Undefined when the name starts with an initial or a title ("J. de Vries", "mr. Jansen"): a greeting
 * without a name reads better than "Hallo J.,".
 */
export function firstNameOf(displayName: string | undefined): string | undefined {
  const name = displayName?.trim() ?? '';
  const given = name.includes(',') ? name.slice(name.indexOf(',') + 1) : name;
  const first = given.trim().split(/\s+/u)[0] ?? '';
  if (first === '' || first.endsWith('.') || [...first].length < 2) return undefined;
  return first;
}

/** A person from the directory as the channel help card shows them. */
export interface ContactViewModel {
  name: string;
  /** '' when the directory has no e-mail address. */
  email: string;
  /** "mailto:…" for the button; '' without an address. */
  mailto: string;
}

/** Data bound to cards/help-channel.json; build it with `channelHelpCardViewModel`. */
export interface ChannelHelpCardViewModel {
  firstName?: string;
  /** What this channel is for, when it is a handler desk's channel; '' otherwise. */
  desk: string;
  coordinatorTitle: string;
  coordinatorIntro: string;
  coordinatorTasks: { text: string }[];
  coordinator: ContactViewModel;
  /** Who gets escalations for the desk's organisation, when that is someone else than the coordinator; '' otherwise. */
  escalation: string;
}

/** The desk a channel belongs to, from the directory. */
export interface ChannelDesk {
  organisationId: string;
  role: HandlerRole;
}

/** The desk whose channel this is, from the directory; undefined for any other channel or chat. */
export function deskForChannel(directory: Directory, channelId: string | undefined): ChannelDesk | undefined {
  if (!channelId) return undefined;
  for (const organisationId of directory.configuredOrganisationIds()) {
    for (const role of HANDLER_ROLES) {
      if (directory.desk(organisationId, role)?.channel.channelId === channelId) return { organisationId, role };
    }
  }
  return undefined;
}

/**
 * Builds the channel help card's data: the coordinator VPT from the directory (name and e-mail, no
 * phone number: the directory has none) and, when the organisation sends its escalations to someone
 * else, that person too. `desk` is the channel's desk (it names the channel); `organisationId` says
 * whose escalation contact to show when the channel is no desk (e.g. the caller's own organisation).
 */
export function channelHelpCardViewModel(options: { userName?: string; givenName?: string; directory: Directory; desk?: ChannelDesk; organisationId?: string }): ChannelHelpCardViewModel {
  const { directory, desk } = options;
  const firstName = toCardText(greetingName(options), 100);
  const coordinator = directory.coordinatorVpt;
  const organisationId = desk?.organisationId ?? options.organisationId;
  const escalation = organisationId ? directory.escalationContact(organisationId) : coordinator;
  const organisation = desk ? findOrganisation(desk.organisationId)?.name : undefined;
  return {
    ...(firstName ? { firstName } : {}),
    desk: desk && organisation
      ? `Dit is het kanaal van de ${HANDLER_ROLE_LABELS[desk.role].toLowerCase()} van ${toCardText(organisation)}. Nieuwe meldingen komen hier binnen als kaart. Kies **Zaak openen** om een zaak te bekijken en op te pakken.`
      : '',
    coordinatorTitle: COORDINATOR_SUPPORT.title,
    coordinatorIntro: COORDINATOR_SUPPORT.intro,
    coordinatorTasks: COORDINATOR_SUPPORT.tasks.map((text) => ({ text })),
    coordinator: contactViewModel(coordinator),
    escalation: escalation.aadObjectId === coordinator.aadObjectId
      ? ''
      : `Verloopt een termijn, dan gaat de escalatie voor jullie organisatie naar ${describeContact(escalation)}.`,
  };
}

function contactViewModel(person: DirectoryPerson): ContactViewModel {
  // Directory entries are configuration, but they are shown like any text from outside the code.
  return {
    name: toCardText(person.name, 200),
    email: toCardText(person.email ?? '', 200),
    // Validated by the directory schema (zod email), so it is a bare address; encoded for the URL.
    mailto: person.email ? `mailto:${encodeURI(person.email)}` : '',
  };
}

function describeContact(person: DirectoryPerson): string {
  const { name, email } = contactViewModel(person);
  return email ? `${name} (${email})` : name;
}
