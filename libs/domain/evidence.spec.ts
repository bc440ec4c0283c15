import { describe, expect, it } from '@jest/globals';
import type { EvaluationInput } from '../ports/evaluator.port.js';
import { appearsVerbatim, groundAlignment, overallScore } from './evidence.js';

const input: EvaluationInput = {
  job: { title: 'Dashboard', description: 'Charts', requirements: ['React', 'TypeScript', 'GraphQL'] },
  answers: [
    { question: 'Q1', answer: "I built a React dashboard   for a logistics company. It's live." },
    { question: 'Q2', answer: 'I migrated the codebase to TypeScript.' },
  ],
};

describe('appearsVerbatim', () => {
  it('finds quotes word for word, forgiving spacing, letter case, typographic quotes and wrapping', () => {
    const answers = input.answers.map((a) => a.answer);
    expect(appearsVerbatim('I built a React dashboard for a logistics company.', answers)).toBe(true);
    expect(appearsVerbatim('"i built a react dashboard"', answers)).toBe(true);
    expect(appearsVerbatim('It’s live.', answers)).toBe(true);
    expect(appearsVerbatim('…migrated the codebase to TypeScript…', answers)).toBe(true);
  });

  it('rejects paraphrases, stitched fragments and quotes too short to mean anything', () => {
    const answers = input.answers.map((a) => a.answer);
    expect(appearsVerbatim('I built a React dashboard for a bank.', answers)).toBe(false);
    expect(appearsVerbatim('React dashboard ... TypeScript', answers)).toBe(false);
    expect(appearsVerbatim('React', answers)).toBe(false);
  });
});

describe('groundAlignment', () => {
  it('drops unsupported quotes, drops the score to 1 without evidence, and keeps the job order', () => {
    const { alignment, droppedQuotes } = groundAlignment(input, [
      { requirement: 'typescript', score: 4, evidence: ['I led TypeScript at Google.'], rationale: 'Claimed.' },
      { requirement: 'React', score: 5, evidence: ['I built a React dashboard for a logistics company.', 'Invented.'], rationale: 'Built one.' },
      { requirement: 'Kubernetes', score: 5, evidence: [], rationale: 'Not a requirement.' },
    ]);
    expect(alignment).toEqual([
      { requirement: 'React', score: 5, evidence: ['I built a React dashboard for a logistics company.'], rationale: 'Built one.' },
      { requirement: 'TypeScript', score: 1, evidence: [], rationale: expect.stringContaining('none of the quoted evidence appears') },
      { requirement: 'GraphQL', score: 1, evidence: [], rationale: 'The evaluator did not assess this requirement.' },
    ]);
    expect(droppedQuotes).toEqual(['Invented.', 'I led TypeScript at Google.']);
  });

  it('clamps scores to the rubric', () => {
    const quote = 'I migrated the codebase to TypeScript.';
    const { alignment } = groundAlignment(input, [{ requirement: 'TypeScript', score: 9, evidence: [quote], rationale: '' }]);
    expect(alignment[1]!.score).toBe(5);
  });
});

describe('overallScore', () => {
  it('is the mean of the requirement scores to one decimal', () => {
    const a = (score: 1 | 2 | 3 | 4 | 5) => ({ requirement: 'r', score, evidence: [], rationale: '' });
    expect(overallScore([a(5), a(4), a(1)])).toBe(3.3);
    expect(overallScore([a(5), a(5)])).toBe(5);
    expect(overallScore([])).toBe(1);
  });
});
