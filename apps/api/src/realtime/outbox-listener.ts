import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { embeddedDatabaseUrl, type AppConfig } from '../../../../libs/config/config.js';
import { APP_CONFIG } from '../core/tokens.js';

/** The channel the `events_notify` trigger notifies on, with the recipient id as payload. */
export const EVENTS_CHANNEL = 'hireflow_events';

/**
 * LISTENs for outbox inserts on a dedicated PostgreSQL connection. Notifications are sent at
 * commit, so a listener hears only of events it can read. If the connection drops it is
 * re-established, and `onReconnect` lets the caller look for anything missed meanwhile.
 */
@Injectable()
export class OutboxListener implements OnApplicationShutdown {
  private readonly logger = new Logger('realtime');
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async start(handlers: { onEvent: (recipientId: string) => void; onReconnect: () => void }): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: this.config.database.url ?? embeddedDatabaseUrl(this.config) });
    client.on('notification', (message) => {
      if (message.channel === EVENTS_CHANNEL && message.payload) handlers.onEvent(message.payload);
    });
    client.on('error', (error) => {
      this.logger.warn(`outbox listener lost its connection: ${error.message}`);
      this.reconnect(client, handlers);
    });
    client.on('end', () => this.reconnect(client, handlers));
    try {
      await client.connect();
      await client.query(`listen ${EVENTS_CHANNEL}`);
      this.client = client;
    } catch (error) {
      this.logger.warn(`outbox listener could not connect: ${(error as Error).message}`);
      this.reconnect(client, handlers);
    }
  }

  private reconnect(client: pg.Client, handlers: { onEvent: (recipientId: string) => void; onReconnect: () => void }): void {
    if (this.stopped || this.retry || (this.client !== null && this.client !== client)) return;
    this.client = null;
    client.removeAllListeners();
    client.on('error', () => undefined); // a dying connection may still report errors; they change nothing
    client.end().catch(() => undefined);
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.start(handlers).then(() => handlers.onReconnect());
    }, 1_000);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
