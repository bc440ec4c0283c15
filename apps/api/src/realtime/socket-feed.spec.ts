import { describe, expect, it } from '@jest/globals';
import type { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import type { Event } from '../../../../libs/db/entities/event.entity.js';
import type { EventsRepository } from '../../../../libs/db/repositories/events.repository.js';
import { SocketFeed } from './socket-feed.js';

/** An outbox in memory whose reads can be held open, to interleave pumps with new events. */
function outbox() {
  const rows: Event[] = [];
  let gate: Promise<void> = Promise.resolve();
  const repository = {
    async since(recipientId: string, afterId: number, limit: number) {
      await gate;
      return rows.filter((r) => r.recipientId === recipientId && r.id > afterId).slice(0, limit);
    },
  } as unknown as EventsRepository;
  return {
    repository,
    add(id: number, recipientId = 'u1') {
      rows.push({ id, recipientId, type: 'message.created', payload: { n: id }, dedupeKey: `k${id}`, createdAt: new Date(0) } as Event);
    },
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => release();
    },
  };
}

function socket() {
  const sent: { type: string; id: string }[] = [];
  const fake = { connected: true, emit: (type: string, envelope: { id: string }) => sent.push({ type, id: envelope.id }) };
  return { fake: fake as unknown as Socket, sent, ids: () => sent.map((s) => Number(s.id)) };
}

const logger = { warn() {} } as unknown as Logger;

describe('SocketFeed', () => {
  it("sends the user's events after its cursor, in order, and moves the cursor", async () => {
    const box = outbox();
    [3, 5, 8].forEach((id) => box.add(id));
    box.add(6, 'someone-else');
    const s = socket();
    const feed = new SocketFeed(s.fake, 'u1', box.repository, logger, 3);
    feed.pump();
    await feed.settled();
    expect(s.ids()).toEqual([5, 8]);
    expect(feed.position).toBe(8);
  });

  it('a pump asked for while one runs happens after it, and sends nothing twice', async () => {
    const box = outbox();
    box.add(1);
    const s = socket();
    const feed = new SocketFeed(s.fake, 'u1', box.repository, logger, 0);
    const release = box.hold();
    feed.pump();
    box.add(2);
    feed.pump();
    feed.pump();
    release();
    await feed.settled();
    expect(s.ids()).toEqual([1, 2]);
  });

  it('resuming from an earlier id sends those events again, once', async () => {
    const box = outbox();
    [1, 2, 3].forEach((id) => box.add(id));
    const s = socket();
    const feed = new SocketFeed(s.fake, 'u1', box.repository, logger, 3);
    await feed.resumeFrom(1);
    expect(s.ids()).toEqual([2, 3]);
    await feed.resumeFrom(1);
    expect(s.ids()).toEqual([2, 3, 2, 3]);
  });

  it('reads in batches until the outbox is drained', async () => {
    const box = outbox();
    for (let id = 1; id <= 450; id += 1) box.add(id);
    const s = socket();
    const feed = new SocketFeed(s.fake, 'u1', box.repository, logger, 0);
    feed.pump();
    await feed.settled();
    expect(s.ids()).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
  });
});
