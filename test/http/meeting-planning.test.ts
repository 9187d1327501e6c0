/**
 * Issue 5 end to end: the handler plans the incidentgesprek from the case card, through the real bot
 * over HTTP, against a Microsoft Graph stand-in (nock at the Graph and Entra ID boundary, checking
 * URL, headers and body) — and, without Graph credentials, with the .ics fallback served by the bot.
 */
import nock from 'nock';
import { loadConfig } from '../../src/config/env';
import { calendarSettings } from '../../src/main';
import { PERMISSION_DENIED_MESSAGE } from '../../src/graph/graph-errors';
import { ICS_FALLBACK_NOTE } from '../../src/copy/calendar.copy';
import { TRANSACTION_PROPERTY_ID } from '../../src/graph/calendar.gateway';
import { TableMeetingRepository } from '../../src/storage/meeting-plan.repository';
import { createTableClientFactory } from '../../src/storage/table-clients';
import { testConnectionString } from '../support/azurite-env';
import { SAMPLE_PEOPLE, startBotUnderTest, type BotUnderTest, type Person } from '../support/bot-under-test';
import { Chat, cardText } from '../support/chat-driver';
import { submitFromSummary, walkToSummary } from '../support/intake-walk';
import { executeAction, type CardLocation } from '../support/invoke';

const GRAPH = 'https://graph.stand-in.test';
const LOGIN = 'https://login.stand-in.test';
const TENANT = '11111111-2222-3333-4444-555555555555';
const PETER = 'peter.jansen@utrecht.example';
const SANNE = 'sanne.devries@utrecht.example';
const AHMED = 'ahmed.elamrani@provincie-utrecht.example';
const PETER_PATH = '/v1.0/users/peter.jansen%40utrecht.example';
const PREFER = 'outlook.timezone="W. Europe Standard Time"';
const DESK: CardLocation = { kind: 'channel', teamId: '19:weerbaar-bestuur-utrecht@thread.tacv2', channelId: '19:meldingen-gemeentesecretaris@thread.tacv2' };
// Monday 30 November 2026, 10:00 in Amsterdam. Sanne reports "gisteren 21:30", so the incidentgesprek is due Wednesday 2 December 21:30.
const NOW = new Date('2026-11-30T09:00:00Z');

type Json = Record<string, unknown>;

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A scripted answer instead of the normal one: a status, optional headers, and whether a create still happens. */
interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** For POST /events: the event is made, but this answer is what comes back (a lost 201). */
  createsAnyway?: boolean;
}

type Operation = 'getSchedule' | 'find' | 'create' | 'update' | 'cancel';

/** Microsoft Graph and Entra ID as the bot sees them: one mailbox, events de-duplicated by transactionId. */
class GraphStandIn {
  readonly requests: Seen[] = [];
  readonly tokenRequests: URLSearchParams[] = [];
  readonly events = new Map<string, { transactionId: string; body: Json; cancelled: boolean }>();
  readonly script: Partial<Record<Operation, Scripted[]>> = {};
  busy: Record<string, { start: string; end: string }[]> = {};

