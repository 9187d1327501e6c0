import { DomainError } from './errors';
import { PROVINCE_ID, ROLES_BY_KIND, findOrganisation } from './organisations';
import type { HandlerRole, InformedRole, OfficeHolderRole } from './roles';

/**
 * Where an informed party sits: the office holder's own organisation, the province, or outside
 * the province's Teams tenant (not a Teams user, so the handler gets a task instead).
 */
export type InformedPlace = 'own' | 'province' | 'external';

export interface RouteRule {
  /** The handler always belongs to the office holder's own organisation. */
  readonly handlerRole: HandlerRole;
  readonly informed: readonly { readonly role: InformedRole; readonly where: InformedPlace }[];
}

/** The routing table of the Handreiking (domain.md "Routing table"), row for row, as data. */
export const ROUTING_TABLE: Readonly<Record<OfficeHolderRole, RouteRule>> = {
  // The CdK's own organisation is the province, so 'own' and 'province' coincide for this row.
  commissarisVanDeKoning: {
    handlerRole: 'provinciesecretaris',
    informed: [
      { role: 'ministerBZK', where: 'external' },
      { role: 'statengriffier', where: 'province' },
    ],
  },
  gedeputeerde: {
    handlerRole: 'provinciesecretaris',
    informed: [{ role: 'commissarisVanDeKoning', where: 'province' }],
  },
  burgemeester: {
    handlerRole: 'gemeentesecretaris',
    informed: [
      { role: 'commissarisVanDeKoning', where: 'province' },
      { role: 'griffier', where: 'own' },
    ],
  },
  wethouder: {
    handlerRole: 'gemeentesecretaris',
    informed: [{ role: 'burgemeester', where: 'own' }],
  },
  dijkgraaf: {
    handlerRole: 'secretarisDirecteur',
    informed: [
      { role: 'secretaris', where: 'own' },
      { role: 'commissarisVanDeKoning', where: 'province' },
    ],
  },
  dagelijksBestuurslid: {
    handlerRole: 'secretarisDirecteur',
    informed: [{ role: 'dijkgraaf', where: 'own' }],
  },
  gemeenteraadslid: {
    handlerRole: 'griffier',
    informed: [{ role: 'burgemeester', where: 'own' }],
  },
  statenlid: {
    handlerRole: 'statengriffier',
    informed: [{ role: 'commissarisVanDeKoning', where: 'province' }],
  },
  algemeenBestuurslid: {
    handlerRole: 'secretaris',
    informed: [{ role: 'dijkgraaf', where: 'own' }],
  },
};

export interface ResolvedHandler {
  readonly role: HandlerRole;
  readonly organisationId: string;
}

export interface ResolvedInformed {
  readonly role: InformedRole;
  /** Null for an external party, which has no organisation in this product. */
  readonly organisationId: string | null;
  readonly external: boolean;
}

/** Who handles a report and who is informed, resolved to concrete organisations. */
export interface ResolvedRoute {
  readonly handler: ResolvedHandler;
  readonly informed: readonly ResolvedInformed[];
}

/** Resolves the routing table for an office holder's role in an organisation; throws DomainError on a mismatch. */
export function routeReport(role: OfficeHolderRole, organisationId: string): ResolvedRoute {
  const organisation = findOrganisation(organisationId);
  if (organisation === undefined) {
    throw new DomainError('ROUTING.UNKNOWN_ORGANISATION', { detail: `organisation ${organisationId}` });
  }
  if (!ROLES_BY_KIND[organisation.kind].includes(role)) {
    throw new DomainError('ROUTING.ROLE_NOT_IN_ORGANISATION', { detail: `${role} in a ${organisation.kind}` });
  }
  const rule = ROUTING_TABLE[role];
  return {
    handler: { role: rule.handlerRole, organisationId },
    informed: rule.informed.map(({ role: informedRole, where }): ResolvedInformed => {
      switch (where) {
        case 'own':
          return { role: informedRole, organisationId, external: false };
        case 'province':
          return { role: informedRole, organisationId: PROVINCE_ID, external: false };
        case 'external':
          return { role: informedRole, organisationId: null, external: true };
      }
    }),
  };
}
