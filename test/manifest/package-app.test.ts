/** The app package an admin uploads: real ids filled in, manifest and icons at the root of a readable ZIP. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { buildManifest, createZip, packageApp, PLACEHOLDER_ID } from '../../src/tools/package-app';
import { manifestValidator } from './teams-schema';

const root = join(__dirname, '..', '..');
const template = readFileSync(join(root, 'teamsAppManifest', 'manifest.json'), 'utf8');
const botId = '1b2c3d4e-aaaa-4bbb-8ccc-0123456789ab';
const appId = '9f8e7d6c-1111-4222-8333-ba9876543210';

/** Reads a ZIP through its central directory, as unzip tools do, checking sizes and CRCs. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end-of-central-directory record');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central header ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const stored = zip.subarray(dataStart, dataStart + zip.readUInt32LE(at + 20));
    const data = method === 8 ? inflateRawSync(stored) : stored;
    if (data.length !== size || crc32(data) !== crc) throw new Error(`corrupt entry ${name}`);
    files.set(name, data);
    at += 46 + skip;
  }
  return files;
}

describe('app package', () => {
  it('fills in the bot id and app id and stays valid against the Teams schema', () => {
    const manifest = JSON.parse(buildManifest(template, { botId, appId })) as { id: string; bots: { botId: string }[] };
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0].botId).toBe(botId);
    expect(manifestValidator()(manifest)).toEqual([]);
  });

  it('refuses ids that Teams would reject, and the unreplaced placeholder', () => {
    expect(() => buildManifest(template, { botId: '', appId })).toThrow('botId must be a GUID');
    expect(() => buildManifest(template, { botId: '${{BOT_ID}}', appId })).toThrow('botId must be a GUID');
    expect(() => buildManifest(template, { botId, appId: PLACEHOLDER_ID })).toThrow('appId is still the placeholder id');
  });

  it('writes dist/appPackage.zip with manifest.json and both icons at the root', () => {
    const dir = mkdtempSync(join(tmpdir(), 'app-package-'));
    try {
      const outFile = join(dir, 'dist', 'appPackage.zip');
      packageApp({ repoRoot: root, outFile, botId, appId });
      const files = readZip(readFileSync(outFile));
      expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      expect(files.get('color.png')).toEqual(readFileSync(join(root, 'teamsAppManifest', 'color.png')));
      expect(JSON.parse(files.get('manifest.json')!.toString('utf8')).bots[0].botId).toBe(botId);
      // An independent reader, where the machine has one, agrees the archive is sound.
      if (existsSync('/usr/bin/unzip')) expect(execFileSync('/usr/bin/unzip', ['-t', outFile]).toString()).toContain('No errors');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('produces identical bytes for identical input, so a rebuilt package does not look changed', () => {
    const entries = [{ name: 'a.txt', data: Buffer.from('weerbaar') }];
    expect(createZip(entries).equals(createZip(entries))).toBe(true);
    expect(readZip(createZip(entries)).get('a.txt')?.toString()).toBe('weerbaar');
  });
});
