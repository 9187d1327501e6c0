import type { Case } from '../domain/case';
import { accessOf, type DeskLookup } from '../domain/case-access';
import type { Clock } from '../domain/clock';
import { policeFormFields, type PoliceForm } from '../copy/police-form.copy';
import type { FileDelivery, FileOffer } from './file-delivery-ports';

/** Finds a case by its number (e.g. WB-2026-00012). */
export interface CaseByNumber {
  findByNumber(caseNumber: string): Promise<Case | undefined>;
}

export type PoliceFormOutcome = { outcome: 'offered'; offer: FileOffer; fileName: string; caseNumber: string } | { outcome: 'notFound' };

/**
 * The police information form of one case, for a handler of that case only (by Entra object id,
 * case-access.ts). Anyone else hears the same as for a number that does not exist, so the answer does
 * not tell whether a case exists. The PDF reaches only the handler, through FileDelivery.
 */
export class PoliceFormService {
  constructor(
    private readonly deps: {
      cases: CaseByNumber;
      directory: DeskLookup & { organisationAddress(organisationId: string): string | undefined };
      renderPdf: (form: PoliceForm) => Promise<Buffer>;
      delivery: FileDelivery;
      clock: Clock;
    },
  ) {}

  async offer(aadObjectId: string, caseNumber: string): Promise<PoliceFormOutcome> {
    const c = await this.deps.cases.findByNumber(caseNumber.toUpperCase());
    if (c === undefined || accessOf(c, aadObjectId, this.deps.directory) !== 'handler') return { outcome: 'notFound' };
    const address = this.deps.directory.organisationAddress(c.organisationId);
    // With the 7 W's the handler completed at checklist step 2.
    const form = policeFormFields(c, c.policeFormCompletions ?? {}, { now: this.deps.clock.now(), ...(address ? { organisationAddress: address } : {}) });
    const fileName = `politieformulier-${c.caseNumber}.pdf`;
    const offer = await this.deps.delivery.offer({ fileName, contentType: 'application/pdf', content: await this.deps.renderPdf(form), kind: 'police-form' }, aadObjectId);
    return { outcome: 'offered', offer, fileName, caseNumber: c.caseNumber };
  }
}
