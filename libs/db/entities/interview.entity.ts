import { defineEntity, p } from '@mikro-orm/core';
import type { RequirementAlignment } from '../../ports/evaluator.port.js';
import type { InterviewAnswer, InterviewFailure, InterviewStatus, InterviewVideo } from '../../../workflows/interview.types.js';

/**
 * An instant interview's artefacts: transcript, evaluation and video. One row per attempt,
 * written from the interview workflow with a version guard; the workflow is the source of truth.
 */
const InterviewSchema = defineEntity({
  name: 'Interview',
  tableName: 'interviews',
  indexes: [{ properties: ['proposalId', 'attempt'] }],
  properties: {
    id: p.uuid().primary(),
    workflowId: p.string().unique(),
    proposalId: p.uuid(),
    jobId: p.uuid(),
    freelancerId: p.uuid(),
    attempt: p.integer(),
    status: p.string().$type<InterviewStatus>(),
    questions: p.json<string[]>(),
    transcript: p.json<InterviewAnswer[]>(),
    summary: p.text().nullable(),
    score: p.decimal('number').nullable(),
    alignment: p.json<RequirementAlignment[]>().nullable(),
    droppedQuotes: p.json<string[]>().nullable(),
    evaluatorProvider: p.string().nullable(),
    model: p.string().nullable(),
    promptVersion: p.string().nullable(),
    prompt: p.text().nullable(),
    video: p.json<InterviewVideo>(),
    failure: p.json<InterviewFailure>().nullable(),
    evaluationRuns: p.integer().default(0),
    endedBy: p.string().nullable(),
    startedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    evaluatedAt: p.datetime().nullable(),
    version: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Interview extends InterviewSchema.class {}
InterviewSchema.setClass(Interview);
export { InterviewSchema };
