import {
  allHandlersFinished,
  condition,
  defineSignal,
  defineUpdate,
  getExternalWorkflowHandle,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { KindKey, StageKey, WaitingOnKey } from '../../workflows/search-attributes.js';
import type { BareActivities } from './bare.activities.js';

/**
 * The baseline: the same Temporal work as one hireflow hire — the same updates, signals,
 * activities, local activities, timers, search-attribute upserts, child workflow and external
 * signals, in the same order — with activities that do nothing. No HTTP, no database, no rules.
 * Comparing the two shows what hireflow itself costs on top of Temporal.
 */

const { charge, createRoom, completeRoom, evaluate, closeInvitations, closeProposals } = proxyActivities<BareActivities>({
  startToCloseTimeout: '30s',
});
const { record } = proxyLocalActivities<BareActivities>({ startToCloseTimeout: '15s' });

export const bare = {
  startInterview: defineUpdate<string>('bare.startInterview'),
  submit: defineUpdate<void>('bare.submit'),
  view: defineUpdate<void>('bare.view'),
  makeOffer: defineUpdate<void>('bare.makeOffer'),
  accept: defineUpdate<void>('bare.accept'),
  interviewCompleted: defineSignal('bare.interviewCompleted'),
  clientMessaged: defineSignal('bare.clientMessaged'),
  join: defineUpdate<void>('bare.join'),
  answer: defineUpdate<void, [number]>('bare.answer'),
  complete: defineUpdate<void>('bare.complete'),
  hired: defineSignal('bare.hired'),
};

const DAY = 24 * 3600_000;
const publish = (kind: string, stage: string, waitingOn: string) =>
  upsertSearchAttributes([
    { key: KindKey, value: kind },
    { key: StageKey, value: stage },
    { key: WaitingOnKey, value: waitingOn },
  ]);

export async function bareProposalWorkflow(input: { jobWorkflowId: string; questions: number }): Promise<void> {
  let stage = 'draft';
  let waitingOn = 'freelancer';
  let interviewDone = input.questions === 0;
  let done = false;
  const move = async (next: string, nextWaitingOn = waitingOn) => {
    stage = next;
    waitingOn = nextWaitingOn;
    publish('proposal', stage, waitingOn);
    await record();
  };

  setHandler(bare.startInterview, async () => {
    const child = await startChild(bareInterviewWorkflow, {
      workflowId: `bare-interview/${input.jobWorkflowId}`,
      args: [{ questions: input.questions }],
      parentClosePolicy: 'ABANDON',
      typedSearchAttributes: [
        { key: KindKey, value: 'interview' },
        { key: StageKey, value: 'created' },
        { key: WaitingOnKey, value: 'system' },
      ],
    });
    await move('interviewing');
    return child.workflowId;
  });
  setHandler(bare.interviewCompleted, async () => {
    interviewDone = true;
    await move('ready');
  });
  setHandler(bare.submit, async () => {
    // hireflow answers the completion only once the proposal has seen it; here the submit waits instead.
    await condition(() => interviewDone);
    await charge();
    await move('submitted', 'client');
  });
  setHandler(bare.view, () => move('viewed'));
  setHandler(bare.clientMessaged, () => move('messaged'));
  setHandler(bare.makeOffer, () => move('offer_pending', 'freelancer'));
  setHandler(bare.accept, async () => {
    await record();
    await getExternalWorkflowHandle(input.jobWorkflowId).signal(bare.hired);
    done = true;
    await move('hired', 'none');
  });

  // Started with its search attributes, as hireflow's proposal is: the first task only records.
  await record();
  // One timer at a time, replaced when the party waited on changes, as hireflow's reminder is.
  while (!done) {
    const waited = waitingOn;
    await condition(() => done || waitingOn !== waited, 3 * DAY);
  }
  await condition(allHandlersFinished);
}

export async function bareInterviewWorkflow(input: { questions: number }): Promise<void> {
  let status = 'created';
  let current = 0;
  let completed = false;
  const move = async (next: string) => {
    if (next !== status) publish('interview', next, 'freelancer');
    status = next;
    await record();
  };

  setHandler(bare.join, async () => {
    await condition(() => status !== 'created');
  });
  setHandler(bare.answer, async () => {
    current += 1;
    await record();
  });
  setHandler(bare.complete, async () => {
    completed = true;
    publish('interview', 'completed', 'system');
    await getExternalWorkflowHandle(workflowInfo().parent!.workflowId).signal(bare.interviewCompleted);
    await record();
  });

  // Started with its search attributes by its parent, as hireflow's interview is.
  await record();
  await createRoom();
  await move('started');
  // One timer per question, then one for the rest of the session, as hireflow's interview keeps.
  while (!completed) {
    const asked = current;
    await condition(() => completed || current !== asked, asked < input.questions ? 3 * 60_000 : 15 * 60_000);
  }
  await condition(allHandlersFinished);
  await completeRoom();
  await record();
  await move('evaluating');
  await evaluate();
  await move('evaluated');
}

export async function bareJobWorkflow(): Promise<void> {
  let hired = false;
  setHandler(bare.hired, () => {
    hired = true;
  });
  // Started with its search attributes, as hireflow's job is; upserted once, when it fills.
  await condition(() => hired, 25 * DAY);
  await record();
  publish('job', 'filled', 'none');
  await closeInvitations();
  await closeProposals();
}
