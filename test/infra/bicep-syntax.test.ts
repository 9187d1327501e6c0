/** Every Bicep file under infra/ parses; the checker really reports broken Bicep, with its line. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { syntaxProblems } from './bicep';

const infraDir = join(__dirname, '..', '..', 'infra');

function bicepFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return bicepFiles(path);
    return entry.name.endsWith('.bicep') ? [path] : [];
  });
}

describe('Bicep syntax', () => {
  const files = bicepFiles(infraDir);

  it('finds the main template', () => {
    expect(files.map((f) => relative(infraDir, f))).toContain('main.bicep');
  });

  it.each(files.map((f) => [relative(infraDir, f), f]))('%s has no syntax errors', (_name, file) => {
    expect(syntaxProblems(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('reports an unclosed object at the line where the parser gives up', () => {
    const source = ['param name string', "resource s 'Microsoft.Storage/storageAccounts@2023-05-01' = {", '  name: name', ''].join('\n');
    expect(syntaxProblems(source)).toEqual(['line 3: missing "}"']);
  });

  it('reports an unterminated string and a stray token', () => {
    expect(syntaxProblems("var a = 'open\nvar b = 1\n")).toEqual([expect.stringMatching(/^line \d: missing "'"$/)]);
    const stray = ["resource s 'Microsoft.Web/sites@2023-12-01' = {", "  name: 'x'", '  kind linux', '}', ''].join('\n');
    expect(syntaxProblems(stray)).toEqual([expect.stringMatching(/^line 3: unexpected/)]);
  });
});
