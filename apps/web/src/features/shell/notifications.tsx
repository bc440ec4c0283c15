import { useEffect, useState } from 'react';
import { useLiveEvent } from '../../realtime/live-events.js';
import { describeEvent } from './event-text.js';

interface Notice {
  id: string;
  text: string;
}

/** Long enough to read; each notice can also be dismissed at once. */
const SHOWN_FOR_MS = 10_000;

/** The latest pushed events, announced politely to screen readers and dismissible. */
export function Notifications() {
  const [notices, setNotices] = useState<Notice[]>([]);
  useLiveEvent(
    (event) => describeEvent(event) !== null,
    (event) => setNotices((current) => [{ id: event.id, text: describeEvent(event)! }, ...current].slice(0, 4)),
  );
  const oldest = notices.at(-1)?.id;
  useEffect(() => {
    if (!oldest) return;
    const timer = setTimeout(() => setNotices((current) => current.filter((n) => n.id !== oldest)), SHOWN_FOR_MS);
    return () => clearTimeout(timer);
  }, [oldest]);
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
