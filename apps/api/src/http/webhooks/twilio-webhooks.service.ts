import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import twilio from 'twilio';
import { z } from 'zod';
import type { AppConfig } from '../../../../../libs/config/config.js';
import { ForbiddenError, ValidationError } from '../../../../../libs/domain/errors.js';
import { interviewWorkflowIdOfRoom } from '../../../../../libs/domain/video-rooms.js';
import { videoEventSignal } from '../../../../../workflows/messages.js';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../../core/tokens.js';

export const VIDEO_WEBHOOK_PATH = '/v1/webhooks/twilio/video';

/** Room events that change what an interview knows; the rest (participants, tracks) are noise here. */
const FORWARDED = new Set(['room-ended', 'recording-started', 'recording-completed', 'recording-failed']);

const StatusCallbackSchema = z.looseObject({
  StatusCallbackEvent: z.string().min(1),
  RoomName: z.string().min(1),
  RoomSid: z.string().optional(),
  RecordingSid: z.string().optional(),
  Timestamp: z.string().optional(),
});

/**
 * Twilio Video status callbacks. The signature is checked against the public URL Twilio was
 * given (the API may sit behind a proxy) before anything in the body is believed; an
 * unsigned or wrongly signed request is refused and changes nothing.
 */
@Injectable()
export class TwilioWebhooksService {
  private readonly logger = new Logger('twilio-webhooks');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async videoStatus(signature: string | undefined, body: unknown): Promise<void> {
    const params = (body ?? {}) as Record<string, unknown>;
    this.verify(signature, params);
    const parsed = StatusCallbackSchema.safeParse(params);
    if (!parsed.success) throw new ValidationError(`not a room status callback: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
    const event = parsed.data;
    const workflowId = interviewWorkflowIdOfRoom(event.RoomName);
    if (!workflowId || !FORWARDED.has(event.StatusCallbackEvent)) return;
    try {
      await this.temporal.workflow.getHandle(workflowId).signal(videoEventSignal, {
        event: event.StatusCallbackEvent,
        roomSid: event.RoomSid,
        recordingSid: event.RecordingSid,
        at: event.Timestamp ?? new Date().toISOString(),
      });
    } catch (error) {
      // A late event for an interview that has already finished: nothing is waiting for it.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      this.logger.debug?.(`ignored ${event.StatusCallbackEvent} for finished ${workflowId}`);
    }
  }

  private verify(signature: string | undefined, params: Record<string, unknown>): void {
    const authToken = this.config.video.twilio?.authToken;
    if (!authToken) throw new ForbiddenError('Twilio is not configured on this server');
    if (!signature) throw new ForbiddenError('the X-Twilio-Signature header is missing');
    const url = `${this.config.publicBaseUrl}${VIDEO_WEBHOOK_PATH}`;
    if (!twilio.validateRequest(authToken, signature, url, params)) {
      throw new ForbiddenError('the X-Twilio-Signature does not match this request');
    }
  }
}
