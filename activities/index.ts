import type { Client } from '@temporalio/client';
import type { Repositories } from '../libs/db/repositories/index.js';
import type { InterviewEvaluator } from '../libs/ports/evaluator.port.js';
import type { VideoProvider } from '../libs/ports/video.port.js';
import { connectsActivities } from './connects.activities.js';
import { withDomainFailures } from './errors.js';
import { hiringActivities } from './hiring.activities.js';
import { interviewActivities } from './interview.activities.js';
import { invitationActivities } from './invitation.activities.js';
import { messageActivities } from './messages.activities.js';
import { notifyActivities } from './notify.activities.js';
import { readModelActivities } from './read-model.activities.js';

export interface ActivityDeps {
  repositories: Repositories;
  temporal: Client;
  ports: { video: VideoProvider; evaluator: InterviewEvaluator };
  /** The API's public address, for provider callbacks. */
  publicBaseUrl: string;
}

export function createActivities({ repositories: r, temporal, ports, publicBaseUrl }: ActivityDeps) {
  return withDomainFailures({
    ...connectsActivities(r.ledger, r.accounts),
    ...readModelActivities(r.proposals, r.jobs),
    ...hiringActivities({ contracts: r.contracts, proposals: r.proposals, temporal }),
    ...notifyActivities(r.events),
    ...messageActivities(r.messages),
    ...invitationActivities({ invitations: r.invitations, temporal }),
    ...interviewActivities({
      ...ports,
      interviews: r.interviews,
      jobs: r.jobs,
      accounts: r.accounts,
      videoStatusCallbackUrl: `${publicBaseUrl}/v1/webhooks/twilio/video`,
    }),
  });
}

export type HireflowActivities = ReturnType<typeof createActivities>;
