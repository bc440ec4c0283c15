import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import SwaggerParser from '@apidevtools/swagger-parser';
import { startStack, type Stack } from './support/harness.js';
import { servedRoutes } from './support/routes.js';

describe('the OpenAPI document', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('is valid OpenAPI 3 and lists every route the app serves', async () => {
    const res = await stack.http.get('/docs-json');
    expect(res.status).toBe(200);
    const document = res.body;
    expect(document.openapi).toMatch(/^3\./);
    await SwaggerParser.validate(structuredClone(document));

    const documented = new Set(
      Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const served = servedRoutes(stack.api)
      .filter((route) => route.path !== '/metrics') // Prometheus scrape endpoint, not part of the API contract
      .map((route) => `${route.method} ${route.path}`);
    expect(served.length).toBeGreaterThan(20);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('documents request bodies from the same schemas that validate them', async () => {
    const { body: document } = await stack.http.get('/docs-json');
    const submit = document.paths['/v1/proposals/{id}/submit'].post;
    const schema = submit.requestBody.content['application/json'].schema;
    const resolved = schema.$ref ? document.components.schemas[schema.$ref.split('/').pop()] : schema;
    expect(resolved.required).toContain('bid');
    expect(resolved.additionalProperties).toBe(false);
  });
});
