import { useEffect, useRef, useState } from 'react';

/**
 * The interview's video room on Twilio: the camera and microphone are published to the room,
 * which Twilio records for the client. The SDK is loaded only when a Twilio token is given.
 */
export function CameraRoom({ token, room }: { token: string; room: string }) {
  const preview = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'connecting' | 'recording' | 'failed'>('connecting');
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    let disconnect: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      try {
        const Video = await import('twilio-video');
        const joined = await Video.connect(token, { name: room, audio: true, video: { width: 640 } });
        if (cancelled) return joined.disconnect();
        disconnect = () => joined.disconnect();
        joined.localParticipant.videoTracks.forEach((publication) => {
          const element = publication.track.attach();
          element.setAttribute('aria-label', 'Your camera');
          preview.current?.replaceChildren(element);
        });
        setState('recording');
      } catch (error) {
        setProblem(error instanceof Error ? error.message : String(error));
        setState('failed');
      }
    })();
    return () => {
      cancelled = true;
      disconnect?.();
    };
  }, [token, room]);

  return (
    <section className="camera" aria-label="Camera">
      <div ref={preview} className="camera-preview" />
      <p role="status">
        {state === 'connecting' && 'Connecting your camera…'}
        {state === 'recording' && 'Recording: the client will see this video with your answers.'}
        {state === 'failed' && `The camera could not start (${problem}). You can still answer in writing.`}
      </p>
    </section>
  );
}
