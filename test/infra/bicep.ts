/**
 * Bicep syntax trees for the infra tests, via tree-sitter (no Bicep compiler runs offline here).
 * The native parser runs in a child process: loaded again in a second Jest module registry within
 * one worker, the addon hands back broken nodes (rootNode undefined).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A syntax node as plain data: named nodes, plus the ERROR and MISSING nodes a broken file produces. */
export interface BicepNode {
  type: string;
  text: string;
  line: number;
  isMissing: boolean;
  hasError: boolean;
  namedChildren: BicepNode[];
}

interface RawNode { type: string; start: number; end: number; row: number; missing: boolean; error: boolean; children: RawNode[] }

const repoRoot = join(__dirname, '..', '..');

const parserScript = `
const Parser = require('tree-sitter');
const parser = new Parser();
parser.setLanguage(require('tree-sitter-bicep'));
const source = require('fs').readFileSync(0, 'utf8');
const plain = (n) => ({
  type: n.type, start: n.startIndex, end: n.endIndex, row: n.startPosition.row, missing: n.isMissing, error: n.hasError,
  children: n.children.filter((c) => c.isNamed || c.isMissing || c.type === 'ERROR').map(plain),
});
process.stdout.write(JSON.stringify(plain(parser.parse(source).rootNode)));
`;

/** Parses Bicep source into plain nodes. */
export function parseBicep(source: string): BicepNode {
  const json = execFileSync(process.execPath, ['-e', parserScript], { cwd: repoRoot, input: source, maxBuffer: 64 * 1024 * 1024 });
  // tree-sitter reports byte offsets; slice the UTF-8 bytes, not the string.
  const bytes = Buffer.from(source, 'utf8');
  const build = (raw: RawNode): BicepNode => ({
    type: raw.type,
    text: bytes.toString('utf8', raw.start, raw.end),
    line: raw.row + 1,
    isMissing: raw.missing,
    hasError: raw.error,
    namedChildren: raw.children.map(build),
  });
  return build(JSON.parse(json.toString('utf8')) as RawNode);
}

/** Every syntax error in the source, as "line N: …" (1-based), in source order. */
export function syntaxProblems(source: string): string[] {
  const problems: string[] = [];
  const visit = (node: BicepNode): void => {
    if (node.isMissing) problems.push(`line ${node.line}: missing "${node.type}"`);
    else if (node.type === 'ERROR') problems.push(`line ${node.line}: unexpected "${node.text.split('\n')[0].slice(0, 60)}"`);
    if (node.hasError) node.namedChildren.forEach(visit);
  };
  visit(parseBicep(source));
  return problems;
}

/** Unquotes a Bicep string literal without interpolation; undefined for anything else. */
export function stringValue(node: BicepNode | undefined): string | undefined {
  if (node?.type !== 'string') return undefined;
  return node.namedChildren.every((c) => c.type === 'string_content') ? node.namedChildren.map((c) => c.text).join('') : undefined;
}

/** The value node at a property path inside an object node, e.g. ['properties', 'siteConfig']. */
export function propertyAt(object: BicepNode | undefined, path: readonly string[]): BicepNode | undefined {
  let current = object;
  for (const key of path) {
    const property = current?.namedChildren.find((c) => c.type === 'object_property' && c.namedChildren[0]?.text === key);
    current = property?.namedChildren[1];
  }
  return current;
}

/** Top-level declarations of one kind ('parameter_declaration', 'resource_declaration', …), with their decorator names. */
export function declarations(root: BicepNode, type: string): { node: BicepNode; name: string; decorators: string[] }[] {
  return root.namedChildren.flatMap((node, index) => {
    if (node.type !== type) return [];
    const previous = root.namedChildren[index - 1];
    // A decorator is a call expression whose first named child is the function name.
    const decorators = previous?.type === 'decorators'
      ? previous.namedChildren.map((d) => d.namedChildren[0]?.namedChildren[0]?.text ?? '')
      : [];
    return [{ node, name: node.namedChildren[0]?.text ?? '', decorators }];
  });
}

/** The body object of each resource declaration of an Azure type (any API version), e.g. 'Microsoft.Web/sites'. */
export function resourcesOfType(root: BicepNode, azureType: string): BicepNode[] {
  return declarations(root, 'resource_declaration')
    .filter(({ node }) => stringValue(node.namedChildren[1])?.split('@')[0] === azureType)
    .map(({ node }) => node.namedChildren.find((c) => c.type === 'object')
      ?? node.namedChildren.find((c) => c.type === 'if_statement')?.namedChildren.find((c) => c.type === 'object'))
    .filter((body): body is BicepNode => body !== undefined);
}
