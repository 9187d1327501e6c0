import { MEASURE_KIND_LABELS, MEASURE_KINDS, suggestMeasures, validateMeasureItems, type MeasureKind } from '../../src/domain/measures';
import type { BehaviourLevel, CriminalOffenceAnswer, Damage } from '../../src/domain/report';

const NO_DAMAGE: Damage = { propertyDamage: false, absenceFromWork: false };
const KNOWN = { known: true } as const;

describe('suggestMeasures: proportionate to the behaviour, heavier for recidive', () => {
  it.each<[string, BehaviourLevel, CriminalOffenceAnswer, Damage, number, MeasureKind[]]>([
    // Lighter cases, first time: a written warning is often enough.
    ['level 1, first time', 1, 'no', NO_DAMAGE, 0, ['writtenWarning', 'aftercare']],
    ['level 2, first time', 2, 'no', NO_DAMAGE, 0, ['writtenWarning', 'aftercare']],
    ['level 3, first time', 3, 'no', NO_DAMAGE, 0, ['writtenWarning', 'aftercare']],
    // Recidive: a conversation instead of a warning, with restrictions.
    ['level 1, one earlier case', 1, 'no', NO_DAMAGE, 1, ['restrictiveMeasures', 'combinedMeeting', 'aftercare']],
    ['level 3, three earlier cases', 3, 'no', NO_DAMAGE, 3, ['restrictiveMeasures', 'combinedMeeting', 'aftercare']],
    // Threats: heavier behaviour.
    ['level 4 without offence', 4, 'no', NO_DAMAGE, 0, ['restrictiveMeasures', 'combinedMeeting', 'aftercare']],
    ['level 4, threat as an offence', 4, 'yes', NO_DAMAGE, 0, ['restrictiveMeasures', 'combinedMeeting', 'policeReport', 'aftercare']],
    ['level 3, reporter unsure about an offence', 3, 'unsure', NO_DAMAGE, 0, ['writtenWarning', 'policeReport', 'aftercare']],
    // Physical violence always leads to aangifte, whatever the reporter answered.
    ['level 5, reporter said no offence', 5, 'no', NO_DAMAGE, 0, ['restrictiveMeasures', 'combinedMeeting', 'policeReport', 'aftercare']],
    // Damage is always recovered.
    ['level 2 with property damage', 2, 'no', { propertyDamage: true, absenceFromWork: false }, 0, ['writtenWarning', 'damageRecovery', 'aftercare']],
    ['level 4 with absence from work', 4, 'no', { propertyDamage: false, absenceFromWork: true }, 0, ['restrictiveMeasures', 'combinedMeeting', 'damageRecovery', 'aftercare']],
    [
      'level 5, vandalism, recidive',
      5,
      'yes',
      { propertyDamage: true, absenceFromWork: true },
      2,
      ['restrictiveMeasures', 'combinedMeeting', 'policeReport', 'damageRecovery', 'aftercare'],
    ],
  ])('%s', (_what, level, criminalOffenceSuspected, damage, earlier, expected) => {
    expect(suggestMeasures({ level, criminalOffenceSuspected, damage, perpetrator: KNOWN }, earlier)).toEqual(expected);
  });

  // "Met de pleger volgt idealiter binnen 72 uur na het incident een incidentgesprek": with an unknown
  // perpetrator there is nobody to talk to or to warn, so no conversation, warning or contact agreements.
  it.each<[string, BehaviourLevel, CriminalOffenceAnswer, Damage, number, MeasureKind[]]>([
    ['level 5 by an unknown perpetrator: police and aftercare, no combined incidentgesprek', 5, 'yes', NO_DAMAGE, 0, ['policeReport', 'aftercare']],
    ['level 4 unknown, "recidive" cannot be known', 4, 'no', NO_DAMAGE, 2, ['aftercare']],
    ['level 1 unknown: no written warning to nobody', 1, 'no', NO_DAMAGE, 0, ['aftercare']],
    ['level 2 unknown with damage: still recovered ("wordt deze altijd verhaald")', 2, 'no', { propertyDamage: true, absenceFromWork: false }, 0, ['damageRecovery', 'aftercare']],
  ])('unknown perpetrator — %s', (_what, level, criminalOffenceSuspected, damage, earlier, expected) => {
    expect(suggestMeasures({ level, criminalOffenceSuspected, damage, perpetrator: { known: false } }, earlier)).toEqual(expected);
  });

  it('never suggests a written warning together with a conversation, and always offers aftercare', () => {
    for (const level of [1, 2, 3, 4, 5] as const) {
      for (const earlier of [0, 1]) {
        const kinds = suggestMeasures({ level, criminalOffenceSuspected: 'no', damage: NO_DAMAGE, perpetrator: KNOWN }, earlier);
        expect(kinds).toContain('aftercare');
        expect(kinds.includes('writtenWarning')).toBe(!kinds.includes('combinedMeeting'));
      }
    }
  });
});

describe('measure labels and ids', () => {
  it('has a Dutch label for every kind', () => {
    expect(Object.keys(MEASURE_KIND_LABELS).sort()).toEqual([...MEASURE_KINDS].sort());
    expect(MEASURE_KIND_LABELS.combinedMeeting).toBe('Gecombineerd incident- en herstelgesprek');
  });

  it('numbers measures per proposal round and copies the end date', () => {
    const endsAt = new Date('2026-12-21T11:00:00Z');
    const measures = validateMeasureItems([{ kind: 'aftercare' }, { kind: 'restrictiveMeasures', endsAt }], 3, new Date('2026-11-30T09:00:00Z'));
    expect(measures.map((m) => m.id)).toEqual(['m3-1', 'm3-2']);
    expect(measures[1].endsAt).toEqual(endsAt);
    expect(measures[1].endsAt).not.toBe(endsAt);
  });

  it('refuses a kind that is not on the list (untrusted card data)', () => {
    expect(() => validateMeasureItems([{ kind: 'banishment' as MeasureKind }], 1, new Date('2026-11-30T09:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'CASE.MEASURES_REQUIRED' }),
    );
  });
});
