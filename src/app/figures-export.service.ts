import type { Clock } from '../domain/clock';
import type { FigureScope } from '../domain/registration/figures';
import type { RegistrationRow } from '../domain/registration/registration-row';
import type { FileDelivery, FileOffer } from './file-delivery-ports';
import type { FiguresService } from './figures.service';

/** Writes registration rows as a CSV file (src/reports/registration-csv.ts). */
export interface RegistrationCsvWriter {
  csv(rows: readonly RegistrationRow[], now: Date): Buffer;
  fileName(period: { from: string; to: string }): string;
}

/**
 * The CSV export of the anonymous registration: who may export which scope is decided here, from the
 * caller's Entra object id (FiguresService.registrationsFor throws FIGURES.NOT_ALLOWED otherwise),
 * never from the card; the file reaches only the caller, through FileDelivery.
 */
export class FiguresExportService {
  constructor(private readonly deps: { figures: Pick<FiguresService, 'registrationsFor'>; writer: RegistrationCsvWriter; delivery: FileDelivery; clock: Clock }) {}

  async exportCsv(aadObjectId: string, scope: FigureScope, period: { from: string; to: string }): Promise<FileOffer & { fileName: string; rows: number }> {
    const { rows } = await this.deps.figures.registrationsFor(aadObjectId, period, scope);
    const fileName = this.deps.writer.fileName(period);
    const offer = await this.deps.delivery.offer(
      { fileName, contentType: 'text/csv; charset=utf-8', content: this.deps.writer.csv(rows, this.deps.clock.now()), kind: 'registration-csv' },
      aadObjectId,
    );
    return { ...offer, fileName, rows: rows.length };
  }
}
