import { z } from 'zod';
import { CASE_STATUSES, EVALUATION_QUESTIONS, MEETING_KINDS, NO_RESPONSE_REASONS, type Case } from '../domain/case';
import { CASE_TASK_KINDS } from '../domain/case-model';
import { DEADLINE_KINDS } from '../domain/deadlines';
import { POLICE_JUDGEMENTS, POLICE_REPORT_KINDS, RESTRICTIONS_CLOSING_DECISIONS } from '../domain/follow-up-terms';
import { MEASURE_EVENT_ACTIONS, MEASURE_KINDS, MEASURE_STATUSES, whyNoIncidentMeetingDeadline } from '../domain/measures';
import { perpetratorKeys } from '../domain/perpetrator';
import { POLICE_CHECKLIST_STEPS } from '../domain/police-checklist';
import { incidentReportSchema, needsPoliceAppointment } from '../domain/report';
import { SEVEN_W_MAX_LENGTH, SEVEN_WS, type SevenW } from '../domain/seven-ws';
import { HANDLER_ROLES, INFORMED_ROLES, OFFICE_HOLDER_ROLES } from '../domain/roles';

/** ISO timestamps in storage, Dates in the domain. */
const instant = z
  .union([z.string().datetime({ offset: true }), z.date()])
  .transform((value) => (value instanceof Date ? value : new Date(value)));

const routeSchema = z.object({
  handler: z.object({ role: z.enum(HANDLER_ROLES), organisationId: z.string() }),
  informed: z.array(z.object({ role: z.enum(INFORMED_ROLES), organisationId: z.string().nullable(), external: z.boolean() })),
});

const perpetratorResponseSchema = z.union([
  z.object({ kind: z.literal('given'), summary: z.string(), recordedAt: instant, recordedByAadObjectId: z.string() }),
  z.object({
    kind: z.literal('notPossible'),
    reason: z.enum(NO_RESPONSE_REASONS),
    explanation: z.string().optional(),
    recordedAt: instant,
    recordedByAadObjectId: z.string(),
  }),
]);

// Rows written before measures had a life cycle hold no status: they were never more than proposed.
const measureSchema = z.object({
  id: z.string(),
  kind: z.enum(MEASURE_KINDS),
  status: z.enum(MEASURE_STATUSES).default('proposed'),
  description: z.string().optional(),
  endsAt: instant.optional(),
});

const measureEventSchema = z.object({
  action: z.enum(MEASURE_EVENT_ACTIONS),
  at: instant,
  byAadObjectId: z.string(),
  comment: z.string().optional(),
  measures: z.array(measureSchema).optional(),
});

const goalReachedAtSchema = z
  .object({
    labourInspectorate: instant.optional(),
    measures: instant.optional(),
    incidentMeeting: instant.optional(),
    policeAppointment: instant.optional(),
    restorationMeeting: instant.optional(),
    secondOpinion: instant.optional(),
  })
  .strict()
  // JSON has no undefined; leave absent keys absent so `kind in goalReachedAt` means "reached".
  .transform((goals) => Object.fromEntries(Object.entries(goals).filter(([, at]) => at !== undefined)) as Case['goalReachedAt']);

const checklistSchema = z.object({
  ticks: z.array(
    z.object({
      step: z.number().int().refine((step): step is (typeof POLICE_CHECKLIST_STEPS)[number] => (POLICE_CHECKLIST_STEPS as readonly number[]).includes(step)),
      at: instant,
      byAadObjectId: z.string(),
    }),
  ),
});

// Rows written before deadlines recorded when they were set hold `overdueAtRegistration`: they were set at registration.
const deadlineSchema = z.object({
  kind: z.enum(DEADLINE_KINDS),
  dueAt: instant,
  setAt: instant.optional(),
  overdueWhenSet: z.boolean().optional(),
  overdueAtRegistration: z.boolean().optional(),
  decreeDaysUnknownFor: z.array(z.number().int()).optional(),
});

const evaluationSchema = z.object({
  ...(Object.fromEntries(EVALUATION_QUESTIONS.map((q) => [q, z.string()])) as Record<(typeof EVALUATION_QUESTIONS)[number], z.ZodString>),
  recordedAt: instant,
  recordedByAadObjectId: z.string(),
});

