import { describe, expect, it } from '@jest/globals';
import { InterceptingCall, Metadata, status, type Interceptor } from '@grpc/grpc-js';
import { Connection } from '@temporalio/client';
import { clientInterceptors } from '../libs/temporal/connection.js';

/** Once armed, fails the first attempt of the next call as UNAVAILABLE (a Temporal blip) and says when it has. */
function blipOnFirstAttempt() {
  let failed!: () => void;
  const firstAttemptFailed = new Promise<void>((resolve) => (failed = resolve));
  let armed = false;
  let attempts = 0;
  const interceptor: Interceptor = (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        next(metadata, {
          onReceiveStatus(received, forward) {
            if (!armed) return forward(received);
            attempts += 1;
            if (attempts > 1) return forward(received);
            forward({ code: status.UNAVAILABLE, details: 'injected blip', metadata: new Metadata() });
            failed();
          },
        });
      },
    });
  return { interceptor, firstAttemptFailed, arm: () => (armed = true), attempts: () => attempts };
}

describe('Temporal client connection', () => {
  const address = process.env.HIREFLOW_TEST_TEMPORAL_ADDRESS!;

  it('retries a call that hit a blip', async () => {
    const blip = blipOnFirstAttempt();
    const connection = await Connection.connect({ address, interceptors: clientInterceptors([blip.interceptor]) });
    blip.arm();
    try {
      const info = await connection.workflowService.getSystemInfo({});
      expect(info.serverVersion).toBeTruthy();
      expect(blip.attempts()).toBe(2);
    } finally {
      await connection.close();
    }
  });

  it('fails a call waiting to be retried when the connection closes, instead of throwing from the retry timer', async () => {
    const blip = blipOnFirstAttempt();
    const connection = await Connection.connect({ address, interceptors: clientInterceptors([blip.interceptor]) });
    blip.arm();
    const call = connection.workflowService.getSystemInfo({});
    await blip.firstAttemptFailed;
    // The retry is now on a timer; closing first is what an API shutdown during the blip does.
    await connection.close();
    await expect(call).rejects.toMatchObject({ code: status.CANCELLED, details: 'the Temporal connection was closed' });
    expect(blip.attempts()).toBe(1);
  });
});
