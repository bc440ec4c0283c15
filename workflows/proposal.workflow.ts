import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  proxyActivities,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { HireflowActivities } from '../activities/index.js';
import type { Notice } from '../activities/notify.activities.js';
import { interviewWorkflowId, jobWorkflowId } from './ids.js';
import { interviewWorkflow } from './interview.workflow.js';
import { interviewSearchAttributes } from './interview.visibility.js';
import * as msg from './messages.js';
import { withVisibleRetries } from './visible-retries.js';
import {
  initialProposalState,
  isAllowed,
  isTerminal,
  nextDeadline,
  proposalView,
  refusal,
  waitingOnFor,
  type DeadlineKind,
} from './proposal.rules.js';
import { describeProposal, proposalSearchAttributes, startedWithAttributesOf } from './proposal.visibility.js';
import type {
  JobCloseReason,
  ProposalCloseReason,
  ProposalAction,
  ProposalInput,
  ProposalOutcome,
  ProposalStage,
  ProposalState,
  ProposalView,
} from './proposal.types.js';

/**
 * Ledger movements are regular activities: a stuck charge or refund shows as a pending activity
 * in the UI, and after a few attempts as a flagged, stuck hire (see withVisibleRetries).
 */
const ledgerActivities = (attempts: number) =>
  proxyActivities<HireflowActivities>({
    summary: 'Move Connects on the ledger (charge on submission, refund when the job is cancelled)',
    startToCloseTimeout: '30s',
    retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: attempts },
  });
// Idempotent writes to our own tables are local activities: one marker in history instead of three events and a task.
const { recordProposal, startContract } = proxyLocalActivities<HireflowActivities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

const iso = (ms = Date.now()) => new Date(ms).toISOString();

/** What each of the proposal's timers is for, as the Temporal UI shows it. */
const DEADLINE_SUMMARY: Record<DeadlineKind, string> = {
  abandon: 'Abandon the proposal if it is still not submitted',
  offer_expiry: 'Expire the offer if it is still unanswered',
  reminder: 'Remind the party the proposal waits on',
};

/** An activity's typed failure becomes the update's failure, so the API can answer 422 or 409. */
function rethrowCause(error: unknown): never {
  if (error instanceof ActivityFailure && error.cause instanceof ApplicationFailure) throw error.cause;
  throw error;
}

/**
 * One proposal's whole life: draft → (interview) → submitted → viewed → messaged →
 * offer → hired, or declined / withdrawn / closed / abandoned. Connects are charged
 * only inside the submit update; every timer length comes from `input.timers`.
 */
