import { caseNumberYear, formatCaseNumber, submitCase, type Case, type CaseChange } from '../domain/case';
import type { Clock } from '../domain/clock';
import type { Directory } from '../domain/directory';
import { isDomainError } from '../domain/errors';
import { isComplete, startIntake, toIncidentReport, type IntakeDraft, type IntakeStepId } from '../domain/intake';
import {
  answer,
  currentPrompt,
  editStep,
  summarise,
  type IntakeContext,
  type IntakeInput,
  type IntakeNotice,
  type IntakePrompt,
} from '../dialogue/intake';
import type { BehaviourLevel } from '../domain/report';
import { supportLinesFor, type SupportLine } from '../domain/support-lines';
import type { WorkingDayCalendar } from '../domain/working-days';
import { perpetratorKeys, type RecidiveSubject } from '../domain/perpetrator';
import type { Logger } from './logger';
import { isStaleCopy, type CaseNumberSequence, type CaseStore, type DraftStore, type KnownOffice, type ProfileStore, type StoredDraft } from './ports';
import { userMessageOf } from '../copy/errors.copy';

/** An answer decided on a copy of the draft that must be decided again on the stored draft. */
const DECIDE_FRESH = Symbol('decideFresh');

/** The person talking to the bot, from the Teams activity (Entra ID object id is the key). */
export interface Reporter {
  aadObjectId: string;
  name: string;
}

/** What the bot should show after a step; the Teams adapter renders each kind. */
export type IntakeReply =
  | { kind: 'question'; prompt: IntakePrompt }
  /** The intake started with the level the office holder chose on an advice card. */
  | { kind: 'levelChosen'; level: BehaviourLevel }
  | { kind: 'invalid'; message: string }
  | { kind: 'notice'; notice: IntakeNotice; pendingAddress?: IntakeDraft['pendingAddress'] }
  | { kind: 'summary'; draftId: string; items: ReturnType<typeof summarise> }
  | { kind: 'submitted'; case: Case; supportLines: SupportLine[]; repeated: boolean }
  | { kind: 'resumeExisting'; startedAt: string }
  | { kind: 'confirmCancel' }
  | { kind: 'cancelled' }
  | { kind: 'noDraft' }
  | { kind: 'staleCard' };

/** Registering a submitted case: recidive, the one write of the case with its effects, and retrying what failed. */
export interface CaseRegistration {
  /** Earlier cases of this perpetrator in the organisation. */
  earlierCases(subject: RecidiveSubject): Promise<number>;
  /** Stores the new case with its history and effects (desk card, notices, progress card, reminders); 'exists' for a repeat. */
  register(change: CaseChange): Promise<'created' | 'exists'>;
  /** Carries out what is still waiting for the case now (e.g. a desk card that could not be posted). */
  retryEffects(caseId: string): void;
}

export interface IntakeServiceDependencies {
  drafts: DraftStore;
  profiles: ProfileStore;
  cases: Pick<CaseStore, 'get'>;
  caseNumbers: CaseNumberSequence;
  directory: Directory;
  clock: Clock;
  /** Working days with the configured decree days (the police deadline). */
  workingDays: WorkingDayCalendar;
  newId: () => string;
  /** Routing, notices and reminders for a new case (case handling). */
  registration: CaseRegistration;
  logger: Logger;
}

/**
 * Use cases of the intake: start, answer, correct, cancel, submit, list. The draft is saved after
 * every accepted answer, so a restart or a pause loses nothing.
 */
export class IntakeService {
  constructor(private readonly deps: IntakeServiceDependencies) {}

  /**
   * "meld incident": a new draft, or the open one if there is one (its answers are kept, so a
   * `level` chosen on an advice card applies to a new draft only).
   */
  async start(reporter: Reporter, options: { level?: BehaviourLevel } = {}): Promise<IntakeReply[]> {
    const stored = await this.deps.drafts.get(reporter.aadObjectId, { fresh: true });
    if (stored && stored.draft.status === 'open') {
      return [{ kind: 'resumeExisting', startedAt: stored.draft.startedAt }, ...this.show(stored.draft)];
    }
    const knownOffice = await this.knownOffice(reporter.aadObjectId);
    const { level } = options;
    const draft = startIntake(
      { id: this.deps.newId(), officeHolder: reporter, ...(knownOffice ? { knownOffice } : {}), ...(level === undefined ? {} : { level }) },
      this.deps.clock.now(),
    );
    await this.deps.drafts.save(draft, stored ? { etag: stored.etag } : {});
    this.deps.logger.info('intake.started', level === undefined ? {} : { detail: 'levelPreset' });
    return [...(level === undefined ? [] : [{ kind: 'levelChosen' as const, level }]), ...this.show(draft)];
  }

