/** The baseline's activities: each does nothing, so only Temporal's own work is measured. */
const nothing = async (): Promise<void> => {};

export const bareActivities = {
  charge: nothing,
  createRoom: nothing,
  completeRoom: nothing,
  evaluate: nothing,
  closeInvitations: nothing,
  closeProposals: nothing,
  record: nothing,
};

export type BareActivities = typeof bareActivities;
