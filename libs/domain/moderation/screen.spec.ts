import { describe, expect, it } from '@jest/globals';
import { ContentRejectedError } from '../errors.js';
import { screen } from './index.js';

const fields = { title: 'Logo design', description: 'Questions? Mail ann@studio.io or ring +44 20 7946 0958.' };

describe('screen', () => {
  it('rejects blocked content naming each finding and its field', () => {
    let error: unknown;
    try {
      screen('this job post', fields, { contractStarted: false, mode: 'reject' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentRejectedError);
    const rejected = error as ContentRejectedError;
    expect(rejected.code).toBe('content_rejected');
    expect(rejected.kind).toBe('rule');
    expect(rejected.message).toBe(
      'this job post cannot be sent before a contract starts: it contains an email address ("ann@studio.io") and a phone number ("+44 20 7946 0958"). Keep contact details and payment on hireflow until then.',
    );
    expect(rejected.details).toEqual({
      findings: [
        { field: 'description', kind: 'email', match: 'ann@studio.io' },
        { field: 'description', kind: 'phone', match: '+44 20 7946 0958' },
      ],
    });
  });

  it('redacts blocked content in redact mode and returns the findings to flag', () => {
    const screened = screen('this job post', fields, { contractStarted: false, mode: 'redact' });
    expect(screened.redacted).toBe(true);
    expect(screened.fields).toEqual({
      title: 'Logo design',
      description: 'Questions? Mail [email removed] or ring [phone number removed].',
    });
    expect(screened.findings.map((f) => f.kind)).toEqual(['email', 'phone']);
  });

  it('passes clean content through untouched', () => {
    const clean = { body: 'Happy to start on Monday.', note: undefined };
    expect(screen('this message', clean, { contractStarted: false, mode: 'reject' })).toEqual({ fields: clean, findings: [], redacted: false });
  });

  it('after a contract, lets payment talk through but returns it for review', () => {
    const screened = screen('this message', { body: 'pay me in USDT' }, { contractStarted: true, mode: 'reject' });
    expect(screened).toEqual({
      fields: { body: 'pay me in USDT' },
      findings: [{ field: 'body', kind: 'off_platform_payment', match: 'pay me in USDT' }],
      redacted: false,
    });
  });
});
