import type { OfficeHolderRole } from './roles';

/** The three kinds of public body in the province; each has its own offices. */
export type OrganisationKind = 'provincie' | 'gemeente' | 'waterschap';

export interface Organisation {
  /** Stable id used in configuration and storage (kebab-case, never shown). */
  readonly id: string;
  /** Dutch name as users see it. */
  readonly name: string;
  readonly kind: OrganisationKind;
}

export const PROVINCE_ID = 'provincie-utrecht';

const MUNICIPALITIES = [
  'Amersfoort', 'Baarn', 'De Bilt', 'Bunnik', 'Bunschoten', 'De Ronde Venen', 'Eemnes', 'Houten',
  'IJsselstein', 'Leusden', 'Lopik', 'Montfoort', 'Nieuwegein', 'Oudewater', 'Renswoude', 'Rhenen',
  'Soest', 'Stichtse Vecht', 'Utrecht', 'Utrechtse Heuvelrug', 'Veenendaal', 'Vijfheerenlanden',
  'Wijk bij Duurstede', 'Woerden', 'Woudenberg', 'Zeist',
] as const;

const WATER_BOARDS: readonly Organisation[] = [
  { id: 'hdsr', name: 'Hoogheemraadschap De Stichtse Rijnlanden', kind: 'waterschap' },
  { id: 'waterschap-vallei-en-veluwe', name: 'Waterschap Vallei en Veluwe', kind: 'waterschap' },
  { id: 'waterschap-rivierenland', name: 'Waterschap Rivierenland', kind: 'waterschap' },
  { id: 'waterschap-agv', name: 'Waterschap Amstel, Gooi en Vecht', kind: 'waterschap' },
];

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
}

/** The 31 organisations of the province of Utrecht (domain.md). */
export const ORGANISATIONS: readonly Organisation[] = [
  { id: PROVINCE_ID, name: 'Provincie Utrecht', kind: 'provincie' },
  ...MUNICIPALITIES.map((name): Organisation => ({ id: `gemeente-${slug(name)}`, name: `Gemeente ${name}`, kind: 'gemeente' })),
  ...WATER_BOARDS,
];

const BY_ID = new Map(ORGANISATIONS.map((o) => [o.id, o]));

export function findOrganisation(id: string): Organisation | undefined {
  return BY_ID.get(id);
}

/** Offices that exist in each kind of organisation. */
export const ROLES_BY_KIND: Readonly<Record<OrganisationKind, readonly OfficeHolderRole[]>> = {
  provincie: ['commissarisVanDeKoning', 'gedeputeerde', 'statenlid'],
  gemeente: ['burgemeester', 'wethouder', 'gemeenteraadslid'],
  waterschap: ['dijkgraaf', 'dagelijksBestuurslid', 'algemeenBestuurslid'],
};

export function roleFitsOrganisation(role: OfficeHolderRole, organisationId: string): boolean {
  const organisation = findOrganisation(organisationId);
  return organisation !== undefined && ROLES_BY_KIND[organisation.kind].includes(role);
}
