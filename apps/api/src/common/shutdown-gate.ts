import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Knows when the API has begun shutting down (the first hook of a graceful stop). From then on,
 * requests still in flight finish, but new ones — including those that arrive on kept-alive
 * connections, which closing the server does not end — are refused with a 503 and
 * `Connection: close`, so clients retry elsewhere or after the restart and the drain ends.
 */
@Injectable()
export class ShutdownGate implements OnModuleDestroy {
  closing = false;

  onModuleDestroy(): void {
    this.closing = true;
  }
}

/** Express middleware in front of every route: the refusal in the REST error shape. */
export function refuseWhileClosing(gate: ShutdownGate) {
  return (_req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (!gate.closing) return next();
    res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close', 'retry-after': '5' });
    res.end(JSON.stringify({ error: { code: 'unavailable', message: 'this server is shutting down; retry shortly' } }));
  };
}
