/**
 * The Temporal server's own counters, from its Prometheus endpoint: requests its frontend
 * answered by operation, and the actions it counted by type (`action`, the counter billable
 * actions are reckoned from: starts, signals, queries, accepted updates, commands such as timers,
 * activities, search-attribute upserts and batches of local-activity markers).
 */
export interface ServerCounts {
  requests: Record<string, number>;
  actions: Record<string, number>;
}

/** The operations a hire's callers send; polls, describes and history reads are left out. */
export const CLIENT_OPERATIONS = [
  'StartWorkflowExecution',
  'SignalWorkflowExecution',
  'SignalWithStartWorkflowExecution',
  'UpdateWorkflowExecution',
  'PollWorkflowExecutionUpdate',
  'QueryWorkflow',
] as const;

/** Actions of the platform rather than of a hire (workers registering their schedules at boot). */
const PLATFORM_ACTIONS = new Set(['grpc_CreateSchedule', 'grpc_UpdateSchedule']);

function parse(text: string, namespace: string): ServerCounts {
  const counts: ServerCounts = { requests: {}, actions: {} };
  for (const line of text.split('\n')) {
    const isRequest = line.startsWith('service_requests{');
    const isAction = line.startsWith('action{');
    if ((!isRequest && !isAction) || !line.includes('service_name="frontend"') || !line.includes(`namespace="${namespace}"`)) continue;
    const key = isRequest ? /operation="([^"]+)"/.exec(line)?.[1] : /action_type="([^"]+)"/.exec(line)?.[1];
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (!key || !Number.isFinite(value)) continue;
    const into = isRequest ? counts.requests : counts.actions;
    into[key] = (into[key] ?? 0) + value;
  }
  return counts;
}

export async function serverCounts(metricsUrl: string | undefined, namespace: string): Promise<ServerCounts | undefined> {
  if (!metricsUrl) return undefined;
  return parse(await (await fetch(metricsUrl)).text(), namespace);
}

/**
 * The server publishes its counters about once a second; reads until two readings a little
 * over a second apart agree, so everything a finished step caused is in.
 */
export async function settledServerCounts(metricsUrl: string | undefined, namespace: string): Promise<ServerCounts | undefined> {
  if (!metricsUrl) return undefined;
  let previous = JSON.stringify(await serverCounts(metricsUrl, namespace));
  for (let attempt = 0; attempt < 8; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const current = await serverCounts(metricsUrl, namespace);
    const fingerprint = JSON.stringify(current);
    if (fingerprint === previous) return current;
    previous = fingerprint;
  }
  return JSON.parse(previous) as ServerCounts;
}

export interface CountsDelta {
  requests: Record<string, number>;
  actions: Record<string, number>;
  actionsTotal: number;
}

/** What happened between two readings: the callers' requests, and every action of a hire. */
export function countsBetween(before: ServerCounts | undefined, after: ServerCounts | undefined): CountsDelta | undefined {
  if (!before || !after) return undefined;
  const requests = Object.fromEntries(CLIENT_OPERATIONS.map((op) => [op, (after.requests[op] ?? 0) - (before.requests[op] ?? 0)]));
  const actions: Record<string, number> = {};
  for (const [type, n] of Object.entries(after.actions)) {
    const delta = n - (before.actions[type] ?? 0);
    if (delta !== 0 && !PLATFORM_ACTIONS.has(type)) actions[type] = delta;
  }
  return { requests, actions, actionsTotal: Object.values(actions).reduce((a, b) => a + b, 0) };
}
