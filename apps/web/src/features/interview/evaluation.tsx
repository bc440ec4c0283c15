import type { Interview } from '../../api/contract.js';

/**
 * The evaluator's summary, overall score and per-requirement alignment, each score backed by
 * quotes taken verbatim from the answers.
 */
export function Evaluation({ interview }: { interview: Interview }) {
  if (interview.status === 'completed' || interview.status === 'evaluating') {
    return <p role="status">The interview is being evaluated; the summary and score appear here when ready.</p>;
  }
  if (interview.status === 'failed') return <p>The evaluation could not be made yet; operations staff have been told and will retry it.</p>;
  if (interview.status !== 'evaluated' || interview.score == null) return null;
  return (
    <section className="evaluation" aria-labelledby="evaluation-title">
      <h3 id="evaluation-title">AI evaluation</h3>
      <p className="score">
        Score: <strong data-testid="interview-score">{interview.score.toFixed(1)}</strong> / 5
      </p>
      <p className="summary">{interview.summary}</p>
      {interview.alignment && interview.alignment.length > 0 && (
        <table>
          <caption>How the answers align with the job's requirements</caption>
          <thead>
            <tr>
              <th scope="col">Requirement</th>
              <th scope="col">Score</th>
              <th scope="col">Evidence from the answers</th>
            </tr>
          </thead>
          <tbody>
            {interview.alignment.map((row) => (
              <tr key={row.requirement}>
                <td>{row.requirement}</td>
                <td>{row.score} / 5</td>
                <td>
                  {row.evidence.length === 0 ? (
                    <em>no evidence</em>
                  ) : (
                    row.evidence.map((quote, i) => (
                      <blockquote key={i} className="evidence">
                        {quote}
                      </blockquote>
                    ))
                  )}
                  <small>{row.rationale}</small>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">The evaluation looks only at the skills and experience described, never at name, looks, voice, accent or location.</p>
    </section>
  );
}
