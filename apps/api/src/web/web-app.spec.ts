import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { API_PREFIXES, webAppHandler, type WebAppHandler } from './web-app.js';

interface Outcome {
  sent?: string;
  passed: boolean;
  headers: Record<string, string>;
}

function call(handler: WebAppHandler, method: string, path: string, accept = 'text/html,application/xhtml+xml'): Outcome {
  const outcome: Outcome = { passed: false, headers: {} };
  handler(
    { method, path, headers: { accept } },
    { setHeader: (name, value) => (outcome.headers[name.toLowerCase()] = value), sendFile: (file) => (outcome.sent = file) },
    () => (outcome.passed = true),
  );
  return outcome;
}

describe('webAppHandler', () => {
  let dist: string;
  let handler: WebAppHandler;

  beforeAll(() => {
    dist = mkdtempSync(join(tmpdir(), 'hireflow-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html>');
    writeFileSync(join(dist, 'assets', 'index-abc.js'), 'export {}');
    writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
    // A build that happens to contain files under the API's paths must not shadow them.
    mkdirSync(join(dist, 'v1'));
    writeFileSync(join(dist, 'v1', 'jobs'), 'not the API');
    handler = webAppHandler(dist)!;
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('is absent when there is no build', () => {
    expect(webAppHandler(join(dist, 'missing'))).toBeNull();
  });

  it('serves the built files by exact path, assets with a long cache', () => {
    const asset = call(handler, 'GET', '/assets/index-abc.js', '*/*');
    expect(asset.sent).toBe(join(dist, 'assets', 'index-abc.js'));
    expect(asset.headers['cache-control']).toContain('immutable');
    expect(call(handler, 'HEAD', '/favicon.svg', '*/*').sent).toBe(join(dist, 'favicon.svg'));
  });

  it('answers page loads of any other path with index.html, uncached', () => {
    for (const path of ['/', '/proposals/5b1c', '/client/jobs/new', '/index.html']) {
      const page = call(handler, 'GET', path);
      expect(page.sent).toBe(join(dist, 'index.html'));
      expect(page.headers['cache-control']).toBe('no-cache');
    }
  });

  it.each(API_PREFIXES.flatMap((prefix) => [prefix, `${prefix}/jobs`]))('never answers for the API path %s', (path) => {
    expect(call(handler, 'GET', path)).toEqual({ passed: true, headers: {} });
  });

  it('leaves unknown paths to the API when the client does not ask for a page, and every write', () => {
    expect(call(handler, 'GET', '/nothing-here', 'application/json').passed).toBe(true);
    expect(call(handler, 'GET', '/nothing-here', '*/*').passed).toBe(true);
    expect(call(handler, 'POST', '/client/jobs/new').passed).toBe(true);
  });

  it('never serves a file outside the build, however the path is written', () => {
    const outside = `${basename(dist)}-outside.txt`;
    writeFileSync(join(dist, '..', outside), 'outside');
    try {
      for (const path of [`/../${outside}`, `/%2e%2e/${outside}`, `/assets/..%2f..%2f${outside}`, '/%E0%A4%A']) {
        expect(call(handler, 'GET', path, '*/*')).toEqual({ passed: true, headers: {} });
      }
    } finally {
      rmSync(join(dist, '..', outside));
    }
  });

  it('serves a rebuild without a restart', () => {
    writeFileSync(join(dist, 'assets', 'index-new.js'), 'export {}');
    expect(call(handler, 'GET', '/assets/index-new.js', '*/*').sent).toBe(join(dist, 'assets', 'index-new.js'));
  });

  it('does not take prefixes that merely start like an API path', () => {
    expect(call(handler, 'GET', '/v1beta').sent).toBe(join(dist, 'index.html'));
    expect(call(handler, 'GET', '/healthy').sent).toBe(join(dist, 'index.html'));
  });
});
