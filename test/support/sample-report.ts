import type { IncidentReport } from '../../src/domain/report';

/** A plain, valid report (threat after a council meeting, no injury, no crime suspected); override what a test is about. */
export function sampleReport(overrides: Partial<IncidentReport> = {}): IncidentReport {
  return {
    incidentAt: '2026-11-30T09:00:00Z',
    place: { mode: 'offline', location: 'Stadhuisplein' },
    description: 'Een man dreigde na afloop van de vergadering.',
    level: 4,
    kinds: ['bedreiging'],
    perpetrator: { known: false, type: 'persoon' },
    evidence: { files: [] },
    injury: [],
    damage: { propertyDamage: false, absenceFromWork: false },
    criminalOffenceSuspected: 'no',
    feltHindered: true,
    ...overrides,
  };
}
