import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { Client, Connection } from '@temporalio/client';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { Tracing } from '../../../libs/telemetry/tracing.js';
import type { AppConfig } from '../../../libs/config/config.js';
import { connectWorker } from '../../../libs/temporal/connection.js';
import { registerSearchAttributes } from '../../../libs/temporal/search-attributes.js';
import { ensureConnectsGrantSchedule } from './connects-grant.schedule.js';
import { ensureMessageReminderSchedule } from './message-reminder.schedule.js';
import { ActivitiesFactory } from './activities.factory.js';
import { WorkerModule } from './worker.module.js';
import { TEMPORAL_CLIENT } from '../../api/src/core/tokens.js';

export interface RunningWorker {
  worker: Worker;
  context: INestApplicationContext;
  /** Resolves when the worker has stopped and everything is closed. */
  done: Promise<void>;
  /** Drains in-flight tasks, then closes the container. */
  shutdown(): Promise<void>;
}

export interface WorkerOverrides {
  /** Prebuilt bundle (tests build one per run); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  taskQueue?: string;
  /** Worker interceptors, e.g. for tracing, or to inject faults when proving recovery. */
  interceptors?: WorkerOptions['interceptors'];
  /** Tracing set up by `setupTracing`; a prebuilt bundle must then include its workflow interceptor module. */
  tracing?: Tracing;
  /** How long a stopping worker lets running activities finish (20 s by default). */
  shutdownGraceTime?: WorkerOptions['shutdownGraceTime'];
}

/** Interceptors and sinks: the caller's, plus OpenTelemetry's when tracing is on. */
function tracingOptions({ interceptors, tracing }: WorkerOverrides): Pick<WorkerOptions, 'interceptors' | 'sinks'> {
  if (!tracing) return interceptors ? { interceptors } : {};
  return {
    interceptors: {
      ...interceptors,
      workflowModules: [...(interceptors?.workflowModules ?? []), tracing.workflowInterceptorModule],
      activity: [
        ...(interceptors?.activity ?? []),
        (ctx) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
          outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
        }),
      ],
    },
    sinks: { exporter: makeWorkflowExporter(tracing.processor, tracing.resource) },
  };
}

const defaultWorkflowsPath = () => fileURLToPath(new URL('../../../workflows/index.js', import.meta.url));

/**
 * A Nest application context (no HTTP) that builds activities from DI and runs a Temporal
 * Worker until asked to stop. Registering the search attributes first makes any cluster ready.
 */
export async function startWorker(config: AppConfig, overrides: WorkerOverrides = {}): Promise<RunningWorker> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['error', 'warn'] });
  let connection: NativeConnection | undefined;
  try {
    await registerSearchAttributes(context.get<Client>(TEMPORAL_CLIENT).connection as Connection, config.temporal.namespace);
    await ensureMessageReminderSchedule(context.get<Client>(TEMPORAL_CLIENT), config);
    await ensureConnectsGrantSchedule(context.get<Client>(TEMPORAL_CLIENT), config);
    connection = await connectWorker(config);
  } catch (error) {
    await context.close();
    throw error;
  }
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: overrides.taskQueue ?? config.temporal.taskQueue,
    activities: context.get(ActivitiesFactory).create(),
    ...(overrides.workflowBundle ? { workflowBundle: overrides.workflowBundle } : { workflowsPath: defaultWorkflowsPath() }),
    shutdownGraceTime: overrides.shutdownGraceTime ?? '20s',
    // The SDK sizes its cache from the heap limit (thousands of workflows on a large heap); ours is a memory budget.
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    ...tracingOptions(overrides),
  });
  const done = worker.run().finally(async () => {
    await connection!.close();
    await context.close();
  });
  return {
    worker,
    context,
    done,
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done;
    },
  };
}
