/**
 * The video port: rooms that participants join with short-lived tokens. Interviews and calls
 * depend on this interface only; Twilio and the offline adapter sit behind it, chosen by
 * configuration.
 */

export type VideoProviderName = 'twilio' | 'local';

export interface VideoRoom {
  provider: VideoProviderName;
  /** The room's unique name: the handle participants join with. */
  room: string;
  /** The provider's id for this incarnation of the room. */
  sid: string;
}

export interface EnsureRoomOptions {
  /** Record every participant's tracks from the moment they connect. */
  record: boolean;
  /** Where the provider posts room and recording events; omitted when nobody listens. */
  statusCallback?: string;
}

export type RecordingStatus = 'processing' | 'completed' | 'failed' | 'deleted';

export interface VideoRecording {
  sid: string;
  kind: 'audio' | 'video' | 'data';
  status: RecordingStatus;
  durationSeconds: number | null;
  /** The provider's media location; fetching it needs provider credentials (see `mediaUrl`). */
  mediaUrl: string;
}

export interface VideoProvider {
  readonly name: VideoProviderName;
  /**
   * Returns the in-progress room with this unique name, creating it when there is none.
   * Callers derive `uniqueName` from a workflow id, so a retried activity finds the room
   * the first attempt created instead of making a second one.
   */
  ensureRoom(uniqueName: string, options: EnsureRoomOptions): Promise<VideoRoom>;
  /** A token that lets `identity` join `room` and nothing else, valid for `ttlSeconds`. */
  accessToken(identity: string, room: string, ttlSeconds: number): Promise<string>;
  /** Ends the room: participants are disconnected and recordings are finalised. Idempotent. */
  completeRoom(sid: string): Promise<void>;
  listRecordings(roomSid: string): Promise<VideoRecording[]>;
  /** A short-lived URL a browser can play the recording from, or null when there is none. */
  mediaUrl(recordingSid: string): Promise<string | null>;
}
