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
import * as msg from './messages.js';
import { allowedActions, editWindowEndsAt, isAllowed, isTerminal, refusal, waitingOnFor } from './proposal.rules.js';
import { describeProposal, proposalSearchAttributes } from './proposal.visibility.js';
import type {
  JobCloseReason,
  ProposalAction,
  ProposalInput,
  ProposalOutcome,
  ProposalStage,
  ProposalState,
  ProposalView,
} from './proposal.types.js';

const { chargeConnects, refundConnects, startContract } = proxyActivities<HireflowActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});
const { recordProposal } = proxyLocalActivities<HireflowActivities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

const iso = (ms = Date.now()) => new Date(ms).toISOString();

function initialState(input: ProposalInput): ProposalState {
  const now = iso();
  return {
    proposalId: input.proposalId,
    jobId: input.jobId,
    clientId: input.clientId,
    freelancerId: input.freelancerId,
    stage: 'draft',
    waitingOn: 'freelancer',
    shortlisted: false,
    archived: false,
    invited: input.invited,
    interviewRequired: (input.interviewQuestions?.length ?? 0) > 0,
    interview: { status: 'not_started', attempt: 0, retakesGranted: 0 },
    attachments: [],
    connectsCharged: 0,
    connectsRefunded: 0,
    createdAt: now,
    lastTransitionAt: now,
    version: 1,
  };
}

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
  const s = input.resume ?? initialState(input);
  let recordedVersion = 0;
  let submitting = false;
  let pendingJobClose: JobCloseReason | undefined;
  const pendingNotices: Notice[] = [];

  const view = (): ProposalView => {
    const windowEnd = editWindowEndsAt(s, timers);
    return {
      ...s,
      workflowId,
      allowedActions: allowedActions(s, timers, Date.now()),
      editWindowEndsAt: windowEnd === undefined ? undefined : iso(windowEnd),
    };
  };

  /** Every change bumps the version; a stage change also restarts the stage clock. */
  const touch = (stage?: ProposalStage) => {
    if (stage && stage !== s.stage) {
      s.stage = stage;
      s.lastTransitionAt = iso();
    }
    s.waitingOn = waitingOnFor(s);
    s.version += 1;
  };

  const notice = (recipientId: string, type: string, payload: Record<string, unknown> = {}) =>
    pendingNotices.push({
      recipientId,
      type,
      payload: { proposalId: s.proposalId, jobId: s.jobId, ...payload },
      dedupeKey: `${type}:${s.proposalId}:${s.version}:${recipientId}`,
    });

  let lastAttributes = '';
  const persist = async () => {
    if (s.version <= recordedVersion) return;
    const attributes = proposalSearchAttributes(s);
    const fingerprint = JSON.stringify([s.stage, s.waitingOn, s.lastTransitionAt]);
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
    if (submitting) {
      throw ApplicationFailure.create({ type: 'wrong_state', message: `cannot ${action}: the proposal is being submitted` });
    }
    if (!isAllowed(action, s, timers, Date.now())) {
      throw ApplicationFailure.create({ type: 'wrong_state', message: refusal(action, s), details: [{ stage: s.stage }] });
    }
  };

  /** Closing because the job closed. Only a cancelled job refunds; declines and withdrawals never reach here. */
  const closeForJob = async (reason: JobCloseReason) => {
    if (isTerminal(s.stage)) return;
    s.closedReason = reason;
    touch('closed');
    if (reason === 'cancelled' && s.connectsCharged > s.connectsRefunded) {
      const { refunded } = await refundConnects(chargeInput());
      s.connectsRefunded = refunded;
      s.version += 1;
    }
    notice(s.freelancerId, 'proposal.closed', { reason, refunded: s.connectsRefunded });
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
      });
      await persist();
      return view();
    },
    'start_interview',
  );

  setHandler(msg.interviewCompletedSignal, ({ completedAt }) => {
    if (s.interview.status !== 'in_progress') return;
    s.interview.status = 'completed';
    s.interview.completedAt = completedAt;
    touch(s.stage === 'interviewing' ? 'ready' : undefined);
  });

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
      submitting = true;
      try {
        const cost = s.invited ? 0 : input.connectsCost;
        if (cost > 0) {
          const { charged } = await chargeConnects({ ...chargeInput(), amount: cost }).catch(rethrowCause);
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
        submitting = false;
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

  setHandler(msg.clientMessagedSignal, ({ at }) => {
    if (s.clientMessagedAt || isTerminal(s.stage) || !isAllowed('message', s, timers, Date.now())) return;
    s.clientMessagedAt = at;
    s.viewedAt ??= at;
    touch(s.stage === 'submitted' || s.stage === 'viewed' ? 'messaged' : undefined);
  });

  setHandler(msg.jobClosedSignal, ({ reason }) => {
    // A submission in flight finishes first, then closes (and refunds) with the charge known.
    if (submitting) pendingJobClose = reason;
    else pendingJobClose ??= reason;
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
      // The stage moves before the first await, so a racing withdrawal sees "hired" and is refused.
      offer.status = 'accepted';
      touch('hired');
      const { contractId } = await startContract({
        proposalId: s.proposalId,
        offerId: offer.id,
        jobId: s.jobId,
        clientId: s.clientId,
        freelancerId: s.freelancerId,
        terms: offer.terms,
      });
      s.contractId = contractId;
      s.version += 1;
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

  while (!isTerminal(s.stage)) {
    const due = nextDeadline(s, timers);
    const seen = s.version;
    const woke = await condition(
      () => s.version !== seen || pendingJobClose !== undefined,
      due ? Math.max(due.at - Date.now(), 1) : '3650 days',
    );
    if (pendingJobClose && !submitting) {
      await closeForJob(pendingJobClose);
    } else if (!woke && due) {
      fireDeadline(due.kind);
    }
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
        s.remindedForTransitionAt = s.lastTransitionAt;
        const recipient = s.waitingOn === 'client' ? s.clientId : s.freelancerId;
        touch();
        notice(recipient, 'proposal.reminder', { stage: s.stage, waitingSince: s.lastTransitionAt });
        break;
      }
    }
  }
}

type DeadlineKind = 'abandon' | 'offer_expiry' | 'reminder';

/** The next timer the proposal waits on, if any. */
export function nextDeadline(
  s: ProposalState,
  timers: ProposalInput['timers'],
): { at: number; kind: DeadlineKind } | undefined {
  const since = Date.parse(s.lastTransitionAt);
  const candidates: { at: number; kind: DeadlineKind }[] = [];
  if (s.stage === 'draft' || s.stage === 'ready') candidates.push({ at: since + timers.abandonAfterMs, kind: 'abandon' });
  if (s.stage === 'offer_pending' && s.offer?.status === 'pending') {
    candidates.push({ at: Date.parse(s.offer.expiresAt), kind: 'offer_expiry' });
  }
  if ((s.waitingOn === 'client' || s.waitingOn === 'freelancer') && s.remindedForTransitionAt !== s.lastTransitionAt) {
    candidates.push({ at: since + timers.reminderAfterMs, kind: 'reminder' });
  }
  return candidates.sort((a, b) => a.at - b.at)[0];
}
