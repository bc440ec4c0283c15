import type { Client } from '@temporalio/client';
import type { Repositories } from '../libs/db/repositories/index.js';
import { connectsActivities } from './connects.activities.js';
import { withDomainFailures } from './errors.js';
import { hiringActivities } from './hiring.activities.js';
import { invitationActivities } from './invitation.activities.js';
import { notifyActivities } from './notify.activities.js';
import { readModelActivities } from './read-model.activities.js';

export interface ActivityDeps {
  repositories: Repositories;
  temporal: Client;
}

export function createActivities({ repositories: r, temporal }: ActivityDeps) {
  return withDomainFailures({
    ...connectsActivities(r.ledger),
    ...readModelActivities(r.proposals, r.jobs),
    ...hiringActivities({ contracts: r.contracts, proposals: r.proposals, temporal }),
    ...notifyActivities(r.events),
    ...invitationActivities({ invitations: r.invitations, temporal }),
  });
}

export type HireflowActivities = ReturnType<typeof createActivities>;
