import {
  BEHAVIOUR_LEVELS,
  INCIDENT_KINDS,
  incidentReportSchema,
  isSeriousIncident,
  needsPoliceAppointment,
  type IncidentReport,
} from '../../src/domain/report';
import { INCIDENT_KIND_LABELS } from '../../src/copy/report.copy';

const valid: IncidentReport = {
  incidentAt: '2026-11-29T19:30:00Z',
  place: { mode: 'online', channel: 'socialeMedia', detail: 'X' },
  description: 'Dreigende reactie onder een bericht over het nieuwe azc.',
  level: 4,
  kinds: ['bedreiging', 'onlineAgressie'],
  perpetrator: { known: false, type: 'persoon', name: '@anoniem123' },
  evidence: {
    files: [{ fileName: 'screenshot.png', contentType: 'image/png', sizeBytes: 12345, sha256: 'a'.repeat(64), blobName: 'case-1/1.png' }],
    keptOriginals: 'Origineel bericht bewaard; screenshot bij de griffie.',
  },
  injury: [],
  damage: { propertyDamage: false, absenceFromWork: false },
  criminalOffenceSuspected: 'unsure',
  feltHindered: false,
};

describe('incidentReportSchema', () => {
  it('accepts a complete report, also when the office holder felt no hindrance', () => {
    expect(incidentReportSchema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['no kind', { kinds: [] }],
    ['the same kind twice', { kinds: ['pesten', 'pesten'] }],
    ['level 6', { level: 6 }],
    ['a local time without Z', { incidentAt: '2026-11-29T20:30:00' }],
    ['an unknown channel', { place: { mode: 'online', channel: 'fax' } }],
    ['a description over 4000 characters', { description: 'x'.repeat(4001) }],
    ['an empty description', { description: '   ' }],
    ['"none" as an injury', { injury: ['none'] }],
    ['an unknown field', { homeAddress: 'Dorpsstraat 1' }],
    ['a bad checksum', { evidence: { files: [{ ...valid.evidence.files[0], sha256: 'xyz' }] } }],
  ])('rejects a report with %s', (_name, change) => {
    expect(incidentReportSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});

describe('labels', () => {
  it('names the five levels of the ik–jullie–jij ladder in Dutch', () => {
    expect(BEHAVIOUR_LEVELS.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect(BEHAVIOUR_LEVELS[4].title).toBe('Fysiek geweld');
    expect(Object.keys(INCIDENT_KIND_LABELS).sort()).toEqual([...INCIDENT_KINDS].sort());
  });
});

describe('isSeriousIncident (Arbeidsinspectie within 24 hours)', () => {
  it.each([
    [[], false],
    [['physical'], true],
    [['mental'], true],
    [['hospital'], true],
    [['lasting'], true],
    [['death'], true],
  ] as [IncidentReport['injury'], boolean][])('injury %p → %p', (injury, serious) => {
    expect(isSeriousIncident({ injury })).toBe(serious);
  });
});

describe('needsPoliceAppointment', () => {
  it.each([
    ['yes', 3, true],
    ['unsure', 3, true],
    ['no', 4, false],
    ['no', 5, true],
  ] as [IncidentReport['criminalOffenceSuspected'], IncidentReport['level'], boolean][])(
    'suspected %s at level %i → %p',
    (criminalOffenceSuspected, level, needed) => {
      expect(needsPoliceAppointment({ criminalOffenceSuspected, level })).toBe(needed);
    },
  );
});
