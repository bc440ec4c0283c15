import { useState } from 'react';
import * as api from '../../api/endpoints.js';
import type { Call } from '../../api/contract.js';
import { aboutProposal, useLiveEvent } from '../../realtime/live-events.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { useAction } from '../../ui/use-action.js';
import { VideoCall } from './video-call.js';

/**
 * Audio/video calls start from the thread. Each party gets a token of their own for the
 * proposal's room; the other party is told over the socket and joins from here.
 */
export function CallPanel({ proposalId }: { proposalId: string }) {
  const [call, setCall] = useState<Call | null>(null);
  const [incoming, setIncoming] = useState(false);
  useLiveEvent(aboutProposal(proposalId), (event) => event.type === 'call.started' && setIncoming(true));
  const start = useAction(async () => {
    setCall(await api.proposals.call(proposalId));
    setIncoming(false);
  });

  return (
    <section className="card call" aria-labelledby="call-title">
      <h2 id="call-title">Call</h2>
      {incoming && !call && <p role="alert">The other party started a call.</p>}
      {!call && (
        <button type="button" onClick={() => void start.run()} disabled={start.busy}>
          {incoming ? 'Join the call' : 'Start a call'}
        </button>
      )}
      <ErrorNotice error={start.error} />
      {call?.provider === 'twilio' && <VideoCall call={call} onHangUp={() => setCall(null)} />}
      {call && call.provider !== 'twilio' && (
        <div role="status">
          <p>
            Call room <code>{call.room}</code> is ready. This hireflow runs without a video provider, so there is no audio or video; configure Twilio to hold real calls.
          </p>
          <button type="button" onClick={() => setCall(null)}>
            Close
          </button>
        </div>
      )}
    </section>
  );
}
