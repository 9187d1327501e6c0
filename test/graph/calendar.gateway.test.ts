import nock from 'nock';
import {
  CalendarNotFoundError,
  CalendarPermissionError,
  CalendarUnavailableError,
  isCalendarError,
  type CreateEventRequest,
} from '../../src/app/calendar-ports';
import { meetingTransactionId, planMeeting, proposeSlots, type MeetingPlan } from '../../src/domain/meetings';
import { MEETING_CANCELLED_COMMENT } from '../../src/copy/meetings.copy';
import { WorkingDayCalendar } from '../../src/domain/working-days';
import { SHIPPED_DECREE_DAYS } from '../../src/config/decree-days';
import { GraphCalendarGateway, TRANSACTION_PROPERTY_ID } from '../../src/graph/calendar.gateway';
import { createGraphClient } from '../../src/graph/graph-client';

const GRAPH = 'https://graph.microsoft.com';
const MAILBOX = 'a.devries@utrecht.nl';
const USER = '/v1.0/users/a.devries%40utrecht.nl';
const PREFER = 'outlook.timezone="W. Europe Standard Time"';
// Monday 30 November 2026, 10:00 CET.
const NOW = new Date('2026-11-30T09:00:00Z');

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

let seen: Seen[];
let sleeps: number[];

function record(method: string): (this: nock.ReplyFnContext, uri: string, body: nock.Body) => void {
  return function (this: nock.ReplyFnContext, uri: string, body: nock.Body) {
    seen.push({ method, path: uri, headers: this.req.headers, body });
  };
}

function gateway(): GraphCalendarGateway {
  const client = createGraphClient({ baseUrl: `${GRAPH}/v1.0`, authProvider: { getAccessToken: async () => 'test-token' } });
  return new GraphCalendarGateway({
    client,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      now: () => NOW,
    },
  });
}

function meeting(overrides: Record<string, unknown> = {}): MeetingPlan {
  const result = planMeeting(
    {
      kind: 'incidentMeeting',
      date: '2026-12-01', // Tuesday
      time: '10:00',
      durationMinutes: 60,
      online: false,
      location: 'Stadhuis, kamer 2.14',
      attendees: [
        { name: 'Anna de Vries', email: MAILBOX, role: 'handler' },
        { name: 'Wethouder Bakker', email: 'j.bakker@utrecht.nl', role: 'officeHolder' },
        { name: 'Coördinator VPT', email: 'vpt@provincie-utrecht.nl', role: 'coordinator' },
        { email: 'burger@example.org', role: 'other' },
      ],
      ...overrides,
    },
    { id: '7f0c2a6e', now: NOW, calendar: 'graph' },
  );
  if (!result.ok) {
    throw new Error(JSON.stringify(result.issues));
  }
  return result.plan;
}

function createRequest(plan = meeting()): CreateEventRequest {
  return { mailbox: MAILBOX, plan, caseNumber: 'WB-2026-00042', transactionId: meetingTransactionId(plan) };
}

const LOOKUP_FILTER = `singleValueExtendedProperties/Any(ep: ep/id eq '${TRANSACTION_PROPERTY_ID}' and ep/value eq 'wb-meeting-7f0c2a6e')`;

/** The GET a create makes first, to find an event an earlier attempt created. */
function lookup(found: string[] = []): nock.Scope {
  return nock(GRAPH)
    .get(`${USER}/events`)
    .query({ $filter: LOOKUP_FILTER, $select: 'id', $top: '2' })
    .reply(function (uri, body) {
      record('GET').call(this, uri, body);
      return [200, { value: found.map((id) => ({ id })) }];
    });
}

function expectGraphHeaders(request: Seen, options: { prefer: boolean; json: boolean }): void {
  expect(request.headers.authorization).toBe('Bearer test-token');
  if (options.prefer) {
    expect(request.headers.prefer).toBe(PREFER);
  }
  if (options.json) {
    expect(request.headers['content-type']).toBe('application/json');
  }
}

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

