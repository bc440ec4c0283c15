import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';

type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;
const { EventType } = proto.temporal.api.enums.v1;

/**
 * Temporal Cloud's billable actions, estimated from event history the way its documentation
 * counts them: a workflow start (a child start counts twice: start and execution), every timer,
 * every search-attribute upsert, every signal and accepted update, every activity attempt, and
 * one action per workflow task that recorded local-activity markers. Queries and rejected updates
 * leave no event; the benchmark counts queries from the server's own request metrics.
 */
export interface ActionEstimate {
  workflowStarts: number;
  childWorkflows: number;
  timers: number;
  searchAttributeUpserts: number;
  signals: number;
  updates: number;
  activityAttempts: number;
  localActivityTasks: number;
  total: number;
}

export interface HistoryFigures {
  events: number;
  byType: Record<string, number>;
  actions: ActionEstimate;
}

export const typeName = (event: HistoryEvent) => EventType[event.eventType!]!.replace('EVENT_TYPE_', '');

export function figures(events: HistoryEvent[]): HistoryFigures {
  const byType: Record<string, number> = {};
  const actions: ActionEstimate = {
    workflowStarts: 0,
    childWorkflows: 0,
    timers: 0,
    searchAttributeUpserts: 0,
    signals: 0,
    updates: 0,
    activityAttempts: 0,
    localActivityTasks: 0,
    total: 0,
  };
  const tasksWithMarkers = new Set<string>();
  for (const event of events) {
    const type = typeName(event);
    byType[type] = (byType[type] ?? 0) + 1;
    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
        // A child's start is billed on its parent's StartChildWorkflowExecutionInitiated.
        if (!event.workflowExecutionStartedEventAttributes?.parentWorkflowExecution) actions.workflowStarts += 1;
        break;
      case EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED:
        actions.childWorkflows += 2;
        break;
      case EventType.EVENT_TYPE_TIMER_STARTED:
        actions.timers += 1;
        break;
      case EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES:
        actions.searchAttributeUpserts += 1;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED:
        actions.signals += 1;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED:
        actions.updates += 1;
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED:
        actions.activityAttempts += event.activityTaskStartedEventAttributes?.attempt ?? 1;
        break;
      case EventType.EVENT_TYPE_MARKER_RECORDED:
        tasksWithMarkers.add(String(event.markerRecordedEventAttributes?.workflowTaskCompletedEventId ?? event.eventId));
        break;
    }
  }
  actions.localActivityTasks = tasksWithMarkers.size;
  actions.total =
    actions.workflowStarts +
    actions.childWorkflows +
    actions.timers +
    actions.searchAttributeUpserts +
    actions.signals +
    actions.updates +
    actions.activityAttempts +
    actions.localActivityTasks;
  return { events: events.length, byType, actions };
}

export async function historyOf(client: Client, workflowId: string): Promise<HistoryEvent[]> {
  return (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
}

export function addFigures(into: HistoryFigures, add: HistoryFigures): HistoryFigures {
  into.events += add.events;
  for (const [type, n] of Object.entries(add.byType)) into.byType[type] = (into.byType[type] ?? 0) + n;
  for (const key of Object.keys(into.actions) as (keyof ActionEstimate)[]) into.actions[key] += add.actions[key];
  return into;
}

export const emptyFigures = (): HistoryFigures => figures([]);

/**
 * Waits until none of the workflows has a workflow task or activity pending, and their
 * histories stop growing: the work one step caused is then all in history.
 */
export async function settle(client: Client, workflowIds: string[], timeoutMs = 30_000): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  let previous = '';
  for (;;) {
    const lengths = new Map<string, number>();
    let busy = false;
    for (const id of workflowIds) {
      const description = await client.workflow.getHandle(id).describe();
      lengths.set(id, Number(description.historyLength));
      const raw = description.raw;
      if (raw.pendingWorkflowTask || (raw.pendingActivities?.length ?? 0) > 0) busy = true;
    }
    const fingerprint = JSON.stringify([...lengths]);
    if (!busy && fingerprint === previous) return lengths;
    if (Date.now() > deadline) throw new Error(`workflows did not settle within ${timeoutMs} ms: ${fingerprint}`);
    previous = fingerprint;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
