import { Injectable } from '@nestjs/common';
import type { Screened } from '../../../../../libs/domain/moderation/index.js';
import * as msg from '../../../../../workflows/messages.js';
import type { Attachment } from '../../../../../workflows/proposal.types.js';
import type { AuthContext } from '../../common/auth.js';
import { ContentModerator } from '../moderation/content-moderator.service.js';
import { ProposalsService } from './proposals.service.js';
import type { Edit, Reason, Submit } from './proposals.schemas.js';

interface Content {
  coverLetter?: string;
  notes?: string;
  attachments?: Attachment[];
}

/**
 * Proposal actions that carry text for the other party: the cover letter, notes and
 * attachments (on submit and edit), the freelancer's withdrawal reason and the client's decline reason. Each is screened before
 * it reaches the workflow, so refused text is never stored and never charges Connects.
 */
@Injectable()
export class ProposalContentService {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly moderator: ContentModerator,
  ) {}

  async submit(auth: AuthContext, id: string, body: Submit, key?: string) {
    const { content, screened } = this.screenContent(body);
    const result = await this.proposals.actAndPresent(auth, id, 'freelancer', msg.submitUpdate, [{ ...body, ...content }], key);
    await this.moderator.flag({ type: 'proposal', id, proposalId: id }, screened, excerptOf(body));
    return result;
  }

  async edit(auth: AuthContext, id: string, body: Edit, key?: string) {
    const { content, screened } = this.screenContent(body);
    const result = await this.proposals.actAndPresent(auth, id, 'freelancer', msg.editUpdate, [{ ...body, ...content }], key);
    await this.moderator.flag({ type: 'proposal', id, proposalId: id }, screened, excerptOf(body));
    return result;
  }

  async withdraw(auth: AuthContext, id: string, body: Reason, key?: string) {
    const screened = this.moderator.screen('this withdrawal reason', { reason: body.reason }, { contractStarted: false });
    const result = await this.proposals.actAndPresent(auth, id, 'freelancer', msg.withdrawUpdate, [{ reason: screened.fields.reason! }], key);
    await this.moderator.flag({ type: 'proposal', id, proposalId: id }, screened, body.reason);
    return result;
  }

  async decline(auth: AuthContext, id: string, body: Reason, key?: string) {
    const screened = this.moderator.screen('this decline reason', { reason: body.reason }, { contractStarted: false });
    const result = await this.proposals.actAndPresent(auth, id, 'client', msg.declineUpdate, [{ reason: screened.fields.reason! }], key);
    await this.moderator.flag({ type: 'proposal', id, proposalId: id }, screened, body.reason);
    return result;
  }

  /** Screens every text field; in redact mode an attachment whose link was removed is dropped. */
  private screenContent(body: Content): { content: Content; screened: Screened<Record<string, string | undefined>> } {
    const fields: Record<string, string | undefined> = { coverLetter: body.coverLetter, notes: body.notes };
    body.attachments?.forEach((a, i) => {
      fields[`attachments.${i}.name`] = a.name;
      fields[`attachments.${i}.url`] = a.url;
    });
    // Proposal text is written before any contract exists.
    const screened = this.moderator.screen('this proposal', fields, { contractStarted: false });
    const content: Content = {};
    if (body.coverLetter !== undefined) content.coverLetter = screened.fields.coverLetter;
    if (body.notes !== undefined) content.notes = screened.fields.notes;
    if (body.attachments !== undefined) {
      content.attachments = body.attachments
        .map((a, i) => ({ name: screened.fields[`attachments.${i}.name`]!, url: screened.fields[`attachments.${i}.url`]! }))
        .filter((a, i) => a.url === body.attachments![i]!.url);
    }
    return { content, screened };
  }
}

const excerptOf = (body: Content) =>
  [body.coverLetter, body.notes, ...(body.attachments ?? []).map((a) => `${a.name} ${a.url}`)].filter(Boolean).join('\n');
