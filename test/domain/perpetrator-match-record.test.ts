import { caseEventSchema, recordPerpetratorMatch } from '../../src/domain/case';
import { HANDLER, OFFICE_HOLDER, submitted } from '../support/registration-cases';

describe('recordPerpetratorMatch', () => {
  const c = submitted({ id: 'case-2', registeredAt: new Date('2026-11-30T09:00:00Z') });
  const now = new Date('2026-11-30T10:00:00Z');
  const match = { otherCaseId: 'case-1', otherCaseNumber: 'WB-2026-00001', decision: 'confirmed' } as const;

  it('keeps a handler\'s decision as one event with the other case by id and number, and leaves the case as it was', () => {
    const change = recordPerpetratorMatch(c, match, HANDLER, now);
    expect(change.events).toEqual([expect.objectContaining({ type: 'perpetratorMatchDecided', caseId: 'case-2', byAadObjectId: HANDLER, actor: 'handler', at: now, ...match })]);
    expect(caseEventSchema.parse(change.events[0])).toEqual(change.events[0]);
    expect(change.case).toEqual(c);
  });

  it('refuses the office holder: only a handler decides on other cases of the perpetrator', () => {
    expect(() => recordPerpetratorMatch(c, match, OFFICE_HOLDER, now)).toThrow(expect.objectContaining({ code: 'CASE.NOT_ALLOWED' }));
  });
});
