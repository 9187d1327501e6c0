import { ActivityTypes, StatusCodes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { FiguresExportService } from '../../app/figures-export.service';
import type { ChartDrawer } from '../../app/figures-ports';
import type { FiguresService } from '../../app/figures.service';
import type { Logger } from '../../app/logger';
import type { Clock } from '../../domain/clock';
import type { Directory } from '../../domain/directory';
import { isDomainError } from '../../domain/errors';
import { findOrganisation } from '../../domain/organisations';
import { figurePeriods } from '../../domain/registration/figure-periods';
import type { FigureScope } from '../../domain/registration/figures';
import type { CardRenderer } from '../cards/card-renderer';
import { normaliseCommandText } from '../commands';
import { fileReadyViewModel } from '../files/file-ready-card';
import { sendCard } from '../send-card';
import { FIGURES_EXPORT_CSV_VERB, figuresCardViewModel, figuresExportRequests } from './figures-card';
import { UNKNOWN_CALLER_TEXT } from '../../copy/card-actions.copy';
import { userMessageOf } from '../../copy/errors.copy';

export interface FiguresRouteDependencies {
  figures: Pick<FiguresService, 'scopesOf' | 'figuresFor'>;
  exports: Pick<FiguresExportService, 'exportCsv'>;
  drawChart: ChartDrawer;
  cards: CardRenderer;
  directory: Pick<Directory, 'coordinatorVpt'>;
  clock: Clock;
  logger: Logger;
}

/** The command on the help card of those who may see figures. */
export const FIGURES_COMMAND = { command: 'cijfers', description: 'De cijfers van de meldingen: aantallen per maand, de trend en hoe de handreiking wordt gevolgd.' } as const;

const FIGURES_WORDS = new Set(['cijfers', 'de cijfers', 'mijn cijfers', 'toon cijfers', 'cijfers bekijken', 'statistiek', 'statistieken', 'figures', 'registratie', 'aantallen']);
const HOW_MANY = /^hoeveel (meldingen|incidenten|zaken)( zijn er( gemeld| geweest)?| hebben we( gehad)?)?$/;

/** Whether a typed message asks for the figures ("cijfers", "statistieken", "hoeveel meldingen", …). */
export function isFiguresCommand(text: string | undefined): boolean {
  const command = normaliseCommandText(text);
  return FIGURES_WORDS.has(command) || HOW_MANY.test(command);
}

/** The refusal for someone without figures: short, and says who can see them. */
export function figuresRefusal(directory: Pick<Directory, 'coordinatorVpt'>): string {
  return (
    'Cijfers over meldingen kun je hier niet bekijken. De coördinator VPT ' +
    `(${directory.coordinatorVpt.name}) ziet de cijfers van de provincie, en de afhandelaars van een organisatie zien die van hun eigen organisatie. ` +
    'Heb je cijfers nodig? Vraag het de coördinator VPT.'
  );
}

const FAILED = 'De cijfers konden nu niet worden opgehaald. Er is niets verloren gegaan; probeer het over een moment opnieuw.';

/** "cijfers" in the 1:1 chat: one figures card per scope the person may see (the coordinator's province view lists every organisation). */
export async function sendFigures(context: TurnContext, deps: FiguresRouteDependencies): Promise<void> {
  const actor = context.activity.from?.aadObjectId ?? '';
  const scopes = deps.figures.scopesOf(actor);
  if (scopes.length === 0) {
    deps.logger.info('figures.refused');
    await context.sendActivity(figuresRefusal(deps.directory));
    return;
  }
  const periods = figurePeriods(deps.clock.now());
  try {
    for (const scope of scopes) {
      const { view } = await deps.figures.figuresFor(actor, scope);
      const chart = await deps.drawChart(view.months);
      const card = deps.cards.render('figures', figuresCardViewModel(view, chart, figuresExportRequests(scopeKey(scope), periods)));
      await sendCard(context, card, `Cijfers: ${view.title}`);
    }
    deps.logger.info('figures.shown', { count: scopes.length });
  } catch (error) {
    deps.logger.error('figures.failed', { code: (error as Error).name });
    await context.sendActivity(FAILED);
  }
}

function scopeKey(scope: FigureScope): string {
  return scope.kind === 'province' ? 'province' : scope.organisationId;
}

/** The card's data: ids and months only, re-checked on the server. */
const exportRequestSchema = z.object({
  scope: z.string().min(1).max(100),
  from: z.string().regex(/^\d{4}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}$/),
});

function scopeOf(key: string): FigureScope | undefined {
  if (key === 'province') return { kind: 'province' };
  return findOrganisation(key) ? { kind: 'organisation', organisationId: key } : undefined;
}

/** Answers an Action.Execute with a short message and leaves the card as it is. */
async function answerWithMessage(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: StatusCodes.OK, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } },
  });
}

/** The figures card's CSV buttons: the file card goes to the caller's 1:1 chat, never a channel. */
export function registerFiguresActions(app: Application<TurnState>, deps: FiguresRouteDependencies): void {
  app.adaptiveCards.actionExecute(FIGURES_EXPORT_CSV_VERB, async (context, _state, data) => {
    await answerWithMessage(context, await exportCsv(context, data, deps));
    return '';
  });
}

async function exportCsv(context: TurnContext, data: unknown, deps: FiguresRouteDependencies): Promise<string> {
  const actor = context.activity.from?.aadObjectId;
  if (!actor) return UNKNOWN_CALLER_TEXT;
  if (context.activity.conversation?.conversationType !== 'personal') {
    return 'Een export krijg je alleen in je eigen chat met de bot. Typ daar "cijfers" en kies een van de CSV-knoppen.';
  }
  const parsed = exportRequestSchema.safeParse(data);
  const scope = parsed.success ? scopeOf(parsed.data.scope) : undefined;
  if (!parsed.success || scope === undefined) return 'Deze knop begrijp ik niet (meer). Typ "cijfers" voor een nieuwe kaart.';
  try {
    const offer = await deps.exports.exportCsv(actor, scope, { from: parsed.data.from, to: parsed.data.to });
    const where = scope.kind === 'province' ? 'de provincie Utrecht (alle organisaties)' : (findOrganisation(scope.organisationId)?.name ?? scope.organisationId);
    const what = `De anonieme registratie van de meldingen van ${where}, ${parsed.data.from} tot en met ${parsed.data.to} (${offer.rows} ${offer.rows === 1 ? 'melding' : 'meldingen'}): een CSV-bestand voor Excel, zonder namen of vrije tekst.`;
    const card = deps.cards.render('file-ready', fileReadyViewModel(what, offer.fileName, offer, deps.clock.now()));
    await sendCard(context, card, 'Je export staat klaar.');
    deps.logger.info('figures.exported', { count: offer.rows });
    return 'Je export staat klaar: open de link in het bericht hieronder.';
  } catch (error) {
    if (isDomainError(error)) {
      deps.logger.warn('figures.export_refused', { code: error.code });
      return userMessageOf(error);
    }
    deps.logger.error('figures.export_failed', { code: (error as Error).name });
    return 'De export kon nu niet worden gemaakt. Probeer het over een moment opnieuw.';
  }
}
