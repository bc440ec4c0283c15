import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A stand-in for Twilio's Video REST API on 127.0.0.1, for the real `twilio` SDK to talk to.
 * It keeps rooms and recordings in memory, checks basic auth, records every request, and can
 * be told to misbehave the way Twilio sometimes does.
 */

export interface FakeRoom {
  sid: string;
  uniqueName: string;
  status: 'in-progress' | 'completed';
  params: Record<string, string>;
}

export interface FakeRecording {
  sid: string;
  roomSid: string;
  type: 'audio' | 'video';
  status: 'processing' | 'completed';
}

export interface FakeTwilio {
  url: string;
  accountSid: string;
  authToken: string;
  apiKeySid: string;
  apiKeySecret: string;
  /** The TWILIO_* settings that point a stack at this fake, or at `baseUrl` (a proxy in front of it). */
  stackEnv(baseUrl?: string): Record<string, string>;
  requests: { method: string; path: string; params: Record<string, string> }[];
  rooms: FakeRoom[];
  recordings: FakeRecording[];
  /** 'after-create': the next room is created but the response is a 503 (the SDK never sees it). 'reject': 400. */
  nextCreate: 'ok' | 'after-create' | 'reject';
  addRecording(roomSid: string, type?: 'audio' | 'video'): FakeRecording;
  count(method: string, pathPattern: RegExp): number;
  close(): Promise<void>;
}

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

export async function startFakeTwilio(): Promise<FakeTwilio> {
  const accountSid = sid('AC');
  const authToken = randomBytes(16).toString('hex');
  const fake: Omit<FakeTwilio, 'url' | 'close' | 'stackEnv'> = {
    accountSid,
    authToken,
    apiKeySid: sid('SK'),
    apiKeySecret: randomBytes(24).toString('hex'),
    requests: [],
    rooms: [],
    recordings: [],
    nextCreate: 'ok',
    addRecording(roomSid, type = 'video') {
      const recording: FakeRecording = { sid: sid('RT'), roomSid, type, status: 'processing' };
      fake.recordings.push(recording);
      return recording;
    },
    count(method, pathPattern) {
      return fake.requests.filter((r) => r.method === method && pathPattern.test(r.path)).length;
    },
  };

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}`;

  const roomJson = (room: FakeRoom) => ({
    sid: room.sid,
    account_sid: accountSid,
    unique_name: room.uniqueName,
    status: room.status,
    type: room.params.Type ?? 'group',
    record_participants_on_connect: room.params.RecordParticipantsOnConnect === 'true',
    status_callback: room.params.StatusCallback ?? null,
    status_callback_method: room.params.StatusCallbackMethod ?? 'POST',
    date_created: new Date().toISOString(),
    url: `https://video.twilio.com/v1/Rooms/${room.sid}`,
    links: { recordings: `https://video.twilio.com/v1/Rooms/${room.sid}/Recordings` },
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = new URL(req.url ?? '/', url);
    const body = await readBody(req);
    const params = Object.fromEntries(new URLSearchParams(body));
    fake.requests.push({ method: req.method ?? 'GET', path: target.pathname, params });

    if (target.pathname.startsWith('/media/')) return send(res, 200, { media: target.pathname.slice('/media/'.length) });
    const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return send(res, 401, { code: 20003, message: 'Authenticate', status: 401 });

    const path = target.pathname.split('/').filter(Boolean); // ['v1', 'Rooms', ...]
    if (path[0] !== 'v1') return notFound(res);
    if (path[1] === 'Rooms' && path.length === 2 && req.method === 'POST') {
      if (fake.nextCreate === 'reject') {
        fake.nextCreate = 'ok';
        return send(res, 400, { code: 53123, message: 'Invalid StatusCallback', status: 400 });
      }
      if (fake.rooms.some((r) => r.uniqueName === params.UniqueName && r.status === 'in-progress')) {
        return send(res, 400, { code: 53113, message: 'Room exists', status: 400 });
      }
      const room: FakeRoom = { sid: sid('RM'), uniqueName: params.UniqueName ?? sid('RM'), status: 'in-progress', params };
      fake.rooms.push(room);
      if (fake.nextCreate === 'after-create') {
        fake.nextCreate = 'ok';
        return send(res, 503, { code: 20503, message: 'Service unavailable', status: 503 });
      }
      return send(res, 201, roomJson(room));
    }
    if (path[1] === 'Rooms' && path.length === 3) {
      const key = path[2]!;
      const room = fake.rooms.find((r) => r.sid === key) ?? fake.rooms.find((r) => r.uniqueName === key && r.status === 'in-progress');
      if (!room) return notFound(res);
      if (req.method === 'POST') {
        if (params.Status === 'completed') {
          if (room.status === 'completed') return send(res, 400, { code: 53118, message: 'Room completed', status: 400 });
          room.status = 'completed';
        }
        return send(res, 200, roomJson(room));
      }
      return send(res, 200, roomJson(room));
    }
    if (path[1] === 'Rooms' && path[3] === 'Recordings' && path.length === 4) {
      const recordings = fake.recordings
        .filter((r) => r.roomSid === path[2])
        .map((r) => ({
          sid: r.sid,
          account_sid: accountSid,
          room_sid: r.roomSid,
          status: r.status,
          type: r.type,
          duration: r.status === 'completed' ? 42 : null,
          url: `https://video.twilio.com/v1/Rooms/${r.roomSid}/Recordings/${r.sid}`,
          links: { media: `https://video.twilio.com/v1/Recordings/${r.sid}/Media` },
        }));
      return send(res, 200, { recordings, meta: { key: 'recordings', page: 0, page_size: 50, next_page_url: null, previous_page_url: null } });
    }
    if (path[1] === 'Recordings' && path[3] === 'Media' && req.method === 'GET') {
      const recording = fake.recordings.find((r) => r.sid === path[2]);
      if (!recording) return notFound(res);
      res.writeHead(302, { location: `${url}/media/${recording.sid}.mkv` }).end();
      return;
    }
    return notFound(res);
  }

  return {
    ...fake,
    get nextCreate() {
      return fake.nextCreate;
    },
    set nextCreate(value) {
      fake.nextCreate = value;
    },
    url,
    stackEnv: (baseUrl = url) => ({
      TWILIO_ACCOUNT_SID: accountSid,
      TWILIO_AUTH_TOKEN: authToken,
      TWILIO_API_KEY_SID: fake.apiKeySid,
      TWILIO_API_KEY_SECRET: fake.apiKeySecret,
      TWILIO_API_BASE_URL: baseUrl,
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  } as FakeTwilio;
}

function notFound(res: ServerResponse) {
  send(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
