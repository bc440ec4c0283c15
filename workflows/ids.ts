/** Workflow ids are business keys: a second application to the same job is refused by Temporal itself. */
export const proposalWorkflowId = (jobId: string, freelancerId: string) => `proposal/${jobId}/${freelancerId}`;
export const jobWorkflowId = (jobId: string) => `job/${jobId}`;
export const interviewWorkflowId = (jobId: string, freelancerId: string) => `interview/${jobId}/${freelancerId}`;
/** Reused once an invitation has ended, so a running one makes a second invitation a 409. */
export const invitationWorkflowId = (jobId: string, freelancerId: string) => `invitation/${jobId}/${freelancerId}`;
