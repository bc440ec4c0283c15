import { installRuntime } from '../../../apps/worker/src/runtime.js';

// Faults make the SDK warn on every retried call while a server is away; the suite judges
// outcomes, not logs, so the process-wide runtime logs errors only. Imported before the
// harness, whose own installation then finds this one in place.
try {
  installRuntime({ logLevel: 'error' });
} catch {
  // Installed by an earlier test file in this process.
}

/** The same for the apps of a scenario: every 503 they answer during a fault would otherwise be logged with its stack. */
export const QUIET_LOGS = { LOG_LEVEL: 'fatal' } as const;
