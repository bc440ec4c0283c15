import type { Interview } from '../../api/contract.js';

const STATUS_TEXT: Record<Interview['recording']['status'], string> = {
  none: 'No video was recorded: the interview was held in writing.',
  pending: 'The video is still being processed.',
  available: 'The video recording is available.',
  unavailable: 'The video recording is not available.',
};

/**
 * Where the interview's video stands. The API hands the recording out as a redirect behind a
 * bearer token, which a browser's <video> element cannot send, so the screen shows its status.
 */
export function Recording({ recording }: { recording: Interview['recording'] }) {
  return <p className="recording">{STATUS_TEXT[recording.status]}</p>;
}
