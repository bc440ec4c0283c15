import { TextArea } from '../../ui/fields.js';

/** The instant interview's questions, asked in this order (1 to 10). */
export function QuestionsEditor({ questions, onChange }: { questions: string[]; onChange: (questions: string[]) => void }) {
  const set = (index: number, text: string) => onChange(questions.map((q, i) => (i === index ? text : q)));
  return (
    <fieldset>
      <legend>Interview questions</legend>
      <p className="hint">Project-specific questions, answered in English within a time limit each.</p>
      {questions.map((question, index) => (
        <div key={index} className="question-row">
          <TextArea label={`Question ${index + 1}`} value={question} onChange={(e) => set(index, e.target.value)} required minLength={5} maxLength={1000} rows={2} />
          {questions.length > 1 && (
            <button type="button" onClick={() => onChange(questions.filter((_, i) => i !== index))}>
              Remove question {index + 1}
            </button>
          )}
        </div>
      ))}
      {questions.length < 10 && (
        <button type="button" onClick={() => onChange([...questions, ''])}>
          Add a question
        </button>
      )}
    </fieldset>
  );
}
