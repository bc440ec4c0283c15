import type { Client } from '@temporalio/client';
import { HIRE_STEPS, prepareHire, runHire, type HireStep } from './hire/hire-steps.js';
import { ApiClient } from './support/api-client.js';
import { withStack, type BenchContext } from './support/context.js';
import { addFigures, emptyFigures, figures, historyOf, settle, type ActionEstimate, type HistoryFigures } from './support/history.js';
import { log, printTable } from './support/report.js';
import { countsBetween, settledServerCounts, type ServerCounts } from './support/server-metrics.js';
import { Recorder } from './support/stats.js';

/**
 * Cost per hire: hires driven one step at a time. After each step the workflows are left to
 * settle, then the history events that step added (to the proposal, its interview and its job)
 * are counted with the billable actions they stand for, next to the actions the Temporal server
 * itself counted for the step, queries included (they leave nothing in history).
 */

const STAGES = ['job post (set-up)', ...HIRE_STEPS] as const;
type Stage = (typeof STAGES)[number];

export interface StageCost {
  stage: Stage;
  /** Per hire, averaged over the hires driven. */
  events: number;
  /** Billable actions estimated from history (queries and rejected updates are not in history). */
  historyActions: number;
  /** Actions as the Temporal server counted them, when the benchmark runs its own server. */
  serverActions?: number;
  queries?: number;
  updatesSent?: number;
  byEventType: Record<string, number>;
  byActionType?: Record<string, number>;
}

export interface CostResult {
  hires: number;
  questions: number;
  stages: StageCost[];
  perHire: { events: number; historyActions: number; serverActions?: number; serverActionsExcludingJobPost?: number };
  /** History length of each workflow of one complete hire, and their sum. */
  histories: { proposal: number; interview: number; job: number; total: number };
  historyActionsByKind: ActionEstimate;
  serverActionsByType?: Record<string, number>;
}

interface StageTotals {
  figures: HistoryFigures;
  actions: Record<string, number>;
  requests: Record<string, number>;
}

class StageTracker {
  readonly byStage = new Map<Stage, StageTotals>();
  private readonly seen = new Map<string, number>();
  private countsBefore: ServerCounts | undefined;

  constructor(
    private readonly client: Client,
    private readonly metricsUrl: string | undefined,
    private readonly namespace: string,
  ) {}

  async mark(): Promise<void> {
    this.countsBefore = await settledServerCounts(this.metricsUrl, this.namespace);
  }

  /** Attributes what the workflows and the server gained since the last step to `stage`. */
  async attribute(stage: Stage, workflowIds: string[]): Promise<void> {
    await settle(this.client, workflowIds);
    const entry = this.byStage.get(stage) ?? { figures: emptyFigures(), actions: {}, requests: {} };
    for (const id of workflowIds) {
      const events = await historyOf(this.client, id);
      addFigures(entry.figures, figures(events.slice(this.seen.get(id) ?? 0)));
      this.seen.set(id, events.length);
    }
    const after = await settledServerCounts(this.metricsUrl, this.namespace);
    const delta = countsBetween(this.countsBefore, after);
    for (const [type, n] of Object.entries(delta?.actions ?? {})) entry.actions[type] = (entry.actions[type] ?? 0) + n;
    for (const [op, n] of Object.entries(delta?.requests ?? {})) entry.requests[op] = (entry.requests[op] ?? 0) + n;
    this.countsBefore = after;
    this.byStage.set(stage, entry);
  }

  lengthOf(workflowId: string): number {
    return this.seen.get(workflowId) ?? 0;
  }
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
const round2 = (n: number) => Math.round(n * 100) / 100;
const perHire = (values: Record<string, number>, hires: number) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round2(v / hires)]));

