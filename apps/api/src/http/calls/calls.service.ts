import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../../../libs/config/config.js';
import { EventsRepository } from '../../../../../libs/db/repositories/index.js';
import type { VideoProvider } from '../../../../../libs/ports/video.port.js';
import type { AuthContext } from '../../common/auth.js';
import { APP_CONFIG, VIDEO_PROVIDER } from '../../core/tokens.js';
import { ThreadAccess } from '../messages/thread-access.service.js';

/** The room of a proposal's calls: one name per proposal, so both parties land in the same room. */
export const callRoomName = (proposalId: string) => `call-${proposalId}`;

/**
 * Audio/video calls start from the thread, under the same rules as messages: the proposal's
 * two parties only, once the client has opened the conversation. The room is created or
 * reused through the video port; each caller gets a token of their own.
 */
@Injectable()
export class CallsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(VIDEO_PROVIDER) private readonly video: VideoProvider,
    private readonly access: ThreadAccess,
    private readonly events: EventsRepository,
  ) {}

  async start(auth: AuthContext, proposalId: string) {
    const participant = await this.access.participant(auth, proposalId);
    await this.access.writable(participant);
    const room = await this.video.ensureRoom(callRoomName(proposalId), { record: false });
    const ttlSeconds = this.config.video.tokenTtlSeconds;
    const token = await this.video.accessToken(auth.accountId, room.room, ttlSeconds);
    const startedAt = new Date().toISOString();
    await this.events.append([
      {
        recipientId: participant.counterpartId,
        type: 'call.started',
        payload: { proposalId, jobId: participant.row.jobId, callerId: auth.accountId, room: room.room, provider: room.provider, startedAt },
        dedupeKey: `call.started:${room.sid}:${auth.accountId}:${randomUUID()}`,
      },
    ]);
    return { provider: room.provider, room: room.room, token, expiresAt: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
  }
}
