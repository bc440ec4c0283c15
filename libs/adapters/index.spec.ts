import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '../config/config.js';
import { createInterviewEvaluator, createVideoProvider } from './index.js';
import { LocalEvaluator } from './local-evaluator.adapter.js';
import { LocalVideoAdapter } from './local-video.adapter.js';
import { OpenAiEvaluator } from './openai-evaluator.adapter.js';
import { TwilioVideoAdapter } from './twilio-video.adapter.js';

const twilio = {
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
  TWILIO_AUTH_TOKEN: 'token',
  TWILIO_API_KEY_SID: 'SK00000000000000000000000000000000',
  TWILIO_API_KEY_SECRET: 'secret',
};

describe('adapters are chosen by configuration', () => {
  it('offline by default: local video and the local evaluator', () => {
    const config = loadConfig({});
    expect(createVideoProvider(config)).toBeInstanceOf(LocalVideoAdapter);
    expect(createInterviewEvaluator(config)).toBeInstanceOf(LocalEvaluator);
  });

  it('Twilio with its credentials and a public URL; OpenAI with a key or just a base URL', () => {
    const config = loadConfig({ ...twilio, PUBLIC_BASE_URL: 'https://hireflow.example.com/', OPENAI_API_KEY: 'sk-x' });
    expect(createVideoProvider(config)).toBeInstanceOf(TwilioVideoAdapter);
    expect(createInterviewEvaluator(config)).toBeInstanceOf(OpenAiEvaluator);
    expect(config.publicBaseUrl).toBe('https://hireflow.example.com');
    const local = loadConfig({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'llama3.1' });
    expect(local.evaluator).toEqual({
      provider: 'openai',
      openai: { apiKey: 'unused', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1', timeoutMs: 60_000 },
    });
  });

  it('refuses half a Twilio configuration, naming what is missing', () => {
    const { TWILIO_API_KEY_SECRET: _secret, ...partial } = twilio;
    expect(() => loadConfig({ ...partial, PUBLIC_BASE_URL: 'https://x.example.com' })).toThrow(/TWILIO_API_KEY_SECRET: Twilio needs all of/);
    expect(() => loadConfig(twilio)).toThrow(ConfigError);
    expect(() => loadConfig(twilio)).toThrow(/PUBLIC_BASE_URL: required with Twilio/);
  });
});
