import { z } from 'zod';
import { caseEventSchema, type CaseEvent } from '../domain/case';

/**
 * The history of a case: one append-only record per event, written in the same transaction as the
 * change itself (so the history never misses a step nor shows one that did not happen). A record is
 * the event as the domain reported it (case-events.ts: who, when, what kind — ids, codes and moments,
 * never free text), numbered by the change that caused it.
 *
 * Where: table Cases, the case's own partition (PartitionKey = case id), RowKey
 * `history-<revision, 10 digits>-<sequence, 3 digits>`, so a partition query on the prefix returns them
 * in order. Flat columns `eventType` and `at` sit beside the record for queries across cases
 * (e.g. all caseClosed events of a year); the record itself is the JSON document.
 */
const numbering = {
  /** The case's revision this event belongs to: 1 for the submission, +1 for every later change. */
  revision: z.number().int().min(1),
  /** The event's place within its change, from 1. */
  sequence: z.number().int().min(1),
};
/** Every event kind of caseEventSchema, each numbered; strict, so no field beyond the event's own can be stored. */
export const caseHistoryRecordSchema = z.discriminatedUnion(
  'type',
  caseEventSchema.options.map((option) => option.extend(numbering)) as unknown as [z.ZodDiscriminatedUnionOption<'type'>, ...z.ZodDiscriminatedUnionOption<'type'>[]],
) as unknown as z.ZodType<CaseHistoryRecord, z.ZodTypeDef, unknown>;
export type CaseHistoryRecord = CaseEvent & { readonly revision: number; readonly sequence: number };

/** Numbers the events of one change for the history. */
export function historyRecords(events: readonly CaseEvent[], revision: number): CaseHistoryRecord[] {
  return events.map((event, index) => ({ ...event, revision, sequence: index + 1 }));
}

/** Reads a case's history, oldest first. */
export interface CaseHistoryReader {
  list(caseId: string): Promise<CaseHistoryRecord[]>;
}
