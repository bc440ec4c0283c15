import * as api from '../../api/endpoints.js';
import { useLiveEvent, aboutProposal } from '../../realtime/live-events.js';
import { ResourceView } from '../../ui/resource-view.js';
import { formatDate } from '../../ui/stage-badge.js';
import { useResource } from '../../ui/use-resource.js';
import { Evaluation } from './evaluation.js';
import { Recording } from './recording.js';
import { Transcript } from './transcript.js';

/** A completed interview: transcript, recording and evaluation, for its freelancer or the job's client. */
export function InterviewResult({ proposalId }: { proposalId: string }) {
  const interview = useResource(() => api.interviews.get(proposalId), proposalId);
  useLiveEvent(aboutProposal(proposalId), (event) => {
    if (event.type === 'interview.evaluated' || event.type === 'proposal.updated') interview.reload();
  });
  return (
    <section className="card" aria-labelledby="interview-result-title">
      <h2 id="interview-result-title">Instant interview</h2>
      <ResourceView resource={interview} what="the interview">
        {(data) => (
          <>
            <p>
              Completed {formatDate(data.completedAt)}
              {data.endedBy === 'time_limit' && ' (the time limit ended it)'}
            </p>
            <Evaluation interview={data} />
            <Recording recording={data.recording} />
            <h3>Transcript</h3>
            <Transcript transcript={data.transcript} />
          </>
        )}
      </ResourceView>
    </section>
  );
}
