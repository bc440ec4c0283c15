import { InterceptingCall, Metadata, status, type Interceptor } from '@grpc/grpc-js';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor, type ConnectionOptions } from '@temporalio/client';
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

/** What an interceptor's next step answers (grpc-js does not export the interface by name). */
type InterceptingCallInterface = ReturnType<Parameters<Interceptor>[1]>;

/** A call that never reached the server because its connection had been closed: it ends at once, CANCELLED. */
function closedConnectionCall(): InterceptingCallInterface {
  return {
    start(_metadata, listener) {
      setImmediate(() =>
        listener?.onReceiveStatus?.({ code: status.CANCELLED, details: 'the Temporal connection was closed', metadata: new Metadata() }),
      );
    },
    sendMessage() {},
    sendMessageWithContext() {},
    startRead() {},
    halfClose() {},
    cancelWithStatus() {},
    getPeer: () => '',
    getAuthContext: () => null,
  };
}

/**
 * The SDK retries a call that failed transiently on a timer. Should the connection be closed
 * before the timer fires — a graceful shutdown during a Temporal blip — starting the retry
 * throws inside that timer and the process dies of an uncaught exception. Placed below the
 * retry interceptor, this ends such a retry as CANCELLED instead, which is not retried: the
 * caller gets an error and the process shuts down as planned.
 */
const failRetriesAfterClose: Interceptor = (options, nextCall) => {
  let call: InterceptingCallInterface;
  try {
    call = nextCall(options);
  } catch {
    call = closedConnectionCall();
  }
  return new InterceptingCall(call);
};

/** The SDK's own retry policy, made safe to close under; `below` runs under both (tests inject faults there). */
export function clientInterceptors(below: Interceptor[] = []): Interceptor[] {
  return [makeGrpcRetryInterceptor(defaultGrpcRetryOptions()), failRetriesAfterClose, ...below];
}

/** A client connection with those interceptors: the API's, the tests' and the benchmarks'. */
export function connectTemporal(options: ConnectionOptions): Promise<Connection> {
  return Connection.connect({ ...options, interceptors: clientInterceptors() });
}

export async function connectClient(config: AppConfig): Promise<Client> {
  const connection = await connectTemporal(connectionOptions(config));
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
