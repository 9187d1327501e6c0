/** The meeting cards, rendered from forms and meetings built with the real domain functions, read and clicked as a handler would. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cancelMeeting } from '../../src/domain/meetings';
import { PERMISSION_DENIED_MESSAGE } from '../../src/graph/graph-errors';
import { ICS_FALLBACK_NOTE } from '../../src/copy/calendar.copy';
import { CardRenderer } from '../../src/teams/cards/card-renderer';
import { CASE_CARD_NAMES, CASE_VERBS, caseCardViewModel, PLANNED_MEETINGS_MAX, type CaseCardOptions } from '../../src/teams/case/case-cards';
import {
  CUSTOM_SLOT,
  MEETING_CARD_NAMES,
  MEETING_INPUT_IDS,
  MEETING_VERBS,
  meetingPlannedViewModel,
  meetingPlanViewModel,
  OFFICE_HOLDER_REASON,
  plannedMeetingInfo,
  TYPED_TIME_NOTE,
} from '../../src/teams/meeting/meeting-cards';
import { caseInStatus, caseSampleTime, caseWithIncidentMeeting, meetingSampleForm, meetingSampleIcsUrl, meetingSamplePlan, meetingSampleRecord } from '../cards/card-fixtures';
import { assertValidTeamsCard } from '../support/card-checks';
import { type Json, execute, executes, input, nodes, readable } from '../support/card-reading';

const renderer = new CardRenderer();
const NOW = caseSampleTime(60); // Monday 30 November 2026, 11:00
const URL = meetingSampleIcsUrl();
const FAILED = { state: 'failed' as const, operation: 'create' as const, failure: { code: 'CALENDAR.PERMISSION_DENIED' as const, message: PERMISSION_DENIED_MESSAGE } };

function render(name: string, viewModel: object): Json {
  const card = renderer.render(name, viewModel);
  assertValidTeamsCard(card, name);
  return card as Json;
}

function planForm(...args: Parameters<typeof meetingSampleForm>): Json {
  return render(MEETING_CARD_NAMES.plan, meetingPlanViewModel(meetingSampleForm(...args), { now: NOW }));
}

describe('the planning form', () => {
  it('shows the deadline, the free slots with the first one chosen, and books with the case and a meeting id only', () => {
    const card = planForm();
    const text = readable(card);
    expect(text).toContain('Incidentgesprek plannen');
    expect(text).toContain('Termijn: Incidentgesprek met de pleger uiterlijk woensdag 2 december 2026 om 20:30 (nog 2 dagen en 9 uur).');
    expect(text).toContain('Voorgestelde tijden waarop jij en de betrokkene vrij zijn volgens Outlook, binnen werktijd, vóór de termijn.');
    const slots = input(card, MEETING_INPUT_IDS.slot);
    expect(slots.style).toBe('expanded');
    expect(slots.value).toBe('2026-11-30T12:00');
    expect((slots.choices as { title: string; value: string }[]).map((c) => c.title)).toEqual([
      'maandag 30 november 12:00–13:00',
      'maandag 30 november 12:30–13:30',
      'maandag 30 november 13:00–14:00',
      'dinsdag 1 december 09:00–10:00',
      'dinsdag 1 december 09:30–10:30',
      'Een ander tijdstip (hieronder kiezen)',
    ]);
    expect((slots.choices as { value: string }[]).at(-1)?.value).toBe(CUSTOM_SLOT);
    expect(execute(card, MEETING_VERBS.book)).toEqual(
      expect.objectContaining({
        title: 'Gesprek inplannen',
        // Ids, the date and time the form showed (a changed field is a typed time), and no overlap accepted yet.
        data: { caseId: 'c0ffee00-0000-4000-8000-000000000001', meetingId: 'd00dfeed-0000-4000-8000-000000000002', shownDate: '2026-11-30', shownTime: '12:00', acceptOverlap: '' },
      }),
    );
  });

  it('has every input the booking reads, with sensible defaults', () => {
    const card = planForm();
    for (const id of Object.values(MEETING_INPUT_IDS)) input(card, id);
    expect(input(card, MEETING_INPUT_IDS.durationMinutes).value).toBe('60');
    expect(input(card, MEETING_INPUT_IDS.online)).toEqual(expect.objectContaining({ type: 'Input.Toggle', value: 'false', valueOn: 'true', valueOff: 'false', title: 'Online, als Teams-vergadering' }));
    expect(input(card, MEETING_INPUT_IDS.inviteOfficeHolder)).toEqual(expect.objectContaining({ value: 'true', title: 'De betrokkene uitnodigen (Anna de Vries)' }));
    expect(input(card, MEETING_INPUT_IDS.inviteCoordinator).value).toBe('false');
    expect(input(card, MEETING_INPUT_IDS.date)).toEqual(expect.objectContaining({ value: '2026-11-30', min: '2026-11-30' }));
    expect(readable(card)).toContain('Deelnemers zien elkaars e-mailadressen niet');
  });

  it('says in one line why the office holder is not invited to a meeting about the incident, and not on a herstelgesprek', () => {
    const incident = render(MEETING_CARD_NAMES.plan, meetingPlanViewModel(meetingSampleForm(undefined, { officeHolderInvited: false }), { now: NOW }));
    expect(input(incident, MEETING_INPUT_IDS.inviteOfficeHolder).value).toBe('false');
    expect(readable(incident)).toContain(OFFICE_HOLDER_REASON);
    const combined = render(MEETING_CARD_NAMES.plan, meetingPlanViewModel(meetingSampleForm(undefined, { kind: 'combinedMeeting', officeHolderInvited: false }), { now: NOW }));
    expect(readable(combined)).toContain(OFFICE_HOLDER_REASON);
    const restoration = render(MEETING_CARD_NAMES.plan, meetingPlanViewModel(meetingSampleForm(caseInStatus('measuresApproved'), { kind: 'restorationMeeting' }), { now: NOW }));
    expect(input(restoration, MEETING_INPUT_IDS.inviteOfficeHolder).value).toBe('true');
    expect(readable(restoration)).not.toContain(OFFICE_HOLDER_REASON);
  });

  it('tells how a typed time and a selected slot go together, and carries an accepted overlap on the book button', () => {
    const card = render(MEETING_CARD_NAMES.plan, meetingPlanViewModel(meetingSampleForm(), { now: NOW, acceptOverlap: '2026-11-30T11:00:00.000Z/90' }));
    expect(readable(card)).toContain(TYPED_TIME_NOTE);
    expect(execute(card, MEETING_VERBS.book).data).toMatchObject({ acceptOverlap: '2026-11-30T11:00:00.000Z/90' });
    // Without proposals there is nothing to choose between: no such line.
    expect(readable(render(MEETING_CARD_NAMES.plan, meetingPlanViewModel(meetingSampleForm(undefined, { slots: [] }), { now: NOW })))).not.toContain(TYPED_TIME_NOTE);
  });

  it('offers to look again without the office holder, keeping the kind', () => {
    const button = execute(planForm(), CASE_VERBS.planMeeting);
    expect(button).toEqual(expect.objectContaining({ title: 'Tijden zoeken zonder de betrokkene', associatedInputs: 'none' }));
    expect(button.data).toEqual({ caseId: 'c0ffee00-0000-4000-8000-000000000001', kind: 'incidentMeeting', withOfficeHolder: 'false' });
  });

  it('without an incidentgesprek among the measures: no deadline, says why, and still proposes slots over the next two weeks', () => {
    const card = planForm(caseInStatus('inProgress'));
    const text = readable(card);
    expect(text).toContain('Incidentgesprek plannen');
    expect(text).toContain('Er loopt geen termijn voor dit gesprek: er is (nog) geen incidentgesprek als maatregel voorgesteld.');
    expect(text).not.toContain('Termijn:');
    expect(text).toContain('Voorgestelde tijden waarop jij en de betrokkene vrij zijn volgens Outlook, binnen werktijd.');
    expect((input(card, MEETING_INPUT_IDS.slot).choices as unknown[]).length).toBeGreaterThan(1);
    expect(execute(card, MEETING_VERBS.book)).toEqual(expect.objectContaining({ title: 'Gesprek inplannen' }));
  });

  it('with an unknown perpetrator: no incidentgesprek deadline, and the form says so', () => {
    const unknown = caseInStatus('measuresProposed', { report: { perpetrator: { known: false, type: 'persoon' } } });
    expect(unknown.measures.map((m) => m.kind)).toContain('combinedMeeting');
    const text = readable(planForm(unknown, { kind: 'combinedMeeting' }));
    expect(text).toContain('Er loopt geen termijn voor dit gesprek: volgens de melding is de pleger onbekend.');
  });

  it('a meeting planned without the deadline gets no "after the 72 hours" warning', () => {
    const c = caseInStatus('inProgress');
    const late = meetingSamplePlan({ date: '2026-12-04', time: '10:00' });
    const card = render(MEETING_CARD_NAMES.planned, meetingPlannedViewModel(meetingSampleRecord(late, undefined, c), c, { now: NOW, icsUrl: URL }));
    expect(readable(card)).not.toMatch(/na de termijn/);
  });

  it('for a case with restrictions, plans the herstelgesprek before their end, and can switch back', () => {
    const card = planForm(caseInStatus('measuresApproved'), { kind: 'restorationMeeting' });
    expect(readable(card)).toContain('Herstelgesprek plannen');
    expect(readable(card)).toContain('Termijn: Herstelgesprek met de pleger uiterlijk maandag 21 december 2026 om 12:00');
    expect(readable(card)).toContain('vóór het einde van de beperkende maatregelen');
    expect(input(card, MEETING_INPUT_IDS.kind).value).toBe('restorationMeeting');
    const switches = executes(card).filter((a) => a.verb === CASE_VERBS.planMeeting).map((a) => [a.title, (a.data as Json).kind]);
    expect(switches).toContainEqual(['Incidentgesprek plannen', 'incidentMeeting']);
  });

  it('without calendar integration says so, and warns that invitees see each other', () => {
    const card = planForm(undefined, { calendar: 'ics', checked: ['handler'] });
    const text = readable(card);
    expect(text).toContain('De agendakoppeling met Microsoft 365 staat uit.');
    expect(text).toContain('Je Outlook-agenda is niet bekeken');
    expect(text).toContain('ziet de e-mailadressen van de andere deelnemers');
    expect(executes(card).filter((a) => a.verb === CASE_VERBS.planMeeting)).toEqual([]);
  });

  it('shows a 403 on the availability in full, so the handler can pass it on to the administrator', () => {
    const card = planForm(undefined, { slots: [], checked: [], availabilityProblem: `Er konden geen vrije tijden worden opgehaald. ${PERMISSION_DENIED_MESSAGE}` });
    expect(readable(card)).toContain(PERMISSION_DENIED_MESSAGE);
    expect(nodes(card, /^Input\./).some((i) => i.id === MEETING_INPUT_IDS.slot)).toBe(false);
    expect(input(card, MEETING_INPUT_IDS.date).label).toBe('Datum');
  });

  it('has no booking button for a handler without an e-mail address', () => {
    const card = planForm(undefined, { organiser: { name: 'Bram Bakker' }, slots: [], checked: [], availabilityProblem: 'Je e-mailadres staat niet in de directory van de bot.' });
    expect(executes(card).map((a) => a.verb)).not.toContain(MEETING_VERBS.book);
  });

  it('says when the proposals fall after the deadline', () => {
    const card = planForm(undefined, { slotsAfterDeadline: true });
    expect(readable(card)).toContain('Vóór de termijn is niemand meer tegelijk vrij binnen werktijd; deze tijden vallen erna.');
  });

  it('after a refused input lists the issues and keeps what was typed, literally and inert', () => {
    const viewModel = meetingPlanViewModel(meetingSampleForm(), {
      now: NOW,
      issues: [{ field: 'attendees.3.email', message: 'Dit is geen geldig e-mailadres. (pleger@)' }, { field: 'location', message: 'Vul een locatie in, of kies voor een online gesprek.' }],
      values: { slot: CUSTOM_SLOT, date: '2026-12-04', time: '15:30', durationMinutes: '45', online: 'false', inviteOfficeHolder: 'false', otherEmails: 'jan_de.boer@example.org, pleger@, ${geheim}' },
    });
    const card = render(MEETING_CARD_NAMES.plan, viewModel);
    const text = readable(card);
    expect(text).toContain('Deelnemers: Dit is geen geldig e-mailadres. (pleger@)');
    expect(text).toContain('Waar: Vul een locatie in, of kies voor een online gesprek.');
    expect(input(card, MEETING_INPUT_IDS.slot).value).toBe(CUSTOM_SLOT);
    expect(input(card, MEETING_INPUT_IDS.date).value).toBe('2026-12-04');
    expect(input(card, MEETING_INPUT_IDS.durationMinutes).value).toBe('45');
    expect(input(card, MEETING_INPUT_IDS.inviteOfficeHolder).value).toBe('false');
    expect(String(input(card, MEETING_INPUT_IDS.otherEmails).value).replace(/\u200B/g, '')).toBe('jan_de.boer@example.org, pleger@, ${geheim}');
    expect(JSON.stringify(card)).not.toContain('${geheim}');
  });
});

describe('one planned meeting', () => {
  const c = caseWithIncidentMeeting();

  it('shows when, where, who and the neutral subject, and that it is in the calendar', () => {
    const card = render(MEETING_CARD_NAMES.planned, meetingPlannedViewModel(meetingSampleRecord(), c, { now: NOW, icsUrl: URL }));
    const text = readable(card);
    expect(text).toContain('Wanneer: dinsdag 1 december 2026 om 12:00–13:00');
    expect(text).toContain('Waar: Stadhuis, spreekkamer 2');
    expect(text).toContain('Deelnemers: Bram Bakker (afhandelaar), Anna de Vries (betrokkene), pleger@example.org');
    expect(text).toContain('Onderwerp in de agenda: Gesprek WB-2026-00042');
    expect(text).toContain('✓ In de agenda gezet; de deelnemers hebben een uitnodiging gekregen.');
    expect(executes(card).map((a) => a.verb)).toEqual([MEETING_VERBS.reschedule, MEETING_VERBS.cancel, MEETING_VERBS.backToCase]);
    expect(nodes(card, 'Action.OpenUrl')).toEqual([]);
  });

  it('reschedules from a form filled with the current time and place', () => {
    const card = render(MEETING_CARD_NAMES.planned, meetingPlannedViewModel(meetingSampleRecord(), c, { now: NOW, icsUrl: URL }));
    expect(input(card, MEETING_INPUT_IDS.date).value).toBe('2026-12-01');
    expect(input(card, MEETING_INPUT_IDS.time).value).toBe('12:00');
    expect(input(card, MEETING_INPUT_IDS.location).value).toBe('Stadhuis, spreekkamer 2');
    expect(execute(card, MEETING_VERBS.reschedule).data).toEqual({ caseId: c.id, meetingId: 'd00dfeed-0000-4000-8000-000000000001' });
    expect(execute(card, MEETING_VERBS.cancel)).toEqual(expect.objectContaining({ title: 'Ja, gesprek annuleren', style: 'destructive' }));
    expect(readable(card)).toContain('De deelnemers krijgen een annulering met de tekst "Dit gesprek gaat niet door."');
  });

  it('a failed calendar call: the whole Dutch explanation and a retry button', () => {
    const card = render(MEETING_CARD_NAMES.planned, meetingPlannedViewModel(meetingSampleRecord(meetingSamplePlan(), FAILED), c, { now: NOW, icsUrl: URL }));
    const text = readable(card);
    expect(text).toContain('⚠️ De agenda is nog niet bijgewerkt.');
    expect(text).toContain(PERMISSION_DENIED_MESSAGE);
    expect(execute(card, MEETING_VERBS.retry)).toEqual(expect.objectContaining({ title: 'Opnieuw proberen', data: { caseId: c.id, meetingId: 'd00dfeed-0000-4000-8000-000000000001' } }));
  });

  it('without calendar integration: the .ics link and the note that integration is off', () => {
    const card = render(MEETING_CARD_NAMES.planned, meetingPlannedViewModel(meetingSampleRecord(meetingSamplePlan({ calendar: 'ics', online: true })), c, { now: NOW, icsUrl: URL }));
    expect(nodes(card, 'Action.OpenUrl')).toEqual([expect.objectContaining({ title: 'Agendabestand (.ics) openen', url: URL })]);
    expect(readable(card)).toContain(ICS_FALLBACK_NOTE);
    expect(readable(card)).toContain('Waar: Online (de link stuur je zelf mee)');
    expect(executes(card).map((a) => a.verb)).not.toContain(MEETING_VERBS.retry);
  });

  it('a cancelled meeting can no longer be moved or cancelled', () => {
    const card = render(MEETING_CARD_NAMES.planned, meetingPlannedViewModel(meetingSampleRecord(cancelMeeting(meetingSamplePlan()), { state: 'done', operation: 'cancel' }), c, { now: NOW, icsUrl: URL }));
    expect(readable(card)).toContain('Status: Geannuleerd');
    expect(executes(card).map((a) => a.verb)).toEqual([MEETING_VERBS.backToCase]);
  });

  it('warns when the meeting falls after the 72 hours', () => {
    const late = meetingSamplePlan({ date: '2026-12-04', time: '10:00' });
    const card = render(MEETING_CARD_NAMES.planned, meetingPlannedViewModel(meetingSampleRecord(late), c, { now: NOW, icsUrl: URL }));
    expect(readable(card)).toMatch(/Let op: dit tijdstip valt na de termijn van 72 uur na het incident/);
  });

  it('shows a hostile location literally', () => {
    const hostile = meetingSamplePlan({ location: '[klik](https://evil.example) ${geheim} **vet**' });
    const card = render(MEETING_CARD_NAMES.planned, meetingPlannedViewModel(meetingSampleRecord(hostile), c, { now: NOW, icsUrl: URL }));
    const facts = nodes(card, 'FactSet').flatMap((set) => (set.facts as { value: string }[]).map((f) => f.value));
    for (const value of facts) {
      expect(value).not.toContain('](');
      expect(value).not.toContain('**vet**');
    }
  });
});

describe('planned meetings on the case card', () => {
  const c = caseWithIncidentMeeting();
  const options = (overrides: Partial<CaseCardOptions> = {}): CaseCardOptions => ({ viewer: 'handler', now: NOW, earlierCasesOfPerpetrator: 0, refreshUserIds: ['29:handler'], ...overrides });
  const records = [
    meetingSampleRecord(),
    meetingSampleRecord(meetingSamplePlan({ id: 'd00dfeed-0000-4000-8000-000000000003', date: '2026-12-02' }), FAILED),
    meetingSampleRecord(meetingSamplePlan({ id: 'd00dfeed-0000-4000-8000-000000000004', calendar: 'ics', online: true, date: '2026-12-04' })),
  ];
  const card = (overrides: Partial<CaseCardOptions> = {}) =>
    render(CASE_CARD_NAMES.caseCard, caseCardViewModel(c, options({ meetings: records.map((r) => plannedMeetingInfo(r, c, URL)), ...overrides })));

  it('lists each meeting with where its calendar stands', () => {
    const text = readable(card());
    expect(text).toContain('📅 Incidentgesprek · dinsdag 1 december 2026 om 12:00–13:00 · 60 minuten · Stadhuis, spreekkamer 2');
    expect(text).toContain('✓ In de agenda gezet; de deelnemers hebben een uitnodiging gekregen.');
    expect(text).toContain(PERMISSION_DENIED_MESSAGE);
    expect(text).toContain(ICS_FALLBACK_NOTE);
    expect(text).toContain('📅 Incidentgesprek · vrijdag 4 december 2026 om 12:00–13:00 · 60 minuten · online');
    expect(text).toMatch(/Let op: dit tijdstip valt na de termijn van 72 uur/);
    expect(text).not.toContain('Nog geen gesprek vastgelegd.');
  });

  it('offers retry for the failed one, the .ics file for the one without Graph, and opening each', () => {
    const rendered = card();
    const retries = executes(rendered).filter((a) => a.verb === MEETING_VERBS.retry);
    expect(retries.map((a) => a.data)).toEqual([{ caseId: c.id, meetingId: 'd00dfeed-0000-4000-8000-000000000003' }]);
    expect(executes(rendered).filter((a) => a.verb === MEETING_VERBS.show)).toHaveLength(3);
    expect(nodes(rendered, 'Action.OpenUrl')).toEqual([expect.objectContaining({ url: URL })]);
  });

  it('folds cancelled meetings into a list of their own, without buttons to change them, past or ahead', () => {
    const cancelled = meetingSampleRecord(cancelMeeting(meetingSamplePlan({ id: 'd00dfeed-0000-4000-8000-000000000009' })), { state: 'done', operation: 'cancel' });
    for (const now of [NOW, caseSampleTime(60 * 24 * 3)]) {
      const rendered = render(CASE_CARD_NAMES.caseCard, caseCardViewModel(c, options({ now, meetings: [...records, cancelled].map((r) => plannedMeetingInfo(r, c, URL)) })));
      const folded = nodes(rendered, 'Container').find((n) => n.id === 'cancelledMeetings');
      expect(folded?.isVisible).toBe(false);
      expect(readable(folded as Json)).toContain('Incidentgesprek (geannuleerd)');
      const toggle = nodes(rendered, 'Action.ToggleVisibility').find((t) => (t.targetElements as string[]).includes('cancelledMeetings'));
      expect(toggle).toEqual(expect.objectContaining({ title: 'Geannuleerde gesprekken (1)', targetElements: ['cancelledMeetings'] }));
      expect(executes(rendered).filter((a) => a.verb === MEETING_VERBS.show).map((a) => (a.data as { meetingId: string }).meetingId)).not.toContain('d00dfeed-0000-4000-8000-000000000009');
    }
  });

  it('lists every planned meeting with its buttons, also when an earlier one was moved and cancelled ones pile up', () => {
    // Six planned meetings and five cancelled ones earlier in time: the old card showed only the first four, cancelled included.
    const planned = Array.from({ length: 6 }, (_, i) => meetingSampleRecord(meetingSamplePlan({ id: `d00dfeed-0000-4000-8000-00000000020${i}`, date: `2026-12-0${i + 2}` })));
    const cancelled = Array.from({ length: 5 }, (_, i) =>
      meetingSampleRecord(cancelMeeting(meetingSamplePlan({ id: `d00dfeed-0000-4000-8000-00000000030${i}`, date: '2026-12-01' })), { state: 'done', operation: 'cancel' }),
    );
    const rendered = render(CASE_CARD_NAMES.caseCard, caseCardViewModel(c, options({ meetings: [...cancelled, ...planned].map((r) => plannedMeetingInfo(r, c, URL)) })));
    const opened = executes(rendered).filter((a) => a.verb === MEETING_VERBS.show).map((a) => (a.data as { meetingId: string }).meetingId);
    expect(opened).toEqual(planned.map((r) => r.plan.id));
    expect(nodes(rendered, 'Action.ToggleVisibility').find((t) => (t.targetElements as string[]).includes('cancelledMeetings'))?.title).toBe('Geannuleerde gesprekken (5)');
  });

  it('shows nothing of the meetings to anyone but a handler', () => {
    const rendered = card({ viewer: 'readOnly' });
    expect(readable(rendered)).not.toContain('Incidentgesprek ·');
    expect(JSON.stringify(rendered)).not.toContain('pleger@example.org');
  });

  it('stays within Teams’ message size with the most meetings shown', () => {
    const many = Array.from({ length: PLANNED_MEETINGS_MAX }, (_, i) =>
      meetingSampleRecord(meetingSamplePlan({ id: `d00dfeed-0000-4000-8000-${String(100 + i).padStart(12, '0')}`, location: 'x'.repeat(200) }), FAILED),
    );
    const rendered = render(CASE_CARD_NAMES.caseCard, caseCardViewModel(c, options({ meetings: many.map((r) => plannedMeetingInfo(r, c, URL)) })));
    expect(Buffer.byteLength(JSON.stringify(rendered), 'utf8')).toBeLessThan(28 * 1024);
    expect(executes(rendered).filter((a) => a.verb === MEETING_VERBS.retry)).toHaveLength(PLANNED_MEETINGS_MAX);
  });
});

describe('verbs', () => {
  it('every button on the meeting cards and the case card reaches a registered verb', () => {
    const known = new Set<string>([...Object.values(MEETING_VERBS), ...Object.values(CASE_VERBS)]);
    for (const name of ['meeting-plan', 'meeting-planned', 'case-card']) {
      const template = JSON.parse(readFileSync(join(__dirname, '..', '..', 'cards', `${name}.json`), 'utf8')) as Json;
      for (const action of nodes(template, 'Action.Execute')) expect(known).toContain(action.verb);
    }
  });
});