  /** "verder": show the open draft's current question again. */
  async resume(reporter: Reporter): Promise<IntakeReply[]> {
    const stored = await this.openDraft(reporter);
    return stored ? this.show(stored.draft) : [{ kind: 'noDraft' }];
  }

  /** The id of the user's draft in progress, e.g. to file evidence under it. */
  async openDraftId(reporter: Reporter): Promise<string | undefined> {
    return (await this.openDraft(reporter))?.draft.id;
  }

  /**
   * An answer: typed text, card values, stored evidence files or the home-address choice. Decided on
   * this instance's copy of the draft when it has one (no read: the answer's one write checks it is
   * current); anything but a saved answer is decided again on the stored draft.
   */
  async answer(reporter: Reporter, input: IntakeInput, step?: string): Promise<IntakeReply[]> {
    const onCopy = await this.answerOn(reporter, input, step, false);
    return onCopy === DECIDE_FRESH ? ((await this.answerOn(reporter, input, step, true)) as IntakeReply[]) : onCopy;
  }

  private async answerOn(reporter: Reporter, input: IntakeInput, step: string | undefined, fresh: boolean): Promise<IntakeReply[] | typeof DECIDE_FRESH> {
    const stored = await this.deps.drafts.get(reporter.aadObjectId, { fresh });
    const copy = stored?.fromCopy === true;
    if (!stored || stored.draft.status !== 'open') return copy ? DECIDE_FRESH : [{ kind: 'noDraft' }];
    // A button on an older question card must not answer the current question.
    if (step !== undefined && step !== stored.draft.current && input.kind === 'form') {
      return copy ? DECIDE_FRESH : [{ kind: 'staleCard' }, ...this.show(stored.draft)];
    }
    const result = answer(stored.draft, input, this.context(stored.draft));
    if (!result.ok) {
      if (copy) return DECIDE_FRESH;
      // A follow-up question remembers what was understood so far: the refused answer changed the draft.
      if (result.draft !== stored.draft) await this.deps.drafts.save(result.draft, { etag: stored.etag });
      return [{ kind: 'invalid', message: result.error }, ...this.show(stored.draft)];
    }
    try {
      await this.deps.drafts.save(result.draft, { etag: stored.etag });
    } catch (error) {
      if (copy && isStaleCopy(error)) return DECIDE_FRESH;
      throw error;
    }
    if (!stored.draft.office && result.draft.office) {
      await this.deps.profiles.save(reporter.aadObjectId, result.draft.office);
    }
    const notices: IntakeReply[] = result.notices.map((notice) => ({ kind: 'notice', notice, pendingAddress: result.draft.pendingAddress }));
    const waitsForAddressChoice = result.notices.some((n) => n.kind === 'addressWarning');
    const unsafe = result.notices.some((n) => n.kind === 'unsafe');
    return waitsForAddressChoice || unsafe ? notices : [...notices, ...this.show(result.draft)];
  }

  /** "wijzig" on the summary. */
  async edit(reporter: Reporter, stepId: IntakeStepId): Promise<IntakeReply[]> {
    const stored = await this.openDraft(reporter);
    if (!stored) return [{ kind: 'noDraft' }];
    const draft = editStep(stored.draft, stepId, this.deps.clock.now());
    await this.deps.drafts.save(draft, { etag: stored.etag });
    return this.show(draft);
  }

  /** "stop": ask first; nothing is thrown away without a confirmation. */
  async requestCancel(reporter: Reporter): Promise<IntakeReply[]> {
    return (await this.openDraft(reporter)) ? [{ kind: 'confirmCancel' }] : [{ kind: 'noDraft' }];
  }

  async confirmCancel(reporter: Reporter): Promise<IntakeReply[]> {
    const stored = await this.openDraft(reporter);
    if (!stored) return [{ kind: 'noDraft' }];
    await this.deps.drafts.delete(reporter.aadObjectId);
    this.deps.logger.info('intake.cancelled');
    return [{ kind: 'cancelled' }];
  }

