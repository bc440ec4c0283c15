import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { blindEvaluationInput } from '../domain/blind-evaluation.js';
import { LocalEvaluator, scoreRequirement, sentencesOf } from './local-evaluator.adapter.js';

const job = { title: 'Sales dashboard', description: 'Charts and filters', skills: ['React', 'TypeScript', 'GraphQL', 'Node.js'] };
const questions = ['Tell us about a dashboard.', 'Tell us about TypeScript.', 'How do you test?'];
const answers = [
  'I built a React dashboard for a logistics company over two years. He was the designer and I did the code.',
  'I migrated a 200k line codebase to TypeScript and maintained the shared types for 3 years.',
  'I write unit tests for the filter logic and snapshot tests for the React charts. I have used nodejs for scripts.',
];
const evaluate = (texts: string[], name?: string) =>
  new LocalEvaluator().evaluate(blindEvaluationInput(job, texts.map((answer, i) => ({ question: questions[i]!, answer })), name));

describe('LocalEvaluator', () => {
  it('scores each requirement 1–5 from the sentences that name it, quoting them verbatim', async () => {
    const result = await evaluate(answers);
    expect(result.alignment.map((a) => [a.requirement, a.score])).toEqual([
      ['React', 5],
      ['TypeScript', 4],
      ['GraphQL', 1],
      ['Node.js', 2],
    ]);
    const text = answers.join(' ');
    for (const a of result.alignment) for (const quote of a.evidence) expect(text).toContain(quote);
    expect(result.alignment[0]!.evidence).toEqual([
      'I built a React dashboard for a logistics company over two years.',
      'I write unit tests for the filter logic and snapshot tests for the React charts.',
    ]);
    expect(result.score).toBe(3);
    expect(result.summary).toBe('Describes experience with React (5/5), TypeScript (4/5), Node.js (2/5). No evidence for GraphQL.');
    expect(result.evaluator).toMatchObject({ provider: 'local', model: 'hireflow-local-evaluator', promptVersion: 'local-rubric/v1' });
    expect(result.droppedQuotes).toEqual([]);
  });

  it('is deterministic', async () => {
    expect(await evaluate(answers)).toEqual(await evaluate(answers));
  });

  it('gives 1 with no evidence when nothing is said about a requirement', () => {
    expect(scoreRequirement('Rust', sentencesOf('I like building things.'))).toMatchObject({ score: 1, evidence: [] });
  });

  it('fairness: names, pronouns, spelling and dialect markers never move a score', async () => {
    const baseline = (await evaluate(answers)).alignment.map((a) => a.score);
    const names = ['Emily Walsh', 'Lakisha Washington', 'Nguyễn Thị Hoa', 'Mohammed Al-Farsi', 'Siobhán Ní Bhriain', 'Oluwaseun Adeyemi'];
    const pronouns = ['He', 'She', 'They', 'Xe'];
    const openers = ['', "Hiya y'all, ", 'Right, so ', 'Wagwan, ', 'Listen mate, ', 'Well, I reckon '];
    const closers = ['', ' innit', ', mate', ', y\'know', ' and that', ', eh'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.constantFrom(...pronouns),
        fc.constantFrom(...openers),
        fc.constantFrom(...closers),
        fc.boolean(),
        async (name, pronoun, opener, closer, british) => {
          const variant = [
            `${opener}I'm ${name.split(' ')[0]}. I built a React dashboard for a logistics company over two years${closer}. ${pronoun} was the designer and I did the code.`,
            answers[1]!,
            `I write unit tests for the filter logic and snapshot tests for the React charts${british ? ' and their colours' : ' and their colors'}. I have used nodejs for scripts.`,
          ];
          const scores = (await evaluate(variant, name)).alignment.map((a) => a.score);
          expect(scores).toEqual(baseline);
        },
      ),
      { numRuns: 60, seed: 20261122 },
    );
  });
});
