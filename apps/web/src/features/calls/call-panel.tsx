import { useState } from 'react';
import * as api from '../../api/endpoints.js';
import type { Call } from '../../api/contract.js';
import { aboutProposal, useLiveEvent } from '../../realtime/live-events.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { useAction } from '../../ui/use-action.js';
import { VideoCall } from './video-call.js';

export interface IncomingCall {
  ringing: boolean;
  answered(): void;
}

/**
 * Whether the other party has started a call on this proposal. Held by the proposal's screen
 * from the moment it opens, so a call that starts while the call panel is still appearing is
 * not missed.
 */
export function useIncomingCall(proposalId: string): IncomingCall {
  const [ringing, setRinging] = useState(false);
  useLiveEvent(aboutProposal(proposalId), (event) => event.type === 'call.started' && setRinging(true));
  return { ringing, answered: () => setRinging(false) };
}

/**
 * Audio/video calls start from the thread. Each party gets a token of their own for the
 * proposal's room; the other party is told over the socket and joins from here.
 */
export function CallPanel({ proposalId, incoming }: { proposalId: string; incoming: IncomingCall }) {
  const [call, setCall] = useState<Call | null>(null);
  const start = useAction(async () => {
    setCall(await api.proposals.call(proposalId));
    incoming.answered();
  });

  return (
    <section className="card call" aria-labelledby="call-title">
      <h2 id="call-title">Call</h2>
      {incoming.ringing && !call && <p role="alert">The other party started a call.</p>}
      {!call && (
        <button type="button" onClick={() => void start.run()} disabled={start.busy}>
          {incoming.ringing ? 'Join the call' : 'Start a call'}
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
