import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1, for the real `openai` SDK. By
 * default it answers like a careful model (quoting the answers); tests queue other replies:
 * rate limits, bad requests, or an evaluation of their own.
 */

export interface EvaluationReply {
  summary: string;
  requirements: { requirement: string; score: number; evidence: string[]; rationale: string }[];
}

export type ScriptedReply = { status: 200; evaluation: EvaluationReply } | { status: number; message: string };

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema?: unknown } };
  temperature?: number;
}

export interface FakeOpenAi {
  url: string;
  /** The model snapshot the server says answered. */
  servedModel: string;
  requests: { body: ChatRequest; authorization?: string }[];
  /** Replies used in order, before falling back to the default careful evaluation. */
  queue: ScriptedReply[];
  close(): Promise<void>;
}

/** What a careful model would say: each requirement scored 4 with the sentence that names it. */
export function carefulEvaluation(request: ChatRequest): EvaluationReply {
  const user = JSON.parse(request.messages.find((m) => m.role === 'user')!.content) as {
    job: { requirements: string[] };
    interview: { answer: string }[];
  };
  const sentences = user.interview.flatMap((i) => i.answer.split(/(?<=[.!?])\s+/));
  return {
    summary: 'Describes relevant hands-on experience.',
    requirements: user.job.requirements.map((requirement) => {
      const quote = sentences.find((s) => s.toLowerCase().includes(requirement.toLowerCase()));
      return quote
        ? { requirement, score: 4, evidence: [quote], rationale: `Names ${requirement} with specifics.` }
        : { requirement, score: 1, evidence: [], rationale: `No mention of ${requirement}.` };
    }),
  };
}

export async function startFakeOpenAi(servedModel = 'gpt-test-2026-01-01'): Promise<FakeOpenAi> {
  const requests: FakeOpenAi['requests'] = [];
  const queue: ScriptedReply[] = [];
  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => send(res, 500, { error: { message: String(error), type: 'server_error' } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      return send(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: 'invalid_request_error' } });
    }
    const body = JSON.parse(await readBody(req)) as ChatRequest;
    requests.push({ body, authorization: req.headers.authorization });
    const reply = queue.shift() ?? { status: 200, evaluation: carefulEvaluation(body) };
    if (reply.status !== 200) {
      const type = reply.status === 429 ? 'rate_limit_error' : reply.status >= 500 ? 'server_error' : 'invalid_request_error';
      return send(res, reply.status, { error: { message: (reply as { message: string }).message, type, code: null, param: null } });
    }
    const evaluation = (reply as { evaluation: EvaluationReply }).evaluation;
    return send(res, 200, {
      id: `chatcmpl-${requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: servedModel,
      choices: [{ index: 0, message: { role: 'assistant', content: JSON.stringify(evaluation), refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    servedModel,
    requests,
    queue,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
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
