import { z } from 'zod';
import { msToNumber } from '@temporalio/common/lib/time.js';
import type { InvitationTimers } from '../../workflows/invitation.types.js';
import type { InterviewLimits, JobTimers } from '../../workflows/job.types.js';
import type { ProposalTimers } from '../../workflows/proposal.types.js';

/**
 * The only place that reads `process.env`. Every variable is validated once at boot;
 * a bad value stops the process with a message naming each offending variable.
 */

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => {
      try {
        return msToNumber(value as never) > 0;
      } catch {
        return false;
      }
    }, 'must be a positive duration such as "500ms", "30s", "6h" or "7d"');

const optionalUrl = (protocols: string[], hint: string) =>
  z
    .string()
    .optional()
    .refine((value) => {
      if (value === undefined || value === '') return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, hint)
    .transform((value) => (value === '' ? undefined : value));

const int = (fallback: number, min = 0) => z.coerce.number().int().min(min).default(fallback);

const emptyAsUndefined = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: int(3000),
  HIREFLOW_DATA_DIR: z.string().default('.hireflow'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:'], 'must be a postgres:// or postgresql:// URL'),
  EMBEDDED_POSTGRES_PORT: int(54329, 1),
  DATABASE_POOL_MAX: int(10, 1),
  /** How long a query may wait for a pooled connection (or a new one) before the request fails as unavailable. */
  DATABASE_CONNECT_TIMEOUT: duration('5s'),
  /** The longest one statement may run (or wait for a lock); the server cancels it after this. */
  DATABASE_STATEMENT_TIMEOUT: duration('15s'),

  TEMPORAL_ADDRESS: emptyAsUndefined,
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('hireflow'),
  TEMPORAL_CLI_PATH: emptyAsUndefined,
  TEMPORAL_DEV_PORT: int(7233, 1),
  TEMPORAL_UI_PORT: int(8233, 1),
  TEMPORAL_UI_URL: optionalUrl(['http:', 'https:'], 'must be an http(s) URL'),
  TEMPORAL_API_KEY: emptyAsUndefined,
  TEMPORAL_TLS: z.enum(['true', 'false']).default('false'),

  AUTH_MODE: z.enum(['local', 'oidc']).default('local'),
  JWT_SECRET: z.string().min(16, 'must be at least 16 characters').default('hireflow-local-development-secret'),
  JWT_TTL: duration('7d'),
  OIDC_ISSUER: emptyAsUndefined,
  OIDC_JWKS_URL: optionalUrl(['http:', 'https:'], 'must be an http(s) URL'),
  OIDC_AUDIENCE: emptyAsUndefined,

  CONNECTS_SIGNUP_GRANT: int(10),
  CONNECTS_MONTHLY_GRANT: int(10),
  CONNECTS_MAX_PURCHASE: int(500, 1),

  PROPOSAL_ABANDON_AFTER: duration('14d'),
  PROPOSAL_EDIT_WINDOW: duration('6h'),
  PROPOSAL_REMINDER_AFTER: duration('3d'),
  OFFER_EXPIRES_AFTER: duration('7d'),
  JOB_EXPIRES_AFTER: duration('30d'),
  JOB_EXPIRY_WARNING_BEFORE: duration('5d'),
  JOB_CLOSE_BATCH_SIZE: int(200, 1),
  RATE_LIMIT_WRITES_PER_MINUTE: int(300, 1),
  RATE_LIMIT_SIGNUPS_PER_MINUTE: int(20, 1),
  STUCK_WAITING_AFTER: duration('3d'),
  ACTIVITY_ATTEMPTS_BEFORE_FLAG: int(5, 1),
  STUCK_ACTIVITY_FAILING_AFTER: duration('15m'),
  TRACING_EXPORTER: z.enum(['off', 'otlp', 'console']).default('off'),
  TRACING_OTLP_URL: optionalUrl(['http:', 'https:'], 'must be an http(s) URL'),
  WORKER_MAX_CACHED_WORKFLOWS: int(1000, 2),
  WORKER_METRICS_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/, 'must be host:port').or(z.literal('off')).default('127.0.0.1:9464'),
  INTERVIEW_QUESTION_TIME_LIMIT: duration('3m'),
  INTERVIEW_SESSION_TIME_LIMIT: duration('15m'),
  INTERVIEW_RECORDING_WAIT: duration('30m'),
  PUBLIC_BASE_URL: optionalUrl(['http:', 'https:'], 'must be an http(s) URL'),
  VIDEO_TOKEN_TTL: duration('15m'),
  TWILIO_ACCOUNT_SID: emptyAsUndefined,
  TWILIO_AUTH_TOKEN: emptyAsUndefined,
  TWILIO_API_KEY_SID: emptyAsUndefined,
  TWILIO_API_KEY_SECRET: emptyAsUndefined,
  TWILIO_API_BASE_URL: optionalUrl(['http:', 'https:'], 'must be an http(s) URL'),
  OPENAI_API_KEY: emptyAsUndefined,
  OPENAI_BASE_URL: optionalUrl(['http:', 'https:'], 'must be an http(s) URL'),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT: duration('60s'),
  INVITATION_EXPIRES_AFTER: duration('7d'),
  INVITATION_REMINDER_BEFORE: duration('2d'),
  /** reject: refuse content with contact details before a contract (422); redact: store it redacted and flagged. */
  MODERATION_MODE: z.enum(['reject', 'redact']).default('reject'),
  MESSAGE_REMINDER_AFTER: duration('24h'),
  MESSAGE_REMINDER_SWEEP_EVERY: duration('1m'),
  REALTIME_POLL_INTERVAL: duration('2s'),
  /** The built web app (`npm run build:web`), served at `/` when it exists; relative to the working directory. */
  WEB_DIST_DIR: z.string().min(1).default('apps/web/dist'),
});

