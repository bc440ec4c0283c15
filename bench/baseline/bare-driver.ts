import type { Client } from '@temporalio/client';
import type { Recorder } from '../support/stats.js';
import { KindKey, StageKey, WaitingOnKey } from '../../workflows/search-attributes.js';
import { bare, bareJobWorkflow, bareProposalWorkflow } from './bare-hire.workflows.js';

/**
 * Drives the baseline through the Temporal client alone: for each step of a hireflow hire, the
 * same starts, updates and signals hireflow's API sends for it, timed under the same names.
 */

/** Set-up, outside the measured steps, as posting the job is for hireflow. */
export async function prepareBareHire(client: Client, taskQueue: string, runId: string, index: number): Promise<string> {
  const workflowId = `bare-job/${runId}/${index}`;
  await client.workflow.start(bareJobWorkflow, {
    taskQueue,
    workflowId,
    args: [],
    typedSearchAttributes: [
      { key: KindKey, value: 'job' },
      { key: StageKey, value: 'open' },
      { key: WaitingOnKey, value: 'client' },
    ],
  });
  return workflowId;
}

export async function runBareHire(client: Client, taskQueue: string, recorder: Recorder, jobWorkflowId: string, questions: number): Promise<void> {
  const proposal = await recorder.time('apply', () =>
    client.workflow.start(bareProposalWorkflow, {
      taskQueue,
      workflowId: `bare-proposal/${jobWorkflowId}`,
      args: [{ jobWorkflowId, questions }],
      typedSearchAttributes: [
        { key: KindKey, value: 'proposal' },
        { key: StageKey, value: 'draft' },
        { key: WaitingOnKey, value: 'freelancer' },
      ],
    }),
  );
  if (questions > 0) {
    const interviewId = await recorder.time('interview.start', async () => {
      const id = await proposal.executeUpdate(bare.startInterview);
      await client.workflow.getHandle(id).executeUpdate(bare.join);
      return id;
    });
    const interview = client.workflow.getHandle(interviewId);
    for (let q = 0; q < questions; q += 1) {
      await recorder.time('interview.answer', () => interview.executeUpdate(bare.answer, { args: [q] }));
    }
    await recorder.time('interview.complete', () => interview.executeUpdate(bare.complete));
  }
  await recorder.time('submit', () => proposal.executeUpdate(bare.submit));
  await recorder.time('view', () => proposal.executeUpdate(bare.view));
  await recorder.time('message', () => proposal.signal(bare.clientMessaged));
  await recorder.time('offer', () => proposal.executeUpdate(bare.makeOffer));
  await recorder.time('accept', () => proposal.executeUpdate(bare.accept));
}
