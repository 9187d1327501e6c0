/** Offices whose holders can report an incident (betrokkene), with the Dutch names users see. */
export const OFFICE_HOLDER_ROLES = [
  'commissarisVanDeKoning',
  'gedeputeerde',
  'burgemeester',
  'wethouder',
  'dijkgraaf',
  'dagelijksBestuurslid',
  'gemeenteraadslid',
  'statenlid',
  'algemeenBestuurslid',
] as const;
export type OfficeHolderRole = (typeof OFFICE_HOLDER_ROLES)[number];

/** Officials who handle a case (afhandelaar). */
export const HANDLER_ROLES = [
  'provinciesecretaris',
  'gemeentesecretaris',
  'secretarisDirecteur',
  'griffier',
  'statengriffier',
  'secretaris',
] as const;
export type HandlerRole = (typeof HANDLER_ROLES)[number];

/** Parties the routing table names as informed (geïnformeerden); the minister is not a Teams user. */
export const INFORMED_ROLES = [
  'ministerBZK',
  'statengriffier',
  'commissarisVanDeKoning',
  'griffier',
  'burgemeester',
  'secretaris',
  'dijkgraaf',
] as const;
export type InformedRole = (typeof INFORMED_ROLES)[number];

export const OFFICE_HOLDER_ROLE_LABELS: Readonly<Record<OfficeHolderRole, string>> = {
  commissarisVanDeKoning: 'Commissaris van de Koning',
  gedeputeerde: 'Gedeputeerde',
  burgemeester: 'Burgemeester',
  wethouder: 'Wethouder',
  dijkgraaf: 'Dijkgraaf',
  dagelijksBestuurslid: 'Dagelijks bestuurslid (waterschap)',
  gemeenteraadslid: 'Gemeenteraadslid',
  statenlid: 'Statenlid',
  algemeenBestuurslid: 'Algemeen bestuurslid (waterschap)',
};

export const HANDLER_ROLE_LABELS: Readonly<Record<HandlerRole, string>> = {
  provinciesecretaris: 'Provinciesecretaris',
  gemeentesecretaris: 'Gemeentesecretaris',
  secretarisDirecteur: 'Secretaris-directeur',
  griffier: 'Griffier',
  statengriffier: 'Statengriffier',
  secretaris: 'Secretaris (algemeen bestuur waterschap)',
};

/** The people informed; a role that is also an office holder's or a handler's has that name. */
export const INFORMED_ROLE_LABELS: Readonly<Record<InformedRole, string>> = {
  ministerBZK: 'Minister van Binnenlandse Zaken en Koninkrijksrelaties',
  statengriffier: HANDLER_ROLE_LABELS.statengriffier,
  commissarisVanDeKoning: OFFICE_HOLDER_ROLE_LABELS.commissarisVanDeKoning,
  griffier: HANDLER_ROLE_LABELS.griffier,
  burgemeester: OFFICE_HOLDER_ROLE_LABELS.burgemeester,
  secretaris: HANDLER_ROLE_LABELS.secretaris,
  dijkgraaf: OFFICE_HOLDER_ROLE_LABELS.dijkgraaf,
};

export function isOfficeHolderRole(value: string): value is OfficeHolderRole {
  return (OFFICE_HOLDER_ROLES as readonly string[]).includes(value);
}
