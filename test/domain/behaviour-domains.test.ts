/**
 * Issue 10 point 8: the planes of the behaviour, recorded with the kinds, and the ladder's level 1.
 * Each row names the guide's sentence it follows (Handreiking Weerbaar Bestuur Utrecht).
 */
import { behaviourDomains, domainsOf, KIND_DOMAINS } from '../../src/domain/behaviour-domains';
import { BEHAVIOUR_DOMAINS, BEHAVIOUR_LEVELS, INCIDENT_KINDS, incidentReportSchema, type BehaviourDomain, type IncidentKind } from '../../src/domain/report';
import { INTAKE_STEPS } from '../../src/dialogue/intake';
import { sampleReport } from '../support/sample-report';

const PLANES = 'ch. 1: "Grensoverschrijdend gedrag kan voorkomen op fysiek, emotioneel, seksueel of financieel vlak"';
const VANDALISM = 'ch. 1 example: "Vernieling van andermans goederen of bezittingen"';
const DAMAGE = 'ch. 5 Schade verhalen: damage to property and absence from work are always recovered';
const LEVEL5 = 'ch. 4 Fysiek geweld: "Schoppen, Slaan, Spugen, Beetpakken, Trekken, Vernielen, Voorwerpen gooien"';

describe('behaviour domains (issue 10.8)', () => {
  it(`knows the four planes of the guide, ${PLANES}`, () => {
    expect(BEHAVIOUR_DOMAINS).toEqual(['fysiek', 'emotioneel', 'seksueel', 'financieel']);
  });

  it('puts every kind on at least one plane', () => {
    for (const kind of INCIDENT_KINDS) expect(KIND_DOMAINS[kind].length).toBeGreaterThan(0);
  });

  it.each<[string, IncidentKind[], Partial<Parameters<typeof sampleReport>[0]>, BehaviourDomain[]]>([
    [`${PLANES}: a threat works on feelings`, ['bedreiging'], {}, ['emotioneel']],
    [`${PLANES}: bullying, exclusion, discrimination and racism are emotional`, ['pesten', 'uitsluiten', 'discriminatie', 'racisme'], {}, ['emotioneel']],
    [`${PLANES}: verbal, psychological and online aggression are emotional`, ['verbaleAgressie', 'psychischeAgressie', 'onlineAgressie'], {}, ['emotioneel']],
    [`${PLANES}: physical aggression is physical`, ['fysiekeAgressie'], {}, ['fysiek']],
    [`${PLANES}: sexual intimidation is sexual`, ['seksueleIntimidatie'], {}, ['seksueel']],
    [`${VANDALISM}: physical and financial`, ['vernieling'], {}, ['fysiek', 'financieel']],
    [`${DAMAGE}: property damage makes it financial too`, ['bedreiging'], { damage: { propertyDamage: true, absenceFromWork: false } }, ['emotioneel', 'financieel']],
    [`${DAMAGE}: absence from work makes it financial too`, ['pesten'], { damage: { propertyDamage: false, absenceFromWork: true } }, ['emotioneel', 'financieel']],
    [`${LEVEL5}: physical violence is physical, whatever kinds were ticked`, ['bedreiging'], { level: 5 }, ['fysiek', 'emotioneel']],
    [`${PLANES}: several planes at once, in the guide's order`, ['seksueleIntimidatie', 'fysiekeAgressie', 'intimidatie'], {}, ['fysiek', 'emotioneel', 'seksueel']],
  ])('%s', (_rule, kinds, overrides, expected) => {
    expect(behaviourDomains(sampleReport({ kinds, ...overrides }))).toEqual(expected);
  });

  it('keeps what was recorded; a report stored before domains existed gets them derived', () => {
    expect(domainsOf(sampleReport({ kinds: ['bedreiging'], domains: ['seksueel'] }))).toEqual(['seksueel']);
    expect(domainsOf(sampleReport({ kinds: ['bedreiging'] }))).toEqual(['emotioneel']);
    // An older stored report (no domains) still reads; a wrong plane does not.
    expect(incidentReportSchema.safeParse(sampleReport()).success).toBe(true);
    expect(incidentReportSchema.safeParse({ ...sampleReport(), domains: ['spiritueel'] }).success).toBe(false);
  });
});

describe('the ladder, level 1 (issue 10.8)', () => {
  it('ch. 4 Emotioneel gedrag: "Ook kan de persoon dreigen zichzelf iets aan te doen." is part of level 1', () => {
    expect(BEHAVIOUR_LEVELS[0].explanation).toContain('dreigen zichzelf iets aan te doen');
  });

  it('the intake reads "hij dreigde zichzelf iets aan te doen" as level 1, not as a threat (level 4)', () => {
    const level = INTAKE_STEPS.level;
    const state = { answers: {}, ctx: { now: new Date('2026-11-12T09:00:00Z'), allowedOrganisationIds: ['gemeente-utrecht'] } };
    for (const typed of ['hij dreigde zichzelf iets aan te doen', 'dreigen zichzelf iets aan te doen', 'zichzelf iets aandoen']) {
      expect({ typed, read: level.fromText(typed, state) }).toEqual({ typed, read: { ok: true, value: 1 } });
    }
    expect(level.fromText('dreigen', state)).toEqual({ ok: true, value: 4 });
  });
});
