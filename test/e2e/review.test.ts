import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { startStack, type Stack } from '../support/harness.js';
import { People, buyConnects, expectLabelled, signUp, stageOn, tokenOf } from './support/app.js';
import { launchChromium, screenshot } from './support/browser.js';
import { buildWebApp } from './support/web-build.js';

/**
 * The rest of both sides through the web app: invitations (accepted free, declined with
 * reasons), the client's review marks and decline, a call, an offer that is changed on
 * request and withdrawn, and a cancelled job refunding Connects — all seen live.
 */
const SETUP = 120_000;
const STORY = 150_000;
const JOB = 'Landing page copy for a SaaS launch';

describe('the web app: reviewing, inviting, negotiating and cancelling', () => {
  let stack: Stack;
  let browser: Browser;
  const people = new People(() => browser, () => stack.http.baseUrl);

  beforeAll(async () => {
    [browser] = await Promise.all([launchChromium(), buildWebApp()]);
    stack = await startStack();
  }, SETUP);
  afterAll(async () => {
    await people.closeAll();
    await browser?.close();
    await stack?.close();
  });

  const accountId = async (page: Page) => (await page.getByTestId('account-id').textContent())!.trim();

  async function invite(client: Page, freelancerId: string, message: string) {
    await client.getByLabel("Freelancer's account id").fill(freelancerId);
    await client.getByLabel('Invitation message (optional)').fill(message);
    await client.getByRole('button', { name: 'Send invitation' }).click();
    await client.getByLabel("Freelancer's account id").and(client.locator('input[value=""]')).waitFor();
  }

  /** From the job's page: one proposal's page. */
  async function openProposalOf(client: Page, name: string) {
    await client.getByRole('article', { name: 'Proposal' }).getByRole('link', { name }).click();
    await client.getByRole('heading', { name }).waitFor();
  }

  it(
    'answers invitations, reviews proposals, changes and withdraws an offer, and cancels the job with refunds',
    async () => {
      const client = await people.open();
      const invited = await people.open();
      const reluctant = await people.open();
      const applicant = await people.open();
      await signUp(client, 'client', 'Mina Client');
      await signUp(invited, 'freelancer', 'Iris Invited');
      await signUp(reluctant, 'freelancer', 'Rex Reluctant');
      await signUp(applicant, 'freelancer', 'Ada Applicant');

      // A job without an interview, costing 3 Connects.
      await client.getByRole('link', { name: 'Post a job' }).first().click();
      await client.getByLabel('Title').fill(JOB);
      await client.getByLabel('Description').fill('Write the landing page and three onboarding emails.');
      await client.getByLabel('Connects to apply').fill('3');
      await client.getByLabel('Require an instant interview').uncheck();
      expect(await client.getByLabel('Question 1').count()).toBe(0);
      await client.getByRole('button', { name: 'Post job' }).click();
      await client.getByRole('heading', { name: JOB }).waitFor();

      // Invitations arrive live; one is accepted (free to submit), one declined with reasons.
      await invited.getByRole('link', { name: 'Invitations' }).click();
      await reluctant.getByRole('link', { name: 'Invitations' }).click();
      await invite(client, await accountId(invited), 'Your portfolio fits this launch.');
      await invite(client, await accountId(reluctant), 'Interested in this one?');
      const invitation = invited.getByRole('article', { name: 'Invitation' }).filter({ hasText: 'Your portfolio fits this launch.' });
      await invitation.getByRole('link', { name: JOB }).waitFor();
      await expectLabelled(invited);
      await screenshot(invited, '12-freelancer-invitations');

      const declining = reluctant.getByRole('article', { name: 'Invitation' });
      await declining.getByRole('button', { name: 'Decline' }).click();
      await declining.getByLabel('Budget too low').check();
      await declining.getByLabel('Not available').check();
      await declining.getByLabel('Message to the client (optional)').fill('Booked until spring.');
      await expectLabelled(reluctant);
      await declining.getByRole('button', { name: 'Decline invitation' }).click();
      await client.getByRole('list', { name: 'Invitations sent' }).getByText(/Budget too low, Not available · “Booked until spring\.”/).waitFor();

      await invitation.getByRole('button', { name: 'Accept and apply for free' }).click();
      await invited.getByLabel('Cover letter').fill('I write launch copy for developer tools.');
      await invited.getByLabel('Amount (USD)').fill('800');
      await invited.getByRole('button', { name: 'Review proposal' }).click();
      await invited.getByTestId('submit-cost').filter({ hasText: 'You were invited: submitting is free.' }).waitFor();
      await invited.getByRole('button', { name: 'Submit proposal' }).click();
      await stageOn(invited, 'submitted').waitFor();

      // A direct application pays the job's Connects.
      await buyConnects(applicant, 5);
      await applicant.getByRole('link', { name: 'Find work' }).click();
      await applicant.getByRole('link', { name: JOB }).click();
      expect(await applicant.getByText('Instant interview required').count()).toBe(0);
      await applicant.getByRole('button', { name: 'Apply' }).click();
      await applicant.getByLabel('Amount (USD)').fill('650');
      await applicant.getByRole('button', { name: 'Review proposal' }).click();
      await applicant.getByTestId('submit-cost').filter({ hasText: 'Submitting costs 3 Connects; your balance is 5, 2 after submitting.' }).waitFor();
      await applicant.getByRole('button', { name: 'Submit for 3 Connects' }).click();
      await stageOn(applicant, 'submitted').waitFor();

      // The client shortlists one and archives the other; the tabs follow.
      const list = client.getByRole('list', { name: 'All proposals' });
      await list.getByRole('link', { name: 'Ada Applicant' }).waitFor();
      await list.getByRole('link', { name: 'Iris Invited' }).waitFor();
      await openProposalOf(client, 'Iris Invited');
      await client.getByRole('button', { name: 'Shortlist' }).click();
      await client.getByRole('button', { name: 'Remove from shortlist', pressed: true }).waitFor();
      await client.getByRole('link', { name: `← ${JOB}` }).click();
      await openProposalOf(client, 'Ada Applicant');
      await client.getByRole('button', { name: 'Archive' }).click();
      await client.getByRole('button', { name: 'Restore from archive', pressed: true }).waitFor();
      await client.getByRole('link', { name: `← ${JOB}` }).click();
      await client.getByRole('navigation', { name: 'Proposal tabs' }).getByRole('link', { name: 'Shortlisted' }).click();
      await client.getByRole('list', { name: 'Shortlisted proposals' }).getByRole('link', { name: 'Iris Invited' }).waitFor();
      expect(await client.getByRole('list', { name: 'Shortlisted proposals' }).getByRole('link', { name: 'Ada Applicant' }).count()).toBe(0);
      await client.getByRole('navigation', { name: 'Proposal tabs' }).getByRole('link', { name: 'Archived' }).click();
      await client.getByRole('list', { name: 'Archived proposals' }).getByRole('link', { name: 'Ada Applicant' }).waitFor();
      await screenshot(client, '13-client-archived-tab');

      // A message opens the thread; a call started by the client reaches the freelancer.
      await client.getByRole('navigation', { name: 'Proposal tabs' }).getByRole('link', { name: 'Shortlisted' }).click();
      await client.getByRole('list', { name: 'Shortlisted proposals' }).getByRole('link', { name: 'Iris Invited' }).click();
      await client.getByLabel('Message', { exact: true }).fill('Could we talk through the tone?');
      await client.getByRole('button', { name: 'Send message' }).click();
      await client.getByRole('button', { name: 'Start a call' }).click();
      await client.getByText(/Call room call-[0-9a-f-]+ is ready/).waitFor();
      await invited.getByRole('alert').filter({ hasText: 'The other party started a call.' }).waitFor();
      await invited.getByRole('button', { name: 'Join the call' }).click();
      await invited.getByText(/Call room call-[0-9a-f-]+ is ready/).waitFor();

      // An hourly offer; the freelancer asks for another rate; the client modifies, then withdraws.
      await client.getByRole('button', { name: 'Make an offer' }).click();
      await client.getByLabel('Contract type').selectOption('hourly');
      await client.getByLabel('Hourly rate (USD)').fill('50');
      await client.getByLabel('Weekly limit (hours)').fill('20');
      await client.getByLabel('Offer description').fill('Landing page and onboarding emails.');
      await client.getByRole('button', { name: 'Send offer' }).click();
      await invited.getByRole('heading', { name: 'Offer (pending)' }).waitFor();
      await invited.getByText('$50.00 / hour').waitFor();
      await invited.getByRole('button', { name: 'Request changes' }).click();
      const request = invited.getByRole('form', { name: 'Terms you would accept' });
      await request.getByLabel('Hourly rate (USD)').fill('65');
      await request.getByLabel('Message to the client (optional)').fill('My rate for launch copy is 65.');
      await expectLabelled(invited);
      await request.getByRole('button', { name: 'Send request' }).click();
      const asked = client.getByRole('note').filter({ hasText: 'The freelancer asked for changes' });
      await asked.getByText('My rate for launch copy is 65.').waitFor();
      await screenshot(client, '14-client-offer-changes-requested');
      await client.getByRole('button', { name: 'Modify offer' }).click();
      expect(await client.getByRole('form', { name: 'Modify the offer' }).getByLabel('Hourly rate (USD)').inputValue()).toBe('65');
      await client.getByRole('button', { name: 'Send modified offer' }).click();
      await invited.getByText('$65.00 / hour').waitFor();
      await client.getByRole('button', { name: 'Withdraw offer' }).click();
      await invited.getByRole('heading', { name: 'Offer (withdrawn)' }).waitFor();
      await stageOn(invited, 'messaged').waitFor();

      // Declining tells the freelancer why, live.
      await client.getByRole('button', { name: 'Decline' }).click();
      await client.getByLabel('Reason for declining').fill('We chose a writer with fintech experience.');
      await client.getByRole('button', { name: 'Decline proposal' }).click();
      await stageOn(invited, 'declined').waitFor();
      await invited.getByText('We chose a writer with fintech experience.', { exact: true }).waitFor();
      await invited.getByRole('complementary', { name: 'Notifications' }).getByText('Your proposal was declined: We chose a writer with fintech experience.').waitFor();

      // Cancelling the job closes the other proposal and refunds its Connects, on the freelancer's ledger.
      await applicant.getByRole('link', { name: 'Connects' }).click();
      await applicant.getByTestId('connects-balance').filter({ hasText: /^2$/ }).waitFor();
      await client.getByRole('link', { name: `← ${JOB}` }).click();
      await client.getByRole('button', { name: 'Cancel job' }).click();
      await client.getByRole('button', { name: 'Yes, cancel the job' }).click();
      await client.getByText('cancelled', { exact: true }).waitFor();
      await applicant.getByTestId('connects-balance').filter({ hasText: /^5$/ }).waitFor();
      await applicant.getByRole('cell', { name: 'refund', exact: true }).waitFor();
      await screenshot(applicant, '15-freelancer-refund');

      const statement = await stack.http.get('/v1/connects', await tokenOf(applicant));
      expect(statement.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['refund', 'charge', 'purchase']);
      expect(people.pageErrors).toEqual([]);
    },
    STORY,
  );
});
