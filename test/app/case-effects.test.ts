import { effectsOf, figuresEffectsOf } from '../../src/app/case-effects';
import {
  agreeToMeasures,
  approveMeasures,
  closeCase,
  completeTask,
  proposeMeasures,
  recordPerpetratorResponse,
  sendBackProposal,
  submitCase,
  takeCase,
  type Case,
  type CaseChange,
} from '../../src/domain/case';
import type { DirectoryPerson } from '../../src/domain/directory';
import { tickChecklistStep } from '../../src/domain/police-checklist';
import type { InformedRole } from '../../src/domain/roles';
import { sampleReport } from '../support/sample-report';
import { calendar, HANDLER, later, NOW } from '../support/case-moments';

const OFFICE_HOLDER = 'aad-burgemeester';

/** The informed people of the route: the CdK and the griffier for a burgemeester; the office holder is also listed, and skipped. */
const directory = {
  informedPeople: (_organisationId: string, role: InformedRole): DirectoryPerson[] =>
    role === 'commissarisVanDeKoning'
      ? [{ aadObjectId: 'aad-cdk', name: 'CdK' }]
      : role === 'griffier'
        ? [{ aadObjectId: 'aad-griffier', name: 'Griffier' }, { aadObjectId: OFFICE_HOLDER, name: 'Zelf' }]
        : [],
};

const submitted = () =>
  submitCase(
    { id: 'case-fx', caseNumber: 'WB-2026-00090', organisationId: 'gemeente-utrecht', officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'B', role: 'burgemeester' }, report: sampleReport({ criminalOffenceSuspected: 'yes', perpetrator: { known: true, type: 'persoon', name: 'Jan Pietersen' } }) },
    NOW,
    calendar,
  );
const effects = (change: CaseChange) => effectsOf(change.events, change.case, directory);
const kinds = (change: CaseChange) => effects(change).map((e) => e.kind);
const taken = (): Case => takeCase(submitted().case, HANDLER, later(1)).case;
const sendBackProposalFrom = (c: Case): Case => sendBackProposal(c, OFFICE_HOLDER, 'Graag ook nazorg.', later(2)).case;

describe('the policy: which effects a change causes', () => {
  it('a new case: the desk card, a notice to each informed person (not the office holder), the progress card, the reminders', () => {
    expect(effects(submitted())).toEqual([
      { kind: 'postDeskCard' },
      { kind: 'notifyInformed', aadObjectId: 'aad-cdk', role: 'commissarisVanDeKoning' },
      { kind: 'notifyInformed', aadObjectId: 'aad-griffier', role: 'griffier' },
      { kind: 'sendProgressCard' },
      // The perpetrator is named: the coordinator VPT is told if other organisations know them too.
      { kind: 'noticeRecidiveElsewhere' },
      { kind: 'scheduleReminders' },
    ]);
  });

  it('taking the case tells the office holder who took it and updates both views; the reminders stay as they are', () => {
    expect(effects(takeCase(submitted().case, HANDLER, later(1)))).toEqual([
      { kind: 'tellOfficeHolder', message: 'taken' },
      { kind: 'updateDeskCard' },
      { kind: 'updateOfficeHolderCards' },
    ]);
  });

  it('a proposal goes to the office holder; approval and closing tell them; reminders are planned again when deadlines or goals change', () => {
    const proposed = proposeMeasures(taken(), HANDLER, [{ kind: 'incidentMeeting' }], later(2));
    expect(effects(proposed)).toEqual([{ kind: 'sendProposal', round: 1 }, { kind: 'updateDeskCard' }, { kind: 'updateOfficeHolderCards' }, { kind: 'scheduleReminders' }]);
    // A later proposal that keeps the same deadlines leaves the reminders as they are.
    const again = proposeMeasures(
      sendBackProposalFrom(proposed.case),
      HANDLER,
      [{ kind: 'incidentMeeting' }, { kind: 'aftercare' }],
      later(3),
    );
    expect(kinds(again)).toEqual(['sendProposal', 'updateDeskCard', 'updateOfficeHolderCards']);
    const approved = approveMeasures(agreeToMeasures(proposed.case, OFFICE_HOLDER, later(3)).case, HANDLER, later(4));
    expect(kinds(approved)).toEqual(['tellOfficeHolder', 'updateDeskCard', 'updateOfficeHolderCards', 'scheduleReminders']);
    const responded = recordPerpetratorResponse(approved.case, { kind: 'given', summary: 'Gesprek gevoerd.' }, HANDLER, later(5)).case;
    const closed = closeCase(responded, HANDLER, later(6), { riskAssessment: 'a', causeAnalysis: 'b', trendAnalysis: 'c', improvements: 'd' });
    expect(effects(closed)[0]).toEqual({ kind: 'tellOfficeHolder', message: 'closed' });
    expect(kinds(closed)).toContain('scheduleReminders');
  });

  it("a handler's working step the office holder does not follow updates the desk card only", () => {
    expect(kinds(tickChecklistStep(taken(), 1, HANDLER, later(2)))).toEqual(['updateDeskCard']);
    // Step 3 (the police appointment) shows in their progress and stops the police reminders.
    expect(kinds(tickChecklistStep(taken(), 3, HANDLER, later(2)))).toEqual(['updateDeskCard', 'updateOfficeHolderCards', 'scheduleReminders']);
  });

  it('a task done (informing the Minister) is the handlers\' alone', () => {
    const cdk = submitCase(
      { id: 'case-fx2', caseNumber: 'WB-2026-00091', organisationId: 'provincie-utrecht', officeHolder: { aadObjectId: OFFICE_HOLDER, name: 'C', role: 'commissarisVanDeKoning' }, report: sampleReport() },
      NOW,
      calendar,
    ).case;
    expect(kinds(completeTask(cdk, 'task-1', HANDLER, later(2)))).toEqual(['updateDeskCard']);
  });

  it('no events, no effects', () => {
    expect(effectsOf([], taken(), directory)).toEqual([]);
    expect(figuresEffectsOf([], 3)).toEqual([]);
  });

  it('every change is counted in the figures as of its revision', () => {
    expect(figuresEffectsOf(submitted().events, 1)).toEqual([{ kind: 'countFigures', revision: 1 }]);
    expect(figuresEffectsOf(tickChecklistStep(taken(), 4, HANDLER, later(2)).events, 7)).toEqual([{ kind: 'countFigures', revision: 7 }]);
  });
});
