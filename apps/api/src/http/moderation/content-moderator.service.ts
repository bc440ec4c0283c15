import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../../../libs/config/config.js';
import type { FlagSubject } from '../../../../../libs/db/entities/moderation-flag.entity.js';
import { ModerationFlagsRepository } from '../../../../../libs/db/repositories/index.js';
import { screen, type Screened } from '../../../../../libs/domain/moderation/index.js';
import { APP_CONFIG } from '../../core/tokens.js';

/**
 * The moderation policy as the API applies it to anything one party writes for another:
 * messages, proposal text, job posts, invitation and decline messages. `screen` refuses
 * (MODERATION_MODE=reject, the default) or redacts (redact) content that breaks the
 * pre-contract rules; `flag` puts whatever a reviewer should see in front of ops.
 */
@Injectable()
export class ContentModerator {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly flags: ModerationFlagsRepository,
  ) {}

  /** `what` names the content in the refusal, e.g. "this message". Throws ContentRejectedError in reject mode. */
  screen<T extends Record<string, string | undefined>>(what: string, fields: T, options: { contractStarted: boolean }): Screened<T> {
    return screen(what, fields, { ...options, mode: this.config.moderation.mode });
  }

  /** Records an automatic flag when screening found something worth a review. Call once the content is stored. */
  async flag(subject: { type: FlagSubject; id: string; proposalId?: string }, screened: Screened<object>, excerpt: string): Promise<void> {
    if (screened.findings.length === 0) return;
    await this.flags.record({
      subjectType: subject.type,
      subjectId: subject.id,
      proposalId: subject.proposalId ?? null,
      reporterId: null,
      reason: screened.redacted ? 'stored redacted by moderation' : 'payment outside the platform mentioned after the contract started',
      findings: screened.findings,
      excerpt: excerpt.slice(0, 2_000),
    });
  }
}