  /** "Verstuur": the draft becomes a case, exactly once, however often the button is pressed. */
  async submit(reporter: Reporter, draftId: string): Promise<IntakeReply[]> {
    const stored = await this.deps.drafts.get(reporter.aadObjectId, { fresh: true });
    if (!stored || stored.draft.id !== draftId) return [{ kind: 'staleCard' }, ...(stored?.draft.status === 'open' ? this.show(stored.draft) : [])];
    if (stored.submittedCase) return this.alreadySubmitted(stored.submittedCase.id);
    if (stored.draft.status !== 'open') return [{ kind: 'noDraft' }];
    if (!isComplete(stored.draft)) return this.show(stored.draft);

    // A case already made from this draft (an earlier submit that failed half-way): no new number.
    if (await this.deps.cases.get(stored.draft.id)) return this.alreadySubmitted(stored.draft.id);

    const now = this.deps.clock.now();
    const draft = stored.draft;
    const office = draft.office!;
    const year = caseNumberYear(now);
    const caseNumber = formatCaseNumber(year, await this.deps.caseNumbers.next(year));
    const organisationId = office.organisationId;
    let change: CaseChange;
    try {
      const report = toIncidentReport(draft);
      const earlier = await this.deps.registration.earlierCases({ id: draft.id, organisationId, registeredAt: now, perpetratorKeys: perpetratorKeys(report) });
      change = submitCase(
        {
          id: draft.id,
          caseNumber,
          organisationId,
          officeHolder: { aadObjectId: reporter.aadObjectId, name: draft.officeHolder.name, role: office.role },
          report,
          earlierCasesOfPerpetrator: earlier,
        },
        now,
        this.deps.workingDays,
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      this.deps.logger.warn('intake.submit_refused', { code: error.code });
      return [{ kind: 'invalid', message: userMessageOf(error) }, ...this.show(draft)];
    }
    const newCase = change.case;
    // The case id is the draft id: a second, racing submit finds the first one's case.
    if ((await this.deps.registration.register(change)) === 'exists') return this.alreadySubmitted(draft.id);
    await this.deps.drafts.save({ ...draft, status: 'submitted', updatedAt: now.toISOString() }, {
      etag: stored.etag,
      submittedCase: { id: newCase.id, caseNumber: newCase.caseNumber },
    }).catch(() => undefined); // the case is stored; a lost race on the draft row changes nothing for the user
    this.deps.logger.info('intake.submitted', { caseId: newCase.id, caseNumber: newCase.caseNumber });
    return [{ kind: 'submitted', case: newCase, supportLines: supportLinesFor(office.role), repeated: false }];
  }

  private async alreadySubmitted(caseId: string): Promise<IntakeReply[]> {
    const existing = await this.deps.cases.get(caseId);
    if (!existing) return [{ kind: 'noDraft' }];
    // Completes what failed the first time (e.g. the desk card). The outbox leases each effect, so a
    // double click cannot post the case card twice.
    this.deps.registration.retryEffects(caseId);
    return [{ kind: 'submitted', case: existing.case, supportLines: supportLinesFor(existing.case.officeHolder.role), repeated: true }];
  }

  private show(draft: IntakeDraft): IntakeReply[] {
    if (draft.current === 'summary') return [{ kind: 'summary', draftId: draft.id, items: summarise(draft) }];
    return [{ kind: 'question', prompt: currentPrompt(draft, this.context(draft)) }];
  }

  /**
   * Someone the directory knows may only report for the organisations where they hold office (the
   * case goes to that organisation's desk and its informed people); others choose among all
   * configured organisations.
   */
  private context(draft: IntakeDraft): IntakeContext {
    const configured = this.deps.directory.configuredOrganisationIds();
    const own = new Set(this.deps.directory.officesOf(draft.officeHolder.aadObjectId).map((o) => o.organisationId));
    const allowed = own.size > 0 ? configured.filter((id) => own.has(id)) : configured;
    return { now: this.deps.clock.now(), allowedOrganisationIds: allowed };
  }

  /** The open draft as stored (never a copy: what the user is shown must be current). */
  private async openDraft(reporter: Reporter): Promise<StoredDraft | undefined> {
    const stored = await this.deps.drafts.get(reporter.aadObjectId, { fresh: true });
    return stored && stored.draft.status === 'open' ? stored : undefined;
  }

  /** The directory wins (it is the organisation's own record); otherwise what the user said last time. */
  private async knownOffice(aadObjectId: string): Promise<KnownOffice | undefined> {
    const configured = new Set(this.deps.directory.configuredOrganisationIds());
    const offices = this.deps.directory.officesOf(aadObjectId).filter((o) => configured.has(o.organisationId));
    if (offices.length === 1) return offices[0];
    if (offices.length > 1) return undefined; // several offices: let the user say which one this is about
    const remembered = await this.deps.profiles.get(aadObjectId);
    return remembered && configured.has(remembered.organisationId) ? remembered : undefined;
  }
}
