import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';

describe('configuration', () => {
  it('starts on embedded defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.database.url).toBeUndefined();
    expect(config.temporal.address).toBeUndefined();
    expect(config.http.port).toBe(3000);
    expect(config.timers.proposal.editWindowMs).toBe(6 * 3600_000);
    expect(config.timers.proposal.offerExpiresAfterMs).toBe(7 * 86_400_000);
    expect(config.timers.job.expiresAfterMs).toBe(30 * 86_400_000);
    expect(config.timers.job.warningBeforeMs).toBe(5 * 86_400_000);
  });

  it('rejects a bad DATABASE_URL with a message naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://root@localhost/hireflow' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });

  it('names every bad variable at once', () => {
    try {
      loadConfig({ DATABASE_URL: 'nope', PORT: 'eighty', OFFER_EXPIRES_AFTER: 'soon' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('PORT');
      expect(problems).toContain('OFFER_EXPIRES_AFTER');
    }
  });

  it('requires the identity provider settings in oidc mode', () => {
    expect(() => loadConfig({ AUTH_MODE: 'oidc' })).toThrow(/OIDC_ISSUER and OIDC_JWKS_URL/);
  });

  it('invitations expire after 7 days with a reminder 2 days before; the reminder must come before expiry', () => {
    expect(loadConfig({}).timers.invitation).toEqual({ expiresAfterMs: 7 * 86_400_000, reminderBeforeMs: 2 * 86_400_000 });
    expect(loadConfig({ INVITATION_EXPIRES_AFTER: '3d', INVITATION_REMINDER_BEFORE: '12h' }).timers.invitation).toEqual({
      expiresAfterMs: 3 * 86_400_000,
      reminderBeforeMs: 12 * 3600_000,
    });
    expect(() => loadConfig({ INVITATION_EXPIRES_AFTER: '1d', INVITATION_REMINDER_BEFORE: '1d' })).toThrow(
      /INVITATION_REMINDER_BEFORE: must be shorter than INVITATION_EXPIRES_AFTER/,
    );
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});
