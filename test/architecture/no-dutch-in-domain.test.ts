import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

/**
 * The domain holds no presentation (issue 16): the Dutch a user reads lives in src/copy/ (and the
 * dialogue and card layers). This scan finds Dutch prose in src/domain: a string literal of three words
 * or more with a common Dutch function word. A name of the guide's vocabulary may stay as data; each
 * one the scan still finds is listed below with the reason it stays.
 */

const DOMAIN = path.resolve(__dirname, '../../src/domain');

/** Common Dutch function words: a sentence nearly always has one, an identifier or English text never. */
const DUTCH_WORDS = new Set([
  'de', 'het', 'een', 'je', 'jij', 'jouw', 'uw', 'niet', 'geen', 'zijn', 'wordt', 'van', 'met', 'voor', 'naar', 'bij',
  'op', 'om', 'aan', 'kan', 'moet', 'nog', 'al', 'dit', 'deze', 'dat', 'wat', 'wie', 'waar', 'hoe', 'en', 'te', 'er', 'ik',
]);

/**
 * Where Dutch stays in the domain, and why: the file (relative to src/domain) and the top-level
 * declaration (constant or function) holding it. Dutch anywhere else in that file still fails.
 */
const ALLOWED: readonly { readonly file: string; readonly holder: string; readonly reason: string }[] = [
  { file: 'damage-recovery.ts', holder: 'DAMAGE_CLAIM_TASK_TITLE', reason: "The guide's step \"schadegeval melden bij het juiste orgaan\": a task's title is stored with the task on the case when the rule creates it (data of the case, not a label looked up later)" },
  { file: 'police-record.ts', holder: 'SECOND_OPINION_TASK_TITLE', reason: 'The second opinion of the hulpofficier van justitie the guide names: stored as the title of the task the rule creates on the case (data of the case)' },
  { file: 'case-model.ts', holder: 'EVALUATION_LABELS', reason: "The guide's four evaluation questions (risicotaxatie, oorzaakanalyse, trendanalyse, verbeteraanbevelingen): closing a case requires an answer to each, so the questions are the rule's identity" },
  { file: 'deadlines.ts', holder: 'DEADLINE_LABELS', reason: "The guide's names of its deadlines (maatregelen, incidentgesprek, politie, Arbeidsinspectie, herstelgesprek): vocabulary the reminders, cards and figures all show alike" },
  { file: 'measures.ts', holder: 'MEASURE_KIND_LABELS', reason: "The guide's names of the measures (schriftelijke waarschuwing, incidentgesprek, …): the official Dutch names, vocabulary" },
  { file: 'organisations.ts', holder: 'MUNICIPALITIES', reason: "Proper names of the 26 municipalities of the province: data, not copy" },
  { file: 'organisations.ts', holder: 'WATER_BOARDS', reason: "Proper names of the water boards with territory in the province: data, not copy" },
  { file: 'perpetrator.ts', holder: 'NOT_A_NAME', reason: "Answers a reporter types that are no name (\"weet ik niet\"): the rule that recognises them, never shown" },
  { file: 'police-checklist.ts', holder: 'POLICE_CHECKLIST_LABELS', reason: "The nine steps of the guide's stappenplan melding en aangifte, as the guide words them: the checklist's identity" },
  { file: 'report.ts', holder: 'BEHAVIOUR_LEVELS', reason: "The five levels of the guide's ik–jullie–jij ladder with the guide's own descriptions: vocabulary the intake, advice and cards share" },
  { file: 'report.ts', holder: 'CRIMINAL_OFFENCE_ANSWER_LABELS', reason: "The three answers to the guide's question on a criminal offence: vocabulary of the report" },
  { file: 'report.ts', holder: 'INJURY_LABELS', reason: "The guide's list of injuries (none … death) that decides a serious incident: vocabulary" },
  { file: 'report.ts', holder: 'ONLINE_CHANNEL_LABELS', reason: "The guide's online channels (e-mail, brief, voicemail, social media, …): vocabulary of the report" },
  { file: 'roles.ts', holder: 'INFORMED_ROLE_LABELS', reason: "The guide's names of the people informed (Commissaris van de Koning, Minister van BZK, …): routing table vocabulary" },
  { file: 'roles.ts', holder: 'OFFICE_HOLDER_ROLE_LABELS', reason: "The guide's names of the office holders' roles: routing table vocabulary" },
  { file: 'support-lines.ts', holder: 'ASSOCIATIONS', reason: "The support lines are defined once (issue 16 point 3, test/domain/support-lines.test.ts): names, numbers and what each offers stay together" },
  { file: 'support-lines.ts', holder: 'CRISISLIJN_NGB', reason: "The support lines are defined once (issue 16 point 3, test/domain/support-lines.test.ts): names, numbers and what each offers stay together" },
  { file: 'support-lines.ts', holder: 'SLACHTOFFERLOKET', reason: "The support lines are defined once (issue 16 point 3, test/domain/support-lines.test.ts): names, numbers and what each offers stay together" },
  { file: 'support-lines.ts', holder: 'VERTROUWENSLIJN', reason: "The support lines are defined once (issue 16 point 3, test/domain/support-lines.test.ts): names, numbers and what each offers stay together" },
  { file: 'working-days.ts', holder: 'PUBLIC_HOLIDAY_NAMES', reason: "The holidays' names as art. 3 of the Algemene termijnenwet gives them: the law's vocabulary" },
];

