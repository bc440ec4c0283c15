import { Injectable, type NestMiddleware } from '@nestjs/common';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('hireflow-api');

/**
 * One server span per HTTP request, made active for the handler so the Temporal client's
 * interceptor continues the same trace into the workflow. A no-op while tracing is off.
 */
@Injectable()
export class HttpTracingMiddleware implements NestMiddleware {
  use(request: any, response: any, next: () => void): void {
    const span = tracer.startSpan(`HTTP ${request.method}`, {
      kind: SpanKind.SERVER,
      attributes: { 'http.request.method': request.method, 'url.path': request.originalUrl ?? request.url },
    });
    response.once('finish', () => {
      const route = request.route?.path ? `${request.baseUrl ?? ''}${request.route.path}` : undefined;
      if (route) {
        span.updateName(`HTTP ${request.method} ${route}`);
        span.setAttribute('http.route', route);
      }
      span.setAttribute('http.response.status_code', response.statusCode);
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(context.active(), span), next);
  }
}
