import { ORGANISATIONS, ROLES_BY_KIND } from '../../domain/organisations';
import { INCIDENT_KINDS, INJURIES, ONLINE_CHANNELS } from '../../domain/report';
import { registrationRowSchema, type RegistrationRow } from '../../domain/registration/registration-row';

/**
 * Made-up registration rows spread over the province and a span of time, for the figures bench and
 * for tests that need many rows: deterministic (a seeded generator), valid by the row schema,
 * weighted so big municipalities get more reports than small ones.
 */

/** mulberry32: a small seeded generator, enough to spread test data (not for anything secret). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleRegistration {
  readonly caseId: string;
  readonly row: RegistrationRow;
}

const DAY_MS = 86_400_000;

/** `count` rows registered between `from` and `to`; cases older than 30 days at `to` are closed. */
export function sampleRegistrations(count: number, span: { from: Date; to: Date }, seed = 42): SampleRegistration[] {
  const random = generator(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  // Utrecht and Amersfoort large, the province itself sizeable, the rest smaller.
  const weights = ORGANISATIONS.map((o) => (o.id === 'gemeente-utrecht' ? 12 : o.id === 'gemeente-amersfoort' ? 6 : o.id === 'provincie-utrecht' ? 5 : o.kind === 'waterschap' ? 1 : 1.5));
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const pickOrganisation = () => {
    let r = random() * totalWeight;
    for (let i = 0; i < ORGANISATIONS.length; i++) {
      r -= weights[i];
      if (r <= 0) return ORGANISATIONS[i];
    }
    return ORGANISATIONS[ORGANISATIONS.length - 1];
  };
  const rows: SampleRegistration[] = [];
  for (let i = 0; i < count; i++) {
    const registered = new Date(span.from.getTime() + random() * (span.to.getTime() - span.from.getTime()));
    const incident = new Date(registered.getTime() - random() * 2 * DAY_MS);
    const organisation = pickOrganisation();
    const online = random() < 0.45;
    const closed = span.to.getTime() - registered.getTime() > 30 * DAY_MS || random() < 0.3;
    const taken = closed || random() < 0.7;
    const suspected = pick(['yes', 'no', 'no', 'unsure'] as const);
    const measuresDue = new Date(incident.getTime() + 72 * 3_600_000);
    const measuresOutcome = closed ? (random() < 0.8 ? 'onTime' : 'missed') : random() < 0.5 ? 'onTime' : 'open';
    const policeDue = new Date(registered.getTime() + 2 * DAY_MS);
    const kinds = [...new Set([pick(INCIDENT_KINDS), ...(random() < 0.3 ? [pick(INCIDENT_KINDS)] : [])])];
    const injury = random() < 0.12 ? [pick(INJURIES)] : [];
    const open = [measuresOutcome === 'open' ? measuresDue : undefined, suspected !== 'no' && !closed ? policeDue : undefined].filter((d): d is Date => d !== undefined);
    const row = {
      version: 1,
      incidentDate: incident.toISOString().slice(0, 10),
      reportedDate: registered.toISOString().slice(0, 10),
      organisationId: organisation.id,
      officeHolderRole: pick(ROLES_BY_KIND[organisation.kind]),
      level: pick([1, 2, 3, 3, 4, 4, 4, 5] as const),
      kinds,
      channel: online ? 'online' : 'offline',
      ...(online ? { onlineChannel: pick(ONLINE_CHANNELS) } : {}),
      injury,
      propertyDamage: random() < 0.1,
      absenceFromWork: random() < 0.05,
      criminalOffenceSuspected: suspected,
      policeReport: suspected === 'no' ? 'none' : closed && random() < 0.6 ? 'made' : 'planned',
      repeatPerpetrator: random() < 0.15,
      status: closed ? 'closed' : taken ? pick(['inProgress', 'measuresProposed', 'measuresAgreed'] as const) : 'submitted',
      ...(taken ? { takenAfterMinutes: Math.floor(random() * random() * 3 * 1440) } : {}),
      measures: { dueAt: measuresDue.toISOString(), outcome: measuresOutcome },
      ...(suspected !== 'no' ? { policeAppointment: { dueAt: policeDue.toISOString(), outcome: closed ? (random() < 0.7 ? 'onTime' : 'missed') : 'open' } } : {}),
      ...(closed ? { closedWith: random() < 0.85 ? 'response' : 'noResponse' } : {}),
      ...(!closed && open.length > 0 ? { openDeadlineDueAt: new Date(Math.min(...open.map((d) => d.getTime()))).toISOString() } : {}),
    };
    rows.push({ caseId: `sample-${seed}-${i}`, row: registrationRowSchema.parse(row) });
  }
  return rows;
}
