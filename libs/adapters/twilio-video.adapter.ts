import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type { EnsureRoomOptions, VideoProvider, VideoRecording, VideoRoom } from '../ports/video.port.js';
import { classifyUpstreamError } from './upstream-errors.js';

const { AccessToken } = twilio.jwt;
const { VideoGrant } = AccessToken;

export interface TwilioVideoOptions {
  accountSid: string;
  authToken: string;
  /** API key and secret sign participant tokens; the auth token never leaves the server. */
  apiKeySid: string;
  apiKeySecret: string;
  /** Send REST calls here instead of https://video.twilio.com (a proxy, or a local stand-in). */
  apiBaseUrl?: string;
  /** A request client of your own; takes precedence over `apiBaseUrl`. */
  httpClient?: twilio.RequestClient;
}

/** Twilio's error codes for "a room with this name is already in progress" and "already completed". */
const ROOM_EXISTS = 53113;
const ROOM_COMPLETED = 53118;
const VIDEO_API = 'https://video.twilio.com';

/** A request client that keeps Twilio's paths but sends them to another origin. */
export class RebasedRequestClient extends twilio.RequestClient {
  constructor(private readonly baseUrl: string) {
    super({ timeout: 15_000 });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    const target = new URL(opts.uri);
    return super.request<TData>({ ...opts, uri: `${this.baseUrl.replace(/\/$/, '')}${target.pathname}${target.search}` });
  }
}

/**
 * Twilio Video behind the video port: group rooms with recording and a status callback,
 * addressed by unique name so creating one is idempotent; participant tokens carry a
 * VideoGrant for that room alone.
 */
export class TwilioVideoAdapter implements VideoProvider {
  readonly name = 'twilio' as const;
  private readonly client: twilio.Twilio;

  constructor(private readonly options: TwilioVideoOptions) {
    const httpClient = options.httpClient ?? (options.apiBaseUrl ? new RebasedRequestClient(options.apiBaseUrl) : undefined);
    this.client = twilio(options.accountSid, options.authToken, { httpClient, autoRetry: false });
  }

  async ensureRoom(uniqueName: string, options: EnsureRoomOptions): Promise<VideoRoom> {
    const existing = await this.findInProgress(uniqueName);
    if (existing) return existing;
    try {
      const room = await this.client.video.v1.rooms.create({
        uniqueName,
        type: 'group',
        recordParticipantsOnConnect: options.record,
        ...(options.statusCallback ? { statusCallback: options.statusCallback, statusCallbackMethod: 'POST' } : {}),
      });
      return { provider: 'twilio', room: room.uniqueName, sid: room.sid };
    } catch (error) {
      // Another attempt created it between our lookup and our create: use that one.
      if (codeOf(error) === ROOM_EXISTS) {
        const raced = await this.findInProgress(uniqueName);
        if (raced) return raced;
      }
      throw classifyUpstreamError('Twilio', error);
    }
  }

  async accessToken(identity: string, room: string, ttlSeconds: number): Promise<string> {
    const token = new AccessToken(this.options.accountSid, this.options.apiKeySid, this.options.apiKeySecret, {
      identity,
      ttl: ttlSeconds,
    });
    token.addGrant(new VideoGrant({ room }));
    return token.toJwt();
  }

  async completeRoom(sid: string): Promise<void> {
    try {
      await this.client.video.v1.rooms(sid).update({ status: 'completed' });
    } catch (error) {
      if (codeOf(error) === ROOM_COMPLETED) return;
      throw classifyUpstreamError('Twilio', error);
    }
  }

  async listRecordings(roomSid: string): Promise<VideoRecording[]> {
    try {
      const recordings = await this.client.video.v1.rooms(roomSid).recordings.list({ limit: 100 });
      return recordings.map((r) => ({
        sid: r.sid,
        kind: r.type,
        status: r.status,
        durationSeconds: r.duration ?? null,
        mediaUrl: r.links?.media ?? `${VIDEO_API}/v1/Recordings/${r.sid}/Media`,
      }));
    } catch (error) {
      throw classifyUpstreamError('Twilio', error);
    }
  }

  /** Twilio answers the media request with a short-lived, pre-signed location to redirect to. */
  async mediaUrl(recordingSid: string): Promise<string | null> {
    try {
      const response = await this.client.request({ method: 'get', uri: `${VIDEO_API}/v1/Recordings/${recordingSid}/Media`, allowRedirects: false });
      if (response.statusCode === 404) return null;
      if (response.statusCode >= 400) throw Object.assign(new Error(`media request failed with ${response.statusCode}`), { status: response.statusCode });
      const location = response.headers?.location as string | undefined;
      const body = typeof response.body === 'string' ? safeJson(response.body) : response.body;
      return location ?? (body as { redirect_to?: string } | undefined)?.redirect_to ?? null;
    } catch (error) {
      throw classifyUpstreamError('Twilio', error);
    }
  }

  private async findInProgress(uniqueName: string): Promise<VideoRoom | null> {
    try {
      const room = await this.client.video.v1.rooms(uniqueName).fetch();
      return room.status === 'in-progress' ? { provider: 'twilio', room: room.uniqueName, sid: room.sid } : null;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return null;
      throw classifyUpstreamError('Twilio', error);
    }
  }
}

function codeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
