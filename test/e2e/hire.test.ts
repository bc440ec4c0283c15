import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../support/harness.js';
import { People, buyConnects, expectLabelled, markDocument, sameDocument, signUp, stageOn, tokenOf } from './support/app.js';
import { launchChromium, screenshot } from './support/browser.js';
import { buildWebApp } from './support/web-build.js';

/**
 * A whole hire through the web app, in a real browser: a client and a freelancer, each in
 * their own browser context, using only what the screens offer. Every wait is on something
 * appearing on screen; nothing reloads a page to see a change.
 */
const SETUP = 120_000;
const STORY = 150_000;
const SHORT = 30_000;

describe('the web app: a hire from job post to contract', () => {
  let stack: Stack;
  let browser: Browser;
  const people = new People(() => browser, () => stack.http.baseUrl);

  beforeAll(async () => {
    // The API serves the build only if it exists when it starts.
    [browser] = await Promise.all([launchChromium(), buildWebApp()]);
    stack = await startStack();
  }, SETUP);
  afterAll(async () => {
    await people.closeAll();
    await browser?.close();
    await stack?.close();
  });

  it(
    'posts a job with a question, applies through the interview, messages, offers and hires, live on both sides',
    async () => {
      const client = await people.open();
      const freelancer = await people.open();
      await expectLabelled(client);

      // The client posts a job that requires an instant interview.
      await signUp(client, 'client', 'Dana Client');
      await client.getByRole('link', { name: 'Post a job' }).first().click();
      await client.getByLabel('Title').fill('TypeScript API for a booking platform');
      await client.getByLabel('Description').fill('We need a NestJS and PostgreSQL API for bookings, with tests.');
      await client.getByLabel('Skills', { exact: true }).fill('TypeScript, PostgreSQL');
      await client.getByLabel('Connects to apply').fill('2');
      await client.getByLabel('Question 1').fill('Tell us about a TypeScript API you built on PostgreSQL.');
      await expectLabelled(client);
      await screenshot(client, '01-client-post-job');
      await client.getByRole('button', { name: 'Post job' }).click();
      await client.getByRole('heading', { name: 'TypeScript API for a booking platform' }).waitFor();
      await client.getByText('No proposals in All.').waitFor();
      await markDocument(client);

      // The freelancer signs up, buys Connects and sees the ledger.
      await signUp(freelancer, 'freelancer', 'Ravi Freelancer');
      await buyConnects(freelancer, 10);
      await freelancer.getByTestId('connects-balance').filter({ hasText: /^10$/ }).waitFor();
      await expectLabelled(freelancer);
      await screenshot(freelancer, '02-freelancer-connects');

      // Browsing shows the cost in Connects and that an instant interview comes first.
      await freelancer.getByRole('link', { name: 'Find work' }).click();
      // A new screen puts keyboard focus on its heading, not on the link that led there.
      await freelancer.getByRole('heading', { name: 'Find work' }).and(freelancer.locator(':focus')).waitFor();
      const card = freelancer.getByRole('listitem').filter({ hasText: 'TypeScript API for a booking platform' });
      await card.getByText('Instant interview required').waitFor();
      expect(await card.textContent()).toContain('2 Connects to submit');
      await screenshot(freelancer, '03-freelancer-browse-jobs');
      await card.getByRole('link', { name: 'TypeScript API for a booking platform' }).click();
      await freelancer.getByRole('button', { name: 'Apply' }).click();
      await freelancer.getByRole('button', { name: 'Continue to interview' }).click();

      // The interview, question by question, with its time limits on screen.
      await freelancer.getByRole('button', { name: 'Start interview' }).click();
      await freelancer.getByRole('heading', { name: 'Question 1 of 1' }).waitFor();
      await freelancer.getByText('Tell us about a TypeScript API you built on PostgreSQL.').waitFor();
      expect(await freelancer.getByRole('timer', { name: /Time left for this question: \d+:\d\d/ }).count()).toBe(1);
      expect(await freelancer.getByRole('timer', { name: /Time left in the interview: \d+:\d\d/ }).count()).toBe(1);
      await freelancer
        .getByLabel('Your answer')
        .fill('I built a TypeScript API with NestJS on PostgreSQL for a logistics company, with migrations, integration tests and query tuning.');
      await expectLabelled(freelancer);
      await screenshot(freelancer, '04-freelancer-interview');
      await freelancer.getByRole('button', { name: 'Answer last question' }).click();
      await freelancer.getByRole('heading', { name: 'Every question is answered' }).waitFor();
      await freelancer.getByRole('button', { name: 'Complete interview' }).click();

      // Review and submit: the cost is on screen before confirming.
      await freelancer.getByText('Instant interview included: it replaces the cover letter.').waitFor();
      expect(await freelancer.getByLabel('Cover letter').count()).toBe(0);
      await freelancer.getByLabel('Amount (USD)').fill('1200');
      await freelancer.getByLabel('Notes (optional)').fill('I can start next week.');
      await freelancer.getByRole('button', { name: 'Review proposal' }).click();
      await freelancer.getByTestId('submit-cost').filter({ hasText: 'Submitting costs 2 Connects; your balance is 10, 8 after submitting.' }).waitFor();
      await expectLabelled(freelancer);
      await screenshot(freelancer, '05-freelancer-confirm-submit');
      await freelancer.getByRole('button', { name: 'Submit for 2 Connects' }).click();
      await stageOn(freelancer, 'submitted').waitFor();
      await markDocument(freelancer);

      // The client's list updates by itself: the badge, then the evaluation's score and summary.
      const row = client.getByRole('article', { name: 'Proposal' }).filter({ hasText: 'Ravi Freelancer' });
      await row.getByText(/Instant interview included · score \d\.\d \/ 5/).waitFor();
      await row.locator('.summary').waitFor();
      await expectLabelled(client);
      await screenshot(client, '06-client-proposals');
      await row.getByRole('link', { name: 'Ravi Freelancer' }).click();

      // The detail shows the transcript and the evaluation with its evidence quotes.
      await client.getByRole('heading', { name: 'AI evaluation' }).waitFor();
      await client.getByTestId('interview-score').waitFor();
      await client.getByRole('list', { name: 'Transcript' }).getByText(/I built a TypeScript API with NestJS on PostgreSQL/).waitFor();
      expect(await client.locator('blockquote.evidence').count()).toBeGreaterThan(0);
      await stageOn(client, 'viewed').waitFor();
      await expectLabelled(client);
      await screenshot(client, '07-client-proposal-detail');

      // A phone number is refused inline, with what to change; nothing is sent.
      const box = client.getByLabel('Message', { exact: true });
      await box.fill('Great interview! Call me on +1 415 555 2671 so we can talk today.');
      await client.getByRole('button', { name: 'Send message' }).click();
      const refusal = client.getByRole('alert').filter({ hasText: 'phone number' });
      await refusal.getByText('Remove the phone number.').waitFor();
      expect(await refusal.textContent()).toContain('+1 415 555 2671');
      expect(await box.inputValue()).toContain('+1 415 555 2671');
      await screenshot(client, '08-client-message-refused');

      // The corrected message is sent with the keyboard alone.
      await box.fill('');
      await box.focus();
      await client.keyboard.type('Great interview! Could you start on Monday?');
      await client.keyboard.press('Tab');
      expect(await client.evaluate('document.activeElement.textContent')).toBe('Send message');
      await client.keyboard.press('Enter');
      await client.getByRole('list', { name: 'Message thread' }).getByText('Great interview! Could you start on Monday?').waitFor();
      expect(await client.getByRole('alert').filter({ hasText: 'phone number' }).count()).toBe(0);
      await stageOn(client, 'messaged').waitFor();

      // The freelancer sees the message and the new stage arrive, and answers.
      await freelancer.getByRole('list', { name: 'Message thread' }).getByText('Great interview! Could you start on Monday?').waitFor();
      await stageOn(freelancer, 'messaged').waitFor();
      await freelancer.getByLabel('Message', { exact: true }).fill('Yes, Monday works for me.');
      await freelancer.getByRole('button', { name: 'Send message' }).click();
      await client.getByRole('list', { name: 'Message thread' }).getByText('Yes, Monday works for me.').waitFor();

      // The client makes an offer; it reaches the freelancer live.
      await client.getByRole('button', { name: 'Make an offer' }).click();
      await client.getByLabel('Fixed price (USD)').fill('1200');
      await client.getByLabel('Offer description').fill('Booking API, first milestone: schema and endpoints.');
      await expectLabelled(client);
      await client.getByRole('button', { name: 'Send offer' }).click();
      await stageOn(client, 'offer pending').waitFor();
      await freelancer.getByRole('heading', { name: 'Offer (pending)' }).waitFor();
      await stageOn(freelancer, 'offer pending').waitFor();
      await expectLabelled(freelancer);
      await screenshot(freelancer, '09-freelancer-offer');

      // Accepting hires: both sides see it without reloading.
      await freelancer.getByRole('button', { name: 'Accept offer' }).click();
      await stageOn(freelancer, 'hired').waitFor();
      await freelancer.getByText("You're hired: the contract has started.").waitFor();
      await stageOn(client, 'hired').waitFor();
      await client.getByText('Hired: the freelancer accepted your offer and the contract has started.').waitFor();
      await screenshot(freelancer, '10-freelancer-hired');
      await screenshot(client, '11-client-hired');
      expect(await sameDocument(client)).toBe(true);
      expect(await sameDocument(freelancer)).toBe(true);

      // What the screens showed is what the API holds.
      const proposals = await stack.http.get(`/v1/proposals?tab=hired`, await tokenOf(freelancer));
      expect(proposals.body.items).toHaveLength(1);
      const statement = await stack.http.get('/v1/connects', await tokenOf(freelancer));
      expect(statement.body.balance).toBe(8);
      expect(people.pageErrors).toEqual([]);
    },
    STORY,
  );

  it('shows loading failures with a way to retry, and unknown addresses as not found', async () => {
    const page = await people.open();
    await signUp(page, 'freelancer', 'Lost Freelancer');
    await page.goto('/proposals/00000000-0000-4000-8000-000000000000');
    await page.getByRole('alert').filter({ hasText: /not found/i }).waitFor();
    await page.getByRole('button', { name: 'Try loading the proposal again' }).waitFor();
    await page.goto('/client/jobs/new');
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(people.pageErrors).toEqual([]);
  }, SHORT);

  it('serves the app for page loads at any path, never for the API, and the app still reaches the API', async () => {
    const page = await people.open();
    await page.goto('/client/jobs/new');
    await page.getByRole('heading', { name: 'Welcome to hireflow' }).waitFor();

    const api = await fetch(`${stack.http.baseUrl}/v1/jobs`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const health = await fetch(`${stack.http.baseUrl}/health`, { headers: { accept: 'text/html' } });
    expect(health.headers.get('content-type')).toContain('application/json');
    const unknown = await fetch(`${stack.http.baseUrl}/no-such-page`, { headers: { accept: 'application/json' } });
    expect(unknown.status).toBe(404);
  }, SHORT);
});