  install(): void {
    nock(LOGIN)
      .persist()
      .get(`/${TENANT}/v2.0/.well-known/openid-configuration`)
      .reply(200, {
        issuer: `${LOGIN}/${TENANT}/v2.0`,
        authorization_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/authorize`,
        token_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/token`,
        end_session_endpoint: `${LOGIN}/${TENANT}/oauth2/v2.0/logout`,
        jwks_uri: `${LOGIN}/${TENANT}/discovery/v2.0/keys`,
        response_types_supported: ['code'],
      });
    nock(LOGIN)
      .persist()
      .post(`/${TENANT}/oauth2/v2.0/token`)
      .query(true)
      .reply((_uri, body) => {
        this.tokenRequests.push(new URLSearchParams(String(body)));
        return [200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'graph-token' }];
      });
    const graph = nock(GRAPH).persist();
    graph.post(`${PETER_PATH}/calendar/getSchedule`).reply(this.handler('POST', 'getSchedule', (body) => [200, this.schedule(body as Json)]));
    graph
      .get(`${PETER_PATH}/events`)
      .query(true)
      .reply(
        this.handler('GET', 'find', (_body, uri) => {
          const filter = new URL(uri, GRAPH).searchParams.get('$filter') ?? '';
          const wanted = /ep\/value eq '([^']+)'/.exec(filter)?.[1];
          return [200, { value: [...this.events].filter(([, e]) => e.transactionId === wanted).map(([id]) => ({ id })) }];
        }),
      );
    graph.post(`${PETER_PATH}/events`).reply(this.handler('POST', 'create', (body) => [201, { id: this.create(body as Json) }]));
    graph.patch(/^\/v1\.0\/users\/peter\.jansen%40utrecht\.example\/events\/[^/]+$/).reply(this.handler('PATCH', 'update', () => [200, {}]));
    graph.post(/^\/v1\.0\/users\/peter\.jansen%40utrecht\.example\/events\/[^/]+\/cancel$/).reply(
      this.handler('POST', 'cancel', (_body, uri) => {
        const id = decodeURIComponent(uri.split('/').at(-2) ?? '');
        const event = this.events.get(id);
        if (event) event.cancelled = true;
        return [202, ''];
      }),
    );
  }

  /** The requests of one kind, in order. */
  of(method: string, path: RegExp): Seen[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  private create(body: Json): string {
    const transactionId = String(body.transactionId);
    const existing = [...this.events].find(([, e]) => e.transactionId === transactionId);
    if (existing) return existing[0];
    const id = `AAMkEvent${this.events.size + 1}=`;
    this.events.set(id, { transactionId, body, cancelled: false });
    return id;
  }

  private schedule(body: Json): Json {
    const local = (iso: string) => ({ dateTime: `${iso}.0000000`, timeZone: 'W. Europe Standard Time' });
    return {
      value: (body.schedules as string[]).map((scheduleId) => ({
        scheduleId,
        availabilityView: '',
        scheduleItems: (this.busy[scheduleId] ?? []).map((b) => ({ status: 'busy', start: local(b.start), end: local(b.end) })),
      })),
    };
  }

  private handler(method: string, operation: Operation, normal: (body: unknown, uri: string) => [number, unknown]) {
    const requests = this.requests;
    const next = () => this.script[operation]?.shift();
    const create = (body: Json) => this.create(body);
    return function (this: nock.ReplyFnContext, uri: string, body: nock.Body): [number, unknown, Record<string, string>] {
      requests.push({ method, path: uri, headers: this.req.headers, body });
      const scripted = next();
      if (scripted) {
        if (scripted.createsAnyway) create(body as Json);
        return [scripted.status, scripted.body ?? { error: { code: 'Scripted', message: 'scripted failure' } }, { 'content-type': 'application/json', ...scripted.headers }];
      }
      const [status, answer] = normal(body, uri);
      // Graph answers 202 Accepted (cancel) without a body.
      return [status, answer, answer === '' ? {} : { 'content-type': 'application/json' }];
    };
  }
}

class ManualClock {
  constructor(private current: Date) {}
  now(): Date {
    return new Date(this.current);
  }
}

function texts(card: Json): string {
  return cardText(card).replace(/\u200B/g, '');
}

function actions(card: unknown, type: string): Json[] {
  const found: Json[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const record = node as Json;
      if (record.type === type) found.push(record);
      Object.entries(record)
        .filter(([key]) => key !== 'refresh')
        .forEach(([, value]) => walk(value));
    }
  };
  walk(card);
  return found;
}

function input(card: Json, id: string): Json {
  const found = [...actions(card, 'Input.Toggle'), ...actions(card, 'Input.Date'), ...actions(card, 'Input.Time'), ...actions(card, 'Input.ChoiceSet'), ...actions(card, 'Input.Text')].find((i) => i.id === id);
  if (found === undefined) throw new Error(`no input ${id} on: ${texts(card).slice(0, 400)}`);
  return found;
}

function button(card: Json, verb: string): Json {
  const found = actions(card, 'Action.Execute').filter((a) => a.verb === verb);
  if (found.length === 0) throw new Error(`no ${verb} button on: ${texts(card).slice(0, 400)}`);
  return found[0];
}

/**
 * Reports an incident by a known perpetrator as Sanne (wethouder, known in the sample directory); Peter
 * takes it and proposes an incidentgesprek, which gives the case its 72-hour incidentgesprek deadline.
 */