beforeEach(() => {
  seen = [];
  sleeps = [];
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

afterAll(() => {
  nock.enableNetConnect();
  // Un-patch http and fetch, so later test files in this worker talk to Azurite and friends directly.
  nock.restore();
});

describe('creating the event in the handler’s calendar', () => {
  it('posts a neutral, private event in Amsterdam time with the invitees and the transaction id', async () => {
    lookup();
    nock(GRAPH)
      .post(`${USER}/events`)
      .reply(function (uri, body) {
        record('POST').call(this, uri, body);
        return [201, { id: 'AAMkAGI1AAAt9AHjAAA=', subject: 'Gesprek WB-2026-00042' }];
      });

    const eventId = await gateway().createEvent(createRequest());

    expect(eventId).toBe('AAMkAGI1AAAt9AHjAAA=');
    const [find, post] = seen;
    expectGraphHeaders(find, { prefer: false, json: false });
    expectGraphHeaders(post, { prefer: true, json: true });
    expect(post.body).toEqual({
      subject: 'Gesprek WB-2026-00042',
      start: { dateTime: '2026-12-01T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-12-01T11:00:00', timeZone: 'W. Europe Standard Time' },
      location: { displayName: 'Stadhuis, kamer 2.14' },
      // The handler organises the meeting, so is not invited to it.
      attendees: [
        { type: 'required', emailAddress: { address: 'j.bakker@utrecht.nl', name: 'Wethouder Bakker' } },
        { type: 'required', emailAddress: { address: 'vpt@provincie-utrecht.nl', name: 'Coördinator VPT' } },
        { type: 'required', emailAddress: { address: 'burger@example.org' } },
      ],
      sensitivity: 'private',
      hideAttendees: true,
      transactionId: 'wb-meeting-7f0c2a6e',
      singleValueExtendedProperties: [{ id: TRANSACTION_PROPERTY_ID, value: 'wb-meeting-7f0c2a6e' }],
    });
    expect(sleeps).toEqual([]);
  });

  it('asks for a Teams meeting when the meeting is online', async () => {
    lookup();
    nock(GRAPH)
      .post(`${USER}/events`)
      .reply(function (uri, body) {
        record('POST').call(this, uri, body);
        return [201, { id: 'AAMk-online' }];
      });

    await gateway().createEvent(createRequest(meeting({ online: true, location: undefined })));

    expect(seen[1].body).toMatchObject({ isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
    expect(seen[1].body).not.toHaveProperty('location');
  });

  it('does not create a second event when the one from an earlier attempt is already there', async () => {
    lookup(['AAMk-earlier']);

    await expect(gateway().createEvent(createRequest())).resolves.toBe('AAMk-earlier');
    expect(seen.map((r) => r.method)).toEqual(['GET']);
  });
});

describe('a create whose answer was lost', () => {
  /** A stand-in for the mailbox: events by transactionId, as Graph dedupes them. */
  function fakeMailbox(options: { indexLags: boolean }) {
    const events = new Map<string, string>();
    let posts = 0;
    nock(GRAPH)
      .persist()
      .get(`${USER}/events`)
      .query(true)
      .reply(function (uri, body) {
        record('GET').call(this, uri, body);
        // With indexLags the extended-property search does not see the new event yet.
        const value = options.indexLags ? [] : [...events.values()].map((id) => ({ id }));
        return [200, { value }];
      });
    nock(GRAPH)
      .persist()
      .post(`${USER}/events`)
      .reply(function (uri, body, callback) {
        record('POST').call(this, uri, body);
        posts += 1;
        const transactionId = (body as { transactionId: string }).transactionId;
        const id = events.get(transactionId) ?? `AAMk-${events.size + 1}`;
        events.set(transactionId, id);
        if (posts === 1) {
          // Created, but the connection drops before the 201 arrives.
          callback(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), [0, '']);
          return;
        }
        callback(null, [201, { id }]);
      });
    return events;
  }

  it('finds the event on the retry and books it once', async () => {
    const events = fakeMailbox({ indexLags: false });

    const eventId = await gateway().createEvent(createRequest());

    expect(events.size).toBe(1);
    expect(eventId).toBe(events.get('wb-meeting-7f0c2a6e'));
    expect(seen.map((r) => r.method)).toEqual(['GET', 'POST', 'GET']);
    expect(sleeps).toEqual([1000]);
  });

  it('posts again with the same transactionId when the event cannot be found yet, and still books it once', async () => {
    const events = fakeMailbox({ indexLags: true });

    const eventId = await gateway().createEvent(createRequest());

    const posts = seen.filter((r) => r.method === 'POST').map((r) => (r.body as { transactionId: string }).transactionId);
    expect(posts).toEqual(['wb-meeting-7f0c2a6e', 'wb-meeting-7f0c2a6e']);
    expect(events.size).toBe(1);
    expect(eventId).toBe('AAMk-1');
  });
});

describe('rescheduling and cancelling', () => {
  it('patches the event with the new time, place and attendees', async () => {
    nock(GRAPH)
      .patch(`${USER}/events/AAMkAGI1AAAt9AHjAAA%3D`)
      .reply(function (uri, body) {
        record('PATCH').call(this, uri, body);
        return [200, { id: 'AAMkAGI1AAAt9AHjAAA=' }];
      });
    const moved = meeting({ date: '2026-12-02', time: '14:30', durationMinutes: 45, location: 'Provinciehuis, zaal 1' });

    await gateway().updateEvent({ mailbox: MAILBOX, eventId: 'AAMkAGI1AAAt9AHjAAA=', plan: moved, caseNumber: 'WB-2026-00042' });

    expectGraphHeaders(seen[0], { prefer: true, json: true });
    expect(seen[0].body).toMatchObject({
      subject: 'Gesprek WB-2026-00042',
      start: { dateTime: '2026-12-02T14:30:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-12-02T15:15:00', timeZone: 'W. Europe Standard Time' },
      location: { displayName: 'Provinciehuis, zaal 1' },
    });
    // The transaction id is fixed at creation; an update must not send it.
    expect(seen[0].body).not.toHaveProperty('transactionId');
  });

  it('cancels the event with a neutral comment for the attendees', async () => {
    nock(GRAPH)
      .post(`${USER}/events/AAMk-1/cancel`)
      .reply(function (uri, body) {
        record('POST').call(this, uri, body);
        return [202];
      });

    await expect(gateway().cancelEvent({ mailbox: MAILBOX, eventId: 'AAMk-1', comment: MEETING_CANCELLED_COMMENT })).resolves.toBe('cancelled');

    expectGraphHeaders(seen[0], { prefer: false, json: true });
    expect(seen[0].body).toEqual({ Comment: 'Dit gesprek gaat niet door.' });
  });

  it('reports an event deleted in Outlook as already gone when cancelling', async () => {
    nock(GRAPH)
      .post(`${USER}/events/AAMk-1/cancel`)
      .reply(404, { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } });

    await expect(gateway().cancelEvent({ mailbox: MAILBOX, eventId: 'AAMk-1', comment: MEETING_CANCELLED_COMMENT })).resolves.toBe('alreadyGone');
  });

  it('explains that the event is gone when rescheduling it fails with 404', async () => {
    nock(GRAPH).patch(`${USER}/events/AAMk-1`).reply(404, { error: { code: 'ErrorItemNotFound', message: 'Not found.' } });

    const error = await gateway()
      .updateEvent({ mailbox: MAILBOX, eventId: 'AAMk-1', plan: meeting(), caseNumber: 'WB-2026-00042' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CalendarNotFoundError);
    expect((error as CalendarNotFoundError).what).toBe('event');
    expect((error as CalendarNotFoundError).userMessage).toContain('Plan het gesprek opnieuw in');
  });
});

describe('free/busy', () => {
  const window = { from: new Date('2026-12-01T07:00:00Z'), until: new Date('2026-12-03T13:15:00Z') };

  function scheduleReply(): nock.Scope {
    return nock(GRAPH)
      .post(`${USER}/calendar/getSchedule`)
      .reply(function (uri, body) {
        record('POST').call(this, uri, body);
        return [
          200,
          {
            '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)',
            value: [
              {
                scheduleId: 'a.devries@utrecht.nl',
                availabilityView: '222200000',
                scheduleItems: [
                  {
                    isPrivate: false,
                    status: 'busy',
                    subject: 'Overleg',
                    start: { dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'W. Europe Standard Time' },
                    end: { dateTime: '2026-12-01T10:15:00.0000000', timeZone: 'W. Europe Standard Time' },
                  },
                  {
                    status: 'free',
                    start: { dateTime: '2026-12-01T13:00:00.0000000', timeZone: 'W. Europe Standard Time' },
                    end: { dateTime: '2026-12-01T14:00:00.0000000', timeZone: 'W. Europe Standard Time' },
                  },
                ],
              },
              {
                scheduleId: 'J.Bakker@utrecht.nl',
                availabilityView: '000011110',
                scheduleItems: [
                  {
                    status: 'Tentative',
                    start: { dateTime: '2026-12-01T11:00:00.0000000', timeZone: 'W. Europe Standard Time' },
                    end: { dateTime: '2026-12-01T12:00:00.0000000', timeZone: 'W. Europe Standard Time' },
                  },
                ],
              },
              {
                scheduleId: 'burger@example.org',
                availabilityView: '',
                error: { message: 'Unable to resolve the e-mail address.', responseCode: 'ErrorMailRecipientNotFound' },
              },
            ],
          },
        ];
      });
  }

  it('asks Graph for the window in UTC and reads busy, tentative and unknown people correctly', async () => {
    scheduleReply();

    const availability = await gateway().getSchedule(MAILBOX, [MAILBOX, 'j.bakker@utrecht.nl', 'burger@example.org'], window);

    expectGraphHeaders(seen[0], { prefer: true, json: true });
    expect(seen[0].body).toEqual({
      schedules: ['a.devries@utrecht.nl', 'j.bakker@utrecht.nl', 'burger@example.org'],
      startTime: { dateTime: '2026-12-01T07:00:00', timeZone: 'UTC' },
      endTime: { dateTime: '2026-12-03T13:15:00', timeZone: 'UTC' },
      availabilityViewInterval: 30,
    });
    expect(availability).toEqual([
      {
        email: MAILBOX,
        known: true,
        busy: [{ start: new Date('2026-12-01T08:00:00Z'), end: new Date('2026-12-01T09:15:00Z') }],
      },
      {
        email: 'j.bakker@utrecht.nl',
        known: true,
        busy: [{ start: new Date('2026-12-01T10:00:00Z'), end: new Date('2026-12-01T11:00:00Z') }],
      },
      { email: 'burger@example.org', known: false, busy: [] },
    ]);
  });

  it('feeds the slot proposals: free for both, within working hours, before the deadline', async () => {
    scheduleReply();
    const availability = await gateway().getSchedule(MAILBOX, [MAILBOX, 'j.bakker@utrecht.nl'], window);

    const slots = proposeSlots(
      availability.map((person) => person.busy),
      window,
      60,
      new WorkingDayCalendar(SHIPPED_DECREE_DAYS),
    );

    expect(slots.map((slot) => slot.start.toISOString())).toEqual([
      '2026-12-01T11:00:00.000Z', // Tuesday 12:00: after the handler's 09:00–10:15 and the office holder's 11:00–12:00
      '2026-12-01T11:30:00.000Z',
      '2026-12-01T12:00:00.000Z',
      '2026-12-01T12:30:00.000Z',
      '2026-12-01T13:00:00.000Z',
    ]);
  });

  it('explains a missing mailbox', async () => {
    nock(GRAPH)
      .post(`${USER}/calendar/getSchedule`)
      .reply(404, { error: { code: 'ErrorInvalidUser', message: "The requested user 'a.devries@utrecht.nl' is invalid." } });

    const error = await gateway()
      .getSchedule(MAILBOX, [MAILBOX], window)
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CalendarNotFoundError);
    expect((error as CalendarNotFoundError).what).toBe('mailbox');
    // The developer message carries codes, never Graph's text with the address in it.
    expect((error as Error).message).not.toContain('a.devries');
  });
});

describe('failures are explained, never swallowed', () => {
  it('403: tells the handler what the administrator must grant, without retrying', async () => {
    nock(GRAPH)
      .post(`${USER}/calendar/getSchedule`)
      .reply(403, { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } });

    const error = await gateway()
      .getSchedule(MAILBOX, [MAILBOX], { from: NOW, until: new Date('2026-12-03T13:15:00Z') })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CalendarPermissionError);
    const message = (error as CalendarPermissionError).userMessage;
    expect(message).toContain('Calendars.ReadWrite');
    expect(message).toContain('RBAC voor applicaties in Exchange Online');
    expect(message).toContain('application access policy');
    expect((error as CalendarPermissionError).graphCode).toBe('ErrorAccessDenied');
    expect(sleeps).toEqual([]);
  });

  it('429: waits as long as Retry-After says, then succeeds', async () => {
    nock(GRAPH)
      .post(`${USER}/events/AAMk-1/cancel`)
      .reply(429, { error: { code: 'ApplicationThrottled', message: 'Too many requests.' } }, { 'Retry-After': '7' })
      .post(`${USER}/events/AAMk-1/cancel`)
      .reply(202);

    await expect(gateway().cancelEvent({ mailbox: MAILBOX, eventId: 'AAMk-1', comment: MEETING_CANCELLED_COMMENT })).resolves.toBe('cancelled');
    expect(sleeps).toEqual([7000]);
  });

  it('429 that does not stop: gives up after four attempts and says when to try again', async () => {
    nock(GRAPH)
      .patch(`${USER}/events/AAMk-1`)
      .times(4)
      .reply(429, { error: { code: 'ApplicationThrottled', message: 'Too many requests.' } }, { 'Retry-After': '2' });

    const error = await gateway()
      .updateEvent({ mailbox: MAILBOX, eventId: 'AAMk-1', plan: meeting(), caseNumber: 'WB-2026-00042' })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CalendarUnavailableError);
    expect(error).toMatchObject({ attempts: 4, retryAfterSeconds: 2, status: 429 });
    expect((error as CalendarUnavailableError).userMessage).toBe(
      'De afspraak in de agenda is nog niet gewijzigd. Microsoft 365 is tijdelijk overbelast of niet bereikbaar (na 4 pogingen). ' +
        'Microsoft vraagt het over 2 seconden opnieuw te proberen.',
    );
    expect(sleeps).toEqual([2000, 2000, 2000]);
  });

  it('429 asking for a longer wait than allowed: fails at once instead of keeping the handler waiting', async () => {
    nock(GRAPH)
      .patch(`${USER}/events/AAMk-1`)
      .reply(429, { error: { code: 'ApplicationThrottled', message: 'Too many requests.' } }, { 'Retry-After': '120' });

    const error = await gateway()
      .updateEvent({ mailbox: MAILBOX, eventId: 'AAMk-1', plan: meeting(), caseNumber: 'WB-2026-00042' })
      .catch((e: unknown) => e);

    expect(isCalendarError(error, 'CALENDAR.UNAVAILABLE')).toBe(true);
    expect((error as CalendarUnavailableError).userMessage).toContain('Microsoft vraagt het over 2 minuten opnieuw te proberen.');
    expect(sleeps).toEqual([]);
  });

  it('503 then success: the create is retried after a back-off and books one event', async () => {
    lookup();
    nock(GRAPH).post(`${USER}/events`).reply(503, 'Service Unavailable');
    lookup();
    nock(GRAPH)
      .post(`${USER}/events`)
      .reply(function (uri, body) {
        record('POST').call(this, uri, body);
        return [201, { id: 'AAMk-after-503' }];
      });

    await expect(gateway().createEvent(createRequest())).resolves.toBe('AAMk-after-503');
    expect(sleeps).toEqual([1000]);
  });

  it('a server that stays down: a clear failure after the retries', async () => {
    nock(GRAPH).post(`${USER}/calendar/getSchedule`).times(4).reply(503, 'Service Unavailable');

    const error = await gateway()
      .getSchedule(MAILBOX, [MAILBOX], { from: NOW, until: new Date('2026-12-03T13:15:00Z') })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CalendarUnavailableError);
    expect((error as CalendarUnavailableError).userMessage).toBe(
      'De beschikbaarheid kon niet worden opgehaald. Microsoft 365 is tijdelijk overbelast of niet bereikbaar (na 4 pogingen). ' +
        'Probeer het over enkele minuten opnieuw.',
    );
    expect(sleeps).toEqual([1000, 2000, 4000]);
  });

  it('400: Graph refusing the request is not retried', async () => {
    lookup();
    nock(GRAPH)
      .post(`${USER}/events`)
      .reply(400, { error: { code: 'ErrorPropertyValidationFailure', message: 'At least one property failed validation.' } });

    const error = await gateway()
      .createEvent(createRequest())
      .catch((e: unknown) => e);

    expect(isCalendarError(error, 'CALENDAR.REQUEST_REJECTED')).toBe(true);
    expect((error as CalendarUnavailableError).userMessage).toContain('foutcode ErrorPropertyValidationFailure');
    expect(sleeps).toEqual([]);
  });
});
