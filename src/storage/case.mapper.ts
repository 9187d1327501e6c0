import { z } from 'zod';
import { CASE_STATUSES, MEASURE_KINDS, NO_RESPONSE_REASONS, type Case } from '../domain/case';
import { DEADLINE_KINDS } from '../domain/deadlines';
import { incidentReportSchema } from '../domain/report';
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

/** The persisted form of a case, validated on every read and write. */
export const caseRecordSchema: z.ZodType<Case, z.ZodTypeDef, unknown> = z.object({
  id: z.string().min(1),
  caseNumber: z.string().regex(/^WB-\d{4}-\d{5,}$/),
  organisationId: z.string().min(1),
  officeHolder: z.object({ aadObjectId: z.string().min(1), name: z.string(), role: z.enum(OFFICE_HOLDER_ROLES) }),
  report: incidentReportSchema,
  registeredAt: instant,
  route: routeSchema,
  deadlines: z.array(z.object({ kind: z.enum(DEADLINE_KINDS), dueAt: instant, overdueAtRegistration: z.boolean() })),
  status: z.enum(CASE_STATUSES),
  statusHistory: z.array(z.object({ status: z.enum(CASE_STATUSES), at: instant, byAadObjectId: z.string(), comment: z.string().optional() })),
  handler: z.object({ aadObjectId: z.string(), takenAt: instant }).optional(),
  tasks: z.array(
    z.object({
      id: z.string(),
      kind: z.literal('informExternalParty'),
      role: z.enum(INFORMED_ROLES),
      title: z.string(),
      status: z.enum(['open', 'done']),
      createdAt: instant,
      completedAt: instant.optional(),
      completedByAadObjectId: z.string().optional(),
    }),
  ),
  measures: z.array(z.object({ id: z.string(), kind: z.enum(MEASURE_KINDS), description: z.string().optional(), endsAt: instant.optional() })),
  perpetratorResponse: perpetratorResponseSchema.optional(),
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