export type Env = z.input<typeof envSchema>;


export interface AppConfig {
  env: 'development' | 'production' | 'test';
  http: { host: string; port: number };
  dataDir: string;
  logLevel: string;
  database: { url?: string; embeddedPort: number; poolMax: number; connectTimeoutMs: number; statementTimeoutMs: number };
  temporal: {
    address?: string;
    namespace: string;
    taskQueue: string;
    cliPath?: string;
    devPort: number;
    uiPort: number;
    uiUrl: string;
    apiKey?: string;
    tls: boolean;
  };
  auth: {
    mode: 'local' | 'oidc';
    jwtSecret: string;
    jwtTtlMs: number;
    oidc?: { issuer: string; jwksUrl: string; audience?: string };
  };
  connects: { signupGrant: number; monthlyGrant: number; maxPurchase: number };
  timers: {
    proposal: ProposalTimers;
    job: JobTimers;
    interview: InterviewLimits;
    invitation: InvitationTimers;
  };
  jobCloseBatchSize: number;
  rateLimits: { writesPerMinute: number; signupsPerMinute: number };
  /** A hire is stuck when it waits on someone longer than this, or an activity fails longer than that. */
  stuck: { waitingAfterMs: number; activityFailingAfterMs: number };
  /** OpenTelemetry tracing: off, an OTLP/HTTP collector (default URL http://localhost:4318/v1/traces), or the console. */
  tracing: { exporter: 'off' | 'otlp' | 'console'; otlpUrl?: string };
  /** Where the worker serves the Temporal SDK's Prometheus metrics; undefined when off. */
  workerMetricsAddress?: string;
  /**
   * Workflows the worker keeps in memory between tasks (about 0.4 MB each); one that was evicted
   * is replayed from its history when it next has work. Bounds the worker's memory however many
   * proposals are open.
   */
  workerMaxCachedWorkflows: number;
  /** Where the outside world reaches the API; provider webhooks are signed against this URL. */
  publicBaseUrl: string;
  video: {
    /** Twilio when its credentials are set, otherwise the offline adapter. */
    provider: 'twilio' | 'local';
    tokenTtlSeconds: number;
    twilio?: { accountSid: string; authToken: string; apiKeySid: string; apiKeySecret: string; apiBaseUrl?: string };
  };
  evaluator: {
    /** OpenAI (or any compatible server) when a key or base URL is set, otherwise the local evaluator. */
    provider: 'openai' | 'local';
    openai?: { apiKey: string; baseUrl?: string; model: string; timeoutMs: number };
  };
  moderation: { mode: 'reject' | 'redact' };
  /** Unanswered messages are looked for every `reminderSweepEveryMs` and reminded once after `reminderAfterMs`. */
  messages: { reminderAfterMs: number; reminderSweepEveryMs: number };
  /** How often the API looks at the outbox besides LISTEN/NOTIFY, in case a notification was missed. */
  realtime: { pollIntervalMs: number };
  /** Where the built web app is; the API serves it at `/` when the directory holds an index.html. */
  web: { distDir: string };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const ms = (value: string) => msToNumber(value as never);

