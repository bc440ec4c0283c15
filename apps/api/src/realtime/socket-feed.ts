import type { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import type { Event } from '../../../../libs/db/entities/event.entity.js';
import type { EventsRepository } from '../../../../libs/db/repositories/events.repository.js';
import type { EventEnvelope } from './realtime.events.js';

const BATCH = 200;

export const envelope = (event: Event): EventEnvelope => ({
  id: String(event.id),
  type: event.type,
  createdAt: event.createdAt.toISOString(),
  payload: event.payload,
});

/**
 * One socket's position in its user's outbox. Each pump sends every event after the cursor,
 * in id order, and moves the cursor past it; pumps never overlap (a pump asked for while one
 * runs happens right after it), so each event goes down this socket once. Per-user ids commit
 * in order (see EventsRepository.appendWith), so nothing can appear behind the cursor later.
 */
export class SocketFeed {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly socket: Socket,
    private readonly recipientId: string,
    private readonly events: EventsRepository,
    private readonly logger: Logger,
    private cursor: number,
  ) {}

  get position(): number {
    return this.cursor;
  }

  /** Restarts from an event id the client gives: what it missed since then is sent next. */
  resumeFrom(lastEventId: number): Promise<void> {
    this.cursor = lastEventId;
    this.pump();
    return this.settled();
  }

  pump(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.logger.warn(`delivery to ${this.recipientId} paused: ${(error as Error).message}`))
      .finally(() => {
        this.running = null;
        if (this.again && this.socket.connected) {
          this.again = false;
          this.pump();
        }
      });
  }

  /** Resolves once no pump is running or queued. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const batch = await this.events.since(this.recipientId, this.cursor, BATCH);
      for (const event of batch) {
        if (!this.socket.connected) return;
        if (event.id <= this.cursor) continue; // a resume moved the cursor while this batch was read
        this.socket.emit(event.type, envelope(event));
        this.cursor = event.id;
      }
      if (batch.length < BATCH) return;
    }
  }
}
