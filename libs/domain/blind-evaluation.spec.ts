import { describe, expect, it } from '@jest/globals';
import { blindEvaluationInput, maskPersonalDetails, requirementsOf } from './blind-evaluation.js';

describe('maskPersonalDetails', () => {
  it('masks the freelancer\'s name, emails, phone numbers, links, handles and stated locations', () => {
    const text =
      "Hi, I'm Mary-Jane O'Neil, based in São Paulo, Brazil. Mail mary@example.com, call +55 11 91234-5678, see https://mj.dev or @mjcodes. Mary-Jane built 3 React apps in 2019-2021.";
    const masked = maskPersonalDetails(text, "Mary-Jane O'Neil");
    expect(masked).toBe(
      "Hi, I'm [name], based in [location]. Mail [email], call [phone], see [link] or [handle]. [name] built 3 React apps in 2019-2021.",
    );
  });

  it('leaves skills, durations and years alone', () => {
    const text = 'I have used React for 5 years, from 2015 to 2020, on apps with 100,000 users.';
    expect(maskPersonalDetails(text, 'Sam Lee')).toBe(text);
  });

  it('does not mask a name inside another word', () => {
    expect(maskPersonalDetails('Ana built an analytics banana stand.', 'Ana')).toBe('[name] built an analytics banana stand.');
  });
});

describe('blindEvaluationInput', () => {
  it('carries the job requirements and masked answers, and nothing about the person', () => {
    const input = blindEvaluationInput(
      { title: 'Dashboard', description: 'Charts and filters', skills: ['React', ' react ', 'TypeScript'] },
      [{ question: 'Tell us about React', answer: "I'm Zoe Chen from Toronto and I built React dashboards." }],
      'Zoe Chen',
    );
    expect(input).toEqual({
      job: { title: 'Dashboard', description: 'Charts and filters', requirements: ['React', 'react', 'TypeScript'] },
      answers: [{ question: 'Tell us about React', answer: "I'm [name] from [location] and I built React dashboards." }],
    });
  });

  it('scores a job without skills on its title', () => {
    expect(requirementsOf({ title: 'Logo design', description: '', skills: [] })).toEqual(['Logo design']);
  });
});
