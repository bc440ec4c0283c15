import type { Interview } from '../../api/contract.js';

/** Each answer under its question, as written. */
export function Transcript({ transcript }: { transcript: Interview['transcript'] }) {
  if (transcript.length === 0) return <p>No answers were given.</p>;
  return (
    <ol className="transcript" aria-label="Transcript">
      {transcript.map((entry) => (
        <li key={entry.questionIndex}>
          <p className="question">{entry.question}</p>
          <blockquote>{entry.text}</blockquote>
        </li>
      ))}
    </ol>
  );
}
