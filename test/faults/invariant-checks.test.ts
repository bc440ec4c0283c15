import { QUIET_LOGS } from './support/quiet-runtime.js';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/harness.js';
import { apply, createAccount, createFreelancer, createJob, OFFER_TERMS } from '../support/factories.js';
import { makeOffer, sql, submittedCandidate } from '../support/lifecycle.js';
import { checkInvariants } from './support/invariants.js';

/**
 * The checks the scenarios end with must be able to fail: on a healthy deployment they find
 * nothing; after each kind of damage a fault could do, they name it.
 */
describe('the fault suite’s invariant checks', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(QUIET_LOGS);
  });
  afterAll(() => stack?.close());

  it('find nothing on a healthy deployment, and name every kind of damage', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client, { connectsCost: 2, openings: 5 });
    const charged = await submittedCandidate(stack, job.id, 6);
    const behind = await submittedCandidate(stack, job.id, 2);
    const refunded = await submittedCandidate(stack, job.id, 2);
    const contracted = await submittedCandidate(stack, job.id, 2);
    const hired = await submittedCandidate(stack, job.id, 2);
    const offer = await makeOffer(stack, client, hired.proposalId, OFFER_TERMS);
    expect((await stack.http.post(`/v1/offers/${offer.id}/accept`, hired.freelancer.token)).status).toBe(200);
    const draftOwner = await createFreelancer(stack, 1);
    await apply(stack, draftOwner, job.id);
    const stopped = await createJob(stack, client, { title: 'Its workflow is terminated' });

    expect(await checkInvariants(stack)).toEqual([]);

    // A second charge for one submission, balance moved with it.
    await sql(stack, `update accounts set connects_balance = connects_balance - 2 where id = ?`, [charged.freelancer.id]);
    await sql(
      stack,
      `insert into ledger_entries (id, account_id, kind, amount, balance_after, reason, idempotency_key, job_id, proposal_id, created_at)
       values (?, ?, 'charge', -2, 2, 'charged again', ?, ?, ?, now())`,
      [randomUUID(), charged.freelancer.id, `charge:again:${charged.proposalId}`, job.id, charged.proposalId],
    );
    // A read model left behind its workflow.
    await sql(stack, `update proposals set stage = 'draft' where id = ?`, [behind.proposalId]);
    // A refund for a proposal whose job was never cancelled, balance untouched.
    await sql(
      stack,
      `insert into ledger_entries (id, account_id, kind, amount, balance_after, reason, idempotency_key, job_id, proposal_id, created_at)
       values (?, ?, 'refund', 2, 2, 'refund by mistake', ?, ?, ?, now())`,
      [randomUUID(), refunded.freelancer.id, `refund:${refunded.workflowId}`, job.id, refunded.proposalId],
    );
    // A contract for a proposal nobody hired.
    await sql(
      stack,
      `insert into contracts (id, proposal_id, offer_id, job_id, client_id, freelancer_id, terms, started_at) values (?, ?, ?, ?, ?, ?, ?, now())`,
      [randomUUID(), contracted.proposalId, randomUUID(), job.id, client.id, contracted.freelancer.id, JSON.stringify(OFFER_TERMS)],
    );
    // A balance below zero, which the schema itself refuses: this test's own database loses that guard first.
    await sql(stack, 'alter table accounts drop constraint accounts_connects_balance_not_negative');
    await sql(stack, `update accounts set connects_balance = -1 where id = ?`, [draftOwner.id]);
    // A workflow that did not end the way hires end.
    await stack.temporal.workflow.getHandle(stopped.workflowId).terminate('damage for the invariant checks');

    const violations = await checkInvariants(stack, { settleMs: 0 });
    const expected = [
      `proposal ${charged.proposalId} (submitted, submitted, cost 2): 2 charge(s), expected 1`,
      `proposal ${behind.workflowId}: read model`,
      `proposal ${refunded.proposalId} (submitted, job open, 1 charge(s)): 1 refund(s), expected 0`,
      `account ${refunded.freelancer.id}: balance 0 ≠ purchases 2 + grants 0 + refunds 2 − charges 2`,
      `proposal ${contracted.proposalId} (submitted): 1 contract(s), expected 0`,
      `job ${job.id}: hired count 1, 2 contract(s)`,
      `account ${draftOwner.id}: negative balance -1`,
      `${stopped.workflowId}: TERMINATED`,
    ];
    for (const phrase of expected) expect(violations.filter((v) => v.startsWith(phrase))).toEqual([expect.any(String)]);
  }, 120_000);
});
