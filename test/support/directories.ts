/** Directories for card and view-model tests, loaded from the repo's files like the bot loads them. */
import { readFileSync } from 'fs';
import * as path from 'path';
import { loadDirectory, REPO_ROOT, SAMPLE_DIRECTORY_PATH } from '../../src/config/load-directory';
import { parseDirectory, type Directory } from '../../src/domain/directory';

const THREE_ORGANISATIONS_PATH = path.join(REPO_ROOT, 'test', 'fixtures', 'directory.three-organisations.json');

/** The Playground's directory (src/local/sample-directory.json): coordinator Ahmed El Amrani, with e-mail. */
export function sampleDirectory(): Directory {
  return loadDirectory(SAMPLE_DIRECTORY_PATH);
}

/** test/fixtures/directory.three-organisations.json: a coordinator without e-mail address. */
export function threeOrganisationsDirectory(): Directory {
  return loadDirectory(THREE_ORGANISATIONS_PATH);
}

/** The sample directory where gemeente-utrecht sends its escalations to its own safety adviser. */
export function directoryWithOwnEscalation(): Directory {
  const raw = JSON.parse(readFileSync(SAMPLE_DIRECTORY_PATH, 'utf8')) as { organisations: Record<string, unknown>[] };
  raw.organisations[0].escalation = {
    aadObjectId: '7f3c1a20-4b5d-4e6f-8a9b-0000000000e1',
    name: 'Femke de Wit',
    email: 'femke.dewit@utrecht.example',
  };
  const parsed = parseDirectory(raw);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.directory;
}
