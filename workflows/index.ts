/** The workflows the worker registers. */
export { proposalWorkflow } from './proposal.workflow.js';
export { jobWorkflow } from './job.workflow.js';
export { connectsGrantWorkflow } from './connects-grant.workflow.js';
export { interviewWorkflow } from './interview.workflow.js';
export { invitationWorkflow } from './invitation.workflow.js';
export { messageReminderSweepWorkflow } from './message-reminders.workflow.js';
