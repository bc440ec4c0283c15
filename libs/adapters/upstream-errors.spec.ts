import { describe, expect, it } from '@jest/globals';
import { UpstreamRejectedError } from '../domain/errors.js';
import { classifyUpstreamError } from './upstream-errors.js';

describe('classifyUpstreamError', () => {
  it.each([429, 500, 502, 503, 408])('keeps %s retryable: the original error goes back to Temporal', (status) => {
    const error = Object.assign(new Error('busy'), { status });
    expect(classifyUpstreamError('OpenAI', error)).toBe(error);
  });

  it('keeps network failures (no status) retryable', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(classifyUpstreamError('Twilio', error)).toBe(error);
  });

  it.each([400, 401, 403, 404, 422])('turns %s into a permanent, non-retryable refusal', (status) => {
    const classified = classifyUpstreamError('Twilio', Object.assign(new Error('bad'), { status }));
    expect(classified).toBeInstanceOf(UpstreamRejectedError);
    expect(classified).toMatchObject({ code: 'upstream_rejected', details: { service: 'Twilio', status } });
  });
});
