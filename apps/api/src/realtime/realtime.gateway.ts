import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { AppConfig } from '../../../../libs/config/config.js';
import { EventsRepository } from '../../../../libs/db/repositories/index.js';
import { UnavailableError, ValidationError, type DomainError } from '../../../../libs/domain/errors.js';
import { toErrorResponse } from '../common/error.filter.js';
import { TokenService, type AuthContext } from '../common/auth.js';
import { APP_CONFIG } from '../core/tokens.js';
import { OutboxListener } from './outbox-listener.js';
import { ERROR_EVENT, RESUME_MESSAGE } from './realtime.events.js';
import { SocketFeed } from './socket-feed.js';

interface SocketData {
  auth: AuthContext;
  feed: SocketFeed;
}

const userRoom = (accountId: string) => `user:${accountId}`;

/** The bearer token from the handshake: `auth.token` (browsers), the Authorization header, or `?token=`. */
function tokenOf(socket: Socket): string | undefined {
  const fromAuth = socket.handshake.auth?.token;
  if (typeof fromAuth === 'string' && fromAuth) return fromAuth.replace(/^Bearer\s+/i, '');
  const header = socket.handshake.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (header) return header;
  const query = socket.handshake.query.token;
  return typeof query === 'string' && query ? query : undefined;
}

/** `lastEventId` as a cursor, or undefined when absent; a malformed one is an error the client hears of. */
function parseEventId(value: unknown): number | undefined | ValidationError {
  if (value === undefined || value === null || value === '') return undefined;
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id >= 0 ? id : new ValidationError('lastEventId: must be the id of an event you received');
}

/**
 * Pushes each user's outbox events to their sockets. A socket authenticates with the same JWT
 * as the REST API during the handshake (no token, no connection), joins its user's room, and
 * receives events after the `lastEventId` it names (handshake `auth.lastEventId` or a `resume`
 * message), or from the moment it connected. Delivery reads the outbox, woken by NOTIFY and
 * by a slow poll, so events written while the API was down arrive when the client reconnects.
 */
@WebSocketGateway({ cors: { origin: true, credentials: true } })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnApplicationShutdown {
  @WebSocketServer() private server!: Server;
  private readonly logger = new Logger('realtime');
  private poller: NodeJS.Timeout | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly events: EventsRepository,
    private readonly listener: OutboxListener,
  ) {}

  afterInit(server: Server): void {
    server.use((socket, next) => {
      const token = tokenOf(socket);
      if (!token) return next(Object.assign(new Error('a valid bearer token is required'), { data: { code: 'unauthorized' } }));
      this.tokens.verify(token).then(
        (auth) => {
          (socket.data as SocketData).auth = auth;
          next();
        },
        (error: unknown) => next(Object.assign(new Error((error as Error).message), { data: { code: 'unauthorized' } })),
      );
    });
    void this.listener.start({ onEvent: (recipientId) => void this.wake(recipientId), onReconnect: () => void this.sweep() });
    this.poller = setInterval(() => void this.sweep(), this.config.realtime.pollIntervalMs);
    this.poller.unref();
  }

  async handleConnection(socket: Socket): Promise<void> {
    const { auth } = socket.data as SocketData;
    const requested = parseEventId(socket.handshake.auth?.lastEventId);
    if (requested instanceof ValidationError) this.emitError(socket, requested);
    let start: number;
    try {
      start = typeof requested === 'number' ? requested : ((await this.events.newestIds([auth.accountId])).get(auth.accountId) ?? 0);
    } catch (error) {
      // Without a starting point nothing can be delivered: the client is told and should reconnect shortly.
      this.logger.warn(`could not start delivery to ${auth.accountId}: ${(error as Error).message}`);
      this.emitError(socket, new UnavailableError('events are unavailable right now; reconnect shortly'));
      socket.disconnect(true);
      return;
    }
    const feed = new SocketFeed(socket, auth.accountId, this.events, this.logger, start);
    (socket.data as SocketData).feed = feed;
    socket.on(RESUME_MESSAGE, (body: { lastEventId?: unknown } | undefined, ack?: (answer: unknown) => void) => {
      void this.resume(socket, body).then((answer) => ack?.(answer));
    });
    await socket.join(userRoom(auth.accountId));
    socket.emit('ready', { accountId: auth.accountId, lastEventId: String(start) });
    feed.pump();
  }

  /**
   * `socket.emit('resume', { lastEventId }, ack)`: resend what came after that id. Registered
   * on the socket itself: the socket was authenticated at the handshake, and the HTTP guards
   * and interceptors have no request to work on here.
   */
  private async resume(socket: Socket, body: { lastEventId?: unknown } | undefined) {
    const feed = (socket.data as SocketData).feed;
    const requested = parseEventId(body?.lastEventId);
    if (requested === undefined || requested instanceof ValidationError) {
      const error = requested ?? new ValidationError('lastEventId: resume needs { lastEventId }');
      this.emitError(socket, error);
      return { ok: false, error: error.message };
    }
    await feed.resumeFrom(requested);
    return { ok: true, lastEventId: String(feed.position) };
  }

  /** Delivers to every socket of one user, now. */
  private async wake(recipientId: string): Promise<void> {
    for (const socket of await this.server.in(userRoom(recipientId)).fetchSockets()) {
      (socket.data as SocketData).feed?.pump();
    }
  }

  /** The safety net behind NOTIFY: asks the outbox which connected users have newer events. */
  private async sweep(): Promise<void> {
    try {
      const feeds = [...this.server.sockets.sockets.values()]
        .map((socket) => socket.data as SocketData)
        .filter((data) => data.feed);
      if (feeds.length === 0) return;
      const newest = await this.events.newestIds([...new Set(feeds.map((data) => data.auth.accountId))]);
      for (const { auth, feed } of feeds) {
        if ((newest.get(auth.accountId) ?? 0) > feed.position) feed.pump();
      }
    } catch (error) {
      this.logger.warn(`outbox poll failed: ${(error as Error).message}`);
    }
  }

  /** Domain errors reach a socket as `error` events in the REST error shape. */
  private emitError(socket: Socket, error: DomainError): void {
    socket.emit(ERROR_EVENT, toErrorResponse(error).body.error);
  }

  onApplicationShutdown(): void {
    if (this.poller) clearInterval(this.poller);
  }
}
