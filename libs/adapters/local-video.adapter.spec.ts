import { describe, expect, it } from '@jest/globals';
import { jwtVerify } from 'jose';
import { LOCAL_VIDEO_ISSUER, LocalVideoAdapter } from './local-video.adapter.js';

describe('LocalVideoAdapter', () => {
  const secret = 'a-local-secret-of-sixteen-chars';
  const video = new LocalVideoAdapter(secret);

  it('names rooms as asked, with an id derived from the name: the same room on every call', async () => {
    const first = await video.ensureRoom('interview_a_b', { record: true });
    expect(first).toEqual({ provider: 'local', room: 'interview_a_b', sid: expect.stringMatching(/^RM[0-9a-f]{32}$/) });
    expect(await video.ensureRoom('interview_a_b', { record: true })).toEqual(first);
    expect((await video.ensureRoom('interview_a_c', { record: true })).sid).not.toBe(first.sid);
  });

  it('signs a short-lived token granting one room to one identity', async () => {
    const token = await video.accessToken('freelancer-1', 'interview_a_b', 600);
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { issuer: LOCAL_VIDEO_ISSUER });
    expect(payload).toMatchObject({ sub: 'freelancer-1', grants: { identity: 'freelancer-1', video: { room: 'interview_a_b' } } });
    expect(payload.exp! - payload.iat!).toBe(600);
    await expect(jwtVerify(token, new TextEncoder().encode('another-secret-of-16+ chars'))).rejects.toThrow();
  });

  it('records nothing', async () => {
    expect(await video.listRecordings('RM1')).toEqual([]);
    expect(await video.mediaUrl('RT1')).toBeNull();
  });
});
