import { useEffect, useState, type FormEvent } from 'react';
import * as api from '../../api/endpoints.js';
import type { Message } from '../../api/contract.js';
import { aboutProposal, useLiveEvent } from '../../realtime/live-events.js';
import { useSignedIn } from '../../session/session-context.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { TextArea, TextField } from '../../ui/fields.js';
import { ResourceView } from '../../ui/resource-view.js';
import { formatDate } from '../../ui/stage-badge.js';
import { useAction } from '../../ui/use-action.js';
import { useResource } from '../../ui/use-resource.js';

/**
 * The proposal's message thread. New messages arrive over the socket; what the other party
 * wrote is marked read once shown. A refused message stays in the box with what to change.
 */
export function Thread({ proposalId, canWrite, emptyText }: { proposalId: string; canWrite: boolean; emptyText: string }) {
  const me = useSignedIn();
  const thread = useResource(() => api.messages.list(proposalId), `thread:${proposalId}`);
  useLiveEvent(aboutProposal(proposalId), (event) => {
    if (event.type === 'message.created' || event.type === 'message.read') thread.reload();
  });
  const unread = thread.data?.unreadCount ?? 0;
  useEffect(() => {
    if (unread > 0) void api.messages.markRead(proposalId).catch(() => undefined);
  }, [unread, proposalId]);

  return (
    <section className="card thread" aria-labelledby="thread-title">
      <h2 id="thread-title">Messages</h2>
      <ResourceView resource={thread} what="messages">
        {(data) =>
          data.items.length === 0 ? (
            <p>{emptyText}</p>
          ) : (
            <ol className="messages" aria-label="Message thread">
              {[...data.items].reverse().map((message) => (
                <MessageItem key={message.id} message={message} mine={message.senderId === me.accountId} />
              ))}
            </ol>
          )
        }
      </ResourceView>
      {canWrite && <Compose proposalId={proposalId} onSent={thread.reload} />}
    </section>
  );
}

function MessageItem({ message, mine }: { message: Message; mine: boolean }) {
  const [reporting, setReporting] = useState(false);
  return (
    <li className={`message ${mine ? 'mine' : 'theirs'}`}>
      <p className="message-meta">
        {mine ? 'You' : 'Them'} · {formatDate(message.createdAt)}
        {mine && message.readAt && ' · read'}
        {message.redacted && ' · contact details removed'}
      </p>
      <p className="message-body">{message.body}</p>
      {!mine &&
        (reporting ? (
          <ReportMessage messageId={message.id} onDone={() => setReporting(false)} />
        ) : (
          <button type="button" className="link-button" onClick={() => setReporting(true)}>
            Report this message
          </button>
        ))}
    </li>
  );
}

function ReportMessage({ messageId, onDone }: { messageId: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState(false);
  const report = useAction(async () => {
    await api.messages.flag(messageId, reason);
    setSent(true);
  });
  if (sent) return <p role="status">Reported for review. Thank you.</p>;
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void report.run();
      }}
    >
      <TextField label="Why are you reporting it?" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
      <button type="submit" disabled={report.busy}>
        Report
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      <ErrorNotice error={report.error} />
    </form>
  );
}

function Compose({ proposalId, onSent }: { proposalId: string; onSent: () => void }) {
  const [body, setBody] = useState('');
  const send = useAction(async () => {
    await api.messages.post(proposalId, { body });
    setBody('');
    onSent();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send.run();
  };
  return (
    <form className="compose" onSubmit={submit}>
      <TextArea
        label="Message"
        hint="Keep contact details and payment on hireflow until a contract starts."
        value={body}
        onChange={(e) => {
          setBody(e.target.value);
          send.clearError();
        }}
        required
        rows={3}
        maxLength={10000}
        aria-invalid={send.error ? true : undefined}
      />
      <ErrorNotice error={send.error} />
      <button type="submit" disabled={send.busy || !body.trim()}>
        {send.busy ? 'Sending…' : 'Send message'}
      </button>
    </form>
  );
}
