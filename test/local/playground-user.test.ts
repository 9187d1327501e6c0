import { readFileSync } from 'fs';
import { PLAYGROUND_CONFIG_PATH } from '../../src/local/playground';
import { asArgument, readTenantFile, tenantAs } from '../../src/local/playground-user';

const shipped = readFileSync(PLAYGROUND_CONFIG_PATH, 'utf8');

describe('npm start -- --as <name>: the Playground with another person signed in', () => {
  it('swaps Peter and Sanne and keeps the tenant the shape the Playground demands (one current user, five others)', () => {
    const { yaml, currentUser } = tenantAs(shipped, 'Peter');
    expect(currentUser).toMatchObject({ id: 'user-peter', name: 'Peter Jansen', aadObjectId: '7f3c1a20-4b5d-4e6f-8a9b-000000000001' });
    const swapped = readTenantFile(yaml);
    expect(swapped.currentUser.name).toBe('Peter Jansen');
    expect(swapped.users.map((u) => u.name)).toEqual(['Sanne de Vries', 'Marieke Bakker', 'Lotte Visser', 'Ahmed El Amrani', 'Johan de Boer']);
    expect(swapped.users.find((u) => u.name === 'Sanne de Vries')?.fields).toEqual(readTenantFile(shipped).currentUser.fields);
    // Everything outside the people stays as shipped.
    expect(yaml.slice(yaml.indexOf('personalChat:'))).toBe(shipped.slice(shipped.indexOf('personalChat:')));
    expect(yaml.slice(0, yaml.indexOf('currentUser:'))).toBe(shipped.slice(0, shipped.indexOf('currentUser:')));
  });

  it('leaves the shipped tenant as it is for Sanne, and names the choices for an unknown name', () => {
    expect(tenantAs(shipped, 'sanne').yaml).toBe(shipped);
    expect(() => tenantAs(shipped, 'piet')).toThrow('Onbekende gebruiker "piet" voor --as. Kies uit: sanne, peter, marieke, lotte, ahmed, johan.');
  });

  it('reads --as from the command line in both spellings', () => {
    expect(asArgument(['--as', 'peter'])).toBe('peter');
    expect(asArgument(['--as=lotte'])).toBe('lotte');
    expect(asArgument([])).toBeUndefined();
  });
});
