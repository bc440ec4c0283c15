import { useEffect, useRef, useState } from 'react';

const format = (ms: number) => {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/**
 * Time left until `endsAt`, as the server set it. `onElapsed` runs once when it reaches zero,
 * so the screen can ask the interview where it stands (a question whose time ran out moves on).
 */
export function Countdown({ label, endsAt, onElapsed }: { label: string; endsAt: string; onElapsed?: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const end = Date.parse(endsAt);
  const fired = useRef<string | null>(null);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  const left = end - now;
  useEffect(() => {
    if (left <= 0 && fired.current !== endsAt) {
      fired.current = endsAt;
      onElapsed?.();
    }
  }, [left, endsAt, onElapsed]);
  const urgent = left < 30_000;
  return (
    <div className={`countdown${urgent ? ' urgent' : ''}`}>
      <span>{label}</span>{' '}
      <span role="timer" aria-label={`${label}: ${format(left)}`}>
        {format(left)}
      </span>
    </div>
  );
}
