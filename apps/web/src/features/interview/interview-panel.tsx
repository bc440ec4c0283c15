import { useCallback, useState, type FormEvent } from 'react';
import * as api from '../../api/endpoints.js';
import type { InterviewSession } from '../../api/contract.js';
import { ApiError } from '../../api/http.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { TextArea } from '../../ui/fields.js';
import { useAction } from '../../ui/use-action.js';
import { CameraRoom } from './camera-room.js';
import { Countdown } from './countdown.js';
import { Transcript } from './transcript.js';

const hasLapsed = (session: InterviewSession) =>
  session.status === 'started' && [session.questionEndsAt, session.sessionEndsAt].some((end) => end !== null && Date.parse(end) <= Date.now());

/**
 * The instant interview, question by question: each answer within its own time limit and
 * all within the session's. Camera through Twilio when the API hands out a Twilio token;
 * answers are always written too, as their transcript.
 */
export function InterviewPanel({ proposalId, resuming, onCompleted }: { proposalId: string; resuming: boolean; onCompleted: () => void }) {
  const [session, setSession] = useState<InterviewSession | null>(null);
  const join = useAction(async () => {
    try {
      const joined = await api.interviews.start(proposalId);
      setSession(joined);
      // The interview's own timer may fire a moment after ours: ask again until it has moved on.
      if (hasLapsed(joined)) setTimeout(() => void join.run(), 1_000);
    } catch (error) {
      // Time ran out while away: the interview completed itself.
      if (error instanceof ApiError && error.status === 409) return onCompleted();
      throw error;
    }
  });
  const refresh = useCallback(() => void join.run(), [join]);

  if (!session) {
    return (
      <section className="card interview" aria-labelledby="interview-title">
        <h2 id="interview-title">Instant interview</h2>
        <ul>
          <li>The client's questions come one at a time; each has a time limit, shown as you answer.</li>
          <li>Answer in English and keep to your relevant skills and experience.</li>
          <li>Once completed, the interview cannot be retaken or edited.</li>
        </ul>
        <ErrorNotice error={join.error} />
        <button type="button" className="primary" onClick={refresh} disabled={join.busy}>
          {resuming ? 'Resume interview' : 'Start interview'}
        </button>
      </section>
    );
  }
  return (
    <section className="card interview" aria-labelledby="interview-title">
      <h2 id="interview-title">Instant interview</h2>
      {session.video?.provider === 'twilio' && <CameraRoom token={session.video.token} room={session.video.room} />}
      {session.sessionEndsAt && session.status === 'started' && <Countdown label="Time left in the interview" endsAt={session.sessionEndsAt} onElapsed={refresh} />}
      {session.currentQuestion !== null ? (
        <QuestionStep key={session.currentQuestion} proposalId={proposalId} session={session} index={session.currentQuestion} onAnswered={setSession} onTimeUp={refresh} />
      ) : (
        <CompleteStep proposalId={proposalId} session={session} onCompleted={onCompleted} />
      )}
    </section>
  );
}

function QuestionStep({
  proposalId,
  session,
  index,
  onAnswered,
  onTimeUp,
}: {
  proposalId: string;
  session: InterviewSession;
  index: number;
  onAnswered: (session: InterviewSession) => void;
  onTimeUp: () => void;
}) {
  const [text, setText] = useState('');
  const answer = useAction(async () => onAnswered(await api.interviews.answer(proposalId, { questionIndex: index, text })));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void answer.run();
  };
  return (
    <form onSubmit={submit} aria-labelledby="question-heading">
      <h3 id="question-heading">
        Question {index + 1} of {session.questions.length}
      </h3>
      <p className="question">{session.questions[index]}</p>
      {session.questionEndsAt && <Countdown label="Time left for this question" endsAt={session.questionEndsAt} onElapsed={onTimeUp} />}
      <TextArea label="Your answer" hint="In English. Answers cannot be changed once sent." value={text} onChange={(e) => setText(e.target.value)} required rows={6} />
      <ErrorNotice error={answer.error} />
      <button type="submit" className="primary" disabled={answer.busy || !text.trim()}>
        {index + 1 < session.questions.length ? 'Answer and continue' : 'Answer last question'}
      </button>
    </form>
  );
}

function CompleteStep({ proposalId, session, onCompleted }: { proposalId: string; session: InterviewSession; onCompleted: () => void }) {
  const complete = useAction(async () => {
    await api.interviews.complete(proposalId);
    onCompleted();
  });
  if (session.status !== 'started') {
    return (
      <div>
        <p>The interview is complete.</p>
        <button type="button" onClick={onCompleted}>
          Continue to your proposal
        </button>
      </div>
    );
  }
  return (
    <div>
      <h3>Every question is answered</h3>
      <Transcript transcript={session.transcript} />
      <p>Completing the interview is final: it cannot be retaken or edited afterwards.</p>
      <ErrorNotice error={complete.error} />
      <button type="button" className="primary" onClick={() => void complete.run()} disabled={complete.busy}>
        Complete interview
      </button>
    </div>
  );
}
