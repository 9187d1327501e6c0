import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../config/load-directory';
import { PLAYGROUND_CONFIG_PATH } from './playground';

/**
 * `npm start -- --as peter`: the Playground with another person of the sample directory signed in.
 * The Playground has exactly one signed-in user (`currentUser`) and five others (`users`); starting
 * as someone else swaps that person with the current user in a copy of the mock tenant, so the file
 * keeps its shape (the Playground refuses any other). The copy lives in .data/playground.
 */

/** One person of the mock tenant, as the YAML lists them. */
export interface PlaygroundPerson {
  readonly id: string;
  readonly name: string;
  readonly givenName: string;
  readonly aadObjectId: string;
  /** The person's lines without indentation, "key: value" each. */
  readonly fields: readonly string[];
}

interface TenantFile {
  readonly head: string[];
  readonly currentUser: PlaygroundPerson;
  readonly users: PlaygroundPerson[];
  readonly tail: string[];
}

function person(fields: string[]): PlaygroundPerson {
  const value = (key: string) => fields.find((f) => f.startsWith(`${key}:`))?.slice(key.length + 1).trim() ?? '';
  return { id: value('id'), name: value('name'), givenName: value('givenName'), aadObjectId: value('aadObjectId'), fields };
}

/** Splits the mock tenant (a flat file this project writes) into the part before, the people and the part after. */
export function readTenantFile(text: string): TenantFile {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l === 'currentUser:');
  const usersAt = lines.findIndex((l) => l === 'users:');
  let end = usersAt + 1;
  while (end < lines.length && (lines[end].startsWith('  ') || lines[end].trim() === '')) end += 1;
  if (start < 0 || usersAt < start) throw new Error('m365agentsplayground.yml: expected currentUser followed by users');
  const currentUser = person(lines.slice(start + 1, usersAt).filter((l) => l.trim() !== '').map((l) => l.trim()));
  const users: PlaygroundPerson[] = [];
  for (const line of lines.slice(usersAt + 1, end)) {
    if (line.trim() === '') continue;
    if (line.startsWith('  - ')) users.push(person([line.slice(4).trim()]));
    else (users[users.length - 1].fields as string[]).push(line.trim());
  }
  return { head: lines.slice(0, start), currentUser, users: users.map((u) => person([...u.fields])), tail: lines.slice(end) };
}

/** The mock tenant with `who` (a first name, any case) signed in instead of the current user. */
export function tenantAs(text: string, who: string): { yaml: string; currentUser: PlaygroundPerson } {
  const file = readTenantFile(text);
  const wanted = who.trim().toLowerCase();
  const matches = (p: PlaygroundPerson) => p.givenName.toLowerCase() === wanted || p.id.toLowerCase() === `user-${wanted}`;
  if (matches(file.currentUser)) return { yaml: text, currentUser: file.currentUser };
  const chosen = file.users.find(matches);
  if (chosen === undefined) {
    const names = [file.currentUser, ...file.users].map((p) => p.givenName.toLowerCase()).join(', ');
    throw new Error(`Onbekende gebruiker "${who}" voor --as. Kies uit: ${names}.`);
  }
  const users = file.users.map((u) => (u === chosen ? file.currentUser : u));
  const yaml = [
    ...file.head,
    'currentUser:',
    ...chosen.fields.map((f) => `  ${f}`),
    'users:',
    ...users.flatMap((u) => u.fields.map((f, i) => (i === 0 ? `  - ${f}` : `    ${f}`))),
    ...file.tail,
  ].join('\n');
  return { yaml, currentUser: chosen };
}

/** Writes the mock tenant for `who` (undefined: the shipped one, Sanne) and returns its path and the signed-in person. */
export function playgroundConfigFor(who: string | undefined, folder = path.join(REPO_ROOT, '.data', 'playground')): { configPath: string; currentUser: PlaygroundPerson } {
  const text = readFileSync(PLAYGROUND_CONFIG_PATH, 'utf8');
  if (who === undefined) return { configPath: PLAYGROUND_CONFIG_PATH, currentUser: readTenantFile(text).currentUser };
  const { yaml, currentUser } = tenantAs(text, who);
  mkdirSync(folder, { recursive: true });
  const configPath = path.join(folder, `m365agentsplayground.${currentUser.givenName.toLowerCase()}.yml`);
  writeFileSync(configPath, yaml);
  return { configPath, currentUser };
}

/** `--as <name>` or `--as=<name>` among the command-line arguments. */
export function asArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === '--as') return argv[i + 1];
    if (argv[i].startsWith('--as=')) return argv[i].slice('--as='.length);
  }
  return undefined;
}