/** The persisted form of a case, validated on every read and write. */
export const caseRecordSchema: z.ZodType<Case, z.ZodTypeDef, unknown> = z.object({
  id: z.string().min(1),
  caseNumber: z.string().regex(/^WB-\d{4}-\d{5,}$/),
  organisationId: z.string().min(1),
  officeHolder: z.object({ aadObjectId: z.string().min(1), name: z.string(), role: z.enum(OFFICE_HOLDER_ROLES) }),
  report: incidentReportSchema,
  registeredAt: instant,
  route: routeSchema,
  deadlines: z.array(deadlineSchema),
  status: z.enum(CASE_STATUSES),
  statusHistory: z.array(z.object({ status: z.enum(CASE_STATUSES), at: instant, byAadObjectId: z.string(), comment: z.string().optional() })),
  handler: z.object({ aadObjectId: z.string(), takenAt: instant }).optional(),
  tasks: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(CASE_TASK_KINDS),
      role: z.enum(INFORMED_ROLES).optional(),
      title: z.string(),
      status: z.enum(['open', 'done']),
      createdAt: instant,
      completedAt: instant.optional(),
      completedByAadObjectId: z.string().optional(),
    }),
  ),
  measures: z.array(measureSchema),
  perpetratorResponse: perpetratorResponseSchema.optional(),
  // Fields added with case handling; defaults let rows written before them still parse.
  measureHistory: z.array(measureEventSchema).default([]),
  perpetratorKeys: z.array(z.string()).optional(),
  earlierCasesOfPerpetrator: z.number().int().min(0).optional(),
  goalReachedAt: goalReachedAtSchema.default({}),
  policeChecklist: checklistSchema.optional(),
  labourInspectorateWarned: z.object({ at: instant, byAadObjectId: z.string() }).optional(),
  policeFormCompletions: z.object(Object.fromEntries(SEVEN_WS.map((w) => [w, z.string().max(SEVEN_W_MAX_LENGTH).optional()])) as Record<SevenW, z.ZodOptional<z.ZodString>>).strict().optional(),
  meetings: z
    .array(z.object({ kind: z.enum(MEETING_KINDS), heldAt: instant, recordedAt: instant, recordedByAadObjectId: z.string() }))
    .default([]),
  hasPlannedMeetings: z.boolean().optional(),
  evaluation: evaluationSchema.optional(),
  policeRecord: z
    .object({ kind: z.enum(POLICE_REPORT_KINDS), madeAt: instant, judgement: z.enum(POLICE_JUDGEMENTS), recordedAt: instant, recordedByAadObjectId: z.string() })
    .optional(),
  restrictions: z
    .object({
      adjustments: z.array(z.object({ endsAt: instant, agreements: z.string().optional(), at: instant, byAadObjectId: z.string() })),
      confirmations: z.array(z.object({ sentOn: instant, recordedAt: instant, byAadObjectId: z.string() })),
      closingDecision: z.object({ decision: z.enum(RESTRICTIONS_CLOSING_DECISIONS), at: instant }).optional(),
    })
    .optional(),
  meetingReport: z.object({ text: z.string(), shareableWithPerpetrator: z.boolean(), recordedAt: instant, recordedByAadObjectId: z.string() }).optional(),
  informedChanges: z
    .array(
      z.object({
        action: z.enum(['added', 'removed']),
        person: z.object({ aadObjectId: z.string(), name: z.string(), role: z.enum(INFORMED_ROLES), organisationId: z.string() }),
        at: instant,
        byAadObjectId: z.string(),
      }),
    )
    .optional(),
  coordinatorSupport: z.object({ askedAt: instant, byAadObjectId: z.string() }).optional(),
  damageRecoveryWaiver: z.object({ reason: z.string(), at: instant, byAadObjectId: z.string() }).optional(),
}).transform(({ perpetratorKeys: keys, policeChecklist, deadlines: storedDeadlines, ...rest }): Case => {
  // Older rows: derive what submitCase would have stored, so recidive and the checklist work for them too.
  const checklist = policeChecklist ?? (needsPoliceAppointment(rest.report) ? { ticks: [] } : undefined);
  const deadlines = storedDeadlines
    // Rows from before the incidentgesprek deadline followed the measures had it on every case: drop it where no chosen measure calls for it.
    .filter((d) => d.kind !== 'incidentMeeting' || whyNoIncidentMeetingDeadline(rest.measures, rest.report) === undefined)
    .map(({ overdueAtRegistration, overdueWhenSet, setAt, decreeDaysUnknownFor, ...d }) => ({
      ...d,
      setAt: setAt ?? rest.registeredAt,
      overdueWhenSet: overdueWhenSet ?? overdueAtRegistration ?? false,
      ...(decreeDaysUnknownFor === undefined || decreeDaysUnknownFor.length === 0 ? {} : { decreeDaysUnknownFor }),
    }));
  return {
    ...rest,
    deadlines,
    perpetratorKeys: keys ?? perpetratorKeys(rest.report),
    ...(checklist === undefined ? {} : { policeChecklist: checklist }),
  };
});

/** Flat columns beside the document, for server-side filters. */
export function caseIndexColumns(c: Case) {
  return {
    caseNumber: c.caseNumber,
    organisationId: c.organisationId,
    officeHolderAadObjectId: c.officeHolder.aadObjectId,
    status: c.status,
    registeredAt: c.registeredAt,
  };
}
