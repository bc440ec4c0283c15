import { describe, expect, it } from '@jest/globals';
import { interviewRoomName, interviewWorkflowIdOfRoom } from './video-rooms.js';

describe('interview room names', () => {
  const job = '3f1d2c8e-5b7a-4c1e-9a0b-7d6e5f4c3b2a';
  const freelancer = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

  it('derive from the workflow id and lead back to it, retakes included', () => {
    for (const workflowId of [`interview/${job}/${freelancer}`, `interview/${job}/${freelancer}/retake-1`]) {
      const room = interviewRoomName(workflowId);
      expect(room).not.toContain('/');
      expect(interviewWorkflowIdOfRoom(room)).toBe(workflowId);
    }
  });

  it('are not confused with other rooms', () => {
    expect(interviewWorkflowIdOfRoom(`call_${job}`)).toBeNull();
    expect(interviewWorkflowIdOfRoom('interview_../../etc')).toBeNull();
  });
});
