import { readFileSync } from 'fs';
import { PLAYGROUND_CONFIG_PATH } from '../../src/local/playground';

interface TenantUser {
  id: string;
  name: string;
  aadObjectId: string;
}

/** The few fields of the Playground's mock tenant the tests compare (a tiny YAML reader suffices for this flat file). */
export function loadPlaygroundTenant(): { tenantId: string; currentUser: TenantUser; users: TenantUser[]; team: { id: string; channels: { id: string; name: string }[] } } {
  const lines = readFileSync(PLAYGROUND_CONFIG_PATH, 'utf8').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
  const value = (line: string) => line.slice(line.indexOf(':') + 1).trim().replace(/^"|"$/g, '');
  const people: TenantUser[] = [];
  const channels: { id: string; name: string }[] = [];
  let section = '';
  let tenantId = '';
  let teamId = '';
  let current: Partial<TenantUser> = {};
  for (const line of lines) {
    if (!line.startsWith(' ')) {
      section = line.split(':')[0];
      if (section === 'tenantId') tenantId = value(line);
      continue;
    }
    const key = line.trim().replace(/^- /, '').split(':')[0];
    if (line.trim().startsWith('- ')) current = {};
    if (section === 'currentUser' || section === 'users') {
      if (key === 'id') current = { id: value(line) };
      if (key === 'name') current.name = value(line);
      if (key === 'aadObjectId') {
        current.aadObjectId = value(line);
        people.push({ ...(current as TenantUser), section } as TenantUser & { section: string });
      }
    }
    if (section === 'team') {
      if (line.startsWith('  id:')) teamId = value(line);
      if (line.trim().startsWith('- id:')) channels.push({ id: value(line), name: '' });
      if (line.trim().startsWith('name:') && line.startsWith('      ')) channels[channels.length - 1].name = value(line);
    }
  }
  const tagged = people as (TenantUser & { section: string })[];
  return {
    tenantId,
    currentUser: tagged.find((p) => p.section === 'currentUser')!,
    users: tagged.filter((p) => p.section === 'users'),
    team: { id: teamId, channels },
  };
}