async function reportedAndTaken(harness: BotUnderTest): Promise<{ caseId: string; caseNumber: string }> {
  const chat = new Chat(harness, SAMPLE_PEOPLE.sanne);
  const { caseNumber, draftId } = await submitFromSummary(chat, await walkToSummary(chat, undefined, { criminalOffence: 'nee', perpetrator: 'Karel Klaassen, man met een rode jas' }));
  const taken = await executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.peter, 'case.take', { caseId: draftId }, DESK);
  expect(texts(taken.body.value)).toMatch(/In behandeling/);
  const proposed = await executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.peter, 'case.proposeMeasures', { caseId: draftId, measures: 'incidentMeeting,aftercare' }, DESK);
  expect(texts(proposed.body.value)).toMatch(/Maatregelen voorgesteld/);
  return { caseId: draftId, caseNumber };
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  // Un-patch http and fetch, so later test files in this worker talk to Azurite and friends directly.
  nock.restore();
});

describe('planning the incidentgesprek in the handler’s Outlook calendar (Graph stand-in)', () => {
  const graph = new GraphStandIn();
  let harness: BotUnderTest;
  let rows: TableMeetingRepository;
  let caseId: string;
  let caseNumber: string;
  let firstMeeting: string;

  beforeAll(async () => {
    graph.install();
    // Peter is busy Monday 11:00–17:00, Sanne Tuesday 09:00–12:00.
    graph.busy = {
      [PETER]: [{ start: '2026-11-30T11:00:00', end: '2026-11-30T17:00:00' }],
      [SANNE]: [{ start: '2026-12-01T09:00:00', end: '2026-12-01T12:00:00' }],
    };
    harness = await startBotUnderTest(
      { GRAPH_TENANT_ID: TENANT, GRAPH_CLIENT_ID: 'calendar-app', GRAPH_CLIENT_SECRET: 'calendar-secret', GRAPH_BASE_URL: `${GRAPH}/v1.0`, GRAPH_AUTHORITY_HOST: LOGIN },
      { clock: new ManualClock(NOW) },
    );
    rows = new TableMeetingRepository(createTableClientFactory(testConnectionString(), harness.tablePrefix).client('Meetings'));
    ({ caseId, caseNumber } = await reportedAndTaken(harness));
  });
  afterAll(async () => {
    await harness.stop();
    nock.cleanAll();
  });

  const act = (who: Person, verb: string, data: Json) => executeAction(harness.baseUrl, harness.connector.url, who, verb, data, DESK);

  /** Opens the planning form and answers it: Tuesday 12:00, online, with Sanne, the coordinator and the perpetrator. */
  async function openForm(): Promise<{ card: Json; meetingId: string }> {
    const answer = await act(SAMPLE_PEOPLE.peter, 'case.planMeeting', { caseId });
    expect(answer.status).toBe(200);
    const card = answer.body.value;
    const meetingId = String((button(card, 'meeting.book').data as Json).meetingId);
    return { card, meetingId };
  }

  const choices = (overrides: Json = {}): Json => ({
    kind: 'incidentMeeting',
    slot: '2026-12-01T12:00',
    date: '2026-12-01',
    time: '12:00',
    durationMinutes: '60',
    online: 'true',
    location: '',
    inviteOfficeHolder: 'true',
    inviteCoordinator: 'true',
    otherEmails: 'pleger@example.org',
    ...overrides,
  });

  const book = (meetingId: string, overrides: Json = {}) => act(SAMPLE_PEOPLE.peter, 'meeting.book', { caseId, meetingId, ...choices(overrides) });

  it('the handler opens the form from the case card and sees the free slots of both calendars', async () => {
    const before = graph.requests.length;
    // An incidentgesprek leaves the office holder out unless the handler asks: "Tijden zoeken met de betrokkene erbij".
    const { card: withoutHer } = await openForm();
    expect(input(withoutHer, 'inviteOfficeHolder').value).toBe('false');
    expect(texts(withoutHer)).toContain('de betrokkene hoeft de pleger niet zelf te spreken');
    expect(graph.requests[before]?.body).toMatchObject({ schedules: [PETER] });
    const switchButton = actions(withoutHer, 'Action.Execute').find((a) => a.title === 'Tijden zoeken met de betrokkene erbij');
    const answer = await act(SAMPLE_PEOPLE.peter, 'case.planMeeting', switchButton!.data as Json);
    const card = answer.body.value;
    expect(input(card, 'inviteOfficeHolder').value).toBe('true');

    const [, schedule] = graph.requests.slice(before);
    expect(schedule.path).toBe(`${PETER_PATH}/calendar/getSchedule`);
    expect(schedule.headers.authorization).toBe('Bearer graph-token');
    expect(schedule.headers.prefer).toBe(PREFER);
    expect(schedule.headers['content-type']).toBe('application/json');
    expect(schedule.body).toEqual({
      schedules: [PETER, SANNE],
      startTime: { dateTime: '2026-11-30T10:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-12-16T20:30:00', timeZone: 'UTC' },
      availabilityViewInterval: 30,
    });
    // App-only sign-in with the configured registration, at the configured authority.
    expect(graph.tokenRequests).toHaveLength(1);
    expect(graph.tokenRequests[0].get('grant_type')).toBe('client_credentials');
    expect(graph.tokenRequests[0].get('client_id')).toBe('calendar-app');
    expect(graph.tokenRequests[0].get('scope')).toBe('https://graph.microsoft.com/.default');

    const text = texts(card);
    expect(text).toContain('Incidentgesprek plannen');
    expect(text).toContain('uiterlijk woensdag 2 december 2026 om 21:30');
    expect(text).toContain('jij en de betrokkene vrij zijn volgens Outlook');
    const slots = (actions(card, 'Input.ChoiceSet').find((i) => i.id === 'slot')?.choices as { title: string }[]).map((c) => c.title);
    expect(slots).toEqual([
      'dinsdag 1 december 12:00–13:00',
      'dinsdag 1 december 12:30–13:30',
      'dinsdag 1 december 13:00–14:00',
      'woensdag 2 december 09:00–10:00',
      'woensdag 2 december 09:30–10:30',
      'Een ander tijdstip (hieronder kiezen)',
    ]);
  });

  it('books the chosen slot as one event: neutral subject, Amsterdam time, the invitees, and a transaction id', async () => {
    const { meetingId } = await openForm();
    firstMeeting = meetingId;
    const before = graph.requests.length;

    const answer = await book(meetingId);

    const [recheck, find, create] = graph.requests.slice(before);
    // The chosen time with the chosen duration is checked against busy time again before anything is booked.
    expect(recheck.path).toBe(`${PETER_PATH}/calendar/getSchedule`);
    expect(recheck.body).toMatchObject({ schedules: [PETER, SANNE], startTime: { dateTime: '2026-12-01T11:00:00', timeZone: 'UTC' }, endTime: { dateTime: '2026-12-01T12:00:00', timeZone: 'UTC' } });
    expect(find.method).toBe('GET');
    expect(decodeURIComponent(find.path)).toContain(`ep/value eq 'wb-meeting-${meetingId}'`);
    expect(find.headers.authorization).toBe('Bearer graph-token');
    expect(create.method).toBe('POST');
    expect(create.path).toBe(`${PETER_PATH}/events`);
    expect(create.headers.authorization).toBe('Bearer graph-token');
    expect(create.headers.prefer).toBe(PREFER);
    expect(create.headers['content-type']).toBe('application/json');
    expect(create.body).toEqual({
      subject: `Gesprek ${caseNumber}`,
      start: { dateTime: '2026-12-01T12:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-12-01T13:00:00', timeZone: 'W. Europe Standard Time' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      attendees: [
        { type: 'required', emailAddress: { address: SANNE, name: 'Sanne de Vries' } },
        { type: 'required', emailAddress: { address: AHMED, name: 'Ahmed El Amrani' } },
        { type: 'required', emailAddress: { address: 'pleger@example.org' } },
      ],
      sensitivity: 'private',
      hideAttendees: true,
      transactionId: `wb-meeting-${meetingId}`,
      singleValueExtendedProperties: [{ id: TRANSACTION_PROPERTY_ID, value: `wb-meeting-${meetingId}` }],
    });
    expect(graph.events.size).toBe(1);

    // The case card comes back with the meeting on it.
    const card = answer.body.value;
    expect(answer.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(texts(card)).toContain('Incidentgesprek staat op dinsdag 1 december 2026 om 12:00–13:00 in je agenda; de uitnodiging is verstuurd.');
    expect(texts(card)).toContain('📅 Incidentgesprek · dinsdag 1 december 2026 om 12:00–13:00 · 60 minuten · online (Teams)');
    expect(texts(card)).toContain('✓ In de agenda gezet');
    const stored = (await rows.get(caseId, meetingId))!.record;
    expect(stored.plan.eventId).toBe('AAMkEvent1=');
    expect(stored.sync).toEqual({ state: 'done', operation: 'create' });
  });

  it('a second press on the same form calls Graph no more and shows the meeting', async () => {
    const before = graph.requests.length;
    const answer = await book(firstMeeting, { slot: '2026-12-01T13:00' });
    expect(graph.requests.length).toBe(before);
    expect(graph.events.size).toBe(1);
    expect(texts(answer.body.value)).toContain('dinsdag 1 december 2026 om 12:00–13:00 in je agenda');
  });

  it('the case card, opened again, shows the booked meeting', async () => {
    const answer = await act(SAMPLE_PEOPLE.peter, 'meeting.backToCase', { caseId });
    expect(texts(answer.body.value)).toContain('📅 Incidentgesprek · dinsdag 1 december 2026 om 12:00–13:00');
    const open = button(answer.body.value, 'meeting.show');
    const detail = await act(SAMPLE_PEOPLE.peter, 'meeting.show', open.data as Json);
    expect(texts(detail.body.value)).toContain(`Onderwerp in de agenda\nGesprek ${caseNumber}`);
  });

  it('rescheduling patches the same event', async () => {
    const before = graph.requests.length;
    const answer = await act(SAMPLE_PEOPLE.peter, 'meeting.reschedule', { caseId, meetingId: firstMeeting, date: '2026-12-02', time: '10:00', durationMinutes: '90', online: 'false', location: 'Stadhuis, kamer 2.14' });
    const [patch] = graph.requests.slice(before);
    expect(patch.method).toBe('PATCH');
    expect(patch.path).toBe(`${PETER_PATH}/events/AAMkEvent1%3D`);
    expect(patch.headers.authorization).toBe('Bearer graph-token');
    expect(patch.headers.prefer).toBe(PREFER);
    expect(patch.body).toMatchObject({
      subject: `Gesprek ${caseNumber}`,
      start: { dateTime: '2026-12-02T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-12-02T11:30:00', timeZone: 'W. Europe Standard Time' },
      location: { displayName: 'Stadhuis, kamer 2.14' },
    });
    expect(patch.body).not.toHaveProperty('transactionId');
    expect(graph.requests.length).toBe(before + 1);
    expect(texts(answer.body.value)).toContain('Incidentgesprek is verzet naar woensdag 2 december 2026 om 10:00–11:30; de deelnemers krijgen de wijziging.');
  });

  it('cancelling cancels the event, with a neutral comment', async () => {
    const before = graph.requests.length;
    const answer = await act(SAMPLE_PEOPLE.peter, 'meeting.cancel', { caseId, meetingId: firstMeeting });
    const [cancel] = graph.requests.slice(before);
    expect(cancel.method).toBe('POST');
    expect(cancel.path).toBe(`${PETER_PATH}/events/AAMkEvent1%3D/cancel`);
    expect(cancel.headers.authorization).toBe('Bearer graph-token');
    expect(cancel.body).toEqual({ Comment: 'Dit gesprek gaat niet door.' });
    expect(graph.events.get('AAMkEvent1=')?.cancelled).toBe(true);
    expect(texts(answer.body.value)).toContain('Incidentgesprek is geannuleerd; de deelnemers krijgen bericht.');
    expect((await rows.get(caseId, firstMeeting))!.record.plan.status).toBe('cancelled');
  });

  it('403: the card tells the handler what the administrator must grant; the retry books once access is there', async () => {
    const { meetingId } = await openForm();
    graph.script.find = [{ status: 403, body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } } }];
    const eventsBefore = graph.events.size;

    const refused = await book(meetingId);

    const card = refused.body.value;
    expect(texts(card)).toContain(PERMISSION_DENIED_MESSAGE);
    expect(texts(card)).toContain('Calendars.ReadWrite');
    expect(texts(card)).toContain('maar staat nog niet in je agenda');
    const retry = actions(card, 'Action.Execute').filter((a) => a.verb === 'meeting.retry');
    expect(retry.map((a) => a.data)).toEqual([{ caseId, meetingId }]);
    expect(graph.events.size).toBe(eventsBefore);
    expect((await rows.get(caseId, meetingId))!.record.sync).toMatchObject({ state: 'failed', failure: { code: 'CALENDAR.PERMISSION_DENIED' } });

    const retried = await act(SAMPLE_PEOPLE.peter, 'meeting.retry', { caseId, meetingId });
    expect(texts(retried.body.value)).toContain('De agenda is bijgewerkt.');
    expect(graph.events.size).toBe(eventsBefore + 1);
  });

  it('429 with Retry-After: waits as Graph asks, then books once, within Teams’ invoke time', async () => {
    const { meetingId } = await openForm();
    graph.script.create = [{ status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'ApplicationThrottled', message: 'Too many requests' } } }];
    const before = graph.requests.length;
    const eventsBefore = graph.events.size;
    const started = Date.now();

    const answer = await book(meetingId);

    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(5000);
    // getSchedule (the recheck), then find and create, twice.
    expect(graph.requests.slice(before).map((r) => r.method)).toEqual(['POST', 'GET', 'POST', 'GET', 'POST']);
    expect(graph.events.size).toBe(eventsBefore + 1);
    expect(texts(answer.body.value)).toContain('in je agenda; de uitnodiging is verstuurd');
  });

  it('503 then success: retried once, one event', async () => {
    const { meetingId } = await openForm();
    graph.script.create = [{ status: 503, body: { error: { code: 'ServiceNotAvailable', message: 'busy' } } }];
    const eventsBefore = graph.events.size;
    const answer = await book(meetingId);
    expect(graph.events.size).toBe(eventsBefore + 1);
    expect((await rows.get(caseId, meetingId))!.record.sync.state).toBe('done');
    expect(texts(answer.body.value)).toContain('de uitnodiging is verstuurd');
  });

  it('a create whose answer was lost, then Graph busy: the card offers a retry, and the retry finds the event instead of booking twice', async () => {
    const { meetingId } = await openForm();
    graph.script.create = [{ status: 504, createsAnyway: true, body: { error: { code: 'GatewayTimeout', message: 'timeout' } } }];
    graph.script.find = [
      { status: 200, body: { value: [] } },
      { status: 503, body: { error: { code: 'ServiceNotAvailable', message: 'busy' } } },
    ];
    const eventsBefore = graph.events.size;

    const failed = await book(meetingId);

    expect(texts(failed.body.value)).toMatch(/tijdelijk overbelast of niet bereikbaar \(na 2 pogingen\)/);
    button(failed.body.value, 'meeting.retry');
    expect(graph.events.size).toBe(eventsBefore + 1);

    const posts = graph.of('POST', /\/events$/).length;
    const retried = await act(SAMPLE_PEOPLE.peter, 'meeting.retry', { caseId, meetingId });
    expect(texts(retried.body.value)).toContain('De agenda is bijgewerkt.');
    expect(graph.of('POST', /\/events$/).length).toBe(posts);
    expect(graph.events.size).toBe(eventsBefore + 1);
    const stored = (await rows.get(caseId, meetingId))!.record;
    expect(stored.plan.eventId).toBe([...graph.events].find(([, e]) => e.transactionId === `wb-meeting-${meetingId}`)?.[0]);
  });

  it('a typed time wins over the selected slot, as the form says', async () => {
    const { card, meetingId } = await openForm();
    expect(texts(card)).toContain('Verander je de datum of de tijd, dan geldt dat tijdstip en niet het gekozen voorstel.');
    const shown = button(card, 'meeting.book').data as Json;
    // The fields start at the first proposed slot, and the button carries what they showed.
    const selected = String(input(card, 'slot').value);
    expect(selected).toBe(`${String(input(card, 'date').value)}T${String(input(card, 'time').value)}`);
    expect(shown).toMatchObject({ shownDate: input(card, 'date').value, shownTime: input(card, 'time').value });
    // That slot stays selected; the handler types Wednesday 10:00 into the date and time fields.
    const answer = await book(meetingId, { ...shown, slot: selected, date: '2026-12-02', time: '10:00' });
    expect(texts(answer.body.value)).toContain('Incidentgesprek staat op woensdag 2 december 2026 om 10:00–11:00 in je agenda');
    expect((await rows.get(caseId, meetingId))!.record.plan.startsAt).toEqual(new Date('2026-12-02T09:00:00Z'));
  });

  it('the chosen time with a longer duration runs into busy time: a Dutch warning, the form kept, and a second press books it', async () => {
    graph.busy[PETER] = [{ start: '2026-12-02T15:00:00', end: '2026-12-02T16:00:00' }];
    try {
      const { card, meetingId } = await openForm();
      const shown = button(card, 'meeting.book').data as Json;
      const posts = graph.of('POST', /\/events$/).length;
      const warned = await book(meetingId, { ...shown, date: '2026-12-02', time: '14:00', durationMinutes: '90', location: 'Stadhuis', online: 'false' });
      const form = warned.body.value;
      expect(texts(form)).toContain('Op woensdag 2 december 2026 om 14:00 (90 minuten) staat al iets in je agenda.');
      expect(input(form, 'time').value).toBe('14:00');
      expect(input(form, 'durationMinutes').value).toBe('90');
      expect(input(form, 'location').value).toBe('Stadhuis');
      expect(input(form, 'slot').value).toBe('custom');
      expect(graph.of('POST', /\/events$/).length).toBe(posts);
      expect(await rows.get(caseId, meetingId)).toBeUndefined();

      const again = button(form, 'meeting.book').data as Json;
      expect(again.acceptOverlap).toBe('2026-12-02T13:00:00.000Z/90');
      const booked = await book(meetingId, { ...again, slot: 'custom', date: '2026-12-02', time: '14:00', durationMinutes: '90', location: 'Stadhuis', online: 'false' });
      expect(texts(booked.body.value)).toContain('Incidentgesprek staat op woensdag 2 december 2026 om 14:00–15:30 in je agenda');
      expect(graph.of('POST', /\/events$/).length).toBe(posts + 1);
    } finally {
      graph.busy = {};
    }
  });

  it('a double click creates one event; the press that finds it claimed is told so', async () => {
    const { meetingId } = await openForm();
    const posts = graph.of('POST', /\/events$/).length;
    const answers = await Promise.all([book(meetingId), book(meetingId)]);
    expect(graph.of('POST', /\/events$/).length).toBe(posts + 1);
    for (const answer of answers) {
      // Whichever lands second: "wordt al ingepland" while the first is with Graph, or the booked meeting after.
      expect(texts(answer.body.value)).toMatch(/Dit gesprek wordt al ingepland\.|in je agenda; de uitnodiging is verstuurd/);
    }
  });

  it('refuses someone who is not a handler of this case, without touching Graph', async () => {
    const before = graph.requests.length;
    for (const outsider of [SAMPLE_PEOPLE.lotte, SAMPLE_PEOPLE.sanne, SAMPLE_PEOPLE.ahmed]) {
      const plan = await act(outsider, 'case.planMeeting', { caseId });
      expect(texts(plan.body.value)).toContain('Alleen de afhandelaars van deze zaak kunnen gesprekken met de pleger plannen.');
      const forged = await act(outsider, 'meeting.book', { caseId, meetingId: 'cccccccc-0000-4000-8000-000000000001', ...choices() });
      expect(texts(forged.body.value)).toContain('Alleen de afhandelaars');
      const cancel = await act(outsider, 'meeting.cancel', { caseId, meetingId: firstMeeting });
      expect(texts(cancel.body.value)).toContain('Alleen de afhandelaars');
    }
    expect(graph.requests.length).toBe(before);
    expect(await rows.get(caseId, 'cccccccc-0000-4000-8000-000000000001')).toBeUndefined();
  });

  it('answers a forged id with a Dutch error card', async () => {
    const answer = await act(SAMPLE_PEOPLE.peter, 'meeting.book', { caseId: '../../etc', meetingId: 'x' });
    expect(answer.body.statusCode).toBe(200);
    expect(texts(answer.body.value)).toMatch(/bestaat niet/);
  });
});