interface Finding {
  readonly file: string;
  readonly line: number;
  /** The top-level constant or function the literal stands in. */
  readonly holder: string;
  readonly text: string;
}

/** The name of the top-level declaration around `node`. */
function holderOf(node: ts.Node): string {
  let top = node;
  while (top.parent !== undefined && !ts.isSourceFile(top.parent)) top = top.parent;
  if (ts.isVariableStatement(top)) return top.declarationList.declarations.map((d) => d.name.getText()).join(',');
  if ((ts.isFunctionDeclaration(top) || ts.isClassDeclaration(top)) && top.name !== undefined) return top.name.text;
  return '(top level)';
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function looksDutch(text: string): boolean {
  const words = text.toLowerCase().split(/[^a-zà-ÿ]+/).filter((w) => w !== '');
  return words.length >= 3 && words.some((w) => DUTCH_WORDS.has(w));
}

/** The Dutch-looking string literals of one file (comments are not literals, so they never count). */
function dutchLiterals(file: string, root = DOMAIN): Finding[] {
  const text = fs.readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const visit = (node: ts.Node): void => {
    let literal: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literal = node.text;
    if (ts.isTemplateExpression(node)) literal = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' … ');
    if (literal !== undefined && looksDutch(literal) && !ts.isImportDeclaration(node.parent)) {
      found.push({ file: path.relative(root, file), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, holder: holderOf(node), text: literal });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const findings = sourceFiles(DOMAIN).flatMap((file) => dutchLiterals(file));

describe('no Dutch prose in src/domain', () => {
  it('finds Dutch prose at all (the scan works)', () => {
    expect(looksDutch('Deze zaak is afgesloten en kan niet meer worden gewijzigd.')).toBe(true);
    expect(looksDutch('case not taken yet')).toBe(false);
    expect(looksDutch('Maatregelen')).toBe(false);
  });

  it('has none but the allowed vocabulary', () => {
    const unexplained = findings.filter((f) => !ALLOWED.some((a) => a.file === f.file && a.holder === f.holder));
    expect(unexplained.map((f) => `${f.file}:${f.line} ${f.holder} ${f.text}`)).toEqual([]);
  });

  it.each(ALLOWED.map((a) => [a.file, a.holder, a.reason] as const))('allows %s %s for a reason, and it still holds Dutch', (file, holder, reason) => {
    expect(reason.length).toBeGreaterThan(20);
    expect(findings.some((f) => f.file === file && f.holder === holder)).toBe(true);
  });
});

/** The use cases hand the adapters words from src/copy; none of their own (README "Where the words are"). */
describe('no Dutch prose in src/app', () => {
  const APP = path.resolve(__dirname, '../../src/app');

  it('has none: every message a use case returns comes from src/copy', () => {
    const found = sourceFiles(APP).flatMap((file) => dutchLiterals(file, APP));
    expect(found.map((f) => `${f.file}:${f.line} ${f.holder} ${f.text}`)).toEqual([]);
  });
});