  const problems: string[] = [];
  if (e.AUTH_MODE === 'oidc' && (!e.OIDC_ISSUER || !e.OIDC_JWKS_URL)) {
    problems.push('OIDC_ISSUER and OIDC_JWKS_URL: both are required when AUTH_MODE=oidc');
  }
  if (e.NODE_ENV === 'production' && e.AUTH_MODE === 'local' && e.JWT_SECRET === envSchema.shape.JWT_SECRET.parse(undefined)) {
    problems.push('JWT_SECRET: set a secret of your own in production');
  }
  if (ms(e.JOB_EXPIRY_WARNING_BEFORE) >= ms(e.JOB_EXPIRES_AFTER)) {
    problems.push('JOB_EXPIRY_WARNING_BEFORE: must be shorter than JOB_EXPIRES_AFTER');
  }
  if (ms(e.INVITATION_REMINDER_BEFORE) >= ms(e.INVITATION_EXPIRES_AFTER)) {
    problems.push('INVITATION_REMINDER_BEFORE: must be shorter than INVITATION_EXPIRES_AFTER');
  }
  const twilioVars = ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_API_KEY_SID', 'TWILIO_API_KEY_SECRET'] as const;
  const twilioSet = twilioVars.filter((name) => e[name] !== undefined);
  if (twilioSet.length > 0 && twilioSet.length < twilioVars.length) {
    problems.push(`${twilioVars.filter((name) => e[name] === undefined).join(', ')}: Twilio needs all of ${twilioVars.join(', ')}`);
  }
  if (twilioSet.length === twilioVars.length && !e.PUBLIC_BASE_URL) {
    problems.push('PUBLIC_BASE_URL: required with Twilio, which posts room and recording events to it');
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    http: { host: e.HOST, port: e.PORT },
    dataDir: e.HIREFLOW_DATA_DIR,
    logLevel: e.LOG_LEVEL,
    database: {
      url: e.DATABASE_URL,
      embeddedPort: e.EMBEDDED_POSTGRES_PORT,
      poolMax: e.DATABASE_POOL_MAX,
      connectTimeoutMs: ms(e.DATABASE_CONNECT_TIMEOUT),
      statementTimeoutMs: ms(e.DATABASE_STATEMENT_TIMEOUT),
    },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      cliPath: e.TEMPORAL_CLI_PATH,
      devPort: e.TEMPORAL_DEV_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
      uiUrl: e.TEMPORAL_UI_URL ?? `http://127.0.0.1:${e.TEMPORAL_UI_PORT}`,
      apiKey: e.TEMPORAL_API_KEY,
      tls: e.TEMPORAL_TLS === 'true',
    },
    auth: {
      mode: e.AUTH_MODE,
      jwtSecret: e.JWT_SECRET,
      jwtTtlMs: ms(e.JWT_TTL),
      oidc:
        e.OIDC_ISSUER && e.OIDC_JWKS_URL
          ? { issuer: e.OIDC_ISSUER, jwksUrl: e.OIDC_JWKS_URL, audience: e.OIDC_AUDIENCE }
          : undefined,
    },
    connects: {
      signupGrant: e.CONNECTS_SIGNUP_GRANT,
      monthlyGrant: e.CONNECTS_MONTHLY_GRANT,
      maxPurchase: e.CONNECTS_MAX_PURCHASE,
    },
    timers: {
      proposal: {
        abandonAfterMs: ms(e.PROPOSAL_ABANDON_AFTER),
        editWindowMs: ms(e.PROPOSAL_EDIT_WINDOW),
        reminderAfterMs: ms(e.PROPOSAL_REMINDER_AFTER),
        activityAttemptsBeforeFlag: e.ACTIVITY_ATTEMPTS_BEFORE_FLAG,
        offerExpiresAfterMs: ms(e.OFFER_EXPIRES_AFTER),
      },
      job: { expiresAfterMs: ms(e.JOB_EXPIRES_AFTER), warningBeforeMs: ms(e.JOB_EXPIRY_WARNING_BEFORE) },
      interview: {
        perQuestionMs: ms(e.INTERVIEW_QUESTION_TIME_LIMIT),
        sessionMs: ms(e.INTERVIEW_SESSION_TIME_LIMIT),
        recordingWaitMs: ms(e.INTERVIEW_RECORDING_WAIT),
      },
      invitation: {
        expiresAfterMs: ms(e.INVITATION_EXPIRES_AFTER),
        reminderBeforeMs: ms(e.INVITATION_REMINDER_BEFORE),
      },
    },
    jobCloseBatchSize: e.JOB_CLOSE_BATCH_SIZE,
    rateLimits: { writesPerMinute: e.RATE_LIMIT_WRITES_PER_MINUTE, signupsPerMinute: e.RATE_LIMIT_SIGNUPS_PER_MINUTE },
    stuck: { waitingAfterMs: ms(e.STUCK_WAITING_AFTER), activityFailingAfterMs: ms(e.STUCK_ACTIVITY_FAILING_AFTER) },
    tracing: { exporter: e.TRACING_EXPORTER, otlpUrl: e.TRACING_OTLP_URL },
    workerMetricsAddress: e.WORKER_METRICS_ADDRESS === 'off' ? undefined : e.WORKER_METRICS_ADDRESS,
    workerMaxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    video: {
      provider: e.TWILIO_ACCOUNT_SID ? 'twilio' : 'local',
      tokenTtlSeconds: Math.ceil(ms(e.VIDEO_TOKEN_TTL) / 1000),
      twilio:
        e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_API_KEY_SID && e.TWILIO_API_KEY_SECRET
          ? {
              accountSid: e.TWILIO_ACCOUNT_SID,
              authToken: e.TWILIO_AUTH_TOKEN,
              apiKeySid: e.TWILIO_API_KEY_SID,
              apiKeySecret: e.TWILIO_API_KEY_SECRET,
              apiBaseUrl: e.TWILIO_API_BASE_URL,
            }
          : undefined,
    },
    evaluator:
      e.OPENAI_API_KEY || e.OPENAI_BASE_URL
        ? {
            provider: 'openai',
            openai: {
              // Local OpenAI-compatible servers usually ignore the key, but the SDK insists on one.
              apiKey: e.OPENAI_API_KEY ?? 'unused',
              baseUrl: e.OPENAI_BASE_URL,
              model: e.OPENAI_MODEL,
              timeoutMs: ms(e.OPENAI_TIMEOUT),
            },
          }
        : { provider: 'local' },
    moderation: { mode: e.MODERATION_MODE },
    messages: { reminderAfterMs: ms(e.MESSAGE_REMINDER_AFTER), reminderSweepEveryMs: ms(e.MESSAGE_REMINDER_SWEEP_EVERY) },
    realtime: { pollIntervalMs: ms(e.REALTIME_POLL_INTERVAL) },
    web: { distDir: e.WEB_DIST_DIR },
  };
}

/** The PostgreSQL URL the embedded server answers on when DATABASE_URL is not set. */
export function embeddedDatabaseUrl(config: AppConfig): string {
  return `postgres://hireflow:hireflow@127.0.0.1:${config.database.embeddedPort}/hireflow`;
}

export function temporalAddress(config: AppConfig): string {
  return config.temporal.address ?? `127.0.0.1:${config.temporal.devPort}`;
}
