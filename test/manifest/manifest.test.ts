/** The Teams app manifest and its icons: what Teams checks when an admin uploads the app package. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERTROUWENSLIJN } from '../../src/domain/support-lines';
import { decodePng, readPngSize } from './png';
import { manifestValidator, newestSchemaVersion } from './teams-schema';

const root = join(__dirname, '..', '..');
const manifestDir = join(root, 'teamsAppManifest');

interface Command { title: string; description?: string }
interface Manifest {
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  description: { short: string; full: string };
  icons: { color: string; outline: string };
  validDomains?: string[];
  localizationInfo?: { defaultLanguageTag: string };
  bots: { botId: string; scopes: string[]; supportsFiles?: boolean; commandLists: { scopes: string[]; commands: Command[] }[] }[];
}

const manifest = JSON.parse(readFileSync(join(manifestDir, 'manifest.json'), 'utf8')) as Manifest;

const schemaVersion = newestSchemaVersion();
const errorsOf = manifestValidator(schemaVersion);

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const placeholderGuid = '00000000-0000-0000-0000-000000000000';

describe('Teams app manifest', () => {
  it(`is valid against the newest schema in @microsoft/app-manifest (v${schemaVersion}) and declares that version`, () => {
    expect(errorsOf(manifest)).toEqual([]);
    expect(manifest.manifestVersion).toBe(schemaVersion);
  });

  it('is rejected by the same validator when Teams would reject it', () => {
    const withTemplatePlaceholder = structuredClone(manifest);
    withTemplatePlaceholder.bots[0].botId = '${{BOT_ID}}';
    expect(errorsOf(withTemplatePlaceholder)).toContainEqual(expect.stringContaining('/bots/0/botId'));

    const tooLongName = structuredClone(manifest);
    tooLongName.name.short = 'Weerbaar Bestuur in de provincie Utrecht';
    expect(errorsOf(tooLongName)).toContainEqual(expect.stringContaining('/name/short'));
  });

  it('keeps an all-zero GUID as the app and bot id placeholder that the packaging script replaces', () => {
    expect(manifest.id).toMatch(guid);
    expect(manifest.bots[0].botId).toBe(placeholderGuid);
    expect(manifest.id).toBe(placeholderGuid);
  });

  it('is a Dutch app named "Weerbaar Bestuur" that loads nothing from other domains', () => {
    expect(manifest.name.short).toBe('Weerbaar Bestuur');
    expect(manifest.localizationInfo?.defaultLanguageTag).toBe('nl-nl');
    expect(manifest.description.full).toContain('112');
    // The manifest is a static file for the Teams admin: it must carry the number src/domain/support-lines.ts has.
    expect(manifest.description.full).toContain(VERTROUWENSLIJN.phone);
    expect(manifest.validDomains ?? []).toEqual([]);
  });

  it('offers the bot in the 1:1 chat (with file uploads for evidence) and in team channels', () => {
    const [bot] = manifest.bots;
    expect(bot.scopes).toEqual(expect.arrayContaining(['personal', 'team']));
    expect(bot.supportsFiles).toBe(true);
  });

  describe('command menu', () => {
    const commandsFor = (scope: string): Command[] =>
      manifest.bots[0].commandLists.find((list) => list.scopes.includes(scope))?.commands ?? [];

    it('lists the reporter commands in the personal chat and help in teams', () => {
      expect(commandsFor('personal').map((c) => c.title)).toEqual(['meld incident', 'hoe reageer ik', 'voorkomen', 'mijn meldingen', 'verder', 'stop', 'help']);
      expect(commandsFor('personal')[0].description).toBe('Een incident melden');
      expect(commandsFor('team').map((c) => c.title)).toEqual(['help']);
    });

    // Teams cuts command titles in the menu at 32 characters, although the schema allows 128.
    const all = manifest.bots[0].commandLists.flatMap((list) => list.commands.map((c) => [`${list.scopes.join('+')}: ${c.title}`, c] as const));
    it.each(all)('"%s" has a short lower-case title and a Dutch description', (_label, command) => {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.title).toBe(command.title.toLowerCase());
      expect(command.description?.trim()).toBeTruthy();
      expect(command.description).not.toMatch(/\b(the|your|you|and|to|with|report|view|list|continue|cancel|show|about)\b/i);
    });
  });

  describe('icons', () => {
    const read = (name: string): Buffer => readFileSync(join(manifestDir, name));

    it('has a 192×192 colour icon and a 32×32 outline icon at the paths the manifest names', () => {
      expect(readPngSize(read(manifest.icons.color))).toEqual({ width: 192, height: 192 });
      expect(readPngSize(read(manifest.icons.outline))).toEqual({ width: 32, height: 32 });
    });

    it('has an outline icon that is only white on a transparent background', () => {
      const png = decodePng(read(manifest.icons.outline));
      expect(png.colourType).toBe(6);
      let transparent = 0;
      let opaque = 0;
      const offWhite: number[] = [];
      for (let i = 0; i < png.width * png.height; i += 1) {
        const [r, g, b, a] = png.rgba.subarray(i * 4, i * 4 + 4);
        if (a === 0) transparent += 1;
        if (a === 255) opaque += 1;
        if (a > 0 && (r !== 255 || g !== 255 || b !== 255)) offWhite.push(i);
      }
      expect(offWhite).toEqual([]);
      expect(transparent).toBeGreaterThan(png.width * png.height / 4);
      expect(opaque).toBeGreaterThan(png.width * 2);
    });

    it('has a colour icon in more than one colour', () => {
      const png = decodePng(read(manifest.icons.color));
      const colours = new Set<number>();
      for (let i = 0; i < png.width * png.height; i += 1) colours.add(png.rgba.readUInt32BE(i * 4));
      expect(colours.size).toBeGreaterThan(1);
    });
  });
});