export async function proposalWorkflow(input: ProposalInput): Promise<ProposalOutcome> {
  const { workflowId } = workflowInfo();
  const { timers } = input;
  const { chargeConnects, refundConnects } = ledgerActivities(timers.activityAttemptsBeforeFlag ?? 5);
  const s = input.resume ?? initialProposalState(input, Date.now());
  let recordedVersion = 0;
  /** An action that awaits a side effect before it changes the stage; everything else waits for it. */
  let inFlight: 'submitted' | 'accepted' | undefined;
  let pendingJobClose: JobCloseReason | undefined;
  const pendingNotices: Notice[] = [];

  const view = (): ProposalView => proposalView(s, workflowId, timers, Date.now());

  /** Every change bumps the version; a stage change restarts the stage clock, a new waiting party the reminder clock. */
  const touch = (stage?: ProposalStage) => {
    if (stage && stage !== s.stage) {
      s.stage = stage;
      s.lastTransitionAt = iso();
    }
    const waitingOn = waitingOnFor(s);
    if (waitingOn !== s.waitingOn) {
      s.waitingOn = waitingOn;
      s.waitingSince = iso();
    }
    s.version += 1;
  };

  const notice = (recipientId: string, type: string, payload: Record<string, unknown> = {}) =>
    pendingNotices.push({
      recipientId,
      type,
      payload: { proposalId: s.proposalId, jobId: s.jobId, ...payload },
      dedupeKey: `${type}:${s.proposalId}:${s.version}:${recipientId}`,
    });

  const fingerprintOf = () => JSON.stringify([s.stage, s.waitingOn, s.lastTransitionAt]);
  let lastAttributes = !input.resume && startedWithAttributesOf(s) ? fingerprintOf() : '';
  const persist = async () => {
    if (s.version <= recordedVersion) return;
    const attributes = proposalSearchAttributes(s);
    const fingerprint = fingerprintOf();
    if (fingerprint !== lastAttributes) {
      upsertSearchAttributes(attributes);
      lastAttributes = fingerprint;
    }
    setCurrentDetails(describeProposal(s, timers));
    const snapshot: ProposalState = JSON.parse(JSON.stringify(s));
    const events = pendingNotices.splice(0);
    recordedVersion = snapshot.version;
    await recordProposal({ state: snapshot, workflowId, events });
  };

  const guard = (action: ProposalAction) => {
    if (inFlight) {
      throw ApplicationFailure.create({
        type: 'wrong_state',
        message: `cannot ${action.replace(/_/g, ' ')}: the proposal is ${s.stage.replace(/_/g, ' ')} and being ${inFlight}`,
        details: [{ stage: s.stage }],
      });
    }
    if (pendingJobClose && !isTerminal(s.stage)) {
      throw ApplicationFailure.create({
        type: 'wrong_state',
        message: `cannot ${action.replace(/_/g, ' ')}: the proposal is ${s.stage} and closing because the job was ${pendingJobClose}`,
        details: [{ stage: s.stage }],
      });
    }
    if (!isAllowed(action, s, timers, Date.now())) {
      throw ApplicationFailure.create({ type: 'wrong_state', message: refusal(action, s), details: [{ stage: s.stage }] });
    }
  };

  /**
   * Closing because the job closed, or because ops cancelled the proposal. Only a cancelled job
   * (or ops) refunds; declines and withdrawals never reach here. The refund lands before the stage moves, so "closed" always shows the refund; the
   * pending close refuses every action meanwhile, and a second caller waits for the first.
   */
  let closingForJob: Promise<void> | undefined;
  const closeForJob = (reason: ProposalCloseReason) => {
    closingForJob ??= (async () => {
      if (isTerminal(s.stage)) return;
      if ((reason === 'cancelled' || reason === 'ops') && s.connectsCharged > s.connectsRefunded) {
        const { refunded } = await withVisibleRetries('the Connects refund', () => refundConnects(chargeInput()));
        s.connectsRefunded = refunded;
      }
      s.closedReason = reason;
      touch('closed');
      notice(s.freelancerId, 'proposal.closed', { reason, refunded: s.connectsRefunded });
    })();
    return closingForJob;
  };

  const chargeInput = () => ({
    proposalWorkflowId: workflowId,
    proposalId: s.proposalId,
    jobId: s.jobId,
    jobTitle: input.jobTitle,
    freelancerId: s.freelancerId,
  });

  /** Registers an update whose validator is a guard on one action, or a function of its arguments. */
  function onUpdate<Ret, Args extends unknown[]>(
    def: UpdateDefinition<Ret, Args>,
    handler: (...args: Args) => Promise<Ret>,
    validator: ProposalAction | ((...args: Args) => void),
  ) {
    setHandler(def, handler, { validator: typeof validator === 'string' ? () => guard(validator) : validator });
  }

  setHandler(msg.proposalStateQuery, view);

  onUpdate(
    msg.startInterviewUpdate,
    async () => {
      s.interview.attempt += 1;
      const childId =
        s.interview.attempt === 1
          ? interviewWorkflowId(s.jobId, s.freelancerId)
          : `${interviewWorkflowId(s.jobId, s.freelancerId)}/retake-${s.interview.attempt - 1}`;
      s.interview.status = 'in_progress';
      s.interview.workflowId = childId;
      touch('interviewing');
      await startChild(interviewWorkflow, {
        workflowId: childId,
        args: [
          {
            jobId: s.jobId,
            freelancerId: s.freelancerId,
            proposalId: s.proposalId,
            proposalWorkflowId: workflowId,
            questions: input.interviewQuestions ?? [],
            attempt: s.interview.attempt,
            limits: input.interviewLimits,
          },
        ],
        staticSummary: `Interview: ${input.freelancerName} for "${input.jobTitle}" (attempt ${s.interview.attempt})`,
        typedSearchAttributes: interviewSearchAttributes({ jobId: s.jobId, freelancerId: s.freelancerId, status: 'created' }),
        // The interview outlives this run: its evaluation and recordings finish even across continue-as-new.
        parentClosePolicy: 'ABANDON',
      });
      await persist();
      return view();
    },
    'start_interview',
  );

  setHandler(msg.interviewCompletedSignal, async ({ completedAt, attempt }) => {
    // An attempt superseded by an ops-granted retake must not complete the new one.
    if (s.interview.status !== 'in_progress' || (attempt !== undefined && attempt !== s.interview.attempt)) return;
    s.interview.status = 'completed';
    s.interview.completedAt = completedAt;
    touch(s.stage === 'interviewing' ? 'ready' : undefined);
    await persist();
  });

  onUpdate(
    msg.opsCancelUpdate,
    async ({ reason }) => {
      notice(s.clientId, 'proposal.cancelled_by_ops', { reason });
      await closeForJob('ops');
      await persist();
      return view();
    },
    (_request: { reason: string }) => {
      if (isTerminal(s.stage) || closingForJob) {
        throw ApplicationFailure.create({ type: 'wrong_state', message: `cannot cancel: the proposal is ${s.stage}`, details: [{ stage: s.stage }] });
      }
    },
  );

  onUpdate(
    msg.grantRetakeUpdate,
    async () => {
      s.interview.retakesGranted += 1;
      s.interview.status = 'not_started';
      s.interview.completedAt = undefined;
      touch('draft');
      notice(s.freelancerId, 'interview.retake_granted');
      await persist();
      return view();
    },
    () => {
      const eligible = s.interviewRequired && (s.stage === 'ready' || s.stage === 'interviewing');
      if (!eligible || s.interview.retakesGranted >= 1) {
        throw ApplicationFailure.create({
          type: 'wrong_state',
          message: `cannot grant a retake: the proposal is ${s.stage} and ${s.interview.retakesGranted} retake(s) were granted (one is allowed, before submission)`,
        });
      }
    },
  );

  onUpdate(
    msg.submitUpdate,
    async (submission) => {
      inFlight = 'submitted';
      try {
        const cost = s.invited ? 0 : input.connectsCost;
        if (cost > 0) {
          const { charged } = await withVisibleRetries('the Connects charge', () =>
            chargeConnects({ ...chargeInput(), amount: cost }),
          ).catch(rethrowCause);
          s.connectsCharged = charged;
        }
        s.bid = submission.bid;
        s.coverLetter = submission.coverLetter ?? s.coverLetter;
        s.notes = submission.notes ?? s.notes;
        s.attachments = submission.attachments ?? s.attachments;
        s.submittedAt = iso();
        touch('submitted');
        notice(s.clientId, 'proposal.received');
      } finally {
        inFlight = undefined;
      }
      if (pendingJobClose) await closeForJob(pendingJobClose);
      await persist();
      return view();
    },
    'submit',
  );

  onUpdate(
    msg.editUpdate,
    async (edit) => {
      if (edit.bid) s.bid = edit.bid;
      if (edit.coverLetter !== undefined) s.coverLetter = edit.coverLetter;
      if (edit.notes !== undefined) s.notes = edit.notes;
      if (edit.attachments !== undefined) s.attachments = edit.attachments;
      touch();
      await persist();
      return view();
    },
    (edit) => {
      const editsContent = edit.coverLetter !== undefined || edit.notes !== undefined || edit.attachments !== undefined;
      if (editsContent) guard('edit_content');
      if (edit.bid) guard('edit_bid');
    },
  );

  onUpdate(
    msg.withdrawUpdate,
    async ({ reason }) => {
      s.withdrawReason = reason;
      touch('withdrawn');
      if (s.submittedAt) notice(s.clientId, 'proposal.withdrawn', { reason });
      await persist();
      return view();
    },
    'withdraw',
  );

  onUpdate(
    msg.viewUpdate,
    async () => {
      if (!s.viewedAt) {
        s.viewedAt = iso();
        touch(s.stage === 'submitted' ? 'viewed' : undefined);
        notice(s.freelancerId, 'proposal.viewed');
        await persist();
      }
      return view();
    },
    'view',
  );

  onUpdate(
    msg.setFlagsUpdate,
    async (flags) => {
      s.shortlisted = flags.shortlisted ?? s.shortlisted;
      s.archived = flags.archived ?? s.archived;
      touch();
      await persist();
      return view();
    },
    (flags) => {
      if (flags.shortlisted !== undefined) guard('shortlist');
      if (flags.archived !== undefined) guard('archive');
    },
  );

  onUpdate(
    msg.declineUpdate,
    async ({ reason }) => {
      s.declineReason = reason;
      touch('declined');
      notice(s.freelancerId, 'proposal.declined', { reason });
      await persist();
      return view();
    },
    'decline',
  );

  setHandler(msg.clientMessagedSignal, async ({ at }) => {
    if (s.clientMessagedAt || isTerminal(s.stage) || !isAllowed('message', s, timers, Date.now())) return;
    s.clientMessagedAt = at;
    s.viewedAt ??= at;
    touch(s.stage === 'submitted' || s.stage === 'viewed' ? 'messaged' : undefined);
    await persist();
  });

  setHandler(msg.jobClosedSignal, ({ reason }) => {
    // A submission in flight finishes first, then closes (and refunds) with the charge known.
    pendingJobClose ??= reason;
  });

  onUpdate(
    msg.makeOfferUpdate,
    async ({ offerId, terms }) => {
      const now = Date.now();
      s.offer = { id: offerId, terms, status: 'pending', sentAt: iso(now), expiresAt: iso(now + timers.offerExpiresAfterMs) };
      s.viewedAt ??= iso(now);
      touch('offer_pending');
      notice(s.freelancerId, 'offer.received', { offerId, expiresAt: s.offer.expiresAt });
      await persist();
      return s.offer;
    },
    'make_offer',
  );

  onUpdate(
    msg.modifyOfferUpdate,
    async ({ terms }) => {
      const offer = s.offer!;
      offer.terms = terms;
      offer.requestedChanges = undefined;
      offer.expiresAt = iso(Date.now() + timers.offerExpiresAfterMs);
      touch();
      notice(s.freelancerId, 'offer.received', { offerId: offer.id, modified: true, expiresAt: offer.expiresAt });
      await persist();
      return offer;
    },
    'modify_offer',
  );

  onUpdate(
    msg.withdrawOfferUpdate,
    async () => {
      const offer = s.offer!;
      offer.status = 'withdrawn';
      touch('messaged');
      notice(s.freelancerId, 'offer.withdrawn', { offerId: offer.id });
      await persist();
      return offer;
    },
    'withdraw_offer',
  );

  onUpdate(
    msg.requestOfferChangesUpdate,
    async ({ terms, message }) => {
      const offer = s.offer!;
      offer.requestedChanges = { terms, message, at: iso() };
      touch();
      notice(s.clientId, 'offer.changes_requested', { offerId: offer.id });
      await persist();
      return offer;
    },
    'request_changes',
  );

  onUpdate(
    msg.declineOfferUpdate,
    async ({ reason }) => {
      s.offer!.status = 'declined';
      s.withdrawReason = reason ?? 'declined the offer';
      touch('withdrawn');
      notice(s.clientId, 'offer.declined', { offerId: s.offer!.id, reason });
      await persist();
      return view();
    },
    'decline_offer',
  );

  onUpdate(
    msg.acceptOfferUpdate,
    async () => {
      const offer = s.offer!;
      // Nothing else may happen while the contract starts; if the job closed or filled meanwhile,
      // the offer stays as it was and the job's notice closes the proposal.
      inFlight = 'accepted';
      let contractId: string;
      try {
        ({ contractId } = await startContract({
          proposalId: s.proposalId,
          offerId: offer.id,
          jobId: s.jobId,
          clientId: s.clientId,
          freelancerId: s.freelancerId,
          terms: offer.terms,
        }).catch(rethrowCause));
      } finally {
        inFlight = undefined;
      }
      offer.status = 'accepted';
      s.contractId = contractId;
      touch('hired');
      notice(s.clientId, 'offer.accepted', { offerId: offer.id, contractId });
      await getExternalWorkflowHandle(jobWorkflowId(s.jobId)).signal(msg.proposalHiredSignal, {
        proposalId: s.proposalId,
      });
      await persist();
      return view();
    },
    'accept_offer',
  );

  await persist();

  // Handlers persist their own changes. The loop only keeps the one timer the proposal waits on,
  // and starts a new timer only when that deadline moves, so edits and flags add nothing to history.
  const deadlineKey = () => {
    const due = nextDeadline(s, timers);
    return due ? `${due.kind}@${due.at}` : 'none';
  };
  while (!isTerminal(s.stage)) {
    const due = nextDeadline(s, timers);
    const key = deadlineKey();
    const woke = await condition(
      () => isTerminal(s.stage) || (!inFlight && (pendingJobClose !== undefined || deadlineKey() !== key)),
      due ? Math.max(due.at - Date.now(), 1) : '3650 days',
      { summary: due ? `${DEADLINE_SUMMARY[due.kind]} at ${iso(due.at)}` : 'Nothing is due; waiting for the parties' },
    );
    if (!woke && due) {
      // A deadline never interrupts an action in flight; it fires after, if it still applies.
      await condition(() => !inFlight);
      if (!isTerminal(s.stage) && deadlineKey() === key) fireDeadline(due.kind);
    }
    if (pendingJobClose && !inFlight) await closeForJob(pendingJobClose);
    await persist();
    if (workflowInfo().continueAsNewSuggested) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof proposalWorkflow>({ ...input, resume: s });
    }
  }

  await condition(allHandlersFinished);
  await persist();
  return { stage: s.stage, connectsCharged: s.connectsCharged, connectsRefunded: s.connectsRefunded, contractId: s.contractId };

  function fireDeadline(kind: DeadlineKind) {
    switch (kind) {
      case 'abandon':
        touch('abandoned');
        notice(s.freelancerId, 'proposal.abandoned');
        break;
      case 'offer_expiry':
        s.offer!.status = 'expired';
        touch('messaged');
        notice(s.freelancerId, 'offer.expired', { offerId: s.offer!.id });
        notice(s.clientId, 'offer.expired', { offerId: s.offer!.id });
        break;
      case 'reminder': {
        s.remindedForWaitSince = s.waitingSince;
        const recipient = s.waitingOn === 'client' ? s.clientId : s.freelancerId;
        touch();
        notice(recipient, 'proposal.reminder', { stage: s.stage, waitingOn: s.waitingOn, waitingSince: s.waitingSince });
        break;
      }
    }
  }
}
