import { isDomainError, type DomainError } from '../../src/domain/errors';
import { ORGANISATIONS, PROVINCE_ID, findOrganisation, type OrganisationKind } from '../../src/domain/organisations';
import { OFFICE_HOLDER_ROLES, type HandlerRole, type InformedRole, type OfficeHolderRole } from '../../src/domain/roles';
import { ROUTING_TABLE, routeReport, type ResolvedInformed } from '../../src/domain/routing';
import { userMessageOf } from '../../src/copy/errors.copy';

const GEMEENTE = 'gemeente-zeist';
const WATERSCHAP = 'hdsr';

// One row per line of the Handreiking's table (domain.md "Routing table").
const rows: [OfficeHolderRole, string, HandlerRole, ResolvedInformed[]][] = [
  ['commissarisVanDeKoning', PROVINCE_ID, 'provinciesecretaris', [
    { role: 'ministerBZK', organisationId: null, external: true },
    { role: 'statengriffier', organisationId: PROVINCE_ID, external: false },
  ]],
  ['gedeputeerde', PROVINCE_ID, 'provinciesecretaris', [
    { role: 'commissarisVanDeKoning', organisationId: PROVINCE_ID, external: false },
  ]],
  ['burgemeester', GEMEENTE, 'gemeentesecretaris', [
    { role: 'commissarisVanDeKoning', organisationId: PROVINCE_ID, external: false },
    { role: 'griffier', organisationId: GEMEENTE, external: false },
  ]],
  ['wethouder', GEMEENTE, 'gemeentesecretaris', [
    { role: 'burgemeester', organisationId: GEMEENTE, external: false },
  ]],
  ['dijkgraaf', WATERSCHAP, 'secretarisDirecteur', [
    { role: 'secretaris', organisationId: WATERSCHAP, external: false },
    { role: 'commissarisVanDeKoning', organisationId: PROVINCE_ID, external: false },
  ]],
  ['dagelijksBestuurslid', WATERSCHAP, 'secretarisDirecteur', [
    { role: 'dijkgraaf', organisationId: WATERSCHAP, external: false },
  ]],
  ['gemeenteraadslid', GEMEENTE, 'griffier', [
    { role: 'burgemeester', organisationId: GEMEENTE, external: false },
  ]],
  ['statenlid', PROVINCE_ID, 'statengriffier', [
    { role: 'commissarisVanDeKoning', organisationId: PROVINCE_ID, external: false },
  ]],
  ['algemeenBestuurslid', WATERSCHAP, 'secretaris', [
    { role: 'dijkgraaf', organisationId: WATERSCHAP, external: false },
  ]],
];

describe('routeReport', () => {
  it('has exactly one row for each of the nine offices', () => {
    expect(rows.map(([role]) => role).sort()).toEqual([...OFFICE_HOLDER_ROLES].sort());
    expect(Object.keys(ROUTING_TABLE).sort()).toEqual([...OFFICE_HOLDER_ROLES].sort());
  });

  it.each(rows)('%s in %s reports to the %s of the own organisation', (role, organisationId, handlerRole, informed) => {
    const route = routeReport(role, organisationId);
    expect(route.handler).toEqual({ role: handlerRole, organisationId });
    expect(route.informed).toEqual(informed);
  });

  it('routes a burgemeester of another municipality to that municipality, the CdK to the province', () => {
    const route = routeReport('burgemeester', 'gemeente-wijk-bij-duurstede');
    expect(route.handler.organisationId).toBe('gemeente-wijk-bij-duurstede');
    expect(route.informed.map((p) => [p.role, p.organisationId])).toEqual([
      ['commissarisVanDeKoning', PROVINCE_ID],
      ['griffier', 'gemeente-wijk-bij-duurstede'],
    ]);
  });

  it('keeps the Minister of BZK outside Teams: only the CdK route has an external party', () => {
    const external = rows.flatMap(([role, org]) => routeReport(role, org).informed.filter((p) => p.external).map((p) => [role, p.role]));
    expect(external).toEqual([['commissarisVanDeKoning', 'ministerBZK' satisfies InformedRole]]);
  });

  it.each([
    ['burgemeester', PROVINCE_ID],
    ['commissarisVanDeKoning', GEMEENTE],
    ['statenlid', WATERSCHAP],
    ['dijkgraaf', GEMEENTE],
    ['gemeenteraadslid', 'waterschap-rivierenland'],
    ['algemeenBestuurslid', PROVINCE_ID],
  ] as [OfficeHolderRole, string][])('refuses a %s in %s', (role, organisationId) => {
    expect(() => routeReport(role, organisationId)).toThrow(expect.objectContaining({ code: 'ROUTING.ROLE_NOT_IN_ORGANISATION' }));
    let thrown: unknown;
    try {
      routeReport(role, organisationId);
    } catch (error) {
      thrown = error;
    }
    expect(userMessageOf(thrown as DomainError)).toContain('functie');
  });

  it('refuses an unknown organisation', () => {
    let thrown: unknown;
    try {
      routeReport('burgemeester', 'gemeente-amsterdam');
    } catch (error) {
      thrown = error;
    }
    expect(isDomainError(thrown, 'ROUTING.UNKNOWN_ORGANISATION')).toBe(true);
  });
});

describe('organisations', () => {
  const expected: [string, OrganisationKind][] = [
    ['Provincie Utrecht', 'provincie'],
    ...[
      'Amersfoort', 'Baarn', 'De Bilt', 'Bunnik', 'Bunschoten', 'De Ronde Venen', 'Eemnes', 'Houten',
      'IJsselstein', 'Leusden', 'Lopik', 'Montfoort', 'Nieuwegein', 'Oudewater', 'Renswoude', 'Rhenen',
      'Soest', 'Stichtse Vecht', 'Utrecht', 'Utrechtse Heuvelrug', 'Veenendaal', 'Vijfheerenlanden',
      'Wijk bij Duurstede', 'Woerden', 'Woudenberg', 'Zeist',
    ].map((name): [string, OrganisationKind] => [`Gemeente ${name}`, 'gemeente']),
    ['Hoogheemraadschap De Stichtse Rijnlanden', 'waterschap'],
    ['Waterschap Vallei en Veluwe', 'waterschap'],
    ['Waterschap Rivierenland', 'waterschap'],
    ['Waterschap Amstel, Gooi en Vecht', 'waterschap'],
  ];

  it('lists the 31 organisations of the province with their kinds', () => {
    expect(ORGANISATIONS).toHaveLength(31);
    expect(ORGANISATIONS.map((o) => [o.name, o.kind]).sort()).toEqual([...expected].sort());
  });

  it('gives every organisation a unique id that finds it back', () => {
    expect(new Set(ORGANISATIONS.map((o) => o.id)).size).toBe(31);
    for (const organisation of ORGANISATIONS) {
      expect(findOrganisation(organisation.id)).toBe(organisation);
    }
  });

  it('routes every office of every organisation to a handler of that organisation', () => {
    for (const organisation of ORGANISATIONS) {
      const offices = rows.filter(([, org]) => findOrganisation(org)?.kind === organisation.kind).map(([role]) => role);
      expect(offices).toHaveLength(3);
      for (const role of offices) {
        expect(routeReport(role, organisation.id).handler.organisationId).toBe(organisation.id);
      }
    }
  });
});
