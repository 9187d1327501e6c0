import type { Case } from '../../../src/domain/case';
import { monthCounterNames, registrationDelta } from '../../../src/domain/registration/counters';
import { buildFigures } from '../../../src/domain/registration/figures';
import { figureView, medianTakeTimeText } from '../../../src/copy/figure-view.copy';
import { registrationRow } from '../../../src/domain/registration/registration-row';
import { InMemoryCounters } from '../../support/in-memory-counters';
import { closed, measuresApproved, submitted, taken } from '../../support/registration-cases';

// Monday 30 November 2026, 13:00 in Amsterdam.
const NOW = new Date('2026-11-30T12:00:00Z');
const row = (c: Case) => registrationRow(c, { earlierCasesOfPerpetrator: 0 });

/** Six cases of Gemeente Utrecht, in different states and months. */
function sampleCounters(): InMemoryCounters {
  const counters = new InMemoryCounters();
  const cases: Case[] = [
    // New this morning: its 72 hours are still running.
    submitted({ id: 'a', registeredAt: new Date('2026-11-30T09:00:00Z') }),
    // Ten days old, never taken, crime suspected: measures and police appointment overdue.
    submitted({ id: 'b', registeredAt: new Date('2026-11-20T09:00:00Z'), report: { criminalOffenceSuspected: 'yes', kinds: ['bedreiging', 'intimidatie'] } }),
    // Taken after 30 minutes, measures within the hour, closed with a response.
    closed(measuresApproved(taken(submitted({ id: 'c', registeredAt: new Date('2026-10-05T09:00:00Z'), role: 'burgemeester' }), 30), 60), 'response', 600),
    // Taken after 3 hours, closed without measures: perpetrator unknown.
    closed(taken(submitted({ id: 'd', registeredAt: new Date('2026-06-10T09:00:00Z'), report: { place: { mode: 'online', channel: 'email' } } }), 180), 'noResponse', 400),
    // The period before.
    submitted({ id: 'e', registeredAt: new Date('2025-06-15T09:00:00Z') }),
    // Older than 24 months: in no period.
    submitted({ id: 'f', registeredAt: new Date('2024-10-01T09:00:00Z') }),
  ];
  for (const c of cases) counters.record(undefined, row(c));
  return counters;
}

describe('registrationDelta', () => {
  it('moves a case between counters as it changes: the sum of its steps is its last row', () => {
    const start = submitted({ registeredAt: new Date('2026-11-30T09:00:00Z'), report: { criminalOffenceSuspected: 'yes' } });
    const steps = [start, taken(start, 20), measuresApproved(taken(start, 20), 120)];
    const walked = new InMemoryCounters();
    let before: ReturnType<typeof row> | undefined;
    for (const c of steps) {
      walked.record(before, row(c));
      before = row(c);
    }
    const direct = new InMemoryCounters();
    direct.record(undefined, row(steps[2]));
    expect(walked.months).toEqual(direct.months);
    expect(walked.due).toEqual(direct.due);
    expect(walked.months.get('2026-11')).toMatchObject({ n: 1, status_measuresApproved: 1, measures_onTime: 1, taken: 1 });
    expect(walked.months.get('2026-11')?.status_submitted).toBeUndefined();
  });

  it('gives an empty delta when nothing the figures count changed', () => {
    const c = submitted({ registeredAt: new Date('2026-11-30T09:00:00Z') });
    const delta = registrationDelta(row(c), row(c));
    expect(delta.months.size + delta.due.size).toBe(0);
  });

  it('counts a report once in each of its kinds and injuries', () => {
    const c = submitted({ registeredAt: new Date('2026-11-30T09:00:00Z'), report: { kinds: ['bedreiging', 'racisme'], injury: ['physical', 'hospital'] } });
    expect(monthCounterNames(row(c))).toEqual(expect.arrayContaining(['kind_bedreiging', 'kind_racisme', 'injury_any', 'injury_physical', 'injury_hospital']));
  });
});

