import type { CaseNotifier, OfficeHolderMessage } from '../../app/case-effect-runner';
import type { PostedCardStore } from '../../app/ports';
import { MY_CASES_TEXT } from '../../copy/my-cases.copy';
import type { Case } from '../../domain/case';
import type { Clock } from '../../domain/clock';
import type { Directory } from '../../domain/directory';
import type { InformedRole } from '../../domain/roles';
import { VERTROUWENSLIJN } from '../../domain/support-lines';
import type { CardRenderer } from '../cards/card-renderer';
import { ProactiveMessenger } from '../proactive-messenger';
import { deskHandlerIds, takenHandlerName, userMri } from './case-actions';
import { coordinatorSupportText, restrictionsAdjustedText } from './follow-up-notices';
import { crossOrganisationNotice } from './recidive-view';
import { caseCardViewModel, caseProgressViewModel, caseTakenMessage, informedNoticeViewModel, measuresProposalViewModel } from './case-cards';

export interface TeamsCaseNotifierDependencies {
  messenger: ProactiveMessenger;
  cards: CardRenderer;
  directory: Directory;
  postedCards: PostedCardStore;
  clock: Clock;
}

/**
 * The Teams side of a case's life: the card in the handler channel (posted as the read-only view;
 * Teams refreshes it into the full view for the desk's handlers only), the office holder's progress
 * card, the proposal in their chat, and short notices to informed people.
 */
export class TeamsCaseNotifier implements CaseNotifier {
  constructor(private readonly deps: TeamsCaseNotifierDependencies) {}

  async hasCaseCard(c: Case): Promise<boolean> {
    return (await this.deps.postedCards.get(c.id, 'desk')) !== undefined;
  }

  async postCaseCard(c: Case): Promise<void> {
    const desk = this.deps.directory.desk(c.route.handler.organisationId, c.route.handler.role);
    if (!desk) throw new Error('no desk configured for this case');
    const posted = await this.deps.messenger.postToChannel(desk.channel.channelId, this.deskCard(c));
    await this.deps.postedCards.save(c.id, 'desk', posted);
  }

  async updateDeskCard(c: Case): Promise<void> {
    const desk = await this.deps.postedCards.get(c.id, 'desk');
    if (desk) await this.deps.messenger.update(desk, this.deskCard(c));
  }

  async updateOfficeHolderCards(c: Case): Promise<void> {
    const [progress, proposal] = await Promise.all([this.deps.postedCards.get(c.id, 'officeHolder'), this.deps.postedCards.get(c.id, 'proposal')]);
    if (progress) await this.deps.messenger.update(progress, this.progressCard(c));
    // Once answered, the proposal in the chat turns into the current progress, so no stale button is left.
    if (proposal && c.status !== 'measuresProposed') await this.deps.messenger.update(proposal, this.progressCard(c));
  }

  async sendOfficeHolder(c: Case, what: OfficeHolderMessage): Promise<void> {
    const to = c.officeHolder.aadObjectId;
    if (what === 'progress') {
      const posted = await this.deps.messenger.sendToUser(to, this.progressCard(c));
      await this.deps.postedCards.save(c.id, 'officeHolder', posted);
      return;
    }
    if (what === 'proposal') {
      const card = this.deps.cards.render('measures-proposal', measuresProposalViewModel(c, { now: this.deps.clock.now() }));
      const posted = await this.deps.messenger.sendToUser(to, ProactiveMessenger.message({ card, summary: MY_CASES_TEXT.proposalSummary(c.caseNumber) }));
      await this.deps.postedCards.save(c.id, 'proposal', posted);
      return;
    }
    const text =
      what === 'taken'
        ? caseTakenMessage(c, takenHandlerName(this.deps.directory, c))
        : what === 'approved'
          ? `De maatregelen bij je melding ${c.caseNumber} zijn vastgesteld. De afhandelaar voert ze nu uit; je houdt de voortgang in je overzicht.`
          : what === 'restrictionsAdjusted'
            ? restrictionsAdjustedText(c)
          : `Je melding ${c.caseNumber} is afgesloten. Dank je wel dat je het hebt gemeld. Heb je nog steun nodig? Bel de Vertrouwenslijn: ${VERTROUWENSLIJN.phone}.`;
    await this.deps.messenger.sendToUser(to, ProactiveMessenger.message({ text, summary: text }));
  }

  async notifyInformed(c: Case, aadObjectId: string, role: InformedRole): Promise<void> {
    const card = this.deps.cards.render('informed-notice', informedNoticeViewModel(c, { recipientRole: role }));
    await this.deps.messenger.sendToUser(aadObjectId, ProactiveMessenger.message({ card, summary: `Ter informatie: melding ${c.caseNumber}` }));
  }

  async notifyCoordinator(c: Case): Promise<void> {
    const text = coordinatorSupportText(c);
    await this.deps.messenger.sendToUser(this.deps.directory.coordinatorVpt.aadObjectId, ProactiveMessenger.message({ text, summary: `Ondersteuning gevraagd bij ${c.caseNumber}` }));
  }

  async notifyCoordinatorOfRecidive(c: Case, elsewhere: ReadonlyMap<string, number>): Promise<void> {
    const text = crossOrganisationNotice(c.organisationId, elsewhere);
    await this.deps.messenger.sendToUser(this.deps.directory.coordinatorVpt.aadObjectId, ProactiveMessenger.message({ text, summary: 'Recidive in de provincie' }));
  }

  private deskCard(c: Case) {
    const card = this.deps.cards.render(
      'case-card',
      caseCardViewModel(c, { viewer: 'readOnly', now: this.deps.clock.now(), earlierCasesOfPerpetrator: c.earlierCasesOfPerpetrator ?? 0, refreshUserIds: deskHandlerIds(this.deps.directory, c) }),
    );
    return ProactiveMessenger.message({ card, summary: `Nieuwe melding ${c.caseNumber}` });
  }

  private progressCard(c: Case) {
    const card = this.deps.cards.render(
      'case-progress',
      caseProgressViewModel(c, { now: this.deps.clock.now(), refreshUserIds: [userMri(c.officeHolder.aadObjectId)], handlerName: takenHandlerName(this.deps.directory, c) }),
    );
    return ProactiveMessenger.message({ card, summary: MY_CASES_TEXT.progressSummary(c.caseNumber) });
  }
}
