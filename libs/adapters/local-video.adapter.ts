import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import type { EnsureRoomOptions, VideoProvider, VideoRecording, VideoRoom } from '../ports/video.port.js';

export const LOCAL_VIDEO_ISSUER = 'hireflow-local-video';

/**
 * The offline video adapter: no media server, so the whole interview flow runs without
 * Twilio. Rooms are named exactly as asked and their ids derive from the name; tokens are
 * JWTs signed with the server's secret, shaped like Twilio's (a video grant for one room),
 * so a client can be built against either.
 */
export class LocalVideoAdapter implements VideoProvider {
  readonly name = 'local' as const;
  private readonly secret: Uint8Array;

  constructor(secret: string) {
    this.secret = new TextEncoder().encode(secret);
  }

  async ensureRoom(uniqueName: string, _options: EnsureRoomOptions): Promise<VideoRoom> {
    return { provider: 'local', room: uniqueName, sid: `RM${createHash('sha256').update(uniqueName).digest('hex').slice(0, 32)}` };
  }

  accessToken(identity: string, room: string, ttlSeconds: number): Promise<string> {
    return new SignJWT({ grants: { identity, video: { room } } })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(LOCAL_VIDEO_ISSUER)
      .setSubject(identity)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
      .sign(this.secret);
  }

  async completeRoom(_sid: string): Promise<void> {}

  async listRecordings(_roomSid: string): Promise<VideoRecording[]> {
    return [];
  }

  async mediaUrl(_recordingSid: string): Promise<string | null> {
    return null;
  }
}
