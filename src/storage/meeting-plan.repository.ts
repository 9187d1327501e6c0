import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import { CALENDAR_ERROR_CODES } from '../app/calendar-ports';
import type { MeetingRecord, MeetingStore } from '../app/meeting.service';
import { ATTENDEE_ROLES, ICS_TOKEN_PATTERN, MEETING_KINDS, MEETING_LIMITS } from '../domain/meetings';
import { DocumentTable, type IndexColumns } from './document-table';
import { AlreadyExistsError } from './errors';

/** ISO timestamps in storage, Dates in the app. */
const instant = z
  .union([z.string().datetime({ offset: true }), z.date()])
  .transform((value) => (value instanceof Date ? value : new Date(value)));

const attendeeSchema = z.object({
  name: z.string().max(MEETING_LIMITS.name).optional(),
  email: z.string().email().max(MEETING_LIMITS.email),
  role: z.enum(ATTENDEE_ROLES),
});

const planSchema = z.object({
  id: z.string().min(1).max(100),
  kind: z.enum(MEETING_KINDS),
  startsAt: instant,
  durationMinutes: z.number().int().min(MEETING_LIMITS.minDurationMinutes).max(MEETING_LIMITS.maxDurationMinutes),
  venue: z.discriminatedUnion('type', [
    z.object({ type: z.literal('location'), location: z.string().max(MEETING_LIMITS.location) }),
    z.object({ type: z.literal('online') }),
  ]),
  attendees: z.array(attendeeSchema).min(1).max(MEETING_LIMITS.maxAttendees),
  eventId: z.string().min(1).max(1000).optional(),
  status: z.enum(['planned', 'cancelled']),
  calendar: z.enum(['graph', 'ics']),
  revision: z.number().int().min(0),
});

const syncSchema = z.object({
  state: z.enum(['pending', 'done', 'failed']),
  operation: z.enum(['create', 'update', 'cancel']),
  failure: z
    .object({
      code: z.enum([...CALENDAR_ERROR_CODES, 'CALENDAR.OFF', 'CALENDAR.UNEXPECTED']),
      message: z.string().max(2000),
    })
    .optional(),
  claimedUntil: instant.optional(),
});

/** A meeting row, validated on every write and every read. */
export const meetingRecordSchema = z.object({
  caseId: z.string().min(1),
  caseNumber: z.string().min(1).max(40),
  plan: planSchema,
  organiser: z.object({ aadObjectId: z.string().min(1), email: z.string().email(), name: z.string().max(200).optional() }),
  icsToken: z.string().regex(ICS_TOKEN_PATTERN),
  sync: syncSchema,
  createdAt: instant,
  updatedAt: instant,
});

/** Flat columns for the cross-case queries: the handler's other meetings, and the .ics link. */
function indexColumns(record: MeetingRecord): IndexColumns {
  return {
    organiserAadObjectId: record.organiser.aadObjectId,
    planStatus: record.plan.status,
    icsToken: record.icsToken,
    startsAt: record.plan.startsAt,
  };
}

/**
 * Planned meetings in Table Storage: partition = case id (the case card lists them in one query),
 * row = meeting id; ETags guard every change.
 */
export class TableMeetingRepository implements MeetingStore {
  private readonly table: DocumentTable<MeetingRecord>;

  constructor(client: TableClient) {
    this.table = new DocumentTable<MeetingRecord>(client, meetingRecordSchema, { index: indexColumns });
  }

  async create(record: MeetingRecord): Promise<boolean> {
    try {
      await this.table.create(record.caseId, record.plan.id, record);
      return true;
    } catch (error) {
      if (error instanceof AlreadyExistsError) return false;
      throw error;
    }
  }

  async get(caseId: string, meetingId: string): Promise<{ record: MeetingRecord; etag: string } | undefined> {
    const stored = await this.table.get(caseId, meetingId);
    return stored && { record: stored.value, etag: stored.etag };
  }

  replace(record: MeetingRecord, etag: string): Promise<string> {
    return this.table.replace(record.caseId, record.plan.id, record, etag);
  }

  async update(caseId: string, meetingId: string, mutate: (current: MeetingRecord) => MeetingRecord): Promise<MeetingRecord> {
    return (await this.table.update(caseId, meetingId, mutate)).value;
  }

  async listByCase(caseId: string): Promise<MeetingRecord[]> {
    const records: MeetingRecord[] = [];
    for await (const row of this.table.listPartition(caseId)) records.push(row.value);
    return records.sort((a, b) => a.plan.startsAt.getTime() - b.plan.startsAt.getTime());
  }

  /** A filtered scan across cases: fine for a handler's handful of meetings in the province's volume. */
  async listPlannedByOrganiser(aadObjectId: string): Promise<MeetingRecord[]> {
    const records: MeetingRecord[] = [];
    for await (const row of this.table.query(odata`organiserAadObjectId eq ${aadObjectId} and planStatus eq ${'planned'}`)) records.push(row.value);
    return records;
  }

  async findByIcsToken(token: string): Promise<MeetingRecord | undefined> {
    for await (const row of this.table.query(odata`icsToken eq ${token}`)) return row.value;
    return undefined;
  }
}
