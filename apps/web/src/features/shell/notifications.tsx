import { useState } from 'react';
import { useLiveEvent } from '../../realtime/live-events.js';
import { describeEvent } from './event-text.js';

interface Notice {
  id: string;
  text: string;
}

/** The latest pushed events, announced politely to screen readers and dismissible. */
export function Notifications() {
  const [notices, setNotices] = useState<Notice[]>([]);
  useLiveEvent(
    (event) => describeEvent(event) !== null,
    (event) => setNotices((current) => [{ id: event.id, text: describeEvent(event)! }, ...current].slice(0, 4)),
  );
  return (
    <aside className="notifications" aria-label="Notifications">
      <ul aria-live="polite">
        {notices.map((notice) => (
          <li key={notice.id}>
            <span>{notice.text}</span>
            <button type="button" aria-label={`Dismiss: ${notice.text}`} onClick={() => setNotices((current) => current.filter((n) => n.id !== notice.id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
