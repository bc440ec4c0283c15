import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyLocalActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { HireflowActivities } from '../activities/index.js';
import type { Notice } from '../activities/notify.activities.js';
import { declineProblem, invitationRefusal, isInvitationOpen, nextInvitationDeadline } from './invitation.rules.js';
import type {
  InvitationAction,
  InvitationInput,
  InvitationOutcome,
  InvitationState,
  InvitationStatus,
  InvitationView,
} from './invitation.types.js';
import { describeInvitation, invitationSearchAttributes } from './invitation.visibility.js';
import * as msg from './messages.js';
import type { JobCloseReason } from './proposal.types.js';

const { recordInvitation } = proxyLocalActivities<HireflowActivities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

const iso = (ms = Date.now()) => new Date(ms).toISOString();

/**
 * One invitation of one freelancer to one job: pending until the freelancer accepts, declines
 * or archives it, the client withdraws it, it expires, or its job closes. A reminder goes to
 * the freelancer before expiry. Timer lengths come from `input.timers`. The history is a
 * handful of events, so it never needs to continue as new.
 */
export async function invitationWorkflow(input: InvitationInput): Promise<InvitationOutcome> {
  const { workflowId, runId } = workflowInfo();
  const { timers } = input;
  const now = Date.now();
  const s: InvitationState = {
    invitationId: input.invitationId,
    jobId: input.jobId,
    clientId: input.clientId,
    freelancerId: input.freelancerId,
    status: 'pending',
    waitingOn: 'freelancer',
    sentAt: iso(now),
    expiresAt: iso(now + timers.expiresAfterMs),
    lastTransitionAt: iso(now),
    version: 1,
  };
  let recordedVersion = 0;
  let jobClosed: JobCloseReason | undefined;
  const pendingNotices: Notice[] = [];

  const view = (): InvitationView => ({ ...s, workflowId });

  const notice = (recipientId: string, type: string, payload: Record<string, unknown> = {}) =>
    pendingNotices.push({
      recipientId,
      type,
      payload: { invitationId: s.invitationId, jobId: s.jobId, jobTitle: input.jobTitle, ...payload },
      dedupeKey: `${type}:${s.invitationId}:${s.version}:${recipientId}`,
    });

  /** Leaves `pending` for good; only accept and decline count as responses. */
  const end = (status: InvitationStatus) => {
    const at = iso();
    s.status = status;
    s.waitingOn = 'none';
    s.endedAt = at;
    s.lastTransitionAt = at;
    if (status === 'accepted' || status === 'declined') s.respondedAt = at;
    s.version += 1;
  };

  const persist = async () => {
    if (s.version <= recordedVersion) return;
    upsertSearchAttributes(invitationSearchAttributes(s));
    const deadline = nextInvitationDeadline(s, timers);
    setCurrentDetails(describeInvitation(s, deadline?.kind === 'reminder' ? iso(deadline.at) : undefined));
    const snapshot: InvitationState = JSON.parse(JSON.stringify(s));
    const events = pendingNotices.splice(0);
    recordedVersion = snapshot.version;
    await recordInvitation({ state: snapshot, workflowId, runId, events });
  };

  const guard = (action: InvitationAction) => {
    if (!isInvitationOpen(s, Date.now())) {
      throw ApplicationFailure.create({
        type: 'wrong_state',
        message: invitationRefusal(action, s, Date.now()),
        details: [{ status: s.status }],
      });
    }
  };

  /**
   * Validators run when an update is admitted; two admitted together (accept and withdraw)
   * would both pass, so each handler checks again before it changes anything.
   */
  function onUpdate<Args extends unknown[]>(
    def: UpdateDefinition<InvitationView, Args>,
    action: InvitationAction,
    apply: (...args: Args) => void,
    validate?: (...args: Args) => void,
  ) {
    setHandler(
      def,
      async (...args: Args) => {
        guard(action);
        apply(...args);
        await persist();
        return view();
      },
      {
        validator: (...args: Args) => {
          validate?.(...args);
          guard(action);
        },
      },
    );
  }

  setHandler(msg.invitationStateQuery, view);

  onUpdate(msg.acceptInvitationUpdate, 'accept', () => {
    end('accepted');
    notice(s.clientId, 'invitation.accepted', { freelancerId: s.freelancerId });
  });

  onUpdate(
    msg.declineInvitationUpdate,
    'decline',
    ({ reasons, message }) => {
      s.declineReasons = [...reasons];
      s.declineMessage = message;
      end('declined');
      notice(s.clientId, 'invitation.declined', { freelancerId: s.freelancerId, reasons, message });
    },
    ({ reasons }) => {
      const problem = declineProblem(reasons);
      if (problem) throw ApplicationFailure.create({ type: 'validation_failed', message: problem });
    },
  );

  // Ignoring is private: the client is not told.
  onUpdate(msg.archiveInvitationUpdate, 'archive', () => end('archived'));

  onUpdate(msg.withdrawInvitationUpdate, 'withdraw', () => {
    end('withdrawn');
    notice(s.freelancerId, 'invitation.withdrawn');
  });

  setHandler(msg.invitationJobClosedSignal, ({ reason }) => {
    jobClosed ??= reason;
  });

  notice(s.freelancerId, 'invitation.received', { clientId: s.clientId, expiresAt: s.expiresAt });
  await persist();

  while (s.status === 'pending') {
    const due = nextInvitationDeadline(s, timers)!;
    const seen = s.version;
    const woke = await condition(() => s.version !== seen || jobClosed !== undefined, Math.max(due.at - Date.now(), 1), {
      summary: `${due.kind === 'reminder' ? 'Remind the freelancer' : 'Expire the invitation'} at ${new Date(due.at).toISOString()}`,
    });
    if (s.status !== 'pending') break;
    if (jobClosed) {
      s.closedReason = jobClosed;
      end('closed');
      notice(s.freelancerId, 'invitation.closed', { reason: jobClosed });
    } else if (!woke && due.kind === 'reminder') {
      s.remindedAt = iso();
      s.version += 1;
      notice(s.freelancerId, 'invitation.reminder', { expiresAt: s.expiresAt });
    } else if (!woke) {
      end('expired');
      notice(s.freelancerId, 'invitation.expired');
      notice(s.clientId, 'invitation.expired', { freelancerId: s.freelancerId });
    }
    await persist();
  }

  await condition(allHandlersFinished);
  await persist();
  return { status: s.status, respondedAt: s.respondedAt };
}