describe('buildFigures', () => {
  const scope = { kind: 'organisation', organisationId: 'gemeente-utrecht' } as const;

  it('counts reports per registration month over 24 months, and the two 12-month periods', () => {
    const figures = buildFigures(sampleCounters().source(), scope, NOW);
    expect(figures.perMonth).toHaveLength(24);
    expect(figures.perMonth[0].month).toBe('2024-12');
    expect(figures.perMonth[23]).toEqual({ month: '2026-11', count: 2 });
    expect(figures.perMonth.find((m) => m.month === '2025-06')?.count).toBe(1);
    expect([figures.recentTotal, figures.previousTotal]).toEqual([4, 1]);
  });

  it('splits the recent period by role, channel and kind', () => {
    const figures = buildFigures(sampleCounters().source(), scope, NOW);
    const items = (dimension: string) => Object.fromEntries((figures.breakdowns.find((b) => b.dimension === dimension)?.items ?? []).map((i) => [i.key, i.count]));
    expect(items('role')).toEqual({ burgemeester: 1, wethouder: 3, gemeenteraadslid: 0 });
    expect(items('channel')).toEqual({ offline: 3, online: 1 });
    expect(items('kind')).toMatchObject({ bedreiging: 4, intimidatie: 1, racisme: 0 });
    expect(figures.breakdowns.some((b) => b.dimension === 'organisation')).toBe(false);
  });

  it('counts the recent reports per plane of the behaviour, a report in each of its planes', () => {
    const counters = sampleCounters();
    // Kicked and his bike destroyed: physical and financial.
    counters.record(undefined, row(submitted({ id: 'g', registeredAt: new Date('2026-11-29T09:00:00Z'), report: { kinds: ['fysiekeAgressie', 'vernieling'], level: 5 } })));
    counters.record(undefined, row(submitted({ id: 'h', registeredAt: new Date('2026-11-28T09:00:00Z'), report: { kinds: ['seksueleIntimidatie'] } })));
    const figures = buildFigures(counters.source(), scope, NOW);
    const domains = figures.breakdowns.find((b) => b.dimension === 'domain');
    expect(domains?.additive).toBe(false);
    expect(Object.fromEntries((domains?.items ?? []).map((i) => [i.key, i.count]))).toEqual({ fysiek: 1, emotioneel: 4, seksueel: 1, financieel: 1 });
  });

  it('counts open cases whose deadline has passed, from the hour after it on', () => {
    const source = sampleCounters().source();
    // b, and e and f from long ago (never taken), whatever their month.
    expect(buildFigures(source, scope, NOW).openOverdue).toBe(3);
    // Case b's first deadline, the measures, fell due on 23 November at 08:00 UTC.
    expect(buildFigures(source, scope, new Date('2026-11-23T08:30:00Z')).openOverdue).toBe(2);
    expect(buildFigures(source, scope, new Date('2026-11-23T09:00:00Z')).openOverdue).toBe(3);
  });

  it('measures the guide: median time to take, measures and police on time, closed with a response', () => {
    const { compliance } = buildFigures(sampleCounters().source(), scope, NOW);
    expect(compliance.taken).toBe(2);
    expect(medianTakeTimeText(compliance.medianTakeTime!)).toBe('30 minuten tot 4 uur');
    // On time: c. Missed: d (closed without), b (open, passed). Not yet due: a.
    expect(compliance.measures).toEqual({ onTime: 1, decided: 3, notYetDue: 1 });
    expect(compliance.policeAppointment).toEqual({ onTime: 0, decided: 1, notYetDue: 0 });
    expect([compliance.closedWithResponse, compliance.closed]).toEqual([1, 2]);
  });

  it('shows a desk its own exact numbers, in Dutch', () => {
    const view = figureView(buildFigures(sampleCounters().source(), scope, NOW), { crossOrganisation: false });
    expect(view.title).toBe('Cijfers Gemeente Utrecht');
    expect(view.periodText).toBe('december 2025 t/m november 2026 (tot en met maandag 30 november 2026)');
    expect(view.privacyNote).toBeUndefined();
    expect(view.summary).toContainEqual({ title: 'Open zaken met verstreken termijn', value: '3' });
    expect(view.compliance).toContainEqual({ title: 'Maatregelen binnen 72 uur', value: '1 van 3 (33%); 1 nog binnen de termijn' });
    expect(view.trendWord).toBe('gelijk');
    expect(view.trendSentence).toMatch(/^Te weinig meldingen om een trend te zien/);
  });
});

describe('the coordinator view', () => {
  it('shows no count below 5, and guide figures only for organisations with 5 or more reports', () => {
    const counters = new InMemoryCounters();
    const organisations = new Map<string, InMemoryCounters>();
    const add = (organisationId: string, n: number) => {
      for (let i = 0; i < n; i++) {
        const r = row(taken(submitted({ id: `${organisationId}-${i}`, organisationId, role: organisationId === 'provincie-utrecht' ? 'statenlid' : 'gemeenteraadslid', registeredAt: new Date(Date.UTC(2026, i % 11, 10, 9)) }), 45));
        counters.record(undefined, r);
        const own = organisations.get(organisationId) ?? new InMemoryCounters();
        own.record(undefined, r);
        organisations.set(organisationId, own);
      }
    };
    add('gemeente-utrecht', 20);
    add('gemeente-zeist', 3);
    add('provincie-utrecht', 8);
    const figures = buildFigures(
      { ...counters.source(), organisations: new Map([...organisations].map(([id, c]) => [id, { months: c.months, due: c.dueBuckets() }])) },
      { kind: 'province' },
      NOW,
    );
    const view = figureView(figures, { crossOrganisation: true });
    const shown = [...view.summary, ...view.breakdowns.flatMap((b) => b.facts), ...view.months.map((m) => ({ title: m.label, value: m.text }))];
    for (const fact of shown) expect(fact.value).not.toMatch(/^[1-4]$/);
    for (const fact of view.perOrganisation ?? []) expect(fact.value).not.toMatch(/^[1-4] /);
    const organisationsShown = Object.fromEntries((view.perOrganisation ?? []).map((f) => [f.title, f.value]));
    expect(Object.keys(organisationsShown)).toEqual(['Provincie Utrecht', 'Gemeente Utrecht', 'Gemeente Zeist']);
    expect(organisationsShown['Gemeente Zeist']).toBe('< 5 meldingen');
    expect(organisationsShown['Gemeente Utrecht']).toMatch(/^20 meldingen · oppakken 30 minuten tot 1 uur · maatregelen /);
    // 31 − 20 − 8 would give Zeist's 3 away: the smallest other count is hidden too.
    expect(organisationsShown['Provincie Utrecht']).toMatch(/^≥ 5 meldingen · oppakken /);
    expect(view.privacyNote).toMatch(/< 5/);
  });
});
