import { useEffect, useRef, useState } from 'react';
import type { Call } from '../../api/contract.js';

/** A Twilio Video call: your camera and every remote participant's tracks, until you hang up. */
export function VideoCall({ call, onHangUp }: { call: Call; onHangUp: () => void }) {
  const local = useRef<HTMLDivElement>(null);
  const remote = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('Connecting…');

  useEffect(() => {
    let leave: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      try {
        const Video = await import('twilio-video');
        const room = await Video.connect(call.token, { name: call.room, audio: true, video: { width: 640 } });
        if (cancelled) return room.disconnect();
        leave = () => room.disconnect();
        room.localParticipant.videoTracks.forEach((p) => local.current?.replaceChildren(p.track.attach()));
        const show = (track: { kind: string; attach?: () => HTMLMediaElement }) => {
          if (track.attach && (track.kind === 'video' || track.kind === 'audio')) remote.current?.appendChild(track.attach());
        };
        room.participants.forEach((participant) => {
          participant.tracks.forEach((publication) => publication.track && show(publication.track));
          participant.on('trackSubscribed', show);
        });
        room.on('participantConnected', (participant) => participant.on('trackSubscribed', show));
        setStatus(room.participants.size > 0 ? 'In the call' : 'Waiting for the other party to join…');
        room.on('participantConnected', () => setStatus('In the call'));
        room.on('participantDisconnected', () => setStatus('The other party left'));
      } catch (error) {
        setStatus(`The call could not start: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
    return () => {
      cancelled = true;
      leave?.();
    };
  }, [call.token, call.room]);

  return (
    <div className="video-call">
      <p role="status">{status}</p>
      <div className="call-tiles">
        <div ref={local} className="tile" aria-label="Your camera" />
        <div ref={remote} className="tile" aria-label="The other party" />
      </div>
      <button type="button" onClick={onHangUp}>
        Hang up
      </button>
    </div>
  );
}
