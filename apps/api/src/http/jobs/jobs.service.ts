import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { AppConfig } from '../../../../../libs/config/config.js';
import type { Job } from '../../../../../libs/db/entities/job.entity.js';
import { JobsRepository } from '../../../../../libs/db/repositories/index.js';
import { ForbiddenError, WrongStateError } from '../../../../../libs/domain/errors.js';
import { jobWorkflowId } from '../../../../../workflows/ids.js';
import { cancelJobUpdate } from '../../../../../workflows/messages.js';
import { ClientIdKey, JobIdKey, KindKey, LastTransitionAtKey, StageKey, WaitingOnKey } from '../../../../../workflows/search-attributes.js';
import type { AuthContext } from '../../common/auth.js';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../../core/tokens.js';
import { ContentModerator } from '../moderation/content-moderator.service.js';
import type { CreateJob, JobsQuery } from './jobs.schemas.js';

@Injectable()
export class JobsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly jobs: JobsRepository,
    private readonly moderator: ContentModerator,
  ) {}

  present(job: Job, auth: AuthContext) {
    const isOwner = auth.accountId === job.clientId || auth.role === 'ops';
    return {
      id: job.id,
      clientId: job.clientId,
      title: job.title,
      description: job.description,
      skills: job.skills,
      connectsCost: job.connectsCost,
      openings: job.openings,
      interviewRequired: (job.interviewQuestions?.length ?? 0) > 0,
      // Questions are shown to the client who wrote them; freelancers meet them in the interview.
      ...(isOwner ? { interview: job.interviewQuestions ? { questions: job.interviewQuestions } : null } : {}),
      status: job.status,
      hiredCount: job.hiredCount,
      workflowId: job.workflowId,
      createdAt: job.createdAt,
      closedAt: job.closedAt,
    };
  }

  async create(auth: AuthContext, written: CreateJob) {
    const { input, screened } = this.screenPost(written);
    const id = randomUUID();
    const workflowId = jobWorkflowId(id);
    const job = await this.jobs.create({
      id,
      clientId: auth.accountId,
      title: input.title,
      description: input.description,
      skills: input.skills,
      connectsCost: input.connectsCost,
      openings: input.openings ?? 1,
      interviewQuestions: input.interview?.questions ?? null,
      workflowId,
    });
    await this.startWorkflow(id, workflowId, auth, input, job.openings).catch(async (error: unknown) => {
      await this.jobs.remove(id); // nothing half-written: no job row without its workflow
      throw error;
    });
    await this.moderator.flag({ type: 'job', id }, screened, [written.title, written.description, ...(written.interview?.questions ?? [])].join('\n'));
    return this.present(job, auth);
  }

  /** A job post is read by every freelancer before any contract: no contact details, no paying outside. */
  private screenPost(written: CreateJob) {
    const questions = written.interview?.questions ?? [];
    const fields: Record<string, string> = { title: written.title, description: written.description };
    questions.forEach((question, i) => (fields[`interview.questions.${i}`] = question));
    const screened = this.moderator.screen('this job post', fields, { contractStarted: false });
    const input: CreateJob = {
      ...written,
      title: screened.fields.title!,
      description: screened.fields.description!,
      ...(written.interview ? { interview: { questions: questions.map((_, i) => screened.fields[`interview.questions.${i}`]!) } } : {}),
    };
    return { input, screened };
  }

  private async startWorkflow(id: string, workflowId: string, auth: AuthContext, input: CreateJob, openings: number) {
    await this.temporal.workflow.start('jobWorkflow', {
      taskQueue: this.config.temporal.taskQueue,
      workflowId,
      args: [
        {
          jobId: id,
          clientId: auth.accountId,
          title: input.title,
          openings,
          timers: this.config.timers.job,
          closeBatchSize: this.config.jobCloseBatchSize,
        },
      ],
      staticSummary: `Job: ${input.title}`,
      typedSearchAttributes: [
        { key: KindKey, value: 'job' },
        { key: StageKey, value: 'open' },
        { key: WaitingOnKey, value: 'client' },
        { key: JobIdKey, value: id },
        { key: ClientIdKey, value: auth.accountId },
        // With every attribute set here, the workflow's first task need not upsert them.
        { key: LastTransitionAtKey, value: new Date() },
      ],
    });
  }

  async get(auth: AuthContext, id: string) {
    return this.present(await this.jobs.get(id), auth);
  }

  async list(auth: AuthContext, query: JobsQuery) {
    const mine = query.mine === 'true' && auth.role === 'client';
    const jobs = await this.jobs.list({ status: query.status, ...(mine ? { clientId: auth.accountId } : {}) }, query.limit);
    return { items: jobs.map((job) => this.present(job, auth)) };
  }

  async ownedJob(auth: AuthContext, id: string): Promise<Job> {
    const job = await this.jobs.get(id);
    if (job.clientId !== auth.accountId && auth.role !== 'ops') throw new ForbiddenError('only the job\'s client may do this');
    return job;
  }

  async cancel(auth: AuthContext, id: string) {
    const job = await this.ownedJob(auth, id);
    try {
      await this.temporal.workflow
        .getHandle(job.workflowId)
        .executeUpdate(cancelJobUpdate, { args: [{ by: auth.role === 'ops' ? 'ops' : 'client' }] });
    } catch (error) {
      // A closed job's workflow has completed and answers "not found"; the caller gets the status.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      const current = await this.jobs.get(id);
      if (current.status === 'open') throw error;
      throw new WrongStateError(`cannot cancel: the job is ${current.status}`, { status: current.status });
    }
    return this.present(await this.jobs.get(id), auth);
  }
}
