import { ApiClient } from './support/api-client.js';
import { appTargets, measurePhase, withStack, type BenchContext, type PhaseMeasurement } from './support/context.js';
import { log, printNote, printTable } from './support/report.js';
import { settle } from './support/history.js';
import { Recorder, runBounded, type LatencySummary } from './support/stats.js';

/**
 * Thread scale: one proposal's thread grows to M messages (client and freelancer taking turns,
 * a few posts in flight at once), then the thread is paged through from newest to oldest, over
 * and over. Message bodies live in PostgreSQL: past the client's first message, which moves the
 * proposal to *messaged*, the thread must leave the proposal's history exactly as it was.
 */

export interface ThreadResult {
  messages: number;
  posted: number;
  concurrency: number;
  post: LatencySummary;
  page: LatencySummary;
  pagesRead: number;
  postsPerSecond: number;
  history: { beforeThread: number; afterFirstMessage: number; afterThread: number; addedByThread: number };
  postMeasurement: PhaseMeasurement;
  failureExamples: string[];
}

const PAGE = 50;

export async function threadBench(ctx: BenchContext): Promise<ThreadResult> {
  const { messages, concurrency, pages } = ctx.config.thread;
  return withStack(ctx, 'thread', async (stack) => {
    const recorder = new Recorder();
    const api = new ApiClient(stack.apps.apiUrl, recorder, concurrency);
    const client = await api.account('client', 'Thread client');
    const freelancer = await api.account('freelancer', 'Thread freelancer', ['go']);
    const job = await api.setup<{ id: string }>('POST', '/v1/jobs', client.token, {
      title: 'Payments service in Go',
      description: 'A small payments service with a clean API and good tests.',
      skills: ['go'],
      connectsCost: 2,
    });
    const proposal = await api.setup<{ id: string; workflowId: string }>('POST', `/v1/jobs/${job.id}/proposals`, freelancer.token);
    await api.setup('POST', `/v1/proposals/${proposal.id}/submit`, freelancer.token, { bid: { type: 'fixed', amount: 2000 } });
    const base = `/v1/proposals/${proposal.id}/messages`;
    const historyLength = async () => (await settle(stack.temporal.client, [proposal.workflowId])).get(proposal.workflowId)!;

    const beforeThread = await historyLength();
    await api.call('post', 'POST', base, client.token, { body: 'Hello, thanks for the proposal. A few questions about the design.' });
    const afterFirstMessage = await historyLength();

    log(`thread: posting ${messages - 1} more messages at concurrency ${concurrency}`);
    const postPhase = await measurePhase(ctx, 'thread-post', appTargets(ctx, stack), () =>
      runBounded(messages - 1, concurrency, async (i) => {
        const from = i % 2 === 0 ? freelancer : client;
        await api.call('post', 'POST', base, from.token, { body: `Message ${i + 2}: how would you structure the ledger tables and their tests?` });
      }),
    );
    const afterThread = await historyLength();

    log(`thread: reading ${pages} pages of ${PAGE}, newest to oldest`);
    let cursor: string | null = null;
    let pagesRead = 0;
    const reader = (i: number) => (i % 2 === 0 ? client : freelancer);
    while (pagesRead < pages) {
      const query: string = `?limit=${PAGE}${cursor ? `&after=${cursor}` : ''}`;
      const page: { items: unknown[]; nextCursor: string | null } = await api.call('page', 'GET', `${base}${query}`, reader(pagesRead).token);
      pagesRead += 1;
      cursor = page.nextCursor;
    }
    api.close();
    const summary = recorder.summary();
    const result: ThreadResult = {
      messages,
      posted: summary.post?.count ?? 0,
      concurrency,
      post: summary.post!,
      page: summary.page!,
      pagesRead,
      postsPerSecond: Math.round(((messages - 1 - postPhase.result.length) / postPhase.cpu.wallSeconds) * 10) / 10,
      history: { beforeThread, afterFirstMessage, afterThread, addedByThread: afterThread - afterFirstMessage },
      postMeasurement: postPhase,
      failureExamples: recorder.failureExamples,
    };
    printThread(result);
    return result;
  });
}

export function printThread(r: ThreadResult): void {
  printTable(`Thread of ${r.posted} messages (latency in ms)`, ['action', 'count', 'p50', 'p95', 'p99', 'max', 'errors'], [
    ['post a message', r.post.count, r.post.p50Ms, r.post.p95Ms, r.post.p99Ms, r.post.maxMs, r.post.errors],
    [`read a page of ${PAGE}`, r.page.count, r.page.p50Ms, r.page.p95Ms, r.page.p99Ms, r.page.maxMs, r.page.errors],
  ]);
  printTable('Proposal history (events)', ['when', 'events'], [
    ['submitted, before the thread', r.history.beforeThread],
    ["after the client's first message (moves it to messaged)", r.history.afterFirstMessage],
    [`after all ${r.posted} messages`, r.history.afterThread],
  ]);
  printNote(`posts per second: ${r.postsPerSecond}; history added by the thread past its first message: ${r.history.addedByThread} (target 0: ${r.history.addedByThread === 0 ? 'met' : 'NOT met'})`);
  if (r.failureExamples.length) printNote(`failures:\n  ${r.failureExamples.join('\n  ')}`);
}
