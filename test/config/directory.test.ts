import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { loadDirectory, SAMPLE_DIRECTORY_PATH } from '../../src/config/load-directory';
import { ConfigError } from '../../src/config/env';
import { parseDirectory } from '../../src/domain/directory';
import { loadPlaygroundTenant } from '../support/playground-tenant';

const sample = () => JSON.parse(readFileSync(SAMPLE_DIRECTORY_PATH, 'utf8'));

describe('the sample directory', () => {
  it('is valid and routes a wethouder of Utrecht to the gemeentesecretaris channel', () => {
    const directory = loadDirectory(SAMPLE_DIRECTORY_PATH);
    expect(directory.configuredOrganisationIds()).toEqual(['gemeente-utrecht']);
    expect(directory.desk('gemeente-utrecht', 'gemeentesecretaris')?.channel.channelId).toBe('19:meldingen-gemeentesecretaris@thread.tacv2');
    expect(directory.officesOf('7f3c1a20-4b5d-4e6f-8a9b-000000000000')).toEqual([{ organisationId: 'gemeente-utrecht', role: 'wethouder' }]);
    expect(directory.informedPeople('gemeente-utrecht', 'burgemeester').map((p) => p.name)).toEqual(['Marieke Bakker']);
    expect(directory.escalationContact('gemeente-utrecht').name).toBe('Ahmed El Amrani');
  });

  it('matches the Playground mock tenant: same people, object ids, team and channels', () => {
    const tenant = loadPlaygroundTenant();
    const directory = sample();
    const tenantPeople = new Map([tenant.currentUser, ...tenant.users].map((u) => [u.aadObjectId, u.name]));
    expect(tenant.users).toHaveLength(5);
    expect(tenant.tenantId).toBe(directory.tenantId);
    const directoryPeople = [
      directory.coordinatorVpt,
      ...directory.organisations.flatMap((o: { desks: { handlers: unknown[] }[]; members: unknown[] }) => [...o.desks.flatMap((d) => d.handlers), ...o.members]),
    ] as { aadObjectId: string; name: string }[];
    for (const person of directoryPeople) expect(tenantPeople.get(person.aadObjectId)).toBe(person.name);
    const channelIds = [tenant.team.id, ...tenant.team.channels.map((c) => c.id)];
    for (const desk of directory.organisations[0].desks) {
      expect(desk.channel.teamId).toBe(tenant.team.id);
      expect(channelIds).toContain(desk.channel.channelId);
    }
  });
});

describe('a wrong directory stops start-up with a message that names the bad entry', () => {
  const cases: [string, (d: ReturnType<typeof sample>) => void, RegExp][] = [
    ['unknown organisation', (d) => (d.organisations[0].organisationId = 'gemeente-utrect'), /organisations\[0\] \(gemeente-utrect\)\.organisationId: unknown organisation "gemeente-utrect"/],
    ['missing griffier desk', (d) => d.organisations[0].desks.splice(1, 1), /organisations\[0\] \(gemeente-utrecht\)\.desks: gemeente-utrecht has no desk for "griffier"/],
    ['desk role that handles nothing here', (d) => (d.organisations[0].desks[1].role = 'statengriffier'), /desks\[1\] \(statengriffier\)\.role: "statengriffier" handles no reports in a gemeente/],
    ['handler without a GUID', (d) => (d.organisations[0].desks[0].handlers[0].aadObjectId = 'peter'), /desks\[0\] \(gemeentesecretaris\)\.handlers\[0\]\.aadObjectId: must be an Entra ID object id/],
    ['member role from another kind', (d) => (d.organisations[0].members[0].role = 'dijkgraaf'), /members\[0\] \(dijkgraaf\)\.role: "dijkgraaf" does not exist in a gemeente/],
    ['desk without handlers', (d) => (d.organisations[0].desks[0].handlers = []), /handlers: a desk needs at least one handler/],
    ['organisation twice', (d) => d.organisations.push(JSON.parse(JSON.stringify(d.organisations[0]))), /organisations\[1\] \(gemeente-utrecht\)\.organisationId: organisation "gemeente-utrecht" appears twice/],
    ['no coordinator', (d) => delete d.coordinatorVpt, /coordinatorVpt: Required/],
  ];

  it.each(cases)('%s', (_label, breakIt, expected) => {
    const directory = sample();
    breakIt(directory);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, JSON.stringify(directory));
    expect(() => loadDirectory(file)).toThrow(ConfigError);
    expect(() => loadDirectory(file)).toThrow(expected);
  });

  it('never prints the names of people in its messages', () => {
    const directory = sample();
    directory.organisations[0].members[1].role = 'dijkgraaf';
    const result = parseDirectory(directory);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).not.toContain('Marieke');
  });

  it('refuses a file that is not JSON', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, '{ "version": 1,');
    expect(() => loadDirectory(file)).toThrow(/cannot be read as JSON/);
  });
});
