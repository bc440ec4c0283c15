import { Runtime, type LogLevel, type LogMetadata, type Logger } from '@temporalio/worker';
import pino from 'pino';

const LEVELS: Record<string, LogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', fatal: 'ERROR' };

/**
 * The Temporal SDK's logs as structured JSON through pino: every line from a workflow or an
 * activity carries its workflowId, runId and activity type as fields.
 */
export class PinoTemporalLogger implements Logger {
  private readonly pino: pino.Logger;

  constructor(level: string) {
    this.pino = pino({ level: level === 'silent' ? 'silent' : level, base: { service: 'hireflow-worker' } });
  }

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    const method = level.toLowerCase() as 'trace' | 'debug' | 'info' | 'warn' | 'error';
    this.pino[method](meta ?? {}, message);
  }
  trace(message: string, meta?: LogMetadata) {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: LogMetadata) {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: LogMetadata) {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: LogMetadata) {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: LogMetadata) {
    this.log('ERROR', message, meta);
  }
}

/**
 * Installs the process-wide Temporal runtime once: JSON logs and, when an address is given,
 * the SDK's own worker metrics (task latencies, slots, polls…) for Prometheus at
 * `http://<address>/metrics`.
 */
export function installRuntime(options: { logLevel: string; metricsAddress?: string }): void {
  Runtime.install({
    logger: new PinoTemporalLogger(options.logLevel),
    telemetryOptions: {
      logging: { filter: { core: LEVELS[options.logLevel] ?? 'WARN', other: 'ERROR' }, forward: {} },
      ...(options.metricsAddress ? { metrics: { prometheus: { bindAddress: options.metricsAddress } } } : {}),
    },
  });
}
