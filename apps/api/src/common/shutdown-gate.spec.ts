import { describe, expect, it, jest } from '@jest/globals';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuseWhileClosing, ShutdownGate } from './shutdown-gate.js';

function response() {
  const res = { writeHead: jest.fn(), end: jest.fn() };
  return { res, asServer: res as unknown as ServerResponse };
}

describe('requests while the API shuts down', () => {
  it('pass through until shutdown begins, then get a 503 in the error shape that closes the connection', () => {
    const gate = new ShutdownGate();
    const guard = refuseWhileClosing(gate);
    const next = jest.fn();
    const before = response();
    guard({} as IncomingMessage, before.asServer, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(before.res.writeHead).not.toHaveBeenCalled();

    gate.onModuleDestroy();
    const during = response();
    guard({} as IncomingMessage, during.asServer, next);
    expect(next).toHaveBeenCalledTimes(1);
    expect(during.res.writeHead).toHaveBeenCalledWith(503, expect.objectContaining({ connection: 'close', 'retry-after': '5' }));
    expect(JSON.parse(during.res.end.mock.calls[0]![0] as string)).toEqual({
      error: { code: 'unavailable', message: 'this server is shutting down; retry shortly' },
    });
  });
});