export async function costBench(ctx: BenchContext): Promise<CostResult> {
  const { hires, questions } = ctx.config.cost;
  // The unanswered-message sweep is a schedule of the platform, not of a hire: kept out of the counts.
  const env = { MESSAGE_REMINDER_SWEEP_EVERY: '3650d' };
  return withStack(
    ctx,
    'cost',
    async ({ temporal, apps }) => {
      const counted = Boolean(temporal.metricsUrl);
      const api = new ApiClient(apps.apiUrl, new Recorder(), 4);
      const tracker = new StageTracker(temporal.client, temporal.metricsUrl, ctx.config.temporal.namespace);
      let histories = { proposal: 0, interview: 0, job: 0, total: 0 };
      for (let h = 0; h < hires; h += 1) {
        await tracker.mark();
        const setup = await prepareHire(api, h, questions);
        const jobWorkflowId = `job/${setup.jobId}`;
        await tracker.attribute('job post (set-up)', [jobWorkflowId]);
        const ids = await runHire(api, setup, questions, async (step: HireStep, current) => {
          await tracker.attribute(step, [current.workflowId, ...(current.interviewWorkflowId ? [current.interviewWorkflowId] : []), jobWorkflowId]);
        });
        const proposal = tracker.lengthOf(ids.workflowId);
        const interview = ids.interviewWorkflowId ? tracker.lengthOf(ids.interviewWorkflowId) : 0;
        const job = tracker.lengthOf(jobWorkflowId);
        histories = { proposal, interview, job, total: proposal + interview + job };
        log(`cost: hire ${h + 1}/${hires}: histories proposal ${proposal}, interview ${interview}, job ${job} events`);
      }
      api.close();

      const stages: StageCost[] = STAGES.filter((stage) => tracker.byStage.has(stage)).map((stage) => {
        const t = tracker.byStage.get(stage)!;
        return {
          stage,
          events: round2(t.figures.events / hires),
          historyActions: round2(t.figures.actions.total / hires),
          serverActions: counted ? round2(sum(t.actions) / hires) : undefined,
          queries: counted ? round2((t.requests.QueryWorkflow ?? 0) / hires) : undefined,
          updatesSent: counted ? round2((t.requests.UpdateWorkflowExecution ?? 0) / hires) : undefined,
          byEventType: perHire(t.figures.byType, hires),
          byActionType: counted ? perHire(t.actions, hires) : undefined,
        };
      });
      const all = emptyFigures();
      const allActions: Record<string, number> = {};
      for (const t of tracker.byStage.values()) {
        addFigures(all, t.figures);
        for (const [type, n] of Object.entries(t.actions)) allActions[type] = (allActions[type] ?? 0) + n;
      }
      const total = (pick: (s: StageCost) => number | undefined, skipSetup = false) =>
        round2(stages.filter((s) => !skipSetup || s.stage !== 'job post (set-up)').reduce((acc, s) => acc + (pick(s) ?? 0), 0));
      const result: CostResult = {
        hires,
        questions,
        stages,
        perHire: {
          events: total((s) => s.events),
          historyActions: total((s) => s.historyActions),
          serverActions: counted ? total((s) => s.serverActions) : undefined,
          serverActionsExcludingJobPost: counted ? total((s) => s.serverActions, true) : undefined,
        },
        histories,
        historyActionsByKind: perHire(all.actions as unknown as Record<string, number>, hires) as unknown as ActionEstimate,
        serverActionsByType: counted ? perHire(allActions, hires) : undefined,
      };
      printCost(result);
      return result;
    },
    env,
  );
}

export function printCost(result: CostResult): void {
  printTable(
    `Cost per hire (${result.hires} hire(s) driven step by step, ${result.questions} interview question(s); figures per hire)`,
    ['stage', 'history events', 'actions (history estimate)', 'actions (server-counted)', 'of which queries', 'updates sent'],
    [
      ...result.stages.map((s) => [s.stage, s.events, s.historyActions, s.serverActions, s.queries, s.updatesSent]),
      ['total', result.perHire.events, result.perHire.historyActions, result.perHire.serverActions, undefined, undefined],
    ],
  );
  if (result.serverActionsByType) {
    printTable(
      'Server-counted actions per hire by type',
      ['action type', 'per hire'],
      Object.entries(result.serverActionsByType).sort((a, b) => b[1] - a[1]),
    );
  }
  const h = result.histories;
  printTable('History of one complete hire (events)', ['workflow', 'events'], [
    ['proposal', h.proposal],
    ['interview (child)', h.interview],
    ['job', h.job],
    ['all three', h.total],
  ]);
}
