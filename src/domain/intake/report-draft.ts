import { behaviourDomains } from '../behaviour-domains';
import { DomainError } from '../errors';
import { findOrganisation, roleFitsOrganisation } from '../organisations';
import { evidenceFileSchema, incidentReportSchema, type BehaviourLevel, type EvidenceFile, type IncidentReport } from '../report';
import type { OfficeHolderRole } from '../roles';
import { INTAKE_STEP_IDS, MAX_EVIDENCE_FILES, type IntakeAnswer, type IntakeDraft, type IntakeStepId } from './intake-draft';

/**
 * The rules on a report being written: which parts it asks, when it is complete, the report it
 * becomes, and how evidence files are added. Pure functions over a draft; how each part is asked
 * and what the office holder is told is the intake dialogue (src/dialogue/intake).
 */

/**
 * A new draft at the safety question. A known office skips the 'who' question; it must fit the
 * routing table. A level chosen beforehand (the advice card's "meld incident") skips the 'level'
 * question.
 */
export function startIntake(
  args: {
    id: string;
    officeHolder: { aadObjectId: string; name: string };
    knownOffice?: { role: OfficeHolderRole; organisationId: string };
    level?: BehaviourLevel;
  },
  now: Date,
): IntakeDraft {
  const office = args.knownOffice;
  if (office !== undefined && !roleFitsOrganisation(office.role, office.organisationId)) {
    throw new DomainError(findOrganisation(office.organisationId) ? 'ROUTING.ROLE_NOT_IN_ORGANISATION' : 'ROUTING.UNKNOWN_ORGANISATION', {
      detail: `${office.role} in ${office.organisationId}`,
    });
  }
  const at = now.toISOString();
  const draft: IntakeDraft = {
    id: args.id,
    officeHolder: { aadObjectId: args.officeHolder.aadObjectId, name: args.officeHolder.name },
    officeKnown: office !== undefined,
    ...(args.level === undefined ? {} : { levelPreset: true }),
    answers: args.level === undefined ? {} : { level: args.level },
    current: 'safety',
    returnToSummary: false,
    status: 'open',
    startedAt: at,
    updatedAt: at,
  };
  return office === undefined ? draft : { ...draft, office: { role: office.role, organisationId: office.organisationId } };
}

/** The parts this draft asks, in order ('who' only when the office is not known, 'level' only when not chosen beforehand). */
export function activeSteps(draft: Pick<IntakeDraft, 'officeKnown' | 'levelPreset'>): IntakeStepId[] {
  return INTAKE_STEP_IDS.filter((id) => (id !== 'who' || !draft.officeKnown) && (id !== 'level' || draft.levelPreset !== true));
}

/** Parts still without a usable answer, in question order. */
function missingSteps(draft: IntakeDraft): IntakeStepId[] {
  return activeSteps(draft).filter((id) => {
    if (id === 'safety') return draft.answers.safety !== 'safe';
    if (id === 'who') return draft.office === undefined || !roleFitsOrganisation(draft.office.role, draft.office.organisationId);
    if (id === 'evidence') return draft.answers.evidence?.done !== true;
    return draft.answers[id] === undefined;
  });
}

/** The report as the schema wants it, or the reasons it is not one yet (codes and paths, no user text). */
function buildReport(draft: IntakeDraft): { ok: true; report: IncidentReport } | { ok: false; detail: string } {
  if (draft.pendingAddress !== undefined) return { ok: false, detail: 'an address choice is pending' };
  const missing = missingSteps(draft);
  if (missing.length > 0) return { ok: false, detail: `missing answers: ${missing.join(', ')}` };
  const a = draft.answers;
  const candidate = {
    incidentAt: a.when?.at,
    place: a.where,
    description: a.what?.description,
    level: a.level,
    kinds: a.kinds,
    perpetrator: a.perpetrator,
    ...(a.what?.motive === undefined ? {} : { motive: a.what.motive }),
    ...(a.witnesses?.text === undefined ? {} : { witnesses: a.witnesses.text }),
    evidence: a.evidence?.keptOriginals === undefined
      ? { files: a.evidence?.files ?? [] }
      : { files: a.evidence.files, keptOriginals: a.evidence.keptOriginals },
    injury: a.injury,
    damage: a.damage,
    criminalOffenceSuspected: a.criminalOffence,
    feltHindered: a.hindrance,
    ...(a.aftercare?.text === undefined ? {} : { aftercareWishes: a.aftercare.text }),
  };
  const parsed = incidentReportSchema.safeParse(candidate);
  // The planes are recorded with the kinds (and level and damage) they follow from.
  if (parsed.success) return { ok: true, report: { ...parsed.data, domains: behaviourDomains(parsed.data) } };
  return { ok: false, detail: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`).join('; ') };
}

/** True when every question has a usable answer and no address choice is pending. */
export function isComplete(draft: IntakeDraft): boolean {
  return buildReport(draft).ok;
}

/** The finished report, validated with incidentReportSchema; DomainError('REPORT.INVALID') while incomplete. */
export function toIncidentReport(draft: IntakeDraft): IncidentReport {
  const built = buildReport(draft);
  if (!built.ok) throw new DomainError('REPORT.INVALID', { detail: built.detail });
  return built.report;
}

/** Marks a complete draft as submitted (after the caller stored the report); throws like toIncidentReport when incomplete. */
export function markSubmitted(draft: IntakeDraft, now: Date): IntakeDraft {
  toIncidentReport(draft);
  return { ...draft, status: 'submitted', updatedAt: now.toISOString() };
}

/** Stops an open draft ("stop"); a submitted draft stays submitted. */
export function cancelIntake(draft: IntakeDraft, now: Date): IntakeDraft {
  return draft.status === 'open' ? { ...draft, status: 'cancelled', updatedAt: now.toISOString() } : draft;
}

/** Evidence with new files added, or why none could be: codes for the dialogue to explain. */
export type EvidenceAddition =
  | { ok: true; evidence: IntakeAnswer<'evidence'>; added: number }
  | { ok: false; reason: 'noFiles' | 'invalidFile' | 'alreadyAdded' }
  | { ok: false; reason: 'tooMany'; existing: number; room: number };

/**
 * Adds stored files to a draft's evidence: each file once (by SHA-256), at most MAX_EVIDENCE_FILES
 * in all. Files arrive as activity data, so their shape is checked here.
 */
export function addEvidenceFiles(existing: IntakeAnswer<'evidence'> | undefined, files: readonly unknown[]): EvidenceAddition {
  if (files.length === 0) return { ok: false, reason: 'noFiles' };
  const parsed = files.map((file) => evidenceFileSchema.safeParse(file));
  if (parsed.some((result) => !result.success)) return { ok: false, reason: 'invalidFile' };

  const evidence = existing ?? { files: [], done: false };
  const known = new Set(evidence.files.map((file) => file.sha256));
  const added: EvidenceFile[] = [];
  for (const result of parsed) {
    if (!result.success || known.has(result.data.sha256)) continue;
    known.add(result.data.sha256);
    added.push(result.data);
  }
  if (added.length === 0) return { ok: false, reason: 'alreadyAdded' };
  const room = MAX_EVIDENCE_FILES - evidence.files.length;
  if (added.length > room) return { ok: false, reason: 'tooMany', existing: evidence.files.length, room };
  return { ok: true, evidence: { ...evidence, files: [...evidence.files, ...added] }, added: added.length };
}
