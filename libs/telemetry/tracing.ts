import { createRequire } from 'node:module';
import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { AppConfig } from '../config/config.js';

/**
 * OpenTelemetry tracing, off by default. When on, a trace runs from the HTTP request through
 * the Temporal client into the workflow and its activities: the API and the worker each
 * register a tracer provider, and Temporal's interceptors carry the context in headers.
 */
export interface Tracing {
  processor: SpanProcessor;
  resource: Resource;
  /** The workflow interceptor module to bundle with the workflows. */
  workflowInterceptorModule: string;
  shutdown(): Promise<void>;
}

export function workflowInterceptorModule(): string {
  return createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors');
}

function exporterProcessor(config: AppConfig): SpanProcessor | undefined {
  switch (config.tracing.exporter) {
    case 'off':
      return undefined;
    case 'console':
      return new BatchSpanProcessor(new ConsoleSpanExporter());
    case 'otlp':
      return new BatchSpanProcessor(new OTLPTraceExporter({ url: config.tracing.otlpUrl }));
  }
}

/**
 * Registers the process-wide tracer provider. `processor` replaces the configured exporter
 * (tests pass an in-memory one). Returns undefined when tracing is off.
 */
export function setupTracing(config: AppConfig, serviceName: string, processor?: SpanProcessor): Tracing | undefined {
  const spanProcessor = processor ?? exporterProcessor(config);
  if (!spanProcessor) return undefined;
  const resource = new Resource({ 'service.name': serviceName });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return {
    processor: spanProcessor,
    resource,
    workflowInterceptorModule: workflowInterceptorModule(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
