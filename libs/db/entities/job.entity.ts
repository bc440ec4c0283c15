import { defineEntity, p } from '@mikro-orm/core';

export type JobStatus = 'open' | 'filled' | 'cancelled' | 'expired';

const JobSchema = defineEntity({
  name: 'Job',
  tableName: 'jobs',
  properties: {
    id: p.uuid().primary(),
    clientId: p.uuid().index(),
    title: p.string(),
    description: p.text(),
    skills: p.json<string[]>(),
    connectsCost: p.integer(),
    openings: p.integer().default(1),
    interviewQuestions: p.json<string[]>().nullable(),
    status: p.string().$type<JobStatus>().default('open'),
    hiredCount: p.integer().default(0),
    workflowId: p.string().unique(),
    lastActivityAt: p.datetime(),
    createdAt: p.datetime().onCreate(() => new Date()),
    closedAt: p.datetime().nullable(),
  },
});

export class Job extends JobSchema.class {}
JobSchema.setClass(Job);
export { JobSchema };