describe('planning without Graph credentials: the .ics fallback', () => {
  let harness: BotUnderTest;
  let caseId: string;
  let caseNumber: string;

  beforeAll(async () => {
    harness = await startBotUnderTest({}, { clock: new ManualClock(NOW) });
    ({ caseId, caseNumber } = await reportedAndTaken(harness));
  });
  afterAll(() => harness.stop());

  const act = (verb: string, data: Json) => executeAction(harness.baseUrl, harness.connector.url, SAMPLE_PEOPLE.peter, verb, data, DESK);

  it('plans the meeting, says calendar integration is off, and serves a valid .ics at the link; a cancel serves the cancellation', async () => {
    const form = (await act('case.planMeeting', { caseId })).body.value;
    expect(texts(form)).toContain('De agendakoppeling met Microsoft 365 staat uit.');
    const meetingId = String((button(form, 'meeting.book').data as Json).meetingId);

    const answer = await act('meeting.book', {
      caseId,
      meetingId,
      kind: 'incidentMeeting',
      slot: '2026-11-30T11:00',
      durationMinutes: '60',
      online: 'false',
      location: 'Stadhuis, kamer 2.14',
      inviteOfficeHolder: 'true',
      inviteCoordinator: 'false',
      otherEmails: 'pleger@example.org',
    });

    const card = answer.body.value;
    expect(texts(card)).toContain(ICS_FALLBACK_NOTE);
    expect(texts(card)).toContain('📅 Incidentgesprek · maandag 30 november 2026 om 11:00–12:00 · 60 minuten · Stadhuis, kamer 2.14');
    const [link] = actions(card, 'Action.OpenUrl');
    const url = String(link.url);
    expect(url).toMatch(new RegExp(`^${harness.baseUrl}/ics/[A-Za-z0-9_-]{43}$`));

    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(file.headers.get('content-disposition')).toContain(`attachment; filename="gesprek-${caseNumber}.ics"`);
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    const ics = await file.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('METHOD:REQUEST\r\n');
    expect(ics).toContain(`SUMMARY:Gesprek ${caseNumber}\r\n`);
    expect(ics).toContain('DTSTART:20261130T100000Z\r\n');
    expect(ics).toContain('DTEND:20261130T110000Z\r\n');
    expect(ics).toContain('LOCATION:Stadhuis\\, kamer 2.14\r\n');
    expect(ics).toContain('ORGANIZER;CN=Peter Jansen:mailto:peter.jansen@utrecht.example\r\n');
    expect(ics).toContain('mailto:sanne.devries@utrecht.example');
    expect(ics).toContain('mailto:pleger@example.org');
    expect(ics.trimEnd().endsWith('END:VCALENDAR')).toBe(true);

    // The next form does not offer the hour that is now taken.
    const next = (await act('case.planMeeting', { caseId })).body.value;
    const offered = (actions(next, 'Input.ChoiceSet').find((i) => i.id === 'slot')?.choices as { value: string }[]).map((c) => c.value);
    expect(offered).not.toContain('2026-11-30T11:00');
    expect(offered[0]).toBe('2026-11-30T12:00');

    const cancelled = await act('meeting.cancel', { caseId, meetingId });
    expect(texts(cancelled.body.value)).toContain('Verstuur de annulering met het agendabestand');
    const again = await (await fetch(url)).text();
    expect(again).toContain('METHOD:CANCEL\r\n');
    expect(again).toContain('STATUS:CANCELLED\r\n');
    expect(again).toContain('SEQUENCE:1\r\n');
  });

  it('an unknown or malformed link is a 404', async () => {
    expect((await fetch(`${harness.baseUrl}/ics/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await fetch(`${harness.baseUrl}/ics/..%2F..%2Fetc`)).status).toBe(404);
  });
});

describe('calendar configuration', () => {
  it('uses the GRAPH_* registration, each part defaulting to the bot’s own, and the configured base URL', () => {
    const bot = {
      PERPETRATOR_KEY: 'test-perpetrator-key-0123456789abcdef',
      MicrosoftAppId: 'bot-app',
      MicrosoftAppPassword: 'bot-secret',
      MicrosoftAppTenantId: TENANT,
      STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
      DIRECTORY_PATH: 'src/local/sample-directory.json',
    };
    expect(calendarSettings(loadConfig({ ...bot, GRAPH_BASE_URL: `${GRAPH}/v1.0` }))).toEqual({
      mode: 'graph',
      baseUrl: `${GRAPH}/v1.0`,
      credentials: { tenantId: TENANT, clientId: 'bot-app', clientSecret: 'bot-secret' },
    });
    expect(calendarSettings(loadConfig({ ...bot, GRAPH_CLIENT_ID: 'calendar-app', GRAPH_CLIENT_SECRET: 'calendar-secret' }))).toMatchObject({
      mode: 'graph',
      credentials: { tenantId: TENANT, clientId: 'calendar-app', clientSecret: 'calendar-secret' },
    });
    expect(calendarSettings(loadConfig({ LOCAL_MODE: 'true', GRAPH_TENANT_ID: '', GRAPH_CLIENT_ID: '', GRAPH_CLIENT_SECRET: '' }))).toEqual({ mode: 'ics', reason: 'local mode: no MicrosoftAppId' });
  });

  it('refuses half a registration with nothing to fall back on, naming what is missing', () => {
    expect(() => loadConfig({ LOCAL_MODE: 'true', GRAPH_CLIENT_ID: 'calendar-app' })).toThrow(/GRAPH_TENANT_ID[\s\S]*GRAPH_CLIENT_SECRET/);
  });

  it('reads PUBLIC_BASE_URL without a trailing slash, ignores it when empty, and refuses anything but http(s)', () => {
    expect(loadConfig({ LOCAL_MODE: 'true', PUBLIC_BASE_URL: 'https://bot.example.nl/' }).PUBLIC_BASE_URL).toBe('https://bot.example.nl');
    expect(loadConfig({ LOCAL_MODE: 'true', PUBLIC_BASE_URL: '' }).PUBLIC_BASE_URL).toBeUndefined();
    expect(() => loadConfig({ PUBLIC_BASE_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_BASE_URL/);
  });
});
