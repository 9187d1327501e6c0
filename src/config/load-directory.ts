import { readFileSync } from 'fs';
import * as path from 'path';
import { Directory, parseDirectory } from '../domain/directory';
import { ConfigError } from './env';

/** The repository root, whether running from src (ts-jest) or dist/src (compiled). */
export const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..');

/** The sample directory that matches the Playground's mock tenant (local mode only). */
export const SAMPLE_DIRECTORY_PATH = path.join(REPO_ROOT, 'src', 'local', 'sample-directory.json');

/** Loads and validates the directory file; a bad file stops start-up with every problem listed. */
export function loadDirectory(directoryPath: string): Directory {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(directoryPath, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Directory file ${directoryPath} cannot be read as JSON: ${(error as Error).message}`);
  }
  const result = parseDirectory(raw);
  if (!result.ok) {
    throw new ConfigError(`Directory file ${directoryPath} is invalid:\n  - ${result.problems.join('\n  - ')}`);
  }
  return result.directory;
}
