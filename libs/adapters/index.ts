import type { AppConfig } from '../config/config.js';
import type { InterviewEvaluator } from '../ports/evaluator.port.js';
import type { VideoProvider } from '../ports/video.port.js';
import { LocalEvaluator } from './local-evaluator.adapter.js';
import { LocalVideoAdapter } from './local-video.adapter.js';
import { OpenAiEvaluator } from './openai-evaluator.adapter.js';
import { TwilioVideoAdapter } from './twilio-video.adapter.js';

/** Twilio when its credentials are configured; otherwise rooms and tokens are made locally. */
export function createVideoProvider(config: AppConfig): VideoProvider {
  const twilio = config.video.twilio;
  return twilio ? new TwilioVideoAdapter(twilio) : new LocalVideoAdapter(config.auth.jwtSecret);
}

/** OpenAI (or a compatible server) when a key or base URL is configured; otherwise the local evaluator. */
export function createInterviewEvaluator(config: AppConfig): InterviewEvaluator {
  const openai = config.evaluator.openai;
  return openai ? new OpenAiEvaluator(openai) : new LocalEvaluator();
}
