import { Client, Connection } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { NativeConnection } from '@temporalio/worker';
import { temporalAddress, type AppConfig } from '../config/config.js';

function connectionOptions(config: AppConfig) {
  return {
    address: temporalAddress(config),
    tls: config.temporal.tls || Boolean(config.temporal.apiKey) ? {} : undefined,
    apiKey: config.temporal.apiKey,
  };
}

export async function connectClient(config: AppConfig): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(config));
  // The interceptor carries the active trace into workflows; without a tracer provider it does nothing.
  return new Client({
    connection,
    namespace: config.temporal.namespace,
    interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] },
  });
}

export function connectWorker(config: AppConfig): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(config));
}

/** A link that opens the workflow in the Temporal Web UI. */
export function temporalUiLink(config: AppConfig, workflowId: string): string {
  return `${config.temporal.uiUrl}/namespaces/${encodeURIComponent(config.temporal.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}
