import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `docker compose` (the plugin) where installed, else the standalone `docker-compose`. */
function compose(args: string[], jwtSecret = 'a-long-random-secret-for-the-check') {
  const env = { ...process.env, JWT_SECRET: jwtSecret };
  const plugin = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' });
  const [command, prefix] = plugin.status === 0 ? ['docker', ['compose']] : ['docker-compose', []];
  return spawnSync(command, [...prefix, '-f', 'docker-compose.yml', ...args], { cwd: root, env, encoding: 'utf8' });
}

describe('the production docker-compose file', () => {
  it('is accepted by docker compose config', () => {
    const result = compose(['config', '-q']);
    expect(result.error).toBeUndefined();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs PostgreSQL, Temporal on it, its UI, migrations, the API and a scalable worker', () => {
    const services = compose(['config', '--services']).stdout.trim().split('\n').sort();
    expect(services).toEqual(['api', 'migrate', 'postgres', 'temporal', 'temporal-ui', 'worker']);
    const config = compose(['config']).stdout;
    const worker = config.slice(config.indexOf('\n  worker:'));
    // A worker with a fixed name or published port could not be scaled with --scale worker=N.
    expect(worker).not.toMatch(/^\s{4}(container_name|ports):/m);
  });

  it('refuses to start without a JWT secret', () => {
    const result = compose(['config', '-q'], '');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('JWT_SECRET');
  });
});
