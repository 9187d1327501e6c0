/** Compiles the newest Teams manifest schema shipped in @microsoft/app-manifest, once per test file. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const schemasDir = join(__dirname, '..', '..', 'node_modules', '@microsoft', 'app-manifest', 'build', 'json-schemas', 'teams');

/** The newest numbered schema version (v1.30 > v1.9; the dev preview is not a release). */
export function newestSchemaVersion(): string {
  const key = (v: string): number => { const [major, minor] = v.split('.').map(Number); return major * 1000 + minor; };
  return readdirSync(schemasDir)
    .filter((name) => /^v\d+\.\d+$/.test(name))
    .map((name) => name.slice(1))
    .sort((a, b) => key(b) - key(a))[0];
}

/** Returns a function listing a candidate manifest's schema errors as "path message" (empty when valid). */
export function manifestValidator(version = newestSchemaVersion()): (candidate: unknown) => string[] {
  // The published schema has loose spots (additionalProperties without a type) that Ajv's strict mode rejects.
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(join(schemasDir, `v${version}`, 'MicrosoftTeams.schema.json'), 'utf8')));
  return (candidate) => (validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
