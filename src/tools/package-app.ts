/**
 * Builds the Teams app package: teamsAppManifest/manifest.json with the real ids filled in,
 * plus both icons, zipped flat into dist/appPackage.zip (upload it in Teams admin or Developer Portal).
 * From the repo root:
 *
 *   MicrosoftAppId=<bot app id> [TEAMS_APP_ID=<guid>] npm run package-app [-- out.zip]
 *
 * TEAMS_APP_ID defaults to the bot's app id (allowed, and simplest for a single-bot app).
 * The ZIP writer is small and dependency-free (deflate from node:zlib; crc32 needs Node >= 20.15).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

/** The template's stand-in id; every occurrence is replaced. */
export const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One file in a ZIP archive. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Returns the manifest with the bot id and app id filled in; throws on ids that are not GUIDs. */
export function buildManifest(template: string, ids: { botId: string; appId: string }): string {
  for (const [label, value] of [['botId', ids.botId], ['appId', ids.appId]]) {
    if (!guid.test(value)) throw new Error(`${label} must be a GUID`);
    if (value === PLACEHOLDER_ID) throw new Error(`${label} is still the placeholder id`);
  }
  const manifest = JSON.parse(template) as { id: string; bots: { botId: string }[] };
  if (manifest.id !== PLACEHOLDER_ID || manifest.bots.some((bot) => bot.botId !== PLACEHOLDER_ID)) {
    throw new Error('the template must use the placeholder id for the app and the bot');
  }
  manifest.id = ids.appId.toLowerCase();
  for (const bot of manifest.bots) bot.botId = ids.botId.toLowerCase();
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Writes a ZIP archive (deflated entries, fixed 1980-01-01 timestamps so builds are reproducible). */
export function createZip(entries: readonly ZipEntry[]): Buffer {
  const dosTime = 0;
  const dosDate = (0 << 9) | (1 << 5) | 1;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data, { level: 9 });
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: deflate
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by: MS-DOS, spec 2.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(dosTime, 12);
    central.writeUInt16LE(dosDate, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42); // extra, comment, disk, attributes stay 0
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Reads the template and icons under `repoRoot` and writes the app package to `outFile`. */
export function packageApp(options: { repoRoot: string; outFile: string; botId: string; appId: string }): void {
  const dir = join(options.repoRoot, 'teamsAppManifest');
  const manifest = buildManifest(readFileSync(join(dir, 'manifest.json'), 'utf8'), { botId: options.botId, appId: options.appId });
  const icons = (JSON.parse(manifest) as { icons: Record<string, string> }).icons;
  const entries: ZipEntry[] = [{ name: 'manifest.json', data: Buffer.from(manifest, 'utf8') }];
  for (const file of new Set(Object.values(icons))) entries.push({ name: file, data: readFileSync(join(dir, file)) });
  mkdirSync(dirname(options.outFile), { recursive: true });
  writeFileSync(options.outFile, createZip(entries));
}

/** The nearest folder upwards holding package.json: the repo root, wherever the compiled script lives. */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error('package.json not found: run this from the repo');
  }
}

if (require.main === module) {
  const botId = process.env.MicrosoftAppId ?? '';
  const repoRoot = findRepoRoot(process.cwd());
  const outFile = resolve(process.argv[2] ?? join(repoRoot, 'dist', 'appPackage.zip'));
  try {
    packageApp({ repoRoot, outFile, botId, appId: process.env.TEAMS_APP_ID || botId });
    console.info(`app package written to ${outFile}`);
  } catch (error) {
    const hint = botId ? '' : ' (set MicrosoftAppId to the bot\'s app id)';
    console.error(`packaging failed: ${(error as Error).message}${hint}`);
    process.exitCode = 1;
  }
}
