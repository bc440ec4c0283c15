import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { HireflowActivities } from '../activities/index.js';
import type { JobInput, JobState, JobStatus, JobView } from './job.types.js';
import * as msg from './messages.js';
import type { JobCloseReason } from './proposal.types.js';
import { ClientIdKey, JobIdKey, KindKey, LastTransitionAtKey, StageKey, WaitingOnKey } from './search-attributes.js';

const { closeOpenProposals, closeOpenInvitations } = proxyActivities<HireflowActivities>({
  summary: "Tell one batch of the job's open proposals or invitations that it closed",
  startToCloseTimeout: '2m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});
const { recordJob, jobLastActivityAt, notify } = proxyLocalActivities<HireflowActivities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

const iso = (ms = Date.now()) => new Date(ms).toISOString();

/**
 * A job post: open → filled / cancelled / expired. Proposals are its peers, not children:
 * it learns of hires by signal and reaches its open proposals through the read model in
 * bounded batches when it closes, so its history does not grow with applications.
 */
export async function jobWorkflow(input: JobInput): Promise<JobState> {
  const { workflowId } = workflowInfo();
  const s: JobState = input.resume ?? {
    jobId: input.jobId,
    status: 'open',
    openings: input.openings,
    hired: 0,
    hiredProposalIds: [],
    proposalsClosed: 0,
  };
  /** Activity clock: the newest proposal activity seen; re-read from the database when a timer fires. */
  let activityAt = Date.now();
  let closing: JobCloseReason | undefined = s.status === 'open' ? undefined : s.closedReason;

  // Attributes are upserted (a billed action) only when the status changes; the API sets the first ones at start.
  const started = workflowInfo().typedSearchAttributes;
  let publishedStatus: JobStatus | undefined =
    !input.resume && started.get(StageKey) === s.status && started.get(LastTransitionAtKey) !== undefined ? s.status : undefined;
  const publish = (label: string) => {
    if (publishedStatus !== s.status) {
      upsertSearchAttributes([
        { key: KindKey, value: 'job' },
        { key: StageKey, value: s.status },
        { key: WaitingOnKey, value: s.status === 'open' ? 'client' : 'none' },
        { key: JobIdKey, value: s.jobId },
        { key: ClientIdKey, value: input.clientId },
        { key: LastTransitionAtKey, value: new Date() },
      ]);
      publishedStatus = s.status;
    }
    setCurrentDetails(label);
  };

  /**
   * Closes the job: the row changes first, so a charge or a contract racing with the close sees
   * the job closed and is refused. Answers the status the job ended with (a cancellation loses
   * to a contract that started first, and any close loses to one already recorded).
   */
  const close = async (reason: JobCloseReason): Promise<JobStatus> => {
    const closedAt = iso();
    const { status } = await recordJob({ jobId: s.jobId, status: reason, hired: s.hired, closedAt });
    if (status === 'open' || s.status !== 'open') return status;
    s.status = status;
    s.closedReason = status;
    s.closedAt = closedAt;
    closing = status;
    publish(`Job ${status} on ${closedAt.slice(0, 10)}; closing its open proposals`);
    return status;
  };

  setHandler(msg.jobStateQuery, (): JobView => ({ ...s, workflowId }));

  /** Set while a cancellation is being recorded, so a second one is refused rather than run twice. */
  let cancelling = false;
  setHandler(
    msg.cancelJobUpdate,
    async (_request: { by: 'client' | 'ops' }) => {
      cancelling = true;
      try {
        const status = await close('cancelled');
        if (status !== 'cancelled') {
          throw ApplicationFailure.create({
            type: 'wrong_state',
            message: status === 'open' ? 'cannot cancel: the job already has a contract' : `cannot cancel: the job is ${status}`,
          });
        }
      } finally {
        cancelling = false;
      }
      return { ...s, workflowId };
    },
    {
      validator: (_request: { by: 'client' | 'ops' }) => {
        if (s.status !== 'open' || cancelling) {
          throw ApplicationFailure.create({
            type: 'wrong_state',
            message: `cannot cancel: the job is ${cancelling ? 'being cancelled' : s.status}`,
          });
        }
        if (s.hired > 0) {
          throw ApplicationFailure.create({
            type: 'wrong_state',
            message: 'cannot cancel: the job already has a contract',
          });
        }
      },
    },
  );

  setHandler(msg.proposalHiredSignal, ({ proposalId }) => {
    if (s.hiredProposalIds.includes(proposalId)) return;
    s.hiredProposalIds.push(proposalId);
    s.hired += 1;
  });

  if (s.status === 'open') publish(`Open for proposals since ${iso().slice(0, 10)}`);

  while (s.status === 'open') {
    const hiredBefore = s.hired;
    const warnAt = activityAt + input.timers.expiresAfterMs - input.timers.warningBeforeMs;
    const expireAt = activityAt + input.timers.expiresAfterMs;
    const warned = s.warnedForActivityAt === iso(activityAt);
    const dueAt = warned ? expireAt : warnAt;
    const woke = await condition(() => s.hired !== hiredBefore || s.status !== 'open', Math.max(dueAt - Date.now(), 1), {
      summary: `${warned ? 'Expire the job' : 'Warn the client of expiry'} unless there is activity before ${iso(dueAt)}`,
    });
    if (s.status !== 'open') break;
    if (s.hired >= s.openings) {
      await close('filled');
      if (s.status !== 'open') break;
      continue;
    }
    if (woke) {
      await recordJob({ jobId: s.jobId, status: s.status, hired: s.hired });
      continue;
    }
    const latest = Date.parse(await jobLastActivityAt({ jobId: s.jobId }));
    if (latest > activityAt) {
      activityAt = latest;
      continue;
    }
    if (!warned) {
      s.warnedForActivityAt = iso(activityAt);
      await notify({
        recipientId: input.clientId,
        type: 'job.expiry_warning',
        payload: { jobId: s.jobId, expiresAt: iso(expireAt) },
        dedupeKey: `job.expiry_warning:${s.jobId}:${s.warnedForActivityAt}`,
      });
      continue;
    }
    await close('expired');
  }

  // Pending invitations close with the job, in bounded batches like the proposals below.
  for (let afterInvitation: string | null = null; ; ) {
    const batch: { lastId: string | null; done: boolean } = await closeOpenInvitations({ jobId: s.jobId, reason: closing!, afterId: afterInvitation, limit: input.closeBatchSize });
    afterInvitation = batch.lastId;
    if (batch.done) break;
  }

  // Close the open proposals in bounded batches; each batch is one activity in this history.
  let afterId: string | null = null;
  for (;;) {
    const batch: { signalled: number; lastId: string | null; done: boolean } = await closeOpenProposals({ jobId: s.jobId, reason: closing!, afterId, limit: input.closeBatchSize });
    s.proposalsClosed += batch.signalled;
    afterId = batch.lastId;
    if (batch.done) break;
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof jobWorkflow>({ ...input, resume: s });
    }
  }
  publish(`Job ${s.status} on ${s.closedAt!.slice(0, 10)}; ${s.proposalsClosed} open proposal(s) closed`);
  await condition(allHandlersFinished);
  return s;
}
