import { registrationRow, registrationRowSchema } from '../../../src/domain/registration/registration-row';
import { closed, measuresApproved, submitted, taken, ticked } from '../../support/registration-cases';

// Monday 30 November 2026, 10:00 in Amsterdam.
const REGISTERED = new Date('2026-11-30T09:00:00Z');

describe('registrationRow', () => {
  it('keeps the categories of a report and nothing that names or describes anyone', () => {
    const c = submitted({
      registeredAt: REGISTERED,
      report: {
        place: { mode: 'online', channel: 'socialeMedia', detail: '@dreiger op X' },
        description: 'Hij schreef dat hij weet waar ik woon.',
        perpetrator: { known: true, type: 'persoon', name: 'Jan Pietersen', licencePlate: '12-ABC-3', characteristics: 'Groene jas' },
        witnesses: 'Karin Bakker',
        motive: 'Boos over het besluit',
        injury: ['mental'],
        damage: { propertyDamage: true, absenceFromWork: false, description: 'Ruit kapot' },
        evidence: { files: [{ fileName: 'screenshot.png', contentType: 'image/png', sizeBytes: 10, sha256: 'a'.repeat(64), blobName: 'evidence/x' }] },
        aftercareWishes: 'Even praten',
      },
    });
    const row = registrationRow(c, { earlierCasesOfPerpetrator: 2 });
    expect(row).toEqual({
      version: 1,
      incidentDate: '2026-11-30',
      reportedDate: '2026-11-30',
      organisationId: 'gemeente-utrecht',
      officeHolderRole: 'wethouder',
      level: 4,
      kinds: ['bedreiging'],
      domains: ['emotioneel', 'financieel'],
      channel: 'online',
      onlineChannel: 'socialeMedia',
      injury: ['mental'],
      propertyDamage: true,
      absenceFromWork: false,
      criminalOffenceSuspected: 'no',
      policeReport: 'none',
      repeatPerpetrator: true,
      status: 'submitted',
      measures: { dueAt: '2026-12-03T08:00:00.000Z', outcome: 'open' },
      openDeadlineDueAt: '2026-12-01T08:00:00.000Z', // the Arbeidsinspectie (mental injury): 24 hours
    });
    const text = JSON.stringify(row);
    for (const personal of ['Jan', 'Pietersen', '12-ABC', 'Karin', 'jas', 'woon', '@dreiger', 'Ruit', 'screenshot', 'praten', 'besluit', c.id, c.caseNumber, c.officeHolder.aadObjectId, 'Sanne']) {
      expect(text).not.toContain(personal);
    }
  });

  it('dates the incident and the report by the Amsterdam calendar', () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Amsterdam.
    const c = submitted({ registeredAt: new Date('2026-11-30T23:30:00Z'), report: { incidentAt: '2026-11-29T23:10:00Z' } });
    const row = registrationRow(c, { earlierCasesOfPerpetrator: 0 });
    expect([row.incidentDate, row.reportedDate]).toEqual(['2026-11-30', '2026-12-01']);
  });

  it('records how long the case waited to be taken', () => {
    const row = registrationRow(taken(submitted({ registeredAt: REGISTERED }), 95), { earlierCasesOfPerpetrator: 0 });
    expect(row.takenAfterMinutes).toBe(95);
    expect(row.status).toBe('inProgress');
  });

  it('says the measures came on time when approved within 72 hours of the incident, and no deadline is open', () => {
    const row = registrationRow(measuresApproved(submitted({ registeredAt: REGISTERED }), 60), { earlierCasesOfPerpetrator: 0 });
    expect(row.measures.outcome).toBe('onTime');
    expect(row.openDeadlineDueAt).toBeUndefined();
  });

  it('says the measures were missed when approved after 72 hours, or when the case closed without them', () => {
    const late = registrationRow(measuresApproved(submitted({ registeredAt: REGISTERED }), 5 * 24 * 60), { earlierCasesOfPerpetrator: 0 });
    expect(late.measures.outcome).toBe('missed');
    const without = registrationRow(closed(submitted({ registeredAt: REGISTERED }), 'noResponse', 30), { earlierCasesOfPerpetrator: 0 });
    expect(without.measures.outcome).toBe('missed');
    expect(without.closedWith).toBe('noResponse');
    expect(without.status).toBe('closed');
    expect(without.openDeadlineDueAt).toBeUndefined();
  });

  it('follows the police appointment and the melding or aangifte through the checklist', () => {
    const suspected = submitted({ registeredAt: REGISTERED, report: { criminalOffenceSuspected: 'yes' } });
    const planned = registrationRow(suspected, { earlierCasesOfPerpetrator: 0 });
    // 17:00 on the second working day after Monday 30 November: Wednesday 2 December.
    expect(planned.policeAppointment).toEqual({ dueAt: '2026-12-02T16:00:00.000Z', outcome: 'open' });
    expect(planned.policeReport).toBe('planned');
    const made = registrationRow(ticked(taken(suspected, 5), [3, 4], 60), { earlierCasesOfPerpetrator: 0 });
    expect(made.policeAppointment?.outcome).toBe('onTime');
    expect(made.policeReport).toBe('made');
  });

  it('records a closed case with a response towards the perpetrator', () => {
    const row = registrationRow(closed(submitted({ registeredAt: REGISTERED }), 'response', 120), { earlierCasesOfPerpetrator: 0 });
    expect(row.closedWith).toBe('response');
    expect(registrationRowSchema.safeParse(row).success).toBe(true);
  });

  it('refuses rows with free text or unknown fields at the boundary', () => {
    const row = registrationRow(submitted({ registeredAt: REGISTERED }), { earlierCasesOfPerpetrator: 0 });
    expect(registrationRowSchema.safeParse({ ...row, description: 'vrije tekst' }).success).toBe(false);
    expect(registrationRowSchema.safeParse({ ...row, organisationId: 'gemeente-nergens' }).success).toBe(false);
  });
});
