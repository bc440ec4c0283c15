import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { apply, createAccount, createFreelancer } from '../support/factories.js';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { startStack, type Stack } from '../support/harness.js';
import { createInterviewJob, QUESTIONS, ANSWERS } from '../support/interviews.js';
import { People, expectLabelled, stageOn } from './support/app.js';
import { launchChromium, screenshot } from './support/browser.js';
import { buildWebApp } from './support/web-build.js';

/**
 * The instant interview with Twilio configured (against the fake Twilio): the API hands the
 * browser a Twilio token, so the screen opens the camera through twilio-video next to the
 * written answers. Twilio's own media servers are out of reach here, so the test checks that
 * the camera is used and that the interview carries on in writing whatever the camera does.
 */
const SETUP = 120_000;
const STORY = 120_000;

describe('the web app: an instant interview on Twilio Video', () => {
  let fake: FakeTwilio;
  let stack: Stack;
  let browser: Browser;
  const people = new People(() => browser, () => stack.http.baseUrl);

  beforeAll(async () => {
    fake = await startFakeTwilio();
    [browser] = await Promise.all([launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']), buildWebApp()]);
    stack = await startStack({
      ...fake.stackEnv(),
      PUBLIC_BASE_URL: 'https://hireflow.example.test',
    });
  }, SETUP);
  afterAll(async () => {
    await people.closeAll();
    await browser?.close();
    await stack?.close();
    await fake?.close();
  });

  it(
    'signs in with a token, shows the camera beside each question, refuses a non-English answer inline, and completes',
    async () => {
      const client = await createAccount(stack, 'client');
      const freelancer = await createFreelancer(stack, 5, 'Camila Camera');
      const job = await createInterviewJob(stack, client, { questions: QUESTIONS.slice(0, 2) });
      const proposalId = await apply(stack, freelancer, job.id);

      // An account made elsewhere signs in with its token.
      const page = await people.open();
      await page.getByLabel('Bearer token').fill(freelancer.token);
      await page.getByRole('button', { name: 'Sign in with token' }).click();
      await page.getByRole('heading', { name: 'Find work' }).waitFor();
      await page.getByRole('banner').getByText('Camila Camera · freelancer').waitFor();
      await page.goto(`/proposals/${proposalId}`);

      await page.getByRole('button', { name: 'Start interview' }).click();
      const camera = page.getByRole('region', { name: 'Camera' });
      await camera.getByRole('status').filter({ hasText: /Connecting your camera|Recording|The camera could not start/ }).waitFor();
      expect(fake.rooms.length).toBe(1);
      await page.getByRole('heading', { name: 'Question 1 of 2' }).waitFor();
      await expectLabelled(page);
      await screenshot(page, '16-freelancer-interview-camera');

      // Not in English: refused where it was typed, and the same question can be answered again.
      await page.getByLabel('Your answer').fill("J'ai construit un tableau de bord React pour une entreprise de logistique pendant deux ans.");
      await page.getByRole('button', { name: 'Answer and continue' }).click();
      await page.getByRole('alert').filter({ hasText: 'The interview must be in English' }).waitFor();
      await page.getByLabel('Your answer').fill(ANSWERS[0]!);
      await page.getByRole('button', { name: 'Answer and continue' }).click();
      await page.getByRole('heading', { name: 'Question 2 of 2' }).waitFor();
      await page.getByLabel('Your answer').fill(ANSWERS[1]!);
      await page.getByRole('button', { name: 'Answer last question' }).click();
      await page.getByRole('button', { name: 'Complete interview' }).click();

      await stageOn(page, 'ready to submit').waitFor();
      expect(await camera.count()).toBe(0);
      expect(people.pageErrors).toEqual([]);
    },
    STORY,
  );
});
